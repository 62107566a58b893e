//! Tester r87 F3, F4, F12.2, F12.3: unbraced BibTeX institutions split at
//! an "and" kept whole; worded editions ("Revised", "Rev. ed.", "3rd
//! rev.") one edition in an import and a merge; warnings that agree with
//! their field; `reading show` labels aligned.
mod common;
use common::*;

/// Each author's parts of the reading titled `title`, in order:
/// (family, given, literal), "" for none.
fn parts(w: &Workdir, title: &str) -> Vec<(String, String, String)> {
    stored_author_parts(w, title, ["family", "given", "literal"]).into_iter().map(|[f, g, l]| (f, g, l)).collect()
}

fn person(f: &str, g: &str) -> (String, String, String) {
    (f.into(), g.into(), String::new())
}

fn body(l: &str) -> (String, String, String) {
    (String::new(), String::new(), l.into())
}

const INST_BIB: &str = "@book{nice2019,\n  author = {National Institute for Health and Care Excellence},\n  \
                        title = {Guideline}, publisher = {NICE}, year = {2019}\n}\n\
                        @article{msf2022,\n  author = {Médecins Sans Frontières and Kofi Mensah},\n  \
                        title = {Neglected diseases}, journal = {Lancet}, year = {2022}\n}\n\
                        @book{unicef2020,\n  author = {United Nations Children's Fund},\n  \
                        title = {The state of the world's children}, publisher = {UNICEF}, address = {New York}, \
                        year = {2020}\n}\n\
                        @misc{cdc2021,\n  author = {Centers for Disease Control and Prevention},\n  \
                        title = {Health equity considerations}, year = {2021}\n}\n\
                        @techreport{nhs2019,\n  author = {NHS England and Smith, John},\n  \
                        title = {The NHS long term plan}, institution = {NHS England}, year = {2019}\n}\n";

/// F3: the tester's institutions: each kept whole (the pieces an "and"
/// cut joined again), said once with braces round the whole name; a
/// person after an institution stays a person.
#[test]
fn f3_unbraced_institutions_are_kept_whole_and_said_whole() {
    let w = Workdir::new();
    let err = w.import_reading("inst.bib", INST_BIB);
    assert_eq!(parts(&w, "Guideline"), [body("National Institute for Health and Care Excellence")], "{err}");
    assert_eq!(parts(&w, "Neglected diseases"), [body("Médecins Sans Frontières"), person("Mensah", "Kofi")]);
    assert_eq!(parts(&w, "The state of the world's children"), [body("United Nations Children's Fund")]);
    assert_eq!(parts(&w, "Health equity considerations"), [body("Centers for Disease Control and Prevention")]);
    assert_eq!(parts(&w, "The NHS long term plan"), [body("NHS England"), person("Smith", "John")]);
    for said in [
        "inst.bib:2:13: warning: in entry `nice2019`: author \"National Institute for Health and Care Excellence\" \
         looks like an institution's name: kept whole, as written (BibTeX's rule would read it as two names, \
         \"National Institute for Health\", \"Care Excellence\"); to be sure, write the whole name in braces, \
         {National Institute for Health and Care Excellence}",
        "inst.bib:6:13: warning: in entry `msf2022`: author \"Médecins Sans Frontières\" looks like an \
         institution's name: kept whole, as written (BibTeX's rule would read it as a person's); to be sure, write \
         it in braces, {Médecins Sans Frontières}",
        "inst.bib:10:13: warning: in entry `unicef2020`: author \"United Nations Children's Fund\" looks like an \
         institution's name: kept whole, as written (BibTeX's rule would read it as a person's); to be sure, write \
         it in braces, {United Nations Children's Fund}",
        "inst.bib:14:13: warning: in entry `cdc2021`: author \"Centers for Disease Control and Prevention\" looks \
         like an institution's name: kept whole, as written (BibTeX's rule would read it as two names, \"Centers \
         for Disease Control\", \"Prevention\"); to be sure, write the whole name in braces, {Centers for Disease \
         Control and Prevention}",
        // No "if it is a person's" for a body's acronym first.
        "inst.bib:18:13: warning: in entry `nhs2019`: author \"NHS England\" looks like an institution's name: kept \
         whole, as written (BibTeX's rule would read it as a person's); to be sure, write it in braces, {NHS \
         England}\n",
    ] {
        assert!(err.contains(said), "{said}\n---\n{err}");
    }
    // Never the half name in braces, nor a piece as another author.
    assert!(!err.contains("{National Institute for Health}"), "{err}");
    assert!(!err.contains("was read as another author"), "{err}");
    assert!(!err.contains("was read as a person"), "{err}");
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Guideline"),
        "National Institute for Health and Care Excellence. Guideline. [place unknown]: NICE; 2019."
    );
    assert_eq!(
        reference(&v, "Neglected diseases"),
        "Médecins Sans Frontières; Mensah K. Neglected diseases. Lancet. 2022."
    );
    assert_eq!(
        reference(&v, "The state of the world"),
        "United Nations Children's Fund. The state of the world's children. New York: UNICEF; 2020."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Guideline"),
        "National Institute for Health and Care Excellence. (2019). Guideline. NICE."
    );
    assert_eq!(
        reference(&apa, "The state of the world"),
        "United Nations Children's Fund. (2020). The state of the world's children. UNICEF."
    );
}

