//! Tester r72: what a removal promised `canon undo` would bring back comes
//! back. A reading's translators and editors (stored inline with it) come
//! back once, not twice (F13, by undo, by the undo of a merge, and by
//! `merge --restore-removed`); a chapter that carries its book's ISBN, and
//! one record of a multi-volume work, come back beside the records they
//! already stood beside (F14); a change number past the log's end is "no
//! change", whoever is credited (F15).

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, fails_at, json_at, stderr_at};

/// t/bl.bib: a translated book (with an ISBN) and a translated classic.
const TRANSLATED: &str = r"@book{fanon2004,
  author = {Fanon, Frantz},
  translator = {Philcox, Richard},
  title = {The Wretched of the Earth},
  origtitle = {Les damnés de la terre},
  origdate = {1961},
  location = {New York},
  publisher = {Grove Press},
  date = {2004},
  isbn = {9780802141323}
}
@book{ibnsina,
  author = {{Ibn Sīnā}},
  title = {The Canon of Medicine},
  translator = {Bakhtiar, Laleh},
  date = {1999},
  publisher = {Kazi Publications},
  location = {Chicago}
}
@book{bynum1993,
  editor = {Bynum, W. F. and Porter, Roy},
  title = {Medicine and the Five Senses},
  publisher = {Cambridge University Press},
  date = {1993}
}
";

/// t/trj.json: an article with two translators, and one with none.
const TWO_TRANSLATORS: &str = r#"[{"id":"t1","type":"article-journal","title":"Translated article","author":[{"family":"Diallo","given":"Aminata"}],"translator":[{"family":"Smith","given":"Jo"},{"family":"Lee","given":"Min"}],"container-title":"J Test","issued":{"date-parts":[[2020]]}},
{"id":"t2","type":"article-journal","title":"Edited article","author":[{"family":"Diallo","given":"Aminata"}],"container-title":"J Test","issued":{"date-parts":[[2021]]}}]
"#;

/// t/mv.bib: a two-volume set, its volumes, and a chapter of volume 2 that
/// inherits the volume's ISBN through `crossref`.
const VOLUMES: &str = r"@mvbook{cambridgehist,
  editor = {Bynum, W. F. and Porter, Roy},
  title = {Companion Encyclopedia of the History of Medicine},
  publisher = {Routledge},
  location = {London},
  date = {1993},
  volumes = {2}
}
@book{cambridgehist:v1,
  crossref = {cambridgehist},
  volume = {1},
  maintitle = {Companion Encyclopedia of the History of Medicine},
  title = {Part I: Medicine in Western Civilization},
  isbn = {9780415047715}
}
@incollection{arnold1993,
  author = {Arnold, David},
  title = {Medicine and colonialism},
  crossref = {cambridgehist:v2},
  pages = {1393--1416}
}
@book{cambridgehist:v2,
  crossref = {cambridgehist},
  volume = {2},
  title = {Part II: Medicine and Society},
  isbn = {9780415047722}
}
";

/// The number after `marker` in `text` ("canon undo " → "12").
fn number_after(text: &str, marker: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("no {marker:?} in:\n{text}"));
    let n: String = text[at + marker.len()..].chars().take_while(char::is_ascii_digit).collect();
    assert!(!n.is_empty(), "no number after {marker:?} in:\n{text}");
    n
}

/// Imports `text` as `name` into `db`, credited to amina.
fn import(w: &Workdir, db: &Path, name: &str, text: &str) {
    let p = w.write(name, text);
    w.ok_at(db, &["-q", "import", "reading", p.to_str().unwrap(), "--by", "amina"]);
}

/// The ID of the reading of `db` whose title starts with `prefix`.
fn id_of(w: &Workdir, db: &Path, prefix: &str) -> String {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    common::reading(&list, prefix)["id"]
        .as_i64()
        .map(|i| i.to_string())
        .unwrap_or_else(|| panic!("no ID for {prefix:?} in {list:#}"))
}

/// Removes reading `id` from `db` as amina: returns the change that `canon undo` takes.
fn remove(w: &Workdir, db: &Path, id: &str) -> String {
    let said = stderr_at(w, db, &["reading", "remove", id, "--by", "amina"]);
    number_after(&said, "canon undo ")
}

