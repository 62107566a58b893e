use std::ffi::OsString;
use std::io::IsTerminal;

use anyhow::{Result, bail};

use super::Ctx;
use clap::{CommandFactory, Parser};

use crate::cli::{Cli, Command, Format, Output};
use crate::report::{Listing, emit, year};
use crate::store::Mode;
use crate::store::search::{self, parse_query};
use crate::store::themes::ThemeIndex;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words as you would type them (race-based, COVID-19 and Ibn Sina's need no quotes; English
    /// stems match, so colonial finds colonialism), "quoted phrases", prefix*, AND / OR / NOT and
    /// (parentheses); Chinese, Japanese, Korean and Thai text is found inside longer words, and
    /// the operators and -word work for it too ('醫療 OR 医学', 'history -鲁迅'). Filters:
    /// theme:SLUG (tagged with the theme) and year:N (sessions of that year of study only).
    ///
    /// A word that starts with - is left out (medicine -race is medicine NOT race); a query cannot
    /// start with NOT or -, since full-text search can only leave words out of what other words
    /// find. An AND, OR or NOT with nothing on one side ('race AND') is dropped, with a note. Several arguments are one query, and words that start with - need no quotes;
    /// `canon search -- medicine -race` also works. Options may come before or after the query.
    ///
    /// Example: canon search 'theme:epistemic-bias bias*'; canon search pulse oximetry -covid
    #[arg(value_name = "QUERY", required = true, num_args = 1.., allow_hyphen_values = true)]
    pub query: Vec<String>,
    /// Only modules, sessions and readings tagged with this theme (slug or name; a module is in it
    /// when one of its sessions is), as theme:SLUG in the query.
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Only modules and sessions of this year of study (readings have none, so none are listed),
    /// as year:N in the query.
    #[arg(long, value_name = "N")]
    pub year: Option<i64>,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    // The query takes words that start with -, so clap leaves options typed
    // after it (`canon search race -f csv`) among the words: read them as
    // options, once (what follows a `--` is the query, whatever it looks like).
    let (words, options) = options_in(&a.query);
    // `--programme` and other options of other commands would otherwise be
    // left-out words ("-programme"), and their values words to find: an
    // answer of "nothing matches" to a question never asked.
    if let Some(w) = words.iter().find(|w| unknown_option(w)) {
        bail!(
            "search has no option {}; expected --theme THEME, --year N, --format, --output or --limit \
             (a word to leave out is written with one dash: -word)",
            crate::limits::shown(w)
        );
    }
    if options.is_empty() {
        return search(ctx, a);
    }
    let mut argv: Vec<OsString> = vec!["canon".into(), "--db".into(), ctx.db.clone().into()];
    if ctx.quiet {
        argv.push("--quiet".into());
    }
    argv.push("search".into());
    argv.extend(options.into_iter().map(OsString::from));
    argv.push("--".into());
    argv.extend(words.into_iter().map(OsString::from));
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        // As clap says it (and --help prints the help).
        Err(e) => e.exit(),
    };
    let Command::Search(a) = cli.command else { bail!("the search command was read as another command") };
    search(&Ctx { db: cli.db, quiet: cli.quiet }, a)
}

/// Splits query words into the words and the options of `canon search`
/// (its own and the global ones) typed among them, each with its value:
/// `--format csv`, `--format=csv`, `-f csv`, `--quiet`. Other words that start
/// with - (`-race`) stay words.
fn options_in(words: &[String]) -> (Vec<String>, Vec<String>) {
    let mut cli = Cli::command();
    cli.build();
    let Some(cmd) = cli.find_subcommand("search") else { return (words.to_vec(), Vec::new()) };
    let option = |w: &str| {
        cmd.get_arguments().find(|a| match w.strip_prefix("--") {
            Some(long) => a.get_long() == Some(long.split('=').next().unwrap_or(long)),
            None => {
                let mut cs = w.chars();
                cs.next() == Some('-') && cs.next().is_some_and(|c| a.get_short() == Some(c)) && cs.next().is_none()
            }
        })
    };
    let (mut rest, mut options) = (Vec::new(), Vec::new());
    let mut it = words.iter();
    while let Some(w) = it.next() {
        match option(w) {
            Some(arg) => {
                options.push(w.clone());
                if arg.get_action().takes_values() && !w.contains('=') {
                    options.extend(it.next().cloned());
                }
            }
            None => rest.push(w.clone()),
        }
    }
    (rest, options)
}

