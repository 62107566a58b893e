//! Rendering computed structs: terminal tables, CSV, JSON and the PDF
//! report. Never touches SQL.

pub mod bidi;
pub mod cite;
pub mod committee;
pub mod csv;
pub(crate) mod date_gaps;
pub mod facets;
pub mod formatted;
pub mod pdf;
pub mod table;
pub(crate) mod text_case;
pub(crate) mod title_language;
pub mod xlsx;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::cli::{Format, Output};

/// Rows for a table or CSV: the same records the JSON carries.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns to right-align in a table (numbers).
    pub numeric: Vec<usize>,
    /// The headers of the columns that hold record IDs (in a `field`/`value`
    /// listing, the fields whose value is one): CSV writes each as
    /// `canon export reading` does, `R917…`, which a spreadsheet keeps as
    /// text (tester r65 F9: a bare 18-digit number is rounded to 15 digits).
    /// Tables and JSON keep the number.
    pub ids: Vec<String>,
}

impl Listing {
    pub fn new(headers: &[&str]) -> Listing {
        Listing {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            numeric: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// This listing with the columns (or, in a `field`/`value` listing, the
    /// fields) named `headers` marked as holding record IDs ([`Listing::ids`]).
    pub fn with_ids(mut self, headers: &[&str]) -> Listing {
        self.ids.extend(headers.iter().map(|h| h.to_string()));
        self
    }

    /// The rows as CSV writes them: every cell of an ID column
    /// ([`Listing::ids`]) that is a bare number in the spreadsheet-safe form
    /// of [`crate::import::reading_id_text`]; other cells as they are.
    pub fn csv_rows(&self) -> std::borrow::Cow<'_, [Vec<String>]> {
        if self.ids.is_empty() {
            return self.rows.as_slice().into();
        }
        let is_id = |h: &str| self.ids.iter().any(|i| i == h);
        let columns: Vec<bool> = self.headers.iter().map(|h| is_id(h)).collect();
        let field_value = self.headers.len() == 2 && self.headers[0] == "field" && self.headers[1] == "value";
        let id_text = |c: &str| match c.parse::<i64>() {
            Ok(n) if n > 0 && c.bytes().all(|b| b.is_ascii_digit()) => crate::import::reading_id_text(n),
            _ => c.to_string(),
        };
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let row_is_id = field_value && r.first().is_some_and(|f| is_id(f));
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if columns.get(i).copied().unwrap_or(false) || (row_is_id && i == 1) {
                            id_text(c)
                        } else {
                            c.clone()
                        }
                    })
                    .collect()
            })
            .collect::<Vec<_>>();
        rows.into()
    }

    /// The listing with a `theme_name` column right after its `theme`
    /// column: the slug stays the machine key (what commands and filters
    /// take), and the name beside it is what a person reads in a spreadsheet
    /// (issue 13). `name` gives a theme's name from its slug; a cell holding
    /// several slugs joined by `;` gets their names joined by `; `, and an
    /// empty cell an empty name. A listing with no `theme` column is
    /// returned as it is.
    pub fn with_theme_names(self, name: impl Fn(&str) -> String) -> Listing {
        self.with_names_of("theme", "theme_name", name)
    }

    /// This listing with a `theme_names` column beside its `themes` column
    /// (the `;`-joined slugs of a session's or reading's themes): their
    /// names, joined by `; `, in the same order.
    pub fn with_themes_names(self, name: impl Fn(&str) -> String) -> Listing {
        self.with_names_of("themes", "theme_names", name)
    }

    /// This listing with a column `names` after its column `slugs`, the names
    /// of the theme slugs of each cell.
    fn with_names_of(mut self, slugs: &str, names: &str, name: impl Fn(&str) -> String) -> Listing {
        let Some(at) = self.headers.iter().position(|h| h == slugs) else { return self };
        self.headers.insert(at + 1, names.into());
        for r in &mut self.rows {
            let n = r.get(at).map(|c| theme_names(c, &name)).unwrap_or_default();
            r.insert((at + 1).min(r.len()), n);
        }
        for c in &mut self.numeric {
            if *c > at {
                *c += 1;
            }
        }
        self
    }
}

