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
        let shown = if bound.ip().is_unspecified() { "127.0.0.1".to_string() } else { bound.ip().to_string() };
        let shown = if shown.contains(':') { format!("[{shown}]") } else { shown };
        let url = match &config.token {
            Some(t) => format!("http://{shown}:{}/?token={}", bound.port(), forms::encode(t)),
            None => format!("http://{shown}:{}/", bound.port()),
        };
        println!("{url}");
        use std::io::Write;
        std::io::stdout().flush()?;
        if !config.quiet {
            eprintln!(
                "canon serve: the workspace over {} is at the address above (listening on {bound}); Ctrl-C stops it",
                config.db.display()
            );
        }
        axum::serve(listener, router(app)).await.context("serving")
    })
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
}
