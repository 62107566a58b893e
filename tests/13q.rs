//! Issue 13 (13q): a report whose pages read well. Read back from the PDF,
//! the JSON, the CSV and `canon gaps` of the real binary:
//! 1. a reference's note takes its own direction (an English note under an
//!    Arabic reference is set left to right);
//! 2. a table row that fits on a page is never split over pages, and no
//!    paragraph or cell ends on a lone short word its previous line could
//!    keep company;
//! 3. gaps are numbered in the order the report prints them;
//! 4. a module with no theme is one fact in one finding.

mod common;

use common::{Word, Workdir, line_of, pdf_text, pdf_words, sample};

const MARGIN_X: f32 = 56.69;
const CONTENT_RIGHT: f32 = 595.276 - 56.69;

fn audited() -> Workdir {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "report.pdf"]);
    w.ok(&["report", "r.json"]);
    w
}

fn json(w: &Workdir, name: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(w.path(name)).unwrap()).unwrap()
}

// ---------------------------------------------------------------------------
// 1. A note's direction is its own.

/// The sample report's Arabic references (Ibn Sina's Canon, Said's
/// Orientalism) have English notes: each note starts where the list's other
/// English notes start and reads left to right, under its Arabic reference
/// set in the list's direction.
#[test]
fn an_english_note_under_an_arabic_reference_is_left_to_right() {
    let w = audited();
    let Some(ws) = pdf_words(&w.path("report.pdf")) else { return };
    let mut checked = 0;
    for (first, second) in [("Ibn", "Sina's"), ("Kamal", "Abu-Deeb's")] {
        let starts: Vec<&Word> = ws
            .iter()
            .enumerate()
            .filter(|(i, v)| v.text == first && ws.get(i + 1).is_some_and(|n| n.text == second))
            .map(|(_, v)| v)
            .collect();
        assert!(!starts.is_empty(), "{first} {second} is in the reading list");
        for s in starts {
            let line = line_of(&ws, s);
            // The note's first word starts its line, at the left edge of the column.
            assert_eq!(
                line[0].text,
                first,
                "{first}: the note's line reads {:?}",
                line.iter().map(|w| &w.text).collect::<Vec<_>>()
            );
            // Where the list's other English notes start: right of the labels
            // (a 24 pt hang for labels up to "99.").
            assert!(
                (s.x0 - (MARGIN_X + 24.0)).abs() < 1.5,
                "{first} {second}: the note starts at x {} (the other notes start at {}): not aligned with them",
                s.x0,
                MARGIN_X + 24.0
            );
            // Its Arabic reference sits just above it, in the list's text
            // column like every other reference (tester r64 F9: it hung from
            // the right margin, its label there, until then).
            let above: Vec<&Word> = ws
                .iter()
                .filter(|v| v.page == s.page && v.y0 + v.y1 < s.y0 + s.y1 - 8.0 && s.y0 - v.y0 < 24.0)
                .filter(|v| v.text.chars().any(|c| matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFEFF)))
                .collect();
            assert!(!above.is_empty(), "{first}: an Arabic reference above its note");
            for line in above.iter().map(|v| line_of(&ws, v)) {
                let left = line.iter().map(|v| v.x0).filter(|&x| x > MARGIN_X + 20.0).fold(f32::MAX, f32::min);
                assert!((left - (MARGIN_X + 24.0)).abs() < 1.5, "{first}: the Arabic reference starts at x {left}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 2, "{checked}");
}

/// Every note of a Hebrew and Arabic reading list: a note written in Hebrew
/// or Arabic is set right to left (ends at the column's right), one in
/// English left to right (starts at the column's left), under either kind
/// of reference.
#[test]
fn each_note_takes_the_direction_of_its_first_letter() {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBBS,1,A101,Foundations,History of medicine and empire,Describe colonial medicine,historical-awareness\n",
    );
    let r = w.write(
        "r.csv",
        "title,authors,year,type,themes,notes,language,status\n\
         רפואה וחברה בישראל,\"כהן, שרה\",2010,book,historical-awareness,Zebra note in English on medicine in Israel,he,approved\n\
         الطب في الأندلس,\"حسن، ليلى\",2015,book,historical-awareness,دراسة تاريخية عن الطب في الأندلس,ar,approved\n\
         Colonial medicine in Algeria,\"Fanon, Frantz\",1959,book,historical-awareness,מאמר על רפואה קולוניאלית,en,approved\n\
         Medicine and empire,\"Arnold, David\",1988,book,historical-awareness,Yonder note in English on empire,en,approved\n",
    );
    w.ok(&["audit", m.to_str().unwrap(), r.to_str().unwrap(), "--out", "r.pdf"]);
    let Some(ws) = pdf_words(&w.path("r.pdf")) else { return };
    // English notes: their first word starts the column's left edge (the
    // hang of a left-to-right reference's label, or the margin).
    for first in ["Zebra", "Yonder"] {
        let s = ws.iter().find(|v| v.text == first).unwrap_or_else(|| panic!("{first} in the PDF"));
        let line = line_of(&ws, s);
        assert_eq!(line[0].text, first, "{first}: the note's first word starts its line");
        assert!(s.x0 < MARGIN_X + 40.0, "{first} at x {}: an English note is left-aligned", s.x0);
    }
    // Hebrew and Arabic notes: their line ends at the right of the column.
    for word in ["קולוניאלית", "الأندلس"] {
        let hits: Vec<&Word> = ws
            .iter()
            .filter(|v| v.text.contains(word) || v.text.chars().rev().collect::<String>().contains(word))
            .collect();
        assert!(!hits.is_empty(), "{word} in the PDF");
        let on_note = hits.iter().any(|h| {
            let line = line_of(&ws, h);
            let right = line.iter().map(|v| v.x1).fold(0.0f32, f32::max);
            let left = line.iter().map(|v| v.x0).fold(f32::MAX, f32::min);
            right > CONTENT_RIGHT - 30.0 && left > MARGIN_X + 60.0
        });
        assert!(on_note, "{word}: a right-to-left note is right-aligned");
    }
}

// ---------------------------------------------------------------------------
// 2. No table stubs, no lone last word.

/// The sample report and the many-scripts report: a table row continued on
/// the next page is no stub there (at least four lines). 13q moved every row
/// that fits on a page to the next one whole; 13b lets a long row split when
/// a quarter of the page or more is left, as moving it whole left the sample
/// report's pages 15-18 half empty (tests/13b.rs).
#[test]
fn no_continued_row_is_a_stub() {
    let s = Workdir::new();
    s.ok(&["import", "reading", &format!("{}/tests/data/many_scripts.csv", env!("CARGO_MANIFEST_DIR"))]);
    s.ok(&["report", "s.pdf"]);
    let w = audited();
    for pdf in [w.path("report.pdf"), s.path("s.pdf")] {
        let Some(ws) = pdf_words(&pdf) else { return };
        for mk in ws.iter().filter(|v| v.text == "(continued)" || v.text == "(cont.)") {
            let ys: std::collections::BTreeSet<i64> = ws
                .iter()
                .filter(|v| v.page == mk.page && v.y0 >= mk.y0 - 0.5 && v.y1 < 841.89 - 62.0 && v.x0 > mk.x1)
                .map(|v| ((v.y0 + v.y1) / 2.0).round() as i64)
                .collect();
            assert!(ys.len() >= 4, "{}: page {}: a continued part of {} lines", pdf.display(), mk.page + 1, ys.len());
        }
    }
}

/// A row taller than a page (a module with ninety linked readings) must be
/// split: it is, and every part on a page holds at least four lines.
#[test]
fn a_row_taller_than_a_page_is_split_into_parts_of_four_lines_or_more() {
    let w = Workdir::new();
    let mut m = String::from("programme,year,module_code,module_title,session_title,learning_outcomes,themes\n");
    m.push_str("P,1,A1,Anatomy,Colonial history of anatomy,Describe the history of anatomy,historical-awareness\n");
    m.push_str("P,2,B2,Physiology,Renal physiology,Describe the nephron,\n");
    let mut r = String::from("title,authors,year,type,themes,notes,language,status\n");
    for i in 0..90 {
        r.push_str(&format!(
            "Colonial anatomy and empire number {i},\"Author{i}, A.\",{},article,historical-awareness,,en,approved\n",
            1920 + i
        ));
    }
    let mp = w.write("m.csv", m);
    let rp = w.write("r.csv", r);
    w.ok(&["audit", mp.to_str().unwrap(), rp.to_str().unwrap(), "--out", "x.pdf"]);
    let list = w.reading_list();
    let ids: Vec<String> = list.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap().to_string()).collect();
    assert_eq!(ids.len(), 90);
    for id in &ids {
        w.ok(&["link", id, "A1", "--by", "amina"]);
    }
    w.ok(&["report", "r.pdf"]);
    let Some(ws) = pdf_words(&w.path("r.pdf")) else { return };
    // Each "(continued)" / "(cont.)" opens a part: the part holds at least four lines.
    let marks: Vec<&Word> = ws.iter().filter(|v| v.text == "(continued)" || v.text == "(cont.)").collect();
    assert!(!marks.is_empty(), "the tall row is split");
    for mk in marks {
        // The lines of the part: the distinct baselines on its page from the mark down to the
        // next ruled row (approximated by the lines whose words are in the part's columns
        // right of the first and below the mark, up to the page's last body line).
        let ys: std::collections::BTreeSet<i64> = ws
            .iter()
            .filter(|v| v.page == mk.page && v.y0 >= mk.y0 - 0.5 && v.y1 < 841.89 - 62.0 && v.x0 > mk.x1)
            .map(|v| ((v.y0 + v.y1) / 2.0).round() as i64)
            .collect();
        assert!(ys.len() >= 4, "page {}: a continued part of {} lines", mk.page + 1, ys.len());
    }
}

/// The widow rule: in the sample report the F3 cell that ended on "yet."
/// alone now ends on a line of two words or more; and in every page of
/// the sample report, no paragraph line of body text is the lone word
/// "yet." (nor any line of a table cell).
#[test]
fn no_cell_ends_on_a_lone_short_word_its_previous_line_could_join() {
    let w = audited();
    let Some(ws) = pdf_words(&w.path("report.pdf")) else { return };
    let mut seen = 0;
    for y in ws.iter().filter(|v| v.text == "yet.") {
        seen += 1;
        // The word just left of it on its line, in the same cell (within a space's width).
        let line = line_of(&ws, y);
        let left = line.iter().filter(|v| v.x1 <= y.x0 + 0.5).map(|v| v.x1).fold(f32::MIN, f32::max);
        assert!(y.x0 - left < 6.0, "page {}: \"yet.\" alone at x {} (nearest word ends at {left})", y.page + 1, y.x0);
    }
    assert!(seen > 0, "the sample report says \"yet.\"");
}

// ---------------------------------------------------------------------------
// 3. Gap numbers in page order.

/// The gap numbers of `text` in the order they appear, ranges ("G19–G21")
/// expanded.
fn gap_numbers(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    let mut last: Option<u64> = None;
    let mut dash = false;
    while i < b.len() {
        if b[i] == b'G' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && i + 1 < b.len() && b[i + 1].is_ascii_digit()
        {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j < b.len() && b[j].is_ascii_alphanumeric() {
                i = j;
                continue;
            }
            let n: u64 = text[i + 1..j].parse().unwrap();
            match (dash, last) {
                (true, Some(a)) if a < n => out.extend(a + 1..=n),
                _ => out.push(n),
            }
            last = Some(n);
            dash = text[j..].starts_with('\u{2013}');
            i = j + if dash { '\u{2013}'.len_utf8() } else { 0 };
            continue;
        }
        dash = false;
        i += 1;
    }
    out
}

#[test]
fn gap_numbers_follow_the_order_of_the_gap_tables() {
    let w = audited();
    let v = json(&w, "r.json");
    let gaps = v["gaps"].as_array().unwrap();
    let n = gaps.len() as u64;
    // JSON: G1..Gn in order.
    for (i, g) in gaps.iter().enumerate() {
        assert_eq!(g["id"], format!("G{}", i + 1));
    }
    // The PDF's gap tables (after the findings table, before "What each module should read"):
    // every number first appears right after the highest one seen so far.
    let pages = pdf_text(&w.path("report.pdf"));
    let all = pages.join("\n");
    let start = all.find("Themes not taught (").or_else(|| all.find("Themes not returned to (")).expect("a gap table");
    let end = start + all[start..].find("Per module: the readings").expect("the next section");
    let seq = gap_numbers(&all[start..end]);
    let mut top = 0;
    for x in &seq {
        assert!(*x <= top + 1, "G{x} appears before G{}: the tables are not in number order ({seq:?})", top + 1);
        top = top.max(*x);
    }
    assert_eq!(top, n, "every gap appears in the tables");
    // The sample's module table: MED1002 (no theme at all) has consecutive numbers.
    let med1002: Vec<u64> = gaps
        .iter()
        .filter(|g| g["module_code"] == "MED1002" && g["kind"] == "module-gap")
        .map(|g| g["id"].as_str().unwrap()[1..].parse().unwrap())
        .collect();
    assert_eq!(med1002.len(), 3);
    assert_eq!(med1002[2] - med1002[0], 2, "{med1002:?}");
    // The same numbers in `canon gaps`, and its order.
    let listed = w.json(&["gaps", "--format", "json"]);
    let ids: Vec<&str> = listed.as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap()).collect();
    let want: Vec<String> = (1..=n).map(|i| format!("G{i}")).collect();
    assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
    for g in listed.as_array().unwrap() {
        let same = gaps.iter().find(|x| x["id"] == g["id"]).unwrap();
        assert_eq!((&g["kind"], &g["scope"], &g["theme"]), (&same["kind"], &same["scope"], &same["theme"]));
    }
    // The methods page says how.
    let flat: String = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Gaps are numbered G1, G2, … in the order the Gaps section prints them"), "methods");
    assert!(v["methods"]["gap_numbering"].as_str().unwrap().starts_with("Gaps are numbered"));
}

