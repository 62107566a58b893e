//! Full-text search and relevance ranking over `item_fts` and `reading_fts`
//! (SQLite FTS5, bm25). User text reaches SQL only as the bound MATCH
//! parameter; a query FTS5 cannot parse is a clear error.

use anyhow::{Result, anyhow};
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
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

/// The text the full-text index holds in a reading's `title` column: its
/// title and, after it, its title in the original language when it has
/// one (schema 0030), so that a search finds a translated work by either
/// (`reading_fts`; the index keeps no separate column for it), and then the
/// own title of its volume of a multi-volume work (schema 0032).
pub(crate) fn fts_title(title: &str, original_title: Option<&str>, volume_title: Option<&str>) -> String {
    let mut out = title.to_string();
    for more in [original_title, volume_title].into_iter().flatten().map(str::trim).filter(|o| !o.is_empty()) {
        out.push(' ');
        out.push_str(more);
    }
    out
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
    /// `module`, `item` or `reading`.
    pub kind: &'static str,
    pub id: i64,
    /// For a module, its code; for an item, its module's code; for a
    /// reading, its authors.
    pub context: String,
    /// Year of study for a module or an item, publication year for a reading.
    pub year: Option<i64>,
    pub title: String,
    /// The best passage, matched words between `open` and `close` marks.
    pub snippet: String,
    /// bm25, negated: higher is better (comparable within a kind). `None`
    /// for a hit found by scanning the text (a substring in an unspaced
    /// script, a folded letter, a module code's start): such a hit has no
    /// relevance score and is listed after the ranked ones, in curriculum
    /// or title order.
    pub score: Option<f64>,
}

/// A query as typed, turned into an FTS5 expression and substrings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Translated {
    /// The FTS5 MATCH expression for the words and phrases, if any.
    pub fts: Option<String>,
    /// Text in scripts written without spaces (Chinese, Japanese, Korean,
    /// Thai), found as substrings, each in its place in [`Translated::expr`].
    pub substrings: Vec<String>,
    /// The whole query as tokens (operators, parentheses, FTS5 phrases and
    /// substrings), mended by `well_formed`. When it holds a substring,
    /// `fts` is `None` and the search evaluates this expression term by term.
    pub expr: Vec<Tok>,
    /// What was dropped from the query as typed, said to the user (an
    /// operator with nothing on one side, as in `race AND`).
    pub notes: Vec<String>,
    /// How many words and phrases the FTS5 expression holds.
    pub terms: usize,
    /// What makes the query impossible to run as typed, said to the user
    /// (a query that starts with NOT or `-`: FTS5 can only leave words out
    /// of what other words find).
    pub problem: Option<String>,
}

/// One token of a translated query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// `AND`, `OR`, `NOT`, `(` or `)`.
    Op(&'static str),
    /// A quoted FTS5 phrase, perhaps with a trailing `*`.
    Phrase(String),
    /// Text in an unspaced script, found as a substring.
    Sub(String),
}

impl Tok {
    fn is(&self, op: &str) -> bool {
        matches!(self, Tok::Op(o) if *o == op)
    }

    fn term(&self) -> bool {
        !matches!(self, Tok::Op(_))
    }
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
/// The terms a word or phrase becomes (one phrase and any substrings; more
/// than one is their AND), wrapped in parentheses when there are several.
/// The runs of letters and digits of `raw`, without the "s" of an English
/// possessive at its end ("Ibn Sina's", "Galen’s"): the index holds "Sina's" as "sina"
/// and "s", so the query's "s" would ask for an "s" after every "Sina" and
/// miss "Ibn Sina" itself. A plural possessive ("travellers'") loses only
/// its apostrophe, as any punctuation.
fn possessive_free_runs(raw: &str) -> Vec<&str> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in raw.char_indices() {
        // A combining mark (a Latin accent typed apart, an Indic vowel
        // sign) is part of its word, never a break in it.
        if in_word(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            spans.push((s, i));
        }
    }
    if let Some(s) = start {
        spans.push((s, raw.len()));
    }
    // Only at the end of what was typed: inside a quoted phrase ("Ibn
    // Sina's Canon") the "s" keeps the words adjacent as the index holds them.
    let last = spans.len().saturating_sub(1);
    spans
        .into_iter()
        .enumerate()
        .filter(|&(i, (s, e))| {
            let mut before = raw[..s].chars().rev();
            let possessive = i == last
                && i > 0
                && raw[s..e].eq_ignore_ascii_case("s")
                && before.next().is_some_and(|a| matches!(a, '\'' | '\u{2019}'))
                && before.next().is_some_and(char::is_alphanumeric);
            !possessive
        })
        .map(|(_, (s, e))| &raw[s..e])
        .collect()
}

/// The phrase of `words` in each of its words' spellings
/// ([`spellings`](crate::analysis::lexicon::spellings)), as written first;
/// at most [`MAX_SPELLINGS`] phrases (further spellings are not looked for).
fn spelled(words: &[String]) -> Vec<String> {
    let mut out = vec![String::new()];
    for (i, w) in words.iter().enumerate() {
        let forms = crate::analysis::lexicon::spellings(w);
        let mut next = Vec::new();
        for p in &out {
            for f in &forms {
                if next.len() < MAX_SPELLINGS {
                    next.push(if i == 0 { f.clone() } else { format!("{p} {f}") });
                }
            }
        }
        out = next;
    }
    out
}

/// The most spellings of one phrase a search looks for.
const MAX_SPELLINGS: usize = 8;

