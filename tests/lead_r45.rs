//! Issue 12 (lead, r45), through the binary: a name in its own script or
//! with its hyphens is never replaced by a romanised or flattened form,
//! Web of Science's "+" end page, a suffix written before the initials.

mod common;

use common::{reading, workdir};

/// The names of `r`'s authors as written.
fn authors(r: &serde_json::Value) -> Vec<String> {
    r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

/// PubMed writes every name in Latin letters and without some hyphens:
/// its record of a stored work never replaces "王, 小明" by "Wang,
/// Xiaoming", "Kim, Ji-won" by "Kim, Jiwon" or "Ben-David" by "Ben David"
/// (tester r44 F7: all three were replaced, the record made poorer). The
/// kept name in another script is said and counted; a name with its
/// hyphen replaces the flattened one.
#[test]
fn a_romanised_or_flattened_name_never_replaces_the_stored_one() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,doi\nOwn script test,\"王, 小明; Kim, Ji-won; Ben-David, Tamar\",2020,10.1234/own.1\n\
         Hyphen later,\"Kim, Jiwon; Ben David, Tamar\",2021,10.1234/own.2\n",
    );
    let err = w.import_reading(
        "b.nbib",
        "PMID- 11111111\nTI  - Own script test.\nFAU - Wang, Xiaoming\nAU  - Wang X\nFAU - Kim, Jiwon\nAU  - Kim J\n\
         FAU - Ben David, Tamar\nAU  - Ben David T\nDP  - 2020\nAID - 10.1234/own.1 [doi]\nJT  - Test journal\n\n\
         PMID- 22222222\nTI  - Hyphen later.\nFAU - Kim, Ji-won\nAU  - Kim JW\nFAU - Ben-David, Tamar\nAU  - Ben-David T\n\
         DP  - 2021\nAID - 10.1234/own.2 [doi]\nJT  - Test journal\n",
    );
    assert!(
        err.contains("kept \"王, 小明\" (the file writes \"Wang, Xiaoming\", the same person in another script"),
        "{err}"
    );
    assert!(err.contains("1 entry keeps a stored name"), "{err}");
    let list = w.reading_list();
    assert_eq!(authors(reading(&list, "Own script")), ["王, 小明", "Kim, Ji-won", "Ben-David, Tamar"]);
    assert_eq!(authors(reading(&list, "Hyphen later")), ["Kim, Ji-won", "Ben-David, Tamar"]);
    // The same file again changes nothing, and the stored name stays.
    let again = w.ok_stderr(&["import", "reading", w.path("b.nbib").to_str().unwrap()]);
    assert!(again.contains("0 changed"), "{again}");
    assert_eq!(authors(reading(&w.reading_list(), "Own script"))[0], "王, 小明");
}

