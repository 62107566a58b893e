//! Tester r66 F3, F4, F7 and tester r67 F1, F4, F6: Zotero's Extra lines
//! that give CSL variables; crossref through a multi-volume work; a
//! PubMed Bookshelf record with a title and a book title; a MEDLINE file
//! cut off part way; EndNote's Research Notes in RIS; Web of Science names
//! in capitals.

mod common;

use common::{Workdir, reading, reference};

/// Zotero's CSV export header (the columns these tests fill, in its order).
const ZOTERO_HEADER: &str = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\
    \"Publication Title\",\"ISBN\",\"DOI\",\"Date\",\"Publisher\",\"Place\",\"Extra\"\n";

fn zotero_row(key: &str, year: &str, title: &str, extra: &str) -> String {
    format!(
        "\"{key}\",\"journalArticle\",\"{year}\",\"Okoro, Chidi\",\"{title}\",\"Medical Education\",\"\",\"\",\
         \"\",\"\",\"\",\"{extra}\"\n"
    )
}

/// r66 F3: `status: in press` in Zotero's Extra is the work's publication
/// state, as CSL-JSON's `status` is: cited "(in press)", never "(n.d.)".
#[test]
fn zotero_extra_status_is_the_publication_state() {
    let w = Workdir::new();
    let csv = format!(
        "{ZOTERO_HEADER}{}{}",
        zotero_row("A1", "", "Status line in Extra", "status: in press"),
        zotero_row("A2", "", "Original date line", "original-date: 1952")
    );
    let said = w.import_reading("zot.csv", &csv);
    let list = w.reading_list();
    let r = reading(&list, "Status line");
    assert_eq!(r["year_note"], "in press", "{said}\n{r:#}");
    assert!(r["annotation"].is_null(), "the status line is read, not kept as a note: {r:#}");
    assert_eq!(reading(&list, "Original date")["original_year"], "1952");
    let refs = w.references("apa");
    let apa = reference(&refs, "Status line");
    assert!(apa.contains("(in press)") && !apa.contains("n.d."), "{apa}");
}

/// r66 F3, more of the kind: the other CSL variables canon has fields for
/// (`original-title`, `publisher-place`, `publisher`, `issued`, `ISBN`,
/// "Publisher Place" as Zotero also writes it) fill the record's empty
/// fields; a variable canon has no field for stays in the note and is named;
/// a "Status:" that is no publication state is the group's note.
#[test]
fn zotero_extra_csl_variables_fill_fields_and_the_rest_is_named() {
    let w = Workdir::new();
    let csv = format!(
        "{ZOTERO_HEADER}{}{}{}",
        zotero_row(
            "B1",
            "",
            "Variables in Extra",
            "original-title: Peau noire, masques blancs\nPublisher Place: Dakar\npublisher: Codesria\n\
             issued: 2019-05\narchive-place: Accra\nRead for week 3"
        ),
        zotero_row("B2", "2020", "Status that is a note", "Status: read twice"),
        zotero_row("B3", "2021", "Own year kept", "issued: 1999")
    );
    let said = w.import_reading("zot.csv", &csv);
    let list = w.reading_list();
    let r = reading(&list, "Variables in Extra");
    assert_eq!(r["original_title"], "Peau noire, masques blancs", "{r:#}");
    assert_eq!(r["place"], "Dakar", "{r:#}");
    assert_eq!(r["publisher"], "Codesria", "{r:#}");
    assert_eq!(r["year"], 2019, "{r:#}");
    let note = r["annotation"].as_str().unwrap_or_default();
    assert!(note.contains("archive-place: Accra") && note.contains("Read for week 3"), "{note}");
    assert!(!note.contains("Dakar") && !note.contains("issued"), "read lines leave the note: {note}");
    assert!(said.contains("note line \"archive-place: …\""), "the unread variable is named: {said}");
    let n = reading(&list, "Status that is a note");
    assert_eq!(n["annotation"], "Status: read twice", "{n:#}");
    assert!(n["year_note"].is_null(), "{n:#}");
    // A record's own year wins; Extra's other date stays in the note.
    let o = reading(&list, "Own year kept");
    assert_eq!(o["year"], 2021);
    assert_eq!(o["annotation"], "issued: 1999", "{o:#}");
}

