//! A book's other ISBNs (schema 0037, `reading_other_isbn`): shown, exported
//! and read back, carried by a merge, a bundle and the undo of a removal;
//! read from a CSV cell of several ISBNs and from Talis's ISBN columns.
//!
//! ISBNs used (all valid unless said): A 9780802142009 (ISBN-10
//! 0802142001), B 9780802142016 (080214201X), C 9780198500018
//! (0198500017), D 9780802143006 (0802143008), E 9780415047005
//! (0415047005), F 9780415047012 (0415047013); 0802143001 is D's ISBN-10
//! with a wrong check digit.

mod common;
use common::*;

use serde_json::json;

const HEADER: &str = "title,authors,year,type,isbn\n";

/// The reading titled `title`'s (isbn, other_isbns) in `reading list --format json`.
fn isbns(w: &Workdir, title: &str) -> (serde_json::Value, serde_json::Value) {
    let list = w.reading_list();
    let r = reading(&list, title);
    (r["isbn"].clone(), r["other_isbns"].clone())
}

fn id_of(w: &Workdir, title: &str) -> String {
    reading(&w.reading_list(), title)["id"].as_i64().expect("an id").to_string()
}

#[test]
fn a_csv_cell_of_two_isbns_is_read_not_refused() {
    let w = Workdir::new();
    let err = w.import_reading(
        "r.csv",
        &format!(
            "{HEADER}\
             Semicolon,\"Smith, Jane\",2001,book,978-0-8021-4200-9; 0-8021-4201-X\n\
             Qualified,\"Roe, Ann\",2002,book,\"9780198500018 (pbk.), 9780802143006 (cloth)\"\n\
             One bad,\"Doe, Jo\",2003,book,\"9780415047012 (pbk.), 0802143001 (cloth)\"\n\
             Both forms,\"Poe, Al\",2004,book,9780415047005; 0415047005\n"
        ),
    );
    assert!(err.contains(
        "r.csv:2:5: warning: the ISBN field \"978-0-8021-4200-9; 0-8021-4201-X\": the ISBN 9780802142009 is kept; \
         \"0-8021-4201-X\" is another valid ISBN of the same book, kept to find the book by (canon prints one ISBN)"
    ));
    assert!(err.contains(
        "r.csv:3:5: warning: the ISBN field \"9780198500018 (pbk.), 9780802143006 (cloth)\": the ISBN 9780198500018 \
         is kept; \"9780802143006\" is another valid ISBN of the same book, kept to find the book by (canon prints \
         one ISBN)"
    ));
    // The invalid one is said and not stored.
    assert!(err.contains(
        "r.csv:4:5: warning: the ISBN field \"9780415047012 (pbk.), 0802143001 (cloth)\": the ISBN 9780415047012 is \
         kept; \"0802143001\" not stored (not a valid ISBN: an ISSN, a report number or a bad check digit)"
    ));
    assert!(err.contains("readings: 4 new, 0 changed"), "{err}");
    assert_eq!(isbns(&w, "Semicolon"), (json!("9780802142009"), json!(["9780802142016"])));
    assert_eq!(isbns(&w, "Qualified"), (json!("9780198500018"), json!(["9780802143006"])));
    assert_eq!(isbns(&w, "One bad"), (json!("9780415047012"), json!([])));
    // One ISBN in both its forms is one ISBN, not two.
    assert_eq!(isbns(&w, "Both forms"), (json!("9780415047005"), json!([])));
    assert_eq!(w.count("SELECT count(*) FROM reading_other_isbn"), 2);
    // A later record under the other ISBN (in its ISBN-10 form) is the same book.
    let err = w.import_reading("later.csv", &format!("{HEADER}Semicolon,\"Smith, Jane\",2001,book,080214201X\n"));
    assert!(err.contains("readings: 0 new"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 4);
}

#[test]
fn other_isbns_are_shown_listed_and_exported_and_an_export_reads_back_the_same() {
    let w = Workdir::new();
    w.import_reading(
        "r.csv",
        &format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 9780802142016; 0198500017\n"),
    );
    let id = id_of(&w, "Grove");
    let show = w.ok(&["reading", "show", &id]);
    let lines: Vec<&str> = show.lines().filter(|l| l.contains("isbn")).collect();
    assert_eq!(lines, ["isbn         9780802142009", "other isbns  9780198500018; 9780802142016"], "{show}");
    assert_eq!(isbns(&w, "Grove"), (json!("9780802142009"), json!(["9780198500018", "9780802142016"])));
    let show_json = w.json(&["reading", "show", &id, "--format", "json"]);
    assert_eq!(show_json["other_isbns"], json!(["9780198500018", "9780802142016"]));

    // The export writes them; a fresh database reading the export has the same.
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "other_isbns").expect("an other_isbns column");
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[at], "9780198500018; 9780802142016");
    let file = w.write("export.csv", &csv);
    let fresh = w.path("fresh.db");
    stderr_at(&w, &fresh, &["import", "reading", file.to_str().unwrap()]);
    let list = json_at(&w, &fresh, &["reading", "list", "--format", "json"]);
    let r = reading(&list, "Grove");
    assert_eq!((&r["isbn"], &r["other_isbns"]), (&json!("9780802142009"), &json!(["9780198500018", "9780802142016"])));

    // The report's readings table writes them as the export does.
    w.ok(&["report", "out/", "--format", "csv"]);
    let text = std::fs::read_to_string(w.path("out/readings.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "other_isbns").expect("an other_isbns column in the report");
    assert_eq!(&rows.records().next().unwrap().unwrap()[at], "9780198500018; 9780802142016");

    // The web workspace's page of the reading lists them as `reading show` does.
    let s = common::web::Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let page = c.page(&format!("/readings/{id}"));
    assert!(page.contains("Other ISBNs") && page.contains("9780198500018; 9780802142016"), "{page}");
}

#[test]
fn an_other_isbns_cell_is_read_and_what_is_no_isbn_in_it_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "r.csv",
        "title,authors,year,type,isbn,other_isbns\n\
         Kept,\"Smith, Jane\",2001,book,9780802142009,9780802142016; 0802143001\n\
         Alone,\"Roe, Ann\",2002,book,,0198500017; 9780802143006\n",
    );
    assert!(err.contains(
        "r.csv:2:6: warning: other_isbns \"9780802142016; 0802143001\": \"0802143001\" not stored (not a valid ISBN-10 \
         or ISBN-13)"
    ), "{err}");
    assert_eq!(isbns(&w, "Kept"), (json!("9780802142009"), json!(["9780802142016"])));
    // With no ISBN of its own, the first other ISBN is the book's, said.
    assert!(err.contains(
        "r.csv:3: warning: no ISBN beside the other ISBNs 9780198500018; 9780802143006: 9780198500018 is read as the \
         book's ISBN"
    ), "{err}");
    assert_eq!(isbns(&w, "Alone"), (json!("9780198500018"), json!(["9780802143006"])));
}

