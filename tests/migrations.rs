//! A database made by the first released schema opens in this version with
//! all its data; one from a newer canon is refused and left untouched.

mod common;

use common::Workdir;

fn fixture(w: &Workdir) -> std::path::PathBuf {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    let dst = w.db();
    std::fs::copy(src, &dst).unwrap();
    dst
}

#[test]
fn a_schema_1_database_migrates_in_place_with_all_its_data() {
    let w = Workdir::new();
    fixture(&w);
    assert_eq!(w.count("PRAGMA user_version"), 1);
    let before = [
        w.count("SELECT count(*) FROM item"),
        w.count("SELECT count(*) FROM item_tag"),
        w.count("SELECT count(*) FROM reading"),
        w.count("SELECT count(*) FROM reading_author"),
        w.count("SELECT count(*) FROM link"),
        w.count("SELECT count(*) FROM history"),
    ];
    w.ok(&["check"]);
    assert!(w.count("PRAGMA user_version") > 1);
    let after = [
        w.count("SELECT count(*) FROM item"),
        w.count("SELECT count(*) FROM item_tag"),
        w.count("SELECT count(*) FROM reading"),
        w.count("SELECT count(*) FROM reading_author"),
        w.count("SELECT count(*) FROM link"),
        w.count("SELECT count(*) FROM history"),
    ];
    assert_eq!(before, after);
    // The data works with every command of this version.
    let items = w.json(&["item", "list", "--theme", "epistemic-bias", "--format", "json"]);
    assert!(
        items.as_array().unwrap().iter().any(|i| i["title"] == "Spirometry interpretation and reference equations")
    );
    let suggested = w.json(&["reading", "list", "--status", "suggested", "--format", "json"]);
    assert_eq!(suggested[0]["title"], "Decolonising Global Health");
    w.ok(&["gaps", "--format", "json"]);
    w.ok(&["report", "r.pdf"]);
    w.ok(&["log", "--by", "amina"]);
    w.ok(&["snapshot", "after-migration", "--by", "maintainer"]);
    w.ok(&["search", "oximetry"]);
}

#[test]
fn a_database_from_a_newer_canon_is_refused_and_untouched() {
    let w = Workdir::new();
    let db = fixture(&w);
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    for args in [&["gaps"][..], &["init"][..], &["import", "modules", "x.csv"][..]] {
        let err = w.fails(args);
        assert!(err.contains("made by a newer canon") && err.contains("Upgrade canon"), "{err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert!(!w.path("canon.db-wal").exists() || std::fs::metadata(w.path("canon.db-wal")).unwrap().len() == 0);
}
