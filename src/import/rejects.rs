//! The records `import reading --skip-invalid` leaves out, written back in
//! the input's own format with their reasons, so a user can fix them and
//! import that file again:
//!
//! - BibTeX: each entry as written, after `% rejected: …` lines (text
//!   outside an entry is a comment in BibTeX), with the file's `@string`
//!   definitions before them and their crossref parents after them, each
//!   after a `% context: …` line.
//! - RIS and MEDLINE: each record as written, after `# rejected: …` lines
//!   (canon and the common readers skip lines that are not tag lines).
//! - CSL-JSON: an array of the items, each with a `canon-rejected` list of
//!   reasons (CSL processors ignore keys they do not know).
//! - EndNote XML: the records inside `<xml><records>`, each after an XML
//!   comment.
//! - CSV (canonical, Zotero, Talis/Leganto): the header and the rejected
//!   rows as read, with one more column, `canon rejected because`.
//! - A workbook (`.xlsx`, `.xls`, `.ods`): an `.xlsx` workbook with one sheet,
//!   named as the sheet read, holding its header row and the rejected rows
//!   as read, with the same last column; every cell is text, never a formula.
//!
//! A problem that belongs to no record (an unreadable line) is written as a
//! comment where the format has comments, else as a row with only a reason.

use anyhow::Result;

use super::{Origin, Reject, RowError};

/// The header of the column that holds the reasons in a CSV rejects file.
pub const REASON_COLUMN: &str = "canon rejected because";

/// How a rejects file labels a problem above its record: "rejected" for
/// what left it out, "also" for a warning the record met, which is not why
/// (tester r66 F5: a warning was written as a reason).
fn label(e: &RowError) -> &'static str {
    if e.is_warning() { "also, not why it was rejected" } else { "rejected" }
}

fn reasons(file: &str, errors: &[RowError]) -> Vec<String> {
    reasons_at(file, &Origin::Text, errors)
}

/// Each problem as `file:position: message`, positions as `origin` writes them.
fn reasons_at(file: &str, origin: &Origin, errors: &[RowError]) -> Vec<String> {
    errors.iter().map(|e| format!("{file}:{}: {}", origin.at(e.line, e.column), e.message)).collect()
}

