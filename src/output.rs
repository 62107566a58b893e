//! The one way canon writes a file or a folder: never over the database,
//! never through a link, never half, and never two at once.
//!
//! Every command that writes somewhere the user named (`-o FILE`, `report`,
//! `export`, `backup`, snapshot exports, anything new) calls one of:
//!
//! - [`write_file`]`(path, bytes)` for a file made in memory;
//! - [`write_file_with`]`(path, |tmp| …)` when something else makes the file
//!   (SQLite's backup): it is handed a new, empty temporary file in the same
//!   folder and writes the whole file there;
//! - [`write_folder`]`(dir, |tmp_dir| …)` for a folder of files (a bundle, a
//!   CSV report): it is handed an empty temporary folder to fill, with
//!   [`write_new`] or [`create_new`].
//!
//! Each first calls [`check`] (or [`check_folder`]), which refuses a
//! destination that *is* a database this process opened, or its `-wal`,
//! `-shm` or `-journal` file, under any name: through symbolic links (of the
//! file or of any folder above it), `..`, or a hard link (same device and
//! inode). [`crate::store::open`] registers every database it opens with
//! [`protect`], so callers need not pass the database along; library users
//! that open SQLite themselves call [`protect`] first.
//!
//! **Every file canon creates** (temporary files, staging files, the marker)
//! is created with [`create_new`]: `O_EXCL | O_NOFOLLOW`, under a
//! random name where it is temporary, so no existing file is ever truncated
//! or written through a link, whatever was placed at that name.
//!
//! A regular file is replaced by a temporary file beside it, renamed over it
//! only when complete and synced, so a kill or a full disk leaves the old
//! file whole or the new one whole. A FIFO or character device (`-o
//! /dev/null`, a named pipe, a terminal) is written straight into and stays
//! what it is; `/dev/stdout` and `/dev/stderr` are the process's own
//! handles; a disk or socket is refused; [`write_file_with`] writes only
//! regular files (a backup onto a device is refused).
//!
//! A folder that does not exist yet appears whole in one rename. An existing
//! folder keeps whatever else it holds (a `.git`, a README): it is locked
//! (`flock` on the folder itself), so a second write into it waits and then
//! replaces the first's files whole; the new files are written and synced in a hidden
//! staging folder inside it; then a marker ([`INCOMPLETE`]) is written and
//! synced, naming every file's old and new version (size and hash); then the
//! files are renamed over the old ones, and the marker removed. A write that
//! fails before the renames leaves the folder as it was, without a marker; a
//! kill during the renames leaves the marker, and [`folder_state`] tells a
//! folder that still holds one whole write from a mix, which readers
//! (`import bundle`, `merge`) refuse.

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
    too_long(dest)?;
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
        let parent = parent.canonicalize().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                anyhow::anyhow!("the folder {} does not exist (writing {})", shown(&parent), shown(dest))
            } else {
                anyhow::anyhow!("the folder {} cannot be used ({e}) (writing {})", shown(&parent), shown(dest))
            }
        })?;
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

/// Refuses a path the system cannot open because it is too long, in those
/// words (the system's own error, "File name too long", is easily read as
/// "does not exist"). Limits: 4,096 bytes for a path and 255 for a name
/// (Linux's `PATH_MAX` and `NAME_MAX`).
pub fn too_long(path: &Path) -> Result<()> {
    const PATH_MAX: usize = 4096;
    const NAME_MAX: usize = 255;
    let bytes = path.as_os_str().len();
    if bytes >= PATH_MAX {
        bail!(
            "the path {} is {} bytes long; this system takes paths of at most {} bytes",
            shown(path),
            crate::limits::thousands(bytes),
            crate::limits::thousands(PATH_MAX - 1)
        );
    }
    if let Some(part) = path.iter().find(|p| p.len() > NAME_MAX) {
        bail!(
            "a name in the path {} is {} bytes long; this system takes names of at most {NAME_MAX} bytes",
            shown(path),
            crate::limits::thousands(part.len())
        );
    }
    Ok(())
}