impl Listing {
    /// This listing with the `count` theme columns from `first` on headed by
    /// each theme's name and, in square brackets, its slug ("Historical
    /// awareness [historical-awareness]"): a spreadsheet's reader reads the
    /// name, a script finds the slug as the text in the header's last
    /// brackets. A theme whose name is its slug keeps the slug alone.
    pub fn with_named_theme_columns(mut self, first: usize, count: usize, name: impl Fn(&str) -> String) -> Listing {
        for h in self.headers.iter_mut().skip(first).take(count) {
            let n = name(h);
            if n != *h {
                *h = format!("{n} [{h}]");
            }
        }
        self
    }
}

/// Every theme's name by its slug.
pub fn theme_name_map(conn: &rusqlite::Connection) -> Result<std::collections::HashMap<String, String>> {
    let mut st = conn.prepare("SELECT slug, name FROM theme")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A record of `item list` or `reading list` as JSON: its fields, and the
/// names of its themes beside their slugs (`themes`), in the same order.
#[derive(Debug, Serialize)]
pub struct WithThemeNames<'a, T: Serialize> {
    #[serde(flatten)]
    pub record: &'a T,
    pub theme_names: Vec<String>,
}

/// `records` with their themes' names (see [`WithThemeNames`]); `themes`
/// gives a record's slugs and `names` the name of each slug (a slug with
/// none is its own name).
pub fn with_theme_names<'a, T: Serialize>(
    records: &'a [T],
    themes: impl Fn(&T) -> &[String],
    names: &std::collections::HashMap<String, String>,
) -> Vec<WithThemeNames<'a, T>> {
    records
        .iter()
        .map(|r| WithThemeNames {
            record: r,
            theme_names: themes(r).iter().map(|s| names.get(s).cloned().unwrap_or_else(|| s.clone())).collect(),
        })
        .collect()
}

/// The names of the `;`-joined theme slugs of a cell, joined by `; `
/// (empty for an empty cell).
pub fn theme_names(cell: &str, name: &impl Fn(&str) -> String) -> String {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).map(name).collect::<Vec<_>>().join("; ")
}

/// A theme's name from its slug among `themes` (the slug itself for a theme
/// they do not hold): the lookup the command-line listings give
/// [`Listing::with_theme_names`].
pub fn theme_name_in(themes: &[crate::store::themes::Theme], slug: &str) -> String {
    themes.iter().find(|t| t.slug == slug).map_or_else(|| slug.to_string(), |t| t.name.clone())
}

/// Prints a listing in the chosen format to stdout or `-o FILE`. `json` is
/// the list of records the listing was made from.
pub fn emit<T: Serialize + ?Sized>(
    out: &Output,
    listing: &Listing,
    json: &T,
    empty_note: &str,
    quiet: bool,
) -> Result<()> {
    let to_terminal = out.output.is_none() && io::stdout().is_terminal();
    // Control characters from old data are shown, never sent, in a table
    // (read by people, wherever it goes) and in CSV bound for a terminal.
    let safe;
    let listing =
        if listing.rows.iter().flatten().any(|c| matches!(crate::output::terminal(c), std::borrow::Cow::Owned(_)))
            && (out.format() == Format::Table || (out.format() == Format::Csv && to_terminal))
        {
            safe = Listing {
                rows: listing
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| crate::output::terminal(c).into_owned()).collect())
                    .collect(),
                ..listing.clone()
            };
            &safe
        } else {
            listing
        };
    let mut buf: Vec<u8> = Vec::new();
    match out.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut buf, json)?;
            buf.push(b'\n');
        }
        Format::Csv => csv::write(&mut buf, &listing.headers, &listing.csv_rows())?,
        Format::Table => {
            if listing.rows.is_empty() {
                if !quiet {
                    eprintln!("{empty_note}");
                }
                return Ok(());
            }
            let limit = if to_terminal && out.limit > 0 { out.limit } else { usize::MAX };
            buf.extend(table::render(listing, limit, to_terminal).as_bytes());
            buf.push(b'\n');
            if listing.rows.len() > limit && !quiet {
                eprintln!(
                    "showing {limit} of {} rows; use --limit 0 for all, or --format csv / json",
                    listing.rows.len()
                );
            }
        }
    }
    match &out.output {
        Some(path) => write_file(path, &buf),
        None => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(&buf)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a reader never sees half a file; never over the database
/// (see [`crate::output`], which this calls).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::output::write_file(path, bytes)
}

/// Formats an optional year.
pub fn year(y: Option<i64>) -> String {
    y.map_or_else(String::new, |y| y.to_string())
}

