//! Issue 10 (round 5, from an acceptance tester): `canon compare` selects a
//! scope's gaps by the same rule as `canon gaps`; a year's gap names its
//! programme; every report format carries what its options ask for; the
//! report's JSON keeps numbers as numbers.

mod common;
use std::collections::BTreeSet;

use common::{Workdir, sample};

/// The sample MBChB and a BSc Nursing with a year-1 and a year-2 module
/// (one reusing the code MED2002), frozen as round0 in `canon.db` and kept
/// as it was in `round0.db`; then changes in both programmes: a year-1
/// Nursing session and an MBChB session tagged, a Nursing module added.
fn two_rounds() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let nur = w.write(
        "nursing.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         BSc Nursing,1,NUR101,Foundations of Nursing,Care and compassion,Describe person-centred care,\n\
         BSc Nursing,1,NUR101,Foundations of Nursing,Ethics of care,Discuss consent and dignity,\n\
         BSc Nursing,2,MED2002,Respiratory Nursing,Asthma care,Explain inhaler technique,\n",
    );
    w.ok(&["import", "modules", nur.to_str().unwrap()]);
    w.ok(&["snapshot", "round0", "--by", "lead"]);
    std::fs::copy(w.db(), w.path("round0.db")).unwrap();
    w.ok(&["tag", "NUR101/Care and compassion", "epistemic-bias", "--by", "lead"]);
    w.ok(&["tag", "MED1001/Cell structure and organelles", "historical-awareness", "--by", "lead"]);
    let more = w.write(
        "more.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         BSc Nursing,2,NUR201,Community Nursing,Home visits,Plan a home visit,\n",
    );
    w.ok(&["import", "modules", more.to_str().unwrap()]);
    w
}

type Key = (String, String, String);

