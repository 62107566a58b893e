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
fn a_line_never_ends_with_the_hyphen_that_starts_a_word() {
    let mut sh = shaper();
    let text = "inflected (-s, -es, -ed, -d, -ing, -al, -ly), or derived (-ity, -ism, -ist, -ic, -ical, -ness); \
                medicine -race and race-based advice";
    for w in (60..=300).step_by(7) {
        let lines = sh.wrap(text, Weight::Regular, 10.0, w as f32);
        let joined: String = lines.iter().flat_map(|l| l.text.chars()).filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, text.chars().filter(|c| !c.is_whitespace()).collect::<String>(), "width {w}");
        for l in &lines {
            let t = l.text.trim_end();
            let lone = t.ends_with('-') && (t.len() == 1 || t[..t.len() - 1].ends_with([' ', '(']));
            assert!(!lone, "width {w}: {:?} ends with a word-initial hyphen", l.text);
        }
    }
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
    // The paragraph direction comes from the first strong character (UAX #9
    // P2-P3): a cell that starts with Arabic is right to left, so its Latin
    // part, which comes after, is drawn to the left of the Arabic.
    let m = sh.shape("سعيد Said", Weight::Regular, 10.0);
    assert!(m.rtl);
    let first_latin = m.glyphs.iter().position(|g| g.font == fonts::REGULAR && m.glyph_text(g) == "S");
    let first_arabic = m.glyphs.iter().position(|g| g.font == fonts::ARABIC);
    assert!(first_latin.is_some() && first_arabic.is_some());
    assert!(first_latin < first_arabic);
    // One that starts with Latin stays left to right.
    let m = sh.shape("Said سعيد", Weight::Regular, 10.0);
    assert!(!m.rtl);
    let first_latin = m.glyphs.iter().position(|g| g.font == fonts::REGULAR && m.glyph_text(g) == "S");
    let first_arabic = m.glyphs.iter().position(|g| g.font == fonts::ARABIC);
    assert!(first_latin < first_arabic);
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
    // A section longer than a few lines starts a page when less than a
    // quarter of the page is left (a short one follows the previous section:
    // see `a_one_sentence_section_sits_under_the_previous_one`); with more
    // room left, it starts under the previous one (issue 13, 13k).
    let long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(12);
    for (fillers, two_on) in [(28, 3), (1, 2)] {
        let mut blocks = vec![
            Block::TitlePage { title: "T".into(), subtitle: "S".into(), lines: vec!["L".into()] },
            Block::Heading { level: 1, text: "One".into() },
        ];
        blocks.extend((0..fillers).map(|_| para("x")));
        blocks.extend([
            Block::Heading { level: 1, text: "Two".into() },
            Block::Heading { level: 2, text: "Two point one".into() },
            para(&long),
        ]);
        let l = lay(&doc(blocks));
        assert_eq!(l.pages.len(), two_on, "{fillers}");
        assert!(l.pages[0].is_title);
        assert!(!l.pages[0].texts().contains(&"Test report"), "no running header on the title page");
        assert_eq!(l.bookmarks, vec![("One".to_string(), 2), ("Two".to_string(), two_on)], "{fillers}");
    }
}

#[test]
fn a_one_sentence_section_sits_under_the_previous_one() {
    let l = lay(&doc(vec![
        Block::Heading { level: 1, text: "One".into() },
        para("x"),
        Block::Heading { level: 1, text: "Two".into() },
        Block::Heading { level: 2, text: "Two point one".into() },
        para("y"),
        Block::Heading { level: 1, text: "Three".into() },
        Block::Table(Table {
            columns: vec![Column { header: "H".into(), weight: 1.0, align: Align::Left }],
            rows: vec![vec!["a".into()]; 3],
        }),
    ]));
    let names = |b: &[(String, usize)]| b.iter().map(|(t, p)| format!("{t}:{p}")).collect::<Vec<_>>().join(" ");
    // "Two" holds one sentence: it follows "One" on its page; so does "Three",
    // which holds a table, as its heading and first rows fit (issue 13, 13k).
    assert_eq!(names(&l.bookmarks), "One:1 Two:1 Three:1");
    assert_eq!(l.pages.len(), 1);
    assert_inside(&l);
}

#[test]
fn a_heading_and_its_one_sentence_are_never_a_page_of_their_own() {
    // The sample report's page 37: a table fills the page to near its foot, then a
    // subsection of one sentence ends the section and the next section starts a page.
    for filler in 20..75 {
        let mut blocks = vec![Block::Heading { level: 1, text: "Facets".into() }];
        for _ in 0..filler {
            blocks.push(para("filler"));
        }
        blocks.push(Block::Heading { level: 2, text: "Author facets".into() });
        blocks.push(Block::Paragraph { text: "No facet about an author is recorded.".into(), style: Style::Muted });
        blocks.push(Block::Heading { level: 1, text: "Methods".into() });
        for _ in 0..30 {
            blocks.push(para("method"));
        }
        let l = lay(&doc(blocks));
        let page_of = |t: &str| l.pages.iter().position(|p| p.texts().contains(&t)).expect("text placed");
        // Heading and sentence together, on the filler's last page or with the next section.
        assert_eq!(page_of("Author facets"), page_of("No facet about an author is recorded."), "{filler}");
        for (i, p) in l.pages.iter().enumerate() {
            let body: Vec<&str> =
                p.texts().into_iter().filter(|t| !t.starts_with("Page ") && *t != "Test report").collect();
            assert!(body.len() > 2, "filler {filler}: page {} holds only {body:?}", i + 1);
        }
        assert_inside(&l);
    }
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
        Block::Reference { label: "[3]".into(), text: "Vergès F. Le ventre des femmes.".into(), note: None },
    ]));
    let texts = l.pages[0].texts();
    // A label is printed as the style gives it; none is made up for an
    // author-date style's references.
    assert!(texts.contains(&"[3]"), "{texts:?}");
    assert!(!texts.contains(&"1.") && !texts.contains(&"2."), "{texts:?}");
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
/// (quadratic; the hostile-input test's report never finished). Measured in
/// bytes shaped, never in seconds (speed is `bench/run.sh`'s business).
#[test]
fn a_huge_word_wraps_in_linear_time() {
    let fonts = super::fonts::Fonts::load().unwrap();
    let mut sh = super::shape::Shaper::new(fonts);
    let word = "x".repeat(200_000);
    let lines = sh.wrap(&word, super::fonts::Weight::Regular, 9.0, 300.0);
    assert!(lines.len() > 100);
    assert_eq!(lines.iter().map(|l| l.text.len()).sum::<usize>(), 200_000);
    // The work, not the clock: the word is shaped once whole and once more in
    // its line-sized pieces (shaping it again per line was the quadratic bug).
    assert!(sh.shaped_bytes <= 3 * word.len(), "{} bytes shaped for {}", sh.shaped_bytes, word.len());
}

/// The text items of a layout with their page, position and line.
fn placed(l: &Layout) -> Vec<(usize, f32, f32, &super::shape::ShapedLine)> {
    let mut out = Vec::new();
    for (pi, p) in l.pages.iter().enumerate() {
        for it in &p.items {
            if let Item::Text { x, y, line, .. } = it {
                out.push((pi, *x, *y, line));
            }
        }
    }
    out
}

const RIGHT: f32 = layout::MARGIN_X + CONTENT_W;

#[test]
fn right_to_left_paragraphs_are_laid_out_right_to_left() {
    // An all-Arabic paragraph long enough for several lines.
    let words = ["ابن", "سينا", "كتب", "القانون", "في", "الطب", "وهو", "مرجع", "الأطباء", "قرونا"];
    let text: String = (0..60).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ");
    let l = lay(&doc(vec![para(&text)]));
    let lines: Vec<_> =
        placed(&l).into_iter().filter(|(_, _, _, line)| line.glyphs.iter().any(|g| g.font == fonts::ARABIC)).collect();
    assert!(lines.len() >= 3, "{} lines", lines.len());
    let mut joined = Vec::new();
    for (_, x, _, line) in &lines {
        assert!(line.rtl, "the paragraph takes its direction from its first strong character");
        // Right-aligned: every line ends at the right margin.
        assert!((x + line.width - RIGHT).abs() < 0.5, "line ends at {} not {RIGHT}", x + line.width);
        // Within a line, logical order runs right to left: the glyph of the
        // line's first character is the rightmost one.
        let first = line.glyphs.iter().find(|g| g.text.start == 0 && !g.text.is_empty()).expect("first glyph");
        assert!(line.glyphs.iter().all(|g| g.x <= first.x + 0.01), "first character is not rightmost: {}", line.text);
        joined.push(line.text.clone());
    }
    // Lines follow in logical order and nothing is lost.
    assert_eq!(joined.join(" "), text);
    // The last line is short and still hugs the right margin.
    let (_, x, _, last) = lines.last().unwrap();
    assert!(last.width < CONTENT_W * 0.95 && *x > layout::MARGIN_X + 1.0);
}

