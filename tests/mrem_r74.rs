//! Their removal of a module, a session, a theme tag (on a session or a
//! reading) or a link follows the rule a reading's removal follows: removed
//! here when we did no work on it (or its parts) after their removal, kept
//! and listed `kept-ours` saying why when we did; each listed, counted, and
//! undone with the merge. Two copies merged both ways end identical (the
//! previous helper's "Left": those removals stayed on our side only).

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, stderr_at};

const MODULES: &str = "\
programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBBS,1,MED1,Foundations,Asthma,describe asthma,epistemic-bias
MBBS,1,MED1,Foundations,Pulse oximetry,describe oximeters,epistemic-bias
MBBS,2,MED2,Systems,Kidney,describe eGFR,
";

const READING: &str = "\
title,authors,year,type,themes
\"Fatal invention\",\"Roberts, Dorothy\",2011,book,epistemic-bias
\"Medical apartheid\",\"Washington, Harriet\",2006,book,historical-awareness
";

/// amina's database with two modules, three sessions, two readings, their
/// tags, and two links ("Fatal invention" → MED1/Asthma, "Medical
/// apartheid" → MED2); kofi's copy of it.
fn base(w: &Workdir) -> (PathBuf, PathBuf) {
    let a = w.path("amina.db");
    let m = w.write("m.csv", MODULES);
    let r = w.write("r.csv", READING);
    w.ok_at(&a, &["-q", "import", "modules", m.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&a, &["-q", "import", "reading", r.to_str().unwrap(), "--by", "amina"]);
    let fatal = id(&a, "SELECT id FROM reading WHERE title = 'Fatal invention'");
    let apartheid = id(&a, "SELECT id FROM reading WHERE title = 'Medical apartheid'");
    w.ok_at(&a, &["-q", "link", &fatal, "MED1/Asthma", "--by", "amina"]);
    w.ok_at(&a, &["-q", "link", &apartheid, "MED2", "--by", "amina"]);
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).expect("copy");
    (a, k)
}

fn id(db: &Path, sql: &str) -> String {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql).to_string()
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Modules, sessions, readings, tags and links of a copy, by what they
/// are (codes, titles, slugs, notes), in one order: two copies that hold
/// the same hold the same rows.
fn state(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).expect("open db");
    let sql = "
        SELECT 'module ' || code || ' ' || title FROM module
        UNION ALL SELECT 'session ' || m.code || '/' || i.title FROM item i JOIN module m ON m.id = i.module_id
        UNION ALL SELECT 'reading ' || title FROM reading
        UNION ALL SELECT 'tag ' || t.slug || ' on ' || i.title
            FROM item_tag x JOIN item i ON i.id = x.item_id JOIN theme t ON t.id = x.theme_id
        UNION ALL SELECT 'tag ' || t.slug || ' on ' || r.title
            FROM reading_tag x JOIN reading r ON r.id = x.reading_id JOIN theme t ON t.id = x.theme_id
        UNION ALL SELECT 'link ' || r.title || ' -> ' || coalesce(i.title, m.code) || ' ' || coalesce(l.note, '')
            FROM link l JOIN reading r ON r.id = l.reading_id
            LEFT JOIN item i ON i.id = l.item_id LEFT JOIN module m ON m.id = l.module_id
        ORDER BY 1";
    let mut st = c.prepare(sql).expect("state");
    st.query_map([], |r| r.get::<_, String>(0)).expect("state").map(|r| r.expect("row")).collect()
}

/// Merges both ways from the copies as they are: amina ← kofi and kofi ←
/// amina. Returns the two results and what each merge said (steps and summary).
fn both_ways(w: &Workdir, a: &Path, k: &Path) -> (PathBuf, PathBuf, String, String) {
    let (ax, kx) = (w.path("amina-x.db"), w.path("kofi-x.db"));
    std::fs::copy(a, &ax).expect("copy");
    std::fs::copy(k, &kx).expect("copy");
    let out = |db: &Path, other: &Path, by: &str| {
        let o = w.run_at(db, &["merge", other.to_str().unwrap(), "--by", by]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
    };
    let sa = out(&ax, k, "amina");
    let sk = out(&kx, a, "kofi");
    (ax, kx, sa, sk)
}

fn row<'a>(out: &'a str, action: &str, text: &str) -> Option<&'a str> {
    out.lines().find(|l| l.contains(&format!("| {action} ")) && l.contains(text))
}

/// The change `canon undo` takes to revert a merge, from its summary.
fn change(said: &str) -> String {
    let at = said.find("`canon undo ").unwrap_or_else(|| panic!("no change in: {said}"));
    said[at + "`canon undo ".len()..].split('`').next().unwrap().to_string()
}

