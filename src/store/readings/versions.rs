//! Records that share a title but are other works, or other versions of
//! one (tester r83): a notice (erratum, correction, retraction, comment,
//! reply) is matched by its DOI or PMID, never by its title alone; two DOIs
//! keep two records apart, and the import says why; a preprint and its
//! journal article are said to be versions of one work.

use anyhow::Result;
use rusqlite::OptionalExtension;

use super::{Q, ReadingWriter, authors, main_title_key, person_key, title_key};
use crate::import::ReadingRecord;
use crate::import::notices::{is_notice_genre, is_notice_title, is_preprint_doi};

type Opt = Option<String>;

/// What a stored (or removed) entry gives that a notice's row is compared on.
struct Row {
    container: Opt,
    volume: Opt,
    issue: Opt,
    pages: Opt,
    /// Whether it has a DOI or PMID.
    ids: bool,
    authors: Vec<crate::import::names::Name>,
}

/// Whether notice record `r` is the row `stored` again: neither has a DOI
/// or PMID (a notice needs the same one to be matched, and a DOI or PMID on
/// one side only is no same row), and the same authors, journal, volume,
/// issue and pages, each given by both or by neither.
fn same_row(stored: Row, r: &ReadingRecord) -> bool {
    if stored.ids || r.doi.is_some() || r.pmid.is_some() {
        return false;
    }
    let same = |a: &Opt, b: &Opt, f: fn(&str) -> String| {
        let g = |v: &Opt| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(f);
        g(a) == g(b)
    };
    let people = |v: &[crate::import::names::Name]| {
        let mut k: Vec<String> = v.iter().map(person_key).collect();
        k.sort();
        k
    };
    same(&stored.container, &r.container, title_key)
        && same(&stored.volume, &r.volume, |s| s.to_lowercase())
        && same(&stored.issue, &r.issue, |s| s.to_lowercase())
        && same(&stored.pages, &r.pages, crate::import::page_range)
        && people(&stored.authors) == people(&r.authors)
}

/// What a list of notices is called in what the import says.
const NOTICE: &str = "an erratum, correction, retraction, comment or reply";

