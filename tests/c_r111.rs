//! r111 (issue 12): hand edits, merge and the ISBN holder.
//!
//! 1. A value set by hand (`reading edit`) that a re-import of the original
//!    list keeps is said by the hand rule, with the change that set it and
//!    the file and line of the row, for every field (a publisher and an
//!    edition were said in the publisher rule's words; a container or title
//!    kept by the fuller-form rule was said in its words, or not at all).
//! 2. `canon merge` prefers a value set by hand over their merely fuller
//!    one (and their value set by hand over our fuller one), says which rule
//!    took each field, and the merge is undone whole.
//! 3. The reading that holds an ISBN is found both ways between a set and
//!    its volume: two imports give one stored result in either order.

mod common;
use common::*;

/// The number of the latest update in the reading log.
fn last_update(w: &Workdir) -> i64 {
    w.count("SELECT max(id) FROM history WHERE entity = 'reading' AND action = 'update'")
}

/// A reading's field as text ("" for none).
fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The stderr lines that name `file:line:`.
fn lines_at<'a>(err: &'a str, file: &str, line: u32) -> Vec<&'a str> {
    let at = format!("{file}:{line}:");
    err.lines().filter(|l| l.contains(&at)).collect()
}

// ---------------------------------------------------------------- 1. re-import

/// One book in each format a list comes in, with the line of its record.
const BOOKS: [(&str, &str, u32); 4] = [
    (
        "b.csv",
        "title,authors,year,type,publisher,place,edition\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,\
         Routledge,London,1\n",
        2,
    ),
    (
        "b.bib",
        "@book{bala, author={Bala, Poonam}, title={Medicine and empire}, year={2010}, publisher={Routledge}, \
         address={London}, edition={1}}\n",
        1,
    ),
    (
        "b.ris",
        "TY  - BOOK\nAU  - Bala, Poonam\nTI  - Medicine and empire\nPY  - 2010\nPB  - Routledge\nCY  - London\nET  - 1st\nER  - \n",
        1,
    ),
    (
        "b.json",
        r#"[{"id":"bala","type":"book","title":"Medicine and empire","author":[{"family":"Bala","given":"Poonam"}],"issued":{"date-parts":[[2010]]},"publisher":"Routledge","publisher-place":"London","edition":"1"}]"#,
        1,
    ),
];

/// The tester's case in every format: a publisher and an edition set by
/// hand are kept on a re-import of the original list, said once by the
/// hand rule ("set by hand in change #N") at the row's file and line, and
/// never in the publisher rule's words.
#[test]
fn a_publisher_and_edition_set_by_hand_are_said_as_set_by_hand() {
    for (name, list, line) in BOOKS {
        let w = workdir();
        w.import_reading(name, list);
        let id = text(&reading(&w.reading_list(), "Medicine and empire")["id"]);
        w.ok(&[
            "reading",
            "edit",
            &id,
            "--publisher",
            "Zed Books",
            "--edition",
            "3",
            "--place",
            "Paris",
            "--by",
            "ade",
        ]);
        let change = last_update(&w);
        let err = w.import_reading(name, list);
        let rows = w.reading_list();
        assert_eq!(rows.as_array().unwrap().len(), 1, "{name}: {err}");
        let r = reading(&rows, "Medicine and empire");
        assert_eq!(
            (text(&r["publisher"]), text(&r["edition"]), text(&r["place"])),
            ("Zed Books".into(), "3".into(), "Paris".into()),
            "{name}: {err}"
        );
        let said = lines_at(&err, name, line);
        assert!(
            said.iter().any(|l| l.contains(&format!(
                "edition, place, publisher are kept as stored: set by hand in change #{change} by ade"
            ))),
            "{name}: {err}"
        );
        assert!(!err.contains("differs from the stored"), "{name}: {err}");
        assert!(!err.contains("edition, not the stored"), "{name}: {err}");
    }
}

/// An article every field of which a person may correct.
const ARTICLE: &str = r#"[{"id":"a","type":"article-journal","title":"Decolonising the medical curriculum","author":[{"family":"Wong","given":"Sarah"},{"family":"Gishen","given":"Faye"}],"issued":{"date-parts":[[2021,3]]},"container-title":"Medical Teacher","volume":"43","issue":"3","page":"298-304","DOI":"10.1080/0142159X.2020.1847234","URL":"https://example.org/a","publisher":"Taylor & Francis"}]"#;

