use anyhow::{Result, bail};

use super::Ctx;
use super::gaps::ScopeArgs;
use crate::analysis::snapshot::{self, Comparison, Frozen, RoundScope};
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

/// Round `from` against round `to`, or against now, both seen through
/// `scope`: what the report shows too.
pub fn comparison(store: &Store, from: &str, to: Option<&str>, scope: &RoundScope) -> Result<Comparison> {
    let a = frozen(store, from)?;
    let (to_name, b) = match to {
        Some(t) => (t.to_string(), frozen(store, t)?),
        None => ("now".to_string(), super::snapshot::current(store)?.0),
    };
    Ok(snapshot::compare(from, &scope.restrict(&a), &to_name, &scope.restrict(&b)))
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
    let scope = round_scope(&store, &a.scope)?;
    let c = comparison(&store, &a.from, a.to.as_deref(), &scope)?;
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