/// "1001-+" (Web of Science's BibTeX), `EP  - +` (its RIS and plain text):
/// the article goes on over later pages, its end page not given. The
/// first page is stored and the "+" said, never a range to "+" (tester
/// r44 F2, F4: stored "1001-+" and printed so).
#[test]
fn a_plus_end_page_is_the_first_page_and_said() {
    let w = workdir();
    let bib = w.import_reading(
        "p.bib",
        "@article{ WOS:1,\nAuthor = {Osei, Kofi},\nTitle = {Plus pages bib},\nJournal = {LANCET},\nYear = {2019},\n\
         Volume = {393},\nPages = {1001-+},\n}\n",
    );
    assert!(bib.contains("p.bib:1:1: warning") && bib.contains("pages \"1001-+\" stored as \"1001\""), "{bib}");
    let ris = w.import_reading(
        "p.ris",
        "TY  - JOUR\nTI  - Plus ris\nAU  - Osei, K\nPY  - 2019\nSP  - 1001\nEP  - +\nER  - \n",
    );
    assert!(ris.contains("stored as \"1001\": \"+\" says the work goes on over later pages"), "{ris}");
    let wos = w.import_reading(
        "w.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Osei, K\nTI Plus wos\nSO LANCET\n\
         PU ELSEVIER SCIENCE INC\nPI NEW YORK\nPY 2019\nVL 393\nBP 1001\nEP +\nER\n\nEF\n",
    );
    assert!(wos.contains("w.txt:3:1: warning") && wos.contains("stored as \"1001\""), "{wos}");
    let list = w.reading_list();
    for title in ["Plus pages bib", "Plus ris", "Plus wos"] {
        assert_eq!(reading(&list, title)["pages"].as_str(), Some("1001"), "{title}");
    }
    let plus = reading(&list, "Plus wos");
    assert_eq!((plus["publisher"].as_str(), plus["place"].as_str()), (Some("Elsevier Science Inc"), Some("New York")));
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Plus wos").ends_with("Lancet. 2019;393:1001."), "{refs:#?}");
    // Pages that end in "+" on their own are the same.
    let csv = w.import_reading("p.csv", "title,authors,year,pages\nPlus csv,\"Osei, K\",2019,12+\n");
    assert!(csv.contains("pages \"12+\" stored as \"12\""), "{csv}");
}

/// "Mensah Jr. K.A." (Scopus writes a suffix between the family name and
/// the initials) is family "Mensah", suffix "Jr." (tester r44 F10: family
/// "Mensah Jr.", cited "Mensah Jr. KA"); "Lind III T." likewise, never
/// three initials.
#[test]
fn a_suffix_before_the_initials_is_the_suffix() {
    let w = workdir();
    w.import_reading(
        "scopus.csv",
        "Authors,Title,Year,Source title,Volume,Page start,Page end,DOI,Document Type\n\
         \"Mensah Jr. K.A., Lind T.R.\",Scopus suffix,2020,Lancet,1,1,9,10.1/scop.1,Article\n",
    );
    w.import_reading("cl.csv", "title,authors,year\nComma less,\"Lind III T.; King III, Martin L.; Vyas DA\",2020\n");
    let list = w.reading_list();
    let n = &reading(&list, "Scopus suffix")["author_names"][0];
    assert_eq!(
        (n["family"].as_str(), n["suffix"].as_str(), n["given"].as_str()),
        (Some("Mensah"), Some("Jr."), Some("K. A."))
    );
    let names = reading(&list, "Comma less")["author_names"].as_array().unwrap().clone();
    let parts: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        names.iter().map(|n| (n["family"].as_str(), n["given"].as_str(), n["suffix"].as_str())).collect();
    assert_eq!(
        parts,
        [
            (Some("Lind"), Some("T."), Some("III")),
            (Some("King"), Some("Martin L."), Some("III")),
            (Some("Vyas"), Some("D. A."), None)
        ]
    );
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Scopus suffix").starts_with("Mensah KA Jr, Lind TR. "), "{refs:#?}");
}

/// Web of Science's BibTeX export writes the journal and the publisher in
/// capitals, the ISO abbreviation in `journal-iso` and the publisher's
/// street address in `address`: read as its plain text is (the journal
/// in title case, the abbreviation kept), the street address named and
/// never stored as the place of publication.
#[test]
fn web_of_science_bibtex_is_read_as_its_plain_text_is() {
    let w = workdir();
    let err = w.import_reading(
        "savedrecs.bib",
        "@article{ WOS:000563000000001,\nAuthor = {Vyas, Darshali A. and Eisenstein, Leo G.},\n\
         Title = {Hidden in Plain Sight - Reconsidering the Use of Race Correction in\n   Clinical Algorithms},\n\
         Journal = {NEW ENGLAND JOURNAL OF MEDICINE},\nYear = {2020},\nVolume = {383},\nNumber = {9},\n\
         Pages = {874-882},\nMonth = {AUG 27},\nPublisher = {MASSACHUSETTS MEDICAL SOC},\n\
         Address = {860 WINTER ST, WALTHAM, MA 02451-1413 USA},\nDOI = {10.1056/NEJMms2004740},\n\
         Journal-ISO = {N. Engl. J. Med.},\nUnique-ID = {WOS:000563000000001},\n}\n\n\
         @book{plain,\nauthor = {Braun, Lundy},\ntitle = {Breathing Race into the Machine},\n\
         publisher = {UNIVERSITY OF MINNESOTA PRESS},\naddress = {Minneapolis},\nyear = {2014},\n}\n",
    );
    assert!(
        err.contains("BibTeX address (Web of Science's street address of the publisher, no place) (1 record)"),
        "{err}"
    );
    assert!(!err.contains("BibTeX journal") && !err.contains("BibTeX publisher"), "{err}");
    let list = w.reading_list();
    let vyas = reading(&list, "Hidden in Plain Sight");
    assert_eq!(
        (vyas["container"].as_str(), vyas["container_short"].as_str(), vyas["publisher"].as_str()),
        (Some("New England Journal of Medicine"), Some("N. Engl. J. Med."), Some("Massachusetts Medical Soc"))
    );
    assert!(vyas["place"].is_null(), "{vyas:#}");
    // Another BibTeX file's capitals are its own: kept as written.
    let braun = reading(&list, "Breathing Race");
    assert_eq!(
        (braun["publisher"].as_str(), braun["place"].as_str()),
        (Some("UNIVERSITY OF MINNESOTA PRESS"), Some("Minneapolis"))
    );
}

/// Another list's acronym of the stored publisher ("USP" for
/// "Universidade de São Paulo": the articles and prepositions of other
/// languages are no initials either) never replaces it; one edition
/// written another way ("First edition" for "1st") is no change.
#[test]
fn an_acronym_or_another_form_of_the_edition_never_replaces_the_stored_one() {
    let w = workdir();
    w.import_reading(
        "m1.ris",
        "TY  - JOUR\nTI  - Merge depth test\nAU  - Núñez, José María\nPY  - 2021\nT2  - Revista de Saúde Pública\n\
         VL  - 55\nSP  - 101\nEP  - 110\nDO  - 10.1234/merge.1\nPB  - Universidade de São Paulo\nCY  - São Paulo\nER  - \n\n\
         TY  - BOOK\nTI  - Medical Apartheid\nAU  - Washington, Harriet A.\nPY  - 2006\nPB  - Doubleday\nET  - 1st\n\
         SN  - 978-0-385-50993-0\nER  - \n\n\
         TY  - BOOK\nTI  - Medical Ethics Again\nAU  - Lind, Tor\nPY  - 2010\nPB  - Universidad Nacional Autónoma de México\n\
         ET  - 2nd edn\nSN  - 978-0-19-953469-2\nER  - \n",
    );
    let err = w.import_reading(
        "m2.bib",
        "@article{m,\nauthor = {Nunez, Jose Maria},\ntitle = {Merge depth test},\njournal = {Rev Saude Publica},\n\
         year = {2021},\nvolume = {55},\npages = {101--10},\ndoi = {10.1234/merge.1},\npublisher = {USP},\n}\n\
         @book{w,\nauthor = {Washington, Harriet A.},\ntitle = {Medical Apartheid},\nyear = {2006},\n\
         publisher = {Doubleday},\nedition = {First},\nisbn = {0385509936},\n}\n\
         @book{l,\nauthor = {Lind, Tor},\ntitle = {Medical Ethics Again},\nyear = {2010},\npublisher = {UNAM},\n\
         edition = {Second},\nisbn = {9780199534692},\n}\n",
    );
    // (The journal's abbreviation is the one change: the file adds it.)
    assert!(err.contains("1 changed, 2 unchanged"), "{err}");
    let list = w.reading_list();
    let merged = reading(&list, "Merge depth");
    assert_eq!(
        (merged["publisher"].as_str(), merged["container_short"].as_str()),
        (Some("Universidade de São Paulo"), Some("Rev Saude Publica"))
    );
    assert_eq!(reading(&list, "Medical Apartheid")["edition"].as_str(), Some("1st"));
    let again = reading(&list, "Medical Ethics");
    assert_eq!(
        (again["publisher"].as_str(), again["edition"].as_str()),
        (Some("Universidad Nacional Autónoma de México"), Some("2nd edn"))
    );
    // Another edition is another source's value: the stored stays, said
    // with the edit that takes the file's (tester r63 F6: two lists' other
    // editions flipped at every import), and the summary never says the
    // database holds the file.
    let third = w.import_reading(
        "m3.csv",
        "title,authors,year,edition,isbn\nMedical Ethics Again,\"Lind, Tor\",2010,3rd,9780199534692\n",
    );
    assert!(third.contains("the file's edition \"3rd\" differs from the stored \"2nd edn\", which stays"), "{third}");
    assert!(third.contains("--edition \"3rd\""), "{third}");
    assert!(!third.contains("already holds this file"), "{third}");
}

/// Citing Medicine ch. 3: a conference paper's proceedings with a
/// publisher and no place of publication get "[place unknown]", as a
/// book's do (tester r44 F9: the publisher stood alone).
#[test]
fn a_proceedings_paper_without_a_place_is_place_unknown_in_vancouver() {
    let w = workdir();
    w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"paper-conference","title":"A proceedings paper","author":[{"family":"Osei","given":"Ama"}],
        "issued":{"date-parts":[[2019]]},"container-title":"Proceedings of the Health Equity Conference","publisher":"ACM",
        "page":"10-19"},
        {"id":"d","type":"paper-conference","title":"A placed paper","author":[{"family":"Osei","given":"Ama"}],
        "issued":{"date-parts":[[2019]]},"container-title":"Proceedings of the Health Equity Conference","publisher":"ACM",
        "publisher-place":"New York","page":"10-19"}]"#,
    );
    let refs = w.references("vancouver");
    assert_eq!(
        common::reference(&refs, "A proceedings paper"),
        "Osei A. A proceedings paper. In: Proceedings of the Health Equity Conference. [place unknown]: ACM; 2019. p. 10-9."
    );
    assert!(common::reference(&refs, "A placed paper").contains("Conference. New York: ACM; 2019."), "{refs:#?}");
}

