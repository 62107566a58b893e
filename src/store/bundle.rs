//! Records as plain JSON objects, table by table: the diff-friendly bundle
//! (`export bundle` / `import bundle`) and the material `merge` compares.
//!
//! A bundle is a folder with one JSON Lines file per table, one record per
//! line, keys in a fixed (alphabetical) order, records sorted by stable ID or
//! natural key, and a small manifest. Two exports of the same data are byte
//! identical and a one-record change is a one-line diff. A reading carries
//! its authors and a theme its keywords inline, so an edit to either is one
//! line too. Full-text indexes are rebuilt on import, never exported.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, params_from_iter};
use serde_json::{Map, Value};

/// One record: column name → value.
pub type Record = Map<String, Value>;

/// A table as the bundle and merge see it.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub cols: &'static [&'static str],
    /// The columns records are sorted by (a stable ID or the natural key).
    pub order: &'static str,
    /// Has an `id` column that is its primary key.
    pub has_id: bool,
}

/// Every table a bundle carries, parents before children.
pub const TABLES: &[Table] = &[
    Table {
        name: "contributor",
        cols: &["id", "name", "role", "affiliation", "is_pseudonym", "created_at"],
        order: "id",
        has_id: true,
    },
    Table { name: "programme", cols: &["id", "name", "created_at"], order: "id", has_id: true },
    Table {
        name: "theme",
        cols: &["id", "slug", "name", "description", "parent_id", "created_at"],
        order: "id",
        has_id: true,
    },
    Table {
        name: "module",
        cols: &["id", "programme_id", "code", "title", "year", "lead", "created_at", "updated_at"],
        order: "id",
        has_id: true,
    },
    Table {
        name: "item",
        cols: &[
            "id",
            "module_id",
            "kind",
            "title",
            "title_hash",
            "outcomes",
            "bloom_override",
            "position",
            "updated_at",
        ],
        order: "id",
        has_id: true,
    },
    // Subject keywords a source gave a session (schema 0008): evidence for `suggest`.
    Table { name: "item_keyword", cols: &["item_id", "keyword"], order: "item_id, keyword", has_id: false },
    Table {
        name: "reading",
        cols: &[
            "id",
            "title",
            "title_key",
            "year",
            "type",
            "container",
            "doi",
            "isbn",
            "url",
            "annotation",
            "source_kind",
            "credit",
            "licence",
            "status",
            "language",
            "translated",
            "global_south",
            "open_access",
            "perspective",
            "original_language",
            "added_by",
            "created_at",
            "updated_at",
            "year_note",
            "volume",
            "issue",
            "pages",
            "publisher",
            "place",
            "edition",
            "container_short",
            "season",
            "month",
            "day",
            "date_approximate",
            "authors_truncated",
            "editors_truncated",
            "pmid",
            "month_end",
            "series",
            "genre",
            "date_copyright",
            "day_end",
            "season_end",
            "page_count",
            "series_number",
            "accessed",
            "original_year",
            "original_title",
            "volume_title",
            "number_of_volumes",
            "type_inferred",
            "year_end",
            "year_end_month",
            "archive",
            "archive_location",
            "event",
            "event_place",
            "event_date",
            "pmcid",
            "eprint",
        ],
        order: "id",
        has_id: true,
    },
    Table {
        name: "person_facet",
        cols: &[
            "id",
            "reading_id",
            "author_position",
            "facet",
            "value",
            "basis",
            "source",
            "recorded_by",
            "recorded_at",
            "author_name",
        ],
        order: "id",
        has_id: true,
    },
    Table { name: "review", cols: &["id", "reading_id", "status", "by_id", "at", "note"], order: "id", has_id: true },
    Table {
        name: "item_tag",
        cols: &["item_id", "theme_id", "by_id", "at", "source", "note"],
        order: "item_id, theme_id",
        has_id: false,
    },
    Table {
        name: "reading_tag",
        cols: &["reading_id", "theme_id", "by_id", "at", "source", "note"],
        order: "reading_id, theme_id",
        has_id: false,
    },
    Table {
        name: "link",
        cols: &["id", "reading_id", "item_id", "module_id", "by_id", "at", "note"],
        order: "id",
        has_id: true,
    },
    Table {
        name: "import_run",
        cols: &["id", "kind", "path", "by_id", "at", "added", "changed", "unchanged", "duplicate"],
        order: "id",
        has_id: true,
    },
    Table {
        name: "history",
        cols: &["id", "at", "by_id", "action", "entity", "entity_id", "before", "after", "import_id", "note"],
        order: "id",
        has_id: true,
    },
    // Audit rounds (schema 0002): frozen figures, carried as they are.
    Table { name: "snapshot", cols: &["id", "name", "at", "by_id", "items", "note"], order: "id", has_id: true },
    Table {
        name: "snapshot_coverage",
        cols: &["snapshot_id", "programme", "module_code", "module_title", "year", "theme", "items", "tagged"],
        order: "snapshot_id, programme, module_code, theme",
        has_id: false,
    },
    Table {
        name: "snapshot_gap",
        cols: &["snapshot_id", "key", "kind", "severity", "scope", "theme", "module_code", "explanation"],
        order: "snapshot_id, key",
        has_id: false,
    },
    Table {
        name: "conflict",
        cols: &[
            "id",
            "entity",
            "entity_id",
            "fields",
            "ours",
            "theirs",
            "source",
            "found_at",
            "found_by",
            "resolution",
            "resolved_at",
            "resolved_by",
        ],
        order: "id",
        has_id: true,
    },
];

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// Every record of every table, in bundle order.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub tables: BTreeMap<&'static str, Vec<Record>>,
    /// For a snapshot read from a bundle: the line of each record in its
    /// table's file (empty for a database), for messages.
    pub lines: BTreeMap<&'static str, Vec<u64>>,
}

