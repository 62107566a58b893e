use anyhow::Result;

use super::{Ctx, by_id};
use crate::analysis::snapshot::{self, Frozen};
use crate::analysis::{coverage, gaps};
use crate::cli::By;
use crate::store::audit::{self, Scope};
use crate::store::{Mode, Store, id_gen, snapshots};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round's name, e.g. 2025 or "2026 review" (used once).
    #[arg(value_name = "NAME")]
    pub name: String,
    #[command(flatten)]
    pub by: By,
}

/// The whole curriculum's coverage and gaps as they are now, and its item count.
pub fn current(store: &Store) -> Result<(Frozen, i64)> {
    let data = audit::load(&store.conn, &Scope::default())?;
    let cov = coverage::compute(&data);
    let gs = gaps::compute(&data, &cov, &gaps::Options::default());
    Ok((snapshot::freeze(&cov, &gs), cov.items))
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let (frozen, items) = current(&store)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &a.by.by)?;
    snapshots::save(&tx, &mut ids, by, &a.name, items, &frozen)?;
    tx.commit()?;
    ctx.note(format_args!(
        "snapshot {:?}: {items} items, {} gaps frozen; compare with `canon compare {:?}`",
        a.name.trim(),
        frozen.gaps.len(),
        a.name.trim()
    ));
    Ok(())
}
