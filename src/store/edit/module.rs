//! Modules: add one by hand, edit any field (code, title, year, lead,
//! programme), remove one with its sessions, their tags and links.

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::{
    Added, Cascade, Edited, Removal, ids, int, item_ref, load, optional_text, reading_title, record_insert,
    required_text, rows, text, theme_slug, update,
};
use crate::store::IdGen;

/// What `module add` takes.
#[derive(Debug, Clone)]
pub struct NewModule<'a> {
    /// The programme's name (case ignored). One the database does not hold
    /// is added only with `new_programme`, or when there is no programme yet.
    pub programme: &'a str,
    /// Add the programme when the database has none by that name.
    pub new_programme: bool,
    pub code: &'a str,
    pub title: &'a str,
    /// Year of study or phase, 1 to 10.
    pub year: Option<i64>,
    /// The module lead, as they are named.
    pub lead: Option<&'a str>,
}

/// The fields `module edit` changes. `None` leaves a field as it is; for
/// the optional fields, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ModulePatch {
    pub code: Option<String>,
    pub title: Option<String>,
    pub year: Option<Option<i64>>,
    pub lead: Option<Option<String>>,
    /// Move the module to this programme (by name, case ignored).
    pub programme: Option<String>,
    /// Add the programme to move to when the database has none by that name
    /// (else an unknown name is an error listing the known ones).
    pub new_programme: bool,
}

/// The key of a history entry that records the programme an add or edit
/// created on the way (`{"id", "name", "created_at"}`): `undo` removes that
/// programme again once no module is in it, and a redo brings it back.
pub const PROGRAMME_CREATED: &str = "programme_created";

/// A module code: trimmed, not empty, without `/` (which separates a code
/// from a session title in `CODE/Session title`).
pub fn check_code(code: &str) -> Result<String> {
    let c = code.trim();
    if c.is_empty() {
        bail!("module code is empty; expected a code such as MED2002");
    }
    if c.contains('/') {
        bail!(
            "module code {c:?} contains '/', which separates code and session in `CODE/Session title`; choose a code without it"
        );
    }
    Ok(c.to_string())
}

/// A year of study or phase: 1 to 10 (the schema's rule).
pub fn check_year(year: i64) -> Result<i64> {
    if !(1..=10).contains(&year) {
        bail!("year {year} is out of range; expected a year of study or phase from 1 to 10");
    }
    Ok(year)
}

/// The programme called `name` (case ignored). One the database does not
/// hold is added when `create` is set or there is no programme at all;
/// otherwise it is an error listing the programmes (a typo must not make a
/// new one). Returns its ID and, when it was added, the record (for the
/// history entry: see [`PROGRAMME_CREATED`]).
fn programme(tx: &Transaction, ids: &mut IdGen, name: &str, create: bool) -> Result<(i64, Option<Value>)> {
    let name = required_text("programme", name)?;
    if let Some((id, _)) = crate::store::curriculum::find_programme(tx, &name)? {
        return Ok((id, None));
    }
    let known = crate::store::curriculum::programme_names(tx)?;
    if !create && !known.is_empty() {
        bail!(
            "no programme is called {name:?}; the programmes are {}. To add a new programme \
             {name:?}, pass --new-programme",
            known.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ")
        );
    }
    let id = ids.next_id();
    let at = crate::store::now();
    tx.execute("INSERT INTO programme (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, at])?;
    Ok((id, Some(serde_json::json!({ "id": id, "name": name, "created_at": at }))))
}

/// Removes programme `id` when no module is in it; returns whether it went.
pub(crate) fn drop_if_empty(tx: &Transaction, id: i64) -> Result<bool> {
    let used = tx.prepare_cached("SELECT 1 FROM module WHERE programme_id = ?1")?.exists([id])?;
    if used {
        return Ok(false);
    }
    Ok(tx.execute("DELETE FROM programme WHERE id = ?1", [id])? == 1)
}

/// Adds again a programme a history entry recorded as created (see
/// [`PROGRAMME_CREATED`]), when it is gone: for a redo.
pub(crate) fn recreate(tx: &Transaction, created: &Value) -> Result<()> {
    let (Some(id), Some(name)) =
        (created.get("id").and_then(Value::as_i64), created.get("name").and_then(Value::as_str))
    else {
        return Ok(());
    };
    if crate::store::curriculum::find_programme(tx, name)?.is_some_and(|(other, _)| other != id) {
        bail!("a programme called {name:?} exists again with another ID; move the module there with `module edit`");
    }
    let at = created.get("created_at").and_then(Value::as_str).map_or_else(crate::store::now, String::from);
    tx.execute(
        "INSERT INTO programme (id, name, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![id, name, at],
    )?;
    Ok(())
}

fn programme_name(conn: &Connection, id: Option<i64>) -> String {
    id.and_then(|id| conn.query_row("SELECT name FROM programme WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok())
        .unwrap_or_default()
}

fn label(m: &serde_json::Map<String, Value>) -> String {
    format!("{} {:?}", text(m, "code"), text(m, "title"))
}

fn clash(tx: &Transaction, programme_id: i64, code: &str, id: Option<i64>) -> Result<()> {
    let other: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, title FROM module WHERE programme_id = ?1 AND code = ?2 AND id IS NOT ?3",
            params![programme_id, code, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((oid, title)) = other {
        bail!(
            "programme {:?} already has a module {code} ({title:?}, ID {oid}); expected a code used once per programme",
            programme_name(tx, Some(programme_id))
        );
    }
    Ok(())
}

/// Adds a module. Refuses a code the programme already uses.
pub fn add(tx: &Transaction, ids: &mut IdGen, by: i64, m: &NewModule) -> Result<Added> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Name, "programme", Some(m.programme)),
        (crate::limits::Kind::Code, "module code", Some(m.code)),
        (crate::limits::Kind::Title, "module title", Some(m.title)),
        (crate::limits::Kind::Name, "module lead", m.lead),
    ])?;
    let code = check_code(m.code)?;
    let title = required_text("module title", m.title)?;
    let year = m.year.map(check_year).transpose()?;
    let (prog, created) = programme(tx, ids, m.programme, m.new_programme)?;
    clash(tx, prog, &code, None)?;
    let id = ids.next_id();
    let at = crate::store::now();
    tx.execute(
        "INSERT INTO module (id, programme_id, code, title, year, lead, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, prog, code, title, year, optional_text(m.lead), at],
    )?;
    let label = format!("{code} {title:?}");
    let Some(created) = created else { return record_insert(tx, by, "module", id, label) };
    let mut rec = load(tx, "module", id)?;
    rec.insert(PROGRAMME_CREATED.into(), created);
    let history_id = crate::store::history::record_noted(
        tx,
        Some(by),
        crate::store::history::Action::Insert,
        "module",
        Some(id),
        None,
        Some(&Value::Object(rec)),
        None,
        None,
    )?;
    Ok(Added { entity: "module", id, label, history_id })
}

