//! The module-list CSV: one row per teaching session (or per module, when
//! the file has no sessions), with the module it belongs to.
//!
//! Canonical header (any order, case and punctuation ignored, aliases accepted):
//! `programme,year,module_code,module_title,session_title,learning_outcomes,themes`

use anyhow::{Context, Result};

use super::header::{self, Field, Mapping};
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
}

/// Reads module rows from a source, validating each.
pub struct ModuleReader<'a> {
    rows: Rows,
    mapping: Mapping,
    width: usize,
    themes: &'a ThemeIndex,
    default_programme: String,
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
        let maps = header::parse_maps(maps, FIELDS)?;
        let mapping = header::map(&file, &headers, FIELDS, &maps)?;
        Ok(ModuleReader {
            width: headers.len(),
            rows,
            mapping,
            themes,
            default_programme: default_programme.to_string(),
        })
    }

    /// Which field is in which column (for messages).
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// The next row, or the problems that make it invalid.
    pub fn next_row(&mut self) -> Option<Result<ModuleRow, Vec<RowError>>> {
        Some(match self.rows.next_record()? {
            Ok(line) => self.validate(line),
            Err(e) => Err(vec![e]),
        })
    }

    fn validate(&self, line: u64) -> Result<ModuleRow, Vec<RowError>> {
        let r = &self.rows.current;
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
            Some(y) => match y.parse::<i64>() {
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
        if session.is_none() && (!outcomes.is_empty() || !themes.is_empty()) {
            errs.push(RowError::new(
                line,
                m.column(SESSION),
                "session_title is empty but the row has outcomes or themes; expected the session they belong to",
            ));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let (Some(code), Some(title)) = (code, title) else { return Err(errs) };
        Ok(ModuleRow {
            line,
            programme,
            year,
            code: one_line(code),
            title: one_line(title),
            lead: cell(m.get(LEAD, r)).map(one_line),
            item: session.map(|s| ItemRow { title: one_line(s), kind, outcomes, themes }),
        })
    }
}

/// A name on one line: runs of whitespace (line breaks included) made one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Learning outcomes, one per line, trimmed; CRLF made LF.
fn normalise_outcomes(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}
