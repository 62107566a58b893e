//! Another contributor's database or bundle is untrusted input. Nothing of
//! it is read before its shape is checked, nothing is kept before every
//! record is validated, and it is never written to.
//!
//! - A **database** ([`database`]) is opened read-only and immutable (no
//!   `-wal` or `-shm` appears beside it, and read-only media work), with
//!   SQLite's defensive settings, and refused unless its `user_version` is
//!   this canon's and its schema is exactly the one this canon's migrations
//!   make: real tables of the expected columns, and no view, trigger or
//!   table canon does not know (a view in place of a table could make a
//!   read run forever). A `-wal` or `-journal` with content beside it means
//!   the file is still in use or was left mid-write: refused, since an
//!   immutable read would not see those changes.
//! - A **bundle** ([`bundle`]) is a folder whose `manifest.json` names its
//!   format, an integer `schema_version` and every table file that schema
//!   has; each of those must be a regular file in the folder (no symbolic
//!   links, FIFOs, devices or folders), at most [`MAX_FILE`] bytes, read line
//!   by line with lines of at most [`MAX_LINE`] bytes. A folder that
//!   `canon export bundle` was interrupted writing is refused.
//! - **Every record** of either ([`validate`]) must have integer IDs,
//!   unique per table; every field of the type its column has (an ID of
//!   `"12"`, `null` or `1.5` is refused); texts within [`crate::limits`];
//!   every reference resolving to a record on their side; theme parents
//!   without cycles; history entries holding JSON; and every record must
//!   satisfy the schema's own constraints (allowed values, uniqueness), by
//!   being inserted into a scratch database of this canon's schema — which
//!   is what `import bundle` does to the real one. Derived keys (a
//!   session's title hash, a reading's title key) are recomputed, never
//!   trusted. The first problem refuses the whole input, naming the file,
//!   table, row and field.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use super::bundle::{self, MANIFEST, Record, Snapshot, TABLES, Table};

/// The largest table file a bundle may hold: 2 GiB.
pub const MAX_FILE: u64 = 2 << 30;

/// The longest line (one record) in a bundle file: 64 MiB.
pub const MAX_LINE: usize = 64 << 20;

/// The largest manifest: 1 MiB.
const MAX_MANIFEST: u64 = 1 << 20;

/// The largest single value read from another database, in bytes: a
/// [`crate::limits::Kind::Record`] text at four bytes a character.
const MAX_VALUE: i32 = 64 << 20;

/// Where a snapshot came from, for messages.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A bundle folder.
    Bundle(&'a Path),
    /// A database file.
    Database(&'a Path),
}

impl Origin<'_> {
    /// "file:line: table (id N)" or "db: table T, row N (id N)".
    fn at(&self, s: &Snapshot, table: &str, row: usize) -> String {
        let id = s
            .get(table)
            .get(row)
            .and_then(|m| m.get("id"))
            .filter(|v| !v.is_null())
            .map(|v| format!(" (id {v})"))
            .unwrap_or_default();
        match self {
            Origin::Bundle(dir) => {
                let line = s.lines.get(table).and_then(|l| l.get(row)).copied().unwrap_or(row as u64 + 1);
                format!("{}:{line}: {table} record{id}", dir.join(format!("{table}.jsonl")).display())
            }
            Origin::Database(p) => format!("{}: table {table}, row {}{id}", p.display(), row + 1),
        }
    }

    fn side(&self) -> &'static str {
        match self {
            Origin::Bundle(_) => "the bundle",
            Origin::Database(_) => "their database",
        }
    }
}

/// A database of this canon's schema as the first `version` migrations make
/// it, in memory: the shape another database or bundle is checked against.
fn reference(version: i64) -> Result<Connection> {
    let c = Connection::open_in_memory()?;
    for (name, sql) in super::MIGRATIONS.iter().take(version.max(0) as usize) {
        c.execute_batch(sql).with_context(|| format!("building the reference schema ({name})"))?;
    }
    Ok(c)
}

/// The tables a schema version has, of those a bundle carries.
fn tables_at(version: i64) -> Result<Vec<&'static Table>> {
    let c = reference(version)?;
    let names: HashSet<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(TABLES.iter().filter(|t| names.contains(t.name)).collect())
}

// ---------------------------------------------------------------------------
// Another database

