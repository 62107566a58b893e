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
    assert!(csv.starts_with("id,changed,title,authors,year,type,doi,url,themes,notes"), "{csv}");
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // IDs are written R915… (a spreadsheet keeps them as text).
    let id = rows[0][0].trim_start_matches('R').to_string();
    rows[0][2] = format!("{} (second edition)", rows[0][2]);
    rows[3][9] = "Annotated in a spreadsheet".into();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(csv.lines().next().unwrap().split(',')).unwrap();
    for r in &rows {
        out.write_record(r).unwrap();
    }
    let path = w.write("edited.csv", out.into_inner().unwrap());
    // Changing what is stored needs a name (issue 10c): refused without one, the dry run says what.
    let err = w.fails(&["import", "reading", path.to_str().unwrap(), "--dry-run"]);
    assert!(err.contains("--by NAME"), "{err}");
    let dry = w.ok(&["import", "reading", path.to_str().unwrap(), "--dry-run", "--by", "amina"]);
    assert!(dry.contains("second edition") && dry.contains("same ID"), "{dry}");
    let summary = w.ok_stderr(&["import", "reading", path.to_str().unwrap(), "--by", "amina"]);
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

/// The acceptance scenario: two copies diverge, then merge.
#[test]
fn merge_brings_in_both_sides_without_duplicates() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "a.pdf"]);
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let spiro = "MED2002/Spirometry interpretation and reference equations";
    w.ok(&["reading", "add", "--title", "Decolonising the Mind", "--year", "1986", "--type", "book", "--by", "amina"]);
    at(&b, &w, &["tag", spiro, "epistemic-bias", "--by", "student-7"]);
    let (readings, tags) = (w.count("SELECT count(*) FROM reading"), w.count("SELECT count(*) FROM item_tag"));

    let dry = w.ok(&["merge", b.to_str().unwrap(), "--dry-run", "--by", "amina", "--format", "csv"]);
    assert!(dry.contains("add,item_tag"), "{dry}");
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), tags, "a dry run wrote");
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), readings);
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), tags + 1);
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'student-7'"), 1);
    // Their change is credited to them in our log.
    let log = w.json(&["log", "--by", "student-7", "--entity", "item_tag", "--format", "json"]);
    assert_eq!(log.as_array().unwrap().len(), 1);
    // Merging again changes nothing.
    let history = w.count("SELECT count(*) FROM history");
    let again = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("0 added, 0 updated, 0 removed"), "{again}");
    assert_eq!(w.count("SELECT count(*) FROM history"), history);
    // And the other way round: b gets amina's reading, once.
    at(&b, &w, &["merge", w.db().to_str().unwrap(), "--by", "student-7"]);
    at(&b, &w, &["merge", w.db().to_str().unwrap(), "--by", "student-7"]);
    let c = rusqlite::Connection::open(&b).unwrap();
    let n: i64 =
        c.query_row("SELECT count(*) FROM reading WHERE title = 'Decolonising the Mind'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
    // Both now hold the same records.
    let (x, y) = (w.path("x"), w.path("y"));
    w.ok(&["export", "bundle", x.to_str().unwrap()]);
    at(&b, &w, &["export", "bundle", y.to_str().unwrap()]);
    for f in ["reading.jsonl", "item_tag.jsonl", "contributor.jsonl", "item.jsonl", "module.jsonl"] {
        assert_eq!(std::fs::read(x.join(f)).unwrap(), std::fs::read(y.join(f)).unwrap(), "{f} differs");
    }
}

