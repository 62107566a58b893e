//! Reading-list exports from library systems: Talis Aspire ("Item Link",
//! "Title", "Authors", "Date", "Resource Type", "Journal Title", "ISBN13",
//! "Online Resource Web Address", "Importance", "Student Note", "Section")
//! and Ex Libris Leganto ("Title", "Author", "Publication Date", "Citation
//! Type", "ISBN", "ISSN", "DOI", "Source", "Section Name", "Public Note").
//! Column names vary between versions and institutions, so each field
//! accepts several names (case, spaces and punctuation ignored).

use super::bibtex::first_isbn;
use super::header::Field;
use super::reading_csv::{clean_title, parse_year, split_authors};
use super::zotero_csv::{get, read_table};
use super::{Parsed, ReadingRecord, RowError, normalise_doi, normalise_isbn, reading_type};
use crate::store::themes::{ThemeIndex, split_cell};

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const CONTAINER: usize = 4;
const DOI: usize = 5;
const ISBN: usize = 6;
const URL: usize = 7;
const NOTE: usize = 8;
const TAGS: usize = 9;
const LANGUAGE: usize = 10;

const PUBLISHER: &[&str] = &["Publisher", "Publisher Name"];
const ISBNS: &[&str] = &["ISBN13", "ISBN 13", "ISBN10", "ISBN 10", "ISBN", "ISBNs", "eISBN", "Print ISBN"];
const URLS: &[&str] =
    &["Online Resource Web Address", "Web Address", "URL", "Link", "Online Resource", "Source", "Web Link"];

/// The columns canon reads from Talis Aspire and Leganto exports, by canon's
/// field names; each takes the first of its names the file has. Talis's
/// own "Item Link" (its page for the item, not the resource) is not read.
pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["Title", "Item Title", "Resource Title", "Citation Title"], required: false },
    Field {
        name: "authors",
        aliases: &["Authors", "Author", "Author(s)", "Creator", "Creators", "Primary Author"],
        required: false,
    },
    Field {
        name: "year",
        aliases: &["Date", "Year", "Publication Date", "Date of Publication", "Published", "Publication Year"],
        required: false,
    },
    Field {
        name: "type",
        aliases: &["Resource Type", "Type", "Citation Type", "Item Type", "Format"],
        required: false,
    },
    Field {
        name: "container",
        aliases: &[
            "Journal Title",
            "Journal",
            "Part Of",
            "Container Title",
            "Publication Title",
            "Source Title",
            "Book Title",
        ],
        required: false,
    },
    Field { name: "doi", aliases: &["DOI"], required: false },
    Field { name: "isbn", aliases: ISBNS, required: false },
    Field { name: "url", aliases: URLS, required: false },
    Field {
        name: "notes",
        aliases: &["Student Note", "Note for Students", "Public Note", "Notes for Students", "Note", "Notes"],
        required: false,
    },
    Field { name: "themes", aliases: &["Tags", "Themes", "Theme", "Keywords"], required: false },
    Field { name: "language", aliases: &["Language"], required: false },
];

/// The canonical reading type for a Talis or Leganto resource type.
fn talis_kind(t: &str) -> &'static str {
    if let Some(k) = reading_type(t) {
        return k;
    }
    let k = t.to_lowercase();
    let has = |w: &str| k.contains(w);
    if has("chapter") || has("extract") || has("section") {
        "chapter"
    } else if has("article") || has("journal") || has("newspaper") || has("magazine") {
        "article"
    } else if has("book") {
        "book"
    } else if has("web") || has("online resource") || has("blog") {
        "web"
    } else if has("video") || has("film") || has("audio-visual") || has("audiovisual") || has("dvd") || has("broadcast")
    {
        "video"
    } else if has("audio") || has("podcast") || has("sound") {
        "podcast"
    } else if has("report") || has("government") || has("legal") {
        "report"
    } else if has("thesis") || has("dissertation") {
        "thesis"
    } else if has("conference") || has("proceedings") {
        "conference-paper"
    } else {
        "other"
    }
}

