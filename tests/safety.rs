//! Never lose a group's work: imports and reports killed at random moments,
//! several writers at once, hostile input, paths that must be refused.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Workdir, sample};

fn canon() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("canon"));
    c.env_remove("CANON_DB").env_remove("CANON_USER");
    c
}

/// A module list of `rows` sessions in `rows / 20` modules, with tags.
fn big_module_list(w: &Workdir, name: &str, rows: usize) -> std::path::PathBuf {
    let path = w.path(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "programme,year,module_code,module_title,session_title,learning_outcomes,themes").unwrap();
    let themes = ["", "epistemic-bias", "historical-awareness;intersectional-health", ""];
    for i in 0..rows {
        let m = i / 20;
        writeln!(
            f,
            "MBChB,{},MOD{m:05},Module {m},\"Session {i}, on pulse oximetry\",Describe point {i},{}",
            1 + m % 5,
            themes[i % 4]
        )
        .unwrap();
    }
    f.flush().unwrap();
    path
}

fn integrity(w: &Workdir) -> String {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// Runs canon with `args` and kills it with SIGKILL after `after`.
fn kill_after(w: &Workdir, args: &[&str], after: Duration) -> bool {
    let mut child = canon()
        .arg("--db")
        .arg(w.db())
        .args(args)
        .current_dir(w.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}

#[test]
fn an_import_killed_at_any_moment_leaves_none_or_all_of_the_file() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    let before = w.count("SELECT count(*) FROM item");
    let file = big_module_list(&w, "big.csv", 30_000);
    let file = file.to_str().unwrap();
    // How long a whole import takes here, to spread the kills over it.
    let probe = Workdir::new();
    let start = Instant::now();
    probe.ok(&["import", "modules", file]);
    let full = start.elapsed();
    let mut killed_mid_way = 0;
    for k in 0..12u32 {
        let at = full.mul_f64(f64::from(k) / 12.0 + 0.02);
        let finished = kill_after(&w, &["import", "modules", file], at);
        assert_eq!(integrity(&w), "ok", "after a kill at {at:?}");
        let items = w.count("SELECT count(*) FROM item");
        assert!(items == before || items == before + 30_000, "a kill at {at:?} left {items} items (before {before})");
        if items == before {
            killed_mid_way += 1;
            assert_eq!(
                w.count("SELECT count(*) FROM item_tag"),
                w.count("SELECT count(*) FROM item_tag it JOIN item i ON i.id = it.item_id")
            );
        } else {
            // All of it: the file went in whole, tags and full-text index included.
            assert!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'oximetry'") >= 30_000);
            let _ = finished;
            break;
        }
    }
    assert!(killed_mid_way >= 1, "no kill landed during the import");
    // canon opens it normally, and a clean import finishes the job.
    w.ok(&["import", "modules", file]);
    assert_eq!(w.count("SELECT count(*) FROM item"), before + 30_000);
    w.ok(&["gaps", "--format", "json"]);
}

#[test]
fn a_killed_report_leaves_no_half_written_file() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "first.pdf"]);
    let start = Instant::now();
    w.ok(&["report", "probe.pdf"]);
    let full = start.elapsed();
    for k in 0..10u32 {
        let at = full.mul_f64(f64::from(k) / 10.0);
        let finished = kill_after(&w, &["report", "report.pdf"], at);
        let out = w.path("report.pdf");
        if out.exists() {
            let bytes = std::fs::read(&out).unwrap();
            assert!(
                bytes.starts_with(b"%PDF") && bytes.windows(5).any(|x| x == b"%%EOF"),
                "a half-written report after a kill at {at:?}"
            );
            std::fs::remove_file(&out).unwrap();
        }
        let _ = finished;
    }
    assert_eq!(integrity(&w), "ok");
}

#[test]
fn four_writers_at_once_all_succeed() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "r.pdf"]);
    let items: Vec<String> =
        w.json(&["item", "list", "--format", "json"]).as_array().unwrap().iter().map(|i| i["id"].to_string()).collect();
    let lists: Vec<std::path::PathBuf> =
        (0..2).map(|k| big_module_list(&w, &format!("list{k}.csv"), 2_000 + k)).collect();
    let deadline = Instant::now() + Duration::from_secs(4);
    let mut handles = Vec::new();
    for writer in 0..4usize {
        let db = w.db();
        let items = items.clone();
        let lists = lists.clone();
        handles.push(std::thread::spawn(move || {
            let mut done = Vec::new();
            let mut n = 0;
            while Instant::now() < deadline {
                let out = match writer {
                    0 | 1 => {
                        let item = &items[(n * 7 + writer * 13) % items.len()];
                        canon()
                            .arg("--db")
                            .arg(&db)
                            .args(["tag", item, "epistemic-bias", "--by", &format!("writer-{writer}")])
                            .output()
                            .unwrap()
                    }
                    2 => {
                        let title = format!("Concurrent reading {n}");
                        let o = canon()
                            .arg("--db")
                            .arg(&db)
                            .args(["reading", "add", "--title", &title, "--year", "2024", "--by", "writer-2"])
                            .output()
                            .unwrap();
                        if o.status.success() {
                            done.push(title);
                        }
                        o
                    }
                    _ => canon().arg("--db").arg(&db).args(["import", "modules"]).arg(&lists[n % 2]).output().unwrap(),
                };
                assert!(out.status.success(), "writer {writer} failed: {}", String::from_utf8_lossy(&out.stderr));
                n += 1;
            }
            (n, done)
        }));
    }
    let mut total = 0;
    for h in handles {
        let (n, added) = h.join().unwrap();
        total += n;
        for title in added {
            let c = rusqlite::Connection::open(w.db()).unwrap();
            let found: i64 =
                c.query_row("SELECT count(*) FROM reading WHERE title = ?1", [&title], |r| r.get(0)).unwrap();
            assert_eq!(found, 1, "{title} lost");
        }
    }
    assert!(total >= 8, "only {total} writes in 4 s");
    assert_eq!(
        w.count("SELECT count(*) FROM item WHERE module_id IN (SELECT id FROM module WHERE code LIKE 'MOD%')"),
        2_001
    );
    assert_eq!(integrity(&w), "ok");
}

