//! A module: its sessions with their themes, the suggested tags with their
//! evidence (accept or reject in one click), tag and untag, and the readings
//! linked to it (find one and link it).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::tagging::{restore_button, suggestion, suggestions, themes_editor};
use super::{Fail, failed, render};
use crate::analysis::bloom;
use crate::store::edit::{self, link::LinkFilter};
use crate::store::readings::Reading;
use crate::store::tags::Target;
use crate::store::workspace;
use crate::web::app::{App, Db};
use crate::web::forms::{encode, query, target_value};
use crate::web::html::{Nav, chip, count, csrf, layout, plain_title, rich_title, status, year};
use crate::web::session::Visit;

#[derive(Debug, Default, Deserialize)]
pub struct ModuleQuery {
    /// Show only the sessions tagged with this theme (a heat-map cell).
    theme: Option<String>,
    /// Words to find a reading to link.
    find: Option<String>,
}

pub async fn page(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Path(id): Path<i64>,
    Query(q): Query<ModuleQuery>,
) -> Response {
    render(&app, visit, move |db, v| module(db, v, id, &q)).await
}

/// `/items/ID`: the session on its module's page.
pub async fn item(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, Path(id): Path<i64>) -> Response {
    match app.read(move |db| workspace::item_module(&db.store.conn, id)).await {
        Ok(Some(m)) => (StatusCode::SEE_OTHER, [(header::LOCATION, format!("/modules/{m}#item-{id}"))]).into_response(),
        Ok(None) => failed(&visit, Fail::NotFound(format!("no session with ID {id}"))),
        Err(e) => failed(&visit, Fail::Internal(e)),
    }
}

