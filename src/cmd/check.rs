use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::Output;
use crate::report::{Listing, emit};
use crate::store::{Mode, maintenance};

/// Check the database: integrity, references, full-text indexes, schema.
///
/// Example: canon check
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let checks = maintenance::check(&store.conn)?;
    let mut l = Listing::new(&["check", "result", "detail"]);
    for c in &checks {
        l.rows.push(vec![c.check.clone(), if c.ok { "ok".into() } else { "PROBLEM".into() }, c.detail.clone()]);
    }
    emit(&a.out, &l, &checks, "", ctx.quiet)?;
    let bad = checks.iter().filter(|c| !c.ok).count();
    if bad > 0 {
        bail!(
            "{bad} check{} failed on {}; a backup (`canon backup`) keeps a copy before any repair",
            if bad == 1 { "" } else { "s" },
            ctx.db.display()
        );
    }
    ctx.note(format_args!("{}: all checks passed", ctx.db.display()));
    Ok(())
}
