use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::Output;
use crate::report::{Listing, emit, year};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, curriculum};

#[derive(Debug, clap::Subcommand)]
pub enum ItemCmd {
    /// List items (sessions and outcomes) with their themes.
    ///
    /// Example: canon item list --theme epistemic-bias --format json
    List(ListArgs),
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
            let items = curriculum::items(&store.conn, &f)?;
            let mut l = Listing::new(&["id", "year", "module", "kind", "title", "learning outcomes", "themes"]);
            l.numeric = vec![1];
            for i in &items {
                l.rows.push(vec![
                    i.id.to_string(),
                    year(i.year),
                    i.module_code.clone(),
                    i.kind.clone(),
                    i.title.clone(),
                    i.learning_outcomes.clone(),
                    i.themes.join("; "),
                ]);
            }
            emit(&a.out, &l, &items, "no items match", ctx.quiet)
        }
    }
}
