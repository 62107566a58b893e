//! Tester r73 F3: a sheet without a type column made every row an article,
//! silently; a later list stating `book` could not correct that guess; and
//! a volume range was printed twice ("Vols. 1–2. 2022;1–2."). A type canon
//! inferred is now recorded as such (schema 0033), said once for the file,
//! yields to a stated type (an ordinary, undoable change), and never
//! replaces a stated one, in an import and in a merge alike.

mod common;

use std::path::Path;

use common::{Workdir, stderr_at, workdir};

/// The tester's hand-made sheet: no type column.
const SHEET: &str = "\
Title,Authors,Year,Journal,Volume,Issue,Pages,DOI
\"Structural racism in medical education\",\"Achebe, Ngozi\",2021,Acad Med,96,11,S1-S5,10.1097/ACM.0000000000004321
\"Race and kidney function\",\"Okafor, Sarah\",2022,Kidney Int,101,,e1-e5,
\"Translated Arabic work\",\"Hassan, Mohamed\",1990,,,,,
\"Multi-volume handbook\",\"Patel, R.\",2010,,3,,,
\"Harrison's Principles of Internal Medicine\",\"Loscalzo, Joseph; Fauci, Anthony S.; Kasper, Dennis L.\",2022,,\"1-2\",,,
";

/// The same Harrison's row, stated a book, with its imprint.
const BOOKS: &str = "\
title,authors,year,type,volume,publisher,place,edition
\"Harrison's Principles of Internal Medicine\",\"Loscalzo, Joseph; Fauci, Anthony S.\",2022,book,1-2,McGraw Hill,New York,21
";

fn kind(w: &Workdir, prefix: &str) -> String {
    common::reading(&w.reading_list(), prefix)["type"].as_str().expect("a type").to_string()
}

fn inferred(w: &Workdir, title: &str) -> i64 {
    w.count(&format!("SELECT coalesce(type_inferred, 0) FROM reading WHERE title = '{}'", title.replace('\'', "''")))
}

