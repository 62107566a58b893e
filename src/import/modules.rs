//! The module-list CSV: one row per teaching session (or per module, when
//! the file has no sessions), with the module it belongs to.
//!
//! Canonical header (any order, case and punctuation ignored, aliases accepted):
//! `programme,year,module_code,module_title,session_title,learning_outcomes,themes`

use anyhow::{Context, Result};

use super::header::{self, Field, Mapping};
use super::records::Records;
use super::rows::Rows;
use super::source::Source;
use super::{RowError, cell};
use crate::store::themes::{ThemeIndex, split_cell};

pub const PROGRAMME: usize = 0;
pub const YEAR: usize = 1;
pub const CODE: usize = 2;
pub const TITLE: usize = 3;
pub const SESSION: usize = 4;
pub const OUTCOMES: usize = 5;
pub const THEMES: usize = 6;
pub const KIND: usize = 7;
pub const LEAD: usize = 8;
pub const KEYWORDS: usize = 9;

pub const FIELDS: &[Field] = &[
    Field {
        name: "programme",
        aliases: &["program", "programme name", "program name", "course", "degree", "curriculum"],
        required: false,
    },
    Field {
        name: "year",
        aliases: &["year of study", "study year", "yr", "phase", "stage", "academic year of study"],
        required: false,
    },
    Field {
        name: "module_code",
        aliases: &["module code", "code", "module id", "course code", "unit code", "block code"],
        required: true,
    },
    Field {
        name: "module_title",
        aliases: &["module title", "module name", "module", "course title", "unit title", "block", "block name"],
        required: true,
    },
    Field {
        name: "session_title",
        aliases: &["session", "session title", "session name", "teaching session", "lecture", "topic", "activity"],
        required: false,
    },
    Field {
        name: "learning_outcomes",
        aliases: &[
            "learning outcomes",
            "learning outcome",
            "outcomes",
            "outcome",
            "learning objectives",
            "objectives",
            "ilos",
        ],
        required: false,
    },
    Field { name: "themes", aliases: &["theme", "tags", "audit themes"], required: false },
    Field { name: "kind", aliases: &["item type", "session type", "type"], required: false },
    Field { name: "lead", aliases: &["module lead", "convenor", "module convenor", "lead"], required: false },
    Field { name: "keywords", aliases: &["keyword", "key words", "mesh terms", "mesh headings"], required: false },
];

/// The year range a module may be in (years of study or phases).
pub const YEARS: std::ops::RangeInclusive<i64> = 1..=10;

/// The item kinds canon knows.
pub const KINDS: &[&str] = &["session", "outcome", "assessment", "placement"];

/// One valid row.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleRow {
    pub line: u64,
    pub programme: String,
    pub year: Option<i64>,
    pub code: String,
    pub title: String,
    pub lead: Option<String>,
    /// The session, absent for a module-only row.
    pub item: Option<ItemRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    pub title: String,
    pub kind: &'static str,
    pub outcomes: String,
    pub themes: Vec<i64>,
    /// Subject keywords the source gives the item (a Curriculum Inventory
    /// `Keyword`, a keywords column): kept as evidence for `suggest`.
    pub keywords: Vec<String>,
}

/// Reads module rows from a source (a CSV file or a workbook sheet), validating each.
pub struct ModuleReader<'a> {
    headers: csv::StringRecord,
    rows: Box<dyn Records>,
    mapping: Mapping,
    width: usize,
    themes: &'a ThemeIndex,
    default_programme: String,
    /// The file has learning outcomes but no session column: each row is a
    /// learning outcome of its module.
    outcomes_only: bool,
    /// Rows waiting to be returned: a row whose cell holds several learning
    /// outcomes yields one outcome item per line.
    queued: std::collections::VecDeque<ModuleRow>,
}

impl<'a> ModuleReader<'a> {
    /// Reads the header and matches it to the fields.
    pub fn new(
        source: Source,
        maps: &[String],
        themes: &'a ThemeIndex,
        default_programme: &str,
    ) -> Result<ModuleReader<'a>> {
        let file = source.path.display().to_string();
        let reader = csv::ReaderBuilder::new()
            .delimiter(source.delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(source.reader);
        let mut rows = Rows::new(reader, source.ends_with_quote);
        let headers = rows.headers().with_context(|| format!("reading the header of {file}"))?;
        if headers.iter().all(|h| h.trim().is_empty()) {
            anyhow::bail!(
                "{file}:1:1: the file is empty; expected a header row such as \
                 programme,year,module_code,module_title,session_title,learning_outcomes,themes"
            );
        }
        ModuleReader::from_records(Box::new(rows), &headers, &format!("{file}:1:1"), maps, themes, default_programme)
    }

