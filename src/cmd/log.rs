use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::Output;
use crate::report::{Listing, emit};
use crate::store::Mode;
use crate::store::history::{self, LogFilter};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only changes to this kind of record.
    #[arg(long, value_parser = [
        "reading", "item", "module", "theme", "item_tag", "reading_tag", "link", "contributor", "import_run",
        "programme", "snapshot", "person_facet", "facet", "review", "conflict", "merge",
    ])]
    pub entity: Option<String>,
    /// Only changes to the record with this ID (for tags: the item's or reading's ID), as listed or as CSV writes it (R…).
    #[arg(long, value_parser = crate::import::record_id_arg)]
    pub id: Option<i64>,
    /// Only changes made by this contributor.
    #[arg(long = "by", value_name = "NAME")]
    pub who: Option<String>,
    /// Only changes on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Also list each merge's own entries (noted "merged from …"): what a merge wrote into this copy,
    /// record by record, which `canon undo` of the merge reverts. Without it a merge is its one entry
    /// (entity `merge`), and the changes it brought in are listed once each, credited to their authors.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    if let Some(s) = &a.since
        && !crate::store::is_date(s)
    {
        bail!("--since {s:?} is not a date; expected YYYY-MM-DD such as 2026-01-31");
    }
    let store = ctx.open(Mode::Existing)?;
    // `facet` is what people call a facet about a person; the history names it `person_facet`.
    let entity = a.entity.as_deref().map(|e| if e == "facet" { "person_facet" } else { e });
    let f = LogFilter { entity, entity_id: a.id, by: a.who.as_deref(), since: a.since.as_deref(), bookkeeping: a.all };
    let mut entries = history::log(&store.conn, &f)?;
    // A reading's titles in their sheet text (`{eGFR}`), never the stored tags (tester r73 F4).
    for e in entries.iter_mut().filter(|e| e.entity == "reading") {
        for v in [&mut e.before, &mut e.after].into_iter().flatten() {
            *v = crate::store::readings::titles_as_text(v);
        }
    }
    // `id` is the change number (what `undo` takes); `record` the 18-digit ID.
    let mut l = Listing::new(&["id", "at", "by", "action", "entity", "record", "change", "note"]).with_ids(&["record"]);
    l.numeric = vec![0];
    // A CSV (a spreadsheet's history) carries every value whole (tester
    // r68 F9: a title's change was cut to the same 40 characters on both
    // sides); the screen, a line each, cuts them where they differ.
    let whole = a.out.format() != crate::cli::Format::Table;
    for e in &entries {
        l.rows.push(vec![
            e.id.to_string(),
            e.at.clone(),
            e.by.clone().unwrap_or_else(|| "(unknown)".into()),
            e.action.clone(),
            e.entity.clone(),
            e.entity_id.map(|i| i.to_string()).unwrap_or_default(),
            if e.entity == crate::store::merge_run::MERGE {
                merge_summary(e.before.as_ref(), e.after.as_ref())
            } else {
                summary_at(e.before.as_ref(), e.after.as_ref(), whole)
            },
            e.note.clone().unwrap_or_default(),
        ]);
    }
    emit(&a.out, &l, &entries, "no changes match", ctx.quiet)
}

