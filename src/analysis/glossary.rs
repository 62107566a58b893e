//! One glossary of gap kinds: the name, heading, definition and severity rule
//! of each, so that the key findings, the section headings, the `gaps`
//! listing and the methods page all use the same words.

use serde::Serialize;

use super::bloom::Level;
use super::gaps::GapKind;

/// What a gap kind is called and how it is judged.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub kind: GapKind,
    /// One gap, as a noun phrase: "Theme not returned to".
    pub name: &'static str,
    /// A section of such gaps: "Themes not returned to".
    pub heading: &'static str,
    /// What the gap means.
    pub definition: String,
    /// When it is high, medium or low.
    pub severity: &'static str,
}

/// The kinds in the order a report shows them.
pub const ORDER: &[GapKind] = &[
    GapKind::UncoveredTheme,
    GapKind::NotRevisited,
    GapKind::ShallowTheme,
    GapKind::ThinReading,
    GapKind::UntaggedModule,
    GapKind::ModuleGap,
    GapKind::UnsupportedItem,
];

/// The glossary entry of a kind; `min_readings` is the thin-reading threshold.
pub fn term(kind: GapKind, min_readings: usize) -> Term {
    let (name, heading, definition, severity) = match kind {
        GapKind::UncoveredTheme => (
            "Theme not taught",
            "Themes not taught",
            "No session in the programme, or in one year of study, is tagged with the theme.".to_string(),
            "High when the whole programme misses the theme; medium when one year of study does.",
        ),
        GapKind::NotRevisited => (
            "Theme not returned to",
            "Themes not returned to",
            "The theme is taught in one year of study only and met in no other year.".to_string(),
            "Medium.",
        ),
        GapKind::ShallowTheme => (
            "Theme taught only at the lower levels",
            "Themes taught only at the lower levels",
            "Every session on the theme asks students at most to remember or understand: Bloom's levels, inferred \
             from the verbs of the learning outcomes (Anderson and Krathwohl 2001), or set by hand."
                .to_string(),
            "Medium.",
        ),
        GapKind::ThinReading => (
            "Theme with thin reading",
            "Themes with thin reading",
            format!("Fewer than {min_readings} approved readings on the theme."),
            "High when the theme has no approved reading; medium otherwise.",
        ),
        GapKind::UntaggedModule => (
            "Module with no theme",
            "Modules with no theme",
            "No session of the module is tagged with any theme.".to_string(),
            "Medium.",
        ),
        GapKind::ModuleGap => (
            "Module missing a theme",
            "Modules missing a theme",
            "No session of the module is tagged with the theme.".to_string(),
            "Medium when a session of the module not tagged with the theme already uses its keywords (the theme may \
             be taught there); low otherwise.",
        ),
        GapKind::UnsupportedItem => (
            "Tagged session without a reading",
            "Tagged sessions without a reading",
            "A session tagged with a theme has no reading on that theme linked to it or to its module.".to_string(),
            "Medium when no session on the theme has one; low when some have.",
        ),
    };
    Term { kind, name, heading, definition, severity }
}

/// Every kind's entry, in report order.
pub fn all(min_readings: usize) -> Vec<Term> {
    ORDER.iter().map(|k| term(*k, min_readings)).collect()
}

/// How findings are formed and ranked (the methods page states it).
pub const FINDING_RULE: &str = "Gaps that describe one fact at several levels are one finding: a theme missing from \
     years of study, not returned to, and the module gaps of those years; the module gaps of one theme elsewhere; \
     thin reading; untagged modules, with their gaps on each theme (a module that teaches no theme misses every \
     theme: one fact, counted once, so a finding on one theme counts the modules that teach another theme but not \
     this one, and says how many more teach none); sessions without a reading. A finding takes the highest severity of the gaps \
     behind it. Findings are ranked by severity, then by the number of gaps behind them (the gaps on single themes \
     of a module with no theme add nothing: they are that one fact again), then by kind (a theme taught nowhere, a theme \
     missing from years of study, thin reading, a shallow theme, modules with no theme, modules missing a theme, \
     sessions without a reading), and findings equal in all of these in the order of their first gap in the Gaps \
     section; the report leads with the first few. \
     A report on part of the curriculum keeps the numbers of the whole but ranks its findings by their severity \
     within the scope (the highest of their gaps there), then in the whole report's order, so its numbers may \
     run F1, F2, F4, F3.";

