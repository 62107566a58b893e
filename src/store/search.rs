//! Full-text search and relevance ranking over `item_fts` and `reading_fts`
//! (SQLite FTS5, bm25). User text reaches SQL only as the bound MATCH
//! parameter; a query FTS5 cannot parse is a clear error.

use anyhow::{Result, anyhow};
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::analysis::gaps::Ranker;
use crate::analysis::lexicon::normalise;

/// The most words one ranking query ORs: far more than a module's content
/// words (the samples' largest module has under 100), and a bound on the
/// cost, which is an index seek per word, when a session holds pages of
/// text (1 MiB of outcomes has some 150,000 distinct words). Past it, the
/// first words in the caller's order are used.
const MAX_WORDS: usize = 1_000;

/// A MATCH expression that ORs every word (up to [`MAX_WORDS`]), each
/// quoted (so no word is read as an operator) and as a prefix, so
/// "equation" finds "equations".
fn any_word(words: &[String]) -> Option<String> {
    let terms: Vec<String> = words
        .iter()
        .map(|w| normalise(w))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| balanced_or(&terms))
}

/// `a OR b OR c OR d` as `(a OR b) OR (c OR d)`. FTS5 flattens an OR
/// chain by copying its list of children once per `OR`, which is quadratic
/// in the number of words (150,000 distinct words in a session's outcomes
/// took minutes); halving the list at each level makes it n·log n.
fn balanced_or(terms: &[String]) -> String {
    let group = |t: &[String]| if t.len() > 1 { format!("({})", balanced_or(t)) } else { balanced_or(t) };
    match terms {
        [] => String::new(),
        [one] => one.clone(),
        _ => {
            let (a, b) = terms.split_at(terms.len() / 2);
            format!("{} OR {}", group(a), group(b))
        }
    }
}

/// Ranks with bm25 over the full-text indexes (scores negated: higher is better).
pub struct FtsRanker<'c> {
    pub conn: &'c Connection,
}