// ---------------------------------------------------------------------------
// 4. One finding per fact.

/// In the samples, the 14 modules with no theme are counted once: their
/// module gaps belong to the finding on modules with no theme, each theme's
/// finding counts only modules that teach another theme and names how many
/// more teach none, with that finding's ID.
#[test]
fn a_module_with_no_theme_is_one_fact_in_one_finding() {
    let w = audited();
    let v = json(&w, "r.json");
    let gaps = v["gaps"].as_array().unwrap();
    let findings = v["findings"].as_array().unwrap();
    let untagged: Vec<&serde_json::Value> = gaps.iter().filter(|g| g["kind"] == "untagged-module").collect();
    assert_eq!(untagged.len(), 14, "the samples' modules with no theme");
    let f_id = untagged[0]["finding"].as_str().unwrap().to_string();
    assert!(untagged.iter().all(|g| g["finding"] == f_id.as_str()));
    let no_theme: Vec<&str> = untagged.iter().map(|g| g["scope"].as_str().unwrap()).collect();
    // Every module gap of those modules is in that finding, and no other finding holds one.
    let mut moved = 0;
    for g in gaps.iter().filter(|g| g["kind"] == "module-gap") {
        let of_untagged = no_theme.contains(&g["scope"].as_str().unwrap());
        if of_untagged {
            moved += 1;
            assert_eq!(g["finding"], f_id.as_str(), "{}: {}", g["id"], g["scope"]);
        } else {
            assert_ne!(g["finding"], f_id.as_str(), "{}", g["id"]);
        }
    }
    assert!(moved > 0);
    // MED1002 teaches no theme: its gaps are in one finding.
    let med: std::collections::BTreeSet<&str> =
        gaps.iter().filter(|g| g["module_code"] == "MED1002").map(|g| g["finding"].as_str().unwrap()).collect();
    assert_eq!(med.len(), 1, "{med:?}");
    // Each theme's findings: missing counts modules that teach another theme; no_theme the rest,
    // and a finding with no_theme > 0 says so with the ID of the finding that counts them.
    let mut said = 0;
    for f in findings.iter().filter(|f| f["theme"].is_string()) {
        let Some(m) = f.get("modules").filter(|m| !m.is_null()) else { continue };
        let (missing, nt) = (m["missing"].as_u64().unwrap(), m["no_theme"].as_u64().unwrap());
        let theme = f["theme"].as_str().unwrap();
        let gaps_here = f["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|id| gaps.iter().any(|g| g["id"] == **id && g["kind"] == "module-gap"))
            .count() as u64;
        assert_eq!(gaps_here, missing, "{}: {f}", f["id"]);
        let head = f["headline"].as_str().unwrap();
        if nt > 0 {
            said += 1;
            let clause = if f["kind"] == "theme-modules" {
                format!("besides the {nt} modules with no theme at all ({f_id})")
            } else {
                format!("Of these, {nt} modules teach no theme at all ({f_id}).")
            };
            assert!(head.contains(&clause), "{}: {head:?} lacks {clause:?}", f["id"]);
            if f["kind"] == "theme-modules" {
                assert!(head.contains(&format!("{missing} of the ")), "{head}");
                assert!(head.contains("teach another theme but have no session on"), "{head}");
            }
        }
        // Together, every module without the theme, as the moved gaps show.
        let moved_here = gaps
            .iter()
            .filter(|g| {
                g["theme"] == theme
                    && g["finding"] == f_id.as_str()
                    && m["years"].as_array().unwrap().contains(&g["year"])
            })
            .count() as u64;
        assert_eq!(moved_here, nt, "{}: {f}", f["id"]);
    }
    assert!(said >= 3, "the three themes' findings name the modules with no theme ({said})");
    // The finding on modules with no theme says it holds their gaps on single themes.
    let f4 = findings.iter().find(|f| f["id"] == f_id.as_str()).unwrap();
    assert!(
        f4["next_step"].as_str().unwrap().contains(&format!("their {moved} gaps on single themes are counted here")),
        "{f4}"
    );
    // The methods page states the rule (the sentence may cross a page: the
    // running header and the page number are left out).
    let flat: String = pdf_text(&w.path("report.pdf"))
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| {
            let l = l.trim();
            !(l.starts_with("Page ") && l.contains(" of ")) && l != "Decolonising the curriculum: audit report"
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("a module that teaches no theme misses every theme: one fact, counted once"), "methods");
}

/// A report on part of the curriculum keeps the whole's numbers, and still
/// prints them in increasing order (a subset of the whole's order), in the
/// PDF's gap tables and the JSON.
#[test]
fn a_scoped_report_prints_the_wholes_numbers_in_increasing_order() {
    let w = audited();
    for scope in [&["--theme", "epistemic-bias"][..], &["--year", "2"][..]] {
        w.ok(&[&["report", "s.pdf"][..], scope].concat());
        w.ok(&[&["report", "s.json"][..], scope].concat());
        let v = json(&w, "s.json");
        let ids: Vec<u64> =
            v["gaps"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap()[1..].parse().unwrap()).collect();
        assert!(ids.len() > 3, "{scope:?}: {ids:?}");
        assert!(ids.windows(2).all(|p| p[0] < p[1]), "{scope:?}: {ids:?}");
        let whole = json(&w, "r.json");
        for g in v["gaps"].as_array().unwrap() {
            let same = whole["gaps"].as_array().unwrap().iter().find(|x| x["id"] == g["id"]).unwrap();
            assert_eq!((&same["kind"], &same["scope"], &same["theme"]), (&g["kind"], &g["scope"], &g["theme"]));
        }
        let all = pdf_text(&w.path("s.pdf")).join("\n");
        let first_table =
            ["Themes not taught (", "Themes not returned to (", "Modules with no theme (", "Modules missing a theme ("]
                .iter()
                .filter_map(|h| all.find(h))
                .min()
                .expect("a gap table");
        // The gap tables end where the next section's lead-in starts (its
        // heading's words also occur inside table cells).
        let end = first_table + all[first_table..].find("Per module: the readings").expect("the next section");
        let mut seen: Vec<u64> = Vec::new();
        for x in gap_numbers(&all[first_table..end]) {
            if !seen.contains(&x) {
                seen.push(x);
            }
        }
        assert!(seen.windows(2).all(|p| p[0] < p[1]), "{scope:?}: first appearances {seen:?}");
        assert_eq!(seen, ids, "{scope:?}: the tables show the scope's gaps");
    }
}