/// A reading's names of one kind (`translator`, `editor`) as stored, in order.
fn names(db: &Path, table: &str, id: &str) -> Vec<String> {
    let c = rusqlite::Connection::open(db).expect("open db");
    let id: i64 = id.trim_start_matches('R').parse().expect("a reading ID");
    let sql = format!("SELECT name FROM reading_{table} WHERE reading_id = ?1 ORDER BY position");
    let mut st = c.prepare(&sql).expect(&sql);
    st.query_map([id], |r| r.get(0)).expect("query").collect::<rusqlite::Result<Vec<String>>>().expect("rows")
}

fn readings(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row("SELECT count(*) FROM reading", [], |r| r.get(0)).expect("count")
}

#[test]
fn a_removed_reading_comes_back_with_its_translators_and_editors_once() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "bl.bib", TRANSLATED);
    for (title, table, expected) in [
        ("The Wretched", "translator", vec!["Philcox, Richard"]),
        ("The Canon of Medicine", "translator", vec!["Bakhtiar, Laleh"]),
        ("Medicine and the Five Senses", "editor", vec!["Bynum, W. F.", "Porter, Roy"]),
    ] {
        let id = id_of(&w, &db, title);
        let change = remove(&w, &db, &id);
        assert!(names(&db, table, &id).is_empty(), "{title}: its {table}s went with it");
        let undone = stderr_at(&w, &db, &["undo", &change, "--by", "amina"]);
        assert!(undone.contains(&format!("restored the reading that #{change} removed")), "{title}: {undone}");
        assert_eq!(id_of(&w, &db, title), id, "{title}: back under the same ID");
        assert_eq!(names(&db, table, &id), expected, "{title}: its {table}s came back, once, in order");
        w.ok_at(&db, &["check"]);
    }
}

#[test]
fn two_translators_come_back_in_order_and_the_redo_removes_them_again() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "trj.json", TWO_TRANSLATORS);
    let id = id_of(&w, &db, "Translated article");
    let change = remove(&w, &db, &id);
    let undone = stderr_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert_eq!(names(&db, "translator", &id), ["Smith, Jo", "Lee, Min"], "{undone}");
    // The undo of the undo removes it again, and the undo of that brings it back again.
    let last = || w.count("SELECT max(id) FROM history").to_string();
    stderr_at(&w, &db, &["undo", &last(), "--by", "amina"]);
    assert!(names(&db, "translator", &id).is_empty());
    stderr_at(&w, &db, &["undo", &last(), "--by", "amina"]);
    assert_eq!(names(&db, "translator", &id), ["Smith, Jo", "Lee, Min"]);
}

#[test]
fn a_removal_that_kept_the_translators_twice_is_still_undone() {
    // A removal made before this fix kept the translator rows among the
    // rows removed with the reading, as well as inline: the undo writes them once.
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "trj.json", TWO_TRANSLATORS);
    let id = id_of(&w, &db, "Translated article");
    let change = remove(&w, &db, &id);
    {
        let c = rusqlite::Connection::open(&db).expect("open db");
        let rid: i64 = id.trim_start_matches('R').parse().unwrap();
        let before: String = c
            .query_row("SELECT before FROM history WHERE id = ?1", [change.parse::<i64>().unwrap()], |r| r.get(0))
            .unwrap();
        let mut b: serde_json::Value = serde_json::from_str(&before).unwrap();
        b["removed_with"] = serde_json::json!({"reading_translator": [
            {"reading_id": rid, "position": 1, "name": "Smith, Jo", "family": "Smith", "given": "Jo",
             "particle": null, "suffix": null, "literal": null},
            {"reading_id": rid, "position": 2, "name": "Lee, Min", "family": "Lee", "given": "Min",
             "particle": null, "suffix": null, "literal": null}]});
        c.execute("UPDATE history SET before = ?2 WHERE id = ?1", rusqlite::params![change, b.to_string()]).unwrap();
    }
    stderr_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert_eq!(names(&db, "translator", &id), ["Smith, Jo", "Lee, Min"]);
}

