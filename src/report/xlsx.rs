//! The committee report as one workbook (`canon report OUT.xlsx`): one sheet
//! per table of the CSV folder report ([`committee::csv_tables`]), so a
//! table added there reaches the workbook with no code here. Each sheet has
//! its header row frozen and filters on, column widths set from its content,
//! whole numbers stored as numbers, and every other cell written as text:
//! a cell that starts with `=`, `+`, `-` or `@` is text, never a formula.
//! The coverage sheet carries the heat-map as cell colours (the same colour
//! ramp and the same share as the PDF), with the counts in the cells.
//!
//! The same data gives the same bytes: the workbook's creation date is the
//! report's date, and rust_xlsxwriter writes its zip entries with a fixed time.

use anyhow::{Context, Result};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use super::Listing;
use super::committee::{self, ReportData};

/// The longest text a spreadsheet cell holds (Excel's limit, in characters).
pub const CELL_MAX: usize = 32_767;

/// Columns are at most this wide (in characters); longer text wraps.
const WIDTH_MAX: usize = 60;

/// The workbook's bytes, and warnings (cells cut to [`CELL_MAX`]).
pub fn workbook(d: &ReportData) -> Result<(Vec<u8>, Vec<String>)> {
    let mut wb = Workbook::new();
    let (y, m, day) = ymd(&d.date);
    let created = ExcelDateTime::from_ymd(y, m, day).context("setting the workbook's date")?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&d.title)
            .set_subject(&d.scope)
            .set_author("canon")
            .set_creation_datetime(&created),
    );
    let mut warnings = Vec::new();
    for (name, table) in committee::csv_tables(d) {
        let ws = wb.add_worksheet();
        ws.set_name(name).with_context(|| format!("naming the sheet {name}"))?;
        write_table(ws, name, &table, &mut warnings)?;
        if name == "coverage" {
            heat_map(ws, d, &table)?;
        }
    }
    let bytes = wb.save_to_buffer().context("writing the workbook")?;
    Ok((bytes, warnings))
}

/// `YYYY-MM-DD` as numbers; 1970-01-01 for anything else (the report's date is checked before).
fn ymd(date: &str) -> (u16, u8, u8) {
    let mut it = date.split('-').map(|p| p.parse::<u32>().ok());
    match (it.next().flatten(), it.next().flatten(), it.next().flatten()) {
        (Some(y), Some(m), Some(d)) if (1900..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) => {
            (y as u16, m as u8, d as u8)
        }
        _ => (1970, 1, 1),
    }
}

/// A cell that holds a whole number a spreadsheet can keep exactly: no
/// leading zeros (a code such as `007` stays text), at most 15 digits (a
/// canon ID stays text).
fn whole_number(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let ok = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && s != "-0";
    if ok { s.parse::<f64>().ok() } else { None }
}

fn write_table(ws: &mut Worksheet, name: &str, t: &Listing, warnings: &mut Vec<String>) -> Result<()> {
    let head = Format::new().set_bold().set_background_color(Color::RGB(0xD9E2F3)).set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    let mut widths: Vec<usize> = t.headers.iter().map(|h| h.chars().count() + 3).collect();
    for row in &t.rows {
        for (c, v) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(v.lines().map(|l| l.chars().count()).max().unwrap_or(0) + 1);
            }
        }
    }
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let col = c as u16;
            let fmt = if widths.get(c).is_some_and(|w| *w > WIDTH_MAX) { &wrap } else { &plain };
            if v.is_empty() {
                continue;
            }
            match whole_number(v) {
                Some(n) => ws.write_number_with_format(r, col, n, fmt)?,
                None => ws.write_string_with_format(r, col, cut(v, name, r, c, warnings), fmt)?,
            };
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).clamp(8, WIDTH_MAX) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed (or converted to PDF): landscape, one page wide, the header on every page.
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    if !t.headers.is_empty() {
        ws.autofilter(0, 0, t.rows.len() as u32, t.headers.len() as u16 - 1)?;
    }
    Ok(())
}

/// Text longer than a cell holds, cut with a note of where the whole is.
fn cut(v: &str, sheet: &str, r: u32, c: usize, warnings: &mut Vec<String>) -> String {
    if v.chars().count() <= CELL_MAX {
        return v.to_string();
    }
    let tail = " … (cut: the CSV and JSON reports hold the whole text)";
    let keep: String = v.chars().take(CELL_MAX - tail.chars().count()).collect();
    warnings.push(format!(
        "sheet {sheet}, cell {}{}: text of {} characters cut to the {CELL_MAX} a spreadsheet cell holds",
        crate::import::column_letters(c as u64),
        r + 1,
        v.chars().count()
    ));
    keep + tail
}

/// Colours the theme cells of the coverage sheet: the share of the module's
/// sessions tagged with the theme, on the PDF heat-map's colour ramp (full
/// colour at one in three or more), with the count left in the cell.
fn heat_map(ws: &mut Worksheet, d: &ReportData, t: &Listing) -> Result<()> {
    let cov = &d.coverage;
    // The theme columns follow the five module columns, headed by the themes' names.
    let Some(first) = cov.themes.first().and_then(|s| t.headers.iter().position(|h| *h == d.theme_name(s))) else {
        return Ok(());
    };
    for (ri, row) in cov.rows.iter().enumerate() {
        for (ti, &n) in row.counts.iter().enumerate() {
            let share = if row.items == 0 { 0.0 } else { (n as f64 / row.items as f64 * 3.0).min(1.0) };
            let (r, g, b) = crate::report::pdf::layout::ramp(share);
            let rgb = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u32;
            let fill = (rgb(r) << 16) | (rgb(g) << 8) | rgb(b);
            let dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.55;
            let f = Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(if dark { Color::White } else { Color::Black })
                .set_align(FormatAlign::Center);
            ws.write_number_with_format(ri as u32 + 1, (first + ti) as u16, n as f64, &f)?;
        }
    }
    let legend = "Cell colour: the share of the module's sessions tagged with the theme (full colour at one in three \
                  or more), as in the PDF heat-map; the number is the count of tagged sessions.";
    ws.write_string(cov.rows.len() as u32 + 2, 0, legend)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_whole_numbers_become_numbers() {
        assert_eq!(whole_number("37"), Some(37.0));
        assert_eq!(whole_number("0"), Some(0.0));
        assert_eq!(whole_number("-2"), Some(-2.0));
        for s in ["007", "1e5", "=1+1", "+1", "7321849201938475610", "2.5", "", "-", "-0", "12 ", "٣"] {
            assert_eq!(whole_number(s), None, "{s:?}");
        }
    }

    #[test]
    fn long_text_is_cut_with_a_warning() {
        let mut w = Vec::new();
        let long = "é".repeat(CELL_MAX + 10);
        let c = cut(&long, "readings", 3, 2, &mut w);
        assert_eq!(c.chars().count(), CELL_MAX);
        assert!(w[0].contains("cell C4"), "{w:?}");
        assert_eq!(cut("short", "s", 1, 0, &mut w), "short");
    }
}