#[test]
fn hostile_text_is_stored_literally_and_exported_safely() {
    let w = Workdir::new();
    let sql = "Robert'); DROP TABLE reading;--";
    let big = "x".repeat(1 << 20);
    let authors: Vec<String> = (0..10_000).map(|i| format!("Author{i}, A.")).collect();
    let f = w.write(
        "hostile.csv",
        format!(
            "title,authors,year,type,doi,url,themes,notes\n\"{sql}\",\"{}\",2020,article,,,,\"{big}\"\n\"=HYPERLINK(\"\"http://x\"\")\",\"@SUM(A1)\",2021,article,,,,\"+1-2\"\n",
            authors.join("; ")
        ),
    );
    w.ok(&["import", "reading", f.to_str().unwrap()]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let stored: String = c.query_row("SELECT title FROM reading WHERE title LIKE 'Robert%'", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, sql);
    let n: i64 = c.query_row("SELECT count(*) FROM reading_author", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 10_001);
    let len: i64 = c.query_row("SELECT max(length(annotation)) FROM reading", [], |r| r.get(0)).unwrap();
    assert_eq!(len, 1 << 20);
    for args in [&["reading", "list", "--format", "csv"][..], &["report", "r.csv"][..]] {
        let out = w.ok(args);
        let text = if args[0] == "report" { std::fs::read_to_string(w.path("r.csv")).unwrap() } else { out };
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{args:?}: formula cell {cell:?}");
            }
        }
    }
    w.ok(&["report", "r.pdf"]);
}

#[test]
fn a_read_only_database_gives_a_clear_error() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "r.pdf"]);
    let db = w.db();
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms.clone()).unwrap();
    // Root may write anyway; only check when the file really is read-only.
    if std::fs::OpenOptions::new().write(true).open(&db).is_err() {
        let err = w.fails(&[
            "tag",
            "MED2002/Spirometry interpretation and reference equations",
            "epistemic-bias",
            "--by",
            "x",
        ]);
        assert!(err.contains("read-only") || err.contains("readonly"), "{err}");
    } else {
        eprintln!("skipping: running as a user who can write read-only files");
    }
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o644);
    std::fs::set_permissions(&db, perms).unwrap();
}

#[test]
fn check_and_an_online_backup_while_another_process_writes() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "r.pdf"]);
    let out = w.ok(&["check", "--format", "json"]);
    let checks: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(checks.as_array().unwrap().iter().all(|c| c["ok"] == true), "{checks}");
    let list = big_module_list(&w, "writer.csv", 20_000);
    let mut writer = canon()
        .arg("--db")
        .arg(w.db())
        .args(["import", "modules"])
        .arg(&list)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let backup = w.path("backup.db");
    w.ok(&["backup", backup.to_str().unwrap()]);
    assert!(writer.wait().unwrap().success());
    // The copy is whole: either before or after the other import, never half.
    let c = rusqlite::Connection::open(&backup).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let items: i64 = c.query_row("SELECT count(*) FROM item", [], |r| r.get(0)).unwrap();
    assert!(items == 284 || items == 20_284, "{items}");
    drop(c);
    let err = w.fails(&["backup", backup.to_str().unwrap()]);
    assert!(err.contains("already exists"), "{err}");
    let err = w.fails(&["backup", w.db().to_str().unwrap()]);
    assert!(err.contains("onto itself"), "{err}");
    let out = canon().arg("--db").arg(&backup).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_merge_killed_at_any_moment_leaves_none_or_all_of_it() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "r.pdf"]);
    let other = w.path("other.db");
    std::fs::copy(w.db(), &other).unwrap();
    let list = big_module_list(&w, "theirs.csv", 8_000);
    let out = canon().arg("--db").arg(&other).args(["import", "modules"]).arg(&list).output().unwrap();
    assert!(out.status.success());
    let before = w.count("SELECT count(*) FROM item");
    let probe = Workdir::new();
    std::fs::copy(w.db(), probe.db()).unwrap();
    let start = Instant::now();
    probe.ok(&["merge", other.to_str().unwrap(), "--by", "maintainer"]);
    let full = start.elapsed();
    let after = probe.count("SELECT count(*) FROM item");
    assert_eq!(after, before + 8_000);
    let mut mid_way = 0;
    for k in 0..10u32 {
        let at = full.mul_f64(f64::from(k) / 10.0 + 0.03);
        kill_after(&w, &["merge", other.to_str().unwrap(), "--by", "maintainer"], at);
        assert_eq!(integrity(&w), "ok");
        let items = w.count("SELECT count(*) FROM item");
        assert!(items == before || items == after, "a kill at {at:?} left {items} items");
        if items == after {
            break;
        }
        mid_way += 1;
    }
    assert!(mid_way >= 1, "no kill landed during the merge");
    w.ok(&["merge", other.to_str().unwrap(), "--by", "maintainer"]);
    assert_eq!(w.count("SELECT count(*) FROM item"), after);
}