/// A book with a place, an edition and a series.
const BOOK: &str = r#"[{"id":"b","type":"book","title":"The wretched of the earth","author":[{"family":"Fanon","given":"Frantz"}],"issued":{"date-parts":[[1963]]},"publisher":"Grove Press","publisher-place":"New York","edition":"1","ISBN":"9780802150837","collection-title":"Evergreen"}]"#;

/// Every field the re-import keeps because a person set it by hand is said
/// the same way, with its change, at the row's file and line: whichever
/// other rule (a fuller form, another publisher, a title's form) would
/// have kept it too.
#[test]
fn every_field_kept_because_set_by_hand_is_said_the_same_way() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // (list, flag, value, field as stored, field as said)
        (ARTICLE, "--publisher", "Informa", "publisher", "publisher is"),
        (ARTICLE, "--container", "Medical Teacher Online", "container", "container is"),
        (ARTICLE, "--title", "Decolonising the medical curriculum: a review", "title", "title is"),
        (ARTICLE, "--volume", "44", "volume", "volume is"),
        (ARTICLE, "--issue", "4", "issue", "issue is"),
        (ARTICLE, "--pages", "300-310", "pages", "pages are"),
        (ARTICLE, "--url", "https://example.org/b", "url", "url is"),
        (ARTICLE, "--year", "2022", "year", "year is"),
        (BOOK, "--publisher", "Grove Atlantic", "publisher", "publisher is"),
        (BOOK, "--edition", "2", "edition", "edition is"),
        (BOOK, "--place", "London", "place", "place is"),
        (BOOK, "--title", "The wretched of the earth: a new translation", "title", "title is"),
        (BOOK, "--series", "Black Cat", "series", "series is"),
        (BOOK, "--isbn", "9780802141323", "isbn", "isbn is"),
    ];
    for (list, flag, value, field, said) in cases {
        let w = workdir();
        w.import_reading("l.json", list);
        let id = text(&w.reading_list()[0]["id"]);
        w.ok(&["reading", "edit", &id, flag, value, "--by", "ade"]);
        let change = last_update(&w);
        let err = w.import_reading("l.json", list);
        let rows = w.reading_list();
        assert_eq!(rows.as_array().unwrap().len(), 1, "{flag}: {err}");
        assert_eq!(text(&rows[0][*field]), *value, "{flag}: {err}");
        let want = format!("{said} kept as stored: set by hand in change #{change} by ade");
        assert!(lines_at(&err, "l.json", 1).iter().any(|l| l.contains(&want)), "{flag}: {err}");
        // Said once, by the hand rule alone.
        assert!(!err.contains("differs from the stored"), "{flag}: {err}");
        assert!(!err.contains(&format!("{field}: kept")), "{flag}: {err}");
        assert!(!err.contains("was not applied (to take it"), "{flag}: {err}");
    }
}

/// A value set by hand the file gives in the same words (another case) is
/// no value kept against the file's: nothing is said.
#[test]
fn a_value_set_by_hand_the_file_also_gives_is_not_said() {
    let w = workdir();
    w.import_reading("l.json", ARTICLE);
    let id = text(&w.reading_list()[0]["id"]);
    w.ok(&["reading", "edit", &id, "--publisher", "Taylor & Francis", "--volume", "43", "--by", "ade"]);
    let err = w.import_reading("l.json", ARTICLE);
    assert!(!err.contains("set by hand"), "{err}");
}

// ---------------------------------------------------------------- 2. merge

/// The common base: a journal named short, a publisher named short.
const BASE: &str = r#"[{"id":"a","type":"article-journal","title":"Decolonising the medical curriculum","author":[{"family":"Wong","given":"Sarah"}],"issued":{"date-parts":[[2021]]},"container-title":"Med Teach","volume":"43","page":"298-304","DOI":"10.1080/0142159X.2020.1847234","publisher":"Taylor"}]"#;

/// Another list of the same article with the fuller forms of both.
const FULLER: &str = r#"[{"id":"a","type":"article-journal","title":"Decolonising the medical curriculum","author":[{"family":"Wong","given":"Sarah"}],"issued":{"date-parts":[[2021]]},"container-title":"Medical Teacher","volume":"43","page":"298-304","DOI":"10.1080/0142159X.2020.1847234","publisher":"Taylor & Francis Group"}]"#;

const DOI: &str = "10.1080/0142159X.2020.1847234";

/// The merge's steps of `action`, their text.
fn steps(v: &serde_json::Value, action: &str) -> Vec<String> {
    v.as_array().expect("steps").iter().filter(|s| s["action"] == action).map(|s| text(&s["what"])).collect()
}

