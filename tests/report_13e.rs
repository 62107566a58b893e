//! Issue 13 (13e): the gaps a new user found in the committee report, its
//! CSVs and the web pages, each tested through the real binary.
//! 1. a table's closing note never starts a page alone (read back from the PDF);
//! 2. theme names beside the slugs in the CSVs and JSON of `coverage`,
//!    `item list` and `reading list`, quoted and formula-safe;
//! 3. proposal reasons a reader believes (no generic word, no word shared
//!    in two senses) and the seeded "decolonising the curriculum" phrase;
//! 4. the web's flash isolates a theme's name; folded search hits are marked;
//! 5. no gap names one session twice.

mod common;

use std::path::Path;

use common::web::{Server, csrf, flash};
use common::{Workdir, pdf_words};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

/// A CSV's header and rows.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let h = r.headers().expect("header").iter().map(String::from).collect();
    let rows = r.records().map(|x| x.expect("record").iter().map(String::from).collect()).collect();
    (h, rows)
}

// ---------------------------------------------------------------------------
// 1. A table's closing note.

/// The tester's small curriculum (10 sessions over 6 modules, 5 readings),
/// with `extra` more modules of one session each, each linked to Sjoding's
/// reading: each adds a row to "What each module should read", moving its
/// closing note down the page a row at a time.
fn small_with(extra: usize) -> Workdir {
    let w = Workdir::new();
    let mut m = std::fs::read_to_string(data("small_modules_13d.csv")).unwrap();
    for i in 0..extra {
        m.push_str(&format!(
            "Test MD,4,TM4{i:02},Elective {i},Elective session {i} on wound dressing,Apply a dressing to a wound,\n"
        ));
    }
    let mp = w.write("m.csv", m);
    w.ok(&["import", "modules", mp.to_str().unwrap()]);
    w.ok(&["import", "reading", &data("small_reading_13d.csv")]);
    for i in 0..extra {
        w.ok(&["link", "10.1056/NEJMc2029240", &format!("TM4{i:02}"), "--by", "amina"]);
    }
    w
}

/// However many rows the table has, the note that closes "What each module
/// should read" ("No linked reading and no approved reading that fits yet
/// (N): …") is never the first thing on its page: a row of the table is on
/// the page above it. Before 13e, with 20 linked modules the note stood
/// alone at the top of page 15.
#[test]
fn a_closing_note_never_starts_a_page_alone() {
    for extra in 14..26 {
        let w = small_with(extra);
        w.ok(&["report", "r.pdf"]);
        let Some(ws) = pdf_words(&w.path("r.pdf")) else { return };
        let at = ws
            .windows(3)
            .position(|x| x[0].text == "No" && x[1].text == "linked" && x[2].text == "reading")
            .unwrap_or_else(|| panic!("{extra} linked modules: no closing note"));
        let note = &ws[at];
        // The body of the note's page: below the running header's rule.
        let above: Vec<&str> = ws
            .iter()
            .filter(|v| v.page == note.page && v.y0 > 60.0 && v.y1 < note.y0)
            .map(|v| v.text.as_str())
            .collect();
        assert!(
            above.iter().any(|t| t.starts_with("TM")),
            "{extra} linked modules: the closing note opens page {} with no row of its table above it: {above:?}",
            note.page + 1
        );
    }
}

// ---------------------------------------------------------------------------
// 2. Theme names in the CSVs and JSON.

/// A database with one session and one reading tagged with a theme whose
/// name has a comma, quotes, a right-to-left script and a formula's opening
/// sign, and one with an ordinary name.
fn named_themes() -> (Workdir, &'static str) {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         TM,1,TM101,Foundations,Spirometry and race correction,Interpret spirometry,epistemic-bias; historical-awareness\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let r = w.write(
        "r.csv",
        "title,authors,year,type,doi,url,themes,notes\n\
         Medical Apartheid,Washington HA,2006,book,,,epistemic-bias; historical-awareness,History.\n",
    );
    w.ok(&["import", "reading", r.to_str().unwrap()]);
    let name = "=Bias, \"quoted\" and التحيز";
    w.ok(&["theme", "edit", "epistemic-bias", "--name", name, "--by", "amina"]);
    (w, name)
}

