//! CSV records with one record of lookahead, so a reader knows which record
//! is the last one (where an unclosed quote shows itself); the physical line
//! each record starts on, whatever the line ends; and rows with nothing in
//! them skipped and counted.

use std::collections::VecDeque;
use std::io::Read;

use csv::StringRecord;

use super::RowError;

/// A reader that notes where each line break is, so a byte offset can be
/// turned into the physical line it is on. Only the breaks not yet asked
/// about are kept: memory stays flat however long the file.
pub struct LineIndex<R> {
    inner: R,
    offset: u64,
    /// Each break: where its line end starts (the CR of a CRLF) and its LF.
    breaks: VecDeque<(u64, u64)>,
    /// Line breaks before the first one in `breaks`.
    passed: u64,
    /// Whether the last byte read was a CR.
    cr: bool,
}

impl<R: Read> LineIndex<R> {
    /// Wraps `inner`, counting lines from 1 at its first byte.
    pub fn new(inner: R) -> LineIndex<R> {
        LineIndex { inner, offset: 0, breaks: VecDeque::new(), passed: 0, cr: false }
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
        // Old-Mac files reach here with their CRs made LFs (see `source`), so
        // a line break is an LF in every file: LF, CRLF or CR.
        for (i, &b) in buf[..n].iter().enumerate() {
            let at = self.offset + i as u64;
            if b == b'\n' {
                self.breaks.push_back((if self.cr { at - 1 } else { at }, at));
            }
            self.cr = b == b'\r';
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// The line breaks inside a record's fields (quoted line breaks).
fn breaks_in(r: &StringRecord) -> u64 {
    r.as_slice().bytes().filter(|b| *b == b'\n').count() as u64
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
}

enum Peeked {
    Start,
    Record,
    End,
    Error(csv::Error),
}

impl Rows {
    /// Reads `reader` as CSV with `builder`'s settings.
    pub fn new(builder: &csv::ReaderBuilder, reader: Box<dyn Read + Send>, ends_with_quote: bool) -> Rows {
        Rows {
            reader: builder.from_reader(LineIndex::new(reader)),
            current: StringRecord::new(),
            next: StringRecord::new(),
            peeked: Peeked::Start,
            ends_with_quote,
            line: 0,
            next_line: 0,
            header: None,
            skipped: 0,
        }
    }

    /// The header row's cells, as written.
    pub fn headers(&mut self) -> csv::Result<Vec<String>> {
        let h = self.reader.headers()?.clone();
        let line = match h.position() {
            Some(p) => self.reader.get_mut().line_of(p.byte()),
            None => 1,
        };
        self.header = Some((line, breaks_in(&h)));
        Ok(h.iter().map(String::from).collect())
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

    /// Moves to the next record (in `current`); `Ok(true)` when it is the last.
    pub fn advance(&mut self) -> Option<Result<bool, csv::Error>> {
        if let Peeked::Start = self.peeked {
            self.peek();
            // Blank lines between the header and the first record.
            if let (Some((line, breaks)), Peeked::Record) = (self.header, &self.peeked) {
                self.skipped += self.next_line.saturating_sub(line + breaks + 1);
            }
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
            return Some(r);
        }
    }

    fn next_any(&mut self) -> Option<Result<u64, RowError>> {
        Some(match self.advance()? {
            Ok(last) => {
                let line = self.line;
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

/// Line numbers for a text held whole: the 1-based line of the record the
/// CSV reader says starts at a byte (as [`LineIndex::line_of`]).
pub struct TextLines {
    /// Each break: where its line end starts (the CR of a CRLF) and its LF.
    breaks: Vec<(u64, u64)>,
}

impl TextLines {
    /// Notes the line breaks of `text`.
    pub fn new(text: &str) -> TextLines {
        let b = text.as_bytes();
        let breaks = b
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == b'\n')
            .map(|(i, _)| {
                let start = if i > 0 && b[i - 1] == b'\r' { i - 1 } else { i };
                (start as u64, i as u64)
            })
            .collect();
        TextLines { breaks }
    }

    /// The 1-based line of the record starting at byte `at` (blank lines and
    /// a line end the reader puts it on are skipped). LF, CRLF and CR-only
    /// text all count right when CRs were made LFs first (as `source` does).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Rows {
        let mut b = csv::ReaderBuilder::new();
        b.flexible(true);
        Rows::new(&b, Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), text.trim_end().ends_with('"'))
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
        // CR-only files reach the reader with LFs (source::CrToLf).
        assert_eq!(lines("\n\na,b\n1,2\n"), (vec![4], 0));
        assert_eq!(lines("a,b\n,,,\n,\n  ,  \n1,2\n"), (vec![5], 3));
    }

    #[test]
    fn text_lines() {
        let t = TextLines::new("a\nb\r\nc\n\r\nd");
        // The reader may put a record on the line end before it, or on blank lines before it.
        assert_eq!((t.line_of(0), t.line_of(2), t.line_of(4), t.line_of(5)), (1, 2, 3, 3));
        assert_eq!((t.line_of(6), t.line_of(7), t.line_of(9)), (5, 5, 5));
    }
}
