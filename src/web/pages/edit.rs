//! Correcting and removing: edit a reading or a session, remove one (after a
//! page that says what goes with it), unlink a reading. Each is one change
//! through `store::edit`, the functions `canon reading edit`, `item remove`,
//! `unlink`… call, so each is one history entry that undo reverts whole.
//!
//! An edit form remembers the values it showed: only the fields the person
//! changed are written, and a field someone else changed meanwhile is not
//! overwritten (the form says so and writes nothing).

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use axum::body::Bytes;
use axum::extract::{Extension, Form, Path, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::Value;

use super::{Fail, render};
use crate::analysis::bloom::Level;
use crate::import::READING_TYPES;
use crate::import::reading_csv::SOURCE_KINDS;
use crate::store::bundle;
use crate::store::edit::item::{ItemPatch, KINDS};
use crate::store::edit::reading::ReadingPatch;
use crate::store::edit::{self, NeedsForce, Removal};
use crate::web::app::{App, Db};
use crate::web::forms::{done, local, outcome};
use crate::web::html::{Nav, csrf, layout};
use crate::web::session::Visit;

/// What a record is, for these pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reading,
    Item,
}

impl Kind {
    fn table(self) -> &'static str {
        match self {
            Kind::Reading => "reading",
            Kind::Item => "item",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Reading => "reading",
            Kind::Item => "session",
        }
    }
}

/// How a field is shown and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Line,
    /// Several lines (a list of authors, learning outcomes, a note).
    Lines,
    Year,
    Choice(&'static [&'static str]),
    /// One of these, or none.
    OptChoice(&'static [&'static str]),
    /// The reading types canon knows.
    Types,
}

struct Field {
    name: &'static str,
    label: &'static str,
    input: Input,
}

const SEASONS: &[&str] = &["spring", "summer", "autumn", "winter"];

const BLOOM: &[&str] = &["", "remember", "understand", "apply", "analyse", "evaluate", "create"];

