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
        Removals::read(ours, keys, true)
    }

    /// The records a side removed itself, not those removed with them (a
    /// module's sessions, a reading's tags): what the other copy removes too
    /// when it holds one, with what is part of it there, unless it worked on
    /// it since (a session of a module it kept stays with the module).
    pub fn roots_of(side: &Snapshot, keys: impl Fn(&str, &Record) -> Vec<String>) -> Removals {
        Removals::read(side, keys, false)
    }

    fn read(ours: &Snapshot, keys: impl Fn(&str, &Record) -> Vec<String>, parts: bool) -> Removals {
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
            if let Some(Value::Object(with)) = before.get(REMOVED_WITH).filter(|_| parts) {
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

/// The latest work one side's history shows on a record, itself or one of
/// its parts: when, and what it was, as a merge's step says it.
#[derive(Debug, Clone)]
pub(crate) struct Work {
    /// When (ISO-8601, as the history holds it).
    pub at: String,
    /// "a tag added by kofi on 2026-12-06 06:03".
    pub what: String,
    /// The history entry, in that side's numbering.
    pub entry: i64,
}

/// The records a record of `table` is part of, as later work on it is
/// work on them: a reading's tags, links, facets and reviews; a session's
/// tags and links, and the session itself for its module; a link to a
/// module. A theme is a lens, not a whole its tags belong to.
fn wholes(table: &str) -> &'static [(&'static str, &'static str)] {
    match table {
        "reading_tag" | "person_facet" | "review" => &[("reading_id", "reading")],
        "item_tag" => &[("item_id", "item")],
        "link" => &[("reading_id", "reading"), ("item_id", "item"), ("module_id", "module")],
        "item" => &[("module_id", "module")],
        _ => &[],
    }
}

/// When each record of one side was last worked on, by that side's
/// history, with what the work was: the record's own changes (an edit, or
/// added again) and those of its parts ([`wholes`]: a tag, link, facet or
/// review added or changed on a reading; a session edited, tagged or
/// linked, for its module). (table, ID as that side has it) → the latest.
///
/// A merge meets a record one copy removed and the other worked on since:
/// the work counts whichever kind it is, an edit or a tag (tester r72 F20:
/// an edit brought the reading back, a tag was dropped with it), so both
/// copies decide alike. A merge's own writes ("merged from …") are no one's
/// work; a part's removal is no work on the whole.
pub(crate) fn worked_at(side: &Snapshot) -> HashMap<(String, i64), Work> {
    let names: HashMap<i64, &str> = side
        .get("contributor")
        .iter()
        .filter_map(|c| Some((c.get("id")?.as_i64()?, c.get("name")?.as_str()?)))
        .collect();
    // Each part's record by ID, for the wholes an update's fields do not name.
    let records: HashMap<(&str, i64), &Record> = ["person_facet", "review", "link", "item"]
        .iter()
        .flat_map(|t| side.get(t).iter().filter_map(move |r| Some(((*t, r.get("id")?.as_i64()?), r))))
        .collect();
    let mut out: HashMap<(String, i64), Work> = HashMap::new();
    fn bump(out: &mut HashMap<(String, i64), Work>, table: &str, id: i64, w: &Work) {
        let e = out.entry((table.to_string(), id)).or_insert_with(|| Work {
            at: String::new(),
            what: String::new(),
            entry: 0,
        });
        if w.at > e.at {
            *e = w.clone();
        }
    }
    for h in side.get("history") {
        let note = h.get("note").and_then(Value::as_str);
        if super::merge_run::merge_own(note) {
            continue;
        }
        let action = h.get("action").and_then(Value::as_str).unwrap_or_default();
        let (Some(entity), Some(id), Some(at)) = (
            h.get("entity").and_then(Value::as_str),
            h.get("entity_id").and_then(Value::as_i64),
            h.get("at").and_then(Value::as_str),
        ) else {
            continue;
        };
        let done = match action {
            "insert" => "added",
            "update" => "changed",
            _ => continue,
        };
        let noun = match entity {
            "reading_tag" | "item_tag" => "a tag",
            "link" => "a link",
            "person_facet" => "a facet",
            "review" => "a review",
            "item" => "a session",
            "reading" => "the reading",
            "module" => "the module",
            _ => "the record",
        };
        let by = h.get("by_id").and_then(Value::as_i64).and_then(|b| names.get(&b)).copied().unwrap_or("(unknown)");
        let hid = h.get("id").and_then(Value::as_i64).unwrap_or_default();
        let work =
            Work { at: at.to_string(), what: format!("{noun} {done} by {by} on {}", shown_time(at)), entry: hid };
        // The record itself; a tag's entry names the tagged record.
        match entity {
            "reading_tag" => bump(&mut out, "reading", id, &work),
            "item_tag" => bump(&mut out, "item", id, &work),
            _ => bump(&mut out, entity, id, &work),
        }
        let after = h.get("after").and_then(Value::as_str).and_then(|s| serde_json::from_str::<Record>(s).ok());
        for (col, whole) in wholes(entity) {
            let of = |r: &Record| r.get(*col).and_then(Value::as_i64);
            let parent = after.as_ref().and_then(of).or_else(|| records.get(&(entity, id)).and_then(|r| of(r)));
            if let Some(p) = parent {
                bump(&mut out, whole, p, &work);
            }
        }
    }
    // A session's work is its module's too.
    let modules: Vec<(i64, Work)> = side
        .get("item")
        .iter()
        .filter_map(|r| {
            let (id, module) = (r.get("id")?.as_i64()?, r.get("module_id")?.as_i64()?);
            Some((module, out.get(&("item".to_string(), id))?.clone()))
        })
        .collect();
    for (module, w) in modules {
        bump(&mut out, "module", module, &w);
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
    fn work_on_a_part_is_work_on_its_whole_but_a_merge_write_or_a_removal_is_none() {
        let mut s = snap(vec![
            json!({"id": 1, "at": "2026-01-01T00:00:00.000Z", "by_id": 7, "action": "insert",
                   "entity": "reading_tag", "entity_id": 4, "after": json!({"reading_id": 4, "theme_id": 1}).to_string()}),
            json!({"id": 2, "at": "2026-01-02T00:00:00.000Z", "by_id": 7, "action": "insert",
                   "entity": "item_tag", "entity_id": 9, "after": json!({"item_id": 9, "theme_id": 1}).to_string()}),
            // A facet's update names only what changed: its reading is found by its record.
            json!({"id": 3, "at": "2026-01-03T00:00:00.000Z", "by_id": 7, "action": "update",
                   "entity": "person_facet", "entity_id": 30, "after": json!({"value": "x"}).to_string()}),
            json!({"id": 4, "at": "2026-01-04T00:00:00.000Z", "by_id": 7, "action": "insert", "note": "merged from k.db",
                   "entity": "reading_tag", "entity_id": 5, "after": json!({"reading_id": 5, "theme_id": 1}).to_string()}),
            json!({"id": 5, "at": "2026-01-05T00:00:00.000Z", "by_id": 7, "action": "delete",
                   "entity": "reading_tag", "entity_id": 6, "before": json!({"reading_id": 6, "theme_id": 1}).to_string()}),
        ]);
        s.tables.insert("item", vec![json!({"id": 9, "module_id": 2}).as_object().unwrap().clone()]);
        s.tables.insert("person_facet", vec![json!({"id": 30, "reading_id": 8}).as_object().unwrap().clone()]);
        let w = worked_at(&s);
        let at = |t: &str, id: i64| w.get(&(t.to_string(), id)).map(|w| (w.at.as_str(), w.entry));
        assert_eq!(at("reading", 4), Some(("2026-01-01T00:00:00.000Z", 1)));
        assert_eq!(w[&("reading".to_string(), 4)].what, "a tag added by amina on 2026-01-01 00:00");
        assert_eq!(at("item", 9), Some(("2026-01-02T00:00:00.000Z", 2)));
        assert_eq!(at("module", 2), Some(("2026-01-02T00:00:00.000Z", 2)));
        assert_eq!(at("reading", 8), Some(("2026-01-03T00:00:00.000Z", 3)));
        assert_eq!(at("reading", 5), None);
        assert_eq!(at("reading", 6), None);
    }

    #[test]
    fn a_record_time_is_its_latest() {
        let r = json!({"created_at": "2026-01-01T00:00:00.000Z", "updated_at": "2026-02-01T00:00:00.000Z"});
        assert_eq!(record_time(r.as_object().unwrap()), Some("2026-02-01T00:00:00.000Z"));
        assert_eq!(shown_time("2026-02-01T10:15:00.000Z"), "2026-02-01 10:15");
    }
}
