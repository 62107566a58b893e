//! Tester r63, through the binary: the undo of an import takes back every
//! change it made (tags it removed, a review it took), a list read by a
//! guess or without diacritics never replaces the stored names, a note kept
//! by hand is not said to be added, and a module list's undo says truly
//! what it can do.

mod common;

use common::{Workdir, workdir};

/// The number in an import summary's "(change #N".
fn change(stderr: &str) -> String {
    let last = stderr.lines().last().unwrap_or_default();
    last.split("(change #")
        .nth(1)
        .unwrap_or_else(|| panic!("no change number: {stderr}"))
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

/// Imports `name` (written with `text`) as `--by ana`; returns stderr.
fn import_by(w: &Workdir, name: &str, text: &str) -> String {
    let p = w.write(name, text);
    w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--by", "ana"])
}

/// canon's export with `edit` made to its one data row, as a spreadsheet would.
fn edited_export(w: &Workdir, edit: impl Fn(&str) -> String) -> String {
    let p = w.path("x.csv");
    w.ok(&["export", "reading", "-f", "csv", "-o", p.to_str().unwrap()]);
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let row = lines.next().unwrap();
    format!("{header}\n{}\n", edit(row))
}

/// A JSON list of strings, joined with "; " (as the CSV cell writes it).
fn joined(v: &serde_json::Value) -> String {
    v.as_array().into_iter().flatten().filter_map(|x| x.as_str()).collect::<Vec<_>>().join("; ")
}

fn themes(w: &Workdir) -> String {
    joined(&common::reading(&w.reading_list(), "Only tags")["themes"])
}

fn authors(w: &Workdir, title: &str) -> String {
    joined(&common::reading(&w.reading_list(), title)["authors"])
}

/// F5: a theme deleted from the export's themes cell is untagged by the
/// import, and `canon undo` of the import puts it back (it said "import #5
/// changed nothing"); in a mixed import the removed tag comes back with the
/// cleared field and the added tag goes.
#[test]
fn undo_of_an_import_puts_back_the_tags_it_removed() {
    let w = workdir();
    w.import_reading(
        "t1.csv",
        "title,authors,year,type,container,themes,pages\nOnly tags,\"Osei, Jane\",2021,article,BMJ,epistemic-bias;historical-awareness,1-10\n",
    );
    let x2 = edited_export(&w, |row| row.replacen("epistemic-bias; ", "", 1));
    let err = import_by(&w, "x2.csv", &x2);
    assert!(err.contains("1 tag removed"), "{err}");
    assert!(!themes(&w).contains("epistemic-bias"), "{}", themes(&w));
    let n = change(&err);
    let out = w.ok_stderr(&["undo", &n, "--by", "ana"]);
    assert!(out.contains(&format!("Undone import #{n}: its 1 change(s)")), "{out}");
    assert!(themes(&w).contains("epistemic-bias"), "the tag is back: {}", themes(&w));

    // Mixed: pages cleared, one theme off, another on.
    let mixed = edited_export(&w, |row| {
        row.replacen("epistemic-bias; historical-awareness", "historical-awareness; intersectional-health", 1)
            .replacen(",1-10,", ",,", 1)
    });
    let err = import_by(&w, "x3.csv", &mixed);
    let n = change(&err);
    w.ok(&["undo", &n, "--by", "ana"]);
    let t = themes(&w);
    assert!(t.contains("epistemic-bias") && !t.contains("intersectional-health"), "{t}");
    let shown = w.ok(&["reading", "show", common::reading(&w.reading_list(), "Only tags")["id"].to_string().as_str()]);
    assert!(shown.contains("1-10"), "the pages are back: {shown}");
}

/// F5, kept: a theme a person deleted from the export's themes cell stays
/// off when another list tags it (their decision, as a `canon untag` is).
#[test]
fn a_theme_deleted_in_the_export_is_not_put_back_by_another_list() {
    let w = workdir();
    let t1 = "title,authors,year,type,container,themes\nOnly tags,\"Osei, Jane\",2021,article,BMJ,epistemic-bias;historical-awareness\n";
    w.import_reading("t1.csv", t1);
    let x2 = edited_export(&w, |row| row.replacen("epistemic-bias; ", "", 1));
    import_by(&w, "x2.csv", &x2);
    let again = w.import_reading("t1.csv", t1);
    assert!(again.contains("theme epistemic-bias was taken off by ana"), "{again}");
    assert!(!themes(&w).contains("epistemic-bias"), "{}", themes(&w));
}

/// F5, the same kind: a status cell changed in the export is a review the
/// import took; `canon undo` of the import takes it back with the rest.
#[test]
fn undo_of_an_import_takes_back_its_review() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Only tags",
        "--author",
        "Osei, Jane",
        "--year",
        "2021",
        "--type",
        "article",
        "--container",
        "BMJ",
        "--by",
        "bea",
        "-q",
    ]);
    let x2 = edited_export(&w, |row| row.replacen(",suggested,", ",approved,", 1));
    let err = import_by(&w, "x2.csv", &x2);
    assert_eq!(common::reading(&w.reading_list(), "Only tags")["status"], "approved", "{err}");
    w.ok(&["undo", &change(&err), "--by", "ana"]);
    assert_eq!(common::reading(&w.reading_list(), "Only tags")["status"], "suggested");
}

