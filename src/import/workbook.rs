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
use super::numfmt;
use super::records::Records;
use super::sheet_xml::SheetFacts;
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

/// At most this many title-row cells above the header are named.
const ABOVE_MAX: usize = 12;

/// A sheet opened for reading, its header found.
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The sheets of the workbook, in order (for messages).
    pub all_sheets: Vec<String>,
    /// The header row's 1-based row number (its first row, when it takes two).
    pub header_row: u64,
    /// How many rows the header takes: 1, or 2 when a row of group labels
    /// merged across columns stands over the sub-headers.
    pub header_rows: u64,
    /// The header's cells, from its first named column to its last.
    pub headers: Vec<String>,
    /// Rows below the header with nothing in them, skipped.
    pub empty_rows: usize,
    /// How positions are written for this sheet.
    pub origin: Origin,
    /// The data rows.
    pub records: SheetRecords,
    /// What the rows above the header hold (title rows, not read), as
    /// `A1 "Curriculum map 2025/26"`.
    pub above: Vec<String>,
    /// What the user is told about the workbook before its rows, as whole
    /// lines (`note: …`, `warning: …`): the sheet and header row read, the
    /// sheets not read (named, and those that also hold a list), hidden rows
    /// and columns that are read.
    pub remarks: Vec<String>,
}

impl Sheet {
    /// Where the header row is, as messages start: `file.xlsx:Sheet1!A3`.
    pub fn header_at(&self, file: &str) -> String {
        format!("{file}:{}", self.origin.at(self.header_row, 1))
    }

    /// Matches the header row to `fields` as [`header::map`] does a CSV
    /// file's (`maps` from [`header::parse_maps`]); its report names columns
    /// by their letters and the title cells above the header. Errors name
    /// the header's cell (`file.xlsx:List!B3`).
    pub fn mapping(&self, file: &str, fields: &'static [Field], maps: &[(String, usize)]) -> Result<Mapping> {
        let first = match &self.origin {
            Origin::Sheet { first_column, .. } => *first_column,
            Origin::Text => 0,
        };
        // A column without a header is named by its letters, as the sheet shows it
        // (`--map 'F=notes'`): made the column number the matcher takes.
        let maps: Vec<(String, usize)> = maps
            .iter()
            .map(|(theirs, f)| {
                let is_header = self.headers.iter().any(|h| header::norm(h) == *theirs);
                match column_number(theirs).filter(|_| !is_header) {
                    Some(c) if c >= u64::from(first) => ((c - u64::from(first) + 1).to_string(), *f),
                    _ => (theirs.clone(), *f),
                }
            })
            .collect();
        let mut m = header::map(&self.header_at(file), &self.headers, fields, &maps)?.in_sheet(first);
        m.report.sheet_above = self.above.clone();
        Ok(m)
    }
}

/// The 0-based column of spreadsheet letters (`a` → 0, `aa` → 26); `None` for anything else.
fn column_number(letters: &str) -> Option<u64> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let n = letters.bytes().fold(0u64, |n, b| n * 26 + u64::from(b.to_ascii_lowercase() - b'a' + 1));
    Some(n - 1)
}

/// Opens `path` (a workbook of `kind`) and finds the sheet and header row to
/// read: the sheet named by `sheet`, else the first visible sheet with a row
/// that names every required field of `fields` (by name, alias or one of
/// `maps`, the normalised `--map` headers). Messages tell the user to pick a
/// sheet with `--sheet`.
pub fn open(
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Sheet> {
    open_as(path, kind, sheet, "--sheet", fields, maps)
}

/// [`open`], with `option` the command-line option that picks a sheet (for
/// messages): `--sheet`, or `--reading-sheet` in `canon audit`.
///
/// Errors (nothing is read): a workbook that cannot be opened (damaged, or
/// password-protected: said so); without `sheet`, any worksheet that cannot
/// be read (named, with the damaged cell when the file tells); no visible
/// sheet with a header (a hidden one that has one is named); `sheet` not in
/// the workbook or not readable.
pub fn open_as(
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    option: &str,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Sheet> {
    // calamine asserts on some damaged files (found by fuzzing): a damaged
    // workbook is an error, never a crash.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open_sheet(path, kind, sheet, option, fields, maps)));
    std::panic::set_hook(previous);
    result.unwrap_or_else(|_| {
        bail!(
            "{}: the {} is damaged and cannot be read; expected a workbook a spreadsheet opens \
             (open it in a spreadsheet program and save it again)",
            path.display(),
            kind.name()
        )
    })
}

/// What the list in a sheet is, for messages: "module-list" or "reading-list".
fn list_kind(fields: &[Field]) -> &'static str {
    if fields.iter().any(|f| f.name == "module_code") { "module-list" } else { "reading-list" }
}

/// A sheet name as a shell argument: `Modules`, `'Y3 Modules'`.
fn shell_word(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// calamine's message without the format prefix it adds.
fn calamine_text(e: &dyn std::fmt::Display) -> String {
    let t = e.to_string();
    for p in ["Xlsx error: ", "Xls error: ", "Xlsb error: ", "Ods error: "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.to_string();
        }
    }
    t
}

/// The damage calamine's message names, in plain words.
fn plain_damage(text: &str) -> &'static str {
    let t = text.to_ascii_lowercase();
    if t.contains("deflate") || t.contains("inflate") || t.contains("checksum") || t.contains("crc") {
        "its compressed data is damaged"
    } else if t.contains("end of xml") || t.contains("syntax error") || t.contains("xml error") || t.contains("eof") {
        "its XML is cut short or malformed"
    } else if t.contains("not found") {
        "a part of the file is missing"
    } else {
        "calamine cannot read it"
    }
}

/// Whether calamine refused the workbook because it is encrypted.
fn password_protected(e: &calamine::Error) -> bool {
    matches!(
        e,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
    )
}

