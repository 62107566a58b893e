//! The only module that talks SQL. [`open`] is the one door to the database.

pub mod analysis;
pub mod audit;
pub mod bundle;
pub mod contributors;
pub mod curriculum;
pub mod edit;
pub mod history;
pub mod ids;
pub mod maintenance;
pub mod merge;
pub mod readings;
pub mod review;
pub mod search;
pub mod seed;
pub mod snapshots;
pub mod tags;
pub mod themes;
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
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
    let exists = path.exists();
    if !exists && mode == Mode::Existing {
        bail!("no database at {}; run `canon init` first (or pass --db / set CANON_DB)", path.display());
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn =
        Connection::open_with_flags(path, flags).with_context(|| format!("opening database {}", path.display()))?;
    conn.busy_timeout(Duration::from_secs(30))?;

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
        check_is_canon(&conn, version, path)?;
    }

    if version == 0 {
        // Bigger pages suit the long text rows and full-text segments of a
        // curriculum: fewer pages to split and write (only before the first write).
        conn.pragma_update(None, "page_size", page_size())?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .with_context(|| format!("setting WAL mode on {}", path.display()))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(
        None,
        "cache_size",
        std::env::var("CANON_CACHE").ok().and_then(|v| v.parse::<i64>().ok()).unwrap_or(-16_000),
    )?;

    let mut store = Store { conn, path: path.to_path_buf() };
    store.migrate(version)?;
    Ok(store)
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
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(now_version as usize) {
            tx.execute_batch(sql).with_context(|| format!("applying schema migration {name}"))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
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
    // Civil-from-days (H. Hinnant), proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms.rem_euclid(1000)
    )
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
