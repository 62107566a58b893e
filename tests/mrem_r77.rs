//! A record one copy removed and the other worked on since comes back by
//! the merge with every part the other copy still has of it (tester r76
//! F12: a session renamed after its removal came back without its tag, and
//! the copies never converged); a removal is matched by the record's ID
//! and by its natural key (a session, module or reading each copy made on
//! its own); a merge's listing names records by title, never by ID.
//! Every case merges both ways, twice, and checks that the copies agree.

mod common;

use std::path::{Path, PathBuf};

use common::Workdir;

const MODULES: &str = "\
programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBBS,1,MED1,Foundations,Asthma,describe asthma,epistemic-bias
MBBS,1,MED1,Foundations,Pulse oximetry,describe oximeters,epistemic-bias
MBBS,2,MED2,Systems,Kidney,describe eGFR,historical-awareness
";

const READING: &str = "\
title,authors,year,type,themes
\"Fatal invention\",\"Roberts, Dorothy\",2011,book,epistemic-bias
\"Medical apartheid\",\"Washington, Harriet\",2006,book,historical-awareness
";

/// amina's database (modules, sessions, readings, their tags; "Fatal
/// invention" linked to MED1/Pulse oximetry and to MED2/Kidney, with a
/// facet and a review); `kofi.db` a copy of it.
fn base(w: &Workdir) -> (PathBuf, PathBuf) {
    let a = w.path("amina.db");
    let m = w.write("m.csv", MODULES);
    let r = w.write("r.csv", READING);
    w.ok_at(&a, &["-q", "import", "modules", m.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&a, &["-q", "import", "reading", r.to_str().unwrap(), "--by", "amina"]);
    let fatal = fatal(&a);
    w.ok_at(&a, &["-q", "link", &fatal, "MED1/Pulse oximetry", "--by", "amina"]);
    w.ok_at(&a, &["-q", "link", &fatal, "MED2/Kidney", "--by", "amina"]);
    w.ok_at(
        &a,
        &[
            "-q",
            "facet",
            "add",
            &fatal,
            "--author",
            "1",
            "--facet",
            "gender",
            "--value",
            "woman",
            "--basis",
            "published",
            "--source",
            "https://example.org",
            "--by",
            "amina",
        ],
    );
    w.ok_at(&a, &["-q", "review", &fatal, "--approve", "--note", "core", "--by", "bao"]);
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).expect("copy");
    (a, k)
}

fn fatal(db: &Path) -> String {
    id(db, "SELECT id FROM reading WHERE title LIKE 'Fatal invention%'")
}

fn id(db: &Path, sql: &str) -> String {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql).to_string()
}

/// Everything a copy holds, by what it is (codes, titles, slugs), never by
/// ID, in one order: two copies that agree give the same list.
fn state(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).expect("open db");
    let sql = "
        SELECT 'module ' || code || ' ' || title FROM module
        UNION ALL SELECT 'session ' || m.code || '/' || i.title FROM item i JOIN module m ON m.id = i.module_id
        UNION ALL SELECT 'reading ' || title FROM reading
        UNION ALL SELECT 'theme ' || slug || ' ' || name FROM theme
        UNION ALL SELECT 'tag ' || t.slug || ' on ' || i.title
            FROM item_tag x JOIN item i ON i.id = x.item_id JOIN theme t ON t.id = x.theme_id
        UNION ALL SELECT 'tag ' || t.slug || ' on ' || r.title
            FROM reading_tag x JOIN reading r ON r.id = x.reading_id JOIN theme t ON t.id = x.theme_id
        UNION ALL SELECT 'link ' || r.title || ' -> ' || coalesce(i.title, m.code)
            FROM link l JOIN reading r ON r.id = l.reading_id
            LEFT JOIN item i ON i.id = l.item_id LEFT JOIN module m ON m.id = l.module_id
        UNION ALL SELECT 'facet ' || f.facet || '=' || f.value || ' on ' || r.title
            FROM person_facet f JOIN reading r ON r.id = f.reading_id
        UNION ALL SELECT 'review ' || v.status || ' of ' || r.title FROM review v JOIN reading r ON r.id = v.reading_id
        ORDER BY 1";
    let mut st = c.prepare(sql).expect("state");
    st.query_map([], |r| r.get::<_, String>(0)).expect("state").map(|r| r.expect("row")).collect()
}