/// Cite Them Right: a video on a video-sharing site is "Owner (Year)
/// *Title*. Day Month. Available at: …" (the title in italics, the day of
/// upload after it, the site not named), and a podcast episode gives its
/// day after "*Podcast* [Podcast]." with the medium upright (tester r41
/// C3, C5: the video's title was in quotes with the site, and neither gave
/// its day).
#[test]
fn harvard_gives_a_videos_and_a_podcasts_day_and_the_videos_title_in_italics() {
    let w = workdir();
    w.import_reading(
        "v.json",
        r#"[{"id":"v","type":"motion_picture","title":"Race and medicine: a history","author":[{"family":"Roberts","given":"Dorothy"}],
        "issued":{"date-parts":[[2020,10,5]]},"container-title":"YouTube","URL":"https://www.youtube.com/watch?v=abc",
        "accessed":{"date-parts":[[2023,1,9]]}},
        {"id":"p","type":"broadcast","genre":"Podcast","title":"The mistreatment of Black patients","author":[{"family":"Demby","given":"Gene"}],
        "container-title":"Code Switch","publisher":"NPR","issued":{"date-parts":[[2021,2,10]]},"URL":"https://www.npr.org/cs/1"},
        {"id":"f","type":"motion_picture","title":"A film without an address","author":[{"family":"Lind","given":"Tor"}],
        "issued":{"date-parts":[[2019,3,1]]},"publisher":"BBC"}]"#,
    );
    let refs = w.references("harvard");
    assert_eq!(
        common::reference(&refs, "Race and medicine"),
        "Roberts, D. (2020) Race and medicine: a history. 5 October. Available at: https://www.youtube.com/watch?v=abc \
         (Accessed: 9 January 2023)."
    );
    assert_eq!(
        common::reference(&refs, "The mistreatment"),
        "Demby, G. (2021) ‘The mistreatment of Black patients’, Code Switch [Podcast]. 10 February. NPR. Available at: \
         https://www.npr.org/cs/1."
    );
    assert!(!common::reference(&refs, "A film without").contains("1 March"), "{refs:#?}");
    let pdf = w.path("h.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "harvard", "-q"]);
    if let Some(italics) = common::pdf_italics(&pdf) {
        let all = italics.join("|");
        assert!(all.contains("Race and medicine: a history"), "{all}");
        assert!(all.contains("Code Switch") && !all.contains("[Podcast]"), "{all}");
    }
}

