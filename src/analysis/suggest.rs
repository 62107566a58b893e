//! Theme suggestions from the theme lexicons: which untagged items and
//! readings mention a theme's keywords, with the words that matched as
//! evidence and a score for how strongly.

use serde::Serialize;

use super::lexicon::{Hit, Lexicon};
use crate::store::audit::AuditData;

/// What a suggestion is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Item,
    Reading,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Item => "item",
            TargetKind::Reading => "reading",
        }
    }
}

/// Which targets to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Targets {
    Items,
    Readings,
    All,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub target: TargetKind,
    pub id: i64,
    /// The item's module, or none for a reading.
    pub module_code: Option<String>,
    pub module_title: Option<String>,
    pub title: String,
    pub theme: String,
    #[serde(skip)]
    pub theme_id: i64,
    pub score: f64,
    /// The words that matched, as they appear in the text.
    pub evidence: Vec<String>,
    /// The lexicon keywords they matched.
    pub keywords: Vec<String>,
}

/// Knobs of the suggestion.
#[derive(Debug, Clone)]
pub struct Options {
    pub targets: Targets,
    /// Suggestions scoring below this are left out.
    pub min_score: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { targets: Targets::All, min_score: MIN_SCORE }
    }
}

/// One single-word keyword in the body (outcomes, annotation) scores 1; a
/// phrase scores twice a word, and a match in the title half as much again,
/// since a title says what a session is about and an outcome may only touch
/// on it. The default floor, 1, keeps every match: one precise keyword is
/// evidence worth a look.
pub const WORD: f64 = 1.0;
pub const PHRASE: f64 = 2.0;
pub const TITLE: f64 = 1.5;
pub const MIN_SCORE: f64 = 1.0;

/// Scores the hits of one theme on a target's title and body.
fn score(theme: usize, title: &[Hit], body: &[Hit]) -> Option<(f64, Vec<String>, Vec<String>)> {
    let mut keywords: Vec<String> = Vec::new();
    let mut evidence: Vec<String> = Vec::new();
    let mut total = 0.0;
    for (hits, weight) in [(title, TITLE), (body, 1.0)] {
        for h in hits {
            if h.theme != theme || keywords.iter().any(|k| k == h.keyword) {
                continue;
            }
            // "Marion Sims" inside "J. Marion Sims" is one mention, not two.
            let inside =
                |o: &&Hit| o.theme == theme && o.evidence.len() > h.evidence.len() && o.evidence.contains(&h.evidence);
            if hits.iter().any(|o| inside(&o)) {
                continue;
            }
            total += weight * if h.phrase { PHRASE } else { WORD };
            keywords.push(h.keyword.to_string());
            if !evidence.contains(&h.evidence) {
                evidence.push(h.evidence.clone());
            }
        }
    }
    (total > 0.0).then_some((total, evidence, keywords))
}

