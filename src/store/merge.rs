//! Merging another contributor's database or bundle into this one.
//!
//! Records are matched by natural key (themes by slug, programmes by name,
//! modules by programme and code, items by module and title, readings by ID,
//! then DOI, ISBN, title and year; contributors by name), and their IDs
//! mapped to ours. Then, record by record:
//!
//! - only theirs: added (unless our history shows we removed it: kept removed);
//! - only ours: kept (unless their history shows they removed it: removed);
//! - the same content: skipped;
//! - different content: field by field, the side that *moved* wins. A side
//!   moved a field when the other side's value is a past value of that field
//!   in its own history (it held that value, then changed it). When both or
//!   neither moved, the record is a conflict: both versions go to the
//!   `conflict` table for `canon resolve`, and ours stays until then.
//!
//! Their history is copied (IDs mapped) so provenance survives, and every
//! change the merge makes is itself in the history, noted "merged from …".
//!
//! An item's keywords (schema 0008) merge as an import adds them: their
//! keywords an item lacks here are added, none is ever removed, and like an
//! import's keywords they have no history entries of their own (an item's
//! removal and its undo take and bring back its keywords).

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};

use super::IdGen;
use super::bundle::{self, Record, Snapshot, Table};
use super::history::{self, Action};

/// One thing the merge does (or would do).
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// add, update, remove, conflict, kept-removed
    pub action: &'static str,
    pub entity: &'static str,
    pub id: i64,
    pub what: String,
}

/// What a merge did, counted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub identical: usize,
    pub kept_ours: usize,
    pub conflicts: usize,
    pub history_copied: usize,
}

/// Tables whose records are entities with an ID, in the order they merge.
const ENTITIES: &[&str] =
    &["contributor", "programme", "theme", "module", "item", "reading", "person_facet", "review", "import_run"];

use super::bundle::refers_to;

/// Fields that say when or by whom, or are derived: not content.
const NOT_CONTENT: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "at",
    "by_id",
    "added_by",
    "recorded_by",
    "recorded_at",
    "title_key",
    "title_hash",
    "position",
];

#[derive(Default)]
struct Maps {
    ids: HashMap<&'static str, HashMap<i64, i64>>,
}

impl Maps {
    fn get(&self, table: &str, id: i64) -> i64 {
        self.ids.get(table).and_then(|m| m.get(&id)).copied().unwrap_or(id)
    }

    fn set(&mut self, table: &'static str, theirs: i64, ours: i64) {
        self.ids.entry(table).or_default().insert(theirs, ours);
    }

    /// Their record with every reference mapped to our IDs.
    fn record(&self, m: &Record) -> Record {
        let mut out = m.clone();
        for (k, v) in out.iter_mut() {
            if let (Some(t), Some(id)) = (refers_to(k), v.as_i64()) {
                *v = Value::from(self.get(t, id));
            }
        }
        out
    }

    /// The table an entity ID of a history row refers to.
    fn entity_table(entity: &str) -> Option<&'static str> {
        Some(match entity {
            "item_tag" | "item" => "item",
            "reading_tag" | "reading" => "reading",
            "module" => "module",
            "programme" => "programme",
            "theme" => "theme",
            "contributor" => "contributor",
            "import_run" => "import_run",
            "link" => "link",
            _ => return None,
        })
    }

    fn json(&self, v: &Value) -> Value {
        match v {
            Value::Object(o) => Value::Object(self.record(o)),
            other => other.clone(),
        }
    }
}

fn i(m: &Record, k: &str) -> Option<i64> {
    m.get(k).and_then(Value::as_i64)
}

fn s<'a>(m: &'a Record, k: &str) -> &'a str {
    m.get(k).and_then(Value::as_str).unwrap_or("")
}

fn parse(v: Option<&Value>) -> Option<Value> {
    v.and_then(Value::as_str).and_then(|s| serde_json::from_str(s).ok())
}

/// Every value each field of each record has held, from one side's history.
#[derive(Default)]
struct Past {
    values: HashMap<(String, i64), HashMap<String, Vec<Value>>>,
    /// Tags and links this side removed: (entity, target/link id, theme or 0).
    removed: HashSet<(String, Value)>,
}