/// A path for a message: cut to its first 80 characters when longer, with
/// how long it was (see [`crate::limits::shown`]).
pub fn shown(path: &Path) -> String {
    crate::limits::cut(&path.to_string_lossy(), 80)
}

/// A random number for temporary names (so nobody can place a link at a
/// name canon is about to create): the standard library's per-process
/// random hash keys, mixed with the time and a counter.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish()
}

/// A hidden name beside `target` for a temporary file or folder, random
/// (nothing can be waiting at it).
pub fn temp_beside(target: &Path, tag: &str) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Keep the temporary name within the 255 bytes file systems allow.
    let mut cut = name.len().min(120);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    dir.join(format!(".{}.canon-{tag}-{}-{:016x}", &name[..cut], std::process::id(), random()))
}

/// Creates a new file for writing, the only way canon creates a file:
/// never over an existing file (`O_EXCL`: a file, a link, a database that
/// happens to have that name) and never through a symbolic link
/// (`O_NOFOLLOW`), so nothing is ever truncated or written through.
pub fn create_new(path: &Path) -> std::io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    o.open(path)
}

/// Writes `bytes` to a new file at `path` ([`create_new`]) and syncs it:
/// for the files a [`write_folder`] fill makes.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = create_new(path).with_context(|| format!("creating {}", path.display()))?;
    f.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
    f.sync_all().with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Gives the finished file `from` the name `to`, only if nothing has that
/// name (a file made there meanwhile is never replaced): a hard link and
/// the removal of `from`, or, where the file system has no hard links, a
/// rename after a check. On failure `from` is left where it is.
pub fn move_new(from: &Path, to: &Path) -> Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => {
            fs::remove_file(from).with_context(|| format!("removing {}", from.display()))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{} appeared while canon worked; it is left as it is, and canon's work is in {}",
                to.display(),
                from.display()
            )
        }
        Err(_) if fs::symlink_metadata(to).is_err() => {
            fs::rename(from, to).with_context(|| format!("moving {} to {}", from.display(), to.display()))?;
        }
        Err(e) => return Err(e).with_context(|| format!("moving {} to {}", from.display(), to.display())),
    }
    if let Some(dir) = to.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Flushes a folder's entries to disk (best effort: not every system can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// What a destination is, which decides how it is written.
enum Dest {
    /// A regular file, or nothing yet: a temporary file and a rename.
    File,
    /// A FIFO or a character device (a terminal, a pipe, `/dev/null`):
    /// written straight into, never replaced.
    Stream,
    /// The process's standard output or error (`/dev/stdout`): written to
    /// the handle, whatever it is (a pipe, a terminal, a socket, a file
    /// opened for appending).
    Std(u8),
}

