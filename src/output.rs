//! The one way canon writes a file or a folder: never over the database,
//! and never half.
//!
//! Every command that writes somewhere the user named (`-o FILE`, `report`,
//! `export`, `backup`, snapshot exports, anything new) calls one of:
//!
//! - [`write_file`]`(path, bytes)` for a file made in memory;
//! - [`write_file_with`]`(path, |tmp| …)` when something else makes the file
//!   (SQLite's backup, a workbook writer): it is handed a temporary path in
//!   the same folder and writes the whole file there;
//! - [`write_folder`]`(dir, |tmp_dir| …)` for a folder of files (a bundle, a
//!   CSV report): it is handed an empty temporary folder to fill.
//!
//! Each first calls [`check`] (or [`check_folder`]), which refuses a
//! destination that *is* a database this process opened, or its `-wal`,
//! `-shm` or `-journal` file, under any name: through symbolic links (of the
//! file or of any folder above it), `..`, or a hard link (same device and
//! inode). [`crate::store::open`] registers every database it opens with
//! [`protect`], so callers need not pass the database along; library users
//! that open SQLite themselves call [`protect`] first.
//!
//! Then the content is written to a temporary file (or folder) beside the
//! destination and renamed over it only when complete and synced, so a kill
//! or a full disk leaves the old file whole or the new one whole, never a
//! mix. A folder that does not exist yet appears whole in one rename. An
//! existing folder keeps whatever else it holds (a `.git`, a README): the
//! new files are all written and synced in a hidden staging folder inside
//! it first, and only then renamed over the old ones, one by one, while a
//! marker file ([`INCOMPLETE`]) says the folder is being changed; readers
//! (`import bundle`, `merge`) refuse a folder with the marker, so a mix of
//! old and new files left by a kill in those few renames is never read as a
//! state that existed. The next complete write removes the marker.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result, bail};

/// The marker a folder holds while [`write_folder`] renames new files over
/// old ones in it. A folder with this file may hold a mix of two writes.
pub const INCOMPLETE: &str = ".canon-incomplete";

/// Databases this process has opened (absolute paths, as given).
static PROTECTED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Numbers temporary names, so two writes in one process never share one.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// What a database's companion files are called, and what they are.
const COMPANIONS: &[(&str, &str)] = &[
    ("", "the database"),
    ("-wal", "the write-ahead log of the database"),
    ("-shm", "the shared-memory index of the database"),
    ("-journal", "the rollback journal of the database"),
];

/// Registers a database file: from now on, no write through this module
/// replaces it or its `-wal`, `-shm` or `-journal` files. Call it before
/// the database is created, so even a file that does not exist yet is kept.
pub fn protect(db: &Path) {
    let abs = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    if let Ok(mut list) = PROTECTED.lock()
        && !list.contains(&abs)
    {
        list.push(abs);
    }
}

/// A protected file: where it really is, and what it is.
struct Guarded {
    path: PathBuf,
    what: String,
}

/// Every protected file, by every name it has: beside the path as given and
/// beside the file the path resolves to (SQLite puts its companions beside
/// the real file).
fn guarded() -> Vec<Guarded> {
    let dbs = PROTECTED.lock().map(|l| l.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for db in dbs {
        let mut bases = Vec::new();
        if let (Some(parent), Some(name)) = (db.parent(), db.file_name())
            && let Ok(p) = parent.canonicalize()
        {
            bases.push(p.join(name));
        }
        if let Ok(real) = resolve(&db) {
            bases.push(real);
        }
        bases.dedup();
        for base in bases {
            for (suffix, what) in COMPANIONS {
                let mut s = base.clone().into_os_string();
                s.push(suffix);
                out.push(Guarded { path: PathBuf::from(s), what: format!("{what} {}", db.display()) });
            }
        }
    }
    out
}

/// The file a write to `dest` would replace: an absolute path whose folders
/// are resolved (no symbolic links, `.` or `..`) and whose last part is not
/// a symbolic link (links are followed, even to a file that does not exist).
/// Fails when the folder does not exist.
pub fn resolve(dest: &Path) -> Result<PathBuf> {
    let mut p = std::path::absolute(dest).with_context(|| format!("resolving {}", dest.display()))?;
    for _ in 0..40 {
        let Some(name) = p.file_name().map(|n| n.to_os_string()) else {
            // `/` or a path ending in `..`: a folder that must exist.
            return p.canonicalize().with_context(|| format!("resolving {}", dest.display()));
        };
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let parent = parent
            .canonicalize()
            .with_context(|| format!("the folder {} does not exist (writing {})", parent.display(), dest.display()))?;
        let q = parent.join(&name);
        match fs::symlink_metadata(&q) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&q).with_context(|| format!("reading the link {}", q.display()))?;
                p = if target.is_absolute() { target } else { parent.join(target) };
            }
            _ => return Ok(q),
        }
    }
    bail!("{}: too many symbolic links", dest.display())
}