/// A year from the date shapes these exports hold: `2019`, `c2019`, `©2019`,
/// `[2019]`, `2019-05-01`, `01/05/2019`, `May 2019`.
fn talis_year(s: &str) -> Option<i64> {
    let t = s.trim().trim_start_matches(['[', '©', 'c', 'p']).trim_end_matches([']', '.']).trim();
    if let Some(y) = parse_year(t) {
        return Some(y);
    }
    // A date with the year last: 01/05/2019, 1.5.2019, 5 May 2019, May 2019.
    let last = t.rsplit(['/', '.', ' ', '-']).next()?;
    if last.len() == 4 && t.len() > 4 { parse_year(last) } else { None }
}

pub fn parse(path_display: &str, text: &str, themes: &ThemeIndex) -> Parsed {
    parse_with(path_display, text, themes, &[])
}

/// [`parse`] with `--map 'Their Header=field'` options.
pub fn parse_with(path_display: &str, text: &str, themes: &ThemeIndex, maps: &[String]) -> Parsed {
    let _ = path_display;
    let mut out = Parsed::default();
    let Some(t) = read_table(text, &mut out.errors) else { return out };
    out.skipped = t.skipped;
    let Some(mut m) = t.map(FIELDS, maps, &mut out.errors) else { return out };
    if !m.has(TITLE) {
        out.errors.push(RowError::new(
            1,
            1,
            format!(
                "no \"Title\" column; expected a Talis Aspire or Leganto reading-list export, found {}",
                t.quoted()
            ),
        ));
        return out;
    }
    let title_c = m.columns[TITLE];
    let authors_c = m.columns[AUTHORS];
    let year_c = m.columns[YEAR];
    let type_c = m.columns[TYPE];
    let container_c = m.columns[CONTAINER];
    let publisher_c = m.fallbacks(CONTAINER, PUBLISHER).first().copied();
    let doi_c = m.columns[DOI];
    let isbn_cs: Vec<usize> = m.columns[ISBN].into_iter().chain(m.fallbacks(ISBN, ISBNS)).collect();
    let url_cs: Vec<usize> = m.columns[URL].into_iter().chain(m.fallbacks(URL, URLS)).collect();
    let note_c = m.columns[NOTE];
    let tags_c = m.columns[TAGS];
    let lang_c = m.columns[LANGUAGE];
    out.filled = t.filled();
    out.header = Some(m.report);
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    for (line, r) in &t.rows {
        let line = *line;
        let mut errs = Vec::new();
        let title = get(r, title_c);
        if title.is_none() {
            errs.push(RowError::new(line, n(title_c), "Title is empty; expected the item's title"));
        }
        let year = get(r, year_c).and_then(|y| {
            let p = talis_year(y);
            if p.is_none() {
                errs.push(RowError::new(
                    line,
                    n(year_c),
                    format!("date {y:?} is not a year; expected a four-digit year such as 2019"),
                ));
            }
            p
        });
        let doi = get(r, doi_c).and_then(|d| {
            let p = normalise_doi(d);
            if p.is_none() {
                errs.push(RowError::new(
                    line,
                    n(doi_c),
                    format!("DOI {d:?} is not a DOI; expected the form 10.1234/abc"),
                ));
            }
            p
        });
        if !errs.is_empty() {
            out.errors.append(&mut errs);
            continue;
        }
        let mut ids = Vec::new();
        for tag in split_cell(get(r, tags_c).unwrap_or("")) {
            if let Some(id) = themes.resolve(tag)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        let url = url_cs
            .iter()
            .filter_map(|c| get(r, Some(*c)))
            .find(|u| u.starts_with("http://") || u.starts_with("https://"))
            .map(|u| u.split_whitespace().next().unwrap_or(u).to_string());
        out.records.push(ReadingRecord {
            id: None,
            line,
            title: clean_title(title.unwrap_or_default()),
            authors: authors(get(r, authors_c).unwrap_or("")),
            year,
            kind: get(r, type_c).map_or("other", talis_kind).to_string(),
            container: get(r, container_c).or_else(|| get(r, publisher_c)).map(clean_title),
            doi,
            isbn: isbn_cs
                .iter()
                .filter_map(|c| get(r, Some(*c)))
                .find_map(|i| normalise_isbn(i).or_else(|| first_isbn(i))),
            url,
            annotation: get(r, note_c).map(str::to_string),
            language: get(r, lang_c).map(str::to_string),
            themes: ids,
            ..ReadingRecord::default()
        });
    }
    out.errors.sort_by_key(|e| e.line);
    out
}

/// Authors from a cell: `;`-separated, or `|`-separated as some exports write them.
fn authors(s: &str) -> Vec<String> {
    if s.contains(';') { split_authors(s) } else { split_authors(&s.replace('|', ";")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::detect::themes_for_tests;

    fn parse_str(s: &str) -> Parsed {
        let (_dir, themes) = themes_for_tests();
        parse("t.csv", s, &themes)
    }

    #[test]
    fn talis_aspire_export() {
        let text = "Item Link,Title,Authors,Date,Resource Type,Journal Title,Publisher,DOI,ISBN13,ISBN10,Online Resource Web Address,Importance,Student Note,Section\n\
            https://rl.talis.com/items/1,Decolonising the Mind,Ngũgĩ wa Thiong'o,c1986,Book,,James Currey,,,0-385-50993-6,,Essential,Read chapters 1–2.,Week 1\n\
            https://rl.talis.com/items/2,\"Race, racism and health\",\"Williams, David R.; Lawrence, Jourdyn A.\",2019,Article,Annual Review of Public Health,,10.1146/X,,,https://doi.org/10.1146/x,Recommended,,Week 2\n\
            https://rl.talis.com/items/3,A web page,,01/05/2021,Webpage,,,,12345,,https://example.org,,,Week 3\n";
        let p = parse_str(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 3);
        let a = &p.records[0];
        assert_eq!((a.line, a.kind.as_str(), a.year), (2, "book", Some(1986)));
        assert_eq!(a.authors, ["Ngũgĩ wa Thiong'o"]);
        assert_eq!(a.container.as_deref(), Some("James Currey"));
        assert_eq!(a.isbn.as_deref(), Some("9780385509930"));
        assert_eq!(a.annotation.as_deref(), Some("Read chapters 1–2."));
        assert_eq!(a.url, None, "the Item Link is Talis's own page, not the resource");
        let b = &p.records[1];
        assert_eq!(b.authors.len(), 2);
        assert_eq!((b.kind.as_str(), b.doi.as_deref()), ("article", Some("10.1146/x")));
        assert_eq!(b.container.as_deref(), Some("Annual Review of Public Health"));
        let c = &p.records[2];
        assert_eq!((c.kind.as_str(), c.year, c.isbn.as_deref()), ("web", Some(2021), None));
        assert_eq!(c.url.as_deref(), Some("https://example.org"));
    }

    #[test]
    fn leganto_export() {
        let text = "Section Name,Citation Type,Title,Author,Publication Date,ISBN,ISSN,DOI,Source,Public Note,Tags\n\
            Week 1,Book Chapter,The Coloniality of Power,\"Quijano, Aníbal\",[2000],,1234-5678,,https://example.org/q,Core reading,Epistemic bias\n\
            Week 2,Audio-Visual,Documentary,,2020,,,,,,\n\
            Week 3,Article,No year,,soon,,,bad,,,\n";
        let p = parse_str(text);
        assert_eq!(p.records.len(), 2);
        let a = &p.records[0];
        assert_eq!((a.kind.as_str(), a.year, a.isbn.as_deref()), ("chapter", Some(2000), None));
        assert_eq!(a.annotation.as_deref(), Some("Core reading"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/q"));
        assert_eq!(a.themes.len(), 1);
        assert_eq!(p.records[1].kind, "video");
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(4, 5), (4, 8)], "{:?}", p.errors);
    }

    #[test]
    fn ragged_rows_are_errors() {
        let p = parse_str("Title,Student Note\nA,b\nB\nC,d,e\n");
        assert_eq!(p.records.len(), 1);
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(3, 2), (4, 3)]);
    }

    #[test]
    fn years() {
        for (s, y) in [
            ("2019", Some(2019)),
            ("c2019", Some(2019)),
            ("©2019", Some(2019)),
            ("[2019]", Some(2019)),
            ("May 2019", Some(2019)),
            ("n.d.", None),
        ] {
            assert_eq!(talis_year(s), y, "{s}");
        }
    }
}
