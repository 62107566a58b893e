//! Tester r87: a merge follows the import's date rules (F8, F13, F14), a
//! book found by its other binding's ISBN keeps its date (F1), one ISBN in
//! two forms is one ISBN (F11), and a merge's kept-ours line says one
//! reason (F12.4).

mod common;
use common::*;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const DATE: &[&str] = &["year", "month", "day", "season", "year_end", "month_end", "year_note", "volume", "pages"];

/// The date (and volume and pages) of the one reading in `db`.
fn date_at(w: &Workdir, db: &Path) -> Value {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    let r = &list.as_array().expect("a list")[0];
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    DATE.iter().map(|k| (k.to_string(), r[*k].clone())).collect::<serde_json::Map<_, _>>().into()
}

fn import_at(w: &Workdir, db: &Path, name: &str) -> String {
    stderr_at(w, db, &["import", "reading", w.path(name).to_str().unwrap()])
}

fn db(w: &Workdir, name: &str) -> PathBuf {
    w.path(name)
}

/// Writes `a` and `b`, imports each into its own database, merges each
/// copy into the other (both directions) and imports both files into one
/// database in both orders. Returns the two merges' outputs; asserts that
/// all four databases hold `want`.
fn converge(w: &Workdir, (na, a): (&str, &str), (nb, b): (&str, &str), want: Value) -> (String, String) {
    w.write(na, a);
    w.write(nb, b);
    let (da, db_) = (db(w, "a.db"), db(w, "b.db"));
    import_at(w, &da, na);
    import_at(w, &db_, nb);
    std::fs::copy(&da, db(w, "a0.db")).unwrap();
    std::fs::copy(&db_, db(w, "b0.db")).unwrap();
    let into_a = w.ok_at(&da, &["merge", db(w, "b0.db").to_str().unwrap(), "--by", "t"]);
    let into_b = w.ok_at(&db_, &["merge", db(w, "a0.db").to_str().unwrap(), "--by", "t"]);
    let (i1, i2) = (db(w, "i1.db"), db(w, "i2.db"));
    import_at(w, &i1, na);
    import_at(w, &i1, nb);
    import_at(w, &i2, nb);
    import_at(w, &i2, na);
    for (d, what) in
        [(&da, "theirs merged into a"), (&db_, "theirs merged into b"), (&i1, "a then b"), (&i2, "b then a")]
    {
        assert_eq!(date_at(w, d), want, "{what}\n{into_a}\n{into_b}");
    }
    for out in [&into_a, &into_b] {
        assert!(!out.contains("conflict #"), "{out}");
    }
    (into_a, into_b)
}

fn date(year: Value, month: Value, day: Value, season: Value, note: Value, volume: Value, pages: Value) -> Value {
    json!({"year": year, "month": month, "day": day, "season": season, "year_end": null, "month_end": null,
           "year_note": note, "volume": volume, "pages": pages})
}

const HEAD: &str = "title,authors,year,type,container,doi,volume,issue,pages\n";

fn article(year: &str, volume: &str, issue: &str, pages: &str) -> String {
    format!(
        "{HEAD}Decolonising the curriculum,\"Osei, Jane\",{year},article,Med Educ,10.1111/medu.99999,{volume},{issue},{pages}\n"
    )
}

// ---- F8: "in press" beside the published version ---------------------------

#[test]
fn f8_in_press_and_published_copies_merge_to_the_published_date_both_ways() {
    let w = Workdir::new();
    let published =
        date(json!(2024), json!(null), json!(null), json!(null), json!(null), json!("58"), json!("100-110"));
    let (into_a, into_b) = converge(
        &w,
        ("a.csv", &article("in press", "", "", "")),
        ("b.csv", &article("2024", "58", "", "100-110")),
        published,
    );
    assert!(
        into_a.contains(
            "Decolonising the curriculum: year, year_note, pages, volume — date \"2024\" taken whole (ours was \"in \
             press\"): the date of the published version; the other copy's is of the work before it was published, \
             as an import keeps it"
        ),
        "{into_a}"
    );
    assert!(
        into_b.contains(
            "Decolonising the curriculum: date \"2024\" (theirs \"in press\": the date of the published version; the \
             other copy's is of the work before it was published, as an import keeps it) — ours is kept whole"
        ),
        "{into_b}"
    );
    // The merged copy, cited.
    std::fs::copy(db(&w, "a.db"), w.db()).unwrap();
    let refs = w.references("vancouver");
    assert!(!reference(&refs, "Decolonising").contains("Forthcoming"), "{refs:?}");
}

