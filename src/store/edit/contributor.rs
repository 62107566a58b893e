//! Contributors: edit the name, role, affiliation and pseudonym flag;
//! remove one (with `force`, their credits are cleared and kept in the
//! history entry, so undo credits them again). (`contributor add` is
//! [`crate::store::contributors::add`].)

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::Value;

use super::{Cascade, Edited, Removal, ids, load, optional_text, pairs, required_text, text, update};
use crate::store::contributors::ROLES;

/// The fields `contributor edit` changes. `None` leaves a field as it is;
/// `affiliation: Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ContributorPatch {
    /// A new name or pseudonym to credit them by.
    pub name: Option<String>,
    /// student, faculty, librarian, patient-partner, maintainer or other.
    pub role: Option<String>,
    pub affiliation: Option<Option<String>>,
    pub pseudonym: Option<bool>,
}

/// The contributor called `name` (exactly, as credited).
pub fn find(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let name = name.trim();
    if let Some(id) = crate::import::parse_reading_id(name)
        && let Some(id) = conn.query_row("SELECT id FROM contributor WHERE id = ?1", [id], |r| r.get(0)).optional()?
    {
        return Ok(Some(id));
    }
    Ok(conn.query_row("SELECT id FROM contributor WHERE name = ?1", [name], |r| r.get(0)).optional()?)
}

/// Changes the fields of contributor `id` that `p` sets, as one history
/// entry. A name another contributor has is refused.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &ContributorPatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Name, "contributor name", p.name.as_deref().map(str::trim)),
        (crate::limits::Kind::Name, "affiliation", p.affiliation.as_ref().and_then(|a| a.as_deref())),
    ])?;
    let old = load(tx, "contributor", id)?;
    let mut new = old.clone();
    if let Some(n) = &p.name {
        let n = required_text("contributor name", n)?;
        if let Some(o) = find(tx, &n)?.filter(|o| *o != id) {
            bail!(
                "another contributor (ID {o}) is already called {n:?}; names are unique \
                 (pick another, or remove one of the two)"
            );
        }
        new.insert("name".into(), Value::from(n));
    }
    if let Some(r) = &p.role {
        let r = r.trim().to_lowercase();
        if !ROLES.contains(&r.as_str()) {
            bail!("unknown role {r:?}; expected one of {}", ROLES.join(", "));
        }
        new.insert("role".into(), Value::from(r));
    }
    if let Some(a) = &p.affiliation {
        new.insert("affiliation".into(), optional_text(a.as_deref()).map_or(Value::Null, Value::from));
    }
    if let Some(ps) = p.pseudonym {
        new.insert("is_pseudonym".into(), Value::from(i64::from(ps)));
    }
    let label = format!("{:?}", text(&new, "name"));
    update(tx, by, "contributor", &old, new, label, &[])
}

/// What removing contributor `id` would clear: every credit to them.
pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "contributor", id)?;
    let mut c = Cascade::new("contributor", root.clone(), format!("{:?}", text(&root, "name")));
    let by = |sql: &str| ids(conn, sql, id);
    // The entries about their own record (being added, edited) go with them unforced;
    // changes they made to anything else are credits others depend on.
    c.clear(
        "history.by_id",
        by("SELECT id FROM history WHERE by_id = ?1 AND entity = 'contributor' AND entity_id = ?1 ORDER BY id")?,
        "changes to their own record",
        false,
    );
    c.clear(
        "history.by_id",
        by("SELECT id FROM history WHERE by_id = ?1 AND NOT (entity = 'contributor' AND entity_id = ?1) ORDER BY id")?,
        "changes in the history credited to them",
        true,
    );
    c.clear(
        "reading.added_by",
        by("SELECT id FROM reading WHERE added_by = ?1 ORDER BY id")?,
        "readings they added",
        true,
    );
    c.clear("review.by_id", by("SELECT id FROM review WHERE by_id = ?1 ORDER BY id")?, "reviews they made", true);
    c.clear("link.by_id", by("SELECT id FROM link WHERE by_id = ?1 ORDER BY id")?, "reading links they made", true);
    c.clear(
        "item_tag.by_id",
        pairs(conn, "SELECT item_id, theme_id FROM item_tag WHERE by_id = ?1 ORDER BY item_id, theme_id", id)?,
        "session tags they made",
        true,
    );
    c.clear(
        "reading_tag.by_id",
        pairs(conn, "SELECT reading_id, theme_id FROM reading_tag WHERE by_id = ?1 ORDER BY reading_id, theme_id", id)?,
        "reading tags they made",
        true,
    );
    c.clear(
        "person_facet.recorded_by",
        by("SELECT id FROM person_facet WHERE recorded_by = ?1 ORDER BY id")?,
        "facets they recorded",
        true,
    );
    c.clear(
        "import_run.by_id",
        by("SELECT id FROM import_run WHERE by_id = ?1 ORDER BY id")?,
        "imports they ran",
        true,
    );
    c.clear(
        "snapshot.by_id",
        by("SELECT id FROM snapshot WHERE by_id = ?1 ORDER BY id")?,
        "audit rounds they froze",
        true,
    );
    c.clear(
        "conflict.found_by",
        by("SELECT id FROM conflict WHERE found_by = ?1 ORDER BY id")?,
        "merge conflicts they found",
        true,
    );
    c.clear(
        "conflict.resolved_by",
        by("SELECT id FROM conflict WHERE resolved_by = ?1 ORDER BY id")?,
        "merge conflicts they resolved",
        true,
    );
    Ok(c)
}

/// What removing contributor `id` would clear, without removing them.
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes contributor `id`. Anything credited to them needs `force`, which
/// clears those credits (the history entry keeps them; undo restores them).
/// Nobody removes themselves: the change must be credited to someone.
pub fn remove(tx: &Transaction, by: i64, id: i64, force: bool) -> Result<Removal> {
    if by == id {
        bail!("you cannot remove yourself: the removal would be credited to no one; ask another contributor");
    }
    cascade(tx, id)?.run(tx, by, force, None)
}
