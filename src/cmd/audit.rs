use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Ctx;
use super::import::{self, Common, ModulesArgs, ReadingArgs};
use super::report::{self, ReportOptions};
use crate::cli::By;

#[derive(Debug, clap::Args)]
///
/// `--programme NAME` both names the programme of module rows without one
/// (default "Curriculum") and limits the report to that programme.
pub struct Args {
    /// The module list: CSV, a workbook (.xlsx, .xlsm, .xls, .ods) or a
    /// Curriculum Inventory XML document.
    pub modules: PathBuf,
    /// The reading list: CSV, a workbook, BibTeX, RIS, Zotero CSV, CSL-JSON…
    pub reading: PathBuf,
    /// Where to write the report: OUT.pdf, OUT.csv (one flat table), a folder
    /// (one CSV per table), OUT.json or OUT.xlsx (the committee's workbook).
    #[arg(long, short, default_value = "report.pdf")]
    pub out: PathBuf,
    /// Name a module-list column: --map 'Their Header=field' (repeatable).
    #[arg(long, value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// The module-list workbook's sheet to read (default: the first sheet
    /// with a recognisable header row).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The module list's encoding, when detection guesses wrong (utf-8,
    /// windows-1252, utf-16le…).
    #[arg(long)]
    pub encoding: Option<String>,
    /// The reading-list workbook's sheet to read.
    #[arg(long, value_name = "NAME")]
    pub reading_sheet: Option<String>,
    /// The reading list's encoding, when detection guesses wrong.
    #[arg(long, value_name = "ENCODING")]
    pub reading_encoding: Option<String>,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub options: ReportOptions,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let format = report::format_of(&a.out, None)?;
    crate::output::protect(&ctx.db);
    // The report's destination is checked before anything is imported.
    report::check_out(&a.out)?;
    report::check_options(format, &a.options)?;
    let common = |file: PathBuf, map: Vec<String>| Common {
        file,
        map,
        encoding: None,
        dry_run: false,
        sheet: None,
        sheet_option: None,
        by: a.by.clone(),
    };
    let modules_args = ModulesArgs {
        common: Common {
            sheet: a.sheet.clone(),
            encoding: a.encoding.clone(),
            ..common(a.modules.clone(), a.map.clone())
        },
        programme: a.options.scope.programme.clone(),
        rename_duplicate_codes: false,
        sync: false,
    };
    let reading_args = ReadingArgs {
        common: Common {
            sheet: a.reading_sheet.clone(),
            sheet_option: Some("--reading-sheet"),
            encoding: a.reading_encoding.clone(),
            ..common(a.reading.clone(), vec![])
        },
        format: None,
        status: "approved".into(),
        skip_invalid: false,
        rejects: None,
    };
    let (m, r) = (&modules_args, &reading_args);
    if ctx.db.exists() {
        // An existing database: the audit is one unit too. Both imports
        // and the report run in one IMMEDIATE transaction, committed only
        // when all three are done; a refused file or a failed report rolls
        // back the imports before it.
        import::in_store(ctx, false, |store| {
            let tx = rusqlite::Transaction::new_unchecked(&store.conn, rusqlite::TransactionBehavior::Immediate)
                .with_context(|| format!("starting a write on {}", store.path.display()))?;
            let done = (|| {
                let imported = import::modules_within(&tx, &store.path, m, ctx.quiet)?;
                import::finish(ctx, &m.common, "sessions", imported)?;
                let imported = import::reading_within(&tx, &store.path, r, ctx.quiet)?;
                import::finish(ctx, &r.common, "readings", imported)
                    .map_err(|e| undone(e, Undone::Modules, &ctx.db))?;
                report::write(ctx, store, &a.out, format, &a.options).map_err(|e| undone(e, Undone::Both, &ctx.db))
            })();
            match done {
                Ok(()) => Ok(tx.commit()?),
                Err(e) => {
                    tx.rollback()?;
                    Err(e)
                }
            }
        })?;
    } else {
        // A new database: the audit is one unit. It is made whole in a
        // hidden database beside the one named, which takes that name only
        // when the modules, the readings and the report are all done; a
        // refused file leaves nothing.
        let real = crate::output::resolve(&ctx.db)?;
        let tmp = crate::output::temp_beside(&real, "audit");
        let inner = Ctx { db: tmp.clone(), quiet: ctx.quiet };
        let done = import::in_store(&inner, false, |store| {
            let imported = import::modules(store, m, ctx.quiet)?;
            import::finish(ctx, &m.common, "sessions", imported)?;
            let imported = import::reading(store, r, ctx.quiet)?;
            import::finish(ctx, &r.common, "readings", imported)
                .map_err(|e| undone(e, Undone::NewDatabase, &ctx.db))?;
            report::write(ctx, store, &a.out, format, &a.options).map_err(|e| undone(e, Undone::NewDatabase, &ctx.db))
        });
        if let Err(e) = done {
            let _ = crate::store::remove_with_companions(&tmp);
            return Err(e);
        }
        crate::output::move_new(&tmp, &real)?;
    }
    ctx.note(format_args!(
        "explore further with `canon --db {} gaps`, `coverage`, `item list --untagged`",
        ctx.db.display()
    ));
    Ok(())
}

/// What an audit had done when a later step failed.
#[derive(Clone, Copy)]
enum Undone {
    /// The module list, into an existing database.
    Modules,
    /// Both imports, into an existing database.
    Both,
    /// The module list (and the readings), into a database not yet made.
    NewDatabase,
}

/// The failure of a step of an audit, saying that the steps before it are
/// undone with it: an audit is one unit. The step's own error is printed
/// first, as `main` prints errors; the returned error says what was undone.
fn undone(e: anyhow::Error, done: Undone, db: &std::path::Path) -> anyhow::Error {
    let what = match done {
        Undone::Modules => {
            "the reading list was refused, so the module list imported before it is undone too (an audit is \
             one unit); the database is as it was"
                .to_string()
        }
        Undone::Both => "the report could not be written, so both imports are undone (an audit is one unit); \
                         the database is as it was"
            .to_string(),
        Undone::NewDatabase => format!(
            "what was imported before this is not kept and {} was not created (an audit is one unit)",
            db.display()
        ),
    };
    let text = match e.downcast_ref::<crate::import::ImportErrors>() {
        Some(errors) => errors.to_string(),
        None => format!("canon: {e:#}"),
    };
    for line in text.lines() {
        eprintln!("{}", crate::output::terminal(&crate::limits::cut(line, 1_000)));
    }
    anyhow::anyhow!("audit undone: {what}")
}
