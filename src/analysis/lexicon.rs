//! Matching theme lexicons against text: whole words and phrases, ignoring
//! case, punctuation and hyphens, with British and American spellings taken
//! as one and word stems matched (plurals, and for longer words their other
//! forms: "colonialism" finds "colonial").

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

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

/// British spellings of medical words whose American form drops the `a` or
/// `o` of the digraph (haematology, hypoxaemia, paediatric, oesophagus):
/// (American part, British part). [`spellings`] tries each where it occurs.
const DIGRAPHS: &[(&str, &str)] = &[
    ("hem", "haem"),
    ("emia", "aemia"),
    ("emic", "aemic"),
    ("ped", "paed"),
    ("esoph", "oesoph"),
    ("edema", "oedema"),
    ("estr", "oestr"),
    ("fet", "foet"),
    ("gynec", "gynaec"),
    ("anesth", "anaesth"),
    ("etiol", "aetiol"),
    ("cesar", "caesar"),
    ("fec", "faec"),
    ("celiac", "coeliac"),
    ("rrhea", "rrhoea"),
    ("pnea", "pnoea"),
    ("ischem", "ischaem"),
    ("leukem", "leukaem"),
    ("archeo", "archaeo"),
    ("paleo", "palaeo"),
    ("medieval", "mediaeval"),
    ("encyclopedi", "encyclopaedi"),
];

/// The spellings of one word that [`fold_word`] takes as the same word, the
/// word itself first: "decolonizing" gives "decolonising" too, "hematology"
/// "haematology", "colour" "color". For a search over text as written (a
/// full-text index does not fold), each is looked for. Lower-case words of
/// ASCII letters only; anything else is returned alone.
pub fn spellings(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return vec![word.to_string()];
    }
    let target = fold_word(&w).into_owned();
    // American forms: the word folded; British forms: the folded word with an
    // ending or a whole word put back, and with digraphs put back.
    let mut american = vec![target.clone()];
    for (uk, us) in WORDS {
        if *us == target {
            american.push((*uk).to_string());
        }
    }
    for (uk, us) in ENDINGS {
        if let Some(stem) = target.strip_suffix(us)
            && stem.len() >= 3
        {
            american.push(format!("{stem}{uk}"));
        }
    }
    let mut out = vec![word.to_string()];
    let mut add = |c: String| {
        if c != w && !out.contains(&c) && fold_word(&c) == target.as_str() {
            out.push(c);
        }
    };
    for a in american {
        add(a.clone());
        for (us, uk) in DIGRAPHS {
            if let Some(at) = a.find(us) {
                add(format!("{}{uk}{}", &a[..at], &a[at + us.len()..]));
            }
        }
    }
    out
}

/// A text normalised (see [`normalise`]), folded word by word (see
/// [`fold_word`]) and stemmed (see [`stem`](super::stem::stem)), remembering
/// where each word came from in the original.
pub struct Folded {
    /// The stems, one space between them.
    pub text: String,
    /// Per word: its start in `text`, and its byte span in the original.
    words: Vec<(usize, usize, usize)>,
    /// Per word: the folded word before stemming.
    folded: Vec<String>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        Folded::with_cache(original, &mut HashMap::new())
    }

    /// As [`Folded::new`], remembering each word's (folded, stem) in `cache`:
    /// a curriculum repeats its words, so most are stemmed once.
    fn with_cache(original: &str, cache: &mut HashMap<String, (String, String)>) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut words = Vec::new();
        let mut folded = Vec::new();
        for (from, to, word) in tokens(original) {
            if !text.is_empty() {
                text.push(' ');
            }
            words.push((text.len(), from, to));
            let (f, stem) = match cache.get(word.as_str()) {
                Some(hit) => hit.clone(),
                None => {
                    let f = fold_word(&word).into_owned();
                    let stem = lexicon_stem(&f);
                    if word.len() <= 64 && cache.len() < 1 << 16 {
                        cache.insert(word.clone(), (f.clone(), stem.clone()));
                    }
                    (f, stem)
                }
            };
            text.push_str(&stem);
            folded.push(f);
        }
        Folded { text, words, folded }
    }

    /// The index of the word starting at byte `start` of `text`.
    fn word_at(&self, start: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.0 < start);
        (self.words.get(i)?.0 == start).then_some(i)
    }

    /// The original text of the stemmed bytes `start..end` (whole words).
    fn original<'a>(&self, original: &'a str, start: usize, end: usize) -> &'a str {
        let first = self.words.partition_point(|w| w.0 < start);
        let last = self.words.partition_point(|w| w.0 < end).saturating_sub(1);
        match (self.words.get(first), self.words.get(last)) {
            (Some(a), Some(b)) if first <= last => &original[a.1..b.2],
            _ => "",
        }
    }
}

