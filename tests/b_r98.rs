//! Tester r97 F3 and F2, through the binary: a thesis's academic
//! department is no container and its number of pages is its page count,
//! in every format (F3); a statute, bill or case is one type ("other", its
//! genre saying what it is) whatever the format, a statute in a statute
//! book is cited in the legal form, and IEEE cites cases and statutes as
//! the other styles do (F2).

mod common;

use common::*;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// The fields a thesis's department and pages could land in.
fn placed(list: &serde_json::Value, title: &str) -> [serde_json::Value; 4] {
    let r = reading_titled(list, title);
    [r["container"].clone(), r["pages"].clone(), r["page_count"].clone(), r["publisher"].clone()]
}

fn s(v: &str) -> serde_json::Value {
    serde_json::Value::String(v.to_string())
}

const NULL: serde_json::Value = serde_json::Value::Null;

/// r97 F3's `th3.xml`: EndNote's Thesis with its "Academic Department".
const TH3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xml><records><record><ref-type name="Thesis">32</ref-type><contributors><authors><author>Osei, Akua</author></authors></contributors><titles><title>Healers</title><secondary-title>Department of Sociology</secondary-title></titles><dates><year>1998</year></dates><publisher>University of Ghana</publisher><pages>250</pages></record>
<record><rec-number>3</rec-number><ref-type name="Thesis">32</ref-type><contributors><authors><author>Adeyemi, Oluwaseun</author></authors><tertiary-authors><author>Okafor, Chidi</author></tertiary-authors></contributors><titles><title>Yoruba healing practices</title><secondary-title>Department of Sociology</secondary-title></titles><dates><year>2015</year></dates><pub-location>Ibadan</pub-location><publisher>University of Ibadan</publisher><work-type>Ph.D.</work-type><pages>312</pages></record></records></xml>"#;

#[test]
fn endnote_thesis_department_is_no_container_and_its_pages_are_its_page_count() {
    let w = workdir();
    let err = w.import_reading("th3.xml", TH3);
    assert!(
        err.contains("EndNote XML titles/secondary-title (a thesis's academic department) (2 records)"),
        "the department is named as not stored: {err}"
    );
    let list = w.reading_list();
    let ghana = [NULL, NULL, s("250"), s("University of Ghana")];
    assert_eq!(placed(&list, "Healers"), ghana);
    assert_eq!(placed(&list, "Yoruba healing practices"), [NULL, NULL, s("312"), s("University of Ibadan")]);
    let title = "Yoruba healing practices";
    for (style, expected) in [
        ("vancouver", "Adeyemi O. Yoruba healing practices [dissertation]. Ibadan: University of Ibadan; 2015. 312 p."),
        ("apa", "Adeyemi, O. (2015). Yoruba healing practices [Doctoral dissertation, University of Ibadan]."),
        ("chicago", "Adeyemi, Oluwaseun. 2015. “Yoruba Healing Practices.” PhD diss., University of Ibadan."),
        ("ieee", "O. Adeyemi, “Yoruba healing practices,” Ph.D., University of Ibadan, Ibadan, 2015."),
    ] {
        assert_eq!(reference(&w.references(style), title), expected, "{style}");
    }
}

