//! What the forms post: each action is one transaction through the same
//! library function the command line uses, credited to the visitor's name,
//! answered with "see other" back to the page it came from and a message.

use std::sync::Arc;

use anyhow::{Context, Result, bail};
use axum::extract::{Extension, Form, State};
use axum::response::Response;
use rusqlite::Connection;
use serde::Deserialize;

use crate::store::tags::{self, Target};
use crate::store::{analysis, history, review, workspace};
use crate::web::app::App;
use crate::web::forms::{done, local, outcome, target, text};
use crate::web::session::{Flash, Visit};

/// The longest note or evidence kept from a form, in characters.
const NOTE_MAX: usize = 2000;

fn note(s: &Option<String>) -> Option<String> {
    text(s).map(|n| n.chars().take(NOTE_MAX).collect())
}

/// A theme's name, as every page names it (issue 13: a flash message
/// shows the name a person reads, never the slug), isolated: the page
/// shows it in a `<bdi>`, as it shows other user text (13e).
fn theme_name(app: &App, conn: &Connection, id: i64) -> Result<String> {
    let themes = app.cache.themes(conn)?;
    themes
        .iter()
        .find(|t| t.id == id)
        .map(|t| crate::web::html::isolate(&t.name))
        .with_context(|| format!("no theme with ID {id}"))
}

/// What a target is called in a message.
fn what(app: &App, conn: &Connection, t: Target) -> Result<String> {
    Ok(match t {
        Target::Reading(id) => {
            let rs = app.cache.readings(conn)?;
            let r = rs.iter().find(|r| r.id == id).with_context(|| format!("no reading with ID {id}"))?;
            format!("“{}”", r.title)
        }
        Target::Item(id) => {
            let m = workspace::item_module(conn, id)?.with_context(|| format!("no session with ID {id}"))?;
            let title = workspace::module_items(conn, m)?.into_iter().find(|i| i.id == id).map(|i| i.title);
            format!("“{}”", title.unwrap_or_default())
        }
        Target::Module(id) => {
            let m = workspace::module(conn, id)?.with_context(|| format!("no module with ID {id}"))?;
            format!("{} {}", m.code, m.title)
        }
    })
}

fn parse_target(s: &str) -> Result<Target> {
    target(s).with_context(|| format!("{s:?} names no session, reading or module"))
}

#[derive(Debug, Deserialize)]
pub struct TagForm {
    target: String,
    theme: i64,
    back: Option<String>,
}

