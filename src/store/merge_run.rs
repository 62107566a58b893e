//! A merge as one change in the history (tester r65 F3, F7).
//!
//! A merge writes, in its one transaction and so in one run of history
//! IDs: the entries it copies from the other copy's history (their
//! authors' changes, kept as they made them, noted "from y.db"), its own
//! entries (what it wrote into this copy, record by record, noted "merged
//! from y.db": bookkeeping, listed by `canon log --all`), and last its one
//! entry: action `import`, entity [`MERGE`], whose `after` says what was
//! merged, from which history ID its entries start, and what it wrote
//! that has no entry of its own (conflicts, item keywords, reviews, import
//! runs). `canon undo` of that entry reverts the whole merge: its own
//! entries are undone newest first (refused, nothing undone, when a later
//! change touched the same record), what it copied is taken back, and
//! one entry (`delete` of the merge, noted "undo of #N") keeps every entry
//! it took back in its `before`. The copy is then as before the merge, and
//! merging the same copy again brings the same changes in again.

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use super::history::{self, Action};

/// The entity of a merge's own entry in the history.
pub const MERGE: &str = "merge";

/// Whether a history entry's `note` marks it as a merge's own write ("merged
/// from y.db"): bookkeeping of what a merge changed here, never copied to
/// another copy (the change it applied travels as its author made it).
pub fn merge_own(note: Option<&str>) -> bool {
    note.is_some_and(|n| n.starts_with("merged from "))
}