impl Past {
    fn of(snap: &Snapshot, map: Option<&Maps>) -> Past {
        let mut p = Past::default();
        for h in snap.get("history") {
            let entity = s(h, "entity").to_string();
            let Some(id) = i(h, "entity_id") else { continue };
            let (before, after) = (parse(h.get("before")), parse(h.get("after")));
            if s(h, "action") == "delete"
                && let Some(b) = &before
            {
                let b = map.map_or_else(|| b.clone(), |m| m.json(b));
                p.removed.insert((entity.clone(), removal_key(&entity, &b)));
            }
            let fields = p.values.entry((entity, id)).or_default();
            for v in [before, after].into_iter().flatten() {
                if let Value::Object(o) = v {
                    for (k, v) in o {
                        fields.entry(k).or_default().push(v);
                    }
                }
            }
        }
        p
    }

    fn held(&self, entity: &str, id: i64, field: &str, value: &Value) -> bool {
        self.values
            .get(&(entity.to_string(), id))
            .and_then(|f| f.get(field))
            .is_some_and(|vs| vs.iter().any(|v| v == value))
    }
}

/// What identifies a removed tag or link in a history `before`.
fn removal_key(entity: &str, b: &Value) -> Value {
    let g = |k: &str| b.get(k).cloned().unwrap_or(Value::Null);
    match entity {
        "item_tag" => json!([g("item_id"), g("theme_id")]),
        "reading_tag" => json!([g("reading_id"), g("theme_id")]),
        "link" => json!([g("reading_id"), g("item_id"), g("module_id")]),
        _ => json!([g("id")]),
    }
}

fn tag_key(table: &str, m: &Record) -> Value {
    if table == "link" {
        json!([m.get("reading_id"), m.get("item_id"), m.get("module_id")])
    } else if table == "item_keyword" {
        json!([m.get("item_id"), m.get("keyword")])
    } else {
        let target = if table == "item_tag" { "item_id" } else { "reading_id" };
        json!([m.get(target), m.get("theme_id")])
    }
}

/// A record's natural key, as text, for tables matched by something other than ID.
fn natural_keys(table: &str, m: &Record) -> Vec<String> {
    match table {
        "contributor" => vec![format!("name:{}", s(m, "name"))],
        "programme" => vec![format!("name:{}", s(m, "name"))],
        "theme" => vec![format!("slug:{}", s(m, "slug"))],
        "module" => vec![format!("{}:{}", i(m, "programme_id").unwrap_or(0), s(m, "code"))],
        "item" => vec![format!("{}:{}", i(m, "module_id").unwrap_or(0), i(m, "title_hash").unwrap_or(0))],
        "reading" => {
            let mut k = vec![format!("id:{}", i(m, "id").unwrap_or(0))];
            if !s(m, "doi").is_empty() {
                k.push(format!("doi:{}", s(m, "doi")));
            }
            if !s(m, "isbn").is_empty() {
                // An ISBN names a whole book: two chapters (or conference papers)
                // of one book share it, so a part is the same reading only with
                // the same ISBN and title, as on import.
                if super::readings::is_part(s(m, "type")) {
                    k.push(format!("isbn:{}:{}", s(m, "isbn"), crate::import::title_key(s(m, "title"))));
                } else {
                    k.push(format!("isbn:{}", s(m, "isbn")));
                }
            }
            k.push(format!("title:{}:{}", s(m, "title_key"), m.get("year").cloned().unwrap_or(Value::Null)));
            k
        }
        // One value per facet and person: the same facet recorded on both sides is one record.
        "person_facet" => vec![
            format!("id:{}", i(m, "id").unwrap_or(0)),
            format!(
                "facet:{}:{}:{}",
                i(m, "reading_id").unwrap_or(0),
                i(m, "author_position").unwrap_or(0),
                s(m, "facet")
            ),
        ],
        _ => vec![format!("id:{}", i(m, "id").unwrap_or(0))],
    }
}