/// r66 F3, the same lines in another format's note (BibTeX `note`), read
/// by the one rule.
#[test]
fn csl_variables_in_a_bibtex_note_are_read_too() {
    let w = Workdir::new();
    let said = w.import_reading(
        "n.bib",
        "@article{k, author = {Osei, Ama}, title = {Forthcoming piece}, journal = {BMJ},\n  note = {status: forthcoming}}\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Forthcoming")["year_note"], "forthcoming", "{said}");
}

const MVBOOK: &str = "@mvbook{oxfordtm,\n  editor    = {Warrell, David A. and Cox, Timothy M. and Firth, John D.},\n\
  title     = {Oxford Textbook of Medicine},\n  edition   = {5},\n  publisher = {Oxford University Press},\n\
  location  = {Oxford},\n  year      = {2010},\n  isbn      = {978-0-19-920485-4},\n  volumes   = {3},\n}\n\n\
@book{oxfordtm-v1,\n  title     = {Sections 1--12},\n  volume    = {1},\n  crossref  = {oxfordtm},\n}\n\n\
@incollection{chapter-sickle,\n  author    = {Weatherall, David J.},\n\
  title     = {Disorders of the synthesis or function of haemoglobin},\n  pages     = {4379--4402},\n\
  crossref  = {oxfordtm-v1},\n}\n";

/// r66 F4: the volume of a multi-volume work does not take the set's ISBN
/// (the file was refused), and the chapter's book names the set and the
/// volume: "Oxford Textbook of Medicine. Vol. 1, Sections 1–12" in
/// Vancouver, the set's title, the volume and its own title stored apart
/// (r69 F6).
#[test]
fn a_chapter_of_a_volume_of_an_mvbook_keeps_the_sets_title() {
    let w = Workdir::new();
    let said = w.import_reading("mv.bib", MVBOOK);
    assert!(!said.contains("ISBN"), "{said}");
    // A set and its volume share editors, year and main title: other works.
    assert!(!said.contains("possible duplicate"), "{said}");
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(3), "{said}\n{list:#}");
    let chapter = reading(&list, "Disorders");
    assert_eq!(chapter["container"], "Oxford Textbook of Medicine", "{chapter:#}");
    assert_eq!(chapter["volume"], "1", "{chapter:#}");
    assert_eq!(chapter["volume_title"], "Sections 1–12", "{chapter:#}");
    assert_eq!(chapter["publisher"], "Oxford University Press");
    assert_eq!(chapter["year"], 2010);
    let volume = list.as_array().unwrap().iter().find(|r| r["volume"] == "1" && r["type"] == "book").unwrap();
    assert_eq!(
        (volume["title"].as_str(), volume["volume_title"].as_str()),
        (Some("Oxford Textbook of Medicine"), Some("Sections 1–12"))
    );
    assert!(volume["isbn"].is_null(), "the set's ISBN is not the volume's: {volume:#}");
    let set = list.as_array().unwrap().iter().find(|r| r["volume"].is_null() && r["type"] == "book").unwrap();
    assert_eq!(set["isbn"], "9780199204854");
    let refs = w.references("vancouver");
    let v = reference(&refs, "Disorders");
    assert!(v.contains("Oxford Textbook of Medicine. Vol. 1, Sections 1–12"), "{v}");
    assert_eq!(v.matches("Vol. 1").count(), 1, "{v}");
}

