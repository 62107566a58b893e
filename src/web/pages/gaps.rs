//! The gaps, grouped as the report groups them, each with its proposals and
//! a one-click "link this reading".

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::{Fail, render};
use crate::analysis::gaps::{Gap, GapKind};
use crate::store::audit::Scope;
use crate::store::tags::Target;
use crate::store::themes::ThemeIndex;
use crate::web::app::{App, Db};
use crate::web::forms::{encode, query, target_value};
use crate::web::html::{Nav, Pager, chip, csrf, layout};
use crate::web::session::Visit;

const PER_PAGE: usize = 50;

/// The report's sections, in its order, with their titles.
pub const SECTIONS: &[(GapKind, &str)] = &[
    (GapKind::UncoveredTheme, "Themes not covered"),
    (GapKind::NotRevisited, "Themes not returned to"),
    (GapKind::ShallowTheme, "Themes taught only at the lower levels"),
    (GapKind::ThinReading, "Themes with thin reading"),
    (GapKind::UntaggedModule, "Modules with no theme"),
    (GapKind::UnsupportedItem, "Tagged sessions without a reading"),
    (GapKind::ModuleGap, "Module gaps"),
];

#[derive(Debug, Default, Deserialize)]
pub struct GapsQuery {
    programme: Option<String>,
    year: Option<String>,
    module: Option<String>,
    theme: Option<String>,
    kind: Option<String>,
    page: Option<usize>,
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub async fn page(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<GapsQuery>,
) -> Response {
    render(&app, visit, move |db, v| gaps_page(db, v, &q)).await
}

fn gaps_page(db: &Db, v: &Visit, q: &GapsQuery) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    let year = match nonempty(&q.year) {
        None => None,
        Some(y) => Some(y.parse::<i64>().map_err(|_| Fail::Bad(format!("year {y:?} is not a number")))?),
    };
    let theme = match nonempty(&q.theme) {
        None => None,
        Some(t) => {
            let idx = ThemeIndex::load(conn)?;
            Some(
                idx.resolve(t)
                    .ok_or_else(|| Fail::Bad(format!("no theme called {t:?}; expected one of {}", idx.expected())))?,
            )
        }
    };
    let audit = db.app.cache.audit(conn)?;
    let module = nonempty(&q.module).map(str::to_string);
    if let Some(code) = &module
        && !audit.data.modules.iter().any(|m| m.code.eq_ignore_ascii_case(code))
    {
        return Err(Fail::Bad(format!("no module with code {code:?}")));
    }
    let kind = match nonempty(&q.kind) {
        None => None,
        Some(k) => Some(GapKind::parse(k).ok_or_else(|| Fail::Bad(format!("no gap kind {k:?}")))?),
    };
    let programme = nonempty(&q.programme).map(str::to_string);
    let mut programmes: Vec<&str> = audit.data.modules.iter().map(|m| m.programme.as_str()).collect();
    programmes.sort_unstable();
    programmes.dedup();
    if let Some(p) = &programme
        && !programmes.iter().any(|x| x.eq_ignore_ascii_case(p))
    {
        return Err(Fail::Bad(format!("no programme called {p:?}; expected one of {}", programmes.join(", "))));
    }
    let all = db.app.cache.gaps(conn, &Scope { programme: programme.clone(), year, module: module.clone(), theme })?;
    let themes = db.app.cache.themes(conn)?;
    let module_ids: HashMap<&str, i64> = audit.data.modules.iter().rev().map(|m| (m.code.as_str(), m.id)).collect();
    let mut years: Vec<i64> = audit.data.modules.iter().filter_map(|m| m.year).collect();
    years.sort_unstable();
    years.dedup();

    // In the report's order: section by section.
    let ordered: Vec<&Gap> = SECTIONS
        .iter()
        .filter(|(k, _)| kind.is_none_or(|want| want == *k))
        .flat_map(|(k, _)| all.iter().filter(move |g| g.kind == *k))
        .collect();
    let pager = Pager::new(q.page, PER_PAGE, ordered.len());
    let shown = &ordered[pager.range()];
    let year_s = year.map(|y| y.to_string()).unwrap_or_default();
    let theme_s = nonempty(&q.theme).unwrap_or("");
    let kind_s = kind.map(|k| k.as_str()).unwrap_or("");
    let module_s = module.as_deref().unwrap_or("");
    let programme_s = programme.as_deref().unwrap_or("");
    let params = [
        ("programme", programme_s),
        ("year", year_s.as_str()),
        ("module", module_s),
        ("theme", theme_s),
        ("kind", kind_s),
    ];
    let page_s = pager.page.to_string();
    let mut here_params = params.to_vec();
    here_params.push(("page", &page_s));
    let here = format!("/gaps{}", query(&here_params));
    let count = |k: GapKind| all.iter().filter(|g| g.kind == k).count();

