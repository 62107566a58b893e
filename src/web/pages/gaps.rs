//! The gaps, grouped as the report groups them, each with its proposals and
//! a one-click "link this reading"; above them the findings they roll up
//! into, as `canon gaps --findings` and the report's Gaps section list them.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::{Fail, render};
use crate::analysis::findings::{Finding, id_ranges};
use crate::analysis::gaps::{self, Gap, GapKind};
use crate::analysis::glossary::{self, Term};
use crate::store::audit::Scope;
use crate::store::tags::Target;
use crate::store::themes::ThemeIndex;
use crate::web::app::{App, Db};
use crate::web::forms::{encode, query, target_value};
use crate::web::html::{Nav, Pager, chip, csrf, layout, plain_title, rich_title};
use crate::web::session::Visit;

const PER_PAGE: usize = 50;

/// The report's sections, in its order, with the glossary's headings and definitions.
fn sections() -> Vec<Term> {
    glossary::all(gaps::Options::default().min_readings)
}

#[derive(Debug, Default, Deserialize)]
pub struct GapsQuery {
    programme: Option<String>,
    year: Option<String>,
    module: Option<String>,
    theme: Option<String>,
    kind: Option<String>,
    /// Only the gaps behind this finding ("F3").
    finding: Option<String>,
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
    let analysis =
        db.app.cache.gaps(conn, &Scope { programme: programme.clone(), year, module: module.clone(), theme })?;
    let all = &analysis.gaps;
    let finding: Option<&Finding> = match nonempty(&q.finding) {
        None => None,
        Some(f) => Some(
            analysis
                .findings
                .iter()
                .find(|x| x.id.eq_ignore_ascii_case(f))
                .ok_or_else(|| Fail::Bad(format!("no finding {f:?} in this scope")))?,
        ),
    };
    let sections = sections();
    let themes = db.app.cache.themes(conn)?;
    let module_ids: HashMap<&str, i64> = audit.data.modules.iter().rev().map(|m| (m.code.as_str(), m.id)).collect();
    let mut years: Vec<i64> = audit.data.modules.iter().filter_map(|m| m.year).collect();
    years.sort_unstable();
    years.dedup();

    // In the report's order: section by section.
    let ordered: Vec<&Gap> = sections
        .iter()
        .filter(|t| kind.is_none_or(|want| want == t.kind))
        .flat_map(|t| all.iter().filter(move |g| g.kind == t.kind))
        .filter(|g| finding.is_none_or(|f| g.finding == f.id))
        .collect();
    let pager = Pager::new(q.page, PER_PAGE, ordered.len());
    let shown = &ordered[pager.range()];
    let year_s = year.map(|y| y.to_string()).unwrap_or_default();
    let theme_s = nonempty(&q.theme).unwrap_or("");
    let kind_s = kind.map(|k| k.as_str()).unwrap_or("");
    let module_s = module.as_deref().unwrap_or("");
    let programme_s = programme.as_deref().unwrap_or("");
    let finding_s = finding.map_or("", |f| f.id.as_str());
    let scope = [("programme", programme_s), ("year", year_s.as_str()), ("module", module_s), ("theme", theme_s)];
    let params = [
        ("programme", programme_s),
        ("year", year_s.as_str()),
        ("module", module_s),
        ("theme", theme_s),
        ("kind", kind_s),
        ("finding", finding_s),
    ];
    let with = |k: &'static str, v: &str| -> String {
        let mut p: Vec<(&str, &str)> = scope.to_vec();
        p.push((k, v));
        format!("/gaps{}", query(&p))
    };
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
                    @for t in themes.iter() { option value=(t.slug) selected[theme == Some(t.id)] { (t.name) } }
                }
            }
            div {
                label for="g-kind" { "Kind" }
                select #g-kind name="kind" {
                    option value="" { "All kinds" }
                    @for t in &sections { option value=(t.kind.as_str()) selected[kind == Some(t.kind)] { (t.heading) " (" (count(t.kind)) ")" } }
                }
            }
            button type="submit" { "Show" }
        }
        @if let Some(f) = finding {
            h2 #findings { "Finding " (f.id) }
            (findings_table(std::slice::from_ref(f), &with))
            p { a href=(with("", "")) { "All gaps and findings" } }
        } @else if pager.page == 1 && kind.is_none() {
            h2 #findings { "Findings (" (analysis.findings.len()) ")" }
            @if analysis.findings.is_empty() {
                p { "No gaps in this scope." }
            } @else {
                p.muted {
                    "Gaps that describe one fact at several levels, rolled up into one finding each, most important first, "
                    "as the report leads with them. Open a finding for the gaps behind it."
                }
                (findings_table(&analysis.findings, &with))
            }
        }
        ul.legend aria-label="Gaps by kind" {
            @for t in &sections {
                li { a href=(with("kind", t.kind.as_str())) { (t.heading) ": " (count(t.kind)) } }
            }
        }
        (pager.links("/gaps", &params, "gap"))
        @for t in &sections {
            @let gs: Vec<&&Gap> = shown.iter().filter(|g| g.kind == t.kind).collect();
            @if !gs.is_empty() {
                h2 { (t.heading) " (" (if finding.is_some() { gs.len() } else { count(t.kind) }) ")" }
                p.muted { (t.definition) " Severity: " (t.severity) }
                @for g in gs { (gap(v, g, &themes, &module_ids, &here, &with, pager.range().start + shown.iter().position(|x| std::ptr::eq(*x, *g)).unwrap_or(0))) }
            }
        }
        (pager.foot("/gaps", &params, "gap"))
    };
    Ok(layout(v, "Gaps", Nav::Gaps, body))
}

