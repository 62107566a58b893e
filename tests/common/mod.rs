//! A work directory per test and a way to run the real `canon` binary in
//! it, printing the command, stdout and stderr when something fails.

#![allow(dead_code)]

pub mod export;
pub mod locale;
pub mod web;

// (Each test file uses some of the helpers, so an unused one is no fault.)
#[allow(unused_imports)]
pub use export::{export_edited, export_rows};
#[allow(unused_imports)]
pub use locale::in_locale;

/// SQL that takes a database back to before schema 0020 (the module
/// index and its triggers), for tests that make an older database.
pub const WITHOUT_MODULE_INDEX: &str = "DROP TRIGGER module_fts_insert; DROP TRIGGER module_fts_delete; \
     DROP TRIGGER module_fts_update; DROP TABLE module_fts; ";

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("canon.db")
    }

    /// `canon --db <workdir>/canon.db ARGS…`, run in the work directory.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("canon").expect("canon binary");
        c.current_dir(self.dir.path()).env_remove("CANON_DB").env_remove("CANON_USER").env("NO_COLOR", "1");
        c.arg("--db").arg(self.db()).args(args);
        c
    }

    /// `canon --db DB ARGS…` against another database, run in the work
    /// directory; asserts success and returns stdout.
    pub fn ok_at(&self, db: &Path, args: &[&str]) -> String {
        let mut c = Command::cargo_bin("canon").expect("canon binary");
        c.current_dir(self.dir.path()).env_remove("CANON_DB").env_remove("CANON_USER").env("NO_COLOR", "1");
        let out = c.arg("--db").arg(db).args(args).output().expect("run canon");
        if !out.status.success() {
            panic!("{}", describe(args, &out, &format!("expected success (--db {})", db.display())));
        }
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// `canon --db DB ARGS…` against another database, run in the work
    /// directory, whatever its outcome.
    pub fn run_at(&self, db: &Path, args: &[&str]) -> std::process::Output {
        let mut c = Command::cargo_bin("canon").expect("canon binary");
        c.current_dir(self.dir.path()).env_remove("CANON_DB").env_remove("CANON_USER").env("NO_COLOR", "1");
        c.arg("--db").arg(db).args(args).output().expect("run canon")
    }

    /// Writes `NAME.csl`, a dependent style of the bundled or Zotero style
    /// `parent` in `locale`, as the Zotero repository serves a journal's
    /// style, and returns its path for `--style`.
    pub fn dependent_style(&self, name: &str, parent: &str, locale: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="{locale}">
  <info>
    <title>{name}</title>
    <id>http://www.zotero.org/styles/{name}</id>
    <link href="http://www.zotero.org/styles/{name}" rel="self"/>
    <link href="http://www.zotero.org/styles/{parent}" rel="independent-parent"/>
    <category citation-format="author-date"/>
    <updated>2018-02-16T12:00:00+00:00</updated>
  </info>
</style>
"#
        );
        self.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
    }

    /// Runs and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run canon");
        if !out.status.success() {
            panic!("{}", describe(args, &out, "expected success"));
        }
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs and asserts success; returns stderr.
    pub fn ok_stderr(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run canon");
        if !out.status.success() {
            panic!("{}", describe(args, &out, "expected success"));
        }
        String::from_utf8(out.stderr).expect("utf-8 stderr")
    }

    /// Runs and asserts failure; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run canon");
        if out.status.success() {
            panic!("{}", describe(args, &out, "expected failure"));
        }
        String::from_utf8(out.stderr).expect("utf-8 stderr")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let s = self.ok(args);
        serde_json::from_str(&s).unwrap_or_else(|e| panic!("canon {args:?} printed invalid JSON ({e}):\n{s}"))
    }

    /// Each reading's reference in `style`, by title, from the JSON report
    /// (the same text as the CSV, xlsx and PDF tables).
    pub fn references(&self, style: &str) -> std::collections::HashMap<String, String> {
        self.report_readings(&self.db(), style).iter().map(|r| (field(r, "title"), field(r, "reference"))).collect()
    }

    /// Every reading's reference in `style`, in the report's order (a list
    /// that may hold two readings of one title).
    pub fn all_references(&self, style: &str) -> Vec<String> {
        self.all_references_at(&self.db(), style)
    }

    /// [`Workdir::all_references`] of another database.
    pub fn all_references_at(&self, db: &Path, style: &str) -> Vec<String> {
        self.report_readings(db, style).iter().map(|r| field(r, "reference")).collect()
    }

    /// The readings of `canon --db DB report … --style STYLE` as JSON.
    fn report_readings(&self, db: &Path, style: &str) -> Vec<serde_json::Value> {
        // A style may be a .csl file's path: name the report after its letters.
        let name: String = style.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        let out = self.path(&format!("refs-{name}.json"));
        self.ok_at(db, &["report", out.to_str().expect("utf-8 path"), "--style", style, "-q"]);
        let text = std::fs::read_to_string(&out).expect("the JSON report");
        let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        match doc["readings"].take() {
            serde_json::Value::Array(readings) => readings,
            other => panic!("a readings array, not {other}"),
        }
    }

    /// The titles `canon search q` finds (sessions and readings), sorted.
    pub fn search_titles(&self, q: &str) -> Vec<String> {
        let v = self.json(&["search", q, "--format", "json"]);
        let mut t: Vec<String> = v
            .as_array()
            .unwrap_or_else(|| panic!("{q}: not an array: {v}"))
            .iter()
            .map(|h| h["title"].as_str().unwrap_or_default().to_string())
            .collect();
        t.sort();
        t
    }

    /// A scalar from the database, read directly. With no database file
    /// (a refused import into a new database leaves none), it is 0: nothing
    /// was written, and no empty file is made here by looking.
    pub fn count(&self, sql: &str) -> i64 {
        if !self.db().exists() {
            return 0;
        }
        let c = rusqlite::Connection::open(self.db()).expect("open db");
        c.query_row(sql, [], |r| r.get(0)).expect(sql)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).expect("write file");
        p
    }

    /// Every reading, as `canon reading list --format json` prints it.
    pub fn reading_list(&self) -> serde_json::Value {
        self.json(&["reading", "list", "--format", "json"])
    }

    /// Writes `text` to `name` in the work directory and imports it as a
    /// reading list; asserts success and returns stderr (counts, warnings).
    pub fn import_reading(&self, name: &str, text: &str) -> String {
        let p = self.write(name, text);
        self.ok_stderr(&["import", "reading", p.to_str().expect("utf-8 path")])
    }
}

