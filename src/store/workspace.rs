//! Lookups the web workspace (`canon serve`) needs one record at a time, so
//! that a page over a 200,000-session curriculum reads a module's rows, not
//! the whole database; and the record of suggestions a person rejected.
//!
//! A rejected suggestion is kept in the history itself (entity
//! `suggestion`, the item's or reading's ID, the theme in the record), so it
//! travels with bundles and merges like every other change, shows in
//! `canon log`, and is undone by a later entry that restores it.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use super::audit::{ItemInfo, ModuleInfo, TagInfo};
use super::history::{self, Action};
use super::tags::Target;

/// The module with this ID.
pub fn module(conn: &Connection, id: i64) -> Result<Option<ModuleInfo>> {
    Ok(conn
        .query_row(
            "SELECT m.id, p.name, m.year, m.code, m.title,
                    EXISTS (SELECT 1 FROM module o WHERE o.code = m.code AND o.programme_id <> m.programme_id)
               FROM module m JOIN programme p ON p.id = m.programme_id
              WHERE m.id = ?1",
            [id],
            |r| {
                Ok(ModuleInfo {
                    id: r.get(0)?,
                    programme: r.get(1)?,
                    year: r.get(2)?,
                    code: r.get(3)?,
                    title: r.get(4)?,
                    code_shared: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// A module's items in their order, with their themes (and who tagged them)
/// and the subject keywords their source gave them, as `audit::load` reads them.
pub fn module_items(conn: &Connection, module_id: i64) -> Result<Vec<ItemInfo>> {
    let mut st = conn.prepare_cached(
        "SELECT i.id, i.module_id, i.title, i.outcomes, i.bloom_override, i.kind
           FROM item i WHERE i.module_id = ?1 ORDER BY i.position, i.id",
    )?;
    let mut items = st
        .query_map([module_id], |r| {
            Ok(ItemInfo {
                id: r.get(0)?,
                module_id: r.get(1)?,
                kind: r.get(5)?,
                title: r.get(2)?,
                outcomes: r.get(3)?,
                themes: Vec::new(),
                tags: Vec::new(),
                bloom_override: r.get(4)?,
                keywords: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let at: HashMap<i64, usize> = items.iter().enumerate().map(|(i, item)| (item.id, i)).collect();
    let mut st = conn.prepare_cached(
        "SELECT t.item_id, t.theme_id, t.by_id FROM item_tag t JOIN item i ON i.id = t.item_id
          WHERE i.module_id = ?1 ORDER BY t.item_id, t.theme_id",
    )?;
    let mut rows = st.query([module_id])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = at.get(&r.get::<_, i64>(0)?) {
            let tag = TagInfo { theme_id: r.get(1)?, by: r.get(2)? };
            items[i].themes.push(tag.theme_id);
            items[i].tags.push(tag);
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT k.item_id, k.keyword FROM item_keyword k JOIN item i ON i.id = k.item_id
          WHERE i.module_id = ?1 ORDER BY k.item_id, k.keyword",
    )?;
    let mut rows = st.query([module_id])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = at.get(&r.get::<_, i64>(0)?) {
            items[i].keywords.push(r.get(1)?);
        }
    }
    Ok(items)
}

/// The module an item belongs to.
pub fn item_module(conn: &Connection, item_id: i64) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT module_id FROM item WHERE id = ?1", [item_id], |r| r.get(0)).optional()?)
}

/// A rejected suggestion: (`item` or `reading`, its ID, the theme's ID).
pub type Dismissed = (&'static str, i64, i64);

fn kind_of(target: Target) -> Result<(&'static str, i64)> {
    match target {
        Target::Item(id) => Ok(("item", id)),
        Target::Reading(id) => Ok(("reading", id)),
        Target::Module(_) => bail!("suggestions are for sessions and readings, not whole modules"),
    }
}

fn key_of(entity_id: i64, record: &Value) -> Option<Dismissed> {
    let kind = match record.get("target")?.as_str()? {
        "item" => "item",
        "reading" => "reading",
        _ => return None,
    };
    Some((kind, entity_id, record.get("theme_id")?.as_i64()?))
}

/// Every suggestion someone rejected and nobody restored since.
pub fn dismissed(conn: &Connection) -> Result<HashSet<Dismissed>> {
    let mut st = conn.prepare_cached(
        "SELECT entity_id, action, before, after FROM history WHERE entity = 'suggestion' ORDER BY id",
    )?;
    let mut rows = st.query([])?;
    let mut out = HashSet::new();
    while let Some(r) = rows.next()? {
        let Some(id) = r.get::<_, Option<i64>>(0)? else { continue };
        let action: String = r.get(1)?;
        let json = |i| -> rusqlite::Result<Value> {
            Ok(r.get::<_, Option<String>>(i)?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null))
        };
        match action.as_str() {
            "insert" => {
                if let Some(k) = key_of(id, &json(3)?) {
                    out.insert(k);
                }
            }
            "delete" => {
                if let Some(k) = key_of(id, &json(2)?) {
                    out.remove(&k);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Records that `by` rejected the suggestion of `theme` for `target`, with
/// the evidence it was made on; `false` if it already was rejected.
pub fn dismiss(tx: &Transaction, by: i64, target: Target, theme: i64, evidence: &str) -> Result<bool> {
    let (kind, id) = kind_of(target)?;
    if dismissed(tx)?.contains(&(kind, id, theme)) {
        return Ok(false);
    }
    let after = json!({ "target": kind, "theme_id": theme, "evidence": evidence });
    history::record_noted(
        tx,
        Some(by),
        Action::Insert,
        "suggestion",
        Some(id),
        None,
        Some(&after),
        None,
        Some("suggestion rejected"),
    )?;
    Ok(true)
}

/// Brings a rejected suggestion back; `false` if it was not rejected.
pub fn restore(tx: &Transaction, by: i64, target: Target, theme: i64, note: &str) -> Result<bool> {
    let (kind, id) = kind_of(target)?;
    if !dismissed(tx)?.contains(&(kind, id, theme)) {
        return Ok(false);
    }
    let before = json!({ "target": kind, "theme_id": theme });
    history::record_noted(tx, Some(by), Action::Delete, "suggestion", Some(id), Some(&before), None, None, Some(note))?;
    Ok(true)
}

/// Undoes history entry `id` when it rejected or restored a suggestion
/// (`None` when the entry is about something else). Refused when a later
/// entry decided the same suggestion again.
pub fn undo(tx: &Transaction, id: i64, by: i64) -> Result<Option<String>> {
    type Row = (String, String, Option<i64>, Option<String>, Option<String>);
    let row: Option<Row> = tx
        .query_row("SELECT entity, action, entity_id, before, after FROM history WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((entity, action, Some(target_id), before, after)) = row else { return Ok(None) };
    if entity != "suggestion" {
        return Ok(None);
    }
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Value>(&s).ok()).unwrap_or(Value::Null);
    let record = if action == "insert" { parse(after) } else { parse(before) };
    let Some((kind, _, theme)) = key_of(target_id, &record) else { bail!("change #{id} names no suggestion") };
    let target = if kind == "item" { Target::Item(target_id) } else { Target::Reading(target_id) };
    let later: Option<i64> = tx
        .query_row(
            "SELECT id FROM history WHERE entity = 'suggestion' AND entity_id = ?1 AND id > ?2
                AND coalesce(json_extract(after, '$.theme_id'), json_extract(before, '$.theme_id')) = ?3
              ORDER BY id LIMIT 1",
            params![target_id, id, theme],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(l) = later {
        bail!("cannot undo #{id}: change #{l} decided the same suggestion later; undo that one first");
    }
    let note = format!("undo of #{id}");
    if action == "insert" {
        restore(tx, by, target, theme, &note)?;
        Ok(Some(format!("the suggestion that #{id} rejected is back")))
    } else {
        let after = json!({ "target": kind, "theme_id": theme });
        history::record_noted(
            tx,
            Some(by),
            Action::Insert,
            "suggestion",
            Some(target_id),
            None,
            Some(&after),
            None,
            Some(&note),
        )?;
        Ok(Some(format!("the suggestion that #{id} restored is rejected again")))
    }
}

/// Names the import run of a file uploaded through the workspace after the
/// file, instead of the private temporary folder it was imported from (the
/// run's record and its history entry).
pub fn name_run(tx: &Transaction, path: &str, name: &str) -> Result<()> {
    tx.execute(
        "UPDATE history SET after = json_set(after, '$.path', ?2)
          WHERE entity = 'import_run' AND entity_id IN (SELECT id FROM import_run WHERE path = ?1)
            AND json_extract(after, '$.path') = ?1",
        params![path, name],
    )?;
    tx.execute("UPDATE import_run SET path = ?2 WHERE path = ?1", params![path, name])?;
    Ok(())
}

/// The programmes (by name) and the years of study the curriculum has, for
/// the scope choices of a form, without loading the curriculum.
pub fn scope_choices(conn: &Connection) -> Result<(Vec<String>, Vec<i64>)> {
    let programmes = conn
        .prepare_cached(
            "SELECT DISTINCT p.name FROM programme p JOIN module m ON m.programme_id = p.id ORDER BY p.name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let years = conn
        .prepare_cached("SELECT DISTINCT year FROM module WHERE year IS NOT NULL ORDER BY year")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok((programmes, years))
}
