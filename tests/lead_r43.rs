//! Issue 12 (lead, r43), through the binary: names read as the format
//! writes them (HTML's character references, a repeated author, an
//! institution with a comma in other languages), another list's author
//! order said, a legal case's court kept.

mod common;

use common::{reading, workdir};

/// The names of `r`'s authors as written.
fn authors(r: &serde_json::Value) -> Vec<String> {
    r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

/// Every `AU` line of a RIS record is an author: two co-authors with the
/// same name are two people (tester r41 A4: adjacent repeats became one,
/// while CSL-JSON and BibTeX kept both). The same list under `AU` and `A1`
/// is still one list.
#[test]
fn a_repeated_ris_author_is_two_authors() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nTI  - Doubled author test\nAU  - Li, Ying\nAU  - Li, Ying\nAU  - Chen, Jun\nPY  - 2020\nER  - \n\n\
         TY  - JOUR\nTI  - Both tags\nAU  - Osei, Ama\nAU  - Lind, Tor\nA1  - Osei, Ama\nA1  - Lind, Tor\nPY  - 2020\nER  - \n\n\
         TY  - BOOK\nTI  - Two editors alike\nED  - Wang, Li\nED  - Wang, Li\nPY  - 2020\nER  - \n",
    );
    let list = w.reading_list();
    assert_eq!(authors(reading(&list, "Doubled")), ["Li, Ying", "Li, Ying", "Chen, Jun"]);
    assert_eq!(authors(reading(&list, "Both tags")), ["Osei, Ama", "Lind, Tor"]);
    let eds = reading(&list, "Two editors")["editor_names"].as_array().unwrap().len();
    assert_eq!(eds, 2, "{list:#}");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Doubled").starts_with("Li Y, Li Y, Chen J. "), "{refs:#?}");
}

/// HTML's character references in names (web-escaped exports: library
/// discovery systems, scraped lists) are decoded before the names are
/// split: their `;` is no separator (tester r42 #1: three people stored as
/// seven). In a CSV cell, a RIS `AU` line and a CSL-JSON name alike; a
/// lone suffix after `;` is the suffix of the name before it.
#[test]
fn character_references_in_names_are_decoded_before_splitting() {
    let w = workdir();
    w.import_reading(
        "e.csv",
        "title,authors,year\nEntity two,\"Acu&ntilde;a, Ana; O&#39;Brien, Siobh&aacute;n; Ren&#xE9;e, Dupont\",2021\n",
    );
    w.import_reading(
        "e.ris",
        "TY  - JOUR\nTI  - Entity RIS\nAU  - M&uuml;ller, J&ouml;rg\nAU  - Smith, John; Jr.\nPY  - 2020\nER  - \n",
    );
    w.import_reading(
        "e.json",
        r#"[{"id":"x","type":"article-journal","title":"Entity JSON","author":[{"family":"M&uuml;ller","given":"J&ouml;rg"},{"literal":"M&eacute;decins Sans Fronti&egrave;res"}],"issued":{"date-parts":[[2019]]}}]"#,
    );
    let err = w.import_reading(
        "s.csv",
        "Authors,Author full names,Author(s) ID,Title,Year,Source title,Document Type,Source,Author Keywords\n\
         \"Acu&ntilde;a A.; Li Y.; Li Y.\",\"Acu&ntilde;a, Ana (1); Li, Ying (2); Li, Ying (3)\",\"1;2;3\",Entity Scopus,2020,J,\
         Article,Scopus,\"Sa&uacute;de ind&iacute;gena; race\"\n",
    );
    assert!(err.contains("\"Saúde indígena\" (1)"), "keywords decoded before splitting: {err}");
    let list = w.reading_list();
    assert_eq!(authors(reading(&list, "Entity Scopus")), ["Acuña, Ana", "Li, Ying", "Li, Ying"]);
    assert_eq!(authors(reading(&list, "Entity two")), ["Acuña, Ana", "O'Brien, Siobhán", "Renée, Dupont"]);
    assert_eq!(authors(reading(&list, "Entity RIS")), ["Müller, Jörg", "Smith, John, Jr."]);
    let smith = &reading(&list, "Entity RIS")["author_names"][1];
    assert_eq!((smith["family"].as_str(), smith["suffix"].as_str()), (Some("Smith"), Some("Jr.")), "{smith}");
    let json = reading(&list, "Entity JSON");
    assert_eq!(json["author_names"][0]["family"].as_str(), Some("Müller"), "{json:#}");
    assert_eq!(json["author_names"][1]["literal"].as_str(), Some("Médecins Sans Frontières"), "{json:#}");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Entity two").starts_with("Acuña A, O'Brien S, Renée D. "), "{refs:#?}");
}

/// An institution's name with a comma, in the languages of real exports
/// ("Ministério da Educação, Brazil", "Universidade … (DETUR/UEPG),
/// Brazil", from the corpus's Zotero CSV), is kept whole, its bracketed
/// acronym with it (tester r42 #2: read as persons given "Brazil").
#[test]
fn an_institution_with_a_comma_in_another_language_is_kept_whole() {
    let w = workdir();
    w.import_reading(
        "z.csv",
        "title,authors,year\nGreen criminology,\"CAPES Brasil - Ministério da Educação, Brazil; Mariutti, Fabiana Gondim; \
         Universidade Estadual de Ponta Grossa (DETUR/UEPG), Brazil; Secretaría de Salud, México\",2018\n",
    );
    let r = reading(&w.reading_list(), "Green").clone();
    let names = r["author_names"].as_array().unwrap();
    assert_eq!(names[0]["literal"].as_str(), Some("CAPES Brasil - Ministério da Educação, Brazil"), "{r:#}");
    assert_eq!(names[1]["family"].as_str(), Some("Mariutti"), "{r:#}");
    assert_eq!(
        names[2]["literal"].as_str(),
        Some("Universidade Estadual de Ponta Grossa (DETUR/UEPG), Brazil"),
        "{r:#}"
    );
    assert_eq!(names[3]["literal"].as_str(), Some("Secretaría de Salud, México"), "{r:#}");
    let apa = w.references("apa");
    let reference = common::reference(&apa, "Green");
    assert!(reference.contains("(DETUR/UEPG), Brazil") && !reference.contains(", B."), "{reference}");
    // A corpus file with the same names, where it is.
    if let Some(path) = common::corpus("zotero-csv/green-criminology-south-america_zotero-export.csv") {
        let w = workdir();
        w.ok_stderr(&["import", "reading", &path]);
        let list = w.reading_list();
        let all: Vec<&serde_json::Value> =
            list.as_array().unwrap().iter().flat_map(|r| r["author_names"].as_array().unwrap()).collect();
        assert!(
            all.iter()
                .any(|n| n["literal"].as_str() == Some("Universidade Estadual de Ponta Grossa (DETUR/UEPG), Brazil")),
            "{list:#}"
        );
        assert!(!all.iter().any(|n| n["given"].as_str() == Some("Brazil")), "{list:#}");
    }
}

