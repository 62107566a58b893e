use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::By;
use crate::store::tags::{self, Target};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store, curriculum, id_gen, readings};

#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// The item or reading: its ID, `CODE/Session title`, or a reading's DOI.
    #[arg(value_name = "REF")]
    pub target: String,
    /// One or more theme slugs or names.
    #[arg(required = true, value_name = "THEME")]
    pub themes: Vec<String>,
    /// Why: a note or the evidence.
    #[arg(long)]
    pub note: Option<String>,
    /// The programme to look in, when a `CODE/Session title` is in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct UntagArgs {
    /// The item or reading: its ID, `CODE/Session title`, or a reading's DOI.
    #[arg(value_name = "REF")]
    pub target: String,
    #[arg(required = true, value_name = "THEME")]
    pub themes: Vec<String>,
    /// The programme to look in, when a `CODE/Session title` is in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub by: By,
}

/// The item or reading a reference names.
pub fn resolve(store: &Store, reference: &str) -> Result<Target> {
    resolve_in(store, reference, None)
}

/// [`resolve`], looking for items within one programme (by name) when given.
pub fn resolve_in(store: &Store, reference: &str, programme: Option<&str>) -> Result<Target> {
    if let Some(id) = curriculum::find_item(&store.conn, reference, programme)? {
        return Ok(Target::Item(id));
    }
    if let Some(id) = readings::find_id(&store.conn, reference)? {
        return Ok(Target::Reading(id));
    }
    bail!(
        "nothing called {reference:?}; expected an item or reading ID (see `canon item list`, \
         `canon reading list`), `CODE/Session title`, or a DOI"
    )
}

fn themes(store: &Store, names: &[String]) -> Result<Vec<(String, i64)>> {
    let idx = ThemeIndex::load(&store.conn)?;
    names
        .iter()
        .map(|t| match idx.resolve(t) {
            Some(id) => Ok((t.clone(), id)),
            None => bail!("unknown theme {t:?}; expected one of {}", idx.expected()),
        })
        .collect()
}

pub fn run_tag(ctx: &Ctx, a: TagArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = super::editing::programme(&store, &a.programme)?;
    let target = resolve_in(&store, &a.target, programme.as_deref())?;
    let themes = themes(&store, &a.themes)?;
    let name = super::contributor::required(&a.by)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = Some(crate::store::history::contributor(&tx, &mut ids, name)?);
    for (name, id) in &themes {
        if tags::tag(&tx, by, target, *id, a.note.as_deref())? {
            ctx.note(format_args!("tagged {} with {name}", a.target));
        } else {
            ctx.note(format_args!("{} was already tagged with {name}", a.target));
        }
    }
    tx.commit()?;
    Ok(())
}

pub fn run_untag(ctx: &Ctx, a: UntagArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = super::editing::programme(&store, &a.programme)?;
    let target = resolve_in(&store, &a.target, programme.as_deref())?;
    let themes = themes(&store, &a.themes)?;
    let name = super::contributor::required(&a.by)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = Some(crate::store::history::contributor(&tx, &mut ids, name)?);
    for (name, id) in &themes {
        if tags::untag(&tx, by, target, *id)? {
            ctx.note(format_args!("removed {name} from {} (kept in the history)", a.target));
        } else {
            ctx.note(format_args!("{} was not tagged with {name}", a.target));
        }
    }
    tx.commit()?;
    Ok(())
}