/// `item list` and `reading list` in CSV: a `theme_names` column beside
/// `themes`, in the same order; the name with a comma and quotes survives
/// the CSV's quoting whole, and opens with an apostrophe, as every cell
/// that a spreadsheet would run as a formula does. JSON has `theme_names`.
#[test]
fn item_and_reading_lists_name_their_themes_beside_the_slugs() {
    let (w, name) = named_themes();
    for list in ["item", "reading"] {
        let (h, rows) = read_csv(&w.ok(&[list, "list", "--format", "csv"]));
        let at = h.iter().position(|c| c == "themes").unwrap_or_else(|| panic!("{list}: no themes column {h:?}"));
        assert_eq!(h[at + 1], "theme_names", "{list}: {h:?}");
        assert_eq!(rows.len(), 1, "{list}: {rows:?}");
        assert_eq!(rows[0][at], "epistemic-bias; historical-awareness", "{list}");
        assert_eq!(rows[0][at + 1], format!("'{name}; Historical awareness"), "{list}: formula-safe, whole");
        let json = w.json(&[list, "list", "--format", "json"]);
        assert_eq!(json[0]["themes"], serde_json::json!(["epistemic-bias", "historical-awareness"]), "{list}");
        assert_eq!(json[0]["theme_names"], serde_json::json!([name, "Historical awareness"]), "{list}");
    }
    // A table on screen is unchanged: slugs, no second column.
    let table = w.ok(&["item", "list"]);
    assert!(!table.contains("theme_names"), "{table}");
}

/// `coverage --format csv` heads each theme's column with its name and, in
/// square brackets, its slug (as its help says); the JSON gives each row
/// `theme_names` beside `themes`; a table keeps the slugs.
#[test]
fn the_coverage_matrix_names_its_theme_columns_and_keeps_the_slugs() {
    let (w, name) = named_themes();
    let (h, rows) = read_csv(&w.ok(&["coverage", "--format", "csv"]));
    let bias = format!("'{name} [epistemic-bias]");
    assert!(h.contains(&bias), "{h:?}");
    assert!(h.contains(&"Historical awareness [historical-awareness]".to_string()), "{h:?}");
    let col = h.iter().position(|c| *c == bias).unwrap();
    assert_eq!(rows[0][col], "1", "{rows:?}");
    // Every theme column gives its slug back as the text in its last brackets.
    let slugs: Vec<&str> = h[5..h.len() - 1]
        .iter()
        .map(|c| c.rsplit_once('[').and_then(|(_, s)| s.strip_suffix(']')).unwrap_or_else(|| panic!("{c}")))
        .collect();
    assert!(slugs.contains(&"epistemic-bias") && slugs.contains(&"historical-awareness"), "{slugs:?}");
    let json = w.json(&["coverage", "--format", "json"]);
    assert_eq!(json[0]["themes"]["epistemic-bias"], 1);
    assert_eq!(json[0]["theme_names"]["epistemic-bias"], name);
    let help = w.ok(&["coverage", "--help"]);
    assert!(help.contains("[historical-awareness]"), "{help}");
    let table = w.ok(&["coverage"]);
    assert!(table.contains("epistemic-bias") && !table.contains("[epistemic-bias]"), "{table}");
}

// ---------------------------------------------------------------------------
// 4. The web.

/// A flash message that names a theme puts the name in a `<bdi>` (an
/// Arabic name does not carry the message's full stop to its other side),
/// escaped; a hit found by folding ("Lodzi" for "Łodzi", "medecine" for
/// "MÉDECINE") is marked as an exact one is.
#[test]
fn the_web_isolates_a_theme_name_and_marks_folded_hits() {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         TM,2,TM201,Respiratory medicine,Spirometry and race correction,Interpret spirometry\n\
         TM,2,TM201,Respiratory medicine,Historia medycyny w Łodzi,Describe LA MÉDECINE coloniale\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&["theme", "edit", "epistemic-bias", "--name", "التحيز المعرفي <b>", "--by", "amina"]);
    let item = w.json(&["item", "list", "--module", "TM201", "--format", "json"])[0]["id"].as_i64().unwrap();
    let theme = w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["id"].as_i64().unwrap();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let token = csrf(&c.page("/import"));
    let target = format!("item:{item}");
    let r = c.post_form("/tag", &[("csrf", &token), ("target", &target), ("theme", &theme.to_string()), ("back", "/")]);
    let page = c.follow(&r);
    assert!(
        page.contains("with <bdi>التحيز المعرفي &lt;b&gt;</bdi>."),
        "the theme's name is isolated and escaped: {:?}",
        flash(&page)
    );
    assert!(!page.contains('\u{2068}') && !page.contains('\u{2069}'), "the isolate marks are not sent");
    for (q, marked) in [("Lodzi", "<mark>Łodzi</mark>"), ("medecine", "<mark>MÉDECINE</mark>")] {
        let hits = c.page(&format!("/search?q={q}"));
        assert!(hits.contains("Historia medycyny"), "{q} finds the session: {hits}");
        assert!(hits.contains(marked), "{q}: the folded hit is marked: {hits}");
    }
    // An exact hit is marked as before.
    let hits = c.page("/search?q=spirometry");
    assert!(hits.contains("<mark>"), "{hits}");
}

