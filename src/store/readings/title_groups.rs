//! Stored entries by main title, for the by-title possible-duplicate check
//! ([`ReadingWriter::possible_duplicates`]): read once an import per main
//! title, then kept in step with every entry the import adds or changes.
//!
//! The check compares a row with the stored entries of its main title whose
//! first author or whole title and year are its own. It read every stored
//! entry of the main title and year and each one's authors for every row:
//! 10,000 rows of one main title and one year took 47 s (task q92). Here
//! the entries are indexed by first author and by title and year, so a row
//! reads only those it can be said to duplicate.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{OptionalExtension, Transaction};

use super::{authors, main_title_key, person_key, title_key};

/// A stored entry as the by-title check reads it.
#[derive(Debug, Clone)]
pub(super) struct TitleEntry {
    pub(super) id: i64,
    pub(super) title: String,
    /// The stored `title_key` column, which the check's range compares.
    pub(super) stored_key: String,
    pub(super) year: Option<i64>,
    pub(super) year_note: Option<String>,
    pub(super) container: Option<String>,
    /// [`person_key`] of the first author, if any.
    pub(super) first: Option<String>,
    /// The stored DOI, which the other-versions check compares.
    pub(super) doi: Option<String>,
}

/// The entries of one main title ([`main_title_key`] of their title).
#[derive(Default)]
struct Group {
    entries: HashMap<i64, TitleEntry>,
    by_first: HashMap<Option<String>, Vec<i64>>,
    /// By [`title_key`] of the title (as computed now) and year.
    by_title_year: HashMap<(String, Option<i64>), Vec<i64>>,
}

impl Group {
    fn insert(&mut self, e: TitleEntry) {
        self.by_first.entry(e.first.clone()).or_default().push(e.id);
        self.by_title_year.entry((title_key(&e.title), e.year)).or_default().push(e.id);
        self.entries.insert(e.id, e);
    }

    fn remove(&mut self, id: i64) {
        let Some(e) = self.entries.remove(&id) else { return };
        if let Some(v) = self.by_first.get_mut(&e.first) {
            v.retain(|x| *x != id);
        }
        if let Some(v) = self.by_title_year.get_mut(&(title_key(&e.title), e.year)) {
            v.retain(|x| *x != id);
        }
    }
}

/// Main title → its stored entries, for the main titles an import has met.
#[derive(Default)]
pub(super) struct TitleGroups {
    groups: HashMap<String, Group>,
    /// The loaded group that holds each entry.
    group_of: HashMap<i64, String>,
}

impl TitleGroups {
    /// The stored entries of main title `main` whose first author's key is
    /// `first` or whose title key and year are `key` and `year`: every
    /// entry the by-title check can say `r` may duplicate (the others it
    /// passes over). In no order; the caller filters and sorts.
    pub(super) fn candidates(
        &mut self,
        tx: &Transaction,
        main: &str,
        first: Option<&String>,
        key: &str,
        year: Option<i64>,
    ) -> Result<Vec<TitleEntry>> {
        if !self.groups.contains_key(main) {
            self.load(tx, main)?;
        }
        let Some(g) = self.groups.get(main) else { return Ok(Vec::new()) };
        let mut ids: Vec<i64> = g.by_first.get(&first.cloned()).cloned().unwrap_or_default();
        ids.extend(g.by_title_year.get(&(key.to_string(), year)).into_iter().flatten());
        ids.sort_unstable();
        ids.dedup();
        Ok(ids.iter().filter_map(|id| g.entries.get(id).cloned()).collect())
    }

    /// The stored entries of main title `main` whose first author's key is
    /// `first` and that `keep` keeps, sorted by id: what the other-versions
    /// check ([`ReadingWriter::other_versions`]) reads, without a scan of
    /// the main title per row.
    ///
    /// [`ReadingWriter::other_versions`]: super::ReadingWriter::other_versions
    pub(super) fn by_first_author(
        &mut self,
        tx: &Transaction,
        main: &str,
        first: &str,
        keep: impl Fn(&TitleEntry) -> bool,
    ) -> Result<Vec<TitleEntry>> {
        if !self.groups.contains_key(main) {
            self.load(tx, main)?;
        }
        let Some(g) = self.groups.get(main) else { return Ok(Vec::new()) };
        let Some(ids) = g.by_first.get(&Some(first.to_string())) else { return Ok(Vec::new()) };
        let mut out: Vec<TitleEntry> =
            ids.iter().filter_map(|id| g.entries.get(id)).filter(|e| keep(e)).cloned().collect();
        out.sort_by_key(|e| e.id);
        out.dedup_by_key(|e| e.id);
        Ok(out)
    }

    /// Reads the stored entries of main title `main`: those whose title key
    /// starts with it (what the check's range reads) and whose own main
    /// title it is (what the check keeps).
    fn load(&mut self, tx: &Transaction, main: &str) -> Result<()> {
        let upper = format!("{main}\u{10FFFF}");
        let mut st = tx.prepare_cached(
            "SELECT id, title, title_key, year, year_note, container, doi FROM reading
              WHERE title_key >= ?1 AND title_key < ?2 ORDER BY id",
        )?;
        let rows: Vec<TitleEntry> =
            st.query_map([main, upper.as_str()], entry_row)?.collect::<rusqlite::Result<_>>()?;
        let mut g = Group::default();
        for mut e in rows.into_iter().filter(|e| main_title_key(&e.title) == main) {
            e.first = authors(tx, e.id)?.first().map(person_key);
            self.group_of.insert(e.id, main.to_string());
            g.insert(e);
        }
        self.groups.insert(main.to_string(), g);
        Ok(())
    }

    /// Entry `id` was added or changed (title, year, journal, DOI, authors):
    /// read again into the group of its main title, if that is loaded.
    pub(super) fn changed(&mut self, tx: &Transaction, id: i64) -> Result<()> {
        if let Some(main) = self.group_of.remove(&id)
            && let Some(g) = self.groups.get_mut(&main)
        {
            g.remove(id);
        }
        if self.groups.is_empty() {
            return Ok(());
        }
        let e = tx
            .prepare_cached("SELECT id, title, title_key, year, year_note, container, doi FROM reading WHERE id = ?1")?
            .query_row([id], entry_row)
            .optional()?;
        let Some(mut e) = e else { return Ok(()) };
        let main = main_title_key(&e.title);
        if let Some(g) = self.groups.get_mut(&main) {
            e.first = authors(tx, id)?.first().map(person_key);
            self.group_of.insert(id, main);
            g.insert(e);
        }
        Ok(())
    }
}

/// `id, title, title_key, year, year_note, container, doi` of a reading row;
/// the first author is read apart.
fn entry_row(r: &rusqlite::Row) -> rusqlite::Result<TitleEntry> {
    Ok(TitleEntry {
        id: r.get(0)?,
        title: r.get(1)?,
        stored_key: r.get(2)?,
        year: r.get(3)?,
        year_note: r.get(4)?,
        container: r.get(5)?,
        doi: r.get(6)?,
        first: None,
    })
}
