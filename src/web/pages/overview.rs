//! The overview: the summary figures and the coverage heat-map (modules ×
//! themes), each cell opening the sessions and readings behind it.

use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::{Fail, render};
use crate::analysis::gaps::Severity;
use crate::web::app::{App, Db};
use crate::web::forms::query;
use crate::web::html::{Nav, Pager, count as counted, layout, thousands, year};
use crate::web::session::Visit;

/// Modules per page of the heat-map.
const PER_PAGE: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    programme: Option<String>,
    year: Option<String>,
    /// Only modules with no session on some theme.
    missing: Option<String>,
    page: Option<usize>,
}

pub async fn page(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<OverviewQuery>,
) -> Response {
    render(&app, visit, move |db, v| overview(db, v, &q)).await
}

/// The heat-map's shade for `count` of `items` sessions: five steps, always
/// printed with the number itself, so the colour is never the only signal.
pub fn shade(count: i64, items: i64) -> &'static str {
    if count <= 0 || items <= 0 {
        return "h0";
    }
    let share = count as f64 / items as f64;
    if share <= 0.25 {
        "h1"
    } else if share <= 0.5 {
        "h2"
    } else if share <= 0.75 {
        "h3"
    } else {
        "h4"
    }
}

fn percent(part: i64, whole: i64) -> String {
    if whole == 0 { "0%".into() } else { format!("{:.0}%", part as f64 * 100.0 / whole as f64) }
}

