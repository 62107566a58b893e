use anyhow::{Context, Result, bail};

use super::{Ctx, by_id, editing};
use crate::analysis::snapshot::{self, Frozen};
use crate::analysis::{coverage, gaps};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit};
use crate::store::audit::{self, Scope};
use crate::store::edit::snapshot::{self as edit, SnapshotPatch};
use crate::store::{Mode, Store, id_gen, snapshots};

/// `canon snapshot NAME` freezes an audit round; `canon snapshot list|show|add|edit|remove`
/// manage them (so `snapshot list` lists, and never makes a round called "list").
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: Option<SnapshotCmd>,
    #[command(flatten)]
    pub add: AddArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum SnapshotCmd {
    /// List the audit rounds, oldest first.
    List(ListArgs),
    /// Show one audit round: when, by whom, its note, and the gaps it froze.
    ///
    /// Example: canon snapshot show 2025
    Show(ShowArgs),
    /// Freeze the coverage and gaps now under a name (the same as `canon snapshot NAME`).
    ///
    /// Example: canon snapshot add list --by amina   (a round that is really called "list")
    Add(AddArgs),
    /// Rename an audit round or change its note.
    ///
    /// Example: canon snapshot edit 2025 --name "2025 review" --note "before the new module list" --by amina
    Edit(EditArgs),
    /// Remove an audit round with its frozen figures; `canon undo` brings it back.
    Remove(RemoveArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    /// The round's name, e.g. 2025 or "2026 review" (used once).
    #[arg(value_name = "NAME", required = true)]
    pub name: Option<String>,
    /// A note on the round.
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: Output,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "NAME")]
    pub name: String,
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[arg(value_name = "NAME")]
    pub snapshot: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    /// A new note ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
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
    match a.cmd {
        None => add(ctx, a.add),
        Some(SnapshotCmd::Add(a)) => add(ctx, a),
        Some(SnapshotCmd::List(a)) => list(ctx, a),
        Some(SnapshotCmd::Show(a)) => show(ctx, a),
        Some(SnapshotCmd::Edit(a)) => edit(ctx, a),
        Some(SnapshotCmd::Remove(a)) => remove(ctx, a),
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let Some(name) = &a.name else { bail!("expected the round's NAME: canon snapshot NAME --by NAME") };
    let mut store = ctx.open(Mode::Existing)?;
    let (frozen, items) = current(&store)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &a.by.by)?;
    let note = editing::clearable(&a.note).flatten();
    snapshots::save_noted(&tx, &mut ids, by, name, note.as_deref(), items, &frozen)?;
    tx.commit()?;
    ctx.note(format_args!(
        "snapshot {:?}: {items} items, {} gaps frozen; compare with `canon compare {:?}`",
        name.trim(),
        frozen.gaps.len(),
        name.trim()
    ));
    Ok(())
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let all = snapshots::list(&store.conn)?;
    let mut l = Listing::new(&["name", "at", "by", "items", "note"]);
    l.numeric = vec![3];
    for s in &all {
        l.rows.push(vec![
            s.name.clone(),
            s.at.clone(),
            s.by.clone().unwrap_or_default(),
            s.items.to_string(),
            s.note.clone().unwrap_or_default(),
        ]);
    }
    emit(&a.out, &l, &all, "no snapshots yet; freeze an audit round with `canon snapshot NAME --by NAME`", ctx.quiet)
}

/// A round in full, as `snapshot show` prints it.
#[derive(Debug, serde::Serialize)]
struct Detail {
    #[serde(flatten)]
    snapshot: snapshots::Snapshot,
    coverage_cells: usize,
    gaps: Vec<crate::analysis::snapshot::GapRef>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let (s, frozen) = snapshots::load(&store.conn, &a.name)?
        .with_context(|| format!("no snapshot {:?}; see `canon snapshot list`", a.name))?;
    let mut rows = vec![
        ["name".into(), s.name.clone()],
        ["at".into(), s.at.clone()],
        ["by".into(), s.by.clone().unwrap_or_default()],
        ["note".into(), s.note.clone().unwrap_or_default()],
        ["items".into(), s.items.to_string()],
        ["coverage".into(), format!("{} module × theme cells", frozen.coverage.len())],
        ["gaps".into(), frozen.gaps.len().to_string()],
    ];
    for g in &frozen.gaps {
        rows.push(["gap".into(), format!("{} {} — {}", g.severity, g.kind, g.scope)]);
    }
    editing::card(
        ctx,
        a.format,
        rows,
        &Detail { snapshot: s, coverage_cells: frozen.coverage.len(), gaps: frozen.gaps },
    )
}

fn find(store: &Store, name: &str) -> Result<i64> {
    edit::find(&store.conn, name)?.with_context(|| format!("no snapshot {name:?}; see `canon snapshot list`"))
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.snapshot)?;
    let p = SnapshotPatch { name: a.name.clone(), note: editing::clearable(&a.note) };
    if p.name.is_none() && p.note.is_none() {
        bail!("nothing to change; give --name or --note");
    }
    let e = editing::write(&mut store, &a.by, |tx, _, by| edit::edit(tx, by, id, &p))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.name)?;
    let r = editing::write(&mut store, &a.by, |tx, _, by| edit::remove(tx, by, id))?;
    editing::removed(ctx, &r)?;
    Ok(())
}