/// (container, publisher) stored in the database at `db`.
fn journal_at(w: &Workdir, db: &std::path::Path) -> (String, String) {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    let r = reading(&list, "Decolonising");
    (text(&r["container"]), text(&r["publisher"]))
}

/// Two copies of one base: ours sets the journal and publisher by hand
/// (not to their fuller forms); theirs takes the fuller forms from another
/// list's import. Neither copy holds the other's value, so neither
/// "moved": (work directory, our database, their database, our change).
fn two_copies() -> (Workdir, std::path::PathBuf, std::path::PathBuf, i64) {
    let w = workdir();
    w.import_reading("base.json", BASE);
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok(&["reading", "edit", DOI, "--container", "Med. Teach.", "--publisher", "Taylor and Francis", "--by", "ade"]);
    let change = last_update(&w);
    let list = w.write("fuller.json", FULLER);
    stderr_at(&w, &theirs, &["import", "reading", list.to_str().unwrap()]);
    assert_eq!(journal_at(&w, &theirs), ("Medical Teacher".into(), "Taylor & Francis Group".into()));
    let db = w.db();
    (w, db, theirs, change)
}

/// Ours set by hand against their merely fuller values: ours is kept,
/// said as set by hand with its change and the rule that decided; the
/// fuller-value rule no longer takes theirs.
#[test]
fn a_merge_keeps_our_value_set_by_hand_over_their_fuller_one() {
    let (w, ours, theirs, change) = two_copies();
    let v = w.json(&["merge", theirs.to_str().unwrap(), "--by", "ade", "--format", "json"]);
    assert_eq!(journal_at(&w, &ours), ("Med. Teach.".into(), "Taylor and Francis".into()), "{v}");
    let kept = steps(&v, "kept-ours");
    assert_eq!(kept.len(), 1, "{v}");
    for field in ["container \"Med. Teach.\"", "publisher \"Taylor and Francis\""] {
        assert!(kept[0].contains(field), "{}", kept[0]);
    }
    assert!(kept[0].contains("a value set by hand wins over the rule for two copies"), "{}", kept[0]);
    assert!(kept[0].contains(&format!("ours set by hand in change #{change} by ade")), "{}", kept[0]);
    assert!(!kept[0].contains("ours is its fuller"), "{}", kept[0]);
    // No update takes the container or publisher.
    // (Their journal abbreviation fills our blank one: said as its own rule.)
    for u in steps(&v, "update") {
        let fields = u.split(" — ").next().unwrap_or_default().split(": ").nth(1).unwrap_or_default();
        assert!(!fields.split(", ").any(|f| f == "container" || f == "publisher"), "{u}");
    }
}

/// The other way: their value set by hand against our fuller one taken by
/// an import is taken, the update saying which rule took it; undoing the
/// merge gives our values back.
#[test]
fn a_merge_takes_their_value_set_by_hand_over_our_fuller_one_and_undoes() {
    let (w, ours, theirs, change) = two_copies();
    let out = w.run_at(&theirs, &["merge", ours.to_str().unwrap(), "--by", "kofi", "--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the merge's steps");
    assert_eq!(journal_at(&w, &theirs), ("Med. Teach.".into(), "Taylor and Francis".into()), "{v}");
    let updates = steps(&v, "update");
    let taken = updates.iter().find(|u| u.contains("container")).unwrap_or_else(|| panic!("{v}"));
    for field in ["container", "publisher"] {
        assert!(taken.contains(&format!("{field}: theirs set by hand in their change #{change} by ade")), "{taken}");
    }
    assert!(taken.contains("taken by rule: "), "{taken}");
    assert!(steps(&v, "kept-ours").is_empty(), "{v}");
    // The merge is one change; its undo puts our values back.
    let id = err
        .split("`canon undo ")
        .nth(1)
        .and_then(|t| t.split('`').next())
        .unwrap_or_else(|| panic!("no undo in: {err}"))
        .to_string();
    w.ok_at(&theirs, &["undo", &id, "--by", "kofi"]);
    assert_eq!(journal_at(&w, &theirs), ("Medical Teacher".into(), "Taylor & Francis Group".into()));
}

/// Every take names its rule: their one-sided change is said as such.
#[test]
fn a_take_by_their_change_says_its_rule() {
    let w = workdir();
    w.import_reading("base.json", BASE);
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok_at(&theirs, &["reading", "edit", DOI, "--volume", "44", "--by", "kofi"]);
    let v = w.json(&["merge", theirs.to_str().unwrap(), "--by", "ade", "--format", "json"]);
    let updates = steps(&v, "update");
    assert!(
        updates.iter().any(|u| u.contains("volume: their copy changed it from ours; ours did not change it")),
        "{v}"
    );
}

// ---------------------------------------------------------------- 3. ISBN holder

/// A set with its own ISBN and its volume 2's ISBN beside it, and volume 2
/// with that ISBN, in CSL-JSON and RIS.
const SETS: [(&str, &str, &str, &str); 2] = [
    (
        "set.json",
        r#"[{"id":"s","type":"book","title":"Companion encyclopedia of medicine","author":[{"family":"Bynum","given":"W. F."}],"issued":{"date-parts":[[1993]]},"ISBN":"0415047722 9780415164184","publisher":"Routledge","number-of-volumes":"2"}]"#,
        "vol.json",
        r#"[{"id":"v","type":"book","title":"Companion encyclopedia of medicine","author":[{"family":"Bynum","given":"W. F."}],"issued":{"date-parts":[[1993]]},"ISBN":"9780415164184","publisher":"Routledge","volume":"2"}]"#,
    ),
    (
        "set.ris",
        "TY  - BOOK\nAU  - Bynum, W. F.\nTI  - Companion encyclopedia of medicine\nPY  - 1993\nPB  - Routledge\n\
         SN  - 0415047722\nSN  - 9780415164184\nER  - \n",
        "vol.ris",
        "TY  - BOOK\nAU  - Bynum, W. F.\nTI  - Companion encyclopedia of medicine\nPY  - 1993\nPB  - Routledge\n\
         SN  - 9780415164184\nVL  - 2\nER  - \n",
    ),
];

/// The stored works: (volume, ISBN, other ISBNs), sorted.
fn works(w: &Workdir) -> Vec<(String, String, String)> {
    let list = w.reading_list();
    let mut out: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (text(&r["volume"]), text(&r["isbn"]), text(&r["other_isbns"])))
        .collect();
    out.sort();
    out
}