/// A reading's year as a cell of a table writes it, the same in `canon
/// export reading` and the report's tables (CSV, workbook): an approximate
/// year as "ca. 1850", a copyright year as "c1998" (as MEDLINE and Citing
/// Medicine write one), each read back as itself by an import; with no
/// year, its note ("in press"), which reads back as such; else empty.
pub fn reading_year(r: &crate::store::readings::Reading) -> String {
    match r.year {
        Some(y) if r.date_approximate => format!("ca. {}", crate::import::year_text(y)),
        Some(y) if r.date_copyright => format!("c{y}"),
        // A work accepted and not yet out: "2025 (in press)" (tester r62 F1).
        Some(y) if crate::import::is_not_yet_published(r.year_note.as_deref()) => {
            format!("{y} ({})", r.year_note.as_deref().unwrap_or_default().trim())
        }
        Some(y) => crate::import::year_text(y),
        None => r.year_note.clone().unwrap_or_default(),
    }
}

/// A reading's authors as a cell of a table writes them (names that read
/// back with their parts, see [`crate::import::names::cell_text`]), ending
/// "; et al." when the source listed only the first authors: the same in
/// `canon export reading` and the report's tables.
pub fn reading_authors(r: &crate::store::readings::Reading) -> String {
    if r.authors_truncated && !r.author_names.is_empty() {
        format!("{}; et al.", crate::import::names::cell_text(&r.author_names))
    } else {
        crate::import::names::cell_text(&r.author_names)
    }
}

/// A reading's editors as a cell writes them, ending "; et al." when the
/// source listed only the first editors (schema 0038), as [`reading_authors`].
pub fn reading_editors(r: &crate::store::readings::Reading) -> String {
    if r.editors_truncated && !r.editor_names.is_empty() {
        format!("{}; et al.", crate::import::names::cell_text(&r.editor_names))
    } else {
        crate::import::names::cell_text(&r.editor_names)
    }
}

/// yes, no or empty (not recorded): a yes/no facet as a cell writes it.
pub fn yes_no(b: Option<bool>) -> String {
    b.map_or_else(String::new, |b| if b { "yes".into() } else { "no".into() })
}

use crate::analysis::coverage::Coverage;
use crate::analysis::snapshot::Comparison;

