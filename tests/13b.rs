//! Issue 13 (13b): pages used, no lone last word, search that folds every
//! letter, and `suggest` on the tester's sessions. Read back from the PDF
//! (`pdftotext -bbox`), the JSON and CSV of the real binary and the web page:
//! 1. a page before the last of a table is at least half full unless the
//!    next section starts on the next page: a long row splits rather than
//!    leave half a page empty;
//! 2. a note under a right-to-left reference is indented as every note;
//! 3. no paragraph or cell ends on one word its line before could join,
//!    whatever the word's length, and "[not reviewed]" is never broken;
//! 4. search folds letters the index keeps ("Lodzi" finds "Łodzi",
//!    "ιατρικη" "ιατρικής"), a module code's start finds the module, a hit
//!    with no relevance shows no score, and the web page counts modules;
//! 5. `suggest` proposes the tester's sessions and not an organisation's
//!    "culture of safety", and the samples keep their 15 proposals.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{Word, Workdir, line_of, pdf_words, sample, suggested};

/// The page's content area (A4, below the running header, above the footer).
const TOP: f32 = 68.0;
const BOTTOM: f32 = 841.89 - 62.0;

fn audited() -> Workdir {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "report.pdf"]);
    w
}

fn many_scripts() -> Workdir {
    let w = Workdir::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/many_scripts.csv");
    w.ok(&["import", "reading", data.to_str().unwrap()]);
    w
}

// ---------------------------------------------------------------------------
// 1. Pages used.

/// The body words of page `p`: below the running header, above the footer.
fn body(ws: &[Word], p: usize) -> Vec<&Word> {
    ws.iter().filter(|w| w.page == p && w.y0 > TOP - 4.0 && w.y1 < BOTTOM + 4.0).collect()
}

/// Every page of the sample report but the title page and the last is at
/// least half full, unless the next page opens a section (its first line is
/// an 18-point heading): a table's long rows split over the page instead of
/// each moving to the next whole (the tester's pages 15-18 were half empty).
#[test]
fn no_page_of_a_table_is_left_half_empty() {
    let w = audited();
    let Some(ws) = pdf_words(&w.path("report.pdf")) else { return };
    let pages = ws.iter().map(|w| w.page).max().unwrap() + 1;
    let mut short = Vec::new();
    for p in 1..pages - 1 {
        let bottom = body(&ws, p).iter().map(|w| w.y1).fold(TOP, f32::max);
        if bottom - TOP >= (BOTTOM - TOP) * 0.5 {
            continue;
        }
        let next = body(&ws, p + 1);
        let top = next.iter().map(|w| w.y0).fold(f32::MAX, f32::min);
        let heading = next.iter().filter(|w| (w.y0 - top).abs() < 1.0).all(|w| w.y1 - w.y0 > 14.0);
        if !heading {
            short.push(format!("page {} ends at y {bottom:.0} of {BOTTOM:.0}", p + 1));
        }
    }
    assert!(short.is_empty(), "half-empty pages before more of the same section:\n{}", short.join("\n"));
    // The rows that now split say so on the next page.
    assert!(ws.iter().any(|w| w.text == "(continued)" || w.text == "(cont.)"), "a long row is continued");
}

/// A continued part of a split row holds at least four lines, as before
/// (no stub under a repeated header).
#[test]
fn a_split_row_leaves_no_stub() {
    let w = audited();
    let Some(ws) = pdf_words(&w.path("report.pdf")) else { return };
    let marks: Vec<&Word> = ws.iter().filter(|v| v.text == "(continued)" || v.text == "(cont.)").collect();
    assert!(!marks.is_empty());
    for mk in marks {
        let ys: BTreeSet<i64> = ws
            .iter()
            .filter(|v| v.page == mk.page && v.y0 >= mk.y0 - 0.5 && v.y1 < BOTTOM && v.x0 > mk.x1)
            .map(|v| ((v.y0 + v.y1) / 2.0).round() as i64)
            .collect();
        assert!(ys.len() >= 4, "page {}: a continued part of {} lines", mk.page + 1, ys.len());
        // And the part before the break, at the foot of the page before: the
        // last four lines of body there are in the table (below its header).
        let before = body(&ws, mk.page - 1);
        let last: BTreeSet<i64> = before.iter().map(|v| ((v.y0 + v.y1) / 2.0).round() as i64).collect();
        assert!(last.len() >= 4, "page {} has the row's first part", mk.page);
    }
}

