//! Issue 13 (13m): a cell canon composes around a user's right-to-left title
//! ("العنصرية في الطب الحديث (2021), linked to … by …") is an English,
//! left-to-right paragraph with the title embedded right to left, read back
//! from the PDF's word boxes (pdftotext -bbox) through the real binary.

mod common;

use std::path::Path;

use common::Workdir;

const MODULES: &str = "\
programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBBS,1,A101,Foundations,History of medicine and empire,Describe how colonial medicine shaped tropical medicine,historical-awareness
MBBS,1,A101,Foundations,Cell biology,List the organelles of the cell,
MBBS,2,B201,Cardiorespiratory,Pulse oximetry and skin tone,Explain why pulse oximeters overestimate saturation in darker skin,epistemic-bias
MBBS,2,B201,Cardiorespiratory,Spirometry,Interpret spirometry results,
";

const READINGS: &str = "\
title,authors,year,type,themes,notes,language,status
العنصرية في الطب الحديث,\"حسن، ليلى\",2021,article,epistemic-bias,COVID-19 and pulse oximetry: 12 studies reviewed,ar,approved
ההיסטוריה של הרפואה הקולוניאלית,\"לוי, דוד\",2017,book,historical-awareness,colonial medicine and empire,he,approved
";

/// (word, xMin, xMax, vertical centre) of every word of a `pdftotext -bbox` listing,
/// bidi marks removed and surrounding punctuation trimmed. The vertical centre
/// counts the pages before it (10,000 points each), so that words are on one
/// line only when they are on one page.
fn words(pdf: &Path) -> Option<Vec<(String, f32, f32, f32)>> {
    let found = common::pdf_words(pdf)?
        .into_iter()
        .map(|w| {
            let word = w.text.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            // poppler lists a right-to-left word's characters in visual order.
            let word = if word.chars().any(|c| matches!(c as u32, 0x0590..=0x08FF)) {
                word.chars().rev().collect()
            } else {
                word
            };
            (word, w.x0, w.x1, w.page as f32 * 10_000.0 + (w.y0 + w.y1) / 2.0)
        })
        .collect();
    Some(found)
}

/// Asserts that on every line where both occur, `first` (a word of a
/// right-to-left title) is set left of `then` (canon's English word after
/// it): the line is a left-to-right paragraph. At least one such line.
/// Only lines of canon's composed cells count (they hold "linked", "by", "for" or
/// "shares"); a reference in the reading list is a right-to-left paragraph
/// of its own.
fn left_of(ws: &[(String, f32, f32, f32)], first: &str, then: &str) {
    let composed =
        |y: f32| ws.iter().any(|w| (w.3 - y).abs() < 3.0 && matches!(w.0.as_str(), "linked" | "by" | "for" | "shares"));
    let mut pairs = 0;
    for a in ws.iter().filter(|w| w.0 == first && composed(w.3)) {
        for b in ws.iter().filter(|w| w.0 == then && (w.3 - a.3).abs() < 3.0) {
            pairs += 1;
            assert!(
                a.2 <= b.1 + 0.5,
                "{first:?} (x {}–{}) is not left of {then:?} (x {}–{}): a right-to-left cell",
                a.1,
                a.2,
                b.1,
                b.2
            );
        }
    }
    assert!(pairs > 0, "no line holds both {first:?} and {then:?}");
}

#[test]
fn composed_cells_around_right_to_left_titles_are_left_to_right() {
    let w = Workdir::new();
    std::fs::write(w.path("m.csv"), MODULES).expect("write modules");
    std::fs::write(w.path("r.csv"), READINGS).expect("write readings");
    w.ok(&["init"]);
    w.ok(&["import", "modules", &w.path("m.csv").display().to_string()]);
    w.ok(&["import", "reading", &w.path("r.csv").display().to_string()]);
    let list = w.json(&["reading", "list", "--format", "json"]);
    let id = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|r| r["title"] == "العنصرية في الطب الحديث")
        .map(|r| r["id"].to_string().trim_matches('"').to_string())
        .expect("the Arabic reading");
    w.ok(&["link", &id, "B201", "--by", "tester", "--note", "ملاحظة: مهم للأكسجة"]);
    w.ok(&["report", "rtl.pdf"]);
    let Some(ws) = words(&w.path("rtl.pdf")) else { return };
    // What each module should read: "العنصرية … (2021), linked to the module
    // by tester: “ملاحظة: …”" reads from the left.
    left_of(&ws, "العنصرية", "linked");
    left_of(&ws, "tester", "ملاحظة");
    // A proposal ("ההיסטוריה … (2017) for its sessions on …; shares …") too,
    // in the Gaps table and in What each module should read: its year
    // follows the title, where a right-to-left cell would set it on the left.
    assert!(ws.iter().any(|w| w.0 == "ההיסטוריה"), "the Hebrew reading is not proposed anywhere");
    left_of(&ws, "הקולוניאלית", "2017");
}

