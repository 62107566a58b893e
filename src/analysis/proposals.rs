//! Proposed readings: which approved readings fit a module (or a set of
//! sessions), why (the words they share), and spread so that one paper is not
//! proposed everywhere. The rule is [`super::glossary::proposal_rule`].

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::lexicon::{clinical_flags, clinical_words, content_terms, fold_word, normalise};
use crate::store::audit::{AuditData, ReadingInfo, ThemeInfo};

/// A proposal needs at least this relevance.
pub const FLOOR: f64 = 1.0;
/// No reading is proposed for more than this many modules in one list.
pub const SPREAD: usize = 3;
/// Below this many approved readings on a theme, no word is discounted for
/// being used by many of them (with one reading, every word is used by all);
/// from it on, a word used by more than half of them counts for nothing.
pub const COMMON_WORD_MIN_READINGS: usize = 5;
/// Common verbs, auxiliaries and fillers that content-word filtering keeps
/// (they are four letters or more) but that say nothing about a subject:
/// never a shared word.
const WEAK: &[&str] = &[
    "shape",
    "shaped",
    "shapes",
    "shaping",
    "show",
    "shows",
    "showed",
    "showing",
    "shown",
    "make",
    "makes",
    "made",
    "making",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "help",
    "helps",
    "helped",
    "helping",
    "need",
    "needs",
    "needed",
    "include",
    "includes",
    "included",
    "including",
    "become",
    "becomes",
    "became",
    "provide",
    "provides",
    "provided",
    "providing",
    "based",
    "also",
    "more",
    "most",
    "some",
    "many",
    "other",
    "others",
    "such",
    "these",
    "those",
    "than",
    "then",
    "there",
    "here",
    "will",
    "would",
    "could",
    "should",
    "does",
    "doing",
    "done",
    "just",
    "very",
    "over",
    "under",
    "after",
    "before",
    "through",
    "each",
    "both",
    "well",
    "into",
    "upon",
    "while",
    "whose",
    "only",
    "even",
    "much",
    "like",
    "work",
    "works",
    "working",
    "understand",
    "understanding",
    "learn",
    "learning",
    "know",
    "knowing",
    "consider",
    "considering",
    "discuss",
    "discussing",
    "explore",
    "exploring",
    "examine",
    "examining",
    "look",
    "looking",
    "role",
    "case",
    "cases",
];

/// Words that name no subject a committee would recognise, though they are
/// nouns and adjectives of substance to a word counter (issue 13: a
/// dermatology paper proposed for obstetrics through "early", *The Wretched
/// of the Earth* for general practice through "illness" and "link"). Three
/// classes, each word with the forms its stem covers: the words of
/// academic and educational process (what any session or paper does with a
/// subject: knowledge, literature, project, education, teaching, survey,
/// source, author, evidence of experience); the words of the whole
/// discipline (anatomy, illness, disease: every module has them in some
/// sense); words of time, order, amount and relation (early, later,
/// rate, line, link, count, score, level, difference, type, factor); and
/// words for people in general (group, population, individuals, member;
/// "people" is a stop word already), whose sense is the word before them. Like
/// [`WEAK`], such a word is never a shared word, never one of a theme's own
/// words (so never a "for example" session's reason) and never joins two
/// words by derivation; it still completes a keyword phrase ("whose
/// knowledge" is found whole).
pub const GENERIC: &[&str] = &[
    // Academic and educational process.
    "knowledge",
    "literature",
    "project",
    "education",
    "educational",
    "teaching",
    "teach",
    "survey",
    "surveyed",
    "source",
    "author",
    "experience",
    // The whole discipline.
    "anatomy",
    "anatomical",
    "illness",
    "disease",
    // Time, order, amount and relation.
    "early",
    "late",
    "later",
    "rate",
    "line",
    "link",
    "count",
    "score",
    "level",
    "difference",
    "type",
    "factor",
    // People in general: whom a text means is in the word before
    // ("ethnic minority groups", "disadvantaged groups", "trial
    // populations", "Black people"); alone, the word says nothing of the
    // subject (issue 13, 13e: a reason "its title has “groups”").
    "group",
    "population",
    "individuals",
    "member",
];

/// A one-word keyword of the theme that the reading has in its title and the
/// module has too makes a proposal alone only when at most one in this many
/// of the theme's approved readings use it (with fewer than
/// [`COMMON_WORD_MIN_READINGS`] readings, always): "oximetry" names the
/// reading's subject; "disparities" or "racism", which a good share of the
/// theme's readings use, name the theme's, and do not say that the reading
/// fits this module more than any other.
pub const RARE_KEYWORD_SHARE: usize = 10;

/// A reading needs at least this many shared subject words (no word of
/// [`WEAK`] or [`GENERIC`]), unless the reading and the module both have one
/// whole keyword phrase of the theme (a keyword of several words: a
/// one-word keyword is one shared word like any other).
pub const MIN_SHARED_WORDS: usize = 2;
/// Of those shared words, at least this many must be words of the theme's
/// keywords (of the theme asked for, or of another theme the reading is on:
/// "spirometry", an Epistemic bias keyword, puts the spirometer's history
/// on both its themes in the respiratory module), unless two shared words
/// are in the reading's title and together in one session title or outcome
/// (`together_in_title`). One (issue 13a/3): shared words that only name the
/// module's subject, in different sessions or in the reading's notes
/// ("breathing" and "respiratory", "mental" and "psychiatric", "ethics" and
/// "power") said the reading fits the module when it did not.
pub const MIN_THEME_WORDS: usize = 1;

/// A word of the theme's keywords that this many of them or more use
/// ("racial" of "racial disparities", "racial discrimination", "racial
/// minorities"…) is a generic word of the theme: it says a text is on the
/// theme, not what its subject is. Shared words that are all generic words
/// of the theme asked for never make a proposal (issue 13: a paper on newborn
/// mortality proposed for a surgery pain session through "racial" and
/// "disparities"); one of them must name something more specific.
pub const GENERIC_KEYWORD_USES: usize = 3;

/// The numbers and word lists of the proposal rule as the code applies
/// them: the methods page states them ([`super::glossary::proposal_rule`])
/// and the report's JSON gives them (`methods.proposals`), so that a test
/// can hold the page to what the code did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rule {
    /// [`FLOOR`]: the least relevance of a proposal.
    pub floor: f64,
    /// [`SPREAD`]: the most modules of one list a reading is proposed for.
    pub spread: usize,
    /// [`COMMON_WORD_MIN_READINGS`]: from this many approved readings on a
    /// theme, a word more than half of them use counts for nothing.
    pub common_word_min_readings: usize,
    /// [`MIN_SHARED_WORDS`].
    pub min_shared_words: usize,
    /// [`MIN_THEME_WORDS`].
    pub min_theme_words: usize,
    /// How much more a word in the reading's title counts (a factor).
    pub title_weight: f64,
    /// [`INFLECTIONS`].
    pub inflections: Vec<&'static str>,
    /// [`DERIVATIONS`].
    pub derivations: Vec<&'static str>,
    /// [`DERIVATION_MIN_LETTERS`].
    pub derivation_min_letters: usize,
    /// [`RARE_KEYWORD_SHARE`].
    pub rare_keyword_share: usize,
    /// [`GENERIC`]: words that never count, as the methods page names them.
    pub generic: Vec<&'static str>,
    /// [`GENERIC_KEYWORD_USES`].
    pub generic_keyword_uses: usize,
}

/// The proposal rule the code applies.
pub fn rule() -> Rule {
    Rule {
        floor: FLOOR,
        spread: SPREAD,
        common_word_min_readings: COMMON_WORD_MIN_READINGS,
        min_shared_words: MIN_SHARED_WORDS,
        min_theme_words: MIN_THEME_WORDS,
        title_weight: TITLE_WEIGHT,
        inflections: INFLECTIONS.to_vec(),
        derivations: DERIVATIONS.to_vec(),
        derivation_min_letters: DERIVATION_MIN_LETTERS,
        rare_keyword_share: RARE_KEYWORD_SHARE,
        generic: GENERIC.to_vec(),
        generic_keyword_uses: GENERIC_KEYWORD_USES,
    }
}

/// Endings that inflect a word without changing it (the methods page lists them).
pub const INFLECTIONS: &[&str] = &["s", "es", "ed", "d", "ing", "al", "ly"];
/// Derivational endings that keep a word's meaning when added to an
/// adjective or noun: "ethnic" / "ethnicity", "colonial" / "colonialism" /
/// "colonialist", "sexual" / "sexuality". Each may carry a plural or -ally.
pub const DERIVATIONS: &[&str] = &["ity", "ism", "ist", "ic", "ical", "ness"];
/// A derivation joins two words only when the shorter word (the base the
/// other is made from) has at least this many letters: "organ" / "organism",
/// "human" / "humanism", "minor" / "minority" differ in meaning.
pub const DERIVATION_MIN_LETTERS: usize = 6;
/// Bases whose derived words name something else (a doctrine, a person, a
/// different quality): never joined by a derivation, only by inflection.
const FALSE_FRIENDS: &[&str] = &[
    "social",
    "capital",
    "public",
    "national",
    "natural",
    "liberal",
    "individual",
    "material",
    "special",
    "general",
    "formal",
    "spiritual",
    "modern",
    "absolute",
    "journal",
    "physic",
];

/// The words `w` may be derived from by one ending of [`DERIVATIONS`]
/// (perhaps pluralised, or with -ally), with a dropped final e restored
/// ("diverse" for "diversity"): "ethnicity" gives "ethnic".
fn bases(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    for d in DERIVATIONS {
        for tail in ["", "s", "es", "ally"] {
            let end = match (*d, tail) {
                ("ity", "es") => "ities".to_string(),
                (_, "es") => continue,
                (_, "ally") if !d.ends_with('c') => continue,
                _ => format!("{d}{tail}"),
            };
            if let Some(base) = w.strip_suffix(end.as_str()) {
                out.push(base.to_string());
                out.push(format!("{base}e"));
            }
        }
    }
    out
}

/// Whether two spellings of one stem are the same word: equal, or one is
/// the other plus an inflection ([`INFLECTIONS`]), or one is derived from
/// the other by an ending that keeps its meaning ([`DERIVATIONS`]; the base
/// at least [`DERIVATION_MIN_LETTERS`] letters, not a common verb, not a
/// base whose derivations mean something else), or both from one base
/// ("colonialism" / "colonialist"). Porter stems alone conflate
/// "experiments" with "experiences".
pub fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long == short
        || long.strip_prefix(short.as_str()).is_some_and(|rest| INFLECTIONS.contains(&rest))
        || short
            .strip_suffix('e')
            .is_some_and(|base| long.strip_prefix(base).is_some_and(|rest| matches!(rest, "ed" | "ing" | "al")))
    {
        return true;
    }
    let derivable = |base: &str| {
        base.chars().count() >= DERIVATION_MIN_LETTERS
            && !FALSE_FRIENDS.contains(&base)
            && !WEAK.contains(&base)
            && !GENERIC.contains(&base)
            && !content_terms(base).first().is_some_and(|t| weak().contains(&t.0))
    };
    let (bs, bl) = (bases(&short), bases(&long));
    let from_short = bl.contains(&short) && derivable(&short);
    let common = bl.iter().any(|b| bs.contains(b) && derivable(b));
    from_short || common
}

/// The stems of [`WEAK`] and [`GENERIC`].
fn weak() -> &'static HashSet<String> {
    static WEAK_STEMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WEAK_STEMS.get_or_init(|| WEAK.iter().chain(GENERIC).flat_map(|w| content_terms(w)).map(|t| t.0).collect())
}

/// Every word of a text, normalised, in order, stop words kept: (stem, word).
fn word_seq(text: &str) -> Vec<(String, String)> {
    normalise(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| (super::stem::stem(&fold_word(w)).into_owned(), w.to_string()))
        .collect()
}

