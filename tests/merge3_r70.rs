//! Tester r70: every decision on a conflict goes through the history.
//! `resolve --take ours` is an entry of its own (shown in `canon log`,
//! undoable: the conflict is open again); the undo of the undo of a resolve
//! (a redo) settles the conflict again; the undo of a merge whose conflict
//! was settled names the decision to undo first, and works once it is.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, fails_at, json_at, stderr_at};
use serde_json::Value;

const ONE: &str = "\
title,authors,year,type,publisher,place
\"Pathologies of Power\",\"Farmer, Paul\",2005,book,University of California Press,Berkeley
";

/// amina's and ben's copies of one import; amina set the place to
/// "Berkeley, CA", ben to "Oakland". Returns (amina, ben, reading ID).
fn two_copies(w: &Workdir) -> (PathBuf, PathBuf, String) {
    let a = w.path("m1.db");
    let csv = w.write("one.csv", ONE);
    w.ok_at(&a, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "amina"]);
    let b = w.path("m2.db");
    std::fs::copy(&a, &b).expect("copy");
    let list = json_at(w, &a, &["reading", "list", "--format", "json"]);
    let id = common::reading(&list, "Pathologies")["id"].as_i64().expect("id").to_string();
    w.ok_at(&a, &["-q", "reading", "edit", &id, "--place", "Berkeley, CA", "--by", "amina"]);
    w.ok_at(&b, &["-q", "reading", "edit", &id, "--place", "Oakland", "--by", "ben"]);
    (a, b, id)
}

/// The number after `marker` in `text` ("(change #" → "12").
fn number_after(text: &str, marker: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("no {marker:?} in:\n{text}"));
    let n: String = text[at + marker.len()..].chars().take_while(char::is_ascii_digit).collect();
    assert!(!n.is_empty(), "no number after {marker:?} in:\n{text}");
    n
}

/// The place as `canon reading show --format json` gives it.
fn place(w: &Workdir, db: &Path, id: &str) -> String {
    let r = json_at(w, db, &["reading", "show", id, "--format", "json"]);
    let r = r.get("reading").unwrap_or(&r);
    r["place"].as_str().unwrap_or_else(|| panic!("no place in {r:#}")).to_string()
}

fn open_conflicts(w: &Workdir, db: &Path) -> Vec<Value> {
    json_at(w, db, &["resolve", "--format", "json"]).as_array().cloned().unwrap_or_default()
}

/// Every conflict, settled too, by its number.
fn conflict(w: &Workdir, db: &Path, c: &str) -> Value {
    let all = json_at(w, db, &["resolve", "--all", "--format", "json"]);
    all.as_array()
        .and_then(|a| a.iter().find(|x| x["id"].as_i64().is_some_and(|i| i.to_string() == c)))
        .cloned()
        .unwrap_or_else(|| panic!("no conflict #{c} in {all:#}"))
}

/// Merges ben's copy into amina's: returns (merge change, conflict number).
fn merge(w: &Workdir, a: &Path, b: &Path) -> (String, String) {
    let summary = stderr_at(w, a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("1 conflicts"), "{summary}");
    let open = open_conflicts(w, a);
    assert_eq!(open.len(), 1, "{open:#?}");
    (number_after(&summary, "(change #"), open[0]["id"].to_string())
}

/// The log entry `n` as `canon log --format json` gives it.
fn log_entry(w: &Workdir, db: &Path, n: &str) -> Value {
    let log = json_at(w, db, &["log", "--format", "json"]);
    log.as_array()
        .and_then(|a| a.iter().find(|e| e["id"].as_i64().is_some_and(|i| i.to_string() == n)))
        .cloned()
        .unwrap_or_else(|| panic!("no entry #{n} in the log:\n{log:#}"))
}