/// Whether `c` is an apostrophe: typewriter, typographic or modifier letter.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The words of a text, lower case: (byte start, byte end, word). A
/// possessive "s" ("women's", "user’s") is no word of its own but part of
/// the word before it, so "women's health" reads as "womens health" does.
fn tokens(original: &str) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    let mut word = String::new();
    let push = |out: &mut Vec<(usize, usize, String)>, word: &mut String, from: usize, to: usize| {
        let possessive = word == "s"
            && out.last().is_some_and(|p| {
                let gap = &original[p.1..from];
                gap.chars().count() == 1 && gap.chars().all(is_apostrophe)
            });
        match out.last_mut() {
            Some(p) if possessive => p.1 = to,
            _ => out.push((from, to, std::mem::take(word))),
        }
        word.clear();
    };
    for (i, c) in original.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            word.extend(c.to_lowercase());
        } else if let Some(s) = start.take() {
            push(&mut out, &mut word, s, i);
        }
    }
    if let Some(s) = start {
        push(&mut out, &mut word, s, original.len());
    }
    out
}

/// The stem a keyword and a text are compared by: the Porter stem, except
/// that a singular ending in -ias, -us or -is is stemmed as its plural, since
/// Porter takes its final "s" for a plural's ("bias" becomes "bia" but
/// "biases" "bias"; "status", "virus", "syphilis" likewise), and a keyword
/// would then never find the plural of its word.
fn lexicon_stem(folded: &str) -> String {
    if folded.len() > 3 && ["ias", "us", "is"].iter().any(|e| folded.ends_with(e)) && !folded.ends_with("ous") {
        super::stem::stem(&format!("{folded}es")).into_owned()
    } else {
        super::stem::stem(folded).into_owned()
    }
}

/// Normalises, folds and stems a text: what keywords and text are compared as.
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// A keyword word at least this long may match any word with the same stem
/// ("colonialism" finds "colonial"); a shorter one matches itself and its
/// plural only, since short words share stems with unrelated ones ("empire"
/// and "empirical" are both "empir").
pub const STEM_MIN_LEN: usize = 7;

/// A keyword word whose stem is shorter than this matches itself and its
/// plural only: "colonisation" and "colonised" stem to "colon", which is
/// also the bowel.
pub const STEM_MIN_STEM: usize = 6;

/// Whether a keyword word may match any word of its stem: long enough, its
/// stem long enough, not a word with a clinical sense ([`CLINICAL_SENSES`]:
/// "culture" is not "cultural"), and not an agent noun, whose stem is a verb
/// ("interpreter" and "interpret").
fn stems_freely(w: &str) -> bool {
    // A word with a clinical sense matches itself only, where its context is read.
    w.chars().count() >= STEM_MIN_LEN
        && !CLINICAL_SENSES.iter().any(|(c, _, _)| number_forms(w, c))
        && !["er", "or", "ers", "ors"].iter().any(|e| w.ends_with(e))
        && lexicon_stem(w).chars().count() >= STEM_MIN_STEM
}

/// Words that share a Porter stem with a keyword word but not its sense,
/// as (the keyword word's beginning, the words it never finds by stem):
/// "colonial" and "colony" are both "coloni", and a colony of bacteria
/// ("colony-forming units") is no colonial history. A keyword that is the
/// word itself still finds it.
pub const STEM_EXCLUSIONS: &[(&str, &[&str])] = &[
    ("coloni", &["colony", "colonies"]),
    ("cultur", &["culture", "cultures", "cultured", "culturing"]),
    // Geronimus's weathering (the body's wear from discrimination) is not the
    // weather of "Weather and asthma", nor weathered skin.
    ("weather", &["weather", "weathers", "weathered"]),
];

/// The rule of [`STEM_EXCLUSIONS`] for two words that share a Porter stem
/// (a search query's word `a` and a word of the text `b`, or the other way
/// round): they are the same word unless exactly one of them is a word that
/// shares the stem but not the sense. "colonies" finds "colony" but not
/// "colonial" or "colonialism"; "colonial" finds "colonialism" but not
/// "colonies". Words are compared lower-cased.
pub fn stem_shares_sense(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (sa, sb) = (super::stem::stem(&a), super::stem::stem(&b));
    !STEM_EXCLUSIONS.iter().any(|(kw, other)| {
        sa.starts_with(kw) && sb.starts_with(kw) && other.contains(&a.as_str()) != other.contains(&b.as_str())
    })
}

/// Whether a word's Porter stem is one that [`stem_shares_sense`] splits: only such
/// a word's matches need reading again.
pub fn stem_is_split(word: &str) -> bool {
    let w = word.to_lowercase();
    let s = super::stem::stem(&w);
    STEM_EXCLUSIONS.iter().any(|(kw, _)| s.starts_with(kw))
}

