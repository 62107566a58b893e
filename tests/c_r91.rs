//! Tester r91, F2: a name an old export writes in capitals, without its
//! diacritics or its apostrophe ("REVUE D EPIDEMIOLOGIE ET DE SANTE
//! PUBLIQUE"), never replaces the stored name in its own case, in either
//! import order, and a merge settles it by the import's rule.

mod common;
use common::*;

/// The tester's CSL-JSON record (`t/rich.json`, the third one).
const RICH: &str = r#"[{"id":"art2","type":"article-journal","title":"Inégalités sociales et mortalité infantile en Guyane","author":[{"family":"Le Goff","given":"Yann"},{"family":"La Rochefoucauld","given":"Anne-Sophie","non-dropping-particle":"de"}],
 "container-title":"Revue d'Épidémiologie et de Santé Publique","volume":"70","issue":"4","page":"155-162","issued":{"date-parts":[[2022,8]]},"DOI":"10.1016/j.respe.2022.05.003","language":"fr"}]
"#;

/// The tester's old database export of the same work (`t/poor.ris`).
const POOR: &str = "TY  - JOUR\nAU  - LE GOFF, Y.\nAU  - DE LA ROCHEFOUCAULD, A.\n\
TI  - INEGALITES SOCIALES ET MORTALITE INFANTILE EN GUYANE\nT2  - REVUE D EPIDEMIOLOGIE ET DE SANTE PUBLIQUE\n\
PY  - 2022\nVL  - 70\nSP  - 155\nEP  - 62\nDO  - 10.1016/J.RESPE.2022.05.003\nER  - \n";

/// A book in its own case, with its diacritics: publisher, place, series
/// and editor; an article whose title opens with an elision; an article in
/// a journal whose name has no diacritics but its apostrophe.
const BOOK: &str = r#"[{"id":"b1","type":"book","title":"Saúde da população negra no Brasil","editor":[{"family":"Silva","given":"João"}],"publisher":"Edições Loyola","publisher-place":"São Paulo","collection-title":"Série Saúde Pública","issued":{"date-parts":[[2019]]}},
 {"id":"a3","type":"article-journal","title":"L'enfant et la santé publique","author":[{"family":"Martin","given":"Claire"}],"container-title":"Revista de Saúde Pública","volume":"53","page":"1-9","issued":{"date-parts":[[2019]]},"DOI":"10.11606/s1518-8787.2019053000001"},
 {"id":"a4","type":"article-journal","title":"Vaccination en Guyane","author":[{"family":"Martin","given":"Claire"}],"container-title":"Revue d'Epidemiologie et de Sante Publique","volume":"71","page":"10-19","issued":{"date-parts":[[2023]]},"DOI":"10.1016/j.respe.2023.01.001"}]
"#;

/// The same three works from an old export: capitals, no diacritics, an
/// elision's apostrophe written as a space.
const BOOK_RIS: &str = "TY  - BOOK\nED  - SILVA, J.\nTI  - SAUDE DA POPULACAO NEGRA NO BRASIL\nPB  - EDICOES LOYOLA\n\
CY  - SAO PAULO\nT3  - SERIE SAUDE PUBLICA\nPY  - 2019\nER  - \n\n\
TY  - JOUR\nAU  - MARTIN, C.\nTI  - L ENFANT ET LA SANTE PUBLIQUE\nT2  - REVISTA DE SAUDE PUBLICA\nVL  - 53\nSP  - 1\n\
EP  - 9\nPY  - 2019\nDO  - 10.11606/s1518-8787.2019053000001\nER  - \n\n\
TY  - JOUR\nAU  - Martin, C.\nTI  - Vaccination en Guyane\nT2  - Revue d Epidemiologie et de Sante Publique\nVL  - 71\n\
SP  - 10\nEP  - 19\nPY  - 2023\nDO  - 10.1016/j.respe.2023.01.001\nER  - \n";

/// The reading list without the ids (which differ between databases),
/// sorted by title.
fn records(list: serde_json::Value) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().expect("an object").remove("id");
            r
        })
        .collect();
    out.sort_by_key(|r| r["title"].as_str().unwrap_or_default().to_string());
    out
}

/// Imports `first` then `second` (name, text) into a fresh database.
fn imported(first: (&str, &str), second: (&str, &str)) -> (Workdir, String) {
    let w = Workdir::new();
    w.import_reading(first.0, first.1);
    let err = w.import_reading(second.0, second.1);
    (w, err)
}

