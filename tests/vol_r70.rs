//! Tester r69 F6, F7, F8: a volume of a multi-volume work keeps its number
//! and its own title as fields (not folded into the title), in every
//! import format and every style; AMA prints a book's number in its
//! series; the title-case styles capitalise the word after a dash.
mod common;

use common::{reading, workdir};
use serde_json::Value;

/// The one reference containing `needle`; panics when none or several do.
fn one<'a>(refs: &'a [String], needle: &str) -> &'a str {
    let found: Vec<&String> = refs.iter().filter(|r| r.contains(needle)).collect();
    assert_eq!(found.len(), 1, "one reference with {needle:?}: {refs:#?}");
    found[0]
}

/// The readings of `list` of type `kind` with volume `volume` (`None`: without one).
fn of_volume<'a>(list: &'a Value, kind: &str, volume: Option<&str>) -> Vec<&'a Value> {
    list.as_array().unwrap().iter().filter(|r| r["type"] == kind && r["volume"].as_str() == volume).collect()
}

const TESTER: &str = "@mvbook{oxfordhist, title={Companion Encyclopedia of the History of Medicine}, \
editor={Bynum, W. F. and Porter, Roy}, publisher={Routledge}, location={London}, year={1993}, volumes={2}}\n\
@book{oxfordhist2, crossref={oxfordhist}, title={Medicine in Society}, volume={2}}\n\
@inbook{arnoldchap, crossref={oxfordhist2}, author={Arnold, David}, title={Medicine and Colonialism}, \
pages={1393--1416}}\n";

const MAIN: &str = "Companion Encyclopedia of the History of Medicine";

/// F6 as the tester wrote it: the set, its volume 2 and a chapter in the
/// volume. The volume's number is the volume; the set's title the title
/// (a chapter's book), the volume's own title its volume title.
#[test]
fn a_volume_of_an_mvbook_keeps_its_number_and_title_as_fields() {
    let w = workdir();
    let said = w.import_reading("mv.bib", TESTER);
    assert!(said.contains("3 new"), "the set, the volume and the chapter: {said}");
    assert!(!said.contains("possible duplicate"), "{said}");
    let list = w.reading_list();
    let set = of_volume(&list, "book", None);
    assert_eq!(set.len(), 1, "{list:#}");
    assert_eq!(set[0]["title"], MAIN);
    assert!(set[0]["volume_title"].is_null(), "{:#}", set[0]);
    let volume = of_volume(&list, "book", Some("2"));
    assert_eq!(volume.len(), 1, "{list:#}");
    assert_eq!(volume[0]["title"], MAIN, "the main title, not folded: {:#}", volume[0]);
    assert_eq!(volume[0]["volume_title"], "Medicine in Society");
    let chapter = reading(&list, "Medicine and Colonialism");
    assert_eq!(chapter["container"], MAIN, "{chapter:#}");
    assert_eq!(chapter["volume"], "2");
    assert_eq!(chapter["volume_title"], "Medicine in Society");
    assert_eq!(chapter["publisher"], "Routledge", "the inheritance stays: {chapter:#}");

    // Each style prints the set, the volume and its title as its manual does.
    let v = w.all_references("vancouver");
    assert!(
        one(&v, "Arnold").contains(
            "In: Bynum WF, Porter R, editors. Companion Encyclopedia of the History of Medicine. Vol. 2, Medicine in \
             Society. London: Routledge; 1993. p. 1393-416."
        ),
        "{v:#?}"
    );
    let whole = "Bynum WF, Porter R, editors. Companion Encyclopedia of the History of Medicine. Vol. 2, Medicine in \
                 Society. London: Routledge; 1993.";
    assert!(v.iter().any(|r| r == whole), "{v:#?}");
    let apa = w.all_references("apa");
    assert!(
        one(&apa, "Arnold").contains(
            "Companion Encyclopedia of the History of Medicine: Vol. 2. Medicine in Society (pp. 1393–1416). Routledge."
        ),
        "{apa:#?}"
    );
    let chicago = w.all_references("chicago");
    assert!(
        one(&chicago, "Arnold")
            .contains("In Companion Encyclopedia of the History of Medicine. Vol. 2, Medicine in Society, edited by"),
        "{chicago:#?}"
    );
    let harvard = w.all_references("harvard");
    assert!(
        one(&harvard, "Arnold").contains("Medicine. Vol. 2, Medicine in Society. London: Routledge"),
        "{harvard:#?}"
    );
    let ama = w.all_references("ama");
    assert!(
        one(&ama, "Arnold").contains("Medicine. Vol 2, Medicine in Society. Routledge; 1993:1393-1416."),
        "{ama:#?}"
    );
    // The number once in each, and no volume's number for the set (which
    // gives its number of volumes since schema 0033: APA "(Vols. 1–2)", AMA
    // "Vols 1-2").
    for (style, refs) in [("vancouver", &v), ("apa", &apa), ("chicago", &chicago), ("harvard", &harvard), ("ama", &ama)]
    {
        for r in refs.iter() {
            assert!(r.matches("Vol").count() <= 1, "{style}: {r}");
        }
        let of_a_volume = |r: &&String| r.contains("Vol") && !r.contains("Vols. 1–2") && !r.contains("Vols 1-2");
        assert_eq!(refs.iter().filter(of_a_volume).count(), 2, "{style}: {refs:#?}");
    }
}