/// How often `needle` occurs in `text`.
fn times(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

/// The change number an import's summary gives.
fn change_of(summary: &str) -> String {
    let at = summary.rfind("(change #").unwrap_or_else(|| panic!("no change number in:\n{summary}"));
    summary[at + 9..].chars().take_while(char::is_ascii_digit).collect()
}

#[test]
fn a_sheet_without_a_type_column_says_once_what_it_assumed() {
    let w = workdir();
    let err = w.import_reading("sheet.csv", SHEET);
    // One note for the file, counting rows by what was read and why, naming
    // the column to add (a row with a journal and a DOI: the journal says).
    assert!(
        err.contains(
            "sheet.csv: type not stated (no type column): 3 rows read as article (assumed: nothing in the \
             row says what it is), 2 as article (a journal); add a `type` column to state it"
        ),
        "{err}"
    );
    assert_eq!(times(&err, "type not stated"), 1, "said once for the file:\n{err}");
    assert!(!err.contains("no type given"), "no warning per row for a column the file lacks:\n{err}");
    assert_eq!(kind(&w, "Structural racism"), "article");
    assert_eq!(inferred(&w, "Structural racism in medical education"), 1);
    assert_eq!(inferred(&w, "Harrison's Principles of Internal Medicine"), 1);
}

#[test]
fn a_row_with_an_imprint_and_no_journal_is_read_as_a_book_and_counted() {
    let w = workdir();
    let err = w.import_reading(
        "s.csv",
        "Title,Authors,Year,Journal,Publisher,Place,Edition,ISBN\n\
         A press book,\"Ko, Bo\",2015,,Zed Books,,,\n\
         A placed book,\"Lo, Jo\",2016,,,London,,\n\
         An edition,\"Mo, Al\",2017,,,,2nd,\n\
         A catalogued book,\"No, Ed\",2018,,,,,9780520271999\n\
         An article,\"Po, Li\",2019,The Lancet,,,,\n",
    );
    assert!(
        err.contains(
            "s.csv: type not stated (no type column): 2 rows read as book (a place or an edition of \
             publication, and no journal), 2 as book (an ISBN or a publisher, and no journal), 1 as article (a \
             journal); add a `type` column to state it"
        ),
        "{err}"
    );
    for t in ["A press book", "A placed book", "An edition", "A catalogued book"] {
        assert_eq!(kind(&w, t), "book", "{t}");
    }
    assert_eq!(kind(&w, "An article"), "article");
}

#[test]
fn a_stated_book_replaces_the_sheets_inferred_article_and_undo_restores_it() {
    let w = workdir();
    w.import_reading("sheet.csv", SHEET);
    assert_eq!(kind(&w, "Harrison"), "article");
    let err = w.import_reading("books.csv", BOOKS);
    assert!(!err.contains("kept \"article\""), "the guess does not beat the file's type:\n{err}");
    assert!(
        err.contains("type \"book\" (was \"article\", inferred: no list stated a type)"),
        "said as an ordinary change:\n{err}"
    );
    assert_eq!(kind(&w, "Harrison"), "book");
    assert_eq!(inferred(&w, "Harrison's Principles of Internal Medicine"), 0, "now stated");
    // The book is cited as one: its imprint, and its volumes once.
    let refs = w.references("vancouver");
    let r = common::reference(&refs, "Harrison");
    assert!(r.contains("New York: McGraw Hill; 2022"), "{r}");
    assert_eq!(times(r, "1–2") + times(r, "1-2"), 1, "{r}");
    // Undone: the inferred article again, still yielding.
    let n = change_of(&err);
    w.ok(&["undo", &n, "--by", "t"]);
    assert_eq!(kind(&w, "Harrison"), "article");
    assert_eq!(inferred(&w, "Harrison's Principles of Internal Medicine"), 1);
    w.import_reading("books.csv", BOOKS);
    assert_eq!(kind(&w, "Harrison"), "book");
}

#[test]
fn the_sheets_guess_never_replaces_a_stated_book_the_other_way_round() {
    let w = workdir();
    w.import_reading("books.csv", BOOKS);
    let err = w.import_reading("sheet.csv", SHEET);
    assert_eq!(kind(&w, "Harrison"), "book");
    assert_eq!(inferred(&w, "Harrison's Principles of Internal Medicine"), 0);
    assert!(!err.contains("type \"article\""), "{err}");
}

#[test]
fn an_empty_type_cell_is_inferred_counted_and_yields_to_a_stated_type() {
    let w = workdir();
    let err = w.import_reading(
        "e.csv",
        "title,authors,year,type,journal,volume\n\
         Typed,\"Ra, A\",2001,article,J Med,3\n\
         Untyped,\"Sa, B\",2002,,J Med,4\n",
    );
    assert!(
        err.contains(
            "e.csv: type not stated (its type cell empty): 1 row read as article (a journal); fill the type \
             cells to state it"
        ),
        "{err}"
    );
    assert_eq!(inferred(&w, "Typed"), 0);
    assert_eq!(inferred(&w, "Untyped"), 1);
    // A report stated later: the journal guess (stored with its volume) yields.
    w.import_reading("r.csv", "title,authors,year,type,publisher\nUntyped,\"Sa, B\",2002,report,WHO\n");
    assert_eq!(kind(&w, "Untyped"), "report");
    // The stated article is kept against the same report (a journal article
    // stored with its volume stays one when two stated types disagree).
    let err = w.import_reading("t.csv", "title,authors,year,type,publisher\nTyped,\"Ra, A\",2001,report,WHO\n");
    assert_eq!(kind(&w, "Typed"), "article", "{err}");
}

#[test]
fn a_workbook_without_a_type_column_is_read_as_the_sheet_is() {
    let w = workdir();
    let path = w.path("list.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [&[&str]; 3] = [
        &["Title", "Authors", "Year", "Journal", "Volume", "Publisher"],
        &["Harrison's Principles of Internal Medicine", "Loscalzo, Joseph", "2022", "", "1-2", ""],
        &["A press book", "Ko, Bo", "2015", "", "", "Zed Books"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    let err = w.ok_stderr(&["import", "reading", path.to_str().unwrap()]);
    assert!(
        err.contains(
            "list.xlsx: type not stated (no type column): 1 row read as article (assumed: nothing in the row says \
             what it is), 1 as book (an ISBN or a publisher, and no journal)"
        ),
        "{err}"
    );
    assert_eq!(kind(&w, "A press book"), "book");
    w.import_reading("books.csv", BOOKS);
    assert_eq!(kind(&w, "Harrison"), "book");
}

#[test]
fn the_note_is_said_even_when_quiet() {
    let w = workdir();
    let p = w.write("sheet.csv", SHEET);
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "-q"]);
    assert!(err.contains("type not stated (no type column)"), "{err}");
}

#[test]
fn csl_json_without_a_type_is_inferred_said_and_yields() {
    let w = workdir();
    let err = w.import_reading(
        "n.json",
        r#"[{"id": "a", "title": "Untyped in a journal", "container-title": "Soc Sci Med", "volume": "12",
             "page": "1-9", "author": [{"family": "Ahmed", "given": "Sara"}], "issued": {"date-parts": [[2019]]}},
            {"id": "b", "title": "Untyped with a publisher", "publisher": "Zed Books",
             "author": [{"family": "Bello", "given": "Ade"}], "issued": {"date-parts": [[2018]]}}]"#,
    );
    assert!(err.contains("no \"type\": read as an article (a journal)"), "{err}");
    assert!(err.contains("no \"type\": read as a book (an ISBN or a publisher, and no journal)"), "{err}");
    assert_eq!(kind(&w, "Untyped in a journal"), "article");
    assert_eq!(inferred(&w, "Untyped in a journal"), 1);
    // A list stating a report: the guess (an article stored with its volume and pages) yields.
    w.import_reading(
        "r.ris",
        "TY  - RPRT\nTI  - Untyped in a journal\nAU  - Ahmed, Sara\nPY  - 2019\nPB  - WHO\nER  - \n",
    );
    assert_eq!(kind(&w, "Untyped in a journal"), "report");
    assert_eq!(inferred(&w, "Untyped in a journal"), 0);
}

