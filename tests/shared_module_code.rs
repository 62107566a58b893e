//! Issue 10 (10i): two programmes with a module of the same code. Their
//! module gaps are told apart in `gaps`, the report CSV, snapshots and
//! `compare`, so a round freezes every gap `gaps` lists and a comparison
//! after tagging one programme's module closes exactly that module's gaps.

mod common;

use std::collections::BTreeSet;

use common::Workdir;

const FILE: &str = "programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBChB Medicine,1,MED1001,Foundations,Pulse oximetry,Explain bias,epistemic-bias
MBChB Medicine,2,MED2002,Respiratory,Spirometry,Critique race correction,
BSc Nursing,1,NUR101,Nursing,Skin,Describe skin,historical-awareness
BSc Nursing,2,MED2002,Respiratory,Spirometry,Critique race correction,
";

fn setup() -> Workdir {
    let w = Workdir::new();
    let f = w.write("two.csv", FILE);
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    w
}

/// Rows of a CSV after its header (no quoted commas in these scopes).
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn module_gaps_of_two_programmes_are_told_apart_everywhere() {
    let w = setup();
    let csv = w.ok(&["gaps", "--format", "csv"]);
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let (kind, scope, theme) = (
        head.iter().position(|h| *h == "kind").unwrap(),
        head.iter().position(|h| *h == "scope").unwrap(),
        head.iter().position(|h| *h == "theme").unwrap(),
    );
    let gaps = rows(&csv);
    let med: Vec<&Vec<String>> = gaps.iter().filter(|r| r[scope].contains("MED2002")).collect();
    assert!(med.iter().any(|r| r[scope] == "module MED2002 Respiratory (BSc Nursing)"), "{csv}");
    assert!(med.iter().any(|r| r[scope] == "module MED2002 Respiratory (MBChB Medicine)"), "{csv}");
    assert!(med.iter().all(|r| r[scope].ends_with(')')), "{csv}");
    // No two rows about the same thing.
    let places: BTreeSet<(&str, &str, &str)> =
        gaps.iter().map(|r| (r[kind].as_str(), r[scope].as_str(), r[theme].as_str())).collect();
    assert_eq!(places.len(), gaps.len(), "{csv}");
    // The report CSV has no identical gap rows either.
    let rep = w.path("rep.csv");
    w.ok(&["report", rep.to_str().unwrap()]);
    let text = std::fs::read_to_string(&rep).unwrap();
    let gap_rows: Vec<&str> = text.lines().filter(|l| l.starts_with("gap,")).collect();
    assert!(!gap_rows.is_empty(), "{text}");
    assert_eq!(gap_rows.iter().collect::<BTreeSet<_>>().len(), gap_rows.len(), "{text}");
    assert!(text.contains("module MED2002 Respiratory (BSc Nursing)"), "{text}");

    // A snapshot freezes every gap `gaps` lists.
    let out = w.ok_stderr(&["snapshot", "r1"]);
    assert!(out.contains(&format!("{} gaps frozen", gaps.len())), "{out} vs {}", gaps.len());

    // Tagging the nursing module closes its gaps and no others.
    w.ok(&["tag", "MED2002/Spirometry", "epistemic-bias", "--programme", "BSc Nursing", "--by", "t"]);
    let cmp = w.ok(&["compare", "r1", "--format", "csv"]);
    let closed: Vec<&str> = cmp.lines().filter(|l| l.contains("gap closed")).collect();
    assert!(closed.iter().any(|l| l.contains("untagged-module: module MED2002 Respiratory (BSc Nursing)")), "{cmp}");
    assert!(
        closed
            .iter()
            .any(|l| l.contains("module-gap: module MED2002 Respiratory (BSc Nursing)") && l.contains("epistemic-bias")),
        "{cmp}"
    );
    assert!(!closed.iter().any(|l| l.contains("MBChB Medicine")), "{cmp}");
    // The theme's name follows its slug (13c's theme_name column).
    assert!(
        cmp.contains("module coverage,MED2002 Respiratory (BSc Nursing),epistemic-bias,Epistemic bias,0,1,1"),
        "{cmp}"
    );
}

#[test]
fn with_one_programme_module_scopes_stay_short() {
    let w = Workdir::new();
    let f = w.write("one.csv", "programme,year,module_code,module_title,session_title\nP,1,M1,Renal,Kidney\n");
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "t"]);
    let csv = w.ok(&["gaps", "--format", "csv"]);
    assert!(csv.contains(",module M1 Renal,"), "{csv}");
    assert!(!csv.contains("module M1 Renal ("), "{csv}");
}
