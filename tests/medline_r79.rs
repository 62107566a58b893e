//! Tester r79 (F5, F6, F9, F10, F11): PubMed's language marker after a
//! title ("[Article in Spanish]"), its "[Not Available]" placeholder title,
//! and records whose PMIDs differ (two errata, two untitled articles),
//! which are two works whatever their titles.

mod common;
use common::*;

const SPANISH_RIS: &str = "TY  - JOUR\nAU  - Garcia-Marquez, A. L.\nAU  - de la Cruz, J.\nAU  - WHO Study Group on Maternal Health\nTI  - Racial disparities in maternal mortality in Latin America [Article in Spanish]\nT2  - Rev Esp Salud Publica\nPY  - 2005\nVL  - 20\nIS  - 3\nSP  - 45\nEP  - 52\nLA  - spa\nER  - \n";

const SPANISH_NBIB: &str = "PMID- 11111111\nOWN - NLM\nSTAT- MEDLINE\nVI  - 20\nIP  - 3\nDP  - 2005 Spring\nTI  - [Racial disparities in maternal mortality in Latin America].\nPG  - 45-52\nFAU - Garcia-Marquez, Ana Lucia\nAU  - Garcia-Marquez AL\nFAU - de la Cruz, Jose\nAU  - de la Cruz J\nCN  - WHO Study Group on Maternal Health\nLA  - spa\nPT  - Journal Article\nTT  - Disparidades raciales en la mortalidad materna en America Latina.\nTA  - Rev Esp Salud Publica\nJT  - Revista espanola de salud publica\n";

const TRANSLATION: &str = "[Racial disparities in maternal mortality in Latin America]";
const ORIGINAL: &str = "Disparidades raciales en la mortalidad materna en America Latina";

fn only(list: &serde_json::Value) -> &serde_json::Value {
    let a = list.as_array().expect("array");
    assert_eq!(a.len(), 1, "{list:#}");
    &a[0]
}

// F5: the marker is the language, not the title; the title is PubMed's
// bracketed translation, and Vancouver says the language once.
#[test]
fn the_language_marker_is_the_language_not_the_title() {
    let w = Workdir::new();
    let err = w.import_reading("spanish.ris", SPANISH_RIS);
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    let r = only(&list);
    assert_eq!(r["title"], TRANSLATION);
    assert_eq!(r["language"], "es");
    assert!(r["original_title"].is_null(), "{r:#}");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "[Racial"),
        "Garcia-Marquez AL, de la Cruz J; WHO Study Group on Maternal Health. [Racial disparities in maternal \
         mortality in Latin America]. Rev Esp Salud Publica. 2005;20(3):45-52. Spanish."
    );
}

// F5: one record in either order, with PubMed's original title and PMID.
#[test]
fn the_ris_record_with_the_marker_and_pubmeds_record_are_one_work_in_either_order() {
    for order in [["a.ris", "b.nbib"], ["b.nbib", "a.ris"]] {
        let w = Workdir::new();
        for f in order {
            let err = w.import_reading(f, if f.ends_with("ris") { SPANISH_RIS } else { SPANISH_NBIB });
            assert!(!err.contains("possible duplicate"), "{order:?}: {err}");
            assert!(!err.contains("was not applied"), "{order:?}: {err}");
        }
        let list = w.reading_list();
        let r = only(&list);
        assert_eq!(r["title"], TRANSLATION, "{order:?}");
        assert_eq!(r["original_title"], ORIGINAL, "{order:?}");
        assert_eq!(r["pmid"], "11111111", "{order:?}");
        assert_eq!(r["language"], "es", "{order:?}");
        assert_eq!(
            (r["volume"].as_str(), r["issue"].as_str(), r["pages"].as_str()),
            (Some("20"), Some("3"), Some("45-52"))
        );
    }
}