// ---------------------------------------------------------------------------
// 3. Proposal reasons and the decolonising phrase.

/// The proposals of `report r.json`: (module, theme, title, reason).
fn proposals(w: &Workdir) -> Vec<(String, String, String, String)> {
    w.ok(&["report", "r.json"]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w.path("r.json")).unwrap()).unwrap();
    v["module_readings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "proposed")
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (s("module_code"), s("theme"), s("title"), s("reason"))
        })
        .collect()
}

/// A word for people in general ("groups") is never the shared word that
/// makes a reading relevant, nor is a word the two texts use in two senses
/// ("menstrual cycle" in a session, "cycle of poverty" in a reading); the
/// same sense ("the menstrual cycle" in both) still counts. The methods page
/// states both rules.
#[test]
fn a_generic_word_or_one_in_two_senses_is_no_reason() {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         TM,1,TM101,Reproductive health,Period poverty and the menstrual cycle,Describe the menstrual cycle,\n\
         TM,1,TM102,Population health,Health inequalities in minority groups,Explain why outcomes differ between groups,\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let r = w.write(
        "r.csv",
        "title,authors,year,type,doi,url,themes,notes\n\
         Breaking the cycle of poverty: period poverty and health,Smith A,2020,article,,,intersectional-health,Period poverty among girls.\n\
         Groups at risk: minority groups and deprivation,Jones B,2019,article,,,intersectional-health,Which groups fare worst.\n\
         The menstrual cycle and gender bias in trials,Lee C,2021,article,,,epistemic-bias,Gender bias in menstrual cycle research.\n",
    );
    w.ok(&["import", "reading", r.to_str().unwrap()]);
    let p = proposals(&w);
    for (m, t, title, reason) in &p {
        assert!(!reason.contains("\u{201c}groups\u{201d}"), "{m} {t} {title}: {reason}");
        if title.starts_with("Breaking the cycle") {
            assert!(!reason.contains("\u{201c}cycle\u{201d}"), "{m} {t} {title}: {reason}");
        }
    }
    let same = p.iter().find(|x| x.2.starts_with("The menstrual cycle"));
    if let Some(s) = same {
        assert!(s.3.contains("cycle"), "the same sense counts: {s:?}");
    }
    w.ok(&["report", "r.json"]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w.path("r.json")).unwrap()).unwrap();
    let rule = v["methods"]["proposal_text"].as_str().unwrap();
    for part in ["people in general", "\u{201c}group\u{201d}", "cycle of poverty", "two senses"] {
        assert!(rule.contains(part), "{part:?} not in {rule}");
    }
}

