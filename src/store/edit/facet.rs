//! Facets about people: one author of a reading, or the work's creators as
//! a whole (gender, ethnicity, region of affiliation…), recorded only as the
//! person gave them: self-identified, or published by the person, with the
//! source where they said it and who recorded it.
//!
//! This is the only code that writes `person_facet`. Nothing here, or
//! anywhere in canon, derives a facet from a name, a photograph or a
//! country of publication: a facet without a basis and a source is refused.
//! Add, edit and remove are each one history entry that `canon undo`
//! reverts.

use std::fmt;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::Value;

use super::{Added, Cascade, Edited, Removal, int, load, record_insert, text, update};
use crate::store::IdGen;

/// Why a facet may be recorded at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The person said it of themselves (to the group, in a survey, in a profile they wrote).
    SelfIdentified,
    /// The person published it (an author statement, a biography they wrote, an interview).
    Published,
}

impl Basis {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::SelfIdentified => "self-identified",
            Basis::Published => "published",
        }
    }

    /// `self-identified` (also "self identified", "self") or `published`.
    pub fn parse(s: &str) -> Result<Basis> {
        match s.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
            "self-identified" | "self-identification" | "self" | "selfidentified" => Ok(Basis::SelfIdentified),
            "published" => Ok(Basis::Published),
            other => bail!(
                "basis {other:?} is not one canon accepts; expected self-identified or published \
                 (a facet is never recorded from a guess, a name, a photograph or a country)"
            ),
        }
    }
}

/// Whom a facet is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    /// One author, by 1-based position in the reading's author list.
    Author(i64),
    /// The work's creators as a whole (a collective, a team, an organisation).
    Creators,
}

impl fmt::Display for About {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            About::Author(n) => write!(f, "author {n}"),
            About::Creators => write!(f, "the creators as a whole"),
        }
    }
}

/// A facet to record.
#[derive(Debug, Clone)]
pub struct NewFacet {
    pub reading: i64,
    pub about: About,
    /// The facet's name: gender, ethnicity, region of affiliation… (made lower case).
    pub facet: String,
    /// The value as the person gives it.
    pub value: String,
    pub basis: Option<String>,
    /// Where the person said it: a URL or a citation.
    pub source: Option<String>,
}

/// The longest facet name, value and source canon keeps.
const MAX_FACET: usize = 60;
const MAX_VALUE: usize = 200;
const MAX_SOURCE: usize = 2_000;

/// Words that are no source at all.
const NO_SOURCE: &[&str] = &[
    "n/a",
    "na",
    "none",
    "unknown",
    "-",
    "?",
    "guess",
    "guessed",
    "assumed",
    "inferred",
    "name",
    "photo",
    "photograph",
];