fn keys(gaps: &serde_json::Value) -> BTreeSet<Key> {
    gaps.as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["kind"].as_str().unwrap().to_string(),
                g["scope"].as_str().unwrap().to_string(),
                g["theme"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn compare_selects_a_scope_by_the_rule_of_gaps() {
    let w = two_rounds();
    let old = w.path("round0.db");
    let scopes: [&[&str]; 9] = [
        &[],
        &["--programme", "BSc Nursing"],
        &["--programme", "MBChB Medicine"],
        &["--year", "Year 2"],
        &["--year", "1"],
        &["--programme", "BSc Nursing", "--year", "2"],
        &["--module", "NUR101"],
        &["--programme", "BSc Nursing", "--module", "MED2002"],
        &["--theme", "epistemic-bias"],
    ];
    let mut year2_opened = 0;
    for scope in scopes {
        let args = |cmd: &[&'static str]| -> Vec<&'static str> { [cmd, scope, &["--format", "json"]].concat() };
        let now = keys(&w.json(&args(&["gaps"])));
        let then = keys(&serde_json::from_str(&w.ok_at(&old, &args(&["gaps"]))).unwrap());
        let c = w.json(&args(&["compare", "round0"]));
        let opened = keys(&c["gaps_opened"]);
        let closed = keys(&c["gaps_closed"]);
        assert_eq!(opened, now.difference(&then).cloned().collect(), "opened under {scope:?}");
        assert_eq!(closed, then.difference(&now).cloned().collect(), "closed under {scope:?}");
        if scope == ["--year", "Year 2"] {
            year2_opened = opened.len();
            // Nothing about the year-1 session NUR101 "Care and compassion".
            assert!(
                c["gaps_opened"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|g| !g["explanation"].as_str().unwrap().contains("Care and compassion"))
            );
        }
    }
    assert!(year2_opened > 0, "the scenario opens no year-2 gap");
}

#[test]
fn a_years_gap_names_its_programme_everywhere() {
    let w = two_rounds();
    let gaps = w.json(&["gaps", "--kind", "uncovered-theme", "--format", "json"]);
    let years: Vec<&str> = gaps
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["scope"].as_str().unwrap())
        .filter(|s| s.starts_with("year "))
        .collect();
    assert!(years.iter().any(|s| s.ends_with(" of BSc Nursing")), "{years:?}");
    assert!(years.iter().any(|s| s.ends_with(" of MBChB Medicine")), "{years:?}");
    assert!(years.iter().all(|s| s.contains(" of ")), "{years:?}");
    // No two gaps share kind, place and theme.
    let all = gaps.as_array().unwrap().len();
    assert_eq!(keys(&gaps).len(), all);
    // The table and CSV of gaps, compare's "what" and the PDF's "Where".
    let csv = w.ok(&["gaps", "--format", "csv", "--year", "2"]);
    assert!(csv.contains("year 2 of BSc Nursing"), "{csv}");
    assert!(csv.contains("year 2 of MBChB Medicine"), "{csv}");
    let cmp = w.ok(&["compare", "round0", "--format", "csv", "--programme", "BSc Nursing"]);
    assert!(cmp.contains("uncovered-theme: year 2 of BSc Nursing"), "{cmp}");
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--compare", "round0", "--programme", "BSc Nursing"]);
    let text = common::pdf_text(&pdf).join("\n");
    assert!(text.contains("year 2 of BSc Nursing"), "{text}");
    // The Kind column keeps a gap kind's name on one line.
    assert!(text.contains("uncovered-theme"), "{text}");
    for kind in ["uncovered-", "untagged-", "module-", "not-", "shallow-", "unsupported-"] {
        assert!(!text.lines().any(|l| l.trim_end().ends_with(kind)), "{kind} broken at its hyphen:\n{text}");
    }
}

#[test]
fn a_round_frozen_before_years_named_their_programme_compares_as_the_same_gaps() {
    let w = two_rounds();
    // round0 as an older canon froze it: "year 2", not "year 2 of BSc Nursing".
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let n = c
        .execute(
            "UPDATE snapshot_gap SET scope = substr(scope, 1, instr(scope, ' of ') - 1),
                    key = kind || '|' || substr(scope, 1, instr(scope, ' of ') - 1) || '|' || coalesce(theme, '')
              WHERE scope LIKE 'year % of %'",
            [],
        )
        .unwrap();
    assert!(n > 0);
    drop(c);
    let old = w.path("round0.db");
    let now = keys(&w.json(&["gaps", "--format", "json"]));
    let then = keys(&serde_json::from_str(&w.ok_at(&old, &["gaps", "--format", "json"])).unwrap());
    let cmp = w.json(&["compare", "round0", "--format", "json"]);
    assert_eq!(keys(&cmp["gaps_opened"]), now.difference(&then).cloned().collect());
    assert_eq!(keys(&cmp["gaps_closed"]), then.difference(&now).cloned().collect());
}

/// The comparison with round0 as `canon compare` gives it in JSON.
fn compared(w: &Workdir, scope: &[&str]) -> serde_json::Value {
    w.json(&[&["compare", "round0", "--format", "json"][..], scope].concat())
}

#[test]
fn every_report_format_carries_the_comparison() {
    let w = two_rounds();
    let scope = ["--programme", "BSc Nursing"];
    let c = compared(&w, &scope);
    let opened = c["gaps_opened"].as_array().unwrap().len();
    let closed = c["gaps_closed"].as_array().unwrap().len();
    assert!(opened > 0);
    // The CSV folder: comparison.csv, the table of `canon compare --format csv`.
    let dir = w.path("repdir");
    w.ok(&[&["report", dir.to_str().unwrap(), "--format", "csv", "--compare", "round0"][..], &scope].concat());
    let folder = std::fs::read_to_string(dir.join("comparison.csv")).unwrap();
    let cli = w.ok(&["compare", "round0", "--format", "csv", "--programme", "BSc Nursing"]);
    assert_eq!(folder, cli);
    // The flat CSV: a "comparison" section with the counts and one row per gap.
    let flat = w.path("rep.csv");
    w.ok(&[&["report", flat.to_str().unwrap(), "--compare", "round0"][..], &scope].concat());
    let mut r = csv::Reader::from_path(&flat).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    let measure = |m: &str| rows.iter().find(|r| &r[0] == "comparison" && &r[3] == m).map(|r| r[4].to_string());
    assert_eq!(measure("rounds").as_deref(), Some("round0 → now"));
    assert_eq!(measure("gaps opened"), Some(opened.to_string()));
    assert_eq!(measure("gaps closed"), Some(closed.to_string()));
    let gap_rows = rows.iter().filter(|r| &r[0] == "comparison" && r[3].starts_with("gap opened: ")).count();
    assert_eq!(gap_rows, opened);
    // The workbook: a comparison sheet.
    let xlsx = w.path("rep.xlsx");
    w.ok(&[&["report", xlsx.to_str().unwrap(), "--compare", "round0"][..], &scope].concat());
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("comparison").unwrap();
    let cells: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let cli: Vec<Vec<String>> = csv::Reader::from_reader(cli.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(&cells[1..], &cli[..], "the workbook's comparison sheet is not compare's table");
    // JSON: the same gaps as `canon compare`.
    let json = w.path("rep.json");
    w.ok(&[&["report", json.to_str().unwrap(), "--compare", "round0"][..], &scope].concat());
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(keys(&rep["comparison"]["gaps_opened"]), keys(&c["gaps_opened"]));
}

#[test]
fn the_json_summary_holds_numbers_and_agrees_with_the_csv() {
    let w = two_rounds();
    // One reading approved in a review; the rest were approved on import.
    let list = w.json(&["reading", "list", "--format", "json"]);
    let id = list.as_array().unwrap().iter().find(|r| r["status"] == "approved").unwrap()["id"].to_string();
    w.ok(&["review", &id, "--reject", "--by", "amina"]);
    w.ok(&["review", &id, "--approve", "--by", "amina"]);
    let json = w.path("r.json");
    w.ok(&["report", json.to_str().unwrap()]);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let s = rep["summary"].as_object().unwrap();
    for (k, v) in s {
        assert!(v.is_number(), "summary {k:?} is {v}, not a number");
    }
    let approved = s["approved readings"].as_i64().unwrap();
    let reviewed = s["approved readings: reviewed"].as_i64().unwrap();
    let on_import = s["approved readings: approved on import"].as_i64().unwrap();
    assert_eq!((reviewed, reviewed + on_import), (1, approved));
    // The percentage is named as one, never as a bare count beside "sessions".
    assert!(!s.contains_key("sessions tagged"), "{s:?}");
    let pct = s["sessions tagged (%)"].as_i64().unwrap();
    let (tagged, sessions) = (s["sessions tagged: count"].as_i64().unwrap(), s["sessions"].as_i64().unwrap());
    assert_eq!(pct, (100.0 * tagged as f64 / sessions as f64).round() as i64);
    // The CSV folder's summary and the flat CSV: the same split.
    let dir = w.path("out");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv"]);
    let summary = std::fs::read_to_string(dir.join("summary.csv")).unwrap();
    assert!(summary.contains(&format!("approved readings: reviewed,{reviewed},")), "{summary}");
    assert!(summary.contains(&format!("approved readings: approved on import,{on_import},")), "{summary}");
    let flat = w.path("r.csv");
    w.ok(&["report", flat.to_str().unwrap()]);
    let mut r = csv::Reader::from_path(&flat).unwrap();
    // review is the seventh column; 13c appended theme_name after it (the slugs' names, for a person).
    assert_eq!(r.headers().unwrap().get(6), Some("review"));
    assert_eq!(r.headers().unwrap().iter().next_back(), Some("theme_name"));
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    let readings: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "reading").collect();
    assert!(!readings.is_empty());
    assert!(readings.iter().all(|r| &r[6] == "review" || &r[6] == "import"), "{readings:?}");
    assert!(readings.iter().any(|r| &r[6] == "review"));
    assert!(rows.iter().filter(|r| &r[0] != "reading").all(|r| r[6].is_empty()));
    // readings_by_theme.csv: the review column, as readings.csv has it.
    let mut by = csv::Reader::from_path(dir.join("readings_by_theme.csv")).unwrap();
    let h = by.headers().unwrap().clone();
    let (ri, ii) = (h.iter().position(|c| c == "review").unwrap(), h.iter().position(|c| c == "id").unwrap());
    let rows: Vec<csv::StringRecord> = by.records().map(|r| r.unwrap()).collect();
    // The ID is written R… in every CSV (tester r65 F9).
    let csv_id = format!("R{id}");
    assert!(rows.iter().any(|r| r[ii] == csv_id));
    assert!(rows.iter().filter(|r| r[ii] == csv_id).all(|r| &r[ri] == "review"));
    assert!(rows.iter().filter(|r| r[ii] != csv_id).all(|r| &r[ri] == "import"));
    // Rejected readings: in the flat CSV with --include-rejected, as in the PDF.
    w.ok(&["review", &id, "--reject", "--by", "amina"]);
    w.ok(&["report", flat.to_str().unwrap(), "--include-rejected"]);
    let flat_text = std::fs::read_to_string(&flat).unwrap();
    assert_eq!(flat_text.lines().filter(|l| l.starts_with("reading rejected,")).count(), 1, "{flat_text}");
    // --bom is for CSV only: refused for the other formats, never ignored.
    for out in ["r.pdf", "r.json", "r.xlsx"] {
        let err = w.fails(&["report", out, "--bom"]);
        assert!(err.contains("--bom is for CSV reports only"), "{err}");
        assert!(!w.path(out).exists() || out == "r.json");
    }
}

#[test]
fn the_map_hint_offers_the_likeliest_field_first() {
    let w = Workdir::new();
    let f = w.write(
        "staff.csv",
        "Programme,Year,Module Code,Module Title,Teaching Activity,Staff,Tutor notes\n\
         P,1,M1,T,Lecture A,Dr Smith,bring slides\n",
    );
    let err = w.ok_stderr(&["import", "modules", f.to_str().unwrap(), "--dry-run"]);
    assert!(err.contains("--map 'Staff=FIELD' with FIELD one of lead, "), "{err}");
    assert!(!w.db().exists());
}
