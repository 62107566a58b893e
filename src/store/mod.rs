//! The only module that talks SQL. [`open`] is the one door to the database.

pub mod analysis;
pub mod audit;
pub mod bundle;
pub mod contributors;
pub mod curriculum;
pub mod edit;
pub mod history;
pub(crate) mod history_removals;
pub mod ids;
pub mod maintenance;
pub mod merge;
pub mod merge_run;
pub mod readings;
pub mod resolution;
pub mod review;
pub mod search;
pub mod seed;
pub mod snapshots;
pub mod tags;
pub mod themes;
pub mod untrusted;
pub mod workspace;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use ids::IdGen;

/// Schema migrations, applied in order; `PRAGMA user_version` is the number
/// applied so far. Append only: a shipped migration is never edited.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../schema/0001_init.sql")),
    ("0002_analysis", include_str!("../../schema/0002_analysis.sql")),
    ("0003_collaboration", include_str!("../../schema/0003_collaboration.sql")),
    ("0007_search", include_str!("../../schema/0007_search.sql")),
    ("0008_item_keywords", include_str!("../../schema/0008_item_keywords.sql")),
    ("0009_references", include_str!("../../schema/0009_references.sql")),
    ("0010_facets", include_str!("../../schema/0010_facets.sql")),
    ("0011_chapter_isbn", include_str!("../../schema/0011_chapter_isbn.sql")),
    ("0012_references_as_published", include_str!("../../schema/0012_references_as_published.sql")),
    ("0013_seed_lexicons", include_str!("../../schema/0013_seed_lexicons.sql")),
    ("0014_dates_and_et_al", include_str!("../../schema/0014_dates_and_et_al.sql")),
    ("0015_pmid", include_str!("../../schema/0015_pmid.sql")),
    ("0016_month_ranges_series", include_str!("../../schema/0016_month_ranges_series.sql")),
    ("0017_seed_lexicons_mesh", include_str!("../../schema/0017_seed_lexicons_mesh.sql")),
    ("0018_genre", include_str!("../../schema/0018_genre.sql")),
    ("0019_copyright_year", include_str!("../../schema/0019_copyright_year.sql")),
    ("0020_module_search", include_str!("../../schema/0020_module_search.sql")),
    ("0021_seed_lexicons_bias", include_str!("../../schema/0021_seed_lexicons_bias.sql")),
    ("0022_day_season_ranges", include_str!("../../schema/0022_day_season_ranges.sql")),
    ("0023_seed_lexicons_religion", include_str!("../../schema/0023_seed_lexicons_religion.sql")),
    ("0024_page_count", include_str!("../../schema/0024_page_count.sql")),
    ("0025_seed_lexicons_decolonising", include_str!("../../schema/0025_seed_lexicons_decolonising.sql")),
    ("0026_accessed", include_str!("../../schema/0026_accessed.sql")),
    ("0027_title_key_folded", include_str!("../../schema/0027_title_key_folded.sql")),
    ("0028_original_year", include_str!("../../schema/0028_original_year.sql")),
    ("0029_translators", include_str!("../../schema/0029_translators.sql")),
    ("0030_original_title", include_str!("../../schema/0030_original_title.sql")),
    ("0031_original_title_search", include_str!("../../schema/0031_original_title_search.sql")),
    ("0032_volume_title", include_str!("../../schema/0032_volume_title.sql")),
    ("0033_number_of_volumes", include_str!("../../schema/0033_number_of_volumes.sql")),
    ("0034_type_inferred", include_str!("../../schema/0034_type_inferred.sql")),
    ("0035_isbn_volume", include_str!("../../schema/0035_isbn_volume.sql")),
    ("0036_year_end", include_str!("../../schema/0036_year_end.sql")),
    ("0037_other_isbn", include_str!("../../schema/0037_other_isbn.sql")),
    ("0038_editors_truncated", include_str!("../../schema/0038_editors_truncated.sql")),
    ("0039_archive", include_str!("../../schema/0039_archive.sql")),
    ("0040_event", include_str!("../../schema/0040_event.sql")),
    ("0041_pmcid_eprint", include_str!("../../schema/0041_pmcid_eprint.sql")),
    ("0042_conflict_ids", include_str!("../../schema/0042_conflict_ids.sql")),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The step in Rust that a migration needs after its SQL, in the same
