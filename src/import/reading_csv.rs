//! The canonical reading-list CSV:
//! `title,authors,year,type,doi,url,themes,notes` (any order, aliases accepted;
//! also `isbn`, `container`, `source_kind`, `status`, `language`, and the
//! content facets `global_south`, `open_access`, `original_language`,
//! `translated`, `perspective`).

use anyhow::{Context, Result};

use super::facets::{WorkFacets, yes_no};
use super::header::{self, Field, HeaderReport, Mapping};
use super::modules::Tally;
use super::records::Records;
use super::rows::Rows;
use super::source::Source;
use super::{
    Present, ReadingRecord, RowError, cell, language, normalise_doi, normalise_isbn, reading_type, reading_type_names,
};
use crate::store::themes::{ThemeIndex, split_cell};

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const DOI: usize = 4;
const URL: usize = 5;
const THEMES: usize = 6;
const NOTES: usize = 7;
const ISBN: usize = 8;
const CONTAINER: usize = 9;
const SOURCE_KIND: usize = 10;
const STATUS: usize = 11;
const LANGUAGE: usize = 12;
const ID: usize = 13;
const GLOBAL_SOUTH: usize = 14;
const OPEN_ACCESS: usize = 15;
const ORIGINAL_LANGUAGE: usize = 16;
const TRANSLATED: usize = 17;
const PERSPECTIVE: usize = 18;

pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["reading title", "work", "item title"], required: true },
    Field { name: "authors", aliases: &["author", "creators", "creator", "by"], required: false },
    Field { name: "year", aliases: &["publication year", "date", "published"], required: false },
    Field { name: "type", aliases: &["item type", "reading type", "format", "kind"], required: false },
    Field { name: "doi", aliases: &[], required: false },
    Field { name: "url", aliases: &["link", "web address"], required: false },
    Field { name: "themes", aliases: &["theme", "tags"], required: false },
    Field { name: "notes", aliases: &["annotation", "note", "why read it", "comment"], required: false },
    Field { name: "isbn", aliases: &[], required: false },
    Field {
        name: "container",
        aliases: &["journal", "publication", "publisher", "venue", "publication title"],
        required: false,
    },
    Field { name: "source_kind", aliases: &["source kind", "source"], required: false },
    Field { name: "status", aliases: &["review status"], required: false },
    Field { name: "language", aliases: &["lang", "language of publication"], required: false },
    // The stable ID `canon export reading` writes: a row with one updates that entry.
    Field { name: "id", aliases: &["canon id", "reading id"], required: false },
    // Content facets (issue 16): about the work, never about a person.
    Field {
        name: "global_south",
        aliases: &["global south", "global south content", "global south author or content"],
        required: false,
    },
    Field { name: "open_access", aliases: &["open access", "oa", "free to read"], required: false },
    Field {
        name: "original_language",
        aliases: &["original language", "translated from", "source language", "language of original"],
        required: false,
    },
    Field { name: "translated", aliases: &["translation", "is translation"], required: false },
    Field {
        name: "perspective",
        aliases: &["whose experience", "whose experience told by whom", "told by", "voice"],
        required: false,
    },
];

pub use super::facets::SOURCE_KINDS;
pub const STATUSES: &[&str] = &["suggested", "approved", "rejected"];

/// The years a reading may carry.
pub const YEARS: std::ops::RangeInclusive<i64> = 1000..=2100;

/// Reads reading-list rows from a source (a CSV file or a workbook sheet), validating each.
pub struct ReadingReader<'a> {
    file: String,
    rows: Box<dyn Records>,
    mapping: Mapping,
    width: usize,
    themes: &'a ThemeIndex,
    /// The fields the file has columns for.
    present: Present,
    /// Canon's own export (it has the `id` column): the `'` that export put
    /// before formula-like cells is taken off again.
    unguard: bool,
    ignored: Vec<usize>,
    filled: Vec<u64>,
}