/// F6: the same volume from a spreadsheet (the main title and volume 2),
/// CSL-JSON (`volume` and `volume-title`) and RIS (`VL`) is the record the
/// BibTeX made; the set without a volume is the set, another volume another
/// work.
#[test]
fn every_format_finds_the_volume_as_the_same_record() {
    let w = workdir();
    w.import_reading("mv.bib", TESTER);
    let csv = w.import_reading(
        "v.csv",
        &format!("title,editors,year,type,volume,publisher,place\n{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2,Routledge,London\n"),
    );
    assert!(csv.contains("0 new, 0 changed, 1 unchanged"), "{csv}");
    let json = w.import_reading(
        "v.json",
        &format!(
            r#"[{{"id":"v2","type":"book","title":"{MAIN}","volume":"2","volume-title":"Medicine in Society",
"editor":[{{"family":"Bynum","given":"W. F."}},{{"family":"Porter","given":"Roy"}}],"publisher":"Routledge",
"publisher-place":"London","issued":{{"date-parts":[[1993]]}}}},
{{"id":"ch","type":"chapter","title":"Medicine and Colonialism","author":[{{"family":"Arnold","given":"David"}}],
"container-title":"{MAIN}","volume":"2","volume-title":"Medicine in Society","page":"1393-1416","issued":{{"date-parts":[[1993]]}}}}]"#
        ),
    );
    assert!(json.contains("0 new, 0 changed, 2 unchanged"), "{json}");
    assert!(!json.contains("volume-title"), "read, not named as unstored: {json}");
    let ris = w.import_reading(
        "v.ris",
        &format!(
            "TY  - BOOK\nTI  - {MAIN}\nA2  - Bynum, W. F.\nA2  - Porter, Roy\nPY  - 1993\nVL  - 2\nPB  - Routledge\nCY  - London\nER  - \n\
             TY  - CHAP\nTI  - Medicine and Colonialism\nAU  - Arnold, David\nT2  - {MAIN}\nVL  - 2\nSP  - 1393\nEP  - 1416\nPY  - 1993\nER  - \n"
        ),
    );
    assert!(ris.contains("0 new, 0 changed, 2 unchanged"), "{ris}");
    let set = w.import_reading("s.csv", &format!("title,year,type,publisher\n{MAIN},1993,book,Routledge\n"));
    assert!(set.contains("0 new") && !set.contains("possible duplicate"), "the set is the set: {set}");
    let other = w.import_reading("o.csv", &format!("title,year,type,volume\n{MAIN},1993,book,1\n"));
    assert!(other.contains("1 new"), "volume 1 is another work: {other}");
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(4), "{list:#}");
    assert_eq!(of_volume(&list, "book", Some("2"))[0]["volume_title"], "Medicine in Society");
}