/// Each kind kofi removes and amina left as it was goes in amina's copy
/// too, listed and counted; both ways the two copies end identical; and
/// `canon undo` of amina's merge brings every one back.
#[test]
fn their_removal_of_a_module_session_tag_or_link_is_applied_and_both_ways_converge() {
    let cases: &[(&str, &[&str], &str, &str)] = &[
        (
            "module",
            &["module", "remove", "MED2", "--force"],
            "module MED2 Systems (removed on their side), with 1 session",
            "module MED2",
        ),
        (
            "session",
            &["item", "remove", "MED1/Pulse oximetry"],
            "session Pulse oximetry (removed on their side), with 1 theme tag",
            "session MED1/Pulse oximetry",
        ),
        (
            "session tag",
            &["untag", "MED1/Asthma", "epistemic-bias"],
            "tag of theme epistemic-bias on session Asthma (removed on their side)",
            "tag epistemic-bias on Asthma",
        ),
        (
            "link",
            &["unlink", "READING", "MED1/Asthma"],
            "link of reading Fatal invention to session Asthma (removed on their side)",
            "link Fatal invention -> Asthma",
        ),
        (
            "reading tag",
            &["untag", "READING", "epistemic-bias"],
            "tag of theme epistemic-bias on reading Fatal invention (removed on their side)",
            "tag epistemic-bias on Fatal invention",
        ),
    ];
    for (kind, args, said, gone) in cases {
        let w = Workdir::new();
        let (a, k) = base(&w);
        let fatal = id(&a, "SELECT id FROM reading WHERE title = 'Fatal invention'");
        let mut args: Vec<&str> = args.iter().map(|x| if *x == "READING" { fatal.as_str() } else { x }).collect();
        args.extend(["--by", "kofi"]);
        w.ok_at(&k, &args);
        let before = state(&a);
        assert!(before.iter().any(|s| s.starts_with(gone)), "{kind}: {before:?}");
        let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
        assert!(row(&sa, "remove", said).is_some(), "{kind}: {sa}");
        assert!(sa.contains(" 1 removed,") && sa.contains(" 0 kept ours,"), "{kind}: {sa}");
        assert!(!state(&ax).iter().any(|s| s.starts_with(gone)), "{kind}: {sa}");
        assert_eq!(state(&ax), state(&kx), "{kind}\namina ← kofi:\n{sa}\nkofi ← amina:\n{sk}");
        // Undoing amina's merge brings back what it removed, with its parts.
        w.ok_at(&ax, &["-q", "undo", &change(&sa), "--by", "amina"]);
        assert_eq!(state(&ax), before, "{kind}: {sa}");
    }
}

/// Work of ours after their removal, on the record or on one of its parts,
/// keeps it here: listed `kept-ours`, saying what the work was, counted;
/// kofi's merge of amina's copy then brings it back (her work is later than
/// his removal), so the copies converge with it.
#[test]
fn our_work_after_their_removal_keeps_it_and_both_ways_converge() {
    // (kind, kofi's removal, amina's work after it, the kept-ours row, its why)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            "module, edited",
            &["module", "remove", "MED2", "--force"],
            &["module", "edit", "MED2", "--title", "Body systems"],
            "module MED2 Body systems: removed on their side, changed here after that",
            "the module changed by amina",
        ),
        (
            "module, a session of it tagged",
            &["module", "remove", "MED2", "--force"],
            &["tag", "MED2/Kidney", "intersectional-health"],
            "module MED2 Systems: removed on their side, changed here after that",
            "a tag added by amina",
        ),
        (
            "session, tagged",
            &["item", "remove", "MED1/Pulse oximetry"],
            &["tag", "MED1/Pulse oximetry", "historical-awareness"],
            "session Pulse oximetry: removed on their side, changed here after that",
            "a tag added by amina",
        ),
        (
            "link, its note edited",
            &["unlink", "READING", "MED1/Asthma"],
            &["link", "edit", "LINK", "--note", "read before the seminar"],
            "link of reading Fatal invention to session Asthma: removed on their side, changed here after that",
            "a link changed by amina",
        ),
        (
            "session tag, added again",
            &["untag", "MED1/Asthma", "epistemic-bias"],
            &["untag", "MED1/Asthma", "epistemic-bias", ";", "tag", "MED1/Asthma", "epistemic-bias"],
            "tag of theme epistemic-bias on session Asthma: removed on their side on",
            "added again here after that",
        ),
        (
            "reading tag, added again",
            &["untag", "READING", "epistemic-bias"],
            &["untag", "READING", "epistemic-bias", ";", "tag", "READING", "epistemic-bias"],
            "tag of theme epistemic-bias on reading Fatal invention: removed on their side on",
            "added again here after that",
        ),
    ];
    for (kind, removal, work, line, why) in cases {
        let w = Workdir::new();
        let (a, k) = base(&w);
        let fatal = id(&a, "SELECT id FROM reading WHERE title = 'Fatal invention'");
        let link = id(&a, "SELECT l.id FROM link l JOIN item i ON i.id = l.item_id WHERE i.title = 'Asthma'");
        let fill = |args: &[&str], by: &'static str| -> Vec<String> {
            let mut v: Vec<String> = args
                .iter()
                .map(|x| match *x {
                    "READING" => fatal.clone(),
                    "LINK" => link.clone(),
                    x => x.to_string(),
                })
                .collect();
            v.extend(["--by".into(), by.into()]);
            v
        };
        let argv = |v: &[String]| v.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
        let r = fill(removal, "kofi");
        w.ok_at(&k, &r.iter().map(String::as_str).collect::<Vec<_>>());
        // Later than kofi's removal: the history's times are to the millisecond.
        std::thread::sleep(std::time::Duration::from_millis(20));
        // One or more commands, apart by ";".
        let mut wk = Vec::new();
        for one in work.split(|x| *x == ";") {
            wk = fill(one, "amina");
            w.ok_at(&a, &wk.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
        let kept = row(&sa, "kept-ours", line).unwrap_or_else(|| panic!("{kind} ({}): {sa}", argv(&r)));
        assert!(kept.contains(why), "{kind}: {kept}");
        assert!(sa.contains(" 0 removed,") && sa.contains(" 1 kept ours,"), "{kind}: {sa}");
        assert_eq!(state(&ax), state(&a), "{kind}: nothing removed here: {sa}");
        assert_eq!(state(&ax), state(&kx), "{kind} ({})\namina ← kofi:\n{sa}\nkofi ← amina:\n{sk}", argv(&wk));
    }
}

