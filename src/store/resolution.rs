//! Decisions on conflicts, kept in the history (tester r70).
//!
//! `canon resolve C --take theirs` that writes their values is an update of
//! the record, noted "resolve conflict #C (theirs, from y.db)". A decision
//! that changes no value (`--take ours`, or theirs when the record already
//! holds their values) is an entry of its own: entity `conflict`, the
//! conflict's number, `{"resolution": null}` → `{"resolution": "ours"}`,
//! with the same note. Either way `canon undo` of the entry opens the
//! conflict again, the undo of that undo settles it again, and the undo of a
//! merge names the decision to undo first.
//!
//! Conflicts are each copy's own (their numbers are local), so a merge never
//! copies these entries to another copy.

use anyhow::{Result, bail};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use super::history::{self, Action};

/// The entity of a decision entry in the history.
pub const CONFLICT: &str = "conflict";

/// The note of a resolve's entry: "resolve conflict #3 (ours, from b.db)".
pub fn note(conflict: i64, take: &str, source: &str) -> String {
    format!("resolve conflict #{conflict} ({take}, from {source})")
}

/// The conflict and the side a resolve's note names, for a note this copy
/// wrote (a copied one, "…; from y.db", names another copy's conflict).
fn noted(note: &str) -> Option<(i64, String)> {
    if history::copied(Some(note)) {
        return None;
    }
    let rest = note.strip_prefix("resolve conflict #")?;
    let (n, rest) = rest.split_once(" (")?;
    let take = rest.split([',', ')']).next()?.trim();
    matches!(take, "ours" | "theirs").then(|| (n.parse().ok(), take.to_string())).and_then(|(n, t)| Some((n?, t)))
}

/// Records a decision on `conflict` that changed no value; returns the
/// history entry's ID.
pub fn record(tx: &Transaction, by: i64, conflict: i64, take: &str, source: &str) -> Result<i64> {
    history::record_noted(
        tx,
        Some(by),
        Action::Update,
        CONFLICT,
        Some(conflict),
        Some(&json!({ "resolution": Value::Null })),
        Some(&json!({ "resolution": take })),
        None,
        Some(&note(conflict, take, source)),
    )
}

