//! Tester r75, F2, F3 and F5, through the binary: two forms of one title
//! (or of one DOI, or a journal and its abbreviation) are settled by one
//! rule, in any order of imports and in either direction of a merge, and
//! re-running a member's import after a merge changes nothing. A title's
//! case protection (`{mRNA}`, `<span class="nocase">`) is the fuller form.

mod common;

use std::path::Path;

use common::Workdir;

/// A text value from database `db` (the first column of the first row of
/// `sql`); "" when it is NULL.
fn value(db: &Path, sql: &str) -> String {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row(sql, [], |r| r.get::<_, Option<String>>(0)).expect(sql).unwrap_or_default()
}

/// How many readings database `db` holds.
fn readings(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row("SELECT count(*) FROM reading", [], |r| r.get(0)).expect("count")
}

/// Imports `file` into `db` by amina; returns stderr.
fn import(w: &Workdir, db: &Path, file: &str) -> String {
    common::stderr_at(w, db, &["import", "reading", file, "--by", "amina"])
}

/// Asserts that importing `file` into `db` again changes nothing.
fn unchanged(w: &Workdir, db: &Path, file: &str) {
    let err = import(w, db, file);
    assert!(err.contains("0 new, 0 changed"), "re-importing {file} into {} changed the record:\n{err}", db.display());
}

/// The value `sql` reads of one work recorded by two files, `a` and `b`
/// (name, text), after importing them in both orders and after merging
/// a database of each into the other in both directions: asserts it is
/// the same every way, one reading, and that re-running each file's import
/// afterwards changes nothing. Returns it and the stderr of each import of
/// the second file (a after b, b after a).
fn settled(a: (&str, &str), b: (&str, &str), sql: &str) -> (String, [String; 2]) {
    let w = Workdir::new();
    w.write(a.0, a.1);
    w.write(b.0, b.1);
    let db = |n: &str| w.path(n);
    import(&w, &db("ab.db"), a.0);
    let b_second = import(&w, &db("ab.db"), b.0);
    import(&w, &db("ba.db"), b.0);
    let a_second = import(&w, &db("ba.db"), a.0);
    import(&w, &db("a.db"), a.0);
    import(&w, &db("b.db"), b.0);
    std::fs::copy(db("a.db"), db("a+b.db")).expect("copy");
    std::fs::copy(db("b.db"), db("b+a.db")).expect("copy");
    common::stderr_at(&w, &db("a+b.db"), &["merge", db("b.db").to_str().unwrap(), "--by", "amina"]);
    common::stderr_at(&w, &db("b+a.db"), &["merge", db("a.db").to_str().unwrap(), "--by", "amina"]);
    let all = ["ab.db", "ba.db", "a+b.db", "b+a.db"];
    let got: Vec<String> = all.iter().map(|n| value(&db(n), sql)).collect();
    for (n, v) in all.iter().zip(&got) {
        assert_eq!(readings(&db(n)), 1, "{n}: one work, one reading");
        assert_eq!(v, &got[0], "{n} settled {sql:?} otherwise than ab.db ({all:?}: {got:?})");
    }
    for n in all {
        unchanged(&w, &db(n), a.0);
        unchanged(&w, &db(n), b.0);
        assert_eq!(value(&db(n), sql), got[0], "{n}: re-importing a member's file changed {sql:?}");
    }
    (got[0].clone(), [a_second, b_second])
}

const TITLE: &str = "SELECT title FROM reading";