/// A report's reading's text field `k`; panics, printing the reading, without it.
fn field(r: &serde_json::Value, k: &str) -> String {
    r[k].as_str().unwrap_or_else(|| panic!("reading without {k}: {r}")).to_string()
}

/// A work directory with a new database (`canon init -q`).
pub fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// The reading whose title starts with `prefix` in a `reading list` JSON
/// array ([`Workdir::reading_list`]); panics, printing the list, when none does.
pub fn reading<'a>(list: &'a serde_json::Value, prefix: &str) -> &'a serde_json::Value {
    find_reading(list, prefix, |t| t.starts_with(prefix))
}

/// The reading titled exactly `title` in a `reading list` JSON array, for
/// titles one of which begins another; panics, printing the list, when none is.
pub fn reading_titled<'a>(list: &'a serde_json::Value, title: &str) -> &'a serde_json::Value {
    find_reading(list, title, |t| t == title)
}

fn find_reading<'a>(list: &'a serde_json::Value, what: &str, title: impl Fn(&str) -> bool) -> &'a serde_json::Value {
    list.as_array()
        .expect("a reading list array")
        .iter()
        .find(|r| r["title"].as_str().is_some_and(&title))
        .unwrap_or_else(|| panic!("no reading titled {what:?} in {list:#}"))
}

/// The parts `keys` ("family", "given", "particle", "suffix", "literal")
/// of each name in reading `r`'s list `field` ("author_names",
/// "editor_names"), `None` for a part it lacks; panics when `r` has no
/// such list.
pub fn name_fields<const N: usize>(r: &serde_json::Value, field: &str, keys: [&str; N]) -> Vec<[Option<String>; N]> {
    r[field]
        .as_array()
        .unwrap_or_else(|| panic!("no {field}: {r}"))
        .iter()
        .map(|n| keys.map(|k| n[k].as_str().map(str::to_string)))
        .collect()
}

/// The parts `keys` of each of reading `r`'s authors ([`name_fields`]),
/// "" for a part it lacks.
pub fn author_parts<const N: usize>(r: &serde_json::Value, keys: [&str; N]) -> Vec<[String; N]> {
    name_fields(r, "author_names", keys).into_iter().map(|n| n.map(Option::unwrap_or_default)).collect()
}

