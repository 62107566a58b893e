//! What the pages compute from the whole database (the audit data, the
//! coverage matrix, the gaps, the reading list, the history), kept until
//! the database changes. "Changes" is SQLite's own `PRAGMA data_version` on a
//! connection of its own, which moves whenever any other connection (this
//! server's, or a `canon` command's) commits; asking costs microseconds, so
//! every page is as fresh as a reload, and a page that is not fresh is
//! computed once while the others wait for it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use anyhow::{Result, anyhow};
use rusqlite::Connection;

use crate::analysis::coverage::{self, Coverage};
use crate::analysis::findings::{self, Finding};
use crate::analysis::gaps::{self, Gap};
use crate::analysis::scope::Within;
use crate::analysis::suggest::Suggestion;
use crate::store::audit::{self, AuditData, Scope};
use crate::store::history::{self, Entry, LogFilter};
use crate::store::readings::{self, Reading, ReadingFilter};
use crate::store::search::{FtsRanker, Hit};
use crate::store::themes::{self, Theme};
use crate::store::workspace::{self, Dismissed};
use crate::store::{Store, contributors};

/// At most this many scoped gap analyses are kept per version.
const SCOPES: usize = 16;
/// At most this many modules' suggestions, and searches, are kept per version.
const KEPT: usize = 1024;

/// The whole curriculum's audit data and coverage.
pub struct Audit {
    pub data: AuditData,
    pub coverage: Coverage,
}

/// The gaps in a scope, ranked as `canon gaps` ranks them, and the findings
/// they roll up into, as `canon gaps --findings` lists them.
pub struct Analysis {
    pub gaps: Vec<Gap>,
    pub findings: Vec<Finding>,
}

/// Figures about the people.
pub struct People {
    pub contributors: usize,
    pub names: Vec<String>,
}

/// One cached value, computed by the first request that needs it.
struct Slot<T>(Mutex<Option<Arc<T>>>);

impl<T> Slot<T> {
    fn new() -> Slot<T> {
        Slot(Mutex::new(None))
    }

    fn get(&self, make: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
        // Holding the lock while computing makes the others wait for this one.
        let mut slot = self.0.lock().map_err(|_| anyhow!("a cached value's lock is poisoned"))?;
        if let Some(v) = &*slot {
            return Ok(v.clone());
        }
        let v = Arc::new(make()?);
        *slot = Some(v.clone());
        Ok(v)
    }
}

/// Everything cached for one version of the data.
struct Generation {
    version: i64,
    audit: Slot<Audit>,
    readings: Slot<Vec<Reading>>,
    themes: Slot<Vec<Theme>>,
    history: Slot<Vec<Entry>>,
    people: Slot<People>,
    dismissed: Slot<HashSet<Dismissed>>,
    gaps: Mutex<HashMap<GapScope, Arc<Slot<Analysis>>>>,
    /// Per module ID: the lexicon's suggestions for its sessions.
    suggestions: Keyed<i64, Vec<Suggestion>>,
    /// Per query as typed: the hits, or why the query could not run.
    searches: Keyed<String, Result<Vec<Hit>, String>>,
}

/// A scope as a key: programme, year, module code, theme ID.
type GapScope = (Option<String>, Option<i64>, Option<String>, Option<i64>);

/// Values computed per key, each once; forgotten all at once past [`KEPT`].
struct Keyed<K, V>(Mutex<HashMap<K, Arc<Slot<V>>>>);

impl<K: std::hash::Hash + Eq + Clone, V> Keyed<K, V> {
    fn new() -> Keyed<K, V> {
        Keyed(Mutex::new(HashMap::new()))
    }

    fn get(&self, key: &K, make: impl FnOnce() -> Result<V>) -> Result<Arc<V>> {
        let slot = {
            let mut map = self.0.lock().map_err(|_| anyhow!("a cache's lock is poisoned"))?;
            if map.len() >= KEPT && !map.contains_key(key) {
                map.clear();
            }
            map.entry(key.clone()).or_insert_with(|| Arc::new(Slot::new())).clone()
        };
        slot.get(make)
    }
}

impl Generation {
    fn new(version: i64) -> Generation {
        Generation {
            version,
            audit: Slot::new(),
            readings: Slot::new(),
            themes: Slot::new(),
            history: Slot::new(),
            people: Slot::new(),
            dismissed: Slot::new(),
            gaps: Mutex::new(HashMap::new()),
            suggestions: Keyed::new(),
            searches: Keyed::new(),
        }
    }
}

/// The cache, with the connection that watches for changes.
pub struct Cache {
    watch: Mutex<Store>,
    current: Mutex<Arc<Generation>>,
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

impl Cache {
    pub fn new(watch: Store) -> Cache {
        Cache { watch: Mutex::new(watch), current: Mutex::new(Arc::new(Generation::new(i64::MIN))) }
    }