impl Ranker for FtsRanker<'_> {
    fn items(&self, module_id: i64, keywords: &[String], words: &[String], n: usize) -> Result<Vec<(i64, f64)>> {
        // Keywords as phrases weigh in by bm25 like any term; the description's words widen the net.
        // A keyword longer than any keyword may be (one from before the text
        // limits; `canon check` lists them) is left out: as a phrase query it
        // costs time in proportion to its length for every module ranked.
        let phrases: Vec<String> = keywords
            .iter()
            .filter(|k| crate::limits::check(crate::limits::Kind::Keyword, "keyword", k).is_ok())
            .map(|k| normalise(k))
            .filter(|k| !k.is_empty())
            .map(|k| format!("\"{}\"", k.replace('"', "\"\"")))
            .chain(any_word(words))
            .collect();
        if phrases.is_empty() {
            return Ok(vec![]);
        }
        let mut st = self.conn.prepare_cached(
            "SELECT item_fts.rowid, bm25(item_fts) AS rank
               FROM item_fts JOIN item i ON i.id = item_fts.rowid
              WHERE item_fts MATCH ?1 AND i.module_id = ?2
                -- A module's items are imported together, so their IDs are close: the range
                -- lets FTS5 skip the rest of the index instead of scoring every match.
                AND item_fts.rowid BETWEEN (SELECT min(id) FROM item WHERE module_id = ?2)
                                       AND (SELECT max(id) FROM item WHERE module_id = ?2)
              ORDER BY rank, i.id LIMIT ?3",
        )?;
        let rows = st
            .query_map(params![balanced_or(&phrases), module_id, n as i64], |r| {
                Ok((r.get::<_, i64>(0)?, -r.get::<_, f64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// A search as typed: FTS5 text plus `theme:SLUG` and `year:N` filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub text: String,
    pub theme: Option<String>,
    pub year: Option<i64>,
}

/// Takes `theme:` and `year:` filters out of a query (outside quotes); the
/// rest is FTS5 syntax: words, "phrases", prefix*, AND/OR/NOT, NEAR.
pub fn parse_query(q: &str) -> Result<Query> {
    let mut out = Query::default();
    let mut rest: Vec<&str> = Vec::new();
    let mut in_quote = false;
    for tok in q.split_whitespace() {
        if !in_quote {
            if let Some(slug) = tok.strip_prefix("theme:") {
                out.theme = Some(slug.to_string());
                continue;
            }
            if let Some(y) = tok.strip_prefix("year:") {
                out.year = Some(y.parse().map_err(|_| {
                    anyhow!("search filter {}: expected year:N with N a year of study", crate::limits::shown(tok))
                })?);
                continue;
            }
        }
        if tok.matches('"').count() % 2 == 1 {
            in_quote = !in_quote;
        }
        rest.push(tok);
    }
    out.text = rest.join(" ");
    Ok(out)
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// `item` or `reading`.
    pub kind: &'static str,
    pub id: i64,
    /// For an item, its module code; for a reading, its authors.
    pub context: String,
    /// Year of study for an item, publication year for a reading.
    pub year: Option<i64>,
    pub title: String,
    /// The best passage, matched words between `open` and `close` marks.
    pub snippet: String,
    /// bm25, negated: higher is better (comparable within a kind).
    pub score: f64,
}

/// A query as typed, turned into an FTS5 expression and substrings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Translated {
    /// The FTS5 MATCH expression for the words and phrases, if any.
    pub fts: Option<String>,
    /// Text in scripts written without spaces (Chinese, Japanese, Korean,
    /// Thai), found as substrings: every one must occur.
    pub substrings: Vec<String>,
    /// How many words and phrases the FTS5 expression holds.
    pub terms: usize,
    /// What makes the query impossible to run as typed, said to the user
    /// (a query that starts with NOT or `-`: FTS5 can only leave words out
    /// of what other words find).
    pub problem: Option<String>,
}

/// Scripts written without spaces between words, searched by substring.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F        // Thai
        | 0x1100..=0x11FF      // Hangul Jamo
        | 0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3130..=0x318F      // Hangul compatibility Jamo
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xAC00..=0xD7AF      // Hangul syllables
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B–F and compatibility supplement
}

/// A word or phrase as FTS5 text: alphanumeric runs quoted as one phrase
/// (so `race-based`, `COVID-19` and `Ibn Sina's` are phrases, never
/// operators), runs in unspaced scripts taken out as substrings.
fn phrase(raw: &str, prefix: bool, subs: &mut Vec<String>) -> Option<String> {
    let mut runs: Vec<String> = Vec::new();
    for run in raw.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
        if run.chars().any(unspaced) {
            subs.push(run.to_string());
        } else {
            runs.push(run.to_string());
        }
    }
    (!runs.is_empty()).then(|| format!("\"{}\"{}", runs.join(" "), if prefix { "*" } else { "" }))
}

/// Turns what a person types into FTS5 syntax: plain words, hyphens and
/// apostrophes work unquoted; "quoted phrases", prefix*, AND / OR / NOT and
/// parentheses keep their meaning. The result is still bound as one parameter.
pub fn translate(text: &str) -> Translated {
    let mut out = Vec::new();
    let mut subs = Vec::new();
    let mut unnegatable: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut Vec<String>, subs: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        if matches!(word.as_str(), "AND" | "OR" | "NOT") {
            out.push(word.clone());
        } else {
            // `-word` leaves the word out, as in web search: FTS5's NOT.
            let (not, w) = match word.strip_prefix('-') {
                Some(rest) if rest.chars().next().is_some_and(char::is_alphanumeric) => (true, rest),
                _ => (false, word.as_str()),
            };
            let prefix = w.ends_with('*');
            let before = subs.len();
            match phrase(w.trim_end_matches('*'), prefix, subs) {
                Some(p) => {
                    if not {
                        out.push("NOT".into());
                    }
                    out.push(p);
                }
                None if not && subs.len() > before => {
                    // Text without spaces is found as a substring, which can only be required.
                    let text: Vec<String> = subs.drain(before..).collect();
                    unnegatable.push(text.join(" "));
                }
                None => {}
            }
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // -"a phrase" leaves the phrase out.
                let not = word == "-";
                if not {
                    word.clear();
                }
                flush(&mut word, &mut out, &mut subs);
                let inner: String = chars.by_ref().take_while(|&c| c != '"').collect();
                let prefix = chars.peek() == Some(&'*');
                if prefix {
                    chars.next();
                }
                if let Some(p) = phrase(&inner, prefix, &mut subs) {
                    if not {
                        out.push("NOT".into());
                    }
                    out.push(p);
                }
            }
            '(' | ')' => {
                flush(&mut word, &mut out, &mut subs);
                out.push(c.to_string());
            }
            c if c.is_whitespace() => flush(&mut word, &mut out, &mut subs),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out, &mut subs);
    let out = well_formed(out);
    let fts = out.join(" ");
    let terms = out.iter().filter(|t| t.starts_with('"')).count();
    let problem = if let Some(text) = unnegatable.first() {
        Some(format!(
            "cannot leave out {}: text in Chinese, Japanese, Korean or Thai is found inside longer words, \
             which can only be asked for, not left out; drop the - to find it",
            crate::limits::shown(text)
        ))
    } else {
        leading_not(&out).then(|| {
            let first = out.iter().find(|t| t.starts_with('"')).cloned().unwrap_or_default();
            let word = first.trim_matches('"').trim_end_matches("\"*").to_string();
            format!(
                "a query cannot start with NOT or -: full-text search can only leave words out of what other \
                 words find; try words first, as in 'medicine -{word}' or 'medicine NOT {word}', or drop the - \
                 to find {word} itself"
            )
        })
    };
    Translated { fts: (terms > 0).then_some(fts), substrings: subs, terms, problem }
}

