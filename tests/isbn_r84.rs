//! A book's other ISBNs (schema 0037) as part of the record (tester r84):
//! another list's ISBN of a stored book never replaces its ISBN but is
//! kept beside it (F1); adding one is a change, in the history and undone
//! (F2); `reading edit --isbn` to one of them keeps the former ISBN among
//! them, and undo restores them (F3); they can be corrected, by canon's own
//! export and `reading edit --other-isbns` (F4); Talis's ISBN-10 of another
//! binding is kept (F5); `merge` names them (F12).
//!
//! ISBNs (all valid): P 9780802141323 (ISBN-10 0802141323, paperback),
//! C 9780802150837 (0802150837, cloth), E 9781315770017 (e-book),
//! A 9780802142009, B 9780802142016.

mod common;
use common::*;

use serde_json::json;

const HEADER: &str = "title,authors,year,type,isbn,publisher,place\n";
const P: &str = "9780802141323";
const C: &str = "9780802150837";
const E: &str = "9781315770017";

fn row(year: i64, isbn: &str) -> String {
    format!("{HEADER}The wretched of the earth,\"Fanon, Frantz\",{year},book,{isbn},Grove Press,New York\n")
}

/// The only reading's (isbn, other_isbns).
fn isbns(w: &Workdir) -> (serde_json::Value, serde_json::Value) {
    let list = w.reading_list();
    let r = reading(&list, "The wretched");
    (r["isbn"].clone(), r["other_isbns"].clone())
}

fn id(w: &Workdir) -> String {
    reading(&w.reading_list(), "The wretched")["id"].as_i64().expect("an id").to_string()
}

fn rid(w: &Workdir) -> String {
    format!("R{}", id(w))
}

/// The `before` and `after` of history entry `n`.
fn change(w: &Workdir, n: i64) -> (serde_json::Value, serde_json::Value) {
    let log = w.json(&["log", "--format", "json"]);
    let e = log.as_array().unwrap().iter().find(|e| e["id"] == n).unwrap_or_else(|| panic!("no #{n}: {log}")).clone();
    (e["before"].clone(), e["after"].clone())
}

#[test]
fn f1_another_lists_isbn_of_the_book_is_kept_beside_the_stored_one() {
    let w = Workdir::new();
    w.import_reading("isbn2.csv", &row(2004, C));
    w.import_reading("isbn.csv", &row(2004, &format!("{P} (pbk.); {C} (cloth)")));
    // Found through the paperback's ISBN-10 alone: the paperback's year is
    // that binding's and never replaces the stored one (tester r87 F1).
    let err = w.import_reading("isbn10.csv", &row(2005, "0802141323"));
    assert!(err.contains("the file's date 2005 is that of the book's other binding"), "{err}");
    assert_eq!(reading(&w.reading_list(), "The wretched")["year"], json!(2004));
    assert_eq!(isbns(&w), (json!(C), json!([P])));
    let err = w.import_reading("isbn-e.csv", &row(2004, E));
    assert!(
        err.contains(&format!(
            "isbn-e.csv:2: entry {} (same title and year): isbn: kept \"{C}\"; the file's ISBN {E} is another \
             ISBN of the book, kept beside it to find the book by\n",
            rid(&w)
        )),
        "{err}"
    );
    assert!(!err.contains("replaces the stored"), "{err}");
    assert!(err.contains("readings: 0 new, 1 changed, 0 unchanged"), "{err}");
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
    // A later list with the cloth ISBN alone still finds the book.
    let err = w.import_reading("cloth.csv", &row(2004, "0802150837"));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
}

#[test]
fn f1_the_list_that_set_the_isbn_corrected_replaces_it() {
    let w = Workdir::new();
    w.import_reading("list.csv", &row(2004, C));
    let err = w.import_reading("list.csv", &row(2004, E));
    assert!(
        err.contains(&format!(
            "list.csv:2: entry {} (same title and year): the file's value replaces the stored one: isbn \"{E}\" (was \
             \"{C}\") (`canon undo` restores it)",
            rid(&w)
        )),
        "{err}"
    );
    assert_eq!(isbns(&w), (json!(E), json!([])));
    // Another list's ISBN then is kept beside it.
    w.import_reading("other.csv", &row(2004, P));
    assert_eq!(isbns(&w), (json!(E), json!([P])));
}

