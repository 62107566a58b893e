//! Tester r62, through the binary: what a merge counts as each side's own
//! change (an undo of a merge's change, history copied by a merge, a merge's
//! own entries), conflicts on a record removed since, and a list imported
//! again after one of its works was removed.

mod common;

use std::path::{Path, PathBuf};

use common::Workdir;
use serde_json::Value;

const LIST: &str = "title,authors,year,type,doi,url,themes,language\n\
    A Dying Colonialism,\"Fanon, Frantz\",1959,book,10.5555/dying,,epistemic-bias;historical-awareness,en\n\
    Demarginalizing the Intersection of Race and Sex,\"Crenshaw, Kimberlé\",1989,article,10.5555/demarg,,\
    intersectional-health,en\n";

const DYING: &str = "10.5555/dying";
const DEMARG: &str = "10.5555/demarg";

/// A work directory whose `canon.db` holds [`LIST`], imported by amina.
fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.write("list.csv", LIST);
    w.ok(&["import", "reading", "list.csv", "--by", "amina", "-q"]);
    w
}

/// A copy of the work directory's database, as a colleague's.
fn copy(w: &Workdir, name: &str) -> PathBuf {
    let p = w.path(name);
    std::fs::copy(w.db(), &p).expect("copy the database");
    p
}

/// A database of its own that imported [`LIST`] too: the same works under other IDs.
fn imported_apart(w: &Workdir, name: &str) -> PathBuf {
    let p = w.path(name);
    w.ok_at(&p, &["init", "-q"]);
    w.ok_at(&p, &["import", "reading", "list.csv", "--by", "bea", "-q"]);
    p
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `canon merge` of `theirs` into `ours`: (stdout, stderr).
fn merge(w: &Workdir, ours: &Path, theirs: &Path, by: &str) -> (String, String) {
    let out = assert_cmd::Command::cargo_bin("canon")
        .expect("canon binary")
        .current_dir(w.dir.path())
        .env_remove("CANON_DB")
        .env_remove("CANON_USER")
        .args(["--db", path(ours), "merge", path(theirs), "--by", by])
        .output()
        .expect("run canon");
    let (o, e) = (String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string());
    assert!(out.status.success(), "merge failed:\n{o}\n{e}");
    (o, e)
}

/// The reading with `doi` in the database at `db`.
fn reading(w: &Workdir, db: &Path, doi: &str) -> Value {
    let list: Value = serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).expect("JSON");
    list.as_array().expect("a list").iter().find(|r| r["doi"] == doi).cloned().unwrap_or(Value::Null)
}

/// The newest history entry of the database at `db` that `pick` accepts: its ID.
/// (`--all`: a merge's own entries are listed with it since tester r65 F7.)
fn entry(w: &Workdir, db: &Path, pick: impl Fn(&Value) -> bool) -> String {
    let log: Value = serde_json::from_str(&w.ok_at(db, &["log", "--all", "--format", "json"])).expect("JSON");
    log.as_array().expect("a list").iter().rev().find(|e| pick(e)).map(|e| e["id"].to_string()).expect("the entry")
}

fn merged(action: &'static str, entity: &'static str) -> impl Fn(&Value) -> bool {
    move |e: &Value| {
        e["action"] == action
            && e["entity"] == entity
            && e["note"].as_str().is_some_and(|n| n.starts_with("merged from"))
    }
}

fn themes(w: &Workdir, db: &Path, doi: &str) -> String {
    reading(w, db, doi)["themes"].to_string()
}

fn row<'a>(out: &'a str, action: &str, text: &str) -> Option<&'a str> {
    out.lines().find(|l| l.contains(&format!("| {action} ")) && l.contains(text))
}

