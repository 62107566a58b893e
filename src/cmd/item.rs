use anyhow::{Result, bail};
use serde::Serialize;

use super::editing;
use super::{Ctx, by_id};
use crate::analysis::bloom::{self, Level};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit, year};
use crate::store::edit::item::{self, ItemPatch, NewItem};
use crate::store::edit::link::{self, LinkFilter};
use crate::store::history::{self, LogFilter};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, analysis, curriculum, id_gen, tags};

#[derive(Debug, clap::Subcommand)]
pub enum ItemCmd {
    /// List items (sessions and outcomes) with their themes.
    ///
    /// CSV and JSON give the themes' slugs (`themes`) and, beside them, their
    /// names (`theme_names`), in the same order.
    ///
    /// Example: canon item list --theme epistemic-bias --format json
    List(ListArgs),
    /// Show one item: its fields, learning outcomes, tags, linked readings and history.
    ///
    /// Example: canon item show MED2002/"Pulse oximetry and skin tone"
    Show(ShowArgs),
    /// Add an item (a session, outcome, assessment or placement) to a module (prints its ID).
    ///
    /// Example: canon item add MED2002 --title "Race correction in spirometry" --outcome "Critique race-based reference equations" --by amina
    Add(AddArgs),
    /// Change an item's title, kind, learning outcomes, Bloom level, module or keywords.
    ///
    /// Example: canon item edit 123 --title "Pulse oximetry across skin tones" --by amina ·
    /// canon item edit MED2002/Spirometry --add-keyword "race correction" --by amina
    Edit(EditArgs),
    /// Remove an item with its tags. One with linked readings needs --force; `canon undo` brings
    /// all of it back.
    ///
    /// Example: canon item remove 123 --by amina
    Remove(RemoveArgs),
    /// Set the Bloom level of an item by hand, overriding the one inferred from its outcomes.
    ///
    /// Levels: remember, understand, apply, analyse, evaluate, create; `auto` goes back to the
    /// inferred level. Example: canon item bloom MED2002/"Pulse oximetry and skin tone" analyse --by amina
    Bloom(BloomArgs),
}

#[derive(Debug, clap::Args)]
pub struct BloomArgs {
    /// The item: its ID or `CODE/Session title`.
    #[arg(value_name = "ITEM")]
    pub item: String,
    /// remember, understand, apply, analyse, evaluate, create, or auto.
    #[arg(value_name = "LEVEL", value_parser = ["remember", "understand", "apply", "analyse", "analyze", "evaluate", "create", "auto"])]
    pub level: String,
    /// The programme to look in, when a code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items of this module (by code or ID).
    #[arg(long, value_name = "CODE")]
    pub module: Option<String>,
    /// Only items of this programme.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Only items tagged with this theme (slug or name).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Only items with no theme at all.
    #[arg(long, conflicts_with = "theme")]
    pub untagged: bool,
    #[command(flatten)]
    pub out: Output,
}

/// Which item: an ID or `CODE/Session title`, and the programme to look in.
#[derive(Debug, Clone, clap::Args)]
pub struct ItemRef {
    /// The item: its ID or `CODE/Session title`.
    #[arg(value_name = "ITEM")]
    pub item: String,
    /// The programme to look in, when a `CODE/Session title` is in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub which: ItemRef,
    /// Output format (table prints a readable card).
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The module: its code or ID.
    #[arg(value_name = "MODULE")]
    pub module: String,
    /// The programme to look in, when the code is used in more than one.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[arg(long)]
    pub title: String,
    /// session, outcome, assessment or placement.
    #[arg(long, default_value = "session", value_parser = ["session", "outcome", "assessment", "placement"])]
    pub kind: String,
    /// A learning outcome (repeat for several, in order).
    #[arg(long = "outcome", value_name = "TEXT")]
    pub outcomes: Vec<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[command(flatten)]
    pub which: ItemRef,
    /// A new title (unique within the module).
    #[arg(long)]
    pub title: Option<String>,
    /// session, outcome, assessment or placement.
    #[arg(long, value_parser = ["session", "outcome", "assessment", "placement"])]
    pub kind: Option<String>,
    /// The learning outcomes, one per flag, replacing the stored ones (`--outcome ""` clears them).
    #[arg(long = "outcome", value_name = "TEXT")]
    pub outcomes: Vec<String>,
    /// The Bloom level by hand: remember … create, or auto for the inferred one.
    #[arg(long, value_parser = ["remember", "understand", "apply", "analyse", "analyze", "evaluate", "create", "auto"])]
    pub bloom: Option<String>,
    /// Move the item to this module (code or ID, in the same programme unless --to-programme).
    #[arg(long, value_name = "MODULE")]
    pub move_to: Option<String>,
    /// The programme of the module to move to, when its code is in more than one.
    #[arg(long, value_name = "NAME", requires = "move_to")]
    pub to_programme: Option<String>,
    /// Add a subject keyword (repeatable; "a; b" adds two), kept as evidence for `suggest`.
    #[arg(long = "add-keyword", value_name = "WORD")]
    pub add_keywords: Vec<String>,
    /// Take a keyword out (repeatable; case aside).
    #[arg(long = "remove-keyword", value_name = "WORD")]
    pub remove_keywords: Vec<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    #[command(flatten)]
    pub which: ItemRef,
    /// Remove the reading links to it too.
    #[arg(long)]
    pub force: bool,
    /// Say what would be removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, cmd: ItemCmd) -> Result<()> {
    match cmd {
        ItemCmd::List(a) => list(ctx, a),
        ItemCmd::Show(a) => show(ctx, a),
        ItemCmd::Add(a) => add(ctx, a),
        ItemCmd::Edit(a) => edit(ctx, a),
        ItemCmd::Remove(a) => remove(ctx, a),
        ItemCmd::Bloom(a) => set_bloom(ctx, a),
    }
}

