//! The review workflow: a suggested reading is approved or rejected by a
//! named reviewer, with a note; each decision is a `review` row and a
//! history entry.

use anyhow::Result;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::IdGen;
use super::history::{self, Action};

/// What a review did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub from: String,
    pub to: String,
}

/// A reviewer approving a reading they suggested, without saying their group
/// allows it. Each door says how to allow it there: the command line's
/// `--self`, the web page's check box ([`SelfApproval::with`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("you suggested {:?} yourself; ask another reviewer to approve it", crate::import::title_text::Quoted(.title))]
pub struct SelfApproval {
    /// The reading's title.
    pub title: String,
}

impl SelfApproval {
    /// The message, with how to allow self-approval where the user is:
    /// `how` is "pass --self" or "tick …".
    pub fn with(&self, how: &str) -> String {
        format!("{self} (or {how} if your group allows self-approval)")
    }
}

/// Sets `reading`'s status to `status` as reviewer `by`. A reviewer may not
/// approve a reading they suggested themselves unless `allow_self`
/// ([`SelfApproval`], an error each door words for itself).
pub fn review(
    tx: &Transaction,
    ids: &mut IdGen,
    reading: i64,
    status: &str,
    by: i64,
    note: Option<&str>,
    allow_self: bool,
) -> Result<Reviewed> {
    review_in(tx, ids, reading, status, by, note, allow_self, None)
}

/// [`review`] taken by the import run `import_id` (a status cell of canon's
/// export): traced to it, so that `canon undo` of the import takes the
/// decision back with the rest (tester r63 F5).
#[allow(clippy::too_many_arguments)]
pub(crate) fn review_in(
    tx: &Transaction,
    ids: &mut IdGen,
    reading: i64,
    status: &str,
    by: i64,
    note: Option<&str>,
    allow_self: bool,
    import_id: Option<i64>,
) -> Result<Reviewed> {
    crate::limits::check_opt(crate::limits::Kind::Note, "the review note", note)?;
    let (from, added_by, title): (String, Option<i64>, String) = tx
        .query_row("SELECT status, added_by, title FROM reading WHERE id = ?1", [reading], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or_else(|| anyhow::anyhow!("no reading {reading}"))?;
    if status == "approved" && added_by == Some(by) && !allow_self {
        return Err(SelfApproval { title }.into());
    }
    let at = super::now();
    tx.execute(
        "INSERT INTO review (id, reading_id, status, by_id, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![ids.next_id(), reading, status, by, at, note],
    )?;
    if from != status {
        tx.execute("UPDATE reading SET status = ?2, updated_at = ?3 WHERE id = ?1", params![reading, status, at])?;
        history::record_noted(
            tx,
            Some(by),
            Action::Update,
            "reading",
            Some(reading),
            Some(&json!({ "status": from })),
            Some(&json!({ "status": status })),
            import_id,
            Some(&format!("review: {status}{}", note.map(|n| format!(" — {n}")).unwrap_or_default())),
        )?;
    }
    Ok(Reviewed { from, to: status.to_string() })
}
