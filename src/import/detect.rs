//! Which reading-list format a file is in, from its extension and its first bytes.

use std::io::Read;
use std::path::Path;

use super::workbook::Kind;

/// What a file holds at the byte level, before any text is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Container {
    /// Text (CSV, BibTeX, XML…): read through `source::open`.
    Text,
    /// A workbook canon reads with calamine.
    Workbook(Kind),
    /// Something binary canon does not read, described for the message.
    Other(String),
}

/// The most a workbook may unpack to (its zip entries' declared sizes).
pub const WORKBOOK_MAX_UNPACKED: u128 = 1 << 30;

/// Tells a workbook from text by content, not by extension: the OLE
/// compound-file signature (`.xls`), or a zip archive (`PK\x03\x04`) whose
/// entries name an Excel workbook (`xl/workbook.xml`, `xl/workbook.bin`) or
/// an OpenDocument spreadsheet (`mimetype`).
pub fn container(path: &Path) -> std::io::Result<Container> {
    let mut f = std::fs::File::open(path)?;
    let mut magic = [0u8; 8];
    let mut n = 0;
    while n < magic.len() {
        match f.read(&mut magic[n..])? {
            0 => break,
            k => n += k,
        }
    }
    let magic = &magic[..n];
    if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return Ok(Container::Workbook(Kind::Xls));
    }
    if !magic.starts_with(b"PK\x03\x04") {
        // A file named as a workbook that is not one: text (a CSV file
        // saved with the wrong name) is read as text; anything else is not
        // a list canon can read, and is never decoded as text.
        if let Some(ext) = workbook_extension(path)
            && !looks_like_text(path)?
        {
            return Ok(Container::Other(format!(
                "not a workbook, though its name ends in .{ext} (its bytes are neither a zip-based workbook, an \
                 Excel 97-2003 file nor text: is it damaged, or not the file meant?)"
            )));
        }
        return Ok(Container::Text);
    }
    let zip = match zip::ZipArchive::new(std::fs::File::open(path)?) {
        Ok(z) => z,
        Err(e) => return Ok(Container::Other(format!("a damaged zip archive ({e})"))),
    };
    // A small file that unpacks to gigabytes (a "zip bomb") is refused
    // before calamine inflates it into memory.
    if zip.decompressed_size().is_some_and(|n| n > WORKBOOK_MAX_UNPACKED) {
        return Ok(Container::Other(format!(
            "an archive that unpacks to more than {} MiB (refused: a workbook that large is not a module list)",
            WORKBOOK_MAX_UNPACKED >> 20
        )));
    }
    let names: Vec<String> = zip.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        return Ok(Container::Workbook(Kind::Xlsx));
    }
    if has("xl/workbook.bin") {
        return Ok(Container::Workbook(Kind::Xlsb));
    }
    if has("content.xml") && has("mimetype") {
        let mut zip = zip;
        let mut mime = String::new();
        if let Ok(mut m) = zip.by_name("mimetype") {
            let _ = m.by_ref().take(200).read_to_string(&mut mime);
        }
        if mime.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            return Ok(Container::Workbook(Kind::Ods));
        }
        return Ok(Container::Other(format!("an OpenDocument file that is not a spreadsheet ({})", mime.trim())));
    }
    if has("word/document.xml") {
        return Ok(Container::Other("a Word document".into()));
    }
    Ok(Container::Other("a zip archive".into()))
}

/// The extension of a file named as a workbook (`xlsx`, `xlsm`, `xlsb`, `xls`, `ods`), lower case.
pub fn workbook_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods").then_some(ext)
}

/// Whether the start of a file reads as text in some encoding: a UTF-16
/// byte-order mark, or no control bytes other than tab, line feed, form
/// feed, carriage return and escape in its first 8 KiB.
fn looks_like_text(path: &Path) -> std::io::Result<bool> {
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(path)?.take(8192).read_to_end(&mut head)?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Ok(true);
    }
    Ok(!head.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)))
}

/// Whether decoded text is an XML document (after a BOM and white space).
pub fn is_xml(head: &str) -> bool {
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<?xml") || (t.starts_with('<') && t[1..].starts_with(|c: char| c.is_alphabetic() || c == '!'))
}