/// Keyword words with a clinical sense beside the sense a theme means, and
/// the neighbouring words that give them the clinical one: (word, words just
/// before it, words just after it). A keyword that is one of these words
/// alone does not match where a neighbour gives the clinical sense: "culture"
/// is the group's culture in "how culture may affect health" but a
/// laboratory test in "blood culture" or "culture and sensitivity";
/// "history" is history-taking in "taking a sexual history"; "race" is no
/// ethnicity in "a race against time"; "colon" is the organ.
pub const CLINICAL_SENSES: &[(&str, &[&str], &[&str])] = &[
    (
        "culture",
        &[
            "blood",
            "urine",
            "cell",
            "tissue",
            "sputum",
            "stool",
            "faecal",
            "fecal",
            "swab",
            "wound",
            "throat",
            "bacterial",
            "viral",
            "fungal",
            "microbial",
            "csf",
            "fluid",
            "pure",
            "mixed",
            "sterile",
            "positive",
            "negative",
            "specimen",
            "aerobic",
            "anaerobic",
            "organ",
            "embryo",
            "bacteria",
            "viruses",
            "mycobacterial",
            "stem",
            "primary",
            "bone",
            "marrow",
            "pleural",
            "peritoneal",
            "synovial",
            "nasopharyngeal",
            "vaginal",
            "endocervical",
            "urethral",
            "skin",
            "culture",
            "mrsa",
            "tb",
            "gonococcal",
            "repeat",
            // An organisation's culture is not the patients' culture either.
            "safety",
            "organisational",
            "organizational",
            "team",
            "workplace",
            "blame",
            "just",
            "reporting",
            "learning",
            "corporate",
            "ward",
            "departmental",
        ],
        &[
            "medium",
            "media",
            "plate",
            "plates",
            "sensitivity",
            "sensitivities",
            "positive",
            "negative",
            "result",
            "results",
            "bottle",
            "bottles",
            "broth",
            "growth",
            "technique",
            "techniques",
            "dish",
            "dishes",
            "flask",
            "flasks",
            "system",
            "systems",
            // An organisation's culture named after it ("a culture of
            // safety", "of blame", "of candour"): no patients' culture.
            "safety",
            "blame",
            "candour",
            "candor",
            "openness",
            "silence",
            "fear",
            "bullying",
            "learning",
            "excellence",
            "reporting",
        ],
    ),
    (
        "history",
        &[
            "sexual",
            "family",
            "drug",
            "medication",
            "medical",
            "clinical",
            "past",
            "focused",
            "focussed",
            "patient",
            "natural",
            "social",
            "obstetric",
            "gynaecological",
            "gynecological",
            "psychiatric",
            "travel",
            "occupational",
            "surgical",
            "menstrual",
            "collateral",
            "developmental",
            "dietary",
            "smoking",
            "alcohol",
            "birth",
            "feeding",
            "immunisation",
            "immunization",
            "vaccination",
            "allergy",
            "full",
            "complete",
            "relevant",
            "detailed",
            "pain",
            "paediatric",
            "pediatric",
            "neurological",
            "cardiovascular",
            "respiratory",
            "gastrointestinal",
            "urological",
            "musculoskeletal",
            "take",
            "takes",
            "taking",
            "took",
            "taken",
            "obtain",
            "obtaining",
            "elicit",
            "eliciting",
            "gather",
            "gathering",
            "record",
            "recording",
        ],
        &["taking", "taker", "takers", "station", "stations", "skills", "template", "form", "examination"],
    ),
    ("race", &["arms", "rat"], &["against", "day", "horse", "car", "track", "walking"]),
    // A reader of tests, not of languages: "ECG interpreter", "interpreter
    // of ECGs", "automated interpreter" (the machine's reading).
    (
        "interpreter",
        &["ecg", "ekg", "automated", "computer", "computerised", "computerized", "machine", "image", "radiology"],
        &[
            "ecg",
            "ekg",
            "electrocardiogram",
            "electrocardiograms",
            "image",
            "images",
            "radiograph",
            "radiographs",
            "scan",
            "scans",
            "film",
            "films",
            "result",
            "results",
            "test",
            "tests",
        ],
    ),
    // Not the people: the Roma ECG criteria, the ROMA score of ovarian
    // malignancy (Risk of Ovarian Malignancy Algorithm), "Roma IV" (the Rome
    // criteria of functional gut disorders in their Spanish and Italian name).
    (
        "roma",
        &[],
        &["ecg", "ekg", "criteria", "criterion", "score", "scores", "index", "algorithm", "test", "iv", "iii", "ii"],
    ),
    (
        "colon",
        &["the", "sigmoid", "transverse", "ascending", "descending", "right", "left"],
        &["cancer", "carcinoma", "polyp", "polyps", "resection", "rectum"],
    ),
    // Microbiology: a colony's shape on a plate, and microbes or a device
    // colonised ("MRSA colonisation and decolonisation", "colonised catheter").
    ("colonial", &[], &["morphology", "morphologies", "appearance", "variant", "variants", "growth", "colony"]),
    ("colonization", MICROBIAL, MICROBIAL),
    ("colonized", MICROBIAL, MICROBIAL),
    ("colonizing", MICROBIAL, MICROBIAL),
    ("decolonization", MICROBIAL, MICROBIAL),
    ("decolonized", MICROBIAL, MICROBIAL),
    // "Deprivation" in its social sense only: not sleep, oxygen or the
    // senses deprived, nor the Mental Capacity Act's deprivation of liberty.
    (
        "deprivation",
        &[
            "sleep",
            "rem",
            "oxygen",
            "sensory",
            "visual",
            "auditory",
            "monocular",
            "androgen",
            "oestrogen",
            "estrogen",
            "hormone",
            "hormonal",
            "water",
            "fluid",
            "calorie",
            "caloric",
            "glucose",
            "nicotine",
        ],
        &["liberty", "sleep", "oxygen", "safeguard", "safeguards", "dols"],
    ),
    // Psychiatry's poverty of speech, thought or movement (alogia).
    (
        "poverty",
        &[],
        &["speech", "thought", "thoughts", "content", "movement", "movements", "ideas", "affect", "expression"],
    ),
    // An eponym: Gay-Lussac's law.
    ("gay", &[], &["lussac"]),
];