#[test]
fn mixed_runs_are_reordered_within_a_right_to_left_line() {
    let mut sh = shaper();
    let l = sh.shape("ابن سينا (Avicenna, 980) كتب", Weight::Regular, 10.0);
    assert!(l.rtl);
    let x_of = |s: &str| {
        let start = l.text.find(s).unwrap() as u32;
        l.glyphs.iter().find(|g| g.text.start == start).map(|g| g.x).unwrap()
    };
    // Right to left across the runs: "ابن" rightmost, then "Avicenna", then "كتب".
    assert!(x_of("ابن") > x_of("Avicenna"));
    assert!(x_of("Avicenna") > x_of("كتب"));
    // Inside the Latin run, left to right: A before v, and the number after the name.
    assert!(x_of("Avicenna") < x_of("vicenna"));
    assert!(x_of("Avicenna") < x_of("980"));
    // The brackets belong to the right-to-left flow (UAX #9 N1): the logical
    // "(" follows "ابن" to its left, just right of "980", and is mirrored
    // (drawn as ")") so that the pair still encloses the Latin words.
    let open = l.text.find('(').unwrap() as u32;
    let open_glyph = l.glyphs.iter().find(|g| g.text.start == open).unwrap();
    assert!(open_glyph.x > x_of("980") && open_glyph.x < x_of("ابن"));
    let closing = sh.shape(")", Weight::Regular, 10.0);
    assert_eq!(open_glyph.gid, closing.glyphs[0].gid, "mirrored");
}

#[test]
fn left_to_right_text_keeps_its_direction_around_arabic() {
    let l = lay(&doc(vec![para(
        "Edward Said (إدوارد سعيد) wrote Orientalism in 1978; it is read in every course on colonial history.",
    )]));
    let lines = placed(&l);
    let (_, x, _, line) = lines.iter().find(|(_, _, _, l)| l.text.starts_with("Edward")).unwrap();
    assert!(!line.rtl);
    assert!((*x - layout::MARGIN_X).abs() < 0.01, "left aligned");
    // The Arabic words run right to left inside the left-to-right line.
    let pos = |s: &str| {
        let start = line.text.find(s).unwrap() as u32;
        line.glyphs.iter().find(|g| g.text.start == start).unwrap().x
    };
    assert!(pos("إدوارد") > pos("سعيد"));
    assert!(pos("Said") < pos("سعيد") && pos("سعيد") < pos("wrote"));
}

#[test]
fn right_to_left_cells_align_to_their_start() {
    let t = Table {
        columns: vec![
            Column { header: "Title".into(), weight: 3.0, align: Align::Left },
            Column { header: "Year".into(), weight: 1.0, align: Align::Right },
        ],
        rows: vec![vec!["القانون في الطب".into(), "1025".into()], vec!["The Canon of Medicine".into(), "1025".into()]],
    };
    let l = lay(&doc(vec![Block::Table(t)]));
    let lines = placed(&l);
    let cell_right = layout::MARGIN_X + CONTENT_W * 3.0 / 4.0 - 4.5;
    let (_, x, _, ar) = lines.iter().find(|(_, _, _, l)| l.text == "القانون في الطب").unwrap();
    assert!(ar.rtl && (x + ar.width - cell_right).abs() < 0.5, "Arabic cell ends at the cell's right edge");
    let (_, x, _, en) = lines.iter().find(|(_, _, _, l)| l.text == "The Canon of Medicine").unwrap();
    assert!(!en.rtl && (*x - layout::MARGIN_X - 4.5).abs() < 0.5, "Latin cell starts at the left edge");
}

/// Tester r64 F9: a right-to-left reference keeps the list's direction (it
/// hung from the right margin, its label there, until then): its label in
/// the left margin with the others, its text from the text column.
#[test]
fn a_right_to_left_reference_keeps_the_lists_direction() {
    let l = lay(&doc(vec![
        Block::Reference { label: "1.".into(), text: "Fanon F. The Wretched of the Earth. 1961.".into(), note: None },
        Block::Reference {
            label: "2.".into(),
            text: "ابن سينا. القانون في الطب. 1025.".into(),
            note: Some("A note".into()),
        },
    ]));
    let lines = placed(&l);
    let find = |t: &str| lines.iter().find(|(_, _, _, l)| l.text == t).map(|(_, x, _, l)| (*x, l.width)).unwrap();
    let (x1, w1) = find("1.");
    let (x2, w2) = find("2.");
    assert!(x1 < layout::MARGIN_X + 24.0, "LTR label in the left margin");
    assert!((x1 + w1 - (x2 + w2)).abs() < 0.5, "RTL label in the left margin, where the other ends");
    let (xa, _) = find("ابن سينا. القانون في الطب. 1025.");
    assert!((xa - (layout::MARGIN_X + 24.0)).abs() < 0.5, "the Arabic reference starts at the hanging indent");
    // Issue 13 (13q): a note is a paragraph of its own, its direction from
    // its first letter (13k had it hang from the right like its reference):
    // a Latin note under an Arabic reference starts where Latin notes start,
    // right of the labels (r10: not at the page's margin, left of them).
    let (xn, _) = find("A note");
    assert!((xn - layout::MARGIN_X - 24.0).abs() < 0.5, "a Latin note under an Arabic reference starts as others do");
}

/// Rows of the table of a test layout on each page (rows are "Row author N").
#[test]
fn rows_of_half_a_page_fill_each_page_in_parts_of_four_lines_or_more() {
    // Issue 13 (13q) moved a row that fits on a page of its own to the next
    // page whole; with rows each about half a page tall, every page was left
    // about half empty (13b: the sample report's pages 15-18). Such a row now
    // goes on over the page when a quarter of a page or more is left, each
    // part holding at least MIN_SPLIT_LINES lines.
    // Module rows with forty linked readings: each about half a page tall.
    let readings = |m: usize| (0..40).map(|i| format!("Reading {m}-{i}, a title of some length")).collect::<Vec<_>>();
    let t = Table {
        columns: vec![
            Column { header: "Module".into(), weight: 1.0, align: Align::Left },
            Column { header: "Linked readings".into(), weight: 3.0, align: Align::Left },
        ],
        rows: (0..6).map(|m| vec![format!("MOD{m}"), readings(m).join("; ")]).collect(),
    };
    let l = lay(&doc(vec![para("Before the table."), Block::Table(t)]));
    assert_inside(&l);
    // Every reading is placed once, in order.
    let all: String = l.pages.iter().flat_map(|p| p.texts()).collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for m in 0..6 {
        for i in 0..40 {
            let r = format!("Reading {m}-{i},");
            let found = all[at..].find(&r).unwrap_or_else(|| panic!("{r} missing or out of order"));
            at += found + r.len();
        }
    }
    assert_eq!(all.matches("Reading ").count(), 240);
    // Each part of a row (its lines on one page) holds at least MIN_SPLIT_LINES lines.
    let mut parts: std::collections::BTreeMap<(usize, usize), std::collections::BTreeSet<i64>> = Default::default();
    for (pi, p) in l.pages.iter().enumerate() {
        for it in &p.items {
            if let Item::Text { line, y, .. } = it
                && let Some(m) = (0..6).find(|m| line.text.contains(&format!("Reading {m}-")))
            {
                parts.entry((m, pi)).or_default().insert(y.round() as i64);
            }
        }
    }
    for ((m, pi), ys) in &parts {
        assert!(ys.len() >= layout::MIN_SPLIT_LINES, "MOD{m} on page {pi}: a part of {} lines", ys.len());
    }
    assert!(all.contains("(continued)"), "some row goes on over a page");
    // No page before the last is less than three quarters full.
    for (pi, p) in l.pages.iter().enumerate().take(l.pages.len() - 1) {
        let bottom = p
            .items
            .iter()
            .filter_map(|it| if let Item::Text { y, .. } = it { Some(*y) } else { None })
            .filter(|y| *y < BOTTOM)
            .fold(TOP, f32::max);
        assert!(bottom - TOP >= (BOTTOM - TOP) * 0.7, "page {pi} ends at {bottom}");
    }
}