/// Whether `s` is a timestamp as canon writes them (`YYYY-MM-DDTHH:MM:SS`, optionally with
/// fractions and `Z`): a real date, hours under 24, minutes and seconds under 60.
pub fn is_timestamp(s: &str) -> bool {
    let (Some(date), Some(rest)) = (s.get(..10), s.get(10..)) else { return false };
    let Some(time) = rest.strip_prefix('T') else { return false };
    let time = time.strip_suffix('Z').unwrap_or(time);
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = hms.split(':').collect();
    let two = |p: &str, max: u32| p.len() == 2 && p.parse::<u32>().is_ok_and(|n| n < max);
    crate::store::is_date(date)
        && parts.len() == 3
        && two(parts[0], 24)
        && two(parts[1], 60)
        && two(parts[2], 60)
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Checks one `person_facet` record as a bundle, a merge or the database holds it, by the
/// same rules as `canon facet add` (one rule for every door, issue 16b): a facet name and a
/// value (the name folded to lower case, as the CLI stores it), a basis (`self-identified`
/// or `published`, normalised), a findable source, who recorded it (a contributor ID) and when
/// (a timestamp), and an author position from 1 to `authors` (the reading's author count,
/// when known) or none for the creators as a whole. Returns the record normalised, or the
/// first problem, naming the field.
pub fn validate_record(
    m: &serde_json::Map<String, Value>,
    authors: Option<usize>,
) -> Result<serde_json::Map<String, Value>> {
    let mut out = m.clone();
    let txt = |k: &str| m.get(k).and_then(Value::as_str);
    let facet = facet_name(txt("facet").unwrap_or_default()).context("field \"facet\"")?;
    out.insert("facet".into(), Value::from(facet));
    let value = facet_value(txt("value").unwrap_or_default()).context("field \"value\"")?;
    out.insert("value".into(), Value::from(value));
    let basis = Basis::parse(txt("basis").unwrap_or_default()).context("field \"basis\"")?;
    out.insert("basis".into(), Value::from(basis.as_str()));
    let src = source(txt("source").unwrap_or_default()).context("field \"source\"")?;
    out.insert("source".into(), Value::from(src));
    if m.get("recorded_by").is_none_or(|v| v.as_i64().is_none_or(|n| n <= 0)) {
        bail!(
            "field \"recorded_by\" is {}; expected the contributor who recorded the facet",
            m.get("recorded_by").map_or("missing".into(), Value::to_string)
        );
    }
    match txt("recorded_at") {
        Some(t) if is_timestamp(t) => {}
        _ => bail!(
            "field \"recorded_at\" is {}; expected when it was recorded, e.g. 2026-03-01T10:00:00.000Z",
            m.get("recorded_at").map_or("missing".into(), Value::to_string)
        ),
    }
    match m.get("author_position") {
        None | Some(Value::Null) => {}
        Some(v) => {
            let n = v.as_i64().unwrap_or(0);
            let max = authors.unwrap_or(usize::MAX);
            if n < 1 || n as usize > max {
                bail!(
                    "field \"author_position\" is {v}; expected an author of the reading (1 to {}), or null for \
                     the creators as a whole",
                    authors.map_or("its author count".into(), |a| a.to_string())
                );
            }
        }
    }
    Ok(out)
}

/// The facets stored in the database that break [`validate_record`]'s rules (rows an older
/// canon or a hand-edited database let in): (facet ID, the problem). For `canon check`.
pub fn invalid_rows(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut st = conn.prepare(
        "SELECT p.id, p.facet, p.value, p.basis, p.source, p.recorded_by, p.recorded_at, p.author_position,
                (SELECT count(*) FROM reading_author a WHERE a.reading_id = p.reading_id)
         FROM person_facet p ORDER BY p.id",
    )?;
    let rows = st.query_map([], |r| {
        let mut m = serde_json::Map::new();
        for (i, k) in ["facet", "value", "basis", "source"].iter().enumerate() {
            m.insert((*k).into(), r.get::<_, Option<String>>(i + 1)?.map_or(Value::Null, Value::from));
        }
        m.insert("recorded_by".into(), r.get::<_, Option<i64>>(5)?.map_or(Value::Null, Value::from));
        m.insert("recorded_at".into(), r.get::<_, Option<String>>(6)?.map_or(Value::Null, Value::from));
        m.insert("author_position".into(), r.get::<_, Option<i64>>(7)?.map_or(Value::Null, Value::from));
        Ok((r.get::<_, i64>(0)?, m, r.get::<_, Option<i64>>(8).ok().flatten()))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, m, authors) = row?;
        match validate_record(&m, authors.map(|n| n as usize)) {
            Err(e) => out.push((id, format!("{e:#}"))),
            // A facet name stored in another case than the CLI stores it is a problem too.
            Ok(n) if n.get("facet") != m.get("facet") || n.get("basis") != m.get("basis") => out
                .push((id, format!("facet {} or basis {} is not written as canon writes it", m["facet"], m["basis"]))),
            Ok(_) => {}
        }
    }
    Ok(out)
}

/// The refusal when a basis or a source is missing.
pub const WHY: &str = "a facet about a person is recorded only as they gave it: pass --basis self-identified or \
                   --basis published, and --source with where they said it (a URL or a citation); canon never \
                   records a facet guessed from a name, a photograph or a country";

fn facet_name(s: &str) -> Result<String> {
    let f = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if f.is_empty() {
        bail!("the facet is empty; expected its name, e.g. gender, ethnicity, region of affiliation");
    }
    if f.chars().count() > MAX_FACET {
        bail!("the facet name is {} characters; expected at most {MAX_FACET}", f.chars().count());
    }
    Ok(f)
}

fn facet_value(s: &str) -> Result<String> {
    let v = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        bail!("the value is empty; expected the value as the person gives it");
    }
    if v.chars().count() > MAX_VALUE {
        bail!("the value is {} characters; expected at most {MAX_VALUE}", v.chars().count());
    }
    Ok(v)
}