/// The workbook, or the one message that says why it cannot be read (said
/// once: calamine's text is not repeated through its sources).
fn open_book(path: &Path, kind: Kind) -> Result<Sheets<BufReader<File>>> {
    let file = path.display().to_string();
    let protected = || {
        anyhow::anyhow!(
            "{file} is password-protected (encrypted when it was saved), so canon cannot read it; expected an \
             unencrypted workbook: open it in a spreadsheet program, remove the password (in Excel: File ▸ Info ▸ \
             Protect Workbook ▸ Encrypt with Password, cleared) and save it, then import that file"
        )
    };
    // calamine follows a compound file's sector chains as written: one that
    // loops is read until memory runs out. Checked first, for both readers below.
    if kind == Kind::Xls {
        let bytes = std::fs::read(path).with_context(|| format!("reading {file}"))?;
        let stream = super::cfb_check::check(&bytes).map_err(|damage| {
            anyhow::anyhow!(
                "{file}: not a readable workbook: its compound-file structure is damaged ({damage}); expected an \
                 Excel 97-2003 workbook (or a password-protected .xlsx) as a spreadsheet program saves it: open it \
                 there and save it again"
            )
        })?;
        // calamine lays out every sheet of an .xls as it opens it.
        if let Some(extent) = stream.and_then(|s| super::xls_extent::too_large(&s, MAX_SHEET_CELLS)) {
            bail!("{}", xls_too_large(path, extent));
        }
    }
    // A password-protected .xlsx is an OLE compound file holding an
    // `EncryptedPackage` stream: it looks like an .xls by its first bytes.
    if kind == Kind::Xls
        && let Ok(f) = File::open(path)
        && let Err(calamine::XlsxError::Password) = calamine::Xlsx::new(BufReader::new(f))
    {
        return Err(protected());
    }
    let opened: Result<Sheets<BufReader<File>>, calamine::Error> = match kind {
        Kind::Xlsx => calamine::open_workbook::<calamine::Xlsx<_>, _>(path).map(Sheets::Xlsx).map_err(Into::into),
        Kind::Xlsb => calamine::open_workbook::<calamine::Xlsb<_>, _>(path).map(Sheets::Xlsb).map_err(Into::into),
        Kind::Xls => calamine::open_workbook::<calamine::Xls<_>, _>(path).map(Sheets::Xls).map_err(Into::into),
        Kind::Ods => calamine::open_workbook::<calamine::Ods<_>, _>(path).map(Sheets::Ods).map_err(Into::into),
    };
    opened.map_err(|e| {
        if password_protected(&e) {
            return protected();
        }
        let text = calamine_text(&e);
        anyhow::anyhow!(
            "{file}: the {} cannot be read: {} ({text}); the workbook is damaged: open it in a spreadsheet \
             program and save it again",
            kind.name(),
            plain_damage(&text)
        )
    })
}

/// The most cells the rectangle from a sheet's first to its last cell with a
/// value may hold (2^24, some 16.8 million: 1,000 rows as wide as Excel
/// allows, or every row Excel allows 16 columns wide). calamine lays a sheet
/// out as that whole rectangle, 32 bytes a cell: one stray value at XFD1048576
/// in a sheet of six cells asked for 512 GiB and the process was killed.
pub const MAX_SHEET_CELLS: u64 = 1 << 24;

/// Why a sheet's cells were not read.
enum SheetRead {
    Calamine(calamine::Error),
    TooLarge(Span),
}

/// A sheet's cells spread wider than [`MAX_SHEET_CELLS`], as far as they were read.
struct Span {
    /// The top-left and bottom-right corners (0-based) of the cells read so far.
    first: (u32, u32),
    last: (u32, u32),
    /// The cell that took the rectangle (or the count of cells) over the limit.
    at: (u32, u32),
    /// How many cells the rectangle holds (within the limit when it was their number that passed it).
    cells: u64,
}

impl Span {
    /// The message; `option` the option that picks another sheet, when another can be read
    /// (not in an `.xls`: calamine lays out every sheet as it opens the file).
    fn message(&self, path: &Path, name: &str, option: Option<&str>) -> String {
        let cell = |(r, c): (u32, u32)| format!("{}{}", column_letters(c.into()), u64::from(r) + 1);
        let what = if self.cells > MAX_SHEET_CELLS {
            format!("its cells spread from {} to {} ({} cells)", cell(self.first), cell(self.last), self.cells)
        } else {
            "it gives more cells (some of them again and again)".to_string()
        };
        let another = match option {
            Some(option) => format!(", or read another sheet with {option} NAME"),
            None => " (an Excel 97-2003 workbook is read whole: no sheet of it can be read until then)".to_string(),
        };
        format!(
            "{}:{}!{}: sheet {name:?} cannot be read: {what}, more than canon reads in one sheet \
             ({MAX_SHEET_CELLS}); expected a list: clear what lies far from it (this cell is the first found past \
             the limit) and save the workbook again{another}",
            path.display(),
            sheet_ref(name),
            cell(self.at),
        )
    }
}

/// The message for an `.xls` sheet spread too wide (see [`super::xls_extent`]).
fn xls_too_large(path: &Path, extent: super::xls_extent::Extent) -> String {
    use super::xls_extent::Extent;
    match extent {
        Extent::Cells { sheet, first, last, at, cells } => Span { first, last, at, cells }.message(path, &sheet, None),
        Extent::Records { sheet, at } => Span { first: at, last: at, at, cells: 0 }.message(path, &sheet, None),
        Extent::Declared { sheet, rows, columns } => format!(
            "{}: sheet {sheet:?} cannot be read: its dimensions record declares {rows} rows by {columns} columns, \
             more cells than canon reads in one sheet ({MAX_SHEET_CELLS}) and more than an Excel 97-2003 sheet holds \
             (65536 rows by 256 columns); the workbook is damaged: open it in a spreadsheet program and save it again",
            path.display()
        ),
    }
}

/// A sheet's cells as calamine's `worksheet_range` gives them, read (for
/// `.xlsx` and `.xlsb`) cell by cell so that a sheet spread over more than
/// [`MAX_SHEET_CELLS`] is refused before it is laid out.
fn sheet_range(book: &mut Sheets<BufReader<File>>, name: &str) -> Result<Range<Data>, SheetRead> {
    let calamine = |e: calamine::Error| SheetRead::Calamine(e);
    match book {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            // What calamine's own worksheet_range does with a chart sheet.
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(Range::default()),
            Err(e) => Err(calamine(e.into())),
            Ok(mut cells) => bounded(|| cells.next_cell().map(|c| c.map(to_data)).map_err(Into::into)),
        },
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(|e| calamine(e.into()))?;
            bounded(|| cells.next_cell().map(|c| c.map(to_data)).map_err(Into::into))
        }
        _ => book.worksheet_range(name).map_err(calamine),
    }
}

fn to_data(c: calamine::Cell<calamine::DataRef<'_>>) -> calamine::Cell<Data> {
    calamine::Cell::new(c.get_position(), Data::from(c.get_value().clone()))
}

