//! Tester r68 F2: a resolution that was undone is no decision. After "merge,
//! resolve, undo the resolve, undo the merge", merging the same copy again
//! finds the conflict again, and merging back the other way loses neither
//! member's value.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, fails_at, json_at, stderr_at};
use serde_json::Value;

const ONE: &str = "\
title,authors,year,type,publisher,place
\"Pathologies of Power\",\"Farmer, Paul\",2005,book,University of California Press,Berkeley
";

/// The change number a merge's summary gives: "(change #N; `canon undo N` reverts the merge)".
fn change_of(summary: &str) -> String {
    let at = summary.find("(change #").unwrap_or_else(|| panic!("no change number in:\n{summary}"));
    summary[at + 9..].chars().take_while(char::is_ascii_digit).collect()
}

/// The newest history entry's number.
fn last_change(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT max(id) FROM history", [], |r| r.get::<_, i64>(0))
        .expect("max id")
        .to_string()
}

/// amina's and ben's copies of one import; amina set the place to
/// "Berkeley, CA", ben to "Oakland". Returns (amina, ben, reading ID).
fn two_copies(w: &Workdir) -> (PathBuf, PathBuf, String) {
    let a = w.path("m1.db");
    let csv = w.write("one.csv", ONE);
    w.ok_at(&a, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "amina"]);
    let b = w.path("m2.db");
    std::fs::copy(&a, &b).expect("copy");
    std::fs::copy(&a, w.path("base.db")).expect("copy");
    let list = json_at(w, &a, &["reading", "list", "--format", "json"]);
    let id = common::reading(&list, "Pathologies")["id"].as_i64().expect("id").to_string();
    w.ok_at(&a, &["-q", "reading", "edit", &id, "--place", "Berkeley, CA", "--by", "amina"]);
    w.ok_at(&b, &["-q", "reading", "edit", &id, "--place", "Oakland", "--by", "ben"]);
    (a, b, id)
}

fn place(w: &Workdir, db: &Path) -> String {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    common::reading(&list, "Pathologies")["place"].as_str().unwrap_or_default().to_string()
}

/// The open conflicts: (id, fields, ours, theirs) as `canon resolve --format json` gives them.
fn open_conflicts(w: &Workdir, db: &Path) -> Vec<Value> {
    json_at(w, db, &["resolve", "--format", "json"]).as_array().cloned().unwrap_or_default()
}

/// Asserts one open conflict on the place, naming both values; returns its number.
fn place_conflict(w: &Workdir, db: &Path, ours: &str, theirs: &str) -> String {
    let open = open_conflicts(w, db);
    assert_eq!(open.len(), 1, "one open conflict expected in {}:\n{open:#?}", db.display());
    let text = open[0].to_string();
    assert!(text.contains("place"), "{text}");
    assert!(text.contains(ours) && text.contains(theirs), "both values named: {text}");
    open[0]["id"].to_string()
}

/// In amina's copy: merge (a conflict), resolve --take theirs, undo the resolve, undo the merge.
fn merge_resolve_undo_both(w: &Workdir, a: &Path, b: &Path) {
    let summary = stderr_at(w, a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    let merge = change_of(&summary);
    let c = place_conflict(w, a, "Berkeley, CA", "Oakland");
    stderr_at(w, a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    assert_eq!(place(w, a), "Oakland");
    let resolve = last_change(a);
    let undone = stderr_at(w, a, &["undo", &resolve, "--by", "amina"]);
    assert!(undone.contains("is open again"), "{undone}");
    assert_eq!(place(w, a), "Berkeley, CA");
    let undone = stderr_at(w, a, &["undo", &merge, "--by", "amina"]);
    assert!(undone.contains("conflict it found removed"), "{undone}");
    assert!(open_conflicts(w, a).is_empty());
}

#[test]
fn merging_again_after_an_undone_resolve_and_an_undone_merge_finds_the_conflict_again() {
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    merge_resolve_undo_both(&w, &a, &b);

    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("1 conflicts"), "the conflict is found again: {summary}");
    assert!(!summary.contains("ours stands, not listed"), "{summary}");
    let c = place_conflict(&w, &a, "Berkeley, CA", "Oakland");
    assert_eq!(place(&w, &a), "Berkeley, CA", "ours stays until resolved");

    // And it can be settled as the first time.
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    assert_eq!(place(&w, &a), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty());
}

#[test]
fn merging_back_the_other_way_keeps_bens_value_as_a_conflict() {
    // The tester's knock-on: ben merged amina's copy and his "Oakland" was
    // overwritten, because amina's undo of her resolve read as her decision.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    merge_resolve_undo_both(&w, &a, &b);

    let summary = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    assert!(summary.contains("0 updated"), "{summary}");
    place_conflict(&w, &b, "Oakland", "Berkeley, CA");
    assert_eq!(place(&w, &b), "Oakland", "ben's own value stays until he resolves");
}

#[test]
fn merging_back_after_amina_merged_again_keeps_the_conflict_on_both_sides() {
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    merge_resolve_undo_both(&w, &a, &b);
    stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    place_conflict(&w, &a, "Berkeley, CA", "Oakland");

    let summary = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    place_conflict(&w, &b, "Oakland", "Berkeley, CA");
    assert_eq!(place(&w, &b), "Oakland");
}

#[test]
fn a_resolve_that_stands_is_a_decision_the_other_copy_takes() {
    // The fix must not make a kept resolution a conflict again: amina took
    // ben's value; ben's copy merging hers is identical, and her copy merging
    // his again finds nothing to do.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let c = place_conflict(&w, &a, "Berkeley, CA", "Oakland");
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);

    let again = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("0 conflicts"), "{again}");
    assert_eq!(place(&w, &a), "Oakland");
    let back = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(back.contains("0 conflicts"), "{back}");
    assert_eq!(place(&w, &b), "Oakland");
}

