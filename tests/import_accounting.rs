//! Every column and every row accounted for (issue 10): the header report,
//! aliases and --map suggestions, a missing column that clears nothing,
//! years as faculty write them, physical line numbers with any line end,
//! empty rows skipped and counted, dry runs that write nothing, and
//! `import modules --sync`. Through the real binary.

mod common;

use common::Workdir;

/// Runs canon; returns (exit code, stdout, stderr).
fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().expect("run canon");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn items(w: &Workdir) -> Vec<serde_json::Value> {
    w.json(&["item", "list", "--format", "json"]).as_array().unwrap().clone()
}

/// The regression: a module list saved by Excel (BOM, CRLF), "Intended
/// Learning Outcomes" and "Year 1", and a column no field has.
const EXCEL: &str = "\u{feff}Programme,Year,Module Code,Module Title,Lecture Title,Intended Learning Outcomes,Room\r\n\
    MBChB Medicine,Year 1,MED1001,Foundations,Social determinants,\"Describe the social model\r\nList three determinants\",LT1\r\n\
    MBChB Medicine,Year 1,MED1001,Foundations,History of medicine,Explain colonial medicine,LT2\r\n\
    MBChB Medicine,Y2,MED2001,Respiratory,Spirometry,Critique race correction in spirometry,\r\n";

