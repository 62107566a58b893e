//! What each module should read: the readings linked to it (and who linked
//! them) and the readings proposed for it, from the same rule as the gaps'.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::gaps::{Gap, GapKind, module_words};
use super::proposals::{Candidate, Proposer, Ranking, Request};
use super::scope::Within;
use crate::store::audit::AuditData;

/// One reading for one module: linked, or proposed; or, for a module with
/// neither, one row saying so (status `none`, no reading), so that the table
/// lists every module the PDF section does.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleReading {
    /// The module's ID: two programmes' modules may share a code and title.
    pub module_id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub module_code: String,
    pub module_title: String,
    /// `linked`, `proposed`, or `none` (no linked reading and no approved
    /// reading that fits yet: the reading fields are empty).
    pub status: &'static str,
    /// The reading (`None` on a `none` row).
    pub reading_id: Option<i64>,
    pub title: String,
    pub authors: Vec<String>,
    /// The same authors in parts, for the CSV cell ([`crate::import::names::cell_text`]).
    #[serde(skip)]
    pub author_names: Vec<crate::import::names::Name>,
    pub reading_year: Option<i64>,
    /// The reading's review status (approved, suggested, rejected).
    pub review: String,
    /// For a link: the session it is linked to, or empty for the whole module.
    pub session: String,
    /// For a link: who linked it.
    pub linked_by: String,
    /// For a link: the note given with `canon link --note` (empty if none).
    pub note: String,
    /// For a proposal: the theme it is proposed for, its relevance and the
    /// shared words with where they are ([`Candidate::why`]).
    pub theme: String,
    /// For a proposal on a theme the module misses: the module gap it would
    /// fill ("G33"); these are that gap's own proposals, as `canon gaps`
    /// lists them. Empty for a reading for the themes its sessions carry.
    pub gap: String,
    pub score: f64,
    pub reason: String,
    /// The reason in a few words, for the PDF ([`Candidate::why_brief`]).
    #[serde(skip)]
    pub brief: String,
}

/// Per module, in module order: linked readings first, then proposals: for
/// each theme the module misses, the proposals of that module gap (all of
/// them, so the section and `canon gaps` agree), then up to `per_module`
/// readings for the themes its sessions are tagged with. Computed over the
/// whole database (`data`, and `gaps` as computed over it), so proposals are
/// spread the same way in every scope; rows outside `within` are left out.
pub fn compute(data: &AuditData, gaps: &[Gap], per_module: usize, within: &Within) -> Vec<ModuleReading> {
    let proposer = Proposer::new(data);
    compute_with(data, gaps, per_module, within, &proposer, rank(data, &proposer, per_module))
}

/// The readings the plan ranks for the themes each module's sessions are
/// tagged with, before the module gaps' proposals are counted ([`rank`]).
pub struct Prepared {
    asks: Vec<Request>,
    /// The module (its place in `data.modules`) of each request.
    which: Vec<usize>,
    ranking: Ranking,
}

/// The slow half of [`compute`], which needs no gaps: each module's
/// requests for the themes its sessions carry, ranked by `proposer` (made by
/// `Proposer::new(data)`). The report runs it beside the gap analysis, then
/// [`compute_with`].
pub fn rank(data: &AuditData, proposer: &Proposer, per_module: usize) -> Prepared {
    let linked = linked(data);
    let (asks, which) = requests(data, &linked, per_module);
    let ranking = proposer.rank(&asks);
    Prepared { asks, which, ranking }
}

/// As [`rank`], on two threads, this one first doing `here_first` (work
/// that must stay on it, such as the gap analysis, which reads the
/// database): the same ranking, and what `here_first` made.
pub fn rank_beside<A>(
    data: &AuditData,
    proposer: &Proposer,
    per_module: usize,
    here_first: impl FnOnce() -> A,
) -> (Prepared, A) {
    let linked = linked(data);
    let (asks, which) = requests(data, &linked, per_module);
    let (ranking, a) = proposer.rank_beside(&asks, here_first);
    (Prepared { asks, which, ranking }, a)
}

