//! Matching a file's header row to canon's fields: case, spaces and
//! punctuation ignored, common aliases accepted, `--map` for the rest; and
//! the account of every column that the user sees ([`HeaderReport`]).
//!
//! Built from a plain list of header strings, so every reader with columns
//! (CSV, Zotero and Talis exports, workbooks) matches and reports alike.

use anyhow::{Result, bail};
use serde::Serialize;

/// A field canon reads, with the header names it is known by. Aliases are
/// tried in order: when two columns could fill one field, the one named by
/// the earlier alias wins and the other is reported as not read.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// The normalised form headers are compared in: letters and digits only, lower case.
pub fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A header with its bracketed asides removed, normalised:
/// "Intended Learning Outcomes (ILOs)" → "intendedlearningoutcomes".
fn norm_unbracketed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// The field one header names read alone, as [`map`] would match it: by
/// `--map` (`maps`, normalised), by the field's name or an alias, ignoring
/// case, spaces, punctuation and bracketed asides. Used to tell whether a
/// sub-header under a group label ("Title" under "Session") names its
/// column alone or only with the label.
pub fn field_for(header: &str, fields: &'static [Field], maps: &[(String, usize)]) -> Option<&'static str> {
    let keys = [norm(header), norm_unbracketed(header)];
    if let Some((_, f)) = maps.iter().find(|(h, _)| *h == keys[0]) {
        return fields.get(*f).map(|f| f.name);
    }
    fields
        .iter()
        .find(|f| keys.iter().any(|k| !k.is_empty() && (norm(f.name) == *k || f.aliases.iter().any(|a| norm(a) == *k))))
        .map(|f| f.name)
}

/// How a column came to be read as a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Matched {
    /// The header is the field's own name.
    Name,
    /// The header is one of the field's aliases.
    Alias,
    /// `--map` named it.
    Map,
    /// Read when the field's main column is empty, or as a further source
    /// for it (a second ISBN column).
    Fallback,
}

/// One column of the file and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnRead {
    /// 1-based, as spreadsheets and error messages count.
    pub column: usize,
    /// The header as written (trimmed).
    pub header: String,
    /// The field it is read as; `None` when it is not read.
    pub field: Option<&'static str>,
    pub matched: Option<Matched>,
    /// Why a column is not read.
    pub reason: Option<String>,
    /// For a column not read: the `--map` option that would read it.
    pub suggestion: Option<String>,
    /// For a column not read whose header names no field: the empty fields
    /// a column of free text can fill, best match first (see [`free_text_fields`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<&'static str>,
}

/// How a file's header was read: every column, read or not, and the fields
/// no column fills. A plain, serialisable struct: the command line prints
/// it, the web workspace shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeaderReport {
    pub columns: Vec<ColumnRead>,
    /// Fields that no column fills (left as stored on re-import).
    pub unfilled: Vec<&'static str>,
    /// Whether the format takes `--map` (so unread columns can be named).
    pub accepts_map: bool,
    /// For a workbook sheet: the sheet column (0-based) of the header's first
    /// cell, so that columns are named by their letters (C, D…) as the
    /// spreadsheet shows them. `None` for a text file (columns by number).
    pub sheet_column: Option<u32>,
    /// For a text file whose header is not its first line: where it was
    /// found, and what the lines above it held (not read).
    pub above: Option<Above>,
    /// Fields without a column that every row takes from elsewhere, in
    /// words ("every row goes to programme \"X\" (--programme)"): these are
    /// not "left as stored".
    pub defaults: Vec<(&'static str, String)>,
    /// For a workbook sheet: what the title rows above the header hold, not
    /// read (`A1 "Curriculum map 2025/26"`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheet_above: Vec<String>,
}

/// Where a text file's header row was found when lines above it are not
/// read: Excel's `sep=X` line, title rows (the same rule as a workbook
/// sheet's header: see [`locate`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Above {
    /// The 1-based physical line the header was read from.
    pub line: u64,
    /// The delimiter an Excel `sep=X` first line named.
    pub sep: Option<char>,
    /// The rows above the header that are not read (title rows), as text,
    /// shortened; the `sep=` line is not among them.
    pub rows: Vec<String>,
}

impl Above {
    /// "header read from line 3; above it, Excel's \"sep=;\" line and 1 title row, not read: \"Module list\""
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.sep {
            let shown = if d == '\t' { "\\t".to_string() } else { d.to_string() };
            parts.push(format!("Excel's \"sep={shown}\" line (the delimiter)"));
        }
        if !self.rows.is_empty() {
            let n = self.rows.len();
            let shown: Vec<String> = self.rows.iter().take(3).map(|r| format!("{r:?}")).collect();
            let more = if n > 3 { ", …" } else { "" };
            parts.push(format!("{n} title row{} ({}{more})", if n == 1 { "" } else { "s" }, shown.join(", ")));
        }
        format!("header read from line {}; above it, not read: {}", self.line, parts.join(" and "))
    }
}

/// Where the header row of a delimited text is: the first record, among the
/// first [`super::workbook::HEADER_SEARCH_ROWS`], that [`map`] matches to
/// `fields` (every required field named) — the rule a workbook sheet's
/// header is found by, so title rows above a header are passed over alike.
/// An Excel `sep=X` first line fixes the delimiter and is passed over too.
/// When no record matches with the sniffed delimiter, the others (`,` `;`
/// tab `|`) are tried (a title line above the header can mislead the
/// sniffing). When none matches at all, the first record with text is the
/// header, so the error lists what the file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub delimiter: u8,
    /// Records before the header (a `sep=` line, title rows), not read.
    pub skip: usize,
    /// Whether the first of them is Excel's `sep=X` line.
    pub sep: bool,
}