/// transaction (keyed by name, so renumbering keeps it with its SQL).
fn after_migration(tx: &Transaction, name: &str) -> Result<()> {
    match name {
        "0009_references" => readings::split_stored_names(tx),
        "0013_seed_lexicons"
        | "0017_seed_lexicons_mesh"
        | "0021_seed_lexicons_bias"
        | "0023_seed_lexicons_religion"
        | "0025_seed_lexicons_decolonising" => themes::reseed_keywords(tx).map(|_| ()),
        "0015_pmid" => readings::fill_pmids(tx),
        "0027_title_key_folded" => readings::rekey_titles(tx),
        "0032_volume_title" => readings::unfold_volumes(tx),
        _ => Ok(()),
    }
}

/// The migrations a database at `version` holds. Normally the first
/// `version` of [`MIGRATIONS`]; but canon built between issue 16 and issue 12
/// landing applied `0010_facets` as its sixth migration, before
/// `0009_references` was listed: such a database (version 6, with
/// `reading.original_language` and without `reading_author.family`) holds
/// 0010 and lacks 0009, which is then applied on its own.
fn applied(tx: &Transaction, version: i64) -> Result<Vec<&'static str>> {
    let mut held: Vec<&'static str> = MIGRATIONS.iter().take(version.max(0) as usize).map(|(n, _)| *n).collect();
    let has = |table: &str, column: &str| -> Result<bool> {
        Ok(tx.query_row("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", [table, column], |r| {
            r.get::<_, i64>(0)
        })? > 0)
    };
    if version == 6 && has("reading", "original_language")? && !has("reading_author", "family")? {
        held.retain(|n| *n != "0009_references");
        held.push("0010_facets");
    }
    Ok(held)
}

/// How [`open`] treats a database file that does not exist yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Create it (and seed the themes) if missing.
    Create,
    /// Refuse with a hint to run `canon init`.
    Existing,
}

/// An open, migrated database.
pub struct Store {
    pub conn: Connection,
    pub path: PathBuf,
}

/// Opens the database at `path`: busy timeout, WAL, foreign keys, and any
/// pending migrations in one transaction. A database made by a newer canon is
/// refused and left untouched.
pub fn open(path: &Path, mode: Mode) -> Result<Store> {
    let exists = check_path(path, mode)?;
    // A new file in a folder that is not there: said so, not as SQLite's
    // "Error code 14: unable to open database file" (tester r28, F16).
    if !exists
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        bail!(
            "cannot create the database {}: the folder {} does not exist; create it first, or name another --db",
            path.display(),
            dir.display()
        );
    }
    let conn = connect(path, true)?;
    let version = schema_version(&conn, path, exists)?;
    if version == 0 {
        // Bigger pages suit the long text rows and full-text segments of a
        // curriculum: fewer pages to split and write (only before the first write).
        conn.pragma_update(None, "page_size", page_size())?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .with_context(|| format!("setting WAL mode on {}", path.display()))?;
    configure(&conn)?;
    let mut store = Store { conn, path: path.to_path_buf() };
    store.migrate(version)?;
    Ok(store)
}

