use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::cli::{By, Format, Output};
use crate::import::facets::{ContentFacet, WorkFacets};
use crate::import::{ReadingRecord, normalise_doi, reading_type, reading_type_names};
use crate::report::{Listing, emit, year};
use crate::store::edit::reading as edit_reading;
use crate::store::readings::{self, ReadingFilter, ReadingWriter};
use crate::store::themes::ThemeIndex;
use crate::store::{Mode, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum ReadingCmd {
    /// List readings.
    ///
    /// CSV and JSON give the themes' slugs (`themes`) and, beside them, their
    /// names (`theme_names`), in the same order.
    ///
    /// Example: canon reading list --theme historical-awareness
    List(ListArgs),
    /// Show one reading in full, with its tags, links and history.
    ///
    /// Example: canon reading show 10.1056/NEJMms2004740
    Show(ShowArgs),
    /// Add a reading (as `suggested` until reviewed, unless --status approved).
    ///
    /// Example: canon reading add --title "Decolonising the Mind" --author "Ngũgĩ wa Thiong'o" --year 1986 --type book --theme historical-awareness --by amina
    Add(Box<AddArgs>),
    /// Correct any field of a reading (an empty value clears an optional field).
    ///
    /// Example: canon reading edit 10.1056/NEJMms2004740 --year 2020 --note "race correction in eGFR" --by amina
    Edit(Box<super::reading_edit::EditArgs>),
    /// Remove a reading with its authors, tags, reviews and facets. One linked to sessions or
    /// modules needs --force; `canon undo` brings all of it back.
    ///
    /// Example: canon reading remove 10.1056/NEJMms2004740 --by amina
    Remove(super::reading_edit::RemoveArgs),
    /// Set a content facet (language, Global South, open access, …) on many readings at once.
    ///
    /// Example: canon reading facet set global-south yes --where theme=historical-awareness --by amina
    #[command(subcommand)]
    Facet(super::reading_facet::FacetCmd),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only readings tagged with this theme.
    #[arg(long)]
    pub theme: Option<String>,
    /// Only readings with this review status.
    #[arg(long, value_parser = ["suggested", "approved", "rejected"])]
    pub status: Option<String>,
    /// Only readings with no theme.
    #[arg(long, conflicts_with = "theme")]
    pub untagged: bool,
    /// Only readings linked to a session or module of this programme.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The reading's ID or DOI.
    pub reading: String,
    /// Output format (table prints a readable card).
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    #[arg(long)]
    pub title: String,
    /// An author, as published (repeat for several, in order).
    #[arg(long = "author", value_name = "NAME")]
    pub authors: Vec<String>,
    /// The publication year: "2019", "950", or approximate ("c. 950",
    /// "circa 1850"), read as `reading edit --year` and the importers read one.
    #[arg(long)]
    pub year: Option<String>,
    /// article, book, chapter, report, web, podcast, video, thread, thesis,
    /// conference-paper, other. Without it: an article, stored as canon's
    /// guess, which a list stating the type later replaces.
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// The journal, publisher or series.
    #[arg(long)]
    pub container: Option<String>,
    /// The DOI, in any form (https://doi.org/…, doi:…).
    #[arg(long)]
    pub doi: Option<String>,
    /// The PubMed ID (PMID), digits only ("PMID: 31234567" is read as 31234567).
    #[arg(long)]
    pub pmid: Option<String>,
    /// ISBN-10 or ISBN-13 (checked by its check digit). Repeat it, or give
    /// "ISBN; ISBN" as a catalogue lists a book's bindings: the first is
    /// the one printed, the others are kept as the book's other ISBNs.
    #[arg(long, value_name = "ISBN")]
    pub isbn: Vec<String>,
    #[arg(long)]
    pub url: Option<String>,
    #[command(flatten)]
    pub bib: BibArgs,
    /// Why read it: an annotation for students.
    #[arg(long)]
    pub note: Option<String>,
    /// A theme (repeatable).
    #[arg(long = "theme")]
    pub themes: Vec<String>,
    #[arg(long, default_value = "suggested", value_parser = ["suggested", "approved"])]
    pub status: String,
    #[command(flatten)]
    pub facets: FacetArgs,
    #[command(flatten)]
    pub by: By,
}

/// The reference's fields beyond title, authors, year and container, as
/// `reading add` sets them and `reading edit` corrects them (an empty value
/// clears one in `edit`). Each is read by the importers' own rules (see
/// [`crate::store::edit::reading`]: [`bib_text`](crate::store::edit::reading::bib_text),
/// [`typed_month`](crate::store::edit::reading::typed_month), …), so a
/// reading typed by hand is stored as one imported from a file would be.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct BibArgs {
    /// An editor, as published (repeat for several, in order), read as --author is: "Mensah,
    /// Kofi" in parts (family, given), an institution in braces, "{World Health Organization}".
    /// In `edit` the list replaces the stored one; `--editor ""` clears it.
    #[arg(long = "editor", value_name = "NAME")]
    pub editors: Vec<String>,
    /// A translator, as published (repeat for several, in order), read as --author is: "Philcox,
    /// Richard". Cited "(R. Philcox, Trans.)" (APA), "Philcox R, translator." (Vancouver). In
    /// `edit` the list replaces the stored one; `--translator ""` clears it.
    #[arg(long = "translator", value_name = "NAME")]
    pub translators: Vec<String>,
    /// The volume ("12"; in `edit`, "" clears it).
    #[arg(long)]
    pub volume: Option<String>,
    /// The issue of a periodical ("3"). A report's number (--report-number) is kept here too, and
    /// cited as such ("" clears it in `edit`).
    #[arg(long, visible_aliases = ["number", "report-number"])]
    pub issue: Option<String>,
    /// The number in its series: a book's ("12" of "African Writers Series", kept as the issue when
    /// there is none), or a report's beside its report number ("1019" of "WHO Technical Report
    /// Series"); "" clears it in `edit`.
    #[arg(long)]
    pub series_number: Option<String>,
    /// The pages, as printed: "123-9", "e1002" (any dash between two pages is stored as a hyphen; "" clears
    /// them in `edit`).
    #[arg(long)]
    pub pages: Option<String>,
    /// The number of pages of a whole work (a book, report or thesis): "120", cited "120 p." in
    /// Vancouver ("" clears it in `edit`).
    #[arg(long, visible_alias = "number-of-pages")]
    pub page_count: Option<String>,
    /// The publisher (of a book; the institution that issues a report; "" clears it in `edit`).
    #[arg(long)]
    pub publisher: Option<String>,
    /// The place of publication ("London", "Dakar"; "" clears it in `edit`).
    #[arg(long)]
    pub place: Option<String>,
    /// The edition ("2nd", "3"; "" clears it in `edit`).
    #[arg(long)]
    pub edition: Option<String>,
    /// The series a book, or the book a chapter is in, belongs to ("Lecture Notes in Medicine"; ""
    /// clears it in `edit`).
    #[arg(long)]
    pub series: Option<String>,
    /// What kind of piece it is within its type, as CSL's `genre`: "Letter", "Editorial", "Review"
    /// ("" clears it in `edit`).
    #[arg(long)]
    pub genre: Option<String>,
    /// The journal's abbreviation, which styles that cite it print ("N Engl J Med"; "" clears it in `edit`).
    #[arg(long = "journal-abbreviation", visible_alias = "container-short", value_name = "ABBREVIATION")]
    pub container_short: Option<String>,
    /// The month of publication: 1 to 12 or a month's name ("April", "Apr"). Needs a year. In `edit`,
    /// "" clears it with its day and last month.
    #[arg(long)]
    pub month: Option<String>,
    /// The day of the month, 1 to 31 (within the month). Needs a month; "" clears it in `edit`.
    #[arg(long)]
    pub day: Option<String>,
    /// The last month of a range of months in the year: "Apr-May 2019" is --month 4 --month-end 5 (no
    /// day goes with a range; "" clears it in `edit`).
    #[arg(long)]
    pub month_end: Option<String>,
    /// The last year of a range of years: "1998-2000" is --year 1998 --year-end 2000 (as --year
    /// "1998-2000"); with --month and --month-end, of a range of months across a year end: "2021
    /// Dec-2022 Jan" is --year 2021 --month 12 --month-end 1 --year-end 2022 ("" clears it in `edit`).
    #[arg(long, value_name = "YEAR")]
    pub year_end: Option<String>,
    /// The season of publication: spring, summer, autumn (or fall), winter ("" clears it in `edit`).
    #[arg(long)]
    pub season: Option<String>,
    /// The last day of a range of days in the month: "May 5-11, 2019" is --month 5 --day 5
    /// --day-end 11 ("" clears it in `edit`).
    #[arg(long)]
    pub day_end: Option<String>,
    /// The last season of a range of seasons: "Summer-Fall 1998" is --season summer --season-end
    /// autumn ("" clears it in `edit`).
    #[arg(long)]
    pub season_end: Option<String>,
    /// The date the work (a web page, most often) was consulted: "2024-03-05" (also "5 March 2024",
    /// "2024/03/05/"), cited "[cited 2024 Mar 5]" in Vancouver; "" clears it in `edit`.
    #[arg(long, value_name = "DATE")]
    pub accessed: Option<String>,
    /// The year a reprint or translation first appeared ("1961" of a 2004 edition), cited
    /// "(Original work published 1961)" in APA; "" clears it in `edit`.
    #[arg(long, value_name = "YEAR")]
    pub original_year: Option<String>,
    /// The title in the work's own language when --title is its English translation, as PubMed
    /// gives a non-English article ("[Colonial medicine in French West Africa]" beside "La
    /// médecine coloniale en Afrique occidentale française"): cited "La médecine … [Colonial
    /// medicine …]" in APA, Chicago and Harvard; "" clears it in `edit`.
    #[arg(long, value_name = "TITLE")]
    pub original_title: Option<String>,
    /// The own title of volume --volume of a multi-volume work whose title is --title (a
    /// chapter's: --container): "Medicine in Society", volume 2 of "Companion Encyclopedia of
    /// the History of Medicine", cited "Companion Encyclopedia … Vol. 2, Medicine in Society" in
    /// Vancouver; "" clears it in `edit`.
    #[arg(long, value_name = "TITLE")]
    pub volume_title: Option<String>,
    /// The number of volumes of a multi-volume work cited whole ("2"; "2 vols." is read too):
    /// "2 vol." in Vancouver, "2 vols." in Chicago, "(Vols. 1–2)" in APA; "" clears it in
    /// `edit`.
    #[arg(long, value_name = "N")]
    pub volumes: Option<String>,
    /// The archive or repository that holds an archival document ("The National Archives"):
    /// printed with the item's place there (--archive-location) by styles that cite archives;
    /// "" clears it in `edit`.
    #[arg(long, value_name = "NAME")]
    pub archive: Option<String>,
    /// The item's place in its archive, a shelfmark or call number ("CO 98/45"): Vancouver's
    /// "Located at: …", after the archive in APA, Chicago and Harvard; "" clears it in `edit`.
    #[arg(long, value_name = "SHELFMARK")]
    pub archive_location: Option<String>,
    /// The conference a paper or presentation was given at ("6th Global Symposium on Health
    /// Systems Research"): printed as "Paper presented at: …" (Vancouver) when no proceedings
    /// are named; "" clears it in `edit`.
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,
    /// Where the conference was held ("Dubai, United Arab Emirates"); "" clears it in `edit`.
    #[arg(long, value_name = "PLACE")]
    pub event_place: Option<String>,
    /// When the conference was held, ISO ("2020-11-08", "2020-11-08/2020-11-11") or as written;
    /// "" clears it in `edit`.
    #[arg(long, value_name = "DATE")]
    pub event_date: Option<String>,
    /// The PubMed Central ID ("PMC7000001"; "PMCID: PMC7000001" and the digits alone are read as
    /// it): the same PMCID is the same work; "" clears it in `edit`.
    #[arg(long, value_name = "PMCID")]
    pub pmcid: Option<String>,
    /// The arXiv identifier of an e-print ("2101.01234", "2101.01234v2", "hep-th/9901001";
    /// "arXiv:2101.01234" is read as it): the same e-print is the same work; "" clears it in
    /// `edit`.
    #[arg(long, value_name = "ARXIV-ID")]
    pub eprint: Option<String>,
}

