//! Tester r65 F3 and F7: a merge is one change, undone whole; a change
//! copied by merges is one history entry, credited to its author, however
//! many copies it went through.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, fails_at, json_at, stderr_at};
use serde_json::Value;

const BASE: &str = "\
title,authors,year,type,doi,themes,notes
Race correction in eGFR,\"Mensah, Kofi\",2020,article,10.1000/egfr.2020,epistemic-bias; historical-awareness,week 3
Pulse oximetry across skin tones,\"Osei, Jane\",2021,article,10.1000/ox.2021,epistemic-bias,
Reimagining Global Health,\"Farmer, Paul\",2013,book,,intersectional-health,
";

const EGFR: &str = "10.1000/egfr.2020";

fn count_at(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db).expect("open").query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// What a user sees of a copy: its reading list (with tags), themes and open conflicts.
fn state(w: &Workdir, db: &Path) -> (Value, Value, Value) {
    (
        json_at(w, db, &["reading", "list", "--format", "json"]),
        json_at(w, db, &["theme", "list", "--format", "json"]),
        json_at(w, db, &["resolve", "--format", "json"]),
    )
}

/// The change number a merge's summary gives: "(change #N; `canon undo N` reverts the merge)".
fn change_of(summary: &str) -> String {
    let at = summary.find("(change #").unwrap_or_else(|| panic!("no change number in:\n{summary}"));
    let n: String = summary[at + 9..].chars().take_while(char::is_ascii_digit).collect();
    assert!(summary.contains(&format!("`canon undo {n}` reverts the merge")), "{summary}");
    n
}

/// A shared starting copy (amina's import), copied to each name given.
fn copies(w: &Workdir, names: &[&str]) -> Vec<PathBuf> {
    let base = w.path("base.db");
    w.ok_at(&base, &["-q", "init"]);
    let csv = w.write("base.csv", BASE);
    w.ok_at(&base, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "amina"]);
    names
        .iter()
        .map(|n| {
            let p = w.path(&format!("{n}.db"));
            std::fs::copy(&base, &p).expect("copy");
            p
        })
        .collect()
}

fn id_of(w: &Workdir, db: &Path, title: &str) -> String {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    common::reading(&list, title)["id"].as_i64().expect("id").to_string()
}

/// bao's copy: an edit, an untag, a removal, a new reading with a tag, a new theme.
fn bao_works(w: &Workdir, b: &Path) {
    let ox = id_of(w, b, "Pulse oximetry");
    let global = id_of(w, b, "Reimagining");
    w.ok_at(b, &["-q", "reading", "edit", &ox, "--pages", "101-110", "--by", "bao"]);
    w.ok_at(b, &["-q", "untag", EGFR, "historical-awareness", "--by", "bao"]);
    w.ok_at(b, &["-q", "reading", "remove", &global, "--by", "bao"]);
    w.ok_at(b, &["-q", "theme", "add", "disability-health", "--by", "bao"]);
    let csv = w.write(
        "bao.csv",
        "title,authors,year,type,doi,themes\nA Dying Colonialism,\"Fanon, Frantz\",1959,book,,disability-health\n",
    );
    w.ok_at(b, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "bao"]);
}

#[test]
fn a_merge_is_one_change_and_its_undo_puts_the_copy_back_as_before() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    bao_works(&w, &b);
    let before = state(&w, &a);
    let history_before = count_at(&a, "SELECT count(*) FROM history");

    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let n = change_of(&summary);
    let merged = state(&w, &a);
    assert_ne!(merged.0, before.0, "the merge changed the reading list");
    assert_eq!(merged.0.as_array().map(Vec::len), Some(3), "Fanon added, Reimagining removed");

    // One entry in the log for the merge, by who ran it; its own writes only with --all.
    let log = json_at(&w, &a, &["log", "--format", "json"]);
    let merges: Vec<&Value> = log.as_array().unwrap().iter().filter(|e| e["entity"] == "merge").collect();
    assert_eq!(merges.len(), 1, "{log:#}");
    assert_eq!(merges[0]["id"].to_string(), n);
    assert_eq!(merges[0]["by"], "amina");
    let own = |l: &Value| {
        l.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["note"].as_str().is_some_and(|s| s.starts_with("merged from")))
            .count()
    };
    assert_eq!(own(&log), 0, "a merge's own writes are its bookkeeping");
    assert!(own(&json_at(&w, &a, &["log", "--all", "--format", "json"])) >= 5, "listed with --all");

    // `canon undo N` reverts it whole: readings, tags, themes as before the merge.
    let undone = stderr_at(&w, &a, &["undo", &n, "--by", "amina"]);
    assert!(undone.contains(&format!("reverted merge #{n}")), "{undone}");
    assert_eq!(state(&w, &a), before, "after the undo the copy is as before the merge");
    // The history keeps the merge and its undo (which holds what it took back), nothing else of it.
    assert_eq!(count_at(&a, "SELECT count(*) FROM history"), history_before + 2);
    let undo_entry = count_at(
        &a,
        &format!("SELECT json_array_length(before, '$.entries') FROM history WHERE note = 'undo of #{n}'"),
    );
    assert!(undo_entry >= 10, "the undo keeps every entry it took back: {undo_entry}");
    let again = fails_at(&w, &a, &["undo", &n, "--by", "amina"]);
    assert!(again.contains("already undone"), "{again}");

    // A second merge brings the same changes in again.
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let m = change_of(&summary);
    assert_ne!(m, n);
    assert_eq!(state(&w, &a).0, merged.0, "the same reading list as the first merge");
    assert_eq!(state(&w, &a).1, merged.1, "the same themes");
    // ...and it too is undone whole.
    w.ok_at(&a, &["-q", "undo", &m, "--by", "amina"]);
    assert_eq!(state(&w, &a), before);
}