/// Device and inode of an existing file (hard links share them).
#[cfg(unix)]
fn identity(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<(u64, u64)> {
    None
}

/// A write refused because its destination is a protected database file.
/// Callers may match on it to say what they were writing.
#[derive(Debug, thiserror::Error)]
#[error("refusing to write {dest}: it is {what}{how}; choose another name")]
pub struct Refused {
    /// The destination as given.
    pub dest: String,
    /// What it is: "the database PATH", "the write-ahead log of the database PATH"…
    pub what: String,
    /// How it names it, when not directly: ", under another name (a hard link)".
    pub how: &'static str,
}

fn refuse(dest: &Path, g: &Guarded, how: &'static str) -> anyhow::Error {
    Refused { dest: dest.display().to_string(), what: g.what.clone(), how }.into()
}

/// Where a file written to `dest` would go, or an error when that is a
/// protected database file (see [`protect`]) under any name.
pub fn check(dest: &Path) -> Result<PathBuf> {
    let real = resolve(dest)?;
    let id = identity(&real);
    for g in guarded() {
        if g.path == real {
            return Err(refuse(dest, &g, ""));
        }
        if id.is_some() && identity(&g.path) == id {
            return Err(refuse(dest, &g, ", under another name (a hard link)"));
        }
    }
    Ok(real)
}

/// Where a folder written to `dest` would go, or an error when that is a
/// protected database file. (A folder may hold the database: each file
/// written into it is checked by name and inode before any is replaced.)
pub fn check_folder(dest: &Path) -> Result<PathBuf> {
    check(dest)
}

/// A hidden name beside `target` for a temporary file or folder.
fn temp_beside(target: &Path, tag: &str) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Keep the temporary name within the 255 bytes file systems allow.
    let mut cut = name.len().min(120);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{}.canon-{tag}-{}-{n}", &name[..cut], std::process::id()))
}

/// Flushes a folder's entries to disk (best effort: not every system can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `bytes` to `dest` through a temporary file and a rename, after
/// [`check`]. Errors name `dest`.
pub fn write_file(dest: &Path, bytes: &[u8]) -> Result<()> {
    write_file_with(dest, |tmp| {
        let mut f = fs::File::create_new(tmp).with_context(|| format!("creating {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        Ok(())
    })
}

/// Like [`write_file`], for content another writer makes: `fill` gets a
/// path that does not exist yet, in the destination's folder, and must
/// leave the whole file there (synced). It is renamed over `dest` only when
/// `fill` succeeds; otherwise it, and any SQLite journal beside it, is removed.
pub fn write_file_with(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let target = check(dest)?;
    let result = (|| -> Result<()> {
        if target.is_dir() {
            bail!("{} is a folder; expected a file name", dest.display());
        }
        let tmp = temp_beside(&target, "tmp");
        let done = (|| -> Result<()> {
            fill(&tmp)?;
            if let Ok(m) = fs::metadata(&target) {
                let _ = fs::set_permissions(&tmp, m.permissions());
            }
            // The destination may have been linked to the database since the check.
            check(dest)?;
            fs::rename(&tmp, &target).with_context(|| format!("moving the new file into place at {}", target.display()))
        })();
        if done.is_err() {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let mut s = tmp.clone().into_os_string();
                s.push(suffix);
                let _ = fs::remove_file(PathBuf::from(s));
            }
        } else if let Some(dir) = target.parent() {
            sync_dir(dir);
        }
        done
    })();
    result.with_context(|| format!("writing {}", dest.display()))
}

/// Writes a folder of files: `fill` gets an empty temporary folder and
/// writes every file there (plain files, no subfolders); they replace the
/// destination's files of the same names only when all are written and
/// synced. Other files in an existing destination are left as they were.
/// Missing parent folders are created. Errors name `dest`.
pub fn write_folder(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let target = check_folder(dest)?;
    (|| -> Result<()> {
        match fs::metadata(&target) {
            Ok(m) if m.is_dir() => replace_in(&target, fill),
            Ok(_) => bail!("{} is a file; expected a folder", dest.display()),
            Err(_) => create_whole(&target, fill),
        }
    })()
    .with_context(|| format!("writing the folder {}", dest.display()))
}

/// A new folder: filled beside, then renamed into place in one step.
fn create_whole(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = temp_beside(target, "tmp");
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let done = (|| -> Result<()> {
        fill(&tmp)?;
        sync_files(&tmp)?;
        fs::rename(&tmp, target).with_context(|| format!("moving the new folder into place at {}", target.display()))
    })();
    match &done {
        Ok(()) => {
            if let Some(dir) = target.parent() {
                sync_dir(dir);
            }
        }
        Err(_) => {
            let _ = fs::remove_dir_all(&tmp);
        }
    }
    done
}

/// Syncs every file `fill` wrote, refusing anything but plain files.
fn sync_files(dir: &Path) -> Result<Vec<std::ffi::OsString>> {
    let mut names = Vec::new();
    for e in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let e = e?;
        if !e.file_type()?.is_file() {
            bail!("{} is not a plain file", e.path().display());
        }
        fs::File::open(e.path())?.sync_all()?;
        names.push(e.file_name());
    }
    sync_dir(dir);
    names.sort();
    Ok(names)
}

