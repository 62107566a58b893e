//! The history log and contributors.

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::IdGen;

#[derive(Clone, Copy, Debug)]
pub enum Action {
    Insert,
    Update,
    Delete,
    Import,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Insert => "insert",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Import => "import",
        }
    }
}

/// Appends one change to the history log. Its ID is SQLite's next rowid: the
/// log is local to a database and ordered by it.
#[allow(clippy::too_many_arguments)]
pub fn record(
    tx: &Transaction,
    by: Option<i64>,
    action: Action,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&Value>,
    after: Option<&Value>,
    import_id: Option<i64>,
) -> Result<()> {
    record_noted(tx, by, action, entity, entity_id, before, after, import_id, None).map(|_| ())
}

/// [`record`] with a note saying why (an undo, a merge, a resolved conflict);
/// returns the new history row's ID.
#[allow(clippy::too_many_arguments)]
pub fn record_noted(
    tx: &Transaction,
    by: Option<i64>,
    action: Action,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&Value>,
    after: Option<&Value>,
    import_id: Option<i64>,
    note: Option<&str>,
) -> Result<i64> {
    let mut st = tx.prepare_cached(
        "INSERT INTO history (at, by_id, action, entity, entity_id, before, after, import_id, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    st.execute(params![
        super::now(),
        by,
        action.as_str(),
        entity,
        entity_id,
        before.map(Value::to_string),
        after.map(Value::to_string),
        import_id,
        note,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The contributor called `name`, added (as a student, by default) the first
/// time they write. Names may be pseudonyms; they are credited as given.
pub fn contributor(tx: &Transaction, ids: &mut IdGen, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        bail!("contributor name is empty; expected the name or pseudonym to credit");
    }
    crate::limits::check(crate::limits::Kind::Name, "contributor name", name)?;
    if let Some(id) = tx.query_row("SELECT id FROM contributor WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    let id = ids.next_id();
    tx.execute("INSERT INTO contributor (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, super::now()])?;
    let after = serde_json::json!({ "name": name, "role": "student" });
    record(tx, Some(id), Action::Insert, "contributor", Some(id), None, Some(&after), None)?;
    Ok(id)
}

/// Contributors' names as credited, in the order they joined.
pub fn contributor_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT name FROM contributor ORDER BY id")?;
    let names = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// The time of the latest change, as ISO-8601 text: the data's own date.
pub fn last_change(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT max(at) FROM (SELECT max(at) AS at FROM history
                                  UNION ALL SELECT max(at) FROM import_run)",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// One entry of the history log, as `canon log` lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub by: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub import_id: Option<i64>,
    pub note: Option<String>,
}

/// Filters for `canon log`.
#[derive(Debug, Default)]
pub struct LogFilter<'a> {
    pub entity: Option<&'a str>,
    pub entity_id: Option<i64>,
    pub by: Option<&'a str>,
    /// ISO-8601 date or time: entries at or after it.
    pub since: Option<&'a str>,
    /// Also each merge's own entries (noted "merged from …"): what a merge
    /// wrote here record by record. Without it a merge is its one entry
    /// (see [`MERGE`]) and the changes it brought are listed as their
    /// authors made them (tester r65 F7).
    pub bookkeeping: bool,
}

/// A value of a history record as people read it, one rule for `canon log`
/// and the web history: a list of names in parts as the names are written,
/// a list of texts (other ISBNs, keywords, authors as written) joined by
/// "; " as a list is written everywhere else (issue 12: other ISBNs were
/// shown as `["978…"]`), nothing as "(empty)".
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "(empty)".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => "(empty)".to_string(),
        Value::Array(a) if a.iter().all(|n| n.get("original").is_some()) => {
            a.iter().filter_map(|n| n.get("original")?.as_str()).collect::<Vec<_>>().join("; ")
        }
        Value::Array(a) if a.iter().all(Value::is_string) => {
            a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

pub fn log(conn: &Connection, f: &LogFilter) -> Result<Vec<Entry>> {
    let mut st = conn.prepare(
        "SELECT h.id, h.at, c.name, h.action, h.entity, h.entity_id, h.before, h.after, h.import_id, h.note
           FROM history h LEFT JOIN contributor c ON c.id = h.by_id
          WHERE (?1 IS NULL OR h.entity = ?1)
            AND (?2 IS NULL OR h.entity_id = ?2)
            AND (?3 IS NULL OR c.name = ?3)
            AND (?4 IS NULL OR h.at >= ?4)
            AND (?5 OR h.note IS NULL OR h.note NOT LIKE 'merged from %')
          ORDER BY h.id",
    )?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Value>(&s).ok());
    let rows = st
        .query_map(params![f.entity, f.entity_id, f.by, f.since, f.bookkeeping], |r| {
            Ok(Entry {
                id: r.get(0)?,
                at: r.get(1)?,
                by: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                before: json(r.get(6)?),
                after: json(r.get(7)?),
                import_id: r.get(8)?,
                note: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Reverts history entry `change` as the contributor called `name` (see
/// [`undo`]). Undoing the removal of a contributor, as that contributor,
/// credits the undo to them once restored, rather than adding a second
/// contributor of the same name.
pub fn undo_as(tx: &Transaction, ids: &mut IdGen, change: i64, name: &str) -> Result<String> {
    let name = name.trim();
    // A number past the log's end names no change, though it may be the one
    // that crediting a new contributor would write (tester r72, F15): refused
    // before anything is written, as any other unknown number is.
    if !tx.prepare_cached("SELECT 1 FROM history WHERE id = ?1")?.exists([change])? {
        bail!("no change #{change} to undo; see `canon log`");
    }
    let known: Option<i64> =
        tx.query_row("SELECT id FROM contributor WHERE name = ?1", [name], |r| r.get(0)).optional()?;
    let by = match known {
        Some(id) => id,
        None => {
            let removed: Option<(String, Option<String>)> = tx
                .query_row(
                    "SELECT action, before FROM history WHERE id = ?1 AND entity = 'contributor'",
                    [change],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let own = removed.and_then(|(action, before)| {
                let b: Value = serde_json::from_str(&before?).ok()?;
                (action == "delete" && b.get("name")?.as_str()? == name).then(|| b.get("id")?.as_i64())?
            });
            match own {
                Some(id) => id,
                None => contributor(tx, ids, name)?,
            }
        }
    };
    undo_change(tx, change, by)
}

/// Undoes change `id` as contributor `by`, whatever it changed (a record,
/// or a suggestion accepted or rejected in the workspace), and says what it
/// did in the one sentence `canon undo` and the web workspace both show:
/// "Undone #12: removed the reading that #12 added".
pub fn undo_change(tx: &Transaction, id: i64, by: i64) -> Result<String> {
    let what = match super::workspace::undo(tx, id, by)? {
        Some(what) => what,
        None => undo(tx, id, by)?,
    };
    Ok(format!("Undone #{id}: {what}"))
}

/// The changes an import made, oldest first, when history entry `id` is
/// that import's own entry (`action = 'import'`); `None` for any other
/// entry. `canon undo` of an import undoes these (tester r28, F10: it was
/// refused, and the user had to find the range themselves).
///
/// Errors: a module list's import that added sessions, modules, tags or
/// keywords, which the history records only as counts, not one by one; the
/// message names the changes it did record, to undo one by one, and what to
/// remove by hand (tester r63 F16: a `--sync` import that only renamed and
/// retired was refused, though each of its changes could be undone).
pub fn import_changes(conn: &rusqlite::Connection, id: i64) -> Result<Option<Vec<i64>>> {
    type Run = (i64, Option<String>, Option<String>, Option<String>);
    let run: Option<Run> = conn
        .query_row(
            "SELECT h.entity_id, r.kind, r.path, h.after FROM history h LEFT JOIN import_run r ON r.id = h.entity_id
              WHERE h.id = ?1 AND h.action = 'import' AND h.entity = 'import_run'",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((run, kind, path, after)) = run else { return Ok(None) };
    // The import's own entries, and (before tester r63 F5) the tags a
    // reading import took off untraced: written in the import's one
    // transaction, after the run began, by the importer, without a note.
    let mut st = conn.prepare(
        "SELECT h.id FROM history h
          WHERE h.id < ?2 AND h.action <> 'import'
            AND (h.import_id = ?1
                 OR (h.import_id IS NULL AND h.entity = 'reading_tag' AND h.action = 'delete' AND h.note IS NULL
                     AND h.by_id IS (SELECT by_id FROM import_run WHERE id = ?1)
                     AND h.at >= (SELECT at FROM import_run WHERE id = ?1 AND kind = 'reading')))
          ORDER BY h.id",
    )?;
    let ids = st.query_map(params![run, id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    if kind.as_deref() == Some("modules") {
        let counts: Value = after.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or(Value::Null);
        let unrecorded = module_adds(|k| counts.get(k).and_then(Value::as_i64).unwrap_or(0));
        if !unrecorded.is_empty() {
            let recorded = if ids.is_empty() {
                "it recorded no change one by one".to_string()
            } else {
                format!(
                    "to revert what it changed, retired or renamed, undo its own changes: `canon undo {}`",
                    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ")
                )
            };
            bail!(
                "change #{id} is the import of a module list ({}), which added {} that the history keeps only as \
                 counts, so `canon undo {id}` cannot revert it; {recorded}; remove what it added with `canon \
                 module remove` or `canon item remove` (see `canon module list`), or import the list as it was \
                 before with `canon import modules OLD.csv --sync`",
                path.unwrap_or_default(),
                unrecorded.join(", ")
            );
        }
    }
    Ok(Some(ids))
}

/// What a module list's import added that the history keeps only as its
/// counts (read by `count` from the run's record: "items_added"…), in
/// words ("2 sessions", "1 tag"); empty when every change it made is an
/// entry of its own, so that `canon undo` of the import reverts it whole.
pub fn module_adds(count: impl Fn(&str) -> i64) -> Vec<String> {
    [
        ("modules_added", "module", "modules"),
        ("items_added", "session", "sessions"),
        ("tags_added", "tag", "tags"),
        ("keywords_added", "keyword", "keywords"),
    ]
    .iter()
    .map(|(k, one, many)| (count(k), one, many))
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect()
}

/// A change number as a person types it ("12", "#12"), or why it is not one.
pub fn change_number(text: &str) -> std::result::Result<i64, String> {
    let t = text.trim();
    t.strip_prefix('#').unwrap_or(t).parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        format!("{t:?} is not a change number; expected the number of a change, as the history lists it (e.g. 812)")
    })
}

/// Whether a history entry's `note` marks it as copied from another copy's
/// history by `canon merge` ("from y.db", "…; from y.db"; the merge's own
/// changes are noted "merged from y.db").
pub fn copied(note: Option<&str>) -> bool {
    note.is_some_and(|n| n.starts_with("from ") || n.contains("; from "))
}

/// Reverts history entry `id`, when nothing later touched the same record;
/// the undo is itself recorded (noted "undo of #id"). Returns what it did.
pub fn undo(tx: &Transaction, id: i64, by: i64) -> Result<String> {
    use super::bundle;
    type Row = (String, String, Option<i64>, Option<String>, Option<String>, Option<String>);
    let row: Option<Row> = tx
        .query_row("SELECT action, entity, entity_id, before, after, note FROM history WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .optional()?;
    if let Some((action, entity, None, _, after, note)) = &row
        && entity == super::merge_run::MERGE
    {
        if action == "import" {
            let after = after.as_deref().and_then(|a| serde_json::from_str(a).ok()).unwrap_or(Value::Null);
            return super::merge_run::undo(tx, id, by, &after);
        }
        bail!(
            "change #{id} is the undo of a merge ({}); merge that copy again to bring its changes back",
            note.as_deref().unwrap_or_default()
        );
    }
    let Some((action, entity, Some(entity_id), before, after, row_note)) = row else {
        bail!("no change #{id} to undo; see `canon log`");
    };
    let parse = |s: Option<String>| -> Value { s.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null) };
    let (before, after) = (parse(before), parse(after));
    if copied(row_note.as_deref()) && !super::merge_run::merge_own(row_note.as_deref()) {
        let merge = match super::merge_run::merge_of(tx, id)? {
            Some(m) => format!("merge #{m} brought it here: `canon undo {m}` reverts that merge whole, or undo"),
            None => "a merge brought it here: undo".to_string(),
        };
        bail!(
            "change #{id} happened in another copy of the database ({}); {merge} the merge's own change to the \
             record (noted \"merged from …\"; see `canon log --all`)",
            row_note.as_deref().unwrap_or_default()
        );
    }
    if action == "import" {
        bail!(
            "change #{id} is a whole import; `canon undo {id}` on its own undoes the changes it made (see \
             `canon log --id {entity_id}`)"
        );
    }
    let theme = before.get("theme_id").or_else(|| after.get("theme_id")).and_then(Value::as_i64);
    let tag = matches!(entity.as_str(), "item_tag" | "reading_tag");
    // Anything later on the same record (for a tag: the same target and theme)? A later
    // change that was itself undone later cancels out with its undo, so changes can be
    // undone one after another, newest first.
    let mut st = tx.prepare(
        "SELECT h.id, h.action, h.at, c.name, h.before, h.after, h.note FROM history h
           LEFT JOIN contributor c ON c.id = h.by_id
          WHERE h.id > ?1 AND h.entity = ?2 AND h.entity_id = ?3 ORDER BY h.id",
    )?;
    type Later = (i64, String, String, Option<String>, Option<String>, Option<String>, Option<String>);
    let later: Vec<Later> = st
        .query_map(params![id, entity, entity_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let undo_of = |note: &Option<String>| -> Option<i64> { note.as_deref()?.strip_prefix("undo of #")?.parse().ok() };
    // Later changes still in effect: an undo takes the change it reverts out; an undo of
    // an undo is a change again.
    let mut live: Vec<&Later> = Vec::new();
    let mut undone_by: Option<i64> = None;
    for l in &later {
        let (lb, la) = (parse(l.4.clone()), parse(l.5.clone()));
        let ltheme = lb.get("theme_id").or_else(|| la.get("theme_id")).and_then(Value::as_i64);
        if tag && ltheme != theme {
            continue;
        }
        // A change copied from another copy's history by a merge happened
        // there; what it did here is the merge's own entry, so it never
        // blocks the undo of ours (tester r54 F7, r55: our removal, or the
        // merge's, could never be undone).
        if copied(l.6.as_deref()) {
            continue;
        }
        match undo_of(&l.6) {
            Some(x) if x == id => undone_by = Some(l.0),
            Some(x) if undone_by == Some(x) => undone_by = None,
            Some(x) if live.iter().any(|k| k.0 == x) => live.retain(|k| k.0 != x),
            _ => live.push(l),
        }
    }
    if let Some(u) = undone_by {
        bail!("change #{id} was already undone by #{u}; to redo it, undo #{u}");
    }
    if let Some((lid, laction, lat, lby, ..)) = live.first() {
        bail!(
            "cannot undo #{id}: change #{lid} ({laction} by {} at {lat}) touched the same {entity} later; \
             undo that one first",
            lby.as_deref().unwrap_or("(unknown)")
        );
    }
    // A decision on a conflict that changed no value: the conflict takes its resolution back.
    if entity == super::resolution::CONFLICT && action == "update" {
        return super::resolution::undo(tx, id, entity_id, &before, &after, by);
    }
    let t = bundle::table(&entity).ok_or_else(|| anyhow::anyhow!("a change to a {entity} cannot be undone"))?;
    let note = format!("undo of #{id}");
    let current = if tag {
        bundle::load_tag(tx, t, entity_id, theme.unwrap_or_default())?
    } else {
        bundle::load(tx, t, entity_id)?
    };
    match action.as_str() {
        "insert" if !tag => {
            if current.is_none() {
                bail!("the {entity} that #{id} added is already gone; nothing to undo");
            }
            // An add that was itself the undo of a removal takes the same records away again.
            let was_restore = row_note.as_deref().is_some_and(|n| n.starts_with("undo of #"));
            let r = super::edit::remove_for_undo(tx, by, &entity, entity_id, id, was_restore)?;
            Ok(if r.dependents.is_empty() {
                format!("removed the {entity} that #{id} added (change #{})", r.history_id.unwrap_or_default())
            } else {
                format!(
                    "removed the {entity} that #{id} added, with {} (change #{})",
                    r.describe(),
                    r.history_id.unwrap_or_default()
                )
            })
        }
        "insert" => {
            let Some(cur) = current else { bail!("the {entity} that #{id} added is already gone; nothing to undo") };
            let gone = cur.clone();
            record_noted(
                tx,
                Some(by),
                Action::Delete,
                &entity,
                Some(entity_id),
                Some(&Value::Object(gone)),
                None,
                None,
                Some(&note),
            )?;
            bundle::delete(tx, t, &cur)?;
            Ok(format!("removed the {entity} that #{id} added"))
        }
        "delete" => {
            if current.is_some() {
                bail!("the {entity} that #{id} removed is back already; nothing to undo");
            }
            let Value::Object(b) = before else { bail!("change #{id} kept no record of what it removed") };
            if !tag {
                return super::edit::restore(tx, by, &entity, &b, id);
            }
            let mut rec = b.clone();
            if tag {
                rec.entry("at").or_insert_with(|| Value::from(super::now()));
                rec.entry("source").or_insert_with(|| Value::from("manual"));
            } else {
                rec.entry("id").or_insert(Value::from(entity_id));
                rec.entry("at").or_insert_with(|| Value::from(super::now()));
            }
            bundle::insert(tx, t, &rec)?;
            if entity == "reading" {
                let mut st = tx.prepare_cached(
                    "INSERT INTO reading_tag (reading_id, theme_id, by_id, at, source) VALUES (?1, ?2, ?3, ?4, 'manual')
                     ON CONFLICT DO NOTHING",
                )?;
                for th in b.get("themes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_i64) {
                    st.execute(params![entity_id, th, by, super::now()])?;
                }
            }
            record_noted(
                tx,
                Some(by),
                Action::Insert,
                &entity,
                Some(entity_id),
                None,
                Some(&Value::Object(rec)),
                None,
                Some(&note),
            )?;
            Ok(format!("restored the {entity} that #{id} removed"))
        }
        _ => {
            let Some(cur) = current else { bail!("the {entity} that #{id} changed no longer exists") };
            let (Value::Object(b), Value::Object(a)) = (&before, &after) else {
                bail!("change #{id} kept no before and after to restore")
            };
            // An item's keywords live in their own table; an edit or an import records them as a list.
            let mut cur = cur;
            if entity == "item" && b.contains_key("keywords") {
                cur.insert("keywords".into(), Value::from(super::curriculum::item_keywords(tx, entity_id)?));
            }
            let mut new = cur.clone();
            let mut undone_before = serde_json::Map::new();
            // A field the change filled from empty is recorded in its after
            // alone (an import leaves empty values out of its before): its
            // before is empty (tester r33, #2: the undo of an import's merge
            // left the day, PMID and journal abbreviation it had set).
            let filled: Vec<(String, Value)> =
                a.keys().filter(|k| !b.contains_key(*k)).map(|k| (k.clone(), Value::Null)).collect();
            for (k, v) in b.iter().map(|(k, v)| (k.clone(), v.clone())).chain(filled) {
                let (k, v) = (&k, &v);
                if !cur.contains_key(k) {
                    continue;
                }
                if let Some(now) = cur.get(k)
                    && a.get(k).is_some_and(|after| !same_value(after, now))
                {
                    bail!("cannot undo #{id}: {entity} {entity_id}'s {k} is no longer what #{id} set");
                }
                // A value the undo leaves as it is (the import's whole
                // record, its `true` beside the row's 1) is no change of it
                // (tester r47, F2: the log showed "open_access: 1 → true").
                if same_value(&cur[k], v) {
                    continue;
                }
                undone_before.insert(k.clone(), cur[k].clone());
                new.insert(k.clone(), v.clone());
            }
            if new.contains_key("updated_at") {
                new.insert("updated_at".into(), Value::from(super::now()));
            }
            // A session moved back to a module that has gone since: say which change took it.
            if entity == "item"
                && let Some(module) = b.get("module_id").and_then(Value::as_i64)
            {
                let there = tx.prepare_cached("SELECT 1 FROM module WHERE id = ?1")?.exists([module])?;
                if !there {
                    let gone: Option<i64> = tx
                        .query_row(
                            "SELECT id FROM history WHERE entity = 'module' AND entity_id = ?1 AND action = 'delete'
                              ORDER BY id DESC LIMIT 1",
                            [module],
                            |r| r.get(0),
                        )
                        .optional()?;
                    match gone {
                        Some(g) => bail!(
                            "cannot undo #{id}: it puts item {entity_id} back in a module that change #{g} removed; \
                             undo #{g} first"
                        ),
                        None => {
                            bail!("cannot undo #{id}: the module it puts item {entity_id} back in no longer exists")
                        }
                    }
                }
            }
            let mut restored: serde_json::Map<String, Value> =
                undone_before.keys().map(|k| (k.clone(), new[k].clone())).collect();
            // A module moved to a programme the edit created: the programme
            // comes back for a redo, and goes when the undo leaves it empty.
            let created = super::edit::module::PROGRAMME_CREATED;
            let made = |m: &serde_json::Map<String, Value>| m.get(created).filter(|v| v.is_object()).cloned();
            let mut dropped = String::new();
            if entity == "module"
                && let Some(c) = made(b)
            {
                super::edit::module::recreate(tx, &c)?;
            }
            // The undo of a `resolve --take theirs` opens its conflict again,
            // to be settled anew (tester r54 F8: it stayed "resolved", and
            // could never be settled again); the undo of that undo settles
            // it again (tester r70: it stayed open). Before this undo's own
            // entry, so that a refusal names the decision that stands.
            let reopened = super::resolution::follow_undo(tx, id, by)?;
            bundle::update(tx, t, &cur, &new)?;
            if entity == "item"
                && let Some(Value::Array(words)) = new.get("keywords")
            {
                let words: Vec<String> = words.iter().filter_map(Value::as_str).map(String::from).collect();
                super::curriculum::set_item_keywords(tx, entity_id, &words)?;
            }
            if entity == "module" && (made(a).is_some() || made(b).is_some()) {
                if let Some(c) = made(a)
                    && super::edit::module::drop_if_empty(tx, c.get("id").and_then(Value::as_i64).unwrap_or_default())?
                {
                    dropped = format!(
                        "; programme {} removed again (no module is left in it)",
                        c.get("name").map(super::edit::show_value).unwrap_or_default()
                    );
                }
                undone_before.insert(created.into(), made(a).unwrap_or(Value::Null));
                restored.insert(created.into(), made(b).unwrap_or(Value::Null));
            }
            record_noted(
                tx,
                Some(by),
                Action::Update,
                &entity,
                Some(entity_id),
                Some(&Value::Object(undone_before)),
                Some(&Value::Object(restored)),
                None,
                Some(&note),
            )?;
            Ok(format!("restored {entity} {entity_id} as it was before #{id}{dropped}{reopened}"))
        }
    }
}

/// Whether a value a change set is the value stored now. SQLite keeps a yes/no as 1/0 while
/// history entries (older ones, and imports) may hold `true`/`false`: a boolean equals the
/// number 1 or 0 (issue 16b), so such changes stay undoable.
pub fn same_value(a: &Value, b: &Value) -> bool {
    let as_int = |v: &Value| match v {
        Value::Bool(x) => Some(i64::from(*x)),
        Value::Number(n) => n.as_i64(),
        _ => None,
    };
    match (a, b) {
        (Value::Bool(_), Value::Number(_)) | (Value::Number(_), Value::Bool(_)) => {
            as_int(a).is_some() && as_int(a) == as_int(b)
        }
        _ => a == b,
    }
}
