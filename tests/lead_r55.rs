//! Issue 12 (lead, r55), through the binary: findings of testers r49 and
//! r55–r57 on references as the styles print them and on imports.

mod common;

use common::workdir;
use serde_json::json;

/// A reference mostly in Arabic reads right to left (inside the list's
/// left-to-right line since tester r64 F9), and its
/// volume, issue and pages read as the style wrote them (tester r49 F2:
/// "7:1-20" was drawn "20-7:1", digits after Arabic letters being Arabic
/// numbers in the bidi algorithm); an English reference beside it is
/// unchanged.
#[test]
fn volume_and_pages_of_an_arabic_reference_read_in_the_styles_order() {
    let w = workdir();
    w.import_reading(
        "l.json",
        r#"[{"id":"a1","type":"article-journal","title":"الطب الاستعماري في شمال أفريقيا","author":[{"literal":"محمد الرازي"},{"family":"al-Rāzī","given":"Muḥammad"}],"container-title":"مجلة التاريخ الطبي","volume":"7","issue":"3","page":"1-20","issued":{"date-parts":[[2018]]}},
{"id":"a2","type":"article-journal","title":"Colonial medicine","author":[{"family":"Smith","given":"Anne"}],"container-title":"Lancet","volume":"7","page":"1-20","issued":{"date-parts":[[2018]]}}]"#,
    );
    // (Harvard's "7(3)," after the Arabic container: read ",7(3)" in the
    // right-to-left line until tester r64 F9, in order in the list's
    // left-to-right line since.)
    for (style, group, english) in
        [("vancouver", "2018;7(3):1-20", "2018;7:1-20."), ("apa", "1–20", "1–20."), ("harvard", "7(3),", "7,")]
    {
        w.ok(&["report", &format!("{style}.pdf"), "--style", style]);
        let Some(words) = common::pdf_words(&w.path(&format!("{style}.pdf"))) else { return };
        assert!(
            words.iter().any(|x| x.text.contains(group)),
            "{style}: {group:?} as one word, in order: {:?}",
            words.iter().filter(|x| x.text.chars().any(|c| c.is_ascii_digit())).map(|x| &x.text).collect::<Vec<_>>()
        );
        assert!(words.iter().any(|x| x.text == english), "{style}: the English reference ends {english:?}");
        // The Arabic reference reads right to left inside the list's
        // left-to-right line (tester r64 F9; until then the whole line was
        // right to left, its year at the left): its first author right of
        // its title, its year after its Arabic words, at their right (poppler
        // gives a right-to-left word's letters in visual order).
        let name = words.iter().find(|x| x.text.contains("يزارلا")).expect("the first author");
        let title = words.iter().find(|x| x.text.contains("يرامعتسالا") && x.y0 == name.y0).map(|x| x.x0);
        if let Some(x) = title {
            assert!(x < name.x0, "{style}: the title is left of the first author in the right-to-left words");
        }
        let year = words.iter().find(|x| x.text.contains("2018") && x.y0 == name.y0).map(|x| x.x0);
        if let Some(x) = year
            && style == "vancouver"
        {
            assert!(x > name.x0, "{style}: the year follows the Arabic words, at their right");
        }
    }
}

/// A field both sides of a merge changed, where ours is the same value in
/// fuller form, is kept and named with both values (tester r54 F4: the merge
/// said "1 kept ours" and named neither record nor field); merged the other
/// way, the fuller form is taken.
#[test]
fn a_merge_names_what_it_kept_of_ours_against_theirs() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={NEJM}, year={2020}, \
         volume={383}, pages={874--882}, doi={10.1056/NEJMms2004740}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    let full = "New England Journal of Medicine";
    w.ok(&["reading", "edit", "10.1056/NEJMms2004740", "--container", full, "--by", "xavi"]);
    w.ok_at(&theirs, &["reading", "edit", "10.1056/NEJMms2004740", "--container", "N Engl J Med", "--by", "yuki"]);
    let ours = w.path("x.db");
    std::fs::copy(w.db(), &ours).unwrap();
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "xavi"]);
    let line = out.lines().find(|l| l.contains("kept-ours")).unwrap_or_else(|| panic!("no kept-ours step: {out}"));
    assert!(
        line.contains("Hidden in plain sight")
            && line.contains(&format!("container \"{full}\" (theirs \"N Engl J Med\": theirs is its abbreviation)")),
        "{line}"
    );
    assert_eq!(common::reading(&w.reading_list(), "Hidden")["container"], full);
    // The other way: theirs is fuller, taken.
    let out = w.ok_at(&theirs, &["merge", ours.to_str().unwrap(), "--by", "yuki"]);
    assert!(out.lines().any(|l| l.contains("update") && l.contains("container")), "{out}");
    assert!(!out.contains("kept-ours"), "{out}");
}

/// Vancouver drops the full stops of a journal's abbreviation, never a
/// decimal point or an identifier's (tester r57 F1: "Health Equity 2.0"
/// printed "20", "arXiv:2107.10356" printed "arXiv:210710356").
#[test]
fn vancouver_keeps_the_stop_between_digits_of_a_journal_name() {
    let w = workdir();
    w.import_reading(
        "j.bib",
        "@article{c2, title={Beta study}, author={Abe, Ken}, journal={Journal of Health Equity 2.0}, volume={1}, \
         pages={1-2}, year={2011}}\n\
         @article{c3, title={Gamma study}, author={Abe, Ken}, journal={Ann. N.Y. Acad. Sci.}, volume={1}, pages={1-2}, \
         year={2012}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(common::reference(&v, "Beta"), "Abe K. Beta study. Journal of Health Equity 2.0. 2011;1:1-2.");
    assert_eq!(common::reference(&v, "Gamma"), "Abe K. Gamma study. Ann NY Acad Sci. 2012;1:1-2.");
}

/// Google Scholar's BibTeX of an arXiv paper (`journal = {arXiv preprint
/// arXiv:NNNN}`) is a preprint in arXiv, as the same paper with `eprint`
/// is (tester r57 F4: a journal called "arXiv Preprint"; F1: its number
/// lost its stop); `howpublished = {Online}` is the medium, not a publisher
/// (tester r57 F2: "Online; 2022 Feb"), and said as not stored.
#[test]
fn scholars_arxiv_entry_is_a_preprint_and_online_is_no_publisher() {
    let w = workdir();
    let said = w.import_reading(
        "gs.bib",
        "@article{gs1, title={Reading race: AI recognises patient's racial identity in medical images},\n\
         author={Gichoya, Judy Wawira and Banerjee, Imon}, journal={arXiv preprint arXiv:2107.10356}, year={2021}}\n\
         @misc{web2, author = {{NHS Race and Health Observatory}}, title = {Ethnic inequalities in healthcare},\n\
         year = {2022}, month = feb, url = {https://www.nhsrho.org/research/}, urldate = {2024-03-05},\n\
         howpublished = {Online}}\n",
    );
    assert!(said.contains("not stored (canon has no field for them): BibTeX howpublished (1 record)"), "{said}");
    assert!(!said.contains("BibTeX journal"), "the journal is read as the e-print: {said}");
    let r = common::reading(&w.reading_list(), "Reading race").clone();
    assert_eq!(r["url"], "https://arxiv.org/abs/2107.10356");
    assert!(r["container"].is_null(), "{r}");
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Reading race"),
        "Gichoya, J. W., & Banerjee, I. (2021). Reading race: AI recognises patient's racial identity in medical \
         images [Preprint]. arXiv. https://arxiv.org/abs/2107.10356"
    );
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Reading race").contains("[preprint]. arXiv [Internet]. 2021."));
    assert_eq!(
        common::reference(&v, "Ethnic"),
        "NHS Race and Health Observatory. Ethnic inequalities in healthcare [Internet]. 2022 Feb [cited 2024 Mar 5]. \
         Available from: https://www.nhsrho.org/research/"
    );
}