/// Reads another contributor's database, read-only and immutable, after
/// checking its schema, and validates every record. `ours` is this
/// database's path (merging a database into itself is refused).
pub fn database(path: &Path, ours: &Path, schema_version: i64) -> Result<Snapshot> {
    crate::output::too_long(path)?;
    let meta = fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if !meta.is_file() {
        bail!("{} is not a regular file; expected a canon database or a bundle folder", path.display());
    }
    if same_file(path, ours) {
        bail!("{} is this database; merge another contributor's database or bundle", path.display());
    }
    crate::output::protect(path);
    for companion in ["-wal", "-journal"] {
        for base in [Some(path.to_path_buf()), path.canonicalize().ok()].into_iter().flatten() {
            let mut c = base.into_os_string();
            c.push(companion);
            let c = PathBuf::from(c);
            if fs::metadata(&c).is_ok_and(|m| m.len() > 0) {
                bail!(
                    "{} has unsaved changes in {} (is canon still running on it, or was it stopped mid-write?); \
                     it is read as it is and never changed, so ask for a finished copy: `canon backup` or \
                     `canon export bundle` on their side",
                    path.display(),
                    c.display()
                );
            }
        }
    }
    let conn = open_immutable(path)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .with_context(|| format!("reading {} (is it a canon database?)", path.display()))?;
    if version > schema_version {
        bail!(
            "{} has schema version {version}: it was made by a newer canon (this one reads version \
             {schema_version}). Upgrade canon to merge it",
            path.display()
        );
    }
    if version != schema_version {
        bail!(
            "{} has schema version {version}, from an older canon; this canon reads version {schema_version}. \
             Ask for a bundle (`canon export bundle`), or update a copy of it by opening it once with this canon \
             (`canon --db COPY check`)",
            path.display()
        );
    }
    check_schema(&conn, path, version)?;
    check_types(&conn, &reference(version)?, path)?;
    let snap = {
        let tx = conn.unchecked_transaction()?;
        let s = bundle::snapshot(&tx).map_err(|e| match e.downcast_ref::<rusqlite::Error>() {
            Some(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::TooBig => {
                anyhow!("{} holds a value larger than {} MiB; refused", path.display(), MAX_VALUE >> 20)
            }
            _ => e.context(format!("reading {}", path.display())),
        })?;
        drop(tx);
        s
    };
    let mut snap = snap;
    validate(&mut snap, Origin::Database(path))?;
    Ok(snap)
}

fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// `file:` URI of a path, every byte outside the unreserved set escaped.
fn file_uri(path: &Path) -> Result<String> {
    let abs = std::path::absolute(path)?;
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        abs.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().replace('\\', "/").into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Ok(uri)
}

/// Opens a database to read and nothing else: immutable (no locks, no
/// `-wal`/`-shm`/`-journal` created), defensive, schema code untrusted.
fn open_immutable(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(file_uri(path)?, flags).with_context(|| format!("opening {}", path.display()))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE)?;
    conn.pragma_update(None, "cell_size_check", "ON")?;
    conn.pragma_update(None, "mmap_size", 0)?;
    Ok(conn)
}

/// One schema object: type, name, table, SQL.
type Object = (String, String, String, Option<String>);