/// One of "csv", "bibtex", "ris", "zotero-csv", "csl-json", "talis-csv",
/// "scopus-csv", "pubmed-csv", "nbib", "endnote-xml", "wos".
/// `head` is the start of the decoded text (a few KB is plenty). `None`
/// only for an extension canon reads as something else entirely (none yet):
/// anything unrecognised is tried as the canonical CSV.
pub fn detect(path: &Path, head: &str) -> Option<&'static str> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let by_extension = match ext.as_deref() {
        Some("bib" | "bibtex" | "biblatex") => Some("bibtex"),
        Some("ris") => Some("ris"),
        Some("json" | "csljson") => Some("csl-json"),
        Some("nbib" | "medline") => Some("nbib"),
        _ => None,
    };
    // The content, where it says its format plainly, wins over the name: a
    // RIS export renamed `.bib` is RIS (tester r24, F11: "no bibtex records
    // found").
    let by_content = plain_format(head);
    if let Some(e) = by_extension {
        return Some(by_content.unwrap_or(e));
    }
    if let Some(c) = by_content {
        return Some(c);
    }
    let first = head.trim_start();
    // Excel's `sep=X` first line names the delimiter; the header is next.
    let mut lines = first.lines();
    let header = match lines.next() {
        Some(_) if super::source::sep_line(first).is_some() => lines.next().unwrap_or(""),
        l => l.unwrap_or(""),
    };
    Some(export_columns(&header_cells(header)).unwrap_or("csv"))
}

/// The format a file's start says plainly: MEDLINE tags, EndNote XML, a
/// BibTeX entry, a JSON array or object, a RIS `TY` line. `None` for
/// anything else (a table).
fn plain_format(head: &str) -> Option<&'static str> {
    if super::nbib::looks_like(head) {
        return Some("nbib");
    }
    if super::endnote_xml::looks_like(head) {
        return Some("endnote-xml");
    }
    if super::wos::looks_like(head) {
        return Some("wos");
    }
    let first = head.trim_start();
    if first.starts_with('@') {
        return Some("bibtex");
    }
    // A JSON array of items, or one item; "[1] Fanon F. …" is a numbered
    // reference list, not JSON.
    if first.starts_with('{')
        || first.strip_prefix('[').is_some_and(|r| r.trim_start().starts_with(['{', ']']) || r.trim().is_empty())
    {
        return Some("csl-json");
    }
    if head.lines().take(50).any(|l| {
        let l = l.trim_start_matches('\u{feff}');
        l.starts_with("TY  -") || l.starts_with("TY - ") || l == "TY -"
    }) {
        return Some("ris");
    }
    // A BibTeX file may start with comment text before its first entry.
    if head.lines().take(50).any(|l| {
        let l = l.trim_start();
        l.starts_with('@')
            && l[1..].trim_start().starts_with(|c: char| c.is_ascii_alphabetic())
            && l.contains(['{', '('])
    }) && !looks_like_csv_header(first)
    {
        return Some("bibtex");
    }
    None
}

/// The export whose columns a header row holds: "zotero-csv" (Zotero's
/// "Key", "Item Type", "Publication Year"), "scopus-csv"
/// ([`super::scopus_csv::looks_like`]), "pubmed-csv" (PubMed's "PMID",
/// "Citation", "Journal/Book") or "talis-csv" (Talis Aspire's "Item
/// Link", "Citation Type" or student notes); `None` for any other header,
/// which is read as canon's own columns. Shared by CSV text and workbook
/// sheets, so an export saved in Excel is read as the export it is.
pub fn export_columns(cells: &[String]) -> Option<&'static str> {
    let has = |name: &str| cells.iter().any(|c| c.trim().eq_ignore_ascii_case(name));
    if has("Key") && has("Item Type") && has("Publication Year") {
        return Some("zotero-csv");
    }
    if super::pubmed_csv::looks_like(cells) {
        return Some("pubmed-csv");
    }
    if super::scopus_csv::looks_like(cells) {
        return Some("scopus-csv");
    }
    if has("Item Link") || has("Citation Type") || has("Student Note") || has("Public Note") || has("Note for Students")
    {
        return Some("talis-csv");
    }
    None
}

/// Whether the first bytes are ASCII text in UTF-16 without a byte-order
/// mark: a NUL after (little-endian, "le") or before (big-endian, "be")
/// nearly every other character. A binary file has its NULs anywhere.
fn utf16_without_bom(head: &str) -> Option<&'static str> {
    let chars: Vec<char> = head.chars().take(512).collect();
    if chars.len() < 8 {
        return None;
    }
    let share = |odd: bool| {
        let (mut zero, mut zeros, mut text, mut texts) = (0, 0, 0, 0);
        for (i, c) in chars.iter().enumerate() {
            if (i % 2 == 1) == odd {
                zero += 1;
                zeros += usize::from(*c == '\0');
            } else {
                text += 1;
                texts += usize::from(c.is_ascii_graphic() || c.is_ascii_whitespace());
            }
        }
        zeros * 10 >= zero * 9 && texts * 10 >= text * 9
    };
    if share(true) {
        Some("le")
    } else if share(false) {
        Some("be")
    } else {
        None
    }
}

