use super::fonts::{Fonts, Weight};
use super::layout::{BOTTOM, CONTENT_W, Item, Layout, TOP, layout};
use super::shape::Shaper;
use super::*;

fn shaper() -> Shaper {
    Shaper::new(Fonts::load().expect("vendored fonts parse"))
}

fn doc(blocks: Vec<Block>) -> Document {
    Document { title: "Test report".into(), date: "2026-11-25".into(), blocks }
}

fn para(text: &str) -> Block {
    Block::Paragraph { text: text.into(), style: Style::Body }
}

fn table(rows: usize, long: bool) -> Table {
    Table {
        columns: vec![
            Column { header: "No".into(), weight: 0.6, align: Align::Right },
            Column { header: "Author".into(), weight: 2.0, align: Align::Left },
            Column { header: "Title".into(), weight: 4.0, align: Align::Left },
        ],
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!("{}", i + 1),
                    format!("Row author {i}"),
                    if long && i % 3 == 0 { "a long title that wraps ".repeat(6) } else { format!("Title {i}") },
                ]
            })
            .collect(),
    }
}

fn lay(d: &Document) -> Layout {
    let mut sh = shaper();
    layout(d, &mut sh)
}

/// Every text item lies within the page's content area, header or footer.
fn assert_inside(l: &Layout) {
    for (pi, p) in l.pages.iter().enumerate() {
        for it in &p.items {
            if let Item::Text { y, .. } = it {
                assert!(*y > 0.0 && *y < layout::PAGE_H, "page {pi}: text at {y}");
            }
            if let Item::Rect { y, h, .. } = it
                && !p.is_title
            {
                assert!(*y >= TOP - 1.0 && y + h <= BOTTOM + 1.0, "page {pi}: rect {y}+{h} outside");
            }
        }
    }
}

#[test]
fn wrap_respects_width_and_keeps_words() {
    let mut sh = shaper();
    let text = "Ngũgĩ wa Thiong'o and Françoise Vergès wrote about language, memory and the politics of reading lists.";
    let lines = sh.wrap(text, Weight::Regular, 10.0, 150.0);
    assert!(lines.len() >= 3, "{} lines", lines.len());
    for l in &lines {
        assert!(l.width <= 150.5, "line {:?} is {} wide", l.text, l.width);
    }
    let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined.join(" "), text);
    // Fits on one line: unchanged.
    let one = sh.wrap("Short line", Weight::Regular, 10.0, 300.0);
    assert_eq!(one.len(), 1);
    assert!(one[0].width > 20.0 && one[0].width < 80.0);
}

#[test]
fn wrap_breaks_overlong_words_by_cluster() {
    let mut sh = shaper();
    let word = "Adébáyọ̀".repeat(20);
    let lines = sh.wrap(&word, Weight::Regular, 10.0, 100.0);
    assert!(lines.len() > 3);
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, word, "no character lost or duplicated");
    for l in &lines {
        assert!(l.width <= 100.5);
        // Never split a base letter from its combining marks.
        assert!(!l.text.starts_with('\u{0323}') && !l.text.starts_with('\u{0300}'));
    }
}

#[test]
fn shaping_uses_fallback_fonts_and_bidi() {
    let mut sh = shaper();
    let l = sh.shape("Said (إدوارد سعيد) 鲁迅 गायत्री", Weight::Regular, 10.0);
    let fonts: std::collections::BTreeSet<u8> = l.glyphs.iter().map(|g| g.font).collect();
    assert!(fonts.contains(&fonts::REGULAR));
    assert!(fonts.contains(&fonts::ARABIC));
    assert!(fonts.contains(&fonts::CJK));
    assert!(fonts.contains(&fonts::DEVANAGARI));
    assert!(l.glyphs.iter().all(|g| g.gid != 0), "no tofu");
    assert_eq!(l.actual_text.len(), 1, "one Devanagari span");
    // Glyph x positions increase (visual order), Arabic included.
    assert!(l.glyphs.windows(2).filter(|w| w[1].x + 0.01 < w[0].x).count() <= 4);
    assert!(sh.missing.is_empty());
    // A cell that starts with Arabic keeps an LTR paragraph: the Latin part is on the right.
    let m = sh.shape("سعيد Said", Weight::Regular, 10.0);
    let first_latin = m.glyphs.iter().position(|g| g.font == fonts::REGULAR && m.glyph_text(g) == "S");
    assert!(first_latin.is_some());
    let first_arabic = m.glyphs.iter().position(|g| g.font == fonts::ARABIC);
    assert!(first_arabic < first_latin);
}

