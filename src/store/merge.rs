//! Merging another contributor's database or bundle into this one.
//!
//! Records are matched by natural key (themes by slug, programmes by name,
//! modules by programme and code, items by module and title, readings by ID,
//! then DOI, PMID, ISBN, title and year; contributors by name), and their IDs
//! mapped to ours. A reading is found by title and year only when it is the
//! same work, as an import tells works apart (not by other authors, nor in
//! another container, volume or edition, nor the set beside one of its
//! volumes), and never one of ours their copy holds under its own ID. Then, record by record:
//!
//! - only theirs: added, unless our history shows we removed it (matched by
//!   ID or natural key) after their copy was made: then it stays removed,
//!   with what is part of it, and is reported by name, never by ID (see
//!   [`super::history_removals`]), unless they worked on it, or on a part of
//!   it, after that ([`removals::worked_at`]): then it comes back, said, with
//!   every part of it their copy holds that our removal took (its tags,
//!   links, sessions, facets, reviews); `restore_removed`
//!   brings such records back by undoing our removal, then merges theirs;
//! - only ours: kept, unless their history shows they removed it (a theme,
//!   module, session, reading, facet, tag or link), matched by ID or natural
//!   key: then removed here too, with what is
//!   part of it, but for one we worked on after their removal, itself or its
//!   parts (a reading's tags, links, facets or reviews; a module's sessions
//!   and theirs; a tag or link added again, a link's note), kept and listed
//!   `kept-ours`, as their work after ours brings one back (`Merger::ours_after`);
//! - the same content: skipped;
//! - different content: field by field, the side that *moved* wins. A side
//!   moved a field when the other side's value is a past value of that field
//!   in its own history (it held that value, then changed it: the `before`
//!   of its own updates; a merge's entries and history the other side
//!   holds too are no side's own, see [`Past::apart_from`]). When both or
//!   neither moved, the record is a conflict: both versions go to the
//!   `conflict` table for `canon resolve`, and ours stays until then. Where
//!   neither moved and the two hold one value in two forms, the fuller form
//!   stands; lists of people (authors, editors, translators) are combined
//!   by the import's rule, the same list whichever copy is ours
//!   ([`super::readings::settled_names`]).
//!
//! Their history is copied (IDs mapped) so provenance survives, but for
//! their merges' own entries: a change travels as its author made it, once.
//! Every change the merge makes is itself in the history, noted "merged
//! from …" (bookkeeping, listed by `canon log --all`), and the merge is one
//! change, its own entry (see [`super::merge_run`]), which `canon undo`
//! reverts whole.
//!
//! An item's keywords (schema 0008) merge as an import adds them: their
//! keywords an item lacks here are added, none is ever removed, and like an
//! import's keywords they have no history entries of their own (an item's
//! removal and its undo take and bring back its keywords).

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};

use super::IdGen;
use super::bundle::{self, Record, Snapshot, Table};
use super::history::{self, Action};
use super::history_removals::{self as removals, Removals};

/// One thing the merge does (or would do).
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// add, update (their change taken; or lists of people both sides
    /// changed, combined by the import's rule and said), remove, conflict, kept-removed (ours removed it after
    /// their copy was made), restore (our removal undone: `restore_removed`),
    /// kept-ours (a field both sides changed, ours the same value in fuller form),
    /// settled (an open conflict closed: both copies agree now), settled-earlier
    /// (a conflict found again that was settled for ours before: nothing to do)
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
    /// Records that differ only by changes made on our side since the
    /// copies parted (ours stands; not listed, as nothing is theirs).
    pub kept_ours: usize,
    /// Steps listed as `kept-ours`, each saying why: a field where no
    /// history says which side's value is newer, a merge's change we undid,
    /// something their side removed that we changed or put back since.
    pub kept_listed: usize,
    /// Records whose only differences are values our copy has and theirs
    /// lacks altogether (their field empty): nothing to decide, ours keeps
    /// them; counted, not listed (tester 86 F6: listed as kept-ours with
    /// "`canon reading edit` to take theirs", an empty value).
    pub ours_only: usize,
    pub conflicts: usize,
    pub history_copied: usize,
    /// Their history's inserts of records (and tags) we held before the
    /// merge, not copied: undoing one would remove our own record.
    pub history_held: usize,
    /// Their records we removed after their copy was made, kept removed (with what is part of them).
    pub kept_removed: usize,
    /// Our removals undone to bring such records back (`restore_removed`).
    pub restored: usize,
    /// Their facets about a person that name no one author here (listed as `not-placed`
    /// steps): never put on someone else, left for the user to record again.
    pub facets_not_placed: usize,
    /// Open conflicts closed because both copies now hold the same record
    /// (listed as `settled`).
    pub settled: usize,
    /// Conflicts this merge finds again that were settled for our side
    /// before (`resolve --take ours`): nothing to settle (listed as
    /// `settled-earlier`, saying by whom and in which change).
    pub settled_earlier: usize,
    /// Their history's entries that are their merges' bookkeeping (a
    /// merge's own entry, or its writes noted "merged from …"), not copied:
    /// the changes those merges brought travel as their authors made them.
    pub history_bookkeeping: usize,
    /// Their history's decisions on their own conflicts that changed no
    /// value (entity `conflict`), not copied: conflicts are each copy's own.
    pub history_local: usize,
    /// The merge's own history entry, when it wrote anything: the change
    /// `canon undo` takes to revert it whole.
    pub change: Option<i64>,
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

    /// Whether their record `theirs` of `table` is mapped to one of ours.
    fn has(&self, table: &str, theirs: i64) -> bool {
        self.ids.get(table).is_some_and(|m| m.contains_key(&theirs))
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
    /// Tags, links and records this side removed (entity, what identifies
    /// it): when, the latest removal.
    removed: HashMap<(String, Value), String>,
    /// Tags and links this side added or put back (entity, what identifies
    /// it): the latest such entry, a merge's own never.
    added: HashMap<(String, Value), Entry>,
    /// A merge's change to a field this side undid: (entity, ID, field) →
    /// the undo and the value it undid.
    undone: HashMap<(String, i64, String), (Entry, Value)>,
    /// Records a merge removed that this side brought back with `canon undo`.
    brought_back: HashMap<(String, i64), Entry>,
    /// Each field a person set by hand (an update of no import, undo or
    /// merge): (entity, ID, field) → the entries and the value each set.
    by_hand: HashMap<(String, i64, String), Vec<(Entry, Value)>>,
}

/// One history entry, as a merge step names it.
#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    at: String,
    by: String,
    /// The entry it undid, when it is an undo.
    undo_of: Option<i64>,
}

impl Entry {
    /// "#78 (undo of #77) by xavier on 5 Dec 2026 23:08".
    fn said(&self) -> String {
        let undo = self.undo_of.map(|x| format!(" (undo of #{x})")).unwrap_or_default();
        format!("#{}{undo} by {} on {}", self.id, self.by, removals::shown_time(&self.at))
    }
}

/// Whether a history entry's note marks a person's edit made in canon's
/// reading export and imported again ([`super::readings::EXPORT_EDIT`]),
/// here or in another copy ("…; from y.db").
fn export_edit(note: &str) -> bool {
    note.split("; from ").next() == Some(super::readings::EXPORT_EDIT)
}

/// Contributor names by ID.
fn contributor_names(snap: &Snapshot) -> HashMap<i64, String> {
    snap.get("contributor").iter().filter_map(|c| Some((i(c, "id")?, s(c, "name").to_string()))).collect()
}

/// A history entry as every copy holds it, whatever IDs that copy gave
/// its records: when, by whom, what, and the values that are not IDs (a
/// merge copies an entry with its time and author, its IDs mapped).
fn signature(h: &Record, names: &HashMap<i64, String>) -> String {
    fn strip(v: Value) -> Value {
        match v {
            Value::Object(o) => Value::Object(
                o.into_iter()
                    .filter(|(k, _)| k != "id" && refers_to(k).is_none())
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.into_iter().map(strip).collect()),
            other => other,
        }
    }
    let who = i(h, "by_id").and_then(|b| names.get(&b));
    let side = |k: &str| parse(h.get(k)).map(strip);
    json!([s(h, "at"), who, s(h, "action"), s(h, "entity"), side("before"), side("after")]).to_string()
}

/// A history entry's exact key: the same record (by ID), action and values.
fn exact_key(h: &Record) -> String {
    json!([s(h, "entity"), i(h, "entity_id"), s(h, "action"), parse(h.get("before")), parse(h.get("after"))])
        .to_string()
}

impl Past {
    /// Everything `snap`'s history says, but a merge's own entries; `map`
    /// maps what the removals name to our IDs.
    fn of(snap: &Snapshot, map: Option<&Maps>) -> Past {
        Past::apart_from(snap, map, None, false)
    }

    /// One side's own moves: its history without the changes `other`'s
    /// history holds too (the common copy's past, and each side's changes
    /// the other copied in, matched by [`signature`] whatever IDs either
    /// copy gave the records: tester r62 F8), and without a merge's own
    /// entries, which take the other copy's values and are no move of the
    /// side that merged (F8, F11: they made a one-sided change a conflict).
    ///
    /// A merge's change this side undid is its refusal of that change. For
    /// our side (`own`), the undo is our move, kept and said when we merge
    /// that copy again (tester r62 F3: the next merge removed the tag we
    /// had put back). For their side it is no change to press on us: they
    /// gave back the value they took from us (tester r61 F6: a colleague's
    /// undo of her merge emptied the originator's PMIDs when merged back).
    ///
    /// A resolution that was undone is neither side's move, nor is its undo
    /// (see [`withdrawn_resolutions`]).
    fn apart_from(snap: &Snapshot, map: Option<&Maps>, other: Option<&Snapshot>, own: bool) -> Past {
        let names = contributor_names(snap);
        let shared: HashSet<String> = other
            .map(|o| {
                let theirs = contributor_names(o);
                o.get("history").iter().flat_map(|h| [exact_key(h), signature(h, &theirs)]).collect()
            })
            .unwrap_or_default();
        let note = |h: &Record| s(h, "note").to_string();
        let undo_of = |h: &Record| note(h).strip_prefix("undo of #").and_then(|n| n.parse::<i64>().ok());
        let merged: HashSet<i64> = snap
            .get("history")
            .iter()
            .filter(|h| note(h).starts_with("merged from"))
            .filter_map(|h| i(h, "id"))
            .collect();
        let withdrawn = withdrawn_resolutions(snap);
        let mut p = Past::default();
        for h in snap.get("history") {
            let hid = i(h, "id").unwrap_or_default();
            let undoes_merge = undo_of(h).is_some_and(|x| merged.contains(&x));
            if merged.contains(&hid) || (undoes_merge && !own) || withdrawn.contains(&hid) {
                continue;
            }
            let entity = s(h, "entity").to_string();
            let Some(id) = i(h, "entity_id") else { continue };
            let (before, after) = (parse(h.get("before")), parse(h.get("after")));
            let entry = || Entry {
                id: hid,
                at: s(h, "at").to_string(),
                by: i(h, "by_id").and_then(|b| names.get(&b)).cloned().unwrap_or_else(|| "(unknown)".into()),
                undo_of: undo_of(h),
            };
            // What this side holds added or removed is decided by time, shared or not.
            if s(h, "action") == "delete"
                && let Some(b) = &before
            {
                let b = map.map_or_else(|| b.clone(), |m| m.json(b));
                let at = p.removed.entry((entity.clone(), removal_key(&entity, &b))).or_default();
                if s(h, "at") > at.as_str() {
                    *at = s(h, "at").to_string();
                }
            }
            if s(h, "action") == "insert"
                && matches!(entity.as_str(), "item_tag" | "reading_tag" | "link")
                && let Some(a) = &after
            {
                let a = map.map_or_else(|| a.clone(), |m| m.json(a));
                p.added.insert((entity.clone(), removal_key(&entity, &a)), entry());
            }
            // A hand edit is ours to name whether or not the other copy holds it too:
            // `reading edit`'s (no import run), and a row of canon's export edited
            // and imported again by a person, as the import counts it
            // ([`super::readings::EXPORT_EDIT`]; r109: a merge named it "by the
            // rule an import follows").
            let copied = note(h).is_empty() || note(h).starts_with("from ");
            let exported = export_edit(&note(h));
            if s(h, "action") == "update"
                && (h.get("import_id").is_none_or(Value::is_null) && copied || exported)
                && i(h, "by_id").is_some()
                && let Some(Value::Object(a)) = &after
            {
                let mut e = entry();
                if exported {
                    e.by = format!("{} in the reading export", e.by);
                }
                for (k, v) in a {
                    if before.as_ref().and_then(|b| b.get(k)) != Some(v) {
                        p.by_hand.entry((entity.clone(), id, k.clone())).or_default().push((e.clone(), v.clone()));
                    }
                }
            }
            if shared.contains(&exact_key(h)) || shared.contains(&signature(h, &names)) {
                continue;
            }
            if undoes_merge {
                if s(h, "action") == "insert" {
                    p.brought_back.insert((entity.clone(), id), entry());
                }
                if let Some(Value::Object(b)) = &before {
                    for (k, v) in b {
                        p.undone.insert((entity.clone(), id, k.clone()), (entry(), v.clone()));
                    }
                }
            }
            // The values this side moved away from: what its own changes
            // replaced. A record's first values (its insert) are where it
            // started, no move (tester r62 F11: both copies imported a
            // list without a URL, so ours "held" the blank they cleared
            // it to, and their one-sided change was a conflict).
            let fields = p.values.entry((entity, id)).or_default();
            if s(h, "action") == "update"
                && let Some(Value::Object(o)) = before
            {
                for (k, v) in o {
                    fields.entry(k).or_default().push(v);
                }
            }
        }
        p
    }

    /// The latest hand edit that set `field` of a record to `value`, the value it holds.
    fn set_by_hand(&self, entity: &str, id: i64, field: &str, value: &Value) -> Option<&Entry> {
        let edits = self.by_hand.get(&(entity.to_string(), id, field.to_string()))?;
        edits.iter().rev().find(|(_, v)| v == value).map(|(e, _)| e)
    }

    /// Whether this side's history changed `field` of the record at all
    /// (an update's `before`), as against a value it holds since the record
    /// was added.
    fn changed(&self, entity: &str, id: i64, field: &str) -> bool {
        self.values.get(&(entity.to_string(), id)).is_some_and(|f| f.contains_key(field))
    }

