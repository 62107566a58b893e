use anyhow::Result;

use super::Ctx;
use crate::store::{Mode, SCHEMA_VERSION, themes};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<()> {
    let store = ctx.open(Mode::Create)?;
    let slugs: Vec<String> = themes::list(&store.conn)?.into_iter().map(|t| t.slug).collect();
    ctx.note(format_args!(
        "database ready: {} (schema version {SCHEMA_VERSION}); themes: {}",
        ctx.db.display(),
        slugs.join(", ")
    ));
    Ok(())
}