/// Another list's record of the same work with the same people in another
/// order keeps the stored order, and says so in the real import and the dry
/// run, and the summary counts it (tester r42 #3: "unchanged", nothing said,
/// while the first author decides every in-text citation).
#[test]
fn the_same_authors_in_another_order_are_said() {
    let w = workdir();
    w.import_reading(
        "o1.csv",
        "title,authors,year,doi\nTrial three,\"Osei, Jane; Mensah, Kofi; Lind, Tor\",2020,10.1000/t3\n",
    );
    let ris = "TY  - JOUR\nTI  - Trial three\nAU  - Mensah, Kofi\nAU  - Osei, Jane\nAU  - Lind, Tor\nPY  - 2020\nDO  - 10.1000/t3\nER  - \n";
    let file = w.write("o2.ris", ris);
    let dry = w.ok(&["import", "reading", file.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("authors: kept the stored order, \"Osei, Jane\" first"), "{dry}");
    let err = w.import_reading("o2.ris", ris);
    assert!(
        err.contains("o2.ris:1:")
            && err.contains("kept the stored order, \"Osei, Jane\" first (the file lists the same people in another order, \"Mensah, Kofi\" first"),
        "{err}"
    );
    assert!(err.contains("1 entry keeps a stored name against the file's"), "{err}");
    assert_eq!(authors(reading(&w.reading_list(), "Trial three")), ["Osei, Jane", "Mensah, Kofi", "Lind, Tor"]);
}

/// A legal case's court is kept: CSL-JSON `authority` (CSL 1.0.2: "judicial
/// authority") and a RIS `CASE`'s `A2` are the court, stored as the case's
/// publisher when none is given, never an editor (tester r41 A1, B5: the
/// court was dropped, or printed "Supreme Court of the United States (Ed.)").
#[test]
fn a_legal_cases_court_is_kept_and_is_no_editor() {
    let w = workdir();
    let err = w.import_reading(
        "c.json",
        r#"[{"id":"case","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","number":"11","container-title":"AC","volume":"2015","page":"1430","issued":{"date-parts":[[2015]]}},
            {"id":"rep","type":"report","title":"Aid report","authority":"USAID","publisher":"USAID Press","issued":{"date-parts":[[2010]]}}]"#,
    );
    assert!(err.contains("CSL-JSON authority"), "the report's second issuer is named: {err}");
    w.import_reading(
        "c.ris",
        "TY  - CASE\nTI  - Roe v. Wade\nVL  - 410\nT2  - U.S.\nSP  - 113\nPY  - 1973\nA2  - Supreme Court of the United States\nER  - \n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Montgomery")["publisher"].as_str(), Some("UKSC"));
    assert_eq!(reading(&list, "Aid report")["publisher"].as_str(), Some("USAID Press"));
    let roe = reading(&list, "Roe");
    assert_eq!(roe["publisher"].as_str(), Some("Supreme Court of the United States"), "{roe:#}");
    assert!(roe["editor_names"].as_array().unwrap().is_empty(), "{roe:#}");
    for style in ["apa", "vancouver", "harvard", "ama"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Roe");
        assert!(!r.contains("Ed.") && !r.contains("editor") && !r.contains("ed.,"), "{style}: {r}");
    }
}

/// Another list's fuller name of a person stored with a particle ("al-Rāzī,
/// Muḥammad", from BibTeX `{al-}Rāzī` or CSL-JSON) keeps the particle and
/// the family name's diacritics, whether the file writes the family name
/// without the particle ("Razi") or with it run in and capitalised
/// ("Al-Razi", "Al-Rāzī") as PubMed and Mendeley do (tester r40, #2).
#[test]
fn a_fuller_name_keeps_the_stored_particle_and_diacritics() {
    for family in ["Al-Razi", "Razi", "Al-Rāzī", "al-Razi"] {
        let w = workdir();
        w.import_reading(
            "one.json",
            r#"[{"id":"r","type":"article-journal","title":"On smallpox and measles","author":[{"family":"Rāzī","non-dropping-particle":"al-","given":"Muḥammad"}],"DOI":"10.1136/medhum-2019-000001","issued":{"date-parts":[[2019]]}}]"#,
        );
        w.import_reading(
            "v.ris",
            &format!(
                "TY  - JOUR\nTI  - On smallpox and measles\nAU  - {family}, Muhammad ibn Zakariya\nPY  - 2019\nDO  - 10.1136/medhum-2019-000001\nER  - \n"
            ),
        );
        let r = reading(&w.reading_list(), "On smallpox").clone();
        let n = &r["author_names"][0];
        assert_eq!(
            (n["particle"].as_str(), n["family"].as_str(), n["given"].as_str()),
            (Some("al-"), Some("Rāzī"), Some("Muḥammad ibn Zakariya")),
            "{family}: {r:#}"
        );
    }
}

