//! The committee report, read back: contents, page numbers, every script,
//! determinism, a page that is not blank, and the CSV and JSON forms.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Workdir, pdf_text, sample};

fn audited() -> Workdir {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "report.pdf"]);
    w
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        eprintln!("skipping: {tool} is not installed (apt-get install poppler-utils)");
    }
    found
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("run pdftotext");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_holds_every_section_and_page_numbers() {
    let w = audited();
    let pages = pdf_text(&w.path("report.pdf"));
    let n = pages.len();
    assert!(n >= 10, "{n} pages");
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("Page {} of {n}", i + 1)), "page {} has no 'Page {} of {n}'", i + 1, i + 1);
    }
    let all = pages.join("\n");
    for s in [
        "Decolonising the curriculum: audit report",
        "MBChB Medicine",
        "Scope: whole curriculum",
        "Contents",
        "Themes at a glance",
        "Readings by theme and review status",
        "Coverage",
        "Modules missing a theme",
        "What each module should read",
        "Appendix: the sessions behind the coverage",
        "Themes not returned to",
        "Tagged sessions without a reading",
        "Reading list",
        "Who and what the list includes",
        "Methods and caveats",
        "There are no quotas",
    ] {
        assert!(all.contains(s), "{s:?} missing from the PDF");
    }
    // The contents table, on the summary page, gives the real page of each section.
    let summary = &pages[1];
    assert!(summary.contains("Contents"), "contents not on the summary page");
    let words: Vec<&str> = summary.split_whitespace().collect();
    for (section, marker) in [("Coverage", "Each row is a module"), ("Gaps", "rolled up into")] {
        let page = pages.iter().position(|p| p.contains(marker)).unwrap() + 1;
        let listed = words.windows(2).any(|w| w[0] == section && w[1] == page.to_string());
        assert!(listed, "the contents do not give {section} as page {page}:\n{summary}");
    }
}

#[test]
fn every_script_comes_out_right() {
    let w = audited();
    let text = pdf_text(&w.path("report.pdf")).join("\n");
    for name in ["Ngũgĩ wa Thiong'o", "Vergès", "Adébáyọ̀", "鲁迅", "呐喊"] {
        assert!(text.contains(name), "{name} missing (lopdf)");
    }
    if !have("pdftotext") {
        return;
    }
    // poppler reads shaped Arabic in logical order and Devanagari through ActualText.
    let text = pdftotext(&w.path("report.pdf"));
    for name in ["ابن سينا", "القانون في الطب", "मोहनदास करमचंद गांधी", "हिंद स्वराज", "إدوارد سعيد"]
    {
        assert!(text.contains(name), "{name} missing (pdftotext)");
    }
}

#[test]
fn the_same_database_gives_the_same_bytes() {
    let w = audited();
    w.ok(&["report", "a.pdf"]);
    w.ok(&["report", "b.pdf"]);
    let a = std::fs::read(w.path("a.pdf")).unwrap();
    assert_eq!(a, std::fs::read(w.path("b.pdf")).unwrap());
    assert_eq!(a, std::fs::read(w.path("report.pdf")).unwrap());
    // No clock in the output: the date is the data's unless --date is given.
    w.ok(&["report", "d.pdf", "--date", "2026-01-15"]);
    let text = pdf_text(&w.path("d.pdf")).join("\n");
    assert!(text.contains("Date: 2026-01-15"));
    let err = w.fails(&["report", "e.pdf", "--date", "15/01/2026"]);
    assert!(err.contains("expected YYYY-MM-DD"), "{err}");
}