// ---------------------------------------------------------------------------
// 2. A note under a right-to-left reference.

/// In the report of the many-scripts list, the English notes under the
/// Hebrew and Arabic references ("Hebrew", "Arabic") start where the Latin
/// references' notes ("Polish", "Greek") start: one column, right of the labels.
#[test]
fn notes_under_rtl_references_have_the_same_indent_as_every_note() {
    let w = many_scripts();
    w.ok(&["report", "s.pdf"]);
    let Some(ws) = pdf_words(&w.path("s.pdf")) else { return };
    let x = |name: &str| -> Vec<f32> {
        // A note's line: "Polish — book [not reviewed]" (the facet tables name languages too).
        ws.iter()
            .filter(|v| {
                let line = line_of(&ws, v);
                let i = line.iter().position(|o| std::ptr::eq(*o, *v)).unwrap();
                v.text == name && line.get(i + 1).is_some_and(|n| n.text == "\u{2014}")
            })
            .map(|v| v.x0)
            .collect()
    };
    let (polish, greek, hebrew, arabic) = (x("Polish"), x("Greek"), x("Hebrew"), x("Arabic"));
    assert!(!polish.is_empty() && !hebrew.is_empty() && !arabic.is_empty(), "{polish:?} {hebrew:?} {arabic:?}");
    let indent = polish[0];
    assert!(indent > 56.69 + 10.0, "notes are indented right of the labels: {indent}");
    for (name, xs) in [("Greek", &greek), ("Hebrew", &hebrew), ("Arabic", &arabic)] {
        for v in xs.iter() {
            assert!((v - indent).abs() < 1.0, "the note {name} starts at x {v}, the Polish note at {indent}");
        }
    }
}

// ---------------------------------------------------------------------------
// 3. No lone last word.

/// In the sample report, the words the tester found alone at the end of a
/// paragraph or cell ("chooses.", "keywords.") have a word beside them on
/// their line, and every "reviewed]" follows its "[not" on the same line.
#[test]
fn no_paragraph_or_cell_ends_on_one_word_alone() {
    let w = audited();
    let Some(ws) = pdf_words(&w.path("report.pdf")) else { return };
    let mut seen = 0;
    for target in ["chooses.", "keywords.", "reviewed]"] {
        for y in ws.iter().filter(|v| v.text == target) {
            seen += 1;
            let line = line_of(&ws, y);
            let left = line.iter().filter(|v| v.x1 <= y.x0 + 0.5).max_by(|a, b| a.x1.total_cmp(&b.x1));
            let Some(left) = left else { panic!("page {}: {target:?} starts its line", y.page + 1) };
            assert!(
                y.x0 - left.x1 < 6.0,
                "page {}: {target:?} alone at x {} (nearest word {:?} ends at {})",
                y.page + 1,
                y.x0,
                left.text,
                left.x1
            );
            if target == "reviewed]" {
                assert_eq!(left.text, "[not", "page {}: \"[not reviewed]\" is broken", y.page + 1);
            }
        }
    }
    assert!(seen > 5, "the sample report holds these words ({seen})");
}

/// The many-scripts report's notes end "— book [not reviewed]": the label
/// is never broken inside, in any note.
#[test]
fn a_bracketed_label_is_never_broken() {
    let w = many_scripts();
    w.ok(&["report", "s.pdf"]);
    let Some(ws) = pdf_words(&w.path("s.pdf")) else { return };
    let mut seen = 0;
    for r in ws.iter().filter(|v| v.text == "reviewed]") {
        seen += 1;
        let line = line_of(&ws, r);
        let i = line.iter().position(|v| std::ptr::eq(*v, r)).unwrap();
        assert!(i > 0 && line[i - 1].text == "[not", "page {}: {:?}", r.page + 1, line);
    }
    assert!(seen > 0);
}

// ---------------------------------------------------------------------------
// 4. Search.

fn titles(w: &Workdir, q: &str) -> Vec<String> {
    w.search_titles(q)
}

