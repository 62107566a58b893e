//! Import: upload a module list or a reading file, see the dry run's diff
//! (with `file:line:column` for every rejected row), then confirm. The file
//! goes through the same importers as `canon import`, in a private temporary
//! folder that is removed straight after; nothing is written before the
//! confirmation, and nothing at all when a row is rejected.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use axum::extract::{Extension, Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::render;
use crate::cli::By;
use crate::cmd::import::{Common, ModulesArgs, ReadingArgs, summary};
use crate::store::Store;
use crate::store::curriculum::{Change, Counts, Outcome};
use crate::web::app::{App, Scratch, Upload};
use crate::web::forms::{done, text};
use crate::web::html::{Nav, csrf, layout, thousands};
use crate::web::session::{Flash, Visit};

/// Rows of the diff shown on the page (the counts cover all).
const SHOWN: usize = 500;

/// What is being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Modules,
    Reading,
}

/// The import's options from the form.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// For a module list: the programme of rows without one.
    pub programme: Option<String>,
    pub rename_duplicate_codes: bool,
    /// For a reading list: the format, when not told by the file.
    pub format: Option<String>,
    /// For a reading list: the status of rows without one.
    pub status: Option<String>,
    pub encoding: Option<String>,
}

const FORMATS: &[(&str, &str)] = &[
    ("", "Tell from the file"),
    ("csv", "Reading-list CSV"),
    ("bibtex", "BibTeX"),
    ("ris", "RIS"),
    ("zotero-csv", "Zotero CSV export"),
    ("csl-json", "CSL-JSON"),
    ("talis-csv", "Talis Aspire / Leganto CSV"),
];

pub async fn form(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>) -> Response {
    render(&app, visit, |_db, v| Ok(form_page(v, None))).await
}

fn form_page(v: &Visit, error: Option<&str>) -> Markup {
    let body = html! {
        @if let Some(e) = error { div.flash.error role="alert" { strong { "Not imported: " } pre.errors { (e) } } }
        p.lead {
            "Upload a module list or a reading list. You will see what the import would change, row by row, "
            "before anything is written; a file with a bad row is refused whole, with the line and column to fix."
        }
        form.stack method="post" action="/import" enctype="multipart/form-data" {
            (csrf(v))
            fieldset {
                legend { "What the file holds" }
                div.check { input #k-modules type="radio" name="kind" value="modules" checked; label for="k-modules" { " A module list (programme, year, module, session, learning outcomes, themes)" } }
                div.check { input #k-reading type="radio" name="kind" value="reading"; label for="k-reading" { " A reading list (CSV, BibTeX, RIS, Zotero, CSL-JSON, Talis/Leganto)" } }
            }
            div {
                label for="file" { "File" }
                p.hint #file-hint { "CSV, BibTeX, RIS or JSON, at most 16 MiB. Headers may use their own names; the preview says how each column was read." }
                input #file type="file" name="file" required aria-describedby="file-hint";
            }
            div {
                label for="programme" { "Programme (module lists: for rows that name none)" }
                input #programme type="text" name="programme" value="Curriculum";
            }
            div.check {
                input #rename type="checkbox" name="rename_duplicate_codes" value="1";
                label for="rename" { " Keep modules that share a code under different titles (stored as CODE~2)" }
            }
            div {
                label for="format" { "Reading-list format" }
                select #format name="format" { @for (k, label) in FORMATS { option value=(k) { (label) } } }
            }
            div {
                label for="status" { "Review status for readings the file gives none" }
                select #status name="status" {
                    option value="approved" { "approved (as canon import does)" }
                    option value="suggested" { "suggested (they wait in the review queue)" }
                }
            }
            div {
                label for="encoding" { "Encoding (only if the preview shows garbled letters)" }
                input #encoding type="text" name="encoding" placeholder="e.g. windows-1252";
            }
            button type="submit" { "Preview the import" }
        }
    };
    layout(v, "Import", Nav::Import, body)
}

/// A file name that is safe to create: the last path component, plain characters only.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') { c } else { '_' })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.').trim().to_string();
    if cleaned.is_empty() { "upload.csv".into() } else { cleaned }
}

/// What an import run did (or would do).
pub struct Ran {
    pub counts: Counts,
    pub changes: Vec<Change>,
    pub summary: String,
}

