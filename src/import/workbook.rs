//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`, read with calamine) as rows
//! of text cells for the same module and reading-list readers that read CSV.
//!
//! A sheet is read as a faculty office lays it out: title rows above the
//! header (the header is the first row in the first 30 that names every
//! required field), merged cells (each cell of a merged block reads as its
//! top-left value), numbers stored as numbers (`1.0` reads `1`), dates
//! (`2025-09-01`, or with a time), empty trailing columns and empty rows
//! (skipped and counted). Positions are the sheet's own: row 7, column C.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result, bail};
use calamine::{Data, Dimensions, Range, Reader, Sheets};
use csv::StringRecord;

use super::header::{self, Field, Mapping};
use super::records::Records;
use super::{Origin, RowError, column_letters, sheet_ref};

/// The workbook formats canon reads, told apart by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (`.xlsx`, `.xlsm`): a zip with `xl/workbook.xml`.
    Xlsx,
    /// Excel binary workbook (`.xlsb`): a zip with `xl/workbook.bin`.
    Xlsb,
    /// Excel 97–2003 (`.xls`): an OLE compound file.
    Xls,
    /// OpenDocument spreadsheet (`.ods`): a zip whose `mimetype` says so.
    Ods,
}

impl Kind {
    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Xlsx => "Excel workbook (.xlsx)",
            Kind::Xlsb => "Excel binary workbook (.xlsb)",
            Kind::Xls => "Excel 97-2003 workbook (.xls)",
            Kind::Ods => "OpenDocument spreadsheet (.ods)",
        }
    }
}

/// How many rows at the top of a sheet are searched for the header row.
pub const HEADER_SEARCH_ROWS: u32 = 30;

/// A sheet opened for reading, its header found.
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The sheets of the workbook, in order (for messages).
    pub all_sheets: Vec<String>,
    /// The header row's 1-based row number.
    pub header_row: u64,
    /// The header's cells, from its first named column to its last.
    pub headers: Vec<String>,
    /// Rows below the header with nothing in them, skipped.
    pub empty_rows: usize,
    /// How positions are written for this sheet.
    pub origin: Origin,
    /// The data rows.
    pub records: SheetRecords,
}

impl Sheet {
    /// Where the header row is, as messages start: `file.xlsx:Sheet1!A3`.
    pub fn header_at(&self, file: &str) -> String {
        format!("{file}:{}", self.origin.at(self.header_row, 1))
    }

    /// Matches the header row to `fields` as [`header::map`] does a CSV
    /// file's (`maps` from [`header::parse_maps`]); its report names columns
    /// by their letters. Errors name the header's cell (`file.xlsx:List!B3`).
    pub fn mapping(&self, file: &str, fields: &'static [Field], maps: &[(String, usize)]) -> Result<Mapping> {
        let first = match &self.origin {
            Origin::Sheet { first_column, .. } => *first_column,
            Origin::Text => 0,
        };
        Ok(header::map(&self.header_at(file), &self.headers, fields, maps)?.in_sheet(first))
    }
}

