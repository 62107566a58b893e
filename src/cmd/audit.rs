use std::path::PathBuf;

use anyhow::Result;

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
    let common = |file: PathBuf, map: Vec<String>| Common {
        file,
        map,
        encoding: None,
        dry_run: false,
        sheet: None,
        sheet_option: None,
        by: a.by.clone(),
    };
    let audit = |ctx: &Ctx| {
        import::in_store(ctx, false, |store| {
            let m = ModulesArgs {
                common: Common {
                    sheet: a.sheet.clone(),
                    encoding: a.encoding.clone(),
                    ..common(a.modules.clone(), a.map.clone())
                },
                programme: a.options.scope.programme.clone(),
                rename_duplicate_codes: false,
                sync: false,
            };
            let imported = import::modules(store, &m, ctx.quiet)?;
            import::finish(ctx, &m.common, "sessions", imported)?;
            let r = ReadingArgs {
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
            let imported = import::reading(store, &r, ctx.quiet)?;
            import::finish(ctx, &r.common, "readings", imported)?;
            report::write(ctx, store, &a.out, format, &a.options)
        })
    };
    if ctx.db.exists() {
        audit(ctx)?;
    } else {
        // A new database: the audit is one unit. It is made whole in a
        // hidden database beside the one named, which takes that name only
        // when the modules, the readings and the report are all done; a
        // refused file leaves nothing.
        let real = crate::output::resolve(&ctx.db)?;
        let tmp = crate::output::temp_beside(&real, "audit");
        let inner = Ctx { db: tmp.clone(), quiet: ctx.quiet };
        if let Err(e) = audit(&inner) {
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
