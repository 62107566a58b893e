//! What the add / edit / remove / show commands share: reading flag values
//! (an empty value clears a field), resolving references to modules and
//! items within a programme, running one write as a named contributor, and
//! telling the user what changed and how to undo it.

use anyhow::{Context, Result, bail};
use rusqlite::Transaction;

use super::Ctx;
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit};
use crate::store::edit::{Added, Edited, Removal};
use crate::store::{IdGen, Store, curriculum, history, id_gen};

/// A flag of an optional field: absent leaves it, `""` clears it, else sets it.
pub fn clearable(v: &Option<String>) -> Option<Option<String>> {
    v.as_ref().map(|s| if s.trim().is_empty() { None } else { Some(s.clone()) })
}

/// `--year N` (or `""` to clear).
pub fn year(v: &Option<String>, flag: &str) -> Result<Option<Option<i64>>> {
    match clearable(v) {
        None => Ok(None),
        Some(None) => Ok(Some(None)),
        Some(Some(s)) => {
            let y =
                s.trim().parse::<i64>().with_context(|| format!("{flag} {s:?} is not a number; expected e.g. 2"))?;
            Ok(Some(Some(y)))
        }
    }
}

/// A year of study from the command line (`--year 2`, `--year "Year 2"`,
/// `--year "Phase III"`…), read by the same rule as a module list's year
/// column ([`crate::import::modules::study_year`]): a clap value parser.
pub fn study_year_arg(s: &str) -> std::result::Result<i64, String> {
    crate::import::modules::study_year(s)
}

/// `--year` of a module (a year of study in any form a module list may
/// write it), or `""` to clear it.
pub fn study_year(v: &Option<String>, flag: &str) -> Result<Option<Option<i64>>> {
    match clearable(v) {
        None => Ok(None),
        Some(None) => Ok(Some(None)),
        Some(Some(s)) => Ok(Some(Some(study_year_arg(&s).map_err(|e| anyhow::anyhow!("{flag}: {e}"))?))),
    }
}

/// `yes`/`no` (also true/false, 1/0, y/n), or `""` to clear.
pub fn yes_no(v: &Option<String>, flag: &str) -> Result<Option<Option<bool>>> {
    match clearable(v) {
        None => Ok(None),
        Some(None) => Ok(Some(None)),
        Some(Some(s)) => match s.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Ok(Some(Some(true))),
            "no" | "n" | "false" | "0" => Ok(Some(Some(false))),
            _ => bail!("{flag} {s:?} is not yes or no; expected yes, no, or \"\" to clear it"),
        },
    }
}

/// The programme `--programme` names, as stored; an unknown one is an
/// error listing those there are.
pub fn programme(store: &Store, name: &Option<String>) -> Result<Option<String>> {
    let Some(name) = name else { return Ok(None) };
    match curriculum::find_programme(&store.conn, name)? {
        Some((_, stored)) => Ok(Some(stored)),
        None => {
            let known = curriculum::programme_names(&store.conn)?;
            if known.is_empty() {
                bail!("no programme {name:?}: there are no programmes yet; import a module list first");
            }
            bail!(
                "no programme {name:?}; expected one of {}",
                known.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ")
            )
        }
    }
}

/// The module a code or ID names (within the programme, if given).
pub fn module(store: &Store, reference: &str, programme: Option<&str>) -> Result<i64> {
    curriculum::find_module(&store.conn, reference, programme)?.with_context(|| match programme {
        Some(p) => format!("no module {reference:?} in programme {p:?}; see `canon module list --programme {p:?}`"),
        None => format!("no module {reference:?}; expected a module code or ID (see `canon module list`)"),
    })
}

/// The item an ID or `CODE/Session title` names (within the programme, if given).
pub fn item(store: &Store, reference: &str, programme: Option<&str>) -> Result<i64> {
    curriculum::find_item(&store.conn, reference, programme)?.with_context(|| {
        let scope = programme.map(|p| format!(" in programme {p:?}")).unwrap_or_default();
        format!(
            "no item {reference:?}{scope}; expected an item ID or `CODE/Session title` (see `canon item list --module CODE`)"
        )
    })
}

