use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Serialize;

use super::{Ctx, by_id};
use crate::cli::By;
use crate::import::detect::Container;
use crate::import::header::{self, HeaderReport};
use crate::import::modules::{Columns, ModuleReader, ModuleRow, Tally};
use crate::import::reading_csv::ReadingReader;
use crate::import::source::{self, SourceOptions};
use crate::import::{
    ImportErrors, Origin, ReadingRecord, Reject, RowError, bibtex, csl_json, curriculum_inventory, detect, endnote_xml,
    nbib, pubmed_csv, rejects, ris, scopus_csv, talis_csv, workbook, zotero_csv,
};
use crate::store::curriculum::{Change, Counts, ModuleWriter, Outcome, WriteOptions};
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
    /// ("Module Code", "Session", "Lecture", "Intended Learning Outcomes", "ILOs",
    /// "Year of Study"…); name others with --map. Every column is accounted for:
    /// the import says which field each column went to and warns about those it
    /// did not read. Re-importing updates changed rows and adds nothing twice; a
    /// column the file lacks leaves that field as stored. Years may be written
    /// "Year 2", "Y2", "2nd year", "Phase 2"… A list of learning outcomes
    /// without sessions imports each outcome as an item of kind "outcome".
    ///
    /// Examples: canon import modules samples/modules.csv --dry-run ·
    /// canon import modules samples/modules.xlsx --dry-run ·
    /// canon import modules samples/curriculum-inventory.xml
    Modules(ModulesArgs),
    /// A reading list: canonical CSV (title,authors,year,type,doi,url,themes,notes)
    /// or the same columns in a workbook (.xlsx, .xls, .ods), BibTeX, RIS,
    /// Zotero's CSV export, CSL-JSON, a Talis Aspire / Leganto CSV export,
    /// PubMed's MEDLINE format (.nbib) or EndNote XML.
    ///
    /// The format comes from the extension and the content (--format to force).
    /// Duplicates (same DOI, ISBN, or title and year) merge into one entry: blanks
    /// filled, differences reported, never a shorter title, author list, page
    /// range or publisher for a fuller one; a work with the same first author,
    /// year and main title as one listed is flagged. A file exported by `canon
    /// export reading` updates the same entries (see there). With --skip-invalid
    /// the valid records import and the others are written, with their reasons,
    /// to --rejects FILE.
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
    /// Show how the header is read and what the import would do (new, changed,
    /// unchanged, duplicate, rejected), and write nothing (not even a new
    /// database file). Exits 1 when the import would be refused.
    #[arg(long)]
    pub dry_run: bool,
    /// The workbook sheet to read (default: the first sheet with a recognisable header row).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The option that sets `sheet`, for messages (`--sheet`, or
    /// `--reading-sheet` in `canon audit`); `None` is `--sheet`.
    #[arg(skip)]
    pub sheet_option: Option<&'static str>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ModulesArgs {
    #[command(flatten)]
    pub common: Common,
    /// The programme of rows that name none. Without it, a file with no
    /// programme column goes to the one programme the database holds (to a
    /// new "Curriculum" when it holds none; when it holds several, the
    /// import asks for --programme), and an empty cell in a programme
    /// column is an error.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// When the file gives one module code to modules with different titles,
    /// keep them all: the second is stored as CODE~2, the third CODE~3…
    #[arg(long)]
    pub rename_duplicate_codes: bool,
    /// The file is the whole truth for the programmes it names: sessions (and
    /// modules) it no longer holds are retired, kept in the history with their
    /// tags and links (`canon undo` brings them back); a retired and a new
    /// session of one module with the same learning outcomes are a rename,
    /// which keeps the session's ID and tags. Try it with --dry-run first.
    #[arg(long)]
    pub sync: bool,
}

/// The reading-list formats `--format` names.
const FORMATS: [&str; 11] = [
    "csv",
    "bibtex",
    "ris",
    "zotero-csv",
    "csl-json",
    "talis-csv",
    "scopus-csv",
    "pubmed-csv",
    "nbib",
    "endnote-xml",
    "wos",
];

#[derive(Debug, Clone, clap::Args)]
pub struct ReadingArgs {
    #[command(flatten)]
    pub common: Common,
    /// The file's format (default: from its extension and content). --map
    /// works with csv, zotero-csv, talis-csv and scopus-csv; a workbook is
    /// read as one of these four (by its header when not named).
    #[arg(long, value_parser = FORMATS)]
    pub format: Option<String>,
    /// Import the valid records and leave out the invalid ones (default: a file
    /// with any invalid record imports nothing).
    #[arg(long)]
    pub skip_invalid: bool,
    /// With --skip-invalid: write the records left out, with their reasons, to
    /// FILE, in the input's own format (CSV gains a "canon rejected because"
    /// column; rows of a workbook go to an .xlsx workbook with that column).
    #[arg(long, value_name = "FILE", requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,
    /// Review status for rows without a status column.
    #[arg(long, default_value = "approved", value_parser = ["suggested", "approved"])]
    pub status: String,
}

pub fn run(ctx: &Ctx, cmd: Import) -> Result<()> {
    match cmd {
        Import::Modules(a) => in_store(ctx, a.common.dry_run, |store| {
            let imported = modules(store, &a, ctx.quiet)?;
            finish(ctx, &a.common, "sessions", imported)
        }),
        Import::Reading(a) => in_store(ctx, a.common.dry_run, |store| {
            let imported = reading(store, &a, ctx.quiet)?;
            finish(ctx, &a.common, "readings", imported)
        }),
        // A bundle is checked whole before a database is opened (or created).
        Import::Bundle(a) => super::export::import_bundle(ctx, &a),
    }
}

/// Runs an import against the database it writes to. A dry run never
/// writes one (see [`store::open_dry`](crate::store::open_dry): no new file,
/// no migration). An import that fails or is refused where there was no
/// database leaves none behind (an existing database is left as it was:
/// the import is one transaction, rolled back).
pub fn in_store(ctx: &Ctx, dry_run: bool, import: impl FnOnce(&mut Store) -> Result<()>) -> Result<()> {
    if dry_run {
        if !ctx.db.exists() {
            ctx.note(format_args!(
                "note: {} does not exist yet; the dry run compares the file with an empty database and creates none",
                ctx.db.display()
            ));
        }
        let mut store = crate::store::open_dry(&ctx.db, Mode::Create)?;
        return import(&mut store);
    }
    let existed = ctx.db.exists();
    let created = |result: Result<()>| {
        if !existed && let Ok(real) = crate::output::resolve(&ctx.db) {
            // Whatever the open made (a half-made file) goes too (beside
            // the file a link names; never the link itself).
            let _ = crate::store::remove_with_companions(&real);
        }
        result
    };
    let mut store = match ctx.open(Mode::Create) {
        Ok(s) => s,
        Err(e) => return created(Err(e)),
    };
    let result = import(&mut store);
    // A new database that the import left holding nothing (it failed, or
    // `--skip-invalid` rejected every record): removed, as a run that writes
    // nothing makes no file (tester r13). (The import's own error or summary
    // says nothing was imported.)
    if !existed {
        let discard = if result.is_ok() { crate::store::discard_unused } else { crate::store::discard_created };
        match discard(store) {
            Ok(true) if result.is_ok() => {
                ctx.note(format_args!("nothing written, so no database was created at {}", ctx.db.display()))
            }
            Ok(_) => {}
            Err(e) => ctx.note(format_args!("warning: could not remove the new database {}: {e:#}", ctx.db.display())),
        }
    }
    result
}

/// What an import did, or would do: a plain struct the command line prints
/// and the web workspace shows.
#[derive(Debug, Serialize)]
pub struct Imported {
    pub counts: Counts,
    /// Every row's outcome, for a dry run.
    pub changes: Option<Vec<Change>>,
    /// How the header was read (formats with columns).
    pub header: Option<HeaderReport>,
    /// Per column (0-based): rows with text in it, counted for the columns not read.
    pub filled: Vec<u64>,
    /// What the user should know that rejects nothing, by line.
    pub notes: Vec<(u64, String)>,
    /// What the user must know about rows that import (a value kept as
    /// stored, and why), by line: printed even with --quiet.
    pub warnings: Vec<(u64, String)>,
    /// How the file's positions are written: text lines, or a workbook sheet's rows and cells.
    #[serde(skip)]
    pub origin: Origin,
    /// The problems that refuse the file (nothing was written).
    #[serde(skip)]
    pub errors: Option<ImportErrors>,
    /// Why the whole import is refused though every row is valid (it
    /// changes what others entered and no contributor is named); nothing was written.
    pub refusal: Option<String>,
    /// What was said about the file besides its rows, as the command line prints
    /// it on stderr: the encoding guessed, the sheet read, a Curriculum Inventory
    /// document's report, an outcomes-only list, doubts about how records were
    /// read, keywords that name no theme. The web workspace shows them.
    #[serde(skip)]
    pub remarks: Vec<String>,
}

