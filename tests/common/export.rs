//! Canon's CSV reading export, and the same file as a person edits it in a
//! spreadsheet before importing it again (tests a_r108, a_r109, c_r111).

use super::Workdir;

/// Canon's CSV reading export of `w`'s database (`canon export reading
/// --format csv`), as its header and rows of cells. Panics, naming the
/// command, when the export fails or is not CSV.
pub fn export_rows(w: &Workdir) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().expect("utf-8 path"), "-q"]);
    let mut rd = csv::Reader::from_path(&out).expect("the export");
    let header = rd.headers().expect("a header").clone();
    let rows = rd.records().map(|r| r.expect("a row")).collect();
    (header, rows)
}

/// Writes `w`'s export to `name` in the work directory with `edits` made
/// to it, as a person in a spreadsheet would: each edit is (title prefix,
/// column, new cell) and changes that column of every row whose title
/// starts with the prefix. Returns the file's path. Panics on a column the
/// export does not have.
pub fn export_edited(w: &Workdir, name: &str, edits: &[(&str, &str, &str)]) -> String {
    let (header, rows) = export_rows(w);
    let col = |c: &str| header.iter().position(|h| h == c).unwrap_or_else(|| panic!("no column {c}"));
    let title = col("title");
    let mut out = csv::Writer::from_path(w.path(name)).expect("a CSV");
    out.write_record(&header).expect("the header");
    for row in rows {
        let mut cells: Vec<String> = row.iter().map(str::to_string).collect();
        for (prefix, c, v) in edits {
            if cells[title].starts_with(prefix) {
                cells[col(c)] = v.to_string();
            }
        }
        out.write_record(&cells).expect("a row");
    }
    out.flush().expect("the CSV written");
    w.path(name).to_str().expect("utf-8 path").to_string()
}
