//! Merge, ISBNs and history (task f102; issue 12's "a duplicate never
//! makes a record poorer; every edit can be undone"): a book's other ISBNs
//! through `reading add`, the web form and `merge` (F1); conflict numbers
//! never reused after an undone merge (F2, schema 0042); legal material an
//! older canon stored as a report is `other` (F3, schema 0042, re-import and
//! merge); a merge's genre against a type's default (F4); Zotero's notes and
//! a merge of two notes (F5).
//!
//! ISBNs (all valid): C 9780802150837 (cloth), P 9780802141323 (ISBN-10
//! 0802141323, paperback), E 9781315770017 (e-book), A 9780802142009.

mod common;
use common::web::*;
use common::*;

use serde_json::json;

const C: &str = "9780802150837";
const P: &str = "9780802141323";
const E: &str = "9781315770017";
const A: &str = "9780802142009";

const BOOK: &str = "title,authors,year,type,isbn,publisher,place\n";

fn book_row(isbn: &str) -> String {
    format!("{BOOK}The wretched of the earth,\"Fanon, Frantz\",2004,book,{isbn},Grove Press,New York\n")
}

/// (isbn, other_isbns) of the reading titled `title` in `db`.
fn isbns_at(w: &Workdir, db: &std::path::Path, title: &str) -> (serde_json::Value, serde_json::Value) {
    let list: serde_json::Value =
        serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).expect("JSON");
    let r = reading_titled(&list, title);
    (r["isbn"].clone(), r["other_isbns"].clone())
}

fn isbns(w: &Workdir) -> (serde_json::Value, serde_json::Value) {
    isbns_at(w, &w.db(), "The wretched of the earth")
}

fn only_id(w: &Workdir) -> String {
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    format!("R{}", list[0]["id"].as_i64().expect("an id"))
}

/// The change number a command's summary names ("`canon undo N` reverts").
fn change_of(stderr: &str) -> String {
    let at = stderr.find("`canon undo ").unwrap_or_else(|| panic!("no change named in {stderr}"));
    stderr[at + 12..].split('`').next().expect("a number").to_string()
}

/// A database at `path` holding one import of `csv`.
fn db_with(w: &Workdir, name: &str, csv: &str) -> std::path::PathBuf {
    let db = w.path(&format!("{name}.db"));
    let f = w.write(&format!("{name}.csv"), csv);
    w.ok_at(&db, &["import", "reading", f.to_str().unwrap(), "-q"]);
    db
}

fn sql(w: &Workdir, db: &std::path::Path, statement: &str) {
    let _ = w;
    let c = rusqlite::Connection::open(db).expect("open db");
    c.execute_batch(statement).expect(statement);
}

// ---------------------------------------------------------------------------
// F1: other ISBNs

