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
        "Module gaps",
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
    for (section, marker) in [("Coverage", "Each row is a module"), ("Gaps", "What is missing, and what next")] {
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
    assert_eq!(names, ["coverage.csv", "facets.csv", "gaps.csv", "readings.csv", "summary.csv"]);
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