/// A work with an English title is cited left to right even when its
/// author's name in Arabic has more letters than the rest of the reference
/// (tester r56 F6: "محمد بن زكريا الرازي. R5 single. 2013." was set right
/// to left, its year drawn ")2013(" and the list number at the right).
#[test]
fn a_reference_with_an_english_title_is_left_to_right() {
    let w = workdir();
    w.import_reading(
        "rtl.csv",
        // (The Arabic book with its place and publisher, so that all of it
        // is Arabic: without them Vancouver prints "[place unknown]:
        // [publisher unknown]" in English, tester r74 F6.)
        "title,authors,year,type,place,publisher\n\
         R4 book two,\"محمد بن زكريا الرازي; Smith, John\",2012,book,,\n\
         R5 single,\"محمد بن زكريا الرازي\",2013,book,,\n\
         الطب في الأندلس,\"حسن، ليلى\",2015,book,بيروت,دار الفكر\n",
    );
    for style in ["vancouver", "apa"] {
        let pdf = w.path(&format!("{style}.pdf"));
        w.ok(&["report", pdf.to_str().unwrap(), "--style", style]);
        let Some(words) = common::pdf_words(&pdf) else { return };
        for (title, year) in [("R5", "2013"), ("R4", "2012")] {
            let t = words.iter().find(|x| x.text == title).unwrap_or_else(|| panic!("{style}: {title}"));
            let line: Vec<_> = words.iter().filter(|x| x.page == t.page && (x.y1 - t.y1).abs() < 5.0).collect();
            let y = line.iter().find(|x| x.text.contains(year)).unwrap_or_else(|| panic!("{style}: {year}"));
            // Vancouver: title, then year; APA: year, then title.
            assert_eq!(t.x0 < y.x0, style == "vancouver", "{style}: title and year {year} in the style's order");
            assert!(!y.text.contains(&format!("){year}")), "{style}: {}", y.text);
            let arabic = line.iter().find(|x| x.text.contains("يزارلا")).expect("the author's name");
            assert!(arabic.x0 < t.x0.min(y.x0), "{style}: the author's name comes first, at the left");
        }
        // An all-Arabic reference stays right to left: its author right of its title.
        let t = words.iter().find(|x| x.text.contains("سلدنألا")).expect("Arabic title");
        let a = words.iter().find(|x| x.page == t.page && (x.y1 - t.y1).abs() < 5.0 && x.text.contains("نسح"));
        assert!(a.is_some_and(|a| a.x0 > t.x0), "{style}: the Arabic reference is right to left");
    }
}

/// A RIS date's free "other information" and MEDLINE's free text after the
/// year keep the date and are named as not stored (tester r56 F4, F7: the
/// whole file was refused, "is not a year", then "the record has no year").
#[test]
fn free_text_in_a_ris_or_medline_date_keeps_the_date_and_is_named() {
    let w = workdir();
    let said = w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - Lind, T.\nTI  - T one\nPY  - 2019/04/02/Epub\nT2  - Lancet\nER  - \n\n\
         TY  - JOUR\nAU  - Lind, T.\nTI  - T two\nY1  - 2019/04/02/2nd printing\nT2  - Lancet\nER  - \n\n\
         TY  - JOUR\nAU  - Lind, T.\nTI  - T three\nPY  - 2019///Summer\nT2  - Lancet\nER  - \n",
    );
    assert!(
        said.contains(
            "r.ris:4:7: warning: in the record starting at line 1: date \"2019/04/02/Epub\": kept \"2019/04/02\"; the \
             other information \"Epub\" is not"
        ),
        "{said}"
    );
    assert!(said.contains("kept \"2019/04/02\"; the other information \"2nd printing\""), "{said}");
    assert!(!said.contains("RIS PY") && !said.contains("RIS Y1"), "the date is read: {said}");
    let said = w.import_reading(
        "m.nbib",
        "PMID- 90000006\nTI  - Mid june.\nFAU - Lind, T\nAU  - Lind T\nDP  - 2019 Mid-Jun\nTA  - Lancet\n\n\
         PMID- 90000007\nTI  - Quarter.\nFAU - Lind, T\nAU  - Lind T\nDP  - 2019 1st Quarter\nTA  - Lancet\n\n\
         PMID- 90000009\nTI  - Epub day.\nFAU - Lind, T\nAU  - Lind T\nDP  - 2019 Jun 3 Epub\nTA  - Lancet\n",
    );
    assert!(
        said.contains("m.nbib:5:7: warning: in record PMID 90000006: date \"2019 Mid-Jun\": kept \"2019\""),
        "{said}"
    );
    assert!(said.contains("kept \"2019\"; \"1st Quarter\" is not"), "{said}");
    assert!(said.contains("kept \"2019 Jun 3\"; \"Epub\" is not"), "{said}");
    let list = w.reading_list();
    for (title, month, day, season) in [
        ("T one", json!(4), json!(2), json!(null)),
        ("T two", json!(4), json!(2), json!(null)),
        ("T three", json!(null), json!(null), json!("summer")),
        ("Mid june", json!(null), json!(null), json!(null)),
        ("Quarter", json!(null), json!(null), json!(null)),
        ("Epub day", json!(6), json!(3), json!(null)),
    ] {
        let r = common::reading(&list, title);
        assert_eq!((r["year"].clone(), r["month"].clone(), r["day"].clone()), (json!(2019), month, day), "{title}");
        assert_eq!(r["season"], season, "{title}");
    }
    // A CSV's year cell with one year among words canon cannot read keeps
    // the year and says the text (tester r93 F1: a valid file is never
    // refused whole for it; a cell with no year is still refused).
    let err = w.ok_stderr(&[
        "import",
        "reading",
        &w.write("y.csv", "title,authors,year\nX,\"A, B\",2019 blah\n").display().to_string(),
    ]);
    assert!(
        err.contains(
            "y.csv:2:3: warning: date \"2019 blah\" is not a date canon reads whole; read as \"2019\", the rest of \
             its text not stored"
        ),
        "{err}"
    );
    assert_eq!(common::reading(&w.reading_list(), "X")["year"], json!(2019));
}