/// The record field each column-field fills, for [`Present`].
const PRESENT: &[(usize, &str)] = &[
    (TITLE, "title"),
    (AUTHORS, "authors"),
    (YEAR, "year"),
    (TYPE, "type"),
    (DOI, "doi"),
    (URL, "url"),
    (THEMES, "themes"),
    (NOTES, "annotation"),
    (ISBN, "isbn"),
    (CONTAINER, "container"),
    (SOURCE_KIND, "source_kind"),
    (STATUS, "status"),
    (LANGUAGE, "language"),
    (GLOBAL_SOUTH, "global_south"),
    (OPEN_ACCESS, "open_access"),
    (ORIGINAL_LANGUAGE, "original_language"),
    (TRANSLATED, "translated"),
    (PERSPECTIVE, "perspective"),
];

/// A cell without the `'` that `canon export` puts before a cell a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first).
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

impl<'a> ReadingReader<'a> {
    pub fn new(source: Source, maps: &[String], themes: &'a ThemeIndex) -> Result<ReadingReader<'a>> {
        let file = source.path.display().to_string();
        let mut builder = csv::ReaderBuilder::new();
        builder.delimiter(source.delimiter).flexible(true);
        let mut rows = Rows::new(&builder, source.reader, source.ends_with_quote);
        let headers = rows.headers().with_context(|| format!("reading the header of {file}"))?;
        if headers.iter().all(|h| h.trim().is_empty()) {
            anyhow::bail!(
                "{file}:1:1: the file is empty; expected a header row such as title,authors,year,type,doi,url,themes,notes"
            );
        }
        let maps = header::parse_maps(maps, FIELDS)?;
        let mapping = header::map(&format!("{file}:{}:1", rows.header_line()), &headers, FIELDS, &maps)?;
        Ok(ReadingReader::from_records(file, Box::new(rows), &headers, mapping, themes))
    }

    /// Reads rows from any record source (a workbook sheet's rows) whose
    /// header row `headers` was matched to [`FIELDS`] as `mapping`.
    pub fn from_records(
        file: String,
        rows: Box<dyn Records>,
        headers: &[String],
        mapping: Mapping,
        themes: &'a ThemeIndex,
    ) -> ReadingReader<'a> {
        let present =
            PRESENT.iter().filter(|(f, _)| mapping.has(*f)).fold(Present::default(), |p, (_, name)| p.with(name));
        ReadingReader {
            file,
            width: headers.len(),
            unguard: mapping.has(ID),
            ignored: mapping.ignored(),
            filled: vec![0; headers.len()],
            rows,
            mapping,
            themes,
            present,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// How the header was read.
    pub fn header(&self) -> &HeaderReport {
        &self.mapping.report
    }

    /// Which field is in which column.
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// Text in the columns not read, and rows skipped, so far.
    pub fn tally(&self) -> Tally {
        Tally { filled: self.filled.clone(), skipped: self.rows.skipped() }
    }

    pub fn next_row(&mut self) -> Option<Result<ReadingRecord, Vec<RowError>>> {
        Some(match self.rows.next_record()? {
            Ok(line) => {
                for &c in &self.ignored {
                    if self.rows.current().get(c).is_some_and(|v| !v.trim().is_empty()) {
                        self.filled[c] += 1;
                    }
                }
                self.validate(line)
            }
            Err(e) => Err(vec![e]),
        })
    }

    /// The cell of `field` in the current row (unguarded in canon's own export).
    fn get(&self, field: usize) -> &str {
        let v = self.mapping.get(field, self.rows.current());
        if self.unguard { unguard(v) } else { v }
    }

    fn validate(&self, line: u64) -> Result<ReadingRecord, Vec<RowError>> {
        let r = self.rows.current();
        let m = &self.mapping;
        let mut errs = Vec::new();
        if let Some((c, _)) = r.iter().enumerate().find(|(_, f)| f.contains('\0')) {
            errs.push(RowError::new(line, c as u64 + 1, "NUL byte in this field; expected text"));
        }
        if r.len() != self.width {
            errs.push(RowError::new(
                line,
                r.len().min(self.width) as u64 + 1,
                format!("row has {} fields; expected {} like the header", r.len(), self.width),
            ));
            return Err(errs);
        }
        let title = cell(self.get(TITLE));
        if title.is_none() {
            errs.push(RowError::new(line, m.column(TITLE), "title is empty; expected the reading's title"));
        }
        let year = match cell(self.get(YEAR)) {
            None => None,
            Some(y) => match parse_year(y) {
                Some(n) => Some(n),
                None => {
                    errs.push(RowError::new(
                        line,
                        m.column(YEAR),
                        format!("year {y:?} is not a year; expected four digits such as 2019, or an empty cell"),
                    ));
                    None
                }
            },
        };
        // An empty type cell leaves a stored entry's type as it is (a type cannot be empty).
        let mut present = self.present;
        let kind = match cell(self.get(TYPE)) {
            None => {
                present = present.without("type");
                "article"
            }
            Some(t) => reading_type(t).unwrap_or_else(|| {
                errs.push(RowError::new(
                    line,
                    m.column(TYPE),
                    format!("unknown type {t:?}; expected one of {}", reading_type_names()),
                ));
                "other"
            }),
        };
        let doi = match cell(self.get(DOI)) {
            None => None,
            Some(d) => normalise_doi(d).or_else(|| {
                errs.push(RowError::new(
                    line,
                    m.column(DOI),
                    format!("doi {d:?} is not a DOI; expected the form 10.1234/abc"),
                ));
                None
            }),
        };
        let isbn = match cell(self.get(ISBN)) {
            None => None,
            Some(i) => normalise_isbn(i).or_else(|| {
                errs.push(RowError::new(
                    line,
                    m.column(ISBN),
                    format!("isbn {i:?} is not a valid ISBN-10 or ISBN-13 (check digit)"),
                ));
                None
            }),
        };
        let mut themes = Vec::new();
        for t in split_cell(self.get(THEMES)) {
            match self.themes.resolve(t) {
                Some(id) if !themes.contains(&id) => themes.push(id),
                Some(_) => {}
                None => errs.push(RowError::new(
                    line,
                    m.column(THEMES),
                    format!(
                        "unknown theme {t:?}; expected one of {} (add it first with `canon theme add`)",
                        self.themes.expected()
                    ),
                )),
            }
        }
        let source_kind = cell(self.get(SOURCE_KIND)).and_then(|s| match super::facets::source_kind(s) {
            Ok(k) => Some(k.to_string()),
            Err(e) => {
                errs.push(RowError::new(line, m.column(SOURCE_KIND), e));
                None
            }
        });
        let status = cell(self.get(STATUS)).and_then(|s| {
            let found = STATUSES.iter().find(|x| x.eq_ignore_ascii_case(s)).map(|x| x.to_string());
            if found.is_none() {
                errs.push(RowError::new(
                    line,
                    m.column(STATUS),
                    format!("unknown status {s:?}; expected one of {}", STATUSES.join(", ")),
                ));
            }
            found
        });
        let id = cell(self.get(ID)).and_then(|s| {
            let id = s.parse::<i64>().ok().filter(|n| *n > 0);
            if id.is_none() {
                errs.push(RowError::new(
                    line,
                    m.column(ID),
                    format!(
                        "id {s:?} is not a canon ID; expected the number `canon export reading` wrote, or an empty cell"
                    ),
                ));
            }
            id
        });
        let facets = self.facets(line, &mut errs);
        let language = cell(self.get(LANGUAGE)).map(|l| language::normalise_list(l).unwrap_or_else(|_| l.to_string()));
        if !errs.is_empty() {
            return Err(errs);
        }
        let Some(title) = title else { return Err(errs) };
        Ok(ReadingRecord {
            id,
            line,
            title: clean_title(title),
            authors: split_authors(self.get(AUTHORS)),
            year,
            kind: kind.to_string(),
            container: cell(self.get(CONTAINER)).map(str::to_string),
            doi,
            isbn,
            url: cell(self.get(URL)).map(str::to_string),
            annotation: cell(self.get(NOTES)).map(str::to_string),
            source_kind,
            status,
            language,
            themes,
            facets,
            present,
        })
    }

    /// The content facet columns of the current row: yes/no cells read as
    /// yes or no (an empty cell is "not recorded"), languages made codes.
    fn facets(&self, line: u64, errs: &mut Vec<RowError>) -> WorkFacets {
        let m = &self.mapping;
        let mut flag = |col: usize, name: &str| {
            cell(self.get(col)).and_then(|v| {
                let b = yes_no(v);
                if b.is_none() {
                    errs.push(RowError::new(
                        line,
                        m.column(col),
                        format!("{name} {v:?} is not yes or no; expected yes, no, or an empty cell"),
                    ));
                }
                b
            })
        };
        let mut f = WorkFacets {
            global_south: flag(GLOBAL_SOUTH, "global_south"),
            open_access: flag(OPEN_ACCESS, "open_access"),
            translated: flag(TRANSLATED, "translated"),
            ..WorkFacets::default()
        };
        f.original_language = cell(self.get(ORIGINAL_LANGUAGE)).and_then(|l| match language::normalise_list(l) {
            Ok(code) => Some(code),
            Err(e) => {
                errs.push(RowError::new(line, m.column(ORIGINAL_LANGUAGE), format!("original_language: {e}")));
                None
            }
        });
        f.perspective = cell(self.get(PERSPECTIVE)).map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
        if f.translated == Some(false) && f.original_language.is_some() {
            errs.push(RowError::new(
                line,
                m.column(TRANSLATED),
                "translated is no, but original_language names a language; expected yes, or an empty original_language",
            ));
        }
        f.settle();
        f
    }
}

/// A year from `2019`, `2019-05-01`, `c. 2019` or `2019a`.
pub fn parse_year(s: &str) -> Option<i64> {
    let s = s.trim().trim_start_matches("c.").trim();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = &s[digits.len()..];
    let ok_rest = rest.is_empty()
        || rest.starts_with(['-', '/', ' '])
        || (rest.len() == 1 && rest.chars().all(|c| c.is_ascii_lowercase()));
    let y: i64 = digits.parse().ok()?;
    (ok_rest && YEARS.contains(&y)).then_some(y)
}

/// Authors from a `;`-separated cell ("Family, Given; Family, Given"). A
/// cell in Google Scholar's style ("CE Chandler, CR Williams, MW Turner…")
/// is split on its commas instead; its trailing ellipsis is dropped.
pub fn split_authors(s: &str) -> Vec<String> {
    let tidy = |a: &str| a.trim().trim_end_matches(['…', '.']).split_whitespace().collect::<Vec<_>>().join(" ");
    let scholar = |p: &str| {
        let mut words = p.split_whitespace();
        let first = words.next().unwrap_or("");
        (1..=3).contains(&first.chars().count()) && first.chars().all(|c| c.is_uppercase()) && words.next().is_some()
    };
    let parts: Vec<&str> = s.split(',').collect();
    if !s.contains(';') && parts.len() > 1 && parts.iter().all(|p| scholar(p.trim())) {
        return parts.into_iter().map(tidy).filter(|a| !a.is_empty()).collect();
    }
    s.split(';').map(|a| a.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|a| !a.is_empty()).collect()
}

/// A title with its whitespace (including line breaks) made single spaces.
pub fn clean_title(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_common_shapes() {
        assert_eq!(parse_year("2019"), Some(2019));
        assert_eq!(parse_year("2019-05-01"), Some(2019));
        assert_eq!(parse_year("2019a"), Some(2019));
        assert_eq!(parse_year("twenty"), None);
        assert_eq!(parse_year("19"), None);
        assert_eq!(parse_year("9999"), None);
    }

    #[test]
    fn authors_split_on_semicolons_only() {
        assert_eq!(split_authors("Vergès, Françoise; Ngũgĩ wa Thiong'o;"), ["Vergès, Françoise", "Ngũgĩ wa Thiong'o"]);
        assert_eq!(split_authors("Cooper Owens, Deirdre"), ["Cooper Owens, Deirdre"]);
        assert_eq!(split_authors("Washington, Harriet A."), ["Washington, Harriet A."]);
    }

    #[test]
    fn google_scholar_author_lists_split_on_commas() {
        assert_eq!(split_authors("CE Chandler, CR Williams, EA Vanner…"), ["CE Chandler", "CR Williams", "EA Vanner"]);
        assert_eq!(split_authors("AJ Anderson, B Sánchez"), ["AJ Anderson", "B Sánchez"]);
    }
}
