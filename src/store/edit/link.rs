//! Links (a reading recommended for a session or a whole module): list,
//! edit the note, remove (`canon unlink`). (`canon link` adds one with
//! [`crate::store::tags::link`].)

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::Value;

use super::{Cascade, Edited, Removal, int, item_ref, load, opt_value, reading_title, update};
use crate::store::tags::Target;

/// A link as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub id: i64,
    pub reading_id: i64,
    pub reading_title: String,
    pub doi: Option<String>,
    pub programme: String,
    pub module_code: String,
    /// The session, or `None` for a link to the whole module.
    pub item_id: Option<i64>,
    pub item_title: Option<String>,
    pub module_id: i64,
    pub note: Option<String>,
    pub by: Option<String>,
    pub at: String,
}

/// Filters for `link list`; every one given must hold.
#[derive(Debug, Default, Clone)]
pub struct LinkFilter<'a> {
    pub reading: Option<i64>,
    /// Links to this session.
    pub item: Option<i64>,
    /// Links to this module or any of its sessions.
    pub module: Option<i64>,
    /// Links within this programme (by name).
    pub programme: Option<&'a str>,
}

/// Every link that `f` selects, by programme, module, session and reading.
pub fn list(conn: &Connection, f: &LinkFilter) -> Result<Vec<Link>> {
    let mut st = conn.prepare_cached(
        "SELECT l.id, r.id, r.title, r.doi, p.name, m.code, l.item_id, i.title, m.id, l.note, c.name, l.at
           FROM link l JOIN reading r ON r.id = l.reading_id
           LEFT JOIN item i ON i.id = l.item_id
           JOIN module m ON m.id = coalesce(l.module_id, i.module_id)
           JOIN programme p ON p.id = m.programme_id
           LEFT JOIN contributor c ON c.id = l.by_id
          WHERE (?1 IS NULL OR l.reading_id = ?1) AND (?2 IS NULL OR l.item_id = ?2)
            AND (?3 IS NULL OR m.id = ?3) AND (?4 IS NULL OR p.name = ?4 COLLATE NOCASE)
          ORDER BY p.name, m.year, m.code, i.position, r.title_key, l.id",
    )?;
    let rows = st
        .query_map(params![f.reading, f.item, f.module, f.programme], |r| {
            Ok(Link {
                id: r.get(0)?,
                reading_id: r.get(1)?,
                reading_title: r.get(2)?,
                doi: r.get(3)?,
                programme: r.get(4)?,
                module_code: r.get(5)?,
                item_id: r.get(6)?,
                item_title: r.get(7)?,
                module_id: r.get(8)?,
                note: r.get(9)?,
                by: r.get(10)?,
                at: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The link of `reading` to `target` (a session or a module), if any.
pub fn find(conn: &Connection, reading: i64, target: Target) -> Result<Option<i64>> {
    let (item, module) = match target {
        Target::Item(i) => (Some(i), None),
        Target::Module(m) => (None, Some(m)),
        Target::Reading(_) => return Ok(None),
    };
    Ok(conn
        .query_row(
            "SELECT id FROM link WHERE reading_id = ?1 AND item_id IS ?2 AND module_id IS ?3",
            params![reading, item, module],
            |r| r.get(0),
        )
        .optional()?)
}

/// Whether a link with this ID exists.
pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM link WHERE id = ?1")?.exists([id])?)
}

fn label(conn: &Connection, m: &serde_json::Map<String, Value>) -> String {
    let to = match int(m, "item_id") {
        Some(_) => item_ref(conn, int(m, "item_id")),
        None => int(m, "module_id")
            .and_then(|id| {
                conn.query_row("SELECT code FROM module WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok()
            })
            .map(|c| format!("{c} (whole module)"))
            .unwrap_or_default(),
    };
    format!("{:?} → {to}", reading_title(conn, int(m, "reading_id")))
}

/// Changes the note of link `id` (`None` clears it), as one history entry.
pub fn edit_note(tx: &Transaction, by: i64, id: i64, note: Option<&str>) -> Result<Edited> {
    crate::limits::check_opt(crate::limits::Kind::Note, "the link's note", note)?;
    let old = load(tx, "link", id)?;
    let mut new = old.clone();
    new.insert("note".into(), opt_value(note));
    let label = label(tx, &new);
    update(tx, by, "link", &old, new, label, &[])
}

pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "link", id)?;
    Ok(Cascade::new("link", root.clone(), label(conn, &root)))
}

/// Removes link `id` (`canon unlink`), as one history entry that undo reverts.
pub fn remove(tx: &Transaction, by: i64, id: i64) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, false, None)
}
