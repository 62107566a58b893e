//! The journeys a group makes in `canon serve`, in a real browser (Debian's
//! chromium driven by chromedriver over WebDriver): name yourself, accept a
//! suggestion, add and approve a reading, import a file after its preview,
//! download the report; plus keyboard focus and a title that would be a
//! script. Every page is saved as a screenshot under
//! target/tmp/web-screenshots/ to be looked at.
//!
//! Skips with a note when chromedriver is not installed, except in CI
//! (`CI` set), where `.ci/run` installs it and a skip would hide a failure.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Workdir;
use common::web::Server;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// chromedriver on a free port, stopped when dropped.
struct Driver(Child, u16);

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port");
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(30), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver(child, port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Browser {
    c: Client,
    base: String,
    shots: PathBuf,
}

impl Browser {
    async fn open(driver: &Driver, base: &str, profile: &Path, downloads: &Path) -> Browser {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                },
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let c = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.1))
            .await
            .expect("a browser session");
        let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screenshots");
        std::fs::create_dir_all(&shots).expect("screenshot folder");
        Browser { c, base: base.trim_end_matches('/').to_string(), shots }
    }

    async fn go(&self, path: &str) {
        self.c.goto(&format!("{}{path}", self.base)).await.expect("navigate");
    }

    async fn source(&self) -> String {
        self.c.source().await.expect("page source")
    }

    /// Waits until the page holds `needle` (after a form was sent).
    async fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.source().await;
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "the page never showed {needle:?}:\n{s}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn click(&self, css: &str) {
        self.c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}")).click().await.expect("click");
    }

    async fn type_into(&self, css: &str, text: &str) {
        let e = self.c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        e.clear().await.expect("clear");
        e.send_keys(text).await.expect("type");
    }

    /// The visible text of the page's message.
    async fn flash(&self) -> String {
        match self.c.find(Locator::Css(".flash")).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// A screenshot of the whole page, saved as NAME.png.
    async fn shot(&self, name: &str) {
        let js =
            "window.scrollTo(0, 0); return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)";
        let h = self.c.execute(js, vec![]).await.expect("height");
        let h = h.as_u64().unwrap_or(900).clamp(600, 6000) as u32 + 100;
        self.c.set_window_size(1280, h).await.expect("resize");
        self.c.execute("window.scrollTo(0, 0)", vec![]).await.expect("scroll");
        let png = self.c.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("save screenshot");
        eprintln!("screenshot: {}", path.display());
        self.c.set_window_size(1280, 900).await.expect("resize");
    }

    /// An alert would mean user text ran as a script.
    async fn no_alert(&self) {
        assert!(self.c.get_alert_text().await.is_err(), "a script ran: an alert is open");
    }
}

