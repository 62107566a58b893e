use std::path::PathBuf;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::{Format, Output};
use crate::report::{Listing, emit, yes_no};
use crate::store::readings::{self, ReadingFilter};
use crate::store::{Mode, SCHEMA_VERSION, Store, bundle, untrusted};

#[derive(Debug, clap::Subcommand)]
pub enum ExportCmd {
    /// The whole database as a folder of sorted text files, one per table, for git.
    ///
    /// One JSON record per line, keys and records in a fixed order: two exports of the
    /// same data are byte-identical, and a one-record change is a one-line diff.
    /// `canon import bundle DIR` rebuilds the database; `canon merge DIR` merges it.
    ///
    /// Example: canon export bundle reading-list/
    Bundle(BundleArgs),
    /// The reading list with stable IDs, to edit in a spreadsheet and re-import.
    ///
    /// Every column the reading import reads is exported (editors, the
    /// journal abbreviation and the season too). `canon import reading
    /// FILE` recognises the `id` column (IDs are written R915…, which spreadsheets
    /// keep as text) and updates the same records: a cell you
    /// empty clears that field, the themes cell is the whole set of themes (a
    /// theme deleted there is untagged), a changed status is a review by --by
    /// under the review rules, and a column you delete leaves that field as it
    /// is. Every change is in the history (`canon undo`). The `changed` column
    /// holds each entry's latest change number: a field someone changed after
    /// the export is not reverted by the old file (it is kept, with a warning).
    ///
    /// Example: canon export reading --format csv --bom -o reading.csv
    Reading(ReadingArgs),
}