// F5, the kind: the marker in every format that carries a title; several
// languages; a language the record does not state; English among them.
#[test]
fn the_marker_is_read_in_every_format() {
    let cases: [(&str, &str); 4] = [
        (
            "m.bib",
            "@article{a,\n  author = {Osei, Kwame},\n  title = {Colonial medicine in Ghana [Article in French]},\n  journal = {Sante Publique},\n  year = {2010},\n  volume = {22},\n  pages = {1--9}\n}\n",
        ),
        (
            "m.json",
            r#"[{"id":"a","type":"article-journal","author":[{"family":"Osei","given":"Kwame"}],"title":"Colonial medicine in Ghana [Article in French].","container-title":"Sante Publique","issued":{"date-parts":[[2010]]},"volume":"22","page":"1-9"}]"#,
        ),
        (
            "m.csv",
            "title,authors,year,type\n\"Colonial medicine in Ghana [Article in French]\",\"Osei, Kwame\",2010,article\n",
        ),
        (
            "m.ris",
            "TY  - JOUR\nAU  - Osei, Kwame\nTI  - Colonial medicine in Ghana. [Article in French]\nT2  - Sante Publique\nPY  - 2010\nVL  - 22\nSP  - 1\nEP  - 9\nER  - \n",
        ),
    ];
    for (name, text) in cases {
        let w = Workdir::new();
        let err = w.import_reading(name, text);
        assert!(!err.contains("warning"), "{name}: {err}");
        let list = w.reading_list();
        let r = only(&list);
        assert_eq!(r["title"], "[Colonial medicine in Ghana]", "{name}");
        assert_eq!(r["language"], "fr", "{name}");
        assert!(r["original_title"].is_null(), "{name}: {r:#}");
    }
    // Two languages, one of them English: the title is not a translation.
    let w = Workdir::new();
    w.import_reading(
        "two.ris",
        "TY  - JOUR\nAU  - Osei, Kwame\nTI  - Health in Quebec [Article in English, French]\nPY  - 2011\nER  - \n",
    );
    let list = w.reading_list();
    let r = only(&list);
    assert_eq!(r["title"], "Health in Quebec");
    assert_eq!(r["language"], "en; fr");
}

// F5: a marker naming another language than the record's is said, and the
// record's kept.
#[test]
fn a_marker_against_the_records_language_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "x.ris",
        "TY  - JOUR\nAU  - Osei, Kwame\nTI  - Health in Lisbon [Article in Spanish]\nPY  - 2012\nLA  - por\nER  - \n",
    );
    assert!(
        err.contains(
            "PubMed's marker \"[Article in Spanish]\" after the title names another language than the record's (pt); \
             kept the record's language, and the title without the marker"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let r = only(&list);
    assert_eq!(r["title"], "[Health in Lisbon]");
    assert_eq!(r["language"], "pt");
}

// F6: a bracketed part read as an original title is quoted as the file's
// title as written, with no hint to overwrite PubMed's original title.
#[test]
fn the_warning_quotes_the_files_title_as_written() {
    let w = Workdir::new();
    w.import_reading("b.nbib", SPANISH_NBIB);
    let err = w.import_reading(
        "scopus.ris",
        "TY  - JOUR\nAU  - Garcia-Marquez, A. L.\nTI  - Racial disparities in maternal mortality in Latin America [Disparidades raciales de la mortalidad materna]\nT2  - Rev Esp Salud Publica\nPY  - 2005\nVL  - 20\nIS  - 3\nSP  - 45\nEP  - 52\nER  - \n",
    );
    let line = err.lines().find(|l| l.contains("beside PubMed's translation")).unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.ends_with(
            "the file's title \"Racial disparities in maternal mortality in Latin America [Disparidades raciales de la \
             mortalidad materna]\" was not applied; the stored original stays (its bracketed \"Disparidades raciales de \
             la mortalidad materna\" was read as the work's original title)"
        ),
        "{line}"
    );
    assert!(!line.contains("--original-title"), "{line}");
    let list = w.reading_list();
    assert_eq!(only(&list)["original_title"], ORIGINAL);
}

const NA_NBIB: &str = "PMID- 70000001\nSTAT- MEDLINE\nVI  - 33\nIP  - 2\nDP  - 2017 Mar-Apr\nTI  - [Not Available].\nPG  - 120-8\nFAU - Pérez, Lucía\nAU  - Pérez L\nLA  - spa\nPT  - Journal Article\nTT  - Racismo estructural en la formación médica.\nTA  - Gac Sanit\nJT  - Gaceta sanitaria\n\nPMID- 70000002\nSTAT- MEDLINE\nVI  - 34\nDP  - 2018\nTI  - [Not Available].\nPG  - 10-5\nFAU - Pérez, Lucía\nAU  - Pérez L\nLA  - spa\nPT  - Journal Article\nTT  - Colonialidad y salud pública.\nTA  - Gac Sanit\nJT  - Gaceta sanitaria\n";