/// Letters that do not decompose (Ł, ø, ß, æ...) and Greek accents and final
/// sigma fold, both ways: what is typed without them finds the title with
/// them, and what is typed with them finds it too.
#[test]
fn search_folds_every_letter() {
    let w = many_scripts();
    let lodz = "Historia medycyny w Łodzi".to_string();
    let greek = "Ιστορία της ιατρικής στην Ελλάδα".to_string();
    for q in ["Lodzi", "lodzi", "Łodzi", "ŁODZI", "medycyny Lodzi", "\"w Lodzi\"", "Lodz*"] {
        assert!(titles(&w, q).contains(&lodz), "{q}: {:?}", titles(&w, q));
    }
    for q in ["ιατρικη", "ιατρικης", "ιατρικής", "ΙΑΤΡΙΚΗΣ", "ιστορια", "Ελλαδα", "ιατρικη Ελλαδα"]
    {
        assert!(titles(&w, q).contains(&greek), "{q}: {:?}", titles(&w, q));
    }
    // A NOT leaves the folded match out too, and a word not in the title finds nothing.
    assert!(!titles(&w, "medycyny -Lodzi").contains(&lodz));
    assert!(!titles(&w, "Lodzia").contains(&lodz));
    assert!(titles(&w, "Lodzkie").is_empty());
    // The folded hit's snippet is its line, and it has no score.
    let v = w.json(&["search", "Lodzi", "--format", "json"]);
    let hit = v.as_array().unwrap().iter().find(|h| h["title"] == lodz.as_str()).unwrap();
    assert_eq!(hit["score"], serde_json::Value::Null, "{hit}");
    assert!(hit["snippet"].as_str().unwrap().contains("Łodzi"), "{hit}");
}

/// Words that folding would widen do not change what English text finds:
/// "race" finds no "racemic" (the index's stems, not prefixes).
#[test]
fn folding_does_not_widen_english_words() {
    let w = audited();
    let all: Vec<String> = titles(&w, "race");
    assert!(!all.is_empty());
    let v = w.json(&["search", "race", "--format", "json"]);
    for h in v.as_array().unwrap() {
        assert!(h["score"].is_f64(), "a ranked hit has its score: {h}");
    }
}