/// A report's number in RIS `M1` (EndNote's and WHO IRIS's place for it) is
/// its number when neither `IS` nor `SN` gives one (tester r41 B4: named as
/// not stored and printed in no style); BibTeX `howpublished` that is no
/// address is where a `@misc` appeared, kept as its publisher (r41 B3: a
/// medRxiv preprint lost its repository in every style).
#[test]
fn a_reports_m1_number_and_a_miscs_howpublished_are_kept() {
    let w = workdir();
    let err = w.import_reading(
        "who.ris",
        "TY  - RPRT\nTI  - Ethics and governance of artificial intelligence for health\nAU  - World Health Organization\n\
         PY  - 2021\nPB  - World Health Organization\nCY  - Geneva\nM1  - WHO/HTI/2021.1\nER  - \n",
    );
    assert!(!err.contains("RIS M1"), "M1 is read: {err}");
    let err = w.import_reading(
        "pre.bib",
        "@misc{pre2, author = {Zhou, L. and Patel, R.}, title = {Long COVID prevalence in health workers}, \
         howpublished = {medRxiv}, year = {2022}, doi = {10.1101/2022.01.05.22268800}}\n\
         @misc{web, author = {Okafor, C.}, title = {A page}, howpublished = {\\url{https://example.org/p}}, year = {2020}}\n",
    );
    assert!(!err.contains("howpublished"), "howpublished is read: {err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Ethics and governance")["issue"].as_str(), Some("WHO/HTI/2021.1"));
    assert_eq!(reading(&list, "Long COVID")["publisher"].as_str(), Some("medRxiv"));
    let web = reading(&list, "A page");
    assert_eq!((web["url"].as_str(), web["publisher"].as_str()), (Some("https://example.org/p"), None), "{web:#}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Ethics and governance").contains("WHO/HTI/2021.1"), "{apa:#?}");
    assert!(common::reference(&apa, "Long COVID").contains("medRxiv"), "{apa:#?}");
    let vancouver = w.references("vancouver");
    assert!(
        common::reference(&vancouver, "Ethics and governance").contains("Report No.: WHO/HTI/2021.1"),
        "{vancouver:#?}"
    );
}

/// A file whose columns are separated by a character canon does not read
/// (":" in rust-csv's smallpop-colon.csv) is refused with a hint that says
/// so, never a `--map` of the whole joined line; a header with control
/// characters gets a hint by the column's number, which can be typed
/// (tester r42 #9).
#[test]
fn an_unread_separator_and_an_untypable_header_get_a_true_hint() {
    let w = workdir();
    let colon = w.write("colon.csv", "city:region:country:population\nSouthborough:MA:United States:9686\n");
    let err = w.fails(&["import", "reading", colon.to_str().unwrap(), "--dry-run"]);
    assert!(err.contains("colon.csv:1:1: no column for title (required)"), "{err}");
    assert!(err.contains("seems to separate its columns with ':'") && !err.contains("--map"), "{err}");
    let control = w.write("control.csv", "\"\tstart\u{b} end\r\",b,c\nx,y,z\n");
    let err = w.fails(&["import", "reading", control.to_str().unwrap(), "--dry-run"]);
    assert!(err.contains("--map '1=title'") && !err.contains('\u{b}'), "{err}");
    if let Some(path) = common::corpus("messy-csv/rust-csv_smallpop-colon.csv") {
        let err = w.fails(&["import", "reading", &path, "--dry-run"]);
        assert!(err.contains("seems to separate its columns with ':'"), "{err}");
    }
}