/// Says something about the file: kept for [`Imported::remarks`], and printed
/// on stderr unless quiet. What is said about the data is printed even when
/// quiet, as `--quiet` promises: a warning (a value kept as stored, a name
/// read as a guess), what was not stored, and a record left out by
/// `--skip-invalid` with its reason (tester r28, F6: `-q` hid them all).
fn remark(remarks: &mut Vec<String>, quiet: bool, line: String) {
    if !quiet || about_the_data(&line) {
        eprintln!("{}", crate::limits::readable(&line));
    }
    remarks.push(line);
}

/// Whether a remark is about the data (see [`remark`]): a warning, a value
/// or field not stored, or a record left out.
fn about_the_data(line: &str) -> bool {
    line.starts_with("warning:")
        || line.contains(": warning:")
        || line.starts_with("note: not stored")
        || line.contains(": note: not stored")
        || line.starts_with("note: --skip-invalid:")
        || line.contains(TYPE_NOT_STATED)
}

/// How the note on types canon inferred for a file begins (after the file's name).
const TYPE_NOT_STATED: &str = ": type not stated";

type ParsedRow = Result<ModuleRow, Vec<RowError>>;
const BATCH: usize = 512;

/// Imports a module list in one transaction; with --dry-run, rolls back.
///
/// Foreign-key checks are off for the import's transaction: every reference
/// it writes is an ID it has just read or made in that same transaction, and
/// checking 200,000 rows again costs a tenth of the import.
pub fn modules(store: &mut Store, a: &ModulesArgs, quiet: bool) -> Result<Imported> {
    store.conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = modules_in(Target::Own(store), a, quiet);
    let restored = store.conn.pragma_update(None, "foreign_keys", "ON");
    let imported = result?;
    restored?;
    Ok(imported)
}

/// Imports a module list into a transaction an outer unit holds (`canon
/// audit` into an existing database): the unit commits it, or rolls it back
/// with whatever else the unit did. Foreign keys stay checked (SQLite cannot
/// switch them inside a transaction). Nothing is committed here, not even a
/// refused file's rows: the caller rolls back when [`finish`] fails.
pub fn modules_within(tx: &rusqlite::Transaction, db: &Path, a: &ModulesArgs, quiet: bool) -> Result<Imported> {
    modules_in(Target::Unit(tx, db), a, quiet)
}

/// Where an import writes.
enum Target<'s, 'c> {
    /// A store: the import is a transaction of its own, committed unless it
    /// is a dry run or refused.
    Own(&'s mut Store),
    /// A transaction held by an outer unit, and the database's path.
    Unit(&'s rusqlite::Transaction<'c>, &'s Path),
}

impl<'s> Target<'s, '_> {
    fn conn(&self) -> &rusqlite::Connection {
        match self {
            Target::Own(s) => &s.conn,
            Target::Unit(tx, _) => tx,
        }
    }

    fn path(&self) -> &Path {
        match self {
            Target::Own(s) => &s.path,
            Target::Unit(_, p) => p,
        }
    }

    /// The import's transaction: its own IMMEDIATE one, or the unit's.
    fn begin(self) -> Result<Tx<'s>> {
        Ok(match self {
            Target::Own(s) => Tx::Own(s.write()?),
            Target::Unit(tx, _) => Tx::Unit(tx),
        })
    }
}

/// An import's transaction (see [`Target`]).
enum Tx<'s> {
    Own(rusqlite::Transaction<'s>),
    Unit(&'s rusqlite::Transaction<'s>),
}

impl<'s> std::ops::Deref for Tx<'s> {
    type Target = rusqlite::Transaction<'s>;
    fn deref(&self) -> &Self::Target {
        match self {
            Tx::Own(tx) => tx,
            Tx::Unit(tx) => tx,
        }
    }
}

impl Tx<'_> {
    /// Commits an import's own transaction when `keep`, else rolls it back;
    /// a unit's transaction is left to the unit.
    fn finish(self, keep: bool) -> Result<()> {
        match self {
            Tx::Own(tx) if keep => Ok(tx.commit()?),
            Tx::Own(tx) => Ok(tx.rollback()?),
            Tx::Unit(_) => Ok(()),
        }
    }
}

