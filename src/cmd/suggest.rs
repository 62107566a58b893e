use anyhow::{Result, bail};

use super::gaps::ScopeArgs;
use super::{Ctx, by_id};
use crate::analysis::suggest::{self, Options, Suggestion, TargetKind, Targets};
use crate::cli::{By, Output};
use crate::report::{Listing, emit};
use crate::store::analysis::apply_suggestion;
use crate::store::tags::Target;
use crate::store::{Mode, audit, id_gen};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TargetArg {
    Items,
    Readings,
    All,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// What to suggest themes for.
    #[arg(long, value_enum, default_value_t = TargetArg::All)]
    pub target: TargetArg,
    /// Leave out suggestions scoring below this (a keyword scores 1, a phrase 2, in a title ×1.5).
    #[arg(long, default_value_t = suggest::MIN_SCORE, value_name = "X")]
    pub min_score: f64,
    /// Tag every suggestion shown (source `suggest`, credited to --by). Without it nothing is written.
    #[arg(long)]
    pub apply: bool,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub out: Output,
}

pub fn listing(s: &[Suggestion]) -> Listing {
    let mut l = Listing::new(&["target", "id", "module", "title", "theme", "score", "evidence"]).with_ids(&["id"]);
    l.numeric = vec![5];
    for x in s {
        l.rows.push(vec![
            x.target.as_str().into(),
            x.id.to_string(),
            x.module_code.clone().unwrap_or_default(),
            x.title.clone(),
            x.theme.clone(),
            format!("{}", x.score),
            x.evidence.join("; "),
        ]);
    }
    l
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    if a.apply && a.by.by.as_deref().is_none_or(|b| b.trim().is_empty()) {
        bail!("--apply records who accepted the suggestions; pass --by NAME or set CANON_USER");
    }
    let mut store = ctx.open(Mode::Existing)?;
    let scope = a.scope.resolve(&store)?;
    let mut data = audit::load(&store.conn, &scope)?;
    // A scope of programme, year or module is a part of the curriculum: the
    // readings in it are those linked to its modules or sessions, never the
    // whole reading list (which `--apply` would otherwise tag too).
    let within = crate::analysis::scope::Within::new(&scope, &data);
    if within.narrows_curriculum() {
        let linked = within.linked_readings(&data);
        data.readings.retain(|r| linked.contains(&r.id));
    }
    let targets = match a.target {
        TargetArg::Items => Targets::Items,
        TargetArg::Readings => Targets::Readings,
        TargetArg::All => Targets::All,
    };
    let mut found = suggest::compute(&data, &Options { targets, min_score: a.min_score });
    // Suggestions someone rejected (in `canon serve`) stay rejected here too.
    let dismissed = crate::store::workspace::dismissed(&store.conn)?;
    found.retain(|s| !dismissed.contains(&(s.target.as_str(), s.id, s.theme_id)));
    let themes = crate::store::themes::list(&store.conn)?;
    let rows = listing(&found).with_theme_names(|s| crate::report::theme_name_in(&themes, s));
    emit(&a.out, &rows, &found, "no suggestions: every match is already tagged", ctx.quiet)?;
    if !a.apply {
        if !found.is_empty() {
            ctx.note(format_args!(
                "{} suggestions; nothing was changed (tag them all with --apply --by NAME)",
                found.len()
            ));
        }
        return Ok(());
    }
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = by_id(&tx, &mut ids, &a.by.by)?;
    let mut applied = 0;
    for s in &found {
        let target = match s.target {
            TargetKind::Item => Target::Item(s.id),
            TargetKind::Reading => Target::Reading(s.id),
        };
        let note = format!("suggested from the lexicon: {}", s.evidence.join(", "));
        applied += usize::from(apply_suggestion(&tx, by, target, s.theme_id, &note)?);
    }
    tx.commit()?;
    ctx.note(format_args!("applied {applied} suggested tags"));
    Ok(())
}