#[derive(Debug, clap::Args)]
pub struct BundleArgs {
    /// The folder to write (created if missing; its table files are replaced).
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ReadingArgs {
    /// Only readings with this review status.
    #[arg(long, value_parser = ["suggested", "approved", "rejected"])]
    pub status: Option<String>,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel reads its accents
    /// and scripts right (the import reads it either way).
    #[arg(long)]
    pub bom: bool,
    #[command(flatten)]
    pub out: Output,
}

pub fn run(ctx: &Ctx, cmd: ExportCmd) -> Result<()> {
    match cmd {
        ExportCmd::Bundle(a) => export_bundle(ctx, a),
        ExportCmd::Reading(a) => export_reading(ctx, a),
    }
}

fn export_bundle(ctx: &Ctx, a: BundleArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    // One read transaction: the files are a consistent picture even while others write.
    let tx = store.conn.unchecked_transaction()?;
    let snap = bundle::snapshot(&tx)?;
    drop(tx);
    bundle::write(&a.dir, &snap, SCHEMA_VERSION)?;
    let n: usize = snap.tables.values().map(Vec::len).sum();
    ctx.note(format_args!("wrote {n} records in {} tables to {}", snap.tables.len(), a.dir.display()));
    Ok(())
}

/// The canonical reading-list columns, with the stable ID first and the
/// entry's latest change number (what a re-import checks for later edits).
const READING_COLUMNS: &[&str] = &[
    "id",
    "changed",
    "title",
    "authors",
    "year",
    "type",
    "doi",
    "url",
    "themes",
    "notes",
    "isbn",
    "container",
    "source_kind",
    "status",
    "language",
    "volume",
    "issue",
    "pages",
    "publisher",
    "place",
    "edition",
    "editors",
    "container_short",
    "season",
    "month",
    "day",
    "original_language",
    "translated",
    "global_south",
    "open_access",
    "perspective",
    // Issue 12l, last so that files and scripts that read columns by position keep working.
    "pmid",
    // Issue 12o: the last month of a range ("2019 Apr-May": month 4, month_end 5), after pmid for the same reason.
    "month_end",
    "series",
    // Issue 12w: what kind of piece it is ("Letter", "Editorial"), last for the same reason.
    "genre",
    // Branch 12d: the ends of a range of days and of seasons, last for the same reason.
    "day_end",
    "season_end",
    // Branch 12e: the number of pages of a whole work, last for the same reason.
    "page_count",
    // The creator credit and licence, and a number in the series beside a report's number.
    "credit",
    "licence",
    "series_number",
    // What `canon report`'s readings table writes apart too (the import reads both): the year's
    // note, which the year column holds as well, and a report's number, which the issue holds.
    "year_note",
    "report_number",
    // Schema 0026: the date the work was consulted (CSL `accessed`), last for the same reason.
    "accessed",
    // Schema 0028: the year a reprint or translation first appeared, last for the same reason.
    "original_year",
    // Schema 0029: the translators, as `editors` is written, last for the same reason.
    "translators",
    // Schema 0030: the title in the work's own language, last for the same reason.
    "original_title",
    // Schema 0032: the own title of a volume of a multi-volume work, last for the same reason.
    "volume_title",
    // Schema 0033: the number of volumes of a multi-volume work, last for the same reason.
    "number_of_volumes",
    // Schema 0034: "yes" where canon inferred the type (no list stated it), so that a copy
    // importing the sheet reads the guess as one (tester r76 F3), last for the same reason.
    "type_inferred",
    // Schema 0036: the last year of a range of months across a year end ("2021 Dec-2022 Jan":
    // month 12, month_end 1, year_end 2022), last for the same reason.
    "year_end",
    // Schema 0037: the book's other valid ISBNs ("; " between them), kept to find it by, so that an
    // export read into a new database finds the book by each (tester: they were not written), last
    // for the same reason.
    "other_isbns",
    // Schema 0039: the archive that holds an archival document and its place there (a shelfmark),
    // last for the same reason.
    "archive",
    "archive_location",
    // Schema 0040: the conference a paper was given at, where and when, last for the same reason.
    "event",
    "event_place",
    "event_date",
    // Schema 0041: the PubMed Central ID and the arXiv ID, last for the same reason.
    "pmcid",
    "eprint",
];

fn export_reading(ctx: &Ctx, a: ReadingArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    // Titles in their sheet text (`{eGFR}`, `\textit{…}`), which the reading
    // import reads back as stored (tester r73 F22), in CSV and JSON alike.
    let mut rs: Vec<readings::Reading> =
        readings::list(&store.conn, &ReadingFilter { status: a.status.as_deref(), ..Default::default() })?
            .iter()
            .map(readings::Reading::for_output)
            .collect();
    rs.sort_by_key(|r| r.id);
    let latest = readings::latest_changes(&store.conn)?;
    let mut l = Listing::new(READING_COLUMNS);
    l.numeric = vec![1, 4];
    for r in &rs {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        l.rows.push(vec![
            // "R915…": a spreadsheet keeps it as text (a number would lose its last digits).
            crate::import::reading_id_text(r.id),
            latest.get(&r.id).copied().unwrap_or(0).to_string(),
            r.title.clone(),
            // A list the source cut short ends "; et al.", which reads back as the flag.
            crate::report::reading_authors(r),
            // A work not yet published has its note ("in press") where the year goes; it reads back as such.
            // An approximate year is written "ca. 1998", a copyright year
            // "c1998" (as MEDLINE writes one): each reads back as itself.
            crate::report::reading_year(r),
            r.kind.clone(),
            o(&r.doi),
            o(&r.url),
            r.themes.join("; "),
            o(&r.annotation),
            o(&r.isbn),
            o(&r.container),
            o(&r.source_kind),
            r.status.clone(),
            o(&r.language),
            o(&r.volume),
            o(&r.issue),
            o(&r.pages),
            o(&r.publisher),
            o(&r.place),
            o(&r.edition),
            crate::report::reading_editors(r),
            o(&r.container_short),
            o(&r.season),
            r.month.map(|m| m.to_string()).unwrap_or_default(),
            r.day.map(|d| d.to_string()).unwrap_or_default(),
            o(&r.original_language),
            yes_no(r.translated),
            yes_no(r.global_south),
            yes_no(r.open_access),
            o(&r.perspective),
            o(&r.pmid),
            r.month_end.map(|m| m.to_string()).unwrap_or_default(),
            o(&r.series),
            o(&r.genre),
            r.day_end.map(|d| d.to_string()).unwrap_or_default(),
            o(&r.season_end),
            o(&r.page_count),
            o(&r.credit),
            o(&r.licence),
            o(&r.series_number),
            o(&r.year_note),
            if crate::report::cite::issue_label(r) == "report number" { o(&r.issue) } else { String::new() },
            o(&r.accessed),
            o(&r.original_year),
            crate::import::names::cell_text(&r.translator_names),
            o(&r.original_title),
            o(&r.volume_title),
            o(&r.number_of_volumes),
            if r.type_inferred { "yes".to_string() } else { String::new() },
            r.year_end.map(|y| y.to_string()).unwrap_or_default(),
            r.other_isbns.join("; "),
            o(&r.archive),
            o(&r.archive_location),
            o(&r.event),
            o(&r.event_place),
            o(&r.event_date),
            o(&r.pmcid),
            o(&r.eprint),
        ]);
    }
    if !a.bom {
        return emit(&a.out, &l, &rs, "no readings to export", ctx.quiet);
    }
    if a.out.format() != Format::Csv {
        bail!("--bom applies to --format csv");
    }
    let mut buf = b"\xEF\xBB\xBF".to_vec();
    crate::report::csv::write(&mut buf, &l.headers, &l.rows)?;
    match &a.out.output {
        Some(path) => crate::report::write_file(path, &buf),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(&buf)?;
            out.flush()?;
            Ok(())
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImportBundleArgs {
    /// The bundle folder (made by `canon export bundle`).
    pub dir: PathBuf,
}

/// Rebuilds a database from a bundle: into a new or empty database only
/// (use `canon merge DIR` to bring a bundle into one with data). The bundle
/// is read and validated as untrusted input before the database is opened,
/// and a database this command created is removed again if it fails.
pub fn import_bundle(ctx: &Ctx, a: &ImportBundleArgs) -> Result<()> {
    let snap = untrusted::bundle(&a.dir, SCHEMA_VERSION)?;
    // A database this creates is removed again if the bundle cannot go in.
    super::import::in_store(ctx, false, |store| restore_into(ctx, store, a, &snap))
}

fn restore_into(ctx: &Ctx, store: &mut Store, a: &ImportBundleArgs, snap: &bundle::Snapshot) -> Result<()> {
    if !bundle::is_empty(&store.conn)? {
        if &bundle::snapshot(&store.conn)? == snap {
            ctx.note(format_args!("{} already holds {}; nothing changed", store.path.display(), a.dir.display()));
            return Ok(());
        }
        bail!(
            "{} already holds other data; import a bundle into a new database (--db new.db), \
             or bring it in with `canon merge {}`",
            store.path.display(),
            a.dir.display()
        );
    }
    let tx = store.write()?;
    bundle::restore(&tx, snap)?;
    tx.commit()?;
    let n: usize = snap.tables.values().map(Vec::len).sum();
    ctx.note(format_args!("{}: imported {n} records into {}", a.dir.display(), store.path.display()));
    Ok(())
}
