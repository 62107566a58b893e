//! Issue 10 (10k): two programmes with modules of one code. Every section
//! of the report keys modules by ID, never by code, and names a module's
//! programme when the data holds more than one; a `--sync` recode, like a
//! rename, move or retire, needs `--by`.

mod common;

use common::Workdir;

/// MBChB's M101 has a tagged session; Nursing's M101 (another title) has an untagged one.
const DUP: &str = "programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBChB Medicine,1,M101,Foundations,Cell biology,Describe the cell,historical-awareness
Nursing BSc,1,M101,Nursing foundations,Care basics,Describe care,
";

/// The PDF's text, with the lines of every page joined by single spaces (a
/// table cell may wrap).
fn pdf(w: &Workdir, args: &[&str]) -> String {
    let out = w.path("r.pdf");
    let mut a = vec!["report", out.to_str().unwrap()];
    a.extend_from_slice(args);
    w.ok(&a);
    common::pdf_text(&out).join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the appendix ("the sessions behind the coverage"), to the end.
fn appendix(text: &str) -> &str {
    let at = text.rfind("Sessions: who tagged them").unwrap_or_else(|| panic!("no appendix table in:\n{text}"));
    &text[at..]
}

#[test]
fn the_appendix_puts_a_session_under_its_own_programmes_module() {
    let w = Workdir::new();
    let f = w.write("dup.csv", DUP);
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    let text = pdf(&w, &[]);
    let app = appendix(&text);
    assert!(app.contains("M101 Foundations (MBChB Medicine)"), "{app}");
    assert!(app.contains("Cell biology"), "{app}");
    // The nursing module has no tagged session, so no row of the appendix names it.
    assert!(!app.contains("Nursing foundations"), "{app}");
    assert!(!app.contains("Care basics"), "{app}");
    // The heat-map rows name each module with its programme.
    assert!(text.contains("M101 Nursing foundations (Nursing BSc)"), "{text}");

    // The flat CSV: the evidence row and the coverage rows are the MBChB module's.
    let csv = w.path("r.csv");
    w.ok(&["report", csv.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let evidence: Vec<&str> = csv.lines().filter(|l| l.starts_with("evidence,")).collect();
    assert_eq!(evidence.len(), 1, "{csv}");
    assert!(
        evidence[0].starts_with("evidence,M101 Foundations (MBChB Medicine),historical-awareness,Cell biology"),
        "{csv}"
    );
    assert!(
        csv.lines().any(
            |l| l.starts_with("coverage,M101 Foundations (MBChB Medicine),historical-awareness,sessions tagged,1,")
        ),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l
            .starts_with("coverage,M101 Nursing foundations (Nursing BSc),historical-awareness,sessions tagged,0,")),
        "{csv}"
    );

    // The JSON carries each row's module ID: the evidence is the MBChB module's.
    let out = w.path("r.json");
    w.ok(&["report", out.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mbchb =
        w.count("SELECT m.id FROM module m JOIN programme p ON p.id = m.programme_id WHERE p.name = 'MBChB Medicine'");
    let ev = json["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 1, "{json}");
    assert_eq!(ev[0]["module_id"].as_i64(), Some(mbchb), "{json}");
    assert_eq!(ev[0]["programme"], "MBChB Medicine", "{json}");
}

/// Both programmes teach "M101 Foundations"; only MBChB's session is tagged,
/// and only MBChB's module has a linked reading.
const SAME: &str = "programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBChB Medicine,1,M101,Foundations,Cell biology,Describe the cell,historical-awareness
Nursing BSc,1,M101,Foundations,Care basics,Describe care,
Nursing BSc,1,M101,Foundations,Wound care,Describe wounds,
";

#[test]
fn a_shared_code_and_title_is_named_with_its_programme_in_every_section() {
    let w = Workdir::new();
    let f = w.write("same.csv", SAME);
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    let out =
        w.ok(&["reading", "add", "--title", "Histories of the cell", "--year", "2020", "--type", "book", "--by", "t"]);
    let id = out.split_whitespace().next().unwrap().to_string();
    w.ok(&["link", &id, "M101", "--programme", "MBChB Medicine", "--by", "t"]);
    let text = pdf(&w, &[]);
    // No section names the module without its programme.
    let bare = text.matches("M101 Foundations").count();
    let named = text.matches("M101 Foundations (MBChB Medicine)").count()
        + text.matches("M101 Foundations (Nursing BSc)").count();
    assert_eq!(bare, named, "{text}");
    // Heat-map rows (with the year), the module reading table, the appendix.
    assert!(text.contains("M101 Foundations (MBChB Medicine) (Y1)"), "{text}");
    assert!(text.contains("M101 Foundations (Nursing BSc) (Y1)"), "{text}");
    let read = &text[text.rfind("What each module should read").unwrap()..];
    assert!(read.contains("M101 Foundations (MBChB Medicine) Histories of the cell"), "{read}");
    let app = appendix(&text);
    assert!(app.contains("M101 Foundations (MBChB Medicine) Historical awareness 1"), "{app}");
    assert!(!app.contains("Nursing BSc"), "{app}");

    // The flat CSV: module reading rows are told apart, and the link is MBChB's.
    let csv = w.path("r.csv");
    w.ok(&["report", csv.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("module reading (linked),M101 Foundations (MBChB Medicine),")), "{csv}");
    assert!(!csv.lines().any(|l| l.starts_with("module reading (linked),M101 Foundations (Nursing BSc),")), "{csv}");
    assert!(!csv.lines().any(|l| l.contains(",M101 Foundations,")), "{csv}");
}

#[test]
fn with_one_programme_the_report_names_modules_without_it() {
    let w = Workdir::new();
    let f = w.write(
        "one.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBChB Medicine,1,M101,Foundations,Cell biology,Describe the cell,historical-awareness\n",
    );
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    let text = pdf(&w, &[]);
    assert!(text.contains("M101 Foundations (Y1)"), "{text}");
    assert!(!text.contains("M101 Foundations (MBChB Medicine)"), "{text}");
    assert!(appendix(&text).contains("M101 Foundations Historical awareness 1"), "{text}");
}

#[test]
fn a_sync_recode_without_by_is_refused_and_writes_nothing() {
    let w = Workdir::new();
    let a = w.write(
        "a.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         MBChB,2,MED2003,Renal,eGFR,Evaluate race-based eGFR\n",
    );
    w.ok(&["import", "modules", a.to_str().unwrap(), "--by", "t"]);
    let b = w.write(
        "b.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         MBChB,2,MED2013,Renal,eGFR,Evaluate race-based eGFR\n",
    );
    let b = b.to_str().unwrap();
    let history = w.count("SELECT count(*) FROM history");
    for dry in [true, false] {
        let mut args = vec!["import", "modules", b, "--sync"];
        if dry {
            args.push("--dry-run");
        }
        let err = w.fails(&args);
        assert!(err.contains("--sync would recode 1 module"), "{err}");
        assert!(err.contains("--by NAME"), "{err}");
        assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2003'"), 1);
        assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2013'"), 0);
        assert_eq!(w.count("SELECT count(*) FROM history"), history);
    }
    // With a name, the recode is made and credited to it.
    w.ok(&["import", "modules", b, "--sync", "--by", "Ama"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2013'"), 1);
    let log = w.ok(&["log", "--entity", "module"]);
    assert!(log.contains("Ama"), "{log}");
    assert!(!log.contains("(unknown)"), "{log}");
}
