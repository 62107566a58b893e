//! Findings: the gaps rolled up so that one fact is one finding. A theme
//! missing from years of study, not returned to, and the module gaps of those
//! years are one finding; so are the other module gaps of a theme, thin
//! reading, untagged modules and sessions without a reading. The rule is
//! [`super::glossary::FINDING_RULE`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::gaps::{Action, Gap, GapKind, Severity};
use super::glossary::{count, list, verb, years};
use super::scope::Within;
use crate::store::audit::AuditData;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A theme taught nowhere in a programme.
    ThemeAbsent,
    /// A theme missing from some years of study.
    ThemeYears,
    ThinReading,
    ShallowTheme,
    UntaggedModules,
    /// Modules missing a theme, in years that teach it.
    ThemeModules,
    SessionsWithoutReading,
}

/// The modules a finding counts, so that its numbers can be checked against
/// the coverage table: of the modules of its programme in scope in `years`
/// (`null` for modules without a year), with sessions listed unless
/// `with_sessions` is false, `of` is how many there are and `missing` how
/// many of them the finding is about (no session on the theme, or no theme).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ModuleCount {
    pub years: Vec<Option<i64>>,
    pub with_sessions: bool,
    pub of: usize,
    pub missing: usize,
    /// In a finding on one theme: the modules of `of` without the theme that
    /// teach no theme at all, counted in the finding on modules with no theme
    /// and not in `missing` (one finding per fact; see
    /// [`super::glossary::FINDING_RULE`]). `missing + no_theme` is every
    /// module of `of` without the theme. Always 0 in other findings.
    pub no_theme: usize,
}

/// One fact, with the gaps behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// "F1", "F2", … most important first, numbered over the whole database
    /// (a scope selects findings; it never renumbers them).
    pub id: String,
    pub kind: FindingKind,
    /// The highest severity of its gaps (those in scope).
    pub severity: Severity,
    pub programme: Option<String>,
    /// The theme's slug, when it is about one theme.
    pub theme: Option<String>,
    /// Where it applies, in words.
    pub scope: String,
    /// The finding in one sentence.
    pub headline: String,
    /// What to do next.
    pub next_step: String,
    /// The IDs of the gaps behind it (those in scope), in listing order.
    pub gaps: Vec<String>,
    /// The modules its sentence counts, when it counts modules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modules: Option<ModuleCount>,
}

type Key = (FindingKind, Option<String>, Option<String>);
type Years = BTreeMap<(Option<String>, Option<String>), BTreeSet<i64>>;
/// (programme, theme, year of study) of a gap.
type ProgrammeThemeYear = (Option<String>, Option<String>, Option<i64>);
/// Modules with no theme at all: (programme, the module's scope as gaps name it).
type NoTheme = BTreeSet<(Option<String>, String)>;

/// Whether `g` is a module gap of a module that teaches no theme at all.
fn of_module_with_no_theme(g: &Gap, no_theme: &NoTheme) -> bool {
    g.kind == GapKind::ModuleGap && no_theme.contains(&(g.programme.clone(), g.scope.clone()))
}

/// The finding each gap belongs to. The module gaps of a module that teaches
/// no theme at all belong to the finding on modules with no theme: "MED1002
/// teaches no theme" is one fact, not one per theme (issue 13, 13q).
fn key_of(g: &Gap, absent: &BTreeSet<(Option<String>, Option<String>)>, years: &Years, no_theme: &NoTheme) -> Key {
    let pt = (g.programme.clone(), g.theme.clone());
    if of_module_with_no_theme(g, no_theme) {
        return (FindingKind::UntaggedModules, g.programme.clone(), None);
    }
    let kind = match g.kind {
        GapKind::UncoveredTheme if g.year.is_none() => FindingKind::ThemeAbsent,
        GapKind::UncoveredTheme | GapKind::NotRevisited => FindingKind::ThemeYears,
        GapKind::ModuleGap if absent.contains(&pt) => FindingKind::ThemeAbsent,
        GapKind::ModuleGap if g.year.is_some_and(|y| years.get(&pt).is_some_and(|ys| ys.contains(&y))) => {
            FindingKind::ThemeYears
        }
        GapKind::ModuleGap => FindingKind::ThemeModules,
        GapKind::ThinReading => return (FindingKind::ThinReading, None, None),
        GapKind::ShallowTheme => FindingKind::ShallowTheme,
        GapKind::UntaggedModule => return (FindingKind::UntaggedModules, g.programme.clone(), None),
        GapKind::UnsupportedItem => return (FindingKind::SessionsWithoutReading, g.programme.clone(), None),
    };
    (kind, pt.0, pt.1)
}