/// A text file that ends in a run of NUL bytes (what an interrupted save or
/// a full disk leaves), with none before it: said, naming the line the
/// run starts on, rather than called a binary file (tester r67 F2).
fn nul_padding(path: &Path, head: &str) -> Option<String> {
    let text = head.trim_end_matches('\0');
    let run = head.len() - text.len();
    if run == 0 || text.contains('\0') || text.trim().is_empty() || !stray_nuls(text) {
        return None;
    }
    let line = super::rows::line_breaks(text.as_bytes()) + 1;
    Some(format!(
        "{}:{line}: the file ends in {run} NUL byte{} after its text (what an interrupted save or a full disk \
         leaves); expected text to its end: remove them (or save the list again) and import it again",
        path.display(),
        if run == 1 { "" } else { "s" }
    ))
}

/// Whether the NULs (and other control characters) of a text are a few
/// strays in text, which the reader refuses at their line and column like
/// any control character, rather than a binary file's: three at most, or
/// under one in a hundred characters, in text that is otherwise printable.
fn stray_nuls(head: &str) -> bool {
    let (mut all, mut control) = (0usize, 0usize);
    for c in head.chars() {
        all += 1;
        control += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    }
    control <= 3 || control * 100 < all
}

/// The name of a format canon does not read as a reading list, when the
/// file is in one (by its first bytes, its extension or its shape), with
/// what to do instead; `None` when it may be one canon reads.
pub fn unsupported(path: &Path, head: &str) -> Option<String> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let first = head.trim_start();
    let lines: Vec<&str> = head.lines().take(60).collect();
    let starts = |p: &str| lines.iter().any(|l| l.starts_with(p));
    let export = "export the list as RIS, BibTeX, CSL-JSON, EndNote XML or CSV instead";
    let found = if head.starts_with("%PDF-") {
        "a PDF document".to_string()
    } else if head.starts_with("PK\u{3}\u{4}") {
        match ext.as_str() {
            "xlsx" | "xlsm" | "ods" => "a spreadsheet workbook (save the sheet as CSV)".to_string(),
            "docx" | "odt" => "a word-processor document".to_string(),
            "epub" => "an e-book".to_string(),
            _ => "a ZIP archive".to_string(),
        }
    } else if head.starts_with("\u{d0}\u{cf}\u{11}\u{e0}") || head.starts_with("ÐÏ\u{11}à") {
        "an old Microsoft Office file (.xls or .doc; save the sheet as CSV)".to_string()
    } else if first.starts_with("{\\rtf") {
        "a Rich Text document".to_string()
    } else if first.get(..15).is_some_and(|h| h.eq_ignore_ascii_case("<!doctype html>")) || first.starts_with("<html") {
        "a web page (HTML)".to_string()
    } else if first.starts_with('<') && !super::endnote_xml::looks_like(head) {
        let root = first
            .split('<')
            .map(str::trim)
            .find(|t| !t.is_empty() && !t.starts_with(['?', '!']))
            .map(|t| t.split(|c: char| c.is_whitespace() || c == '>' || c == '/').next().unwrap_or(""))
            .unwrap_or("");
        match root {
            "rdf:RDF" => "Zotero RDF (XML)".to_string(),
            "modsCollection" | "mods" => "MODS XML".to_string(),
            "collection" | "marc:collection" => "MARC XML".to_string(),
            r => format!("XML with root element <{r}>, which is not an EndNote XML export"),
        }
    } else if (starts("%0 ") || starts("%A ") || ext == "enw") && starts("%T ") {
        // (Refer's tags without EndNote's `%0` type line are the same format:
        // tester r31, D3, a `.enw` of `%A`/`%T`/`%D` lines read as a CSV.)
        "EndNote's tagged format (.enw)".to_string()
    } else if starts("RT ") && starts("T1 ") {
        "RefWorks' tagged format".to_string()
    } else if let Some(order) = utf16_without_bom(head) {
        let endian = if order == "le" { "little-endian" } else { "big-endian" };
        return Some(format!(
            "{} is text in UTF-16 ({endian}) without a byte-order mark, which canon cannot tell from its bytes; \
             give --encoding utf-16{order} to read it",
            path.display()
        ));
    } else if let Some(padded) = nul_padding(path, head) {
        return Some(padded);
    } else if head.contains('\0') && !stray_nuls(head) {
        "a binary file".to_string()
    } else if detect(path, head) == Some("csv") && canon_report_csv(first) {
        return Some(format!(
            "{} is a report written by `canon report` (its columns are section, scope, theme, measure, value…), \
             not a reading list; import the list the report was made from, or the file `canon export reading` \
             writes",
            path.display()
        ));
    } else if detect(path, head) == Some("csv") {
        // Only what would otherwise be read as a CSV: a BibTeX, RIS or
        // MEDLINE file (a rejects file's "# rejected: …" lines first) is not
        // plain text.
        plain_text(first)?
    } else {
        return None;
    };
    Some(format!("{} is {found}, which canon does not read as a reading list; {export}", path.display()))
}

