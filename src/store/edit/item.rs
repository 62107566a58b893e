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
use crate::store::curriculum::{item_keywords, set_item_keywords, title_fold, title_hash};

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
    /// Subject keywords to add (kept as they are written, once each, case aside).
    pub add_keywords: Vec<String>,
    /// Keywords to take out; each must be held (case aside).
    pub remove_keywords: Vec<String>,
}

fn check_kind(kind: &str) -> Result<&'static str> {
    let k = kind.trim().to_lowercase();
    KINDS
        .iter()
        .copied()
        .find(|x| *x == k)
        .ok_or_else(|| anyhow::anyhow!("unknown item kind {kind:?}; expected one of {}", KINDS.join(", ")))
}

/// Learning outcomes one per line, trimmed (CR, LF and CRLF all end a line).
fn outcomes(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn module_code(conn: &Connection, id: Option<i64>) -> String {
    id.and_then(|id| conn.query_row("SELECT code FROM module WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok())
        .unwrap_or_default()
}

fn label(conn: &Connection, m: &serde_json::Map<String, Value>) -> String {
    format!("{}/{}", module_code(conn, int(m, "module_id")), text(m, "title"))
}

/// Refuses a title the module already has, in any case or spacing (the
/// rule the module-list import matches sessions by:
/// [`crate::store::curriculum::title_fold`]): the natural key is module and
/// title, and `CODE/Session title` references ignore case.
fn clash(tx: &Transaction, module_id: i64, title: &str, id: Option<i64>) -> Result<()> {
    let fold = title_fold(title);
    let mut st = tx.prepare_cached("SELECT id, title FROM item WHERE module_id = ?1 AND id IS NOT ?2 ORDER BY id")?;
    let others = st.query_map(params![module_id, id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for other in others {
        let (o, t) = other?;
        if title_fold(&t) == fold {
            bail!(
                "module {} already has an item titled {t:?} (ID {o}); expected each title once per module, \
                 case and spacing aside",
                module_code(tx, Some(module_id))
            );
        }
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

/// Changes the fields of item `id` that `p` sets (its keywords too), as one
/// history entry that `canon undo` reverts.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &ItemPatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Title, "item title", p.title.as_deref()),
        (crate::limits::Kind::Note, "learning outcomes", p.outcomes.as_deref()),
    ])?;
    let mut old = load(tx, "item", id)?;
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
    if !p.add_keywords.is_empty() || !p.remove_keywords.is_empty() {
        let held = item_keywords(tx, id)?;
        let mut words = held.clone();
        for k in &p.remove_keywords {
            let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
            let Some(pos) = words.iter().position(|w| w.eq_ignore_ascii_case(&k)) else {
                bail!(
                    "item {} has no keyword {k:?}; nothing removed (it has {})",
                    label(tx, &old),
                    if held.is_empty() { "none".to_string() } else { held.join("; ") }
                );
            };
            words.remove(pos);
        }
        for k in &p.add_keywords {
            // The import's rule: one keyword per `;`-separated part.
            let parts = crate::import::modules::split_keywords(k);
            if parts.is_empty() {
                bail!("an empty keyword cannot be added; expected a word or phrase");
            }
            for k in parts {
                if !words.iter().any(|w| w.eq_ignore_ascii_case(&k)) {
                    words.push(k);
                }
            }
        }
        // Stored and loaded in byte order, like the database's ORDER BY keyword.
        words.sort();
        old.insert("keywords".into(), Value::from(held));
        new.insert("keywords".into(), Value::from(words));
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
    let keywords = new.get("keywords").and_then(Value::as_array).cloned();
    let mut e = update(tx, by, "item", &old, new, label, &extra)?;
    if let Some(words) = keywords
        && e.changes.iter().any(|c| c.field == "keywords")
    {
        let words: Vec<String> = words.iter().filter_map(Value::as_str).map(String::from).collect();
        set_item_keywords(tx, id, &words)?;
    }
    // The hash follows the title; people need not see it. A module is known by its code.
    e.changes.retain(|c| c.field != "title_hash");
    for c in &mut e.changes {
        if c.field == "module_id" {
            c.field = "module".into();
            c.before = extra[0].1.clone();
            c.after = extra[0].2.clone();
        }
    }
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

/// Removes item `id` as [`remove`] does with `force` (its tags and links go
/// with it, as the other copy's removal took them), its history entry
/// noted `note`: a merge applying the other copy's removal.
pub fn remove_noted(tx: &Transaction, by: i64, id: i64, note: &str) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, true, Some(note))
}