const READING_FIELDS: &[Field] = &[
    Field { name: "title", label: "Title", input: Input::Line },
    Field { name: "authors", label: "Authors, one per line", input: Input::Lines },
    Field { name: "year", label: "Year", input: Input::Year },
    Field { name: "type", label: "Type", input: Input::Types },
    Field { name: "container", label: "Journal, publisher or series", input: Input::Line },
    // Issue 12z: every field of the reference, read as `canon reading edit` reads it.
    Field { name: "editors", label: "Editors, one per line", input: Input::Lines },
    Field { name: "translators", label: "Translators, one per line", input: Input::Lines },
    Field { name: "volume", label: "Volume", input: Input::Line },
    Field { name: "issue", label: "Issue (or report number, number in series)", input: Input::Line },
    Field { name: "series_number", label: "Number in series (beside a report's number)", input: Input::Line },
    Field { name: "pages", label: "Pages", input: Input::Line },
    Field { name: "publisher", label: "Publisher", input: Input::Line },
    Field { name: "place", label: "Place of publication", input: Input::Line },
    Field { name: "edition", label: "Edition", input: Input::Line },
    Field { name: "series", label: "Series", input: Input::Line },
    Field { name: "genre", label: "Genre (Letter, Editorial, Review…)", input: Input::Line },
    Field { name: "container_short", label: "Journal abbreviation", input: Input::Line },
    Field { name: "month", label: "Month (1 to 12, or its name)", input: Input::Line },
    Field { name: "day", label: "Day (1 to 31)", input: Input::Line },
    Field { name: "month_end", label: "Last month of a range of months", input: Input::Line },
    // Schema 0036: the last year of a range of years, as `reading edit --year-end`.
    Field {
        name: "year_end",
        label: "Last year of a range of years (or of months across a year end)",
        input: Input::Line,
    },
    Field { name: "season", label: "Season", input: Input::OptChoice(SEASONS) },
    // Branch 12e: the ends of a range of days and seasons, and a whole work's number of pages.
    Field { name: "day_end", label: "Last day of a range of days", input: Input::Line },
    Field { name: "season_end", label: "Last season of a range of seasons", input: Input::OptChoice(SEASONS) },
    Field { name: "page_count", label: "Number of pages (of a whole book, report or thesis)", input: Input::Line },
    Field { name: "doi", label: "DOI", input: Input::Line },
    // Issue 12o: as `canon reading edit --pmid` (digits; validated, in the history).
    Field { name: "pmid", label: "PubMed ID (PMID)", input: Input::Line },
    // Schema 0041: as `canon reading edit --pmcid/--eprint` (validated, in the history).
    Field { name: "pmcid", label: "PubMed Central ID (PMCID, PMC7000001)", input: Input::Line },
    Field { name: "eprint", label: "arXiv ID (e-print, 2101.01234)", input: Input::Line },
    Field { name: "isbn", label: "ISBN", input: Input::Line },
    // Issue 12: the book's other ISBNs (schema 0037), as `reading edit --other-isbns`.
    Field {
        name: "other_isbns",
        label: "Other ISBNs of the book (e-book, other bindings), one per line",
        input: Input::Lines,
    },
    Field { name: "url", label: "Web address", input: Input::Line },
    Field { name: "accessed", label: "Access date (2024-03-05)", input: Input::Line },
    Field { name: "original_year", label: "First published (a reprint's original year)", input: Input::Line },
    Field {
        name: "original_title",
        label: "Title in the original language (when the title is its translation)",
        input: Input::Line,
    },
    Field {
        name: "volume_title",
        label: "Title of the volume (of a multi-volume work; its number in Volume)",
        input: Input::Line,
    },
    Field {
        name: "number_of_volumes",
        label: "Number of volumes (of a multi-volume work cited whole)",
        input: Input::Line,
    },
    Field { name: "archive", label: "Archive (that holds an archival document)", input: Input::Line },
    Field { name: "archive_location", label: "Archive location (shelfmark or call number)", input: Input::Line },
    Field { name: "event", label: "Event (the conference a paper was given at)", input: Input::Line },
    Field { name: "event_place", label: "Event place (where the conference was held)", input: Input::Line },
    Field { name: "event_date", label: "Event date (when the conference was held, 2020-11-08)", input: Input::Line },
    Field { name: "annotation", label: "Why read it", input: Input::Lines },
    Field { name: "source_kind", label: "Source kind", input: Input::OptChoice(SOURCE_KINDS) },
    Field { name: "language", label: "Language", input: Input::Line },
];

const ITEM_FIELDS: &[Field] = &[
    Field { name: "title", label: "Title", input: Input::Line },
    Field { name: "kind", label: "Kind", input: Input::Choice(KINDS) },
    Field { name: "outcomes", label: "Learning outcomes, one per line", input: Input::Lines },
    Field {
        name: "bloom_override",
        label: "Bloom level (empty: inferred from the outcomes' verbs)",
        input: Input::Choice(BLOOM),
    },
];

fn fields(k: Kind) -> &'static [Field] {
    match k {
        Kind::Reading => READING_FIELDS,
        Kind::Item => ITEM_FIELDS,
    }
}

/// A stored value as the form shows it.
fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"),
        Some(other) => other.to_string(),
    }
}

/// A stored field as the form shows it: an approximate year as "c. 950",
/// a copyright year as "c1998", the forms `typed_year` reads back.
fn shown_field(r: &bundle::Record, name: &str) -> String {
    let flag = |k: &str| r.get(k).and_then(Value::as_i64).is_some_and(|a| a != 0);
    match r.get(name) {
        Some(Value::Number(y)) if name == "year" && flag("date_approximate") => format!("c. {y}"),
        Some(Value::Number(y)) if name == "year" && flag("date_copyright") => format!("c{y}"),
        // A state kept beside a year, as `--year` reads it back.
        Some(Value::Number(y))
            if name == "year" && crate::import::kept_beside_year(r.get("year_note").and_then(Value::as_str)) =>
        {
            format!("{y} ({})", r.get("year_note").and_then(Value::as_str).unwrap_or_default().trim())
        }
        // The last month of a range across a year end is kept apart from one
        // within a year (schema 0036 `year_end_month`); the form has one field
        // for both (d86: it was empty, the stored month not shown).
        None | Some(Value::Null) if name == "month_end" => shown(r.get("year_end_month")),
        // Editors and translators are kept in parts; the form shows each as written.
        _ if matches!(name, "editors" | "translators") => r
            .get(if name == "editors" { "editor_names" } else { "translator_names" })
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|n| n.get("original").and_then(Value::as_str)).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default(),
        v => shown(v),
    }
}