/// What a text whose first line is no header row is, or `None`: a
/// numbered or bulleted reference list ("1. Fanon F. A Dying Colonialism.
/// …", "[1] …", "- …"), or prose (a cell of four or more words ending in a
/// full stop, or of ten or more words). Read as CSV, its first line became
/// a header of sentence fragments and the hint offered to map one as the
/// title (the r14 tester; issue 12: a format canon does not read is named).
fn plain_text(first: &str) -> Option<String> {
    let lines: Vec<&str> = first.lines().map(str::trim).filter(|l| !l.is_empty()).take(10).collect();
    let line = *lines.first()?;
    let numbered = |l: &str| {
        let marker = l.split_whitespace().next().unwrap_or("");
        let inner = |m: &str| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit());
        let listed = marker.strip_suffix(['.', ')']).is_some_and(inner)
            || marker.strip_prefix('[').and_then(|m| m.strip_suffix(']')).is_some_and(inner)
            || matches!(marker, "-" | "*" | "•");
        listed && l.split_whitespace().count() >= 3
    };
    let sentence = |c: &String| {
        let words = c.split_whitespace().count();
        words >= 10 || words >= 4 && c.ends_with('.')
    };
    // A header row somewhere in the first lines (under title rows, which
    // canon skips): three or more short cells.
    let header_like = |l: &str| {
        let cells = header_cells(l);
        cells.len() >= 3 && cells.iter().all(|c| c.split_whitespace().count() <= 4)
    };
    let shown: String = line.chars().take(50).collect();
    let shown = if shown.len() < line.len() { format!("{shown}…") } else { shown };
    if lines.iter().take(5).all(|l| numbered(l)) {
        return Some(format!(
            "a reference list in plain text (its first line, {shown:?}, is a numbered or bulleted entry, not a header row)"
        ));
    }
    if header_cells(line).iter().any(sentence) && !lines.iter().any(|l| header_like(l)) {
        return Some(format!(
            "plain text (its first line, {shown:?}, is a sentence, not a header row of column names)"
        ));
    }
    None
}

/// Whether the first line is the header of a CSV `canon report` writes
/// (the flat report, or a report folder's `summary.csv`).
fn canon_report_csv(first: &str) -> bool {
    let cells = header_cells(first.lines().next().unwrap_or(""));
    let starts = |h: &[&str]| cells.len() >= h.len() && cells.iter().zip(h).all(|(c, h)| c == h);
    starts(&["section", "scope", "theme", "measure", "value"])
        || starts(&["scope", "theme", "measure", "value", "detail"])
}

fn looks_like_csv_header(first: &str) -> bool {
    let header = first.lines().next().unwrap_or("");
    header_cells(header).len() > 2
}

/// The cells of a header line: split on the likeliest delimiter, quotes and spaces trimmed.
fn header_cells(header: &str) -> Vec<String> {
    let delim = [',', ';', '\t', '|'].into_iter().max_by_key(|d| header.matches(*d).count()).unwrap_or(',');
    header.split(delim).map(|c| c.trim().trim_matches('"').trim().to_string()).collect()
}