fn modules_in(target: Target, a: &ModulesArgs, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let timer = Timer::new();
    let themes = ThemeIndex::load(target.conn())?;
    let mut remarks = Vec::new();
    let (mut reader, bar, origin) =
        module_rows(c, &themes, a.programme.as_deref(), quiet, target.conn(), &mut remarks)?;
    let header = reader.header();
    let opts = WriteOptions {
        keep_changes: c.dry_run,
        rename_duplicate_codes: a.rename_duplicate_codes,
        columns: reader.columns(),
        sync: a.sync,
    };
    timer.mark("scan and sniff");
    let ids = id_gen(target.conn())?;
    let tx = target.begin()?;
    let mut ids = ids;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer = ModuleWriter::new(&tx, ids, by, &c.file.display().to_string(), opts)?;
    let mut errors = ImportErrors::new(c.file.clone());
    errors.origin = origin.clone();
    let mut rejected: Vec<Change> = Vec::new();
    // Each field's column (0 in a document without columns): for problems found while
    // writing, and (a copy for the parsing thread) for text-limit problems.
    let columns = reader.field_columns();
    let limit_columns = columns.clone();
    // Parsing and validating run on a second thread, writing on this one:
    // the two halves of an import overlap. The channel is bounded, so memory
    // stays flat however large the file.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<ParsedRow>>(16);
    let mut rows = 0i64;
    let tally = std::thread::scope(|scope| -> Result<Tally> {
        let parser = std::thread::Builder::new().name("canon-parse".into());
        let handle = parser.spawn_scoped(scope, move || {
            let mut batch = Vec::with_capacity(BATCH);
            while let Some(row) = reader.next_row() {
                // Text limits (crate::limits), checked here for every module-list format.
                let row = row.and_then(|r| match crate::limits::module_row(&r) {
                    Ok(()) => Ok(r),
                    Err((field, e)) => Err(vec![RowError::new(r.line, limit_columns[field], e.to_string())]),
                });
                batch.push(row);
                if batch.len() == BATCH && send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err()
                {
                    return reader.tally();
                }
            }
            let _ = send.send(batch);
            reader.tally()
        })?;
        let mut busy = std::time::Duration::ZERO;
        for batch in receive {
            let started = std::time::Instant::now();
            for row in batch {
                rows += 1;
                match row {
                    Ok(row) => {
                        writer.write(&row)?;
                        for (line, field, problem) in writer.problems.drain(..) {
                            let at = RowError::new(line, columns.get(field).copied().unwrap_or(0), problem);
                            reject(&mut errors, &mut rejected, c.dry_run, at);
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
        handle.join().map_err(|_| anyhow::anyhow!("the parsing thread failed"))
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    timer.mark("rows");
    let mut notes: Vec<(u64, String)> = std::mem::take(&mut writer.renamed)
        .into_iter()
        .map(|(line, from, to)| (line, format!("module code {from:?} already names another module; stored as {to:?}")))
        .collect();
    notes.append(&mut writer.notes);
    if let Some((line, n)) = tally.list_markers {
        notes.push((
            line,
            format!(
                "the list marker (\"• \", \"- \", \"1. \", \"a) \"…) at the start of {n} learning outcome{} is \
                 left out of its item's title and outcome (the first here)",
                if n == 1 { "" } else { "s" }
            ),
        ));
    }
    let (mut counts, mut changes, late, sync_notes, warnings) = writer.finish()?;
    for (line, field, problem) in late {
        reject(
            &mut errors,
            &mut rejected,
            c.dry_run,
            RowError::new(line, columns.get(field).copied().unwrap_or(0), problem),
        );
    }
    errors.errors.sort_by_key(|e| e.line);
    timer.mark("full-text index");
    counts.rejected = errors.problems() as i64;
    counts.skipped = tally.skipped as i64;
    counts.rows = rows;
    if let Some(ch) = &mut changes {
        ch.extend(rejected);
    }
    // Retiring, renaming, moving and recoding change what others entered: the history credits someone.
    let refusal = (by.is_none()
        && counts.removed + counts.modules_removed + counts.renamed + counts.moved + counts.modules_recoded > 0)
        .then(|| {
            let mut what = Vec::new();
            if counts.removed + counts.modules_removed > 0 {
                let modules = match counts.modules_removed {
                    0 => String::new(),
                    m => format!(" (with {})", plural(m, "module", "modules")),
                };
                what.push(format!("retire {}{modules}", plural(counts.removed, "session", "sessions")));
            }
            if counts.renamed > 0 {
                what.push(format!("rename {}", plural(counts.renamed, "session", "sessions")));
            }
            if counts.moved > 0 {
                what.push(format!("move {}", plural(counts.moved, "session", "sessions")));
            }
            if counts.modules_recoded > 0 {
                what.push(format!("recode {}", plural(counts.modules_recoded, "module", "modules")));
            }
            format!(
                "--sync would {}; such changes are credited in the history: name who makes them with --by NAME \
             (or set CANON_USER)",
                what.join(" and ")
            )
        });
    let refused = !errors.is_empty() || refusal.is_some();
    tx.finish(!(c.dry_run || refused))?;
    if !(c.dry_run || refused) {
        timer.mark("commit");
        // The dry run shows these with the sessions they are about; `canon log` has them in the history.
        for n in sync_notes {
            remark(&mut remarks, quiet, format!("note: {}: {n}", c.file.display()));
        }
    }
    let errors = (!errors.is_empty()).then_some(errors);
    Ok(Imported { counts, changes, header, filled: tally.filled, notes, warnings, origin, errors, refusal, remarks })
}

/// Where module rows come from: a CSV file or a workbook sheet (read row by
/// row by the one module reader, with its header report), or a Curriculum
/// Inventory document (read whole).
enum ModuleRows<'a> {
    Reader(Box<ModuleReader<'a>>),
    Parsed { rows: std::vec::IntoIter<ModuleRow>, columns: Columns },
}

impl ModuleRows<'_> {
    fn next_row(&mut self) -> Option<ParsedRow> {
        match self {
            ModuleRows::Reader(r) => r.next_row(),
            ModuleRows::Parsed { rows, .. } => rows.next().map(Ok),
        }
    }

    /// How the header was read (`None` for a document without columns).
    fn header(&self) -> Option<HeaderReport> {
        match self {
            ModuleRows::Reader(r) => Some(r.header().clone()),
            ModuleRows::Parsed { .. } => None,
        }
    }

    /// The fields the source gives: the others are left as stored.
    fn columns(&self) -> Columns {
        match self {
            ModuleRows::Reader(r) => r.columns(),
            ModuleRows::Parsed { columns, .. } => *columns,
        }
    }

    /// The 1-based column of each field (by [`crate::import::modules::FIELDS`]
    /// order), where problems found while writing are reported (0: none).
    fn field_columns(&self) -> Vec<u64> {
        let n = crate::import::modules::FIELDS.len();
        match self {
            ModuleRows::Reader(r) => (0..n).map(|f| r.mapping().column(f)).collect(),
            ModuleRows::Parsed { .. } => vec![0; n],
        }
    }

    fn tally(&self) -> Tally {
        match self {
            ModuleRows::Reader(r) => r.tally(),
            ModuleRows::Parsed { .. } => Tally::default(),
        }
    }
}

/// Opens a module list in whichever form it comes, told by content: a
/// workbook, a Curriculum Inventory XML document, or CSV text.
fn module_rows<'a>(
    c: &Common,
    themes: &'a ThemeIndex,
    programme: Option<&str>,
    quiet: bool,
    conn: &rusqlite::Connection,
    remarks: &mut Vec<String>,
) -> Result<(ModuleRows<'a>, Option<indicatif::ProgressBar>, Origin)> {
    use crate::import::modules::FIELDS;
    use crate::limits::{MAX_INPUT_FILE, MAX_WHOLE_FILE, input_file};
    let file = c.file.display().to_string();
    // Regular files of bounded size only, before anything opens the file.
    input_file(&c.file, MAX_INPUT_FILE, "a module list")?;
    match detect::container(&c.file).with_context(|| format!("opening {file}"))? {
        Container::Workbook(kind) => {
            input_file(&c.file, MAX_WHOLE_FILE, "a workbook")?;
            refuse_encoding(c, kind.name())?;
            let maps = header::parse_maps(&c.map, FIELDS)?;
            let option = c.sheet_option.unwrap_or("--sheet");
            let sheet = workbook::open_as(&c.file, kind, c.sheet.as_deref(), option, FIELDS, &maps)?;
            sheet_note(&sheet, quiet, remarks);
            let mapping = sheet.mapping(&file, FIELDS, &maps)?;
            let origin = sheet.origin.clone();
            let mut reader =
                ModuleReader::from_records(Box::new(sheet.records), &sheet.headers, mapping, themes, programme);
            settle_programme(&mut reader, conn, programme)?;
            outcomes_note(&reader, quiet, remarks);
            Ok((ModuleRows::Reader(Box::new(reader)), None, origin))
        }
        Container::Other(what) => bail!(
            "{file} is {what}; expected a module list as CSV, an Excel or OpenDocument workbook, \
             or a Curriculum Inventory XML document"
        ),
        Container::Text => {
            text_named_as_workbook(c, &file, remarks);
            // An XML document too large to read whole is refused before the
            // text is scanned (which reads all of it).
            if larger_than(&c.file, MAX_WHOLE_FILE) && detect::is_xml(&peek(&c.file)?) {
                input_file(&c.file, MAX_WHOLE_FILE, "an XML document")?;
            }
            let src = source::open(&c.file, &SourceOptions { encoding: c.encoding.clone(), progress: !quiet })?;
            if let Some(n) = &src.note {
                remark(remarks, quiet, format!("note: {n}"));
            }
            if let Some(m) = &src.mixed {
                remark(remarks, quiet, format!("warning: {m}"));
            }
            if detect::is_xml(&src.head) {
                input_file(&c.file, MAX_WHOLE_FILE, "an XML document")?;
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
                for line in doc.report() {
                    remark(remarks, quiet, line);
                }
                let to = match &doc.programme {
                    Some(p) => p.clone(),
                    None => {
                        let choice = crate::store::curriculum::programme_for_import(conn, programme)?;
                        if !quiet {
                            eprintln!(
                                "note: {file} names no programme: its modules go to {:?} ({})",
                                choice.name, choice.why
                            );
                        }
                        choice.name
                    }
                };
                let rows = ModuleRows::Parsed { rows: doc.rows(&to).into_iter(), columns: doc.columns() };
                return Ok((rows, None, Origin::Text));
            }
            refuse_sheet(c, "a text file")?;
            let bar = src.progress.clone();
            let mut reader = ModuleReader::new(src, &c.map, themes, programme)?;
            settle_programme(&mut reader, conn, programme)?;
            outcomes_note(&reader, quiet, remarks);
            Ok((ModuleRows::Reader(Box::new(reader)), bar, Origin::Text))
        }
    }
}

/// For a file without a programme column: the programme its rows go to
/// (see [`crate::store::curriculum::programme_for_import`]), told in the
/// header report.
fn settle_programme(reader: &mut ModuleReader, conn: &rusqlite::Connection, given: Option<&str>) -> Result<()> {
    if !reader.has_programme_column() {
        let choice = crate::store::curriculum::programme_for_import(conn, given)?;
        reader.set_programme(&choice.name, &choice.why);
    }
    Ok(())
}

/// Whether a file is larger than `max` bytes.
fn larger_than(path: &Path, max: u64) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > max)
}

/// The first 64 KiB of a file as text (UTF-16 told by its byte-order mark,
/// anything else read as UTF-8 with bad bytes replaced): enough to tell its
/// format without reading the rest.
fn peek(path: &Path) -> Result<String> {
    let mut head = Vec::with_capacity(64 << 10);
    std::fs::File::open(path)
        .and_then(|f| f.take(64 << 10).read_to_end(&mut head))
        .with_context(|| format!("reading {}", path.display()))?;
    let enc = encoding_rs::Encoding::for_bom(&head).map_or(encoding_rs::UTF_8, |(e, _)| e);
    Ok(enc.decode(&head).0.into_owned())
}

fn refuse_encoding(c: &Common, what: &str) -> Result<()> {
    if c.encoding.is_some() {
        bail!("--encoding applies to text files; {} is an {what}", c.file.display());
    }
    Ok(())
}

fn refuse_sheet(c: &Common, what: &str) -> Result<()> {
    if c.sheet.is_some() {
        bail!("{} applies to workbooks; {} is {what}", c.sheet_option.unwrap_or("--sheet"), c.file.display());
    }
    Ok(())
}

/// A file named as a workbook (`.xlsx`…) that holds text (a CSV file saved
/// under the wrong name) is read as text, and the user is told so, even when
/// quiet: the messages that follow are about delimited text, not a sheet.
fn text_named_as_workbook(c: &Common, file: &str, remarks: &mut Vec<String>) {
    // A file in a format canon names as not read (a PDF under .xlsx) is
    // refused as that, not first called text (tester r67 F7).
    let head = std::fs::File::open(&c.file).and_then(|f| {
        let mut b = Vec::with_capacity(4096);
        std::io::Read::read_to_end(&mut std::io::Read::take(f, 4096), &mut b)?;
        Ok(String::from_utf8_lossy(&b).into_owned())
    });
    if head.is_ok_and(|h| detect::unsupported(&c.file, &h).is_some()) {
        return;
    }
    if let Some(ext) = detect::workbook_extension(&c.file) {
        remark(
            remarks,
            false,
            format!(
                "warning: {file} is named .{ext} but holds text, not a workbook (no zip-based or Excel 97-2003 \
                 content): read as delimited text"
            ),
        );
    }
}

/// Says which sheet and header row are read, names the sheets not read
/// (warning about another that also holds a list), and the hidden rows and
/// columns that are read (the empty rows skipped are counted in the
/// summary, as a CSV file's are). Warnings are printed even when quiet.
fn sheet_note(sheet: &workbook::Sheet, quiet: bool, remarks: &mut Vec<String>) {
    for line in &sheet.remarks {
        remark(remarks, quiet && !line.starts_with("warning:"), line.clone());
    }
}

fn outcomes_note(reader: &ModuleReader, quiet: bool, remarks: &mut Vec<String>) {
    if reader.outcomes_only() {
        remark(
            remarks,
            quiet,
            "note: the file has learning outcomes and no session column: each outcome is imported as an item of \
             kind \"outcome\""
                .into(),
        );
    }
}

/// Imports a reading list in one transaction; with --dry-run, rolls back.
/// With --skip-invalid the valid records are written and the others left
/// out (to --rejects FILE, in the input's own format, with their reasons).
pub fn reading(store: &mut Store, a: &ReadingArgs, quiet: bool) -> Result<Imported> {
    reading_in(Target::Own(store), a, quiet)
}

/// Imports a reading list into a transaction an outer unit holds (see
/// [`modules_within`]).
pub fn reading_within(tx: &rusqlite::Transaction, db: &Path, a: &ReadingArgs, quiet: bool) -> Result<Imported> {
    reading_in(Target::Unit(tx, db), a, quiet)
}

fn reading_in(store: Target, a: &ReadingArgs, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let themes = ThemeIndex::load(store.conn())?;
    let file = c.file.display().to_string();
    // Regular files of bounded size only, before anything opens the file.
    crate::limits::input_file(&c.file, crate::limits::MAX_INPUT_FILE, "a reading list")?;
    if let Some(r) = &a.rejects {
        refuse_rejects_path(r, &c.file, store.path())?;
    }
    let mut remarks = Vec::new();
    let imported = match detect::container(&c.file).with_context(|| format!("opening {file}"))? {
        Container::Workbook(kind) => {
            crate::limits::input_file(&c.file, crate::limits::MAX_WHOLE_FILE, "a workbook")?;
            refuse_encoding(c, kind.name())?;
            if let Some(f) = a
                .format
                .as_deref()
                .filter(|f| !matches!(*f, "csv" | "scopus-csv" | "pubmed-csv" | "zotero-csv" | "talis-csv"))
            {
                bail!("{file} is an {}; --format {f} cannot read it", kind.name());
            }
            // The rows left out of a workbook go back as a workbook.
            if let Some(r) = a.rejects.as_ref().filter(|r| !has_extension(r, "xlsx")) {
                bail!(
                    "--rejects {}: the rows left out of a workbook are written as an .xlsx workbook; \
                     name a file ending in .xlsx",
                    r.display()
                );
            }
            let fields = crate::import::reading_csv::FIELDS;
            let maps = header::parse_maps(&c.map, fields)?;
            let option = c.sheet_option.unwrap_or("--sheet");
            let sheet = workbook::open_as(&c.file, kind, c.sheet.as_deref(), option, fields, &maps)?;
            sheet_note(&sheet, quiet, &mut remarks);
            // An export (Scopus's, Zotero's, Talis Aspire's) opened and saved
            // in Excel: read by its own columns, as its CSV is (tester r17,
            // F22). `--format csv` reads canon's own columns.
            let export = match a.format.as_deref() {
                Some("scopus-csv") => Some("scopus-csv"),
                Some("pubmed-csv") => Some("pubmed-csv"),
                Some("zotero-csv") => Some("zotero-csv"),
                Some("talis-csv") => Some("talis-csv"),
                Some(_) => None,
                None => detect::export_columns(&sheet.headers),
            };
            if let Some(format) = export {
                let origin = sheet.origin.clone();
                let (text, problems) = sheet_as_text(sheet);
                let mut p = match format {
                    "scopus-csv" => scopus_csv::parse_with(&file, &text, &themes, &c.map),
                    "pubmed-csv" => pubmed_csv::parse_with(&file, &text, &themes, &c.map),
                    "zotero-csv" => zotero_csv::parse_with(&file, &text, &themes, &c.map),
                    _ => talis_csv::parse_with(&file, &text, &themes, &c.map),
                };
                p.errors.extend(problems);
                // Columns named by their letters, as for any sheet.
                if let (Some(h), Origin::Sheet { first_column, .. }) = (p.header.as_mut(), &origin) {
                    h.sheet_column = Some(*first_column);
                }
                let input = Input { parsed: Either::Whole(Box::new(p)), bar: None, format, text, from_excel: false };
                return finish_reading(reading_from(store, a, input, origin, quiet), remarks);
            }
            let mapping = sheet.mapping(&file, fields, &maps)?;
            let origin = sheet.origin.clone();
            let r = ReadingReader::from_records(file, Box::new(sheet.records), &sheet.headers, mapping, &themes);
            let input = Input {
                parsed: Either::Stream(Box::new(r)),
                bar: None,
                format: "csv",
                text: String::new(),
                from_excel: false,
            };
            reading_from(store, a, input, origin, quiet)
        }
        Container::Other(what) => {
            bail!(
                "{file} is {what}; expected a reading list as CSV, BibTeX, RIS, CSL-JSON, MEDLINE (.nbib), \
                 EndNote XML or a workbook"
            )
        }
        Container::Text => {
            text_named_as_workbook(c, &file, &mut remarks);
            refuse_sheet(c, "a text file")?;
            let input = text_reading(a, &themes, quiet, &mut remarks)?;
            reading_from(store, a, input, Origin::Text, quiet)
        }
    };
    finish_reading(imported, remarks)
}

/// The import's result with what was said before its rows first.
fn finish_reading(imported: Result<Imported>, mut remarks: Vec<String>) -> Result<Imported> {
    let mut imported = imported?;
    remarks.append(&mut imported.remarks);
    imported.remarks = remarks;
    Ok(imported)
}

/// A workbook sheet as CSV text whose lines are the sheet's rows (the
/// header on its row, each record on its own; a line break inside a cell
/// is a space, so that no row moves), for a reader of a CSV export, with
/// the sheet's cell problems (error cells, values under no header).
fn sheet_as_text(sheet: workbook::Sheet) -> (String, Vec<RowError>) {
    use crate::import::records::Records;
    let mut text = String::new();
    let mut line = 1u64;
    let mut put = |text: &mut String, row: u64, cells: &mut dyn Iterator<Item = &str>| {
        while line < row {
            text.push('\n');
            line += 1;
        }
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        let cells: Vec<String> = cells.map(|c| c.replace(['\r', '\n'], " ")).collect();
        if w.write_record(&cells).is_ok()
            && let Ok(bytes) = w.into_inner()
        {
            text.push_str(&String::from_utf8_lossy(&bytes));
            line += 1;
        }
    };
    let header_line = sheet.header_row + sheet.header_rows.saturating_sub(1);
    put(&mut text, header_line, &mut sheet.headers.iter().map(String::as_str));
    let mut records = sheet.records;
    let mut problems = Vec::new();
    while let Some(r) = records.next_record() {
        match r {
            Ok(row) => {
                let cells: Vec<String> = records.current().iter().map(str::to_string).collect();
                put(&mut text, row, &mut cells.iter().map(String::as_str));
                problems.extend(records.cell_problems());
            }
            Err(e) => problems.push(e),
        }
    }
    (text, problems)
}

/// A reading list as read, before it is written.
struct Input<'a> {
    parsed: Either<'a>,
    bar: Option<indicatif::ProgressBar>,
    /// The format it was read as ("csv", "bibtex"…).
    format: &'static str,
    /// The whole text of a format read whole (for `--rejects`); empty for a stream.
    text: String,
    /// The file came from Excel (a byte-order mark or a legacy encoding):
    /// a CSV rejects file gets a UTF-8 byte-order mark.
    from_excel: bool,
}

/// A reading list in a text format: the canonical CSV (streamed) or one read whole.
fn text_reading<'a>(
    a: &ReadingArgs,
    themes: &'a ThemeIndex,
    quiet: bool,
    remarks: &mut Vec<String>,
) -> Result<Input<'a>> {
    let c = &a.common;
    // A format read whole, in a file too large for that, is refused before
    // the text is scanned (which reads all of it).
    if larger_than(&c.file, crate::limits::MAX_WHOLE_FILE) {
        let head = peek(&c.file)?;
        let format = a.format.as_deref().or_else(|| detect::detect(&c.file, &head)).unwrap_or("csv");
        if format != "csv" {
            crate::limits::input_file(&c.file, crate::limits::MAX_WHOLE_FILE, &format!("a {format} file"))?;
        }
    }
    let src = source::open(&c.file, &SourceOptions { encoding: c.encoding.clone(), progress: !quiet })?;
    // A file in a format canon does not read (a PDF, a workbook) is named
    // as such before anything is said about its encoding (a PDF was
    // "read as GBK" first).
    if a.format.is_none()
        && let Some(what) = detect::unsupported(&c.file, &src.head)
    {
        bail!("{what}");
    }
    if let Some(n) = &src.note {
        remark(remarks, quiet, format!("note: {n}"));
    }
    if let Some(m) = &src.mixed {
        remark(remarks, quiet, format!("warning: {m}"));
    }
    // A file from Excel (a byte-order mark, or a legacy encoding): its CSV
    // rejects file starts with a UTF-8 byte-order mark, so that Excel opens
    // the names in it right (tester r40, #8: "MÃ¼ller" came back).
    let from_excel = src.encoding != encoding_rs::UTF_8 || {
        let mut head = [0u8; 3];
        std::fs::File::open(&c.file).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).is_ok_and(|n| n == 3)
            && head == [0xEF, 0xBB, 0xBF]
    };
    let bar = src.progress.clone();
    let format: &'static str = match a.format.as_deref() {
        // The command line allows only the formats below.
        Some(f) => FORMATS.iter().find(|k| **k == f).copied().unwrap_or("csv"),
        None => detect::detect(&c.file, &src.head).unwrap_or("csv"),
    };
    if !matches!(format, "csv" | "zotero-csv" | "talis-csv" | "scopus-csv" | "pubmed-csv") && !c.map.is_empty() {
        bail!(
            "--map applies to files with columns (csv, zotero-csv, talis-csv, scopus-csv); {} is read as {format}",
            c.file.display()
        );
    }
    let name = c.file.display().to_string();
    // An empty file (or one of blank lines) is refused in every format, with
    // what the format holds (tester r28, F12: an empty .bib "had no rows, only
    // its header" and imported nothing with success).
    let blank = src.head.trim_start_matches('\u{feff}').trim().is_empty();
    if blank && std::fs::metadata(&c.file).is_ok_and(|m| m.len() as usize <= src.head.len()) {
        let xml = c.file.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"));
        let expected = match format {
            "bibtex" => "BibTeX entries such as @article{key, title = {…}}",
            "ris" => "RIS records, each from `TY  - ` to `ER  - `",
            "csl-json" => "a CSL-JSON array of items, [{\"title\": …}]",
            "nbib" => "MEDLINE records, each starting `PMID- `",
            "wos" => "Web of Science records, each from `PT` to `ER`",
            "endnote-xml" => "an EndNote XML export, <xml><records><record>…",
            _ if xml => "an EndNote XML export, <xml><records><record>…",
            _ => "a header row such as title,authors,year,type,doi,url,themes,notes",
        };
        bail!("{name}:1:1: the file is empty; expected {expected}");
    }
    // The canonical CSV streams; the other formats are read whole (reading
    // lists are small) and parsed in one go.
    let mut whole_text = String::new();
    let parsed = match format {
        "csv" => Either::Stream(Box::new(ReadingReader::new(src, &c.map, themes)?)),
        other => {
            crate::limits::input_file(&c.file, crate::limits::MAX_WHOLE_FILE, &format!("a {other} file"))?;
            let mut reader = src.reader;
            reader.read_to_string(&mut whole_text).with_context(|| format!("reading {}", c.file.display()))?;
            let text = &whole_text;
            let p = match other {
                "bibtex" => bibtex::parse(&name, text, themes),
                "ris" => ris::parse(&name, text, themes),
                "zotero-csv" => zotero_csv::parse_with(&name, text, themes, &c.map),
                "csl-json" => csl_json::parse(&name, text, themes),
                "talis-csv" => talis_csv::parse_with(&name, text, themes, &c.map),
                "scopus-csv" => scopus_csv::parse_with(&name, text, themes, &c.map),
                "pubmed-csv" => pubmed_csv::parse_with(&name, text, themes, &c.map),
                "nbib" => nbib::parse(&name, text, themes),
                "wos" => crate::import::wos::parse(&name, text, themes),
                "endnote-xml" => endnote_xml::parse(&name, text, themes),
                _ => bail!("unknown reading-list format {other:?}"),
            };
            if p.records.is_empty() && p.errors.is_empty() && p.skipped == 0 && !text.trim().is_empty() {
                // An export with no records in it (`[]`, `<records></records>`): said so.
                let empty_export = match other {
                    "csl-json" => serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
                        .is_ok_and(|v| v.as_array().is_some_and(Vec::is_empty)),
                    "endnote-xml" => endnote_xml::looks_like(text),
                    _ => false,
                };
                if empty_export {
                    bail!("{}: the {other} export holds no records; nothing to import", c.file.display());
                }
                bail!(
                    "{}: no {other} records found; is the file in another format? (--format csv, bibtex, ris, \
                     zotero-csv, csl-json, talis-csv, scopus-csv, nbib, endnote-xml or wos)",
                    c.file.display()
                );
            }
            Either::Whole(Box::new(p))
        }
    };
    Ok(Input { parsed, bar, format, text: whole_text, from_excel })
}

