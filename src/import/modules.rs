//! The module-list CSV: one row per teaching session (or per module, when
//! the file has no sessions), with the module it belongs to.
//!
//! Canonical header (any order, case and punctuation ignored, aliases accepted):
//! `programme,year,module_code,module_title,session_title,learning_outcomes,themes`

use anyhow::Result;

use super::header::{self, Field, HeaderReport, Mapping};
use super::records::Records;
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

/// The fields of a module list, with the names exports use for them. Where
/// one name could mean two fields, the alias order decides (see the tests):
/// "Description" is a session's title when the file has no other session
/// column, else its learning outcomes when the file has none of those.
pub const FIELDS: &[Field] = &[
    Field {
        name: "programme",
        aliases: &["program", "programme name", "program name", "course", "degree", "curriculum"],
        required: false,
    },
    Field {
        name: "year",
        aliases: &[
            "year of study",
            "study year",
            "yr",
            "year group",
            "phase",
            "stage",
            "academic year of study",
            "year of programme",
            "programme year",
        ],
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
        aliases: &[
            "session title",
            "session",
            "session name",
            "teaching session",
            "lecture title",
            "lecture",
            "teaching activity",
            "activity",
            "topic",
            "description",
        ],
        required: false,
    },
    Field {
        name: "learning_outcomes",
        aliases: &[
            "learning outcomes",
            "learning outcome",
            "intended learning outcomes",
            "intended learning outcome",
            "ilos",
            "ilo",
            "session learning outcomes",
            "learning objectives",
            "learning objective",
            "session objectives",
            "objectives",
            "objective",
            "outcomes",
            "outcome",
            "description",
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
    /// `None` for an empty cell (or no year column: see [`Columns`]).
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
    /// `None` when the cell is empty or there is no kind column: a new item
    /// is a session, a stored one keeps its kind.
    pub kind: Option<&'static str>,
    pub outcomes: String,
    pub themes: Vec<i64>,
    /// Subject keywords the source gives the item (a Curriculum Inventory
    /// `Keyword`, a keywords column): kept as evidence for `suggest`. A
    /// keywords column is the whole set for its session (see [`Columns`]).
    pub keywords: Vec<String>,
}

/// Which of the fields an update may change the file has columns for. A
/// field without a column is left as stored; a column's empty cell clears it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    pub year: bool,
    pub lead: bool,
    pub outcomes: bool,
    pub kind: bool,
    /// A keywords column is the whole set of its session's keywords (an
    /// empty cell clears them); without one, keywords are only added.
    pub keywords: bool,
}

impl Columns {
    /// Every field present: what a caller without a header (a test) passes.
    pub const ALL: Columns = Columns { year: true, lead: true, outcomes: true, kind: true, keywords: true };
}

/// Reads module rows from a source (a CSV file or a workbook sheet), validating each.
pub struct ModuleReader<'a> {
    rows: Box<dyn Records>,
    mapping: Mapping,
    width: usize,
    themes: &'a ThemeIndex,
    /// The programme of rows that name none (`--programme`, or the one the
    /// command chose when the file has no programme column); `None`: such a
    /// row is an error.
    default_programme: Option<String>,
    /// Columns not read, and how many rows hold text in each.
    ignored: Vec<usize>,
    filled: Vec<u64>,
    /// The file has learning outcomes but no session column: each row is a
    /// learning outcome of its module.
    outcomes_only: bool,
    /// Rows waiting to be returned: a row whose cell holds several learning
    /// outcomes yields one outcome item per outcome.
    queued: std::collections::VecDeque<ModuleRow>,
    /// Outcome items whose list marker ("• ", "1. ") was removed: the first
    /// one's line and how many.
    markers: std::cell::Cell<(u64, u64)>,
}

