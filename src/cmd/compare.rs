use anyhow::{Result, bail};

use super::Ctx;
use super::gaps::ScopeArgs;
use std::collections::HashMap;

use crate::analysis::coverage;
use crate::analysis::gaps;
use crate::analysis::scope::Within;
use crate::analysis::snapshot::{self, Comparison, Frozen, GapRef, RoundScope};
use crate::store::audit::{self, Scope};
use crate::cli::Output;
use crate::report::{Listing, emit};
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

/// One row per change: gaps closed and opened, then theme and module coverage.
pub fn listing(c: &Comparison) -> Listing {
    let mut l = Listing::new(&["change", "what", "theme", c.from.as_str(), c.to.as_str(), "difference"]);
    l.numeric = vec![3, 4, 5];
    for (label, gs) in [("gap closed", &c.gaps_closed), ("gap opened", &c.gaps_opened)] {
        for g in gs {
            l.rows.push(vec![
                label.into(),
                format!("{}: {}", g.kind, g.scope),
                g.theme.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for t in &c.themes {
        l.rows.push(vec![
            "theme coverage".into(),
            format!("tagged sessions (modules {} → {})", t.modules_before, t.modules_after),
            t.theme.clone(),
            t.before.to_string(),
            t.after.to_string(),
            t.change.to_string(),
        ]);
    }
    for m in &c.modules {
        l.rows.push(vec![
            "module coverage".into(),
            format!("{} {}", m.module_code, m.module_title),
            m.theme.clone(),
            m.before.to_string(),
            m.after.to_string(),
            m.change.to_string(),
        ]);
    }
    l
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let c = comparison(&store, &a.from, a.to.as_deref(), &a.scope)?;
    emit(&a.out, &listing(&c), &c, "nothing changed", ctx.quiet)?;
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
