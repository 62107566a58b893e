//! Bloom levels of learning outcomes, inferred from their leading verb.
//!
//! The levels and verbs follow the revised taxonomy of Anderson, L. W. and
//! Krathwohl, D. R. (eds.) (2001) *A Taxonomy for Learning, Teaching, and
//! Assessing: A Revision of Bloom's Taxonomy of Educational Objectives*,
//! New York: Longman, whose cognitive-process dimension names six levels
//! (remember, understand, apply, analyse, evaluate, create) and lists the
//! verbs that express each (Table 5.1, with its alternative names), extended
//! with the synonyms common in UK medical outcomes ("critique", "appraise",
//! "demonstrate"). A verb listed at two levels is put at the lower one, so
//! the inferred depth is never flattering. British and American spellings
//! are both accepted.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Remember,
    Understand,
    Apply,
    Analyse,
    Evaluate,
    Create,
}

impl Level {
    pub const ALL: [Level; 6] =
        [Level::Remember, Level::Understand, Level::Apply, Level::Analyse, Level::Evaluate, Level::Create];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Remember => "remember",
            Level::Understand => "understand",
            Level::Apply => "apply",
            Level::Analyse => "analyse",
            Level::Evaluate => "evaluate",
            Level::Create => "create",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        let s = s.trim().to_lowercase();
        let s = if s == "analyze" { "analyse".to_string() } else { s };
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Remember and understand: the "lower" levels a shallow theme stays at.
    pub fn is_lower(self) -> bool {
        self <= Level::Understand
    }
}

/// Verbs per level (Anderson & Krathwohl 2001, Table 5.1 and its alternative
/// names, plus common outcome synonyms).
const VERBS: &[(Level, &[&str])] = &[
    (
        Level::Remember,
        &[
            "recognise",
            "recognize",
            "identify",
            "recall",
            "retrieve",
            "list",
            "name",
            "state",
            "define",
            "label",
            "record",
            "memorise",
            "memorize",
            "repeat",
            "reproduce",
            "know",
            "outline",
            "locate",
            "recite",
        ],
    ),
    (
        Level::Understand,
        &[
            "interpret",
            "clarify",
            "paraphrase",
            "represent",
            "translate",
            "exemplify",
            "illustrate",
            "classify",
            "categorise",
            "categorize",
            "summarise",
            "summarize",
            "generalise",
            "generalize",
            "infer",
            "conclude",
            "extrapolate",
            "predict",
            "compare",
            "contrast",
            "map",
            "match",
            "explain",
            "describe",
            "discuss",
            "understand",
            "recognise",
            "report",
            "review",
            "distinguish",
            "appreciate",
            "reflect",
        ],
    ),
    (
        Level::Apply,
        &[
            "apply",
            "execute",
            "carry",
            "implement",
            "use",
            "demonstrate",
            "perform",
            "calculate",
            "compute",
            "solve",
            "practise",
            "practice",
            "prescribe",
            "manage",
            "conduct",
            "administer",
            "examine",
            "measure",
            "present",
            "operate",
            "show",
            "undertake",
            "take",
            "estimate",
            "screen",
            "communicate",
        ],
    ),
    (
        Level::Analyse,
        &[
            "analyse",
            "analyze",
            "differentiate",
            "discriminate",
            "focus",
            "select",
            "organise",
            "organize",
            "integrate",
            "outline",
            "structure",
            "attribute",
            "deconstruct",
            "investigate",
            "examine",
            "prioritise",
            "prioritize",
            "diagnose",
            "explore",
            "interrogate",
            "relate",
        ],
    ),
    (
        Level::Evaluate,
        &[
            "evaluate",
            "check",
            "coordinate",
            "detect",
            "monitor",
            "test",
            "critique",
            "judge",
            "appraise",
            "assess",
            "justify",
            "argue",
            "defend",
            "challenge",
            "question",
            "weigh",
            "recommend",
            "audit",
        ],
    ),
    (
        Level::Create,
        &[
            "create",
            "generate",
            "hypothesise",
            "hypothesize",
            "plan",
            "design",
            "produce",
            "construct",
            "develop",
            "devise",
            "formulate",
            "propose",
            "compose",
            "invent",
            "write",
            "build",
        ],
    ),
];

/// The level a verb expresses (the lowest, when the list has it twice).
pub fn verb_level(verb: &str) -> Option<Level> {
    let v = verb.to_lowercase();
    VERBS.iter().find(|(_, vs)| vs.contains(&v.as_str())).map(|(l, _)| *l)
}