#[test]
fn f1_reading_add_takes_several_isbns_validated() {
    let w = Workdir::new();
    // Repeated, and as a catalogue lists them ("ISBN; ISBN"), an ISBN-10 among them.
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "The wretched of the earth",
        "--author",
        "Fanon, Frantz",
        "--year",
        "2004",
        "--type",
        "book",
        "--isbn",
        C,
        "--isbn",
        "0802141323; 978-1-315-77001-7",
        "--by",
        "amina",
    ]);
    assert!(
        err.contains(&format!("--isbn: {C} is the ISBN cited; {P}, {E} kept beside it as the book's other ISBNs")),
        "{err}"
    );
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
    let id = only_id(&w);
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains(&format!("other isbns  {P}; {E}")), "{show}");
    // The same ISBN in its two forms is one ISBN: nothing else to keep.
    let w2 = Workdir::new();
    let err = w2.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Black skin",
        "--type",
        "book",
        "--isbn",
        "0802141323",
        "--isbn",
        P,
        "--by",
        "amina",
    ]);
    assert!(!err.contains("other ISBN"), "{err}");
    assert_eq!(isbns_at(&w2, &w2.db(), "Black skin"), (json!("0802141323"), json!([])));
    // One not valid refuses the whole reading, naming it; nothing written.
    let err = w.fails(&[
        "reading",
        "add",
        "--title",
        "Other book",
        "--type",
        "book",
        "--isbn",
        C,
        "--isbn",
        "12345",
        "--by",
        "amina",
    ]);
    assert!(err.contains("--isbn \"12345\" is not a valid ISBN-10 or ISBN-13"), "{err}");
    let err = w.fails(&["reading", "add", "--title", "Other book", "--isbn", &format!("{A}; 0802141324"), "--by", "a"]);
    assert!(err.contains("--isbn \"0802141324\" is not a valid ISBN-10 or ISBN-13"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
    // Added again with another ISBN of the book: kept beside the others, in
    // the history, and undone.
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "The wretched of the earth",
        "--author",
        "Fanon, Frantz",
        "--year",
        "2004",
        "--type",
        "book",
        "--isbn",
        C,
        "--isbn",
        A,
        "--by",
        "amina",
    ]);
    assert!(err.contains("already existed; merged the new details into it"), "{err}");
    assert_eq!(isbns(&w), (json!(C), json!([P, A, E])));
    let log = w.json(&["log", "--format", "json"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["before"]["other_isbns"].clone(), last["after"]["other_isbns"].clone()),
        (json!([P, E]), json!([P, A, E]))
    );
    let n = last["id"].as_i64().unwrap().to_string();
    w.ok(&["undo", &n, "--by", "amina"]);
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
}

#[test]
fn f1_web_form_add_takes_an_isbn_list() {
    let w = workdir();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let r = c.submit(
        "/readings/new",
        "/readings",
        &[("title", "The wretched of the earth"), ("type", "book"), ("year", "2004"), ("isbn", &format!("{C}; {E}"))],
    );
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.starts_with("Added")), "{page}");
    assert_eq!(isbns(&w), (json!(C), json!([E])));
    let id = w.count("SELECT id FROM reading WHERE title = 'The wretched of the earth'");
    let show = c.page(&format!("/readings/{id}"));
    assert!(show.contains(&format!("<dt>Other ISBNs</dt><dd>{E}</dd>")), "{show}");
    // One not valid: the CLI's message, nothing written.
    let r = c.submit("/readings/new", "/readings", &[("title", "Bad ISBN"), ("isbn", &format!("{A}; 12345"))]);
    assert!(r.text().contains("is not a valid ISBN-10 or ISBN-13"), "{}", r.text());
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Bad ISBN'"), 0);
}

