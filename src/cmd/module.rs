use anyhow::Result;

use super::Ctx;
use crate::cli::Output;
use crate::report::{Listing, emit, year};
use crate::store::{Mode, curriculum};

#[derive(Debug, clap::Subcommand)]
pub enum ModuleCmd {
    /// List modules with their item counts and themes.
    ///
    /// Example: canon module list --year 2
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only modules in this year of study.
    #[arg(long)]
    pub year: Option<i64>,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, cmd: ModuleCmd) -> Result<()> {
    match cmd {
        ModuleCmd::List(a) => {
            let store = ctx.open(Mode::Existing)?;
            let modules = curriculum::modules(&store.conn, a.year)?;
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
            emit(&a.out, &l, &modules, "no modules; import a module list with `canon import modules FILE`", ctx.quiet)
        }
    }
}
