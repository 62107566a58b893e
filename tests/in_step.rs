//! Imports and merges that stay in step (issue 10d), through the real binary:
//! a merge never brings back silently what we removed after the copy we
//! merge was made; a DOI moved between two rows of one file imports in one
//! run; `canon audit` into an existing database is one unit.

mod common;

use common::{Workdir, sample};

/// Runs canon; returns (exit code, stdout, stderr).
fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().expect("run canon");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn has(text: &str, want: &str) {
    assert!(text.contains(want), "missing {want:?} in:\n{text}");
}

/// The merge's steps (`--format json`) with this action, as (entity, what).
fn steps(out: &str, action: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    v.as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"] == action)
        .map(|s| (s["entity"].as_str().unwrap().to_string(), s["what"].as_str().unwrap().to_string()))
        .collect()
}

const FANON: &str = "A Dying Colonialism";
const COPD: &str = "MED2002/COPD";

/// How many of each record a database holds: modules, sessions, session tags, readings, reading tags, links.
fn shape(w: &Workdir, db: &std::path::Path) -> [i64; 6] {
    let c = rusqlite::Connection::open(db).unwrap();
    let n = |t: &str| c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap();
    let _ = w;
    [n("module"), n("item"), n("item_tag"), n("reading"), n("reading_tag"), n("link")]
}

