//! Every script through the real binary: a reading list in sixteen scripts is
//! imported, reported as a PDF and read back (pdftotext, lopdf); right-to-left
//! references are laid out from the right; a character no font has is a
//! warning naming its reading; a table is never left as a stub on a page.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Workdir, pdf_text, sample};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        eprintln!("skipping: {tool} is not installed (apt-get install poppler-utils)");
    }
    found
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext").args(args).arg(pdf).arg("-").output().expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {args:?} failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// (author as formatted, title) of each row of tests/data/many_scripts.csv.
/// Vancouver (as the CSL processor writes it, issue 12) shortens given names
/// to initials in scripts with letter case; in scripts without case (Hebrew,
/// Devanagari, Bengali, Tamil, Ethiopic) the given name is written whole, as
/// CSL processors do: a first "letter" of an abugida would cut a conjunct
/// (प of प्रिया).
const SCRIPTS: &[(&str, &str, &str)] = &[
    ("Latin", "Ngũgĩ wa Thiong'o", "Decolonising the Mind: The Politics of Language in African Literature"),
    ("Vietnamese", "Nguyễn TH", "Y học cổ truyền Việt Nam"),
    ("Polish", "Żółkiewski J", "Historia medycyny w Łodzi"),
    ("Greek", "Παπαδόπουλος Γ", "Ιστορία της ιατρικής στην Ελλάδα"),
    ("Cyrillic", "Пирогов НИ", "Начала общей военно-полевой хирургии"),
    ("Arabic", "الرازي، محمد", "تاريخ الطب العربي"),
    ("Hebrew", "כהן שרה", "רפואה וחברה בישראל"),
    ("Devanagari", "शर्मा प्रिया", "आयुर्वेद का इतिहास"),
    ("Bengali", "রায় অমিত", "বাংলার চিকিৎসা ইতিহাস"),
    ("Tamil", "முருகன் செல்வி", "சித்த மருத்துவ வரலாறு"),
    ("Ethiopic", "ተስፋዬ አበበ", "የኢትዮጵያ ባህላዊ ሕክምና"),
    ("Thai", "สมชาย ใจดี", "ประวัติการแพทย์แผนไทย"),
    ("Simplified Chinese", "王吉民", "中国近代医学史"),
    ("Traditional Chinese", "劉士永", "臺灣醫療與殖民統治"),
    // many_scripts.csv writes "山田 花子", "佐藤 健": the space says where the
    // family name ends (tester r79), and a Japanese name is printed family
    // name first without it, as one from CSL-JSON is (lead_r15).
    ("Japanese", "山田花子", "日本の医学と植民地主義"),
    ("Japanese katakana", "佐藤健", "ハンセン病と隔離政策の歴史"),
    ("Korean", "김민수", "한국 근대 의료의 역사"),
    // Issue 13 (13d): Noto Sans Armenian and Georgian. Armenian has letter
    // case (an initial); Georgian's Mkhedruli is written without it, and the
    // given name stays whole.
    ("Armenian", "Պետրոսյան Ա", "Հայկական բժշկության պատմություն"),
    ("Georgian", "ბერიძე გიორგი", "ქართული მედიცინის ისტორია"),
];

fn many_scripts_report() -> (Workdir, PathBuf, String) {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "reading", &data("many_scripts.csv")]);
    let stderr = w.ok_stderr(&["report", "s.pdf"]);
    let pdf = w.path("s.pdf");
    (w, pdf, stderr)
}

/// Strips the bidi marks poppler puts around right-to-left runs.
fn plain(s: &str) -> String {
    s.chars().filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)).collect()
}

#[test]
fn every_script_is_read_back_in_order_with_no_warning() {
    let (_w, pdf, stderr) = many_scripts_report();
    assert!(!stderr.contains("warning"), "a covered script was reported missing:\n{stderr}");
    if !have("pdftotext") {
        return;
    }
    let text = plain(&pdftotext(&pdf, &[]));
    for (script, author, title) in SCRIPTS {
        assert!(text.contains(title), "{script} title {title:?} is not in the PDF's text:\n{text}");
        // poppler writes a right-to-left line's runs in visual order, split at
        // punctuation: look for the author's words one by one there.
        for word in author.split([' ', '،']).filter(|w| !w.is_empty()) {
            assert!(text.contains(word), "{script} author {author:?} is not in the PDF's text");
        }
        // Left-to-right references read "Author. Title. Year." in that order.
        if !matches!(*script, "Arabic" | "Hebrew") {
            let line = format!("{author}. {title}.");
            assert!(text.contains(&line), "{script}: {line:?} not in order in:\n{text}");
        }
    }
    // lopdf, which reads /ToUnicode only, gets the scripts whose glyphs map
    // one to one onto characters.
    let lopdf_text = pdf_text(&pdf).join("\n");
    for (script, _, title) in SCRIPTS {
        if matches!(
            *script,
            "Latin"
                | "Vietnamese"
                | "Polish"
                | "Greek"
                | "Cyrillic"
                | "Simplified Chinese"
                | "Traditional Chinese"
                | "Japanese"
                | "Korean"
        ) {
            assert!(lopdf_text.contains(title), "{script} title {title:?} not read back by lopdf");
        }
    }
}