impl<'a> ModuleReader<'a> {
    /// Reads the header and matches it to the fields. `default_programme`
    /// (`--programme`) is the programme of rows that name none.
    pub fn new(
        source: Source,
        maps: &[String],
        themes: &'a ThemeIndex,
        default_programme: Option<&str>,
    ) -> Result<ModuleReader<'a>> {
        let maps = header::parse_maps(maps, FIELDS)?;
        let (rows, headers, mapping, _) = super::rows::open_table(
            source,
            FIELDS,
            &maps,
            "programme,year,module_code,module_title,session_title,learning_outcomes,themes",
        )?;
        Ok(ModuleReader::from_records(Box::new(rows), &headers, mapping, themes, default_programme))
    }

    /// Reads rows from any record source (a workbook sheet's rows) whose
    /// header row `headers` was matched to [`FIELDS`] as `mapping`.
    pub fn from_records(
        rows: Box<dyn Records>,
        headers: &[String],
        mapping: Mapping,
        themes: &'a ThemeIndex,
        default_programme: Option<&str>,
    ) -> ModuleReader<'a> {
        ModuleReader {
            width: headers.len(),
            filled: vec![0; headers.len()],
            ignored: mapping.ignored(),
            outcomes_only: !mapping.has(SESSION) && mapping.has(OUTCOMES),
            rows,
            mapping,
            themes,
            default_programme: default_programme.map(one_line).filter(|p| !p.is_empty()),
            queued: std::collections::VecDeque::new(),
            markers: std::cell::Cell::new((0, 0)),
        }
    }

    /// Whether the file has a programme column.
    pub fn has_programme_column(&self) -> bool {
        self.mapping.has(PROGRAMME)
    }

    /// Sends the rows that name no programme to `name`, saying why in the
    /// header report (for a file without a programme column: where its
    /// rows go, chosen by the command from `--programme` and the database).
    pub fn set_programme(&mut self, name: &str, why: &str) {
        self.default_programme = Some(one_line(name));
        if !self.mapping.has(PROGRAMME) {
            self.mapping.report.defaults.push(("programme", format!("every row goes to programme {name:?} ({why})")));
        }
    }

    /// Whether rows are read as learning outcomes (the file has no session column).
    pub fn outcomes_only(&self) -> bool {
        self.outcomes_only
    }

    /// Which field is in which column (for messages).
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// How the header was read.
    pub fn header(&self) -> &HeaderReport {
        &self.mapping.report
    }

    /// The fields the file has columns for.
    pub fn columns(&self) -> Columns {
        let m = &self.mapping;
        Columns {
            year: m.has(YEAR),
            lead: m.has(LEAD),
            outcomes: m.has(OUTCOMES),
            kind: m.has(KIND),
            keywords: m.has(KEYWORDS),
        }
    }

    /// What the rows read so far held in the columns not read, and how many
    /// blank lines and empty rows were skipped.
    pub fn tally(&self) -> Tally {
        let (first, n) = self.markers.get();
        Tally { filled: self.filled.clone(), skipped: self.rows.skipped(), list_markers: (n > 0).then_some((first, n)) }
    }

    /// The next row, or the problems that make it invalid.
    pub fn next_row(&mut self) -> Option<Result<ModuleRow, Vec<RowError>>> {
        if let Some(row) = self.queued.pop_front() {
            return Some(Ok(row));
        }
        Some(match self.rows.next_record()? {
            Ok(line) => {
                for &c in &self.ignored {
                    if self.rows.current().get(c).is_some_and(|v| !v.trim().is_empty()) {
                        self.filled[c] += 1;
                    }
                }
                let cells = self.rows.cell_problems();
                super::records::with_cell_problems(cells, self.validate(line)).map(|mut rows| {
                    let first = rows.remove(0);
                    self.queued.extend(rows);
                    first
                })
            }
            Err(e) => Err(vec![e]),
        })
    }

    /// The row (or, for a cell of several learning outcomes in an outcome
    /// list, the rows: never none) a record makes.
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
        if r.len() != self.width && !super::rows::only_empty_beyond(r, self.width) {
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

        let programme = match (cell(m.get(PROGRAMME, r)), &self.default_programme) {
            (Some(p), _) => one_line(p),
            (None, Some(d)) => d.clone(),
            (None, None) => {
                errs.push(RowError::new(
                    line,
                    m.column(PROGRAMME),
                    "programme is empty; expected the programme's name (or --programme NAME for the rows that \
                     leave it empty)",
                ));
                String::new()
            }
        };
        let year = match cell(m.get(YEAR, r)) {
            None => None,
            Some(y) => match study_year(y) {
                Ok(n) => Some(n),
                Err(msg) => {
                    errs.push(RowError::new(line, m.column(YEAR), msg));
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
            None => None,
            Some(k) => match KINDS.iter().find(|x| x.eq_ignore_ascii_case(k)) {
                Some(x) => Some(*x),
                None => {
                    errs.push(RowError::new(
                        line,
                        m.column(KIND),
                        format!("unknown kind {k:?}; expected one of {}", KINDS.join(", ")),
                    ));
                    None
                }
            },
        };
        // A row without a session but with learning outcomes is a list of
        // outcomes when the file has no session column or the row's kind says so.
        let as_outcomes = session.is_none() && !outcomes.is_empty() && (self.outcomes_only || kind == Some("outcome"));
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
            let (rows, stripped) = outcome_rows(module, &outcomes, &themes, &keywords);
            if stripped > 0 {
                let (first, n) = self.markers.get();
                self.markers.set((if n == 0 { line } else { first }, n + stripped));
            }
            return Ok(rows);
        }
        let item = session.map(|s| ItemRow { title: one_line(s), kind, outcomes, themes, keywords });
        Ok(vec![ModuleRow { item, ..module }])
    }
}

