//! `reading facet set`: one content facet set on a group of readings at
//! once, for a group that reviews a list in one sitting. Each reading's
//! change is its own history entry (so `log --id` shows it beside the
//! reading's other changes); all of them are one transaction, and the
//! command prints their range for `canon undo FIRST-LAST`.

use anyhow::{Context, Result, bail};

use super::Ctx;
use super::editing;
use crate::cli::By;
use crate::import::facets::{ContentFacet, yes_no};
use crate::import::language;
use crate::report::year;
use crate::store::edit::link::{self as links, LinkFilter};
use crate::store::edit::reading::{self, ReadingPatch};
use crate::store::readings::{self, Reading, ReadingFilter};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store};

#[derive(Debug, clap::Subcommand)]
pub enum FacetCmd {
    /// Set one content facet on every reading a selection picks (VALUE "" clears it).
    ///
    /// FACET: language, original-language, translated, global-south, open-access, source-kind,
    /// perspective. Select with --where KEY=VALUE (repeatable; all must hold), --reading (repeatable),
    /// or --all. KEY is theme, status, type, year (2019 or 2000-2010), programme, module (linked
    /// there), title or container (words they contain), untagged, or a facet (FACET= for "not
    /// recorded").
    ///
    /// Example: canon reading facet set open-access yes --where theme=epistemic-bias --where open-access= --by amina
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The content facet.
    pub facet: String,
    /// Its value (yes/no, a language, a source kind, a note); "" clears it.
    pub value: String,
    /// A condition KEY=VALUE the readings must meet (repeatable; all must hold).
    #[arg(long = "where", value_name = "KEY=VALUE")]
    pub conditions: Vec<String>,
    /// A reading by ID or DOI (repeatable).
    #[arg(long = "reading", value_name = "READING")]
    pub readings: Vec<String>,
    /// Every reading (needed when there is no --where or --reading).
    #[arg(long)]
    pub all: bool,
    /// Say what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, cmd: FacetCmd) -> Result<()> {
    match cmd {
        FacetCmd::Set(a) => set(ctx, a),
    }
}

/// One `--where` condition.
enum Cond {
    Theme(i64),
    Status(String),
    Kind(String),
    Years(i64, i64),
    Programme(String),
    Module(i64),
    Title(String),
    Container(String),
    Untagged(bool),
    /// A content facet equal to a value as stored (`None`: not recorded).
    Facet(ContentFacet, Option<serde_json::Value>),
}