/// Web of Science's plain-text export ("savedrecs.txt": `FN`/`VR` header,
/// `PT` … `ER` records, names one a line, values going on over lines
/// indented by three spaces) is read by RIS's rules: the full names of
/// `AF`, the title joined, the capitals journal name in title case, `PD` as
/// month and day, `PM` as the PMID, the fields canon has no place for named
/// by their Web of Science tags; a bad record is refused at its own line
/// and `--skip-invalid` writes it back in the same format (tester r42 #8:
/// the format was refused).
#[test]
fn web_of_science_plain_text_is_read() {
    let w = workdir();
    let text = "\u{feff}FN Clarivate Analytics Web of Science\r\nVR 1.0\r\nPT J\r\nAU Vyas, DA\r\n   Eisenstein, LG\r\n\
AF Vyas, Darshali A.\r\n   Eisenstein, Leo G.\r\nTI Hidden in Plain Sight - Reconsidering the Use of Race Correction in\r\n   Clinical Algorithms\r\n\
SO NEW ENGLAND JOURNAL OF MEDICINE\r\nLA English\r\nDT Article\r\nC1 [Vyas, Darshali A.] Massachusetts Gen Hosp, Boston, MA USA.\r\n\
CR Ahmed S, 2021, NEW ENGL J MED, V384, P474\r\n   Braun L, 2014, BREATHING RACE MACHINE\r\nTC 500\r\nPU MASSACHUSETTS MEDICAL SOC\r\n\
SN 0028-4793\r\nJI New Engl. J. Med.\r\nPD AUG 27\r\nPY 2020\r\nVL 383\r\nIS 9\r\nBP 874\r\nEP 882\r\nDI 10.1056/NEJMms2004740\r\n\
UT WOS:000563000000001\r\nPM 32853499\r\nDA 2023-05-01\r\nER\r\n\r\nPT B\r\nAU Braun, L\r\nAF Braun, Lundy\r\n\
TI Breathing Race into the Machine\r\nPU UNIV MINNESOTA PRESS\r\nPI MINNEAPOLIS\r\nBN 978-0-8166-8357-4\r\nPY 2014\r\nPG 312\r\nDT Book\r\nER\r\n\r\n\
PT J\r\nAU Mensah, K\r\nSO BMJ-BRITISH MEDICAL JOURNAL\r\nJI BMJ-Br. Med. J.\r\nPY 20x1\r\nER\r\n\r\nEF\r\n";
    let file = w.write("savedrecs.txt", text);
    let err = w.fails(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("savedrecs.txt:44:1: the record starting at line 44 has no title"), "{err}");
    assert!(err.contains("savedrecs.txt:48:4:") && err.contains("year \"20x1\" is not a year"), "{err}");
    assert!(!w.db().exists() || w.count("SELECT COUNT(*) FROM reading") == 0, "nothing written");
    let rejects = w.path("rej.txt");
    let err = w.ok_stderr(&[
        "import",
        "reading",
        file.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert!(err.contains("2 new") && err.contains("1 rejected"), "{err}");
    assert!(err.contains("Web of Science UT (the record's accession number)"), "{err}");
    assert!(err.contains("Web of Science CR (the cited references)") && !err.contains("RIS "), "{err}");
    let back = std::fs::read_to_string(&rejects).unwrap();
    assert!(back.contains("savedrecs.txt:44:1: the record") && back.contains("PT J\r\nAU Mensah, K\r\n"), "{back}");
    let again = w.fails(&["import", "reading", rejects.to_str().unwrap(), "--dry-run"]);
    assert!(again.contains("1 rejected"), "the rejects file is read as Web of Science again: {again}");
    let list = w.reading_list();
    let vyas = reading(&list, "Hidden in Plain Sight");
    assert_eq!(
        vyas["title"].as_str(),
        Some("Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms")
    );
    assert_eq!(authors(vyas), ["Vyas, Darshali A.", "Eisenstein, Leo G."]);
    assert_eq!(vyas["container"].as_str(), Some("New England Journal of Medicine"));
    assert_eq!(vyas["container_short"].as_str(), Some("New Engl. J. Med."));
    assert_eq!((vyas["year"].as_i64(), vyas["month"].as_i64(), vyas["day"].as_i64()), (Some(2020), Some(8), Some(27)));
    assert_eq!(
        (vyas["volume"].as_str(), vyas["issue"].as_str(), vyas["pages"].as_str()),
        (Some("383"), Some("9"), Some("874-882"))
    );
    assert_eq!((vyas["doi"].as_str(), vyas["pmid"].as_str()), (Some("10.1056/NEJMms2004740"), Some("32853499")));
    let braun = reading(&list, "Breathing Race");
    assert_eq!(
        (braun["type"].as_str(), braun["publisher"].as_str(), braun["place"].as_str()),
        (Some("book"), Some("Univ Minnesota Press"), Some("Minneapolis"))
    );
    assert_eq!(
        (braun["isbn"].as_str(), braun["page_count"].as_str()),
        (Some("9780816683574"), Some("312")),
        "{braun:#}"
    );
    // The same work from PubMed merges with it by DOI: one record.
    w.import_reading(
        "p.nbib",
        "PMID- 32853499\nTI  - Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms.\n\
         FAU - Vyas, Darshali A\nAU  - Vyas DA\nDP  - 2020 Aug 27\nJT  - The New England journal of medicine\nAID - 10.1056/NEJMms2004740 [doi]\n",
    );
    assert_eq!(w.reading_list().as_array().unwrap().len(), 2);
}

/// A Web of Science record in early access (`EA`, `EY`, no `PY` yet) is
/// dated by its early access date and stored ahead of print; a supplement
/// (`SU`) is kept in the issue as PubMed writes it ("3 Suppl 2").
#[test]
fn web_of_science_early_access_and_supplements_are_kept() {
    let w = workdir();
    w.import_reading(
        "ea.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Osei, A\nAF Osei, Ama\nTI Early one\nSO LANCET\n\
         DI 10.1000/ea1\nEA AUG 2021\nEY 2021\nER\n\nPT J\nAU Lind, T\nTI Supplement one\nSO BMJ\nPY 2020\nVL 12\nIS 3\n\
         SU 2\nBP S1\nEP S9\nER\n\nEF\n",
    );
    let list = w.reading_list();
    let early = reading(&list, "Early one");
    assert_eq!((early["year"].as_i64(), early["month"].as_i64()), (Some(2021), Some(8)), "{early:#}");
    assert_eq!(early["year_note"].as_str(), Some("ahead of print"), "{early:#}");
    assert_eq!(reading(&list, "Supplement one")["issue"].as_str(), Some("3 Suppl 2"));
}

/// A title stored with the full stop that ends a record's element (RIS,
/// EndNote, Web of Science and MEDLINE write one) is printed with the
/// style's own punctuation only: APA and Harvard printed both ("Colonial
/// medicine. (2nd ed.)", "‘Race correction in spirometry.’"; tester r42
/// #4). The stop of an abbreviation ("U.S.") and a question mark stay.
#[test]
fn a_titles_final_full_stop_is_never_doubled() {
    let w = workdir();
    w.import_reading(
        "p.ris",
        "TY  - JOUR\nTI  - Race correction in spirometry.\nAU  - Okoro, C\nPY  - 2021\nT2  - Thorax\nVL  - 76\nSP  - 1\nEP  - 5\nER  - \n\n\
         TY  - BOOK\nTI  - Colonial medicine.\nAU  - Okoro, C\nPY  - 2015\nET  - 2\nPB  - Wiley\nER  - \n\n\
         TY  - JOUR\nTI  - Health care in the U.S.\nAU  - Smith, J\nPY  - 2020\nT2  - J\nER  - \n\n\
         TY  - JOUR\nTI  - Is race real?\nAU  - Smith, J\nPY  - 2019\nT2  - J\nER  - \n",
    );
    let apa = w.references("apa");
    assert_eq!(common::reference(&apa, "Colonial"), "Okoro, C. (2015). Colonial medicine (2nd ed.). Wiley.");
    assert_eq!(
        common::reference(&apa, "Race correction"),
        "Okoro, C. (2021). Race correction in spirometry. Thorax, 76, 1–5."
    );
    assert_eq!(common::reference(&apa, "Health care"), "Smith, J. (2020). Health care in the U.S. J.");
    let harvard = w.references("harvard");
    assert_eq!(
        common::reference(&harvard, "Race correction"),
        "Okoro, C. (2021) ‘Race correction in spirometry’, Thorax, 76, pp. 1–5."
    );
    assert_eq!(common::reference(&harvard, "Is race"), "Smith, J. (2019) ‘Is race real?’, J.");
    for style in ["vancouver", "chicago", "ama"] {
        let refs = w.references(style);
        for (title, r) in &refs {
            assert!(!r.contains("..") && !r.contains(".”.") && !r.contains(".’"), "{style}: {title}: {r}");
        }
    }
    // The stored title keeps its stop: only the reference leaves it out.
    assert_eq!(reading(&w.reading_list(), "Colonial")["title"].as_str(), Some("Colonial medicine."));
}

/// Chicago's title case leaves symbols and letters with their own case as
/// written: small Greek letters ("αβ", not the capital "Αβ"), a capital
/// before a hyphen or a stop ("T-Cell", "X-Ray", "U.S."), and after a
/// prefix's hyphen the second element in small letters ("Anti-racism",
/// "Re-examination"; CMOS 17th ed. §8.161), but not after a word
/// ("Self-Reported") nor a proper noun ("Anti-Semitism"; tester r41 A2,
/// C6).
#[test]
fn chicago_title_case_keeps_symbols_capitals_and_prefixes() {
    let w = workdir();
    let item = |id: &str, title: &str, year: i64| {
        format!(
            r#"{{"id":"{id}","type":"article-journal","title":"{title}","author":[{{"family":"Osei","given":"A"}}],"container-title":"J","issued":{{"date-parts":[[{year}]]}}}}"#
        )
    };
    let items = [
        item("a", "Does αβ T-cell count differ by ancestry?", 2020),
        item("b", "Is race a risk factor? The β-blocker debate: a re-examination", 2021),
        item("c", "Anti-racism in medicine and health care in the U.S.", 2022),
        item("d", "Anti-Semitism and X-ray use: self-reported outcomes", 2023),
    ];
    w.import_reading("g.json", &format!("[{}]", items.join(",")));
    let chicago = w.references("chicago");
    assert_eq!(common::reference(&chicago, "Does"), "Osei, A. 2020. “Does αβ T-Cell Count Differ by Ancestry?” J.");
    assert_eq!(
        common::reference(&chicago, "Is race"),
        "Osei, A. 2021. “Is Race a Risk Factor? The β-Blocker Debate: A Re-examination.” J."
    );
    assert_eq!(
        common::reference(&chicago, "Anti-racism"),
        "Osei, A. 2022. “Anti-racism in Medicine and Health Care in the U.S.” J."
    );
    assert_eq!(
        common::reference(&chicago, "Anti-Semitism"),
        "Osei, A. 2023. “Anti-Semitism and X-Ray Use: Self-Reported Outcomes.” J."
    );
}

/// Vancouver and AMA set each organisation apart by semicolons, wherever
/// it stands (Citing Medicine, box "Organizations as author"): "Ministry
/// of Health, Ghana, WHO, Department of Health…" could not be read (tester
/// r42 #6).
#[test]
fn organisations_are_set_apart_by_semicolons_in_vancouver_and_ama() {
    let w = workdir();
    w.import_reading(
        "org.csv",
        "title,authors,year,type\nT7,\"Ministry of Health, Ghana; WHO; Department of Health and Social Care\",2020,report\n\
         Orgs two,\"CAPES Brasil - Ministério da Educação, Brazil; Mariutti, Fabiana Gondim; Medeiros, Mirna\",2018,article\n\
         Two bodies,\"World Health Organization; Médecins Sans Frontières\",2021,report\n\
         Mixed,\"Osei, Ama; Lind, Tor; Alf-One Study Group\",2019,article\n\
         Middle,\"Margulies, E. H.; {NISC Comparative Sequencing Program}; Maduro, V. V.\",2019,article\n",
    );
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        let r = |t: &str| common::reference(&refs, t).to_string();
        assert!(
            r("T7").starts_with("Ministry of Health, Ghana; WHO; Department of Health and Social Care. "),
            "{style}: {}",
            r("T7")
        );
        assert!(
            r("Orgs two")
                .starts_with("CAPES Brasil - Ministério da Educação, Brazil; Mariutti FG, Medeiros M. Orgs two."),
            "{style}: {}",
            r("Orgs two")
        );
        assert!(
            r("Two bodies").starts_with("World Health Organization; Médecins Sans Frontières. "),
            "{style}: {}",
            r("Two bodies")
        );
        assert!(r("Mixed").starts_with("Osei A, Lind T; Alf-One Study Group. Mixed."), "{style}: {}", r("Mixed"));
        // Citing Medicine's own example: an organisation among persons.
        assert!(
            r("Middle").starts_with("Margulies EH; NISC Comparative Sequencing Program; Maduro VV. Middle."),
            "{style}: {}",
            r("Middle")
        );
    }
}

/// A range of pages in roman numerals (a preface's "vii–xxx") is "pp." in
/// APA and Harvard, as an arabic range is (APA 7 §9.28); the processor
/// printed "p." (tester r42 #7).
#[test]
fn a_roman_page_range_is_pp() {
    let w = workdir();
    w.import_reading(
        "rom.bib",
        "@incollection{Child2020, author={Sartre, Jean-Paul}, title={Preface}, booktitle={The wretched of the earth}, \
         editor={Farrington, C.}, pages={vii--xxx}, publisher={Grove Press}, year={2004}, edition={2}}\n\
         @incollection{Arabic, author={Sartre, Jean-Paul}, title={Chapter one}, booktitle={The wretched of the earth}, \
         editor={Farrington, C.}, pages={45--67}, publisher={Grove Press}, year={2004}}\n",
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Preface"),
        "Sartre, J.-P. (2004b). Preface. In C. Farrington (Ed.), The wretched of the earth (2nd ed., pp. vii–xxx). Grove Press."
    );
    assert!(common::reference(&apa, "Chapter one").contains("(pp. 45–67)"), "{apa:#?}");
    let harvard = w.references("harvard");
    assert!(common::reference(&harvard, "Preface").ends_with("Grove Press, pp. vii–xxx."), "{harvard:#?}");
}

/// An undated work on the Internet: APA gives no "Retrieved" without a
/// retrieval date (tester r41 A5: "Retrieved https://…" for a report), and
/// Vancouver gives Citing Medicine's "[date unknown]" with no date of
/// citation too (r41 B6: no date at all).
#[test]
fn an_undated_online_work_is_said_undated_and_never_retrieved_without_a_date() {
    let w = workdir();
    w.import_reading(
        "u.json",
        r#"[{"id":"u3","type":"report","title":"Undated leaflet on malaria","author":[{"literal":"Ministry of Health, Ghana"}],"publisher":"Ministry of Health","publisher-place":"Accra","URL":"https://moh.gov.gh/malaria"},
            {"id":"w1","type":"webpage","title":"Anti-racism in medicine","author":[{"literal":"British Medical Association"}],"container-title":"BMA","URL":"https://bma.org.uk/b"},
            {"id":"w2","type":"report","title":"Dated report","author":[{"literal":"WHO"}],"publisher":"WHO","URL":"https://who.int/r","accessed":{"date-parts":[[2024,3,5]]}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Undated leaflet"),
        "Ministry of Health, Ghana. (n.d.). Undated leaflet on malaria. Ministry of Health. https://moh.gov.gh/malaria"
    );
    assert!(common::reference(&apa, "Dated report").contains("Retrieved March 5, 2024, from https://who.int/r"));
    let vancouver = w.references("vancouver");
    assert_eq!(
        common::reference(&vancouver, "Undated leaflet"),
        "Ministry of Health, Ghana. Undated leaflet on malaria [Internet]. Accra: Ministry of Health; [date unknown]. \
         Available from: https://moh.gov.gh/malaria"
    );
    assert_eq!(
        common::reference(&vancouver, "Anti-racism"),
        "British Medical Association. BMA [Internet]. [date unknown]. Anti-racism in medicine. Available from: https://bma.org.uk/b"
    );
    assert_eq!(
        common::reference(&vancouver, "Dated report"),
        "WHO. Dated report [Internet]. WHO; [date unknown] [cited 2024 Mar 5]. Available from: https://who.int/r"
    );
}

/// A report's page count stands before its genre and number in Vancouver,
/// as Citing Medicine orders them (ch. 15): "2016. 57 p. Technical Report
/// No.: 12." (tester r41 C1: "Technical. 57 p. Report No.: 12."). (Citing
/// Medicine ch. 2 puts the US state in parentheses: "Washington (DC)";
/// tester r57 F11.)
#[test]
fn a_reports_page_count_comes_before_its_number() {
    let w = workdir();
    w.import_reading(
        "tr.bib",
        "@techreport{c3, author={{World Bank}}, title={Report gamma}, institution={World Bank}, address={Washington, DC}, \
         year={2016}, type={Technical Report}, number={12}, pagetotal={57}}\n\
         @techreport{c4, author={{World Bank}}, title={Report delta}, institution={World Bank}, address={Washington, DC}, \
         year={2016}, type={Working Paper}, number={441}, pagetotal={30}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Report gamma"),
        "World Bank. Report gamma. Washington (DC): World Bank; 2016. 57 p. Technical Report No.: 12."
    );
    assert_eq!(
        common::reference(&v, "Report delta"),
        "World Bank. Report delta. Washington (DC): World Bank; 2016. 30 p. Working Paper No.: 441."
    );
}

/// A name in a script without capitals (Arabic) has no initials: APA,
/// Chicago and the rest print it whole, family name first, with no comma
/// between its parts, which read as two authors ("Plato, محمد, أحمد, 张伟";
/// tester r41 C2). A one-word name kept whole ("Sukarno") is a person's,
/// not an organisation set apart by semicolons.
#[test]
fn a_name_without_initials_is_one_unit() {
    let w = workdir();
    w.import_reading(
        "ar.json",
        r#"[{"id":"p2","type":"article-journal","title":"Names test","author":[{"family":"Plato"},{"family":"محمد","given":"أحمد"},{"family":"张","given":"伟"},{"literal":"Sukarno"}],"container-title":"J","issued":{"date-parts":[[2020]]}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(common::reference(&apa, "Names"), "Plato, محمد أحمد, 张伟, & Sukarno. (2020). Names test. J.");
    let chicago = w.references("chicago");
    assert!(
        common::reference(&chicago, "Names").starts_with("Plato, محمد أحمد, 张伟, and Sukarno. 2020."),
        "{chicago:#?}"
    );
    let vancouver = w.references("vancouver");
    assert_eq!(common::reference(&vancouver, "Names"), "Plato, محمد أحمد, 张伟, Sukarno. Names test. J. 2020.");
}

/// A legal case and a statute are cited in the legal form the styles take
/// from the Bluebook (APA 7 §11.4–11.5, AMA 11 §3.16, Chicago 17 §14.288)
/// and, in Harvard, Cite Them Right's: "Roe v. Wade, 410 U.S. 113
/// (1973).", the UK's neutral citation "[2015] UKSC 11, [2015] AC 1430",
/// "Mental Health Act 1983, c. 20."; the case name in italics in APA,
/// Harvard and Chicago. They were printed as journal articles
/// ("2015;2015(11):1430"), the court as an editor, and a statute as
/// "[Statute No.]" (tester r41 A1, A3, B5, D2).
#[test]
fn legal_cases_and_statutes_are_cited_in_legal_form() {
    let w = workdir();
    w.import_reading(
        "law.json",
        r#"[{"id":"stat","type":"legislation","title":"Mental Health Act 1983","number":"c. 20","issued":{"date-parts":[[1983]]}},
            {"id":"case","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","number":"11","container-title":"AC","volume":"2015","page":"1430","issued":{"date-parts":[[2015]]}}]"#,
    );
    w.import_reading(
        "roe.ris",
        "TY  - CASE\nTI  - Roe v. Wade\nVL  - 410\nT2  - U.S.\nSP  - 113\nPY  - 1973\nA2  - Supreme Court of the United States\nER  - \n\n\
         TY  - STAT\nTI  - Equality Act 2010\nPY  - 2010\nVL  - c. 15\nUR  - https://www.legislation.gov.uk/ukpga/2010/15\nER  - \n",
    );
    for style in ["apa", "chicago", "vancouver", "ama"] {
        let refs = w.references(style);
        assert_eq!(common::reference(&refs, "Roe"), "Roe v. Wade, 410 U.S. 113 (1973).", "{style}");
        assert_eq!(
            common::reference(&refs, "Montgomery"),
            "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430.",
            "{style}"
        );
        assert_eq!(common::reference(&refs, "Mental Health"), "Mental Health Act 1983, c. 20.", "{style}");
        assert!(common::reference(&refs, "Equality").starts_with("Equality Act 2010, c. 15."), "{style}: {refs:#?}");
    }
    let harvard = w.references("harvard");
    assert_eq!(common::reference(&harvard, "Roe"), "Roe v. Wade (1973) 410 U.S. 113.");
    // With its law report after the neutral citation (Cite Them Right's
    // "[2004] EWCA Civ 727, [2005] Fam 1": changed on purpose in r45,
    // tester r46 F9).
    assert_eq!(
        common::reference(&harvard, "Montgomery"),
        "Montgomery v Lanarkshire Health Board [2015] UKSC 11, [2015] AC 1430."
    );
    assert_eq!(
        common::reference(&harvard, "Equality"),
        "Equality Act 2010, c. 15. Available at: https://www.legislation.gov.uk/ukpga/2010/15."
    );
    // The case name in italics in the PDF's reference list (APA).
    let pdf = w.path("law.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    if let Some(italic) = common::pdf_italics(&pdf) {
        let all = italic.join(" ");
        assert!(all.contains("Roe") && all.contains("Wade"), "italic runs: {italic:?}");
    }
}

/// A data set's version is printed in APA ("(Version 2.0) [Data set]", APA
/// 7 §10.9) and AMA ("Title. Version 2.0. Publisher; year."), as the other
/// styles print it (tester r41 B2: left out of both).
#[test]
fn a_data_sets_version_is_printed_in_apa_and_ama() {
    let w = workdir();
    w.import_reading(
        "ds.json",
        r#"[{"id":"data","type":"dataset","title":"Global burden of disease study 2019 results","author":[{"literal":"Institute for Health Metrics and Evaluation"}],"publisher":"IHME","version":"2.0","URL":"https://ghdx.healthdata.org/gbd","issued":{"date-parts":[[2020]]}}]"#,
    );
    w.import_reading(
        "ds.ris",
        "TY  - DATA\nTI  - Survey data\nAU  - Osei, A\nPY  - 2021\nET  - 3\nPB  - UK Data Service\nUR  - https://ukds.ac.uk/x\nER  - \n",
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Global burden"),
        "Institute for Health Metrics and Evaluation. (2020). Global burden of disease study 2019 results (Version 2.0) \
         [Data set]. IHME. https://ghdx.healthdata.org/gbd"
    );
    assert!(common::reference(&apa, "Survey data").contains("Survey data (Version 3) [Data set]."), "{apa:#?}");
    let ama = w.references("ama");
    assert_eq!(
        common::reference(&ama, "Global burden"),
        "Institute for Health Metrics and Evaluation. Global burden of disease study 2019 results. Version 2.0. IHME; \
         2020. https://ghdx.healthdata.org/gbd"
    );
    for style in ["vancouver", "harvard", "chicago"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Global burden");
        assert_eq!(r.matches("Version 2.0").count(), 1, "{style}: {r}");
    }
}

/// AMA says what an online video and a podcast episode are: "YouTube.
/// Published October 5, 2020." and "Code Switch. Podcast. February 10,
/// 2021." (tester r41 C4: the date alone, for a podcast without a genre or
/// number, and a video).
#[test]
fn ama_says_a_video_is_published_and_a_podcast_is_one() {
    let w = workdir();
    w.import_reading(
        "av.json",
        r#"[{"id":"vid","type":"motion_picture","title":"Decolonising global health","author":[{"family":"Abimbola","given":"Seye"}],"container-title":"YouTube","URL":"https://www.youtube.com/watch?v=abc123","issued":{"date-parts":[[2020,10,5]]},"accessed":{"date-parts":[[2024,3,1]]}},
            {"id":"pod","type":"song","title":"Race-based medicine","author":[{"family":"Amutah","given":"Christina"}],"container-title":"Code Switch","publisher":"NPR","URL":"https://npr.org/cs","issued":{"date-parts":[[2021,2,10]]}}]"#,
    );
    let ama = w.references("ama");
    assert_eq!(
        common::reference(&ama, "Decolonising"),
        "Abimbola S. Decolonising global health. YouTube. Published October 5, 2020. Accessed March 1, 2024. \
         https://www.youtube.com/watch?v=abc123"
    );
    assert_eq!(
        common::reference(&ama, "Race-based"),
        "Amutah C. Race-based medicine. Code Switch. Podcast. February 10, 2021. https://npr.org/cs"
    );
}