fn merge(w: &Workdir, db: &Path, other: &Path, by: &str) -> String {
    let o = w.run_at(db, &["merge", other.to_str().unwrap(), "--by", by]);
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{said}");
    said
}

/// amina ← kofi and kofi ← amina from copies taken before either merge,
/// then both again; the two copies agree after that, in what they hold, in
/// `item show` and in `reading list --json`. Returns what amina's and
/// kofi's first merges said.
fn both_ways_twice(w: &Workdir, a: &Path, k: &Path) -> (String, String) {
    let (a0, k0) = (w.path("amina0.db"), w.path("kofi0.db"));
    std::fs::copy(a, &a0).expect("copy");
    std::fs::copy(k, &k0).expect("copy");
    let sa = merge(w, a, &k0, "amina");
    let sk = merge(w, k, &a0, "kofi");
    let sa2 = merge(w, a, k, "amina");
    let sk2 = merge(w, k, a, "kofi");
    let all = format!("amina ← kofi:\n{sa}\nkofi ← amina:\n{sk}\nagain:\n{sa2}\n{sk2}");
    assert_eq!(state(a), state(k), "{all}");
    assert!(!sa2.contains("kept-removed") && !sk2.contains("kept-removed"), "{all}");
    let shown = |db: &Path| -> Vec<String> {
        let c = rusqlite::Connection::open(db).expect("open db");
        let mut st = c
            .prepare("SELECT m.code || '/' || i.title FROM item i JOIN module m ON m.id = i.module_id ORDER BY 1")
            .expect("sessions");
        let refs: Vec<String> = st.query_map([], |r| r.get(0)).expect("sessions").map(|r| r.expect("row")).collect();
        // Its ID, who tagged it and its history (each copy numbers its own) aside: two
        // copies that each imported the list differ there.
        let plain = |text: String| -> String {
            text.lines()
                .filter(|l| !l.starts_with("id ") && !l.starts_with("history "))
                .map(|l| l.split(" (").next().unwrap_or_default().to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        refs.iter().map(|r| plain(w.ok_at(db, &["item", "show", r]))).collect()
    };
    assert_eq!(shown(a), shown(k), "{all}");
    let list = |db: &Path| -> Vec<(String, Vec<serde_json::Value>)> {
        let v: serde_json::Value =
            serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).expect("json");
        let mut out: Vec<(String, Vec<serde_json::Value>)> = v
            .as_array()
            .expect("a list")
            .iter()
            .map(|r| {
                let themes = r.get("themes").and_then(|t| t.as_array()).cloned().unwrap_or_default();
                (r["title"].as_str().unwrap_or_default().to_string(), themes)
            })
            .collect();
        out.sort_by(|x, y| x.0.cmp(&y.0));
        out
    };
    assert_eq!(list(a), list(k), "{all}");
    (sa, sk)
}

fn row<'a>(out: &'a str, action: &str, text: &str) -> Option<&'a str> {
    out.lines().find(|l| l.contains(&format!("| {action} ")) && l.contains(text))
}

/// Later than the last change: the history's times are to the millisecond.
fn later() {
    std::thread::sleep(std::time::Duration::from_millis(20));
}