/// The resolution now of the conflict a decision made at `decided` was on:
/// `None` when it is gone, `Some(None)` when it is open. A conflict found
/// after the decision is another one that took the same number (the undo
/// of a merge removes the conflicts it found, and numbers are reused).
fn state(tx: &Transaction, conflict: i64, decided: &str) -> Result<Option<Option<String>>> {
    Ok(tx
        .query_row(
            "SELECT resolution FROM conflict WHERE id = ?1 AND found_at <= ?2",
            params![conflict, decided],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?)
}

/// Sets the conflict's resolution (`None`: open) as contributor `by`.
fn set(tx: &Transaction, conflict: i64, resolution: Option<&str>, by: i64) -> Result<()> {
    match resolution {
        None => tx.execute(
            "UPDATE conflict SET resolution = NULL, resolved_at = NULL, resolved_by = NULL WHERE id = ?1",
            [conflict],
        )?,
        Some(r) => tx.execute(
            "UPDATE conflict SET resolution = ?2, resolved_at = ?3, resolved_by = ?4 WHERE id = ?1",
            params![conflict, r, super::now(), by],
        )?,
    };
    Ok(())
}

/// "; conflict #3 is open again (…)" or "; conflict #3 is settled again (ours)".
fn said(conflict: i64, resolution: Option<&str>) -> String {
    match resolution {
        None => format!("; conflict #{conflict} is open again (`canon resolve` lists it)"),
        Some(r) => format!("; conflict #{conflict} is settled again ({r})"),
    }
}

/// Why the conflict cannot take the state an undo would give it: it was
/// settled otherwise since. Names the change to undo first.
fn settled_since(tx: &Transaction, id: i64, conflict: i64, now: &str) -> Result<String> {
    let by = match standing(tx, conflict)? {
        Some(d) => format!("; undo #{d} first"),
        None => String::new(),
    };
    Ok(format!("cannot undo #{id}: conflict #{conflict} was settled since ({now}){by}"))
}

/// Undoes decision entry `id` (entity [`CONFLICT`]; `before` and `after`
/// its values) as contributor `by`: the conflict takes the resolution it
/// had before, recorded as an entry of its own noted "undo of #id".
pub fn undo(tx: &Transaction, id: i64, conflict: i64, before: &Value, after: &Value, by: i64) -> Result<String> {
    let want = |v: &Value| v.get("resolution").and_then(Value::as_str).map(String::from);
    let (was, set_to) = (want(after), want(before));
    let decided = match origin(tx, id)? {
        Some(o) => o.at,
        None => bail!("change #{id} names no decision on a conflict; nothing to undo"),
    };
    let Some(now) = state(tx, conflict, &decided)? else {
        bail!(
            "cannot undo #{id}: conflict #{conflict} is gone (the merge that found it was undone); nothing was undone"
        );
    };
    if now != was {
        return Err(match &now {
            Some(n) => anyhow::anyhow!(settled_since(tx, id, conflict, n)?),
            None => {
                anyhow::anyhow!("cannot undo #{id}: conflict #{conflict} is open now, not settled as #{id} left it")
            }
        });
    }
    set(tx, conflict, set_to.as_deref(), by)?;
    let change = history::record_noted(
        tx,
        Some(by),
        Action::Update,
        CONFLICT,
        Some(conflict),
        Some(&json!({ "resolution": was })),
        Some(&json!({ "resolution": set_to })),
        None,
        Some(&format!("undo of #{id}")),
    )?;
    Ok(match set_to.as_deref() {
        None => {
            format!("reopened conflict #{conflict}, which #{id} settled (change #{change}); `canon resolve` lists it")
        }
        Some(r) => format!("settled conflict #{conflict} again ({r}), which #{id} had reopened (change #{change})"),
    })
}

/// The resolve a chain of undos leads back to from a history entry.
struct Origin {
    conflict: i64,
    take: String,
    /// How many undos away: 0 for the resolve itself, 1 for its undo, 2
    /// for the undo of that undo (a redo)…
    depth: usize,
    /// When the resolve was made.
    at: String,
}

/// The resolve entry `id` is, or undoes through a chain of undos.
fn origin(tx: &Transaction, id: i64) -> Result<Option<Origin>> {
    let mut entry = id;
    for depth in 0..10_000 {
        let row: Option<(Option<String>, String)> = tx
            .query_row("SELECT note, at FROM history WHERE id = ?1", [entry], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((Some(note), at)) = row else { return Ok(None) };
        if let Some((conflict, take)) = noted(&note) {
            return Ok(Some(Origin { conflict, take, depth, at }));
        }
        match note.strip_prefix("undo of #").and_then(|n| n.parse().ok()) {
            Some(x) if !history::copied(Some(&note)) => entry = x,
            _ => return Ok(None),
        }
    }
    Ok(None)
}

/// What the undo of entry `id` (a record's change, just reverted) does to
/// the conflict a resolve settled, when `id` is that resolve or an undo in
/// its chain: the resolve itself, or a redo of it, goes out of effect and
/// the conflict opens again; an undo of it is taken back and the conflict
/// is settled again (tester r70: a redo left it listed as open). Returns
/// what it did, to add to the undo's sentence; an error when the conflict
/// was settled otherwise since, naming the change to undo first.
pub fn follow_undo(tx: &Transaction, id: i64, by: i64) -> Result<String> {
    let Some(Origin { conflict, take, depth, at }) = origin(tx, id)? else { return Ok(String::new()) };
    let Some(now) = state(tx, conflict, &at)? else {
        // Putting a decision back on a conflict that is gone would be a decision on nothing.
        if depth % 2 == 1 {
            bail!(
                "cannot undo #{id}: it would put back a decision on conflict #{conflict}, which is gone (the merge \
                 that found it was undone); nothing was undone"
            );
        }
        return Ok(format!("; conflict #{conflict} is gone (the merge that found it was undone)"));
    };
    if depth % 2 == 0 {
        set(tx, conflict, None, by)?;
        return Ok(said(conflict, None));
    }
    if let Some(n) = now {
        bail!(settled_since(tx, id, conflict, &n)?);
    }
    set(tx, conflict, Some(&take), by)?;
    Ok(said(conflict, Some(&take)))
}

/// The history entry that settled `conflict` as it stands (a resolve, or an
/// undo that put one back), when the history holds one: what to undo to
/// open it again.
pub fn standing(tx: &Transaction, conflict: i64) -> Result<Option<i64>> {
    let mut ids: Vec<i64> = tx
        .prepare(
            "SELECT id FROM history
              WHERE (entity = 'conflict' AND entity_id = ?1) OR note LIKE 'resolve conflict #' || ?1 || ' (%'
              ORDER BY id",
        )?
        .query_map([conflict], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Decisions on this conflict, not on an earlier one that had its number.
    let found: Option<String> =
        tx.query_row("SELECT found_at FROM conflict WHERE id = ?1", [conflict], |r| r.get(0)).optional()?;
    let Some(found) = found else { return Ok(None) };
    ids.retain(|&h| origin(tx, h).ok().flatten().is_some_and(|o| o.conflict == conflict && o.at >= found));
    // The undos of those, and theirs, in turn.
    let mut st = tx.prepare("SELECT id FROM history WHERE note = 'undo of #' || ?1")?;
    let mut i = 0;
    while i < ids.len() {
        let more: Vec<i64> = st.query_map([ids[i]], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        for m in more {
            if !ids.contains(&m) {
                ids.push(m);
            }
        }
        i += 1;
    }
    Ok(ids.into_iter().max())
}

#[cfg(test)]
mod tests {
    use super::noted;

    #[test]
    fn a_resolve_note_names_its_conflict_and_side() {
        assert_eq!(noted("resolve conflict #3 (ours, from b.db)"), Some((3, "ours".into())));
        assert_eq!(noted("resolve conflict #12 (theirs, from a, b.db)"), Some((12, "theirs".into())));
        assert_eq!(noted("resolve conflict #3 (theirs, from b.db); from c.db"), None, "another copy's conflict");
        assert_eq!(noted("undo of #3"), None);
    }
}
