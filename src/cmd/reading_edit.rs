//! `reading edit` and `reading remove`: correcting and removing an entry of
//! the reading list (the other reading verbs are in `reading.rs`).

use anyhow::{Context, Result, bail};

use super::Ctx;
use super::editing::{self, clearable, yes_no};
use crate::cli::By;
use crate::store::edit::reading::{self, ReadingPatch};
use crate::store::{Mode, Store, readings};

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The reading's ID or DOI.
    pub reading: String,
    #[arg(long)]
    pub title: Option<String>,
    /// An author, as published (repeat for several, in order); replaces the stored list.
    /// `--author ""` clears it.
    #[arg(long = "author", value_name = "NAME")]
    pub authors: Vec<String>,
    /// The year ("" clears it).
    #[arg(long)]
    pub year: Option<String>,
    /// article, book, chapter, report, web, podcast, video, thread, thesis, conference-paper, other.
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// The journal, publisher or series ("" clears it).
    #[arg(long)]
    pub container: Option<String>,
    /// The DOI, in any form (https://doi.org/…, doi:…); "" clears it.
    #[arg(long)]
    pub doi: Option<String>,
    /// The PubMed ID (PMID), digits only ("" clears it).
    #[arg(long)]
    pub pmid: Option<String>,
    /// ISBN-10 or ISBN-13 ("" clears it).
    #[arg(long)]
    pub isbn: Option<String>,
    /// The book's other ISBNs, the whole set, separated by ";" ("" clears
    /// them): other bindings' or formats' ISBNs, kept to find the book by.
    #[arg(long, value_name = "ISBNS")]
    pub other_isbns: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// The annotation: why read it ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    /// peer-reviewed, grey-literature, book, lived-experience, social-media, media, other ("" clears it).
    #[arg(long)]
    pub source_kind: Option<String>,
    /// The creator credit, as they ask to be credited.
    #[arg(long)]
    pub credit: Option<String>,
    /// The licence or ownership statement.
    #[arg(long)]
    pub licence: Option<String>,
    /// The language of the listed edition: an ISO 639 code (fr, sw, yor), a tag (pt-BR) or an
    /// English name (French); several separated by ";" ("" clears it).
    #[arg(long)]
    pub language: Option<String>,
    /// For a translation: the language the work was first written in (sets --translated yes).
    #[arg(long, value_name = "LANGUAGE")]
    pub original_language: Option<String>,
    /// Whether the listed edition is a translation: yes or no ("" clears it).
    #[arg(long)]
    pub translated: Option<String>,
    /// Global South content: yes or no ("" clears it).
    #[arg(long)]
    pub global_south: Option<String>,
    /// Open access: yes or no ("" clears it).
    #[arg(long)]
    pub open_access: Option<String>,
    /// Whose experience the work tells, and who tells it (free text; "" clears it).
    #[arg(long)]
    pub perspective: Option<String>,
    /// The reference's other fields ("" clears one).
    #[command(flatten)]
    pub bib: super::reading::BibArgs,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The reading's ID or DOI.
    pub reading: String,
    /// Remove its links to sessions and modules too.
    #[arg(long)]
    pub force: bool,
    /// Say what would be removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

fn find(store: &Store, reference: &str) -> Result<i64> {
    readings::find_id(&store.conn, reference)?
        .with_context(|| format!("no reading {reference:?}; give its ID or DOI (see `canon reading list`)"))
}

