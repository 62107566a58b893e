//! Tags (a theme on an item or a reading) and links (a reading recommended
//! for an item or a module). Every change goes through the history log.

use anyhow::Result;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::IdGen;
use super::history::{self, Action};

/// What a tag or link is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Item(i64),
    Reading(i64),
    Module(i64),
}

impl Target {
    fn table(self) -> (&'static str, &'static str, i64) {
        match self {
            Target::Item(id) => ("item_tag", "item_id", id),
            Target::Reading(id) => ("reading_tag", "reading_id", id),
            Target::Module(id) => ("module", "module_id", id),
        }
    }
}

/// Tags `target` with `theme`; `false` if it already was.
pub fn tag(tx: &Transaction, by: Option<i64>, target: Target, theme: i64, note: Option<&str>) -> Result<bool> {
    crate::limits::check_opt(crate::limits::Kind::Note, "the tag's note", note)?;
    let at = super::now();
    let n = match target {
        Target::Item(item) => tx
            .prepare_cached(
                "INSERT INTO item_tag (item_id, theme_id, by_id, at, source, note) VALUES (?1, ?2, ?3, ?4, 'manual', ?5)
                 ON CONFLICT (item_id, theme_id) DO NOTHING",
            )?
            .execute(params![item, theme, by, at, note])?,
        Target::Reading(r) => tx
            .prepare_cached(
                "INSERT INTO reading_tag (reading_id, theme_id, by_id, at, source, note) VALUES (?1, ?2, ?3, ?4, 'manual', ?5)
                 ON CONFLICT (reading_id, theme_id) DO NOTHING",
            )?
            .execute(params![r, theme, by, at, note])?,
        Target::Module(_) => anyhow::bail!("a module is tagged through its items; tag a session instead"),
    };
    if n == 1 {
        let (table, col, target_id) = target.table();
        let after = json!({ col: target_id, "theme_id": theme, "note": note });
        history::record(tx, by, Action::Insert, table, Some(target_id), None, Some(&after), None)?;
    }
    Ok(n == 1)
}

/// Removes a tag; `false` if there was none. The history keeps what it was.
pub fn untag(tx: &Transaction, by: Option<i64>, target: Target, theme: i64) -> Result<bool> {
    untag_in(tx, by, target, theme, None)
}