const NA2_NBIB: &str = "PMID- 70000003\nSTAT- Publisher\nDP  - 2017 Jun 2\nTI  - [Not Available].\nFAU - Pérez, Lucía\nAU  - Pérez L\nLA  - spa\nPT  - Journal Article\nTT  - Descolonizar el currículo de medicina.\nTA  - Gac Sanit\nJT  - Gaceta sanitaria\nPST - aheadofprint\n";

// F10: the vernacular title is the title; no possible duplicate.
#[test]
fn not_available_is_replaced_by_the_vernacular_title() {
    let w = Workdir::new();
    let err = w.import_reading("na.nbib", NA_NBIB);
    assert!(!err.contains("possible duplicate"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Racismo");
    assert_eq!(r["title"], "Racismo estructural en la formación médica");
    assert!(r["original_title"].is_null(), "{r:#}");
    assert_eq!(r["pmid"], "70000001");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Racismo"),
        "Pérez L. Racismo estructural en la formación médica. Gac Sanit. 2017 Mar-Apr;33(2):120-8. Spanish. PubMed PMID: 70000001."
    );
    assert_eq!(
        reference(&refs, "Colonialidad"),
        "Pérez L. Colonialidad y salud pública. Gac Sanit. 2018;34:10-5. Spanish. PubMed PMID: 70000002."
    );
}

// F9: a later export with another untitled article adds a record; nothing
// of the stored ones changes.
#[test]
fn two_untitled_articles_with_other_pmids_stay_two() {
    let w = Workdir::new();
    w.import_reading("na.nbib", NA_NBIB);
    let err = w.import_reading("na2.nbib", NA2_NBIB);
    assert!(err.contains("readings: 1 new, 0 changed"), "{err}");
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 3);
    let r = reading(&list, "Racismo");
    assert_eq!(
        (r["pmid"].as_str(), r["volume"].as_str(), r["pages"].as_str()),
        (Some("70000001"), Some("33"), Some("120-8"))
    );
    let d = reading(&list, "Descolonizar");
    assert_eq!(d["pmid"], "70000003");
    assert!(d["volume"].is_null() && d["pages"].is_null(), "{d:#}");
}

