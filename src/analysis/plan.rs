//! What each module should read: the readings linked to it (and who linked
//! them) and the readings proposed for it, from the same rule as the gaps'.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::gaps::{Gap, GapKind, module_words};
use super::proposals::{Candidate, Proposer, Request};
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
    let readings: HashMap<i64, &crate::store::audit::ReadingInfo> = data.readings.iter().map(|r| (r.id, r)).collect();
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
    let proposed = proposals(data, gaps, &linked, per_module);
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

/// Per module: the proposals of its module gaps (with the gap's ID), then
/// up to `per_module` readings for the sessions it already tags.
fn proposals(
    data: &AuditData,
    gaps: &[Gap],
    linked: &HashMap<i64, Vec<(&crate::store::audit::LinkInfo, &str)>>,
    per_module: usize,
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
    let proposer = Proposer::new(data);
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
    let mut taught: Vec<Vec<Candidate>> = vec![Vec::new(); data.modules.len()];
    for (mi, cs) in which.into_iter().zip(proposer.propose_after(&asks, &taken)) {
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
