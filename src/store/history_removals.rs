//! What our history says we removed, for a merge (issue 10d).
//!
//! A merge meets records on their side that we do not hold. Either they
//! added them, or they hold a copy made before we removed them. Our history
//! tells the two apart: every removal is one entry (`delete`) whose `before`
//! holds the record and everything removed with it (a module's sessions,
//! tags and links; see [`super::edit`]), with the time it was made. A record
//! of theirs that matches a removed one by natural key, and that their side
//! has not changed since that time (their history of it, and its own
//! `created_at`/`updated_at`/`at`), is a copy from before the removal: the
//! merge keeps it removed and reports it. One they changed or added after
//! our removal is theirs, and comes in.
//!
//! Times are the ISO-8601 UTC text every canon writes (see [`super::now`]),
//! so they compare as text.

use std::collections::HashMap;

use serde_json::Value;

use super::bundle::{Record, Snapshot};
use super::edit::{DETACHED, REMOVED_WITH};

/// One record our history removed.
#[derive(Debug, Clone)]
pub(crate) struct Removed {
    /// The removal's history entry (what `canon undo` takes to bring it back).
    pub history_id: i64,
    /// When it was removed.
    pub at: String,
    /// Who removed it, as credited.
    pub by: String,
    /// The removed record's ID here (for a tag: the tagged record's).
    pub id: i64,
}

/// Every record our history removed, by table and natural key; the latest
/// removal wins when a record was removed, brought back and removed again,
/// and one made here wins over one copied from another copy.
#[derive(Debug, Default)]
pub(crate) struct Removals {
    by_key: HashMap<(String, String), Removed>,
}

impl Removals {
    /// Reads the removals of `ours` (its `history`), keying each removed
    /// record (and each record removed with it) by `keys(table, record)`.
    pub fn of(ours: &Snapshot, keys: impl Fn(&str, &Record) -> Vec<String>) -> Removals {
        let names: HashMap<i64, &str> = ours
            .get("contributor")
            .iter()
            .filter_map(|c| Some((c.get("id")?.as_i64()?, c.get("name")?.as_str()?)))
            .collect();
        let mut by_key = HashMap::new();
        for h in ours.get("history") {
            if h.get("action").and_then(Value::as_str) != Some("delete") {
                continue;
            }
            let Some(Value::Object(before)) =
                h.get("before").and_then(Value::as_str).and_then(|s| serde_json::from_str(s).ok())
            else {
                continue;
            };
            let entity = h.get("entity").and_then(Value::as_str).unwrap_or_default();
            let removal = Removed {
                history_id: h.get("id").and_then(Value::as_i64).unwrap_or_default(),
                at: h.get("at").and_then(Value::as_str).unwrap_or_default().to_string(),
                by: h
                    .get("by_id")
                    .and_then(Value::as_i64)
                    .and_then(|b| names.get(&b))
                    .map_or_else(|| "(unknown)".to_string(), |n| n.to_string()),
                id: 0,
            };
            // A removal copied from another copy's history cannot be undone here (the
            // merge's own entry that applied it can): one made here stands before it.
            let note = h.get("note").and_then(Value::as_str);
            let copied = super::history::copied(note) && !super::merge_run::merge_own(note);
            let mut put = |table: &str, rec: &Record| {
                let id = ["id", "item_id", "reading_id"].iter().find_map(|k| rec.get(*k).and_then(Value::as_i64));
                for k in keys(table, rec) {
                    let r = Removed { id: id.unwrap_or_default(), ..removal.clone() };
                    let key = (table.to_string(), k);
                    if copied {
                        by_key.entry(key).or_insert(r);
                    } else {
                        by_key.insert(key, r);
                    }
                }
            };
            let mut root = before.clone();
            root.remove(REMOVED_WITH);
            root.remove(DETACHED);
            put(entity, &root);
            if let Some(Value::Object(with)) = before.get(REMOVED_WITH) {
                for (table, records) in with {
                    for r in records.as_array().into_iter().flatten() {
                        if let Value::Object(r) = r {
                            put(table, r);
                        }
                    }
                }
            }
        }
        Removals { by_key }
    }

    /// The latest removal of a record of `table` with any of `keys`, in their order.
    pub fn find(&self, table: &str, keys: &[String]) -> Option<&Removed> {
        keys.iter().find_map(|k| self.by_key.get(&(table.to_string(), k.clone())))
    }
}