/// amina removes a record (with `--force`, which takes its parts); kofi
/// works on it later; both ways, twice: it is back in amina's copy with
/// every part kofi still has, and the two copies agree.
#[test]
fn a_removed_record_their_side_worked_on_comes_back_with_its_parts_both_ways() {
    // (kind, amina's removal, kofi's later work, a row amina's merge lists, what both then hold)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], (&'a str, &'a str), &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "session renamed (r76 F12)",
            &["item", "remove", "MED1/Pulse oximetry", "--force"],
            &["item", "edit", "MED1/Pulse oximetry", "--title", "Pulse oximetry and skin tone"],
            (
                "add",
                "tag of theme epistemic-bias on session Pulse oximetry and skin tone (part of session Pulse oximetry \
                 and skin tone, which comes back)",
            ),
            &[
                "tag epistemic-bias on Pulse oximetry and skin tone",
                "link Fatal invention -> Pulse oximetry and skin tone",
            ],
        ),
        (
            "session tagged anew",
            &["item", "remove", "MED1/Pulse oximetry", "--force"],
            &["tag", "MED1/Pulse oximetry", "intersectional-health"],
            ("add", "tag of theme epistemic-bias on session Pulse oximetry (part of session Pulse oximetry"),
            &[
                "tag epistemic-bias on Pulse oximetry",
                "tag intersectional-health on Pulse oximetry",
                "link Fatal invention -> Pulse oximetry",
            ],
        ),
        (
            "module, a session of it renamed",
            &["module", "remove", "MED2", "--force"],
            &["item", "edit", "MED2/Kidney", "--title", "Kidney and race-based eGFR"],
            ("add", "session Kidney and race-based eGFR, which comes back"),
            &[
                "module MED2 Systems",
                "session MED2/Kidney and race-based eGFR",
                "tag historical-awareness on Kidney and race-based eGFR",
                "link Fatal invention -> Kidney and race-based eGFR",
            ],
        ),
        (
            "reading renamed",
            &["reading", "remove", "FATAL", "--force"],
            &[
                "reading",
                "edit",
                "FATAL",
                "--title",
                "Fatal invention: how science, politics and big business re-create race",
            ],
            ("add", "(part of reading Fatal invention: how science"),
            &[
                "tag epistemic-bias on Fatal invention: how science, politics and big business re-create race",
                "link Fatal invention: how science, politics and big business re-create race -> Kidney",
                "link Fatal invention: how science, politics and big business re-create race -> Pulse oximetry",
                "facet gender=woman on Fatal invention: how science, politics and big business re-create race",
                "review approved of Fatal invention: how science, politics and big business re-create race",
            ],
        ),
        (
            "reading tagged anew",
            &["reading", "remove", "FATAL", "--force"],
            &["tag", "FATAL", "intersectional-health"],
            ("add", "tag of theme epistemic-bias on reading Fatal invention (part of reading Fatal invention"),
            &[
                "tag epistemic-bias on Fatal invention",
                "tag intersectional-health on Fatal invention",
                "link Fatal invention -> Kidney",
                "link Fatal invention -> Pulse oximetry",
                "facet gender=woman on Fatal invention",
            ],
        ),
    ];
    for (kind, removal, work, (action, said), held) in cases {
        let w = Workdir::new();
        let (a, k) = base(&w);
        let fatal = fatal(&a);
        let fill = |args: &[&str], by: &str| -> Vec<String> {
            let mut v: Vec<String> =
                args.iter().map(|x| if *x == "FATAL" { fatal.clone() } else { x.to_string() }).collect();
            v.extend(["--by".into(), by.into()]);
            v
        };
        let r = fill(removal, "amina");
        w.ok_at(&a, &r.iter().map(String::as_str).collect::<Vec<_>>());
        later();
        let wk = fill(work, "kofi");
        w.ok_at(&k, &wk.iter().map(String::as_str).collect::<Vec<_>>());
        let (sa, sk) = both_ways_twice(&w, &a, &k);
        assert!(row(&sa, action, said).is_some(), "{kind}: {sa}");
        assert!(!sa.contains("kept-removed"), "{kind}: nothing of it stays removed:\n{sa}");
        let now = state(&a);
        for h in *held {
            assert!(now.iter().any(|s| s == h), "{kind}: {h:?} not in {now:#?}\namina:\n{sa}\nkofi:\n{sk}");
        }
    }
}

