//! The gap analysis (DESIGN.md "Gaps"): what the curriculum leaves out, how
//! much it matters, and what could fill it.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::coverage::Coverage;
use super::lexicon::{Lexicon, content_words};
use crate::store::audit::AuditData;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    UncoveredTheme,
    ThinReading,
    UntaggedModule,
    ModuleGap,
}

impl GapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::UncoveredTheme => "uncovered-theme",
            GapKind::ThinReading => "thin-reading",
            GapKind::UntaggedModule => "untagged-module",
            GapKind::ModuleGap => "module-gap",
        }
    }

    pub const ALL: &'static [GapKind] =
        &[GapKind::UncoveredTheme, GapKind::ThinReading, GapKind::UntaggedModule, GapKind::ModuleGap];

    pub fn parse(s: &str) -> Option<GapKind> {
        GapKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// A reading proposed to fill a gap.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub reading_id: i64,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i64>,
    /// Content words shared with the module (0 when ranked without one).
    pub score: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub kind: GapKind,
    pub severity: Severity,
    /// What the gap is about, in words: "programme X", "year 3", "module MED2002 Respiratory System", "theme".
    pub scope: String,
    pub theme: Option<String>,
    pub year: Option<i64>,
    pub module_code: Option<String>,
    pub module_title: Option<String>,
    pub explanation: String,
    /// What to do next, in plain words for a committee.
    pub suggestion: String,
    /// The canon command that starts on it, for the people doing the audit.
    pub command: String,
    pub candidates: Vec<Candidate>,
}

/// Knobs of the analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// A theme with fewer approved readings than this is thin.
    pub min_readings: usize,
    /// How many candidate readings to propose per gap.
    pub candidates: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { min_readings: 5, candidates: 3 }
    }
}

