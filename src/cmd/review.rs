use anyhow::{Context, Result};

use super::Ctx;
use super::contributor::required;
use crate::cli::By;
use crate::store::{self, Mode, id_gen, readings};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("decision").required(true).args(["approve", "reject"])))]
pub struct Args {
    /// The reading: its ID or DOI.
    pub reading: String,
    /// Approve it: it joins the reading list that gaps and the report count.
    #[arg(long)]
    pub approve: bool,
    /// Reject it: it stays in the database (and the history), out of the list.
    #[arg(long)]
    pub reject: bool,
    /// Why: shown in the history.
    #[arg(long)]
    pub note: Option<String>,
    /// Allow approving a reading you suggested yourself.
    #[arg(long = "self")]
    pub allow_self: bool,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let reading = readings::find_id(&store.conn, &a.reading)?
        .with_context(|| format!("no reading {:?}; give its ID or DOI (see `canon reading list`)", a.reading))?;
    let name = required(&a.by)?;
    let status = if a.approve { "approved" } else { "rejected" };
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = store::history::contributor(&tx, &mut ids, name)?;
    let done =
        store::review::review(&tx, &mut ids, reading, status, by, a.note.as_deref(), a.allow_self).map_err(|e| {
            match e.downcast_ref::<store::review::SelfApproval>() {
                Some(s) => anyhow::anyhow!(s.with("pass --self")),
                None => e,
            }
        })?;
    tx.commit()?;
    if done.from == done.to {
        ctx.note(format_args!("reading {reading} was already {status}; review recorded"));
    } else {
        ctx.note(format_args!("reading {reading}: {} → {status} by {name}", done.from));
    }
    Ok(())
}