/// A tag amina removed on its own, before she removed its session, is no
/// part of that removal: when kofi's rename brings the session back, the
/// tag stays removed (listed, by the session's title), and kofi's merge of
/// amina's copy removes it there too: both copies agree.
#[test]
fn a_part_removed_on_its_own_before_stays_removed_when_its_whole_comes_back() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    w.ok_at(&a, &["-q", "untag", "MED1/Pulse oximetry", "epistemic-bias", "--by", "amina"]);
    later();
    w.ok_at(&a, &["-q", "item", "remove", "MED1/Pulse oximetry", "--force", "--by", "amina"]);
    later();
    w.ok_at(&k, &["-q", "item", "edit", "MED1/Pulse oximetry", "--title", "Oximetry", "--by", "kofi"]);
    let (sa, _) = both_ways_twice(&w, &a, &k);
    assert!(row(&sa, "add", "Oximetry (removed here in #").is_some(), "{sa}");
    let kept = row(&sa, "kept-removed", "tag of theme epistemic-bias on session Oximetry: removed here in #")
        .unwrap_or_else(|| panic!("{sa}"));
    let what = kept.split("| ").last().unwrap_or_default();
    assert!(!what.contains("session 9"), "named by title, not ID: {kept}");
    let now = state(&a);
    assert!(now.contains(&"session MED1/Oximetry".to_string()), "{now:?}");
    assert!(!now.iter().any(|s| s.starts_with("tag epistemic-bias on Oximetry")), "{now:?}");
    assert!(now.contains(&"link Fatal invention -> Oximetry".to_string()), "{now:?}");
}

/// A kept-removed listing names a session their copy added by its title:
/// amina removed a theme; kofi, before that, added a session tagged with
/// it; the tag stays removed with the theme, named "session <title>".
#[test]
fn a_kept_removed_listing_names_their_session_by_title() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let m = w.write(
        "more.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBBS,1,MED1,Foundations,Skin tone and diagnosis,describe bias,intersectional-health\n",
    );
    w.ok_at(&k, &["-q", "import", "modules", m.to_str().unwrap(), "--by", "kofi"]);
    later();
    w.ok_at(&a, &["-q", "theme", "remove", "intersectional-health", "--force", "--by", "amina"]);
    let said = merge(&w, &a, &k, "amina");
    let line = row(&said, "kept-removed", "tag of theme Intersectional health on session Skin tone and diagnosis")
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("stays removed"), "{line}");
    assert!(state(&a).contains(&"session MED1/Skin tone and diagnosis".to_string()), "{said}");
}

/// A module, session or reading each copy made on its own (two imports of
/// the same files), removed in one copy: gone in both after merging both
/// ways, as the removal is matched by natural key, not only by ID.
#[test]
fn a_removal_of_a_record_each_copy_made_on_its_own_goes_both_ways() {
    // (kind, amina's removal, what is gone from both)
    let cases: &[(&str, &[&str], &str)] = &[
        ("session", &["item", "remove", "MED1/Pulse oximetry", "--force"], "session MED1/Pulse oximetry"),
        ("module", &["module", "remove", "MED2", "--force"], "module MED2"),
        ("reading", &["reading", "remove", "MEDAP", "--force"], "reading Medical apartheid"),
    ];
    for (kind, removal, gone) in cases {
        let w = Workdir::new();
        let (a, k) = (w.path("amina.db"), w.path("kofi.db"));
        let m = w.write("m.csv", MODULES);
        let r = w.write("r.csv", READING);
        for (db, by) in [(&k, "kofi"), (&a, "amina")] {
            w.ok_at(db, &["-q", "import", "modules", m.to_str().unwrap(), "--by", by]);
            w.ok_at(db, &["-q", "import", "reading", r.to_str().unwrap(), "--by", by]);
        }
        later();
        let medap = id(&a, "SELECT id FROM reading WHERE title = 'Medical apartheid'");
        let mut args: Vec<&str> = removal.iter().map(|x| if *x == "MEDAP" { medap.as_str() } else { x }).collect();
        args.extend(["--by", "amina"]);
        w.ok_at(&a, &args);
        let (sa, sk) = both_ways_twice(&w, &a, &k);
        assert!(row(&sk, "remove", "(removed on their side)").is_some(), "{kind}: kofi ← amina:\n{sk}");
        assert!(!state(&k).iter().any(|s| s.starts_with(gone)), "{kind}: {sk}\n{sa}");
    }
}