/// One row per learning outcome (the cell split as Bloom levels are read:
/// by line, or by `; `): each an item of kind `outcome` titled by its own
/// words, without the list marker it was written with ("• ", "1. ", "a) "),
/// which also carry its Bloom level. Never empty for non-empty outcomes.
/// Also returns how many list markers were removed.
fn outcome_rows(module: ModuleRow, outcomes: &str, themes: &[i64], keywords: &[String]) -> (Vec<ModuleRow>, u64) {
    let mut stripped = 0;
    let rows: Vec<ModuleRow> = crate::analysis::bloom::split_outcomes(outcomes)
        .filter_map(|o| {
            let (o, had) = strip_list_marker(o);
            stripped += u64::from(had);
            (!o.is_empty()).then(|| ModuleRow {
                item: Some(ItemRow {
                    title: one_line(o),
                    kind: Some("outcome"),
                    outcomes: o.to_string(),
                    themes: themes.to_vec(),
                    keywords: keywords.to_vec(),
                }),
                ..module.clone()
            })
        })
        .collect();
    if rows.is_empty() { (vec![module], stripped) } else { (rows, stripped) }
}

/// An outcome without the list marker a cell wrote it with, and whether it
/// had one: a bullet (`•`, `-`, `*`, `–`, `▪`…), a number or letter (`1.`,
/// `2)`, `(3)`, `a)`, `B.`, `iv.`) or a numbered heading (`1.2.`, or `1.2`
/// before a capital), each followed by white space.
pub fn strip_list_marker(o: &str) -> (&str, bool) {
    let t = o.trim_start();
    let rest_after = |n: usize| -> Option<&str> {
        let rest = &t[n..];
        rest.starts_with(char::is_whitespace).then(|| rest.trim_start()).filter(|r| !r.is_empty())
    };
    let mut chars = t.char_indices();
    let Some((_, first)) = chars.next() else { return (o, false) };
    if "•◦▪▫‣●○■□–—-*·⁃►➢✓✔→".contains(first)
        && let Some(rest) = rest_after(first.len_utf8())
    {
        return (rest, true);
    }
    // `(a)`, `(3)`, `(iv)`.
    if first == '('
        && let Some(close) = t.find(')')
        && (2..=5).contains(&close)
        && t[1..close].chars().all(|c| c.is_ascii_alphanumeric())
        && let Some(rest) = rest_after(close + 1)
    {
        return (rest, true);
    }
    // `1.`, `12)`, `1.2.`, `1.2` (before a capital), `a)`, `B.`, `iv.`.
    let end = t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.')).unwrap_or(t.len());
    let (word, punct) = match t[end..].chars().next() {
        Some(')') => (&t[..end], Some(')')),
        _ if t[..end].ends_with('.') => (&t[..end - 1], Some('.')),
        _ => (&t[..end], None),
    };
    let numbered = !word.is_empty()
        && word.split('.').all(|g| !g.is_empty() && g.len() <= 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let lettered = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        .iter()
        .any(|r| word == *r || word.eq_ignore_ascii_case(r) && word.bytes().all(|b| b.is_ascii_uppercase()));
    let len = end + usize::from(punct == Some(')'));
    if let Some(rest) = rest_after(len) {
        let marked = match punct {
            Some(_) => numbered || lettered || roman,
            // A bare `1.2` is a heading number only before a capital ("1.2 Describe", not "1.5 million").
            None => numbered && word.contains('.') && rest.starts_with(char::is_uppercase),
        };
        if marked {
            return (rest, true);
        }
    }
    (o, false)
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

/// What a reader saw besides its rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per column (0-based): rows with text in it, counted for the columns not read.
    pub filled: Vec<u64>,
    /// Blank lines and rows with every cell empty, skipped.
    pub skipped: u64,
    /// Learning outcomes imported as items whose list marker ("• ", "1. ")
    /// was removed from the title: the first one's line, and how many.
    pub list_markers: Option<(u64, u64)>,
}

/// The forms a year of study may be written in, for messages.
pub const YEAR_FORMS: &str = "3, \"Year 3\", \"Y3\", \"Yr 3\", \"Year Three\", \"3rd year\", \"Third year\", \
     \"Phase 3\", \"Stage 3\", \"MS3\" or \"Year III\"";

/// A year of study (or phase, or stage) as faculty write it: `3`, `3.0`
/// (a spreadsheet's number), `Year 3`, `Y3`, `Yr. 3`, `Year-3`, `Year
/// Three`, `3rd year`, `Third Year`, `Phase 3`, `Stage 3`, `MS3` / `M3`
/// (US medical school years), `Year III`. Anything else, or a year outside
/// 1–10, is an error naming the accepted forms.
pub fn study_year(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let range_error = |n: i64| {
        if t == n.to_string() {
            format!("year {n} is out of range; expected a year of study from 1 to 10")
        } else {
            format!("year {t:?} is out of range; expected a year of study from 1 to 10")
        }
    };
    // A minus sign ("-1", "Year -2"), not a hyphen between words ("Year-3").
    let negative = t.char_indices().any(|(i, c)| {
        matches!(c, '-' | '\u{2212}')
            && t[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
            && t[..i].chars().next_back().is_none_or(char::is_whitespace)
    });
    if negative {
        return Err(format!("year {t:?} is negative; expected a year of study from 1 to 10, written as {YEAR_FORMS}"));
    }
    let n = match read_study_year(t) {
        Some(Year::Read(n)) => n,
        Some(Year::Placeholder) => {
            return Err(format!(
                "year {t:?} is a placeholder, not a year of study (\"X\" is not read as the Roman 10); \
                 expected a number from 1 to 10 written as {YEAR_FORMS}; for year ten write 10 or \"Year 10\""
            ));
        }
        None => {
            return Err(format!(
                "year {t:?} is not a year of study; expected a number from 1 to 10 written as {YEAR_FORMS}"
            ));
        }
    };
    if YEARS.contains(&n) { Ok(n) } else { Err(range_error(n)) }
}

/// What [`read_study_year`] made of a year cell.
#[derive(Debug, PartialEq, Eq)]
enum Year {
    /// A number, perhaps outside [`YEARS`].
    Read(i64),
    /// "Year X": a letter standing for a year not yet known, as in "Year X
    /// students"; never the Roman numeral 10.
    Placeholder,
}

fn read_study_year(t: &str) -> Option<Year> {
    // Most files write a plain number: no need to split it into words.
    if !t.is_empty() && t.len() <= 18 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok().map(Year::Read);
    }
    // Runs of letters and of digits: "Yr. 3" → ["yr", "3"], "3rd year" → ["3", "rd", "year"].
    let mut words: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in t.chars() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else if c.is_whitespace() || matches!(c, '.' | ':' | '_' | '-' | '\u{2010}' | '\u{2013}') {
            None
        } else {
            // "Year 3?", "Year (3)": a year written with doubt or an aside is not read.
            return None;
        };
        match kind {
            None => last = None,
            Some(k) if last == Some(k) => words.last_mut()?.extend(c.to_lowercase()),
            Some(k) => {
                words.push(c.to_lowercase().collect());
                last = Some(k);
            }
        }
    }
    // A spreadsheet's number: "3.0" (and not "3.5").
    if let Some((whole, frac)) = t.split_once('.')
        && !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.chars().all(|c| c == '0')
    {
        return whole.parse().ok().map(Year::Read);
    }
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    const PREFIX: &[&str] = &["year", "yr", "y", "phase", "ph", "stage", "ms", "m"];
    const SUFFIX: &[&str] = &["year", "yr"];
    let (prefixed, rest) = match w.split_first() {
        Some((p, rest)) if PREFIX.contains(p) => (true, rest),
        _ => (false, &w[..]),
    };
    let rest = match rest.split_last() {
        Some((s, before)) if !prefixed && SUFFIX.contains(s) => before,
        _ => rest,
    };
    match rest {
        ["x"] if prefixed => Some(Year::Placeholder),
        [n] => number(n, prefixed).map(Year::Read),
        [n, ord] if is_ordinal_suffix(n, ord) => n.parse().ok().map(Year::Read),
        _ => None,
    }
}