#[test]
fn a_narrow_first_column_says_cont_rather_than_cut_the_word() {
    // Issue 13: "G13–G15 (continued)" in the gap column left ")" alone on a line.
    let readings = |m: usize| (0..160).map(|i| format!("Reading {m}-{i}, a title of some length")).collect::<Vec<_>>();
    // Narrow enough to cut "(continued)", then too narrow even for "(cont.)".
    for (weight, short) in [(8.0, true), (14.0, false)] {
        let t = Table {
            columns: vec![
                Column { header: "Gaps".into(), weight: 1.0, align: Align::Left },
                Column { header: "Linked readings".into(), weight, align: Align::Left },
            ],
            rows: (0..3).map(|m| vec![format!("G{m}"), readings(m).join("; ")]).collect(),
        };
        let l = lay(&doc(vec![para("Before the table."), Block::Table(t)]));
        assert_inside(&l);
        let texts: Vec<&str> = l.pages.iter().flat_map(|p| p.texts()).collect();
        assert_eq!(texts.iter().any(|t| *t == "(cont.)" || t.ends_with(" (cont.)")), short, "{weight}: {texts:?}");
        for t in &texts {
            assert!(!t.contains("(contin") && !t.starts_with(')') && *t != "(cont", "{weight}: a cut word: {t:?}");
        }
        // Each row going on over a page names its gap again there.
        let named = |g: &str| texts.iter().filter(|t| t.starts_with(g)).count();
        assert!((0..3).all(|m| named(&format!("G{m}")) >= 2), "{weight}: {texts:?}");
    }
}

fn rows_per_page(l: &Layout) -> Vec<usize> {
    l.pages.iter().map(|p| p.texts().iter().filter(|t| t.starts_with("Row author")).count()).collect()
}

#[test]
fn no_page_holds_a_stub_of_a_table() {
    // Tables of every size from 1 to 30 rows, started at every height of a page.
    for rows in 1..=30 {
        for filler in (0..48).step_by(3) {
            let mut blocks: Vec<Block> = (0..filler).map(|_| para("filler")).collect();
            blocks.push(Block::Heading { level: 2, text: "The table".into() });
            blocks.push(Block::Paragraph { text: "Lead-in".into(), style: Style::Muted });
            blocks.push(Block::Table(table(rows, false)));
            blocks.push(para("after"));
            let l = lay(&doc(blocks));
            let per_page: Vec<usize> = rows_per_page(&l).into_iter().filter(|&n| n > 0).collect();
            assert_eq!(per_page.iter().sum::<usize>(), rows, "every row placed once");
            if per_page.len() > 1 {
                for n in &per_page {
                    assert!(*n >= layout::MIN_ROWS, "{rows} rows after {filler} lines split as {per_page:?}");
                }
            }
            // The heading is on the page of the table's first row, and so is
            // a short lead-in paragraph between them.
            let heading_page = l.pages.iter().position(|p| p.texts().contains(&"The table")).unwrap();
            let first_row_page = l.pages.iter().position(|p| p.texts().contains(&"Row author 0")).unwrap();
            assert_eq!(heading_page, first_row_page, "{rows} rows after {filler} lines: heading left behind");
            let lead_in_page = l.pages.iter().position(|p| p.texts().contains(&"Lead-in")).unwrap();
            assert_eq!(lead_in_page, first_row_page, "{rows} rows after {filler} lines: lead-in left behind");
        }
    }
}

#[test]
fn a_long_table_breaks_without_a_stub_on_its_last_page() {
    // Find a size whose plain greedy break would leave one row alone on the last page.
    let l = lay(&doc(vec![Block::Table(table(200, false))]));
    let per_page = rows_per_page(&l);
    let full = per_page[0];
    for rows in [full + 1, full + 2, 2 * full + 1] {
        let l = lay(&doc(vec![Block::Table(table(rows, false))]));
        let per_page = rows_per_page(&l);
        assert!(per_page.iter().all(|&n| n >= layout::MIN_ROWS), "{rows} rows: {per_page:?}");
        assert_eq!(per_page.iter().sum::<usize>(), rows);
    }
}

#[test]
fn paragraphs_leave_no_single_line_at_a_page_break() {
    let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(8);
    for filler in 30..52 {
        let mut blocks: Vec<Block> = (0..filler).map(|_| para("filler")).collect();
        blocks.push(para(&text));
        let l = lay(&doc(blocks));
        let per_page: Vec<usize> = l
            .pages
            .iter()
            .map(|p| {
                p.texts()
                    .iter()
                    .filter(|t| t.starts_with("Lorem") || t.contains("ipsum") || t.contains("tempor"))
                    .count()
            })
            .filter(|&n| n > 0)
            .collect();
        if per_page.len() > 1 {
            assert!(per_page.iter().all(|&n| n >= layout::MIN_LINES), "after {filler} lines: {per_page:?}");
        }
    }
}

#[test]
fn heat_maps_leave_no_stub_rows() {
    for n in [4, 5, 40, 41, 42, 43] {
        for filler in (0..48).step_by(6) {
            let mut blocks: Vec<Block> = (0..filler).map(|_| para("filler")).collect();
            blocks.push(Block::HeatMap(HeatMap {
                row_labels: (0..n).map(|i| format!("Module {i}")).collect(),
                col_labels: vec!["Alpha".into(), "Beta".into()],
                values: (0..n).map(|_| vec![0.5, 0.5]).collect(),
                cell_text: (0..n).map(|_| vec!["1".into(), "2".into()]).collect(),
                legend: "Legend".into(),
            }));
            let l = lay(&doc(blocks));
            let per_page: Vec<usize> = l
                .pages
                .iter()
                .map(|p| p.texts().iter().filter(|t| t.starts_with("Module ")).count())
                .filter(|&n| n > 0)
                .collect();
            assert_eq!(per_page.iter().sum::<usize>(), n);
            if per_page.len() > 1 {
                assert!(per_page.iter().all(|&k| k >= layout::MIN_ROWS), "{n} rows after {filler}: {per_page:?}");
            }
        }
    }
}

#[test]
fn page_break_planning() {
    use layout::{Take, plan};
    let h = [10.0; 10];
    // Everything fits.
    assert_eq!(plan(200.0, 500.0, &h, 10, 3, false), Take::Units(10));
    // Nine fit: one would be left alone, so two more go with it.
    assert_eq!(plan(95.0, 500.0, &h, 10, 3, false), Take::Units(7));
    // Unless the one left fills a quarter of a page: tall rows are no stub.
    let tall = [150.0; 4];
    assert_eq!(plan(470.0, 500.0, &tall, 4, 3, false), Take::Units(3));
    assert_eq!(plan(320.0, 500.0, &tall, 4, 3, false), Take::Units(2));
    // Two fit: a stub; start on the next page.
    assert_eq!(plan(25.0, 500.0, &h, 10, 3, false), Take::NewPage);
    // At the top of a page there is no better place: take what fits.
    assert_eq!(plan(25.0, 25.0, &h, 10, 3, true), Take::Units(2));
    // A unit taller than a page is split.
    assert_eq!(plan(25.0, 50.0, &[80.0], 1, 3, false), Take::Split);
}

#[test]
fn layout_work_is_linear_in_text_length() {
    // Bytes shaped per byte of input stay bounded whatever the length.
    let ratio = |d: &Document, len: usize| {
        let mut sh = shaper();
        layout(d, &mut sh);
        sh.shaped_bytes as f64 / len as f64
    };
    for n in [1usize << 14, 1 << 17, 1 << 20] {
        // A reference of n bytes in words and as one word.
        let words = "decolonising the curriculum ".repeat(n / 28);
        let one_word = "x".repeat(n);
        for text in [&words, &one_word] {
            let d = doc(vec![Block::Reference { label: "1.".into(), text: text.clone().into(), note: None }]);
            let r = ratio(&d, text.len());
            assert!(r < 4.0, "{} bytes: {r:.1} bytes shaped per byte", text.len());
        }
    }
    // A long title (title page, running header, metadata).
    let title = "A title ".repeat(130_000 / 8);
    let mut d = doc(vec![Block::TitlePage { title: title.clone(), subtitle: "s".into(), lines: vec![] }, para("x")]);
    d.title = title.clone();
    assert!(ratio(&d, title.len()) < 6.0);
    // A 13 KB theme slug as a heat-map column, a table header and a heading.
    let slug = "theme-".repeat(13_000 / 6);
    let d = doc(vec![
        Block::Heading { level: 2, text: slug.clone() },
        Block::HeatMap(HeatMap {
            row_labels: vec!["M1".into()],
            col_labels: vec![slug.clone(), "B".into()],
            values: vec![vec![0.1, 0.2]],
            cell_text: vec![vec!["1".into(), "2".into()]],
            legend: "L".into(),
        }),
        Block::Table(Table {
            columns: vec![
                Column { header: slug.clone(), weight: 1.0, align: Align::Left },
                Column { header: "B".into(), weight: 1.0, align: Align::Left },
            ],
            rows: vec![vec![slug.clone(), "x".into()]],
        }),
    ]);
    let r = ratio(&d, 4 * slug.len());
    assert!(r < 6.0, "{r:.1}");
}

