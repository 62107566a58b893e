//! Issue 12 (lead, r70), through the binary: a Web of Science group author
//! is kept whole unsaid and every name warning names the tag the file
//! wrote; a dry run shows a warning beside a rejected row under it, not as
//! a second rejected row.

mod common;

use common::workdir;

/// Web of Science's `CA` and `GP` are group authors (Clarivate's field
/// tags): a name kept whole is exactly right for them, and was warned of as
/// "AU … kept whole as an institution's name" at the `CA` line (tester r67
/// F7). A `BE` (book editor) warning was called `ED`, RIS's tag.
#[test]
fn wos_group_authors_are_kept_whole_and_warnings_name_the_files_tags() {
    let w = workdir();
    let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT B\nAU Vyas, DA\nCA Race Correct Study Grp\n\
               GP Writing Committee, Global Health\nBE Jane Osei\nTI Hidden in Plain Sight\nPU ROUTLEDGE\nPY 2020\nER\n\nEF\n";
    let err = w.import_reading("wos.txt", wos);
    assert!(!err.contains("Race Correct"), "a group author is kept whole unsaid: {err}");
    assert!(!err.contains("Writing Committee"), "{err}");
    assert!(!err.contains(" AU "), "{err}");
    assert!(
        err.contains(
            "wos.txt:7:4: warning: in the record starting at line 3: BE \"Jane Osei\" read as a name written \"Given \
             Family\""
        ),
        "{err}"
    );
    assert!(!err.contains(" ED "), "the file's tag, not RIS's: {err}");
    let list = w.reading_list();
    let names = &list[0]["author_names"];
    assert_eq!(names[0]["family"], "Vyas", "{names}");
    assert_eq!(names[1]["literal"], "Race Correct Study Grp", "{names}");
    // A comma in a group author's name does not make it a person's.
    assert_eq!(names[2]["literal"], "Writing Committee, Global Health", "{names}");
    assert_eq!(names[2]["family"], serde_json::Value::Null, "{names}");
}