/// F6: a volume whose own title only names it ("Volume 2") keeps its main
/// title and number, without "Vol. 2, Volume 2"; a volume title that names
/// the volume where none is given gives it; one naming another number is
/// kept, and said.
#[test]
fn a_volume_title_that_only_names_the_volume_is_its_number() {
    let w = workdir();
    let said = w.import_reading(
        "v.bib",
        "@mvbook{set, title={Textbook of Global Health}, editor={Kaur, Simran}, publisher={Pluto}, year={2001}}\n\
         @book{v2, crossref={set}, title={Volume 2}, volume={2}}\n\
         @incollection{ch, crossref={v2}, author={Osei, Ama}, title={Chapter two}, pages={1--9}}\n",
    );
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    let volume = of_volume(&list, "book", Some("2"));
    assert_eq!(volume.len(), 1, "{list:#}");
    assert_eq!(volume[0]["title"], "Textbook of Global Health");
    assert!(volume[0]["volume_title"].is_null(), "{:#}", volume[0]);
    let ch = reading(&list, "Chapter two");
    assert_eq!((ch["container"].as_str(), ch["volume"].as_str()), (Some("Textbook of Global Health"), Some("2")));
    assert!(ch["volume_title"].is_null(), "{ch:#}");
    let v = w.all_references("vancouver");
    assert!(one(&v, "Osei").contains("Textbook of Global Health. Vol. 2. [place unknown]: Pluto"), "{v:#?}");
    assert!(v.iter().all(|r| !r.contains("Volume 2")), "{v:#?}");

    // CSL-JSON: "Vol. 3" as the volume's title and no volume: volume 3.
    // "Volume 4" beside volume 5: both kept, and said.
    let said = w.import_reading(
        "v.json",
        r#"[{"id":"a","type":"book","title":"Atlas of Health","volume-title":"Vol. 3","issued":{"date-parts":[[2010]]}},
{"id":"b","type":"book","title":"Atlas of Care","volume":"5","volume-title":"Volume 4","issued":{"date-parts":[[2010]]}}]"#,
    );
    let list = w.reading_list();
    let a = reading(&list, "Atlas of Health");
    assert_eq!(a["volume"], "3", "{a:#}");
    assert!(a["volume_title"].is_null(), "{a:#}");
    let b = reading(&list, "Atlas of Care");
    assert_eq!((b["volume"].as_str(), b["volume_title"].as_str()), (Some("5"), Some("Volume 4")));
    assert!(said.contains("volume title \"Volume 4\" names another volume than 5: kept both"), "{said}");
}

/// F6: the volume title is a field like the others: a spreadsheet column,
/// `reading add/edit --volume-title`, `reading show`, the export (which
/// re-imports as the same record), the search.
#[test]
fn the_volume_title_is_edited_exported_and_searched() {
    let w = workdir();
    let said = w.import_reading(
        "v.csv",
        "title,year,type,volume,volume title,publisher\nHandbook of Medical Humanities,2016,book,2,Clinical Encounters,Routledge\n",
    );
    assert!(said.contains("\"volume title\" → volume_title"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "Handbook of Medical Humanities");
    assert_eq!(r["volume_title"], "Clinical Encounters");
    let id = r["id"].as_str().map(String::from).unwrap_or_else(|| r["id"].to_string());
    assert!(
        w.search_titles("encounters").iter().any(|t| t == "Handbook of Medical Humanities"),
        "found by its volume's title"
    );
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains("volume title") && show.contains("Clinical Encounters"), "{show}");
    w.ok(&["reading", "edit", &id, "--volume-title", "Clinical Encounters and Care", "--by", "amina"]);
    let r = w.reading_list();
    assert_eq!(reading(&r, "Handbook")["volume_title"], "Clinical Encounters and Care");
    let v = w.all_references("vancouver");
    assert!(
        one(&v, "Handbook").contains("Handbook of Medical Humanities. Vol. 2, Clinical Encounters and Care."),
        "{v:#?}"
    );
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().next().unwrap().contains("volume_title"), "{text}");
    assert!(text.contains("Clinical Encounters and Care"), "{text}");
    let again = w.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
    // Cleared by an empty value.
    w.ok(&["reading", "edit", &id, "--volume-title", "", "--by", "amina"]);
    assert!(reading(&w.reading_list(), "Handbook")["volume_title"].is_null());
}

