//! The few writes the analysis commands make: tags applied from suggestions
//! and Bloom levels set by hand. Both go through the history log.

use anyhow::{Result, bail};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::history::{self, Action};
use super::tags::{self, Target};

/// Tags `target` with `theme` as a suggestion someone accepted (source
/// `suggest`); `false` if it was already tagged.
pub fn apply_suggestion(tx: &Transaction, by: Option<i64>, target: Target, theme: i64, note: &str) -> Result<bool> {
    if !tags::tag(tx, by, target, theme, Some(note))? {
        return Ok(false);
    }
    match target {
        Target::Item(id) => tx
            .prepare_cached("UPDATE item_tag SET source = 'suggest' WHERE item_id = ?1 AND theme_id = ?2")?
            .execute(params![id, theme])?,
        Target::Reading(id) => tx
            .prepare_cached("UPDATE reading_tag SET source = 'suggest' WHERE reading_id = ?1 AND theme_id = ?2")?
            .execute(params![id, theme])?,
        Target::Module(_) => bail!("a module is tagged through its items"),
    };
    Ok(true)
}

/// Sets (or with `None` clears) the Bloom level a user chose for an item;
/// `false` if it already was so.
pub fn set_bloom(tx: &Transaction, by: Option<i64>, item: i64, level: Option<&str>) -> Result<bool> {
    let before: Option<Option<String>> =
        tx.query_row("SELECT bloom_override FROM item WHERE id = ?1", [item], |r| r.get(0)).optional()?;
    let Some(before) = before else { bail!("no item with ID {item}") };
    if before.as_deref() == level {
        return Ok(false);
    }
    tx.execute(
        "UPDATE item SET bloom_override = ?2, updated_at = ?3 WHERE id = ?1",
        params![item, level, super::now()],
    )?;
    history::record(
        tx,
        by,
        Action::Update,
        "item",
        Some(item),
        Some(&json!({ "bloom_override": before })),
        Some(&json!({ "bloom_override": level })),
        None,
    )?;
    Ok(true)
}