/// Ours and theirs from one audit; then we remove a reading (with its tags),
/// a module (with its sessions and their tags), a session, a tag and a link.
/// Returns the work directory and their database.
fn diverged() -> (Workdir, std::path::PathBuf) {
    let w = Workdir::new();
    w.ok(&["-q", "audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "a.pdf"]);
    w.ok(&["-q", "link", &fanon(&w), "MED2003", "--by", "amina"]);
    w.ok(&["-q", "link", "10.1056/NEJMms2004740", "MED2002", "--by", "amina"]);
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let by = ["--by", "amina"];
    w.ok(&[&["-q", "reading", "remove", &fanon(&w), "--force"][..], &by].concat());
    w.ok(&[&["-q", "module", "remove", "MED1001", "--force"][..], &by].concat());
    w.ok(&[&["-q", "item", "remove", COPD][..], &by].concat());
    w.ok(&[&["-q", "untag", "MED1004/Colonial medicine, tropical medicine and empire", "epistemic-bias"][..], &by]
        .concat());
    w.ok(&[&["-q", "unlink", "10.1056/NEJMms2004740", "MED2002"][..], &by].concat());
    (w, b)
}

/// The ID of Fanon's book (ours, while we hold it; else theirs).
fn fanon(w: &Workdir) -> String {
    let b = w.path("b.db");
    let db = if b.exists() { b } else { w.db() };
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT id FROM reading WHERE title = ?1", [FANON], |r| r.get::<_, i64>(0)).unwrap().to_string()
}

#[test]
fn a_merge_keeps_what_we_removed_after_their_copy_was_made_and_names_it() {
    let (w, b) = diverged();
    let before = shape(&w, &w.db());
    let history = w.count("SELECT count(*) FROM history");
    // The database and a bundle of it: the same answer.
    let bundle = w.path("theirs");
    w.ok_at(&b, &["export", "bundle", bundle.to_str().unwrap()]);
    for other in [b.to_str().unwrap(), bundle.to_str().unwrap()] {
        let (code, out, err) = run(&w, &["merge", other, "--by", "amina", "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let kept = steps(&out, "kept-removed");
        let named = |entity: &str, text: &str| kept.iter().any(|(e, what)| e == entity && what.contains(text));
        assert!(named("reading", "reading A Dying Colonialism: removed here in #"), "{kept:?}");
        assert!(named("module", "module MED1001 Foundations of Medicine"), "{kept:?}");
        assert!(named("item", "session COPD: removed here"), "{kept:?}");
        assert!(named("item", "session Cell structure and organelles: part of module MED1001"), "{kept:?}");
        assert!(
            named("item_tag", "tag of theme epistemic-bias on session Colonial medicine, tropical medicine and empire"),
            "{kept:?}"
        );
        assert!(named("link", "link of reading Hidden in Plain Sight"), "{kept:?}");
        assert!(
            named("reading_tag", "on reading A Dying Colonialism: part of reading A Dying Colonialism"),
            "{kept:?}"
        );
        // Counted, with the way back, in the summary.
        let n = kept.len();
        has(&err, &format!("{n} records we removed after their copy was made are kept removed"));
        has(&err, "--restore-removed");
        assert!(steps(&out, "add").is_empty(), "{out}");
        // Nothing came back, nothing was written.
        assert_eq!(shape(&w, &w.db()), before);
        assert_eq!(w.count("SELECT count(*) FROM history"), history);
        // Said even with --quiet.
        let (_, _, quiet) = run(&w, &["-q", "merge", other, "--by", "amina", "--dry-run"]);
        has(&quiet, &format!("warning: {other}: {n} records we removed"));
    }
}

#[test]
fn what_they_changed_or_added_after_our_removal_comes_in() {
    let (w, b) = diverged();
    let fanon_id = fanon(&w);
    // After our removals: they annotate the reading we removed, tag a session
    // of the module we removed, and tag a session we kept.
    w.ok_at(&b, &["-q", "reading", "edit", &fanon_id, "--note", "Read with the 1959 preface", "--by", "zoe"]);
    w.ok_at(&b, &["-q", "tag", "MED1001/Patterns of inheritance", "intersectional-health", "--by", "zoe"]);
    w.ok_at(
        &b,
        &["-q", "tag", "MED2002/Asthma: pathophysiology and stepwise management", "epistemic-bias", "--by", "zoe"],
    );
    let out = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "json"]);
    let added = steps(&out, "add");
    let said = |entity: &str, text: &str| added.iter().any(|(e, what)| e == entity && what.contains(text));
    assert!(said("reading", "A Dying Colonialism (removed here in #"), "{added:?}");
    assert!(said("reading", "changed on their side after that"), "{added:?}");
    // Its tags come with it; a tag on a session we kept comes in as any addition.
    assert!(said("reading_tag", "part of reading A Dying Colonialism, which comes back"), "{added:?}");
    assert!(said("item_tag", "epistemic-bias on session Asthma"), "{added:?}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE annotation = 'Read with the 1959 preface'"), 1);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading_tag WHERE reading_id = {fanon_id}")), 2);
    // A tag on a session of the module we removed is later work on that
    // module, as the edit of the reading is (tester r72 F20; this test
    // asserted before that the module stayed removed, the tag dropped as
    // kept-removed): the module comes back with its sessions, saying why.
    assert!(said("module", "a tag added by zoe"), "{added:?}");
    assert!(said("item", "part of module MED1001"), "{added:?}");
    assert!(said("item_tag", "intersectional-health on session Patterns of inheritance"), "{added:?}");
    let kept = steps(&out, "kept-removed");
    assert!(!kept.iter().any(|(_, what)| what.contains("Patterns of inheritance")), "{kept:?}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED1001'"), 1);
    // The merge's own entries undo: the reading goes again.
    let add = w.count(&format!(
        "SELECT max(id) FROM history WHERE entity = 'reading' AND entity_id = {fanon_id} AND action = 'insert'"
    ));
    let later = w.count(&format!(
        "SELECT count(*) FROM history WHERE entity = 'reading' AND entity_id = {fanon_id} AND id > {add}"
    ));
    assert_eq!(later, 0, "the merge's add is the reading's latest change");
    // (Its link came back with it: that addition is undone first, as undo asks.)
    let link =
        w.count("SELECT max(id) FROM history WHERE entity = 'link' AND action = 'insert' AND note LIKE 'merged from%'");
    w.ok(&["-q", "undo", &link.to_string(), "--by", "amina"]);
    w.ok(&["-q", "undo", &add.to_string(), "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {fanon_id}")), 0);
}