/// r66 F4, more of the kind: a `@book` volume of a `@book` set (JabRef's
/// way), a chapter that names the set directly (its volume number kept as
/// the volume), and a biblatex entry that writes `maintitle` itself.
#[test]
fn set_titles_reach_volumes_and_chapters_every_way_they_are_written() {
    let w = Workdir::new();
    let bib = "@book{set, editor = {Farmer, Paul}, title = {Reimagining Global Health}, subtitle = {An Introduction},\n\
  publisher = {University of California Press}, year = {2013}, isbn = {978-0-520-27197-5}}\n\
@book{vol2, title = {Volume Two of the Series}, volume = {2}, crossref = {set}}\n\
@incollection{ch, author = {Castillo, Luis}, title = {Grandchild through two levels}, pages = {5--9}, crossref = {vol2}}\n\
@mvbook{works, author = {Shakespeare, William}, title = {Collected Works}, publisher = {Pub}, year = {1975}, volumes = {4}}\n\
@inbook{macbeth, title = {Macbeth}, volume = {3}, pages = {100--200}, crossref = {works}}\n\
@inbook{own, author = {Ama, Osei}, title = {Own maintitle}, maintitle = {Handbook of Things}, mainsubtitle = {A Survey},\n\
  booktitle = {Part Two}, volume = {2}, publisher = {P}, year = {2001}}\n";
    let said = w.import_reading("sets.bib", bib);
    let list = w.reading_list();
    let grandchild = reading(&list, "Grandchild");
    assert_eq!(grandchild["container"], "Reimagining Global Health: An Introduction", "{said}");
    assert_eq!(
        (grandchild["volume"].as_str(), grandchild["volume_title"].as_str()),
        (Some("2"), Some("Volume Two of the Series"))
    );
    let volume = list.as_array().unwrap().iter().find(|r| r["volume"] == "2" && r["type"] == "book").unwrap();
    assert!(volume["isbn"].is_null(), "{volume:#}");
    let macbeth = reading(&list, "Macbeth");
    assert_eq!(macbeth["container"], "Collected Works", "{macbeth:#}");
    assert_eq!(macbeth["volume"], "3", "{macbeth:#}");
    let own = reading(&list, "Own maintitle");
    assert_eq!(own["container"], "Handbook of Things: A Survey");
    assert_eq!((own["volume"].as_str(), own["volume_title"].as_str()), (Some("2"), Some("Part Two")));
    assert!(!said.contains("maintitle"), "maintitle is read, not named: {said}");
}

