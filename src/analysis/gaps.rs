//! The gap analysis (DESIGN.md "Gaps"): what the curriculum leaves out, how
//! much it matters, and what could fill it. Each kind of gap is one function
//! over a shared [`Cx`]; every gap is made by [`Gap::new`]. The words used
//! for each kind are in [`super::glossary`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::bloom::{self, Level};
use super::coverage::Coverage;
use super::glossary::{
    Readings, count as plural, keyword_use, list, reading_clause, reading_command, years as years_text,
};
use super::lexicon::Lexicon;
pub use super::proposals::Candidate;
use super::proposals::{Proposer, Request};
use super::scope::Within;
use crate::store::audit::{AuditData, ItemInfo, ModuleInfo, ThemeInfo};

/// The kinds of gap (DESIGN.md "Gaps"; names and definitions in the glossary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

    /// Capitalised, for a table cell.
    pub fn word(self) -> &'static str {
        match self {
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
        }
    }
}

/// What the next step is, so that advice can be checked against the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Sessions already use the theme's words: check and tag them.
    TagExisting,
    /// Add the theme to a session where none has it yet.
    AddSession,
    /// Teach it in a year before the years it is taught in.
    IntroduceEarlier,
    /// Come back to it in a year after the years it is taught in.
    ReturnLater,
    /// Keep it going in a year between years that teach it.
    Bridge,
    /// Taught in one middle year only: introduce it before and return to it after.
    IntroduceAndReturn,
    /// Raise the outcomes from recall to analysis.
    Deepen,
    /// Link a reading on the theme.
    LinkReading,
    /// Review readings already suggested.
    ReviewSuggested,
    /// Find and add readings.
    AddReadings,
    /// List the module's sessions.
    ListSessions,
    /// Go through the module's sessions with its lead.
    ReviewModule,
}

/// A session that a gap is about, or that could carry the missing theme.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCandidate {
    pub item_id: i64,
    pub module_code: String,
    pub title: String,
    /// How well the session matches the theme's words (bm25; 0 when not ranked).
    pub score: f64,
    /// Its Bloom level, where the gap is about depth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// For a session named as a place to bring a missing theme: the words it
    /// shares with the theme's keywords (the reason it is named).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Of `words`, those in the session's title (the rest are in its
    /// learning outcomes), so that the advice says where the word is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title_words: Vec<String>,
}

/// An untagged session whose own words match a theme's keywords.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub item_id: i64,
    pub module_code: String,
    pub title: String,
    /// The theme whose keywords it uses (slug).
    pub theme: String,
    /// The words as they appear in the session.
    pub words: Vec<String>,
    /// The themes the session is tagged with (slugs; never `theme`): a session
    /// tagged with another theme is not "untagged".
    pub tagged_with: Vec<String>,
}

/// Ranks sessions by relevance; the store implements it with SQLite FTS5, so
/// the analysis stays free of SQL.
pub trait Ranker {
    /// Items of `module_id` best matching a theme's keyword phrases, or any of
    /// `words`: (item ID, score, higher better).
    fn items(&self, module_id: i64, keywords: &[String], words: &[String], n: usize)
    -> anyhow::Result<Vec<(i64, f64)>>;
}

/// Where a gap is.
#[derive(Debug, Clone, Default)]
pub struct Place {
    pub scope: String,
    pub programme: Option<String>,
    pub theme: Option<String>,
    pub year: Option<i64>,
    pub module: Option<(String, String)>,
}

impl Place {
    fn programme(p: &str, t: &ThemeInfo) -> Place {
        Place {
            scope: format!("programme {p}"),
            programme: Some(p.to_string()),
            theme: Some(t.slug.clone()),
            ..Default::default()
        }
    }

    /// A year of a programme: "year 2 of BSc Nursing". The programme is
    /// always named, so that with two programmes the two "year 2" gaps on a
    /// theme are told apart (and have different keys across audit rounds).
    fn year(p: &str, year: i64, t: &ThemeInfo) -> Place {
        Place {
            scope: year_scope(year, p),
            programme: Some(p.to_string()),
            theme: Some(t.slug.clone()),
            year: Some(year),
            module: None,
        }
    }

    /// A module: "module MED2002 Respiratory", or with several programmes in
    /// the database "module MED2002 Respiratory (BSc Nursing)", so that two
    /// programmes' modules of the same code are told apart in listings.
    fn module(m: &ModuleInfo, t: Option<&ThemeInfo>, several: bool) -> Place {
        Place {
            scope: module_scope(&m.code, &m.title, several.then_some(m.programme.as_str())),
            programme: Some(m.programme.clone()),
            theme: t.map(|t| t.slug.clone()),
            year: m.year,
            module: Some((m.code.clone(), m.title.clone())),
        }
    }
}

/// The words of a module's place: "module MED2002 Respiratory", or with
/// `programme` "module MED2002 Respiratory (BSc Nursing)".
pub fn module_scope(code: &str, title: &str, programme: Option<&str>) -> String {
    match programme {
        Some(p) => format!("module {code} {title} ({p})"),
        None => format!("module {code} {title}"),
    }
}

/// The words of a year's place: "year 2 of BSc Nursing".
pub fn year_scope(year: i64, programme: &str) -> String {
    format!("year {year} of {programme}")
}

/// What to do next, for a committee (`text`) and for the people running the audit (`command`).
#[derive(Debug, Clone)]
pub struct Advice {
    pub action: Action,
    pub text: String,
    pub command: String,
}