/// A row refused for its missing title that also has a warning (ahead of
/// print, but in a volume) is one rejected row in the dry run, the warning
/// under it (tester r67 F7: two "rejected" lines for one record).
#[test]
fn dry_run_lists_a_warning_under_its_rejected_row() {
    let w = workdir();
    w.write(
        "list.csv",
        "title,authors,year,volume,year_note\nGood,\"Osei, K\",2020,3,\n,\"Mensah, K\",2021,401,ahead of print\n\
         Also good,\"Lind, T\",2019,,\n",
    );
    let out = w.run_at(&w.path("canon.db"), &["import", "reading", "list.csv", "--skip-invalid", "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rejected: Vec<&str> = stdout.lines().filter(|l| l.starts_with("rejected")).collect();
    assert_eq!(rejected.len(), 1, "{stdout}");
    assert!(rejected[0].contains("list.csv:3:") && !rejected[0].contains("warning"), "{stdout}");
    let also = stdout.lines().find(|l| l.contains("also, not why it was rejected")).expect("the warning under it");
    assert!(also.contains("list.csv:3:") && also.contains("ahead of print"), "{stdout}");
    assert!(stdout.contains("new        line 2") && stdout.contains("new        line 4"), "{stdout}");
}

/// A book whose name begins its publisher's ("StatPearls", "StatPearls
/// Publishing"): Chicago took the publisher's place for the book's and
/// title-cased the book to "Statpearls" (tester r70 F5); a word's own case
/// is kept in every style.
#[test]
fn a_books_own_case_is_kept_when_its_publisher_begins_with_its_name() {
    let w = workdir();
    w.import_reading(
        "c.csv",
        "title,authors,year,type,container,publisher\n\
         \"Teaching with StatPearls and UpToDate\",\"Osei, K\",2023,chapter,StatPearls,StatPearls Publishing\n\
         Sickle cell disease,\"Lind, T\",2022,chapter,UpToDate,UpToDate Inc\n",
    );
    for style in ["chicago", "apa", "harvard", "vancouver", "ama"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Teaching");
        assert!(r.contains("StatPearls. ") || r.contains("StatPearls;"), "{style}: {r}");
        assert!(!r.contains("Statpearls"), "{style}: {r}");
        let r = common::reference(&refs, "Sickle");
        assert!(!r.contains("Uptodate"), "{style}: {r}");
        assert!(r.contains("UpToDate Inc"), "{style}: {r}");
    }
}

/// Web of Science writes a bimonthly issue's date `PD JUL-AUG`, a range of
/// days `PD JAN 1-15`, of seasons `PD SUM-FAL`: each kept its start alone,
/// unsaid (tester r70 F13), where every other format keeps the range.
#[test]
fn wos_date_ranges_are_kept_whole() {
    let w = workdir();
    let rec = |ti: &str, pd: &str| format!("PT J\nAU Osei, K\nTI {ti}\nSO BMJ\nPD {pd}\nPY 2018\nVL 48\nER\n\n");
    let file = format!(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n{}{}{}{}{}EF\n",
        rec("Months", "JUL-AUG"),
        rec("Late months", "NOV-DEC"),
        rec("Days", "JAN 1-15"),
        rec("Seasons", "SUM-FAL"),
        rec("Across months", "JUN 28-JUL 3")
    );
    let err = w.import_reading("savedrecs.txt", &file);
    let list = w.reading_list();
    let r = common::reading(&list, "Months");
    assert_eq!((r["month"].as_i64(), r["month_end"].as_i64()), (Some(7), Some(8)), "{r}");
    let r = common::reading(&list, "Late months");
    assert_eq!((r["month"].as_i64(), r["month_end"].as_i64()), (Some(11), Some(12)), "{r}");
    let r = common::reading(&list, "Days");
    assert_eq!((r["month"].as_i64(), r["day"].as_i64(), r["day_end"].as_i64()), (Some(1), Some(1), Some(15)), "{r}");
    let r = common::reading(&list, "Seasons");
    assert_eq!((r["season"].as_str(), r["season_end"].as_str()), (Some("summer"), Some("autumn")), "{r}");
    let r = common::reading(&list, "Across months");
    assert_eq!((r["month"].as_i64(), r["day"].as_i64()), (Some(6), Some(28)), "{r}");
    assert!(
        err.contains("PD \"JUN 28-JUL 3\" runs over a range canon cannot keep whole; the start, 2018/06/28, is kept"),
        "{err}"
    );
    assert!(!err.contains("JUL-AUG") && !err.contains("SUM-FAL"), "kept whole, nothing to say: {err}");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Months").contains("2018 Jul-Aug;48"), "{refs:?}");
}

/// How spreadsheets head the year: "Year of publication", "Pub Year",
/// "Date published"… were not read, every year left empty with only a
/// column warning (tester r70 F18).
#[test]
fn year_columns_under_their_usual_headers_are_read() {
    for header in ["Year of publication", "Year published", "Pub Year", "Date published", "Publication date", "Yr."] {
        let w = workdir();
        let err = w.import_reading("y.csv", &format!("Title,Authors,{header}\nA work,\"Osei, K\",2020\n"));
        assert!(err.contains(&format!("\"{header}\" → year")), "{header}: {err}");
        assert!(!err.contains("not read"), "{header}: {err}");
        assert_eq!(w.reading_list()[0]["year"], 2020, "{header}");
    }
}

/// PubMed's citation line writes an online date "Epub 2023 Nov 4"; German
/// lists write no date "o.J." (as French "s.d."): both were refused, "is
/// not a year" (tester r70 F14).
#[test]
fn epub_dates_and_no_date_in_other_languages_are_read() {
    let w = workdir();
    w.import_reading(
        "e.csv",
        "title,authors,year,container\nOnline,\"Osei, K\",Epub 2023 Nov 4,BMJ\nGerman,\"Osei, K\",o.J.,\n\
         Spanish,\"Osei, K\",s.f.,\nRussian,\"Osei, K\",б. г.,\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Online");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2023), Some(11), Some(4)), "{r}");
    assert_eq!(r["year_note"], "ahead of print", "{r}");
    for t in ["German", "Spanish", "Russian"] {
        let r = common::reading(&list, t);
        assert!(r["year"].is_null() && r["year_note"].is_null(), "{r}");
    }
    let refs = w.references("apa");
    assert!(common::reference(&refs, "German").contains("(n.d.-"), "same author, undated: lettered: {refs:?}");
}