/// A DOI's own "#" (a Wiley SICI DOI's check character, "…3.0.CO;2-#") is
/// kept in every format, and its percent-encoded form ("%23") is the same
/// DOI: one record (tester r43 F1: cut at the "#", silently, and the
/// encoded form made a second record). A link's fragment after a DOI
/// ("#page=3", "#abstract") is still no part of it.
#[test]
fn a_dois_own_hash_is_kept() {
    let w = workdir();
    let sici = "10.1002/(SICI)1097-0142(19960101)77:1<1::AID-CNCR1>3.0.CO;2-#";
    w.import_reading(
        "h1.csv",
        &format!(
            "title,authors,year,doi\nWiley one,\"Osei, A\",1996,{sici}\nFragment,\"Osei, B\",2000,10.1000/d18#page=3\n\
             Abstract,\"Osei, C\",2001,10.1000/d19#abstract\n"
        ),
    );
    w.import_reading(
        "h.bib",
        "@article{w2, author={Lind, T.}, title={Wiley two}, journal={Cancer}, year={1997}, doi={10.1002/(SICI)1097-0142(19970101)79:1<2::AID-CNCR2>3.0.CO;2-#}}\n",
    );
    let err = w.import_reading(
        "h2.csv",
        "title,authors,year,doi\nWiley one,\"Osei, A\",1996,https://doi.org/10.1002/(SICI)1097-0142(19960101)77:1%3C1::AID-CNCR1%3E3.0.CO;2-%23\n",
    );
    assert!(err.contains("0 new") && err.contains("1 unchanged"), "the encoded form is the same DOI: {err}");
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 4, "{list:#}");
    assert_eq!(reading(&list, "Wiley one")["doi"].as_str(), Some(sici));
    assert!(reading(&list, "Wiley two")["doi"].as_str().unwrap().ends_with("3.0.CO;2-#"));
    assert_eq!(reading(&list, "Fragment")["doi"].as_str(), Some("10.1000/d18"));
    assert_eq!(reading(&list, "Abstract")["doi"].as_str(), Some("10.1000/d19"));
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Wiley one").contains("3.0.CO;2-#"), "{v:#?}");
}