/// The parts `columns` ("family", "given", "particle", "literal") of the
/// authors of the reading titled `title`, as the database stores them, in
/// order, "" for NULL.
pub fn stored_author_parts<const N: usize>(w: &Workdir, title: &str, columns: [&str; N]) -> Vec<[String; N]> {
    let c = rusqlite::Connection::open(w.db()).expect("open db");
    let cols: Vec<String> = columns.iter().map(|k| format!("coalesce(a.{k},'')")).collect();
    let sql = format!(
        "SELECT {} FROM reading_author a JOIN reading r ON r.id = a.reading_id WHERE r.title = ?1 ORDER BY a.position",
        cols.join(", ")
    );
    let mut s = c.prepare(&sql).expect("author parts");
    s.query_map([title], |r| {
        let mut out: [String; N] = std::array::from_fn(|_| String::new());
        for (i, v) in out.iter_mut().enumerate() {
            *v = r.get(i)?;
        }
        Ok(out)
    })
    .expect("author parts")
    .map(Result::unwrap)
    .collect()
}

/// The reference of the one title starting with `prefix` in `refs` (from
/// [`Workdir::references`]): the title itself when it is a key, else the only
/// title it begins; panics when none or several do, so a test never checks
/// one reading while meaning another.
pub fn reference<'a>(refs: &'a std::collections::HashMap<String, String>, prefix: &str) -> &'a str {
    if let Some(r) = refs.get(prefix) {
        return r;
    }
    let found: Vec<(&String, &String)> = refs.iter().filter(|(t, _)| t.starts_with(prefix)).collect();
    match found.as_slice() {
        [(_, r)] => r,
        [] => panic!("no reference for a title starting {prefix:?}; titles: {:?}", refs.keys().collect::<Vec<_>>()),
        _ => panic!("several titles start with {prefix:?}: {:?}", found.iter().map(|f| f.0).collect::<Vec<_>>()),
    }
}

fn describe(args: &[&str], out: &Output, what: &str) -> String {
    format!(
        "{what}: canon {}\nstatus: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A file in the project's `samples/`.
pub fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name).display().to_string()
}

/// A file in `../shared/corpus/`, or `None` (with a note) when the shared
/// folder is absent, as in a user's fresh clone.
pub fn corpus(rel: &str) -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(rel);
    if p.exists() {
        Some(p.display().to_string())
    } else {
        eprintln!("skipping: {} is absent (../shared is not next to this clone)", p.display());
        None
    }
}

/// The text of a PDF, page by page, read back with lopdf.
pub fn pdf_text(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).expect("load pdf");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages.iter().map(|p| doc.extract_text(&[*p]).unwrap_or_default()).collect()
}

/// A word of a PDF as `pdftotext -bbox` reads it back: its text (entities
/// decoded, the bidi marks poppler adds removed), its box (xMin, xMax, yMin,
/// yMax, in points from the page's top left) and its page (0-based).
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub page: usize,
}

/// Every word of the PDF at `pdf`, page by page, in poppler's reading order
/// (`pdftotext -bbox`), or `None` with a note when pdftotext is not
/// installed (apt-get install poppler-utils): a test then skips its PDF checks.
/// The runs of text a PDF sets in an italic face, in page order, read with
/// `pdftohtml -xml` (poppler marks them `<i>`); `None`, with a message,
/// when poppler-utils is not installed.
#[allow(dead_code)]
pub fn pdf_italics(pdf: &Path) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("x");
    match std::process::Command::new("pdftohtml").args(["-xml", "-i", "-q"]).arg(pdf).arg(&stem).output() {
        Ok(out) if out.status.success() => {
            let xml = std::fs::read_to_string(stem.with_extension("xml")).unwrap();
            Some(xml.split("<i>").skip(1).filter_map(|p| p.split("</i>").next()).map(str::to_string).collect())
        }
        _ => {
            eprintln!("skipping the PDF's italics: pdftohtml is not installed (apt-get install poppler-utils)");
            None
        }
    }
}

