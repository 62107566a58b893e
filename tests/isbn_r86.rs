//! A book's other ISBNs at the store's seams (issue 12, r86): `merge`
//! finds one book by either copy's other ISBNs and keeps all its ISBNs
//! (M); on import, a match by another ISBN is a fallback after the title
//! and year that never refuses the file (I); the web edit form has the
//! field (W); the history shows them as a list, not JSON (H).
//!
//! ISBNs (all valid): P 9780802141323 (ISBN-10 0802141323), C
//! 9780802150837, E 9781315770017, A 9780802142009, B 9780802142016.

mod common;
use common::web::*;
use common::*;

use serde_json::json;

const HEADER: &str = "title,authors,year,type,isbn,publisher,place\n";
const P: &str = "9780802141323";
const C: &str = "9780802150837";
const E: &str = "9781315770017";
const A: &str = "9780802142009";

fn row(title: &str, author: &str, year: i64, isbn: &str) -> String {
    format!("{HEADER}{title},\"{author}\",{year},book,{isbn},Grove Press,New York\n")
}

fn fanon(year: i64, isbn: &str) -> String {
    row("The wretched of the earth", "Fanon, Frantz", year, isbn)
}

/// Every reading as (title, year, isbn, other_isbns), in the list's order.
fn books_at(w: &Workdir, db: &std::path::Path) -> Vec<(String, i64, String, serde_json::Value)> {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["year"].as_i64().unwrap_or(0),
                r["isbn"].as_str().unwrap_or_default().to_string(),
                r["other_isbns"].clone(),
            )
        })
        .collect()
}

fn one(title: &str, year: i64, isbn: &str, others: serde_json::Value) -> Vec<(String, i64, String, serde_json::Value)> {
    vec![(title.to_string(), year, isbn.to_string(), others)]
}

/// Two databases made apart: `a.db` from `a`, `b.db` from `b`.
fn two(w: &Workdir, a: &str, b: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let (da, db) = (w.path("a.db"), w.path("b.db"));
    let fa = w.write("a.csv", a);
    let fb = w.write("b.csv", b);
    stderr_at(w, &da, &["import", "reading", fa.to_str().unwrap(), "--by", "t"]);
    stderr_at(w, &db, &["import", "reading", fb.to_str().unwrap(), "--by", "t"]);
    (da, db)
}

fn id_of(w: &Workdir) -> String {
    w.reading_list()[0]["id"].as_i64().unwrap().to_string()
}

// ---- M: merge ------------------------------------------------------------

#[test]
fn m1_merge_finds_the_book_by_their_other_isbn_and_keeps_every_isbn() {
    let w = Workdir::new();
    // Ours has C; theirs, another year's record, has E and lists C beside it.
    let (a, b) = two(&w, &fanon(2004, C), &fanon(2005, &format!("{E}; {C}")));
    let out = w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert!(
        out.contains(&format!(
            "The wretched of the earth: other_isbns — their ISBN {E} is another ISBN of the book: ours, \"{C}\", kept \
             as printed, theirs kept beside it among its other ISBNs"
        )),
        "{out}"
    );
    assert!(!out.contains("both sides changed isbn"), "{out}");
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, C, json!([E])));
}

#[test]
fn m2_merge_the_other_way_finds_our_other_isbn_and_loses_none() {
    let w = Workdir::new();
    let (a, b) = two(&w, &fanon(2004, C), &fanon(2005, &format!("{E}; {C}")));
    // Merged into the copy that holds C as another ISBN.
    let out = w.ok_at(&b, &["merge", a.to_str().unwrap(), "--by", "t"]);
    assert!(
        out.contains(&format!(
            "their ISBN {C} is among our other ISBNs of the book: one book, ours, \"{E}\", kept as printed"
        )),
        "{out}"
    );
    assert!(!out.contains("changed isbn"), "{out}");
    assert_eq!(books_at(&w, &b), one("The wretched of the earth", 2005, E, json!([C])));
}

#[test]
fn m3_merge_finds_one_book_by_an_other_isbn_both_copies_keep() {
    let w = Workdir::new();
    // Ours C (P beside it), theirs E (P beside it): P names one book.
    let (a, b) = two(&w, &fanon(2004, &format!("{C}; {P}")), &fanon(2005, &format!("{E}; {P}")));
    let out = w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert!(out.contains(&format!("their ISBN {E} is another ISBN of the book")), "{out}");
    assert!(!out.contains("changed isbn"), "{out}");
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, C, json!([P, E])));
    // Merged again: nothing new.
    let again = w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, C, json!([P, E])), "{again}");
}

