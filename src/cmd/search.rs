use std::io::IsTerminal;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::{Format, Output};
use crate::report::{Listing, emit, year};
use crate::store::Mode;
use crate::store::search::{self, parse_query};
use crate::store::themes::ThemeIndex;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words as you would type them (race-based, COVID-19 and Ibn Sina's need no quotes; English
    /// stems match, so colonial finds colonialism), "quoted phrases", prefix*, AND / OR / NOT;
    /// Chinese, Japanese, Korean and Thai text is found inside longer words. Filters: theme:SLUG
    /// (tagged with the theme) and year:N (sessions of that year of study only).
    ///
    /// Example: canon search 'theme:epistemic-bias bias*'
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let q = parse_query(&a.query)?;
    if q.text.trim().is_empty() {
        bail!("search query {:?} has no words to look for; expected words, \"a phrase\" or prefix*", a.query);
    }
    let store = ctx.open(Mode::Existing)?;
    let theme = match &q.theme {
        None => None,
        Some(t) => {
            let idx = ThemeIndex::load(&store.conn)?;
            match idx.resolve(t) {
                Some(id) => Some(id),
                None => bail!("unknown theme {t:?} in theme:; expected one of {}", idx.expected()),
            }
        }
    };
    // Bold in a terminal; guillemets wherever the text is read later.
    let bold = a.out.format == Format::Table
        && a.out.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let marks = if bold { ("\x1b[1m", "\x1b[0m") } else { ("«", "»") };
    let limit = if a.out.format == Format::Table && a.out.limit > 0 { a.out.limit } else { usize::MAX >> 1 };
    let hits = search::search(&store.conn, &q.text, theme, q.year, marks, limit)?;
    let mut l = Listing::new(&["kind", "id", "module / authors", "year", "title", "snippet", "score"]);
    l.numeric = vec![3, 6];
    for h in &hits {
        l.rows.push(vec![
            h.kind.into(),
            h.id.to_string(),
            h.context.clone(),
            year(h.year),
            h.title.clone(),
            h.snippet.replace('\n', " "),
            format!("{:.2}", h.score),
        ]);
    }
    emit(&a.out, &l, &hits, "nothing matches", ctx.quiet)
}
