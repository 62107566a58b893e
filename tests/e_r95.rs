//! e95: pins, before and after folding `TypeMarks` into `Placement`, what a
//! merge says when it keeps our type against theirs by the import's type
//! rule (`type_kept_against`): the marks are read from a merge's copies
//! (container, editors, pages, number, genre), which no other test printed.

mod common;
use common::*;

/// `ours` imported into `w`'s database and `theirs` into another, then
/// `canon merge` of theirs into ours: its stdout.
fn merge_of(ours: (&str, &str), theirs: (&str, &str)) -> (Workdir, String) {
    let w = Workdir::new();
    w.import_reading(ours.0, ours.1);
    let other = w.path("theirs.db");
    let p = w.write(theirs.0, theirs.1);
    w.ok_at(&other, &["import", "reading", p.to_str().unwrap(), "-q"]);
    let out = w.ok(&["merge", other.to_str().unwrap(), "--by", "t"]);
    (w, out)
}

fn only_type(w: &Workdir) -> String {
    let list = w.reading_list();
    let list = list.as_array().expect("a list");
    assert_eq!(list.len(), 1, "{list:#?}");
    list[0]["type"].as_str().expect("a type").to_string()
}

const CHAPTER_JSON: &str = r#"[{"id":"r1","type":"chapter","title":"La salute delle donne migranti in Italia","container-title":"Infermieristica transculturale","author":[{"family":"Rossi","given":"Giulia"}],"editor":[{"family":"Bianchi","given":"Marco"},{"family":"Verdi","given":"Anna"}],"publisher":"Carocci","publisher-place":"Roma","page":"23-41","issued":{"date-parts":[[2018]]},"language":"it"}]"#;

const CHAPTER_AS_BOOK: &str = "title,authors,year,type,publisher
La salute delle donne migranti in Italia,\"Rossi, Giulia\",2018,book,Carocci
";

// A chapter's book, both its editors (joined as the import joins them) and
// pages, read from our copy.
#[test]
fn merge_keeps_chapter_with_its_book_editors_and_pages() {
    let (w, out) = merge_of(("ch.json", CHAPTER_JSON), ("b.csv", CHAPTER_AS_BOOK));
    assert!(
        out.contains(
            "La salute delle donne migranti in Italia: type \"chapter\" (theirs \"book\": theirs says \"book\", but \
             the stored chapter has what a book has not: in \"Infermieristica transculturale\", edited by \"Bianchi, \
             Marco; Verdi, Anna\", pages \"23-41\") — ours is kept, by the rule an import follows (`canon reading \
             edit` to take theirs)"
        ),
        "{out}"
    );
    assert_eq!(only_type(&w), "chapter");
}

// A report's number in its series and its genre, read from our copy.
#[test]
fn merge_keeps_report_with_its_number_and_genre() {
    let report = "title,authors,year,type,publisher,series_number,genre
Water access in Kisumu,\"Otieno, James\",2019,report,Ministry of Health,MOH/2019/4,Technical report
";
    let book = "title,authors,year,type,publisher
Water access in Kisumu,\"Otieno, James\",2019,book,Ministry of Health
";
    let (w, out) = merge_of(("r.csv", report), ("b.csv", book));
    assert!(
        out.contains(
            "Water access in Kisumu: type \"report\" (theirs \"book\": theirs says \"book\", but the stored report has \
             what a book has not: number \"MOH/2019/4\", genre \"Technical report\") — ours is kept"
        ),
        "{out}"
    );
    assert_eq!(only_type(&w), "report");
    // The other way round: their report replaces our book, no conflict.
    let (w, out) = merge_of(("b.csv", book), ("r.csv", report));
    assert!(!out.contains("kept-ours"), "{out}");
    assert_eq!(only_type(&w), "report");
}

// A chapter that names no book it is in never replaces our book.
#[test]
fn merge_keeps_book_against_chapter_of_no_book() {
    let book = "title,authors,year,type,publisher
Care of the dying,\"Lee, Ann\",2015,book,Palgrave
";
    let chapter = "title,authors,year,type,publisher
Care of the dying,\"Lee, Ann\",2015,chapter,Palgrave
";
    let (w, out) = merge_of(("b.csv", book), ("c.csv", chapter));
    assert!(out.contains("Care of the dying: type \"book\" (theirs \"chapter\": "), "{out}");
    assert!(out.contains("\"chapter\" names no book it is in) — ours is kept"), "{out}");
    assert!(out.contains("(theirs \"chapter\": their \"chapter\" names no book it is in)"), "{out}");
    assert!(!out.contains("theirs's"), "{out}");
    assert_eq!(only_type(&w), "book");
}