/// Writes a reading list read from a text file or a workbook sheet, in one
/// transaction; with --dry-run, rolls back.
fn reading_from(store: Target, a: &ReadingArgs, input: Input, origin: Origin, quiet: bool) -> Result<Imported> {
    let c = &a.common;
    let Input { mut parsed, bar, format, text: whole_text, from_excel: input_from_excel } = input;
    let name = c.file.display().to_string();
    let header = match &parsed {
        Either::Stream(r) => Some(r.header().clone()),
        Either::Whole(p) => p.header.clone(),
    };
    let mut ids = id_gen(store.conn())?;
    let tx = store.begin()?;
    let by = by_id(&tx, &mut ids, &c.by.by)?;
    let mut writer = ReadingWriter::new(&tx, ids, by, Some(&name), &a.status, c.dry_run)?;
    let mut errors = ImportErrors::new(c.file.clone());
    errors.origin = origin.clone();
    let mut rejected: Vec<Change> = Vec::new();
    let mut notes = ReadingNotes {
        type_column: header.as_ref().is_some_and(|h| h.columns.iter().any(|col| col.field == Some("type"))),
        ..ReadingNotes::default()
    };
    // For --rejects: the canonical CSV's rejected rows as read, and the
    // records of a whole file that the store refused.
    let mut rejected_rows: Vec<(csv::StringRecord, Vec<RowError>)> = Vec::new();
    let mut refused_records: Vec<Reject> = Vec::new();
    let mut rejected_records = 0usize;
    let column_of = |field: &str| {
        header.as_ref().and_then(|h| h.columns.iter().find(|col| col.field == Some(field))).map_or(1, |col| col.column)
            as u64
    };
    let mut rows = 0i64;
    // A file none of whose problems is a record's (a JSON syntax error, a
    // header the format cannot read): nothing to leave out and write back,
    // so --skip-invalid does not turn it into "every record rejected" and
    // exit 0 (tester r17, F14, F30); it is refused as without the option.
    let mut unreadable = false;
    let mut records = match &mut parsed {
        Either::Whole(p) => {
            unreadable = p.records.is_empty() && !p.rejected.is_empty() && p.rejected.iter().all(|r| r.span.is_none());
            rejected_records = p.rejected.len();
            for e in std::mem::take(&mut p.errors) {
                rows += 1;
                reject(&mut errors, &mut rejected, c.dry_run, e);
            }
            let spans = std::mem::take(&mut p.spans);
            std::mem::take(&mut p.records).into_iter().zip(spans.into_iter().chain(std::iter::repeat(None))).collect()
        }
        Either::Stream(_) => Vec::new(),
    }
    .into_iter();
    loop {
        let (row, span) = match &mut parsed {
            Either::Stream(r) => (r.next_row(), None),
            Either::Whole(_) => match records.next() {
                Some((r, span)) => (Some(Ok(r)), span),
                None => (None, None),
            },
        };
        let Some(row) = row else { break };
        rows += 1;
        match row {
            Ok(r) => {
                notes.add(&r);
                writer.write_row(&r)?;
                notes.capitals(&r, writer.merged_into.as_ref());
                // A record the store cannot take as it is (a DOI another entry
                // has, a status change without a reviewer) is rejected too.
                let problems: Vec<RowError> = writer
                    .problems
                    .drain(..)
                    .map(|(line, field, problem)| {
                        // A problem with the DOI is said at the DOI (tester r29, D9: "1:1").
                        let column = match (field, r.doi_column) {
                            ("doi", Some(c)) if header.is_none() && line == r.doi_line.unwrap_or(r.line) => c,
                            _ => column_of(field),
                        };
                        // A whole-file format's field: at its own line.
                        match r.field_at.iter().find(|(f, _, _)| *f == field) {
                            Some((_, l, c)) if header.is_none() && line == r.line => RowError::new(*l, *c, problem),
                            _ => RowError::new(line, column, problem),
                        }
                    })
                    .collect();
                if !problems.is_empty() {
                    rejected_records += 1;
                    match &parsed {
                        Either::Stream(reader) => rejected_rows.push((reader.current_row().clone(), problems.clone())),
                        Either::Whole(_) => refused_records.push(Reject { span, errors: problems.clone() }),
                    }
                }
                for e in problems {
                    reject(&mut errors, &mut rejected, c.dry_run, e);
                }
            }
            Err(errs) => {
                rejected_records += 1;
                if let Either::Stream(reader) = &parsed {
                    rejected_rows.push((reader.current_row().clone(), errs.clone()));
                }
                for e in errs {
                    reject(&mut errors, &mut rejected, c.dry_run, e);
                }
            }
        }
    }
    // A DOI or ISBN a row took from an entry that no later row gave another one: refused whole.
    let unsettled = writer.unsettled();
    let moved_in_vain = !unsettled.is_empty();
    let unsettled_records = unsettled.len();
    for (line, field, problem) in unsettled {
        reject(&mut errors, &mut rejected, c.dry_run, RowError::new(line, column_of(field), problem));
    }
    errors.errors.sort_by_key(|e| e.line);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut remarks = Vec::new();
    for line in notes.lines(&name, &origin) {
        remark(&mut remarks, quiet, line);
    }
    let tally = match &parsed {
        Either::Stream(r) => r.tally(),
        Either::Whole(p) => Tally { filled: p.filled.clone(), skipped: p.skipped, ..Tally::default() },
    };
    let writer_notes = std::mem::take(&mut writer.notes);
    let warnings = std::mem::take(&mut writer.warnings);
    let refusal = writer.needs_by();
    // Set before finishing: the run's history entry counts them.
    // Records, not problems (one record with two problems is one rejected),
    // so that a dry run says what the real run will (tester r13, P8); a
    // file whose problems belong to no record counts its problems.
    let records_rejected = rejected_records + unsettled_records;
    writer.counts.rejected =
        if records_rejected == 0 && !errors.is_empty() { errors.problems() as i64 } else { records_rejected as i64 };
    writer.counts.skipped = tally.skipped as i64;
    let (mut counts, mut changes) = writer.finish()?;
    counts.rows = rows;
    // The rejects file is written at every run that names it, with none
    // when nothing was left out: a file from an earlier run, left as it was,
    // said records were still rejected (tester r16, S3).
    let skip_invalid = a.skip_invalid && !unreadable;
    if a.skip_invalid && unreadable {
        remark(
            &mut remarks,
            quiet,
            "note: --skip-invalid leaves out records, and these problems are the file's, not a record's".to_string(),
        );
    }
    if skip_invalid && (!errors.is_empty() || a.rejects.is_some()) {
        let none = errors.is_empty();
        counts.left_out = rejected_records as i64;
        let what = match &a.rejects {
            Some(path) => {
                let bytes = match &mut parsed {
                    Either::Stream(reader) => {
                        let (head, delimiter) = reader.raw_header();
                        match &origin {
                            Origin::Sheet { .. } => rejects::render_workbook(&name, &origin, head, &rejected_rows)?,
                            Origin::Text => rejects::render_csv(&name, head, &rejected_rows, delimiter)?,
                        }
                    }
                    Either::Whole(p) => {
                        p.rejected.append(&mut refused_records);
                        match &origin {
                            // A workbook read as an export (Scopus's): its rows back as a workbook.
                            Origin::Sheet { .. } => {
                                let (head, rows) = rejects::csv_rows(&whole_text, &p.rejected)?;
                                rejects::render_workbook(&name, &origin, &head, &rows)?
                            }
                            Origin::Text => rejects::render(format, &name, &whole_text, &p.rejected)?,
                        }
                    }
                };
                let csv_rows = matches!(origin, Origin::Text)
                    && matches!(format, "csv" | "zotero-csv" | "talis-csv" | "scopus-csv" | "pubmed-csv");
                let bytes = if input_from_excel && csv_rows && !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    [&[0xEF, 0xBB, 0xBF][..], &bytes].concat()
                } else {
                    bytes
                };
                if c.dry_run && none {
                    format!("(a real run writes {} with none)", path.display())
                } else if c.dry_run {
                    format!("(a real run writes them to {})", path.display())
                } else {
                    let replaced = if path.exists() { " (the file that was there replaced)" } else { "" };
                    crate::report::write_file(path, &bytes)?;
                    if none {
                        format!("{} written with none{replaced}", path.display())
                    } else {
                        format!("written with their reasons to {}{replaced}", path.display())
                    }
                }
            }
            None => "not imported (name a file with --rejects to keep them)".to_string(),
        };
        // Each record left out, with its reason: said even when quiet.
        for e in &errors.errors {
            remark(&mut remarks, false, format!("{}: {}", errors.locate(e), e.message));
        }
        if errors.more > 0 {
            remark(&mut remarks, false, format!("… and {} more problems", errors.more));
        }
        let note = if none {
            format!("note: --skip-invalid: no record left out; {what}")
        } else {
            format!("note: --skip-invalid: {rejected_records} invalid record(s) left out: {what}")
        };
        remark(&mut remarks, quiet, note);
    }
    if let Some(ch) = &mut changes {
        ch.extend(rejected);
    }
    let refused = (!errors.is_empty() && (!skip_invalid || moved_in_vain)) || refusal.is_some();
    tx.finish(!(c.dry_run || refused))?;
    let errors = (!errors.is_empty() && (!skip_invalid || moved_in_vain)).then_some(errors);
    Ok(Imported {
        counts,
        changes,
        header,
        filled: tally.filled,
        notes: writer_notes,
        warnings,
        origin,
        errors,
        refusal,
        remarks,
    })
}