fn phrase(raw: &str, prefix: bool) -> Vec<Tok> {
    // The vowel signs of a word copied from a vocalised source ("مُحَمَّد",
    // "שָׂרָה") are left out, as [`fold`] leaves them out of the text: the
    // index finds the word written without them, and [`fold_scan`] the word
    // written with them (tester r77 F15: the word was cut at each sign).
    let raw: String = raw.chars().filter(|c| !crate::import::vowel_sign(*c)).collect();
    let mut runs: Vec<String> = Vec::new();
    let mut terms = Vec::new();
    for run in possessive_free_runs(&raw) {
        if run.chars().any(unspaced) {
            terms.push(Tok::Sub(run.to_string()));
        } else {
            runs.push(run.to_string());
        }
    }
    if !runs.is_empty() {
        // Each British or American spelling of the words is looked for
        // ("decolonizing" finds "Decolonising"), as `suggest` and the
        // proposals take them as one; at most a few spellings of a phrase.
        let mut phrases = if prefix { vec![runs.join(" ")] } else { spelled(&runs) };
        // A word of letters then digits is also looked for as two words
        // ("COVID19" finds "COVID-19", which the index holds as "covid 19":
        // tester r13, P10).
        if !prefix {
            let split: Vec<String> = phrases.iter().filter_map(|p| letters_then_digits(p)).collect();
            phrases.extend(split);
        }
        let star = if prefix { "*" } else { "" };
        let mut group = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            if i > 0 {
                group.push(Tok::Op("OR"));
            }
            group.push(Tok::Phrase(format!("\"{p}\"{star}")));
        }
        if phrases.len() > 1 {
            group.insert(0, Tok::Op("("));
            group.push(Tok::Op(")"));
        }
        terms.splice(0..0, group);
    }
    if terms.len() > 1 {
        terms.insert(0, Tok::Op("("));
        terms.push(Tok::Op(")"));
    }
    terms
}