/// Whether a word is (an inflection of) an action verb of Bloom's taxonomy
/// ("interpret", "interpreting", "describes"): an outcome's verb says what
/// students do, not what the session is about, so it is never a shared word.
/// A noun made from the verb ("interpreter", "description") is not one.
pub fn action_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    let mut forms = vec![w.clone()];
    for end in ["s", "es", "ed", "d", "ing"] {
        if let Some(base) = w.strip_suffix(end) {
            forms.push(base.to_string());
            forms.push(format!("{base}e"));
            // A doubled final consonant: "planned", "planning".
            let b = base.as_bytes();
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
                forms.push(base[..base.len() - 1].to_string());
            }
        }
    }
    forms.iter().any(|f| super::bloom::verb_level(f).is_some())
}

/// A theme's keywords as words, to find where a text has one whole keyword
/// (a keyword of several words as the phrase: "history" alone is not
/// "history of medicine") and which words of a text are the theme's own.
pub struct Vocabulary {
    /// Each keyword as written, and its words (stop words kept).
    keywords: Vec<(String, Vec<(String, String)>)>,
    /// Keywords by the stem of their first word.
    by_first: HashMap<String, Vec<usize>>,
    /// The theme's own words by stem: each one-word keyword, and each word of
    /// a longer keyword that the theme's description uses too ("ethnicity"
    /// of "race/ethnicity", but not "body" of "body snatching"); never an
    /// action verb or a weak word.
    words: HashMap<String, Vec<String>>,
}

impl Vocabulary {
    /// The vocabulary of one theme: its keyword list (the lexicon) and description.
    pub fn new(t: &ThemeInfo) -> Vocabulary {
        let mut v = Vocabulary { keywords: Vec::new(), by_first: HashMap::new(), words: HashMap::new() };
        let described = content_terms(&t.description);
        for k in &t.keywords {
            let seq = word_seq(k);
            let Some(first) = seq.first() else { continue };
            v.by_first.entry(first.0.clone()).or_default().push(v.keywords.len());
            let terms = content_terms(k);
            let single = terms.len() == 1;
            for (stem, w) in terms {
                let own = single || described.iter().any(|(s, d)| *s == stem && same_word(d, &w));
                if own && !action_verb(&w) && !weak().contains(&stem) {
                    v.words.entry(stem).or_default().push(w);
                }
            }
            v.keywords.push((k.clone(), seq));
        }
        v
    }