#[test]
fn f1_the_same_from_ris_bibtex_and_csl_json() {
    let ris = format!(
        "TY  - BOOK\nTI  - The wretched of the earth\nAU  - Fanon, Frantz\nPY  - 2004\nPB  - Grove Press\nSN  - {E}\nER  - \n"
    );
    let bib = format!(
        "@book{{fanon, author={{Fanon, Frantz}}, title={{The wretched of the earth}}, year={{2004}}, \
         publisher={{Grove Press}}, isbn={{{E}}}}}\n"
    );
    let csl = format!(
        "[{{\"id\":\"f\",\"type\":\"book\",\"title\":\"The wretched of the earth\",\"author\":[{{\"family\":\"Fanon\",\
         \"given\":\"Frantz\"}}],\"issued\":{{\"date-parts\":[[2004]]}},\"publisher\":\"Grove Press\",\"ISBN\":\"{E}\"}}]"
    );
    for (name, text) in [("e.ris", ris), ("e.bib", bib), ("e.json", csl)] {
        let w = Workdir::new();
        w.import_reading("isbn.csv", &row(2004, &format!("{P}; {C}")));
        let err = w.import_reading(name, &text);
        assert!(err.contains("readings: 0 new, 1 changed"), "{name}: {err}");
        assert!(
            err.contains(&format!("isbn: kept \"{P}\"; the file's ISBN {E} is another ISBN of the book")),
            "{name}: {err}"
        );
        assert_eq!(isbns(&w), (json!(P), json!([C, E])), "{name}");
    }
}

#[test]
fn f2_an_added_other_isbn_is_a_change_in_the_history_and_undone() {
    let w = Workdir::new();
    w.import_reading("isbn2.csv", &row(2004, C));
    let err = w.import_reading("isbn.csv", &row(2004, &format!("{P} (pbk.); {C} (cloth)")));
    assert!(
        err.contains(
            "isbn.csv: readings: 0 new, 1 changed, 0 unchanged, 0 duplicate, 0 rejected (change #4; `canon undo 4` \
             reverts the import)"
        ),
        "{err}"
    );
    let (before, after) = change(&w, 3);
    assert_eq!((before.get("other_isbns"), &after["other_isbns"]), (None, &json!([P])));
    assert_eq!(isbns(&w), (json!(C), json!([P])));
    // The same file again changes nothing.
    let err = w.import_reading("again.csv", &row(2004, &format!("{P} (pbk.); {C} (cloth)")));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    w.ok(&["undo", "4", "--by", "t"]);
    assert_eq!(isbns(&w), (json!(C), json!([])));
}

#[test]
fn f2_two_isbns_from_ris_bibtex_and_csl_json_added_to_a_stored_book_are_changes() {
    let ris = format!(
        "TY  - BOOK\nTI  - The wretched of the earth\nAU  - Fanon, Frantz\nPY  - 2004\nPB  - Grove Press\n\
         SN  - {C}\nSN  - {E}\nER  - \n"
    );
    let bib = format!(
        "@book{{fanon, author={{Fanon, Frantz}}, title={{The wretched of the earth}}, year={{2004}}, \
         publisher={{Grove Press}}, isbn={{978-0-8021-5083-7, {E}}}}}\n"
    );
    let csl = format!(
        "[{{\"id\":\"f\",\"type\":\"book\",\"title\":\"The wretched of the earth\",\"author\":[{{\"family\":\"Fanon\",\
         \"given\":\"Frantz\"}}],\"issued\":{{\"date-parts\":[[2004]]}},\"publisher\":\"Grove Press\",\
         \"ISBN\":\"{C}, {E}\"}}]"
    );
    for (name, text) in [("two.ris", ris), ("two.bib", bib), ("two.json", csl)] {
        let w = Workdir::new();
        w.import_reading("isbn2.csv", &row(2004, C));
        let err = w.import_reading(name, &text);
        assert!(err.contains("readings: 0 new, 1 changed, 0 unchanged"), "{name}: {err}");
        assert_eq!(isbns(&w), (json!(C), json!([E])), "{name}");
        let (before, after) = change(&w, 3);
        assert_eq!((before.get("other_isbns"), &after["other_isbns"]), (None, &json!([E])), "{name}");
        w.ok(&["undo", "4", "--by", "t"]);
        assert_eq!(isbns(&w), (json!(C), json!([])), "{name}");
    }
}

