use anyhow::{Result, bail};

use super::{Ctx, by_id};
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::contributors::{self, Added, NewContributor};
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
    }
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
    ]);
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