impl BibArgs {
    /// The typed value of a column of [`crate::store::edit::reading::BIB_TEXT`].
    pub fn text(&self, column: &str) -> &Option<String> {
        match column {
            "volume" => &self.volume,
            "issue" => &self.issue,
            "series_number" => &self.series_number,
            "pages" => &self.pages,
            "page_count" => &self.page_count,
            "publisher" => &self.publisher,
            "place" => &self.place,
            "edition" => &self.edition,
            "series" => &self.series,
            "genre" => &self.genre,
            "container_short" => &self.container_short,
            "accessed" => &self.accessed,
            "original_year" => &self.original_year,
            "original_title" => &self.original_title,
            "volume_title" => &self.volume_title,
            "number_of_volumes" => &self.volumes,
            "archive" => &self.archive,
            "archive_location" => &self.archive_location,
            "event" => &self.event,
            "event_place" => &self.event_place,
            "event_date" => &self.event_date,
            "pmcid" => &self.pmcid,
            "eprint" => &self.eprint,
            _ => &None,
        }
    }

    /// Warnings about the typed editors, as an import gives them (a name
    /// that may be an institution's).
    pub fn warnings(&self) -> Vec<String> {
        let mut w = crate::store::edit::reading::editor_names(&self.editors).1;
        w.extend(crate::store::edit::reading::translator_names(&self.translators).1);
        w.extend(crate::store::edit::reading::typed_access_warning(self.accessed.as_deref(), None));
        w
    }
}