/// Whether a query word looks like an option (`--programme`, `--bogus=1`)
/// rather than a word to leave out (`-race`).
fn unknown_option(w: &str) -> bool {
    w.strip_prefix("--").and_then(|r| r.chars().next()).is_some_and(|c| c.is_alphanumeric())
}

/// One filter given both as an option and in the query: the same, or an error.
fn one_filter<T: PartialEq + std::fmt::Display>(option: Option<T>, query: Option<T>, what: &str) -> Result<Option<T>> {
    match (option, query) {
        (Some(o), Some(q)) if o != q => bail!("search: --{what} {o} and {what}:{q} in the query disagree; give one"),
        (o, q) => Ok(o.or(q)),
    }
}

fn search(ctx: &Ctx, a: Args) -> Result<()> {
    // A bound on the full-text engine's work, and no control characters.
    let query = a.query.join(" ");
    crate::limits::check(crate::limits::Kind::Query, "the search query", &query)?;
    let mut q = parse_query(&query)?;
    q.theme = one_filter(a.theme.clone(), q.theme.take(), "theme")?;
    q.year = one_filter(a.year, q.year.take(), "year")?;
    if q.text.trim().is_empty() {
        bail!(
            "search query {} has no words to look for; expected words, \"a phrase\" or prefix*",
            crate::limits::shown(&query)
        );
    }
    let store = ctx.open(Mode::Existing)?;
    let theme = match &q.theme {
        None => None,
        Some(t) => {
            let idx = ThemeIndex::load(&store.conn)?;
            match idx.resolve(t) {
                Some(id) => Some(id),
                None => {
                    bail!("unknown theme {}; expected one of {}", crate::limits::shown(t), idx.expected())
                }
            }
        }
    };
    // Bold in a terminal; guillemets wherever the text is read later.
    let bold = a.out.format() == Format::Table
        && a.out.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let marks = if bold { ("\x1b[1m", "\x1b[0m") } else { ("«", "»") };
    let limit = if a.out.format() == Format::Table && a.out.limit > 0 { a.out.limit } else { usize::MAX >> 1 };
    let mut hits = search::search(&store.conn, &q.text, theme, q.year, marks, limit)?;
    for note in search::translate(&q.text).notes {
        eprintln!("note: search query {}: {note}", crate::limits::shown(&q.text));
    }
    let mut l =
        Listing::new(&["kind", "id", "module / authors", "year", "title", "snippet", "score"]).with_ids(&["id"]);
    l.numeric = vec![3, 6];
    // On screen, a reading's title in words without its rich-text tags
    // (`<span class="nocase">`, `<i>`; tester r66 F6); in CSV and JSON in
    // its sheet text (`{eGFR}`; tester r73 F4). A snippet is words alone.
    let screen = a.out.format() == Format::Table;
    for h in hits.iter_mut().filter(|h| h.kind == "reading") {
        h.title = if screen {
            crate::report::cite::title_without_markup(&h.title)
        } else {
            crate::import::title_text::sheet(&h.title)
        };
        h.snippet = crate::report::cite::title_without_markup(&h.snippet);
    }
    for h in &hits {
        l.rows.push(vec![
            h.kind.into(),
            h.id.to_string(),
            h.context.clone(),
            year(h.year),
            h.title.clone(),
            h.snippet.replace('\n', " "),
            h.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        ]);
    }
    emit(&a.out, &l, &hits, "nothing matches", ctx.quiet)
}