/// Our undo of a merge's tag removal is our change: the next merge of the
/// same copy keeps the tag, says so and counts it (tester r62 F3: it was
/// removed again, "1 removed"); their removal made after our undo is
/// theirs, and applied.
#[test]
fn undoing_a_merges_tag_removal_sticks() {
    let w = workdir();
    let (x, y) = (w.db(), copy(&w, "y.db"));
    w.ok_at(&y, &["untag", DYING, "epistemic-bias", "--by", "yara"]);
    merge(&w, &x, &y, "xavier");
    assert!(!themes(&w, &x, DYING).contains("epistemic-bias"));
    let removal = entry(&w, &x, merged("delete", "reading_tag"));
    w.ok_at(&x, &["undo", &removal, "--by", "xavier"]);
    let (out, err) = merge(&w, &x, &y, "xavier");
    assert!(themes(&w, &x, DYING).contains("epistemic-bias"), "{out}");
    let line = row(&out, "kept-ours", "tag of theme epistemic-bias").unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("put back here after that") && line.contains(&format!("undo of #{removal}")), "{line}");
    assert!(err.contains("0 removed") && err.contains("1 kept ours,"), "{err}");
    // Merging again says it again, and changes nothing.
    let (again, _) = merge(&w, &x, &y, "xavier");
    assert!(row(&again, "kept-ours", "epistemic-bias").is_some(), "{again}");
    // Yara tags it and takes it off again, after our undo: hers, applied.
    w.ok_at(&y, &["tag", DYING, "epistemic-bias", "--by", "yara"]);
    w.ok_at(&y, &["untag", DYING, "epistemic-bias", "--by", "yara"]);
    let (out, err) = merge(&w, &x, &y, "xavier");
    assert!(row(&out, "remove", "epistemic-bias").is_some() && err.contains("1 removed"), "{out}\n{err}");
    assert!(!themes(&w, &x, DYING).contains("epistemic-bias"));
}

/// The same for a field and a whole reading: our undo of the merge's
/// change, or of its removal, stays, listed as `kept-ours` with why (the
/// field was a conflict, the reading removed again).
#[test]
fn undoing_a_merges_field_change_or_reading_removal_sticks() {
    let w = workdir();
    let (x, y) = (w.db(), copy(&w, "y.db"));
    w.ok_at(&y, &["reading", "edit", DYING, "--language", "fr", "--by", "yara"]);
    w.ok_at(&y, &["reading", "remove", DEMARG, "--by", "yara", "--force"]);
    merge(&w, &x, &y, "xavier");
    assert_eq!(reading(&w, &x, DYING)["language"], "fr");
    assert_eq!(reading(&w, &x, DEMARG), Value::Null);
    let update = entry(&w, &x, merged("update", "reading"));
    let removal = entry(&w, &x, merged("delete", "reading"));
    w.ok_at(&x, &["undo", &update, "--by", "xavier"]);
    w.ok_at(&x, &["undo", &removal, "--by", "xavier"]);
    let (out, err) = merge(&w, &x, &y, "xavier");
    assert_eq!(reading(&w, &x, DYING)["language"], "en", "{out}");
    assert_eq!(reading(&w, &x, DEMARG)["doi"], DEMARG, "{out}");
    let field = row(&out, "kept-ours", "A Dying Colonialism").unwrap_or_else(|| panic!("{out}"));
    assert!(
        field.contains("language \"en\" (theirs \"fr\"") && field.contains(&format!("undo of #{update}")),
        "{field}"
    );
    let whole = row(&out, "kept-ours", "Demarginalizing").unwrap_or_else(|| panic!("{out}"));
    assert!(whole.contains("removed on their side") && whole.contains(&format!("undo of #{removal}")), "{whole}");
    assert!(err.contains("0 conflicts") && err.contains(" 2 kept ours,"), "{err}");
}

/// A tag we put on again by hand after their removal came in is ours too.
#[test]
fn a_tag_put_on_again_after_their_removal_is_kept() {
    let w = workdir();
    let (x, y) = (w.db(), copy(&w, "y.db"));
    w.ok_at(&y, &["untag", DEMARG, "intersectional-health", "--by", "yara"]);
    merge(&w, &x, &y, "xavier");
    w.ok_at(&x, &["tag", DEMARG, "intersectional-health", "--by", "xavier"]);
    let (out, _) = merge(&w, &x, &y, "xavier");
    let line = row(&out, "kept-ours", "intersectional-health").unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("added again here after that"), "{line}");
    assert!(themes(&w, &x, DEMARG).contains("intersectional-health"));
}

