use anyhow::{Result, bail};
use serde::Serialize;

use super::Ctx;
use super::editing::{self, clearable};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit, year};
use crate::store::edit::link::{self, LinkFilter};
use crate::store::edit::module::{self, ModulePatch, NewModule};
use crate::store::history::{self, LogFilter};
use crate::store::{Mode, curriculum};

#[derive(Debug, clap::Subcommand)]
pub enum ModuleCmd {
    /// List modules with their item counts and themes.
    ///
    /// Example: canon module list --year 2 --programme "MBChB Medicine"
    List(ListArgs),
    /// Show one module: its fields, sessions, linked readings and history.
    ///
    /// Example: canon module show MED2002
    Show(ShowArgs),
    /// Add a module by hand (prints its ID).
    ///
    /// Example: canon module add MED9001 --title "Global Health" --programme "MBChB Medicine" --year 3 --by amina
    Add(AddArgs),
    /// Change a module's code, title, year, lead or programme (an empty value clears a field).
    ///
    /// Example: canon module edit MED2002 --title "Respiratory medicine" --lead "Dr Okafor" --by amina
    Edit(EditArgs),
    /// Remove a module. One with sessions or linked readings needs --force, and they go with it;
    /// `canon undo` brings all of it back.
    ///
    /// Example: canon module remove MED9001 --by amina
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only modules in this year of study ("2", "Year 2", "Phase II"…).
    #[arg(long, value_parser = editing::study_year_arg)]
    pub year: Option<i64>,
    /// Only modules of this programme.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The module: its code or ID.
    #[arg(value_name = "MODULE")]
    pub module: String,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Output format (table prints a readable card).
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The module code, e.g. MED9001 (unique within the programme).
    #[arg(value_name = "CODE")]
    pub code: String,
    #[arg(long)]
    pub title: String,
    /// The programme; may be left out when there is only one. A name the
    /// database does not hold is refused (a typo must not make a programme)
    /// unless --new-programme says to add it.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Add the programme named by --programme when there is none by that name.
    #[arg(long, requires = "programme")]
    pub new_programme: bool,
    /// Year of study or phase, 1 to 10, written as a module list may write
    /// it ("3", "Year 3", "Phase III", "3rd year"…).
    #[arg(long, value_parser = editing::study_year_arg)]
    pub year: Option<i64>,
    /// The module lead.
    #[arg(long)]
    pub lead: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The module: its code or ID.
    #[arg(value_name = "MODULE")]
    pub module: String,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// A new code.
    #[arg(long)]
    pub code: Option<String>,
    /// A new title.
    #[arg(long)]
    pub title: Option<String>,
    /// A new year of study or phase ("3", "Year 3", "Phase III"…; "" clears it).
    #[arg(long)]
    pub year: Option<String>,
    /// A new module lead ("" clears it).
    #[arg(long)]
    pub lead: Option<String>,
    /// Move the module to this programme. A name the database does not hold
    /// is refused, listing the programmes, unless --new-programme is given.
    #[arg(long, value_name = "PROGRAMME")]
    pub move_to: Option<String>,
    /// Add the programme named by --move-to when there is none by that name
    /// (`canon undo` of the move removes it again while it is empty).
    #[arg(long, requires = "move_to")]
    pub new_programme: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The module: its code or ID.
    #[arg(value_name = "MODULE")]
    pub module: String,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Remove its sessions, their tags and its reading links with it.
    #[arg(long)]
    pub force: bool,
    /// Say what would be removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, cmd: ModuleCmd) -> Result<()> {
    match cmd {
        ModuleCmd::List(a) => list(ctx, a),
        ModuleCmd::Show(a) => show(ctx, a),
        ModuleCmd::Add(a) => add(ctx, a),
        ModuleCmd::Edit(a) => edit(ctx, a),
        ModuleCmd::Remove(a) => remove(ctx, a),
    }
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let modules = curriculum::modules_in(&store.conn, a.year, programme.as_deref())?;
    let mut l = Listing::new(&["programme", "year", "code", "title", "items", "tagged", "themes"]);
    l.numeric = vec![1, 4, 5];
    for m in &modules {
        l.rows.push(vec![
            m.programme.clone(),
            year(m.year),
            m.code.clone(),
            m.title.clone(),
            m.items.to_string(),
            m.tagged_items.to_string(),
            m.themes.join("; "),
        ]);
    }
    // A filter that selects nothing is said as such, not as an empty database.
    let empty = match a.year {
        Some(y) if modules.is_empty() => {
            let years = curriculum::module_years(&store.conn, programme.as_deref(), None)?;
            if years.is_empty() {
                "no modules; import a module list with `canon import modules FILE`".to_string()
            } else {
                let list = years.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
                format!("no module is in year {y}; the modules are in years {list}")
            }
        }
        _ => "no modules; import a module list with `canon import modules FILE`".to_string(),
    };
    emit(&a.out, &l, &modules, &empty, ctx.quiet)
}