/// Words a style adds after an italic name are upright: APA's "(Version
/// 2.0)" after a data set's title, Harvard's and Chicago's "online ahead of
/// print" / "advance online publication" after the journal, Harvard's
/// "[Preprint]" after the repository (tester r46 F1–F3: each took on the
/// italics of the name before it in the PDF).
#[test]
fn words_added_after_an_italic_name_are_upright() {
    let w = workdir();
    w.import_reading(
        "it.json",
        r#"[{"id":"d","type":"dataset","title":"Global Burden of Disease Study 2019 results","author":[{"literal":"Institute for Health Metrics and Evaluation"}],
        "publisher":"IHME","version":"2.0","URL":"https://ghdx.healthdata.org/gbd-results-tool","issued":{"date-parts":[[2020]]}},
        {"id":"a","type":"article-journal","title":"Race-based eGFR equations and waitlisting","author":[{"family":"Ahmed","given":"S."}],
        "container-title":"Nephrology Today","issued":{"date-parts":[[2023,11,4]]},"status":"advance online publication",
        "DOI":"10.1681/ASN.0000000000000123"},
        {"id":"p","type":"article","title":"Ancestry and outcomes in COVID-19","author":[{"family":"Mathur","given":"R."}],
        "publisher":"medRxiv","genre":"Preprint","DOI":"10.1101/2020.06.10.20127175","issued":{"date-parts":[[2020,6,12]]}}]"#,
    );
    for (style, upright) in [
        ("apa", &["Version 2.0"][..]),
        ("harvard", &["online ahead of print", "Preprint"][..]),
        ("chicago", &["advance online publication"][..]),
    ] {
        let refs = w.references(style);
        for u in upright {
            assert!(refs.values().any(|r| r.contains(u)), "{style}: {u} printed: {refs:#?}");
        }
        let pdf = w.path(&format!("{style}.pdf"));
        w.ok(&["report", pdf.to_str().unwrap(), "--style", style, "-q"]);
        let Some(italics) = common::pdf_italics(&pdf) else { return };
        let all = italics.join("|");
        assert!(all.contains("Nephrology Today") || all.contains("Global Burden"), "{style}: {all}");
        for u in upright {
            assert!(!all.contains(u), "{style}: {u:?} in italics: {all}");
        }
    }
}

