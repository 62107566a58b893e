//! One file per subcommand: its arguments beside its `run`. Commands glue
//! the store, the importers, the analysis and the renderers; they hold no
//! SQL and no layout.

pub mod audit;
pub mod backup;
pub mod check;
pub mod compare;
pub mod contributor;
pub mod coverage;
pub mod editing;
pub mod export;
pub mod facet;
pub mod gaps;
pub mod import;
pub mod init;
pub mod item;
pub mod link;
pub mod log;
pub mod merge;
pub mod module;
pub mod reading;
pub mod reading_edit;
pub mod reading_facet;
pub mod report;
pub mod resolve;
pub mod review;
pub mod search;
pub mod serve;
pub mod snapshot;
pub mod suggest;
pub mod tag;
pub mod theme;
pub mod undo;

use std::path::PathBuf;

use anyhow::Result;
use rusqlite::Transaction;

use crate::cli::{Cli, Command};
use crate::store::{self, IdGen, Mode, Store};

/// What every command gets.
pub struct Ctx {
    pub db: PathBuf,
    pub quiet: bool,
}

impl Ctx {
    pub fn open(&self, mode: Mode) -> Result<Store> {
        store::open(&self.db, mode)
    }

    /// The database for a command that may be a dry run: with `dry_run`,
    /// [`store::open_dry`] (nothing is written: no new file, no migration);
    /// otherwise [`Ctx::open`]. Every `--dry-run` opens through here.
    pub fn open_for(&self, mode: Mode, dry_run: bool) -> Result<Store> {
        if dry_run { store::open_dry(&self.db, mode) } else { self.open(mode) }
    }

    /// A note for the user on stderr, unless --quiet.
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{}", crate::output::terminal(&msg.to_string()));
        }
    }
}

/// The contributor ID for `--by`, added on first use.
pub fn by_id(tx: &Transaction, ids: &mut IdGen, by: &Option<String>) -> Result<Option<i64>> {
    by.as_deref().map(|name| store::history::contributor(tx, ids, name)).transpose()
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx { db: cli.db, quiet: cli.quiet };
    match cli.command {
        Command::Init(a) => init::run(&ctx, a),
        Command::Suggest(a) => suggest::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Snapshot(a) => snapshot::run(&ctx, a),
        Command::Compare(a) => compare::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Module(a) => module::run(&ctx, a),
        Command::Item(a) => item::run(&ctx, a),
        Command::Reading(a) => reading::run(&ctx, a),
        Command::Theme(a) => theme::run(&ctx, a),
        Command::Tag(a) => tag::run_tag(&ctx, a),
        Command::Untag(a) => tag::run_untag(&ctx, a),
        Command::Link(a) => link::run(&ctx, a),
        Command::Unlink(a) => link::unlink(&ctx, a),
        Command::Gaps(a) => gaps::run(&ctx, a),
        Command::Coverage(a) => coverage::run(&ctx, a),
        Command::Report(a) => report::run(&ctx, a),
        Command::Audit(a) => audit::run(&ctx, a),
        Command::Contributor(a) => contributor::run(&ctx, a),
        Command::Review(a) => review::run(&ctx, a),
        Command::Log(a) => log::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Merge(a) => merge::run(&ctx, a),
        Command::Resolve(a) => resolve::run(&ctx, a),
        Command::Undo(a) => undo::run(&ctx, a),
        Command::Facet(a) => facet::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Backup(a) => backup::run(&ctx, a),
        Command::Serve(a) => serve::run(&ctx, a),
    }
}