fn bloom_cell(i: &curriculum::Item) -> String {
    match (&i.bloom, &i.bloom_override) {
        (Some(b), Some(_)) => format!("{b} (set)"),
        (Some(b), None) => b.clone(),
        _ => String::new(),
    }
}

fn with_bloom(items: &mut [curriculum::Item]) {
    for i in items {
        i.bloom = i
            .bloom_override
            .clone()
            .or_else(|| bloom::level_of(&i.kind, &i.title, &i.learning_outcomes).map(|l| l.as_str().to_string()));
    }
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let theme = match &a.theme {
        None => None,
        Some(t) => {
            let idx = ThemeIndex::load(&store.conn)?;
            match idx.resolve(t) {
                Some(id) => Some(id),
                None => bail!("unknown theme {t:?}; expected one of {}", idx.expected()),
            }
        }
    };
    let programme = editing::programme(&store, &a.programme)?;
    let module_id = a.module.as_deref().map(|m| editing::module(&store, m, programme.as_deref())).transpose()?;
    let f = curriculum::ItemFilter {
        module_id,
        programme: programme.as_deref(),
        theme,
        untagged: a.untagged,
        ..Default::default()
    };
    let mut items = curriculum::items(&store.conn, &f)?;
    with_bloom(&mut items);
    let several = items.windows(2).any(|w| w[0].programme != w[1].programme);
    let mut headers = vec!["id", "year", "module", "kind", "title", "learning outcomes", "bloom", "themes", "keywords"];
    if several {
        headers.insert(1, "programme");
    }
    let mut l = Listing::new(&headers).with_ids(&["id"]);
    l.numeric = vec![if several { 2 } else { 1 }];
    for i in &items {
        let mut row = vec![
            i.id.to_string(),
            year(i.year),
            i.module_code.clone(),
            i.kind.clone(),
            i.title.clone(),
            i.learning_outcomes.clone(),
            bloom_cell(i),
            i.themes.join("; "),
            i.keywords.join("; "),
        ];
        if several {
            row.insert(1, i.programme.clone());
        }
        l.rows.push(row);
    }
    // Beside the slugs (a script's key), the themes' names a reader knows.
    let names = crate::report::theme_name_map(&store.conn)?;
    let name = |s: &str| names.get(s).cloned().unwrap_or_else(|| s.to_string());
    if a.out.format() == Format::Csv {
        l = l.with_themes_names(name);
    }
    let json = crate::report::with_theme_names(&items, |i| &i.themes, &names);
    emit(&a.out, &l, &json, "no items match", ctx.quiet)
}