/// What `dest` is (following links), or why canon will not write there.
fn destination(dest: &Path) -> Result<Dest> {
    for (names, fd) in
        [(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"], 1), (["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"], 2)]
    {
        if names.iter().any(|n| dest == Path::new(n)) {
            return Ok(Dest::Std(fd));
        }
    }
    let Ok(meta) = fs::metadata(dest) else { return Ok(Dest::File) };
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(Dest::File);
    }
    if ft.is_dir() {
        bail!("{} is a folder; expected a file name", dest.display());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() || ft.is_char_device() {
            return Ok(Dest::Stream);
        }
        if ft.is_block_device() {
            bail!(
                "{} is a disk (a block device); canon writes files, FIFOs and terminals, never disks",
                dest.display()
            );
        }
        if ft.is_socket() {
            bail!("{} is a socket; canon writes files, FIFOs and terminals", dest.display());
        }
    }
    bail!("{} is not a regular file; expected a file name", dest.display())
}

/// Writes `bytes` to `dest`, after [`check`]: a regular file (or a new
/// one) through a temporary file and a rename; a FIFO or a character
/// device (`-o /dev/null`, a named pipe, a terminal) straight into it, so
/// it stays what it is; `/dev/stdout` and `/dev/stderr` to the process's
/// own handles. Errors name `dest`.
pub fn write_file(dest: &Path, bytes: &[u8]) -> Result<()> {
    too_long(dest)?;
    match destination(dest)? {
        Dest::File => replace_file(dest, |_, mut f| {
            f.write_all(bytes)?;
            f.sync_all()?;
            Ok(())
        }),
        Dest::Stream => {
            check(dest)?;
            write_stream(dest, bytes).with_context(|| format!("writing {}", dest.display()))
        }
        Dest::Std(fd) => {
            // `> canon.db` and then `-o /dev/stdout`: still the database.
            check(dest)?;
            let r = if fd == 1 {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes).and_then(|()| out.flush())
            } else {
                let mut err = std::io::stderr().lock();
                err.write_all(bytes).and_then(|()| err.flush())
            };
            r.with_context(|| format!("writing {}", dest.display()))
        }
    }
}

/// Writes into a FIFO or character device as it is: opened for writing
/// without creating or truncating, and written only if what was opened is
/// still a FIFO or device (not a file put there since).
fn write_stream(dest: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = fs::OpenOptions::new().write(true).open(dest)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let ft = f.metadata()?.file_type();
        if !(ft.is_fifo() || ft.is_char_device()) {
            bail!("{} changed while it was being opened; nothing written", dest.display());
        }
    }
    f.write_all(bytes)?;
    f.flush()?;
    Ok(())
}

/// Like [`write_file`], for content another writer makes (SQLite's backup):
/// `fill` gets the path of a new, empty file in the destination's folder
/// (created by canon with a random name, so no link can be waiting there)
/// and must leave the whole file there (synced). It is renamed over `dest`
/// only when `fill` succeeds; otherwise it, and any SQLite journal beside
/// it, is removed. Only to a regular file: a device or FIFO is refused
/// (a database copy is never poured into `/dev/null` or a pipe).
pub fn write_file_with(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    too_long(dest)?;
    replace_file(dest, |tmp, f| {
        drop(f);
        fill(tmp)
    })
}