#[test]
fn a_merge_is_not_undone_over_a_later_change_nor_is_one_copied_entry() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    bao_works(&w, &b);
    let before = state(&w, &a);
    let n = change_of(&stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]));
    let ox = id_of(&w, &a, "Pulse oximetry");
    w.ok_at(&a, &["-q", "reading", "edit", &ox, "--pages", "101-111", "--by", "amina"]);
    let after_edit = state(&w, &a);
    let err = fails_at(&w, &a, &["undo", &n, "--by", "amina"]);
    assert!(err.contains(&format!("undoing merge #{n}")) && err.contains("nothing was undone"), "{err}");
    assert!(err.contains("touched the same reading later"), "{err}");
    assert_eq!(state(&w, &a), after_edit, "nothing undone");
    // A change copied from bao's history is bao's; the message names the merge to undo.
    let copied = count_at(&a, "SELECT max(id) FROM history WHERE note LIKE 'from %b.db'");
    let err = fails_at(&w, &a, &["undo", &copied.to_string(), "--by", "amina"]);
    assert!(err.contains(&format!("`canon undo {n}` reverts that merge whole")), "{err}");
    // Once the later edit is undone, the merge is.
    let edit = count_at(&a, "SELECT max(id) FROM history WHERE entity = 'reading' AND note IS NULL");
    w.ok_at(&a, &["-q", "undo", &edit.to_string(), "--by", "amina"]);
    w.ok_at(&a, &["-q", "undo", &n, "--by", "amina"]);
    assert_eq!(state(&w, &a), before, "bao's removal, edit, untag and additions taken back");
}

#[test]
fn a_merge_that_wrote_nothing_has_no_change_number() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    let before = count_at(&a, "SELECT count(*) FROM history");
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(!summary.contains("(change #"), "{summary}");
    // Only the merger's own contributor entry (as for an import by a new name).
    assert_eq!(count_at(&a, "SELECT count(*) FROM history WHERE entity = 'merge'"), 0);
    assert!(count_at(&a, "SELECT count(*) FROM history") <= before + 1);
    // A dry run writes nothing and gives no number.
    bao_works(&w, &b);
    let dry = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina", "--dry-run"]);
    assert!(dry.contains("dry run") && !dry.contains("(change #"), "{dry}");
}

#[test]
fn the_conflicts_a_merge_found_go_with_its_undo_unless_settled_since() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    let ox_a = id_of(&w, &a, "Pulse oximetry");
    let ox_b = id_of(&w, &b, "Pulse oximetry");
    w.ok_at(&a, &["-q", "reading", "edit", &ox_a, "--pages", "1-9", "--by", "amina"]);
    w.ok_at(&b, &["-q", "reading", "edit", &ox_b, "--pages", "2-8", "--by", "bao"]);
    let before = state(&w, &a);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    let n = change_of(&summary);
    w.ok_at(&a, &["-q", "undo", &n, "--by", "amina"]);
    assert_eq!(state(&w, &a), before, "the conflict it found is gone with it");
    assert_eq!(count_at(&a, "SELECT count(*) FROM conflict"), 0);
    // Found again, and settled: the merge and the decision go together.
    let n = change_of(&stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]));
    let c = count_at(&a, "SELECT max(id) FROM conflict");
    w.ok_at(&a, &["-q", "resolve", &c.to_string(), "--take", "ours", "--by", "amina"]);
    let err = fails_at(&w, &a, &["undo", &n, "--by", "amina"]);
    assert!(err.contains(&format!("conflict #{c}")) && err.contains("settled since"), "{err}");
}

