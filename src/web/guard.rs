//! The one door every request passes: the token, the Host check, the
//! session and its CSRF token, the name a change is credited to, and the
//! security headers on every answer.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::app::App;
use super::forms::{encode, local};
use super::session::{AUTH, FLASH, SESSION, Session, Visit, same};
use super::{FORM_LIMIT, UPLOAD_LIMIT};

/// The Content-Security-Policy of every answer: styles from canon itself,
/// no scripts, no frames, forms only to canon.
pub const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// A page handler may put a changed session here (the "Your name" form does);
/// the guard then sends its cookie.
#[derive(Debug, Clone)]
pub struct NewSession(pub Session);

pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let mut resp = match pass(&app, req, next).await {
        Ok(r) | Err(r) => r,
    };
    harden(resp.headers_mut());
    resp
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn set_cookie(resp: &mut Response, name: &str, value: &str, max_age: u32) {
    let c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}");
    if let Ok(v) = HeaderValue::from_str(&c) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn refuse(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("canon: {text}\n")).into_response()
}

fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

/// The token, given as the auth cookie, `Authorization: Bearer`, or once as
/// `?token=` (answered with the cookie and the same address without it).
/// Returns the answer to give instead of the page, if any.
fn check_token(app: &App, req: &Request) -> Option<Response> {
    let h = req.headers();
    if cookie(h, AUTH).is_some_and(|c| app.keys.is_auth_cookie(c)) {
        return None;
    }
    let bearer = h.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if bearer.is_some_and(|t| app.keys.is_token(t.trim())) {
        return None;
    }
    if let Some(t) = query_param(req.uri().query(), "token")
        && app.keys.is_token(&t)
    {
        // Take the token out of the address bar (and of the history).
        let rest: Vec<String> = form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes())
            .filter(|(k, _)| k != "token")
            .map(|(k, v)| format!("{}={}", encode(&k), encode(&v)))
            .collect();
        let to = if rest.is_empty() {
            req.uri().path().to_string()
        } else {
            format!("{}?{}", req.uri().path(), rest.join("&"))
        };
        let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, local(Some(&to), "/"))]).into_response();
        set_cookie(&mut r, AUTH, &app.keys.auth_cookie(), 30 * 24 * 3600);
        return Some(r);
    }
    Some(refuse(
        StatusCode::UNAUTHORIZED,
        "this workspace needs its token; open the address `canon serve` printed (it ends in ?token=…)",
    ))
}

async fn pass(app: &Arc<App>, req: Request, next: Next) -> Result<Response, Response> {
    if app.keys.needs_token() {
        if let Some(r) = check_token(app, &req) {
            return Err(r);
        }
    } else {
        // Without a token canon listens on loopback only; a page elsewhere
        // that points a name of its own at 127.0.0.1 (DNS rebinding) is refused.
        let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
        if !app.local_hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return Err(refuse(StatusCode::MISDIRECTED_REQUEST, "this workspace answers at 127.0.0.1 only"));
        }
    }
    let path = req.uri().path().to_string();
    if path.starts_with("/static/") || path == "/favicon.ico" {
        return Ok(next.run(req).await);
    }

    let headers = req.headers();
    let known = cookie(headers, SESSION).and_then(|c| app.keys.parse_session(c));
    let fresh = known.is_none();
    let session = match known {
        Some(s) => s,
        None => Session::new(&app.keys).map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e:#}")))?,
    };
    let flash = cookie(headers, FLASH).and_then(|c| app.keys.parse_flash(&session.sid, c));

    let req = if req.method() == Method::POST { check_form(req, &session).await? } else { req };

    if session.name.is_none() && path != "/who" {
        let to = format!("/who?next={}", encode(req.uri().path_and_query().map_or("/", |p| p.as_str())));
        let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        if fresh {
            set_cookie(&mut r, SESSION, &app.keys.session_cookie(&session), 30 * 24 * 3600);
        }
        return Ok(r);
    }

    let had_flash = flash.is_some();
    let mut req = req;
    let visit = Visit { session: session.clone(), flash };
    req.extensions_mut().insert(visit.clone());
    let mut resp = unreadable_as_page(&visit, next.run(req).await).await;

    if let Some(NewSession(s)) = resp.extensions_mut().remove::<NewSession>() {
        set_cookie(&mut resp, SESSION, &app.keys.session_cookie(&s), 30 * 24 * 3600);
    } else if fresh {
        set_cookie(&mut resp, SESSION, &app.keys.session_cookie(&session), 30 * 24 * 3600);
    }
    // Every page shows the message; a redirect or a download passes it on.
    let shown = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if had_flash && shown {
        set_cookie(&mut resp, FLASH, "", 0);
    }
    Ok(resp)
}