#[test]
fn take_ours_is_in_the_log_and_undo_redo_follow_the_history_both_ways() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);

    // Take ours: the value stays, the decision is an entry in the log.
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    assert!(said.contains(&format!("conflict #{c} resolved: kept our reading {id}")), "{said}");
    let ours = number_after(&said, "(change #");
    assert!(said.contains(&format!("`canon undo {ours}` opens it again")), "{said}");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
    assert!(open_conflicts(&w, &a).is_empty());
    assert_eq!(conflict(&w, &a, &c)["resolution"], "ours");
    let e = log_entry(&w, &a, &ours);
    assert_eq!(e["by"], "amina", "{e:#}");
    assert_eq!(e["entity"], "conflict", "{e:#}");
    assert_eq!(e["entity_id"].to_string(), c, "{e:#}");
    assert_eq!(e["after"]["resolution"], "ours", "{e:#}");
    assert!(e["note"].as_str().unwrap().starts_with(&format!("resolve conflict #{c} (ours, from ")), "{e:#}");
    let table = w.ok_at(&a, &["log", "--entity", "conflict"]);
    assert!(table.contains("resolution: (empty) → ours"), "{table}");

    // Undo it: the conflict is open again and listed, the value unchanged.
    let undone = stderr_at(&w, &a, &["undo", &ours, "--by", "amina"]);
    assert!(undone.contains(&format!("Undone #{ours}: reopened conflict #{c}, which #{ours} settled")), "{undone}");
    let open = open_conflicts(&w, &a);
    assert_eq!(open.len(), 1, "listed again: {open:#?}");
    assert_eq!(open[0]["id"].to_string(), c);
    assert_eq!(open[0]["ours"]["place"], "Berkeley, CA");
    assert_eq!(open[0]["theirs"]["place"], "Oakland");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
    // Undoing it twice says where the redo is.
    let err = fails_at(&w, &a, &["undo", &ours, "--by", "amina"]);
    assert!(err.contains(&format!("change #{ours} was already undone by #")), "{err}");

    // Take theirs: their value, settled.
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    assert!(said.contains(&format!("conflict #{c} resolved: took their version of reading {id} (place)")), "{said}");
    let theirs = number_after(&said, "(change #");
    assert!(said.contains(&format!("`canon undo {theirs}` puts ours back and opens it again")), "{said}");
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty());
    assert_eq!(conflict(&w, &a, &c)["resolution"], "theirs");

    // Undo it: ours back, open again.
    let undone = stderr_at(&w, &a, &["undo", &theirs, "--by", "amina"]);
    assert!(undone.contains(&format!("conflict #{c} is open again")), "{undone}");
    let undo = last_change(&w, &a);
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
    let open = open_conflicts(&w, &a);
    assert_eq!(open.len(), 1, "{open:#?}");
    assert_eq!(open[0]["ours"]["place"], "Berkeley, CA");

    // Redo (the undo of that undo): theirs again, and settled again.
    let redone = stderr_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    assert!(redone.contains(&format!("conflict #{c} is settled again (theirs)")), "{redone}");
    assert!(!redone.contains("open again"), "{redone}");
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty(), "settled after the redo: {:#?}", open_conflicts(&w, &a));
    assert_eq!(conflict(&w, &a, &c)["resolution"], "theirs");
}

/// The newest history entry's number.
fn last_change(w: &Workdir, db: &Path) -> String {
    let log = json_at(w, db, &["log", "--format", "json"]);
    log.as_array().and_then(|a| a.last()).expect("an entry")["id"].to_string()
}

#[test]
fn the_undo_of_a_redo_opens_the_conflict_again_and_so_on() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let resolve = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &resolve, "--by", "amina"]);
    let undo = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    let redo = last_change(&w, &a);
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty());

    let again = stderr_at(&w, &a, &["undo", &redo, "--by", "amina"]);
    assert!(again.contains(&format!("conflict #{c} is open again")), "{again}");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
    assert_eq!(open_conflicts(&w, &a).len(), 1);
    let undo2 = last_change(&w, &a);
    let thrice = stderr_at(&w, &a, &["undo", &undo2, "--by", "amina"]);
    assert!(thrice.contains(&format!("conflict #{c} is settled again (theirs)")), "{thrice}");
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty());
}

