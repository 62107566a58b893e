use anyhow::Result;

use super::Ctx;
use super::contributor::required;
use crate::cli::By;
use crate::store::{self, Mode, id_gen};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The change to revert: its ID in `canon log`.
    #[arg(value_name = "HISTORY_ID")]
    pub change: i64,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let name = required(&a.by)?;
    let mut store = ctx.open(Mode::Existing)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let done = store::history::undo_as(&tx, &mut ids, a.change, name)?;
    tx.commit()?;
    ctx.note(done);
    Ok(())
}