/// Cite Them Right's chapter editors, family name first and no serial
/// comma for three ("in Detels, R., Karim, Q.A. and Baum, F. (eds)"), and
/// "et al." after four or more editors in italics as after the authors
/// (tester r46 F4, F5: three were printed "R. Detels, Q.A. Karim, and F.
/// Baum", and the editors' "et al." was upright).
#[test]
fn harvard_writes_three_editors_family_name_first() {
    let w = workdir();
    w.import_reading(
        "eds.bib",
        "@incollection{e3, author={Bhopal, Raj S.}, title={Chapter with three editors}, booktitle={Book Three},\n\
         editor={Detels, Roger and Karim, Quarraisha Abdool and Baum, Fran}, publisher={Oxford University Press},\n\
         address={Oxford}, year={2013}, pages={1--5}}\n\
         @incollection{e4, author={Greene, Jeremy and Basilico, Matthew and Kim, Heidi and Farmer, Paul}, title={Colonial medicine},\n\
         booktitle={Reimagining global health}, editor={Farmer, Paul and Kim, Jim Yong and Kleinman, Arthur and Basilico, Matthew},\n\
         publisher={University of California Press}, address={Berkeley}, year={2013}, pages={33--73}}\n",
    );
    let refs = w.references("harvard");
    assert_eq!(
        common::reference(&refs, "Chapter with three"),
        "Bhopal, R.S. (2013) ‘Chapter with three editors’, in Detels, R., Karim, Q.A. and Baum, F. (eds) Book Three. \
         Oxford: Oxford University Press, pp. 1–5."
    );
    assert!(common::reference(&refs, "Colonial medicine").contains("in Farmer, P. et al. (eds)"), "{refs:#?}");
    let pdf = w.path("h.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "harvard", "-q"]);
    if let Some(italics) = common::pdf_italics(&pdf) {
        let et_al = italics.iter().filter(|i| i.trim() == "et al.").count();
        assert_eq!(et_al, 2, "the authors' and the editors' et al.: {italics:?}");
    }
}

/// A title or a journal's name stored in small letters gets its capital in
/// every style ("A study…", "New England Journal of Medicine"); a first
/// word with its own case or a digit ("eGFR", "p53") is left as written
/// (tester r46 F7).
#[test]
fn a_title_in_small_letters_begins_with_a_capital() {
    let w = workdir();
    w.import_reading(
        "lc.json",
        r#"[{"id":"l","type":"article-journal","title":"a study of race correction in the UK and the NHS","container-title":"new england journal of medicine",
        "volume":"383","page":"1-2","issued":{"date-parts":[[2021]]},"author":[{"family":"Vyas","given":"Darshali A."}]},
        {"id":"m","type":"article-journal","title":"eGFR and p53 stay","container-title":"Kidney Int","volume":"3","page":"1-2",
        "issued":{"date-parts":[[2021]]},"author":[{"family":"Vyas","given":"Darshali A."}]},
        {"id":"n","type":"article-journal","title":"p53 stays","container-title":"BMJ Open","volume":"3","page":"1-2",
        "issued":{"date-parts":[[2021]]},"author":[{"family":"Vyas","given":"Darshali A."}]}]"#,
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        common::reference(&vancouver, "a study"),
        "Vyas DA. A study of race correction in the UK and the NHS. New England Journal of Medicine. 2021;383:1-2."
    );
    assert!(common::reference(&vancouver, "eGFR").starts_with("Vyas DA. eGFR and p53 stay."), "{vancouver:#?}");
    assert!(common::reference(&vancouver, "p53 stays").starts_with("Vyas DA. p53 stays."), "{vancouver:#?}");
    for style in ["apa", "harvard", "ama"] {
        let refs = w.references(style);
        assert!(common::reference(&refs, "a study").contains("A study of race correction"), "{style}: {refs:#?}");
    }
    // The stored title is untouched.
    assert_eq!(
        reading(&w.reading_list(), "a study")["title"].as_str(),
        Some("a study of race correction in the UK and the NHS")
    );
}

