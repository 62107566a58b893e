//! Correcting and removing what was entered: add, edit and remove for
//! modules, items, readings, themes, contributors, links and snapshots.
//!
//! The command line (`src/cmd/`) and the web workspace call these same
//! functions. Each takes the contributor making the change (`by`, a
//! contributor ID; see [`super::history::contributor`]) and returns what it
//! changed: an [`Added`], an [`Edited`] with the fields before and after, or
//! a [`Removal`] with everything that went.
//!
//! Every edit and every removal is **one** history entry, so `canon undo`
//! reverts it in one step. A removal's entry holds the record and
//! everything that went with it (a module's sessions with their tags and
//! links; a reading's authors, tags, links, reviews and facets; a theme's
//! tags), so undo brings it all back under the same IDs. References that a
//! removal clears (a child theme's parent, a removed contributor's credits)
//! are listed in the entry too and set again by undo.
//!
//! Removing what others depend on (a module with sessions, a theme with
//! tags, a contributor with history, a reading linked to sessions) lists it
//! and needs `force`: without it the removal fails with [`NeedsForce`],
//! which carries the same list, and nothing is written.

pub mod contributor;
pub mod facet;
pub mod item;
pub mod link;
pub mod module;
pub mod reading;
pub mod snapshot;
pub mod theme;

use std::collections::{BTreeMap, HashSet};

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Map, Value};

use super::bundle::{self, Record, Table};
use super::history::{self, Action};

/// The key of a removal entry's `before` that holds the records removed with it, by table.
pub const REMOVED_WITH: &str = "removed_with";
/// The key of a removal entry's `before` that holds the references it cleared, by `table.column`.
pub const DETACHED: &str = "detached";

/// One field an edit changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field (the database column, or `authors` / `keywords` for a reading's or theme's list).
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// What an edit did.
#[derive(Debug, Clone, Serialize)]
pub struct Edited {
    /// The kind of record: `module`, `item`, `reading`, `theme`, `contributor`, `link`, `snapshot`.
    pub entity: &'static str,
    pub id: i64,
    /// The record as people name it, after the edit ("MED2002 Respiratory system").
    pub label: String,
    /// The fields that changed; empty when the record already was so.
    pub changes: Vec<FieldChange>,
    /// The history entry (what `canon undo` takes); `None` when nothing changed.
    pub history_id: Option<i64>,
}