#[test]
fn a_huge_title_stays_on_its_pages() {
    let title = "Decolonising ".repeat(10_000);
    let mut d =
        doc(vec![Block::TitlePage { title: title.clone(), subtitle: "s".into(), lines: vec!["l".into()] }, para("x")]);
    d.title = title;
    let l = lay(&d);
    assert_eq!(l.pages.len(), 2);
    assert_inside(&l);
    // The title page shows the title's start, shortened with an ellipsis.
    assert!(l.pages[0].texts().iter().any(|t| t.ends_with('…')));
}

#[test]
fn missing_characters_are_reported_with_their_source() {
    let d = doc(vec![
        Block::Heading { level: 1, text: "Reading list".into() },
        Block::Reference { label: "1.".into(), text: "A stethoscope \u{1FA7A} paper".into(), note: None }
            .named("reading 42 (\"A stethoscope paper\")"),
        para("Unnamed text with a symbol \u{1F600} in it"),
        Block::Table(Table {
            columns: vec![Column { header: "A".into(), weight: 1.0, align: Align::Left }],
            rows: vec![vec!["fine".into()], vec!["MED2002 \u{1F9EC}".into()]],
        }),
    ]);
    let (_, warnings) = render_with_warnings(&d).expect("render");
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("reading 42 (\"A stethoscope paper\")") && warnings[0].contains("U+1FA7A"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("Unnamed text")
            && warnings[1].contains("\"Reading list\"")
            && warnings[1].contains("U+1F600"),
        "{}",
        warnings[1]
    );
    assert!(
        warnings[2].contains("table row 2") && warnings[2].contains("MED2002") && warnings[2].contains("U+1F9EC"),
        "{}",
        warnings[2]
    );
    // Joiners, variation selectors and bidi controls are never drawn, so never missing.
    let (_, none) = render_with_warnings(&doc(vec![para("a\u{200D}b\u{FE0F}c\u{200F}d\u{00AD}e\u{2066}f\u{2069}")]))
        .expect("render");
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn directional_controls_are_not_in_the_pdfs_text() {
    // An isolated title, as the report writes a mixed-direction one, and a
    // user's own marks: the order is right and none of the controls is
    // drawn, so none comes back when the text is copied or extracted.
    let text = "Salem M. \u{2067}صحة المرأة\u{2069}. 2021. \u{2066}Colonial medicine\u{2069} \u{200F}x\u{202B}y\u{202C}\u{200E}.";
    let (bytes, warnings) = render_with_warnings(&doc(vec![para(text)])).expect("render");
    assert!(warnings.is_empty(), "{warnings:?}");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parse");
    let t = pdf.extract_text(&[1]).expect("text");
    let controls: Vec<String> = t
        .chars()
        .filter(|c| matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(controls.is_empty(), "{controls:?} in {t:?}");
    for w in ["Salem", "2021", "Colonial", "medicine"] {
        assert!(t.contains(w), "{w} missing from {t:?}");
    }
}

#[test]
fn every_script_has_a_font() {
    let mut sh = shaper();
    for text in [
        "Ngũgĩ wa Thiong'o, Adébáyọ̀, Nguyễn Thị Hương, Żółkiewski",
        "Ιστορία της ιατρικής",
        "Начала общей военно-полевой хирургии",
        "تاريخ الطب العربي",
        "רפואה וחברה בישראל",
        "आयुर्वेद का इतिहास",
        "বাংলার চিকিৎসা ইতিহাস",
        "சித்த மருத்துவ வரலாறு",
        "የኢትዮጵያ ባህላዊ ሕክምና",
        "ประวัติการแพทย์แผนไทย",
        "中国近代医学史",
        "臺灣醫療與殖民統治",
        "日本の医学と植民地主義 ハンセン病",
        "한국 근대 의료의 역사",
    ] {
        let l = sh.shape(text, Weight::Regular, 10.0);
        assert!(l.glyphs.iter().all(|g| g.gid != 0), "a box in {text}");
        assert!(sh.missing.is_empty(), "{text}: {:?}", sh.missing);
    }
}

#[test]
fn japanese_text_gets_japanese_glyph_forms() {
    // 直 is drawn differently in Japan and China; the subset keeps both.
    let mut sh = shaper();
    let zh = sh.shape("直接", Weight::Regular, 10.0);
    let ja = sh.shape("直接の", Weight::Regular, 10.0);
    assert_eq!(zh.glyphs[0].font, fonts::CJK);
    assert_ne!(zh.glyphs[0].gid, ja.glyphs[0].gid, "locl for Japanese is applied");
}

#[test]
fn cjk_glyphs_keep_their_cids_through_subsetting() {
    // The writer checks the subset's charset against the codes it wrote; a
    // mismatch would be an error here.
    let text = "鲁迅 臺灣 日本の医学 한국 ハンセン病 直 骨 写";
    let (bytes, warnings) = render_with_warnings(&doc(vec![para(text)])).expect("render");
    assert!(warnings.is_empty(), "{warnings:?}");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parse");
    let t = pdf.extract_text(&[1]).expect("text");
    for w in text.split(' ') {
        assert!(t.contains(w), "{w} missing from {t}");
    }
}

/// Tester r64 F9: every reference of the list is left to right, whatever
/// most of its letters are (it took the direction of most of them until
/// then): its Arabic words right to left inside it.
#[test]
fn every_reference_is_left_to_right_whatever_most_of_its_letters() {
    let l = lay(&doc(vec![
        // An English work whose first author is written in Arabic.
        Block::Reference {
            label: "1.".into(),
            text: "سعيد إ, Fanon F. Orientalism and the clinic: on colonial medicine. 1978.".into(),
            note: None,
        },
        // An Arabic work by an author written in Latin letters.
        Block::Reference {
            label: "2.".into(), text: "Said E. الاستشراق والطب الاستعماري. 1978.".into(), note: None
        },
    ]));
    let lines = placed(&l);
    let en = lines.iter().find(|(_, _, _, l)| l.text.contains("Orientalism")).unwrap();
    assert!(!en.3.rtl, "mostly Latin: left to right although the first letter is Arabic");
    assert!((en.1 - layout::MARGIN_X - 24.0).abs() < 0.5);
    let ar = lines.iter().find(|(_, _, _, l)| l.text.contains("الاستشراق")).unwrap();
    assert!(!ar.3.rtl, "mostly Arabic: left to right, the list's direction");
    assert!((ar.1 - layout::MARGIN_X - 24.0).abs() < 0.5);
    // A paragraph still follows its first strong character (P2-P3).
    let mut sh = shaper();
    let p = sh.wrap("سعيد إ, Fanon F. Orientalism and the clinic.", Weight::Regular, 10.0, 400.0);
    assert!(p[0].rtl);
}

/// The font of each character drawn, as (character, font) in line order.
fn fonts_of(l: &Layout) -> Vec<(char, fonts::FontIdx)> {
    let mut out = Vec::new();
    for (_, _, _, line) in placed(l) {
        for g in &line.glyphs {
            for c in line.glyph_text(g).chars() {
                out.push((c, g.font));
            }
        }
    }
    out
}

#[test]
fn a_references_italic_and_bold_runs_keep_their_faces_across_lines_and_scripts() {
    let italic = "Black skin, white masks: Φάνον, Чёрная кожа, سعيد, 鲁迅, मुखौटे and a title long enough to wrap onto a second line of the reference";
    let text = format!("Fanon F. {italic}. New York: Grove; 1952;45(4):1-9.");
    let at = |s: &str| text.find(s).unwrap();
    let emph = |italic, bold| Emphasis { italic, bold, ..Emphasis::default() };
    let rich = Rich {
        text: text.clone(),
        spans: vec![
            (at("Black")..at("Black") + italic.len(), emph(true, false)),
            (at("Grove")..at("Grove") + 5, emph(true, true)),
            (at("45")..at("45") + 2, emph(false, true)),
        ],
    };
    let l = lay(&doc(vec![Block::Reference { label: "1.".into(), text: rich.clone(), note: None }]));
    assert!(placed(&l).len() >= 2, "the reference wraps");
    let drawn = fonts_of(&l);
    let font_of = |word: &str| -> Vec<fonts::FontIdx> {
        let chars: Vec<char> = word.chars().collect();
        // Right-to-left runs are drawn (and their characters mapped) in visual order.
        let i = drawn.windows(chars.len()).position(|w| {
            w.iter().map(|x| x.0).eq(chars.iter().copied()) || w.iter().map(|x| x.0).eq(chars.iter().rev().copied())
        });
        let i = i.unwrap_or_else(|| panic!("{word} not drawn"));
        drawn[i..i + chars.len()].iter().map(|x| x.1).collect()
    };
    let all = |word: &str, f: fonts::FontIdx| {
        let got = font_of(word);
        assert!(got.iter().all(|g| *g == f), "{word}: {got:?}, expected font {f}");
    };
    all("Fanon", fonts::REGULAR);
    all("Black", fonts::ITALIC);
    all("Φάνον", fonts::ITALIC);
    all("Чёрная", fonts::ITALIC);
    all("reference", fonts::ITALIC);
    // Scripts the italic face lacks fall back to their own (regular) faces.
    all("سعيد", fonts::ARABIC);
    all("鲁迅", fonts::CJK);
    let devanagari: Vec<_> = drawn.iter().filter(|(c, _)| fonts::is_devanagari(*c)).collect();
    assert!(devanagari.len() >= 5 && devanagari.iter().all(|(_, f)| *f == fonts::DEVANAGARI), "{devanagari:?}");
    all("Grove", fonts::BOLD_ITALIC);
    all("45", fonts::BOLD);
    all("1952", fonts::REGULAR);
    all("New", fonts::REGULAR);

    // The PDF embeds the italic faces as italic fonts, and its text is the reference's.
    let (bytes, warnings) =
        render_with_warnings(&doc(vec![Block::Reference { label: "1.".into(), text: rich, note: None }]))
            .expect("render");
    assert!(warnings.is_empty(), "{warnings:?}");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parse");
    let mut descriptors = Vec::new();
    for (_, o) in pdf.objects.iter() {
        if let Ok(d) = o.as_dict()
            && d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor".as_slice())
        {
            let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned();
            let flags = d.get(b"Flags").unwrap().as_i64().unwrap();
            let angle = d.get(b"ItalicAngle").unwrap().as_float().unwrap();
            descriptors.push((name, flags, angle));
        }
    }
    descriptors.sort_by(|a, b| a.0.cmp(&b.0));
    for (face, italic) in [
        ("+NotoSans-Italic", true),
        ("+NotoSans-BoldItalic", true),
        ("+NotoSans-Bold", false),
        ("+NotoSans-Regular", false),
    ] {
        let d = descriptors.iter().find(|d| d.0.ends_with(face)).unwrap_or_else(|| panic!("{face}: {descriptors:?}"));
        assert_eq!(d.1 & 64 != 0, italic, "{d:?}");
        assert_eq!(d.2 < -5.0, italic, "{d:?}");
    }
    let t = pdf.extract_text(&[1]).expect("text");
    // (lopdf puts a space at each change of font; pdftotext does not.)
    for w in ["Fanon F.", "Black skin, white masks", "Φάνον", "Grove", "; 1952;", "45", "(4):1-9."] {
        assert!(t.contains(w), "{w} missing from {t}");
    }
}

#[test]
fn small_capitals_are_capitals_at_four_fifths_of_the_size_and_read_as_the_letters() {
    use super::shape::{BaseDirection, Face, SMALL_CAPS};
    let mut sh = shaper();
    let sc = |w: Weight| Face { small_caps: true, ..Face::from(w) };
    let size = 10.0;
    // "Smith" in small caps: S at full size, "mith" as the glyphs of "MITH" at 8 pt.
    let text = "Smith J, Straße J, Ögüt Ç, Ἀθανασίου Μ, Иванова О, Me\u{301}ndez 2, سعيد 3. A title";
    let names = 0..text.find(". A title").unwrap();
    let spans = [(names.clone(), sc(Weight::Regular))];
    let lines = sh.wrap_rich(text, &spans, Weight::Regular, size, 1000.0, BaseDirection::FirstStrong);
    assert_eq!(lines.len(), 1);
    let l = &lines[0];
    assert_eq!(l.text, text, "the line's text is the letters as written");
    let caps = sh.shape("SMITH", Weight::Regular, size);
    let glyph_at = |at: usize| l.glyphs.iter().find(|g| g.text.start as usize == at && !g.text.is_empty()).unwrap();
    for (i, c) in "Smith".char_indices() {
        let g = glyph_at(i);
        assert_eq!(g.gid, caps.glyphs[i].gid, "{c} is drawn as its capital");
        assert_eq!(g.size, if c.is_uppercase() { size } else { size * SMALL_CAPS }, "{c}");
        assert_eq!(l.glyph_text(g), c.to_string(), "{c} reads as itself");
    }
    // Digits, capitals, punctuation, spaces and caseless scripts keep the full size;
    // an accent written after its letter goes with it.
    for (i, c) in text[names.clone()].char_indices() {
        let Some(g) = l.glyphs.iter().find(|g| g.text.start as usize == i && !g.text.is_empty()) else { continue };
        let small = c.is_lowercase() || c == '\u{301}';
        assert_eq!(g.size, if small { size * SMALL_CAPS } else { size }, "{c:?} at {i}");
    }
    let accent = text.find('\u{301}').unwrap();
    let e = l.glyphs.iter().find(|g| g.text.start as usize == accent - 1).unwrap();
    assert_eq!(e.size, size * SMALL_CAPS);
    // Outside the span nothing changes.
    let title = text.find("A title").unwrap();
    assert!(l.glyphs.iter().filter(|g| g.text.start as usize >= title).all(|g| g.size == size));
    // "ß" is drawn "SS", and says so in /ActualText; Greek capitals take no tonos.
    let (two, _) = l
        .actual_text
        .iter()
        .find(|(_, t)| &l.text[t.start as usize..t.end as usize] == "ß")
        .unwrap_or_else(|| panic!("{:?}", l.actual_text));
    let two = &l.glyphs[two.clone()];
    assert_eq!(two.len(), 2, "ß as SS");
    let s_gid = caps.glyphs[0].gid;
    assert!(two.iter().all(|g| g.gid == s_gid && g.size == size * SMALL_CAPS), "{two:?}");
    let iota = text.find("ί").unwrap();
    assert_eq!(glyph_at(iota).gid, sh.shape("Ι", Weight::Regular, size).glyphs[0].gid, "ί as Ι");
    // As wide as a capital S at the full size and MITH at the small one (the
    // line is broken on these widths).
    let width = |t: &str, sh: &mut Shaper| {
        let spans = [(0..t.len(), sc(Weight::Regular))];
        sh.wrap_rich(t, &spans, Weight::Regular, size, 1000.0, BaseDirection::FirstStrong)[0].width
    };
    let w = width("Smith", &mut sh);
    let expected = sh.width("S", Weight::Regular, size) + sh.width("MITH", Weight::Regular, size * SMALL_CAPS);
    assert!((w - expected).abs() < 0.05 && w < caps.width, "{w} {expected}");
    // A letter whose capital no font has (ɤ's Ɤ, Unicode 13) stays as
    // written at the full size rather than becoming an empty box.
    sh.missing.clear();
    let ram =
        sh.wrap_rich("Dɤa", &[(0..4, sc(Weight::Regular))], Weight::Regular, size, 1000.0, BaseDirection::FirstStrong);
    let g = ram[0].glyphs.iter().find(|g| ram[0].glyph_text(g) == "ɤ").expect("ɤ drawn");
    assert_eq!((g.gid != 0, g.size), (true, size), "{:?}", ram[0].glyphs);
    assert_eq!(ram[0].glyphs.last().map(|g| g.size), Some(size * SMALL_CAPS), "a is small");
    assert!(sh.missing.is_empty(), "{:?}", sh.missing);
    // Italic small caps keep the italic face.
    let it =
        sh.wrap_rich("Smith", &[(0..5, sc(Weight::Italic))], Weight::Regular, size, 1000.0, BaseDirection::FirstStrong);
    assert!(it[0].glyphs.iter().all(|g| g.font == fonts::ITALIC), "{:?}", it[0].glyphs);

    // A long reference in small caps wraps on the small widths and loses no letter.
    let long = "Achebe N, Okoro C, van der Berg P, Duarte I, Mensah KA Jr, Lind TR, ".repeat(4);
    let spans = [(0..long.len(), sc(Weight::Regular))];
    let lines = sh.wrap_rich(&long, &spans, Weight::Regular, size, 200.0, BaseDirection::FirstStrong);
    assert!(lines.len() > 2);
    assert!(lines.iter().all(|l| l.width <= 200.01), "{:?}", lines.iter().map(|l| l.width).collect::<Vec<_>>());
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
    assert_eq!(joined, long.trim_end());
}

#[test]
fn a_small_caps_run_sets_its_own_size_in_the_pdf_and_reads_as_written() {
    let text = "Smith J, Straße J. A title. 2020.";
    let rich = Rich {
        text: text.into(),
        spans: vec![(0..text.find(". A").unwrap(), Emphasis { small_caps: true, ..Emphasis::default() })],
    };
    let bytes = render(&doc(vec![Block::Reference { label: "1.".into(), text: rich, note: None }])).expect("render");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parse");
    let page = *pdf.get_pages().values().next().expect("a page");
    let content = String::from_utf8_lossy(&pdf.get_page_content(page)).into_owned();
    let line = content.split("BT").find(|bt| bt.contains("8 Tf")).unwrap_or_else(|| panic!("no 8 pt text: {content}"));
    assert!(line.contains("10 Tf"), "the line holds both sizes: {line}");
    // (lopdf puts a space at each change of font and size, and reads no
    // /ActualText: the second S of "ß" is its zero-width space.)
    let t = pdf.extract_text(&[1]).expect("text");
    let bare: String = t.chars().filter(|c| !c.is_whitespace() && *c != '\u{200B}').collect();
    assert!(bare.contains("SmithJ,StraßeJ.Atitle.2020."), "{t}");
    assert!(!t.contains("SMITH") && !t.contains("MITH"), "{t}");
}

#[test]
fn a_references_note_takes_its_own_direction_in_its_references_column() {
    // Issue 13 (13q): a note is a paragraph of its own, so its direction
    // comes from its own first strong letter (UAX #9 P2-P3), not from the
    // reference above it: the English note under Ibn Sina's Arabic reference
    // was set right-aligned. (13k had made the note follow its reference;
    // the README's rule, and the tester reading the page, say otherwise.)
    // Either way it sits in the column of its own direction, clear of the
    // label: an English note starts where the list's other English notes
    // start, whatever the reference above it (lead, r10: it started at the
    // page's margin under an Arabic reference, left of every other note).
    // (Tester r64 F9: every reference is left to right, in the list's
    // direction; a right-to-left note ends at the right margin, right of the
    // label, since. Until then the first four references were right to left,
    // and their notes and the right-to-left ones left of the labels.)
    let refs = [
        ("כהן ד. רפואה וגזענות בישראל. 2019.", "מאמר על רפואה — article [not reviewed]", false, true),
        (
            "محمد ع. الطب الاستعماري في شمال أفريقيا. 2018.",
            "دراسة تاريخية عن الطب — article [not reviewed]",
            false,
            true,
        ),
        (
            "כהן ד. רפואה וגזענות. 2019.",
            "an English annotation on the history of colonial medicine — article",
            false,
            false,
        ),
        ("ابن سينا. القانون في الطب. 1025.", "book [not reviewed]", false, false),
        (
            "Fanon F. The Wretched of the Earth. 1961.",
            "دراسة تاريخية عن الطب الاستعماري في شمال أفريقيا — book",
            false,
            true,
        ),
        ("Fanon F. The Wretched of the Earth. 1961.", "A classic of anticolonial thought — book", false, false),
    ];
    let blocks = refs
        .iter()
        .map(|(t, n, _, _)| Block::Reference { label: "1.".into(), text: (*t).into(), note: Some((*n).into()) })
        .collect();
    let l = lay(&doc(blocks));
    let lines: Vec<_> = placed(&l)
        .into_iter()
        .filter(|(_, _, _, l)| l.text != "1." && !l.text.starts_with("Page ") && l.text != "Test report")
        .collect();
    assert_eq!(
        lines.len(),
        2 * refs.len(),
        "one line each for reference and note: {:?}",
        lines.iter().map(|l| &l.3.text).collect::<Vec<_>>()
    );
    let hang = 24.0;
    for (k, (t, note, rtl, note_rtl)) in refs.iter().enumerate() {
        let (_, rx, _, r) = lines[2 * k];
        let (_, nx, _, n) = lines[2 * k + 1];
        assert_eq!(r.rtl, *rtl, "{t}");
        assert_eq!(n.rtl, *note_rtl, "the note {note:?} takes its direction from its own first letter");
        // The reference's column: right of the label, or left of it in a right-to-left one.
        let (left, right) = if *rtl { (layout::MARGIN_X, RIGHT - hang) } else { (layout::MARGIN_X + hang, RIGHT) };
        // The note's: the reference's, right of the label.
        let (n_left, n_right) = (layout::MARGIN_X + hang, RIGHT);
        assert!(nx >= n_left - 0.5 && nx + n.width <= n_right + 0.5, "{note:?} stays in its own direction's column");
        if *note_rtl {
            assert!((nx + n.width - n_right).abs() < 0.5, "{note:?}: a right-to-left note ends at the column's right");
        } else {
            assert!((nx - n_left).abs() < 0.5, "{note:?}: a left-to-right note starts at the column's left");
        }
        if *rtl {
            assert!((rx + r.width - right).abs() < 0.5, "{t}: a right-to-left reference ends at the column's right");
        } else {
            assert!((rx - left).abs() < 0.5, "{t}");
        }
    }
}

#[test]
fn a_heat_maps_legend_keeps_with_its_last_row_on_the_pdf_page() {
    // Filler of every length moves the heat map's end down the page one line
    // at a time, so that some run ends it just above the bottom margin.
    for filler in 20..52 {
        let mut blocks: Vec<Block> = (0..filler).map(|_| para("filler")).collect();
        blocks.push(Block::HeatMap(HeatMap {
            row_labels: (0..6).map(|i| format!("Module {i}")).collect(),
            col_labels: vec!["Alpha".into(), "Beta".into()],
            values: (0..6).map(|_| vec![0.5, 0.5]).collect(),
            cell_text: (0..6).map(|_| vec!["1".into(), "2".into()]).collect(),
            legend: "Colour: share of the module's sessions on the theme".into(),
        }));
        let bytes = render(&doc(blocks)).expect("render");
        let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf reads our output");
        let pages: Vec<String> =
            (1..=pdf.get_pages().len() as u32).map(|p| pdf.extract_text(&[p]).unwrap_or_default()).collect();
        let legend: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].contains("Colour: share of")).collect();
        assert_eq!(legend.len(), 1, "after {filler} lines: the legend on pages {legend:?}");
        let page = &pages[legend[0]];
        assert!(
            page.contains("Module 5"),
            "after {filler} lines the legend is on a page without the last row:\n{page}"
        );
        assert!(page.contains("Low") && page.contains("High"), "{page}");
    }
}

