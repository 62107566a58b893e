//! Tester r62 F3, F4, F10 and tester r63 F8: a non-English article's
//! original title kept and cited; a SICI DOI keeps the capitals it was
//! registered in; every reader says a problem at the line of its own cell
//! or tag.

mod common;

use common::{Workdir, reading, reference};

const SICI_CSV: &str = "title,authors,year,type,doi\n\
    \"Cognitive therapy outcomes\",Smith J; Jones K,1999,article,10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2\n";

const SICI_RIS: &str = "TY  - JOUR\nAU  - Smith, J.\nAU  - Jones, K.\nTI  - Cognitive therapy outcomes\nPY  - 1999\n\
    DO  - https://doi.org/10.1002/(sici)1097-4679(199911)55:11%3c1423::aid-jclp12%3e3.0.co;2-2\nER  - \n";

const SICI: &str = "10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2";

/// F4: a SICI DOI is registered in capitals; another list's lower-cased
/// copy matches it and never replaces it, in either order.
#[test]
fn sici_doi_keeps_its_capitals_in_either_order() {
    for (first, second) in [(("a.csv", SICI_CSV), ("b.ris", SICI_RIS)), (("b.ris", SICI_RIS), ("a.csv", SICI_CSV))] {
        let w = Workdir::new();
        w.import_reading(first.0, first.1);
        let said = w.import_reading(second.0, second.1);
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{said}\n{list:#}");
        assert_eq!(reading(&list, "Cognitive")["doi"], SICI, "{first:?} then {second:?}: {said}");
        let refs = w.references("apa");
        // (As a URL, its `<` and `>` are escaped.)
        let printed = "10.1002/(SICI)1097-4679(199911)55:11%3C1423::AID-JCLP12%3E3.0.CO;2-2";
        assert!(reference(&refs, "Cognitive").contains(printed), "{refs:?}");
    }
}

/// F10: after a quoted cell with line breaks, a bad cell is said at the
/// line it is on (and a cell before the break at the record's first line).
#[test]
fn csv_problems_name_the_line_of_their_cell_after_a_quoted_line_break() {
    let w = Workdir::new();
    let p = w.write(
        "bad.csv",
        "title,authors,year,type,doi,themes\n\
         Good one,\"Achebe, Ngozi\",2019,article,10.1000/g1,\n\
         \"Multi\nline title\",\"Eze, C\",2018,article,notadoi,\n\
         \"Two\r\nline\",\"Osei,\nJane\",20x1,article,10.1000/g3,\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("bad.csv:4:5: doi \"notadoi\" is not a DOI"), "{err}");
    // A CRLF and an LF in two cells before the year: two lines on.
    assert!(err.contains("bad.csv:7:3: year \"20x1\" is not a year"), "{err}");
}

/// F10 in the other CSV readers (a Zotero export here).
#[test]
fn zotero_csv_problems_name_the_line_of_their_cell() {
    let w = Workdir::new();
    let p = w.write(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"DOI\"\n\
         \"K1\",\"journalArticle\",\"2019\",\"Osei, Jane\",\"A title\nover two lines\",\"BMJ\",\"notadoi\"\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("z.csv:3:7: doi \"notadoi\" is not a DOI"), "{err}");
}

