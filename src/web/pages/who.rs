//! "Your name": the first page of a first visit. The name or pseudonym is
//! kept in the session cookie; changes are credited to it, as `--by` does.

use std::sync::Arc;

use axum::extract::{Extension, Form, Query, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::render;
use crate::store::contributors::{self, NewContributor, ROLES};
use crate::web::app::App;
use crate::web::forms::{done, local, outcome};
use crate::web::guard::NewSession;
use crate::web::html::{Nav, csrf, layout};
use crate::web::session::{Flash, Visit};

/// The longest name accepted, in characters: the command line's limit for
/// a contributor's name (`--by`, `contributor add`), from the one rule in
/// [`crate::limits`].
pub const NAME_MAX: usize = crate::limits::Kind::Name.max();

#[derive(Debug, Deserialize)]
pub struct WhoQuery {
    next: Option<String>,
}

pub async fn form(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<WhoQuery>,
) -> Response {
    render(&app, visit, move |db, v| {
        let people = db.app.cache.people(&db.store.conn)?;
        let next = local(q.next.as_deref(), "/");
        let body = html! {
            p.lead {
                "Give a name or a pseudonym. Every change you make here is recorded under it in the history, "
                "exactly as with " code { "--by" } " on the command line, and the report credits contributors by "
                "the name they chose. A pseudonym is as good as a name: nobody will ask who is behind it."
            }
            form.stack method="post" action="/who" {
                (csrf(v))
                input type="hidden" name="next" value=(next);
                div {
                    label for="name" { "Your name or pseudonym" }
                    p.hint id="name-hint" { "Choose one already in the list to carry on as that person." }
                    input #name type="text" name="name" required maxlength=(NAME_MAX) autocomplete="nickname"
                        list="known-names" aria-describedby="name-hint" value=[v.session.name.as_deref()];
                    datalist #known-names {
                        @for n in &people.names { option value=(n) {} }
                    }
                }
                div {
                    label for="role" { "Role (for a new name)" }
                    select #role name="role" {
                        @for r in ROLES { option value=(r) selected[*r == "student"] { (r) } }
                    }
                }
                div.check {
                    input #pseudonym type="checkbox" name="pseudonym" value="1";
                    label for="pseudonym" { " This is a pseudonym" }
                }
                button type="submit" { "Continue" }
            }
        };
        Ok(layout(v, "Your name", Nav::Who, body))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct WhoForm {
    name: String,
    role: Option<String>,
    pseudonym: Option<String>,
    next: Option<String>,
}

/// A name is any text a person would sign with: not empty, not too long, no control characters.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("the name is empty; give a name or a pseudonym".into());
    }
    // The command line's rule, word for word (length, control characters).
    crate::limits::check(crate::limits::Kind::Name, "contributor name", &name).map_err(|e| e.to_string())?;
    Ok(name)
}

pub async fn set(State(app): State<Arc<App>>, Extension(visit): Extension<Visit>, Form(f): Form<WhoForm>) -> Response {
    let next = local(f.next.as_deref(), "/");
    let name = match check_name(&f.name) {
        Ok(n) => n,
        Err(e) => {
            let back = format!("/who?next={}", crate::web::forms::encode(&next));
            return done(&app.keys, &visit, &back, Flash { error: true, message: e });
        }
    };
    let role = f.role.unwrap_or_else(|| "student".into());
    let pseudonym = f.pseudonym.is_some();
    let who = name.clone();
    let r = app
        .with_store(move |store, app| {
            let known = app.cache.people(&store.conn)?.names.contains(&who);
            if known {
                return Ok(format!("Welcome back, {who}. Your changes are credited to this name."));
            }
            let tx = store.write()?;
            let mut ids = crate::store::id_gen(&tx)?;
            let c = NewContributor { name: &who, role: &role, affiliation: None, pseudonym };
            contributors::add(&tx, &mut ids, None, &c)?;
            tx.commit()?;
            Ok(format!("Welcome, {who}. Your changes are credited to this name."))
        })
        .await;
    let ok = r.is_ok();
    let mut resp = done(&app.keys, &visit, if ok { &next } else { "/who" }, outcome(r));
    if ok {
        let mut s = visit.session.clone();
        s.name = Some(name);
        resp.extensions_mut().insert(NewSession(s));
    }
    resp.into_response()
}