/// Zotero writes its Extra field into BibTeX's `note` one line each
/// ("Original Date: 1959", "original-title: …", then free text): the lines
/// were run into one, the original title lost and the original year with
/// it, unsaid (tester r71 F1). Read as CSL-JSON's `note` is; a note the
/// file wraps over lines stays one paragraph.
#[test]
fn zotero_extra_lines_in_a_bibtex_note_are_read_one_by_one() {
    let w = workdir();
    let err = w.import_reading(
        "z.bib",
        "@book{fanon_dying_1965,\n\ttitle = {A Dying Colonialism},\n\tauthor = {Fanon, Frantz},\n\tyear = {1965},\n\
         \tpublisher = {Grove Press},\n\tnote = {Original Date: 1959\nOriginal Title: L'An V de la r{\\'e}volution alg{\\'e}rienne}\n}\n\
         @book{fanon_wretched_1963,\n\ttitle = {The Wretched of the Earth},\n\tauthor = {Fanon, Frantz},\n\tyear = {1963},\n\
         \tnote = {original-title: Les damn{\\'e}s de la terre\noriginal-date: 1961\nRead for week 5 seminar}\n}\n\
         @article{hoffman2016,\n\ttitle = {Racial bias in pain assessment},\n\tauthor = {Hoffman, Kelly M.},\n\tyear = {2016},\n\
         \tjournal = {PNAS},\n\tnote = {PMID: 27044069\nPMCID: PMC4843483}\n}\n\
         @article{wrapped,\n\ttitle = {Wrapped note},\n\tauthor = {Osei, K.},\n\tyear = {2020},\n\tjournal = {BMJ},\n\
         \tnote = {A note the file wrapped\n\tover two lines}\n}\n",
    );
    assert!(!err.contains("Original Title"), "read, not named: {err}");
    let list = w.reading_list();
    let r = common::reading(&list, "A Dying");
    assert_eq!(
        (r["original_year"].as_str(), r["original_title"].as_str()),
        (Some("1959"), Some("L'An V de la révolution algérienne")),
        "{r}"
    );
    let r = common::reading(&list, "The Wretched");
    assert_eq!(
        (r["original_year"].as_str(), r["original_title"].as_str()),
        (Some("1961"), Some("Les damnés de la terre")),
        "{r}"
    );
    assert_eq!(r["annotation"], "Read for week 5 seminar", "{r}");
    let r = common::reading(&list, "Racial bias");
    assert_eq!(r["pmid"], "27044069", "{r}");
    assert!(!r["annotation"].as_str().unwrap_or("").contains("27044069"), "{r}");
    assert_eq!(common::reading(&list, "Wrapped")["annotation"], "A note the file wrapped over two lines");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "The Wretched").contains("(Original work published 1961)"), "{apa:?}");
}