/// The findings of a list of gaps (with their IDs set, computed over the
/// whole database), most important first, with the IDs they have over the
/// whole database; only those with a gap in `within` are returned, each
/// stating what holds in that scope. The order is by severity in scope (the
/// highest severity of the gaps in scope), then the whole database's order
/// ([`super::glossary::FINDING_RULE`]); so in a scoped list the numbers may
/// run F1, F2, F4, F3 when F3 is only low within the scope.
pub fn roll_up(gaps: &[Gap], data: &AuditData, within: &Within) -> Vec<Finding> {
    let absent: BTreeSet<(Option<String>, Option<String>)> = gaps
        .iter()
        .filter(|g| g.kind == GapKind::UncoveredTheme && g.year.is_none())
        .map(|g| (g.programme.clone(), g.theme.clone()))
        .collect();
    let mut years: Years = BTreeMap::new();
    for g in gaps.iter().filter(|g| g.kind == GapKind::UncoveredTheme) {
        if let Some(y) = g.year {
            years.entry((g.programme.clone(), g.theme.clone())).or_default().insert(y);
        }
    }
    let no_theme: NoTheme = gaps
        .iter()
        .filter(|g| g.kind == GapKind::UntaggedModule)
        .map(|g| (g.programme.clone(), g.scope.clone()))
        .collect();
    let mut groups: BTreeMap<Key, Vec<&Gap>> = BTreeMap::new();
    for g in gaps {
        groups.entry(key_of(g, &absent, &years, &no_theme)).or_default().push(g);
    }
    let mut order: Vec<(Key, Vec<&Gap>)> = groups.into_iter().collect();
    let worst = |gs: &[&Gap]| gs.iter().map(|g| g.severity).min().unwrap_or(Severity::Low);
    // Ranked by the gaps it states: the module gaps a module with no theme
    // brings along are that one fact again, so they add no weight.
    let weight = |gs: &[&Gap]| gs.iter().filter(|g| !of_module_with_no_theme(g, &no_theme)).count();
    // Ties in the order of their first gap in the Gaps section (themes in
    // the coverage table's order there), so F1 is not G2 for a tie (tester
    // r13, P5: ties went by the theme's slug, alphabetically).
    let first = |gs: &[&Gap]| {
        gs.iter().filter_map(|g| g.id.trim_start_matches('G').parse::<u64>().ok()).min().unwrap_or(u64::MAX)
    };
    order.sort_by(|(ka, a), (kb, b)| {
        (worst(a), std::cmp::Reverse(weight(a)), ka.0, first(a), &ka.2).cmp(&(
            worst(b),
            std::cmp::Reverse(weight(b)),
            kb.0,
            first(b),
            &kb.2,
        ))
    });
    let mut cx = Context::new(data, within);
    // The IDs of the findings on modules with no theme (over the whole
    // database), and the module gaps they take from each theme (in scope):
    // each theme's findings say how many, and where they are counted.
    for (i, ((kind, prog, _), _)) in order.iter().enumerate() {
        if *kind == FindingKind::UntaggedModules {
            cx.no_theme_finding.insert(prog.clone(), format!("F{}", i + 1));
        }
    }
    for g in gaps.iter().filter(|g| of_module_with_no_theme(g, &no_theme) && within.selects(g)) {
        *cx.no_theme_gaps.entry((g.programme.clone(), g.theme.clone(), g.year)).or_default() += 1;
    }
    let mut out = Vec::new();
    for (i, (key, gs)) in order.into_iter().enumerate() {
        let shown: Vec<&Gap> = gs.iter().copied().filter(|g| within.selects(g)).collect();
        if shown.is_empty() {
            continue;
        }
        let mut f = finding(key, &shown, &cx, &years);
        f.id = format!("F{}", i + 1);
        out.push(f);
    }
    // A finding's severity is that of its gaps in scope, which may be lower
    // than over the whole database: ranked again by it (a stable sort, so
    // equals keep the whole report's order), so that "most important first"
    // holds in every scope (issue 13a/1). The numbers stay those of the whole.
    out.sort_by_key(|f| f.severity);
    out
}

/// Sets each gap's `finding` to the ID of the finding it is part of.
pub fn assign(gaps: &mut [Gap], data: &AuditData) {
    let of: HashMap<String, String> = roll_up(gaps, data, &Within::everything())
        .into_iter()
        .flat_map(|f| f.gaps.iter().map(|g| (g.clone(), f.id.clone())).collect::<Vec<_>>())
        .collect();
    for g in gaps {
        g.finding = of.get(&g.id).cloned().unwrap_or_default();
    }
}

/// What every finding's sentences are computed from.
struct Context<'a> {
    data: &'a AuditData,
    within: &'a Within,
    /// Sessions listed per module.
    sessions: HashMap<i64, usize>,
    /// Approved readings per theme (slug).
    approved: HashMap<&'a str, usize>,
    /// The finding on modules with no theme, by programme.
    no_theme_finding: HashMap<Option<String>, String>,
    /// Module gaps in scope of modules with no theme at all, by programme,
    /// theme and year: counted in that finding, not in the theme's.
    no_theme_gaps: HashMap<ProgrammeThemeYear, usize>,
}

impl<'a> Context<'a> {
    fn new(data: &'a AuditData, within: &'a Within) -> Context<'a> {
        let mut sessions: HashMap<i64, usize> = HashMap::new();
        for i in &data.items {
            *sessions.entry(i.module_id).or_default() += 1;
        }
        let mut approved: HashMap<&str, usize> = HashMap::new();
        for r in data.readings.iter().filter(|r| r.status == "approved") {
            for t in data.themes.iter().filter(|t| r.themes.contains(&t.id)) {
                *approved.entry(t.slug.as_str()).or_default() += 1;
            }
        }
        Context { data, within, sessions, approved, no_theme_finding: HashMap::new(), no_theme_gaps: HashMap::new() }
    }

    fn theme_name(&self, slug: Option<&str>) -> String {
        self.data
            .themes
            .iter()
            .find(|t| Some(t.slug.as_str()) == slug)
            .map_or_else(|| slug.unwrap_or("").to_string(), |t| t.name.clone())
    }

    /// Modules of `prog` in scope whose year is in `years` (all years when
    /// `None`), with sessions listed if `with_sessions`.
    fn modules(&self, prog: Option<&str>, years: Option<&[Option<i64>]>, with_sessions: bool) -> usize {
        self.data
            .modules
            .iter()
            .filter(|m| Some(m.programme.as_str()) == prog && self.within.has_module(m.id))
            .filter(|m| years.is_none_or(|ys| ys.contains(&m.year)))
            .filter(|m| !with_sessions || self.sessions.get(&m.id).is_some_and(|n| *n > 0))
            .count()
    }

    /// Years of study of a programme (in scope, if `scoped`) that list
    /// sessions, `None` for modules without a year.
    fn years(&self, prog: Option<&str>, scoped: bool) -> Vec<Option<i64>> {
        let ys: BTreeSet<Option<i64>> = self
            .data
            .modules
            .iter()
            .filter(|m| Some(m.programme.as_str()) == prog && (!scoped || self.within.has_module(m.id)))
            .filter(|m| self.sessions.get(&m.id).is_some_and(|n| *n > 0))
            .map(|m| m.year)
            .collect();
        ys.into_iter().collect()
    }

    /// Sessions of programme `prog` in scope tagged with a theme: a
    /// finding's counts never reach into another programme.
    fn tagged_in_scope(&self, prog: &str, slug: &str) -> usize {
        let Some(t) = self.data.themes.iter().find(|t| t.slug == slug) else { return 0 };
        let of_prog: HashSet<i64> = self.data.modules.iter().filter(|m| m.programme == prog).map(|m| m.id).collect();
        self.data
            .items
            .iter()
            .filter(|i| i.themes.contains(&t.id) && self.within.has_item(i.id) && of_prog.contains(&i.module_id))
            .count()
    }
}