/// Runs the importer over the upload, as `canon import` would (a dry run
/// when `by` is none). Messages name the file by its own name.
fn run(store: &mut Store, u: &Upload, by: Option<String>) -> Result<Ran> {
    let scratch = Scratch::new()?;
    let file = scratch.path().join(&u.name);
    std::fs::write(&file, u.bytes.as_slice()).with_context(|| format!("writing {}", file.display()))?;
    let dry_run = by.is_none();
    let common = Common { file: file.clone(), map: Vec::new(), encoding: u.options.encoding.clone(), dry_run, by: By { by } };
    let prefix = format!("{}{}", scratch.path().display(), std::path::MAIN_SEPARATOR);
    let (noun, out) = match u.kind {
        Kind::Modules => {
            let a = ModulesArgs {
                common,
                programme: u.options.programme.clone().unwrap_or_else(|| "Curriculum".into()),
                rename_duplicate_codes: u.options.rename_duplicate_codes,
            };
            ("sessions", crate::cmd::import::modules(store, &a, true))
        }
        Kind::Reading => {
            let a = ReadingArgs {
                common,
                format: u.options.format.clone(),
                status: u.options.status.clone().unwrap_or_else(|| "approved".into()),
            };
            ("readings", crate::cmd::import::reading(store, &a, true))
        }
    };
    let (counts, changes) = out.map_err(|e| anyhow::anyhow!(format!("{e:#}").replace(&prefix, "")))?;
    if !dry_run {
        // The run is named after the uploaded file, not the temporary folder it passed through.
        let tx = store.write()?;
        crate::store::workspace::name_run(&tx, &file.display().to_string(), &format!("{} (uploaded)", u.name))?;
        tx.commit()?;
    }
    let mut changes = changes.unwrap_or_default();
    changes.sort_by_key(|c| (c.outcome != Outcome::Rejected, c.line));
    for c in &mut changes {
        c.what = c.what.replace(&prefix, "");
    }
    let summary = summary(Path::new(&u.name), noun, &counts, dry_run);
    Ok(Ran { counts, changes, summary })
}

fn kind_word(o: Outcome) -> &'static str {
    match o {
        Outcome::New => "new",
        Outcome::Changed => "changed",
        Outcome::Unchanged => "unchanged",
        Outcome::Duplicate => "duplicate",
        Outcome::Rejected => "rejected",
    }
}

/// Reads the upload form: the file and its options.
async fn read_form(mut form: Multipart) -> Result<(String, Vec<u8>, Kind, Options)> {
    let (mut name, mut bytes, mut kind, mut o) = (String::new(), Vec::new(), Kind::Modules, Options::default());
    while let Some(field) = form.next_field().await.context("reading the upload")? {
        let field_name = field.name().unwrap_or("").to_string();
        if field_name == "file" {
            name = field.file_name().unwrap_or("upload.csv").to_string();
            bytes = field.bytes().await.context("reading the uploaded file")?.to_vec();
            continue;
        }
        let value = Some(field.text().await.context("reading the form")?);
        match field_name.as_str() {
            "kind" => kind = if value.as_deref() == Some("reading") { Kind::Reading } else { Kind::Modules },
            "programme" => o.programme = text(&value),
            "rename_duplicate_codes" => o.rename_duplicate_codes = true,
            "format" => o.format = text(&value),
            "status" => o.status = text(&value),
            "encoding" => o.encoding = text(&value),
            _ => {}
        }
    }
    if bytes.is_empty() {
        bail!("no file was sent, or it is empty; choose a file to import");
    }
    if let Some(f) = &o.format
        && !FORMATS.iter().any(|(k, _)| k == f)
    {
        bail!("unknown format {f:?}");
    }
    if let Some(s) = &o.status
        && s != "approved"
        && s != "suggested"
    {
        bail!("unknown status {s:?}; expected approved or suggested");
    }
    Ok((name, bytes, kind, o))
}

