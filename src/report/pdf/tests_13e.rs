//! Issue 13 (13e): a table's closing note never starts a page alone (rule
//! 5 of [`super::layout`]'s module doc), tested at every height the table
//! can start at.

use super::fonts::Fonts;
use super::layout::{Item, Layout, layout};
use super::shape::Shaper;
use super::*;

fn lay(blocks: Vec<Block>) -> Layout {
    let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
    layout(&Document { title: "Test report".into(), date: "2026-12-02".into(), blocks }, &mut sh)
}

/// The pages (0-based) of every placed line whose text starts with `prefix`.
fn pages_of(l: &Layout, prefix: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (pi, p) in l.pages.iter().enumerate() {
        for it in &p.items {
            if let Item::Text { line, .. } = it
                && line.text.starts_with(prefix)
            {
                out.push(pi);
            }
        }
    }
    out
}

/// A table of `rows` rows of `lines` lines each; row i's lines read "rI lJ".
fn table(rows: usize, lines: usize) -> Table {
    Table {
        columns: vec![
            Column { header: "Module".into(), weight: 1.0, align: Align::Left },
            Column { header: "Proposed".into(), weight: 5.0, align: Align::Left },
        ],
        rows: (0..rows)
            .map(|r| vec![format!("M{r}"), (0..lines).map(|j| format!("r{r} l{j}")).collect::<Vec<_>>().join("\n")])
            .collect(),
    }
}

/// The note's first line is on the page of the table's last row, wherever
/// the table starts and however many rows and lines it has, for a note of
/// one line and one of several (whose first lines go with the row).
#[test]
fn a_closing_note_stays_with_the_last_row_at_every_start() {
    let one = "No linked reading and no approved reading that fits yet (2): TM301; TM401.".to_string();
    let long =
        format!("{} {}", "Notewords and more notewords to fill the lines of a long closing note.".repeat(4), one);
    let mut moved = 0;
    for (rows, lines) in [(1, 1), (2, 1), (3, 1), (5, 1), (4, 2), (2, 5), (8, 3)] {
        for note in [&one, &long] {
            for filler in 0..60 {
                let mut blocks: Vec<Block> =
                    (0..filler).map(|i| Block::Paragraph { text: format!("filler {i}"), style: Style::Body }).collect();
                blocks.push(Block::Table(table(rows, lines)));
                blocks.push(Block::Paragraph { text: note.clone(), style: Style::Muted });
                blocks.push(Block::Paragraph { text: "after the note".into(), style: Style::Body });
                let l = lay(blocks);
                let last_row = *pages_of(&l, &format!("r{} l{}", rows - 1, lines - 1)).last().expect("last row placed");
                let first = pages_of(&l, note.split(' ').next().unwrap());
                let note_page = *first.first().expect("note placed");
                assert_eq!(
                    note_page, last_row,
                    "{rows} rows of {lines} lines after {filler} lines: the note starts page {note_page}, the last row is on {last_row}"
                );
                if pages_of(&l, "r0 l0")[0] != last_row {
                    moved += 1;
                }
            }
        }
    }
    assert!(moved > 0, "some tables went over a page break: the test reached page ends");
}