#[test]
fn the_excel_export_with_intended_learning_outcomes_and_year_1() {
    let w = Workdir::new();
    let f = w.write("export.csv", EXCEL);
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!w.db().exists(), "a dry run created the database");
    for line in [
        "column     column 2   \"Year\" → year",
        "column     column 5   \"Lecture Title\" → session_title",
        "column     column 6   \"Intended Learning Outcomes\" → learning_outcomes",
        "not read   column 7   \"Room\": no field has that name; 2 rows hold text there; to read it, add --map \
         'Room=FIELD' with FIELD one of lead, keywords",
        "absent     no column for themes, kind, lead, keywords (left as stored)",
        "new        line 2      MED1001 · Social determinants",
        "new        line 4      MED1001 · History of medicine",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert!(stderr.contains("warning: ") && stderr.contains("column 7 \"Room\" is not read"), "{stderr}");

    let (code, _, stderr) = run(&w, &["import", "modules", f]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("columns read: \"Programme\" → programme, \"Year\" → year"), "{stderr}");
    assert!(stderr.contains("\"Intended Learning Outcomes\" → learning_outcomes"), "{stderr}");
    assert!(stderr.contains("warning: ") && stderr.contains("\"Room\" is not read"), "{stderr}");
    let items = items(&w);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["year"], 1, "\"Year 1\" is year 1");
    assert_eq!(items[0]["learning_outcomes"], "Describe the social model\nList three determinants");
    assert_eq!(items[2]["year"], 2, "\"Y2\" is year 2");
    // The --map the warning suggests reads the column.
    let (code, _, stderr) = run(&w, &["import", "modules", f, "--map", "Room=lead"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED1001' AND lead = 'LT1'"), 1);
    assert!(stderr.contains("note: ") && stderr.contains("this row says \"LT2\": kept \"LT1\""), "{stderr}");
}

#[test]
fn a_header_that_matches_no_field_gets_the_map_that_fills_an_empty_one() {
    let w = Workdir::new();
    let f = w.write(
        "l.csv",
        "Code,Module,Lecture,Topic,Outcomes for this lecture\nM1,One,Anatomy of the hand,Hands,Name the carpal bones\n",
    );
    let (code, _, stderr) = run(&w, &["import", "modules", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "column 5 \"Outcomes for this lecture\" is not read: no field has that name; 1 row holds text there; \
             to read it, add --map 'Outcomes for this lecture=learning_outcomes'"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "column 4 \"Topic\" is not read: it is also a name for session_title, which is read from column 3 \"Lecture\""
        ),
        "{stderr}"
    );
    run(&w, &["import", "modules", f.to_str().unwrap(), "--map", "Outcomes for this lecture=learning_outcomes"]);
    assert_eq!(items(&w)[0]["learning_outcomes"], "Name the carpal bones");
    // Nothing said about columns it reads; empty unread columns share one line.
    let g = w.write("g.csv", "module_code,module_title,session_title,Spare,Other\nM1,One,S1,,\n");
    let (_, _, stderr) = run(&w, &["import", "modules", g.to_str().unwrap()]);
    assert!(stderr.contains("2 columns are not read (empty in every row): \"Spare\", \"Other\""), "{stderr}");
}

#[test]
fn a_reimport_without_the_outcomes_column_keeps_them() {
    let w = Workdir::new();
    let full = w.write(
        "full.csv",
        "module_code,module_title,year,lead,session_title,learning_outcomes,kind\n\
         M1,One,1,Dr Okafor,S1,Describe x,session\n\
         M1,One,1,Dr Okafor,S2,Analyse y,assessment\n",
    );
    w.ok(&["import", "modules", full.to_str().unwrap()]);
    // The regression: a file without the outcomes (and year, lead, kind) columns.
    let bare = w.write("bare.csv", "module_code,module_title,session_title\nM1,One,S1\nM1,One,S2\n");
    let (code, stdout, stderr) = run(&w, &["import", "modules", bare.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "absent     no column for programme: every row goes to programme \"Curriculum\" (the one programme the \
             database holds)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("absent     no column for year, learning_outcomes, themes, kind, lead"), "{stdout}");
    assert!(stderr.contains("0 new, 0 changed, 2 unchanged"), "{stderr}");
    let stderr = w.ok_stderr(&["import", "modules", bare.to_str().unwrap()]);
    assert!(stderr.contains("nothing changed"), "{stderr}");
    let it = items(&w);
    assert_eq!((it[0]["learning_outcomes"].as_str(), it[1]["kind"].as_str()), (Some("Describe x"), Some("assessment")));
    assert_eq!(w.count("SELECT count(*) FROM module WHERE year = 1 AND lead = 'Dr Okafor'"), 1);

    // A column that is there with an empty cell clears, and the dry run shows it as a change.
    let emptied = w.write(
        "emptied.csv",
        "module_code,module_title,year,lead,session_title,learning_outcomes\n\
         M1,One,,,S1,\n\
         M1,One,,Dr Okafor,S2,Analyse y\n",
    );
    let (code, stdout, stderr) = run(&w, &["import", "modules", emptied.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("changed    line 2      M1 · S1"), "{stdout}");
    assert!(stdout.contains("learning_outcomes: \"Describe x\" → (empty)"), "{stdout}");
    assert!(stdout.contains("changed    line 2      module M1 One") && stdout.contains("year: 1 → (none)"), "{stdout}");
    assert!(!stdout.contains("lead:"), "a later row's lead fills the module's: {stdout}");
    w.ok(&["import", "modules", emptied.to_str().unwrap()]);
    assert_eq!(items(&w)[0]["learning_outcomes"], "");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE year IS NULL AND lead = 'Dr Okafor'"), 1);
    assert_eq!(items(&w)[1]["kind"], "assessment", "no kind column: the kind stays");
    assert_eq!(
        w.count(
            "SELECT count(*) FROM history WHERE entity = 'item' AND action = 'update' AND before LIKE '%Describe x%'"
        ),
        1
    );
}

#[test]
fn years_as_faculty_write_them() {
    let w = Workdir::new();
    let mut csv = String::from("module_code,module_title,Year of Study\n");
    let forms = [
        "1",
        "Year 2",
        "Y3",
        "Yr 4",
        "Year Five",
        "1st year",
        "Phase 2",
        "Stage 3",
        "Year IV",
        "2nd Year",
        "MS3",
        "3.0",
    ];
    for (i, y) in forms.iter().enumerate() {
        csv.push_str(&format!("M{i},Module {i},{y}\n"));
    }
    let f = w.write("years.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    let years: Vec<i64> = w
        .json(&["module", "list", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["code"].as_str().unwrap()[1..].parse::<usize>().unwrap(), m["year"].as_i64().unwrap()))
        .fold(vec![0; forms.len()], |mut v, (i, y)| {
            v[i] = y;
            v
        });
    assert_eq!(years, [1, 2, 3, 4, 5, 1, 2, 3, 4, 2, 3, 3]);
    let bad = w.write("bad.csv", "module_code,module_title,year\nM1,One,Semester 2\nM2,Two,Year 12\n");
    let err = w.fails(&["import", "modules", bad.to_str().unwrap()]);
    assert!(
        err.contains(
            "bad.csv:2:3: year \"Semester 2\" is not a year of study; expected a number from 1 to 10 written as 3, \
             \"Year 3\", \"Y3\", \"Yr 3\", \"Year Three\", \"3rd year\", \"Third year\", \"Phase 3\", \"Stage 3\", \"MS3\" \
             or \"Year III\""
        ),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:3:3: year \"Year 12\" is out of range; expected a year of study from 1 to 10"),
        "{err}"
    );
}

/// A module list with bad rows on known lines (2 and 6), a quoted line break
/// (lines 3–4), a blank line (5) and an empty row (7).
const BAD_ROWS: &str = "module_code,module_title,session_title,year\n\
    M1,One,S1,soon\n\
    M1,One,\"Two\n lines\",1\n\
    \n\
    ,One,S3,1\n\
    ,,,\n\
    M1,One,S4,2nd year\n";

#[test]
fn errors_are_at_the_files_own_lines_with_crlf_cr_or_lf() {
    let w = Workdir::new();
    for (name, text) in [
        ("lf.csv", BAD_ROWS.to_string()),
        ("crlf.csv", BAD_ROWS.replace('\n', "\r\n")),
        ("cr.csv", BAD_ROWS.replace('\n', "\r")),
    ] {
        let f = w.write(name, text);
        let err = w.fails(&["import", "modules", f.to_str().unwrap()]);
        assert!(err.contains(&format!("{name}:2:4: year \"soon\" is not a year of study")), "{name}: {err}");
        assert!(err.contains(&format!("{name}:6:1: module_code is empty")), "{name}: {err}");
        let problems = err
            .lines()
            .filter(|l| !l.starts_with("note:"))
            .filter_map(|l| l.split_once(&format!("{name}:")).map(|(_, rest)| rest))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(problems, 2, "{name}: only two bad rows: {err}");
        // A module's rows that disagree on its year: the first stands, and the user is told.
        assert!(
            err.contains("note: ")
                && err.contains(&format!("{name}:8: module M1 is in year 1 (line 3); this row says 2: kept 1")),
            "{name}: {err}"
        );
        assert!(err.contains("2 problems in"), "{name}: {err}");
    }
    // Fixed, the same files import, and say what they skipped.
    let good = BAD_ROWS.replace("soon", "1").replace(",One,S3", "M1,One,S3");
    for (name, text) in [("lf-ok.csv", good.clone()), ("crlf-ok.csv", good.replace('\n', "\r\n"))] {
        let w = Workdir::new();
        let f = w.write(name, text);
        let out = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
        assert!(out.contains("4 new") && out.contains("2 empty rows and blank lines skipped"), "{name}: {out}");
        assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'Two lines'"), 1);
    }
}

#[test]
fn every_csv_reading_format_reports_physical_lines() {
    let w = Workdir::new();
    let reading = "title,authors,year\r\nFine,\"A, B\",2020\r\n\r\n\"Two\r\nlines\",,2021\r\nBad,,twenty\r\n,,\r\n";
    let talis = "Item Link,Title,Authors,Date\r\nhttps://x/1,Fine,\"A, B\",2020\r\n\r\nhttps://x/2,\"Two\r\nlines\",,2021\r\nhttps://x/3,Bad,,someday\r\n,,,\r\n";
    let zotero = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\"\r\n\"K1\",\"book\",\"2020\",\"A, B\",\"Fine\"\r\n\r\n\"K2\",\"book\",\"2021\",\"\",\"Two\r\nlines\"\r\n\"K3\",\"book\",\"twenty\",\"\",\"Bad\"\r\n\"\",\"\",\"\",\"\",\"\"\r\n";
    for (name, text, col) in [("r.csv", reading, 3), ("talis.csv", talis, 4), ("zotero.csv", zotero, 3)] {
        let f = w.write(name, text);
        let err = w.fails(&["import", "reading", f.to_str().unwrap()]);
        assert!(err.contains(&format!("{name}:6:{col}: ")), "{name}: the bad row is on line 6: {err}");
        assert!(err.contains("1 problem in"), "{name}: {err}");
        let (code, stdout, stderr) = run(&w, &["import", "reading", f.to_str().unwrap(), "--dry-run"]);
        assert_eq!(code, 1, "{name}: the dry run of a refused import fails: {stderr}");
        assert!(stdout.contains("new        line 2") && stdout.contains("new        line 4"), "{name}: {stdout}");
        assert!(stderr.contains("2 empty rows and blank lines skipped"), "{name}: {stderr}");
    }
}

#[test]
fn empty_rows_from_spreadsheets_are_skipped_and_counted() {
    let w = Workdir::new();
    let f = w.write(
        "semi.csv",
        "module_code;module_title;session_title;learning_outcomes\r\nM1;One;S1;Describe x\r\n;;;\r\n;;;\r\nM1;One;S2;\r\n;;;\r\n",
    );
    let out = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    assert!(out.contains("sessions: 2 new") && out.contains("3 empty rows and blank lines skipped"), "{out}");
}

#[test]
fn a_dry_run_writes_no_database_and_fails_when_the_import_would() {
    let w = Workdir::new();
    let bad = w.write("bad.csv", "module_code,module_title,year\nM1,One,eleven\n");
    let (code, stdout, stderr) = run(&w, &["import", "modules", bad.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("rejected   ") && stdout.contains("bad.csv:2:3: year \"eleven\""), "{stdout}");
    assert!(stderr.contains("canon: dry run of ") && stderr.contains("would be refused (1 problem"), "{stderr}");
    let bib = w.write("bad.bib", "@book{x, title = {T}, year = {someday}}\n");
    let (code, _, stderr) = run(&w, &["import", "reading", bib.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 1, "{stderr}");
    let ok = w.write("ok.bib", "@book{x, title = {T}, year = {2020}}\n");
    let (code, stdout, stderr) = run(&w, &["import", "reading", ok.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("new        line 1"), "{stdout}");
    assert!(!w.db().exists(), "a dry run created the database");
    assert!(!w.path("canon.db-wal").exists());
}

/// Last year's list, tagged and linked; this year's renames one session,
/// drops one, adds one, and no longer lists one module.
fn last_year(w: &Workdir) {
    let v1 = w.write(
        "2025.csv",
        "programme,module_code,module_title,session_title,learning_outcomes\n\
         MBChB,M1,Respiratory,Spirometry basics,Interpret spirometry\n\
         MBChB,M1,Respiratory,Asthma,Describe asthma management\n\
         MBChB,M1,Respiratory,Oxygen therapy,Explain oxygen prescribing\n\
         MBChB,M2,Ethics,Consent,Explain consent\n\
         Nursing,N1,Care,Handover,Describe handover\n",
    );
    w.ok(&["import", "modules", v1.to_str().unwrap()]);
    w.ok(&["tag", "M1/Spirometry basics", "epistemic-bias", "historical-awareness", "--by", "amina"]);
    w.ok(&["tag", "M1/Oxygen therapy", "epistemic-bias", "--by", "amina"]);
    w.ok(&["tag", "M2/Consent", "historical-awareness", "--by", "amina"]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Racial bias in pulse oximetry",
        "--doi",
        "10.1056/NEJMc2029240",
        "--by",
        "amina",
    ]);
    w.ok(&["link", "10.1056/NEJMc2029240", "M1/Oxygen therapy", "--by", "amina"]);
}

const THIS_YEAR: &str = "programme,module_code,module_title,session_title,learning_outcomes\n\
    MBChB,M1,Respiratory,Spirometry and race correction,Interpret spirometry\n\
    MBChB,M1,Respiratory,Asthma,Describe asthma management\n\
    MBChB,M1,Respiratory,Pulse oximetry,Explain pulse oximetry\n";

#[test]
fn without_sync_the_summary_says_what_the_file_no_longer_holds() {
    let w = Workdir::new();
    last_year(&w);
    let f = w.write("2026.csv", THIS_YEAR);
    let out = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    assert!(
        out.contains(
            "; 3 stored sessions the file no longer holds, 1 of them in 1 module it no longer lists (--sync retires \
             them)"
        ),
        "{out}"
    );
    assert_eq!(w.count("SELECT count(*) FROM item"), 7, "nothing retired without --sync");
    assert_eq!(w.count("SELECT count(*) FROM item i JOIN module m ON m.id = i.module_id WHERE m.code = 'N1'"), 1);
}

#[test]
fn sync_retires_what_the_file_no_longer_holds_and_a_rename_keeps_its_tags() {
    let w = Workdir::new();
    last_year(&w);
    let spiro: i64 = w.count("SELECT id FROM item WHERE title = 'Spirometry basics'");
    let f = w.write("2026.csv", THIS_YEAR);
    let f = f.to_str().unwrap();
    let history = w.count("SELECT count(*) FROM history");
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--sync", "--dry-run", "--by", "amina"]);
    assert_eq!(code, 0, "{stderr}");
    for line in [
        "renamed    line 2      M1 · \"Spirometry basics\" → \"Spirometry and race correction\"",
        "same learning outcomes; keeps its ID and its 2 tags",
        "new        line 4      M1 · Pulse oximetry",
        "removed    (not in file) M1 · Oxygen therapy",
        "with 1 theme tag (epistemic-bias); 1 reading link (\"Racial bias in pulse oximetry\" → M1/Oxygen therapy), \
         kept in the history; `canon undo` brings them back",
        "removed    (not in file) module M2 Ethics",
        "with 1 session (M2/Consent); 1 theme tag on them (historical-awareness), kept in the history",
        "unchanged  line 3      M1 · Asthma",
    ] {
        assert!(stdout.contains(line), "missing {line:?}:\n{stdout}");
    }
    assert!(!stdout.contains("N1"), "another programme is not the file's: {stdout}");
    assert!(
        stderr.contains("1 new, 0 changed, 1 unchanged, 0 duplicate, 0 rejected; 1 renamed (tags kept), 2 removed"),
        "{stderr}"
    );
    assert_eq!(w.count("SELECT count(*) FROM history"), history, "the dry run wrote");

    let out = w.ok_stderr(&["import", "modules", f, "--sync", "--by", "amina"]);
    assert!(out.contains("1 renamed (tags kept), 2 removed; modules: 0 new, 0 changed, 1 removed"), "{out}");
    let renamed = w.count("SELECT id FROM item WHERE title = 'Spirometry and race correction'");
    assert_eq!(renamed, spiro, "a rename keeps the session's ID");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {spiro}")), 2);
    assert_eq!(
        w.count("SELECT count(*) FROM item WHERE title IN ('Oxygen therapy', 'Consent', 'Spirometry basics')"),
        0
    );
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'M2'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'N1'"), 1, "the Nursing programme is untouched");
    assert_eq!(w.count("SELECT count(*) FROM link"), 0);
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'oxygen'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'correction'"), 1);
    // Again: the file already is the truth.
    let again = w.ok_stderr(&["import", "modules", f, "--sync"]);
    assert!(again.contains("nothing changed"), "{again}");

    // The history holds each retirement with its tags and links; undo brings them back.
    let log = w.json(&["log", "--entity", "item", "--format", "json"]);
    let retired = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "delete" && e["before"]["title"] == "Oxygen therapy")
        .expect("the retirement is in the log");
    assert!(retired["note"].as_str().unwrap().contains("retired: not in"), "{retired}");
    assert_eq!(retired["before"]["removed_with"]["item_tag"].as_array().unwrap().len(), 1, "{retired}");
    let id = retired["id"].as_i64().unwrap().to_string();
    w.ok(&["undo", &id, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'Oxygen therapy'"), 1);
    let oxygen = w.count("SELECT id FROM item WHERE title = 'Oxygen therapy'");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {oxygen}")), 1);
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE item_id = {oxygen}")), 1);
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'oxygen'"), 1);
    let module = w.json(&["log", "--entity", "module", "--format", "json"]);
    let gone = module.as_array().unwrap().iter().find(|e| e["action"] == "delete").unwrap();
    w.ok(&["undo", &gone["id"].as_i64().unwrap().to_string(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item i JOIN module m ON m.id = i.module_id WHERE m.code = 'M2'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM item_tag t JOIN item i ON i.id = t.item_id WHERE i.title = 'Consent'"), 1);
    // The rename is an update in the history, undone like any other.
    let rename = w.json(&["log", "--entity", "item", "--id", &spiro.to_string(), "--format", "json"]);
    let rename = rename.as_array().unwrap().iter().find(|e| e["action"] == "update").unwrap();
    assert!(rename["note"].as_str().unwrap().contains("renamed by import --sync"), "{rename}");
    w.ok(&["undo", &rename["id"].as_i64().unwrap().to_string(), "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE id = {spiro} AND title = 'Spirometry basics'")), 1);
}

#[test]
fn a_rename_needs_one_match_each_way() {
    let w = Workdir::new();
    let v1 = w.write(
        "v1.csv",
        "module_code,module_title,session_title,learning_outcomes\nM1,One,A,Same words\nM1,One,B,Same words\nM1,One,C,\n",
    );
    w.ok(&["import", "modules", v1.to_str().unwrap()]);
    // Two old sessions share the outcomes, and an empty outcome matches nothing: no guessing.
    let v2 = w.write(
        "v2.csv",
        "module_code,module_title,session_title,learning_outcomes\nM1,One,A2,Same words\nM1,One,C2,\n",
    );
    let (_, stdout, _) = run(&w, &["import", "modules", v2.to_str().unwrap(), "--sync", "--dry-run"]);
    assert!(!stdout.contains("renamed"), "{stdout}");
    assert_eq!(stdout.matches("removed    ").count(), 3, "{stdout}");
    assert_eq!(stdout.matches("new        ").count(), 2, "{stdout}");
}

#[test]
fn exports_name_the_columns_they_do_not_read() {
    let w = Workdir::new();
    let zotero = w.write(
        "zotero.csv",
        "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Abstract Note\",\"Date\",\"Type\",\"Extra\"\n\
         \"K1\",\"book\",\"\",\"Braun, Lundy\",\"Breathing Race into the Machine\",\"On spirometry\",\"2014\",\"\",\"\"\n",
    );
    let (code, stdout, stderr) = run(&w, &["import", "reading", zotero.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("column 7   \"Date\" → year (when the first is empty, or as well)"), "{stdout}");
    // Zotero's "Type" (a report's or thesis's type) is the genre, never the item type (12x).
    assert!(stdout.contains("column 8   \"Type\" → genre"), "Zotero's Type is not its item type: {stdout}");
    assert!(
        stderr.contains("column 1 \"Key\" is not read") && stderr.contains("column 6 \"Abstract Note\" is not read"),
        "{stderr}"
    );
    assert!(!stderr.contains("\"Type\" is not read"), "{stderr}");
    assert!(stdout.contains("\"Breathing Race into the Machine\" (2014)"), "the year from Date: {stdout}");
    // Talis: its own item link is named, and --map reads an institution's own column.
    let talis = w.write(
        "talis.csv",
        "Item Link,Title,Authors,Date,Reading Note\nhttps://rl.example/1,Medical Apartheid,\"Washington, Harriet A.\",2006,Chapters 1-3\n",
    );
    let (_, stdout, stderr) = run(&w, &["import", "reading", talis.to_str().unwrap(), "--dry-run"]);
    assert!(stderr.contains("column 1 \"Item Link\" is not read"), "{stderr}");
    assert!(stdout.contains("\"Reading Note\": no field has that name; 1 row holds text there; to read it, add --map 'Reading Note=notes'"), "{stdout}");
    w.ok(&["import", "reading", talis.to_str().unwrap(), "--map", "Reading Note=notes"]);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE annotation = 'Chapters 1-3'"), 1);
    let err = w.fails(&["import", "reading", talis.to_str().unwrap(), "--format", "bibtex", "--map", "a=title"]);
    assert!(err.contains("--map applies to files with columns"), "{err}");
}