    let body = html! {
        p.lead { "What the curriculum leaves out, most serious first within each kind, with readings that could fill each gap." }
        form.row method="get" action="/gaps" {
            @if programmes.len() > 1 {
                div {
                    label for="g-programme" { "Programme" }
                    select #g-programme name="programme" {
                        option value="" { "All programmes" }
                        @for p in &programmes { option value=(p) selected[programme.as_deref() == Some(*p)] { (p) } }
                    }
                }
            }
            div {
                label for="g-year" { "Year of study" }
                select #g-year name="year" {
                    option value="" { "All years" }
                    @for y in &years { option value=(y) selected[year == Some(*y)] { "Year " (y) } }
                }
            }
            div { label for="g-module" { "Module code" } input #g-module type="text" name="module" value=(module_s) size="10"; }
            div {
                label for="g-theme" { "Theme" }
                select #g-theme name="theme" {
                    option value="" { "All themes" }
                    @for t in themes.iter() { option value=(t.slug) selected[theme == Some(t.id)] { (t.slug) } }
                }
            }
            div {
                label for="g-kind" { "Kind" }
                select #g-kind name="kind" {
                    option value="" { "All kinds" }
                    @for (k, title) in SECTIONS { option value=(k.as_str()) selected[kind == Some(*k)] { (title) " (" (count(*k)) ")" } }
                }
            }
            button type="submit" { "Show" }
        }
        ul.legend aria-label="Gaps by kind" {
            @for (k, title) in SECTIONS {
                li { a href={ "/gaps" (query(&[("programme", programme_s), ("year", &year_s), ("module", module_s), ("theme", theme_s), ("kind", k.as_str())])) } { (title) ": " (count(*k)) } }
            }
        }
        (pager.links("/gaps", &params, "gaps"))
        @for (k, title) in SECTIONS {
            @let gs: Vec<&&Gap> = shown.iter().filter(|g| g.kind == *k).collect();
            @if !gs.is_empty() {
                h2 { (title) " (" (count(*k)) ")" }
                @for g in gs { (gap(v, g, &module_ids, &here, pager.range().start + shown.iter().position(|x| std::ptr::eq(*x, *g)).unwrap_or(0))) }
            }
        }
        (pager.links("/gaps", &params, "gaps"))
    };
    Ok(layout(v, "Gaps", Nav::Gaps, body))
}

fn gap(v: &Visit, g: &Gap, module_ids: &HashMap<&str, i64>, back: &str, n: usize) -> Markup {
    let module_id = g.module_code.as_deref().and_then(|c| module_ids.get(c).copied());
    // Where a proposed reading can be linked: the module and its sessions the gap names.
    let mut targets: Vec<(Target, String)> = Vec::new();
    if let (Some(id), Some(code)) = (module_id, &g.module_code) {
        targets.push((Target::Module(id), format!("the whole module {code}")));
    }
    for i in &g.items {
        targets.push((Target::Item(i.item_id), format!("{} · {}", i.module_code, i.title)));
    }
    html! {
        article class={ "gap " (g.severity.as_str()) } {
            h3 {
                span class={ "badge sev-" (g.severity.as_str()) } { (g.severity.as_str()) } " "
                @if let Some(t) = &g.theme { (chip(t)) " " }
                @match module_id {
                    Some(id) => { a href={ "/modules/" (id) } { (g.scope) } }
                    None => { (g.scope) }
                }
            }
            p { (g.explanation) }
            p { strong { "Next: " } (g.suggestion) }
            @if !g.items.is_empty() {
                p.muted { "Sessions: " }
                ul {
                    @for i in &g.items {
                        li { a href={ "/items/" (i.item_id) } { (i.module_code) " · " (i.title) } }
                    }
                }
            }
            @if g.kind == GapKind::ThinReading {
                p { a href={ "/readings/new?theme=" (encode(g.theme.as_deref().unwrap_or(""))) } { "Add a reading on this theme" } }
            }
            @if !g.candidates.is_empty() {
                p.muted { "Proposed readings:" }
                ul.candidates {
                    @for c in &g.candidates {
                        li {
                            a href={ "/readings/" (c.reading_id) } { (c.title) } " (" (crate::web::html::year(c.year)) ")"
                            @if c.score > 0.0 { span.muted { " relevance " (c.score) } }
                            @if let Some((t, label)) = targets.first() {
                                " "
                                form.inline method="post" action="/link" {
                                    (csrf(v))
                                    input type="hidden" name="reading" value=(c.reading_id);
                                    input type="hidden" name="back" value=(back);
                                    @if targets.len() == 1 {
                                        input type="hidden" name="target" value=(target_value(*t));
                                        button.small type="submit" aria-label={ "Link “" (c.title) "” to " (label) } { "Link this reading" }
                                    } @else {
                                        @let sel = format!("gl-{n}-{}", c.reading_id);
                                        label.visually-hidden for=(sel) { "Link “" (c.title) "” to" }
                                        select id=(sel) name="target" {
                                            @for (t, label) in &targets { option value=(target_value(*t)) { (label) } }
                                        }
                                        " "
                                        button.small type="submit" aria-label={ "Link “" (c.title) "” to the chosen place" } { "Link this reading" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