/// A UK case in Harvard gives its law report after the neutral citation
/// (tester r46 F9); "UK Biobank" and "UN Women" are institutions, never
/// "Biobank, U. K." (F10); Vancouver writes a newspaper's section
/// "2002 Aug 12;Sect. A:2." (F11); a book title's final stop is the
/// style's punctuation, never doubled (F14).
#[test]
fn cases_institutions_newspapers_and_book_titles_are_cited_whole() {
    let w = workdir();
    w.import_reading(
        "case.json",
        r#"[{"id":"case","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","number":"11",
        "container-title":"AC","volume":"2015","page":"1430","issued":{"date-parts":[[2015]]}}]"#,
    );
    w.import_reading(
        "kinds.ris",
        "TY  - DATA\nAU  - UK Biobank\nTI  - UK Biobank ethnicity dataset\nPY  - 2021\nPB  - UK Biobank\nER  - \n\n\
         TY  - RPRT\nAU  - UN Women\nTI  - Gender and health report\nPY  - 2021\nER  - \n\n\
         TY  - NEWS\nAU  - Rabin, Roni Caryn\nTI  - Print news\nT2  - The Washington Post\nDA  - 2002/08/12\nPY  - 2002\nSP  - A2\nER  - \n",
    );
    w.import_reading(
        "pu.csv",
        "title,authors,year,type,container,pages,publisher,place,edition\n\
         \"What is intersectionality? A primer\",\"Lee, Min-jun\",2021,chapter,\"Handbook of Health Equity.\",45-67,Springer,Cham,2nd\n",
    );
    let list = w.reading_list();
    for t in ["UK Biobank", "Gender and health"] {
        let n = &reading(&list, t)["author_names"][0];
        assert!(n["literal"].is_string() && n["family"].is_null(), "{t}: {n}");
    }
    let harvard = w.references("harvard");
    assert_eq!(
        common::reference(&harvard, "Montgomery"),
        "Montgomery v Lanarkshire Health Board [2015] UKSC 11, [2015] AC 1430."
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        common::reference(&vancouver, "Print news"),
        "Rabin RC. Print news. The Washington Post. 2002 Aug 12;Sect. A:2."
    );
    assert!(common::reference(&vancouver, "UK Biobank").starts_with("UK Biobank. "), "{vancouver:#?}");
    let chicago = w.references("chicago");
    assert!(
        common::reference(&chicago, "What is").contains("In Handbook of Health Equity, 2nd ed., 45–67."),
        "{chicago:#?}"
    );
    let apa = w.references("apa");
    assert!(
        common::reference(&apa, "What is").contains("In Handbook of Health Equity (2nd ed., pp. 45–67)."),
        "{apa:#?}"
    );
}

/// A `.csl` file gets CSL's types and variables (CSL 1.0.2, Appendix III):
/// a legal case as `legal_case` with its reporter, volume, page, court
/// (`authority`) and number; a paper in proceedings as `paper-conference`;
/// a preprint as `article` with its repository as `publisher`; a data
/// set's version as `version`, never its edition (tester r46 F12, F13:
/// "document", "chapter", "article-journal", "Version 2.0 ed.").
#[test]
fn a_csl_file_gets_csl_types_and_variables() {
    let w = workdir();
    w.import_reading(
        "k.json",
        r#"[{"id":"d","type":"dataset","title":"GBD results","author":[{"literal":"Institute for Health Metrics and Evaluation"}],
        "publisher":"IHME","version":"2.0","URL":"https://ghdx.healthdata.org/gbd","issued":{"date-parts":[[2020]]}},
        {"id":"case","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","number":"11",
        "container-title":"AC","volume":"2015","page":"1430","issued":{"date-parts":[[2015]]}},
        {"id":"c","type":"paper-conference","title":"A proceedings paper","author":[{"family":"Osei","given":"Ama"}],
        "issued":{"date-parts":[[2019]]},"container-title":"Proceedings of the Health Equity Conference","publisher":"ACM",
        "publisher-place":"New York","page":"10-19"},
        {"id":"p","type":"article","title":"Ancestry preprint","author":[{"family":"Mathur","given":"R."}],"publisher":"medRxiv",
        "genre":"Preprint","DOI":"10.1101/2020.06.10.20127175","issued":{"date-parts":[[2020,6,12]]}}]"#,
    );
    let types =
        ["legal_case", "paper-conference", "article-journal", "article", "software", "dataset", "chapter", "document"];
    let branches: String = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"<{} type="{t}"><text value="{t}"/></{}>"#,
                if i == 0 { "if" } else { "else-if" },
                if i == 0 { "if" } else { "else-if" }
            )
        })
        .collect::<Vec<_>>()
        .join("");
    let probe = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Probe</title><id>http://example.org/probe</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key variable="title"/></sort><layout>
    <group delimiter=" | ">
      <choose>{branches}</choose>
      <text variable="title"/>
      <text variable="container-title" prefix="CT="/>
      <text variable="volume" prefix="VOL="/>
      <text variable="number" prefix="NUM="/>
      <text variable="page" prefix="PG="/>
      <text variable="authority" prefix="AUTH="/>
      <text variable="publisher" prefix="PUB="/>
      <text variable="edition" prefix="EDN="/>
      <text variable="version" prefix="VER="/>
    </group>
  </layout></bibliography>