/// A theme or a facet kofi removed goes in amina's copy too (a theme with
/// its tags, as his `--force` took them), listed and counted, and both
/// copies agree after merging both ways twice; amina's work on it after his
/// removal keeps it (listed `kept-ours`), in both copies.
#[test]
fn their_removal_of_a_theme_or_a_facet_is_applied_or_kept_both_ways() {
    // (kind, kofi's removal, amina's later work or none, the row in amina's merge, gone or kept in both)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], (&'a str, &'a str), (&'a str, bool));
    let cases: &[Case] = &[
        (
            "theme",
            &["theme", "remove", "historical-awareness", "--force"],
            &[],
            ("remove", "theme Historical awareness (removed on their side), with"),
            ("theme historical-awareness", false),
        ),
        (
            "facet",
            &["facet", "remove", "FACET"],
            &[],
            ("remove", "facet gender \"woman\" of reading Fatal invention (removed on their side)"),
            ("facet gender=woman", false),
        ),
        (
            "theme, edited here after",
            &["theme", "remove", "historical-awareness", "--force"],
            &["theme", "edit", "historical-awareness", "--description", "History of medicine and empire"],
            ("kept-ours", "theme Historical awareness: removed on their side, changed here after that"),
            ("theme historical-awareness", true),
        ),
        (
            "facet, edited here after",
            &["facet", "remove", "FACET"],
            &["facet", "edit", "FACET", "--source", "https://example.org/about"],
            ("kept-ours", "facet gender \"woman\" of reading Fatal invention: removed on their side, changed here"),
            ("facet gender=woman", true),
        ),
    ];
    for (kind, removal, work, (action, said), (what, kept)) in cases {
        let w = Workdir::new();
        let (a, k) = base(&w);
        let facet = id(&a, "SELECT id FROM person_facet");
        let fill = |args: &[&str], by: &str| -> Vec<String> {
            let mut v: Vec<String> =
                args.iter().map(|x| if *x == "FACET" { facet.clone() } else { x.to_string() }).collect();
            v.extend(["--by".into(), by.into()]);
            v
        };
        let r = fill(removal, "kofi");
        w.ok_at(&k, &r.iter().map(String::as_str).collect::<Vec<_>>());
        if !work.is_empty() {
            later();
            let wk = fill(work, "amina");
            w.ok_at(&a, &wk.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let (sa, sk) = both_ways_twice(&w, &a, &k);
        assert!(row(&sa, action, said).is_some(), "{kind}: {sa}");
        let now = state(&a);
        assert_eq!(now.iter().any(|s| s.starts_with(what)), *kept, "{kind}: {now:#?}\namina:\n{sa}\nkofi:\n{sk}");
        if !kept && *kind == "theme" {
            assert!(!now.iter().any(|s| s.starts_with("tag historical-awareness")), "{kind}: {now:#?}");
        }
    }
}

/// `canon undo` of the merge that brought a session back with its tag and
/// link takes all three away again, as its line says.
#[test]
fn undoing_the_merge_takes_the_session_back_out_with_its_parts() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    w.ok_at(&a, &["-q", "item", "remove", "MED1/Pulse oximetry", "--force", "--by", "amina"]);
    later();
    w.ok_at(&k, &["-q", "item", "edit", "MED1/Pulse oximetry", "--title", "Oximetry", "--by", "kofi"]);
    let before = state(&a);
    let said = merge(&w, &a, &k, "amina");
    assert!(state(&a).contains(&"tag epistemic-bias on Oximetry".to_string()), "{said}");
    let at = said.find("`canon undo ").unwrap_or_else(|| panic!("{said}"));
    let change = said[at + "`canon undo ".len()..].split('`').next().unwrap().to_string();
    w.ok_at(&a, &["-q", "undo", &change, "--by", "amina"]);
    assert_eq!(state(&a), before, "{said}");
}