#[test]
fn paragraphs_break_across_pages() {
    let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(200);
    let l = lay(&doc(vec![para(&text)]));
    assert!(l.pages.len() >= 3, "{} pages", l.pages.len());
    assert_inside(&l);
    let last = l.pages.len();
    assert!(l.pages[last - 1].texts().contains(&format!("Page {last} of {last}").as_str()));
    assert!(l.pages[0].texts().contains(&format!("Page 1 of {last}").as_str()));
    assert!(l.pages[0].texts().contains(&"Test report"), "running header");
}

#[test]
fn headings_start_pages_and_become_bookmarks() {
    let l = lay(&doc(vec![
        Block::TitlePage { title: "T".into(), subtitle: "S".into(), lines: vec!["L".into()] },
        Block::Heading { level: 1, text: "One".into() },
        para("x"),
        Block::Heading { level: 1, text: "Two".into() },
        Block::Heading { level: 2, text: "Two point one".into() },
        para("y"),
    ]));
    assert_eq!(l.pages.len(), 3);
    assert!(l.pages[0].is_title);
    assert!(!l.pages[0].texts().contains(&"Test report"), "no running header on the title page");
    assert_eq!(l.bookmarks, vec![("One".to_string(), 2), ("Two".to_string(), 3)]);
}

#[test]
fn heading_is_kept_with_following_lines() {
    // Fill a page almost to the bottom, then a level-2 heading must move.
    let mut blocks = vec![];
    for _ in 0..49 {
        blocks.push(para("filler"));
    }
    blocks.push(Block::Heading { level: 2, text: "Kept heading".into() });
    blocks.push(para("after"));
    let l = lay(&doc(blocks));
    let page_of = |t: &str| l.pages.iter().position(|p| p.texts().contains(&t)).expect("text placed");
    assert_eq!(page_of("Kept heading"), page_of("after"));
}

#[test]
fn table_repeats_header_on_every_page() {
    let t = table(400, true);
    let l = lay(&doc(vec![Block::Table(t)]));
    assert!(l.pages.len() > 5);
    assert_inside(&l);
    let mut seen = 0;
    for p in &l.pages {
        let texts = p.texts();
        assert!(texts.contains(&"Author") && texts.contains(&"Title"), "header on every page");
        seen += texts.iter().filter(|t| t.starts_with("Row author")).count();
    }
    assert_eq!(seen, 400, "every row placed exactly once");
}

#[test]
fn row_taller_than_a_page_is_split() {
    let t = Table {
        columns: vec![
            Column { header: "A".into(), weight: 1.0, align: Align::Left },
            Column { header: "B".into(), weight: 1.0, align: Align::Right },
        ],
        rows: vec![vec!["tall".into(), "word ".repeat(3000)], vec!["next".into(), "1".into()]],
    };
    let l = lay(&doc(vec![Block::Table(t)]));
    assert!(l.pages.len() >= 3);
    assert_inside(&l);
    let words: usize =
        l.pages.iter().flat_map(|p| p.texts()).filter(|t| t.starts_with("word")).map(|t| t.split(' ').count()).sum();
    assert_eq!(words, 3000);
    assert!(l.pages.last().map(|p| p.texts().contains(&"next")).unwrap_or(false));
}

#[test]
fn heat_map_breaks_and_repeats_column_labels() {
    let n = 150;
    let hm = HeatMap {
        row_labels: (0..n).map(|i| format!("Module {i}")).collect(),
        col_labels: vec!["Alpha".into(), "Beta".into(), "Gamma".into()],
        values: (0..n).map(|i| vec![(i % 10) as f64 / 9.0, 0.5, 1.0]).collect(),
        cell_text: (0..n).map(|i| vec![format!("{i}"), "5".into(), "9".into()]).collect(),
        legend: "Share of readings".into(),
    };
    let l = lay(&doc(vec![Block::HeatMap(hm)]));
    assert!(l.pages.len() >= 3);
    assert_inside(&l);
    for p in &l.pages {
        assert!(p.texts().contains(&"Beta"));
    }
    let rows: usize = l.pages.iter().map(|p| p.texts().iter().filter(|t| t.starts_with("Module ")).count()).sum();
    assert_eq!(rows, n);
    assert_eq!(layout::ramp(0.0), (1.0, 1.0, 1.0));
}

#[test]
fn key_figures_and_references_fit_width() {
    let l = lay(&doc(vec![
        Block::KeyFigures(vec![("Modules".into(), "42".into()), ("Readings".into(), "1,318".into())]),
        Block::Reference {
            label: "".into(),
            text: "Fanon, Frantz. The Wretched of the Earth.".into(),
            note: Some("note".into()),
        },
        Block::Reference { label: "".into(), text: "Said, Edward. Orientalism.".into(), note: None },
    ]));
    let texts = l.pages[0].texts();
    assert!(texts.contains(&"1.") && texts.contains(&"2."), "{texts:?}");
    for p in &l.pages {
        for it in &p.items {
            if let Item::Text { x, line, .. } = it {
                assert!(x + line.width <= layout::MARGIN_X + CONTENT_W + 0.5);
            }
        }
    }
}

