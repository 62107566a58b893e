//! Which reading-list format a file is in, from its extension and its first bytes.

use std::path::Path;

/// One of "csv", "bibtex", "ris", "zotero-csv", "csl-json", "talis-csv".
/// `head` is the start of the decoded text (a few KB is plenty). `None`
/// only for an extension canon reads as something else entirely (none yet):
/// anything unrecognised is tried as the canonical CSV.
pub fn detect(path: &Path, head: &str) -> Option<&'static str> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("bib" | "bibtex" | "biblatex") => return Some("bibtex"),
        Some("ris") => return Some("ris"),
        Some("json" | "csljson") => return Some("csl-json"),
        _ => {}
    }
    let first = head.trim_start();
    if first.starts_with('@') {
        return Some("bibtex");
    }
    if first.starts_with(['[', '{']) {
        return Some("csl-json");
    }
    if head.lines().take(50).any(|l| l.trim_start_matches('\u{feff}').starts_with("TY  -")) {
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
    let header = first.lines().next().unwrap_or("");
    let cells = header_cells(header);
    let has = |name: &str| cells.iter().any(|c| c.eq_ignore_ascii_case(name));
    if has("Key") && has("Item Type") && has("Publication Year") {
        return Some("zotero-csv");
    }
    if has("Item Link") || has("Citation Type") || has("Student Note") || has("Public Note") || has("Note for Students")
    {
        return Some("talis-csv");
    }
    Some("csv")
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