    /// The places (in the keyword list) of the keywords whose every word is,
    /// in order, in `seq` (each the same word by [`same_word`]).
    fn found(&self, seq: &[(String, String)]) -> Vec<usize> {
        let mut out = Vec::new();
        for i in 0..seq.len() {
            for &k in self.by_first.get(&seq[i].0).map(Vec::as_slice).unwrap_or_default() {
                let kw = &self.keywords[k].1;
                let here = seq.get(i..i + kw.len()).is_some_and(|at| {
                    kw.iter().zip(at).all(|(a, b)| a.0 == b.0 && (a.1 == b.1 || same_word(&a.1, &b.1)))
                });
                if here && !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// The keywords (as written) that a text has whole.
    pub fn keywords_in(&self, text: &str) -> Vec<String> {
        self.found(&word_seq(text)).into_iter().map(|k| self.keywords[k].0.clone()).collect()
    }

    /// Whether a word (with its stem) is a word of one of the keywords.
    pub fn has_word(&self, stem: &str, word: &str) -> bool {
        self.words.get(stem).is_some_and(|ws| ws.iter().any(|w| same_word(w, word)))
    }

    /// Whether a word (with its stem) is a generic word of the theme: one
    /// that at least [`GENERIC_KEYWORD_USES`] of its keywords use ("racial",
    /// "disparities" of Intersectional health; "bias" of Epistemic bias).
    pub fn generic_word(&self, stem: &str, word: &str) -> bool {
        self.keywords
            .iter()
            .filter(|(_, seq)| seq.iter().any(|(s, w)| s == stem && (w == word || same_word(w, word))))
            .count()
            >= GENERIC_KEYWORD_USES
    }
}

/// A word in a reading's title counts this much more than one in its annotation.
const TITLE_WEIGHT: f64 = 1.5;
/// At most this many shared words are shown as the reason.
const REASON_WORDS: usize = 5;

/// A reading proposed to fill a gap.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub reading_id: i64,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i64>,
    /// The theme it is proposed for (slug).
    pub theme: String,
    /// Relevance (see the proposal rule); always at least [`FLOOR`] for a
    /// relevance proposal, 0 for a reading proposed for review.
    pub score: f64,
    /// Why: the shared words, or for a reading awaiting review, what it is.
    pub reason: Vec<String>,
    /// Where each shared word is: in the reading's title or notes, and the
    /// words of the module (session title, outcome, module title) it shares
    /// them with. Empty for a reading proposed for review.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<Shared>,
    /// The theme's keywords (as listed) that both the reading and what it
    /// is proposed for have whole: the keyword alternative of the rule.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

/// One word a proposed reading shares with what it is proposed for.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Shared {
    /// The word as the reading writes it.
    pub word: String,
    /// The word as the module writes it in `with` ("disparities" where the
    /// reading has "disparity"): the form a reason quoting `with` shows.
    pub module_word: String,
    /// Where the reading has it: `title` or `notes` (the group's annotation).
    pub field: &'static str,
    /// Where the module has it: the session title, outcome or module title
    /// that holds the word (cut to about 60 characters).
    pub with: String,
    /// Whether it is a word of one of the theme's keywords ([`MIN_THEME_WORDS`]).
    pub theme_word: bool,
    /// What `with` is when it is no curriculum text: "description" or
    /// "keyword" of the theme, for a reading proposed for the theme as a
    /// whole (a theme taught nowhere); `None` for a session or module text.
    pub in_theme: Option<&'static str>,
}

impl Shared {
    /// How a reason names `with`: “…” for curriculum text, the theme's
    /// description “…” or its keyword “…” for the theme's own text.
    fn quoted_with(&self, text: &str) -> String {
        match self.in_theme {
            Some(what) => format!("the theme's {what} \u{201c}{text}\u{201d}"),
            None => format!("\u{201c}{text}\u{201d}"),
        }
    }
}

impl Candidate {
    /// The reason in words, for tables: "“pulse”, “oximetry” (in its title and
    /// in “Pulse oximetry in the ICU”); “skin” (in its notes and in …)", or
    /// for a reading proposed for review what it is. Where the module writes
    /// a shared word another way, each text's form is named: "“disparity” in
    /// its title, “disparities” in “Racial disparities in analgesia”".
    pub fn why(&self) -> String {
        if self.shared.is_empty() {
            return self.reason.join(", ");
        }
        // Words found in the same places are named together, in the order of
        // the first: (field, with, the reading's forms, the module's forms).
        let mut groups: Vec<(&str, &str, Vec<&str>, Vec<&str>)> = Vec::new();
        for s in &self.shared {
            let module_word = if s.module_word.is_empty() { &s.word } else { &s.module_word };
            match groups.iter_mut().find(|g| g.0 == s.field && g.1 == s.with) {
                Some(g) => {
                    g.2.push(&s.word);
                    g.3.push(module_word);
                }
                None => groups.push((s.field, &s.with, vec![&s.word], vec![module_word])),
            }
        }
        let quote =
            |words: &[&str]| words.iter().map(|w| format!("\u{201c}{w}\u{201d}")).collect::<Vec<_>>().join(", ");
        groups
            .iter()
            .map(|(field, with, words, module_words)| {
                if with.is_empty() {
                    format!("{} (in its {field})", quote(words))
                } else {
                    let holder = self
                        .shared
                        .iter()
                        .find(|s| s.with == *with)
                        .map_or_else(|| format!("\u{201c}{with}\u{201d}"), |s| s.quoted_with(with));
                    if words == module_words {
                        format!("{} (in its {field} and in {holder})", quote(words))
                    } else {
                        // The module writes a word another way ("disparities"
                        // where the reading has "disparity"): each text's own form.
                        format!("{} in its {field}, {} in {holder}", quote(words), quote(module_words))
                    }
                }
            })
            .chain(self.keyword_clause())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// "the keyword “ethnic disparities” in both": the keyword phrases that
    /// make the proposal without enough shared words (its words may be too
    /// common to be shared words themselves), so that the reason names them.
    fn keyword_clause(&self) -> Option<String> {
        (!self.keywords.is_empty()).then(|| {
            let quoted: Vec<String> = self.keywords.iter().map(|k| format!("\u{201c}{k}\u{201d}")).collect();
            format!("the keyword{} {} in both", if quoted.len() == 1 { "" } else { "s" }, quoted.join(", "))
        })
    }

    /// The reason in a few words, for a table cell of the PDF: the shared
    /// words with where the reading has them, and the session text of the
    /// best of them: "“henrietta”, “lacks” (title), “consent” (notes), as in
    /// “The story of Henrietta Lacks”". [`Candidate::why`] has every place.
    pub fn why_brief(&self) -> String {
        if self.shared.is_empty() {
            return self.reason.join(", ");
        }
        // "as in" quotes one text, and only the words it holds come before
        // it; the other shared words follow after "also", unquoted.
        // The text quoted is the one that holds the most shared words (the
        // theme's own counting twice), the first of equals.
        let weight = |with: &str| {
            self.shared.iter().filter(|s| s.with == with).map(|s| if s.theme_word { 2 } else { 1 }).sum::<usize>()
        };
        let mut with = "";
        for s in self.shared.iter().filter(|s| !s.with.is_empty()) {
            if with.is_empty() || weight(&s.with) > weight(with) {
                with = &s.with;
            }
        }
        // Words before the quote are shown as the quote writes them; the
        // others as the reading does.
        let words = |here: &[&Shared], quoted: bool| {
            let mut parts: Vec<String> = Vec::new();
            for field in ["title", "notes"] {
                let words: Vec<String> = here
                    .iter()
                    .filter(|s| s.field == field)
                    .map(|s| {
                        let w = if quoted && !s.module_word.is_empty() { &s.module_word } else { &s.word };
                        format!("\u{201c}{w}\u{201d}")
                    })
                    .collect();
                if !words.is_empty() {
                    parts.push(format!("{} ({field})", words.join(", ")));
                }
            }
            parts.join(", ")
        };
        // Cut around the first word it holds; words cut off go after "also".
        let quoted = self
            .shared
            .iter()
            .find(|s| s.with == with && !with.is_empty())
            .map(|first| excerpt(with.trim_end_matches('\u{2026}'), 45, |w| holds_word(w, &first.word)));
        let (held, rest): (Vec<&Shared>, Vec<&Shared>) =
            self.shared.iter().partition(|s| quoted.as_ref().is_none_or(|q| s.with == with && holds_word(q, &s.word)));
        let mut out = words(&held, quoted.is_some());
        if let Some(q) = &quoted {
            let holder = self
                .shared
                .iter()
                .find(|s| s.with == with)
                .map_or_else(|| format!("\u{201c}{q}\u{201d}"), |s| s.quoted_with(q));
            out.push_str(&format!(", as in {holder}"));
        }
        if !rest.is_empty() {
            out.push_str(&format!("; also {}", words(&rest, false)));
        }
        if let Some(k) = self.keyword_clause() {
            out.push_str(&format!("; {k}"));
        }
        out
    }
}

/// What a proposal is for: the words to match, the theme, how many.
#[derive(Debug, Clone)]
pub struct Request {
    /// Index of the theme in `AuditData::themes`.
    pub theme: usize,
    /// The text the readings should fit (session titles and outcomes).
    pub text: String,
    pub want: usize,
    /// Proposals with the same group (a module) never repeat a reading.
    pub group: Option<i64>,
    /// Readings not to propose (already linked).
    pub exclude: HashSet<i64>,
}

/// One approved reading's subject words: (stem, word as written, in the title).
struct Words {
    reading: usize,
    terms: Vec<Term>,
    /// Pairs of subject words next to each other in one clause of its
    /// title or notes, by stem: a phrase the reading uses ("sickle cell").
    pairs: HashSet<(String, String)>,
    /// The theme's keywords it has whole (places in the keyword list).
    keywords: Vec<usize>,
    /// How its title and notes qualify each word ([`qualifiers`]).
    qualified: Qualified,
}

/// Where a stem occurs among a theme's readings: (reading's place in the
/// theme's list, the term's place in its terms), one entry per reading, so
/// the number of entries is the stem's document frequency.
type Postings = HashMap<String, Vec<(usize, usize)>>;

/// The approved readings of each theme, with an inverted index of their stems.
pub struct Proposer<'a> {
    data: &'a AuditData,
    /// Per theme: its approved readings' words, and where each stem occurs.
    /// A request looks up only its own words, so ranking costs what those
    /// words occur in, not every word of every reading.
    themes: Vec<(Vec<Words>, Postings)>,
    /// Stems that many modules use ("structure", "response"): they say nothing
    /// about what one module is about, so they never make a reading relevant.
    common: HashSet<String>,
    /// Stems used by more than half of the modules ("health", "patient"):
    /// too general to show that a session is on a theme.
    general: HashSet<String>,
    /// Per theme: its keywords, whole and as words.
    vocab: Vec<Vocabulary>,
}

impl<'a> Proposer<'a> {
    ///
    /// The words of each reading (independent of every other reading) and
    /// the common stems (independent of the readings) are worked out on two
    /// threads; the index is then filled in reading order, as one thread
    /// would.
    pub fn new(data: &'a AuditData) -> Proposer<'a> {
        let mut themes: Vec<(Vec<Words>, Postings)> =
            data.themes.iter().map(|_| (Vec::new(), HashMap::new())).collect();
        let col: HashMap<i64, usize> = data.themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        let vocab: Vec<Vocabulary> = data.themes.iter().map(Vocabulary::new).collect();
        let read: Vec<usize> = data
            .readings
            .iter()
            .enumerate()
            .filter(|(_, r)| r.status == "approved" && r.themes.iter().any(|t| col.contains_key(t)))
            .map(|(ri, _)| ri)
            .collect();
        // Per approved reading on a theme: its subject terms, and per theme
        // it is on (in its order) the theme's keywords it has whole.
        let words_of = |ri: usize| {
            let r = &data.readings[ri];
            let seq = word_seq(&format!("{}\n{}", r.title, subject_of_notes(r.annotation.as_deref().unwrap_or(""))));
            let keywords: Vec<(usize, Vec<usize>)> =
                r.themes.iter().filter_map(|t| col.get(t)).map(|&ti| (ti, vocab[ti].found(&seq))).collect();
            (reading_terms(r), keywords, reading_pairs(r), reading_qualifiers(r))
        };
        let (mut chunks, (common, general)) = shared_work(
            read.len().div_ceil(WORDS_CHUNK),
            |c| {
                read[c * WORDS_CHUNK..read.len().min((c + 1) * WORDS_CHUNK)]
                    .iter()
                    .map(|&ri| words_of(ri))
                    .collect::<Vec<_>>()
            },
            || common_stems(data),
        );
        for (c, chunk) in chunks.iter_mut().enumerate() {
            for (&ri, (terms, keywords, pairs, qualified)) in read[c * WORDS_CHUNK..].iter().zip(chunk.drain(..)) {
                for (ti, keywords) in keywords {
                    let (list, postings) = &mut themes[ti];
                    for (k, (stem, _, _, _)) in terms.iter().enumerate() {
                        postings.entry(stem.clone()).or_default().push((list.len(), k));
                    }
                    list.push(Words {
                        reading: ri,
                        terms: terms.clone(),
                        keywords,
                        pairs: pairs.clone(),
                        qualified: qualified.clone(),
                    });
                }
            }
        }
        Proposer { data, themes, common, general, vocab }
    }

    /// The themes (by place) reading `ri` (its place in the data) is on.
    fn reading_themes(&self, ri: usize) -> impl Iterator<Item = usize> + '_ {
        self.data.readings[ri].themes.iter().filter_map(|id| self.data.themes.iter().position(|t| t.id == *id))
    }

    /// Approved readings on the theme.
    pub fn approved(&self, theme: usize) -> usize {
        self.themes[theme].0.len()
    }

    /// The words of `text` that are words of theme `theme`'s keywords and
    /// say what a session is about: never an action verb, a weak word or a
    /// word more than half of the modules use. Each once, as first written,
    /// in text order.
    pub fn theme_words_in(&self, theme: usize, text: &str) -> Vec<String> {
        // A word in its clinical sense ("taking a sexual history", "blood
        // culture") is not the theme's word.
        let clinical = clinical_words(text);
        content_terms(text)
            .into_iter()
            .filter(|(_, w)| !clinical.contains(w.as_str()))
            .filter(|(stem, _)| !self.general.contains(stem) && !weak().contains(stem))
            .filter(|(stem, w)| !action_verb(w) && self.vocab[theme].has_word(stem, w))
            .map(|(_, w)| w)
            .collect()
    }

    /// The relevant readings of one request, best first, before spreading.
    fn ranked(&self, q: &Request) -> Vec<Ranked> {
        let (list, postings) = &self.themes[q.theme];
        let vocab = &self.vocab[q.theme];
        let n = list.len() as f64;
        // A word in a clinical sense ("colonial morphology on agar plates",
        // "MRSA colonisation") is no word of the theme: it neither shares a
        // word with a reading nor completes a keyword.
        let mut seq = word_seq(&q.text);
        for (w, clinical) in seq.iter_mut().zip(clinical_flags(&q.text)) {
            if clinical {
                *w = (String::new(), String::new());
            }
        }
        let asked = vocab.found(&seq);
        // Every spelling the request uses of each stem (an outcome's verb left out).
        let mut spellings: HashMap<&str, Vec<&str>> = HashMap::new();
        for (stem, w) in &seq {
            if !w.is_empty() && !action_verb(w) {
                let at = spellings.entry(stem.as_str()).or_default();
                if !at.contains(&w.as_str()) {
                    at.push(w);
                }
            }
        }
        // How the request writes each word: as a word, inside a proper name,
        // or in a title where every word has a capital.
        let forms = request_forms(&q.text);
        // Per reading (its place in the list): (term's place, idf, the request's spelling) of each word it shares.
        let mut hits: HashMap<usize, Vec<(usize, f64, String, usize)>> = HashMap::new();
        let discount = list.len() >= COMMON_WORD_MIN_READINGS;
        for (stem, _) in content_terms(&q.text) {
            let Some(at) = postings.get(&stem) else { continue };
            let d = at.len() as f64;
            if (discount && d * 2.0 > n) || self.common.contains(&stem) || weak().contains(&stem) {
                continue;
            }
            let idf = (1.0 + n / d).ln();
            let ours = spellings.get(stem.as_str()).map(Vec::as_slice).unwrap_or_default();
            for &(li, k) in at {
                // A shared stem counts only when the words are the same word.
                // A word inside a proper name in one text and not in the
                // other is a coincidence ("race" of "NHS Race and Health
                // Observatory" is not the race a session teaches).
                if !list[li].terms[k].3.meets(forms.get(stem.as_str())) {
                    continue;
                }
                if let Some(w) = ours.iter().find(|w| same_word(w, &list[li].terms[k].1)) {
                    hits.entry(li).or_default().push((k, idf, w.to_string(), at.len()));
                }
            }
        }
        // How the request qualifies each word, to leave out a word the two
        // texts use in two senses ("menstrual cycle", "cycle of poverty").
        let asked_qualified = qualifiers(&q.text);
        let mut out = Vec::new();
        for (li, mut terms) in hits {
            let w = &list[li];
            if q.exclude.contains(&self.data.readings[w.reading].id) {
                continue;
            }
            terms.retain(|t| !two_senses(asked_qualified.get(&w.terms[t.0].0), w.qualified.get(&w.terms[t.0].0)));
            if terms.is_empty() {
                continue;
            }
            // Summed in the reading's word order, so the score does not depend on the index.
            terms.sort_unstable_by_key(|t| t.0);
            let mut score = 0.0;
            let mut shared: Vec<(f64, &str, &str, bool, String, bool)> = Vec::new();
            // The stems of the one-word keywords both have whole.
            let single: Vec<&str> = w
                .keywords
                .iter()
                .filter(|k| asked.contains(k) && vocab.keywords[**k].1.len() == 1)
                .map(|&k| vocab.keywords[k].1[0].0.as_str())
                .collect();
            // Whether a one-word keyword both have is in the reading's title
            // and rare among the theme's readings (its subject, not the theme's).
            let mut rare_keyword = false;
            let reading_vocabs: Vec<&Vocabulary> = std::iter::once(vocab)
                .chain(self.reading_themes(w.reading).filter(|t| *t != q.theme).map(|t| &self.vocab[t]))
                .collect();
            for (k, idf, ours, d) in terms {
                let (stem, surface, in_title, _) = &w.terms[k];
                score += if *in_title { idf * TITLE_WEIGHT } else { idf };
                // A word of the theme, or of another theme the reading is on
                // ("spirometry", an Epistemic bias keyword, puts a reading on
                // both themes in the respiratory module for either).
                let own = reading_vocabs.iter().any(|v| v.has_word(stem, surface) && v.has_word(stem, &ours));
                rare_keyword |= *in_title
                    && single.contains(&stem.as_str())
                    && (list.len() < COMMON_WORD_MIN_READINGS || d * RARE_KEYWORD_SHARE <= list.len());
                shared.push((idf, surface, stem, *in_title, ours, own));
            }
            // Shared words are a coincidence unless one whole keyword of the theme is
            // in both, or enough are shared and some of them are the theme's own words.
            // Only a keyword of several words is telling alone: a one-word
            // keyword ("disparities") is one shared word like any other.
            let keywords: Vec<String> = w
                .keywords
                .iter()
                .filter(|k| asked.contains(k) && vocab.keywords[**k].1.len() > 1)
                .map(|&k| vocab.keywords[k].0.clone())
                .collect();
            let own = shared.iter().filter(|s| s.5).count();
            // MIN_THEME_WORDS is 0 today (see its doc); the test stays so that raising it needs no code.
            #[allow(clippy::absurd_extreme_comparisons)]
            // Shared words that are all generic words of the theme ("racial",
            // "disparities") say the reading is on the theme, not on the
            // session's subject: one must be more specific.
            let specific = shared.iter().any(|s| !vocab.generic_word(s.2, s.1));
            let telling = !keywords.is_empty()
                || rare_keyword
                || (shared.len() >= MIN_SHARED_WORDS
                    && specific
                    && (own >= MIN_THEME_WORDS
                        || together_in_title(&shared, &q.text)
                        || together_as_phrase(&shared, &w.pairs, &q.text)));
            if score >= FLOOR && telling {
                // The theme's own words first, so that they are shown when the list is cut.
                shared.sort_by(|a, b| b.5.cmp(&a.5).then(b.0.total_cmp(&a.0)).then(a.1.cmp(b.1)));
                let why = shared
                    .iter()
                    .take(REASON_WORDS)
                    .map(|s| Why {
                        word: s.1.to_string(),
                        field: if s.3 { "title" } else { "notes" },
                        ours: s.4.clone(),
                        theme_word: s.5,
                    })
                    .collect();
                out.push((w.reading, score, why, keywords));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(self.data.readings[a.0].id.cmp(&self.data.readings[b.0].id)));
        out.truncate(q.want * 4);
        out
    }

    /// Proposals for every request, assigned best match first, each reading to
    /// at most [`SPREAD`] groups and once per group.
    pub fn propose(&self, requests: &[Request]) -> Vec<Vec<Candidate>> {
        self.propose_after(requests, &[])
    }

    /// As [`Proposer::propose`], counting readings already proposed elsewhere
    /// in the same list: (group, reading ID) pairs.
    pub fn propose_after(&self, requests: &[Request], taken: &[(Option<i64>, i64)]) -> Vec<Vec<Candidate>> {
        self.assign(requests, self.rank(requests), taken)
    }

    /// The first half of [`Proposer::propose_after`]: every request's
    /// relevant readings, ranked. It does not depend on what is already
    /// taken, so a caller can rank on one thread while the proposals it will
    /// count as taken are made on another, then [`Proposer::assign`].
    pub fn rank(&self, requests: &[Request]) -> Ranking {
        // (request, its ranked reading)
        let mut all: Vec<(usize, Ranked)> = Vec::new();
        for (qi, q) in requests.iter().enumerate() {
            all.extend(self.ranked(q).into_iter().map(|r| (qi, r)));
        }
        Ranking::sorted(all)
    }

    /// As [`Proposer::rank`], the requests ranked on two threads, this one
    /// first doing `here_first` (see [`shared_work`]); returns what that made
    /// too. The same ranking as [`Proposer::rank`].
    pub fn rank_beside<A>(&self, requests: &[Request], here_first: impl FnOnce() -> A) -> (Ranking, A) {
        let (chunks, a) = shared_work(
            requests.len().div_ceil(RANK_CHUNK),
            |c| {
                let end = requests.len().min((c + 1) * RANK_CHUNK);
                (c * RANK_CHUNK..end)
                    .flat_map(|qi| self.ranked(&requests[qi]).into_iter().map(move |r| (qi, r)))
                    .collect::<Vec<_>>()
            },
            here_first,
        );
        (Ranking::sorted(chunks.into_iter().flatten().collect()), a)
    }

    /// The second half of [`Proposer::propose_after`]: assigns `ranking`
    /// (made by [`Proposer::rank`] from the same `requests`) best match
    /// first, counting `taken` as already proposed.
    pub fn assign(&self, requests: &[Request], ranking: Ranking, taken: &[(Option<i64>, i64)]) -> Vec<Vec<Candidate>> {
        // A ranking of more requests than given (a caller's mistake) has no place for the rest.
        let all = ranking.all.into_iter().filter(|(qi, _)| *qi < requests.len());
        let mut out: Vec<Vec<Candidate>> = vec![Vec::new(); requests.len()];
        let mut uses: HashMap<usize, HashSet<Option<i64>>> = HashMap::new();
        let mut given: HashSet<(Option<i64>, usize)> = HashSet::new();
        let index: HashMap<i64, usize> = self.data.readings.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for (group, id) in taken {
            if let Some(&ri) = index.get(id) {
                uses.entry(ri).or_default().insert(*group);
                given.insert((*group, ri));
            }
        }
        for (qi, (ri, score, reason, keywords)) in all {
            let q = &requests[qi];
            let groups = uses.entry(ri).or_default();
            let new_group = !groups.contains(&q.group) || q.group.is_none();
            if out[qi].len() >= q.want
                || (new_group && groups.len() >= SPREAD)
                || (q.group.is_some() && given.contains(&(q.group, ri)))
            {
                continue;
            }
            groups.insert(if q.group.is_none() { Some(-(qi as i64) - 1) } else { q.group });
            given.insert((q.group, ri));
            let theme = self.data.themes[q.theme].slug.clone();
            let words = reason.iter().map(|w| w.word.clone()).collect();
            let mut c = candidate(&self.data.readings[ri], theme, (score * 100.0).round() / 100.0, words);
            let all: Vec<(String, bool)> = reason.iter().map(|w| (w.ours.clone(), w.theme_word)).collect();
            c.shared = reason
                .into_iter()
                .map(|w| Shared {
                    with: holder(&q.text, &w.ours, &all),
                    module_word: w.ours,
                    word: w.word,
                    field: w.field,
                    theme_word: w.theme_word,
                    in_theme: None,
                })
                .collect();
            c.keywords = keywords;
            out[qi].push(c);
        }
        out
    }
}

/// How many readings' words one thread works out at a time in [`Proposer::new`].
const WORDS_CHUNK: usize = 64;

/// `chunks` pieces of work (`piece(i)` makes the `i`th) shared between this
/// thread and a second: the second starts on them at once, this one first
/// does `here_first` (work that must stay on this thread, such as work on
/// a database connection), then joins in. Each takes the next piece not yet
/// taken until none is left, so the two finish together however long each
/// piece takes. Returns the pieces in order and what `here_first` made. A
/// second thread that cannot start or stops (a bug) leaves its pieces to
/// this one; the result is the same either way.
pub(crate) fn shared_work<T: Send, A>(
    chunks: usize,
    piece: impl Fn(usize) -> T + Sync,
    here_first: impl FnOnce() -> A,
) -> (Vec<T>, A) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let c = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if c >= chunks {
                return done;
            }
            done.push((c, piece(c)));
        }
    };
    let (a, mine, theirs) = std::thread::scope(|s| {
        let other = std::thread::Builder::new().name("shared-work".into()).spawn_scoped(s, take);
        let a = here_first();
        let mine = take();
        (a, mine, other.ok().and_then(|h| h.join().ok()))
    });
    let mut out: Vec<Option<T>> = (0..chunks).map(|_| None).collect();
    for (c, t) in mine.into_iter().chain(theirs.into_iter().flatten()) {
        out[c] = Some(t);
    }
    let out = out.into_iter().enumerate().map(|(c, t)| t.unwrap_or_else(|| piece(c))).collect();
    (out, a)
}