/// As [`compute`], with the readings' index (`Proposer::new(data)`) and
/// the plan's own ranking ([`rank`] of the same `data`, `proposer` and
/// `per_module`) made already: the same rows.
pub fn compute_with(
    data: &AuditData,
    gaps: &[Gap],
    per_module: usize,
    within: &Within,
    proposer: &Proposer,
    ranked: Prepared,
) -> Vec<ModuleReading> {
    let readings: HashMap<i64, &crate::store::audit::ReadingInfo> = data.readings.iter().map(|r| (r.id, r)).collect();
    let linked = linked(data);
    let proposed = proposals(data, gaps, per_module, proposer, ranked);
    let mut out = Vec::new();
    let theme_slug: HashMap<i64, &str> = data.themes.iter().map(|t| (t.id, t.slug.as_str())).collect();
    for (mi, m) in data.modules.iter().enumerate() {
        if !within.has_module(m.id) {
            continue;
        }
        let row = |status, r: &crate::store::audit::ReadingInfo| ModuleReading {
            module_id: m.id,
            programme: m.programme.clone(),
            year: m.year,
            module_code: m.code.clone(),
            module_title: m.title.clone(),
            status,
            reading_id: Some(r.id),
            title: r.title.clone(),
            authors: r.authors.clone(),
            author_names: r.author_names.clone(),
            reading_year: r.year,
            review: r.status.clone(),
            session: String::new(),
            linked_by: String::new(),
            note: String::new(),
            theme: String::new(),
            gap: String::new(),
            score: 0.0,
            reason: String::new(),
            brief: String::new(),
        };
        let before = out.len();
        for (l, session) in linked.get(&m.id).map(Vec::as_slice).unwrap_or_default() {
            let Some(r) = readings.get(&l.reading_id) else { continue };
            // Under --theme, a linked reading shows when it is on that theme.
            if within.theme.is_some()
                && !r.themes.iter().any(|t| theme_slug.get(t).is_some_and(|s| within.has_theme(s)))
            {
                continue;
            }
            let mut x = row("linked", r);
            x.session = session.to_string();
            x.linked_by = data.who(l.by).to_string();
            x.note = l.note.clone().unwrap_or_default();
            x.theme = r
                .themes
                .iter()
                .filter_map(|t| data.themes.iter().find(|th| th.id == *t))
                .map(|t| t.slug.clone())
                .collect::<Vec<_>>()
                .join(";");
            out.push(x);
        }
        for (c, gap) in &proposed[mi] {
            let Some(r) = readings.get(&c.reading_id) else { continue };
            if !within.has_theme(&c.theme) {
                continue;
            }
            let mut x = row("proposed", r);
            x.theme = c.theme.clone();
            x.gap = gap.clone();
            x.score = c.score;
            x.reason = c.why();
            x.brief = c.why_brief();
            out.push(x);
        }
        if out.len() == before {
            out.push(ModuleReading {
                module_id: m.id,
                programme: m.programme.clone(),
                year: m.year,
                module_code: m.code.clone(),
                module_title: m.title.clone(),
                status: "none",
                reading_id: None,
                title: String::new(),
                authors: Vec::new(),
                author_names: Vec::new(),
                reading_year: None,
                review: String::new(),
                session: String::new(),
                linked_by: String::new(),
                note: String::new(),
                theme: String::new(),
                gap: String::new(),
                score: 0.0,
                reason: String::new(),
                brief: String::new(),
            });
        }
    }
    out
}

/// The readings linked to each module (by module ID), each with the title
/// of the session it is linked to ("" for the whole module).
fn linked(data: &AuditData) -> HashMap<i64, Vec<(&crate::store::audit::LinkInfo, &str)>> {
    let item_module: HashMap<i64, (i64, &str)> =
        data.items.iter().map(|i| (i.id, (i.module_id, i.title.as_str()))).collect();
    let mut linked: HashMap<i64, Vec<(&crate::store::audit::LinkInfo, &str)>> = HashMap::new();
    for l in &data.links {
        let (module, session) = match (l.module_id, l.item_id.and_then(|i| item_module.get(&i))) {
            (Some(m), _) => (m, ""),
            (None, Some((m, title))) => (*m, *title),
            _ => continue,
        };
        linked.entry(module).or_default().push((l, session));
    }
    linked
}

