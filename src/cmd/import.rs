use std::path::{Path, PathBuf};

use std::io::Read;

use anyhow::{Context, Result, bail};

use super::{Ctx, by_id};
use crate::cli::By;
use crate::import::modules::ModuleReader;
use crate::import::reading_csv::ReadingReader;
use crate::import::source::{self, SourceOptions};
use crate::import::{ImportErrors, ReadingRecord, RowError, bibtex, csl_json, detect, ris, talis_csv, zotero_csv};
use crate::store::curriculum::{Change, Counts, ModuleWriter, Outcome};
use crate::store::readings::ReadingWriter;
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum Import {
    /// A module list CSV: programme,year,module_code,module_title,session_title,learning_outcomes,themes.
    ///
    /// Headers are matched ignoring case and punctuation, with common aliases
    /// ("Module Code", "Session", "Learning Outcomes", "Year of Study"…); name
    /// others with --map. Re-importing updates changed rows and adds nothing twice.
    ///
    /// Example: canon import modules samples/modules.csv
    Modules(ModulesArgs),
    /// A reading list: canonical CSV (title,authors,year,type,doi,url,themes,notes),
    /// BibTeX, RIS, Zotero's CSV export, CSL-JSON, or a Talis Aspire / Leganto CSV export.
    ///
    /// The format comes from the extension and the content (--format to force).
    /// Duplicates (same DOI, ISBN, or title and year) merge into one entry.
    ///
    /// Example: canon import reading samples/reading.csv --dry-run
    Reading(ReadingArgs),
    /// A bundle folder made by `canon export bundle`, into a new or empty database.
    ///
    /// Example: canon --db copy.db import bundle reading-list/
    Bundle(super::export::ImportBundleArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// The file to import.
    pub file: PathBuf,
    /// Name a column: --map 'Their Header=field' (repeatable).
    #[arg(long, value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// The file's encoding, when detection guesses wrong (utf-8, windows-1252, utf-16le…).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Show what the import would do (new, changed, unchanged, duplicate, rejected) and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ModulesArgs {
    #[command(flatten)]
    pub common: Common,
    /// The programme for rows without a programme column.
    #[arg(long, default_value = "Curriculum")]
    pub programme: String,
    /// When the file gives one module code to modules with different titles,
    /// keep them all: the second is stored as CODE~2, the third CODE~3…
    #[arg(long)]
    pub rename_duplicate_codes: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReadingArgs {
    #[command(flatten)]
    pub common: Common,
    /// The file's format (default: from its extension and content).
    #[arg(long, value_parser = ["csv", "bibtex", "ris", "zotero-csv", "csl-json", "talis-csv"])]
    pub format: Option<String>,
    /// Review status for rows without a status column.
    #[arg(long, default_value = "approved", value_parser = ["suggested", "approved"])]
    pub status: String,
}

pub fn run(ctx: &Ctx, cmd: Import) -> Result<()> {
    // A bundle is checked whole before a database is opened (or created).
    if let Import::Bundle(a) = &cmd {
        return super::export::import_bundle(ctx, a);
    }
    let mut store = ctx.open(Mode::Create)?;
    match cmd {
        Import::Modules(a) => {
            let (counts, changes) = modules(&mut store, &a, ctx.quiet)?;
            finish(ctx, &a.common, "sessions", &counts, changes)
        }
        Import::Reading(a) => {
            let (counts, changes) = reading(&mut store, &a, ctx.quiet)?;
            finish(ctx, &a.common, "readings", &counts, changes)
        }
        Import::Bundle(a) => super::export::import_bundle(ctx, &a),
    }
}

type Imported = (Counts, Option<Vec<Change>>);
type ParsedRow = Result<crate::import::modules::ModuleRow, Vec<RowError>>;
const BATCH: usize = 512;

/// Imports a module list in one transaction; with --dry-run, rolls back.
///
/// Foreign-key checks are off for the import's transaction: every reference
/// it writes is an ID it has just read or made in that same transaction, and
/// checking 200,000 rows again costs a tenth of the import.
pub fn modules(store: &mut Store, a: &ModulesArgs, quiet: bool) -> Result<Imported> {
    store.conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = modules_in(store, a, quiet);
    let restored = store.conn.pragma_update(None, "foreign_keys", "ON");
    let imported = result?;
    restored?;
    Ok(imported)
}

fn modules_in(store: &mut Store, a: &ModulesArgs, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let timer = Timer::new();
    let themes = ThemeIndex::load(&store.conn)?;
    let src = source::open(&c.file, &SourceOptions { encoding: c.encoding.clone(), progress: !quiet })?;
    if let (Some(n), false) = (&src.note, quiet) {
        eprintln!("note: {n}");
    }
    let bar = src.progress.clone();
    let mut reader = ModuleReader::new(src, &c.map, &themes, &a.programme)?;
    timer.mark("scan and sniff");
    let ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let mut ids = ids;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer =
        ModuleWriter::new(&tx, ids, by, &c.file.display().to_string(), c.dry_run, a.rename_duplicate_codes)?;
    let mut errors = ImportErrors::new(c.file.clone());
    let mut rejected: Vec<Change> = Vec::new();
    let code_column = reader.mapping().column(crate::import::modules::CODE);
    let columns: Vec<u64> = (0..crate::import::modules::FIELDS.len()).map(|f| reader.mapping().column(f)).collect();
    // Parsing and validating run on a second thread, writing on this one:
    // the two halves of an import overlap. The channel is bounded, so memory
    // stays flat however large the file.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<ParsedRow>>(16);
    std::thread::scope(|scope| -> Result<()> {
        let parser = std::thread::Builder::new().name("canon-parse".into());
        parser.spawn_scoped(scope, move || {
            let mut batch = Vec::with_capacity(BATCH);
            while let Some(row) = reader.next_row() {
                // Text limits (crate::limits), checked here for every module-list format.
                let row = row.and_then(|r| match crate::limits::module_row(&r) {
                    Ok(()) => Ok(r),
                    Err((field, e)) => Err(vec![RowError::new(r.line, columns[field], e.to_string())]),
                });
                batch.push(row);
                if batch.len() == BATCH && send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err()
                {
                    return;
                }
            }
            let _ = send.send(batch);
        })?;
        let mut busy = std::time::Duration::ZERO;
        for batch in receive {
            let started = std::time::Instant::now();
            for row in batch {
                match row {
                    Ok(row) => {
                        writer.write(&row)?;
                        for (line, problem) in writer.problems.drain(..) {
                            reject(&mut errors, &mut rejected, c.dry_run, RowError::new(line, code_column, problem));
                        }
                    }
                    Err(errs) => {
                        for e in errs {
                            reject(&mut errors, &mut rejected, c.dry_run, e);
                        }
                    }
                }
            }
            busy += started.elapsed();
        }
        timer.note(format_args!("writing rows (the rest is waiting for the parser): {:.3} s", busy.as_secs_f64()));
        Ok(())
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    timer.mark("rows");
    let renamed = std::mem::take(&mut writer.renamed);
    let (mut counts, mut changes, late) = writer.finish()?;
    if !quiet {
        for (line, from, to) in &renamed {
            eprintln!("note: line {line}: module code {from:?} already names another module; stored as {to:?}");
        }
    }
    for (line, problem) in late {
        reject(&mut errors, &mut rejected, c.dry_run, RowError::new(line, code_column, problem));
    }
    errors.errors.sort_by_key(|e| e.line);
    timer.mark("full-text index");
    counts.rejected = errors.total() as i64;
    if c.dry_run {
        if let Some(ch) = &mut changes {
            ch.extend(rejected);
        }
        drop(tx);
        return Ok((counts, changes));
    }
    if !errors.is_empty() {
        drop(tx);
        return Err(errors.into());
    }
    tx.commit()?;
    timer.mark("commit");
    Ok((counts, changes))
}

/// Imports a reading list in one transaction; with --dry-run, rolls back.
pub fn reading(store: &mut Store, a: &ReadingArgs, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let themes = ThemeIndex::load(&store.conn)?;
    let src = source::open(&c.file, &SourceOptions { encoding: c.encoding.clone(), progress: !quiet })?;
    if let (Some(n), false) = (&src.note, quiet) {
        eprintln!("note: {n}");
    }
    let bar = src.progress.clone();
    let format = match &a.format {
        Some(f) => f.as_str(),
        None => detect::detect(&c.file, &src.head).unwrap_or("csv"),
    };
    if format != "csv" && !c.map.is_empty() {
        bail!("--map applies to the reading-list CSV; {} is read as {format}", c.file.display());
    }
    // The canonical CSV streams; the other formats are read whole (reading
    // lists are small) and parsed in one go.
    let mut parsed = match format {
        "csv" => Either::Stream(ReadingReader::new(src, &c.map, &themes)?),
        other => {
            let mut text = String::new();
            let mut reader = src.reader;
            reader.read_to_string(&mut text).with_context(|| format!("reading {}", c.file.display()))?;
            let name = c.file.display().to_string();
            let p = match other {
                "bibtex" => bibtex::parse(&name, &text, &themes),
                "ris" => ris::parse(&name, &text, &themes),
                "zotero-csv" => zotero_csv::parse(&name, &text, &themes),
                "csl-json" => csl_json::parse(&name, &text, &themes),
                "talis-csv" => talis_csv::parse(&name, &text, &themes),
                _ => bail!("unknown reading-list format {other:?}"),
            };
            if p.records.is_empty() && p.errors.is_empty() && !text.trim().is_empty() {
                bail!(
                    "{}: no {other} records found; is the file in another format? (--format csv, bibtex, ris, \
                     zotero-csv, csl-json or talis-csv)",
                    c.file.display()
                );
            }
            Either::Whole(p.records.into_iter(), p.errors)
        }
    };
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer = ReadingWriter::new(&tx, ids, by, Some(&c.file.display().to_string()), &a.status, c.dry_run)?;
    let mut errors = ImportErrors::new(c.file.clone());
    let mut rejected: Vec<Change> = Vec::new();
    if let Either::Whole(_, errs) = &mut parsed {
        for e in std::mem::take(errs) {
            reject(&mut errors, &mut rejected, c.dry_run, e);
        }
    }
    loop {
        let row = match &mut parsed {
            Either::Stream(r) => r.next_row(),
            Either::Whole(records, _) => records.next().map(Ok),
        };
        let Some(row) = row else { break };
        match row {
            // Text limits (crate::limits), checked here for every reading-list format.
            Ok(r) => match crate::limits::reading(&r) {
                Ok(()) => {
                    writer.write(&r)?;
                }
                Err((field, problem)) => {
                    let column = match &parsed {
                        Either::Stream(reader) => reader.column(field),
                        Either::Whole(..) => 1,
                    };
                    reject(&mut errors, &mut rejected, c.dry_run, RowError::new(r.line, column, problem));
                }
            },
            Err(errs) => {
                for e in errs {
                    reject(&mut errors, &mut rejected, c.dry_run, e);
                }
            }
        }
    }
    errors.errors.sort_by_key(|e| e.line);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let (mut counts, mut changes) = writer.finish()?;
    counts.rejected = errors.total() as i64;
    if c.dry_run {
        if let Some(ch) = &mut changes {
            ch.extend(rejected);
        }
        drop(tx);
        return Ok((counts, changes));
    }
    if !errors.is_empty() {
        drop(tx);
        return Err(errors.into());
    }
    tx.commit()?;
    Ok((counts, changes))
}

/// A reading list read as a stream (the canonical CSV) or whole (the rest).
enum Either<'a> {
    Stream(ReadingReader<'a>),
    Whole(std::vec::IntoIter<ReadingRecord>, Vec<RowError>),
}

fn reject(errors: &mut ImportErrors, rejected: &mut Vec<Change>, dry_run: bool, e: RowError) {
    if dry_run {
        rejected.push(Change {
            line: e.line,
            outcome: Outcome::Rejected,
            what: format!("{}:{}:{}", errors.path.display(), e.line, e.column),
            fields: vec![e.message.clone()],
        });
    }
    errors.push(e);
}

/// Prints the dry-run diff (stdout) and the one-line summary (stderr).
fn finish(ctx: &Ctx, c: &Common, noun: &str, counts: &Counts, changes: Option<Vec<Change>>) -> Result<()> {
    if let Some(mut changes) = changes {
        changes.sort_by_key(|ch| ch.line);
        print_diff(&changes);
    }
    ctx.note(summary(&c.file, noun, counts, c.dry_run));
    Ok(())
}

fn print_diff(changes: &[Change]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for ch in changes {
        let tag = match ch.outcome {
            Outcome::New => "new",
            Outcome::Changed => "changed",
            Outcome::Unchanged => "unchanged",
            Outcome::Duplicate => "duplicate",
            Outcome::Rejected => "rejected",
        };
        let _ = if ch.outcome == Outcome::Rejected {
            writeln!(out, "{tag:<10} {}: {}", ch.what, ch.fields.join("; "))
        } else {
            writeln!(out, "{tag:<10} line {:<6} {}", ch.line, ch.what)
        };
        if ch.outcome != Outcome::Rejected {
            for f in &ch.fields {
                let _ = writeln!(out, "{:<18}{f}", "");
            }
        }
    }
}

/// The one-line summary every import ends with.
pub fn summary(file: &Path, noun: &str, c: &Counts, dry_run: bool) -> String {
    let mut s = format!(
        "{}{}: {noun}: {} new, {} changed, {} unchanged, {} duplicate, {} rejected",
        if dry_run { "dry run, nothing written: " } else { "" },
        file.display(),
        c.new,
        c.changed,
        c.unchanged,
        c.duplicate,
        c.rejected
    );
    if c.modules_new + c.modules_changed > 0 {
        s.push_str(&format!("; modules: {} new, {} changed", c.modules_new, c.modules_changed));
    }
    if c.tags_new > 0 {
        s.push_str(&format!("; {} tags added", c.tags_new));
    }
    if dry_run && c.rejected > 0 {
        s.push_str("; the import would be refused until the rejected rows are fixed");
    } else if !dry_run && c.new + c.changed + c.modules_new + c.modules_changed + c.tags_new == 0 {
        s.push_str(" — nothing changed: the database already holds this file");
    }
    s
}

/// Phase timings on stderr when CANON_TRACE is set (for the benchmark).
struct Timer(Option<std::cell::Cell<std::time::Instant>>);

impl Timer {
    fn new() -> Timer {
        Timer(std::env::var_os("CANON_TRACE").map(|_| std::cell::Cell::new(std::time::Instant::now())))
    }

    fn note(&self, msg: std::fmt::Arguments) {
        if self.0.is_some() {
            eprintln!("trace: {msg}");
        }
    }

    fn mark(&self, phase: &str) {
        if let Some(t) = &self.0 {
            eprintln!("trace: {phase}: {:.3} s", t.get().elapsed().as_secs_f64());
            t.set(std::time::Instant::now());
        }
    }
}