#[test]
fn the_redo_of_take_ours_settles_it_again() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    let ours = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &ours, "--by", "amina"]);
    let undo = last_change(&w, &a);
    assert_eq!(open_conflicts(&w, &a).len(), 1);
    let redone = stderr_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    assert!(redone.contains(&format!("settled conflict #{c} again (ours)")), "{redone}");
    assert!(open_conflicts(&w, &a).is_empty());
    assert_eq!(conflict(&w, &a, &c)["resolution"], "ours");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
}

#[test]
fn a_redo_over_a_later_decision_is_refused_naming_it() {
    // theirs, undone, then ours: putting theirs back would make two decisions.
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let theirs = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &theirs, "--by", "amina"]);
    let undo = last_change(&w, &a);
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    let ours = number_after(&said, "(change #");
    let err = fails_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    assert!(err.contains(&format!("conflict #{c} was settled since (ours); undo #{ours} first")), "{err}");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA", "nothing changed");
    assert_eq!(conflict(&w, &a, &c)["resolution"], "ours");
    // As it says: undo the decision, then the redo works.
    stderr_at(&w, &a, &["undo", &ours, "--by", "amina"]);
    stderr_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert_eq!(conflict(&w, &a, &c)["resolution"], "theirs");

    // And the other way round: ours, undone, theirs; redoing ours is refused.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    let ours = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &ours, "--by", "amina"]);
    let undo = last_change(&w, &a);
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let theirs = number_after(&said, "(change #");
    let err = fails_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    assert!(err.contains(&format!("conflict #{c} was settled since (theirs); undo #{theirs} first")), "{err}");
    assert_eq!(conflict(&w, &a, &c)["resolution"], "theirs");
}

#[test]
fn a_merge_after_a_settled_conflict_says_what_to_undo_first_and_then_undoes() {
    for take in ["ours", "theirs"] {
        let w = Workdir::new();
        let (a, b, id) = two_copies(&w);
        let (m, c) = merge(&w, &a, &b);
        let said = stderr_at(&w, &a, &["resolve", &c, "--take", take, "--by", "amina"]);
        let d = number_after(&said, "(change #");
        let err = fails_at(&w, &a, &["undo", &m, "--by", "amina"]);
        assert!(err.contains("was settled since") && err.contains("nothing was undone"), "{take}: {err}");
        assert!(err.contains(&format!("`canon undo {d}` opens the conflict again")), "{take}: {err}");
        assert!(err.contains(&format!("`canon undo {d} {m}`")), "{take}: {err}");
        // As it says: the decision, then the merge.
        stderr_at(&w, &a, &["undo", &d, "--by", "amina"]);
        let undone = stderr_at(&w, &a, &["undo", &m, "--by", "amina"]);
        assert!(undone.contains(&format!("reverted merge #{m}")), "{take}: {undone}");
        assert!(undone.contains("1 conflict it found removed"), "{take}: {undone}");
        assert_eq!(place(&w, &a, &id), "Berkeley, CA", "{take}");
        assert!(open_conflicts(&w, &a).is_empty(), "{take}");
    }
}

#[test]
fn both_at_once_undoes_the_decision_then_the_merge() {
    for take in ["ours", "theirs"] {
        let w = Workdir::new();
        let (a, b, id) = two_copies(&w);
        let (m, c) = merge(&w, &a, &b);
        let said = stderr_at(&w, &a, &["resolve", &c, "--take", take, "--by", "amina"]);
        let d = number_after(&said, "(change #");
        let undone = stderr_at(&w, &a, &["undo", &d, &m, "--by", "amina"]);
        assert!(undone.contains(&format!("Undone #{d}")), "{take}: {undone}");
        assert!(undone.contains(&format!("reverted merge #{m}")), "{take}: {undone}");
        assert_eq!(place(&w, &a, &id), "Berkeley, CA", "{take}");
        let all = json_at(&w, &a, &["resolve", "--all", "--format", "json"]);
        assert_eq!(all.as_array().map(Vec::len), Some(0), "the conflict went with its merge: {all:#}");
        // Merging again finds it again.
        merge(&w, &a, &b);
    }
}