pub fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.reading)?;
    let authors = match a.authors.as_slice() {
        [] => None,
        [one] if one.trim().is_empty() => Some(Vec::new()),
        many => Some(many.to_vec()),
    };
    // A publication year, read as the importers read one: "c. 800" is 800, approximate.
    let year = match clearable(&a.year) {
        None => None,
        Some(None) => Some(None),
        Some(Some(s)) => Some(Some(crate::import::dates::typed_year(&s).map_err(|e| anyhow::anyhow!("--year {e}"))?)),
    };
    if let Some(w) = clearable(&a.year).flatten().and_then(|y| crate::import::dates::typed_year_warning("--year", &y)) {
        eprintln!("warning: {w}");
    }
    let p = ReadingPatch {
        // Read as the listings write it (`{eGFR}` is case protection), so a
        // title copied from them is the stored one.
        title: a.title.as_deref().map(crate::import::title_text::from_sheet),
        authors,
        year: year.as_ref().map(|y| y.as_ref().and_then(|t| t.year)),
        year_approximate: year.as_ref().and_then(Option::as_ref).is_some_and(|t| t.approximate),
        date: year.clone().flatten(),
        kind: a.kind.clone(),
        container: clearable(&a.container),
        doi: clearable(&a.doi),
        pmid: clearable(&a.pmid),
        isbn: clearable(&a.isbn),
        other_isbns: a.other_isbns.as_ref().map(|s| s.split([';', ',']).map(str::to_string).collect()),
        url: match clearable(&a.url) {
            Some(Some(u)) => Some(super::reading::typed_url(Some(&u))?),
            other => other,
        },
        annotation: clearable(&a.note),
        source_kind: clearable(&a.source_kind),
        credit: clearable(&a.credit),
        licence: clearable(&a.licence),
        language: clearable(&a.language),
        translated: yes_no(&a.translated, "--translated")?,
        global_south: yes_no(&a.global_south, "--global-south")?,
        open_access: yes_no(&a.open_access, "--open-access")?,
        perspective: clearable(&a.perspective),
        original_language: clearable(&a.original_language),
        editors: match a.bib.editors.as_slice() {
            [] => None,
            [one] if one.trim().is_empty() => Some(Vec::new()),
            many => Some(many.to_vec()),
        },
        translators: match a.bib.translators.as_slice() {
            [] => None,
            [one] if one.trim().is_empty() => Some(Vec::new()),
            many => Some(many.to_vec()),
        },
        bib: reading::BIB_TEXT.iter().filter_map(|(col, _)| clearable(a.bib.text(col)).map(|v| (*col, v))).collect(),
        month: clearable(&a.bib.month),
        day: clearable(&a.bib.day),
        month_end: clearable(&a.bib.month_end),
        season: clearable(&a.bib.season),
        day_end: clearable(&a.bib.day_end),
        season_end: clearable(&a.bib.season_end),
        year_end: clearable(&a.bib.year_end),
    };
    let nothing = p.title.is_none()
        && p.authors.is_none()
        && p.year.is_none()
        && p.kind.is_none()
        && [
            &p.container,
            &p.doi,
            &p.pmid,
            &p.isbn,
            &p.url,
            &p.annotation,
            &p.source_kind,
            &p.credit,
            &p.licence,
            &p.language,
            &p.perspective,
            &p.original_language,
        ]
        .iter()
        .all(|f| f.is_none())
        && [p.translated, p.global_south, p.open_access].iter().all(Option::is_none)
        && p.editors.is_none()
        && p.translators.is_none()
        && p.other_isbns.is_none()
        && p.bib.is_empty()
        && [&p.month, &p.day, &p.month_end, &p.season, &p.day_end, &p.season_end, &p.year_end]
            .iter()
            .all(|f| f.is_none());
    if nothing {
        bail!(
            "nothing to change; give a field to set, e.g. --title, --author, --year, --volume, --pages, --doi, --note \
             (see --help)"
        );
    }
    let typed: Vec<_> = a.authors.iter().filter_map(|s| crate::import::names::parse_typed(s)).collect();
    for w in a.bib.warnings().into_iter().chain(reading::typed_name_warnings("author", &typed, &a.authors)) {
        eprintln!("warning: {w}");
    }
    let kept = reading::kept_date_parts_warning(&store.conn, id, &p)?;
    let cleared = reading::cleared_date_parts_note(&store.conn, id, &p)?;
    let e = editing::write(&mut store, &a.by, |tx, _, by| reading::edit(tx, by, id, &p))?;
    if let Some(w) = kept.filter(|_| !e.is_unchanged()) {
        eprintln!("warning: {w}");
    }
    if let Some(n) = cleared.filter(|_| !e.is_unchanged()) {
        eprintln!("note: {n}");
    }
    // A year (or its month or day) set: the Hijri doubt an import says.
    let dated = [&p.month, &p.day].iter().any(|f| f.as_ref().is_some_and(Option::is_some));
    if !e.is_unchanged()
        && (p.year.as_ref().is_some_and(Option::is_some) || dated)
        && let Some(w) = super::reading::hijri_warning(&store.conn, id, clearable(&a.year).flatten().as_deref())?
    {
        eprintln!("warning: {w}");
    }
    editing::edited(ctx, &e)?;
    if let Some(n) = reading::ended_ahead_of_print(&e) {
        ctx.note(format_args!("note: {n}"));
    }
    Ok(())
}

pub fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let id = find(&store, &a.reading)?;
    if a.dry_run {
        editing::removed(ctx, &reading::removal(&store.conn, id)?)?;
        return Ok(());
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| reading::remove(tx, by, id, a.force))?;
    editing::removed(ctx, &r)?;
    Ok(())
}
