use anyhow::Result;

use super::Ctx;
use super::gaps::ScopeArgs;
use crate::analysis::coverage;
use crate::cli::Output;
use crate::report::{coverage_listing, coverage_records, emit};
use crate::store::{Mode, audit};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// List the sessions behind each number instead, with who tagged them and how
    /// (one row per session and theme).
    #[arg(long)]
    pub evidence: bool,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let scope = a.scope.resolve(&store)?;
    let data = audit::load(&store.conn, &scope)?;
    if a.evidence {
        let ev = coverage::evidence(&data, &audit::tag_details(&store.conn)?);
        let themes = crate::store::themes::list(&store.conn)?;
        return emit(
            &a.out,
            &crate::report::evidence_listing(&ev).with_theme_names(|s| crate::report::theme_name_in(&themes, s)),
            &ev,
            "no session in this scope is tagged",
            ctx.quiet,
        );
    }
    let cov = coverage::compute(&data);
    let themes = crate::store::themes::list(&store.conn)?;
    let name = |s: &str| crate::report::theme_name_in(&themes, s);
    let mut listing = coverage_listing(&cov);
    if a.out.format() == crate::cli::Format::Csv {
        // A spreadsheet's reader reads the name; a script keys on the slug.
        listing = listing.with_named_theme_columns(5, cov.themes.len(), name);
    }
    emit(&a.out, &listing, &coverage_records(&cov, name), "no modules in this scope", ctx.quiet)
}
