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
    /// The module list CSV.
    pub modules: PathBuf,
    /// The reading list CSV.
    pub reading: PathBuf,
    /// Where to write the report (.pdf or .csv).
    #[arg(long, short, default_value = "report.pdf")]
    pub out: PathBuf,
    /// Name a module-list column: --map 'Their Header=field' (repeatable).
    #[arg(long, value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
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
        by: a.by.clone(),
    };
    // A refused import where there was no database leaves none behind.
    import::in_store(ctx, false, |store| {
        let m = ModulesArgs {
            common: common(a.modules.clone(), a.map.clone()),
            programme: a.options.scope.programme.clone().unwrap_or_else(|| "Curriculum".into()),
            rename_duplicate_codes: false,
            sync: false,
        };
        let imported = import::modules(store, &m, ctx.quiet)?;
        import::finish(ctx, &m.common, "sessions", imported)?;
        let r = ReadingArgs {
            common: common(a.reading.clone(), vec![]),
            format: None,
            status: "approved".into(),
            skip_invalid: false,
            rejects: None,
        };
        let imported = import::reading(store, &r, ctx.quiet)?;
        import::finish(ctx, &r.common, "readings", imported)?;
        report::write(ctx, store, &a.out, format, &a.options)
    })?;
    ctx.note(format_args!(
        "explore further with `canon --db {} gaps`, `coverage`, `item list --untagged`",
        ctx.db.display()
    ));
    Ok(())
}