/// Words that may come before the verb of an outcome ("By the end of the
/// session students will be able to …", "To describe …").
const LEAD: &[&str] = &[
    "by",
    "the",
    "end",
    "of",
    "this",
    "session",
    "students",
    "student",
    "learners",
    "you",
    "will",
    "should",
    "be",
    "able",
    "to",
    "and",
    "then",
    "briefly",
    "critically",
    "accurately",
    "safely",
    "systematically",
    "confidently",
];

/// The learning outcomes of an item: one per line, and also separated by
/// "; " inside a line.
pub fn split_outcomes(outcomes: &str) -> impl Iterator<Item = &str> {
    outcomes.split(['\n', ';']).map(str::trim).filter(|o| !o.is_empty())
}

/// Words that join two verbs of one outcome ("Understand and appraise").
const JOIN: &[&str] = &["and", "or", "then", "also", ","];

/// The words of an outcome, with commas kept as words of their own.
fn words(outcome: &str) -> impl Iterator<Item = String> + '_ {
    outcome
        .split(|c: char| !c.is_alphabetic() && c != ',')
        .flat_map(|w| {
            let mut parts = Vec::new();
            for (i, p) in w.split(',').enumerate() {
                if i > 0 {
                    parts.push(",".to_string());
                }
                if !p.is_empty() {
                    parts.push(p.to_lowercase());
                }
            }
            parts
        })
        .take(24)
}

/// The level of one outcome: the highest of its leading verbs, so that
/// "Understand and appraise the evidence" is at appraise (evaluate), not at
/// understand. Verbs count while they are joined by "and", "or", "then" or a
/// comma; the object of the outcome ends the list.
pub fn outcome_level(outcome: &str) -> Option<Level> {
    let mut best: Option<Level> = None;
    let mut expecting = true;
    for w in words(outcome) {
        if expecting {
            if let Some(l) = verb_level(&w) {
                best = best.max(Some(l));
                expecting = false;
            } else if !LEAD.contains(&w.as_str()) && w != "," {
                break;
            }
        } else if JOIN.contains(&w.as_str()) {
            expecting = true;
        } else {
            break;
        }
    }
    best
}

/// An item's level: the highest of its outcomes'.
pub fn item_level(outcomes: &str) -> Option<Level> {
    split_outcomes(outcomes).filter_map(outcome_level).max()
}

/// The level of an item of any kind: from its learning outcomes, or, for an
/// item that is itself a learning outcome (kind `outcome`), from its title
/// when it lists no outcomes of its own.
pub fn level_of(kind: &str, title: &str, outcomes: &str) -> Option<Level> {
    item_level(outcomes).or_else(|| if kind == "outcome" { item_level(title) } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_leading_verbs() {
        assert_eq!(outcome_level("Describe the Tuskegee study"), Some(Level::Understand));
        assert_eq!(outcome_level("List the anatomical planes"), Some(Level::Remember));
        assert_eq!(outcome_level("Critique the use of race"), Some(Level::Evaluate));
        assert_eq!(outcome_level("Analyze a forest plot"), Some(Level::Analyse));
        assert_eq!(outcome_level("By the end, students will be able to design a plan"), Some(Level::Create));
        assert_eq!(outcome_level("The history of eugenics"), None);
        assert_eq!(outcome_level("Understand and appraise the evidence"), Some(Level::Evaluate));
        assert_eq!(outcome_level("Describe, compare and critique race correction"), Some(Level::Evaluate));
        assert_eq!(outcome_level("Explain how oximeters work and evaluate evidence"), Some(Level::Understand));
        assert_eq!(outcome_level("Critically appraise and describe"), Some(Level::Evaluate));
        assert_eq!(outcome_level(""), None);
    }

    #[test]
    fn an_item_takes_its_highest_outcome() {
        let o = "Explain how pulse oximeters work; Evaluate evidence of bias\nDescribe the physics";
        assert_eq!(split_outcomes(o).count(), 3);
        assert_eq!(item_level(o), Some(Level::Evaluate));
        assert_eq!(item_level("Describe x; List y"), Some(Level::Understand));
        assert_eq!(item_level(""), None);
    }

    #[test]
    fn an_outcome_item_takes_the_level_of_its_own_words() {
        assert_eq!(level_of("outcome", "Critique the use of race in eGFR", ""), Some(Level::Evaluate));
        assert_eq!(level_of("session", "Critique the use of race in eGFR", ""), None);
        assert_eq!(level_of("outcome", "Critique x", "List y"), Some(Level::Remember));
    }

    #[test]
    fn parses_level_names() {
        assert_eq!(Level::parse("Analyze"), Some(Level::Analyse));
        assert_eq!(Level::parse("create"), Some(Level::Create));
        assert_eq!(Level::parse("deep"), None);
        assert!(Level::Understand.is_lower() && !Level::Apply.is_lower());
    }
}