</style>"#
    );
    let csl = w.write("probe.csl", &probe);
    let refs = w.references(csl.to_str().unwrap());
    assert!(
        common::reference(&refs, "Montgomery").starts_with(
            "legal_case | Montgomery v Lanarkshire Health Board | CT=AC | VOL=2015 | NUM=11 | PG=1430 | AUTH=UKSC"
        ),
        "{refs:#?}"
    );
    assert!(common::reference(&refs, "A proceedings").starts_with("paper-conference | "), "{refs:#?}");
    assert!(common::reference(&refs, "Ancestry").starts_with("article | Ancestry preprint | PUB=medRxiv"), "{refs:#?}");
    let data = common::reference(&refs, "GBD");
    assert!(data.contains("VER=2.0") && !data.contains("EDN="), "{refs:#?}");
    // The bundled styles are as before: the case in its legal form.
    let vancouver = w.references("vancouver");
    assert_eq!(
        common::reference(&vancouver, "Montgomery"),
        "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430."
    );
}

/// An edited book by a person is lettered with the same person's works of
/// its year (its text citation is "(Osei, 2020)" too): APA "Osei, J.
/// (Ed.). (2020b).", Harvard "(ed.) (2020b)", Chicago "ed. 2020b." (APA 7
/// §8.19; tester r46 F15: sorted among them without a letter).
#[test]
fn an_edited_book_is_lettered_with_its_editors_works_of_the_year() {
    let w = workdir();
    w.import_reading(
        "same.json",
        r#"[{"id":"y1","type":"article-journal","title":"Zeta study of race","author":[{"family":"Osei","given":"Jane"}],"container-title":"BMJ","volume":"1","page":"1-2","issued":{"date-parts":[[2020,1]]}},
        {"id":"y2","type":"article-journal","title":"Alpha study of race","author":[{"family":"Osei","given":"Jane"}],"container-title":"BMJ","volume":"2","page":"3-4","issued":{"date-parts":[[2020,6]]}},
        {"id":"y6","type":"book","title":"Same person as editor","editor":[{"family":"Osei","given":"Jane"}],"publisher":"Routledge","issued":{"date-parts":[[2020]]}},
        {"id":"y7","type":"book","title":"Another editor","editor":[{"family":"Osei","given":"Joseph"}],"publisher":"Routledge","issued":{"date-parts":[[2020]]}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(common::reference(&apa, "Alpha"), "Osei, J. (2020a). Alpha study of race. BMJ, 2, 3–4.");
    assert_eq!(common::reference(&apa, "Same person"), "Osei, J. (Ed.). (2020b). Same person as editor. Routledge.");
    assert_eq!(common::reference(&apa, "Zeta"), "Osei, J. (2020c). Zeta study of race. BMJ, 1, 1–2.");
    // Another person with the same initials is no one's letter.
    assert!(!common::reference(&apa, "Another editor").contains("2020a"), "{apa:#?}");
    let harvard = w.references("harvard");
    // (Joseph's edited book is "(Osei, 2020)" too in Harvard, lettered
    // since tester r49 F7: "Another editor" is 2020b.)
    assert!(common::reference(&harvard, "Same person").starts_with("Osei, J. (ed.) (2020c)"), "{harvard:#?}");
    let chicago = w.references("chicago");
    assert!(common::reference(&chicago, "Same person").starts_with("Osei, Jane, ed. 2020b."), "{chicago:#?}");
}

/// An unbraced BibTeX author of three or more words with a word of
/// institutions' names ("Public Health England") is read as the format
/// defines it, a person, and said, as "World Health Organization" is; a
/// person's three-word name ("Mary Jane Watson") is not.
#[test]
fn an_unbraced_institution_in_bibtex_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "corp.bib",
        "@article{k, author={Public Health England and Mary Jane Watson and Pieter van der Berg}, title={Corp bib}, \
         year=2020, journal={J}}\n",
    );
    assert!(
        err.contains("author \"Public Health England\" was read as a person")
            && err.contains("write it in braces, {Public Health England}"),
        "{err}"
    );
    assert!(!err.contains("Mary Jane Watson") && !err.contains("van der Berg\" was read"), "{err}");
}