/// Every request's relevant readings, best match first ([`Proposer::rank`]),
/// ready to [`Proposer::assign`].
#[derive(Default)]
pub struct Ranking {
    /// (request's place, its ranked reading), best first.
    all: Vec<(usize, Ranked)>,
}

impl Ranking {
    /// `all` in request order (each request's readings as ranked), sorted
    /// best first (a stable sort: ties keep that order).
    fn sorted(mut all: Vec<(usize, Ranked)>) -> Ranking {
        all.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(&b.0)).then(a.1.0.cmp(&b.1.0)));
        Ranking { all }
    }
}

/// Whether at least [`MIN_SHARED_WORDS`] of the `shared` words (as
/// `ranked` keeps them: idf, the reading's form, stem, in the reading's
/// title, the request's form, a theme word) are in the reading's title and
/// together in one place of the request (a line, or a piece of one between
/// semicolons: one session title or outcome): "Racial bias in pain
/// assessment" for "Pain assessment, analgesia and racial disparities", the
/// reading's subject being what that session teaches. Words found in
/// different sessions ("ethics" in one outcome, "power" in another) are not.
fn together_in_title(shared: &[(f64, &str, &str, bool, String, bool)], text: &str) -> bool {
    let stems: Vec<&str> = shared.iter().filter(|s| s.3).map(|s| s.2).collect();
    if stems.len() < MIN_SHARED_WORDS {
        return false;
    }
    text.split(['\n', ';']).any(|piece| {
        let here: HashSet<String> = content_terms(piece).into_iter().map(|t| t.0).collect();
        stems.iter().filter(|s| here.contains(**s)).count() >= MIN_SHARED_WORDS
    })
}

/// Whether two of the `shared` words (as `ranked` keeps them) are a phrase
/// of the reading (next to each other in one clause of its title or notes:
/// `pairs`) that one place of the request (a line, or a piece of one
/// between semicolons) has as the same phrase: "sickle cell" in the notes of
/// *Body and Soul* ("ran free clinics and sickle cell screening
/// programmes") and in "Sickle cell crisis and patients' experiences of
/// care". A phrase both use names one subject, wherever the reading has it;
/// two words of a subject found apart ("breathing" in one session,
/// "respiratory" in another) do not.
fn together_as_phrase(
    shared: &[(f64, &str, &str, bool, String, bool)],
    pairs: &HashSet<(String, String)>,
    text: &str,
) -> bool {
    let stems: HashSet<&str> = shared.iter().map(|s| s.2).collect();
    let ours: HashSet<(String, String)> = text.split(['\n', ';']).flat_map(phrase_pairs).collect();
    pairs.iter().any(|(a, b)| {
        stems.contains(a.as_str()) && stems.contains(b.as_str()) && ours.contains(&(a.clone(), b.clone()))
    })
}

/// The pairs of subject words (by stem) next to each other in each clause
/// of `text` (between `.`, `,`, `;`, `:`, brackets and dashes).
fn phrase_pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for clause in text.split(['.', ',', ';', ':', '(', ')', '[', ']', '\u{2014}', '\u{2013}', '\n', '?', '!']) {
        let terms = content_terms(clause);
        out.extend(terms.windows(2).map(|w| (w[0].0.clone(), w[1].0.clone())));
    }
    out
}

/// The phrases of a reading: [`phrase_pairs`] of its title and of the
/// subject-bearing part of its notes.
fn reading_pairs(r: &ReadingInfo) -> HashSet<(String, String)> {
    let notes = subject_of_notes(r.annotation.as_deref().unwrap_or(""));
    phrase_pairs(&r.title).into_iter().chain(phrase_pairs(&notes)).collect()
}

/// How one use of a word is qualified in its clause: as the second word of
/// a two-word term, after a subject word ("menstrual" of "menstrual
/// cycle"), or by the word after its "of" (and an article: "poverty" of
/// "cycle of poverty"), each qualifier by stem; or neither.
#[derive(Debug, Clone, PartialEq)]
enum Use {
    Term(String),
    Of(String),
    Alone,
}

/// Per stem, how each of its uses in a text is qualified ([`Use`]). A
/// clause ends at `.`, `,`, `;`, `:`, a bracket or a dash, as for
/// [`phrase_pairs`].
type Qualified = HashMap<String, Vec<Use>>;

/// [`Qualified`] of `text`.
fn qualifiers(text: &str) -> Qualified {
    let subject = |w: &str| {
        w.chars().count() >= 3
            && !super::lexicon::is_stop_word(w)
            && !w.chars().any(char::is_numeric)
            && !WEAK.contains(&w)
            && !GENERIC.contains(&w)
            && !action_verb(w)
    };
    let stem = |w: &str| super::stem::stem(&fold_word(w)).into_owned();
    let mut out: Qualified = HashMap::new();
    for clause in text.split(['.', ',', ';', ':', '(', ')', '[', ']', '\u{2014}', '\u{2013}', '\n', '?', '!']) {
        let norm = normalise(clause);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        for (i, w) in words.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| words[j]).filter(|b| subject(b));
            let after = || {
                let mut j = i + 1;
                if words.get(j) != Some(&"of") {
                    return None;
                }
                j += 1;
                if matches!(words.get(j), Some(&("the" | "a" | "an"))) {
                    j += 1;
                }
                words.get(j).copied().filter(|a| subject(a))
            };
            let u = match (before, after()) {
                (Some(b), _) => Use::Term(stem(b)),
                (None, Some(a)) => Use::Of(stem(a)),
                (None, None) => Use::Alone,
            };
            out.entry(stem(w)).or_default().push(u);
        }
    }
    out
}

/// [`qualifiers`] of a reading's title and the subject-bearing part of its notes.
fn reading_qualifiers(r: &ReadingInfo) -> Qualified {
    let notes = subject_of_notes(r.annotation.as_deref().unwrap_or(""));
    qualifiers(&format!("{}\n{notes}", r.title))
}

/// Whether a shared word is used in two senses: one text has it only as
/// the second word of two-word terms ("menstrual cycle") and the other only
/// qualified by what follows its "of" ("cycle of poverty"), no word
/// qualifying it in both ("poverty cycle" and "cycle of poverty" are one
/// sense). Two terms ("maternal mortality", "newborn mortality") are kinds
/// of one thing, and a word either text uses alone once counts.
fn two_senses(a: Option<&Vec<Use>>, b: Option<&Vec<Use>>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let terms = |v: &Vec<Use>| -> Option<Vec<String>> {
        v.iter().map(|u| if let Use::Term(s) = u { Some(s.clone()) } else { None }).collect()
    };
    let ofs = |v: &Vec<Use>| -> Option<Vec<String>> {
        v.iter().map(|u| if let Use::Of(s) = u { Some(s.clone()) } else { None }).collect()
    };
    let apart = |t: Option<Vec<String>>, o: Option<Vec<String>>| match (t, o) {
        (Some(t), Some(o)) => !t.is_empty() && !o.is_empty() && !t.iter().any(|x| o.contains(x)),
        _ => false,
    };
    apart(terms(a), ofs(b)) || apart(terms(b), ofs(a))
}