/// The content facets `reading add` records with the reading (about the
/// work, never about a person; see `canon facet` for authors).
#[derive(Debug, clap::Args)]
pub struct FacetArgs {
    /// peer-reviewed, grey-literature, book, lived-experience, social-media, media, other.
    #[arg(long)]
    pub source_kind: Option<String>,
    /// The language of the listed edition: an ISO 639 code (fr, sw, yor), a tag (pt-BR) or an
    /// English name (French); several separated by ";".
    #[arg(long)]
    pub language: Option<String>,
    /// For a translation: the language the work was first written in (sets --translated yes).
    #[arg(long, value_name = "LANGUAGE")]
    pub original_language: Option<String>,
    /// Whether the listed edition is a translation: yes or no.
    #[arg(long)]
    pub translated: Option<String>,
    /// Global South content: yes or no.
    #[arg(long)]
    pub global_south: Option<String>,
    /// Open access (free to read): yes or no.
    #[arg(long)]
    pub open_access: Option<String>,
    /// Whose experience the work tells, and who tells it (free text).
    #[arg(long)]
    pub perspective: Option<String>,
}

impl FacetArgs {
    /// The facets as a record carries them, read by the same rules as every other door.
    fn read(&self) -> Result<(Option<String>, Option<String>, WorkFacets)> {
        let text = |f: ContentFacet, v: &Option<String>| -> Result<Option<String>> {
            let Some(v) = v else { return Ok(None) };
            let value = f.value(v).map_err(|e| anyhow::anyhow!("--{}: {e}", f.name()))?;
            Ok(value.as_str().map(String::from))
        };
        let flag = |f: ContentFacet, v: &Option<String>| -> Result<Option<bool>> {
            Ok(super::editing::yes_no(v, &format!("--{}", f.name()))?.flatten())
        };
        let mut facets = WorkFacets {
            original_language: text(ContentFacet::OriginalLanguage, &self.original_language)?,
            translated: flag(ContentFacet::Translated, &self.translated)?,
            global_south: flag(ContentFacet::GlobalSouth, &self.global_south)?,
            open_access: flag(ContentFacet::OpenAccess, &self.open_access)?,
            perspective: text(ContentFacet::Perspective, &self.perspective)?,
        };
        if facets.translated == Some(false) && facets.original_language.is_some() {
            bail!("--translated no, but --original-language names a language; drop one of the two");
        }
        facets.settle();
        Ok((text(ContentFacet::SourceKind, &self.source_kind)?, text(ContentFacet::Language, &self.language)?, facets))
    }
}