#[test]
fn f8_forthcoming_with_a_year_and_the_published_copy_merge_to_the_published_date() {
    let w = Workdir::new();
    let published =
        date(json!(2024), json!(null), json!(null), json!(null), json!(null), json!("58"), json!("100-110"));
    converge(
        &w,
        ("a.csv", &article("2024 (forthcoming)", "", "", "")),
        ("b.csv", &article("2024", "58", "", "100-110")),
        published,
    );
}

#[test]
fn f8_in_press_with_last_years_date_and_the_published_copy_merge_to_the_published_date() {
    let w = Workdir::new();
    let published = date(json!(2024), json!(3), json!(null), json!(null), json!(null), json!("58"), json!("100-110"));
    converge(
        &w,
        ("a.csv", &article("2023 (in press)", "", "", "")),
        ("b.csv", &article("2024 Mar", "58", "", "100-110")),
        published,
    );
}

// ---- F14: "ahead of print" beside the published version --------------------

#[test]
fn f14_ahead_of_print_and_published_copies_merge_to_the_published_date_both_ways() {
    let w = Workdir::new();
    let published =
        date(json!(2024), json!(null), json!(null), json!(null), json!(null), json!("58"), json!("100-110"));
    let (into_a, into_b) = converge(
        &w,
        ("a.csv", &article("2023 Nov 4 (ahead of print)", "", "", "")),
        ("b.csv", &article("2024", "58", "2", "100-110")),
        published,
    );
    assert!(into_a.contains("date \"2024\" taken whole (ours was \"2023-11-04 (ahead of print)\")"), "{into_a}");
    assert!(into_b.contains("date \"2024\" (theirs \"2023-11-04 (ahead of print)\""), "{into_b}");
    // The merged copy, cited.
    std::fs::copy(db(&w, "a.db"), w.db()).unwrap();
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Decolonising"),
        "Osei J. Decolonising the curriculum. Med Educ. 2024;58(2):100-10. doi:10.1111/medu.99999"
    );
}

#[test]
fn f14_ahead_of_print_and_a_published_copy_in_a_volume_merge_to_the_published_date() {
    let w = Workdir::new();
    let published = date(json!(2024), json!(1), json!(null), json!(null), json!(null), json!("58"), json!(null));
    converge(
        &w,
        ("a.csv", &article("2023 Dec 1 (ahead of print)", "", "", "")),
        ("b.csv", &article("2024 Jan", "58", "", "")),
        published,
    );
}

// ---- F13: one year written two ways -----------------------------------------

#[test]
fn f13_years_2011_to_2012_and_december_2011_merge_to_december_2011_both_ways() {
    let w = Workdir::new();
    let yb = r#"[{"id":"x","type":"article-journal","title":"Decolonising the curriculum","author":[{"family":"Osei","given":"Jane"}],"container-title":"Med Educ","DOI":"10.1111/medu.99999","issued":{"raw":"2011-12"}}]"#;
    let dec = date(json!(2011), json!(12), json!(null), json!(null), json!(null), json!(null), json!(null));
    let (into_a, into_b) = converge(&w, ("a.csv", &article("2011-12", "", "", "")), ("b.json", yb), dec);
    assert!(
        into_a.contains(
            "Decolonising the curriculum: month, year_end — date \"2011-12\" taken whole (ours was \"2011–2012\"): the \
             more precise date of the same year, taken whole, never mixed with the other's, as an import keeps it"
        ),
        "{into_a}"
    );
    assert!(
        into_b.contains(
            "Decolonising the curriculum: date \"2011-12\" (theirs \"2011–2012\": the more precise date of the same \
             year, taken whole, never mixed with the other's, as an import keeps it) — ours is kept whole"
        ),
        "{into_b}"
    );
    // A state `reading edit` accepts: the merged record can be edited again.
    let id = json_at(&w, &db(&w, "a.db"), &["reading", "list", "--format", "json"])[0]["id"].as_i64().unwrap();
    w.ok_at(&db(&w, "a.db"), &["reading", "edit", &format!("R{id}"), "--pages", "1-2", "--by", "t"]);
}

#[test]
fn f13_a_season_and_a_day_of_the_same_year_merge_to_the_day_both_ways() {
    let w = Workdir::new();
    let day = date(json!(2019), json!(4), json!(2), json!(null), json!(null), json!(null), json!(null));
    converge(&w, ("a.csv", &article("Spring 2019", "", "", "")), ("b.csv", &article("2019 Apr 2", "", "", "")), day);
}

