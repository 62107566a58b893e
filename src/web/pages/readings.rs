//! The reading list (filters by theme, status and type), one reading in
//! full, the form that adds one, and the review queue.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::tagging::{restore_button, suggestion, suggestions, themes_editor};
use super::{Fail, failed, render};
use crate::cmd::reading::{AddArgs, FacetArgs, record};
use crate::import::READING_TYPES;
use crate::store::audit::ReadingInfo;
use crate::store::id_gen;
use crate::store::readings::{Reading, ReadingWriter};
use crate::store::tags::Target;
use crate::store::themes::{Theme, ThemeIndex};
use crate::web::app::{App, Db};
use crate::web::forms::{done, query, text};
use crate::web::html::{Nav, Pager, chip, count, csrf, layout, plain_title, rich_title, status, year};
use crate::web::session::{Flash, Visit};

const PER_PAGE: usize = 50;
const QUEUE_PER_PAGE: usize = 25;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    theme: Option<String>,
    status: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    q: Option<String>,
    page: Option<usize>,
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub async fn list(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<ListQuery>,
) -> Response {
    render(&app, visit, move |db, v| list_page(db, v, &q)).await
}

fn list_page(db: &Db, v: &Visit, q: &ListQuery) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    let all = db.app.cache.readings(conn)?;
    let themes = db.app.cache.themes(conn)?;
    let (theme, st, kind) = (nonempty(&q.theme), nonempty(&q.status), nonempty(&q.kind));
    let words = nonempty(&q.q).unwrap_or("");
    let found = if words.is_empty() { all.iter().collect() } else { super::module::find(&all, words, usize::MAX) };
    let rows: Vec<&Reading> = found
        .into_iter()
        .filter(|r| theme.is_none_or(|t| r.themes.iter().any(|x| x == t)))
        .filter(|r| st.is_none_or(|s| r.status == s))
        .filter(|r| kind.is_none_or(|k| r.kind == k))
        .collect();
    let pager = Pager::new(q.page, PER_PAGE, rows.len());
    let params =
        [("theme", theme.unwrap_or("")), ("status", st.unwrap_or("")), ("type", kind.unwrap_or("")), ("q", words)];
    let body = html! {
        p.lead { "The group's reading list: " (crate::web::html::count(all.len(), "reading")) ". " a href="/readings/new" { "Add a reading" } " · " a href="/review" { "Review queue" } }
        form.row method="get" action="/readings" {
            div {
                label for="f-q" { "Title, author or DOI" }
                input #f-q type="search" name="q" value=(words) dir="auto";
            }
            div {
                label for="f-theme" { "Theme" }
                select #f-theme name="theme" {
                    option value="" { "Any theme" }
                    @for t in themes.iter() { option value=(t.slug) selected[theme == Some(t.slug.as_str())] { (t.name) } }
                }
            }
            div {
                label for="f-status" { "Status" }
                select #f-status name="status" {
                    option value="" { "Any status" }
                    @for s in ["suggested", "approved", "rejected"] { option value=(s) selected[st == Some(s)] { (s) } }
                }
            }
            div {
                label for="f-type" { "Type" }
                select #f-type name="type" {
                    option value="" { "Any type" }
                    @for (k, _) in READING_TYPES { option value=(k) selected[kind == Some(*k)] { (k) } }
                }
            }
            button type="submit" { "Filter" }
        }
        (pager.links("/readings", &params, "reading"))
        @if !rows.is_empty() {
            table.wide {
                thead { tr { th scope="col" { "Reading" } th scope="col" { "Year" } th scope="col" { "Type" } th scope="col" { "Status" } th scope="col" { "Themes" } } }
                tbody {
                    @for r in &rows[pager.range()] {
                        tr {
                            td { a href={ "/readings/" (r.id) } { bdi { (rich_title(&r.title)) } } @if !r.authors.is_empty() { br; span.muted { bdi { (r.authors.join("; ")) } } } }
                            td { (year(r.year)) }
                            td { (r.kind) }
                            td { (status(&r.status)) }
                            td { @for t in &r.themes { (chip(&themes, t)) } }
                        }
                    }
                }
            }
            (pager.foot("/readings", &params, "reading"))
        }
    };
    Ok(layout(v, "Readings", Nav::Readings, body))
}