fn objects(conn: &Connection) -> Result<Vec<Object>> {
    let mut st = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
          WHERE name NOT IN ('sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')
          ORDER BY type, name",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses a database whose schema is not exactly the one this canon's
/// migrations make: no views, no triggers, no unknown or missing tables or
/// indexes, every table with the same definition.
fn check_schema(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let theirs = objects(conn).with_context(|| format!("reading the schema of {}", path.display()))?;
    let expected = objects(&reference(version)?)?;
    let want: HashMap<&str, &Object> = expected.iter().map(|o| (o.1.as_str(), o)).collect();
    let p = path.display();
    for o in &theirs {
        let (kind, name) = (o.0.as_str(), o.1.as_str());
        match want.get(name) {
            None if kind == "view" || kind == "trigger" => {
                bail!("{p} holds {} named {}; a canon database has none, so it is refused unread", a(kind), shown(name))
            }
            None => bail!("{p} holds {} named {} that canon does not make; refused unread", a(kind), shown(name)),
            Some(w) if w.0 != kind => bail!(
                "{p}: {} is {} where canon keeps {}; refused unread ({} could make reading it \
                 run forever or read other data)",
                shown(name),
                a(kind),
                a(&w.0),
                a(kind)
            ),
            Some(w) if w.3 != o.3 => bail!(
                "{p}: the {kind} {} is not defined as canon defines it (schema version {version}); refused unread",
                shown(name)
            ),
            Some(_) => {}
        }
    }
    let have: HashSet<&str> = theirs.iter().map(|o| o.1.as_str()).collect();
    if let Some(missing) = expected.iter().find(|o| !have.contains(o.1.as_str())) {
        bail!("{p} has no {} named {:?}, which every canon database has; refused", missing.0, missing.1);
    }
    Ok(())
}

/// "a table", "an index".
fn a(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {kind}")
}

fn shown(name: &str) -> String {
    crate::limits::shown(name)
}

/// Refuses a value whose storage class is not its column's type. The
/// schema check compares the tables' definitions, but a table's text can
/// be forged (`writable_schema`) over a table that was not `STRICT` when
/// written, so a text column could hold a BLOB or a number: every value's
/// `typeof` is checked against the column's declared type, one scan per
/// table, before any row is read.
fn check_types(conn: &Connection, reference: &Connection, path: &Path) -> Result<()> {
    let tables: Vec<String> = reference
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT LIKE '%_fts%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let cols: Vec<(String, String, bool)> = reference
            .prepare("SELECT name, upper(type), \"notnull\" = 0 AND pk = 0 FROM pragma_table_info(?1)")?
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tests = Vec::new();
        let mut checked = Vec::new();
        for (name, ty, nullable) in &cols {
            let mut allowed: Vec<&str> = match ty.as_str() {
                "INTEGER" | "INT" => vec!["integer"],
                "TEXT" => vec!["text"],
                "REAL" => vec!["real"],
                "BLOB" => vec!["blob"],
                _ => continue,
            };
            if *nullable {
                allowed.push("null");
            }
            let list = allowed.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
            // Names from this canon's own schema, never from theirs.
            tests.push(format!("max(CASE WHEN typeof(\"{name}\") NOT IN ({list}) THEN typeof(\"{name}\") END)"));
            checked.push((name.clone(), ty.clone(), *nullable));
        }
        if tests.is_empty() {
            continue;
        }
        let sql = format!("SELECT {} FROM \"{table}\"", tests.join(", "));
        let found: Vec<Option<String>> = conn
            .query_row(&sql, [], |r| (0..tests.len()).map(|i| r.get(i)).collect())
            .with_context(|| format!("reading {}", path.display()))?;
        for ((name, ty, nullable), bad) in checked.iter().zip(found) {
            if let Some(bad) = bad {
                let want = if *nullable { format!("{} or null", ty.to_lowercase()) } else { ty.to_lowercase() };
                bail!(
                    "{}: table {table}, column {name:?} holds {}; expected {want}, as canon stores it; refused",
                    path.display(),
                    match bad.as_str() {
                        "blob" => "a BLOB (binary data)".to_string(),
                        "null" => "null".to_string(),
                        other => format!("a value of type {other}"),
                    }
                );
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// A bundle folder

/// Reads a bundle folder made by `canon export bundle`, as untrusted input
/// (see the module documentation), and validates every record.
pub fn bundle(dir: &Path, schema_version: i64) -> Result<Snapshot> {
    crate::output::too_long(dir)?;
    if !fs::metadata(dir).with_context(|| format!("reading {}", dir.display()))?.is_dir() {
        bail!("{} is not a folder; expected a bundle made by `canon export bundle`", dir.display());
    }
    let state = interrupted(dir)?;
    if state {
        eprintln!(
            "note: a write into {} was interrupted ({} is still there), but the folder holds one whole export; \
             it is read as it is",
            dir.display(),
            crate::output::INCOMPLETE
        );
    }
    let mut opened = Vec::new();
    let version = manifest(dir, schema_version, &mut opened)?;
    let mut s = Snapshot::default();
    for t in tables_at(version)? {
        let path = dir.join(format!("{}.jsonl", t.name));
        let (rows, lines) = read_table(&path, &mut opened)?;
        s.tables.insert(t.name, rows);
        s.lines.insert(t.name, lines);
    }
    // Every file read must still be the one that was read, and no write
    // must have begun meanwhile: otherwise the records may mix two exports.
    let changed = opened.iter().find(|(p, id)| fs::symlink_metadata(p).ok().map(|m| identity(&m)) != Some(*id));
    if let Some((p, _)) = changed {
        bail!(
            "{} changed while it was being read (is canon exporting into {} now?); read it again when the \
             export is done",
            p.display(),
            dir.display()
        );
    }
    if interrupted(dir)? != state {
        bail!("{} changed while it was being read (a write began in it); read it again when it is done", dir.display());
    }
    for t in TABLES {
        s.tables.entry(t.name).or_default();
    }
    validate(&mut s, Origin::Bundle(dir))?;
    Ok(s)
}

/// Whether a write into the bundle folder was interrupted, and if so
/// whether it still holds one whole export (see
/// [`crate::output::folder_state`]): a mix is refused, with how to recover.
fn interrupted(dir: &Path) -> Result<bool> {
    use crate::output::FolderState;
    let marker = dir.join(crate::output::INCOMPLETE);
    let recover = "export it again from the database it came from (`canon export bundle`)";
    match crate::output::folder_state(dir)? {
        FolderState::Whole => Ok(false),
        FolderState::WholeAfterInterruption => Ok(true),
        FolderState::Mixed { new, old, other } => {
            let mut parts = Vec::new();
            for (what, v) in [("new files", &new), ("old files", &old), ("files of neither", &other)] {
                if !v.is_empty() {
                    parts.push(format!("{what} {}", v.join(", ")));
                }
            }
            let earlier = if new.is_empty() { " (an earlier interrupted write left it so)" } else { "" };
            bail!(
                "{} was being written when canon stopped ({} is still there) and mixes two exports{earlier}: {}. \
                 It is not read as a state that never existed: {recover}",
                dir.display(),
                marker.display(),
                parts.join("; ")
            )
        }
        FolderState::Unknown => bail!(
            "{} was being written when canon stopped ({} is still there), and what that write changed cannot be \
             told, so it may mix two exports; {recover}. (If you know the folder holds one whole export, \
             remove {} and read it again.)",
            dir.display(),
            marker.display(),
            marker.display()
        ),
    }
}

/// A file's device and inode (hard links share them).
#[cfg(unix)]
fn identity(m: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn identity(m: &fs::Metadata) -> (u64, u64) {
    (m.len(), 0)
}

/// A file of the bundle, opened only if it is a regular file (not a link,
/// FIFO, device or folder) of its own (no other name: a hard link could
/// be a file outside the bundle) and of at most `max` bytes. Its path and
/// identity go into `opened`.
fn open_regular(path: &Path, max: u64, listed: bool, opened: &mut Vec<(PathBuf, (u64, u64))>) -> Result<fs::File> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if listed {
                bail!("{} is missing; the bundle's manifest lists it, so the bundle is incomplete", path.display());
            }
            bail!("{} is missing; is this a bundle made by `canon export bundle`?", path.display());
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let ft = meta.file_type();
    if !ft.is_file() {
        let what = if ft.is_symlink() {
            "a symbolic link"
        } else if ft.is_dir() {
            "a folder"
        } else {
            "a FIFO, socket or device"
        };
        bail!("{} is {what}; a bundle holds regular files only, so it is refused", path.display());
    }
    if meta.len() > max {
        bail!("{} is {} bytes; a bundle file may hold at most {max}", path.display(), meta.len());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            bail!(
                "{} has {} names (hard links); a bundle holds files of its own, so it is refused (one of the \
                 other names may be a file outside the bundle). Copy the bundle (`cp -r`) to make its files its own",
                path.display(),
                meta.nlink()
            );
        }
    }
    let f = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    // The file opened must be the one checked (not swapped for a link since).
    let now = f.metadata()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if now.dev() != meta.dev() || now.ino() != meta.ino() {
            bail!("{} changed while it was being opened; refused", path.display());
        }
    }
    if !now.is_file() {
        bail!("{} is not a regular file; refused", path.display());
    }
    opened.push((path.to_path_buf(), identity(&now)));
    Ok(f)
}

/// Checks the manifest; returns the bundle's schema version.
fn manifest(dir: &Path, schema_version: i64, opened: &mut Vec<(PathBuf, (u64, u64))>) -> Result<i64> {
    let mpath = dir.join(MANIFEST);
    let mut text = String::new();
    open_regular(&mpath, MAX_MANIFEST, false, opened)?
        .take(MAX_MANIFEST)
        .read_to_string(&mut text)
        .with_context(|| format!("reading {}", mpath.display()))?;
    let m = mpath.display();
    let manifest: Value = strict_json(&text).with_context(|| format!("{m}: not valid JSON"))?;
    let Value::Object(o) = manifest else { bail!("{m}: expected a JSON object") };
    if let Some(k) = o.keys().find(|k| !matches!(k.as_str(), "format" | "schema_version" | "tables")) {
        bail!(
            "{m}: unknown field {}; expected only \"format\", \"schema_version\" and \"tables\"",
            crate::limits::shown(k)
        );
    }
    if o.get("format").and_then(Value::as_str) != Some(bundle::FORMAT) {
        bail!("{m}: not a canon bundle manifest; expected \"format\": \"{}\"", bundle::FORMAT);
    }
    let version = match o.get("schema_version") {
        Some(Value::Number(n)) if n.as_i64().is_some_and(|v| v >= 1) => n.as_i64().unwrap_or(0),
        other => bail!(
            "{m}: \"schema_version\" is {}; expected a whole number such as {schema_version}",
            other.map_or("missing".into(), |v| crate::limits::cut(&v.to_string(), 80))
        ),
    };
    if version > schema_version {
        bail!(
            "bundle {} has schema version {version}, made by a newer canon; this canon knows up to \
             version {schema_version}. Upgrade canon",
            dir.display()
        );
    }
    let Some(Value::Array(listed)) = o.get("tables") else {
        bail!("{m}: \"tables\" is missing or not a list; expected the list of table files");
    };
    let expected: Vec<String> = tables_at(version)?.iter().map(|t| format!("{}.jsonl", t.name)).collect();
    let mut seen = HashSet::new();
    for v in listed {
        let Some(name) = v.as_str() else { bail!("{m}: \"tables\" holds {}; expected file names", describe(v)) };
        if !expected.iter().any(|e| e == name) {
            bail!("{m}: lists {}, which is not a table file of a schema-{version} bundle", crate::limits::shown(name));
        }
        if !seen.insert(name) {
            bail!("{m}: lists {name:?} twice");
        }
    }
    if let Some(missing) = expected.iter().find(|e| !seen.contains(e.as_str())) {
        bail!("{m}: does not list {missing:?}, which every schema-{version} bundle has");
    }
    Ok(version)
}

/// One table file: its records and their physical line numbers.
fn read_table(path: &Path, opened: &mut Vec<(PathBuf, (u64, u64))>) -> Result<(Vec<Record>, Vec<u64>)> {
    let f = open_regular(path, MAX_FILE, true, opened)?;
    let mut r = std::io::BufReader::new(f.take(MAX_FILE + 1));
    let p = path.display();
    let (mut rows, mut lines) = (Vec::new(), Vec::new());
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    for line in 1u64.. {
        buf.clear();
        let n = (&mut r).take(MAX_LINE as u64 + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > MAX_FILE {
            bail!("{p} is larger than {MAX_FILE} bytes; a bundle file may hold at most that");
        }
        if buf.len() > MAX_LINE {
            bail!("{p}:{line}: the line is longer than {} MiB; expected one record per line", MAX_LINE >> 20);
        }
        let text = std::str::from_utf8(&buf).map_err(|e| anyhow!("{p}:{line}: not UTF-8 text ({e})"))?;
        if text.trim().is_empty() {
            continue;
        }
        let v: Value = strict_json(text)
            .map_err(|e| anyhow!("{p}:{line}: not a JSON record ({e}); expected one object per line"))?;
        let Value::Object(m) = v else {
            bail!("{p}:{line}: not a JSON object; expected one record per line");
        };
        rows.push(m);
        lines.push(line);
    }
    Ok((rows, lines))
}

// ---------------------------------------------------------------------------
// Every record

/// A column's type as the schema declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Integer,
    Text,
    Real,
}

#[derive(Debug, Clone)]
struct Column {
    name: String,
    ty: Type,
    nullable: bool,
}

/// The columns of every bundle table, from the reference schema.
fn columns(reference: &Connection) -> Result<HashMap<&'static str, Vec<Column>>> {
    let mut out = HashMap::new();
    for t in TABLES {
        let mut st = reference.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)")?;
        let cols: Vec<Column> = st
            .query_map([t.name], |r| {
                let ty: String = r.get(1)?;
                Ok(Column {
                    name: r.get(0)?,
                    ty: match ty.to_ascii_uppercase().as_str() {
                        "INTEGER" => Type::Integer,
                        "REAL" => Type::Real,
                        _ => Type::Text,
                    },
                    nullable: r.get::<_, i64>(2)? == 0 && r.get::<_, i64>(3)? == 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.insert(t.name, cols.into_iter().filter(|c| t.cols.contains(&c.name.as_str())).collect());
    }
    Ok(out)
}

fn describe(v: &Value) -> String {
    let shown = crate::limits::cut(&v.to_string(), 80);
    let kind = match v {
        Value::Null => return "null".into(),
        Value::Bool(_) => "true/false",
        Value::Number(n) if n.is_f64() => "a fraction",
        Value::Number(_) => "a number out of range",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("{kind} {shown}")
}

/// Validates every record of an untrusted snapshot (see the module
/// documentation) and recomputes its derived keys. The first problem is
/// the error, naming where it is, the field and what was expected.
pub fn validate(s: &mut Snapshot, origin: Origin) -> Result<()> {
    let reference = reference(super::SCHEMA_VERSION)?;
    let columns = columns(&reference)?;
    let mut ids: HashMap<&'static str, HashMap<i64, usize>> = HashMap::new();
    for t in TABLES {
        let cols = &columns[t.name];
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (n, m) in s.get(t.name).iter().enumerate() {
            let at = || origin.at(s, t.name, n);
            fields(t, cols, m).map_err(|e| anyhow!("{}: {e}", at()))?;
            if t.has_id {
                let id = m.get("id").and_then(Value::as_i64).unwrap_or_default();
                if let Some(first) = seen.insert(id, n) {
                    bail!("{}: id {id} is used twice in {} (also {})", at(), t.name, origin.at(s, t.name, first));
                }
            }
        }
        ids.insert(t.name, seen);
    }
    for t in TABLES {
        for (n, m) in s.get(t.name).iter().enumerate() {
            for (col, v) in m {
                let (Some(target), Some(id)) = (bundle::refers_to(col), v.as_i64()) else { continue };
                if !ids.get(target).is_some_and(|set| set.contains_key(&id)) {
                    bail!(
                        "{}: field {col:?} refers to {target} {id}, which is not in {}; every reference must \
                         resolve on their side",
                        origin.at(s, t.name, n),
                        origin.side()
                    );
                }
            }
        }
    }
    person_facets(s, origin)?;
    reading_languages(s, origin)?;
    theme_cycles(s, origin)?;
    derive_keys(s);
    scratch(&reference, s, origin)
}

/// The columns that hold when something happened.
const TIMESTAMPS: &[&str] = &["created_at", "updated_at", "at", "recorded_at", "found_at", "resolved_at"];

/// A date and time as canon writes them (`2026-11-25T12:09:49.133Z`), or
/// as other tools do: a calendar date, optionally followed by `T` or a
/// space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, optionally by `Z` or
/// an offset `±HH:MM`.
fn is_timestamp(s: &str) -> bool {
    let (Some(date), rest) = (s.get(..10), s.get(10..).unwrap_or("")) else { return false };
    if !super::is_date(date) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix(['T', ' ']) else { return false };
    let two = |t: &str, max: u32| {
        t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let zone_ok = match zone {
        "" | "Z" => true,
        z => z.len() == 6 && two(&z[1..3], 23) && &z[3..4] == ":" && two(&z[4..6], 59),
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((a, f)) => (a, Some(f)),
        None => (clock, None),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    let clock_ok = match parts.as_slice() {
        [h, m] => two(h, 23) && two(m, 59) && frac.is_none(),
        [h, m, sec] => two(h, 23) && two(m, 59) && two(sec, 60),
        _ => false,
    };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()));
    zone_ok && clock_ok && frac_ok
}

/// Parses JSON strictly: as `serde_json` does (depth at most 128), and an
/// object may not name a key twice (`serde_json` would keep the last,
/// silently: two different records could hide in one line).
fn strict_json(text: &str) -> std::result::Result<Value, serde_json::Error> {
    use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
    struct Strict(Value);
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E: Error>(self, v: bool) -> std::result::Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E: Error>(self, v: i64) -> std::result::Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E: Error>(self, v: u64) -> std::result::Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E: Error>(self, v: f64) -> std::result::Result<Value, E> {
            serde_json::Number::from_f64(v).map(Value::Number).ok_or_else(|| E::custom("a number out of range"))
        }
        fn visit_str<E: Error>(self, v: &str) -> std::result::Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E: Error>(self, v: String) -> std::result::Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E: Error>(self) -> std::result::Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E: Error>(self) -> std::result::Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
            Strict::deserialize(d).map(|s| s.0)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
            let mut out = Vec::new();
            while let Some(Strict(v)) = seq.next_element()? {
                out.push(v);
            }
            Ok(Value::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
            let mut out = serde_json::Map::new();
            while let Some(k) = map.next_key::<String>()? {
                if out.contains_key(&k) {
                    return Err(A::Error::custom(format!(
                        "the key {} appears twice in one object",
                        crate::limits::shown(&k)
                    )));
                }
                let Strict(v) = map.next_value()?;
                out.insert(k, v);
            }
            Ok(Value::Object(out))
        }
    }
    impl<'de> Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Strict, D::Error> {
            d.deserialize_any(V).map(Strict)
        }
    }
    serde_json::from_str::<Strict>(text).map(|s| s.0)
}

/// One record's fields: known names, the right JSON types, texts within limits.
fn fields(t: &Table, cols: &[Column], m: &Record) -> Result<()> {
    let inline = bundle::inline_fields(t.name);
    let optional = bundle::optional_inline_fields(t.name);
    if let Some(k) = m
        .keys()
        .find(|k| !t.cols.contains(&k.as_str()) && !inline.contains(&k.as_str()) && !optional.contains(&k.as_str()))
    {
        bail!("unknown field {}; a {} record has {}", crate::limits::shown(k), t.name, t.cols.join(", "));
    }
    for c in cols {
        let v = m.get(&c.name).unwrap_or(&Value::Null);
        let is_id = c.name == "id" || c.name.ends_with("_id") || bundle::refers_to(&c.name).is_some();
        if is_id && let Some(n) = v.as_i64().filter(|n| *n < 1) {
            bail!("field {:?} is {n}; expected a positive whole number (IDs start at 1)", c.name);
        }
        if TIMESTAMPS.contains(&c.name.as_str())
            && let Some(text) = v.as_str()
            && !is_timestamp(text)
        {
            bail!(
                "field {:?} is {}; expected a date and time such as \"2026-11-25T12:09:49.133Z\"",
                c.name,
                crate::limits::shown(text)
            );
        }
        let ok = match (v, c.ty) {
            (Value::Null, _) => c.nullable,
            (Value::Number(n), Type::Integer) => n.as_i64().is_some(),
            (Value::Number(_), Type::Real) => true,
            (Value::String(text), Type::Text) => {
                crate::limits::check(crate::limits::column(t.name, &c.name), &format!("field {:?}", c.name), text)?;
                true
            }
            _ => false,
        };
        if !ok {
            let want = match c.ty {
                Type::Integer => "a whole number",
                Type::Real => "a number",
                Type::Text => "text",
            };
            let want = if c.nullable { format!("{want} or null") } else { want.to_string() };
            bail!("field {:?} is {}; expected {want}", c.name, describe(v));
        }
    }
    for f in inline {
        let (kind, max) = match *f {
            "authors" => (crate::limits::Kind::Name, crate::limits::MAX_AUTHORS),
            _ => (crate::limits::Kind::Keyword, crate::limits::MAX_KEYWORDS),
        };
        let Some(Value::Array(list)) = m.get(*f) else {
            bail!("field {f:?} is {}; expected a list of text", m.get(*f).map_or("missing".into(), describe));
        };
        crate::limits::check_count(&format!("field {f:?}"), list.len(), max)?;
        for v in list {
            let Value::String(text) = v else { bail!("field {f:?} holds {}; expected text", describe(v)) };
            crate::limits::check(kind, &format!("an entry of field {f:?}"), text)?;
        }
    }
    if let Some(v) = m.get("author_names") {
        author_names(v)?;
    }
    // Editors (schema 0012) are names in the same parts.
    if let Some(v) = m.get("editor_names") {
        author_names(v).map_err(|e| anyhow::anyhow!("{}", e.to_string().replace("author_names", "editor_names")))?;
    }
    // Translators (schema 0029) likewise.
    if let Some(v) = m.get("translator_names") {
        author_names(v)
            .map_err(|e| anyhow::anyhow!("{}", e.to_string().replace("author_names", "translator_names")))?;
    }
    // A book's other ISBNs (schema 0037): a list of valid ISBNs.
    if let Some(v) = m.get("other_isbns") {
        let Value::Array(list) = v else { bail!("field \"other_isbns\" is {}; expected a list of ISBNs", describe(v)) };
        crate::limits::check_count("field \"other_isbns\"", list.len(), crate::limits::MAX_KEYWORDS)?;
        for x in list {
            if x.as_str().is_none_or(|t| crate::import::normalise_isbn(t).is_none()) {
                bail!("field \"other_isbns\" holds {}; expected an ISBN-10 or ISBN-13", describe(x));
            }
        }
    }
    for f in ["before", "after", "ours", "theirs"] {
        if let Some(Value::String(text)) = m.get(f)
            && matches!(t.name, "history" | "conflict")
            && !matches!(serde_json::from_str::<Value>(text), Ok(Value::Object(_)))
        {
            bail!("field {f:?} is not a JSON object; expected the record's fields as JSON");
        }
    }
    Ok(())
}

/// A reading's `author_names` (issue 12): a list of names in parts, each an
/// object of text (or null) fields among family, given, particle, suffix,
/// literal and original, within the limits of a name.
fn author_names(v: &Value) -> Result<()> {
    const PARTS: [&str; 6] = ["family", "given", "particle", "suffix", "literal", "original"];
    let Value::Array(list) = v else {
        bail!("field \"author_names\" is {}; expected a list of names in parts", describe(v));
    };
    crate::limits::check_count("field \"author_names\"", list.len(), crate::limits::MAX_AUTHORS)?;
    for name in list {
        let Value::Object(o) = name else {
            bail!("field \"author_names\" holds {}; expected a name in parts (an object)", describe(name));
        };
        for (k, part) in o {
            if !PARTS.contains(&k.as_str()) {
                bail!("field \"author_names\": unknown part {k:?}; a name has {}", PARTS.join(", "));
            }
            match part {
                Value::Null => {}
                Value::String(text) => {
                    crate::limits::check(crate::limits::Kind::Name, &format!("an author's {k}"), text)?;
                }
                Value::Number(n) => {
                    bail!("field \"author_names\": part {k:?} is the number {n}; expected text or null")
                }
                other => bail!("field \"author_names\": part {k:?} is {}; expected text or null", describe(other)),
            }
        }
    }
    Ok(())
}

/// A theme may not be its own ancestor.
fn theme_cycles(s: &Snapshot, origin: Origin) -> Result<()> {
    let parent: HashMap<i64, i64> =
        s.get("theme").iter().filter_map(|m| Some((m.get("id")?.as_i64()?, m.get("parent_id")?.as_i64()?))).collect();
    let mut clear: HashSet<i64> = HashSet::new();
    for (n, m) in s.get("theme").iter().enumerate() {
        let Some(start) = m.get("id").and_then(Value::as_i64) else { continue };
        let mut path = HashSet::new();
        let mut at = start;
        while let Some(&p) = parent.get(&at) {
            if clear.contains(&p) {
                break;
            }
            if !path.insert(at) || p == start {
                bail!(
                    "{}: field \"parent_id\" makes the theme its own ancestor; expected parents without a cycle",
                    origin.at(s, "theme", n)
                );
            }
            at = p;
        }
        clear.extend(path);
        clear.insert(start);
    }
    Ok(())
}

/// Facets about people by the rules `canon facet add` applies ([`super::edit::facet::validate_record`]):
/// a bundle or a merge never brings in what the CLI refuses. Names and bases are normalised as the
/// CLI writes them (`GENDER` is `gender`), so the same facet is one record.
fn person_facets(s: &mut Snapshot, origin: Origin) -> Result<()> {
    let authors: HashMap<i64, usize> = s
        .get("reading")
        .iter()
        .filter_map(|r| Some((r.get("id")?.as_i64()?, r.get("authors").and_then(Value::as_array).map_or(0, Vec::len))))
        .collect();
    let mut fixed = Vec::new();
    for (n, m) in s.get("person_facet").iter().enumerate() {
        let reading = m.get("reading_id").and_then(Value::as_i64).unwrap_or_default();
        let ok = super::edit::facet::validate_record(m, authors.get(&reading).copied())
            .map_err(|e| anyhow!("{}: {e:#}", origin.at(s, "person_facet", n)))?;
        fixed.push(ok);
    }
    if let Some(t) = s.tables.get_mut("person_facet") {
        *t = fixed;
    }
    Ok(())
}

/// A reading's languages by the rule of every other door (`reading edit --language`, every
/// import format; issue 16c): a language canon does not know (`Englsh`, or a three-letter code
/// outside ISO 639-3 such as `xyz`) is refused with the record, the field and what was
/// expected. A blank value is none (as `--language ""` clears one). Languages are kept as
/// written otherwise (`English` from an older canon stays so, and merges as before).
fn reading_languages(s: &mut Snapshot, origin: Origin) -> Result<()> {
    let mut blank = Vec::new();
    for (n, m) in s.get("reading").iter().enumerate() {
        for field in ["language", "original_language"] {
            let Some(text) = m.get(field).and_then(Value::as_str) else { continue };
            if text.trim().is_empty() {
                blank.push((n, field));
                continue;
            }
            crate::import::language::normalise_list(text)
                .map_err(|e| anyhow!("{}: field {field:?}: {e}", origin.at(s, "reading", n)))?;
        }
    }
    if let Some(t) = s.tables.get_mut("reading") {
        for (n, field) in blank {
            t[n].insert(field.into(), Value::Null);
        }
    }
    Ok(())
}

/// Keys canon derives from a title are computed here, not taken as given.
fn derive_keys(s: &mut Snapshot) {
    if let Some(items) = s.tables.get_mut("item") {
        for m in items {
            let title = m.get("title").and_then(Value::as_str).unwrap_or_default();
            let h = super::curriculum::title_hash(title);
            m.insert("title_hash".into(), Value::from(h));
        }
    }
    if let Some(readings) = s.tables.get_mut("reading") {
        for m in readings {
            let title = m.get("title").and_then(Value::as_str).unwrap_or_default();
            let k = crate::import::title_key(title);
            m.insert("title_key".into(), Value::from(k));
        }
    }
}

/// Every record inserted into a scratch database of this canon's schema:
/// the allowed values, `NOT NULL` and uniqueness checked by the same rules
/// the real tables hold. Nothing of it is kept.
fn scratch(reference: &Connection, s: &Snapshot, origin: Origin) -> Result<()> {
    // An on-disk temporary database: it spills to disk rather than growing in memory.
    let mut c = Connection::open("")?;
    let schema: Vec<String> = reference
        .prepare(
            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE '%_fts%' \
                  AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for sql in schema {
        c.execute_batch(&sql)?;
    }
    c.pragma_update(None, "foreign_keys", "ON")?;
    let tx = c.transaction()?;
    bundle::restore_rows(&tx, s, |t, n, e| anyhow!("{}: {e}; expected what the schema allows", origin.at(s, t, n)))?;
    let broken: Option<(String, Option<i64>, String)> = tx
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .next()
        .transpose()?;
    if let Some((table, rowid, parent)) = broken {
        bail!(
            "{}: table {table}, row {}: a reference to {parent} does not resolve in {}",
            match origin {
                Origin::Bundle(d) | Origin::Database(d) => d.display().to_string(),
            },
            rowid.map_or("?".into(), |r| r.to_string()),
            origin.side()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_read_as_syntax() {
        let uri = file_uri(Path::new("/a b/x?y#z%.db")).unwrap();
        assert_eq!(uri, "file:/a%20b/x%3Fy%23z%25.db?mode=ro&immutable=1");
    }

    #[test]
    fn a_theme_may_not_be_its_own_ancestor() {
        let theme = |id: i64, parent: Option<i64>| {
            let mut m = Record::new();
            m.insert("id".into(), id.into());
            m.insert("parent_id".into(), parent.map_or(Value::Null, Value::from));
            m
        };
        let mut s = Snapshot::default();
        s.tables.insert("theme", vec![theme(1, None), theme(2, Some(1)), theme(3, Some(2))]);
        assert!(theme_cycles(&s, Origin::Database(Path::new("x.db"))).is_ok());
        s.tables.insert("theme", vec![theme(1, Some(3)), theme(2, Some(1)), theme(3, Some(2)), theme(4, Some(3))]);
        let err = theme_cycles(&s, Origin::Database(Path::new("x.db"))).unwrap_err().to_string();
        assert!(err.contains("table theme, row 1 (id 1)") && err.contains("own ancestor"), "{err}");
    }

    #[test]
    fn every_migration_gives_the_tables_a_bundle_of_that_version_has() {
        let v1: Vec<&str> = tables_at(1).unwrap().iter().map(|t| t.name).collect();
        assert!(v1.contains(&"reading") && !v1.contains(&"conflict") && !v1.contains(&"snapshot"));
        assert_eq!(tables_at(super::super::SCHEMA_VERSION).unwrap().len(), TABLES.len());
    }

    #[test]
    fn json_with_a_key_twice_is_refused() {
        assert!(strict_json(r#"{"a":1,"b":[{"c":null}],"d":1.5,"e":"x"}"#).is_ok());
        let e = strict_json(r#"{"id":1,"title":"A","title":"B"}"#).unwrap_err().to_string();
        assert!(e.contains("the key \"title\" appears twice"), "{e}");
        assert!(strict_json(r#"{"a":{"x":1,"x":2}}"#).is_err());
        assert!(strict_json(&("[".repeat(1000) + &"]".repeat(1000))).is_err(), "depth is bounded");
        assert_eq!(strict_json("18446744073709551615").unwrap(), Value::from(u64::MAX));
    }

    #[test]
    fn timestamps_are_dates_and_times() {
        for ok in ["2026-11-25T12:09:49.133Z", "2026-11-25", "2026-11-25 12:09", "2024-02-29T23:59:60+05:30"] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in
            ["not-a-date", "2026-13-01T00:00:00Z", "2026-11-25T24:00", "2026-11-25T12:09Zjunk", "2026-11-25T1:2", ""]
        {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