/// [`write_file_with`], handing `fill` the new temporary file open for
/// writing as well as its path.
fn replace_file(dest: &Path, fill: impl FnOnce(&Path, fs::File) -> Result<()>) -> Result<()> {
    let result = (|| -> Result<()> {
        if !matches!(destination(dest)?, Dest::File) {
            bail!(
                "{} is not a regular file (a device, FIFO or standard output); this is written only to an ordinary file, \
                 which it never replaces with anything else",
                dest.display()
            );
        }
        let target = check(dest)?;
        if target.is_dir() {
            bail!("{} is a folder; expected a file name", dest.display());
        }
        let tmp = temp_beside(&target, "tmp");
        let file = create_new(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let done = (|| -> Result<()> {
            fill(&tmp, file)?;
            if let Ok(m) = fs::metadata(&target) {
                let _ = fs::set_permissions(&tmp, m.permissions());
            }
            // The destination may have been linked to the database, or made
            // a device, since the check.
            check(dest)?;
            if fs::symlink_metadata(&target).is_ok_and(|m| !m.is_file() && !m.file_type().is_symlink()) {
                bail!("{} is no longer a regular file; nothing replaced", dest.display());
            }
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
    // An error that already names the file ("the folder … does not exist
    // (writing r.ris)") is not wrapped in "writing r.ris" a second time.
    result.map_err(|e| {
        if format!("{e:#}").contains(&format!("(writing {})", shown(dest))) {
            e
        } else {
            e.context(format!("writing {}", dest.display()))
        }
    })
}

/// Writes a folder of files: `fill` gets an empty temporary folder and
/// writes every file there (plain files, no subfolders, each made with
/// [`create_new`] or [`write_new`]); they replace the destination's files
/// of the same names only when all are written and synced. Other files in
/// an existing destination are left as they were. Missing parent folders
/// are created. Errors name `dest`.
///
/// A new folder appears whole in one rename. An existing folder is locked
/// (`flock` on the folder) while its files are replaced, so two writes
/// into one folder never mix: the second waits, then replaces the first's
/// files whole.
pub fn write_folder(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    too_long(dest)?;
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let target = check_folder(dest)?;
    (|| -> Result<()> {
        match fs::metadata(&target) {
            Ok(m) if m.is_dir() => replace_in(&target, fill),
            Ok(_) => bail!("{} is not a folder; expected a folder (or a name for a new one)", dest.display()),
            Err(_) => create_whole(&target, fill),
        }
    })()
    .with_context(|| format!("writing the folder {}", dest.display()))
}

/// A new folder: filled beside, then renamed into place in one step. If
/// the folder appeared meanwhile (another write made it), the files go in
/// as into an existing folder, under its lock.
fn create_whole(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = temp_beside(target, "tmp");
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let done = (|| -> Result<()> {
        fill(&tmp)?;
        let names = sync_files(&tmp)?;
        match fs::rename(&tmp, target) {
            Ok(()) => {
                if let Some(dir) = target.parent() {
                    sync_dir(dir);
                }
                Ok(())
            }
            Err(_) if fs::symlink_metadata(target).is_ok_and(|m| m.is_dir()) => {
                let _lock = FolderLock::acquire(target)?;
                commit(target, &tmp, &names)
            }
            Err(e) => Err(e).with_context(|| format!("moving the new folder into place at {}", target.display())),
        }
    })();
    if tmp.exists() {
        let _ = fs::remove_dir_all(&tmp);
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

/// An existing folder: locked, new files staged inside it, then renamed
/// over the old ones under the [`INCOMPLETE`] marker.
fn replace_in(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let _lock = FolderLock::acquire(target)?;
    remove_stale(target);
    let staging = target.join(format!(".canon-staging-{}-{:016x}", std::process::id(), random()));
    fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
    let done = (|| -> Result<()> {
        fill(&staging)?;
        let names = sync_files(&staging)?;
        commit(target, &staging, &names)
    })();
    let _ = fs::remove_dir_all(&staging);
    done
}

/// Text made safe to print to a terminal: every control character but
/// line feed and tab is shown as a visible stand-in instead of being sent
/// (C0 as its Control Pictures sign, `␛` for ESC, `␡` for DEL, C1 as
/// `<U+009B>`), so a title holding an escape sequence cannot move the
/// cursor, recolour or rewrite what the user sees. The two sequences canon
/// itself prints to mark search hits in bold (`ESC[1m`, `ESC[0m`) pass.
/// canon refuses control characters at every door (`crate::limits`); this
/// is the second line of defence, for databases from before that rule.
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    // Quoted titles in every script read as written (see `limits::readable`).
    let text = crate::limits::readable(text);
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest: &str = &text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' && (rest.starts_with("\u{1b}[1m") || rest.starts_with("\u{1b}[0m")) {
            out.push_str(&rest[..4]);
            rest = &rest[4..];
            continue;
        }
        match c as u32 {
            0x0a | 0x09 => out.push(c),
            n @ 0x00..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('?')),
            0x7f => out.push('\u{2421}'),
            n @ 0x80..=0x9f => out.push_str(&format!("<U+{n:04X}>")),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

// ---------------------------------------------------------------------------
// The lock and the marker of a folder being replaced

/// An exclusive lock on a folder while [`write_folder`] replaces its
/// files: `flock` on the folder itself (no lock file: nothing to plant a
/// link at, nothing left behind by a kill; the kernel drops the lock when
/// the process ends). A second write waits for the first; a lock taken on
/// a folder that was replaced meanwhile is dropped and taken again.
struct FolderLock {
    #[cfg(unix)]
    _dir: fs::File,
}

impl FolderLock {
    #[cfg(unix)]
    fn acquire(dir: &Path) -> Result<FolderLock> {
        use rustix::fs::{FlockOperation, flock};
        let mut told = false;
        for _ in 0..100 {
            let file = fs::File::open(dir).with_context(|| format!("opening the folder {}", dir.display()))?;
            let ours = file_identity(&file)?;
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => {}
                Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
                    if !told {
                        eprintln!("waiting for another canon writing {}", dir.display());
                        told = true;
                    }
                    flock(&file, FlockOperation::LockExclusive)
                        .with_context(|| format!("locking the folder {}", dir.display()))?;
                }
                Err(e)
                    if [rustix::io::Errno::NOLCK, rustix::io::Errno::OPNOTSUPP, rustix::io::Errno::INVAL]
                        .contains(&e) =>
                {
                    // Some network and FUSE file systems cannot lock: say so, and go on.
                    eprintln!(
                        "warning: {} cannot be locked ({e}); another canon writing it at this very moment could mix \
                         the two writes",
                        dir.display()
                    );
                    return Ok(FolderLock { _dir: file });
                }
                Err(e) => return Err(e).with_context(|| format!("locking the folder {}", dir.display())),
            }
            // The lock counts only if the name still means this folder.
            if fs::metadata(dir).ok().map(|m| meta_identity(&m)) == Some(ours) {
                return Ok(FolderLock { _dir: file });
            }
        }
        bail!("could not lock the folder {}: it keeps being replaced", dir.display())
    }

    #[cfg(not(unix))]
    fn acquire(_dir: &Path) -> Result<FolderLock> {
        Ok(FolderLock {})
    }
}

/// A file's size and content hash (FNV-1a, 64 bits): enough to tell one
/// write's version of a file from another's.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Version {
    size: u64,
    fnv64: String,
}

/// The version of the file at `path`, or `None` when there is none. A
/// link, FIFO, device or folder is never opened (a link to `/dev/zero`
/// would never end): it is a version no file has.
fn version(path: &Path) -> Result<Option<Version>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let other = || Ok(Some(Version { size: 0, fnv64: "not a regular file".into() }));
    if !meta.is_file() {
        return other();
    }
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32);
    }
    let f = o.open(path).with_context(|| format!("reading {}", path.display()))?;
    if !f.metadata()?.is_file() {
        return other();
    }
    let mut r = std::io::BufReader::with_capacity(1 << 16, f);
    let (mut h, mut size) = (0xcbf2_9ce4_8422_2325_u64, 0_u64);
    loop {
        let buf = std::io::BufRead::fill_buf(&mut r)?;
        if buf.is_empty() {
            break;
        }
        for &b in buf {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        size += buf.len() as u64;
        let n = buf.len();
        std::io::BufRead::consume(&mut r, n);
    }
    Ok(Some(Version { size, fnv64: format!("{h:016x}") }))
}

/// One file a folder write replaces: the version it had, and the new one.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Change {
    old: Option<Version>,
    new: Version,
}