/// The warnings of an import, without entry IDs (which differ by order).
fn warnings(err: &str) -> Vec<String> {
    let mut out: Vec<String> = err
        .lines()
        .filter(|l| l.contains("warning"))
        .map(|l| {
            l.split_whitespace()
                .filter(|w| !w.trim_matches('"').starts_with('R'))
                .map(|w| w.rsplit('/').next().unwrap_or(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    out.sort();
    out
}

/// The set then its volume, and the volume then the set: the same two
/// works with the same ISBNs, and the same warnings (the set's other ISBN
/// was refused as its volume's when the volume came first).
#[test]
fn a_set_and_its_volume_in_either_order_store_the_same() {
    for (set_name, set, vol_name, vol) in SETS {
        let ab = workdir();
        let e1 = ab.import_reading(set_name, set) + &ab.import_reading(vol_name, vol);
        let ba = workdir();
        let e2 = ba.import_reading(vol_name, vol) + &ba.import_reading(set_name, set);
        assert_eq!(works(&ab), works(&ba), "{set_name}:\n{e1}\n---\n{e2}");
        assert_eq!(works(&ab).len(), 2, "{set_name}: {e1}");
        assert_eq!(warnings(&e1), warnings(&e2), "{set_name}:\n{e1}\n---\n{e2}");
        assert!(!e2.contains("so not kept beside"), "{e2}");
    }
}

/// `reading edit --isbn` gives a whole set the ISBN one of its volumes
/// holds, as it gives a volume its set's (r98): the two are two works
/// sharing the set's ISBN, in either order.
#[test]
fn reading_edit_gives_a_set_its_volumes_isbn_and_back() {
    for first_volume in [true, false] {
        let w = workdir();
        let add = |volume: Option<&str>, isbn: Option<&str>| {
            let mut args =
                vec!["reading", "add", "--title", "Companion encyclopedia", "--year", "1993", "--type", "book"];
            if let Some(v) = volume {
                args.extend(["--volume", v]);
            }
            if let Some(i) = isbn {
                args.extend(["--isbn", i]);
            }
            args.extend(["--by", "amina"]);
            w.ok_stderr(&args);
        };
        // The one that holds the ISBN first, the other without it.
        if first_volume {
            add(Some("2"), Some("0415047722"));
            add(None, None);
        } else {
            add(None, Some("0415047722"));
            add(Some("2"), None);
        }
        let bare = w.count("SELECT id FROM reading WHERE isbn IS NULL").to_string();
        let out = w.ok_stderr(&["reading", "edit", &bare, "--isbn", "9780415047722", "--by", "amina"]);
        assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn IS NOT NULL"), 2, "{first_volume}: {out}");
    }
}