    fn held(&self, entity: &str, id: i64, field: &str, value: &Value) -> bool {
        self.values
            .get(&(entity.to_string(), id))
            .and_then(|f| f.get(field))
            .is_some_and(|vs| vs.iter().any(|v| v == value))
    }
}

/// The history entries of `snap` that are a `resolve --take theirs` and its
/// undo: the resolution withdrawn, its conflict open again to be settled
/// anew, so neither is a move of that side (tester r68 F2: after "resolve,
/// undo the resolve, undo the merge", the undo read as our decision for our
/// value, so merging the same copy again kept ours, not listed, and the
/// other member's merge back took ours over his own). An undo is paired
/// with the resolve entry its note names ("undo of #N"), or else with the
/// latest earlier resolve entry on the same record whose change it reverses,
/// so that the pair is found too in a copy that holds both as copied
/// entries ("undo of #N; from y.db", their IDs renumbered).
fn withdrawn_resolutions(snap: &Snapshot) -> HashSet<i64> {
    let note = |h: &Record| s(h, "note").to_string();
    let mut open: Vec<&Record> = Vec::new();
    let mut out = HashSet::new();
    for h in snap.get("history") {
        let n = note(h);
        if n.starts_with("resolve conflict #") {
            open.push(h);
            continue;
        }
        if !n.starts_with("undo of #") {
            continue;
        }
        let reverses = |r: &&Record| {
            s(r, "entity") == s(h, "entity")
                && i(r, "entity_id") == i(h, "entity_id")
                && parse(r.get("before")) == parse(h.get("after"))
                && parse(r.get("after")) == parse(h.get("before"))
        };
        // Its own copy names the entry it undid; a copied one is found by what it reverses.
        let named = n.strip_prefix("undo of #").and_then(|x| x.parse::<i64>().ok());
        let found = named.and_then(|x| open.iter().rposition(|r| i(r, "id") == Some(x)));
        if let Some(at) = found.or_else(|| open.iter().rposition(reverses)) {
            let r = open.remove(at);
            out.extend([i(r, "id"), i(h, "id")].into_iter().flatten());
        }
    }
    out
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

/// Their reading `theirs` with its ISBN folded into our ISBNs, when its ISBN
/// and ours differ but one is among the other's other ISBNs, or both keep
/// one other ISBN alike (one book's cloth, paperback and e-book ISBNs): our ISBN stays the printed one, theirs and
/// all other ISBNs of both copies become the other ISBNs, with what to say
/// of it. `None` when there is nothing to fold.
fn fold_isbns(o: &Record, theirs: &Record) -> Option<(Record, String)> {
    let norm = |v: &str| crate::import::normalise_isbn(v).unwrap_or_else(|| v.trim().to_string());
    let others = |m: &Record| -> Vec<String> {
        m.get("other_isbns")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(norm)
            .collect()
    };
    let (ours, their) = (s(o, "isbn"), s(theirs, "isbn"));
    if ours.trim().is_empty() || their.trim().is_empty() || super::readings::is_part(s(o, "type")) {
        return None;
    }
    let (a, b) = (norm(ours), norm(their));
    let (oo, to) = (others(o), others(theirs));
    // One book when either's ISBNs hold the other's, or both keep one other ISBN alike.
    let shared = oo.contains(&b) || to.contains(&a) || oo.iter().any(|i| to.contains(i));
    if a == b || !shared {
        return None;
    }
    let mut all: Vec<String> = oo.iter().cloned().chain(to).chain([b.clone()]).filter(|i| *i != a).collect();
    all.sort();
    all.dedup();
    let mut f = theirs.clone();
    f.insert("isbn".into(), Value::from(ours));
    f.insert("other_isbns".into(), Value::from(all));
    let said = if oo.contains(&b) {
        format!("their ISBN {b} is among our other ISBNs of the book: one book, ours, {ours:?}, kept as printed")
    } else {
        format!(
            "their ISBN {b} is another ISBN of the book: ours, {ours:?}, kept as printed, theirs kept beside it \
             among its other ISBNs"
        )
    };
    Some((f, said))
}

/// A record's natural key, as text, for tables matched by something other than ID.
fn natural_keys(table: &str, m: &Record) -> Vec<String> {
    match table {
        "contributor" => vec![format!("name:{}", s(m, "name"))],
        "programme" => vec![format!("name:{}", s(m, "name"))],
        // By its ID first, as a reading is: one copy's new slug for the
        // theme is an edit of it, never another theme (tester r65 F12: the
        // merge added a second "Racism" and split its tags); by slug for a
        // theme each copy added on its own.
        "theme" => vec![format!("id:{}", i(m, "id").unwrap_or(0)), format!("slug:{}", s(m, "slug"))],
        "module" => vec![format!("{}:{}", i(m, "programme_id").unwrap_or(0), s(m, "code"))],
        "item" => vec![format!("{}:{}", i(m, "module_id").unwrap_or(0), i(m, "title_hash").unwrap_or(0))],
        "reading" => {
            let mut k = vec![format!("id:{}", i(m, "id").unwrap_or(0))];
            if !s(m, "doi").is_empty() {
                k.push(format!("doi:{}", crate::import::doi_key(s(m, "doi"))));
            }
            // A PMID names one work in PubMed, as a DOI does (and as an import matches it).
            if !s(m, "pmid").trim().is_empty() {
                k.push(format!("pmid:{}", s(m, "pmid").trim()));
            }
            // So do a PubMed Central ID and an arXiv ID, whatever its version (schema 0041).
            if !s(m, "pmcid").trim().is_empty() {
                k.push(format!("pmcid:{}", s(m, "pmcid").trim()));
            }
            if !s(m, "eprint").trim().is_empty() {
                k.push(format!("eprint:{}", crate::import::eprint_base(s(m, "eprint").trim())));
            }
            if !s(m, "isbn").is_empty() {
                // Compared as ISBN-13: a book stored with its ISBN-10 is the same book.
                let isbn = crate::import::normalise_isbn(s(m, "isbn")).unwrap_or_else(|| s(m, "isbn").to_string());
                // An ISBN names a whole book: two chapters (or conference papers)
                // of one book share it, so a part is the same reading only with
                // the same ISBN and title, as on import.
                if super::readings::is_part(s(m, "type")) {
                    k.push(format!("isbn:{isbn}:{}", crate::import::title_key(s(m, "title"))));
                } else {
                    k.push(format!("isbn:{isbn}"));
                }
            }
            k.push(format!(
                "title:{}:{}",
                crate::import::title_key(s(m, "title")),
                m.get("year").cloned().unwrap_or(Value::Null)
            ));
            // Another ISBN of the book (an e-book's, another binding's) names it too, as
            // on import, but only as a fallback after its own ISBN and title: one copy's
            // ISBN that the other lists among its other ISBNs is the same book (issue 12).
            if !super::readings::is_part(s(m, "type")) {
                for o in m.get("other_isbns").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
                {
                    let isbn = crate::import::normalise_isbn(o).unwrap_or_else(|| o.to_string());
                    k.push(format!("isbn:{isbn}"));
                }
            }
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

/// The position (1-based) of the one author in `authors` who is the person `name`, whom
/// another copy of the reading lists at `their_pos`: the one author written exactly so, else
/// the one written so but for case and spacing, else the author at `their_pos` when the two
/// share a family name no other author here has ("Vyas, D." and "Vyas, Darshali A.").
/// `Err` says why no one author is that person (none, or several of that name).
fn same_person(authors: &[String], name: &str, their_pos: i64) -> std::result::Result<i64, String> {
    let one = |hits: Vec<usize>| -> Option<std::result::Result<i64, String>> {
        match hits.as_slice() {
            [] => None,
            [p] => Some(Ok(*p as i64 + 1)),
            _ => Some(Err(format!(
                "{} authors here are written {name:?} (authors {})",
                hits.len(),
                hits.iter().map(|p| (p + 1).to_string()).collect::<Vec<_>>().join(", ")
            ))),
        }
    };
    let exact = authors.iter().enumerate().filter(|(_, a)| *a == name).map(|(p, _)| p).collect();
    if let Some(r) = one(exact) {
        return r;
    }
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let folded = authors.iter().enumerate().filter(|(_, a)| fold(a) == fold(name)).map(|(p, _)| p).collect();
    if let Some(r) = one(folded) {
        return r;
    }
    let key = |s: &str| {
        super::readings::person_key(
            &crate::import::names::parse(s).unwrap_or_else(|| crate::import::names::Name::literal(s)),
        )
    };
    let family = key(name);
    let same_family: Vec<usize> =
        authors.iter().enumerate().filter(|(_, a)| !family.is_empty() && key(a) == family).map(|(p, _)| p).collect();
    if let [p] = same_family.as_slice()
        && *p as i64 + 1 == their_pos
    {
        return Ok(their_pos);
    }
    Err(format!("no author here is {name:?}"))
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

/// Our reading (its place in `ours`) that is their `theirs` under another
/// title, by the import's rules: one of the two under PubMed's bracketed
/// translation of the title and the other under another title with the
/// same year, volume, first page and first author
/// ([`super::readings::one_article_two_titles`]), or the title of one the
/// original title of the other, of the same year and no other work
/// ([`other_work`]). `None` when none, or more than one, is; `skip` says
/// which of ours are paired already.
fn other_title_match(ours: &[Record], theirs: &Record, skip: impl Fn(usize, &Record) -> bool) -> Option<usize> {
    let their_first = work(theirs).first;
    let key = |m: &Record, k: &str| opt_text(m, k).map(crate::import::title_key);
    let other_pmids = |o: &Record| {
        let (a, b) = (s(o, "pmid").trim(), s(theirs, "pmid").trim());
        !a.is_empty() && !b.is_empty() && a != b
    };
    let mut found = Vec::new();
    for (n, o) in ours.iter().enumerate() {
        if skip(n, o) || other_pmids(o) {
            continue;
        }
        let our_first = work(o).first;
        let (x, y) = (article_at(o, our_first.as_ref()), article_at(theirs, their_first.as_ref()));
        let by_place =
            super::readings::one_article_two_titles(&x, &y) || super::readings::one_article_two_titles(&y, &x);
        let original_is_title =
            |a: &Record, b: &Record| key(a, "original_title").is_some_and(|k| Some(k) == key(b, "title"));
        let by_original = i(o, "year") == i(theirs, "year")
            && (original_is_title(o, theirs) || original_is_title(theirs, o))
            && other_work(o, theirs).is_none();
        // One title in two scripts, one romanising the other, with the same
        // year and first author (an import finds it so too).
        let (ot, tt) = (s(o, "title"), s(theirs, "title"));
        let by_romanised = i(o, "year").is_some()
            && i(o, "year") == i(theirs, "year")
            && (crate::import::translit::romanises(ot, tt) || crate::import::translit::romanises(tt, ot))
            && matches!((our_first.as_ref(), their_first.as_ref()), (Some(a), Some(b)) if super::readings::same_first_author(a, b))
            && other_work(o, theirs).is_none();
        if by_place || by_original || by_romanised {
            found.push(n);
        }
    }
    if found.len() == 1 { found.pop() } else { None }
}

/// Their copy `theirs` of our reading `o` with its title and original
/// title as an import of it would store them (README: "imports and merges
/// in any order give one record"; tester r86 F3): PubMed's bracketed
/// translation is the title and the title as published its original
/// title, whichever side holds which. Ours under the translation: their
/// title, the original (or a romanisation of ours,
/// [`crate::import::translit::romanises`]), is ours; where it is not
/// the original we hold, it is said (returned), never dropped in silence.
/// Theirs under the translation: their original title is ours where they
/// give none (a take of their title then follows, [`Merge::compare`]).
fn settle_titles(o: &Record, theirs: &mut Record) -> Option<String> {
    use super::readings::is_translated_title;
    let key = |m: &Record, k: &str| opt_text(m, k).map(crate::import::title_key);
    let (our_title, their_title) = (s(o, "title").to_string(), s(theirs, "title").to_string());
    if is_translated_title(&our_title) && !is_translated_title(&their_title) {
        let ours_original = opt_text(o, "original_title").map(str::to_string);
        let same = |orig: &str| {
            crate::import::title_key(orig) == crate::import::title_key(&their_title)
                || crate::import::translit::romanises(&their_title, orig)
                || crate::import::translit::romanises(orig, &their_title)
        };
        let said = match &ours_original {
            None => {
                theirs.insert("original_title".into(), Value::from(their_title.clone()));
                None
            }
            Some(orig) if key(o, "original_title") == key(theirs, "title") => {
                theirs.insert("original_title".into(), Value::from(orig.clone()));
                None
            }
            Some(orig) if same(orig) => {
                theirs.insert("original_title".into(), Value::from(orig.clone()));
                Some(format!(
                    "title {:?} (theirs {:?}: the original title {:?} written in another script, kept as ours                      holds it)",
                    crate::import::title_text::sheet(&our_title),
                    crate::import::title_text::sheet(&their_title),
                    crate::import::title_text::sheet(orig)
                ))
            }
            Some(_) => return None,
        };
        theirs.insert("title".into(), Value::from(our_title));
        return said;
    }
    // Their title our own-script title romanised: ours stays, theirs said.
    if crate::import::translit::romanises(&their_title, &our_title) {
        theirs.insert("title".into(), Value::from(our_title.clone()));
        return Some(format!(
            "title {:?} (theirs {:?}: the same title romanised, a transliteration, not a translation)",
            crate::import::title_text::sheet(&our_title),
            crate::import::title_text::sheet(&their_title)
        ));
    }
    if is_translated_title(&their_title)
        && !is_translated_title(&our_title)
        && opt_text(theirs, "original_title").is_none()
    {
        theirs.insert("original_title".into(), Value::from(our_title));
    }
    None
}

/// Whether their title is PubMed's bracketed translation of our title as
/// published, which their copy holds as its original title: the title an
/// import of their copy would store ([`settle_titles`]).
fn translation_of_ours(o: &Record, theirs: &Record) -> bool {
    let key = |m: &Record, k: &str| opt_text(m, k).map(crate::import::title_key);
    // (Or ours is their own-script title romanised, which an import replaces.)
    if crate::import::translit::romanises(s(o, "title"), s(theirs, "title")) {
        return true;
    }
    super::readings::is_translated_title(s(theirs, "title"))
        && !super::readings::is_translated_title(s(o, "title"))
        && key(theirs, "original_title").is_some()
        && key(theirs, "original_title") == key(o, "title")
}

/// A reading record as [`super::readings::one_article_two_titles`] sees it.
fn article_at<'r>(m: &'r Record, first: Option<&'r crate::import::names::Name>) -> super::readings::ArticleAt<'r> {
    super::readings::ArticleAt {
        title: s(m, "title"),
        year: i(m, "year"),
        volume: opt_text(m, "volume"),
        pages: opt_text(m, "pages"),
        first,
        doi: opt_text(m, "doi"),
    }
}

/// Why their reading `theirs`, found here only by its title and year, is
/// another work than our `o`, as an import tells them apart (README: "One
/// title and year by other authors … or in another journal or book, volume
/// or pages, is another work"): other DOIs, other authors, a set and one of
/// its volumes (or two volumes), or published apart. `None`: the same work.
fn other_work(o: &Record, theirs: &Record) -> Option<String> {
    let (a, b) = (s(o, "doi"), s(theirs, "doi"));
    if !a.is_empty() && !b.is_empty() && !crate::import::same_doi(a, b) {
        return Some("other DOIs".into());
    }
    // Two PMIDs are two works, as two DOIs are (an import keeps them apart too).
    let (a, b) = (s(o, "pmid").trim(), s(theirs, "pmid").trim());
    if !a.is_empty() && !b.is_empty() && a != b {
        return Some("other PMIDs".into());
    }
    // A notice (erratum, correction, retraction, comment, reply) is matched by
    // its DOI or PMID, never by its title, unless nothing else differs (tester r83).
    let genre = |m: &Record| Some(s(m, "genre")).filter(|g| !g.is_empty()).map(str::to_string);
    let notice = crate::import::notices::is_notice_title(s(theirs, "title"))
        || crate::import::notices::is_notice_genre(genre(o).as_deref())
        || crate::import::notices::is_notice_genre(genre(theirs).as_deref());
    if notice && ["container", "volume", "issue", "pages", "authors"].iter().any(|k| o.get(*k) != theirs.get(*k)) {
        return Some(
            "a notice (an erratum, correction, retraction, comment or reply) is matched only by its DOI or PMID".into(),
        );
    }
    let names = |m: &Record| -> Vec<crate::import::names::Name> {
        m.get("author_names")
            .and_then(|v| serde_json::from_value::<Vec<crate::import::names::Name>>(v.clone()).ok())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| {
                m.get("authors")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).filter_map(crate::import::names::parse).collect())
                    .unwrap_or_default()
            })
    };
    if super::readings::other_authors(&names(o), &names(theirs)) {
        return Some("other authors".into());
    }
    let (p, q) = (place(o), place(theirs));
    if super::readings::set_and_volume(&p, &q) {
        let vol = |v: Option<&str>| v.map_or_else(|| "the whole set".to_string(), |v| format!("volume {v}"));
        let (a, b) = (vol(p.volume), vol(q.volume));
        return Some(if a == b { "other volume titles".into() } else { format!("ours is {a}, theirs {b}") });
    }
    if super::readings::published_apart(&p, &q) {
        return Some("published apart (another container, volume, pages or edition)".into());
    }
    None
}

/// Why their reading `theirs`, found here by our reading `o`'s ISBN, is
/// another work: a set and one of its volumes, or two of its volumes
/// ([`super::readings::set_and_volume`]). `None`: the same work.
fn set_and_volume_apart(o: &Record, theirs: &Record) -> Option<String> {
    let (p, q) = (place(o), place(theirs));
    if !super::readings::set_and_volume(&p, &q) {
        return None;
    }
    let vol = |v: Option<&str>| v.map_or_else(|| "the whole set".to_string(), |v| format!("volume {v}"));
    let (a, b) = (vol(p.volume), vol(q.volume));
    Some(if a == b { "other volume titles".into() } else { format!("ours is {a}, theirs {b}") })
}

/// A reading's field, when it holds more than blanks.
fn opt<'r>(m: &'r Record, k: &str) -> Option<&'r str> {
    Some(s(m, k)).filter(|v| !v.trim().is_empty())
}

