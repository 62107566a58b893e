use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Ctx;
use super::gaps::ScopeArgs;
use crate::analysis::glossary::count;
use crate::analysis::proposals::Proposer;
use crate::analysis::scope::Within;
use crate::analysis::{coverage, gaps, plan};
use crate::report::cite::{Style, StyleArg};
use crate::report::committee::{self, ReportData};
use crate::store::readings::{self, ReadingFilter};
use crate::store::search::FtsRanker;
use crate::store::{Mode, Store, audit, history};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// The committee PDF.
    Pdf,
    /// Flat tables: OUT.csv as one file (section, scope, theme, measure, value, detail, review; review
    /// says of each approved reading "review" when reviewed, "import"/"added" when approved on
    /// import or when added and not reviewed since), or a folder with summary, coverage, gaps and readings.
    Csv,
    /// One JSON document with the same tables.
    Json,
    /// One workbook: a sheet per table, the coverage heat-map as cell colours.
    Xlsx,
}

/// Write the committee report.
///
/// Examples: canon report report.pdf · canon report report.csv ·
/// canon report out/ --format csv · canon report committee.xlsx ·
/// canon report r.pdf --year 2 --style apa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write: OUT.pdf, OUT.csv, OUT.json, OUT.xlsx, or a folder (with --format csv).
    pub out: PathBuf,
    /// The format (default: from OUT's extension; a folder means csv).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    #[command(flatten)]
    pub options: ReportOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReportOptions {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// The report's title.
    #[arg(long, default_value = "Decolonising the curriculum: audit report")]
    pub title: String,
    /// The date printed on the report, YYYY-MM-DD (default: the date of the data's last change).
    #[arg(long)]
    pub date: Option<String>,
    /// A theme with fewer approved readings than this is thin.
    #[arg(long, default_value_t = 5)]
    pub min_readings: usize,
    /// Reference style for the reading list: vancouver (default), apa, harvard
    /// (Cite Them Right), chicago (author-date, CMOS 18th ed.), another bundled CSL style by
    /// name, or a path to an independent .csl file.
    #[arg(long, default_value_t = StyleArg::default(), value_name = "STYLE|FILE.csl")]
    pub style: StyleArg,
    /// Start CSV files with a byte-order mark, so Excel reads them as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// List rejected readings too (in their own section).
    #[arg(long)]
    pub include_rejected: bool,
    /// Show what changed since this audit round (`canon snapshot NAME`); default: the latest round.
    #[arg(long, value_name = "SNAPSHOT")]
    pub compare: Option<String>,
    /// Leave facets about authors out (for a report that will be published); content facets stay.
    #[arg(long)]
    pub no_author_facets: bool,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    check_out(&a.out)?;
    let format = format_of(&a.out, a.format)?;
    write(ctx, &store, &a.out, format, &a.options)
}

/// Refuses, before any work, a report destination that is the database
/// (under any name, see [`crate::output::check`]), in the report's words.
/// Every format (PDF, CSV file or folder, JSON, workbook) and `audit --out`
/// check here; the write itself goes through `crate::output` too.
pub fn check_out(out: &Path) -> Result<()> {
    match crate::output::check(out) {
        Ok(_) => Ok(()),
        Err(e) => match e.downcast_ref::<crate::output::Refused>() {
            Some(r) => bail!("refusing to write the report over {}{}; choose another file name", r.what, r.how),
            None => Err(e),
        },
    }
}

pub fn format_of(out: &Path, forced: Option<ReportFormat>) -> Result<ReportFormat> {
    if let Some(f) = forced {
        return Ok(f);
    }
    match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("pdf") => Ok(ReportFormat::Pdf),
        Some("csv") => Ok(ReportFormat::Csv),
        Some("json") => Ok(ReportFormat::Json),
        Some("xlsx") => Ok(ReportFormat::Xlsx),
        _ if is_folder(out) => Ok(ReportFormat::Csv),
        _ => bail!(
            "cannot tell the report format from {:?}; expected OUT.pdf, OUT.csv, OUT.json, OUT.xlsx or a folder, or pass --format",
            out.display().to_string()
        ),
    }
}