/// Two snapshots are equal when their records are, wherever they came from.
impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        self.tables == other.tables
    }
}

impl Snapshot {
    pub fn get(&self, table: &str) -> &[Record] {
        self.tables.get(table).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn to_json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
    }
}

/// A JSON value as an SQL parameter.
pub fn to_sql(v: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as S;
    match v {
        Value::Null => S::Null,
        Value::Bool(b) => S::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map(S::Integer).unwrap_or_else(|| S::Real(n.as_f64().unwrap_or_default())),
        Value::String(s) => S::Text(s.clone()),
        other => S::Text(other.to_string()),
    }
}

// SQL is built only from the constant table and column names above, never
// from user text; values are always bound.
fn select_sql(t: &Table, filter: &str) -> String {
    format!("SELECT {} FROM {} {filter} ORDER BY {}", t.cols.join(", "), t.name, t.order)
}

fn insert_sql(t: &Table) -> String {
    let marks = (1..=t.cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    format!("INSERT INTO {} ({}) VALUES ({marks})", t.name, t.cols.join(", "))
}

fn update_sql(t: &Table) -> String {
    let sets = t.cols.iter().enumerate().skip(1).map(|(i, c)| format!("{c} = ?{}", i + 1)).collect::<Vec<_>>();
    format!("UPDATE {} SET {} WHERE {} = ?1", t.name, sets.join(", "), t.cols[0])
}

fn read_rows(conn: &Connection, t: &Table, filter: &str, p: &[&dyn rusqlite::ToSql]) -> Result<Vec<Record>> {
    let mut st = conn.prepare_cached(&select_sql(t, filter))?;
    let rows = st
        .query_map(p, |r| {
            let mut m = Record::new();
            for (i, c) in t.cols.iter().enumerate() {
                m.insert((*c).to_string(), to_json(r.get_ref(i)?));
            }
            Ok(m)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The fields a table's records carry inline from child tables (see [`inline`]).
pub fn inline_fields(table: &str) -> &'static [&'static str] {
    match table {
        "reading" => &["authors"],
        "theme" => &["keywords"],
        _ => &[],
    }
}

/// Inline fields a table's records may carry beside [`inline_fields`]: a
/// reading's authors in parts (`author_names`: family, given, particle,
/// suffix, literal and the name as written, issue 12). When absent, or when
/// its names as written differ from `authors`, the parts are read from the
/// names.
pub fn optional_inline_fields(table: &str) -> &'static [&'static str] {
    match table {
        "reading" => &["author_names", "editor_names", "translator_names", "other_isbns"],
        _ => &[],
    }
}

/// The table a column refers to by ID, for every foreign key a bundle carries.
pub fn refers_to(col: &str) -> Option<&'static str> {
    Some(match col {
        "by_id" | "added_by" | "recorded_by" | "found_by" | "resolved_by" => "contributor",
        "programme_id" => "programme",
        "module_id" => "module",
        "item_id" => "item",
        "reading_id" => "reading",
        "theme_id" | "parent_id" => "theme",
        "import_id" => "import_run",
        "snapshot_id" => "snapshot",
        _ => return None,
    })
}

/// Adds what lives in child tables inline: a reading's authors, a theme's keywords.
fn inline(conn: &Connection, t: &Table, m: &mut Record) -> Result<()> {
    let id = m.get("id").and_then(Value::as_i64).unwrap_or_default();
    match t.name {
        "reading" => {
            let names = super::readings::authors(conn, id)?;
            let v: Vec<String> = names.iter().map(|n| n.original.clone()).collect();
            m.insert("authors".into(), Value::from(v));
            m.insert("author_names".into(), serde_json::to_value(&names)?);
            m.insert("editor_names".into(), serde_json::to_value(super::readings::editors(conn, id)?)?);
            m.insert("translator_names".into(), serde_json::to_value(super::readings::translators(conn, id)?)?);
            // The book's other ISBNs (schema 0037), so that a removal's undo,
            // a merge and a bundle carry them with the reading.
            m.insert("other_isbns".into(), Value::from(super::readings::other_isbns(conn, id)?));
        }
        "theme" => {
            let mut st =
                conn.prepare_cached("SELECT keyword FROM theme_keyword WHERE theme_id = ?1 ORDER BY keyword")?;
            let v = st.query_map([id], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            m.insert("keywords".into(), Value::from(v));
        }
        _ => {}
    }
    Ok(())
}

/// Every record of `conn`.
pub fn snapshot(conn: &Connection) -> Result<Snapshot> {
    let mut s = Snapshot::default();
    for t in TABLES {
        let mut rows = read_rows(conn, t, "", &[]).with_context(|| format!("reading table {}", t.name))?;
        for m in &mut rows {
            inline(conn, t, m)?;
        }
        s.tables.insert(t.name, rows);
    }
    Ok(s)
}

/// One record by ID (for tables with an `id`).
pub fn load(conn: &Connection, t: &Table, id: i64) -> Result<Option<Record>> {
    let mut rows = read_rows(conn, t, "WHERE id = ?1", &[&id])?;
    let Some(mut m) = rows.pop() else { return Ok(None) };
    inline(conn, t, &mut m)?;
    Ok(Some(m))
}

/// One tag by what it joins.
pub fn load_tag(conn: &Connection, t: &Table, target: i64, theme: i64) -> Result<Option<Record>> {
    let filter = if t.name == "item_tag" {
        "WHERE item_id = ?1 AND theme_id = ?2"
    } else {
        "WHERE reading_id = ?1 AND theme_id = ?2"
    };
    Ok(read_rows(conn, t, filter, &[&target, &theme])?.pop())
}

fn params(t: &Table, m: &Record) -> Vec<rusqlite::types::Value> {
    t.cols.iter().map(|c| to_sql(m.get(*c).unwrap_or(&Value::Null))).collect()
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
        .unwrap_or_default()
}

/// Inserts a record, with its inline children and its full-text row.
pub fn insert(tx: &Transaction, t: &Table, m: &Record) -> Result<()> {
    tx.prepare_cached(&insert_sql(t))?
        .execute(params_from_iter(params(t, m)))
        .with_context(|| format!("adding a {} record", t.name))?;
    children(tx, t, m, false)?;
    index(tx, t, m, None)
}

/// Rewrites a record by its ID (or tag key), with its children and full-text row.
pub fn update(tx: &Transaction, t: &Table, old: &Record, m: &Record) -> Result<()> {
    let mut m = m.clone();
    if t.name == "reading"
        && let Some(title) = m.get("title").and_then(Value::as_str)
    {
        // The de-duplication key follows the title.
        let key = crate::import::title_key(title);
        m.insert("title_key".into(), Value::from(key));
    }
    let m = &m;
    if t.has_id {
        // A whole work's ISBN names one entry (schema 0011): a change that
        // would give it to a second whole work is refused, naming the
        // other (tester r53 F2: "UNIQUE constraint failed: reading.isbn",
        // after a chapter was made a book, or an edit undone).
        if t.name == "reading"
            && let Some(isbn) = m.get("isbn").and_then(Value::as_str)
            && !matches!(m.get("type").and_then(Value::as_str), Some("chapter" | "conference-paper"))
        {
            let id = m.get("id").and_then(Value::as_i64).unwrap_or_default();
            // Two volumes of a set may share its ISBN (schema 0035).
            let volume = m.get("volume").and_then(Value::as_str);
            let title = m.get("title").and_then(Value::as_str).unwrap_or_default();
            let kind = m.get("type").and_then(Value::as_str).unwrap_or_default();
            let other = super::readings::isbn_holder(tx, isbn, kind, volume, title, Some(id))?;
            if let Some((other, title)) = other {
                anyhow::bail!(
                    "ISBN {isbn} is already entry {} {title:?}, a whole work: two whole works cannot share an \
                     ISBN (a chapter keeps its book's; two volumes of a set may, each with its volume number); \
                     give this entry its own ISBN, clear it (`--isbn \"\"`), or make it a chapter (`--type chapter`)",
                    crate::import::reading_id_text(other),
                    title = crate::import::title_text::Quoted(&title)
                );
            }
        }
        tx.prepare_cached(&update_sql(t))?
            .execute(params_from_iter(params(t, m)))
            .with_context(|| format!("updating a {} record", t.name))?;
    } else {
        delete(tx, t, old)?;
        tx.prepare_cached(&insert_sql(t))?.execute(params_from_iter(params(t, m)))?;
        return Ok(());
    }
    children(tx, t, m, true)?;
    index(tx, t, m, Some(old))
}

/// Deletes a record (the caller records it in the history first).
pub fn delete(tx: &Transaction, t: &Table, m: &Record) -> Result<()> {
    let id = |k: &str| m.get(k).and_then(Value::as_i64);
    match t.name {
        "item_tag" => {
            tx.prepare_cached("DELETE FROM item_tag WHERE item_id = ?1 AND theme_id = ?2")?
                .execute([id("item_id"), id("theme_id")])?;
        }
        "reading_tag" => {
            tx.prepare_cached("DELETE FROM reading_tag WHERE reading_id = ?1 AND theme_id = ?2")?
                .execute([id("reading_id"), id("theme_id")])?;
        }
        "link" => {
            tx.prepare_cached("DELETE FROM link WHERE id = ?1")?.execute([id("id")])?;
        }
        "item_keyword" => {
            tx.prepare_cached("DELETE FROM item_keyword WHERE item_id = ?1 AND keyword = ?2")?
                .execute(rusqlite::params![id("item_id"), m.get("keyword").and_then(Value::as_str)])?;
        }
        "reading" => {
            let rid = id("id");
            tx.prepare_cached("DELETE FROM reading_fts WHERE rowid = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading_tag WHERE reading_id = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading_author WHERE reading_id = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading_editor WHERE reading_id = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading_translator WHERE reading_id = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading_other_isbn WHERE reading_id = ?1")?.execute([rid])?;
            tx.prepare_cached("DELETE FROM reading WHERE id = ?1")?.execute([rid])?;
        }
        other => bail!("a {other} record cannot be removed"),
    }
    Ok(())
}

fn children(tx: &Transaction, t: &Table, m: &Record, replace: bool) -> Result<()> {
    let id = m.get("id").and_then(Value::as_i64);
    match t.name {
        "reading" => {
            if replace {
                tx.prepare_cached("DELETE FROM reading_author WHERE reading_id = ?1")?.execute([id])?;
            }
            // The parts when the record has them (bundles from canon with schema 0009_references), else read from the names.
            let written = strings(m.get("authors"));
            let parts: Vec<crate::import::names::Name> =
                m.get("author_names").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default();
            let same = parts.len() == written.len() && parts.iter().zip(&written).all(|(p, w)| &p.original == w);
            let names: Vec<crate::import::names::Name> = if same {
                parts
            } else {
                written
                    .iter()
                    .map(|a| crate::import::names::parse(a).unwrap_or_else(|| crate::import::names::Name::literal(a)))
                    .collect()
            };
            super::readings::set_authors(tx, id.unwrap_or_default(), &names)?;
            // Editors (schema 0012) when the record carries them; a record without the field keeps none.
            if let Some(v) = m.get("editor_names") {
                if replace {
                    tx.prepare_cached("DELETE FROM reading_editor WHERE reading_id = ?1")?.execute([id])?;
                }
                let eds: Vec<crate::import::names::Name> = serde_json::from_value(v.clone()).unwrap_or_default();
                super::readings::set_editors(tx, id.unwrap_or_default(), &eds)?;
            }
            // Translators (schema 0029) likewise.
            if let Some(v) = m.get("translator_names") {
                if replace {
                    tx.prepare_cached("DELETE FROM reading_translator WHERE reading_id = ?1")?.execute([id])?;
                }
                let names: Vec<crate::import::names::Name> = serde_json::from_value(v.clone()).unwrap_or_default();
                super::readings::set_translators(tx, id.unwrap_or_default(), &names)?;
            }
            // Other ISBNs (schema 0037) likewise: a record without the field keeps its own.
            if m.get("other_isbns").is_some() {
                if replace {
                    tx.prepare_cached("DELETE FROM reading_other_isbn WHERE reading_id = ?1")?.execute([id])?;
                }
                let own = m.get("isbn").and_then(Value::as_str);
                super::readings::set_other_isbns(tx, id.unwrap_or_default(), own, &strings(m.get("other_isbns")))?;
            }
        }
        "theme" => {
            if replace {
                tx.prepare_cached("DELETE FROM theme_keyword WHERE theme_id = ?1")?.execute([id])?;
            }
            let mut st = tx.prepare_cached(
                "INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )?;
            for k in strings(m.get("keywords")) {
                st.execute(rusqlite::params![id, k])?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn index(tx: &Transaction, t: &Table, m: &Record, old: Option<&Record>) -> Result<()> {
    let s = |r: &Record, k: &str| r.get(k).and_then(Value::as_str).map(String::from);
    let id = m.get("id").and_then(Value::as_i64);
    match t.name {
        "reading" => {
            if old.is_some() {
                tx.prepare_cached("DELETE FROM reading_fts WHERE rowid = ?1")?.execute([id])?;
            }
            tx.prepare_cached("INSERT INTO reading_fts (rowid, title, authors, annotation) VALUES (?1, ?2, ?3, ?4)")?
                .execute(rusqlite::params![
                id,
                super::search::fts_title(
                    &s(m, "title").unwrap_or_default(),
                    s(m, "original_title").as_deref(),
                    s(m, "volume_title").as_deref(),
                ),
                strings(m.get("authors")).join("; "),
                s(m, "annotation")
            ])?;
        }
        "item" => {
            if let Some(o) = old {
                tx.prepare_cached(
                    "INSERT INTO item_fts (item_fts, rowid, title, outcomes) VALUES ('delete', ?1, ?2, ?3)",
                )?
                .execute(rusqlite::params![id, s(o, "title"), s(o, "outcomes")])?;
            }
            tx.prepare_cached("INSERT INTO item_fts (rowid, title, outcomes) VALUES (?1, ?2, ?3)")?
                .execute(rusqlite::params![id, s(m, "title"), s(m, "outcomes")])?;
        }
        _ => {}
    }
    Ok(())
}

/// Whether the database holds nothing but the seeded themes.
pub fn is_empty(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM contributor) + (SELECT count(*) FROM programme)
              + (SELECT count(*) FROM reading) + (SELECT count(*) FROM history)
              + (SELECT count(*) FROM import_run) + (SELECT count(*) FROM theme WHERE id > 3)
              + (SELECT count(*) FROM snapshot)",
        [],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

/// Whether a database holds no curriculum, reading or theme of its own (no
/// programme, reading, added theme or snapshot), whatever its history and
/// contributors say: a database made by an import that imported nothing
/// (its run and the contributor it named are all it holds).
pub fn holds_no_records(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM programme) + (SELECT count(*) FROM reading)
              + (SELECT count(*) FROM theme WHERE id > 3) + (SELECT count(*) FROM snapshot)",
        [],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

/// Writes every record of a bundle into an empty database, replacing the
/// seeded themes, and rebuilds the full-text indexes. The snapshot must
/// have passed [`super::untrusted::validate`].
pub fn restore(tx: &Transaction, s: &Snapshot) -> Result<()> {
    restore_rows(tx, s, |t, i, e| e.context(format!("adding {t} record {}", i + 1)))?;
    tx.execute_batch(
        "INSERT INTO item_fts (item_fts) VALUES ('rebuild');
         DELETE FROM reading_fts;
         INSERT INTO reading_fts (rowid, title, authors, annotation)
              SELECT r.id, r.title || coalesce(' ' || r.original_title, '') || coalesce(' ' || r.volume_title, ''),
                     coalesce((SELECT group_concat(name, '; ') FROM
                                 (SELECT name FROM reading_author WHERE reading_id = r.id ORDER BY position)), ''),
                     r.annotation
                FROM reading r;",
    )?;
    Ok(())
}

/// Inserts every record of a snapshot (and its inline children) into an
/// empty database; `fail` turns the first error into a message naming the
/// table and the record's index.
pub fn restore_rows(
    tx: &Transaction,
    s: &Snapshot,
    fail: impl Fn(&str, usize, anyhow::Error) -> anyhow::Error,
) -> Result<()> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON; DELETE FROM theme_keyword; DELETE FROM theme;")?;
    for t in TABLES {
        let mut st = tx.prepare_cached(&insert_sql(t))?;
        for (i, m) in s.get(t.name).iter().enumerate() {
            st.execute(params_from_iter(params(t, m)))
                .map_err(anyhow::Error::from)
                .and_then(|_| children(tx, t, m, false))
                .map_err(|e| fail(t.name, i, e))?;
        }
    }
    Ok(())
}

pub const MANIFEST: &str = "manifest.json";
/// What a bundle manifest's `format` says.
pub const FORMAT: &str = "canon-bundle";

/// One record as a line: compact JSON, keys in alphabetical order.
fn line(m: &Record) -> Result<String> {
    Ok(serde_json::to_string(m)?)
}

/// Writes a snapshot as a bundle folder, through
/// [`crate::output::write_folder`]: every table file and the manifest are
/// written and synced before any replaces an old one, never over the
/// database, and other files in the folder (a `.git`, a README) are kept.
pub fn write(dir: &Path, s: &Snapshot, schema_version: i64) -> Result<()> {
    crate::output::write_folder(dir, |tmp| {
        for t in TABLES {
            let path = tmp.join(format!("{}.jsonl", t.name));
            let mut f = std::io::BufWriter::new(
                crate::output::create_new(&path).with_context(|| format!("creating {}", path.display()))?,
            );
            for m in s.get(t.name) {
                f.write_all(line(m)?.as_bytes())?;
                f.write_all(b"\n")?;
            }
            f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        let manifest = serde_json::json!({
            "format": FORMAT,
            "schema_version": schema_version,
            "tables": TABLES.iter().map(|t| format!("{}.jsonl", t.name)).collect::<Vec<_>>(),
        });
        let mut text = serde_json::to_string_pretty(&manifest)?;
        text.push('\n');
        crate::output::write_new(&tmp.join(MANIFEST), text.as_bytes())?;
        Ok(())
    })
}
