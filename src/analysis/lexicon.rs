//! Matching theme lexicons against text: whole words and phrases, ignoring
//! case, punctuation and hyphens, with plural endings allowed and British and
//! American spellings taken as one.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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

/// British and American spellings of the same word, folded to one form so a
/// keyword written either way matches text written either way. Whole words
/// whose endings do not follow the rules below.
const WORDS: &[(&str, &str)] = &[
    ("practise", "practice"),
    ("practised", "practiced"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("grey", "gray"),
    ("ageing", "aging"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("aluminium", "aluminum"),
    ("mould", "mold"),
];

/// Endings that differ between British and American spelling, longest first;
/// applied when at least three letters stay before them.
const ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ysing", "yzing"),
    ("ising", "izing"),
    ("ysed", "yzed"),
    ("ised", "ized"),
    ("yses", "yzes"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("yse", "yze"),
    ("ise", "ize"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ours", "ors"),
    ("our", "or"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("tres", "ters"),
    ("tre", "ter"),
];

/// One normalised word in a common spelling: the digraphs `ae` and `oe` of
/// British medical words become `e` (haemoglobin, oesophagus, paediatric,
/// anaemia, coeliac), then -ise/-isation/-yse become -ize/-ization/-yze,
/// -our becomes -or and -tre becomes -ter (colour, centre).
pub fn fold_word(w: &str) -> std::borrow::Cow<'_, str> {
    if w.len() < 4 || !w.is_ascii() {
        return w.into();
    }
    if let Some((_, us)) = WORDS.iter().find(|(uk, _)| *uk == w) {
        return (*us).into();
    }
    let mut s =
        if w.contains("ae") || w.contains("oe") { w.replace("ae", "e").replace("oe", "e") } else { w.to_string() };
    for (uk, us) in ENDINGS {
        if let Some(stem) = s.strip_suffix(uk)
            && stem.len() >= 3
        {
            s = format!("{stem}{us}");
            break;
        }
    }
    if s == w { w.into() } else { s.into() }
}

/// A text normalised (see [`normalise`]) and folded word by word (see
/// [`fold_word`]), remembering where each word came from in the original.
pub struct Folded {
    pub text: String,
    /// Per word: its start in `text`, and its byte span in the original.
    words: Vec<(usize, usize, usize)>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut words = Vec::new();
        let mut word = String::new();
        let mut start = None;
        let mut flush = |text: &mut String, word: &mut String, from: usize, to: usize| {
            if !text.is_empty() {
                text.push(' ');
            }
            words.push((text.len(), from, to));
            text.push_str(&fold_word(word));
            word.clear();
        };
        for (i, c) in original.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                word.extend(c.to_lowercase());
            } else if let Some(s) = start.take() {
                flush(&mut text, &mut word, s, i);
            }
        }
        if let Some(s) = start {
            flush(&mut text, &mut word, s, original.len());
        }
        Folded { text, words }
    }

    /// The end of the word that `at` falls in (`at` itself at a space or
    /// the end): found through the word index, so each hit costs a binary
    /// search, not a scan of the rest of the text.
    fn word_end(&self, at: usize) -> usize {
        let next = self.words.partition_point(|w| w.0 <= at);
        match self.words.get(next) {
            Some(w) => w.0 - 1,
            None => self.text.len(),
        }
        .max(at)
    }

    /// The original text of the folded bytes `start..end` (whole words).
    fn original<'a>(&self, original: &'a str, start: usize, end: usize) -> &'a str {
        let first = self.words.partition_point(|w| w.0 < start);
        let last = self.words.partition_point(|w| w.0 < end).saturating_sub(1);
        match (self.words.get(first), self.words.get(last)) {
            (Some(a), Some(b)) if first <= last => &original[a.1..b.2],
            _ => "",
        }
    }
}

/// Normalises and folds a text: what keywords and text are compared as.
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// A keyword found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub theme: usize,
    /// The keyword as written in the lexicon.
    pub keyword: &'a str,
    /// The words that matched, as they appear in the text.
    pub evidence: String,
    /// Whether the keyword has more than one word.
    pub phrase: bool,
}