/// What an import tells about records it took as they were: doubts about
/// how they were read, keywords that are not themes, works not yet published.
#[derive(Default)]
struct ReadingNotes {
    warnings: Vec<RowError>,
    /// Capitals a record had that the stored entry it matched did not take
    /// ([`crate::import::Capitals::said`]).
    cased: Vec<RowError>,
    keywords: std::collections::BTreeMap<String, usize>,
    not_yet: usize,
    /// Records with no year and no state: each said, and counted here.
    undated: usize,
    /// Fields canon does not store, with how many records had each.
    unstored: std::collections::BTreeMap<String, usize>,
    /// Records typed by canon and not warned of it, by the type read and
    /// why ([`ReadingRecord::kind_unsaid`]): said once for the file.
    inferred: std::collections::BTreeMap<(String, &'static str), usize>,
    /// The file has a type column (its rows' empty cells were typed), or
    /// none (every row was).
    type_column: bool,
    /// Fields whose tab or line break was stored as one space, and the
    /// first of them ([`ReadingRecord::broken`]): said once for the file.
    broken: usize,
    first_broken: Option<String>,
}

impl ReadingNotes {
    fn add(&mut self, r: &ReadingRecord) {
        self.warnings.extend(r.warnings.iter().cloned());
        for k in &r.keywords_not_themes {
            *self.keywords.entry(k.clone()).or_default() += 1;
        }
        if r.year.is_none() && r.year_note.is_some() {
            self.not_yet += 1;
        }
        if r.undated {
            self.undated += 1;
        }
        for f in &r.unstored {
            *self.unstored.entry(f.clone()).or_default() += 1;
        }
        if let Some(why) = r.kind_unsaid {
            *self.inferred.entry((r.kind.clone(), why)).or_default() += 1;
        }
        if let Some((n, first)) = &r.broken {
            self.broken += n;
            self.first_broken.get_or_insert_with(|| first.clone());
        }
    }