#[test]
fn f3_edit_isbn_to_an_other_isbn_swaps_them_and_undo_restores_the_record() {
    let w = Workdir::new();
    w.import_reading(
        "isbn.bib",
        "@book{fanon, author={Fanon, Frantz}, title={The wretched of the earth}, year={2004}, \
         publisher={Grove Press}, address={New York}, isbn={978-0-8021-4132-3, 978-0-8021-5083-7}}\n",
    );
    let id = id(&w);
    assert_eq!(isbns(&w), (json!(P), json!([C])));
    let out = w.ok_stderr(&["reading", "edit", &id, "--isbn", C, "--by", "t"]);
    assert!(
        out.contains(&format!(
            "changed reading \"The wretched of the earth\" (2004): isbn: \"{P}\" → \"{C}\"; other_isbns: +\"{P}\", \
             −\"{C}\" (change #4; `canon undo 4` reverts it)"
        )),
        "{out}"
    );
    assert_eq!(isbns(&w), (json!(C), json!([P])));
    w.ok(&["reading", "edit", &id, "--isbn", "", "--by", "t"]);
    assert_eq!(isbns(&w), (json!(null), json!([P])));
    w.ok(&["reading", "edit", &id, "--isbn", E, "--by", "t"]);
    assert_eq!(isbns(&w), (json!(E), json!([P])));
    for n in ["6", "5", "4"] {
        w.ok(&["undo", n, "--by", "t"]);
    }
    assert_eq!(isbns(&w), (json!(P), json!([C])));
    // A row of canon's export that makes an other ISBN the printed one,
    // without its other_isbns column, swaps them too.
    let csv = format!("id,title,isbn\n{},The wretched of the earth,{C}\n", rid(&w));
    let p = w.write("swap.csv", &csv);
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains("readings: 0 new, 1 changed"), "{err}");
    assert_eq!(isbns(&w), (json!(C), json!([P])));
}

#[test]
fn f4_an_emptied_other_isbns_cell_of_the_export_clears_them_as_an_emptied_editors_cell_does() {
    let w = Workdir::new();
    w.import_reading("isbn.csv", &row(2004, &format!("{P}; {C}")));
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    // (Schema 0039's archive and archive location, 0040's event, its place
    // and date, and 0041's PMCID and e-print come after, empty here.)
    assert!(csv.lines().nth(1).unwrap().ends_with(&format!(",{C},,,,,,,")), "{csv}");
    // Unchanged, the export changes nothing.
    let err = w.import_reading("same.csv", &csv);
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    let emptied = csv.replace(&format!(",{C},,,,,,,\n"), ",,,,,,,,\n");
    let p = w.write("ie.csv", &emptied);
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains("readings: 0 new, 1 changed"), "{err}");
    assert_eq!(isbns(&w), (json!(P), json!([])));
    let (before, after) = change(&w, 4);
    assert_eq!((before["other_isbns"].clone(), after.get("other_isbns").cloned()), (json!([C]), None));
    w.ok(&["undo", "5", "--by", "t"]);
    assert_eq!(isbns(&w), (json!(P), json!([C])));
    // Another list's empty cell (no id column) erases nothing.
    let err = w.import_reading(
        "other.csv",
        &format!(
            "{}other_isbns\nThe wretched of the earth,\"Fanon, Frantz\",2004,book,{P},Grove Press,New York,\n",
            HEADER.trim_end().to_string() + ","
        ),
    );
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    assert_eq!(isbns(&w), (json!(P), json!([C])));
}