/// Where a reading record is published and what marks its type, for the
/// rules that tell two works apart and weigh two types.
fn place(m: &Record) -> super::readings::Placement<'_> {
    super::readings::Placement::of_copy(m)
}

/// One book's, paper's or chapter's number in its series, held as the
/// volume on one side and as the number in the series (the issue) on the
/// other ([`super::readings::series_number_as_volume`]): one number, kept
/// once, as an import of the other copy keeps it (tester r86 F4: a merge
/// kept our volume and took their issue, and styles printed "vol. 12345 …
/// 12345"). Returns whether their placement is taken (a paper's or
/// chapter's number is its book's number in the series wherever it was
/// stored, r85), or ours kept (a book's stays where it was stored first).
fn one_series_number(o: &Record, theirs: &Record) -> Option<bool> {
    let (p, q) = (place(o), place(theirs));
    if !super::readings::series_number_as_volume(&p, &q) {
        return None;
    }
    Some(matches!(p.kind, "chapter" | "conference-paper") && p.volume.is_some())
}

fn label(table: &str, m: &Record) -> String {
    let pick = ["title", "name", "slug", "code", "path", "status"].iter().map(|k| s(m, k)).find(|v| !v.is_empty());
    match (table, pick) {
        ("module", _) => format!("{} {}", s(m, "code"), s(m, "title")),
        // A reading's title in its sheet text (`{eGFR}`), never its stored tags.
        ("reading", Some(p)) => crate::import::title_text::sheet(p),
        // A facet about a person by its name and whom it is about (tester
        // r78 F14: "person_facet : part of reading …", about no one).
        ("person_facet", _) => {
            let about = match (s(m, "author_name").trim(), i(m, "author_position")) {
                ("", Some(p)) => format!("author {p}"),
                ("", None) => "the creators".to_string(),
                (n, _) => format!("{n:?}"),
            };
            format!("{} about {about}", s(m, "facet"))
        }
        (_, Some(p)) => p.to_string(),
        _ => String::new(),
    }
}

/// A reading's title field as a message writes it: in its sheet text
/// (`{eGFR}`, [`crate::import::title_text::sheet`]), never the stored tags
/// (tester r73 F4); any other value as it is.
fn written(table: &str, field: &str, v: &Value) -> Value {
    match (table, field, v.as_str()) {
        ("reading", "title" | "original_title" | "volume_title", Some(t)) => {
            Value::from(crate::import::title_text::sheet(t))
        }
        _ => v.clone(),
    }
}