/// A module code's start finds the modules ("MED30" → MED3001...), on the
/// command line and the web page, and the web page always counts modules.
#[test]
fn a_code_start_finds_its_modules() {
    let w = audited();
    let v = w.json(&["search", "MED30", "--format", "json"]);
    let codes: BTreeSet<String> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "module")
        .map(|h| h["context"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.len() >= 3, "{codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("MED30")), "{codes:?}");
    // Lower case too, and a whole code still finds exactly its module.
    let v = w.json(&["search", "med3001", "--format", "json"]);
    let m: Vec<&serde_json::Value> = v.as_array().unwrap().iter().filter(|h| h["kind"] == "module").collect();
    assert_eq!(m.len(), 1, "{v}");
    assert_eq!(m[0]["context"], "MED3001");
    // Without a digit, a word is no code: "MED" is not every module.
    let v = w.json(&["search", "MED", "--format", "json"]);
    assert!(v.as_array().unwrap().iter().all(|h| h["kind"] != "module"), "{v}");
}

/// CJK hits are found by scanning and have no relevance: the table and the
/// CSV leave the score empty, the JSON gives null (the tester saw 0.00).
#[test]
fn unranked_hits_show_no_score() {
    let w = many_scripts();
    let v = w.json(&["search", "医学", "--format", "json"]);
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["score"].is_null()), "{v}");
    let csv = w.ok(&["search", "医学", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let head = r.headers().unwrap().clone();
    let si = head.iter().position(|h| h == "score").unwrap();
    for rec in r.records() {
        assert_eq!(&rec.unwrap()[si], "", "{csv}");
    }
    let table = w.ok(&["search", "医学"]);
    assert!(!table.contains("0.00"), "{table}");
}

#[test]
fn web_search_counts_modules_and_takes_either_direction() {
    let w = audited();
    let server = common::web::Server::start(&w, &[]);
    let mut c = server.client();
    c.login("amina");
    let page = c.page("/search?q=zzzzqqq");
    let text = common::web::strip_tags(&page);
    assert!(text.contains("0 modules, 0 sessions and 0 readings match"), "{text}");
    assert!(page.contains(r#"name="q""#) && page.contains(r#"dir="auto""#), "{page}");
    let input = page.split("<input").find(|s| s.contains(r#"name="q""#)).unwrap();
    assert!(input.contains(r#"dir="auto""#), "{input}");
    let page = c.page("/search?q=MED30");
    let text = common::web::strip_tags(&page);
    assert!(text.contains("modules, ") && !text.contains("0 modules"), "{text}");
    assert!(text.contains("MED3001"), "{text}");
    let page = c.page(&format!("/search?q={}", common::web::enc("Lodzi")));
    assert!(common::web::strip_tags(&page).contains("0 readings"), "the samples have no Łodzi");
}

// ---------------------------------------------------------------------------
// 5. suggest.

#[test]
fn suggest_finds_the_testers_sessions_and_not_a_culture_of_safety() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let ih = "intersectional-health";
    let eb = "epistemic-bias";
    let cases: &[(&str, &[&str])] = &[
        ("Culture of safety in theatres", &[]),
        ("A just culture and incident reporting", &[]),
        ("Building a culture of candour on the ward", &[]),
        ("Blood culture interpretation", &[]),
        ("Taking a sexual history", &[]),
        ("Colonic polyps and colon cancer", &[]),
        ("Extreme weather and heat illness", &[]),
        ("Weathering and allostatic load in Black women", &[ih]),
        ("Islamophobia and antisemitism in the NHS", &[ih]),
        ("Xenophobia and the health of migrants", &[ih]),
        ("Gender bias in cardiology trials", &[eb]),
        ("Sex and gender differences in drug trials", &[ih]),
        ("Women's heart attack symptoms are missed", &[eb]),
        ("How culture may affect health beliefs", &[ih]),
    ];
    let titles: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let got = suggested(&w, &titles);
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(t, want)| got[*t] != want.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>())
        .map(|(t, want)| format!("{t:?}: want {want:?}, got {:?}", got[*t]))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The samples' untagged sessions keep their 15 proposals.
#[test]
fn the_samples_keep_their_fifteen_proposals() {
    let w = audited();
    let s = w.json(&["suggest", "--target", "items", "--format", "json"]);
    let n = s.as_array().unwrap().len();
    assert_eq!(n, 15, "{s:#}");
}

/// An existing database gets the new keywords from migration 0021.
#[test]
fn an_existing_database_gets_the_new_keywords() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let version = w.count("PRAGMA user_version");
    let conn = rusqlite::Connection::open(w.db()).unwrap();
    let gone = conn
        .execute("DELETE FROM theme_keyword WHERE keyword IN ('allostatic load', 'islamophobia', 'gender bias')", [])
        .unwrap();
    assert_eq!(gone, 3, "a new database is seeded with them");
    // The database as 0021 found it: without 0022's columns (branch 12d), 0024's (12e) and 0026's
    // (the access date), which came after.
    conn.execute_batch(
        "ALTER TABLE reading DROP COLUMN page_count; ALTER TABLE reading DROP COLUMN series_number; \
         ALTER TABLE reading DROP COLUMN day_end; \
         ALTER TABLE reading DROP COLUMN season_end; ALTER TABLE reading DROP COLUMN accessed; \
         ALTER TABLE reading DROP COLUMN original_year; DROP TABLE reading_translator; \
         ALTER TABLE reading DROP COLUMN original_title; ALTER TABLE reading DROP COLUMN volume_title; \
         ALTER TABLE reading DROP COLUMN number_of_volumes; ALTER TABLE reading DROP COLUMN type_inferred; \
         DROP TABLE reading_other_isbn; ALTER TABLE reading DROP COLUMN year_end_month; ALTER TABLE reading DROP COLUMN year_end; \
         ALTER TABLE reading DROP COLUMN editors_truncated; ALTER TABLE reading DROP COLUMN archive; ALTER TABLE reading DROP COLUMN archive_location; DROP INDEX reading_pmcid; DROP INDEX reading_eprint; ALTER TABLE reading DROP COLUMN pmcid; ALTER TABLE reading DROP COLUMN eprint; ALTER TABLE reading DROP COLUMN event; ALTER TABLE reading DROP COLUMN event_place; ALTER TABLE reading DROP COLUMN event_date",
    )
    .unwrap();
    // Before 0022: eleven migrations back since 0024 (12e), 0025 (13e), 0026, 0027, 0028, 0029, 0030, 0031, 0032, 0033 and 0034 came after 0023
    // (and 0035, 0036; and 0041, 0042).
    conn.pragma_update(None, "user_version", version - 21).unwrap();
    drop(conn);
    w.ok(&["check"]);
    assert_eq!(w.count("PRAGMA user_version"), version);
    assert_eq!(
        w.count(
            "SELECT count(*) FROM theme_keyword WHERE keyword IN ('allostatic load', 'islamophobia', 'gender bias')"
        ),
        3
    );
}