/// Work of ours *before* their removal (after the copy) is no reason to
/// keep it: they removed it after, and kofi's merge of amina's copy keeps
/// it removed with that work (a link of hers to a session of the module).
#[test]
fn our_work_before_their_removal_does_not_keep_it() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let fatal = id(&a, "SELECT id FROM reading WHERE title = 'Fatal invention'");
    w.ok_at(&a, &["-q", "link", &fatal, "MED2/Kidney", "--by", "amina"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    w.ok_at(&k, &["-q", "module", "remove", "MED2", "--force", "--by", "kofi"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    let line =
        row(&sa, "remove", "module MED2 Systems (removed on their side), with").unwrap_or_else(|| panic!("{sa}"));
    assert!(line.contains("2 reading links"), "{line}");
    assert_eq!(count(&ax, "SELECT count(*) FROM module WHERE code = 'MED2'"), 0, "{sa}");
    assert_eq!(state(&ax), state(&kx), "amina ← kofi:\n{sa}\nkofi ← amina:\n{sk}");
}

/// A linked reading they removed (with its links, as `--force` took them)
/// goes here with its links too, as it stays removed in their merge of
/// ours: it was kept here before ("kept here: … needs --force"), and the
/// copies did not converge.
#[test]
fn a_linked_reading_they_removed_goes_with_its_links_both_ways() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let fatal = id(&a, "SELECT id FROM reading WHERE title = 'Fatal invention'");
    w.ok_at(&k, &["-q", "reading", "remove", &fatal, "--force", "--by", "kofi"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    let line = row(&sa, "remove", "Fatal invention (removed on their side), with").unwrap_or_else(|| panic!("{sa}"));
    assert!(line.contains("link"), "{line}");
    assert_eq!(state(&ax), state(&kx), "amina ← kofi:\n{sa}\nkofi ← amina:\n{sk}");
    let undo = stderr_at(&w, &ax, &["undo", &change(&sa), "--by", "amina"]);
    assert_eq!(state(&ax), state(&a), "{undo}");
}

/// A merge's removal of a module that we undo (its entry, not the whole
/// merge) is ours: the next merge of the same copy keeps the module, says
/// so, and counts it.
#[test]
fn undoing_a_merges_module_removal_sticks() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    w.ok_at(&k, &["-q", "module", "remove", "MED2", "--force", "--by", "kofi"]);
    let first = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(count(&a, "SELECT count(*) FROM module WHERE code = 'MED2'"), 0, "{first}");
    let removal =
        id(&a, "SELECT id FROM history WHERE action = 'delete' AND entity = 'module' AND note LIKE 'merged from%'");
    w.ok_at(&a, &["-q", "undo", &removal, "--by", "amina"]);
    assert_eq!(count(&a, "SELECT count(*) FROM item i JOIN module m ON m.id = i.module_id WHERE m.code = 'MED2'"), 1);
    let o = w.run_at(&a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    let again = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{again}");
    let line =
        row(&again, "kept-ours", "module MED2 Systems: removed on their side").unwrap_or_else(|| panic!("{again}"));
    assert!(
        line.contains("a merge's removal of it undone here in") && line.contains(&format!("undo of #{removal}")),
        "{line}"
    );
    assert!(again.contains(" 0 removed,") && again.contains(" 1 kept ours,"), "{again}");
    assert_eq!(count(&a, "SELECT count(*) FROM module WHERE code = 'MED2'"), 1, "{again}");
}
