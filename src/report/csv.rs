//! CSV output that is safe to open in a spreadsheet.

use std::io::Write;

use anyhow::Result;

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
/// CR first) gets a leading apostrophe, which spreadsheets show as text.
/// A cell that starts with an apostrophe before such a character (a value
/// "'=1+1" of its own) gets one more, so that reading the guard off again
/// (`import::reading_csv::unguard`) gives the value back whole (tester r63
/// F14: the value's own apostrophe was taken for the guard).
pub fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let formula = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    match cell.chars().next() {
        Some(c) if formula(c) => format!("'{cell}").into(),
        Some('\'') if cell[1..].starts_with(formula) => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Writes a header and rows as CSV, every cell made formula-safe.
pub fn write(out: &mut dyn Write, headers: &[String], rows: &[Vec<String>]) -> Result<()> {
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(headers.iter().map(|h| safe(h).into_owned()))?;
    for r in rows {
        w.write_record(r.iter().map(|c| safe(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("+1"), "'+1");
        assert_eq!(safe("-2"), "'-2");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("\tx"), "'\tx");
        assert_eq!(safe("Ngũgĩ"), "Ngũgĩ");
        assert_eq!(safe("'=1+1 literally"), "''=1+1 literally");
        assert_eq!(safe("'tis"), "'tis");
    }
}
