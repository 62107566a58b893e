//! Programmes, modules and items: the module-list import and its listings.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use rusqlite::{CachedStatement, Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

use super::IdGen;
use super::history::{self, Action};
use crate::import::modules::{Columns, ItemRow, ModuleRow};

/// Problems that reject rows, found while writing: (line, the field whose
/// column the problem is at — an index into [`crate::import::modules::FIELDS`]
/// — and the message).
pub type Problems = Vec<(u64, usize, String)>;

use crate::import::modules::{CODE, SESSION};

/// A session title as the import and `item edit` compare titles within a
/// module: whitespace runs made one space, trimmed, and case folded
/// (Unicode-aware: "PULSE OXIMETRY " is "Pulse oximetry"; "STRASSE" is "Straße").
pub fn title_fold(title: &str) -> String {
    // Most titles are ASCII and single-spaced already (imports and edits store them so): one pass.
    let spaced = !title.starts_with(' ') && !title.ends_with(' ') && !title.contains("  ");
    if title.is_ascii() && spaced && !title.bytes().any(|b| b.is_ascii_whitespace() && b != b' ') {
        return title.to_ascii_lowercase();
    }
    title.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase().to_lowercase()
}

/// The session titles of the module rows are being written to, by their
/// folded form ([`title_fold`]).
struct Titles {
    module_id: i64,
    by_fold: HashMap<String, TitleSeen>,
}

/// A title a module holds: as stored before this run, or as a row of the file gave it.
struct TitleSeen {
    title: String,
    /// The item stored before this run that has it (`None` for one this run added).
    stored: Option<i64>,
    /// The line of the file that gave it (0: not met in the file yet, or met
    /// before the module was last left).
    line: u64,
}

/// What [`ModuleWriter::item`] did with a row of a stored module.
enum Written {
    /// Added the session (its tags and keywords are still to write).
    Added(i64),
    /// Compared it with the stored session (tags and keywords included).
    Compared(i64),
}

/// How a row's session title matches the titles its module holds.
enum TitleMatch {
    /// Not held in any spelling: a new session.
    New,
    /// Held as written.
    Same,
    /// A session stored before this run, written otherwise (case or spacing): its ID and stored title.
    Respelled(i64, String),
}

/// What happened to one row of an import, for `--dry-run` and the summary.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The row's line; 0 for a record the file no longer holds.
    pub line: u64,
    pub outcome: Outcome,
    pub what: String,
    /// For a change: the fields that change, as `field: before → after`.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    New,
    Changed,
    Unchanged,
    Duplicate,
    Rejected,
    /// Retired by `import modules --sync`: the file no longer holds it.
    Removed,
    /// A session renamed (found by `--sync`: same module, same outcomes); it keeps its ID and tags.
    Renamed,
    /// A session moved to another module (found by `--sync`: same title and
    /// outcomes, another module of the file); it keeps its ID and tags.
    Moved,
    /// A module whose code changed (found by `--sync`: the only stored module
    /// of its programme with that title the file no longer lists, and the
    /// only new one with it); it keeps its ID, lead, sessions, tags and links.
    Recoded,
    /// A reading list's record of a work a person removed: not added again.
    Skipped,
}

impl Outcome {
    /// The word the dry run prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::New => "new",
            Outcome::Changed => "changed",
            Outcome::Unchanged => "unchanged",
            Outcome::Duplicate => "duplicate",
            Outcome::Rejected => "rejected",
            Outcome::Removed => "removed",
            Outcome::Renamed => "renamed",
            Outcome::Moved => "moved",
            Outcome::Recoded => "recoded",
            Outcome::Skipped => "skipped",
        }
    }
}

/// The counts an import reports.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    /// The history entry of the import (`canon undo N` reverts the whole
    /// import), when it wrote anything; `None` for a dry run or an import
    /// that changed nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    pub new: i64,
    pub changed: i64,
    pub unchanged: i64,
    pub duplicate: i64,
    pub rejected: i64,
    pub modules_new: i64,
    pub modules_changed: i64,
    pub tags_new: i64,
    /// Tags removed (a reading's themes cell is the whole set).
    pub tags_removed: i64,
    /// Sessions retired by `--sync` (including those of retired modules).
    pub removed: i64,
    /// Modules retired by `--sync`.
    pub modules_removed: i64,
    /// Sessions renamed (found by `--sync`), keeping their tags.
    pub renamed: i64,
    /// Sessions moved to another module (found by `--sync`), keeping their tags.
    pub moved: i64,
    /// Modules whose code changed (found by `--sync`: same programme and
    /// title, one candidate each side), keeping their ID, lead, tags and links.
    pub modules_recoded: i64,
    /// Without `--sync`: stored sessions of the file's programmes that the file no longer holds.
    pub not_in_file: i64,
    /// Modules of the file's programmes that the file no longer lists at all.
    pub modules_not_in_file: i64,
    /// Of `not_in_file`, the sessions in those modules.
    pub not_in_file_unlisted: i64,
    /// Rows read (blank and empty rows aside): none means a file with only its header.
    pub rows: i64,
    /// Blank lines and rows with every cell empty, skipped.
    pub skipped: i64,
    /// New readings that may be a work already listed (same first author,
    /// year and main title): added, and flagged.
    pub possible_duplicates: i64,
    /// Stored readings whose values set by hand (or changed after an
    /// export) stood against the file's: the file's other values applied.
    pub held_by_hand: i64,
    /// Stored readings found by a DOI, ISBN or their original title that
    /// kept their stored title against the file's other one.
    pub titles_kept: i64,
    /// Stored readings that kept their stored date against the file's
    /// other year: the file's was of the work in press, or a bare year
    /// against a fuller date.
    pub dates_kept: i64,
    /// Stored readings that kept an author's name against the file's with
    /// another suffix ("Jr." and "Sr."), or their order against the same
    /// people in another order.
    pub names_kept: i64,
    /// Stored readings that kept a volume, issue, pages or edition against
    /// another list's other value (said, with the edit that takes it).
    pub values_kept: i64,
    /// Records of works a person (or a merge) removed, not added again
    /// (warned, with the removal's `canon undo`).
    pub removed_kept: i64,
    /// Item keywords added (a keyword already held is not counted).
    pub keywords_new: i64,
    /// Item keywords removed (a keywords column is the whole set for its session).
    pub keywords_removed: i64,
    /// Of the rejected records, those left out by `import reading
    /// --skip-invalid` (the rest was imported).
    pub left_out: i64,
}

/// How a module-list import writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Keep every change (for `--dry-run`).
    pub keep_changes: bool,
    /// Store a module code the file gives to a second module as `CODE~2`.
    pub rename_duplicate_codes: bool,
    /// The fields the file has columns for: the others are left as stored.
    pub columns: Columns,
    /// The file is the whole truth for its programmes: retire what it no longer holds.
    pub sync: bool,
}

struct ModuleState {
    id: i64,
    title: String,
    /// The first year and lead the file gives the module (later rows fill blanks).
    year: Option<i64>,
    lead: Option<String>,
    line: u64,
    /// Added by this run: its items are all new unless the file repeats them.
    fresh: bool,
    /// As stored before this run, for an existing module (boxed: most
    /// modules of a large import are new, and this map holds every module).
    stored: Option<Box<StoredModule>>,
    /// A later row filled a year or lead the first left empty.
    filled: bool,
}

/// A module's fields as stored before the run.
struct StoredModule {
    title: String,
    year: Option<i64>,
    lead: Option<String>,
}

/// An item of a module added by this run, waiting to go in with others.
struct PendingItem {
    id: i64,
    module_id: i64,
    kind: &'static str,
    title: String,
    title_hash: i64,
    outcomes: String,
    position: i64,
    themes: Vec<i64>,
    keywords: Vec<String>,
    line: u64,
    code: String,
}

const ITEM_BATCH: usize = 64;