/// How a session is named as the place to bring a missing theme into a
/// module (the methods page states it; the code is `gaps::places_for`).
pub const PLACE_RULE: &str = "When a module has no session on a theme and none of its sessions uses the theme's \
     keywords, the advice names, as an example of where the theme could be brought in, a session of the module \
     whose title or learning outcomes have a word of the theme: a one-word keyword of the theme, or a word of one of its \
     longer keywords that the theme's description uses too (\u{201c}ethnicity\u{201d} of \u{201c}race/ethnicity\u{201d}, \
     but not \u{201c}body\u{201d} of \u{201c}body snatching\u{201d}), compared as proposed readings are (inflections \
     and meaning-keeping endings; never an outcome's action verb, a word in its clinical sense or a word many \
     modules use). Such a word is a weaker sign than a keyword: it says the session touches the theme's subject, \
     not that it teaches the theme. Sessions whose title has such a word are named before those where only an \
     outcome has it, and the advice says which (\u{201c}its title has\u{201d} or \u{201c}only its outcomes \
     have\u{201d}). A session already named for another theme of the same module is passed over when another fits \
     as well; when it is named again, the advice says it is also the example for that theme. When no session has \
     such a word, none is named.";

/// How gaps are numbered (the methods page and the JSON state it; the code
/// is `gaps::page_order`): G1, G2, … in the order the report prints them, so
/// that a number a finding cites is found by reading on. The sections are
/// named by their headings, in [`ORDER`].
pub fn numbering_rule() -> String {
    let sections: Vec<String> = ORDER.iter().map(|k| term(*k, 0).heading.to_lowercase()).collect();
    format!(
        "Gaps are numbered G1, G2, … in the order the Gaps section prints them: by section, in the order {}; within a section \
         by severity, highest first, then year of study, module and theme (themes in the order of the coverage table); {} are listed one row per module, by \
         year of study and module, so that a module's gaps have consecutive numbers. A report on part of the \
         curriculum keeps the numbers of the whole, as the command canon gaps, the CSV and the JSON do.",
        list(&sections, "and"),
        term(GapKind::ModuleGap, 0).heading.to_lowercase(),
    )
}

