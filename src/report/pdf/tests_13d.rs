//! Issue 13 (13d): how a page is used (the rules in [`super::layout`]'s
//! module doc), tested on the layout directly at every height a block can
//! start at.

use super::fonts::Fonts;
use super::layout::{self, BOTTOM, Item, Layout, SPLIT_ROOM, TOP, Take, layout, plan_with};
use super::shape::Shaper;
use super::*;

fn lay(blocks: Vec<Block>) -> Layout {
    let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
    layout(&Document { title: "Test report".into(), date: "2026-12-02".into(), blocks }, &mut sh)
}

fn filler(n: usize) -> Vec<Block> {
    (0..n).map(|i| Block::Paragraph { text: format!("filler {i}"), style: Style::Body }).collect()
}

/// (page, baseline) of every placed line whose text starts with `prefix`.
fn lines_of(l: &Layout, prefix: &str) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    for (pi, p) in l.pages.iter().enumerate() {
        for it in &p.items {
            if let Item::Text { line, y, .. } = it
                && line.text.starts_with(prefix)
            {
                out.push((pi, *y));
            }
        }
    }
    out
}

/// The lowest baseline of the body of page `pi` (above the footer).
fn bottom_of(l: &Layout, pi: usize) -> f32 {
    l.pages[pi]
        .items
        .iter()
        .filter_map(|it| if let Item::Text { y, .. } = it { Some(*y) } else { None })
        .filter(|y| *y < BOTTOM)
        .fold(TOP, f32::max)
}

/// A table of `rows` rows of `lines` lines each; row i's lines read "rI lJ".
fn tall_table(rows: usize, lines: usize) -> Table {
    Table {
        columns: vec![
            Column { header: "No.".into(), weight: 1.0, align: Align::Left },
            Column { header: "What".into(), weight: 5.0, align: Align::Left },
        ],
        rows: (0..rows)
            .map(|r| vec![format!("F{r}"), (0..lines).map(|j| format!("r{r} l{j}")).collect::<Vec<_>>().join("\n")])
            .collect(),
    }
}

/// Rule 2: one row of four lines or more is a table's part of its own; one
/// or two one-line rows are a stub.
#[test]
fn a_part_of_one_tall_row_is_no_stub_but_two_short_rows_are() {
    let tall = layout::MIN_SPLIT_LINES as f32 * 12.5 + 7.0;
    // Two rows of four and five lines, room for the first: it stays.
    assert_eq!(plan_with(70.0, 600.0, &[tall, tall + 12.5], 2, 3, tall, false), Take::Units(1));
    // Two one-line rows before a break are a stub: the table moves on.
    assert_eq!(plan_with(40.0, 600.0, &[19.5; 10], 10, 3, tall, false), Take::NewPage);
    // And one one-line row is not left alone after it.
    assert_eq!(plan_with(180.0, 600.0, &[19.5; 10], 10, 3, tall, false), Take::Units(7));
}

/// Rule 1, the first row included: a table under its heading whose rows of
/// 13 lines do not fit the room left starts there when at least a sixth of
/// the page is left, its first row going on over the page in parts of four
/// lines or more; no page is left more than a sixth empty before it (the
/// tester's sample page 5, a third empty above the Findings).
#[test]
fn a_first_row_splits_under_its_heading_rather_than_leave_a_sixth_of_the_page() {
    for n in (20..50).step_by(1) {
        let mut blocks = filler(n);
        blocks.push(Block::Heading { level: 2, text: "Findings (3)".into() });
        blocks.push(Block::Table(tall_table(3, 13)));
        let l = lay(blocks);
        let heading = lines_of(&l, "Findings")[0].0;
        let first = lines_of(&l, "r0 l0")[0].0;
        assert_eq!(heading, first, "after {n} lines: the heading left its first row");
        let last_filler = lines_of(&l, &format!("filler {}", n - 1))[0].0;
        if heading > last_filler {
            let empty = BOTTOM - bottom_of(&l, last_filler);
            assert!(empty < SPLIT_ROOM + 60.0, "after {n} lines: moved on leaving {empty} pt empty");
        }
        // Every part of every row holds at least four lines.
        for r in 0..3 {
            let mut per_page = std::collections::BTreeMap::<usize, usize>::new();
            for (pi, _) in lines_of(&l, &format!("r{r} ")) {
                *per_page.entry(pi).or_default() += 1;
            }
            assert_eq!(per_page.values().sum::<usize>(), 13);
            assert!(per_page.values().all(|&k| k >= layout::MIN_SPLIT_LINES), "after {n} lines: row {r}: {per_page:?}");
        }
    }
}

