//! Issue 10 (10j): the last silent gaps of `import modules --sync`, the log
//! and `reading show`. A real `--sync` says on stderr what it chose not to
//! do; outcomes retyped with another case, spacing or final full stop still
//! match a renamed or moved session; a module whose code changes keeps its
//! lead, tags and links; a reading re-import is logged; a tag removal shows
//! in `reading show`. Through the real binary.

mod common;

use common::Workdir;

const HEAD: &str = "programme,year,module_code,module_title,lead,session_title,learning_outcomes,themes";

/// Runs canon; returns (exit code, stdout, stderr).
fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().expect("run canon");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// Imports `body` under [`HEAD`] as `name`, by "t"; returns (code, stdout, stderr).
fn import(w: &Workdir, name: &str, body: &str, extra: &[&str]) -> (i32, String, String) {
    let f = w.write(name, format!("{HEAD}\n{body}"));
    let mut args = vec!["import", "modules", f.to_str().unwrap(), "--by", "t"];
    args.extend_from_slice(extra);
    run(w, &args)
}

fn has(hay: &str, needle: &str) {
    assert!(hay.contains(needle), "missing {needle:?} in:\n{hay}");
}

fn tags_of(w: &Workdir, code: &str, title: &str) -> i64 {
    w.count(&format!(
        "SELECT count(*) FROM item_tag t JOIN item i ON i.id = t.item_id JOIN module m ON m.id = i.module_id
         WHERE m.code = '{code}' AND i.title = '{title}'"
    ))
}

/// The newest history entry's ID.
fn last_change(w: &Workdir) -> String {
    w.count("SELECT max(id) FROM history").to_string()
}

