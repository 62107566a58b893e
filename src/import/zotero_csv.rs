//! Zotero's "Export Collection… → CSV": a fixed header ("Key", "Item Type",
//! "Publication Year", "Author", "Title", "Publication Title", "ISBN",
//! "DOI", "Url", "Manual Tags", …), UTF-8 with a BOM, authors as
//! "Family, Given; Family, Given", tags separated by "; ".

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::names;
use super::{Parsed, RowError, cell, normalise_doi, reading_type};

/// The CSV rows of `text` (already decoded; a BOM is dropped), with the
/// header's cells. Ragged rows and unreadable input become errors.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(u64, csv::StringRecord)>,
}

pub(crate) fn read_table(text: &str, errors: &mut Vec<RowError>) -> Option<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        None => {
            errors.push(RowError::new(1, 1, "the file is empty; expected a header row"));
            return None;
        }
        Some(Err(e)) => {
            let line = e.position().map_or(1, |p| p.line());
            errors.push(RowError::new(line, 1, format!("cannot read the header row: {e}")));
            return None;
        }
        Some(Ok(h)) => h.iter().map(|c| c.trim().to_string()).collect(),
    };
    let width = header.len();
    let mut rows = Vec::new();
    for r in records {
        match r {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                if r.len() == 1 && r[0].trim().is_empty() {
                    continue; // a blank line
                }
                if r.len() != width {
                    errors.push(RowError::new(
                        line,
                        r.len().min(width) as u64 + 1,
                        format!("row has {} fields; expected {width} like the header", r.len()),
                    ));
                    continue;
                }
                rows.push((line, r));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(RowError::new(line, 1, format!("cannot read this row: {e}")));
                break;
            }
        }
    }
    Some(Table { header, rows })
}

impl Table {
    /// The 0-based column whose header is one of `names` (case and spaces ignored),
    /// trying the names in order.
    pub(crate) fn column(&self, names: &[&str]) -> Option<usize> {
        let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        names.iter().find_map(|n| {
            let n = norm(n);
            self.header.iter().position(|h| norm(h) == n)
        })
    }
}

/// A cell by optional column, trimmed, `None` when empty or absent.
pub(crate) fn get(r: &csv::StringRecord, c: Option<usize>) -> Option<&str> {
    c.and_then(|c| r.get(c)).and_then(cell)
}

/// The canonical reading type for a Zotero item type.
fn zotero_kind(t: &str) -> &'static str {
    match t {
        "journalArticle" | "magazineArticle" | "newspaperArticle" | "preprint" => "article",
        "book" => "book",
        "bookSection" | "encyclopediaArticle" | "dictionaryEntry" => "chapter",
        "report" | "statute" | "bill" | "case" | "hearing" | "standard" => "report",
        "webpage" | "blogPost" => "web",
        "forumPost" => "thread",
        "conferencePaper" | "presentation" => "conference-paper",
        "thesis" => "thesis",
        "videoRecording" | "film" | "tvBroadcast" => "video",
        "podcast" | "audioRecording" | "radioBroadcast" | "interview" => "podcast",
        "document" | "manuscript" | "note" | "attachment" => "other",
        other => reading_type(other).unwrap_or("other"),
    }
}

/// Reads and validates a Zotero CSV export (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    let _ = path_display;
    builder::build_all(read(text), themes)
}

/// The byte range of each row of a table read from `text`: from its start
/// to the start of the next row (or the end of the text).
pub(crate) fn row_spans(text: &str, t: &Table) -> Vec<std::ops::Range<usize>> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let starts: Vec<usize> = t.rows.iter().map(|(_, r)| r.position().map_or(0, |p| p.byte() as usize) + bom).collect();
    starts.iter().enumerate().map(|(i, s)| *s..starts.get(i + 1).copied().unwrap_or(text.len()).max(*s)).collect()
}

/// Reads a Zotero CSV export into drafts, pure.
pub fn read(text: &str) -> Read {
    let mut out = Read::default();
    let Some(t) = read_table(text, &mut out.errors) else { return out };
    let col = |names: &[&str]| t.column(names);
    let title_c = col(&["Title"]);
    if title_c.is_none() {
        out.errors.push(RowError::new(
            1,
            1,
            format!(
                "no \"Title\" column; expected a Zotero CSV export header (\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",…), found {}",
                t.header.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(",")
            ),
        ));
        return out;
    }
    let c = Columns {
        kind: col(&["Item Type"]),
        year: col(&["Publication Year"]),
        date: col(&["Date"]),
        author: col(&["Author"]),
        editor: col(&["Editor"]),
        container: col(&["Publication Title"]),
        series: col(&["Series"]),
        volume: col(&["Volume"]),
        issue: col(&["Issue"]),
        pages: col(&["Pages"]),
        publisher: col(&["Publisher"]),
        place: col(&["Place"]),
        edition: col(&["Edition"]),
        isbn: col(&["ISBN"]),
        doi: col(&["DOI"]),
        url: col(&["Url"]),
        extra: col(&["Extra"]),
        tags: col(&["Manual Tags"]),
        lang: col(&["Language"]),
    };
    let spans = row_spans(text, &t);
    for ((line, r), span) in t.rows.iter().zip(spans) {
        out.push(row(*line, r, title_c, &c), span);
    }
    out
}