/// Suggestions for every target not yet tagged with the theme, best first
/// within each target kind, in a stable order.
pub fn compute(data: &AuditData, opts: &Options) -> Vec<Suggestion> {
    let lexicon = Lexicon::new(&data.themes.iter().map(|t| t.keywords.clone()).collect::<Vec<_>>());
    let mut out = Vec::new();
    let mut push = |target, id, module: Option<(&str, &str)>, title: &str, body: &str, tagged: &[i64]| {
        // One pass over the text finds every theme's hits; score those themes only.
        let (th, bh) = (lexicon.hits(title), lexicon.hits(body));
        let mut themes: Vec<usize> = th.iter().chain(bh.iter()).map(|h| h.theme).collect();
        themes.sort_unstable();
        themes.dedup();
        for ti in themes {
            let t = &data.themes[ti];
            if tagged.contains(&t.id) {
                continue;
            }
            let Some((score, evidence, keywords)) = score(ti, &th, &bh) else { continue };
            if score < opts.min_score {
                continue;
            }
            out.push(Suggestion {
                target,
                id,
                module_code: module.map(|m| m.0.to_string()),
                module_title: module.map(|m| m.1.to_string()),
                title: title.to_string(),
                theme: t.slug.clone(),
                theme_id: t.id,
                score,
                evidence,
                keywords,
            });
        }
    };
    if opts.targets != Targets::Readings {
        let modules: std::collections::HashMap<i64, &crate::store::audit::ModuleInfo> =
            data.modules.iter().map(|m| (m.id, m)).collect();
        for it in &data.items {
            let m = modules.get(&it.module_id).map(|m| (m.code.as_str(), m.title.as_str()));
            // Keywords the source gave the item count as body text: evidence, like the outcomes.
            let body = if it.keywords.is_empty() {
                std::borrow::Cow::Borrowed(it.outcomes.as_str())
            } else {
                std::borrow::Cow::Owned(format!("{}\n{}", it.outcomes, it.keywords.join("\n")))
            };
            push(TargetKind::Item, it.id, m, &it.title, &body, &it.themes);
        }
    }
    if opts.targets != Targets::Items {
        for r in &data.readings {
            push(TargetKind::Reading, r.id, None, &r.title, r.annotation.as_deref().unwrap_or(""), &r.themes);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::{ItemInfo, ModuleInfo, ReadingInfo, ThemeInfo};

    fn data() -> AuditData {
        AuditData {
            themes: vec![
                ThemeInfo {
                    id: 1,
                    slug: "epistemic-bias".into(),
                    name: "Epistemic bias".into(),
                    description: String::new(),
                    keywords: vec!["pulse oximetry".into(), "skin of colour".into(), "egfr".into()],
                },
                ThemeInfo {
                    id: 2,
                    slug: "h".into(),
                    name: "H".into(),
                    description: String::new(),
                    keywords: vec!["eugenics".into()],
                },
            ],
            modules: vec![ModuleInfo {
                id: 10,
                programme: "P".into(),
                year: Some(1),
                code: "M1".into(),
                title: "Module".into(),
                code_shared: false,
            }],
            items: vec![
                ItemInfo {
                    id: 100,
                    module_id: 10,
                    title: "Pulse oximetry in skin of color".into(),
                    outcomes: "Explain eGFR".into(),
                    kind: "session".into(),
                    themes: vec![],
                    tags: vec![],
                    bloom_override: None,
                    keywords: vec![],
                },
                ItemInfo {
                    id: 101,
                    module_id: 10,
                    title: "Eugenics".into(),
                    outcomes: "Describe eugenics".into(),
                    kind: "session".into(),
                    themes: vec![2],
                    tags: vec![],
                    bloom_override: None,
                    keywords: vec![],
                },
            ],
            readings: vec![ReadingInfo {
                id: 200,
                title: "A history".into(),
                authors: vec![],
                author_names: vec![],
                year: None,
                annotation: Some("On eugenics in Britain".into()),
                status: "approved".into(),
                themes: vec![],
            }],
            links: vec![],
            contributors: Default::default(),
        }
    }

    #[test]
    fn scores_phrases_and_titles_higher_and_skips_tagged() {
        let s = compute(&data(), &Options::default());
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!((s[0].id, s[0].theme.as_str()), (100, "epistemic-bias"));
        // Two title phrases (2 × 2 × 1.5) and one body word (1).
        assert_eq!(s[0].score, 7.0);
        assert_eq!(s[0].evidence, ["Pulse oximetry", "skin of color", "eGFR"]);
        assert_eq!((s[1].target, s[1].id, s[1].score), (TargetKind::Reading, 200, 1.0));
        let only = compute(&data(), &Options { targets: Targets::Items, min_score: 2.0 });
        assert_eq!(only.len(), 1);
    }

    #[test]
    fn item_keywords_are_evidence() {
        let mut d = data();
        d.items[1].themes.clear();
        d.items[1].title = "Genetics".into();
        d.items[1].outcomes = "Describe inheritance".into();
        assert!(compute(&d, &Options::default()).iter().all(|s| s.id != 101));
        d.items[1].keywords = vec!["Eugenics".into()];
        let s = compute(&d, &Options::default());
        let hit = s.iter().find(|s| s.id == 101).expect("a suggestion from the keyword");
        assert_eq!((hit.theme.as_str(), hit.evidence.as_slice()), ("h", &["Eugenics".to_string()][..]));
    }
}