/// Opens `path` (a workbook of `kind`) and finds the sheet and header row to
/// read: the sheet named by `sheet`, else the first visible sheet with a row
/// that names every required field of `fields` (by name, alias or one of
/// `maps`, the normalised `--map` headers).
pub fn open(
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Sheet> {
    // calamine asserts on some damaged files (found by fuzzing): a damaged
    // workbook is an error, never a crash.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open_sheet(path, kind, sheet, fields, maps)));
    std::panic::set_hook(previous);
    result.unwrap_or_else(|_| {
        bail!(
            "{}: the {} is damaged and cannot be read; expected a workbook a spreadsheet opens",
            path.display(),
            kind.name()
        )
    })
}

fn open_sheet(
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Sheet> {
    let file = path.display().to_string();
    let mut book = open_book(path, kind).with_context(|| format!("reading {file} as an {}", kind.name()))?;
    let names = book.sheet_names();
    let visible: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == calamine::SheetVisible::Visible && s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let listed = names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
    let (name, range, header) = match sheet {
        Some(want) => {
            let Some(name) =
                names.iter().find(|n| *n == want).or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(want)))
            else {
                bail!("{file}: no sheet named {want:?}; the workbook has {listed}");
            };
            let range = book.worksheet_range(name).with_context(|| format!("reading sheet {name:?} of {file}"))?;
            let header = find_header(&range, fields, maps).or_else(|| first_text_row(&range));
            (name.clone(), range, header)
        }
        None => {
            let mut found = None;
            for name in &visible {
                let Ok(range) = book.worksheet_range(name) else { continue };
                if let Some(h) = find_header(&range, fields, maps) {
                    found = Some((name.clone(), range, Some(h)));
                    break;
                }
            }
            match found {
                Some(f) => f,
                None => {
                    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
                    bail!(
                        "{file}: no sheet has a header row naming {} in its first {HEADER_SEARCH_ROWS} rows; \
                         the workbook has {listed}\nhint: pick the sheet with --sheet NAME, and name its columns \
                         with --map 'Their Header=field'",
                        required.join(" and ")
                    );
                }
            }
        }
    };
    let Some(header) = header else {
        bail!("{file}:{}: the sheet is empty; expected a header row", sheet_ref(&name));
    };
    let merged = merged_cells(&mut book, path, &name, &range);
    Ok(sheet_from(name, names, &range, header, merged))
}

fn open_book(path: &Path, kind: Kind) -> Result<Sheets<BufReader<File>>> {
    Ok(match kind {
        Kind::Xlsx => Sheets::Xlsx(calamine::open_workbook(path)?),
        Kind::Xlsb => Sheets::Xlsb(calamine::open_workbook(path)?),
        Kind::Xls => Sheets::Xls(calamine::open_workbook(path)?),
        Kind::Ods => Sheets::Ods(calamine::open_workbook(path)?),
    })
}

/// Each cell inside a merged block, mapped to the block's top-left cell
/// (absolute 0-based positions). Blocks are clipped to the sheet's used range.
fn merged_cells(
    book: &mut Sheets<BufReader<File>>,
    path: &Path,
    name: &str,
    range: &Range<Data>,
) -> HashMap<(u32, u32), (u32, u32)> {
    let blocks: Vec<Dimensions> = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        // calamine reads merged .ods cells as empty: find the blocks ourselves.
        Sheets::Ods(_) => ods_merged(path, name).unwrap_or_default(),
        // calamine does not expose merged cells of .xlsb sheets.
        Sheets::Xlsb(_) => Vec::new(),
    };
    let mut map = HashMap::new();
    let (Some(start), Some(end)) = (range.start(), range.end()) else { return map };
    for b in blocks {
        for r in b.start.0.max(start.0)..=b.end.0.min(end.0) {
            for c in b.start.1.max(start.1)..=b.end.1.min(end.1) {
                if (r, c) != b.start {
                    map.insert((r, c), b.start);
                }
            }
        }
    }
    map
}

/// The merged blocks of one sheet of an OpenDocument spreadsheet, from the
/// `table:number-rows-spanned` / `table:number-columns-spanned` attributes of
/// its cells in `content.xml` (rows and cells counted with their
/// `number-rows-repeated` / `number-columns-repeated`). `None` if unreadable.
fn ods_merged(path: &Path, sheet: &str) -> Option<Vec<Dimensions>> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(File::open(path).ok()?).ok()?;
    let mut xml = String::new();
    zip.by_name("content.xml").ok()?.read_to_string(&mut xml).ok()?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let attr = |e: &quick_xml::events::BytesStart, key: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
    };
    let num =
        |e: &quick_xml::events::BytesStart, key: &str| attr(e, key).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1);
    let (mut inside, mut depth, mut row, mut col, mut row_repeat) = (false, 0usize, 0u32, 0u32, 1u32);
    let mut out = Vec::new();
    loop {
        let (e, empty) = match reader.read_event().ok()? {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if inside => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(out);
                        }
                    }
                    "table:table-row" if inside && depth == 1 => row = row.saturating_add(row_repeat),
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Some(out),
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                if inside {
                    depth += usize::from(!empty);
                } else if attr(&e, "table:name").as_deref() == Some(sheet) && !empty {
                    inside = true;
                    depth = 1;
                }
            }
            "table:table-row" if inside && depth == 1 => {
                col = 0;
                row_repeat = num(&e, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if inside && depth == 1 => {
                let rows = num(&e, "table:number-rows-spanned");
                let cols = num(&e, "table:number-columns-spanned");
                if (rows > 1 || cols > 1) && e.name().as_ref() == "table:table-cell" {
                    out.push(Dimensions::new((row, col), (row + rows - 1, col + cols - 1)));
                }
                col = col.saturating_add(num(&e, "table:number-columns-repeated"));
            }
            _ => {}
        }
    }
}