/// Opens the database for a dry run, which writes nothing: not the file,
/// not a new file, not a migration (the file's bytes and modification time
/// stay as they were). The caller rolls its transaction back, as every dry
/// run does.
///
/// - No file yet: an empty database in memory (with [`Mode::Existing`], the
///   same refusal as [`open`]).
/// - A file of this schema version in WAL mode (as canon leaves every
///   database): the file itself. In WAL mode a transaction's pages reach
///   the database file only through a checkpoint of a *committed*
///   transaction; a rolled-back one leaves at most frames in the `-wal`
///   file, which SQLite discards.
/// - Anything else: an older schema version, whose migration would be a
///   write, or a file in rollback-journal mode, which switching to WAL
///   would rewrite (and whose rolled-back pages could be spilled into the
///   file and restored, changing its modification time). It is copied into
///   memory with SQLite's online backup (one read transaction: a consistent
///   copy even while another canon writes) and migrated there. That costs
///   memory the size of the database, once, for this unusual case.
pub fn open_dry(path: &Path, mode: Mode) -> Result<Store> {
    let exists = check_path(path, mode)?;
    if !exists {
        let conn = Connection::open_in_memory().context("opening an empty database in memory")?;
        configure(&conn)?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.migrate(0)?;
        return Ok(store);
    }
    // No SQLITE_OPEN_CREATE: a file that vanished since is not made again.
    let file = connect(path, false)?;
    let version = schema_version(&file, path, true)?;
    let journal: String = file.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if version == SCHEMA_VERSION && journal.eq_ignore_ascii_case("wal") {
        configure(&file)?;
        return Ok(Store { conn: file, path: path.to_path_buf() });
    }
    let page: i64 = file.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let mut mem = Connection::open_in_memory().context("opening a database in memory")?;
    // An in-memory copy must have the source's page size.
    mem.pragma_update(None, "page_size", page)?;
    rusqlite::backup::Backup::new(&file, &mut mem)?
        .run_to_completion(i32::MAX, Duration::from_millis(20), None)
        .with_context(|| format!("reading {} for the dry run", path.display()))?;
    file.close().map_err(|(_, e)| e).with_context(|| format!("closing {}", path.display()))?;
    configure(&mem)?;
    let mut store = Store { conn: mem, path: path.to_path_buf() };
    store.migrate(version)?;
    Ok(store)
}

/// After a command that created the database at `store.path` failed:
/// removes the database again, with its `-wal`, `-shm` and `-journal`
/// files, so a refused import leaves no database behind. Only while it
/// holds nothing but what creating it made (see [`bundle::is_empty`]): a
/// database another process filled in the meantime stays. Returns whether
/// it was removed.
pub fn discard_created(store: Store) -> Result<bool> {
    if !bundle::is_empty(&store.conn)? {
        return Ok(false);
    }
    // SQLite keeps the companions beside the real file (links resolved).
    let real = store.path.canonicalize().unwrap_or_else(|_| store.path.clone());
    store.conn.close().map_err(|(_, e)| e).with_context(|| format!("closing {}", store.path.display()))?;
    remove_with_companions(&real)?;
    Ok(true)
}

/// After an import that made the database at `store.path` and imported
/// nothing (every record rejected by `--skip-invalid`, an empty file): removes
/// it again with its companions, when it holds no records
/// ([`bundle::holds_no_records`]; its run's history is all it has). Returns
/// whether it was removed.
pub fn discard_unused(store: Store) -> Result<bool> {
    if !bundle::holds_no_records(&store.conn)? {
        return Ok(false);
    }
    let real = store.path.canonicalize().unwrap_or_else(|_| store.path.clone());
    store.conn.close().map_err(|(_, e)| e).with_context(|| format!("closing {}", store.path.display()))?;
    remove_with_companions(&real)?;
    Ok(true)
}

/// Removes a database file and its `-wal`, `-shm` and `-journal` files (any
/// that exist).
pub fn remove_with_companions(path: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm", "-journal", ""] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", Path::new(&p).display())),
        }
    }
    Ok(())
}

/// Registers `path` as a database (see [`crate::output::protect`]) and
/// checks it can be one: a regular file if it exists (`--db /dev/null`, a
/// folder or a FIFO would have SQLite make `PATH-journal` beside it), and
/// existing with [`Mode::Existing`]. Returns whether it exists.
fn check_path(path: &Path, mode: Mode) -> Result<bool> {
    // A path the system cannot take is "too long", not "missing".
    crate::output::too_long(path)?;
    // From here on no output path may replace this file or its companions.
    crate::output::protect(path);
    let exists = path.exists();
    if exists && !path.is_file() {
        bail!("--db {} is not a regular file; canon keeps its data in an ordinary file", path.display());
    }
    if !exists && mode == Mode::Existing {
        bail!("no database at {}; run `canon init` first (or pass --db / set CANON_DB)", path.display());
    }
    Ok(exists)
}

/// A connection to the file, with the busy timeout; `create` lets SQLite
/// make a missing file.
fn connect(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn =
        Connection::open_with_flags(path, flags).with_context(|| format!("opening database {}", path.display()))?;
    conn.busy_timeout(Duration::from_secs(30))?;
    Ok(conn)
}

