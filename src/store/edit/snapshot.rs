//! Audit rounds (snapshots): rename one, change its note, remove one with
//! its frozen figures. (`canon snapshot add` is [`crate::store::snapshots::save`].)

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::Value;

use super::{Cascade, Edited, Removal, load, opt_value, required_text, rows, text, update};

/// The fields `snapshot edit` changes. `None` leaves a field as it is;
/// `note: Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct SnapshotPatch {
    pub name: Option<String>,
    pub note: Option<Option<String>>,
}

/// The snapshot called `name`.
pub fn find(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM snapshot WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?)
}

/// Renames snapshot `id` or changes its note, as one history entry.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &SnapshotPatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Name, "snapshot name", p.name.as_deref().map(str::trim)),
        (crate::limits::Kind::Note, "snapshot note", p.note.as_ref().and_then(|n| n.as_deref())),
    ])?;
    let old = load(tx, "snapshot", id)?;
    let mut new = old.clone();
    if let Some(n) = &p.name {
        let n = required_text("snapshot name", n)?;
        if let Some(o) = find(tx, &n)?.filter(|o| *o != id) {
            bail!("another snapshot (ID {o}) is already called {n:?}; a name is used once");
        }
        new.insert("name".into(), Value::from(n));
    }
    if let Some(note) = &p.note {
        new.insert("note".into(), opt_value(note.as_deref()));
    }
    let label = format!("{:?}", text(&new, "name"));
    update(tx, by, "snapshot", &old, new, label, &[])
}

pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "snapshot", id)?;
    let mut c = Cascade::new("snapshot", root.clone(), format!("{:?}", text(&root, "name")));
    let cells = rows(conn, "snapshot_coverage", "WHERE snapshot_id = ?1", id)?;
    c.with("snapshot_coverage", cells, "frozen coverage cells", |_| String::new(), false);
    let gaps = rows(conn, "snapshot_gap", "WHERE snapshot_id = ?1", id)?;
    c.with("snapshot_gap", gaps, "frozen gaps", |_| String::new(), false);
    c.others(conn, "snapshot", id)?;
    Ok(c)
}

/// What removing snapshot `id` would take, without removing it.
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes snapshot `id` with its frozen figures, as one history entry that
/// undo reverts. Nothing depends on a snapshot, so no force is needed.
pub fn remove(tx: &Transaction, by: i64, id: i64) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, false, None)
}
