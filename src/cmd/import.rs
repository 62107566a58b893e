use std::path::{Path, PathBuf};

use std::io::Read;

use anyhow::{Context, Result, bail};

use super::{Ctx, by_id};
use crate::cli::By;
use crate::import::detect::Container;
use crate::import::modules::ModuleReader;
use crate::import::reading_csv::ReadingReader;
use crate::import::source::{self, SourceOptions};
use crate::import::{
    ImportErrors, Origin, ReadingRecord, RowError, bibtex, csl_json, curriculum_inventory, detect, header, ris,
    talis_csv, workbook, zotero_csv,
};
use crate::store::curriculum::{Change, Counts, ModuleWriter, Outcome};
use crate::store::readings::ReadingWriter;
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum Import {
    /// A module list: CSV (programme,year,module_code,module_title,session_title,learning_outcomes,themes),
    /// an Excel or OpenDocument workbook (.xlsx, .xlsm, .xls, .ods), or a
    /// MedBiquitous Curriculum Inventory XML document.
    ///
    /// Headers are matched ignoring case and punctuation, with common aliases
    /// ("Module Code", "Session", "Learning Outcomes", "Year of Study"…); name
    /// others with --map. A list of learning outcomes without sessions imports
    /// each outcome as an item of kind "outcome". Re-importing updates changed
    /// rows and adds nothing twice.
    ///
    /// Examples: canon import modules samples/modules.csv ·
    /// canon import modules samples/modules.xlsx --dry-run ·
    /// canon import modules samples/curriculum-inventory.xml
    Modules(ModulesArgs),
    /// A reading list: canonical CSV (title,authors,year,type,doi,url,themes,notes)
    /// or the same columns in a workbook (.xlsx, .xls, .ods), BibTeX, RIS,
    /// Zotero's CSV export, CSL-JSON, or a Talis Aspire / Leganto CSV export.
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
    /// The workbook sheet to read (default: the first sheet with a recognisable header row).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
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
        Import::Bundle(a) => super::export::import_bundle(ctx, &mut store, &a),
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
    let (mut reader, bar, origin) = module_rows(c, &themes, &a.programme, quiet)?;
    timer.mark("scan and sniff");
    let ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let mut ids = ids;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer =
        ModuleWriter::new(&tx, ids, by, &c.file.display().to_string(), c.dry_run, a.rename_duplicate_codes)?;
    let mut errors = ImportErrors::new(c.file.clone());
    errors.origin = origin;
    let mut rejected: Vec<Change> = Vec::new();
    let code_column = reader.code_column();
    // Parsing and validating run on a second thread, writing on this one:
    // the two halves of an import overlap. The channel is bounded, so memory
    // stays flat however large the file.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<ParsedRow>>(16);
    std::thread::scope(|scope| -> Result<()> {
        let parser = std::thread::Builder::new().name("canon-parse".into());
        parser.spawn_scoped(scope, move || {
            let mut batch = Vec::with_capacity(BATCH);
            while let Some(row) = reader.next_row() {
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
            eprintln!(
                "note: {}: module code {from:?} already names another module; stored as {to:?}",
                errors.locate(&RowError::new(*line, code_column, ""))
            );
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

/// Where module rows come from: a CSV file or a workbook sheet (read row by
/// row by the one module reader), or a Curriculum Inventory document (read whole).
enum ModuleRows<'a> {
    Reader(ModuleReader<'a>),
    Parsed { rows: std::vec::IntoIter<crate::import::modules::ModuleRow>, code_column: u64 },
}

impl ModuleRows<'_> {
    fn next_row(&mut self) -> Option<ParsedRow> {
        match self {
            ModuleRows::Reader(r) => r.next_row(),
            ModuleRows::Parsed { rows, .. } => rows.next().map(Ok),
        }
    }

    /// The column problems found while writing are reported at.
    fn code_column(&self) -> u64 {
        match self {
            ModuleRows::Reader(r) => r.mapping().column(crate::import::modules::CODE),
            ModuleRows::Parsed { code_column, .. } => *code_column,
        }
    }
}

/// Opens a module list in whichever form it comes, told by content: a
/// workbook, a Curriculum Inventory XML document, or CSV text.
fn module_rows<'a>(
    c: &Common,
    themes: &'a ThemeIndex,
    programme: &str,
    quiet: bool,
) -> Result<(ModuleRows<'a>, Option<indicatif::ProgressBar>, Origin)> {
    use crate::import::modules::FIELDS;
    let file = c.file.display().to_string();
    match detect::container(&c.file).with_context(|| format!("opening {file}"))? {
        Container::Workbook(kind) => {
            refuse_encoding(c, kind.name())?;
            let maps = header::parse_maps(&c.map, FIELDS)?;
            let sheet = workbook::open(&c.file, kind, c.sheet.as_deref(), FIELDS, &maps)?;
            let at = sheet.header_at(&file);
            sheet_note(&sheet, &file, quiet);
            let origin = sheet.origin.clone();
            let first = match &sheet.origin {
                Origin::Sheet { first_column, .. } => Some(*first_column),
                Origin::Text => None,
            };
            let reader =
                ModuleReader::from_records(Box::new(sheet.records), &sheet.headers, &at, &c.map, themes, programme)?;
            if !quiet {
                eprintln!("note: {}", reader.column_report(first));
            }
            outcomes_note(&reader, quiet);
            Ok((ModuleRows::Reader(reader), None, origin))
        }
        Container::Other(what) => bail!(
            "{file} is {what}; expected a module list as CSV, an Excel or OpenDocument workbook, \
             or a Curriculum Inventory XML document"
        ),
        Container::Text => {
            let src = source::open(&c.file, &SourceOptions { encoding: c.encoding.clone(), progress: !quiet })?;
            if let (Some(n), false) = (&src.note, quiet) {
                eprintln!("note: {n}");
            }
            if detect::is_xml(&src.head) {
                refuse_sheet(c, "an XML document")?;
                if !c.map.is_empty() {
                    bail!("--map applies to CSV files and workbooks; {file} is an XML document");
                }
                let mut text = String::new();
                let mut r = src.reader;
                r.read_to_string(&mut text).with_context(|| format!("reading {file}"))?;
                let doc = curriculum_inventory::parse(&text).map_err(|e| {
                    let mut errs = ImportErrors::new(c.file.clone());
                    errs.push(e);
                    anyhow::Error::from(errs)
                })?;
                if !quiet {
                    for line in doc.report() {
                        eprintln!("{line}");
                    }
                }
                let rows = doc.rows(programme);
                return Ok((ModuleRows::Parsed { rows: rows.into_iter(), code_column: 0 }, None, Origin::Text));
            }
            refuse_sheet(c, "a text file")?;
            let bar = src.progress.clone();
            let reader = ModuleReader::new(src, &c.map, themes, programme)?;
            if !quiet {
                eprintln!("note: {}", reader.column_report(None));
            }
            outcomes_note(&reader, quiet);
            Ok((ModuleRows::Reader(reader), bar, Origin::Text))
        }
    }
}

fn refuse_encoding(c: &Common, what: &str) -> Result<()> {
    if c.encoding.is_some() {
        bail!("--encoding applies to text files; {} is an {what}", c.file.display());
    }
    Ok(())
}

fn refuse_sheet(c: &Common, what: &str) -> Result<()> {
    if c.sheet.is_some() {
        bail!("--sheet applies to workbooks; {} is {what}", c.file.display());
    }
    Ok(())
}

/// Names the sheet and header row used, and the empty rows skipped.
fn sheet_note(sheet: &workbook::Sheet, file: &str, quiet: bool) {
    if quiet {
        return;
    }
    let others = sheet.all_sheets.len() - 1;
    eprintln!(
        "note: reading sheet {:?} of {file} (header on row {}{}{})",
        sheet.name,
        sheet.header_row,
        match sheet.empty_rows {
            0 => String::new(),
            1 => "; 1 empty row skipped".into(),
            n => format!("; {n} empty rows skipped"),
        },
        if others > 0 {
            format!("; {others} other sheet{} not read: pick one with --sheet", if others == 1 { "" } else { "s" })
        } else {
            String::new()
        }
    );
}

fn outcomes_note(reader: &ModuleReader, quiet: bool) {
    if reader.outcomes_only() && !quiet {
        eprintln!(
            "note: the file has learning outcomes and no session column: each outcome is imported as an item of kind \"outcome\""
        );
    }
}

/// Imports a reading list in one transaction; with --dry-run, rolls back.
pub fn reading(store: &mut Store, a: &ReadingArgs, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let themes = ThemeIndex::load(&store.conn)?;
    let file = c.file.display().to_string();
    let mut origin = Origin::Text;
    let sheet = match detect::container(&c.file).with_context(|| format!("opening {file}"))? {
        Container::Workbook(kind) => {
            refuse_encoding(c, kind.name())?;
            if a.format.as_deref().is_some_and(|f| f != "csv") {
                bail!("{file} is an {}; --format {} cannot read it", kind.name(), a.format.as_deref().unwrap_or(""));
            }
            let fields = crate::import::reading_csv::FIELDS;
            let maps = header::parse_maps(&c.map, fields)?;
            let sheet = workbook::open(&c.file, kind, c.sheet.as_deref(), fields, &maps)?;
            sheet_note(&sheet, &file, quiet);
            Some(sheet)
        }
        Container::Other(what) => {
            bail!("{file} is {what}; expected a reading list as CSV, BibTeX, RIS, CSL-JSON or a workbook")
        }
        Container::Text => {
            refuse_sheet(c, "a text file")?;
            None
        }
    };
    let (mut parsed, bar) = match sheet {
        Some(sheet) => {
            let at = sheet.header_at(&file);
            origin = sheet.origin.clone();
            let first = match &sheet.origin {
                Origin::Sheet { first_column, .. } => Some(*first_column),
                Origin::Text => None,
            };
            let r = ReadingReader::from_records(
                file.clone(),
                Box::new(sheet.records),
                &sheet.headers,
                &at,
                &c.map,
                &themes,
            )?;
            if !quiet {
                eprintln!("note: {}", r.column_report(first));
            }
            (Either::Stream(r), None)
        }
        None => text_reading(a, &themes, quiet)?,
    };
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer = ReadingWriter::new(&tx, ids, by, Some(&c.file.display().to_string()), &a.status, c.dry_run)?;
    let mut errors = ImportErrors::new(c.file.clone());
    errors.origin = origin;
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
            Ok(r) => {
                writer.write(&r)?;
            }
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

/// A reading list in a text format, streamed (the canonical CSV) or parsed whole.
fn text_reading<'a>(
    a: &ReadingArgs,
    themes: &'a ThemeIndex,
    quiet: bool,
) -> Result<(Either<'a>, Option<indicatif::ProgressBar>)> {
    let c = &a.common;
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
    let parsed = match format {
        "csv" => {
            let r = ReadingReader::new(src, &c.map, themes)?;
            if !quiet {
                eprintln!("note: {}", r.column_report(None));
            }
            Either::Stream(r)
        }
        other => {
            let mut text = String::new();
            let mut reader = src.reader;
            reader.read_to_string(&mut text).with_context(|| format!("reading {}", c.file.display()))?;
            let name = c.file.display().to_string();
            let p = match other {
                "bibtex" => bibtex::parse(&name, &text, themes),
                "ris" => ris::parse(&name, &text, themes),
                "zotero-csv" => zotero_csv::parse(&name, &text, themes),
                "csl-json" => csl_json::parse(&name, &text, themes),
                "talis-csv" => talis_csv::parse(&name, &text, themes),
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
    Ok((parsed, bar))
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
            what: errors.locate(&e),
            fields: vec![e.message.clone()],
        });
    }
    errors.push(e);
}

/// Prints the dry-run diff (stdout) and the one-line summary (stderr).
fn finish(ctx: &Ctx, c: &Common, noun: &str, counts: &Counts, changes: Option<Vec<Change>>) -> Result<()> {
    if let Some(mut changes) = changes {
        changes.sort_by_key(|ch| ch.line);
        // A workbook's rows are rows of its sheet, not lines of text.
        let workbook = matches!(detect::container(&c.file), Ok(Container::Workbook(_)));
        print_diff(&changes, if workbook { "row" } else { "line" });
    }
    ctx.note(summary(&c.file, noun, counts, c.dry_run));
    Ok(())
}

fn print_diff(changes: &[Change], unit: &str) {
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
            writeln!(out, "{tag:<10} {unit:<4} {:<6} {}", ch.line, ch.what)
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
    if c.keywords_new > 0 {
        s.push_str(&format!("; {} keywords added", c.keywords_new));
    }
    if dry_run && c.rejected > 0 {
        s.push_str("; the import would be refused until the rejected rows are fixed");
    } else if !dry_run && c.new + c.changed + c.modules_new + c.modules_changed + c.tags_new + c.keywords_new == 0 {
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