/// The file's schema version, refused when newer than this canon's, or
/// when the file is some other SQLite database.
fn schema_version(conn: &Connection, path: &Path, exists: bool) -> Result<i64> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .with_context(|| format!("reading {} (is it a canon database?)", path.display()))?;
    if version > SCHEMA_VERSION {
        bail!(
            "database {} has schema version {version}, made by a newer canon; this canon \
             knows up to version {SCHEMA_VERSION}. Upgrade canon; the database was not changed",
            path.display()
        );
    }
    if version > 0 || exists {
        check_is_canon(conn, version, path)?;
    }
    Ok(version)
}

/// Per-connection settings (nothing here writes the file).
fn configure(conn: &Connection) -> Result<()> {
    // SQLite (3.54) lets a bound value steer the plan of a statement with
    // `col = ?` and an ORDER BY or a join, and marks such a statement to be
    // compiled again whenever its values are cleared, which rusqlite's
    // statement cache does each time a statement goes back to it: an
    // import compiled a reading's authors query again for every read (a
    // quarter of a 20,000-row import, task q92). A plan that stays the
    // same for every value is what canon's statements want anyway.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    // An import uses over a hundred cached statements; the default cache
    // of 16 let them push each other out and be compiled again per row.
    conn.set_prepared_statement_cache_capacity(256);
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(
        None,
        "cache_size",
        std::env::var("CANON_CACHE").ok().and_then(|v| v.parse::<i64>().ok()).unwrap_or(-16_000),
    )?;
    Ok(())
}

fn page_size() -> i64 {
    std::env::var("CANON_PAGE").ok().and_then(|v| v.parse().ok()).unwrap_or(16384)
}

/// A file with tables but no user_version is someone else's database.
fn check_is_canon(conn: &Connection, version: i64, path: &Path) -> Result<()> {
    if version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            bail!("{} is a SQLite database but not a canon database; choose another --db path", path.display());
        }
    }
    Ok(())
}

impl Store {
    fn migrate(&mut self, from: i64) -> Result<()> {
        if from >= SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now_version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let held = applied(&tx, now_version)?;
        for (name, sql) in MIGRATIONS.iter().filter(|(n, _)| !held.contains(n)) {
            tx.execute_batch(sql).with_context(|| format!("applying schema migration {name}"))?;
            after_migration(&tx, name).with_context(|| format!("applying schema migration {name}"))?;
        }
        if now_version < SCHEMA_VERSION {
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        if now_version == 0 {
            themes::seed(&tx)?;
        }
        tx.commit().context("committing schema migration")?;
        Ok(())
    }

    /// Starts the one IMMEDIATE transaction a writing command runs in.
    pub fn write(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .with_context(|| format!("starting a write on {}", self.path.display()))
    }
}

/// The current time as ISO-8601 UTC text, to the millisecond.
pub fn now() -> String {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    iso8601(d.as_millis() as i64)
}

/// Formats milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn iso8601(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms.rem_euclid(1000)
    )
}

/// Whether `s` is a real calendar date written YYYY-MM-DD (proleptic
/// Gregorian: 2024-02-29 is one, 2026-02-29 and 2026-13-45 are not).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An ID generator whose IDs are above every ID already in the database.
pub fn id_gen(conn: &Connection) -> Result<IdGen> {
    let floor: Option<i64> = conn.query_row(
        "SELECT max(m) FROM (
            SELECT max(id) AS m FROM item UNION ALL SELECT max(id) FROM module
            UNION ALL SELECT max(id) FROM programme UNION ALL SELECT max(id) FROM reading
            UNION ALL SELECT max(id) FROM link UNION ALL SELECT max(id) FROM contributor
            UNION ALL SELECT max(id) FROM theme UNION ALL SELECT max(id) FROM import_run
            UNION ALL SELECT max(id) FROM person_facet UNION ALL SELECT max(id) FROM review)",
        [],
        |r| r.get(0),
    )?;
    Ok(IdGen::new(floor.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601(1_795_000_000_123), "2026-11-18T11:06:40.123Z");
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for ok in ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-45",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-00-10",
            "2026-1-01",
            "２０２６-01-01",
            "2026/01/01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn newer_database_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        open(&path, Mode::Create).unwrap();
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        }
        let err = open(&path, Mode::Existing).err().unwrap();
        assert!(format!("{err:#}").contains("newer canon"), "{err:#}");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION + 1);
    }
}
