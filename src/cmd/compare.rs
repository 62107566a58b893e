use anyhow::{Result, bail};

use super::Ctx;
use super::gaps::ScopeArgs;
use std::collections::HashMap;

use crate::analysis::coverage;
use crate::analysis::gaps;
use crate::analysis::scope::Within;
use crate::analysis::snapshot::{self, Comparison, Frozen, GapRef, RoundScope};
use crate::cli::Output;
use crate::report::{Listing, emit};
use crate::store::audit::{self, Scope};
use crate::store::{Mode, Store, snapshots};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier round (a snapshot name).
    #[arg(value_name = "A")]
    pub from: String,
    /// The later round (a snapshot name); the curriculum as it is now when left out.
    #[arg(value_name = "B")]
    pub to: Option<String>,
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub out: Output,
}

fn frozen(store: &Store, name: &str) -> Result<Frozen> {
    match snapshots::load(&store.conn, name)? {
        Some((_, f)) => Ok(f),
        None => {
            let names: Vec<String> = snapshots::list(&store.conn)?.into_iter().map(|s| s.name).collect();
            if names.is_empty() {
                bail!("no snapshot called {name:?}; there are none yet (make one with `canon snapshot NAME`)")
            }
            bail!("no snapshot called {name:?}; expected one of {}", names.join(", "))
        }
    }
}

/// The scope options resolved (and checked: unknown theme, module or
/// programme is an error) into the scope both rounds are seen through.
pub fn round_scope(store: &Store, args: &ScopeArgs) -> Result<RoundScope> {
    let scope = args.resolve(store)?;
    let theme = match scope.theme {
        None => None,
        Some(id) => crate::store::themes::list(&store.conn)?.into_iter().find(|t| t.id == id).map(|t| t.slug),
    };
    Ok(RoundScope { programme: scope.programme, year: scope.year, module: scope.module, theme })
}

/// Round `from` against round `to`, or against now, both seen through the
/// scope `args`: what the report shows too.
///
/// Which gaps a scope holds is decided by one rule, the one `canon gaps`
/// uses ([`Within::selects`]), applied to the curriculum as it is now; a
/// round's gap that the curriculum still has is in the scope exactly when
/// the gap now is (see [`RoundScope::restrict`]). So the gaps opened are
/// `canon gaps` with the same scope options now, less those of the round.
pub fn comparison(store: &Store, from: &str, to: Option<&str>, args: &ScopeArgs) -> Result<Comparison> {
    let round = round_scope(store, args)?;
    let a = snapshot::upgrade(frozen(store, from)?);
    let scope = args.resolve(store)?;
    let full = audit::load(&store.conn, &Scope::default())?;
    let within = Within::new(&scope, &full);
    let cov = coverage::compute(&full);
    let now = gaps::compute(&full, &cov, &gaps::Options::default());
    // A key can name two gaps (one module code and title in two programmes): in scope if either is.
    let mut selected: HashMap<String, bool> = HashMap::new();
    for g in &now {
        *selected.entry(snapshot::gap_key(g)).or_default() |= within.selects(g);
    }
    let decided = |g: &GapRef| selected.get(&g.key).copied();
    let (to_name, b) = match to {
        Some(t) => (t.to_string(), snapshot::upgrade(frozen(store, t)?)),
        None => ("now".to_string(), snapshot::freeze(&cov, &now)),
    };
    Ok(snapshot::compare(from, &round.restrict(&a, &decided), &to_name, &round.restrict(&b, &decided)))
}

/// One row per change: gaps closed and opened, then theme and module
/// coverage (the table the report's comparison sheet and CSV carry too).
pub fn listing(c: &Comparison) -> Listing {
    crate::report::comparison_listing(c)
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let c = comparison(&store, &a.from, a.to.as_deref(), &a.scope)?;
    let themes = crate::store::themes::list(&store.conn)?;
    let rows = listing(&c).with_theme_names(|s| crate::report::theme_name_in(&themes, s));
    emit(&a.out, &rows, &c, "nothing changed", ctx.quiet)?;
    ctx.note(format_args!(
        "{} → {}: {} gaps closed, {} opened, {} module × theme cells changed",
        c.from,
        c.to,
        c.gaps_closed.len(),
        c.gaps_opened.len(),
        c.modules.len()
    ));
    Ok(())
}