#[test]
fn removing_a_reading_and_undoing_it_brings_its_other_isbns_back() {
    let w = Workdir::new();
    w.import_reading("r.csv", &format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 9780802142016\n"));
    let id = id_of(&w, "Grove");
    let said = w.ok_stderr(&["reading", "remove", &id, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading_other_isbn"), 0, "{said}");
    let change = said.split("`canon undo ").nth(1).and_then(|s| s.split('`').next()).expect("an undo number");
    w.ok_stderr(&["undo", change, "--by", "amina"]);
    assert_eq!(isbns(&w, "Grove"), (json!("9780802142009"), json!(["9780802142016"])));
    // Removed again and brought back again: no row twice.
    let said = w.ok_stderr(&["reading", "remove", &id, "--by", "amina"]);
    let change = said.split("`canon undo ").nth(1).and_then(|s| s.split('`').next()).expect("an undo number");
    w.ok_stderr(&["undo", change, "--by", "amina"]);
    assert_eq!(isbns(&w, "Grove"), (json!("9780802142009"), json!(["9780802142016"])));
}

#[test]
fn a_merge_and_a_bundle_carry_other_isbns() {
    let w = Workdir::new();
    w.import_reading(
        "r.csv",
        &format!(
            "{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 9780802142016\n\
             Oxford,\"Roe, Ann\",2002,book,9780198500018; 9780802143006\n"
        ),
    );
    // Another copy holds Grove under its first ISBN only, and another ISBN of it.
    let other = w.path("other.db");
    let f = w.write("o.csv", format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 0802143008\n"));
    stderr_at(&w, &other, &["import", "reading", f.to_str().unwrap()]);
    let said = stderr_at(&w, &other, &["merge", w.db().to_str().unwrap(), "--by", "amina"]);
    let list = json_at(&w, &other, &["reading", "list", "--format", "json"]);
    // Both copies' other ISBNs: never a conflict, never poorer.
    assert_eq!(reading(&list, "Grove")["other_isbns"], json!(["9780802142016", "9780802143006"]), "{said}");
    assert!(said.contains("0 conflicts"), "{said}");
    // A reading new to it comes with its other ISBNs.
    assert_eq!(reading(&list, "Oxford")["other_isbns"], json!(["9780802143006"]));

    // A bundle, and a database rebuilt from it.
    w.ok(&["export", "bundle", "bun"]);
    let text = std::fs::read_to_string(w.path("bun/reading.jsonl")).unwrap();
    assert!(text.contains("\"other_isbns\":[\"9780802142016\"]"), "{text}");
    let rebuilt = w.path("rebuilt.db");
    stderr_at(&w, &rebuilt, &["import", "bundle", w.path("bun").to_str().unwrap()]);
    let list = json_at(&w, &rebuilt, &["reading", "list", "--format", "json"]);
    assert_eq!(reading(&list, "Grove")["other_isbns"], json!(["9780802142016"]));
    assert_eq!(reading(&list, "Oxford")["other_isbns"], json!(["9780802143006"]));
}

#[test]
fn a_bundle_with_an_other_isbn_that_is_no_isbn_is_refused_naming_it() {
    let w = Workdir::new();
    w.import_reading("r.csv", &format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 9780802142016\n"));
    w.ok(&["export", "bundle", "bun"]);
    let p = w.path("bun/reading.jsonl");
    let text = std::fs::read_to_string(&p).unwrap().replace("\"9780802142016\"", "\"0802143001\"");
    std::fs::write(&p, text).unwrap();
    let err = fails_at(&w, &w.path("rebuilt.db"), &["import", "bundle", w.path("bun").to_str().unwrap()]);
    assert!(err.contains("field \"other_isbns\" holds text \"0802143001\"; expected an ISBN-10 or ISBN-13"), "{err}");
}

const TALIS: &str = "Item Link,Title,Authors,Date,Resource Type,Journal Title,Publisher,DOI,ISBN13,ISBN10,\
                     Online Resource Web Address,Importance,Student Note,Section\n";

#[test]
fn talis_isbn13_and_isbn10_of_one_book_are_one_isbn_and_of_two_books_are_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "talis.csv",
        &format!(
            "{TALIS}\
             http://x/1,Same book,\"Smith, Jane\",2001,Book,,Grove,,9780802143006,0802143008,,,,\n\
             http://x/2,Two books,\"Roe, Ann\",2002,Book,,OUP,,9780198500018,080214201X,,,,\n\
             http://x/3,Two in one cell,\"Doe, Jo\",2003,Book,,Grove,,9780802142009; 9780802142016,080214201X,,,,\n"
        ),
    );
    // The same book's ISBN-10 is its ISBN-13 in another form: nothing said, nothing dropped.
    assert!(!err.contains("talis.csv:2:"), "{err}");
    assert_eq!(isbns(&w, "Same book"), (json!("9780802143006"), json!([])));
    // Another book's is said.
    assert!(err.contains(
        "talis.csv:3:10: warning: column \"ISBN10\": ISBN 080214201X is another book's than the ISBN 9780198500018, \
         so not stored; the ISBN 9780198500018 (column \"ISBN13\") is stored; expected one book's ISBN-13 and ISBN-10"
    ), "{err}");
    assert_eq!(isbns(&w, "Two books"), (json!("9780198500018"), json!([])));
    // An ISBN-10 of one of the ISBN-13 cell's ISBNs is the same book's.
    assert!(!err.contains("talis.csv:4:10"), "{err}");
    assert_eq!(isbns(&w, "Two in one cell"), (json!("9780802142009"), json!(["9780802142016"])));
    // Both forms find the book: a later list giving only the ISBN-10 is the same entry.
    let err = w.import_reading("later.csv", &format!("{HEADER}Same book,\"Smith, Jane\",2001,book,0802143008\n"));
    assert!(err.contains("readings: 0 new"), "{err}");
}

/// (Talis's ISBN columns rank "eISBN" before "Print ISBN", so the e-book's
/// ISBN is the one printed; both find the book.)
#[test]
fn a_talis_print_and_e_book_isbn_are_both_kept() {
    let w = Workdir::new();
    let err = w.import_reading(
        "talis.csv",
        "Item Link,Title,Authors,Date,Resource Type,Publisher,Print ISBN,eISBN\n\
         http://x/1,Print and e-book,\"Smith, Jane\",2001,Book,Grove,9780802142009,9780802142016\n",
    );
    assert!(err.contains(
        "talis.csv:2:7: warning: column \"Print ISBN\": ISBN 9780802142009 is the same work's in another format: kept \
         to find the book by beside the ISBN 9780802142016 (column \"eISBN\"), which is printed"
    ), "{err}");
    assert_eq!(isbns(&w, "Print and e-book"), (json!("9780802142016"), json!(["9780802142009"])));
}

#[test]
fn an_other_isbn_that_is_another_entrys_is_said_not_kept() {
    let w = Workdir::new();
    w.import_reading(
        "r.csv",
        &format!(
            "{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009\nOxford,\"Roe, Ann\",2002,book,9780198500018\n"
        ),
    );
    let oxford = reading(&w.reading_list(), "Oxford")["id"].as_i64().unwrap();
    let err =
        w.import_reading("again.csv", &format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 0198500017\n"));
    let want = format!(
        "again.csv:2: the other ISBN 9780198500018 is entry R{oxford} \"Oxford\"'s, so not kept beside this \
         record's ISBN 9780802142009"
    );
    assert!(err.contains(&want) && err.contains("warning: "), "{err}");
    assert_eq!(isbns(&w, "Grove"), (json!("9780802142009"), json!([])));
    assert_eq!(isbns(&w, "Oxford"), (json!("9780198500018"), json!([])));
}

#[test]
fn a_record_refused_for_another_works_isbn_names_the_isbn_it_gave() {
    let w = Workdir::new();
    w.import_reading("r.csv", &format!("{HEADER}Grove,\"Smith, Jane\",2001,book,9780802142009; 9780802142016\n"));
    let grove = id_of(&w, "Grove");
    // Its own ISBN is Grove's other ISBN: the message names the ISBN the row gave, not Grove's stored one.
    // (Issue 12, r86: another ISBN of a book is weaker evidence than its own ISBN, so the record
    // is its own entry, said, where it refused the file before.)
    let err = w.import_reading("b.csv", &format!("{HEADER}Another Title,\"Doe, Jo\",2003,book,080214201X\n"));
    assert!(
        err.contains(&format!(
            "b.csv:2: \"Another Title\" (2003): ISBN 080214201X is another ISBN of entry R{grove} \"Grove\" (Smith, \
             2001), and this record is \"Another Title\" (Doe, 2003)"
        )),
        "{err}"
    );
    assert!(err.contains("readings: 1 new"), "{err}");
}
