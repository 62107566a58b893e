//! `canon serve`: the same database as a small web application a group uses
//! together. Server-rendered HTML (maud escapes every value it is given),
//! plain forms for every action, no script, and nothing fetched from
//! anywhere but canon itself.
//!
//! The web layer is glue, like `cmd/`: pages read through the store's
//! listing functions and the analysis, and every change goes through the same
//! library functions (and so the same history) as the command line, on
//! blocking threads ([`app::App::read`], [`app::App::write`]), never on the
//! async ones.

mod app;
mod assets;
mod cache;
mod forms;
mod guard;
mod html;
mod pages;
mod session;

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use axum::Router;
use axum::routing::{get, post};

pub use app::App;

/// How `canon serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file (it must exist).
    pub db: PathBuf,
    /// The address to listen on: an IP address or `localhost`.
    pub host: String,
    /// The port (0: any free one).
    pub port: u16,
    /// The shared secret every request must carry, if any.
    pub token: Option<String>,
    /// No notes on stderr.
    pub quiet: bool,
}

/// The largest upload the import page accepts, in bytes (16 MiB: a module
/// list of about 50,000 sessions).
pub const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;

/// The largest plain form body accepted, in bytes.
pub const FORM_LIMIT: usize = 1024 * 1024;

/// Resolves where to listen and refuses a non-loopback address without a token.
pub fn listen_addr(host: &str, port: u16, token: Option<&str>) -> Result<SocketAddr> {
    let addr: SocketAddr = match host.parse::<IpAddr>() {
        Ok(ip) => SocketAddr::new(ip, port),
        Err(_) if host.eq_ignore_ascii_case("localhost") => SocketAddr::new(IpAddr::from([127, 0, 0, 1]), port),
        Err(_) => (host, port)
            .to_socket_addrs()
            .with_context(|| format!("--host {host:?} is not an address; expected an IP address such as 127.0.0.1"))?
            .next()
            .with_context(|| format!("--host {host:?} resolves to no address"))?,
    };
    if token.is_some_and(|t| t.trim().is_empty()) {
        bail!("--token is empty; expected a shared secret (or leave it out on 127.0.0.1)");
    }
    if !addr.ip().is_loopback() && token.is_none() {
        bail!(
            "refusing to serve on {host}: any address but 127.0.0.1 opens the workspace to the network; \
             pass --token SECRET (or set CANON_TOKEN) so that only people given the secret can use it"
        );
    }
    Ok(addr)
}

/// Runs the server until the process is stopped. Prints the address to open
/// on stdout (with the token, when there is one) once it is listening.
pub fn serve(config: Config) -> Result<()> {
    let addr = listen_addr(&config.host, config.port, config.token.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .thread_name("canon-serve")
        .max_blocking_threads(64)
        .build()
        .context("starting the web server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
            format!("listening on {addr} (is another program using port {}? try --port)", addr.port())
        })?;
        let bound = listener.local_addr()?;
        let app = Arc::new(App::new(&config, bound)?);
        let shown = Announce::new(bound, config.token.as_deref(), network_address);
        println!("{}", shown.url);
        use std::io::Write;
        std::io::stdout().flush()?;
        if !config.quiet {
            eprintln!(
                "canon serve: the workspace over {} is at the address above; {}; Ctrl-C stops it",
                config.db.display(),
                shown.listening
            );
        }
        axum::serve(listener, router(app)).await.context("serving")
    })
}

/// What `canon serve` prints once it listens: the address to open, and
/// where it listens, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announce {
    /// The address to open (with the token, when there is one): the
    /// address bound; for all interfaces, this machine's address on its
    /// network (others can open it), else 127.0.0.1.
    pub url: String,
    /// "listening on 192.168.1.20:8080", or for all interfaces what that
    /// means and the address that works on this machine.
    pub listening: String,
}

impl Announce {
    /// `network`: this machine's address on its network for an
    /// unspecified address of that family ([`network_address`]; a function,
    /// so tests need no network).
    pub fn new(bound: SocketAddr, token: Option<&str>, network: impl Fn(IpAddr) -> Option<IpAddr>) -> Announce {
        let url = |ip: IpAddr| {
            let host = match ip {
                IpAddr::V6(v6) => format!("[{v6}]"),
                IpAddr::V4(v4) => v4.to_string(),
            };
            match token {
                Some(t) => format!("http://{host}:{}/?token={}", bound.port(), forms::encode(t)),
                None => format!("http://{host}:{}/", bound.port()),
            }
        };
        if !bound.ip().is_unspecified() {
            return Announce { url: url(bound.ip()), listening: format!("listening on {bound}") };
        }
        let here = url(match bound.ip() {
            IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
            IpAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        });
        match network(bound.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified()) {
            Some(ip) => Announce {
                url: url(ip),
                listening: format!(
                    "listening on all interfaces ({bound}): others on this network open the address above; \
                     on this machine {here} works too"
                ),
            },
            None => Announce {
                url: here,
                listening: format!(
                    "listening on all interfaces ({bound}); this machine's network address was not found: \
                     from another machine, open the address above with this machine's address in place of {}",
                    if bound.is_ipv4() { "127.0.0.1" } else { "[::1]" }
                ),
            },
        }
    }
}