// F9, the kind: a placeholder with no vernacular title (RIS from PubMed) is
// kept, said, and never matched as a title.
#[test]
fn a_placeholder_without_a_vernacular_title_is_said_and_never_matched() {
    let w = Workdir::new();
    let ris = |id: &str, vol: &str| {
        format!(
            "TY  - JOUR\nAU  - Pérez, Lucía\nTI  - [Not Available].\nT2  - Gac Sanit\nPY  - 2017\nVL  - {vol}\nAN  - {id}\nER  - \n"
        )
    };
    let err = w.import_reading("a.ris", &ris("1", "33"));
    assert!(
        err.contains(
            "the title \"[Not Available].\" is PubMed's placeholder for a title it does not have, and the record \
             gives none in the work's language: kept as written, and never matched as a title"
        ) || err.contains(
            "the title \"[Not Available]\" is PubMed's placeholder for a title it does not have, and the record \
             gives none in the work's language: kept as written, and never matched as a title"
        ),
        "{err}"
    );
    let err = w.import_reading("b.ris", &ris("2", "34"));
    assert!(err.contains("1 new, 0 changed"), "{err}");
    assert!(!err.contains("possible duplicate"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
}

// F9, the kind: RIS with the vernacular title as TT beside the placeholder.
#[test]
fn a_ris_placeholder_beside_tt_takes_the_vernacular_title() {
    let w = Workdir::new();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Pérez, Lucía\nTI  - [Not Available].\nTT  - Racismo estructural en la formación médica\nT2  - Gac Sanit\nPY  - 2017\nLA  - spa\nER  - \n",
    );
    let list = w.reading_list();
    let r = only(&list);
    assert_eq!(r["title"], "Racismo estructural en la formación médica");
    assert!(r["original_title"].is_null(), "{r:#}");
}

const ERR_NBIB: &str = "PMID- 80000001\nSTAT- MEDLINE\nVI  - 76\nIP  - 3\nDP  - 2021 Mar\nTI  - Erratum.\nPG  - 430\nLA  - eng\nPT  - Published Erratum\nEFR - Anaesthesia. 2020 Dec;75(12):1600-1610. PMID: 33000001\nTA  - Anaesthesia\nJT  - Anaesthesia\n\nPMID- 80000002\nSTAT- MEDLINE\nVI  - 76\nIP  - 5\nDP  - 2021 May\nTI  - Erratum.\nPG  - 712\nLA  - eng\nPT  - Published Erratum\nEFR - Anaesthesia. 2021 Jan;76(1):50-60. PMID: 33000002\nTA  - Anaesthesia\nJT  - Anaesthesia\n";

const ERR2_NBIB: &str = "PMID- 80000003\nSTAT- Publisher\nDP  - 2021 Aug 2\nTI  - Erratum.\nLA  - eng\nPT  - Published Erratum\nEFR - Anaesthesia. 2021 Apr;76(4):500-510. PMID: 33000003\nTA  - Anaesthesia\nJT  - Anaesthesia\nPST - aheadofprint\n";

// F11: three errata, three PMIDs, three records; none flagged, none changed.
#[test]
fn errata_with_other_pmids_are_other_works() {
    let w = Workdir::new();
    let err = w.import_reading("err.nbib", ERR_NBIB);
    assert!(!err.contains("possible duplicate"), "{err}");
    let err = w.import_reading("err2.nbib", ERR2_NBIB);
    assert!(err.contains("readings: 1 new, 0 changed"), "{err}");
    assert!(!err.contains("alike"), "{err}");
    let rows: Vec<(String, Option<String>, Option<String>)> = {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        let mut st = c.prepare("SELECT pmid, issue, pages FROM reading ORDER BY pmid").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(
        rows,
        vec![
            ("80000001".into(), Some("3".into()), Some("430".into())),
            ("80000002".into(), Some("5".into()), Some("712".into())),
            ("80000003".into(), None, None),
        ]
    );
}

// F11, the kind: the same in RIS (AN with a PubMed URL is a PMID) and in
// CSL-JSON: a different PMID never merges by title and year.
#[test]
fn a_list_row_with_another_pmid_is_not_merged_by_title() {
    let w = Workdir::new();
    w.import_reading(
        "a.json",
        r#"[{"id":"a","type":"article-journal","title":"Correction","container-title":"BMJ","issued":{"date-parts":[[2020]]},"PMID":"90000001"}]"#,
    );
    let err = w.import_reading(
        "b.json",
        r#"[{"id":"b","type":"article-journal","title":"Correction","container-title":"BMJ","issued":{"date-parts":[[2020]]},"PMID":"90000002"}]"#,
    );
    assert!(err.contains("1 new, 0 changed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE pmid IN ('90000001', '90000002')"), 2);
    // The same PMID is still the same work.
    let err = w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"article-journal","title":"Correction","container-title":"BMJ","issued":{"date-parts":[[2020]]},"volume":"370","PMID":"90000002"}]"#,
    );
    assert!(err.contains("0 new, 1 changed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
}

// F11, the message: a record whose journal both stored works share is not
// said to give no journal. (Two editorials: an erratum is no longer matched
// on its title at all, tester r83; see tests/match_r83.rs.)
#[test]
fn the_alike_warning_does_not_say_the_record_gives_no_journal() {
    let w = Workdir::new();
    w.import_reading(
        "one.json",
        r#"[{"id":"a","type":"article-journal","title":"Editorial","issued":{"date-parts":[[2021]]},"container-title":"Anaesthesia","volume":"76","issue":"3","page":"430"}]"#,
    );
    w.import_reading(
        "two.json",
        r#"[{"id":"b","type":"article-journal","title":"Editorial","issued":{"date-parts":[[2021]]},"container-title":"Anaesthesia","volume":"76","issue":"5","page":"712"}]"#,
    );
    let ids: Vec<String> =
        w.reading_list().as_array().unwrap().iter().map(|r| format!("R{}", r["id"].as_i64().unwrap())).collect();
    let said = w.import_reading("three.csv", "title,year,container,notes\nEditorial,2021,Anaesthesia,a note\n");
    let line = said.lines().find(|l| l.contains("alike")).unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains(&format!(
            "matches 2 stored entries alike ({} and {}: same title, year and authors, and none of the record's DOI, \
             PMID, journal, volume or pages tells them apart, where it gives one); its change went to entry {}",
            ids[0], ids[1], ids[0]
        )),
        "{line}"
    );
    assert!(!line.contains("gives no DOI, journal"), "{line}");
}