/// A journal abbreviation the stored record had (BibTeX's `journal` is
/// often one) is kept as the abbreviation when another list gives the full
/// name and its `J2`, in either order (tester r43 F2: lost, so Vancouver
/// cited the full name); a name in capitals from an old export never
/// replaces an institution's name in its own case ("MINISTRY OF HEALTH
/// GHANA" for "Ministry of Health, Ghana"; r43 F3).
#[test]
fn an_abbreviation_and_an_institutions_case_survive_a_merge() {
    let w = workdir();
    w.import_reading(
        "j1.bib",
        "@article{a, author={Osei, Ama}, title={Telemedicine and race}, journal={Annu. Rev. Cyber Ther. Telemedicine}, year={2025}, volume={23}}\n",
    );
    w.import_reading(
        "j2.ris",
        "TY  - JOUR\nTI  - Telemedicine and race\nAU  - Osei, Ama\nPY  - 2025\nT2  - Annual Review of CyberTherapy and Telemedicine\n\
         J2  - Annu. Rev. Cyber Ther. Telemedicine\nVL  - 23\nER  - \n",
    );
    let r = reading(&w.reading_list(), "Telemedicine").clone();
    assert_eq!(
        (r["container"].as_str(), r["container_short"].as_str()),
        (Some("Annual Review of CyberTherapy and Telemedicine"), Some("Annu. Rev. Cyber Ther. Telemedicine")),
        "{r:#}"
    );
    w.import_reading(
        "rich.json",
        r#"[{"id":"m","type":"article-journal","title":"Malaria policy in Ghana","author":[{"family":"Osei","given":"Ama"},{"literal":"Ministry of Health, Ghana"},{"family":"Ōtsuka","given":"Kenji"}],"DOI":"10.1000/mh-ghana","container-title":"J","issued":{"date-parts":[[2020]]}}]"#,
    );
    w.import_reading(
        "poor.csv",
        "title,authors,year,doi\nMALARIA POLICY IN GHANA,\"OSEI, AMA; MINISTRY OF HEALTH GHANA; OTSUKA, K.\",2020,10.1000/mh-ghana\n",
    );
    let r = reading(&w.reading_list(), "Malaria").clone();
    assert_eq!(authors(&r), ["Osei, Ama", "Ministry of Health, Ghana", "Ōtsuka, Kenji"], "{r:#}");
    assert_eq!(r["title"].as_str(), Some("Malaria policy in Ghana"));
}