/// An item in full, as `item show` prints it.
#[derive(Debug, Serialize)]
struct Detail {
    #[serde(flatten)]
    item: curriculum::Item,
    tags: Vec<tags::TagInfo>,
    links: Vec<link::Link>,
    history: Vec<history::Entry>,
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.which.programme)?;
    let id = editing::item(&store, &a.which.item, programme.as_deref())?;
    let found = curriculum::items(&store.conn, &curriculum::ItemFilter { item: Some(id), ..Default::default() })?;
    let Some(mut it) = found.into_iter().next() else { bail!("no item with ID {id}") };
    with_bloom(std::slice::from_mut(&mut it));
    let tags = tags::item_tags(&store.conn, id)?;
    let links = link::list(&store.conn, &LinkFilter { item: Some(id), ..Default::default() })?;
    let log =
        history::log(&store.conn, &LogFilter { entity: Some("item"), entity_id: Some(id), ..Default::default() })?;
    let mut rows = vec![
        ["id".into(), it.id.to_string()],
        ["programme".into(), it.programme.clone()],
        ["module".into(), format!("{} {}", it.module_code, it.module_title)],
        ["year".into(), year(it.year)],
        ["kind".into(), it.kind.clone()],
        ["title".into(), it.title.clone()],
        ["outcomes".into(), it.learning_outcomes.clone()],
        ["bloom".into(), bloom_cell(&it)],
        ["keywords".into(), it.keywords.join("; ")],
    ];
    for t in &tags {
        let note = t.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
        rows.push([
            "theme".into(),
            format!(
                "{} ({} by {}, {}){note}",
                t.theme,
                t.source,
                t.by.as_deref().unwrap_or("(unknown)"),
                &t.at[..10.min(t.at.len())]
            ),
        ]);
    }
    for l in &links {
        rows.push(["linked".into(), format!("reading {} {:?}", l.reading_id, l.reading_title)]);
    }
    rows.extend(editing::history_rows(&log));
    editing::card(ctx, a.format, rows, &Detail { item: it, tags, links, history: log })
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let module_id = editing::module(&store, &a.module, programme.as_deref())?;
    let outcomes = a.outcomes.join("\n");
    let n = NewItem { module_id, kind: &a.kind, title: &a.title, outcomes: &outcomes };
    let added = editing::write(&mut store, &a.by, |tx, ids, by| item::add(tx, ids, by, &n))?;
    editing::added(ctx, &added)?;
    Ok(())
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.which.programme)?;
    let id = editing::item(&store, &a.which.item, programme.as_deref())?;
    let module_id = match &a.move_to {
        None => None,
        Some(m) => {
            // By default the module to move to is looked up in the item's own programme.
            let to = match &a.to_programme {
                Some(p) => editing::programme(&store, &Some(p.clone()))?,
                None => {
                    curriculum::items(&store.conn, &curriculum::ItemFilter { item: Some(id), ..Default::default() })?
                        .into_iter()
                        .next()
                        .map(|i| i.programme)
                }
            };
            Some(editing::module(&store, m, to.as_deref())?)
        }
    };
    let p = ItemPatch {
        title: a.title.clone(),
        kind: a.kind.clone(),
        outcomes: (!a.outcomes.is_empty()).then(|| a.outcomes.join("\n")),
        bloom: a.bloom.as_ref().map(|b| (b != "auto").then(|| b.clone())),
        module_id,
        add_keywords: a.add_keywords.clone(),
        remove_keywords: a.remove_keywords.clone(),
    };
    if p.title.is_none()
        && p.kind.is_none()
        && p.outcomes.is_none()
        && p.bloom.is_none()
        && p.module_id.is_none()
        && p.add_keywords.is_empty()
        && p.remove_keywords.is_empty()
    {
        bail!(
            "nothing to change; give --title, --kind, --outcome, --bloom, --move-to, --add-keyword or --remove-keyword"
        );
    }
    let e = editing::write(&mut store, &a.by, |tx, _, by| item::edit(tx, by, id, &p))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let programme = editing::programme(&store, &a.which.programme)?;
    let id = editing::item(&store, &a.which.item, programme.as_deref())?;
    if a.dry_run {
        editing::removed(ctx, &item::removal(&store.conn, id)?)?;
        return Ok(());
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| item::remove(tx, by, id, a.force))?;
    editing::removed(ctx, &r)?;
    Ok(())
}

fn set_bloom(ctx: &Ctx, a: BloomArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let programme = editing::programme(&store, &a.programme)?;
    let item = editing::item(&store, &a.item, programme.as_deref())?;
    let level = match a.level.as_str() {
        "auto" => None,
        l => Level::parse(l).map(Level::as_str),
    };
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &a.by.by)?;
    let changed = analysis::set_bloom(&tx, by, item, level)?;
    tx.commit()?;
    match (changed, level) {
        (false, _) => ctx.note(format_args!("{} was already so; nothing changed", a.item)),
        (true, Some(l)) => ctx.note(format_args!("{} is now at Bloom level {l} (set by hand)", a.item)),
        (true, None) => ctx.note(format_args!("{} is back to the level inferred from its outcomes", a.item)),
    }
    Ok(())
}
