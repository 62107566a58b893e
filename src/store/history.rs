//! The history log and contributors.

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::IdGen;

#[derive(Clone, Copy, Debug)]
pub enum Action {
    Insert,
    Update,
    Delete,
    Import,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Insert => "insert",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Import => "import",
        }
    }
}

/// Appends one change to the history log. Its ID is SQLite's next rowid: the
/// log is local to a database and ordered by it.
#[allow(clippy::too_many_arguments)]
pub fn record(
    tx: &Transaction,
    by: Option<i64>,
    action: Action,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&Value>,
    after: Option<&Value>,
    import_id: Option<i64>,
) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO history (at, by_id, action, entity, entity_id, before, after, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    st.execute(params![
        super::now(),
        by,
        action.as_str(),
        entity,
        entity_id,
        before.map(Value::to_string),
        after.map(Value::to_string),
        import_id,
    ])?;
    Ok(())
}

/// The contributor called `name`, added (as a student, by default) the first
/// time they write. Names may be pseudonyms; they are credited as given.
pub fn contributor(tx: &Transaction, ids: &mut IdGen, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        bail!("contributor name is empty; expected the name or pseudonym to credit");
    }
    if let Some(id) = tx.query_row("SELECT id FROM contributor WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    let id = ids.next_id();
    tx.execute("INSERT INTO contributor (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, super::now()])?;
    let after = serde_json::json!({ "name": name, "role": "student" });
    record(tx, Some(id), Action::Insert, "contributor", Some(id), None, Some(&after), None)?;
    Ok(id)
}

/// Contributors' names as credited, in the order they joined.
pub fn contributor_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT name FROM contributor ORDER BY id")?;
    let names = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// The time of the latest change, as ISO-8601 text: the data's own date.
pub fn last_change(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT max(at) FROM (SELECT max(at) AS at FROM history
                                  UNION ALL SELECT max(at) FROM import_run)",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}
