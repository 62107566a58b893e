//! Working together: contributors, review, history, undo, bundles, merge,
//! the spreadsheet round trip and two writers at once, through the real binary.

mod common;

use common::{Workdir, sample};

fn imported() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// `canon --db DB ARGS…` in the work directory, asserting success.
fn at(db: &std::path::Path, w: &Workdir, args: &[&str]) -> String {
    let mut c = assert_cmd::Command::cargo_bin("canon").unwrap();
    c.current_dir(w.dir.path()).env_remove("CANON_DB").env_remove("CANON_USER").arg("--db").arg(db).args(args);
    let out = c.output().unwrap();
    assert!(out.status.success(), "canon --db {} {args:?}\n{}", db.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn first_item(w: &Workdir, module: &str) -> String {
    let items = w.json(&["item", "list", "--module", module, "--format", "json"]);
    items[0]["id"].as_i64().unwrap().to_string()
}

#[test]
fn writes_that_need_a_person_say_so() {
    let w = imported();
    let item = first_item(&w, "MED2002");
    for args in [
        vec!["tag", item.as_str(), "epistemic-bias"],
        vec!["untag", item.as_str(), "epistemic-bias"],
        vec!["link", "10.1056/NEJMms2004740", "MED2003"],
        vec!["reading", "add", "--title", "Something new"],
        vec!["review", "10.1056/NEJMms2004740", "--approve"],
    ] {
        let err = w.fails(&args);
        assert!(err.contains("who is making this change? pass --by NAME or set CANON_USER"), "{args:?}: {err}");
    }
    // $CANON_USER stands in for --by.
    let out = w.cmd(&["tag", &item, "epistemic-bias"]).env("CANON_USER", "student-7").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'student-7'"), 1);
}

#[test]
fn contributors_with_roles_and_pseudonyms() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&[
        "contributor",
        "add",
        "Dr Okafor",
        "--role",
        "faculty",
        "--affiliation",
        "Dept of Medicine",
        "--by",
        "amina",
    ]);
    w.ok(&["contributor", "add", "night-owl", "--pseudonym"]);
    let err = w.fails(&["contributor", "add", "x", "--role", "dean"]);
    assert!(err.contains("invalid value"), "{err}");
    let list = w.json(&["contributor", "list", "--format", "json"]);
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Dr Okafor", "amina", "night-owl"]);
    assert_eq!(list[0]["role"], "faculty");
    assert_eq!(list[2]["pseudonym"], true);
    // Changing a role is an update, kept in the history.
    w.ok(&["contributor", "add", "Dr Okafor", "--role", "maintainer", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM history WHERE entity = 'contributor' AND action = 'update'"), 1);
    let csv = w.ok(&["contributor", "list", "--format", "csv"]);
    assert!(csv.starts_with("id,name,role"), "{csv}");
}

#[test]
fn review_workflow_keeps_reviewers_honest() {
    let w = imported();
    let id = w.ok(&["reading", "add", "--title", "Black Skin, White Masks", "--year", "1952", "--by", "amina"]);
    let id = id.trim();
    assert_eq!(w.json(&["reading", "show", id, "--format", "json"])["status"], "suggested");
    let suggested = w.json(&["reading", "list", "--status", "suggested", "--format", "json"]);
    assert_eq!(suggested.as_array().unwrap().len(), 1);
    let err = w.fails(&["review", id, "--approve", "--by", "amina"]);
    assert!(err.contains("you suggested"), "{err}");
    w.ok(&["review", id, "--approve", "--by", "amina", "--self", "--note", "our group allows it"]);
    assert_eq!(w.json(&["reading", "show", id, "--format", "json"])["status"], "approved");
    w.ok(&["review", id, "--reject", "--by", "Dr Okafor", "--note", "out of scope"]);
    assert_eq!(w.json(&["reading", "show", id, "--format", "json"])["status"], "rejected");
    assert_eq!(w.count(&format!("SELECT count(*) FROM review WHERE reading_id = {id}")), 2);
    let log = w.json(&["log", "--entity", "reading", "--id", id, "--format", "json"]);
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["insert", "update", "update"]);
    assert_eq!(log[2]["by"], "Dr Okafor");
    assert_eq!(log[2]["before"]["status"], "approved");
    assert!(w.fails(&["review", id, "--by", "x"]).contains("--approve"));
}

#[test]
fn log_filters_by_person_entity_and_date() {
    let w = imported();
    let item = first_item(&w, "MED2002");
    w.ok(&["tag", &item, "epistemic-bias", "--by", "amina"]);
    w.ok(&["reading", "add", "--title", "A new suggestion", "--theme", "epistemic-bias", "--by", "student-7"]);
    let mine = w.json(&["log", "--by", "amina", "--format", "json"]);
    let entities: Vec<&str> = mine.as_array().unwrap().iter().map(|e| e["entity"].as_str().unwrap()).collect();
    assert_eq!(entities, ["contributor", "item_tag"]);
    let theirs = w.json(&["log", "--by", "student-7", "--entity", "reading_tag", "--format", "json"]);
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    let none = w.json(&["log", "--since", "2999-01-01", "--format", "json"]);
    assert!(none.as_array().unwrap().is_empty());
    assert!(w.fails(&["log", "--since", "yesterday"]).contains("expected YYYY-MM-DD"));
    let table = w.ok(&["log", "--by", "amina"]);
    assert!(table.contains("item_tag") && table.contains("theme_id"), "{table}");
}

fn read_dir(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn bundles_are_deterministic_and_rebuild_an_equal_database() {
    let w = imported();
    let item = first_item(&w, "MED2002");
    w.ok(&["tag", &item, "epistemic-bias", "--by", "amina"]);
    w.ok(&["link", "10.1056/NEJMms2004740", "MED2003", "--by", "amina"]);
    let x = w.path("x");
    let y = w.path("y");
    w.ok(&["export", "bundle", x.to_str().unwrap()]);
    w.ok(&["export", "bundle", y.to_str().unwrap()]);
    assert_eq!(read_dir(&x), read_dir(&y), "two exports of the same data differ");
    let names: Vec<String> = read_dir(&x).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"reading.jsonl".to_string()) && names.contains(&"manifest.json".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("fts")), "{names:?}");

    // A one-record change is a one-line diff.
    w.ok(&["tag", &item, "historical-awareness", "--by", "amina"]);
    w.ok(&["export", "bundle", y.to_str().unwrap()]);
    let before = String::from_utf8(std::fs::read(x.join("item_tag.jsonl")).unwrap()).unwrap();
    let after = String::from_utf8(std::fs::read(y.join("item_tag.jsonl")).unwrap()).unwrap();
    assert_eq!(after.lines().count(), before.lines().count() + 1);
    assert!(before.lines().all(|l| after.contains(l)));

    // Rebuilt into a new database: the same content, and search works.
    let c = w.path("c.db");
    let run = |db: &std::path::Path, args: &[&str]| at(db, &w, args);
    run(&c, &["import", "bundle", y.to_str().unwrap()]);
    let z = w.path("z");
    run(&c, &["export", "bundle", z.to_str().unwrap()]);
    assert_eq!(read_dir(&y), read_dir(&z), "the rebuilt database differs");
    let conn = rusqlite::Connection::open(&c).unwrap();
    let hits: i64 =
        conn.query_row("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'spirometry'", [], |r| r.get(0)).unwrap();
    assert!(hits > 0);
    // Again: the same data, nothing to do. Into a database with other data: refused.
    run(&c, &["import", "bundle", y.to_str().unwrap()]);
    let err = w.fails(&["import", "bundle", x.to_str().unwrap()]);
    assert!(err.contains("already holds other data") && err.contains("canon merge"), "{err}");
}