/// F2: the journal's name in capitals without accents or apostrophe is kept
/// out in both orders, said as the title is; both give one record.
#[test]
fn f2_container_in_capitals_never_replaces_its_own_case() {
    let (a, err) = imported(("rich.json", RICH), ("poor.ris", POOR));
    assert!(
        err.contains(
            "container: kept \"Revue d'Épidémiologie et de Santé Publique\" (the file's \"REVUE D EPIDEMIOLOGIE ET DE \
             SANTE PUBLIQUE\" is the same name in capitals)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "title: kept \"Inégalités sociales et mortalité infantile en Guyane\" (the file's \"INEGALITES SOCIALES ET \
             MORTALITE INFANTILE EN GUYANE\" is the same title in capitals)"
        ),
        "{err}"
    );
    assert!(!err.contains("replaces the stored one: container"), "{err}");
    let (b, err) = imported(("poor.ris", POOR), ("rich.json", RICH));
    assert!(
        err.contains(
            "container \"Revue d'Épidémiologie et de Santé Publique\" (was \"REVUE D EPIDEMIOLOGIE ET DE SANTE \
             PUBLIQUE\")"
        ),
        "{err}"
    );
    let (ra, rb) = (records(a.reading_list()), records(b.reading_list()));
    assert_eq!(ra, rb);
    assert_eq!(ra.len(), 1);
    assert_eq!(ra[0]["container"], "Revue d'Épidémiologie et de Santé Publique");
    assert_eq!(ra[0]["title"], "Inégalités sociales et mortalité infantile en Guyane");
    assert_eq!(ra[0]["doi"], "10.1016/j.respe.2022.05.003");
    assert_eq!(ra[0]["pages"], "155-162");
}