/// Finds the header in `head` (the decoded start of the file); see [`Located`].
pub fn locate(head: &str, sniffed: u8, fields: &'static [Field], maps: &[(String, usize)]) -> Located {
    let sep = super::source::sep_line(head);
    let mut candidates = vec![sep.unwrap_or(sniffed)];
    if sep.is_none() {
        candidates.extend([b',', b';', b'\t', b'|'].into_iter().filter(|d| *d != sniffed));
    }
    let records = |d: u8| {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true).delimiter(d);
        b.from_reader(head.as_bytes())
            .into_records()
            .take(super::workbook::HEADER_SEARCH_ROWS as usize)
            .map_while(Result::ok)
            .enumerate()
            .skip(usize::from(sep.is_some()))
    };
    if fields.iter().any(|f| f.required) {
        for &d in &candidates {
            for (i, r) in records(d) {
                let cells: Vec<String> = r.iter().map(String::from).collect();
                if map("", &cells, fields, maps).is_ok() {
                    return Located { delimiter: d, skip: i, sep: sep.is_some() };
                }
                // A title row holds a title and perhaps a date: a row of
                // three or more filled cells is a header or data, so a row
                // under it that happens to hold "title" is no header (tester
                // r22, F11: canon's own report CSV was read from its second
                // line, and 22 junk readings were added).
                if r.iter().filter(|c| !c.trim().is_empty()).count() >= 3 {
                    break;
                }
            }
        }
    }
    let d = candidates[0];
    let first_text =
        records(d).find(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).map_or(usize::from(sep.is_some()), |(i, _)| i);
    Located { delimiter: d, skip: first_text, sep: sep.is_some() }
}

/// Which column (0-based) holds each field, by field order; `None` if
/// absent. With the report of every column.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub columns: Vec<Option<usize>>,
    pub report: HeaderReport,
    fields: &'static [Field],
    /// Whether a header may name a field by canon's own name (not in another program's export).
    by_name: bool,
}

impl Mapping {
    /// The cell of `field` in `record` ("" when the file has no such column).
    pub fn get<'r>(&self, field: usize, record: &'r csv::StringRecord) -> &'r str {
        self.columns[field].and_then(|c| record.get(c)).unwrap_or("")
    }

    /// The 1-based column of a field (0 when the file has none).
    pub fn column(&self, field: usize) -> u64 {
        self.columns[field].map_or(0, |c| c as u64 + 1)
    }

    /// Whether the file has a column for `field`.
    pub fn has(&self, field: usize) -> bool {
        self.columns[field].is_some()
    }

    /// Says precisely why columns the format defines are not read: for each
    /// unread column whose header is a `known` name, its reason (what the
    /// column holds and that canon has no field for it) replaces "no field
    /// has that name", and no `--map` into an unrelated field is offered.
    /// Call it after the last [`Mapping::fallbacks`].
    pub fn known_unread(&mut self, known: &[(&str, &str)]) {
        for c in self.report.columns.iter_mut().filter(|c| c.field.is_none()) {
            if let Some((_, why)) = known.iter().find(|(h, _)| norm(h) == norm(&c.header)) {
                c.reason = Some(why.to_string());
                c.suggestion = None;
                c.candidates = Vec::new();
            }
        }
    }

    /// The 0-based columns that are not read, in order.
    pub fn ignored(&self) -> Vec<usize> {
        self.report.columns.iter().filter(|c| c.field.is_none()).map(|c| c.column - 1).collect()
    }

    /// The same mapping for a header found in a workbook sheet, whose first
    /// cell is in sheet column `first_column` (0-based): the report names
    /// columns by their letters.
    pub fn in_sheet(mut self, first_column: u32) -> Mapping {
        self.report.sheet_column = Some(first_column);
        self.explain_ignored();
        self
    }

    /// Reads a column, not yet read, whose header is one of `names`, as a
    /// field the format has beside the mapping's own (`shown`: Zotero's
    /// "Editor" column is read as `editors`), reported under that name.
    /// Returns their 0-based columns, best first.
    pub fn read_as(&mut self, names: &[&str], shown: &'static str) -> Vec<usize> {
        let mut found = Vec::new();
        for n in names {
            let n = norm(n);
            for c in &mut self.report.columns {
                if c.field.is_none() && norm(&c.header) == n {
                    c.field = Some(shown);
                    c.matched = Some(Matched::Name);
                    c.reason = None;
                    found.push(c.column - 1);
                }
            }
        }
        self.explain_ignored();
        found
    }

    /// Reads further columns, not yet read, whose header is one of `names`
    /// (in that order of preference), as `field`: a fallback when its main
    /// column is empty, or a further source (a second ISBN column). Returns
    /// their 0-based columns, best first.
    pub fn fallbacks(&mut self, field: usize, names: &[&str]) -> Vec<usize> {
        let mut found = Vec::new();
        for n in names {
            let n = norm(n);
            for c in &mut self.report.columns {
                if c.field.is_none() && norm(&c.header) == n {
                    c.field = Some(self.fields[field].name);
                    c.matched = Some(Matched::Fallback);
                    c.reason = None;
                    found.push(c.column - 1);
                }
            }
        }
        if !found.is_empty() {
            self.report.unfilled.retain(|f| *f != self.fields[field].name);
        }
        self.explain_ignored();
        found
    }

    /// Fills in why each unread column is not read, and the `--map` that would read it.
    fn explain_ignored(&mut self) {
        let (report, fields, by_name) = (&mut self.report, self.fields, self.by_name);
        let sheet_column = report.sheet_column;
        let read: Vec<(&'static str, String, String)> = report
            .columns
            .iter()
            .filter_map(|c| c.field.map(|f| (f, column_name(sheet_column, c.column), c.header.clone())))
            .collect();
        let mut candidates: std::collections::HashMap<String, Vec<&'static str>> = std::collections::HashMap::new();
        // A header two columns share is no name for one of them: `--map`
        // names such a column by its number (tester r28, F9: the hint's
        // `--map 'module_title=lead'` mapped the other column).
        let shared: std::collections::HashSet<String> = {
            let mut seen = std::collections::HashSet::new();
            report
                .columns
                .iter()
                .map(|c| norm(&c.header))
                .filter(|h| !h.is_empty() && !seen.insert(h.clone()))
                .collect()
        };
        for c in report.columns.iter_mut().filter(|c| c.field.is_none()) {
            // The column canon adds to a rejects file: its own reasons, not
            // data (tester r16 S11, r17 F12: a --map into a field was offered).
            if norm(&c.header) == norm(super::rejects::REASON_COLUMN) {
                c.reason = Some(
                    "the reasons canon gave when it left this row out (a --rejects file); not data, not read"
                        .to_string(),
                );
                c.suggestion = None;
                c.candidates = Vec::new();
                continue;
            }
            let (why, repeated) = reason(c, fields, by_name, &read);
            c.reason = Some(why);
            // A header that names a field another column fills (a second
            // "Title", two lists side by side): no other field is offered,
            // as its values are of the field it names (tester r67 F9: a
            // second "Title" was offered `container`, a second "Year" the
            // publication state).
            if repeated {
                c.suggestion = None;
                c.candidates = Vec::new();
                continue;
            }
            c.suggestion = if report.accepts_map && !c.header.trim().is_empty() {
                let key = if shared.contains(&norm(&c.header)) { c.column.to_string() } else { c.header.clone() };
                suggest_field(&c.header, &report.unfilled, fields).map(|f| map_option(&key, f))
            } else {
                None
            };
            c.candidates = if report.accepts_map && c.suggestion.is_none() {
                // Worked out once per header: a sheet may have thousands of
                // columns without one (a fuzzed workbook took seconds).
                candidates
                    .entry(c.header.clone())
                    .or_insert_with(|| free_text_fields(&c.header, &report.unfilled, fields))
                    .clone()
            } else {
                Vec::new()
            };
        }
    }
}