pub fn run(ctx: &Ctx, cmd: ReadingCmd) -> Result<()> {
    match cmd {
        ReadingCmd::List(a) => list(ctx, a),
        ReadingCmd::Show(a) => show(ctx, a),
        ReadingCmd::Add(a) => add(ctx, *a),
        ReadingCmd::Edit(a) => super::reading_edit::edit(ctx, *a),
        ReadingCmd::Remove(a) => super::reading_edit::remove(ctx, a),
        ReadingCmd::Facet(a) => super::reading_facet::run(ctx, a),
    }
}

fn theme_id(idx: &ThemeIndex, t: &str) -> Result<i64> {
    idx.resolve(t).with_context(|| format!("unknown theme {t:?}; expected one of {}", idx.expected()))
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let idx = ThemeIndex::load(&store.conn)?;
    let theme = a.theme.as_deref().map(|t| theme_id(&idx, t)).transpose()?;
    let programme = super::editing::programme(&store, &a.programme)?;
    let f = ReadingFilter { theme, status: a.status.as_deref(), untagged: a.untagged, programme: programme.as_deref() };
    let rs = readings::list(&store.conn, &f)?;
    let mut l = Listing::new(&["id", "year", "title", "authors", "type", "doi", "status", "themes"]).with_ids(&["id"]);
    l.numeric = vec![1];
    for r in &rs {
        l.rows.push(vec![
            r.id.to_string(),
            // As `export reading` writes it: "c1850" for a circa year, the note ("in press") for none.
            crate::report::reading_year(r),
            // As CSV, its sheet text (`{eGFR}`, which reads back as stored;
            // tester r73 F4); on screen, its words without the tags (tester r64 F2).
            if a.out.format() == Format::Csv {
                crate::import::title_text::sheet(&r.title)
            } else {
                crate::report::cite::title_without_markup(&r.title)
            },
            // As CSV, the export's cell (it reads back as the same people); on screen, as written.
            // A list cut short says so, as the export's cell does ("et al."
            // last; tester r16, S11).
            // (On screen too: tester r85 F4.)
            if a.out.format() == Format::Csv {
                crate::report::reading_authors(r)
            } else if r.authors_truncated && !r.authors.is_empty() {
                format!("{}; et al.", r.authors.join("; "))
            } else {
                r.authors.join("; ")
            },
            r.kind.clone(),
            r.doi.clone().unwrap_or_default(),
            r.status.clone(),
            r.themes.join("; "),
        ]);
    }
    // Beside the slugs (a script's key), the themes' names a reader knows.
    let names = crate::report::theme_name_map(&store.conn)?;
    let name = |s: &str| names.get(s).cloned().unwrap_or_else(|| s.to_string());
    if a.out.format() == Format::Csv {
        l = l.with_themes_names(name);
    }
    // JSON's titles as CSV writes them, never the stored tags.
    let shown: Vec<_> = rs.iter().map(readings::Reading::for_output).collect();
    let json = crate::report::with_theme_names(&shown, |r| &r.themes, &names);
    emit(&a.out, &l, &json, "no readings match", ctx.quiet)
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open(Mode::Existing)?;
    let id = readings::find_id(&store.conn, &a.reading)?
        .with_context(|| format!("no reading {:?}; give its ID or DOI (see `canon reading list`)", a.reading))?;
    let Some(mut d) = readings::show(&store.conn, id)? else { bail!("no reading {id}") };
    // CSV and JSON write the titles' sheet text (`{eGFR}`), never the stored tags.
    d.reading = d.reading.for_output();
    for h in &mut d.history {
        if let Some(after) = h.after.as_deref().and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok()) {
            h.after = Some(readings::titles_as_text(&after).to_string());
        }
    }
    match a.format {
        // Through `line`, which is quiet when the reader stops (`| head`).
        Format::Json => super::editing::line(serde_json::to_string_pretty(&d)?)?,
        Format::Csv => {
            let out = Output { format: Some(Format::Csv), output: None, limit: 0 };
            let mut l = Listing::new(&["field", "value"]).with_ids(&["id"]);
            l.rows = card(&d);
            emit(&out, &l, &d, "", ctx.quiet)?;
        }
        Format::Table => {
            let rows = card(&d);
            // Every value in one column, after the longest label the card
            // shows (tester r87 F12: "report number" and the other labels
            // longer than twelve letters put their values a column later).
            let width = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0).max(12);
            for mut row in rows {
                // On screen, the title's words without its marks (tester
                // r66 F6); CSV and JSON in its sheet text.
                if row[0] == "title" {
                    row[1] = crate::report::cite::title_without_markup(&crate::import::title_text::from_sheet(&row[1]));
                }
                super::editing::line(format_args!("{:<width$} {}", row[0], crate::output::terminal(&row[1])))?;
            }
        }
    }
    Ok(())
}

