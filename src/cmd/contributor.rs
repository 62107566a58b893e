use anyhow::{Result, bail};

use super::{Ctx, by_id, editing};
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::contributors::{self, Added, NewContributor};
use crate::store::edit::{self, contributor::ContributorPatch};
use crate::store::{Mode, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum ContributorCmd {
    /// Add a contributor, or change their role, affiliation or pseudonym flag.
    ///
    /// Names may be pseudonyms; the report credits everyone by the name they chose.
    ///
    /// Example: canon contributor add "student-7" --role student --pseudonym --by amina
    Add(AddArgs),
    /// List contributors with what they have done.
    List(ListArgs),
    /// Show one contributor: role, affiliation, what they have done, and their latest changes.
    ///
    /// Example: canon contributor show amina
    Show(ShowArgs),
    /// Change a contributor's name, role, affiliation or pseudonym flag.
    ///
    /// Example: canon contributor edit "amnia" --name amina --by amina
    Edit(EditArgs),
    /// Remove a contributor. One with anything credited to them needs --force, which clears those
    /// credits (kept in the history; `canon undo` restores them).
    ///
    /// Example: canon contributor remove "test user" --by amina
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The contributor's name (or ID).
    pub name: String,
    /// How many of their latest changes to list.
    #[arg(long, default_value_t = 20)]
    pub changes: usize,
    #[arg(long, short, value_enum, default_value_t = crate::cli::Format::Table)]
    pub format: crate::cli::Format,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The contributor's name (or ID).
    pub contributor: String,
    /// A new name or pseudonym to credit them by.
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_parser = ["student", "faculty", "librarian", "patient-partner", "maintainer", "other"])]
    pub role: Option<String>,
    /// A new affiliation ("" clears it).
    #[arg(long)]
    pub affiliation: Option<String>,
    /// The name is a pseudonym.
    #[arg(long, conflicts_with = "not_pseudonym")]
    pub pseudonym: bool,
    /// The name is not a pseudonym.
    #[arg(long)]
    pub not_pseudonym: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The contributor's name (or ID).
    pub name: String,
    /// Clear everything credited to them (kept in the history entry).
    #[arg(long)]
    pub force: bool,
    /// Say what would be cleared; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The name or pseudonym to credit.
    pub name: String,
    #[arg(long, default_value = "student", value_parser = ["student", "faculty", "librarian", "patient-partner", "maintainer", "other"])]
    pub role: String,
    #[arg(long)]
    pub affiliation: Option<String>,
    /// The name is a pseudonym (credited as given; never linked to a real name).
    #[arg(long)]
    pub pseudonym: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: Output,
}

/// The name `--by` (or `$CANON_USER`) gives, for writes that must say who made them.
pub fn required(by: &By) -> Result<&str> {
    match by.by.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => Ok(name),
        _ => bail!("who is making this change? pass --by NAME or set CANON_USER"),
    }
}

pub fn run(ctx: &Ctx, cmd: ContributorCmd) -> Result<()> {
    match cmd {
        ContributorCmd::Add(a) => add(ctx, a),
        ContributorCmd::List(a) => list(ctx, a),
        ContributorCmd::Show(a) => show(ctx, a),
        ContributorCmd::Edit(a) => edit(ctx, a),
        ContributorCmd::Remove(a) => remove(ctx, a),
    }
}

fn find(store: &crate::store::Store, name: &str) -> Result<i64> {
    match edit::contributor::find(&store.conn, name)? {
        Some(id) => Ok(id),
        None => bail!("no contributor {name:?}; see `canon contributor list`"),
    }
}