/// F2, the same kind: publisher, place and series in capitals or without
/// diacritics, a title whose elision is written with a space, a journal
/// without its apostrophe: the form with its case, diacritics and
/// punctuation is kept in both orders, each said.
#[test]
fn f2_publisher_place_series_and_punctuation_in_both_orders() {
    let (a, err) = imported(("book.json", BOOK), ("book.ris", BOOK_RIS));
    for said in [
        "publisher: kept \"Edições Loyola\" (the file's \"EDICOES LOYOLA\" is the same name in capitals)",
        "place: kept \"São Paulo\" (the file's \"SAO PAULO\" is the same name without its diacritics)",
        "series: kept \"Série Saúde Pública\" (the file's \"SERIE SAUDE PUBLICA\" is the same name in capitals)",
        "title: kept \"Saúde da população negra no Brasil\" (the file's \"SAUDE DA POPULACAO NEGRA NO BRASIL\" is the \
         same title in capitals)",
        "container: kept \"Revista de Saúde Pública\" (the file's \"REVISTA DE SAUDE PUBLICA\" is the same name in \
         capitals)",
        "title: kept \"L'enfant et la santé publique\" (the file's \"L ENFANT ET LA SANTE PUBLIQUE\" is the same title \
         in capitals)",
        "container: kept \"Revue d'Epidemiologie et de Sante Publique\" (the file's \"Revue d Epidemiologie et de Sante \
         Publique\" is the same name with less of its punctuation)",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(!err.contains("replaces the stored"), "{err}");
    let (b, err) = imported(("book.ris", BOOK_RIS), ("book.json", BOOK));
    for said in [
        "place \"São Paulo\" (was \"SAO PAULO\"), publisher \"Edições Loyola\" (was \"EDICOES LOYOLA\"), series \
         \"Série Saúde Pública\" (was \"SERIE SAUDE PUBLICA\"), title \"Saúde da população negra no Brasil\" (was \
         \"SAUDE DA POPULACAO NEGRA NO BRASIL\")",
        "container \"Revista de Saúde Pública\" (was \"REVISTA DE SAUDE PUBLICA\"), title \"L'enfant et la santé \
         publique\" (was \"L ENFANT ET LA SANTE PUBLIQUE\")",
        "container \"Revue d'Epidemiologie et de Sante Publique\" (was \"Revue d Epidemiologie et de Sante Publique\")",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    let (ra, rb) = (records(a.reading_list()), records(b.reading_list()));
    assert_eq!(ra, rb);
    let list = a.reading_list();
    let book = reading(&list, "Saúde da população");
    assert_eq!(book["publisher"], "Edições Loyola");
    assert_eq!(book["place"], "São Paulo");
    assert_eq!(book["series"], "Série Saúde Pública");
    assert_eq!(book["editor_names"][0]["original"], "Silva, João");
    assert_eq!(book["editor_names"].as_array().map(Vec::len), Some(1));
    assert_eq!(reading(&list, "L'enfant")["container"], "Revista de Saúde Pública");
    assert_eq!(reading(&list, "L'enfant")["title"], "L'enfant et la santé publique");
    assert_eq!(reading(&list, "Vaccination")["container"], "Revue d'Epidemiologie et de Sante Publique");
    assert_eq!(list.as_array().map(Vec::len), Some(3));
}

/// Another journal's name is still another: the file's replaces it, said.
#[test]
fn f2_another_name_in_capitals_still_replaces() {
    let other = POOR.replace("REVUE D EPIDEMIOLOGIE ET DE SANTE PUBLIQUE", "REVUE DE SANTE PUBLIQUE");
    let (w, err) = imported(("rich.json", RICH), ("poor.ris", &other));
    assert!(
        err.contains("container \"REVUE DE SANTE PUBLIQUE\" (was \"Revue d'Épidémiologie et de Santé Publique\")"),
        "{err}"
    );
    assert_eq!(w.reading_list()[0]["container"], "REVUE DE SANTE PUBLIQUE");
}

/// F2 (merge): two databases, one from each list, merged both ways: no
/// conflict, the import's record on both sides, said by the import's rule.
#[test]
fn f2_merge_both_ways_converges() {
    for (rich, poor) in [(RICH, POOR), (BOOK, BOOK_RIS)] {
        let mut got = Vec::new();
        for (ours, theirs) in [(("a.json", rich), ("b.ris", poor)), (("b.ris", poor), ("a.json", rich))] {
            let w = Workdir::new();
            w.import_reading(ours.0, ours.1);
            let other = w.path("theirs.db");
            let f = w.write(theirs.0, theirs.1);
            w.ok_at(&other, &["import", "reading", f.to_str().unwrap(), "-q"]);
            let out = w.cmd(&["merge", other.to_str().unwrap(), "--by", "t"]).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            let table = String::from_utf8_lossy(&out.stdout).to_string();
            assert!(out.status.success(), "{err}");
            assert!(err.contains(", 0 conflicts,"), "{err}");
            let resolve = w.cmd(&["resolve"]).output().unwrap();
            assert!(resolve.status.success());
            assert_eq!(String::from_utf8_lossy(&resolve.stderr).trim(), "no open conflicts");
            assert_eq!(String::from_utf8_lossy(&resolve.stdout).trim(), "");
            if rich == RICH && ours.1 == RICH {
                assert!(
                    table.contains(
                        "container \"Revue d'Épidémiologie et de Santé Publique\" (theirs \"REVUE D EPIDEMIOLOGIE \
                         ET DE SANTE PUBLIQUE\": theirs is the same name in capitals)"
                    ),
                    "{table}"
                );
            }
            got.push(records(w.reading_list()));
        }
        // The same record as the imports give.
        let (w, _) = imported(("a.json", rich), ("b.ris", poor));
        got.push(records(w.reading_list()));
        assert_eq!(got[0], got[1]);
        assert_eq!(got[0], got[2]);
    }
}

/// F2: the kept name is what every style prints.
#[test]
fn f2_references_print_the_name_in_its_own_case() {
    let (w, _) = imported(("rich.json", RICH), ("poor.ris", POOR));
    assert_eq!(
        reference(&w.references("apa"), "Inégalités"),
        "Le Goff, Y., & de La Rochefoucauld, A.-S. (2022). Inégalités sociales et mortalité infantile en Guyane. \
         Revue d'Épidémiologie et de Santé Publique, 70(4), 155–162. https://doi.org/10.1016/j.respe.2022.05.003"
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Inégalités"),
        "Le Goff Y, de La Rochefoucauld AS. Inégalités sociales et mortalité infantile en Guyane. Revue \
         d'Épidémiologie et de Santé Publique. 2022 Aug;70(4):155-62. French. doi:10.1016/j.respe.2022.05.003"
    );
}
