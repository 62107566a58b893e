//! `canon facet`: facets about the authors of a reading (or its creators as
//! a whole), recorded only as the person gave them, with a basis and a
//! source. Content facets about the work are `reading edit` flags and
//! `reading facet set`.

use anyhow::{Context, Result, bail};
use serde::Serialize;

use super::{Ctx, editing};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit};
use crate::store::edit::facet::{self, About, Facet, FacetFilter, FacetPatch, NewFacet};
use crate::store::history::{self, LogFilter};
use crate::store::{Mode, Store, readings};

#[derive(Debug, clap::Subcommand)]
pub enum FacetCmd {
    /// Record a facet about one author of a reading, or its creators as a whole, as the person
    /// gave it. Refused without --basis (self-identified or published) and --source.
    ///
    /// Example: canon facet add 10.1056/NEJMms2004740 --author 1 --facet gender --value woman
    /// --basis self-identified --source https://example.org/profile --by amina
    Add(AddArgs),
    /// List recorded facets with their basis, source and who recorded them.
    ///
    /// Example: canon facet list --reading 10.1056/NEJMms2004740
    List(ListArgs),
    /// Show one facet with its history.
    Show(ShowArgs),
    /// Change a facet's value, basis, source, name or person (a new statement is credited to --by).
    ///
    /// Example: canon facet edit 81234 --value "non-binary" --source https://example.org/2024 --by amina
    Edit(EditArgs),
    /// Remove a facet; `canon undo` brings it back.
    Remove(RemoveArgs),
}

/// Whom a facet is about: `--author N` (or the author's name as listed) or `--creators`.
#[derive(Debug, Clone, clap::Args)]
pub struct Whom {
    /// The author: their position in the reading's author list (1 for the first author), or
    /// their name as the list gives it.
    #[arg(long, value_name = "N|NAME", conflicts_with = "creators")]
    pub author: Option<String>,
    /// The work's creators as a whole (a collective, a team, an organisation).
    #[arg(long)]
    pub creators: bool,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The reading: its ID or DOI.
    pub reading: String,
    #[command(flatten)]
    pub whom: Whom,
    /// The facet: gender, ethnicity, region of affiliation, … (any name; made lower case).
    #[arg(long)]
    pub facet: String,
    /// The value as the person gives it.
    #[arg(long)]
    pub value: String,
    /// self-identified (they said it of themselves) or published (they published it).
    #[arg(long)]
    pub basis: Option<String>,
    /// Where the person said it: a URL, a DOI or a citation.
    #[arg(long)]
    pub source: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only facets of this reading (ID or DOI).
    #[arg(long)]
    pub reading: Option<String>,
    /// Only this facet (e.g. gender).
    #[arg(long)]
    pub facet: Option<String>,
    /// Only this basis.
    #[arg(long, value_parser = ["self-identified", "published"])]
    pub basis: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The facet's ID (see `canon facet list`; `R…` as CSV writes it is read too).
    #[arg(value_parser = crate::import::record_id_arg)]
    pub id: i64,
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The facet's ID (see `canon facet list`; `R…` as CSV writes it is read too).
    #[arg(value_parser = crate::import::record_id_arg)]
    pub id: i64,
    #[command(flatten)]
    pub whom: Whom,
    /// A new name for the facet.
    #[arg(long)]
    pub facet: Option<String>,
    #[arg(long)]
    pub value: Option<String>,
    /// self-identified or published.
    #[arg(long)]
    pub basis: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The facet's ID (see `canon facet list`; `R…` as CSV writes it is read too).
    #[arg(value_parser = crate::import::record_id_arg)]
    pub id: i64,
    /// Say what would be removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, cmd: FacetCmd) -> Result<()> {
    match cmd {
        FacetCmd::Add(a) => add(ctx, a),
        FacetCmd::List(a) => list(ctx, a),
        FacetCmd::Show(a) => show(ctx, a),
        FacetCmd::Edit(a) => edit(ctx, a),
        FacetCmd::Remove(a) => remove(ctx, a),
    }
}

fn reading(store: &Store, r: &str) -> Result<i64> {
    readings::find_id(&store.conn, r)?
        .with_context(|| format!("no reading {r:?}; give its ID or DOI (see `canon reading list`)"))
}