/// Whether a NOT has nothing before it to leave words out of: at the start,
/// after `(`, or after OR (FTS5 refuses all three).
fn leading_not(tokens: &[String]) -> bool {
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| t == "NOT" && (i == 0 || matches!(tokens[i - 1].as_str(), "(" | "OR" | "AND" | "NOT")))
}

/// Mends what people type that FTS5 would refuse without changing what it
/// asks: `a AND NOT b` is FTS5's binary `a NOT b`; a `)` with no `(` before
/// it is dropped, a `(` never closed is closed at the end, and `()` holding
/// nothing is dropped. A NOT with nothing before it is reported by
/// [`translate`] as its `problem`.
fn well_formed(tokens: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut depth = 0usize;
    for t in tokens {
        match t.as_str() {
            "NOT" if out.last().is_some_and(|l| l == "AND") => {
                out.pop();
                out.push(t);
            }
            ")" if depth == 0 => {}
            ")" if out.last().is_some_and(|l| l == "(") => {
                out.pop();
                depth -= 1;
            }
            ")" => {
                depth -= 1;
                out.push(t);
            }
            "(" => {
                depth += 1;
                out.push(t);
            }
            _ => out.push(t),
        }
    }
    while depth > 0 {
        if out.last().is_some_and(|l| l == "(") {
            out.pop();
        } else {
            out.push(")".into());
        }
        depth -= 1;
    }
    out
}