#[test]
fn a_thesis_department_and_page_count_alike_in_every_format() {
    let w = workdir();
    let ris = w.import_reading(
        "th.ris",
        "TY  - THES\nAU  - Osei, Akua\nA2  - Mensah, Kofi\nTI  - Healers RIS\nT2  - Department of Sociology\n\
         PB  - University of Ghana\nPY  - 1998\nSP  - 250\nER  - \n",
    );
    assert!(
        ris.contains(
            "note: not stored (canon has no field for them): RIS A2 (of a thesis, which has no editor) (1 record), \
             RIS T2 (a thesis's academic department) (1)\n"
        ),
        "{ris}"
    );
    let csl = w.import_reading(
        "th.json",
        r#"[{"id":"a","type":"thesis","title":"Healers CSL count","author":[{"family":"Osei","given":"Akua"}],"publisher":"University of Ghana","issued":{"date-parts":[[1998]]},"number-of-pages":"250"},
{"id":"b","type":"thesis","title":"Healers CSL page","author":[{"family":"Osei","given":"Akua"}],"publisher":"University of Ghana","issued":{"date-parts":[[1998]]},"page":"250"},
{"id":"c","type":"thesis","title":"Healers CSL department","author":[{"family":"Osei","given":"Akua"}],"publisher":"University of Ghana","container-title":"Department of Sociology","issued":{"date-parts":[[1998]]},"page":"250"}]"#,
    );
    assert!(
        csl.contains(
            "CSL-JSON container-title (of a thesis, which is part of no container: its academic department?) (1 record)"
        ),
        "{csl}"
    );
    assert!(csl.contains("in item `c`: pages \"250\" of a thesis read as its number of pages"), "{csl}");
    w.import_reading(
        "th.bib",
        "@phdthesis{a, author={Osei, Akua}, title={Healers Bib pages}, school={University of Ghana}, year={1998}, pages={250}}\n\
         @phdthesis{b, author={Osei, Akua}, title={Healers Bib pagetotal}, school={University of Ghana}, year={1998}, pagetotal={250}}\n",
    );
    w.import_reading(
        "th.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Pages\",\"Num Pages\",\"Publisher\"\n\
         \"K1\",\"thesis\",\"1998\",\"Osei, Akua\",\"Healers Zotero count\",\"\",\"250\",\"University of Ghana\"\n\
         \"K2\",\"thesis\",\"1998\",\"Osei, Akua\",\"Healers Zotero pages\",\"250\",\"\",\"University of Ghana\"\n",
    );
    let list = w.reading_list();
    let ghana = [NULL, NULL, s("250"), s("University of Ghana")];
    for title in [
        "Healers RIS",
        "Healers CSL count",
        "Healers CSL page",
        "Healers CSL department",
        "Healers Bib pages",
        "Healers Bib pagetotal",
        "Healers Zotero count",
        "Healers Zotero pages",
    ] {
        assert_eq!(placed(&list, title), ghana, "{title}");
    }
    // A thesis has no editor: RIS `A2` printed none.
    assert_eq!(reading_titled(&list, "Healers RIS")["editors"], NULL);
    assert_eq!(
        reference(&w.references("vancouver"), "Healers RIS"),
        "Osei A. Healers RIS [thesis]. [place unknown]: University of Ghana; 1998. 250 p."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Healers CSL department"),
        "Osei A. Healers CSL department [thesis]. [place unknown]: University of Ghana; 1998. 250 p."
    );
}

#[test]
fn a_book_or_report_with_one_number_of_pages_gives_its_page_count_in_every_format() {
    let w = workdir();
    w.import_reading(
        "p.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records>\
         <record><ref-type name=\"Book\">6</ref-type><titles><title>Book EN</title><secondary-title>Series X</secondary-title></titles><dates><year>1998</year></dates><publisher>P</publisher><pages>250</pages></record>\
         <record><ref-type name=\"Report\">27</ref-type><titles><title>Report EN</title><secondary-title>WHO Technical Report Series</secondary-title></titles><dates><year>1998</year></dates><publisher>P</publisher><pages>120</pages></record>\
         </records></xml>",
    );
    w.import_reading(
        "p.ris",
        "TY  - BOOK\nTI  - Book RIS\nPB  - P\nPY  - 1998\nSP  - 250\nER  - \n\n\
         TY  - RPRT\nTI  - Report RIS\nT2  - Tech Series\nPB  - P\nPY  - 1998\nSP  - 120\nER  - \n",
    );
    w.import_reading(
        "p.json",
        r#"[{"id":"a","type":"book","title":"Book CSL","publisher":"P","issued":{"date-parts":[[1998]]},"page":"250"},
{"id":"b","type":"report","title":"Report CSL","publisher":"P","collection-title":"Tech Series","issued":{"date-parts":[[1998]]},"page":"120"}]"#,
    );
    w.import_reading(
        "p.bib",
        "@book{a, title={Book Bib}, publisher={P}, year={1998}, pages={250}}\n\
         @techreport{b, title={Report Bib}, institution={P}, year={1998}, pages={120}}\n",
    );
    let list = w.reading_list();
    for (title, count) in [
        ("Book EN", "250"),
        ("Report EN", "120"),
        ("Book RIS", "250"),
        ("Report RIS", "120"),
        ("Book CSL", "250"),
        ("Report CSL", "120"),
        ("Book Bib", "250"),
        ("Report Bib", "120"),
    ] {
        let r = reading_titled(&list, title);
        assert_eq!(
            [r["container"].clone(), r["pages"].clone(), r["page_count"].clone()],
            [NULL, NULL, s(count)],
            "{title}"
        );
    }
}