#[test]
fn a_table_of_tall_rows_starts_under_its_heading_rather_than_leave_the_page_empty() {
    // Issue 13 (13o): the sample report's Findings, six rows of some fourteen
    // lines each, went to the next page after the Gaps heading and lead-in
    // (one row fitted, "fewer than three rows" made it a stub), leaving a
    // third of page 5 empty. A part that fills a quarter of a page with its
    // heading and header is no stub.
    let t = Table {
        columns: vec![
            Column { header: "No".into(), weight: 0.6, align: Align::Right },
            Column { header: "Author".into(), weight: 2.0, align: Align::Left },
            Column { header: "Title".into(), weight: 4.0, align: Align::Left },
        ],
        rows: (0..6)
            .map(|i| vec![format!("F{i}"), format!("Row author {i}"), "a long finding that wraps ".repeat(28)])
            .collect(),
    };
    let mut moved_checked = 0;
    for filler in (10..48).step_by(2) {
        let mut blocks: Vec<Block> = (0..filler).map(|i| para(&format!("filler {i}"))).collect();
        blocks.push(Block::Heading { level: 2, text: "Findings".into() });
        blocks.push(Block::Paragraph { text: "Lead-in".into(), style: Style::Muted });
        blocks.push(Block::Table(t.clone()));
        let l = lay(&doc(blocks));
        let page_of = |s: &str| l.pages.iter().position(|p| p.texts().contains(&s)).unwrap();
        let (last_filler, heading, first_row) =
            (page_of(&format!("filler {}", filler - 1)), page_of("Findings"), page_of("Row author 0"));
        assert_eq!(heading, first_row, "after {filler} lines: heading left behind");
        assert_eq!(rows_per_page(&l).iter().sum::<usize>(), 6);
        let lowest = |pi: usize, upto: &str| {
            let texts = &l.pages[pi].items;
            let end = texts
                .iter()
                .position(|it| matches!(it, Item::Text { line, .. } if line.text.starts_with(upto)))
                .unwrap_or(texts.len());
            texts[..end]
                .iter()
                .filter_map(|it| if let Item::Text { y, .. } = it { Some(*y) } else { None })
                .filter(|y| *y < BOTTOM)
                .fold(0.0f32, f32::max)
        };
        if heading > last_filler {
            // Moved on: only when the heading, lead-in, header and first row
            // did not fit in the room left (on the next page they reach down
            // to the last baseline of row 0; mid-page the heading has 12 pt
            // above it and the row its padding below: 24 pt in all, at most),
            // or less than a quarter of a page was left.
            let room = BOTTOM - lowest(last_filler, "\u{0}");
            let needed = lowest(heading, "F1") - TOP;
            assert!(
                room < (BOTTOM - TOP) * 0.25 || needed + 24.0 > room,
                "after {filler} lines: {room} pt left for {needed} pt of heading and first row"
            );
            moved_checked += 1;
        }
    }
    assert!(moved_checked < 19, "the table never started on the filler's page");
}