fn overview(db: &Db, v: &Visit, q: &OverviewQuery) -> Result<Markup, Fail> {
    let conn = &db.store.conn;
    let audit = db.app.cache.audit(conn)?;
    let readings = db.app.cache.readings(conn)?;
    let analysis = db.app.cache.gaps(conn, &Default::default())?;
    let gaps = &analysis.gaps;
    let people = db.app.cache.people(conn)?;
    let cov = &audit.coverage;
    let data = &audit.data;
    // The columns are named as the report names themes (the slug stays in links).
    let name_of = |slug: &str| -> String {
        data.themes.iter().find(|t| t.slug == slug).map_or_else(|| slug.to_string(), |t| t.name.clone())
    };

    let year_filter: Option<i64> = match q.year.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(y) => Some(y.parse().map_err(|_| Fail::Bad(format!("year {y:?} is not a number")))?),
    };
    let programme = q.programme.as_deref().filter(|p| !p.is_empty());
    let missing = q.missing.is_some();
    let mut programmes: Vec<&str> = data.modules.iter().map(|m| m.programme.as_str()).collect();
    programmes.dedup();
    let mut years: Vec<i64> = data.modules.iter().filter_map(|m| m.year).collect();
    years.sort_unstable();
    years.dedup();

    // Coverage rows are in the order of the audit's modules.
    let rows: Vec<(usize, &crate::analysis::coverage::CoverageRow)> = cov
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| year_filter.is_none_or(|y| r.year == Some(y)))
        .filter(|(_, r)| programme.is_none_or(|p| r.programme == p))
        .filter(|(_, r)| !missing || r.counts.contains(&0))
        .collect();
    let pager = Pager::new(q.page, PER_PAGE, rows.len());

    let tagged: i64 = cov.rows.iter().map(|r| r.tagged_items).sum();
    let count = |s: &str| readings.iter().filter(|r| r.status == s).count();
    let high = gaps.iter().filter(|g| g.severity == Severity::High).count();
    let year_s = year_filter.map(|y| y.to_string()).unwrap_or_default();
    let params = [
        ("programme", programme.unwrap_or("")),
        ("year", year_s.as_str()),
        ("missing", if missing { "1" } else { "" }),
    ];

    let body = html! {
        p.lead { "Where the curriculum stands: how many sessions carry each theme, and what is waiting for the group." }
        h2 { "Key figures" }
        ul.figures {
            li { span.n { (thousands(data.modules.len())) } @if data.modules.len() == 1 { "module in " } @else { "modules in " } (programmes.len()) " programme" @if programmes.len() != 1 { "s" } }
            li { span.n { (thousands(cov.items as usize)) } @if cov.items == 1 { "session" } @else { "sessions" } }
            li { span.n { (percent(tagged, cov.items)) } (counted(tagged as usize, "session")) " tagged with a theme" }
            li { span.n { (count("approved")) } @if count("approved") == 1 { "approved reading" } @else { "approved readings" } }
            li { span.n { a href="/review" { (count("suggested")) } } @if count("suggested") == 1 { "reading waiting for review" } @else { "readings waiting for review" } }
            li { span.n { a href="/gaps#findings" { (thousands(analysis.findings.len())) } } @if analysis.findings.len() == 1 { "finding, from " } @else { "findings, from " } (counted(gaps.len(), "gap")) ", " (high) " of high severity" }
            li { span.n { (people.contributors) } @if people.contributors == 1 { "contributor" } @else { "contributors" } }
        }
        h2 #heat-map { "Coverage heat-map" }
        p {
            "Each cell is the number of a module's sessions tagged with a theme; open it to see those sessions "
            "and the readings linked to the module. The shade repeats the share of the module's sessions."
        }
        ul.legend aria-label="Shades" {
            li.h0 { "0" } li.h1 { "up to 25%" } li.h2 { "up to 50%" } li.h3 { "up to 75%" } li.h4 { "more than 75%" }
        }
        form.row method="get" action="/" {
            @if programmes.len() > 1 {
                div {
                    label for="programme" { "Programme" }
                    select #programme name="programme" {
                        option value="" { "All programmes" }
                        @for p in &programmes { option value=(p) selected[programme == Some(*p)] { (p) } }
                    }
                }
            }
            div {
                label for="year" { "Year of study" }
                select #year name="year" {
                    option value="" { "All years" }
                    @for y in &years { option value=(y) selected[year_filter == Some(*y)] { "Year " (y) } }
                }
            }
            div.check {
                input #missing type="checkbox" name="missing" value="1" checked[missing];
                label for="missing" { " Only modules missing a theme" }
            }
            button type="submit" { "Show" }
        }
        (pager.links("/", &params, "module"))
        table.heat.wide {
            caption.visually-hidden { "Sessions tagged with each theme, per module" }
            thead {
                tr {
                    th scope="col" { "Module" }
                    th scope="col" { "Year" }
                    th.num scope="col" { "Sessions" }
                    @for t in &cov.themes { th.num scope="col" { (name_of(t)) } }
                    th.num scope="col" { "Any theme" }
                }
            }
            tbody {
                @for (i, r) in &rows[pager.range()] {
                    @let id = data.modules[*i].id;
                    tr {
                        th scope="row" {
                            a href={ "/modules/" (id) } { (r.module_code) } " " (r.module_title)
                            @if programmes.len() > 1 { br; span.muted { (r.programme) } }
                        }
                        td { (year(r.year)) }
                        td.num { (r.items) }
                        @for (t, c) in cov.themes.iter().zip(&r.counts) {
                            td class={ "cell " (shade(*c, r.items)) } {
                                a href={ "/modules/" (id) (query(&[("theme", t)])) "#sessions" }
                                    aria-label={ (r.module_code) ", " (name_of(t)) ": " (c) " of " (counted(r.items as usize, "session")) } { (c) }
                            }
                        }
                        td.num { (r.tagged_items) }
                    }
                }
            }
            tfoot {
                tr {
                    th scope="row" colspan="3" { @if cov.items == 1 { "The only session" } @else { "All " (thousands(cov.items as usize)) " sessions" } }
                    @for n in &cov.totals { td.num { (thousands(*n as usize)) } }
                    td.num { (thousands(tagged as usize)) }
                }
            }
        }
        (pager.foot("/", &params, "module"))
    };
    Ok(layout(v, "Overview", Nav::Overview, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_follow_the_share() {
        assert_eq!(shade(0, 10), "h0");
        assert_eq!(shade(1, 0), "h0");
        assert_eq!(shade(2, 10), "h1");
        assert_eq!(shade(5, 10), "h2");
        assert_eq!(shade(7, 10), "h3");
        assert_eq!(shade(10, 10), "h4");
    }
}