fn sample() -> Document {
    doc(vec![
        Block::TitlePage {
            title: "Curriculum Review".into(),
            subtitle: "Committee report".into(),
            lines: vec!["Programme: BA".into(), "2026-11-25".into()],
        },
        Block::Heading { level: 1, text: "Summary".into() },
        para("Authors: Ngũgĩ wa Thiong'o, Françoise Vergès, 鲁迅, Edward Said (إدوارد سعيد), गायत्री चक्रवर्ती स्पिवक."),
        Block::Bullets(vec!["One".into(), "Two".into()]),
        Block::KeyFigures(vec![("Modules".into(), "42".into())]),
        Block::Table(table(120, true)),
        Block::HeatMap(HeatMap {
            row_labels: vec!["M1".into(), "M2".into()],
            col_labels: vec!["A".into(), "B".into()],
            values: vec![vec![0.1, 0.9], vec![0.5, 0.0]],
            cell_text: vec![vec!["1".into(), "9".into()], vec!["5".into(), "0".into()]],
            legend: "Legend".into(),
        }),
        Block::Reference { label: "".into(), text: "Fanon, Frantz.".into(), note: None },
        Block::Spacer(10.0),
        Block::PageBreak,
        para("End"),
    ])
}

#[test]
fn render_is_deterministic_in_one_process() {
    let a = render(&sample()).expect("render");
    let other = render(&doc(vec![para("something else")])).expect("render");
    let b = render(&sample()).expect("render");
    assert!(a == b, "two renders of the same document differ");
    assert!(a != other);
    assert!(a.starts_with(b"%PDF-"));
}

#[test]
fn pdf_text_extraction_and_size() {
    let bytes = render(&sample()).expect("render");
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf reads our output");
    let pages = pdf.get_pages();
    let n = pages.len();
    assert!(n >= 4);
    let p1 = pdf.extract_text(&[1]).expect("text page 1");
    assert!(p1.contains(&format!("Page 1 of {n}")), "{p1}");
    assert!(p1.contains("Curriculum Review"));
    let p2 = pdf.extract_text(&[2]).expect("text page 2");
    assert!(p2.contains("Ngũgĩ wa Thiong'o"), "{p2}");
    assert!(p2.contains("Françoise Vergès"), "{p2}");
    assert!(p2.contains("鲁迅"), "{p2}");
    assert!(p2.contains("Test report"), "running header: {p2}");
    let catalog = pdf.catalog().expect("catalog");
    assert!(catalog.get(b"Outlines").is_ok(), "level-1 headings become bookmarks");
    let last = pdf.extract_text(&[n as u32]).expect("text last page");
    assert!(last.contains(&format!("Page {n} of {n}")));
}

#[test]
fn date_parsing() {
    assert_eq!(emit::parse_date("1970-01-01").expect("date"), 0);
    assert_eq!(emit::parse_date("2026-11-25").expect("date"), 1_795_564_800);
    assert!(emit::parse_date("25/11/2026").is_err());
    assert!(render(&Document { title: "x".into(), date: "bad".into(), blocks: vec![] }).is_err());
}

#[test]
fn empty_document_renders_one_page() {
    let bytes = render(&doc(vec![])).expect("render");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parse");
    assert_eq!(pdf.get_pages().len(), 1);
}

#[test]
fn characters_in_no_font_are_reported() {
    let (bytes, warnings) = render_with_warnings(&doc(vec![para("Emoji \u{1F600} here")])).expect("render");
    assert!(!bytes.is_empty());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("U+1F600"));
}

/// Regression: a 1 MB word was shaped again for every line it filled
/// (quadratic; the hostile-input test's report never finished).
#[test]
fn a_huge_word_wraps_in_linear_time() {
    let fonts = super::fonts::Fonts::load().unwrap();
    let mut sh = super::shape::Shaper::new(fonts);
    let word = "x".repeat(200_000);
    let start = std::time::Instant::now();
    let lines = sh.wrap(&word, super::fonts::Weight::Regular, 9.0, 300.0);
    assert!(lines.len() > 100);
    assert_eq!(lines.iter().map(|l| l.text.len()).sum::<usize>(), 200_000);
    assert!(start.elapsed() < std::time::Duration::from_secs(20), "took {:?}", start.elapsed());
}