#[test]
fn an_inferred_type_never_replaces_a_stated_one() {
    let w = workdir();
    w.import_reading(
        "b.ris",
        "TY  - BOOK\nTI  - A stated book\nAU  - Farmer, Paul\nPY  - 2003\nPB  - UC Press\nDO  - 10.1000/book.1\nER  - \n",
    );
    // CSL-JSON without a type, naming a journal: canon's guess is an article.
    let err = w.import_reading(
        "a.json",
        r#"[{"id": "x", "title": "A stated book", "container-title": "J Med", "DOI": "10.1000/book.1",
             "author": [{"family": "Farmer", "given": "Paul"}], "issued": {"date-parts": [[2003]]}}]"#,
    );
    assert_eq!(kind(&w, "A stated book"), "book");
    assert!(
        err.contains("type: kept \"book\" (the file's \"article\" is canon's guess: the file states no type for it)"),
        "{err}"
    );
}

#[test]
fn ris_gen_and_a_missing_ty_are_inferred_in_either_order() {
    let w = workdir();
    let err = w.import_reading(
        "g.ris",
        "TY  - GEN\nTI  - A generic handbook\nAU  - Patel, R.\nPY  - 2010\nVL  - 3\nER  - \n\n\
         TY  - GEN\nTI  - A generic press book\nAU  - Ko, Bo\nPY  - 2011\nPB  - Zed Books\nER  - \n",
    );
    // Nothing types the handbook: type "other", canon's "not known", as before.
    assert!(!err.contains("read as type other"), "{err}");
    assert!(
        err.contains("RIS type \"GEN\" (generic): read as a book (an ISBN or a publisher, and no journal)"),
        "{err}"
    );
    assert_eq!(kind(&w, "A generic press book"), "book");
    assert_eq!(inferred(&w, "A generic handbook"), 1);
    w.import_reading("b.csv", "title,authors,year,type,publisher\nA generic handbook,\"Patel, R.\",2010,book,OUP\n");
    assert_eq!(kind(&w, "A generic handbook"), "book");
    assert_eq!(inferred(&w, "A generic handbook"), 0);

    // The other order: the stated type first, the generic record after.
    let w = workdir();
    w.import_reading("c.csv", "title,authors,year,type,container\nA stated report,\"Ra, A\",2012,report,WHO\n");
    let err = w.import_reading(
        "g.ris",
        "TY  - GEN\nTI  - A stated report\nAU  - Ra, A\nPY  - 2012\nJO  - Some Journal\nER  - \n\
         \nTI  - No TY line\nAU  - Za, Q\nPY  - 2013\nER  - \n",
    );
    assert_eq!(kind(&w, "A stated report"), "report", "{err}");
}

#[test]
fn a_database_from_before_the_mark_keeps_its_types_as_stated() {
    let w = workdir();
    w.import_reading("sheet.csv", SHEET);
    // Rows stored before schema 0033 have no mark: stated, as canon took them then.
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.execute("UPDATE reading SET type_inferred = NULL", []).unwrap();
    drop(c);
    let err = w.import_reading("books.csv", BOOKS);
    assert_eq!(kind(&w, "Harrison"), "article", "{err}");
    assert!(err.contains("type: kept \"article\""), "{err}");
}

fn merged_kind(w: &Workdir, db: &Path) -> (String, i64) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT type, coalesce(type_inferred, 0) FROM reading WHERE title LIKE 'Harrison%'", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .unwrap_or_else(|e| panic!("{e} in {}", w.dir.path().display()))
}