/// `phrase` with each word of two or more ASCII letters followed by digits
/// ("COVID19", "SARS2") split between them ("COVID 19"); `None` when no word
/// is of that form.
fn letters_then_digits(phrase: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = phrase
        .split(' ')
        .map(|w| {
            let letters = w.chars().take_while(char::is_ascii_alphabetic).count();
            let rest = &w[letters..];
            if letters >= 2 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
                changed = true;
                format!("{} {rest}", &w[..letters])
            } else {
                w.to_string()
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Turns what a person types into FTS5 syntax: plain words, hyphens and
/// apostrophes work unquoted; "quoted phrases", prefix*, AND / OR / NOT and
/// parentheses keep their meaning, for words and for text in unspaced
/// scripts alike. The result is still bound as one parameter.
pub fn translate(text: &str) -> Translated {
    let mut out: Vec<Tok> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Tok>| {
        if word.is_empty() {
            return;
        }
        match word.as_str() {
            "AND" => out.push(Tok::Op("AND")),
            "OR" => out.push(Tok::Op("OR")),
            "NOT" => out.push(Tok::Op("NOT")),
            _ => {
                // `-word` leaves the word out, as in web search: FTS5's NOT.
                let (not, w) = match word.strip_prefix('-') {
                    Some(rest) if rest.chars().next().is_some_and(char::is_alphanumeric) => (true, rest),
                    _ => (false, word.as_str()),
                };
                let terms = phrase(w.trim_end_matches('*'), w.ends_with('*'));
                if not && !terms.is_empty() {
                    out.push(Tok::Op("NOT"));
                }
                out.extend(terms);
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
                flush(&mut word, &mut out);
                let inner: String = chars.by_ref().take_while(|&c| c != '"').collect();
                let prefix = chars.peek() == Some(&'*');
                if prefix {
                    chars.next();
                }
                let terms = phrase(&inner, prefix);
                if not && !terms.is_empty() {
                    out.push(Tok::Op("NOT"));
                }
                out.extend(terms);
            }
            '(' => {
                flush(&mut word, &mut out);
                out.push(Tok::Op("("));
            }
            ')' => {
                flush(&mut word, &mut out);
                out.push(Tok::Op(")"));
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    let mut notes = Vec::new();
    let expr = well_formed(out, &mut notes);
    let substrings: Vec<String> =
        expr.iter().filter_map(|t| if let Tok::Sub(s) = t { Some(s.clone()) } else { None }).collect();
    let terms = expr.iter().filter(|t| matches!(t, Tok::Phrase(_))).count();
    let fts = (terms > 0 && substrings.is_empty()).then(|| {
        expr.iter()
            .map(|t| match t {
                Tok::Op(o) => o.to_string(),
                Tok::Phrase(p) | Tok::Sub(p) => p.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    let problem = leading_not(&expr).then(|| {
        let first = expr
            .iter()
            .find_map(|t| match t {
                Tok::Phrase(p) => Some(p.trim_matches('"').trim_end_matches("\"*").to_string()),
                Tok::Sub(s) => Some(s.clone()),
                Tok::Op(_) => None,
            })
            .unwrap_or_default();
        format!(
            "a query cannot start with NOT or -: full-text search can only leave words out of what other \
             words find; try words first, as in 'medicine -{first}' or 'medicine NOT {first}', or drop the - \
             to find {first} itself"
        )
    });
    Translated { fts, substrings, expr, terms, notes, problem }
}

/// Whether a NOT has nothing before it to leave words out of: at the start,
/// after `(`, or after OR (FTS5 refuses all three).
fn leading_not(tokens: &[Tok]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        t.is("NOT") && (i == 0 || matches!(&tokens[i - 1], Tok::Op(o) if matches!(*o, "(" | "OR" | "AND" | "NOT")))
    })
}

/// Mends what people type that FTS5 would refuse without changing what it
/// asks: `a AND NOT b` is FTS5's binary `a NOT b`; a `)` with no `(` before
/// it is dropped, a `(` never closed is closed at the end, and `()` holding
/// nothing is dropped. AND or OR with no term on one side (`race AND`,
/// `OR race`, `(race OR)`, `race AND OR bias`) is dropped, with a note in
/// `notes`, and so is a NOT with nothing after it. A NOT with nothing
/// before it is reported by [`translate`] as its `problem`.
fn well_formed(tokens: Vec<Tok>, notes: &mut Vec<String>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(tokens.len());
    let mut depth = 0usize;
    let mut dropped: Vec<&'static str> = Vec::new();
    // Drops binary operators (and a NOT) left dangling before a `)` or at the end.
    let trim = |out: &mut Vec<Tok>, dropped: &mut Vec<&'static str>| {
        while let Some(&Tok::Op(o @ ("AND" | "OR" | "NOT"))) = out.last() {
            dropped.push(o);
            out.pop();
        }
    };
    for t in tokens {
        match &t {
            Tok::Op("NOT") if out.last().is_some_and(|l| l.is("AND")) => {
                out.pop();
                out.push(t);
            }
            &Tok::Op(o @ ("AND" | "OR")) => {
                // A binary operator needs a term (or a closed group) before it.
                if out.last().is_some_and(|l| l.term() || l.is(")")) {
                    out.push(t);
                } else {
                    dropped.push(o);
                }
            }
            Tok::Op(")") if depth == 0 => {}
            Tok::Op(")") => {
                trim(&mut out, &mut dropped);
                depth -= 1;
                if out.last().is_some_and(|l| l.is("(")) {
                    out.pop();
                } else {
                    out.push(t);
                }
            }
            Tok::Op("(") => {
                depth += 1;
                if out.last().is_some_and(|l| l.term() || l.is(")")) {
                    // FTS5 joins side-by-side phrases only: a group needs its AND.
                    out.push(Tok::Op("AND"));
                }
                out.push(t);
            }
            _ => {
                if t.term() && out.last().is_some_and(|l| l.is(")")) {
                    out.push(Tok::Op("AND"));
                }
                out.push(t)
            }
        }
    }
    trim(&mut out, &mut dropped);
    while depth > 0 {
        if out.last().is_some_and(|l| l.is("(")) {
            out.pop();
        } else {
            out.push(Tok::Op(")"));
        }
        depth -= 1;
        trim(&mut out, &mut dropped);
    }
    if !dropped.is_empty() {
        dropped.dedup();
        notes.push(format!(
            "{} with nothing to join on one side was left out of the query; \
             expected a word or phrase on each side, as in 'race AND medicine'",
            dropped.join(", ")
        ));
    }
    out
}

/// Modules, items and readings matching `text`, best first within each kind
/// (modules, then items, then readings). `theme` is a theme ID (a module is
/// in it when one of its items is tagged with it); `year` limits modules and
/// items to a year of study and leaves readings out. Words match by English stem; text in scripts without
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
    let mut hits = Vec::new();
    // A word whose Porter stem is shared by words of another sense ("colonies"
    // and "colonial" are both "coloni") cannot be told apart in the stemmed
    // index: such a query is also evaluated term by term, each such word's
    // matches read again (`Eval::primary`), and the ranked full-text search
    // keeps only the IDs that hold every word in its sense.
    // A NOT over such a word cannot be ranked that way ("colonies NOT
    // colonial" is "coloni NOT coloni" in the index): such a query is
    // answered from the term-by-term sets alone, in curriculum order.
    let split = q.expr.iter().any(|t| !split_words(t).is_empty());
    let negated = split && q.expr.iter().any(|t| t.is("NOT"));
    // A phrase also matches by its folded words (`fold_scan`: "Lodzi" finds
    // "Łodzi", which the index keeps apart, and "MED30" the modules whose
    // code starts so). When it finds any, the query is evaluated term by
    // term (`Eval`) with them: the ranked full-text search keeps only those
    // IDs (so a NOT leaves out the folded matches too), and the IDs it
    // cannot rank follow it, unscored, in curriculum or title order. A
    // corpus in ASCII letters reads the index alone, as before.
    let shown = shown_terms(&q.expr);
    let scan = Some((shown.as_slice(), marks));
    let json = |ids: &Ids| serde_json::Value::from(ids.iter().copied().collect::<Vec<_>>()).to_string();
    let kinds: [(Target, &str, &str, &'static str); 3] = [
        (Target::Modules, MODULES_FTS, MODULES_BY_ID, "module"),
        (Target::Items, ITEMS_FTS, ITEMS_BY_ID, "item"),
        (Target::Readings, READINGS_FTS, READINGS_BY_ID, "reading"),
    ];
    for (target, ranked, by_id, kind) in kinds {
        if target == Target::Readings && year.is_some() {
            continue;
        }
        let mut folded: HashMap<String, Ids> = HashMap::new();
        for t in &q.expr {
            if let Tok::Phrase(p) = t
                && !folded.contains_key(p)
            {
                let ids = fold_scan(conn, target, p).map_err(fail)?;
                if !ids.is_empty() {
                    folded.insert(p.clone(), ids);
                }
            }
        }
        let ids = if split || !folded.is_empty() || q.fts.is_none() {
            Some(Eval { conn, target, toks: &q.expr, pos: 0, folded: &folded }.run_set().map_err(fail)?)
        } else {
            None
        };
        let mut found = Vec::new();
        if let Some(f) = q.fts.as_ref().filter(|_| !negated) {
            let all = ids.as_ref().map(json);
            found = match target {
                Target::Readings => {
                    query(conn, ranked, params![f, marks.0, marks.1, theme, limit as i64, all], kind, None)
                }
                _ => query(conn, ranked, params![f, marks.0, marks.1, theme, year, limit as i64, all], kind, None),
            }
            .map_err(fail)?;
        }
        let room = limit.saturating_sub(found.len());
        let placed: std::collections::HashSet<i64> = found.iter().map(|h| h.id).collect();
        let rest: Ids = ids.unwrap_or_default().into_iter().filter(|id| !placed.contains(id)).collect();
        if room > 0 && !rest.is_empty() {
            let rest = json(&rest);
            found.extend(
                match target {
                    Target::Readings => query(conn, by_id, params![rest, theme, room as i64], kind, scan),
                    _ => query(conn, by_id, params![rest, theme, year, room as i64], kind, scan),
                }
                .map_err(fail)?,
            );
        }
        hits.extend(found);
    }
    Ok(hits)
}

/// The words and substrings of a query, to mark in a snippet.
fn shown_terms(expr: &[Tok]) -> Vec<String> {
    let mut out = Vec::new();
    for t in expr {
        match t {
            Tok::Sub(s) => out.push(s.clone()),
            Tok::Phrase(p) => out.extend(
                p.trim_end_matches('*').trim_matches('"').split(' ').filter(|w| !w.is_empty()).map(String::from),
            ),
            Tok::Op(_) => {}
        }
    }
    out
}

/// Evaluates a mended query (see `well_formed`) over the items or the
/// readings as sets of IDs, with FTS5's precedence: NOT binds tightest, then
/// AND (or two terms side by side), then OR. A phrase is looked up in the
/// full-text index, a substring by scanning the text.
struct Eval<'a> {
    conn: &'a Connection,
    target: Target,
    toks: &'a [Tok],
    pos: usize,
    /// The IDs each phrase finds by its folded words ([`fold_scan`]), besides the index's.
    folded: &'a HashMap<String, Ids>,
}

type Ids = std::collections::BTreeSet<i64>;

/// What a search looks through: modules (code and title), items (title and
/// outcomes) or readings (title, authors and annotation).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Modules,
    Items,
    Readings,
}

impl Eval<'_> {
    /// The matching IDs.
    fn run_set(mut self) -> rusqlite::Result<Ids> {
        let mut ids = self.or()?;
        // Anything left over (never, after `well_formed`) is ANDed, not lost.
        while self.pos < self.toks.len() {
            let more = self.or()?;
            ids.retain(|i| more.contains(i));
        }
        Ok(ids)
    }

    fn at(&self, op: &str) -> bool {
        self.toks.get(self.pos).is_some_and(|t| t.is(op))
    }

    fn or(&mut self) -> rusqlite::Result<Ids> {
        let mut acc = self.and()?;
        while self.at("OR") {
            self.pos += 1;
            acc.extend(self.and()?);
        }
        Ok(acc)
    }

    fn and(&mut self) -> rusqlite::Result<Ids> {
        let mut acc = self.not()?;
        loop {
            if self.at("AND") {
                self.pos += 1;
            } else if !self.toks.get(self.pos).is_some_and(|t| t.term() || t.is("(")) {
                return Ok(acc);
            }
            let more = self.not()?;
            acc.retain(|i| more.contains(i));
        }
    }

    fn not(&mut self) -> rusqlite::Result<Ids> {
        let mut acc = self.primary()?;
        while self.at("NOT") {
            self.pos += 1;
            let out = self.primary()?;
            acc.retain(|i| !out.contains(i));
        }
        Ok(acc)
    }

    fn primary(&mut self) -> rusqlite::Result<Ids> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        let sql = match (&t, self.target) {
            (Some(Tok::Op("(")), _) => {
                let ids = self.or()?;
                if self.at(")") {
                    self.pos += 1;
                }
                return Ok(ids);
            }
            (Some(Tok::Phrase(_)), Target::Modules) => "SELECT rowid FROM module_fts WHERE module_fts MATCH ?1",
            (Some(Tok::Phrase(_)), Target::Items) => "SELECT rowid FROM item_fts WHERE item_fts MATCH ?1",
            (Some(Tok::Phrase(_)), Target::Readings) => "SELECT rowid FROM reading_fts WHERE reading_fts MATCH ?1",
            (Some(Tok::Sub(_)), Target::Modules) => {
                "SELECT id FROM module WHERE instr(code || char(10) || title, ?1) > 0"
            }
            (Some(Tok::Sub(_)), Target::Items) => {
                "SELECT id FROM item WHERE instr(title || char(10) || outcomes, ?1) > 0"
            }
            // The authors also as a name in Chinese, Japanese or Korean is
            // written and printed, family and given name run together: "王,
            // 小明" is found by "王小明" (tester r77 F3).
            (Some(Tok::Sub(_)), Target::Readings) => {
                "SELECT r.id FROM reading r JOIN reading_fts f ON f.rowid = r.id
                  WHERE instr(r.title || char(10) || coalesce(r.annotation, '') || char(10) || f.authors
                              || char(10) || replace(f.authors, ', ', ''), ?1) > 0"
            }
            _ => return Ok(Ids::new()),
        };
        let Some(Tok::Phrase(term) | Tok::Sub(term)) = &t else { return Ok(Ids::new()) };
        let mut st = self.conn.prepare_cached(sql)?;
        let mut ids = st.query_map([term], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Ids>>()?;
        if let Some(Tok::Phrase(p)) = &t
            && let Some(more) = self.folded.get(p)
        {
            ids.extend(more.iter().copied());
        }
        let split = t.as_ref().map(split_words).unwrap_or_default();
        if !split.is_empty() {
            let sql = match self.target {
                Target::Readings => {
                    "SELECT r.title || ' ' || coalesce(r.annotation, '') || ' ' || f.authors
                       FROM reading r JOIN reading_fts f ON f.rowid = r.id WHERE r.id = ?1"
                }
                Target::Items => "SELECT title || ' ' || outcomes FROM item WHERE id = ?1",
                Target::Modules => "SELECT code || ' ' || title FROM module WHERE id = ?1",
            };
            let mut st = self.conn.prepare_cached(sql)?;
            let mut keep = Ids::new();
            for id in ids {
                let text: String = st.query_row([id], |r| r.get(0))?;
                if holds_in_sense(&text, &split) {
                    keep.insert(id);
                }
            }
            ids = keep;
        }
        Ok(ids)
    }
}

pub use crate::import::fold;

/// The most letters a word of non-ASCII text may run on past a folded
/// query word and still match it (`fold_scan`): an inflected ending such as
/// Greek "-ς", "-ής", Polish "-i", or Cyrillic "-ы" ("ιατρικη" finds
/// "ιατρικής"). Text in ASCII letters is matched by the index's English
/// stems only.
const FOLDED_ENDING: usize = 2;

/// The fewest letters two words of non-ASCII text must share from their
/// start for an ending of each to be set aside ([`inflected`]): "колониальная"
/// and "колониальной" share "колониальн".
const INFLECTED_STEM: usize = 4;

/// Whether `text_word` (folded, of non-ASCII text) is `query` (folded) with
/// another inflected ending: the text word runs on past the query by at most
/// [`FOLDED_ENDING`] letters ("ιατρικη" finds "ιατρικής"), or both share a
/// start of at least [`INFLECTED_STEM`] letters and each goes on past it by
/// one or two letters (Russian "колониальная" finds "колониальной", a case
/// ending replacing another). A query that runs on past a word of the text
/// does not find it ("Lodzia" does not find "Łodzi"). A Hebrew word may also carry one of the
/// prefixed particles ה ו ב ל מ ש כ ("the", "and", "in", "to", "from",
/// "that", "as"), which Hebrew writes joined to the next word: "רפואה" finds
/// "הרפואות". The rule is a light stemmer for languages canon has no stemmer
/// for, in the manner of the "light" stemmers of Savoy (2006) for Russian and
/// Hebrew search; it finds inflections and may rarely join two words that
/// differ only in their last letters.
fn inflected(text_word: &str, query: &str) -> bool {
    let t: Vec<char> = text_word.chars().collect();
    let q: Vec<char> = query.chars().collect();
    let near_to = |t: &[char], q: &[char]| {
        let common = t.iter().zip(q).take_while(|(a, b)| a == b).count();
        (common == q.len() && t.len() - common <= FOLDED_ENDING)
            || (common >= INFLECTED_STEM
                && (1..=FOLDED_ENDING).contains(&(q.len() - common))
                && (1..=FOLDED_ENDING).contains(&(t.len() - common)))
    };
    let near = |t: &[char]| near_to(t, &q);
    // Arabic: the word without its proclitic, against the query without its own.
    let arabic = || {
        let n = arabic_proclitic(&t)?;
        let m = arabic_proclitic(&q).unwrap_or(0);
        Some(near_to(&t[n..], &q) || (m > 0 && near_to(&t[n..], &q[m..])))
    };
    near(&t)
        || (t.len() > INFLECTED_STEM
            && q.first() != t.first()
            && matches!(t[0], 'ה' | 'ו' | 'ב' | 'ל' | 'מ' | 'ש' | 'כ')
            && near(&t[1..]))
        || arabic() == Some(true)
}

/// The length of the proclitic an Arabic word of the text opens with: the
/// article "ال" alone or after "و", "ب", "ف", "ك" ("والطب", "بالطب"), "لل"
/// (the article after "ل"), or one of those letters alone before a word of
/// three or more letters: so "طب" finds "الطب" and "والطب" (tester r13,
/// P10). As for Hebrew, this is a light stemmer's rule (Larkey, Ballesteros
/// and Connell 2002, "light8": the prefixes removed before indexing).
fn arabic_proclitic(t: &[char]) -> Option<usize> {
    let starts = |p: &str| t.iter().copied().take(p.chars().count()).eq(p.chars());
    for p in ["وال", "بال", "فال", "كال"] {
        if starts(p) && t.len() >= 5 {
            return Some(3);
        }
    }
    if (starts("ال") || starts("لل")) && t.len() >= 4 {
        return Some(2);
    }
    (matches!(t.first(), Some('و' | 'ب' | 'ف' | 'ك' | 'ل')) && t.len() >= 4).then_some(1)
}

/// The IDs whose text holds the phrase term `term` (`"words"` or
/// `"words"*`, as [`phrase`] writes it) once both are folded ([`fold`]):
/// the matches the full-text index misses because it keeps letters such as
/// "ł", "ø" or Greek accents. Each query word matches a word of the text
/// that folds to it; the last one of a prefix term (`MED3*`) any word it
/// starts; a word of non-ASCII text also when it is the query word with
/// another inflected ending ([`inflected`]). A module also matches a one-word term with a
/// digit that starts its code ("MED30" finds MED3001 and MED3005: people
/// type a code's start without the `*`). When the term is in ASCII
/// letters, only rows with non-ASCII text are read (the index has the
/// rest).
fn fold_scan(conn: &Connection, target: Target, term: &str) -> rusqlite::Result<Ids> {
    let prefix = term.ends_with('*');
    let words: Vec<String> = fold(term.trim_end_matches('*').trim_matches('"'))
        .split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if words.is_empty() {
        return Ok(Ids::new());
    }
    let code_start = target == Target::Modules
        && words.len() == 1
        && words[0].chars().any(|c| c.is_ascii_digit())
        && words[0].chars().all(|c| c.is_ascii_alphanumeric());
    let ascii = term.is_ascii();
    let text = match target {
        Target::Modules => "m.code || ' ' || m.title",
        Target::Items => "i.title || ' ' || i.outcomes",
        Target::Readings => "r.title || ' ' || coalesce(r.annotation, '') || ' ' || f.authors",
    };
    let from = match target {
        Target::Modules => "module m",
        Target::Items => "item i",
        Target::Readings => "reading r JOIN reading_fts f ON f.rowid = r.id",
    };
    let id = match target {
        Target::Modules => "m.id",
        Target::Items => "i.id",
        Target::Readings => "r.id",
    };
    let mut out = Ids::new();
    if code_start {
        // A code's start, compared in SQL ("MED30" finds MED3001; the word
        // is ASCII letters and digits, so it holds no LIKE wildcard).
        let mut st = conn.prepare_cached("SELECT id FROM module WHERE code LIKE ?1")?;
        let ids = st.query_map([format!("{}%", words[0])], |r| r.get::<_, i64>(0))?;
        for id in ids {
            out.insert(id?);
        }
    }
    // The index's own words that fold to a query word ("łodzi" for
    // "lodzi", "ιατρικήσ" for "ιατρικη"), read from its vocabulary (a
    // temporary fts5vocab table: nothing is written to the database), so the
    // cost is that of the distinct words, not of the rows. For a query in
    // ASCII letters only the non-ASCII words can fold to it (the index has
    // the rest). The rows holding a candidate of every query word are then
    // found through the index and, for a phrase of several words, checked
    // for the words one after another.
    let table = match target {
        Target::Modules => "module_fts",
        Target::Items => "item_fts",
        Target::Readings => "reading_fts",
    };
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab USING fts5vocab(main, {table}, 'row')"
    ))?;
    let filter = if ascii { " WHERE length(CAST(term AS BLOB)) > length(term)" } else { "" };
    let mut st = conn.prepare_cached(&format!("SELECT term FROM temp.{table}_vocab{filter}"))?;
    let mut rows = st.query([])?;
    let mut groups: Vec<Vec<String>> = words.iter().map(|_| Vec::new()).collect();
    // The index holds Porter stems of the words, its own letters unfolded:
    // "Straße" is "straß" there (the final e stripped), which folds to
    // "strass", the stem of the query word "strasse", not to the word.
    let stems: Vec<String> = words.iter().map(|w| crate::analysis::stem::stem(w).into_owned()).collect();
    while let Some(r) = rows.next()? {
        let t: String = r.get(0)?;
        let (ft, wide) = (fold(&t), !t.is_ascii());
        for (i, w) in words.iter().enumerate() {
            let last = i + 1 == words.len();
            let hit = ft == *w
                || (wide && ft == stems[i])
                || (last && prefix && ft.starts_with(w.as_str()))
                || (wide && inflected(&ft, w));
            if hit && t != *w {
                groups[i].push(t.clone());
            }
        }
    }
    if groups.iter().all(Vec::is_empty) {
        return Ok(out);
    }
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let expr = words
        .iter()
        .zip(&groups)
        .enumerate()
        .map(|(i, (w, cands))| {
            let own = if prefix && i + 1 == words.len() { format!("{}*", quote(w)) } else { quote(w) };
            let all: Vec<String> = std::iter::once(own).chain(cands.iter().map(|c| quote(c))).collect();
            format!("({})", all.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut st = conn.prepare_cached(&format!("SELECT rowid FROM {table} WHERE {table} MATCH ?1"))?;
    let found = st.query_map([expr], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    let mut text_of = conn.prepare_cached(&format!("SELECT {text} FROM {from} WHERE {id} = ?1"))?;
    for id in found {
        if out.contains(&id) {
            continue;
        }
        if words.len() == 1 {
            out.insert(id);
            continue;
        }
        let text: Option<String> = text_of.query_row([id], |r| r.get(0)).optional()?;
        if text.is_some_and(|t| folded_phrase_in(&t, &words, prefix)) {
            out.insert(id);
        }
    }
    Ok(out)
}

/// Whether `c` is part of a word: a letter, digit or combining mark (an
/// Indic vowel sign, a virama).
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Whether `text`, folded, holds `words` (folded) one after another; see
/// [`fold_scan`] for how a word matches.
fn folded_phrase_in(text: &str, words: &[String], prefix: bool) -> bool {
    let seen: Vec<(String, bool)> =
        text.split(|c: char| !in_word(c)).filter(|w| !w.is_empty()).map(|w| (fold(w), w.is_ascii())).collect();
    let matches = |(t, ascii): &(String, bool), w: &str, last: bool| {
        t == w || (last && prefix && t.starts_with(w)) || (!ascii && inflected(t, w))
    };
    seen.windows(words.len())
        .any(|win| win.iter().zip(words).enumerate().all(|(i, (t, w))| matches(t, w, i + 1 == words.len())))
}

/// The words of a phrase term (not a prefix) whose stem other words of
/// another sense share ([`stem_is_split`](crate::analysis::lexicon::stem_is_split)).
fn split_words(t: &Tok) -> Vec<String> {
    match t {
        Tok::Phrase(p) if !p.ends_with('*') => p
            .trim_matches('"')
            .split(' ')
            .filter(|w| crate::analysis::lexicon::stem_is_split(w))
            .map(str::to_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `text` holds, for each of `words`, a word with its Porter stem in
/// its sense ([`stem_shares_sense`](crate::analysis::lexicon::stem_shares_sense)):
/// "colonies" is in "bacterial colony counts", not in "colonial medicine".
///
/// A word of the text in a clinical sense ("colonial morphology on agar
/// plates", [`clinical_flags`](crate::analysis::lexicon::clinical_flags), the
/// rule `suggest` and the proposals use) holds only the word exactly as
/// typed: `colonial` finds that session, `colonialism` does not.
fn holds_in_sense(text: &str, words: &[String]) -> bool {
    use crate::analysis::{
        lexicon::{clinical_flags, stem_shares_sense},
        stem::stem,
    };
    let flags = clinical_flags(text);
    let text = normalise(text);
    let seen: Vec<(String, bool)> = text
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .zip(flags.into_iter().chain(std::iter::repeat(false)))
        .collect();
    words.iter().all(|w| {
        let s = stem(w);
        seen.iter().any(|(t, clinical)| stem(t) == s && stem_shares_sense(w, t) && (!clinical || t == w))
    })
}

/// Modules whose code or title matches `?1`. A module is in a theme's scope
/// when one of its items is tagged with the theme.
const MODULES_FTS: &str = "SELECT m.id, m.code, m.year, m.title,
        snippet(module_fts, 1, ?2, ?3, '…', 16), bm25(module_fts, 1.0, 2.0) AS rank
   FROM module_fts JOIN module m ON m.id = module_fts.rowid
  WHERE module_fts MATCH ?1
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item i JOIN item_tag t ON t.item_id = i.id
                                WHERE i.module_id = m.id AND t.theme_id = ?4))
    AND (?5 IS NULL OR m.year = ?5)
    AND (?7 IS NULL OR m.id IN (SELECT value FROM json_each(?7)))
  ORDER BY rank, m.id LIMIT ?6";

/// Modules whose IDs are in the JSON array `?1`, in curriculum order.
const MODULES_BY_ID: &str = "SELECT m.id, m.code, m.year, m.title, m.code || char(10) || m.title, NULL
   FROM module m
  WHERE m.id IN (SELECT value FROM json_each(?1))
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM item i JOIN item_tag t ON t.item_id = i.id
                                WHERE i.module_id = m.id AND t.theme_id = ?2))
    AND (?3 IS NULL OR m.year = ?3)
  ORDER BY m.year, m.code, m.id LIMIT ?4";

const ITEMS_FTS: &str = "SELECT i.id, m.code, m.year, i.title,
        snippet(item_fts, -1, ?2, ?3, '…', 16), bm25(item_fts, 2.0, 1.0) AS rank
   FROM item_fts JOIN item i ON i.id = item_fts.rowid JOIN module m ON m.id = i.module_id
  WHERE item_fts MATCH ?1
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.theme_id = ?4))
    AND (?5 IS NULL OR m.year = ?5)
    AND (?7 IS NULL OR i.id IN (SELECT value FROM json_each(?7)))
  ORDER BY rank, i.id LIMIT ?6";

/// Items whose IDs are in the JSON array `?1`, in curriculum order.
const ITEMS_BY_ID: &str = "SELECT i.id, m.code, m.year, i.title, i.title || char(10) || i.outcomes, NULL
   FROM item i JOIN module m ON m.id = i.module_id
  WHERE i.id IN (SELECT value FROM json_each(?1))
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.theme_id = ?2))
    AND (?3 IS NULL OR m.year = ?3)
  ORDER BY m.year, m.code, i.position, i.id LIMIT ?4";

const READINGS_FTS: &str = "SELECT r.id, reading_fts.authors, r.year, r.title,
        snippet(reading_fts, -1, ?2, ?3, '…', 16), bm25(reading_fts, 2.0, 1.0, 1.0) AS rank
   FROM reading_fts JOIN reading r ON r.id = reading_fts.rowid
  WHERE reading_fts MATCH ?1
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id AND t.theme_id = ?4))
    AND (?6 IS NULL OR r.id IN (SELECT value FROM json_each(?6)))
  ORDER BY rank, r.id LIMIT ?5";