fn advise(action: Action, text: impl Into<String>, command: impl Into<String>) -> Advice {
    Advice { action, text: text.into(), command: command.into() }
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// "G1", "G2", … in the order gaps are listed; findings cite them.
    pub id: String,
    /// The finding this gap is part of ("F1", …).
    pub finding: String,
    pub kind: GapKind,
    pub severity: Severity,
    /// What the gap is about, in words: "programme X", "year 3 of X", "module MED2002 Respiratory System", "reading list".
    pub scope: String,
    /// The programme it is in (none for the reading list).
    pub programme: Option<String>,
    pub theme: Option<String>,
    pub year: Option<i64>,
    pub module_code: Option<String>,
    pub module_title: Option<String>,
    pub explanation: String,
    /// The kind of next step.
    pub action: Action,
    /// What to do next, in plain words for a committee.
    pub suggestion: String,
    /// The canon command that starts on it, for the people doing the audit.
    pub command: String,
    /// Readings proposed to fill it, best first.
    pub candidates: Vec<Candidate>,
    /// Sessions that could carry the theme (module gap, theme not taught,
    /// not returned to, shallow theme) or that the gap is about (sessions
    /// without a reading), best first.
    pub items: Vec<ItemCandidate>,
    /// Sessions not tagged with the theme whose words match its keywords.
    pub evidence: Vec<Evidence>,
    /// Every session the gap is about (item IDs), where `items` shows the
    /// first few: the sessions of a shallow theme, the sessions without a
    /// reading. Used to tell whether the gap lies in a scope.
    #[serde(skip)]
    pub about: Vec<i64>,
    /// Of `about`, the sessions with no Bloom level (no outcome verb canon
    /// recognises and none set by hand): a shallow theme's claim "at most
    /// understand" is not known of them, and its sentences say how many.
    #[serde(skip)]
    pub unlevelled: Vec<i64>,
    /// For a step that returns to a theme in a later year (a year that
    /// misses a theme taught before it, a theme taught in its first year
    /// only): the highest Bloom level the theme's sessions reach in the
    /// programme, which the step builds on (`None` when no session has a
    /// level). The advice never asks for a level already reached.
    #[serde(skip)]
    pub reached: Option<Level>,
}

impl Gap {
    /// The one way a gap is made.
    pub fn new(kind: GapKind, severity: Severity, place: Place, explanation: String, advice: Advice) -> Gap {
        let (module_code, module_title) = place.module.map_or((None, None), |(c, t)| (Some(c), Some(t)));
        Gap {
            id: String::new(),
            finding: String::new(),
            kind,
            severity,
            scope: place.scope,
            programme: place.programme,
            theme: place.theme,
            year: place.year,
            module_code,
            module_title,
            explanation,
            action: advice.action,
            suggestion: advice.text,
            command: advice.command,
            candidates: Vec::new(),
            items: Vec::new(),
            evidence: Vec::new(),
            about: Vec::new(),
            unlevelled: Vec::new(),
            reached: None,
        }
    }
}

/// Knobs of the analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// A theme with fewer approved readings than this is thin.
    pub min_readings: usize,
    /// How many readings and sessions to propose per gap.
    pub candidates: usize,
    /// The scope a command looks at. Which gaps exist, their severity and
    /// number come from the whole database; the sessions a gap lists, the
    /// counts in its explanation and the words its readings are proposed on
    /// are those in this scope (the same rule as the findings', so a gap row
    /// never names a session its finding leaves out).
    pub within: Within,
}

impl Default for Options {
    fn default() -> Self {
        Options { min_readings: 5, candidates: 3, within: Within::everything() }
    }
}

/// How a programme uses one theme, over its tagged sessions.
#[derive(Default)]
struct Use<'a> {
    items: Vec<&'a ItemInfo>,
    years: BTreeMap<i64, usize>,
    best: Option<Level>,
    lower: Vec<(&'a ItemInfo, Option<Level>)>,
    unsupported: Vec<&'a ItemInfo>,
}

/// Everything the kinds share, computed once.
pub struct Cx<'a> {
    pub data: &'a AuditData,
    pub cov: &'a Coverage,
    pub opts: &'a Options,
    /// Per module (in `data.modules` order): its items.
    module_items: Vec<&'a [ItemInfo]>,
    /// Per module: per theme, untagged sessions that use the theme's keywords.
    evidence: Vec<Vec<Vec<Evidence>>>,
    /// Per programme: per year: tagged sessions per theme.
    years: BTreeMap<&'a str, BTreeMap<i64, Vec<i64>>>,
    /// Per programme: tagged sessions per theme.
    totals: BTreeMap<&'a str, Vec<i64>>,
    uses: BTreeMap<(&'a str, usize), Use<'a>>,
    module_of: HashMap<i64, &'a ModuleInfo>,
    /// Whether the database has more than one programme (module places then name theirs).
    several: bool,
}