pub async fn tag(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, Form(f): Form<TagForm>) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, _ids, by| {
        let t = parse_target(&f.target)?;
        let (theme, name) = (theme_name(app, tx, f.theme)?, what(app, tx, t)?);
        Ok(if tags::tag(tx, Some(by), t, f.theme, None)? {
            format!("Tagged {name} with {theme}.")
        } else {
            format!("{name} was already tagged with {theme}.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

pub async fn untag(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<TagForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, _ids, by| {
        let t = parse_target(&f.target)?;
        let (theme, name) = (theme_name(app, tx, f.theme)?, what(app, tx, t)?);
        Ok(if tags::untag(tx, Some(by), t, f.theme)? {
            format!("Removed {theme} from {name} (the history keeps it; undo brings it back).")
        } else {
            format!("{name} was not tagged with {theme}.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

#[derive(Debug, Deserialize)]
pub struct SuggestionForm {
    target: String,
    theme: i64,
    evidence: Option<String>,
    back: Option<String>,
}

/// Accepts a suggestion: the tag, with source `suggest` and the evidence as
/// its note, as `canon suggest --apply` records it.
pub async fn accept(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<SuggestionForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, _ids, by| {
        let t = parse_target(&f.target)?;
        let (theme, name) = (theme_name(app, tx, f.theme)?, what(app, tx, t)?);
        let evidence = note(&f.evidence).unwrap_or_default();
        let note = format!("suggested from the lexicon: {evidence}");
        Ok(if analysis::apply_suggestion(tx, Some(by), t, f.theme, &note)? {
            format!("Accepted: {name} is tagged with {theme}.")
        } else {
            format!("{name} was already tagged with {theme}.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

pub async fn reject(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<SuggestionForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, _ids, by| {
        let t = parse_target(&f.target)?;
        let (theme, name) = (theme_name(app, tx, f.theme)?, what(app, tx, t)?);
        let evidence = note(&f.evidence).unwrap_or_default();
        Ok(if workspace::dismiss(tx, by, t, f.theme, &evidence)? {
            format!("Rejected the suggestion of {theme} for {name}; it will not be suggested again.")
        } else {
            format!("The suggestion of {theme} for {name} was already rejected.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

pub async fn restore(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<SuggestionForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, _ids, by| {
        let t = parse_target(&f.target)?;
        let (theme, name) = (theme_name(app, tx, f.theme)?, what(app, tx, t)?);
        Ok(if workspace::restore(tx, by, t, f.theme, "suggestion restored")? {
            format!("{theme} is suggested for {name} again.")
        } else {
            format!("The suggestion of {theme} for {name} was not rejected.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

#[derive(Debug, Deserialize)]
pub struct LinkForm {
    reading: i64,
    /// `module:ID` or `item:ID`.
    target: String,
    note: Option<String>,
    back: Option<String>,
}

pub async fn link(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<LinkForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/");
    let r = act(&app, &visit, move |app, tx, ids, by| {
        let t = parse_target(&f.target)?;
        if matches!(t, Target::Reading(_)) {
            bail!("a reading is linked to a session or a module");
        }
        let (reading, name) = (what(app, tx, Target::Reading(f.reading))?, what(app, tx, t)?);
        Ok(if tags::link(tx, ids, Some(by), f.reading, t, note(&f.note).as_deref())? {
            format!("Linked {reading} to {name}.")
        } else {
            format!("{reading} was already linked to {name}.")
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

#[derive(Debug, Deserialize)]
pub struct ReviewForm {
    reading: i64,
    /// `approved` or `rejected`.
    decision: String,
    note: Option<String>,
    /// The reviewer suggested it and the group allows approving one's own.
    #[serde(rename = "self")]
    allow_self: Option<String>,
    back: Option<String>,
}

/// Approves or rejects a reading as the visitor, as `canon review` does.
pub async fn review(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<ReviewForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/review");
    let r = act(&app, &visit, move |app, tx, ids, by| {
        let status = match f.decision.as_str() {
            "approved" | "approve" => "approved",
            "rejected" | "reject" => "rejected",
            other => bail!("{other:?} is not a decision; expected approve or reject"),
        };
        let name = what(app, tx, Target::Reading(f.reading))?;
        let done = review::review(tx, ids, f.reading, status, by, note(&f.note).as_deref(), f.allow_self.is_some())
            .map_err(|e| match e.downcast_ref::<review::SelfApproval>() {
                // What to do here, on the page: the form's check box, not the command line's flag.
                Some(s) => anyhow::anyhow!(s.with(&format!("tick “{}” and approve again", super::readings::SELF_BOX))),
                None => e,
            })?;
        Ok(if done.from == done.to {
            format!("{name} was already {status}; your review is recorded.")
        } else {
            format!("{name}: {} → {status}.", done.from)
        })
    })
    .await;
    done(&app.keys, &visit, &back, outcome(r))
}

#[derive(Debug, Deserialize)]
pub struct UndoForm {
    /// The change's number, as the history lists it (read here, so that a
    /// number mistyped gets a message, not a bare 422).
    id: String,
    back: Option<String>,
}

/// Undoes one change of the history, as `canon undo` does.
pub async fn undo(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Form(f): Form<UndoForm>,
) -> Response {
    let back = local(f.back.as_deref(), "/history");
    let id = match history::change_number(&f.id) {
        Ok(id) => id,
        Err(e) => return done(&app.keys, &visit, &back, Flash { error: true, message: e }),
    };
    // The command line's `canon undo`, word for word.
    let r = act(&app, &visit, move |_app, tx, _ids, by| history::undo_change(tx, id, by)).await;
    done(&app.keys, &visit, &back, outcome(r))
}

/// Runs one change as the visitor.
async fn act<F>(app: &Arc<App>, visit: &Visit, f: F) -> Result<String>
where
    F: FnOnce(&App, &rusqlite::Transaction, &mut crate::store::IdGen, i64) -> Result<String> + Send + 'static,
{
    let who = visit.who()?;
    let a = app.clone();
    app.write(who, move |tx, ids, by| f(&a, tx, ids, by)).await
}