/// A reading as the analysis takes it (theme slugs to IDs).
fn reading_info(r: &Reading, themes: &[Theme]) -> ReadingInfo {
    ReadingInfo {
        id: r.id,
        title: r.title.clone(),
        authors: r.authors.clone(),
        author_names: r.author_names.clone(),
        year: r.year,
        annotation: r.annotation.clone(),
        status: r.status.clone(),
        themes: r.themes.iter().filter_map(|s| themes.iter().find(|t| t.slug == *s).map(|t| t.id)).collect(),
    }
}

pub async fn show(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, Path(id): Path<i64>) -> Response {
    render(&app, visit, move |db, v| show_page(db, v, id)).await
}

/// A reading's year as the export writes it ("ca. 1850" for a circa year, "c1998" for a copyright year), or "–" without one.
fn shown_year(r: &crate::store::readings::Reading) -> String {
    match r.year {
        Some(_) => crate::report::reading_year(r),
        None => year(None),
    }
}

fn show_page(db: &Db, v: &Visit, id: i64) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    // From the cached list, not `readings::show`, which reads every reading to find one.
    let all = db.app.cache.readings(conn)?;
    let r = all.iter().find(|r| r.id == id).ok_or_else(|| Fail::NotFound(format!("no reading with ID {id}")))?;
    let log = db.app.cache.history(conn)?;
    let changes: Vec<&crate::store::history::Entry> = log
        .iter()
        .filter(|e| e.entity_id == Some(id) && matches!(e.entity.as_str(), "reading" | "reading_tag"))
        .collect();
    let themes = db.app.cache.themes(conn)?;
    let dismissed = db.app.cache.dismissed(conn)?;
    let info = reading_info(r, &themes);
    let found = suggestions(&themes, None, &[], std::slice::from_ref(&info), &dismissed);
    let back = format!("/readings/{id}");
    let label = format!("“{}”", plain_title(&r.title));
    let rejected: Vec<&Theme> = themes.iter().filter(|t| dismissed.contains(&("reading", id, t.id))).collect();
    let links = crate::store::edit::link::list(
        conn,
        &crate::store::edit::link::LinkFilter { reading: Some(id), ..Default::default() },
    )?;
    let field = |k: &'static str, v: &Option<String>| (k, v.clone());
    let yes_no =
        |k: &'static str, b: Option<bool>| (k, b.map(|b| if b { "yes".to_string() } else { "no".to_string() }));
    // As `canon reading show` lists them, the content facets (issue 16) included.
    // A report's or a book's number is not an issue (as `reading show` names it).
    let issue = match crate::report::cite::issue_label(r) {
        "report number" => "Report number",
        "number in series" => "Number in series",
        "number" => "Number",
        _ => "Issue",
    };
    let editors: Vec<&str> = r.editor_names.iter().map(|n| n.original.as_str()).collect();
    let editors = (!editors.is_empty()).then(|| editors.join("; "));
    let translators: Vec<&str> = r.translator_names.iter().map(|n| n.original.as_str()).collect();
    let translators = (!translators.is_empty()).then(|| translators.join("; "));
    let number = |k: &'static str, n: Option<i64>| (k, n.map(|n| n.to_string()));
    let fields = [
        field("Editors", &editors),
        field("Translators", &translators),
        field("Container", &r.container),
        field("Journal abbreviation", &r.container_short),
        field("Volume", &r.volume),
        field(issue, &r.issue),
        field("Pages", &r.pages),
        field("Edition", &r.edition),
        field("Publisher", &r.publisher),
        field("Place", &r.place),
        field("Year", &r.year_note),
        field("Season", &r.season),
        number("Month", r.month),
        number("Last month", r.month_end),
        number("Day", r.day),
        number("Last day", r.day_end),
        field("Last season", &r.season_end),
        field("Number of pages", &r.page_count),
        field("DOI", &r.doi),
        field("PMID", &r.pmid),
        field("PMCID", &r.pmcid),
        field("arXiv ID", &r.eprint),
        field("ISBN", &r.isbn),
        // The book's other ISBNs (schema 0037), as `canon reading show` lists them.
        field("Other ISBNs", &(!r.other_isbns.is_empty()).then(|| r.other_isbns.join("; "))),
        field("Series", &r.series),
        field("Number in series", &r.series_number),
        field("Genre", &r.genre),
        field("URL", &r.url),
        field("Accessed", &r.accessed),
        field("Original year", &r.original_year),
        field("Original title", &r.original_title),
        field("Volume title", &r.volume_title),
        field("Number of volumes", &r.number_of_volumes),
        field("Archive", &r.archive),
        field("Archive location", &r.archive_location),
        field("Event", &r.event),
        field("Event place", &r.event_place),
        field("Event date", &r.event_date),
        field("Source kind", &r.source_kind),
        field("Language", &r.language),
        field("Original language", &r.original_language),
        yes_no("Translated", r.translated),
        yes_no("Global South", r.global_south),
        yes_no("Open access", r.open_access),
        field("Perspective", &r.perspective),
        field("Credit", &r.credit),
        field("Licence", &r.licence),
    ];
    let body = html! {
        // The year as the export writes it ("ca. 1850", "c1998"); a list cut short ends "et al.".
        // Each part isolated (`<bdi>`): a right-to-left author does not carry
        // the year before it ("1025 · ابن سينا").
        p.lead { @if !r.authors.is_empty() { bdi { (r.authors.join("; ")) @if r.authors_truncated { "; et al." } } " · " } bdi { (shown_year(r)) } " · " (r.kind) " · " (status(&r.status)) }
        p.actions {
            a href={ "/readings/" (id) "/edit" } { "Edit this reading" } " · "
            a href={ "/readings/" (id) "/remove" } { "Remove it" }
        }
        @if let Some(a) = &r.annotation { p { (a) } }
        dl.card {
            dt { "ID" } dd { (r.id) }
            @for (k, val) in &fields {
                @if let Some(val) = val {
                    dt { (k) }
                    dd {
                        @if *k == "URL" && (val.starts_with("https://") || val.starts_with("http://")) {
                            a href=(val) rel="noopener noreferrer" { (val) }
                        } @else if *k == "DOI" {
                            a href={ "https://doi.org/" (val) } rel="noopener noreferrer" { (val) }
                        } @else { (val) }
                    }
                }
            }
        }
        h2 { "Themes" }
        (themes_editor(v, &themes, Target::Reading(id), &label, &info.themes, &back))
        @for s in &found { (suggestion(v, &themes, s, &label, &back)) }
        @if !rejected.is_empty() {
            details {
                summary { (count(rejected.len(), "rejected suggestion")) }
                ul { @for t in &rejected { li { (restore_button(v, Target::Reading(id), t.id, &themes, &label, &back)) } } }
            }
        }
        h2 { "Review" }
        (review_form(v, r, &back))
        h2 { "Linked to" }
        @if links.is_empty() {
            p.muted { "No session or module yet. Link it from a module's page or from the gaps." }
        } @else {
            ul {
                @for l in &links {
                    li {
                        a href={ "/modules/" (l.module_id) } { (l.module_code) }
                        @match (&l.item_id, &l.item_title) {
                            (Some(item), Some(t)) => { " · " a href={ "/items/" (item) } { (t) } }
                            _ => { " (the whole module)" }
                        }
                        @if let Some(n) = &l.note { " — " (n) }
                        " "
                        form.inline method="post" action="/unlink" {
                            (csrf(v))
                            input type="hidden" name="link" value=(l.id);
                            input type="hidden" name="back" value=(back);
                            button.small.danger type="submit" aria-label={ "Unlink from " (l.module_code) } { "Unlink" }
                        }
                    }
                }
            }
        }
        h2 { "History" }
        ul {
            @for h in &changes {
                li {
                    (h.at.get(..16).unwrap_or(&h.at).replace('T', " ")) " · " (h.action) " " (h.entity.replace('_', " "))
                    " by " (h.by.as_deref().unwrap_or("(unknown)"))
                    @if let Some(n) = &h.note { " — " (n) }
                }
            }
        }
        p { a href={ "/history?entity=reading&id=" (id) } { "All changes to this reading" } }
    };
    Ok(layout(v, &plain_title(&r.title), Nav::Readings, body))
}

