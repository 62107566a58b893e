//! One file per page (its query, its handler, its markup), and the actions
//! the forms post to.

pub mod actions;
pub mod edit;
pub mod gaps;
pub mod history;
pub mod import;
pub mod module;
pub mod overview;
pub mod readings;
pub mod report;
pub mod search;
pub mod tagging;
pub mod who;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};

use super::app::{App, Db};
use super::html::{Nav, layout};
use super::session::Visit;

/// Why a page could not be shown.
#[derive(Debug)]
pub enum Fail {
    /// No such record (404).
    NotFound(String),
    /// The request asked for something that cannot be (400).
    Bad(String),
    /// Anything else (500).
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for Fail {
    fn from(e: anyhow::Error) -> Fail {
        Fail::Internal(e)
    }
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Fail {
        Fail::Internal(e.into())
    }
}

/// Renders a page on a blocking thread, or the page that says why not.
pub async fn render<F>(app: &Arc<App>, visit: Visit, f: F) -> Response
where
    F: FnOnce(&Db, &Visit) -> Result<Markup, Fail> + Send + 'static,
{
    let v = visit.clone();
    let out = app.read(move |db| Ok(f(db, &v))).await;
    match out {
        Ok(Ok(m)) => Html(m.into_string()).into_response(),
        Ok(Err(fail)) => failed(&visit, fail),
        Err(e) => failed(&visit, Fail::Internal(e)),
    }
}

/// The page for a failure, with its status.
pub fn failed(visit: &Visit, fail: Fail) -> Response {
    let (status, title, msg) = match fail {
        Fail::NotFound(m) => (StatusCode::NOT_FOUND, "Not found", m),
        Fail::Bad(m) => (StatusCode::BAD_REQUEST, "Cannot show this", m),
        Fail::Internal(e) => (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", format!("{e:#}")),
    };
    let body = html! {
        p { (msg) }
        p { a href="/" { "Back to the overview" } }
    };
    (status, Html(layout(visit, title, Nav::Overview, body).into_string())).into_response()
}
