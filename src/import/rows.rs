//! CSV records with one record of lookahead, so a reader knows which record
//! is the last one (where an unclosed quote shows itself); the physical line
//! each record starts on, whatever the line ends; and rows with nothing in
//! them skipped and counted.
//!
//! **The physical line rule** (every CSV-like reader reports by it): a CRLF,
//! a CR alone and an LF alone each end one line, wherever they are, inside
//! a quoted cell too. So a file saved by old Mac Excel (CR after each row)
//! whose cells hold Alt-Enter line breaks (LF), or a CRLF file with a stray
//! CR, is counted as a text editor that knows all three line ends shows it.

use std::collections::VecDeque;
use std::io::Read;

use csv::StringRecord;

use super::RowError;
use super::header::{self, Above, Field, Mapping};
use super::source::Source;

/// A reader that notes where each line break is, so a byte offset can be
/// turned into the physical line it is on. Only the breaks not yet asked
/// about are kept: memory stays flat however long the file.
pub struct LineIndex<R> {
    inner: R,
    offset: u64,
    /// Each break: where its line end starts (the CR of a CRLF) and where
    /// it ends (its LF; for a CR alone, the CR itself).
    breaks: VecDeque<(u64, u64)>,
    /// Line breaks before the first one in `breaks`.
    passed: u64,
    /// Whether the last byte read was a CR (a break once the next byte shows
    /// it is not the CR of a CRLF).
    cr: bool,
    /// The field separator, for [`Quoting`]; `None`: no quote check.
    delimiter: Option<u8>,
    quoting: Quoting,
    /// The 0-based column (in characters) of the byte being read.
    column: u64,
    /// Each place where text follows a quoted field's closing quote (`"Mod
    /// "one",x`): its byte offset, line and column. The CSV reader joins such
    /// text to the field (and a quote that closes on a later row joins two
    /// rows into one): [`Rows`] refuses the record instead.
    pub stray: VecDeque<Stray>,
    /// Where the quoted field being read opened: line, column.
    opened: (u64, u64),
}

/// Text after a closing quote ([`LineIndex::stray`]): its byte offset, its
/// line and column, and the line and column its quoted field opened at.
pub type Stray = (u64, u64, u64, (u64, u64));

/// Where the quote scanner is in a field (RFC 4180 §2, rules 5–7: a field
/// is quoted from its first character; a quote inside it is doubled; the
/// closing quote is followed by the separator or the line's end).
#[derive(Clone, Copy, PartialEq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: doubled, or the closing one.
    QuoteInQuoted,
    /// Spaces after a closing quote (allowed before the separator).
    AfterClose,
}

impl<R: Read> LineIndex<R> {
    /// Wraps `inner`, counting lines from 1 at its first byte.
    pub fn new(inner: R) -> LineIndex<R> {
        LineIndex {
            inner,
            offset: 0,
            breaks: VecDeque::new(),
            passed: 0,
            cr: false,
            delimiter: None,
            quoting: Quoting::FieldStart,
            column: 0,
            stray: VecDeque::new(),
            opened: (0, 0),
        }
    }

    /// As [`LineIndex::new`], noting text after a closing quote
    /// ([`LineIndex::stray`]) in fields separated by `delimiter`.
    pub fn checking_quotes(inner: R, delimiter: u8) -> LineIndex<R> {
        LineIndex { delimiter: Some(delimiter), ..LineIndex::new(inner) }
    }