/// A path meant as a folder: an existing one, or one written with a trailing slash.
fn is_folder(out: &Path) -> bool {
    out.is_dir() || out.as_os_str().to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR])
}

/// Refuses an option the chosen format cannot carry, rather than ignoring it
/// in silence. Every other option reaches every format: the scope, title,
/// date, threshold, style, rejected readings, comparison and author facets
/// are in the PDF, the JSON, the workbook and both CSV forms.
pub fn check_options(format: ReportFormat, o: &ReportOptions) -> Result<()> {
    if o.bom && format != ReportFormat::Csv {
        let name = match format {
            ReportFormat::Pdf => "a PDF",
            ReportFormat::Json => "JSON (which is always UTF-8 without one)",
            _ => "a workbook (Excel reads its text as Unicode already)",
        };
        bail!(
            "--bom is for CSV reports only: it marks a CSV file as UTF-8 for Excel, and {name} has no byte-order mark; leave --bom out, or write OUT.csv or a folder"
        );
    }
    Ok(())
}

/// Computes the report and writes it (through a temporary file and a rename).
pub fn write(ctx: &Ctx, store: &Store, out: &Path, format: ReportFormat, o: &ReportOptions) -> Result<()> {
    crate::limits::check(crate::limits::Kind::Title, "--title", &o.title)?;
    check_out(out)?;
    check_options(format, o)?;
    // The style's locale files are read while the analysis runs.
    crate::report::cite::prefetch_locales();
    let data = compute(store, o)?;
    if let Some(n) = data.style.note() {
        ctx.note(format_args!("note: {n}"));
    }
    match format {
        ReportFormat::Pdf => {
            let doc = committee::document(&data);
            let (bytes, warnings) =
                crate::report::pdf::render_filling(&doc, committee::PAGE_PLACEHOLDER, committee::contents_pages)
                    .context("rendering the PDF report")?;
            // Every reading (or place) with a character drawn as an empty box is
            // named, one line each: "and 2 more like these" left two readings
            // unnamed (tester r13, P9).
            for w in &warnings {
                ctx.note(format_args!("warning: {w}"));
            }
            crate::report::write_file(out, &bytes)?;
        }
        ReportFormat::Csv if is_folder(out) || out.extension().is_none() => {
            // The whole folder or none of it (see `crate::output`).
            crate::output::write_folder(out, |tmp| {
                for (name, table) in committee::csv_tables(&data) {
                    let mut buf = Vec::new();
                    if o.bom {
                        buf.extend_from_slice(b"\xEF\xBB\xBF");
                    }
                    crate::report::csv::write(&mut buf, &table.headers, &table.csv_rows())?;
                    crate::output::write_new(&tmp.join(format!("{name}.csv")), &buf)?;
                }
                Ok(())
            })?;
        }
        ReportFormat::Csv => {
            let (headers, rows) = committee::csv_rows(&data);
            let mut buf = Vec::new();
            if o.bom {
                buf.extend_from_slice(b"\xEF\xBB\xBF");
            }
            crate::report::csv::write(&mut buf, &headers, &rows)?;
            crate::report::write_file(out, &buf)?;
        }
        ReportFormat::Xlsx => {
            let (bytes, warnings) = crate::report::xlsx::workbook(&data)?;
            for w in &warnings {
                ctx.note(format_args!("warning: {w}"));
            }
            crate::report::write_file(out, &bytes)?;
        }
        ReportFormat::Json => {
            let mut buf = serde_json::to_vec_pretty(&committee::json(&data))?;
            buf.push(b'\n');
            crate::report::write_file(out, &buf)?;
        }
    }
    let high = data.findings.iter().filter(|f| f.severity == gaps::Severity::High).count();
    ctx.note(format_args!(
        "wrote {} ({}, {} from {}, {high} high; {})",
        out.display(),
        count(data.coverage.rows.len(), "module", "modules"),
        count(data.findings.len(), "finding", "findings"),
        count(data.gaps.len(), "gap", "gaps"),
        count(data.readings.iter().filter(|r| r.status == "approved").count(), "approved reading", "approved readings")
    ));
    Ok(())
}