/// A contributor in full, as `contributor show` prints it.
#[derive(Debug, serde::Serialize)]
struct Detail {
    #[serde(flatten)]
    contributor: contributors::Contributor,
    latest_changes: Vec<crate::store::history::Entry>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.name)?;
    let Some(c) = contributors::list(&store.conn)?.into_iter().find(|c| c.id == id) else {
        bail!("no contributor with ID {id}")
    };
    let f = crate::store::history::LogFilter { by: Some(&c.name), ..Default::default() };
    let mut log = crate::store::history::log(&store.conn, &f)?;
    let skip = log.len().saturating_sub(a.changes);
    let log: Vec<_> = log.drain(skip..).collect();
    let mut rows = vec![
        ["id".into(), c.id.to_string()],
        ["name".into(), c.name.clone()],
        ["role".into(), c.role.clone()],
        ["affiliation".into(), c.affiliation.clone().unwrap_or_default()],
        ["pseudonym".into(), if c.pseudonym { "yes".into() } else { "no".into() }],
        ["joined".into(), c.joined.clone()],
        ["changes".into(), c.changes.to_string()],
        ["readings added".into(), c.readings_added.to_string()],
        ["reviews".into(), c.reviews.to_string()],
    ];
    rows.extend(editing::history_rows(&log));
    editing::card(ctx, a.format, rows, &Detail { contributor: c, latest_changes: log })
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.contributor)?;
    let p = ContributorPatch {
        name: a.name.clone(),
        role: a.role.clone(),
        affiliation: editing::clearable(&a.affiliation),
        pseudonym: if a.pseudonym {
            Some(true)
        } else if a.not_pseudonym {
            Some(false)
        } else {
            None
        },
    };
    if p.name.is_none() && p.role.is_none() && p.affiliation.is_none() && p.pseudonym.is_none() {
        bail!("nothing to change; give --name, --role, --affiliation, --pseudonym or --not-pseudonym");
    }
    let e = editing::write(&mut store, &a.by, |tx, _, by| edit::contributor::edit(tx, by, id, &p))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let id = find(&store, &a.name)?;
    if a.dry_run {
        editing::removed(ctx, &edit::contributor::removal(&store.conn, id)?)?;
        return Ok(());
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| edit::contributor::remove(tx, by, id, a.force))?;
    editing::removed(ctx, &r)?;
    Ok(())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Create)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    // Adding yourself needs no --by: you are the one making the change.
    let by = if a.by.by.as_deref().is_some_and(|b| b.trim() == a.name.trim()) {
        None
    } else {
        by_id(&tx, &mut ids, &a.by.by)?
    };
    let c =
        NewContributor { name: &a.name, role: &a.role, affiliation: a.affiliation.as_deref(), pseudonym: a.pseudonym };
    let added = contributors::add(&tx, &mut ids, by, &c)?;
    tx.commit()?;
    match added {
        Added::New(id) => ctx.note(format_args!("added contributor {:?} ({}) as {id}", a.name.trim(), a.role)),
        Added::Changed(id) => ctx.note(format_args!("updated contributor {:?} ({id})", a.name.trim())),
        Added::Unchanged(id) => {
            ctx.note(format_args!("contributor {:?} ({id}) is already so; nothing changed", a.name.trim()))
        }
    }
    Ok(())
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let cs = contributors::list(&store.conn)?;
    let mut l = Listing::new(&[
        "id",
        "name",
        "role",
        "affiliation",
        "pseudonym",
        "joined",
        "changes",
        "readings added",
        "reviews",
    ])
    .with_ids(&["id"]);
    l.numeric = vec![6, 7, 8];
    for c in &cs {
        l.rows.push(vec![
            c.id.to_string(),
            c.name.clone(),
            c.role.clone(),
            c.affiliation.clone().unwrap_or_default(),
            if c.pseudonym { "yes".into() } else { String::new() },
            c.joined.get(..10).unwrap_or(&c.joined).to_string(),
            c.changes.to_string(),
            c.readings_added.to_string(),
            c.reviews.to_string(),
        ]);
    }
    emit(
        &a.out,
        &l,
        &cs,
        "no contributors yet; they are added with `contributor add` or on their first --by",
        ctx.quiet,
    )
}
