//! Issue 10 (round 4): a scoped report and `canon compare` look at the scope
//! in both audit rounds, and the report tells readings approved in a review
//! from readings approved on import.

mod common;
use common::{Workdir, pdf_text, sample};

/// The sample MBChB, frozen as round0, then a second programme that reuses
/// the module code MED2002 and adds NUR1001.
fn two_programmes() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w.ok(&["snapshot", "round0", "--by", "lead"]);
    let nur = w.write(
        "nursing.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         BSc Nursing,1,NUR1001,Foundations of Nursing,Care and compassion,Describe person-centred care,\n\
         BSc Nursing,2,MED2002,Respiratory Nursing,Asthma care,Explain inhaler technique,\n",
    );
    w.ok(&["import", "modules", nur.to_str().unwrap()]);
    w
}

fn scopes(c: &serde_json::Value, key: &str) -> Vec<String> {
    c[key].as_array().unwrap().iter().map(|g| g["scope"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_scoped_comparison_compares_that_scope_in_both_rounds() {
    let w = two_programmes();
    let all = w.json(&["compare", "round0", "--format", "json"]);
    let opened = scopes(&all, "gaps_opened");
    assert!(opened.iter().any(|s| s.contains("NUR1001")), "{opened:?}");
    // MBChB did not change: nothing opened or closed in it.
    let med = w.json(&["compare", "round0", "--programme", "MBChB Medicine", "--format", "json"]);
    assert_eq!((scopes(&med, "gaps_opened"), scopes(&med, "gaps_closed")), (vec![], vec![]), "{med}");
    assert!(med["themes"].as_array().unwrap().iter().all(|t| t["change"] == 0), "{med}");
    // BSc Nursing: every new gap is its own, the reused code's included.
    let nur = w.json(&["compare", "round0", "--programme", "BSc Nursing", "--format", "json"]);
    let nur_opened = scopes(&nur, "gaps_opened");
    assert_eq!(nur_opened.len(), opened.len(), "{nur_opened:?} vs {opened:?}");
    assert!(nur_opened.iter().any(|s| s == "module MED2002 Respiratory Nursing (BSc Nursing)"), "{nur_opened:?}");
    // A module and a theme scope: only that module's gaps, only that theme.
    let m = w.json(&[
        "compare",
        "round0",
        "--programme",
        "BSc Nursing",
        "--module",
        "NUR1001",
        "--theme",
        "epistemic-bias",
        "--format",
        "json",
    ]);
    let m_opened = scopes(&m, "gaps_opened");
    assert!(
        !m_opened.is_empty()
            && m_opened
                .iter()
                .all(|s| s == "module NUR1001 Foundations of Nursing (BSc Nursing)" || s.starts_with("programme BSc")),
        "{m_opened:?}"
    );
    assert!(
        m["gaps_opened"].as_array().unwrap().iter().all(|g| g["theme"].is_null() || g["theme"] == "epistemic-bias"),
        "{m}"
    );
    assert!(m["themes"].as_array().unwrap().iter().all(|t| t["theme"] == "epistemic-bias"), "{m}");
    // Year 1 of MBChB: nothing of year 2 or of Nursing.
    let y = w.json(&["compare", "round0", "--programme", "MBChB Medicine", "--year", "1", "--format", "json"]);
    assert!(scopes(&y, "gaps_opened").is_empty(), "{y}");
    let err = w.fails(&["compare", "round0", "--theme", "nope"]);
    assert!(err.contains("unknown theme \"nope\""), "{err}");
}

#[test]
fn the_scoped_report_shows_the_scope_since_the_last_round_in_every_format() {
    let w = two_programmes();
    let json_path = w.path("rep.json");
    w.ok(&["report", json_path.to_str().unwrap(), "--programme", "MBChB Medicine"]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let c = &rep["comparison"];
    assert_eq!(c["from"], "round0");
    assert!(scopes(c, "gaps_opened").is_empty() && scopes(c, "gaps_closed").is_empty(), "{c}");
    let pdf = w.path("rep.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--programme", "MBChB Medicine"]);
    let text = pdf_text(&pdf).join("\n");
    assert!(text.contains("0 gaps closed and 0 opened"), "{text}");
    assert!(!text.contains("BSc Nursing") && !text.contains("NUR1001"), "the MBChB report names Nursing");
    // The Nursing report: its opened gaps, as many as the JSON lists.
    let nur_json = w.path("nur.json");
    w.ok(&["report", nur_json.to_str().unwrap(), "--programme", "BSc Nursing"]);
    let nur: serde_json::Value = serde_json::from_slice(&std::fs::read(&nur_json).unwrap()).unwrap();
    let n = nur["comparison"]["gaps_opened"].as_array().unwrap().len();
    assert!(n > 0);
    let nur_pdf = w.path("nur.pdf");
    w.ok(&["report", nur_pdf.to_str().unwrap(), "--programme", "BSc Nursing"]);
    let text = pdf_text(&nur_pdf).join("\n");
    assert!(text.contains(&format!("0 gaps closed and {n} opened")), "{text}");
}

#[test]
fn the_report_tells_reviewed_readings_from_readings_approved_on_import() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let json_path = w.path("r.json");
    w.ok(&["report", json_path.to_str().unwrap()]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let rs = rep["readings"].as_array().unwrap();
    let approved: Vec<&serde_json::Value> = rs.iter().filter(|r| r["status"] == "approved").collect();
    assert!(approved.len() >= 2);
    assert!(approved.iter().all(|r| r["review"]["how"] == "import"), "{approved:?}");
    // Reject one in a review, then approve it again in a review: reviewed now.
    let id = approved[0]["id"].as_i64().unwrap().to_string();
    w.ok(&["review", &id, "--reject", "--by", "amina", "--note", "off topic"]);
    w.ok(&["review", &id, "--approve", "--by", "amina", "--note", "on reflection, core"]);
    w.ok(&["report", json_path.to_str().unwrap()]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let rs = rep["readings"].as_array().unwrap();
    let r = rs.iter().find(|r| r["id"].as_i64().unwrap().to_string() == id).unwrap();
    assert_eq!((r["review"]["how"].as_str(), r["review"]["by"].as_str()), (Some("review"), Some("amina")));
    assert!(r["review"]["when"].as_str().unwrap().len() >= 10);
    let reviewed = rs.iter().filter(|r| r["status"] == "approved" && r["review"]["how"] == "review").count();
    let unreviewed = rs.iter().filter(|r| r["status"] == "approved" && r["review"]["how"] != "review").count();
    assert_eq!(reviewed, 1);
    // The CSV folder: a review column, agreeing with the JSON.
    let dir = w.path("out");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv"]);
    let mut csv = csv::Reader::from_path(dir.join("readings.csv")).unwrap();
    let h = csv.headers().unwrap().clone();
    let (ri, si) = (h.iter().position(|c| c == "review").unwrap(), h.iter().position(|c| c == "status").unwrap());
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.iter().filter(|r| &r[si] == "approved" && &r[ri] == "review").count(), reviewed);
    assert_eq!(rows.iter().filter(|r| &r[si] == "approved" && &r[ri] == "import").count(), unreviewed);
    // The PDF: the table's totals over the "No theme yet" row and the themes
    // cannot be summed (a reading has several themes), so check the marks and
    // the column headings; the reading list marks each unreviewed reading once per list.
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf).join("\n");
    assert!(text.contains("Approved,"), "no reviewed column");
    assert!(text.contains("Approved on import, not reviewed:"), "the unreviewed column is not explained");
    // The mark may wrap after "[not".
    let marks = text.matches("[not").count();
    let listed: usize = rs
        .iter()
        .filter(|r| r["status"] == "approved" && r["review"]["how"] != "review")
        .map(|r| r["themes"].as_array().map_or(1, |t| t.len().max(1)))
        .sum();
    // Each mark in a list, plus the two explanations (table note, list lead-in).
    assert_eq!(marks, listed + 2, "{marks} marks for {listed} listings");
    // The report asks all readings at once: the same answers as one at a time,
    // for a reading reviewed to its status, one rejected and one reviewed away
    // from the status it was imported with.
    let other = approved[1]["id"].as_i64().unwrap().to_string();
    w.ok(&["review", &other, "--reject", "--by", "amina"]);
    let conn = rusqlite::Connection::open(w.db()).unwrap();
    let all = canon::store::readings::decisions(&conn).unwrap();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM reading")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ids.len() >= 3);
    for id in ids {
        assert_eq!(all.get(&id), canon::store::readings::decision(&conn, id).unwrap().as_ref(), "reading {id}");
    }
    assert_eq!(all.values().filter(|d| d.how == "review").count(), 2);
}