/// What a merge wrote that has no history entry of its own, kept in its
/// entry so that its undo takes it back.
#[derive(Debug, Default)]
pub struct Untracked {
    /// Conflicts it found (new ones; one it met again is not its own).
    pub opened: Vec<i64>,
    /// Open conflicts it closed because both copies agreed.
    pub settled: Vec<i64>,
    /// Item keywords it added: (item ID, keyword).
    pub keywords: Vec<(i64, String)>,
    /// Reviews and import runs it added: (table, ID).
    pub records: Vec<(&'static str, i64)>,
}

impl Untracked {
    fn is_empty(&self) -> bool {
        self.opened.is_empty() && self.settled.is_empty() && self.keywords.is_empty() && self.records.is_empty()
    }
}

/// The first history ID a merge starting now will write.
pub fn start(tx: &Transaction) -> Result<i64> {
    Ok(tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM history", [], |r| r.get(0))?)
}

/// Records the merge's one entry, when it wrote anything since history ID
/// `first`; returns its ID, the change number `canon undo` takes.
pub fn record(
    tx: &Transaction,
    by: i64,
    source: &str,
    first: i64,
    counts: &super::merge::Summary,
    untracked: &Untracked,
) -> Result<Option<i64>> {
    let wrote: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM history WHERE id >= ?1)", [first], |r| r.get(0))?;
    if !wrote && untracked.is_empty() {
        return Ok(None);
    }
    let after = json!({
        "source": source,
        "first": first,
        "added": counts.added,
        "updated": counts.updated,
        "removed": counts.removed,
        "conflicts": counts.conflicts,
        "history_copied": counts.history_copied,
        "conflicts_opened": untracked.opened,
        "conflicts_settled": untracked.settled,
        "keywords_added": untracked.keywords.iter().map(|(i, k)| json!([i, k])).collect::<Vec<_>>(),
        "records_added": untracked.records.iter().map(|(t, i)| json!([t, i])).collect::<Vec<_>>(),
    });
    let note = format!("merge of {source}");
    Ok(Some(history::record_noted(tx, Some(by), Action::Import, MERGE, None, None, Some(&after), None, Some(&note))?))
}

/// The merge whose entries include history entry `id` (copied or its own):
/// the merge's entry ID.
pub fn merge_of(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM history WHERE entity = 'merge' AND action = 'import' AND id > ?1
                AND json_extract(after, '$.first') <= ?1 ORDER BY id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// A change as people credit it: its number, who made it, when.
#[derive(Debug, Clone)]
pub struct Credit {
    pub change: i64,
    pub by: String,
    pub at: String,
}

/// Who made the change that history entry `id` records. A merge's own
/// write (noted "merged from …") applied a change made in another copy: when
/// this copy's history holds that change (copied, by that merge or before:
/// the same record, action and, for a tag, theme), that is the change, with its author
/// and time (tester r65 F7: warnings named whoever ran the merge). Else the
/// entry itself.
pub fn credit(conn: &Connection, id: i64) -> Result<Option<Credit>> {
    let original = conn
        .prepare_cached(
            "SELECT o.id, coalesce(c.name, '(unknown)'), o.at
               FROM history m
               JOIN history o ON o.id <> m.id AND o.entity = m.entity AND o.entity_id IS m.entity_id
                              AND o.action = m.action
                              AND o.id < coalesce((SELECT min(e.id) FROM history e
                                                    WHERE e.entity = 'merge' AND e.action = 'import' AND e.id > m.id),
                                                  m.id)
               LEFT JOIN contributor c ON c.id = o.by_id
              WHERE m.id = ?1 AND m.note LIKE 'merged from %'
                AND (o.note LIKE 'from %' OR o.note LIKE '%; from %') AND o.note NOT LIKE 'merged from %'
                AND (m.entity NOT IN ('item_tag', 'reading_tag')
                     OR json_extract(coalesce(o.before, o.after), '$.theme_id')
                        = json_extract(coalesce(m.before, m.after), '$.theme_id'))
              ORDER BY o.id DESC LIMIT 1",
        )?
        .query_row([id], |r| Ok(Credit { change: r.get(0)?, by: r.get(1)?, at: r.get(2)? }))
        .optional()?;
    if original.is_some() {
        return Ok(original);
    }
    Ok(conn
        .prepare_cached(
            "SELECT h.id, coalesce(c.name, '(unknown)'), h.at FROM history h LEFT JOIN contributor c ON c.id = h.by_id
              WHERE h.id = ?1",
        )?
        .query_row([id], |r| Ok(Credit { change: r.get(0)?, by: r.get(1)?, at: r.get(2)? }))
        .optional()?)
}

/// One history row, every column, as JSON: what the undo of a merge keeps
/// of an entry it takes back.
fn row(conn: &Connection, id: i64) -> Result<Value> {
    let text: String = conn.query_row(
        "SELECT json_object('id', id, 'at', at, 'by_id', by_id, 'action', action, 'entity', entity,
                'entity_id', entity_id, 'before', before, 'after', after, 'import_id', import_id, 'note', note)
           FROM history WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(serde_json::from_str(&text)?)
}

/// Reverts merge `id` (its entry's `after` is `after`) whole, as
/// contributor `by`; see the module's description. Returns what it did.
pub fn undo(tx: &Transaction, id: i64, by: i64, after: &Value) -> Result<String> {
    let source = after.get("source").and_then(Value::as_str).unwrap_or("another copy").to_string();
    let Some(first) = after.get("first").and_then(Value::as_i64) else {
        bail!(
            "change #{id} is a merge that kept no record of its entries; undo its changes one by one (`canon log --all`)"
        )
    };
    let undone: Option<i64> = tx
        .query_row("SELECT id FROM history WHERE entity = 'merge' AND note = ?1", [format!("undo of #{id}")], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(u) = undone {
        bail!("merge #{id} was already undone by #{u}; merge {source} again to bring its changes back");
    }
    let ids = |k: &str| -> Vec<i64> {
        after.get(k).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_i64).collect()
    };
    // A conflict it found that someone settled since is a later decision on the same record.
    for c in ids("conflicts_opened") {
        let settled: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT resolution, (SELECT name FROM contributor WHERE id = resolved_by) FROM conflict
                  WHERE id = ?1 AND resolution IS NOT NULL",
                [c],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((how, who)) = settled {
            bail!(
                "cannot undo merge #{id}: conflict #{c}, which it found, was settled since ({how}, by {}); the \
                 merge's changes and that decision go together, so nothing was undone. {}",
                who.as_deref().unwrap_or("(unknown)"),
                undo_first(tx, id, c)?
            );
        }
    }
    let entries: Vec<(i64, Option<String>)> = tx
        .prepare("SELECT id, note FROM history WHERE id >= ?1 AND id < ?2 ORDER BY id")?
        .query_map(params![first, id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let kept: Vec<Value> = entries.iter().map(|(e, _)| row(tx, *e)).collect::<Result<_>>()?;
    let (copied, own): (Vec<i64>, Vec<i64>) = entries
        .iter()
        .map(|(e, n)| (*e, history::copied(n.as_deref()) && !merge_own(n.as_deref())))
        .fold((Vec::new(), Vec::new()), |(mut c, mut o), (e, is_copied)| {
            if is_copied {
                c.push(e)
            } else {
                o.push(e)
            }
            (c, o)
        });
    // What it copied goes first: those entries credit contributors the merge may have added.
    let mut st = tx.prepare_cached("DELETE FROM history WHERE id = ?1")?;
    for e in &copied {
        st.execute([e])?;
    }
    // What it added with no entry of its own: before the records it belongs to go.
    for v in after.get("records_added").and_then(Value::as_array).into_iter().flatten() {
        if let (Some(table), Some(rid)) = (v.get(0).and_then(Value::as_str), v.get(1).and_then(Value::as_i64)) {
            match table {
                "review" => tx.execute("DELETE FROM review WHERE id = ?1", [rid])?,
                "import_run" => tx.execute(
                    "DELETE FROM import_run WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM history WHERE import_id = ?1)",
                    [rid],
                )?,
                _ => 0,
            };
        }
    }
    for v in after.get("keywords_added").and_then(Value::as_array).into_iter().flatten() {
        if let (Some(item), Some(k)) = (v.get(0).and_then(Value::as_i64), v.get(1).and_then(Value::as_str)) {
            tx.execute("DELETE FROM item_keyword WHERE item_id = ?1 AND keyword = ?2", params![item, k])?;
        }
    }
    let opened = ids("conflicts_opened");
    for c in &opened {
        tx.execute("DELETE FROM conflict WHERE id = ?1", [c])?;
    }
    let settled = ids("conflicts_settled");
    for c in &settled {
        tx.execute(
            "UPDATE conflict SET resolution = NULL, resolved_at = NULL, resolved_by = NULL
              WHERE id = ?1 AND resolution = 'ours'",
            [c],
        )?;
    }
    // Its own writes, newest first, each as `canon undo` reverts it (refused when a later change touched
    // the record); the undo's entries then go with the merge's.
    let mark: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM history", [], |r| r.get(0))?;
    // A programme it added is a name to group modules by, which no command removes: it goes once the
    // modules the merge added to it have.
    let mut programmes = Vec::new();
    for e in own.iter().rev() {
        let added_programme: Option<i64> = tx
            .query_row(
                "SELECT entity_id FROM history WHERE id = ?1 AND entity = 'programme' AND action = 'insert'",
                [e],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if let Some(p) = added_programme {
            programmes.push((*e, p));
            continue;
        }
        history::undo(tx, *e, by)
            .with_context(|| format!("undoing merge #{id} (its change #{e}); nothing was undone"))?;
    }
    for (e, p) in programmes {
        let used: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM module WHERE programme_id = ?1)", [p], |r| r.get(0))?;
        if used {
            bail!(
                "cannot undo merge #{id}: programme {p}, which it added (#{e}), holds modules added since; remove \
                 them first (`canon module list`), so nothing was undone"
            );
        }
        tx.execute("DELETE FROM programme WHERE id = ?1", [p])?;
    }
    tx.execute("DELETE FROM history WHERE (id >= ?1 AND id < ?2) OR id > ?3", params![first, id, mark])?;
    let before = json!({ "merge": id, "source": source, "entries": kept, "conflicts_removed": opened,
                         "conflicts_reopened": settled });
    let change = history::record_noted(
        tx,
        Some(by),
        Action::Delete,
        MERGE,
        None,
        Some(&before),
        None,
        None,
        Some(&format!("undo of #{id}")),
    )?;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    Ok(format!(
        "reverted merge #{id} of {source}: {} it made undone, {} it copied taken back{}{} (change #{change}, which keeps \
         the entries it took back)",
        plural(own.len(), "change", "changes"),
        plural(copied.len(), "history entry", "history entries"),
        if opened.is_empty() {
            String::new()
        } else {
            format!(", {} it found removed", plural(opened.len(), "conflict", "conflicts"))
        },
        if settled.is_empty() {
            String::new()
        } else {
            format!(", {} it closed open again", plural(settled.len(), "conflict", "conflicts"))
        },
    ))
}

/// What to undo before merge `merge`, whose conflict `conflict` was settled
/// since: the decision that stands, or the later merge that closed it
/// (tester r70: the refusal named no way out).
fn undo_first(tx: &Transaction, merge: i64, conflict: i64) -> Result<String> {
    if let Some(d) = super::resolution::standing(tx, conflict)? {
        return Ok(format!(
            "Undo that decision first: `canon undo {d}` opens the conflict again; or both at once, newest first: \
             `canon undo {d} {merge}`"
        ));
    }
    let closer: Option<i64> = tx
        .query_row(
            "SELECT h.id FROM history h, json_each(h.after, '$.conflicts_settled') s
              WHERE h.entity = 'merge' AND h.action = 'import' AND h.id > ?1 AND s.value = ?2
                AND NOT EXISTS (SELECT 1 FROM history u WHERE u.entity = 'merge' AND u.note = 'undo of #' || h.id)
              ORDER BY h.id DESC LIMIT 1",
            params![merge, conflict],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match closer {
        Some(m) => format!("Merge #{m} closed it (both copies agreed): undo that merge first (`canon undo {m}`)"),
        None => "It was settled before canon kept such decisions in the history, so no change reopens it".into(),
    })
}