impl ReadingWriter<'_> {
    /// Whether a title-and-year match of record `r` with entry `id` may
    /// stand: always, unless `r`'s title is a notice's ([`is_notice_title`]);
    /// a notice is the entry only when neither has a DOI or PMID and
    /// nothing but its title could differ and does not: the same authors,
    /// journal, volume, issue and pages, each given by both or by neither
    /// (the same list's row imported again). A notice with an identical DOI
    /// or PMID is found by it before any title is compared.
    pub(super) fn title_may_match(&self, id: i64, r: &ReadingRecord) -> Result<bool> {
        let (container, volume, issue, pages, ids, genre): (Opt, Opt, Opt, Opt, bool, Opt) = self
            .tx
            .prepare_cached(
                "SELECT container, volume, issue, pages, doi IS NOT NULL OR pmid IS NOT NULL, genre
                   FROM reading WHERE id = ?1",
            )?
            .query_row([id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
            })?;
        // A notice by its title, or by its genre on either side (PubMed's
        // "Published Erratum" may repeat the corrected paper's title).
        if !is_notice_title(&r.title) && !is_notice_genre(r.genre.as_deref()) && !is_notice_genre(genre.as_deref()) {
            return Ok(true);
        }
        Ok(same_row(Row { container, volume, issue, pages, ids, authors: authors(self.tx, id)? }, r))
    }

    /// Whether a removed entry (`before`, its history JSON) found by the
    /// title and year of notice `r` is `r`'s row: as [`Self::title_may_match`].
    pub(super) fn removed_notice_matches(before: &serde_json::Value, r: &ReadingRecord) -> bool {
        let text = |k: &str| before.get(k).and_then(serde_json::Value::as_str).map(String::from);
        let row = Row {
            container: text("container"),
            volume: text("volume"),
            issue: text("issue"),
            pages: text("pages"),
            ids: text("doi").is_some() || text("pmid").is_some(),
            authors: before
                .get("author_names")
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or_default(),
        };
        same_row(row, r)
    }

    /// Whether entry `id` and record `r`, both with DOIs, have other DOIs,
    /// and `r` is no notice: a near-identical title kept apart by its DOI
    /// is said even when PubMed gives the two their own PMIDs.
    pub(super) fn other_doi_said(&self, id: i64, r: &ReadingRecord) -> Result<bool> {
        let Some(theirs) = r.doi.as_deref() else { return Ok(false) };
        if is_notice_title(&r.title) {
            return Ok(false);
        }
        let ours: Option<String> =
            self.tx.prepare_cached("SELECT doi FROM reading WHERE id = ?1")?.query_row([id], |row| row.get(0))?;
        Ok(ours.is_some_and(|o| !crate::import::same_doi(&o, theirs)))
    }

    /// Whether record `r`, found only by the title and year of a removed
    /// entry (`before`, its history JSON), is another work, as a stored
    /// entry is told apart: another PMID, other authors, another journal,
    /// volume, pages or edition. A removed "Introduction" by one author
    /// keeps no other author's "Introduction" out (tester r83).
    pub(super) fn other_than_removed(before: &serde_json::Value, r: &ReadingRecord) -> bool {
        let text = |k: &str| before.get(k).and_then(serde_json::Value::as_str).filter(|s| !s.trim().is_empty());
        if let (Some(a), Some(b)) = (text("pmid"), r.pmid.as_deref())
            && a.trim() != b.trim()
        {
            return true;
        }
        let names: Vec<crate::import::names::Name> = before
            .get("author_names")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .filter(|v: &Vec<crate::import::names::Name>| !v.is_empty())
            .unwrap_or_else(|| {
                before
                    .get("authors")
                    .and_then(serde_json::Value::as_array)
                    .map(|a| a.iter().filter_map(|x| x.as_str()).filter_map(crate::import::names::parse).collect())
                    .unwrap_or_default()
            });
        if super::other_authors(&names, &r.authors) {
            return true;
        }
        let stored = before.as_object().map(super::Placement::of_copy).unwrap_or_default();
        super::published_apart(&stored, &super::Placement::of(r))
    }

    /// Stored entries that look like another version of `r` (entry `id`):
    /// the same main title and first author, one a preprint and the other
    /// not, each with its own DOI, in any years (a preprint may be
    /// published years later): `(id, title, why)`.
    pub(super) fn other_versions(&self, id: i64, r: &ReadingRecord) -> Result<Vec<(i64, String, String)>> {
        let (Some(doi), Some(first)) = (r.doi.as_deref(), r.authors.first()) else { return Ok(Vec::new()) };
        let main = main_title_key(&r.title);
        if main.is_empty() || is_notice_title(&r.title) {
            return Ok(Vec::new());
        }
        // The stored entries whose title key starts with the main title's,
        // other than `id`, with a DOI, and of the same first author, as
        // `SELECT … WHERE title_key >= main AND title_key < upper AND id <>
        // ?3 AND doi IS NOT NULL ORDER BY id` read them for every row, from
        // the per-import index of the main title (a scan of the main title
        // per row was half the by-title check of an ordinary import: q2).
        let upper = format!("{main}\u{10FFFF}");
        let found = self.title_groups.borrow_mut().by_first_author(self.tx, &main, &person_key(first), |e| {
            e.stored_key.as_str() >= main.as_str()
                && e.stored_key.as_str() < upper.as_str()
                && e.id != id
                && e.doi.as_deref().is_some_and(|theirs| {
                    is_preprint_doi(theirs) != is_preprint_doi(doi) && !crate::import::same_doi(theirs, doi)
                })
        })?;
        Ok(found.into_iter().map(|e| (e.id, e.title, "same first author and main title".to_string())).collect())
    }

    /// What the import says of record `r`, added beside entry `other`
    /// (`title`) that it may duplicate (`why`): that two DOIs kept them
    /// apart, that they look like a preprint and its article, that a notice
    /// is matched only by its DOI or PMID, or that it may be the same work.
    pub(super) fn duplicate_said(&self, other: i64, title: &str, why: &str, r: &ReadingRecord) -> Result<String> {
        let entry = crate::import::reading_id_text(other);
        let (stored, genre): (Option<String>, Option<String>) = self
            .tx
            .prepare_cached("SELECT doi, genre FROM reading WHERE id = ?1")?
            .query_row([other], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?
            .unwrap_or_default();
        if let (Some(ours), Some(theirs)) = (stored, r.doi.as_deref())
            && !crate::import::same_doi(&ours, theirs)
        {
            if is_preprint_doi(&ours) != is_preprint_doi(theirs) {
                let (pre, published) = if is_preprint_doi(theirs) { (theirs, &*ours) } else { (&*ours, theirs) };
                return Ok(format!(
                    "looks like another version of entry {entry} {:?} ({why}): a preprint (DOI {pre}) and its \
                     published version (DOI {published}), versions of one work; kept as two records because \
                     the DOIs differ",
                    Q(title)
                ));
            }
            return Ok(format!(
                "near-identical title to entry {entry} {:?} ({why}), kept as a separate record because the DOIs \
                 differ ({theirs} here, {ours} there)",
                Q(title)
            ));
        }
        if is_notice_title(&r.title)
            || is_notice_title(title)
            || is_notice_genre(r.genre.as_deref())
            || is_notice_genre(genre.as_deref())
        {
            return Ok(format!(
                "possible duplicate of entry {entry} {:?} ({why}); {NOTICE} is matched only by the same DOI or \
                 PMID, so it was kept as a separate record; if it is the same work, keep one",
                Q(title)
            ));
        }
        Ok(format!("possible duplicate of entry {entry} {:?} ({why}); if it is the same work, keep one", Q(title)))
    }
}