/// This machine's address on its network, for an unspecified address of
/// `family`'s kind: the local address of a UDP socket "connected" to a
/// documentation address (RFC 5737 / RFC 3849). Connecting a UDP socket
/// only looks up the route: nothing is sent.
pub fn network_address(family: IpAddr) -> Option<IpAddr> {
    let (local, remote): (SocketAddr, SocketAddr) = match family {
        IpAddr::V4(_) => (SocketAddr::from(([0, 0, 0, 0], 0)), SocketAddr::from(([192, 0, 2, 1], 9))),
        IpAddr::V6(_) => (
            SocketAddr::from((std::net::Ipv6Addr::UNSPECIFIED, 0)),
            SocketAddr::from((std::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), 9)),
        ),
    };
    let socket = std::net::UdpSocket::bind(local).ok()?;
    socket.connect(remote).ok()?;
    socket.local_addr().ok().map(|a| a.ip())
}

/// Every page and action.
pub fn router(app: Arc<App>) -> Router {
    use pages::*;
    Router::new()
        .route("/", get(overview::page))
        .route("/modules/{id}", get(module::page))
        .route("/items/{id}", get(module::item))
        .route("/tag", post(actions::tag))
        .route("/untag", post(actions::untag))
        .route("/suggestions/accept", post(actions::accept))
        .route("/suggestions/reject", post(actions::reject))
        .route("/suggestions/restore", post(actions::restore))
        .route("/link", post(actions::link))
        .route("/readings", get(readings::list).post(readings::add))
        .route("/readings/new", get(readings::new))
        .route("/readings/{id}", get(readings::show))
        .route("/readings/{id}/edit", get(edit::reading_form).post(edit::reading_save))
        .route("/readings/{id}/remove", get(edit::reading_confirm).post(edit::reading_remove))
        .route("/items/{id}/edit", get(edit::item_form).post(edit::item_save))
        .route("/items/{id}/remove", get(edit::item_confirm).post(edit::item_remove))
        .route("/unlink", post(edit::unlink))
        .route("/review", get(readings::queue).post(actions::review))
        .route("/gaps", get(gaps::page))
        .route("/search", get(search::page))
        .route("/history", get(history::page))
        .route("/undo", post(actions::undo))
        .route("/import", get(import::form).post(import::preview))
        .route("/import/confirm", post(import::confirm))
        .route("/report", get(report::form))
        .route("/report/download", get(report::download))
        .route("/who", get(who::form).post(who::set))
        .route("/static/canon.css", get(assets::css))
        .route("/favicon.ico", get(assets::favicon))
        .fallback(assets::not_found)
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard::guard))
        .layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT + 64 * 1024))
        .with_state(app)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_needs_no_token_and_others_do() {
        assert!(listen_addr("127.0.0.1", 0, None).is_ok());
        assert!(listen_addr("localhost", 0, None).is_ok());
        assert!(listen_addr("::1", 0, None).is_ok());
        let err = listen_addr("0.0.0.0", 0, None).unwrap_err().to_string();
        assert!(err.contains("--token"), "{err}");
        assert!(listen_addr("0.0.0.0", 0, Some("s3cret")).is_ok());
        assert!(listen_addr("0.0.0.0", 0, Some("  ")).is_err());
    }

    #[test]
    fn the_address_printed_is_the_one_bound() {
        let none = |_| None;
        let a = Announce::new("127.0.0.1:8080".parse().unwrap(), None, none);
        assert_eq!(a.url, "http://127.0.0.1:8080/");
        assert_eq!(a.listening, "listening on 127.0.0.1:8080");
        let a = Announce::new("192.168.1.20:8080".parse().unwrap(), Some("s3 cret"), none);
        assert_eq!(a.url, "http://192.168.1.20:8080/?token=s3%20cret");
        let a = Announce::new("[fe80::1]:81".parse().unwrap(), Some("t"), none);
        assert_eq!(a.url, "http://[fe80::1]:81/?token=t");
        // All interfaces: this machine's network address, and the one that works here.
        let lan = |_| Some(IpAddr::from([10, 0, 0, 7]));
        let a = Announce::new("0.0.0.0:8080".parse().unwrap(), Some("t"), lan);
        assert_eq!(a.url, "http://10.0.0.7:8080/?token=t");
        assert!(a.listening.starts_with("listening on all interfaces (0.0.0.0:8080)"), "{}", a.listening);
        assert!(a.listening.contains("http://127.0.0.1:8080/?token=t"), "{}", a.listening);
        // No network: the loopback address, and what to put in its place.
        let a = Announce::new("0.0.0.0:8080".parse().unwrap(), Some("t"), none);
        assert_eq!(a.url, "http://127.0.0.1:8080/?token=t");
        assert!(a.listening.contains("in place of 127.0.0.1"), "{}", a.listening);
        let a = Announce::new("[::]:8080".parse().unwrap(), Some("t"), |_| Some(IpAddr::from([127, 0, 0, 1])));
        assert_eq!(a.url, "http://[::1]:8080/?token=t", "a loopback answer is no network address");
    }
}