/// `Shaper::width` caches short texts per weight and size: a cached width is
/// the shaped width, and one text at another size or weight is not given the
/// first one's width.
#[test]
fn cached_widths_are_the_shaped_widths_per_weight_and_size() {
    let mut sh = shaper();
    let mut fresh = shaper();
    let (at_limit, past_limit) = ("x".repeat(64), "y".repeat(65));
    let texts = ["Achebe", "Fanon, F.", "ንግድ", "مرحبا بالعالم", "", at_limit.as_str(), past_limit.as_str()];
    for _ in 0..2 {
        for t in texts {
            for weight in [Weight::Regular, Weight::Bold, Weight::Italic] {
                for size in [9.0f32, 10.5, 12.0] {
                    let cached = sh.width(t, weight, size);
                    let shaped = fresh.shape(t, weight, size).width;
                    assert_eq!(cached.to_bits(), shaped.to_bits(), "{t:?} {weight:?} {size}");
                }
            }
        }
    }
    let small = sh.width("Achebe", Weight::Regular, 9.0);
    let large = sh.width("Achebe", Weight::Regular, 12.0);
    let bold = sh.width("Achebe", Weight::Bold, 9.0);
    assert!(large > small && bold > small, "{small} {large} {bold}");
}

#[test]
fn quoted_arabic_words_in_an_english_sentence_keep_their_quotes() {
    // A fresh tester's proposal reason: "shares “الطب”, “العصر” (title)" was
    // set as one right-to-left run, its quote marks paired wrongly.
    let mut sh = shaper();
    let visual = |sh: &mut super::shape::Shaper, t: &str| -> String {
        let lines = sh.wrap(t, Weight::Regular, 10.0, 400.0);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        // The glyphs in drawing order, Arabic letters left out.
        l.glyphs
            .iter()
            .map(|g| l.glyph_text(g))
            .collect::<String>()
            .chars()
            .filter(|c| !matches!(*c as u32, 0x0600..=0x06FF | 0x2066..=0x2069))
            .collect()
    };
    let text = "shares \u{201c}الطب\u{201d}, \u{201c}العصر\u{201d} (title)";
    assert_eq!(
        visual(&mut sh, &crate::report::bidi::isolate_quoted(text)),
        "shares \u{201c}\u{201d}, \u{201c}\u{201d} (title)"
    );
    // Not isolated, the quotes and comma between the words turn with them.
    assert_ne!(visual(&mut sh, text), "shares \u{201c}\u{201d}, \u{201c}\u{201d} (title)");
}