/// `INSERT INTO item … VALUES (?, ?, ?, ?, ?, ?), …` for `n` items.
fn insert_items_sql(n: usize) -> String {
    let mut sql = String::from("INSERT INTO item (id, module_id, kind, title, title_hash, outcomes, position) VALUES ");
    for i in 0..n {
        if i > 0 {
            sql.push(',');
        }
        let b = 7 * i;
        sql.push_str(&format!("(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7));
    }
    sql.push_str(" ON CONFLICT (module_id, title_hash) DO NOTHING");
    sql
}

/// The module of the previous row: rows usually come grouped by module, so
/// most rows skip the map.
struct LastModule {
    programme: String,
    code: String,
    title: String,
    id: i64,
    fresh: bool,
    /// The module's year and lead so far: a row that agrees, or leaves them
    /// empty, has nothing to fill or to contradict.
    year: Option<i64>,
    lead: Option<String>,
}

/// A module as a row meets it: its ID, whether this run added it, and its
/// year and lead so far.
struct ModuleSeen {
    id: i64,
    fresh: bool,
    year: Option<i64>,
    lead: Option<String>,
}

/// Writes module rows inside one transaction, as an idempotent upsert keyed
/// by (programme, module code) and (module, item title).
pub struct ModuleWriter<'t> {
    tx: &'t Transaction<'t>,
    ids: IdGen,
    by: Option<i64>,
    at: String,
    run_id: i64,
    path: String,
    /// Items with an ID at or above this were added by this run.
    first_new: i64,
    programmes: HashMap<String, i64>,
    modules: HashMap<(i64, String), ModuleState>,
    pub counts: Counts,
    /// Every change, kept only when asked (dry runs).
    pub changes: Option<Vec<Change>>,
    /// Items updated in place, whose full-text rows need replacing.
    changed_items: Vec<i64>,
    /// Stored items the file holds (to find those it no longer does).
    seen: HashSet<i64>,
    /// The line of each item this run added to a stored module, and with
    /// `--sync` to any module (for renames, moves and placing).
    new_lines: HashMap<i64, u64>,
    /// The sessions of each stored module in the file's order (each once):
    /// the sessions this run adds there take their place among them.
    order: HashMap<i64, Vec<i64>>,
    /// The sessions in `order`.
    ordered: HashSet<i64>,
    /// Sessions this run added that a rename or a move replaced by a stored
    /// one: (added, stored).
    replaced: HashMap<i64, i64>,
    /// Sessions moved to another module, waiting for their history entry
    /// until they are placed: (ID, before, after, note).
    moved: Vec<(i64, serde_json::Value, serde_json::Value, String)>,
    /// Stored sessions `--sync` retires that match a new session elsewhere
    /// without the evidence for a move: why each is not moved (see [`Self::moves`]).
    move_hints: HashMap<i64, String>,
    /// Stored modules `--sync` retires that share their title with more
    /// than one module on either side: why each is not recoded (see [`Self::recodes`]).
    module_hints: HashMap<i64, String>,
    /// What `--sync` decided not to do, for stderr after a real run (the dry
    /// run shows it with its lines): "CODE · Title: possible move to …".
    sync_notes: Vec<String>,
    /// Themes a person took off a session that the file would tag again,
    /// with the file's line: said, and not applied.
    tag_warnings: Vec<(u64, String)>,
    position: i64,
    last: Option<LastModule>,
    insert_item: CachedStatement<'t>,
    pending_items: Vec<PendingItem>,
    insert_items: CachedStatement<'t>,
    /// Problems found while writing (a repeated session, a module code reused), by line.
    pub problems: Problems,
    /// Things the user should know that reject nothing, by line.
    pub notes: Vec<(u64, String)>,
    opts: WriteOptions,
    /// Codes stored under another name: (line, code in the file, code stored).
    pub renamed: Vec<(u64, String, String)>,
    /// Tags wait here and go in [`TAG_BATCH`] at a time: one statement
    /// for many rows costs far less than a statement per row.
    pending_tags: Vec<(i64, i64)>,
    insert_tags: CachedStatement<'t>,
    /// Item keywords, written at the end: (item, keyword).
    pending_keywords: Vec<(i64, String)>,
    /// The titles of the module rows are being written to.
    titles: Option<Titles>,
    /// Modules whose titles were gathered before (met again, their titles are read back).
    gathered: HashSet<i64>,
    /// For a dry run: the tags and keywords already shown for sessions this
    /// run added, so a repeated row shows only what it adds.
    shown: Option<Box<Shown>>,
}

/// What the dry run has shown as added to sessions this run added.
#[derive(Default)]
struct Shown {
    tags: HashSet<(i64, i64)>,
    keywords: HashSet<(i64, String)>,
    /// Theme slugs by ID (a dry run names each tag).
    slugs: HashMap<i64, String>,
}

const TAG_BATCH: usize = 128;

/// `INSERT INTO item_tag … VALUES (?3, ?4, ?1, ?2, 'import'), (?5, ?6, ?1, ?2, 'import'), …`
/// for `n` tags, with the contributor (?1) and time (?2) shared.
fn insert_tags_sql(n: usize) -> String {
    let mut sql = String::from("INSERT INTO item_tag (item_id, theme_id, by_id, at, source) VALUES ");
    for i in 0..n {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(&format!("(?{}, ?{}, ?1, ?2, 'import')", 3 + 2 * i, 4 + 2 * i));
    }
    sql.push_str(" ON CONFLICT (item_id, theme_id) DO NOTHING");
    sql
}

impl<'t> ModuleWriter<'t> {
    pub fn new(
        tx: &'t Transaction<'t>,
        mut ids: IdGen,
        by: Option<i64>,
        path: &str,
        opts: WriteOptions,
    ) -> Result<Self> {
        let run_id = ids.next_id();
        let first_new = ids.next_id();
        let position: i64 = tx.query_row("SELECT coalesce(max(position), 0) FROM item", [], |r| r.get(0))?;
        let at = super::now();
        start_run(tx, run_id, "modules", path, by, &at)?;
        Ok(ModuleWriter {
            tx,
            ids,
            by,
            at,
            run_id,
            path: path.to_string(),
            first_new,
            programmes: HashMap::new(),
            modules: HashMap::new(),
            counts: Counts::default(),
            changes: opts.keep_changes.then(Vec::new),
            changed_items: Vec::new(),
            seen: HashSet::new(),
            new_lines: HashMap::new(),
            order: HashMap::new(),
            ordered: HashSet::new(),
            replaced: HashMap::new(),
            moved: Vec::new(),
            move_hints: HashMap::new(),
            sync_notes: Vec::new(),
            tag_warnings: Vec::new(),
            module_hints: HashMap::new(),
            position,
            last: None,
            insert_item: tx.prepare_cached(
                "INSERT INTO item (id, module_id, kind, title, title_hash, outcomes, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (module_id, title_hash) DO NOTHING",
            )?,
            pending_items: Vec::with_capacity(ITEM_BATCH),
            insert_items: tx.prepare_cached(&insert_items_sql(ITEM_BATCH))?,
            problems: Vec::new(),
            notes: Vec::new(),
            opts,
            renamed: Vec::new(),
            pending_tags: Vec::with_capacity(TAG_BATCH),
            insert_tags: tx.prepare_cached(&insert_tags_sql(TAG_BATCH))?,
            pending_keywords: Vec::new(),
            titles: None,
            gathered: HashSet::new(),
            shown: opts.keep_changes.then(Box::default),
        })
    }

    /// How `title` matches the session titles of `module_id` (stored, and
    /// given by earlier rows), ignoring case and spacing. A title that
    /// differs only so from one an earlier row gave is a problem: one
    /// session, written two ways in one file.
    fn match_title(
        &mut self,
        module_id: i64,
        fresh: bool,
        line: u64,
        title: &str,
    ) -> Result<Result<TitleMatch, String>> {
        if self.titles.as_ref().is_none_or(|t| t.module_id != module_id) {
            let mut by_fold: HashMap<String, TitleSeen> = HashMap::new();
            // A module met for the first time that this run added has no titles yet.
            if !fresh || self.gathered.contains(&module_id) {
                self.flush_items()?;
                let mut st =
                    self.tx.prepare_cached("SELECT id, title, kind FROM item WHERE module_id = ?1 ORDER BY id")?;
                let rows = st.query_map([module_id], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                })?;
                let mut marked = Vec::new();
                for r in rows {
                    let (id, t, kind) = r?;
                    let stored = (id < self.first_new && !self.seen.contains(&id)).then_some(id);
                    // An outcome stored with its list marker ("• Describe…", imported
                    // before markers were dropped) is the same outcome as the row
                    // without it, unless the module also holds that title unmarked.
                    if kind == "outcome"
                        && let (bare, true) = crate::import::modules::strip_list_marker(&t)
                    {
                        marked.push((title_fold(bare), TitleSeen { title: t.clone(), stored, line: 0 }));
                    }
                    by_fold.entry(title_fold(&t)).or_insert(TitleSeen { title: t, stored, line: 0 });
                }
                for (fold, seen) in marked {
                    by_fold.entry(fold).or_insert(seen);
                }
            }
            self.gathered.insert(module_id);
            self.titles = Some(Titles { module_id, by_fold });
        }
        let Some(titles) = &mut self.titles else { return Ok(Ok(TitleMatch::New)) };
        let fold = title_fold(title);
        let Some(seen) = titles.by_fold.get_mut(&fold) else {
            titles.by_fold.insert(fold, TitleSeen { title: title.to_string(), stored: None, line });
            return Ok(Ok(TitleMatch::New));
        };
        if seen.title == title {
            seen.line = seen.line.max(line);
            return Ok(Ok(TitleMatch::Same));
        }
        match seen.stored {
            Some(id) if seen.line == 0 => {
                let stored = std::mem::replace(&mut seen.title, title.to_string());
                seen.line = line;
                Ok(Ok(TitleMatch::Respelled(id, stored)))
            }
            _ => {
                let at = if seen.line > 0 { format!("line {}", seen.line) } else { "earlier in this file".into() };
                Ok(Err(format!(
                    "session {title:?} is {:?} ({at}) written another way (case or spacing); expected each session \
                     once per module, written one way",
                    seen.title
                )))
            }
        }
    }

    fn note(&mut self, line: u64, outcome: Outcome, what: impl FnOnce() -> String, fields: Vec<String>) {
        if let Some(c) = &mut self.changes {
            c.push(Change { line, outcome, what: what(), fields });
        }
    }

    /// For a dry run, what a session this run adds gets, as the dry run
    /// shows it: its kind (when not a session), learning outcomes, tags and
    /// keywords; for a repeated row of it, only the tags and keywords that
    /// row adds. Empty when changes are not kept.
    fn added_fields(
        &mut self,
        id: i64,
        first: Option<(&str, &str)>,
        themes: &[i64],
        keywords: &[String],
    ) -> Result<Vec<String>> {
        let Some(shown) = self.shown.as_deref_mut() else { return Ok(Vec::new()) };
        let mut fields = Vec::new();
        if let Some((kind, outcomes)) = first {
            if kind != "session" {
                fields.push(format!("kind: {kind}"));
            }
            if !outcomes.is_empty() {
                fields.push(format!("learning_outcomes: {}", quoted_or_empty(outcomes)));
            }
        }
        for &theme in themes {
            if !shown.tags.insert((id, theme)) {
                continue;
            }
            let slug = match shown.slugs.get(&theme) {
                Some(s) => s.clone(),
                None => {
                    let slug: String = self
                        .tx
                        .prepare_cached("SELECT slug FROM theme WHERE id = ?1")?
                        .query_row([theme], |r| r.get(0))?;
                    shown.slugs.insert(theme, slug.clone());
                    slug
                }
            };
            fields.push(format!("themes: + {slug} (tag added)"));
        }
        let fresh: Vec<String> =
            keywords.iter().filter(|k| shown.keywords.insert((id, (*k).clone()))).map(|k| format!("+{k:?}")).collect();
        if !fresh.is_empty() {
            fields.push(format!("keywords: {}", fresh.join(", ")));
        }
        Ok(fields)
    }

    /// The programme `name` (as stored, case aside), added when the
    /// database has none of that name (shown in a dry run at `line`).
    fn programme(&mut self, name: &str, line: u64) -> Result<i64> {
        if let Some(&id) = self.programmes.get(name) {
            return Ok(id);
        }
        // The name as stored, case aside ("MBChB medicine" is "MBChB Medicine").
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM programme WHERE name = ?1 COLLATE NOCASE ORDER BY name = ?1 DESC, id")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => {
                let id = self.ids.next_id();
                self.tx
                    .prepare_cached("INSERT INTO programme (id, name, created_at) VALUES (?1, ?2, ?3)")?
                    .execute(params![id, name, self.at])?;
                self.note(line, Outcome::New, || format!("programme {name:?}"), vec![]);
                id
            }
        };
        self.programmes.insert(name.to_string(), id);
        Ok(id)
    }

    /// The module of a row: added the first time the run meets it (an
    /// existing module's title, year and lead are compared at the end, when
    /// every row of it is read). A code met again in the same file with
    /// another title is an error.
    fn module(&mut self, row: &ModuleRow) -> Result<Result<ModuleSeen, String>> {
        let prog = self.programme(&row.programme, row.line)?;
        let key = (prog, row.code.clone());
        if let Some(m) = self.modules.get_mut(&key) {
            if m.title != row.title {
                if self.opts.rename_duplicate_codes {
                    return self.renamed_module(row);
                }
                return Ok(Err(format!(
                    "module code {:?} already names {:?} (line {}); expected one title per module code \
                     (fix the code, or pass --rename-duplicate-codes to keep both)",
                    row.code, m.title, m.line
                )));
            }
            // Later rows fill what the first left empty; a different value is noted, the first kept.
            let mut notes = Vec::new();
            match (m.year, row.year) {
                (None, Some(y)) => {
                    m.year = Some(y);
                    m.filled = true;
                }
                (Some(a), Some(b)) if a != b => notes
                    .push(format!("module {} is in year {a} (line {}); this row says {b}: kept {a}", row.code, m.line)),
                _ => {}
            }
            match (&m.lead, &row.lead) {
                (None, Some(l)) => {
                    m.lead = Some(l.clone());
                    m.filled = true;
                }
                (Some(a), Some(b)) if a != b => notes.push(format!(
                    "module {}'s lead is {a:?} (line {}); this row says {b:?}: kept {a:?}",
                    row.code, m.line
                )),
                _ => {}
            }
            let seen = ModuleSeen { id: m.id, fresh: m.fresh, year: m.year, lead: m.lead.clone() };
            self.notes.extend(notes.into_iter().map(|n| (row.line, n)));
            return Ok(Ok(seen));
        }
        let existing: Option<(i64, String, Option<i64>, Option<String>)> = self
            .tx
            .prepare_cached("SELECT id, title, year, lead FROM module WHERE programme_id = ?1 AND code = ?2")?
            .query_row(params![prog, row.code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let fresh = existing.is_none();
        let (id, stored) = match existing {
            None => {
                let id = self.ids.next_id();
                self.tx
                    .prepare_cached(
                        "INSERT INTO module (id, programme_id, code, title, year, lead, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                    )?
                    .execute(params![id, prog, row.code, row.title, row.year, row.lead, self.at])?;
                self.counts.modules_new += 1;
                self.note(row.line, Outcome::New, || format!("module {} {}", row.code, row.title), vec![]);
                (id, None)
            }
            Some((id, title, year, lead)) => (id, Some(Box::new(StoredModule { title, year, lead }))),
        };
        let state = ModuleState {
            id,
            title: row.title.clone(),
            year: row.year,
            lead: row.lead.clone(),
            line: row.line,
            fresh,
            stored,
            filled: false,
        };
        let seen = ModuleSeen { id, fresh, year: state.year, lead: state.lead.clone() };
        self.modules.insert(key, state);
        Ok(Ok(seen))
    }

    /// A module whose code the file already gave another module: stored under
    /// the code with `~2`, `~3`… appended (the same on every re-import, as
    /// long as the file keeps its order).
    fn renamed_module(&mut self, row: &ModuleRow) -> Result<Result<ModuleSeen, String>> {
        let prog = self.programme(&row.programme, row.line)?;
        for k in 2.. {
            let code = format!("{}~{k}", row.code);
            match self.modules.get(&(prog, code.clone())) {
                Some(m) if m.title != row.title => continue,
                _ => {
                    if !self.modules.contains_key(&(prog, code.clone())) {
                        self.renamed.push((row.line, row.code.clone(), code.clone()));
                    }
                    let renamed = ModuleRow { code, ..row.clone() };
                    return self.module(&renamed);
                }
            }
        }
        unreachable!("the loop returns")
    }

    /// Upserts one row. Problems that reject the row (and so the file) go to
    /// `problems`.
    pub fn write(&mut self, row: &ModuleRow) -> Result<()> {
        // Imports check this first, with the column; this covers every other caller.
        if let Err((field, too_long)) = crate::limits::module_row(row) {
            self.problems.push((row.line, field, too_long.to_string()));
            return Ok(());
        }
        let fast = match &self.last {
            Some(l) if l.programme == row.programme && l.code == row.code && l.title == row.title => {
                // A row that could fill the module's year or lead, or contradicts them, goes the long way.
                let agrees = (row.year.is_none() || row.year == l.year)
                    && (row.lead.is_none() || row.lead.as_deref() == l.lead.as_deref());
                agrees.then_some((l.id, l.fresh))
            }
            _ => None,
        };
        let (module_id, fresh) = match fast {
            Some(x) => x,
            None => match self.module(row)? {
                Ok(seen) => {
                    self.last = Some(LastModule {
                        programme: row.programme.clone(),
                        code: row.code.clone(),
                        title: row.title.clone(),
                        id: seen.id,
                        fresh: seen.fresh,
                        year: seen.year,
                        lead: seen.lead,
                    });
                    (seen.id, seen.fresh)
                }
                Err(problem) => {
                    self.problems.push((row.line, CODE, problem));
                    return Ok(());
                }
            },
        };
        let Some(item) = &row.item else { return Ok(()) };
        let matched = match self.match_title(module_id, fresh, row.line, &item.title)? {
            Ok(m) => m,
            Err(problem) => {
                self.problems.push((row.line, SESSION, problem));
                return Ok(());
            }
        };
        self.position += 1;
        if fresh {
            // A module this run added: its items are new, and go in in batches.
            let id = self.ids.next_id();
            if self.opts.sync {
                self.new_lines.insert(id, row.line);
            }
            self.pending_items.push(PendingItem {
                id,
                module_id,
                kind: item.kind.unwrap_or("session"),
                title: item.title.clone(),
                title_hash: title_hash(&item.title),
                outcomes: item.outcomes.clone(),
                position: self.position,
                themes: item.themes.clone(),
                keywords: item.keywords.clone(),
                line: row.line,
                code: row.code.clone(),
            });
            if self.pending_items.len() >= ITEM_BATCH {
                self.flush_items()?;
            }
            return Ok(());
        }
        let respelled = match matched {
            TitleMatch::Respelled(id, stored) => Some((id, stored)),
            TitleMatch::New | TitleMatch::Same => None,
        };
        let id = match self.item(row, module_id, item, respelled)? {
            // A stored session compared with its row: its tags and keywords are settled there.
            Ok(Written::Compared(id)) => id,
            Ok(Written::Added(item_id)) => {
                self.tag(item_id, &item.themes)?;
                self.pending_keywords.extend(item.keywords.iter().map(|k| (item_id, k.clone())));
                item_id
            }
            Err(problem) => {
                self.problems.push((row.line, SESSION, problem));
                return Ok(());
            }
        };
        if self.ordered.insert(id) {
            self.order.entry(module_id).or_default().push(id);
        }
        Ok(())
    }

    /// Tags a stored session with the row's themes it lacks (a module
    /// list's themes cell adds tags, never removes one: the tags are the
    /// group's own work, which a faculty file does not know); returns them,
    /// in words, for the dry run.
    fn add_tags_now(&mut self, line: u64, item_id: i64, themes: &[i64]) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for &theme in themes {
            // A theme a person took off this session stays off (tester r33, #6).
            if let Some((change, who)) =
                super::tags::untagged_by_hand(self.tx, super::tags::Target::Item(item_id), theme)?
            {
                let slug: String =
                    self.tx.prepare_cached("SELECT slug FROM theme WHERE id = ?1")?.query_row([theme], |r| r.get(0))?;
                self.tag_warnings.push((
                    line,
                    format!(
                        "item {item_id}: theme {slug} was taken off by {who} in change #{change}, so the file's tag \
                         is not applied (to add it back: canon tag {item_id} {slug})"
                    ),
                ));
                continue;
            }
            let added = self
                .tx
                .prepare_cached(
                    "INSERT INTO item_tag (item_id, theme_id, by_id, at, source) VALUES (?1, ?2, ?3, ?4, 'import')
                     ON CONFLICT (item_id, theme_id) DO NOTHING",
                )?
                .execute(params![item_id, theme, self.by, self.at])?;
            if added == 1 {
                self.counts.tags_new += 1;
                let slug: String =
                    self.tx.prepare_cached("SELECT slug FROM theme WHERE id = ?1")?.query_row([theme], |r| r.get(0))?;
                out.push(format!("themes: + {slug} (tag added)"));
            }
        }
        Ok(out)
    }

    /// Makes a stored session's keywords the row's set, when the file has a
    /// keywords column (an empty cell clears them); one history entry that
    /// `undo` reverts. Returns the change, in words.
    fn settle_keywords(&mut self, item_id: i64, keywords: &[String]) -> Result<Vec<String>> {
        if !self.opts.columns.keywords {
            self.pending_keywords.extend(keywords.iter().map(|k| (item_id, k.clone())));
            return Ok(Vec::new());
        }
        let before = item_keywords(self.tx, item_id)?;
        let mut after: Vec<String> = keywords.to_vec();
        after.sort();
        after.dedup();
        // A keyword written in another case is the one held.
        let added: Vec<&String> = after.iter().filter(|k| !before.iter().any(|b| b.eq_ignore_ascii_case(k))).collect();
        let gone: Vec<&String> = before.iter().filter(|k| !after.iter().any(|a| a.eq_ignore_ascii_case(k))).collect();
        if added.is_empty() && gone.is_empty() {
            return Ok(Vec::new());
        }
        set_item_keywords(self.tx, item_id, &after)?;
        self.counts.keywords_new += added.len() as i64;
        self.counts.keywords_removed += gone.len() as i64;
        history::record(
            self.tx,
            self.by,
            Action::Update,
            "item",
            Some(item_id),
            Some(&json!({ "keywords": before })),
            Some(&json!({ "keywords": after })),
            Some(self.run_id),
        )?;
        let mut parts: Vec<String> = added.iter().map(|k| format!("+{k:?}")).collect();
        parts.extend(gone.iter().map(|k| format!("−{k:?}")));
        Ok(vec![format!("keywords: {}", parts.join(", "))])
    }

    fn tag(&mut self, item_id: i64, themes: &[i64]) -> Result<()> {
        for &theme in themes {
            self.pending_tags.push((item_id, theme));
        }
        if self.pending_tags.len() >= TAG_BATCH {
            self.flush_tags()?;
        }
        Ok(())
    }

    /// Inserts the waiting items of new modules in one statement. When the
    /// file repeats a session, that batch is sorted out row by row.
    fn flush_items(&mut self) -> Result<()> {
        if self.pending_items.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending_items);
        let n = batch.len();
        let inserted = {
            let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(7 * n);
            for p in &batch {
                values.extend([
                    &p.id as &dyn rusqlite::ToSql,
                    &p.module_id,
                    &p.kind,
                    &p.title,
                    &p.title_hash,
                    &p.outcomes,
                    &p.position,
                ]);
            }
            if n == ITEM_BATCH {
                self.insert_items.execute(values.as_slice())?
            } else {
                self.tx.prepare_cached(&insert_items_sql(n))?.execute(values.as_slice())?
            }
        };
        for p in &batch {
            let id = if inserted == n {
                Some(p.id)
            } else {
                let mut st = self.tx.prepare_cached("SELECT 1 FROM item WHERE id = ?1")?;
                st.exists([p.id])?.then_some(p.id)
            };
            let id = match id {
                Some(id) => {
                    self.counts.new += 1;
                    let fields = self.added_fields(id, Some((p.kind, &p.outcomes)), &p.themes, &p.keywords)?;
                    self.note(p.line, Outcome::New, || format!("{} · {}", p.code, p.title), fields);
                    id
                }
                None => match self.repeated(p)? {
                    Some(id) => id,
                    None => continue,
                },
            };
            self.tag(id, &p.themes)?;
            self.pending_keywords.extend(p.keywords.iter().map(|k| (id, k.clone())));
        }
        self.pending_items = batch;
        self.pending_items.clear();
        Ok(())
    }

    /// A session the file lists twice in one module: a duplicate when the
    /// rows agree, a problem when they differ.
    fn repeated(&mut self, p: &PendingItem) -> Result<Option<i64>> {
        let (old_id, kind, outcomes): (i64, String, String) = self
            .tx
            .prepare_cached(
                "SELECT id, kind, outcomes FROM item WHERE module_id = ?1 AND title_hash = ?2 AND title = ?3",
            )?
            .query_row(params![p.module_id, p.title_hash, p.title], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .ok_or_else(|| collision(&p.title))?;
        if kind == p.kind && same_outcomes(&outcomes, &p.outcomes) {
            self.counts.duplicate += 1;
            let fields = self.added_fields(old_id, None, &p.themes, &p.keywords)?;
            self.note(p.line, Outcome::Duplicate, || format!("{} · {} (repeated row)", p.code, p.title), fields);
            Ok(Some(old_id))
        } else {
            self.problems.push((
                p.line,
                SESSION,
                format!(
                    "session {:?} appears twice in module {} with different content; expected each session once per module",
                    p.title, p.code
                ),
            ));
            Ok(None)
        }
    }

    fn flush_tags(&mut self) -> Result<()> {
        // Tags point at items: those must be in first.
        self.flush_items()?;
        while !self.pending_tags.is_empty() {
            let n = self.pending_tags.len().min(TAG_BATCH);
            let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(2 + 2 * n);
            values.push(&self.by);
            values.push(&self.at);
            for (item, theme) in &self.pending_tags[..n] {
                values.push(item);
                values.push(theme);
            }
            let added = if n == TAG_BATCH {
                self.insert_tags.execute(values.as_slice())?
            } else {
                self.tx.prepare_cached(&insert_tags_sql(n))?.execute(values.as_slice())?
            };
            self.counts.tags_new += added as i64;
            self.pending_tags.drain(..n);
        }
        Ok(())
    }

    /// An item of a module that was stored before this run: added, or
    /// compared with what is stored. A field without a column keeps its
    /// stored value; an empty outcomes cell clears the outcomes; an empty
    /// kind cell keeps the kind. `respelled`: the stored session (ID, title)
    /// this row names in another case or spacing; its title takes the row's.
    fn item(
        &mut self,
        row: &ModuleRow,
        module_id: i64,
        item: &ItemRow,
        respelled: Option<(i64, String)>,
    ) -> Result<Result<Written, String>> {
        let found = match &respelled {
            Some((id, _)) => Some(*id),
            None => {
                let id = self.ids.next_id();
                let inserted = self.insert_item.execute(params![
                    id,
                    module_id,
                    item.kind.unwrap_or("session"),
                    item.title,
                    title_hash(&item.title),
                    item.outcomes,
                    self.position
                ])?;
                if inserted == 1 {
                    self.counts.new += 1;
                    self.new_lines.insert(id, row.line);
                    let kind = item.kind.unwrap_or("session");
                    let fields = self.added_fields(id, Some((kind, &item.outcomes)), &item.themes, &item.keywords)?;
                    self.note(row.line, Outcome::New, || format!("{} · {}", row.code, item.title), fields);
                    return Ok(Ok(Written::Added(id)));
                }
                None
            }
        };
        let (old_id, old_title, kind, outcomes): (i64, String, String, String) = match found {
            Some(id) => self.tx.prepare_cached("SELECT id, title, kind, outcomes FROM item WHERE id = ?1")?.query_row(
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?,
            None => self
                .tx
                .prepare_cached(
                    "SELECT id, title, kind, outcomes FROM item WHERE module_id = ?1 AND title_hash = ?2 AND title = ?3",
                )?
                .query_row(params![module_id, title_hash(&item.title), item.title], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?
                .ok_or_else(|| collision(&item.title))?,
        };
        if old_id >= self.first_new {
            // Added earlier in this same file.
            if kind == item.kind.unwrap_or("session") && same_outcomes(&outcomes, &item.outcomes) {
                self.counts.duplicate += 1;
                let fields = self.added_fields(old_id, None, &item.themes, &item.keywords)?;
                self.note(
                    row.line,
                    Outcome::Duplicate,
                    || format!("{} · {} (repeated row)", row.code, item.title),
                    fields,
                );
                return Ok(Ok(Written::Added(old_id)));
            }
            return Ok(Err(format!(
                "session {:?} appears twice in module {} with different content; expected each session once per module",
                item.title, row.code
            )));
        }
        if !self.seen.insert(old_id) {
            self.counts.duplicate += 1;
            let tags = self.add_tags_now(row.line, old_id, &item.themes)?;
            self.pending_keywords.extend(item.keywords.iter().map(|k| (old_id, k.clone())));
            self.note(row.line, Outcome::Duplicate, || format!("{} · {} (repeated row)", row.code, item.title), tags);
            return Ok(Ok(Written::Compared(old_id)));
        }
        let new_kind = item.kind.unwrap_or(kind.as_str()).to_string();
        let new_outcomes = if self.opts.columns.outcomes && !same_outcomes(&outcomes, &item.outcomes) {
            item.outcomes.clone()
        } else {
            outcomes.clone()
        };
        let mut fields = Vec::new();
        if old_title != item.title {
            let bare = crate::import::modules::strip_list_marker(&old_title);
            fields.push(if bare.1 && title_fold(bare.0) == title_fold(&item.title) {
                format!("title: {old_title:?} → {:?} (the same outcome, its list marker dropped)", item.title)
            } else {
                format!("title: {old_title:?} → {:?} (the same session, written otherwise)", item.title)
            });
        }
        if kind != new_kind {
            fields.push(format!("kind: {kind} → {new_kind}"));
        }
        if outcomes != new_outcomes {
            fields.push(format!(
                "learning_outcomes: {} → {}",
                quoted_or_empty(&outcomes),
                quoted_or_empty(&new_outcomes)
            ));
        }
        let mut also = self.add_tags_now(row.line, old_id, &item.themes)?;
        also.extend(self.settle_keywords(old_id, &item.keywords)?);
        if fields.is_empty() {
            if also.is_empty() {
                self.counts.unchanged += 1;
                self.note(row.line, Outcome::Unchanged, || format!("{} · {}", row.code, item.title), vec![]);
            } else {
                self.counts.changed += 1;
                self.note(row.line, Outcome::Changed, || format!("{} · {}", row.code, item.title), also);
            }
            return Ok(Ok(Written::Compared(old_id)));
        }
        self.unindex(old_id)?;
        self.tx
            .prepare_cached(
                "UPDATE item SET title = ?2, title_hash = ?3, kind = ?4, outcomes = ?5, updated_at = ?6 WHERE id = ?1",
            )?
            .execute(params![old_id, item.title, title_hash(&item.title), new_kind, new_outcomes, self.at])?;
        self.changed_items.push(old_id);
        let mut before = json!({ "kind": kind, "outcomes": outcomes });
        let mut after = json!({ "kind": new_kind, "outcomes": new_outcomes });
        if old_title != item.title {
            before["title"] = json!(old_title);
            before["title_hash"] = json!(title_hash(&old_title));
            after["title"] = json!(item.title);
            after["title_hash"] = json!(title_hash(&item.title));
        }
        history::record(
            self.tx,
            self.by,
            Action::Update,
            "item",
            Some(old_id),
            Some(&before),
            Some(&after),
            Some(self.run_id),
        )?;
        self.counts.changed += 1;
        fields.extend(also);
        self.note(row.line, Outcome::Changed, || format!("{} · {}", row.code, item.title), fields);
        Ok(Ok(Written::Compared(old_id)))
    }

    /// Drops an item's full-text row (an external-content index needs the old values to forget it).
    fn unindex(&self, id: i64) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO item_fts (item_fts, rowid, title, outcomes)
                 SELECT 'delete', id, title, outcomes FROM item WHERE id = ?1",
            )?
            .execute([id])?;
        Ok(())
    }

    /// Compares each stored module the file holds with its rows (title, and
    /// the first year and lead its rows give), and updates it; fills what a
    /// later row gave a module this run added.
    fn settle_modules(&mut self) -> Result<()> {
        self.show_new_modules();
        let cols = self.opts.columns;
        let mut states: Vec<(&String, &ModuleState)> =
            self.modules.iter().filter(|(_, m)| m.filled || m.stored.is_some()).map(|((_, c), m)| (c, m)).collect();
        states.sort_by_key(|(_, m)| m.line);
        let mut updates = Vec::new();
        for (code, m) in states {
            match &m.stored {
                // Added by this run with its first row's values; a later row filled some.
                None => updates.push((m.id, None, m.title.clone(), m.year, m.lead.clone(), m.line, code.clone())),
                Some(s) => {
                    let new_year = if cols.year { m.year } else { s.year };
                    let new_lead = if cols.lead { m.lead.clone() } else { s.lead.clone() };
                    let stored = Some((s.title.clone(), s.year, s.lead.clone()));
                    updates.push((m.id, stored, m.title.clone(), new_year, new_lead, m.line, code.clone()));
                }
            }
        }
        for (id, stored, title, year, lead, line, code) in updates {
            let Some((old_title, old_year, old_lead)) = stored else {
                self.tx
                    .prepare_cached("UPDATE module SET year = ?2, lead = ?3 WHERE id = ?1")?
                    .execute(params![id, year, lead])?;
                continue;
            };
            let mut fields = Vec::new();
            if old_title != title {
                fields.push(format!("title: {old_title:?} → {title:?}"));
            }
            if old_year != year {
                fields.push(format!("year: {} → {}", show(old_year), show(year)));
            }
            if old_lead != lead {
                fields.push(format!(
                    "lead: {} → {}",
                    quoted_or_empty(old_lead.as_deref().unwrap_or("")),
                    quoted_or_empty(lead.as_deref().unwrap_or(""))
                ));
            }
            if fields.is_empty() {
                continue;
            }
            self.tx
                .prepare_cached("UPDATE module SET title = ?2, year = ?3, lead = ?4, updated_at = ?5 WHERE id = ?1")?
                .execute(params![id, title, year, lead, self.at])?;
            let before = json!({ "title": old_title, "year": old_year, "lead": old_lead });
            let after = json!({ "title": title, "year": year, "lead": lead });
            history::record(
                self.tx,
                self.by,
                Action::Update,
                "module",
                Some(id),
                Some(&before),
                Some(&after),
                Some(self.run_id),
            )?;
            self.counts.modules_changed += 1;
            self.note(line, Outcome::Changed, || format!("module {code} {title}"), fields);
        }
        Ok(())
    }

    /// For a dry run: each module this run adds shows the year and lead it
    /// is stored with (its first row's, or a later row's filling a blank).
    fn show_new_modules(&mut self) {
        let Some(changes) = &mut self.changes else { return };
        for ((_, code), m) in self.modules.iter().filter(|(_, m)| m.fresh) {
            let what = format!("module {code} {}", m.title);
            let Some(c) = changes.iter_mut().find(|c| c.outcome == Outcome::New && c.line == m.line && c.what == what)
            else {
                continue;
            };
            if let Some(y) = m.year {
                c.fields.push(format!("year: {y}"));
            }
            if let Some(l) = &m.lead {
                c.fields.push(format!("lead: {l:?}"));
            }
        }
    }

    /// The stored sessions of the file's programmes that the file no longer
    /// holds, by module (with whether the file lists the module at all).
    fn stale(&self) -> Result<Vec<StaleModule>> {
        let listed: HashSet<i64> = self.modules.values().map(|m| m.id).collect();
        let mut progs: Vec<i64> = self.programmes.values().copied().collect();
        progs.sort_unstable();
        let mut out: Vec<StaleModule> = Vec::new();
        let mut st = self.tx.prepare_cached(
            "SELECT m.id, m.code, m.title, i.id, i.title, i.outcomes FROM module m
               LEFT JOIN item i ON i.module_id = m.id AND i.id < ?2
              WHERE m.programme_id = ?1 AND m.id < ?2
              ORDER BY m.code, m.id, i.position, i.id",
        )?;
        for p in progs {
            let rows = st.query_map(params![p, self.first_new], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })?;
            for row in rows {
                let (mid, code, title, item, item_title, outcomes) = row?;
                let in_file = listed.contains(&mid);
                if in_file && item.is_none_or(|i| self.seen.contains(&i)) {
                    continue;
                }
                if out.last().is_none_or(|m| m.id != mid) {
                    out.push(StaleModule { id: mid, programme: p, code, title, in_file, items: Vec::new() });
                }
                if let (Some(i), Some(t), Some(o)) = (item, item_title, outcomes)
                    && let Some(m) = out.last_mut()
                {
                    m.items.push((i, t, o));
                }
            }
        }
        Ok(out)
    }

    /// With `--sync`, retires what the file no longer holds, turning a
    /// session the file no longer holds and one this run added into a move
    /// (the same title and outcomes in another module: [`Self::moves`]) or a
    /// rename (the same outcomes in the same module: [`Self::renames`]);
    /// without, counts it.
    fn reconcile(&mut self) -> Result<()> {
        let stale = self.stale()?;
        if !self.opts.sync {
            for m in &stale {
                self.counts.not_in_file += m.items.len() as i64;
                if !m.in_file {
                    self.counts.modules_not_in_file += 1;
                    self.counts.not_in_file_unlisted += m.items.len() as i64;
                }
            }
            return Ok(());
        }
        // A module whose code changed first: its sessions then match as those of a listed module.
        let stale = if self.recodes(&stale)? { self.stale()? } else { stale };
        let (moves, hints) = self.moves(&stale)?;
        self.move_hints.extend(hints);
        let taken: HashSet<i64> = moves.values().copied().collect();
        for m in stale {
            let (moving, staying): (Vec<_>, Vec<_>) = m.items.into_iter().partition(|(id, ..)| moves.contains_key(id));
            for (id, title, _) in &moving {
                if let Some(&new) = moves.get(id) {
                    self.move_item(*id, title, new, &m.code)?;
                }
            }
            let m = StaleModule { items: staying, ..m };
            if !m.in_file {
                self.retire_module(&m)?;
                continue;
            }
            let mut left = Vec::new();
            let renames = self.renames(&m, &taken)?;
            for (id, title, outcomes) in m.items {
                match renames.iter().find(|(old, _)| *old == id) {
                    Some((_, new)) => self.rename(id, &title, *new, &m.code)?,
                    None => left.push((id, title, outcomes)),
                }
            }
            for (id, title, _) in left {
                self.retire_item(id, &title, &m.code)?;
            }
        }
        Ok(())
    }

    /// Modules whose code the file changed: a stored module of the file's
    /// programmes that the file no longer lists, and a module this run
    /// added to the same programme, with the same title (case and spacing
    /// aside), each the only one with that title on its side. Each is
    /// recoded ([`Self::recode`]). Where a title is shared by more than one
    /// on either side, nothing is recoded: the stored modules are retired,
    /// and why they were not recoded is noted for the dry run and the
    /// history ([`Self::retire_module`]). Returns whether any was recoded.
    fn recodes(&mut self, stale: &[StaleModule]) -> Result<bool> {
        type Key = (i64, String);
        let mut olds: HashMap<Key, Vec<(i64, String)>> = HashMap::new();
        for m in stale.iter().filter(|m| !m.in_file) {
            olds.entry((m.programme, title_fold(&m.title))).or_default().push((m.id, m.code.clone()));
        }
        if olds.is_empty() {
            return Ok(false);
        }
        let mut news: HashMap<Key, Vec<(i64, String)>> = HashMap::new();
        for ((prog, code), m) in self.modules.iter().filter(|(_, m)| m.fresh) {
            let k = (*prog, title_fold(&m.title));
            if olds.contains_key(&k) {
                news.entry(k).or_default().push((m.id, code.clone()));
            }
        }
        let mut pairs = Vec::new();
        for (k, old) in &olds {
            let Some(new) = news.get(k) else { continue };
            if let ([(o, from)], [(n, to)]) = (old.as_slice(), new.as_slice()) {
                pairs.push((*o, from.clone(), *n, to.clone(), k.0));
                continue;
            }
            let mut codes: Vec<&str> = new.iter().map(|(_, c)| c.as_str()).collect();
            codes.sort_unstable();
            let mut sources: Vec<&str> = old.iter().map(|(_, c)| c.as_str()).collect();
            sources.sort_unstable();
            for (o, _) in old {
                self.module_hints.insert(
                    *o,
                    format!(
                        "possible recode to {} (not applied: ambiguous; the stored {} and the new {} share this \
                         title)",
                        codes.join(", "),
                        sources.join(", "),
                        codes.join(", ")
                    ),
                );
            }
        }
        pairs.sort_unstable();
        for (old, from, new, to, prog) in &pairs {
            self.recode(*old, from, *new, to, *prog)?;
        }
        Ok(!pairs.is_empty())
    }

    /// Module `old` (stored; the file no longer lists its code `from`) is
    /// module `new` (added by this run as `to`) under a new code: `old`
    /// takes the new code, its title as the file writes it, and the year
    /// and lead the file gives (a field without a column keeps its stored
    /// value), keeping its ID, lead, links and the module's place in
    /// reports; `new`'s sessions go to `old`; one with the title of a
    /// stored session of `old` (case and spacing aside) is that session,
    /// which takes the file's title, kind and outcomes and keeps its ID,
    /// tags and links ([`Self::absorb`]). The other stored sessions are
    /// matched next as those of any listed module (renamed, moved, or
    /// retired). One history entry for the module (`undo` puts its code
    /// back), one for each session that changed.
    fn recode(&mut self, old: i64, from: &str, new: i64, to: &str, prog: i64) -> Result<()> {
        self.flush_items()?;
        let cols = self.opts.columns;
        type ModuleRow = (String, Option<i64>, Option<String>);
        let (old_title, old_year, old_lead): ModuleRow =
            self.tx.query_row("SELECT title, year, lead FROM module WHERE id = ?1", [old], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let (title, year, lead): ModuleRow =
            self.tx.query_row("SELECT title, year, lead FROM module WHERE id = ?1", [new], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let year = if cols.year { year } else { old_year };
        let lead = if cols.lead { lead } else { old_lead.clone() };
        // The stored sessions of `old`, by folded title (a title held twice is matched by neither).
        type Stored = (i64, String, String, String, i64);
        let stored: Vec<Stored> = self
            .tx
            .prepare_cached("SELECT id, title, kind, outcomes, title_hash FROM item WHERE module_id = ?1 ORDER BY id")?
            .query_map([old], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_fold: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in stored.iter().enumerate() {
            by_fold.entry(title_fold(&s.1)).or_default().push(i);
        }
        type Added = (i64, String, String, String, i64, i64);
        let added: Vec<Added> = self
            .tx
            .prepare_cached(
                "SELECT id, title, kind, outcomes, title_hash, position FROM item WHERE module_id = ?1
                  ORDER BY position, id",
            )?
            .query_map([new], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // The sessions, in the file's order, placed among those kept ([`Self::place`]).
        let mut order = Vec::new();
        let mut changed_sessions = Vec::new();
        for (id, t, kind, outcomes, hash, _) in added {
            let fold = title_fold(&t);
            let Some(&[i]) = by_fold.get(&fold).map(Vec::as_slice) else {
                order.push(id);
                continue;
            };
            by_fold.remove(&fold);
            let (sid, s_title, s_kind, s_outcomes, s_hash) = &stored[i];
            let kind = if cols.kind { kind } else { s_kind.clone() };
            let outcomes = if cols.outcomes { outcomes } else { s_outcomes.clone() };
            let mut fields = self.gains(*sid, id, s_kind, &kind)?;
            let (mut before, mut after) = (json!({}), json!({}));
            if *s_title != t {
                fields.insert(0, format!("title: {s_title:?} → {t:?}"));
                before["title"] = json!(s_title);
                before["title_hash"] = json!(s_hash);
                after["title"] = json!(t);
                after["title_hash"] = json!(hash);
            }
            if *s_kind != kind {
                before["kind"] = json!(s_kind);
                after["kind"] = json!(kind);
            }
            if *s_outcomes != outcomes {
                fields.push(format!(
                    "learning_outcomes: {} → {}",
                    quoted_or_empty(s_outcomes),
                    quoted_or_empty(&outcomes)
                ));
                before["outcomes"] = json!(s_outcomes);
                after["outcomes"] = json!(outcomes);
            }
            let item_line = self.new_lines.get(&id).copied().unwrap_or(0);
            self.absorb(*sid, id)?;
            self.seen.insert(*sid);
            order.push(*sid);
            let changed = before.as_object().is_some_and(|b| !b.is_empty());
            if changed {
                self.unindex(*sid)?;
                self.tx.execute(
                    "UPDATE item SET title = ?2, title_hash = ?3, kind = ?4, outcomes = ?5, updated_at = ?6
                      WHERE id = ?1",
                    params![sid, t, hash, kind, outcomes, self.at],
                )?;
                self.changed_items.push(*sid);
                history::record_noted(
                    self.tx,
                    self.by,
                    Action::Update,
                    "item",
                    Some(*sid),
                    Some(&before),
                    Some(&after),
                    Some(self.run_id),
                    Some(&format!("module recoded {from} → {to} by import --sync of {}", self.path)),
                )?;
                self.counts.changed += 1;
            } else {
                self.counts.unchanged += 1;
            }
            changed_sessions.push((item_line, t, changed, fields));
        }
        // The sessions not matched go over as they are; then `new` goes, and its code is free.
        self.tx.execute("UPDATE item SET module_id = ?2 WHERE module_id = ?1", params![new, old])?;
        self.tx.execute("DELETE FROM module WHERE id = ?1", [new])?;
        self.tx.execute(
            "UPDATE module SET code = ?2, title = ?3, year = ?4, lead = ?5, updated_at = ?6 WHERE id = ?1",
            params![old, to, title, year, lead, self.at],
        )?;
        let mut before = json!({ "code": from });
        let mut after = json!({ "code": to });
        let mut fields = Vec::new();
        if old_title != title {
            before["title"] = json!(old_title);
            after["title"] = json!(title);
            fields.push(format!("title: {old_title:?} → {title:?}"));
        }
        if old_year != year {
            before["year"] = json!(old_year);
            after["year"] = json!(year);
            fields.push(format!("year: {} → {}", show(old_year), show(year)));
        }
        if old_lead != lead {
            before["lead"] = json!(old_lead);
            after["lead"] = json!(lead);
            fields.push(format!(
                "lead: {} → {}",
                quoted_or_empty(old_lead.as_deref().unwrap_or("")),
                quoted_or_empty(lead.as_deref().unwrap_or(""))
            ));
        }
        history::record_noted(
            self.tx,
            self.by,
            Action::Update,
            "module",
            Some(old),
            Some(&before),
            Some(&after),
            Some(self.run_id),
            Some(&format!("recoded {from} → {to} by import --sync of {}", self.path)),
        )?;
        self.counts.modules_new -= 1;
        self.counts.modules_recoded += 1;
        let mut line = 0;
        if let Some(state) = self.modules.get_mut(&(prog, to.to_string())) {
            state.id = old;
            state.fresh = false;
            line = state.line;
        }
        self.order.insert(old, order);
        if self.changes.is_some() {
            let keeps = self.module_keeps(old)?;
            let new_what = format!("module {to} {title}");
            if let Some(changes) = &mut self.changes {
                changes.retain(|c| !(c.outcome == Outcome::New && c.line == line && c.what == new_what));
                let why = "same programme and title; the only stored module with this title the file no longer \
                           lists, and the only new one";
                changes.push(Change {
                    line,
                    outcome: Outcome::Recoded,
                    what: format!("module {from} → {to} {title}"),
                    fields: [format!("{why}; {keeps}")].into_iter().chain(fields).collect(),
                });
                for (item_line, t, changed, fields) in changed_sessions {
                    let what = format!("{to} · {t}");
                    changes.retain(|c| !(c.outcome == Outcome::New && c.line == item_line && c.what == what));
                    let outcome = if changed { Outcome::Changed } else { Outcome::Unchanged };
                    changes.push(Change { line: item_line, outcome, what, fields });
                }
            }
        }
        Ok(())
    }

    /// What module `id` keeps through a recode, in words: its ID, lead,
    /// sessions' tags and links to it and its sessions.
    fn module_keeps(&self, id: i64) -> Result<String> {
        let (lead, tags, links): (Option<String>, i64, i64) = self.tx.query_row(
            "SELECT lead,
                    (SELECT count(*) FROM item_tag t JOIN item i ON i.id = t.item_id WHERE i.module_id = ?1),
                    (SELECT count(*) FROM link l WHERE l.module_id = ?1
                        OR l.item_id IN (SELECT id FROM item WHERE module_id = ?1))
               FROM module WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut kept = vec!["its ID".to_string()];
        if let Some(l) = lead.filter(|l| !l.is_empty()) {
            kept.push(format!("its lead {l:?}"));
        }
        if tags > 0 {
            kept.push(format!("its sessions' {tags} tag{}", plural(tags)));
        }
        if links > 0 {
            kept.push(format!("its {links} link{}", plural(links)));
        }
        let last = kept.pop().unwrap_or_default();
        Ok(if kept.is_empty() { format!("keeps {last}") } else { format!("keeps {} and {last}", kept.join(", ")) })
    }

    /// Pairs (retired, new) with the same non-empty outcomes ([`outcome_key`]:
    /// case, spacing and a final full stop aside), where those outcomes name
    /// exactly one of each in the module (`taken`: new sessions a move has
    /// already claimed).
    fn renames(&self, m: &StaleModule, taken: &HashSet<i64>) -> Result<Vec<(i64, i64)>> {
        let mut st = self.tx.prepare_cached("SELECT id, outcomes FROM item WHERE module_id = ?1 AND id >= ?2")?;
        let new: Vec<(i64, Vec<String>)> = st
            .query_map(params![m.id, self.first_new], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter(|r| r.as_ref().map_or(true, |(id, _)| !taken.contains(id)))
            .map(|r| r.map(|(id, o)| (id, outcome_key(&o))))
            .collect::<rusqlite::Result<_>>()?;
        let olds_keys: Vec<(i64, Vec<String>)> = m.items.iter().map(|(id, _, o)| (*id, outcome_key(o))).collect();
        let mut out = Vec::new();
        for (old, outcomes) in olds_keys.iter().filter(|(_, o)| !o.is_empty()) {
            let olds = olds_keys.iter().filter(|(_, o)| o == outcomes).count();
            let news: Vec<i64> = new.iter().filter(|(_, o)| o == outcomes).map(|(id, _)| *id).collect();
            if olds == 1 && news.len() == 1 {
                out.push((*old, news[0]));
            }
        }
        Ok(out)
    }

    /// Sessions the file moved to another module: (stored session the file
    /// no longer holds where it was, session this run added elsewhere) with
    /// the same title (case and spacing aside) and the same non-empty
    /// learning outcomes ([`outcome_key`]), each the only one with them on
    /// its side: the same evidence a rename needs. The second map holds, for
    /// stored sessions that match a new one elsewhere but are not moved, why
    /// not: a title alone (a "Welcome" without outcomes is no evidence that
    /// it is the same session), or more than one candidate on either side
    /// (two stored "Case study"s and one new one: which would it be?). Those
    /// sessions are retired, their tags kept in the history.
    fn moves(&self, stale: &[StaleModule]) -> Result<(HashMap<i64, i64>, HashMap<i64, String>)> {
        type Key = (String, Vec<String>);
        let key = |t: &str, o: &str| -> Key { (title_fold(t), outcome_key(o)) };
        // Per key: (session, module ID, "CODE · Title").
        let mut olds: HashMap<Key, Vec<(i64, i64, String)>> = HashMap::new();
        for m in stale {
            for (id, t, o) in &m.items {
                olds.entry(key(t, o)).or_default().push((*id, m.id, format!("{} · {t}", m.code)));
            }
        }
        if olds.is_empty() {
            return Ok((HashMap::new(), HashMap::new()));
        }
        let mut news: HashMap<Key, Vec<(i64, i64, String)>> = HashMap::new();
        let mut st = self.tx.prepare_cached(
            "SELECT i.id, i.module_id, i.title, i.outcomes, m.code FROM item i JOIN module m ON m.id = i.module_id
             WHERE i.id >= ?1",
        )?;
        let rows = st.query_map([self.first_new], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for r in rows {
            let (id, module, t, o, code) = r?;
            let k = key(&t, &o);
            if olds.contains_key(&k) {
                news.entry(k).or_default().push((id, module, format!("{code} · {t}")));
            }
        }
        let mut out = HashMap::new();
        let mut hints = HashMap::new();
        for (k, old) in &olds {
            let Some(new) = news.get(k) else { continue };
            if k.1.is_empty() {
                move_hints(&mut hints, old, new, "no outcomes to confirm");
                continue;
            }
            match (old.as_slice(), new.as_slice()) {
                ([(o, from, _)], [(n, to, _)]) => {
                    if from != to {
                        out.insert(*o, *n);
                    }
                }
                _ => {
                    let names = |side: &[(i64, i64, String)]| {
                        side.iter().map(|(.., w)| w.as_str()).collect::<Vec<_>>().join(", ")
                    };
                    let reason = format!(
                        "ambiguous; the stored {} and the new {} share this title and these learning outcomes",
                        names(old),
                        names(new)
                    );
                    move_hints(&mut hints, old, new, &reason);
                }
            }
        }
        Ok((out, hints))
    }

    /// For the dry run: what session `new`'s row gives session `old` that it
    /// did not hold (a kind, tags, keywords), in words. Empty when changes
    /// are not kept.
    fn gains(&self, old: i64, new: i64, old_kind: &str, kind: &str) -> Result<Vec<String>> {
        let mut gains = Vec::new();
        if self.changes.is_none() {
            return Ok(gains);
        }
        if old_kind != kind {
            gains.push(format!("kind: {old_kind} → {kind}"));
        }
        let mut st = self.tx.prepare_cached(
            "SELECT t.slug FROM item_tag n JOIN theme t ON t.id = n.theme_id WHERE n.item_id = ?2
               AND NOT EXISTS (SELECT 1 FROM item_tag o WHERE o.item_id = ?1 AND o.theme_id = n.theme_id)
             ORDER BY t.slug",
        )?;
        for slug in st.query_map(params![old, new], |r| r.get::<_, String>(0))? {
            gains.push(format!("themes: + {} (tag added)", slug?));
        }
        let mut st = self.tx.prepare_cached(
            "SELECT keyword FROM item_keyword n WHERE item_id = ?2
               AND NOT EXISTS (SELECT 1 FROM item_keyword o WHERE o.item_id = ?1 AND o.keyword = n.keyword)
             ORDER BY keyword",
        )?;
        let words: Vec<String> = st
            .query_map(params![old, new], |r| r.get::<_, String>(0))?
            .map(|k| k.map(|k| format!("+{k:?}")))
            .collect::<rusqlite::Result<_>>()?;
        if !words.is_empty() {
            gains.push(format!("keywords: {}", words.join(", ")));
        }
        Ok(gains)
    }

    /// Session `old` takes over session `new` (added by this run): `new`'s
    /// tags and keywords go to `old` (those it holds already are not added
    /// twice, nor counted), and `new` goes.
    fn absorb(&mut self, old: i64, new: i64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO item_tag (item_id, theme_id, by_id, at, source, note)
             SELECT ?1, theme_id, by_id, at, source, note FROM item_tag WHERE item_id = ?2
             ON CONFLICT (item_id, theme_id) DO NOTHING",
            params![old, new],
        )?;
        self.tx.execute("DELETE FROM item_tag WHERE item_id = ?1", [new])?;
        // The new item's keywords were counted as added: those the old one
        // already held are not.
        let moved = self.tx.execute(
            "INSERT INTO item_keyword (item_id, keyword) SELECT ?1, keyword FROM item_keyword WHERE item_id = ?2
             ON CONFLICT DO NOTHING",
            params![old, new],
        )?;
        let dropped = self.tx.execute("DELETE FROM item_keyword WHERE item_id = ?1", [new])?;
        self.counts.keywords_new -= (dropped - moved) as i64;
        self.tx.execute("DELETE FROM item WHERE id = ?1", [new])?;
        self.replaced.insert(new, old);
        self.counts.new -= 1;
        Ok(())
    }

    /// What session `id` keeps through a rename or a move, in words.
    fn keeps(&self, id: i64) -> Result<String> {
        let tags: i64 = self.tx.query_row("SELECT count(*) FROM item_tag WHERE item_id = ?1", [id], |r| r.get(0))?;
        let links: i64 = self.tx.query_row("SELECT count(*) FROM link WHERE item_id = ?1", [id], |r| r.get(0))?;
        Ok(match (tags, links) {
            (0, 0) => "keeps its ID (it has no tags or links)".to_string(),
            (t, 0) => format!("keeps its ID and its {t} tag{}", plural(t)),
            (0, l) => format!("keeps its ID and its {l} link{}", plural(l)),
            (t, l) => format!("keeps its ID, its {t} tag{} and its {l} link{}", plural(t), plural(l)),
        })
    }

    /// For a dry run: the pending "new" line of session `new` (`new_what`,
    /// as [`Self::item`] wrote it) gives way to one `outcome` line for the
    /// stored session `old` that took it over (a rename or a move): `what`,
    /// then the evidence (`why`), what `old` keeps, and what it `gains`.
    /// Does nothing when changes are not kept.
    #[allow(clippy::too_many_arguments)]
    fn replace_new_with(
        &mut self,
        new: i64,
        new_what: &str,
        outcome: Outcome,
        what: String,
        why: &str,
        old: i64,
        gains: Vec<String>,
    ) -> Result<()> {
        if self.changes.is_none() {
            return Ok(());
        }
        let line = self.new_lines.get(&new).copied().unwrap_or(0);
        let keeps = self.keeps(old)?;
        if let Some(changes) = &mut self.changes {
            changes.retain(|c| !(c.outcome == Outcome::New && c.line == line && c.what == new_what));
            let fields = std::iter::once(format!("{why}; {keeps}")).chain(gains).collect();
            changes.push(Change { line, outcome, what, fields });
        }
        Ok(())
    }

    /// Session `old` (not in the file) is `new` (added by this run) renamed:
    /// `old` takes the new title and kind, keeping its ID, tags, links and
    /// place among the module's sessions; `new` goes, its tags moved to `old`.
    ///
    /// The place stays: `new` was numbered after every session stored before
    /// the run (a re-import does not renumber stored sessions), so taking its
    /// number would move the renamed session to the end of its module and
    /// log a `position` change nobody made.
    fn rename(&mut self, old: i64, old_title: &str, new: i64, code: &str) -> Result<()> {
        let (title, hash, kind, outcomes): (String, i64, String, String) =
            self.tx.query_row("SELECT title, title_hash, kind, outcomes FROM item WHERE id = ?1", [new], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
        let (old_hash, old_kind, old_outcomes): (i64, String, String) =
            self.tx.query_row("SELECT title_hash, kind, outcomes FROM item WHERE id = ?1", [old], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        // For the dry run: the row's tags and keywords the renamed session did not hold.
        let mut gains = self.gains(old, new, &old_kind, &kind)?;
        if old_outcomes != outcomes {
            gains.insert(0, outcomes_change(&old_outcomes, &outcomes));
        }
        self.absorb(old, new)?;
        self.unindex(old)?;
        self.tx.execute(
            "UPDATE item SET title = ?2, title_hash = ?3, kind = ?4, outcomes = ?5, updated_at = ?6 WHERE id = ?1",
            params![old, title, hash, kind, outcomes, self.at],
        )?;
        self.changed_items.push(old);
        // Only what changed: a kind the file keeps is not logged as a change.
        let mut before = json!({ "title": old_title, "title_hash": old_hash });
        let mut after = json!({ "title": title, "title_hash": hash });
        if old_kind != kind {
            before["kind"] = json!(old_kind);
            after["kind"] = json!(kind);
        }
        if old_outcomes != outcomes {
            before["outcomes"] = json!(old_outcomes);
            after["outcomes"] = json!(outcomes);
        }
        history::record_noted(
            self.tx,
            self.by,
            Action::Update,
            "item",
            Some(old),
            Some(&before),
            Some(&after),
            Some(self.run_id),
            Some(&format!("renamed by import --sync of {}", self.path)),
        )?;
        self.counts.renamed += 1;
        self.replace_new_with(
            new,
            &format!("{code} · {title}"),
            Outcome::Renamed,
            format!("{code} · {old_title:?} → {title:?}"),
            "same learning outcomes",
            old,
            gains,
        )
    }

    /// Session `old` (not in the file where it was, module `from`) is `new`
    /// (added by this run in another module) moved: `old` goes to `new`'s
    /// module and place and takes its title as the file writes it and its
    /// kind, keeping its ID, tags and links; `new` goes, its tags moved to
    /// `old`. Its history entry (module, position and what else changed) is
    /// written once the sessions are placed ([`Self::place`]), so `undo`
    /// puts it back where it was.
    fn move_item(&mut self, old: i64, old_title: &str, new: i64, from: &str) -> Result<()> {
        type Row = (i64, i64, String, i64, String, String);
        let get = |id: i64| -> Result<Row> {
            Ok(self.tx.query_row(
                "SELECT module_id, position, title, title_hash, kind, outcomes FROM item WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )?)
        };
        let (module, position, title, hash, kind, outcomes) = get(new)?;
        let (old_module, old_position, _, old_hash, old_kind, old_outcomes) = get(old)?;
        let to: String = self.tx.query_row("SELECT code FROM module WHERE id = ?1", [module], |r| r.get(0))?;
        let mut gains = self.gains(old, new, &old_kind, &kind)?;
        if old_outcomes != outcomes {
            gains.insert(0, outcomes_change(&old_outcomes, &outcomes));
        }
        if old_title != title {
            gains.insert(0, format!("title: {old_title:?} → {title:?} (the same session, written otherwise)"));
        }
        self.absorb(old, new)?;
        self.unindex(old)?;
        self.tx.execute(
            "UPDATE item SET module_id = ?2, position = ?3, title = ?4, title_hash = ?5, kind = ?6, outcomes = ?7,
                    updated_at = ?8
              WHERE id = ?1",
            params![old, module, position, title, hash, kind, outcomes, self.at],
        )?;
        self.changed_items.push(old);
        let mut before = json!({ "module_id": old_module, "position": old_position });
        let mut after = json!({ "module_id": module, "position": position });
        if old_title != title {
            before["title"] = json!(old_title);
            before["title_hash"] = json!(old_hash);
            after["title"] = json!(title);
            after["title_hash"] = json!(hash);
        }
        if old_kind != kind {
            before["kind"] = json!(old_kind);
            after["kind"] = json!(kind);
        }
        if old_outcomes != outcomes {
            before["outcomes"] = json!(old_outcomes);
            after["outcomes"] = json!(outcomes);
        }
        let note = format!("moved from module {from} to {to} by import --sync of {}", self.path);
        self.moved.push((old, before, after, note));
        self.counts.moved += 1;
        self.replace_new_with(
            new,
            &format!("{to} · {title}"),
            Outcome::Moved,
            format!("{from} → {to} · {title}"),
            "same title and learning outcomes",
            old,
            gains,
        )
    }

    /// Puts the sessions this run added to stored modules, and those it
    /// moved there, in their place in the file's order: each right after
    /// the session the file lists before it in its module; the first the
    /// file lists, before the stored session the file lists next (at the
    /// end when the file lists none); the stored sessions keep their order. The module's position
    /// numbers are handed out again in the new order (the same numbers, so
    /// no other module's order changes); a re-import of the same file adds
    /// nothing and so changes no position. Then records the moves, with the
    /// place each session took.
    fn place(&mut self) -> Result<()> {
        let mut modules: Vec<i64> = self.order.keys().copied().collect();
        modules.sort_unstable();
        let moved_in: HashSet<i64> = self.moved.iter().map(|(id, ..)| *id).collect();
        let first_new = self.first_new;
        let placed = |id: i64| id >= first_new || moved_in.contains(&id);
        for module in modules {
            let file: Vec<i64> = self.order[&module].iter().map(|id| *self.replaced.get(id).unwrap_or(id)).collect();
            if !file.iter().any(|id| placed(*id)) {
                continue;
            }
            let stored: Vec<(i64, i64)> = self
                .tx
                .prepare_cached("SELECT id, position FROM item WHERE module_id = ?1 ORDER BY position, id")?
                .query_map([module], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let now: HashMap<i64, i64> = stored.iter().copied().collect();
            let mut order: Vec<i64> = stored.iter().map(|(id, _)| *id).filter(|id| !placed(*id)).collect();
            let listed: Vec<i64> = file.into_iter().filter(|id| now.contains_key(id)).collect();
            for (i, &id) in listed.iter().enumerate() {
                if !placed(id) {
                    continue;
                }
                // After the session the file lists before it; else before the first stored
                // session the file lists after it; else (the file says nothing) at the end.
                let at = match i.checked_sub(1).map(|p| listed[p]) {
                    Some(p) => order.iter().position(|x| *x == p).map_or(order.len(), |k| k + 1),
                    None => listed[i + 1..]
                        .iter()
                        .find(|x| !placed(**x))
                        .and_then(|next| order.iter().position(|x| x == next))
                        .unwrap_or(order.len()),
                };
                order.insert(at, id);
            }
            let mut numbers: Vec<i64> = stored.iter().map(|(_, p)| *p).collect();
            numbers.sort_unstable();
            let mut st = self.tx.prepare_cached("UPDATE item SET position = ?2 WHERE id = ?1")?;
            for (id, number) in order.iter().zip(numbers) {
                if now.get(id) != Some(&number) {
                    st.execute(params![id, number])?;
                }
            }
            if self.changes.is_some() {
                self.show_places(&order)?;
            }
        }
        for (id, before, mut after, note) in std::mem::take(&mut self.moved) {
            let position: i64 = self.tx.query_row("SELECT position FROM item WHERE id = ?1", [id], |r| r.get(0))?;
            after["position"] = json!(position);
            history::record_noted(
                self.tx,
                self.by,
                Action::Update,
                "item",
                Some(id),
                Some(&before),
                Some(&after),
                Some(self.run_id),
                Some(&note),
            )?;
        }
        Ok(())
    }

    /// For a dry run: where each session added to a stored module goes,
    /// when a stored session follows it (`order`: the module's sessions as placed).
    fn show_places(&mut self, order: &[i64]) -> Result<()> {
        let title = |id: i64| -> Result<String> {
            Ok(self.tx.prepare_cached("SELECT title FROM item WHERE id = ?1")?.query_row([id], |r| r.get(0))?)
        };
        let mut places = Vec::new();
        for (i, &id) in order.iter().enumerate() {
            // Only a session that goes before a stored one: at the end is where it always went.
            if id < self.first_new || !order[i + 1..].iter().any(|x| *x < self.first_new) {
                continue;
            }
            let Some(&line) = self.new_lines.get(&id) else { continue };
            let place = match i.checked_sub(1).map(|p| order[p]) {
                Some(p) => format!("position: after {:?}", title(p)?),
                None => "position: first in its module".to_string(),
            };
            places.push((line, title(id)?, place));
        }
        if let Some(changes) = &mut self.changes {
            for (line, t, place) in places {
                if let Some(c) =
                    changes.iter_mut().find(|c| c.outcome == Outcome::New && c.line == line && c.what.ends_with(&t))
                {
                    c.fields.insert(0, place);
                }
            }
        }
        Ok(())
    }

    /// Removes a session the file no longer holds, with its tags and links,
    /// as one history entry that `undo` restores (the same removal as `canon
    /// item remove --force`).
    fn retire_item(&mut self, id: i64, title: &str, code: &str) -> Result<()> {
        let hint = self.move_hints.get(&id).cloned();
        let note = match &hint {
            Some(h) => format!("{}; {h}", self.retired_note()),
            None => self.retired_note(),
        };
        let removal = super::edit::retire(self.tx, self.by, "item", id, &note, self.run_id)?;
        self.counts.removed += 1;
        let what = format!("{code} · {title}");
        if let Some(h) = &hint {
            self.sync_notes.push(format!("removed {what}: {h}"));
        }
        let mut fields = kept(&removal);
        fields.extend(hint);
        self.note(0, Outcome::Removed, || what, fields);
        Ok(())
    }

    /// Removes a module the file no longer lists, with its sessions, their
    /// tags and links, and links to the module, in one history entry.
    fn retire_module(&mut self, m: &StaleModule) -> Result<()> {
        let (n, lead): (i64, Option<String>) = self.tx.query_row(
            "SELECT (SELECT count(*) FROM item WHERE module_id = ?1), lead FROM module WHERE id = ?1",
            [m.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // A module it may have been recoded to (see [`Self::recodes`]), and sessions of it
        // that may have moved (see [`Self::moves`]), named in the note and the dry run.
        let module_hint = self.module_hints.get(&m.id).cloned();
        let hints: Vec<String> = m
            .items
            .iter()
            .filter_map(|(id, title, _)| self.move_hints.get(id).map(|h| format!("{} · {title}: {h}", m.code)))
            .collect();
        let note = std::iter::once(self.retired_note())
            .chain(module_hint.iter().cloned())
            .chain(hints.iter().cloned())
            .collect::<Vec<_>>()
            .join("; ");
        let removal = super::edit::retire(self.tx, self.by, "module", m.id, &note, self.run_id)?;
        self.counts.removed += n;
        self.counts.modules_removed += 1;
        let what = format!("module {} {}", m.code, m.title);
        self.sync_notes.extend(module_hint.iter().map(|h| format!("removed module {}: {h}", m.code)));
        self.sync_notes.extend(hints.iter().map(|h| format!("removed with module {}: {h}", m.code)));
        let mut fields = kept(&removal);
        // What the module itself holds goes with it: said, so nothing is lost in silence.
        if let Some(l) = lead.filter(|l| !l.is_empty()) {
            fields.push(format!("its lead {l:?} goes with it (kept in the history)"));
        }
        fields.extend(module_hint);
        fields.extend(hints);
        self.note(0, Outcome::Removed, || what, fields);
        Ok(())
    }

    /// Adds the rows' keywords to their items (a keyword an item already has is not added twice).
    fn flush_keywords(&mut self) -> Result<()> {
        let mut st = self
            .tx
            .prepare_cached("INSERT INTO item_keyword (item_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING")?;
        for (item, keyword) in self.pending_keywords.drain(..) {
            self.counts.keywords_new += st.execute(params![item, keyword])? as i64;
        }
        Ok(())
    }

    fn retired_note(&self) -> String {
        format!("retired: not in {} (import --sync)", self.path)
    }

    /// Settles the modules, reconciles what the file no longer holds,
    /// brings the full-text index up to date in bulk and records the run.
    /// Returns the counts, the changes (when kept), the problems found at
    /// the end, and what `--sync` chose not to do (possible moves not
    /// applied), one sentence each.
    pub fn finish(mut self) -> Result<Finished> {
        self.flush_tags()?;
        self.flush_keywords()?;
        self.settle_modules()?;
        self.reconcile()?;
        self.place()?;
        self.tx
            .prepare_cached(
                "INSERT INTO item_fts (rowid, title, outcomes) SELECT id, title, outcomes FROM item WHERE id >= ?1",
            )?
            .execute([self.first_new])?;
        let mut st = self.tx.prepare_cached(
            "INSERT INTO item_fts (rowid, title, outcomes) SELECT id, title, outcomes FROM item WHERE id = ?1",
        )?;
        for id in &self.changed_items {
            st.execute([id])?;
        }
        let c = self.counts.clone();
        let c = &c;
        let touched = self.modules.len();
        finish_run(self.tx, self.run_id, c)?;
        if c.new
            + c.changed
            + c.modules_new
            + c.modules_changed
            + c.tags_new
            + c.removed
            + c.renamed
            + c.moved
            + c.modules_recoded
            + c.keywords_new
            + c.keywords_removed
            > 0
        {
            let after = json!({
                "path": self.path, "items_added": c.new, "items_changed": c.changed,
                "modules_added": c.modules_new, "modules_changed": c.modules_changed,
                "modules_in_file": touched, "tags_added": c.tags_new, "keywords_added": c.keywords_new,
                "keywords_removed": c.keywords_removed,
                "items_removed": c.removed, "modules_removed": c.modules_removed, "items_renamed": c.renamed,
                "items_moved": c.moved, "modules_recoded": c.modules_recoded,
            });
            self.counts.change = Some(history::record_noted(
                self.tx,
                self.by,
                Action::Import,
                "import_run",
                Some(self.run_id),
                None,
                Some(&after),
                Some(self.run_id),
                None,
            )?);
        }
        let mut problems = self.problems;
        problems.sort_by_key(|p| p.0);
        Ok((self.counts, self.changes, problems, self.sync_notes, self.tag_warnings))
    }
}

/// What [`ModuleWriter::finish`] returns: counts, changes (when kept),
/// problems, `--sync`'s notes on what it did not do, and warnings with
/// their lines (a theme a person took off, not tagged again).
pub type Finished = (Counts, Option<Vec<Change>>, Problems, Vec<String>, Vec<(u64, String)>);

/// A module of the file's programmes with sessions the file no longer holds.
struct StaleModule {
    id: i64,
    programme: i64,
    code: String,
    title: String,
    /// Whether the file lists the module (else it goes whole, with `--sync`).
    in_file: bool,
    /// (ID, title, outcomes) of each stale session.
    items: Vec<(i64, String, String)>,
}

/// What a retirement kept in the history, in words.
fn kept(r: &super::edit::Removal) -> Vec<String> {
    if r.dependents.is_empty() {
        vec!["kept in the history; `canon undo` brings it back".into()]
    } else {
        vec![format!("with {}, kept in the history; `canon undo` brings them back", r.describe())]
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An item's keywords, in byte order.
pub fn item_keywords(conn: &Connection, item: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT keyword FROM item_keyword WHERE item_id = ?1 ORDER BY keyword")?;
    let v = st.query_map([item], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// Makes an item's keywords exactly `keywords` (no history: the caller records it).
pub(crate) fn set_item_keywords(tx: &Connection, item: i64, keywords: &[String]) -> Result<()> {
    tx.prepare_cached("DELETE FROM item_keyword WHERE item_id = ?1")?.execute([item])?;
    let mut st =
        tx.prepare_cached("INSERT INTO item_keyword (item_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING")?;
    for k in keywords {
        st.execute(params![item, k])?;
    }
    Ok(())
}

/// For `--sync`'s move check: a "possible move to …" note for each stored
/// session in `old` that matches a new session in another module (`new`),
/// saying why the move was `not applied`. Each entry is (session, module ID,
/// "CODE · Title").
fn move_hints(
    hints: &mut HashMap<i64, String>,
    old: &[(i64, i64, String)],
    new: &[(i64, i64, String)],
    not_applied: &str,
) {
    for (o, from, _) in old {
        let elsewhere: Vec<&str> = new.iter().filter(|(_, to, _)| to != from).map(|(.., w)| w.as_str()).collect();
        if !elsewhere.is_empty() {
            hints.insert(
                *o,
                format!(
                    "possible move to {} (not applied: {not_applied}); its tags stay in the history",
                    elsewhere.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod fold_tests {
    use super::title_fold;

    #[test]
    fn titles_fold_case_and_spacing_unicode_aware() {
        assert_eq!(title_fold("PULSE OXIMETRY "), "pulse oximetry");
        assert_eq!(title_fold(" Pulse\t oximetry"), "pulse oximetry");
        assert_eq!(title_fold("Straße"), title_fold("STRASSE"));
        assert_eq!(title_fold("ΚΑΡΔΙΑ"), title_fold("καρδια"));
        assert_ne!(title_fold("Asthma"), title_fold("Asthma 2"));
    }
}

/// Whether two learning-outcome texts list the same outcomes: one per line
/// (as `item add --outcome` stores them) or separated by "; " (as a cell
/// may hold them), spacing aside.
pub fn same_outcomes(a: &str, b: &str) -> bool {
    a == b || outcome_list(a) == outcome_list(b)
}

/// A session's learning outcomes as a list, each with its spacing made single.
fn outcome_list(s: &str) -> Vec<String> {
    crate::analysis::bloom::split_outcomes(s).map(|o| o.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// A session's learning outcomes as `import modules --sync` matches a
/// renamed or moved session by them: each outcome with its spacing made
/// single and trimmed, without a final full stop ("." or "。"), and case
/// folded (Unicode-aware, as [`title_fold`]); empty outcomes left out. So
/// "Describe spirometry." and " describe  SPIROMETRY" are one outcome: a
/// faculty file that retypes an outcome does not cost a session its tags.
pub fn outcome_key(s: &str) -> Vec<String> {
    outcome_list(s)
        .into_iter()
        .map(|o| {
            let bare = o.strip_suffix('.').or_else(|| o.strip_suffix('。')).unwrap_or(&o);
            title_fold(bare.trim_end())
        })
        .filter(|o| !o.is_empty())
        .collect()
}

/// The dry run's line for learning outcomes a rename or a move takes from
/// the file, written otherwise than stored (case, spacing, a final full stop).
fn outcomes_change(before: &str, after: &str) -> String {
    format!(
        "learning_outcomes: {} → {} (the same outcomes, written otherwise)",
        quoted_or_empty(before),
        quoted_or_empty(after)
    )
}

/// Text for a before/after line: quoted, or "(empty)".
fn quoted_or_empty(s: &str) -> String {
    if s.is_empty() { "(empty)".into() } else { format!("{s:?}") }
}

/// Records the start of an import run (its counts are filled in at the end).
pub fn start_run(tx: &Transaction, id: i64, kind: &str, path: &str, by: Option<i64>, at: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO import_run (id, kind, path, by_id, at, added, changed, unchanged, duplicate)
         VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0)",
    )?
    .execute(params![id, kind, path, by, at])?;
    Ok(())
}

/// Fills in an import run's counts.
pub fn finish_run(tx: &Transaction, id: i64, c: &Counts) -> Result<()> {
    tx.prepare_cached("UPDATE import_run SET added = ?2, changed = ?3, unchanged = ?4, duplicate = ?5 WHERE id = ?1")?
        .execute(params![id, c.new, c.changed, c.unchanged, c.duplicate])?;
    Ok(())
}

/// The 64-bit FNV-1a hash of a session title: with the module, the key the
/// import matches sessions by. Stored in the database, so it must never change.
pub fn title_hash(title: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// Two different titles with one hash in one module: never seen, but not
/// silently merged if it happens.
fn collision(title: &str) -> anyhow::Error {
    anyhow::anyhow!("session {title:?} collides with another session's key in the same module; rename it slightly")
}

fn show(y: Option<i64>) -> String {
    y.map_or_else(|| "(none)".into(), |y| y.to_string())
}

/// A module as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Module {
    pub id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub code: String,
    pub title: String,
    pub lead: Option<String>,
    pub items: i64,
    pub tagged_items: i64,
    pub themes: Vec<String>,
}

/// Every module (of one year of study, if given), with its counts and themes.
pub fn modules(conn: &Connection, year: Option<i64>) -> Result<Vec<Module>> {
    modules_in(conn, year, None)
}

/// [`modules`] within one programme (its name as stored; `None`: all).
pub fn modules_in(conn: &Connection, year: Option<i64>, programme: Option<&str>) -> Result<Vec<Module>> {
    let mut st = conn.prepare(
        "SELECT m.id, p.name, m.year, m.code, m.title,
                (SELECT count(*) FROM item i WHERE i.module_id = m.id),
                (SELECT count(DISTINCT it.item_id) FROM item i JOIN item_tag it ON it.item_id = i.id WHERE i.module_id = m.id),
                (SELECT group_concat(slug, ';') FROM (SELECT DISTINCT t.slug FROM item i
                    JOIN item_tag it ON it.item_id = i.id JOIN theme t ON t.id = it.theme_id
                    WHERE i.module_id = m.id ORDER BY t.slug)),
                m.lead
           FROM module m JOIN programme p ON p.id = m.programme_id
          WHERE (?1 IS NULL OR m.year = ?1) AND (?2 IS NULL OR p.name = ?2 COLLATE NOCASE)
          ORDER BY p.name, m.year, m.code",
    )?;
    let rows = st
        .query_map(params![year, programme], |r| {
            let themes: Option<String> = r.get(7)?;
            Ok(Module {
                id: r.get(0)?,
                programme: r.get(1)?,
                year: r.get(2)?,
                code: r.get(3)?,
                title: r.get(4)?,
                items: r.get(5)?,
                tagged_items: r.get(6)?,
                lead: r.get(8)?,
                themes: themes.map(|t| t.split(';').map(String::from).collect()).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An item as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub programme: String,
    pub module_id: i64,
    pub module_code: String,
    pub module_title: String,
    pub year: Option<i64>,
    pub kind: String,
    pub title: String,
    pub learning_outcomes: String,
    pub themes: Vec<String>,
    /// Subject keywords (a keywords column, a Curriculum Inventory `Keyword`, `item edit --add-keyword`).
    pub keywords: Vec<String>,
    /// The Bloom level: the one a user set, else inferred from the outcomes' verbs.
    pub bloom: Option<String>,
    /// The level a user set with `canon item bloom`, if any.
    pub bloom_override: Option<String>,
}

/// Filters for `item list`.
#[derive(Debug, Default)]
pub struct ItemFilter<'a> {
    /// A module code, in any programme (prefer `module_id`: a code may be in two).
    pub module: Option<&'a str>,
    /// One module, by ID (see [`find_module`]).
    pub module_id: Option<i64>,
    /// One programme, by name.
    pub programme: Option<&'a str>,
    /// One item, by ID.
    pub item: Option<i64>,
    pub theme: Option<i64>,
    pub untagged: bool,
}

pub fn items(conn: &Connection, f: &ItemFilter) -> Result<Vec<Item>> {
    let mut st = conn.prepare(
        "SELECT i.id, m.code, m.title, m.year, i.kind, i.title, i.outcomes,
                (SELECT group_concat(slug, ';') FROM (SELECT t.slug FROM item_tag it JOIN theme t ON t.id = it.theme_id
                  WHERE it.item_id = i.id ORDER BY t.slug)),
                i.bloom_override, p.name, m.id,
                (SELECT group_concat(keyword, char(31)) FROM
                  (SELECT keyword FROM item_keyword k WHERE k.item_id = i.id ORDER BY keyword))
           FROM item i JOIN module m ON m.id = i.module_id JOIN programme p ON p.id = m.programme_id
          WHERE (?1 IS NULL OR m.code = ?1 COLLATE NOCASE)
            AND (?2 IS NULL OR EXISTS (SELECT 1 FROM item_tag it WHERE it.item_id = i.id AND it.theme_id = ?2))
            AND (?3 = 0 OR NOT EXISTS (SELECT 1 FROM item_tag it WHERE it.item_id = i.id))
            AND (?4 IS NULL OR i.module_id = ?4)
            AND (?5 IS NULL OR p.name = ?5 COLLATE NOCASE)
            AND (?6 IS NULL OR i.id = ?6)
          ORDER BY p.name, m.year, m.code, i.position, i.id",
    )?;
    let rows = st
        .query_map(params![f.module, f.theme, f.untagged, f.module_id, f.programme, f.item], |r| {
            let themes: Option<String> = r.get(7)?;
            let keywords: Option<String> = r.get(11)?;
            Ok(Item {
                id: r.get(0)?,
                programme: r.get(9)?,
                module_id: r.get(10)?,
                module_code: r.get(1)?,
                module_title: r.get(2)?,
                year: r.get(3)?,
                kind: r.get(4)?,
                title: r.get(5)?,
                learning_outcomes: r.get(6)?,
                themes: themes.map(|t| t.split(';').map(String::from).collect()).unwrap_or_default(),
                keywords: keywords.map(|k| k.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
                bloom: None,
                bloom_override: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The module a code (or module ID) names, in any programme. A code used
/// in two programmes is an [`Ambiguous`] error, never a silent pick; see
/// [`find_module`] to look within one programme.
pub fn module_id(conn: &Connection, code: &str) -> Result<Option<i64>> {
    find_module(conn, code, None)
}

/// The item an ID or `CODE/Session title` names, in any programme. A
/// reference that matches in two programmes is an [`Ambiguous`] error; see
/// [`find_item`] to look within one programme.
pub fn item_id(conn: &Connection, reference: &str) -> Result<Option<i64>> {
    find_item(conn, reference, None)
}

/// One of the records an ambiguous reference matches.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub id: i64,
    pub programme: String,
    /// `CODE Title` for a module, `CODE/Session title` for an item.
    pub label: String,
}

/// A module code or `CODE/Session title` that matches more than one
/// record: in two programmes, or (differing only in case) twice in one.
/// Canon never picks one silently; the message says how to choose.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.message())]
pub struct Ambiguous {
    pub reference: String,
    /// `module` or `item`.
    pub kind: &'static str,
    pub matches: Vec<Match>,
}

impl Ambiguous {
    fn message(&self) -> String {
        let list = self
            .matches
            .iter()
            .map(|m| format!("{:?} in programme {:?} ({} ID {})", m.label, m.programme, self.kind, m.id))
            .collect::<Vec<_>>()
            .join("; ");
        let mut programmes: Vec<&str> = self.matches.iter().map(|m| m.programme.as_str()).collect();
        programmes.dedup();
        if programmes.len() > 1 {
            format!(
                "{:?} matches {} {}s in different programmes: {list}. Add --programme {:?} (or another), \
                 or give the {} ID",
                self.reference,
                self.matches.len(),
                self.kind,
                programmes[0],
                self.kind
            )
        } else {
            format!(
                "{:?} matches {} {}s that differ only in case: {list}. Write it exactly, or give the {} ID",
                self.reference,
                self.matches.len(),
                self.kind,
                self.kind
            )
        }
    }
}

/// Picks the one match, if any: within one programme an exact-case match
/// wins over case-insensitive ones; across programmes nothing is picked.
fn pick(reference: &str, kind: &'static str, found: Vec<(Match, bool)>) -> Result<Option<i64>> {
    if found.is_empty() {
        return Ok(None);
    }
    let mut programmes: Vec<&str> = found.iter().map(|(m, _)| m.programme.as_str()).collect();
    programmes.sort_unstable();
    programmes.dedup();
    if found.len() == 1 {
        return Ok(Some(found[0].0.id));
    }
    if programmes.len() == 1 {
        let exact: Vec<&Match> = found.iter().filter(|(_, e)| *e).map(|(m, _)| m).collect();
        if exact.len() == 1 {
            return Ok(Some(exact[0].id));
        }
    }
    Err(Ambiguous { reference: reference.to_string(), kind, matches: found.into_iter().map(|(m, _)| m).collect() }
        .into())
}

/// The programme called `name` (case ignored): its ID and name as stored.
pub fn find_programme(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    let name = name.trim();
    let mut st = conn
        .prepare_cached("SELECT id, name FROM programme WHERE name = ?1 COLLATE NOCASE ORDER BY name = ?1 DESC, id")?;
    Ok(st.query_row([name], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

/// The programme a module list's rows go to when they name none, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeChoice {
    pub name: String,
    /// In words, for the header report: "--programme", "the one programme the database holds"…
    pub why: String,
}

/// The programme of a module list without one: the default when the database holds none.
pub const DEFAULT_PROGRAMME: &str = "Curriculum";

/// Where the rows of a module list that names no programme go: `given`
/// (`--programme`; a stored programme's spelling when it names one, case
/// aside); else the one programme the database holds; else, in an empty
/// database, a new programme called [`DEFAULT_PROGRAMME`]. A database with
/// several programmes is an error listing them and asking for `--programme`.
pub fn programme_for_import(conn: &Connection, given: Option<&str>) -> Result<ProgrammeChoice> {
    let known = programme_names(conn)?;
    if let Some(g) = given.map(|g| g.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|g| !g.is_empty()) {
        return Ok(match find_programme(conn, &g)? {
            Some((_, name)) => ProgrammeChoice { name, why: "--programme".into() },
            None if known.is_empty() => ProgrammeChoice { name: g, why: "--programme; a new programme".into() },
            None => {
                ProgrammeChoice { name: g, why: format!("--programme; a new programme beside {}", quoted_list(&known)) }
            }
        });
    }
    match known.as_slice() {
        [] => Ok(ProgrammeChoice {
            name: DEFAULT_PROGRAMME.into(),
            why: "a new programme: the database holds none yet; name it with --programme".into(),
        }),
        [one] => Ok(ProgrammeChoice { name: one.clone(), why: "the one programme the database holds".into() }),
        many => anyhow::bail!(
            "the file names no programme and the database holds {} programmes ({}); say which one its rows belong to \
             with --programme NAME",
            many.len(),
            quoted_list(many)
        ),
    }
}

fn quoted_list(names: &[String]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// Every programme's name, in order.
pub fn programme_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT name FROM programme ORDER BY name")?;
    let v = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// Whether the database holds any module.
pub fn has_modules(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM module)", [], |r| r.get(0))?)
}

/// The years (ascending, distinct) of the modules in `programme` (any when
/// `None`) whose code is `code` (any when `None`; compared as NOCASE): what
/// a `--year` scope can select. Empty when no such module has a year.
pub fn module_years(conn: &Connection, programme: Option<&str>, code: Option<&str>) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT m.year FROM module m JOIN programme p ON p.id = m.programme_id
          WHERE m.year IS NOT NULL AND (?1 IS NULL OR p.name = ?1 COLLATE NOCASE)
            AND (?2 IS NULL OR m.code = ?2 COLLATE NOCASE)
          ORDER BY m.year",
    )?;
    let years = st.query_map(params![programme, code], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(years)
}

/// The module a module ID or code names, within `programme` (a name as
/// stored; `None`: any). A code in two programmes is an [`Ambiguous`] error.
pub fn find_module(conn: &Connection, reference: &str, programme: Option<&str>) -> Result<Option<i64>> {
    let reference = reference.trim();
    if let Some(id) = crate::import::parse_reading_id(reference)
        && let Some(id) = conn
            .prepare_cached(
                "SELECT m.id FROM module m JOIN programme p ON p.id = m.programme_id
                  WHERE m.id = ?1 AND (?2 IS NULL OR p.name = ?2 COLLATE NOCASE)",
            )?
            .query_row(params![id, programme], |r| r.get(0))
            .optional()?
    {
        return Ok(Some(id));
    }
    let mut st = conn.prepare_cached(
        "SELECT m.id, p.name, m.code, m.title FROM module m JOIN programme p ON p.id = m.programme_id
          WHERE m.code = ?1 COLLATE NOCASE AND (?2 IS NULL OR p.name = ?2 COLLATE NOCASE)
          ORDER BY p.name, m.id",
    )?;
    let found = st
        .query_map(params![reference, programme], |r| {
            let code: String = r.get(2)?;
            let title: String = r.get(3)?;
            let exact = code == reference;
            Ok((Match { id: r.get(0)?, programme: r.get(1)?, label: format!("{code} {title}") }, exact))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    pick(reference, "module", found)
}

/// The item an item ID or `CODE/Session title` names, within `programme`
/// (`None`: any). Code and title are matched ignoring case; a reference
/// that matches in two programmes is an [`Ambiguous`] error.
pub fn find_item(conn: &Connection, reference: &str, programme: Option<&str>) -> Result<Option<i64>> {
    let reference = reference.trim();
    if let Some(id) = crate::import::parse_reading_id(reference) {
        return Ok(conn
            .prepare_cached(
                "SELECT i.id FROM item i JOIN module m ON m.id = i.module_id JOIN programme p ON p.id = m.programme_id
                  WHERE i.id = ?1 AND (?2 IS NULL OR p.name = ?2 COLLATE NOCASE)",
            )?
            .query_row(params![id, programme], |r| r.get(0))
            .optional()?);
    }
    let Some((code, title)) = reference.split_once('/') else { return Ok(None) };
    let (code, title) = (code.trim(), title.trim());
    let mut st = conn.prepare_cached(
        "SELECT i.id, p.name, m.code, i.title FROM module m JOIN programme p ON p.id = m.programme_id
           JOIN item i ON i.module_id = m.id
          WHERE m.code = ?1 COLLATE NOCASE AND i.title = ?2 COLLATE NOCASE
            AND (?3 IS NULL OR p.name = ?3 COLLATE NOCASE)
          ORDER BY p.name, i.id",
    )?;
    let found = st
        .query_map(params![code, title, programme], |r| {
            let c: String = r.get(2)?;
            let t: String = r.get(3)?;
            let exact = c == code && t == title;
            Ok((Match { id: r.get(0)?, programme: r.get(1)?, label: format!("{c}/{t}") }, exact))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    pick(reference, "item", found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: i64, programme: &str, label: &str) -> Match {
        Match { id, programme: programme.into(), label: label.into() }
    }

    #[test]
    fn a_reference_in_two_programmes_is_never_picked() {
        assert_eq!(pick("X", "module", vec![]).unwrap(), None);
        assert_eq!(pick("X", "module", vec![(m(1, "A", "X a"), true)]).unwrap(), Some(1));
        // Two programmes: an error, even when one matches the case exactly.
        let err = pick("X", "module", vec![(m(1, "A", "X a"), true), (m(2, "B", "x b"), false)]).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("in programme \"A\"") && text.contains("in programme \"B\"") && text.contains("--programme"),
            "{text}"
        );
        assert!(err.downcast_ref::<Ambiguous>().is_some());
        // One programme, two cases: the exact one wins; two inexact ones are an error.
        assert_eq!(pick("X", "item", vec![(m(1, "A", "X/t"), true), (m(2, "A", "x/t"), false)]).unwrap(), Some(1));
        let err = pick("X", "item", vec![(m(1, "A", "x/t"), false), (m(2, "A", "x/T"), false)]).unwrap_err();
        assert!(err.to_string().contains("differ only in case"), "{err}");
    }

    #[test]
    fn title_hash_is_fnv1a_and_stable() {
        // Reference values of FNV-1a 64.
        assert_eq!(title_hash("") as u64, 0xcbf2_9ce4_8422_2325);
        assert_eq!(title_hash("a") as u64, 0xaf63_dc4c_8601_ec8c);
        assert_ne!(title_hash("Spirometry"), title_hash("spirometry"));
    }
}