/// A source: a URL (http or https, with a host), a DOI, or a citation with
/// words in it; never a placeholder such as "n/a" or "guess".
pub fn source(s: &str) -> Result<String> {
    let v = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        bail!("{WHY}");
    }
    if NO_SOURCE.contains(&v.to_lowercase().as_str()) {
        bail!("source {v:?} is not a source; {WHY}");
    }
    if v.chars().count() > MAX_SOURCE {
        bail!("the source is {} characters; expected at most {MAX_SOURCE}", v.chars().count());
    }
    let lower = v.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let host = v.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
        if !host.contains('.') || v.contains(char::is_whitespace) {
            bail!("source {v:?} is not a URL; expected e.g. https://example.org/profile, or a citation");
        }
        return Ok(v);
    }
    if crate::import::normalise_doi(&v).is_some() {
        return Ok(v);
    }
    if v.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        bail!("source {v:?} is too short to find again; expected a URL or a citation (author, title, year)");
    }
    Ok(v)
}

/// The reading's author names, in order.
fn authors(conn: &Connection, reading: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT name FROM reading_author WHERE reading_id = ?1 ORDER BY position")?;
    let v = st.query_map([reading], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// The author at `about`, checked against the reading's list: their name
/// (for an author) or `None` (for the creators as a whole).
fn subject(conn: &Connection, reading: i64, about: About) -> Result<Option<String>> {
    let About::Author(n) = about else { return Ok(None) };
    let names = authors(conn, reading)?;
    if names.is_empty() {
        bail!("reading {reading} has no authors; record the facet about the creators as a whole (--creators)");
    }
    let Some(name) = usize::try_from(n).ok().filter(|n| *n >= 1).and_then(|n| names.get(n - 1)) else {
        let list = names.iter().enumerate().map(|(i, a)| format!("{} {a}", i + 1)).collect::<Vec<_>>().join("; ");
        bail!("reading {reading} has no author {n}; expected 1 to {} ({list})", names.len());
    };
    Ok(Some(name.clone()))
}

fn existing(conn: &Connection, reading: i64, about: About, facet: &str) -> Result<Option<i64>> {
    let pos = match about {
        About::Author(n) => n,
        About::Creators => 0,
    };
    Ok(conn
        .prepare_cached(
            "SELECT id FROM person_facet WHERE reading_id = ?1 AND ifnull(author_position, 0) = ?2 AND facet = ?3",
        )?
        .query_row(params![reading, pos, facet], |r| r.get(0))
        .optional()?)
}

fn label(m: &serde_json::Map<String, Value>) -> String {
    let who = match int(m, "author_position") {
        Some(n) => match m.get("author_name").and_then(Value::as_str) {
            Some(name) => format!("author {n} ({name})"),
            None => format!("author {n}"),
        },
        None => "the creators".into(),
    };
    format!("{} of reading {}, {who}", text(m, "facet"), int(m, "reading_id").unwrap_or_default())
}

/// Records one facet, as one history entry. Refuses without a basis and a
/// source, for an author the reading does not have, and when the same
/// facet is already recorded for that person (edit that one instead).
pub fn add(tx: &Transaction, ids: &mut IdGen, by: i64, f: &NewFacet) -> Result<Added> {
    let (Some(basis), Some(src)) = (f.basis.as_deref().filter(|b| !b.trim().is_empty()), f.source.as_deref()) else {
        bail!("{WHY}");
    };
    let basis = Basis::parse(basis)?;
    let src = source(src)?;
    let facet = facet_name(&f.facet)?;
    let value = facet_value(&f.value)?;
    let name = subject(tx, f.reading, f.about)?;
    if let Some(other) = existing(tx, f.reading, f.about, &facet)? {
        bail!(
            "{facet} is already recorded for {} of reading {} (facet {other}); change it with \
             `canon facet edit {other} --value …` (the history keeps the old value)",
            f.about,
            f.reading
        );
    }
    let id = ids.next_id();
    let position = match f.about {
        About::Author(n) => Some(n),
        About::Creators => None,
    };
    tx.prepare_cached(
        "INSERT INTO person_facet (id, reading_id, author_position, author_name, facet, value, basis, source,
                                   recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![id, f.reading, position, name, facet, value, basis.as_str(), src, by, crate::store::now()])
    .with_context(|| format!("recording {facet} for reading {}", f.reading))?;
    let rec = load(tx, "person_facet", id)?;
    record_insert(tx, by, "person_facet", id, label(&rec))
}

/// The fields `facet edit` changes; `None` leaves one as it is.
#[derive(Debug, Clone, Default)]
pub struct FacetPatch {
    pub facet: Option<String>,
    pub value: Option<String>,
    pub basis: Option<String>,
    pub source: Option<String>,
    pub about: Option<About>,
}

/// Changes facet `id`, as one history entry. A new value, basis or source
/// is a new statement: it is credited to `by`, now.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &FacetPatch) -> Result<Edited> {
    let old = load(tx, "person_facet", id)?;
    let mut new = old.clone();
    if let Some(f) = &p.facet {
        new.insert("facet".into(), Value::from(facet_name(f)?));
    }
    if let Some(v) = &p.value {
        new.insert("value".into(), Value::from(facet_value(v)?));
    }
    if let Some(b) = &p.basis {
        new.insert("basis".into(), Value::from(Basis::parse(b)?.as_str()));
    }
    if let Some(s) = &p.source {
        new.insert("source".into(), Value::from(source(s)?));
    }
    let reading = int(&old, "reading_id").unwrap_or_default();
    if let Some(about) = p.about {
        let was = match int(&old, "author_position") {
            Some(n) => About::Author(n),
            None => About::Creators,
        };
        // A facet is one person's statement about themselves: it never moves to someone else.
        if about != was {
            bail!(
                "facet {id} is about {was} of reading {reading}: a facet is about one person and cannot be moved \
                 to {about}; remove it (`canon facet remove {id}`) and record it again for the right person, with \
                 where they said it (`canon facet add`)"
            );
        }
        let name = subject(tx, reading, about)?;
        let pos = match about {
            About::Author(n) => Value::from(n),
            About::Creators => Value::Null,
        };
        new.insert("author_position".into(), pos);
        new.insert("author_name".into(), name.map_or(Value::Null, Value::from));
    }
    let about = match int(&new, "author_position") {
        Some(n) => About::Author(n),
        None => About::Creators,
    };
    if let Some(other) = existing(tx, reading, about, text(&new, "facet"))?.filter(|o| *o != id) {
        bail!("{} is already recorded for {about} of reading {reading} (facet {other})", text(&new, "facet"));
    }
    let restated = ["value", "basis", "source"].iter().any(|k| new.get(*k) != old.get(*k));
    if restated {
        new.insert("recorded_by".into(), Value::from(by));
        new.insert("recorded_at".into(), Value::from(crate::store::now()));
    }
    let label = label(&new);
    update(tx, by, "person_facet", &old, new, label, &[])
}

pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "person_facet", id)?;
    Ok(Cascade::new("person_facet", root.clone(), label(&root)))
}