/// F2: a title in title case (Mendeley's, its braces read as ordinary;
/// here a RIS list's) and a sheet's sentence case, matched by ISBN:
/// sentence case in both orders (a title too short for the count of
/// capitalised long words), and the same against one BibTeX entry whose
/// whole title is braced.
#[test]
fn a_short_title_in_title_case_gives_way_to_sentence_case_in_any_order() {
    let ris = "TY  - BOOK\nAU  - Fanon, Frantz\nTI  - The Wretched of the Earth\nCY  - New York\nPB  - Grove Press\n\
               PY  - 2004\nSN  - 9780802141323\nER  - \n";
    let csv = "title,authors,year,type,isbn,publisher,place\n\
               The wretched of the earth,\"Fanon, Frantz\",2004,book,9780802141323,Grove Press,New York\n";
    let (title, [after_sheet, after_ris]) = settled(("d.ris", ris), ("a.csv", csv), TITLE);
    assert_eq!(title, "The wretched of the earth");
    // Said where the stored form stays, by the rule, never "written another
    // way, which stays".
    assert!(
        after_sheet.contains(
            "title: kept \"The wretched of the earth\" (the file's \"The Wretched of the Earth\" is the same title in \
             title case or lower case)"
        ),
        "{after_sheet}"
    );
    assert!(!after_sheet.contains("written another way"), "{after_sheet}");
    assert!(
        after_ris.contains("title \"The wretched of the earth\" (was \"The Wretched of the Earth\")"),
        "{after_ris}"
    );
    let bib = "@book{Fanon2004,\naddress = {New York},\nauthor = {Fanon, Frantz},\nisbn = {9780802141323},\n\
               publisher = {Grove Press},\ntitle = {{The Wretched of the Earth}},\nyear = {2004}\n}\n";
    assert_eq!(settled(("d.bib", bib), ("a.csv", csv), TITLE).0, "The wretched of the earth");
}

/// The same rule for a longer title in title case and a catalogue's
/// lower case: sentence case first, then title case over lower case.
#[test]
fn title_case_sentence_case_and_lower_case_in_any_order() {
    let one = |t: &str| format!("title,authors,year,type,isbn\n\"{t}\",\"Roberts, Dorothy\",2011,book,1595586911\n");
    let sentence = "Fatal invention: how science and politics re-create race";
    let title_case = "Fatal Invention: How Science and Politics Re-create Race";
    let lower = "fatal invention: how science and politics re-create race";
    assert_eq!(settled(("s.csv", &one(sentence)), ("t.csv", &one(title_case)), TITLE).0, sentence);
    assert_eq!(settled(("t.csv", &one(title_case)), ("l.csv", &one(lower)), TITLE).0, title_case);
    assert_eq!(settled(("l.csv", &one(lower)), ("s.csv", &one(sentence)), TITLE).0, sentence);
}

/// F3: the form with a word protected from a style's change of case is
/// the fuller, whichever came first: Mendeley's (whole title braced, read
/// as ordinary) against a sheet's `{mRNA}` and a CSL-JSON's nocase span.
#[test]
fn a_case_protected_word_is_kept_or_taken_in_any_order() {
    let bib = "@article{Mensah2021,\nauthor = {Osei, Jane},\ndoi = {10.5555/vax.2021.77},\njournal = {Vaccine},\n\
               title = {{Vaccine mRNA uptake among health workers in Ghana}},\nyear = {2021}\n}\n";
    let csv = "title,authors,year,type,doi,container\n\
               \"Vaccine {mRNA} uptake among health workers in Ghana\",\"Osei, Jane\",2021,article,\
               10.5555/vax.2021.77,Vaccine\n";
    let json = r#"[{"id":"m","type":"article-journal","title":"Vaccine <span class=\"nocase\">mRNA</span> uptake among health workers in Ghana","container-title":"Vaccine","DOI":"10.5555/vax.2021.77","author":[{"family":"Osei","given":"Jane"}],"issued":{"date-parts":[[2021]]}}]"#;
    let marked = "Vaccine <span class=\"nocase\">mRNA</span> uptake among health workers in Ghana";
    let (t, [after_csv, _]) = settled(("d.bib", bib), ("a.csv", csv), TITLE);
    assert_eq!(t, marked);
    assert!(after_csv.contains("is the same title without its case protection"), "{after_csv}");
    assert_eq!(settled(("d.bib", bib), ("g.json", json), TITLE).0, marked);
    // The sheet's braces and the CSL-JSON span are one mark: no change either way.
    let (t, [after_csv, after_json]) = settled(("g.json", json), ("a.csv", csv), TITLE);
    assert_eq!(t, marked);
    assert!(after_csv.contains("1 unchanged") && after_json.contains("1 unchanged"), "{after_csv}\n{after_json}");
}

