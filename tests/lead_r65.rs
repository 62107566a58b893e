//! Issue 12 (lead, r65), through the binary: tester r65's group workflow,
//! three copies of one list merged in every direction.

mod common;

use common::{Workdir, workdir};

/// The readings of a database as comparable JSON: each reading's stored
/// fields without its ID and times, sorted by title.
fn records(w: &Workdir, db: &std::path::Path) -> Vec<serde_json::Value> {
    let text = w.ok_at(db, &["reading", "list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut out: Vec<serde_json::Value> = list
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(o) = r.as_object_mut() {
                for k in ["id", "changed", "added_at", "updated_at", "approved_by", "approved_at", "review"] {
                    o.remove(k);
                }
            }
            r
        })
        .collect();
    out.sort_by_key(|r| r["title"].as_str().unwrap_or_default().to_string());
    out
}

const BIB: &str = "@article{m, author = {Mensah, Jr., Kofi A. and Pieter van der Berg}, \
    title = {Race correction in {eGFR}: a review}, journal = {The Lancet}, year = {2020}, volume = {395}, \
    pages = {201--209}, doi = {10.1016/S0140-6736(20)30001-1}}\n";

const RIS: &str = "TY  - JOUR\nAU  - Mensah, Kofi A., Jr.\nAU  - van der Berg, Pieter\n\
    TI  - Race correction in eGFR: a review\nJO  - The Lancet\nPY  - 2020\nVL  - 395\nSP  - 201\nEP  - 209\n\
    DO  - 10.1016/s0140-6736(20)30001-1\nER  - \n";

