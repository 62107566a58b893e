//! Tester r62: one work's values in two forms give one record whatever
//! order the files come in, and a merge agrees with an import (F4, F7); a
//! year with its publication state keeps both and is cited as in press (F1).

mod common;

use common::{Workdir, reading, reference};

const WITH_ARTICLE: &str = "title,authors,year,type,container,publisher,isbn\n\
    Race and the clinic,\"Osei, Ama\",2019,article,The Lancet,,\n\
    A book on race,\"Lind, Tove\",2017,book,,The New Press,9780802141323\n\
    Another paper,\"Kim, Jae\",2020,article,New England Journal of Medicine,,\n";

const WITHOUT_ARTICLE: &str = "title,authors,year,type,container,publisher,isbn\n\
    Race and the clinic,\"Osei, Ama\",2019,article,Lancet,,\n\
    A book on race,\"Lind, Tove\",2017,book,,New Press,0802141323\n\
    Another paper,\"Kim, Jae\",2020,article,The New England Journal of Medicine,,\n";

/// The values the two lists give in two forms, as stored.
fn forms(list: &serde_json::Value) -> Vec<(String, String)> {
    let field = |t: &str, k: &str| reading(list, t)[k].as_str().unwrap_or_default().to_string();
    vec![
        ("lancet".into(), field("Race and the clinic", "container")),
        ("nejm".into(), field("Another paper", "container")),
        ("press".into(), field("A book on race", "publisher")),
        ("isbn".into(), field("A book on race", "isbn")),
    ]
}

fn expected() -> Vec<(String, String)> {
    [
        ("lancet", "The Lancet"),
        ("nejm", "The New England Journal of Medicine"),
        ("press", "The New Press"),
        ("isbn", "9780802141323"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

/// F4/F7: "The Lancet" and "Lancet", "The New Press" and "New Press", an
/// ISBN-13 and its ISBN-10: the fuller form (with its article; the
/// ISBN-13) in either order, and a stored value kept against the file's
/// other form is said in the real import.
#[test]
fn either_import_order_gives_one_record() {
    let ab = Workdir::new();
    ab.import_reading("a.csv", WITH_ARTICLE);
    let said = ab.import_reading("b.csv", WITHOUT_ARTICLE);
    assert_eq!(forms(&ab.reading_list()), expected(), "{said}");
    assert!(
        said.contains("container: kept \"The Lancet\" (the file's \"Lancet\" is without its leading article)"),
        "{said}"
    );
    assert!(said.contains("isbn: kept \"9780802141323\" (the file's \"0802141323\" is its ISBN-10)"), "{said}");
    assert!(said.contains("publisher: kept \"The New Press\""), "{said}");

    let ba = Workdir::new();
    ba.import_reading("b.csv", WITHOUT_ARTICLE);
    let said = ba.import_reading("a.csv", WITH_ARTICLE);
    assert_eq!(forms(&ba.reading_list()), expected(), "{said}");
    assert!(said.contains("container \"The Lancet\" (was \"Lancet\")"), "{said}");
    assert!(said.contains("isbn \"9780802141323\" (was \"0802141323\")"), "{said}");
    // Settled: neither list changes it again.
    for (name, text) in [("b.csv", WITHOUT_ARTICLE), ("a.csv", WITH_ARTICLE)] {
        let said = ba.import_reading(name, text);
        assert!(said.contains("0 new, 0 changed, 3 unchanged"), "{said}");
    }
    // The dry run lists what it keeps.
    let p = ab.write("b2.csv", WITHOUT_ARTICLE);
    let out = ab.ok(&["import", "reading", p.to_str().unwrap(), "--dry-run"]);
    assert!(
        out.contains("publisher: kept \"The New Press\" (the file's \"New Press\" is without its leading article)")
    );
}

/// Two rows of one file in either order: the same rule.
#[test]
fn either_row_order_within_a_file_gives_one_record() {
    let rows: Vec<&str> = WITH_ARTICLE.lines().skip(1).chain(WITHOUT_ARTICLE.lines().skip(1)).collect();
    let header = WITH_ARTICLE.lines().next().unwrap();
    for order in [rows.clone(), rows.iter().rev().copied().collect()] {
        let w = Workdir::new();
        w.import_reading("both.csv", &format!("{header}\n{}\n", order.join("\n")));
        assert_eq!(forms(&w.reading_list()), expected());
    }
}

/// F4: a merge of two databases that imported the lists apart keeps the
/// same forms an import keeps, on both sides, so the two converge.
#[test]
fn merges_converge_both_ways() {
    let w = Workdir::new();
    let (a, b) = (w.path("a.db"), w.path("b.db"));
    let (fa, fb) = (w.write("a.csv", WITH_ARTICLE), w.write("b.csv", WITHOUT_ARTICLE));
    w.ok_at(&a, &["import", "reading", fa.to_str().unwrap()]);
    w.ok_at(&b, &["import", "reading", fb.to_str().unwrap()]);
    let (a0, b0) = (w.path("a0.db"), w.path("b0.db"));
    std::fs::copy(&a, &a0).unwrap();
    std::fs::copy(&b, &b0).unwrap();
    let into_a = w.ok_at(&a, &["merge", b0.to_str().unwrap(), "--by", "amina"]);
    let into_b = w.ok_at(&b, &["merge", a0.to_str().unwrap(), "--by", "tove"]);
    assert!(into_a.contains("theirs is without its leading article"), "{into_a}");
    assert!(into_a.contains("theirs is its ISBN-10"), "{into_a}");
    let list = |db: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).unwrap()
    };
    assert_eq!(forms(&list(&a)), expected(), "{into_a}");
    assert_eq!(forms(&list(&b)), expected(), "{into_b}");
}

/// F1: a year with its publication state, in every format, keeps both.
#[test]
fn a_year_with_its_state_keeps_both_in_every_format() {
    let w = Workdir::new();
    let said = w.import_reading(
        "p.csv",
        "title,authors,year,type,container,publisher,place\n\
         Press with year,\"Osei, Ama\",2025 (in press),article,N Engl J Med,,\n\
         Forthcoming book,\"Kim, Jae\",Forthcoming 2025,book,,Duke University Press,Durham\n",
    );
    assert!(!said.contains("is not stored"), "{said}");
    w.import_reading(
        "p.bib",
        "@article{k, title={Bib state}, author={Ola, Ade}, journal={BMJ}, year={2025 (forthcoming)}}\n",
    );
    w.import_reading(
        "p2.bib",
        "@article{k2, title={Bib pubstate}, author={Ola, Ade}, journal={BMJ}, year={2024}, pubstate={inpress}}\n",
    );
    w.import_reading("p.ris", "TY  - JOUR\nAU  - Osei, K\nTI  - From RIS\nPY  - 2024 (in press)\nJO  - BMJ\nER  - \n");
    w.import_reading(
        "p.json",
        r#"[{"id":"c","type":"article-journal","title":"From CSL","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2024]]},"container-title":"BMJ","status":"in press"}]"#,
    );
    let list = w.reading_list();
    for (title, year, note) in [
        ("Press with year", 2025, "in press"),
        ("Forthcoming book", 2025, "forthcoming"),
        ("Bib state", 2025, "forthcoming"),
        ("Bib pubstate", 2024, "in press"),
        ("From RIS", 2024, "in press"),
        ("From CSL", 2024, "in press"),
    ] {
        let r = reading(&list, title);
        assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (Some(year), Some(note)), "{r:#}");
    }
    // `reading show`, the export and its re-import, into this database and a new one.
    let id = reading(&list, "Press with year")["id"].to_string().trim_matches('"').to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.contains("2025 (in press)"), "{shown}");
    let out = w.path("e.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let said = w.ok_stderr(&["import", "reading", out.to_str().unwrap(), "--by", "amina"]);
    assert!(said.contains("0 changed"), "{said}");
    let other = w.path("other.db");
    w.ok_at(&other, &["import", "reading", out.to_str().unwrap()]);
    let again: serde_json::Value =
        serde_json::from_str(&w.ok_at(&other, &["reading", "list", "--format", "json"])).unwrap();
    let r = reading(&again, "Forthcoming book");
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (Some(2025), Some("forthcoming")), "{r:#}");
    // The report's readings table (CSV, as the PDF's) gives both.
    let rep = w.path("r.csv");
    w.ok(&["report", rep.to_str().unwrap(), "-q"]);
    let text = std::fs::read_to_string(&rep).unwrap();
    assert!(text.contains("Forthcoming 2025."), "{text}");
}

