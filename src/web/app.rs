//! The server's shared state: the database path, a small pool of open
//! connections, the cache of computed analysis, the signing key and the
//! uploads waiting for confirmation. Database work runs on blocking threads.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use rusqlite::Transaction;

use super::Config;
use super::cache::Cache;
use super::session::Keys;
use crate::store::{self, IdGen, Mode, Store, history, id_gen};

/// At most this many connections are open at once; a request waits for one.
/// A few warm connections (each with its page cache) serve 20 clients on two
/// cores better than twenty cold ones.
const POOL: usize = 8;
/// How long an uploaded file waits for its confirmation.
const UPLOAD_TTL: Duration = Duration::from_secs(60 * 60);
/// At most this many uploads wait at once (the oldest is dropped).
const UPLOADS: usize = 32;

/// An uploaded file between its preview and its confirmation, kept in memory.
#[derive(Clone)]
pub struct Upload {
    /// The file's own name, as the browser sent it (made safe for a file name).
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
    pub kind: super::pages::import::Kind,
    pub options: super::pages::import::Options,
    /// The session that uploaded it: only they can confirm it.
    pub sid: String,
    pub at: Instant,
}

/// Everything the handlers share.
pub struct App {
    pub db: PathBuf,
    pub keys: Keys,
    /// Hosts a browser may name in `Host:` when there is no token (guards
    /// against DNS rebinding onto 127.0.0.1).
    pub local_hosts: Vec<String>,
    pool: Pool,
    pub cache: Cache,
    uploads: Mutex<HashMap<String, Upload>>,
}

/// The open connections: the idle ones, and how many are open in all.
struct Pool {
    state: Mutex<(Vec<Store>, usize)>,
    freed: Condvar,
}

/// A connection borrowed from the pool.
struct Lease<'a> {
    store: Option<Store>,
    pool: &'a Pool,
}

impl Lease<'_> {
    fn store(&self) -> &Store {
        self.store.as_ref().expect("a lease holds its connection until dropped")
    }

    fn store_mut(&mut self) -> &mut Store {
        self.store.as_mut().expect("a lease holds its connection until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let (Some(s), Ok(mut state)) = (self.store.take(), self.pool.state.lock()) {
            // A connection left inside a transaction (a panic) is closed, not reused.
            if s.conn.is_autocommit() {
                state.0.push(s);
            } else {
                state.1 -= 1;
            }
        }
        self.pool.freed.notify_one();
    }
}

/// What a page renderer gets on its blocking thread.
pub struct Db<'a> {
    pub store: &'a Store,
    pub app: &'a App,
}

impl App {
    pub fn new(config: &Config, bound: SocketAddr) -> Result<App> {
        let port = bound.port();
        let local_hosts = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")];
        Ok(App {
            db: config.db.clone(),
            keys: Keys::new(config.token.clone())?,
            local_hosts,
            pool: Pool { state: Mutex::new((Vec::new(), 0)), freed: Condvar::new() },
            cache: Cache::new(store::open(&config.db, Mode::Existing)?),
            uploads: Mutex::new(HashMap::new()),
        })
    }

    /// A connection from the pool (waiting while all are in use), given back when dropped.
    fn take(&self) -> Result<Lease<'_>> {
        let mut state = self.pool.state.lock().map_err(|_| anyhow!("connection pool poisoned"))?;
        loop {
            if let Some(s) = state.0.pop() {
                return Ok(Lease { store: Some(s), pool: &self.pool });
            }
            if state.1 < POOL {
                state.1 += 1;
                drop(state);
                return match store::open(&self.db, Mode::Existing) {
                    Ok(s) => Ok(Lease { store: Some(s), pool: &self.pool }),
                    Err(e) => {
                        if let Ok(mut st) = self.pool.state.lock() {
                            st.1 -= 1;
                        }
                        self.pool.freed.notify_one();
                        Err(e)
                    }
                };
            }
            state = self.pool.freed.wait(state).map_err(|_| anyhow!("connection pool poisoned"))?;
        }
    }

    /// Runs `f` with a connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> Result<T> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let lease = app.take()?;
            f(&Db { store: lease.store(), app: &app })
        })
        .await
        .context("a page's worker stopped")?
    }

    /// Runs `f` in one IMMEDIATE transaction on a blocking thread, as the
    /// contributor `who` (added on their first change), and commits it.
    /// Writers wait for each other (SQLite's busy timeout), never fail for
    /// being second.
    pub async fn write<T, F>(self: &Arc<Self>, who: String, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction, &mut IdGen, i64) -> Result<T> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut lease = app.take()?;
            let store = lease.store_mut();
            (|| {
                let tx = store.write()?;
                // IDs above every committed one: taken inside the write lock.
                let mut ids = id_gen(&tx)?;
                let by = history::contributor(&tx, &mut ids, &who)?;
                let out = f(&tx, &mut ids, by)?;
                tx.commit().context("saving the change")?;
                Ok(out)
            })()
        })
        .await
        .context("a change's worker stopped")?
    }

    /// Runs `f` with a connection of its own on a blocking thread (imports
    /// open their own transaction).
    pub async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &App) -> Result<T> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut lease = app.take()?;
            f(lease.store_mut(), &app)
        })
        .await
        .context("a worker stopped")?
    }

    /// Keeps an upload for its confirmation; returns its key.
    pub fn keep_upload(&self, upload: Upload) -> Result<String> {
        let key = super::session::random_hex(16)?;
        let mut uploads = self.uploads.lock().map_err(|_| anyhow!("upload list poisoned"))?;
        uploads.retain(|_, u| u.at.elapsed() < UPLOAD_TTL);
        while uploads.len() >= UPLOADS {
            let Some(oldest) = uploads.iter().min_by_key(|(_, u)| u.at).map(|(k, _)| k.clone()) else { break };
            uploads.remove(&oldest);
        }
        uploads.insert(key.clone(), upload);
        Ok(key)
    }

    /// Takes back an upload, if it is still waiting and belongs to `sid`.
    pub fn take_upload(&self, key: &str, sid: &str) -> Option<Upload> {
        let mut uploads = self.uploads.lock().ok()?;
        let u = uploads.get(key)?;
        if u.sid != sid || u.at.elapsed() >= UPLOAD_TTL {
            return None;
        }
        uploads.remove(key)
    }
}

/// A private temporary folder (mode 0700) for one upload or download,
/// removed with everything in it when dropped. Never next to the database.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new() -> Result<Scratch> {
        let dir = std::env::temp_dir().join(format!("canon-serve-{}", super::session::random_hex(12)?));
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(&dir).with_context(|| format!("creating a temporary folder {}", dir.display()))?;
        Ok(Scratch(dir))
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