/// A DOI pasted with the closing bracket of the sentence around it is
/// stored as published, and the same DOI from another list is the same
/// work (tester r56 F1: "…30183-5)" stored, and a second record made).
#[test]
fn a_dois_unpaired_closing_bracket_is_the_sentences() {
    let w = workdir();
    w.import_reading(
        "d1.csv",
        "title,authors,year,type,doi\n\
         T8,\"A, B\",2008,article,https://doi.org/10.1016/S0140-6736(20)30183-5).\n\
         T13,\"A, B\",2013,article,[10.1000/abc13]\n",
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "T8")["doi"], "10.1016/S0140-6736(20)30183-5");
    assert_eq!(common::reading(&list, "T13")["doi"], "10.1000/abc13");
    let said = w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - A, B\nTI  - T8\nPY  - 2008\nDO  - 10.1016/S0140-6736(20)30183-5\nER  - \n",
    );
    assert!(said.contains("0 new"), "{said}");
    assert_eq!(w.reading_list().as_array().map(Vec::len), Some(2));
}

/// biblatex's `@set` and `@xdata` entries are not works: a set's members
/// import one by one, an entry takes the fields of the `@xdata` it names,
/// and what is not used is said (tester r56 F5: each refused the whole
/// file, "has no title"; the book lost its publisher and place).
#[test]
fn biblatex_set_and_xdata_entries_are_not_works() {
    let w = workdir();
    let said = w.import_reading(
        "b.bib",
        "@set{s1, entryset={a1,a2}}\n\
         @article{a1, author={A, B}, title={Set member one}, journal={J}, year=2001}\n\
         @article{a2, author={A, C}, title={Set member two}, journal={J}, year=2002}\n\
         @xdata{pubinfo, publisher={Grove Press}, location={New York}}\n\
         @xdata{other, note={unused}}\n\
         @book{x1, author={Fanon, Frantz}, title={The wretched of the earth}, year={2004}, xdata={pubinfo}}\n\
         @book{x2, author={Fanon, Frantz}, title={Black skin}, year={2008}, location={Paris}, xdata={nope, pubinfo}}\n",
    );
    assert!(said.contains("4 new"), "{said}");
    assert!(said.contains("b.bib:1:1: warning: in entry `a1`: a member of the biblatex @set `s1`"), "{said}");
    assert!(said.contains("b.bib:5:1: warning: in entry `a1`: @xdata `other` is named by no entry"), "{said}");
    assert!(said.contains("in entry `x2`: xdata `nope` names no @xdata entry in this file"), "{said}");
    assert!(!said.contains("BibTeX xdata") && !said.contains("BibTeX entryset"), "{said}");
    let list = w.reading_list();
    let x1 = common::reading(&list, "The wretched");
    assert_eq!((x1["publisher"].as_str(), x1["place"].as_str()), (Some("Grove Press"), Some("New York")));
    // The entry's own field stands against the @xdata's.
    let x2 = common::reading(&list, "Black skin");
    assert_eq!((x2["publisher"].as_str(), x2["place"].as_str()), (Some("Grove Press"), Some("Paris")));
}

/// A date beside the year whose month and day canon cannot read is said,
/// as it is without the year beside it (tester r56 F2: Zotero's `Date`
/// "04/02/2019" and "2019 Early View" beside `Publication Year` were
/// dropped without a word).
#[test]
fn a_date_beside_the_year_that_is_not_read_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\"\n\
         \"A1\",\"journalArticle\",\"2019\",\"Lind, T.\",\"Zotero dotted\",\"Lancet\",\"02.04.2019\"\n\
         \"A2\",\"journalArticle\",\"2019\",\"Lind, T.\",\"Zotero US\",\"Lancet\",\"04/02/2019\"\n\
         \"A3\",\"journalArticle\",\"2019\",\"Lind, T.\",\"Zotero junk\",\"Lancet\",\"2019 Early View\"\n\
         \"A4\",\"journalArticle\",\"2019\",\"Lind, T.\",\"Zotero fine\",\"Lancet\",\"2019-04-02\"\n",
    );
    assert!(said.contains("z.csv:2:7: warning: the month and day in \"02.04.2019\" not stored: it may be"), "{said}");
    assert!(said.contains("z.csv:3:7: warning: the month and day in \"04/02/2019\" not stored"), "{said}");
    assert!(
        said.contains("z.csv:4:7: warning: the date \"2019 Early View\": the year 2019 is kept; \"Early View\" is no"),
        "{said}"
    );
    assert!(!said.contains("z.csv:5:"), "{said}");
    let fine = common::reading(&w.reading_list(), "Zotero fine").clone();
    assert_eq!((fine["month"].clone(), fine["day"].clone()), (json!(4), json!(2)));
}

/// A `@misc` whose only address is its DOI's resolver link is no web page:
/// Vancouver cites its DOI (tester r55 F4: "[Internet] … Available from:"
/// the percent-encoded link).
#[test]
fn a_doi_link_as_the_only_address_is_cited_as_the_doi() {
    let w = workdir();
    w.import_reading(
        "e.bib",
        "@misc{doi1, author = {Okeke, Ifeoma}, title = {Encoded DOI in url field only}, year = {1999},\n\
         url = {https://doi.org/10.1002/%28SICI%291097-4679%28199911%2955%3A11%3C1423%3A%3AAID-JCLP12%3E3.0.CO%3B2-2}}\n\
         @misc{web1, author = {Okeke, Ifeoma}, title = {A web page}, year = {2000}, url = {https://example.org/page}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Encoded"),
        "Okeke I. Encoded DOI in url field only. 1999. doi:10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2"
    );
    assert!(common::reference(&v, "A web page").contains("[Internet]"));
}

/// Vancouver: a report's type in sentence case keeps a body's capitals
/// (tester r57 F6: "[final report of the commission on social determinants
/// of health]"), and a US state or Canadian province after the place goes
/// in parentheses (F11: "Durham, NC"); Chicago keeps a lettered last page
/// whole (F12: "S1100–1101", "e35–38").
#[test]
fn genre_place_and_lettered_pages_as_the_manuals_print_them() {
    let w = workdir();
    w.import_reading(
        "m.bib",
        "@techreport{tr1, author = {{World Health Organization}}, title = {Closing the gap in a generation},\n\
         institution = {World Health Organization}, address = {Geneva}, year = {2008},\n\
         type = {Final report of the Commission on Social Determinants of Health}}\n\
         @techreport{tr2, author = {{World Health Organization}}, title = {Second}, institution = {WHO}, \
         address = {Geneva}, year = {2009}, type = {Technical Report}}\n\
         @book{b1, editor = {Anderson, Warwick}, title = {Colonial pathologies}, publisher = {Duke University Press},\n\
         address = {Durham, NC}, year = {2006}}\n\
         @book{b2, author = {Abe, Ken}, title = {Toronto book}, publisher = {UTP}, address = {Toronto, Ontario}, \
         year = {2006}}\n\
         @article{s1, author={Abe, Ken}, title={Supp}, journal={Kidney International}, volume={99}, number={Suppl 2},\n\
         pages={S1100--S1101}, year={2021}}\n\
         @article{s2, author={Abe, Ken}, title={Elo}, journal={British Journal of Haematology}, volume={190}, \
         number={2}, pages={e35-e38}, year={2020}}\n\
         @article{s3, author={Abe, Ken}, title={Plain}, journal={Lancet}, volume={1}, pages={1496--1504}, year={2019}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Closing"),
        "World Health Organization. Closing the gap in a generation [final report of the Commission on Social \
         Determinants of Health]. Geneva: World Health Organization; 2008."
    );
    assert!(common::reference(&v, "Second").contains("Second [technical report]."));
    assert_eq!(
        common::reference(&v, "Colonial"),
        "Anderson W, editor. Colonial pathologies. Durham (NC): Duke University Press; 2006."
    );
    assert_eq!(common::reference(&v, "Toronto"), "Abe K. Toronto book. Toronto (ON): UTP; 2006.");
    let c = w.references("chicago");
    assert!(common::reference(&c, "Supp").ends_with("99 (Suppl 2): S1100–S1101."), "{}", common::reference(&c, "Supp"));
    assert!(common::reference(&c, "Elo").ends_with("190 (2): e35–e38."));
    assert!(common::reference(&c, "Plain").ends_with("1: 1496–1504."));
}