fn compute(store: &Store, o: &ReportOptions) -> Result<ReportData> {
    let scope = o.scope.resolve(store)?;
    let date = match &o.date {
        Some(d) => {
            if !crate::store::is_date(d) {
                bail!("--date {d:?} is not a date; expected YYYY-MM-DD");
            }
            d.clone()
        }
        None => history::last_change(&store.conn)?.map(|t| t[..10].to_string()).unwrap_or_else(|| "1970-01-01".into()),
    };
    // Gaps, findings and proposals are computed over the whole database (so
    // their numbers match every other run on it, as `canon gaps` computes
    // them: `super::gaps::analyse`); the scope selects.
    let full = audit::load(&store.conn, &audit::Scope::default())?;
    let within = Within::new(&scope, &full);
    let data = if within.is_everything() { Cow::Borrowed(&full) } else { Cow::Owned(within.restrict(&full)) };
    let opts = gaps::Options { min_readings: o.min_readings, within: within.clone(), ..Default::default() };
    let mut programmes: Vec<String> = data.modules.iter().map(|m| m.programme.clone()).collect();
    programmes.dedup();
    let mut scope_text = Vec::new();
    if let Some(p) = &scope.programme {
        scope_text.push(format!("programme {p}"));
    }
    if let Some(y) = scope.year {
        scope_text.push(format!("year {y}"));
    }
    if let Some(m) = &scope.module {
        scope_text.push(format!("module {m}"));
    }
    let themes: Vec<(String, String)> = data.themes.iter().map(|t| (t.slug.clone(), t.name.clone())).collect();
    if scope.theme.is_some() {
        scope_text.push(format!("theme {}", themes.iter().map(|t| t.1.as_str()).collect::<Vec<_>>().join(", ")));
    }
    // Everything else the report reads from the database is read here,
    // before the work is shared between threads (a connection is not shared).
    let mut readings = readings::list(&store.conn, &ReadingFilter::default())?;
    // Rejected readings are listed only when asked for, and counted always.
    let mut rejected_unlisted = Vec::new();
    if !o.include_rejected {
        let (rejected, rest) = readings.into_iter().partition(|r| r.status == "rejected");
        (readings, rejected_unlisted) = (rest, rejected);
    }
    // Author facets are counted over the whole list, never under a filter (issue 16b).
    let author_readings: Vec<_> = readings.iter().filter(|r| r.status == "approved").cloned().collect();
    let facet_scope = crate::report::facets::FacetScope {
        theme: if scope.theme.is_some() { scope_text.last().cloned() } else { None },
        other: {
            let other: Vec<&String> = scope_text.iter().filter(|t| !t.starts_with("theme ")).collect();
            (!other.is_empty()).then(|| other.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
        },
    };
    if scope.theme.is_some() {
        readings.retain(|r| r.themes.iter().any(|t| themes.iter().any(|(s, _)| s == t)));
        rejected_unlisted.retain(|r| r.themes.iter().any(|t| themes.iter().any(|(s, _)| s == t)));
    }
    // Reviewed, or approved on import: the report tells the two apart, as `reading show` does.
    let mut all_decisions = readings::decisions(&store.conn)?;
    let decisions: std::collections::HashMap<i64, readings::Decision> = readings
        .iter()
        .filter(|r| r.status != "suggested")
        .filter_map(|r| all_decisions.remove(&r.id).map(|d| (r.id, d)))
        .collect();
    let tag_details = audit::tag_details(&store.conn)?;
    let contributors = history::contributor_names(&store.conn)?;
    let people = (!o.no_author_facets).then(|| people(store)).transpose()?;
    // The readings' index serves both the gaps' proposals and the plan's.
    let proposer = Proposer::new(&full);
    // The plan's ranking (the longest part of the analysis) needs no gaps:
    // a second thread starts on it at once, while this one does the gaps
    // (which read the database, whose connection stays on this thread), the
    // findings, coverage, evidence and comparison, loads the style, then
    // helps with what is left of the ranking (`plan::rank_beside`).
    // The references depend on the readings and the style alone: a thread of
    // their own makes them (loading the style, whose locales are still being
    // read) while the analysis runs; the document then finds them made
    // (`ReportData::references`), the same value it would make itself.
    let referenced =
        |readings: &[crate::store::readings::Reading]| -> Result<(Style, crate::report::cite::References)> {
            let style = Style::load(&o.style)?;
            let references = crate::report::committee::document_references(&style, &themes, readings);
            Ok((style, references))
        };
    let (ranked, done, styled) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| referenced(&readings));
        let (ranked, done) = plan::rank_beside(&full, &proposer, opts.candidates, || -> Result<_> {
            let ranker = FtsRanker { conn: &store.conn };
            let all = gaps::compute_ranked_with(&full, &coverage::compute(&full), &opts, &ranker, &proposer)
                .context("ranking proposals")?;
            let cov = coverage::compute(&data);
            let findings = crate::analysis::findings::roll_up(&all, &full, &within);
            let evidence = coverage::evidence(&data, &tag_details);
            // What changed since an audit round: the one named, else the latest there is.
            let since = match &o.compare {
                Some(name) => Some(name.clone()),
                None => crate::store::snapshots::list(&store.conn)?.pop().map(|s| s.name),
            };
            // The comparison of a scope compares that scope in both rounds.
            let comparison = since.map(|name| super::compare::comparison(store, &name, None, &o.scope)).transpose()?;
            Ok((all, findings, cov, evidence, comparison))
        });
        // A panic on the worker is a bug: make them here instead.
        let styled = worker.join().unwrap_or_else(|_| referenced(&readings));
        (ranked, done, styled)
    });
    let (gs_all, findings, cov, evidence, comparison) = done?;
    let (style, references) = styled?;
    let plan = plan::compute_with(&full, &gs_all, opts.candidates, &within, &proposer, ranked);
    let gs: Vec<gaps::Gap> = gs_all.into_iter().filter(|g| within.selects(g)).collect();
    let places = if within.narrows_curriculum() {
        programmes.iter().map(|p| (p.clone(), within.place(p))).collect()
    } else {
        Default::default()
    };
    Ok(ReportData {
        title: o.title.clone(),
        programmes,
        scope: if scope_text.is_empty() { "whole curriculum".into() } else { scope_text.join(", ") },
        scoped: !scope_text.is_empty(),
        places,
        all_themes: full.themes.iter().map(|t| (t.slug.clone(), t.name.clone())).collect(),
        date,
        contributors,
        themes,
        coverage: cov,
        gaps: gs,
        candidates: opts.candidates,
        findings,
        glossary: crate::analysis::glossary::all(o.min_readings),
        plan,
        evidence,
        readings,
        rejected_unlisted,
        min_readings: o.min_readings,
        style,
        comparison,
        people,
        author_readings,
        facet_scope,
        decisions,
        references: std::sync::OnceLock::from(references),
        year_labels: Default::default(),
    })
}

/// The facets recorded about authors, as the report counts them.
fn people(store: &Store) -> Result<Vec<crate::report::facets::PersonFacet>> {
    use crate::store::edit::facet::{self, FacetFilter};
    Ok(facet::list(&store.conn, &FacetFilter::default())?
        .into_iter()
        .map(|f| crate::report::facets::PersonFacet {
            reading_id: f.reading_id,
            author_position: f.author_position,
            facet: f.facet,
            value: f.value,
            basis: f.basis,
        })
        .collect())
}