/// The neighbours that give "colonisation" and "colonised" their
/// microbiological sense: microbes, flora, sites of carriage and devices.
const MICROBIAL: &[&str] = &[
    "bacterial",
    "bacteria",
    "bacterium",
    "microbial",
    "fungal",
    "candida",
    "mrsa",
    "vre",
    "staphylococcal",
    "staphylococcus",
    "aureus",
    "streptococcal",
    "pseudomonas",
    "klebsiella",
    "microbiota",
    "microbiome",
    "flora",
    "gut",
    "intestinal",
    "skin",
    "nasal",
    "airway",
    "mucosal",
    "vaginal",
    "oropharyngeal",
    "tracheal",
    "wound",
    "urinary",
    "catheter",
    "line",
    "device",
    "implant",
    "stent",
    "agar",
    "asymptomatic",
    "carriage",
    "screening",
    "therapy",
    "protocol",
];

/// Whether the word at `i` of `words` (folded, in text order) is in a
/// clinical sense by [`CLINICAL_SENSES`]: a word just before or just after
/// it gives it that sense, looking past one "and" or "or" ("blood and urine
/// cultures", "culture and sensitivity"), before it past one article or
/// possessive ("taking a history", "take their history"), and after it past
/// "of" and one article ("deprivation of liberty", "colonisation of the gut");
/// a word after "and"/"or" takes the sense of a clinical word before it.
pub fn clinical_sense<S: AsRef<str>>(words: &[S], i: usize) -> bool {
    let Some(w) = words.get(i).map(AsRef::as_ref) else { return false };
    // Only a word of the table (or its plural) can have a clinical sense:
    // most words are no such word, and are let go before the neighbours
    // are read (`number_forms` rejects them on their first letter).
    if !CLINICAL_SENSES.iter().any(|(word, _, _)| number_forms(w, word)) {
        return false;
    }
    let conj = |j: usize| words.get(j).is_some_and(|x| matches!(x.as_ref(), "and" | "or"));
    let skip = |j: usize| {
        conj(j) || words.get(j).is_some_and(|x| matches!(x.as_ref(), "a" | "an" | "the" | "his" | "her" | "their"))
    };
    let before = |list: &[&str]| {
        let near = |j: usize| words.get(j).is_some_and(|b| list.iter().any(|x| number_forms(b.as_ref(), x)));
        i.checked_sub(1).is_some_and(|j| near(j) || (skip(j) && j.checked_sub(1).is_some_and(near)))
    };
    let after = |list: &[&str]| {
        let near = |j: usize| words.get(j).is_some_and(|a| list.iter().any(|x| number_forms(a.as_ref(), x)));
        let of = words.get(i + 1).is_some_and(|x| x.as_ref() == "of");
        near(i + 1) || (conj(i + 1) && near(i + 2)) || (of && (near(i + 2) || (skip(i + 2) && near(i + 3))))
    };
    // A word joined by "and"/"or" to a word of its own family in its clinical
    // sense shares it: "MRSA colonisation and decolonisation".
    let joined = i >= 2
        && conj(i - 1)
        && words.get(i - 2).is_some_and(|p| {
            let p = p.as_ref();
            CLINICAL_SENSES.iter().any(|(c, _, _)| number_forms(p, c) && w.contains(c.trim_end_matches('e')))
        })
        && clinical_sense(words, i - 2);
    CLINICAL_SENSES.iter().any(|(word, b, a)| number_forms(w, word) && (joined || before(b) || after(a)))
}

/// Per word of `text` (normalised as [`normalise`] splits it, empty words
/// left out, in order): whether it is in a clinical sense by
/// [`clinical_sense`], read on the folded words as `suggest` reads them
/// ("MRSA colonisation", "colonial morphology on agar plates"). The one
/// rule by which suggest and the reading proposals leave such a word out.
pub fn clinical_flags(text: &str) -> Vec<bool> {
    let folded: Vec<String> =
        normalise(text).split(' ').filter(|w| !w.is_empty()).map(|w| fold_word(w).into_owned()).collect();
    (0..folded.len()).map(|i| clinical_sense(&folded, i)).collect()
}

