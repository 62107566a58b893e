use anyhow::{Result, bail};

use super::Ctx;
use super::contributor::required;
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::merge as conflicts;
use crate::store::{self, Mode, id_gen};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The conflict to settle (without it: list the open conflicts).
    pub conflict: Option<i64>,
    /// Keep our version, or take theirs. Either way the other stays in the conflict record.
    #[arg(long, value_parser = ["ours", "theirs"], requires = "conflict")]
    pub take: Option<String>,
    /// List settled conflicts too.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let Some(id) = a.conflict else {
        let store = ctx.open(Mode::Existing)?;
        let cs = conflicts::list(&store.conn, a.all)?;
        // `id` is the conflict's small local number (what `resolve` takes); `record` the 18-digit ID.
        let mut l = Listing::new(&["id", "entity", "record", "fields", "ours", "theirs", "source", "resolution"])
            .with_ids(&["record"]);
        for c in &cs {
            l.rows.push(vec![
                c.id.to_string(),
                c.entity.clone(),
                c.entity_id.to_string(),
                c.fields.join(", "),
                c.ours_fields(),
                c.theirs_fields(),
                c.source.clone(),
                c.resolution.clone().unwrap_or_else(|| "open".into()),
            ]);
        }
        return emit(&a.out, &l, &cs, "no open conflicts", ctx.quiet);
    };
    let Some(take) = a.take else { bail!("say which version to keep: --take ours or --take theirs") };
    let name = required(&a.by)?;
    let mut store = ctx.open(Mode::Existing)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = store::history::contributor(&tx, &mut ids, name)?;
    let done = conflicts::resolve(&tx, id, &take, by)?;
    tx.commit()?;
    let undo = if done.wrote { "puts ours back and opens it again" } else { "opens it again" };
    ctx.note(format_args!(
        "conflict #{id} resolved: {} (change #{}; `canon undo {}` {undo})",
        done.what, done.change, done.change
    ));
    Ok(())
}
