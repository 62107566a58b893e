//! Issue 11: a contributor's file cannot harm, and no output path can
//! destroy the database. Each numbered failure of the issue is a test here,
//! with variants of the same kind: every way a path can name the database,
//! every way a database or bundle from someone else can be hostile, every
//! door long text can come in by.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use common::{Workdir, sample};
use rusqlite::Connection;

/// Generous: only a hang or a quadratic blow-up exceeds it (the issue saw
/// runs of minutes and merges that never ended). Not a speed bar.
const HANG: Duration = Duration::from_secs(120);

/// A work directory with the sample curriculum and reading list imported.
fn imported() -> Workdir {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// `canon --db DB ARGS…` in `w`, stopped after [`HANG`].
fn run(w: &Workdir, db: &Path, args: &[&str]) -> Output {
    let mut c = assert_cmd::Command::cargo_bin("canon").unwrap();
    c.current_dir(w.dir.path()).env_remove("CANON_DB").env_remove("CANON_USER").env("NO_COLOR", "1");
    c.arg("--db").arg(db).args(args).timeout(HANG);
    c.output().unwrap_or_else(|e| panic!("canon {args:?} did not finish: {e}"))
}

fn show(args: &[&str], o: &Output) -> String {
    format!(
        "canon {}\nstatus: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        args.join(" "),
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs, expects failure, returns stderr.
fn refused(w: &Workdir, db: &Path, args: &[&str]) -> String {
    let o = run(w, db, args);
    assert!(!o.status.success(), "expected a refusal: {}", show(args, &o));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs, expects success, returns stdout.
fn done(w: &Workdir, db: &Path, args: &[&str]) -> String {
    let o = run(w, db, args);
    assert!(o.status.success(), "expected success: {}", show(args, &o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// What a database holds, as numbers that any damage changes.
fn fingerprint(db: &Path) -> Vec<i64> {
    let c = Connection::open(db).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok", "{} is damaged", db.display());
    [
        "SELECT count(*) FROM module",
        "SELECT count(*) FROM item",
        "SELECT count(*) FROM reading",
        "SELECT count(*) FROM reading_author",
        "SELECT count(*) FROM theme_keyword",
        "SELECT count(*) FROM item_tag",
        "SELECT count(*) FROM history",
        "SELECT count(*) FROM contributor",
        "SELECT count(*) FROM conflict",
    ]
    .iter()
    .map(|q| c.query_row(q, [], |r| r.get(0)).unwrap())
    .collect()
}

fn companions(db: &Path) -> Vec<String> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|x| format!("{}{x}", db.display()))
        .filter(|p| Path::new(p).exists())
        .collect()
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// A bundle of the work directory's database in `name`.
fn bundle(w: &Workdir, name: &str) -> PathBuf {
    let dir = w.path(name);
    w.ok(&["export", "bundle", s(&dir)]);
    dir
}

/// Edits one line of a bundle file: `f` gets each record, returns it changed or not.
fn edit_bundle(dir: &Path, table: &str, f: impl Fn(&mut serde_json::Map<String, serde_json::Value>) -> bool) {
    let path = dir.join(format!("{table}.jsonl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            let mut v: serde_json::Map<String, serde_json::Value> = serde_json::from_str(l).unwrap();
            if !done && f(&mut v) {
                done = true;
            }
            serde_json::to_string(&v).unwrap()
        })
        .collect();
    assert!(done, "no {table} record was edited");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

// 1. -o and every other output path never replace the database.
#[test]
fn case1_no_output_path_replaces_the_database_under_any_name() {
    let w = imported();
    let db = w.db();
    let before = fingerprint(&db);
    let abs = s(&db).to_string();
    std::fs::create_dir(w.path("sub")).unwrap();
    std::os::unix::fs::symlink(&db, w.path("link.csv")).unwrap();
    std::os::unix::fs::symlink(format!("{abs}-journal"), w.path("to-journal.csv")).unwrap();
    std::os::unix::fs::symlink(w.dir.path(), w.path("here")).unwrap();
    std::fs::hard_link(&db, w.path("hard.csv")).unwrap();
    let names = [
        "canon.db".to_string(),
        abs.clone(),
        format!("{abs}-wal"),
        format!("{abs}-shm"),
        format!("{abs}-journal"),
        "sub/../canon.db".into(),
        "./sub/../canon.db-wal".into(),
        "link.csv".into(),
        "to-journal.csv".into(),
        "here/canon.db".into(),
        "hard.csv".into(),
    ];
    let listings: [&[&str]; 5] = [
        &["item", "list", "--format", "csv"],
        &["log", "--format", "json"],
        &["export", "reading", "--format", "csv"],
        &["coverage", "--format", "csv"],
        &["gaps", "--format", "csv"],
    ];
    for listing in listings {
        for name in &names {
            let mut args = listing.to_vec();
            args.extend(["-o", name]);
            let err = w.fails(&args);
            assert!(err.contains("refusing to write"), "{args:?}: {err}");
        }
    }
    for name in [&names[0], &names[2], &names[7], &names[10]] {
        for format in ["csv", "pdf", "json", "xlsx"] {
            let err = w.fails(&["report", name, "--format", format]);
            assert!(err.contains("refusing to write the report over the"), "report {name} --format {format}: {err}");
        }
    }
    // A database named like a report: `report` and `audit --out` refuse it
    // in the same words, audit before it imports anything.
    for (db_name, out) in [("book.xlsx", "book.xlsx"), ("r.pdf", "./r.pdf")] {
        let other = w.path(db_name);
        if db_name == "book.xlsx" {
            std::fs::copy(&db, &other).unwrap();
            let err = refused(&w, &other, &["report", out]);
            assert!(err.contains("refusing to write the report over the database"), "{err}");
            assert_eq!(fingerprint(&other), before);
        } else {
            let args = ["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", out];
            let err = refused(&w, &other, &args);
            assert!(err.contains("refusing to write the report over the database"), "{err}");
            assert!(!other.exists() && companions(&other).is_empty(), "audit made a database before refusing");
        }
    }
    assert_eq!(fingerprint(&db), before);
    assert!(!Path::new(&format!("{abs}-journal")).exists());
    assert_eq!(std::fs::read_link(w.path("to-journal.csv")).unwrap(), PathBuf::from(format!("{abs}-journal")));
    assert!(
        std::fs::read_dir(w.dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains(".canon-"))
    );
}

#[test]
fn case1_a_folder_output_never_replaces_the_database_and_keeps_other_files() {
    let w = imported();
    // A database named like a bundle table, in the folder the bundle goes to.
    let odd = w.path("out/reading.jsonl");
    std::fs::create_dir(w.path("out")).unwrap();
    std::fs::copy(w.db(), &odd).unwrap();
    let before = fingerprint(&odd);
    let err = refused(&w, &odd, &["export", "bundle", s(&w.path("out"))]);
    assert!(err.contains("refusing to write") && err.contains("reading.jsonl"), "{err}");
    let summary = w.path("out/summary.csv");
    std::fs::rename(&odd, &summary).unwrap();
    let err = refused(&w, &summary, &["report", s(&w.path("out")), "--format", "csv"]);
    assert!(err.contains("refusing to write") && err.contains("summary.csv"), "{err}");
    assert_eq!(fingerprint(&summary), before);
    assert_eq!(std::fs::read_dir(w.path("out")).unwrap().count(), 1, "files left behind");

    // The database's own folder is fine when no name collides; other files stay.
    w.write("README.md", "ours");
    std::fs::create_dir(w.path(".git")).unwrap();
    w.write(".git/HEAD", "ref: refs/heads/main\n");
    w.ok(&["export", "bundle", "."]);
    w.ok(&["export", "bundle", "."]);
    assert_eq!(std::fs::read_to_string(w.path("README.md")).unwrap(), "ours");
    assert!(w.path(".git/HEAD").exists() && w.path("reading.jsonl").exists());
    let fresh = Workdir::new();
    done(&fresh, &fresh.db(), &["import", "bundle", s(w.dir.path())]);
    assert_eq!(fingerprint(&fresh.db())[..6], fingerprint(&w.db())[..6]);
}

// 2. A view, trigger or foreign object in a contributor's database.
#[test]
fn case2_their_database_with_a_view_trigger_or_other_schema_is_refused_unread() {
    let w = imported();
    let mine = w.db();
    let before = fingerprint(&mine);
    let variants: &[(&str, &str, &str)] = &[
        (
            "recursive view in place of a table",
            "PRAGMA foreign_keys = OFF; DROP TABLE programme;
             CREATE VIEW programme (id, name, created_at) AS
               WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, 'p' || n, '2026' FROM r;",
            "view",
        ),
        ("a view on another table", "CREATE VIEW sessions AS SELECT * FROM item;", "view"),
        ("a trigger", "CREATE TRIGGER t AFTER INSERT ON reading BEGIN DELETE FROM item; END;", "trigger"),
        ("a table canon does not make", "CREATE TABLE extra (x);", "extra"),
        ("a changed table", "ALTER TABLE reading ADD COLUMN secret TEXT;", "reading"),
        ("a missing table", "DROP TABLE snapshot_gap;", "snapshot_gap"),
        ("an index canon does not make", "CREATE INDEX odd ON item (title);", "odd"),
        ("another schema version", "PRAGMA user_version = 2;", "schema version"),
    ];
    for (what, sql, expect) in variants {
        let theirs = w.path(&format!("theirs-{}.db", what.replace(' ', "-")));
        std::fs::copy(&mine, &theirs).unwrap();
        Connection::open(&theirs).unwrap().execute_batch(sql).unwrap();
        let bytes = std::fs::read(&theirs).unwrap();
        let err = refused(&w, &mine, &["merge", s(&theirs), "--by", "me"]);
        assert!(err.contains(expect), "{what}: {err}");
        assert_eq!(std::fs::read(&theirs).unwrap(), bytes, "{what}: their file changed");
        assert!(companions(&theirs).is_empty(), "{what}: {:?}", companions(&theirs));
    }
    // Not a database at all, or a link to ours.
    let junk = w.write("junk.db", vec![0x5a_u8; 4096]);
    let err = refused(&w, &mine, &["merge", s(&junk), "--by", "me"]);
    assert!(err.contains("junk.db"), "{err}");
    std::os::unix::fs::symlink(&mine, w.path("ours-again.db")).unwrap();
    let err = refused(&w, &mine, &["merge", s(&w.path("ours-again.db")), "--by", "me"]);
    assert!(err.contains("is this database"), "{err}");
    assert_eq!(fingerprint(&mine), before);
}

// 3. Bundle files that are not regular files inside the bundle.
#[test]
fn case3_bundle_files_must_be_regular_files_inside_the_bundle() {
    let w = imported();
    let good = bundle(&w, "good");
    let outside = w.write("outside.jsonl", std::fs::read(good.join("reading.jsonl")).unwrap());
    let before = fingerprint(&w.db());
    type Setup = fn(&Path, &Path);
    let variants: &[(&str, Setup, &str)] = &[
        (
            "a link to /dev/zero",
            |d, _| std::os::unix::fs::symlink("/dev/zero", d.join("reading.jsonl")).unwrap(),
            "symbolic link",
        ),
        (
            "a link outside the bundle",
            |d, o| std::os::unix::fs::symlink(o, d.join("reading.jsonl")).unwrap(),
            "symbolic link",
        ),
        (
            "a FIFO",
            |d, _| {
                let ok = std::process::Command::new("mkfifo").arg(d.join("reading.jsonl")).status().unwrap();
                assert!(ok.success());
            },
            "FIFO",
        ),
        ("a folder", |d, _| std::fs::create_dir(d.join("reading.jsonl")).unwrap(), "folder"),
        (
            "a 3 GiB file (sparse)",
            |d, _| std::fs::File::create(d.join("reading.jsonl")).unwrap().set_len(3 << 30).unwrap(),
            "a bundle file may hold at most",
        ),
        (
            "a link as the manifest",
            |d, o| {
                let real = o.with_file_name("good").join("manifest.json");
                std::os::unix::fs::symlink(real, d.join("manifest.json")).unwrap();
            },
            "symbolic link",
        ),
    ];
    for (i, (what, setup, expect)) in variants.iter().enumerate() {
        let b = w.path(&format!("hostile-{i}"));
        copy_dir(&good, &b);
        let victim = if *what == "a link as the manifest" { "manifest.json" } else { "reading.jsonl" };
        std::fs::remove_file(b.join(victim)).unwrap();
        setup(&b, &outside);
        let n = w.path(&format!("n{i}.db"));
        let err = refused(&w, &n, &["import", "bundle", s(&b)]);
        assert!(err.contains(victim) && err.contains(expect), "{what}: {err}");
        assert!(!n.exists() && companions(&n).is_empty(), "{what}: a database was left behind");
        let err = refused(&w, &w.db(), &["merge", s(&b), "--by", "me"]);
        assert!(err.contains(victim) && err.contains(expect), "{what}: {err}");
    }
    assert_eq!(fingerprint(&w.db()), before);
}

/// An "old" database: text that arrived before there were limits.
fn with_long_text(w: &Workdir) {
    let c = Connection::open(w.db()).unwrap();
    let theme: i64 = c.query_row("SELECT id FROM theme WHERE slug = 'epistemic-bias'", [], |r| r.get(0)).unwrap();
    c.execute(
        "INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2)",
        rusqlite::params![theme, "a".repeat(100_000)],
    )
    .unwrap();
    let phrase = vec!["bias"; 5_000].join(" ");
    c.execute("INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2)", rusqlite::params![theme, phrase])
        .unwrap();
    // A session whose outcomes are one keyword after another: a hit every few bytes.
    let outcomes = "race bias pulse oximetry skin of colour ".repeat(20_000);
    c.execute("UPDATE item SET outcomes = ?1 WHERE id = (SELECT min(id) FROM item)", [outcomes]).unwrap();
}

// 4. Long text: refused at every door; what is already there costs time in proportion.
#[test]
fn case4_long_text_in_a_database_keeps_analysis_and_reports_finishing() {
    let w = imported();
    with_long_text(&w);
    let db = w.db();
    for args in [
        &["gaps", "--format", "json"][..],
        &["suggest", "--format", "json"],
        &["snapshot", "round-1", "--by", "me"],
        &["report", "r.pdf"],
        &["report", "r.csv"],
        &["coverage"],
    ] {
        done(&w, &db, args);
    }
    assert!(w.path("r.pdf").exists() && w.path("r.csv").exists());
}

#[test]
fn case4_long_text_is_refused_at_every_door() {
    let w = imported();
    let db = w.db();
    let before = fingerprint(&db);
    let long = |n: usize| "a".repeat(n);
    let keyword = long(100_000);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["theme".into(), "add".into(), "x".into(), "--keyword".into(), keyword.clone()],
            "keyword is 100,000 characters",
        ),
        (vec!["theme".into(), "add".into(), long(13_000)], "theme slug is 13,000 characters"),
        (vec!["theme".into(), "add".into(), "x".into(), "--name".into(), long(600)], "theme name"),
        (vec!["report".into(), "r.pdf".into(), "--title".into(), long(130_000)], "--title is 130,000"),
        (
            vec![
                "tag".into(),
                "MED2002/Spirometry interpretation and reference equations".into(),
                "epistemic-bias".into(),
                "--by".into(),
                long(501),
            ],
            "contributor name",
        ),
        (vec!["contributor".into(), "add".into(), long(501)], "contributor name"),
        (vec!["snapshot".into(), long(501)], "snapshot name"),
        // The correcting verbs are doors too.
        (
            vec!["module".into(), "add".into(), "X9".into(), "--title".into(), long(2_001), "--by".into(), "me".into()],
            "module title is 2,001",
        ),
        (
            vec!["module".into(), "add".into(), long(65), "--title".into(), "T".into(), "--by".into(), "me".into()],
            "module code is 65",
        ),
        (
            vec![
                "theme".into(),
                "edit".into(),
                "epistemic-bias".into(),
                "--add-keyword".into(),
                keyword.clone(),
                "--by".into(),
                "me".into(),
            ],
            "keyword is 100,000",
        ),
        (
            vec![
                "theme".into(),
                "edit".into(),
                "epistemic-bias".into(),
                "--slug".into(),
                long(13_000),
                "--by".into(),
                "me".into(),
            ],
            "theme slug is 13,000",
        ),
        (
            vec![
                "reading".into(),
                "edit".into(),
                "10.1056/NEJMms2004740".into(),
                "--title".into(),
                long(2_001),
                "--by".into(),
                "me".into(),
            ],
            "title is 2,001",
        ),
    ];
    for (args, expect) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = refused(&w, &db, &args);
        assert!(err.contains(expect), "{:?}: {err}", &args[..2]);
    }
    assert!(!w.path("r.pdf").exists());

    // Imports: the file, physical line and column, and nothing written.
    let title = long(2_001);
    let modules = w.write(
        "modules.csv",
        format!("programme,year,module_code,module_title,session_title\nMBChB,1,X1,Ok,Fine\nMBChB,1,X1,Ok,{title}\n"),
    );
    let err = refused(&w, &db, &["import", "modules", s(&modules)]);
    assert!(err.contains("modules.csv:3:5: session title is 2,001 characters long"), "{err}");
    let reading = w.write("r.csv", format!("title,authors,year,notes\nOk,\"A, B\",2020,\n{title},\"A, B\",2021,\n"));
    let err = refused(&w, &db, &["import", "reading", s(&reading)]);
    assert!(err.contains("r.csv:3:1: title is 2,001 characters long"), "{err}");
    let bib = w.write("r.bib", format!("@article{{k,\n  title = {{{title}}},\n  year = {{2020}}\n}}\n"));
    let err = refused(&w, &db, &["import", "reading", s(&bib)]);
    assert!(err.contains("title is 2,001 characters long"), "{err}");
    let code = w.write("codes.csv", format!("module_code,module_title,session_title\n{},T,S\n", long(65)));
    let err = refused(&w, &db, &["import", "modules", s(&code)]);
    assert!(err.contains("codes.csv:2:1: module code is 65 characters"), "{err}");
    assert_eq!(fingerprint(&db), before);

    // Bundles and merged databases: the same limits.
    let good = bundle(&w, "good");
    let b = w.path("long-keyword");
    copy_dir(&good, &b);
    edit_bundle(&b, "theme", |m| {
        m.insert("keywords".into(), serde_json::json!([keyword]));
        true
    });
    let err = refused(&w, &w.path("n.db"), &["import", "bundle", s(&b)]);
    assert!(err.contains("theme.jsonl:1") && err.contains("keywords") && err.contains("100,000"), "{err}");
    let err = refused(&w, &db, &["merge", s(&b), "--by", "me"]);
    assert!(err.contains("100,000"), "{err}");
    let theirs = w.path("theirs.db");
    std::fs::copy(&db, &theirs).unwrap();
    Connection::open(&theirs)
        .unwrap()
        .execute("UPDATE module SET title = ?1 WHERE id = (SELECT min(id) FROM module)", [long(3_000)])
        .unwrap();
    let err = refused(&w, &db, &["merge", s(&theirs), "--by", "me"]);
    assert!(err.contains("table module, row 1") && err.contains("\"title\" is 3,000 characters"), "{err}");
    assert_eq!(fingerprint(&db), before);
}

// 5. A missing table file, or a manifest that does not list it.
#[test]
fn case5_a_bundle_missing_a_table_file_is_refused() {
    let w = imported();
    let good = bundle(&w, "good");
    let before = fingerprint(&w.db());
    let missing = w.path("missing");
    copy_dir(&good, &missing);
    std::fs::remove_file(missing.join("reading.jsonl")).unwrap();
    let err = refused(&w, &w.path("n.db"), &["import", "bundle", s(&missing)]);
    assert!(err.contains("reading.jsonl is missing"), "{err}");
    assert!(!w.path("n.db").exists());
    let err = refused(&w, &w.db(), &["merge", s(&missing), "--by", "me"]);
    assert!(err.contains("reading.jsonl is missing"), "{err}");

    let manifest = |dir: &Path, f: &dyn Fn(&mut serde_json::Value)| {
        let p = dir.join("manifest.json");
        let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(&p, v.to_string()).unwrap();
    };
    let unlisted = w.path("unlisted");
    copy_dir(&missing, &unlisted);
    manifest(&unlisted, &|v| v["tables"].as_array_mut().unwrap().retain(|t| t != "reading.jsonl"));
    let err = refused(&w, &w.path("n.db"), &["import", "bundle", s(&unlisted)]);
    assert!(err.contains("does not list \"reading.jsonl\""), "{err}");
    let outside = w.path("outside-name");
    copy_dir(&good, &outside);
    manifest(&outside, &|v| v["tables"].as_array_mut().unwrap().push("../canon.db".into()));
    let err = refused(&w, &w.path("n.db"), &["import", "bundle", s(&outside)]);
    assert!(err.contains("\"../canon.db\", which is not a table file"), "{err}");
    assert_eq!(fingerprint(&w.db()), before);
    assert!(!w.path("n.db").exists());
}

/// `n` characters of words that do not compress much (a fixed pseudo-random sequence).
fn words(n: usize) -> String {
    let mut x: u64 = 11;
    let mut out = String::with_capacity(n + 16);
    while out.len() < n {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let len = 3 + (x >> 60) as usize % 7;
        for i in 0..len {
            out.push((b'a' + ((x >> (i * 5 + 3)) % 26) as u8) as char);
        }
        out.push(' ');
    }
    out.truncate(n);
    out
}

/// `canon ARGS` with the file-size limit at `kib` KiB: writes past it kill
/// canon (SIGXFSZ) like a disk filling up mid-write.
fn with_file_limit(w: &Workdir, kib: u64, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("canon");
    let mut c = std::process::Command::new("sh");
    // POSIX `ulimit -f` counts 512-byte blocks.
    c.arg("-c").arg(format!("ulimit -f {} && exec \"$0\" \"$@\"", kib * 2)).arg(bin);
    c.arg("--db").arg(w.db()).args(args).current_dir(w.dir.path()).env_remove("CANON_DB");
    c.output().unwrap()
}

// 6. A folder (or file) write that fails half-way leaves the old one as it was.
#[test]
fn case6_a_folder_write_cut_short_leaves_the_old_one_whole() {
    let w = imported();
    let b = bundle(&w, "b");
    let old = files(&b);
    w.ok(&["report", "out/", "--format", "csv"]);
    let old_report = files(&w.path("out"));
    // New data, with files larger than the limit below.
    let note = "x".repeat(80_000);
    w.ok(&["reading", "add", "--title", "A new reading", "--year", "2025", "--by", "me", "--note", &note]);
    let o = with_file_limit(&w, 60, &["export", "bundle", "b"]);
    assert!(!o.status.success(), "the export was meant to fail: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(files(&b), old, "a cut-short export changed the bundle");
    let o = with_file_limit(&w, 60, &["report", "out", "--format", "csv"]);
    assert!(!o.status.success());
    assert_eq!(files(&w.path("out")), old_report, "a cut-short report changed the folder");
    // The old bundle is still a whole bundle of the old state.
    let n = w.path("n.db");
    done(&w, &n, &["import", "bundle", "b"]);
    assert_eq!(fingerprint(&n)[2], fingerprint(&w.db())[2] - 1);
    // The next complete export clears what the killed one left.
    w.ok(&["export", "bundle", "b"]);
    assert!(std::fs::read_dir(&b).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().starts_with(".canon")));
    // A folder a write was renaming into when it stopped is never read as a state.
    w.write("b/.canon-incomplete", "");
    let err = refused(&w, &w.path("m.db"), &["import", "bundle", "b"]);
    assert!(err.contains("was being written"), "{err}");
    let err = refused(&w, &w.db(), &["merge", "b", "--by", "me"]);
    assert!(err.contains("was being written"), "{err}");
    // A name in the folder that is a folder: refused before any file moves.
    std::fs::remove_file(b.join(".canon-incomplete")).unwrap();
    let now = files(&b);
    std::fs::remove_file(b.join("theme.jsonl")).unwrap();
    std::fs::create_dir(b.join("theme.jsonl")).unwrap();
    w.fails(&["export", "bundle", "b"]);
    let mut expected = now.clone();
    expected.retain(|(n, _)| n != "theme.jsonl");
    assert_eq!(files(&b), expected);
    // A file report (the committee workbook) cut short: the old file stays whole.
    w.ok(&["report", "book.xlsx"]);
    let old_book = std::fs::read(w.path("book.xlsx")).unwrap();
    for (i, title) in ["Another new reading", "And one more"].iter().enumerate() {
        let note = words(120_000 + i);
        w.ok(&["reading", "add", "--title", title, "--year", "2025", "--by", "me", "--note", &note]);
    }
    w.ok(&["report", "probe.xlsx"]);
    let kib = std::fs::metadata(w.path("probe.xlsx")).unwrap().len() / 1024;
    // Above the 32 KiB of the database's -shm file, below the workbook.
    assert!(kib > 48, "the workbook is too small ({kib} KiB) to be cut short here");
    let o = with_file_limit(&w, (kib.min(200) + 32) / 2, &["report", "book.xlsx"]);
    assert!(!o.status.success(), "the report was meant to fail: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(w.path("book.xlsx")).unwrap(), old_book, "a cut-short report changed the workbook");
}

// 7. backup onto the WAL (or any other name of the database).
#[test]
fn case7_backup_never_lands_on_the_database_or_its_companions() {
    let w = imported();
    let db = w.db();
    let before = fingerprint(&db);
    let abs = s(&db).to_string();
    std::fs::hard_link(&db, w.path("hard.db")).unwrap();
    std::os::unix::fs::symlink(format!("{abs}-wal"), w.path("wal-link.db")).unwrap();
    std::fs::create_dir(w.path("sub")).unwrap();
    for dest in ["canon.db-wal", "canon.db-shm", "canon.db-journal", "sub/../canon.db", "hard.db", "wal-link.db", &abs]
    {
        let err = w.fails(&["backup", dest, "--force"]);
        assert!(err.contains("refusing"), "{dest}: {err}");
    }
    assert_eq!(fingerprint(&db), before);
    w.ok(&["backup", "copy.db"]);
    assert_eq!(fingerprint(&w.path("copy.db")), before);
    assert!(companions(&w.path("copy.db")).is_empty());
}

// 8. Bad references and IDs in their database or bundle.
#[test]
fn case8_merge_refuses_bad_references_and_ids_as_import_bundle_does() {
    let w = imported();
    let mine = w.db();
    let before = fingerprint(&mine);
    // Their item points at a module they do not have (but we do).
    let theirs = w.path("theirs.db");
    std::fs::copy(&mine, &theirs).unwrap();
    {
        let c = Connection::open(&theirs).unwrap();
        c.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM module WHERE code = 'MED2002';",
        )
        .unwrap();
    }
    let err = refused(&w, &mine, &["merge", s(&theirs), "--by", "me"]);
    assert!(err.contains("table item") && err.contains("\"module_id\" refers to module"), "{err}");

    let good = bundle(&w, "good");
    type Edit = fn(&mut serde_json::Map<String, serde_json::Value>) -> bool;
    let variants: &[(&str, &str, Edit, &str)] = &[
        ("id as text", "reading", |m| m.insert("id".into(), "12".into()).is_some(), "\"id\" is text \"12\""),
        ("id null", "reading", |m| m.insert("id".into(), serde_json::Value::Null).is_some(), "\"id\" is null"),
        ("id 1.5", "reading", |m| m.insert("id".into(), serde_json::json!(1.5)).is_some(), "\"id\" is a fraction 1.5"),
        ("id true", "module", |m| m.insert("id".into(), true.into()).is_some(), "\"id\" is true/false"),
        ("year as text", "module", |m| m.insert("year".into(), "2".into()).is_some(), "\"year\" is text"),
        ("authors not a list", "reading", |m| m.insert("authors".into(), "A, B".into()).is_some(), "\"authors\""),
        ("unknown field", "item", |m| m.insert("secret".into(), 1.into()).is_none(), "unknown field \"secret\""),
        (
            "dangling reference",
            "item",
            |m| m.insert("module_id".into(), 42.into()).is_some(),
            "\"module_id\" refers to module 42",
        ),
        ("status not allowed", "reading", |m| m.insert("status".into(), "hacked".into()).is_some(), "CHECK"),
        (
            "parent cycle",
            "theme",
            |m| {
                let id = m["id"].clone();
                m.insert("parent_id".into(), id).is_some()
            },
            "own ancestor",
        ),
    ];
    for (what, table, edit, expect) in variants {
        let b = w.path(&format!("bad-{}", what.replace(' ', "-")));
        copy_dir(&good, &b);
        edit_bundle(&b, table, *edit);
        let n = w.path(&format!("n-{}.db", what.replace(' ', "-")));
        let err = refused(&w, &n, &["import", "bundle", s(&b)]);
        assert!(err.contains(&format!("{table}.jsonl:1")) && err.contains(expect), "import {what}: {err}");
        assert!(!n.exists(), "{what}: a database was left behind");
        let err = refused(&w, &mine, &["merge", s(&b), "--by", "me"]);
        assert!(err.contains(&format!("{table}.jsonl:1")) && err.contains(expect), "merge {what}: {err}");
    }
    // A duplicate ID, named with both lines.
    let b = w.path("dup");
    copy_dir(&good, &b);
    let text = std::fs::read_to_string(b.join("module.jsonl")).unwrap();
    let first = text.lines().next().unwrap().to_string();
    std::fs::write(b.join("module.jsonl"), format!("{text}{first}\n")).unwrap();
    let err = refused(&w, &mine, &["merge", s(&b), "--by", "me"]);
    assert!(err.contains("is used twice") && err.contains("module.jsonl:1"), "{err}");
    assert_eq!(fingerprint(&mine), before);
}

// 9. The other database is never written to.
#[test]
fn case9_their_database_is_read_only_and_immutable() {
    let w = imported();
    let mine = w.db();
    let folder = w.path("media");
    std::fs::create_dir(&folder).unwrap();
    let theirs = folder.join("theirs.db");
    std::fs::copy(&mine, &theirs).unwrap();
    done(&w, &theirs, &["reading", "add", "--title", "Their new reading", "--year", "2024", "--by", "sam"]);
    assert!(companions(&theirs).is_empty());
    let bytes = std::fs::read(&theirs).unwrap();
    // Read-only media: a folder and file nobody may write (root may anyway; the
    // test then checks that nothing was written all the same).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = run(&w, &mine, &["merge", s(&theirs), "--by", "me"]);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(out.status.success(), "{}", show(&["merge"], &out));
    assert!(companions(&theirs).is_empty(), "{:?}", companions(&theirs));
    assert_eq!(std::fs::read(&theirs).unwrap(), bytes);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Their new reading'"), 1);

    // Changes still in their -wal: an immutable read would miss them, so refused.
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let live = Connection::open(&theirs).unwrap();
    live.execute_batch("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;").unwrap();
    live.execute("UPDATE reading SET title = 'Changed in the WAL' WHERE title = 'Their new reading'", []).unwrap();
    let err = refused(&w, &mine, &["merge", s(&theirs), "--by", "me"]);
    assert!(err.contains("unsaved changes") && err.contains("theirs.db-wal"), "{err}");
    drop(live);
    // Merging a database with itself, under another name: refused.
    std::fs::hard_link(&mine, w.path("again.db")).unwrap();
    let err = w.fails(&["merge", s(&w.path("again.db")), "--by", "me"]);
    assert!(err.contains("is this database"), "{err}");
}

// 10. The smaller ones.
#[test]
fn case10_dev_null_manifest_types_failed_imports_and_dates() {
    let w = imported();
    let journal_before = Path::new("/dev/null-journal").exists();
    let err = refused(&w, Path::new("/dev/null"), &["item", "list"]);
    assert!(err.contains("not a regular file"), "{err}");
    let err = refused(&w, Path::new("/dev/null"), &["init"]);
    assert!(err.contains("not a regular file"), "{err}");
    assert_eq!(Path::new("/dev/null-journal").exists(), journal_before);
    let err = refused(&w, w.dir.path(), &["item", "list"]);
    assert!(err.contains("not a regular file"), "{err}");

    let good = bundle(&w, "good");
    for (value, expect) in [
        (serde_json::json!("99"), "\"schema_version\" is \"99\"; expected a whole number"),
        (serde_json::json!(1.5), "\"schema_version\" is 1.5"),
        (serde_json::json!(null), "\"schema_version\" is null"),
        (serde_json::json!(99), "made by a newer canon"),
    ] {
        let b = w.path("typed");
        let _ = std::fs::remove_dir_all(&b);
        copy_dir(&good, &b);
        let p = b.join("manifest.json");
        let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        v["schema_version"] = value;
        std::fs::write(&p, v.to_string()).unwrap();
        let n = w.path("n.db");
        let err = refused(&w, &n, &["import", "bundle", s(&b)]);
        assert!(err.contains(expect), "{err}");
        assert!(!n.exists() && companions(&n).is_empty(), "a failed import bundle left a database");
    }
    // A bundle that passes every check but cannot go in (this database
    // holds other data) leaves it as it was.
    w.ok(&["reading", "add", "--title", "Only here", "--year", "2025", "--by", "me"]);
    let before = fingerprint(&w.db());
    let err = w.fails(&["import", "bundle", s(&good)]);
    assert!(err.contains("already holds other data"), "{err}");
    assert_eq!(fingerprint(&w.db()), before);

    for bad in ["2026-13-45", "2026-02-29", "2026-4-1", "yesterday"] {
        let err = w.fails(&["log", "--since", bad]);
        assert!(err.contains("is not a date"), "{bad}: {err}");
    }
    w.ok(&["log", "--since", "2024-02-29"]);
    let err = w.fails(&["report", "r.csv", "--date", "2026-02-30"]);
    assert!(err.contains("is not a date"), "{err}");
}

// 3, for the files a user imports: workbooks, XML documents and text files
// alike are regular files of bounded size, refused before anything reads them.
#[test]
fn case3_import_files_must_be_regular_files_of_bounded_size() {
    let w = imported();
    let before = fingerprint(&w.db());
    let fifo = |name: &str| {
        let p = w.path(name);
        assert!(std::process::Command::new("mkfifo").arg(&p).status().unwrap().success());
        p
    };
    let sparse = |name: &str, head: &[u8], len: u64| {
        let p = w.write(name, head);
        std::fs::OpenOptions::new().write(true).open(&p).unwrap().set_len(len).unwrap();
        p
    };
    let link = |name: &str, to: &str| {
        let p = w.path(name);
        std::os::unix::fs::symlink(to, &p).unwrap();
        p
    };
    std::fs::create_dir(w.path("folder.ods")).unwrap();
    const MIB: u64 = 1 << 20;
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let xml =
        b"<?xml version=\"1.0\"?>\n<CurriculumInventory xmlns=\"http://ns.medbiq.org/curriculuminventory/v1/\">\n";
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        ("modules", fifo("fifo.xlsx"), "a FIFO, socket or device, not a regular file"),
        ("reading", fifo("fifo.xml"), "a FIFO, socket or device, not a regular file"),
        ("modules", link("zero.xml", "/dev/zero"), "a FIFO, socket or device, not a regular file"),
        ("reading", link("zero.csv", "/dev/zero"), "a FIFO, socket or device, not a regular file"),
        ("modules", w.path("folder.ods"), "is a folder"),
        ("modules", sparse("huge.xls", &ole, 300 * MIB), "a workbook may be at most 256 MiB"),
        ("reading", sparse("huge-reading.xls", &ole, 300 * MIB), "a workbook may be at most 256 MiB"),
        ("modules", sparse("huge-ci.xml", xml, 300 * MIB), "an XML document may be at most 256 MiB"),
        ("reading", sparse("huge.bib", b"@article{a,\n", 300 * MIB), "a bibtex file may be at most 256 MiB"),
        (
            "modules",
            sparse("huge.csv", b"programme,year,module_code\n", 3 << 30),
            "a module list may be at most 2,048 MiB",
        ),
        ("reading", sparse("huge-reading.csv", b"title,year\n", 3 << 30), "a reading list may be at most 2,048 MiB"),
    ];
    for (kind, file, expect) in &cases {
        for dry in [true, false] {
            let mut args = vec!["import", kind, s(file)];
            if dry {
                args.push("--dry-run");
            }
            let err = refused(&w, &w.db(), &args);
            assert!(err.contains(s(file)) && err.contains(expect), "{args:?}: {err}");
        }
        // Into no database: none is made.
        let n = w.path("n.db");
        refused(&w, &n, &["import", kind, s(file)]);
        assert!(!n.exists() && companions(&n).is_empty(), "{file:?}: a database was left behind");
    }
    assert_eq!(fingerprint(&w.db()), before);
    // A link to a real file is the user's choice, and fine.
    let l = link("modules-link.xlsx", &sample("modules.xlsx"));
    done(&w, &w.db(), &["import", "modules", s(&l), "--dry-run"]);
}

/// A file's bytes and modification time (to the nanosecond).
fn stamp(p: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (std::fs::read(p).unwrap(), std::fs::metadata(p).unwrap().modified().unwrap())
}

fn user_version(db: &Path) -> i64 {
    let c = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

// Follow-up: a dry run writes nothing, not even the migration of a database
// of an older schema version (nor WAL mode on one in rollback-journal mode).
#[test]
fn a_dry_run_never_writes_the_database_not_even_to_migrate_it() {
    let w = imported();
    let bundle_dir = bundle(&w, "theirs");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    // Schema 1 as shipped (rollback journal), schema 1 in WAL mode, this
    // schema in WAL mode (as canon leaves it) and in rollback-journal mode.
    let old = w.path("old.db");
    std::fs::copy(&fixture, &old).unwrap();
    let old_wal = w.path("old-wal.db");
    std::fs::copy(&fixture, &old_wal).unwrap();
    Connection::open(&old_wal).unwrap().pragma_update(None, "journal_mode", "WAL").unwrap();
    let now = w.path("now.db");
    std::fs::copy(w.db(), &now).unwrap();
    let now_delete = w.path("now-delete.db");
    std::fs::copy(w.db(), &now_delete).unwrap();
    Connection::open(&now_delete).unwrap().pragma_update(None, "journal_mode", "DELETE").unwrap();
    let current = user_version(&w.db());
    assert_eq!(user_version(&old), 1);

    let first = |db: &Path, sql: &str| -> String {
        let c = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        c.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => panic!("{other:?}"),
            })
            .unwrap()
    };
    for (db, source) in [(&old, &fixture), (&old_wal, &fixture), (&now, &w.db()), (&now_delete, &w.db())] {
        let version = user_version(db);
        let reading = first(source, "SELECT min(id) FROM reading");
        let item = first(source, "SELECT min(id) FROM item");
        let before = stamp(db);
        std::thread::sleep(Duration::from_millis(20));
        // The dry run sees the data as this canon reads it: the sample
        // curriculum is already there, so nothing is new.
        let o = run(&w, db, &["import", "modules", &sample("modules.csv"), "--dry-run"]);
        assert!(o.status.success(), "{}", show(&["import modules --dry-run"], &o));
        assert!(String::from_utf8_lossy(&o.stderr).contains("sessions: 0 new"), "{}", show(&[s(db)], &o));
        done(&w, db, &["import", "reading", &sample("reading.csv"), "--dry-run"]);
        done(&w, db, &["merge", s(&bundle_dir), "--by", "me", "--dry-run"]);
        done(&w, db, &["module", "remove", "MED1001", "--force", "--dry-run"]);
        done(&w, db, &["item", "remove", &item, "--force", "--dry-run"]);
        done(&w, db, &["theme", "remove", "epistemic-bias", "--force", "--dry-run"]);
        done(&w, db, &["reading", "remove", &reading, "--force", "--dry-run"]);
        let facet = ["reading", "facet", "set", "open-access", "yes", "--where", "theme=epistemic-bias"];
        done(&w, db, &[&facet[..], &["--by", "me", "--dry-run"]].concat());
        assert!(stamp(db) == before, "{}: a dry run changed the file", db.display());
        assert!(companions(db).is_empty(), "{}: {:?} left beside it", db.display(), companions(db));
        assert_eq!(user_version(db), version);
        // The same database, opened by a command that writes, is updated as before.
        done(&w, db, &["check"]);
        assert_eq!(user_version(db), current);
    }
    assert_eq!(fingerprint(&now), fingerprint(&w.db()));
}

// Follow-up: a refused import where there was no database leaves none
// behind; an existing database is left byte for byte (and its time) as it was.
#[test]
fn a_refused_import_leaves_no_new_database_and_an_existing_one_as_it_was() {
    let w = imported();
    let long_code = "X".repeat(100);
    let bad_modules = w.write(
        "bad-modules.csv",
        format!("programme,year,module_code,module_title,session_title\nP,1,MED9001,Fine,S\nP,1,{long_code},T,S\n"),
    );
    let bad_reading = w.write("bad-reading.csv", format!("title,year\nFine,2020\n{},2020\n", "T".repeat(3000)));
    let bad_xml = w.write(
        "bad.xml",
        "<?xml version=\"1.0\"?>\n<CurriculumInventory xmlns=\"http://ns.medbiq.org/curriculuminventory/v1/\">\n<Events>\n",
    );
    let broken_book = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/broken.xlsx");
    let missing = w.path("missing.csv");
    let reading = sample("reading.csv");
    let imports: Vec<Vec<&str>> = vec![
        vec!["import", "modules", s(&bad_modules)],
        vec!["import", "reading", s(&bad_reading)],
        vec!["import", "modules", s(&bad_xml)],
        vec!["import", "modules", s(&broken_book)],
        vec!["import", "reading", s(&missing)],
        vec!["audit", s(&bad_modules), &reading, "--out", "r.pdf"],
    ];
    let db = w.db();
    let before = stamp(&db);
    std::thread::sleep(Duration::from_millis(20));
    for args in &imports {
        let n = w.path("new.db");
        refused(&w, &n, args);
        assert!(!n.exists() && companions(&n).is_empty(), "{args:?} left a database behind");
        // Through a link that names a file yet to be made: neither is left.
        let l = w.path("link.db");
        std::os::unix::fs::symlink(w.path("target.db"), &l).unwrap();
        refused(&w, &l, args);
        assert!(!w.path("target.db").exists() && companions(&w.path("target.db")).is_empty(), "{args:?}");
        assert!(std::fs::symlink_metadata(&l).is_ok(), "the link itself was removed");
        std::fs::remove_file(&l).unwrap();
        // Into the existing database: nothing changes, not even its time.
        refused(&w, &db, args);
        assert!(stamp(&db) == before, "{args:?} changed the database");
    }
    assert!(!w.path("r.pdf").exists());
    // An import that goes in makes the database, as before.
    let n = w.path("new.db");
    done(&w, &n, &["import", "modules", &sample("modules.csv")]);
    assert!(n.exists());
}
