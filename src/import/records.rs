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

    /// The problems found in the current record's cells themselves (a
    /// workbook's error cells, formulas without a saved result, values in
    /// columns with no header), taken once: the reader reports them with the
    /// row's own problems (see [`with_cell_problems`]). Their cells read as empty.
    fn cell_problems(&mut self) -> Vec<RowError> {
        Vec::new()
    }

    /// Warnings on the current record's cells themselves (a workbook's
    /// year typed into a date cell), taken once: the reader adds them to
    /// the record's own.
    fn cell_warnings(&mut self) -> Vec<RowError> {
        Vec::new()
    }

    /// The line the current record's cell in 1-based `column` starts on,
    /// the record starting on `line` (a sheet's cells are all on its row).
    fn cell_line(&self, line: u64, _column: u64) -> u64 {
        line
    }
}

/// A record's validation joined with its cell problems: every problem of the
/// row is reported, except that a field found empty is not reported again
/// at a cell whose own problem (an error cell, say) is already named.
pub fn with_cell_problems<T>(cells: Vec<RowError>, validated: Result<T, Vec<RowError>>) -> Result<T, Vec<RowError>> {
    if cells.is_empty() {
        return validated;
    }
    let mut all = cells;
    if let Err(errs) = validated {
        for e in errs {
            if !all.iter().any(|c| c.sheet_column.is_none() && c.line == e.line && c.column == e.column) {
                all.push(e);
            }
        }
    }
    all.sort_by_key(|e| (e.line, e.sheet_column.map_or(e.column, |c| u64::from(c) + 1)));
    Err(all)
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

    fn cell_line(&self, line: u64, column: u64) -> u64 {
        super::rows::cell_line(&self.current, line, column)
    }
}