/// A name's parts in words: "family Mensah · given Kofi A. · suffix Jr.", or "institution: WHO".
fn name_parts(n: &crate::import::names::Name) -> String {
    if let Some(l) = &n.literal {
        return format!("{l} (kept whole)");
    }
    let parts = [("family", &n.family), ("given", &n.given), ("particle", &n.particle), ("suffix", &n.suffix)];
    parts.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}"))).collect::<Vec<_>>().join(" · ")
}

fn card(d: &readings::ReadingDetail) -> Vec<Vec<String>> {
    let r = &d.reading;
    let mut rows = vec![
        vec!["id".into(), r.id.to_string()],
        vec!["title".into(), r.title.clone()],
        vec!["authors".into(), r.authors.join("; ")],
        vec![
            "year".into(),
            match (r.year, &r.year_note) {
                // The one state kept beside a year: "2023 (ahead of print)".
                (Some(y), Some(n)) => format!("{y} ({n})"),
                (Some(y), None) => y.to_string(),
                (None, n) => n.clone().unwrap_or_else(|| year(None)),
            },
        ],
        // A type canon guessed says so, and how to state it (schema 0034).
        vec![
            "type".into(),
            if r.type_inferred {
                format!("{} (inferred: no list stated it; `canon reading edit {} --type TYPE` states it)", r.kind, r.id)
            } else {
                r.kind.clone()
            },
        ],
    ];
    for (i, n) in r.author_names.iter().enumerate() {
        rows.push(vec![format!("author {}", i + 1), name_parts(n)]);
    }
    if !r.editor_names.is_empty() {
        let written: Vec<&str> = r.editor_names.iter().map(|n| n.original.as_str()).collect();
        rows.push(vec!["editors".into(), written.join("; ")]);
        for (i, n) in r.editor_names.iter().enumerate() {
            rows.push(vec![format!("editor {}", i + 1), name_parts(n)]);
        }
    }
    if !r.translator_names.is_empty() {
        let written: Vec<&str> = r.translator_names.iter().map(|n| n.original.as_str()).collect();
        rows.push(vec!["translators".into(), written.join("; ")]);
        for (i, n) in r.translator_names.iter().enumerate() {
            rows.push(vec![format!("translator {}", i + 1), name_parts(n)]);
        }
    }
    let mut opt = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            rows.push(vec![k.into(), v.clone()]);
        }
    };
    opt("container", &r.container);
    opt("journal abbreviation", &r.container_short);
    opt("season", &r.season);
    opt("month", &r.month.map(|m| m.to_string()));
    opt("month_end", &r.month_end.map(|m| m.to_string()));
    opt("year_end", &r.year_end.map(|y| y.to_string()));
    opt("series", &r.series);
    opt("genre", &r.genre);
    opt("day", &r.day.map(|d| d.to_string()));
    opt("day_end", &r.day_end.map(|d| d.to_string()));
    opt("season_end", &r.season_end);
    opt("approximate year", &r.date_approximate.then(|| "yes".to_string()));
    opt("copyright year", &r.date_copyright.then(|| "yes".to_string()));
    opt("authors truncated (et al.)", &r.authors_truncated.then(|| "yes".to_string()));
    opt("editors truncated (et al.)", &r.editors_truncated.then(|| "yes".to_string()));
    opt("volume", &r.volume);
    // A report's or a book's number is not an issue.
    opt(crate::report::cite::issue_label(r), &r.issue);
    opt("pages", &r.pages);
    opt("number of pages", &r.page_count);
    opt("number in series", &r.series_number);
    opt("publisher", &r.publisher);
    opt("place", &r.place);
    opt("edition", &r.edition);
    opt("doi", &r.doi);
    opt("pmid", &r.pmid);
    opt("pmcid", &r.pmcid);
    opt("eprint", &r.eprint);
    opt("isbn", &r.isbn);
    // The book's other ISBNs (schema 0037), which find it as its own does.
    opt("other isbns", &(!r.other_isbns.is_empty()).then(|| r.other_isbns.join("; ")));
    opt("url", &r.url);
    opt("accessed", &r.accessed);
    opt("original year", &r.original_year);
    opt("original title", &r.original_title);
    opt("volume title", &r.volume_title);
    opt("number of volumes", &r.number_of_volumes);
    opt("archive", &r.archive);
    opt("archive location", &r.archive_location);
    opt("event", &r.event);
    opt("event place", &r.event_place);
    opt("event date", &r.event_date);
    opt("annotation", &r.annotation);
    opt("source kind", &r.source_kind);
    opt("language", &r.language);
    opt("original language", &r.original_language);
    let yes_no = |b: Option<bool>| b.map(|b| if b { "yes".to_string() } else { "no".to_string() });
    opt("translated", &yes_no(r.translated));
    opt("global south", &yes_no(r.global_south));
    opt("open access", &yes_no(r.open_access));
    opt("perspective", &r.perspective);
    opt("credit", &r.credit);
    opt("licence", &r.licence);
    // Reviewed, or approved on import (no one has reviewed it): the two are told apart.
    rows.push(vec!["status".into(), d.decision.as_ref().map_or_else(|| r.status.clone(), |x| x.describe())]);
    rows.push(vec!["themes".into(), r.themes.join("; ")]);
    for l in &d.links {
        rows.push(vec!["linked to".into(), l.clone()]);
    }
    for h in &d.history {
        rows.push(vec![
            "history".into(),
            format!(
                "{} {} by {}{}",
                h.at,
                h.action,
                h.by.as_deref().unwrap_or("(unknown)"),
                h.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default()
            ),
        ]);
    }
    rows
}