#[test]
fn f13_a_season_and_a_month_of_the_same_year_merge_to_the_month_both_ways() {
    let w = Workdir::new();
    let month = date(json!(2019), json!(5), json!(null), json!(null), json!(null), json!(null), json!(null));
    converge(&w, ("a.csv", &article("Summer 2019", "", "", "")), ("b.csv", &article("2019 May", "", "", "")), month);
}

#[test]
fn f13_a_range_of_whole_years_and_a_day_merge_to_the_day_both_ways() {
    let w = Workdir::new();
    let day = date(json!(2019), json!(3), json!(14), json!(null), json!(null), json!(null), json!(null));
    converge(&w, ("a.csv", &article("2019-2020", "", "", "")), ("b.csv", &article("2019 Mar 14", "", "", "")), day);
}

#[test]
fn f13_a_year_and_a_day_of_it_merge_to_the_day_both_ways() {
    let w = Workdir::new();
    let day = date(json!(2019), json!(3), json!(14), json!(null), json!(null), json!(null), json!(null));
    converge(&w, ("a.csv", &article("2019", "", "", "")), ("b.csv", &article("2019 Mar 14", "", "", "")), day);
}

// ---- F1: a book found by its other binding's ISBN -------------------------

const DOUBLEDAY: &str = "title,authors,year,type,isbn,other_isbns,publisher,place,edition\n\
    Medical apartheid,\"Washington, Harriet A.\",2006,book,9780385509930,9780767915472,Doubleday,New York,\n";

fn anchor(year: &str) -> String {
    format!(
        "title,authors,year,type,isbn,publisher,place,edition\n\
         Medical apartheid,\"Washington, Harriet A.\",{year},book,9780767915472,Anchor Books,New York,1st Anchor Books ed.\n"
    )
}

fn book(w: &Workdir) -> Value {
    let r = &w.reading_list()[0];
    json!([r["year"], r["month"], r["publisher"], r["isbn"], r["edition"]])
}

#[test]
fn f1_the_other_bindings_year_never_replaces_the_stored_one() {
    let w = Workdir::new();
    w.import_reading("m1.csv", DOUBLEDAY);
    let err = w.import_reading("m2.csv", &anchor("2008"));
    let id = w.reading_list()[0]["id"].as_i64().unwrap();
    assert!(
        err.contains(&format!(
            "m2.csv:2: entry R{id} (same ISBN, one of the book's other ISBNs): the file's date 2008 is that of the \
             book's other binding, as its publisher and edition are; the stored 2006 stays (if the file's is the one \
             to cite, `canon reading edit R{id} --year \"2008\"`)"
        )),
        "{err}"
    );
    assert!(!err.contains("year 2008 (was 2006)"), "{err}");
    assert_eq!(book(&w), json!([2006, null, "Doubleday", "9780385509930", null]));
    // The command said is true.
    w.ok(&["reading", "edit", &format!("R{id}"), "--year", "2008", "--by", "t"]);
    assert_eq!(book(&w), json!([2008, null, "Doubleday", "9780385509930", null]));
}

#[test]
fn f1_the_other_way_the_stored_paperbacks_year_stays() {
    let w = Workdir::new();
    w.import_reading("m2.csv", &anchor("2008"));
    let err = w.import_reading("m1.csv", DOUBLEDAY);
    assert!(err.contains("the file's date 2006 is that of the book's other binding"), "{err}");
    assert_eq!(book(&w), json!([2008, null, "Anchor Books", "9780767915472", "1st Anchor Books ed."]));
}

#[test]
fn f1_the_other_bindings_month_is_not_taken_either_and_the_edit_said_takes_it() {
    let w = Workdir::new();
    w.import_reading("m1.csv", DOUBLEDAY);
    let err = w.import_reading("m2.csv", &anchor("2008 Apr"));
    let id = w.reading_list()[0]["id"].as_i64().unwrap();
    assert!(err.contains(&format!("`canon reading edit R{id} --year \"2008-04\"`")), "{err}");
    assert_eq!(book(&w), json!([2006, null, "Doubleday", "9780385509930", null]));
    w.ok(&["reading", "edit", &format!("R{id}"), "--year", "2008-04", "--by", "t"]);
    assert_eq!(book(&w), json!([2008, 4, "Doubleday", "9780385509930", null]));
}