/// Items and readings matching `text`, best first within each kind (items
/// first). `theme` is a theme ID; `year` limits items to a year of study and
/// leaves readings out. Words match by English stem; text in scripts without
/// spaces matches as a substring.
pub fn search(
    conn: &Connection,
    text: &str,
    theme: Option<i64>,
    year: Option<i64>,
    marks: (&str, &str),
    limit: usize,
) -> Result<Vec<Hit>> {
    let q = translate(text);
    let fail = |e: rusqlite::Error| {
        let msg = e.to_string();
        if msg.contains("fts5") || msg.contains("syntax error") || msg.contains("no such column") {
            anyhow!(
                "search query {} is not valid full-text syntax ({}); expected words, \"quoted phrases\", \
                 prefix* and AND / OR / NOT with balanced parentheses, plus theme:SLUG and year:N",
                crate::limits::shown(text),
                crate::limits::cut(&msg, 200)
            )
        } else {
            anyhow!(e).context(format!("searching for {}", crate::limits::shown(text)))
        }
    };
    if let Some(p) = &q.problem {
        return Err(anyhow!("search query {}: {p}", crate::limits::shown(text)));
    }
    let terms = q.terms + q.substrings.len();
    if terms > crate::limits::MAX_QUERY_TERMS {
        return Err(anyhow!(
            "search query {} has {} words and phrases; expected at most {} (each costs the search a pass)",
            crate::limits::shown(text),
            crate::limits::thousands(terms),
            crate::limits::MAX_QUERY_TERMS
        ));
    }
    if q.fts.is_none() && q.substrings.is_empty() {
        return Err(anyhow!(
            "search query {} has no words to look for; expected words, \"a phrase\" or prefix*",
            crate::limits::shown(text)
        ));
    }
    let subs = (!q.substrings.is_empty()).then(|| serde_json::Value::from(q.substrings.clone()).to_string());
    let mut hits = Vec::new();
    let rows: Vec<Hit> = match &q.fts {
        Some(f) => query(conn, ITEMS_FTS, params![f, marks.0, marks.1, theme, year, limit as i64, subs], "item", None)
            .map_err(fail)?,
        None => query(conn, ITEMS_SCAN, params![subs, theme, year, limit as i64], "item", Some((&q.substrings, marks)))
            .map_err(fail)?,
    };
    hits.extend(rows);
    if year.is_some() {
        return Ok(hits);
    }
    let rows: Vec<Hit> = match &q.fts {
        Some(f) => query(conn, READINGS_FTS, params![f, marks.0, marks.1, theme, limit as i64, subs], "reading", None)
            .map_err(fail)?,
        None => query(conn, READINGS_SCAN, params![subs, theme, limit as i64], "reading", Some((&q.substrings, marks)))
            .map_err(fail)?,
    };
    hits.extend(rows);
    Ok(hits)
}

/// Every substring in the JSON array `?N` occurs in `text` (SQL fragment, bound parameter).
const ITEMS_FTS: &str = "SELECT i.id, m.code, m.year, i.title,
        snippet(item_fts, -1, ?2, ?3, '…', 16), bm25(item_fts, 2.0, 1.0) AS rank
   FROM item_fts JOIN item i ON i.id = item_fts.rowid JOIN module m ON m.id = i.module_id
  WHERE item_fts MATCH ?1
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.theme_id = ?4))
    AND (?5 IS NULL OR m.year = ?5)
    AND (?7 IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(?7) j
                                     WHERE instr(i.title || char(10) || i.outcomes, j.value) = 0))
  ORDER BY rank, i.id LIMIT ?6";

const ITEMS_SCAN: &str = "SELECT i.id, m.code, m.year, i.title, i.title || char(10) || i.outcomes, 0.0
   FROM item i JOIN module m ON m.id = i.module_id
  WHERE NOT EXISTS (SELECT 1 FROM json_each(?1) j WHERE instr(i.title || char(10) || i.outcomes, j.value) = 0)
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.theme_id = ?2))
    AND (?3 IS NULL OR m.year = ?3)
  ORDER BY m.year, m.code, i.position, i.id LIMIT ?4";

const READINGS_FTS: &str = "SELECT r.id, reading_fts.authors, r.year, r.title,
        snippet(reading_fts, -1, ?2, ?3, '…', 16), bm25(reading_fts, 2.0, 1.0, 1.0) AS rank
   FROM reading_fts JOIN reading r ON r.id = reading_fts.rowid
  WHERE reading_fts MATCH ?1
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id AND t.theme_id = ?4))
    AND (?6 IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(?6) j WHERE instr(r.title || char(10)
           || coalesce(r.annotation, '') || char(10) || reading_fts.authors, j.value) = 0))
  ORDER BY rank, r.id LIMIT ?5";