/// The latest time each record of one side was changed, by its history:
/// (entity, ID) → time.
pub(crate) fn changed_at(side: &Snapshot) -> HashMap<(String, i64), String> {
    let mut out: HashMap<(String, i64), String> = HashMap::new();
    for h in side.get("history") {
        let (Some(entity), Some(id), Some(at)) = (
            h.get("entity").and_then(Value::as_str),
            h.get("entity_id").and_then(Value::as_i64),
            h.get("at").and_then(Value::as_str),
        ) else {
            continue;
        };
        let e = out.entry((entity.to_string(), id)).or_default();
        if at > e.as_str() {
            *e = at.to_string();
        }
    }
    out
}

/// The latest time a record says it was made or changed (`created_at`,
/// `updated_at`, a tag's or link's `at`, a facet's `recorded_at`).
pub(crate) fn record_time(rec: &Record) -> Option<&str> {
    ["created_at", "updated_at", "at", "recorded_at"].iter().filter_map(|k| rec.get(*k).and_then(Value::as_str)).max()
}

/// Whether a record is part of the record its column `col` refers to, so it
/// goes (and stays gone) with it: a session of its module, a tag or link of
/// its session or reading, a facet or review of its reading. A contributor
/// credited, or a theme's parent, is a reference, not a whole.
pub(crate) fn part_of(col: &str) -> bool {
    matches!(col, "programme_id" | "module_id" | "item_id" | "reading_id" | "theme_id")
}

/// The tables whose records a merge keeps removed when our history removed
/// them after their copy was made. Contributors are names to credit and
/// programmes names to group by: theirs come in as they are.
pub(crate) fn keeps_removed(table: &str) -> bool {
    matches!(
        table,
        "theme"
            | "module"
            | "item"
            | "reading"
            | "person_facet"
            | "review"
            | "item_tag"
            | "reading_tag"
            | "link"
            | "item_keyword"
    )
}

/// A time as people read it: `2026-03-04 10:15` (UTC).
pub(crate) fn shown_time(at: &str) -> String {
    let t = at.replacen('T', " ", 1);
    t.get(..16).map_or(t.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn snap(history: Vec<Value>) -> Snapshot {
        let mut s = Snapshot::default();
        s.tables.insert("contributor", vec![json!({"id": 7, "name": "amina"}).as_object().unwrap().clone()]);
        s.tables.insert("history", history.into_iter().map(|v| v.as_object().unwrap().clone()).collect());
        s
    }

    #[test]
    fn a_removal_keys_the_record_and_what_went_with_it_and_the_latest_wins() {
        let before = json!({"id": 5, "code": "M1", "removed_with": {"item": [{"id": 9, "title_hash": 1}]}});
        let s = snap(vec![
            json!({"id": 1, "at": "2026-01-01T00:00:00.000Z", "by_id": 7, "action": "delete", "entity": "module",
                   "entity_id": 5, "before": before.to_string()}),
            json!({"id": 2, "at": "2026-02-01T00:00:00.000Z", "by_id": 7, "action": "delete", "entity": "module",
                   "entity_id": 5, "before": json!({"id": 5, "code": "M1"}).to_string()}),
            json!({"id": 3, "at": "2026-03-01T00:00:00.000Z", "by_id": 7, "action": "update", "entity": "item",
                   "entity_id": 9, "before": "{}"}),
        ]);
        let r = Removals::of(&s, |t, m| vec![format!("{t}:{}", m["id"])]);
        let module = r.find("module", &["module:5".into()]).unwrap();
        assert_eq!((module.history_id, module.by.as_str(), module.id), (2, "amina", 5));
        let item = r.find("item", &["nope".into(), "item:9".into()]).unwrap();
        assert_eq!((item.history_id, item.id), (1, 9));
        assert!(r.find("item", &["item:10".into()]).is_none());
        assert_eq!(changed_at(&s)[&("item".to_string(), 9)], "2026-03-01T00:00:00.000Z");
    }

    #[test]
    fn a_record_time_is_its_latest() {
        let r = json!({"created_at": "2026-01-01T00:00:00.000Z", "updated_at": "2026-02-01T00:00:00.000Z"});
        assert_eq!(record_time(r.as_object().unwrap()), Some("2026-02-01T00:00:00.000Z"));
        assert_eq!(shown_time("2026-02-01T10:15:00.000Z"), "2026-02-01 10:15");
    }
}