/// Runs `f` in one write transaction as the contributor `--by` names
/// (added on first use), and commits.
pub fn write<T>(store: &mut Store, by: &By, f: impl FnOnce(&Transaction, &mut IdGen, i64) -> Result<T>) -> Result<T> {
    let name = super::contributor::required(by)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let who = history::contributor(&tx, &mut ids, name)?;
    let out = f(&tx, &mut ids, who)?;
    tx.commit()?;
    Ok(out)
}

/// Writes one line to stdout; a closed pipe comes back as an error (which `main` treats as success).
pub fn line(text: impl std::fmt::Display) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

/// Says what an add made; prints its ID on stdout.
pub fn added(ctx: &Ctx, a: &Added) -> Result<()> {
    ctx.note(format_args!("added {} {} (ID {}; change #{})", a.entity, a.label, a.id, a.history_id));
    line(a.id)
}

/// Says what an edit changed and how to undo it; prints the change's ID on stdout.
pub fn edited(ctx: &Ctx, e: &Edited) -> Result<()> {
    match e.history_id {
        None => ctx.note(format_args!("{} {} already is so; nothing changed", e.entity, e.label)),
        Some(h) => {
            ctx.note(format_args!(
                "changed {} {}: {} (change #{h}; `canon undo {h}` reverts it)",
                e.entity,
                e.label,
                e.describe()
            ));
            line(h)?;
        }
    }
    Ok(())
}

/// Says what a removal took and how to bring it back; prints the change's
/// ID on stdout. For a dry run (no history entry) says what would go.
pub fn removed(ctx: &Ctx, r: &Removal) -> Result<()> {
    match r.history_id {
        None => {
            let force = if r.needs_force() { "; it needs --force" } else { "" };
            ctx.note(format_args!(
                "would remove {} {} with {}{force}; nothing written (dry run)",
                r.entity,
                r.label,
                r.describe()
            ))
        }
        Some(h) => {
            let with = if r.dependents.is_empty() { String::new() } else { format!(" with {}", r.describe()) };
            ctx.note(format_args!(
                "removed {} {}{with} (change #{h}; `canon undo {h}` brings it back)",
                r.entity, r.label
            ));
            line(h)?;
        }
    }
    Ok(())
}

/// Prints one record as a card: `field  value` lines in a table, the
/// same pairs as CSV, or `json` as JSON.
pub fn card<T: serde::Serialize>(ctx: &Ctx, format: Format, rows: Vec<[String; 2]>, json: &T) -> Result<()> {
    match format {
        Format::Json => line(serde_json::to_string_pretty(json)?),
        Format::Csv => {
            let out = Output { format: Some(Format::Csv), output: None, limit: 0 };
            let mut l = Listing::new(&["field", "value"]).with_ids(&["id"]);
            l.rows = rows.into_iter().map(|r| r.to_vec()).collect();
            emit(&out, &l, json, "", ctx.quiet)
        }
        Format::Table => {
            let width = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0).max(8);
            let mut text = String::new();
            for [k, v] in rows {
                let mut lines = v.lines();
                text.push_str(&format!("{k:<width$}  {}\n", lines.next().unwrap_or("")));
                for more in lines {
                    text.push_str(&format!("{:<width$}  {more}\n", ""));
                }
            }
            use std::io::Write;
            std::io::stdout().lock().write_all(crate::output::terminal(&text).as_bytes())?;
            Ok(())
        }
    }
}

/// History lines for a card: `at  action by NAME: change`.
pub fn history_rows(entries: &[history::Entry]) -> Vec<[String; 2]> {
    entries
        .iter()
        .map(|e| {
            let what = super::log::summary(e.before.as_ref(), e.after.as_ref());
            let note = e.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            [
                "history".into(),
                format!(
                    "#{} {} {} by {}{note}{}",
                    e.id,
                    e.at.get(..16).unwrap_or(&e.at),
                    e.action,
                    e.by.as_deref().unwrap_or("(unknown)"),
                    if what.is_empty() { String::new() } else { format!(": {what}") }
                ),
            ]
        })
        .collect()
}
