//! Matching theme lexicons against text: whole words and phrases, ignoring
//! case, punctuation and hyphens, with plural endings allowed.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;

/// Lower case, letters and digits only, words separated by one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A compiled set of keywords, each belonging to one theme (by index).
pub struct Lexicon {
    matcher: Option<AhoCorasick>,
    /// (theme index, keyword as written) per pattern.
    patterns: Vec<(usize, String)>,
}

impl Lexicon {
    /// `themes[i]` is the keyword list of theme `i`.
    pub fn new(themes: &[Vec<String>]) -> Lexicon {
        let mut patterns = Vec::new();
        let mut norm = Vec::new();
        for (i, kws) in themes.iter().enumerate() {
            for k in kws {
                let n = normalise(k);
                if !n.is_empty() {
                    patterns.push((i, k.clone()));
                    norm.push(n);
                }
            }
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&norm).ok();
        Lexicon { matcher, patterns }
    }

    /// The keywords found in `text`, as (theme index, keyword), each once.
    pub fn matches(&self, text: &str) -> Vec<(usize, &str)> {
        let Some(m) = &self.matcher else { return vec![] };
        let t = normalise(text);
        let bytes = t.as_bytes();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for hit in m.find_overlapping_iter(&t) {
            let start_ok = hit.start() == 0 || bytes[hit.start() - 1] == b' ';
            let rest = &t[hit.end()..];
            let word_end = rest.find(' ').unwrap_or(rest.len());
            let tail = &rest[..word_end];
            let end_ok = matches!(tail, "" | "s" | "es");
            if start_ok && end_ok && seen.insert(hit.pattern().as_usize()) {
                let (theme, kw) = &self.patterns[hit.pattern().as_usize()];
                out.push((*theme, kw.as_str()));
            }
        }
        out
    }
}

const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "into",
    "that",
    "this",
    "their",
    "them",
    "they",
    "what",
    "which",
    "when",
    "where",
    "how",
    "why",
    "about",
    "between",
    "within",
    "across",
    "using",
    "use",
    "used",
    "its",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "not",
    "but",
    "our",
    "your",
    "who",
    "whom",
    "session",
    "sessions",
    "describe",
    "explain",
    "list",
    "apply",
    "analyse",
    "analyze",
    "evaluate",
    "critique",
    "design",
    "identify",
    "introduction",
    "principles",
    "part",
    "module",
    "medicine",
    "medical",
    "clinical",
    "health",
    "care",
];

/// The content words of a text (for relevance between a module and a reading).
pub fn content_words(text: &str) -> HashSet<String> {
    normalise(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(w))
        .map(|w| w.strip_suffix('s').filter(|s| s.len() >= 4).unwrap_or(w).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_phrases_and_plurals() {
        let lx = Lexicon::new(&[
            vec!["pulse oximetry".into(), "eugenics".into()],
            vec!["race correction".into(), "egfr".into()],
        ]);
        let m = lx.matches("Pulse-oximetry and eGFR race corrections; not eugenicsX");
        assert_eq!(m, vec![(0, "pulse oximetry"), (1, "egfr"), (1, "race correction")]);
        assert!(lx.matches("oximetry").is_empty());
    }

    #[test]
    fn normalises_punctuation_and_case() {
        assert_eq!(normalise("  Ménière's — disease!"), "ménière s disease");
    }
}