/// An access date written in a BibTeX `note` ("Accessed: 2024-03-05",
/// Wikipedia's "[Online; accessed 5-March-2024]") is the access date, cited
/// by Vancouver (tester r57 F8: kept as the group's note, no "[cited …]");
/// a note with more words stays a note. A braced acronym as the author
/// (`{{NHS}}`) is an institution, without a warning asking for braces.
#[test]
fn an_access_date_in_a_bibtex_note_is_the_access_date() {
    let w = workdir();
    let said = w.import_reading(
        "acc.bib",
        "@misc{hp1, author = {{World Health Organization}}, title = {Health equity}, year = {2023},\n\
         howpublished = {\\url{https://www.who.int/health-topics/health-equity}}, note = {Accessed: 2024-03-05}}\n\
         @misc{hp2, author = {{Wikipedia}}, title = {Race and health}, year = {2023},\n\
         url = {https://en.wikipedia.org/wiki/Race_and_health}, note = {[Online; accessed 5-March-2024]}}\n\
         @misc{hp3, author = {{NHS}}, title = {Third}, year = {2023}, url = {https://nhs.uk},\n\
         note = {Accessed on 5 March 2024. Read before week 2}}\n",
    );
    assert!(!said.contains("NHS"), "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Health equity")["accessed"], "2024-03-05");
    assert!(common::reading(&list, "Health equity")["annotation"].is_null());
    assert_eq!(common::reading(&list, "Race and health")["accessed"], "2024-03-05");
    let third = common::reading(&list, "Third");
    assert_eq!(third["annotation"], "Accessed on 5 March 2024. Read before week 2");
    assert_eq!(third["author_names"][0]["literal"], "NHS", "{third}");
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Health equity"),
        "World Health Organization. Health equity [Internet]. 2023 [cited 2024 Mar 5]. Available from: \
         https://www.who.int/health-topics/health-equity"
    );
}

/// Harvard names a web page's organisation once when it is the author
/// (tester r57 F13: "… curriculum, Medical Schools Council. Available at");
/// another site's name stays.
#[test]
fn harvard_names_the_site_once_when_it_is_the_author() {
    let w = workdir();
    w.import_reading(
        "web.json",
        r#"[{"id":"w1","type":"webpage","title":"Decolonising the medical curriculum","author":[{"literal":"Medical Schools Council"}],"container-title":"Medical Schools Council","URL":"https://www.medschools.ac.uk/decolonising","issued":{"date-parts":[[2022,6,1]]},"accessed":{"date-parts":[[2024,3,5]]}},
{"id":"w2","type":"webpage","title":"Another page","author":[{"literal":"BMA"}],"container-title":"The Conversation","URL":"https://theconversation.com/x","issued":{"date-parts":[[2022,6,1]]},"accessed":{"date-parts":[[2024,3,5]]}}]"#,
    );
    let h = w.references("harvard");
    assert_eq!(
        common::reference(&h, "Decolonising"),
        "Medical Schools Council (2022) Decolonising the medical curriculum. Available at: \
         https://www.medschools.ac.uk/decolonising (Accessed: 5 March 2024)."
    );
    assert!(common::reference(&h, "Another page").contains("Another page, The Conversation. Available at"));
}

