use anyhow::{Context, Result};

use super::Ctx;
use crate::cli::By;
use crate::store::tags::{self, Target};
use crate::store::{Mode, curriculum, id_gen, readings};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The reading: its ID or DOI.
    pub reading: String,
    /// The item (ID or `CODE/Session title`) or a whole module (its code).
    pub target: String,
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let reading = readings::find_id(&store.conn, &a.reading)?
        .with_context(|| format!("no reading {:?}; give its ID or DOI (see `canon reading list`)", a.reading))?;
    let target = match curriculum::item_id(&store.conn, &a.target)? {
        Some(id) => Target::Item(id),
        None => Target::Module(curriculum::module_id(&store.conn, &a.target)?.with_context(|| {
            format!("no item or module {:?}; expected an item ID, `CODE/Session title` or a module code", a.target)
        })?),
    };
    let name = super::contributor::required(&a.by)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = Some(crate::store::history::contributor(&tx, &mut ids, name)?);
    let added = tags::link(&tx, &mut ids, by, reading, target, a.note.as_deref())?;
    tx.commit()?;
    if added {
        ctx.note(format_args!("linked reading {reading} to {}", a.target));
    } else {
        ctx.note(format_args!("reading {reading} was already linked to {}", a.target));
    }
    Ok(())
}