/// The first row (0-based, absolute) in the top rows of `range` whose cells
/// [`header::map`] matches to `fields` (every required field found, by name,
/// alias, bracketed alias or `--map`, exactly as a CSV header is matched),
/// with its first and last non-empty columns.
fn find_header(range: &Range<Data>, fields: &'static [Field], maps: &[(String, usize)]) -> Option<(u32, u32, u32)> {
    let (start, end) = (range.start()?, range.end()?);
    if !fields.iter().any(|f| f.required) {
        return None;
    }
    for r in start.0..=end.0.min(start.0 + HEADER_SEARCH_ROWS - 1) {
        let Some((first, last)) = bounds(range, r) else { continue };
        let cells: Vec<String> =
            (first..=last).map(|c| range.get_value((r, c)).and_then(|d| text(d).ok()).unwrap_or_default()).collect();
        if header::map("", &cells, fields, maps).is_ok() {
            return Some((r, first, last));
        }
    }
    None
}

/// The first row with at least one text cell: the header when no row names
/// the fields (so the mapping error lists what the sheet has).
fn first_text_row(range: &Range<Data>) -> Option<(u32, u32, u32)> {
    let (start, end) = (range.start()?, range.end()?);
    (start.0..=end.0).find_map(|r| bounds(range, r).map(|(a, b)| (r, a, b)))
}

/// The first and last non-empty columns of row `r`.
fn bounds(range: &Range<Data>, r: u32) -> Option<(u32, u32)> {
    let (start, end) = (range.start()?, range.end()?);
    let filled = |c: &u32| range.get_value((r, *c)).is_some_and(|d| !text(d).unwrap_or_default().trim().is_empty());
    let first = (start.1..=end.1).find(filled)?;
    let last = (start.1..=end.1).rev().find(filled)?;
    Some((first, last))
}

fn sheet_from(
    name: String,
    all_sheets: Vec<String>,
    range: &Range<Data>,
    (header_row, first, last): (u32, u32, u32),
    merged: HashMap<(u32, u32), (u32, u32)>,
) -> Sheet {
    let origin = Origin::Sheet { name: name.clone(), first_column: first };
    let grid = Grid { merged };
    let headers: Vec<String> = (first..=last)
        .map(|c| grid.value(range, header_row, c).and_then(|d| text(d).ok()).unwrap_or_default())
        .collect();
    let (start, end) = (range.start().unwrap_or((0, 0)), range.end().unwrap_or((0, 0)));
    let mut rows = Vec::new();
    let mut empty_rows = 0;
    for r in header_row + 1..=end.0 {
        let mut cells: Vec<Data> = Vec::with_capacity((last - first + 1) as usize);
        let mut outside = None;
        let mut any = false;
        for c in start.1.min(first)..=end.1.max(last) {
            let v = grid.value(range, r, c).cloned().unwrap_or(Data::Empty);
            let blank = matches!(&v, Data::Empty) || matches!(&v, Data::String(s) if s.trim().is_empty());
            any |= !blank;
            if (first..=last).contains(&c) {
                cells.push(v);
            } else if !blank && outside.is_none() {
                outside = Some((c, v));
            }
        }
        if any {
            rows.push(SheetRow { row: r, cells, outside });
        } else {
            empty_rows += 1;
        }
    }
    let records = SheetRecords {
        rows: rows.into_iter(),
        current: StringRecord::new(),
        first_column: first,
        skipped: empty_rows as u64,
    };
    Sheet { name, all_sheets, header_row: u64::from(header_row) + 1, headers, empty_rows, origin, records }
}

