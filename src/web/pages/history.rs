//! The history of changes, newest first, each with its undo.

use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::Value;

use super::render;
use crate::store::history::Entry;
use crate::web::app::App;
use crate::web::forms::query;
use crate::web::html::{Nav, Pager, csrf, layout};
use crate::web::session::Visit;

const PER_PAGE: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct HistoryQuery {
    by: Option<String>,
    entity: Option<String>,
    id: Option<i64>,
    page: Option<usize>,
}

/// A JSON value as a short text.
fn short(v: &Value) -> String {
    let s = crate::store::history::value_text(v);
    if s.chars().count() > 80 { format!("{}…", s.chars().take(79).collect::<String>()) } else { s }
}

/// What changed: `field: before → after` for an update, the fields of what was added or removed.
fn change(e: &Entry) -> Markup {
    // What was added or removed: the fields that hold something.
    let fields = |v: &Value| -> Vec<(String, String)> {
        let empty = |v: &Value| match v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        v.as_object()
            .map(|o| o.iter().filter(|(_, v)| !empty(v)).map(|(k, v)| (k.clone(), short(v))).collect())
            .unwrap_or_default()
    };
    html! {
        @match (&e.before, &e.after) {
            (Some(b), Some(a)) => {
                @for (k, v) in a.as_object().into_iter().flatten().filter(|(k, v)| b.get(k.as_str()) != Some(*v)) {
                    span.field { (k) ": " (b.get(k.as_str()).map(short).unwrap_or_default()) " → " (short(v)) } br;
                }
                // A list emptied leaves the after without it (cleared other ISBNs): said too.
                @for (k, v) in b.as_object().into_iter().flatten().filter(|(k, _)| a.get(k.as_str()).is_none()) {
                    span.field { (k) ": " (short(v)) " → (empty)" } br;
                }
            }
            (None, Some(a)) => { @for (k, v) in fields(a) { span.field { (k) ": " (v) } br; } }
            (Some(b), None) => { "removed: " @for (k, v) in fields(b) { span.field { (k) ": " (v) } br; } }
            (None, None) => {}
        }
    }
}

/// Where a change's record can be seen.
fn record_link(e: &Entry) -> Option<String> {
    let id = e.entity_id?;
    let rec = e.after.as_ref().or(e.before.as_ref());
    let get = |k: &str| rec.and_then(|r| r.get(k)).and_then(Value::as_i64);
    match e.entity.as_str() {
        "reading" | "reading_tag" => Some(format!("/readings/{id}")),
        "item" | "item_tag" => Some(format!("/items/{id}")),
        "module" => Some(format!("/modules/{id}")),
        "link" => get("reading_id").map(|r| format!("/readings/{r}")),
        "suggestion" => match rec.and_then(|r| r.get("target")).and_then(Value::as_str) {
            Some("reading") => Some(format!("/readings/{id}")),
            _ => Some(format!("/items/{id}")),
        },
        _ => None,
    }
}

pub async fn page(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<HistoryQuery>,
) -> Response {
    render(&app, visit, move |db, v| {
        let log = db.app.cache.history(&db.store.conn)?;
        let by = q.by.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let entity = q.entity.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let rows: Vec<&Entry> = log
            .iter()
            .rev()
            .filter(|e| by.is_none_or(|b| e.by.as_deref() == Some(b)))
            .filter(|e| entity.is_none_or(|x| e.entity == x))
            .filter(|e| q.id.is_none_or(|id| e.entity_id == Some(id)))
            .collect();
        let mut entities: Vec<&str> = log.iter().map(|e| e.entity.as_str()).collect();
        entities.sort_unstable();
        entities.dedup();
        let pager = Pager::new(q.page, PER_PAGE, rows.len());
        let id_s = q.id.map(|i| i.to_string()).unwrap_or_default();
        let params = [("by", by.unwrap_or("")), ("entity", entity.unwrap_or("")), ("id", id_s.as_str())];
        let page_s = pager.page.to_string();
        let mut here = params.to_vec();
        here.push(("page", &page_s));
        let back = format!("/history{}", query(&here));
        let body = html! {
            p.lead { "Every change, by whom and when, with what it was before. Undo reverts one change when nothing later touched the same record; the undo is itself recorded." }
            form.row method="get" action="/history" {
                div { label for="h-by" { "By" } input #h-by type="text" name="by" value=(by.unwrap_or("")); }
                div {
                    label for="h-entity" { "Kind of record" }
                    select #h-entity name="entity" {
                        option value="" { "Any" }
                        @for x in &entities { option value=(x) selected[entity == Some(*x)] { (x) } }
                    }
                }
                button type="submit" { "Show" }
            }
            (pager.links("/history", &params, "change"))
            @if !rows.is_empty() {
                table.wide {
                    thead { tr { th.num scope="col" { "#" } th scope="col" { "When" } th scope="col" { "By" } th scope="col" { "What" } th scope="col" { "Change" } th scope="col" { "Undo" } } }
                    tbody {
                        @for e in &rows[pager.range()] {
                            tr {
                                td.num { (e.id) }
                                td { (e.at.get(..16).unwrap_or(&e.at).replace('T', " ")) }
                                td { (e.by.as_deref().unwrap_or("(unknown)")) }
                                td {
                                    (e.action) " " (e.entity)
                                    @if let Some(id) = e.entity_id {
                                        " "
                                        @match record_link(e) { Some(href) => { a href=(href) { (id) } } None => { (id) } }
                                    }
                                    @if let Some(n) = &e.note { br; span.muted { (n) } }
                                }
                                td { (change(e)) }
                                td {
                                    @if e.action != "import" {
                                        form.inline method="post" action="/undo" {
                                            (csrf(v))
                                            input type="hidden" name="id" value=(e.id);
                                            input type="hidden" name="back" value=(back);
                                            button.small.secondary type="submit" aria-label={ "Undo change " (e.id) } { "Undo" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                (pager.foot("/history", &params, "change"))
            }
        };
        Ok(layout(v, "History", Nav::History, body))
    })
    .await
}