/// Fields a column of free text can fill: names, titles, notes, outcomes.
/// Every other field takes a fixed set or form (an ID, a status, a kind or
/// type, a year, a DOI, a language code, yes/no, a number, a change number
/// of canon's own export) and is offered only to a column whose header
/// names it.
const FREE_TEXT: &[&str] = &[
    // Reading lists.
    "notes",
    "annotation",
    "perspective",
    "title",
    "authors",
    "container",
    "publisher",
    "place",
    "editors",
    "translators",
    "series",
    "genre",
    "credit",
    "licence",
    // Module lists.
    "learning_outcomes",
    "session_title",
    "module_title",
    "lead",
    "keywords",
    "programme",
];

/// Fields only canon's own export fills: never offered for another column.
const INTERNAL: &[&str] = &["id", "changed"];

/// Words (or the start of words) that a header for a free-text field often
/// uses without naming the field or one of its aliases: "Staff" or "Tutor"
/// is the session's lead, "What students will learn" its outcomes. Used
/// only to rank the fields offered for a column no field's name matched.
const RELATED: &[(&str, &[&str])] = &[
    (
        "lead",
        &[
            "staff",
            "tutor",
            "lecturer",
            "teacher",
            "teaching staff",
            "faculty",
            "instructor",
            "coordinator",
            "organiser",
            "organizer",
            "leader",
            "owner",
            "contact",
            "responsible",
            "academic",
            "clinician",
            "facilitator",
            "speaker",
            "presenter",
            "educator",
            "professor",
            "supervisor",
        ],
    ),
    ("learning_outcomes", &["learn", "outcome", "objective", "aim", "goal", "competenc", "ilo", "student", "intended"]),
    ("keywords", &["tag", "keyword", "topic", "subject", "term", "concept"]),
    ("programme", &["program", "course", "degree", "curricul", "pathway"]),
    ("session_title", &["lecture", "activity", "class", "seminar", "tutorial", "workshop", "teaching", "event"]),
    ("module_title", &["unit", "block", "course"]),
    ("notes", &["comment", "remark", "note", "observation", "feedback"]),
    ("annotation", &["summary", "abstract", "description", "why", "rationale", "relevance"]),
    ("perspective", &["viewpoint", "lens", "angle", "standpoint"]),
    ("authors", &["writer", "creator", "author", "contributor"]),
    ("container", &["journal", "source", "publication", "periodical", "book", "series", "magazine"]),
    ("publisher", &["press", "imprint"]),
    ("place", &["city", "location"]),
];

/// Whether a header's `words` use a word [`RELATED`] to `field`.
fn related(theirs: &[String], field: &str) -> bool {
    RELATED
        .iter()
        .filter(|(f, _)| *f == field)
        .flat_map(|(_, ws)| ws.iter())
        .any(|r| theirs.iter().any(|w| w == r || (r.len() >= 4 && w.starts_with(r))) || theirs.join(" ").contains(r))
}