/// (xMin, xMax) of the words of a `pdftotext -bbox` listing that are among `words`.
fn word_boxes(bbox_html: &str, words: &[&str]) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for line in bbox_html.lines() {
        let Some(start) = line.find("<word ") else { continue };
        let Some(close) = line.find('>') else { continue };
        // poppler lists a right-to-left word's characters in visual order.
        let word = plain(line[close + 1..].trim_end_matches("</word>"));
        let word = word.trim_matches(|c: char| c == '.' || c == '،');
        let reversed: String = word.chars().rev().collect();
        if !words.contains(&word) && !words.contains(&reversed.as_str()) {
            continue;
        }
        let attr = |name: &str| -> f32 {
            let key = format!("{name}=\"");
            let i = line[start..].find(&key).map(|i| start + i + key.len()).expect("attribute");
            line[i..].split('"').next().unwrap().parse().unwrap()
        };
        out.push((attr("xMin"), attr("xMax")));
    }
    out
}

/// A Hebrew or Arabic reference of the list keeps the list's direction,
/// left to right (tester r64 F9; this test asserted until then that it hung
/// from the right margin, its label there): its words start at the text
/// column with every other reference's, and read right to left among
/// themselves.
#[test]
fn right_to_left_references_keep_the_lists_direction() {
    let (_w, pdf, _) = many_scripts_report();
    if !have("pdftotext") {
        return;
    }
    let boxes = pdftotext(&pdf, &["-bbox"]);
    let ws = common::pdf_words(&pdf).expect("pdftotext");
    let text_column = 56.69 + 24.0; // the margin and the hanging indent
    for word in ["רפואה", "تاريخ", "Ngũgĩ"] {
        // (poppler lists a right-to-left word's characters in visual order.)
        let reversed: String = word.chars().rev().collect();
        let w = ws
            .iter()
            .find(|v| [word, reversed.as_str()].contains(&v.text.trim_matches('.')))
            .unwrap_or_else(|| panic!("{word} not found"));
        let line = common::line_of(&ws, w);
        // The label in the margin, right-aligned before the text column,
        // then the reference's words from the text column on.
        let label = line.first().expect("a line");
        assert!(label.text.ends_with('.') && label.x1 < text_column - 4.0, "{word}: the line starts {label:?}");
        let start = line.iter().map(|v| v.x0).filter(|&x| x > label.x1).fold(f32::MAX, f32::min);
        assert!((start - text_column).abs() < 2.0, "{word}: its line starts at {start}, not at {text_column}");
    }
    // The author comes first: it is right of the title in their run.
    let author = word_boxes(&boxes, &["כהן"]);
    let title = word_boxes(&boxes, &["רפואה"]);
    assert!(author[0].0 > title[0].1, "Hebrew author {author:?} should be right of the title {title:?}");
}

#[test]
fn a_character_no_font_has_is_a_warning_naming_the_reading() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.write(
        "odd.csv",
        "title,authors,year,type,themes,status\n\
         Auscultation \u{1FA7A} in primary care,\"Mensah, Ama\",2021,article,epistemic-bias,approved\n\
         A fine title,\"Okafor, Chidi\",2020,article,epistemic-bias,approved\n",
    );
    w.ok(&["import", "reading", "odd.csv"]);
    let list = w.json(&["reading", "list", "--format", "json"]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with("Auscultation"))
        .map(|r| r["id"].as_i64().unwrap())
        .unwrap();
    let stderr = w.ok_stderr(&["report", "r.pdf"]);
    let warning = stderr.lines().find(|l| l.contains("U+1FA7A")).unwrap_or_else(|| panic!("no warning:\n{stderr}"));
    assert!(warning.contains(&format!("reading {id}")), "{warning}");
    assert!(warning.contains("Auscultation"), "{warning}");
    assert!(warning.contains("empty box"), "{warning}");
    assert_eq!(stderr.matches("warning:").count(), 1, "one warning, for the one reading:\n{stderr}");
}

