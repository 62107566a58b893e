//! Contributors: the people (or pseudonyms) credited for the work.

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

use super::IdGen;
use super::history::{self, Action};

pub const ROLES: &[&str] = &["student", "faculty", "librarian", "patient-partner", "maintainer", "other"];

/// A contributor as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Contributor {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub affiliation: Option<String>,
    pub pseudonym: bool,
    pub joined: String,
    /// Changes in the history log made by them.
    pub changes: i64,
    pub readings_added: i64,
    pub reviews: i64,
}

/// What `contributor add` asks for.
#[derive(Debug, Clone)]
pub struct NewContributor<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub affiliation: Option<&'a str>,
    pub pseudonym: bool,
}

/// Whether `add` made a new contributor, changed one, or found it as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New(i64),
    Changed(i64),
    Unchanged(i64),
}

/// Adds a contributor, or updates the role, affiliation and pseudonym flag
/// of an existing one (the history keeps what they were).
pub fn add(tx: &Transaction, ids: &mut IdGen, by: Option<i64>, c: &NewContributor) -> Result<Added> {
    let name = c.name.trim();
    if name.is_empty() {
        bail!("contributor name is empty; expected the name or pseudonym to credit");
    }
    crate::limits::check(crate::limits::Kind::Name, "contributor name", name)?;
    crate::limits::check_opt(crate::limits::Kind::Name, "affiliation", c.affiliation)?;
    if !ROLES.contains(&c.role) {
        bail!("unknown role {:?}; expected one of {}", c.role, ROLES.join(", "));
    }
    let existing: Option<(i64, String, Option<String>, i64)> = tx
        .query_row("SELECT id, role, affiliation, is_pseudonym FROM contributor WHERE name = ?1", [name], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let after =
        json!({ "name": name, "role": c.role, "affiliation": c.affiliation, "is_pseudonym": i64::from(c.pseudonym) });
    match existing {
        None => {
            let id = ids.next_id();
            tx.execute(
                "INSERT INTO contributor (id, name, role, affiliation, is_pseudonym, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, name, c.role, c.affiliation, c.pseudonym, super::now()],
            )?;
            history::record(tx, by.or(Some(id)), Action::Insert, "contributor", Some(id), None, Some(&after), None)?;
            Ok(Added::New(id))
        }
        Some((id, role, affiliation, pseudo)) => {
            let before = json!({ "name": name, "role": role, "affiliation": affiliation, "is_pseudonym": pseudo });
            if before == after {
                return Ok(Added::Unchanged(id));
            }
            tx.execute(
                "UPDATE contributor SET role = ?2, affiliation = ?3, is_pseudonym = ?4 WHERE id = ?1",
                params![id, c.role, c.affiliation, c.pseudonym],
            )?;
            history::record(
                tx,
                by.or(Some(id)),
                Action::Update,
                "contributor",
                Some(id),
                Some(&before),
                Some(&after),
                None,
            )?;
            Ok(Added::Changed(id))
        }
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Contributor>> {
    let mut st = conn.prepare(
        "SELECT c.id, c.name, c.role, c.affiliation, c.is_pseudonym, c.created_at,
                (SELECT count(*) FROM history h WHERE h.by_id = c.id),
                (SELECT count(*) FROM reading r WHERE r.added_by = c.id),
                (SELECT count(*) FROM review v WHERE v.by_id = c.id)
           FROM contributor c ORDER BY c.name, c.id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(Contributor {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                affiliation: r.get(3)?,
                pseudonym: r.get::<_, i64>(4)? != 0,
                joined: r.get(5)?,
                changes: r.get(6)?,
                readings_added: r.get(7)?,
                reviews: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
