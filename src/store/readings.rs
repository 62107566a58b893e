//! The reading list: de-duplicating upsert, listings and one reading in full.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

use super::IdGen;
use super::curriculum::{Change, Counts, Outcome};
use super::history::{self, Action};
use crate::import::{ReadingRecord, title_key};

/// The stored fields of a reading that an import may change.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Stored {
    title: String,
    year: Option<i64>,
    #[serde(rename = "type")]
    kind: String,
    container: Option<String>,
    doi: Option<String>,
    isbn: Option<String>,
    url: Option<String>,
    annotation: Option<String>,
    source_kind: Option<String>,
    language: Option<String>,
    authors: Vec<String>,
}

impl Stored {
    fn from_record(r: &ReadingRecord) -> Stored {
        Stored {
            title: r.title.clone(),
            year: r.year,
            kind: r.kind.clone(),
            container: r.container.clone(),
            doi: r.doi.clone(),
            isbn: r.isbn.clone(),
            url: r.url.clone(),
            annotation: r.annotation.clone(),
            source_kind: r.source_kind.clone(),
            language: r.language.clone(),
            authors: r.authors.clone(),
        }
    }

    /// This entry with what `r` adds: fields `r` has replace ours, fields it
    /// leaves empty keep ours (a merge never erases).
    fn merged(&self, r: &ReadingRecord) -> Stored {
        let pick = |new: &Option<String>, old: &Option<String>| new.clone().or_else(|| old.clone());
        Stored {
            title: r.title.clone(),
            year: r.year.or(self.year),
            kind: if r.kind == "article" && self.kind != "article" && r.doi.is_none() {
                self.kind.clone()
            } else {
                r.kind.clone()
            },
            container: pick(&r.container, &self.container),
            doi: pick(&r.doi, &self.doi),
            isbn: pick(&r.isbn, &self.isbn),
            url: pick(&r.url, &self.url),
            annotation: pick(&r.annotation, &self.annotation),
            source_kind: pick(&r.source_kind, &self.source_kind),
            language: pick(&r.language, &self.language),
            authors: if r.authors.is_empty() { self.authors.clone() } else { r.authors.clone() },
        }
    }

    /// This entry with the blanks `r` can fill: for a duplicate within one
    /// file, where the first row's values stand.
    fn filled(&self, r: &ReadingRecord) -> Stored {
        let pick = |old: &Option<String>, new: &Option<String>| old.clone().or_else(|| new.clone());
        Stored {
            title: self.title.clone(),
            year: self.year.or(r.year),
            kind: self.kind.clone(),
            container: pick(&self.container, &r.container),
            doi: pick(&self.doi, &r.doi),
            isbn: pick(&self.isbn, &r.isbn),
            url: pick(&self.url, &r.url),
            annotation: pick(&self.annotation, &r.annotation),
            source_kind: pick(&self.source_kind, &r.source_kind),
            language: pick(&self.language, &r.language),
            authors: if self.authors.is_empty() { r.authors.clone() } else { self.authors.clone() },
        }
    }

    fn diff(&self, new: &Stored) -> Vec<String> {
        let mut out = Vec::new();
        let a = serde_json::to_value(self).unwrap_or_default();
        let b = serde_json::to_value(new).unwrap_or_default();
        if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
            for (k, va) in a {
                let vb = &b[k];
                if va != vb {
                    out.push(format!("{k}: {} → {}", short(va), short(vb)));
                }
            }
        }
        out
    }
}

fn short(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::Null => "(empty)".to_string(),
        serde_json::Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    if s.chars().count() > 70 { format!("{}…", s.chars().take(69).collect::<String>()) } else { s }
}

/// Writes readings in one transaction, merging duplicates by DOI, then ISBN,
/// then normalised title and year.
pub struct ReadingWriter<'t> {
    tx: &'t Transaction<'t>,
    ids: IdGen,
    by: Option<i64>,
    at: String,
    run_id: Option<i64>,
    default_status: String,
    pub counts: Counts,
    pub changes: Option<Vec<Change>>,
    /// Entries this run has written: a later row for one of them is a duplicate.
    touched: std::collections::HashSet<i64>,
}

impl<'t> ReadingWriter<'t> {
    /// A writer for an import of `path`; `None` for a single `reading add`.
    pub fn new(
        tx: &'t Transaction<'t>,
        mut ids: IdGen,
        by: Option<i64>,
        path: Option<&str>,
        default_status: &str,
        keep_changes: bool,
    ) -> Result<Self> {
        let at = super::now();
        let run_id = match path {
            Some(p) => {
                let id = ids.next_id();
                super::curriculum::start_run(tx, id, "reading", p, by, &at)?;
                Some(id)
            }
            None => None,
        };
        Ok(ReadingWriter {
            tx,
            ids,
            by,
            at,
            run_id,
            default_status: default_status.to_string(),
            counts: Counts::default(),
            changes: keep_changes.then(Vec::new),
            touched: std::collections::HashSet::new(),
        })
    }