/// What a finding's sentences are made from.
struct Facts<'a> {
    gs: &'a [&'a Gap],
    cx: &'a Context<'a>,
    programme: Option<String>,
    theme: Option<String>,
    name: String,
    prog: String,
}

impl Facts<'_> {
    fn of(&self, k: GapKind) -> usize {
        self.gs.iter().filter(|g| g.kind == k).count()
    }

    /// The next step of the first gap of kind `k`.
    fn lead(&self, k: GapKind) -> String {
        self.gs.iter().find(|g| g.kind == k).map(|g| g.suggestion.clone()).unwrap_or_default()
    }

    /// Where the finding applies: the programme, or the year or module in scope.
    fn place(&self) -> String {
        self.cx.within.place(&self.prog)
    }

    /// The scope of a finding under a year or module scope: "year 5 of P",
    /// "MED1006 Title (P)".
    fn scope_in_place(&self) -> String {
        let place = self.place();
        // A module's place names no programme ("M101 Nursing foundations" only looks as if it did).
        if self.cx.within.module_in(&self.prog).is_none() { place } else { format!("{place} ({})", self.prog) }
    }

    /// `broad`, or the scope in place under a year or module scope.
    fn scope_or(&self, broad: String) -> String {
        if self.cx.within.is_narrow() { self.scope_in_place() } else { broad }
    }

    /// The module count over `years` (all years when `None`).
    fn count(&self, years: Option<Vec<Option<i64>>>, with_sessions: bool, missing: usize) -> ModuleCount {
        let of = self.cx.modules(self.programme.as_deref(), years.as_deref(), with_sessions);
        let years = years.unwrap_or_else(|| {
            if with_sessions {
                self.cx.years(self.programme.as_deref(), true)
            } else {
                let ys: BTreeSet<Option<i64>> = self
                    .cx
                    .data
                    .modules
                    .iter()
                    .filter(|m| Some(m.programme.as_str()) == self.programme.as_deref())
                    .filter(|m| self.cx.within.has_module(m.id))
                    .map(|m| m.year)
                    .collect();
                ys.into_iter().collect()
            }
        });
        ModuleCount { years, with_sessions, of, missing, no_theme: 0 }
    }

    /// The modules without this finding's theme in `years` (every year when
    /// `None`) that teach no theme at all: the finding on modules with no
    /// theme counts them.
    fn no_theme(&self, years: Option<&[Option<i64>]>) -> usize {
        self.cx
            .no_theme_gaps
            .iter()
            .filter(|((p, t, y), _)| *p == self.programme && *t == self.theme && years.is_none_or(|ys| ys.contains(y)))
            .map(|(_, n)| *n)
            .sum()
    }

    /// " Of these, 14 modules teach no theme at all (F4).": the sentence a
    /// theme's finding on whole years adds, which counts the modules there
    /// but leaves their gaps to the finding on modules with no theme.
    /// `of` is how many modules the sentence before counts: "Of these"
    /// needs several (issue 13: "MED4005 … included. Of these, 1 module…"
    /// had no plural to refer to); one module is named, or "That module".
    fn of_these(&self, n: usize, of: usize) -> String {
        if n == 0 {
            return String::new();
        }
        if let Some(md) = self.cx.within.module_in(&self.prog) {
            return format!(" {} teaches no theme at all ({}).", md.code, self.no_theme_id());
        }
        if of == 1 {
            return format!(" That module teaches no theme at all ({}).", self.no_theme_id());
        }
        format!(
            " Of these, {} {} no theme at all ({}).",
            count(n, "module", "modules"),
            verb(n, "teaches", "teach"),
            self.no_theme_id()
        )
    }

    /// "F4", the finding on modules with no theme of this programme.
    fn no_theme_id(&self) -> String {
        self.cx.no_theme_finding.get(&self.programme).cloned().unwrap_or_default()
    }

    /// ", besides the 14 modules with no theme at all (F4)": the clause a
    /// theme's finding adds when modules without it teach no theme at all.
    fn besides(&self, n: usize) -> String {
        if n == 0 {
            return String::new();
        }
        let which = if n == 1 { "the module".to_string() } else { format!("the {n} modules") };
        format!(", besides {which} with no theme at all ({})", self.no_theme_id())
    }
}

/// "the 7 modules", "its only module", for "N of …" sentences.
fn of_modules(of: usize) -> String {
    count(of, "module", "modules")
}

