//! The gap analysis (DESIGN.md "Gaps"): what the curriculum leaves out, how
//! much it matters, and what could fill it.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::bloom::{self, Level};
use super::coverage::Coverage;
use super::lexicon::{Lexicon, content_words};
use crate::store::audit::{AuditData, ItemInfo, ModuleInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    UncoveredTheme,
    ThinReading,
    UntaggedModule,
    ModuleGap,
    NotRevisited,
    ShallowTheme,
    UnsupportedItem,
}

impl GapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::UncoveredTheme => "uncovered-theme",
            GapKind::ThinReading => "thin-reading",
            GapKind::UntaggedModule => "untagged-module",
            GapKind::ModuleGap => "module-gap",
            GapKind::NotRevisited => "not-revisited",
            GapKind::ShallowTheme => "shallow-theme",
            GapKind::UnsupportedItem => "unsupported-item",
        }
    }

    pub const ALL: &'static [GapKind] = &[
        GapKind::UncoveredTheme,
        GapKind::ThinReading,
        GapKind::UntaggedModule,
        GapKind::ModuleGap,
        GapKind::NotRevisited,
        GapKind::ShallowTheme,
        GapKind::UnsupportedItem,
    ];

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
    /// Relevance to the module's own text: bm25 over the reading's title and
    /// annotation (higher is better; 0 when nothing matched or no ranking).
    pub score: f64,
}

/// A session that a gap is about, or that could carry the missing theme.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCandidate {
    pub item_id: i64,
    pub module_code: String,
    pub title: String,
    /// How well the session matches the theme's words (bm25; 0 when not ranked).
    pub score: f64,
}