/// The columns of a Zotero export that canon reads.
struct Columns {
    kind: Option<usize>,
    year: Option<usize>,
    date: Option<usize>,
    author: Option<usize>,
    editor: Option<usize>,
    container: Option<usize>,
    series: Option<usize>,
    volume: Option<usize>,
    issue: Option<usize>,
    pages: Option<usize>,
    publisher: Option<usize>,
    place: Option<usize>,
    edition: Option<usize>,
    isbn: Option<usize>,
    doi: Option<usize>,
    url: Option<usize>,
    extra: Option<usize>,
    tags: Option<usize>,
    lang: Option<usize>,
}

fn row(line: u64, r: &csv::StringRecord, title_c: Option<usize>, c: &Columns) -> Draft {
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    let at = |c: Option<usize>| Pos::new(line, n(c));
    let text = |c: Option<usize>| get(r, c).map(str::to_string);
    let mut d = Draft::new(Pos::new(line, n(title_c)), None);
    d.title = Some(Val::new(get(r, title_c).unwrap_or(""), at(title_c)));
    d.date = match get(r, c.year) {
        Some(y) => Some(Val::new(y, at(c.year))),
        None => get(r, c.date).map(|y| Val::new(y, at(c.date))),
    };
    d.doi = match get(r, c.doi) {
        Some(v) => Some(Val::new(v, at(c.doi))),
        // Zotero keeps a DOI in Extra ("DOI: 10.…") for item types without a DOI field.
        None => get(r, c.extra).and_then(|x| {
            x.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                (k.trim().eq_ignore_ascii_case("doi") && normalise_doi(v).is_some())
                    .then(|| Val::new(v.trim(), at(c.extra)))
            })
        }),
    };
    d.isbn = get(r, c.isbn).map(|v| Val::new(v, at(c.isbn)));
    d.isbn_rule = IsbnRule::FirstValid;
    let mut authors = cell_names(r, c.author, line, n(c.author), &mut d.warnings);
    if authors.is_empty() {
        authors = cell_names(r, c.editor, line, n(c.editor), &mut d.warnings);
    }
    d.authors = authors;
    for tag in get(r, c.tags).unwrap_or("").split(';').map(str::trim).filter(|t| !t.is_empty()) {
        d.keywords.push(Val::new(tag, at(c.tags)));
    }
    d.kind = KindSrc::Mapped(get(r, c.kind).map_or("other", zotero_kind));
    d.container = text(c.container).or_else(|| text(c.series));
    d.volume = text(c.volume);
    d.issue = text(c.issue);
    d.pages = text(c.pages);
    d.publisher = text(c.publisher);
    d.place = text(c.place);
    d.edition = text(c.edition);
    d.url = text(c.url);
    d.language = text(c.lang);
    d
}