/// Text as a form sends it back: line ends made `\n`, outer space trimmed.
fn tidy(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").trim().to_string()
}

fn load(conn: &rusqlite::Connection, k: Kind, id: i64) -> Result<Option<bundle::Record>> {
    let t = bundle::table(k.table()).with_context(|| format!("no table {}", k.table()))?;
    bundle::load(conn, t, id)
}

fn label_of(k: Kind, r: &bundle::Record) -> String {
    let title = shown(r.get("title"));
    match k {
        Kind::Reading => format!("“{title}”"),
        Kind::Item => format!("session “{title}”"),
    }
}

fn back_of(k: Kind, id: i64) -> String {
    match k {
        Kind::Reading => format!("/readings/{id}"),
        Kind::Item => format!("/items/{id}"),
    }
}

pub async fn reading_form(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
) -> Response {
    render(&app, visit, move |db, v| edit_page(db, v, Kind::Reading, id)).await
}

pub async fn item_form(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
) -> Response {
    render(&app, visit, move |db, v| edit_page(db, v, Kind::Item, id)).await
}

fn edit_page(db: &Db, v: &Visit, k: Kind, id: i64) -> Result<Markup, Fail> {
    let r = load(&db.store.conn, k, id)?.ok_or_else(|| Fail::NotFound(format!("no {} with ID {id}", k.noun())))?;
    let action = format!(
        "{}/edit",
        match k {
            Kind::Reading => format!("/readings/{id}"),
            Kind::Item => format!("/items/{id}"),
        }
    );
    let body = html! {
        p.lead { "Change what is wrong and save: only the fields you change are written, as one change in the history that undo reverts." }
        form.stack method="post" action=(action) {
            (csrf(v))
            @for f in fields(k) {
                @let now = shown_field(&r, f.name);
                @let id_ = format!("e-{}", f.name);
                input type="hidden" name={ "was_" (f.name) } value=(now);
                div {
                    label for=(id_) { (f.label) }
                    @match f.input {
                        Input::Line => { input id=(id_) type="text" name=(f.name) value=(now); }
                        // Text, not a number: an approximate year is typed "c. 950".
                        Input::Year => { input id=(id_) type="text" placeholder="2019, or c. 950" name=(f.name) value=(now); }
                        Input::Lines => { textarea id=(id_) name=(f.name) rows="4" { (now) } }
                        Input::Types => {
                            select id=(id_) name=(f.name) {
                                @for (o, _) in READING_TYPES { option value=(o) selected[*o == now] { (o) } }
                            }
                        }
                        Input::Choice(options) | Input::OptChoice(options) => {
                            select id=(id_) name=(f.name) {
                                @if matches!(f.input, Input::OptChoice(_)) { option value="" selected[now.is_empty()] { "(none)" } }
                                @if !now.is_empty() && !options.contains(&now.as_str()) { option value=(now) selected { (now) } }
                                @for o in options { option value=(o) selected[*o == now] { @if o.is_empty() { "(none)" } @else { (o) } } }
                            }
                        }
                    }
                }
            }
            button type="submit" { "Save" }
            " " a href=(back_of(k, id)) { "Cancel" }
        }
    };
    Ok(layout(v, &format!("Edit {}", label_of(k, &r)), Nav::Readings, body))
}