/// The reading `reading add` (and the web workspace's form) describes,
/// validated: a title, a plausible year, a known type, a DOI and ISBN in
/// canonical form, known themes.
pub fn record(a: &AddArgs, idx: &ThemeIndex) -> Result<ReadingRecord> {
    let themes = a.themes.iter().map(|t| theme_id(idx, t)).collect::<Result<Vec<_>>>()?;
    // Read as the listings write it (`{eGFR}` is case protection).
    let title = crate::import::title_text::from_sheet(&a.title.split_whitespace().collect::<Vec<_>>().join(" "));
    if title.is_empty() {
        bail!("--title is empty; expected the reading's title");
    }
    // One rule for a typed year (`reading edit --year`, the web forms): "c. 900" is 900, approximate.
    let year = a
        .year
        .as_deref()
        .map(|y| crate::import::dates::typed_year(y).map_err(|e| anyhow::anyhow!("--year {e}")))
        .transpose()?;
    let typed = a.kind.as_deref().unwrap_or("article");
    let kind = reading_type(typed)
        .with_context(|| format!("unknown --type {typed:?}; expected one of {}", reading_type_names()))?;
    let doi = a
        .doi
        .as_deref()
        .map(|d| normalise_doi(d).with_context(|| format!("--doi {d:?} is not a DOI; expected the form 10.1234/abc")))
        .transpose()?;
    let (isbn, other_isbns) = typed_isbns(&a.isbn)?;
    let (source_kind, language, facets) = a.facets.read()?;
    let pmid = a
        .pmid
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            crate::import::normalise_pmid(p)
                .with_context(|| format!("--pmid {p:?} is not a PubMed ID; expected digits only, as 31234567"))
        })
        .transpose()?;
    let authors: Vec<_> = a.authors.iter().filter_map(|s| crate::import::names::parse_typed(s)).collect();
    let b = &a.bib;
    let mut text = std::collections::HashMap::new();
    for (col, _) in edit_reading::BIB_TEXT {
        text.insert(*col, edit_reading::bib_text(col, b.text(col).as_deref())?);
    }
    // A report's own number (the issue) and its number in its series, kept
    // as an import keeps them.
    let has_series = text.get("series").is_some_and(Option::is_some);
    let (issue, series_number) = crate::import::builder::numbers_kept(
        kind,
        has_series,
        text.remove("issue").flatten(),
        text.remove("series_number").flatten(),
    );
    // --original-title beside --title, its English translation: the title
    // stored in brackets, as an import stores one (tester r68 F3), unless
    // the reading is a translated edition, whose title is its own.
    let translated_edition = !b.translators.is_empty()
        || text.get("original_year").is_some_and(Option::is_some)
        || facets.original_language.is_some()
        || facets.translated == Some(true);
    let title = match text.get("original_title").and_then(Option::as_deref) {
        Some(o) if !translated_edition => crate::import::builder::translation_in_brackets(&title, o).unwrap_or(title),
        _ => title,
    };
    let mut take = |col: &str| text.remove(col).flatten();
    // The date's parts typed apart (--month 4) or in the year ("2019 Apr 2"), not both.
    let parts_given =
        [&b.month, &b.day, &b.month_end, &b.season, &b.day_end, &b.season_end].iter().any(|v| v.is_some());
    if parts_given && year.as_ref().is_some_and(|t| t.has_parts()) {
        bail!("{}", edit_reading::DATE_TWICE);
    }
    let (mut month, mut day, mut month_end, mut season) = match &year {
        Some(t) => (t.month, t.day, t.month_end, t.season.clone()),
        None => (None, None, None, None),
    };
    // A range of days or seasons typed in the year ("1998 May 3-5",
    // "Summer-Fall 1998") is kept whole, as an import keeps it.
    let (mut day_end, mut season_end) = match &year {
        Some(t) if !parts_given => (t.day_end, t.season_end.clone()),
        _ => (None, None),
    };
    if parts_given {
        month = edit_reading::typed_month("month", b.month.as_deref())?;
        day = edit_reading::typed_day(b.day.as_deref())?;
        month_end = edit_reading::typed_month("month_end", b.month_end.as_deref())?;
        season = edit_reading::typed_season(b.season.as_deref())?;
        // (Across a year end, --month 12 --month-end 1 --year-end 2022: checked with the end year below.)
        let across = b.year_end.as_deref().is_some_and(|e| !e.trim().is_empty());
        let within = month_end.filter(|_| !across);
        edit_reading::check_date_parts(year.as_ref().and_then(|t| t.year), month, day, within, season.as_deref())?;
        day_end = edit_reading::typed_day(b.day_end.as_deref()).map_err(|e| anyhow::anyhow!("--day-end: {e}"))?;
        season_end =
            edit_reading::typed_season(b.season_end.as_deref()).map_err(|e| anyhow::anyhow!("--season-end: {e}"))?;
        edit_reading::check_range_ends(
            year.as_ref().and_then(|t| t.year),
            (month, day, month_end, day_end),
            season.as_deref(),
            season_end.as_deref(),
        )?;
    }
    let volume = take("volume");
    let year_of = year.as_ref().and_then(|t| t.year);
    // The end of a range of years, or of months across a year end (schema
    // 0036): typed in the year ("1998-2000") or apart (--year-end).
    let mut year_end = year.as_ref().and_then(|t| t.year_end);
    // A range of whole years typed in the year ("1998-2000") has no month,
    // day or season given apart: refused, never stored as "May 1998" ending
    // in 2000 nor its end dropped. ("2021 Dec-2022 Jan" names its months:
    // typed beside them, it is refused above.)
    if let (Some(e), Some(y), true) = (year_end, year_of, parts_given) {
        bail!(
            "the year is a range of whole years, {y} to {e}, which has no month, day or season; give --month, --day \
             or --season with one year, or a range of months across the year end as --year {y} --month 12 \
             --month-end 1 --year-end {e}"
        );
    }
    if let Some(e) = edit_reading::typed_year_end(b.year_end.as_deref())? {
        if year_end.is_some() {
            bail!("the year names its end year, and --year-end is given too; give the range once");
        }
        edit_reading::check_year_end(e, year_of, month, month_end, season.as_deref())?;
        year_end = Some(e);
    }
    let mut year_note = year.as_ref().and_then(|t| t.note.clone());
    let mut warnings = Vec::new();
    // Ahead of print, and yet in a volume: published, as every door reads it
    // (tester r65 F10), said as an import says it.
    if crate::import::published_in_volume(year_of, year_note.as_deref(), volume.as_deref()) {
        year_note = None;
        warnings.push(crate::import::RowError::new(
            0,
            0,
            format!(
                "said to be published ahead of print, but in volume {}: kept as published, without the state",
                volume.as_deref().unwrap_or_default().trim()
            ),
        ));
    }
    Ok(ReadingRecord {
        warnings,
        original_title: take("original_title"),
        volume_title: take("volume_title"),
        number_of_volumes: take("number_of_volumes"),
        archive: take("archive"),
        archive_location: take("archive_location"),
        event: take("event"),
        event_place: take("event_place"),
        event_date: take("event_date").map(|t| crate::import::builder::event_date(&t)),
        pmcid: take("pmcid"),
        eprint: take("eprint"),
        line: 0,
        title,
        authors: authors.iter().filter(|n| !crate::import::builder::is_et_al(n)).cloned().collect(),
        // "et al." typed as the last author: the list is cut short, as an import reads it.
        authors_truncated: authors.iter().any(crate::import::builder::is_et_al)
            && authors.iter().any(|n| !crate::import::builder::is_et_al(n)),
        // The typed date as a file's date is stored: year or its note ("in
        // press"), approximate, and the month, day or season it names.
        year: year_of,
        year_note,
        date_approximate: year.as_ref().is_some_and(|t| t.approximate),
        date_copyright: year.as_ref().is_some_and(|t| t.copyright),
        month,
        day,
        month_end,
        year_end,
        season,
        day_end,
        season_end,
        kind: kind.into(),
        // No --type: the default nobody wrote yields to a stated type (tester r73 F3).
        kind_inferred: a.kind.is_none(),
        container: a.container.clone(),
        editors: edit_reading::editor_names(&b.editors)
            .0
            .into_iter()
            .filter(|n| !crate::import::builder::is_et_al(n))
            .collect(),
        editors_truncated: edit_reading::editor_names(&b.editors).0.iter().any(crate::import::builder::is_et_al)
            && edit_reading::editor_names(&b.editors).0.iter().any(|n| !crate::import::builder::is_et_al(n)),
        translators: edit_reading::translator_names(&b.translators).0,
        volume,
        series_number,
        issue,
        pages: take("pages"),
        page_count: take("page_count"),
        publisher: take("publisher"),
        place: take("place"),
        edition: take("edition"),
        series: take("series"),
        genre: take("genre"),
        container_short: take("container_short"),
        accessed: take("accessed"),
        original_year: take("original_year"),
        doi,
        pmid,
        isbn,
        other_isbns,
        url: typed_url(a.url.as_deref())?,
        annotation: a.note.clone(),
        status: Some(a.status.clone()),
        themes,
        source_kind,
        language,
        facets,
        ..Default::default()
    })
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Create)?;
    let idx = ThemeIndex::load(&store.conn)?;
    let rec = record(&a, &idx)?;
    if let Some(w) = a.year.as_deref().and_then(|y| crate::import::dates::typed_year_warning("--year", y)) {
        eprintln!("warning: {w}");
    }
    for w in a.bib.warnings().into_iter().chain(edit_reading::typed_name_warnings("author", &rec.authors, &a.authors)) {
        eprintln!("warning: {w}");
    }
    for w in &rec.warnings {
        eprintln!("warning: {}", w.message);
    }
    let name = super::contributor::required(&a.by)?;
    let mut ids = id_gen(&store.conn)?;
    let tx = store.write()?;
    let by = Some(crate::store::history::contributor(&tx, &mut ids, name)?);
    let mut w = ReadingWriter::new(&tx, ids, by, None, "suggested", false)?;
    let id = w.write(&rec)?;
    let counts = w.counts.clone();
    // What the writer kept apart (another entry's ISBN) or decided against the stored entry: said.
    let (warned, noted) = (std::mem::take(&mut w.warnings), std::mem::take(&mut w.notes));
    tx.commit()?;
    for (_, m) in warned {
        eprintln!("warning: {m}");
    }
    for (_, m) in noted {
        ctx.note(format_args!("{m}"));
    }
    if rec.year.is_some()
        && let Some(w) = hijri_warning(&store.conn, id, a.year.as_deref())?
    {
        eprintln!("warning: {w}");
    }
    if !rec.other_isbns.is_empty() {
        ctx.note(format_args!(
            "--isbn: {} is the ISBN cited; {} kept beside it as the book's other ISBN{}",
            rec.isbn.as_deref().unwrap_or_default(),
            rec.other_isbns.join(", "),
            if rec.other_isbns.len() == 1 { "" } else { "s" }
        ));
    }
    if counts.new == 1 {
        ctx.note(format_args!("added reading {id} ({})", rec.status.as_deref().unwrap_or("suggested")));
    } else if counts.changed == 1 {
        ctx.note(format_args!("reading {id} already existed; merged the new details into it"));
    } else {
        ctx.note(format_args!("reading {id} already holds all of this; nothing changed"));
    }
    super::editing::line(id)
}

