//! Tester r64's findings on the PDF report's reference list, through the
//! binary: a CSL-JSON title's rich-text markup set as such (F2), and a
//! Hebrew or Arabic reference kept in the list's direction (F9).

mod common;

use std::path::Path;

use common::{Word, line_of, pdf_text, pdf_words, workdir};

/// A CSL-JSON title with every tag of the schema's rich-text subset.
const MARKED: &str = r#"[{"id":"a1","type":"article-journal","title":"Effect of <i>Plasmodium falciparum</i> on H<sub>2</sub>O, Ca<sup>2+</sup> and <span style=\"font-variant:small-caps;\">NHS</span> care <b>bold</b> in <span class=\"nocase\">mRNA</span> trials","container-title":"Malaria Journal","volume":"19","issue":"1","page":"112","author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[1999]]}},
{"id":"a2","type":"article-journal","title":"<b>malaria</b> in children","container-title":"Lancet","volume":"3","page":"1-9","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2001]]}}]"#;

/// (font size, text rise) of each glyph run of each page's content stream,
/// in order: every `Tf` and `Ts` the engine writes.
fn sizes_and_rises(pdf: &Path) -> (Vec<f32>, Vec<f32>) {
    let doc = lopdf::Document::load(pdf).expect("load pdf");
    let (mut sizes, mut rises) = (Vec::new(), Vec::new());
    for (_, page) in doc.get_pages() {
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        for line in content.lines() {
            let last = |suffix: &str| {
                line.strip_suffix(suffix).and_then(|l| l.split_whitespace().last()).and_then(|n| n.parse::<f32>().ok())
            };
            if let Some(s) = last(" Tf") {
                sizes.push(s);
            }
            if let Some(r) = last(" Ts") {
                rises.push(r);
            }
        }
    }
    (sizes, rises)
}

/// The runs of text a PDF sets in a bold face, read with `pdftohtml -xml`,
/// or `None` when poppler is not installed.
fn pdf_bold(pdf: &Path) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("x");
    match std::process::Command::new("pdftohtml").args(["-xml", "-i", "-q"]).arg(pdf).arg(&stem).output() {
        Ok(out) if out.status.success() => {
            let xml = std::fs::read_to_string(stem.with_extension("xml")).unwrap();
            Some(xml.split("<b>").skip(1).filter_map(|p| p.split("</b>").next()).map(str::to_string).collect())
        }
        _ => None,
    }
}

/// F2: the title's subscript and superscript are set smaller and lowered or
/// raised, its bold in the bold face, its small capitals smaller; no tag is
/// printed, and every word is there.
#[test]
fn a_titles_rich_text_is_set_in_the_pdf() {
    let w = workdir();
    w.import_reading("z.json", MARKED);
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "chicago", "-q"]);
    let text = pdf_text(&pdf).join("\n");
    for tag in ["<i>", "<sub>", "</sup>", "<b>", "<span", "nocase", "small-caps", "&lt;"] {
        assert!(!text.contains(tag), "{tag} printed in the PDF:\n{text}");
    }
    for word in ["Plasmodium", "falciparum", "NHS", "Care", "Bold", "mRNA", "Trials", "Children"] {
        assert!(text.contains(word), "{word} not in the PDF:\n{text}");
    }
    // The body's references are set at 10 pt: superscript and subscript at
    // 7 pt, raised 3.3 pt and lowered 1.4 pt; the small capitals at 8 pt.
    let (sizes, rises) = sizes_and_rises(&pdf);
    assert!(sizes.iter().any(|s| (s - 7.0).abs() < 0.01), "no 7 pt run: {sizes:?}");
    assert!(sizes.iter().any(|s| (s - 8.0).abs() < 0.01), "no small capitals: {sizes:?}");
    assert!(rises.iter().any(|r| (r - 3.3).abs() < 0.01), "no superscript: {rises:?}");
    assert!(rises.iter().any(|r| (r + 1.4).abs() < 0.01), "no subscript: {rises:?}");
    assert!(rises.iter().any(|r| r.abs() < 0.01), "the text after a raised run is back on its baseline: {rises:?}");
    if let Some(bold) = pdf_bold(&pdf) {
        assert!(bold.iter().any(|b| b.trim() == "Bold"), "\"Bold\" is not in a bold face: {bold:?}");
        assert!(bold.iter().any(|b| b.trim() == "Malaria"), "\"Malaria\" is not in a bold face: {bold:?}");
        assert!(!bold.iter().any(|b| b.contains("Care")), "only the <b> word is bold: {bold:?}");
    }
    if let Some(ws) = pdf_words(&pdf) {
        // The subscript is lower than the letters round it, the superscript
        // higher, both smaller (poppler reads each as a word of its own).
        let words: Vec<&str> = ws.iter().map(|w| w.text.as_str()).collect();
        let at = words.windows(5).position(|w| w == ["H", "2", "O,", "Ca", "2+"]).expect("H 2 O, Ca 2+");
        let [h, sub, o, ca, sup] = [&ws[at], &ws[at + 1], &ws[at + 2], &ws[at + 3], &ws[at + 4]];
        let mid = |w: &Word| (w.y0 + w.y1) / 2.0;
        assert!(mid(sub) > mid(h) + 1.0 && mid(sub) > mid(o) + 1.0, "the subscript is lower: {h:?} {sub:?} {o:?}");
        assert!(mid(sup) < mid(ca) - 1.0, "the superscript is higher: {ca:?} {sup:?}");
        assert!(sub.y1 - sub.y0 < h.y1 - h.y0 && sup.y1 - sup.y0 < ca.y1 - ca.y0, "smaller: {sub:?} {sup:?}");
    }
}