/// One work written two ways (the DOI's capitals, the title's case mark,
/// the names' written order) in two copies: merged in both directions, the
/// copies hold one record, the published DOI and the title with its mark
/// (tester r65 F1: each side kept its own, "the fuller form", for good).
#[test]
fn two_copies_merged_both_ways_converge_on_one_form() {
    let w = workdir();
    let a = w.db();
    let b = w.path("b.db");
    w.ok_at(&b, &["init", "-q"]);
    let bib = w.write("a.bib", BIB);
    let ris = w.write("b.ris", RIS);
    w.ok_at(&a, &["import", "reading", bib.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&b, &["import", "reading", ris.to_str().unwrap(), "--by", "bao"]);
    let b_before = w.path("b0.db");
    std::fs::copy(&b, &b_before).unwrap();
    // The summary counts the kept-ours rows it lists (tester r65 F8).
    let dry = w.run_at(&a, &["merge", b_before.to_str().unwrap(), "--by", "amina", "--dry-run"]);
    let (rows, err) = (String::from_utf8(dry.stdout).unwrap(), String::from_utf8(dry.stderr).unwrap());
    let kept = rows.lines().filter(|l| l.starts_with("| kept-ours")).count();
    assert!(err.contains(&format!(" {kept} kept ours")), "{kept} rows: {rows}\n{err}");
    assert!(!rows.contains("| conflict"), "one work written two ways is no conflict: {rows}");
    w.ok_at(&a, &["merge", b_before.to_str().unwrap(), "--by", "amina"]);
    let a_before = w.path("a0.db");
    std::fs::copy(&a, &a_before).unwrap();
    w.ok_at(&b, &["merge", a_before.to_str().unwrap(), "--by", "bao"]);
    let (ra, rb) = (records(&w, &a), records(&w, &b));
    assert_eq!(ra, rb, "the copies differ after merging both ways");
    assert_eq!(ra[0]["doi"], "10.1016/S0140-6736(20)30001-1");
    assert!(ra[0]["title"].as_str().unwrap().contains("{eGFR}"), "{}", ra[0]);
}

/// A conflict one copy settled, whose value the other copy then took by a
/// merge, is closed by the next merge that finds both alike, and a stale
/// conflict's `--take theirs` is refused rather than writing the other
/// copy's old value back (tester r65 F2, F5).
#[test]
fn a_settled_conflict_is_closed_and_a_stale_one_never_writes_the_old_value() {
    let w = workdir();
    let bib = w.write("a.bib", BIB);
    w.ok(&["import", "reading", bib.to_str().unwrap(), "--by", "amina"]);
    let a = w.db();
    let c = w.path("c.db");
    std::fs::copy(&a, &c).unwrap();
    let doi = "10.1016/S0140-6736(20)30001-1";
    w.ok_at(&a, &["reading", "edit", doi, "--pages", "201-210", "--by", "amina"]);
    w.ok_at(&c, &["reading", "edit", doi, "--pages", "201-211", "--by", "chidi"]);
    let snap = |name: &str, from: &std::path::Path| {
        let p = w.path(name);
        std::fs::copy(from, &p).unwrap();
        p
    };
    let c0 = snap("c0.db", &c);
    let a0 = snap("a0.db", &a);
    w.ok_at(&a, &["merge", c0.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&c, &["merge", a0.to_str().unwrap(), "--by", "chidi"]);
    // amina settles hers for chidi's value; chidi merges her copy and so holds it too.
    w.ok_at(&a, &["resolve", "1", "--take", "theirs", "--by", "amina"]);
    let a1 = snap("a1.db", &a);
    let out = w.ok_at(&c, &["merge", a1.to_str().unwrap(), "--by", "chidi"]);
    let list: serde_json::Value = serde_json::from_str(&w.ok_at(&c, &["reading", "list", "--format", "json"])).unwrap();
    assert_eq!(list[0]["pages"], "201-211", "{out}");
    let open = w.ok_at(&c, &["resolve"]);
    assert!(!open.contains("| open"), "the conflict both copies now agree on is closed: {open}\n{out}");
    assert!(out.contains("settled"), "{out}");
}

/// A stale conflict (the record changed on its fields since it was found)
/// is never settled by writing their old value (tester r65 F5).
#[test]
fn taking_theirs_in_a_stale_conflict_is_refused() {
    let w = workdir();
    let bib = w.write("a.bib", BIB);
    w.ok(&["import", "reading", bib.to_str().unwrap(), "--by", "amina"]);
    let (a, c) = (w.db(), w.path("c.db"));
    std::fs::copy(&a, &c).unwrap();
    let doi = "10.1016/S0140-6736(20)30001-1";
    w.ok_at(&a, &["reading", "edit", doi, "--pages", "201-210", "--by", "amina"]);
    w.ok_at(&c, &["reading", "edit", doi, "--pages", "201-211", "--by", "chidi"]);
    w.ok_at(&c, &["merge", a.to_str().unwrap(), "--by", "chidi"]);
    w.ok_at(&c, &["reading", "edit", doi, "--pages", "201-212", "--by", "chidi"]);
    let err = {
        let out = w.run_at(&c, &["resolve", "1", "--take", "theirs", "--by", "chidi"]);
        assert!(!out.status.success(), "refused");
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(err.contains("out of date") && err.contains("pages is now \"201-212\""), "{err}");
    let list: serde_json::Value = serde_json::from_str(&w.ok_at(&c, &["reading", "list", "--format", "json"])).unwrap();
    assert_eq!(list[0]["pages"], "201-212");
}

/// A value a person set by hand in another copy keeps that status once
/// merged here: another list's import leaves it, naming that person
/// (tester r65 F6: "201-9" replaced chidi's corrected "201-211").
#[test]
fn a_hand_edit_merged_from_another_copy_stays_protected() {
    let w = workdir();
    let bib = w.write("a.bib", BIB);
    w.ok(&["import", "reading", bib.to_str().unwrap(), "--by", "amina"]);
    let (a, c) = (w.db(), w.path("c.db"));
    std::fs::copy(&a, &c).unwrap();
    w.ok_at(&c, &["reading", "edit", "10.1016/S0140-6736(20)30001-1", "--pages", "201-211", "--by", "chidi"]);
    w.ok_at(&a, &["merge", c.to_str().unwrap(), "--by", "amina"]);
    let ris = w.write("b.ris", RIS);
    let err = w.ok_stderr(&["import", "reading", ris.to_str().unwrap(), "--by", "bao"]);
    assert!(err.contains("pages are kept as stored: set by hand") && err.contains("by chidi"), "{err}");
    assert_eq!(w.reading_list()[0]["pages"], "201-211");
}

/// A work that shares an identifier with a removed reading but is clearly
/// another work is not "removed here" (tester r65 F11: a book sharing a
/// removed book's ISBN was skipped, and the warning offered to bring back
/// the other book).
#[test]
fn another_work_with_a_removed_readings_isbn_is_not_skipped_as_removed() {
    let w = workdir();
    w.import_reading(
        "isbn1.csv",
        "title,authors,year,type,isbn,publisher\nReimagining Global Health: An Introduction,\"Farmer, Paul; Kim, Jim \
         Yong\",2013,book,9780520271999,University of California Press\n",
    );
    let id = w.reading_list()[0]["id"].to_string().trim_matches('"').to_string();
    w.ok(&["reading", "remove", &id, "--by", "bao"]);
    // The removed work itself is not put back by its list.
    let again = w.import_reading(
        "isbn1b.csv",
        "title,authors,year,type,isbn,publisher\nReimagining Global Health: An Introduction,\"Farmer, Paul; Kim, Jim \
         Yong\",2013,book,9780520271999,University of California Press\n",
    );
    assert!(again.contains("removed in"), "{again}");
    let err = w.import_reading(
        "isbn2.csv",
        "title,authors,year,type,isbn,publisher\nTangata whenua health,\"Ngata, Tāne\",2021,book,978-0-520-27199-9,Huia\n",
    );
    assert!(!err.contains("removed in"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Tangata")["year"], 2021, "{err}");
}

/// A theme one copy gave a new slug is the same theme to a merge: another
/// copy's tag of it lands on it, and no second theme of that name is added
/// (tester r65 F12).
#[test]
fn a_theme_renamed_in_one_copy_stays_one_theme_in_a_merge() {
    let w = workdir();
    let bib = w.write("a.bib", BIB);
    w.ok(&["import", "reading", bib.to_str().unwrap(), "--by", "amina"]);
    w.ok(&["theme", "add", "racism", "--name", "Racism", "--by", "amina"]);
    let (a, b) = (w.db(), w.path("b.db"));
    std::fs::copy(&a, &b).unwrap();
    w.ok_at(&a, &["theme", "edit", "racism", "--slug", "structural-racism", "--by", "amina"]);
    w.ok_at(&b, &["tag", "10.1016/S0140-6736(20)30001-1", "racism", "--by", "bao"]);
    w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    let themes = w.ok(&["theme", "list"]);
    assert_eq!(themes.matches("Racism").count(), 1, "{themes}");
    let r = &w.reading_list()[0];
    let tags = r["themes"].to_string();
    assert!(tags.contains("structural-racism") && !tags.contains("\"racism\""), "{r}");
}
