//! Issue 12 (lead, r45), through the binary: a name in its own script or
//! with its hyphens is never replaced by a romanised or flattened form,
//! Web of Science's "+" end page, a suffix written before the initials.

mod common;

use common::{Workdir, reading};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

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
    // Another edition is another value: the file's, said.
    let third = w.import_reading(
        "m3.csv",
        "title,authors,year,edition,isbn\nMedical Ethics Again,\"Lind, Tor\",2010,3rd,9780199534692\n",
    );
    assert!(third.contains("edition \"3rd\" (was \"2nd edn\")"), "{third}");
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
