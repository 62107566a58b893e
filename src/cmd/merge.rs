use std::path::PathBuf;

use anyhow::{Result, bail};

use super::Ctx;
use super::contributor::required;
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::{self, Mode, SCHEMA_VERSION, bundle, id_gen, untrusted};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Another contributor's database file, or a bundle folder (`canon export bundle`).
    pub other: PathBuf,
    /// Show what the merge would do and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Bring back records we removed after their copy was made (a reading,
    /// module, session, tag or link they still hold): our removal is undone,
    /// as `canon undo` would, and their copy merged. Without it such records
    /// stay removed and are listed as `kept-removed`.
    #[arg(long)]
    pub restore_removed: bool,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let name = required(&a.by)?;
    crate::output::too_long(&a.other)?;
    // Their side is untrusted input: read-only, schema and every record
    // checked before anything of ours is touched (see store::untrusted).
    let theirs = if a.other.is_dir() {
        untrusted::bundle(&a.other, SCHEMA_VERSION)?
    } else if a.other.exists() {
        untrusted::database(&a.other, &ctx.db, SCHEMA_VERSION)?
    } else {
        bail!(
            "no database or bundle at {}; expected a .db file or a folder made by `canon export bundle`",
            a.other.display()
        );
    };
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = store::history::contributor(&tx, &mut ids, name)?;
    let ours = bundle::snapshot(&tx)?;
    let source = a.other.display().to_string();
    let (steps, sum) = store::merge::merge(&tx, &mut ids, by, &ours, &theirs, &source, a.restore_removed)?;
    if a.dry_run {
        drop(tx);
    } else {
        tx.commit()?;
    }
    let mut l = Listing::new(&["action", "entity", "id", "what"]).with_ids(&["id"]);
    for s in &steps {
        l.rows.push(vec![s.action.into(), s.entity.into(), s.id.to_string(), s.what.clone()]);
    }
    emit(&a.out, &l, &steps, "nothing to merge: every record is already here", ctx.quiet)?;
    ctx.note(format_args!(
        "{}{source}: {} added, {} updated, {} removed, {} identical, {} kept ours{}, {} conflicts{}, {} history entries copied{}{}{}{}{}{}{}",
        if a.dry_run { "dry run, nothing written: " } else { "" },
        sum.added,
        sum.updated,
        sum.removed,
        sum.identical,
        sum.kept_listed,
        match (sum.kept_ours, sum.ours_only) {
            (0, 0) => String::new(),
            (n, 0) => format!(" ({n} more where only our copy changed since: ours stands, not listed)"),
            (0, m) => format!(" ({m} more where only our copy has some values, theirs none: ours keeps them, not listed)"),
            (n, m) => format!(
                " ({n} more where only our copy changed since: ours stands; {m} more where only our copy has some \
                 values, theirs none: ours keeps them; not listed)"
            ),
        },
        sum.conflicts,
        match (sum.settled, sum.settled_earlier) {
            (0, 0) => String::new(),
            (n, 0) => format!(" ({n} open before, settled: both copies now agree)"),
            (0, e) => format!(" ({e} settled earlier for ours: nothing to settle, listed as settled-earlier)"),
            (n, e) => format!(
                " ({n} open before, settled: both copies now agree; {e} settled earlier for ours: nothing to settle, \
                 listed as settled-earlier)"
            ),
        },
        sum.history_copied,
        match sum.history_held {
            0 => String::new(),
            n => format!(" ({n} of their additions of records this database already held not copied: undoing them would remove ours)"),
        },
        match sum.history_bookkeeping {
            n if n == 0 || sum.history_copied == 0 => String::new(),
            n => format!(
                " ({n} entries of their own merges not copied: what those merges brought is copied as its authors \
                 made it)"
            ),
        },
        match sum.history_local {
            n if n == 0 || sum.history_copied == 0 => String::new(),
            n => format!(
                " ({n} of their decisions on their own conflicts not copied: conflicts are each copy's own, and \
                 those decisions changed no value)"
            ),
        },
        if sum.conflicts > 0 { "; see `canon resolve` to settle the conflicts" } else { "" },
        removed_here(&sum, a.restore_removed),
        match sum.facets_not_placed {
            0 => String::new(),
            n => format!(
                "; {n} of their author facets not placed: no one author here is the person it is about (listed as \
                 not-placed)"
            ),
        },
        match (sum.change, a.dry_run) {
            (Some(n), false) => format!(" (change #{n}; `canon undo {n}` reverts the merge)"),
            _ => String::new(),
        },
    ));
    // Kept removed is a decision made for the user: said even with --quiet.
    if sum.kept_removed > 0 && ctx.quiet {
        eprintln!("warning: {source}: {}", removed_here(&sum, false).trim_start_matches("; "));
    }
    Ok(())
}

/// What the merge did with records we removed after their copy was made.
fn removed_here(sum: &store::merge::Summary, restore: bool) -> String {
    let mut out = String::new();
    if sum.kept_removed > 0 {
        out += &format!(
            "; {} record{} we removed after their copy was made {} kept removed (listed as kept-removed); \
             merge again with --restore-removed to bring {} back, or `canon undo` the removal",
            sum.kept_removed,
            if sum.kept_removed == 1 { "" } else { "s" },
            if sum.kept_removed == 1 { "is" } else { "are" },
            if sum.kept_removed == 1 { "it" } else { "them" },
        );
    }
    if restore || sum.restored > 0 {
        out += &format!(
            "; {} removal{} of ours undone to bring records back (listed as restore)",
            sum.restored,
            if sum.restored == 1 { "" } else { "s" }
        );
    }
    out
}