/// Two databases that imported one list hold its works under other IDs:
/// their history, copied into ours by a merge, and the merge's own entries
/// are no change of ours, so a change only they made is taken every time
/// (tester r62 F8: "both sides changed language" when only they did).
#[test]
fn a_one_sided_change_is_taken_whatever_ids_the_copies_gave() {
    let w = workdir();
    let x = w.db();
    let y = imported_apart(&w, "y.db");
    for lang in ["fr", "de", "fr", "es"] {
        w.ok_at(&y, &["reading", "edit", DYING, "--language", lang, "--by", "yara"]);
        let (out, err) = merge(&w, &x, &y, "xavier");
        assert!(row(&out, "update", "A Dying Colonialism: language").is_some(), "{lang}: {out}\n{err}");
        assert!(err.contains("0 conflicts"), "{lang}: {err}");
        assert_eq!(reading(&w, &x, DYING)["language"], lang);
    }
    // And back: her copy, merging ours, finds nothing of ours to take.
    let (out, err) = merge(&w, &y, &x, "yara");
    assert!(!out.contains("conflict") && err.contains("0 conflicts"), "{out}\n{err}");
    assert_eq!(reading(&w, &y, DYING)["language"], "es");
}

/// A conflict settled with `--take theirs` stays settled: merging the same
/// copy again, or a stale copy that changed nothing, opens nothing (tester
/// r62 F8).
#[test]
fn a_settled_conflict_stays_settled() {
    let w = workdir();
    let stale = copy(&w, "stale.db");
    let (x, y) = (w.db(), copy(&w, "y.db"));
    w.ok_at(&x, &["reading", "edit", DYING, "--language", "fr", "--by", "xavier"]);
    w.ok_at(&y, &["reading", "edit", DYING, "--language", "es", "--by", "yara"]);
    let (_, err) = merge(&w, &x, &y, "xavier");
    assert!(err.contains("1 conflicts"), "{err}");
    w.ok(&["resolve", "1", "--take", "theirs", "--by", "xavier"]);
    for other in [&y, &stale] {
        let (out, err) = merge(&w, &x, other, "xavier");
        assert!(err.contains("0 conflicts"), "{}: {out}\n{err}", other.display());
        assert_eq!(reading(&w, &x, DYING)["language"], "es");
    }
    assert_eq!(w.json(&["resolve", "--format", "json"]).as_array().map(Vec::len), Some(0));
}

/// A conflict names only the fields both sides changed: their one-sided
/// change of another field of the record is taken, and stays whichever
/// version `resolve` keeps (tester r62 F11: "both sides changed
/// open_access, url", and `--take ours` discarded their cleared URL).
#[test]
fn a_conflict_never_swallows_their_change_to_another_field() {
    let w = workdir();
    let x = w.db();
    let y = imported_apart(&w, "y.db");
    // The URL came from their side by an earlier merge.
    w.ok_at(&y, &["reading", "edit", DEMARG, "--url", "https://example.org/demarg", "--by", "yara"]);
    merge(&w, &x, &y, "xavier");
    assert_eq!(reading(&w, &x, DEMARG)["url"], "https://example.org/demarg");
    w.ok(&["reading", "edit", DEMARG, "--open-access", "yes", "--by", "xavier"]);
    w.ok_at(&y, &["reading", "edit", DEMARG, "--url", "", "--open-access", "no", "--by", "yara"]);
    let (out, err) = merge(&w, &x, &y, "xavier");
    assert!(row(&out, "update", "url").is_some(), "{out}");
    let conflict = row(&out, "conflict", "Demarginalizing").unwrap_or_else(|| panic!("{out}"));
    // (The cell may be padded now that an update row says its rule: r111.)
    assert!(conflict.split("both sides changed open_access").nth(1).is_some_and(|t| t.trim() == "|"), "{conflict}");
    assert!(err.contains("1 updated") && err.contains("1 conflicts"), "{err}");
    w.ok(&["resolve", "1", "--take", "ours", "--by", "xavier"]);
    let r = reading(&w, &x, DEMARG);
    assert_eq!((r["url"].clone(), r["open_access"].clone()), (Value::Null, Value::from(true)), "{r:#}");
}

