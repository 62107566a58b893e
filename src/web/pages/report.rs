//! The report for a chosen scope: PDF, the committee workbook (.xlsx), CSV or
//! JSON, made by the same code as `canon report`, into a private temporary
//! folder, and sent as a download.

use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Extension, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use clap::Parser;
use maud::html;
use serde::Deserialize;

use super::{Fail, failed, render};
use crate::cmd::report::{ReportFormat, ReportOptions, write};
use crate::report::cite::named_styles;
use crate::web::app::{App, Scratch};
use crate::web::html::{Nav, layout};
use crate::web::session::Visit;

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ReportQuery {
    format: Option<String>,
    programme: Option<String>,
    year: Option<String>,
    module: Option<String>,
    theme: Option<String>,
    style: Option<String>,
    title: Option<String>,
    include_rejected: Option<String>,
}

/// The report's options parsed by the command line's own parser, so the
/// defaults and checks are the ones `canon report` has.
#[derive(Debug, Parser)]
#[command(name = "report", no_binary_name = true)]
struct Wrapped {
    #[command(flatten)]
    options: ReportOptions,
}

fn options(q: &ReportQuery) -> Result<ReportOptions> {
    let mut args: Vec<String> = Vec::new();
    let mut put = |flag: &str, v: &Option<String>| {
        if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            args.push(format!("--{flag}={v}"));
        }
    };
    put("programme", &q.programme);
    put("year", &q.year);
    put("module", &q.module);
    put("theme", &q.theme);
    put("style", &q.style);
    put("title", &q.title);
    if q.include_rejected.is_some() {
        args.push("--include-rejected".into());
    }
    let w = Wrapped::try_parse_from(args).map_err(|e| {
        let msg = e.to_string();
        anyhow::anyhow!("{}", msg.lines().next().unwrap_or("").trim_start_matches("error: "))
    })?;
    // A style file would be read from the server's disk: the browser names bundled styles only.
    if let crate::report::cite::StyleArg::File(p) = &w.options.style {
        anyhow::bail!(
            "style {:?} names a file; from the browser, choose one of the bundled styles ({})",
            p.display().to_string(),
            named_styles().iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        );
    }
    Ok(w.options)
}

pub async fn form(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>) -> Response {
    render(&app, visit, |db, v| {
        let themes = db.app.cache.themes(&db.store.conn)?;
        // Not the cached audit: after a change it would be loaded again just for these lists.
        let (programmes, years) = crate::store::workspace::scope_choices(&db.store.conn)?;
        let body = html! {
            p.lead { "The committee report, as " code { "canon report" } " writes it: summary and key findings, heat-map, gaps with suggested readings, what each module should read, the reading list, methods." }
            form.stack method="get" action="/report/download" {
                fieldset {
                    legend { "Format" }
                    div.check { input #f-pdf type="radio" name="format" value="pdf" checked; label for="f-pdf" { " PDF, for the committee" } }
                    div.check { input #f-xlsx type="radio" name="format" value="xlsx"; label for="f-xlsx" { " Workbook (.xlsx), for the committee: a sheet per table, the heat-map in colour" } }
                    div.check { input #f-csv type="radio" name="format" value="csv"; label for="f-csv" { " CSV, the same tables for a spreadsheet" } }
                    div.check { input #f-json type="radio" name="format" value="json"; label for="f-json" { " JSON" } }
                }
                @if programmes.len() > 1 {
                    div {
                        label for="r-programme" { "Programme" }
                        select #r-programme name="programme" {
                            option value="" { "All programmes" }
                            @for p in &programmes { option value=(p) { (p) } }
                        }
                    }
                }
                div {
                    label for="r-year" { "Year of study" }
                    select #r-year name="year" {
                        option value="" { "The whole curriculum" }
                        @for y in &years { option value=(y) { "Year " (y) } }
                    }
                }
                div { label for="r-module" { "Module code (optional)" } input #r-module type="text" name="module"; }
                div {
                    label for="r-theme" { "Theme" }
                    select #r-theme name="theme" {
                        option value="" { "Every theme" }
                        @for t in themes.iter() { option value=(t.slug) { (t.name) } }
                    }
                }
                div {
                    label for="r-style" { "Reference style" }
                    select #r-style name="style" { @for (name, label) in named_styles() { option value=(name) { (label) } } }
                }
                div { label for="r-title" { "Title (optional)" } input #r-title type="text" name="title"; }
                div.check { input #r-rej type="checkbox" name="include_rejected" value="1"; label for="r-rej" { " List rejected readings too" } }
                button type="submit" { "Download the report" }
            }
        };
        Ok(layout(v, "Report", Nav::Report, body))
    })
    .await
}

pub async fn download(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let (format, ext, mime) = match q.format.as_deref().unwrap_or("pdf") {
        "pdf" => (ReportFormat::Pdf, "pdf", "application/pdf"),
        "xlsx" => (ReportFormat::Xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "csv" => (ReportFormat::Csv, "csv", "text/csv; charset=utf-8"),
        "json" => (ReportFormat::Json, "json", "application/json"),
        other => {
            return failed(&visit, Fail::Bad(format!("no report format {other:?}; expected pdf, xlsx, csv or json")));
        }
    };
    let opts = match options(&q) {
        Ok(o) => o,
        Err(e) => return failed(&visit, Fail::Bad(format!("{e:#}"))),
    };
    let db = app.db.clone();
    let made = app
        .with_store(move |store, _| {
            let scratch = Scratch::new()?;
            let out = scratch.path().join(format!("report.{ext}"));
            let ctx = crate::cmd::Ctx { db, quiet: true };
            write(&ctx, store, &out, format, &opts)?;
            std::fs::read(&out).with_context(|| format!("reading back {}", out.display()))
        })
        .await;
    match made {
        Ok(bytes) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"canon-report.{ext}\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => failed(&visit, Fail::Bad(format!("{e:#}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_from_the_command_lines_parser() {
        let o = options(&ReportQuery::default()).unwrap();
        assert_eq!(o.min_readings, 5);
        assert!(!o.title.is_empty());
        let q = ReportQuery { year: Some("2".into()), title: Some("-x --y".into()), ..Default::default() };
        let o = options(&q).unwrap();
        assert_eq!(o.scope.year, Some(2));
        assert_eq!(o.title, "-x --y");
        let bad = ReportQuery { year: Some("banana".into()), ..Default::default() };
        assert!(options(&bad).is_err());
    }
}