#[test]
fn restore_removed_brings_them_back_whole_and_undo_takes_them_away_again() {
    let (w, b) = diverged();
    // They rename a session of the module we removed, after our removal.
    w.ok_at(
        &b,
        &["-q", "item", "edit", "MED1001/Cell structure and organelles", "--title", "Cell structure", "--by", "zoe"],
    );
    let dry =
        w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--restore-removed", "--dry-run", "--format", "json"]);
    assert_eq!(steps(&dry, "restore").len(), 5, "{dry}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED1001'"), 0, "a dry run wrote");
    let (code, out, err) =
        run(&w, &["merge", b.to_str().unwrap(), "--by", "amina", "--restore-removed", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let restored = steps(&out, "restore");
    for what in
        ["reading A Dying Colonialism", "module MED1001", "session COPD", "tag of theme epistemic-bias", "link of"]
    {
        assert!(restored.iter().any(|(_, w)| w.contains(what) && w.contains("brought back")), "{what}: {restored:?}");
    }
    has(&err, "5 removals of ours undone to bring records back");
    assert!(steps(&out, "kept-removed").is_empty(), "{out}");
    // Both sides now hold the same records; the session carries their new title.
    assert_eq!(shape(&w, &w.db()), shape(&w, &b));
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'Cell structure'"), 1);
    // Each restore is an undo of our removal, and is itself undone.
    let module = w.count(
        "SELECT id FROM history WHERE entity = 'module' AND action = 'insert' AND note LIKE 'undo of #%' ORDER BY id DESC LIMIT 1",
    );
    w.ok(&["-q", "undo", &module.to_string(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED1001'"), 0);
    // Merging again keeps it removed (our removal is newer than their copy).
    let again = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "json"]);
    assert!(steps(&again, "kept-removed").iter().any(|(e, _)| e == "module"), "{again}");
}

// ---- 3. `canon audit` into an existing database is one unit ----

/// Everything a database holds that an import writes, to compare before and after.
fn everything(w: &Workdir) -> Vec<i64> {
    ["module", "item", "item_tag", "reading", "reading_tag", "import_run", "history", "programme", "contributor"]
        .iter()
        .map(|t| w.count(&format!("SELECT count(*) FROM {t}")))
        .chain([w.count("SELECT count(*) FROM item WHERE title = 'Spirometry'")])
        .collect()
}

#[test]
fn an_audit_into_an_existing_database_is_undone_whole_when_a_later_step_fails() {
    let w = Workdir::new();
    let first =
        w.write("first.csv", "programme,year,module_code,module_title,session_title\nMBChB,1,M1,Lungs,Spirometry\n");
    w.ok(&["-q", "import", "modules", first.to_str().unwrap()]);
    let before = everything(&w);
    // A module list that adds sessions and re-capitalises one, and reading lists that are refused:
    // a bad row (CSV), a bad entry (BibTeX), and a change to what others entered without --by.
    let modules = w.write(
        "modules.csv",
        "programme,year,module_code,module_title,session_title\nMBChB,1,M1,Lungs,SPIROMETRY\nMBChB,2,M2,Heart,ECG\n",
    );
    let bad_csv = w.write("bad.csv", "title,authors,year,type\nA book,\"Doe, J\",notayear,book\n");
    let bad_bib = w.write("bad.bib", "@article{a,\n  title = {Race and medicine},\n  year = {19x9}\n}\n");
    for (reading, why) in [(&bad_csv, "bad.csv:2:3: year"), (&bad_bib, "bad.bib")] {
        let (code, _, err) = run(
            &w,
            &["audit", modules.to_str().unwrap(), reading.to_str().unwrap(), "--out", "r.pdf", "--by", "amina"],
        );
        assert_eq!(code, 1, "{err}");
        has(&err, why);
        has(&err, "audit undone: the reading list was refused, so the module list imported before it is undone too");
        assert_eq!(everything(&w), before, "{err}");
        assert!(!w.path("r.pdf").exists());
    }
    // The report fails after both imports (a title over the limit): both undone.
    let long = "x".repeat(20_000);
    let (code, _, err) = run(
        &w,
        &[
            "audit",
            modules.to_str().unwrap(),
            &sample("reading.csv"),
            "--out",
            "r.pdf",
            "--title",
            &long,
            "--by",
            "amina",
        ],
    );
    assert_eq!(code, 1, "{err}");
    has(&err, "audit undone: the report could not be written, so both imports are undone");
    assert_eq!(everything(&w), before);
    // And when every step succeeds, all of it is there.
    w.ok(&["-q", "audit", modules.to_str().unwrap(), &sample("reading.csv"), "--out", "r.pdf", "--by", "amina"]);
    assert!(w.path("r.pdf").exists());
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'ECG'"), 1);
    assert!(w.count("SELECT count(*) FROM reading") > 0);
}

#[test]
fn an_audit_into_a_new_database_says_nothing_was_made() {
    let w = Workdir::new();
    let bad = w.write("bad.csv", "title,authors,year,type\nA book,\"Doe, J\",notayear,book\n");
    let (code, _, err) = run(&w, &["audit", &sample("modules.csv"), bad.to_str().unwrap(), "--out", "r.pdf"]);
    assert_eq!(code, 1);
    has(&err, "bad.csv:2:3: year");
    has(&err, "audit undone: what was imported before this is not kept and");
    assert!(!w.db().exists());
}

// ---- 2. A DOI (or ISBN) moved between rows of one re-imported export ----

/// The reading export as rows of cells, with its header.
fn export(w: &Workdir) -> (Vec<String>, Vec<Vec<String>>) {
    let text = w.ok(&["export", "reading", "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (head, rows)
}

fn write_csv(w: &Workdir, name: &str, head: &[String], rows: &[Vec<String>]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(head).unwrap();
    for r in rows {
        out.write_record(r).unwrap();
    }
    w.write(name, out.into_inner().unwrap()).display().to_string()
}

/// Two rows of the export that both have a value in `field`: (column, first, second).
fn two_with(head: &[String], rows: &[Vec<String>], field: &str) -> (usize, usize, usize) {
    let col = head.iter().position(|h| h == field).unwrap();
    let with: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i][col].is_empty()).collect();
    (col, with[0], with[1])
}

fn value_of(w: &Workdir, field: &str, id_cell: &str) -> String {
    let id = id_cell.trim_start_matches('R');
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.query_row(&format!("SELECT coalesce({field}, '') FROM reading WHERE id = ?1"), [id], |r| r.get(0)).unwrap()
}

#[test]
fn a_doi_moved_between_two_rows_imports_in_one_run_whatever_their_order() {
    let w = Workdir::new();
    w.ok(&["-q", "import", "reading", &sample("reading.csv")]);
    let (head, rows) = export(&w);
    let (doi, a, b) = two_with(&head, &rows, "doi");
    let (x, y) = (rows[a][doi].clone(), rows[b][doi].clone());
    // B takes A's DOI and A gets a new one, with B's row first in the file (then in file order).
    for (n, first_b) in [(1, true), (2, false)] {
        let w = Workdir::new();
        w.ok(&["-q", "import", "reading", &sample("reading.csv")]);
        let (_, rows) = export(&w);
        let (mut ra, mut rb) = (rows[a].clone(), rows[b].clone());
        ra[doi] = format!("10.9999/new-{n}");
        rb[doi] = x.clone();
        let file = write_csv(&w, "moved.csv", &head, &if first_b { vec![rb, ra] } else { vec![ra, rb] });
        let history = w.count("SELECT count(*) FROM history");
        let dry = w.ok(&["import", "reading", &file, "--by", "amina", "--dry-run"]);
        has(&dry, &format!("doi: \"{y}\" → \"{x}\""));
        assert_eq!(w.count("SELECT count(*) FROM history"), history, "a dry run wrote");
        w.ok(&["-q", "import", "reading", &file, "--by", "amina"]);
        assert_eq!(value_of(&w, "doi", &rows[b][0]), x);
        assert_eq!(value_of(&w, "doi", &rows[a][0]), format!("10.9999/new-{n}"));
        // The history says it as it was: A's DOI x → new, B's y → x (undoable).
        assert_eq!(
            w.count(&format!(
                "SELECT count(*) FROM history WHERE action = 'update' AND before LIKE '%\"doi\":\"{x}\"%'"
            )),
            1
        );
        // Nothing more to do: a second import changes nothing.
        let again = w.ok_stderr(&["import", "reading", &file, "--by", "amina"]);
        has(&again, "0 changed");
    }
    // A swap: each row takes the other's DOI.
    let mut swapped = rows.clone();
    swapped[a][doi] = y.clone();
    swapped[b][doi] = x.clone();
    let file = write_csv(&w, "swap.csv", &head, &swapped);
    w.ok(&["-q", "import", "reading", &file, "--by", "amina"]);
    assert_eq!((value_of(&w, "doi", &rows[a][0]), value_of(&w, "doi", &rows[b][0])), (y.clone(), x.clone()));
}

#[test]
fn a_doi_taken_from_a_row_that_keeps_it_or_has_no_row_is_refused_naming_both() {
    let w = Workdir::new();
    w.ok(&["-q", "import", "reading", &sample("reading.csv")]);
    let (head, rows) = export(&w);
    let (doi, a, b) = two_with(&head, &rows, "doi");
    let x = rows[a][doi].clone();
    let before = (w.count("SELECT count(*) FROM history"), value_of(&w, "doi", &rows[b][0]));
    // B (line 2) takes A's DOI; A's row (line 3) keeps it.
    let mut rb = rows[b].clone();
    rb[doi] = x.clone();
    let file = write_csv(&w, "kept.csv", &head, &[rb.clone(), rows[a].clone()]);
    let err = w.fails(&["import", "reading", &file, "--by", "amina"]);
    has(&err, &format!("kept.csv:3:{}: doi {x}: line 2 gives it to entry {}", doi + 1, rows[b][0]));
    has(&err, &format!("this row keeps it for entry {}", rows[a][0]));
    // A has no row at all.
    let file = write_csv(&w, "alone.csv", &head, &[rb]);
    let err = w.fails(&["import", "reading", &file, "--by", "amina"]);
    has(&err, &format!("alone.csv:2:{}: doi {x} already belongs to entry {}, which has no row", doi + 1, rows[a][0]));
    // Also with --skip-invalid: a DOI cannot be left with neither or both.
    let err = w.fails(&["import", "reading", &file, "--by", "amina", "--skip-invalid"]);
    has(&err, "which has no row in this file");
    assert_eq!((w.count("SELECT count(*) FROM history"), value_of(&w, "doi", &rows[b][0])), before);
    assert_eq!(value_of(&w, "doi", &rows[a][0]), x);
}

#[test]
fn an_isbn_moved_between_two_rows_imports_in_one_run_too() {
    let w = Workdir::new();
    let list = w.write(
        "books.csv",
        "title,authors,year,type,isbn\n\"Black Skin, White Masks\",\"Fanon, Frantz\",1952,book,9780802143006\n\
         The Wretched of the Earth,\"Fanon, Frantz\",1961,book,9780802141323\n",
    );
    w.ok(&["-q", "import", "reading", list.to_str().unwrap()]);
    let (head, rows) = export(&w);
    let (isbn, a, b) = two_with(&head, &rows, "isbn");
    let mut swapped = rows.clone();
    swapped.swap(0, 1);
    let (ia, ib) = (rows[a][isbn].clone(), rows[b][isbn].clone());
    for r in swapped.iter_mut() {
        r[isbn] = if r[0] == rows[a][0] { ib.clone() } else { ia.clone() };
    }
    let file = write_csv(&w, "isbn.csv", &head, &swapped);
    w.ok(&["-q", "import", "reading", &file, "--by", "amina"]);
    assert_eq!(value_of(&w, "isbn", &rows[a][0]), ib);
    assert_eq!(value_of(&w, "isbn", &rows[b][0]), ia);
}

/// Issue 10 (acceptance tester): the same reading list imported again never
/// undoes what a person set by hand since a list last wrote the entry; those
/// values stand with a warning, and the file's other changes still apply.
#[test]
fn a_list_imported_again_keeps_what_a_person_set_by_hand() {
    let w = Workdir::new();
    let list = "title,authors,year,doi,language,global_south,notes\n\
                Hidden in Plain Sight,\"Vyas, D. A.\",2020,10.1056/NEJMms2004740,English,no,Canon of Medicine\n";
    let f = w.write("reading.csv", list);
    w.ok(&["import", "reading", &f.display().to_string()]);
    w.ok(&["reading", "edit", "10.1056/NEJMms2004740", "--global-south", "yes", "--language", "fr", "--by", "amina"]);
    // The same file again, and then with a corrected year: no name given.
    let err = w.ok_stderr(&["import", "reading", &f.display().to_string()]);
    assert!(err.contains("kept as stored: set by hand in change #"), "{err}");
    assert!(err.contains("by amina"), "{err}");
    let show = |w: &Workdir| w.json(&["reading", "show", "10.1056/NEJMms2004740", "--format", "json"]);
    let r = show(&w);
    assert_eq!(r["language"], "fr", "{r}");
    assert_eq!(r["global_south"], true, "{r}");
    let f2 = w.write("reading2.csv", list.replace(",2020,", ",2021,"));
    w.ok_stderr(&["import", "reading", &f2.display().to_string()]);
    let r = show(&w);
    assert_eq!(r["year"], 2021, "a value no one set by hand takes the file's: {r}");
    assert_eq!((r["language"].as_str(), r["global_south"].as_bool()), (Some("fr"), Some(true)), "{r}");
    // An import that wrote another field since does not free the hand-set ones.
    let err = w.ok_stderr(&["import", "reading", &f.display().to_string()]);
    assert!(err.contains("kept as stored"), "{err}");
    let r = show(&w);
    assert_eq!((r["year"].as_i64(), r["language"].as_str()), (Some(2020), Some("fr")), "{r}");
}