#[test]
fn spreadsheet_round_trip_updates_the_same_records() {
    let w = imported();
    let n = w.count("SELECT count(*) FROM reading");
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    assert!(csv.starts_with("id,title,authors,year,type,doi,url,themes,notes"), "{csv}");
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let id = rows[0][0].clone();
    rows[0][1] = format!("{} (second edition)", rows[0][1]);
    rows[3][8] = "Annotated in a spreadsheet".into();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(csv.lines().next().unwrap().split(',')).unwrap();
    for r in &rows {
        out.write_record(r).unwrap();
    }
    let path = w.write("edited.csv", out.into_inner().unwrap());
    let dry = w.ok(&["import", "reading", path.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("second edition") && dry.contains("same ID"), "{dry}");
    let summary = w.ok_stderr(&["import", "reading", path.to_str().unwrap()]);
    assert!(summary.contains("0 new, 2 changed"), "{summary}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), n);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id} AND title LIKE '%(second edition)'")), 1);
    // Re-importing the same sheet changes nothing.
    let again = w.ok_stderr(&["import", "reading", path.to_str().unwrap()]);
    assert!(again.contains("0 new, 0 changed"), "{again}");
    // A bad ID is reported where it is.
    let bad = w.write("bad.csv", "id,title\nabc,Something\n");
    let err = w.fails(&["import", "reading", bad.to_str().unwrap()]);
    assert!(err.contains("bad.csv:2:1: id \"abc\" is not a canon ID"), "{err}");
}