/// The fields the person changed: (field, new text), refused when someone
/// else changed the same field since the form was shown.
fn changed(k: Kind, form: &HashMap<String, String>, stored: &bundle::Record) -> Result<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    for f in fields(k) {
        let (Some(new), Some(was)) = (form.get(f.name), form.get(&format!("was_{}", f.name))) else { continue };
        let (new, was) = (tidy(new), tidy(was));
        if new == was {
            continue;
        }
        let now = tidy(&shown_field(stored, f.name));
        if now != was && now != new {
            bail!(
                "someone changed the {} since you opened the form (it is now {now:?}); nothing was saved. \
                 Open the form again and make your change",
                f.name
            );
        }
        out.push((f.name, new));
    }
    // A part of the date changed beside an end year (and its month) the
    // form shows and the person left as they were: they are kept with it, as
    // typed again (d86: a last month changed in a range across a year end
    // was refused, "not after the month"; a first month changed dropped the
    // end). A year typed anew as a range ("1998-2001") brings its own end;
    // a plain year typed anew keeps the end shown beside it (the lead, r98:
    // 1998 changed to 1997 in "1998-2000" dropped 2000 in silence), and an
    // end no longer after it is refused by the edit, saying so.
    let dated = ["month", "day", "month_end", "season", "day_end", "season_end"];
    let plain_year = |v: &str| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit());
    let year_typed = out.iter().find(|(f, _)| *f == "year").map(|(_, v)| plain_year(v.trim()));
    if (year_typed == Some(true) || (year_typed.is_none() && out.iter().any(|(f, _)| dated.contains(f))))
        && !out.iter().any(|(f, _)| *f == "year_end")
    {
        let kept = |name: &str| {
            let v = form.get(name).map(|v| tidy(v)).filter(|v| !v.is_empty())?;
            (v == tidy(&shown_field(stored, name))).then_some(v)
        };
        if let Some(e) = kept("year_end") {
            if !out.iter().any(|(f, _)| *f == "month_end")
                && let Some(m) = kept("month_end")
            {
                out.push(("month_end", m));
            }
            out.push(("year_end", e));
        }
    }
    Ok(out)
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn reading_patch(changes: &[(&str, String)]) -> Result<ReadingPatch> {
    let mut p = ReadingPatch::default();
    for (f, v) in changes {
        match *f {
            "title" => p.title = Some(v.clone()),
            "authors" => p.authors = Some(v.lines().map(str::to_string).collect()),
            "year" => {
                // Read as `canon reading edit --year` reads it: "c. 950" is 950, approximate.
                let y = opt(v)
                    .map(|y| crate::import::dates::typed_year(&y).map_err(|e| anyhow::anyhow!("the year {e}")))
                    .transpose()?;
                p.year = Some(y.as_ref().and_then(|t| t.year));
                p.year_approximate = y.as_ref().is_some_and(|t| t.approximate);
                p.date = y;
            }
            "type" => p.kind = Some(v.clone()),
            "container" => p.container = Some(opt(v)),
            "doi" => p.doi = Some(opt(v)),
            "pmid" => p.pmid = Some(opt(v)),
            "isbn" => p.isbn = Some(opt(v)),
            // One per line, or as a catalogue lists them ("…; …"), as `--other-isbns` reads them.
            "other_isbns" => {
                p.other_isbns = Some(
                    v.split(['\n', ';', ',']).map(str::trim).filter(|i| !i.is_empty()).map(str::to_string).collect(),
                )
            }
            "url" => p.url = Some(opt(v)),
            "annotation" => p.annotation = Some(opt(v)),
            "source_kind" => p.source_kind = Some(opt(v)),
            "language" => p.language = Some(opt(v)),
            "editors" => p.editors = Some(v.lines().map(str::to_string).collect()),
            "translators" => p.translators = Some(v.lines().map(str::to_string).collect()),
            "month" => p.month = Some(opt(v)),
            "day" => p.day = Some(opt(v)),
            "month_end" => p.month_end = Some(opt(v)),
            "year_end" => p.year_end = Some(opt(v)),
            "season" => p.season = Some(opt(v)),
            "day_end" => p.day_end = Some(opt(v)),
            "season_end" => p.season_end = Some(opt(v)),
            f => {
                if let Some((col, _)) = crate::store::edit::reading::BIB_TEXT.iter().find(|(c, _)| *c == f) {
                    p.bib.push((*col, opt(v)));
                }
            }
        }
    }
    Ok(p)
}

