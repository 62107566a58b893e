//! Issue 10 (10j): a reading re-import is in `canon log` as its first
//! import is; `reading show` lists tags removed as it lists tags added; the
//! PDF's module gap tables name the programme of a module whose code two
//! programmes share. Through the real binary.

mod common;

use common::{Workdir, pdf_text};

const READINGS: &str = "title,authors,year,type,themes,notes
Medical Apartheid,\"Washington, Harriet A.\",2006,book,historical-awareness,A history
Fatal Invention,\"Roberts, Dorothy\",2011,book,epistemic-bias; historical-awareness,Race in genomics
Черная кожа,\"Фанон, Франц\",1952,book,,
";

/// The `import` entries of the history: (path, readings added, updated, unchanged, skipped).
fn import_entries(w: &Workdir) -> Vec<(String, i64, i64, i64, i64)> {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let mut st = c
        .prepare(
            "SELECT json_extract(after, '$.path'), json_extract(after, '$.readings_added'),
                    json_extract(after, '$.readings_updated'), json_extract(after, '$.readings_unchanged'),
                    json_extract(after, '$.skipped')
               FROM history WHERE action = 'import' AND entity = 'import_run'
                AND json_extract(after, '$.readings_added') IS NOT NULL ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_reading_re_import_is_in_the_log_with_its_counts() {
    let w = Workdir::new();
    let a = w.write("a.csv", READINGS);
    w.ok(&["import", "reading", a.to_str().unwrap(), "--by", "t"]);
    // The re-import changes a note, adds a reading, and has an empty row and a blank line.
    let b = w.write(
        "b.csv",
        READINGS.replace("Race in genomics", "Race in genomics and medicine")
            + ",,,,,\n\nBreathing Race into the Machine,\"Braun, Lundy\",2014,book,,\n",
    );
    w.ok(&["import", "reading", b.to_str().unwrap(), "--by", "t"]);
    let entries = import_entries(&w);
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[0].1, 3);
    let (path, added, updated, unchanged, skipped) = &entries[1];
    assert!(path.ends_with("b.csv"), "{path}");
    assert_eq!((*added, *updated, *unchanged, *skipped), (1, 1, 2, 2));
    let log = w.ok(&["log", "--entity", "import_run"]);
    assert!(log.contains("b.csv"), "{log}");
    assert!(log.contains("readings_updated: 1"), "{log}");
    // The same file again changes nothing, and logs nothing (as a module list does).
    w.ok(&["import", "reading", b.to_str().unwrap(), "--by", "t"]);
    assert_eq!(import_entries(&w).len(), 2);
    // A dry run logs nothing.
    let c = w.write("c.csv", READINGS.replace("A history", "A short history"));
    w.ok(&["import", "reading", c.to_str().unwrap(), "--by", "t", "--dry-run"]);
    assert_eq!(import_entries(&w).len(), 2);
}

#[test]
fn reading_show_lists_tags_removed_and_added() {
    let w = Workdir::new();
    let a = w.write("a.csv", READINGS);
    w.ok(&["import", "reading", a.to_str().unwrap(), "--by", "t"]);
    let id = w.count("SELECT id FROM reading WHERE title = 'Fatal Invention'").to_string();
    // A round trip that drops a theme removes the tag; untag removes another; undo brings one back.
    w.ok(&["export", "reading", "--format", "csv", "-o", "e.csv"]);
    let exported = std::fs::read_to_string(w.path("e.csv")).unwrap();
    assert!(exported.contains(",epistemic-bias; historical-awareness,"), "{exported}");
    let b = w.write("b.csv", exported.replace(",epistemic-bias; historical-awareness,", ",historical-awareness,"));
    w.ok(&["import", "reading", b.to_str().unwrap(), "--by", "t"]);
    w.ok(&["untag", &id, "historical-awareness", "--by", "amina"]);
    let undo = w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["tag", &id, "intersectional-health", "--by", "amina"]);
    w.ok(&["undo", &undo, "--by", "amina"]);
    let show = w.ok(&["reading", "show", &id]);
    let history: Vec<&str> = show.lines().filter(|l| l.starts_with("history")).collect();
    assert!(history.iter().any(|l| l.contains("tag removed: epistemic-bias by t")), "{show}");
    assert!(history.iter().any(|l| l.contains("tag removed: historical-awareness by amina")), "{show}");
    assert!(history.iter().any(|l| l.contains("tag added: intersectional-health by amina")), "{show}");
    assert!(history.iter().any(|l| l.contains("tag added: historical-awareness by amina — undo of #")), "{show}");
    // The JSON form carries the same lines.
    let json = w.json(&["reading", "show", &id, "--format", "json"]);
    let actions: Vec<&str> =
        json["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"tag removed: epistemic-bias"), "{actions:?}");
    // A reading never tagged lists only its own changes.
    let other = w.count("SELECT id FROM reading WHERE title = 'Черная кожа'").to_string();
    let show = w.ok(&["reading", "show", &other]);
    assert!(!show.contains("tag "), "{show}");
}

#[test]
fn the_pdf_module_gap_tables_name_the_programme_of_a_shared_code() {
    let w = Workdir::new();
    let f = w.write(
        "two.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBChB Medicine,1,MED1001,Foundations,Pulse oximetry,Explain bias,epistemic-bias
MBChB Medicine,2,MED2002,Respiratory,Spirometry,Critique race correction,
BSc Nursing,1,NUR101,Nursing,Skin,Describe skin,historical-awareness
BSc Nursing,2,MED2002,Respiratory,Spirometry,Critique race correction,
",
    );
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    w.ok(&["report", "r.pdf"]);
    let text = pdf_text(&w.path("r.pdf")).join("\n");
    // Table cells wrap: compare with the spacing made single.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // One row per programme's MED2002 in each module table (no theme; missing a theme): two each.
    for p in ["BSc Nursing", "MBChB Medicine"] {
        let n = flat.matches(&format!("MED2002 Respiratory ({p})")).count();
        assert!(n >= 2, "MED2002 of {p} named {n} times in:\n{flat}");
    }
    // The gaps the tables list are those `canon gaps` lists, with the same names.
    let gaps = w.ok(&["gaps", "--format", "csv"]);
    for p in ["BSc Nursing", "MBChB Medicine"] {
        assert!(gaps.contains(&format!("module MED2002 Respiratory ({p})")), "{gaps}");
    }
}