/// Cell lookups that see through merged blocks.
struct Grid {
    merged: HashMap<(u32, u32), (u32, u32)>,
}

impl Grid {
    fn value<'r>(&self, range: &'r Range<Data>, r: u32, c: u32) -> Option<&'r Data> {
        let at = self.merged.get(&(r, c)).copied().unwrap_or((r, c));
        range.get_value(at)
    }
}

struct SheetRow {
    row: u32,
    cells: Vec<Data>,
    /// A value in a column with no header (left of the header's first or
    /// right of its last named column): absolute column and value.
    outside: Option<(u32, Data)>,
}

/// The data rows of a sheet, as records of text cells.
pub struct SheetRecords {
    rows: std::vec::IntoIter<SheetRow>,
    current: StringRecord,
    /// The sheet column of the records' first cell (0-based).
    first_column: u32,
    /// The sheet's empty rows below the header (all counted when the sheet is read).
    skipped: u64,
}

impl Records for SheetRecords {
    fn next_record(&mut self) -> Option<Result<u64, RowError>> {
        let row = self.rows.next()?;
        let line = u64::from(row.row) + 1;
        self.current.clear();
        if let Some((c, v)) = &row.outside {
            let shown = text(v).unwrap_or_else(|e| e);
            // Right of the header, the cell can be named through the
            // sheet's origin; left of it, the message names it.
            let column = if *c > self.first_column { u64::from(*c - self.first_column) + 1 } else { 0 };
            return Some(Err(RowError::new(
                line,
                column,
                format!(
                    "cell {}{line} holds {shown:?} but its column has no header; expected a header above it, \
                     or the cell cleared",
                    column_letters(u64::from(*c))
                ),
            )));
        }
        for (i, d) in row.cells.iter().enumerate() {
            match text(d) {
                Ok(t) => self.current.push_field(&t),
                Err(e) => {
                    return Some(Err(RowError::new(
                        line,
                        i as u64 + 1,
                        format!(
                            "the cell holds the spreadsheet error {e}; expected a value (fix the formula or type the value)"
                        ),
                    )));
                }
            }
        }
        Some(Ok(line))
    }

    fn current(&self) -> &StringRecord {
        &self.current
    }

    fn skipped(&self) -> u64 {
        self.skipped
    }
}

/// A cell as text: numbers as written (`1.0` → `1`, `2.5` → `2.5`), dates as
/// ISO 8601 (`2025-09-01`, or `2025-09-01T09:30:00` with a time), booleans
/// as `TRUE`/`FALSE`. A spreadsheet error (`#N/A`, `#REF!`…) is `Err` with its text.
pub fn text(d: &Data) -> Result<String, String> {
    Ok(match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, da, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{da:02}")
            } else {
                format!("{y:04}-{mo:02}-{da:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// A number as a person typed it: whole numbers without `.0`.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_typed() {
        assert_eq!(text(&Data::Float(1.0)).unwrap(), "1");
        assert_eq!(text(&Data::Float(2.5)).unwrap(), "2.5");
        assert_eq!(text(&Data::Float(9780385509930.0)).unwrap(), "9780385509930");
        assert_eq!(text(&Data::Int(-3)).unwrap(), "-3");
        assert_eq!(text(&Data::Bool(true)).unwrap(), "TRUE");
        let d = calamine::ExcelDateTime::new(45901.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(d)).unwrap(), "2025-09-01");
        let d = calamine::ExcelDateTime::new(45901.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(d)).unwrap(), "2025-09-01T12:00:00");
        assert_eq!(text(&Data::Error(calamine::CellErrorType::NA)).unwrap_err(), "#N/A");
    }
}
