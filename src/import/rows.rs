//! CSV records with one record of lookahead, so a reader knows which record
//! is the last one: where an unclosed quote shows itself.

use std::io::Read;

use csv::StringRecord;

use super::RowError;

/// A CSV reader that knows when the record it returns is the file's last.
pub struct Rows {
    reader: csv::Reader<Box<dyn Read + Send>>,
    pub current: StringRecord,
    next: StringRecord,
    peeked: Peeked,
    /// Whether the file's last non-blank character is a `"`.
    ends_with_quote: bool,
}

enum Peeked {
    Start,
    Record,
    End,
    Error(csv::Error),
}

impl Rows {
    pub fn new(reader: csv::Reader<Box<dyn Read + Send>>, ends_with_quote: bool) -> Rows {
        Rows { reader, current: StringRecord::new(), next: StringRecord::new(), peeked: Peeked::Start, ends_with_quote }
    }

    pub fn headers(&mut self) -> csv::Result<StringRecord> {
        self.reader.headers().cloned()
    }

    fn peek(&mut self) {
        self.peeked = match self.reader.read_record(&mut self.next) {
            Ok(true) => Peeked::Record,
            Ok(false) => Peeked::End,
            Err(e) => Peeked::Error(e),
        };
    }

    /// Moves to the next record (in `current`); `Ok(true)` when it is the last.
    pub fn advance(&mut self) -> Option<Result<bool, csv::Error>> {
        if let Peeked::Start = self.peeked {
            self.peek();
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
                self.peek();
                Some(Ok(matches!(self.peeked, Peeked::End)))
            }
        }
    }

    /// Moves to the next record and returns the line it starts on, or the
    /// problem that makes it unreadable (an unclosed quote, bytes that are not text).
    pub fn next_record(&mut self) -> Option<Result<u64, RowError>> {
        Some(match self.advance()? {
            Ok(last) => {
                let line = self.line();
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
                let line = e.position().map_or(0, |p| p.line());
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

    /// The 1-based line the current record starts on.
    pub fn line(&self) -> u64 {
        self.current.position().map_or(0, |p| p.line())
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