/// A conflict on a reading removed since: `--take theirs` says where it
/// went and the way back, `--take ours` closes it with the reading removed
/// (tester r62 F12: "no longer exists", and it stayed open for good).
#[test]
fn a_conflict_on_a_removed_reading_can_be_closed() {
    let w = workdir();
    let (x, y) = (w.db(), copy(&w, "y.db"));
    w.ok_at(&x, &["reading", "edit", DYING, "--language", "fr", "--by", "xavier"]);
    w.ok_at(&y, &["reading", "edit", DYING, "--language", "es", "--by", "yara"]);
    merge(&w, &x, &y, "xavier");
    w.ok(&["reading", "remove", DYING, "--by", "ben", "--force"]);
    let removal = entry(&w, &x, |e| e["action"] == "delete" && e["entity"] == "reading");
    let err = w.fails(&["resolve", "1", "--take", "theirs", "--by", "xavier"]);
    assert!(
        err.contains(&format!("reading A Dying Colonialism was removed in #{removal} by ben"))
            && err.contains(&format!("`canon undo {removal}` brings it back, then resolve"))
            && err.contains("`canon resolve 1 --take ours` closes the conflict with it removed"),
        "{err}"
    );
    let said = w.ok_stderr(&["resolve", "1", "--take", "ours", "--by", "xavier"]);
    assert!(said.contains("kept reading A Dying Colonialism removed (removed in #"), "{said}");
    assert_eq!(w.json(&["resolve", "--format", "json"]).as_array().map(Vec::len), Some(0));
}

/// A list imported again after one of its works was removed does not bring
/// it back as a new record: the import and its dry run say where it went
/// and the undo that brings it back, and count it as skipped (tester r62
/// F10); the undo still works after.
#[test]
fn a_removed_work_is_not_added_again_by_an_import() {
    let w = workdir();
    w.ok(&["reading", "remove", DYING, "--by", "ben", "--force"]);
    let removal = entry(&w, &w.db(), |e| e["action"] == "delete" && e["entity"] == "reading");
    let said = format!("\"A Dying Colonialism\" (1959): removed in #{removal} by ben on 2026-");
    let undo = format!("so not added again; `canon undo {removal}` brings back the record with its tags and links");
    for dry in [true, false] {
        let mut args = vec!["import", "reading", "list.csv", "--by", "amina"];
        if dry {
            args.push("--dry-run");
        }
        let err = w.ok_stderr(&args);
        assert!(err.contains(&said) && err.contains(&undo), "{err}");
        assert!(err.contains("0 new") && err.contains("1 record skipped: removed here, not added again"), "{err}");
        assert_eq!(w.reading_list().as_array().map(Vec::len), Some(1));
    }
    // Found by its title and year too, without the DOI.
    w.write("no-doi.csv", "title,authors,year\nA dying colonialism,\"Fanon, Frantz\",1959\n");
    let err = w.ok_stderr(&["import", "reading", "no-doi.csv", "--by", "amina"]);
    assert!(err.contains("1 record skipped") && err.contains(&undo), "{err}");
    w.ok(&["undo", &removal, "--by", "ben"]);
    assert!(themes(&w, &w.db(), DYING).contains("epistemic-bias"));
}

/// The undo of an import is no person's removal: the list imported again
/// adds its works again.
#[test]
fn an_undone_import_may_be_imported_again() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.write("list.csv", LIST);
    w.ok(&["import", "reading", "list.csv", "--by", "amina", "-q"]);
    let run = entry(&w, &w.db(), |e| e["action"] == "import");
    w.ok(&["undo", &run, "--by", "amina"]);
    assert_eq!(w.reading_list().as_array().map(Vec::len), Some(0));
    let err = w.ok_stderr(&["import", "reading", "list.csv", "--by", "amina"]);
    assert!(err.contains("2 new") && !err.contains("skipped"), "{err}");
}
