//! Findings: the gaps rolled up so that one fact is one finding. A theme
//! missing from years of study, not returned to, and the module gaps of those
//! years are one finding; so are the other module gaps of a theme, thin
//! reading, untagged modules and sessions without a reading. The rule is
//! [`super::glossary::FINDING_RULE`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::gaps::{Gap, GapKind, Severity};
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

/// One fact, with the gaps behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// "F1", "F2", … most important first.
    pub id: String,
    pub kind: FindingKind,
    /// The highest severity of its gaps.
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
    /// The IDs of the gaps behind it, in listing order.
    pub gaps: Vec<String>,
}

type Key = (FindingKind, Option<String>, Option<String>);

/// The finding each gap belongs to.
fn key_of(
    g: &Gap,
    absent: &BTreeSet<(Option<String>, Option<String>)>,
    years: &BTreeMap<(Option<String>, Option<String>), BTreeSet<i64>>,
) -> Key {
    let pt = (g.programme.clone(), g.theme.clone());
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

/// The findings of a list of gaps (with their IDs set), most important first.
pub fn roll_up(gaps: &[Gap], data: &AuditData) -> Vec<Finding> {
    let absent: BTreeSet<(Option<String>, Option<String>)> = gaps
        .iter()
        .filter(|g| g.kind == GapKind::UncoveredTheme && g.year.is_none())
        .map(|g| (g.programme.clone(), g.theme.clone()))
        .collect();
    let mut years: BTreeMap<(Option<String>, Option<String>), BTreeSet<i64>> = BTreeMap::new();
    for g in gaps.iter().filter(|g| g.kind == GapKind::UncoveredTheme) {
        if let Some(y) = g.year {
            years.entry((g.programme.clone(), g.theme.clone())).or_default().insert(y);
        }
    }
    let mut groups: BTreeMap<Key, Vec<&Gap>> = BTreeMap::new();
    for g in gaps {
        groups.entry(key_of(g, &absent, &years)).or_default().push(g);
    }
    let mut out: Vec<Finding> = groups.into_iter().map(|(k, gs)| finding(k, &gs, data, &years)).collect();
    out.sort_by(|a, b| {
        (a.severity, std::cmp::Reverse(a.gaps.len()), a.kind, &a.theme).cmp(&(
            b.severity,
            std::cmp::Reverse(b.gaps.len()),
            b.kind,
            &b.theme,
        ))
    });
    for (i, f) in out.iter_mut().enumerate() {
        f.id = format!("F{}", i + 1);
    }
    out
}

/// Sets each gap's `finding` to the ID of the finding it is part of.
pub fn assign(gaps: &mut [Gap], data: &AuditData) {
    let of: HashMap<String, String> = roll_up(gaps, data)
        .into_iter()
        .flat_map(|f| f.gaps.iter().map(|g| (g.clone(), f.id.clone())).collect::<Vec<_>>())
        .collect();
    for g in gaps {
        g.finding = of.get(&g.id).cloned().unwrap_or_default();
    }
}

fn theme_name(data: &AuditData, slug: Option<&str>) -> String {
    data.themes
        .iter()
        .find(|t| Some(t.slug.as_str()) == slug)
        .map_or_else(|| slug.unwrap_or("").to_string(), |t| t.name.clone())
}

fn years_text(ys: &[i64]) -> String {
    let ys: Vec<String> = ys.iter().map(i64::to_string).collect();
    match ys.len() {
        0 => "no year".into(),
        1 => format!("year {}", ys[0]),
        _ => format!("years {} and {}", ys[..ys.len() - 1].join(", "), ys[ys.len() - 1]),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Years of study of a programme that list sessions.
fn programme_years(data: &AuditData, prog: Option<&str>) -> Vec<i64> {
    let with_items: BTreeSet<i64> = data.items.iter().map(|i| i.module_id).collect();
    let ys: BTreeSet<i64> = data
        .modules
        .iter()
        .filter(|m| Some(m.programme.as_str()) == prog && with_items.contains(&m.id))
        .filter_map(|m| m.year)
        .collect();
    ys.into_iter().collect()
}

/// What a finding's sentences are made from.
struct Facts<'a> {
    gs: &'a [&'a Gap],
    data: &'a AuditData,
    programme: Option<String>,
    name: String,
    prog: String,
    total_modules: usize,
}

impl Facts<'_> {
    fn of(&self, k: GapKind) -> usize {
        self.gs.iter().filter(|g| g.kind == k).count()
    }

    /// The next step of the first gap of kind `k`.
    fn lead(&self, k: GapKind) -> String {
        self.gs.iter().find(|g| g.kind == k).map(|g| g.suggestion.clone()).unwrap_or_default()
    }
}

type Text = (String, String, String);

fn absent_text(f: &Facts) -> Text {
    (
        format!("programme {}", f.prog),
        format!(
            "{} is not taught anywhere in {}: none of its {} has a session tagged with it.",
            f.name,
            f.prog,
            count(f.total_modules, "module", "modules")
        ),
        f.lead(GapKind::UncoveredTheme),
    )
}

