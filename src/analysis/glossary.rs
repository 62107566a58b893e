//! One glossary of gap kinds: the name, heading, definition and severity rule
//! of each, so that the key findings, the section headings, the `gaps`
//! listing and the methods page all use the same words.

use serde::Serialize;

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
            "Medium when a session of the module already uses the theme's keywords (the theme may be taught there \
             untagged); low otherwise.",
        ),
        GapKind::UnsupportedItem => (
            "Session without a reading",
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
     thin reading; untagged modules; sessions without a reading. A finding takes the highest severity of the gaps \
     behind it. Findings are ranked by severity, then by the number of gaps behind them; the report leads with the \
     first few.";

/// How readings are proposed (the methods page states it, with the numbers).
pub fn proposal_rule(floor: f64, spread: usize) -> String {
    format!(
        "A reading is proposed for a module only when it is approved, on the theme in question, and relevant: its \
         relevance is the sum, over the content words it shares with the module's sessions and outcomes (compared \
         by stem), of ln(1 + N/n), where N is the number of approved readings on the theme and n the number that use \
         the word, counted half as much again when the word is in the reading's title. Words that half or more of \
         those readings use, and words that many modules use, count for nothing. A proposal needs a relevance of \
         at least {floor} and at least two shared words, or one word of the theme's keyword lexicon; the shared \
         words are shown as the reason. The best matches are assigned first, and no reading is proposed for more than \
         {spread} modules of one list, so that one paper is not the answer to every module."
    )
}
