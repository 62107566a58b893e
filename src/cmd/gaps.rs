use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::analysis::coverage;
use crate::analysis::gaps::{self, GapKind, Options};
use crate::analysis::glossary::count;
use crate::analysis::scope::Within;
use crate::cli::Output;
use crate::report::{emit, gaps_listing};
use crate::store::audit::{self, AuditData, Scope};
use crate::store::search::FtsRanker;
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, Store, curriculum};

/// Which part of the curriculum to analyse.
#[derive(Debug, Clone, clap::Args)]
pub struct ScopeArgs {
    /// Only this programme (by name).
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    /// Only this year of study ("2", "Year 2", "Phase II"…).
    #[arg(long, value_parser = super::editing::study_year_arg)]
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
        // A year no module is in selects nothing: said, never reported as a
        // scope with no gaps ("--year 6" on a five-year curriculum).
        if let Some(y) = self.year {
            let years = curriculum::module_years(&store.conn, programme.as_deref(), self.module.as_deref())?;
            // (A database with no modules yet, a reading list alone, is
            // no curriculum a year could narrow: its report is its readings.)
            if !years.contains(&y) && (!years.is_empty() || curriculum::has_modules(&store.conn)?) {
                let list = years.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
                let of = programme.as_deref().map(|p| format!(" of programme {p:?}")).unwrap_or_default();
                match (&self.module, years.is_empty()) {
                    (Some(code), true) => bail!("module {code:?}{of} has no year; leave out --year {y}"),
                    (Some(code), false) => bail!(
                        "module {code:?}{of} is in year {list}, not year {y}; expected --year {list} or no --year"
                    ),
                    (None, true) => {
                        bail!("no module{of} has a year, so --year {y} selects nothing; see `canon module list`")
                    }
                    (None, false) => {
                        bail!("no module{of} is in year {y}; the modules are in years {list} (see `canon module list`)")
                    }
                }
            }
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

/// The gap rows: the same table as the report's `gaps` (CSV folder and
/// workbook), with each theme's name beside its slug.
fn listing(gs: &[gaps::Gap], themes: &[crate::store::themes::Theme]) -> crate::report::Listing {
    gaps_listing(gs).with_theme_names(|s| crate::report::theme_name_in(themes, s))
}

/// The gaps of the whole database, numbered over it, and the scope that
/// selects among them: a scope never renumbers a gap or a finding, so a G- or
/// F-number from the report can be looked up in any scoped run.
pub fn analyse(store: &Store, scope: &ScopeArgs, min_readings: usize) -> Result<(AuditData, Within, Vec<gaps::Gap>)> {
    let scope = scope.resolve(store)?;
    let full = audit::load(&store.conn, &Scope::default())?;
    let within = Within::new(&scope, &full);
    let cov = coverage::compute(&full);
    let ranker = FtsRanker { conn: &store.conn };
    let opts = Options { min_readings, within: within.clone(), ..Options::default() };
    let gs = gaps::compute_ranked(&full, &cov, &opts, &ranker).context("ranking proposals")?;
    Ok((full, within, gs))
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let (full, within, all) = analyse(&store, &a.scope, a.min_readings)?;
    let themes = crate::store::themes::list(&store.conn)?;
    if a.findings {
        let fs = crate::analysis::findings::roll_up(&all, &full, &within);
        return emit(
            &a.out,
            &crate::report::committee::findings_listing(&fs)
                .with_theme_names(|s| crate::report::theme_name_in(&themes, s)),
            &fs,
            "no gaps found in this scope",
            ctx.quiet,
        );
    }
    let mut gs: Vec<gaps::Gap> = all.into_iter().filter(|g| within.selects(g)).collect();
    if !a.kinds.is_empty() {
        let kinds: Vec<GapKind> = a.kinds.iter().filter_map(|k| GapKind::parse(k)).collect();
        gs.retain(|g| kinds.contains(&g.kind));
    }
    emit(&a.out, &listing(&gs, &themes), &gs, "no gaps found in this scope", ctx.quiet)?;
    if a.out.format() == crate::cli::Format::Table && !gs.is_empty() {
        let of = |s| gs.iter().filter(|g| g.severity == s).count();
        ctx.note(format_args!(
            "{}: {} high, {} medium, {} low",
            count(gs.len(), "gap", "gaps"),
            of(gaps::Severity::High),
            of(gaps::Severity::Medium),
            of(gaps::Severity::Low)
        ));
    }
    Ok(())
}