/// APA: a work with no author has its bracketed description beside its
/// title in the author's place (tester r55 F5: "Title. (2020). [Editorial].").
#[test]
fn apa_keeps_the_description_beside_a_title_in_the_authors_place() {
    let w = workdir();
    w.import_reading(
        "e.json",
        r#"[{"id":"e1","type":"article-journal","title":"Title with no author at all","genre":"Editorial","container-title":"Lancet","volume":"395","issue":"10230","page":"1000-1001","issued":{"date-parts":[[2020]]}},
{"id":"e2","type":"article-journal","title":"Title with author","genre":"Editorial","author":[{"family":"Abe","given":"Ken"}],"container-title":"Lancet","volume":"395","issue":"10230","page":"1002-1003","issued":{"date-parts":[[2020]]}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Title with no author"),
        "Title with no author at all [Editorial]. (2020). Lancet, 395(10230), 1000–1001."
    );
    assert_eq!(
        common::reference(&apa, "Title with author"),
        "Abe, K. (2020). Title with author [Editorial]. Lancet, 395(10230), 1002–1003."
    );
}

/// An authors cell that separates people with commas and puts a group
/// after `;` (PubMed's own form) gives each person and the group, without
/// the list's closing full stop (tester r58 F3: "Smith JA" with the given
/// name "O'Brien S, de la Cruz M", silently).
#[test]
fn commas_between_people_and_a_group_after_a_semicolon() {
    let w = workdir();
    w.import_reading(
        "p.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
         33000001,Race-based medicine in the era of COVID-19.,\"Smith JA, O'Brien S, de la Cruz M; COVID-19 Health \
         Equity Working Group.\",J Gen Intern Med. 2021 Jan-Feb;36(1):12-14.,Smith JA,J Gen Intern Med,2021,\
         2020/10/06,,,\n",
    );
    w.import_reading(
        "m.csv",
        "title,authors,year\n\
         M1,\"Smith, John; O'Brien, S, de la Cruz, M\",2020\n\
         M2,\"Mensah, Kofi A; Davis, Sammy, Jr.\",2020\n\
         M3,\"World Health Organization, Geneva; Smith, J\",2020\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Race-based");
    assert_eq!(
        r["authors"],
        json!(["Smith JA", "O'Brien S", "de la Cruz M", "COVID-19 Health Equity Working Group"]),
        "{r}"
    );
    assert_eq!(r["author_names"][2]["particle"], "de la");
    assert_eq!(r["author_names"][3]["literal"], "COVID-19 Health Equity Working Group");
    let v = w.references("vancouver");
    assert!(
        common::reference(&v, "Race-based").starts_with(
            "Smith JA, O'Brien S, de la Cruz M; COVID-19 Health Equity Working Group. Race-based medicine"
        ),
        "{}",
        common::reference(&v, "Race-based")
    );
    assert_eq!(common::reading(&list, "M1")["authors"], json!(["Smith, John", "O'Brien, S", "de la Cruz, M"]));
    assert_eq!(common::reading(&list, "M2")["authors"], json!(["Mensah, Kofi A", "Davis, Sammy, Jr."]));
    assert_eq!(common::reading(&list, "M3")["authors"], json!(["World Health Organization, Geneva", "Smith, J"]));
}

/// Editors written in an authors cell are the editors, and "editors" is no
/// person (tester r58 F4: an author "editors"; no "(Eds.)").
#[test]
fn editors_marked_in_an_authors_cell_are_the_editors() {
    let w = workdir();
    let said = w.import_reading(
        "eds.csv",
        "title,authors,year,type,publisher\n\
         E1,\"Farmer, Paul (ed.); Kim, Jim Yong (ed.)\",2013,book,UC Press\n\
         E2,\"Farmer, Paul; Kim, Jim Yong (eds)\",2014,book,UC Press\n\
         E3,\"Farmer P, Kim JY, editors\",2015,book,UC Press\n\
         E4,\"Smith, John (Editor)\",2016,book,UC Press\n\
         E5,\"Smith, John; Ed\",2017,book,UC Press\n",
    );
    assert!(said.contains("read as the editors (the last name \"editors\" says they are editors)"), "{said}");
    let list = w.reading_list();
    for (title, editors) in [
        ("E1", json!(["Farmer, Paul", "Kim, Jim Yong"])),
        ("E2", json!(["Farmer, Paul", "Kim, Jim Yong"])),
        ("E3", json!(["Farmer P", "Kim JY"])),
        ("E4", json!(["Smith, John"])),
    ] {
        let r = common::reading(&list, title);
        assert_eq!(r["authors"], json!([]), "{title}: {r}");
        let names: Vec<_> = r["editor_names"].as_array().unwrap().iter().map(|n| n["original"].clone()).collect();
        assert_eq!(json!(names), editors, "{title}");
    }
    // "Ed" may be a person's name: nothing moves.
    assert_eq!(common::reading(&list, "E5")["authors"].as_array().map(Vec::len), Some(2));
    let apa = w.references("apa");
    assert_eq!(common::reference(&apa, "E3"), "Farmer, P., & Kim, J. Y. (Eds.). (2015). E3. UC Press.");
}

/// A row without a type that has an ISBN or a publisher and no journal is
/// a book, said; its publisher and place are cited (tester r58 F8: typed
/// article, they were left out of every reference).
#[test]
fn an_untyped_row_with_an_isbn_and_no_journal_is_a_book() {
    let w = workdir();
    let said = w.import_reading(
        "f.csv",
        "Title,Author(s),Year,Journal,ISBN,Publisher,Place,Edition\n\
         \"Pathologies of power\",\"Farmer, Paul\",2003,,978-0-520-24326-2,University of California Press,Berkeley,2nd\n\
         \"An article\",\"Vyas, Darshali A.\",2020,N Engl J Med,,,,\n",
    );
    // Said once for the file, which has no type column (tester r73 F3; it
    // was said at each row before).
    assert!(
        said.contains(
            "f.csv: type not stated (no type column): 1 row read as article (a journal), 1 as book (an ISBN or a \
             publisher, and no journal)"
        ),
        "{said}"
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Pathologies")["type"], "book");
    assert_eq!(common::reading(&list, "An article")["type"], "article");
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Pathologies"),
        "Farmer P. Pathologies of power. 2nd ed. Berkeley: University of California Press; 2003."
    );
}

/// A page range without its end never replaces the whole range ("1-"
/// replaced "1-14"; tester r58 F7); "Vol. 383" and "No. 9" are the numbers
/// (F12); PubMed's CSV keeps the pages of an article ahead of print in a
/// volume (F2); a day-first access date that can be read one way only is
/// read (F13); an ISBN-10 that lost its leading 0 in a spreadsheet is read,
/// said (F16).
#[test]
fn pages_volumes_access_dates_and_isbns_as_spreadsheets_write_them() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,pages,isbn,volume,issue,container,url,accessed\n\
         Introduction,\"Farmer, Paul\",2013,chapter,1-14,9780520271975,,,Reimagining global health,,\n\
         Vol labels,\"Abe, Ken\",2020,article,874-882,,Vol. 383,No. 9,N Engl J Med,,\n\
         Web page,WHO,2020,web,,,,,,https://who.int/e,13/03/2024\n",
    );
    let said = w.import_reading(
        "b.csv",
        "title,authors,year,type,pages,isbn\nIntroduction,\"Farmer, Paul\",2013,chapter,1-,9780520271975\n\
         Zero lost,\"Abe, Ken\",2005,book,,385509936\n",
    );
    assert!(
        said.contains("kept \"1-14\" (the file's \"1-\" has no last page)") || said.contains("0 changed"),
        "{said}"
    );
    assert!(said.contains("isbn \"385509936\" has nine digits: read as \"0385509936\""), "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Introduction")["pages"], "1-14");
    let v = common::reading(&list, "Vol labels");
    assert_eq!((v["volume"].as_str(), v["issue"].as_str()), (Some("383"), Some("9")));
    assert_eq!(common::reading(&list, "Web page")["accessed"], "2024-03-13");
    assert_eq!(common::reading(&list, "Zero lost")["isbn"], "0385509936");
    w.import_reading(
        "p.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
         38000003,Colonial medicine three.,Diallo M.,Rev Prat. 2023 Nov;73(9):101-9. doi: 10.1234/rp.2023.3. \
         Online ahead of print.,Diallo M,Rev Prat,2023,2023/11/04,,,10.1234/rp.2023.3\n",
    );
    assert_eq!(common::reading(&w.reading_list(), "Colonial medicine three")["pages"], "101-9");
}

/// BibTeX: a macro an `@string` uses that no `@string` defines before it is
/// said where the macro is used (tester r59 F1: "Journal of jn2" printed in
/// silence); "and others" ending an editor list is kept as its "et al." (F2,
/// since names r83; it was said, as the list was cut); `\url{…}`
/// keeps its `~`, `\href` its address, and a note "Available at: \url{…}
/// (Accessed: …)" gives the address and access date (F4).
#[test]
fn bibtex_strings_editor_lists_and_urls_in_notes() {
    let w = workdir();
    let said = w.import_reading(
        "f.bib",
        "@string{j1 = \"Journal of \" # jn2}\n\
         @string{jn2 = \"Racial Health\"}\n\
         @article{a, author={Jones, Kate}, title={Forward string}, journal=j1, year={2011}}\n\
         @incollection{e1, author = {Smith, John}, editor = {Doe, Jane and others}, title = {Chapter},\n\
         booktitle = {Handbook of Health Equity}, publisher = {Springer}, address = {Cham}, year = {2020}}\n\
         @misc{n1, author = {Evans, Efe}, title = {Tilde note}, year = {2023},\n\
         note = {See \\url{https://example.org/~lee/x_y.html} and \\href{https://x.org}{X site}}}\n\
         @misc{n2, author = {Evans, Efe}, title = {Overleaf note}, year = {2023},\n\
         note = {Available at: \\url{https://example.org/report.pdf} (Accessed: 2024-03-05)}}\n",
    );
    assert!(said.contains("the macro `jn2` is not defined by an @string"), "{said}");
    // "and others" ending an editor list: no longer cut (and said), but kept
    // as the list's "et al." (schema 0038, names r83), which the styles print.
    let list = w.reading_list();
    let chapter = common::reading(&list, "Chapter");
    assert_eq!(chapter["editors_truncated"], true, "{chapter}");
    assert_eq!(chapter["editor_names"].as_array().map(Vec::len), Some(1), "{chapter}");
    assert!(common::reference(&w.references("vancouver"), "Chapter").contains("In: Doe J, et al., editors."), "{said}");
    assert_eq!(
        common::reading(&list, "Tilde note")["annotation"],
        "See https://example.org/~lee/x_y.html and X site (https://x.org)"
    );
    let n2 = common::reading(&list, "Overleaf note");
    assert_eq!(
        (n2["url"].as_str(), n2["accessed"].as_str()),
        (Some("https://example.org/report.pdf"), Some("2024-03-05"))
    );
    assert!(n2["annotation"].is_null(), "{n2}");
}