/// A field's value as a merge step shows it: a string quoted, a list of
/// names joined, cut at 80 characters.
fn shown(v: &Value) -> String {
    let text = match v {
        Value::Null => return "(none)".into(),
        Value::String(s) => format!("{s:?}"),
        // Names in parts show as written ("original").
        Value::Array(a) => format!(
            "{:?}",
            a.iter()
                .map(|x| {
                    x.as_str()
                        .or_else(|| x.get("original").and_then(Value::as_str))
                        .map_or_else(|| x.to_string(), str::to_string)
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => other.to_string(),
    };
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
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
    /// What our history removed, and when their side last changed each record.
    removals: Removals,
    their_changed: HashMap<(String, i64), String>,
    /// The latest work each side's history shows on a record or its parts (their IDs for theirs).
    their_work: HashMap<(String, i64), removals::Work>,
    our_work: HashMap<(String, i64), removals::Work>,
    /// Records kept removed here (table, our ID), with their labels.
    kept: HashMap<(&'static str, i64), String>,
    /// Records that come back because their side worked on them after our
    /// removal (table, ID) → that removal's history entry: what was removed
    /// with them by that removal comes back with them.
    revived: HashMap<(&'static str, i64), i64>,
    /// Names of our themes, modules, sessions and readings, to say what a tag or link joins.
    names: HashMap<(&'static str, i64), String>,
    /// Bring back what we removed (undo our removal) instead of keeping it removed.
    restore: bool,
    /// Our removals undone so far.
    restored: HashSet<i64>,
    /// What the merge writes that has no history entry of its own.
    untracked: super::merge_run::Untracked,
    /// Our themes, modules, sessions, readings and facets their copy does
    /// not hold, in merge order: each one their side removed is removed
    /// here too, or kept ([`Self::their_removals`]).
    unmatched: Vec<(&'static str, Record)>,
}

/// What becomes of a record of theirs that we do not hold.
enum Fate {
    /// Added, with why when it matches a removal of ours.
    Add(Option<String>),
    /// Added though our removal took it (history entry `removal`): their
    /// side worked on it, or on the whole it is part of, after that; `why`
    /// says so. What that removal took with it comes back with it.
    Back { why: String, removal: i64 },
    /// Kept removed (and reported).
    Kept,
    /// Ours again (our removal undone): our record of this ID, to compare with theirs.
    Restored(i64),
}

/// Merges `theirs` into the database `tx` writes (whose records are `ours`).
/// With `restore_removed`, records of theirs that our history removed after
/// their copy was made are brought back (our removal undone, as `canon undo`
/// would) and then merged; without it they stay removed (steps
/// `kept-removed`).
pub fn merge(
    tx: &Transaction,
    ids: &mut IdGen,
    by: i64,
    ours: &Snapshot,
    theirs: &Snapshot,
    source: &str,
    restore_removed: bool,
) -> Result<(Vec<Step>, Summary)> {
    let first = super::merge_run::start(tx)?;
    let mut m = Merger {
        tx,
        ids,
        by,
        note: format!("merged from {source}"),
        source: source.to_string(),
        maps: Maps::default(),
        ours_past: Past::apart_from(ours, None, Some(theirs), true),
        theirs_past: Past::apart_from(theirs, None, Some(ours), false),
        steps: Vec::new(),
        sum: Summary::default(),
        pending: Vec::new(),
        removals: Removals::of(ours, removal_keys),
        their_changed: removals::changed_at(theirs),
        their_work: removals::worked_at(theirs),
        our_work: removals::worked_at(ours),
        kept: HashMap::new(),
        names: names(ours, theirs),
        revived: HashMap::new(),
        restore: restore_removed,
        restored: HashSet::new(),
        untracked: Default::default(),
        unmatched: Vec::new(),
    };
    for table in ENTITIES {
        m.entities(bundle::table(table).expect("known table"), ours, theirs)?;
    }
    // What they removed is compared with our records: map it once every ID is.
    m.theirs_past.removed = Past::of(theirs, Some(&m.maps)).removed;
    m.their_removals(theirs)?;
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
    m.sum.change = super::merge_run::record(tx, by, source, first, &m.sum, &m.untracked)?;
    Ok((m.steps, m.sum))
}

impl Merger<'_, '_> {
    fn step(&mut self, action: &'static str, entity: &'static str, id: i64, what: String) {
        self.steps.push(Step { action, entity, id, what });
    }

    fn entities(&mut self, t: &'static Table, ours: &Snapshot, theirs: &Snapshot) -> Result<()> {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut taken: HashSet<i64> = HashSet::new();
        let our_rows = ours.get(t.name);
        for (n, o) in our_rows.iter().enumerate() {
            taken.extend(i(o, "id"));
            for k in natural_keys(t.name, o) {
                index.entry(k).or_default().push(n);
            }
        }
        // Our readings their copy holds under the same ID: each is paired with that record of
        // theirs, never with another of theirs by title, DOI or ISBN (tester r72 F2, F3, F16:
        // a volume, or another author's "Introduction", they added was folded into ours).
        let their_ids: HashSet<i64> = if t.name == "reading" {
            theirs.get(t.name).iter().filter_map(|r| i(r, "id")).collect()
        } else {
            HashSet::new()
        };
        let mut matched: HashSet<usize> = HashSet::new();
        for raw in theirs.get(t.name) {
            let their_id = i(raw, "id").unwrap_or(0);
            let mut rec = self.maps.record(raw);
            // A facet about a person goes to the same person here, found by name, or nowhere.
            if t.name == "person_facet" && !self.place_facet(&mut rec, raw, theirs)? {
                continue;
            }
            let keys = natural_keys(t.name, &rec);
            let mut apart: Option<(usize, String)> = None;
            let mut found_by = None;
            'keys: for k in &keys {
                for &n in index.get(k).map(Vec::as_slice).unwrap_or_default() {
                    let o = &our_rows[n];
                    if t.name == "reading" && !k.starts_with("id:") {
                        if k.starts_with("title:")
                            && let Some(why) = other_work(o, &rec)
                        {
                            apart.get_or_insert((n, format!("of the same title and year: {why}")));
                            continue;
                        }
                        // One ISBN with two volume numbers: two volumes of a set (tester r76 F16).
                        if k.starts_with("isbn:")
                            && super::readings::other_volumes(opt_text(o, "volume"), opt_text(&rec, "volume"))
                        {
                            continue;
                        }
                        // A set and one of its volumes under the set's ISBN (Zotero gives
                        // it each volume) are two works, as on import (tester r96 F9).
                        if k.starts_with("isbn:")
                            && let Some(why) = set_and_volume_apart(o, &rec)
                        {
                            apart.get_or_insert((n, format!("of the same ISBN: {why}")));
                            continue;
                        }
                        if matched.contains(&n) || i(o, "id").is_some_and(|id| their_ids.contains(&id)) {
                            continue;
                        }
                    }
                    found_by = Some((n, k.as_str()));
                    break 'keys;
                }
            }
            // One work under two titles, as an import finds it (README: "imports
            // and merges in any order give one record"; tester r86 F3): PubMed's
            // bracketed translation on one side, the original or its
            // romanisation on the other.
            if t.name == "reading"
                && found_by.is_none()
                && let Some(n) = other_title_match(our_rows, &rec, |n, o| {
                    matched.contains(&n) || i(o, "id").is_some_and(|id| their_ids.contains(&id))
                })
            {
                found_by = Some((n, "other title"));
            }
            // Their reading has our reading's DOI but is clearly another work (a
            // mistyped DOI on one side): a conflict that says so, never a silent overwrite.
            if t.name == "reading"
                && let Some((n, key)) = found_by
                && (key.starts_with("doi:") || key.starts_with("pmid:"))
                && let Some(why) = super::readings::another_work(work(&our_rows[n]).as_ref(), work(&rec).as_ref())
            {
                matched.insert(n);
                let o = &our_rows[n];
                let id = i(o, "id").unwrap_or(0);
                self.maps.set(t.name, their_id, id);
                rec.insert("id".into(), Value::from(id));
                let differ: Vec<&String> =
                    rec.keys().filter(|k| !NOT_CONTENT.contains(&k.as_str()) && o.get(*k) != rec.get(*k)).collect();
                self.conflict(t.name, o, &rec, &differ, None)?;
                let (name, field) = if key.starts_with("doi:") { ("DOI", "doi") } else { ("PMID", "pmid") };
                if let Some(step) = self.steps.last_mut() {
                    step.what = format!(
                        "{} — the same {name} ({}) but {why}: two works, or a mistyped {name}; resolve it by hand",
                        step.what.split(" — ").next().unwrap_or_default(),
                        s(o, field)
                    );
                }
                continue;
            }
            let found = found_by.map(|(n, _)| n);
            match found {
                None => {
                    // A record our restored removal brought back under its ID (theirs changed its natural key).
                    if !self.restored.is_empty()
                        && t.has_id
                        && let Some(o) = bundle::load(self.tx, t, their_id)?
                    {
                        self.maps.set(t.name, their_id, their_id);
                        self.compare(t, &o, &rec, their_id)?;
                        continue;
                    }
                    let (why, back) = match self.removed_here(t, &rec, raw, their_id)? {
                        Fate::Kept => continue,
                        Fate::Restored(id) => {
                            if let Some(o) = bundle::load(self.tx, t, id)? {
                                self.names.insert((t.name, id), name_of(t.name, &o));
                                self.maps.set(t.name, their_id, id);
                                rec.insert("id".into(), Value::from(id));
                                self.compare(t, &o, &rec, their_id)?;
                                continue;
                            }
                            (None, None)
                        }
                        Fate::Add(why) => (why, None),
                        Fate::Back { why, removal } => (Some(why), Some(removal)),
                    };
                    self.unlink_kept(&mut rec);
                    let id = if taken.contains(&their_id) { self.ids.next_id() } else { their_id };
                    taken.insert(id);
                    self.maps.set(t.name, their_id, id);
                    rec.insert("id".into(), Value::from(id));
                    bundle::insert(self.tx, t, &rec)?;
                    // Named by title, never by ID, in what a later step says of its parts.
                    self.names.insert((t.name, id), name_of(t.name, &rec));
                    if let Some(removal) = back {
                        self.revived.insert((t.name, id), removal);
                    }
                    if matches!(t.name, "review" | "import_run") {
                        self.untracked.records.push((t.name, id));
                    } else {
                        self.pending.push((Action::Insert, t.name, id, None, Some(Value::Object(rec.clone()))));
                    }
                    self.sum.added += 1;
                    let mut what = label(t.name, &rec) + why.as_deref().unwrap_or_default();
                    // Said, as an import flags it: one title and year, told apart as two works.
                    if let Some((n, apart)) = &apart {
                        what += &format!(
                            " — another work than our reading {} {apart}",
                            i(&our_rows[*n], "id").unwrap_or(0)
                        );
                    }
                    self.step("add", t.name, id, what);
                }
                Some(n) => {
                    matched.insert(n);
                    let o = &our_rows[n];
                    let id = i(o, "id").unwrap_or(0);
                    self.maps.set(t.name, their_id, id);
                    rec.insert("id".into(), Value::from(id));
                    if matches!(t.name, "review" | "import_run") {
                        continue; // never changed once written
                    }
                    if t.name == "reading"
                        && let Some(said) = settle_titles(o, &mut rec)
                    {
                        self.step("kept-ours", t.name, id, format!("{}: {said}", label(t.name, o)));
                        self.sum.kept_listed += 1;
                    }
                    self.compare(t, o, &rec, their_id)?;
                }
            }
        }
        if matches!(t.name, "theme" | "module" | "item" | "reading" | "person_facet") {
            let ours = our_rows.iter().enumerate().filter(|(n, _)| !matched.contains(n));
            self.unmatched.extend(ours.map(|(_, o)| (t.name, o.clone())));
        }
        Ok(())
    }

    /// Our themes, modules, sessions, readings and facets their copy no
    /// longer has because they removed them (their history says so): each removed here too,
    /// with what is part of it (as their removal took it), listed as
    /// `remove` and undone by `canon undo` of the merge; or kept, listed as
    /// `kept-ours` saying why, when we worked on it or its parts after
    /// their removal ([`Self::ours_after`], the one rule for every kind).
    /// One gone already with a record removed before it (a session of a
    /// removed module) is said in that record's step.
    ///
    /// Their removal is found by ID, else by natural key, as ours is when
    /// we merge theirs: a module, session or reading each copy made on its
    /// own, removed in one, goes in the other too (else the copies never
    /// converge: ours kept it removed, theirs kept it). Their removed
    /// record so found is mapped to ours, as their history names it.
    fn their_removals(&mut self, theirs: &Snapshot) -> Result<()> {
        let by_key = {
            let maps = &self.maps;
            Removals::roots_of(theirs, |t, r| removal_keys(t, &maps.record(r)))
        };
        for (table, o) in std::mem::take(&mut self.unmatched) {
            let Some(id) = i(&o, "id") else { continue };
            let key = json!([id]);
            let natural = by_key.find(table, &removal_keys(table, &o)).cloned();
            let their_at = match self.theirs_past.removed.get(&(table.to_string(), key.clone())) {
                Some(at) => at.clone(),
                None => {
                    let Some(r) = natural else { continue };
                    if !self.maps.has(table, r.id) {
                        self.maps.set(table, r.id, id);
                    }
                    r.at
                }
            };
            let t = bundle::table(table).context("a merged table")?;
            if bundle::load(self.tx, t, id)?.is_none() {
                continue;
            }
            let what = match table {
                "reading" => label(table, &o),
                "person_facet" => format!(
                    "facet {} {:?} of reading {}",
                    s(&o, "facet"),
                    s(&o, "value"),
                    self.name("reading", i(&o, "reading_id").unwrap_or(0))
                ),
                _ => named(table, &o),
            };
            if let Some(line) = self.ours_after(table, Some(id), &key, &their_at, &what) {
                self.sum.kept_listed += 1;
                self.step("kept-ours", table, id, line);
                continue;
            }
            let removal = match table {
                "theme" => super::edit::theme::remove_noted(self.tx, self.by, id, &self.note)?,
                "person_facet" => super::edit::facet::remove_noted(self.tx, self.by, id, &self.note)?,
                "module" => super::edit::module::remove_noted(self.tx, self.by, id, &self.note)?,
                "item" => super::edit::item::remove_noted(self.tx, self.by, id, &self.note)?,
                _ => super::edit::reading::remove_noted(self.tx, self.by, id, &self.note)?,
            };
            self.sum.removed += 1;
            let with =
                if removal.dependents.is_empty() { String::new() } else { format!(", with {}", removal.describe()) };
            self.step("remove", table, id, format!("{what} (removed on their side){with}"));
        }
        Ok(())
    }

    /// Why we keep a record, tag or link of ours (`entity`, its `id` when it
    /// has one, `key` as [`removal_key`] names it; `what` as people name it)
    /// that their side removed at `their_at`: our work on it or its parts
    /// after their removal — a merge's removal of it we undid, the tag or
    /// link added again, or any work [`removals::worked_at`] sees (an edit;
    /// a tag, link, facet or review; a session of a module). The line for
    /// its `kept-ours` step; `None` when nothing of ours is later, so it is
    /// removed here too. The one rule for readings, modules, sessions, tags
    /// and links, mirroring [`Self::removed_here`] (their work after our
    /// removal brings a record back), so both copies decide alike.
    fn ours_after(&self, entity: &str, id: Option<i64>, key: &Value, their_at: &str, what: &str) -> Option<String> {
        let hint = match entity {
            "module" => "`canon module remove --force` to remove it here too",
            "item" => "`canon item remove --force` to remove it here too",
            "reading" => "`canon reading remove --force` to remove it here too",
            "theme" => "`canon theme remove --force` to remove it here too",
            "person_facet" => "`canon facet remove` to remove it here too",
            "link" => "`canon unlink` to remove it here too",
            _ => "`canon untag` to remove it here too",
        };
        let when = removals::shown_time(their_at);
        if let Some(u) = id.and_then(|id| self.ours_past.brought_back.get(&(entity.to_string(), id))) {
            return Some(format!(
                "{what}: removed on their side, and a merge's removal of it undone here in {}; kept ({hint})",
                u.said()
            ));
        }
        // Added again or put back here after their removal (a `canon undo` of a
        // merge's removal, `canon tag`): tester r62 F3, the next merge removed it again.
        if let Some(a) =
            self.ours_past.added.get(&(entity.to_string(), key.clone())).filter(|a| a.at.as_str() > their_at)
        {
            let how = if a.undo_of.is_some() { "put back" } else { "added again" };
            return Some(format!(
                "{what}: removed on their side on {when}, {how} here after that in {}; kept (`canon undo {}` removes \
                 it again)",
                a.said(),
                a.id
            ));
        }
        let w = id.and_then(|id| self.our_work.get(&(entity.to_string(), id))).filter(|w| w.at.as_str() > their_at)?;
        Some(format!(
            "{what}: removed on their side, changed here after that ({} in #{}; their removal on {when}); kept \
             ({hint})",
            w.what, w.entry
        ))
    }

    /// Places their facet about one author of a reading (`rec`, references mapped to ours)
    /// on the same person in our copy of the reading, whose author list may be ordered
    /// differently: by the name the facet was recorded about (`author_name`, else their
    /// author at that position), matched by [`same_person`]. Sets `author_position` and
    /// `author_name` to ours and returns true; a facet about the creators as a whole needs
    /// no placing. When no one author here is that person, the facet is not merged: false,
    /// counted in [`Summary::facets_not_placed`] and listed as a `not-placed` step naming
    /// the facet, the person and why (never silently put on someone else).
    fn place_facet(&mut self, rec: &mut Record, raw: &Record, theirs: &Snapshot) -> Result<bool> {
        let Some(their_pos) = i(raw, "author_position") else { return Ok(true) };
        // A facet of a reading kept removed here has no authors to be placed on: it stays
        // removed with its reading, as its other parts do, and `--restore-removed` brings it
        // back with it (tester r78 F14: "not-placed … record it again", for a reading that
        // stays removed).
        if i(rec, "reading_id").is_some_and(|id| self.kept.contains_key(&("reading", id))) {
            return Ok(true);
        }
        let their_id = i(raw, "id").unwrap_or(0);
        let their_reading = i(raw, "reading_id").unwrap_or(0);
        let their_authors: Vec<String> = theirs
            .get("reading")
            .iter()
            .find(|r| i(r, "id") == Some(their_reading))
            .and_then(|r| r.get("authors"))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
            .unwrap_or_default();
        let name = rec
            .get("author_name")
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty())
            .map(String::from)
            .or_else(|| usize::try_from(their_pos - 1).ok().and_then(|p| their_authors.get(p).cloned()));
        let reading = i(rec, "reading_id").unwrap_or(0);
        let ours: Vec<String> = self
            .tx
            .prepare_cached("SELECT name FROM reading_author WHERE reading_id = ?1 ORDER BY position")?
            .query_map([reading], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let facet = s(raw, "facet").to_string();
        let title: String = self
            .tx
            .query_row("SELECT title FROM reading WHERE id = ?1", [reading], |r| r.get(0))
            .optional()?
            // (Their reading's title where we hold none, never an empty one.)
            .or_else(|| {
                theirs
                    .get("reading")
                    .iter()
                    .find(|r| i(r, "id") == Some(their_reading))
                    .map(|r| s(r, "title").to_string())
            })
            .unwrap_or_default();
        let about = match &name {
            Some(n) => format!("{n:?} (their author {their_pos})"),
            None => format!("their author {their_pos}"),
        };
        let placed = match &name {
            Some(n) => same_person(&ours, n, their_pos),
            None => Err("their copy does not say who the facet is about".to_string()),
        };
        match placed {
            Ok(pos) => {
                rec.insert("author_position".into(), Value::from(pos));
                let here = usize::try_from(pos - 1).ok().and_then(|p| ours.get(p)).cloned().unwrap_or_default();
                rec.insert("author_name".into(), Value::from(here.clone()));
                if pos != their_pos {
                    self.step(
                        "placed",
                        "person_facet",
                        their_id,
                        format!(
                            "{facet} about {about} of {:?}: author {pos} here ({here})",
                            crate::import::title_text::Quoted(&title)
                        ),
                    );
                }
                Ok(true)
            }
            Err(why) => {
                self.sum.facets_not_placed += 1;
                let list = ours.iter().enumerate().map(|(n, a)| format!("{} {a}", n + 1)).collect::<Vec<_>>();
                self.step(
                    "not-placed",
                    "person_facet",
                    their_id,
                    format!(
                        "{facet} about {about} of {:?}: {why} (authors here: {}); not merged, so it is about \
                         no one else — record it again with `canon facet add` if it is about one of them",
                        crate::import::title_text::Quoted(&title),
                        if list.is_empty() { "none".to_string() } else { list.join("; ") }
                    ),
                );
                Ok(false)
            }
        }
    }

    /// The same record on both sides: identical, one side moved, or a conflict.
    fn compare(&mut self, t: &'static Table, o: &Record, theirs: &Record, their_id: i64) -> Result<()> {
        // Their ISBN that is another ISBN of our book (or ours another of theirs): one
        // book, our ISBN printed, theirs kept beside it, never a conflict (issue 12).
        let Some((folded, said)) = (if t.name == "reading" { fold_isbns(o, theirs) } else { None }) else {
            return self.compare_fields(t, o, theirs, their_id);
        };
        let before = self.steps.len();
        self.compare_fields(t, o, &folded, their_id)?;
        let id = i(o, "id").unwrap_or(0);
        match self.steps[before..].iter_mut().find(|s| s.entity == t.name && s.id == id) {
            // Before the rules that took the fields, which end the line (isbn_r86).
            Some(step) => match step.what.find(" — taken by rule: ") {
                Some(at) => step.what.insert_str(at, &format!(" — {said}")),
                None => step.what += &format!(" — {said}"),
            },
            None => self.step("update", t.name, id, format!("{}: isbn — {said}", label(t.name, o))),
        }
        Ok(())
    }

    fn compare_fields(&mut self, t: &'static Table, o: &Record, theirs: &Record, their_id: i64) -> Result<()> {
        let id = i(o, "id").unwrap_or(0);
        let mut differ: Vec<&String> =
            theirs.keys().filter(|k| !NOT_CONTENT.contains(&k.as_str()) && o.get(*k) != theirs.get(*k)).collect();
        let series_number = if t.name == "reading" { one_series_number(o, theirs) } else { None };
        if series_number.is_some() {
            let (number, series) = (opt(o, "volume").or(opt(o, "issue")).unwrap_or(""), opt(o, "series").unwrap_or(""));
            let what = if series_number == Some(true) {
                format!("our volume {number:?} is their number in the series {series:?}, kept there once")
            } else {
                differ.retain(|k| !matches!(k.as_str(), "volume" | "issue"));
                let (ours, theirs) = if opt(o, "volume").is_some() {
                    ("volume", "number in the series")
                } else {
                    ("number in the series", "volume")
                };
                format!("their {theirs} {number:?} in the series {series:?} is our {ours}, kept there once")
            };
            self.step("one-number", t.name, id, format!("{}: {what}", label(t.name, o)));
        }
        if differ.is_empty() {
            self.sum.identical += 1;
            self.settle_open(t.name, id)?;
            return Ok(());
        }
        let mut take = Vec::new();
        let mut conflict = Vec::new();
        // Fields both sides changed where ours is the richer value: kept,
        // and named (tester r54 F4: "1 kept ours" said neither record nor field).
        let mut kept = Vec::new();
        // Fields whose change from their side a merge took and we undid.
        let mut refused: Vec<(String, Entry)> = Vec::new();
        // Lists of people both sides changed, settled on a combination of the two
        // ([`super::readings::settled_names`]): written as an update, said.
        let mut combine = Vec::new();
        // Our stated type against their copy's inferred one, kept and said.
        let mut kept_type = false;
        // The rule that took each of their values, said with the update
        // (r111: a take named its fields only, never why).
        let mut decided: Vec<(String, String)> = Vec::new();
        // Our values kept because a person set them here and their copy's
        // value only a rule for two copies would prefer.
        let mut hand_kept: HashSet<String> = HashSet::new();
        let inferred = |r: &Record| r.get("type_inferred").and_then(Value::as_i64).unwrap_or(0) == 1;
        let basis = super::readings::stated_type_wins(inferred(o), inferred(theirs));
        // A reading's date goes whole, by the import's rule (tester r87 F8,
        // F13, F14): never a year of one copy beside a month of the other.
        let date_rule = self.date_rule(t, o, theirs, their_id, &differ);
        let mut date_said = None;
        if let Some((side, why)) = date_rule {
            let date = |r: &Record| shown(&Value::from(date_words(r)));
            match side {
                super::readings::Side::Theirs => {
                    take.extend(
                        differ
                            .iter()
                            .filter(|k| super::readings::DATE_FIELDS.contains(&k.as_str()))
                            .map(|k| (*k).clone()),
                    );
                    date_said = Some(format!(
                        "date {} taken whole (ours was {}): {why}, as an import keeps it",
                        date(theirs),
                        date(o)
                    ));
                }
                _ => {
                    let what = format!(
                        "{}: date {} (theirs {}: {why}, as an import keeps it) — ours is kept whole",
                        label(t.name, o),
                        date(o),
                        date(theirs)
                    );
                    self.step("kept-ours", t.name, id, what);
                    self.sum.kept_listed += 1;
                }
            }
        }
        for k in &differ {
            if date_rule.is_some() && super::readings::DATE_FIELDS.contains(&k.as_str()) {
                continue;
            }
            let (ov, tv) = (&o[k.as_str()], &theirs[k.as_str()]);
            // A reading's type canon inferred yields to a stated one, as an
            // import's does, whichever side moved (tester r73 F3).
            if t.name == "reading"
                && matches!(k.as_str(), "type" | "type_inferred")
                && let Some(theirs_stated) = basis
            {
                if theirs_stated {
                    take.push((*k).clone());
                    decided.push(((*k).clone(), "theirs is stated, ours was canon's guess".into()));
                } else if k.as_str() == "type" {
                    kept_type = true;
                }
                continue;
            }
            if series_number == Some(true) && matches!(k.as_str(), "volume" | "issue") {
                take.push((*k).clone());
                decided.push(((*k).clone(), "one number in the series, kept there once".into()));
                continue;
            }
            let ours_moved = self.ours_past.held(t.name, id, k, tv);
            // Their history is keyed by their own IDs.
            let theirs_moved = self.theirs_past.held(t.name, their_id, k, ov);
            // A value a person set by hand on one side only wins over the
            // rules for two copies neither side moved (a fuller form, a
            // type, an "et al.", a note): a decision, never outweighed by a
            // merely fuller value (r111: their fuller journal name was taken
            // over ours set by hand). Set by hand on both sides, the rules
            // below decide, and the listing names both changes.
            // Lists of people are settled name by name, a hand edit's names
            // kept inside the fuller or combined list (lead_r55, merge_r74:
            // "Okoro, C." set by hand and "Okoro, Chidi" are one person, and
            // a merge never makes the list poorer): not by this rule. Nor two
            // values the rules combine.
            let combined = matches!(k.as_str(), "authors" | "author_names" | "editor_names" | "translator_names")
                || matches!(
                    super::readings::own_script_side(k, o, theirs)
                        .map(|(side, _)| side)
                        .or_else(|| super::readings::richer_value(k, ov, tv)),
                    Some(super::readings::Side::Both)
                );
            if t.name == "reading" && !ours_moved && !theirs_moved && !combined {
                let ours_hand = self.ours_past.set_by_hand(t.name, id, k, ov).is_some();
                let theirs_hand = self.theirs_past.set_by_hand(t.name, their_id, k, tv).map(Entry::said);
                match (ours_hand, theirs_hand) {
                    (true, None) => {
                        kept.push((*k).clone());
                        hand_kept.insert((*k).clone());
                        continue;
                    }
                    (false, Some(e)) => {
                        take.push((*k).clone());
                        decided.push((
                            (*k).clone(),
                            format!("theirs set by hand in their change {e}, over ours, which no person set"),
                        ));
                        continue;
                    }
                    _ => {}
                }
            }
            // Two copies neither side edited: a type, or an "et al.", by the
            // import's rule (tester r92 F5, F6).
            if t.name == "reading"
                && !ours_moved
                && !theirs_moved
                && let Some(side) = copies_rule(k, o, theirs)
            {
                match side {
                    super::readings::Side::Theirs => {
                        take.push((*k).clone());
                        decided.push(((*k).clone(), "the rule an import follows for two copies".into()));
                    }
                    _ => kept.push((*k).clone()),
                }
                continue;
            }
            // Two copies' own notes, neither changed since its record was
            // added (two lists, each with its note): both kept, as an import
            // keeps another list's note beside the stored one, never one lost
            // to a conflict; a note either side edited since stays a conflict.
            if t.name == "reading"
                && k.as_str() == "annotation"
                && !ours_moved
                && !theirs_moved
                && !self.ours_past.changed(t.name, id, k)
                && !self.theirs_past.changed(t.name, their_id, k)
                && let Some(side) = notes_side(ov, tv)
            {
                match side {
                    super::readings::Side::Ours => kept.push((*k).clone()),
                    super::readings::Side::Theirs => {
                        take.push((*k).clone());
                        decided.push(((*k).clone(), "their note holds ours".into()));
                    }
                    super::readings::Side::Both => combine.push((*k).clone()),
                }
                continue;
            }
            match (ours_moved, theirs_moved) {
                (true, false) => {
                    if let Some((u, v)) = self.ours_past.undone.get(&(t.name.to_string(), id, (*k).clone()))
                        && v == tv
                    {
                        refused.push(((*k).clone(), u.clone()));
                    }
                }
                (false, true) => {
                    take.push((*k).clone());
                    decided.push(((*k).clone(), "their copy changed it from ours; ours did not change it".into()));
                }
                (false, false) if t.name == "reading" && k.as_str() == "title" && translation_of_ours(o, theirs) => {
                    take.push((*k).clone());
                    decided.push(((*k).clone(), "theirs is the original of our translated title".into()));
                }
                // Two copies of one work: the richer value stands (a merge never makes it poorer).
                // Other ISBNs are keys to find the book by: both sides' changes to them never
                // conflict, all are kept.
                (false, false) | (true, true)
                    if t.name == "reading" && (!ours_moved || k.as_str() == "other_isbns") =>
                {
                    let script = super::readings::own_script_side(k, o, theirs).map(|(side, _)| side);
                    match script.or_else(|| super::readings::richer_value(k, ov, tv)) {
                        Some(super::readings::Side::Ours) => kept.push((*k).clone()),
                        Some(super::readings::Side::Theirs) => {
                            take.push((*k).clone());
                            let why = if script.is_some() {
                                "theirs in the work's own script".to_string()
                            } else if empty_value(ov) {
                                "ours has none".to_string()
                            } else {
                                "the same value; theirs is its fuller or published form, neither copy changed it"
                                    .to_string()
                            };
                            let hands = match (
                                self.ours_past.set_by_hand(t.name, id, k, ov),
                                self.theirs_past.set_by_hand(t.name, their_id, k, tv),
                            ) {
                                (Some(a), Some(b)) => format!(
                                    " (both set by hand: ours in change {}, theirs in their change {})",
                                    a.said(),
                                    b.said()
                                ),
                                _ => String::new(),
                            };
                            decided.push(((*k).clone(), format!("{why}{hands}")));
                        }
                        Some(super::readings::Side::Both) => combine.push((*k).clone()),
                        None => conflict.push((*k).clone()),
                    }
                }
                _ => conflict.push((*k).clone()),
            }
        }
        // The names as written go with the same names in parts (the parts
        // decide: a string list is read again by guessing): one side's both.
        if t.name == "reading" {
            let names = "author_names".to_string();
            let side = if take.contains(&names) {
                Some(super::readings::Side::Theirs)
            } else if kept.contains(&names) {
                Some(super::readings::Side::Ours)
            } else if combine.contains(&names) {
                Some(super::readings::Side::Both)
            } else {
                None
            };
            if let Some(side) = side
                && differ.iter().any(|k| k.as_str() == "authors")
            {
                let authors = "authors".to_string();
                conflict.retain(|k| *k != authors);
                take.retain(|k| *k != authors);
                kept.retain(|k| *k != authors);
                combine.retain(|k| *k != authors);
                match side {
                    super::readings::Side::Theirs => take.push(authors),
                    super::readings::Side::Ours => kept.push(authors),
                    super::readings::Side::Both => combine.push(authors),
                }
            }
        }
        // Their record with the combined lists in place of theirs: what is taken.
        let mut mixed = theirs.clone();
        let mut combined = Vec::new();
        combine.sort_by_key(|k| k == "authors");
        for k in &combine {
            let settled = match (k.as_str(), mixed.get("author_names")) {
                // The names as written are the combined names' own.
                ("authors", Some(names)) if combined.iter().any(|(f, _)| f == "author_names") => names
                    .as_array()
                    .map(|v| v.iter().filter_map(|n| n.get("original").cloned()).collect::<Vec<_>>())
                    .map(Value::from),
                _ => super::readings::settled_value(k, &o[k.as_str()], &theirs[k.as_str()]),
            };
            match settled {
                Some(v) => {
                    combined.push(((*k).clone(), shown(&v)));
                    mixed.insert((*k).clone(), v);
                    take.push((*k).clone());
                }
                None => conflict.push((*k).clone()),
            }
        }
        if t.name == "reading"
            && let Some(short) = super::readings::merged_container_short(o, &mixed, &kept, &take)
        {
            mixed.insert("container_short".to_string(), Value::from(short));
            take.push("container_short".to_string());
        }
        // Their DOI or PMID that another of our readings holds is not copied
        // onto this one (tester r99 F1: both entries left with one PMID):
        // ours is kept, said; which of the two is the work is the user's call.
        if t.name == "reading" {
            for field in ["doi", "pmid"] {
                let Some(v) = take.iter().any(|k| k.as_str() == field).then(|| opt(&mixed, field)).flatten() else {
                    continue;
                };
                let sql = if field == "doi" {
                    "SELECT id, title FROM reading WHERE doi = ?1 COLLATE NOCASE AND id <> ?2 ORDER BY id LIMIT 1"
                } else {
                    "SELECT id, title FROM reading WHERE pmid = ?1 AND id <> ?2 ORDER BY id LIMIT 1"
                };
                let holder: Option<(i64, String)> = self
                    .tx
                    .prepare_cached(sql)?
                    .query_row(params![v, id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                if let Some((other, title)) = holder {
                    let name = if field == "doi" { "DOI" } else { "PMID" };
                    let what = format!(
                        "{}: their {name} {v} not taken — it is our reading {} ({title:?}); one work has one \
                         entry (if the two are one work, remove one by hand)",
                        label(t.name, o),
                        crate::import::reading_id_text(other)
                    );
                    take.retain(|k| k.as_str() != field);
                    self.step("kept-ours", t.name, id, what);
                    self.sum.kept_listed += 1;
                }
            }
        }
        let theirs_all = theirs;
        let theirs = &mixed;
        // Their author list would move, rename or drop an author our facets are about: those
        // facets would then be about someone else, so the list is the user's to settle (as
        // `reading edit` refuses such a change), never taken in silence.
        if t.name == "reading" && take.iter().any(|k| k == "authors" || k == "author_names") {
            let names = |r: &Record| -> Vec<String> {
                r.get("authors")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                    .unwrap_or_default()
            };
            if !super::edit::facet::keeps_faceted_authors(self.tx, id, &names(o), &names(theirs))? {
                let why = "their author list would move, rename or drop an author our facets are about";
                return self.conflict(t.name, o, theirs_all, &differ, Some(why));
            }
        }
        // The conflict names only the fields both sides changed, never one
        // ours has richer or alone moved: `resolve --take theirs` would
        // empty it (tester r48, F10: the DOI, URL and teaching note of our
        // copy were wiped by a poorer copy's blanks); and what theirs alone
        // changed (or has richer) is taken now, as for a record without a
        // conflict, so `resolve --take ours` keeps it (tester r54 F1: their
        // note, volume and publisher went with "kept our reading").
        let empty = |v: &Value| {
            v.is_null() || v.as_str().is_some_and(|x| x.trim().is_empty()) || v.as_array().is_some_and(Vec::is_empty)
        };
        // A value their copy lacks altogether is no decision: ours keeps it,
        // unlisted (tester 86 F6); only a choice between two values is listed.
        let ours_only = kept.iter().any(|k| empty(&theirs[k.as_str()]));
        kept.retain(|k| !empty(&theirs[k.as_str()]));
        if !kept.is_empty() {
            let (mut hand, mut both) = (0, 0);
            let values = kept
                .iter()
                .map(|k| {
                    let (ov, tv) = (&o[k.as_str()], &theirs[k.as_str()]);
                    // The import's words where its rule decided ([`super::readings::fuller_form`]).
                    let form = match (ov.as_str(), tv.as_str()) {
                        (Some(a), Some(b))
                            if matches!(
                                k.as_str(),
                                "container" | "publisher" | "place" | "pages" | "isbn" | "edition"
                            ) =>
                        {
                            match super::readings::fuller_form(k, a, b) {
                                super::readings::Form::Ours(w) => Some(format!("theirs {w}")),
                                _ => None,
                            }
                        }
                        _ if t.name == "reading"
                            && matches!(k.as_str(), "type" | "genre" | "authors_truncated" | "editors_truncated") =>
                        {
                            copies_rule_said(k, o, theirs)
                        }
                        // A body's initials beside its name: the import's words.
                        _ if matches!(k.as_str(), "authors" | "author_names" | "editor_names" | "translator_names") => {
                            super::readings::own_script_side(k, o, theirs)
                                .map(|(_, said)| said)
                                .or_else(|| super::readings::initials_in_lists(ov, tv))
                        }
                        _ => None,
                    };
                    // Their blank said once (tester r86 F4: "(theirs (none): theirs has none)").
                    if empty(tv) {
                        return format!("{k} {} (theirs has none)", shown(&written(t.name, k, ov)));
                    }
                    // The rule that decided, in words that agree with the basis
                    // below (tester r87 F12: "fuller or published form" beside "no
                    // history says which side's value is newer").
                    let why = if hand_kept.contains(k.as_str()) {
                        "a value set by hand wins over the rule for two copies".to_string()
                    } else {
                        form.unwrap_or_else(|| {
                            if k.as_str() == "doi" {
                                "the same DOI in another case; ours is the form every copy keeps".to_string()
                            } else {
                                "the same value; ours is its fuller or published form".to_string()
                            }
                        })
                    };
                    // Our value set by hand is a decision history records: named
                    // (and theirs, when a person set it too).
                    let by_hand = match self.ours_past.set_by_hand(t.name, id, k, ov) {
                        Some(e) => {
                            hand += 1;
                            let theirs_too = self.theirs_past.set_by_hand(t.name, their_id, k, tv);
                            match theirs_too {
                                Some(x) => {
                                    both += 1;
                                    format!(
                                        ", ours set by hand in change {} (theirs in their change {})",
                                        e.said(),
                                        x.said()
                                    )
                                }
                                None => format!(", ours set by hand in change {}", e.said()),
                            }
                        }
                        None => String::new(),
                    };
                    let (ov, tv) = (written(t.name, k, ov), written(t.name, k, tv));
                    format!("{k} {} (theirs {}: {why}){by_hand}", shown(&ov), shown(&tv))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let basis = if both > 0 {
                "ours is kept: a person set it here (a person set theirs too where said; no rule says which is right)"
            } else if hand == kept.len() {
                "ours, set by hand, is kept"
            } else if hand > 0 {
                "ours is kept (set by hand where said; elsewhere by the rule an import follows)"
            } else {
                "ours is kept, by the rule an import follows"
            };
            let what = format!("{}: {values} — {basis} (`canon reading edit` to take theirs)", label(t.name, o));
            self.step("kept-ours", t.name, id, what);
            self.sum.kept_listed += 1;
        }
        // Our undo of a merge's change is ours: kept, and said (tester r62 F3).
        if !refused.is_empty() {
            let values = refused
                .iter()
                .map(|(k, u)| {
                    format!(
                        "{k} {} (theirs {}: a merge took theirs, undone here in {}; `canon undo {}` takes it again)",
                        shown(&written(t.name, k, &o[k.as_str()])),
                        shown(&written(t.name, k, &theirs[k.as_str()])),
                        u.said(),
                        u.id
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            self.step("kept-ours", t.name, id, format!("{}: {values} — ours is kept", label(t.name, o)));
            self.sum.kept_listed += 1;
        }
        if kept_type {
            let what = format!(
                "{}: type {} (theirs {}: inferred, their copy's sources stated no type) — ours, stated, is kept",
                label(t.name, o),
                shown(&o["type"]),
                shown(&theirs["type"])
            );
            self.step("kept-ours", t.name, id, what);
            self.sum.kept_listed += 1;
        }
        if !conflict.is_empty() {
            let fields: Vec<&String> = differ.iter().copied().filter(|k| conflict.contains(*k)).collect();
            let ours_now = if take.is_empty() { o.clone() } else { self.take_theirs(t, o, theirs, &take, id)? };
            self.say_combined(&combined);
            self.say_rules(&take, &decided);
            return self.conflict(t.name, &ours_now, theirs_all, &fields, None);
        }
        // A record whose only changes are ours, none listed: counted apart
        // from the listed kept-ours rows (tester r65 F8: "0 kept ours (3
        // listed…)", and "2 kept ours" that no row showed).
        if take.is_empty() {
            if kept.is_empty() && refused.is_empty() && !kept_type && date_rule.is_none() {
                if ours_only {
                    self.sum.ours_only += 1;
                } else {
                    self.sum.kept_ours += 1;
                }
            }
            return Ok(());
        }
        self.take_theirs(t, o, theirs, &take, id)?;
        self.say_combined(&combined);
        self.say_date(date_said);
        // (Last: the fields, then the combined lists and the date, as before.)
        self.say_rules(&take, &decided);
        Ok(())
    }

    /// The whole date of one copy a merge keeps by the import's rule
    /// ([`super::readings::merged_date_side`]), when the copies' dates
    /// differ and neither side alone changed them since they were alike
    /// (a change one side made is decided by history, as other fields are).
    fn date_rule(
        &self,
        t: &'static Table,
        o: &Record,
        theirs: &Record,
        their_id: i64,
        differ: &[&String],
    ) -> Option<(super::readings::Side, &'static str)> {
        let dates: Vec<&String> =
            differ.iter().copied().filter(|k| super::readings::DATE_FIELDS.contains(&k.as_str())).collect();
        if t.name != "reading" || dates.is_empty() {
            return None;
        }
        let id = i(o, "id").unwrap_or(0);
        let one_sided = dates.iter().any(|k| {
            let ours_moved = self.ours_past.held(t.name, id, k, &theirs[k.as_str()]);
            let theirs_moved = self.theirs_past.held(t.name, their_id, k, &o[k.as_str()]);
            ours_moved != theirs_moved
        });
        if one_sided {
            return None;
        }
        super::readings::merged_date_side(o, theirs)
    }

    /// Adds to the update just listed the rule that took each of their
    /// values (`decided`: field and rule, for the fields of `take`), so a
    /// take is never a bare list of fields (r111).
    fn say_rules(&mut self, take: &[String], decided: &[(String, String)]) {
        let said: Vec<String> =
            decided.iter().filter(|(k, _)| take.contains(k)).map(|(k, why)| format!("{k}: {why}")).collect();
        if said.is_empty() {
            return;
        }
        if let Some(step) = self.steps.iter_mut().rev().find(|s| s.action == "update") {
            step.what += &format!(" — taken by rule: {}", said.join("; "));
        }
    }

    /// Adds to the update just listed which copy's date it took whole, and why.
    fn say_date(&mut self, said: Option<String>) {
        if let Some(said) = said
            && let Some(step) = self.steps.iter_mut().rev().find(|s| s.action == "update")
        {
            step.what += &format!(" — {said}");
        }
    }

    /// Adds to the update just listed the lists of people it combined from
    /// both copies (field, value as shown), so no combination is silent.
    fn say_combined(&mut self, combined: &[(String, String)]) {
        if combined.is_empty() {
            return;
        }
        // Each kind of list said as what it is (tester r84 F12: other
        // ISBNs were said to be names).
        let (notes, combined): (Vec<_>, Vec<_>) = combined.iter().partition(|(k, _)| k == "annotation");
        let (isbns, names): (Vec<_>, Vec<_>) = combined.into_iter().partition(|(k, _)| k == "other_isbns");
        let said = |l: &[&(String, String)]| l.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join("; ");
        let mut what = Vec::new();
        if !names.is_empty() {
            what.push(format!(
                "both copies changed the names, each to a fuller form of some of them: combined as an import \
                 combines them, {}",
                said(&names)
            ));
        }
        if !isbns.is_empty() {
            let all = isbns.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join("; ");
            what.push(format!("both copies added other ISBNs of the book: all kept, other_isbns {all}"));
        }
        if !notes.is_empty() {
            what.push(
                "each copy has its own note: both kept, ours first, as an import keeps another list's note (`canon \
                 reading edit --note` to keep one)"
                    .to_string(),
            );
        }
        if let Some(step) = self.steps.iter_mut().rev().find(|s| s.action == "update") {
            step.what += &format!(" — {}", what.join("; "));
        }
    }

    /// Writes `take`, the fields of `theirs` taken into our record `o`
    /// (ID `id`), with its history entry; returns our record as it now is.
    fn take_theirs(
        &mut self,
        t: &'static Table,
        o: &Record,
        theirs: &Record,
        take: &[String],
        id: i64,
    ) -> Result<Record> {
        let mut take = take.to_vec();
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
        // Their volume on our "ahead of print" record: published, as an import
        // and `reading edit` read it ([`crate::import::published_in_volume`]);
        // the state ends, in this change (tester r65 F10).
        if t.name == "reading"
            && crate::import::published_in_volume(i(&new, "year"), Some(s(&new, "year_note")), Some(s(&new, "volume")))
        {
            new.insert("year_note".into(), Value::Null);
            if !take.iter().any(|k| k == "year_note") {
                take.push("year_note".into());
            }
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
        Ok(new)
    }

    /// Closes the open conflicts on a record both copies now hold alike (a
    /// value one copy settled and the other took by a merge): nothing is
    /// left to settle, and `--take theirs` would write their old value back
    /// (tester r65 F2, F5). Each is listed as `settled`.
    fn settle_open(&mut self, entity: &'static str, id: i64) -> Result<()> {
        let open: Vec<(i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT id, fields FROM conflict WHERE entity = ?1 AND entity_id = ?2 AND resolution IS NULL ORDER BY id",
            )?
            .query_map(params![entity, id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (cid, fields) in open {
            self.tx.execute(
                "UPDATE conflict SET resolution = 'ours', resolved_at = ?2, resolved_by = ?3 WHERE id = ?1",
                params![cid, super::now(), self.by],
            )?;
            self.untracked.settled.push(cid);
            let fields: Vec<String> = serde_json::from_str(&fields).unwrap_or_default();
            self.step(
                "settled",
                entity,
                id,
                format!("conflict #{cid} ({}) closed: both copies now hold the same value", fields.join(", ")),
            );
            self.sum.settled += 1;
        }
        Ok(())
    }

    fn conflict(
        &mut self,
        entity: &'static str,
        o: &Record,
        theirs: &Record,
        differ: &[&String],
        why: Option<&str>,
    ) -> Result<()> {
        let id = i(o, "id").unwrap_or(0);
        let theirs_text = Value::Object(theirs.clone()).to_string();
        // Already listed, or already resolved for ours: not again.
        let known: Option<(i64, Option<String>, Option<String>)> = self
            .tx
            .query_row(
                "SELECT c.id, c.resolution, p.name FROM conflict c LEFT JOIN contributor p ON p.id = c.resolved_by
                  WHERE c.entity = ?1 AND c.entity_id = ?2 AND c.theirs = ?3
                    AND (c.resolution IS NULL OR c.resolution = 'ours')
                  ORDER BY c.resolution IS NOT NULL, c.id LIMIT 1",
                params![entity, id, theirs_text],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let fields: Vec<&str> = differ.iter().map(|s| s.as_str()).collect();
        // Settled for ours already: nothing to settle, and said so (tester r72 F12: the
        // merge said "see `canon resolve`" and `canon resolve` had no open conflicts).
        if let Some((cid, Some(_), who)) = &known {
            let change = super::resolution::standing(self.tx, *cid)?;
            let whom = [who.as_deref().map(|w| format!("by {w}")), change.map(|c| format!("change #{c}"))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let whom = if whom.is_empty() { String::new() } else { format!(" ({whom})") };
            self.sum.settled_earlier += 1;
            let what = format!(
                "conflict #{cid}: {} (differing: {}) — settled earlier for ours{whom}: ours stands, nothing to settle",
                label(entity, o),
                fields.join(", ")
            );
            self.step("settled-earlier", entity, id, what);
            return Ok(());
        }
        let cid = match known {
            Some((c, ..)) => c,
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
                let cid = self.tx.last_insert_rowid();
                self.untracked.opened.push(cid);
                cid
            }
        };
        self.sum.conflicts += 1;
        let what = match why {
            None => format!("conflict #{cid}: {} — both sides changed {}", label(entity, o), fields.join(", ")),
            Some(why) => format!("conflict #{cid}: {} — {why} (differing: {})", label(entity, o), fields.join(", ")),
        };
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
            // A link has an ID of its own, by which their history names their edits of it.
            let their_id = if t.name == "link" { i(raw, "id").unwrap_or(0) } else { 0 };
            let why = match self.removed_here(t, &rec, raw, their_id)? {
                Fate::Kept => continue,
                Fate::Restored(_) if join_exists(self.tx, t, &rec)? => {
                    self.sum.identical += 1;
                    continue;
                }
                Fate::Restored(_) => None,
                Fate::Add(why) => why,
                Fate::Back { why, .. } => Some(why),
            };
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
            if t.name == "item_keyword" {
                self.untracked.keywords.push((hid, s(&rec, "keyword").to_string()));
            } else {
                self.pending.push((Action::Insert, entity, hid, None, Some(Value::Object(rec.clone()))));
            }
            self.sum.added += 1;
            let what = self.join_name(t.name, &rec) + why.as_deref().unwrap_or_default();
            self.step("add", entity, hid, what);
        }
        for o in ours.get(t.name) {
            let key = tag_key(t.name, o);
            let Some(their_at) = self.theirs_past.removed.get(&(entity.to_string(), key.clone())).cloned() else {
                continue;
            };
            if their_keys.contains(&key) {
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
            // Gone already with a module, session or reading removed above (said there).
            if !join_exists(self.tx, t, o)? {
                continue;
            }
            let id = if t.name == "link" { i(o, "id") } else { None };
            if let Some(line) = self.ours_after(entity, id, &key, &their_at, &self.join_name(t.name, o)) {
                self.sum.kept_listed += 1;
                self.step("kept-ours", entity, hid, line);
                continue;
            }
            bundle::delete(self.tx, t, o)?;
            self.pending.push((Action::Delete, entity, hid, Some(Value::Object((*o).clone())), None));
            self.sum.removed += 1;
            let what = format!("{} (removed on their side)", self.join_name(t.name, o));
            self.step("remove", entity, hid, what);
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
        // What we held before the merge: their history's insert of a record
        // (or tag) we held is no insert here. Copied, `canon undo` of it, or
        // of their import, removed our own record (tester r52 F11: a merge
        // of a colleague's database that held the same works, then the undo
        // of their import, emptied our reading list).
        let mut held: HashSet<(&str, i64, Option<i64>)> = HashSet::new();
        for table in ["item", "reading", "module", "programme", "theme", "contributor", "import_run", "link"] {
            for r in ours.get(table) {
                if let Some(id) = i(r, "id") {
                    held.insert((table, id, None));
                }
            }
        }
        for (table, on) in [("item_tag", "item_id"), ("reading_tag", "reading_id")] {
            for r in ours.get(table) {
                if let (Some(id), Some(theme)) = (i(r, on), i(r, "theme_id")) {
                    held.insert((table, id, Some(theme)));
                }
            }
        }
        let t = bundle::table("history").expect("known table");
        for h in theirs.get("history") {
            // Their merges' bookkeeping stays theirs: what a merge of theirs
            // applied is copied as its author made it, once, however many
            // copies it went through (tester r65 F7: one untag was three
            // entries, credited to whoever merged).
            if s(h, "entity") == super::merge_run::MERGE
                || super::merge_run::merge_own(h.get("note").and_then(Value::as_str))
            {
                self.sum.history_bookkeeping += 1;
                continue;
            }
            // A decision on their conflict names a conflict only their copy holds.
            if s(h, "entity") == super::resolution::CONFLICT {
                self.sum.history_local += 1;
                continue;
            }
            let who = i(h, "by_id").and_then(|b| their_names.get(&b));
            let entity_id =
                i(h, "entity_id").map(|e| Maps::entity_table(s(h, "entity")).map_or(e, |tb| self.maps.get(tb, e)));
            let before = parse(h.get("before")).map(|v| self.maps.json(&v));
            let after = parse(h.get("after")).map(|v| self.maps.json(&v));
            if !seen.insert(sig(h, who, entity_id, before.clone(), after.clone())) {
                continue;
            }
            if s(h, "action") == "insert"
                && let Some(id) = entity_id
            {
                let entity = s(h, "entity");
                let key = match entity {
                    "item_tag" | "reading_tag" => {
                        let theme = after.as_ref().and_then(|a| a.get("theme_id")).and_then(Value::as_i64);
                        theme.map(|th| (entity, id, Some(th)))
                    }
                    _ => Maps::entity_table(entity).map(|tb| (tb, id, None)),
                };
                if key.is_some_and(|k| held.contains(&k)) {
                    self.sum.history_held += 1;
                    continue;
                }
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

/// Records a merge meets that our history removed (issue 10d; see [`super::history_removals`]).
impl Merger<'_, '_> {
    /// What becomes of `rec` (theirs, IDs mapped to ours; `raw` as they
    /// have it, `their_id` its ID there, 0 for a tag) that we do not hold.
    fn removed_here(&mut self, t: &'static Table, rec: &Record, raw: &Record, their_id: i64) -> Result<Fate> {
        if !removals::keeps_removed(t.name) {
            return Ok(Fate::Add(None));
        }
        let join = !t.has_id || t.name == "link";
        // By ID too: a record they renamed after our removal is the record
        // we removed (tester r76 F12); a set's volume by its ISBN and volume (r76 F16).
        let keys = lookup_keys(t.name, rec);
        let removed = self.removals.find(t.name, &keys).cloned();
        let what = if join { self.join_name(t.name, rec) } else { named(t.name, rec) };
        // Part of a record kept removed (a session of a removed module, a tag of a removed
        // theme): it stays with it, whatever else it is part of.
        let parent = rec.iter().find_map(|(k, v)| {
            let table = refers_to(k).filter(|_| removals::part_of(k))?;
            self.kept.get(&(table, v.as_i64()?)).cloned()
        });
        if let Some(parent) = parent {
            // A tag's step names its session or reading, as every tag step does.
            let target = if t.name == "item_tag" { i(rec, "item_id") } else { i(rec, "reading_id") };
            let own = if join && t.name != "link" { target.unwrap_or(their_id) } else { their_id };
            let id = removed.as_ref().map_or(own, |r| r.id);
            let line = format!("{what}: part of {parent}, which stays removed");
            self.keep(t, id, their_id, what, line);
            return Ok(Fate::Kept);
        }
        // Part of a record that comes back (they worked on it after our removal), taken by
        // the same removal: it comes with it, as the whole's undo would bring it (tester r76
        // F12: a session came back without its tag). One we removed on its own stays ours to decide.
        let revived = rec.iter().find_map(|(k, v)| {
            let table = refers_to(k).filter(|_| removals::part_of(k))?;
            let id = v.as_i64()?;
            let removal = *self.revived.get(&(table, id))?;
            Some((format!("{} {}", noun(table), self.name(table, id)), removal))
        });
        if let (Some((whole, removal)), Some(r)) = (&revived, &removed)
            && r.history_id == *removal
        {
            let why = format!(" (part of {whole}, which comes back)");
            return Ok(Fate::Back { why, removal: *removal });
        }
        let Some(r) = removed else { return Ok(Fate::Add(None)) };
        let when = removals::shown_time(&r.at);
        if self.restore {
            if self.restored.insert(r.history_id) {
                let did = history::undo(self.tx, r.history_id, self.by)
                    .with_context(|| format!("bringing back {what} (removed here in #{})", r.history_id))?;
                self.sum.restored += 1;
                let line = format!("{what}: {}; brought back: {did}", self.removal_said(&r)?);
                self.step("restore", t.name, r.id, line);
            }
            return Ok(Fate::Restored(r.id));
        }
        // Changed (or added again) on their side after our removal: theirs, so it comes in.
        let mut theirs_at = removals::record_time(raw).map(str::to_string);
        if their_id != 0
            && let Some(h) = self.their_changed.get(&(t.name.to_string(), their_id))
        {
            theirs_at = theirs_at.max(Some(h.clone()));
        }
        if theirs_at.as_deref().is_some_and(|x| x > r.at.as_str()) {
            let why = format!(
                " (removed here in #{} on {when}, changed on their side after that: it comes back, and what went \
                 with it; `canon undo` of this merge's entry removes it again)",
                r.history_id
            );
            return Ok(Fate::Back { why, removal: r.history_id });
        }
        // Work on its parts after our removal (a tag, link, facet or review; a session of a
        // module) is theirs as an edit is (tester r72 F20: a tag was dropped as kept-removed).
        if let Some(w) = self.their_work.get(&(t.name.to_string(), their_id)).filter(|w| their_id != 0 && w.at > r.at) {
            let why = format!(
                " (removed here in #{} on {when}; after that, on their side, {} (#{} in their copy): it comes \
                 back, and that with it; `canon undo` of this merge's entry removes it again)",
                r.history_id, w.what, w.entry
            );
            return Ok(Fate::Back { why, removal: r.history_id });
        }
        let line = format!(
            "{what}: {}, after their copy was made; kept removed (--restore-removed, or `canon undo {}`, brings it \
             back)",
            self.removal_said(&r)?,
            r.history_id
        );
        self.keep(t, r.id, their_id, what, line);
        Ok(Fate::Kept)
    }

    /// Our removal `r` as people credit it: "removed here in #14 by bao on
    /// …"; a removal a merge brought from another copy names the change
    /// there and its author, and the merge's entry here (tester r65 F7:
    /// "removed here in #32 by c", who had only merged bao's removal).
    fn removal_said(&self, r: &removals::Removed) -> Result<String> {
        let when = removals::shown_time(&r.at);
        Ok(match super::merge_run::credit(self.tx, r.history_id)? {
            Some(c) if c.change != r.history_id => format!(
                "removed in #{} by {} on {}, brought here by a merge in #{} on {when}",
                c.change,
                c.by,
                removals::shown_time(&c.at),
                r.history_id
            ),
            _ => format!("removed here in #{} by {} on {when}", r.history_id, r.by),
        })
    }

    /// Keeps a record of theirs removed: `name` says which, `line` why.
    fn keep(&mut self, t: &'static Table, id: i64, their_id: i64, name: String, line: String) {
        if t.has_id && t.name != "link" {
            self.maps.set(t.name, their_id, id);
            self.kept.insert((t.name, id), name);
        }
        self.sum.kept_removed += 1;
        self.step("kept-removed", t.name, id, line);
    }

    /// A tag, link or keyword as people name it: "tag epistemic-bias on session Asthma".
    fn join_name(&self, table: &str, m: &Record) -> String {
        let name = |t: &'static str, k: &str| -> String {
            let Some(id) = i(m, k) else { return String::new() };
            let kept = self.kept.get(&(t, id)).cloned();
            kept.unwrap_or_else(|| format!("{} {}", noun(t), self.name(t, id)))
        };
        let target = || if i(m, "item_id").is_some() { name("item", "item_id") } else { name("module", "module_id") };
        match table {
            "item_tag" | "reading_tag" => {
                let on = if table == "item_tag" { name("item", "item_id") } else { name("reading", "reading_id") };
                format!("tag of {} on {on}", name("theme", "theme_id"))
            }
            "link" => format!("link of {} to {}", name("reading", "reading_id"), target()),
            _ => format!("keyword {:?} of {}", s(m, "keyword"), name("item", "item_id")),
        }
    }

    /// A theme, module, session or reading as a step names it (slug, code,
    /// title): ours, one this merge added or brought back, else theirs, and
    /// its ID only when neither copy holds it.
    fn name(&self, table: &'static str, id: i64) -> String {
        self.names.get(&(table, id)).cloned().unwrap_or_else(|| id.to_string())
    }

    /// A reference that is not a part-of (a theme's parent) to a record kept removed is
    /// cleared, as our removal cleared it.
    fn unlink_kept(&self, rec: &mut Record) {
        for (k, v) in rec.iter_mut() {
            if let (Some(table), Some(id)) = (refers_to(k), v.as_i64())
                && self.kept.contains_key(&(table, id))
            {
                *v = Value::Null;
            }
        }
    }
}

/// What people call a record of `table`.
/// A reading's date as a person reads it in a message: "2024", "2011-12",
/// "2023-11-04 (ahead of print)", "spring 2019", "2011–2012", "in press".
fn date_words(r: &Record) -> String {
    let year = i(r, "year");
    let mut out = match (year, i(r, "month"), i(r, "day")) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y}-{m:02}"),
        (Some(y), None, _) => match opt(r, "season") {
            Some(season) => format!("{season} {y}"),
            None => y.to_string(),
        },
        (None, ..) => String::new(),
    };
    if let Some(end) = i(r, "year_end") {
        out += &format!("–{end}");
    } else if let Some(end) = i(r, "month_end") {
        out += &format!("–{end:02}");
    }
    match (opt(r, "year_note"), out.is_empty()) {
        (Some(n), true) => n.to_string(),
        (Some(n), false) => format!("{out} ({n})"),
        (None, true) => "(none)".to_string(),
        (None, false) => out,
    }
}

fn noun(table: &str) -> &str {
    if table == "item" { "session" } else { table }
}

/// A record as people name it: "module MED1001 Foundations of Medicine", "reading A Dying Colonialism".
fn named(table: &str, m: &Record) -> String {
    format!("{} {}", noun(table), label(table, m))
}

/// Our themes (by slug), modules (by code), sessions and readings (by
/// title), by ID; then theirs by their IDs, for a step that names one of
/// theirs we do not hold (IDs are unique across copies).
fn names(ours: &Snapshot, theirs: &Snapshot) -> HashMap<(&'static str, i64), String> {
    let mut out = HashMap::new();
    for side in [ours, theirs] {
        for table in ["theme", "module", "item", "reading"] {
            for m in side.get(table) {
                if let Some(id) = i(m, "id") {
                    // A reading's title in its sheet text, `{eGFR}` (tester r76 F13).
                    out.entry((table, id)).or_insert_with(|| name_of(table, m));
                }
            }
        }
    }
    out
}

/// Keys of a removed record, as the merge matches theirs: a tag, link or
/// keyword by what it joins, anything else by its ID (the same record,
/// however either copy renamed it since: tester r76 F12), then its natural
/// keys (the same record each copy made on its own).
///
/// A removed reading's ISBN key names its volume, when it has one
/// ([`super::readings::isbn_key`]): our removal of a set's volume 1 keeps
/// none of their other volumes out (tester r76 F16).
fn removal_keys(table: &str, m: &Record) -> Vec<String> {
    let mut keys = lookup_keys(table, m);
    if table == "reading" && opt_text(m, "volume").is_some() {
        // The ISBN alone is a set's (no volume) key, looked up by its volumes.
        let plain = keys.iter().position(|k| k.starts_with("isbn:") && !k.contains(":volume:"));
        if let Some(at) = plain {
            keys.remove(at);
        }
    }
    keys
}

/// What a step calls a record of `table` (as [`names`] has it): a theme's
/// slug, a module's code, a session's title, a reading's title in its sheet text.
fn name_of(table: &str, m: &Record) -> String {
    match table {
        "theme" => s(m, "slug").to_string(),
        "module" => s(m, "code").to_string(),
        "reading" => crate::import::title_text::sheet(s(m, "title")),
        _ => s(m, "title").to_string(),
    }
}

/// Keys of their record, to find our removal of it ([`removal_keys`]): a
/// volume's ISBN key with its volume first, then the ISBN alone (our
/// removed set, which had no volume).
fn lookup_keys(table: &str, m: &Record) -> Vec<String> {
    if matches!(table, "item_tag" | "reading_tag" | "link" | "item_keyword") {
        return vec![tag_key(table, m).to_string()];
    }
    let mut keys = natural_keys(table, m);
    // By ID too (a record renamed since is the same record; tester r76 F12).
    let id = format!("id:{}", i(m, "id").unwrap_or(0));
    if i(m, "id").is_some() && !keys.contains(&id) {
        keys.insert(0, id);
    }
    if table == "reading"
        && !s(m, "isbn").is_empty()
        && let Some(volume) = opt_text(m, "volume")
        && let Some(at) = keys.iter().position(|k| k.starts_with("isbn:"))
    {
        let k = super::readings::isbn_key(s(m, "isbn"), s(m, "type"), s(m, "title"), Some(volume));
        keys.insert(at, k);
    }
    keys
}

/// A text field of a record, `None` when absent or blank.
fn opt_text<'r>(m: &'r Record, k: &str) -> Option<&'r str> {
    Some(s(m, k)).filter(|v| !v.trim().is_empty())
}

/// Whether a tag, link or keyword is held here now.
fn join_exists(tx: &Transaction, t: &Table, m: &Record) -> Result<bool> {
    let g = |k: &str| m.get(k).and_then(Value::as_i64);
    Ok(match t.name {
        "item_tag" | "reading_tag" => {
            let target = if t.name == "item_tag" { g("item_id") } else { g("reading_id") };
            bundle::load_tag(tx, t, target.unwrap_or_default(), g("theme_id").unwrap_or_default())?.is_some()
        }
        "link" => tx
            .prepare_cached("SELECT 1 FROM link WHERE reading_id IS ?1 AND item_id IS ?2 AND module_id IS ?3")?
            .exists(params![g("reading_id"), g("item_id"), g("module_id")])?,
        _ => tx
            .prepare_cached("SELECT 1 FROM item_keyword WHERE item_id = ?1 AND keyword = ?2")?
            .exists(params![g("item_id"), m.get("keyword").and_then(Value::as_str)])?,
    })
}

/// The latest removal of a record: its history entry, who made it, when.
fn removal(tx: &Transaction, entity: &str, id: i64) -> Result<Option<(i64, String, String)>> {
    Ok(tx
        .prepare_cached(
            "SELECT h.id, coalesce(c.name, '(unknown)'), h.at FROM history h LEFT JOIN contributor c ON c.id = h.by_id
              WHERE h.entity = ?1 AND h.entity_id = ?2 AND h.action = 'delete' ORDER BY h.id DESC LIMIT 1",
        )?
        .query_row(params![entity, id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
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
    /// The conflicting fields as the record holds them now, when that is
    /// no longer ours as found (an edit by hand since, or a later merge):
    /// the listing says so rather than show a value the record no longer
    /// holds (tester r70). `None` when they stand as found.
    pub now: Option<Value>,
    /// The record was removed since the conflict was found.
    pub removed: bool,
}

impl Conflict {
    fn side(&self, v: &Value) -> String {
        self.fields
            .iter()
            .map(|f| {
                let x = written(&self.entity, f, &v.get(f).cloned().unwrap_or(Value::Null));
                let t = x.as_str().map(String::from).unwrap_or_else(|| x.to_string());
                format!("{f}: {t}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Our side as `canon resolve` lists it: as found, or what the record
    /// holds now beside it.
    pub fn ours_fields(&self) -> String {
        if self.removed {
            return format!("(removed since; when found: {})", self.side(&self.ours));
        }
        match &self.now {
            None => self.side(&self.ours),
            Some(now) => format!("{} (now; when found: {})", self.side(now), self.side(&self.ours)),
        }
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
                now: None,
                removed: false,
            })
        })?
        .collect::<rusqlite::Result<Vec<Conflict>>>()?;
    let mut rows = rows;
    for c in rows.iter_mut().filter(|c| c.resolution.is_none()) {
        let Some(t) = bundle::table(&c.entity) else { continue };
        let Some(cur) = bundle::load(conn, t, c.entity_id)? else {
            c.removed = true;
            continue;
        };
        let field = |v: &Value, f: &str| v.get(f).cloned().unwrap_or(Value::Null);
        let now: serde_json::Map<String, Value> =
            c.fields.iter().map(|f| (f.clone(), cur.get(f.as_str()).cloned().unwrap_or(Value::Null))).collect();
        if c.fields.iter().any(|f| now[f.as_str()] != field(&c.ours, f)) {
            c.now = Some(Value::Object(now));
        }
    }
    Ok(rows)
}

/// Settles a conflict: `ours` keeps the record as it is, `theirs` writes
/// their version of the conflicting fields (the history keeps ours). The
/// conflict row keeps both versions either way. Returns what it did and
/// the history entry that records it, which `canon undo` takes: the
/// record's update, or, when no value changed, the decision's own entry
/// (see [`super::resolution`]; tester r70: `--take ours` left none, so it
/// could not be undone).
pub fn resolve(tx: &Transaction, id: i64, take: &str, by: i64) -> Result<Resolved> {
    let c = list(tx, true)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| anyhow::anyhow!("no conflict #{id}; see `canon resolve` for the open ones"))?;
    if let Some(r) = &c.resolution {
        anyhow::bail!("conflict #{id} was already resolved ({r}); nothing changed");
    }
    let mut what = format!("kept our {} {}", c.entity, c.entity_id);
    let mut change = None;
    let t = bundle::table(&c.entity).ok_or_else(|| anyhow::anyhow!("unknown record kind {:?}", c.entity))?;
    // The record was removed since the conflict was found: their version
    // has nothing to go into, ours (removed) is what stands (tester r62
    // F12: "no longer exists", and the conflict stayed open for good).
    let current = bundle::load(tx, t, c.entity_id)?;
    if current.is_none() {
        let name =
            format!("{} {}", noun(&c.entity), c.ours.as_object().map(|o| label(&c.entity, o)).unwrap_or_default());
        let gone = removal(tx, &c.entity, c.entity_id)?;
        let removed = match &gone {
            Some((h, who, at)) => match super::merge_run::credit(tx, *h)? {
                Some(o) if o.change != *h => format!(
                    "removed in #{} by {} on {}, brought here by a merge in #{h}",
                    o.change,
                    o.by,
                    removals::shown_time(&o.at)
                ),
                _ => format!("removed in #{h} by {who} on {}", removals::shown_time(at)),
            },
            None => "removed".to_string(),
        };
        if take == "theirs" {
            let undo =
                gone.map(|(h, ..)| format!("`canon undo {h}` brings it back, then resolve; or ")).unwrap_or_default();
            anyhow::bail!(
                "conflict #{id}: {name} was {removed}, so their version has nothing to go into; {undo}`canon resolve \
                 {id} --take ours` closes the conflict with it removed"
            );
        }
        what = format!("kept {name} removed ({removed})");
    }
    // The record changed on its conflict's fields since the conflict was
    // found (a merge took the value the group settled on elsewhere): their
    // version there is stale, and taking it would undo that (tester r65
    // F5: `--take theirs` wrote the other copy's old pages back, newest of
    // all, and the next merges spread it). Refused, with both values.
    if take == "theirs"
        && let Some(cur) = &current
    {
        let moved: Vec<&String> = c
            .fields
            .iter()
            .filter(|f| {
                let now = cur.get(f.as_str()).cloned().unwrap_or(Value::Null);
                now != c.ours.get(f.as_str()).cloned().unwrap_or(Value::Null)
                    && now != c.theirs.get(f.as_str()).cloned().unwrap_or(Value::Null)
            })
            .collect();
        if !moved.is_empty() {
            let said = moved
                .iter()
                .map(|f| {
                    let v = |x: Option<&Value>| x.map_or("(empty)".to_string(), shown);
                    format!(
                        "{f} is now {} (ours was {}, theirs {})",
                        v(cur.get(f.as_str())),
                        v(c.ours.get(f.as_str())),
                        v(c.theirs.get(f.as_str()))
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            anyhow::bail!(
                "conflict #{id} is out of date: {said}; their version would undo that change. `canon resolve {id} \
                 --take ours` closes it with the value as it is now (merge their copy again for their latest)"
            );
        }
    }
    if take == "theirs"
        && let Some(current) = current
    {
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
        // Their author list must not move an author our facets are about (as `reading edit`).
        if c.entity == "reading" && fields.iter().any(|f| f == "authors") {
            let names = |v: Option<&Value>| -> Vec<String> {
                v.and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                    .unwrap_or_default()
            };
            super::edit::facet::check_author_change(
                tx,
                c.entity_id,
                &names(current.get("authors")),
                &names(c.theirs.get("authors")),
            )?;
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
            change = Some(history::record_noted(
                tx,
                Some(by),
                Action::Update,
                t.name,
                Some(c.entity_id),
                Some(&Value::Object(before)),
                Some(&Value::Object(after)),
                None,
                Some(&super::resolution::note(id, "theirs", &c.source)),
            )?);
        }
        what = format!("took their version of {} {} ({})", c.entity, c.entity_id, c.fields.join(", "));
    }
    tx.execute(
        "UPDATE conflict SET resolution = ?2, resolved_at = ?3, resolved_by = ?4 WHERE id = ?1",
        params![id, take, super::now(), by],
    )?;
    let (change, wrote) = match change {
        Some(c) => (c, true),
        None => (super::resolution::record(tx, by, id, take, &c.source)?, false),
    };
    Ok(Resolved { what, change, wrote })
}

/// What `resolve` did.
#[derive(Debug)]
pub struct Resolved {
    /// In words: "kept our reading 12", "took their version of reading 12 (place)".
    pub what: String,
    /// The history entry that records it: what `canon undo` takes.
    pub change: i64,
    /// Whether it wrote their values (its undo puts ours back).
    pub wrote: bool,
}

/// The side of two copies of one reading whose type or "et al." stands, by
/// the rule an import follows, where it decides (tester r92 F5, F6): a
/// type kept against a generic one by what only it has
/// ([`super::readings::type_kept_against`]), either way round; a list's
/// "et al." (or its being complete) goes with the list, theirs only with
/// their longer list.
fn copies_rule(k: &str, o: &Record, theirs: &Record) -> Option<super::readings::Side> {
    use super::readings::{Side, type_kept_against};
    match k {
        "type" => {
            let (om, tm) = (place(o), place(theirs));
            // Legal material: `other` with its genre, never an older canon's `report`.
            let legal =
                super::readings::legal_genre(opt(o, "genre")) || super::readings::legal_genre(opt(theirs, "genre"));
            if super::readings::legal_refines(s(theirs, "type"), s(o, "type"), legal) {
                Some(Side::Theirs)
            } else if super::readings::legal_refines(s(o, "type"), s(theirs, "type"), legal)
                || type_kept_against(&om, &tm).is_some()
            {
                Some(Side::Ours)
            } else if type_kept_against(&tm, &om).is_some() {
                Some(Side::Theirs)
            } else {
                None
            }
        }
        "authors_truncated" | "editors_truncated" => {
            let list = if k == "authors_truncated" { "author_names" } else { "editor_names" };
            let len = |m: &Record| m.get(list).and_then(Value::as_array).map_or(0, Vec::len);
            Some(if len(theirs) > len(o) { Side::Theirs } else { Side::Ours })
        }
        _ => None,
    }
}

/// Whether a field's value is blank: null, white space or an empty list.
fn empty_value(v: &Value) -> bool {
    v.is_null() || v.as_str().is_some_and(|x| x.trim().is_empty()) || v.as_array().is_some_and(Vec::is_empty)
}

/// Which of two copies' notes a merge keeps when neither was changed since
/// its record was added, by the import's rule: a note that holds the other
/// is the fuller, else both ([`super::readings::settled_value`]). `None`
/// when either is blank (the richer-value rule decides).
fn notes_side(ours: &Value, theirs: &Value) -> Option<super::readings::Side> {
    let (a, b) = (ours.as_str()?.trim(), theirs.as_str()?.trim());
    if a.is_empty() || b.is_empty() {
        return None;
    }
    Some(if a.contains(b) {
        super::readings::Side::Ours
    } else if b.contains(a) {
        super::readings::Side::Theirs
    } else {
        super::readings::Side::Both
    })
}

/// Why [`copies_rule`] kept ours, in words; `None` where it does not decide.
fn copies_rule_said(k: &str, o: &Record, theirs: &Record) -> Option<String> {
    match k {
        "type" if s(o, "type") == "other" && s(theirs, "type") == "report" => {
            Some("legal material, which canon stores as type other with its genre; theirs is an older canon's".into())
        }
        "type" => super::readings::type_kept_against(&place(o), &place(theirs)).map(|why| {
            why.replace("the file's", "their").replace("the file", "theirs").replace("the stored record", "ours")
        }),
        "authors_truncated" | "editors_truncated" => Some(
            "the same list, ours kept with its own \"et al.\" or its being complete, as an import keeps it".to_string(),
        ),
        "genre" if opt(theirs, "genre").is_some_and(super::readings::default_genre) => {
            Some("theirs is only what an entry type implies, a default; ours is stated".to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::same_person;

    fn list(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn a_facet_is_placed_on_the_same_person_or_nowhere() {
        let ours = list(&["Eisenstein, Leo G.", "Vyas, Darshali A.", "Jones, David S."]);
        // Another order: the person, not the position.
        assert_eq!(same_person(&ours, "Vyas, Darshali A.", 1), Ok(2));
        assert_eq!(same_person(&ours, "vyas,  darshali a.", 1), Ok(2), "case and spacing");
        // The same family name at the same position: the name written more fully.
        assert_eq!(same_person(&ours, "Jones, D. S.", 3), Ok(3));
        // ...but not at another position: that could be someone else.
        assert!(same_person(&ours, "Jones, D. S.", 1).is_err());
        // Nobody of that name: not placed, and the message names the person.
        let e = same_person(&ours, "Fanon, Frantz", 1).unwrap_err();
        assert!(e.contains("Fanon, Frantz"), "{e}");
        // Two authors written alike: which one is unknown, so neither.
        let twins = list(&["Li, Wei", "Zhang, Min", "Li, Wei"]);
        let e = same_person(&twins, "Li, Wei", 1).unwrap_err();
        assert!(e.contains("2 authors") && e.contains("1, 3"), "{e}");
        // Names in other scripts are matched as written.
        let ours = list(&["Ngũgĩ wa Thiong'o", "王, 小明", "Адиčи, Нгози"]);
        assert_eq!(same_person(&ours, "王, 小明", 3), Ok(2));
    }
}