/// F3, the kind: more bodies an "and" cuts ("Department of Health and
/// Human Services", "Council on Ethical and Judicial Affairs"), in an
/// editor list too, LaTeX accents, bodies' phrases in other languages, a
/// body's acronym first, a two-word body whose first word is no given
/// name; two bodies joined by "and" stay two; persons stay persons.
#[test]
fn f3_more_bodies_whole_and_persons_stay_persons() {
    let w = Workdir::new();
    let err = w.import_reading(
        "a.bib",
        "@techreport{a, author = {Department of Health and Human Services}, title = {Dhhs}, year = {2010}}\n\
         @article{b, author = {Council on Ethical and Judicial Affairs and Osei, Ama}, title = {Ethics}, journal = \
         {JAMA}, year = {1990}}\n\
         @article{c, author = {National Institute for Health and Care Excellence and Kofi Mensah}, title = {Nice \
         two}, journal = {J}, year = {2020}}\n\
         @article{d, author = {M{\\'e}decins Sans Fronti{\\`e}res and Reporters Without Borders}, title = {Borders}, \
         journal = {J}, year = {2021}}\n\
         @book{e, author = {World Bank and Anna Bank}, title = {Banks}, publisher = {P}, year = {2019}}\n\
         @book{f, author = {UK Health Security Agency and Food Standards Agency}, title = {Agencies}, publisher = \
         {P}, year = {2022}}\n\
         @book{g, editor = {Centers for Disease Control and Prevention}, title = {Edited}, publisher = {P}, year = \
         {2022}}\n\
         @book{h, author = {John Board and Mary Trust}, title = {People}, publisher = {P}, year = {1998}}\n\
         @book{i, author = {{Department of Health} and Human Services}, title = {Braced}, publisher = {P}, year = \
         {1998}}\n",
    );
    assert_eq!(parts(&w, "Dhhs"), [body("Department of Health and Human Services")], "{err}");
    assert_eq!(parts(&w, "Ethics"), [body("Council on Ethical and Judicial Affairs"), person("Osei", "Ama")]);
    assert_eq!(
        parts(&w, "Nice two"),
        [body("National Institute for Health and Care Excellence"), person("Mensah", "Kofi")]
    );
    assert_eq!(parts(&w, "Borders"), [body("Médecins Sans Frontières"), body("Reporters Without Borders")]);
    assert_eq!(parts(&w, "Banks"), [body("World Bank"), person("Bank", "Anna")]);
    assert_eq!(parts(&w, "Agencies"), [body("UK Health Security Agency"), body("Food Standards Agency")]);
    assert_eq!(parts(&w, "People"), [person("Board", "John"), person("Trust", "Mary")]);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE literal = 'Department of Health'"), 1);
    let list = w.reading_list();
    let edited = &reading(&list, "Edited")["editor_names"];
    assert_eq!(edited.as_array().map(Vec::len), Some(1), "{edited:#}");
    assert_eq!(edited[0]["literal"], "Centers for Disease Control and Prevention", "{edited:#}");
    for said in [
        "a.bib:1:26: warning: in entry `a`: author \"Department of Health and Human Services\" looks like an \
         institution's name: kept whole, as written (BibTeX's rule would read it as two names, \"Department of \
         Health\", \"Human Services\"); to be sure, write the whole name in braces, {Department of Health and Human \
         Services}",
        "in entry `b`: author \"Council on Ethical and Judicial Affairs\" looks like an institution's name: kept \
         whole, as written (BibTeX's rule would read it as two names, \"Council on Ethical\", \"Judicial Affairs\"); \
         to be sure, write the whole name in braces, {Council on Ethical and Judicial Affairs}",
        "in entry `d`: author \"Médecins Sans Frontières\" looks like an institution's name",
        "in entry `d`: author \"Reporters Without Borders\" looks like an institution's name",
        "in entry `e`: author \"World Bank\" looks like an institution's name: kept whole, as written (BibTeX's rule \
         would read it as a person's); to be sure, write it in braces, {World Bank}\n",
        "in entry `g`: editor \"Centers for Disease Control and Prevention\" looks like an institution's name: kept \
         whole, as written (BibTeX's rule would read it as two names, \"Centers for Disease Control\", \
         \"Prevention\"); to be sure, write the whole name in braces, {Centers for Disease Control and Prevention}",
    ] {
        assert!(err.contains(said), "{said}\n---\n{err}");
    }
    // "Bank" names bodies ("World Bank", tester r98): a person whose family
    // name it is stays a person, said as "John Board" is.
    assert!(
        err.contains(
            "author \"Anna Bank\" was read as a person (family name \"Bank\", given name \"Anna\"); it looks like an \
             institution"
        ),
        "{err}"
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Dhhs"),
        "Department of Health and Human Services. Dhhs. [place unknown]: [publisher unknown]; 2010."
    );
    assert_eq!(reference(&v, "Ethics"), "Council on Ethical and Judicial Affairs; Osei A. Ethics. JAMA. 1990.");
    assert_eq!(
        reference(&v, "Edited"),
        "Centers for Disease Control and Prevention, editor. Edited. [place unknown]: P; 2022."
    );
}