/// Scopus's "Article in press" (CSV "Publication Stage", RIS note) of a
/// record with a year is published online ahead of its issue: stored and
/// cited ahead of print, as PubMed's online-first records are (tester r43
/// F6: read as "in press", dropped with a warning, and the article cited
/// as if published).
#[test]
fn a_scopus_article_in_press_is_ahead_of_print() {
    let w = workdir();
    w.import_reading(
        "scopus.csv",
        "Authors,Author full names,Author(s) ID,Title,Year,Source title,Volume,DOI,Document Type,Publication Stage,Source\n\
         \"Achebe N.\",\"Achebe, Ngozi (1)\",1,Epistemic injustice in pain assessment,2024,Pain,,10.1097/j.pain.2024.1,Article,Article in press,Scopus\n",
    );
    let r = reading(&w.reading_list(), "Epistemic injustice").clone();
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (Some(2024), Some("ahead of print")), "{r:#}");
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Epistemic").contains("Epub ahead of print"), "{v:#?}");
}

/// RIS as EndNote and Mendeley write it: `JO` beside `T2` is the journal's
/// abbreviation, and a `Y1` of `PY`'s year gives the month and day (tester
/// r43 F7: both named as not stored, the day lost).
#[test]
fn ris_jo_and_y1_beside_py_are_read() {
    let w = workdir();
    let err = w.import_reading(
        "jo.ris",
        "TY  - JOUR\nTI  - Jo test\nAU  - Osei, A\nPY  - 2013\nY1  - 2013/08/01\nT2  - New England Journal of Medicine\n\
         JO  - N Engl J Med\nVL  - 369\nER  - \n",
    );
    assert!(!err.contains("RIS JO") && !err.contains("RIS Y1"), "{err}");
    let r = reading(&w.reading_list(), "Jo test").clone();
    assert_eq!(r["container_short"].as_str(), Some("N Engl J Med"), "{r:#}");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2013), Some(8), Some(1)));
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Jo test").contains("N Engl J Med. 2013 Aug 1;369."), "{v:#?}");
}