/// F2: title case looks through `<b>` as through no markup ("NHS Care
/// Bold", "Malaria in Children"); `<i>` (a species), `<sub>`, `<sup>`,
/// small capitals and `<span class="nocase">` keep the letters as written;
/// the plain outputs (JSON, CSV) are the words without tags.
#[test]
fn title_case_looks_through_bold_and_plain_text_has_no_tags() {
    let w = workdir();
    w.import_reading("z.json", MARKED);
    let chicago = w.references("chicago");
    let r = common::reference(&chicago, "Effect");
    assert!(
        r.contains("“Effect of Plasmodium falciparum on H2O, Ca2+ and NHS Care Bold in mRNA Trials.”"),
        "chicago: {r}"
    );
    let r = common::reference(&chicago, "\\textbf{malaria");
    assert!(r.contains("“Malaria in Children.”"), "chicago: {r}");
    let apa = w.references("apa");
    let r = common::reference(&apa, "Effect");
    assert!(r.contains("Effect of Plasmodium falciparum on H2O, Ca2+ and NHS care bold in mRNA trials."), "apa: {r}");
    let r = common::reference(&apa, "\\textbf{malaria");
    assert!(r.contains("Malaria in children."), "apa: {r}");
    for (style, refs) in [("chicago", &chicago), ("apa", &apa)] {
        for r in refs.values() {
            assert!(!r.contains('<') && !r.contains('>'), "{style}: a tag in {r}");
        }
    }
    let dir = w.path("out");
    w.ok(&["report", &format!("{}/", dir.display()), "--style", "vancouver", "-q"]);
    let csv = std::fs::read_to_string(dir.join("readings.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "reference").expect("a reference column");
    let mut seen = 0;
    for row in rows.records() {
        let reference = row.unwrap()[at].to_string();
        assert!(!reference.contains('<'), "a tag in the CSV's reference: {reference}");
        seen += usize::from(reference.contains("on H2O, Ca2+ and NHS care bold in mRNA trials."));
    }
    assert_eq!(seen, 1, "{csv}");
    // The reading list on screen: the title's words without tags; as CSV, the
    // title's sheet text, which reads back with its marks (tester r73 F22: the
    // stored tags were written).
    let table = w.ok(&["reading", "list"]);
    assert!(table.contains("on H2O, Ca2+ and NHS care bold in mRNA trials"), "{table}");
    assert!(!table.contains("<sub>") && !table.contains("<b>"), "{table}");
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    assert!(csv.contains("H\\textsubscript{2}O"), "{csv}");
    assert!(!csv.contains("<sub>"), "{csv}");
}

/// F2: a style's own `vertical-align` (CSL 1.0.2 "Formatting") raises its
/// text in the PDF; the plain text is its letters.
#[test]
fn a_styles_superscript_is_raised() {
    let w = workdir();
    w.import_reading("z.json", MARKED);
    let style = w.write(
        "sup.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>Raised volume</title><id>https://example.org/sup</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <group delimiter=". ">
      <names variable="author"><name initialize-with="" delimiter=", "/></names>
      <text variable="container-title"/>
      <text variable="volume" vertical-align="sup"/>
    </group>
  </layout></bibliography>
</style>"#,
    );
    let pdf = w.path("s.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", style.to_str().unwrap(), "-q"]);
    let (_, rises) = sizes_and_rises(&pdf);
    assert!(rises.iter().any(|r| (r - 3.3).abs() < 0.01), "the volume is not raised: {rises:?}");
    let json = w.path("s.json");
    w.ok(&["report", json.to_str().unwrap(), "--style", style.to_str().unwrap(), "-q"]);
    let json = std::fs::read_to_string(&json).unwrap();
    assert!(json.contains("Lancet. 3."), "{json}");
}

/// The tester's reading list in five scripts, one line of each, with the
/// language note canon prints after a reference in another language.
const SCRIPTS: &str = "title,authors,year,type,container,volume,issue,pages,language\n\
    Ìlera àti àṣà Yorùbá,\"Adébáyọ̀, Olú\",2021,article,Ìwé Ìròyìn,2,1,1-10,yo\n\
    الطب في الحضارة الإسلامية,\"الرازي، محمد; ابن سينا\",2015,article,مجلة الطب,3,2,10-20,ar\n\
    רפואה וקולוניאליזם,\"כהן, דוד; לוי, שרה\",2017,article,כתב עת,5,,1-9,he\n\
    Colonial medicine,\"Smith, John\",2019,article,Lancet,7,,1-9,en\n";

/// A word of `ws` as written, or with its letters reversed (poppler lists
/// a right-to-left word's characters in visual order), full stops and
/// commas round it aside.
fn find<'a>(ws: &'a [Word], word: &str) -> &'a Word {
    let reversed: String = word.chars().rev().collect();
    ws.iter()
        .find(|v| {
            let t = v.text.trim_matches(|c| matches!(c, '.' | ',' | '،'));
            t == word || t == reversed
        })
        .unwrap_or_else(|| panic!("{word} not in the PDF"))
}