/// The cells `next` gives (empty ones left out, as calamine does), laid out
/// as a range: refused once their rectangle, or their number, passes
/// [`MAX_SHEET_CELLS`].
fn bounded(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<Data>>, calamine::Error>,
) -> Result<Range<Data>, SheetRead> {
    let mut cells = Vec::new();
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0, 0));
    while let Some(cell) = next().map_err(SheetRead::Calamine)? {
        if matches!(cell.get_value(), Data::Empty) {
            continue;
        }
        let at = cell.get_position();
        first = (first.0.min(at.0), first.1.min(at.1));
        last = (last.0.max(at.0), last.1.max(at.1));
        let span = (u64::from(last.0 - first.0) + 1) * (u64::from(last.1 - first.1) + 1);
        if span > MAX_SHEET_CELLS || cells.len() as u64 >= MAX_SHEET_CELLS {
            return Err(SheetRead::TooLarge(Span { first, last, at, cells: span }));
        }
        cells.push(cell);
    }
    Ok(Range::from_sparse(cells))
}

/// Why the sheet `name` cannot be read, as the whole message: the damaged
/// cell when the file tells (`file.xlsx:Modules!E2: …`), else the sheet.
fn unreadable(path: &Path, kind: Kind, name: &str, e: &calamine::Error, option: &str) -> String {
    let text = calamine_text(e);
    let found = if kind == Kind::Xlsx { super::sheet_xml::xlsx_damage(path, name) } else { None };
    // The damage found in the file is said in its own words; calamine's
    // message only when nothing more precise is known.
    match found {
        Some((why, cell)) => damaged(path, name, &why, cell, option),
        None => damaged(path, name, &format!("{} ({text})", plain_damage(&text)), None, option),
    }
}

/// The message for a sheet damaged as `why` says, at `cell` (0-based) when known.
fn damaged(path: &Path, name: &str, why: &str, cell: Option<(u32, u32)>, option: &str) -> String {
    let file = path.display();
    let again = format!(
        "the workbook is damaged: open it in a spreadsheet program and save it again (or read another sheet with \
         {option} NAME)"
    );
    match cell {
        Some((r, c)) => format!("{file}:{}!{}{}: {why}; {again}", sheet_ref(name), column_letters(c.into()), r + 1),
        None => format!("{file}: sheet {name:?} cannot be read: {why}; {again}"),
    }
}

/// A sheet of the workbook as the search saw it.
struct Seen {
    name: String,
    visible: bool,
    /// A worksheet (not a chart or dialog sheet).
    worksheet: bool,
    range: Option<Range<Data>>,
    /// Its header, if it has one.
    header: Option<HeaderAt>,
    /// Why it cannot be read.
    problem: Option<String>,
    /// What its own XML says (`.xlsx`).
    facts: SheetFacts,
}