#[test]
fn a_merge_whose_conflict_a_later_merge_closed_names_that_merge() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (m, c) = merge(&w, &a, &b);
    // ben comes round to amina's value: the next merge closes the conflict.
    w.ok_at(&b, &["-q", "reading", "edit", &id, "--place", "Berkeley, CA", "--by", "ben"]);
    let summary = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(summary.contains("settled"), "{summary}");
    let m2 = number_after(&summary, "(change #");
    let err = fails_at(&w, &a, &["undo", &m, "--by", "amina"]);
    assert!(err.contains(&format!("conflict #{c}")) && err.contains("settled since"), "{err}");
    assert!(err.contains(&format!("Merge #{m2} closed it")) && err.contains(&format!("`canon undo {m2}`")), "{err}");
    stderr_at(&w, &a, &["undo", &m2, "--by", "amina"]);
    stderr_at(&w, &a, &["undo", &m, "--by", "amina"]);
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
}

#[test]
fn take_theirs_when_the_record_holds_theirs_already_is_an_entry_too() {
    // amina typed ben's value by hand: taking theirs changes no value, but is a decision.
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    w.ok_at(&a, &["-q", "reading", "edit", &id, "--place", "Oakland", "--by", "amina"]);
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let d = number_after(&said, "(change #");
    let e = log_entry(&w, &a, &d);
    assert_eq!(e["entity"], "conflict", "{e:#}");
    assert_eq!(e["after"]["resolution"], "theirs", "{e:#}");
    assert!(open_conflicts(&w, &a).is_empty());
    stderr_at(&w, &a, &["undo", &d, "--by", "amina"]);
    assert_eq!(open_conflicts(&w, &a).len(), 1, "open again");
    assert_eq!(place(&w, &a, &id), "Oakland", "the hand edit stays");
}

#[test]
fn decisions_on_a_conflict_are_not_copied_to_another_copy() {
    // Conflict numbers are each copy's own: ben's copy never holds amina's decision entries.
    let w = Workdir::new();
    let (a, b, _) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    let summary = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(summary.contains("decisions on their own conflicts not copied"), "{summary}");
    let log = json_at(&w, &b, &["log", "--entity", "conflict", "--format", "json"]);
    assert_eq!(log.as_array().map(Vec::len), Some(0), "{log:#}");
}

#[test]
fn a_conflict_edited_by_hand_is_listed_with_the_value_the_record_holds_now() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    w.ok_at(&a, &["-q", "reading", "edit", &id, "--place", "Berkeley, California", "--by", "amina"]);
    // Still open (an edit is no decision), but never listed with a value the record no longer holds.
    let open = open_conflicts(&w, &a);
    assert_eq!(open.len(), 1, "{open:#?}");
    assert_eq!(open[0]["now"]["place"], "Berkeley, California", "{open:#?}");
    assert_eq!(open[0]["ours"]["place"], "Berkeley, CA", "as found, kept: {open:#?}");
    let table = w.ok_at(&a, &["resolve"]);
    assert!(table.contains("place: Berkeley, California (now; when found: place: Berkeley, CA)"), "{table}");
    // Theirs would undo the edit: refused, naming the value now; ours keeps it, as an entry.
    let err = fails_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    assert!(err.contains("place is now \"Berkeley, California\""), "{err}");
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    let d = number_after(&said, "(change #");
    assert_eq!(place(&w, &a, &id), "Berkeley, California");
    assert!(open_conflicts(&w, &a).is_empty());
    stderr_at(&w, &a, &["undo", &d, "--by", "amina"]);
    assert_eq!(open_conflicts(&w, &a).len(), 1);
    // Undo the hand edit: ours as found again, listed as found.
    let edit = json_at(&w, &a, &["log", "--entity", "reading", "--format", "json"]);
    let edit =
        edit.as_array().unwrap().iter().rfind(|e| e["by"] == "amina" && e["note"].is_null()).unwrap()["id"].to_string();
    stderr_at(&w, &a, &["undo", &edit, "--by", "amina"]);
    let open = open_conflicts(&w, &a);
    assert!(open[0]["now"].is_null(), "{open:#?}");
    assert_eq!(place(&w, &a, &id), "Berkeley, CA");
}