    /// One byte through the quote scanner, at `at` (on `line`).
    fn scan(&mut self, b: u8, at: u64, line: u64) {
        let Some(d) = self.delimiter else { return };
        let end = b == b'\n' || b == b'\r';
        self.quoting = match (self.quoting, b) {
            (_, b) if b == d && self.quoting != Quoting::Quoted => Quoting::FieldStart,
            (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
            (Quoting::Quoted, _) => Quoting::Quoted,
            (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
            (Quoting::QuoteInQuoted | Quoting::AfterClose, b' ' | b'\t') => Quoting::AfterClose,
            (_, _) if end => Quoting::FieldStart,
            (Quoting::QuoteInQuoted | Quoting::AfterClose, _) => {
                if self.stray.len() < 1000 {
                    self.stray.push_back((at, line, self.column + 1, self.opened));
                }
                Quoting::Unquoted
            }
            (Quoting::FieldStart, b'"') => {
                self.opened = (line, self.column + 1);
                Quoting::Quoted
            }
            (Quoting::FieldStart | Quoting::Unquoted, _) => Quoting::Unquoted,
        };
    }

    /// The 1-based line of the record the CSV reader says starts at byte
    /// `at`. The reader may give the position of the line end before it (the
    /// LF of a CRLF) or of blank lines before it: those are skipped. Calls
    /// must come in increasing order of `at`.
    pub fn line_of(&mut self, at: u64) -> u64 {
        while self.breaks.front().is_some_and(|&(_, lf)| lf < at) {
            self.breaks.pop_front();
            self.passed += 1;
        }
        let (mut line, mut p) = (self.passed + 1, at);
        for &(start, lf) in &self.breaks {
            if lf == p || start == p {
                line += 1;
                p = lf + 1;
            } else {
                break;
            }
        }
        line
    }
}

impl<R: Read> Read for LineIndex<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.cr {
            // The file ends in a CR.
            self.breaks.push_back((self.offset - 1, self.offset - 1));
            self.cr = false;
        }
        // LF, CRLF and a CR alone each end a line (see the module's rule).
        for (i, &b) in buf[..n].iter().enumerate() {
            let at = self.offset + i as u64;
            if b == b'\n' {
                self.breaks.push_back((if self.cr { at - 1 } else { at }, at));
            } else if self.cr {
                self.breaks.push_back((at - 1, at - 1));
                self.column = 0;
            }
            self.cr = b == b'\r';
            if self.delimiter.is_some() {
                let line = self.passed + self.breaks.len() as u64 + 1;
                self.scan(b, at, line);
                if b == b'\n' {
                    self.column = 0;
                } else if b & 0xC0 != 0x80 && b != b'\r' {
                    self.column += 1;
                }
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// How many line breaks `text` holds by the physical line rule: each CRLF,
/// CR alone and LF alone counts once.
pub fn line_breaks(text: &[u8]) -> u64 {
    let lf = text.iter().filter(|b| **b == b'\n').count();
    let lone_cr = text.iter().enumerate().filter(|(i, b)| **b == b'\r' && text.get(i + 1) != Some(&b'\n')).count();
    (lf + lone_cr) as u64
}

/// The physical line the cell in 1-based `column` of `record` starts on,
/// the record starting on `line`: the line breaks inside the quoted cells
/// before it counted (tester r62 F10: a bad cell after a multi-line title
/// was said at the title's line). Column 0 (no such column) is the record's line.
pub fn cell_line(record: &StringRecord, line: u64, column: u64) -> u64 {
    let before = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    line + record.iter().take(before).map(|f| line_breaks(f.as_bytes())).sum::<u64>()
}

/// Where the cell in 1-based `column` of `record` (starting on `line`) is.
pub fn cell_pos(record: &StringRecord, line: u64, column: u64) -> super::builder::Pos {
    super::builder::Pos::new(cell_line(record, line, column), column)
}

/// Each problem said at the record's `line` and a column moved to the line
/// its cell starts on ([`cell_line`]): a CSV reader's problems name a cell
/// by its column.
pub fn at_cell_lines(record: &StringRecord, line: u64, problems: &mut [RowError]) {
    for p in problems.iter_mut().filter(|p| p.line == line && p.column > 0 && p.sheet_column.is_none()) {
        p.line = cell_line(record, line, p.column);
    }
}

/// `d`, read from `record`, with the problems said at the record's line
/// moved to their cells' lines ([`at_cell_lines`]).
pub fn draft_at_cell_lines(mut d: super::builder::Draft, record: &StringRecord) -> super::builder::Draft {
    let line = d.at.line;
    at_cell_lines(record, line, &mut d.errors);
    at_cell_lines(record, line, &mut d.warnings);
    d
}

/// The line breaks inside a record's fields (quoted line breaks).
fn breaks_in(r: &StringRecord) -> u64 {
    let s = r.as_slice().as_bytes();
    if s.contains(&b'\r') { line_breaks(s) } else { s.iter().filter(|b| **b == b'\n').count() as u64 }
}

/// Whether every cell of a record is empty or blank (`,,,,` as a
/// spreadsheet leaves it, or a line of spaces).
pub fn is_empty_row(r: &StringRecord) -> bool {
    r.iter().all(|c| c.trim().is_empty())
}

/// A CSV reader that knows when the record it returns is the file's last.
pub struct Rows {
    reader: csv::Reader<LineIndex<Box<dyn Read + Send>>>,
    pub current: StringRecord,
    next: StringRecord,
    peeked: Peeked,
    /// Whether the file's last non-blank character is a `"`.
    ends_with_quote: bool,
    /// The physical line `current` starts on.
    line: u64,
    /// The line the record after `current` starts on (once peeked).
    next_line: u64,
    /// The line the header starts on, and its quoted line breaks.
    header: Option<(u64, u64)>,
    /// Blank lines and rows with every cell empty, skipped.
    pub skipped: u64,
    /// The records above the header, not read (title rows), as text.
    pub above: Vec<String>,
    /// Text after a closing quote in the header ([`Rows::header_stray_quote`]).
    header_stray: Option<(u64, u64, (u64, u64))>,
    /// A rejects file canon wrote (its header has the reasons column): the
    /// `'` it put before formula-like cells comes off each cell again.
    unguard: bool,
}

enum Peeked {
    Start,
    Record,
    End,
    Error(csv::Error),
}

impl Rows {
    /// Reads `reader` as CSV separated by `delimiter`; rows may have any
    /// number of fields (a ragged row is the reader's to report).
    pub fn new(delimiter: u8, reader: Box<dyn Read + Send>, ends_with_quote: bool) -> Rows {
        let mut builder = csv::ReaderBuilder::new();
        builder.delimiter(delimiter).flexible(true).has_headers(false);
        Rows {
            reader: builder.from_reader(LineIndex::checking_quotes(reader, delimiter)),
            current: StringRecord::new(),
            next: StringRecord::new(),
            peeked: Peeked::Start,
            ends_with_quote,
            line: 0,
            next_line: 0,
            header: None,
            skipped: 0,
            above: Vec::new(),
            header_stray: None,
            unguard: false,
        }
    }

    /// The header row's cells, as written: the first record.
    pub fn headers(&mut self) -> csv::Result<Vec<String>> {
        self.headers_after(0)
    }

    /// The header row's cells, as written: the record after the first `skip`
    /// (title rows, Excel's `sep=` line: see [`super::header::locate`]),
    /// whose text is kept in [`Rows::above`]. Empty for an empty file.
    pub fn headers_after(&mut self, skip: usize) -> csv::Result<Vec<String>> {
        let mut h = StringRecord::new();
        for i in 0..=skip {
            if !self.reader.read_record(&mut h)? {
                return Ok(Vec::new());
            }
            if i < skip {
                let text: Vec<&str> = h.iter().map(str::trim).filter(|c| !c.is_empty()).collect();
                let text = super::modules::one_line(&text.join(" "));
                let short: String = text.chars().take(60).collect();
                self.above.push(if short.len() < text.len() { format!("{short}…") } else { short });
            }
        }
        let line = match h.position() {
            Some(p) => self.reader.get_mut().line_of(p.byte()),
            None => 1,
        };
        self.header = Some((line, breaks_in(&h)));
        self.unguard = h.iter().any(|c| c.trim().eq_ignore_ascii_case(super::rejects::REASON_COLUMN));
        // Text after a closing quote in the header ("\"authors\" x"), or a
        // quote opened there and closed on a later line, which swallowed
        // the rows after it into a header cell.
        let from = h.position().map_or(0, csv::Position::byte);
        let until = self.reader.position().byte();
        let index = self.reader.get_mut();
        while index.stray.front().is_some_and(|s| s.0 < until) {
            let (at, line, col, opened) = index.stray.pop_front().expect("a front");
            if at >= from && self.header_stray.is_none() {
                self.header_stray = Some((line, col, opened));
            }
        }
        Ok(h.iter().map(String::from).collect())
    }

    /// Where text follows a closing quote in the header row, and where
    /// that quote opened (line, column each), or `None`.
    pub fn header_stray_quote(&self) -> Option<(u64, u64, (u64, u64))> {
        self.header_stray
    }

    /// The 1-based physical line the header starts on (after blank lines
    /// before it); 1 before [`Rows::headers`] is called.
    pub fn header_line(&self) -> u64 {
        self.header.map_or(1, |(line, _)| line)
    }

    fn line_at(&mut self, p: Option<&csv::Position>) -> u64 {
        match p {
            Some(p) => self.reader.get_mut().line_of(p.byte()),
            None => 0,
        }
    }

    fn peek(&mut self) {
        self.peeked = match self.reader.read_record(&mut self.next) {
            Ok(true) => {
                let p = self.next.position().cloned();
                self.next_line = self.line_at(p.as_ref());
                Peeked::Record
            }
            Ok(false) => Peeked::End,
            Err(e) => Peeked::Error(e),
        };
    }

    /// Reads the first record after the header, counting blank lines before it.
    fn first_peek(&mut self) {
        self.peek();
        // Blank lines between the header and the first record.
        if let (Some((line, breaks)), Peeked::Record) = (self.header, &self.peeked) {
            self.skipped += self.next_line.saturating_sub(line + breaks + 1);
        }
    }

    /// Whether the file has no record after its header (read ahead; the
    /// records are still all to come from [`Rows::advance`]).
    pub fn nothing_after_header(&mut self) -> bool {
        if let Peeked::Start = self.peeked {
            self.first_peek();
        }
        matches!(self.peeked, Peeked::End)
    }

    /// Moves to the next record (in `current`); `Ok(true)` when it is the last.
    pub fn advance(&mut self) -> Option<Result<bool, csv::Error>> {
        if let Peeked::Start = self.peeked {
            self.first_peek();
        }
        match std::mem::replace(&mut self.peeked, Peeked::End) {
            Peeked::Start | Peeked::End => None,
            Peeked::Error(e) => {
                // A UTF-8 error leaves the reader able to go on; anything else ends it.
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    self.peek();
                }
                Some(Err(e))
            }
            Peeked::Record => {
                std::mem::swap(&mut self.current, &mut self.next);
                self.line = self.next_line;
                self.peek();
                if let Peeked::Record = self.peeked {
                    // Blank lines between this record and the next. Most
                    // records are one line followed by the next: no count needed.
                    let gap = self.next_line.saturating_sub(self.line);
                    if gap > 1 {
                        self.skipped += gap.saturating_sub(breaks_in(&self.current) + 1);
                    }
                }
                Some(Ok(matches!(self.peeked, Peeked::End)))
            }
        }
    }

    /// Moves to the next record with something in it and returns the line
    /// it starts on, or the problem that makes it unreadable (an unclosed
    /// quote, bytes that are not text). Rows with every cell empty are
    /// skipped and counted in [`Rows::skipped`].
    pub fn next_record(&mut self) -> Option<Result<u64, RowError>> {
        loop {
            let r = self.next_any()?;
            if r.is_ok() && is_empty_row(&self.current) {
                self.skipped += 1 + breaks_in(&self.current);
                continue;
            }
            if r.is_ok() && self.unguard {
                self.current = self.current.iter().map(super::reading_csv::unguard).collect();
            }
            return Some(r);
        }
    }

    fn next_any(&mut self) -> Option<Result<u64, RowError>> {
        Some(match self.advance()? {
            Ok(last) => {
                let line = self.line;
                if let Some((stray_line, col, (open_line, open_col))) = self.stray_quote(last) {
                    let opened = if open_line == stray_line {
                        format!("column {open_col}")
                    } else {
                        format!("line {open_line}, column {open_col}")
                    };
                    return Some(Err(RowError::new(
                        stray_line,
                        col,
                        format!(
                            "text after the closing quote of the quoted field opened at {opened}; expected the \
                             separator or the end of the line after a closing \" (a \" inside a quoted field is \
                             written twice, \"\")"
                        ),
                    )));
                }
                match self.unclosed_quote(last) {
                    Some(col) => Err(RowError::new(
                        line,
                        col,
                        "a quoted field opened here is never closed; expected a closing \" before the end of the file",
                    )),
                    None => Ok(line),
                }
            }
            Err(e) => {
                let line = self.line_at(e.position()).max(self.line);
                match e.kind() {
                    csv::ErrorKind::Utf8 { err, .. } => Err(RowError::new(
                        line,
                        err.field() as u64 + 1,
                        format!("field {} is not valid UTF-8; expected text (try --encoding)", err.field() + 1),
                    )),
                    _ => Err(RowError::new(line, 1, format!("cannot read this row: {e}"))),
                }
            }
        })
    }

    /// The line and column of the first place in the current record where
    /// text follows a closing quote ([`LineIndex::stray`]), or `None`. The
    /// places before the next record are the current record's (and the
    /// header's, which the header's reader has already read past).
    fn stray_quote(&mut self, last: bool) -> Option<(u64, u64, (u64, u64))> {
        let until = if last { u64::MAX } else { self.next.position().map_or(u64::MAX, csv::Position::byte) };
        let from = self.current.position().map_or(0, csv::Position::byte);
        let index = self.reader.get_mut();
        let mut found = None;
        while index.stray.front().is_some_and(|s| s.0 < until) {
            let (at, line, col, opened) = index.stray.pop_front()?;
            if at >= from && found.is_none() {
                found = Some((line, col, opened));
            }
        }
        found
    }

    /// The 1-based physical line the current record starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The column of a quote opened in the current record and never closed:
    /// the last record's last field then runs to the end of the file, line
    /// breaks and all.
    pub fn unclosed_quote(&self, last: bool) -> Option<u64> {
        let field = self.current.iter().next_back()?;
        let runs_to_end = field.ends_with(['\n', '\r']) || !self.ends_with_quote;
        (last && field.contains(['\n', '\r']) && runs_to_end).then_some(self.current.len() as u64)
    }
}

/// A delimited text file opened to be read row by row: its header found
/// where it is (under title rows, after Excel's `sep=` line: see
/// [`header::locate`]) and matched to `fields` (`maps` from
/// [`header::parse_maps`]). An empty file is an error naming `example`, a
/// header such as the format expects. Returns the rows, the header's cells,
/// their mapping and the delimiter the file was read with.
pub fn open_table(
    source: Source,
    fields: &'static [Field],
    maps: &[(String, usize)],
    example: &str,
) -> anyhow::Result<(Rows, Vec<String>, Mapping, u8)> {
    use anyhow::Context;
    let file = source.path.display().to_string();
    let at = header::locate(&source.head, source.delimiter, fields, maps);
    let source_head = source.head.clone();
    let mut rows = Rows::new(at.delimiter, source.reader, source.ends_with_quote);
    let headers = rows.headers_after(at.skip).with_context(|| format!("reading the header of {file}"))?;
    if let Some((line, col, (open_line, open_col))) = rows.header_stray_quote() {
        let opened = if open_line == line {
            format!("column {open_col}")
        } else {
            format!("line {open_line}, column {open_col}")
        };
        anyhow::bail!(
            "{file}:{line}:{col}: text after the closing quote of the header's quoted field opened at {opened}; \
             expected the separator or the end of the line after a closing \" (a \" inside a quoted field is written \
             twice, \"\")"
        );
    }
    // A header cell whose quote runs past its line into text with the
    // separator: a closing quote is missing and the rows below were read
    // into the header (a header cell may hold a line break, but not rows).
    let d = char::from(at.delimiter);
    let runaway = headers.iter().position(|h| h.contains(['\n', '\r']) && h.lines().skip(1).any(|l| l.contains(d)));
    if let Some(k) = runaway
        && rows.nothing_after_header()
    {
        let line = rows.header_line();
        let col = open_quote_at_line_end(&source_head, line, at.delimiter).unwrap_or(1);
        let after: String = headers[k].lines().nth(1).unwrap_or_default().chars().take(40).collect();
        anyhow::bail!(
            "{file}:{line}:{col}: the quote that opens header field {} is not closed on its line, and the lines below \
             were read into it ({after:?} …); expected a closing \" in the header",
            k + 1
        );
    }
    if headers.iter().all(|h| h.trim().is_empty()) {
        anyhow::bail!("{file}:1:1: the file is empty; expected a header row such as {example}");
    }
    let mut mapping = header::map(&format!("{file}:{}:1", rows.header_line()), &headers, fields, maps)?;
    if at.skip > 0 {
        let mut title_rows = std::mem::take(&mut rows.above);
        if at.sep {
            title_rows.remove(0);
        }
        mapping.report.above =
            Some(Above { line: rows.header_line(), sep: at.sep.then_some(char::from(at.delimiter)), rows: title_rows });
    }
    Ok((rows, headers, mapping, at.delimiter))
}

/// The 1-based column of a quote opened on 1-based `line` of `text` and
/// still open at the line's end, or `None`.
fn open_quote_at_line_end(text: &str, line: u64, delimiter: u8) -> Option<u64> {
    let l = text.split('\n').nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let d = char::from(delimiter);
    let (mut open, mut field_start, mut opened_at) = (false, true, 0);
    let mut chars = l.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if open {
            if c == '"' {
                if chars.peek().is_some_and(|(_, n)| *n == '"') {
                    chars.next();
                } else {
                    open = false;
                }
            }
            continue;
        }
        if c == '"' && field_start {
            (open, opened_at) = (true, i as u64 + 1);
        }
        field_start = c == d;
    }
    open.then_some(opened_at)
}

/// Line numbers for a text held whole: the 1-based line of the record the
/// CSV reader says starts at a byte (as [`LineIndex::line_of`]).
pub struct TextLines {
    /// Each break: where its line end starts (the CR of a CRLF) and its LF.
    breaks: Vec<(u64, u64)>,
}

impl TextLines {
    /// Notes the line breaks of `text` (by the physical line rule: CRLF, CR
    /// alone and LF alone each end a line).
    pub fn new(text: &str) -> TextLines {
        let b = text.as_bytes();
        let breaks = b
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                b'\n' => Some((if i > 0 && b[i - 1] == b'\r' { i - 1 } else { i }, i)),
                b'\r' if b.get(i + 1) != Some(&b'\n') => Some((i, i)),
                _ => None,
            })
            .map(|(start, end)| (start as u64, end as u64))
            .collect();
        TextLines { breaks }
    }