/// The words of `text` (normalised, as written) that are in a clinical sense
/// somewhere in it ([`clinical_flags`]).
pub fn clinical_words(text: &str) -> std::collections::HashSet<String> {
    let n = normalise(text);
    n.split(' ')
        .filter(|w| !w.is_empty())
        .zip(clinical_flags(text))
        .filter(|(_, c)| *c)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// Whether text word `t` is keyword word `w` in the singular or the plural
/// (English regular plurals: -s, -es, -y/-ies).
fn number_forms(t: &str, w: &str) -> bool {
    // Two words that are one another's singular or plural begin alike (each
    // form is the other with an ending changed): most pairs differ at once.
    if let (Some(a), Some(b)) = (t.as_bytes().first(), w.as_bytes().first())
        && a != b
    {
        return false;
    }
    fn singulars(x: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
        let ies = x.strip_suffix("ies").filter(|b| b.len() >= 2).map(|b| format!("{b}y").into());
        let es = x.strip_suffix("es").map(Into::into);
        let s = x.strip_suffix('s').filter(|_| !x.ends_with("ss")).map(Into::into);
        ies.into_iter().chain(es).chain(s)
    }
    t == w || singulars(t).any(|b| b == w) || singulars(w).any(|b| b == t)
}

/// Whether text word `t` is keyword word `w` made an adjective by -ed
/// ("gender-biased" for "gender bias", "disadvantaged" for "disadvantage"),
/// for a word with no clinical sense ("cultured" cells are no culture).
fn participle(t: &str, w: &str) -> bool {
    let formed = t.strip_suffix("ed").is_some_and(|b| b == w) || (w.ends_with('e') && t.strip_suffix('d') == Some(w));
    formed && !CLINICAL_SENSES.iter().any(|(c, _, _)| number_forms(w, c))
}

/// Prefixes that a text may write closed or with a hyphen ("antiracism",
/// "anti-racism"; "underrepresented", "under-represented").
const OPEN_PREFIXES: &[&str] = &["anti", "under", "over", "non", "post", "pre", "inter", "multi", "socio"];

/// Derivational endings a keyword word of [`STEM_MIN_LEN`] letters or more
/// may be written with instead (Porter does not join these forms:
/// "underrepresentation" is "underrepresent", "underrepresented"
/// "underrepres"): (the keyword word's ending, the endings that replace it).
/// "-ation" nouns and their verbs' participles ("under-representation",
/// "underrepresented"), "-ia" nouns and their "-ic" adjectives
/// ("Islamophobia", "Islamophobic"), "-ism" and "-ic" ("antisemitism",
/// "antisemitic").
const DERIVED_FORMS: &[(&str, &[&str])] =
    &[("ation", &["ed", "ated", "ing", "ating"]), ("ia", &["ic"]), ("ism", &["ic", "ist"])];

/// The other ways a text may write keyword `k`, besides as written: closed
/// where the keyword has a hyphen ("under-representation",
/// "underrepresentation"), with a hyphen after a prefix the keyword writes
/// closed ("antiracism", "anti-racism"), and each word of [`STEM_MIN_LEN`]
/// letters or more that stems freely in the derived forms of
/// [`DERIVED_FORMS`] ("underrepresented", "Islamophobic"). A keyword's forms
/// are one keyword: a text that has several is one hit.
pub fn written_forms(k: &str) -> Vec<String> {
    let lower = k.to_lowercase();
    let mut spellings = vec![lower.clone()];
    if lower.contains('-') {
        spellings.push(lower.replace('-', ""));
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(p) = OPEN_PREFIXES
            .iter()
            .find(|p| w.strip_prefix(**p).is_some_and(|r| r.chars().count() >= 4 && r.chars().all(char::is_alphabetic)))
        {
            let mut v = words.clone();
            let open = format!("{p}-{}", &w[p.len()..]);
            v[i] = &open;
            spellings.push(v.join(" "));
        }
    }
    let mut out: Vec<String> = spellings[1..].to_vec();
    for sp in &spellings {
        let words: Vec<&str> = sp.split_whitespace().collect();
        for (i, whole) in words.iter().enumerate() {
            // The last part of a hyphenated word is a word too ("under-representation").
            let (head, w) = whole.rsplit_once('-').map_or(("", *whole), |(h, t)| (h, t));
            if !w.chars().all(char::is_alphabetic) || !stems_freely(w) {
                continue;
            }
            for (end, instead) in DERIVED_FORMS {
                let Some(base) = w.strip_suffix(end) else { continue };
                for e in *instead {
                    let mut v: Vec<String> = words.iter().map(|x| x.to_string()).collect();
                    v[i] = if head.is_empty() { format!("{base}{e}") } else { format!("{head}-{base}{e}") };
                    out.push(v.join(" "));
                }
            }
        }
    }
    out.retain(|f| *f != lower);
    out
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

/// One keyword of a lexicon, compiled.
struct Pattern {
    theme: usize,
    keyword: String,
    phrase: bool,
    /// Per word of the keyword: its folded form, and whether the text must
    /// have that word itself (or its plural) rather than any word of its stem.
    words: Vec<(String, bool)>,
}

/// A compiled set of keywords, each belonging to one theme (by index).
pub struct Lexicon {
    matcher: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    /// Folded and stemmed words seen so far (see [`Folded::with_cache`]).
    cache: RefCell<HashMap<String, (String, String)>>,
}

impl Lexicon {
    /// `themes[i]` is the keyword list of theme `i`.
    pub fn new(themes: &[Vec<String>]) -> Lexicon {
        let mut patterns = Vec::new();
        let mut stems = Vec::new();
        for (i, kws) in themes.iter().enumerate() {
            for k in kws {
                // The keyword as written, then the other ways a text writes it
                // ([`written_forms`]), each a pattern of its own that reports the keyword.
                let mut seen: HashSet<String> = HashSet::new();
                for form in std::iter::once(k.clone()).chain(written_forms(k)) {
                    let f = Folded::new(&form);
                    if f.text.is_empty() || !seen.insert(f.text.clone()) {
                        continue;
                    }
                    let words = f.folded.iter().map(|w| (w.clone(), !stems_freely(w))).collect();
                    patterns.push(Pattern { theme: i, keyword: k.clone(), phrase: f.folded.len() > 1, words });
                    stems.push(f.text);
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
            .build(&stems)
            .ok();
        Lexicon { matcher, patterns, cache: RefCell::new(HashMap::new()) }
    }

    /// The keywords found in `text`, as (theme index, keyword), each once.
    pub fn matches(&self, text: &str) -> Vec<(usize, &str)> {
        self.hits(text).into_iter().map(|h| (h.theme, h.keyword)).collect()
    }

    /// The keywords found in `text`, each once, with the words that matched.
    /// Time is linear in the length of the text plus the number of matches
    /// times the words of the matched keyword.
    pub fn hits(&self, text: &str) -> Vec<Hit<'_>> {
        let Some(m) = &self.matcher else { return vec![] };
        let f = Folded::with_cache(text, &mut self.cache.borrow_mut());
        let bytes = f.text.as_bytes();
        let mut seen: HashSet<(usize, &str)> = HashSet::new();
        let mut out = Vec::new();
        for hit in m.find_overlapping_iter(&f.text) {
            let whole = (hit.start() == 0 || bytes[hit.start() - 1] == b' ')
                && (hit.end() == bytes.len() || bytes[hit.end()] == b' ');
            let p = &self.patterns[hit.pattern().as_usize()];
            // A keyword is found once, whichever of its written forms matched.
            if !whole || seen.contains(&(p.theme, p.keyword.as_str())) || !self.exact_words_match(&f, hit.start(), p) {
                continue;
            }
            seen.insert((p.theme, p.keyword.as_str()));
            out.push(Hit {
                theme: p.theme,
                keyword: p.keyword.as_str(),
                evidence: f.original(text, hit.start(), hit.end()).to_string(),
                phrase: p.phrase,
            });
        }
        out
    }

    /// Short keyword words match only themselves, their plural or their
    /// singular in the text ("minorities" finds "minority", "user" finds
    /// "users"); a word of a stem-matched keyword must not be one of the
    /// words that share the stem but not the sense ([`STEM_EXCLUSIONS`]).
    fn exact_words_match(&self, f: &Folded, start: usize, p: &Pattern) -> bool {
        let Some(first) = f.word_at(start) else { return false };
        p.words.iter().enumerate().all(|(i, (w, exact))| {
            f.folded.get(first + i).is_some_and(|t| {
                if *exact {
                    number_forms(t, w) || participle(t, w)
                } else {
                    number_forms(t, w)
                        || !STEM_EXCLUSIONS.iter().any(|(kw, other)| w.starts_with(kw) && other.contains(&t.as_str()))
                }
            })
        }) && !(p.words.len() == 1 && clinical_sense(&f.folded, first))
    }
}

/// Whether `w` (lower case) is one of the stop words content words leave out.
pub fn is_stop_word(w: &str) -> bool {
    STOP.contains(&w)
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
    // Words of academic and clinical prose that say nothing about what a reading is on.
    "approach",
    "case",
    "check",
    "disease",
    "evidence",
    "examining",
    "first",
    "framework",
    "free",
    "fresh",
    "include",
    "including",
    "inform",
    "learned",
    "lessons",
    "look",
    "model",
    "people",
    "patient",
    "patients",
    "practical",
    "present",
    "removed",
    "research",
    "review",
    "role",
    "student",
    "students",
    "studies",
    "study",
    "through",
    "under",
    "update",
    "updated",
    "well",
    "will",
    "able",
    "also",
    "more",
    "other",
    "some",
    "such",
    "than",
    "these",
    "those",
    "while",
    "years",
    // Common English that carries no topic.
    "three",
    "four",
    "five",
    "second",
    "third",
    "term",
    "terms",
    "reflective",
    "reflection",
    "century",
    "based",
    "change",
    "changed",
    "changes",
    "human",
    "position",
    "rather",
    "response",
    "without",
    "among",
    "after",
    "before",
    "during",
    "make",
    "makes",
    "making",
    "many",
    "most",
    "much",
    "only",
    "over",
    "same",
    "should",
    "there",
    "very",
    "would",
    "could",
    "onto",
    "upon",
    "work",
    "works",
    "working",
];

/// The content words of a text as stems (for relevance between a module and a reading).
pub fn content_words(text: &str) -> HashSet<String> {
    content_terms(text).into_iter().map(|(stem, _)| stem).collect()
}

/// The content words of a text: (stem, the word as first written), each stem
/// once, in text order. Stop words and words under four letters are left out.
pub fn content_terms(text: &str) -> Vec<(String, String)> {
    thread_local! {
        /// Stems of words seen before: a curriculum repeats its words.
        static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        for w in normalise(text).split(' ') {
            if w.chars().count() < 4 || STOP.contains(&w) || w.chars().any(|c| c.is_numeric()) {
                continue;
            }
            let stem = match cache.get(w) {
                Some(s) => s.clone(),
                None => {
                    let s = super::stem::stem(&fold_word(w)).into_owned();
                    if cache.len() < 1 << 16 {
                        cache.insert(w.to_string(), s.clone());
                    }
                    s
                }
            };
            if seen.insert(stem.clone()) {
                out.push((stem, w.to_string()));
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn spellings_give_the_other_side_of_the_atlantic() {
        use super::spellings;
        let has = |w: &str, other: &str| {
            let s = spellings(w);
            assert_eq!(s[0], w);
            assert!(s.iter().any(|x| x == other), "{w}: {s:?} lacks {other}");
        };
        has("decolonizing", "decolonising");
        has("decolonising", "decolonizing");
        has("hypoxemia", "hypoxaemia");
        has("hypoxaemia", "hypoxemia");
        has("hematology", "haematology");
        has("gynecology", "gynaecology");
        has("anesthesia", "anaesthesia");
        has("pediatric", "paediatric");
        has("color", "colour");
        has("colour", "color");
        has("centre", "center");
        has("program", "programme");
        has("esophagus", "oesophagus");
        assert_eq!(spellings("race"), vec!["race"]);
        assert_eq!(spellings("bias"), vec!["bias"]);
        assert_eq!(spellings("Ibn"), vec!["Ibn"]);
        assert_eq!(spellings("医学"), vec!["医学"]);
    }

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
    fn long_words_match_by_stem_short_ones_only_themselves() {
        let lx =
            Lexicon::new(&[vec!["colonialism".into(), "empire".into(), "disability".into(), "interpreter".into()]]);
        let m = lx.hits("Colonial medicine; empirical evidence; disabled students; the empires; interpreting an ECG");
        let got: Vec<&str> = m.iter().map(|h| h.evidence.as_str()).collect();
        assert_eq!(got, ["Colonial", "disabled", "empires"]);
    }

    #[test]
    fn a_very_long_keyword_compiles_and_matches() {
        // A 16,000-character keyword once took seconds to compile (issue 11); bench/run.sh times it.
        let long = "a".repeat(16_000);
        let text = format!("x {long} y");
        let lx = Lexicon::new(&[vec![long.clone(), format!("{long} y")]]);
        assert_eq!(lx.matches(&text).len(), 2);
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
        assert_eq!(fold("Analyse the colours of the centre"), fold("analyze the colors of the center"));
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
    fn singular_and_plural_match_both_ways() {
        for (t, w) in [("minority", "minorities"), ("minorities", "minority"), ("users", "user"), ("user", "users")] {
            assert!(number_forms(t, w), "{t} / {w}");
        }
        for (t, w) in [("minor", "minority"), ("use", "user"), ("colony", "colonies_x")] {
            assert!(!number_forms(t, w), "{t} / {w}");
        }
        let lx = Lexicon::new(&[vec!["ethnic minorities".into(), "wheelchair user".into(), "unconscious bias".into()]]);
        let got: Vec<String> = lx
            .hits("Ethnic-minority patients; wheelchair users; unconscious biases")
            .into_iter()
            .map(|h| h.evidence)
            .collect();
        assert_eq!(got, ["Ethnic-minority", "wheelchair users", "unconscious biases"]);
    }

    #[test]
    fn a_possessive_is_part_of_its_word() {
        let lx = Lexicon::new(&[vec!["women's health".into(), "wheelchair users".into()]]);
        for text in ["Women's Health", "Women’s health", "Womens health", "A wheelchair user's day"] {
            assert_eq!(lx.hits(text).len(), 1, "{text}");
        }
        assert_eq!(lx.hits("the wheelchair user’s access")[0].evidence, "wheelchair user’s");
        // Not a possessive: an "s" that is a word of its own stays one.
        assert_eq!(fold("vitamin s"), "vitamin s");
        assert_eq!(fold("the Doctors' Trial"), fold("the doctors trial"));
    }

    #[test]
    fn a_stem_does_not_reach_words_of_another_sense() {
        let lx = Lexicon::new(&[vec!["colonialism".into(), "culture".into()]]);
        assert!(lx.hits("Colony-forming units; bacterial colonies").is_empty());
        assert_eq!(lx.hits("Colonial medicine").len(), 1);
        // "culture" matches itself only, and not in its laboratory or organisational sense.
        assert!(lx.hits("Cultural bias in diagnosis").is_empty());
        for clinical in ["Blood culture", "blood and urine cultures", "culture and sensitivity", "safety culture"] {
            assert!(lx.hits(clinical).is_empty(), "{clinical}");
        }
        for social in ["How culture affects health", "culture and health", "patients' cultures"] {
            assert_eq!(lx.hits(social).len(), 1, "{social}");
        }
    }

    #[test]
    fn interpreter_and_roma_in_their_clinical_senses() {
        let lx = Lexicon::new(&[vec!["interpreter".into(), "roma".into()]]);
        for clinical in ["Interpreter of ECGs", "ECG interpreter accuracy", "Roma ECG criteria", "The ROMA score"] {
            assert!(lx.matches(clinical).is_empty(), "{clinical}");
        }
        for theirs in ["Working with an interpreter", "Health of Roma communities", "Roma and Traveller health"] {
            assert_eq!(lx.matches(theirs).len(), 1, "{theirs}");
        }
    }

    #[test]
    fn words_of_a_split_stem_find_only_their_own_sense() {
        assert!(stem_shares_sense("colonies", "colony") && stem_shares_sense("colony", "colonies"));
        assert!(!stem_shares_sense("colonies", "colonial") && !stem_shares_sense("colonialism", "Colonies"));
        assert!(stem_shares_sense("colonial", "colonialism") && stem_shares_sense("COLONIAL", "colonial"));
        assert!(!stem_shares_sense("cultural", "culture") && stem_shares_sense("race", "races"));
        assert!(stem_is_split("Colonies") && stem_is_split("colony") && stem_is_split("colonial"));
        assert!(!stem_is_split("empire") && !stem_is_split("colon") && stem_shares_sense("colon", "colonies"));
    }

    #[test]
    fn clinical_senses_are_read_from_the_neighbouring_words() {
        let words = |t: &str| normalise(t).split(' ').map(String::from).collect::<Vec<_>>();
        let w = words("Taking a sexual history and the history of medicine");
        assert!(clinical_sense(&w, 3) && !clinical_sense(&w, 6));
        let w = words("Taking a history with an interpreter; describe the history of surgery");
        assert!(clinical_sense(&w, 2) && !clinical_sense(&w, 8));
        let w = words("History-taking; a race against time; carcinoma of the colon");
        assert!(clinical_sense(&w, 0) && clinical_sense(&w, 3) && clinical_sense(&w, 9));
    }

    #[test]
    fn microbiological_psychiatric_and_eponymous_senses_are_not_the_themes() {
        let lx = Lexicon::new(&[
            vec!["colonialism".into(), "colonisation".into(), "colonised".into(), "decolonisation".into()],
            vec!["deprivation".into(), "poverty".into(), "gay".into(), "race".into()],
        ]);
        for clinical in [
            "Colonial morphology on agar plates",
            "MRSA colonisation and decolonisation",
            "Bacterial colonization of catheters",
            "Colonized catheter removal",
            "Colonisation of the gut by Candida",
            "Skin colonisation with Staphylococcus aureus",
            "Deprivation of liberty safeguards",
            "Deprivation of Liberty Safeguards (DoLS)",
            "Sleep deprivation and performance",
            "Oxygen deprivation in the neonate",
            "Sensory deprivation",
            "Water deprivation test",
            "Poverty of speech in schizophrenia",
            "Poverty of thought",
            "Gay-Lussac's law and gas exchange",
        ] {
            assert!(lx.hits(clinical).is_empty(), "{clinical}: {:?}", lx.hits(clinical));
        }
        for social in [
            "Colonial medicine in West Africa",
            "Colonisation and health in Australia",
            "The colonised body",
            "Decolonisation of the curriculum",
            "Deprivation and health outcomes",
            "Social deprivation and multimorbidity",
            "Poverty and child health",
            "Poverty of opportunity",
            "Gay men's sexual health",
            "Blood cultures and race",
        ] {
            assert_eq!(lx.hits(social).len(), 1, "{social}: {:?}", lx.hits(social));
        }
    }

    #[test]
    fn possessive_plurals_belong_to_their_words() {
        let lx = Lexicon::new(&[vec!["traveller communities".into(), "trans person".into(), "migrants".into()]]);
        for text in ["Travellers' communities", "Trans person's experience of care", "Migrants' access to the NHS"] {
            assert_eq!(lx.hits(text).len(), 1, "{text}");
        }
        assert_eq!(lx.hits("Trans persons’ care")[0].evidence, "Trans persons");
    }

    #[test]
    fn derived_hyphenated_and_participle_forms_find_their_keyword() {
        let lex = Lexicon::new(&[
            vec!["islamophobia".into(), "anti-muslim".into(), "weathering".into()],
            vec!["under-representation".into(), "gender bias".into(), "antiracism".into()],
        ]);
        let found = |t: &str| lex.matches(t).into_iter().map(|(_, k)| k.to_string()).collect::<Vec<_>>();
        assert_eq!(found("Islamophobic abuse and health"), ["islamophobia"]);
        assert_eq!(found("Anti-Muslim discrimination"), ["anti-muslim"]);
        assert_eq!(found("Antimuslim hatred"), ["anti-muslim"]);
        assert_eq!(found("Women are underrepresented in trials"), ["under-representation"]);
        assert_eq!(found("Under-represented groups"), ["under-representation"]);
        assert_eq!(found("Gender-biased diagnosis"), ["gender bias"]);
        assert_eq!(found("Anti-racism in practice"), ["antiracism"]);
        assert_eq!(found("Weathering and maternal health"), ["weathering"]);
        // Weather, weathered skin and a cultured cell are not the themes' words.
        assert!(found("Weather and asthma").is_empty());
        assert!(found("Weathered skin in farmers").is_empty());
        // Two forms of one keyword in a text are one hit.
        assert_eq!(lex.hits("Islamophobia and Islamophobic abuse").len(), 1);
        assert!(written_forms("culture").is_empty(), "{:?}", written_forms("culture"));
        assert!(!participle("cultured", "culture"));
        assert!(participle("biased", "bias") && participle("disadvantaged", "disadvantage"));
    }

    #[test]
    fn normalises_punctuation_and_case() {
        assert_eq!(normalise("  Ménière's — disease!"), "ménière s disease");
    }
}
