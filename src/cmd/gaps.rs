use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::analysis::coverage;
use crate::analysis::gaps::{self, GapKind, Options};
use crate::cli::Output;
use crate::report::{emit, gaps_listing, year};
use crate::store::audit::{self, Scope};
use crate::store::search::FtsRanker;
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store, curriculum};

/// Which part of the curriculum to analyse.
#[derive(Debug, Clone, clap::Args)]
pub struct ScopeArgs {
    /// Only this programme (by name).
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Only this year of study.
    #[arg(long)]
    pub year: Option<i64>,
    /// Only this module (by code).
    #[arg(long, value_name = "CODE")]
    pub module: Option<String>,
    /// Only this theme (slug or name).
    #[arg(long)]
    pub theme: Option<String>,
}

impl ScopeArgs {
    pub fn resolve(&self, store: &Store) -> Result<Scope> {
        let theme = match &self.theme {
            None => None,
            Some(t) => {
                let idx = ThemeIndex::load(&store.conn)?;
                Some(
                    idx.resolve(t)
                        .with_context(|| format!("unknown theme {t:?}; expected one of {}", idx.expected()))?,
                )
            }
        };
        let programme = super::editing::programme(store, &self.programme)?;
        if let Some(code) = &self.module
            && curriculum::find_module(&store.conn, code, programme.as_deref())?.is_none()
        {
            bail!("no module with code {code:?}; see `canon module list`");
        }
        Ok(Scope { programme, year: self.year, module: self.module.clone(), theme })
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Only gaps of this kind (repeatable): uncovered-theme, module-gap, untagged-module, thin-reading,
    /// shallow-theme, not-revisited, unsupported-item.
    #[arg(long = "kind", value_parser = [
        "uncovered-theme", "module-gap", "untagged-module", "thin-reading",
        "shallow-theme", "not-revisited", "unsupported-item",
    ])]
    pub kinds: Vec<String>,
    /// A theme with fewer approved readings than this is thin.
    #[arg(long, default_value_t = 5)]
    pub min_readings: usize,
    /// List the findings (overlapping gaps rolled up into one fact each, most important first)
    /// instead of every gap.
    #[arg(long)]
    pub findings: bool,
    #[command(flatten)]
    pub out: Output,
}

/// The gap rows, with each proposal's score and the sessions that could carry the theme.
fn listing(gs: &[gaps::Gap]) -> crate::report::Listing {
    let mut l = gaps_listing(gs);
    let readings = l.headers.iter().position(|h| h == "candidate readings").unwrap_or(0);
    l.headers.push("sessions".into());
    for (row, g) in l.rows.iter_mut().zip(gs) {
        if let Some(cell) = row.get_mut(readings) {
            *cell = g
                .candidates
                .iter()
                .map(|c| {
                    if c.score > 0.0 {
                        format!(
                            "[{}] {} ({}) score {}: {}",
                            c.reading_id,
                            c.title,
                            year(c.year),
                            c.score,
                            c.reason.join(", ")
                        )
                    } else {
                        format!("[{}] {} ({}) {}", c.reading_id, c.title, year(c.year), c.reason.join(", "))
                    }
                })
                .collect::<Vec<_>>()
                .join(" | ");
        }
        row.push(
            g.items
                .iter()
                .map(|i| {
                    if i.score > 0.0 {
                        format!("[{}] {}/{} score {}", i.item_id, i.module_code, i.title, i.score)
                    } else {
                        format!("[{}] {}/{}", i.item_id, i.module_code, i.title)
                    }
                })
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    l
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let scope = a.scope.resolve(&store)?;
    let data = audit::load(&store.conn, &scope)?;
    let cov = coverage::compute(&data);
    let ranker = FtsRanker { conn: &store.conn };
    let opts = Options { min_readings: a.min_readings, ..Options::default() };
    let mut gs = gaps::compute_ranked(&data, &cov, &opts, &ranker).context("ranking proposals")?;
    if a.findings {
        let fs = crate::analysis::findings::roll_up(&gs, &data);
        return emit(
            &a.out,
            &crate::report::committee::findings_listing(&fs),
            &fs,
            "no gaps found in this scope",
            ctx.quiet,
        );
    }
    if !a.kinds.is_empty() {
        let kinds: Vec<GapKind> = a.kinds.iter().filter_map(|k| GapKind::parse(k)).collect();
        gs.retain(|g| kinds.contains(&g.kind));
    }
    emit(&a.out, &listing(&gs), &gs, "no gaps found in this scope", ctx.quiet)?;
    if a.out.format == crate::cli::Format::Table && !gs.is_empty() {
        let count = |s| gs.iter().filter(|g| g.severity == s).count();
        ctx.note(format_args!(
            "{} gaps: {} high, {} medium, {} low",
            gs.len(),
            count(gaps::Severity::High),
            count(gaps::Severity::Medium),
            count(gaps::Severity::Low)
        ));
    }
    Ok(())
}