/// F9: in the numbered (Vancouver) list, a Hebrew or Arabic reference keeps
/// the list's direction: its number at the left with the others', its
/// words from the text column on, right to left among themselves, and the
/// style's numbers and language note after them in order ("2017;5:1-9.
/// Hebrew." at the right end), never turned round (".Hebrew .2017;5:1-9").
#[test]
fn a_hebrew_or_arabic_reference_keeps_the_lists_direction() {
    let w = workdir();
    w.import_reading("s.csv", SCRIPTS);
    let pdf = w.path("s.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "-q"]);
    // No English word or number turned round ("…2017;5:1-9. Hebrew." was
    // drawn ".Hebrew .2017;5:1-9").
    let text = pdf_text(&pdf).join("\n");
    for part in ["Hebrew.", "Arabic.", "2017;5:1-9."] {
        assert!(text.contains(part), "{part} not in:\n{text}");
    }
    for turned in [".Hebrew", ".Arabic", ".2017", ".2015"] {
        assert!(!text.contains(turned), "{turned} in:\n{text}");
    }
    let Some(ws) = pdf_words(&pdf) else { return };
    let mut labels = Vec::new();
    for (first, note, numbers) in [
        ("Adébáyọ̀", "Yoruba.", "2021;2(1):1-10."),
        ("כהן", "Hebrew.", "2017;5:1-9."),
        ("الرازي", "Arabic.", "2015;3(2):10-20."),
        ("Smith", "English.", "2019;7:1-9."),
    ] {
        let author = find(&ws, first);
        let line = line_of(&ws, author);
        let texts: Vec<&str> = line.iter().map(|v| v.text.as_str()).collect();
        // The label first, then the reference from the text column.
        let label = line[0];
        assert!(label.text.ends_with('.') && label.text[..label.text.len() - 1].parse::<u32>().is_ok(), "{texts:?}");
        assert!((line[1].x0 - (56.69 + 24.0)).abs() < 1.5, "{first}: the reference starts at {}", line[1].x0);
        labels.push((first, label.x1));
        if note == "English." {
            continue; // (no language note for a reference in the list's language)
        }
        // The numbers, then the language note, end the line in order.
        let n = texts.len();
        assert_eq!(&texts[n - 2..], [numbers, note], "{first}: the line reads {texts:?}");
        // The author's name is right of the title: the words of the
        // reference read right to left among themselves, left of the numbers.
        let title = find(&ws, if first == "כהן" { "רפואה" } else { "الحضارة" });
        if first != "Adébáyọ̀" {
            assert!(author.x0 > title.x1, "{first}: the author {author:?} is not right of the title {title:?}");
            let numbers_x = line[n - 2].x0;
            assert!(line[1..n - 2].iter().all(|v| v.x1 <= numbers_x + 0.5), "{first}: {texts:?}");
        }
    }
    // Every number ends where the others end (right-aligned in the margin).
    let x = labels[0].1;
    assert!(labels.iter().all(|(_, l)| (l - x).abs() < 0.5), "the numbers are not in one column: {labels:?}");
}

/// F9: in an author-date list (APA, no numbers), a reference mostly in
/// Arabic starts at the margin with the others, its year in parentheses in
/// the style's place among its Arabic words.
#[test]
fn an_arabic_reference_starts_at_the_margin_in_an_author_date_list() {
    let w = workdir();
    w.import_reading("s.csv", SCRIPTS);
    let pdf = w.path("a.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let Some(ws) = pdf_words(&pdf) else { return };
    for first in ["Adébáyọ̀", "الرازي", "כהן", "Smith"] {
        let line = line_of(&ws, find(&ws, first));
        assert!((line[0].x0 - 56.69).abs() < 1.5, "{first}: the reference starts at {}", line[0].x0);
    }
    // "الرازي، م.، وابن سينا. (2015). الطب …": the year between the names
    // (right) and the title (left), its parentheses the right way round.
    let name = find(&ws, "الرازي");
    let year = ws.iter().find(|v| v.text.contains("2015") && (v.y0 - name.y0).abs() < 4.0).expect("the year");
    let title = find(&ws, "الحضارة");
    assert!(title.x1 < year.x0 && year.x1 < name.x0, "title {title:?}, year {year:?}, name {name:?}");
    // (poppler gives the letters of a right-to-left word in visual order:
    // ".)2015(" for "(2015)." drawn with its brackets mirrored.)
    assert!(year.text.contains("2015") && year.text.contains('(') && year.text.contains(')'), "{year:?}");
}