/// How a text writes a word: in a title where every word has a capital
/// (where a name cannot be told from a word), as a word, or only inside a
/// proper name: a run of at least two capitalised words, perhaps joined by
/// "and", "of", "for", "the" ("NHS Race and Health Observatory", "J. Marion
/// Sims", "Fair Society, Healthy Lives"), the first word of a sentence
/// counted only when the next has a capital too and it is no stop word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A title's word: every word has a capital.
    Free,
    /// A word of running text.
    Plain,
    /// Only inside a proper name.
    Name,
}

/// How the request writes each word (by stem): whether as a title's word,
/// a word of running text, a word inside a name (several at once).
#[derive(Debug, Clone, Copy, Default)]
pub struct Seen {
    free: bool,
    plain: bool,
    name: bool,
}

impl Form {
    /// Whether a reading's word written this way is shared with the
    /// request's word written as `seen`: a title's word (either side) meets
    /// any; a word inside a name meets only a name, a word of running text
    /// only a word of running text. A word the request does not hold is
    /// met (the stem match decides).
    pub fn meets(self, seen: Option<&Seen>) -> bool {
        let Some(seen) = seen else { return true };
        match self {
            Form::Free => true,
            _ if seen.free => true,
            Form::Plain => seen.plain,
            Form::Name => seen.name,
        }
    }
}

/// Words that join the words of a name ("Race and Health", "Society of
/// Friends") when a capitalised word follows.
const NAME_LINKS: &[&str] = &["and", "of", "for", "the", "on", "in", "de", "du", "van", "von", "da", "&"];

/// A token as written: its letters (apostrophes and hyphens kept inside),
/// whether it has a capital first, whether a sentence ends after it,
/// whether a clause ends after it.
fn tokens(text: &str) -> Vec<(String, bool, bool, bool)> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            // A dash or a bullet between words ends a clause.
            if let Some(last) = out.last_mut() {
                let last: &mut (String, bool, bool, bool) = last;
                last.3 = true;
            }
            continue;
        }
        let tail = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let after = &tail[tail.find(core).map_or(0, |i| i + core.len())..];
        // "J." and "Dr." are an initial and a title, not a sentence's end.
        let initial = core.chars().count() == 1 || matches!(core, "Dr" | "Mr" | "Mrs" | "Ms" | "St" | "Prof");
        let sentence = after.contains(['.', '!', '?', ';', ':']) && !(initial && after.starts_with('.'));
        let clause = sentence || after.contains([',', ')', ']', '"', '\u{201d}']);
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        out.push((core.to_string(), capital, sentence, clause));
    }
    out
}

/// The normalised words of `text` that are inside a proper name (see
/// [`Form`]) and those outside one.
fn names_in(text: &str) -> (HashSet<String>, HashSet<String>) {
    let toks = tokens(text);
    let mut in_name = vec![false; toks.len()];
    let mut i = 0;
    let mut opens = true;
    while i < toks.len() {
        let start = i;
        // A run: capitalised words, joined by links followed by one.
        let mut j = i;
        let mut caps = Vec::new();
        while j < toks.len() {
            let (w, cap, _, _) = &toks[j];
            if *cap {
                caps.push(j);
            } else if !(NAME_LINKS.contains(&w.to_lowercase().as_str())
                && !caps.is_empty()
                && toks.get(j + 1).is_some_and(|t| t.1))
            {
                break;
            }
            let ends = toks[j].3;
            j += 1;
            if ends {
                break;
            }
        }
        // The first word of a sentence has its capital anyway: part of a
        // name only when it is no stop word and the next word has one too.
        if opens && caps.first() == Some(&start) {
            let w = toks[start].0.to_lowercase();
            if w.chars().count() < 4
                || STOP_OPENERS.contains(&w.as_str())
                || normalise(&w).split(' ').all(|p| content_terms(p).is_empty())
            {
                caps.remove(0);
            }
        }
        if caps.len() >= 2 {
            for &c in &caps {
                in_name[c] = true;
            }
        }
        opens = j > start && toks[j - 1].2;
        i = if j > start { j } else { start + 1 };
    }
    let (mut names, mut plain) = (HashSet::new(), HashSet::new());
    for (t, named) in toks.iter().zip(in_name) {
        for w in normalise(&t.0).split(' ').filter(|w| !w.is_empty()) {
            if named {
                names.insert(w.to_string())
            } else {
                plain.insert(w.to_string())
            };
        }
    }
    (names, plain)
}

/// Words that open a sentence without being part of a name after them.
const STOP_OPENERS: &[&str] = &[
    "how", "what", "why", "when", "where", "which", "who", "this", "these", "those", "that", "the", "its", "their",
    "our", "from", "with", "after", "before", "between", "only", "also", "read", "reading", "both", "each",
];

/// Whether a piece of text is written as a title: at least two words of
/// four letters or more, and at least two in three of them with a capital.
fn title_cased(piece: &str) -> bool {
    let words: Vec<&str> = piece
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    words.len() >= 2 && caps * 3 >= words.len() * 2
}

/// How the request writes each word, by stem ([`Seen`]), piece by piece (a
/// line, or a piece of one between semicolons).
fn request_forms(text: &str) -> HashMap<String, Seen> {
    let mut out: HashMap<String, Seen> = HashMap::new();
    for piece in text.split(['\n', ';']) {
        let free = title_cased(piece);
        let (names, _) = if free { (HashSet::new(), HashSet::new()) } else { names_in(piece) };
        for w in normalise(piece).split(' ').filter(|w| !w.is_empty()) {
            let Some((stem, _)) = content_terms(w).into_iter().next() else { continue };
            let seen = out.entry(stem).or_default();
            if free {
                seen.free = true;
            } else if names.contains(w) {
                seen.name = true;
            } else {
                seen.plain = true;
            }
        }
    }
    out
}

/// Words that follow a sentence's first word when that word is a noun (its
/// subject: "Patients had…", "Women of colour…"), not a verb ("Traces race
/// correction…", "Documents the…").
const AFTER_SUBJECT: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "could", "may",
    "might", "must", "shall", "should", "will", "would", "of", "in", "with", "and", "or", "from", "at", "on", "to",
    "for", "who", "whose", "that", "which", "remain", "remained", "still", "often", "rarely", "often",
];

/// The words of a reading's notes that open a sentence as its verb, the
/// subject left out as notes do ("Traces race correction in spirometry back
/// to…", "Documents…", "Maps…"): a word ending in -s (not -ss, -us, -is) of
/// five letters or more that a word in lower case follows, none a subject's
/// verb or link ([`AFTER_SUBJECT`]). Such a word says what the reading
/// does, as an outcome's action verb says what students do: it is never a
/// shared word ("traces" of a spirometer's history is not the "spirometry
/// traces" students read). A word the notes also use elsewhere is kept.
fn opening_verbs(notes: &str) -> HashSet<String> {
    let toks = tokens(notes);
    let mut verbs = HashSet::new();
    let mut elsewhere = HashSet::new();
    let mut opens = true;
    for (i, (w, cap, sentence, _)) in toks.iter().enumerate() {
        let lw = w.to_lowercase();
        let verb = opens
            && *cap
            && lw.chars().count() >= 5
            && lw.ends_with('s')
            && !lw.ends_with("ss")
            && !lw.ends_with("us")
            && !lw.ends_with("is")
            && lw.chars().all(char::is_alphabetic)
            && toks.get(i + 1).is_some_and(|n| !n.1 && !AFTER_SUBJECT.contains(&n.0.to_lowercase().as_str()));
        if verb {
            verbs.insert(lw);
        } else {
            elsewhere.insert(lw);
        }
        opens = *sentence;
    }
    verbs.retain(|v| !elsewhere.contains(v));
    verbs
}

/// How many requests one thread ranks at a time in [`Proposer::rank_beside`].
const RANK_CHUNK: usize = 8;

/// How many modules (evenly spaced) and sessions per module the common
/// words are counted over: a large curriculum is estimated from a sample.
const SAMPLE_MODULES: usize = 400;
const SAMPLE_SESSIONS: usize = 40;

/// Stems used by more than a sixth of the modules (and at least three),
/// and those used by more than half of them (and at least three), counted
/// over module titles, session titles and outcomes.
fn common_stems(data: &AuditData) -> (HashSet<String>, HashSet<String>) {
    if data.modules.len() < 6 {
        return (HashSet::new(), HashSet::new());
    }
    let step = data.modules.len().div_ceil(SAMPLE_MODULES);
    let sampled: HashMap<i64, usize> = data.modules.iter().step_by(step).enumerate().map(|(i, m)| (m.id, i)).collect();
    let modules = sampled.len();
    let mut seen: Vec<HashSet<String>> = vec![HashSet::new(); modules];
    let mut sessions: Vec<usize> = vec![0; modules];
    for m in data.modules.iter().step_by(step) {
        seen[sampled[&m.id]].extend(content_terms(&m.title).into_iter().map(|t| t.0));
    }
    for it in &data.items {
        let Some(&i) = sampled.get(&it.module_id) else { continue };
        if sessions[i] < SAMPLE_SESSIONS {
            sessions[i] += 1;
            seen[i].extend(content_terms(&it.title).into_iter().map(|t| t.0));
            seen[i].extend(content_terms(&it.outcomes).into_iter().map(|t| t.0));
        }
    }
    let mut df: HashMap<String, usize> = HashMap::new();
    for s in seen {
        for stem in s {
            *df.entry(stem).or_default() += 1;
        }
    }
    let (limit, half) = ((modules / 6).max(3), (modules / 2).max(3));
    let general = df.iter().filter(|(_, n)| **n > half).map(|(s, _)| s.clone()).collect();
    (df.into_iter().filter(|(_, n)| *n > limit).map(|(s, _)| s).collect(), general)
}

/// A candidate from a reading.
pub fn candidate(r: &ReadingInfo, theme: String, score: f64, reason: Vec<String>) -> Candidate {
    Candidate {
        reading_id: r.id,
        title: r.title.clone(),
        authors: r.authors.clone(),
        year: r.year,
        theme,
        score,
        reason,
        shared: Vec::new(),
        keywords: Vec::new(),
    }
}

/// One relevant reading of a request: (reading's place, relevance, shared
/// words, the theme's keywords both have whole).
type Ranked = (usize, f64, Vec<Why>, Vec<String>);

/// A shared word: as the reading writes it, where the reading has it, as the
/// request writes it, and whether it is a word of the theme's keywords.
struct Why {
    word: String,
    field: &'static str,
    ours: String,
    theme_word: bool,
}

/// The part of `text` (a line, or a piece of one between semicolons) that
/// holds `word`, cut to about 60 characters around it; of several, the one
/// that holds the most of `all` (the shared words, each with whether it is
/// the theme's own word, which counts twice), the first of equals: the
/// reason quotes the session that shares the most with the reading
/// ("Pain assessment, analgesia and racial disparities…", not "…acute
/// abdominal pain by region"). Empty when no part holds it.
fn holder(text: &str, word: &str, all: &[(String, bool)]) -> String {
    let held = |part: &str| {
        let words: Vec<String> = normalise(part).split(' ').map(str::to_string).collect();
        words.iter().any(|w| w == word).then(|| {
            all.iter().filter(|(w, _)| words.contains(w)).map(|(_, theme)| if *theme { 2 } else { 1 }).sum::<usize>()
        })
    };
    let mut best: Option<(&str, usize)> = None;
    for part in text.lines().flat_map(|l| l.split(';')).map(str::trim) {
        if let Some(n) = held(part)
            && best.is_none_or(|b| n > b.1)
        {
            best = Some((part, n));
        }
    }
    best.map_or_else(String::new, |(p, _)| excerpt(p, 60, |w| w == word))
}