impl Edited {
    /// Whether the record already was as asked, so nothing was written.
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes as `field: before → after`, joined with `; `. A list
    /// (keywords, authors) shows what was added (`+`) and taken out (`−`).
    pub fn describe(&self) -> String {
        // A list's parts beside the list: said once, by the names as written
        // (the parts alone where only they changed: a name kept whole).
        let authors = self.changes.iter().any(|c| c.field == "authors");
        self.changes
            .iter()
            .filter(|c| !(authors && c.field == "author_names"))
            .map(describe_change)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// What an `add` made.
#[derive(Debug, Clone, Serialize)]
pub struct Added {
    pub entity: &'static str,
    pub id: i64,
    pub label: String,
    /// The history entry (`canon undo` of it removes the record again).
    pub history_id: i64,
}

/// A group of records that goes with a removal (or a reference it clears).
#[derive(Debug, Clone, Serialize)]
pub struct Dependent {
    /// What they are, in words: "sessions", "tags", "linked readings", "changes credited to them".
    pub what: String,
    pub count: usize,
    /// A few of them by name, so people recognise them.
    pub examples: Vec<String>,
    /// `true` when these depend on the record from elsewhere (removing it
    /// needs force); `false` when they are part of it (a reading's authors).
    pub needs_force: bool,
    /// `true` when these stay and only their reference to the record is
    /// cleared (a sub-theme's parent, a credit to a removed contributor);
    /// `false` when they are removed with it.
    pub cleared: bool,
}

/// What a removal takes (or, before it runs, would take).
#[derive(Debug, Clone, Serialize)]
pub struct Removal {
    pub entity: &'static str,
    pub id: i64,
    pub label: String,
    /// Everything that goes with it, or whose reference to it is cleared.
    pub dependents: Vec<Dependent>,
    /// The history entry (what `canon undo` takes); `None` until it has run.
    pub history_id: Option<i64>,
}

impl Removal {
    /// Whether removing it takes something others depend on.
    pub fn needs_force(&self) -> bool {
        self.dependents.iter().any(|d| d.needs_force)
    }

    /// "12 sessions (Spirometry, Asthma, …); 3 theme tags" — or "nothing else".
    pub fn describe(&self) -> String {
        if self.dependents.is_empty() {
            return "nothing else".into();
        }
        self.dependents.iter().map(dependent_text).collect::<Vec<_>>().join("; ")
    }
}

/// A removal refused because others depend on the record: it lists them.
/// Nothing was written. Pass `force` to remove them with it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.message())]
pub struct NeedsForce(pub Removal);

impl NeedsForce {
    fn message(&self) -> String {
        let r = &self.0;
        let forced: Vec<&Dependent> = r.dependents.iter().filter(|d| d.needs_force).collect();
        let verb = if forced.iter().all(|d| d.cleared) { "clears" } else { "removes" };
        format!(
            "{} {} still has {}. Removing it {verb} those too, as one change that `canon undo` brings back \
             whole; pass --force to do so",
            r.entity,
            r.label,
            forced.iter().map(|d| dependent_text(d)).collect::<Vec<_>>().join("; ")
        )
    }
}

fn dependent_text(d: &Dependent) -> String {
    let what = if d.count == 1 { singular(&d.what) } else { d.what.clone() };
    if d.examples.is_empty() {
        format!("{} {what}", d.count)
    } else {
        let more = if d.count > d.examples.len() { ", …" } else { "" };
        format!("{} {what} ({}{more})", d.count, d.examples.join(", "))
    }
}

/// "1 session", not "1 sessions": the first plural noun of a phrase made singular.
fn singular(what: &str) -> String {
    const NOUNS: &[&str] = &[
        "sessions",
        "tags",
        "links",
        "readings",
        "reviews",
        "facets",
        "changes",
        "imports",
        "rounds",
        "conflicts",
        "sub-themes",
        "cells",
        "gaps",
        "rows",
    ];
    let mut done = false;
    what.split(' ')
        .map(|w| {
            if !done && NOUNS.contains(&w) {
                done = true;
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A count of a table's rows in words: `count_of(1, "item_tag")` is "1 item tag",
/// `count_of(2, "person_facet")` "2 person facets", `count_of(0, "history")` "0 histories": the
/// table's name in words, its last word in the plural unless the count is 1. For the restore
/// message and the log, which name the rows that went with a removal.
pub fn count_of(n: usize, table: &str) -> String {
    let noun = table.replace('_', " ");
    if n == 1 {
        return format!("1 {noun}");
    }
    let plural = if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    };
    format!("{n} {plural}")
}

fn describe_change(c: &FieldChange) -> String {
    // The same names as written in other parts: each said by its parts now
    // ("kept whole", or family and given).
    if let (Value::Array(b), Value::Array(a)) = (&c.before, &c.after)
        && c.field.ends_with("_names")
        && b.len() == a.len()
        && b.iter().zip(a).all(|(x, y)| x.get("original") == y.get("original"))
    {
        let parts = |n: &Value| -> String {
            let get = |k: &str| n.get(k).and_then(Value::as_str).filter(|v| !v.is_empty());
            if get("literal").is_some() {
                return "kept whole".into();
            }
            [("particle", "particle"), ("family", "family"), ("given", "given"), ("suffix", "suffix")]
                .iter()
                .filter_map(|(k, label)| get(k).map(|v| format!("{label} {v:?}")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let said: Vec<String> = b
            .iter()
            .zip(a)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("{}: {} (was {})", item_text(y), parts(y), parts(x)))
            .collect();
        return format!("{}: {}", c.field.trim_end_matches("_names").to_string() + "s", said.join(", "));
    }
    if let (Value::Array(b), Value::Array(a)) = (&c.before, &c.after) {
        let added: Vec<String> = a.iter().filter(|x| !b.contains(x)).map(item_text).collect();
        let gone: Vec<String> = b.iter().filter(|x| !a.contains(x)).map(item_text).collect();
        if !added.is_empty() || !gone.is_empty() {
            let mut parts: Vec<String> = added.iter().map(|x| format!("+{x}")).collect();
            parts.extend(gone.iter().map(|x| format!("−{x}")));
            return format!("{}: {}", c.field, parts.join(", "));
        }
    }
    // A yes/no facet is stored as 1/0; the message says what the user typed.
    if matches!(c.field.as_str(), "global_south" | "open_access" | "translated") {
        let yes_no = |v: &Value| match v {
            Value::Bool(true) => "yes".to_string(),
            Value::Bool(false) => "no".to_string(),
            Value::Number(n) if n.as_i64() == Some(1) => "yes".to_string(),
            Value::Number(n) if n.as_i64() == Some(0) => "no".to_string(),
            other => show_value(other),
        };
        return format!("{}: {} → {}", c.field, yes_no(&c.before), yes_no(&c.after));
    }
    // Whether the type was guessed (schema 0034), in words.
    if c.field == "type_inferred" {
        let said = |v: &Value| if v.as_i64() == Some(1) || v.as_bool() == Some(true) { "inferred" } else { "stated" };
        return format!("type: {} → {}", said(&c.before), said(&c.after));
    }
    // A title's marks as the listings write them, `{HIV}`, never the stored
    // HTML (tester r75 F8).
    if matches!(c.field.as_str(), "title" | "original_title" | "volume_title") {
        let shown = |v: &Value| match v.as_str() {
            Some(t) => format!("{:?}", crate::import::title_text::sheet(t)),
            None => show_value(v),
        };
        return format!("{}: {} → {}", c.field, shown(&c.before), shown(&c.after));
    }
    format!("{}: {} → {}", c.field, show_value(&c.before), show_value(&c.after))
}

/// An item of a list as people read it: text as it is, a name in parts (a
/// reading's editors) as written, quoted when it is text.
fn item_text(x: &Value) -> String {
    match x.get("original").and_then(Value::as_str) {
        Some(name) => format!("{name:?}"),
        None => show_value(x),
    }
}

/// A value as people read it in a message.
pub fn show_value(v: &Value) -> String {
    let s = match v {
        Value::Null => "(empty)".to_string(),
        Value::String(s) if s.is_empty() => "(empty)".to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(a) => {
            let items: Vec<String> = a
                .iter()
                .map(|x| x.as_str().map_or_else(|| item_text(x).trim_matches('"').to_string(), String::from))
                .collect();
            format!("[{}]", items.join("; "))
        }
        other => other.to_string(),
    };
    if s.chars().count() > 80 { format!("{}…", s.chars().take(79).collect::<String>()) } else { s }
}

/// How many examples a [`Dependent`] names.
const EXAMPLES: usize = 3;

/// A bundle table by name (a constant the code knows).
fn table(name: &str) -> Result<&'static Table> {
    bundle::table(name).with_context(|| format!("no table {name} in this canon"))
}

/// One record by ID, or an error naming what is missing.
fn load(conn: &Connection, entity: &str, id: i64) -> Result<Record> {
    bundle::load(conn, table(entity)?, id)?.with_context(|| format!("no {entity} with ID {id}"))
}

fn text<'a>(m: &'a Record, k: &str) -> &'a str {
    m.get(k).and_then(Value::as_str).unwrap_or("")
}

fn int(m: &Record, k: &str) -> Option<i64> {
    m.get(k).and_then(Value::as_i64)
}

/// Writes `new` over `old` (a record of `entity`, as [`bundle::load`] gives
/// it) and records the fields that differ as one history entry. `extra`
/// adds readable companions to the entry (a programme's name beside its ID);
/// undo ignores them.
fn update(
    tx: &Transaction,
    by: i64,
    entity: &'static str,
    old: &Record,
    mut new: Record,
    label: String,
    extra: &[(&str, Value, Value)],
) -> Result<Edited> {
    let id = int(old, "id").unwrap_or_default();
    let changes: Vec<FieldChange> = new
        .iter()
        .filter(|(k, v)| k.as_str() != "updated_at" && old.get(k.as_str()) != Some(*v))
        .map(|(k, v)| FieldChange {
            field: k.clone(),
            before: old.get(k).cloned().unwrap_or(Value::Null),
            after: v.clone(),
        })
        .collect();
    if changes.is_empty() {
        return Ok(Edited { entity, id, label, changes, history_id: None });
    }
    if new.contains_key("updated_at") {
        new.insert("updated_at".into(), Value::from(super::now()));
    }
    bundle::update(tx, table(entity)?, old, &new).with_context(|| format!("changing {entity} {label}"))?;
    let mut before = Map::new();
    let mut after = Map::new();
    for c in &changes {
        before.insert(c.field.clone(), c.before.clone());
        after.insert(c.field.clone(), c.after.clone());
    }
    for (k, b, a) in extra {
        if b != a {
            before.insert((*k).to_string(), b.clone());
            after.insert((*k).to_string(), a.clone());
        }
    }
    let hid = history::record_noted(
        tx,
        Some(by),
        Action::Update,
        entity,
        Some(id),
        Some(&Value::Object(before)),
        Some(&Value::Object(after)),
        None,
        None,
    )?;
    Ok(Edited { entity, id, label, changes, history_id: Some(hid) })
}

/// Records an insert made by an `add` (the record as it now is).
fn record_insert(tx: &Transaction, by: i64, entity: &'static str, id: i64, label: String) -> Result<Added> {
    let rec = load(tx, entity, id)?;
    let hid = history::record_noted(
        tx,
        Some(by),
        Action::Insert,
        entity,
        Some(id),
        None,
        Some(&Value::Object(rec)),
        None,
        None,
    )?;
    Ok(Added { entity, id, label, history_id: hid })
}

/// Records that go with a removal, from one table.
struct Group {
    table: String,
    records: Vec<Record>,
    what: String,
    examples: Vec<String>,
    needs_force: bool,
    /// For a table the cascades do not know by name: the column that refers
    /// to the removed record and its ID, to delete the rows by.
    other: Option<(String, i64)>,
}

/// References a removal sets to NULL: `table.column` and the keys of the rows.
struct Detach {
    column: &'static str,
    keys: Vec<Value>,
    what: String,
    needs_force: bool,
}

/// A record and everything that goes with it: what a removal takes, and
/// what its history entry keeps for undo.
struct Cascade {
    entity: &'static str,
    root: Record,
    label: String,
    groups: Vec<Group>,
    detach: Vec<Detach>,
}

impl Cascade {
    fn new(entity: &'static str, root: Record, label: String) -> Cascade {
        Cascade { entity, root, label, groups: Vec::new(), detach: Vec::new() }
    }

    fn id(&self) -> i64 {
        int(&self.root, "id").unwrap_or_default()
    }

    /// Adds the records of `table` that go with the root (if any).
    fn with(
        &mut self,
        table: &'static str,
        records: Vec<Record>,
        what: &str,
        name: impl Fn(&Record) -> String,
        needs_force: bool,
    ) {
        if records.is_empty() {
            return;
        }
        let mut examples: Vec<String> = Vec::new();
        for n in records.iter().map(&name) {
            if examples.len() == EXAMPLES {
                break;
            }
            if !n.is_empty() && !examples.contains(&n) {
                examples.push(n);
            }
        }
        self.groups.push(Group { table: table.into(), records, what: what.into(), examples, needs_force, other: None });
    }

    /// Adds the rows of tables the cascades do not name that refer to the
    /// `parent` record `id` (a table a later schema added): they are part of
    /// it, removed with it and restored by undo, never lost in silence.
    fn others(&mut self, conn: &Connection, parent: &str, id: i64) -> Result<()> {
        for (t, col) in referrers(conn, parent)? {
            if handled(parent, &t) {
                continue;
            }
            let Some(ot) = other_table(conn, &t)? else { continue };
            let records = other_rows(conn, &ot, &col, id)?;
            if records.is_empty() {
                continue;
            }
            let what = format!("{} rows", t.replace('_', " "));
            self.groups.push(Group {
                table: t,
                records,
                what,
                examples: Vec::new(),
                needs_force: false,
                other: Some((col, id)),
            });
        }
        Ok(())
    }

    fn clear(&mut self, column: &'static str, keys: Vec<Value>, what: &str, needs_force: bool) {
        if keys.is_empty() {
            return;
        }
        self.detach.push(Detach { column, keys, what: what.into(), needs_force });
    }

    fn removal(&self, history_id: Option<i64>) -> Removal {
        let mut dependents: Vec<Dependent> = self
            .groups
            .iter()
            .map(|g| Dependent {
                what: g.what.clone(),
                count: g.records.len(),
                examples: g.examples.clone(),
                needs_force: g.needs_force,
                cleared: false,
            })
            .collect();
        dependents.extend(self.detach.iter().map(|d| Dependent {
            what: d.what.clone(),
            count: d.keys.len(),
            examples: Vec::new(),
            needs_force: d.needs_force,
            cleared: true,
        }));
        Removal { entity: self.entity, id: self.id(), label: self.label.clone(), dependents, history_id }
    }

    /// Removes the root and everything with it, as one history entry
    /// (noted `note`, e.g. "undo of #12"). Refuses with [`NeedsForce`]
    /// when others depend on it and `force` is false.
    fn run(self, tx: &Transaction, by: i64, force: bool, note: Option<&str>) -> Result<Removal> {
        self.run_as(tx, Some(by), force, note, None)
    }

    /// [`Cascade::run`] for a contributor who may be unnamed, traced to an import run.
    fn run_as(
        self,
        tx: &Transaction,
        by: Option<i64>,
        force: bool,
        note: Option<&str>,
        import_id: Option<i64>,
    ) -> Result<Removal> {
        let plan = self.removal(None);
        if plan.needs_force() && !force {
            return Err(NeedsForce(plan).into());
        }
        let mut before = self.root.clone();
        if !self.groups.is_empty() {
            let mut with: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
            for g in &self.groups {
                with.entry(g.table.as_str()).or_default().extend(g.records.iter().cloned().map(Value::Object));
            }
            before.insert(REMOVED_WITH.into(), serde_json::to_value(with)?);
        }
        if !self.detach.is_empty() {
            let mut d: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
            for x in &self.detach {
                d.entry(x.column).or_default().extend(x.keys.iter().cloned());
            }
            before.insert(DETACHED.into(), serde_json::to_value(d)?);
        }
        let id = self.id();
        let hid = history::record_noted(
            tx,
            by,
            Action::Delete,
            self.entity,
            Some(id),
            Some(&Value::Object(before)),
            None,
            import_id,
            note,
        )?;
        for d in &self.detach {
            for k in &d.keys {
                detach(tx, d.column, k)?;
            }
        }
        // Children before parents: tables found by their references first,
        // then the reverse of the bundle's table order.
        let mut groups: Vec<&Group> = self.groups.iter().collect();
        groups.sort_by_key(|g| std::cmp::Reverse(order(&g.table)));
        for g in groups {
            if let Some((col, parent)) = &g.other {
                if let Some(ot) = other_table(tx, &g.table)? {
                    other_delete(tx, &ot, col, *parent)?;
                }
                continue;
            }
            let t = table(&g.table)?;
            for r in &g.records {
                delete(tx, t, r)?;
            }
        }
        delete(tx, table(self.entity)?, &self.root)
            .with_context(|| format!("removing {} {}", self.entity, self.label))?;
        Ok(self.removal(Some(hid)))
    }
}

/// Retires a session or module that a module-list import no longer finds in
/// its file (`import modules --sync`): removed with everything that goes
/// with it, as one history entry noted `note` and traced to the import run
/// `import_id`, which `undo` restores whole. Never refused for what depends
/// on it: the file is the truth, and the history keeps it all.
pub(crate) fn retire(
    tx: &Transaction,
    by: Option<i64>,
    entity: &str,
    id: i64,
    note: &str,
    import_id: i64,
) -> Result<Removal> {
    let cascade = match entity {
        "item" => item::cascade(tx, id)?,
        "module" => module::cascade(tx, id)?,
        other => bail!("an import retires sessions and modules, not a {other}"),
    };
    cascade.run_as(tx, by, true, Some(note), Some(import_id))
}

/// Whether the cascade of a `parent` record handles the table `child` by
/// name (or inline, or as a reference it clears).
fn handled(parent: &str, child: &str) -> bool {
    matches!(
        (parent, child),
        ("item", "item_tag" | "link")
            | ("module", "item" | "link")
            | (
                "reading",
                "reading_author"
                    | "reading_editor"
                    | "reading_translator"
                    | "reading_other_isbn"
                    | "reading_tag"
                    | "link"
                    | "review"
                    | "person_facet"
            )
            | ("theme", "theme_keyword" | "item_tag" | "reading_tag" | "theme")
            | ("snapshot", "snapshot_coverage" | "snapshot_gap")
    )
}

/// The inline field of a `parent` record that holds the rows of its child
/// table `child` (restored with the record by [`bundle::insert`]), if any.
fn inline_child(parent: &str, child: &str) -> Option<&'static str> {
    match (parent, child) {
        ("reading", "reading_author") => Some("authors"),
        ("reading", "reading_editor") => Some("editor_names"),
        ("reading", "reading_translator") => Some("translator_names"),
        ("reading", "reading_other_isbn") => Some("other_isbns"),
        ("theme", "theme_keyword") => Some("keywords"),
        _ => None,
    }
}

/// Every (table, column) whose foreign key refers to `parent`, from the schema itself.
fn referrers(conn: &Connection, parent: &str) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT m.name, f.\"from\" FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
          WHERE m.type = 'table' AND f.\"table\" = ?1 ORDER BY m.name, f.\"from\"",
    )?;
    let v = st.query_map([parent], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// A table outside the bundle's list, with its columns as the schema has them.
struct OtherTable {
    name: String,
    cols: Vec<String>,
}

/// An SQL identifier in double quotes. Only names read back from the
/// schema reach it (never user text).
fn quoted(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// The table `name` if the schema has it, with its columns; `None` otherwise.
fn other_table(conn: &Connection, name: &str) -> Result<Option<OtherTable>> {
    // An ordinary table of this database: not SQLite's own, not a virtual
    // (full-text) table or one of its shadow tables.
    let known: bool = conn
        .prepare_cached(
            "SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name = ?1
                AND substr(name, 1, 7) <> 'sqlite_'",
        )?
        .exists([name])?;
    if !known {
        return Ok(None);
    }
    let mut st = conn.prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let cols = st.query_map([name], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(Some(OtherTable { name: name.to_string(), cols }))
}

fn other_rows(conn: &Connection, t: &OtherTable, column: &str, id: i64) -> Result<Vec<Record>> {
    if !t.cols.iter().any(|c| c == column) {
        return Ok(Vec::new());
    }
    let cols: Vec<String> = t.cols.iter().map(|c| quoted(c)).collect();
    let sql = format!("SELECT {} FROM {} WHERE {} = ?1 ORDER BY 1", cols.join(", "), quoted(&t.name), quoted(column));
    let mut st = conn.prepare(&sql)?;
    let rows = st
        .query_map([id], |r| {
            let mut m = Record::new();
            for (i, c) in t.cols.iter().enumerate() {
                m.insert(c.clone(), value(r.get_ref(i)?));
            }
            Ok(m)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn other_delete(tx: &Transaction, t: &OtherTable, column: &str, id: i64) -> Result<()> {
    if t.cols.iter().any(|c| c == column) {
        tx.execute(&format!("DELETE FROM {} WHERE {} = ?1", quoted(&t.name), quoted(column)), [id])?;
    }
    Ok(())
}

/// Inserts a kept row into a table outside the bundle's list: only the
/// columns the table has, values bound.
fn other_insert(tx: &Transaction, t: &OtherTable, r: &Record) -> Result<()> {
    let cols: Vec<&String> = t.cols.iter().filter(|c| r.contains_key(c.as_str())).collect();
    if cols.is_empty() {
        return Ok(());
    }
    let marks = (1..=cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let names = cols.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
    let sql = format!("INSERT INTO {} ({names}) VALUES ({marks})", quoted(&t.name));
    let values: Vec<rusqlite::types::Value> = cols.iter().map(|c| bundle::to_sql(&r[c.as_str()])).collect();
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

fn value(v: rusqlite::types::ValueRef) -> Value {
    match v {
        rusqlite::types::ValueRef::Null => Value::Null,
        rusqlite::types::ValueRef::Integer(x) => Value::from(x),
        rusqlite::types::ValueRef::Real(x) => Value::from(x),
        rusqlite::types::ValueRef::Text(s) | rusqlite::types::ValueRef::Blob(s) => {
            Value::from(String::from_utf8_lossy(s).into_owned())
        }
    }
}

/// A table's place in the bundle order (parents before children).
fn order(name: &str) -> usize {
    bundle::TABLES.iter().position(|t| t.name == name).unwrap_or(usize::MAX)
}

/// Deletes one record (its dependants are already gone). SQL text is
/// constant per table; values are bound.
fn delete(tx: &Transaction, t: &Table, m: &Record) -> Result<()> {
    let id = int(m, "id");
    match t.name {
        "item" => {
            // An external-content index needs the old values to forget a row.
            tx.prepare_cached("INSERT INTO item_fts (item_fts, rowid, title, outcomes) VALUES ('delete', ?1, ?2, ?3)")?
                .execute(params![id, text(m, "title"), text(m, "outcomes")])?;
            tx.prepare_cached("DELETE FROM item WHERE id = ?1")?.execute([id])?;
        }
        "module" => {
            tx.prepare_cached("DELETE FROM module WHERE id = ?1")?.execute([id])?;
        }
        "theme" => {
            tx.prepare_cached("DELETE FROM theme WHERE id = ?1")?.execute([id])?;
        }
        "contributor" => {
            tx.prepare_cached("DELETE FROM contributor WHERE id = ?1")?.execute([id])?;
        }
        "snapshot" => {
            tx.prepare_cached("DELETE FROM snapshot WHERE id = ?1")?.execute([id])?;
        }
        "review" => {
            tx.prepare_cached("DELETE FROM review WHERE id = ?1")?.execute([id])?;
        }
        "person_facet" => {
            tx.prepare_cached("DELETE FROM person_facet WHERE id = ?1")?.execute([id])?;
        }
        // Removed with their snapshot (ON DELETE CASCADE).
        "snapshot_coverage" | "snapshot_gap" => {}
        _ => bundle::delete(tx, t, m)?,
    }
    Ok(())
}

/// The keys a detached reference is found by again: a row ID, or for a tag
/// `[target, theme]`.
fn detach(tx: &Transaction, column: &str, key: &Value) -> Result<()> {
    set_reference(tx, column, key, None).map(|_| ())
}

/// Sets `table.column` of the row `key` to `to` (NULL when `None`); when
/// restoring, only where it is still NULL, so a later choice stands.
fn set_reference(tx: &Transaction, column: &str, key: &Value, to: Option<i64>) -> Result<usize> {
    let pair = |k: &Value| -> (Option<i64>, Option<i64>) {
        (k.get(0).and_then(Value::as_i64), k.get(1).and_then(Value::as_i64))
    };
    let id = key.as_i64();
    let sql = match (column, to.is_some()) {
        ("theme.parent_id", false) => "UPDATE theme SET parent_id = NULL WHERE id = ?2",
        ("theme.parent_id", true) => "UPDATE theme SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NULL",
        ("history.by_id", false) => "UPDATE history SET by_id = NULL WHERE id = ?2",
        ("history.by_id", true) => "UPDATE history SET by_id = ?1 WHERE id = ?2 AND by_id IS NULL",
        ("reading.added_by", false) => "UPDATE reading SET added_by = NULL WHERE id = ?2",
        ("reading.added_by", true) => "UPDATE reading SET added_by = ?1 WHERE id = ?2 AND added_by IS NULL",
        ("review.by_id", false) => "UPDATE review SET by_id = NULL WHERE id = ?2",
        ("review.by_id", true) => "UPDATE review SET by_id = ?1 WHERE id = ?2 AND by_id IS NULL",
        ("person_facet.recorded_by", false) => "UPDATE person_facet SET recorded_by = NULL WHERE id = ?2",
        ("person_facet.recorded_by", true) => {
            "UPDATE person_facet SET recorded_by = ?1 WHERE id = ?2 AND recorded_by IS NULL"
        }
        ("link.by_id", false) => "UPDATE link SET by_id = NULL WHERE id = ?2",
        ("link.by_id", true) => "UPDATE link SET by_id = ?1 WHERE id = ?2 AND by_id IS NULL",
        ("import_run.by_id", false) => "UPDATE import_run SET by_id = NULL WHERE id = ?2",
        ("import_run.by_id", true) => "UPDATE import_run SET by_id = ?1 WHERE id = ?2 AND by_id IS NULL",
        ("snapshot.by_id", false) => "UPDATE snapshot SET by_id = NULL WHERE id = ?2",
        ("snapshot.by_id", true) => "UPDATE snapshot SET by_id = ?1 WHERE id = ?2 AND by_id IS NULL",
        ("conflict.found_by", false) => "UPDATE conflict SET found_by = NULL WHERE id = ?2",
        ("conflict.found_by", true) => "UPDATE conflict SET found_by = ?1 WHERE id = ?2 AND found_by IS NULL",
        ("conflict.resolved_by", false) => "UPDATE conflict SET resolved_by = NULL WHERE id = ?2",
        ("conflict.resolved_by", true) => "UPDATE conflict SET resolved_by = ?1 WHERE id = ?2 AND resolved_by IS NULL",
        ("item_tag.by_id", _) => {
            let (item, theme) = pair(key);
            let sql = if to.is_some() {
                "UPDATE item_tag SET by_id = ?1 WHERE item_id = ?2 AND theme_id = ?3 AND by_id IS NULL"
            } else {
                "UPDATE item_tag SET by_id = NULL WHERE item_id = ?2 AND theme_id = ?3"
            };
            return Ok(tx.prepare_cached(sql)?.execute(params![to, item, theme])?);
        }
        ("reading_tag.by_id", _) => {
            let (reading, theme) = pair(key);
            let sql = if to.is_some() {
                "UPDATE reading_tag SET by_id = ?1 WHERE reading_id = ?2 AND theme_id = ?3 AND by_id IS NULL"
            } else {
                "UPDATE reading_tag SET by_id = NULL WHERE reading_id = ?2 AND theme_id = ?3"
            };
            return Ok(tx.prepare_cached(sql)?.execute(params![to, reading, theme])?);
        }
        (other, _) => bail!("a reference {other} cannot be cleared or restored by this canon"),
    };
    // When clearing, `?1` is not in the text; it is bound anyway (as NULL), one list for both.
    Ok(tx.prepare_cached(sql)?.execute(params![to, id])?)
}

/// The table a column refers to, for checking a restored record's references.
fn refers_to(col: &str) -> Option<&'static str> {
    Some(match col {
        "by_id" | "added_by" | "recorded_by" | "found_by" | "resolved_by" => "contributor",
        "programme_id" => "programme",
        "module_id" => "module",
        "item_id" => "item",
        "reading_id" => "reading",
        "theme_id" | "parent_id" => "theme",
        "snapshot_id" => "snapshot",
        _ => return None,
    })
}

fn exists(conn: &Connection, table: &str, id: i64) -> Result<bool> {
    let sql = match table {
        "contributor" => "SELECT 1 FROM contributor WHERE id = ?1",
        "programme" => "SELECT 1 FROM programme WHERE id = ?1",
        "module" => "SELECT 1 FROM module WHERE id = ?1",
        "item" => "SELECT 1 FROM item WHERE id = ?1",
        "reading" => "SELECT 1 FROM reading WHERE id = ?1",
        "theme" => "SELECT 1 FROM theme WHERE id = ?1",
        "snapshot" => "SELECT 1 FROM snapshot WHERE id = ?1",
        "link" => "SELECT 1 FROM link WHERE id = ?1",
        "review" => "SELECT 1 FROM review WHERE id = ?1",
        "person_facet" => "SELECT 1 FROM person_facet WHERE id = ?1",
        other => bail!("cannot look up a {other} record"),
    };
    Ok(conn.prepare_cached(sql)?.exists([id])?)
}

/// Brings back what a removal entry took: the record, everything removed
/// with it (same IDs), and the references it cleared. Refuses, writing
/// nothing, when the record or its name is taken again or something it
/// refers to is gone. Returns a sentence saying what came back.
pub(crate) fn restore(tx: &Transaction, by: i64, entity: &str, before: &Record, history_id: i64) -> Result<String> {
    let t = table(entity)?;
    let mut root = before.clone();
    let mut with = root.remove(REMOVED_WITH);
    // An entry from before removals kept their records: a reading's theme IDs.
    if let Some(Value::Array(themes)) = root.remove("themes")
        && entity == "reading"
    {
        let rid = root.get("id").cloned().unwrap_or(Value::Null);
        let tags: Vec<Value> = themes
            .iter()
            .map(|th| {
                serde_json::json!({ "reading_id": rid, "theme_id": th, "by_id": by, "at": super::now(), "source": "manual", "note": null })
            })
            .collect();
        let mut w = Map::new();
        w.insert("reading_tag".into(), Value::from(tags));
        with = Some(Value::Object(w));
    }
    // Rows of a child table the record carries inline (a reading's editors
    // and translators) come back with it: a removal made before that table
    // was handled inline kept them twice (tester r72, F13).
    if let Some(Value::Object(w)) = &mut with {
        w.retain(|table, _| inline_child(entity, table).is_none_or(|field| !root.contains_key(field)));
    }
    let detached = root.remove(DETACHED);
    // A module whose add had created its programme (see `remove_for_undo`).
    if let Some(c) = root.remove(module::PROGRAMME_CREATED)
        && c.is_object()
    {
        module::recreate(tx, &c)?;
    }
    let id = int(&root, "id").with_context(|| format!("change #{history_id} kept no ID of the {entity} it removed"))?;
    if exists(tx, entity, id)? {
        bail!("the {entity} that #{history_id} removed is back already; nothing to undo");
    }
    taken(tx, entity, &root, history_id)?;
    let mut groups: Vec<(&'static Table, Vec<Record>)> = Vec::new();
    let mut others: Vec<(OtherTable, Vec<Record>)> = Vec::new();
    if let Some(Value::Object(w)) = &with {
        for (name, rows) in w {
            let recs: Vec<Record> =
                rows.as_array().into_iter().flatten().filter_map(|v| v.as_object().cloned()).collect();
            match bundle::table(name) {
                Some(gt) => groups.push((gt, recs)),
                None => {
                    let ot = other_table(tx, name)?.with_context(|| {
                        format!(
                            "cannot undo #{history_id}: it kept rows of a table {name:?} this database does not have"
                        )
                    })?;
                    others.push((ot, recs));
                }
            }
        }
    }
    groups.sort_by_key(|(gt, _)| order(gt.name));
    // What is coming back, so references among the restored records count as present.
    let mut coming: HashSet<(&str, i64)> = HashSet::from([(t.name, id)]);
    for (gt, recs) in &groups {
        if gt.has_id {
            for r in recs {
                if let Some(rid) = int(r, "id") {
                    if exists(tx, gt.name, rid)? {
                        bail!("cannot undo #{history_id}: {} {rid} that it removed exists again", gt.name);
                    }
                    coming.insert((gt.name, rid));
                }
            }
        }
    }
    let mut missing = Vec::new();
    let all = std::iter::once((t.name, &root))
        .chain(groups.iter().flat_map(|(gt, rs)| rs.iter().map(|r| (gt.name, r))))
        .chain(others.iter().flat_map(|(ot, rs)| rs.iter().map(|r| (ot.name.as_str(), r))));
    for (tn, r) in all {
        for (col, v) in r {
            let (Some(target), Some(rid)) = (refers_to(col), v.as_i64()) else { continue };
            if !coming.contains(&(target, rid)) && !exists(tx, target, rid)? {
                missing.push(format!("{tn}.{col} → {target} {rid}"));
            }
        }
    }
    if !missing.is_empty() {
        missing.sort();
        missing.dedup();
        bail!(
            "cannot undo #{history_id}: what it would bring back refers to records removed since ({}); \
             undo those removals first (see `canon log --entity …`)",
            missing.into_iter().take(5).collect::<Vec<_>>().join(", ")
        );
    }
    bundle::insert(tx, t, &root).with_context(|| format!("restoring {entity} {id}"))?;
    let mut counts = Vec::new();
    for (gt, recs) in &groups {
        for r in recs {
            bundle::insert(tx, gt, r).with_context(|| format!("restoring a {} of {entity} {id}", gt.name))?;
        }
        if !matches!(gt.name, "snapshot_coverage" | "snapshot_gap") {
            counts.push(count_of(recs.len(), gt.name));
        }
    }
    for (ot, recs) in &others {
        for r in recs {
            other_insert(tx, ot, r).with_context(|| format!("restoring a {} row of {entity} {id}", ot.name))?;
        }
        counts.push(count_of(recs.len(), &ot.name));
    }
    if let Some(Value::Object(d)) = &detached {
        let mut n = 0;
        for (column, keys) in d {
            for k in keys.as_array().into_iter().flatten() {
                n += set_reference(tx, column, k, Some(id))?;
            }
        }
        if n > 0 {
            counts.push(format!("{n} reference{} to it", if n == 1 { "" } else { "s" }));
        }
    }
    let note = format!("undo of #{history_id}");
    history::record_noted(
        tx,
        Some(by),
        Action::Insert,
        entity,
        Some(id),
        None,
        Some(&Value::Object(root)),
        None,
        Some(&note),
    )?;
    Ok(if counts.is_empty() {
        format!("restored the {entity} that #{history_id} removed")
    } else {
        format!("restored the {entity} that #{history_id} removed, with {}", counts.join(", "))
    })
}

/// Refuses a restore whose natural key (a module's code, a theme's slug…) is taken again.
fn taken(tx: &Transaction, entity: &str, root: &Record, history_id: i64) -> Result<()> {
    let clash: Option<i64> = match entity {
        "module" => tx
            .query_row(
                "SELECT id FROM module WHERE programme_id = ?1 AND code = ?2",
                params![int(root, "programme_id"), text(root, "code")],
                |r| r.get(0),
            )
            .optional()?,
        "item" => tx
            .query_row(
                "SELECT id FROM item WHERE module_id = ?1 AND title_hash = ?2",
                params![int(root, "module_id"), int(root, "title_hash")],
                |r| r.get(0),
            )
            .optional()?,
        "theme" => {
            tx.query_row("SELECT id FROM theme WHERE slug = ?1", [text(root, "slug")], |r| r.get(0)).optional()?
        }
        "contributor" => {
            tx.query_row("SELECT id FROM contributor WHERE name = ?1", [text(root, "name")], |r| r.get(0)).optional()?
        }
        "snapshot" => {
            tx.query_row("SELECT id FROM snapshot WHERE name = ?1", [text(root, "name")], |r| r.get(0)).optional()?
        }
        "link" => tx
            .query_row(
                "SELECT id FROM link WHERE reading_id = ?1 AND item_id IS ?2 AND module_id IS ?3",
                params![int(root, "reading_id"), int(root, "item_id"), int(root, "module_id")],
                |r| r.get(0),
            )
            .optional()?,
        "reading" => taken_reading(tx, root, history_id)?,
        _ => None,
    };
    if let Some(other) = clash {
        bail!(
            "cannot undo #{history_id}: {entity} {other} has taken its place since (same {}); \
             rename or remove that one first",
            match entity {
                "module" => "programme and code",
                "item" => "module and title",
                "theme" => "slug",
                "reading" => "DOI, ISBN, or title and year",
                "link" => "reading and session or module",
                _ => "name",
            }
        );
    }
    Ok(())
}

/// The reading that holds the place of `root`, the reading removal
/// `history_id` took, by the importers' duplicate rule: the same DOI; the
/// same ISBN among whole works, or the same ISBN and title among chapters
/// and papers (which keep their book's ISBN, schema 0011), in no other
/// volume (a set's volumes share its ISBN, schema 0035; the rule of
/// [`super::readings::other_volumes`]); or the same title
/// and year with no DOI or volume that tells them apart. A title and year
/// count only for a reading added or changed since the removal: readings
/// that stood beside the removed one before (a book's other volumes, the
/// set they belong to) took nothing's place (tester r72, F14).
fn taken_reading(tx: &Transaction, root: &Record, history_id: i64) -> Result<Option<i64>> {
    let at: String = tx.query_row("SELECT at FROM history WHERE id = ?1", [history_id], |r| r.get(0))?;
    let isbn = root.get("isbn").and_then(Value::as_str);
    // The ISBN's either form (thirteen or ten digits): the same book,
    // whichever form each was published with.
    let forms = isbn.and_then(crate::import::isbn_forms);
    let part = super::readings::is_part(text(root, "type"));
    Ok(tx
        .prepare_cached(
            "SELECT r.id FROM reading r
              WHERE (r.doi IS NOT NULL AND r.doi = ?1 COLLATE NOCASE)
                 OR (r.isbn IS NOT NULL AND r.isbn IN (?2, ?5, ?6)
                     AND CASE WHEN ?7 THEN r.type IN ('chapter', 'conference-paper') AND r.title_key = ?3
                              ELSE r.type NOT IN ('chapter', 'conference-paper') END
                     AND NOT (trim(coalesce(r.volume, '')) <> '' AND trim(coalesce(?8, '')) <> ''
                              AND lower(trim(r.volume)) <> lower(trim(?8))))
                 OR (r.title_key = ?3 AND r.year IS ?4
                     AND NOT (r.doi IS NOT NULL AND ?1 IS NOT NULL AND r.doi <> ?1 COLLATE NOCASE)
                     AND NOT (r.volume IS NOT NULL AND ?8 IS NOT NULL AND r.volume <> ?8)
                     AND (r.created_at > ?9 OR r.updated_at > ?9
                          OR EXISTS (SELECT 1 FROM history h
                                      WHERE h.entity = 'reading' AND h.entity_id = r.id AND h.id > ?10)))
              ORDER BY r.id LIMIT 1",
        )?
        .query_row(
            params![
                root.get("doi").and_then(Value::as_str),
                isbn,
                // Keyed by today's rule, not the one the snapshot was taken with.
                crate::import::title_key(text(root, "title")),
                int(root, "year"),
                forms.as_ref().map(|f| &f.0),
                forms.as_ref().map(|f| &f.1),
                part,
                root.get("volume").and_then(Value::as_str),
                at,
                history_id,
            ],
            |r| r.get(0),
        )
        .optional()?)
}

/// The removal that undoes an `add` (history entry `history_id`): the same
/// as removing it, refused when others have come to depend on it since —
/// unless the add was itself an undo of a removal, when the same records go again.
pub(crate) fn remove_for_undo(
    tx: &Transaction,
    by: i64,
    entity: &str,
    id: i64,
    history_id: i64,
    was_restore: bool,
) -> Result<Removal> {
    let note = format!("undo of #{history_id}");
    // A module whose add created its programme: the programme goes too once
    // empty, and the removal keeps it so that a redo brings it back.
    let created: Option<Value> = if entity == "module" {
        let after: Option<String> =
            tx.query_row("SELECT after FROM history WHERE id = ?1", [history_id], |r| r.get(0)).optional()?.flatten();
        after
            .and_then(|a| serde_json::from_str::<Value>(&a).ok())
            .and_then(|a| a.get(module::PROGRAMME_CREATED).filter(|v| v.is_object()).cloned())
    } else {
        None
    };
    let mut cascade = match entity {
        "module" => module::cascade(tx, id)?,
        "item" => item::cascade(tx, id)?,
        "reading" => reading::cascade(tx, id)?,
        "theme" => theme::cascade(tx, id)?,
        "contributor" => contributor::cascade(tx, id)?,
        "snapshot" => snapshot::cascade(tx, id)?,
        "link" => link::cascade(tx, id)?,
        "person_facet" => facet::cascade(tx, id)?,
        other => bail!("a {other} is not removed; change #{history_id} cannot be undone"),
    };
    if let Some(c) = &created {
        cascade.root.insert(module::PROGRAMME_CREATED.into(), c.clone());
    }
    let result = cascade.run(tx, by, was_restore, Some(&note));
    if let (Ok(_), Some(c)) = (&result, &created) {
        module::drop_if_empty(tx, c.get("id").and_then(Value::as_i64).unwrap_or_default())?;
    }
    match result {
        Err(e) => match e.downcast::<NeedsForce>() {
            Ok(NeedsForce(r)) => bail!(
                "cannot undo #{history_id}: {entity} {} has gained {} since; remove it with \
                 `canon {entity} remove {id} --force` if that is meant",
                r.label,
                r.dependents.iter().filter(|d| d.needs_force).map(dependent_text).collect::<Vec<_>>().join("; ")
            ),
            Err(e) => Err(e),
        },
        ok => ok,
    }
}

/// The records of `table` that `filter` (a constant `WHERE …` with one
/// bound ID) selects, with every column the bundle knows, in bundle order.
fn rows(conn: &Connection, t: &str, filter: &str, id: i64) -> Result<Vec<Record>> {
    let tb = table(t)?;
    // Table and column names are the bundle's constants; the ID is bound.
    let sql = format!("SELECT {} FROM {} {filter} ORDER BY {}", tb.cols.join(", "), tb.name, tb.order);
    let mut st = conn.prepare_cached(&sql)?;
    let out = st
        .query_map([id], |r| {
            let mut m = Record::new();
            for (i, c) in tb.cols.iter().enumerate() {
                m.insert((*c).to_string(), value(r.get_ref(i)?));
            }
            Ok(m)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// A single-column list of keys (IDs) for `sql` with one bound ID.
fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<Value>> {
    let mut st = conn.prepare_cached(sql)?;
    let v = st.query_map([id], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v.into_iter().map(Value::from).collect())
}

/// Pairs of keys (a tag's target and theme) for `sql` with one bound ID.
fn pairs(conn: &Connection, sql: &str, id: i64) -> Result<Vec<Value>> {
    let mut st = conn.prepare_cached(sql)?;
    let v = st
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v.into_iter().map(|(a, b)| Value::from(vec![a, b])).collect())
}

/// A required text field: trimmed, single-spaced, not empty.
fn required_text(field: &str, v: &str) -> Result<String> {
    let t = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        bail!("{field} is empty; expected a value (it cannot be cleared)");
    }
    Ok(t)
}

/// An optional text field: trimmed; empty is `None` (cleared).
fn optional_text(v: Option<&str>) -> Option<String> {
    v.map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// An optional text as a JSON value (null when empty).
fn opt_value(v: Option<&str>) -> Value {
    optional_text(v).map_or(Value::Null, Value::from)
}

/// A theme's and tag's name for examples: the theme slug.
fn theme_slug(conn: &Connection, id: Option<i64>) -> String {
    id.and_then(|id| conn.query_row("SELECT slug FROM theme WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok())
        .unwrap_or_default()
}

/// A reading's title for examples.
fn reading_title(conn: &Connection, id: Option<i64>) -> String {
    // In its sheet text (`{eGFR}`), as every message quotes a title.
    id.and_then(|id| conn.query_row("SELECT title FROM reading WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok())
        .map(|t| crate::import::title_text::sheet(&t))
        .unwrap_or_default()
}

/// An item's `CODE/Title` for examples.
fn item_ref(conn: &Connection, id: Option<i64>) -> String {
    id.and_then(|id| {
        conn.query_row(
            "SELECT m.code || '/' || i.title FROM item i JOIN module m ON m.id = i.module_id WHERE i.id = ?1",
            [id],
            |r| r.get::<_, String>(0),
        )
        .ok()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_kind_is_singular() {
        assert_eq!(singular("sessions"), "session");
        assert_eq!(singular("theme tags on them"), "theme tag on them");
        assert_eq!(singular("changes in the history credited to them"), "change in the history credited to them");
        assert_eq!(singular("links to sessions or modules"), "link to sessions or modules");
        let d = Dependent {
            what: "reading links".into(),
            count: 1,
            examples: vec!["x".into()],
            needs_force: true,
            cleared: false,
        };
        assert_eq!(dependent_text(&d), "1 reading link (x)");
        let d = Dependent {
            what: "sessions".into(),
            count: 4,
            examples: vec!["a".into(), "b".into()],
            needs_force: true,
            cleared: false,
        };
        assert_eq!(dependent_text(&d), "4 sessions (a, b, …)");
        let c = FieldChange {
            field: "keywords".into(),
            before: serde_json::json!(["a", "skin tone"]),
            after: serde_json::json!(["a", "colourism"]),
        };
        assert_eq!(describe_change(&c), "keywords: +\"colourism\", −\"skin tone\"");
        let c = FieldChange { field: "global_south".into(), before: serde_json::json!(0), after: serde_json::json!(1) };
        assert_eq!(describe_change(&c), "global_south: no → yes", "a yes/no facet as the user typed it");
        let c = FieldChange { field: "open_access".into(), before: Value::Null, after: serde_json::json!(true) };
        assert_eq!(describe_change(&c), "open_access: (empty) → yes");
    }

    #[test]
    fn table_counts_are_plural_unless_one() {
        assert_eq!(count_of(1, "item_tag"), "1 item tag");
        assert_eq!(count_of(2, "item_tag"), "2 item tags");
        assert_eq!(count_of(2, "person_facet"), "2 person facets");
        assert_eq!(count_of(9, "item"), "9 items");
        assert_eq!(count_of(0, "link"), "0 links");
        assert_eq!(count_of(3, "history"), "3 histories");
        assert_eq!(count_of(2, "reading_author"), "2 reading authors");
        assert_eq!(count_of(2, "status"), "2 statuses");
        assert_eq!(count_of(2, "survey"), "2 surveys");
        let d = Dependent {
            what: "person facet rows".into(),
            count: 1,
            examples: Vec::new(),
            needs_force: false,
            cleared: false,
        };
        assert_eq!(dependent_text(&d), "1 person facet row");
    }
}