/// A Zotero preprint's "Number" is its archive ID, no article number
/// (tester r59 F7: stored as the pages "Article arXiv:2009.10576").
#[test]
fn a_zotero_preprints_number_is_its_archive_id() {
    let w = workdir();
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publisher\",\"Number\",\"DOI\",\"Date\"\n\
         \"P1\",\"preprint\",\"2021\",\"Chen, Irene Y.; Pierson, Emma\",\"Ethical machine learning in healthcare\",\
         \"arXiv\",\"arXiv:2009.10576\",\"10.48550/arXiv.2009.10576\",\"2021-02-01\"\n",
    );
    let r = common::reading(&w.reading_list(), "Ethical").clone();
    assert!(r["pages"].is_null(), "{r}");
    assert_eq!(r["url"], "https://arxiv.org/abs/2009.10576");
    let apa = w.references("apa");
    assert!(!common::reference(&apa, "Ethical").contains("Article arXiv"), "{}", common::reference(&apa, "Ethical"));
}

/// One title in sentence case with Scopus's " - " and the other in title
/// case with the publisher's dash: the same title in either order (tester
/// r58 F9), and always one source's: the publisher's, with its dash
/// (tester r63 F1; until then the sentence case with the dash, a title
/// neither source wrote).
#[test]
fn sentence_case_and_the_publishers_dash_in_either_order() {
    let sentence = "Hidden in plain sight - Reconsidering the use of race correction in clinical algorithms";
    let titled = "Hidden in Plain Sight \u{2014} Reconsidering the Use of Race Correction in Clinical Algorithms";
    for order in [[sentence, titled], [titled, sentence]] {
        let w = workdir();
        for (i, t) in order.iter().enumerate() {
            w.import_reading(
                &format!("{i}.csv"),
                &format!("title,authors,year,doi\n\"{t}\",\"Vyas, Darshali A.\",2020,10.1056/NEJMms2004740\n"),
            );
        }
        assert_eq!(common::reading(&w.reading_list(), "Hidden")["title"], titled);
    }
}

/// RIS: the same DOI in `M3` and in a note line is one DOI, no conflict
/// (tester r59 F8).
#[test]
fn the_same_doi_in_m3_and_a_note_is_one_doi() {
    let w = workdir();
    let said = w.import_reading(
        "n.ris",
        "TY  - JOUR\nAU  - Vyas, Darshali A.\nTI  - Hidden in plain sight\nJO  - N Engl J Med\nPY  - 2020\n\
         M3  - doi: 10.1056/NEJMms2004740\nN1  - doi: 10.1056/NEJMms2004740\nER  - \n",
    );
    assert!(!said.contains("Extra has DOI"), "{said}");
    let r = common::reading(&w.reading_list(), "Hidden").clone();
    assert_eq!(r["doi"], "10.1056/NEJMms2004740");
    assert!(r["annotation"].is_null(), "{r}");
}

/// BibTeX's `\noopsort{…}` sorts and prints nothing (tester r56 F8: the
/// year "a2019" refused the file); CSL-JSON `page-first` alone is the pages
/// (F11); a RIS file whose last record has no `ER` reads it, said (tester
/// r55 F8: refused whole).
#[test]
fn noopsort_page_first_and_a_last_ris_record_without_er() {
    let w = workdir();
    let said = w.import_reading(
        "n.bib",
        "@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n\
         @article{y7, author={A, B}, journal={J}, title={Y7}, year={{\\noopsort{a}}2019}}\n",
    );
    assert!(!said.contains("noopsort"), "{said}");
    assert_eq!(common::reading(&w.reading_list(), "Y7")["year"], 2019);
    let said = w.import_reading(
        "p.json",
        r#"[{"id":"i","type":"article-journal","title":"First page only","container-title":"Lancet","volume":"395","page-first":"123","issued":{"date-parts":[[2020]]}}]"#,
    );
    assert!(!said.contains("page-first"), "{said}");
    assert_eq!(common::reading(&w.reading_list(), "First page only")["pages"], "123");
    let said = w.import_reading(
        "e.ris",
        "TY  - JOUR\nAU  - Lind, T.\nTI  - Whole record\nPY  - 2019\nER  - \n\n\
         TY  - JOUR\nAU  - Lind, T.\nTI  - Last record\nPY  - 2020\nJO  - Lancet\n",
    );
    assert!(
        said.contains(
            "e.ris:7:1: warning: record starting here has no `ER  - ` line before the end of the file; read to the end"
        ),
        "{said}"
    );
    assert!(said.contains("2 new"), "{said}");
}

/// APA keeps each capital letter of an abbreviated journal name (tester
/// r58 F15: "Proc Natl Acad Sci U s A"); Vancouver gives a web page's range
/// of months (tester r59 F5: "1998 Jul"), and a journal named "J" no longer
/// hides the month's end ("2019 Jul").
#[test]
fn lone_capitals_and_month_ranges() {
    let w = workdir();
    w.import_reading(
        "p.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
         27044073,Racial bias in pain assessment.,Hoffman KM.,Proc Natl Acad Sci U S A. 2016 Apr 19;113(16):4296-301.,\
         Hoffman KM,Proc Natl Acad Sci U S A,2016,2016/04/05,,,\n",
    );
    w.import_reading(
        "m.bib",
        "@online{w1, author={Essien, Efua}, title={Web month range}, url={https://example.org/x}, year={1998}, \
         month={jul--aug}}\n\
         @article{m5, author={E, Ee}, title={Month five}, journal={J}, year={2019}, month={jul--aug}}\n",
    );
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Racial bias").contains("Proc Natl Acad Sci U S A, 113(16)"));
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Web month").contains("[Internet]. 1998 Jul-Aug. Available from"));
    assert_eq!(common::reference(&v, "Month five"), "E E. Month five. J. 2019 Jul-Aug.");
}

