//! Issue 12 (lead, r66), through the binary: a title in translation given
//! apart from the title as published (RIS `TT`, EndNote XML
//! `translated-title`) is kept, as MEDLINE's `TT` is, and the full-text
//! index finds a work by its title in the original language.

mod common;

use common::{Workdir, reading, reference};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

const RIS: &str = "TY  - JOUR\nTI  - Rassismus in der Medizin: eine deutsche Perspektive\n\
    TT  - Racism in medicine: a German perspective\nAU  - Müller, Jörg\nPY  - 2023\n\
    JO  - Deutsche medizinische Wochenschrift\nVL  - 148\nIS  - 22\nSP  - 1401\nEP  - 1408\nLA  - ger\n\
    DO  - 10.1055/a-1234-5678\nER  - \n";

const GERMAN: &str = "Rassismus in der Medizin: eine deutsche Perspektive";
const ENGLISH: &str = "[Racism in medicine: a German perspective]";

/// RIS `TT` is the translated title (RIS specification, 2011): it was
/// named as "not stored" and lost; APA cited the German alone and
/// Vancouver did not give NLM's bracketed translation.
#[test]
fn ris_translated_title_is_kept_and_cited() {
    let w = workdir();
    let err = w.import_reading("tt.ris", RIS);
    assert!(!err.contains("RIS TT"), "TT is read now: {err}");
    let list = w.reading_list();
    let r = reading(&list, "[Racism");
    assert_eq!(r["title"], ENGLISH, "{r}");
    assert_eq!(r["original_title"], GERMAN, "{r}");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "[Racism").contains(
            "Rassismus in der Medizin: Eine deutsche Perspektive [Racism in medicine: A German perspective]."
        ),
        "{apa:?}"
    );
    let vancouver = w.references("vancouver");
    let v = reference(&vancouver, "[Racism");
    assert!(v.starts_with("Müller J. [Racism in medicine: a German perspective]. "), "{v}");
    assert!(!v.contains("Rassismus"), "{v}");
}

/// The same work from PubMed (translation in `TI`, original in `TT`) and
/// from a RIS export (original in `TI`, translation in `TT`) is one
/// record with one title, whichever comes first.
#[test]
fn ris_and_medline_give_one_record() {
    let nbib = "PMID- 38000001\nDP  - 2023 Nov\nTI  - [Racism in medicine: a German perspective].\n\
        TT  - Rassismus in der Medizin: eine deutsche Perspektive.\nVI  - 148\nIP  - 22\nPG  - 1401-1408\n\
        LID - 10.1055/a-1234-5678 [doi]\nFAU - Müller, Jörg\nAU  - Müller J\nLA  - ger\nPT  - Journal Article\n\
        TA  - Dtsch Med Wochenschr\nJT  - Deutsche medizinische Wochenschrift (1946)\n";
    for order in [["tt.ris", "tt.nbib"], ["tt.nbib", "tt.ris"]] {
        let w = workdir();
        for name in order {
            w.import_reading(name, if name.ends_with("ris") { RIS } else { nbib });
        }
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{order:?}: {list}");
        assert_eq!(list[0]["title"], ENGLISH, "{order:?}");
        assert_eq!(list[0]["original_title"], GERMAN, "{order:?}");
    }
}

/// A `TT` that repeats `TI` loses nothing and changes nothing; one that is
/// the only title is the title.
#[test]
fn ris_tt_repeating_or_alone() {
    let w = workdir();
    let same = "TY  - JOUR\nTI  - Colonial medicine\nTT  - Colonial medicine\nPY  - 2001\nER  - \n";
    let err = w.import_reading("same.ris", same);
    assert!(!err.contains("RIS TT"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Colonial medicine")["title"], "Colonial medicine");
    assert!(reading(&list, "Colonial medicine")["original_title"].is_null());
}

/// EndNote XML's "Translated Title" is kept the same way (it was named as
/// not stored).
#[test]
fn endnote_translated_title_is_kept() {
    let w = workdir();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number>\
        <ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Dupont, Marie</author>\
        </authors></contributors><titles><title>La médecine coloniale en Afrique de l'Ouest</title>\
        <secondary-title>Revue d'histoire</secondary-title>\
        <translated-title>Colonial medicine in West Africa</translated-title></titles>\
        <dates><year>2019</year></dates><language>French</language></record></records></xml>";
    let err = w.import_reading("en.xml", xml);
    assert!(!err.contains("translated-title"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "[Colonial medicine");
    assert_eq!(r["title"], "[Colonial medicine in West Africa]");
    assert_eq!(r["original_title"], "La médecine coloniale en Afrique de l'Ouest");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "[Colonial")
            .contains("La médecine coloniale en Afrique de l'Ouest [Colonial medicine in West Africa]"),
        "{apa:?}"
    );
}

/// `canon search` finds a translated work by its title as published, in
/// a new database and in one whose index was built before (schema 0031
/// indexes such readings again).
#[test]
fn search_finds_the_original_title() {
    let w = workdir();
    let err = w.import_reading("tt.ris", RIS);
    assert_eq!(w.search_titles("Rassismus"), vec![ENGLISH.to_string()]);
    assert_eq!(w.search_titles("racism"), vec![ENGLISH.to_string()]);
    // Undo and redo keep the index right.
    let n = err.split("`canon undo ").nth(1).and_then(|t| t.split('`').next()).expect("a change number");
    w.ok(&["undo", n, "--by", "t"]);
    assert!(w.search_titles("Rassismus").is_empty());
    w.import_reading("tt.ris", RIS);
    // An index as the previous schema wrote it: the title alone.
    let c = rusqlite::Connection::open(w.db()).expect("open");
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    c.execute_batch(&format!(
        "DELETE FROM reading_fts; INSERT INTO reading_fts (rowid, title, authors, annotation) \
         SELECT id, title, '', annotation FROM reading; PRAGMA user_version = {};",
        v - 1
    ))
    .expect("older index");
    drop(c);
    assert_eq!(w.search_titles("Rassismus"), vec![ENGLISH.to_string()]);
    assert_eq!(w.search_titles("Müller"), vec![ENGLISH.to_string()], "authors indexed again");
}
