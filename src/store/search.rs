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
    fn readings(&self, theme_id: i64, words: &[String], n: usize) -> Result<Vec<(i64, f64)>> {
        let Some(q) = any_word(words) else { return Ok(vec![]) };
        let mut st = self.conn.prepare_cached(
            "SELECT reading_fts.rowid, bm25(reading_fts, 2.0, 0.0, 1.0) AS rank
               FROM reading_fts JOIN reading r ON r.id = reading_fts.rowid
              WHERE reading_fts MATCH '{title annotation} : (' || ?1 || ')'
                AND r.status = 'approved'
                AND EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id AND t.theme_id = ?2)
              ORDER BY rank, r.id LIMIT ?3",
        )?;
        let rows = st
            .query_map(params![q, theme_id, n as i64], |r| Ok((r.get::<_, i64>(0)?, -r.get::<_, f64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

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
                out.year = Some(
                    y.parse().map_err(|_| anyhow!("search filter {tok:?}: expected year:N with N a year of study"))?,
                );
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

/// Items and readings matching `q`, best first within each kind (items
/// first). `theme` is a theme ID; `year` limits items to a year of study and
/// leaves readings out.
pub fn search(
    conn: &Connection,
    text: &str,
    theme: Option<i64>,
    year: Option<i64>,
    marks: (&str, &str),
    limit: usize,
) -> Result<Vec<Hit>> {
    let fail = |e: rusqlite::Error| {
        let msg = e.to_string();
        if msg.contains("fts5") || msg.contains("syntax error") || msg.contains("no such column") {
            anyhow!(
                "search query {text:?} is not valid full-text syntax ({msg}); expected words, \"quoted phrases\", \
                 prefix* and AND / OR / NOT, plus theme:SLUG and year:N"
            )
        } else {
            anyhow!(e).context(format!("searching for {text:?}"))
        }
    };
    let mut hits = Vec::new();
    let mut st = conn
        .prepare_cached(
            "SELECT i.id, m.code, m.year, i.title,
                    snippet(item_fts, -1, ?2, ?3, '…', 16), bm25(item_fts, 2.0, 1.0) AS rank
               FROM item_fts JOIN item i ON i.id = item_fts.rowid JOIN module m ON m.id = i.module_id
              WHERE item_fts MATCH ?1
                AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.theme_id = ?4))
                AND (?5 IS NULL OR m.year = ?5)
              ORDER BY rank, i.id LIMIT ?6",
        )
        .map_err(fail)?;
    let rows =
        st.query_map(params![text, marks.0, marks.1, theme, year, limit as i64], |r| hit("item", r)).map_err(fail)?;
    for h in rows {
        hits.push(h.map_err(fail)?);
    }
    if year.is_some() {
        return Ok(hits);
    }
    let mut st = conn
        .prepare_cached(
            "SELECT r.id, reading_fts.authors, r.year, r.title,
                    snippet(reading_fts, -1, ?2, ?3, '…', 16), bm25(reading_fts, 2.0, 1.0, 1.0) AS rank
               FROM reading_fts JOIN reading r ON r.id = reading_fts.rowid
              WHERE reading_fts MATCH ?1
                AND (?4 IS NULL OR EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id AND t.theme_id = ?4))
              ORDER BY rank, r.id LIMIT ?5",
        )
        .map_err(fail)?;
    let rows =
        st.query_map(params![text, marks.0, marks.1, theme, limit as i64], |r| hit("reading", r)).map_err(fail)?;
    for h in rows {
        hits.push(h.map_err(fail)?);
    }
    Ok(hits)
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
        score: -r.get::<_, f64>(5)?,
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
    fn words_are_quoted_prefixes() {
        assert_eq!(any_word(&["race".into(), "o\"k".into()]).unwrap(), "\"race\"* OR \"o k\"*");
        assert_eq!(any_word(&[]), None);
    }
}