impl<'a> Cx<'a> {
    pub fn new(data: &'a AuditData, cov: &'a Coverage, opts: &'a Options) -> Cx<'a> {
        let mut module_items = Vec::with_capacity(data.modules.len());
        let mut start = 0;
        for row in &cov.rows {
            let n = row.items as usize;
            module_items.push(&data.items[start..start + n]);
            start += n;
        }
        let mut years: BTreeMap<&str, BTreeMap<i64, Vec<i64>>> = BTreeMap::new();
        let mut totals: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
        for (m, row) in data.modules.iter().zip(&cov.rows) {
            let t = totals.entry(&m.programme).or_insert_with(|| vec![0; data.themes.len()]);
            add(t, &row.counts);
            if let (Some(y), true) = (m.year, row.items > 0) {
                let e = years.entry(&m.programme).or_default().entry(y).or_insert_with(|| vec![0; data.themes.len()]);
                add(e, &row.counts);
            }
        }
        let lexicon = Lexicon::new(&data.themes.iter().map(|t| t.keywords.clone()).collect::<Vec<_>>());
        let evidence = data
            .modules
            .iter()
            .zip(&cov.rows)
            .zip(&module_items)
            .map(|((m, row), items)| module_evidence(data, &lexicon, m, &row.counts, items))
            .collect();
        let module_of = data.modules.iter().map(|m| (m.id, m)).collect();
        let several = data.modules.iter().any(|m| m.programme != data.modules[0].programme);
        let mut cx =
            Cx { data, cov, opts, module_items, evidence, years, totals, uses: BTreeMap::new(), module_of, several };
        cx.uses = cx.theme_uses();
        cx
    }

    fn theme_uses(&self) -> BTreeMap<(&'a str, usize), Use<'a>> {
        let col: HashMap<i64, usize> = self.data.themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        let reading_themes: HashMap<i64, &[i64]> =
            self.data.readings.iter().map(|r| (r.id, r.themes.as_slice())).collect();
        let mut linked: HashMap<(Option<i64>, Option<i64>), Vec<i64>> = HashMap::new();
        for l in &self.data.links {
            linked.entry((l.item_id, l.module_id)).or_default().push(l.reading_id);
        }
        let supported = |it: &ItemInfo, theme: i64| {
            [(Some(it.id), None), (None, Some(it.module_id))].iter().any(|k| {
                linked
                    .get(k)
                    .is_some_and(|rs| rs.iter().any(|r| reading_themes.get(r).is_some_and(|ts| ts.contains(&theme))))
            })
        };
        let mut uses: BTreeMap<(&str, usize), Use> = BTreeMap::new();
        for it in &self.data.items {
            let Some(m) = self.module_of.get(&it.module_id) else { continue };
            let level = item_level(it);
            for th in &it.themes {
                let Some(&ti) = col.get(th) else { continue };
                let u = uses.entry((&m.programme, ti)).or_default();
                u.items.push(it);
                if let Some(y) = m.year {
                    *u.years.entry(y).or_default() += 1;
                }
                u.best = u.best.max(level);
                if level.is_none_or(Level::is_lower) {
                    u.lower.push((it, level));
                }
                if !supported(it, *th) {
                    u.unsupported.push(it);
                }
            }
        }
        uses
    }

    /// A theme's name from its slug (the slug itself if unknown).
    fn theme_name(&self, slug: &str) -> String {
        self.data.themes.iter().find(|t| t.slug == slug).map_or_else(|| slug.to_string(), |t| t.name.clone())
    }

    fn code(&self, it: &ItemInfo) -> String {
        self.module_of.get(&it.module_id).map_or_else(String::new, |m| m.code.clone())
    }

    fn listed(&self, its: impl Iterator<Item = (&'a ItemInfo, Option<Level>)>) -> Vec<ItemCandidate> {
        its.take(self.opts.candidates)
            .map(|(i, level)| ItemCandidate {
                item_id: i.id,
                module_code: self.code(i),
                title: i.title.clone(),
                score: 0.0,
                level,
                words: Vec::new(),
                title_words: Vec::new(),
            })
            .collect()
    }

    /// Untagged sessions in the programme's modules (of `year`, if given)
    /// that use theme `ti`'s keywords; under a scope, only those in it (as
    /// the sessions of a gap row are since 13h: `--module M` lists M's).
    fn carriers(&self, prog: &str, year: Option<i64>, ti: usize) -> Vec<Evidence> {
        let w = &self.opts.within;
        self.data
            .modules
            .iter()
            .enumerate()
            .filter(|(_, m)| m.programme == prog && (year.is_none() || m.year == year) && w.has_module(m.id))
            .flat_map(|(mi, _)| self.evidence[mi].get(ti).cloned().unwrap_or_default())
            .collect()
    }

    fn carrier_items(&self, ev: &[Evidence]) -> Vec<ItemCandidate> {
        // A session with the keywords of two themes is one session (13e).
        let mut seen = HashSet::new();
        ev.iter()
            .filter(|e| seen.insert(e.item_id))
            .take(self.opts.candidates)
            .map(|e| ItemCandidate {
                item_id: e.item_id,
                module_code: e.module_code.clone(),
                title: e.title.clone(),
                score: 0.0,
                level: None,
                words: Vec::new(),
                title_words: Vec::new(),
            })
            .collect()
    }
}

fn add(into: &mut [i64], counts: &[i64]) {
    for (a, b) in into.iter_mut().zip(counts) {
        *a += b;
    }
}

/// An item's Bloom level: set by hand, or inferred from its outcomes.
pub fn item_level(it: &ItemInfo) -> Option<Level> {
    it.bloom_override.as_deref().and_then(Level::parse).or_else(|| bloom::level_of(&it.kind, &it.title, &it.outcomes))
}

/// Per theme the module misses: its untagged sessions that use the theme's keywords.
fn module_evidence(
    data: &AuditData,
    lexicon: &Lexicon,
    m: &ModuleInfo,
    counts: &[i64],
    items: &[ItemInfo],
) -> Vec<Vec<Evidence>> {
    let mut out = vec![Vec::new(); data.themes.len()];
    if counts.iter().all(|&c| c > 0) {
        return out;
    }
    for it in items {
        let mut by_theme: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for h in lexicon.hits(&format!("{}\n{}", it.title, it.outcomes)) {
            if counts[h.theme] == 0 && !it.themes.contains(&data.themes[h.theme].id) {
                let words = by_theme.entry(h.theme).or_default();
                if !words.contains(&h.evidence) {
                    words.push(h.evidence);
                }
            }
        }
        for (ti, words) in by_theme {
            out[ti].push(Evidence {
                item_id: it.id,
                module_code: m.code.clone(),
                title: it.title.clone(),
                theme: data.themes[ti].slug.clone(),
                words,
                tagged_with: data.themes.iter().filter(|t| it.themes.contains(&t.id)).map(|t| t.slug.clone()).collect(),
            });
        }
    }
    out
}

/// "“Title” (MED1001)", for up to three sessions, then "and N more".
fn quote(cx: &Cx, its: &[&ItemInfo]) -> String {
    let mut s: Vec<String> =
        its.iter().take(3).map(|i| format!("\u{201c}{}\u{201d} ({})", i.title, cx.code(i))).collect();
    if its.len() > 3 {
        s.push(format!("{} more", its.len() - 3));
    }
    list(&s, "and")
}

/// "Keywords of Historical awareness appear in 1 session not tagged with it:
/// “…” (tagged with Epistemic bias) uses “drapetomania”." — the sentence every
/// output uses for a gap's evidence.
pub fn keywords_sentence(
    theme: &str,
    ev: &[Evidence],
    theme_name: &dyn Fn(&str) -> String,
    with_module: bool,
) -> String {
    format!(
        "Keywords of {theme} appear in {} not tagged with it: {}.",
        plural(ev.len(), "session", "sessions"),
        keyword_uses(ev, theme_name, with_module)
    )
}

/// The sessions not tagged with a theme that use its keywords, stated as
/// their tags are (the first three, then how many more), for a sentence.
pub fn keyword_uses(ev: &[Evidence], theme_name: &dyn Fn(&str) -> String, with_module: bool) -> String {
    let mut parts: Vec<String> = ev
        .iter()
        .take(3)
        .map(|e| {
            let others: Vec<String> = e.tagged_with.iter().map(|t| theme_name(t)).collect();
            keyword_use(&e.title, if with_module { &e.module_code } else { "" }, &others, &e.words)
        })
        .collect();
    if ev.len() > 3 {
        parts.push(format!("and {} more", ev.len() - 3));
    }
    parts.join("; ")
}

/// A theme no session in a programme is tagged with.
fn uncovered_programmes(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for (prog, counts) in &cx.totals {
        for (ti, t) in cx.data.themes.iter().enumerate().filter(|(ti, _)| counts[*ti] == 0) {
            let ev = cx.carriers(prog, None, ti);
            let modules: BTreeSet<&str> = ev.iter().map(|e| e.module_code.as_str()).collect();
            let advice = if ev.is_empty() {
                // The reading half is added once the proposals are known (`finish_advice`).
                advise(
                    Action::AddSession,
                    format!("Choose a module where {} fits and add a session on it", t.name),
                    format!("canon suggest --theme {}; canon tag ITEM {}", t.slug, t.slug),
                )
            } else {
                advise(
                    Action::TagExisting,
                    format!(
                        "{} in {} already {} the theme's keywords: check {} with the module {} and tag {} if {} is taught there.",
                        plural(ev.len(), "session", "sessions"),
                        plural(modules.len(), "module", "modules"),
                        super::glossary::verb(ev.len(), "uses", "use"),
                        super::glossary::verb(ev.len(), "it", "them"),
                        super::glossary::verb(modules.len(), "lead", "leads"),
                        super::glossary::verb(ev.len(), "it", "them"),
                        t.name
                    ),
                    format!("canon suggest --theme {}", t.slug),
                )
            };
            let text = format!("No session anywhere in {prog} is tagged with {}.", t.name);
            let mut g = Gap::new(GapKind::UncoveredTheme, Severity::High, Place::programme(prog, t), text, advice);
            g.items = cx.carrier_items(&ev);
            g.evidence = ev;
            out.push(g);
        }
    }
    out
}

/// The advice for a year of study that misses a theme taught in `taught` years.
fn year_advice(t: &ThemeInfo, year: i64, taught: &[i64], reached: Option<Level>) -> Advice {
    let first = taught.first().copied().unwrap_or(year);
    let last = taught.last().copied().unwrap_or(year);
    let command = format!("canon gaps --year {year} --theme {} --kind module-gap", t.slug);
    let (action, text) = if year < first {
        (
            Action::IntroduceEarlier,
            format!(
                "Introduce {} in year {year}, before it is taught in {}, so later teaching can build on it.",
                t.name,
                years_text(taught)
            ),
        )
    } else if year > last {
        (
            Action::ReturnLater,
            format!(
                "Return to {} in year {year}, building on {}{}.",
                t.name,
                years_text(taught),
                super::glossary::building_on(reached)
            ),
        )
    } else {
        let before = taught.iter().rev().find(|&&y| y < year).copied().unwrap_or(first);
        let after = taught.iter().find(|&&y| y > year).copied().unwrap_or(last);
        (Action::Bridge, format!("Keep {} going in year {year}, between year {before} and year {after}.", t.name))
    };
    advise(action, text, command)
}

/// A theme taught in a programme but missing from a year of study.
fn uncovered_years(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for (prog, years) in &cx.years {
        for (ti, t) in cx.data.themes.iter().enumerate() {
            let taught: Vec<i64> = years.iter().filter(|(_, c)| c[ti] > 0).map(|(y, _)| *y).collect();
            if taught.is_empty() {
                continue;
            }
            for (&year, _) in years.iter().filter(|(_, c)| c[ti] == 0) {
                let text = format!(
                    "No session in year {year} of {prog} is tagged with {}; it is taught in {}.",
                    t.name,
                    years_text(&taught)
                );
                let place = Place::year(prog, year, t);
                let reached = cx.uses.get(&(prog, ti)).and_then(|u| u.best);
                let mut g = Gap::new(
                    GapKind::UncoveredTheme,
                    Severity::Medium,
                    place,
                    text,
                    year_advice(t, year, &taught, reached),
                );
                g.reached = reached;
                let ev = cx.carriers(prog, Some(year), ti);
                g.items = cx.carrier_items(&ev);
                g.evidence = ev;
                out.push(g);
            }
        }
    }
    out
}

/// A theme taught in one year of study only, in a programme of several years.
fn not_revisited(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for ((prog, ti), u) in &cx.uses {
        let all: Vec<i64> = cx.years.get(prog).map(|y| y.keys().copied().collect()).unwrap_or_default();
        let Some((&year, _)) = u.years.iter().next().filter(|_| u.years.len() == 1 && all.len() >= 2) else { continue };
        let t = &cx.data.themes[*ti];
        let before: Vec<i64> = all.iter().copied().filter(|&y| y < year).collect();
        let after: Vec<i64> = all.iter().copied().filter(|&y| y > year).collect();
        let (action, next) = match (before.is_empty(), after.is_empty()) {
            (true, _) => (
                Action::ReturnLater,
                format!(
                    "Return to {} in {}, building on year {year}{}.",
                    t.name,
                    years_text(&after),
                    super::glossary::building_on(u.best)
                ),
            ),
            (false, true) => (
                Action::IntroduceEarlier,
                format!(
                    "Introduce {} earlier, in {}, so that year {year} builds on it rather than meeting it for the first time.",
                    t.name,
                    years_text(&before)
                ),
            ),
            (false, false) => (
                Action::IntroduceAndReturn,
                format!(
                    "Introduce {} before year {year} ({}) and return to it after ({}).",
                    t.name,
                    years_text(&before),
                    years_text(&after)
                ),
            ),
        };
        let others: Vec<i64> = all.iter().copied().filter(|&y| y != year).collect();
        let text = format!(
            "{} is taught only in year {year} of {prog} ({}); {} {} no session on it.",
            t.name,
            plural(u.items.len(), "session", "sessions"),
            years_text(&others),
            if others.len() == 1 { "has" } else { "have" }
        );
        let command = format!("canon suggest --theme {}; canon gaps --kind module-gap --theme {}", t.slug, t.slug);
        let place = Place { year: Some(year), ..Place::programme(prog, t) };
        let mut g = Gap::new(GapKind::NotRevisited, Severity::Medium, place, text, advise(action, next, command));
        g.reached = u.best;
        let ev: Vec<Evidence> = others.iter().flat_map(|y| cx.carriers(prog, Some(*y), *ti)).collect();
        g.items = cx.carrier_items(&ev);
        g.evidence = ev;
        out.push(g);
    }
    out
}

/// Examples of outcomes at the higher levels, for a shallow theme's advice.
const DEEPER: &str =
    "\u{201c}Analyse how …\u{201d}, \u{201c}Critique the use of …\u{201d}, \u{201c}Evaluate the evidence for …\u{201d}";

/// A theme whose tagged sessions never go beyond remember and understand.
fn shallow_themes(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for ((prog, ti), u) in &cx.uses {
        let Some(best) = u.best.filter(|b| b.is_lower()) else { continue };
        let t = &cx.data.themes[*ti];
        let w = &cx.opts.within;
        let items: Vec<&ItemInfo> = u.items.iter().copied().filter(|i| w.has_item(i.id)).collect();
        let n = items.len();
        // Sessions with no level are not known to stay low: counted apart (issue 13a/5).
        let unlevelled: Vec<i64> =
            u.lower.iter().filter(|(i, l)| l.is_none() && w.has_item(i.id)).map(|(i, _)| i.id).collect();
        let m = unlevelled.len();
        let text = if m == 0 {
            format!(
                "The {} tagged with {} in {} {} students at most to {} ({}): {} them to apply, analyse, evaluate or create.",
                plural(n, "session", "sessions"),
                t.name,
                w.place(prog),
                if n == 1 { "asks" } else { "ask" },
                best.as_str(),
                quote(cx, &items),
                if n == 1 { "it does not ask" } else { "none asks" }
            )
        } else {
            format!(
                "Of the {} tagged with {} in {} ({}), {} students at most to {} and {} no Bloom level (no outcome \
                 verb canon recognises, none set by hand): none is known to ask them to apply, analyse, evaluate or \
                 create.",
                plural(n, "session", "sessions"),
                t.name,
                w.place(prog),
                quote(cx, &items),
                if n - m == 1 { "1 asks".to_string() } else { format!("{} ask", n - m) },
                best.as_str(),
                if m == 1 { "1 has".to_string() } else { format!("{m} have") },
            )
        };
        let advice = advise(
            Action::Deepen,
            format!(
                "Deepen {} from recall to analysis: rewrite an outcome of one of the sessions listed at a higher level, for example {DEEPER}; or set the level by hand where the teaching already goes deeper than the outcome says.",
                t.name
            ),
            format!("canon item list --theme {}; canon item bloom ITEM analyse --by NAME", t.slug),
        );
        let mut g = Gap::new(GapKind::ShallowTheme, Severity::Medium, Place::programme(prog, t), text, advice);
        g.items = cx.listed(u.lower.iter().copied().filter(|(i, _)| w.has_item(i.id)));
        g.about = items.iter().map(|i| i.id).collect();
        g.unlevelled = unlevelled;
        out.push(g);
    }
    out
}

/// Tagged sessions with no linked reading on their theme.
fn unsupported_items(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for ((prog, ti), u) in &cx.uses {
        if u.unsupported.is_empty() {
            continue;
        }
        let t = &cx.data.themes[*ti];
        // Severity (and so the gap's number) from the whole programme; the
        // sentence and the sessions from the scope.
        let severity = if u.unsupported.len() == u.items.len() { Severity::Medium } else { Severity::Low };
        let w = &cx.opts.within;
        let unsupported: Vec<&ItemInfo> = u.unsupported.iter().copied().filter(|i| w.has_item(i.id)).collect();
        let (k, n) = (unsupported.len(), u.items.iter().filter(|i| w.has_item(i.id)).count());
        let place = w.place(prog);
        let text = if k == n && n == 1 {
            format!(
                "The only session tagged with {} in {place} has no linked reading on it: {}.",
                t.name,
                quote(cx, &unsupported)
            )
        } else if k == n {
            format!(
                "None of the {n} sessions tagged with {} in {place} has a linked reading on it: {}.",
                t.name,
                quote(cx, &unsupported)
            )
        } else {
            format!(
                "{k} of the {} tagged with {} in {place} {} no linked reading on it: {}.",
                plural(n, "session", "sessions"),
                t.name,
                super::glossary::verb(k, "has", "have"),
                quote(cx, &unsupported)
            )
        };
        // The reading half is added once the proposals are known (`finish_advice`).
        let advice = advise(
            Action::LinkReading,
            format!(
                "Link a reading on {} to {} (or to {} module)",
                t.name,
                if k == 1 { "this session" } else { "each of these sessions" },
                if k == 1 { "its" } else { "their" }
            ),
            "canon link READING CODE/SESSION --by NAME",
        );
        let mut g = Gap::new(GapKind::UnsupportedItem, severity, Place::programme(prog, t), text, advice);
        g.items = cx.listed(unsupported.iter().map(|i| (*i, None)));
        g.about = unsupported.iter().map(|i| i.id).collect();
        out.push(g);
    }
    out
}

/// A theme with fewer approved readings than the threshold.
fn thin_reading(cx: &Cx, proposer: &Proposer) -> Vec<Gap> {
    let mut out = Vec::new();
    let min = cx.opts.min_readings;
    for (ti, t) in cx.data.themes.iter().enumerate() {
        let n = proposer.approved(ti);
        if n >= min {
            continue;
        }
        let waiting: Vec<_> =
            cx.data.readings.iter().filter(|r| r.status == "suggested" && r.themes.contains(&t.id)).collect();
        let need = min - n;
        let text = format!(
            "{} has {}; fewer than {min} leaves modules little to choose from.",
            t.name,
            plural(n, "approved reading", "approved readings")
        );
        let command =
            format!("canon reading list --status suggested --theme {}; canon review READING --approve", t.slug);
        let advice = match waiting.len() {
            w if w >= need => advise(
                Action::ReviewSuggested,
                format!(
                    "{} on {} {} review: approving {need} of them would close this gap.",
                    plural(w, "reading", "readings"),
                    t.name,
                    if w == 1 { "awaits" } else { "await" }
                ),
                command,
            ),
            0 => advise(
                Action::AddReadings,
                format!(
                    "Ask students and faculty for readings on {} and review them: {need} more approved {} this gap.",
                    t.name,
                    if need == 1 { "reading closes" } else { "readings close" }
                ),
                format!("canon reading add --theme {} …", t.slug),
            ),
            w => advise(
                Action::ReviewSuggested,
                format!(
                    "Review the {} on {} awaiting review, and ask for {} more.",
                    plural(w, "reading", "readings"),
                    t.name,
                    need - w
                ),
                command,
            ),
        };
        let severity = if n == 0 { Severity::High } else { Severity::Medium };
        let place = Place { scope: "reading list".into(), theme: Some(t.slug.clone()), ..Default::default() };
        let mut g = Gap::new(GapKind::ThinReading, severity, place, text, advice);
        g.candidates = waiting
            .iter()
            .take(need.max(cx.opts.candidates))
            .map(|r| super::proposals::candidate(r, t.slug.clone(), 0.0, vec!["awaiting review".into()]))
            .collect();
        out.push(g);
    }
    out
}

/// ` --programme NAME` (quoted for a shell) when another programme uses the
/// module's code: a command naming the module by code needs it.
fn programme_flag(m: &ModuleInfo) -> String {
    if !m.code_shared {
        return String::new();
    }
    let p = &m.programme;
    if p.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
        format!(" --programme {p}")
    } else {
        format!(" --programme '{}'", p.replace('\'', "'\\''"))
    }
}

impl Cx<'_> {
    /// A module as a gap's words name it: "MED2002 Respiratory", with its
    /// programme when the data holds several (as its scope does, [`module_scope`]).
    fn module_name(&self, m: &ModuleInfo) -> String {
        let scope = module_scope(&m.code, &m.title, self.several.then_some(m.programme.as_str()));
        scope.strip_prefix("module ").map_or_else(|| scope.clone(), String::from)
    }
}

/// Modules none of whose sessions carries any theme (themes outside the scope count too).
fn untagged_modules(cx: &Cx) -> Vec<Gap> {
    let mut out = Vec::new();
    for (mi, m) in cx.data.modules.iter().enumerate() {
        let items = cx.module_items[mi];
        if items.iter().any(|i| !i.themes.is_empty()) {
            continue;
        }
        let n = items.len();
        let name = cx.module_name(m);
        let (text, advice) = if n == 0 {
            (
                format!("{name} has no sessions listed, so no theme can be seen in it."),
                advise(
                    Action::ListSessions,
                    "List the module's sessions and learning outcomes so they can be audited.",
                    format!("canon import modules FILE{}  # with the sessions of {}", programme_flag(m), m.code),
                ),
            )
        } else {
            (
                if n == 1 {
                    format!("The only session in {name} is tagged with no theme.")
                } else {
                    format!("None of the {n} sessions in {name} is tagged with any theme.")
                },
                advise(
                    Action::ReviewModule,
                    if cx.evidence[mi].iter().all(Vec::is_empty) {
                        "Review its sessions with the module lead and tag those that touch a theme."
                    } else {
                        "Review its sessions with the module lead and tag those that touch a theme, starting with the sessions listed: they already use a theme's keywords."
                    },
                    format!("canon suggest --module {}{}", m.code, programme_flag(m)),
                ),
            )
        };
        let mut g =
            Gap::new(GapKind::UntaggedModule, Severity::Medium, Place::module(m, None, cx.several), text, advice);
        g.evidence = cx.evidence[mi].iter().flatten().cloned().collect();
        g.items = cx.carrier_items(&g.evidence);
        out.push(g);
    }
    out
}

/// Each theme a module with sessions misses.
fn module_gaps(cx: &Cx, ranker: Option<&dyn Ranker>, proposer: &Proposer) -> anyhow::Result<Vec<Gap>> {
    let mut out = Vec::new();
    for (mi, m) in cx.data.modules.iter().enumerate() {
        let (row, items) = (&cx.cov.rows[mi], cx.module_items[mi]);
        if items.is_empty() {
            continue;
        }
        // The sessions already named as the example for another theme of
        // this module: another that fits as well is named instead.
        let mut named: HashSet<i64> = HashSet::new();
        for (ti, t) in cx.data.themes.iter().enumerate().filter(|(ti, _)| row.counts[*ti] == 0) {
            let ev = cx.evidence[mi][ti].clone();
            let name = cx.module_name(m);
            let mut text = if items.len() == 1 {
                format!("The only session in {name} is not tagged with {}.", t.name)
            } else {
                format!("None of the {} sessions in {name} is tagged with {}.", items.len(), t.name)
            };
            let (severity, advice) = if ev.is_empty() {
                // What to bring it into and which readings to start from are
                // added once both are known (`finish_advice`).
                let a = advise(
                    Action::AddSession,
                    format!("Bring {} into a session of the module", t.name),
                    format!("canon link READING {}/SESSION{} --by NAME", m.code, programme_flag(m)),
                );
                (Severity::Low, a)
            } else {
                text.push_str(&format!(" {}", keywords_sentence(&t.name, &ev, &|slug| cx.theme_name(slug), false)));
                let one = ev.len() == 1;
                let a = advise(
                    Action::TagExisting,
                    format!(
                        "Check {} with the module lead: {} may already be taught there; tag {} with the theme if so.",
                        if one { "that session" } else { "those sessions" },
                        t.name,
                        if one { "it" } else { "them" }
                    ),
                    format!("canon tag ITEM {} --by NAME", t.slug),
                );
                (Severity::Medium, a)
            };
            let mut g = Gap::new(GapKind::ModuleGap, severity, Place::module(m, Some(t), cx.several), text, advice);
            g.items = match ranker {
                Some(rk) => ranked_carriers(cx, rk, m, t, items)?,
                None => cx.carrier_items(&ev),
            };
            if ev.is_empty() {
                g.items = places_for(cx, proposer, ti, m, items, &g.items, &named);
                named.extend(g.items.iter().map(|i| i.item_id));
            }
            g.evidence = ev;
            out.push(g);
        }
    }
    Ok(out)
}

/// A module's sessions best matching a theme's keywords by full-text rank.
fn ranked_carriers(
    cx: &Cx,
    rk: &dyn Ranker,
    m: &ModuleInfo,
    t: &ThemeInfo,
    items: &[ItemInfo],
) -> anyhow::Result<Vec<ItemCandidate>> {
    let titles: HashMap<i64, &str> = items.iter().map(|i| (i.id, i.title.as_str())).collect();
    // A keyword longer than every session of the module cannot be in one; leaving it out
    // keeps a very long keyword from being tokenised again for every module.
    let longest = items.iter().map(|i| i.title.len().max(i.outcomes.len())).max().unwrap_or(0);
    let keywords: Vec<String> = t.keywords.iter().filter(|k| k.len() <= longest).cloned().collect();
    let found = rk.items(m.id, &keywords, &[], cx.opts.candidates)?;
    // Far weaker matches than the best are noise, not proposals.
    let best = found.first().map_or(0.0, |f| f.1);
    Ok(found
        .into_iter()
        .filter(|f| f.1 >= best / 2.0 && f.1 > 0.0)
        .filter_map(|(id, score)| {
            titles.get(&id).map(|title| ItemCandidate {
                item_id: id,
                module_code: m.code.clone(),
                title: title.to_string(),
                score: (score * 100.0).round() / 100.0,
                level: None,
                words: Vec::new(),
                title_words: Vec::new(),
            })
        })
        .collect())
}

/// The sessions of a module to bring a missing theme into: those whose
/// title or outcomes have words of the theme (its one-word keywords and the
/// words of its longer keywords that its description uses too; the same
/// words as proposals: inflections and meaning-keeping derivations, never an
/// outcome's action verb, a weak word, a word many modules use or a word in
/// its clinical sense). Sessions whose title has such a word come first (a
/// word only in an outcome is a weaker sign of what the session is about),
/// then sessions not already `named` for another theme of the module, then
/// those with most such words, then by full-text rank (`ranked`), then in
/// module order; up to `candidates`, only those as good as the best on the
/// first three. None when no session has a word: no session is named at
/// random. The methods page states the rule ([`super::glossary::PLACE_RULE`]).
fn places_for(
    cx: &Cx,
    proposer: &Proposer,
    ti: usize,
    m: &ModuleInfo,
    items: &[ItemInfo],
    ranked: &[ItemCandidate],
    named: &HashSet<i64>,
) -> Vec<ItemCandidate> {
    type Rank = (std::cmp::Reverse<usize>, bool, std::cmp::Reverse<usize>);
    let mut found: Vec<(Rank, f64, usize, ItemCandidate)> = items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| {
            let title_words = proposer.theme_words_in(ti, &i.title);
            let mut words = title_words.clone();
            for w in proposer.theme_words_in(ti, &i.outcomes) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let score = ranked.iter().find(|r| r.item_id == i.id).map_or(0.0, |r| r.score);
            (!words.is_empty()).then(|| {
                let rank = (
                    std::cmp::Reverse(title_words.len().min(1)),
                    named.contains(&i.id),
                    std::cmp::Reverse(words.len()),
                );
                let c = ItemCandidate {
                    item_id: i.id,
                    module_code: m.code.clone(),
                    title: i.title.clone(),
                    score,
                    level: None,
                    words,
                    title_words,
                };
                (rank, score, k, c)
            })
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let best = found.first().map(|f| f.0);
    found.into_iter().filter(|f| Some(f.0) == best).take(cx.opts.candidates).map(|f| f.3).collect()
}

/// Readings for every gap that can take them, spread across modules.
fn propose(cx: &Cx, proposer: &Proposer, gaps: &mut [Gap]) {
    let col: HashMap<&str, usize> = cx.data.themes.iter().enumerate().map(|(i, t)| (t.slug.as_str(), i)).collect();
    let module_id: HashMap<&str, i64> = cx.data.modules.iter().map(|m| (m.code.as_str(), m.id)).collect();
    let wanted: HashSet<&str> =
        gaps.iter().filter(|g| g.kind == GapKind::ModuleGap).filter_map(|g| g.module_code.as_deref()).collect();
    let module_text: HashMap<&str, String> = cx
        .data
        .modules
        .iter()
        .zip(&cx.module_items)
        .filter(|(m, _)| wanted.contains(m.code.as_str()))
        .map(|(m, items)| (m.code.as_str(), module_words(m, items)))
        .collect();
    let mut asks = Vec::new();
    let mut which = Vec::new();
    for (gi, g) in gaps.iter().enumerate() {
        let Some(&ti) = g.theme.as_deref().and_then(|t| col.get(t)) else { continue };
        let t = &cx.data.themes[ti];
        let (text, group) = match g.kind {
            GapKind::ModuleGap => (
                g.module_code.as_deref().and_then(|c| module_text.get(c)).cloned().unwrap_or_default(),
                g.module_code.as_deref().and_then(|c| module_id.get(c).copied()),
            ),
            GapKind::UnsupportedItem => (unsupported_text(cx, g), None),
            // One line each, so that a reason quotes the line (the
            // description, or one keyword) that holds its words.
            GapKind::UncoveredTheme if g.year.is_none() => {
                (std::iter::once(&t.description).chain(&t.keywords).cloned().collect::<Vec<_>>().join("\n"), None)
            }
            _ => continue,
        };
        asks.push(Request { theme: ti, text, want: cx.opts.candidates, group, exclude: HashSet::new() });
        which.push(gi);
    }
    for (gi, mut c) in which.into_iter().zip(proposer.propose(&asks)) {
        // A theme taught nowhere is matched by its own text: a reason says
        // so, never quoting it as if it were a session's.
        if gaps[gi].kind == GapKind::UncoveredTheme
            && gaps[gi].year.is_none()
            && let Some(t) = gaps[gi].theme.as_deref().and_then(|slug| cx.data.themes.iter().find(|t| t.slug == slug))
        {
            for s in c.iter_mut().flat_map(|c| c.shared.iter_mut()) {
                let line = s.with.trim_end_matches('\u{2026}');
                s.in_theme = Some(if t.keywords.iter().any(|k| k == line) { "keyword" } else { "description" });
            }
        }
        gaps[gi].candidates = c;
    }
}

/// What the proposals data holds for a gap on theme `ti`.
fn readings_for(g: &Gap, proposer: &Proposer, ti: usize) -> Readings {
    match (g.candidates.len(), proposer.approved(ti)) {
        (0, 0) => Readings::NoneApproved,
        (0, _) => Readings::NoneFits,
        (n, _) => Readings::Proposed(n),
    }
}

/// Where a session named as a place for a theme has the theme's words:
/// "its title has “racism”", "only its outcomes have “ethnicity”, not its
/// title", or both (the rule: [`super::glossary::PLACE_RULE`]).
fn where_words(i: &ItemCandidate) -> String {
    let quoted = |ws: &[&String]| list(&ws.iter().map(|w| format!("\u{201c}{w}\u{201d}")).collect::<Vec<_>>(), "and");
    let in_title: Vec<&String> = i.words.iter().filter(|w| i.title_words.contains(w)).collect();
    let in_outcomes: Vec<&String> = i.words.iter().filter(|w| !i.title_words.contains(w)).collect();
    match (in_title.is_empty(), in_outcomes.is_empty()) {
        (false, true) => format!("its title has {}", quoted(&in_title)),
        (false, false) => format!("its title has {} and its outcomes {}", quoted(&in_title), quoted(&in_outcomes)),
        _ => format!("only its outcomes have {}, not its title", quoted(&in_outcomes)),
    }
}

/// Completes the next steps that depend on what was found to fill the gap:
/// the sessions named as closest to the theme, and the readings proposed
/// (or what to do when none is). Every claim is made from the gap's own
/// `items` and `candidates`, so the advice never points to what is not there.
fn finish_advice(cx: &Cx, proposer: &Proposer, gaps: &mut [Gap]) {
    let col: HashMap<&str, usize> = cx.data.themes.iter().enumerate().map(|(i, t)| (t.slug.as_str(), i)).collect();
    // The theme each session was first named the example for, by module (as
    // the module's row lists its gaps): a session named again says so.
    let mut example_for: HashMap<(Option<String>, String, i64), String> = HashMap::new();
    for g in gaps.iter_mut() {
        let Some(&ti) = g.theme.as_deref().and_then(|t| col.get(t)) else { continue };
        let t = &cx.data.themes[ti];
        let readings = readings_for(g, proposer, ti);
        let text = match (g.kind, g.action) {
            (GapKind::ModuleGap, Action::AddSession) => {
                let module = g.module_code.clone().unwrap_or_default();
                let mut why = |i: &ItemCandidate| {
                    let key = (g.programme.clone(), module.clone(), i.item_id);
                    let also = match example_for.get(&key) {
                        Some(other) if *other != t.name => format!("; also the example for {other}"),
                        Some(_) => String::new(),
                        None => {
                            example_for.insert(key, t.name.clone());
                            String::new()
                        }
                    };
                    format!("\u{201c}{}\u{201d} ({}{also})", i.title, where_words(i))
                };
                let closest = match g.items.as_slice() {
                    [] => " (no session of the module has a word of the theme in its title or outcomes, so none is \
                           named)"
                        .to_string(),
                    [one] => format!(", for example {}", why(one)),
                    many => {
                        let titles: Vec<String> = many.iter().map(&mut why).collect();
                        format!(", for example {}", list(&titles, "or"))
                    }
                };
                format!("{}{closest}; {}.", g.suggestion, reading_clause(readings, &t.name, "it"))
            }
            (GapKind::UncoveredTheme, Action::AddSession) => {
                format!("{}; {}.", g.suggestion, reading_clause(readings, &t.name, "it"))
            }
            (GapKind::UnsupportedItem, _) => {
                let them = if g.about.len() == 1 { "this session" } else { "these sessions" };
                format!("{}; {}.", g.suggestion, reading_clause(readings, &t.name, them))
            }
            _ => continue,
        };
        g.suggestion = text;
        if !matches!(readings, Readings::Proposed(_)) {
            g.command = format!("{}; {}", g.command, reading_command(readings, &t.slug));
        }
    }
}

/// A module's own words: its title, session titles and outcomes.
pub fn module_words(m: &ModuleInfo, items: &[ItemInfo]) -> String {
    let mut s = m.title.clone();
    for i in items {
        s.push('\n');
        s.push_str(&i.title);
        s.push('\n');
        s.push_str(&i.outcomes);
    }
    s
}

/// The words of (up to 30 of) the sessions an unsupported-item gap is about.
fn unsupported_text(cx: &Cx, g: &Gap) -> String {
    let prog = g.programme.as_deref().unwrap_or("");
    let theme = g.theme.as_deref().unwrap_or("");
    let ti = cx.data.themes.iter().position(|t| t.slug == theme);
    let its = ti.and_then(|ti| cx.uses.get(&(prog, ti))).map(|u| u.unsupported.clone()).unwrap_or_default();
    its.iter()
        .filter(|i| cx.opts.within.has_item(i.id))
        .take(30)
        .map(|i| format!("{}\n{}", i.title, i.outcomes))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The gaps, with proposals; sessions are ranked by word overlap only.
pub fn compute(data: &AuditData, coverage: &Coverage, opts: &Options) -> Vec<Gap> {
    compute_inner(data, coverage, opts, None, &Proposer::new(data)).unwrap_or_default()
}

/// The gaps, with proposed readings and sessions ranked by `ranker`.
pub fn compute_ranked(
    data: &AuditData,
    coverage: &Coverage,
    opts: &Options,
    ranker: &dyn Ranker,
) -> anyhow::Result<Vec<Gap>> {
    compute_inner(data, coverage, opts, Some(ranker), &Proposer::new(data))
}

/// As [`compute_ranked`], with the readings' index already made
/// (`Proposer::new(data)`, which the report shares with its reading plan
/// rather than making twice).
pub fn compute_ranked_with(
    data: &AuditData,
    coverage: &Coverage,
    opts: &Options,
    ranker: &dyn Ranker,
    proposer: &Proposer,
) -> anyhow::Result<Vec<Gap>> {
    compute_inner(data, coverage, opts, Some(ranker), proposer)
}

/// Where a gap stands in the report, so that gaps are numbered in the order
/// a reader meets them (issue 13, 13q: "G1–G4, G29, G5–G18…" sent a reader
/// hunting for G29): by the section of its kind, in the glossary's order
/// ([`super::glossary::ORDER`]); a module gap by its module (year, then the
/// module as named, then programme), as the module table lists one row per
/// module, then by severity and theme; any other gap by severity, highest
/// first, then year, module, theme and programme. The methods page states
/// the rule ([`super::glossary::numbering_rule`]).
fn page_order<'g>(g: &'g Gap, theme_at: &HashMap<&str, usize>) -> impl Ord + 'g {
    let section = super::glossary::ORDER.iter().position(|k| *k == g.kind).unwrap_or(usize::MAX);
    // The module table's row: none for other kinds, whose rows are gaps.
    let row = (g.kind == GapKind::ModuleGap).then_some((g.year, g.scope.as_str(), g.programme.as_deref()));
    // Themes in curriculum order (as the coverage table's columns), not by slug.
    let theme = g.theme.as_deref().map(|t| theme_at.get(t).copied().unwrap_or(usize::MAX));
    (section, row, g.severity, g.year, g.module_code.as_deref(), theme, g.programme.as_deref())
}

fn compute_inner(
    data: &AuditData,
    coverage: &Coverage,
    opts: &Options,
    ranker: Option<&dyn Ranker>,
    proposer: &Proposer,
) -> anyhow::Result<Vec<Gap>> {
    let cx = Cx::new(data, coverage, opts);
    let mut gaps = uncovered_programmes(&cx);
    gaps.extend(uncovered_years(&cx));
    gaps.extend(not_revisited(&cx));
    gaps.extend(shallow_themes(&cx));
    gaps.extend(thin_reading(&cx, proposer));
    gaps.extend(untagged_modules(&cx));
    gaps.extend(module_gaps(&cx, ranker, proposer)?);
    gaps.extend(unsupported_items(&cx));
    propose(&cx, proposer, &mut gaps);
    finish_advice(&cx, proposer, &mut gaps);
    let theme_at: HashMap<&str, usize> = data.themes.iter().enumerate().map(|(i, t)| (t.slug.as_str(), i)).collect();
    gaps.sort_by(|a, b| page_order(a, &theme_at).cmp(&page_order(b, &theme_at)));
    for (i, g) in gaps.iter_mut().enumerate() {
        g.id = format!("G{}", i + 1);
    }
    super::findings::assign(&mut gaps, data);
    Ok(gaps)
}