#[test]
fn f4_reading_edit_other_isbns_sets_clears_and_refuses_what_is_no_other_isbn() {
    let w = Workdir::new();
    w.import_reading("isbn.csv", &row(2004, &format!("{P}; {C}")));
    w.import_reading("a.csv", &format!("{HEADER}Another book,\"Roe, Ann\",2001,book,9780802142009,,\n"));
    let id = id(&w);
    let out = w.ok_stderr(&["reading", "edit", &id, "--other-isbns", "0802150837; 978-1-315-77001-7", "--by", "t"]);
    assert!(out.contains(&format!("other_isbns: +\"{E}\"")), "{out}");
    assert_eq!(isbns(&w), (json!(P), json!([C, E])));
    let err = w.fails(&["reading", "edit", &id, "--other-isbns", "0802150838", "--by", "t"]);
    assert!(err.contains("canon: other ISBN \"0802150838\" is not a valid ISBN-10 or ISBN-13"), "{err}");
    let err = w.fails(&["reading", "edit", &id, "--other-isbns", "0802141323", "--by", "t"]);
    assert!(err.contains(&format!("canon: other ISBN {P} is the reading's own ISBN")), "{err}");
    let err = w.fails(&["reading", "edit", &id, "--other-isbns", "9780802142009", "--by", "t"]);
    assert!(err.contains("canon: other ISBN 9780802142009 already belongs to reading"), "{err}");
    assert_eq!(isbns(&w), (json!(P), json!([C, E])));
    let out = w.ok_stderr(&["reading", "edit", &id, "--other-isbns", "", "--by", "t"]);
    assert!(out.contains(&format!("other_isbns: −\"{C}\", −\"{E}\" (change #")), "{out}");
    assert_eq!(isbns(&w), (json!(P), json!([])));
    let n = out.split("`canon undo ").nth(1).unwrap().split('`').next().unwrap().to_string();
    w.ok(&["undo", &n, "--by", "t"]);
    assert_eq!(isbns(&w), (json!(P), json!([C, E])));
}

#[test]
fn f5_talis_isbn10_of_another_binding_is_kept_as_an_other_isbn() {
    let w = Workdir::new();
    let err = w.import_reading(
        "talis.csv",
        "Item Link,Type,Title,Authors,Publisher,Date,ISBN10,ISBN13\n\
         http://x/1,Book,The wretched of the earth,\"Fanon, Frantz\",Grove Press,2004,0802141323,9780802150837\n",
    );
    assert!(
        err.contains(
            "talis.csv:2:7: warning: column \"ISBN10\": ISBN 0802141323 is not the ISBN 9780802150837 (column \
             \"ISBN13\") in another form, and has its publisher's prefix: kept as another ISBN of the book (another binding's or format's) to find \
             the book by; the ISBN 9780802150837 is printed (if 0802141323 is another book's, `canon reading edit` \
             with --other-isbns takes it away)"
        ),
        "{err}"
    );
    assert_eq!(isbns(&w), (json!(C), json!([P])));
    // Another publisher's ISBN-10 is another book's: said, not stored, so
    // that the book it names, later in the file, is its own entry.
    let o = Workdir::new();
    let err = o.import_reading(
        "talis.csv",
        "Item Link,Type,Title,Authors,Publisher,Date,ISBN10,ISBN13\n\
         http://x/1,Book,Oxford book,\"Roe, Ann\",OUP,2002,080214201X,9780198500018\n\
         http://x/2,Book,Grove book,\"Doe, Jo\",Grove,2003,,9780802142016\n",
    );
    assert!(
        err.contains(
            "talis.csv:2:7: warning: column \"ISBN10\": ISBN 080214201X is another book's than the ISBN \
             9780198500018, so not stored"
        ),
        "{err}"
    );
    assert!(err.contains("readings: 2 new"), "{err}");
    assert_eq!(reading(&o.reading_list(), "Oxford book")["other_isbns"], json!([]));
    // The paperback's list finds it (and gives it its place).
    let err = w.import_reading("pbk.csv", &row(2004, P));
    assert!(err.contains("readings: 0 new, 1 changed, 0 unchanged"), "{err}");
    assert_eq!(isbns(&w), (json!(C), json!([P])));
}

#[test]
fn f12_merge_says_other_isbns_are_isbns() {
    let w = Workdir::new();
    w.import_reading("isbn2.csv", &row(2004, C));
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    w.import_reading("isbn.csv", &row(2004, &format!("{P}; {C}")));
    let ce = w.write("ce.csv", row(2004, &format!("{C}; {E}")));
    w.ok_at(&b, &["import", "reading", ce.to_str().unwrap()]);
    let out = w.ok(&["merge", b.to_str().unwrap(), "--by", "t"]);
    assert!(
        out.contains(&format!(
            "The wretched of the earth: other_isbns — both copies added other ISBNs of the book: all kept, \
             other_isbns \"{P}; {E}\""
        )),
        "{out}"
    );
    assert!(!out.contains("changed the names"), "{out}");
    assert_eq!(isbns(&w), (json!(C), json!([P, E])));
}