#[test]
fn m4_merge_by_an_isbn_10_among_their_other_isbns() {
    let w = Workdir::new();
    // Ours holds the paperback's ISBN-10 as printed; theirs lists it as ISBN-13 beside E.
    let (a, b) = two(&w, &fanon(2004, "0802141323"), &fanon(2005, &format!("{E}; {P}")));
    w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, "0802141323", json!([E])));
}

#[test]
fn m5_a_merge_that_folded_their_isbn_is_undone_whole() {
    let w = Workdir::new();
    let (a, b) = two(&w, &fanon(2004, C), &fanon(2004, &format!("{E}; {C}")));
    let err = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains("0 conflicts"), "{err}");
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, C, json!([E])));
    let n = err.split("`canon undo ").nth(1).unwrap().split('`').next().unwrap().to_string();
    w.ok_at(&a, &["undo", &n, "--by", "t"]);
    assert_eq!(books_at(&w, &a), one("The wretched of the earth", 2004, C, json!([])));
}

#[test]
fn m6_other_books_with_unrelated_isbns_stay_two() {
    let w = Workdir::new();
    let (a, b) = two(
        &w,
        &row("Black skin white masks", "Fanon, Frantz", 2008, &format!("{A}; {P}")),
        &fanon(2004, &format!("{C}; {E}")),
    );
    w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    let got = books_at(&w, &a);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], ("Black skin white masks".to_string(), 2008, A.to_string(), json!([P])));
    assert_eq!(got[1], ("The wretched of the earth".to_string(), 2004, C.to_string(), json!([E])));
}

// ---- I: import -------------------------------------------------------------

