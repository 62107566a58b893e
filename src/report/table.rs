//! Terminal tables (comfy-table): plain when stdout is not a terminal or
//! NO_COLOR is set.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::Listing;

pub fn render(listing: &Listing, limit: usize, terminal: bool) -> String {
    let mut t = Table::new();
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        t.load_style(presets::UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.load_style(presets::ASCII_MARKDOWN);
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t.set_header(&listing.headers);
    for row in listing.rows.iter().take(limit) {
        t.add_row(row);
    }
    for &c in &listing.numeric {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.to_string()
}