/// Scopus: a "Book" whose "Source title" is not its own title is in that
/// series, its "Volume" the number in it (tester r55 F2: "Vol. 1040" with
/// the series lost in Vancouver).
#[test]
fn a_scopus_book_in_a_series_keeps_its_series() {
    let w = workdir();
    w.import_reading(
        "s.csv",
        "\"Authors\",\"Author full names\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Issue\",\"Page start\",\
         \"Page end\",\"Page count\",\"DOI\",\"Publisher\",\"Document Type\",\"Publication Stage\",\"Source\"\n\
         \"World Health Organization\",\"World Health Organization\",\"Guideline on anti-racism in clinical algorithms\",\
         \"2023\",\"WHO Technical Report Series\",\"1040\",\"\",\"1\",\"120\",\"120\",\"\",\"World Health Organization\",\
         \"Book\",\"Final\",\"Scopus\"\n",
    );
    let r = common::reading(&w.reading_list(), "Guideline").clone();
    assert_eq!((r["series"].as_str(), r["volume"].as_str()), (Some("WHO Technical Report Series"), None), "{r}");
    assert!(r["container"].is_null(), "{r}");
    let v = w.references("vancouver");
    let text = common::reference(&v, "Guideline");
    assert!(text.contains("(WHO Technical Report Series; no. 1040)") && !text.contains("Vol. 1040"), "{text}");
}

/// Scopus's supplement in capitals, "SUPPL. 1", is "Suppl 1" (tester r56 C1).
#[test]
fn a_supplement_in_capitals_is_suppl() {
    let w = workdir();
    w.import_reading(
        "s.csv",
        "title,authors,year,type,container,volume,issue,pages\nSupp,\"Abe, Ken\",2017,article,Lancet,22,SUPPL. 1,S12-S15\n",
    );
    assert_eq!(common::reading(&w.reading_list(), "Supp")["issue"], "Suppl 1");
    assert!(common::reference(&w.references("vancouver"), "Supp").contains("2017;22 Suppl 1:S12-5."));
}

/// A colleague who merged our copy and undid that merge has made no change
/// of her own: merging her copy back keeps our imported PMID, date and
/// journal, says so, and a later import is not told they were "set by hand"
/// (tester r61 F6: they were emptied, listed as "update", and the PubMed
/// file could not put them back).
#[test]
fn a_colleagues_undone_merge_never_empties_our_fields() {
    let w = workdir();
    w.import_reading(
        "chen.json",
        r#"[{"id":"s1","type":"article-journal","title":"Racial bias in pulse oximetry measurement","author":[{"family":"Sjoding","given":"Michael W."}],"container-title":"N Engl J Med","volume":"383","issue":"25","page":"2477-2478","issued":{"date-parts":[[2020]]},"DOI":"10.1056/NEJMc2029240"}]"#,
    );
    let amina = w.path("amina.db");
    std::fs::copy(w.db(), &amina).unwrap();
    let nbib = w.write(
        "chen.nbib",
        "PMID- 33326721\nTI  - Racial bias in pulse oximetry measurement.\nFAU - Sjoding, Michael W\nAU  - Sjoding MW\n\
         DP  - 2020 Dec 17\nVI  - 383\nIP  - 25\nPG  - 2477-2478\nTA  - N Engl J Med\n\
         JT  - The New England journal of medicine\nAID - 10.1056/NEJMc2029240 [doi]\n",
    );
    w.ok(&["import", "reading", nbib.to_str().unwrap(), "--by", "chen"]);
    let chen = w.db();
    w.ok_at(&amina, &["merge", chen.to_str().unwrap(), "--by", "amina"]);
    let log: serde_json::Value = serde_json::from_str(&w.ok_at(&amina, &["log", "--all", "--format", "json"])).unwrap();
    let merged = log
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["action"] == "update" && e["note"].as_str().is_some_and(|n| n.starts_with("merged from")))
        .map(|e| e["id"].to_string())
        .expect("the merge's update");
    w.ok_at(&amina, &["undo", &merged, "--by", "amina"]);
    let out = w.ok(&["merge", amina.to_str().unwrap(), "--by", "chen"]);
    let r = common::reading(&w.reading_list(), "Racial bias").clone();
    assert_eq!(
        (r["pmid"].as_str(), r["month"].as_i64(), r["day"].as_i64()),
        (Some("33326721"), Some(12), Some(17)),
        "{out}"
    );
    // Values only our copy has are nothing to decide: kept, not listed as
    // kept-ours with an edit "to take theirs" (tester 86 F6).
    assert!(!out.lines().any(|l| l.contains("kept-ours") && l.contains("pmid")), "{out}");
    assert!(!out.contains("theirs has none"), "{out}");
    // The PubMed file finds nothing set by hand.
    let said = w.ok_stderr(&["import", "reading", nbib.to_str().unwrap(), "--by", "chen", "--dry-run"]);
    assert!(!said.contains("set by hand"), "{said}");
}

/// A reading the other copy removed, which we left as it was, is removed by
/// the merge (listed, and undone by `canon undo`); one we changed since is
/// kept and said (tester r61 F1: their removal was passed over, "0
/// removed").
#[test]
fn their_removal_of_a_reading_we_left_alone_is_merged() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@book{w, author={Fanon, Frantz}, title={The wretched of the earth}, publisher={Grove Press}, year={2004}}\n\
         @book{b, author={Benjamin, Ruha}, title={Race after technology}, publisher={Polity}, year={2019}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    for title in ["The wretched", "Race after"] {
        let id = common::reading(&w.reading_list(), title)["id"].to_string();
        w.ok_at(&theirs, &["reading", "remove", id.trim_matches('"'), "--by", "yuki"]);
    }
    let race = common::reading(&w.reading_list(), "Race after")["id"].to_string();
    w.ok(&["reading", "edit", race.trim_matches('"'), "--place", "Cambridge", "--by", "xavi"]);
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "xavi"]);
    assert!(
        out.lines().any(|l| l.contains("remove") && l.contains("The wretched of the earth (removed on their side)")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("kept") && l.contains("Race after technology: removed on their side, changed here")),
        "{out}"
    );
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    // The merge's removal is undone as any removal is.
    let log: serde_json::Value = serde_json::from_str(&w.ok(&["log", "--all", "--format", "json"])).unwrap();
    let removal = log
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["action"] == "delete" && e["note"].as_str().is_some_and(|n| n.starts_with("merged from")))
        .map(|e| e["id"].to_string())
        .expect("the merge's removal");
    w.ok(&["undo", &removal, "--by", "xavi"]);
    assert_eq!(w.reading_list().as_array().map(Vec::len), Some(2));
    // Their removal, copied into our history, is not ours to undo: said
    // (tester r54 F7: "the reading that #N changed no longer exists").
    let copied = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "delete" && e["note"].as_str().is_some_and(|n| n.starts_with("from ")))
        .map(|e| e["id"].to_string())
        .expect("their removal, copied");
    let err = w.fails(&["undo", &copied, "--by", "xavi"]);
    assert!(err.contains("happened in another copy of the database"), "{err}");
}