/// F6: a title as an older canon folded it ("Main. Vol. 2, Own"), in a
/// database (migration 0032) or in a spreadsheet it exported, is read as
/// the set's title, the volume and the volume's title.
#[test]
fn a_folded_title_from_an_older_canon_is_unfolded() {
    let w = workdir();
    w.import_reading("mv.bib", TESTER);
    let version = w.count("PRAGMA user_version");
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.execute_batch(&format!(
            "UPDATE reading SET title = '{MAIN}. Vol. 2, Medicine in Society', volume = NULL WHERE volume_title IS NOT NULL AND type = 'book';
             UPDATE reading SET container = '{MAIN}. Vol. 2, Medicine in Society', volume = NULL WHERE type = 'chapter';
             ALTER TABLE reading DROP COLUMN volume_title; ALTER TABLE reading DROP COLUMN number_of_volumes; ALTER TABLE reading DROP COLUMN type_inferred;
             DROP TABLE reading_other_isbn; ALTER TABLE reading DROP COLUMN year_end_month; ALTER TABLE reading DROP COLUMN year_end; ALTER TABLE reading DROP COLUMN editors_truncated; ALTER TABLE reading DROP COLUMN archive; ALTER TABLE reading DROP COLUMN archive_location; DROP INDEX reading_pmcid; DROP INDEX reading_eprint; ALTER TABLE reading DROP COLUMN pmcid; ALTER TABLE reading DROP COLUMN eprint; ALTER TABLE reading DROP COLUMN event; ALTER TABLE reading DROP COLUMN event_place; ALTER TABLE reading DROP COLUMN event_date;
             DROP INDEX reading_isbn; CREATE UNIQUE INDEX reading_isbn ON reading (isbn)
               WHERE isbn IS NOT NULL AND type NOT IN ('chapter', 'conference-paper');"
        ))
        .unwrap();
        // Before 0032 (the volume's title), 0033, 0034, 0035 (an ISBN per volume) and 0036 (the end year).
        c.pragma_update(None, "user_version", version - 11).unwrap();
    }
    w.ok(&["check"]);
    assert_eq!(w.count("PRAGMA user_version"), version);
    let list = w.reading_list();
    let volume = of_volume(&list, "book", Some("2"));
    assert_eq!(volume.len(), 1, "{list:#}");
    assert_eq!(
        (volume[0]["title"].as_str(), volume[0]["volume_title"].as_str()),
        (Some(MAIN), Some("Medicine in Society"))
    );
    let ch = reading(&list, "Medicine and Colonialism");
    assert_eq!((ch["container"].as_str(), ch["volume"].as_str()), (Some(MAIN), Some("2")));
    assert_eq!(ch["volume_title"], "Medicine in Society");
    let same_key = "SELECT count(*) FROM reading \
                    WHERE title_key = (SELECT title_key FROM reading WHERE volume IS NULL AND type = 'book')";
    assert_eq!(w.count(same_key), 2, "the key follows the title");

    // The folded form in a spreadsheet is that volume.
    let again = w.import_reading(
        "old.csv",
        &format!("title,year,type,publisher\n\"{MAIN}. Vol. 2, Medicine in Society\",1993,book,Routledge\n"),
    );
    assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
}

/// F7: a book's number in its series, inherited through a crossref, is
/// printed by every bundled style that prints the series; AMA printed
/// "Wellcome Series." without its 7, and nothing of a whole book's series.
#[test]
fn every_style_prints_a_books_number_in_its_series() {
    let w = workdir();
    w.import_reading(
        "s.bib",
        "@proceedings{proc, title={Colonial Medicine Revisited}, editor={Smith, Jane}, publisher={Wellcome Trust}, \
         year={2010}, series={Wellcome Series}, number={7}}\n\
         @incollection{child2, crossref={proc}, author={Doe, John}, title={A chapter in the series}, pages={12--20}}\n\
         @book{bk, author={Osei, Ama}, title={Bodies of knowledge}, series={Studies in Colonial Medicine}, number={12}, \
         publisher={Pluto}, year={2004}}\n",
    );
    let ama = w.all_references("ama");
    assert!(
        one(&ama, "Doe J").contains("Colonial Medicine Revisited. Wellcome Series; vol 7. Wellcome Trust; 2010:12-20."),
        "{ama:#?}"
    );
    let book = "Smith J, ed. Colonial Medicine Revisited. Wellcome Trust; 2010. Wellcome Series; vol 7.";
    assert!(ama.iter().any(|r| r == book), "{ama:#?}");
    assert!(one(&ama, "Osei").ends_with("Pluto; 2004. Studies in Colonial Medicine; vol 12."), "{ama:#?}");
    let wants = [
        ("vancouver", "(Wellcome Series; no. 7)", "(Studies in Colonial Medicine; no. 12)"),
        ("chicago", "Wellcome Series 7", "Studies in Colonial Medicine 12"),
        ("harvard", "(Wellcome Series, 7)", "(Studies in Colonial Medicine, 12)"),
    ];
    for (style, wellcome, studies) in wants {
        let refs = w.all_references(style);
        assert_eq!(refs.iter().filter(|r| r.contains(wellcome)).count(), 2, "{style}: {refs:#?}");
        assert_eq!(refs.iter().filter(|r| r.contains(studies)).count(), 1, "{style}: {refs:#?}");
    }
}