/// A work with no author or editor: APA keeps its edition after the title
/// in the author's place ("Black health matters (3rd ed.). (2018)."; APA 7
/// §9.12), Harvard gives title, year, then "3rd edn.", and an unsigned
/// article's journal stays where a journal stands, not in the author's
/// place (tester r43 F4); the italics stay on the title and the journal.
#[test]
fn an_authorless_work_keeps_its_edition_and_its_journals_place() {
    let w = workdir();
    w.import_reading(
        "na.json",
        r#"[{"id":"bk","type":"book","title":"Black health matters","edition":"3rd","publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[2018]]}},
            {"id":"ed","type":"article-journal","title":"Race and medicine: time to reckon","container-title":"The Lancet","volume":"395","issue":"10240","page":"1813","issued":{"date-parts":[[2020]]}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(common::reference(&apa, "Black health"), "Black health matters (3rd ed.). (2018). Routledge.");
    let harvard = w.references("harvard");
    assert_eq!(common::reference(&harvard, "Black health"), "Black health matters (2018) 3rd edn. London: Routledge.");
    assert_eq!(
        common::reference(&harvard, "Race and medicine"),
        "‘Race and medicine: time to reckon’ (2020) The Lancet, 395(10240), p. 1813."
    );
    for style in ["apa", "harvard"] {
        let pdf = w.path(&format!("na-{style}.pdf"));
        w.ok(&["report", pdf.to_str().unwrap(), "--style", style, "-q"]);
        if let Some(italic) = common::pdf_italics(&pdf) {
            assert!(italic.iter().any(|i| i == "Black health matters"), "{style}: {italic:?}");
            assert!(italic.iter().any(|i| i == "The Lancet"), "{style}: {italic:?}");
            assert!(!italic.iter().any(|i| i.contains("ed.") || i.contains("edn")), "{style}: {italic:?}");
        }
    }
}

/// Two authors in right-to-left scripts side by side in a left-to-right
/// reference are drawn each as its own run, in the list's order left to
/// right: the Arabic author (first) left of the Hebrew one (tester r43 F7:
/// drawn as one right-to-left run, the order of names reversed).
#[test]
fn right_to_left_names_side_by_side_keep_their_order_in_the_pdf() {
    let w = workdir();
    w.import_reading(
        "rtl.csv",
        "title,authors,year,type,themes,status\nNames in the scripts of the world and in medicine,\
         \"{محمد بن سلمان}; כהן, דוד; Osei, Ama\",2020,article,epistemic-bias,approved\n",
    );
    let pdf = w.path("rtl.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let Some(words) = common::pdf_words(&pdf) else { return };
    // (pdftotext gives a right-to-left word's letters in drawn order: found
    // by script.)
    let first_arabic = words
        .iter()
        .find(|x| x.text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .expect("the Arabic name in the PDF");
    let line = common::line_of(&words, first_arabic);
    let at = |what: &str, is: &dyn Fn(char) -> bool| {
        line.iter().find(|x| x.text.chars().any(is)).unwrap_or_else(|| panic!("no {what} on the line: {line:?}")).x0
    };
    let arabic = at("Arabic", &|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let hebrew = at("Hebrew", &|c| ('\u{0590}'..='\u{05FF}').contains(&c));
    let osei = line.iter().find(|x| x.text.starts_with("Osei")).expect("Osei on the line").x0;
    assert!(arabic < hebrew && hebrew < osei, "order left to right: {arabic} {hebrew} {osei}");
}
