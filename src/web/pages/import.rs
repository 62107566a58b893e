//! Import: upload a module list (CSV, a workbook, or a Curriculum Inventory
//! XML document) or a reading file, see the dry run's diff (with
//! `file:line:column`, or `file:Sheet!C7` in a workbook, for every rejected
//! row), then confirm. The file
//! goes through the same importers as `canon import`, in a private temporary
//! folder that is removed straight after; nothing is written before the
//! confirmation, and nothing at all when a row is rejected (unless the
//! person asks, as `--skip-invalid` does, to leave the invalid records out).

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
use crate::cmd::import::{Common, Imported, ModulesArgs, ReadingArgs, summary};
use crate::import::Origin;
use crate::import::header::{HeaderReport, Matched};
use crate::store::Store;
use crate::store::curriculum::{Change, Outcome};
use crate::web::app::{App, Scratch, Upload};
use crate::web::forms::{done, text};
use crate::web::html::{Nav, count, csrf, layout, thousands};
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
    /// Columns named by hand: `Their Header=field`.
    pub map: Vec<String>,
    /// For a module list: the file is the whole truth for its programmes.
    pub sync: bool,
    /// For a workbook: the sheet to read (default: the first with a header row).
    pub sheet: Option<String>,
    /// For a reading list: import the valid records, leave out the others (`--skip-invalid`).
    pub skip_invalid: bool,
}