type Text = (String, String, String, Option<ModuleCount>);

fn absent_text(f: &Facts) -> Text {
    let mut m = f.count(None, true, f.of(GapKind::ModuleGap));
    m.no_theme = f.no_theme(None);
    let w = f.cx.within;
    let headline = match (w.module_in(&f.prog), w.year) {
        (Some(md), _) => format!(
            "{} is not taught anywhere in {}, {} {} included: no session is tagged with it.",
            f.name, f.prog, md.code, md.title
        ),
        (None, Some(y)) if m.of == 1 => format!(
            "{} is not taught anywhere in {}, so not in year {y} either: the only module of year {y} has no session \
             tagged with it.",
            f.name, f.prog
        ),
        (None, Some(y)) => format!(
            "{} is not taught anywhere in {}, so not in year {y} either: none of the {} of year {y} has a session \
             tagged with it.",
            f.name,
            f.prog,
            of_modules(m.of)
        ),
        (None, None) if m.of == 1 => {
            format!("{} is not taught anywhere in {}: its only module has no session tagged with it.", f.name, f.prog)
        }
        (None, None) => format!(
            "{} is not taught anywhere in {}: none of its {} has a session tagged with it.",
            f.name,
            f.prog,
            of_modules(m.of)
        ),
    };
    let headline = format!("{headline}{}", f.of_these(m.no_theme, m.of));
    // The module gaps it rolls up: what the proposals hold for them (the programme's step says where to start).
    let mut next: Vec<String> = keyword_start(f).map(|(t, _, _)| t).into_iter().collect();
    let lead = f.lead(GapKind::UncoveredTheme);
    // The programme's own proposals are matched to the theme as a whole, not to a module.
    let for_theme = f.gs.iter().any(|g| g.kind == GapKind::UncoveredTheme && !g.candidates.is_empty());
    // The programme gap's step "N sessions already use the theme's keywords:
    // check them…" is the keyword sentence above said again, less exactly.
    let lead_tags =
        f.gs.iter().find(|g| g.kind == GapKind::UncoveredTheme).is_some_and(|g| g.action == Action::TagExisting);
    if next.is_empty() || !lead_tags {
        next.push(lead.clone());
    }
    let (with, without, approved) = proposal_state(f);
    if with > 0 {
        next.push(match (with, without) {
            (_, 0) => {
                format!("Readings on it are proposed for {} (listed with the gaps).", count(with, "module", "modules"))
            }
            _ => format!(
                "Readings on it are proposed for {} (listed with the gaps); none fits the other {} yet.",
                count(with, "module", "modules"),
                count(without, "module", "modules")
            ),
        });
    } else if without > 0 && approved && !lead.contains("approved reading") {
        let modules = if without == 1 { "its module".to_string() } else { format!("any of its {without} modules") };
        next.push(
            if let Some(g) = f.gs.iter().find(|g| g.kind == GapKind::UncoveredTheme && !g.candidates.is_empty()) {
                // Said of the readings by name of the gap that lists them, and of
                // the modules this finding counts (those teaching another theme).
                let teaching = if without == 1 {
                    "the module that teaches another theme".to_string()
                } else {
                    format!("any of the {without} modules that teach another theme")
                };
                format!(
                    "The readings {} proposes are matched to the theme as a whole, from the words of its description \
                 and keywords; none shares enough words with {teaching} to be proposed for it yet.",
                    g.id
                )
            } else if for_theme {
                format!(
                    "Readings are proposed for the theme as a whole, from the words of its description and keywords; \
                 none shares enough words with {modules} to be proposed for a module yet."
                )
            } else {
                format!("No approved reading on {} shares enough words with {modules} to be proposed yet.", f.name)
            },
        );
    }
    (f.scope_or(format!("programme {}", f.prog)), headline, next.join(" "), Some(m))
}

fn years_finding_text(f: &Facts, missing: &[i64]) -> Text {
    let taught: Vec<i64> =
        f.cx.years(f.programme.as_deref(), false).into_iter().flatten().filter(|y| !missing.contains(y)).collect();
    let w = f.cx.within;
    // The years of the programme this scope sees that miss the theme.
    let seen: Vec<i64> = missing
        .iter()
        .copied()
        .filter(|y| f.gs.iter().any(|g| g.kind == GapKind::UncoveredTheme && g.year == Some(*y)))
        .collect();
    let seen_years: Vec<Option<i64>> = seen.iter().map(|y| Some(*y)).collect();
    let mut m = f.count(Some(seen_years.clone()), true, f.of(GapKind::ModuleGap));
    m.no_theme = f.no_theme(Some(&seen_years));
    let next = years_next(f, &taught);
    let headline = if !w.is_narrow() {
        format!(
            "{} is taught only in {} of {}; {} ({}) {} no session on it.",
            f.name,
            years(&taught),
            f.prog,
            years(&seen),
            of_modules(m.of),
            verb(seen.len(), "has", "have")
        )
    } else if let Some(&y) = seen.first() {
        let within = match w.module_in(&f.prog) {
            Some(md) => format!(", {} {} included", md.code, md.title),
            None if m.of == 1 => ": its only module has no session on it".to_string(),
            None => format!(": none of its {} has a session on it", of_modules(m.of)),
        };
        format!("{} is not taught in year {y} of {}{within}; it is taught only in {}.", f.name, f.prog, years(&taught))
    } else {
        // The scope is in the one year that teaches it (a theme not returned to).
        let which = match w.module_in(&f.prog) {
            Some(md) => format!(" (the year of {} {})", md.code, md.title),
            None => String::new(),
        };
        format!(
            "{} is taught in {} of {}{which} and not returned to: {} {} no session on it.",
            f.name,
            years(&taught),
            f.prog,
            years(missing),
            verb(missing.len(), "has", "have")
        )
    };
    // Sessions in those years that already use its keywords: said here as the module findings say them.
    let headline = match keyword_start(f) {
        Some((_, ys, n)) if !seen.is_empty() => {
            let ys: Vec<i64> = ys.into_iter().collect();
            // Under `--module`, the count is the module's, not the year's (issue 13a/6).
            let at = match (w.module_in(&f.prog), ys.is_empty()) {
                (Some(md), true) => format!(" in {}", md.code),
                (Some(md), false) => format!(" in {} ({})", md.code, years(&ys)),
                (None, true) => String::new(),
                (None, false) => format!(" in {}", years(&ys)),
            };
            format!(
                "{}; {}{at} not tagged with it already {} its keywords.",
                headline.trim_end_matches('.'),
                count(n, "session", "sessions"),
                verb(n, "uses", "use")
            )
        }
        _ => headline,
    };
    let headline = if seen.is_empty() { headline } else { format!("{headline}{}", f.of_these(m.no_theme, m.of)) };
    // A count of modules only when the sentence states one.
    let m = if seen.is_empty() { None } else { Some(m) };
    let scope = if w.is_narrow() { f.scope_in_place() } else { format!("programme {}, {}", f.prog, years(missing)) };
    (scope, headline, next, m)
}