#[test]
fn i1_another_work_under_a_stored_other_isbn_is_its_own_entry_not_a_refusal() {
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
    let id = id_of(&w);
    let err = w.import_reading("other.csv", &row("Black skin white masks", "Roe, Ann", 1999, E));
    assert!(
        err.contains(&format!(
            "other.csv:2: \"Black skin white masks\" (1999): ISBN {E} is another ISBN of entry R{id} \"The \
             wretched of the earth\" (Fanon, 2004), and this record is \"Black skin white masks\" (Roe, 1999): the \
             titles differ, so it is added as its own entry (if the ISBN is not that book's, `canon reading edit \
             R{id}` with --other-isbns takes it away)\n"
        )),
        "{err}"
    );
    assert!(err.contains("readings: 1 new, 0 changed"), "{err}");
    assert!(!err.contains("nothing imported"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Black skin")["isbn"], json!(E));
    assert_eq!(reading(&list, "The wretched")["other_isbns"], json!([E]));
}

#[test]
fn i2_a_records_other_isbn_that_is_a_stored_books_own_never_refuses_the_file() {
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, C));
    let id = id_of(&w);
    // The record's own ISBN is A; C, another book's, is given beside it.
    let err = w.import_reading("other.csv", &row("Black skin white masks", "Roe, Ann", 1999, &format!("{A}; {C}")));
    assert!(
        err.contains(&format!(
            "ISBN {C} is another ISBN of entry R{id} \"The wretched of the earth\" (Fanon, 2004), and this record is \
             \"Black skin white masks\" (Roe, 1999): the titles differ, so it is added as its own entry"
        )),
        "{err}"
    );
    assert!(err.contains("readings: 1 new, 0 changed"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Black skin")["isbn"], json!(A));
    assert_eq!(reading(&w.reading_list(), "The wretched")["isbn"], json!(C));
}

#[test]
fn i3_the_same_from_ris_bibtex_and_csl_json() {
    let ris = format!("TY  - BOOK\nTI  - Black skin white masks\nAU  - Roe, Ann\nPY  - 1999\nSN  - {E}\nER  - \n");
    let bib =
        format!("@book{{roe, author={{Roe, Ann}}, title={{Black skin white masks}}, year={{1999}}, isbn={{{E}}}}}\n");
    let csl = format!(
        "[{{\"id\":\"r\",\"type\":\"book\",\"title\":\"Black skin white masks\",\"author\":[{{\"family\":\"Roe\",\
         \"given\":\"Ann\"}}],\"issued\":{{\"date-parts\":[[1999]]}},\"ISBN\":\"{E}\"}}]"
    );
    for (name, text) in [("r.ris", ris), ("r.bib", bib), ("r.json", csl)] {
        let w = Workdir::new();
        w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
        let err = w.import_reading(name, &text);
        assert!(err.contains(&format!("ISBN {E} is another ISBN of entry R")), "{name}: {err}");
        assert!(err.contains("readings: 1 new, 0 changed"), "{name}: {err}");
        assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{name}");
    }
}

#[test]
fn i4_the_books_own_isbn_still_refuses_another_work() {
    // The strong key is unchanged: the file is refused, naming it.
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
    let p = w.write("other.csv", row("Black skin white masks", "Roe, Ann", 1999, C));
    let err = w.fails(&["import", "reading", p.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains(&format!("other.csv:2:5: ISBN {C} is already entry R")), "{err}");
    assert!(err.contains("nothing imported"), "{err}");
}

#[test]
fn i5_the_same_book_found_by_an_other_isbn_says_so() {
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
    let id = id_of(&w);
    let err = w.import_reading("e.csv", &fanon(2005, E));
    // The other binding's year never replaces the stored one: said, with the
    // edit that takes it (tester r87 F1; it was "the file's value replaces
    // the stored one: year 2005 (was 2004)", C's record with E's year).
    assert!(
        err.contains(&format!(
            "e.csv:2: entry R{id} (same ISBN, one of the book's other ISBNs): the file's date 2005 is that of the \
             book's other binding, as its publisher and edition are; the stored 2004 stays (if the file's is the one \
             to cite, `canon reading edit R{id} --year \"2005\"`)"
        )),
        "{err}"
    );
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    assert_eq!(books_at(&w, &w.db()), one("The wretched of the earth", 2004, C, json!([E])));
}

#[test]
fn i6_title_and_year_come_before_an_other_isbn() {
    let w = Workdir::new();
    // Two books; the second keeps E beside its own ISBN.
    w.import_reading("f.csv", &fanon(2004, C));
    w.import_reading("g.csv", &row("Black skin white masks", "Fanon, Frantz", 2008, &format!("{A}; {E}")));
    // A record of the first by title and year, giving E: the first book,
    // never the second by its other ISBN (which refused the file as two
    // works under one ISBN); E stays the second's, said.
    let err = w.import_reading("h.csv", &fanon(2004, E));
    assert!(!err.contains("nothing imported"), "{err}");
    assert!(err.contains("readings: 0 new"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "The wretched")["isbn"], json!(C));
    assert_eq!(reading(&list, "Black skin")["other_isbns"], json!([E]));
}

// ---- W: the web edit form ------------------------------------------------

/// The value of a form field `name` in a page.
fn field(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = html.find(&key).unwrap_or_else(|| panic!("no field {name}"));
    let rest = &html[at + key.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The text of textarea `name` in a page.
fn textarea(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" rows=\"4\">");
    let at = html.find(&key).unwrap_or_else(|| panic!("no textarea {name}"));
    let rest = &html[at + key.len()..];
    rest[..rest.find("</textarea>").unwrap()].to_string()
}

#[test]
fn w1_the_web_form_edits_other_isbns_through_the_history() {
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
    w.import_reading("a.csv", &row("Another book", "Roe, Ann", 2001, A));
    let id = reading(&w.reading_list(), "The wretched")["id"].as_i64().unwrap().to_string();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let page = format!("/readings/{id}/edit");
    let form = c.page(&page);
    assert!(
        form.contains(
            "<label for=\"e-other_isbns\">Other ISBNs of the book (e-book, other bindings), one per line</label>"
        ),
        "{form}"
    );
    assert_eq!(field(&form, "was_other_isbns"), E);
    assert_eq!(textarea(&form, "other_isbns"), E);

    // Two, one an ISBN-10 and one as a catalogue lists it.
    let r = c.post_form(
        &page,
        &[("csrf", &csrf(&form)), ("was_other_isbns", E), ("other_isbns", &format!("{E}\r\n0802141323"))],
    );
    let after = c.follow(&r);
    let said = flash(&after).unwrap_or_default();
    assert!(said.contains(&format!("other_isbns: +\"{P}\"")), "{said}");
    assert_eq!(reading(&w.reading_list(), "The wretched")["other_isbns"], json!([P, E]));
    let n = w.count(&format!("SELECT max(id) FROM history WHERE entity = 'reading' AND entity_id = {id}"));

    // Refused as `reading edit` refuses it: no ISBN, the book's own, another book's; nothing written.
    for (bad, says) in [
        ("0802141324", "other ISBN \"0802141324\" is not a valid ISBN-10 or ISBN-13".to_string()),
        (C, format!("other ISBN {C} is the reading's own ISBN")),
        (A, format!("other ISBN {A} already belongs to reading")),
    ] {
        let form = c.page(&page);
        let was = field(&form, "was_other_isbns");
        let r = c.post_form(&page, &[("csrf", &csrf(&form)), ("was_other_isbns", &was), ("other_isbns", bad)]);
        let said = flash(&c.follow(&r)).unwrap_or_default();
        assert!(said.contains(&says), "{bad}: {said}");
        assert_eq!(reading(&w.reading_list(), "The wretched")["other_isbns"], json!([P, E]), "{bad}");
    }

    // Text that is markup is shown as text, never as markup.
    let form = c.page(&page);
    let r = c.post_form(
        &page,
        &[("csrf", &csrf(&form)), ("was_other_isbns", &field(&form, "was_other_isbns")), ("other_isbns", "<b>x</b>")],
    );
    let back = c.follow(&r);
    assert!(!back.contains("<b>x</b>"), "{back}");
    assert!(back.contains("&lt;b&gt;x&lt;/b&gt;"), "{back}");

    // Emptied: cleared, in the history; undo brings them back.
    let form = c.page(&page);
    let r = c.post_form(
        &page,
        &[("csrf", &csrf(&form)), ("was_other_isbns", &field(&form, "was_other_isbns")), ("other_isbns", "")],
    );
    c.follow(&r);
    assert_eq!(reading(&w.reading_list(), "The wretched")["other_isbns"], json!([]));
    let history = c.page("/history");
    assert!(history.contains(&format!("other_isbns: {P}; {E} → (empty)")), "{history}");
    let last = w.count(&format!("SELECT max(id) FROM history WHERE entity = 'reading' AND entity_id = {id}"));
    assert!(last > n);
    w.ok(&["undo", &last.to_string(), "--by", "t"]);
    assert_eq!(reading(&w.reading_list(), "The wretched")["other_isbns"], json!([P, E]));
    w.ok(&["undo", &n.to_string(), "--by", "t"]);
    assert_eq!(reading(&w.reading_list(), "The wretched")["other_isbns"], json!([E]));
}

// ---- H: the history --------------------------------------------------------

#[test]
fn h1_log_shows_other_isbns_as_a_list() {
    let w = Workdir::new();
    w.import_reading("f.csv", &fanon(2004, &format!("{C}; {E}")));
    let id = id_of(&w);
    w.ok(&["reading", "edit", &id, "--other-isbns", &format!("{E}; 0802141323"), "--by", "t"]);
    w.ok(&["reading", "edit", &id, "--other-isbns", "", "--by", "t"]);
    let log = w.ok(&["log", "--id", &id]);
    assert!(log.contains(&format!("other_isbns: {E};")), "{log}");
    assert!(log.contains(&format!("other_isbns: {E} → {P}; {E}")), "{log}");
    assert!(log.contains(&format!("other_isbns: {P}; {E} → (empty)")), "{log}");
    assert!(!log.contains("[\""), "{log}");
    assert!(!log.contains(": []"), "{log}");
    // CSV: whole values, the same words.
    let csv = w.ok(&["log", "--id", &id, "--format", "csv"]);
    assert!(csv.contains(&format!("other_isbns: {E} → {P}; {E}")), "{csv}");
    // JSON keeps the record as stored.
    let log = w.json(&["log", "--id", &id, "--format", "json"]);
    let last = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "update" && e["after"].get("other_isbns").is_some())
        .unwrap();
    assert_eq!(last["after"]["other_isbns"], json!([P, E]));
}

#[test]
fn h2_log_shows_authors_as_written_as_a_list_too() {
    let w = Workdir::new();
    w.import_reading("f.csv", &row("Black skin white masks", "Fanon, Frantz; Roe, Ann", 2008, A));
    let log = w.ok(&["log", "--format", "csv"]);
    assert!(log.contains("authors: Fanon, Frantz; Roe, Ann;"), "{log}");
    assert!(log.contains("editor_names: (empty)"), "{log}");
}
