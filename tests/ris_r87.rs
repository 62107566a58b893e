//! Tester87 F5, F6, F7, F12.1: RIS `DA` as a date field; a book's series
//! editor never its editor; MLA's report number labelled once; the
//! `--year` hints and notes.
mod common;
use common::*;

fn field(r: &serde_json::Value, k: &str) -> serde_json::Value {
    r[k].clone()
}

#[test]
fn ris_da_is_a_date_field_and_agrees_with_py() {
    let w = Workdir::new();
    w.import_reading(
        "da.ris",
        "TY  - JOUR\nAU  - Eps, E.\nTI  - PY and DA month\nJO  - J Test\nPY  - 2011\nDA  - 2011-12\nER  - \n\n\
         TY  - JOUR\nAU  - Theta, T.\nTI  - DA alone\nJO  - J Test\nDA  - 2011-12\nER  - \n\n\
         TY  - JOUR\nAU  - Iota, I.\nTI  - DA slashes\nJO  - J Test\nPY  - 2000\nDA  - 2000/01\nER  - \n\n\
         TY  - JOUR\nAU  - Kappa, K.\nTI  - PY range kept\nJO  - J Test\nPY  - 2011-12\nER  - \n",
    );
    let list = w.reading_list();
    for (t, y, m) in [("PY and DA month", 2011, 12), ("DA alone", 2011, 12), ("DA slashes", 2000, 1)] {
        let r = reading(&list, t);
        assert_eq!(field(r, "year"), serde_json::json!(y), "{t}");
        assert_eq!(field(r, "month"), serde_json::json!(m), "{t}");
        assert!(r["year_end"].is_null(), "{t}: {r}");
    }
    // A free-text year field keeps the ambiguity rule: the years, said.
    let r = reading(&list, "PY range kept");
    assert_eq!(field(r, "year_end"), serde_json::json!(2012));
}

#[test]
fn endnote_xml_date_apart_beside_its_year_is_the_month() {
    let w = Workdir::new();
    w.import_reading(
        "d.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type><contributors><authors><author>Alpha, A</author></authors></contributors><titles><title>EndNote dated</title><secondary-title>J Test</secondary-title></titles><periodical><full-title>J Test</full-title></periodical><dates><year>2011</year><pub-dates><date>2011-12</date></pub-dates></dates></record></records></xml>"#,
    );
    let r = reading(&w.reading_list(), "EndNote dated").clone();
    assert_eq!(field(&r, "year"), serde_json::json!(2011));
    assert_eq!(field(&r, "month"), serde_json::json!(12));
    assert!(r["year_end"].is_null(), "{r}");
}

#[test]
fn a_books_series_editor_is_not_its_editor() {
    let w = Workdir::new();
    let err = w.import_reading(
        "se.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><ref-type name="Book">6</ref-type><contributors><authors><author>Farmer, Paul</author></authors><secondary-authors><author>Borofsky, Robert</author></secondary-authors><tertiary-authors><author>Sartre, Jean-Paul</author></tertiary-authors></contributors><titles><title>Pathologies of power</title><secondary-title>California Series in Public Anthropology</secondary-title></titles><dates><year>2005</year></dates><publisher>University of California Press</publisher></record>
<record><ref-type name="Report">27</ref-type><contributors><authors><author>Marmot, Michael</author></authors><secondary-authors><author>Goldblatt, Peter</author></secondary-authors></contributors><titles><title>Fair society healthy lives</title><secondary-title>Strategic Review Series</secondary-title></titles><dates><year>2010</year></dates><publisher>The Marmot Review</publisher></record>
<record><ref-type name="Book Section">5</ref-type><contributors><authors><author>Duarte, Ines</author></authors><secondary-authors><author>Okoro, Chidi</author></secondary-authors></contributors><titles><title>A chapter</title><secondary-title>The Book</secondary-title></titles><dates><year>2001</year></dates></record>
</records></xml>"#,
    );
    assert!(
        err.contains(
            "EndNote XML contributors/secondary-authors/author (the series editor of a book or report) (2 records)"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let eds = |t: &str| reading(&list, t)["editor_names"].to_string();
    assert!(eds("Pathologies").contains("Sartre"), "{}", eds("Pathologies"));
    assert!(!eds("Pathologies").contains("Borofsky"), "{}", eds("Pathologies"));
    assert!(!eds("Fair society").contains("Goldblatt"), "{}", eds("Fair society"));
    assert!(eds("A chapter").contains("Okoro"), "{}", eds("A chapter"));

    let w = Workdir::new();
    let err = w.import_reading(
        "se.ris",
        "TY  - BOOK\nAU  - Farmer, Paul\nA2  - Borofsky, Robert\nA3  - Kim, Jim Yong\nTI  - Pathologies of power\n\
         T2  - California Series in Public Anthropology\nPY  - 2005\nPB  - University of California Press\nER  - \n",
    );
    assert!(err.contains("RIS A2 (the series editor of a book or report) (1 record)"), "{err}");
    let eds = reading(&w.reading_list(), "Pathologies")["editor_names"].to_string();
    assert!(eds.contains("Kim") && !eds.contains("Borofsky"), "{eds}");
}

#[test]
fn mla_labels_a_reports_number_once() {
    let w = Workdir::new();
    w.import_reading(
        "mla.csv",
        "title,authors,year,type,publisher,place,issue,genre,series\n\
         R2,\"Beta, B.\",2002,report,Pub,London,22323,Working Paper,NBER Working Paper Series\n\
         R3,\"Gamma, G.\",2003,report,Pub,London,7,Technical Report,\n",
    );
    let refs = w.references("modern-language-association");
    for (t, n) in [("R2", "Working Paper no. 22323"), ("R3", "Technical Report no. 7")] {
        let r = reference(&refs, t);
        assert!(r.contains(n) && !r.contains("No. no."), "{r}");
    }
}

#[test]
fn year_range_hint_only_for_consecutive_years_and_in_press_says_it_clears() {
    let w = Workdir::new();
    w.import_reading("r.csv", "title,authors,year\nDated,\"Alpha, A.\",2000\n");
    let id = reading(&w.reading_list(), "Dated")["id"].as_i64().expect("id").to_string();
    w.ok(&["reading", "edit", &id, "--by", "t", "--year", "2000 Feb"]);
    let e = w.fails(&["reading", "edit", &id, "--by", "t", "--year", "1998-2000"]);
    assert!(!e.contains("across the year end"), "{e}");
    w.ok(&["reading", "edit", &id, "--by", "t", "--year", "1999 Feb"]);
    let e = w.fails(&["reading", "edit", &id, "--by", "t", "--year", "1999-2000"]);
    assert!(e.contains("(as --year \"1999 Dec-2000 Jan\")"), "{e}");
    let err = w.ok_stderr(&["reading", "edit", &id, "--by", "t", "--year", "in press"]);
    assert!(err.contains("the stored month February is cleared"), "{err}");
}