#[test]
fn after_a_redo_of_take_theirs_merging_either_way_agrees() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    stderr_at(&w, &a, &["resolve", &c, "--take", "theirs", "--by", "amina"]);
    let resolve = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &resolve, "--by", "amina"]);
    let undo = last_change(&w, &a);
    stderr_at(&w, &a, &["undo", &undo, "--by", "amina"]);
    let again = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("0 conflicts"), "{again}");
    assert_eq!(place(&w, &a, &id), "Oakland");
    assert!(open_conflicts(&w, &a).is_empty());
    let back = stderr_at(&w, &b, &["merge", a.to_str().unwrap(), "--by", "ben"]);
    assert!(back.contains("0 conflicts"), "{back}");
    assert_eq!(place(&w, &b, &id), "Oakland");
}

#[test]
fn a_redo_never_settles_a_later_conflict_that_took_the_same_number() {
    // The undo of a merge removes the conflicts it found; the next merge's conflict
    // never takes the same number (schema 0042, task f102), and the redo still
    // refuses: the conflict it decided is gone.
    for take in ["ours", "theirs"] {
        let w = Workdir::new();
        let (a, b, id) = two_copies(&w);
        let (m, c) = merge(&w, &a, &b);
        stderr_at(&w, &a, &["resolve", &c, "--take", take, "--by", "amina"]);
        let d = last_change(&w, &a);
        stderr_at(&w, &a, &["undo", &d, "--by", "amina"]);
        let undo = last_change(&w, &a);
        stderr_at(&w, &a, &["undo", &m, "--by", "amina"]);
        let (_, c2) = merge(&w, &a, &b);
        assert_ne!(c2, c, "{take}: a conflict number is never reused (schema 0042)");
        let err = fails_at(&w, &a, &["undo", &undo, "--by", "amina"]);
        assert!(err.contains(&format!("conflict #{c}")) && err.contains("is gone"), "{take}: {err}");
        assert!(err.contains("nothing was undone"), "{take}: {err}");
        assert_eq!(open_conflicts(&w, &a).len(), 1, "{take}: the new conflict stays open");
        assert_eq!(place(&w, &a, &id), "Berkeley, CA", "{take}");
    }
}

#[test]
fn a_conflict_whose_record_was_removed_is_listed_as_removed_and_ours_is_undoable() {
    let w = Workdir::new();
    let (a, b, id) = two_copies(&w);
    let (_, c) = merge(&w, &a, &b);
    w.ok_at(&a, &["-q", "reading", "remove", &id, "--by", "amina"]);
    let open = open_conflicts(&w, &a);
    assert_eq!(open[0]["removed"], true, "{open:#?}");
    let table = w.ok_at(&a, &["resolve"]);
    assert!(table.contains("(removed since; when found: place: Berkeley, CA)"), "{table}");
    let said = stderr_at(&w, &a, &["resolve", &c, "--take", "ours", "--by", "amina"]);
    assert!(said.contains("removed"), "{said}");
    let d = number_after(&said, "(change #");
    stderr_at(&w, &a, &["undo", &d, "--by", "amina"]);
    assert_eq!(open_conflicts(&w, &a).len(), 1);
}