    fn note(&mut self, line: u64, outcome: Outcome, what: String, fields: Vec<String>) {
        if let Some(c) = &mut self.changes {
            c.push(Change { line, outcome, what, fields });
        }
    }

    /// The entry this record duplicates, if any, and by which key.
    fn find(&self, r: &ReadingRecord) -> Result<Option<(i64, &'static str)>> {
        let q = |sql: &str, p: &dyn rusqlite::ToSql| -> Result<Option<i64>> {
            Ok(self.tx.prepare_cached(sql)?.query_row([p], |row| row.get(0)).optional()?)
        };
        // A stable ID (from `canon export reading`) names the entry whatever else changed.
        if let Some(i) = &r.id
            && let Some(id) = q("SELECT id FROM reading WHERE id = ?1", i)?
        {
            return Ok(Some((id, "ID")));
        }
        if let Some(d) = &r.doi
            && let Some(id) = q("SELECT id FROM reading WHERE doi = ?1", d)?
        {
            return Ok(Some((id, "DOI")));
        }
        if let Some(i) = &r.isbn
            && let Some(id) = q("SELECT id FROM reading WHERE isbn = ?1", i)?
        {
            return Ok(Some((id, "ISBN")));
        }
        let key = title_key(&r.title);
        let found: Option<(i64, Option<String>)> = self
            .tx
            .prepare_cached("SELECT id, doi FROM reading WHERE title_key = ?1 AND year IS ?2 ORDER BY id LIMIT 1")?
            .query_row(params![key, r.year], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        // Two different DOIs are two different works, whatever their titles.
        Ok(found
            .filter(|(_, doi)| doi.is_none() || r.doi.is_none() || doi == &r.doi)
            .map(|(id, _)| (id, "title and year")))
    }

    fn load(&self, id: i64) -> Result<Stored> {
        let mut s = self.tx.prepare_cached(
            "SELECT title, year, type, container, doi, isbn, url, annotation, source_kind, language FROM reading WHERE id = ?1",
        )?;
        let mut stored = s.query_row([id], |r| {
            Ok(Stored {
                title: r.get(0)?,
                year: r.get(1)?,
                kind: r.get(2)?,
                container: r.get(3)?,
                doi: r.get(4)?,
                isbn: r.get(5)?,
                url: r.get(6)?,
                annotation: r.get(7)?,
                source_kind: r.get(8)?,
                language: r.get(9)?,
                authors: Vec::new(),
            })
        })?;
        stored.authors = authors(self.tx, id)?;
        Ok(stored)
    }

    /// Adds or merges one reading; returns its ID.
    pub fn write(&mut self, r: &ReadingRecord) -> Result<i64> {
        // Imports check this first, with the line and column; this covers `reading add`.
        crate::limits::reading(r).map_err(|(_, problem)| anyhow::anyhow!("{problem}"))?;
        let label = format!("{:?} ({})", r.title, r.year.map_or("n.d.".into(), |y| y.to_string()));
        let id =
            match self.find(r)? {
                None => {
                    let id = self.ids.next_id();
                    self.touched.insert(id);
                    let s = Stored::from_record(r);
                    let status = r.status.clone().unwrap_or_else(|| self.default_status.clone());
                    self.tx
                    .prepare_cached(
                        "INSERT INTO reading (id, title, title_key, year, type, container, doi, isbn, url, annotation,
                                              source_kind, status, language, added_by, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                    )?
                    .execute(params![
                        id, s.title, title_key(&s.title), s.year, s.kind, s.container, s.doi, s.isbn, s.url,
                        s.annotation, s.source_kind, status, s.language, self.by, self.at
                    ])?;
                    self.set_authors(id, &s.authors)?;
                    self.index(id, &s, false)?;
                    let mut after = serde_json::to_value(&s)?;
                    after["status"] = json!(status);
                    history::record(
                        self.tx,
                        self.by,
                        Action::Insert,
                        "reading",
                        Some(id),
                        None,
                        Some(&after),
                        self.run_id,
                    )?;
                    self.counts.new += 1;
                    self.note(r.line, Outcome::New, label, vec![]);
                    id
                }
                Some((id, how)) => {
                    let old = self.load(id)?;
                    // A second row for one entry in the same file fills blanks only:
                    // the first row's values stand, so a re-import changes nothing.
                    let seen = !self.touched.insert(id);
                    let new = if seen { old.filled(r) } else { old.merged(r) };
                    let fields = old.diff(&new);
                    if seen {
                        self.counts.duplicate += 1;
                        let what =
                            format!("{label}: duplicate (same {how}) of entry {id}, earlier in this file; merged");
                        self.note(r.line, Outcome::Duplicate, what, fields.clone());
                    } else if fields.is_empty() {
                        self.counts.unchanged += 1;
                        let what = if how == "DOI" || how == "ISBN" || how == "ID" {
                            format!("{label} (entry {id})")
                        } else {
                            format!("{label} (entry {id}, same {how})")
                        };
                        self.note(r.line, Outcome::Unchanged, what, vec![]);
                    } else {
                        self.counts.changed += 1;
                        self.note(
                            r.line,
                            Outcome::Changed,
                            format!("{label} (entry {id}, same {how})"),
                            fields.clone(),
                        );
                    }
                    if !fields.is_empty() {
                        self.update(id, &old, &new)?;
                    }
                    id
                }
            };
        let mut st = self.tx.prepare_cached(
            "INSERT INTO reading_tag (reading_id, theme_id, by_id, at, source) VALUES (?1, ?2, ?3, ?4, 'import')
             ON CONFLICT (reading_id, theme_id) DO NOTHING",
        )?;
        for &theme in &r.themes {
            let added = st.execute(params![id, theme, self.by, self.at])? as i64;
            self.counts.tags_new += added;
            // An import's tags are traced to its run; a single `reading add` records each.
            if added == 1 && self.run_id.is_none() {
                let after = json!({ "reading_id": id, "theme_id": theme, "note": null });
                history::record(self.tx, self.by, Action::Insert, "reading_tag", Some(id), None, Some(&after), None)?;
            }
        }
        Ok(id)
    }

    fn update(&mut self, id: i64, old: &Stored, new: &Stored) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE reading SET title = ?2, title_key = ?3, year = ?4, type = ?5, container = ?6, doi = ?7, isbn = ?8,
                        url = ?9, annotation = ?10, source_kind = ?11, language = ?12, updated_at = ?13 WHERE id = ?1",
            )?
            .execute(params![
                id, new.title, title_key(&new.title), new.year, new.kind, new.container, new.doi, new.isbn, new.url,
                new.annotation, new.source_kind, new.language, self.at
            ])?;
        if new.authors != old.authors {
            self.tx.prepare_cached("DELETE FROM reading_author WHERE reading_id = ?1")?.execute([id])?;
            self.set_authors(id, &new.authors)?;
        }
        self.index(id, new, true)?;
        let before = serde_json::to_value(old)?;
        let after = serde_json::to_value(new)?;
        history::record(
            self.tx,
            self.by,
            Action::Update,
            "reading",
            Some(id),
            Some(&before),
            Some(&after),
            self.run_id,
        )?;
        Ok(())
    }

    fn set_authors(&self, id: i64, authors: &[String]) -> Result<()> {
        let mut st =
            self.tx.prepare_cached("INSERT INTO reading_author (reading_id, position, name) VALUES (?1, ?2, ?3)")?;
        for (i, a) in authors.iter().enumerate() {
            st.execute(params![id, i as i64 + 1, a])?;
        }
        Ok(())
    }

    fn index(&self, id: i64, s: &Stored, replace: bool) -> Result<()> {
        if replace {
            self.tx.prepare_cached("DELETE FROM reading_fts WHERE rowid = ?1")?.execute([id])?;
        }
        self.tx
            .prepare_cached("INSERT INTO reading_fts (rowid, title, authors, annotation) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![id, s.title, s.authors.join("; "), s.annotation])?;
        Ok(())
    }

    /// Records the run; returns the counts and (if kept) every change.
    pub fn finish(self) -> Result<(Counts, Option<Vec<Change>>)> {
        if let Some(run) = self.run_id {
            super::curriculum::finish_run(self.tx, run, &self.counts)?;
        }
        Ok((self.counts, self.changes))
    }
}