/// F1: each style cites a work in press with its year as its manual does.
#[test]
fn a_work_in_press_with_its_year_is_cited_in_each_styles_words() {
    let w = Workdir::new();
    w.import_reading(
        "p.csv",
        "title,authors,year,type,container,publisher,place\n\
         Press with year,\"Osei, Ama\",2025 (in press),article,N Engl J Med,,\n\
         Forthcoming book,\"Kim, Jae\",Forthcoming 2025,book,,Duke University Press,Durham\n",
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Press with year"), "Osei, A. (in press). Press with year. N Engl J Med.");
    assert!(reference(&apa, "Forthcoming book").starts_with("Kim, J. (in press). "), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Press with year").starts_with("Osei, Ama. Forthcoming. "), "{chicago:?}");
    assert!(!reference(&chicago, "Press with year").contains("2025"), "{chicago:?}");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Press with year"), "Osei A. Press with year. N Engl J Med. Forthcoming 2025.");
    assert!(reference(&v, "Forthcoming book").ends_with("Durham: Duke University Press; forthcoming 2025."), "{v:?}");
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "Press with year").starts_with("Osei, A. (in press) "), "{harvard:?}");
    assert!(reference(&harvard, "Forthcoming book").starts_with("Kim, J. (forthcoming) "), "{harvard:?}");
}

/// F1: the published version's plain year ends the state, in either order,
/// said like any other replacement; a record without a year changes nothing.
#[test]
fn a_published_year_supersedes_in_press_in_either_order() {
    let in_press = "title,authors,year,type,container\nPress paper,\"Osei, Ama\",2025 (in press),article,BMJ\n";
    let published =
        "title,authors,year,type,container,volume,pages\nPress paper,\"Osei, Ama\",2025,article,BMJ,390,10-19\n";
    let w = Workdir::new();
    w.import_reading("a.csv", in_press);
    let said = w.import_reading("b.csv", published);
    assert!(
        said.contains("publication state \"in press\" ended (the file's year 2025 is the published work's)"),
        "{said}"
    );
    let r = reading(&w.reading_list(), "Press paper").clone();
    assert!(r["year_note"].is_null() && r["year"] == 2025, "{r:#}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Press paper").contains("2025;390:10-9"), "{v:?}");

    let w = Workdir::new();
    w.import_reading("b.csv", published);
    let said = w.import_reading("a.csv", in_press);
    assert!(said.contains("year: kept 2025 without the file's state \"in press\""), "{said}");
    assert!(reading(&w.reading_list(), "Press paper")["year_note"].is_null());
}
