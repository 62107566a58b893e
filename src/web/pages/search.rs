//! Full-text search over modules, sessions and readings, as `canon search`.

use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use maud::html;
use serde::Deserialize;

use super::render;
use crate::store::search::{self, parse_query};
use crate::store::themes::ThemeIndex;
use crate::web::app::App;
use crate::web::html::{Nav, layout, snippet, year};
use crate::web::session::Visit;

/// Results per kind.
const LIMIT: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

pub async fn page(
    State(app): State<Arc<App>>,
    Extension(visit): Extension<Visit>,
    Query(q): Query<SearchQuery>,
) -> Response {
    render(&app, visit, move |db, v| {
        let text = q.q.as_deref().map(str::trim).unwrap_or("").to_string();
        // The hits, or the reason the query could not run (shown, not failed).
        let cached = db.app.cache.search(&text, || {
            if text.is_empty() {
                return Ok(Vec::new());
            }
            (|| {
                let parsed = parse_query(&text)?;
                let theme = match &parsed.theme {
                    None => None,
                    Some(t) => {
                        let idx = ThemeIndex::load(&db.store.conn)?;
                        Some(idx.resolve(t).ok_or_else(|| {
                            anyhow::anyhow!("no theme called {t:?}; expected one of {}", idx.expected())
                        })?)
                    }
                };
                if parsed.text.trim().is_empty() {
                    anyhow::bail!("give some words to search for besides theme: and year:");
                }
                search::search(&db.store.conn, &parsed.text, theme, parsed.year, ("\u{2}", "\u{3}"), LIMIT)
            })()
        })?;
        let result = cached.as_ref();
        // What was dropped from the query as typed (`race AND`), said as `canon search` says it.
        let notes = match parse_query(&text) {
            Ok(parsed) if !text.is_empty() => search::translate(&parsed.text).notes,
            _ => Vec::new(),
        };
        let body = html! {
            form.row method="get" action="/search" role="search" {
                div {
                    label for="s-q" { "Search modules, sessions and readings" }
                    p.hint #s-q-hint { "Words, \"a phrase\", prefix*, AND / OR / NOT, (parentheses), -word to leave a word out, and theme:SLUG or year:N to narrow. Chinese, Japanese, Korean and Thai text is found inside longer words." }
                    input #s-q type="search" name="q" value=(text) size="50" dir="auto" aria-describedby="s-q-hint";
                }
                button type="submit" { "Search" }
            }
            @match &result {
                Err(e) => { div.flash.error role="alert" { (e) } }
                Ok(hits) if !text.is_empty() => {
                    @for note in &notes {
                        p.flash role="note" { "Note: search query " (crate::limits::shown(&text)) ": " (note) }
                    }
                    @let modules: Vec<_> = hits.iter().filter(|h| h.kind == "module").collect();
                    @let items: Vec<_> = hits.iter().filter(|h| h.kind == "item").collect();
                    @let readings: Vec<_> = hits.iter().filter(|h| h.kind == "reading").collect();
                    p role="status" {
                        (modules.len()) @if modules.len() == 1 { " module, " } @else { " modules, " }
                        (items.len()) @if items.len() == 1 { " session and " } @else { " sessions and " }
                        (readings.len()) @if readings.len() == 1 { " reading" } @else { " readings" }
                        " match"
                        @if hits.len() >= LIMIT { " (the best " (LIMIT) " of each)" } "."
                    }
                    @if !modules.is_empty() {
                        h2 { "Modules" }
                        ol {
                            @for h in &modules {
                                li {
                                    // Code and title, as the command line lists a module, the
                                    // matched words marked (issue 13: "TM201 · TM201 year 2").
                                    @let (title, passage) = module_hit(&h.context, &h.title, &h.snippet);
                                    a href={ "/modules/" (h.id) } { (h.context) " · " bdi { (snippet(&title)) } } " " span.muted { "year " (year(h.year)) }
                                    @if let Some(p) = passage { br; span.muted { bdi { (snippet(&p)) } } }
                                }
                            }
                        }
                    }
                    @if !items.is_empty() {
                        h2 { "Sessions" }
                        ol {
                            @for h in &items {
                                li {
                                    a href={ "/items/" (h.id) } { (h.context) " · " bdi { (h.title) } } " " span.muted { "year " (year(h.year)) }
                                    br; span.muted { bdi { (snippet(&h.snippet)) } }
                                }
                            }
                        }
                    }
                    @if !readings.is_empty() {
                        h2 { "Readings" }
                        ol {
                            @for h in &readings {
                                li {
                                    a href={ "/readings/" (h.id) } { bdi { (h.title) } } " " span.muted { bdi { (h.context) } " (" (year(h.year)) ")" }
                                    br; span.muted { bdi { (snippet(&h.snippet)) } }
                                }
                            }
                        }
                    }
                }
                Ok(_) => {}
            }
        };
        Ok(layout(v, "Search", Nav::Search, body))
    })
    .await
}

/// A module hit's title and passage: the snippet (matches marked with
/// `\u{2}…\u{3}`) is the title, or the code and the title, or a code alone,
/// or another passage. Returns the title to show (marked when the snippet
/// is it) and the passage to show below it, if it says more than the two.
fn module_hit(code: &str, title: &str, marked: &str) -> (String, Option<String>) {
    let plain: String = marked.chars().filter(|c| !matches!(c, '\u{2}' | '\u{3}')).collect();
    let plain = plain.trim();
    if plain == title.trim() {
        return (marked.trim().to_string(), None);
    }
    if plain == code.trim() || plain.is_empty() {
        return (title.to_string(), None);
    }
    if plain == format!("{} {}", code.trim(), title.trim()) {
        // The code's characters and the space after it dropped, a mark left open reopened.
        let mut skip = code.trim().chars().count() + 1;
        let mut open = false;
        let mut out = String::new();
        for c in marked.trim().chars() {
            match c {
                '\u{2}' | '\u{3}' if skip > 0 => open = c == '\u{2}',
                _ if skip > 0 => skip -= 1,
                _ => {
                    if open && out.is_empty() && c != '\u{3}' {
                        out.push('\u{2}');
                    }
                    out.push(c);
                }
            }
        }
        return (out, None);
    }
    (title.to_string(), Some(marked.to_string()))
}

#[cfg(test)]
mod tests {
    use super::module_hit;

    #[test]
    fn a_module_hit_shows_its_title_once_with_its_marks() {
        assert_eq!(module_hit("TM201", "Year two", "\u{2}TM201\u{3}"), ("Year two".into(), None));
        assert_eq!(
            module_hit("MED3010", "Anaesthesia", "MED3010 \u{2}Anaesthesia\u{3}"),
            ("\u{2}Anaesthesia\u{3}".into(), None)
        );
        assert_eq!(module_hit("M1", "Anaesthesia", "\u{2}Anaesthesia\u{3}"), ("\u{2}Anaesthesia\u{3}".into(), None));
        assert_eq!(
            module_hit("M1", "Title", "…a \u{2}passage\u{3}…"),
            ("Title".into(), Some("…a \u{2}passage\u{3}…".into()))
        );
    }
}