/// The names in an author cell; a cell that splits only by guessing is a warning naming it.
pub(crate) fn cell_names(
    r: &csv::StringRecord,
    c: Option<usize>,
    line: u64,
    column: u64,
    warnings: &mut Vec<RowError>,
) -> Vec<names::Name> {
    let split = names::split_cell(get(r, c).unwrap_or(""));
    if let Some(doubt) = split.doubt {
        warnings.push(RowError::new(line, column, format!("author cell {doubt}")));
    }
    split.names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ReadingRecord;
    use crate::import::builder::tests::TestThemes;

    const HEADER: &str = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"ISBN\",\"ISSN\",\"DOI\",\"Url\",\"Date\",\"Publisher\",\"Language\",\"Extra\",\"Notes\",\"Manual Tags\",\"Automatic Tags\"\n";

    fn parse_str(s: &str) -> Parsed {
        parse("t.csv", s, &TestThemes)
    }

    #[test]
    fn rows_tags_and_types() {
        let text = format!(
            "{HEADER}\"K1\",\"journalArticle\",\"2019\",\"Williams, David R.; Lawrence, Jourdyn A.\",\"Racism and health:\n evidence\",\"Annual Review\",\"\",\"0163-7525\",\"10.1146/ABC\",\"https://x.org\",\"2019-04\",\"\",\"en\",\"\",\"<p>note</p>\",\"Epistemic bias; racism; historical-awareness\",\"Intersectional health\"\n\
             \"K2\",\"book\",\"\",\"Fanon, Frantz\",\"Black Skin, White Masks\",\"\",\"ISSN 978-0-8223-9420-4 978-0-385-50993-0\",\"\",\"\",\"\",\"1952\",\"Pluto\",\"\",\"DOI: 10.2307/J.CTV\",\"\",\"\",\"\"\n\
             \"K3\",\"podcast\",\"\",\"\",\"Episode\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        );
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 3);
        let a = &p.records[0];
        assert_eq!(a.line, 2);
        assert_eq!(a.title, "Racism and health: evidence");
        assert_eq!(
            a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(),
            ["Williams, David R.", "Lawrence, Jourdyn A."]
        );
        assert_eq!((a.year, a.kind.as_str()), (Some(2019), "article"));
        assert_eq!(a.doi.as_deref(), Some("10.1146/abc"));
        assert_eq!(a.themes.len(), 2, "manual tags that name themes, not automatic ones");
        assert_eq!(a.annotation, None);
        let b = &p.records[1];
        assert_eq!(b.line, 4);
        assert_eq!((b.year, b.kind.as_str()), (Some(1952), "book"));
        assert_eq!(b.isbn.as_deref(), Some("9780822394204"), "the first of several");
        assert_eq!((b.container.as_deref(), b.publisher.as_deref()), (None, Some("Pluto")));
        assert_eq!(b.doi.as_deref(), Some("10.2307/j.ctv"));
        assert_eq!(p.records[2].kind, "podcast");
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = format!(
            "{HEADER}\"K1\",\"journalArticle\",\"twenty\",\"\",\"T\",\"\",\"\",\"\",\"doi?\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\"K2\",\"book\"\n\"K3\",\"book\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        );
        let p = parse_str(&text);
        assert!(p.records.is_empty());
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(2, 3), (2, 9), (3, 3), (4, 5)], "{:?}", p.errors);
        assert!(p.errors[0].message.contains("\"twenty\""));
    }

    #[test]
    fn a_csv_without_title_is_refused() {
        let p = parse_str("a,b\n1,2\n");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 1);
    }

    fn corpus(name: &str) -> Option<String> {
        let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let t = std::fs::read_to_string(&path).ok();
        if t.is_none() {
            eprintln!("skipping: {path} not found");
        }
        t
    }

    #[test]
    fn real_zotero_csv_exports() {
        let Some(text) = corpus("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv") else { return };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 150);
        assert_eq!(p.records[0].authors.len(), 10);
        assert_eq!(p.records[0].container.as_deref(), Some("Plasmonics"));
        let Some(text) = corpus("zotero-csv/green-criminology-south-america_zotero-export.csv") else { return };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 98);
        let book = p.records.iter().find(|r| r.kind == "book").unwrap();
        assert_eq!(book.isbn.as_deref(), Some("9780822394204"));
        assert_eq!(book.doi.as_deref(), Some("10.2307/j.ctv11g98cb"));
    }

    /// The same 150 records exported from one Zotero library as BibTeX, RIS
    /// and CSV agree on title, year and DOI.
    #[test]
    fn bibtex_ris_and_zotero_csv_agree() {
        let (Some(bib), Some(ris), Some(csv)) = (
            corpus("bib/slr-deepfake-detection_zotero-export_first150.bib"),
            corpus("ris/slr-deepfake-detection_zotero-export_first150.ris"),
            corpus("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv"),
        ) else {
            return;
        };
        let themes = TestThemes;
        let b = super::super::bibtex::parse("b", &bib, &themes).records;
        let r = super::super::ris::parse("r", &ris, &themes).records;
        let c = parse("c", &csv, &themes).records;
        assert_eq!((b.len(), r.len(), c.len()), (150, 150, 150));
        let key = |x: &ReadingRecord| (x.title.clone(), x.year, x.doi.clone());
        for i in 0..10 {
            assert_eq!(key(&b[i]), key(&c[i]), "record {i}: BibTeX vs Zotero CSV");
            assert_eq!(key(&r[i]), key(&c[i]), "record {i}: RIS vs Zotero CSV");
        }
        // All 150 agree too, up to case (BibTeX and Zotero keep the same capitals).
        let keyed = |v: &[ReadingRecord]| {
            v.iter().map(|x| (super::super::title_key(&x.title), x.year, x.doi.clone())).collect::<Vec<_>>()
        };
        assert_eq!(keyed(&b), keyed(&c));
        assert_eq!(keyed(&r), keyed(&c));
        // Containers may differ: Zotero's BibTeX export writes the journal's
        // abbreviation ("Signal Image Video Process.") where it has one.
        for (x, y) in b.iter().zip(&c) {
            assert_eq!((&x.authors, &x.kind), (&y.authors, &y.kind), "{}", x.title);
        }
        for (x, y) in r.iter().zip(&c) {
            assert_eq!((&x.authors, &x.kind, &x.container), (&y.authors, &y.kind, &y.container), "{}", x.title);
        }
    }
}