/// `3`, `three`, `third`; a Roman numeral only after a word like "Year".
fn number(w: &str, prefixed: bool) -> Option<i64> {
    const WORDS: &[(&str, &str)] = &[
        ("one", "first"),
        ("two", "second"),
        ("three", "third"),
        ("four", "fourth"),
        ("five", "fifth"),
        ("six", "sixth"),
        ("seven", "seventh"),
        ("eight", "eighth"),
        ("nine", "ninth"),
        ("ten", "tenth"),
    ];
    if w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    if let Some(i) = WORDS.iter().position(|(n, o)| *n == w || *o == w) {
        return Some(i as i64 + 1);
    }
    if prefixed {
        return roman(w);
    }
    None
}

/// A Roman numeral of I, V and X written the standard way ("iv", not
/// "iiii"), lower case: "ix" → 9, "xii" → 12 (out of range, and said so).
/// Other letters are no year: "Year C" is not 100.
fn roman(w: &str) -> Option<i64> {
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    const TENS: [&str; 4] = ["", "x", "xx", "xxx"];
    let tens = TENS.iter().rposition(|t| w.starts_with(t))?;
    let ones = ONES.iter().position(|o| *o == &w[TENS[tens].len()..])?;
    let n = (tens * 10 + ones) as i64;
    (n > 0).then_some(n)
}