#[test]
fn a_merge_follows_the_same_rule_in_both_directions() {
    let w = Workdir::new();
    let (a, b) = (w.path("a.db"), w.path("b.db"));
    let (sheet, books) = (w.write("sheet.csv", SHEET), w.write("books.csv", BOOKS));
    for (db, file) in [(&a, &sheet), (&b, &books)] {
        w.ok_at(db, &["init", "-q"]);
        w.ok_at(db, &["import", "reading", file.to_str().unwrap(), "-q"]);
    }
    let (a2, b2) = (w.path("a2.db"), w.path("b2.db"));
    std::fs::copy(&a, &a2).unwrap();
    std::fs::copy(&b, &b2).unwrap();
    // Theirs stated, ours inferred: theirs taken, with no conflict.
    let said = stderr_at(&w, &a, &["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(said.contains(" 0 conflicts"), "{said}");
    assert_eq!(merged_kind(&w, &a), ("book".to_string(), 0));
    // Ours stated, theirs inferred: ours kept, and said.
    let said = w.ok_at(&b2, &["merge", a2.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(merged_kind(&w, &b2), ("book".to_string(), 0));
    assert!(
        said.contains("type \"book\" (theirs \"article\": inferred, their copy's sources stated no type)"),
        "{said}"
    );
}

#[test]
fn a_volume_range_is_printed_once_in_every_style() {
    let w = workdir();
    w.import_reading(
        "v.csv",
        "title,authors,year,type,volume,pages,publisher,place,edition,container,editors\n\
         Journal without a name,\"Loscalzo, Joseph\",2022,article,1-2,,,,,,\n\
         Journal without a name one,\"Patel, R.\",2010,article,3,,,,,,\n\
         Book in volumes,\"Loscalzo, Joe\",2022,book,1-2,,McGraw Hill,New York,21,,\n\
         Book in one volume,\"Loscalzo, Jim\",2022,book,3,,McGraw Hill,New York,,,\n\
         A chapter in volumes,\"Ama, K\",2019,chapter,1-2,10-20,Elsevier,London,3,Big book,\"Ed, One\"\n",
    );
    let csl = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/my-journal.csl");
    for style in ["vancouver", "apa", "ama", "harvard", "chicago", csl.to_str().unwrap()] {
        let refs = w.references(style);
        for (title, v) in [
            ("Journal without a name", "1"),
            ("Journal without a name one", "3"),
            ("Book in volumes", "1"),
            ("Book in one volume", "3"),
            ("A chapter in volumes", "1"),
        ] {
            let r = common::reference(&refs, title);
            // (No year, page or edition here holds "1-2", "1–2" or a "3".)
            let n = if v == "1" { times(r, "1–2") + times(r, "1-2") } else { times(r, v) };
            assert_eq!(n, 1, "{style}: {title}: the volume printed {n} times: {r}");
        }
    }
    // The tester's two: Vancouver's journal form keeps the volume after the date, once.
    let refs = w.references("vancouver");
    assert_eq!(common::reference(&refs, "Journal without a name"), "Loscalzo J. Journal without a name. 2022;1–2.");
    let r = common::reference(&refs, "Book in volumes");
    assert!(r.contains("Vols. 1–2."), "{r}");
    let refs = w.references("harvard");
    let r = common::reference(&refs, "Book in volumes");
    assert!(r.contains("Vols. 1–2."), "a range's plural label, as the processor gives it: {r}");
}

#[test]
fn the_export_round_trip_keeps_a_guess_a_guess_and_an_edit_states_the_type() {
    let w = workdir();
    w.import_reading("sheet.csv", SHEET);
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    let err = w.import_reading("export.csv", &csv);
    assert!(err.contains("0 changed, 5 unchanged"), "the export's own types are no change:\n{err}");
    assert_eq!(inferred(&w, "Multi-volume handbook"), 1);
    // Typed by a person: stated, and then a list's "book" is another stated type.
    let id = w.count("SELECT id FROM reading WHERE title = 'Multi-volume handbook'").to_string();
    w.ok(&["reading", "edit", &id, "--type", "article", "--by", "amina"]);
    assert_eq!(inferred(&w, "Multi-volume handbook"), 0);
}

#[test]
fn reading_add_without_a_type_is_a_guess_that_yields() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Harrison's Principles of Internal Medicine",
        "--year",
        "2022",
        "--by",
        "amina",
    ]);
    assert_eq!(kind(&w, "Harrison"), "article");
    assert_eq!(inferred(&w, "Harrison's Principles of Internal Medicine"), 1);
    w.ok(&["reading", "add", "--title", "Typed by hand", "--year", "2020", "--type", "article", "--by", "amina"]);
    assert_eq!(inferred(&w, "Typed by hand"), 0);
    w.import_reading("books.csv", BOOKS);
    assert_eq!(kind(&w, "Harrison"), "book");
}