/// `text` whole when it has at most `max` characters, else the run of its
/// words around the first word (normalised) that `is_it` accepts, with
/// "…" where it is cut, in at most `max` characters: a quoted excerpt
/// always holds the word it is quoted for.
fn excerpt(text: &str, max: usize, is_it: impl Fn(&str) -> bool) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| normalise(w).split(' ').any(&is_it)) else {
        return format!("{}\u{2026}", text.chars().take(max - 1).collect::<String>().trim_end());
    };
    let len = |a: usize, b: usize| {
        words[a..b].iter().map(|w| w.chars().count() + 1).sum::<usize>() - 1
            + usize::from(a > 0)
            + usize::from(b < words.len())
    };
    let (mut a, mut b) = (at, at + 1);
    loop {
        let grown = if b < words.len() && len(a, b + 1) <= max {
            b += 1;
            true
        } else {
            false
        };
        if a > 0 && len(a - 1, b) <= max {
            a -= 1;
        } else if !grown {
            break;
        }
    }
    let body = words[a..b].join(" ");
    if len(a, b) > max {
        // One word longer than the excerpt: its first characters.
        let cut: String = body.chars().take(max.saturating_sub(2)).collect();
        return format!("{}{cut}\u{2026}", if a > 0 { "\u{2026}" } else { "" });
    }
    format!("{}{body}{}", if a > 0 { "\u{2026}" } else { "" }, if b < words.len() { "\u{2026}" } else { "" })
}

/// Whether `text` holds `word` as the proposal rule counts words: as a
/// normalised word that is the same word ([`same_word`]: case, inflection
/// and derivation aside). A quoted reason must pass this for the text it
/// quotes and for the reading.
pub fn holds_word(text: &str, word: &str) -> bool {
    let w = normalise(word);
    normalise(text).split(' ').any(|t| t == w || same_word(t, &w))
}

/// Words about the publication rather than its subject: a translator's or
/// an edition's note, the publisher, the series, a volume or chapter, and
/// boilerplate of the kind of work ("introduction", "review"). They never
/// make a reading relevant to a module (a note "translated from the French"
/// is not about DNA translation).
const BIBLIOGRAPHIC: &[&str] = &[
    "translated",
    "translation",
    "translations",
    "translator",
    "translators",
    "trans",
    "edition",
    "editions",
    "edited",
    "editor",
    "editors",
    "eds",
    "publish",
    "published",
    "publisher",
    "publishers",
    "publishing",
    "publication",
    "press",
    "volume",
    "volumes",
    "vol",
    "chapter",
    "chapters",
    "introduction",
    "introductions",
    "introductory",
    "foreword",
    "preface",
    "afterword",
    "appendix",
    "review",
    "reviews",
    "reviewed",
    "series",
    "reprint",
    "reprinted",
    "original",
    "originally",
    "revised",
    "abridged",
    "unabridged",
    "paperback",
    "hardback",
    "hardcover",
    "ebook",
    "copyright",
    "anthology",
    "collected",
    "essays",
    "book",
    "books",
    "article",
    "articles",
    "journal",
    "paper",
    "issue",
    "issues",
    "pages",
    "supplement",
    "version",
    "first",
    "second",
    "third",
    "read",
    "reading",
];

/// Words that open a bibliographic note when the next word is one of
/// [`NOTE_LINKS`] or a number: "translated from", "first published in",
/// "preface by", "2nd edition", "volume 3", "read chapter 4".
const NOTE_LINKS: &[&str] = &["by", "from", "into", "in", "as"];

fn bibliographic() -> &'static HashSet<String> {
    static STEMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| BIBLIOGRAPHIC.iter().flat_map(|w| content_terms(w)).map(|(stem, _)| stem).collect())
}

/// The subject-bearing part of a reading's notes: every clause (between
/// `.`, `;`, `:`, `,`, brackets and dashes) that is a bibliographic note
/// (a word of [`BIBLIOGRAPHIC`] followed by "by", "from", "in", "as"… or a
/// number, or next to a number: "2nd edition") is left out.
fn subject_of_notes(notes: &str) -> String {
    let mut kept = String::new();
    for clause in notes.split(['.', ';', ':', ',', '(', ')', '[', ']', '—', '–', '\n']) {
        let words: Vec<String> = clause.split_whitespace().map(super::lexicon::normalise).collect();
        let is_note = words.iter().enumerate().any(|(i, w)| {
            // The list holds the inflected forms, so no word is stemmed here.
            let bib = BIBLIOGRAPHIC.contains(&w.as_str()) || w == "ed";
            let number = |j: usize| words.get(j).is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
            bib && (words.get(i + 1).is_some_and(|n| NOTE_LINKS.contains(&n.as_str()))
                || number(i + 1)
                || (i > 0 && number(i - 1)))
        });
        if !is_note {
            kept.push_str(clause);
            kept.push('\n');
        }
    }
    kept
}

/// A reading's subject words, the title's marked: its title and the
/// subject-bearing clauses of its notes ([`subject_of_notes`]), without the
/// words about the publication ([`BIBLIOGRAPHIC`]). Authors, publisher,
/// container, series, edition and the like are never read: they say who and
/// where, not what about.
/// A reading's subject word: (stem, word as written, in the title, how the
/// text writes it).
type Term = (String, String, bool, Form);