    /// What is said of a record's capitals once it is written (`stored`:
    /// the entry it was merged into, as stored after it).
    fn capitals(&mut self, r: &ReadingRecord, stored: Option<&crate::store::readings::StoredForms>) {
        let Some(c) = &r.capitals else { return };
        let stored = stored.map(|s| (s.title.as_str(), s.container.as_deref(), s.names.as_slice()));
        let (warning, note) = c.said(r, stored);
        self.warnings.extend(warning);
        self.cased.extend(note);
    }

    /// The note on the types canon inferred for rows that state none, once
    /// for the file, with the column to add (tester r73 F3: a sheet without
    /// a type column was read as articles without a word):
    /// "type not stated (no type column): 4 rows read as article (a
    /// journal), 1 as book (…); add a `type` column to state it".
    fn inferred_line(&self, file: &str) -> Option<String> {
        if self.inferred.is_empty() {
            return None;
        }
        let mut groups: Vec<(&(String, &str), &usize)> = self.inferred.iter().collect();
        groups.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let said: Vec<String> = groups
            .iter()
            .enumerate()
            .map(|(i, ((kind, why), n))| {
                let rows = match (i, **n) {
                    (0, 1) => "1 row".to_string(),
                    (0, n) => format!("{n} rows"),
                    (_, n) => n.to_string(),
                };
                let read = if i == 0 { "read as " } else { "as " };
                format!("{rows} {read}{kind} ({why})")
            })
            .collect();
        let (what, fix) = if self.type_column {
            ("its type cell empty", "fill the type cells to state it")
        } else {
            ("no type column", "add a `type` column to state it")
        };
        Some(format!("note: {file}{TYPE_NOT_STATED} ({what}): {}; {fix}", said.join(", ")))
    }