pub fn pdf_words(pdf: &Path) -> Option<Vec<Word>> {
    let out = match std::process::Command::new("pdftotext").args(["-bbox"]).arg(pdf).arg("-").output() {
        Ok(o) if o.status.success() => o,
        _ => {
            eprintln!("skipping: pdftotext is not installed (apt-get install poppler-utils)");
            return None;
        }
    };
    let html = String::from_utf8(out.stdout).expect("utf-8");
    let mut found = Vec::new();
    let mut page = 0usize;
    let mut seen_page = false;
    for line in html.lines() {
        if line.trim_start().starts_with("<page") {
            if seen_page {
                page += 1;
            }
            seen_page = true;
        }
        let (Some(start), Some(close)) = (line.find("<word "), line.find('>')) else { continue };
        let raw = line[close + 1..].trim_end_matches("</word>");
        let text: String = raw
            .replace("&amp;", "&")
            .replace("&apos;", "'")
            .replace("&quot;", "\"")
            .chars()
            .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
            .collect();
        let attr = |name: &str| -> f32 {
            let key = format!("{name}=\"");
            let i = line[start..].find(&key).map(|i| start + i + key.len()).expect("attribute");
            line[i..].split('"').next().expect("value").parse().expect("number")
        };
        found.push(Word { text, x0: attr("xMin"), x1: attr("xMax"), y0: attr("yMin"), y1: attr("yMax"), page });
    }
    Some(found)
}

/// The words on the same page and line as `w` (their vertical centres within
/// 2 pt), left to right.
pub fn line_of<'a>(ws: &'a [Word], w: &Word) -> Vec<&'a Word> {
    let mid = (w.y0 + w.y1) / 2.0;
    let mut on: Vec<&Word> =
        ws.iter().filter(|v| v.page == w.page && ((v.y0 + v.y1) / 2.0 - mid).abs() < 2.0).collect();
    on.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    on
}

/// Imports `titles` as the sessions of one untagged module (programme P,
/// year 1, module M1) into `w`'s database and returns the themes `suggest
/// --target items` proposes for each title (an empty set for a title it
/// proposes nothing for).
pub fn suggested(
    w: &Workdir,
    titles: &[&str],
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut m = csv::Writer::from_path(w.path("m.csv")).unwrap();
    m.write_record([
        "programme",
        "year",
        "module_code",
        "module_title",
        "session_title",
        "learning_outcomes",
        "themes",
    ])
    .unwrap();
    for t in titles {
        m.write_record(["P", "1", "M1", "Module", t, "", ""]).unwrap();
    }
    m.flush().unwrap();
    w.ok(&["import", "modules", w.path("m.csv").to_str().unwrap()]);
    let s = w.json(&["suggest", "--target", "items", "--format", "json"]);
    let mut out: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        titles.iter().map(|t| (t.to_string(), Default::default())).collect();
    for x in s.as_array().unwrap() {
        let title = x["title"].as_str().unwrap().to_string();
        out.entry(title).or_default().insert(x["theme"].as_str().unwrap().to_string());
    }
    out
}

/// Runs canon on `db` in `w`; asserts success; returns stderr (for tests
/// that keep several copies of a database, as a group merging does).
pub fn stderr_at(w: &Workdir, db: &Path, args: &[&str]) -> String {
    let out = w.run_at(db, args);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "canon --db {} {args:?} failed:\n{err}", db.display());
    err
}

/// Runs canon on `db` in `w`; asserts failure; returns stderr.
pub fn fails_at(w: &Workdir, db: &Path, args: &[&str]) -> String {
    let out = w.run_at(db, args);
    assert!(!out.status.success(), "canon --db {} {args:?} succeeded", db.display());
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// Runs canon on `db` in `w`; asserts success; stdout as JSON.
pub fn json_at(w: &Workdir, db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&w.ok_at(db, args)).expect("JSON")
}

/// The authors of the reading whose title starts with `title`, each as
/// (family, given, literal), "" for a part not stored.
pub fn author_triples(list: &serde_json::Value, title: &str) -> Vec<(String, String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    reading(list, title)["author_names"]
        .as_array()
        .expect("author names")
        .iter()
        .map(|a| (s(&a["family"]), s(&a["given"]), s(&a["literal"])))
        .collect()
}

/// A name kept whole, as [`author_triples`] gives it.
pub fn whole_name(l: &str) -> (String, String, String) {
    (String::new(), String::new(), l.to_string())
}

/// A person's name, as [`author_triples`] gives it.
pub fn person_name(f: &str, g: &str) -> (String, String, String) {
    (f.to_string(), g.to_string(), String::new())
}
