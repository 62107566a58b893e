//! The command line, as clap derive. Each doc comment is the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Audit a curriculum against decolonising themes and keep a shared reading list.
///
/// Everything lives in one SQLite file: --db PATH, else $CANON_DB, else ./canon.db.
///
/// Start with: canon audit samples/modules.csv samples/reading.csv --out report.pdf
#[derive(Debug, Parser)]
#[command(name = "canon", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// The database file (created by `init`, `import` and `audit` if missing).
    #[arg(long, global = true, env = "CANON_DB", default_value = "canon.db", value_name = "PATH")]
    pub db: PathBuf,

    /// Print no summaries or notes on stderr. Errors, and warnings about the
    /// data (a value not stored, a name read as a guess), are still printed:
    /// they are never silenced.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (if needed) and seed the three themes. Safe to re-run.
    Init(crate::cmd::init::Args),
    /// Import a module list or a reading list (one transaction; nothing written on error).
    #[command(subcommand)]
    Import(crate::cmd::import::Import),
    /// List, show, add, edit and remove modules.
    #[command(subcommand)]
    Module(crate::cmd::module::ModuleCmd),
    /// List, show, add, edit and remove items (sessions, outcomes, assessments, placements).
    #[command(subcommand)]
    Item(crate::cmd::item::ItemCmd),
    /// List, show, add, edit and remove readings.
    #[command(subcommand)]
    Reading(crate::cmd::reading::ReadingCmd),
    /// List, show, add, edit and remove themes and their keyword lexicons.
    #[command(subcommand)]
    Theme(crate::cmd::theme::ThemeCmd),
    /// Tag an item or a reading with one or more themes.
    Tag(crate::cmd::tag::TagArgs),
    /// Remove themes from an item or a reading (the history keeps the tag).
    Untag(crate::cmd::tag::UntagArgs),
    /// Recommend a reading for an item or a whole module; `link list|show|edit|remove` manage links.
    ///
    /// Example: canon link 10.1056/NEJMms2004740 MED2003 --by amina; canon link list --module MED2003
    Link(crate::cmd::link::Args),
    /// Remove a link: the reading is no longer recommended there (`canon undo` brings it back).
    ///
    /// Example: canon unlink 10.1056/NEJMms2004740 MED2003 --by amina
    Unlink(crate::cmd::link::UnlinkArgs),
    /// What the curriculum leaves out: uncovered themes, module gaps, untagged modules, thin reading.
    Gaps(crate::cmd::gaps::Args),
    /// Suggest theme tags from the theme lexicons, with the matched words as evidence.
    ///
    /// Nothing is written unless --apply is given.
    /// Example: canon suggest --theme epistemic-bias; canon suggest --apply --by "curriculum group"
    Suggest(crate::cmd::suggest::Args),
    /// Full-text search over sessions and readings, with the matching words highlighted.
    ///
    /// Example: canon search '"pulse oximetry"'; canon search 'theme:epistemic-bias year:2 bias*'
    Search(crate::cmd::search::Args),
    /// Freeze the coverage and gaps of an audit round under a name, to compare later rounds with;
    /// `snapshot list|show|edit|remove` manage the rounds.
    ///
    /// Example: canon snapshot 2025 --by "curriculum group"; canon snapshot list
    Snapshot(crate::cmd::snapshot::Args),
    /// What changed since an audit round: gaps closed and opened, coverage per theme and module.
    ///
    /// Example: canon compare 2025 (against now), canon compare 2025 2026
    Compare(crate::cmd::compare::Args),
    /// The module × theme matrix: how many sessions of each module carry each theme.
    ///
    /// A theme's column is headed by its slug in a table, by its name and slug in
    /// CSV ("Historical awareness [historical-awareness]": the slug, which a script
    /// keys on, is the text in the header's last square brackets), and JSON gives
    /// each row `themes` (counts keyed by slug) and `theme_names` (slug to name).
    /// With --evidence each row has `theme` (the slug) and `theme_name`.
    Coverage(crate::cmd::coverage::Args),
    /// Write the committee report: OUT.pdf, or OUT.csv (flat tables for a spreadsheet).
    Report(crate::cmd::report::Args),
    /// The whole job in one go: import both lists, find the gaps, write the report.
    Audit(crate::cmd::audit::Args),
    /// Check the database: integrity, references, full-text indexes, schema version.
    Check(crate::cmd::check::Args),
    /// Copy the database with SQLite's online backup, safe while others write.
    Backup(crate::cmd::backup::Args),
    /// Add, list, show, edit and remove contributors: names or pseudonyms, roles, affiliations.
    #[command(subcommand)]
    Contributor(crate::cmd::contributor::ContributorCmd),
    /// Approve or reject a suggested reading, as a named reviewer.
    ///
    /// Example: canon review 10.1056/NEJMms2004740 --approve --by amina --note "core reading"
    Review(crate::cmd::review::Args),
    /// The history of changes: who, when, what, before and after.
    ///
    /// Example: canon log --by amina --since 2026-01-01
    Log(crate::cmd::log::Args),
    /// Export the database as a bundle for git, or the reading list for a spreadsheet.
    #[command(subcommand)]
    Export(crate::cmd::export::ExportCmd),
    /// Bring in another contributor's database or bundle: new records added, one-sided
    /// changes taken, changes made on both sides listed as conflicts.
    ///
    /// Example: canon merge ../amina/canon.db --dry-run --by maintainer
    Merge(crate::cmd::merge::Args),
    /// List merge conflicts, or settle one: --take ours or --take theirs.
    ///
    /// Example: canon resolve 3 --take theirs --by maintainer
    Resolve(crate::cmd::resolve::Args),
    /// Record facets about an author of a reading, as they gave them: self-identified or
    /// published, with the source; list, edit and remove them.
    ///
    /// Example: canon facet add 10.1056/NEJMms2004740 --author 1 --facet gender --value woman
    /// --basis self-identified --source https://example.org/profile --by amina
    #[command(subcommand)]
    Facet(crate::cmd::facet::FacetCmd),
    /// Revert one change from `canon log` (an edit, an add, a removal with all it took), when
    /// nothing later still in effect touched the same record.
    ///
    /// Example: canon undo 812 --by amina
    Undo(crate::cmd::undo::Args),
    /// Open the database as a web workspace for a group: heat-map, tagging with
    /// suggestions, review queue, import preview, gaps, search, history, report.
    ///
    /// Listens on 127.0.0.1 only, unless --host names another address, which needs --token.
    /// Example: canon serve; canon serve --host 0.0.0.0 --port 8080 --token "$(openssl rand -hex 16)"
    Serve(crate::cmd::serve::Args),
}

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Table,
    /// Every matching record as CSV (formula-safe for spreadsheets).
    Csv,
    /// Every matching record as a JSON array of objects.
    Json,
}

/// The output options every listing takes.
#[derive(Debug, Clone, Args)]
pub struct Output {
    /// Output format [default: from the extension of --output (.csv, .json), else table].
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// At most this many rows in a table on a terminal (0: all). CSV and JSON always carry all.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
}

impl Output {
    /// The format to write: `--format` when given, else the one the
    /// `--output` file's extension names (`.csv`, `.json`, any case), else a
    /// table. A file named `list.csv` never receives a Markdown table by
    /// default.
    pub fn format(&self) -> Format {
        self.format.unwrap_or_else(|| {
            let ext = self.output.as_deref().and_then(|p| p.extension()).and_then(|e| e.to_str());
            match ext.map(str::to_ascii_lowercase).as_deref() {
                Some("csv") => Format::Csv,
                Some("json") => Format::Json,
                _ => Format::Table,
            }
        })
    }
}

/// Who is making a change.
#[derive(Debug, Clone, Args)]
pub struct By {
    /// Who makes this change: a name or pseudonym, credited as given.
    #[arg(long, env = "CANON_USER", value_name = "NAME")]
    pub by: Option<String>,
}