const READINGS_SCAN: &str = "SELECT r.id, f.authors, r.year, r.title,
        r.title || char(10) || f.authors || char(10) || coalesce(r.annotation, ''), 0.0
   FROM reading r JOIN reading_fts f ON f.rowid = r.id
  WHERE NOT EXISTS (SELECT 1 FROM json_each(?1) j WHERE instr(r.title || char(10)
           || coalesce(r.annotation, '') || char(10) || f.authors, j.value) = 0)
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id AND t.theme_id = ?2))
  ORDER BY r.title_key, r.id LIMIT ?3";

/// Runs one search statement; for a substring scan, `marks` the snippet in Rust.
fn query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    kind: &'static str,
    scan: Option<(&[String], (&str, &str))>,
) -> rusqlite::Result<Vec<Hit>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(params, |r| hit(kind, r))?;
    let mut out = Vec::new();
    for h in rows {
        let mut h = h?;
        if let Some((subs, marks)) = scan {
            h.snippet = mark(&h.snippet, subs, marks);
        }
        out.push(h);
    }
    Ok(out)
}

/// The line holding the first substring, each substring between the
/// marks: one pass over the text whatever the number of substrings
/// (Aho-Corasick, longest match first where two overlap).
fn mark(text: &str, subs: &[String], marks: (&str, &str)) -> String {
    use aho_corasick::{AhoCorasick, MatchKind};
    let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(subs) else {
        return text.lines().next().unwrap_or("").to_string();
    };
    let line = text.lines().find(|l| ac.is_match(l)).unwrap_or(text);
    let mut out = String::with_capacity(line.len() + 16);
    let mut last = 0;
    for m in ac.find_iter(line) {
        out.push_str(&line[last..m.start()]);
        out.push_str(marks.0);
        out.push_str(&line[m.range()]);
        out.push_str(marks.1);
        last = m.end();
    }
    out.push_str(&line[last..]);
    out
}