fn authors(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT name FROM reading_author WHERE reading_id = ?1 ORDER BY position")?;
    let v = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// A reading as listed (and as the report and gaps use it).
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub id: i64,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i64>,
    #[serde(rename = "type")]
    pub kind: String,
    pub container: Option<String>,
    pub doi: Option<String>,
    pub isbn: Option<String>,
    pub url: Option<String>,
    pub annotation: Option<String>,
    pub source_kind: Option<String>,
    pub credit: Option<String>,
    pub licence: Option<String>,
    pub status: String,
    pub language: Option<String>,
    pub global_south: Option<bool>,
    pub open_access: Option<bool>,
    pub themes: Vec<String>,
}

/// Filters for `reading list`.
#[derive(Debug, Default)]
pub struct ReadingFilter<'a> {
    pub theme: Option<i64>,
    pub status: Option<&'a str>,
    pub untagged: bool,
    /// Only readings linked to a session or module of this programme (by name).
    pub programme: Option<&'a str>,
}

pub fn list(conn: &Connection, f: &ReadingFilter) -> Result<Vec<Reading>> {
    let mut st = conn.prepare(
        "SELECT r.id, r.title, r.year, r.type, r.container, r.doi, r.isbn, r.url, r.annotation, r.source_kind,
                r.credit, r.licence, r.status, r.language, r.global_south, r.open_access,
                (SELECT group_concat(name, char(31)) FROM (SELECT name FROM reading_author WHERE reading_id = r.id ORDER BY position)),
                (SELECT group_concat(slug, ';') FROM (SELECT t.slug FROM reading_tag rt JOIN theme t ON t.id = rt.theme_id
                  WHERE rt.reading_id = r.id ORDER BY t.slug))
           FROM reading r
          WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM reading_tag rt WHERE rt.reading_id = r.id AND rt.theme_id = ?1))
            AND (?2 IS NULL OR r.status = ?2)
            AND (?3 = 0 OR NOT EXISTS (SELECT 1 FROM reading_tag rt WHERE rt.reading_id = r.id))
            AND (?4 IS NULL OR EXISTS (SELECT 1 FROM link l LEFT JOIN item i ON i.id = l.item_id
                                         JOIN module m ON m.id = coalesce(l.module_id, i.module_id)
                                         JOIN programme p ON p.id = m.programme_id
                                        WHERE l.reading_id = r.id AND p.name = ?4 COLLATE NOCASE))
          ORDER BY r.title_key, r.year, r.id",
    )?;
    let rows = st
        .query_map(params![f.theme, f.status, f.untagged, f.programme], |r| {
            let authors: Option<String> = r.get(16)?;
            let themes: Option<String> = r.get(17)?;
            Ok(Reading {
                id: r.get(0)?,
                title: r.get(1)?,
                year: r.get(2)?,
                kind: r.get(3)?,
                container: r.get(4)?,
                doi: r.get(5)?,
                isbn: r.get(6)?,
                url: r.get(7)?,
                annotation: r.get(8)?,
                source_kind: r.get(9)?,
                credit: r.get(10)?,
                licence: r.get(11)?,
                status: r.get(12)?,
                language: r.get(13)?,
                global_south: r.get::<_, Option<i64>>(14)?.map(|v| v != 0),
                open_access: r.get::<_, Option<i64>>(15)?.map(|v| v != 0),
                authors: authors.map(|a| a.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
                themes: themes.map(|t| t.split(';').map(String::from).collect()).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One reading with its links and history, for `reading show`.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingDetail {
    #[serde(flatten)]
    pub reading: Reading,
    pub links: Vec<String>,
    pub history: Vec<HistoryLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryLine {
    pub at: String,
    pub by: Option<String>,
    pub action: String,
    pub after: Option<String>,
}

pub fn show(conn: &Connection, id: i64) -> Result<Option<ReadingDetail>> {
    let Some(reading) = list(conn, &ReadingFilter::default())?.into_iter().find(|r| r.id == id) else {
        return Ok(None);
    };
    let mut st = conn.prepare(
        "SELECT coalesce(m.code || ' · ' || i.title, m2.code || ' (whole module)')
           FROM link l LEFT JOIN item i ON i.id = l.item_id LEFT JOIN module m ON m.id = i.module_id
           LEFT JOIN module m2 ON m2.id = l.module_id
          WHERE l.reading_id = ?1 ORDER BY l.id",
    )?;
    let links = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    let mut st = conn.prepare(
        "SELECT h.at, c.name, h.action, h.after FROM history h LEFT JOIN contributor c ON c.id = h.by_id
          WHERE h.entity = 'reading' AND h.entity_id = ?1 ORDER BY h.id",
    )?;
    let history = st
        .query_map([id], |r| Ok(HistoryLine { at: r.get(0)?, by: r.get(1)?, action: r.get(2)?, after: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(ReadingDetail { reading, links, history }))
}

/// The reading an ID or DOI names.
pub fn find_id(conn: &Connection, reference: &str) -> Result<Option<i64>> {
    if let Ok(id) = reference.trim().parse::<i64>() {
        return Ok(conn.query_row("SELECT id FROM reading WHERE id = ?1", [id], |r| r.get(0)).optional()?);
    }
    if let Some(doi) = crate::import::normalise_doi(reference) {
        return Ok(conn.query_row("SELECT id FROM reading WHERE doi = ?1", [doi], |r| r.get(0)).optional()?);
    }
    Ok(None)
}
