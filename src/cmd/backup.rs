use std::path::PathBuf;

use anyhow::{Result, bail};

use super::Ctx;
use crate::store::{Mode, maintenance};

/// Copy the database to DEST with SQLite's online backup, safe while others write.
///
/// Example: canon backup backups/canon-2026-11-25.db
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the copy (refused if it exists, unless --force).
    pub dest: PathBuf,
    /// Replace DEST if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    // The database itself, its -wal/-shm/-journal, a link to them: refused
    // whatever --force says (the backup writes through `output`, which checks again).
    match crate::output::check(&a.dest) {
        Err(e) if a.dest.exists() && same_file(&a.dest, &store.path) => {
            bail!("refusing to back up {} onto itself ({e:#})", store.path.display())
        }
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    if a.dest.exists() && !a.force {
        bail!("{} already exists; choose another name or pass --force to replace it", a.dest.display());
    }
    maintenance::backup(&store.conn, &a.dest)?;
    ctx.note(format_args!("backed up {} to {}", store.path.display(), a.dest.display()));
    Ok(())
}

fn same_file(x: &std::path::Path, y: &std::path::Path) -> bool {
    matches!((x.canonicalize(), y.canonicalize()), (Ok(p), Ok(q)) if p == q)
}