    /// The generation for the data as it is now (a new, empty one when it changed).
    fn now(&self) -> Result<Arc<Generation>> {
        let version = {
            let w = self.watch.lock().map_err(|_| anyhow!("the change watcher's lock is poisoned"))?;
            data_version(&w.conn)?
        };
        let mut cur = self.current.lock().map_err(|_| anyhow!("the cache's lock is poisoned"))?;
        if cur.version != version {
            *cur = Arc::new(Generation::new(version));
        }
        Ok(cur.clone())
    }

    /// The whole curriculum's audit data and its coverage matrix.
    pub fn audit(&self, conn: &Connection) -> Result<Arc<Audit>> {
        self.now()?.audit.get(|| {
            let data = audit::load(conn, &Scope::default())?;
            let coverage = coverage::compute(&data);
            Ok(Audit { data, coverage })
        })
    }

    /// Every reading, as `reading list` gives them.
    pub fn readings(&self, conn: &Connection) -> Result<Arc<Vec<Reading>>> {
        self.now()?.readings.get(|| readings::list(conn, &ReadingFilter::default()))
    }

    /// Every theme with its lexicon and counts.
    pub fn themes(&self, conn: &Connection) -> Result<Arc<Vec<Theme>>> {
        self.now()?.themes.get(|| themes::list(conn))
    }

    /// The whole history, oldest first.
    pub fn history(&self, conn: &Connection) -> Result<Arc<Vec<Entry>>> {
        self.now()?.history.get(|| history::log(conn, &LogFilter::default()))
    }

    pub fn people(&self, conn: &Connection) -> Result<Arc<People>> {
        self.now()?.people.get(|| {
            let names = contributors::list(conn)?.into_iter().map(|c| c.name).collect::<Vec<_>>();
            Ok(People { contributors: names.len(), names })
        })
    }

    /// Every suggestion someone rejected.
    pub fn dismissed(&self, conn: &Connection) -> Result<Arc<HashSet<Dismissed>>> {
        self.now()?.dismissed.get(|| workspace::dismissed(conn))
    }

    /// A module's suggestions, made by `make` the first time.
    pub fn module_suggestions(
        &self,
        module: i64,
        make: impl FnOnce() -> Result<Vec<Suggestion>>,
    ) -> Result<Arc<Vec<Suggestion>>> {
        self.now()?.suggestions.get(&module, make)
    }

    /// A search's hits (or the reason it could not run), made by `make` the first time.
    pub fn search(
        &self,
        query: &str,
        make: impl FnOnce() -> Result<Vec<Hit>>,
    ) -> Result<Arc<Result<Vec<Hit>, String>>> {
        self.now()?.searches.get(&query.to_string(), || Ok(make().map_err(|e| format!("{e:#}"))))
    }

    /// The gaps in a scope (programme, year, module code, theme ID), ranked as
    /// `canon gaps` ranks them, with their findings.
    pub fn gaps(&self, conn: &Connection, scope: &Scope) -> Result<Arc<Analysis>> {
        let generation = self.now()?;
        let key = (scope.programme.clone(), scope.year, scope.module.clone(), scope.theme);
        let slot = {
            let mut map = generation.gaps.lock().map_err(|_| anyhow!("the gaps cache's lock is poisoned"))?;
            if map.len() >= SCOPES && !map.contains_key(&key) {
                map.clear();
            }
            map.entry(key).or_insert_with(|| Arc::new(Slot::new())).clone()
        };
        slot.get(|| {
            // As `canon gaps` does: the analysis runs over the whole database
            // (so a G- or F-number is the same on every page) and the scope
            // only selects among its gaps and phrases its findings.
            let whole =
                scope.programme.is_none() && scope.year.is_none() && scope.module.is_none() && scope.theme.is_none();
            let audit = generation.audit.get(|| {
                let data = audit::load(conn, &Scope::default())?;
                let coverage = coverage::compute(&data);
                Ok(Audit { data, coverage })
            })?;
            let within = Within::new(scope, &audit.data);
            // A scope that narrows the curriculum lists only its own sessions in a gap's row (gaps::Options::within).
            // A scope that narrows the curriculum lists only its own sessions
            // in a gap's row (gaps::Options::within), so it is computed anew.
            let all = if within.narrows_curriculum() {
                let opts = gaps::Options { within: within.clone(), ..gaps::Options::default() };
                gaps::compute_ranked(&audit.data, &audit.coverage, &opts, &FtsRanker { conn })?
            } else if whole {
                gaps::compute_ranked(&audit.data, &audit.coverage, &gaps::Options::default(), &FtsRanker { conn })?
            } else {
                self.gaps(conn, &Scope::default())?.gaps.clone()
            };
            let findings = findings::roll_up(&all, &audit.data, &within);
            let gaps = all.into_iter().filter(|g| within.selects(g)).collect();
            Ok(Analysis { gaps, findings })
        })
    }
}