/// r63 F8: pages, issue and volume a spreadsheet made dates are said at
/// their own cell (CSV) or tag line (RIS, MEDLINE, BibTeX).
#[test]
fn spreadsheet_dates_are_said_at_their_own_cell_or_tag() {
    let w = Workdir::new();
    let said = w.import_reading(
        "h.csv",
        "title,authors,year,type,container,pages,issue,volume\n\"X\nY\",\"Osei, Jane\",2021,article,BMJ,01-May,03-Apr,12-Jan\n",
    );
    for (at, what) in [("h.csv:3:6:", "pages"), ("h.csv:3:7:", "issue"), ("h.csv:3:8:", "volume")] {
        assert!(said.contains(&format!("{at} warning: {what} ")), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.ris",
        "TY  - JOUR\nTI  - X\nAU  - Osei, Jane\nPY  - 2021\nSP  - 01-May\nIS  - 03-Apr\nVL  - 12-Jan\nER  - \n",
    );
    for (at, what) in [("h.ris:5:7:", "pages"), ("h.ris:6:7:", "issue"), ("h.ris:7:7:", "volume")] {
        assert!(said.contains(&format!("{at} warning: in the record starting at line 1: {what} ")), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.nbib",
        "PMID- 1\nDP  - 2021\nTI  - X.\nFAU - Osei, Jane\nVI  - 12-Jan\nIP  - 03-Apr\nPG  - 01-May\nJT  - BMJ\n",
    );
    for (at, what) in [("h.nbib:7:", "pages"), ("h.nbib:6:", "issue"), ("h.nbib:5:", "volume")] {
        assert!(said.lines().any(|l| l.contains(at) && l.contains(&format!(" {what} \""))), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.bib",
        "@article{x,\n  title = {X},\n  author = {Osei, Jane},\n  year = 2021,\n  journal = {BMJ},\n  volume = {12-Jan},\n  number = {03-Apr},\n  pages = {01-May}\n}\n",
    );
    for (at, what) in [("h.bib:8:", "pages"), ("h.bib:7:", "issue"), ("h.bib:6:", "volume")] {
        assert!(said.lines().any(|l| l.contains(at) && l.contains(&format!(" {what} \""))), "{what}: {said}");
    }
}

const FRENCH_NBIB: &str = "PMID- 22222222\nDP  - 2019 Winter\nTI  - [Colonial medicine in French West Africa].\n\
    TT  - La médecine coloniale en Afrique occidentale française.\nVI  - 12\nIP  - 4\nPG  - 301-9\n\
    FAU - Diop, Cheikh Anta\nAU  - Diop CA\nLA  - fre\nPT  - Journal Article\nTA  - Hist Sci Med\n\
    JT  - Histoire des sciences medicales\n";

const ORIGINAL: &str = "La médecine coloniale en Afrique occidentale française";

/// F3: MEDLINE `TT` is stored; APA, Chicago and Harvard (and AMA, MLA and
/// IEEE since r95) cite the original title with the translation in
/// brackets, Vancouver the translation.
#[test]
fn a_medline_original_title_is_stored_and_cited_before_its_translation() {
    let w = Workdir::new();
    let said = w.import_reading("hard.nbib", FRENCH_NBIB);
    assert!(!said.contains("TT"), "TT is read now: {said}");
    let list = w.reading_list();
    let r = reading(&list, "[Colonial");
    assert_eq!(r["title"], "[Colonial medicine in French West Africa]");
    assert_eq!(r["original_title"], ORIGINAL);
    let both = format!("{ORIGINAL} [Colonial medicine in French West Africa]");
    let refs = w.references("apa");
    assert!(reference(&refs, "[Colonial").contains(&both), "apa: {refs:?}");
    // Chicago puts the translation after the closing quotation mark (CMOS 18 §14.98).
    let refs = w.references("chicago");
    let quoted = format!("\u{201c}{ORIGINAL}\u{201d} [Colonial medicine in French West Africa]");
    assert!(reference(&refs, "[Colonial").contains(&quoted), "chicago: {refs:?}");
    // Harvard (Cite Them Right) likewise, in its single quotation marks.
    let refs = w.references("harvard");
    let quoted = format!("\u{2018}{ORIGINAL}\u{2019} [Colonial medicine in French West Africa]");
    assert!(reference(&refs, "[Colonial").contains(&quoted), "harvard: {refs:?}");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "[Colonial"),
        format!("Diop, C. A. (2019). {both}. Histoire des sciences medicales, 12(4), 301–309.")
    );
    let refs = w.references("vancouver");
    let v = reference(&refs, "[Colonial");
    assert!(v.contains("Diop CA. [Colonial medicine in French West Africa]. Hist Sci Med."), "vancouver: {v}");
    assert!(!v.contains("médecine"), "vancouver: {v}");
    // (r95: AMA gives both, the original first, the translation in
    // brackets (AMA 11 §3.9.2); its translation alone would need "[in
    // French]", which it lacked.)
    let refs = w.references("ama");
    let a = reference(&refs, "[Colonial");
    assert!(a.contains(&format!("Diop CA. {both}. Hist Sci Med.")), "ama: {a}");
    // `reading show` names it.
    let id = r["id"].as_i64().unwrap().to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.lines().any(|l| l.starts_with("original title") && l.ends_with(ORIGINAL)), "{shown}");
}

/// F3: the CSV export and its import keep the original title; another
/// database made from the export cites it the same.
#[test]
fn the_original_title_survives_the_csv_round_trip() {
    let w = Workdir::new();
    w.import_reading("hard.nbib", FRENCH_NBIB);
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().next().unwrap().split(',').any(|h| h == "original_title"), "{text}");
    // Re-imported into the same database: nothing changes.
    let again = w.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert!(again.contains("0 changed"), "{again}");
    let other = Workdir::new();
    other.ok(&["import", "reading", out.to_str().unwrap(), "-q"]);
    assert_eq!(reading(&other.reading_list(), "[Colonial")["original_title"], ORIGINAL);
    let refs = other.references("apa");
    assert!(reference(&refs, "[Colonial").contains(&format!("{ORIGINAL} [Colonial")), "{refs:?}");
    // Typed, and cleared, by `reading edit`.
    let id = reading(&other.reading_list(), "[Colonial")["id"].as_i64().unwrap().to_string();
    other.ok(&["reading", "edit", &id, "--original-title", "La médecine  coloniale", "--by", "ana"]);
    assert_eq!(reading(&other.reading_list(), "[Colonial")["original_title"], "La médecine coloniale");
    other.ok(&["reading", "edit", &id, "--original-title", "", "--by", "ana"]);
    assert!(reading(&other.reading_list(), "[Colonial")["original_title"].is_null());
}

/// F3: CSL-JSON `original-title` and biblatex `origtitle` are stored (and a
/// translated book's own title is cited without it).
#[test]
fn csl_json_and_biblatex_original_titles_are_stored() {
    let w = Workdir::new();
    w.import_reading(
        "z.json",
        r#"[{"id":"a","type":"article-journal","title":"[Colonial medicine in French West Africa]","original-title":"La médecine coloniale en Afrique occidentale française","container-title":"Histoire des sciences medicales","author":[{"family":"Diop","given":"Cheikh Anta"}],"issued":{"date-parts":[[2019]]}}]"#,
    );
    w.import_reading(
        "b.bib",
        "@book{fanon,\n  title = {The Wretched of the Earth},\n  origtitle = {Les Damnés de la Terre},\n  author = {Fanon, Frantz},\n  year = 2004,\n  publisher = {Grove Press}\n}\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "[Colonial")["original_title"], ORIGINAL);
    assert_eq!(reading(&list, "The Wretched")["original_title"], "Les Damnés de la Terre");
    let apa = w.references("apa");
    assert!(reference(&apa, "[Colonial").contains(&format!("{ORIGINAL} [Colonial")), "{apa:?}");
    assert!(!reference(&apa, "The Wretched").contains("Damnés"), "{apa:?}");
}
