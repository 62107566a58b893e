//! What each module should read: the readings linked to it (and who linked
//! them) and the readings proposed for it, from the same rule as the gaps'.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::gaps::{Gap, GapKind, module_words};
use super::proposals::{Candidate, Proposer, Request};
use crate::store::audit::AuditData;

/// One reading for one module: linked, or proposed.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleReading {
    pub programme: String,
    pub year: Option<i64>,
    pub module_code: String,
    pub module_title: String,
    /// `linked` or `proposed`.
    pub status: &'static str,
    pub reading_id: i64,
    pub title: String,
    pub authors: Vec<String>,
    pub reading_year: Option<i64>,
    /// The reading's review status (approved, suggested, rejected).
    pub review: String,
    /// For a link: the session it is linked to, or empty for the whole module.
    pub session: String,
    /// For a link: who linked it.
    pub linked_by: String,
    /// For a proposal: the theme it is proposed for, its relevance and the shared words.
    pub theme: String,
    pub score: f64,
    pub reason: String,
}

/// Per module, in module order: linked readings first, then proposals, best first.
pub fn compute(data: &AuditData, gaps: &[Gap], per_module: usize) -> Vec<ModuleReading> {
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
    for (mi, m) in data.modules.iter().enumerate() {
        let row = |status, r: &crate::store::audit::ReadingInfo| ModuleReading {
            programme: m.programme.clone(),
            year: m.year,
            module_code: m.code.clone(),
            module_title: m.title.clone(),
            status,
            reading_id: r.id,
            title: r.title.clone(),
            authors: r.authors.clone(),
            reading_year: r.year,
            review: r.status.clone(),
            session: String::new(),
            linked_by: String::new(),
            theme: String::new(),
            score: 0.0,
            reason: String::new(),
        };
        for (l, session) in linked.get(&m.id).map(Vec::as_slice).unwrap_or_default() {
            let Some(r) = readings.get(&l.reading_id) else { continue };
            let mut x = row("linked", r);
            x.session = session.to_string();
            x.linked_by = data.who(l.by).to_string();
            x.theme = r
                .themes
                .iter()
                .filter_map(|t| data.themes.iter().find(|th| th.id == *t))
                .map(|t| t.slug.clone())
                .collect::<Vec<_>>()
                .join(";");
            out.push(x);
        }
        for c in &proposed[mi] {
            let Some(r) = readings.get(&c.reading_id) else { continue };
            let mut x = row("proposed", r);
            x.theme = c.theme.clone();
            x.score = c.score;
            x.reason = c.reason.join(", ");
            out.push(x);
        }
    }
    out
}

/// Per module: the readings proposed for the themes it misses (as in its
/// module gaps) and, for themes it teaches, readings for its sessions.
fn proposals(
    data: &AuditData,
    gaps: &[Gap],
    linked: &HashMap<i64, Vec<(&crate::store::audit::LinkInfo, &str)>>,
    per_module: usize,
) -> Vec<Vec<Candidate>> {
    let mut out: Vec<Vec<Candidate>> = vec![Vec::new(); data.modules.len()];
    let index: HashMap<&str, usize> = data.modules.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let mut taken = Vec::new();
    for g in gaps.iter().filter(|g| g.kind == GapKind::ModuleGap) {
        if let Some(&mi) = g.module_code.as_deref().and_then(|c| index.get(c)) {
            out[mi].extend(g.candidates.iter().cloned());
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
    for (mi, cs) in which.into_iter().zip(proposer.propose_after(&asks, &taken)) {
        for c in cs {
            if !out[mi].iter().any(|o| o.reading_id == c.reading_id) {
                out[mi].push(c);
            }
        }
    }
    for cs in &mut out {
        cs.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.reading_id.cmp(&b.reading_id)));
        cs.truncate(per_module);
    }
    out
}