/// Changes the fields of module `id` that `p` sets, as one history entry.
pub fn edit(tx: &Transaction, ids: &mut IdGen, by: i64, id: i64, p: &ModulePatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Name, "programme", p.programme.as_deref()),
        (crate::limits::Kind::Code, "module code", p.code.as_deref()),
        (crate::limits::Kind::Title, "module title", p.title.as_deref()),
        (crate::limits::Kind::Name, "module lead", p.lead.as_ref().and_then(|l| l.as_deref())),
    ])?;
    let old = load(tx, "module", id)?;
    let mut new = old.clone();
    if let Some(c) = &p.code {
        new.insert("code".into(), Value::from(check_code(c)?));
    }
    if let Some(t) = &p.title {
        new.insert("title".into(), Value::from(required_text("module title", t)?));
    }
    if let Some(y) = p.year {
        new.insert("year".into(), y.map(check_year).transpose()?.map_or(Value::Null, Value::from));
    }
    if let Some(l) = &p.lead {
        new.insert("lead".into(), optional_text(l.as_deref()).map_or(Value::Null, Value::from));
    }
    let mut created = None;
    if let Some(name) = &p.programme {
        let (prog, c) = programme(tx, ids, name, p.new_programme)?;
        new.insert("programme_id".into(), Value::from(prog));
        created = c;
    }
    if new.get("code") != old.get("code") || new.get("programme_id") != old.get("programme_id") {
        clash(tx, int(&new, "programme_id").unwrap_or_default(), text(&new, "code"), Some(id))?;
    }
    let extra = [
        (
            "programme",
            Value::from(programme_name(tx, int(&old, "programme_id"))),
            Value::from(programme_name(tx, int(&new, "programme_id"))),
        ),
        (PROGRAMME_CREATED, Value::Null, created.unwrap_or(Value::Null)),
    ];
    let label = label(&new);
    let mut e = update(tx, by, "module", &old, new, label, &extra)?;
    // People know a programme by its name, not its ID.
    for c in &mut e.changes {
        if c.field == "programme_id" {
            c.field = "programme".into();
            c.before = extra[0].1.clone();
            c.after = extra[0].2.clone();
        }
    }
    Ok(e)
}

/// What removing module `id` would take: its sessions, their tags, and the
/// readings linked to them or to the module.
pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "module", id)?;
    let code = text(&root, "code").to_string();
    let mut c = Cascade::new("module", root.clone(), label(&root));
    let items = rows(conn, "item", "WHERE module_id = ?1", id)?;
    c.with("item", items, "sessions", |r| format!("{code}/{}", text(r, "title")), true);
    let tags = rows(conn, "item_tag", "WHERE item_id IN (SELECT id FROM item WHERE module_id = ?1)", id)?;
    c.with("item_tag", tags, "theme tags on them", |r| theme_slug(conn, int(r, "theme_id")), false);
    let links =
        rows(conn, "link", "WHERE module_id = ?1 OR item_id IN (SELECT id FROM item WHERE module_id = ?1)", id)?;
    c.with(
        "link",
        links,
        "reading links",
        |r| {
            let to = if int(r, "item_id").is_some() { item_ref(conn, int(r, "item_id")) } else { code.clone() };
            format!("{:?} → {to}", reading_title(conn, int(r, "reading_id")))
        },
        true,
    );
    c.others(conn, "module", id)?;
    for item in ids(conn, "SELECT id FROM item WHERE module_id = ?1 ORDER BY id", id)?.iter().filter_map(Value::as_i64)
    {
        c.others(conn, "item", item)?;
    }
    Ok(c)
}

/// What removing module `id` would take, without removing it.
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes module `id` with its sessions, their tags and links, as one
/// history entry. A module with sessions or links needs `force`
/// (else [`super::NeedsForce`], nothing written).
pub fn remove(tx: &Transaction, by: i64, id: i64, force: bool) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, force, None)
}

/// Removes module `id` as [`remove`] does with `force` (its sessions, tags
/// and links go with it, as the other copy's removal took them), its
/// history entry noted `note`: a merge applying the other copy's removal.
pub fn remove_noted(tx: &Transaction, by: i64, id: i64, note: &str) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, true, Some(note))
}