/// A request whose form or address the handler could not read (a letter
/// where a number belongs, a field missing: axum's bare 400/415/422 in plain
/// text) answered with a page that says so, in the same status, never a
/// bare error.
async fn unreadable_as_page(visit: &Visit, resp: Response) -> Response {
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let status = resp.status();
    if !plain
        || !matches!(
            status,
            StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY | StatusCode::UNSUPPORTED_MEDIA_TYPE
        )
    {
        return resp;
    }
    let why = match axum::body::to_bytes(resp.into_body(), 64 * 1024).await {
        Ok(b) => String::from_utf8_lossy(&b).trim().to_string(),
        Err(_) => String::new(),
    };
    let why = why
        .strip_prefix("Failed to deserialize form body: ")
        .or_else(|| why.strip_prefix("Failed to deserialize query string: "))
        .unwrap_or(&why);
    let msg = format!(
        "The form could not be read ({why}); nothing was changed. Go back, check what was filled in, and send it again."
    );
    let mut page = super::pages::failed(visit, super::pages::Fail::Bad(msg));
    *page.status_mut() = status;
    page
}

/// A POST must come from one of canon's own pages: the browser's Origin (when
/// it sends one) is this server, and the form carries this session's CSRF
/// token. The body is read here (within its size limit) and handed on.
async fn check_form(req: Request, session: &Session) -> Result<Request, Response> {
    let (parts, body) = req.into_parts();
    let host = parts.headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if let Some(origin) = parts.headers.get(header::ORIGIN).and_then(|o| o.to_str().ok())
        && origin != format!("http://{host}")
        && origin != format!("https://{host}")
    {
        return Err(refuse(StatusCode::FORBIDDEN, "this form was sent from another site; nothing was changed"));
    }
    let ctype = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let multipart = ctype.starts_with("multipart/form-data");
    let limit = if multipart { UPLOAD_LIMIT + 64 * 1024 } else { FORM_LIMIT };
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => {
            let what = if multipart { "the file is larger than 16 MiB" } else { "the form is larger than 1 MiB" };
            return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, &format!("{what}; nothing was changed")));
        }
    };
    let token = if multipart {
        multipart_field(&ctype, &bytes, "csrf")
    } else if ctype.starts_with("application/x-www-form-urlencoded") {
        form_urlencoded::parse(&bytes).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned())
    } else {
        None
    };
    if !token.is_some_and(|t| same(t.as_bytes(), session.csrf.as_bytes())) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            "this form has expired (the page is old, or canon was restarted); nothing was changed. \
             Go back, reload the page and send it again",
        ));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The value of the text field `name` in a `multipart/form-data` body
/// (RFC 7578): read from the bytes already held, whatever their size up to
/// the upload limit (axum's `Multipart` extractor would apply its own 2 MB
/// default to a request made here). `None` when the field is absent.
fn multipart_field(ctype: &str, bytes: &[u8], name: &str) -> Option<String> {
    let boundary = ctype.split(';').map(str::trim).find_map(|p| p.strip_prefix("boundary="))?.trim_matches('"');
    let delim = format!("--{boundary}");
    let wanted = format!("name=\"{name}\"");
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let mut rest = &bytes[find(bytes, delim.as_bytes())? + delim.len()..];
    loop {
        let end = find(rest, delim.as_bytes()).unwrap_or(rest.len());
        let part = &rest[..end];
        if let Some(h) = find(part, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&part[..h]);
            let named = head.lines().any(|l| {
                l.to_ascii_lowercase().starts_with("content-disposition:") && l.split(';').any(|p| p.trim() == wanted)
            });
            if named {
                let value = &part[h + 4..];
                let value = value.strip_suffix(b"\r\n").unwrap_or(value);
                return String::from_utf8(value.to_vec()).ok();
            }
        }
        if end >= rest.len() {
            return None;
        }
        rest = &rest[end + delim.len()..];
    }
}

/// Headers every answer carries.
fn harden(h: &mut HeaderMap) {
    let set = |h: &mut HeaderMap, k: HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Not "no-referrer": with it a browser sends `Origin: null` on form posts.
    set(h, header::REFERRER_POLICY, "same-origin");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(h, HeaderName::from_static("cross-origin-resource-policy"), "same-origin");
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, header::CACHE_CONTROL, "no-store");
    }
}