fn book_csv(edition: &str, isbn: &str) -> String {
    format!(
        "title,authors,year,type,publisher,place,edition,isbn\nBlack skin white masks,\"Fanon, Frantz\",2008,book,\
         Grove Press,New York,\"{edition}\",{isbn}\n"
    )
}

/// The edition stored for the one reading.
fn edition(w: &Workdir) -> String {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.query_row("SELECT coalesce(edition, '') FROM reading", [], |r| r.get(0)).unwrap()
}

/// F4: one edition in words written two ways is no "differs" in an
/// import, in either order, and the fuller form is kept; two editions
/// are still said to differ.
#[test]
fn f4_worded_editions_are_one_edition_in_an_import_the_fuller_kept() {
    for (a, b, kept) in [
        ("Revised", "Rev. ed.", "Revised"),
        ("Revised edition", "Revised", "Revised edition"),
        ("Revised edition", "Rev. ed.", "Revised edition"),
        ("3rd rev.", "Third revised edition", "Third revised edition"),
        ("Rev. 3rd ed.", "3rd revised ed.", "3rd revised ed."),
        ("New edition", "New", "New edition"),
        ("Enlarged edition", "Enl. ed.", "Enlarged edition"),
        ("2nd, rev. and expanded", "Second revised and expanded edition", "Second revised and expanded edition"),
        ("Abridged", "Abr. ed.", "Abridged"),
        ("Facsimile edition", "Facs. ed.", "Facsimile edition"),
        ("Fourth edition revised", "4th rev. ed.", "Fourth edition revised"),
        // Numbered alone: one form, the stored stays (as before).
        ("2", "2nd ed.", "2"),
        ("2nd ed.", "2", "2nd ed."),
        ("Second", "2nd edn", "Second"),
    ] {
        for (first, second) in [(a, b), (b, a)] {
            let w = Workdir::new();
            w.import_reading("a.csv", &book_csv(first, "9780802143006"));
            let err = w.import_reading("b.csv", &book_csv(second, "0802143008"));
            assert!(!err.contains("differ"), "{first} then {second}: {err}");
            assert!(!err.contains("warning"), "{first} then {second}: {err}");
            assert_eq!(w.count("SELECT count(*) FROM reading"), 1, "{first} then {second}: {err}");
            let want = if kept == "2" || kept == "2nd ed." || kept == "Second" { first } else { kept };
            assert_eq!(edition(&w), want, "{first} then {second}: {err}");
        }
    }
    // Other editions: said, the stored stays.
    for (a, b) in
        [("Revised", "Abridged"), ("3rd rev.", "2nd rev."), ("Revised", "3rd rev."), ("New edition", "Revised")]
    {
        let w = Workdir::new();
        w.import_reading("a.csv", &book_csv(a, "9780802143006"));
        let err = w.import_reading("b.csv", &book_csv(b, "9780802143006"));
        let entry = w.count("SELECT id FROM reading");
        let said = format!(
            "b.csv:2: entry R{entry} (same ISBN): the file's edition {b:?} differs from the stored {a:?}, \
             which stays (two sources that differ: if the file's is right, `canon reading edit R{entry} --edition \
             {b:?}`)"
        );
        assert!(err.contains(&said), "{said}\n---\n{err}");
        assert_eq!(edition(&w), a);
    }
}