#[test]
fn the_sample_report_splits_no_short_table() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "r.pdf"]);
    let pages = pdf_text(&w.path("r.pdf"));
    // The four-row table of readings by status is whole on one page, with its heading.
    let page = pages.iter().find(|p| p.contains("Readings by theme and review status")).expect("the section");
    for row in ["Historical awareness", "Epistemic bias", "Intersectional health", "No theme yet"] {
        assert!(page.contains(row), "{row} is not on the page of its table's heading");
    }
}

/// A style of one's own that sets authors' names in small capitals
/// (`font-variant="small-caps"`), as many journals and humanities styles do,
/// names written as Vancouver writes them.
const SMALL_CAPS_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>Small Capitals</title><id>https://example.org/small-caps</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author">
          <name font-variant="small-caps" name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", "/>
        </names>
        <text variable="title"/>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </bibliography>
</style>"#;

/// (font size, text shown) of each `Tf` … `TJ` stretch of each text object
/// (BT … ET) of a page's content stream.
fn sized_runs(content: &str) -> Vec<Vec<f32>> {
    content
        .split("BT")
        .skip(1)
        .map(|bt| {
            let bt = bt.split("ET").next().unwrap_or("");
            bt.lines()
                .filter_map(|l| l.strip_suffix(" Tf"))
                .filter_map(|l| l.split_whitespace().last().and_then(|s| s.parse().ok()))
                .collect()
        })
        .collect()
}

#[test]
fn small_capitals_are_drawn_smaller_and_read_as_written_in_every_script() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "reading", &data("many_scripts.csv")]);
    let extra = w.write(
        "cased.csv",
        "title,authors,year,type,themes,status\n\
         Medicine and empire,\"Smith, John; Straße, Jürgen; Ögüt, Çağrı\",2018,article,historical-awareness,approved\n\
         Clinic and colony,\"Ἀθανασίου, Μαρία; Σπυρίδων, Άννα; Иванова, Ольга\",2020,article,historical-awareness,approved\n",
    );
    w.ok(&["import", "reading", extra.to_str().unwrap()]);
    let style = w.write("small-caps.csl", SMALL_CAPS_CSL);
    let pdf = w.path("sc.pdf");
    let stderr = w.ok_stderr(&["report", pdf.to_str().unwrap(), "--style", style.to_str().unwrap()]);
    assert!(!stderr.contains("warning"), "{stderr}");

    // The content stream: a reference's line sets the capitals at the body's
    // size and the small capitals at four fifths of it.
    let doc = lopdf::Document::load(&pdf).expect("load pdf");
    let mut two_sizes = 0;
    for (_, page) in doc.get_pages() {
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        for sizes in sized_runs(&content) {
            let max = sizes.iter().copied().fold(0.0f32, f32::max);
            if sizes.iter().any(|s| (s / max - 0.8).abs() < 0.01) {
                two_sizes += 1;
            }
        }
    }
    // At least the two lines of the cased readings, and every cased script of many_scripts.csv.
    assert!(two_sizes >= 5, "{two_sizes} lines with small capitals");

    if have("pdftotext") {
        // poppler reads the letters as written (ToUnicode, /ActualText for ß as SS).
        let text = plain(&pdftotext(&pdf, &[]));
        for line in [
            "Smith J, Straße J, Ögüt Ç. Medicine and empire. 2018.",
            "Ἀθανασίου Μ, Σπυρίδων Ά, Иванова О. Clinic and colony. 2020.",
        ] {
            assert!(text.contains(line), "{line:?} not in:\n{text}");
        }
        for (script, author, title) in SCRIPTS {
            if !matches!(*script, "Arabic" | "Hebrew") {
                let line = format!("{author}. {title}.");
                assert!(text.contains(&line), "{script}: {line:?} not in:\n{text}");
            }
        }
        for caps in ["SMITH", "STRASSE", "ΑΘΑΝΑΣΙΟΥ", "ИВАНОВА", "ŻÓŁKIEWSKI"] {
            assert!(!text.contains(caps), "{caps} in the text:\n{text}");
        }
    }

    // Plain text outputs keep the letters as written.
    let json = w.path("sc.json");
    w.ok(&["report", json.to_str().unwrap(), "--style", style.to_str().unwrap()]);
    let json = std::fs::read_to_string(&json).unwrap();
    assert!(json.contains("Smith J, Straße J, Ögüt Ç. Medicine and empire. 2018."), "{json}");
    let dir = w.path("sc");
    w.ok(&["report", &format!("{}/", dir.display()), "--style", style.to_str().unwrap()]);
    let csv = std::fs::read_to_string(dir.join("readings.csv")).unwrap();
    assert!(csv.contains("Ἀθανασίου Μ, Σπυρίδων Ά, Иванова О. Clinic and colony. 2020."), "{csv}");
}