/// A merge's entry in words: "from b.db: 5 added, 1 updated, …", or for
/// its undo "merge #12 of b.db undone: 9 entries taken back".
fn merge_summary(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> String {
    let n = |v: &serde_json::Value, k: &str| v.get(k).and_then(serde_json::Value::as_i64).unwrap_or(0);
    let source = |v: &serde_json::Value| v.get("source").and_then(serde_json::Value::as_str).unwrap_or("").to_string();
    match (before, after) {
        (_, Some(a)) => format!(
            "from {}: {} added, {} updated, {} removed, {} conflicts, {} history entries copied",
            source(a),
            n(a, "added"),
            n(a, "updated"),
            n(a, "removed"),
            n(a, "conflicts"),
            n(a, "history_copied")
        ),
        (Some(b), None) => format!(
            "merge #{} of {} undone: {} entries taken back (kept in this entry)",
            n(b, "merge"),
            source(b),
            b.get("entries").and_then(serde_json::Value::as_array).map_or(0, Vec::len)
        ),
        (None, None) => String::new(),
    }
}

/// The fields that changed, `field: before → after`, or what was added or
/// removed, each value cut to 40 characters ([`summary_at`]).
pub(crate) fn summary(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> String {
    summary_at(before, after, false)
}

/// A value cut to 40 characters, `before` and `after` alike: around where
/// they first differ when both are longer ("…race-based eGFR equations in…"),
/// so that two cut values never read the same.
fn cut_pair(before: &str, after: &str) -> (String, String) {
    const MAX: usize = 40;
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    if b.len() <= MAX && a.len() <= MAX {
        return (before.to_string(), after.to_string());
    }
    let first = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let start = first.saturating_sub(12);
    let cut = |v: &[char]| -> String {
        if v.len() <= MAX {
            return v.iter().collect();
        }
        let from = start.min(v.len().saturating_sub(MAX - 1));
        let end = (from + MAX - 1).min(v.len());
        format!(
            "{}{}{}",
            if from > 0 { "…" } else { "" },
            v[from..end].iter().collect::<String>(),
            if end < v.len() { "…" } else { "" }
        )
    };
    (cut(&b), cut(&a))
}

/// [`summary`], every value whole when `whole` (a CSV or JSON log).
pub(crate) fn summary_at(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>, whole: bool) -> String {
    // Names in parts (authors, editors, translators) as written: "Ramos, Myra; Macedo, Donaldo";
    // other ISBNs and other lists of text alike.
    let text = crate::store::history::value_text;
    let short = |v: &serde_json::Value| {
        let s = text(v);
        if whole || s.chars().count() <= 40 { s } else { format!("{}…", s.chars().take(39).collect::<String>()) }
    };
    // Keys derived from others (a title's hash or de-duplication key) say nothing to people.
    let shown = |k: &str| !matches!(k, "title_hash" | "title_key");
    let fields = |v: &serde_json::Value| {
        v.as_object()
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| shown(k))
                    .map(|(k, v)| match (k.as_str(), v) {
                        // What a removal took with it, counted by kind.
                        (
                            crate::store::edit::REMOVED_WITH | crate::store::edit::DETACHED,
                            serde_json::Value::Object(m),
                        ) => {
                            let parts: Vec<String> = m
                                .iter()
                                .map(|(t, rows)| crate::store::edit::count_of(rows.as_array().map_or(0, Vec::len), t))
                                .collect();
                            let what = if k == crate::store::edit::REMOVED_WITH { "with" } else { "cleared" };
                            format!("{what}: {}", parts.join(", "))
                        }
                        _ => format!("{k}: {}", short(v)),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    };
    // A whole record (it has its ID): named by its title, name, slug or code, and what went with it.
    let record = |v: &serde_json::Value| -> Option<String> {
        let o = v.as_object()?;
        o.get("id")?;
        let name = ["title", "name", "slug", "code"].iter().find_map(|k| o.get(*k)?.as_str())?;
        let mut s = format!("{name:?}");
        if let Some(code) = o.get("code").and_then(|c| c.as_str()).filter(|c| *c != name) {
            s = format!("{code} {s}");
        }
        for k in [crate::store::edit::REMOVED_WITH, crate::store::edit::DETACHED] {
            if let Some(serde_json::Value::Object(m)) = o.get(k) {
                let parts: Vec<String> = m
                    .iter()
                    .map(|(t, rows)| crate::store::edit::count_of(rows.as_array().map_or(0, Vec::len), t))
                    .collect();
                let what = if k == crate::store::edit::REMOVED_WITH { "with" } else { "cleared" };
                s.push_str(&format!("; {what} {}", parts.join(", ")));
            }
        }
        Some(s)
    };
    match (before, after) {
        (Some(b), Some(a)) => match (b.as_object(), a.as_object()) {
            (Some(bo), Some(ao)) => {
                // A snapshot leaves out an empty date part (`month`, `day`,
                // `season`): one the before had and the after lacks was cleared.
                let cleared = serde_json::Value::Null;
                let mut keys: Vec<&String> = ao.keys().chain(bo.keys().filter(|k| !ao.contains_key(*k))).collect();
                keys.sort();
                keys.into_iter()
                    .filter(|k| shown(k))
                    .filter_map(|k| {
                        let (b, a) = (bo.get(k).unwrap_or(&cleared), ao.get(k).unwrap_or(&cleared));
                        // (No list and an empty list are both nothing: no change to say.)
                        (b != a && !(text(b) == "(empty)" && text(a) == "(empty)")).then(|| {
                            // The same names as written, read into other
                            // parts ("Ibn Sina" as family "Ibn Sina", then as
                            // family "Sina", given "Ibn"): the parts are the
                            // change (tester r80 F3: "Ibn Sina → Ibn Sina").
                            let (b, a) =
                                if text(b) == text(a) { (name_parts(b), name_parts(a)) } else { (text(b), text(a)) };
                            if whole {
                                format!("{k}: {b} → {a}")
                            } else {
                                let (b, a) = cut_pair(&b, &a);
                                format!("{k}: {b} → {a}")
                            }
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            _ => String::new(),
        },
        (None, Some(a)) => record(a).unwrap_or_else(|| fields(a)),
        (Some(b), None) => format!("removed {}", record(b).unwrap_or_else(|| fields(b))),
        (None, None) => String::new(),
    }
}

/// A list of names with the parts each was read into, "Ibn Sina (family
/// \"Sina\", given \"Ibn\")", "Ibn Sina (kept whole)"; any other value as JSON.
fn name_parts(v: &serde_json::Value) -> String {
    let Some(list) = v.as_array() else { return v.to_string() };
    list.iter()
        .map(|n| {
            let original = n.get("original").and_then(|o| o.as_str()).unwrap_or_default();
            let parts: Vec<String> = ["family", "given", "particle", "suffix"]
                .iter()
                .filter_map(|p| Some(format!("{p} {:?}", n.get(*p)?.as_str()?)))
                .collect();
            if parts.is_empty() {
                format!("{original} (kept whole)")
            } else {
                format!("{original} ({})", parts.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
