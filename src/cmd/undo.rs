use anyhow::{Context, Result, bail};

use super::Ctx;
use super::contributor::required;
use crate::cli::By;
use crate::store::{self, Mode, id_gen};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The change to revert: its ID in `canon log`; or several, or a range FIRST-LAST (as
    /// `reading facet set` prints), undone newest first in one transaction.
    #[arg(value_name = "HISTORY_ID", required = true)]
    pub changes: Vec<String>,
    #[command(flatten)]
    pub by: By,
}

/// The change IDs `N`, `N-M` or `N..M` name, in the order given.
fn ids(spec: &str) -> Result<Vec<i64>> {
    let num = |s: &str| {
        s.trim().trim_start_matches('#').parse::<i64>().with_context(|| {
            format!("{spec:?} is not a change number; expected e.g. 812 or a range 812-830 (see `canon log`)")
        })
    };
    match spec.split_once("..").or_else(|| spec.split_once('-')) {
        Some((a, b)) => {
            let (a, b) = (num(a)?, num(b)?);
            if b < a || b - a > 100_000 {
                bail!("{spec:?} is not a range of changes; expected FIRST-LAST with FIRST ≤ LAST");
            }
            Ok((a..=b).collect())
        }
        None => Ok(vec![num(spec)?]),
    }
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let name = required(&a.by)?;
    let mut changes = Vec::new();
    for spec in &a.changes {
        changes.extend(ids(spec)?);
    }
    let mut store = ctx.open(Mode::Existing)?;
    // An import's own entry stands for every change the import made.
    let mut imports = Vec::new();
    let mut expanded = Vec::new();
    for c in changes {
        match store::history::import_changes(&store.conn, c)? {
            Some(made) if made.is_empty() => bail!("import #{c} changed nothing; there is nothing to undo"),
            Some(made) => {
                imports.push((c, made.len()));
                expanded.extend(made);
            }
            None => expanded.push(c),
        }
    }
    let mut changes = expanded;
    changes.sort_unstable();
    changes.dedup();
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let mut done = Vec::new();
    // Newest first, so a run of changes to one record unwinds in order.
    for change in changes.iter().rev() {
        let one = store::history::undo_as(&tx, &mut ids, *change, name);
        done.push(if changes.len() > 1 {
            one.with_context(|| format!("undoing #{change} (of {}); nothing was undone", changes.len()))?
        } else {
            one?
        });
    }
    tx.commit()?;
    for d in done {
        ctx.note(d);
    }
    for (import, made) in imports {
        ctx.note(format!("Undone import #{import}: its {made} change(s)"));
    }
    Ok(())
}