/// amina's copy and kofi's, made from one import of `text`.
fn two_copies(w: &Workdir, name: &str, text: &str) -> (PathBuf, PathBuf) {
    let a = w.path("amina.db");
    import(w, &a, name, text);
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).expect("copy");
    (a, k)
}

#[test]
fn the_undo_of_a_merge_that_removed_a_translated_work_brings_it_back() {
    let w = Workdir::new();
    let (a, k) = two_copies(&w, "bl.bib", TRANSLATED);
    let id = id_of(&w, &a, "The Wretched");
    let said = stderr_at(&w, &k, &["reading", "remove", &id, "--by", "kofi"]);
    assert!(said.contains("canon undo"), "{said}");
    let merged = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    assert!(merged.contains(" 1 removed,"), "{merged}");
    assert!(names(&a, "translator", &id).is_empty(), "{merged}");
    let m = number_after(&merged, "(change #");
    let undone = stderr_at(&w, &a, &["undo", &m, "--by", "amina"]);
    assert!(undone.contains(&format!("reverted merge #{m}")), "{undone}");
    assert_eq!(id_of(&w, &a, "The Wretched"), id);
    assert_eq!(names(&a, "translator", &id), ["Philcox, Richard"], "{undone}");
    w.ok_at(&a, &["check"]);
}

#[test]
fn merge_restore_removed_brings_back_a_translated_work_with_its_translator() {
    let w = Workdir::new();
    let (a, k) = two_copies(&w, "trj.json", TWO_TRANSLATORS);
    let id = id_of(&w, &a, "Translated article");
    remove(&w, &a, &id);
    let merged = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina", "--restore-removed"]);
    assert_eq!(id_of(&w, &a, "Translated article"), id, "{merged}");
    assert_eq!(names(&a, "translator", &id), ["Smith, Jo", "Lee, Min"], "{merged}");
    w.ok_at(&a, &["check"]);
}

#[test]
fn a_chapter_with_its_books_isbn_and_each_record_of_a_set_come_back() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "mv.bib", VOLUMES);
    let n = readings(&db);
    let chapter = id_of(&w, &db, "Medicine and colonialism");
    let set = {
        let c = rusqlite::Connection::open(&db).unwrap();
        let id: i64 = c
            .query_row("SELECT id FROM reading WHERE type = 'book' AND volume IS NULL", [], |r| r.get(0))
            .expect("the set record");
        id.to_string()
    };
    let volume = |v: &str| {
        let c = rusqlite::Connection::open(&db).unwrap();
        let id: i64 =
            c.query_row("SELECT id FROM reading WHERE type = 'book' AND volume = ?1", [v], |r| r.get(0)).expect(v);
        id.to_string()
    };
    // The chapter carries volume 2's ISBN, as the importer stores it.
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {chapter} AND isbn = '9780415047722'")), 1);
    for (what, id) in [("chapter", chapter), ("set", set), ("volume 1", volume("1")), ("volume 2", volume("2"))] {
        let editors = names(&db, "editor", &id);
        let change = remove(&w, &db, &id);
        assert_eq!(readings(&db), n - 1, "{what}");
        let undone = stderr_at(&w, &db, &["undo", &change, "--by", "amina"]);
        assert!(undone.contains(&format!("restored the reading that #{change} removed")), "{what}: {undone}");
        assert_eq!(readings(&db), n, "{what}: back beside the records it stood beside");
        assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id}")), 1, "{what}: same ID");
        assert_eq!(names(&db, "editor", &id), editors, "{what}: its editors came back once");
    }
    w.ok_at(&db, &["check"]);
}

#[test]
fn the_undo_of_a_merge_that_removed_one_volume_brings_it_back() {
    let w = Workdir::new();
    let (a, k) = two_copies(&w, "mv.bib", VOLUMES);
    let n = readings(&a);
    let c = rusqlite::Connection::open(&a).unwrap();
    let v2: i64 = c.query_row("SELECT id FROM reading WHERE type = 'book' AND volume = '2'", [], |r| r.get(0)).unwrap();
    drop(c);
    let v2 = v2.to_string();
    let editors = names(&a, "editor", &v2);
    stderr_at(&w, &k, &["reading", "remove", &v2, "--by", "kofi"]);
    let merged = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    assert!(merged.contains(" 1 removed,"), "{merged}");
    assert_eq!(readings(&a), n - 1, "{merged}");
    let m = number_after(&merged, "(change #");
    let undone = stderr_at(&w, &a, &["undo", &m, "--by", "amina"]);
    assert!(undone.contains(&format!("reverted merge #{m}")), "{undone}");
    assert_eq!(readings(&a), n);
    assert_eq!(names(&a, "editor", &v2), editors, "its editors came back once");
    w.ok_at(&a, &["check"]);
}