/// [`untag`] by the import run `import_id`: traced to it, so that `canon
/// undo` of the import puts the tag back (tester r63 F5: it stayed off, and
/// an import that only untagged had "nothing to undo").
pub(crate) fn untag_in(
    tx: &Transaction,
    by: Option<i64>,
    target: Target,
    theme: i64,
    import_id: Option<i64>,
) -> Result<bool> {
    let (table, col, target_id) = target.table();
    let (sel, del) = match target {
        Target::Item(_) => (
            "SELECT item_id, by_id, at, source, note FROM item_tag WHERE item_id = ?1 AND theme_id = ?2",
            "DELETE FROM item_tag WHERE item_id = ?1 AND theme_id = ?2",
        ),
        Target::Reading(_) => (
            "SELECT reading_id, by_id, at, source, note FROM reading_tag WHERE reading_id = ?1 AND theme_id = ?2",
            "DELETE FROM reading_tag WHERE reading_id = ?1 AND theme_id = ?2",
        ),
        Target::Module(_) => anyhow::bail!("a module is tagged through its items; untag a session instead"),
    };
    type Row = (i64, Option<i64>, String, String, Option<String>);
    let old: Option<Row> = tx
        .query_row(sel, params![target_id, theme], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    let Some((_, tagged_by, at, source, note)) = old else { return Ok(false) };
    tx.execute(del, params![target_id, theme])?;
    let before =
        json!({ col: target_id, "theme_id": theme, "by_id": tagged_by, "at": at, "source": source, "note": note });
    history::record(tx, by, Action::Delete, table, Some(target_id), Some(&before), None, import_id)?;
    Ok(true)
}

/// The change and the person that last took `theme` off `target` by hand
/// (`canon untag`, an edit, or a theme deleted from the themes cell of
/// canon's export, which an import then untags: only that import removes a
/// tag), when that is the last thing that happened to the tag: an import's
/// tags do not put it back (the tags are the group's work; tester r33, #6).
/// `None` for a module.
pub fn untagged_by_hand(tx: &Transaction, target: Target, theme: i64) -> Result<Option<(i64, String)>> {
    let (entity, id) = match target {
        Target::Item(i) => ("item_tag", i),
        Target::Reading(r) => ("reading_tag", r),
        Target::Module(_) => return Ok(None),
    };
    type Last = (i64, String, Option<String>, Option<String>);
    let last: Option<Last> = tx
        .prepare_cached(
            "SELECT h.id, h.action, c.name, h.note FROM history h
               LEFT JOIN contributor c ON c.id = h.by_id
              WHERE h.entity = ?1 AND h.entity_id = ?2
                AND json_extract(COALESCE(h.before, h.after), '$.theme_id') = ?3
              ORDER BY h.id DESC LIMIT 1",
        )?
        .query_row(params![entity, id, theme], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    // The undo of an import's tag takes off what the import put on, no
    // person's decision: the list may tag it again (tester r48, F6).
    let undid_an_import = |note: Option<&str>| -> Result<bool> {
        let Some(x) = note.and_then(|n| n.strip_prefix("undo of #")).and_then(|n| n.parse::<i64>().ok()) else {
            return Ok(false);
        };
        Ok(tx
            .prepare_cached("SELECT import_id IS NOT NULL FROM history WHERE id = ?1")?
            .query_row([x], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    };
    Ok(match last {
        Some((change, action, Some(who), note)) if action == "delete" => {
            if undid_an_import(note.as_deref())? {
                None
            } else {
                // A merge's removal names the person who took the theme off, in their copy (tester r65 F7).
                Some(super::merge_run::credit(tx, change)?.map_or((change, who), |c| (c.change, c.by)))
            }
        }
        _ => None,
    })
}

/// Recommends `reading` for an item or a module; `false` if it already was.
pub fn link(
    tx: &Transaction,
    ids: &mut IdGen,
    by: Option<i64>,
    reading: i64,
    target: Target,
    note: Option<&str>,
) -> Result<bool> {
    crate::limits::check_opt(crate::limits::Kind::Note, "the link's note", note)?;
    let (item, module) = match target {
        Target::Item(i) => (Some(i), None),
        Target::Module(m) => (None, Some(m)),
        Target::Reading(_) => anyhow::bail!("a reading is linked to an item or a module, not to another reading"),
    };
    let exists: Option<i64> = tx
        .query_row(
            "SELECT id FROM link WHERE reading_id = ?1 AND item_id IS ?2 AND module_id IS ?3",
            params![reading, item, module],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Ok(false);
    }
    let id = ids.next_id();
    tx.execute(
        "INSERT INTO link (id, reading_id, item_id, module_id, by_id, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, reading, item, module, by, super::now(), note],
    )?;
    let after = json!({ "reading_id": reading, "item_id": item, "module_id": module, "note": note });
    history::record(tx, by, Action::Insert, "link", Some(id), None, Some(&after), None)?;
    Ok(true)
}

/// A theme on an item or a reading, with who put it there.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TagInfo {
    /// The theme's slug.
    pub theme: String,
    pub by: Option<String>,
    pub at: String,
    /// import, manual, suggest or merge.
    pub source: String,
    pub note: Option<String>,
}

/// The tags of item `id`, by theme slug.
pub fn item_tags(conn: &rusqlite::Connection, id: i64) -> Result<Vec<TagInfo>> {
    let mut st = conn.prepare_cached(
        "SELECT t.slug, c.name, it.at, it.source, it.note FROM item_tag it JOIN theme t ON t.id = it.theme_id
           LEFT JOIN contributor c ON c.id = it.by_id WHERE it.item_id = ?1 ORDER BY t.slug",
    )?;
    let v = st
        .query_map([id], |r| {
            Ok(TagInfo { theme: r.get(0)?, by: r.get(1)?, at: r.get(2)?, source: r.get(3)?, note: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}
