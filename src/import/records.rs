//! Where the rows of a column-based import come from: a CSV file's records
//! or a workbook sheet's rows. The module and reading-list readers validate
//! whatever yields cells with their positions through this one trait, so a
//! workbook goes down the same path as a CSV file, not a copy of it.

use csv::StringRecord;

use super::RowError;
use super::rows::Rows;

/// A source of records (rows of text cells), each with its position.
pub trait Records: Send {
    /// Moves to the next record and returns the line it starts on (a CSV
    /// file's physical line, a sheet's 1-based row), or the problem that
    /// makes it unreadable. `None` at the end.
    fn next_record(&mut self) -> Option<Result<u64, RowError>>;

    /// The cells of the current record, the header's columns in order.
    fn current(&self) -> &StringRecord;

    /// Blank lines and rows with every cell empty skipped so far (a sheet's
    /// empty rows below its header), for the summary's count.
    fn skipped(&self) -> u64;
}

impl Records for Rows {
    fn next_record(&mut self) -> Option<Result<u64, RowError>> {
        Rows::next_record(self)
    }

    fn current(&self) -> &StringRecord {
        &self.current
    }

    fn skipped(&self) -> u64 {
        self.skipped
    }
}