/// What removing facet `id` would take (nothing else).
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes facet `id`, as one history entry that undo reverts.
pub fn remove(tx: &Transaction, by: i64, id: i64) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, false, None)
}

/// Removes facet `id` as [`remove`] does, its history entry noted `note`:
/// a merge applying the other copy's removal.
pub fn remove_noted(tx: &Transaction, by: i64, id: i64, note: &str) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, false, Some(note))
}

/// A facet as listed: the statement, whom it is about, and its provenance.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub id: i64,
    pub reading_id: i64,
    pub reading_title: String,
    pub doi: Option<String>,
    /// 1-based author position; `None` for the creators as a whole.
    pub author_position: Option<i64>,
    /// The author's name as the reading lists it now (as recorded, if the list has changed since).
    pub author: Option<String>,
    pub facet: String,
    pub value: String,
    pub basis: String,
    pub source: String,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

/// Filters for `facet list`; every one given must hold.
#[derive(Debug, Clone, Default)]
pub struct FacetFilter<'a> {
    pub reading: Option<i64>,
    /// A facet name (case ignored).
    pub facet: Option<&'a str>,
    pub basis: Option<&'a str>,
}

/// The facets `f` selects, by reading, author and facet.
pub fn list(conn: &Connection, f: &FacetFilter) -> Result<Vec<Facet>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.reading_id, r.title, r.doi, p.author_position, coalesce(a.name, p.author_name), p.facet,
                p.value, p.basis, p.source, c.name, p.recorded_at
           FROM person_facet p JOIN reading r ON r.id = p.reading_id
           LEFT JOIN reading_author a ON a.reading_id = p.reading_id AND a.position = p.author_position
           LEFT JOIN contributor c ON c.id = p.recorded_by
          WHERE (?1 IS NULL OR p.reading_id = ?1) AND (?2 IS NULL OR p.facet = lower(?2))
            AND (?3 IS NULL OR p.basis = ?3)
          ORDER BY r.title_key, r.id, ifnull(p.author_position, 0), p.facet, p.id",
    )?;
    let facet = f.facet.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
    let rows = st
        .query_map(params![f.reading, facet, f.basis], |r| {
            Ok(Facet {
                id: r.get(0)?,
                reading_id: r.get(1)?,
                reading_title: r.get(2)?,
                doi: r.get(3)?,
                author_position: r.get(4)?,
                author: r.get(5)?,
                facet: r.get(6)?,
                value: r.get(7)?,
                basis: r.get(8)?,
                source: r.get(9)?,
                recorded_by: r.get(10)?,
                recorded_at: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether a facet with this ID exists.
pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM person_facet WHERE id = ?1")?.exists([id])?)
}

/// The author positions of `reading` that facets are recorded for, with the name recorded.
fn faceted(conn: &Connection, reading: i64) -> Result<Vec<(i64, Option<String>, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT author_position, author_name, id FROM person_facet
          WHERE reading_id = ?1 AND author_position IS NOT NULL ORDER BY author_position, id",
    )?;
    let v = st.query_map([reading], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Refuses a change of `reading`'s author list from `old` to `new` that
/// would move, rename or drop an author who has recorded facets: the
/// facets would then be about someone else. Appending authors, or changing
/// those without facets, is fine.
pub fn check_author_change(conn: &Connection, reading: i64, old: &[String], new: &[String]) -> Result<()> {
    let mut moved = Vec::new();
    for (pos, _, id) in faceted(conn, reading)? {
        let i = usize::try_from(pos - 1).unwrap_or(usize::MAX);
        if old.get(i) != new.get(i) {
            moved.push(format!("facet {id} about author {pos} ({})", old.get(i).map_or("?", String::as_str)));
        }
    }
    if !moved.is_empty() {
        bail!(
            "this would move, rename or remove an author with recorded facets ({}); a facet is about one \
             person, so remove it first (`canon facet remove ID`, undoable) and record it again for the \
             author where they now stand",
            moved.join("; ")
        );
    }
    Ok(())
}

/// Whether a change of the author list from `old` to `new` keeps every
/// author who has recorded facets where they stand (see [`check_author_change`]).
pub fn keeps_faceted_authors(conn: &Connection, reading: i64, old: &[String], new: &[String]) -> Result<bool> {
    Ok(check_author_change(conn, reading, old, new).is_ok())
}

/// The position of `name` in `authors` (1-based): exactly, else ignoring
/// case and spacing. Used to place a facet merged from another copy of the
/// reading, whose author list may be ordered differently.
pub fn position_of(authors: &[String], name: &str) -> Option<i64> {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    authors
        .iter()
        .position(|a| a == name)
        .or_else(|| authors.iter().position(|a| fold(a) == fold(name)))
        .and_then(|i| i64::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_must_be_findable() {
        assert!(source("https://example.org/about-me").is_ok());
        assert!(source("10.1056/NEJMms2004740").is_ok());
        assert!(source("Vergès F. Interview, Le Monde, 2019").is_ok());
        for bad in ["", "n/a", "guess", "https://localhost", "https://exa mple.org", "ab 12"] {
            assert!(source(bad).is_err(), "{bad:?} accepted");
        }
        let e = source("").unwrap_err().to_string();
        assert!(e.contains("--basis") && e.contains("--source") && e.contains("never"), "{e}");
    }

    #[test]
    fn basis_is_self_identified_or_published() {
        assert_eq!(Basis::parse("self-identified").unwrap(), Basis::SelfIdentified);
        assert_eq!(Basis::parse("Self identified").unwrap(), Basis::SelfIdentified);
        assert_eq!(Basis::parse("published").unwrap(), Basis::Published);
        for bad in ["inferred", "observed", "name", ""] {
            assert!(Basis::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_found_where_they_stand() {
        let a = vec!["Vyas, Darshali A.".to_string(), "Eisenstein, Leo G.".into()];
        assert_eq!(position_of(&a, "Eisenstein, Leo G."), Some(2));
        assert_eq!(position_of(&a, "vyas,  darshali a."), Some(1));
        assert_eq!(position_of(&a, "Jones, David S."), None);
    }
}