/// How readings are proposed (the methods page states it, with the numbers
/// of `r`, the rule the code applies: [`super::proposals::rule`]).
pub fn proposal_rule(r: &super::proposals::Rule) -> String {
    let ends = |e: &[&str]| e.iter().map(|e| format!("-{e}")).collect::<Vec<_>>().join(", ");
    format!(
        "A reading is proposed for a module only when it is approved, on the theme in question, and relevant: its \
         relevance is the sum, over the content words it shares with the module's sessions and outcomes (compared \
         by stem), of ln(1 + N/n), where N is the number of approved readings on the theme and n the number that use \
         the word, counted {title_weight} times when the word is in the reading's title. Only what says what a \
         reading is about counts: its title and its notes, without notes about the publication (translator, \
         edition, publisher, series, volume, chapter) or words such as \u{201c}introduction\u{201d} and \
         \u{201c}review\u{201d}; authors, journal and publisher are never compared. When the theme has at least \
         {min_readings} approved readings, words that more than half of them use count for nothing (with fewer, \
         no word is discounted this way); words that many modules use, common verbs such as \u{201c}shaped\u{201d} \
         and \u{201c}showing\u{201d}, and words that name no subject (academic and educational process, the \
         whole discipline, time, order, amount and relation, people in general: {generic}) never count. \
         A word the two texts use in two senses never counts either: when one text has it only as the second \
         word of a two-word term (\u{201c}menstrual cycle\u{201d}) and the other only with what follows its \
         \u{201c}of\u{201d} (\u{201c}cycle of poverty\u{201d}), no word qualifying it in both; two terms \
         (\u{201c}maternal mortality\u{201d}, \u{201c}newborn mortality\u{201d}) are kinds of one thing, and a \
         text that has the word alone once shares it. \
         Two words are shared only when they are the same word, \
         perhaps inflected ({inflections}), or one is made from the other, or both from one word, by an ending \
         that keeps the meaning ({derivations}), that word having at least {letters} letters and being \
         none whose derived words mean something else (\u{201c}social\u{201d} is not \u{201c}socialism\u{201d}); \
         sharing a stem is not enough (\u{201c}experiments\u{201d} is not \u{201c}experiences\u{201d}). An \
         outcome's action verb (\u{201c}describe\u{201d}, \u{201c}interpret\u{201d}) is never a shared word: it says \
         what students do, not what the session is about; nor is the verb that opens a sentence of the notes, \
         its subject left out (\u{201c}Traces race correction in spirometry\u{201d} is not about \
         \u{201c}spirometry traces\u{201d}). A word inside a proper name (two or more capitalised words, perhaps \
         joined by \u{201c}and\u{201d} or \u{201c}of\u{201d}: \u{201c}NHS Race and Health \
         Observatory\u{201d}) in the reading's notes or a session's text is shared only with a name in the other \
         text, or with a title written with every word capitalised; in running text it is a coincidence. \
         A proposal needs a relevance of at least {floor} and \
         either one whole keyword phrase of the theme's keyword list (a keyword of several words, as the phrase: \
         \u{201c}history\u{201d} alone is not \u{201c}history of medicine\u{201d}) in both the reading and the \
         module, or a one-word keyword in both that is in the reading's title and that at most one in \
         {rare_share} of the theme's approved readings use (\u{201c}oximetry\u{201d}: the reading's subject; with \
         fewer than {min_readings} readings, any), or at least {min_shared} shared words{of_theme}, so that one \
         shared word the theme's readings commonly use, even a keyword such as \u{201c}disparities\u{201d}, is never \
         enough. Shared words that are all generic words of the theme (a word that {generic_uses} or more of \
         its keywords use: \u{201c}racial\u{201d}, \u{201c}disparities\u{201d}) are never enough either: they \
         say the reading is on the theme, not on the session's subject, so one shared word must be more \
         specific. The shared words are shown as the reason, with where the reading has them \
         (title or notes) and the session, outcome or module title that has them too (of several, the one that \
         shares the most words with the reading). The best matches are \
         assigned first, and no reading is proposed for more than {spread} modules of one list, so that one paper \
         is not the answer to every module.",
        generic = r.generic.iter().map(|w| format!("\u{201c}{w}\u{201d}")).collect::<Vec<_>>().join(", "),
        rare_share = r.rare_keyword_share,
        title_weight = r.title_weight,
        min_readings = r.common_word_min_readings,
        inflections = ends(&r.inflections),
        derivations = ends(&r.derivations),
        letters = r.derivation_min_letters,
        floor = r.floor,
        min_shared = r.min_shared_words,
        of_theme = if r.min_theme_words == 0 {
            String::new()
        } else {
            format!(
                " of which at least {} is the theme's own word (or a word of another theme the reading is on): a \
                 one-word keyword, or a word of a longer keyword that the theme's description uses too; or else at least {} \
                 words of the reading's title that one session title or outcome of the module has together \
                 (\u{201c}Racial bias in pain assessment\u{201d} for \u{201c}Pain assessment, analgesia and \
                 racial disparities\u{201d}), or two words that the reading uses as a phrase (next to each other \
                 in its title or notes) and one session title or outcome uses as the same phrase \
                 (\u{201c}sickle cell\u{201d}), so that words of the module's subject found in different \
                 sessions (\u{201c}breathing\u{201d} in one, \u{201c}respiratory\u{201d} in another), or apart \
                 in the reading's notes, are never enough",
                r.min_theme_words, r.min_shared_words
            )
        },
        spread = r.spread,
        generic_uses = r.generic_keyword_uses,
    )
}

/// Where each rule of [`proposal_rule`] begins: the methods page sets each
/// as an item of a list under a short summary ([`proposal_rule_parts`]).
const PROPOSAL_RULE_STARTS: [&str; 10] = [
    "Only what says what a reading is about counts",
    "When the theme has at least",
    "A word the two texts use in two senses",
    "Two words are shared only when",
    "An outcome's action verb",
    "A word inside a proper name",
    "A proposal needs a relevance",
    "Shared words that are all generic words",
    "The shared words are shown as the reason",
    "The best matches are assigned first",
];