/// Rule 1 between rows: a row of 30 lines after a row that fits goes on over
/// the page when a sixth of it or more is left (the tester's G102, page 16).
#[test]
fn a_long_row_after_others_starts_on_the_page_when_a_sixth_is_left() {
    for n in 0..40 {
        let mut blocks = filler(n);
        let mut t = tall_table(2, 20);
        t.rows.push(tall_table(1, 30).rows[0].iter().map(|c| c.replace("r0", "r2").replace("F0", "F2")).collect());
        blocks.push(Block::Table(t));
        let l = lay(blocks);
        for pi in 0..l.pages.len() - 1 {
            let next_has_table = l.pages[pi + 1].texts().iter().any(|t| t.starts_with('r'));
            let here_has_table = l.pages[pi].texts().iter().any(|t| t.starts_with('r'));
            if next_has_table && here_has_table {
                let empty = BOTTOM - bottom_of(&l, pi);
                assert!(empty < SPLIT_ROOM + 20.0, "after {n} lines: page {pi} left {empty} pt empty");
            }
        }
        assert_eq!(lines_of(&l, "r2 ").len(), 30);
    }
}

/// Rule 3: a subsection whose table has two rows of four and five lines
/// starts under the previous content when its heading, lead-in, header and
/// first row fit (the tester's many-scripts page 3, 40 % empty above
/// "Themes with thin reading").
#[test]
fn a_short_subsection_starts_on_the_page_when_its_first_row_fits() {
    let mut started_here = 0;
    for n in 20..50 {
        let mut blocks = filler(n);
        blocks.push(Block::Heading { level: 2, text: "Thin themes (2)".into() });
        blocks.push(Block::Paragraph { text: "Fewer than five readings.".into(), style: Style::Muted });
        let mut t = tall_table(1, 4);
        t.rows.push(tall_table(1, 5).rows[0].iter().map(|c| c.replace("r0", "r1").replace("F0", "F1")).collect());
        blocks.push(Block::Table(t));
        let l = lay(blocks);
        let last_filler = lines_of(&l, &format!("filler {}", n - 1))[0].0;
        let heading = lines_of(&l, "Thin themes")[0].0;
        let first = lines_of(&l, "r0 l0")[0].0;
        assert_eq!(heading, first, "after {n} lines: the heading left its first row");
        assert_eq!(lines_of(&l, "Fewer")[0].0, first, "after {n} lines: the lead-in left its first row");
        if heading > last_filler {
            // Moved on only when heading, lead-in, header and first row did not fit.
            let empty = BOTTOM - bottom_of(&l, last_filler);
            assert!(
                empty < 17.0 + 12.0 + 4.0 + 17.0 + 4.0 + 20.0 + 57.0 + 8.0 + 24.0,
                "after {n} lines: {empty} pt empty"
            );
        } else {
            started_here += 1;
        }
        for r in 0..2 {
            let pages: std::collections::BTreeSet<usize> =
                lines_of(&l, &format!("r{r} ")).into_iter().map(|(p, _)| p).collect();
            assert_eq!(pages.len(), 1, "after {n} lines: row {r} of 4 or 5 lines split");
        }
    }
    assert!(started_here > 0);
}

/// Rule 4: at every height a reference can start at, its note's first lines
/// are on the page of its text's last line, or the note is split with at
/// least two lines on each side (the tester's Sjoding, reference 24, at the
/// foot of page 27 and its annotation alone on page 28).
#[test]
fn a_reference_keeps_its_note() {
    for note_words in [6usize, 40, 120] {
        for text_words in [8usize, 30, 90] {
            for n in 30..52 {
                let mut blocks = filler(n);
                let text = format!("Sjoding MW. {} Racial bias. 2020.", "word ".repeat(text_words));
                let note = format!("Annotation {}", "note ".repeat(note_words));
                blocks.push(Block::Reference { label: "24.".into(), text: text.into(), note: Some(note) });
                let l = lay(blocks);
                // The reference's text is set at 10 pt, its note at 8.5 pt.
                let sized = |size: f32| -> Vec<(usize, f32)> {
                    let mut out = Vec::new();
                    for (pi, p) in l.pages.iter().enumerate() {
                        for it in &p.items {
                            if let Item::Text { line, y, .. } = it
                                && (line.size - size).abs() < 0.01
                                && !line.text.starts_with("filler")
                                && line.text != "24."
                            {
                                out.push((pi, *y));
                            }
                        }
                    }
                    out
                };
                let (text_pages, note_lines) = (sized(10.0), sized(8.5));
                let last_text = text_pages.iter().map(|(p, _)| *p).max().unwrap();
                let first_note = note_lines.iter().map(|(p, _)| *p).min().unwrap();
                let case = format!("{text_words} words, note of {note_words}, after {n} lines");
                if first_note != last_text {
                    panic!("{case}: the text ends on page {last_text}, its note starts on page {first_note}");
                }
                let mut per_page = std::collections::BTreeMap::<usize, usize>::new();
                for (p, _) in &note_lines {
                    *per_page.entry(*p).or_default() += 1;
                }
                if per_page.len() > 1 {
                    assert!(per_page.values().all(|&k| k >= layout::MIN_LINES), "{case}: note split as {per_page:?}");
                }
                // And the text's last page holds at least two of its lines.
                let on_last = text_pages.iter().filter(|(p, _)| *p == last_text).count();
                assert!(on_last >= 2 || text_pages.len() < 2, "{case}: one line of the text with its note");
            }
        }
    }
}