#[test]
fn one_sided_changes_are_taken_and_two_sided_ones_are_conflicts() {
    let w = imported();
    let doi = "10.1056/NEJMms2004740";
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let ids = w.json(&["reading", "list", "--format", "json"]);
    let other = ids.as_array().unwrap().iter().find(|r| r["doi"].is_null()).unwrap()["id"].as_i64().unwrap();
    let other = other.to_string();
    // Theirs only: a review. Ours only: nothing on that record.
    at(&b, &w, &["review", &other, "--reject", "--by", "maintainer", "--note", "duplicate of another"]);
    // Both: the same reading's annotation, differently, through the spreadsheet round trip.
    let edit = |db: &std::path::Path, note: &str, name: &str| {
        let csv = at(db, &w, &["export", "reading", "--format", "csv"]);
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let headers = rdr.headers().unwrap().clone();
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&headers).unwrap();
        for r in rdr.records() {
            let mut r: Vec<String> = r.unwrap().iter().map(String::from).collect();
            let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
            if r[col("doi")].eq_ignore_ascii_case(doi) {
                r[col("notes")] = note.to_string();
            }
            out.write_record(&r).unwrap();
        }
        let p = w.write(name, out.into_inner().unwrap());
        at(db, &w, &["import", "reading", p.to_str().unwrap(), "--by", "editor"]);
    };
    edit(&w.db(), "Our reading of it", "ours.csv");
    edit(&b, "Their reading of it", "theirs.csv");

    let err = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "maintainer"]);
    assert!(err.contains("1 updated") && err.contains("1 conflicts"), "{err}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {other} AND status = 'rejected'")), 1);
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE annotation = 'Our reading of it'"),
        1,
        "ours stays until resolved"
    );
    let conflicts = w.json(&["resolve", "--format", "json"]);
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");
    assert_eq!(conflicts[0]["fields"], serde_json::json!(["annotation"]));
    assert_eq!(conflicts[0]["theirs"]["annotation"], "Their reading of it");
    // Merging again lists it no second time.
    w.ok(&["merge", b.to_str().unwrap(), "--by", "maintainer"]);
    assert_eq!(w.count("SELECT count(*) FROM conflict"), 1);
    let id = conflicts[0]["id"].as_i64().unwrap().to_string();
    assert!(w.fails(&["resolve", &id, "--take", "theirs"]).contains("who is making this change"));
    w.ok(&["resolve", &id, "--take", "theirs", "--by", "maintainer"]);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE annotation = 'Their reading of it'"), 1);
    // Our version is not lost: it is in the history and the conflict record.
    assert_eq!(
        w.count("SELECT count(*) FROM history WHERE before LIKE '%Our reading of it%' AND note LIKE 'resolve%'"),
        1
    );
    assert_eq!(
        w.count("SELECT count(*) FROM conflict WHERE ours LIKE '%Our reading of it%' AND resolution = 'theirs'"),
        1
    );
    assert!(w.fails(&["resolve", &id, "--take", "ours", "--by", "maintainer"]).contains("already resolved"));
    assert!(w.json(&["resolve", "--format", "json"]).as_array().unwrap().is_empty());
}

#[test]
fn merge_respects_removals_and_reads_bundles() {
    let w = imported();
    let item = first_item(&w, "MED2002");
    w.ok(&["tag", &item, "intersectional-health", "--by", "amina"]);
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    // They remove the tag; we add another.
    at(&b, &w, &["untag", &item, "intersectional-health", "--by", "student-7"]);
    w.ok(&["tag", &item, "epistemic-bias", "--by", "amina"]);
    let bundle = w.path("theirs");
    at(&b, &w, &["export", "bundle", bundle.to_str().unwrap()]);
    let out = w.ok(&["merge", bundle.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    assert!(out.contains("remove,item_tag"), "{out}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND theme_id = 3")), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND theme_id = 2")), 1);
    // The other way: our epistemic-bias tag arrives, their removal stays removed.
    at(&b, &w, &["merge", w.db().to_str().unwrap(), "--by", "student-7"]);
    let c = rusqlite::Connection::open(&b).unwrap();
    let q = |t: i64| -> i64 {
        c.query_row(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND theme_id = {t}"), [], |r| {
            r.get(0)
        })
        .unwrap()
    };
    assert_eq!((q(2), q(3)), (1, 0));
}

