//! Stored entries with a volume and pages, by year and first page, for the
//! "same first author, year, volume and first page" check of
//! [`ReadingWriter::possible_duplicates`](super::ReadingWriter): read once
//! an import per year, then kept in step with every entry the import adds
//! or changes.
//!
//! The check read every stored entry of the row's year with a volume and
//! pages for every row with a volume and pages (no index on year alone): a
//! journal's or PubMed's list of one year was quadratic (task q2). Here a
//! row reads only the entries of its year with its first page.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{OptionalExtension, Transaction};

use super::first_page;

/// A stored entry as the volume-and-page check reads it.
#[derive(Debug, Clone)]
pub(super) struct PageEntry {
    pub(super) id: i64,
    pub(super) title: String,
    /// The stored `title_key` column, which the check compares.
    pub(super) stored_key: String,
    pub(super) volume: String,
}

/// The entries of one year with a volume and pages.
#[derive(Default)]
struct Year {
    entries: HashMap<i64, (String, PageEntry)>,
    /// By [`first_page`] of the stored pages.
    by_first_page: HashMap<String, Vec<i64>>,
}

impl Year {
    fn insert(&mut self, page: String, e: PageEntry) {
        self.by_first_page.entry(page.clone()).or_default().push(e.id);
        self.entries.insert(e.id, (page, e));
    }

    fn remove(&mut self, id: i64) {
        let Some((page, _)) = self.entries.remove(&id) else { return };
        if let Some(v) = self.by_first_page.get_mut(&page) {
            v.retain(|x| *x != id);
        }
    }
}

/// Year → its stored entries with a volume and pages, for the years an
/// import has met.
#[derive(Default)]
pub(super) struct PageIndex {
    years: HashMap<i64, Year>,
    /// The loaded year that holds each entry.
    year_of: HashMap<i64, i64>,
}

/// `id, title, title_key, pages, volume, year` of a reading row.
type Row = (i64, String, String, Option<String>, Option<String>, Option<i64>);

impl PageIndex {
    /// The stored entries of `year` with a volume and pages whose first
    /// page is `page` ([`first_page`]), sorted by id: every entry the check
    /// can say a row of that year and first page may duplicate (what `WHERE
    /// year = ?1 AND volume IS NOT NULL AND pages IS NOT NULL ORDER BY id`
    /// read, less the other first pages). The caller applies the rest.
    pub(super) fn candidates(&mut self, tx: &Transaction, year: i64, page: &str) -> Result<Vec<PageEntry>> {
        if !self.years.contains_key(&year) {
            self.load(tx, year)?;
        }
        let Some(y) = self.years.get(&year) else { return Ok(Vec::new()) };
        let Some(ids) = y.by_first_page.get(page) else { return Ok(Vec::new()) };
        let mut out: Vec<PageEntry> = ids.iter().filter_map(|id| y.entries.get(id)).map(|(_, e)| e.clone()).collect();
        out.sort_by_key(|e| e.id);
        out.dedup_by_key(|e| e.id);
        Ok(out)
    }

    fn load(&mut self, tx: &Transaction, year: i64) -> Result<()> {
        let mut st = tx.prepare_cached(
            "SELECT id, title, title_key, pages, volume, year FROM reading
              WHERE year = ?1 AND volume IS NOT NULL AND pages IS NOT NULL",
        )?;
        let rows: Vec<Row> = st.query_map([year], row)?.collect::<rusqlite::Result<_>>()?;
        let mut y = Year::default();
        for r in rows {
            if let Some((page, e)) = entry(r) {
                self.year_of.insert(e.id, year);
                y.insert(page, e);
            }
        }
        self.years.insert(year, y);
        Ok(())
    }

    /// Entry `id` was added or changed (title, year, volume, pages): read
    /// again into its year, if that is loaded.
    pub(super) fn changed(&mut self, tx: &Transaction, id: i64) -> Result<()> {
        if let Some(year) = self.year_of.remove(&id)
            && let Some(y) = self.years.get_mut(&year)
        {
            y.remove(id);
        }
        if self.years.is_empty() {
            return Ok(());
        }
        let r = tx
            .prepare_cached("SELECT id, title, title_key, pages, volume, year FROM reading WHERE id = ?1")?
            .query_row([id], row)
            .optional()?;
        let Some(year) = r.as_ref().and_then(|r| r.5) else { return Ok(()) };
        if let Some(y) = self.years.get_mut(&year)
            && let Some((page, e)) = r.and_then(entry)
        {
            self.year_of.insert(id, year);
            y.insert(page, e);
        }
        Ok(())
    }
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

/// The entry and its first page, if it has a volume and pages.
fn entry((id, title, stored_key, pages, volume, _): Row) -> Option<(String, PageEntry)> {
    let (pages, volume) = (pages?, volume?);
    Some((first_page(&pages), PageEntry { id, title, stored_key, volume }))
}