/// The mark wins before the case rule: a marked sentence-case form against
/// the same title in title case without it, and against one that protects
/// fewer words.
#[test]
fn case_protection_wins_before_the_case_rule() {
    let one = |t: &str| format!("title,authors,year,type,doi\n\"{t}\",\"Osei, Jane\",2021,article,10.5555/x.1\n");
    let marked = one("Vaccine {mRNA} uptake among health workers in {Ghana}");
    let fewer = one("Vaccine {mRNA} uptake among health workers in Ghana");
    let title_case = one("Vaccine MRNA Uptake Among Health Workers in Ghana");
    let two = "Vaccine <span class=\"nocase\">mRNA</span> uptake among health workers in <span \
               class=\"nocase\">Ghana</span>";
    assert_eq!(settled(("t.csv", &title_case), ("m.csv", &marked), TITLE).0, two);
    assert_eq!(settled(("f.csv", &fewer), ("m.csv", &marked), TITLE).0, two);
}

/// F5: a sheet's title and a library catalogue's (" : ", a serial comma),
/// matched by ISBN: the import's rule (the form with more punctuation) in
/// any order and in a merge either way, so a merged copy is stable under
/// the group's own imports.
#[test]
fn a_merge_settles_two_forms_of_a_title_as_an_import_does() {
    let csv = "title,authors,year,type,isbn,publisher,place\n\
               \"Fatal invention: how science, politics and big business re-create race in the twenty-first \
               century\",\"Roberts, Dorothy\",2011,book,1595586911,The New Press,New York\n";
    let ris = "TY  - BOOK\nAU  - Roberts, Dorothy\nTI  - Fatal invention : how science, politics, and big business \
               re-create race in the twenty-first century\nCY  - New York\nPB  - The New Press\nPY  - 2011\n\
               SN  - 9781595586919\nER  - \n";
    let (t, _) = settled(("a.csv", csv), ("f.ris", ris), TITLE);
    assert_eq!(
        t,
        // (The catalogue's " : " is stored as the title's colon: tester r101 F4.)
        "Fatal invention: how science, politics, and big business re-create race in the twenty-first century"
    );
}

/// Two forms no mark tells apart (the same letters, case and amount of
/// punctuation): one of them in every order, said, never "which stays".
#[test]
fn two_forms_no_mark_tells_apart_are_settled_alike_and_said() {
    let one = |t: &str| format!("title,authors,year,type,doi\n\"{t}\",\"Osei, Jane\",2021,article,10.5555/x.2\n");
    let (t, [after_colon, after_semicolon]) =
        settled(("c.csv", &one("Race: a history of medicine")), ("s.csv", &one("Race; a history of medicine")), TITLE);
    assert_eq!(t, "Race; a history of medicine");
    assert!(after_colon.contains("which stays in any order of imports and merges"), "{after_colon}");
    assert!(after_semicolon.contains("(was \"Race: a history of medicine\")"), "{after_semicolon}");
}

/// The title in the original language follows the title's rule too (it
/// was the file's on every import).
#[test]
fn two_forms_of_the_original_title_in_any_order() {
    let one = |orig: &str| {
        format!(
            r#"[{{"id":"t","type":"book","title":"Black skin, white masks","original-title":"{orig}","ISBN":"9780802143006","author":[{{"family":"Fanon","given":"Frantz"}}],"issued":{{"date-parts":[[2008]]}},"publisher":"Grove Press"}}]"#
        )
    };
    let (t, _) = settled(
        ("s.json", &one("Peau noire, masques blancs")),
        ("t.json", &one("Peau Noire, Masques Blancs")),
        "SELECT original_title FROM reading",
    );
    assert_eq!(t, "Peau noire, masques blancs");
}