/// The rejected records of a whole-file format (`text` is the file's decoded
/// text, spans are byte ranges in it).
pub fn render(format: &str, file: &str, text: &str, rejects: &[Reject]) -> Result<Vec<u8>> {
    let slice = |r: &Reject| r.span.clone().and_then(|s| text.get(s)).map(|s| s.trim_end().to_string());
    let mut out = String::new();
    match format {
        "bibtex" | "ris" | "nbib" | "wos" => {
            let mark = if format == "bibtex" { "%" } else { "#" };
            // The file's @string definitions go first: a rejected entry's
            // `journal = lancet` reads back as the journal only with them
            // (tester r17, F11).
            if format == "bibtex" && !rejects.is_empty() {
                for s in bibtex_strings(text) {
                    out.push_str(s);
                    out.push('\n');
                }
            }
            // Web of Science's tab-delimited records read back under their header.
            if format == "wos"
                && !rejects.is_empty()
                && let Some(header) = super::wos::tab_header(text)
            {
                out.push_str(header);
                out.push('\n');
            }
            for r in rejects {
                for (reason, e) in reasons(file, &r.errors).into_iter().zip(&r.errors) {
                    out.push_str(&format!("{mark} {}: {}\n", label(e), one_line(&reason)));
                }
                if let Some(s) = slice(r) {
                    out.push_str(s.trim_start_matches('\u{feff}'));
                    // RIS's end tag is "ER  - ", with its space (the RIS
                    // spec's tag form, "two letters, two spaces, a dash, a
                    // space"), which strict readers such as EndNote expect;
                    // trimming the record took it off.
                    let i = out.rfind('\n').map_or(0, |i| i + 1);
                    if format == "ris" && out[i..].split_whitespace().eq(["ER", "-"]) {
                        out.truncate(i);
                        out.push_str("ER  - ");
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            // A rejected entry's crossref parent (and the parent's own),
            // imported: carried after the entries, where BibTeX wants a
            // parent, so that the fixed file inherits what the entry did;
            // it re-imports as unchanged.
            if format == "bibtex" {
                let spans: Vec<_> = rejects.iter().filter_map(|r| r.span.clone()).collect();
                for parent in super::bibtex::crossref_parents(text, &spans) {
                    if let Some(s) = text.get(parent) {
                        out.push_str(
                            "% context: a crossref parent (or a parent's parent) of a rejected entry above, imported already; \
                             kept so that the entry inherits its fields\n",
                        );
                        out.push_str(s.trim_start_matches('\u{feff}').trim_end());
                        out.push_str("\n\n");
                    }
                }
            }
        }
        "csl-json" => {
            let mut items = Vec::new();
            for r in rejects {
                let mut v = slice(r)
                    .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
                    .filter(serde_json::Value::is_object)
                    .unwrap_or_else(|| serde_json::json!({}));
                let (errors, warnings): (Vec<RowError>, Vec<RowError>) =
                    r.errors.iter().cloned().partition(|e| !e.is_warning());
                v["canon-rejected"] = serde_json::json!(reasons(file, &errors));
                if !warnings.is_empty() {
                    v["canon-warnings"] = serde_json::json!(reasons(file, &warnings));
                }
                items.push(v);
            }
            out = serde_json::to_string_pretty(&items)?;
            out.push('\n');
        }
        "endnote-xml" => {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records>\n");
            for r in rejects {
                for (reason, e) in reasons(file, &r.errors).into_iter().zip(&r.errors) {
                    out.push_str(&format!("<!-- {}: {} -->\n", label(e), one_line(&reason).replace("--", "- -")));
                }
                if let Some(s) = slice(r) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
            out.push_str("</records></xml>\n");
        }
        _ => return csv_from_text(file, text, rejects),
    }
    Ok(with_line_ends_of(text, out).into_bytes())
}

/// `out` with the line ends of the input `text`: CRLF throughout when the
/// input has them (a Windows export), so that the records copied as written
/// and the lines canon adds do not mix two kinds (tester r16, T8).
fn with_line_ends_of(text: &str, out: String) -> String {
    if text.contains("\r\n") { out.replace("\r\n", "\n").replace('\n', "\r\n") } else { out }
}

/// The `@string{…}` definitions of a BibTeX text, as written.
fn bibtex_strings(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('@').map(|i| from + i) {
        from = i + 1;
        let rest = text[i + 1..].trim_start();
        let is_string = rest.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("string"))
            && rest[6..].trim_start().starts_with(['{', '(']);
        if !is_string {
            continue;
        }
        let open = i + 1 + (text[i + 1..].len() - rest.len()) + 6 + (rest[6..].len() - rest[6..].trim_start().len());
        let (o, c) = if text.as_bytes()[open] == b'{' { (b'{', b'}') } else { (b'(', b')') };
        let mut depth = 0usize;
        for (j, b) in text.as_bytes()[open..].iter().enumerate() {
            if *b == o {
                depth += 1;
            } else if *b == c {
                depth -= 1;
                if depth == 0 {
                    out.push(&text[i..open + j + 1]);
                    from = open + j + 1;
                    break;
                }
            }
        }
    }
    out
}

/// A reason on one line (comments in these formats end at the line end).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rejected rows of a CSV export read whole (Zotero, Talis/Leganto).
fn csv_from_text(file: &str, text: &str, rejects: &[Reject]) -> Result<Vec<u8>> {
    let (header, rows) = csv_rows(text, rejects)?;
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = super::source::sniff_delimiter(bare);
    let crlf = text.contains("\r\n");
    render_csv_with(
        file,
        &header,
        &rows,
        delimiter,
        if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') },
    )
}

/// A rejected row as read, with its reasons.
pub type RejectedRow = (csv::StringRecord, Vec<RowError>);

/// The header and the rejected rows (as read, with their reasons) of a CSV
/// export read whole, for a rejects file in its format or as a workbook.
pub fn csv_rows(text: &str, rejects: &[Reject]) -> Result<(csv::StringRecord, Vec<RejectedRow>)> {
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The delimiter the export was read with (a `;` file's rejects are `;`).
    let delimiter = super::source::sniff_delimiter(bare);
    let reader = |s: &str| {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(std::io::Cursor::new(s.as_bytes().to_vec()))
    };
    let mut records = reader(bare).into_records();
    if super::source::sep_line(bare).is_some() {
        records.next();
    }
    let header = records.next().transpose()?.unwrap_or_default();
    let rows: Vec<(csv::StringRecord, Vec<RowError>)> = rejects
        .iter()
        .map(|r| {
            let row = r
                .span
                .clone()
                .and_then(|s| text.get(s))
                .and_then(|s| reader(s).into_records().next())
                .and_then(|r| r.ok())
                .unwrap_or_default();
            (row, r.errors.clone())
        })
        .collect();
    Ok((header, rows))
}

/// A CSV rejects file: the header, then each rejected row as read with its
/// reasons in a last column.
pub fn render_csv(
    file: &str,
    header: &csv::StringRecord,
    rows: &[(csv::StringRecord, Vec<RowError>)],
    delimiter: u8,
) -> Result<Vec<u8>> {
    render_csv_with(file, header, rows, delimiter, csv::Terminator::Any(b'\n'))
}

/// [`render_csv`] with the rows ended by `terminator`.
fn render_csv_with(
    file: &str,
    header: &csv::StringRecord,
    rows: &[(csv::StringRecord, Vec<RowError>)],
    delimiter: u8,
    terminator: csv::Terminator,
) -> Result<Vec<u8>> {
    let mut w =
        csv::WriterBuilder::new().delimiter(delimiter).terminator(terminator).flexible(true).from_writer(Vec::new());
    let mut h: Vec<&str> = header.iter().collect();
    h.push(REASON_COLUMN);
    w.write_record(&h)?;
    // Each cell formula-safe, as every CSV canon writes (tester r63 F13:
    // the rejects file, which the user opens in a spreadsheet to fix, was
    // not); the guard comes off again when the file is imported (a file
    // with the reasons column, see `rows::Rows`).
    for (row, errors) in rows {
        let mut cells: Vec<String> = row.iter().map(|c| crate::report::csv::safe(c).into_owned()).collect();
        cells.resize(header.len().max(cells.len()), String::new());
        cells.push(crate::report::csv::safe(&reasons(file, errors).join("; ")).into_owned());
        w.write_record(&cells)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("writing the rejects: {e}"))
}

/// The longest text a spreadsheet cell holds (Excel's limit, in characters).
const CELL_MAX: usize = 32_767;

/// A workbook rejects file (`.xlsx` bytes) for rows read from a workbook
/// sheet: one sheet named as the sheet read (or "Rejected" when that name
/// cannot name a sheet), the header row, then each rejected row as read with
/// its reasons (positions as `Sheet!C7`) in a last column. Every cell is
/// written as text, so nothing in it runs as a formula, and it reads back as
/// the same text.
pub fn render_workbook(
    file: &str,
    origin: &Origin,
    header: &csv::StringRecord,
    rows: &[(csv::StringRecord, Vec<RowError>)],
) -> Result<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let name = match origin {
        Origin::Sheet { name, .. } => name.as_str(),
        Origin::Text => "Rejected",
    };
    if ws.set_name(name).is_err() {
        ws.set_name("Rejected")?;
    }
    let cell = |v: &str| -> String {
        if v.chars().count() <= CELL_MAX { v.to_string() } else { v.chars().take(CELL_MAX).collect() }
    };
    let mut h: Vec<&str> = header.iter().collect();
    h.push(REASON_COLUMN);
    for (c, v) in h.iter().enumerate() {
        ws.write_string(0, c as u16, cell(v))?;
    }
    for (r, (row, errors)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r, c as u16, cell(v))?;
        }
        let at = header.len().max(row.len()) as u16;
        ws.write_string(r, at, cell(&reasons_at(file, origin, errors).join("; ")))?;
    }
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ris_records_go_back_as_ris_with_their_reasons() {
        let text = "TY  - JOUR\nTI  - Good\nER  - \nTY  - JOUR\nPY  - 0000\nER  - \n";
        let r = Reject {
            span: Some(text.find("TY  - JOUR\nPY").unwrap()..text.len()),
            errors: vec![RowError::new(4, 1, "record has no title; expected the reading's title")],
        };
        let out = String::from_utf8(render("ris", "s.ris", text, &[r]).unwrap()).unwrap();
        assert_eq!(
            out,
            "# rejected: s.ris:4:1: record has no title; expected the reading's title\nTY  - JOUR\nPY  - 0000\nER  - \n\n"
        );
    }

    #[test]
    fn csv_rows_keep_their_cells_and_gain_a_reason() {
        let text = "\u{feff}Title,Year\nA,2019\n\"B, b\",soon\n";
        let start = text.find("\"B").unwrap();
        let r =
            Reject { span: Some(start..text.len()), errors: vec![RowError::new(3, 2, "year \"soon\" is not a year")] };
        let out = String::from_utf8(render("talis-csv", "t.csv", text, &[r]).unwrap()).unwrap();
        assert_eq!(
            out,
            "Title,Year,canon rejected because\n\"B, b\",soon,\"t.csv:3:2: year \"\"soon\"\" is not a year\"\n"
        );
    }

    /// A Windows file's rejects have its line ends throughout: the lines
    /// canon adds too, in every format read whole.
    #[test]
    fn a_crlf_input_gives_crlf_rejects() {
        let bare = |out: &[u8]| {
            let s = String::from_utf8(out.to_vec()).unwrap();
            assert!(s.contains("\r\n"), "{s:?}");
            assert!(!s.replace("\r\n", "").contains('\n'), "a lone LF: {s:?}");
        };
        let ris = "TY  - JOUR\r\nPY  - 0000\r\nER  - \r\n";
        let r = Reject { span: Some(0..ris.len()), errors: vec![RowError::new(1, 1, "no title")] };
        bare(&render("ris", "s.ris", ris, std::slice::from_ref(&r)).unwrap());
        let bib = "@article{k,\r\n title = {},\r\n}\r\n";
        bare(&render("bibtex", "s.bib", bib, &[Reject { span: Some(0..bib.len()), ..r.clone() }]).unwrap());
        let csv = "Title,Year\r\nB,soon\r\n";
        bare(&render("talis-csv", "t.csv", csv, &[Reject { span: Some(12..csv.len()), ..r.clone() }]).unwrap());
    }
}
