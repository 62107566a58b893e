//! Vancouver and AMA references (issue 12, "every printed reference
//! true"; tester r104 F2 and what came with it): every author kept whole
//! as one name (an institution's, or a name canon kept whole and said so)
//! set apart from the persons by semicolons, whatever its words; a stored
//! access date printed in the forms canon writes itself (a conference paper
//! cited by its event, a statute, a case); AMA's "Published" before a date
//! before the common era as before any other.

mod common;
use common::*;

/// Each reading's reference in `style`, by title.
fn refs(w: &Workdir, style: &str) -> std::collections::HashMap<String, String> {
    w.references(style)
}

fn assert_refs(w: &Workdir, style: &str, expected: &[(&str, &str)]) {
    let refs = refs(w, style);
    for (title, want) in expected {
        assert_eq!(refs.get(*title).map(String::as_str), Some(*want), "{style}: {title}\n{refs:#?}");
    }
}

/// The tester's file (t/org.json): a literal with a comma ("icddr,b") is
/// set apart as "World Health Organization" is, after persons or before.
#[test]
fn a_literal_with_a_comma_is_set_apart_as_any_organisation() {
    let w = workdir();
    w.import_reading(
        "org.json",
        r#"[
 {"id":"a","type":"article-journal","title":"Paper A on malaria","author":[{"family":"Rahman","given":"Md. Mahbubur"},{"literal":"icddr,b"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"1-5"},
 {"id":"b","type":"article-journal","title":"Paper B on malaria","author":[{"family":"Rahman","given":"Md. Mahbubur"},{"literal":"World Health Organization"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"6-9"},
 {"id":"c","type":"article-journal","title":"Paper C on malaria","author":[{"literal":"Kenya Medical Research Institute"},{"family":"Otieno","given":"Peter"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"10-12"},
 {"id":"d","type":"article-journal","title":"Paper D on malaria","author":[{"literal":"BRAC"},{"family":"Otieno","given":"Peter"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"13-14"},
 {"id":"e","type":"article-journal","title":"Paper E on malaria","author":[{"family":"Rahman","given":"Md. Mahbubur"},{"literal":"icddr,b"},{"family":"Nahar","given":"Kamrun"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"15-16"},
 {"id":"f","type":"article-journal","title":"Paper F on malaria","author":[{"literal":"Wangari Maathai"},{"family":"Otieno","given":"Peter"},{"literal":"icddr,b"}],"issued":{"date-parts":[[2024]]},"container-title":"Lancet","volume":"1","page":"17-18"}
]"#,
    );
    assert_eq!(
        w.count("SELECT count(*) FROM reading_author WHERE literal = 'icddr,b' AND family IS NULL AND given IS NULL"),
        3
    );
    assert_refs(
        &w,
        "vancouver",
        &[
            ("Paper A on malaria", "Rahman MM; icddr,b. Paper A on malaria. Lancet. 2024;1:1-5."),
            ("Paper B on malaria", "Rahman MM; World Health Organization. Paper B on malaria. Lancet. 2024;1:6-9."),
            (
                "Paper C on malaria",
                "Kenya Medical Research Institute; Otieno P. Paper C on malaria. Lancet. 2024;1:10-2.",
            ),
            ("Paper D on malaria", "BRAC; Otieno P. Paper D on malaria. Lancet. 2024;1:13-4."),
            ("Paper E on malaria", "Rahman MM; icddr,b; Nahar K. Paper E on malaria. Lancet. 2024;1:15-6."),
            ("Paper F on malaria", "Wangari Maathai; Otieno P; icddr,b. Paper F on malaria. Lancet. 2024;1:17-8."),
        ],
    );
    assert_refs(
        &w,
        "ama",
        &[
            ("Paper A on malaria", "Rahman MM; icddr,b. Paper A on malaria. Lancet. 2024;1:1-5."),
            ("Paper B on malaria", "Rahman MM; World Health Organization. Paper B on malaria. Lancet. 2024;1:6-9."),
            ("Paper E on malaria", "Rahman MM; icddr,b; Nahar K. Paper E on malaria. Lancet. 2024;1:15-16."),
            ("Paper F on malaria", "Wangari Maathai; Otieno P; icddr,b. Paper F on malaria. Lancet. 2024;1:17-18."),
        ],
    );
}

/// Names kept whole with no institution's word, typed: "Shams El Arifeen"
/// and "Grace Wanjiru" (each said at `reading add` to be kept whole as an
/// institution's name is) are set apart alike, among persons and bodies in
/// any order; a person of one name, a name joined by "wa" or led by "Ibn"
/// are persons (a comma), as before.
#[test]
fn every_name_kept_whole_is_set_apart_in_any_order() {
    let w = workdir();
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Hand typed one",
        "--author",
        "Prof. Shams El Arifeen",
        "--author",
        "Dr. Grace Wanjiru",
        "--author",
        "Mwangi, J. K., Jr.",
        "--author",
        "Kenya Medical Research Institute (KEMRI)",
        "--author",
        "BRAC",
        "--author",
        "Ahmed, Syed Masud, PhD",
        "--year",
        "2020",
        "--type",
        "article",
        "--container",
        "Lancet",
        "--volume",
        "3",
        "--pages",
        "1-2",
        "--status",
        "approved",
        "--by",
        "amina",
    ]);
    // (A title marks a person's name: "Dr. Grace Wanjiru" is the person
    // Wanjiru, Grace, said — d105, merged with this file.)
    assert!(err.contains("author \"Dr. Grace Wanjiru\" read as a name written \"Given Family\""), "{err}");
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Hand typed two",
        "--author",
        "Otieno, Peter",
        "--author",
        "Wangari Maathai",
        "--author",
        "Mensah, Kofi",
        "--year",
        "2020",
        "--type",
        "article",
        "--container",
        "Lancet",
        "--volume",
        "3",
        "--pages",
        "3-4",
        "--by",
        "amina",
        "-q",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Hand typed three",
        "--author",
        "Otieno, Peter",
        "--author",
        "Mensah, Kofi",
        "--author",
        "Wairimu Kinyua",
        "--year",
        "2020",
        "--type",
        "article",
        "--container",
        "Lancet",
        "--volume",
        "3",
        "--pages",
        "5-6",
        "--by",
        "amina",
        "-q",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Hand typed four",
        "--author",
        "Sukarno",
        "--author",
        "Ngũgĩ wa Thiong'o",
        "--author",
        "Ibn Sīnā",
        "--author",
        "Wangari Maathai",
        "--year",
        "2020",
        "--type",
        "article",
        "--container",
        "Lancet",
        "--volume",
        "3",
        "--pages",
        "7-8",
        "--by",
        "amina",
        "-q",
    ]);
    let expected = [
        (
            "Hand typed one",
            "El Arifeen S, Wanjiru G, Mwangi JK Jr; Kenya Medical Research Institute (KEMRI); BRAC; Ahmed SM. \
             Hand typed one. Lancet. 2020;3:1-2.",
        ),
        ("Hand typed two", "Otieno P; Wangari Maathai; Mensah K. Hand typed two. Lancet. 2020;3:3-4."),
        ("Hand typed three", "Otieno P, Mensah K; Wairimu Kinyua. Hand typed three. Lancet. 2020;3:5-6."),
        (
            "Hand typed four",
            "Sukarno, Ngũgĩ wa Thiong'o, Ibn Sīnā; Wangari Maathai. Hand typed four. Lancet. 2020;3:7-8.",
        ),
    ];
    assert_refs(&w, "vancouver", &expected);
    assert_refs(&w, "ama", &expected);
}

/// One file of each kind: a CSL-JSON literal, a BibTeX braced name (with
/// its comma: "{icddr,b}" alone is one body's name, as the literal is) and
/// a CSV cell's name kept whole, each set apart the same way; and a
/// dependent style of Vancouver or AMA prints them as its parent does.
#[test]
fn literals_from_every_format_are_set_apart_alike() {
    let w = workdir();
    w.import_reading(
        "a.json",
        r#"[{"id":"j","type":"article-journal","title":"From CSL JSON","author":[{"family":"Akhter","given":"Nasrin"},{"literal":"icddr,b"},{"family":"Sultana","given":"Rokeya"}],"issued":{"date-parts":[[2021]]},"container-title":"Lancet","volume":"2","page":"3-4"}]"#,
    );
    w.import_reading(
        "b.bib",
        "@article{k1, author = {Akhter, Nasrin and Sultana, Rokeya and {icddr,b COVID-19 Study Team}}, title = {From \
         BibTeX one}, journal = {Lancet}, year = {2021}, volume = {2}, pages = {5--6}}\n\
         @article{k2, author = {{icddr,b} and Akhter, Nasrin and {Wangari Maathai} and Sultana, Rokeya}, title = {From \
         BibTeX two}, journal = {Lancet}, year = {2021}, volume = {2}, pages = {7--8}}\n",
    );
    w.import_reading(
        "c.csv",
        "title,authors,year,type,container,volume,pages\n\
         From CSV,\"Otieno, Peter; Wairimu Kinyua; Mwangi, James\",2019,article,Lancet,1,1-2\n",
    );
    assert_eq!(
        w.count(
            "SELECT count(*) FROM reading_author WHERE literal IN ('icddr,b', 'icddr,b COVID-19 Study Team', \
             'Wangari Maathai', 'Wairimu Kinyua') AND family IS NULL"
        ),
        5
    );
    let expected = [
        ("From CSL JSON", "Akhter N; icddr,b; Sultana R. From CSL JSON. Lancet. 2021;2:3-4."),
        ("From BibTeX one", "Akhter N, Sultana R; icddr,b COVID-19 Study Team. From BibTeX one. Lancet. 2021;2:5-6."),
        ("From BibTeX two", "icddr,b; Akhter N; Wangari Maathai; Sultana R. From BibTeX two. Lancet. 2021;2:7-8."),
        ("From CSV", "Otieno P; Wairimu Kinyua; Mwangi J. From CSV. Lancet. 2019;1:1-2."),
    ];
    assert_refs(&w, "vancouver", &expected);
    assert_refs(&w, "ama", &expected);
    for parent in ["vancouver", "american-medical-association"] {
        let style = w.dependent_style(&format!("journal-of-{parent}"), parent, "en-US");
        let refs = w.references(&style);
        for (title, want) in &expected {
            assert_eq!(refs.get(*title).map(String::as_str), Some(*want), "{parent}: {title}\n{refs:#?}");
        }
    }
}

/// A conference paper cited by its event (no proceedings) with an address
/// and an access date keeps the date in every style that prints one for a
/// journal article or a web page; a paper in proceedings as before.
#[test]
fn a_conference_paper_cited_by_its_event_keeps_its_access_date() {
    let w = workdir();
    w.import_reading(
        "c.json",
        r#"[{"id":"e1","type":"paper-conference","title":"Event paper","author":[{"family":"Osei","given":"Kofi"}],"issued":{"date-parts":[[2019,3,2]]},"event-title":"Annual Health Meeting","event-place":"Accra","URL":"https://example.org/ev","accessed":{"date-parts":[[2020,5,1]]}},
            {"id":"e2","type":"paper-conference","title":"Undated event paper","author":[{"family":"Osei","given":"Kofi"}],"event-title":"Annual Health Meeting","event-place":"Accra","URL":"https://example.org/u1","accessed":{"date-parts":[[2020,5,1]]}},
            {"id":"e3","type":"paper-conference","title":"Proceedings paper","author":[{"family":"Osei","given":"Kofi"}],"issued":{"date-parts":[[2019]]},"container-title":"Proceedings of the Health Meeting","event-title":"Annual Health Meeting","URL":"https://example.org/cp","accessed":{"date-parts":[[2020,5,1]]}}]"#,
    );
    w.import_reading(
        "c.ris",
        "TY  - CPAPER\nAU  - Osei, Kofi\nTI  - Ris conference paper\nT2  - Annual Health Meeting\nCY  - Accra\n\
         PY  - 2019\nUR  - https://example.org/ris\nY2  - 2020/05/01\nER  - \n",
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE accessed = '2020-05-01'"), 4);
    assert_refs(
        &w,
        "vancouver",
        &[
            (
                "Event paper",
                "Osei K. Event paper. Paper presented at: Annual Health Meeting; 2019 Mar 2; Accra [cited 2020 May 1]. \
                 Available from: https://example.org/ev",
            ),
            (
                "Undated event paper",
                "Osei K. Undated event paper. Paper presented at: Annual Health Meeting; Accra [cited 2020 May 1]. \
                 Available from: https://example.org/u1",
            ),
            (
                "Proceedings paper",
                "Osei K. Proceedings paper. In: Proceedings of the Health Meeting [Internet]. 2019 [cited 2020 May 1]. \
                 Available from: https://example.org/cp",
            ),
        ],
    );
    assert_refs(
        &w,
        "ama",
        &[
            (
                "Event paper",
                "Osei K. Event paper. Presented at: Annual Health Meeting; March 2, 2019; Accra. Accessed May 1, 2020. \
                 https://example.org/ev",
            ),
            (
                "Undated event paper",
                "Osei K. Undated event paper. Presented at: Annual Health Meeting; Accra. Accessed May 1, 2020. \
                 https://example.org/u1",
            ),
        ],
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Event paper",
                "K. Osei, “Event paper,” presented at the Annual Health Meeting, Accra, Mar. 2, 2019. Accessed: May 1, \
                 2020. [Online]. Available: https://example.org/ev",
            ),
            (
                "Undated event paper",
                "K. Osei, “Undated event paper,” presented at the Annual Health Meeting, Accra. Accessed: May 1, 2020. \
                 [Online]. Available: https://example.org/u1",
            ),
        ],
    );
    assert_refs(
        &w,
        "apa",
        &[(
            "Undated event paper",
            // (APA 7 §10.5's "[Paper presentation]": tester r107 F3.)
            "Osei, K. (n.d.). Undated event paper [Paper presentation]. Annual Health Meeting, Accra. Retrieved May \
             1, 2020, from https://example.org/u1",
        )],
    );
    assert_refs(
        &w,
        "harvard",
        &[(
            "Event paper",
            "Osei, K. (2019a) ‘Event paper’, Annual Health Meeting. Accra, 2 March 2019. Available at: \
             https://example.org/ev (Accessed: 1 May 2020).",
        )],
    );
    // The RIS paper: its access date in each style, whatever its form.
    for (style, said) in [
        ("vancouver", "[cited 2020 May 1]"),
        ("ama", "Accessed May 1, 2020."),
        ("ieee", "Accessed: May 1, 2020."),
        ("harvard", "(Accessed: 1 May 2020)"),
    ] {
        let refs = refs(&w, style);
        let r = reference(&refs, "Ris conference paper");
        assert!(r.contains(said), "{style}: {r}");
    }
}

/// A statute and a case (canon's legal form) keep their access date too,
/// in a gazette or not, and a month or year alone as the styles print one.
#[test]
fn legal_references_keep_their_access_date() {
    let w = workdir();
    w.import_reading(
        "l.json",
        r#"[{"id":"b","type":"bill","title":"Health Bill","issued":{"date-parts":[[2019]]},"URL":"https://example.org/bill","accessed":{"date-parts":[[2020,5,1]]}},
            {"id":"g","type":"legislation","title":"Public Health Act 2012","container-title":"Ghana Gazette","page":"12","issued":{"date-parts":[[2012,3,4]]},"URL":"https://example.org/g","accessed":{"date-parts":[[2020,5,1]]}},
            {"id":"c","type":"legal_case","title":"Osei v Mensah","authority":"High Court","number":"11","URL":"https://example.org/c","accessed":{"date-parts":[[2020,5]]}}]"#,
    );
    assert_refs(
        &w,
        "vancouver",
        &[
            ("Health Bill", "Health Bill (2019) [cited 2020 May 1]. Available from: https://example.org/bill"),
            (
                "Public Health Act 2012",
                "Public Health Act 2012. Ghana Gazette. 2012 Mar 4 [cited 2020 May 1]:12. Available from: \
                 https://example.org/g",
            ),
            ("Osei v Mensah", "Osei v Mensah, No. 11 [cited 2020 May]. Available from: https://example.org/c"),
        ],
    );
    assert_refs(
        &w,
        "ama",
        &[
            ("Health Bill", "Health Bill (2019). Accessed May 1, 2020. https://example.org/bill"),
            (
                "Public Health Act 2012",
                "Public Health Act 2012. Ghana Gazette. March 4, 2012:12. Accessed May 1, 2020. https://example.org/g",
            ),
            ("Osei v Mensah", "Osei v Mensah, No. 11. Accessed May 2020. https://example.org/c"),
        ],
    );
    assert_refs(
        &w,
        "ieee",
        &[
            ("Health Bill", "Health Bill (2019). Accessed: May 1, 2020. [Online]. Available: https://example.org/bill"),
            (
                "Public Health Act 2012",
                "“Public Health Act 2012,” Ghana Gazette, p. 12, Mar. 4, 2012. Accessed: May 1, 2020. [Online]. \
                 Available: https://example.org/g",
            ),
            ("Osei v Mensah", "Osei v Mensah, No. 11. Accessed: May 2020. [Online]. Available: https://example.org/c"),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            ("Health Bill", "Health Bill (2019). Available at: https://example.org/bill (Accessed: 1 May 2020)."),
            (
                "Osei v Mensah",
                "Osei v Mensah. High Court, No. 11. Available at: https://example.org/c (Accessed: May 2020).",
            ),
        ],
    );
}

/// AMA's web page: "Published" before its date whatever the date's form,
/// a year before the common era, approximate or not, as a plain year.
#[test]
fn an_ama_web_page_says_published_before_any_date() {
    let w = workdir();
    for (title, year) in [
        ("Plain page", "2020"),
        ("Old page", "350 BCE"),
        ("Older page", "50 BC"),
        ("Approximate old page", "c. 350 BCE"),
        ("Approximate page", "c. 950"),
        ("Early page", "950"),
    ] {
        w.ok(&[
            "reading",
            "add",
            "--title",
            title,
            "--type",
            "web",
            "--container",
            "Site",
            "--year",
            year,
            "--url",
            "https://example.org/p",
            "--by",
            "amina",
            "-q",
        ]);
    }
    assert_refs(
        &w,
        "ama",
        &[
            ("Plain page", "Plain page. Site. Published 2020. https://example.org/p"),
            ("Old page", "Old page. Site. Published 350 BC. https://example.org/p"),
            ("Older page", "Older page. Site. Published 50 BC. https://example.org/p"),
            ("Approximate old page", "Approximate old page. Site. Published ca 350 BC. https://example.org/p"),
            ("Approximate page", "Approximate page. Site. Published ca 950. https://example.org/p"),
            ("Early page", "Early page. Site. Published 950. https://example.org/p"),
        ],
    );
}