#[test]
fn f1_a_merge_never_pairs_one_bindings_isbn_with_the_others_year() {
    let w = Workdir::new();
    let (a, b) = (db(&w, "a.db"), db(&w, "b.db"));
    w.write("m1.csv", DOUBLEDAY);
    w.write("m2.csv", anchor("2008"));
    import_at(&w, &a, "m1.csv");
    import_at(&w, &b, "m2.csv");
    w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    let r = &json_at(&w, &a, &["reading", "list", "--format", "json"])[0];
    assert_eq!(json!([r["year"], r["publisher"], r["isbn"]]), json!([2006, "Doubleday", "9780385509930"]));
}

// ---- F11: one ISBN in its two forms -----------------------------------------

const SAME_RIS: &str = "TY  - BOOK\nAU  - Washington, Harriet A.\nTI  - Medical apartheid\nPY  - 2006\n\
    SN  - 0385509936 (hbk.)\nSN  - 9780385509930 (hbk.)\nSN  - 9780767915472 (pbk.)\nSN  - 076791547X (pbk.)\nER  - \n";

#[test]
fn f11_the_isbn_13_of_the_first_isbn_is_kept_and_the_other_binding_named_once() {
    let w = Workdir::new();
    let err = w.import_reading("same.ris", SAME_RIS);
    assert!(
        err.contains(
            "the ISBN 9780385509930 is kept; \"9780767915472\" is another valid ISBN of the same book, kept to find \
             the book by (canon prints one ISBN)"
        ),
        "{err}"
    );
    assert!(!err.contains("\"076791547X\" is"), "{err}");
    let r = &w.reading_list()[0];
    assert_eq!(json!([r["isbn"], r["other_isbns"]]), json!(["9780385509930", ["9780767915472"]]));
}

#[test]
fn f11_hyphenated_forms_and_the_other_binding_first_as_isbn_10() {
    let w = Workdir::new();
    let ris = "TY  - BOOK\nAU  - Washington, Harriet A.\nTI  - Medical apartheid\nPY  - 2006\n\
        SN  - 0-385-50993-6; 978-0-385-50993-0; 0-7679-1547-X; 978-0-7679-1547-2\nER  - \n";
    let err = w.import_reading("h.ris", ris);
    assert!(err.contains("the ISBN 9780385509930 is kept; \"0-7679-1547-X\" is another valid ISBN"), "{err}");
    let r = &w.reading_list()[0];
    assert_eq!(json!([r["isbn"], r["other_isbns"]]), json!(["9780385509930", ["9780767915472"]]));
}

#[test]
fn f11_a_bibtex_isbn_field_with_both_forms() {
    let w = Workdir::new();
    let bib = "@book{w, author = {Washington, Harriet A.}, title = {Medical apartheid}, year = {2006}, \
        isbn = {0385509936 9780385509930 9780767915472 076791547X}}\n";
    w.import_reading("w.bib", bib);
    let r = &w.reading_list()[0];
    assert_eq!(json!([r["isbn"], r["other_isbns"]]), json!(["9780385509930", ["9780767915472"]]));
}

#[test]
fn f11_an_isbn_10_alone_with_another_binding_stays_as_written() {
    let w = Workdir::new();
    let ris = "TY  - BOOK\nAU  - Washington, Harriet A.\nTI  - Medical apartheid\nPY  - 2006\n\
        SN  - 0385509936 (hbk.)\nSN  - 076791547X (pbk.)\nER  - \n";
    w.import_reading("t.ris", ris);
    let r = &w.reading_list()[0];
    assert_eq!(json!([r["isbn"], r["other_isbns"]]), json!(["0385509936", ["9780767915472"]]));
}

// ---- F12.4: one reason in a kept-ours line ----------------------------------

#[test]
fn f12_a_kept_doi_says_the_rule_that_kept_it() {
    let w = Workdir::new();
    let (a, b) = (db(&w, "a.db"), db(&w, "b.db"));
    w.write(
        "un1.csv",
        "title,authors,year,type,container,doi\nRace correction,\"Mensah, K.\",2019,article,Thorax,10.1136/thorax-2019-000001\n",
    );
    w.write(
        "un2.bib",
        "@article{m, author = {Mensah, K.}, title = {Race correction}, journal = {Thorax}, year = {2019}, doi = {10.1136/THORAX-2019-000001}}\n",
    );
    import_at(&w, &a, "un1.csv");
    import_at(&w, &b, "un2.bib");
    let out = w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "t"]);
    assert!(
        out.contains(
            "Race correction: doi \"10.1136/thorax-2019-000001\" (theirs \"10.1136/THORAX-2019-000001\": the same DOI \
             in another case; ours is the form every copy keeps) — ours is kept, by the rule an import follows \
             (`canon reading edit` to take theirs)"
        ),
        "{out}"
    );
    assert!(!out.contains("no history says"), "{out}");
}
