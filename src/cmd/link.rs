use anyhow::{Context, Result, bail};

use super::{Ctx, editing};
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::edit::link::{self, LinkFilter};
use crate::store::tags::{self, Target};
use crate::store::{Mode, Store, readings};

/// `canon link READING TARGET` recommends a reading; `canon link list|show|add|edit|remove` manage links.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: Option<LinkCmd>,
    #[command(flatten)]
    pub add: AddArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum LinkCmd {
    /// List links: which reading is recommended for which session or module.
    ///
    /// Example: canon link list --module MED2002
    List(ListArgs),
    /// Show one link: the reading, where it is recommended, the note, who linked it, and its history.
    ///
    /// Example: canon link show 10.1056/NEJMms2004740 MED2003
    Show(ShowArgs),
    /// Recommend a reading for a session or a whole module (the same as `canon link READING TARGET`).
    Add(AddArgs),
    /// Change the note of a link.
    ///
    /// Example: canon link edit 10.1056/NEJMms2004740 MED2003 --note "race correction in eGFR" --by amina
    Edit(EditArgs),
    /// Remove a link (the same as `canon unlink READING TARGET`); `canon undo` brings it back.
    Remove(UnlinkArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    /// The reading: its ID or DOI.
    #[arg(required = true)]
    pub reading: Option<String>,
    /// The item (ID or `CODE/Session title`) or a whole module (its code).
    #[arg(required = true)]
    pub target: Option<String>,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Why this reading, here: a note for students.
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub by: By,
}

/// Which link: READING and TARGET, or the link's ID alone.
#[derive(Debug, Clone, clap::Args)]
pub struct UnlinkArgs {
    /// The reading (ID or DOI), or the link's ID (see `canon link list`).
    pub reading: String,
    /// The item (ID or `CODE/Session title`) or module (its code) it is linked to.
    pub target: Option<String>,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The reading (ID or DOI), or the link's ID (see `canon link list`).
    pub reading: String,
    /// The item (ID or `CODE/Session title`) or module (its code) it is linked to.
    pub target: Option<String>,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[arg(long, short, value_enum, default_value_t = crate::cli::Format::Table)]
    pub format: crate::cli::Format,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[command(flatten)]
    pub which: UnlinkArgs,
    /// The new note ("" clears it).
    #[arg(long, required = true)]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only links of this reading (ID or DOI).
    #[arg(long)]
    pub reading: Option<String>,
    /// Only links to this module or its sessions (code or ID).
    #[arg(long, value_name = "CODE")]
    pub module: Option<String>,
    /// Only links to this item (ID or `CODE/Session title`).
    #[arg(long)]
    pub item: Option<String>,
    /// Only links within this programme.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    match a.cmd {
        None => add(ctx, a.add),
        Some(LinkCmd::Add(a)) => add(ctx, a),
        Some(LinkCmd::List(a)) => list(ctx, a),
        Some(LinkCmd::Show(a)) => show(ctx, a),
        Some(LinkCmd::Edit(a)) => edit(ctx, a),
        Some(LinkCmd::Remove(a)) => unlink(ctx, a),
    }
}

fn reading(store: &Store, reference: &str) -> Result<i64> {
    readings::find_id(&store.conn, reference)?
        .with_context(|| format!("no reading {reference:?}; give its ID or DOI (see `canon reading list`)"))
}

/// A session (ID or `CODE/Session title`) or else a whole module (code or ID).
fn target(store: &Store, reference: &str, programme: Option<&str>) -> Result<Target> {
    if let Some(id) = crate::store::curriculum::find_item(&store.conn, reference, programme)? {
        return Ok(Target::Item(id));
    }
    let m = crate::store::curriculum::find_module(&store.conn, reference, programme)?.with_context(|| {
        format!("no item or module {reference:?}; expected an item ID, `CODE/Session title` or a module code")
    })?;
    Ok(Target::Module(m))
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let (Some(r), Some(t)) = (&a.reading, &a.target) else {
        bail!("expected READING and TARGET: canon link READING ITEM-or-MODULE --by NAME")
    };
    let mut store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let reading = reading(&store, r)?;
    let target = target(&store, t, programme.as_deref())?;
    let added = editing::write(&mut store, &a.by, |tx, ids, by| {
        tags::link(tx, ids, Some(by), reading, target, a.note.as_deref())
    })?;
    if added {
        ctx.note(format_args!("linked reading {reading} to {t}"));
    } else {
        ctx.note(format_args!("reading {reading} was already linked to {t}"));
    }
    Ok(())
}