    /// Reads rows from any record source whose header row is `headers`
    /// (found at `at`, as messages name it).
    pub fn from_records(
        rows: Box<dyn Records>,
        headers: &csv::StringRecord,
        at: &str,
        maps: &[String],
        themes: &'a ThemeIndex,
        default_programme: &str,
    ) -> Result<ModuleReader<'a>> {
        let maps = header::parse_maps(maps, FIELDS)?;
        let mapping = header::map(at, headers, FIELDS, &maps)?;
        Ok(ModuleReader {
            headers: headers.clone(),
            width: headers.len(),
            outcomes_only: !mapping.has(SESSION) && mapping.has(OUTCOMES),
            rows,
            mapping,
            themes,
            default_programme: default_programme.to_string(),
            queued: std::collections::VecDeque::new(),
        })
    }

    /// How each column is read, and which are not (for the note every import prints).
    pub fn column_report(&self, letters: Option<u32>) -> String {
        header::report(&self.headers, FIELDS, &self.mapping, letters)
    }

    /// Whether rows are read as learning outcomes (no session column).
    pub fn outcomes_only(&self) -> bool {
        self.outcomes_only
    }

    /// Which field is in which column (for messages).
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// The next row, or the problems that make it invalid.
    pub fn next_row(&mut self) -> Option<Result<ModuleRow, Vec<RowError>>> {
        if let Some(row) = self.queued.pop_front() {
            return Some(Ok(row));
        }
        Some(match self.rows.next_record()? {
            Ok(line) => match self.validate(line) {
                Ok(mut rows) => {
                    let first = rows.remove(0);
                    self.queued.extend(rows);
                    Ok(first)
                }
                Err(e) => Err(e),
            },
            Err(e) => Err(vec![e]),
        })
    }

    /// The row (or, for a cell of several learning outcomes, the rows) a record makes.
    fn validate(&self, line: u64) -> Result<Vec<ModuleRow>, Vec<RowError>> {
        let r = self.rows.current();
        let m = &self.mapping;
        let mut errs = Vec::new();

        if let Some((c, _)) = r.iter().enumerate().find(|(_, f)| f.contains('\0')) {
            errs.push(RowError::new(
                line,
                c as u64 + 1,
                "NUL byte in this field; expected text (is the file binary, or UTF-16 without a byte-order mark?)",
            ));
        }
        if r.len() != self.width {
            let col = r.len().min(self.width) as u64 + 1;
            errs.push(RowError::new(
                line,
                col,
                format!(
                    "row has {} field{}; expected {} like the header (a missing or extra delimiter, or an unquoted {:?}?)",
                    r.len(),
                    if r.len() == 1 { "" } else { "s" },
                    self.width,
                    ","
                ),
            ));
            return Err(errs);
        }

        let programme = one_line(cell(m.get(PROGRAMME, r)).unwrap_or(&self.default_programme));
        let year = match cell(m.get(YEAR, r)) {
            None => None,
            Some(y) => match year_of_study(y).ok_or(()) {
                Ok(n) if YEARS.contains(&n) => Some(n),
                Ok(n) => {
                    errs.push(RowError::new(
                        line,
                        m.column(YEAR),
                        format!("year {n} is out of range; expected a year of study from 1 to 10"),
                    ));
                    None
                }
                Err(_) => {
                    errs.push(RowError::new(
                        line,
                        m.column(YEAR),
                        format!("year {y:?} is not a whole number; expected a year of study from 1 to 10"),
                    ));
                    None
                }
            },
        };
        let code = cell(m.get(CODE, r));
        if code.is_none() {
            errs.push(RowError::new(
                line,
                m.column(CODE),
                "module_code is empty; expected the module's code, e.g. MED1001",
            ));
        }
        let title = cell(m.get(TITLE, r));
        if title.is_none() {
            errs.push(RowError::new(line, m.column(TITLE), "module_title is empty; expected the module's title"));
        }
        let session = cell(m.get(SESSION, r));
        let outcomes = normalise_outcomes(m.get(OUTCOMES, r));
        let mut themes = Vec::new();
        for t in split_cell(m.get(THEMES, r)) {
            match self.themes.resolve(t) {
                Some(id) => {
                    if !themes.contains(&id) {
                        themes.push(id);
                    }
                }
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
        let kind = match cell(m.get(KIND, r)) {
            None => "session",
            Some(k) => match KINDS.iter().find(|x| x.eq_ignore_ascii_case(k)) {
                Some(x) => x,
                None => {
                    errs.push(RowError::new(
                        line,
                        m.column(KIND),
                        format!("unknown kind {k:?}; expected one of {}", KINDS.join(", ")),
                    ));
                    "session"
                }
            },
        };
        // A row without a session but with learning outcomes is a list of
        // outcomes when the file has no session column or the row says so.
        let as_outcomes = session.is_none()
            && !outcomes.is_empty()
            && (self.outcomes_only || cell(m.get(KIND, r)).is_some_and(|k| k.eq_ignore_ascii_case("outcome")));
        if session.is_none() && !as_outcomes && (!outcomes.is_empty() || !themes.is_empty()) {
            errs.push(RowError::new(
                line,
                m.column(SESSION),
                if outcomes.is_empty() {
                    "session_title is empty but the row has themes; expected the session they belong to"
                } else {
                    "session_title is empty but the row has learning outcomes; expected the session they belong to \
                     (or kind \"outcome\" to import each outcome as an item of its own)"
                },
            ));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let (Some(code), Some(title)) = (code, title) else { return Err(errs) };
        let keywords = split_keywords(m.get(KEYWORDS, r));
        let module = ModuleRow {
            line,
            programme,
            year,
            code: one_line(code),
            title: one_line(title),
            lead: cell(m.get(LEAD, r)).map(one_line),
            item: None,
        };
        if as_outcomes {
            return Ok(outcome_rows(module, &outcomes, &themes, &keywords));
        }
        let item = session.map(|s| ItemRow { title: one_line(s), kind, outcomes, themes, keywords });
        Ok(vec![ModuleRow { item, ..module }])
    }
}

/// One row per learning outcome (one per line of the cell): each an item of
/// kind `outcome` titled by its own words, which also carry its Bloom level.
fn outcome_rows(module: ModuleRow, outcomes: &str, themes: &[i64], keywords: &[String]) -> Vec<ModuleRow> {
    crate::analysis::bloom::split_outcomes(outcomes)
        .map(|o| ModuleRow {
            item: Some(ItemRow {
                title: one_line(o),
                kind: "outcome",
                outcomes: o.to_string(),
                themes: themes.to_vec(),
                keywords: keywords.to_vec(),
            }),
            ..module.clone()
        })
        .collect()
}

/// A year of study as faculty write it: `2`, `2.0` (a workbook number),
/// `Year 2`, `Yr 2`, `Y2`, `Phase 2`, `Stage 2`, `2nd year`. `None` when no
/// whole number can be read.
pub fn year_of_study(s: &str) -> Option<i64> {
    let t = s.trim().to_lowercase();
    let mut t = t.as_str();
    for p in ["year of study", "academic year", "year", "yr.", "yr", "phase", "stage", "level", "y"] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest.trim_start_matches([' ', '.', ':', '-']);
            break;
        }
    }
    let t = t.strip_suffix("year").unwrap_or(t).trim();
    let t = ["st", "nd", "rd", "th"].iter().find_map(|o| t.strip_suffix(o)).unwrap_or(t);
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 4 {
        return None;
    }
    t.parse().ok()
}

/// Keywords from a cell: separated by `;` or line breaks, trimmed, each once.
pub fn split_keywords(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in s.split([';', '\n', '\r']).map(one_line).filter(|k| !k.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&k)) {
            out.push(k);
        }
    }
    out
}

/// A name on one line: runs of whitespace (line breaks included) made one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Learning outcomes, one per line, trimmed; CRLF made LF.
fn normalise_outcomes(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_as_faculty_write_them() {
        for (s, y) in [("2", 2), ("2.0", 2), ("Year 2", 2), ("year 2", 2), ("Yr 2", 2), ("Y2", 2), ("Phase 3", 3)] {
            assert_eq!(year_of_study(s), Some(y), "{s}");
        }
        assert_eq!(year_of_study("2nd year"), Some(2));
        assert_eq!(year_of_study("Year 12"), Some(12));
        for s in ["two", "2.5", "Year", "", "1999-09-01"] {
            assert_eq!(year_of_study(s), None, "{s}");
        }
    }

    #[test]
    fn keyword_cells_split_once_each() {
        assert_eq!(split_keywords("Racism; Eugenics\nracism;  "), ["Racism", "Eugenics"]);
    }
}