/// A compiled set of keywords, each belonging to one theme (by index).
pub struct Lexicon {
    matcher: Option<AhoCorasick>,
    /// (theme index, keyword as written, is a phrase) per pattern.
    patterns: Vec<(usize, String, bool)>,
}

impl Lexicon {
    /// `themes[i]` is the keyword list of theme `i`.
    pub fn new(themes: &[Vec<String>]) -> Lexicon {
        let mut patterns = Vec::new();
        let mut norm = Vec::new();
        for (i, kws) in themes.iter().enumerate() {
            for k in kws {
                let n = fold(k);
                if !n.is_empty() {
                    patterns.push((i, k.clone(), n.contains(' ')));
                    norm.push(n);
                }
            }
        }
        // A contiguous NFA, never a DFA: building the DFA follows failure
        // links for every byte of every state, which is quadratic in the
        // length of a keyword (a 16,000-character keyword took seconds, a
        // 100,000-character one minutes). The NFA builds and searches in
        // time linear in the keywords' and the text's length.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&norm)
            .ok();
        Lexicon { matcher, patterns }
    }

    /// The keywords found in `text`, as (theme index, keyword), each once.
    pub fn matches(&self, text: &str) -> Vec<(usize, &str)> {
        self.hits(text).into_iter().map(|h| (h.theme, h.keyword)).collect()
    }

    /// The keywords found in `text`, each once, with the words that matched.
    pub fn hits(&self, text: &str) -> Vec<Hit<'_>> {
        let Some(m) = &self.matcher else { return vec![] };
        let f = Folded::new(text);
        let t = &f.text;
        let bytes = t.as_bytes();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for hit in m.find_overlapping_iter(t) {
            let start_ok = hit.start() == 0 || bytes[hit.start() - 1] == b' ';
            let word_end = f.word_end(hit.end()) - hit.end();
            let tail = &t[hit.end()..hit.end() + word_end];
            let end_ok = matches!(tail, "" | "s" | "es");
            if start_ok && end_ok && seen.insert(hit.pattern().as_usize()) {
                let (theme, kw, phrase) = &self.patterns[hit.pattern().as_usize()];
                out.push(Hit {
                    theme: *theme,
                    keyword: kw.as_str(),
                    evidence: f.original(text, hit.start(), hit.end() + word_end).to_string(),
                    phrase: *phrase,
                });
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
    fn british_and_american_spellings_match_both_ways() {
        let lx = Lexicon::new(&[
            vec!["skin of colour".into(), "oesophagus".into(), "haemoglobin".into()],
            vec!["pediatric".into(), "anemia".into(), "hospitalization".into(), "minoritized".into()],
        ]);
        let hits = lx
            .hits("Skin of color; the Esophagus; hemoglobins; Paediatric anaemia after hospitalisation of minoritised");
        let got: Vec<(usize, &str, &str)> = hits.iter().map(|h| (h.theme, h.keyword, h.evidence.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (0, "skin of colour", "Skin of color"),
                (0, "oesophagus", "Esophagus"),
                (0, "haemoglobin", "hemoglobins"),
                (1, "pediatric", "Paediatric"),
                (1, "anemia", "anaemia"),
                (1, "hospitalization", "hospitalisation"),
                (1, "minoritized", "minoritised"),
            ]
        );
        assert!(hits[0].phrase && !hits[1].phrase);
        assert_eq!(
            fold("Analyse the colours of the centre; analyze colors center"),
            "analyze the colors of the center analyze colors center"
        );
        assert_eq!(fold("our hour four"), "our hour four");
    }

    #[test]
    fn evidence_is_the_original_words() {
        let lx = Lexicon::new(&[vec!["pulse oximetry".into(), "race correction".into()]]);
        let h = lx.hits("Explain Pulse-Oximetry (and race-corrections).");
        assert_eq!(h[0].evidence, "Pulse-Oximetry");
        assert_eq!(h[1].evidence, "race-corrections");
    }

    #[test]
    fn normalises_punctuation_and_case() {
        assert_eq!(normalise("  Ménière's — disease!"), "ménière s disease");
    }
}