/// The review form's check box that allows approving one's own suggestion.
pub const SELF_BOX: &str = "I suggested it myself; my group allows that";

/// Approve or reject, with a note.
fn review_form(v: &Visit, r: &Reading, back: &str) -> Markup {
    let note_id = format!("note-{}", r.id);
    let self_id = format!("self-{}", r.id);
    html! {
        form.row method="post" action="/review" {
            (csrf(v))
            input type="hidden" name="reading" value=(r.id);
            input type="hidden" name="back" value=(back);
            div {
                label for=(note_id) { "Note for the history (optional)" }
                input id=(note_id) type="text" name="note" maxlength="2000";
            }
            div.check {
                input id=(self_id) type="checkbox" name="self" value="1";
                label for=(self_id) { " " (SELF_BOX) }
            }
            button type="submit" name="decision" value="approved" aria-label={ "Approve “" (plain_title(&r.title)) "”" } { "Approve" }
            button.danger type="submit" name="decision" value="rejected" aria-label={ "Reject “" (plain_title(&r.title)) "”" } { "Reject" }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    page: Option<usize>,
}

/// The review queue: suggested readings, oldest first... as the list orders them.
pub async fn queue(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<QueueQuery>,
) -> Response {
    render(&app, visit, move |db, v| {
        let all = db.app.cache.readings(&db.store.conn)?;
        let themes = db.app.cache.themes(&db.store.conn)?;
        let waiting: Vec<&Reading> = all.iter().filter(|r| r.status == "suggested").collect();
        let pager = Pager::new(q.page, QUEUE_PER_PAGE, waiting.len());
        let page_s = pager.page.to_string();
        let back = format!("/review{}", query(&[("page", &page_s)]));
        let body = html! {
            p.lead {
                "Readings suggested by the group wait here until a reviewer approves them (they join the list that "
                "the gaps and the report count) or rejects them (they stay in the database and the history)."
            }
            (pager.links("/review", &[], "suggested reading"))
            @for r in &waiting[pager.range()] {
                article.gap {
                    h2 { a href={ "/readings/" (r.id) } { bdi { (rich_title(&r.title)) } } }
                    p { bdi { (r.authors.join("; ")) } " · " bdi { (year(r.year)) } " · " (r.kind) @for t in &r.themes { " " (chip(&themes, t)) } }
                    @if let Some(a) = &r.annotation { p.muted { (a) } }
                    (review_form(v, r, &back))
                }
            }
            (pager.foot("/review", &[], "suggested reading"))
        };
        Ok(layout(v, "Review queue", Nav::Review, body))
    })
    .await
}

/// The add-a-reading form's fields, as sent.
#[derive(Debug, Default)]
pub struct NewReading {
    title: Option<String>,
    authors: Option<String>,
    year: Option<String>,
    kind: Option<String>,
    container: Option<String>,
    doi: Option<String>,
    isbn: Option<String>,
    url: Option<String>,
    note: Option<String>,
    theme: Vec<String>,
    /// The reference's other fields ([`MORE_FIELDS`]), by name, as typed.
    more: std::collections::HashMap<&'static str, String>,
}

/// The add form's fields beyond the first ones (issue 12z): every field of
/// the reference, as `canon reading add` takes them (the same names as its
/// options, read by the same code), as (form name, label).
const MORE_FIELDS: &[(&str, &str)] = &[
    ("editors", "Editors, one per line"),
    ("translators", "Translators, one per line"),
    ("volume", "Volume"),
    ("issue", "Issue (or report number, number in series)"),
    ("series_number", "Number in series (beside a report's number)"),
    ("pages", "Pages"),
    ("publisher", "Publisher"),
    ("place", "Place of publication"),
    ("edition", "Edition"),
    ("series", "Series"),
    ("genre", "Genre (Letter, Editorial, Review…)"),
    ("container_short", "Journal abbreviation"),
    ("month", "Month (1 to 12, or its name)"),
    ("day", "Day (1 to 31)"),
    ("month_end", "Last month of a range of months"),
    ("year_end", "Last year of a range of years (or of months across a year end)"),
    ("season", "Season (spring, summer, autumn, winter)"),
    ("day_end", "Last day of a range of days"),
    ("season_end", "Last season of a range of seasons"),
    ("page_count", "Number of pages (of a whole book, report or thesis)"),
    ("pmid", "PubMed ID (PMID)"),
    ("pmcid", "PubMed Central ID (PMCID, PMC7000001)"),
    ("eprint", "arXiv ID (e-print, 2101.01234)"),
    ("accessed", "Access date (2024-03-05)"),
    ("original_year", "First published (a reprint's original year)"),
    ("original_title", "Title in the original language (when the title is its translation)"),
    ("volume_title", "Title of the volume (of a multi-volume work; its number in Volume)"),
    ("number_of_volumes", "Number of volumes (of a multi-volume work cited whole)"),
    ("archive", "Archive (that holds an archival document)"),
    ("archive_location", "Archive location (shelfmark or call number)"),
    ("event", "Event (the conference a paper was given at)"),
    ("event_place", "Event place (where the conference was held)"),
    ("event_date", "Event date (when the conference was held, 2020-11-08)"),
];

impl NewReading {
    /// A typed field of [`MORE_FIELDS`], trimmed; `None` when empty.
    fn more(&self, name: &str) -> Option<String> {
        self.more.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()).map(String::from)
    }

    /// The reference's other fields as `reading add` takes them.
    fn bib(&self) -> crate::cmd::reading::BibArgs {
        crate::cmd::reading::BibArgs {
            editors: self.more("editors").map(|e| e.lines().map(str::to_string).collect()).unwrap_or_default(),
            translators: self.more("translators").map(|e| e.lines().map(str::to_string).collect()).unwrap_or_default(),
            volume: self.more("volume"),
            issue: self.more("issue"),
            series_number: self.more("series_number"),
            pages: self.more("pages"),
            publisher: self.more("publisher"),
            place: self.more("place"),
            edition: self.more("edition"),
            series: self.more("series"),
            genre: self.more("genre"),
            container_short: self.more("container_short"),
            month: self.more("month"),
            day: self.more("day"),
            month_end: self.more("month_end"),
            year_end: self.more("year_end"),
            season: self.more("season"),
            day_end: self.more("day_end"),
            season_end: self.more("season_end"),
            page_count: self.more("page_count"),
            accessed: self.more("accessed"),
            original_year: self.more("original_year"),
            original_title: self.more("original_title"),
            volume_title: self.more("volume_title"),
            volumes: self.more("number_of_volumes"),
            archive: self.more("archive"),
            archive_location: self.more("archive_location"),
            event: self.more("event"),
            event_place: self.more("event_place"),
            event_date: self.more("event_date"),
            pmcid: self.more("pmcid"),
            eprint: self.more("eprint"),
        }
    }
}

impl NewReading {
    /// The fields of an urlencoded form (the themes are a repeated field,
    /// which serde's form decoding does not take).
    fn from_form(body: &[u8]) -> NewReading {
        let mut f = NewReading::default();
        for (k, v) in form_urlencoded::parse(body) {
            let v = Some(v.into_owned());
            match k.as_ref() {
                "title" => f.title = v,
                "authors" => f.authors = v,
                "year" => f.year = v,
                "type" => f.kind = v,
                "container" => f.container = v,
                "doi" => f.doi = v,
                "isbn" => f.isbn = v,
                "url" => f.url = v,
                "note" => f.note = v,
                "theme" => f.theme.extend(v),
                other => {
                    if let (Some((name, _)), Some(v)) = (MORE_FIELDS.iter().find(|(n, _)| *n == other), v) {
                        f.more.insert(name, v);
                    }
                }
            }
        }
        f
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    theme: Option<String>,
}

pub async fn new(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<NewQuery>,
) -> Response {
    let pre = NewReading { theme: q.theme.into_iter().collect(), ..Default::default() };
    render(&app, visit, move |db, v| {
        let themes = db.app.cache.themes(&db.store.conn)?;
        Ok(new_page(v, &themes, &pre, None))
    })
    .await
}

fn new_page(v: &Visit, themes: &[Theme], f: &NewReading, error: Option<&str>) -> Markup {
    let val = |s: &Option<String>| s.clone().unwrap_or_default();
    let body = html! {
        @if let Some(e) = error { div.flash.error role="alert" { strong { "Not added: " } (e) } }
        p.lead { "A reading you add is " strong { "suggested" } " until another member of the group reviews it." }
        form.stack method="post" action="/readings" {
            (csrf(v))
            div { label for="r-title" { "Title" } input #r-title type="text" name="title" required value=(val(&f.title)); }
            div {
                label for="r-authors" { "Authors" }
                p.hint #r-authors-hint { "One per line, as published (any script): “Fanon, Frantz” or “Ngũgĩ wa Thiong'o”." }
                textarea #r-authors name="authors" rows="3" aria-describedby="r-authors-hint" { (val(&f.authors)) }
            }
            div { label for="r-year" { "Year" } input #r-year type="text" name="year" inputmode="text" placeholder="2019, 950 or c. 950" value=(val(&f.year)); }
            div {
                label for="r-type" { "Type" }
                select #r-type name="type" {
                    @for (k, _) in READING_TYPES { option value=(k) selected[f.kind.as_deref().unwrap_or("article") == *k] { (k) } }
                }
            }
            div { label for="r-container" { "Journal, publisher or series" } input #r-container type="text" name="container" value=(val(&f.container)); }
            div { label for="r-doi" { "DOI" } input #r-doi type="text" name="doi" value=(val(&f.doi)); }
            div { label for="r-isbn" { "ISBN (several: ISBN; ISBN)" } input #r-isbn type="text" name="isbn" value=(val(&f.isbn)); }
            div { label for="r-url" { "Web address" } input #r-url type="text" name="url" value=(val(&f.url)); }
            @for (name, label) in MORE_FIELDS {
                @let id_ = format!("r-{name}");
                @let now = f.more.get(name).cloned().unwrap_or_default();
                div {
                    label for=(id_) { (label) }
                    @if matches!(*name, "editors" | "translators") {
                        textarea id=(id_) name=(name) rows="2" { (now) }
                    } @else {
                        input id=(id_) type="text" name=(name) value=(now);
                    }
                }
            }
            div {
                label for="r-note" { "Why read it" }
                textarea #r-note name="note" rows="3" { (val(&f.note)) }
            }
            fieldset {
                legend { "Themes" }
                @for t in themes {
                    div.check {
                        input id={ "r-theme-" (t.id) } type="checkbox" name="theme" value=(t.slug) checked[f.theme.contains(&t.slug)];
                        label for={ "r-theme-" (t.id) } { " " (t.name) }
                    }
                }
            }
            button type="submit" { "Add the reading" }
        }
    };
    layout(v, "Add a reading", Nav::Readings, body)
}

/// Adds a reading as `suggested`, through the same record checks and writer
/// as `canon reading add`; a reading already in the list is merged into it.
pub async fn add(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, body: Bytes) -> Response {
    let f = NewReading::from_form(&body);
    let who = match visit.who() {
        Ok(w) => w,
        Err(e) => return failed(&visit, Fail::Bad(format!("{e:#}"))),
    };
    // The same typed-year rule as `reading add --year` and the edit form ("c. 950" is approximate).
    let year = match text(&f.year) {
        None => Ok(None),
        Some(y) => crate::import::dates::typed_year(&y).map(|_| Some(y)).map_err(|e| format!("the year {e}")),
    };
    let args = year.map(|year| AddArgs {
        title: f.title.clone().unwrap_or_default(),
        authors: f.authors.as_deref().unwrap_or("").lines().map(str::to_string).collect(),
        year,
        kind: text(&f.kind),
        container: text(&f.container),
        doi: text(&f.doi),
        pmid: f.more("pmid"),
        isbn: text(&f.isbn).into_iter().collect(),
        bib: f.bib(),
        url: text(&f.url),
        note: text(&f.note),
        themes: f.theme.clone(),
        status: "suggested".into(),
        by: crate::cli::By { by: None },
        facets: FacetArgs {
            source_kind: None,
            language: None,
            original_language: None,
            translated: None,
            global_south: None,
            open_access: None,
            perspective: None,
        },
    });
    let r = match args {
        Err(e) => Err(anyhow::anyhow!(e)),
        Ok(args) => {
            app.write(who, move |tx, _ids, by| {
                let rec = record(&args, &ThemeIndex::load(tx)?)?;
                let mut w = ReadingWriter::new(tx, id_gen(tx)?, Some(by), None, "suggested", false)?;
                let id = w.write(&rec)?;
                Ok((id, w.counts.new == 1))
            })
            .await
        }
    };
    match r {
        Ok((id, new)) => {
            let mut message = if new {
                "Added; it waits in the review queue for another member to approve it.".to_string()
            } else {
                "This reading was already in the list; the details you gave were merged into it.".to_string()
            };
            // An uncertain year ("950?") is kept plain: said as `reading add --year` says it.
            if let Some(w) = text(&f.year).and_then(|y| crate::import::dates::typed_year_warning("the year", &y)) {
                message.push_str(&format!(" Note: {w}"));
            }
            // An editor's name that may be an institution's, said as an import says it.
            for w in f.bib().warnings() {
                message.push_str(&format!(" Note: {w}"));
            }
            done(&app.keys, &visit, &format!("/readings/{id}"), Flash { error: false, message })
        }
        Err(e) => {
            let msg = format!("{e:#}");
            let themes =
                app.read(|db| db.app.cache.themes(&db.store.conn)).await.map(|t| t.to_vec()).unwrap_or_default();
            (StatusCode::UNPROCESSABLE_ENTITY, Html(new_page(&visit, &themes, &f, Some(&msg)).into_string()))
                .into_response()
        }
    }
}