fn years(v: &str) -> Option<(i64, i64)> {
    let (a, b) = v.split_once("..").or_else(|| v.split_once('-')).unwrap_or((v, v));
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

fn condition(store: &Store, themes: &ThemeIndex, c: &str) -> Result<Cond> {
    let (k, v) = c.split_once('=').with_context(|| {
        format!("--where {c:?} is not KEY=VALUE; expected e.g. theme=epistemic-bias or open-access=")
    })?;
    let (key, v) = (k.trim().to_lowercase().replace('_', "-"), v.trim());
    Ok(match key.as_str() {
        "theme" => {
            Cond::Theme(themes.resolve(v).with_context(|| {
                format!("--where theme={v:?}: unknown theme; expected one of {}", themes.expected())
            })?)
        }
        "status" => {
            let s = v.to_lowercase();
            if !["suggested", "approved", "rejected"].contains(&s.as_str()) {
                bail!("--where status={v:?}: expected suggested, approved or rejected");
            }
            Cond::Status(s)
        }
        "type" => Cond::Kind(crate::import::reading_type(v).map(String::from).with_context(|| {
            format!("--where type={v:?}: unknown type; expected one of {}", crate::import::reading_type_names())
        })?),
        "year" => {
            let (a, b) = years(v)
                .with_context(|| format!("--where year={v:?}: expected a year (2019) or a range (2000-2010)"))?;
            Cond::Years(a.min(b), a.max(b))
        }
        "programme" => Cond::Programme(
            editing::programme(store, &Some(v.to_string()))?.with_context(|| format!("no programme {v:?}"))?,
        ),
        "module" => Cond::Module(editing::module(store, v, None)?),
        "title" => Cond::Title(v.to_lowercase()),
        "container" => Cond::Container(v.to_lowercase()),
        "untagged" => Cond::Untagged(yes_no(v).with_context(|| format!("--where untagged={v:?}: expected yes or no"))?),
        other => {
            let f = ContentFacet::parse(other).map_err(|e| {
                anyhow::anyhow!(
                    "--where {c:?}: {e}; or one of theme, status, type, year, programme, module, title, container, untagged"
                )
            })?;
            let value = f.value(v).map_err(|e| anyhow::anyhow!("--where {c:?}: {e}"))?;
            Cond::Facet(f, (!value.is_null()).then_some(value))
        }
    })
}

/// A reading's content facet as stored (JSON, like [`ContentFacet::value`]).
fn stored(r: &Reading, f: ContentFacet) -> Option<serde_json::Value> {
    let text = |s: &Option<String>| s.clone().map(serde_json::Value::from);
    let flag = |b: Option<bool>| b.map(|b| serde_json::Value::from(i64::from(b)));
    match f {
        ContentFacet::Language => text(&r.language),
        ContentFacet::OriginalLanguage => text(&r.original_language),
        ContentFacet::Translated => flag(r.translated),
        ContentFacet::GlobalSouth => flag(r.global_south),
        ContentFacet::OpenAccess => flag(r.open_access),
        ContentFacet::SourceKind => text(&r.source_kind),
        ContentFacet::Perspective => text(&r.perspective),
    }
}

fn holds(c: &Cond, r: &Reading, themes: &ThemeIndex, linked: &dyn Fn(i64) -> bool) -> bool {
    match c {
        Cond::Theme(t) => r.themes.iter().any(|s| themes.resolve(s) == Some(*t)),
        Cond::Status(s) => &r.status == s,
        Cond::Kind(k) => &r.kind == k,
        Cond::Years(a, b) => r.year.is_some_and(|y| (*a..=*b).contains(&y)),
        Cond::Programme(_) | Cond::Module(_) => linked(r.id),
        Cond::Title(t) => r.title.to_lowercase().contains(t.as_str()),
        Cond::Container(t) => r.container.as_deref().is_some_and(|c| c.to_lowercase().contains(t.as_str())),
        Cond::Untagged(u) => r.themes.is_empty() == *u,
        // A language condition matches a reading in that language among others ("en; fr").
        Cond::Facet(ContentFacet::Language, Some(v)) => {
            let want: Vec<&str> = v.as_str().map(|s| language::split(s).collect()).unwrap_or_default();
            r.language.as_deref().is_some_and(|l| want.iter().all(|w| language::split(l).any(|x| x == *w)))
        }
        Cond::Facet(f, v) => stored(r, *f) == *v,
    }
}

/// The readings the selection picks, in list order.
fn select(store: &Store, a: &SetArgs) -> Result<Vec<Reading>> {
    let themes = ThemeIndex::load(&store.conn)?;
    if a.conditions.is_empty() && a.readings.is_empty() && !a.all {
        bail!(
            "which readings? give --where KEY=VALUE (e.g. --where theme=epistemic-bias), --reading ID, \
             or --all for every reading"
        );
    }
    if a.all && !(a.conditions.is_empty() && a.readings.is_empty()) {
        bail!("--all selects every reading; drop it to select with --where or --reading");
    }
    let conds = a.conditions.iter().map(|c| condition(store, &themes, c)).collect::<Result<Vec<_>>>()?;
    let mut ids = Vec::new();
    for r in &a.readings {
        ids.push(
            readings::find_id(&store.conn, r)?
                .with_context(|| format!("no reading {r:?}; give its ID or DOI (see `canon reading list`)"))?,
        );
    }
    // Readings linked to a module or a programme, when a condition asks.
    let mut linked: Option<std::collections::HashSet<i64>> = None;
    for c in &conds {
        let f = match c {
            Cond::Programme(p) => LinkFilter { programme: Some(p.as_str()), ..Default::default() },
            Cond::Module(m) => LinkFilter { module: Some(*m), ..Default::default() },
            _ => continue,
        };
        let here: std::collections::HashSet<i64> =
            links::list(&store.conn, &f)?.into_iter().map(|l| l.reading_id).collect();
        linked = Some(match linked {
            Some(before) => before.intersection(&here).copied().collect(),
            None => here,
        });
    }
    let is_linked = |id: i64| linked.as_ref().is_none_or(|s| s.contains(&id));
    let all = readings::list(&store.conn, &ReadingFilter::default())?;
    Ok(all
        .into_iter()
        .filter(|r| ids.is_empty() || ids.contains(&r.id))
        .filter(|r| conds.iter().all(|c| holds(c, r, &themes, &is_linked)))
        .collect())
}

fn set(ctx: &Ctx, a: SetArgs) -> Result<()> {
    let facet = ContentFacet::parse(&a.facet).map_err(|e| anyhow::anyhow!(e))?;
    let patch = ReadingPatch::facet(facet, &a.value)?;
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let chosen = select(&store, &a)?;
    if chosen.is_empty() {
        ctx.note("no reading matches; nothing changed");
        return Ok(());
    }
    let target = facet.value(&a.value).map_err(|e| anyhow::anyhow!(e))?;
    let shown = if target.is_null() { "(not recorded)".to_string() } else { a.value.trim().to_string() };
    if a.dry_run {
        let todo: Vec<&Reading> = chosen.iter().filter(|r| stored(r, facet).as_ref() != Some(&target)).collect();
        for r in &todo {
            editing::line(format_args!("{}\t{} ({})", r.id, r.title, year(r.year)))?;
        }
        ctx.note(format_args!(
            "would set {} = {shown} on {} of the {} readings selected (the others already are so); nothing written (dry run)",
            facet.name(),
            todo.len(),
            chosen.len()
        ));
        return Ok(());
    }
    let edits = editing::write(&mut store, &a.by, |tx, _, by| {
        chosen.iter().map(|r| reading::edit(tx, by, r.id, &patch)).collect::<Result<Vec<_>>>()
    })?;
    let changed: Vec<i64> = edits.iter().filter_map(|e| e.history_id).collect();
    match (changed.first(), changed.last()) {
        (Some(first), Some(last)) => {
            let range = if first == last { first.to_string() } else { format!("{first}-{last}") };
            ctx.note(format_args!(
                "set {} = {shown} on {} readings ({} already were so); changes #{range}; `canon undo {range}` reverts them",
                facet.name(),
                changed.len(),
                edits.len() - changed.len()
            ));
            editing::line(range)?;
        }
        _ => ctx.note(format_args!(
            "all {} readings selected already have {} = {shown}; nothing changed",
            edits.len(),
            facet.name()
        )),
    }
    Ok(())
}