fn years_finding_text(f: &Facts, missing: &[i64]) -> Text {
    let taught: Vec<i64> =
        programme_years(f.data, f.programme.as_deref()).into_iter().filter(|y| !missing.contains(y)).collect();
    let next =
        if f.of(GapKind::NotRevisited) > 0 { f.lead(GapKind::NotRevisited) } else { f.lead(GapKind::UncoveredTheme) };
    let headline = if missing.is_empty() {
        format!("{} is taught in {} of {} only.", f.name, years_text(&taught), f.prog)
    } else {
        format!(
            "{} is taught only in {} of {}; {} {} no session on it.",
            f.name,
            years_text(&taught),
            f.prog,
            years_text(missing),
            if missing.len() == 1 { "has" } else { "have" }
        )
    };
    (format!("programme {}, {}", f.prog, years_text(missing)), headline, next)
}

fn modules_text(f: &Facts) -> Text {
    let modules = f.of(GapKind::ModuleGap);
    let quick = f.gs.iter().filter(|g| g.kind == GapKind::ModuleGap && !g.evidence.is_empty()).count();
    let mut headline = format!(
        "{} of {} in {} have no session on {}",
        count(modules, "module", "modules"),
        f.total_modules,
        f.prog,
        f.name
    );
    let next = if quick > 0 {
        headline.push_str(&format!("; in {quick} of them an untagged session already uses its keywords."));
        "Start with the modules whose untagged sessions already use the theme's keywords: check and tag them; \
         bring the theme into the others with the readings proposed."
    } else {
        headline.push('.');
        "Bring the theme into a session of each module, with the readings proposed for it."
    };
    (format!("{} in programme {}", count(modules, "module", "modules"), f.prog), headline, next.to_string())
}

fn thin_text(f: &Facts) -> Text {
    let parts: Vec<String> = f.gs.iter().map(|g| g.explanation.split(';').next().unwrap_or("").to_string()).collect();
    let add: Vec<String> =
        f.gs.iter()
            .filter(|g| g.action == super::gaps::Action::AddReadings)
            .map(|g| theme_name(f.data, g.theme.as_deref()))
            .collect();
    let mut next: Vec<String> =
        f.gs.iter().filter(|g| g.action != super::gaps::Action::AddReadings).map(|g| g.suggestion.clone()).collect();
    if !add.is_empty() {
        next.push(format!(
            "Ask students and faculty for readings on {} and review them (the Gaps section gives how many each needs).",
            add.join(", ")
        ));
    }
    ("reading list".into(), format!("Reading is thin: {}.", parts.join("; ")), next.join(" "))
}

fn shallow_text(f: &Facts) -> Text {
    (
        format!("programme {}", f.prog),
        format!(
            "{} is taught only at the remember and understand levels in {}: no session asks students to apply, \
             analyse, evaluate or create.",
            f.name, f.prog
        ),
        f.lead(GapKind::ShallowTheme),
    )
}

fn untagged_text(f: &Facts) -> Text {
    let codes: Vec<&str> = f.gs.iter().filter_map(|g| g.module_code.as_deref()).collect();
    let shown = if codes.len() > 6 {
        format!("{} and {} more", codes[..6].join(", "), codes.len() - 6)
    } else {
        codes.join(", ")
    };
    (
        format!("{} in programme {}", count(codes.len(), "module", "modules"), f.prog),
        format!(
            "{} of {} in {} {} no session tagged with any theme ({shown}).",
            count(codes.len(), "module", "modules"),
            f.total_modules,
            f.prog,
            if codes.len() == 1 { "has" } else { "have" }
        ),
        "Review their sessions with the module leads and tag those that touch a theme; sessions that already use a \
         theme's keywords are listed in the table of modules with no theme."
            .into(),
    )
}

fn unsupported_finding_text(f: &Facts) -> Text {
    let parts: Vec<String> =
        f.gs.iter()
            .map(|g| {
                let n = g.explanation.split(" tagged with ").next().unwrap_or("");
                format!("{}: {n}", theme_name(f.data, g.theme.as_deref()))
            })
            .collect();
    (
        format!("programme {}", f.prog),
        format!("Tagged sessions lack a linked reading on their theme ({}).", parts.join("; ")),
        f.lead(GapKind::UnsupportedItem),
    )
}

fn finding(
    key: Key,
    gs: &[&Gap],
    data: &AuditData,
    years: &BTreeMap<(Option<String>, Option<String>), BTreeSet<i64>>,
) -> Finding {
    let (kind, programme, theme) = key;
    let f = Facts {
        gs,
        data,
        name: theme_name(data, theme.as_deref()),
        prog: programme.clone().unwrap_or_default(),
        total_modules: data.modules.iter().filter(|m| Some(m.programme.as_str()) == programme.as_deref()).count(),
        programme: programme.clone(),
    };
    let (scope, headline, next_step) = match kind {
        FindingKind::ThemeAbsent => absent_text(&f),
        FindingKind::ThemeYears => {
            let missing: Vec<i64> =
                years.get(&(programme.clone(), theme.clone())).map(|y| y.iter().copied().collect()).unwrap_or_default();
            years_finding_text(&f, &missing)
        }
        FindingKind::ThemeModules => modules_text(&f),
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
        theme,
        scope,
        headline,
        next_step,
        gaps: gs.iter().map(|g| g.id.clone()).collect(),
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