/// (xMin, xMax) of the first word `w` on the line (vertical centre) `y`.
fn at(ws: &[(String, f32, f32, f32)], w: &str, y: f32) -> Option<(f32, f32)> {
    ws.iter().find(|x| x.0 == w && (x.3 - y).abs() < 3.0).map(|x| (x.1, x.2))
}

/// Asserts that `order` are set left to right, in that order, on one line
/// (the first line holding all of them); returns how many such lines there are.
fn in_order(ws: &[(String, f32, f32, f32)], order: &[&str]) -> usize {
    let mut lines = 0;
    for first in ws.iter().filter(|x| x.0 == order[0]) {
        let xs: Option<Vec<(f32, f32)>> = order.iter().map(|w| at(ws, w, first.3)).collect();
        let Some(xs) = xs else { continue };
        lines += 1;
        for (k, pair) in xs.windows(2).enumerate() {
            assert!(
                pair[0].1 <= pair[1].0 + 0.5,
                "{:?} (x {:?}) is not left of {:?} (x {:?}) on the line at y {}",
                order[k],
                pair[0],
                order[k + 1],
                pair[1],
                first.3
            );
        }
    }
    lines
}

/// Issue 13 (13o): a mostly English title that starts in Arabic is set left
/// to right inside a composed cell (its Arabic words still right to left);
/// a reference by Latin-script authors around an Arabic title keeps its year
/// and full stops where the style put them, and an all-Arabic reference reads
/// right to left inside the list's left-to-right line; "Colonial morphology on agar plates" is not proposed
/// "Colonial medicine in Egypt" (suggest's clinical senses).
#[test]
fn titles_are_isolated_by_their_majority_direction() {
    let w = Workdir::new();
    w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         P,1,M101,Microbiology,Colonial morphology on agar plates,Describe colonies,\n\
         P,3,M302,Equity,Health disparities and colonialism in medicine,Analyse disparities,historical-awareness\n",
    );
    w.write(
        "r.csv",
        // (The book with its place and publisher: its reference's words in
        // order up to its year, without Citing Medicine's "[place unknown]:
        // [publisher unknown]", tester r74 F6.)
        "title,authors,year,type,themes,language,place,publisher\n\
         \"الطب الاستعماري: Colonial medicine in Egypt, 1882–1914\",Ahmad Khalid,2019,book,historical-awareness,ar,Cairo,AUC\n\
         \"صحة المرأة\",Salem Mona,2021,article,intersectional-health,ar,,\n\
         \"صحة الطفل\",\"سالم، منى\",2020,article,intersectional-health,ar,,\n",
    );
    w.ok(&["init"]);
    w.ok(&["import", "modules", &w.path("m.csv").display().to_string()]);
    w.ok(&["import", "reading", &w.path("r.csv").display().to_string()]);
    w.ok(&["report", "maj.pdf"]);
    let text = common::pdf_text(&w.path("maj.pdf")).join("\n");
    let Some(ws) = words(&w.path("maj.pdf")) else { return };
    // 1. The proposal cell for M302 and the reference: the Arabic words first
    // (right to left among themselves), then the English ones in order.
    // (poppler splits "الاستعماري" at its final letter in a table cell.)
    let cells = in_order(&ws, &["الطب", "Colonial", "medicine", "in", "Egypt"]);
    assert!(cells >= 2, "the title is set in order on {cells} lines (a proposal cell and its reference expected)");
    assert_eq!(in_order(&ws, &["الاستعماري", "الطب", "Colonial", "medicine", "in", "Egypt", "1882–1914", "2019"]), 1);
    // 2. "Salem Mona. صحة المرأة. 2021." left to right, the title right to left.
    assert_eq!(in_order(&ws, &["Salem", "Mona", "المرأة", "صحة", "2021"]), 1);
    // The all-Arabic reference "سالم، منى. صحة الطفل. 2020." right to left,
    // inside the list's left-to-right line: its year after its Arabic words,
    // at their right (tester r64 F9; the year was at the left, the whole line
    // right to left, until then).
    assert_eq!(in_order(&ws, &["الطفل", "صحة", "منى", "سالم", "2020"]), 1);
    // 3. Microbiology's colonial morphology shares no word with colonial medicine.
    assert!(text.contains("shares “colonialism”"), "M302 is proposed the reading: {text}");
    assert!(!text.contains("Colonial morphology on agar plates”"), "M101 is proposed a reading: {text}");
}