/// The dry run: the diff, and the confirmation when nothing was rejected.
pub async fn preview(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, form: Multipart) -> Response {
    let (name, bytes, kind, options) = match read_form(form).await {
        Ok(x) => x,
        Err(e) => return refused(&visit, &format!("{e:#}")),
    };
    let upload = Upload {
        name: safe_name(&name),
        bytes: Arc::new(bytes),
        kind,
        options,
        sid: visit.session.sid.clone(),
        at: std::time::Instant::now(),
    };
    let u = upload.clone();
    let ran = app.with_store(move |store, _| run(store, &u, None)).await;
    let ran = match ran {
        Ok(r) => r,
        Err(e) => return refused(&visit, &format!("{e:#}")),
    };
    let key = if ran.counts.rejected == 0 { app.keep_upload(upload.clone()).ok() } else { None };
    let rejected: Vec<&Change> = ran.changes.iter().filter(|c| c.outcome == Outcome::Rejected).collect();
    let listed: Vec<&Change> = ran.changes.iter().filter(|c| c.outcome != Outcome::Unchanged).take(SHOWN).collect();
    let hidden = ran.changes.iter().filter(|c| c.outcome != Outcome::Unchanged).count().saturating_sub(SHOWN);
    let c = &ran.counts;
    let body = html! {
        p.lead { (ran.summary) "." }
        ul.figures {
            li { span.n { (thousands(c.new as usize)) } "new" }
            li { span.n { (thousands(c.changed as usize)) } "changed" }
            li { span.n { (thousands(c.unchanged as usize)) } "unchanged" }
            li { span.n { (thousands(c.duplicate as usize)) } "duplicate" }
            li { span.n { (thousands(c.rejected as usize)) } "rejected" }
        }
        @if !rejected.is_empty() {
            h2 { "Rows to fix" }
            div role="alert" {
                p { "The import is refused until these rows are fixed; nothing was written." }
                pre.errors { @for r in &rejected { (r.what) ": " (r.fields.join("; ")) "\n" } }
            }
        }
        @if let Some(key) = &key {
            form method="post" action="/import/confirm" {
                (csrf(&visit))
                input type="hidden" name="upload" value=(key);
                button type="submit" { "Import " (upload.name) }
                " " a href="/import" { "Cancel" }
            }
        } @else {
            p { a href="/import" { "Upload a corrected file" } }
        }
        h2 { "What would change" }
        @if listed.is_empty() {
            p { "Nothing: the database already holds this file." }
        } @else {
            table.wide.diff {
                thead { tr { th scope="col" { "Outcome" } th.num scope="col" { "Line" } th scope="col" { "Record" } th scope="col" { "Details" } } }
                tbody {
                    @for ch in &listed {
                        tr {
                            td { (kind_word(ch.outcome)) }
                            td.num { (ch.line) }
                            td { (ch.what) }
                            td { @for f in &ch.fields { (f) br; } }
                        }
                    }
                }
            }
            @if hidden > 0 { p.muted { "… and " (thousands(hidden)) " more rows." } }
        }
    };
    Html(layout(&visit, &format!("Preview: {}", upload.name), Nav::Import, body).into_string()).into_response()
}

fn refused(visit: &Visit, msg: &str) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, Html(form_page(visit, Some(msg)).into_string())).into_response()
}

#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    upload: String,
}

/// Imports the previewed file, credited to the visitor.
pub async fn confirm(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, Form(f): Form<ConfirmForm>) -> Response {
    let Some(upload) = app.take_upload(&f.upload, &visit.session.sid) else {
        let message = "that preview has expired (or was imported already); upload the file again".to_string();
        return done(&app.keys, &visit, "/import", Flash { error: true, message });
    };
    let who = match visit.who() {
        Ok(w) => w,
        Err(e) => return refused(&visit, &format!("{e:#}")),
    };
    let kind = upload.kind;
    match app.with_store(move |store, _| run(store, &upload, Some(who))).await {
        Ok(ran) => {
            let to = if kind == Kind::Reading { "/readings" } else { "/" };
            done(&app.keys, &visit, to, Flash { error: false, message: format!("Imported. {}.", ran.summary) })
        }
        Err(e) => refused(&visit, &format!("{e:#}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_names_stay_in_their_folder() {
        assert_eq!(safe_name("modules.csv"), "modules.csv");
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\Users\\a\\list (2).csv"), "list _2_.csv");
        assert_eq!(safe_name(".."), "upload.csv");
        assert_eq!(safe_name(".hidden"), "hidden");
        assert_eq!(safe_name(""), "upload.csv");
        assert_eq!(safe_name("Lectures 鲁迅.bib"), "Lectures 鲁迅.bib");
    }
}