/// The findings as the report's table has them: number, severity, what and
/// what next, and the gaps behind each (a link to them).
fn findings_table(fs: &[Finding], with: &dyn Fn(&'static str, &str) -> String) -> Markup {
    html! {
        table.wide.findings {
            thead {
                tr {
                    th scope="col" { "No." } th scope="col" { "Severity" } th scope="col" { "What, and what next" }
                    th scope="col" { "Gaps" }
                }
            }
            tbody {
                @for f in fs {
                    tr id=(f.id) {
                        th scope="row" { (f.id) }
                        td { span class={ "badge sev-" (f.severity.as_str()) } { (f.severity.word()) } }
                        td { (f.headline) br; strong { "Next: " } (f.next_step) }
                        td { a href=(with("finding", &f.id)) aria-label={ "The gaps behind " (f.id) } { (id_ranges(&f.gaps)) } }
                    }
                }
            }
        }
    }
}

fn gap(
    v: &Visit,
    g: &Gap,
    themes: &[crate::store::themes::Theme],
    module_ids: &HashMap<&str, i64>,
    back: &str,
    with: &dyn Fn(&'static str, &str) -> String,
    n: usize,
) -> Markup {
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
        article class={ "gap " (g.severity.as_str()) } id=(g.id) {
            h3 {
                span.gap-id { (g.id) } " "
                span class={ "badge sev-" (g.severity.as_str()) } { (g.severity.as_str()) } " "
                @if let Some(t) = &g.theme { (chip(themes, t)) " " }
                @match module_id {
                    Some(id) => { a href={ "/modules/" (id) } { (g.scope) } }
                    None => { (g.scope) }
                }
            }
            p { (g.explanation) @if !g.finding.is_empty() { " " span.muted { "(part of finding " a href=(with("finding", &g.finding)) { (g.finding) } ")" } } }
            p { strong { "Next: " } (g.suggestion) }
            @if !g.items.is_empty() {
                p.muted { "Sessions: " }
                ul {
                    @for i in &g.items {
                        li { a href={ "/items/" (i.item_id) } { (i.module_code) " · " bdi { (i.title) } } }
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
                            a href={ "/readings/" (c.reading_id) } { bdi { (rich_title(&c.title)) } } " (" (crate::web::html::year(c.year)) ")"
                            @if c.score > 0.0 { span.muted { " relevance " (c.score) } }
                            @if !c.reason.is_empty() { span.muted { " · " (crate::web::html::quotes_isolated(&c.why())) } }
                            @if let Some((t, label)) = targets.first() {
                                " "
                                form.inline method="post" action="/link" {
                                    (csrf(v))
                                    input type="hidden" name="reading" value=(c.reading_id);
                                    input type="hidden" name="back" value=(back);
                                    @if targets.len() == 1 {
                                        input type="hidden" name="target" value=(target_value(*t));
                                        button.small type="submit" aria-label={ "Link “" (plain_title(&c.title)) "” to " (label) } { "Link this reading" }
                                    } @else {
                                        @let sel = format!("gl-{n}-{}", c.reading_id);
                                        label.visually-hidden for=(sel) { "Link “" (plain_title(&c.title)) "” to" }
                                        select id=(sel) name="target" {
                                            @for (t, label) in &targets { option value=(target_value(*t)) { (label) } }
                                        }
                                        " "
                                        button.small type="submit" aria-label={ "Link “" (plain_title(&c.title)) "” to the chosen place" } { "Link this reading" }
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