/// [`proposal_rule`] as the methods page sets it: a summary a committee
/// member reads in a breath, then each rule of the full text as an item
/// (the text of the items, joined, is `proposal_rule`'s; one paragraph of
/// some 450 words could not be followed: tester r13, P7).
pub fn proposal_rule_parts(r: &super::proposals::Rule) -> (String, Vec<String>) {
    let full = proposal_rule(r);
    let mut items = Vec::new();
    let mut rest = full.as_str();
    for start in PROPOSAL_RULE_STARTS {
        if let Some(i) = rest.find(start).filter(|i| *i > 0) {
            items.push(rest[..i].trim().to_string());
            rest = &rest[i..];
        }
    }
    items.push(rest.trim().to_string());
    let summary = format!(
        "In short: a reading is proposed for a module when it is approved, on the theme the module misses or \
         carries, and shares enough words of the module's subject with its sessions (a relevance of at least {}); \
         the shared words are shown as the reason, and no reading is proposed for more than {} modules. The rule \
         in full:",
        r.floor, r.spread
    );
    (summary, items)
}

// ---------------------------------------------------------------------------
// The words every sentence is made of: counts, lists, years, keyword evidence
// and the reading clause of a next step. Every output (gaps, findings, the
// PDF, CSV, JSON and workbook) builds its sentences from these, so that one
// rule decides "1 module" / "2 modules" and what is said about proposals.

/// "1 module", "2 modules": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The word that agrees with a count: `verb(1, "has", "have")` is "has".
pub fn verb<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "A", "A and B", "A, B and C" (with `and`, or "or" for a choice).
pub fn list(items: &[String], and: &str) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} {and} {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// How a later year builds on a theme's earlier teaching, given the highest
/// Bloom level (revised taxonomy, Anderson and Krathwohl 2001) its sessions
/// already reach: the clause after "Return to T in year 5, building on year
/// 4". Below apply (or with no level known) it asks for application and
/// critique; from apply it asks for the levels above the one reached; at
/// evaluate or create it asks to keep that level in practice, never for a
/// level already taught (tester r13, P2: "apply it to cases" after sessions
/// that critique).
pub fn building_on(reached: Option<Level>) -> String {
    match reached {
        None | Some(Level::Remember | Level::Understand) => {
            " at a higher level (apply it to cases, critique the evidence)".into()
        }
        Some(Level::Apply) => " at a higher level (analyse cases, critique the evidence)".into(),
        Some(Level::Analyse) => " at a higher level (critique the evidence, judge practice against it)".into(),
        Some(Level::Evaluate) => ", where it already reaches the evaluate level: keep it there in clinical settings, \
             or have students create (design a change to practice or to teaching)"
            .into(),
        Some(Level::Create) => ", where it already reaches the create level: keep it there in clinical settings".into(),
    }
}

/// "year 2", "years 2, 3 and 5"; "no year" for none.
pub fn years(ys: &[i64]) -> String {
    let words: Vec<String> = ys.iter().map(i64::to_string).collect();
    match words.len() {
        0 => "no year".into(),
        1 => format!("year {}", words[0]),
        _ => format!("years {}", list(&words, "and")),
    }
}

/// Up to `shown` quoted titles, then "and N more": "“A”, “B” and 3 more".
pub fn quoted(titles: &[String], shown: usize) -> String {
    let mut parts: Vec<String> = titles.iter().take(shown).map(|t| format!("\u{201c}{t}\u{201d}")).collect();
    if titles.len() > shown {
        parts.push(format!("{} more", titles.len() - shown));
    }
    list(&parts, "and")
}

/// A session not tagged with a theme that uses its keywords, stated as its
/// tags are: `“Title” (MED4003, tagged with Epistemic bias) uses “drapetomania”`
/// or `“Title” (MED3005, tagged with no theme) uses …`. `others` are the
/// names of the themes the session does carry.
pub fn keyword_use(title: &str, module: &str, others: &[String], words: &[String]) -> String {
    let tags = if others.is_empty() {
        "tagged with no theme".to_string()
    } else {
        format!("tagged with {}", list(others, "and"))
    };
    let place = if module.is_empty() { tags } else { format!("{module}, {tags}") };
    format!("\u{201c}{title}\u{201d} ({place}) uses {}", quoted_words(words))
}

/// Keywords a session uses, quoted and listed ("“a”, “b” and “c”); a
/// keyword inside a longer one is left out: "Marion Sims" inside "J.
/// Marion Sims" is one mention, not two.
pub fn quoted_words(words: &[String]) -> String {
    let words: Vec<String> = words
        .iter()
        .filter(|w| !words.iter().any(|o| o.len() > w.len() && o.contains(w.as_str())))
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect();
    list(&words, "and")
}

/// What the proposals data holds for one gap, so that its next step says
/// only what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readings {
    /// This many approved readings are proposed with the gap.
    Proposed(usize),
    /// The theme has approved readings, but none shares enough words to be proposed here.
    NoneFits,
    /// The theme has no approved reading at all.
    NoneApproved,
}