/// A theme index over a fresh database (the three seeded themes), for tests.
/// Keep the directory alive while the index is used.
#[cfg(test)]
#[allow(dead_code)]
pub(crate) fn themes_for_tests() -> (tempfile::TempDir, crate::store::themes::ThemeIndex) {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::open(&dir.path().join("t.db"), crate::store::Mode::Create).unwrap();
    let themes = crate::store::themes::ThemeIndex::load(&store.conn).unwrap();
    (dir, themes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str, head: &str) -> &'static str {
        detect(Path::new(name), head).unwrap()
    }

    #[test]
    fn by_extension() {
        assert_eq!(d("x.bib", ""), "bibtex");
        assert_eq!(d("x.RIS", ""), "ris");
        assert_eq!(d("x.json", ""), "csl-json");
        assert_eq!(d("x.nbib", ""), "nbib");
    }

    #[test]
    fn pubmed_endnote_and_single_space_ris_by_content() {
        assert_eq!(d("pubmed-export.txt", "PMID- 31234567\nOWN - NLM\nTI  - T\n"), "nbib");
        assert_eq!(d("x.csv", "\nPMID- 31234567\nOWN - NLM\n"), "nbib");
        assert_eq!(d("x.xml", "<?xml version=\"1.0\"?><xml><records><record><titles>"), "endnote-xml");
        assert_eq!(d("x.txt", "TY - JOUR\nTI - T\nER - \n"), "ris");
    }

    #[test]
    fn formats_canon_does_not_read_are_named() {
        let u = |name: &str, head: &str| unsupported(Path::new(name), head);
        assert!(u("x.pdf", "%PDF-1.7\n").unwrap().contains("a PDF document"));
        assert!(u("x.xlsx", "PK\u{3}\u{4}...").unwrap().contains("spreadsheet workbook"));
        assert!(
            u("x.enw", "%0 Journal Article\n%A Mensah, Kofi\n%T Title\n").unwrap().contains("EndNote's tagged format")
                && u("x.txt", "%A Fanon, Frantz\n%T The wretched of the earth\n%D 2004\n")
                    .unwrap()
                    .contains("EndNote's tagged format")
        );
        assert!(u("x.xml", "<?xml version=\"1.0\"?>\n<modsCollection>").unwrap().contains("MODS XML"));
        // Web of Science's plain text is read (tester r42 #8).
        assert!(u("x.txt", "FN Clarivate Analytics Web of Science\nPT J\nAU Mensah, K\nTI T\nER\n").is_none());
        assert_eq!(
            detect(Path::new("x.txt"), "FN Clarivate Analytics Web of Science\nPT J\nAU Mensah, K\nTI T\nER\n"),
            Some("wos")
        );
        assert!(u("x.csv", "title,authors\nA,B\n").is_none());
        assert!(u("x.nbib", "PMID- 1\n").is_none());
        assert!(u("x.xml", "<xml><records><record>").is_none());
    }

    #[test]
    fn by_content() {
        assert_eq!(d("x.txt", "\n  @article{a, title={T}}"), "bibtex");
        assert_eq!(d("x.txt", "Exported from JabRef\n\n@book{a, title={T}}"), "bibtex");
        assert_eq!(d("x.txt", "\r\nTY  - JOUR\r\nTI  - T\r\nER  - \r\n"), "ris");
        assert_eq!(d("x.txt", "\u{feff}[{\"type\": \"book\"}]"), "csl-json");
        assert_eq!(
            d("x.csv", "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\"\n"),
            "zotero-csv"
        );
        assert_eq!(d("x.csv", "Item Link,Title,Authors,Date,Student Note\n"), "talis-csv");
        assert_eq!(d("x.csv", "Title;Author;Publication Date;Citation Type\n"), "talis-csv");
        assert_eq!(
            d("x.csv", "\u{feff}\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"EID\"\n"),
            "scopus-csv"
        );
        assert_eq!(d("x.csv", "Authors,Title,Year,Source title,Document Type\n"), "scopus-csv");
        assert_eq!(d("x.csv", "title,authors,year,type,doi,url,themes,notes\n"), "csv");
        assert_eq!(d("x.csv", "title,authors,notes\n\"x\",\"someone@example.org\",\n"), "csv");
    }

    #[test]
    fn corpus_files_are_detected() {
        let base = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");
        if !Path::new(base).exists() {
            eprintln!("skipping: {base} not found");
            return;
        }
        for (file, want) in [
            ("bib/slr-deepfake-detection_zotero-export_first150.bib", "bibtex"),
            ("ris/slr-deepfake-detection_zotero-export_first150.ris", "ris"),
            ("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv", "zotero-csv"),
            ("zotero-csv/green-criminology-south-america_zotero-export.csv", "zotero-csv"),
            ("reading-list/diversifydigest_2021-08_race-ethnicity-and-health_reading-list.csv", "csv"),
        ] {
            let text = std::fs::read_to_string(format!("{base}{file}")).unwrap();
            let head: String = text.chars().take(4096).collect();
            // Extension and content must agree: check content alone too.
            assert_eq!(d(file, &head), want, "{file}");
            assert_eq!(d("unknown.txt", &head), want, "{file} by content");
        }
    }
}
