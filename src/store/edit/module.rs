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
    /// The programme's name; a new programme is added if there is none by that name.
    pub programme: &'a str,
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
    /// Move the module to this programme (by name; added if new).
    pub programme: Option<String>,
}

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

/// The programme called `name` (case ignored), added if there is none.
/// Returns its ID and whether it is new.
fn programme(tx: &Transaction, ids: &mut IdGen, name: &str) -> Result<(i64, bool)> {
    let name = required_text("programme", name)?;
    if let Some((id, _)) = crate::store::curriculum::find_programme(tx, &name)? {
        return Ok((id, false));
    }
    let id = ids.next_id();
    tx.execute(
        "INSERT INTO programme (id, name, created_at) VALUES (?1, ?2, ?3)",
        params![id, name, crate::store::now()],
    )?;
    Ok((id, true))
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
    let (prog, _) = programme(tx, ids, m.programme)?;
    clash(tx, prog, &code, None)?;
    let id = ids.next_id();
    let at = crate::store::now();
    tx.execute(
        "INSERT INTO module (id, programme_id, code, title, year, lead, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, prog, code, title, year, optional_text(m.lead), at],
    )?;
    record_insert(tx, by, "module", id, format!("{code} {title:?}"))
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
    if let Some(name) = &p.programme {
        let (prog, _) = programme(tx, ids, name)?;
        new.insert("programme_id".into(), Value::from(prog));
    }
    if new.get("code") != old.get("code") || new.get("programme_id") != old.get("programme_id") {
        clash(tx, int(&new, "programme_id").unwrap_or_default(), text(&new, "code"), Some(id))?;
    }
    let extra = [(
        "programme",
        Value::from(programme_name(tx, int(&old, "programme_id"))),
        Value::from(programme_name(tx, int(&new, "programme_id"))),
    )];
    let label = label(&new);
    update(tx, by, "module", &old, new, label, &extra)
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