#[test]
fn a_kept_ours_resolution_later_changed_by_ben_is_taken() {
    // amina resolves for her value; ben later changes his again: his move is
    // new, so it comes in (or is a conflict), never dropped.
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let c = place_conflict(&w, &a, "Berkeley, CA", "Oakland");
    stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    // The merge cannot be undone with its conflict settled: nothing changes.
    let merge = rusqlite::Connection::open(&a)
        .expect("open")
        .query_row("SELECT max(id) FROM history WHERE entity = 'merge'", [], |r| r.get::<_, i64>(0))
        .expect("merge")
        .to_string();
    let err = fails_at(&w, &a, &["undo", &merge, "--by", "amina"]);
    assert!(err.contains("was settled since"), "{err}");
    assert_eq!(place(&w, &a), "Berkeley, CA");

    w.ok_at(&b, &["-q", "reading", "edit", &id, "--place", "Oakland, CA", "--by", "ben"]);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let open = open_conflicts(&w, &a);
    let now = place(&w, &a);
    assert!(
        now == "Oakland, CA" || open.iter().any(|c| c.to_string().contains("Oakland, CA")),
        "ben's new value is neither taken nor a conflict: {now}\n{summary}\n{open:#?}"
    );
}

#[test]
fn a_resolve_undone_then_the_merge_undone_with_a_theirs_resolve_taken_again() {
    // resolve --take theirs, undo it, resolve again for theirs, then the
    // merge cannot be undone; merging again changes nothing and loses nothing.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let merge = change_of(&summary);
    let c = place_conflict(&w, &a, "Berkeley, CA", "Oakland");
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let resolve = last_change(&a);
    stderr_at(&w, &a, &["undo", &resolve, "--by", "amina"]);
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    assert_eq!(place(&w, &a), "Oakland");
    let err = fails_at(&w, &a, &["undo", &merge, "--by", "amina"]);
    assert!(err.contains("was settled since"), "{err}");
    let again = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("0 conflicts"), "{again}");
    assert_eq!(place(&w, &a), "Oakland");
    let back = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(back.contains("0 conflicts"), "{back}");
    assert_eq!(place(&w, &b), "Oakland");
}

#[test]
fn an_undone_merge_without_a_resolve_finds_the_conflict_again_both_ways() {
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let merge = change_of(&summary);
    stderr_at(&w, &a, &["undo", &merge, "--by", "amina"]);
    let again = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("1 conflicts"), "{again}");
    place_conflict(&w, &a, "Berkeley, CA", "Oakland");
    let back = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(back.contains("1 conflicts"), "{back}");
    place_conflict(&w, &b, "Oakland", "Berkeley, CA");
    assert_eq!(place(&w, &b), "Oakland");
}

#[test]
fn an_undone_resolve_copied_through_a_third_copy_is_no_decision_either() {
    // chen (a copy of the common start) merges amina's copy, which brings
    // her resolve and its undo as "…; from m1.db"; ben then merges chen's:
    // his value stays, as a conflict, never overwritten.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    let chen = w.path("chen.db");
    std::fs::copy(w.path("base.db"), &chen).expect("copy");
    merge_resolve_undo_both(&w, &a, &b);
    stderr_at(&w, &chen, &["merge", a.to_str().unwrap(), "--by", "chen"]);
    assert_eq!(place(&w, &chen), "Berkeley, CA", "amina's edit came in");
    let copied = rusqlite::Connection::open(&chen)
        .expect("open")
        .query_row("SELECT count(*) FROM history WHERE note LIKE 'undo of #%; from %'", [], |r| r.get::<_, i64>(0))
        .expect("count");
    assert!(copied >= 1, "the undo of the resolve was copied");

    let summary = stderr_at(&w, &b, &["merge", chen.to_str().unwrap(), "--by", "ben"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    place_conflict(&w, &b, "Oakland", "Berkeley, CA");
    assert_eq!(place(&w, &b), "Oakland");
}