#[test]
fn a_rendered_page_is_not_blank() {
    let w = audited();
    if !have("pdftoppm") {
        return;
    }
    let coverage = pdf_text(&w.path("report.pdf")).iter().position(|p| p.contains("Each row is a module")).unwrap() + 1;
    let page = coverage.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", "30", "-f", &page, "-l", &page, "-gray"])
        .arg(w.path("report.pdf"))
        .arg(w.path("page"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let pgm = std::fs::read_dir(w.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("page"))
        .expect("a rendered page");
    let bytes = std::fs::read(pgm.path()).unwrap();
    // A binary PGM: header "P5\nW H\n255\n", then one byte per pixel.
    let mut fields = 0;
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_whitespace() {
            fields += 1;
            if fields == 4 {
                start = i + 1;
                break;
            }
        }
    }
    let pixels = &bytes[start..];
    let dark = pixels.iter().filter(|&&p| p < 128).count();
    let coloured = pixels.iter().filter(|&&p| p < 250).count();
    assert!(dark > pixels.len() / 200, "the coverage page looks blank ({dark} dark pixels of {})", pixels.len());
    assert!(coloured > pixels.len() / 20, "the heat-map page has too little ink ({coloured} of {})", pixels.len());
}

#[test]
fn csv_folder_json_and_bom() {
    let w = audited();
    w.ok(&["report", "out/", "--format", "csv"]);
    let mut names: Vec<String> = std::fs::read_dir(w.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "coverage.csv",
            "evidence.csv",
            "facets.csv",
            "findings.csv",
            "gaps.csv",
            "module_readings.csv",
            "readings.csv",
            "readings_by_theme.csv",
            "summary.csv"
        ]
    );
    for n in &names {
        let text = std::fs::read_to_string(w.path("out").join(n)).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{n}: formula-like cell {cell:?}");
            }
        }
    }
    let readings = std::fs::read_to_string(w.path("out/readings.csv")).unwrap();
    assert!(readings.contains("Vyas DA, Eisenstein LG, Jones DS. Hidden in Plain Sight"), "{readings}");
    let summary = std::fs::read_to_string(w.path("out/summary.csv")).unwrap();
    // Counts of works are shown in full (issue 16: only counts of people are suppressed).
    assert!(summary.contains("readings by language,2,Arabic"), "{summary}");
    w.ok(&["report", "excel/", "--format", "csv", "--bom"]);
    assert!(std::fs::read(w.path("excel/gaps.csv")).unwrap().starts_with(b"\xEF\xBB\xBFseverity,"));
    w.ok(&["report", "r.json"]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(w.path("r.json")).unwrap()).unwrap();
    assert_eq!(v["coverage"].as_array().unwrap().len(), 37);
    assert!(v["gaps"].as_array().unwrap().len() > 10);
    assert!(v["readings"][0]["reference"].is_string());
}

#[test]
fn scope_title_and_apa_style() {
    let w = audited();
    w.ok(&["report", "y2.csv", "--year", "2", "--title", "Year 2 audit"]);
    let text = std::fs::read_to_string(w.path("y2.csv")).unwrap();
    assert!(text.contains("summary,year 2,,title,Year 2 audit,"), "{text}");
    assert!(text.contains("MED2002") && !text.contains("MED3001"), "year scope leaks");
    w.ok(&["report", "t.pdf", "--theme", "epistemic-bias", "--style", "apa"]);
    let pdf = pdf_text(&w.path("t.pdf")).join("\n");
    assert!(pdf.contains("Scope: theme Epistemic bias"), "{pdf}");
    assert!(pdf.contains("Vyas, D. A., Eisenstein, L. G., & Jones, D. S. (2020)."), "APA reference missing");
    assert!(!pdf.contains("Intersectional health ("), "other themes' reading sections leak");
    let err = w.fails(&["report", "m.pdf", "--module", "NOPE"]);
    assert!(err.contains("no module with code \"NOPE\""), "{err}");
}

#[test]
fn the_report_shows_what_changed_since_the_last_audit_round() {
    let w = audited();
    w.ok(&["snapshot", "2025", "--by", "group"]);
    w.ok(&[
        "tag",
        "MED2002/Spirometry interpretation and reference equations",
        "historical-awareness",
        "--by",
        "amina",
    ]);
    w.ok(&["report", "since.pdf"]);
    let text = pdf_text(&w.path("since.pdf")).join("\n");
    assert!(text.contains("Since the last audit round"), "no comparison section");
    assert!(text.contains("Compared with the audit round \"2025\""), "{text}");
    assert!(text.contains("+1"), "the new tag is not counted");
}