fn item_patch(changes: &[(&str, String)]) -> Result<ItemPatch> {
    let mut p = ItemPatch::default();
    for (f, v) in changes {
        match *f {
            "title" => p.title = Some(v.clone()),
            "kind" => p.kind = Some(v.clone()),
            "outcomes" => p.outcomes = Some(v.clone()),
            "bloom_override" => {
                p.bloom = Some(match opt(v) {
                    None => None,
                    Some(l) => Some(
                        Level::parse(&l).with_context(|| format!("{l:?} is not a Bloom level"))?.as_str().to_string(),
                    ),
                })
            }
            _ => {}
        }
    }
    Ok(p)
}

fn pairs(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

pub async fn reading_save(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    save(app, visit, Kind::Reading, id, pairs(&body)).await
}

pub async fn item_save(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    save(app, visit, Kind::Item, id, pairs(&body)).await
}

async fn save(app: Arc<App>, visit: Visit, k: Kind, id: i64, form: HashMap<String, String>) -> Response {
    let who = match visit.who() {
        Ok(w) => w,
        Err(e) => return done(&app.keys, &visit, "/who", outcome(Err(e))),
    };
    let r = app
        .write(who, move |tx, _ids, by| {
            let stored = load(tx, k, id)?.with_context(|| format!("no {} with ID {id}", k.noun()))?;
            let changes = changed(k, &form, &stored)?;
            if changes.is_empty() {
                return Ok("Nothing to save: no field was changed.".to_string());
            }
            let e = match k {
                Kind::Reading => edit::reading::edit(tx, by, id, &reading_patch(&changes)?)?,
                Kind::Item => edit::item::edit(tx, by, id, &item_patch(&changes)?)?,
            };
            // An uncertain year ("950?") is kept plain: said as `reading edit --year` says it.
            let warning = changes
                .iter()
                .find(|(f, _)| *f == "year")
                .and_then(|(_, y)| crate::import::dates::typed_year_warning("the year", y.trim()));
            let mut message = if e.is_unchanged() {
                "Nothing to save: it already was so.".to_string()
            } else {
                format!("Saved {}: {}.", e.label, e.describe())
            };
            if let Some(w) = warning {
                message.push_str(&format!(" Note: {w}"));
            }
            // A name that may be an institution's, said as an import says it.
            if let Some((_, eds)) = changes.iter().find(|(f, _)| *f == "editors") {
                let typed: Vec<String> = eds.lines().map(str::to_string).collect();
                for w in crate::store::edit::reading::editor_names(&typed).1 {
                    message.push_str(&format!(" Note: {w}"));
                }
            }
            if let Some((_, names)) = changes.iter().find(|(f, _)| *f == "translators") {
                let typed: Vec<String> = names.lines().map(str::to_string).collect();
                for w in crate::store::edit::reading::translator_names(&typed).1 {
                    message.push_str(&format!(" Note: {w}"));
                }
            }
            Ok(message)
        })
        .await;
    let to = match (&r, k) {
        (Err(_), _) => format!("{}/edit", back_of(k, id)),
        (Ok(_), Kind::Item) => match app.read(move |db| crate::store::workspace::item_module(&db.store.conn, id)).await
        {
            Ok(Some(m)) => format!("/modules/{m}#item-{id}"),
            _ => back_of(k, id),
        },
        (Ok(_), Kind::Reading) => back_of(k, id),
    };
    done(&app.keys, &visit, &to, outcome(r))
}

fn removal(conn: &rusqlite::Connection, k: Kind, id: i64) -> Result<Removal> {
    match k {
        Kind::Reading => edit::reading::removal(conn, id),
        Kind::Item => edit::item::removal(conn, id),
    }
}

pub async fn reading_confirm(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
) -> Response {
    render(&app, visit, move |db, v| confirm_page(db, v, Kind::Reading, id)).await
}

pub async fn item_confirm(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
) -> Response {
    render(&app, visit, move |db, v| confirm_page(db, v, Kind::Item, id)).await
}

/// Before a removal: what goes with it, and the button that does it.
fn confirm_page(db: &Db, v: &Visit, k: Kind, id: i64) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    let r = load(conn, k, id)?.ok_or_else(|| Fail::NotFound(format!("no {} with ID {id}", k.noun())))?;
    let rm = removal(conn, k, id)?;
    let action = format!(
        "{}/remove",
        match k {
            Kind::Reading => format!("/readings/{id}"),
            Kind::Item => format!("/items/{id}"),
        }
    );
    let body = html! {
        p.lead { "Removing is one change in the history: undo brings it back whole, with everything listed here." }
        @if rm.dependents.is_empty() {
            p { "Nothing else goes with it." }
        } @else {
            p { "With it go (or lose their reference to it):" }
            ul {
                @for d in &rm.dependents {
                    li {
                        (d.count) " " (d.what)
                        @if !d.examples.is_empty() { ": " (d.examples.join(", ")) @if d.count > d.examples.len() { ", …" } }
                        @if d.cleared { " (they stay; only their reference is cleared)" }
                    }
                }
            }
        }
        form method="post" action=(action) {
            (csrf(v))
            @if rm.needs_force() { input type="hidden" name="force" value="1"; }
            button.danger type="submit" { "Remove " (label_of(k, &r)) @if rm.needs_force() { " and what depends on it" } }
            " " a href=(back_of(k, id)) { "Keep it" }
        }
    };
    Ok(layout(v, &format!("Remove {}?", label_of(k, &r)), Nav::Readings, body))
}

