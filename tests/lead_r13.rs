//! Issues 12 and 13 (lead, r13), through the binary: advice that builds on
//! the Bloom level a theme already reaches, ...

mod common;

use common::Workdir;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// The "return to it later" step of every year gap, not-revisited gap and
/// finding of a theme taught in year 1 only, for a year-1 session with
/// `outcome`.
fn return_steps(outcome: &str) -> Vec<String> {
    let w = workdir();
    let csv = format!(
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBChB,1,MED101,Genes and populations,Human genetic variation and the myth of biological race,\"{outcome}\",epistemic-bias\n\
         MBChB,1,MED102,Anatomy,Upper limb,Describe the brachial plexus,\n\
         MBChB,2,MED201,Cardiology,Heart failure,Explain the causes of heart failure,\n\
         MBChB,3,MED301,Surgery,Hernia repair,Describe the inguinal canal,\n"
    );
    let p = w.write("m.csv", csv);
    w.ok(&["import", "modules", p.to_str().unwrap(), "-q"]);
    let mut out: Vec<String> = w
        .json(&["gaps", "--format", "json", "--theme", "epistemic-bias"])
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["suggestion"].as_str().unwrap().to_string())
        .filter(|s| s.starts_with("Return to"))
        .collect();
    for f in w.json(&["gaps", "--findings", "--format", "json"]).as_array().unwrap() {
        if f["theme"] == "epistemic-bias" && f["kind"] == "theme-years" {
            out.push(f["next_step"].as_str().unwrap().to_string());
        }
    }
    // Two year gaps, the not-revisited gap and the finding.
    assert_eq!(out.len(), 4, "{out:#?}");
    out
}

/// Tester r13 (issue 13, P2): a theme whose only sessions already critique
/// the evidence was to be returned to "at a higher level (apply it to cases,
/// critique the evidence)", a level below the one taught. The step now
/// starts from the level reached, in the gaps and in the finding alike.
#[test]
fn the_step_to_return_to_a_theme_builds_on_the_level_it_reaches() {
    for s in return_steps("Critique the use of race as a proxy for ancestry") {
        assert!(!s.contains("apply it to cases") && !s.contains("higher level"), "{s}");
        assert!(s.contains("building on year 1, where it already reaches the evaluate level"), "{s}");
    }
    for s in return_steps("Apply population genetics to a case of suspected sickle cell disease") {
        assert!(s.contains("at a higher level (analyse cases, critique the evidence)"), "{s}");
    }
    for s in return_steps("Describe human genetic variation") {
        assert!(s.contains("at a higher level (apply it to cases, critique the evidence)"), "{s}");
    }
}