#[test]
fn f1_merge_adds_their_other_isbns_and_undo_takes_them_back() {
    // Two lists of one book, each with its own other ISBN: all kept, ours cited.
    let w = Workdir::new();
    w.import_reading("ours.csv", &book_row(&format!("{C}; {E}")));
    let theirs = db_with(&w, "theirs", &book_row(&format!("{P}; {C}")));
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    assert!(
        out.contains(&format!(
            "their ISBN {P} is another ISBN of the book: ours, \"\"{C}\"\", kept as printed, theirs kept beside it \
             among its other ISBNs"
        )),
        "{out}"
    );
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
    // A copy where they added one by hand: taken, and the merge's undo takes it back.
    let w = Workdir::new();
    w.import_reading("ours.csv", &book_row(C));
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let id = only_id(&w);
    w.ok_at(&b, &["reading", "edit", &id, "--other-isbns", &format!("{E}; {A}"), "--by", "kofi"]);
    let err = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(isbns(&w), (json!(C), json!([A, E])));
    w.ok(&["undo", &change_of(&err), "--by", "amina"]);
    assert_eq!(isbns(&w), (json!(C), json!([])));
    // Their reading we lack: added with its other ISBNs.
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let theirs = db_with(&w, "theirs", &book_row(&format!("{C}; {P}; {E}")));
    w.ok(&["merge", theirs.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
    // Both sides added others since the copy: all kept.
    let w = Workdir::new();
    w.import_reading("ours.csv", &book_row(C));
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let id = only_id(&w);
    w.ok_at(&b, &["reading", "edit", &id, "--other-isbns", E, "--by", "kofi"]);
    w.ok(&["reading", "edit", &id, "--other-isbns", P, "--by", "amina"]);
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
}

// ---------------------------------------------------------------------------
// F2: conflict numbers

/// Merges a list of the book under another ISBN (a conflict on `isbn`) and
/// returns (the merge's stderr, the open conflicts' numbers).
fn merge_conflicting(w: &Workdir, name: &str, isbn: &str) -> (String, Vec<i64>) {
    let theirs = db_with(w, name, &book_row(isbn));
    let err = w.ok_stderr(&["merge", theirs.to_str().unwrap(), "--by", "amina"]);
    let open = w.json(&["resolve", "--format", "json"]);
    (err, open.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect())
}

#[test]
fn f2_conflict_numbers_are_never_reused_after_an_undo() {
    let w = Workdir::new();
    w.import_reading("ours.csv", &book_row(C));
    let (err, open) = merge_conflicting(&w, "p", P);
    assert!(err.contains("1 conflicts"), "{err}");
    assert_eq!(open, vec![1]);
    w.ok(&["undo", &change_of(&err), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM conflict"), 0);
    // Another merge's conflict is conflict 2: "conflict 1" named the undone one.
    let (merged, open) = merge_conflicting(&w, "e", E);
    assert_eq!(open, vec![2]);
    assert!(merged.contains("1 conflicts"), "{merged}");
    let out = w.ok(&["resolve"]);
    assert!(out.contains("| 2  | reading |"), "{out}");
    // "conflict 1" is no other conflict now.
    let err = w.fails(&["resolve", "1", "--take", "ours", "--by", "amina"]);
    assert!(err.contains("no conflict #1; see `canon resolve` for the open ones"), "{err}");
    // And once more after that merge is undone too.
    w.ok(&["undo", &change_of(&merged), "--by", "amina"]);
    let (_, open) = merge_conflicting(&w, "a", A);
    assert_eq!(open, vec![3]);
}

#[test]
fn f2_migration_0042_keeps_conflicts_with_their_numbers() {
    let w = Workdir::new();
    w.import_reading("ours.csv", &book_row(C));
    let (_, open) = merge_conflicting(&w, "p", P);
    assert_eq!(open, vec![1]);
    let (_, open) = merge_conflicting(&w, "e", E);
    assert_eq!(open, vec![1, 2]);
    // A database from before 0042: the table as 0003 made it, the step again.
    let v = w.count("PRAGMA user_version");
    sql(
        &w,
        &w.db(),
        &format!(
            "CREATE TABLE c0 AS SELECT * FROM conflict; DROP TABLE conflict; \
             CREATE TABLE conflict (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, entity_id INTEGER NOT NULL, \
             fields TEXT NOT NULL, ours TEXT NOT NULL, theirs TEXT NOT NULL, source TEXT NOT NULL, found_at TEXT \
             NOT NULL, found_by INTEGER REFERENCES contributor (id) ON DELETE RESTRICT, resolution TEXT CHECK \
             (resolution IN ('ours', 'theirs')), resolved_at TEXT, resolved_by INTEGER REFERENCES contributor (id) \
             ON DELETE RESTRICT) STRICT; INSERT INTO conflict SELECT * FROM c0; DROP TABLE c0; \
             CREATE INDEX conflict_entity ON conflict (entity, entity_id); DELETE FROM sqlite_sequence; \
             PRAGMA user_version = {};",
            v - 1
        ),
    );
    let open = w.json(&["resolve", "--format", "json"]);
    assert_eq!(w.count("PRAGMA user_version"), v);
    let rows: Vec<_> = open.as_array().unwrap().iter().map(|c| (c["id"].clone(), c["fields"].clone())).collect();
    assert_eq!(rows, vec![(json!(1), json!(["isbn"])), (json!(2), json!(["isbn"]))]);
    assert_eq!(w.count("SELECT count(*) FROM sqlite_schema WHERE name = 'conflict' AND sql LIKE '%AUTOINCREMENT%'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM sqlite_schema WHERE name = 'conflict_entity'"), 1);
    // The highest number freed stays used.
    sql(&w, &w.db(), "DELETE FROM conflict WHERE id = 2");
    let (_, open) = merge_conflicting(&w, "a", A);
    assert_eq!(open, vec![1, 3]);
    // A database at this schema still merges into another (its schema is canon's).
    let x = w.path("x.db");
    w.ok_at(&x, &["init", "-q"]);
    w.ok_at(&x, &["merge", w.db().to_str().unwrap(), "--by", "kofi"]);
}

// ---------------------------------------------------------------------------
// F3: legal material stored as a report

const STATUTES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
     <record><ref-type name=\"Statute\">31</ref-type><titles><title>Health Service Act 1970</title></titles>\
     <number>Act 14</number><dates><year>1970</year></dates></record>\
     <record><ref-type name=\"Bill\">4</ref-type><titles><title>Patients Rights Bill 2019</title></titles>\
     <number>Bill 7</number><dates><year>2019</year></dates></record>\
     <record><ref-type name=\"Case\">7</ref-type><titles><title>Bolam v Friern Hospital Management Committee</title>\
     <secondary-title>WLR</secondary-title></titles><volume>1</volume><pages>582</pages><dates><year>1957</year></dates></record>\
     </records></xml>";

/// (title, type, genre) of every reading, by title.
fn types(w: &Workdir, db: &std::path::Path) -> Vec<(String, String, serde_json::Value)> {
    let list: serde_json::Value =
        serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).expect("JSON");
    let mut v: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["title"].as_str().unwrap().to_string(), r["type"].as_str().unwrap().to_string(), r["genre"].clone())
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn legal(kind: &str) -> Vec<(String, String, serde_json::Value)> {
    vec![
        ("Bolam v Friern Hospital Management Committee".into(), kind.into(), json!("Legal case")),
        ("Health Service Act 1970".into(), kind.into(), json!("Statute")),
        ("Patients Rights Bill 2019".into(), kind.into(), json!("Bill")),
    ]
}

#[test]
fn f3_migration_0042_moves_stored_statutes_to_other() {
    let w = Workdir::new();
    let f = w.write("legal.xml", STATUTES);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    w.import_reading(
        "reports.csv",
        "title,year,type,genre\nA WHO report,2019,report,Technical report\nAn act in a hearing,2019,report,Hearing\n",
    );
    // As an older canon stored them, and a database from before 0042.
    let v = w.count("PRAGMA user_version");
    sql(&w, &w.db(), &format!("UPDATE reading SET type = 'report'; PRAGMA user_version = {};", v - 1));
    let mut want = legal("other");
    want.insert(0, ("A WHO report".into(), "report".into(), json!("Technical report")));
    want.insert(1, ("An act in a hearing".into(), "other".into(), json!("Hearing")));
    assert_eq!(types(&w, &w.db()), want);
    assert_eq!(w.count("PRAGMA user_version"), v);
}

#[test]
fn f3_reimport_and_merge_take_other_over_a_stored_report() {
    let w = Workdir::new();
    let f = w.write("legal.xml", STATUTES);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    // An older canon's records (no migration: stored so at this version).
    sql(&w, &w.db(), "UPDATE reading SET type = 'report'");
    // A merge with a copy that holds them as `other`: theirs taken, and undone.
    let err = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(err.contains("3 updated"), "{err}");
    assert_eq!(types(&w, &w.db()), legal("other"));
    w.ok(&["undo", &change_of(&err), "--by", "amina"]);
    assert_eq!(types(&w, &w.db()), legal("report"));
    // A re-import of the same records: `other`, said, and undone.
    let w2 = Workdir::new();
    w2.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    sql(&w2, &w2.db(), "UPDATE reading SET type = 'report'");
    let err = w2.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
    assert!(err.contains("the file's value replaces the stored one: type \"other\" (was \"report\")"), "{err}");
    assert!(err.contains("readings: 0 new, 3 changed, 0 unchanged"), "{err}");
    assert_eq!(types(&w2, &w2.db()), legal("other"));
    w2.ok(&["undo", &change_of(&err), "--by", "amina"]);
    assert_eq!(types(&w2, &w2.db()), legal("report"));
    sql(&w, &w.db(), "UPDATE reading SET type = 'other'");
    // The other way round: their old `report` never replaces our `other`.
    sql(&w, &b, "UPDATE reading SET type = 'report'");
    let out = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    assert!(
        out.contains(
            "Health Service Act 1970: type \"\"other\"\" (theirs \"\"report\"\": legal material, which canon stores \
             as type other with its genre; theirs is an older canon's)"
        ),
        "{out}"
    );
    assert_eq!(types(&w, &w.db()), legal("other"));
    // A list stating "report" for a stored statute keeps `other`, said (by
    // the import itself since the lead's rule: a report whose genre is legal
    // material is read as type other, new or stored alike).
    let err = w.import_reading("stated.csv", "title,year,type,genre\nHealth Service Act 1970,1970,report,Statute\n");
    assert!(err.contains("type report with genre \"Statute\" stored as type other"), "{err}");
    assert!(err.contains("0 changed, 1 unchanged"), "{err}");
    assert_eq!(types(&w, &w.db()), legal("other"));
}

// ---------------------------------------------------------------------------
// F4: a merge's genre

const THESIS: &str = "title,authors,year,type,genre,publisher\n";

fn thesis(genre: &str) -> String {
    format!("{THESIS}Skin colour in hospital,\"Okafor, Ada\",2019,thesis,{genre},University of Lagos\n")
}

fn genre_after_merge(ours: &str, theirs: &str) -> (serde_json::Value, String) {
    let w = Workdir::new();
    w.import_reading("ours.csv", &thesis(ours));
    let b = db_with(&w, "theirs", &thesis(theirs));
    let out = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    (reading(&w.reading_list(), "Skin colour")["genre"].clone(), out)
}

#[test]
fn f4_merge_keeps_a_stated_genre_against_a_types_default() {
    // Ours stated, theirs only the type's default: ours kept, said.
    let (g, out) = genre_after_merge("Doktora tezi", "PhD thesis");
    assert_eq!(g, json!("Doktora tezi"));
    assert!(
        out.contains(
            "genre \"\"Doktora tezi\"\" (theirs \"\"PhD thesis\"\": theirs is only what an entry type implies, a \
             default; ours is stated)"
        ),
        "{out}"
    );
    // Ours the default, theirs stated: theirs taken.
    assert_eq!(genre_after_merge("PhD thesis", "Doktora tezi").0, json!("Doktora tezi"));
    // Ours empty: theirs, default or not, is never lost.
    assert_eq!(genre_after_merge("", "PhD thesis").0, json!("PhD thesis"));
    assert_eq!(genre_after_merge("", "Doktora tezi").0, json!("Doktora tezi"));
    // Theirs empty: ours stays.
    assert_eq!(genre_after_merge("PhD thesis", "").0, json!("PhD thesis"));
    assert_eq!(genre_after_merge("Doktora tezi", "").0, json!("Doktora tezi"));
    // Both a default: no rule says which; ours stays until resolved, theirs in the conflict.
    let w = Workdir::new();
    w.import_reading("ours.csv", &thesis("PhD thesis"));
    let b = db_with(&w, "theirs", &thesis("Master's thesis"));
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Skin colour")["genre"], json!("PhD thesis"));
    let open = w.json(&["resolve", "--format", "json"]);
    assert_eq!(open[0]["theirs"]["genre"], json!("Master's thesis"));
}

#[test]
fn f4_merge_genre_where_one_copy_changed_it() {
    // A copy: we state the genre by hand, they import a BibTeX @phdthesis (its default).
    let w = Workdir::new();
    w.import_reading("base.csv", &thesis(""));
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    let id = only_id(&w);
    w.ok(&["reading", "edit", &id, "--genre", "Doktora tezi", "--by", "amina"]);
    let bib = w.write(
        "t.bib",
        "@phdthesis{ok19, title={Skin colour in hospital}, author={Okafor, Ada}, year={2019}, school={University of Lagos}}\n",
    );
    w.ok_at(&b, &["import", "reading", bib.to_str().unwrap(), "-q"]);
    assert_eq!(
        reading(&serde_json::from_str(&w.ok_at(&b, &["reading", "list", "--format", "json"])).unwrap(), "Skin")["genre"],
        json!("PhD thesis")
    );
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Skin colour")["genre"], json!("Doktora tezi"));
    // The other way round: their stated genre is taken over our default.
    w.ok_at(&b, &["merge", w.db().to_str().unwrap(), "--by", "kofi"]);
    let theirs: serde_json::Value =
        serde_json::from_str(&w.ok_at(&b, &["reading", "list", "--format", "json"])).unwrap();
    assert_eq!(reading(&theirs, "Skin colour")["genre"], json!("Doktora tezi"));
}

// ---------------------------------------------------------------------------
// F5: notes

const ZOTERO: &str = "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Notes\"\n\
    \"AB12\",\"journalArticle\",\"2020\",\"Roberts, Dorothy\",\"Fatal invention\",\"Journal X\",\"Read for week 2\"\n\
    \"AB13\",\"journalArticle\",\"2021\",\"Roberts, Dorothy\",\"Killing the black body\",\"Journal X\",\"\"\n";

#[test]
fn f5_zotero_notes_are_named_or_read_never_lost() {
    let w = Workdir::new();
    let err = w.import_reading("zotero.csv", ZOTERO);
    assert!(
        err.contains(
            "zotero.csv: column 7 \"Notes\" is not read: Zotero's notes on the item; to read them as the \
             annotation, add --map 'Notes=annotation'; 1 row holds text there"
        ),
        "{err}"
    );
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], json!(null));
    let w = Workdir::new();
    let f = w.write("zotero.csv", ZOTERO);
    let err = w.ok_stderr(&["import", "reading", f.to_str().unwrap(), "--map", "Notes=annotation"]);
    assert!(!err.contains("\"Notes\" is not read"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], json!("Read for week 2"));
    assert_eq!(reading(&w.reading_list(), "Killing")["annotation"], json!(null));
}

const NOTED: &str = "title,authors,year,type,container,note\n";

fn noted(note: &str) -> String {
    format!("{NOTED}Fatal invention,\"Roberts, Dorothy\",2020,article,Journal X,{note}\n")
}

#[test]
fn f5_a_merge_of_two_lists_notes_keeps_both() {
    let w = Workdir::new();
    w.import_reading("ours.csv", &noted("Read for week 2"));
    let b = db_with(&w, "theirs", &noted("Key text on race"));
    let out = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    assert!(
        out.contains(
            "Fatal invention: annotation — each copy has its own note: both kept, ours first, as an import keeps \
             another list's note (`canon reading edit --note` to keep one)"
        ),
        "{out}"
    );
    let note = json!("Read for week 2\n\nKey text on race");
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], note);
    let id = only_id(&w);
    let show = w.ok(&["reading", "show", &id, "--format", "json"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&show).unwrap()["annotation"], note);
    assert_eq!(w.count("SELECT count(*) FROM conflict"), 0);
    // Merged again: nothing more.
    let err = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(err.contains("0 updated"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], note);
    // A note that holds the other is the fuller: kept whole, once.
    let w = Workdir::new();
    w.import_reading("ours.csv", &noted("Read for week 2"));
    let b = db_with(&w, "theirs", &noted("Read for week 2 and week 3"));
    let err = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], json!("Read for week 2 and week 3"));
    // Undone: ours as it was.
    w.ok(&["undo", &change_of(&err), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], json!("Read for week 2"));
    // Ours holds theirs: ours stays.
    let w = Workdir::new();
    w.import_reading("ours.csv", &noted("Read for week 2 and week 3"));
    let b = db_with(&w, "theirs", &noted("Read for week 2"));
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Fatal")["annotation"], json!("Read for week 2 and week 3"));
}