fn reading_terms(r: &ReadingInfo) -> Vec<Term> {
    let bib = bibliographic();
    // A word in a clinical sense in the reading ("bacterial colonisation of
    // catheters") is not its subject in a theme's sense ([`clinical_words`]).
    let clinical = clinical_words(&r.title);
    let mut terms: Vec<Term> = content_terms(&r.title)
        .into_iter()
        .filter(|(s, w)| !bib.contains(s) && !clinical.contains(w))
        .map(|(s, w)| (s, w, true, Form::Free))
        .collect();
    let seen: HashSet<String> = terms.iter().map(|t| t.0.clone()).collect();
    let raw = r.annotation.as_deref().unwrap_or("");
    let notes = subject_of_notes(raw);
    let clinical = clinical_words(&notes);
    // Words only inside a proper name of the notes, and the verbs that open their sentences.
    let (names, plain) = names_in(raw);
    let verbs = opening_verbs(raw);
    for (s, w) in content_terms(&notes) {
        if !seen.contains(&s) && !bib.contains(&s) && !clinical.contains(&w) && !verbs.contains(&w) {
            let form = if names.contains(&w) && !plain.contains(&w) { Form::Name } else { Form::Plain };
            terms.push((s, w, false, form));
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::ThemeInfo;

    fn reading(id: i64, title: &str) -> ReadingInfo {
        ReadingInfo {
            id,
            title: title.into(),
            authors: vec![],
            author_names: vec![],
            year: Some(2020),
            annotation: None,
            status: "approved".into(),
            themes: vec![1],
        }
    }

    fn data() -> AuditData {
        AuditData {
            themes: vec![ThemeInfo {
                id: 1,
                slug: "t".into(),
                name: "T".into(),
                description: "Ethnic disparities, colonial medicine and race.".into(),
                keywords: [
                    "oximetry",
                    "pulse oximetry",
                    "ethnic disparities",
                    "maternal mortality",
                    "colonial medicine",
                ]
                .into_iter()
                .chain(["empire", "race correction", "history of medicine", "interpreter"])
                .map(String::from)
                .collect(),
            }],
            readings: vec![
                reading(10, "Pulse oximetry and skin pigmentation"),
                reading(11, "Race correction in kidney function estimates"),
                reading(12, "Spirometry reference equations and race"),
                reading(13, "Maternal deaths and structural racism"),
            ],
            ..Default::default()
        }
    }

    fn ask(text: &str, group: i64) -> Request {
        Request { theme: 0, text: text.into(), want: 2, group: Some(group), exclude: HashSet::new() }
    }

    #[test]
    fn work_shared_between_two_threads_comes_back_whole_and_in_order() {
        // Pieces of very different lengths, so the threads take them unevenly.
        let piece = |c: usize| (0..(c * 7919) % 5000).fold(c as u64, |h, i| h.wrapping_mul(31).wrapping_add(i as u64));
        let (got, alone) = shared_work(101, piece, || "alone");
        assert_eq!(alone, "alone");
        assert_eq!(got, (0..101).map(piece).collect::<Vec<_>>());
        let (none, _) = shared_work(0, piece, || ());
        assert!(none.is_empty());
    }

    #[test]
    fn the_index_made_on_two_threads_is_the_index_made_on_one() {
        // Enough readings for many chunks; some on two themes, some on none, some not approved.
        let mut d = data();
        d.themes.push(ThemeInfo {
            id: 2,
            slug: "u".into(),
            name: "U".into(),
            description: String::new(),
            keywords: vec!["kidney function".into()],
        });
        let titles = [
            "Pulse oximetry and skin pigmentation",
            "Race correction in kidney function estimates",
            "Maternal deaths and structural racism",
            "Spirometry reference equations",
        ];
        for i in 0..(3 * WORDS_CHUNK + 5) {
            let mut r = reading(100 + i as i64, &format!("{} {i}", titles[i % titles.len()]));
            r.annotation = (i % 3 == 0).then(|| "On kidney function and oximetry. Published by a press.".to_string());
            r.themes = match i % 5 {
                0 => vec![2, 1],
                1 => vec![],
                2 => vec![2],
                _ => vec![1],
            };
            if i % 7 == 0 {
                r.status = "suggested".into();
            }
            d.readings.push(r);
        }
        let p = Proposer::new(&d);
        // The index as one thread makes it, reading by reading.
        let col: HashMap<i64, usize> = d.themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        for (ti, (list, postings)) in p.themes.iter().enumerate() {
            let mut want_list = Vec::new();
            let mut want_postings: Postings = HashMap::new();
            for (ri, r) in d.readings.iter().enumerate().filter(|(_, r)| r.status == "approved") {
                let seq =
                    word_seq(&format!("{}\n{}", r.title, subject_of_notes(r.annotation.as_deref().unwrap_or(""))));
                for t in r.themes.iter().filter(|t| col.get(t) == Some(&ti)) {
                    let _ = t;
                    let terms = reading_terms(r);
                    for (k, (stem, _, _, _)) in terms.iter().enumerate() {
                        want_postings.entry(stem.clone()).or_default().push((want_list.len(), k));
                    }
                    want_list.push((ri, terms, p.vocab[ti].found(&seq)));
                }
            }
            let got: Vec<_> = list.iter().map(|w| (w.reading, w.terms.clone(), w.keywords.clone())).collect();
            assert_eq!(got, want_list, "theme {ti}");
            assert_eq!(postings, &want_postings, "theme {ti}");
            assert!(list.len() > WORDS_CHUNK, "theme {ti} has {} readings", list.len());
        }
        assert_eq!(p.common, common_stems(&d).0);
    }

    #[test]
    fn ranked_on_another_thread_then_assigned_is_what_propose_after_gives() {
        let d = data();
        let p = Proposer::new(&d);
        let asks = [
            ask("Pulse oximetry in the intensive care unit", 1),
            ask("Oximetry and race correction", 2),
            ask("Maternal mortality and ethnic disparities", 1),
            ask("Race correction in spirometry", 3),
        ];
        // Reading 10 already proposed to group 1 elsewhere in the list.
        let taken = [(Some(1), 10), (Some(4), 11)];
        let whole = p.propose_after(&asks, &taken);
        let ranking = std::thread::scope(|s| s.spawn(|| p.rank(&asks)).join().ok()).unwrap_or_else(|| p.rank(&asks));
        let halves = p.assign(&asks, ranking, &taken);
        assert_eq!(format!("{halves:?}"), format!("{whole:?}"));
        // Ranked on two threads (more requests than one thread's share), this one busy first.
        let many: Vec<Request> = (0..3 * RANK_CHUNK + 1).map(|i| asks[i % asks.len()].clone()).collect();
        let (ranking, here) = p.rank_beside(&many, || 7);
        assert_eq!(here, 7);
        assert_eq!(format!("{:?}", p.assign(&many, ranking, &taken)), format!("{:?}", p.propose_after(&many, &taken)));
        assert!(whole.iter().any(|c| !c.is_empty()), "{whole:?}");
        // What is taken counts: without it, group 1 may have reading 10 again.
        assert!(!whole[0].iter().any(|c| c.reading_id == 10), "{whole:?}");
        // A ranking of more requests than given proposes nothing out of place.
        let fewer = p.assign(&asks[..1], p.rank(&asks), &taken);
        assert_eq!(fewer.len(), 1);
        assert_eq!(format!("{:?}", fewer[0]), format!("{:?}", p.propose_after(&asks[..1], &taken)[0]));
    }

    #[test]
    fn relevant_readings_only_with_their_shared_words() {
        let d = data();
        let p = Proposer::new(&d);
        // One shared word counts when it is a theme keyword ("oximetry"), not otherwise ("function").
        let got =
            p.propose(&[ask("Oximetry in the intensive care unit", 1), ask("Fracture clinics and lung function", 2)]);
        assert_eq!(got[0].len(), 1, "{:?}", got[0]);
        assert_eq!(got[0][0].reading_id, 10);
        assert_eq!(got[0][0].reason, ["oximetry"]);
        assert!(got[0][0].score >= FLOOR);
        assert!(got[1].is_empty(), "nothing shared, nothing proposed: {:?}", got[1]);
    }

    #[test]
    fn a_word_in_a_clinical_sense_is_never_shared() {
        // Suggest's rule (lexicon::CLINICAL_SENSES): "colonial morphology" and
        // "MRSA colonisation" are microbiology, in a session or in a reading.
        let mut d = data();
        d.readings.push(reading(30, "Colonial medicine in Egypt, 1882-1914"));
        d.readings.push(reading(31, "Bacterial colonisation and colonial empire"));
        let p = Proposer::new(&d);
        let got = p.propose(&[
            ask("Colonial morphology on agar plates", 1),
            ask("MRSA colonisation and decolonisation", 2),
            ask("Colonial medicine and empire", 3),
        ]);
        assert!(got[0].is_empty(), "colonial morphology is no colonial medicine: {:?}", got[0]);
        assert!(got[1].is_empty(), "MRSA colonisation is no colonisation: {:?}", got[1]);
        // The same words in the theme's sense still find the readings.
        let ids: Vec<i64> = got[2].iter().map(|c| c.reading_id).collect();
        assert!(ids.contains(&30), "{:?}", got[2]);
        // And a reading's own clinical word is not its subject: reading 31 shares
        // "colonial" and "empire", never "colonisation".
        let r31 = got[2].iter().find(|c| c.reading_id == 31).expect("reading 31 shares colonial and empire");
        assert!(!r31.reason.iter().any(|w| w.starts_with("colonis")), "{:?}", r31.reason);
        assert_eq!(p.theme_words_in(0, "Colonial morphology on agar plates"), Vec::<String>::new());
        assert!(p.theme_words_in(0, "Colonial medicine").contains(&"colonial".to_string()));
    }

    #[test]
    fn notes_about_the_publication_never_match_and_the_reason_says_where() {
        let mut d = data();
        let mut note = |id: i64, title: &str, notes: &str| {
            let mut r = reading(id, title);
            r.annotation = Some(notes.into());
            d.readings.push(r);
        };
        // Translator, edition, series, volume and boilerplate: none about the subject.
        note(
            20,
            "Black Skin, White Masks",
            "Translated from the French by Charles Lam Markmann; first published in 1952.",
        );
        note(
            21,
            "Orientalism",
            "25th anniversary edition, with a new preface; volume 3 of the Penguin Modern Classics series.",
        );
        note(
            22,
            "The Wretched of the Earth",
            "A review and introduction; read chapter 3 (translation by Richard Philcox).",
        );
        // A real match, in the notes, beside a bibliographic clause.
        note(
            23,
            "Medicine and empire",
            "How colonial doctors framed tropical disease; translated from the French by A. B.",
        );
        let p = Proposer::new(&d);
        let got = p.propose(&[
            ask("DNA transcription and translation\nDescribe translation of mRNA into protein; Read chapter 3 of the textbook", 1),
            ask("Introduction to the module: review of the first volume\nSeries of lectures, 2nd edition", 2),
            ask("Tropical disease in colonial Africa\nExplain how colonial doctors described disease", 3),
        ]);
        assert!(got[0].is_empty(), "a translator's note is not about translation: {:?}", got[0]);
        assert!(got[1].is_empty(), "boilerplate matched: {:?}", got[1]);
        let c = got[2].iter().find(|c| c.reading_id == 23).unwrap_or_else(|| panic!("real match lost: {:?}", got[2]));
        assert!(c.score >= FLOOR);
        // Every reason word is named with where it is, in the reading and in the module.
        assert_eq!(c.reason.len(), c.shared.len());
        assert!(c.shared.iter().all(|s| !s.with.is_empty()), "{:?}", c.shared);
        assert!(c.shared.iter().all(|s| !["translated", "french"].contains(&s.word.as_str())), "{:?}", c.shared);
        let colonial = c.shared.iter().find(|s| s.word == "colonial").unwrap();
        assert_eq!(colonial.field, "notes");
        assert_eq!(colonial.with, "Tropical disease in colonial Africa");
        let empire = p.propose(&[ask("Colonial rule and the British empire", 4)]);
        let e = empire[0].iter().find(|c| c.reading_id == 23).unwrap_or_else(|| panic!("{:?}", empire[0]));
        assert!(e.shared.iter().any(|s| s.word == "empire" && s.field == "title"));
        assert!(
            e.why().contains(
                "\u{201c}empire\u{201d} (in its title and in \u{201c}Colonial rule and the British empire\u{201d})"
            ),
            "{}",
            e.why()
        );
    }

    #[test]
    fn a_bibliographic_clause_is_dropped_a_subject_clause_kept() {
        let kept = subject_of_notes(
            "The chapter 'Medicine and Colonialism' explains distrust; first published in French in 1959. \
             Translated by Haakon Chevalier, 2nd edition.",
        );
        assert!(kept.contains("Medicine and Colonialism") && kept.contains("distrust"), "{kept}");
        assert!(!kept.contains("French") && !kept.contains("Haakon") && !kept.contains("edition"), "{kept}");
    }

    #[test]
    fn stems_count_only_as_the_same_word() {
        for (a, b) in [
            ("experiments", "experiences"),
            ("interpreter", "interpreting"),
            ("inequities", "inequalities"),
            // Derivations that change the meaning: a base too short, or a false friend.
            ("organ", "organism"),
            ("human", "humanism"),
            ("minor", "minority"),
            ("social", "socialism"),
            ("capital", "capitalism"),
            ("public", "publicity"),
            ("national", "nationalism"),
            ("special", "specialist"),
            ("racial", "racism"),
            ("colonial", "colonise"),
        ] {
            assert!(!same_word(a, b), "{a} ~ {b}");
            assert!(!same_word(b, a), "{b} ~ {a}");
        }
        for (a, b) in [
            ("colonial", "colonials"),
            ("race", "raced"),
            ("ethnic", "ethnical"),
            ("shape", "shaping"),
            // Derivations that keep the meaning.
            ("ethnic", "ethnicity"),
            ("Ethnic", "ethnicities"),
            ("colonial", "colonialism"),
            ("colonialism", "colonialist"),
            ("sexual", "sexuality"),
            ("diverse", "diversity"),
            ("eugenic", "eugenicist"),
            ("conscious", "consciousness"),
        ] {
            assert!(same_word(a, b), "{a} !~ {b}");
            assert!(same_word(b, a), "{b} !~ {a}");
        }
        assert!(weak().contains(&content_terms("showing")[0].0));
    }

    #[test]
    fn a_derived_word_makes_a_proposal_as_the_word_itself_does() {
        // "ethnic" in the reading, "ethnicity" in the session: shared, and shown as the reason.
        let mut d = data();
        d.readings = vec![reading(20, "Ethnic disparities in perinatal outcomes")];
        let got = Proposer::new(&d).propose(&[ask("Ethnicity and perinatal care", 0)]);
        assert_eq!(got[0].len(), 1, "{got:?}");
        let why: Vec<&str> = got[0][0].shared.iter().map(|w| w.word.as_str()).collect();
        assert!(why.iter().any(|w| w.eq_ignore_ascii_case("ethnic")), "{why:?}");
        // A false friend does not: "social" is not "socialism".
        d.readings = vec![reading(21, "Socialism and perinatal statistics")];
        let got = Proposer::new(&d).propose(&[ask("Social perinatal care", 0)]);
        assert!(got[0].is_empty(), "{got:?}");
        assert!(weak().contains(&content_terms("showing")[0].0));
    }

    #[test]
    fn a_short_list_still_gets_its_exact_match() {
        let mut d = data();
        let keep = d.readings.iter().find(|r| r.status == "approved").map(|r| r.id);
        d.readings.retain(|r| Some(r.id) == keep);
        let only = d.readings[0].title.clone();
        let p = Proposer::new(&d);
        let got = p.propose(&[ask(&only, 0)]);
        assert_eq!(got[0].len(), 1, "{only}: {got:?}");
        // The acceptance tester's case: one approved reading, a session on its subject.
        let mut d = data();
        d.readings = vec![reading(20, "Maternal mortality and morbidity in the UK: ethnic disparities")];
        let got = Proposer::new(&d).propose(&[ask("Maternal mortality and ethnicity", 0)]);
        assert_eq!(got[0].iter().map(|c| c.reading_id).collect::<Vec<_>>(), vec![20]);
        // Two readings: a word used by one of them (exactly half) counts, as the methods page says.
        d.readings.push(reading(21, "Spirometry reference equations"));
        let got = Proposer::new(&d).propose(&[ask("Maternal mortality and ethnicity", 0)]);
        assert_eq!(got[0].iter().map(|c| c.reading_id).collect::<Vec<_>>(), vec![20]);
    }

    #[test]
    fn the_methods_page_states_the_rule_the_code_applies() {
        let r = rule();
        let text = super::super::glossary::proposal_rule(&r);
        assert!(text.contains(&format!("at least {COMMON_WORD_MIN_READINGS} approved readings")), "{text}");
        assert!(text.contains("more than half") && !text.contains("half or more"), "{text}");
        assert!(text.contains(&format!("at least {FLOOR}")) && text.contains(&format!("{SPREAD} modules")), "{text}");
        assert!(text.contains(&format!("at least {MIN_SHARED_WORDS} shared words")), "{text}");
        assert!(text.contains(&format!("{TITLE_WEIGHT} times")), "{text}");
        assert!(text.contains(&format!("at least {DERIVATION_MIN_LETTERS} letters")), "{text}");
        for e in INFLECTIONS.iter().chain(DERIVATIONS) {
            assert!(text.contains(&format!("-{e},")) || text.contains(&format!("-{e})")), "-{e}: {text}");
        }
        assert!(text.contains("shaped"), "{text}");
    }

    #[test]
    fn a_word_of_a_keyword_phrase_is_not_the_keyword() {
        let mut d = data();
        d.readings = vec![reading(20, "A history of psychiatry"), reading(21, "History of medicine and empire")];
        let p = Proposer::new(&d);
        // "history" alone: one shared word, and the keyword is the phrase "history of medicine".
        let got = p.propose(&[ask("History of psychiatric classification and drapetomania", 1)]);
        assert!(got[0].is_empty(), "{got:?}");
        // The whole phrase in both: proposed, and the keyword is named.
        let got = p.propose(&[ask("The history of medicine in the curriculum", 2)]);
        assert_eq!(got[0].iter().map(|c| c.reading_id).collect::<Vec<_>>(), vec![21], "{got:?}");
        assert_eq!(got[0][0].keywords, ["history of medicine"]);
    }

    #[test]
    fn a_reading_on_the_theme_is_proposed_where_it_shares_the_modules_subject() {
        // MIN_THEME_WORDS is 0: the reading is on the theme already; two
        // shared words of substance show it is about what the module teaches.
        let mut d = data();
        d.readings = vec![reading(20, "Invisible women: drug trials and heart disease")];
        let got = Proposer::new(&d).propose(&[ask("Heart failure drugs and trials of heart disease", 1)]);
        assert_eq!(got[0].iter().map(|c| c.reading_id).collect::<Vec<_>>(), vec![20], "{got:?}");
        assert!(got[0][0].shared.len() >= MIN_SHARED_WORDS, "{got:?}");
        // One shared word is not enough.
        let got = Proposer::new(&d).propose(&[ask("Heart sounds", 1)]);
        assert!(got[0].is_empty(), "{got:?}");
        // A word of a keyword among the shared words is marked as the theme's.
        d.readings = vec![reading(21, "Ethnic differences in drug trials")];
        let got = Proposer::new(&d).propose(&[ask("Ethnic differences in heart failure drug trials", 1)]);
        assert_eq!(got[0].len(), 1, "{got:?}");
        let c = &got[0][0];
        assert!(c.shared.iter().any(|s| s.theme_word && s.word == "ethnic"), "{:?}", c.shared);
        assert!(c.shared.iter().filter(|s| s.word != "ethnic").all(|s| !s.theme_word), "{:?}", c.shared);
    }

    #[test]
    fn a_quoted_text_holds_every_word_quoted_from_it() {
        // Issue 13 (13k): a theme-level gap matched "irish" (from the keyword
        // "irish travellers") and quoted the description as where it was.
        let description = "How race, ethnicity, gender, class, migration status and disability interact to \
                           shape health, and why single-axis analyses miss harms";
        let text = format!("{description}\nirish travellers\nmigrant health");
        let mut d = data();
        d.readings = vec![reading(20, "Irish travellers and disability: single-axis harms")];
        let got = Proposer::new(&d).propose(&[ask(&text, 1)]);
        let c = got[0].first().unwrap_or_else(|| panic!("{got:?}"));
        assert!(c.shared.len() >= 3, "{:?}", c.shared);
        for s in &c.shared {
            assert!(holds_word(&s.with, &s.word), "{:?} is not in {:?}", s.word, s.with);
            assert!(s.with.chars().count() <= 61, "{:?}", s.with);
        }
        let irish = c.shared.iter().find(|s| s.word.eq_ignore_ascii_case("irish")).unwrap();
        assert_eq!(irish.with, "irish travellers");
        // The brief reason names after each "as in" a text that holds the words before it.
        let brief = c.why_brief();
        assert!(brief.contains(", as in \u{201c}"), "{brief}");
        for group in brief.split("; ") {
            // The words after "also" are quoted from no text.
            let Some((words, quoted)) = group.split_once(", as in \u{201c}") else { continue };
            assert!(quoted.chars().count() <= 47, "{brief}");
            for w in words.split('\u{201c}').skip(1).filter_map(|p| p.split('\u{201d}').next()) {
                assert!(holds_word(quoted, w), "{w:?} quoted as in {quoted:?}: {brief}");
            }
        }
        // An excerpt of a long text is cut around the word it is for.
        let e = excerpt(description, 45, |w| w == "disability");
        assert!(e.contains("disability") && e.starts_with('\u{2026}') && e.chars().count() <= 45, "{e}");
        assert_eq!(excerpt("short text", 45, |w| w == "text"), "short text");
        let e = excerpt(description, 45, |w| w == "how");
        assert!(e.starts_with("How race") && e.ends_with('\u{2026}'), "{e}");
    }

    #[test]
    fn a_shared_word_is_shown_where_the_module_has_that_word() {
        let mut d = data();
        d.readings = vec![reading(20, "Structural racism and ethnic disparities: health inequities")];
        let text = "Frequent attenders and health inequalities in the ED\nEthnic disparities and health inequities";
        let got = Proposer::new(&d).propose(&[ask(text, 1)]);
        let c = got[0].first().unwrap_or_else(|| panic!("{got:?}"));
        let ineq = c.shared.iter().find(|s| s.word == "inequities").unwrap_or_else(|| panic!("{:?}", c.shared));
        assert_eq!(ineq.with, "Ethnic disparities and health inequities");
        for s in &c.shared {
            assert!(normalise(&s.with).split(' ').any(|w| same_word(w, &s.word)), "{s:?}");
        }
    }

    #[test]
    fn a_brief_reason_shows_each_quoted_word_as_the_quote_writes_it() {
        // Issue 13 (13n): the reading's "disparity" was shown before a quote
        // of the session's "racial disparities in analgesia".
        let mut d = data();
        d.readings = vec![reading(20, "Racial disparity in analgesia: a review of inequity")];
        let text = "Pain assessment, analgesia and racial disparities in analgesia prescribing";
        let got = Proposer::new(&d).propose(&[ask(text, 1)]);
        let c = got[0].first().unwrap_or_else(|| panic!("{got:?}"));
        let disparity = c.shared.iter().find(|s| s.word == "disparity").unwrap_or_else(|| panic!("{:?}", c.shared));
        assert_eq!(disparity.module_word, "disparities");
        let brief = c.why_brief();
        let (words, quoted) = brief.split_once(", as in \u{201c}").unwrap_or_else(|| panic!("{brief}"));
        assert!(
            words.contains("\u{201c}disparities\u{201d}") && !words.contains("\u{201c}disparity\u{201d}"),
            "{brief}"
        );
        // Every word before the quote is written in the quote as shown.
        let quoted = normalise(quoted);
        for w in words.split('\u{201c}').skip(1).filter_map(|p| p.split('\u{201d}').next()) {
            assert!(quoted.split(' ').any(|q| q == normalise(w)), "{w:?} is not written so in {quoted:?}: {brief}");
        }
    }

    #[test]
    fn a_full_reason_names_each_texts_own_form_of_a_word() {
        // The CLI's and web's reason ("why") named the reading's "disparity"
        // as being in a session that writes "disparities".
        let mut d = data();
        d.readings = vec![reading(20, "Racial disparity in analgesia: a review of inequity")];
        let text = "Pain assessment, analgesia and racial disparities in analgesia prescribing";
        let got = Proposer::new(&d).propose(&[ask(text, 1)]);
        let c = got[0].first().unwrap_or_else(|| panic!("{got:?}"));
        let why = c.why();
        let group = why.split("; ").find(|g| g.contains("disparit")).unwrap_or_else(|| panic!("{why}"));
        let (reading_part, module_part) = group.split_once(" in its title, ").unwrap_or_else(|| panic!("{why}"));
        assert_eq!(reading_part, "\u{201c}disparity\u{201d}", "{why}");
        let (module_word, quote) = module_part.split_once(" in \u{201c}").unwrap_or_else(|| panic!("{why}"));
        assert_eq!(module_word, "\u{201c}disparities\u{201d}", "{why}");
        assert!(normalise(quote).split(' ').any(|w| w == "disparities"), "{why}");
        // A word both write alike keeps the short form.
        assert!(why.contains("\u{201c}analgesia\u{201d} (in its title and in \u{201c}"), "{why}");
    }

    #[test]
    fn an_outcome_verb_is_not_subject_matter() {
        for v in ["interpret", "Interpreting", "describes", "planned", "analysed", "evaluate"] {
            assert!(action_verb(v), "{v}");
        }
        for w in ["interpreter", "interpreters", "description", "ethnicity", "history"] {
            assert!(!action_verb(w), "{w}");
        }
        let d = data();
        let p = Proposer::new(&d);
        assert!(p.theme_words_in(0, "Interpreting the chest X-ray; interpret an ECG").is_empty());
        assert_eq!(p.theme_words_in(0, "Consulting through an interpreter"), ["interpreter"]);
        assert_eq!(p.theme_words_in(0, "Ethnicity-based drug choice"), ["ethnicity"]);
    }

    #[test]
    fn a_generic_word_is_no_shared_word_and_a_common_keyword_alone_no_relevance() {
        // Issue 13 (13p): "early", "education", "teaching" are not a subject.
        let mut d = data();
        d.readings = vec![reading(20, "Early education and teaching of dermatology")];
        let got = Proposer::new(&d).propose(&[ask("Early pregnancy loss; medical education and peer teaching", 1)]);
        assert!(got[0].is_empty(), "{got:?}");
        for w in ["knowledge", "anatomy", "literature", "project", "illness", "later", "counts", "surveyed"] {
            assert!(weak().contains(&content_terms(w)[0].0), "{w}");
        }
        // A one-word keyword most of the theme's readings use is the theme's subject, not the reading's.
        let mut d = data();
        d.themes[0].keywords.push("racism".into());
        // Three readings in eleven use it.
        d.readings = (0..10)
            .map(|i| {
                let title = if i < 3 { format!("Racism and topic{i} of care") } else { format!("Topic{i} of care") };
                reading(40 + i, &title)
            })
            .collect();
        let got = Proposer::new(&d).propose(&[ask("Racism in the workforce", 1)]);
        assert!(got[0].is_empty(), "{got:?}");
        // A rare one ("oximetry", one reading in ten) in the reading's title is.
        d.readings.push(reading(60, "Pulse oximetry and pigmentation"));
        let got = Proposer::new(&d).propose(&[ask("Oximetry in the intensive care unit", 1)]);
        assert_eq!(got[0].iter().map(|c| c.reading_id).collect::<Vec<_>>(), vec![60], "{got:?}");
    }

    #[test]
    fn the_quote_is_the_text_that_shares_the_most_words() {
        let all = [("pain".to_string(), false), ("racial".to_string(), true)];
        let text = "Describe the causes of acute abdominal pain by region\nPain and racial disparities in analgesia";
        assert_eq!(holder(text, "pain", &all), "Pain and racial disparities in analgesia");
        assert_eq!(holder("Pain by region\nPain scores", "pain", &all[..1]), "Pain by region");
    }

    #[test]
    fn weak_words_alone_make_no_proposal() {
        let mut d = data();
        d.readings = (0..6).map(|i| reading(30 + i, &format!("Topic{i} showing how history shaped things"))).collect();
        d.readings.push(reading(40, "Showing what shaped experiments"));
        let got = Proposer::new(&d).propose(&[ask("Showing what shaped experiences of care", 0)]);
        assert!(got[0].is_empty(), "{got:?}");
    }

    #[test]
    fn one_reading_is_not_the_answer_to_every_module() {
        let d = data();
        let p = Proposer::new(&d);
        let asks: Vec<Request> = (0..6).map(|g| ask("Kidney function, eGFR and race correction", g)).collect();
        let got = p.propose(&asks);
        let with: usize = got.iter().filter(|c| c.iter().any(|c| c.reading_id == 11)).count();
        assert_eq!(with, SPREAD);
    }

    #[test]
    fn a_word_qualified_apart_in_each_text_is_in_two_senses() {
        let q = |t: &str| qualifiers(t);
        let stem = |w: &str| super::super::stem::stem(w).into_owned();
        let senses = |a: &str, b: &str, w: &str| two_senses(q(a).get(&stem(w)), q(b).get(&stem(w)));
        assert!(senses("Describe the menstrual cycle", "Breaking the cycle of poverty", "cycle"));
        assert!(senses("Cycle of poverty", "The cell cycle", "cycle"));
        // Two terms are two kinds of one thing; the same word qualifies both.
        assert!(!senses("Maternal mortality", "Newborn mortality", "mortality"));
        assert!(!senses("The poverty cycle", "Breaking the cycle of poverty", "cycle"));
        // The word alone once in either text shares it.
        assert!(!senses("Poverty: a cycle", "Cycle of poverty", "cycle"));
        assert!(!senses("The menstrual cycle", "Breaking the cycle of the poverty; a cycle", "cycle"));
        // A stop word, a number or an action verb before the word makes no term.
        assert!(!senses("Explain the cycle", "Breaking the cycle of poverty", "cycle"));
        assert!(!senses("Describe cycle 2", "the cycle of poverty", "cycle"));
    }

    #[test]
    fn words_for_people_in_general_are_generic() {
        for w in ["groups", "group", "populations", "individuals", "members"] {
            let stem = content_terms(w).first().map(|t| t.0.clone()).unwrap();
            assert!(weak().contains(&stem), "{w}");
        }
        // A word that only shares a stem with one of them is not ("personal", "communication").
        for w in ["communication", "popular"] {
            let stem = content_terms(w).first().map(|t| t.0.clone()).unwrap();
            assert!(!weak().contains(&stem), "{w}");
        }
    }
}
