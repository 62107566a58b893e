//! Tester r62: one work's values in two forms give one record whatever
//! order the files come in, and a merge agrees with an import (F4, F7); a
//! year with its publication state keeps both and is cited as in press (F1).

mod common;

use common::{Workdir, reading};

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