/// The tester's three copies: chidi untags in c, bao removes and edits in b;
/// then every copy merges every other, twice round.
fn three_copies(w: &Workdir) -> [PathBuf; 3] {
    let [a, b, c] = <[PathBuf; 3]>::try_from(copies(w, &["sa", "sb", "sc"])).unwrap();
    w.ok_at(&c, &["-q", "untag", EGFR, "epistemic-bias", "--by", "chidi"]);
    let global = id_of(w, &b, "Reimagining");
    let ox = id_of(w, &b, "Pulse oximetry");
    w.ok_at(&b, &["-q", "reading", "remove", &global, "--by", "bao"]);
    w.ok_at(&b, &["-q", "reading", "edit", &ox, "--year", "2022", "--by", "bao"]);
    let all = [a.clone(), b.clone(), c.clone()];
    for _ in 0..2 {
        for (x, name) in all.iter().zip(["a", "b", "c"]) {
            for y in &all {
                if x != y {
                    w.ok_at(x, &["-q", "merge", y.to_str().unwrap(), "--by", name]);
                }
            }
        }
    }
    [a, b, c]
}

fn entries<'a>(log: &'a Value, entity: &str, action: &str) -> Vec<&'a Value> {
    log.as_array().unwrap().iter().filter(|e| e["entity"] == entity && e["action"] == action).collect()
}

#[test]
fn a_change_is_one_entry_credited_to_its_author_in_every_copy() {
    let w = Workdir::new();
    let copies = three_copies(&w);
    for (db, merger) in copies.iter().zip(["a", "b", "c"]) {
        let log = json_at(&w, db, &["log", "--format", "json"]);
        let untags = entries(&log, "reading_tag", "delete");
        assert_eq!(untags.len(), 1, "{}: chidi's untag once: {untags:#?}", db.display());
        assert_eq!(untags[0]["by"], "chidi");
        let removals = entries(&log, "reading", "delete");
        assert_eq!(removals.len(), 1, "{}: bao's removal once: {removals:#?}", db.display());
        assert_eq!(removals[0]["by"], "bao");
        let edits: Vec<&Value> =
            entries(&log, "reading", "update").into_iter().filter(|e| e["after"].get("year").is_some()).collect();
        assert_eq!(edits.len(), 1, "{}: bao's year edit once: {edits:#?}", db.display());
        assert_eq!(edits[0]["by"], "bao");
        // Whoever merged made no change to a reading or tag, and is credited with none.
        for who in ["a", "b", "c"] {
            let theirs = json_at(&w, db, &["log", "--by", who, "--format", "json"]);
            let made: Vec<&Value> = theirs
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["entity"] != "merge" && e["entity"] != "contributor")
                .collect();
            assert!(made.is_empty(), "{}: log --by {who} lists changes {who} never made: {made:#?}", db.display());
        }
        // Its own merges are its entries, and only its own.
        let merges = entries(&log, "merge", "import");
        assert!(!merges.is_empty() && merges.iter().all(|e| e["by"] == merger), "{}: {merges:#?}", db.display());
        let chidi = json_at(&w, db, &["log", "--by", "chidi", "--format", "json"]);
        assert_eq!(entries(&chidi, "reading_tag", "delete").len(), 1, "log --by chidi shows chidi's untag");
    }
}

#[test]
fn warnings_name_the_person_who_made_the_change_not_who_merged_it() {
    let w = Workdir::new();
    let [a, _, c] = three_copies(&w);
    // The file still tags the eGFR paper epistemic-bias and lists the removed book.
    let file = w.write(
        "again.csv",
        "title,authors,year,type,doi,themes\n\
         Race correction in eGFR,\"Mensah, Kofi\",2020,article,10.1000/egfr.2020,epistemic-bias\n\
         Reimagining Global Health,\"Farmer, Paul\",2013,book,,intersectional-health\n",
    );
    for db in [&a, &c] {
        let err = stderr_at(&w, db, &["import", "reading", file.to_str().unwrap(), "--dry-run", "--by", "amina"]);
        let untag = err.lines().find(|l| l.contains("theme epistemic-bias was taken off")).unwrap_or_default();
        assert!(untag.contains("taken off by chidi in change #"), "{}: {err}", db.display());
        let removed = err.lines().find(|l| l.contains("so not added again")).unwrap_or_default();
        assert!(removed.contains("by bao on"), "{}: {err}", db.display());
        // The change it names is bao's own entry here; the undo it offers is one that works.
        let undo: String =
            removed.split("`canon undo ").nth(1).unwrap_or_default().chars().take_while(char::is_ascii_digit).collect();
        assert!(!undo.is_empty(), "{removed}");
        let named: String =
            removed.split("removed in #").nth(1).unwrap_or_default().chars().take_while(char::is_ascii_digit).collect();
        assert_eq!(
            count_at(
                db,
                &format!(
                    "SELECT count(*) FROM history h JOIN contributor c ON c.id = h.by_id WHERE h.id = {named} AND c.name = 'bao'"
                )
            ),
            1,
            "{removed}"
        );
        let list_before = json_at(&w, db, &["reading", "list", "--format", "json"]);
        w.ok_at(db, &["-q", "undo", &undo, "--by", "amina"]);
        let list = json_at(&w, db, &["reading", "list", "--format", "json"]);
        assert_eq!(list.as_array().unwrap().len(), list_before.as_array().unwrap().len() + 1, "brought back");
    }
}