/// "1" "st", "2" "nd", "3" "rd", "4" "th" (and 11th–13th).
fn is_ordinal_suffix(n: &str, suffix: &str) -> bool {
    let Ok(v) = n.parse::<u64>() else { return false };
    let want = match (v % 10, v % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix == want
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
        for (s, y) in [
            ("1", 1),
            ("2.0", 2),
            ("Year 1", 1),
            ("year1", 1),
            ("Y1", 1),
            ("Yr 1", 1),
            ("Yr. 2", 2),
            ("YEAR-3", 3),
            ("Year One", 1),
            ("Year Ten", 10),
            ("1st year", 1),
            ("2nd Year", 2),
            ("3rd yr", 3),
            ("4th", 4),
            ("First year", 1),
            ("third", 3),
            ("Phase 2", 2),
            ("Phase II", 2),
            ("Stage 3", 3),
            ("MS2", 2),
            ("M4", 4),
            ("Year IV", 4),
            ("Year IX", 9),
            ("Phase III", 3),
            ("Stage v", 5),
            ("Year 10", 10),
            ("Tenth year", 10),
            (" 5 ", 5),
        ] {
            assert_eq!(study_year(s), Ok(y), "{s}");
        }
    }

    #[test]
    fn anything_else_names_the_accepted_forms() {
        for s in
            ["eleven", "Semester 2", "2025/26", "1a", "Phase 2a", "II", "1th year", "3.5", "Year 1 Phase 2", "Level 4"]
        {
            let e = study_year(s).unwrap_err();
            assert!(e.contains("is not a year of study") && e.contains("\"Year Three\""), "{s}: {e}");
        }
        assert_eq!(study_year("7610").unwrap_err(), "year 7610 is out of range; expected a year of study from 1 to 10");
        assert_eq!(
            study_year("Year 12").unwrap_err(),
            "year \"Year 12\" is out of range; expected a year of study from 1 to 10"
        );
        assert!(study_year("0").is_err());
        // A letter for a year not yet known, never the Roman 10; other placeholders likewise refused.
        for s in ["Year X", "year x", "Phase X", "Y X", "Stage x"] {
            let e = study_year(s).unwrap_err();
            assert!(e.contains("is a placeholder") && e.contains("\"Year 10\""), "{s}: {e}");
        }
        for s in ["Year TBC", "Year ?", "Year", "TBC", "?", "Year C", "Year L", "Year IIII", "Year VX", "X", "Year 3?"]
        {
            let e = study_year(s).unwrap_err();
            assert!(e.contains("is not a year of study") && e.contains("\"Year III\""), "{s}: {e}");
        }
        // Roman numerals beyond the range are read, and refused as out of range.
        for s in ["Year XI", "Phase XII", "Year XX"] {
            let e = study_year(s).unwrap_err();
            assert!(e.contains("is out of range"), "{s}: {e}");
        }
        for s in ["-1", "Year -1", "Year -2", "Y −3", " -4"] {
            let e = study_year(s).unwrap_err();
            assert!(e.contains("is negative"), "{s}: {e}");
        }
        assert_eq!(study_year("Year-3"), Ok(3), "a hyphen between words is no minus sign");
    }

    #[test]
    fn list_markers_leave_outcomes() {
        for (with, without) in [
            ("• Critique race as a variable", "Critique race as a variable"),
            ("- Discuss Tuskegee", "Discuss Tuskegee"),
            ("* Explain trust", "Explain trust"),
            ("– Explain trust", "Explain trust"),
            ("1. Evaluate representativeness", "Evaluate representativeness"),
            ("12) Describe consent", "Describe consent"),
            ("(3) Describe consent", "Describe consent"),
            ("a) Appraise an RCT", "Appraise an RCT"),
            ("B. Appraise an RCT", "Appraise an RCT"),
            ("iv. Reflect on practice", "Reflect on practice"),
            ("1.2. Describe the cell", "Describe the cell"),
            ("1.2 Describe the cell", "Describe the cell"),
        ] {
            assert_eq!(strip_list_marker(with), (without, true), "{with}");
        }
        for plain in [
            "Describe the cell",
            "1.5 million people lack access",
            "e.g. describe",
            "-ve feedback loops",
            "A patient-centred approach",
            "I can describe",
            "•",
            "3D imaging of the heart",
        ] {
            assert_eq!(strip_list_marker(plain), (plain, false), "{plain}");
        }
    }

    #[test]
    fn keyword_cells_split_once_each() {
        assert_eq!(split_keywords("Racism; Eugenics\nracism;  "), ["Racism", "Eugenics"]);
    }

    #[test]
    fn aliases_name_one_field_except_where_the_order_decides() {
        let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for f in FIELDS {
            for a in std::iter::once(&f.name).chain(f.aliases) {
                if let Some(other) = seen.insert(header::norm(a), f.name)
                    && other != f.name
                {
                    assert_eq!(header::norm(a), "description", "{a:?} names both {other} and {}", f.name);
                }
            }
        }
    }

    fn mapped(headers: &[&str]) -> Vec<Option<&'static str>> {
        let h: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let m = header::map("f.csv:1:1", &h, FIELDS, &[]).unwrap();
        m.report.columns.iter().map(|c| c.field).collect()
    }

    #[test]
    fn what_faculty_exports_call_sessions_and_outcomes() {
        assert_eq!(
            mapped(&["Module Code", "Module", "Lecture Title", "Intended Learning Outcomes", "Year"]),
            [Some("module_code"), Some("module_title"), Some("session_title"), Some("learning_outcomes"), Some("year")]
        );
        assert_eq!(
            mapped(&["Code", "Module", "Teaching Activity", "ILOs"])[2..],
            [Some("session_title"), Some("learning_outcomes")]
        );
        assert_eq!(
            mapped(&["Code", "Module", "Topic", "Session Objectives"])[2..],
            [Some("session_title"), Some("learning_outcomes")]
        );
        // "Description": the session when nothing else names it, else its outcomes, else not read.
        assert_eq!(mapped(&["Code", "Module", "Description"])[2], Some("session_title"));
        assert_eq!(mapped(&["Code", "Module", "Lecture", "Description"])[3], Some("learning_outcomes"));
        assert_eq!(mapped(&["Code", "Module", "Lecture", "Objectives", "Description"])[4], None);
        // The preferred name wins whatever the column order.
        assert_eq!(mapped(&["Code", "Module", "Topic", "Session Title"])[2..], [None, Some("session_title")]);
    }
}