/// A stored journal name written with stops and a preposition left out
/// ("Frontiers. Big. Data.", a Zotero BibTeX `journal`) is the
/// abbreviation of the full name another list gives ("Frontiers in Big
/// Data"): kept as the abbreviation, and the note says so (tester r44 F1:
/// it was replaced and lost).
#[test]
fn a_stored_abbreviation_with_stops_is_kept_as_the_abbreviation() {
    let w = workdir();
    w.import_reading(
        "fb.bib",
        "@article{a, title={Fdata test}, journal={Frontiers. Big. Data.}, year=2025, doi={10.3389/fdata.1}, author={Rani, Geeta}}\n",
    );
    let err = w.import_reading(
        "fb.ris",
        "TY  - JOUR\nTI  - Fdata test\nAU  - Rani, Geeta\nT2  - Frontiers in Big Data\nPY  - 2025\nDO  - 10.3389/fdata.1\nER  - \n",
    );
    assert!(
        err.contains("container \"Frontiers in Big Data\" (was \"Frontiers. Big. Data.\", kept as its abbreviation)"),
        "{err}"
    );
    let r = &w.reading_list()[0];
    assert_eq!(
        (r["container"].as_str(), r["container_short"].as_str()),
        (Some("Frontiers in Big Data"), Some("Frontiers. Big. Data."))
    );
}

/// A name in capitals in the "Family Initials" form ("OSEI K", "KIM JW":
/// old Web of Science and library exports) is a person, family name
/// first; an acronym ("WHO", "CDC USA", "NHS UK") stays an institution.
/// The same person from a list in ordinary case replaces the capitals.
#[test]
fn a_name_in_capitals_with_initials_is_a_person() {
    let w = workdir();
    let err = w.import_reading("caps.csv", "title,authors,year\nCaps,\"OSEI K; KIM JW; WHO; CDC USA; NHS UK\",2020\n");
    assert!(!err.contains("\"OSEI K\" was kept whole"), "{err}");
    let list = w.reading_list();
    let names = reading(&list, "Caps")["author_names"].as_array().unwrap().clone();
    let parts: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        names.iter().map(|n| (n["family"].as_str(), n["given"].as_str(), n["literal"].as_str())).collect();
    assert_eq!(
        parts,
        [
            (Some("OSEI"), Some("K."), None),
            (Some("KIM"), Some("J. W."), None),
            (None, None, Some("WHO")),
            (None, None, Some("CDC USA")),
            (None, None, Some("NHS UK"))
        ]
    );
}

/// Two abbreviations of one journal from two lists (PubMed's NLM form "N
/// Engl J Med", Web of Science's ISO form "New Engl. J. Med."): the NLM
/// form stays whichever list came first, and neither flips at each import
/// (it was replaced at each import by the other list's).
#[test]
fn the_nlm_abbreviation_stays_against_the_iso_one() {
    let w = workdir();
    let nbib = "PMID- 32853499\nTI  - Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms.\n\
                FAU - Vyas, Darshali A\nAU  - Vyas DA\nDP  - 2020 Aug 27\nTA  - N Engl J Med\nJT  - The New England journal of medicine\n\
                VI  - 383\nAID - 10.1056/NEJMms2004740 [doi]\n";
    let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU VYAS, DA\nAF Vyas, Darshali A.\n\
               TI Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms\n\
               SO NEW ENGLAND JOURNAL OF MEDICINE\nJI New Engl. J. Med.\nPY 2020\nVL 383\nDI 10.1056/NEJMms2004740\nER\n\nEF\n";
    w.import_reading("p.nbib", nbib);
    w.import_reading("w.txt", wos);
    assert_eq!(w.reading_list()[0]["container_short"].as_str(), Some("N Engl J Med"));
    let again = w.import_reading("p.nbib", nbib);
    assert!(!again.contains("container_short"), "{again}");
    // The other order: the NLM form comes in over the ISO one, once.
    let v = workdir();
    v.import_reading("w.txt", wos);
    assert_eq!(v.reading_list()[0]["container_short"].as_str(), Some("New Engl. J. Med."));
    v.import_reading("p.nbib", nbib);
    assert_eq!(v.reading_list()[0]["container_short"].as_str(), Some("N Engl J Med"));
    let back = v.import_reading("w.txt", wos);
    assert!(!back.contains("container_short"), "{back}");
    assert_eq!(v.reading_list()[0]["container_short"].as_str(), Some("N Engl J Med"));
}