/// The link a READING TARGET pair (or a lone link ID) names.
fn which(store: &Store, w: &UnlinkArgs) -> Result<i64> {
    find(store, &w.reading, &w.target, &w.programme)
}

fn find(store: &Store, reading_ref: &str, target_ref: &Option<String>, programme: &Option<String>) -> Result<i64> {
    let Some(t) = target_ref else {
        let id: i64 = crate::import::parse_reading_id(reading_ref)
            .filter(|id| link::exists(&store.conn, *id).unwrap_or(false))
            .with_context(|| {
                format!("no link with ID {reading_ref:?}; give READING and TARGET, or a link ID from `canon link list`")
            })?;
        return Ok(id);
    };
    let programme = editing::programme(store, programme)?;
    let r = reading(store, reading_ref)?;
    let target = target(store, t, programme.as_deref())?;
    link::find(&store.conn, r, target)?
        .with_context(|| format!("reading {r} is not linked to {t}; see `canon link list --reading {r}`"))
}

/// A link in full, as `link show` prints it.
#[derive(Debug, serde::Serialize)]
struct Detail {
    #[serde(flatten)]
    link: link::Link,
    history: Vec<crate::store::history::Entry>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.reading, &a.target, &a.programme)?;
    let Some(l) = link::list(&store.conn, &LinkFilter::default())?.into_iter().find(|l| l.id == id) else {
        bail!("no link with ID {id}")
    };
    let f = crate::store::history::LogFilter { entity: Some("link"), entity_id: Some(id), ..Default::default() };
    let log = crate::store::history::log(&store.conn, &f)?;
    let mut rows = vec![
        ["id".into(), l.id.to_string()],
        ["reading".into(), format!("{} {:?}", l.reading_id, l.reading_title)],
        ["doi".into(), l.doi.clone().unwrap_or_default()],
        ["programme".into(), l.programme.clone()],
        ["module".into(), l.module_code.clone()],
        ["session".into(), l.item_title.clone().unwrap_or_else(|| "(whole module)".into())],
        ["note".into(), l.note.clone().unwrap_or_default()],
        ["by".into(), l.by.clone().unwrap_or_default()],
        ["at".into(), l.at.clone()],
    ];
    rows.extend(editing::history_rows(&log));
    editing::card(ctx, a.format, rows, &Detail { link: l, history: log })
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = which(&store, &a.which)?;
    let note = editing::clearable(&a.note).flatten();
    let e = editing::write(&mut store, &a.which.by, |tx, _, by| link::edit_note(tx, by, id, note.as_deref()))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

/// `canon unlink READING TARGET`: removes a link, as one change undo reverts.
pub fn unlink(ctx: &Ctx, a: UnlinkArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = which(&store, &a)?;
    let r = editing::write(&mut store, &a.by, |tx, _, by| link::remove(tx, by, id))?;
    editing::removed(ctx, &r)?;
    Ok(())
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let f = LinkFilter {
        reading: a.reading.as_deref().map(|r| reading(&store, r)).transpose()?,
        item: a.item.as_deref().map(|i| editing::item(&store, i, programme.as_deref())).transpose()?,
        module: a.module.as_deref().map(|m| editing::module(&store, m, programme.as_deref())).transpose()?,
        programme: programme.as_deref(),
    };
    let links = link::list(&store.conn, &f)?;
    // `reading` holds the DOI, else the reading's ID.
    let mut l = Listing::new(&["id", "programme", "module", "session", "reading", "reading title", "note", "by"])
        .with_ids(&["id", "reading"]);
    for k in &links {
        l.rows.push(vec![
            k.id.to_string(),
            k.programme.clone(),
            k.module_code.clone(),
            k.item_title.clone().unwrap_or_else(|| "(whole module)".into()),
            k.doi.clone().unwrap_or_else(|| k.reading_id.to_string()),
            k.reading_title.clone(),
            k.note.clone().unwrap_or_default(),
            k.by.clone().unwrap_or_default(),
        ]);
    }
    emit(&a.out, &l, &links, "no links match; add one with `canon link READING ITEM --by NAME`", ctx.quiet)
}