/// `--author N|NAME` or `--creators` for `reading`; `None` when neither is given.
fn whom(store: &Store, reading: i64, w: &Whom) -> Result<Option<About>> {
    if w.creators {
        return Ok(Some(About::Creators));
    }
    let Some(a) = w.author.as_deref().map(str::trim) else { return Ok(None) };
    if let Ok(n) = a.parse::<i64>() {
        return Ok(Some(About::Author(n)));
    }
    let authors = readings::show(&store.conn, reading)?.map(|d| d.reading.authors).unwrap_or_default();
    match facet::position_of(&authors, a) {
        Some(n) => Ok(Some(About::Author(n))),
        None => bail!(
            "reading {reading} has no author {a:?}; expected a position or one of: {}",
            authors.iter().enumerate().map(|(i, n)| format!("{} {n}", i + 1)).collect::<Vec<_>>().join("; ")
        ),
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    // A missing --basis or --source is a usage error: status 2, as README says of usage errors.
    let blank = |o: &Option<String>| o.as_deref().is_none_or(|v| v.trim().is_empty());
    if blank(&a.basis) || blank(&a.source) {
        let missing: Vec<&str> = [("--basis", &a.basis), ("--source", &a.source)]
            .into_iter()
            .filter(|(_, v)| blank(v))
            .map(|(n, _)| n)
            .collect();
        clap::Error::raw(
            clap::error::ErrorKind::MissingRequiredArgument,
            format!("{} required; {}\n", missing.join(" and "), facet::WHY),
        )
        .exit();
    }
    let mut store = ctx.open(Mode::Existing)?;
    let id = reading(&store, &a.reading)?;
    let about = whom(&store, id, &a.whom)?.context(
        "whom is the facet about? give --author N (1 for the first author) or --creators for the creators as a whole",
    )?;
    let f = NewFacet { reading: id, about, facet: a.facet, value: a.value, basis: a.basis, source: a.source };
    let added = editing::write(&mut store, &a.by, |tx, ids, by| facet::add(tx, ids, by, &f))?;
    editing::added(ctx, &added)
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let Some(current) = facet::list(&store.conn, &FacetFilter::default())?.into_iter().find(|f| f.id == a.id) else {
        bail!("no facet {}; see `canon facet list`", a.id);
    };
    let p = FacetPatch {
        facet: a.facet,
        value: a.value,
        basis: a.basis,
        source: a.source,
        about: whom(&store, current.reading_id, &a.whom)?,
    };
    if p.facet.is_none() && p.value.is_none() && p.basis.is_none() && p.source.is_none() && p.about.is_none() {
        bail!("nothing to change; give --value, --basis, --source, --facet, --author or --creators");
    }
    let e = editing::write(&mut store, &a.by, |tx, _, by| facet::edit(tx, by, a.id, &p))?;
    editing::edited(ctx, &e)
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    if !facet::exists(&store.conn, a.id)? {
        bail!("no facet {}; see `canon facet list`", a.id);
    }
    if a.dry_run {
        return editing::removed(ctx, &facet::removal(&store.conn, a.id)?);
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| facet::remove(tx, by, a.id))?;
    editing::removed(ctx, &r)
}

fn who(f: &Facet) -> String {
    match (f.author_position, &f.author) {
        (Some(n), Some(name)) => format!("{n} {name}"),
        (Some(n), None) => n.to_string(),
        (None, _) => "(creators)".into(),
    }
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let f = FacetFilter {
        reading: a.reading.as_deref().map(|r| reading(&store, r)).transpose()?,
        facet: a.facet.as_deref(),
        basis: a.basis.as_deref(),
    };
    let rows = facet::list(&store.conn, &f)?;
    let mut l = Listing::new(&["id", "reading", "author", "facet", "value", "basis", "source", "recorded_by"])
        .with_ids(&["id"]);
    for f in &rows {
        l.rows.push(vec![
            f.id.to_string(),
            format!("{} {}", f.reading_id, f.reading_title),
            who(f),
            f.facet.clone(),
            f.value.clone(),
            f.basis.clone(),
            f.source.clone(),
            f.recorded_by.clone().unwrap_or_default(),
        ]);
    }
    emit(&a.out, &l, &rows, "no facets recorded", ctx.quiet)
}

#[derive(Serialize)]
struct Detail {
    #[serde(flatten)]
    facet: Facet,
    history: Vec<history::Entry>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let Some(f) = facet::list(&store.conn, &FacetFilter::default())?.into_iter().find(|f| f.id == a.id) else {
        bail!("no facet {}; see `canon facet list`", a.id);
    };
    let log = history::log(
        &store.conn,
        &LogFilter { entity: Some("person_facet"), entity_id: Some(a.id), ..Default::default() },
    )?;
    let mut rows = vec![
        ["id".into(), f.id.to_string()],
        ["reading".into(), format!("{} {:?}", f.reading_id, f.reading_title)],
        ["about".into(), if f.author_position.is_some() { format!("author {}", who(&f)) } else { who(&f) }],
        ["facet".into(), f.facet.clone()],
        ["value".into(), f.value.clone()],
        ["basis".into(), f.basis.clone()],
        ["source".into(), f.source.clone()],
        ["recorded by".into(), f.recorded_by.clone().unwrap_or_default()],
        ["recorded at".into(), f.recorded_at.clone()],
    ];
    rows.extend(editing::history_rows(&log));
    editing::card(ctx, a.format, rows, &Detail { facet: f, history: log })
}