/// The Next of a finding on the years that miss a theme: one sentence per
/// kind of step (introduce earlier, return later, keep going), each naming
/// every year of the finding's year gaps that takes it, so the Next covers
/// every gap it rolls up (the module gaps are in those years). The step of a
/// theme not returned to is added when it names a year the sentences do not
/// (or stands alone, in a scope that holds only the year that teaches it).
fn years_next(f: &Facts, taught: &[i64]) -> String {
    let mut by_action: Vec<(Action, Vec<i64>)> = Vec::new();
    for g in f.gs.iter().filter(|g| g.kind == GapKind::UncoveredTheme) {
        let Some(y) = g.year else { continue };
        match by_action.iter_mut().find(|(a, _)| *a == g.action) {
            Some((_, ys)) => ys.push(y),
            None => by_action.push((g.action, vec![y])),
        }
    }
    let name = &f.name;
    let mut next: Vec<String> = Vec::new();
    // Sessions in the missing years that already use the theme's keywords come first: those years may teach it.
    let (checked, those) = match keyword_start(f) {
        Some((text, ys, n)) => {
            next.push(text);
            (ys, if n == 1 { "that session turns" } else { "those sessions turn" })
        }
        None => (BTreeSet::new(), ""),
    };
    let mut named: BTreeSet<i64> = BTreeSet::new();
    for (action, mut ys) in by_action {
        ys.sort_unstable();
        ys.dedup();
        named.extend(ys.iter().copied());
        let (plain, maybe): (Vec<i64>, Vec<i64>) = ys.iter().partition(|y| !checked.contains(y));
        let these = match (plain.is_empty(), maybe.is_empty()) {
            (_, true) => years(&plain),
            (true, false) => format!("{}, if {those} out not to teach it", years(&maybe)),
            (false, false) => {
                format!("{} (and in {}, if {those} out not to teach it)", years(&plain), years(&maybe))
            }
        };
        let them = years(taught);
        next.push(match action {
            Action::IntroduceEarlier => {
                format!(
                    "Introduce {name} in {these}, before it is taught in {them}, so later teaching can build on it."
                )
            }
            Action::ReturnLater => {
                // The level the theme already reaches, as its year gaps found it.
                let reached =
                    f.gs.iter()
                        .filter(|g| g.kind == GapKind::UncoveredTheme && g.action == action)
                        .filter_map(|g| g.reached)
                        .max();
                format!("Return to {name} in {these}, building on {them}{}.", super::glossary::building_on(reached))
            }
            Action::Bridge => format!("Keep {name} going in {these}, between the years that teach it ({them})."),
            // No other step is given to a year gap; said as the gaps say it.
            _ => {
                f.gs.iter()
                    .filter(|g| g.kind == GapKind::UncoveredTheme && g.action == action)
                    .map(|g| g.suggestion.trim().to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        });
    }
    // The years a theme taught in one year only is not returned to: every other year of the programme.
    let all: Vec<i64> = f.cx.years(f.programme.as_deref(), false).into_iter().flatten().collect();
    // Under a year or module scope it names years outside the scope: only when nothing else is said.
    let narrow = f.cx.within.is_narrow();
    for g in f.gs.iter().filter(|g| g.kind == GapKind::NotRevisited) {
        let others = all.iter().filter(|y| Some(**y) != g.year);
        if next.is_empty() || (!narrow && others.clone().any(|y| !named.contains(y))) {
            let s = g.suggestion.trim().to_string();
            if !next.contains(&s) {
                next.push(s);
            }
        }
    }
    next.join(" ")
}

/// The sessions not tagged with a finding's theme that already use its
/// keywords, as its module and year gaps in scope name them (the gap's
/// `evidence`): the sentence the Next starts from, and the years of study
/// those sessions are in. `None` when no gap names one.
fn keyword_start(f: &Facts) -> Option<(String, BTreeSet<i64>, usize)> {
    let w = f.cx.within;
    let mut seen: HashSet<i64> = HashSet::new();
    let mut named: Vec<String> = Vec::new();
    let mut ys: BTreeSet<i64> = BTreeSet::new();
    let mut no_year = false;
    for g in f.gs.iter().filter(|g| matches!(g.kind, GapKind::ModuleGap | GapKind::UncoveredTheme)) {
        for e in g.evidence.iter().filter(|e| w.has_item(e.item_id)) {
            if seen.insert(e.item_id) {
                named.push(format!("{} \u{201c}{}\u{201d}", e.module_code, e.title));
                match g.year {
                    Some(y) => {
                        ys.insert(y);
                    }
                    None => no_year = true,
                }
            }
        }
    }
    let n = named.len();
    if n == 0 {
        return None;
    }
    let shown = if n > 4 {
        let mut v = named[..4].to_vec();
        v.push(format!("{} more", n - 4));
        v
    } else {
        named
    };
    let ylist: Vec<i64> = ys.iter().copied().collect();
    let when = match (ylist.is_empty(), no_year) {
        (false, false) => format!(" ({})", years(&ylist)),
        (false, true) => format!(" ({}, and without a year)", years(&ylist)),
        (true, _) => String::new(),
    };
    let text = if n == 1 {
        format!(
            "Start with the session not tagged with {} that already uses its keywords: {}{when}; check it with the \
             module lead and tag it if the theme is taught there.",
            f.name,
            shown.join("")
        )
    } else {
        format!(
            "Start with the {n} sessions not tagged with {} that already use its keywords: {}{when}; check them with \
             the module leads and tag them if the theme is taught there.",
            f.name,
            list(&shown, "and")
        )
    };
    Some((text, ys, n))
}

/// What the proposals hold for the module gaps of a finding that need a
/// session (no session there uses the keywords yet): (with proposals,
/// without), and whether the theme has approved readings at all.
fn proposal_state(f: &Facts) -> (usize, usize, bool) {
    let gs: Vec<&&Gap> = f.gs.iter().filter(|g| g.kind == GapKind::ModuleGap && g.evidence.is_empty()).collect();
    let with = gs.iter().filter(|g| !g.candidates.is_empty()).count();
    let approved = f.theme.as_deref().and_then(|t| f.cx.approved.get(t)).is_some_and(|n| *n > 0);
    (with, gs.len() - with, approved)
}

fn modules_text(f: &Facts, missing_years: &[i64]) -> Text {
    let modules = f.of(GapKind::ModuleGap);
    let quick = f.gs.iter().filter(|g| g.kind == GapKind::ModuleGap && !g.evidence.is_empty()).count();
    let all_years = f.cx.years(f.programme.as_deref(), true);
    let taught: Vec<Option<i64>> =
        all_years.iter().copied().filter(|y| y.is_none_or(|y| !missing_years.contains(&y))).collect();
    let every_year = taught.len() == all_years.len();
    let mut m = f.count(Some(taught.clone()), true, modules);
    m.no_theme = f.no_theme(Some(&taught));
    let w = f.cx.within;
    // With modules of no theme at all counted elsewhere, the modules counted
    // here are those that teach another theme: said so, to keep the number true.
    let have = match (m.no_theme > 0, modules == 1) {
        (false, _) => verb(modules, "has", "have").to_string(),
        (true, true) => "teaches another theme but has".to_string(),
        (true, false) => "teach another theme but have".to_string(),
    };
    let share = if modules == 1 && m.of == 1 {
        "The only module".to_string()
    } else {
        format!("{modules} of the {}", of_modules(m.of))
    };
    let mut headline = match (w.module_in(&f.prog), w.year) {
        (Some(md), _) => format!("{} {} has no session on {}", md.code, md.title, f.name),
        (None, Some(y)) => format!("{share} in year {y} of {} {have} no session on {}", f.prog, f.name),
        (None, None) if every_year => format!("{share} in {} {have} no session on {}", f.prog, f.name),
        (None, None) => {
            let ys: Vec<i64> = taught.iter().flatten().copied().collect();
            let no_year = taught.iter().any(Option::is_none);
            format!(
                "{share} in {}{} of {} ({} that {} it) {have} no session on {}",
                years(&ys),
                if no_year { " or without a year" } else { "" },
                f.prog,
                if ys.len() == 1 { "the year" } else { "the years" },
                verb(ys.len(), "teaches", "teach"),
                f.name
            )
        }
    };
    headline.push_str(&f.besides(m.no_theme));
    let (with, without, approved) = proposal_state(f);
    let mut next = Vec::new();
    if quick > 0 {
        headline.push_str(&format!(
            "; in {} a session not tagged with it already uses its keywords.",
            if modules == 1 { "it".to_string() } else { format!("{quick} of them") }
        ));
        next.push(if quick == 1 {
            format!(
                "Start with the module where a session not tagged with {} already uses its keywords: check that \
                 session with the module lead and tag it if the theme is taught there.",
                f.name
            )
        } else {
            format!(
                "Start with the {quick} modules where sessions not tagged with {} already use its keywords: check \
                 those sessions with the module leads and tag them if the theme is taught there.",
                f.name
            )
        });
    } else {
        headline.push('.');
    }
    let rest = with + without;
    if rest > 0 {
        let others = match (quick > 0, rest == 1) {
            (true, true) => "the other module",
            (true, false) => "each of the others",
            (false, true) => "the module",
            (false, false) => "each module",
        };
        let them = if rest == 1 { "it" } else { "them" };
        next.push(match (with, without, approved) {
            (_, _, false) => format!(
                "Bring {} into a session of {others}; there is no approved reading on it yet: add and review some first.",
                f.name
            ),
            (0, _, true) => format!(
                "Bring {} into a session of {others}; no approved reading on it shares enough words with {them} to \
                 be proposed yet: link ones the group chooses, or tag more readings with the theme.",
                f.name
            ),
            (_, 0, true) => format!(
                "Bring {} into a session of {others}, starting from the readings proposed for {}.",
                f.name,
                if rest == 1 { "it" } else { "each" }
            ),
            (w, wo, true) => format!(
                "Bring {} into a session of {others}; readings are proposed for {w} of {them} (listed with their \
                 gaps), and no approved reading fits the other {wo} yet.",
                f.name
            ),
        });
    }
    let scope = if w.is_narrow() {
        f.scope_in_place()
    } else {
        format!("{} in programme {}", count(modules, "module", "modules"), f.prog)
    };
    (scope, headline, next.join(" "), Some(m))
}

fn thin_text(f: &Facts) -> Text {
    let parts: Vec<String> = f.gs.iter().map(|g| g.explanation.split(';').next().unwrap_or("").to_string()).collect();
    let add: Vec<String> =
        f.gs.iter()
            .filter(|g| g.action == super::gaps::Action::AddReadings)
            .map(|g| f.cx.theme_name(g.theme.as_deref()))
            .collect();
    let mut next: Vec<String> =
        f.gs.iter().filter(|g| g.action != super::gaps::Action::AddReadings).map(|g| g.suggestion.clone()).collect();
    if !add.is_empty() {
        next.push(format!(
            "Ask students and faculty for readings on {} and review them (the Gaps section gives how many {} needs).",
            list(&add, "and"),
            if add.len() == 1 { "it" } else { "each" }
        ));
    }
    ("reading list".into(), format!("Reading is thin: {}.", parts.join("; ")), next.join(" "), None)
}

fn shallow_text(f: &Facts) -> Text {
    let w = f.cx.within;
    // Sessions with no level are not known to stay low: the claim says how
    // many there are (issue 13a/5), as the gap's sentence and table do.
    let unlevelled =
        |all: bool| f.gs.iter().flat_map(|g| g.unlevelled.iter()).filter(|i| all || w.has_item(**i)).count();
    let headline = if w.is_narrow() {
        let k = f.gs.iter().flat_map(|g| g.about.iter()).filter(|i| w.has_item(**i)).count();
        let u = unlevelled(false);
        if u == 0 {
            format!(
                "In {}, the {} tagged with {} {} students at most to remember or understand, as every session on it \
                 in {}{} does.",
                f.place(),
                count(k, "session", "sessions"),
                f.name,
                verb(k, "asks", "ask"),
                f.prog,
                if unlevelled(true) > 0 { " with a level" } else { "" }
            )
        } else {
            format!(
                "In {}, of the {} tagged with {}, {} students at most to remember or understand and {} no Bloom \
                 level, as in all of {}: none is known to go further.",
                f.place(),
                count(k, "session", "sessions"),
                f.name,
                if k - u == 1 { "1 asks".to_string() } else { format!("{} ask", k - u) },
                if u == 1 { "1 has".to_string() } else { format!("{u} have") },
                f.prog
            )
        }
    } else {
        let (n, u) = (f.gs.iter().map(|g| g.about.len()).sum::<usize>(), unlevelled(true));
        if u == 0 {
            format!(
                "{} is taught only at the remember and understand levels in {}: no session asks students to apply, \
                 analyse, evaluate or create.",
                f.name, f.prog
            )
        } else {
            format!(
                "{} is taught at most at the remember and understand levels in {}, as far as levels are known: no \
                 session with a level asks students to apply, analyse, evaluate or create, and {} of its {} {} no \
                 Bloom level.",
                f.name,
                f.prog,
                u,
                count(n, "session", "sessions"),
                verb(u, "has", "have")
            )
        }
    };
    (f.scope_or(format!("programme {}", f.prog)), headline, f.lead(GapKind::ShallowTheme), None)
}

fn untagged_text(f: &Facts) -> Text {
    // Its modules, each once: the gap of a module with no theme, and that
    // module's gaps on single themes (under a theme scope, only those).
    let mut codes: Vec<&str> = Vec::new();
    for c in f.gs.iter().filter_map(|g| g.module_code.as_deref()) {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    let shown = if codes.len() > 6 {
        format!("{} and {} more", codes[..6].join(", "), codes.len() - 6)
    } else {
        codes.join(", ")
    };
    let w = f.cx.within;
    let ys = w.year.map(|y| vec![Some(y)]);
    let m = f.count(ys, false, codes.len());
    let headline = match (w.module_in(&f.prog), w.year) {
        (Some(md), _) => format!("{} {} has no session tagged with any theme.", md.code, md.title),
        _ if codes.len() == 1 && m.of == 1 => {
            format!("The only module in {}, {shown}, has no session tagged with any theme.", f.place())
        }
        _ => format!(
            "{} of the {} in {} {} no session tagged with any theme ({shown}).",
            codes.len(),
            of_modules(m.of),
            f.place(),
            verb(codes.len(), "has", "have")
        ),
    };
    let mut next = if codes.len() == 1 {
        "Review its sessions with the module lead and tag those that touch a theme; sessions that already use a \
         theme's keywords are listed in the table of modules with no theme."
            .to_string()
    } else {
        "Review their sessions with the module leads and tag those that touch a theme; sessions that already use a \
         theme's keywords are listed in the table of modules with no theme."
            .to_string()
    };
    let per_theme = f.of(GapKind::ModuleGap);
    if per_theme > 0 {
        let whose = if codes.len() == 1 { "its" } else { "their" };
        // "its 1 gap on single themes is" read badly (tester r13, P11).
        next.push_str(&if per_theme == 1 {
            format!(
                " A module with no theme misses every theme: {whose} one gap on a single theme is counted here, not \
                 again in that theme's finding."
            )
        } else {
            format!(
                " A module with no theme misses every theme: {whose} {} on single themes are counted here, not again \
                 in each theme's finding.",
                count(per_theme, "gap", "gaps")
            )
        });
    }
    let scope = f.scope_or(format!("{} in programme {}", count(codes.len(), "module", "modules"), f.prog));
    (scope, headline, next, Some(m))
}

/// "its only session", "all 15 sessions", "2 of its 5 sessions".
fn sessions_share(k: usize, n: usize) -> String {
    match (k, n) {
        (1, 1) => "its only session".into(),
        (2, 2) => "both its sessions".into(),
        (k, n) if k == n => format!("all {n} sessions"),
        (k, n) => format!("{k} of its {n} sessions"),
    }
}

fn unsupported_finding_text(f: &Facts) -> Text {
    let w = f.cx.within;
    let parts: Vec<String> =
        f.gs.iter()
            .map(|g| {
                let slug = g.theme.as_deref().unwrap_or("");
                let (k, n) = if w.narrows_curriculum() {
                    (g.about.iter().filter(|i| w.has_item(**i)).count(), f.cx.tagged_in_scope(&f.prog, slug))
                } else {
                    (g.about.len(), f.cx.tagged_in_scope(&f.prog, slug))
                };
                format!("{}: {}", f.cx.theme_name(g.theme.as_deref()), sessions_share(k, n))
            })
            .collect();
    // Always named: two programmes can share a theme, and their findings must not read alike.
    let headline = format!(
        "In {}, tagged sessions lack a linked reading on their theme ({}).",
        f.scope_in_place(),
        parts.join("; ")
    );
    // What the proposals hold, theme by theme.
    let mut proposed = Vec::new();
    let mut unfit = Vec::new();
    let mut none = Vec::new();
    for g in f.gs {
        let name = f.cx.theme_name(g.theme.as_deref());
        if !g.candidates.is_empty() {
            proposed.push(name);
        } else if g.theme.as_deref().and_then(|t| f.cx.approved.get(t)).is_some_and(|n| *n > 0) {
            unfit.push(name);
        } else {
            none.push(name);
        }
    }
    let mut next = vec!["Link a reading on its theme to each of these sessions (or to its module).".to_string()];
    if !proposed.is_empty() {
        next.push(format!("Readings are proposed for the sessions on {}.", list(&proposed, "and")));
    }
    if !unfit.is_empty() {
        next.push(format!(
            "No approved reading on {} shares enough words with {} sessions to be proposed yet: choose from the \
             reading list.",
            list(&unfit, "or"),
            if unfit.len() == 1 { "its" } else { "their" }
        ));
    }
    if !none.is_empty() {
        next.push(format!("There is no approved reading on {} yet: add and review some first.", list(&none, "or")));
    }
    (f.scope_or(format!("programme {}", f.prog)), headline, next.join(" "), None)
}

fn finding(key: Key, gs: &[&Gap], cx: &Context, years: &Years) -> Finding {
    let (kind, programme, theme) = key;
    let f = Facts {
        gs,
        cx,
        name: cx.theme_name(theme.as_deref()),
        prog: programme.clone().unwrap_or_default(),
        programme: programme.clone(),
        theme: theme.clone(),
    };
    let missing: Vec<i64> =
        years.get(&(programme.clone(), theme.clone())).map(|y| y.iter().copied().collect()).unwrap_or_default();
    let (scope, headline, next_step, modules) = match kind {
        FindingKind::ThemeAbsent => absent_text(&f),
        FindingKind::ThemeYears => years_finding_text(&f, &missing),
        FindingKind::ThemeModules => modules_text(&f, &missing),
        FindingKind::ThinReading => thin_text(&f),
        FindingKind::ShallowTheme => shallow_text(&f),
        FindingKind::UntaggedModules => untagged_text(&f),
        FindingKind::SessionsWithoutReading => unsupported_finding_text(&f),
    };
    Finding {
        id: String::new(),
        kind,
        severity: gs.iter().map(|g| g.severity).min().unwrap_or(Severity::Low),
        programme,
        // A finding over several themes (thin reading, sessions without a
        // reading) whose gaps in scope are all on one theme is about that
        // theme, and says so (issue 13: `gaps --findings --theme X` listed
        // such a finding with an empty theme). Modules with no theme at all
        // stay a finding on no theme.
        theme: theme.or_else(|| {
            let mut ts = gs.iter().map(|g| g.theme.as_deref());
            let first = ts.next().flatten()?;
            (kind != FindingKind::UntaggedModules && ts.all(|t| t == Some(first))).then(|| first.to_string())
        }),
        scope,
        headline,
        next_step,
        gaps: gs.iter().map(|g| g.id.clone()).collect(),
        modules,
    }
}

/// "G1–G3, G7": gap IDs with runs collapsed, for a table cell.
pub fn id_ranges(ids: &[String]) -> String {
    let mut nums: Vec<u64> = ids.iter().filter_map(|i| i.trim_start_matches('G').parse().ok()).collect();
    nums.sort_unstable();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        let mut j = i;
        while j + 1 < nums.len() && nums[j + 1] == nums[j] + 1 {
            j += 1;
        }
        parts.push(if j > i { format!("G{}\u{2013}G{}", nums[i], nums[j]) } else { format!("G{}", nums[i]) });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::id_ranges;

    #[test]
    fn ranges() {
        let ids: Vec<String> = ["G1", "G2", "G3", "G7", "G9", "G10"].iter().map(|s| s.to_string()).collect();
        assert_eq!(id_ranges(&ids), "G1\u{2013}G3, G7, G9\u{2013}G10");
    }
}