/// A capitalised particle after a given name starts the family name in a
/// spreadsheet's cell ("W. E. B. Du Bois" is "Du Bois"; tester r60 F1:
/// family "Bois", printed "Bois WEBD"); BibTeX keeps its own rule, said.
#[test]
fn du_bois_written_given_name_first_is_du_bois() {
    let w = workdir();
    w.import_reading(
        "f.csv",
        "title,authors,year,type,container\n\
         \"Separators nine\",\"Martin Luther King Jr.; W. E. B. Du Bois; Ludwig van Beethoven\",2019,article,Med Educ\n",
    );
    let r = common::reading(&w.reading_list(), "Separators").clone();
    let n = &r["author_names"][1];
    assert_eq!((n["family"].as_str(), n["given"].as_str()), (Some("Du Bois"), Some("W. E. B.")), "{r}");
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Separators").starts_with("King ML Jr, Du Bois WEB, van Beethoven L."));
    let said =
        w.import_reading("b.bib", "@article{d, author={W. E. B. Du Bois}, title={Souls}, journal={J}, year={1903}}\n");
    assert!(said.contains("BibTeX's rule"), "{said}");
}

/// A list export with "Year" and "Date" reads the year from "Year" and the
/// month and day from "Date" (tester r60 F3: "Date" was the year, and a row
/// without one lost its year); a book's author inherited by a chapter
/// through `crossref` is said when the chapter has its own (F5).
#[test]
fn year_beside_a_date_and_a_crossrefd_books_author() {
    let w = workdir();
    w.import_reading(
        "t.csv",
        "Item Link,Resource Type,Title,Authors,Year,Date,Publisher\n\
         https://rl.talis.com/1,Book,The wretched of the earth,\"Fanon, Frantz\",2004,,Grove Press\n\
         https://rl.talis.com/2,Article,Abolish race correction,\"Roberts, Dorothy E.\",2021,2021-01-02,\n",
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "The wretched")["year"], 2004);
    let a = common::reading(&list, "Abolish");
    assert_eq!((a["year"].as_i64(), a["month"].as_i64(), a["day"].as_i64()), (Some(2021), Some(1), Some(2)));
    let said = w.import_reading(
        "x.bib",
        "@inbook{child2, author = {Byrne, Siobhan}, title = {Race in the physiology lab}, pages = {55--70}, \
         crossref = {book2020}}\n\
         @book{book2020, author = {Fofana, Aminata}, title = {Physiology and its histories}, year = {2020}, \
         publisher = {Routledge}, address = {London}}\n",
    );
    assert!(said.contains("BibTeX bookauthor (1 record)"), "{said}");
}

/// A BibTeX macro that grows by using itself is refused before it fills the
/// memory (found by fuzzing: sixty `@string{a = a # a}` took 24 GB).
#[test]
fn a_macro_that_doubles_itself_is_refused() {
    let w = workdir();
    let mut text = String::from("@string{a = \"x\" # b}\n");
    for _ in 0..60 {
        text.push_str("@string{a = a # a}\n");
    }
    text.push_str("@article{k, author={A, B}, title={T}, journal=a, year=2000}\n");
    let file = w.write("boom.bib", &text);
    let err = w.fails(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("is longer than 1048576 bytes"), "{err}");
}

/// A fuller author list stored first keeps what a shorter list's forms of
/// the same people have more (a suffix, diacritics, a particle): both
/// orders give one list (tester r60 F2: "Jr.", "João" and "al-Rāzī" were
/// lost when PubMed's list came first).
#[test]
fn a_shorter_list_adds_its_suffixes_and_diacritics_in_either_order() {
    let bib = "@article{x1, author = {Mensah, Jr., K. and al-R{\\=a}z{\\=\\i}, Mu{\\d h}ammad and Silva, Jo{\\~a}o and \
               Osei, J.}, title = {Names merge test}, journal = {Med Educ}, year = {2019}, volume = {53}, \
               pages = {100--110}, doi = {10.1111/medu.99999}}\n";
    let nbib = "PMID- 31000001\nDP  - 2019 Jan\nTI  - Names merge test.\nPG  - 100-10\nVI  - 53\n\
                FAU - Mensah, Kofi A\nAU  - Mensah KA\nFAU - Al-Razi, Muhammad ibn Zakariya\nAU  - Al-Razi MIZ\n\
                FAU - Silva, Joao Carlos\nAU  - Silva JC\nFAU - Osei, Jane\nAU  - Osei J\nFAU - Extra, Author\n\
                AU  - Extra A\nTA  - Med Educ\nJT  - Medical education\nAID - 10.1111/MEDU.99999 [doi]\n";
    let mut lists = Vec::new();
    for order in [[("a.bib", bib), ("b.nbib", nbib)], [("b.nbib", nbib), ("a.bib", bib)]] {
        let w = workdir();
        for (name, text) in order {
            w.import_reading(name, text);
        }
        lists.push(common::reading(&w.reading_list(), "Names merge")["authors"].clone());
    }
    assert_eq!(lists[0], lists[1], "the order decided the names");
    let names: Vec<String> = lists[0].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    assert!(names[0].contains("Jr."), "{names:?}");
    assert!(names[2].contains("João"), "{names:?}");
}

/// Two different changes to one author list (ours adds a person, theirs
/// writes the names out) are never "ours, the fuller form" (tester r61 F9:
/// their fuller names could not be taken). They were a conflict to settle;
/// since tester r72 F17 they are combined as an import combines them (the
/// person we added, with their written-out names), the same list whichever
/// copy is ours, and the update says so.
#[test]
fn two_different_author_list_changes_are_combined() {
    let w = workdir();
    w.import_reading(
        "base.bib",
        "@article{v, author={Vyas, Darshali A. and Eisenstein, Leo G. and Jones, David S.}, title={Hidden in plain \
         sight}, journal={N Engl J Med}, year={2020}, volume={383}, pages={874--882}, doi={10.1056/NEJMms2004740}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok(&[
        "reading",
        "edit",
        "10.1056/NEJMms2004740",
        "--author",
        "Vyas, Darshali A.",
        "--author",
        "Eisenstein, Leo G.",
        "--author",
        "Jones, David S.",
        "--author",
        "Roberts, Dorothy E.",
        "--by",
        "xavier",
    ]);
    let nbib = w.write(
        "vy.nbib",
        "PMID- 32853499\nTI  - Hidden in plain sight.\nFAU - Vyas, Darshali A\nAU  - Vyas DA\n\
         FAU - Eisenstein, Leo Gabriel\nAU  - Eisenstein LG\nFAU - Jones, David Shumway\nAU  - Jones DS\n\
         DP  - 2020 Aug 27\nVI  - 383\nIP  - 9\nPG  - 874-882\nTA  - N Engl J Med\nAID - 10.1056/NEJMms2004740 [doi]\n",
    );
    w.ok_at(&theirs, &["import", "reading", nbib.to_str().unwrap(), "--by", "yara"]);
    let out = w.run_at(&w.db(), &["merge", theirs.to_str().unwrap(), "--by", "xavier"]);
    let (steps, said) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("0 conflicts") && said.contains("1 updated"), "{said}");
    assert!(steps.contains("combined as an import combines them"), "{steps}");
    let authors = common::reading(&w.reading_list(), "Hidden in plain")["authors"].clone();
    assert_eq!(
        authors,
        serde_json::json!([
            "Vyas, Darshali A.",
            "Eisenstein, Leo Gabriel",
            "Jones, David Shumway",
            "Roberts, Dorothy E."
        ]),
        "{steps}"
    );
}