#[test]
fn a_reading_that_took_the_place_since_still_stops_the_undo() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "bl.bib", TRANSLATED);
    // The same ISBN (in its ten-digit form), given since to another whole book.
    let id = id_of(&w, &db, "The Wretched");
    let change = remove(&w, &db, &id);
    let other = id_of(&w, &db, "Medicine and the Five Senses");
    w.ok_at(&db, &["-q", "reading", "edit", &other, "--isbn", "0802141323", "--by", "amina"]);
    let err = fails_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert!(err.contains(&format!("cannot undo #{change}")) && err.contains("has taken its place since"), "{err}");
    // The same title and year, given since to another reading (the
    // importer itself skips a record of a removed reading, with a warning).
    let id = id_of(&w, &db, "The Canon of Medicine");
    let change = remove(&w, &db, &id);
    w.ok_at(
        &db,
        &["-q", "reading", "edit", &other, "--title", "The Canon of Medicine", "--year", "1999", "--by", "amina"],
    );
    let err = fails_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert!(err.contains("has taken its place since"), "{err}");
    // The same DOI, given since to another reading.
    import(
        &w,
        &db,
        "doi.csv",
        "title,authors,year,type,doi\nOne article,\"Diallo, Aminata\",2020,article,10.1000/xyz\nTwo,\"Lee, Min\",2021,article,\n",
    );
    let id = id_of(&w, &db, "One article");
    let change = remove(&w, &db, &id);
    let two = id_of(&w, &db, "Two");
    w.ok_at(&db, &["-q", "reading", "edit", &two, "--doi", "10.1000/XYZ", "--by", "amina"]);
    let err = fails_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert!(err.contains("has taken its place since"), "{err}");
}

#[test]
fn a_chapter_comes_back_beside_another_chapter_of_its_book_added_since() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "mv.bib", VOLUMES);
    let chapter = id_of(&w, &db, "Medicine and colonialism");
    let change = remove(&w, &db, &chapter);
    // Another chapter of volume 2, with the same ISBN: another work.
    import(
        &w,
        &db,
        "ch2.bib",
        "@incollection{x, author = {Porter, Roy}, title = {The patient in history}, booktitle = {Part II: Medicine and Society}, \
         date = {1993}, isbn = {9780415047722}, pages = {1--20}}\n",
    );
    let undone = stderr_at(&w, &db, &["undo", &change, "--by", "amina"]);
    assert!(undone.contains("restored the reading"), "{undone}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn = '9780415047722' AND type = 'chapter'"), 2);
}

#[test]
fn a_change_number_past_the_log_is_no_change_whoever_is_credited() {
    let w = Workdir::new();
    let db = w.db();
    import(&w, &db, "trj.json", TWO_TRANSLATORS);
    let last: i64 = w.count("SELECT max(id) FROM history");
    let contributors = w.count("SELECT count(*) FROM contributor");
    let next = (last + 1).to_string();
    // The number a new contributor's own entry would take.
    let err = fails_at(&w, &db, &["undo", &next, "--by", "newname"]);
    assert!(err.contains(&format!("no change #{next} to undo")), "{err}");
    assert!(!err.contains("FOREIGN KEY"), "{err}");
    let range = format!("{last}-{next}");
    let err = fails_at(&w, &db, &["undo", &range, "--by", "newname"]);
    assert!(err.contains(&format!("no change #{next} to undo")), "{err}");
    let err = fails_at(&w, &db, &["undo", "9999", "--by", "newname"]);
    assert!(err.contains("no change #9999 to undo"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM contributor"), contributors, "nobody credited for nothing");
    assert_eq!(w.count("SELECT max(id) FROM history"), last, "nothing written");
}