/// "Decolonising the curriculum" (and "decolonizing", "decolonisation of
/// medical education") is a keyword phrase of Historical awareness; a
/// microbiology session's MRSA decolonisation is not tagged or counted.
#[test]
fn decolonising_the_curriculum_is_historical_awareness_and_mrsa_is_not() {
    let w = Workdir::new();
    let titles = [
        "Decolonising the curriculum: whose knowledge?",
        "Decolonizing the curriculum in medical school",
        "Decolonisation of medical education",
        "MRSA decolonisation before elective surgery",
        "Decolonisation of MRSA carriers with mupirocin",
    ];
    let got = common::suggested(&w, &titles);
    for t in &titles[..3] {
        assert!(got[*t].contains("historical-awareness"), "{t}: {:?}", got[*t]);
    }
    for t in &titles[3..] {
        assert!(got[*t].is_empty(), "{t}: {:?}", got[*t]);
    }
    // The gaps count no MRSA session as using the theme's keywords.
    let gaps = w.ok(&["gaps", "--format", "json"]);
    assert!(!gaps.contains("MRSA"), "{gaps}");
    // An existing database gets the phrases from migration 0025.
    let v = Workdir::new();
    v.ok(&["init"]);
    let version = v.count("PRAGMA user_version");
    let conn = rusqlite::Connection::open(v.db()).unwrap();
    let gone = conn
        .execute(
            "DELETE FROM theme_keyword WHERE keyword LIKE 'decolonis%' AND theme_id =
               (SELECT id FROM theme WHERE slug = 'historical-awareness')",
            [],
        )
        .unwrap();
    assert!(gone >= 4, "a new database is seeded with them");
    // Before 0025: eight migrations back since 0026 (the access date), 0027, 0028 (the original year)
    // 0029 (the translators) and 0030 (the original title) 0031 (its search) 0032 (the volume title) and 0033 (the number of volumes) came after it.
    conn.execute_batch(
        "ALTER TABLE reading DROP COLUMN accessed; ALTER TABLE reading DROP COLUMN original_year; \
         DROP TABLE reading_translator; ALTER TABLE reading DROP COLUMN original_title; \
         ALTER TABLE reading DROP COLUMN volume_title; ALTER TABLE reading DROP COLUMN number_of_volumes; ALTER TABLE reading DROP COLUMN type_inferred; \
         DROP TABLE reading_other_isbn; ALTER TABLE reading DROP COLUMN year_end_month; ALTER TABLE reading DROP COLUMN year_end; \
         ALTER TABLE reading DROP COLUMN editors_truncated; ALTER TABLE reading DROP COLUMN archive; ALTER TABLE reading DROP COLUMN archive_location; DROP INDEX reading_pmcid; DROP INDEX reading_eprint; ALTER TABLE reading DROP COLUMN pmcid; ALTER TABLE reading DROP COLUMN eprint; ALTER TABLE reading DROP COLUMN event; ALTER TABLE reading DROP COLUMN event_place; ALTER TABLE reading DROP COLUMN event_date",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", version - 18).unwrap();
    drop(conn);
    v.ok(&["check"]);
    assert_eq!(v.count("PRAGMA user_version"), version);
    assert_eq!(
        v.count(
            "SELECT count(*) FROM theme_keyword k JOIN theme t ON t.id = k.theme_id
              WHERE t.slug = 'historical-awareness' AND k.keyword = 'decolonising the curriculum'"
        ),
        1
    );
}

// ---------------------------------------------------------------------------
// 5. A gap names each session once.

/// A module none of whose sessions is tagged, whose one session uses the
/// keywords of two themes: its gap names the session once, with each
/// theme's keywords (before 13e it was named twice, once per theme), and
/// lists it once among its sessions.
#[test]
fn an_untagged_modules_gap_names_each_session_once() {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         TM,1,TM101,Foundations,Race correction in eGFR,Critique the race coefficient,epistemic-bias\n\
         TM,2,TM202,Women's Health,Gender bias and intersectionality in clinical trials,Analyse who is left out,\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let gaps = w.json(&["gaps", "--module", "TM202", "--format", "json"]);
    let g = gaps
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "untagged-module")
        .unwrap_or_else(|| panic!("no untagged-module gap: {gaps:#}"));
    assert_eq!(g["evidence"].as_array().unwrap().len(), 2, "one session, two themes: {g:#}");
    assert_eq!(g["items"].as_array().unwrap().len(), 1, "the session is listed once: {g:#}");
    w.ok(&["report", "r.pdf"]);
    let text = common::pdf_text(&w.path("r.pdf")).join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text.find("Sessions that already use a theme's keywords").expect("the gap's sentence");
    let sentence = &text[at..at + text[at..].find(" Review").unwrap_or(400)];
    assert_eq!(sentence.matches("Gender bias and").count(), 1, "{sentence}");
    assert!(sentence.contains("Epistemic bias") && sentence.contains("Intersectional health"), "{sentence}");
}