    /// The lines the command line prints on stderr (and the web workspace shows).
    fn lines(&self, file: &str, origin: &Origin) -> Vec<String> {
        let mut out = Vec::new();
        for w in self.warnings.iter().take(crate::import::MAX_ERRORS) {
            out.push(format!("{file}:{}: warning: {}", origin.at(w.line, w.column), w.message));
        }
        if self.warnings.len() > crate::import::MAX_ERRORS {
            out.push(format!("… and {} more warnings", self.warnings.len() - crate::import::MAX_ERRORS));
        }
        for n in self.cased.iter().take(crate::import::MAX_ERRORS) {
            out.push(format!("note: {file}:{}: {}", origin.at(n.line, n.column), n.message));
        }
        if self.cased.len() > crate::import::MAX_ERRORS {
            out.push(format!(
                "… and {} more notes of capitals not stored",
                self.cased.len() - crate::import::MAX_ERRORS
            ));
        }
        if !self.keywords.is_empty() {
            let mut top: Vec<(&String, &usize)> = self.keywords.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let shown: Vec<String> = top.iter().take(8).map(|(k, n)| format!("{k:?} ({n})")).collect();
            out.push(format!(
                "note: {} keyword{} no theme and {} not imported as tags ({}{}); \
                 write `theme:SLUG` as a keyword to tag a theme",
                self.keywords.len(),
                if self.keywords.len() == 1 { " names" } else { "s name" },
                if self.keywords.len() == 1 { "was" } else { "were" },
                shown.join(", "),
                if top.len() > 8 { ", …" } else { "" }
            ));
        }
        if !self.unstored.is_empty() {
            let mut top: Vec<(&String, &usize)> = self.unstored.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let shown: Vec<String> = top
                .iter()
                .enumerate()
                .map(|(i, (f, n))| {
                    let unit = if i > 0 {
                        ""
                    } else if **n == 1 {
                        " record"
                    } else {
                        " records"
                    };
                    format!("{f} ({n}{unit})")
                })
                .collect();
            out.push(format!("note: not stored (canon has no field for them): {}", shown.join(", ")));
        }
        out.extend(self.inferred_line(file));
        if let Some(first) = self.first_broken.as_deref() {
            let (fields, each) =
                if self.broken == 1 { ("1 field", "") } else { (&*format!("{} fields", self.broken), "each ") };
            out.push(format!(
                "note: {file}: {fields} held a tab or line break, {each}stored as one space (first: {first})"
            ));
        }
        if self.not_yet > 0 {
            out.push(format!(
                "note: {} reading{} not yet published (in press, forthcoming…): read without a year, with that note in its place",
                self.not_yet,
                if self.not_yet == 1 { "" } else { "s" }
            ));
        }
        if self.undated > 0 {
            out.push(format!(
                "note: {} reading{} with no date (no year, nor \"in press\" or \"n.d.\" in the file): read without a year",
                self.undated,
                if self.undated == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

/// Whether `path` ends in `.EXT` (any case).
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The rejects file may not be the input or the database.
fn refuse_rejects_path(out: &Path, input: &Path, db: &Path) -> Result<()> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if same(out, input) {
        bail!("--rejects {} is the file being imported; choose another file name", out.display());
    }
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    if same(out, db) || same(out, &wal) {
        bail!("--rejects {} is the database; choose another file name", out.display());
    }
    // Another database (a second canon database, anything in SQLite): the
    // rejects would replace it.
    let mut magic = [0u8; 16];
    let is_sqlite = std::fs::File::open(out).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && &magic == b"SQLite format 3\0";
    if is_sqlite {
        bail!("--rejects {} is an SQLite database (another canon database?); choose another file name", out.display());
    }
    Ok(())
}

/// A reading list read as a stream (the canonical CSV) or whole (the rest).
enum Either<'a> {
    Stream(Box<ReadingReader<'a>>),
    Whole(Box<crate::import::Parsed>),
}

fn reject(errors: &mut ImportErrors, rejected: &mut Vec<Change>, dry_run: bool, e: RowError) {
    if dry_run {
        // A warning beside a rejected record's problem is said under it, not
        // as a second rejected record (tester r67 F7: two "rejected" lines
        // for one row).
        let also = |at: &str, m: &str| format!("also, not why it was rejected: {at}: {m}");
        let at = errors.locate(&e);
        match rejected.last_mut().filter(|c| c.line == e.line) {
            Some(last) if e.is_warning() => last.fields.push(also(&at, &e.message)),
            Some(last) if last.fields.first().is_some_and(|f| f.starts_with("warning: ")) => {
                let warned = also(&last.what, &last.fields[0]);
                last.what = at;
                last.fields[0] = e.message.clone();
                last.fields.push(warned);
            }
            _ => rejected.push(Change {
                line: e.line,
                outcome: Outcome::Rejected,
                what: at,
                fields: vec![e.message.clone()],
            }),
        }
    }
    errors.push(e);
}

/// Tells the user what an import did: how the header was read (stderr, and
/// stdout in a dry run), warnings for columns not read, the dry-run diff
/// (stdout), notes and the one-line summary (stderr). A refused import, or a
/// dry run of one, is an error (exit 1).
pub fn finish(ctx: &Ctx, c: &Common, noun: &str, imported: Imported) -> Result<()> {
    let file = c.file.display();
    // A workbook's rows are rows of its sheet, not lines of text.
    let unit = if matches!(imported.origin, Origin::Sheet { .. }) { "row" } else { "line" };
    if let Some(h) = &imported.header {
        if let Some(a) = &h.above {
            ctx.note(format_args!("note: {file}: {}", a.describe()));
        }
        if c.dry_run {
            print_header(h, &imported.filled);
        } else {
            ctx.note(format_args!("{file}: columns read: {}", h.read_line()));
        }
        for w in h.warnings(Some(&imported.filled)) {
            eprintln!("warning: {file}: {}", crate::limits::readable(&w.to_string()));
        }
    }
    if let Some(mut changes) = imported.changes {
        // Row by row, then what the file no longer holds.
        changes.sort_by_key(|ch| (ch.outcome == Outcome::Removed, ch.line));
        print_diff(&changes, unit);
    }
    for (line, n) in &imported.notes {
        ctx.note(format_args!("note: {file}:{}: {n}", imported.origin.row(*line)));
    }
    for (line, w) in &imported.warnings {
        eprintln!("warning: {file}:{}: {}", imported.origin.row(*line), crate::limits::readable(w));
    }
    if let Some(errors) = imported.errors {
        if c.dry_run {
            ctx.note(summary(&c.file, noun, &imported.counts, true));
            bail!(
                "dry run of {file}: the import would be refused ({} problem{} listed above); nothing written",
                errors.problems(),
                if errors.problems() == 1 { "" } else { "s" }
            );
        }
        return Err(errors.into());
    }
    if let Some(r) = imported.refusal {
        if c.dry_run {
            ctx.note(summary(&c.file, noun, &imported.counts, true));
            bail!("dry run of {file}: the import would be refused: {r}; nothing written");
        }
        bail!("{file}: {r}; nothing imported");
    }
    // Where rows without a column for a field went (the dry run shows it with the columns).
    if let (Some(h), false) = (&imported.header, c.dry_run) {
        for (field, text) in &h.defaults {
            ctx.note(format_args!("note: {file}: no column for {field}: {text}"));
        }
    }
    ctx.note(summary(&c.file, noun, &imported.counts, c.dry_run));
    Ok(())
}

/// "1 session", "3 sessions".
fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The header section of a dry run: every column and what it is read as.
fn print_header(h: &HeaderReport, filled: &[u64]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Some(a) = &h.above {
        let _ = writeln!(out, "{:<10} {}", "header", a.describe());
    }
    for col in &h.columns {
        let name = if col.header.is_empty() { "(no header)".to_string() } else { format!("{:?}", col.header) };
        let column = h.column_name(col.column);
        let _ = match (col.field, col.matched) {
            (Some(f), Some(crate::import::header::Matched::Fallback)) => {
                writeln!(out, "{:<10} column {column:<3} {name} → {f} (when the first is empty, or as well)", "column")
            }
            (Some(f), _) => writeln!(out, "{:<10} column {column:<3} {name} → {f}", "column"),
            (None, _) => {
                let n = filled.get(col.column - 1).copied().unwrap_or(0);
                let why = col.reason.as_deref().unwrap_or("no field has that name");
                let fix = h.fix(col).map(|f| format!("; {f}")).unwrap_or_default();
                let held = if n == 1 { "1 row holds".to_string() } else { format!("{n} rows hold") };
                writeln!(out, "{:<10} column {column:<3} {name}: {why}; {held} text there{fix}", "not read")
            }
        };
    }
    for (field, text) in &h.defaults {
        let _ = writeln!(out, "{:<10} no column for {field}: {text}", "absent");
    }
    let stored: Vec<&str> = h.unfilled.iter().copied().filter(|f| !h.defaults.iter().any(|(d, _)| d == f)).collect();
    if !stored.is_empty() {
        let _ = writeln!(out, "{:<10} no column for {} (left as stored)", "absent", stored.join(", "));
    }
    for cell in &h.sheet_above {
        let _ = writeln!(out, "{:<10} {cell} (above the header: a title, not read)", "above");
    }
}

/// The dry run's rows: `unit` is what a position counts ("line" of a text file, "row" of a sheet).
fn print_diff(changes: &[Change], unit: &str) {
    use crate::limits::readable;
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for ch in changes {
        let tag = ch.outcome.as_str();
        let _ = match ch.outcome {
            Outcome::Rejected => writeln!(
                out,
                "{tag:<10} {}: {}",
                readable(&ch.what),
                readable(ch.fields.first().map_or("", String::as_str))
            ),
            Outcome::Removed => writeln!(out, "{tag:<10} {:<11} {}", "(not in file)", readable(&ch.what)),
            _ => writeln!(out, "{tag:<10} {unit:<4} {:<6} {}", ch.line, readable(&ch.what)),
        };
        let said = usize::from(ch.outcome == Outcome::Rejected);
        for f in ch.fields.iter().skip(said) {
            let _ = writeln!(out, "{:<18}{}", "", readable(f));
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
    let n = |k: i64, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    if c.renamed + c.removed > 0 {
        s.push_str(&format!("; {} renamed (tags kept), {} removed", c.renamed, c.removed));
    }
    if c.moved > 0 {
        s.push_str(&format!("; {} to another module (tags kept)", n(c.moved, "session moved", "sessions moved")));
    }
    if c.modules_new + c.modules_changed + c.modules_removed + c.modules_recoded > 0 {
        s.push_str(&format!("; modules: {} new, {} changed", c.modules_new, c.modules_changed));
        if c.modules_recoded > 0 {
            s.push_str(&format!(", {} recoded (lead, tags and links kept)", c.modules_recoded));
        }
        if c.modules_removed > 0 {
            s.push_str(&format!(", {} removed", c.modules_removed));
        }
    }
    if c.tags_new > 0 {
        s.push_str(&format!("; {} added", n(c.tags_new, "tag", "tags")));
    }
    if c.keywords_new > 0 {
        s.push_str(&format!("; {} added", n(c.keywords_new, "keyword", "keywords")));
    }
    if c.keywords_removed > 0 {
        s.push_str(&format!("; {} removed", n(c.keywords_removed, "keyword", "keywords")));
    }
    if c.tags_removed > 0 {
        s.push_str(&format!("; {} removed", n(c.tags_removed, "tag", "tags")));
    }
    if c.skipped > 0 {
        s.push_str(&format!("; {} skipped", n(c.skipped, "empty row or blank line", "empty rows and blank lines")));
    }
    if c.possible_duplicates > 0 {
        s.push_str(&format!(
            "; {} flagged above, each with its reason",
            n(c.possible_duplicates, "possible duplicate", "possible duplicates")
        ));
    }
    if c.titles_kept > 0 {
        s.push_str(&format!(
            "; {} against the file's (warned above)",
            n(c.titles_kept, "entry keeps its stored title", "entries keep their stored titles")
        ));
    }
    if c.dates_kept > 0 {
        s.push_str(&format!(
            "; {} against the file's other date (warned above)",
            n(c.dates_kept, "entry keeps its stored date", "entries keep their stored dates")
        ));
    }
    if c.names_kept > 0 {
        s.push_str(&format!(
            "; {} against the file's (another suffix, another script, the same people in another order, a shorter \
             list naming someone else, another name in a stored one's place, a cell split by a guess, or names without \
             their diacritics: warned above)",
            n(c.names_kept, "entry keeps a stored name", "entries keep stored names")
        ));
    }
    if c.removed_kept > 0 {
        s.push_str(&format!(
            "; {} skipped: removed here, not added again (warned above, with the `canon undo` that brings {} back)",
            n(c.removed_kept, "record", "records"),
            if c.removed_kept == 1 { "it" } else { "each" }
        ));
    }
    if c.held_by_hand > 0 {
        s.push_str(&format!(
            "; {} values set by hand against the file's (warned above)",
            n(c.held_by_hand, "entry keeps its", "entries keep their")
        ));
    }
    if c.not_in_file > 0 || c.modules_not_in_file > 0 {
        s.push_str(&format!("; {} (--sync retires them)", not_in_file(c)));
    }
    let changed = c.new
        + c.changed
        + c.modules_new
        + c.modules_changed
        + c.tags_new
        + c.keywords_new
        + c.keywords_removed
        + c.tags_removed
        + c.removed
        + c.renamed
        + c.moved
        + c.modules_removed
        + c.modules_recoded;
    if c.left_out > 0 {
        s.push_str(&format!("; {} by --skip-invalid", n(c.left_out, "record left out", "records left out")));
    }
    if c.rows == 0 && c.rejected == 0 {
        s.push_str(" — the file has no rows, only its header");
    } else if dry_run && c.rejected > c.left_out {
        s.push_str("; the import would be refused until the rejected rows are fixed");
    } else if !dry_run && changed == 0 && c.rejected > 0 && c.unchanged + c.duplicate == 0 {
        s.push_str(&if c.rejected == 1 {
            " — nothing changed: the only record was rejected".to_string()
        } else {
            format!(" — nothing changed: all {} records were rejected", c.rejected)
        });
    } else if !dry_run
        && changed == 0
        && c.held_by_hand + c.titles_kept + c.dates_kept + c.names_kept + c.values_kept > 0
    {
        // The file differs from what is stored (tester r18, F12): say why
        // nothing changed rather than that the database holds the file.
        s.push_str(" — nothing changed: the file's other values are already stored");
    } else if !dry_run && changed == 0 && c.removed_kept > 0 {
        s.push_str(" — nothing changed: the file's other records are already stored");
    } else if !dry_run && changed == 0 {
        s.push_str(" — nothing changed: the database already holds this file");
    }
    // The number `canon undo` takes, as an edit prints it (tester r58 F17).
    if let Some(h) = c.change.filter(|_| !dry_run) {
        // A module list's new sessions, modules and tags are kept only as
        // counts: its undo is refused, so the summary must not promise it
        // (tester r63 F16).
        let adds = crate::store::history::module_adds(|k| match k {
            "modules_added" => c.modules_new,
            "items_added" => c.new,
            "tags_added" => c.tags_new,
            "keywords_added" => c.keywords_new,
            _ => 0,
        });
        if noun == "sessions" && !adds.is_empty() {
            s.push_str(&format!(" (change #{h})"));
        } else {
            s.push_str(&format!(" (change #{h}; `canon undo {h}` reverts the import)"));
        }
    }
    s
}

/// What the file no longer holds, counted truly: "4 stored sessions the file
/// no longer holds, 3 of them in 2 modules it no longer lists".
fn not_in_file(c: &Counts) -> String {
    let n = |k: i64, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let modules = n(c.modules_not_in_file, "module", "modules");
    match (c.not_in_file, c.modules_not_in_file, c.not_in_file_unlisted) {
        (0, _, _) => format!(
            "{} the file no longer lists (with no sessions)",
            n(c.modules_not_in_file, "stored module", "stored modules")
        ),
        (s, 0, _) => format!("{} the file no longer holds", n(s, "stored session", "stored sessions")),
        (s, _, u) if u == s => format!(
            "{} the file no longer holds, {} in {modules} it no longer lists",
            n(s, "stored session", "stored sessions"),
            if s == 1 { "it" } else { "all" }
        ),
        (s, _, 0) => format!(
            "{} the file no longer holds, and {modules} it no longer lists (with no sessions)",
            n(s, "stored session", "stored sessions")
        ),
        (s, _, u) => format!(
            "{} the file no longer holds, {u} of them in {modules} it no longer lists",
            n(s, "stored session", "stored sessions")
        ),
    }
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