#[test]
fn kept_removed_names_who_removed_it_in_the_copy_it_came_from() {
    let w = Workdir::new();
    let [old, b, c] = <[PathBuf; 3]>::try_from(copies(&w, &["old", "b", "c"])).unwrap();
    let global = id_of(&w, &b, "Reimagining");
    w.ok_at(&b, &["-q", "reading", "remove", &global, "--by", "bao"]);
    w.ok_at(&c, &["-q", "merge", b.to_str().unwrap(), "--by", "chidi"]);
    // A copy made before bao's removal still holds the book: kept removed, and said whose removal it was.
    let out = w.ok_at(&c, &["merge", old.to_str().unwrap(), "--by", "chidi", "--format", "json"]);
    let steps: Value = serde_json::from_str(&out).expect("JSON");
    let kept = steps.as_array().unwrap().iter().find(|s| s["action"] == "kept-removed").expect("kept-removed");
    let what = kept["what"].as_str().unwrap();
    assert!(what.contains("by bao on") && what.contains("brought here by a merge in #"), "{what}");
    assert!(!what.contains("by chidi"), "{what}");
}

#[test]
fn a_merge_of_a_module_list_and_restored_removals_is_undone_whole() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    w.ok_at(&b, &["-q", "import", "modules", &common::sample("modules.csv"), "--by", "bao"]);
    let global = id_of(&w, &a, "Reimagining");
    w.ok_at(&a, &["-q", "reading", "remove", &global, "--by", "amina"]);
    let lists = |db: &Path| {
        ["reading", "module", "item", "theme"].map(|what| json_at(&w, db, &[what, "list", "--format", "json"])).to_vec()
    };
    let before = lists(&a);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina", "--restore-removed"]);
    assert!(summary.contains("1 removal of ours undone"), "{summary}");
    let n = change_of(&summary);
    assert!(count_at(&a, "SELECT count(*) FROM item") > 0 && count_at(&a, "SELECT count(*) FROM programme") > 0);
    w.ok_at(&a, &["-q", "undo", &n, "--by", "amina"]);
    assert_eq!(lists(&a), before, "modules, sessions, their tags and our removal as before the merge");
    assert_eq!(count_at(&a, "SELECT count(*) FROM programme"), 0, "the programme it added is gone");
    assert_eq!(count_at(&a, "SELECT count(*) FROM import_run"), 1, "their import's run is gone");
}

#[test]
fn the_undo_of_a_merge_that_settled_a_conflict_opens_it_again() {
    let w = Workdir::new();
    let [a, b] = <[PathBuf; 2]>::try_from(copies(&w, &["a", "b"])).unwrap();
    let ox_a = id_of(&w, &a, "Pulse oximetry");
    let ox_b = id_of(&w, &b, "Pulse oximetry");
    w.ok_at(&a, &["-q", "reading", "edit", &ox_a, "--pages", "1-9", "--by", "amina"]);
    w.ok_at(&b, &["-q", "reading", "edit", &ox_b, "--pages", "2-8", "--by", "bao"]);
    w.ok_at(&a, &["-q", "merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(count_at(&a, "SELECT count(*) FROM conflict WHERE resolution IS NULL"), 1);
    // bao comes round to amina's pages: the next merge finds both agree and closes the conflict.
    w.ok_at(&b, &["-q", "reading", "edit", &ox_b, "--pages", "1-9", "--by", "bao"]);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("settled"), "{summary}");
    assert_eq!(count_at(&a, "SELECT count(*) FROM conflict WHERE resolution IS NULL"), 0);
    let n = change_of(&summary);
    let undone = stderr_at(&w, &a, &["undo", &n, "--by", "amina"]);
    assert!(undone.contains("1 conflict it closed open again"), "{undone}");
    assert_eq!(count_at(&a, "SELECT count(*) FROM conflict WHERE resolution IS NULL"), 1);
}