/// A module list and a reading list written into the work directory, imported.
fn database(w: &Workdir, modules: &str, readings: &str) {
    w.ok(&["init"]);
    let m = w.write("m.csv", modules);
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    if !readings.is_empty() {
        let r = w.write("r.csv", readings);
        w.ok(&["import", "reading", r.to_str().unwrap()]);
    }
}

const HEADER: &str = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n";
const ALL: &str = "historical-awareness;epistemic-bias;intersectional-health";

fn readings(n: usize) -> String {
    let mut s = String::from("title,authors,year,type,doi,url,themes,notes\n");
    for i in 0..n {
        s.push_str(&format!(
            "Race and medicine volume {i},\"Roberts, Dorothy\",{},book,10.1000/r{i},,{ALL},\n",
            2000 + i
        ));
    }
    s
}

/// Whitespace-normalised text of the whole PDF.
fn flat(pages: &[String]) -> String {
    pages.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders PDF, JSON and a CSV folder of one database and checks that no
/// sentence of the summary contradicts the sections and the tables.
fn check_consistent(w: &Workdir, label: &str) -> serde_json::Value {
    w.ok(&["report", "c.pdf"]);
    w.ok(&["report", "c.json"]);
    w.ok(&["report", "c/", "--format", "csv"]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(w.path("c.json")).unwrap()).unwrap();
    let pdf = flat(&pdf_text(&w.path("c.pdf")));
    let gaps = v["gaps"].as_array().unwrap();
    let findings = v["findings"].as_array().unwrap();
    // Summary figures count the findings the sections list.
    for sev in ["high", "medium", "low"] {
        let n = findings.iter().filter(|f| f["severity"] == sev).count();
        assert_eq!(v["summary"][format!("findings: {sev}")], n.to_string(), "{label}: figure for {sev}");
    }
    // Every key finding is in the PDF, and its gaps exist and point back to it.
    for id in v["key_findings"].as_array().unwrap() {
        let f = findings.iter().find(|f| f["id"] == *id).unwrap();
        let head = squash(f["headline"].as_str().unwrap());
        let start: String = head.chars().take(50).collect();
        assert!(pdf.contains(&start), "{label}: key finding {start:?} not in the PDF");
        for g in f["gaps"].as_array().unwrap() {
            let gap = gaps.iter().find(|x| x["id"] == *g).unwrap_or_else(|| panic!("{label}: {g} missing"));
            assert_eq!(gap["finding"], f["id"], "{label}: {g} belongs elsewhere");
        }
    }
    // Each gap is in exactly one finding.
    let listed: usize = findings.iter().map(|f| f["gaps"].as_array().unwrap().len()).sum();
    assert_eq!(listed, gaps.len(), "{label}: gaps and findings disagree");
    // Headings and methods use the glossary's words for every kind present.
    for t in v["glossary"].as_array().unwrap() {
        let present = gaps.iter().filter(|g| g["kind"] == t["kind"]).count();
        let heading = format!("{} ({present})", t["heading"].as_str().unwrap());
        assert_eq!(pdf.contains(&heading), present > 0, "{label}: heading {heading:?}");
        let def: String = squash(t["definition"].as_str().unwrap()).chars().take(40).collect();
        assert!(pdf.contains(&def), "{label}: methods lack {def:?}");
    }
    // A summary sentence that says "no gaps" only when there are none.
    assert_eq!(pdf.contains("No gaps in this scope"), gaps.is_empty(), "{label}: no-gaps sentence");
    assert!(!pdf.contains("enough approved reading"), "{label}");
    // The CSV tables hold the same rows.
    let rows = |name: &str| csv::Reader::from_path(w.path("c").join(name)).unwrap().records().count();
    assert_eq!(rows("gaps.csv"), gaps.len(), "{label}: gaps.csv");
    assert_eq!(rows("findings.csv"), findings.len(), "{label}: findings.csv");
    assert_eq!(rows("evidence.csv"), v["evidence"].as_array().unwrap().len(), "{label}: evidence.csv");
    assert_eq!(rows("module_readings.csv"), v["module_readings"].as_array().unwrap().len(), "{label}");
    // Advice never points against the data: years taught, from the coverage itself.
    let mut taught: std::collections::BTreeMap<(String, i64), i64> = Default::default();
    for r in v["coverage"].as_array().unwrap() {
        for (t, n) in r["themes"].as_object().unwrap() {
            *taught.entry((t.clone(), r["year"].as_i64().unwrap_or(0))).or_default() += n.as_i64().unwrap();
        }
    }
    for g in gaps.iter().filter(|g| g["kind"] == "uncovered-theme" && g["year"].is_i64()) {
        let (t, y) = (g["theme"].as_str().unwrap().to_string(), g["year"].as_i64().unwrap());
        let ys: Vec<i64> = taught.iter().filter(|((th, _), n)| *th == t && **n > 0).map(|((_, y), _)| *y).collect();
        match g["action"].as_str().unwrap() {
            "introduce-earlier" => assert!(ys.iter().all(|&x| x > y), "{label}: {g}"),
            "return-later" => assert!(ys.iter().all(|&x| x < y), "{label}: {g}"),
            "bridge" => assert!(ys.iter().any(|&x| x < y) && ys.iter().any(|&x| x > y), "{label}: {g}"),
            other => panic!("{label}: year gap with action {other}"),
        }
    }
    // Proposals are relevant (above the floor) and give their reason.
    for g in gaps.iter().filter(|g| g["kind"] == "module-gap") {
        for c in g["candidates"].as_array().unwrap() {
            assert!(c["score"].as_f64().unwrap() >= 1.0, "{label}: {c}");
            assert!(!c["reason"].as_array().unwrap().is_empty(), "{label}: {c}");
        }
    }
    v
}

#[test]
fn findings_agree_with_sections_and_tables_on_several_databases() {
    // No gaps: one session on every theme at a higher level, enough reading, linked.
    let w = Workdir::new();
    database(
        &w,
        &format!("{HEADER}P,1,M1,Medicine and society,Race in medicine,Critique the use of race in eGFR,{ALL}\n"),
        &readings(5),
    );
    w.ok(&["link", "10.1000/r0", "M1", "--by", "amina"]);
    let v = check_consistent(&w, "no gaps");
    assert!(v["gaps"].as_array().unwrap().is_empty(), "{}", v["gaps"]);

    // Thin reading only: the summary must not say the reading is enough.
    let w = Workdir::new();
    database(
        &w,
        &format!("{HEADER}P,1,M1,Medicine and society,Race in medicine,Critique the use of race in eGFR,{ALL}\n"),
        &readings(2),
    );
    w.ok(&["link", "10.1000/r0", "M1", "--by", "amina"]);
    let v = check_consistent(&w, "thin reading only");
    let kinds: Vec<&str> = v["gaps"].as_array().unwrap().iter().map(|g| g["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["thin-reading"; 3]);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1, "three thin themes are one fact");

    // Everything missing: no tags, no readings.
    let w = Workdir::new();
    database(
        &w,
        &format!("{HEADER}P,1,M1,Anatomy,Bones,List the bones,\nP,2,M2,Physiology,Kidney,Describe the nephron,\n"),
        "",
    );
    let v = check_consistent(&w, "everything missing");
    assert!(v["findings"][0]["severity"] == "high", "{}", v["findings"][0]);

    // Ten sessions, a theme taught in year 4 only: advice points earlier, never to year 1 "building on before".
    let w = Workdir::new();
    let mut m = String::from(HEADER);
    for i in 0..5 {
        m.push_str(&format!("P,1,A1,Foundations,Session {i},Describe cells {i},intersectional-health\n"));
        m.push_str(&format!("P,4,D1,Clinical,Case {i},Apply guideline {i},{}\n", if i == 0 { ALL } else { "" }));
    }
    database(&w, &m, &readings(2));
    let v = check_consistent(&w, "ten sessions");
    let g = v["gaps"].as_array().unwrap();
    let early = g.iter().find(|x| x["kind"] == "not-revisited" && x["theme"] == "historical-awareness").unwrap();
    assert_eq!(early["action"], "introduce-earlier", "{early}");
    assert!(!early["suggestion"].as_str().unwrap().contains("building on"), "{early}");
    assert!(v["findings"].as_array().unwrap().len() < g.len(), "findings roll gaps up");

    // The samples, and a scope by year.
    let w = audited();
    check_consistent(&w, "samples");
}