/// An existing folder: new files staged inside it, then renamed over the
/// old ones under the [`INCOMPLETE`] marker.
fn replace_in(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    remove_stale_staging(target);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let staging = target.join(format!(".canon-staging-{}-{n}", std::process::id()));
    fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
    let done = (|| -> Result<()> {
        fill(&staging)?;
        let names = sync_files(&staging)?;
        for name in &names {
            let old = target.join(name);
            if fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) {
                bail!("{} is a folder; canon would write a file there", old.display());
            }
            check(&old)?;
        }
        let marker = target.join(INCOMPLETE);
        let mut m = fs::File::create(&marker).with_context(|| format!("creating {}", marker.display()))?;
        writeln!(
            m,
            "canon (process {}) is replacing the files of this folder; if this file stays, that write was \
             interrupted and the folder may mix two versions: write it again",
            std::process::id()
        )?;
        m.sync_all()?;
        sync_dir(target);
        for name in &names {
            fs::rename(staging.join(name), target.join(name))
                .with_context(|| format!("moving {} into place", target.join(name).display()))?;
        }
        sync_dir(target);
        fs::remove_file(&marker).with_context(|| format!("removing {}", marker.display()))?;
        sync_dir(target);
        Ok(())
    })();
    let _ = fs::remove_dir_all(&staging);
    done
}

/// Staging folders left by a canon that was killed (Linux: its process is
/// gone), so they never pile up or get committed to git.
fn remove_stale_staging(target: &Path) {
    let proc = Path::new("/proc/self");
    if !proc.exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(target) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(".canon-staging-") else { continue };
        let pid = rest.split('-').next().unwrap_or("");
        if !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_links_and_dots() {
        let d = tempfile::tempdir().unwrap();
        let base = d.path().canonicalize().unwrap();
        fs::create_dir(base.join("sub")).unwrap();
        assert_eq!(resolve(&base.join("sub/../x.db")).unwrap(), base.join("x.db"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("x.db"), base.join("link")).unwrap();
            assert_eq!(resolve(&base.join("link")).unwrap(), base.join("x.db"));
            std::os::unix::fs::symlink(base.join("loop"), base.join("loop")).unwrap();
            assert!(resolve(&base.join("loop")).is_err());
        }
        assert!(resolve(&base.join("missing/x")).is_err());
    }

    #[test]
    fn a_protected_database_is_refused_under_every_name() {
        let d = tempfile::tempdir().unwrap();
        let base = d.path().canonicalize().unwrap();
        let db = base.join("unit-protected.db");
        fs::write(&db, b"SQLite").unwrap();
        protect(&db);
        for bad in ["unit-protected.db", "unit-protected.db-wal", "unit-protected.db-shm", "unit-protected.db-journal"]
        {
            let err = write_file(&base.join(bad), b"x").unwrap_err();
            assert!(format!("{err:#}").contains("refusing"), "{bad}: {err:#}");
        }
        fs::hard_link(&db, base.join("hard")).unwrap();
        assert!(format!("{:#}", write_file(&base.join("hard"), b"x").unwrap_err()).contains("hard link"));
        let err = write_folder(&base, |t| Ok(fs::write(t.join("unit-protected.db"), "x")?)).unwrap_err();
        assert!(format!("{err:#}").contains("refusing"), "{err:#}");
        assert!(fs::read_dir(&base).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains("canon")));
        assert_eq!(fs::read(&db).unwrap(), b"SQLite");
        write_file(&base.join("fine.csv"), b"ok").unwrap();
        assert_eq!(fs::read(base.join("fine.csv")).unwrap(), b"ok");
    }

    #[test]
    fn a_folder_is_replaced_whole_and_keeps_other_files() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        write_folder(&out, |t| {
            fs::write(t.join("a.csv"), "1")?;
            fs::write(t.join("b.csv"), "1")?;
            Ok(())
        })
        .unwrap();
        fs::write(out.join("README"), "mine").unwrap();
        let err = write_folder(&out, |t| {
            fs::write(t.join("a.csv"), "2")?;
            bail!("disk full")
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "1");
        write_folder(&out, |t| {
            fs::write(t.join("a.csv"), "2")?;
            fs::write(t.join("b.csv"), "2")?;
            Ok(())
        })
        .unwrap();
        let mut names: Vec<String> =
            fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, ["README", "a.csv", "b.csv"]);
        assert_eq!(fs::read_to_string(out.join("b.csv")).unwrap(), "2");
    }
}