/// What [`INCOMPLETE`] holds: which files the write replaces, with the
/// old and new version of each, so a reader can tell a folder that holds
/// one whole write (all old, or all new) from a mix.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Marker {
    note: String,
    /// Whether the folder held one whole write before this one began.
    before_whole: bool,
    files: std::collections::BTreeMap<String, Change>,
}

/// What a folder that [`write_folder`] writes holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderState {
    /// One whole write: no write was interrupted in it.
    Whole,
    /// One whole write, though a write was interrupted in it (before it
    /// replaced any file, or after it replaced all): safe to read.
    WholeAfterInterruption,
    /// A write was interrupted while it replaced the files: `new` are from
    /// the interrupted write, `old` from the one before, `other` from
    /// neither.
    Mixed { new: Vec<String>, old: Vec<String>, other: Vec<String> },
    /// A write was interrupted, and what it changed cannot be told (the
    /// marker is empty, from an older canon, or unreadable).
    Unknown,
}

/// Whether the folder `dir` holds one whole write (see [`FolderState`]),
/// from its [`INCOMPLETE`] marker and the files it names.
pub fn folder_state(dir: &Path) -> Result<FolderState> {
    let path = dir.join(INCOMPLETE);
    let meta = match fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FolderState::Whole),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if !meta.is_file() || meta.len() > 1 << 20 {
        return Ok(FolderState::Unknown);
    }
    let Ok(text) = fs::read_to_string(&path) else { return Ok(FolderState::Unknown) };
    let Ok(marker) = serde_json::from_str::<Marker>(&text) else { return Ok(FolderState::Unknown) };
    let (mut new, mut old, mut other) = (Vec::new(), Vec::new(), Vec::new());
    for (name, change) in &marker.files {
        if name.contains(['/', '\\']) || name == ".." || name == "." {
            return Ok(FolderState::Unknown);
        }
        if change.old.as_ref() == Some(&change.new) {
            // The same in both writes: either way it fits.
            continue;
        }
        let now = version(&dir.join(name))?;
        if now.as_ref() == Some(&change.new) {
            new.push(name.clone());
        } else if now == change.old {
            old.push(name.clone());
        } else {
            other.push(name.clone());
        }
    }
    Ok(if other.is_empty() && (old.is_empty() || (new.is_empty() && marker.before_whole)) {
        FolderState::WholeAfterInterruption
    } else {
        FolderState::Mixed { new, old, other }
    })
}

