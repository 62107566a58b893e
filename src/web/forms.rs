//! Small pieces every handler uses: percent-encoding for cookies and links,
//! safe "back" addresses, and the answer to a form (see other, with a message).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::session::{FLASH, Flash, Keys, Visit};
use crate::store::tags::Target;

/// Percent-encodes everything but ASCII letters, digits and `-._`, so the
/// result is safe in a cookie value, a query string and a path segment.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and `+` for a space, as forms send it); bad escapes
/// are kept as they are and invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let h = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match h {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A query string from pairs, leaving out empty values.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let kept: Vec<String> =
        pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if kept.is_empty() { String::new() } else { format!("?{}", kept.join("&")) }
}

/// `back` if it is a path on this site, else `fallback`: a form can only
/// send people back to canon's own pages.
pub fn local(back: Option<&str>, fallback: &str) -> String {
    match back {
        Some(b)
            if b.starts_with('/') && !b.starts_with("//") && !b.contains('\\') && !b.chars().any(char::is_control) =>
        {
            b.to_string()
        }
        _ => fallback.to_string(),
    }
}

/// "See other" to `to`, leaving `flash` for the next page.
pub fn done(keys: &Keys, visit: &Visit, to: &str, flash: Flash) -> Response {
    let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    let cookie = format!(
        "{FLASH}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age=120",
        keys.flash_cookie(&visit.session.sid, &flash)
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// What a form's answer says: the action's message, or its error as the user should read it.
pub fn outcome(r: anyhow::Result<String>) -> Flash {
    match r {
        Ok(message) => Flash { error: false, message },
        Err(e) => Flash { error: true, message: format!("{e:#}") },
    }
}

/// A tag's or suggestion's target as a form sends it: `item:ID` or `reading:ID`.
pub fn target(s: &str) -> Option<Target> {
    let (kind, id) = s.split_once(':')?;
    let id: i64 = id.parse().ok()?;
    match kind {
        "item" => Some(Target::Item(id)),
        "reading" => Some(Target::Reading(id)),
        "module" => Some(Target::Module(id)),
        _ => None,
    }
}

/// The form value naming a target.
pub fn target_value(t: Target) -> String {
    match t {
        Target::Item(id) => format!("item:{id}"),
        Target::Reading(id) => format!("reading:{id}"),
        Target::Module(id) => format!("module:{id}"),
    }
}

/// An optional text field: trimmed, `None` when empty.
pub fn text(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips_any_text() {
        for s in ["", "amina", "Ngũgĩ wa Thiong'o", "a+b c%d~e;f", "鲁迅 سعيد", "%zz%", "%4"] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn back_stays_on_the_site() {
        assert_eq!(local(Some("/modules/3#item-4"), "/"), "/modules/3#item-4");
        assert_eq!(local(Some("//evil.example/"), "/"), "/");
        assert_eq!(local(Some("https://evil.example/"), "/"), "/");
        assert_eq!(local(Some("/\\evil.example"), "/"), "/");
        assert_eq!(local(None, "/review"), "/review");
    }

    #[test]
    fn targets_parse() {
        assert_eq!(target("item:12"), Some(Target::Item(12)));
        assert_eq!(target(&target_value(Target::Reading(7))), Some(Target::Reading(7)));
        assert_eq!(target("item:x"), None);
        assert_eq!(target("theme:1"), None);
    }
}