/// F5's other fields: one DOI in the publisher's case and in capitals
/// throughout, and a journal with its abbreviation from the other list,
/// settle alike in imports and merges (a merged copy kept Scopus's
/// capitals and lacked the abbreviation, and the next import changed it).
#[test]
fn a_merge_settles_a_dois_case_and_a_journals_abbreviation_as_an_import_does() {
    let csv = "title,authors,year,type,doi,container,volume\n\
               Hidden in plain sight,\"Vyas, Darshali A.\",2020,article,10.1056/NEJMMS2004740,\
               New England Journal of Medicine,383\n";
    let ris = "TY  - JOUR\nAU  - Vyas, Darshali A.\nTI  - Hidden in plain sight\nJO  - N Engl J Med\nVL  - 383\n\
               PY  - 2020\nDO  - 10.1056/NEJMms2004740\nER  - \n";
    assert_eq!(settled(("a.csv", csv), ("f.ris", ris), "SELECT doi FROM reading").0, "10.1056/NEJMms2004740");
    let journal = "SELECT container || ' / ' || coalesce(container_short, '') FROM reading";
    assert_eq!(settled(("a.csv", csv), ("f.ris", ris), journal).0, "New England Journal of Medicine / N Engl J Med");
    // A DOI a list gives in lower case gives way to the publisher's capitals.
    let lower = csv.replace("NEJMMS", "nejmms");
    assert_eq!(settled(("l.csv", &lower), ("f.ris", ris), "SELECT doi FROM reading").0, "10.1056/NEJMms2004740");
}

/// F6: after a change is undone, re-running a list that another list's
/// import overrode changes nothing: the undo and the change it undid are
/// as if neither had been made, and the list that set the value is found
/// again (the undo counted as a person's edit, and the list flipped it).
#[test]
fn after_an_undo_a_list_another_list_overrode_changes_nothing() {
    let w = Workdir::new();
    let row = |place: &str| {
        format!(
            "title,authors,year,type,publisher,place\nBlack skin white masks,\"Fanon, Frantz\",2008,book,Grove Press,{place}\n"
        )
    };
    w.write("w.csv", row("London"));
    w.write("g.csv", row("New York"));
    let db = w.db();
    import(&w, &db, "w.csv");
    import(&w, &db, "g.csv");
    let again = import(&w, &db, "w.csv");
    assert!(again.contains("kept the stored place \"New York\""), "{again}");
    let place = "SELECT place FROM reading";
    // A person's edit, undone; and an edit of canon's own export, undone.
    let id = value(&db, "SELECT CAST(id AS TEXT) FROM reading");
    w.ok(&["reading", "edit", &id, "--place", "Paris", "--by", "amina"]);
    let last = |w: &Workdir| w.json(&["log", "--format", "json"]).as_array().unwrap().last().unwrap()["id"].to_string();
    w.ok(&["undo", &last(&w), "--by", "amina"]);
    assert_eq!(value(&db, place), "New York");
    let again = import(&w, &db, "w.csv");
    assert!(again.contains("0 new, 0 changed"), "{again}");
    assert!(again.contains("kept the stored place \"New York\""), "{again}");
    assert_eq!(value(&db, place), "New York");
    w.ok(&["export", "reading", "-o", "ex.csv"]);
    let edited = std::fs::read_to_string(w.path("ex.csv")).unwrap().replace("New York", "Paris");
    w.write("ex-edited.csv", edited);
    import(&w, &db, "ex-edited.csv");
    assert_eq!(value(&db, place), "Paris");
    let run = w
        .json(&["log", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["entity"] == "import_run")
        .unwrap()["id"]
        .to_string();
    w.ok(&["undo", &run, "--by", "amina"]);
    assert_eq!(value(&db, place), "New York");
    unchanged(&w, &db, "w.csv");
    unchanged(&w, &db, "g.csv");
    assert_eq!(value(&db, place), "New York");
}