/// F9: a cell that splits only by a guess never replaces the stored
/// author it contradicts; the stored name stays, said in a warning.
#[test]
fn a_guessed_split_never_replaces_a_stored_author() {
    let w = workdir();
    w.import_reading(
        "s1.csv",
        "title,authors,year,type,container,doi\nT2,\"da Silva, João\",2020,article,BMJ,10.1/t2\n",
    );
    let err = w.import_reading(
        "s2.csv",
        "title,authors,year,type,container,doi\nT2,\"Joao Silva, Carlos Mendes\",2020,article,BMJ,10.1/t2\n",
    );
    assert_eq!(authors(&w, "T2"), "da Silva, João", "{err}");
    let line = err.lines().find(|l| l.contains("authors kept as stored")).unwrap_or_else(|| panic!("said: {err}"));
    assert!(line.contains("splits only by a guess") && line.contains("\"Joao Silva; Carlos Mendes\""), "{line}");
    // A guess that names the stored people, in their order, still brings its fuller forms.
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\nT3,\"Silva, Joao; Osei, Jane\",2020,article,BMJ,10.1/t3\n",
    );
    w.import_reading(
        "b.csv",
        "title,authors,year,type,container,doi\nT3,\"João Silva, Jane Osei\",2020,article,BMJ,10.1/t3\n",
    );
    let t3 = authors(&w, "T3");
    assert!(t3.contains("João") && t3.contains("Osei") && t3.matches("; ").count() == 1, "{t3}");
}

/// F9, F10: a list that writes a stored name without its diacritics never
/// takes them off; PubMed's lower-case "al-Razi" gives "al-Rāzī, Muḥammad
/// ibn Zakariya" in either order, as its "Al-Razi" does.
#[test]
fn a_list_without_diacritics_never_takes_them_off() {
    let json = r#"[{"id":"m","type":"article-journal","title":"Weathering and maternal health in Ghana","container-title":"BMJ Global Health","DOI":"10.1234/ahead.2023.1","author":[{"family":"al-Rāzī","given":"Muḥammad"}],"issued":{"date-parts":[[2023,11,4]]}}]"#;
    for fau in ["al-Razi", "Al-Razi"] {
        let nbib = format!(
            "PMID- 99999991\nDP  - 2023 Nov 4\nTI  - Weathering and maternal health in Ghana.\nFAU - {fau}, Muhammad ibn Zakariya\nAU  - Al-Razi MZ\nTA  - BMJ Glob Health\nJT  - BMJ global health\nAID - 10.1234/ahead.2023.1 [doi]\n"
        );
        for first_json in [true, false] {
            let w = workdir();
            if first_json {
                w.import_reading("z.json", json);
                w.import_reading("p.nbib", &nbib);
            } else {
                w.import_reading("p.nbib", &nbib);
                w.import_reading("z.json", json);
            }
            assert_eq!(authors(&w, "Weathering"), "al-Rāzī, Muḥammad ibn Zakariya", "{fau}, json first: {first_json}");
        }
    }
    // A plain list without the marks: the stored name stays, said.
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\nT4,\"Silva, João; Osei, Jane\",2020,article,BMJ,10.1/t4\n",
    );
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,container,doi\nT4,\"Silva, Joao; Osei, Jane; Berg, Lena\",2020,article,BMJ,10.1/t4\n",
    );
    let t4 = authors(&w, "T4");
    assert!(t4.contains("João"), "{t4}: {err}");
}

/// F2: a hand-set note kept against the file's is not said to be joined
/// by the file's note.
#[test]
fn a_note_kept_by_hand_is_not_said_to_be_added() {
    let w = workdir();
    let row = |note: &str| {
        format!(
            "title,authors,year,type,container,doi,notes\nRace and eGFR,\"Osei, Jane\",2021,article,Kidney Int,10.1000/egfr.1,{note}\n"
        )
    };
    w.import_reading("n1.csv", &row("First list note"));
    w.ok(&["reading", "edit", "10.1000/egfr.1", "--note", "Hand note", "--by", "amina", "-q"]);
    let err = w.import_reading("n2.csv", &row("Second list note"));
    assert!(!err.contains("note was added"), "{err}");
    assert!(err.contains("notes are kept as stored: set by hand"), "{err}");
    let shown = w.ok(&["reading", "show", "10.1000/egfr.1"]);
    assert!(shown.contains("Hand note") && !shown.contains("Second list note"), "{shown}");
}

/// F16: a `--sync` module import that renamed and retired is undone whole;
/// one that added sessions is refused with the changes it did record, and
/// its summary does not promise an undo.
#[test]
fn undo_of_a_sync_module_import() {
    let w = workdir();
    let m1 = w.write(
        "m1.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBBS,2,MED2003,Renal,eGFR and race,Explain eGFR equations,epistemic-bias\n\
         MBBS,2,MED2003,Renal,Kidney transplant,Discuss allocation,\n\
         MBBS,3,MED3001,Global Health,Colonial medicine,Describe colonial medicine,historical-awareness\n",
    );
    let m2 = w.write(
        "m2.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBBS,2,MED2003,Renal,Kidney function and race,Explain eGFR equations,\n\
         MBBS,2,MED2003,Renal,Kidney transplant,Discuss allocation,\n",
    );
    let first = w.ok_stderr(&["import", "modules", m1.to_str().unwrap(), "--by", "ana"]);
    assert!(!first.contains("reverts the import"), "{first}");
    let before = w.ok(&["item", "list", "--format", "csv"]);
    let err = w.ok_stderr(&["import", "modules", m2.to_str().unwrap(), "--sync", "--by", "ana"]);
    assert!(err.contains("reverts the import"), "{err}");
    w.ok(&["undo", &change(&err), "--by", "ana"]);
    assert_eq!(w.ok(&["item", "list", "--format", "csv"]), before);
    let refused = w.fails(&["undo", &change(&first), "--by", "ana"]);
    assert!(
        refused.contains("added 2 modules, 3 sessions, 2 tags") && refused.contains("canon module remove"),
        "{refused}"
    );
}