fn open_sheet(
    path: &Path,
    kind: Kind,
    want: Option<&str>,
    option: &str,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Sheet> {
    let file = path.display().to_string();
    let list = list_kind(fields);
    // Checked before calamine reads it: calamine loops for ever on a
    // content.xml that ends inside a table.
    if kind == Kind::Ods
        && let Some(why) = super::sheet_xml::ods_damage(path)
    {
        bail!(
            "{file}: the {} cannot be read: {why}; the workbook is damaged: open it in a spreadsheet program and \
             save it again",
            kind.name()
        );
    }
    let mut book = open_book(path, kind)?;
    // Shared strings calamine reads otherwise than the spreadsheet shows them
    // (rich-text runs): read once for every sheet.
    let shown = if kind == Kind::Xlsx { super::sheet_xml::xlsx_shown_strings(path) } else { HashMap::new() };
    let meta: Vec<calamine::Sheet> = book.sheets_metadata().to_vec();
    let names: Vec<String> = meta.iter().map(|s| s.name.clone()).collect();
    let listed = names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
    let wanted = match want {
        None => None,
        Some(w) => {
            match names.iter().position(|n| n == w).or_else(|| names.iter().position(|n| n.eq_ignore_ascii_case(w))) {
                Some(i) => Some(i),
                None => bail!("{file}: no sheet named {w:?}; the workbook has {listed}"),
            }
        }
    };
    // The workbook `canon report` writes (its sheets "summary", "readings",
    // "gaps"…) is no list to import: named as such, as its CSV is (tester
    // r23, F5: the summary sheet was read and gave cell errors). `--sheet`
    // still reads one of its sheets on purpose.
    if want.is_none() && ["summary", "readings", "gaps", "coverage"].iter().all(|n| names.iter().any(|x| x == n)) {
        bail!(
            "{file} is a workbook written by `canon report` (its sheets are {listed}), not a {list}; import the \
             list the report was made from (or pick one of its sheets with {option})",
            list = list.replace('-', " ")
        );
    }
    let mut seen = Vec::new();
    for (i, m) in meta.iter().enumerate() {
        let worksheet = m.typ == calamine::SheetType::WorkSheet;
        let mut s = Seen {
            name: m.name.clone(),
            visible: m.visible == calamine::SheetVisible::Visible,
            worksheet,
            range: None,
            header: None,
            problem: None,
            facts: SheetFacts::default(),
        };
        if !worksheet {
            if wanted == Some(i) {
                bail!("{file}: sheet {:?} is a {:?} sheet, not a worksheet; the workbook has {listed}", m.name, m.typ);
            }
            seen.push(s);
            continue;
        }
        match sheet_range(&mut book, &m.name) {
            Err(SheetRead::TooLarge(span)) => s.problem = Some(span.message(path, &m.name, Some(option))),
            Err(SheetRead::Calamine(e)) => s.problem = Some(unreadable(path, kind, &m.name, &e, option)),
            Ok(mut range) => {
                // calamine reads a part only as far as it needs: a checksum
                // (checked at a part's end) or a part cut after a row goes
                // unnoticed. The sheet's own XML is read whole.
                let facts = match kind {
                    Kind::Xlsx => super::sheet_xml::xlsx_facts(path, &m.name, &shown),
                    Kind::Ods => Ok(super::sheet_xml::ods_facts(path, &m.name).unwrap_or_default()),
                    Kind::Xls | Kind::Xlsb => Ok(SheetFacts::default()),
                };
                match facts {
                    Err(why) => s.problem = Some(damaged(path, &m.name, &why, None, option)),
                    Ok(mut facts) => {
                        if let Sheets::Xls(x) = &book {
                            facts.merged = x.merge_cells_by_sheet_name(&m.name).unwrap_or_default();
                        }
                        show_texts(&mut range, &facts.texts);
                        s.header = find_header(&range, &facts.merged, fields, maps);
                        s.range = Some(range);
                        s.facts = facts;
                    }
                }
            }
        }
        seen.push(s);
    }
    let mut remarks = Vec::new();
    // Without --sheet, a sheet that cannot be read may be the one that holds
    // the list: the workbook is refused. With it, only the sheet named must be read.
    let problems: Vec<&String> = seen.iter().filter_map(|s| s.problem.as_ref()).collect();
    match wanted {
        None if !problems.is_empty() => {
            bail!("{}", problems.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("\n"));
        }
        Some(i) if seen[i].problem.is_some() => bail!("{}", seen[i].problem.clone().unwrap_or_default()),
        _ => {
            for p in problems {
                remarks.push(format!("warning: {p}; not checked for a {list} header"));
            }
        }
    }
    let chosen = match wanted {
        Some(i) => i,
        None => match seen.iter().position(|s| s.visible && s.header.is_some()) {
            Some(i) => i,
            None => {
                let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
                if let Some(h) = seen.iter().find(|s| s.header.is_some()) {
                    bail!(
                        "{file}: no visible sheet has a header row naming {} in its first {HEADER_SEARCH_ROWS} rows; \
                         the hidden sheet {:?} has one (row {}): to import it, pass {option} {}",
                        required.join(" and "),
                        h.name,
                        h.header.as_ref().map_or(0, |x| x.row + 1),
                        shell_word(&h.name)
                    );
                }
                bail!(
                    "{file}: no sheet has a header row naming {} in its first {HEADER_SEARCH_ROWS} rows; the \
                     workbook has {listed}\nhint: pick the sheet with {option} NAME, and name its columns with \
                     --map 'Their Header=field'",
                    required.join(" and ")
                );
            }
        },
    };
    let name = seen[chosen].name.clone();
    let range = seen[chosen].range.take().unwrap_or_else(Range::empty);
    let Some(header) = seen[chosen].header.take().or_else(|| first_text_row(&range)) else {
        bail!("{file}:{}!A1: the sheet is empty; expected a header row", sheet_ref(&name));
    };
    remarks.insert(
        0,
        format!("note: reading sheet {name:?} of {file} (header on {}{})", header.rows_said(), {
            let others = seen.iter().filter(|s| s.name != name).count();
            if others == 0 { String::new() } else { format!("; {others} other sheet{} not read", plural(others)) }
        }),
    );
    remarks.extend(others_note(&seen, chosen, list, option));
    let facts = std::mem::take(&mut seen[chosen].facts);
    let merged = merged_cells(&range, &facts);
    // .xlsx formulas saved without a result are found in the sheet's XML;
    // the others' through calamine.
    let formulas = if kind == Kind::Xlsx { None } else { book.worksheet_formula(&name).ok() };
    // Number formats (calamine's styles of the sheet) matter only for numbers.
    let numbers = range.used_cells().any(|(_, _, d)| matches!(d, Data::Float(_) | Data::Int(_) | Data::DateTime(_)));
    let styles = match &mut book {
        Sheets::Xlsx(x) if numbers => x.worksheet_style(&name).ok(),
        _ => None,
    };
    let uncalculated = kind == Kind::Xls && formulas.as_ref().is_some_and(|f| never_calculated(&range, f));
    let grid = Grid { range, merged, formulas, styles, facts, kind, sheet: name.clone(), uncalculated };
    Ok(sheet_from(&file, name, names, grid, header, remarks))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The sheets not read, named, and the warning for each other sheet that
/// also has a list's header (or is hidden and has one).
fn others_note(seen: &[Seen], chosen: usize, list: &str, option: &str) -> Vec<String> {
    let mut out = Vec::new();
    let named: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .map(|(_, s)| {
            let mut what = Vec::new();
            if !s.visible {
                what.push("hidden");
            }
            if !s.worksheet {
                what.push("not a worksheet");
            }
            if s.problem.is_some() {
                what.push("cannot be read");
            }
            if what.is_empty() { format!("{:?}", s.name) } else { format!("{:?} ({})", s.name, what.join(", ")) }
        })
        .collect();
    if !named.is_empty() {
        out.push(format!("note: sheet{} not read: {}", plural(named.len()), named.join(", ")));
    }
    for (i, s) in seen.iter().enumerate() {
        let Some(row) = s.header.as_ref().filter(|_| i != chosen).map(|h| h.row) else { continue };
        let how = format!("import it with {option} {}", shell_word(&s.name));
        out.push(if s.visible {
            format!("warning: sheet {:?} also has a {list} header (row {}), and is not read: {how}", s.name, row + 1)
        } else {
            format!(
                "note: the hidden sheet {:?} also has a {list} header (row {}), and is not read: {how}",
                s.name,
                row + 1
            )
        });
    }
    out
}

/// Each cell inside a merged block, mapped to the block's top-left cell
/// (absolute 0-based positions). Blocks are clipped to the sheet's used
/// range. The blocks are the sheet's own XML's (`.xlsx`), `content.xml`'s
/// (`.ods`: calamine reads covered cells as empty) or calamine's (`.xls`);
/// calamine does not expose merged cells of `.xlsb` sheets.
fn merged_cells(range: &Range<Data>, facts: &SheetFacts) -> HashMap<(u32, u32), (u32, u32)> {
    let mut map = HashMap::new();
    let (Some(start), Some(end)) = (range.start(), range.end()) else { return map };
    for b in facts.merged.iter().copied() {
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

/// Whether every formula of an `.xls` sheet has an empty result: the file
/// was written by a program that does not calculate (xlwt writes each
/// formula's result as an empty string), so an empty result is no result.
fn never_calculated(range: &Range<Data>, formulas: &Range<String>) -> bool {
    let mut any = false;
    for (r, c, f) in formulas.used_cells() {
        if f.trim().is_empty() {
            continue;
        }
        any = true;
        let at = (formulas.start().map_or(0, |s| s.0) + r as u32, formulas.start().map_or(0, |s| s.1) + c as u32);
        match range.get_value(at) {
            None | Some(Data::Empty) => {}
            Some(Data::String(s)) if s.is_empty() => {}
            _ => return false,
        }
    }
    any
}

/// Where a sheet's header is.
#[derive(Debug, Clone)]
struct HeaderAt {
    /// Its first row (0-based, absolute).
    row: u32,
    /// Its first and last columns (0-based, absolute).
    first: u32,
    last: u32,
    /// For a header of two rows (group labels over sub-headers): the names
    /// its columns are read by, and what the user is told about it.
    two_rows: Option<(Vec<String>, String)>,
}

impl HeaderAt {
    /// How many rows the header takes.
    fn rows(&self) -> u32 {
        if self.two_rows.is_some() { 2 } else { 1 }
    }

    /// `row 4`, or `rows 3–4` for a two-row header.
    fn rows_said(&self) -> String {
        match self.rows() {
            1 => format!("row {}", self.row + 1),
            _ => format!("rows {}–{}", self.row + 1, self.row + 2),
        }
    }
}

/// Puts the text the spreadsheet shows into the text cells calamine read
/// otherwise ([`SheetFacts::texts`]: rich-text runs, OpenDocument white space).
fn show_texts(range: &mut Range<Data>, texts: &HashMap<(u32, u32), String>) {
    for (at, shown) in texts {
        if matches!(range.get_value(*at), Some(Data::String(s)) if s != shown) {
            range.set_value(*at, Data::String(shown.clone()));
        }
    }
}

/// The first row (0-based, absolute) in the top rows of `range` whose cells
/// [`header::map`] matches to `fields` (every required field found, by name,
/// alias, bracketed alias or `--map`, exactly as a CSV header is matched),
/// with its first and last non-empty columns; or the first two rows that
/// are one header ([`two_row_header`]).
fn find_header(
    range: &Range<Data>,
    merged: &[Dimensions],
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Option<HeaderAt> {
    let (start, end) = (range.start()?, range.end()?);
    if !fields.iter().any(|f| f.required) {
        return None;
    }
    for r in start.0..=end.0.min(start.0 + HEADER_SEARCH_ROWS - 1) {
        if let Some(h) = two_row_header(range, merged, r, fields, maps) {
            return Some(h);
        }
        let Some((first, last)) = bounds(range, r) else { continue };
        let cells: Vec<String> =
            (first..=last).map(|c| range.get_value((r, c)).map(plain).unwrap_or_default()).collect();
        if header::map("", &cells, fields, maps).is_ok() {
            return Some(HeaderAt { row: r, first, last, two_rows: None });
        }
    }
    None
}

/// The merged block that holds (r, c), if any.
fn block_of(merged: &[Dimensions], (r, c): (u32, u32)) -> Option<&Dimensions> {
    merged.iter().find(|b| (b.start.0..=b.end.0).contains(&r) && (b.start.1..=b.end.1).contains(&c))
}

/// Rows `r` and `r + 1` read as one header, when they are one: row `r`
/// holds a group label merged across columns ("Session" over C:D) with
/// sub-headers under it in row `r + 1` ("Title", "Outcomes"), row `r` names
/// at least two things (a title merged across the whole table is a title
/// row, not a group label), the names below match `fields`, and either a
/// cell of row `r` is merged down into row `r + 1` or row `r + 1` alone is
/// not a header. Each column is read by its sub-header, or "Group Sub"
/// when the sub-header alone is ambiguous: repeated under another label,
/// or naming no field (or another) where "Group Sub" names one; by its
/// label when nothing is under it.
fn two_row_header(
    range: &Range<Data>,
    merged: &[Dimensions],
    r: u32,
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Option<HeaderAt> {
    let groups: Vec<&Dimensions> =
        merged.iter().filter(|b| b.start.0 == r && b.end.0 == r && b.end.1 > b.start.1).collect();
    if groups.is_empty() {
        return None;
    }
    let text = |at: (u32, u32)| range.get_value(at).map(plain).unwrap_or_default().trim().to_string();
    let (a, b) = bounds(range, r)?;
    let (c, d) = bounds(range, r + 1)?;
    let (first, last) = (a.min(c), b.max(d));
    if !groups.iter().any(|g| (g.start.1..=g.end.1).any(|k| !text((r + 1, k)).is_empty())) {
        return None;
    }
    if (first..=last).filter(|&k| !text((r, k)).is_empty()).count() < 2 {
        return None;
    }
    let top = |k: u32| text(block_of(merged, (r, k)).map_or((r, k), |b| b.start));
    // A cell merged down from row r is the label itself, not a sub-header.
    let down = |k: u32| block_of(merged, (r + 1, k)).is_some_and(|b| b.start.0 <= r);
    let sub = |k: u32| {
        if down(k) { String::new() } else { text(block_of(merged, (r + 1, k)).map_or((r + 1, k), |b| b.start)) }
    };
    let subs: Vec<String> = (first..=last).map(sub).collect();
    let mut names = Vec::new();
    let mut said = Vec::new();
    for (i, k) in (first..=last).enumerate() {
        let (t, u) = (top(k), &subs[i]);
        let name = if u.is_empty() {
            t.clone()
        } else if t.is_empty() {
            u.clone()
        } else {
            let both = format!("{t} {u}");
            let repeated = subs.iter().filter(|x| header::norm(x) == header::norm(u)).count() > 1;
            let alone = header::field_for(u, fields, maps);
            let with = header::field_for(&both, fields, maps);
            if repeated || (with.is_some() && with != alone) { both } else { u.clone() }
        };
        if !t.is_empty() && !u.is_empty() {
            let cell = format!("{}{}", column_letters(k.into()), r + 2);
            said.push(if name == *u { format!("{cell} {u:?}") } else { format!("{cell} {u:?} → {name:?}") });
        }
        names.push(name);
    }
    if header::map("", &names, fields, maps).is_err() {
        return None;
    }
    let merged_down = (first..=last).any(down);
    let row_below: Vec<String> = (first..=last).map(|k| text((r + 1, k))).collect();
    if !merged_down && header::map("", &row_below, fields, maps).is_ok() {
        return None;
    }
    let labels: Vec<String> = groups
        .iter()
        .map(|g| {
            format!(
                "{:?} ({}{}:{}{})",
                text(g.start),
                column_letters(g.start.1.into()),
                r + 1,
                column_letters(g.end.1.into()),
                r + 1
            )
        })
        .collect();
    let about = format!(
        "the header takes two rows ({} and {}): row {}'s group label{} {} over the sub-headers of row {}, read as \
         {}",
        r + 1,
        r + 2,
        r + 1,
        plural(labels.len()),
        labels.join(", "),
        r + 2,
        said.join(", ")
    );
    Some(HeaderAt { row: r, first, last, two_rows: Some((names, about)) })
}

/// A cell as plain text for finding the header (no formats applied).
fn plain(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty | Data::Error(_) => String::new(),
        Data::Float(f) => numfmt::general(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => numfmt::general(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// The first row with at least one text cell: the header when no row names
/// the fields (so the mapping error lists what the sheet has).
fn first_text_row(range: &Range<Data>) -> Option<HeaderAt> {
    let (start, end) = (range.start()?, range.end()?);
    (start.0..=end.0)
        .find_map(|r| bounds(range, r).map(|(first, last)| HeaderAt { row: r, first, last, two_rows: None }))
}

/// The first and last non-empty columns of row `r`.
fn bounds(range: &Range<Data>, r: u32) -> Option<(u32, u32)> {
    let (start, end) = (range.start()?, range.end()?);
    let filled = |c: &u32| range.get_value((r, *c)).is_some_and(|d| !plain(d).trim().is_empty());
    let first = (start.1..=end.1).find(filled)?;
    let last = (start.1..=end.1).rev().find(filled)?;
    Some((first, last))
}

/// `3`, `3 and 5`, `3, 7–9 and 12`: 1-based rows or numbers as ranges.
fn spans(rows: &[u64]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        parts.push(if j > i { format!("{}–{}", rows[i], rows[j]) } else { rows[i].to_string() });
        i = j + 1;
    }
    match parts.len() {
        0 | 1 => parts.concat(),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}

fn sheet_from(
    file: &str,
    name: String,
    all_sheets: Vec<String>,
    grid: Grid,
    header: HeaderAt,
    mut remarks: Vec<String>,
) -> Sheet {
    let (header_row, first, last) = (header.row, header.first, header.last);
    let origin = Origin::Sheet { name: name.clone(), first_column: first };
    let headers: Vec<String> = match &header.two_rows {
        Some((names, about)) => {
            remarks.push(format!("note: {file}:{}: {about}", origin.at(u64::from(header_row) + 1, 1)));
            names.clone()
        }
        None => (first..=last).map(|c| grid.cell(header_row, c).text()).collect(),
    };
    let range = &grid.range;
    let (start, end) = (range.start().unwrap_or((0, 0)), range.end().unwrap_or((0, 0)));
    let (left, right) = (start.1.min(first), end.1.max(last));
    // The title rows above the header: named, never read.
    let mut above = Vec::new();
    let mut more = 0;
    for r in start.0..header_row {
        for c in left..=right {
            // A merged title shows once, at its top-left cell.
            if grid.merged.contains_key(&(r, c)) {
                continue;
            }
            let t = grid.cell(r, c).text();
            if t.trim().is_empty() {
                continue;
            }
            if above.len() < ABOVE_MAX {
                above.push(format!("{}{} {:?}", column_letters(c.into()), r + 1, one_line(&t)));
            } else {
                more += 1;
            }
        }
    }
    if more > 0 {
        above.push(format!("and {more} more cell{}", plural(more)));
    }
    let mut rows = Vec::new();
    let mut empty_rows = 0;
    let mut hidden = Vec::new();
    for r in header_row + header.rows()..=end.0 {
        let mut cells: Vec<Cell> = Vec::with_capacity((last - first + 1) as usize);
        let mut outside = Vec::new();
        let mut notes = Vec::new();
        let mut any = false;
        for c in left..=right {
            let mut v = grid.cell(r, c);
            let blank = v.is_blank();
            any |= !blank;
            if (first..=last).contains(&c) {
                if let Some((note, clear)) = grid.date_note(r, c) {
                    notes.push((cells.len(), note));
                    if clear {
                        v = Cell::Text(String::new());
                    }
                }
                cells.push(v);
            } else if !blank {
                outside.push((c, v));
            }
        }
        if any {
            if grid.facts.row_hidden(r) {
                hidden.push(u64::from(r) + 1);
            }
            rows.push(SheetRow { row: r, cells, outside, notes });
        } else {
            empty_rows += 1;
        }
    }
    match hidden.as_slice() {
        [] => {}
        [one] => remarks.push(format!(
            "note: {file}:{}: row {one} is hidden in the sheet; it is read like any other row (unhide it in the \
             spreadsheet to check it belongs in the list)",
            origin.row(*one)
        )),
        many => remarks.push(format!(
            "note: {file}: rows {} of sheet {name:?} are hidden in the sheet; they are read like any other row \
             (unhide them in the spreadsheet to check they belong in the list)",
            spans(many)
        )),
    }
    let hidden_columns: Vec<String> = (first..=last)
        .filter(|&c| grid.facts.column_hidden(c))
        .map(|c| {
            let h = &headers[(c - first) as usize];
            if h.is_empty() { column_letters(c.into()) } else { format!("{} ({h:?})", column_letters(c.into())) }
        })
        .collect();
    if !hidden_columns.is_empty() {
        remarks.push(format!(
            "note: {file}: column{} {} of sheet {name:?} {} hidden in the sheet; read like any other column",
            plural(hidden_columns.len()),
            hidden_columns.join(", "),
            if hidden_columns.len() == 1 { "is" } else { "are" }
        ));
    }
    if grid.kind == Kind::Xls {
        remarks.extend(xls_notes(file, &grid, header_row + header.rows(), first, last));
    }
    let records = SheetRecords {
        rows: rows.into_iter(),
        current: StringRecord::new(),
        skipped: empty_rows as u64,
        problems: Vec::new(),
        pending: Vec::new(),
        notes: Vec::new(),
    };
    Sheet {
        name,
        all_sheets,
        header_row: u64::from(header_row) + 1,
        header_rows: header.rows().into(),
        headers,
        empty_rows,
        origin,
        records,
        above,
        remarks,
    }
}

/// What canon cannot see in an `.xls` sheet, said rather than guessed
/// silently: calamine 0.38 reads an `.xls` cell's value and whether its
/// format is a date or time, but neither the format itself (so a number
/// reads in the General format: `0.5`, not `50%`; `7`, not `007`) nor which
/// rows and columns are hidden. Rows from `from` (0-based), columns `first..=last`.
fn xls_notes(file: &str, grid: &Grid, from: u32, first: u32, last: u32) -> Vec<String> {
    let end = grid.range.end().map_or(0, |e| e.0);
    let (mut numbers, mut dates) = (Vec::new(), 0usize);
    for r in from..=end {
        for c in first..=last {
            match grid.range.get_value((r, c)) {
                Some(Data::Float(_) | Data::Int(_)) => numbers.push((r, c)),
                Some(Data::DateTime(_)) => dates += 1,
                _ => {}
            }
        }
    }
    let mut out = vec![format!(
        "note: {file}: canon cannot see which rows and columns of an .xls sheet are hidden (calamine does not read \
         them): every row and column is read like any other; save the workbook as .xlsx or .ods to have hidden \
         ones noted"
    )];
    if !numbers.is_empty() {
        let cells: Vec<String> =
            numbers.iter().take(5).map(|&(r, c)| format!("{}{}", column_letters(c.into()), r + 1)).collect();
        out.push(format!(
            "note: {file}: an .xls file's number formats cannot be read (calamine gives only the value), so {} \
             number cell{} ({}{}) {} read in the General format (0.5, not 50%; 7, not 007; 2.50 as 2.5); check \
             {}, or save the workbook as .xlsx or .ods to read them as the spreadsheet shows them",
            numbers.len(),
            plural(numbers.len()),
            cells.join(", "),
            if numbers.len() > cells.len() { ", …" } else { "" },
            if numbers.len() == 1 { "is" } else { "are" },
            if numbers.len() == 1 { "it" } else { "them" }
        ));
    }
    if dates > 0 {
        out.push(format!(
            "note: {file}: {dates} date or time cell{} of the .xls sheet {} read by value (a date as 2025-09-01, a \
             time of day as 09:30, with both when the value has both), not by its format, which calamine does not give",
            plural(dates),
            if dates == 1 { "is" } else { "are" }
        ));
    }
    out
}

/// A cell as read: its text as the spreadsheet shows it, or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Problem(String),
}

impl Cell {
    /// The text (empty for a problem).
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Problem(_) => String::new(),
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(t) if t.trim().is_empty())
    }
}

/// A sheet's cells with what is known about them: merged blocks, formulas,
/// number formats (`.xlsx`), and what its own XML says (`.ods` error cells
/// and shown texts, hidden rows and columns).
struct Grid {
    range: Range<Data>,
    merged: HashMap<(u32, u32), (u32, u32)>,
    formulas: Option<Range<String>>,
    styles: Option<calamine::StyleRange>,
    facts: SheetFacts,
    kind: Kind,
    sheet: String,
    /// An `.xls` sheet none of whose formulas has a result.
    uncalculated: bool,
}

impl Grid {
    /// The cell at (r, c) (0-based, absolute), seen through merged blocks.
    fn cell(&self, r: u32, c: u32) -> Cell {
        let at = self.merged.get(&(r, c)).copied().unwrap_or((r, c));
        if let Some(e) = self.facts.errors.get(&at) {
            return Cell::Problem(error_message(e));
        }
        let v = self.range.get_value(at).unwrap_or(&Data::Empty);
        if let Some(f) = self.unsaved(at, v) {
            let f = f.trim().trim_start_matches("of:").trim_start_matches('=');
            let shown: String =
                if f.chars().count() > 60 { f.chars().take(57).collect::<String>() + "…" } else { f.into() };
            return Cell::Problem(format!(
                "the formula {}in {}!{}{} has no saved result (the program that wrote the file does not \
                 calculate formulas); open the file in a spreadsheet program and save it, then import it again",
                if shown.is_empty() { String::new() } else { format!("={shown} ") },
                sheet_ref(&self.sheet),
                column_letters(at.1.into()),
                at.0 + 1
            ));
        }
        let code = self.styles.as_ref().and_then(|s| s.get(at)).and_then(|s| s.number_format.as_ref());
        let code = code.map(|n| n.format_code.as_str());
        match v {
            Data::Error(e) => Cell::Problem(error_message(&e.to_string())),
            Data::Float(_) | Data::Int(_) if self.facts.shown.contains_key(&at) => {
                Cell::Text(self.facts.shown[&at].clone())
            }
            Data::Float(f) => Cell::Text(number(*f, code)),
            Data::Int(i) => Cell::Text(number(*i as f64, code)),
            Data::DateTime(dt) => Cell::Text(date(dt, code)),
            Data::DateTimeIso(s) => Cell::Text(numfmt::iso_datetime(s)),
            Data::DurationIso(s) => Cell::Text(numfmt::iso_duration(s).unwrap_or_else(|| s.clone())),
            other => Cell::Text(text(other).unwrap_or_default()),
        }
    }

    /// What to say of a date cell at (r, c) whose number is no date a
    /// person meant, and whether the cell is read as empty: a whole number
    /// from 1000 to 2100 shown as a date is a year typed into a column
    /// formatted as dates (2019 shows as 1905-07-11; tester r77 F12: stored
    /// as 1905 unsaid), read as shown and said; 0 shown as a date is
    /// Excel's "1900-01-00", no date, not read and said.
    fn date_note(&self, r: u32, c: u32) -> Option<(String, bool)> {
        let at = self.merged.get(&(r, c)).copied().unwrap_or((r, c));
        let Some(Data::DateTime(dt)) = self.range.get_value(at) else { return None };
        let serial = dt.as_f64();
        if dt.is_duration() || serial.fract() != 0.0 {
            return None;
        }
        let Cell::Text(shown) = self.cell(r, c) else { return None };
        if serial == 0.0 && !shown.contains(':') {
            return Some((
                "the cell holds 0 shown as a date, which Excel writes \"1900-01-00\": no date; not read (type the \
                 date, or the year in a cell formatted as text or a number)"
                    .to_string(),
                true,
            ));
        }
        let n = serial as i64;
        (1000..=2100).contains(&n).then(|| {
            (
                format!(
                    "the cell holds the number {n} shown as a date, {shown}; read as shown. If the year is {n}, it \
                     was typed into a cell formatted as a date: format the column as text or a number and type the \
                     year again"
                ),
                false,
            )
        })
    }

    /// The formula at `at` (whose value is `v`) when it was saved without
    /// its result (its text may be empty: a shared formula's other cells).
    fn unsaved(&self, at: (u32, u32), v: &Data) -> Option<String> {
        if self.kind == Kind::Xlsx {
            return self.facts.unsaved.contains(&at).then(|| self.facts.formulas.get(&at).cloned().unwrap_or_default());
        }
        let f = self.formulas.as_ref().and_then(|f| f.get_value(at)).filter(|f| !f.trim().is_empty())?;
        let empty = matches!(v, Data::Empty);
        let unsaved = match self.kind {
            Kind::Xlsx | Kind::Xlsb => empty,
            Kind::Ods => self.facts.unsaved.contains(&at),
            // An .xls formula's empty result is an empty string unless no
            // formula of the sheet has a result and this one cannot make "".
            Kind::Xls => {
                (empty || matches!(v, Data::String(s) if s.is_empty())) && self.uncalculated && !f.contains("\"\"")
            }
        };
        unsaved.then(|| f.clone())
    }
}

fn error_message(e: &str) -> String {
    format!("the cell holds the spreadsheet error {e}; expected a value (fix the formula or type the value)")
}

/// A number as its cell's format shows it (General when it has none, or
/// one [`numfmt::format`] does not render).
fn number(f: f64, code: Option<&str>) -> String {
    code.and_then(|c| numfmt::format(f, c)).unwrap_or_else(|| numfmt::general(f))
}

/// A date, time or duration as shown: `2025-09-01`, `09:30`,
/// `2025-09-01 14:00`; the parts shown are the format's (`.xlsx`), else a
/// value below one day is a time of day and a whole one a date.
fn date(dt: &calamine::ExcelDateTime, code: Option<&str>) -> String {
    let parts = code.map(numfmt::date_parts).filter(|p| p.date || p.time);
    if dt.is_duration() {
        let secs = (dt.as_f64() * 86_400.0).round().max(0.0) as u64;
        return numfmt::clock(secs / 3600, secs / 60 % 60, secs % 60);
    }
    let v = dt.as_f64();
    let (show_date, show_time) = match parts {
        Some(p) => (p.date, p.time),
        None if v < 1.0 => (false, true),
        None => (true, v.fract() != 0.0),
    };
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    // A format that shows the year alone ("2019") or the year and month is
    // read as shown, never as the 1st of January the cell stores (tester
    // r64 F7: Vancouver printed "2019 Jan 1").
    let day = match parts {
        Some(p) if p.date && !p.time && !p.day && !p.month => format!("{y:04}"),
        Some(p) if p.date && !p.time && !p.day => format!("{y:04}-{mo:02}"),
        _ => format!("{y:04}-{mo:02}-{d:02}"),
    };
    let time = numfmt::clock(h.into(), mi.into(), s.into());
    match (show_date, show_time) {
        (true, true) => format!("{day} {time}"),
        (false, true) => time,
        _ => day,
    }
}

struct SheetRow {
    row: u32,
    cells: Vec<Cell>,
    /// Values in columns with no header (left of the header's first or
    /// right of its last named column): absolute column and value.
    outside: Vec<(u32, Cell)>,
    /// Warnings on cells read (index in `cells`, message): [`Grid::date_note`].
    notes: Vec<(usize, String)>,
}

/// The data rows of a sheet, as records of text cells.
pub struct SheetRecords {
    rows: std::vec::IntoIter<SheetRow>,
    current: StringRecord,
    /// The sheet's empty rows below the header (all counted when the sheet is read).
    skipped: u64,
    /// The current record's cell problems.
    problems: Vec<RowError>,
    /// Further problems of a row that holds nothing but them, one per call.
    pending: Vec<RowError>,
    /// The current record's cell warnings ([`Records::cell_warnings`]).
    notes: Vec<RowError>,
}

impl Records for SheetRecords {
    fn next_record(&mut self) -> Option<Result<u64, RowError>> {
        if !self.pending.is_empty() {
            return Some(Err(self.pending.remove(0)));
        }
        let row = self.rows.next()?;
        let line = u64::from(row.row) + 1;
        self.current.clear();
        self.problems.clear();
        self.notes = row.notes.iter().map(|(i, n)| RowError::new(line, *i as u64 + 1, n.clone())).collect();
        for (i, cell) in row.cells.iter().enumerate() {
            match cell {
                Cell::Text(t) => self.current.push_field(t),
                Cell::Problem(p) => {
                    self.current.push_field("");
                    self.problems.push(RowError::new(line, i as u64 + 1, p.clone()));
                }
            }
        }
        for (c, v) in &row.outside {
            let held = match v {
                Cell::Text(t) => format!("{:?}", one_line(t)),
                Cell::Problem(_) => "a spreadsheet error".into(),
            };
            self.problems.push(RowError::at_sheet_column(
                line,
                *c,
                format!(
                    "cell {}{line} holds {held} but its column has no header; expected a header above it, or the \
                     cell cleared",
                    column_letters(u64::from(*c))
                ),
            ));
        }
        // A row with nothing but values in columns without a header (a
        // footnote beside the table) is those problems, not a list row.
        if row.cells.iter().all(Cell::is_blank) && !row.outside.is_empty() {
            let mut all = std::mem::take(&mut self.problems);
            let first = all.remove(0);
            self.pending = all;
            return Some(Err(first));
        }
        Some(Ok(line))
    }

    fn current(&self) -> &StringRecord {
        &self.current
    }

    fn skipped(&self) -> u64 {
        self.skipped
    }

    fn cell_problems(&mut self) -> Vec<RowError> {
        std::mem::take(&mut self.problems)
    }

    fn cell_warnings(&mut self) -> Vec<RowError> {
        std::mem::take(&mut self.notes)
    }
}

/// Whitespace runs (line breaks included) as one space, for messages.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell as text without its number format: numbers in the General format
/// (`1.0` → `1`, `0.1 + 0.2` → `0.3`), dates as ISO 8601 (`2025-09-01`,
/// `2025-09-01 09:30`, or `09:30` for a time of day), booleans as
/// `TRUE`/`FALSE`. A spreadsheet error (`#N/A`, `#REF!`…) is `Err` with its text.
pub fn text(d: &Data) -> Result<String, String> {
    Ok(match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => numfmt::general(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => date(dt, None),
        Data::DateTimeIso(s) => numfmt::iso_datetime(s),
        Data::DurationIso(s) => numfmt::iso_duration(s).unwrap_or_else(|| s.clone()),
        Data::Error(e) => return Err(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_back_to_numbers() {
        assert_eq!((column_number("a"), column_number("F"), column_number("aa")), (Some(0), Some(5), Some(26)));
        assert_eq!((column_number("9"), column_number("abcd")), (None, None));
    }

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
        assert_eq!(text(&Data::DateTime(d)).unwrap(), "2025-09-01 12:00");
        let d = calamine::ExcelDateTime::new(0.395833333, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(d)).unwrap(), "09:30", "a time of day, not 1899-12-31");
        assert_eq!(date(&d, Some("h:mm:ss")), "09:30", "no seconds to show");
        assert!(date(&d, Some("yyyy-mm-dd hh:mm")).ends_with(" 09:30"), "the format asks for the date too");
        let y = calamine::ExcelDateTime::new(43466.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date(&y, Some("yyyy")), "2019", "a year shown alone is the year");
        assert_eq!(date(&y, Some("mmm yyyy")), "2019-01", "a month and year, no day");
        assert_eq!(date(&y, Some("dd/mm/yyyy")), "2019-01-01");
        let d = calamine::ExcelDateTime::new(1.0625, calamine::ExcelDateTimeType::TimeDelta, false);
        assert_eq!(text(&Data::DateTime(d)).unwrap(), "25:30");
        assert_eq!(text(&Data::DateTimeIso("2025-09-01T00:00:00".into())).unwrap(), "2025-09-01");
        assert_eq!(text(&Data::DurationIso("PT09H30M00S".into())).unwrap(), "09:30");
        assert_eq!(text(&Data::Float(0.1 + 0.2)).unwrap(), "0.3");
        assert_eq!(text(&Data::Error(calamine::CellErrorType::NA)).unwrap_err(), "#N/A");
        assert_eq!(number(7.0, Some("000")), "007");
        assert_eq!(number(0.5, Some("0%")), "50%");
        assert_eq!(number(1.0, Some("0.00E+00")), "1", "a format not rendered shows General");
    }

    #[test]
    fn rows_as_ranges() {
        assert_eq!(spans(&[3]), "3");
        assert_eq!(spans(&[3, 5]), "3 and 5");
        assert_eq!(spans(&[3, 7, 8, 9, 12]), "3, 7–9 and 12");
        assert_eq!(shell_word("Modules"), "Modules");
        assert_eq!(shell_word("Y3 Modules"), "'Y3 Modules'");
        assert_eq!(shell_word("O'Neil"), "'O'\\''Neil'");
    }
}