/// The empty fields a column of free text headed `header` can fill, best
/// match first: by words shared with the field's name and aliases, then by
/// a close spelling (Dice's coefficient on letter pairs of the normalised
/// forms, from 0.7), then by a word of related meaning ([`RELATED`]:
/// "Staff" for lead), then in [`FREE_TEXT`] order. A field a column already
/// fills is never among them.
fn free_text_fields(header: &str, unfilled: &[&'static str], fields: &[Field]) -> Vec<&'static str> {
    // A header naming an identifier ("PMCID", "arXiv ID", "ISSN", "ORCID")
    // holds no names, titles or places: only the notes are offered (tester
    // r100 F5: "PMCID" was offered editors, publisher, place…).
    const IDENTIFIERS: &[&str] =
        &["identifier", "pmcid", "pmc", "pmid", "arxiv", "eprint", "doi", "isbn", "issn", "orcid", "nihmsid", "nihm"];
    if words(header).iter().any(|w| IDENTIFIERS.contains(&w.as_str())) {
        return ["notes"].into_iter().filter(|f| unfilled.contains(f) && fields.iter().any(|x| x.name == *f)).collect();
    }
    let theirs = key_words(header);
    let h = norm(header);
    // (words shared, close spelling, related meaning, list order, field)
    type Rank = ((usize, u32), u32, bool, usize, &'static str);
    let mut ranked: Vec<Rank> = FREE_TEXT
        .iter()
        .enumerate()
        .filter(|(_, f)| unfilled.contains(f))
        .filter_map(|(order, name)| {
            let f = fields.iter().find(|f| f.name == *name)?;
            let names = std::iter::once(f.name).chain(f.aliases.iter().copied());
            let shared = word_match(&theirs, f);
            // Only a close spelling counts ("Athors" for authors; "Hours" is not "Course"),
            // per mille so that ranks compare as integers.
            let close = names.map(|n| dice(&h, &norm(n))).filter(|d| *d >= 0.7).map(|d| (d * 1000.0) as u32).max();
            Some((shared, close.unwrap_or(0), related(&theirs, f.name), order, f.name))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
    ranked.into_iter().map(|r| r.4).collect()
}

/// Dice's coefficient of two strings' letter pairs: 1 for the same pairs, 0 for none shared.
fn dice(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let total = (pa.len() + pb.len()) as f64;
    let mut shared = 0usize;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total
}

/// A header's words, lower case, singular (a trailing "s" dropped from a
/// word of four letters or more: "Comments" is "comment"), without words
/// too common in headers to tell fields apart ("Item Link" is not an "Item
/// Type"; "Comments from panel" is no "translated from").
/// A header's [`words`] without those that qualify what it names but do
/// not name it: a header sharing only these with a field ("Citation count"
/// and `page_count`, "Access Date" and `open_access`, "Publication date"
/// and the container's alias "publication") is not a name for that field.
fn key_words(header: &str) -> Vec<String> {
    const QUALIFIERS: &[&str] = &[
        "date",
        "count",
        "number",
        "no",
        "num",
        "name",
        "type",
        "access",
        "publication",
        "open",
        "full",
        "id",
        "code",
        "total",
        "list",
        "added",
        "modified",
        "short",
        // "Read?" (the student's tick) is no open access ("free to read")
        // and no annotation ("why read it"; tester r74 F2).
        "read",
    ];
    words(header).into_iter().filter(|w| !QUALIFIERS.contains(&w.as_str())).collect()
}

fn words(s: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "of", "the", "for", "this", "a", "an", "and", "or", "in", "to", "by", "per", "on", "at", "from", "with",
        "item", "it", "is",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(one) if one.chars().count() >= 3 && !one.ends_with('s') => one.to_string(),
            _ => w,
        })
        .collect()
}

/// Why column `c` is not read, and whether its header names a field
/// another column fills (a repeated header).
fn reason(c: &ColumnRead, fields: &[Field], by_name: bool, read: &[(&'static str, String, String)]) -> (String, bool) {
    if c.header.trim().is_empty() {
        return ("it has no header".into(), false);
    }
    let (n, u) = (norm(&c.header), norm_unbracketed(&c.header));
    let same = fields.iter().find(|f| {
        by_name
            .then_some(f.name)
            .into_iter()
            .chain(f.aliases.iter().copied())
            .any(|a| norm(a) == n || (!u.is_empty() && norm(a) == u))
    });
    match same.and_then(|f| read.iter().find(|(name, _, _)| *name == f.name)) {
        Some((name, col, header)) => (
            format!(
                "it is also a name for {name}, which is read from column {col} {header:?} (a field is read from \
                 one column only)"
            ),
            true,
        ),
        None => ("no field has that name".into(), false),
    }
}

/// A column as messages name it: its 1-based number in a text file, its
/// letters in a workbook sheet whose header starts at `sheet_column`.
fn column_name(sheet_column: Option<u32>, column: usize) -> String {
    match sheet_column {
        Some(first) => super::column_letters(u64::from(first) + column as u64 - 1),
        None => column.to_string(),
    }
}

/// `--map 'Their Header=field'`, quoted for a POSIX shell.
pub fn map_option(header: &str, field: &str) -> String {
    format!("--map '{}={field}'", header.trim().replace('\'', "'\\''"))
}

/// The unfilled field a header most likely names: the one sharing the most
/// words with it (its name or an alias). `None` when no word is shared.
fn suggest_field(header: &str, unfilled: &[&'static str], fields: &[Field]) -> Option<&'static str> {
    // Words that make a header about something people have, not the people:
    // "author_gender" is no list of authors.
    const ABOUT_PEOPLE: &[&str] = &[
        "gender",
        "sex",
        "race",
        "ethnicity",
        "ethnic",
        "nationality",
        "country",
        "affiliation",
        "orcid",
        "email",
        "identity",
        "region",
        "origin",
        "south",
        "north",
        "location",
        "institution",
    ];
    let theirs = key_words(header);
    let about_people = theirs.iter().any(|w| ABOUT_PEOPLE.contains(&w.as_str()));
    // "Cited by", "Times cited": a count of citing works, never the date a
    // work was consulted ("cited" names `accessed`; tester r17, F22).
    let lower = header.to_lowercase();
    if lower.contains("cited by") || lower.contains("times cited") || lower.contains("citation count") {
        return None;
    }
    let mut best: Option<((usize, u32), &'static str)> = None;
    for f in fields
        .iter()
        .filter(|f| unfilled.contains(&f.name) && !INTERNAL.contains(&f.name))
        .filter(|f| !(about_people && matches!(f.name, "authors" | "editors" | "translators" | "by")))
        .filter(|f| same_kind(header, f))
    {
        let score = word_match(&theirs, f);
        if score.0 > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, f.name));
        }
    }
    best.map(|(_, f)| f).or_else(|| names_a_type(header, unfilled, fields).then_some("type"))
}

/// Whether field `f` can be what a header names by its kind: a header
/// whose head word names a title ("Translated Title") or a language
/// ("Language of Translation", "Title Language") is only ever a field
/// that one of its names heads with the same word ([`head_kind`]:
/// `container`'s "journal title", not `original_title`'s "title in
/// original language" for a language); and a header about a translation
/// is only ever a field about the work's original (tester r80 F9:
/// "Translated Title" was offered as `original_language`, by the alias
/// "translated from", then as `container`, by "journal title").
fn same_kind(header: &str, f: &Field) -> bool {
    let own = f.name.replace('_', " ");
    let names = || std::iter::once(own.as_str()).chain(f.aliases.iter().copied());
    if let Some(kind) = head_kind(header)
        && !names().any(|n| head_kind(n) == Some(kind))
    {
        return false;
    }
    // A header about a translation ("Translated Title", "Translation
    // Language") names one of the fields about the work's original: the
    // original title or language, its translators, whether it is one.
    let translation = |w: &String| w.starts_with("transl") || w == "trans";
    let about_original = |w: &String| translation(w) || w == "original";
    !words(header).iter().any(translation) || names().flat_map(words).any(|w| about_original(&w))
}

/// The kind a header (or a field's name) names by its head word, "title"
/// or "language": the last of them before "of" or "in" ("Title Language"
/// is a language, "Language of Title" too, "Title in Original Language" a
/// title), else the last of them.
fn head_kind(s: &str) -> Option<&'static str> {
    const KINDS: &[&str] = &["title", "language"];
    let raw: Vec<String> =
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let kind = |ws: &[String]| ws.iter().rev().find_map(|w| KINDS.iter().copied().find(|k| k == w));
    let head_part = raw.iter().position(|w| w == "of" || w == "in").map_or(&raw[..], |i| &raw[..i]);
    kind(head_part).or_else(|| kind(&raw))
}

/// Whether a header names the type of the work ("Type of Item", "Material
/// Type", "Publication Type", "Kind"), for the `type` field still unfilled:
/// "type" is a qualifier to [`key_words`], so no field's name matched it
/// (tester r65 F13: the hint offered container, editors, keywords).
fn names_a_type(header: &str, unfilled: &[&'static str], fields: &[Field]) -> bool {
    const TYPE: &[&str] = &["type", "types", "kind"];
    const OF_WHAT: &[&str] = &[
        "item",
        "resource",
        "document",
        "publication",
        "material",
        "work",
        "citation",
        "reference",
        "record",
        "entry",
        "reading",
        "source",
        "media",
    ];
    let ws = words(header);
    unfilled.contains(&"type")
        && fields.iter().any(|f| f.name == "type")
        && ws.iter().any(|w| TYPE.contains(&w.as_str()))
        && ws.iter().all(|w| TYPE.contains(&w.as_str()) || OF_WHAT.contains(&w.as_str()))
}

/// How well a header's words name a field: the most words shared with one
/// of its names (the field's own or an alias), then how much of that name
/// they cover (per mille): "Session Lead" names `lead` (all of it) better
/// than `learning_outcomes` ("session" of "session learning outcomes").
fn word_match(theirs: &[String], f: &Field) -> (usize, u32) {
    let own = f.name.replace('_', " ");
    std::iter::once(own.as_str())
        .chain(f.aliases.iter().copied())
        .map(|name| {
            let ours = words(name);
            let shared = ours.iter().filter(|w| theirs.contains(w)).count();
            (shared, if ours.is_empty() { 0 } else { (shared * 1000 / ours.len()) as u32 })
        })
        .max()
        .unwrap_or((0, 0))
}

/// Parses `--map 'Their Header=field'` options.
pub fn parse_maps(maps: &[String], fields: &[Field]) -> Result<Vec<(String, usize)>> {
    let mut out = Vec::new();
    for m in maps {
        let Some((theirs, ours)) = m.rsplit_once('=') else {
            bail!("--map {m:?} is not of the form 'Their Header=field'");
        };
        let Some(i) = fields.iter().position(|f| norm(f.name) == norm(ours)) else {
            let names: Vec<_> = fields.iter().map(|f| f.name).collect();
            bail!("--map {m:?}: unknown field {ours:?}; expected one of {}", names.join(", "));
        };
        out.push((norm(theirs), i));
    }
    Ok(out)
}

/// Matches `headers` to `fields`. `--map` entries win over aliases; then
/// each field takes the first column named by its name or an alias (in the
/// alias order), then one whose header names it once bracketed asides are
/// dropped. A missing required field is an error listing the headers
/// found, with a `--map` hint. `at` is where the header row is, as messages
/// start: `file.csv:1:1`, `file.xlsx:Sheet1!A3`.
pub fn map(at: &str, headers: &[String], fields: &'static [Field], maps: &[(String, usize)]) -> Result<Mapping> {
    map_inner(at, headers, fields, maps, true, true)
}

/// [`map`] for another program's export (Zotero, Talis): a field is found by
/// its aliases only, which are that program's names for it, never by canon's
/// own field name (Zotero's "Type" column is not its item type).
pub fn map_export(
    file: &str,
    headers: &[String],
    fields: &'static [Field],
    maps: &[(String, usize)],
) -> Result<Mapping> {
    map_inner(&format!("{file}:1:1"), headers, fields, maps, true, false)
}

/// [`map_export`] for a format that takes no `--map` (nothing is suggested).
pub fn map_fixed(file: &str, headers: &[String], fields: &'static [Field]) -> Result<Mapping> {
    map_inner(&format!("{file}:1:1"), headers, fields, &[], false, false)
}

fn map_inner(
    at: &str,
    headers: &[String],
    fields: &'static [Field],
    maps: &[(String, usize)],
    mappable: bool,
    by_name: bool,
) -> Result<Mapping> {
    let mut columns = vec![None; fields.len()];
    let mut how = vec![None; headers.len()];
    let normed: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    for (theirs, field) in maps {
        // A header, else a column number (`--map '9=notes'` for a column without a header).
        let by_number = || theirs.parse::<usize>().ok().filter(|n| (1..=headers.len()).contains(n)).map(|n| n - 1);
        // A header two columns have names neither: refused, with their numbers.
        let sharing: Vec<usize> = normed.iter().enumerate().filter(|(_, h)| *h == theirs).map(|(i, _)| i + 1).collect();
        if sharing.len() > 1 {
            let numbers: Vec<String> = sharing.iter().map(usize::to_string).collect();
            let (last, rest) = numbers.split_last().expect("two or more");
            bail!(
                "{at}: --map names the header {:?}, which columns {} and {last} have alike; name the column by its \
                 number instead, e.g. --map '{last}={}'",
                headers[sharing[0] - 1].trim(),
                rest.join(", "),
                fields[*field].name
            );
        }
        match normed.iter().position(|h| h == theirs).or_else(by_number) {
            Some(c) => {
                columns[*field] = Some(c);
                how[c] = Some(Matched::Map);
            }
            None => bail!(
                "{at}: --map names a header {theirs:?} that is not in the file (nor a column number from 1 to {}); \
                 headers found: {}",
                headers.len(),
                quoted(headers)
            ),
        }
    }
    let unbracketed: Vec<String> = headers.iter().map(|h| norm_unbracketed(h)).collect();
    for keys in [&normed, &unbracketed] {
        for (i, f) in fields.iter().enumerate() {
            if columns[i].is_some() {
                continue;
            }
            let taken = |c: usize| how[c].is_some();
            let names = by_name.then_some(f.name).into_iter().chain(f.aliases.iter().copied());
            let found = names.enumerate().find_map(|(k, a)| {
                let a = norm(a);
                keys.iter().enumerate().position(|(c, h)| *h == a && !h.is_empty() && !taken(c)).map(|c| (k, c))
            });
            if let Some((k, c)) = found {
                columns[i] = Some(c);
                how[c] = Some(if k == 0 && by_name { Matched::Name } else { Matched::Alias });
            }
        }
    }
    let missing: Vec<&Field> =
        fields.iter().zip(&columns).filter(|(f, c)| f.required && c.is_none()).map(|(f, _)| f).collect();
    if !missing.is_empty() {
        let names: Vec<_> = missing.iter().map(|f| f.name).collect();
        let example = suggest(headers, &columns, missing[0].name);
        // One header holding several names joined by a character canon
        // does not split columns at ("city:region:country", "a|b|c"): the
        // file's columns are separated by it, and mapping the whole line
        // to a field is no help (tester r42 #9: `--map
        // 'city:region:country:population=title'` was suggested).
        let separator = match headers {
            [h] => [':', '|', '^', '~', '#', '!']
                .into_iter()
                .find(|c| h.split(*c).filter(|p| !p.trim().is_empty()).count() >= 2),
            _ => None,
        };
        let hint = if let Some(c) = separator {
            format!(
                "\nhint: the file seems to separate its columns with {c:?}, which canon does not read; save it \
                 with commas, semicolons or tabs between the columns (a spreadsheet's \"CSV\" or \"Text (Tab \
                 delimited)\")"
            )
        } else if mappable && !example.chars().any(|c| c.is_control() || c == '\'') {
            format!("\nhint: name the column with --map, e.g. --map '{}={}'", example, names[0])
        } else if mappable {
            // A header with control characters or a quote cannot be typed
            // in the suggested command: the column's number can.
            let n = headers.iter().position(|h| suggest(std::slice::from_ref(h), &[], names[0]) == example);
            n.map(|n| format!("\nhint: name the column with --map by its number, e.g. --map '{}={}'", n + 1, names[0]))
                .unwrap_or_default()
        } else {
            String::new()
        };
        bail!("{at}: no column for {} (required); headers found: {}{hint}", names.join(", "), quoted(headers));
    }
    let field_of = |c: usize| columns.iter().position(|x| *x == Some(c)).map(|i| fields[i].name);
    let report = HeaderReport {
        columns: headers
            .iter()
            .enumerate()
            .map(|(c, h)| ColumnRead {
                column: c + 1,
                header: h.trim().to_string(),
                field: field_of(c),
                matched: how[c],
                reason: None,
                suggestion: None,
                candidates: Vec::new(),
            })
            .collect(),
        unfilled: fields.iter().zip(&columns).filter(|(_, c)| c.is_none()).map(|(f, _)| f.name).collect(),
        accepts_map: mappable,
        sheet_column: None,
        above: None,
        defaults: Vec::new(),
        sheet_above: Vec::new(),
    };
    let mut m = Mapping { columns, report, fields, by_name };
    m.explain_ignored();
    Ok(m)
}

/// The header most likely meant for `field`: an unused one sharing a word
/// with it ("title" for module_title, "…_id" or "code" for module_code).
fn suggest(headers: &[String], columns: &[Option<usize>], field: &str) -> String {
    let words: Vec<&str> = field.split('_').chain(if field.ends_with("code") { Some("id") } else { None }).collect();
    let unused = headers.iter().enumerate().filter(|(c, h)| !columns.contains(&Some(*c)) && !h.trim().is_empty());
    let clean = |h: &str| h.trim().trim_matches(['`', '"', '\'']).to_string();
    let mut first = None;
    for (_, h) in unused {
        let n = norm(h);
        if words.iter().any(|w| *w != "module" && n.contains(w)) {
            return clean(h);
        }
        first.get_or_insert_with(|| clean(h));
    }
    first.unwrap_or_else(|| "Their Header".into())
}

fn quoted(headers: &[String]) -> String {
    headers.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", ")
}

impl HeaderReport {
    /// One line: `"Module Code" → module_code, "ILOs" → learning_outcomes, …`
    /// (a fallback column says so).
    pub fn read_line(&self) -> String {
        let read: Vec<String> = self
            .columns
            .iter()
            .filter_map(|c| {
                let f = c.field?;
                let also = if c.matched == Some(Matched::Fallback) { " (also)" } else { "" };
                let letter = match self.sheet_column {
                    Some(_) => format!("{} ", self.column_name(c.column)),
                    None => String::new(),
                };
                Some(format!("{letter}{:?} → {f}{also}", c.header))
            })
            .collect();
        let read = if read.is_empty() { "no column is read".into() } else { read.join(", ") };
        if self.sheet_above.is_empty() {
            read
        } else {
            format!("{read}; above the header, not read: {}", self.sheet_above.join(", "))
        }
    }

    /// A column (1-based, counted from the header's first cell) as messages
    /// name it: `3` in a text file, `C` in a workbook sheet.
    pub fn column_name(&self, column: usize) -> String {
        column_name(self.sheet_column, column)
    }

    /// How to read a column that is not read: the `--map` that fills an
    /// empty field with it (or, when no field's name is near its header, the
    /// form of one and the fields still empty).
    pub fn fix(&self, c: &ColumnRead) -> Option<String> {
        // A column of free text is not an ID, a status, a kind or a yes/no.
        let free = &c.candidates;
        // A column without a header is named by its number (its letter in a sheet),
        // and so is one whose header another column has too.
        let shared = self.columns.iter().filter(|o| norm(&o.header) == norm(&c.header)).count() > 1;
        let name = if c.header.is_empty() {
            self.column_name(c.column)
        } else if shared {
            c.column.to_string()
        } else {
            c.header.clone()
        };
        match &c.suggestion {
            Some(s) => Some(format!("to read it, add {s}")),
            None if self.accepts_map && !free.is_empty() => {
                Some(format!("to read it, add {} with FIELD one of {}", map_option(&name, "FIELD"), free.join(", ")))
            }
            None => None,
        }
    }

    /// The warnings about columns not read. `filled` holds, per column, how
    /// many rows have text in it (`None` when unknown): columns that hold
    /// something get a warning each; columns empty in every row share one.
    pub fn warnings(&self, filled: Option<&[u64]>) -> Vec<String> {
        let mut out = Vec::new();
        let mut empty = Vec::new();
        for c in self.columns.iter().filter(|c| c.field.is_none()) {
            let n = filled.and_then(|f| f.get(c.column - 1)).copied();
            if n == Some(0) {
                empty.push(if c.header.is_empty() {
                    format!("column {}", self.column_name(c.column))
                } else {
                    format!("{:?}", c.header)
                });
                continue;
            }
            let name = if c.header.is_empty() {
                format!("column {} (no header)", self.column_name(c.column))
            } else {
                format!("column {} {:?}", self.column_name(c.column), c.header)
            };
            let held = match n {
                Some(n) => format!("; {n} row{} text there", if n == 1 { " holds" } else { "s hold" }),
                None => String::new(),
            };
            let why = c.reason.as_deref().unwrap_or("no field has that name");
            let fix = self.fix(c).map(|f| format!("; {f}")).unwrap_or_default();
            out.push(format!("{name} is not read: {why}{held}{fix}"));
        }
        if !empty.is_empty() {
            out.push(format!(
                "{} column{} not read (empty in every row): {}",
                empty.len(),
                if empty.len() == 1 { " is" } else { "s are" },
                empty.join(", ")
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: &[Field] = &[
        Field { name: "module_code", aliases: &["Module Code", "Code"], required: true },
        Field { name: "session_title", aliases: &["Session", "Lecture"], required: false },
        Field {
            name: "learning_outcomes",
            aliases: &["Learning Outcomes", "Intended Learning Outcomes"],
            required: false,
        },
        Field { name: "lead", aliases: &["module lead"], required: false },
    ];

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn aliases_ignore_case_and_punctuation() {
        let m = map("f.csv", &h(&["SESSION", " module-code "]), F, &[]).unwrap();
        assert_eq!(m.columns, vec![Some(1), Some(0), None, None]);
        assert_eq!(m.report.columns[1].matched, Some(Matched::Name));
        assert_eq!(m.report.columns[0].matched, Some(Matched::Alias));
        assert_eq!(m.report.unfilled, ["learning_outcomes", "lead"]);
        // Plain data for the web workspace.
        let json = serde_json::to_value(&m.report).unwrap();
        assert_eq!(json["columns"][0]["field"], "session_title");
        assert_eq!(json["columns"][0]["matched"], "alias");
        assert_eq!(json["accepts_map"], true);
    }

    #[test]
    fn map_wins_and_missing_is_explained() {
        let headers = h(&["`competency_id`", "title"]);
        let err = map("f.csv", &headers, F, &[]).unwrap_err().to_string();
        assert!(err.contains("no column for module_code"), "{err}");
        assert!(err.contains("--map"), "{err}");
        let maps = parse_maps(&["competency_id=module_code".into()], F).unwrap();
        let m = map("f.csv", &headers, F, &maps).unwrap();
        assert_eq!(m.columns[0], Some(0));
        assert_eq!(m.report.columns[0].matched, Some(Matched::Map));
        let err = map_fixed("f.csv", &headers, F).unwrap_err().to_string();
        assert!(!err.contains("--map"), "a format without --map suggests none: {err}");
    }

    #[test]
    fn bracketed_asides_are_dropped_only_when_nothing_matches_exactly() {
        let m = map("f.csv", &h(&["Code", "Intended Learning Outcomes (ILOs)", "Lecture [title]"]), F, &[]).unwrap();
        assert_eq!(m.columns, vec![Some(0), Some(2), Some(1), None]);
        // An exact name is preferred to a bracketed one, whatever the order.
        let m = map("f.csv", &h(&["Code", "Session (old)", "Session"]), F, &[]).unwrap();
        assert_eq!(m.columns[1], Some(2));
        assert_eq!(m.report.columns[1].field, None);
        assert!(m.report.columns[1].reason.as_deref().unwrap().contains("also a name for session_title"));
    }

    #[test]
    fn unread_columns_are_explained_with_the_map_that_reads_them() {
        let m =
            map("f.csv", &h(&["Code", "Session", "Lecture", "Outcomes for this session", "Room", ""]), F, &[]).unwrap();
        let r = &m.report;
        assert_eq!(r.columns[2].field, None);
        assert_eq!(
            r.columns[2].reason.as_deref(),
            Some(
                "it is also a name for session_title, which is read from column 2 \"Session\" (a field is read from one column only)"
            )
        );
        assert_eq!(r.columns[3].suggestion.as_deref(), Some("--map 'Outcomes for this session=learning_outcomes'"));
        assert_eq!(r.columns[4].suggestion, None, "Room shares no word with an unfilled field");
        assert_eq!(r.columns[5].reason.as_deref(), Some("it has no header"));
        let w = r.warnings(Some(&[3, 3, 3, 2, 0, 1]));
        assert_eq!(w.len(), 4, "{w:#?}");
        assert!(w[0].starts_with("column 3 \"Lecture\" is not read: it is also a name"), "{w:#?}");
        assert!(w[1].contains("2 rows hold text there; to read it, add --map"), "{w:#?}");
        assert!(w[2].starts_with("column 6 (no header) is not read"), "{w:#?}");
        assert_eq!(w[3], "1 column is not read (empty in every row): \"Room\"");
        assert_eq!(r.read_line(), "\"Code\" → module_code, \"Session\" → session_title");
    }

    #[test]
    fn a_free_text_column_is_offered_only_free_text_fields_best_first() {
        use crate::import::{modules, reading_csv};
        let headers = h(&["title", "notes", "Room", "Athors", "Comments from panel", "Session Lead", ""]);
        let m = map("r.csv", &headers, reading_csv::FIELDS, &[]).unwrap();
        let r = &m.report;
        let room = &r.columns[2];
        assert_eq!(room.suggestion, None);
        // Never a yes/no, a code, a number or canon's own columns; never a field another column fills.
        for f in &room.candidates {
            assert!(
                !["changed", "translated", "id", "global_south", "open_access", "language", "year", "volume"]
                    .contains(f),
                "{f} offered for free text"
            );
        }
        assert!(!room.candidates.contains(&"notes") && !room.candidates.contains(&"title"), "{:?}", room.candidates);
        assert_eq!(room.candidates.first(), Some(&"perspective"), "{:?}", room.candidates);
        assert_eq!(r.columns[3].candidates.first(), Some(&"authors"), "a close spelling comes first");
        let fix = r.fix(room).unwrap();
        assert!(fix.contains("with FIELD one of perspective, authors") && !fix.contains("changed"), "{fix}");
        // "from" is no word to match on ("translated from"); notes is filled, so nothing is offered by name.
        assert_eq!(r.columns[4].suggestion, None);
        assert!(r.columns[6].candidates.iter().all(|f| {
            [
                "perspective",
                "authors",
                "container",
                "publisher",
                "place",
                "editors",
                "translators",
                "series",
                "genre",
                "credit",
                "licence",
            ]
            .contains(f)
        }));
        let m = map("m.csv", &h(&["code", "module title", "Session", "Session Lead", "Hours"]), modules::FIELDS, &[])
            .unwrap();
        let r = &m.report;
        assert_eq!(r.columns[3].suggestion.as_deref(), Some("--map 'Session Lead=lead'"), "all of lead's name");
        assert_eq!(r.columns[4].candidates, ["learning_outcomes", "lead", "keywords", "programme"]);
        // A header of related meaning ranks its field first; an unrelated one keeps the list's order.
        for (header, first) in [
            ("Staff", "lead"),
            ("Tutor", "lead"),
            ("Lecturers", "lead"),
            ("Teaching staff", "lead"),
            ("What students will learn", "learning_outcomes"),
            ("Aims", "learning_outcomes"),
            ("Topics", "keywords"),
            ("Hours", "learning_outcomes"),
        ] {
            let m = map("m.csv", &h(&["code", "module title", "Session", header]), modules::FIELDS, &[]).unwrap();
            let c = &m.report.columns[3];
            assert_eq!((c.suggestion.as_deref(), c.candidates.first().copied()), (None, Some(first)), "{header}");
        }
        for (header, first) in [("Comments", "notes"), ("Magazine", "container"), ("Imprint", "publisher")] {
            let m = map("r.csv", &h(&["title", header]), reading_csv::FIELDS, &[]).unwrap();
            let c = &m.report.columns[1];
            let got = c.suggestion.clone().or_else(|| c.candidates.first().map(|f| f.to_string()));
            assert!(
                got.as_deref().is_some_and(|g| g.ends_with(first) || g.ends_with(&format!("={first}'"))),
                "{header}: {got:?}"
            );
        }
        // "Writers", "Who wrote it", "pp" are names for their fields now, read
        // without a --map (tester r74 F2: hinted as notes; pages left out).
        for (header, field) in [("Writers", "authors"), ("Who wrote it", "authors"), ("pp", "pages")] {
            let m = map("r.csv", &h(&["title", header]), reading_csv::FIELDS, &[]).unwrap();
            assert_eq!(m.report.columns[1].field, Some(field), "{header}");
        }
        // A yes/no tick "Read?" is offered no facet ("free to read").
        let m = map("r.csv", &h(&["title", "Read?"]), reading_csv::FIELDS, &[]).unwrap();
        assert_eq!(m.report.columns[1].suggestion, None);
        assert!(!m.report.columns[1].candidates.contains(&"open_access"));
        let m = map("r.csv", &h(&["title", "Comments from panel"]), reading_csv::FIELDS, &[]).unwrap();
        assert_eq!(m.report.columns[1].suggestion.as_deref(), Some("--map 'Comments from panel=notes'"));
    }

    #[test]
    fn fallbacks_are_read_and_reported() {
        let mut m = map_fixed(
            "z.csv",
            &h(&["Title", "Date", "Publication Year", "Type"]),
            &[
                Field { name: "title", aliases: &["Title"], required: true },
                Field { name: "year", aliases: &["Publication Year"], required: false },
                Field { name: "type", aliases: &["Item Type"], required: false },
            ],
        )
        .unwrap();
        assert_eq!(m.columns, vec![Some(0), Some(2), None], "an export's names only: its \"Type\" is not ours");
        assert_eq!(m.fallbacks(1, &["Date"]), vec![1]);
        assert_eq!(m.report.columns[1].matched, Some(Matched::Fallback));
        assert_eq!(m.ignored(), vec![3]);
        assert!(m.report.read_line().contains("\"Date\" → year (also)"));
    }

    #[test]
    fn a_sheet_names_its_columns_by_letter() {
        let m = map("f.xlsx:List!B3", &h(&["Code", "Session", "Lecture", "Room"]), F, &[]).unwrap().in_sheet(1);
        let r = &m.report;
        assert_eq!(r.read_line(), "B \"Code\" → module_code, C \"Session\" → session_title");
        assert_eq!(
            r.columns[2].reason.as_deref(),
            Some(
                "it is also a name for session_title, which is read from column C \"Session\" (a field is read from one column only)"
            )
        );
        let w = r.warnings(Some(&[2, 2, 1, 0]));
        assert!(w[0].starts_with("column D \"Lecture\" is not read: it is also a name"), "{w:#?}");
        assert_eq!(w[1], "1 column is not read (empty in every row): \"Room\"");
        assert_eq!((r.column_name(1), r.column_name(4)), ("B".to_string(), "E".to_string()));
        let err = map("f.xlsx:List!B3", &h(&["Title"]), F, &[]).unwrap_err().to_string();
        assert!(err.starts_with("f.xlsx:List!B3: no column for module_code (required)"), "{err}");
    }

    #[test]
    fn a_map_is_quoted_for_the_shell() {
        assert_eq!(map_option("Teacher's notes", "lead"), "--map 'Teacher'\\''s notes=lead'");
    }
}