/// Ranks by relevance; the store implements it with SQLite FTS5, so the
/// analysis stays free of SQL.
pub trait Ranker {
    /// Approved readings on `theme_id`, best first for these words: (reading ID, score, higher better).
    fn readings(&self, theme_id: i64, words: &[String], n: usize) -> anyhow::Result<Vec<(i64, f64)>>;
    /// Items of `module_id` best matching a theme's keyword phrases, or any of
    /// `words`: (item ID, score, higher better).
    fn items(&self, module_id: i64, keywords: &[String], words: &[String], n: usize)
    -> anyhow::Result<Vec<(i64, f64)>>;
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
    /// Sessions the gap is about, or (for a module gap) that could carry the theme, best first.
    pub items: Vec<ItemCandidate>,
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

/// The gaps, with candidate readings ranked by shared content words. Prefer
/// [`compute_ranked`] with the store's full-text ranker.
pub fn compute(data: &AuditData, coverage: &Coverage, opts: &Options) -> Vec<Gap> {
    compute_inner(data, coverage, opts, None).unwrap_or_default()
}

/// The gaps, with candidate readings and sessions ranked by `ranker`.
pub fn compute_ranked(
    data: &AuditData,
    coverage: &Coverage,
    opts: &Options,
    ranker: &dyn Ranker,
) -> anyhow::Result<Vec<Gap>> {
    compute_inner(data, coverage, opts, Some(ranker))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn compute_inner(
    data: &AuditData,
    coverage: &Coverage,
    opts: &Options,
    ranker: Option<&dyn Ranker>,
) -> anyhow::Result<Vec<Gap>> {
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
    // With a ranker, bm25 scores for the readings it found; the others follow
    // at 0, newest first. Without, the count of shared content words.
    let rank = |ti: usize, words: Option<&HashSet<String>>| -> anyhow::Result<Vec<Candidate>> {
        let scored: HashMap<i64, f64> = match (ranker, words) {
            (Some(rk), Some(w)) if !approved[ti].is_empty() => {
                let mut w: Vec<String> = w.iter().cloned().collect();
                w.sort();
                rk.readings(themes[ti].id, &w, opts.candidates)?.into_iter().collect()
            }
            _ => HashMap::new(),
        };
        let mut c: Vec<Candidate> = approved[ti]
            .iter()
            .map(|(r, w)| Candidate {
                reading_id: r.id,
                title: r.title.clone(),
                authors: r.authors.clone(),
                year: r.year,
                score: match (ranker, words) {
                    (Some(_), _) => round2(scored.get(&r.id).copied().unwrap_or(0.0)),
                    (None, Some(m)) => m.intersection(w).count() as f64,
                    (None, None) => 0.0,
                },
            })
            .collect();
        c.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.year.cmp(&a.year)).then(a.title.cmp(&b.title)));
        c.truncate(opts.candidates);
        Ok(c)
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
                    candidates: rank(ti, None)?,
                    items: Vec::new(),
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
                    items: Vec::new(),
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
                items: Vec::new(),
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
        // The module's own words, made only for a module that misses a theme.
        let mut module_words: Option<HashSet<String>> = None;
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
                items: Vec::new(),
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
            let words = module_words.get_or_insert_with(|| {
                content_words(&format!(
                    "{} {}",
                    m.title,
                    items.iter().map(|i| format!("{} {}", i.title, i.outcomes)).collect::<Vec<_>>().join(" ")
                ))
            });
            let candidates = rank(ti, Some(words))?;
            let carriers = match ranker {
                Some(rk) => {
                    let titles: HashMap<i64, &str> = items.iter().map(|i| (i.id, i.title.as_str())).collect();
                    let found = rk.items(m.id, &t.keywords, &[], opts.candidates)?;
                    // Far weaker matches than the best are noise, not proposals.
                    let best = found.first().map_or(0.0, |f| f.1);
                    found
                        .into_iter()
                        .filter(|f| f.1 >= best / 2.0)
                        .filter_map(|(id, score)| {
                            titles.get(&id).map(|title| ItemCandidate {
                                item_id: id,
                                module_code: m.code.clone(),
                                title: title.to_string(),
                                score: round2(score),
                            })
                        })
                        .collect()
                }
                None => Vec::new(),
            };
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
                items: carriers,
            });
        }
    }

    // Depth, return and support, per programme and theme, over the tagged sessions.
    let module_of: HashMap<i64, &ModuleInfo> = data.modules.iter().map(|m| (m.id, m)).collect();
    let reading_themes: HashMap<i64, &[i64]> = data.readings.iter().map(|r| (r.id, r.themes.as_slice())).collect();
    let mut linked: HashMap<(Option<i64>, Option<i64>), Vec<i64>> = HashMap::new();
    for l in &data.links {
        linked.entry((l.item_id, l.module_id)).or_default().push(l.reading_id);
    }
    let supported = |it: &ItemInfo, theme: i64| {
        [(Some(it.id), None), (None, Some(it.module_id))].iter().any(|k| {
            linked
                .get(k)
                .is_some_and(|rs| rs.iter().any(|r| reading_themes.get(r).is_some_and(|ts| ts.contains(&theme))))
        })
    };
    let mut prog_years: BTreeMap<&str, std::collections::BTreeSet<i64>> = BTreeMap::new();
    for (mi, m) in data.modules.iter().enumerate() {
        if let (Some(y), true) = (m.year, coverage.rows[mi].items > 0) {
            prog_years.entry(&m.programme).or_default().insert(y);
        }
    }
    struct Use<'a> {
        items: Vec<&'a ItemInfo>,
        years: BTreeMap<i64, usize>,
        best: Option<Level>,
        unsupported: Vec<&'a ItemInfo>,
    }
    let mut uses: BTreeMap<(&str, usize), Use> = BTreeMap::new();
    let col: HashMap<i64, usize> = themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    for it in &data.items {
        let Some(m) = module_of.get(&it.module_id) else { continue };
        let level = it.bloom_override.as_deref().and_then(Level::parse).or_else(|| bloom::item_level(&it.outcomes));
        for th in &it.themes {
            let Some(&ti) = col.get(th) else { continue };
            let u = uses.entry((&m.programme, ti)).or_insert_with(|| Use {
                items: Vec::new(),
                years: BTreeMap::new(),
                best: None,
                unsupported: Vec::new(),
            });
            u.items.push(it);
            if let Some(y) = m.year {
                *u.years.entry(y).or_default() += 1;
            }
            u.best = u.best.max(level);
            if !supported(it, *th) {
                u.unsupported.push(it);
            }
        }
    }
    let quote = |its: &[&ItemInfo]| -> String {
        let mut s: Vec<String> = its
            .iter()
            .take(3)
            .map(|i| {
                format!("{} \u{201c}{}\u{201d}", module_of.get(&i.module_id).map_or("", |m| m.code.as_str()), i.title)
            })
            .collect();
        if its.len() > 3 {
            s.push(format!("and {} more", its.len() - 3));
        }
        s.join(", ")
    };
    let listed = |its: &[&ItemInfo]| -> Vec<ItemCandidate> {
        its.iter()
            .take(opts.candidates)
            .map(|i| ItemCandidate {
                item_id: i.id,
                module_code: module_of.get(&i.module_id).map_or_else(String::new, |m| m.code.clone()),
                title: i.title.clone(),
                score: 0.0,
            })
            .collect()
    };
    for ((prog, ti), u) in &uses {
        let t = &themes[*ti];
        let n = u.items.len();
        let sessions = if n == 1 { "session" } else { "sessions" };
        if let Some(best) = u.best.filter(|b| b.is_lower()) {
            gaps.push(Gap {
                kind: GapKind::ShallowTheme,
                severity: Severity::Medium,
                scope: format!("programme {prog}"),
                theme: Some(t.slug.clone()),
                year: None,
                module_code: None,
                module_title: None,
                explanation: format!(
                    "The {n} {sessions} tagged with {} in {prog} {} students at most to {} ({}): none asks them to apply, analyse, evaluate or create.",
                    t.name,
                    if n == 1 { "asks" } else { "ask" },
                    best.as_str(),
                    quote(&u.items)
                ),
                suggestion: format!(
                    "Add a learning outcome that asks students to analyse or critique {} (for example \u{201c}Critique …\u{201d}, \u{201c}Evaluate the evidence …\u{201d}), or set the level by hand where the teaching goes deeper than the outcome says.",
                    t.name
                ),
                command: format!("canon item list --theme {}; canon item bloom ITEM analyse --by NAME", t.slug),
                candidates: Vec::new(),
                items: listed(&u.items),
            });
        }
        let years = prog_years.get(prog).map_or(0, |y| y.len());
        if years >= 2 && u.years.len() == 1 {
            let (&y, _) = u.years.iter().next().unwrap_or((&0, &0));
            let later: Vec<String> = prog_years[prog].iter().filter(|&&o| o != y).map(|o| o.to_string()).collect();
            gaps.push(Gap {
                kind: GapKind::NotRevisited,
                severity: Severity::Medium,
                scope: format!("programme {prog}"),
                theme: Some(t.slug.clone()),
                year: Some(y),
                module_code: None,
                module_title: None,
                explanation: format!(
                    "{} is taught only in year {y} of {prog} ({n} {sessions}) and not returned to in year{} {}.",
                    t.name,
                    if later.len() == 1 { "" } else { "s" },
                    later.join(", ")
                ),
                suggestion: format!(
                    "Return to {} in another year, building on year {y} at a higher level (apply it to cases, critique the evidence).",
                    t.name
                ),
                command: format!("canon suggest --theme {}; canon gaps --kind module-gap --theme {}", t.slug, t.slug),
                candidates: Vec::new(),
                items: listed(&u.items),
            });
        }
        if !u.unsupported.is_empty() {
            let k = u.unsupported.len();
            let words = content_words(
                &u.unsupported
                    .iter()
                    .take(30)
                    .map(|i| format!("{} {}", i.title, i.outcomes))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            gaps.push(Gap {
                kind: GapKind::UnsupportedItem,
                severity: if k == n { Severity::Medium } else { Severity::Low },
                scope: format!("programme {prog}"),
                theme: Some(t.slug.clone()),
                year: None,
                module_code: None,
                module_title: None,
                explanation: format!(
                    "{k} of the {n} {sessions} tagged with {} in {prog} have no linked reading on it: {}.",
                    t.name,
                    quote(&u.unsupported)
                ),
                suggestion: "Link a reading on the theme to each of these sessions (or to its module), so students and teachers have somewhere to start.".into(),
                command: "canon link READING CODE/SESSION --by NAME".into(),
                candidates: rank(*ti, Some(&words))?,
                items: listed(&u.unsupported),
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
    Ok(gaps)
}