/// The stderr of `canon merge` of `theirs` into the work directory's database.
fn merge(w: &Workdir, theirs: &std::path::Path) -> String {
    let out = w.cmd(&["merge", theirs.to_str().unwrap(), "--by", "t"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

/// F4: the same in a merge: no conflict, the fuller form kept on either
/// side; two editions are still a conflict.
#[test]
fn f4_worded_editions_are_one_edition_in_a_merge() {
    for (ours, theirs, kept) in [
        ("Revised", "Rev. ed.", "Revised"),
        ("Rev. ed.", "Revised", "Revised"),
        ("Revised", "Revised edition", "Revised edition"),
        ("Third revised edition", "3rd rev.", "Third revised edition"),
        ("3rd rev.", "Third revised edition", "Third revised edition"),
        ("2", "2nd ed.", "2nd ed."),
    ] {
        let w = Workdir::new();
        w.import_reading("a.csv", &book_csv(ours, "9780802143006"));
        let other = w.path("theirs.db");
        let b = w.write("b.csv", book_csv(theirs, "0802143008"));
        w.ok_at(&other, &["import", "reading", b.to_str().unwrap(), "-q"]);
        let err = merge(&w, &other);
        assert!(err.contains(", 0 conflicts,"), "{ours} / {theirs}: {err}");
        assert!(!err.contains("changed edition"), "{ours} / {theirs}: {err}");
        if kept != "2nd ed." {
            assert_eq!(edition(&w), kept, "{ours} / {theirs}: {err}");
        }
    }
    let w = Workdir::new();
    w.import_reading("a.csv", &book_csv("Revised", "9780802143006"));
    let other = w.path("theirs.db");
    let b = w.write("b.csv", book_csv("Abridged", "9780802143006"));
    w.ok_at(&other, &["import", "reading", b.to_str().unwrap(), "-q"]);
    let err = merge(&w, &other);
    assert!(err.contains(", 1 conflicts,") || err.contains(", 1 conflict,"), "{err}");
}

/// F12.2: a warning's verb agrees with its field: "pages … differ",
/// "edition … differs", "the file's edition … is that of".
#[test]
fn f12_warnings_agree_with_their_field() {
    let w = Workdir::new();
    let chapter = |last: &str| {
        format!(
            "TY  - CHAP\nAU  - Basilico, Matthew\nTI  - Colonial medicine and its legacies\nT2  - Reimagining global \
             health\nA2  - Farmer, Paul\nPY  - 2013\nSP  - 33\nEP  - {last}\nPB  - University of California \
             Press\nSN  - 9780520271975\nER  - \n"
        )
    };
    w.import_reading("a.ris", &chapter("73"));
    let err = w.import_reading("b.ris", &chapter("74"));
    let entry = w.count("SELECT id FROM reading");
    let said = format!(
        "b.ris:1: entry R{entry} (same ISBN): the file's pages \"33-74\" differ from the stored \"33-73\", \
         which stay (two sources that differ: if the file's are right, `canon reading edit R{entry} --pages \
         \"33-74\"`)"
    );
    assert!(err.contains(&said), "{said}\n---\n{err}");

    let w = Workdir::new();
    w.import_reading(
        "m1.csv",
        "title,authors,year,type,isbn,other_isbns,publisher,place,edition\nMedical apartheid,\"Washington, Harriet \
         A.\",2006,book,9780385509930,9780767915472,Doubleday,New York,\n",
    );
    let err = w.import_reading(
        "m2.csv",
        "title,authors,year,type,isbn,publisher,place,edition\nMedical apartheid,\"Washington, Harriet \
         A.\",2008,book,9780767915472,Anchor Books,New York,1st Anchor Books ed.\n",
    );
    assert!(
        err.contains(
            "the file's edition \"1st Anchor Books ed.\" is that of \"Anchor Books\"'s edition, not the stored \
             \"Doubleday\"'s"
        ),
        "{err}"
    );
    assert!(!err.contains(" are those of"), "{err}");
}

/// F12.3: `reading show` puts every value in one column, whatever the
/// longest label ("report number", "number in series").
#[test]
fn f12_reading_show_aligns_every_label() {
    let w = Workdir::new();
    w.import_reading(
        "t.bib",
        "@techreport{r, author = {{World Health Organization}}, title = {A conceptual framework}, institution = \
         {World Health Organization}, address = {Geneva}, year = {2010}, number = {2}}\n\
         @book{b, author = {Fanon, Frantz}, title = {Short}, publisher = {Grove Press}, year = {1967}}\n",
    );
    for (title, column) in [("A conceptual framework", 14), ("Short", 13)] {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        let id: i64 = c.query_row("SELECT id FROM reading WHERE title = ?1", [title], |r| r.get(0)).unwrap();
        let shown = w.ok(&["reading", "show", &id.to_string()]);
        // Every value begins at `column` (a label, then spaces).
        for l in shown.lines().filter(|l| l.chars().count() > column) {
            let cs: Vec<char> = l.chars().collect();
            assert!(cs[column - 1] == ' ' && cs[column] != ' ', "{title}: {l:?}\n{shown}");
        }
        if title == "Short" {
            assert!(shown.contains("\npublisher    Grove Press\n"), "{shown}");
        } else {
            assert!(shown.contains("\nreport number 2\n"), "{shown}");
            assert!(shown.contains("\npublisher     World Health Organization\n"), "{shown}");
        }
    }
}