/// F8: " - " (and " -- ", " – ", "—") stands for a title's dash; the
/// title-case styles capitalise the word after it as after a colon
/// (Chicago, AMA's book titles), and APA's sentence case likewise.
#[test]
fn the_word_after_a_dash_in_a_title_keeps_its_capital() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nTI  - Misrepresenting Race - The Role of Medical Schools in Propagating Physician Bias\n\
         AU  - Amutah, Christina\nPY  - 2021\nJO  - New England Journal of Medicine\nVL  - 384\nSP  - 872\nEP  - 878\nER  - \n\
         TY  - BOOK\nTI  - Medical apartheid -- the dark history of medical experimentation\nAU  - Washington, Harriet\n\
         PY  - 2006\nPB  - Doubleday\nER  - \n\
         TY  - BOOK\nTI  - Hidden in plain sight — the other people in the room\nAU  - Jones, Ann\nPY  - 2010\nPB  - Pluto\nER  - \n\
         TY  - CHAP\nTI  - Race – a history of an idea\nAU  - Smith, Bob\nT2  - Race and medicine - a reader\n\
         A2  - Doe, Jane\nPY  - 2012\nPB  - Pluto\nSP  - 1\nEP  - 10\nER  - \n",
    );
    let chicago = w.all_references("chicago");
    for want in [
        "“Misrepresenting Race - The Role of Medical Schools in Propagating Physician Bias.”",
        "Medical Apartheid -- The Dark History of Medical Experimentation.",
        "Hidden in Plain Sight — The Other People in the Room.",
        "“Race – A History of an Idea.” In Race and Medicine - A Reader,",
    ] {
        one(&chicago, want);
    }
    let apa = w.all_references("apa");
    for want in [
        "Medical apartheid -- The dark history of medical experimentation.",
        "Hidden in plain sight — The other people in the room.",
        "Race – A history of an idea. In J. Doe (Ed.), Race and medicine - A reader",
    ] {
        one(&apa, want);
    }
    let ama = w.all_references("ama");
    for want in [
        "Medical Apartheid -- The Dark History of Medical Experimentation.",
        "Hidden in Plain Sight — The Other People in the Room.",
        // A chapter's title in sentence case, its subtitle too (AMA 11 §3.9); its book in title case.
        "Race – a history of an idea. In: Doe J, ed. Race and Medicine - A Reader.",
    ] {
        one(&ama, want);
    }
    // A hyphen inside a word is no dash.
    let w = workdir();
    w.import_reading("b.ris", "TY  - BOOK\nTI  - Race-based medicine and the end of the clinic\nAU  - Braun, Lundy\nPY  - 2014\nPB  - P\nER  - \n");
    one(&w.all_references("chicago"), "Race-Based Medicine and the End of the Clinic.");
}

/// F6 in a Zotero export: the volume's title as a CSL `volume-title:` line
/// of the Extra field (Zotero has no field for it) is the volume title.
#[test]
fn a_zotero_extra_volume_title_is_the_volume_title() {
    let w = workdir();
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Volume\",\"Extra\"\n\
         \"AB12\",\"book\",\"2001\",\"Osei, Ama\",\"Atlas of Care\",\"2\",\"volume-title: Clinical Practice\"\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Atlas of Care");
    assert_eq!((r["volume"].as_str(), r["volume_title"].as_str()), (Some("2"), Some("Clinical Practice")), "{r:#}");
    assert!(r["annotation"].is_null(), "read, not left in the note: {r:#}");
    let apa = w.all_references("apa");
    one(&apa, "Atlas of Care: Vol. 2. Clinical Practice.");
}