/// Readings whose IDs are in the JSON array `?1`, by title.
const READINGS_BY_ID: &str = "SELECT r.id, f.authors, r.year, r.title,
        r.title || char(10) || f.authors || char(10) || coalesce(r.annotation, ''), NULL
   FROM reading r JOIN reading_fts f ON f.rowid = r.id
  WHERE r.id IN (SELECT value FROM json_each(?1))
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
/// (Aho-Corasick, longest match first where two overlap). A word of the
/// line that a query word finds by folding ([`fold_scan`]: "Lodzi" finds
/// "Łodzi", "ιατρικη" finds "Ιατρικής", "medecine" finds "MÉDECINE") is
/// marked whole, as an exact match is (issue 13, 13e: such hits were shown
/// unmarked).
fn mark(text: &str, subs: &[String], marks: (&str, &str)) -> String {
    use aho_corasick::{AhoCorasick, MatchKind};
    // A name in an unspaced script typed as it is printed ("王小明") is held
    // "Family, Given" ("王, 小明"), as the search finds it ([`Eval::primary`]):
    // marked in that form too.
    let mut patterns: Vec<String> = subs.to_vec();
    for s in subs.iter().filter(|s| s.chars().all(unspaced)) {
        let chars: Vec<char> = s.chars().collect();
        if (2..=8).contains(&chars.len()) {
            for k in 1..chars.len() {
                patterns.push(format!(
                    "{}, {}",
                    chars[..k].iter().collect::<String>(),
                    chars[k..].iter().collect::<String>()
                ));
            }
        }
    }
    let Ok(ac) =
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).ascii_case_insensitive(true).build(&patterns)
    else {
        return text.lines().next().unwrap_or("").to_string();
    };
    // The query's words folded, to find the words of a line they match.
    let folded: Vec<String> = subs
        .iter()
        .flat_map(|s| {
            fold(s).split(|c: char| !in_word(c)).filter(|w| !w.is_empty()).map(String::from).collect::<Vec<_>>()
        })
        .collect();
    let folds_to = |word: &str| {
        let f = fold(word);
        folded.iter().any(|q| f == *q || f.starts_with(q.as_str()) || (!word.is_ascii() && inflected(&f, q)))
    };
    let words_of = |line: &str| -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
            match (in_word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        out
    };
    // The line with an exact match, else one with a folded match, else the first.
    let line = text
        .lines()
        .find(|l| ac.is_match(l))
        .or_else(|| text.lines().find(|l| words_of(l).into_iter().any(|r| folds_to(&l[r]))))
        .or_else(|| text.lines().next())
        .unwrap_or(text);
    let mut spans: Vec<std::ops::Range<usize>> = ac.find_iter(line).map(|m| m.range()).collect();
    for r in words_of(line) {
        if !spans.iter().any(|s| s.start < r.end && r.start < s.end) && folds_to(&line[r.clone()]) {
            spans.push(r);
        }
    }
    spans.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(line.len() + 16);
    let mut last = 0;
    for r in spans {
        out.push_str(&line[last..r.start]);
        out.push_str(marks.0);
        out.push_str(&line[r.clone()]);
        out.push_str(marks.1);
        last = r.end;
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
        score: r.get::<_, Option<f64>>(5)?.map(|s| if s == 0.0 { 0.0 } else { -s }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_endings_of_text_without_a_stemmer() {
        let f = |t: &str, q: &str| inflected(&fold(t), &fold(q));
        // Greek: the text runs on past the query.
        assert!(f("ιατρικής", "ιατρικη"));
        // Russian: one case ending in place of another.
        assert!(f("колониальной", "колониальная"));
        assert!(f("медицины", "медицина"));
        // Hebrew: the joined article and a plural ending.
        assert!(f("הרפואות", "רפואה"));
        assert!(f("רפואה", "רפואה"));
        // Not: a shared start too short, or endings too long.
        assert!(!f("бокс", "бока"));
        assert!(!f("колониализм", "колониальная"));
        assert!(!f("медицинский", "медицина"));
        assert!(!f("ספר", "רפואה"));
        assert!(!f("łodzi", "lodzia"));
        // Arabic: the article, and a letter joined before it or before a word.
        assert!(f("الطب", "طب"));
        assert!(f("والطب", "طب"));
        assert!(f("بالطب", "طب"));
        assert!(f("للطب", "طب"));
        assert!(f("وتاريخ", "تاريخ"));
        assert!(!f("الطب", "الطبيعة"));
        assert!(f("والطب", "الطب"));
        assert!(f("الفلسفة", "فلسفة"));
        assert!(!f("طبيب", "بيب"));
    }

    #[test]
    fn a_word_of_letters_then_digits_is_also_two_words() {
        assert_eq!(letters_then_digits("COVID19"), Some("COVID 19".into()));
        assert_eq!(letters_then_digits("COVID19 vaccine"), Some("COVID 19 vaccine".into()));
        assert_eq!(letters_then_digits("covid 19"), None);
        assert_eq!(letters_then_digits("H1N1"), None);
        assert_eq!(letters_then_digits("1918"), None);
        let t = |q: &str| translate(q).fts.unwrap_or_default();
        assert_eq!(t("COVID19"), "( ( \"COVID19\" OR \"COVID 19\" ) )");
    }

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
        // A possessive's "s" is dropped at the end of a word ("Ibn Sina's"
        // finds "Ibn Sina"), kept inside a quoted phrase.
        assert_eq!(t("Ibn Sina's"), "\"Ibn\" \"Sina\"");
        assert_eq!(t("\"Ibn Sina's Canon\""), "\"Ibn Sina s Canon\"");
        assert_eq!(t("bias* OR \"pulse oximetry\""), "\"bias\"* OR \"pulse oximetry\"");
        // Phrases, never SQL; the stray `)` is dropped (see `well_formed`).
        assert_eq!(t("x'); DROP TABLE item; --"), "\"x\" \"DROP\" \"TABLE\" \"item\"");
        assert_eq!(t("(race OR ethnicity) AND eGFR"), "( \"race\" OR \"ethnicity\" ) AND \"eGFR\"");
        let cjk = translate("鲁迅 呐喊");
        assert_eq!((cjk.fts, cjk.substrings), (None, vec!["鲁迅".to_string(), "呐喊".to_string()]));
        // With a substring, the whole expression is evaluated term by term.
        let mixed = translate("医学 OR history");
        assert_eq!(mixed.fts, None);
        assert_eq!(mixed.expr, vec![Tok::Sub("医学".into()), Tok::Op("OR"), Tok::Phrase("\"history\"".into())]);
        let joined = translate("abc-医学");
        assert_eq!(
            joined.expr,
            vec![Tok::Op("("), Tok::Phrase("\"abc\"".into()), Tok::Sub("医学".into()), Tok::Op(")")]
        );
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

    #[test]
    fn words_found_by_folding_are_marked_as_exact_ones_are() {
        let subs = vec!["lodzi".to_string(), "medecine".to_string()];
        assert_eq!(
            mark("x\nHistoria Łodzi i MÉDECINE, lodzi", &subs, ("[", "]")),
            "Historia [Łodzi] i [MÉDECINE], [lodzi]"
        );
        let greek = vec!["ιατρικη".to_string()];
        assert_eq!(mark("Ιστορία της Ιατρικής", &greek, ("[", "]")), "Ιστορία της [Ιατρικής]");
        assert_eq!(mark("nothing folds here", &subs, ("[", "]")), "nothing folds here");
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
    fn dangling_operators_are_dropped_and_said() {
        for q in ["race AND", "race OR", "OR race", "AND race", "race NOT", "race AND OR"] {
            let t = translate(q);
            assert_eq!(t.fts.as_deref(), Some("\"race\""), "{q}");
            assert_eq!(t.notes.len(), 1, "{q}");
            assert!(t.notes[0].contains("left out of the query"), "{q}: {:?}", t.notes);
        }
        for q in ["(race OR)", "(AND race)"] {
            assert_eq!(translate(q).fts.as_deref(), Some("( \"race\" )"), "{q}");
            assert_eq!(translate(q).notes.len(), 1, "{q}");
        }
        let t = translate("(race OR bias) AND");
        assert_eq!(t.fts.as_deref(), Some("( \"race\" OR \"bias\" )"));
        let t = translate("race AND (bias OR");
        assert_eq!(t.fts.as_deref(), Some("\"race\" AND ( \"bias\" )"));
        assert!(translate("race OR bias").notes.is_empty());
        assert_eq!(translate("AND OR").fts, None);
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
        // A substring is left out like a word.
        let cjk = t("history -鲁迅");
        assert_eq!(cjk.problem, None);
        assert_eq!(cjk.expr, vec![Tok::Phrase("\"history\"".into()), Tok::Op("NOT"), Tok::Sub("鲁迅".into())]);
        assert!(t("-鲁迅").problem.is_some_and(|p| p.contains("'medicine -鲁迅'")));
        assert!(t("medicine").problem.is_none() && t("race AND NOT bias").problem.is_none());
    }
}
