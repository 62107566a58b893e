//! Issue 10 (10g): a session a new module list moves to another module is
//! moved, keeping its tags; sessions added to a stored module take their
//! place in the file's order; possible duplicate readings are found at every
//! subtitle separator; the flat report CSV tells reviewed readings from those
//! approved on import. Through the real binary, in CSV and workbook form.

mod common;

use common::{Workdir, sample};

/// Runs canon; returns (exit code, stdout, stderr).
fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().expect("run canon");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn has(hay: &str, needle: &str) {
    assert!(hay.contains(needle), "missing {needle:?} in:\n{hay}");
}

/// The session titles of a module, in its order (`item list`).
fn titles(w: &Workdir, module: &str) -> Vec<String> {
    let list = w.json(&["item", "list", "--module", module, "--format", "json"]);
    list.as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap().to_string()).collect()
}

/// Writes `rows` (header first) as a one-sheet workbook.
fn workbook(w: &Workdir, name: &str, rows: &[&[&str]]) -> String {
    let path = w.path(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path.to_str().unwrap().to_string()
}

const HEADER: &str = "programme,module_code,module_title,session_title,learning_outcomes\n";

/// Last year: MED1 holds Alpha, Beta and Gamma; MED2 holds Delta. Alpha is tagged twice.
fn last_year(w: &Workdir) {
    w.ok(&["init"]);
    let f = w.write(
        "v1.csv",
        format!(
            "{HEADER}MBChB,MED1,Foundations,Alpha,Explain a\nMBChB,MED1,Foundations,Beta,Explain b\n\
             MBChB,MED1,Foundations,Gamma,Explain c\nMBChB,MED2,Respiratory,Delta,Explain d\n"
        ),
    );
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    w.ok(&["tag", "MED1/Alpha", "epistemic-bias", "historical-awareness", "--by", "amina"]);
}

#[test]
fn a_session_moved_to_another_module_keeps_its_id_and_tags_and_undo_moves_it_back() {
    let w = Workdir::new();
    last_year(&w);
    let alpha = w.count("SELECT id FROM item WHERE title = 'Alpha'");
    // Alpha moves to MED2, between Delta and a new Epsilon; written in another case there.
    let f = w.write(
        "v2.csv",
        format!(
            "{HEADER}MBChB,MED1,Foundations,Beta,Explain b\nMBChB,MED1,Foundations,Gamma,Explain c\n\
             MBChB,MED2,Respiratory,Delta,Explain d\nMBChB,MED2,Respiratory,ALPHA,Explain a\n\
             MBChB,MED2,Respiratory,Epsilon,Explain e\n"
        ),
    );
    let f = f.to_str().unwrap();
    let history = w.count("SELECT count(*) FROM history");
    let (code, out, err) = run(&w, &["import", "modules", f, "--sync", "--dry-run", "--by", "amina"]);
    assert_eq!(code, 0, "{err}");
    has(&out, "moved      line 5      MED1 → MED2 · ALPHA");
    has(&out, "same title and learning outcomes; keeps its ID and its 2 tags");
    has(&out, "title: \"Alpha\" → \"ALPHA\" (the same session, written otherwise)");
    has(&out, "new        line 6      MED2 · Epsilon");
    assert!(!out.contains("removed"), "a move is not a retirement: {out}");
    assert!(!out.contains("new        line 5"), "a move is not a new session: {out}");
    has(&err, "1 new, 0 changed, 3 unchanged, 0 duplicate, 0 rejected; 1 session moved to another module (tags kept)");
    assert_eq!(w.count("SELECT count(*) FROM history"), history, "the dry run wrote");
    // Without a name, a move is refused like a rename.
    let (code, _, err) = run(&w, &["import", "modules", f, "--sync"]);
    assert_ne!(code, 0);
    has(&err, "--sync would move 1 session");

    let err = w.ok_stderr(&["import", "modules", f, "--sync", "--by", "amina"]);
    has(&err, "1 session moved to another module (tags kept)");
    assert_eq!(w.count("SELECT id FROM item WHERE title = 'ALPHA'"), alpha, "the moved session keeps its ID");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {alpha}")), 2);
    assert_eq!(titles(&w, "MED2"), ["Delta", "ALPHA", "Epsilon"], "in the file's order");
    assert_eq!(titles(&w, "MED1"), ["Beta", "Gamma"]);
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'alpha'"), 1);
    // Again: nothing to do.
    has(&w.ok_stderr(&["import", "modules", f, "--sync", "--by", "amina"]), "nothing changed");

    // The history holds the move; undo puts it back in MED1, in its place.
    let log = w.json(&["log", "--entity", "item", "--id", &alpha.to_string(), "--format", "json"]);
    let moved = log.as_array().unwrap().iter().find(|e| e["action"] == "update").expect("the move is logged");
    assert!(moved["note"].as_str().unwrap().contains("moved from module MED1 to MED2 by import --sync"), "{moved}");
    w.ok(&["undo", &moved["id"].as_i64().unwrap().to_string(), "--by", "amina"]);
    assert_eq!(titles(&w, "MED1"), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(titles(&w, "MED2"), ["Delta", "Epsilon"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {alpha}")), 2);
}

#[test]
fn a_module_given_a_new_code_moves_its_sessions_and_ambiguity_is_not_a_move() {
    let w = Workdir::new();
    last_year(&w);
    let alpha = w.count("SELECT id FROM item WHERE title = 'Alpha'");
    // MED1 is MED1001 "Foundations of medicine" now (a workbook this time): a new code and a new
    // title, so not a recode (10j: that needs the same title) but sessions moved one by one;
    // MED2 gains a second "Intro" nobody can tell apart.
    let add_intro = w.write(
        "intro.csv",
        format!("{HEADER}MBChB,MED2,Respiratory,Intro,\nMBChB,MED3,Renal,Intro,\nMBChB,MED3,Renal,Intro two,\n"),
    );
    w.ok(&["import", "modules", add_intro.to_str().unwrap()]);
    w.ok(&["tag", "MED2/Intro", "epistemic-bias", "--by", "amina"]);
    let f = workbook(
        &w,
        "v2.xlsx",
        &[
            &["programme", "module_code", "module_title", "session_title", "learning_outcomes"],
            &["MBChB", "MED1001", "Foundations of medicine", "Alpha", "Explain a"],
            &["MBChB", "MED1001", "Foundations of medicine", "Beta", "Explain b"],
            &["MBChB", "MED1001", "Foundations of medicine", "Gamma", "Explain c"],
            &["MBChB", "MED2", "Respiratory", "Delta", "Explain d"],
            &["MBChB", "MED4", "Skin", "Intro", ""],
            &["MBChB", "MED3", "Renal", "Intro two", ""],
        ],
    );
    let (code, out, err) = run(&w, &["import", "modules", &f, "--sync", "--dry-run", "--by", "amina"]);
    assert_eq!(code, 0, "{err}");
    for s in ["Alpha", "Beta", "Gamma"] {
        has(&out, &format!("MED1 → MED1001 · {s}"));
    }
    has(&out, "removed    (not in file) module MED1 Foundations");
    // Two stored "Intro"s (MED2, MED3) and one new (MED4): which moved? Neither; said as it is.
    has(&out, "new        row  6      MED4 · Intro");
    has(&out, "removed    (not in file) MED2 · Intro");
    w.ok(&["import", "modules", &f, "--sync", "--by", "amina"]);
    assert_eq!(w.count("SELECT id FROM item WHERE title = 'Alpha'"), alpha);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {alpha}")), 2);
    assert_eq!(titles(&w, "MED1001"), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED1'"), 0);
    // Undoing a move back into the retired module says which change to undo first.
    let log = w.json(&["log", "--entity", "item", "--id", &alpha.to_string(), "--format", "json"]);
    let moved = log.as_array().unwrap().iter().find(|e| e["action"] == "update").expect("the move is logged");
    let modules = w.json(&["log", "--entity", "module", "--format", "json"]);
    let retired = modules.as_array().unwrap().iter().find(|e| e["action"] == "delete").expect("MED1 retired");
    let (moved, retired) = (moved["id"].as_i64().unwrap().to_string(), retired["id"].as_i64().unwrap().to_string());
    has(
        &w.fails(&["undo", &moved, "--by", "amina"]),
        &format!("puts item {alpha} back in a module that change #{retired} removed; undo #{retired} first"),
    );
    w.ok(&["undo", &retired, "--by", "amina"]);
    w.ok(&["undo", &moved, "--by", "amina"]);
    assert_eq!(titles(&w, "MED1"), ["Alpha"]);
}

#[test]
fn sessions_added_to_a_stored_module_take_their_place_in_the_files_order() {
    let w = Workdir::new();
    last_year(&w);
    // New: Aleph first, Alpha-prime after Alpha, Omega last; in CSV.
    let f = w.write(
        "v2.csv",
        format!(
            "{HEADER}MBChB,MED1,Foundations,Aleph,\nMBChB,MED1,Foundations,Alpha,Explain a\n\
             MBChB,MED1,Foundations,Alpha prime,\nMBChB,MED1,Foundations,Beta,Explain b\n\
             MBChB,MED1,Foundations,Gamma,Explain c\nMBChB,MED1,Foundations,Omega,\n"
        ),
    );
    let f = f.to_str().unwrap();
    let out = w.ok(&["import", "modules", f, "--dry-run"]);
    has(&out, "position: first in its module");
    has(&out, "position: after \"Alpha\"");
    assert_eq!(out.matches("position:").count(), 2, "the last one goes at the end, as always: {out}");
    w.ok(&["import", "modules", f]);
    let want = ["Aleph", "Alpha", "Alpha prime", "Beta", "Gamma", "Omega"];
    assert_eq!(titles(&w, "MED1"), want);
    assert_eq!(titles(&w, "MED2"), ["Delta"], "another module is untouched");
    // A re-import of the same file changes no position.
    let positions = |w: &Workdir| -> Vec<i64> {
        let conn = rusqlite::Connection::open(w.db()).unwrap();
        let mut st = conn.prepare("SELECT position FROM item ORDER BY id").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    let before = positions(&w);
    has(&w.ok_stderr(&["import", "modules", f]), "nothing changed");
    assert_eq!(positions(&w), before);

    // The same in a workbook, into MED2.
    let x = workbook(
        &w,
        "v3.xlsx",
        &[
            &["programme", "module_code", "module_title", "session_title"],
            &["MBChB", "MED2", "Respiratory", "Breath"],
            &["MBChB", "MED2", "Respiratory", "Delta"],
            &["MBChB", "MED2", "Respiratory", "Exhale"],
        ],
    );
    w.ok(&["import", "modules", &x]);
    assert_eq!(titles(&w, "MED2"), ["Breath", "Delta", "Exhale"]);
    assert_eq!(titles(&w, "MED1"), want);
    // A file that lists only new sessions of a module says nothing of their
    // place among the stored ones: at the end, in the file's order.
    let only = w.write("only.csv", format!("{HEADER}MBChB,MED2,Respiratory,Zeta,\nMBChB,MED2,Respiratory,Eta,\n"));
    let out = w.ok(&["import", "modules", only.to_str().unwrap(), "--dry-run"]);
    assert!(!out.contains("position:"), "{out}");
    w.ok(&["import", "modules", only.to_str().unwrap()]);
    assert_eq!(titles(&w, "MED2"), ["Breath", "Delta", "Exhale", "Zeta", "Eta"]);
}

#[test]
fn a_subtitle_after_a_dash_or_a_full_stop_is_a_possible_duplicate() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let f = w.write(
        "list.csv",
        "title,authors,year,type\n\
         \"Breathing Race into the Machine: The Surprising Career of the Spirometer from Plantation to Genetics\",\"Braun, Lundy\",2014,book\n\
         Breathing Race into the Machine - The Surprising Career of the Spirometer,Lundy Braun,2014,book\n\
         Breathing Race into the Machine — from Plantation to Genetics,\"Braun, L.\",2014,book\n\
         Breathing race into the machine. A review,\"Okafor, Adaeze\",2014,article\n\
         Breathing race into the machine? A reply,\"Braun, Lundy\",2016,article\n",
    );
    let (code, out, err) = run(&w, &["import", "reading", f.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    // Line 3 is flagged against line 2; line 4 against both; another author or year is another work.
    assert_eq!(out.matches("possible duplicate of entry").count(), 3, "{out}");
    // (Since 12x the summary's rule also takes an in-press work and its published version.)
    has(&err, "3 possible duplicates flagged above, each with its reason");
    let flagged: Vec<&str> = out.lines().filter(|l| l.contains("possible duplicate")).collect();
    assert!(flagged.iter().all(|l| !l.contains("A review") && !l.contains("A reply")), "{flagged:?}");
}

#[test]
fn the_flat_report_csv_tells_reviewed_readings_from_those_approved_on_import() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let json_path = w.path("r.json");
    w.ok(&["report", json_path.to_str().unwrap()]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let id = rep["readings"].as_array().unwrap().iter().find(|r| r["status"] == "approved").unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    w.ok(&["review", &id, "--reject", "--by", "amina"]);
    w.ok(&["review", &id, "--approve", "--by", "amina"]);
    w.ok(&["report", json_path.to_str().unwrap()]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let out = w.path("flat.csv");
    w.ok(&["report", out.to_str().unwrap()]);
    let mut csv = csv::Reader::from_path(&out).unwrap();
    let h: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(h, ["section", "scope", "theme", "measure", "value", "detail", "review", "theme_name"]);
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    assert!(rows.iter().all(|r| r.len() == 8));
    let reading_rows: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "reading").collect();
    assert!(reading_rows.iter().all(|r| !r[6].is_empty()), "every approved reading says how");
    assert!(rows.iter().filter(|r| &r[0] != "reading").all(|r| r[6].is_empty()));
    // One row per approved reading and theme, as the JSON has them.
    let per = |how: &str| -> usize {
        rep["readings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "approved" && r["review"]["how"] == how)
            .map(|r| r["themes"].as_array().map_or(1, |t| t.len().max(1)))
            .sum()
    };
    assert!(per("review") >= 1);
    assert_eq!(reading_rows.iter().filter(|r| &r[6] == "review").count(), per("review"));
    assert_eq!(reading_rows.iter().filter(|r| &r[6] == "import").count(), per("import"));
    has(&w.ok(&["report", "--help"]), "review");
}