/// Small kinds of names from testers r70 and r71: " / " between names
/// (F21: read as given name "Ngozi / Byrne" and a person "Siobhan"), a title
/// before a name (F10: "Dr." kept as a given name, cited "Yusuf DA"), the
/// British "Jnr" (F19: printed as written beside "Jr."), and an editor
/// role said "as an editor" (r71 F16: "as a editor").
#[test]
fn slashes_titles_and_british_suffixes_in_names() {
    let w = workdir();
    let err = w.import_reading(
        "s.csv",
        "title,authors,year\nSlash,\"Achebe, Ngozi / Byrne, Siobhan\",2017\n\
         Titled,\"Yusuf, Dr. Amina; Osei, Prof. Kwame\",2019\nBritish,\"Smith, Jnr, John; Jones, Snr, Tom\",2018\n\
         Edited,\"Barsamian, David (ed.); Chomsky, Noam\",2003\n",
    );
    assert!(
        err.contains("\"Dr.\" dropped from the name \"Yusuf, Dr. Amina\": a title before a name is not part"),
        "{err}"
    );
    assert!(err.contains("as an editor"), "{err}");
    let list = w.reading_list();
    let names = |t: &str| -> Vec<(String, String)> {
        common::reading(&list, t)["author_names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["family"].as_str().unwrap_or("").to_string(), n["given"].as_str().unwrap_or("").to_string()))
            .collect()
    };
    let pair = |f: &str, g: &str| (f.to_string(), g.to_string());
    assert_eq!(names("Slash"), vec![pair("Achebe", "Ngozi"), pair("Byrne", "Siobhan")]);
    assert_eq!(names("Titled"), vec![pair("Yusuf", "Amina"), pair("Osei", "Kwame")]);
    let apa = w.references("apa");
    assert!(common::reference(&apa, "British").starts_with("Smith, J., Jr., & Jones, T., Sr."), "{apa:?}");
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "British").starts_with("Smith J Jr, Jones T Sr."), "{vancouver:?}");
    assert!(common::reference(&vancouver, "Titled").starts_with("Yusuf A, Osei K."), "{vancouver:?}");
}