/// The typed ISBNs (`--isbn` repeated, or one value "ISBN; ISBN" as a
/// catalogue lists a book's bindings): the first as published, the one
/// printed, and the others as ISBN-13, the book's other ISBNs (schema
/// 0037), each checked by its check digit; one not valid refuses the whole
/// reading, naming it, never dropped in silence.
pub(crate) fn typed_isbns(given: &[String]) -> Result<(Option<String>, Vec<String>)> {
    let (mut isbn, mut others): (Option<String>, Vec<String>) = (None, Vec::new());
    let mut seen = Vec::new();
    for value in given {
        let parts: Vec<&str> = value.split([';', ',']).map(str::trim).filter(|i| !i.is_empty()).collect();
        if parts.is_empty() {
            bail!("--isbn {value:?} is not a valid ISBN-10 or ISBN-13");
        }
        for i in parts {
            let (Some(published), Some(thirteen)) =
                (crate::import::isbn_as_published(i), crate::import::normalise_isbn(i))
            else {
                bail!("--isbn {i:?} is not a valid ISBN-10 or ISBN-13");
            };
            // The ISBN-10 and ISBN-13 forms of one ISBN are one ISBN.
            if seen.contains(&thirteen) {
                continue;
            }
            seen.push(thirteen.clone());
            match isbn {
                None => isbn = Some(published),
                Some(_) => others.push(thirteen),
            }
        }
    }
    Ok((isbn, others))
}

/// A `--url` as canon keeps it ([`crate::import::builder::web_address`]):
/// "https://" added to a typed host and said; an empty value is none; text
/// that is no address is refused.
pub(crate) fn typed_url(u: Option<&str>) -> Result<Option<String>> {
    let Some(u) = u.map(str::trim).filter(|u| !u.is_empty()) else { return Ok(None) };
    let (url, note) = crate::import::builder::web_address(u).map_err(|e| anyhow::anyhow!("--url {e}"))?;
    if let Some(n) = note {
        eprintln!("warning: {n}");
    }
    Ok(Some(url))
}

/// The warning an import gives a year that may be a Hijri one
/// ([`crate::import::builder::typed_hijri_said`]), for reading `id` as
/// stored once `reading add` or `reading edit` set its date; `typed` is the
/// `--year` as typed, if one was. `None` when there is nothing to say.
///
/// Errors: the reading cannot be read back from the database.
pub(crate) fn hijri_warning(conn: &rusqlite::Connection, id: i64, typed: Option<&str>) -> Result<Option<String>> {
    Ok(readings::get(conn, id)?.and_then(|r| crate::import::builder::typed_hijri_said(&r, typed)))
}