/// One request per module and theme its sessions are tagged with (the
/// module's linked readings excluded), and the module of each.
fn requests(
    data: &AuditData,
    linked: &HashMap<i64, Vec<(&crate::store::audit::LinkInfo, &str)>>,
    per_module: usize,
) -> (Vec<Request>, Vec<usize>) {
    let mut asks = Vec::new();
    let mut which = Vec::new();
    let mut start = 0;
    for (mi, m) in data.modules.iter().enumerate() {
        let n = data.items[start..].iter().take_while(|i| i.module_id == m.id).count();
        let items = &data.items[start..start + n];
        start += n;
        let exclude: HashSet<i64> =
            linked.get(&m.id).map(|ls| ls.iter().map(|(l, _)| l.reading_id).collect()).unwrap_or_default();
        for (ti, t) in data.themes.iter().enumerate() {
            let tagged: Vec<_> = items.iter().filter(|i| i.themes.contains(&t.id)).cloned().collect();
            if tagged.is_empty() {
                continue;
            }
            asks.push(Request {
                theme: ti,
                text: module_words(m, &tagged),
                want: per_module,
                group: Some(m.id),
                exclude: exclude.clone(),
            });
            which.push(mi);
        }
    }
    (asks, which)
}

/// Per module: the proposals of its module gaps (with the gap's ID), then
/// up to `per_module` readings for the sessions it already tags (`ranked`).
fn proposals(
    data: &AuditData,
    gaps: &[Gap],
    per_module: usize,
    proposer: &Proposer,
    ranked: Prepared,
) -> Vec<Vec<(Candidate, String)>> {
    let mut out: Vec<Vec<(Candidate, String)>> = vec![Vec::new(); data.modules.len()];
    let index: HashMap<(&str, &str), usize> =
        data.modules.iter().enumerate().map(|(i, m)| ((m.programme.as_str(), m.code.as_str()), i)).collect();
    let mut taken = Vec::new();
    for g in gaps.iter().filter(|g| g.kind == GapKind::ModuleGap) {
        let key = (g.programme.as_deref().unwrap_or(""), g.module_code.as_deref().unwrap_or(""));
        if let Some(&mi) = index.get(&key) {
            out[mi].extend(g.candidates.iter().map(|c| (c.clone(), g.id.clone())));
            taken.extend(g.candidates.iter().map(|c| (Some(data.modules[mi].id), c.reading_id)));
        }
    }
    let Prepared { asks, which, ranking } = ranked;
    let mut taught: Vec<Vec<Candidate>> = vec![Vec::new(); data.modules.len()];
    for (mi, cs) in which.into_iter().zip(proposer.assign(&asks, ranking, &taken)) {
        for c in cs {
            if !out[mi].iter().any(|(o, _)| o.reading_id == c.reading_id)
                && !taught[mi].iter().any(|o| o.reading_id == c.reading_id)
            {
                taught[mi].push(c);
            }
        }
    }
    for (mi, mut cs) in taught.into_iter().enumerate() {
        cs.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.reading_id.cmp(&b.reading_id)));
        cs.truncate(per_module);
        out[mi].extend(cs.into_iter().map(|c| (c, String::new())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{coverage, gaps};
    use crate::store::audit::{ItemInfo, LinkInfo, ModuleInfo, ReadingInfo, TagInfo, ThemeInfo};

    fn theme(id: i64, slug: &str, keywords: &[&str]) -> ThemeInfo {
        ThemeInfo {
            id,
            slug: slug.into(),
            name: slug.to_uppercase(),
            description: format!("Readings on {slug}."),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn module(id: i64, code: &str, title: &str) -> ModuleInfo {
        ModuleInfo {
            id,
            programme: "MBBS".into(),
            year: Some(1 + id % 2),
            code: code.into(),
            title: title.into(),
            code_shared: false,
        }
    }

    fn item(id: i64, module_id: i64, title: &str, themes: &[i64]) -> ItemInfo {
        ItemInfo {
            id,
            module_id,
            kind: "session".into(),
            title: title.into(),
            outcomes: format!("Explain {}", title.to_lowercase()),
            themes: themes.to_vec(),
            tags: themes.iter().map(|&theme_id| TagInfo { theme_id, by: None }).collect(),
            bloom_override: None,
            keywords: Vec::new(),
        }
    }

    fn reading(id: i64, title: &str, themes: &[i64]) -> ReadingInfo {
        ReadingInfo {
            id,
            title: title.into(),
            authors: vec!["Achebe, N.".into()],
            author_names: vec![],
            year: Some(2020),
            annotation: Some("On oximetry bias and maternal care.".into()),
            status: "approved".into(),
            themes: themes.to_vec(),
        }
    }

    /// Modules tagged and untagged with two themes, readings that fit several
    /// modules (so the spreading rule and the module gaps' proposals both
    /// matter) and one linked reading.
    fn data() -> AuditData {
        let titles = [
            "Pulse oximetry and skin pigmentation",
            "Oximetry in the intensive care unit",
            "Maternal mortality and ethnicity",
            "Colonial medicine and the history of medicine",
            "Race correction in kidney function",
        ];
        let modules: Vec<ModuleInfo> =
            (1..=6).map(|i| module(i, &format!("M{i}"), titles[(i as usize) % titles.len()])).collect();
        let mut items = Vec::new();
        for m in &modules {
            for k in 0..3 {
                let id = m.id * 10 + k;
                let themes: Vec<i64> = match (m.id + k) % 3 {
                    0 => vec![1],
                    1 => vec![2],
                    _ => vec![],
                };
                items.push(item(id, m.id, titles[((m.id + k) as usize) % titles.len()], &themes));
            }
        }
        let readings = (0..12)
            .map(|i| reading(100 + i, &format!("{} {i}", titles[i as usize % titles.len()]), &[1 + i % 2]))
            .collect();
        AuditData {
            themes: vec![
                theme(1, "race", &["oximetry", "race correction", "kidney function", "pulse oximetry"]),
                theme(2, "history", &["colonial medicine", "history of medicine", "maternal mortality"]),
            ],
            modules,
            items,
            readings,
            links: vec![LinkInfo { reading_id: 101, item_id: Some(11), module_id: None, by: None, note: None }],
            ..Default::default()
        }
    }

    #[test]
    fn a_plan_ranked_beside_the_gaps_with_a_shared_index_is_the_plan_computed_alone() {
        let d = data();
        let cov = coverage::compute(&d);
        let opts = gaps::Options { min_readings: 5, ..Default::default() };
        let all = gaps::compute(&d, &cov, &opts);
        let within = Within::default();
        let alone = compute(&d, &all, opts.candidates, &within);
        let json = |rows: &[ModuleReading]| serde_json::to_string(rows).unwrap_or_default();
        // The report's way: one index for the gaps and the plan, the plan's
        // ranking made on another thread before the gaps are known.
        let proposer = Proposer::new(&d);
        let ranked = std::thread::scope(|s| s.spawn(|| rank(&d, &proposer, opts.candidates)).join().ok());
        let ranked = ranked.unwrap_or_else(|| rank(&d, &proposer, opts.candidates));
        let shared = compute_with(&d, &all, opts.candidates, &within, &proposer, ranked);
        // Ranked on two threads while this one does other work.
        let (ranked, here) = rank_beside(&d, &proposer, opts.candidates, || "here");
        assert_eq!(here, "here");
        let beside = compute_with(&d, &all, opts.candidates, &within, &proposer, ranked);
        assert_eq!(json(&beside), json(&alone));
        assert_eq!(json(&shared), json(&alone));
        assert!(alone.iter().any(|r| r.status == "proposed"), "{alone:#?}");
        assert!(alone.iter().any(|r| r.status == "linked"), "{alone:#?}");
        // The gaps computed with an index made beforehand are the same gaps.
        let ranker = NoRanker;
        let with = gaps::compute_ranked_with(&d, &cov, &opts, &ranker, &proposer).unwrap_or_default();
        let again = gaps::compute_ranked(&d, &cov, &opts, &ranker).unwrap_or_default();
        assert_eq!(format!("{with:?}"), format!("{again:?}"));
        assert!(!with.is_empty());
    }

    /// Ranks no sessions (as a database without matches would).
    struct NoRanker;

    impl gaps::Ranker for NoRanker {
        fn items(&self, _: i64, _: &[String], _: &[String], _: usize) -> anyhow::Result<Vec<(i64, f64)>> {
            Ok(Vec::new())
        }
    }
}