    /// The 1-based line of the record starting at byte `at` (blank lines and
    /// a line end the reader puts it on are skipped), whatever the line ends.
    pub fn line_of(&self, at: u64) -> u64 {
        let passed = self.breaks.partition_point(|&(_, lf)| lf < at);
        let (mut line, mut p) = (passed as u64 + 1, at);
        for &(start, lf) in &self.breaks[passed..] {
            if lf == p || start == p {
                line += 1;
                p = lf + 1;
            } else {
                break;
            }
        }
        line
    }
}

/// Whether record `r` has more fields than the header's `width` and every
/// one beyond it is empty (a trailing delimiter): nothing of it is lost by
/// reading the first `width`.
pub fn only_empty_beyond(r: &csv::StringRecord, width: usize) -> bool {
    r.len() > width && r.iter().skip(width).all(|f| f.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Rows {
        Rows::new(b',', Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), text.trim_end().ends_with('"'))
    }

    fn lines(text: &str) -> (Vec<u64>, u64) {
        let mut r = rows(text);
        r.headers().unwrap();
        let mut out = Vec::new();
        while let Some(x) = r.next_record() {
            out.push(x.unwrap());
        }
        (out, r.skipped)
    }

    #[test]
    fn physical_lines_with_any_line_end() {
        let lf = "a,b\n1,2\n\n3,\"x\ny\"\n,\n4,5\n";
        assert_eq!(lines(lf), (vec![2, 4, 7], 2), "a blank line and an empty row skipped");
        assert_eq!(lines(&lf.replace('\n', "\r\n")), (vec![2, 4, 7], 2));
        assert_eq!(lines(&lf.replace('\n', "\r")), (vec![2, 4, 7], 2), "old Mac: a CR ends each line");
        assert_eq!(lines("\n\na,b\n1,2\n"), (vec![4], 0));
        assert_eq!(lines("a,b\n,,,\n,\n  ,  \n1,2\n"), (vec![5], 3));
    }

    #[test]
    fn mixed_line_ends_each_end_a_line() {
        // Old Mac Excel: CR after each row, an Alt-Enter (LF) inside a cell.
        assert_eq!(lines("h1,h2\r1,\"Describe A\nExplain B\"\r2,x\r"), (vec![2, 4], 0));
        // A CRLF file with a lone CR ending a row, and one inside a quoted cell.
        assert_eq!(lines("h1,h2\r\n1,a\r2,b\r\n3,\"c\rd\"\r\n4,e\r\n"), (vec![2, 3, 4, 6], 0));
        // A blank line made of a lone CR between CRLF rows.
        assert_eq!(lines("h1,h2\r\n1,a\r\n\r2,b\r\n"), (vec![2, 4], 1));
        assert_eq!(line_breaks(b"a\r\nb\rc\nd\r"), 4);
    }

    #[test]
    fn a_break_split_between_reads_counts_once() {
        // One byte per read: a CRLF arrives as CR, then LF.
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.1 >= self.0.len() || buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = self.0[self.1];
                self.1 += 1;
                Ok(1)
            }
        }
        let text = b"h1,h2\r\n1,a\r2,\"b\nc\"\r\n3,d\r".to_vec();
        let mut r = Rows::new(b',', Box::new(Trickle(text, 0)), false);
        r.headers().unwrap();
        let mut out = Vec::new();
        while let Some(x) = r.next_record() {
            out.push(x.unwrap());
        }
        assert_eq!(out, vec![2, 3, 5]);
    }

    #[test]
    fn text_lines() {
        let t = TextLines::new("a\nb\r\nc\n\r\nd");
        // The reader may put a record on the line end before it, or on blank lines before it.
        assert_eq!((t.line_of(0), t.line_of(2), t.line_of(4), t.line_of(5)), (1, 2, 3, 3));
        assert_eq!((t.line_of(6), t.line_of(7), t.line_of(9)), (5, 5, 5));
        // A CR alone ends a line too.
        let t = TextLines::new("a\rb\nc\r\nd");
        assert_eq!((t.line_of(0), t.line_of(2), t.line_of(4), t.line_of(7)), (1, 2, 3, 4));
    }
}