#[test]
fn undo_reverts_one_change_and_refuses_when_later_ones_depend_on_it() {
    let w = imported();
    let item = first_item(&w, "MED2002");
    let last = |w: &Workdir| w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["tag", &item, "epistemic-bias", "--by", "amina"]);
    let tag = last(&w);
    w.ok(&["untag", &item, "epistemic-bias", "--by", "student-7"]);
    let untag = last(&w);
    let err = w.fails(&["undo", &tag, "--by", "amina"]);
    assert!(err.contains(&format!("change #{untag}")) && err.contains("student-7"), "{err}");
    w.ok(&["undo", &untag, "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND theme_id = 2")), 1);
    let undone = last(&w);
    assert_eq!(w.count(&format!("SELECT count(*) FROM history WHERE id = {undone} AND note = 'undo of #{untag}'")), 1);
    // An update (a review) is undone to the status before it.
    let r = w.ok(&["reading", "add", "--title", "Medicine and Empire", "--by", "student-7"]);
    let r = r.trim();
    w.ok(&["review", r, "--approve", "--by", "amina"]);
    w.ok(&["undo", &last(&w), "--by", "amina"]);
    assert_eq!(w.json(&["reading", "show", r, "--format", "json"])["status"], "suggested");
    // An insert is undone by removing it, with a trace.
    let l = w.ok(&["reading", "add", "--title", "A mistaken entry", "--theme", "epistemic-bias", "--by", "amina"]);
    let l = l.trim().to_string();
    let insert =
        w.count(&format!("SELECT id FROM history WHERE entity = 'reading' AND entity_id = {l} AND action = 'insert'"));
    w.ok(&["undo", &insert.to_string(), "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {l}")), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading_tag WHERE reading_id = {l}")), 0);
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM history WHERE entity_id = {l} AND action = 'delete' AND before LIKE '%A mistaken entry%'")),
        1
    );
    // Undoing the undo brings it back.
    w.ok(&["undo", &last(&w), "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {l} AND title = 'A mistaken entry'")), 1);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading_tag WHERE reading_id = {l}")), 1);
    let import = w.count("SELECT min(id) FROM history WHERE action = 'import'");
    if import > 0 {
        // A module list's import is kept as a whole: said, with what to do instead.
        let err = w.fails(&["undo", &import.to_string(), "--by", "amina"]);
        assert!(err.contains("import of a module list") && err.contains("--sync"), "{err}");
    }
    assert!(w.fails(&["undo", "999999", "--by", "amina"]).contains("no change #999999"));
}

/// Four canon processes write to one database at once; all succeed and every write is there.
#[test]
fn concurrent_writers_all_succeed() {
    let w = imported();
    let items = w.json(&["item", "list", "--module", "MED2002", "--format", "json"]);
    let items: Vec<String> =
        items.as_array().unwrap().iter().take(4).map(|i| i["id"].as_i64().unwrap().to_string()).collect();
    let extra = w.write(
        "extra.csv",
        "title,authors,year,type\nWriting at once,\"Ade, B\",2024,article\nAnd again,\"Ade, B\",2025,article\n",
    );
    let bin = assert_cmd::cargo::cargo_bin("canon");
    let db = w.db();
    let mut children = Vec::new();
    for round in 0..3 {
        for (k, item) in items.iter().enumerate() {
            let mut c = std::process::Command::new(&bin);
            c.arg("--db").arg(&db).arg("-q").env_remove("CANON_USER");
            match k {
                0 => c.args(["tag", item, "epistemic-bias", "--by", &format!("writer-{round}")]),
                1 => c.args(["reading", "add", "--title", &format!("Concurrent {round}"), "--by", "writer-b"]),
                2 => c.args(["import", "reading", extra.to_str().unwrap(), "--by", "writer-c"]),
                _ => c.args(["tag", item, "historical-awareness", "intersectional-health", "--by", "writer-d"]),
            };
            children
                .push((format!("round {round} writer {k}"), c.stderr(std::process::Stdio::piped()).spawn().unwrap()));
        }
    }
    for (name, child) in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE 'Concurrent %'"), 3);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title IN ('Writing at once', 'And again')"), 2);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {} AND theme_id = 2", items[0])), 1);
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {} AND theme_id IN (1, 3)", items[3])),
        2
    );
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name LIKE 'writer-%'"), 6);
}