/// What changed between two audit rounds, one row per change: gaps closed
/// and opened, then theme and module coverage (tagged sessions before, after
/// and the difference, under columns named after the two rounds). One table
/// for `canon compare` and the report's comparison (the CSV folder's
/// `comparison.csv` and the workbook's comparison sheet).
pub fn comparison_listing(c: &Comparison) -> Listing {
    let mut l = Listing::new(&["change", "what", "theme", c.from.as_str(), c.to.as_str(), "difference"]);
    l.numeric = vec![3, 4, 5];
    for (label, gs) in [("gap closed", &c.gaps_closed), ("gap opened", &c.gaps_opened)] {
        for g in gs {
            l.rows.push(vec![
                label.into(),
                format!("{}: {}", g.kind, g.scope),
                g.theme.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for t in &c.themes {
        l.rows.push(vec![
            "theme coverage".into(),
            format!("tagged sessions (modules {} → {})", t.modules_before, t.modules_after),
            t.theme.clone(),
            t.before.to_string(),
            t.after.to_string(),
            t.change.to_string(),
        ]);
    }
    for m in &c.modules {
        l.rows.push(vec![
            "module coverage".into(),
            c.module_place(m),
            m.theme.clone(),
            m.before.to_string(),
            m.after.to_string(),
            m.change.to_string(),
        ]);
    }
    l
}
use crate::analysis::gaps::Gap;

/// The gaps as rows: one per gap, candidate readings and the sessions that
/// could carry the theme each joined in one cell, each with its score.
/// One table for every place gaps are written as rows (`canon gaps --format
/// csv`, the report's CSV folder and the committee's workbook), so that its
/// columns have one name everywhere.
pub fn gaps_listing(gaps: &[Gap]) -> Listing {
    gaps_listing_labelled(gaps, |_, y| year(y))
}

/// [`gaps_listing`] with each candidate reading's year given by `label`
/// (reading ID, year): the report labels it as its references do ("1998b",
/// [`committee::ReportData::year_label`]).
pub fn gaps_listing_labelled(gaps: &[Gap], label: impl Fn(Option<i64>, Option<i64>) -> String) -> Listing {
    let mut l = Listing::new(&[
        "severity",
        "kind",
        "scope",
        "theme",
        "explanation",
        "suggestion",
        "command",
        "candidate_readings",
        "id",
        "finding",
        "action",
        "sessions",
    ]);
    for g in gaps {
        let mut row = vec![
            g.severity.as_str().into(),
            g.kind.as_str().into(),
            g.scope.clone(),
            g.theme.clone().unwrap_or_default(),
            g.explanation.clone(),
            g.suggestion.clone(),
            g.command.clone(),
            g.candidates
                .iter()
                .map(|c| {
                    if c.score > 0.0 {
                        let y = label(Some(c.reading_id), c.year);
                        format!("[{}] {} ({y}) score {}: {}", c.reading_id, c.title, c.score, c.why())
                    } else {
                        let y = label(Some(c.reading_id), c.year);
                        format!("[{}] {} ({y}) {}", c.reading_id, c.title, c.why())
                    }
                })
                .collect::<Vec<_>>()
                .join(" | "),
        ];
        row.push(g.id.clone());
        row.push(g.finding.clone());
        row.push(serde_json::to_value(g.action).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default());
        row.push(
            g.items
                .iter()
                .map(|i| {
                    if i.score > 0.0 {
                        format!("[{}] {}/{} score {}", i.item_id, i.module_code, i.title, i.score)
                    } else {
                        format!("[{}] {}/{}", i.item_id, i.module_code, i.title)
                    }
                })
                .collect::<Vec<_>>()
                .join(" | "),
        );
        l.rows.push(row);
    }
    l
}

/// The evidence trail of the coverage: one row per tagged session and theme.
pub fn evidence_listing(ev: &[crate::analysis::coverage::CellEvidence]) -> Listing {
    let mut l = Listing::new(&[
        "programme",
        "year",
        "module_code",
        "module_title",
        "theme",
        "item_id",
        "session",
        "tagged_by",
        "source",
        "tagged_at",
    ])
    .with_ids(&["item_id"]);
    l.numeric = vec![1, 5];
    for e in ev {
        l.rows.push(vec![
            e.programme.clone(),
            year(e.year),
            e.module_code.clone(),
            e.module_title.clone(),
            e.theme.clone(),
            e.item_id.to_string(),
            e.session.clone(),
            e.tagged_by.clone(),
            e.source.clone(),
            e.tagged_at.clone(),
        ]);
    }
    l
}

/// One coverage row as JSON: the counts keyed by theme slug.
#[derive(Debug, Serialize)]
pub struct CoverageRecord<'a> {
    pub programme: &'a str,
    pub year: Option<i64>,
    pub module_code: &'a str,
    pub module_title: &'a str,
    pub items: i64,
    pub tagged_items: i64,
    pub themes: std::collections::BTreeMap<&'a str, i64>,
    /// Each theme's name, keyed by its slug as in `themes`.
    pub theme_names: std::collections::BTreeMap<&'a str, String>,
}

/// The coverage rows as JSON records, each theme's name from `name` (given
/// its slug).
pub fn coverage_records(c: &Coverage, name: impl Fn(&str) -> String) -> Vec<CoverageRecord<'_>> {
    c.rows
        .iter()
        .map(|r| CoverageRecord {
            programme: &r.programme,
            year: r.year,
            module_code: &r.module_code,
            module_title: &r.module_title,
            items: r.items,
            tagged_items: r.tagged_items,
            themes: c.themes.iter().map(String::as_str).zip(r.counts.iter().copied()).collect(),
            theme_names: c.themes.iter().map(|s| (s.as_str(), name(s))).collect(),
        })
        .collect()
}

/// The module × theme matrix as rows.
pub fn coverage_listing(c: &Coverage) -> Listing {
    let mut headers: Vec<String> =
        ["programme", "year", "module_code", "module_title", "items"].map(String::from).to_vec();
    headers.extend(c.themes.iter().cloned());
    headers.push("tagged_items".into());
    let mut l =
        Listing { numeric: (4..headers.len()).chain([1]).collect(), headers, rows: Vec::new(), ids: Vec::new() };
    for r in &c.rows {
        let mut row =
            vec![r.programme.clone(), year(r.year), r.module_code.clone(), r.module_title.clone(), r.items.to_string()];
        row.extend(r.counts.iter().map(|n| n.to_string()));
        row.push(r.tagged_items.to_string());
        l.rows.push(row);
    }
    l
}