#[test]
fn a_real_sync_says_on_stderr_what_it_did_not_move() {
    let w = Workdir::new();
    // A title alone (no outcomes), and an ambiguous pair: both only possible moves.
    import(
        &w,
        "a.csv",
        "P,1,M1,One,,Welcome,,epistemic-bias\nP,1,M1,One,,Core,Describe core,\n\
         P,1,M2,Two,,Case study,Apply reasoning,epistemic-bias\nP,1,M2,Two,,Keep,k,\n\
         P,1,M4,Four,,Case study,Apply reasoning,historical-awareness\n",
        &[],
    );
    let next = "P,1,M1,One,,Core,Describe core,\nP,1,M1,One,,Orientation,,\nP,1,M2,Two,,Keep,k,\n\
                P,1,M2,Two,,Welcome,,\nP,1,M3,Three,,Case study,Apply reasoning,\n";
    let (code, dry, _) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert_eq!(code, 0);
    let (code, out, err) = import(&w, "b.csv", next, &["--sync"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "a real import prints nothing on stdout: {out}");
    // Every possible move the dry run named is said on stderr by the real run.
    let hints: Vec<&str> = dry.lines().filter_map(|l| l.find("possible move").map(|at| &l[at..])).collect();
    assert_eq!(hints.len(), 3, "{dry}");
    for h in &hints {
        has(&err, h);
    }
    has(&err, "removed M1 · Welcome: possible move to M2 · Welcome (not applied: no outcomes to confirm)");
    // M4 goes whole (the file no longer lists it): its session's note names the module.
    has(&err, "removed with module M4: M4 · Case study: possible move to M3 · Case study (not applied: ambiguous");
    has(&err, "removed M2 · Case study: possible move to M3 · Case study (not applied: ambiguous");
    assert_eq!(err.matches("possible move").count(), 3, "{err}");
    let log = w.ok(&["log"]);
    assert_eq!(log.matches("possible move").count(), 3, "{log}");
    // --quiet keeps stderr for errors only.
    let w2 = Workdir::new();
    import(&w2, "a.csv", "P,1,M1,One,,Welcome,,\nP,1,M2,Two,,Other,o,\n", &[]);
    let (code, _, err) = import(&w2, "b.csv", "P,1,M2,Two,,Other,o,\nP,1,M2,Two,,Welcome,,\n", &["--sync", "--quiet"]);
    assert_eq!(code, 0);
    assert!(!err.contains("possible move"), "{err}");
}

#[test]
fn retyped_outcomes_still_match_a_rename_and_a_move() {
    let w = Workdir::new();
    import(
        &w,
        "a.csv",
        "P,1,M1,One,,Lung function,Describe spirometry; Interpret a flow-volume loop,epistemic-bias\n\
         P,1,M1,One,,Stays,s,\n\
         P,1,M2,Two,,Καρδιά,Περιγράψτε την καρδιά.,historical-awareness\nP,1,M2,Two,,Other,o,\n\
         P,1,M3,Three,,Anchor,a,\n",
        &[],
    );
    // Renamed in M1 with its outcomes in another case, spacing and with full stops;
    // M2's Greek session moved to M3 with its outcome in capitals and no full stop.
    let next = "P,1,M1,One,,Pulmonary function,\"  describe SPIROMETRY.\n Interpret a  flow-volume loop. \",\n\
                P,1,M1,One,,Stays,s,\nP,1,M2,Two,,Other,o,\n\
                P,1,M3,Three,,Anchor,a,\nP,1,M3,Three,,ΚΑΡΔΙΆ,ΠΕΡΙΓΡΆΨΤΕ ΤΗΝ ΚΑΡΔΙΆ,\n";
    let (code, dry, err) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    has(&dry, "renamed    line 2      M1 · \"Lung function\" → \"Pulmonary function\"");
    has(
        &dry,
        "learning_outcomes: \"Describe spirometry; Interpret a flow-volume loop\" → \
         \"describe SPIROMETRY.\\nInterpret a  flow-volume loop.\" (the same outcomes, written otherwise)",
    );
    has(&dry, "moved      line 7      M2 → M3 · ΚΑΡΔΙΆ");
    has(&dry, "learning_outcomes: \"Περιγράψτε την καρδιά.\" → \"ΠΕΡΙΓΡΆΨΤΕ ΤΗΝ ΚΑΡΔΙΆ\"");
    assert!(!dry.lines().any(|l| l.starts_with("removed") || l.starts_with("new")), "{dry}");
    let (code, _, err) = import(&w, "b.csv", next, &["--sync"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(tags_of(&w, "M1", "Pulmonary function"), 1);
    assert_eq!(tags_of(&w, "M3", "ΚΑΡΔΙΆ"), 1);
    // The stored outcomes are the new file's, and the full-text index finds them.
    let stored: String = {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.query_row("SELECT outcomes FROM item WHERE title = 'ΚΑΡΔΙΆ'", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(stored, "ΠΕΡΙΓΡΆΨΤΕ ΤΗΝ ΚΑΡΔΙΆ");
    // The history holds the old outcomes; undo brings them back.
    let moved = w.count("SELECT max(id) FROM history WHERE entity = 'item' AND note LIKE 'moved from%'");
    let renamed = w.count("SELECT max(id) FROM history WHERE entity = 'item' AND note LIKE 'renamed by%'");
    w.ok(&["undo", &moved.to_string(), "--by", "t"]);
    w.ok(&["undo", &renamed.to_string(), "--by", "t"]);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes = 'Περιγράψτε την καρδιά.'"), 1);
    assert_eq!(
        w.count("SELECT count(*) FROM item WHERE title = 'Lung function' AND outcomes LIKE 'Describe spirometry; %'"),
        1
    );
}

#[test]
fn outcomes_that_differ_in_words_are_not_a_rename() {
    let w = Workdir::new();
    import(&w, "a.csv", "P,1,M1,One,,Old,Describe spirometry,epistemic-bias\nP,1,M1,One,,Keep,k,\n", &[]);
    let (_, dry, _) = import(
        &w,
        "b.csv",
        "P,1,M1,One,,New,Describe spirometry in asthma,\nP,1,M1,One,,Keep,k,\n",
        &["--sync", "--dry-run"],
    );
    assert!(!dry.lines().any(|l| l.starts_with("renamed")), "{dry}");
    has(&dry, "removed    (not in file) M1 · Old");
    // A full stop alone is no outcome: empty outcomes never match.
    let (_, dry, _) = import(&w, "c.csv", "P,1,M1,One,,Other,.,\nP,1,M1,One,,Keep,k,\n", &["--sync", "--dry-run"]);
    assert!(!dry.lines().any(|l| l.starts_with("renamed")), "{dry}");
    let _ = last_change(&w);
}

/// Last year's list: MED2003 Renal (lead Dr B) with a tagged session, a
/// module link and a session link.
fn renal(w: &Workdir) -> String {
    import(
        w,
        "a.csv",
        "MBChB,1,MED1001,Foundations,Dr A,Cell biology,Describe organelles,\n\
         MBChB,2,MED2003,Renal,Dr B,eGFR,Evaluate race-based eGFR,historical-awareness\n\
         MBChB,2,MED2003,Renal,Dr B,Kidney stones,Describe stones,\n",
        &[],
    );
    let out = w.ok(&["reading", "add", "--title", "Kidney book", "--year", "2020", "--type", "book", "--by", "t"]);
    let id = out.split_whitespace().next().unwrap().to_string();
    w.ok(&["link", &id, "MED2003", "--by", "t"]);
    w.ok(&["link", &id, "MED2003/Kidney stones", "--by", "t"]);
    id
}

#[test]
fn a_module_whose_code_changes_is_recoded_not_retired() {
    let w = Workdir::new();
    renal(&w);
    let module = w.count("SELECT id FROM module WHERE code = 'MED2003'");
    let egfr = w.count("SELECT id FROM item WHERE title = 'eGFR'");
    // This year: the code is MED2013; no lead column; eGFR's outcomes grow; a session is added.
    let f = w.write(
        "b.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         MBChB,1,MED1001,Foundations,Cell biology,Describe organelles\n\
         MBChB,2,MED2013,RENAL,eGFR,Evaluate race-based eGFR; Explain CKD-EPI 2021\n\
         MBChB,2,MED2013,RENAL,Kidney stones,Describe stones\n\
         MBChB,2,MED2013,RENAL,Dialysis,Describe dialysis\n",
    );
    let file = f.to_str().unwrap();
    let (code, dry, err) = run(&w, &["import", "modules", file, "--sync", "--by", "t", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    has(&dry, "recoded    line 3      module MED2003 → MED2013 RENAL");
    has(&dry, "keeps its ID, its lead \"Dr B\", its sessions' 1 tag and its 2 links");
    has(&dry, "title: \"Renal\" → \"RENAL\"");
    has(&dry, "changed    line 3      MED2013 · eGFR");
    has(&dry, "learning_outcomes: \"Evaluate race-based eGFR\" → \"Evaluate race-based eGFR; Explain CKD-EPI 2021\"");
    has(&dry, "unchanged  line 4      MED2013 · Kidney stones");
    has(&dry, "new        line 5      MED2013 · Dialysis");
    assert!(!dry.lines().any(|l| l.starts_with("removed")), "{dry}");
    assert!(!dry.contains("new        line 3      module"), "{dry}");
    has(&err, "modules: 0 new, 0 changed, 1 recoded (lead, tags and links kept)");
    let (code, _, err) = run(&w, &["import", "modules", file, "--sync", "--by", "t"]);
    assert_eq!(code, 0, "{err}");
    // The module keeps its ID and lead; the session its ID and tag; both links stay.
    assert_eq!(w.count("SELECT id FROM module WHERE code = 'MED2013'"), module);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2003'"), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM module WHERE id = {module} AND lead = 'Dr B'")), 1);
    assert_eq!(w.count(&format!("SELECT module_id FROM item WHERE id = {egfr}")), module);
    assert_eq!(tags_of(&w, "MED2013", "eGFR"), 1);
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE module_id = {module}")), 1);
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM link l JOIN item i ON i.id = l.item_id WHERE i.module_id = {module}")),
        1
    );
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE module_id = {module}")), 3);
    // `item list` finds the sessions under the new code, in the file's order.
    let list = w.json(&["item", "list", "--module", "MED2013", "--format", "json"]);
    let titles: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["eGFR", "Kidney stones", "Dialysis"]);
    // In the history, and undoable: the code and the outcomes come back.
    let log = w.ok(&["log", "--entity", "module"]);
    has(&log, "code: MED2003 → MED2013");
    let recoded =
        w.count("SELECT max(id) FROM history WHERE entity = 'module' AND note LIKE 'recoded MED2003 → MED2013%'");
    let outcomes = w.count("SELECT max(id) FROM history WHERE entity = 'item' AND note LIKE 'module recoded%'");
    w.ok(&["undo", &recoded.to_string(), "--by", "t"]);
    w.ok(&["undo", &outcomes.to_string(), "--by", "t"]);
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM module WHERE id = {module} AND code = 'MED2003' AND title = 'Renal'")),
        1
    );
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM item WHERE id = {egfr} AND outcomes = 'Evaluate race-based eGFR'")),
        1
    );
    // The same file again: the module is recoded again and then holds the file.
    let (code, _, err) = run(&w, &["import", "modules", file, "--sync", "--by", "t"]);
    assert_eq!(code, 0, "{err}");
    let (_, _, err) = run(&w, &["import", "modules", file, "--sync", "--by", "t"]);
    has(&err, "nothing changed");
}

#[test]
fn an_ambiguous_or_retitled_recode_retires_and_says_what_goes() {
    let w = Workdir::new();
    renal(&w);
    // Two stored modules titled "Renal" in one programme, one new: ambiguous.
    import(&w, "x.csv", "MBChB,3,MED3003,Renal,Dr C,Transplant,Describe transplant,\n", &[]);
    let next = "MBChB,1,MED1001,Foundations,Dr A,Cell biology,Describe organelles,\n\
                MBChB,2,MED2013,Renal,Dr B,eGFR,Evaluate race-based eGFR,\n";
    let (code, dry, err) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(!dry.lines().any(|l| l.starts_with("recoded")), "{dry}");
    has(&dry, "removed    (not in file) module MED2003 Renal");
    has(&dry, "its lead \"Dr B\" goes with it (kept in the history)");
    has(&dry, "its lead \"Dr C\" goes with it (kept in the history)");
    let hint = "possible recode to MED2013 (not applied: ambiguous; the stored MED2003, MED3003 and the new MED2013 \
                share this title)";
    assert_eq!(dry.matches(hint).count(), 2, "{dry}");
    // The module link goes with the retired module, and the dry run says so.
    has(&dry, "link");
    let (code, _, err) = import(&w, "b.csv", next, &["--sync"]);
    assert_eq!(code, 0, "{err}");
    has(&err, &format!("removed module MED2003: {hint}"));
    let log = w.ok(&["log"]);
    assert_eq!(log.matches("possible recode to MED2013").count(), 2, "{log}");

    // A new title as well as a new code is not a recode: retired, with the lead said.
    let w = Workdir::new();
    renal(&w);
    let next = "MBChB,1,MED1001,Foundations,Dr A,Cell biology,Describe organelles,\n\
                MBChB,2,MED2013,Renal medicine,Dr B,eGFR,Evaluate race-based eGFR,\n";
    let (_, dry, _) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert!(!dry.lines().any(|l| l.starts_with("recoded")), "{dry}");
    has(&dry, "removed    (not in file) module MED2003 Renal");
    has(&dry, "its lead \"Dr B\" goes with it (kept in the history)");
    // Its session still moves on the evidence a move needs.
    has(&dry, "moved      line 3      MED2003 → MED2013 · eGFR");

    // The same code and title in another programme is not a candidate.
    let w = Workdir::new();
    renal(&w);
    let next = "MBChB,1,MED1001,Foundations,Dr A,Cell biology,Describe organelles,\n\
                Nursing,2,NUR2013,Renal,Dr N,eGFR,Evaluate race-based eGFR,\n";
    let (_, dry, _) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert!(!dry.lines().any(|l| l.starts_with("recoded")), "{dry}");
}