/// One search result from a row of (id, context, year, title, snippet, bm25).
fn hit(kind: &'static str, r: &rusqlite::Row) -> rusqlite::Result<Hit> {
    Ok(Hit {
        kind,
        id: r.get(0)?,
        context: r.get(1)?,
        year: r.get(2)?,
        title: r.get(3)?,
        snippet: r.get(4)?,
        // bm25 is lower for better matches; shown as a score that grows.
        score: match r.get::<_, f64>(5)? {
            0.0 => 0.0,
            s => -s,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_or_lists_are_balanced() {
        let t = |n: usize| (0..n).map(|i| format!("w{i}")).collect::<Vec<_>>();
        assert_eq!(balanced_or(&t(3)), "w0 OR (w1 OR w2)");
        assert_eq!(balanced_or(&t(4)), "(w0 OR w1) OR (w2 OR w3)");
        let words: Vec<String> = (0..5_000).map(|i| format!("word{i}")).collect();
        assert_eq!(any_word(&words).unwrap().matches(" OR ").count(), MAX_WORDS - 1);
    }

    #[test]
    fn filters_come_out_of_the_query() {
        let q = parse_query("theme:epistemic-bias bias* year:2").unwrap();
        assert_eq!(q, Query { text: "bias*".into(), theme: Some("epistemic-bias".into()), year: Some(2) });
        let q = parse_query("\"pulse oximetry\" OR \"about theme:x here\"").unwrap();
        assert_eq!(q.text, "\"pulse oximetry\" OR \"about theme:x here\"");
        assert!(parse_query("year:two").is_err());
    }

    #[test]
    fn what_people_type_becomes_phrases() {
        let t = |q: &str| translate(q).fts.unwrap_or_default();
        assert_eq!(t("race-based"), "\"race based\"");
        assert_eq!(t("COVID-19 vaccine"), "\"COVID 19\" \"vaccine\"");
        assert_eq!(t("Ibn Sina's"), "\"Ibn\" \"Sina s\"");
        assert_eq!(t("bias* OR \"pulse oximetry\""), "\"bias\"* OR \"pulse oximetry\"");
        // Phrases, never SQL; the stray `)` is dropped (see `well_formed`).
        assert_eq!(t("x'); DROP TABLE item; --"), "\"x\" \"DROP\" \"TABLE\" \"item\"");
        assert_eq!(t("(race OR ethnicity) AND eGFR"), "( \"race\" OR \"ethnicity\" ) AND \"eGFR\"");
        let cjk = translate("鲁迅 呐喊");
        assert_eq!((cjk.fts, cjk.substrings), (None, vec!["鲁迅".to_string(), "呐喊".to_string()]));
        let mixed = translate("医学 history");
        assert_eq!((mixed.fts.as_deref(), mixed.substrings.len()), (Some("\"history\""), 1));
    }

    #[test]
    fn words_are_quoted_prefixes() {
        assert_eq!(any_word(&["race".into(), "o\"k".into()]).unwrap(), "\"race\"* OR \"o k\"*");
        assert_eq!(any_word(&[]), None);
    }

    #[test]
    fn unbalanced_quotes_are_read_in_one_pass() {
        let t = translate("\"race\"race\"race");
        assert_eq!(t.fts.as_deref(), Some("\"race\" \"race\" \"race\""));
        assert_eq!(t.terms, 3);
        let t = translate(&"\"race".repeat(3_000));
        assert_eq!(t.terms, 3_000);
        assert_eq!(translate("\"").fts, None);
        assert_eq!(translate("(\"a b").fts.as_deref(), Some("( \"a b\" )"));
    }

    #[test]
    fn substrings_are_marked_in_one_pass() {
        let subs = vec!["医学".to_string(), "医".to_string(), "史".to_string()];
        assert_eq!(mark("x\n医学史 医", &subs, ("[", "]")), "[医学][史] [医]");
        assert_eq!(mark("none here", &subs, ("[", "]")), "none here");
    }
}

#[cfg(test)]
mod well_formed_tests {
    use super::*;

    #[test]
    fn queries_people_type_are_mended_not_refused() {
        assert_eq!(translate("race AND NOT bias").fts.as_deref(), Some("\"race\" NOT \"bias\""));
        assert_eq!(translate("race)").fts.as_deref(), Some("\"race\""));
        assert_eq!(translate("(race OR colonial").fts.as_deref(), Some("( \"race\" OR \"colonial\" )"));
        assert_eq!(translate("race ()").fts.as_deref(), Some("\"race\""));
        assert!(translate("NOT bias").problem.is_some());
    }

    #[test]
    fn a_leading_minus_leaves_a_word_out_but_never_starts_a_query() {
        let t = |q: &str| translate(q);
        assert_eq!(t("medicine -race").fts.as_deref(), Some("\"medicine\" NOT \"race\""));
        assert_eq!(t("medicine -race*").fts.as_deref(), Some("\"medicine\" NOT \"race\"*"));
        assert_eq!(t("medicine -\"pulse oximetry\"").fts.as_deref(), Some("\"medicine\" NOT \"pulse oximetry\""));
        assert_eq!(t("medicine AND -race").fts.as_deref(), Some("\"medicine\" NOT \"race\""));
        // A hyphen inside a word, or standing alone, is no operator.
        assert_eq!(t("race-based medicine").fts.as_deref(), Some("\"race based\" \"medicine\""));
        assert_eq!(t("race - medicine").fts.as_deref(), Some("\"race\" \"medicine\""));
        assert_eq!(t("-19").fts.as_deref(), Some("NOT \"19\""));
        for q in ["-race", "-race medicine", "NOT race", "(-race)", "a OR -race", "-\"pulse oximetry\""] {
            let p = t(q).problem.unwrap_or_else(|| panic!("{q}: no problem found"));
            assert!(p.starts_with("a query cannot start with NOT or -"), "{q}: {p}");
            assert!(p.contains("'medicine -") && p.contains("drop the -"), "{q}: {p}");
        }
        assert!(t("-race").problem.is_some_and(|p| p.contains("'medicine -race'")));
        // A substring cannot be left out: said, never silently required.
        let cjk = t("history -鲁迅");
        assert!(cjk.problem.is_some_and(|p| p.contains("鲁迅") && p.contains("cannot leave out")));
        assert!(t("medicine").problem.is_none() && t("race AND NOT bias").problem.is_none());
    }
}