#[test]
fn the_group_journeys_in_a_real_browser() {
    let Some(chromedriver) = find_program("chromedriver") else {
        if std::env::var_os("CI").is_some() {
            panic!("chromedriver is not installed; .ci/run installs chromium and chromium-driver");
        }
        eprintln!(
            "skipping the browser journeys: chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let w = Workdir::new();
    w.ok(&["import", "modules", &common::sample("modules.csv")]);
    w.ok(&["import", "reading", &common::sample("reading.csv")]);
    w.ok(&["reading", "add", "--title", "<script>alert(1)</script>", "--author", "Mallory", "--by", "mallory"]);
    let server = Server::start(&w, &[]);
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().expect("profile");
    let downloads = tempfile::tempdir().expect("downloads");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    rt.block_on(journeys(&w, &server, &driver, profile.path(), downloads.path()));
}

async fn journeys(w: &Workdir, server: &Server, driver: &Driver, profile: &Path, downloads: &Path) {
    let b = Browser::open(driver, &server.url, profile, downloads).await;

    // Name yourself: the first visit asks, with a labelled field.
    b.go("/").await;
    let who = b.wait_for("Your name or pseudonym").await;
    assert!(b.c.current_url().await.unwrap().path() == "/who");
    assert!(who.contains("for=\"name\""));
    b.shot("who").await;
    // Keyboard: the first Tab reaches the skip link, which shows, and has a visible focus ring.
    let body = b.c.find(Locator::Css("body")).await.unwrap();
    body.send_keys("\u{e004}").await.expect("tab");
    let active = b.c.active_element().await.unwrap();
    assert_eq!(active.text().await.unwrap(), "Skip to the content");
    let outline = active.css_value("outline-style").await.unwrap();
    assert_ne!(outline, "none", "focus must be visible");
    b.type_into("#name", "amina").await;
    b.click("#pseudonym").await;
    b.click("form.stack button[type=submit]").await;
    let overview = b.wait_for("Working as").await;
    assert!(overview.contains("Coverage heat-map") && overview.contains("Welcome, amina"));
    b.shot("overview").await;

    // The heat-map cell opens the sessions behind it.
    b.click("td.cell a[aria-label^=\"MED1001, Historical awareness\"]").await;
    let cell = b.wait_for("sessions tagged").await;
    assert!(cell.contains("Human genetic variation"), "{cell}");
    b.shot("module-cell").await;

    // Accept a suggestion in one click.
    let m = w.json(&["module", "list", "--format", "json"]);
    let med1002 = m.as_array().unwrap().iter().find(|x| x["code"] == "MED1002").unwrap()["id"].as_i64().unwrap();
    b.go(&format!("/modules/{med1002}")).await;
    b.wait_for("Suggested theme").await;
    b.shot("module").await;
    b.click("button[aria-label^=\"Accept Historical awareness for session “The Anatomy Act\"]").await;
    b.wait_for("Accepted:").await;
    assert!(b.flash().await.contains("is tagged with Historical awareness"));
    let log = w.ok(&["log", "--entity", "item_tag", "--by", "amina", "--format", "csv"]);
    assert!(log.contains("suggested from the lexicon"), "{log}");

    // Add a reading; it waits for review.
    b.go("/readings/new").await;
    b.type_into("#r-title", "Weathering: The Extraordinary Stress of Ordinary Life").await;
    b.type_into("#r-authors", "Geronimus, Arline T.").await;
    b.type_into("#r-year", "2023").await;
    b.c.find(Locator::Css("#r-type")).await.unwrap().select_by_value("book").await.unwrap();
    b.click("input[name=theme][value=intersectional-health]").await;
    b.shot("reading-new").await;
    b.click("form.stack button[type=submit]").await;
    b.wait_for("waits in the review queue").await;
    b.shot("reading").await;

    // Approve it as someone else.
    b.go("/who").await;
    b.type_into("#name", "ben").await;
    b.click("form.stack button[type=submit]").await;
    b.wait_for("Working as <strong>ben</strong>").await;
    b.go("/review").await;
    let queue = b.wait_for("Weathering").await;
    assert!(queue.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title shows as text");
    b.no_alert().await;
    b.shot("review").await;
    b.type_into("input[id^=note-]", "core reading").await;
    b.click("button[aria-label^=\"Approve “Weathering\"]").await;
    b.wait_for("suggested → approved").await;
    let v = w.json(&["reading", "list", "--status", "approved", "--format", "json"]);
    assert!(v.as_array().unwrap().iter().any(|r| r["title"].as_str().is_some_and(|t| t.starts_with("Weathering"))));

    // Import a file after its preview.
    let file = w.write("group-list.csv", "title,authors,year,type,doi,url,themes,notes\nThe Spirit Catches You and You Fall Down,\"Fadiman, Anne\",1997,book,,,intersectional-health,\n");
    b.go("/import").await;
    b.click("#k-reading").await;
    b.c.find(Locator::Css("#file")).await.unwrap().send_keys(file.to_str().unwrap()).await.expect("choose the file");
    b.shot("import").await;
    b.click("form.stack button[type=submit]").await;
    let preview = b.wait_for("What would change").await;
    assert!(preview.contains("1 new") && preview.contains("Spirit Catches"), "{preview}");
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE title LIKE 'The Spirit Catches%'"),
        0,
        "nothing before confirming"
    );
    b.shot("import-preview").await;
    b.click("form[action=\"/import/confirm\"] button").await;
    b.wait_for("Imported.").await;
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE 'The Spirit Catches%'"), 1);

    // A workbook with bad cells: refused with each cell named, as the command line names it.
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/broken.xlsx");
    b.go("/import").await;
    b.c.find(Locator::Css("#file")).await.unwrap().send_keys(broken.to_str().unwrap()).await.expect("choose the file");
    b.click("form.stack button[type=submit]").await;
    let refused = b.wait_for("Rows to fix").await;
    assert!(refused.contains("broken.xlsx:Modules!C7: module_code is empty"), "{refused}");
    b.shot("import-workbook-refused").await;
    // A Curriculum Inventory document: its report above the diff.
    b.go("/import").await;
    let ci = common::sample("curriculum-inventory.xml");
    b.c.find(Locator::Css("#file")).await.unwrap().send_keys(&ci).await.expect("choose the file");
    b.click("form.stack button[type=submit]").await;
    let preview = b.wait_for("What would change").await;
    assert!(preview.contains("read as a MedBiquitous Curriculum Inventory"), "{preview}");
    b.shot("import-curriculum-inventory").await;

    // The other pages, to be looked at.
    for (name, path) in [
        ("readings", "/readings"),
        ("gaps", "/gaps"),
        ("gaps-finding", "/gaps?finding=F1"),
        ("search", "/search?q=%22pulse+oximetry%22"),
        ("history", "/history"),
    ] {
        b.go(path).await;
        b.wait_for("</main>").await;
        b.no_alert().await;
        b.shot(name).await;
    }
    let reading = w.count("SELECT id FROM reading WHERE title = '<script>alert(1)</script>'");
    b.go(&format!("/readings/{reading}")).await;
    let h1 = b.c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    assert_eq!(h1, "<script>alert(1)</script>");
    b.no_alert().await;
    b.shot("reading-script-title").await;
    for (name, path) in [
        ("reading-edit", format!("/readings/{reading}/edit")),
        ("reading-remove", format!("/readings/{reading}/remove")),
    ] {
        b.go(&path).await;
        b.wait_for("</main>").await;
        b.no_alert().await;
        b.shot(name).await;
    }

    // Download the report.
    b.go("/report").await;
    b.shot("report").await;
    b.click("form.stack button[type=submit]").await;
    let start = Instant::now();
    let pdf = loop {
        let done: Vec<PathBuf> = std::fs::read_dir(downloads)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        if let Some(p) = done.into_iter().next() {
            break p;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the report was not downloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(pdf.file_name().unwrap(), "canon-report.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    // And the committee workbook.
    b.go("/report").await;
    b.click("#f-xlsx").await;
    b.click("form.stack button[type=submit]").await;
    let start = Instant::now();
    let xlsx = downloads.join("canon-report.xlsx");
    while !xlsx.is_file() {
        assert!(start.elapsed() < Duration::from_secs(60), "the workbook was not downloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "a zip archive");
    b.c.close().await.expect("close the browser");
}