/// Moves the staged files `names` from `staging` over the files of the
/// same names in `target` (which the caller has locked): every name
/// checked first (no folder, never the database), then the [`INCOMPLETE`]
/// marker written and synced before anything changes, then the renames,
/// then the marker removed. A failure before the first rename leaves the
/// folder as it was, and removes the marker when the folder was whole
/// before; one during the renames leaves the marker, which names every
/// file's old and new version.
fn commit(target: &Path, staging: &Path, names: &[std::ffi::OsString]) -> Result<()> {
    for name in names {
        let old = target.join(name);
        if fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) {
            bail!("{} is a folder; canon would write a file there", old.display());
        }
        check(&old)?;
    }
    let marker_path = target.join(INCOMPLETE);
    // A database (or a link to one) named like the marker is never replaced.
    if let Err(e) = check(&marker_path) {
        match e.downcast_ref::<Refused>() {
            Some(r) => bail!(
                "refusing to write the folder {}: {} is not canon's marker, it is {}{}; move it away and write \
                 the folder again",
                target.display(),
                marker_path.display(),
                r.what,
                r.how
            ),
            None => return Err(e),
        }
    }
    let before_whole = matches!(folder_state(target)?, FolderState::Whole | FolderState::WholeAfterInterruption);
    let mut files = std::collections::BTreeMap::new();
    for name in names {
        let key = name.to_string_lossy().into_owned();
        let new = version(&staging.join(name))?.with_context(|| format!("{key} vanished from the staging folder"))?;
        files.insert(key, Change { old: version(&target.join(name))?, new });
    }
    let marker = Marker {
        note: format!(
            "canon (process {}) is replacing the files of this folder; if this file stays, that write was \
             interrupted: `canon import bundle` tells whether the folder still holds one whole export. \
             Write it again to be sure.",
            std::process::id()
        ),
        before_whole,
        files,
    };
    let tmp = target.join(format!("{INCOMPLETE}.tmp-{:016x}", random()));
    let ours = (|| -> Result<(u64, u64)> {
        let mut f = create_new(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        fault("marker")?;
        f.write_all(serde_json::to_string_pretty(&marker)?.as_bytes())?;
        f.sync_all()?;
        let id = file_identity(&f)?;
        fs::rename(&tmp, &marker_path).with_context(|| format!("creating {}", marker_path.display()))?;
        sync_dir(target);
        Ok(id)
    })();
    let ours = match ours {
        Ok(id) => id,
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let remove_marker = || {
        fault("unmark")?;
        if fs::symlink_metadata(&marker_path).ok().map(|m| meta_identity(&m)) == Some(ours) {
            fs::remove_file(&marker_path).with_context(|| format!("removing {}", marker_path.display()))?;
            sync_dir(target);
        }
        Ok::<(), anyhow::Error>(())
    };
    for (i, name) in names.iter().enumerate() {
        if let Err(e) = fault(&format!("rename-{i}")).and_then(|()| fs::rename(staging.join(name), target.join(name))) {
            let e = anyhow::Error::from(e).context(format!("moving {} into place", target.join(name).display()));
            if i == 0 {
                // Nothing changed: the folder is as it was.
                if before_whole {
                    let _ = remove_marker();
                }
                return Err(e);
            }
            return Err(e.context(format!(
                "the folder now mixes old and new files (marked by {}); write it again",
                marker_path.display()
            )));
        }
    }
    sync_dir(target);
    remove_marker()
}

/// Fault injection for the test suite (`tests/fault_injection.rs`), in
/// debug builds only: `CANON_FAULT=POINT` makes that step of a folder
/// write fail as a full disk would (`marker`, `rename-N` for the N-th
/// rename from 0, `unmark`), and `CANON_FAULT=exit-POINT` ends the process
/// there as a kill would (no clean-up runs). Release builds ignore it.
fn fault(point: &str) -> std::io::Result<()> {
    #[cfg(debug_assertions)]
    if let Ok(f) = std::env::var("CANON_FAULT") {
        if f == point {
            return Err(std::io::Error::other(format!("injected fault at {point} (CANON_FAULT)")));
        }
        if f.strip_prefix("exit-") == Some(point) {
            std::process::exit(137);
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = point;
    Ok(())
}

#[cfg(unix)]
fn meta_identity(m: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn meta_identity(m: &fs::Metadata) -> (u64, u64) {
    (m.len(), 0)
}

fn file_identity(f: &fs::File) -> Result<(u64, u64)> {
    Ok(meta_identity(&f.metadata()?))
}

/// What a killed write left inside a folder: staging folders of a canon
/// whose process is gone (Linux), and marker drafts (only a lock holder
/// makes those, and the caller holds the lock).
fn remove_stale(target: &Path) {
    let Ok(entries) = fs::read_dir(target) else { return };
    let proc = Path::new("/proc/self").exists();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!("{INCOMPLETE}.tmp-")) {
            let _ = fs::remove_file(e.path());
            continue;
        }
        let Some(rest) = name.strip_prefix(".canon-staging-") else { continue };
        let pid = rest.split('-').next().unwrap_or("");
        if proc && !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
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

    #[test]
    fn terminal_text_shows_control_characters_and_keeps_canons_bold() {
        assert!(matches!(terminal("plain\ttext\nnext"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(terminal("a\u{1b}[2Jb\u{0}c\u{7f}d\u{9b}e\r"), "a\u{241b}[2Jb\u{2400}c\u{2421}d<U+009B>e\u{240d}");
        assert_eq!(terminal("\u{1b}[1mhit\u{1b}[0m \u{1b}[31m"), "\u{1b}[1mhit\u{1b}[0m \u{241b}[31m");
    }

    #[test]
    fn files_are_created_new_never_through_a_link() {
        let d = tempfile::tempdir().unwrap();
        let victim = d.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&victim, d.path().join("link")).unwrap();
            assert!(create_new(&d.path().join("link")).is_err());
            std::os::unix::fs::symlink(d.path().join("nowhere"), d.path().join("dangling")).unwrap();
            assert!(create_new(&d.path().join("dangling")).is_err());
            assert!(!d.path().join("nowhere").exists());
        }
        assert!(create_new(&victim).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        // A name that appeared meanwhile is never replaced.
        let from = d.path().join("made");
        fs::write(&from, "new").unwrap();
        assert!(move_new(&from, &victim).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        move_new(&from, &d.path().join("fresh")).unwrap();
        assert!(!from.exists() && d.path().join("fresh").exists());
    }

    #[test]
    fn a_marker_tells_a_whole_folder_from_a_mix() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path();
        let v = |text: &str| {
            let p = dir.join(".probe");
            fs::write(&p, text).unwrap();
            let out = version(&p).unwrap().unwrap();
            fs::remove_file(p).unwrap();
            out
        };
        let write_marker = |before_whole: bool| {
            let files = [("a", "a1", "a2"), ("b", "b1", "b2"), ("same", "s", "s")]
                .iter()
                .map(|(n, o, w)| (n.to_string(), Change { old: Some(v(o)), new: v(w) }))
                .collect();
            let m = Marker { note: String::new(), before_whole, files };
            fs::write(dir.join(INCOMPLETE), serde_json::to_string(&m).unwrap()).unwrap();
        };
        let put = |a: &str, b: &str| {
            fs::write(dir.join("a"), a).unwrap();
            fs::write(dir.join("b"), b).unwrap();
            fs::write(dir.join("same"), "s").unwrap();
        };
        assert_eq!(folder_state(dir).unwrap(), FolderState::Whole);
        write_marker(true);
        put("a1", "b1");
        assert_eq!(folder_state(dir).unwrap(), FolderState::WholeAfterInterruption);
        put("a2", "b2");
        assert_eq!(folder_state(dir).unwrap(), FolderState::WholeAfterInterruption);
        put("a2", "b1");
        assert_eq!(
            folder_state(dir).unwrap(),
            FolderState::Mixed { new: vec!["a".into()], old: vec!["b".into()], other: vec![] }
        );
        put("a2", "edited");
        assert!(matches!(folder_state(dir).unwrap(), FolderState::Mixed { other, .. } if other == ["b"]));
        // All old, but the folder was a mix before this write began.
        write_marker(false);
        put("a1", "b1");
        assert!(matches!(folder_state(dir).unwrap(), FolderState::Mixed { .. }));
        put("a2", "b2");
        assert_eq!(folder_state(dir).unwrap(), FolderState::WholeAfterInterruption);
        // An empty or foreign marker: cannot be told.
        fs::write(dir.join(INCOMPLETE), "").unwrap();
        assert_eq!(folder_state(dir).unwrap(), FolderState::Unknown);
        fs::write(
            dir.join(INCOMPLETE),
            r#"{"note":"","before_whole":true,"files":{"../x":{"old":null,"new":{"size":0,"fnv64":"0"}}}}"#,
        )
        .unwrap();
        assert_eq!(folder_state(dir).unwrap(), FolderState::Unknown);
    }

    #[cfg(unix)]
    #[test]
    fn a_version_never_opens_a_link_or_fifo() {
        let d = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.path().join("zero")).unwrap();
        assert_eq!(version(&d.path().join("zero")).unwrap().unwrap().fnv64, "not a regular file");
        assert_eq!(version(&d.path().join("missing")).unwrap(), None);
    }

    #[test]
    fn too_long_paths_say_so() {
        let long = PathBuf::from(format!("/tmp/{}", "d".repeat(5000)));
        let e = format!("{:#}", too_long(&long).unwrap_err());
        assert!(e.contains("5,005 bytes long") && e.contains("…(5,005 characters)"), "{e}");
        let e = format!("{:#}", too_long(Path::new(&"n".repeat(300))).unwrap_err());
        assert!(e.contains("300 bytes long; this system takes names of at most 255"), "{e}");
        assert!(too_long(Path::new("/tmp/fine.csv")).is_ok());
    }
}