/// The canon command that starts on the reading half of a next step.
pub fn reading_command(r: Readings, slug: &str) -> String {
    match r {
        Readings::Proposed(_) => "canon link READING CODE/SESSION --by NAME".into(),
        Readings::NoneFits => format!("canon suggest --target readings --theme {slug}; canon search WORDS"),
        Readings::NoneApproved => format!("canon reading add --theme {slug} …; canon review READING --approve"),
    }
}

/// The reading half of a next step, as a clause that can follow a semicolon:
/// "start from the 2 readings proposed for it" / "no approved reading on
/// Historical awareness shares enough words with it …" / "there is no
/// approved reading on Historical awareness yet: …". `slug` names the theme
/// for the commands (`reading_command`); `it` is what the readings are for
/// ("it", "these sessions").
pub fn reading_clause(r: Readings, theme: &str, it: &str) -> String {
    match r {
        Readings::Proposed(1) => format!("start from the reading proposed for {it}"),
        Readings::Proposed(n) => format!("start from the {n} readings proposed for {it}"),
        Readings::NoneFits => {
            format!(
                "no approved reading on {theme} fits {it} well enough to be proposed yet: link one the group chooses"
            )
        }
        Readings::NoneApproved => format!("there is no approved reading on {theme} yet: add and review some first"),
    }
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn the_proposal_rule_is_set_as_one_item_per_rule_and_loses_no_word() {
        let r = crate::analysis::proposals::rule();
        let (summary, items) = proposal_rule_parts(&r);
        assert!(summary.starts_with("In short:"), "{summary}");
        // Every start was found: one item before the first, one per start.
        assert_eq!(items.len(), PROPOSAL_RULE_STARTS.len() + 1, "{items:#?}");
        for (item, start) in items[1..].iter().zip(PROPOSAL_RULE_STARTS) {
            assert!(item.starts_with(start), "{item}");
        }
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&items.join(" ")), words(&proposal_rule(&r)));
    }

    #[test]
    fn counts_lists_and_years_agree_in_number() {
        assert_eq!(count(1, "finding", "findings"), "1 finding");
        assert_eq!(count(0, "finding", "findings"), "0 findings");
        assert_eq!(count(2, "module", "modules"), "2 modules");
        assert_eq!(verb(1, "has", "have"), "has");
        assert_eq!(list(&["A".into()], "and"), "A");
        assert_eq!(list(&["A".into(), "B".into(), "C".into()], "or"), "A, B or C");
        assert_eq!(years(&[3]), "year 3");
        assert_eq!(years(&[2, 3, 5]), "years 2, 3 and 5");
        assert_eq!(quoted(&["a".into(), "b".into(), "c".into()], 2), "\u{201c}a\u{201d}, \u{201c}b\u{201d} and 1 more");
    }

    #[test]
    fn keyword_use_follows_the_sessions_tags() {
        let tagged = keyword_use("Diagnostic bias", "MED4003", &["Epistemic bias".into()], &["drapetomania".into()]);
        assert_eq!(
            tagged,
            "\u{201c}Diagnostic bias\u{201d} (MED4003, tagged with Epistemic bias) uses \u{201c}drapetomania\u{201d}"
        );
        let untagged = keyword_use("Anatomy Act", "MED1002", &[], &["body snatching".into()]);
        assert!(untagged.contains("tagged with no theme"), "{untagged}");
    }

    #[test]
    fn the_reading_clause_says_what_the_proposals_hold() {
        assert_eq!(reading_clause(Readings::Proposed(1), "T", "it"), "start from the reading proposed for it");
        assert_eq!(reading_clause(Readings::Proposed(2), "T", "it"), "start from the 2 readings proposed for it");
        assert!(reading_clause(Readings::NoneFits, "T", "it").starts_with("no approved reading on T"));
        assert!(!reading_clause(Readings::NoneFits, "T", "it").contains("proposed for it"));
        assert!(reading_clause(Readings::NoneApproved, "T", "it").contains("no approved reading on T yet"));
    }
}