/// Readings whose title, authors, DOI or ID hold every word of `words`.
pub fn find<'a>(readings: &'a [Reading], words: &str, limit: usize) -> Vec<&'a Reading> {
    let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    readings
        .iter()
        .filter(|r| {
            let hay = format!(
                "{} {} {} {}",
                r.title.to_lowercase(),
                r.authors.join(" ").to_lowercase(),
                r.doi.as_deref().unwrap_or("").to_lowercase(),
                r.id
            );
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .take(limit)
        .collect()
}

/// For each reading, a form that links it to the module or one of its sessions.
fn link_forms(
    v: &Visit,
    rs: &[&Reading],
    module: i64,
    items: &[crate::store::audit::ItemInfo],
    back: &str,
    ids: &str,
) -> Markup {
    html! {
        ul.found {
            @for r in rs {
                @let sel = format!("{ids}-target-{}", r.id);
                @let note = format!("{ids}-note-{}", r.id);
                li {
                    form.row method="post" action="/link" {
                        (csrf(v))
                        input type="hidden" name="reading" value=(r.id);
                        input type="hidden" name="back" value=(back);
                        span { a href={ "/readings/" (r.id) } { bdi { (rich_title(&r.title)) } } " (" (year(r.year)) ") " (status(&r.status)) }
                        div {
                            label for=(sel) { "Link to" }
                            select id=(sel) name="target" {
                                option value=(target_value(Target::Module(module))) { "the whole module" }
                                @for i in items { option value=(target_value(Target::Item(i.id))) { (i.title) } }
                            }
                        }
                        div {
                            label for=(note) { "Note (optional)" }
                            input id=(note) type="text" name="note";
                        }
                        button type="submit" aria-label={ "Link “" (plain_title(&r.title)) "”" } { "Link" }
                    }
                }
            }
        }
    }
}

fn module(db: &Db, v: &Visit, id: i64, q: &ModuleQuery) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    let m = workspace::module(conn, id)?.ok_or_else(|| Fail::NotFound(format!("no module with ID {id}")))?;
    let items = workspace::module_items(conn, id)?;
    let themes = db.app.cache.themes(conn)?;
    let readings = db.app.cache.readings(conn)?;
    let links = edit::link::list(conn, &LinkFilter { module: Some(id), ..Default::default() })?;
    let dismissed = db.app.cache.dismissed(conn)?;
    let by_id: HashMap<i64, &Reading> = readings.iter().map(|r| (r.id, r)).collect();
    let theme = match q.theme.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(slug) => {
            Some(themes.iter().find(|t| t.slug == slug).ok_or_else(|| Fail::Bad(format!("no theme called {slug:?}")))?)
        }
    };
    let found = db.app.cache.module_suggestions(id, || Ok(suggestions(&themes, Some(&m), &items, &[], &dismissed)))?;
    let tagged = items.iter().filter(|i| !i.themes.is_empty()).count();
    let shown: Vec<_> = items.iter().filter(|i| theme.is_none_or(|t| i.themes.contains(&t.id))).collect();
    let base = format!("/modules/{id}{}", query(&[("theme", q.theme.as_deref().unwrap_or(""))]));
    let item_title: HashMap<i64, &str> = items.iter().map(|i| (i.id, i.title.as_str())).collect();
    let rejected: Vec<_> = items
        .iter()
        .flat_map(|i| themes.iter().map(move |t| (i, t)))
        .filter(|(i, t)| dismissed.contains(&("item", i.id, t.id)))
        .collect();
    let title = format!("{} {}", m.code, m.title);

    let body = html! {
        p.lead {
            (m.programme) " · year " (year(m.year)) " · " (count(items.len(), "session")) ", " (tagged) " tagged with a theme"
            " · " a href="#readings" { (count(links.len(), "linked reading")) }
        }
        section #sessions aria-labelledby="sessions-h" {
            h2 #sessions-h { "Sessions" }
            @if let Some(t) = theme {
                p.flash role="status" {
                    "Showing the " (shown.len()) " of " (count(items.len(), "session")) " tagged " (chip(&themes, &t.slug)) ". "
                    a href={ "/modules/" (id) "#sessions" } { "Show every session" }
                }
            }
            @if found.is_empty() && theme.is_none() {
                p.muted { "No suggestions: the lexicons find nothing untagged here." }
            } @else if theme.is_none() {
                p { (count(found.len(), "suggested tag")) " below, each with the words that suggested it." }
            }
            ul.sessions {
                @for i in &shown {
                    @let label = format!("session “{}”", i.title);
                    @let back = format!("{base}#item-{}", i.id);
                    li id={ "item-" (i.id) } {
                        h3 { bdi { (i.title) } }
                        p.actions {
                            a href={ "/items/" (i.id) "/edit" } aria-label={ "Edit " (label) } { "Edit" } " · "
                            a href={ "/items/" (i.id) "/remove" } aria-label={ "Remove " (label) } { "Remove" }
                        }
                        @if !i.outcomes.is_empty() {
                            p.outcomes { (i.outcomes) }
                        }
                        @let level = i.bloom_override.clone().or_else(|| bloom::item_level(&i.outcomes).map(|l| l.as_str().to_string()));
                        @if let Some(level) = level {
                            p.muted { "Bloom level: " (level) @if i.bloom_override.is_some() { " (set by hand)" } }
                        }
                        (themes_editor(v, &themes, Target::Item(i.id), &label, &i.themes, &back))
                        @for s in found.iter().filter(|s| s.id == i.id) {
                            (suggestion(v, &themes, s, &label, &back))
                        }
                    }
                }
            }
            @if !rejected.is_empty() {
                details {
                    summary { (count(rejected.len(), "rejected suggestion")) }
                    ul {
                        @for (i, t) in &rejected {
                            li { (restore_button(v, Target::Item(i.id), t.id, &themes, &format!("“{}”", i.title), &format!("{base}#sessions"))) }
                        }
                    }
                }
            }
        }
        section #readings aria-labelledby="readings-h" {
            h2 #readings-h { "Readings for this module" }
            @if links.is_empty() {
                p.muted { "No reading is linked to this module or its sessions yet." }
            } @else {
                table.wide {
                    thead { tr { th scope="col" { "Reading" } th scope="col" { "Status" } th scope="col" { "Linked to" } th scope="col" { "By" } th scope="col" { "Note" } th scope="col" { "Unlink" } } }
                    tbody {
                        @for l in &links {
                            tr {
                                td {
                                    @if let Some(r) = by_id.get(&l.reading_id) {
                                        a href={ "/readings/" (r.id) } { bdi { (rich_title(&r.title)) } } " (" (year(r.year)) ")"
                                        @if theme.is_some_and(|t| r.themes.contains(&t.slug)) { " " (chip(&themes, &theme.map(|t| t.slug.clone()).unwrap_or_default())) }
                                    } @else {
                                        "reading " (l.reading_id)
                                    }
                                }
                                td { @if let Some(r) = by_id.get(&l.reading_id) { (status(&r.status)) } }
                                td {
                                    @match l.item_id {
                                        Some(item) => { a href={ "#item-" (item) } { (item_title.get(&item).copied().unwrap_or("a session")) } }
                                        None => { "the whole module" }
                                    }
                                }
                                td { (l.by.as_deref().unwrap_or("")) }
                                td { (l.note.as_deref().unwrap_or("")) }
                                td {
                                    form.inline method="post" action="/unlink" {
                                        (csrf(v))
                                        input type="hidden" name="link" value=(l.id);
                                        input type="hidden" name="back" value={ (base) "#readings" };
                                        button.small.danger type="submit" aria-label={ "Unlink “" (l.reading_title) "”" } { "Unlink" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(t) = theme {
                @let linked: Vec<i64> = links.iter().map(|l| l.reading_id).collect();
                @let on_theme: Vec<&Reading> = readings
                    .iter()
                    .filter(|r| r.status == "approved" && r.themes.contains(&t.slug) && !linked.contains(&r.id))
                    .take(10)
                    .collect();
                @if !on_theme.is_empty() {
                    h3 { "Approved readings on " (t.name) " not linked here yet" }
                    (link_forms(v, &on_theme, id, &items, &format!("{base}#readings"), "theme"))
                }
            }
            h3 #link-h { "Link a reading" }
            form.row method="get" action={ "/modules/" (id) } {
                @if let Some(t) = &q.theme { input type="hidden" name="theme" value=(t); }
                div {
                    label for="find" { "Find a reading by title, author, DOI or ID" }
                    input #find type="search" name="find" value=[q.find.as_deref()] dir="auto";
                }
                button type="submit" { "Find" }
            }
            @if let Some(words) = q.find.as_deref().filter(|w| !w.trim().is_empty()) {
                @let hits = find(&readings, words, 20);
                @if hits.is_empty() {
                    p { "No reading matches “" (words) "”. " a href={ "/readings/new" } { "Add it to the reading list" } }
                } @else {
                    (link_forms(v, &hits, id, &items, &format!("{base}#readings"), "found"))
                    p.hint { "Showing at most 20. " a href={ "/search?q=" (encode(words)) } { "Search everything" } }
                }
            }
        }
    };
    Ok(layout(v, &title, Nav::Overview, body))
}