/// Lays `d` out taking its references from a second thread that shapes them
/// with its own shaper, `ahead` at most in the channel; that thread stops
/// after `stop_after` references, and the flow shapes the rest itself.
fn lay_prepared(d: &Document, ahead: usize, stop_after: Option<usize>) -> (Layout, usize) {
    use super::layout::{Flow, shape_references};
    let mut sh = shaper();
    let (tx, rx) = std::sync::mpsc::sync_channel(ahead);
    let mut pages = Vec::new();
    let outline = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut ahead_sh = shaper();
            let mut sent = 0usize;
            shape_references(&d.blocks, &mut ahead_sh, &mut |r| {
                if stop_after.is_some_and(|n| sent >= n) {
                    return false;
                }
                sent += 1;
                tx.send(r).is_ok()
            });
        });
        let mut sink = |p| pages.push(p);
        Flow::new(&mut sh, &mut sink, &d.title).with_prepared(rx).run(d)
    });
    let m = pages.len();
    for (i, p) in pages.iter_mut().enumerate() {
        p.items.push(layout::footer(&mut sh, i + 1, m));
    }
    let bookmarks = outline.bookmarks.into_iter().map(|b| (b.title, b.page)).collect();
    (Layout { pages, bookmarks, warnings: outline.warnings }, sh.shaped_bytes)
}

#[test]
fn references_shaped_ahead_on_another_thread_lay_out_as_when_shaped_inline() {
    let rich = |text: &str, italic: std::ops::Range<usize>, small: std::ops::Range<usize>| Rich {
        text: text.into(),
        spans: vec![
            (small, Emphasis { small_caps: true, ..Default::default() }),
            (italic, Emphasis { italic: true, ..Default::default() }),
        ],
    };
    let mut blocks = vec![
        Block::TitlePage { title: "Reading list".into(), subtitle: "Ahead".into(), lines: vec![] },
        Block::Heading { level: 1, text: "References".into() },
        // A missing character in a table just before the references.
        Block::Table(Table {
            columns: vec![Column { header: "A".into(), weight: 1.0, align: Align::Left }],
            rows: vec![vec!["MED2002 \u{1F9EC}".into()]],
        }),
    ];
    for i in 0..260usize {
        let text = match i % 7 {
            0 => rich("Smith J. A study of bedside teaching. Med Educ. 2020;54:1-9.", 34..43, 0..5),
            1 => Rich::plain("כהן ד. רפואה ותרבות: מבט ביקורתי על תוכנית הלימודים. הוצאת האוניברסיטה; 2019."),
            2 => Rich::plain("عبد الله م. الطب والاستعمار في شمال أفريقيا. القاهرة: دار النشر؛ ٢٠١٨."),
            3 => Rich::plain(format!("A stethoscope \u{1FA7A} paper {i}. ").repeat(1 + i % 5)),
            4 => rich("Nguyễn T, Ōkubo K. 医学教育の脱植民地化 and global health. Lancet. 2021.", 38..51, 0..9),
            5 => Rich::plain(format!("{} Long reference {i}", "word ".repeat(40 + i % 90))),
            _ => Rich::plain(format!("Okonkwo C. Ubuntu and care \u{1F600} {i}. Afr J Med. 2022.")),
        };
        let label = if i % 11 == 0 { String::new() } else { format!("{}.", i + 1) };
        let note = match i % 4 {
            0 => None,
            1 => Some("article [not reviewed]".to_string()),
            2 => Some("הערה על המקור \u{1F9EC}".to_string()),
            _ => Some("   ".to_string()),
        };
        let r = Block::Reference { label, text, note };
        blocks.push(if i % 3 == 0 { r.named(format!("reading {i}")) } else { r });
        if i % 50 == 49 {
            blocks.push(Block::Heading { level: 2, text: format!("Part {}", i / 50 + 1) });
            blocks.push(para("Between the parts of the list, a paragraph \u{1F600}."));
        }
    }
    let d = doc(blocks);
    let mut sh = shaper();
    let inline = layout(&d, &mut sh);
    assert!(inline.pages.len() > 10, "{} pages", inline.pages.len());
    assert!(inline.warnings.len() > 3, "{:#?}", inline.warnings);
    for (ahead, stop) in [(1, None), (64, None), (8, Some(100)), (4, Some(0))] {
        let (pre, bytes) = lay_prepared(&d, ahead, stop);
        assert_eq!(format!("{:?}", pre.pages), format!("{:?}", inline.pages), "ahead {ahead}, stop {stop:?}");
        assert_eq!(pre.bookmarks, inline.bookmarks);
        assert_eq!(pre.warnings, inline.warnings);
        assert_eq!(bytes, sh.shaped_bytes);
    }
    // And the PDF writer, which shapes them on its own thread, gives the same
    // text in the same places as the in-memory layout.
    let (bytes, warnings) = render_with_warnings(&d).expect("render");
    assert_eq!(warnings, inline.warnings);
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn a_paragraph_never_ends_on_a_lone_short_word_the_line_before_can_join() {
    // Issue 13 (13q): the sample report's F3 cell ended "…fits the other 15"
    // / "yet.". Widths at which the greedy break leaves a lone short last
    // word: the last line takes the previous line's last word, the number
    // of lines stays, and every line still fits.
    let mut sh = shaper();
    let text = "Readings on it are proposed for 5 modules (listed with the gaps); none fits the other 15 yet.";
    let full = sh.width(text, Weight::Regular, 10.0);
    let mut lone = 0;
    let mut w = 60.0;
    while w < full {
        let lines = sh.wrap(text, Weight::Regular, 10.0, w);
        let last = lines.last().unwrap();
        let words = last.text.split_whitespace().count();
        if lines.len() >= 2 && last.text == "yet." {
            let prev = &lines[lines.len() - 2];
            // Only when the line before could give a word and keep two.
            assert!(
                prev.text.split_whitespace().count() < 3,
                "at {w} pt: {:?}",
                lines.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
            lone += 1;
        }
        for l in &lines {
            assert!(l.width <= w + 0.01, "at {w} pt: {:?} is {} wide", l.text, l.width);
        }
        assert!(words >= 1);
        w += 3.0;
    }
    assert_eq!(lone, 0);
    // The rule moved words at some width: at the width where greedy breaking leaves "yet." alone.
    let greedy_w = sh.width(
        "Readings on it are proposed for 5 modules (listed with the gaps); none fits the other 15",
        Weight::Regular,
        10.0,
    ) + 1.0;
    let lines = sh.wrap(text, Weight::Regular, 10.0, greedy_w);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].text, "15 yet.");
    // A long last word is left alone (the rule is for short ones), and so is a one-word line before.
    let w = sh.width("Alpha beta gamma", Weight::Regular, 10.0) + 1.0;
    let lines = sh.wrap("Alpha beta gamma deltaepsilonzeta", Weight::Regular, 10.0, w);
    assert_eq!(lines.last().unwrap().text, "deltaepsilonzeta");
}