/// A reading record's title, first author and year, to tell works apart.
struct Work {
    title: String,
    first: Option<crate::import::names::Name>,
    year: Option<i64>,
}

impl Work {
    fn as_ref(&self) -> (&str, Option<&crate::import::names::Name>, Option<i64>) {
        (&self.title, self.first.as_ref(), self.year)
    }
}

fn work(m: &Record) -> Work {
    let first = m
        .get("author_names")
        .and_then(|v| serde_json::from_value::<Vec<crate::import::names::Name>>(v.clone()).ok())
        .and_then(|v| v.into_iter().next())
        .or_else(|| {
            let a = m.get("authors")?.as_array()?.first()?.as_str()?;
            crate::import::names::parse(a)
        });
    Work { title: s(m, "title").to_string(), first, year: i(m, "year") }
}

fn label(table: &str, m: &Record) -> String {
    let pick = ["title", "name", "slug", "code", "path", "status"].iter().map(|k| s(m, k)).find(|v| !v.is_empty());
    match (table, pick) {
        ("module", _) => format!("{} {}", s(m, "code"), s(m, "title")),
        (_, Some(p)) => p.to_string(),
        _ => String::new(),
    }
}

/// A history row the merge will write: action, entity, ID, before, after.
type Pending = (Action, &'static str, i64, Option<Value>, Option<Value>);

struct Merger<'a, 't> {
    tx: &'a Transaction<'t>,
    ids: &'a mut IdGen,
    by: i64,
    note: String,
    source: String,
    maps: Maps,
    ours_past: Past,
    theirs_past: Past,
    steps: Vec<Step>,
    sum: Summary,
    /// The merge's own history rows, written after their copied history.
    pending: Vec<Pending>,
}

/// Merges `theirs` into the database `tx` writes (whose records are `ours`).
pub fn merge(
    tx: &Transaction,
    ids: &mut IdGen,
    by: i64,
    ours: &Snapshot,
    theirs: &Snapshot,
    source: &str,
) -> Result<(Vec<Step>, Summary)> {
    let mut m = Merger {
        tx,
        ids,
        by,
        note: format!("merged from {source}"),
        source: source.to_string(),
        maps: Maps::default(),
        ours_past: Past::of(ours, None),
        theirs_past: Past::of(theirs, None),
        steps: Vec::new(),
        sum: Summary::default(),
        pending: Vec::new(),
    };
    for table in ENTITIES {
        m.entities(bundle::table(table).expect("known table"), ours, theirs)?;
    }
    // What they removed is compared with our records: map it once every ID is.
    m.theirs_past.removed = Past::of(theirs, Some(&m.maps)).removed;
    for table in ["item_tag", "reading_tag", "link", "item_keyword"] {
        m.joins(bundle::table(table).expect("known table"), ours, theirs)?;
    }
    m.copy_history(ours, theirs)?;
    for (action, entity, id, before, after) in std::mem::take(&mut m.pending) {
        history::record_noted(
            tx,
            Some(by),
            action,
            entity,
            Some(id),
            before.as_ref(),
            after.as_ref(),
            None,
            Some(&m.note),
        )?;
    }
    Ok((m.steps, m.sum))
}

impl Merger<'_, '_> {
    fn step(&mut self, action: &'static str, entity: &'static str, id: i64, what: String) {
        self.steps.push(Step { action, entity, id, what });
    }

    fn entities(&mut self, t: &'static Table, ours: &Snapshot, theirs: &Snapshot) -> Result<()> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut taken: HashSet<i64> = HashSet::new();
        let our_rows = ours.get(t.name);
        for (n, o) in our_rows.iter().enumerate() {
            taken.extend(i(o, "id"));
            for k in natural_keys(t.name, o) {
                index.entry(k).or_insert(n);
            }
        }
        for raw in theirs.get(t.name) {
            let their_id = i(raw, "id").unwrap_or(0);
            let mut rec = self.maps.record(raw);
            let keys = natural_keys(t.name, &rec);
            let found_by = keys.iter().find_map(|k| index.get(k).map(|n| (*n, k.as_str())));
            // Their reading has our reading's DOI but is clearly another work (a
            // mistyped DOI on one side): a conflict that says so, never a silent overwrite.
            if t.name == "reading"
                && let Some((n, key)) = found_by
                && key.starts_with("doi:")
                && let Some(why) = super::readings::another_work(work(&our_rows[n]).as_ref(), work(&rec).as_ref())
            {
                let o = &our_rows[n];
                let id = i(o, "id").unwrap_or(0);
                self.maps.set(t.name, their_id, id);
                rec.insert("id".into(), Value::from(id));
                let differ: Vec<&String> =
                    rec.keys().filter(|k| !NOT_CONTENT.contains(&k.as_str()) && o.get(*k) != rec.get(*k)).collect();
                self.conflict(t.name, o, &rec, &differ)?;
                if let Some(step) = self.steps.last_mut() {
                    step.what = format!(
                        "{} — the same DOI ({}) but {why}: two works, or a mistyped DOI; resolve it by hand",
                        step.what.split(" — ").next().unwrap_or_default(),
                        s(o, "doi")
                    );
                }
                continue;
            }
            let found = found_by.map(|(n, _)| n);
            match found {
                None => {
                    let id = if taken.contains(&their_id) { self.ids.next_id() } else { their_id };
                    taken.insert(id);
                    self.maps.set(t.name, their_id, id);
                    rec.insert("id".into(), Value::from(id));
                    bundle::insert(self.tx, t, &rec)?;
                    if !matches!(t.name, "review" | "import_run") {
                        self.pending.push((Action::Insert, t.name, id, None, Some(Value::Object(rec.clone()))));
                    }
                    self.sum.added += 1;
                    let what = label(t.name, &rec);
                    self.step("add", t.name, id, what);
                }
                Some(n) => {
                    let o = &our_rows[n];
                    let id = i(o, "id").unwrap_or(0);
                    self.maps.set(t.name, their_id, id);
                    rec.insert("id".into(), Value::from(id));
                    if matches!(t.name, "review" | "import_run") {
                        continue; // never changed once written
                    }
                    self.compare(t, o, &rec, their_id)?;
                }
            }
        }
        Ok(())
    }

    /// The same record on both sides: identical, one side moved, or a conflict.
    fn compare(&mut self, t: &'static Table, o: &Record, theirs: &Record, their_id: i64) -> Result<()> {
        let id = i(o, "id").unwrap_or(0);
        let differ: Vec<&String> =
            theirs.keys().filter(|k| !NOT_CONTENT.contains(&k.as_str()) && o.get(*k) != theirs.get(*k)).collect();
        if differ.is_empty() {
            self.sum.identical += 1;
            return Ok(());
        }
        let mut take = Vec::new();
        let mut conflict = Vec::new();
        for k in &differ {
            let (ov, tv) = (&o[k.as_str()], &theirs[k.as_str()]);
            let ours_moved = self.ours_past.held(t.name, id, k, tv);
            // Their history is keyed by their own IDs.
            let theirs_moved = self.theirs_past.held(t.name, their_id, k, ov);
            match (ours_moved, theirs_moved) {
                (true, false) => {}
                (false, true) => take.push((*k).clone()),
                // Two copies of one work: the richer value stands (a merge never makes it poorer).
                (false, false) if t.name == "reading" => match super::readings::richer_value(k, ov, tv) {
                    Some(super::readings::Side::Ours) => {}
                    Some(super::readings::Side::Theirs) => take.push((*k).clone()),
                    None => conflict.push((*k).clone()),
                },
                _ => conflict.push((*k).clone()),
            }
        }
        if !conflict.is_empty() {
            return self.conflict(t.name, o, theirs, &differ);
        }
        if take.is_empty() {
            self.sum.kept_ours += 1;
            return Ok(());
        }
        let mut new = o.clone();
        // A facet about a person taken from their side is their recorder's statement.
        if t.name == "person_facet" {
            take.extend(
                ["recorded_by", "recorded_at"].map(String::from).into_iter().filter(|k| o.get(k) != theirs.get(k)),
            );
        }
        for k in &take {
            new.insert(k.clone(), theirs[k.as_str()].clone());
        }
        if let Some(u) = theirs.get("updated_at") {
            new.insert("updated_at".into(), u.clone());
        }
        bundle::update(self.tx, t, o, &new)?;
        let before: serde_json::Map<String, Value> = take.iter().map(|k| (k.clone(), o[k.as_str()].clone())).collect();
        let after: serde_json::Map<String, Value> = take.iter().map(|k| (k.clone(), new[k.as_str()].clone())).collect();
        self.pending.push((Action::Update, t.name, id, Some(Value::Object(before)), Some(Value::Object(after))));
        self.sum.updated += 1;
        let what = format!("{}: {}", label(t.name, &new), take.join(", "));
        self.step("update", t.name, id, what);
        Ok(())
    }

    fn conflict(&mut self, entity: &'static str, o: &Record, theirs: &Record, differ: &[&String]) -> Result<()> {
        let id = i(o, "id").unwrap_or(0);
        let theirs_text = Value::Object(theirs.clone()).to_string();
        // Already listed, or already resolved for ours: not again.
        let known: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM conflict WHERE entity = ?1 AND entity_id = ?2 AND theirs = ?3
                    AND (resolution IS NULL OR resolution = 'ours')",
                params![entity, id, theirs_text],
                |r| r.get(0),
            )
            .optional()?;
        let fields: Vec<&str> = differ.iter().map(|s| s.as_str()).collect();
        let cid = match known {
            Some(c) => c,
            None => {
                self.tx.execute(
                    "INSERT INTO conflict (entity, entity_id, fields, ours, theirs, source, found_at, found_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        entity,
                        id,
                        json!(fields).to_string(),
                        Value::Object(o.clone()).to_string(),
                        theirs_text,
                        self.source,
                        super::now(),
                        self.by
                    ],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        self.sum.conflicts += 1;
        let what = format!("conflict #{cid}: {} — both sides changed {}", label(entity, o), fields.join(", "));
        self.step("conflict", entity, id, what);
        Ok(())
    }

    /// Tags, links and item keywords: present or absent, and who removed what.
    fn joins(&mut self, t: &'static Table, ours: &Snapshot, theirs: &Snapshot) -> Result<()> {
        let entity = t.name;
        let our_keys: HashMap<Value, &Record> = ours.get(t.name).iter().map(|m| (tag_key(t.name, m), m)).collect();
        let mut their_keys = HashSet::new();
        for raw in theirs.get(t.name) {
            let mut rec = self.maps.record(raw);
            let key = tag_key(t.name, &rec);
            their_keys.insert(key.clone());
            if our_keys.contains_key(&key) {
                if let Some(o) = our_keys.get(&key)
                    && t.name == "link"
                {
                    self.maps.set("link", i(raw, "id").unwrap_or(0), i(o, "id").unwrap_or(0));
                }
                self.sum.identical += 1;
                continue;
            }
            let target =
                if matches!(t.name, "item_tag" | "item_keyword") { i(&rec, "item_id") } else { i(&rec, "reading_id") };
            if self.ours_past.removed.contains(&(entity.to_string(), key.clone())) {
                self.step(
                    "kept-removed",
                    entity,
                    target.unwrap_or(0),
                    "removed here; their copy not brought back".into(),
                );
                self.sum.kept_ours += 1;
                continue;
            }
            let hid = if t.name == "link" {
                let their_id = i(raw, "id").unwrap_or(0);
                let exists: Option<i64> =
                    self.tx.query_row("SELECT id FROM link WHERE id = ?1", [their_id], |r| r.get(0)).optional()?;
                let id = if exists.is_some() { self.ids.next_id() } else { their_id };
                self.maps.set("link", their_id, id);
                rec.insert("id".into(), Value::from(id));
                id
            } else {
                target.unwrap_or(0)
            };
            bundle::insert(self.tx, t, &rec)?;
            if t.name != "item_keyword" {
                self.pending.push((Action::Insert, entity, hid, None, Some(Value::Object(rec.clone()))));
            }
            self.sum.added += 1;
            self.step("add", entity, hid, describe_join(t.name, &rec));
        }
        for (key, o) in &our_keys {
            if their_keys.contains(key) || !self.theirs_past.removed.contains(&(entity.to_string(), key.clone())) {
                continue;
            }
            let hid = if t.name == "link" {
                i(o, "id")
            } else if matches!(t.name, "item_tag" | "item_keyword") {
                i(o, "item_id")
            } else {
                i(o, "reading_id")
            }
            .unwrap_or(0);
            bundle::delete(self.tx, t, o)?;
            self.pending.push((Action::Delete, entity, hid, Some(Value::Object((*o).clone())), None));
            self.sum.removed += 1;
            self.step("remove", entity, hid, format!("{} (removed on their side)", describe_join(t.name, o)));
        }
        Ok(())
    }

    /// Their history rows that ours lacks, with IDs mapped, appended.
    fn copy_history(&mut self, ours: &Snapshot, theirs: &Snapshot) -> Result<()> {
        let names: HashMap<i64, String> =
            ours.get("contributor").iter().map(|c| (i(c, "id").unwrap_or(0), s(c, "name").to_string())).collect();
        let their_names: HashMap<i64, String> =
            theirs.get("contributor").iter().map(|c| (i(c, "id").unwrap_or(0), s(c, "name").to_string())).collect();
        let sig =
            |h: &Record, who: Option<&String>, entity_id: Option<i64>, before: Option<Value>, after: Option<Value>| {
                json!([s(h, "at"), who, s(h, "action"), s(h, "entity"), entity_id, before, after])
            };
        let mut seen = HashSet::new();
        for h in ours.get("history") {
            let who = i(h, "by_id").and_then(|b| names.get(&b));
            seen.insert(sig(h, who, i(h, "entity_id"), parse(h.get("before")), parse(h.get("after"))));
        }
        let t = bundle::table("history").expect("known table");
        for h in theirs.get("history") {
            let who = i(h, "by_id").and_then(|b| their_names.get(&b));
            let entity_id =
                i(h, "entity_id").map(|e| Maps::entity_table(s(h, "entity")).map_or(e, |tb| self.maps.get(tb, e)));
            let before = parse(h.get("before")).map(|v| self.maps.json(&v));
            let after = parse(h.get("after")).map(|v| self.maps.json(&v));
            if !seen.insert(sig(h, who, entity_id, before.clone(), after.clone())) {
                continue;
            }
            let mut rec = self.maps.record(h);
            rec.insert("id".into(), Value::Null);
            rec.insert("entity_id".into(), entity_id.map_or(Value::Null, Value::from));
            rec.insert("before".into(), before.map_or(Value::Null, |v| Value::from(v.to_string())));
            rec.insert("after".into(), after.map_or(Value::Null, |v| Value::from(v.to_string())));
            let note = match h.get("note").and_then(Value::as_str) {
                Some(n) => format!("{n}; from {}", self.source),
                None => format!("from {}", self.source),
            };
            rec.insert("note".into(), Value::from(note));
            bundle::insert(self.tx, t, &rec)?;
            self.sum.history_copied += 1;
        }
        Ok(())
    }
}

fn describe_join(table: &str, m: &Record) -> String {
    let g = |k: &str| m.get(k).and_then(Value::as_i64).map(|v| v.to_string()).unwrap_or_default();
    match table {
        "item_tag" => format!("item {} tagged with theme {}", g("item_id"), g("theme_id")),
        "reading_tag" => format!("reading {} tagged with theme {}", g("reading_id"), g("theme_id")),
        "item_keyword" => {
            format!("item {} keyword {:?}", g("item_id"), m.get("keyword").and_then(Value::as_str).unwrap_or(""))
        }
        _ if m.get("item_id").is_some_and(|v| !v.is_null()) => {
            format!("reading {} linked to item {}", g("reading_id"), g("item_id"))
        }
        _ => format!("reading {} linked to module {}", g("reading_id"), g("module_id")),
    }
}

/// A conflict as `canon resolve` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
    pub fields: Vec<String>,
    pub ours: Value,
    pub theirs: Value,
    pub source: String,
    pub found_at: String,
    pub resolution: Option<String>,
}

impl Conflict {
    fn side(&self, v: &Value) -> String {
        self.fields
            .iter()
            .map(|f| {
                let x = v.get(f).cloned().unwrap_or(Value::Null);
                let t = x.as_str().map(String::from).unwrap_or_else(|| x.to_string());
                format!("{f}: {t}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn ours_fields(&self) -> String {
        self.side(&self.ours)
    }

    pub fn theirs_fields(&self) -> String {
        self.side(&self.theirs)
    }
}

pub fn list(conn: &rusqlite::Connection, all: bool) -> Result<Vec<Conflict>> {
    let mut st = conn.prepare(
        "SELECT id, entity, entity_id, fields, ours, theirs, source, found_at, resolution
           FROM conflict WHERE (?1 OR resolution IS NULL) ORDER BY id",
    )?;
    let j = |s: String| serde_json::from_str::<Value>(&s).unwrap_or(Value::Null);
    let rows = st
        .query_map([all], |r| {
            Ok(Conflict {
                id: r.get(0)?,
                entity: r.get(1)?,
                entity_id: r.get(2)?,
                fields: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
                ours: j(r.get(4)?),
                theirs: j(r.get(5)?),
                source: r.get(6)?,
                found_at: r.get(7)?,
                resolution: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Settles a conflict: `ours` keeps the record as it is, `theirs` writes
/// their version of the conflicting fields (the history keeps ours). The
/// conflict row keeps both versions either way.
pub fn resolve(tx: &Transaction, id: i64, take: &str, by: i64) -> Result<String> {
    let c = list(tx, true)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| anyhow::anyhow!("no conflict #{id}; see `canon resolve` for the open ones"))?;
    if let Some(r) = &c.resolution {
        anyhow::bail!("conflict #{id} was already resolved ({r}); nothing changed");
    }
    let mut what = format!("kept our {} {}", c.entity, c.entity_id);
    if take == "theirs" {
        let t = bundle::table(&c.entity).ok_or_else(|| anyhow::anyhow!("unknown record kind {:?}", c.entity))?;
        let current = bundle::load(tx, t, c.entity_id)?
            .ok_or_else(|| anyhow::anyhow!("{} {} no longer exists", c.entity, c.entity_id))?;
        let mut new = current.clone();
        let mut before = serde_json::Map::new();
        let mut after = serde_json::Map::new();
        let mut fields = c.fields.clone();
        // A facet about a person is its recorder's statement: their value comes with who recorded
        // it and when (issue 16b), as in a merge that takes it without a conflict.
        if c.entity == "person_facet" {
            fields.extend(
                ["recorded_by", "recorded_at"]
                    .into_iter()
                    .filter(|k| c.theirs.get(*k).is_some_and(|v| !v.is_null()))
                    .map(String::from),
            );
        }
        for f in &fields {
            let v = c.theirs.get(f).cloned().unwrap_or(Value::Null);
            if current.get(f) != Some(&v) {
                before.insert(f.clone(), current.get(f).cloned().unwrap_or(Value::Null));
                after.insert(f.clone(), v.clone());
            }
            new.insert(f.clone(), v);
        }
        if !after.is_empty() {
            if new.contains_key("updated_at") {
                new.insert("updated_at".into(), Value::from(super::now()));
            }
            bundle::update(tx, t, &current, &new)?;
            history::record_noted(
                tx,
                Some(by),
                Action::Update,
                t.name,
                Some(c.entity_id),
                Some(&Value::Object(before)),
                Some(&Value::Object(after)),
                None,
                Some(&format!("resolve conflict #{id} (theirs, from {})", c.source)),
            )?;
        }
        what = format!("took their version of {} {} ({})", c.entity, c.entity_id, c.fields.join(", "));
    }
    tx.execute(
        "UPDATE conflict SET resolution = ?2, resolved_at = ?3, resolved_by = ?4 WHERE id = ?1",
        params![id, take, super::now(), by],
    )?;
    Ok(what)
}
