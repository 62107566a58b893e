//! Items (sessions, learning outcomes, assessments, placements): add one by
//! hand, edit any field (title, kind, outcomes, Bloom level, module), remove
//! one with its tags and links.

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::{
    Added, Cascade, Edited, Removal, int, item_ref, load, reading_title, record_insert, required_text, rows, text,
    theme_slug, update,
};
use crate::analysis::bloom::Level;
use crate::store::curriculum::title_hash;

/// The kinds of item the schema allows.
pub const KINDS: &[&str] = &["session", "outcome", "assessment", "placement"];

/// What `item add` takes.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub module_id: i64,
    /// session, outcome, assessment or placement.
    pub kind: &'a str,
    pub title: &'a str,
    /// Learning outcomes, one per line.
    pub outcomes: &'a str,
}

/// The fields `item edit` changes. `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ItemPatch {
    pub title: Option<String>,
    pub kind: Option<String>,
    /// Learning outcomes, one per line (empty clears them).
    pub outcomes: Option<String>,
    /// The Bloom level set by hand; `Some(None)` goes back to the inferred one.
    pub bloom: Option<Option<String>>,
    /// Move the item to this module.
    pub module_id: Option<i64>,
}

fn check_kind(kind: &str) -> Result<&'static str> {
    let k = kind.trim().to_lowercase();
    KINDS
        .iter()
        .copied()
        .find(|x| *x == k)
        .ok_or_else(|| anyhow::anyhow!("unknown item kind {kind:?}; expected one of {}", KINDS.join(", ")))
}

fn outcomes(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn module_code(conn: &Connection, id: Option<i64>) -> String {
    id.and_then(|id| conn.query_row("SELECT code FROM module WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok())
        .unwrap_or_default()
}

fn label(conn: &Connection, m: &serde_json::Map<String, Value>) -> String {
    format!("{}/{}", module_code(conn, int(m, "module_id")), text(m, "title"))
}

/// Refuses a title the module already has, in any case: the natural key is
/// module and title, and `CODE/Session title` references ignore case.
fn clash(tx: &Transaction, module_id: i64, title: &str, id: Option<i64>) -> Result<()> {
    let other: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, title FROM item WHERE module_id = ?1 AND (title_hash = ?2 OR title = ?3 COLLATE NOCASE)
                AND id IS NOT ?4 ORDER BY title_hash = ?2 DESC LIMIT 1",
            params![module_id, title_hash(title), title, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((o, t)) = other {
        bail!(
            "module {} already has an item titled {t:?} (ID {o}); expected each title once per module, case aside",
            module_code(tx, Some(module_id))
        );
    }
    Ok(())
}

/// Adds an item to a module. Refuses a title the module already has.
pub fn add(tx: &Transaction, ids: &mut crate::store::IdGen, by: i64, n: &NewItem) -> Result<Added> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Title, "item title", Some(n.title)),
        (crate::limits::Kind::Note, "learning outcomes", Some(n.outcomes)),
    ])?;
    let kind = check_kind(n.kind)?;
    let title = required_text("item title", n.title)?;
    if tx.query_row("SELECT 1 FROM module WHERE id = ?1", [n.module_id], |_| Ok(())).optional()?.is_none() {
        bail!("no module with ID {}", n.module_id);
    }
    clash(tx, n.module_id, &title, None)?;
    let id = ids.next_id();
    let position: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM item", [], |r| r.get(0))?;
    let outcomes = outcomes(n.outcomes);
    tx.execute(
        "INSERT INTO item (id, module_id, kind, title, title_hash, outcomes, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, n.module_id, kind, title, title_hash(&title), outcomes, position],
    )?;
    tx.execute("INSERT INTO item_fts (rowid, title, outcomes) VALUES (?1, ?2, ?3)", params![id, title, outcomes])?;
    let label = format!("{}/{title}", module_code(tx, Some(n.module_id)));
    record_insert(tx, by, "item", id, label)
}

/// Changes the fields of item `id` that `p` sets, as one history entry.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &ItemPatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Title, "item title", p.title.as_deref()),
        (crate::limits::Kind::Note, "learning outcomes", p.outcomes.as_deref()),
    ])?;
    let old = load(tx, "item", id)?;
    let mut new = old.clone();
    if let Some(t) = &p.title {
        let t = required_text("item title", t)?;
        new.insert("title_hash".into(), Value::from(title_hash(&t)));
        new.insert("title".into(), Value::from(t));
    }
    if let Some(k) = &p.kind {
        new.insert("kind".into(), Value::from(check_kind(k)?));
    }
    if let Some(o) = &p.outcomes {
        new.insert("outcomes".into(), Value::from(outcomes(o)));
    }
    if let Some(b) = &p.bloom {
        let level = match b.as_deref().map(str::trim) {
            None | Some("") | Some("auto") => Value::Null,
            Some(l) => Value::from(
                Level::parse(l)
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "unknown Bloom level {l:?}; expected remember, understand, apply, analyse, evaluate, create or auto"
                        )
                    })?
                    .as_str(),
            ),
        };
        new.insert("bloom_override".into(), level);
    }
    if let Some(m) = p.module_id {
        if tx.query_row("SELECT 1 FROM module WHERE id = ?1", [m], |_| Ok(())).optional()?.is_none() {
            bail!("no module with ID {m}");
        }
        new.insert("module_id".into(), Value::from(m));
    }
    if new.get("title") != old.get("title") || new.get("module_id") != old.get("module_id") {
        clash(tx, int(&new, "module_id").unwrap_or_default(), text(&new, "title"), Some(id))?;
    }
    let extra = [(
        "module",
        Value::from(module_code(tx, int(&old, "module_id"))),
        Value::from(module_code(tx, int(&new, "module_id"))),
    )];
    let label = label(tx, &new);
    let mut e = update(tx, by, "item", &old, new, label, &extra)?;
    // The hash follows the title; people need not see it.
    e.changes.retain(|c| c.field != "title_hash");
    Ok(e)
}

/// What removing item `id` would take: its tags, and the readings linked to it.
pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "item", id)?;
    let mut c = Cascade::new("item", root.clone(), label(conn, &root));
    let tags = rows(conn, "item_tag", "WHERE item_id = ?1", id)?;
    c.with("item_tag", tags, "theme tags", |r| theme_slug(conn, int(r, "theme_id")), false);
    let links = rows(conn, "link", "WHERE item_id = ?1", id)?;
    c.with(
        "link",
        links,
        "reading links",
        |r| format!("{:?} → {}", reading_title(conn, int(r, "reading_id")), item_ref(conn, int(r, "item_id"))),
        true,
    );
    c.others(conn, "item", id)?;
    Ok(c)
}

/// What removing item `id` would take, without removing it.
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes item `id` with its tags (and, with `force`, the reading links to
/// it) as one history entry; [`super::NeedsForce`] when it has links and
/// `force` is false.
pub fn remove(tx: &Transaction, by: i64, id: i64, force: bool) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, force, None)
}