#[derive(Debug, Deserialize)]
pub struct RemoveForm {
    force: Option<String>,
}

pub async fn reading_remove(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
    Form(f): Form<RemoveForm>,
) -> Response {
    remove(app, visit, Kind::Reading, id, f.force.is_some()).await
}

pub async fn item_remove(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
    Form(f): Form<RemoveForm>,
) -> Response {
    remove(app, visit, Kind::Item, id, f.force.is_some()).await
}

async fn remove(app: Arc<App>, visit: Visit, k: Kind, id: i64, force: bool) -> Response {
    let who = match visit.who() {
        Ok(w) => w,
        Err(e) => return done(&app.keys, &visit, "/who", outcome(Err(e))),
    };
    // Where to go afterwards: the module of a session, the list for a reading.
    let module = match k {
        Kind::Item => app.read(move |db| crate::store::workspace::item_module(&db.store.conn, id)).await.ok().flatten(),
        Kind::Reading => None,
    };
    let r = app
        .write(who, move |tx, _ids, by| {
            let rm = match k {
                Kind::Reading => edit::reading::remove(tx, by, id, force),
                Kind::Item => edit::item::remove(tx, by, id, force),
            };
            let rm = rm.map_err(|e| match e.downcast::<NeedsForce>() {
                // It gained dependents since the confirmation page: show that page again.
                Ok(n) => {
                    anyhow::anyhow!("{} now has more that depends on it; look again before removing it", n.0.label)
                }
                Err(e) => e,
            })?;
            Ok(format!(
                "Removed {} {} (with {}). The history keeps it{}.",
                k.noun(),
                rm.label,
                rm.describe(),
                rm.history_id.map(|h| format!("; undo change #{h} brings it back")).unwrap_or_default()
            ))
        })
        .await;
    let to = match (&r, k, module) {
        (Ok(_), Kind::Item, Some(m)) => format!("/modules/{m}#sessions"),
        (Ok(_), _, _) => "/readings".to_string(),
        (Err(_), _, _) => format!("{}/remove", back_of(k, id)),
    };
    done(&app.keys, &visit, &to, outcome(r))
}

#[derive(Debug, Deserialize)]
pub struct UnlinkForm {
    link: i64,
    back: Option<String>,
}

/// Takes back a reading's link to a session or module, as `canon unlink` does.
pub async fn unlink(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<UnlinkForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = match visit.who() {
        Err(e) => Err(e),
        Ok(who) => {
            app.write(who, move |tx, _ids, by| {
                let rm = edit::link::remove(tx, by, f.link)?;
                Ok(format!("Unlinked {} (the history keeps it; undo brings it back).", rm.label))
            })
            .await
        }
    };
    done(&app.keys, &visit, &back, outcome(r))
}