/// r97 F2's `law.json`.
const LAW: &str = r#"[{"id":"c1","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UK Supreme Court","container-title":"AC","volume":"2015","page":"1430","number":"[2015] UKSC 11","issued":{"date-parts":[[2015]]}},
{"id":"s1","type":"legislation","title":"National Health Insurance Act 2003","number":"Act 650","issued":{"date-parts":[[2003]]},"container-title":"Acts of Parliament of Ghana"},
{"id":"b1","type":"bill","title":"Tobacco Control Bill 2010","number":"Bill 4","issued":{"date-parts":[[2010]]}}]"#;

#[test]
fn a_statute_bill_or_case_is_one_type_whatever_the_format() {
    let w = workdir();
    w.import_reading("law.json", LAW);
    w.import_reading(
        "l.bib",
        "@legislation{mha, title={Mental Health Act 1983}, number={c. 20}, year={1983}}\n\
         @jurisdiction{roe, title={Roe v. Wade}, volume={410}, journal={U.S.}, pages={113}, year={1973}}\n",
    );
    w.import_reading(
        "l.ris",
        "TY  - STAT\nTI  - Public Health Act 2012\nIS  - Act 851\nPY  - 2012\nER  - \n\n\
         TY  - BILL\nTI  - Mental Health Bill 2021\nIS  - HC Bill 12\nPY  - 2021\nER  - \n\n\
         TY  - CASE\nTI  - Donoghue v Stevenson\nT2  - AC\nVL  - 1932\nSP  - 562\nPY  - 1932\nER  - \n",
    );
    w.import_reading(
        "l.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records>\
         <record><ref-type name=\"Statute\">31</ref-type><titles><title>Health Service Act 1970</title></titles><number>Act 14</number><dates><year>1970</year></dates></record>\
         <record><ref-type name=\"Bill\">4</ref-type><titles><title>Patients Rights Bill 2019</title></titles><number>Bill 7</number><dates><year>2019</year></dates></record>\
         <record><ref-type name=\"Case\">7</ref-type><titles><title>Bolam v Friern Hospital Management Committee</title><secondary-title>WLR</secondary-title></titles><volume>1</volume><pages>582</pages><dates><year>1957</year></dates></record>\
         </records></xml>",
    );
    w.import_reading(
        "l.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Title\",\"Number\"\n\
         \"K1\",\"statute\",\"1991\",\"Medicines Act 1991\",\"c. 9\"\n\
         \"K2\",\"bill\",\"2020\",\"Care Bill 2020\",\"Bill 3\"\n",
    );
    let list = w.reading_list();
    for (title, genre, number) in [
        ("National Health Insurance Act 2003", "Statute", "Act 650"),
        ("Mental Health Act 1983", "Statute", "c. 20"),
        ("Public Health Act 2012", "Statute", "Act 851"),
        ("Health Service Act 1970", "Statute", "Act 14"),
        ("Medicines Act 1991", "Statute", "c. 9"),
        ("Tobacco Control Bill 2010", "Bill", "Bill 4"),
        ("Mental Health Bill 2021", "Bill", "HC Bill 12"),
        ("Patients Rights Bill 2019", "Bill", "Bill 7"),
        ("Care Bill 2020", "Bill", "Bill 3"),
        ("Montgomery v Lanarkshire Health Board", "Legal case", "[2015] UKSC 11"),
    ] {
        let r = reading_titled(&list, title);
        assert_eq!(
            [r["type"].clone(), r["genre"].clone(), r["issue"].clone()],
            [s("other"), s(genre), s(number)],
            "{title}"
        );
    }
    for title in ["Roe v. Wade", "Donoghue v Stevenson", "Bolam v Friern Hospital Management Committee"] {
        let r = reading_titled(&list, title);
        assert_eq!([r["type"].clone(), r["genre"].clone()], [s("other"), s("Legal case")], "{title}");
    }
    // The Act keeps its statute book.
    assert_eq!(reading_titled(&list, "National Health Insurance Act 2003")["container"], "Acts of Parliament of Ghana");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE type = 'report'"), 0);
}