pub fn compute(data: &AuditData, coverage: &Coverage, opts: &Options) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let themes = &data.themes;
    let lexicon = Lexicon::new(&themes.iter().map(|t| t.keywords.clone()).collect::<Vec<_>>());

    // Approved readings per theme, with their words for ranking.
    let approved: Vec<Vec<(&crate::store::audit::ReadingInfo, HashSet<String>)>> = themes
        .iter()
        .map(|t| {
            data.readings
                .iter()
                .filter(|r| r.status == "approved" && r.themes.contains(&t.id))
                .map(|r| (r, content_words(&format!("{} {}", r.title, r.annotation.as_deref().unwrap_or("")))))
                .collect()
        })
        .collect();
    let rank = |ti: usize, words: Option<&HashSet<String>>| -> Vec<Candidate> {
        let mut c: Vec<Candidate> = approved[ti]
            .iter()
            .map(|(r, w)| Candidate {
                reading_id: r.id,
                title: r.title.clone(),
                authors: r.authors.clone(),
                year: r.year,
                score: words.map_or(0, |m| m.intersection(w).count() as u32),
            })
            .collect();
        c.sort_by(|a, b| b.score.cmp(&a.score).then(b.year.cmp(&a.year)).then(a.title.cmp(&b.title)));
        c.truncate(opts.candidates);
        c
    };

    // Programmes and years in scope, with per-theme tagged counts.
    let mut by_programme: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut by_year: BTreeMap<(&str, i64), Vec<i64>> = BTreeMap::new();
    for row in &coverage.rows {
        let p = by_programme.entry(&row.programme).or_insert_with(|| vec![0; themes.len()]);
        for (i, n) in row.counts.iter().enumerate() {
            p[i] += n;
        }
        if let Some(y) = row.year {
            let e = by_year.entry((&row.programme, y)).or_insert_with(|| vec![0; themes.len()]);
            for (i, n) in row.counts.iter().enumerate() {
                e[i] += n;
            }
        }
    }
    for (prog, counts) in &by_programme {
        for (ti, t) in themes.iter().enumerate() {
            if counts[ti] == 0 {
                gaps.push(Gap {
                    kind: GapKind::UncoveredTheme,
                    severity: Severity::High,
                    scope: format!("programme {prog}"),
                    theme: Some(t.slug.clone()),
                    year: None,
                    module_code: None,
                    module_title: None,
                    explanation: format!("No session anywhere in {prog} is tagged with {}.", t.name),
                    suggestion: "Find sessions that already touch the theme and tag them, or propose a new session built on the readings suggested.".into(),
                    command: format!("canon item list --untagged; canon tag ITEM {}", t.slug),
                    candidates: rank(ti, None),
                });
            }
        }
    }
    for ((prog, year), counts) in &by_year {
        let prog_counts = &by_programme[prog];
        for (ti, t) in themes.iter().enumerate() {
            if counts[ti] == 0 && prog_counts[ti] > 0 {
                let taught: Vec<String> = by_year
                    .iter()
                    .filter(|((p, _), c)| p == prog && c[ti] > 0)
                    .map(|((_, y), _)| y.to_string())
                    .collect();
                gaps.push(Gap {
                    kind: GapKind::UncoveredTheme,
                    severity: Severity::Medium,
                    scope: format!("year {year}"),
                    theme: Some(t.slug.clone()),
                    year: Some(*year),
                    module_code: None,
                    module_title: None,
                    explanation: format!(
                        "No session in year {year} of {prog} is tagged with {}; it is taught only in year{} {}.",
                        t.name,
                        if taught.len() == 1 { "" } else { "s" },
                        taught.join(", ")
                    ),
                    suggestion: format!(
                        "Revisit {} in a year {year} module, building on what was taught before.",
                        t.name
                    ),
                    command: format!("canon gaps --year {year} --theme {}", t.slug),
                    candidates: Vec::new(),
                });
            }
        }
    }

    for (ti, t) in themes.iter().enumerate() {
        let n = approved[ti].len();
        if n < opts.min_readings {
            gaps.push(Gap {
                kind: GapKind::ThinReading,
                severity: if n == 0 { Severity::High } else { Severity::Medium },
                scope: "reading list".into(),
                theme: Some(t.slug.clone()),
                year: None,
                module_code: None,
                module_title: None,
                explanation: format!(
                    "{} has {n} approved reading{}; fewer than {} leaves modules little to choose from.",
                    t.name,
                    if n == 1 { "" } else { "s" },
                    opts.min_readings
                ),
                suggestion: "Ask students and faculty for readings on the theme and review them.".into(),
                command: format!("canon reading add --theme {} …", t.slug),
                candidates: Vec::new(),
            });
        }
    }

    // Module by module: untagged modules, and each theme a module misses.
    let mut start = 0;
    for (mi, m) in data.modules.iter().enumerate() {
        let row = &coverage.rows[mi];
        let n = row.items as usize;
        let items = &data.items[start..start + n];
        start += n;
        let module_words = content_words(&format!(
            "{} {}",
            m.title,
            items.iter().map(|i| format!("{} {}", i.title, i.outcomes)).collect::<Vec<_>>().join(" ")
        ));
        let scope = format!("module {} {}", m.code, m.title);
        if row.tagged_items == 0 {
            let explanation = if n == 0 {
                format!("{} {} has no sessions listed, so no theme can be seen in it.", m.code, m.title)
            } else {
                format!(
                    "None of the {n} session{} in {} {} is tagged with any theme.",
                    if n == 1 { "" } else { "s" },
                    m.code,
                    m.title
                )
            };
            gaps.push(Gap {
                kind: GapKind::UntaggedModule,
                severity: Severity::Medium,
                scope: scope.clone(),
                theme: None,
                year: m.year,
                module_code: Some(m.code.clone()),
                module_title: Some(m.title.clone()),
                explanation,
                suggestion: if n == 0 {
                    "List the module's sessions and learning outcomes so they can be audited.".into()
                } else {
                    "Review its sessions with the module lead and tag those that touch a theme.".into()
                },
                command: format!("canon item list --module {}", m.code),
                candidates: Vec::new(),
            });
        }
        if n == 0 {
            continue;
        }
        for (ti, t) in themes.iter().enumerate() {
            if row.counts[ti] > 0 {
                continue;
            }
            // Untagged sessions whose words match the theme's lexicon: the theme may already be there.
            let mut evidence: Vec<String> = Vec::new();
            for it in items {
                let hits: Vec<&str> = lexicon
                    .matches(&format!("{} {}", it.title, it.outcomes))
                    .into_iter()
                    .filter(|(th, _)| *th == ti)
                    .map(|(_, k)| k)
                    .collect();
                if !hits.is_empty() {
                    evidence.push(format!(
                        "\"{}\" mentions {}",
                        it.title,
                        hits.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
                    ));
                }
            }
            let mut explanation = format!(
                "None of the {n} session{} in {} {} is tagged with {}.",
                if n == 1 { "" } else { "s" },
                m.code,
                m.title,
                t.name
            );
            let severity = if evidence.is_empty() {
                Severity::Low
            } else {
                explanation.push_str(&format!(
                    " Untagged session {}: the theme may already be taught there.",
                    evidence.join("; ")
                ));
                Severity::Medium
            };
            let candidates = rank(ti, Some(&module_words));
            let (suggestion, command) = if !evidence.is_empty() {
                (
                    "Check those sessions with the module lead and tag them if the theme is taught.".to_string(),
                    format!("canon tag ITEM {}", t.slug),
                )
            } else if candidates.is_empty() {
                (
                    format!("No approved reading on {} yet: add some first.", t.name),
                    format!("canon reading add --theme {} …", t.slug),
                )
            } else {
                (
                    "Consider one of the suggested readings for a session of this module.".to_string(),
                    format!("canon link READING {}/SESSION", m.code),
                )
            };
            gaps.push(Gap {
                kind: GapKind::ModuleGap,
                severity,
                scope: scope.clone(),
                theme: Some(t.slug.clone()),
                year: m.year,
                module_code: Some(m.code.clone()),
                module_title: Some(m.title.clone()),
                explanation,
                suggestion,
                command,
                candidates,
            });
        }
    }
    gaps.sort_by(|a, b| {
        (a.severity, a.kind, a.year, &a.module_code, &a.theme).cmp(&(
            b.severity,
            b.kind,
            b.year,
            &b.module_code,
            &b.theme,
        ))
    });
    gaps
}
