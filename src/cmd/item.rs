use anyhow::{Result, bail};

use super::{Ctx, by_id};
use crate::analysis::bloom::{self, Level};
use crate::cli::{By, Output};
use crate::report::{Listing, emit, year};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, analysis, curriculum, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum ItemCmd {
    /// List items (sessions and outcomes) with their themes.
    ///
    /// Example: canon item list --theme epistemic-bias --format json
    List(ListArgs),
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
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items of this module (by code).
    #[arg(long, value_name = "CODE")]
    pub module: Option<String>,
    /// Only items tagged with this theme (slug or name).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Only items with no theme at all.
    #[arg(long, conflicts_with = "theme")]
    pub untagged: bool,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, cmd: ItemCmd) -> Result<()> {
    match cmd {
        ItemCmd::List(a) => {
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
            if let Some(code) = &a.module
                && curriculum::module_id(&store.conn, code)?.is_none()
            {
                bail!("no module with code {code:?}; see `canon module list`");
            }
            let f = curriculum::ItemFilter { module: a.module.as_deref(), theme, untagged: a.untagged };
            let mut items = curriculum::items(&store.conn, &f)?;
            for i in &mut items {
                i.bloom = i.bloom_override.clone().or_else(|| {
                    bloom::level_of(&i.kind, &i.title, &i.learning_outcomes).map(|l| l.as_str().to_string())
                });
            }
            let mut l =
                Listing::new(&["id", "year", "module", "kind", "title", "learning outcomes", "bloom", "themes"]);
            l.numeric = vec![1];
            for i in &items {
                l.rows.push(vec![
                    i.id.to_string(),
                    year(i.year),
                    i.module_code.clone(),
                    i.kind.clone(),
                    i.title.clone(),
                    i.learning_outcomes.clone(),
                    match (&i.bloom, &i.bloom_override) {
                        (Some(b), Some(_)) => format!("{b} (set)"),
                        (Some(b), None) => b.clone(),
                        _ => String::new(),
                    },
                    i.themes.join("; "),
                ]);
            }
            emit(&a.out, &l, &items, "no items match", ctx.quiet)
        }
        ItemCmd::Bloom(a) => {
            let mut store = ctx.open(Mode::Existing)?;
            let Some(item) = curriculum::item_id(&store.conn, &a.item)? else {
                bail!("no item {:?}; expected an item ID or `CODE/Session title` (see `canon item list`)", a.item)
            };
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
    }
}