const FORMATS: &[(&str, &str)] = &[
    ("", "Tell from the file"),
    ("csv", "Reading-list CSV"),
    ("bibtex", "BibTeX"),
    ("ris", "RIS"),
    ("zotero-csv", "Zotero CSV export"),
    ("csl-json", "CSL-JSON"),
    ("talis-csv", "Talis Aspire / Leganto CSV"),
    ("scopus-csv", "Scopus CSV export"),
    ("pubmed-csv", "PubMed CSV export"),
    ("nbib", "PubMed / MEDLINE (.nbib)"),
    ("endnote-xml", "EndNote XML"),
    ("wos", "Web of Science plain text"),
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
                div.check { input #k-modules type="radio" name="kind" value="modules" checked; label for="k-modules" { " A module list (programme, year, module, session, learning outcomes, themes), or a MedBiquitous Curriculum Inventory XML document" } }
                div.check { input #k-reading type="radio" name="kind" value="reading"; label for="k-reading" { " A reading list (CSV or workbook, BibTeX, RIS, Zotero, CSL-JSON, Talis/Leganto, PubMed/MEDLINE, EndNote XML)" } }
            }
            div {
                label for="file" { "File" }
                p.hint #file-hint {
                    "CSV, an Excel or OpenDocument workbook (.xlsx, .xlsm, .xls, .ods), Curriculum Inventory XML, BibTeX, RIS, JSON, MEDLINE or EndNote XML, at most 16 MiB. "
                    "Headers may use their own names, under title rows too; the preview says how each column was read."
                }
                input #file type="file" name="file" required aria-describedby="file-hint";
            }
            div {
                label for="programme" { "Programme (module lists: for rows that name none)" }
                input #programme type="text" name="programme" value="Curriculum";
            }
            div.check {
                input #sync type="checkbox" name="sync" value="1";
                label for="sync" { " The file is the whole module list of its programmes: retire sessions it no longer holds (the preview lists them; undo brings them back)" }
            }
            div.check {
                input #rename type="checkbox" name="rename_duplicate_codes" value="1";
                label for="rename" { " Keep modules that share a code under different titles (stored as CODE~2)" }
            }
            div {
                label for="format" { "Reading-list format" }
                select #format name="format" { @for (k, label) in FORMATS { option value=(k) { (label) } } }
            }
            div.check {
                input #skip type="checkbox" name="skip_invalid" value="1";
                label for="skip" { " Reading lists: import the valid records and leave out the invalid ones (the preview lists them with their line and column)" }
            }
            div {
                label for="status" { "Review status for readings the file gives none" }
                select #status name="status" {
                    option value="approved" { "approved (as canon import does)" }
                    option value="suggested" { "suggested (they wait in the review queue)" }
                }
            }
            div {
                label for="sheet" { "Workbook sheet (optional)" }
                p.hint #sheet-hint { "By default the first sheet with a recognisable header row; the preview names the sheet it read." }
                input #sheet type="text" name="sheet" aria-describedby="sheet-hint";
            }
            div {
                label for="map" { "Column names (optional)" }
                p.hint #map-hint { "One per line, as Their Header=field, for a column the preview says it did not read, e.g. Session Name=session_title." }
                textarea #map name="map" rows="2" aria-describedby="map-hint" {}
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

/// What an import run did (or would do), with the file named by its own name.
pub struct Ran {
    pub imported: Imported,
    /// Every problem that refuses the file, as `file:line:column: message`
    /// (`file:Sheet!C7: message` in a workbook).
    pub errors: Vec<String>,
    /// What the importer said about the file before its rows (the sheet read, a
    /// Curriculum Inventory document's report), as `canon import` prints them.
    pub remarks: Vec<String>,
    /// Warnings about columns not read.
    pub warnings: Vec<String>,
    pub summary: String,
}

impl Ran {
    fn refused(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Runs the importer over the upload, as `canon import` would (a dry run
/// when `by` is none). Messages name the file by its own name.
fn run(store: &mut Store, u: &Upload, by: Option<String>) -> Result<Ran> {
    let scratch = Scratch::new()?;
    let file = scratch.path().join(&u.name);
    std::fs::write(&file, u.bytes.as_slice()).with_context(|| format!("writing {}", file.display()))?;
    let dry_run = by.is_none();
    let o = &u.options;
    let common = Common {
        file: file.clone(),
        map: o.map.clone(),
        encoding: o.encoding.clone(),
        dry_run,
        sheet: o.sheet.clone(),
        sheet_option: None,
        by: By { by },
    };
    let prefix = format!("{}{}", scratch.path().display(), std::path::MAIN_SEPARATOR);
    let (noun, out) = match u.kind {
        Kind::Modules => {
            let a = ModulesArgs {
                common,
                programme: o.programme.clone(),
                rename_duplicate_codes: o.rename_duplicate_codes,
                sync: o.sync,
            };
            ("sessions", crate::cmd::import::modules(store, &a, true))
        }
        Kind::Reading => {
            let a = ReadingArgs {
                common,
                format: o.format.clone(),
                status: o.status.clone().unwrap_or_else(|| "approved".into()),
                skip_invalid: o.skip_invalid,
                // The records left out are listed on the page instead of written to a file.
                rejects: None,
            };
            ("readings", crate::cmd::import::reading(store, &a, true))
        }
    };
    let mut imported = out.map_err(|e| anyhow::anyhow!(format!("{e:#}").replace(&prefix, "")))?;
    let mut errors = Vec::new();
    if let Some(e) = imported.errors.take() {
        // As the command line writes them: `file:line:column`, or `file:Sheet!C7` in a workbook.
        errors.extend(e.errors.iter().map(|r| format!("{}: {}", e.locate(r).replace(&prefix, ""), r.message)));
        if e.more > 0 {
            errors.push(format!("… and {} more problems", e.more));
        }
        if let Some(h) = &e.hint {
            errors.push(format!("hint: {h}"));
        }
    }
    // An import that changes or removes what others entered needs a name: the
    // preview runs without one, and the import it leads to always has the
    // visitor's, so only a real import can be refused for it.
    if let Some(r) = imported.refusal.take().filter(|_| !dry_run) {
        errors.push(r);
    }
    if !dry_run && errors.is_empty() {
        // The run is named after the uploaded file, not the temporary folder it passed through.
        let tx = store.write()?;
        crate::store::workspace::name_run(&tx, &file.display().to_string(), &format!("{} (uploaded)", u.name))?;
        tx.commit()?;
    }
    if let Some(changes) = &mut imported.changes {
        changes.sort_by_key(|c| (c.outcome != Outcome::Rejected, c.outcome == Outcome::Removed, c.line));
        for c in changes.iter_mut() {
            c.what = c.what.replace(&prefix, "");
        }
    }
    let mut warnings = imported.header.as_ref().map(|h| h.warnings(Some(&imported.filled))).unwrap_or_default();
    // Values kept as stored, and why (the command line prints these even when quiet).
    warnings.extend(imported.warnings.iter().map(|(line, w)| format!("{}: {w}", imported.origin.row(*line))));
    let remarks = imported
        .remarks
        .iter()
        .map(|r| r.replace(&prefix, "").replace(" (name a file with --rejects to keep them)", ""))
        .collect();
    let summary = summary(Path::new(&u.name), noun, &imported.counts, dry_run);
    // Quoted titles in every script read as written (see `limits::readable`).
    let readable =
        |v: Vec<String>| -> Vec<String> { v.into_iter().map(|s| crate::limits::readable(&s).into_owned()).collect() };
    let (errors, remarks, warnings) = (readable(errors), readable(remarks), readable(warnings));
    Ok(Ran { imported, errors, remarks, warnings, summary })
}

/// Every column of the file and how it was read, as the dry run prints it.
fn header_table(h: &HeaderReport, filled: &[u64]) -> Markup {
    html! {
        table.wide {
            caption { "How each column was read" }
            thead { tr { th.num scope="col" { "Column" } th scope="col" { "Header" } th scope="col" { "Read as" } } }
            tbody {
                @for c in &h.columns {
                    tr {
                        td.num { (h.column_name(c.column)) }
                        td { @if c.header.is_empty() { span.muted { "(no header)" } } @else { (c.header) } }
                        td {
                            @match c.field {
                                Some(f) => { (f) @if c.matched == Some(Matched::Fallback) { " (when the first is empty, or as well)" } }
                                None => {
                                    @let n = filled.get(c.column - 1).copied().unwrap_or(0);
                                    strong { "not read" } ": " (c.reason.as_deref().unwrap_or("no field has that name"))
                                    "; " (count(n as usize, "row")) " with text there"
                                    @if let Some(fix) = h.fix(c) { br; span.hint { (fix.replace("--map ", "in “Column names”: ").replace("'", "")) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !h.unfilled.is_empty() {
            p.muted { "No column for " (h.unfilled.join(", ")) " (stored values are kept)." }
        }
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
            "map" => {
                o.map = value
                    .as_deref()
                    .unwrap_or_default()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            }
            "sync" => o.sync = true,
            "sheet" => o.sheet = text(&value),
            "skip_invalid" => o.skip_invalid = true,
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
    let key = if ran.refused() { None } else { app.keep_upload(upload.clone()).ok() };
    let changes = ran.imported.changes.as_deref().unwrap_or(&[]);
    let shown: Vec<&Change> =
        changes.iter().filter(|c| !matches!(c.outcome, Outcome::Unchanged | Outcome::Rejected)).collect();
    let hidden = shown.len().saturating_sub(SHOWN);
    let c = &ran.imported.counts;
    let origin = &ran.imported.origin;
    // A workbook's positions are rows of its sheet, a text file's are lines.
    let unit = if matches!(origin, Origin::Sheet { .. }) { "Row" } else { "Line" };
    let body = html! {
        p.lead { (ran.summary) "." }
        @if !ran.remarks.is_empty() {
            ul.remarks aria-label="How the file was read" { @for r in &ran.remarks { li { (r.strip_prefix("note: ").unwrap_or(r)) } } }
        }
        ul.figures {
            li { span.n { (thousands(c.new as usize)) } "new" }
            li { span.n { (thousands(c.changed as usize)) } "changed" }
            li { span.n { (thousands(c.unchanged as usize)) } "unchanged" }
            li { span.n { (thousands(c.duplicate as usize)) } "duplicate" }
            li { span.n { (thousands(c.rejected as usize)) } "rejected" }
            @if c.removed + c.renamed + c.moved > 0 {
                li { span.n { (thousands(c.removed as usize)) } "retired" }
                li { span.n { (thousands(c.renamed as usize)) } "renamed" }
                li { span.n { (thousands(c.moved as usize)) } "moved" }
            }
        }
        @if ran.refused() {
            h2 { "Rows to fix" }
            div role="alert" {
                p { "The import is refused until these problems are fixed; nothing was written." }
                pre.errors { @for e in &ran.errors { (e) "\n" } }
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
        @if !ran.warnings.is_empty() {
            h2 { "Columns not read" }
            ul { @for w in &ran.warnings { li { (w) } } }
        }
        @if !ran.imported.notes.is_empty() {
            h2 { "Notes" }
            ul { @for (line, n) in &ran.imported.notes { li { (upload.name) ":" (origin.row(*line)) ": " (n) } } }
        }
        h2 { "What would change" }
        @if shown.is_empty() && c.held_by_hand + c.titles_kept + c.dates_kept + c.names_kept > 0 {
            p { "Nothing: the file's other values are already stored (see the notes above)." }
        } @else if shown.is_empty() {
            p { "Nothing: the database already holds this file." }
        } @else {
            table.wide.diff {
                thead { tr { th scope="col" { "Outcome" } th.num scope="col" { (unit) } th scope="col" { "Record" } th scope="col" { "Details" } } }
                tbody {
                    @for ch in shown.iter().take(SHOWN) {
                        tr {
                            td { (ch.outcome.as_str()) }
                            td.num { @if ch.line > 0 { (ch.line) } }
                            td { (crate::limits::readable(&ch.what)) }
                            td { @for f in &ch.fields { (crate::limits::readable(f)) br; } }
                        }
                    }
                }
            }
            @if hidden > 0 { p.muted { "… and " (thousands(hidden)) " more rows." } }
        }
        @if let Some(h) = &ran.imported.header {
            h2 { "Columns" }
            (header_table(h, &ran.imported.filled))
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
pub async fn confirm(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<ConfirmForm>,
) -> Response {
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
        Ok(ran) if ran.refused() => refused(&visit, &ran.errors.join("\n")),
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