/// A module in full, as `module show` prints it.
#[derive(Debug, Serialize)]
struct Detail {
    #[serde(flatten)]
    module: curriculum::Module,
    sessions: Vec<curriculum::Item>,
    links: Vec<link::Link>,
    history: Vec<history::Entry>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let id = editing::module(&store, &a.module, programme.as_deref())?;
    let Some(m) = curriculum::modules_in(&store.conn, None, None)?.into_iter().find(|m| m.id == id) else {
        bail!("no module with ID {id}")
    };
    let f = curriculum::ItemFilter { module_id: Some(id), ..Default::default() };
    let sessions = curriculum::items(&store.conn, &f)?;
    let links = link::list(&store.conn, &LinkFilter { module: Some(id), ..Default::default() })?;
    let log =
        history::log(&store.conn, &LogFilter { entity: Some("module"), entity_id: Some(id), ..Default::default() })?;
    let mut rows = vec![
        ["id".into(), m.id.to_string()],
        ["programme".into(), m.programme.clone()],
        ["code".into(), m.code.clone()],
        ["title".into(), m.title.clone()],
        ["year".into(), year(m.year)],
        ["lead".into(), m.lead.clone().unwrap_or_default()],
        ["sessions".into(), format!("{} ({} tagged)", m.items, m.tagged_items)],
        ["themes".into(), m.themes.join("; ")],
    ];
    for s in &sessions {
        let themes = if s.themes.is_empty() { String::new() } else { format!(" [{}]", s.themes.join("; ")) };
        rows.push(["session".into(), format!("{} {}{themes}", s.id, s.title)]);
    }
    for l in &links {
        let to = l.item_title.as_deref().unwrap_or("(whole module)");
        rows.push(["linked".into(), format!("reading {} {:?} → {to}", l.reading_id, l.reading_title)]);
    }
    rows.extend(editing::history_rows(&log));
    editing::card(ctx, a.format, rows, &Detail { module: m, sessions, links, history: log })
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Create)?;
    let programme = match &a.programme {
        Some(p) => p.clone(),
        None => {
            let known = curriculum::programme_names(&store.conn)?;
            match known.as_slice() {
                [one] => one.clone(),
                [] => bail!("which programme? pass --programme NAME (there are none yet)"),
                many => bail!(
                    "which programme? pass --programme NAME; there are {}",
                    many.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ")
                ),
            }
        }
    };
    let m = NewModule {
        programme: &programme,
        new_programme: a.new_programme,
        code: &a.code,
        title: &a.title,
        year: a.year,
        lead: a.lead.as_deref(),
    };
    let added = editing::write(&mut store, &a.by, |tx, ids, by| module::add(tx, ids, by, &m))?;
    editing::added(ctx, &added)?;
    Ok(())
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let id = editing::module(&store, &a.module, programme.as_deref())?;
    let p = ModulePatch {
        code: a.code.clone(),
        title: a.title.clone(),
        year: editing::study_year(&a.year, "--year")?,
        lead: clearable(&a.lead),
        programme: a.move_to.clone(),
        new_programme: a.new_programme,
    };
    if p.code.is_none() && p.title.is_none() && p.year.is_none() && p.lead.is_none() && p.programme.is_none() {
        bail!("nothing to change; give --code, --title, --year, --lead or --move-to");
    }
    let e = editing::write(&mut store, &a.by, |tx, ids, by| module::edit(tx, ids, by, id, &p))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let programme = editing::programme(&store, &a.programme)?;
    let id = editing::module(&store, &a.module, programme.as_deref())?;
    if a.dry_run {
        editing::removed(ctx, &module::removal(&store.conn, id)?)?;
        return Ok(());
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| module::remove(tx, by, id, a.force))?;
    editing::removed(ctx, &r)?;
    Ok(())
}
