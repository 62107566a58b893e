//! `canon serve` as a test sees it: the real binary listening on a free
//! port, and a small HTTP/1.1 client over a TCP socket with a cookie jar,
//! so that the tests exercise exactly what a browser gets.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::Workdir;

/// A running `canon serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// The address it printed, e.g. `http://127.0.0.1:41234/`.
    pub url: String,
    pub port: u16,
}

impl Server {
    /// `canon --db <workdir>/canon.db serve --port 0 EXTRA…`.
    pub fn start(w: &Workdir, extra: &[&str]) -> Server {
        Server::start_env(w, extra, &[])
    }

    pub fn start_env(w: &Workdir, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("canon"));
        c.current_dir(w.dir.path())
            .env_remove("CANON_DB")
            .env_remove("CANON_USER")
            .env_remove("CANON_TOKEN")
            .arg("--db")
            .arg(w.db())
            .args(["serve", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            c.env(k, v);
        }
        let mut child = c.spawn().expect("start canon serve");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout).read_line(&mut line).expect("read the address");
        let url = line.trim().to_string();
        assert!(url.starts_with("http://"), "canon serve printed {url:?}");
        let port: u16 = url
            .trim_start_matches("http://")
            .split(['/', '?'])
            .next()
            .and_then(|hp| hp.rsplit(':').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url:?}"));
        Server { child, url, port }
    }

    pub fn client(&self) -> Client {
        Client::new(self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Where a "see other" points.
    pub fn location(&self) -> &str {
        self.header("location").unwrap_or_else(|| panic!("no Location in a {} answer", self.status))
    }
}

/// A browser-like client: one cookie jar, `Host: 127.0.0.1:PORT`.
#[derive(Clone)]
pub struct Client {
    pub port: u16,
    pub host: String,
    pub cookies: BTreeMap<String, String>,
    /// Sent as `Origin` on POSTs when set.
    pub origin: Option<String>,
}

impl Client {
    pub fn new(port: u16) -> Client {
        Client {
            port,
            host: format!("127.0.0.1:{port}"),
            cookies: BTreeMap::new(),
            origin: Some(format!("http://127.0.0.1:{port}")),
        }
    }

    /// Sends one request and reads the whole answer; keeps the cookies it sets.
    pub fn request(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to canon serve");
        s.set_read_timeout(Some(Duration::from_secs(120))).expect("timeout");
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.host);
        if !self.cookies.is_empty() {
            let c: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            req.push_str(&format!("Cookie: {}\r\n", c.join("; ")));
        }
        if method == "POST"
            && let Some(o) = &self.origin
        {
            req.push_str(&format!("Origin: {o}\r\n"));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if method == "POST" || !body.is_empty() {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).expect("send request");
        // The server may answer (413, 403) before reading a large body.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read answer");
        let r = parse(&raw);
        for c in r.headers_named("set-cookie") {
            let first = c.split(';').next().unwrap_or("");
            if let Some((k, v)) = first.split_once('=') {
                let gone = c.to_ascii_lowercase().contains("max-age=0");
                if gone {
                    self.cookies.remove(k.trim());
                } else {
                    self.cookies.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
        }
        r
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    /// GET, asserting 200; returns the page.
    pub fn page(&mut self, path: &str) -> String {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path} answered {}:\n{}", r.status, r.text());
        r.text()
    }

    pub fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
        self.request("POST", path, &[("Content-Type", "application/x-www-form-urlencoded")], body.join("&").as_bytes())
    }

    /// POSTs a form with this session's CSRF token (read from `from`, a page of the site).
    pub fn submit(&mut self, from: &str, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = csrf(&self.page(from));
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all)
    }

    /// A multipart form with text fields and one file.
    pub fn post_multipart(&mut self, path: &str, fields: &[(&str, &str)], file: (&str, &str, &[u8])) -> Response {
        let boundary = "canontestboundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
            );
        }
        let (field, name, bytes) = file;
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\
                 Content-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let ctype = format!("multipart/form-data; boundary={boundary}");
        self.request("POST", path, &[("Content-Type", &ctype)], &body)
    }

    /// Says who this client is, as the "Your name" page does.
    pub fn login(&mut self, name: &str) {
        let who = self.page("/who");
        let token = csrf(&who);
        let r = self.post_form("/who", &[("csrf", &token), ("name", name), ("role", "student"), ("next", "/")]);
        assert_eq!(r.status, 303, "naming myself {name:?}: {}", r.text());
    }

    /// Follows a "see other" and returns the page it leads to.
    pub fn follow(&mut self, r: &Response) -> String {
        assert_eq!(r.status, 303, "expected see other, got {}: {}", r.status, r.text());
        let to = r.location().to_string();
        self.page(&to)
    }
}

/// The CSRF token in a page's forms.
pub fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .unwrap_or_else(|| panic!("no CSRF field in:\n{}", html.chars().take(1500).collect::<String>()));
    let rest = &html[at + 19..];
    rest[..rest.find('"').expect("end of token")].to_string()
}

/// The page's message after an action (the flash), without tags.
pub fn flash(html: &str) -> Option<String> {
    let at = html.find("class=\"flash")?;
    let rest = &html[at..];
    let start = rest.find('>')? + 1;
    let end = rest.find("</div>")?;
    Some(strip_tags(&rest[start..end]))
}

pub fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Percent-encodes a form value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect()
}

fn parse(raw: &[u8]) -> Response {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| {
        panic!("no end of headers in an answer of {} bytes: {:?}", raw.len(), String::from_utf8_lossy(raw))
    });
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        body = unchunk(&body);
    }
    Response { status, headers, body }
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).split(';').next().unwrap_or("0").trim(), 16)
                .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&b[start..start + size]);
        b = &b[start + size + 2..];
    }
    out
}