/// biblatex `eprinttype = {pmid}` as some exporters write it was named as
/// not stored (tester r71 F15); canon's own RIS rejects file, fixed and
/// imported again, warned of its own `# rejected:` lines (tester r70 F11).
#[test]
fn an_eprint_pmid_and_a_fixed_rejects_file_are_read() {
    let w = workdir();
    let err = w.import_reading(
        "p.bib",
        "@article{ahmed2021, title={Decolonising medical education}, author={Ahmed, S.}, year={2021},\n\
         journal={BMJ}, eprinttype={pmid}, eprint={34376403}}\n",
    );
    assert!(!err.contains("eprint"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Decolonising")["pmid"], "34376403");
    w.write(
        "bad.ris",
        "TY  - JOUR\nAU  - Osei, K.\nPY  - 2020\nER  - \n\nTY  - JOUR\nTI  - Good\nPY  - 2020\nER  - \n",
    );
    w.ok(&["import", "reading", "bad.ris", "--skip-invalid", "--rejects", "rejects.ris"]);
    let rejects = std::fs::read_to_string(w.path("rejects.ris")).unwrap();
    assert!(rejects.starts_with("# rejected: "), "{rejects}");
    w.write("fixed.ris", rejects.replace("PY  - 2020", "TI  - Fixed\nPY  - 2020"));
    let err = w.ok_stderr(&["import", "reading", "fixed.ris"]);
    assert!(!err.contains("outside any record") && !err.contains("warning"), "{err}");
    assert!(err.contains("1 new"), "{err}");
}

/// A library catalogue's ISBN with its volume, "0415047722 (v. 2)": the
/// "2" was called an invalid ISBN, and a record of volume 2 without `VL`
/// merged into the set's record, which took the volume's ISBN (tester r72
/// F18). The qualifier's volume is the record's when it gives none.
#[test]
fn a_catalogue_isbn_qualifier_names_the_volume() {
    let w = workdir();
    let err = w.import_reading(
        "v.ris",
        "TY  - BOOK\nTI  - Companion Encyclopedia\nSN  - 0415047722 (v. 2)\nPY  - 1993\nER  - \n\n\
         TY  - BOOK\nTI  - Other book\nSN  - 978-0-8021-4132-3 (pbk.)\nPY  - 2004\nER  - \n",
    );
    assert!(!err.contains("not a valid ISBN"), "{err}");
    assert!(err.contains("read as the ISBN 0415047722 of volume 2"), "{err}");
    assert!(err.contains("the qualifier \"(pbk.)\" after it"), "{err}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Companion")["volume"], "2");
    assert!(common::reading(&list, "Other")["volume"].is_null());
    // A CSV cell the same.
    let err = w.import_reading("v.csv", "title,year,type,isbn\nSet book,1993,book,0415047730 (vol. 3)\n");
    assert!(err.contains("of volume 3"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Set book")["volume"], "3");
}

/// Zotero's Extra "version: 3" on a data set is its version, printed by
/// APA, as biblatex's `version` is (tester r72 F19: kept in the note); an
/// EndNote "Original Publication" sentence is kept whole in the note, its
/// year read, never stored as a title cut at a comma (tester r72 F4).
#[test]
fn extra_version_and_an_original_publication_sentence() {
    let w = workdir();
    w.import_reading(
        "d.bib",
        "@misc{d1, title = {Race and health survey}, author = {{Office for National Statistics}}, year = {2021},\n\
         note = {type: dataset\nversion: 3}}\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Race and health");
    assert_eq!(r["edition"], "Version 3", "{r}");
    assert!(!r["annotation"].as_str().unwrap_or("").contains("version"), "{r}");
    assert!(common::reference(&w.references("apa"), "Race and health").contains("(Version 3)"));
    let err = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book\">6</ref-type><contributors><authors>\
         <author>Fanon, Frantz</author></authors></contributors><titles><title>Black Skin, White Masks</title></titles>\
         <dates><year>2008</year></dates><orig-pub>Originally published in French as Peau noire, masques blancs \
         (Paris: Éditions du Seuil, 1952)</orig-pub></record></records></xml>",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Black Skin");
    assert!(r["original_title"].is_null(), "{r}");
    assert_eq!(r["original_year"], "1952", "{r}");
    assert!(r["annotation"].as_str().unwrap_or("").contains("Originally published in French as Peau noire"), "{r}");
    assert!(err.contains("a sentence about the original, not a title"), "{err}");
}

/// PubMed's record of a French article (its bracketed English translation,
/// `TT` the original) and the same work from RIS under its French title,
/// in either order: one record with both titles, as PubMed stores it. The
/// translation was stored nowhere, and the import's undo was refused
/// ("original_title is no longer what #4 set"; tester r73 F5, F6).
#[test]
fn pubmeds_translation_and_the_original_title_are_one_record_in_either_order() {
    let nbib = "PMID- 30000001\nDP  - 2019 Jan-Feb\nTI  - [Colonial medicine in French West Africa].\n\
                TT  - La médecine coloniale en Afrique occidentale française.\nFAU - Diop, Cheikh Anta\n\
                LID - 10.9999/RHM.2019.001 [doi]\nLA  - fre\nJT  - Revue d'histoire de la medecine\nVI  - 40\nIP  - 1\n\
                PG  - 5-12\n";
    let ris = "TY  - JOUR\nAU  - Diop, Cheikh Anta\nTI  - La médecine coloniale en Afrique occidentale française\n\
               PY  - 2019\nDO  - 10.9999/rhm.2019.001\nT2  - Revue d'histoire de la médecine\nPB  - Société française\n\
               VL  - 40\nER  - \n";
    for (first, second) in [("p.nbib", "r.ris"), ("r.ris", "p.nbib")] {
        let w = workdir();
        let text = |n: &str| if n == "p.nbib" { nbib } else { ris };
        w.import_reading(first, text(first));
        let err = w.import_reading(second, text(second));
        let list = w.reading_list();
        assert_eq!(list.as_array().unwrap().len(), 1, "{first} then {second}");
        let r = &list[0];
        assert_eq!(r["title"], "[Colonial medicine in French West Africa]", "{first} then {second}: {err}");
        assert_eq!(
            r["original_title"], "La médecine coloniale en Afrique occidentale française",
            "{first} then {second}"
        );
        assert_eq!(r["publisher"], "Société française", "{first} then {second}");
        let apa = w.references("apa");
        assert!(
            common::reference(&apa, "[Colonial").contains(
                "La médecine coloniale en Afrique occidentale française [Colonial medicine in French West Africa]"
            ),
            "{apa:?}"
        );
        // The second import is undone whole: nothing else touched the record.
        let n = err.split("`canon undo ").nth(1).and_then(|t| t.split('`').next()).expect("undo number").to_string();
        w.ok(&["undo", &n, "--by", "Ama"]);
        let r = w.reading_list()[0].clone();
        assert!(r["publisher"].is_null() || first == "r.ris", "{r}");
    }
}
