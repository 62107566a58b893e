//! Audit rounds: a snapshot's frozen coverage and gaps (schema 0002).

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

use super::IdGen;
use super::history::{self, Action};
use crate::analysis::snapshot::{CoverageCell, Frozen, GapRef};

/// A snapshot as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub id: i64,
    pub name: String,
    pub at: String,
    pub items: i64,
    /// Who froze it.
    pub by: Option<String>,
    pub note: Option<String>,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot { id: r.get(0)?, name: r.get(1)?, at: r.get(2)?, items: r.get(3)?, by: r.get(4)?, note: r.get(5)? })
}

/// Saves `frozen` as the snapshot `name`; a name is used once.
pub fn save(tx: &Transaction, ids: &mut IdGen, by: Option<i64>, name: &str, items: i64, f: &Frozen) -> Result<i64> {
    save_noted(tx, ids, by, name, None, items, f)
}

/// [`save`] with a note on the round.
pub fn save_noted(
    tx: &Transaction,
    ids: &mut IdGen,
    by: Option<i64>,
    name: &str,
    note: Option<&str>,
    items: i64,
    f: &Frozen,
) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        bail!("snapshot name is empty; expected a name such as 2025 or \"2026 review\"");
    }
    crate::limits::check(crate::limits::Kind::Name, "snapshot name", name)?;
    if tx.query_row("SELECT id FROM snapshot WHERE name = ?1", [name], |r| r.get::<_, i64>(0)).optional()?.is_some() {
        bail!("snapshot {name:?} already exists; choose another name (see `canon compare {name}`)");
    }
    let id = ids.next_id();
    let at = super::now();
    tx.execute(
        "INSERT INTO snapshot (id, name, at, by_id, items, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, name, at, by, items, note],
    )?;
    let mut st = tx.prepare_cached(
        "INSERT INTO snapshot_coverage (snapshot_id, programme, module_code, module_title, year, theme, items, tagged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in &f.coverage {
        st.execute(params![id, c.programme, c.module_code, c.module_title, c.year, c.theme, c.items, c.tagged])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO snapshot_gap (snapshot_id, key, kind, severity, scope, theme, module_code, explanation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for g in &f.gaps {
        st.execute(params![id, g.key, g.kind, g.severity, g.scope, g.theme, g.module_code, g.explanation])?;
    }
    let after = json!({
        "name": name, "items": items, "note": note, "coverage_cells": f.coverage.len(), "gaps": f.gaps.len(),
    });
    history::record(tx, by, Action::Insert, "snapshot", Some(id), None, Some(&after), None)?;
    Ok(id)
}

/// The snapshot called `name`, with its frozen rows.
pub fn load(conn: &Connection, name: &str) -> Result<Option<(Snapshot, Frozen)>> {
    let Some(s) = conn
        .query_row(
            "SELECT s.id, s.name, s.at, s.items, c.name, s.note FROM snapshot s
               LEFT JOIN contributor c ON c.id = s.by_id WHERE s.name = ?1",
            [name.trim()],
            row,
        )
        .optional()?
    else {
        return Ok(None);
    };
    let coverage = conn
        .prepare(
            "SELECT programme, module_code, module_title, year, theme, items, tagged FROM snapshot_coverage
              WHERE snapshot_id = ?1 ORDER BY programme, year, module_code, theme",
        )?
        .query_map([s.id], |r| {
            Ok(CoverageCell {
                programme: r.get(0)?,
                module_code: r.get(1)?,
                module_title: r.get(2)?,
                year: r.get(3)?,
                theme: r.get(4)?,
                items: r.get(5)?,
                tagged: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let gaps = conn
        .prepare(
            "SELECT key, kind, severity, scope, theme, module_code, explanation FROM snapshot_gap
              WHERE snapshot_id = ?1 ORDER BY key",
        )?
        .query_map([s.id], |r| {
            Ok(GapRef {
                key: r.get(0)?,
                kind: r.get(1)?,
                severity: r.get(2)?,
                scope: r.get(3)?,
                theme: r.get(4)?,
                module_code: r.get(5)?,
                explanation: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some((s, Frozen { coverage, gaps })))
}

/// Every snapshot, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Snapshot>> {
    let rows = conn
        .prepare(
            "SELECT s.id, s.name, s.at, s.items, c.name, s.note FROM snapshot s
               LEFT JOIN contributor c ON c.id = s.by_id ORDER BY s.at, s.id",
        )?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