#[test]
fn a_table_row_that_fits_a_page_moves_whole_and_a_taller_one_splits_in_parts_of_four_lines() {
    // Issue 13 (13q): rows continued on the next page as 2-5-line stubs. For
    // every amount of filler above the table, a row of 5 lines is never
    // split; a row of 120 lines is, each part holding at least 4 lines. (13d:
    // a row of 12 lines, which 13q never split, goes on over the page as 8
    // and 4 lines when a sixth of the page is left: moved whole, it left
    // pages a fifth to a third empty.)
    let row = |lines: usize, tag: &str| -> Vec<String> {
        vec![tag.to_string(), (0..lines).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n")]
    };
    for filler in (0..60).step_by(3) {
        let mut blocks: Vec<Block> = (0..filler).map(|_| para("filler")).collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column { header: "Key".into(), weight: 1.0, align: Align::Left },
                Column { header: "Lines".into(), weight: 4.0, align: Align::Left },
            ],
            rows: vec![row(12, "short"), row(12, "again"), row(120, "tall"), row(5, "after")],
        }));
        let l = lay(&doc(blocks));
        // (page, y, text) of every cell line of the "Lines" column.
        let mut at: Vec<(usize, f32, String)> = Vec::new();
        for (pi, p) in l.pages.iter().enumerate() {
            for it in &p.items {
                if let Item::Text { line, y, .. } = it
                    && line.text.starts_with("line ")
                {
                    at.push((pi, *y, line.text.clone()));
                }
            }
        }
        // Which row each line belongs to: rows are placed in order, each starting at "line 0".
        let mut row_no = 0usize;
        let mut parts: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
        let mut prev_num: Option<usize> = None;
        for (pi, _, t) in &at {
            let num: usize = t["line ".len()..].parse().unwrap();
            if num == 0 && prev_num.is_some() {
                row_no += 1;
            }
            prev_num = Some(num);
            *parts.entry((row_no, *pi)).or_default() += 1;
        }
        let sizes = [12usize, 12, 120, 5];
        for (r, want) in sizes.iter().enumerate() {
            let pages: Vec<usize> = parts.iter().filter(|((rr, _), _)| *rr == r).map(|(_, n)| *n).collect();
            assert_eq!(pages.iter().sum::<usize>(), *want, "after {filler} lines: row {r}: {parts:?}");
            if *want < 2 * layout::MIN_SPLIT_LINES {
                assert_eq!(pages.len(), 1, "after {filler} lines: row {r} of {want} lines split: {pages:?}");
            } else if *want <= 12 {
                // 13d: a row that fits on a page splits when a sixth of the
                // page (SPLIT_ROOM, room for 8 or more lines) is left, each
                // part keeping four lines; with less room it moves whole.
                let room_lines = ((layout::SPLIT_ROOM - 7.0) / 12.5).floor() as usize;
                assert!(pages.len() <= 2, "after {filler} lines: row {r}: {pages:?}");
                if pages.len() == 2 {
                    assert!(pages[1] >= layout::MIN_SPLIT_LINES, "after {filler} lines: row {r}: {pages:?}");
                    assert!(pages[0] >= room_lines.min(*want - layout::MIN_SPLIT_LINES), "{filler}: {pages:?}");
                }
            } else {
                assert!(pages.len() >= 3, "{pages:?}");
                assert!(pages.iter().all(|n| *n >= layout::MIN_SPLIT_LINES), "after {filler} lines: {pages:?}");
            }
        }
    }
}

/// An author-date reference (no label) hangs: its first line at the margin,
/// the lines after it indented (APA 7 §9.43; issue 12, L11); a numbered one
/// keeps its text in the column right of its number.
#[test]
fn an_unlabelled_reference_hangs_and_a_numbered_one_keeps_its_column() {
    let long = format!("Osei, J. (2019). {}Title. Journal, 1(2), 3–4.", "A long title of many words ".repeat(8));
    let l = lay(&doc(vec![
        Block::Reference { label: "".into(), text: long.as_str().into(), note: None },
        Block::Reference { label: "12.".into(), text: long.as_str().into(), note: None },
    ]));
    let lines: Vec<(f32, String)> = l.pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text { x, line, .. } => Some((*x, line.text.clone())),
            _ => None,
        })
        .collect();
    // The reference's lines, then the label, then the numbered reference's lines.
    let label = lines.iter().position(|(_, t)| t == "12.").expect("the label");
    let apa = &lines[..label];
    let numbered: Vec<&(f32, String)> = lines[label + 1..].iter().filter(|(_, t)| t.contains("many")).collect();
    assert!(apa.len() >= 2 && numbered.len() >= 2, "{lines:?}");
    assert!((apa[0].0 - layout::MARGIN_X).abs() < 0.01, "{lines:?}");
    assert!(apa[1..].iter().all(|(x, _)| *x > layout::MARGIN_X + 10.0), "{lines:?}");
    // APA's half inch (12c).
    assert!(apa[1..].iter().all(|(x, _)| (*x - layout::MARGIN_X - 36.0).abs() < 0.01), "{lines:?}");
    assert!(numbered.iter().all(|(x, _)| *x > layout::MARGIN_X + 10.0), "{lines:?}");
    for (x, t) in &lines {
        assert!(*x <= layout::MARGIN_X + CONTENT_W, "{t}");
    }
}

/// The Latin part of an italic or bold run after a script without such a
/// face keeps the run's face: APA's italic volume after a journal's name in
/// Devanagari or Arabic (tester 86 F5: "7" and "12" were drawn upright in
/// the script's font), while the script's words keep their own font.
#[test]
fn digits_after_a_script_without_italics_keep_the_runs_italic() {
    for (journal, volume, script) in [
        ("भारतीय चिकित्सा पत्रिका", "7", fonts::DEVANAGARI),
        ("المجلة الطبية المصرية", "78", fonts::ARABIC),
        ("Вопросы истории", "9", fonts::ITALIC),
    ] {
        let text = format!("Author, A. (2020). Title. {journal}, {volume}(4), 5–6.");
        let at = |s: &str| text.find(s).unwrap();
        let italic = Emphasis { italic: true, ..Emphasis::default() };
        let bold = Emphasis { bold: true, ..Emphasis::default() };
        let v = at(&format!(", {volume}(")) + 2;
        let rich = Rich {
            text: text.clone(),
            spans: vec![(at(journal)..at(journal) + journal.len(), italic), (v..v + volume.len(), italic)],
        };
        let l = lay(&doc(vec![Block::Reference { label: "1.".into(), text: rich, note: None }]));
        let drawn = fonts_of(&l);
        let digits: Vec<_> = drawn.iter().filter(|(c, _)| volume.contains(*c)).collect();
        assert!(!digits.is_empty() && digits.iter().all(|(_, f)| *f == fonts::ITALIC), "{journal}: {digits:?}");
        let letters: Vec<_> = drawn.iter().filter(|(c, _)| journal.contains(*c) && c.is_alphabetic()).collect();
        assert!(!letters.is_empty() && letters.iter().all(|(_, f)| *f == script), "{journal}: {letters:?}");
        // What the style leaves upright stays upright: the issue and pages.
        let upright: Vec<_> = drawn.iter().filter(|(c, _)| "(4)5–6".contains(*c)).collect();
        assert!(upright.iter().all(|(_, f)| *f != fonts::ITALIC), "{journal}: {upright:?}");
        // A bold run after the script keeps its bold face too.
        let rich = Rich {
            text: text.clone(),
            spans: vec![(at(journal)..at(journal) + journal.len(), bold), (v..v + volume.len(), bold)],
        };
        let l = lay(&doc(vec![Block::Reference { label: "1.".into(), text: rich, note: None }]));
        let digits: Vec<_> = fonts_of(&l).into_iter().filter(|(c, _)| volume.contains(*c)).collect();
        assert!(digits.iter().all(|(_, f)| *f == fonts::BOLD), "{journal}: {digits:?}");
    }
}