#[test]
fn a_statute_in_a_statute_book_and_a_case_are_cited_in_the_legal_form_ieee_included() {
    let w = workdir();
    w.import_reading("law.json", LAW);
    w.import_reading("l.bib", "@legislation{mha, title={Mental Health Act 1983}, number={c. 20}, year={1983}}\n");
    w.import_reading(
        "o.json",
        r#"[{"id":"o","type":"legislation","title":"Towns Ordinance","container-title":"Laws of the Gold Coast","number":"13","issued":{"date-parts":[[1892]]}},
{"id":"a","type":"legislation","title":"Public Health Act 2012","container-title":"Acts of Parliament of Ghana","number":"Act 851","issued":{"date-parts":[[2012,10,9]]}}]"#,
    );
    for style in ["vancouver", "apa", "chicago", "ama", "ieee"] {
        let refs = w.references(style);
        assert_eq!(
            reference(&refs, "National Health Insurance Act 2003"),
            "National Health Insurance Act 2003, Act 650.",
            "{style}"
        );
        assert_eq!(reference(&refs, "Mental Health Act 1983"), "Mental Health Act 1983, c. 20.", "{style}");
        assert_eq!(reference(&refs, "Tobacco Control Bill 2010"), "Tobacco Control Bill 2010, Bill 4.", "{style}");
        // A number in digits alone is the ordinance's number, never a page.
        assert_eq!(reference(&refs, "Towns Ordinance"), "Towns Ordinance, No. 13 (1892).", "{style}");
        // Its date of assent makes the statute book no gazette.
        assert_eq!(reference(&refs, "Public Health Act 2012"), "Public Health Act 2012, Act 851.", "{style}");
        assert_eq!(
            reference(&refs, "Montgomery v Lanarkshire Health Board"),
            "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430.",
            "{style}"
        );
    }
    assert_eq!(
        reference(&w.references("harvard"), "National Health Insurance Act 2003"),
        "National Health Insurance Act 2003, Act 650."
    );
}

#[test]
fn a_statute_in_a_gazette_keeps_its_gazette_form_and_ieee_cites_it_as_an_article() {
    let w = workdir();
    w.import_reading(
        "g.json",
        r#"[{"id":"gazette","type":"legislation","title":"Infectious Diseases Ordinance","container-title":"Gold Coast Gazette","issued":{"date-parts":[[1908,3,14]]},"page":"412","number":"No. 12"},
{"id":"v","type":"legislation","title":"Vaccination Ordinance","container-title":"Lagos Gazette","issued":{"date-parts":[[1917,6,2]]},"page":"88-90","URL":"https://example.org/v"},
{"id":"n","type":"legislation","title":"Native Courts Ordinance","container-title":"Gazette of Nigeria","number":"5","issued":{"date-parts":[[1914]]}}]"#,
    );
    let refs = w.references("ieee");
    assert_eq!(
        reference(&refs, "Infectious Diseases Ordinance"),
        "“Infectious Diseases Ordinance,” Gold Coast Gazette, no. 12, p. 412, Mar. 14, 1908."
    );
    assert_eq!(
        reference(&refs, "Vaccination Ordinance"),
        "“Vaccination Ordinance,” Lagos Gazette, pp. 88–90, Jun. 2, 1917. [Online]. Available: https://example.org/v"
    );
    // A container named a gazette is one with no page given.
    assert_eq!(
        reference(&refs, "Native Courts Ordinance"),
        "“Native Courts Ordinance,” Gazette of Nigeria, no. 5, 1914."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Native Courts Ordinance"),
        "Native Courts Ordinance. Gazette of Nigeria. 1914;(5)."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Infectious Diseases Ordinance"),
        "Infectious Diseases Ordinance. Gold Coast Gazette. 1908 Mar 14;(12):412."
    );
    assert_eq!(
        reference(&w.references("apa"), "Vaccination Ordinance"),
        "Vaccination Ordinance. (1917, June 2). Lagos Gazette, 88–90. https://example.org/v"
    );
}