/// r66 F4: a chapter still takes its book's ISBN (the ISBN a chapter is
/// cited with), and an ISBN problem is said at the line of the ISBN.
#[test]
fn a_chapter_takes_its_books_isbn_and_isbn_problems_name_the_isbn_line() {
    let w = Workdir::new();
    w.import_reading(
        "ch.bib",
        "@book{b, title = {Whole Book}, editor = {Lind, Tove}, year = {2013}, isbn = {978-0-520-27197-5}}\n\
         @incollection{c, author = {Okoro, Chidi}, title = {A Chapter}, pages = {1--9}, crossref = {b}}\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "A Chapter")["isbn"], "9780520271975");
    let w = Workdir::new();
    let path = w.write(
        "two.bib",
        "@book{a,\n  title = {First Book},\n  year = {2001},\n  isbn = {978-0-19-920485-4},\n}\n\n\
         @book{b,\n  title = {Second Book},\n  year = {2001},\n  isbn = {978-0-19-920485-4},\n}\n",
    );
    let err = w.fails(&["import", "reading", path.to_str().expect("utf-8 path")]);
    assert!(err.contains("two.bib:10:"), "said at the second entry's isbn line: {err}");
}

/// r66 F7: a MEDLINE record with a title and a different book title is a
/// chapter (section) of that book whatever its `PT`, said; an `IS` written
/// as an ISBN is read as one (here with a bad check digit, which is said).
#[test]
fn medline_title_beside_book_title_is_a_part_of_the_book() {
    let w = Workdir::new();
    let nbib = "PMID- 30000004\nDP  - 2020\nTI  - Book from PubMed Bookshelf.\n\
BTI - Social determinants of health: a guide for medical students\nFED - Marmot, Michael\n\
PB  - National Academies Press (US)\nPL  - Washington (DC)\nIS  - 978-0-309-12345-6\nLA  - eng\n\
PT  - Review\nPT  - Book\n\n\
PMID- 30000006\nDP  - 2011\nTI  - A whole book.\nBTI - A whole book\nIS  - 978-0-19-920485-4 (Print)\nPT  - Book\n";
    let said = w.import_reading("pm.nbib", nbib);
    let list = w.reading_list();
    let r = reading(&list, "Book from PubMed Bookshelf");
    assert_eq!(r["type"], "chapter", "{r:#}");
    assert_eq!(r["container"], "Social determinants of health: a guide for medical students", "{r:#}");
    assert!(!said.contains("MEDLINE BTI"), "the book title is stored: {said}");
    assert!(said.contains("pm.nbib:4:7: warning") && said.contains("PT \"Book\""), "{said}");
    assert!(said.contains("pm.nbib:8:7: warning") && said.contains("978-0-309-12345-6"), "{said}");
    assert!(!said.contains("MEDLINE IS"), "{said}");
    let book = reading(&list, "A whole book");
    assert_eq!(book["type"], "book");
    assert_eq!(book["isbn"], "9780199204854");
}

const CUT: &str = "PMID- 32853499\r\nDP  - 2020 Aug 27\r\nTI  - Hidden in Plain Sight.\r\nJT  - The New England journal \
of medicine\r\nFAU - Vyas, Darshali A\r\nAU  - Vyas DA\r\nAD  - Harvard.\r\nFAU - Ei";

/// r67 F1: a MEDLINE file that ends in the middle of an author's line is
/// said at that line, and the fragment ("Ei") is no author: the authors end
/// with "et al.".
#[test]
fn a_medline_file_cut_in_an_author_line_is_said_and_the_fragment_left_out() {
    let w = Workdir::new();
    let said = w.import_reading("trunc.nbib", CUT);
    assert!(said.contains("trunc.nbib:8:1: warning") && said.contains("check that the file is whole"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "Hidden");
    assert_eq!(r["authors"], serde_json::json!(["Vyas, Darshali A"]), "{r:#}");
    assert_eq!(r["authors_truncated"], true, "{r:#}");
}

/// r67 F1, more of the kind: cut in a continued abstract line (the real last
/// line named), cut in an editor's name, and a whole file that merely lacks
/// its last line end after a complete record is... still said (PubMed ends
/// every file with one), with nothing left out.
#[test]
fn a_medline_file_without_its_last_line_end_is_said_at_its_real_last_line() {
    let w = Workdir::new();
    let said = w.import_reading(
        "ab.nbib",
        "PMID- 1\nDP  - 2020\nTI  - Abstract cut.\nFAU - Osei, Ama\nAB  - First line of it\n      and the sec",
    );
    assert!(said.contains("ab.nbib:6:1: warning") && said.contains("AB"), "{said}");
    assert_eq!(reading(&w.reading_list(), "Abstract cut")["authors"], serde_json::json!(["Osei, Ama"]));
    let w = Workdir::new();
    let said = w.import_reading(
        "ed.nbib",
        "PMID- 2\nDP  - 2020\nTI  - Editors cut.\nPT  - Book\nFED - Lind, Tove\nFED - Kaur, Sim",
    );
    assert!(said.contains("ed.nbib:6:1: warning") && said.contains("\"Kaur, Sim\" is left out"), "{said}");
    let editors = reading(&w.reading_list(), "Editors cut")["editor_names"].clone();
    assert_eq!(editors.as_array().map(Vec::len), Some(1), "{editors:#}");
    assert_eq!(editors[0]["original"], "Lind, Tove");
    // A file with its line end: nothing said.
    let w = Workdir::new();
    let said = w.import_reading("ok.nbib", "PMID- 3\nDP  - 2020\nTI  - Whole.\nFAU - Osei, Ama\n");
    assert!(!said.contains("whole"), "{said}");
}

/// r67 F1: BibTeX and CSL-JSON cut part way are refused, not half read.
#[test]
fn bibtex_and_csl_json_cut_part_way_are_refused() {
    let w = Workdir::new();
    let bib = w.write("t.bib", "@article{a, author = {Vyas, Darshali A. and Ei");
    let err = w.fails(&["import", "reading", bib.to_str().expect("utf-8 path")]);
    assert!(err.contains("nothing imported"), "{err}");
    let json =
        w.write("t.json", "[{\"id\": \"a\", \"type\": \"article\", \"title\": \"T\", \"author\": [{\"family\": \"Ei");
    let err = w.fails(&["import", "reading", json.to_str().expect("utf-8 path")]);
    assert!(err.contains("nothing imported"), "{err}");
}

/// r67 F4: EndNote's Research Notes (RIS `RN`) are kept as the annotation,
/// as from its XML export, beside the general note (`N1`).
#[test]
fn ris_research_notes_are_kept_as_endnote_xml_keeps_them() {
    let w = Workdir::new();
    let said = w.import_reading(
        "en.ris",
        "TY  - JOUR\nAU  - Doe, Jane\nTI  - With research notes\nPY  - 2020\nN1  - General note\n\
         RN  - Research note\nER  - \n\nTY  - JOUR\nAU  - Roe, Ann\nTI  - Only research notes\nPY  - 2021\n\
         RN  - <p>First</p><p>Second</p>\nER  - \n",
    );
    assert!(!said.contains("RIS RN"), "{said}");
    let list = w.reading_list();
    let xml_way = {
        let x = Workdir::new();
        x.import_reading(
            "en.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
             <contributors><authors><author>Doe, Jane</author></authors></contributors>\
             <titles><title>With research notes</title></titles><dates><year>2020</year></dates>\
             <notes>General note</notes><research-notes>Research note</research-notes></record></records></xml>",
        );
        reading(&x.reading_list(), "With research notes")["annotation"].clone()
    };
    assert_eq!(reading(&list, "With research notes")["annotation"], xml_way);
    assert_eq!(xml_way, "Research note\nGeneral note");
    assert_eq!(reading(&list, "Only research notes")["annotation"], "First\nSecond");
}

const OLD_WOS: &str = "\u{feff}FN Thomson Reuters Web of Science\nVR 1.0\nPT J\nAU VYAS, DA\n   EISENSTEIN, LG\n   \
O'BRIEN-SMITH, K\n   MCDONALD, J\n   VAN DER BERG, P\nAF VYAS, DARSHALI A.\n   EISENSTEIN, LEO G.\n   \
O'BRIEN-SMITH, KATE\n   MCDONALD, JOHN\n   VAN DER BERG, PIETER\nCA Race Correct Study Grp\n\
TI HIDDEN IN PLAIN SIGHT - RECONSIDERING THE USE OF RACE CORRECTION IN\n   CLINICAL ALGORITHMS\n\
SO NEW ENGLAND JOURNAL OF MEDICINE\nPY 2020\nVL 383\nIS 9\nBP 874\nEP 882\nDI 10.1056/NEJMms2004740\nER\n\nEF\n";

/// r67 F6: persons' names in capitals from an old Web of Science export
/// are put in title case as its title is, and said; a "Mc" or a particle
/// is kept as written (its case cannot be told), and said.
#[test]
fn web_of_science_names_in_capitals_are_title_cased_and_said() {
    let w = Workdir::new();
    let said = w.import_reading("oldwos.txt", OLD_WOS);
    let list = w.reading_list();
    let r = reading(&list, "Hidden in Plain Sight");
    let names =
        r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().unwrap_or_default()).collect::<Vec<_>>();
    assert_eq!(names[..3], ["Vyas, Darshali A.", "Eisenstein, Leo G.", "O'Brien-Smith, Kate"], "{r:#}");
    assert!(names.iter().any(|n| n.starts_with("MCDONALD")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("VAN DER BERG")), "{names:?}");
    assert!(said.contains("oldwos.txt:4:4: warning") && said.contains("put in title case"), "{said}");
    assert!(said.contains("\"MCDONALD, JOHN\"") && said.contains("kept as written"), "{said}");
    let refs = w.references("apa");
    let apa = reference(&refs, "Hidden");
    assert!(apa.starts_with("Vyas, D. A., Eisenstein, L. G."), "{apa}");
}

/// r67 F6: names not all in capitals, and an institution's in capitals,
/// are as written, with nothing said.
#[test]
fn web_of_science_names_in_their_own_case_are_untouched() {
    let w = Workdir::new();
    let said = w.import_reading(
        "wos.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Vyas, DA\nAF Vyas, Darshali A.\nCA WHO\n\
         TI Own case\nSO LANCET\nPY 2020\nER\n\nEF\n",
    );
    assert!(!said.contains("title case"), "{said}");
    let r = reading(&w.reading_list(), "Own case").clone();
    assert_eq!(r["authors"][0], "Vyas, Darshali A.", "{r:#}");
}
