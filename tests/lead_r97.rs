//! Fresh tester r97 (F6): a month written before its year ("05/2015")
//! lost its month in silence in a CSV cell, and EndNote XML said "05" was
//! no month, while "2015/05" was read as May 2015.

mod common;
use common::*;

fn year_month(list: &serde_json::Value, title: &str) -> (Option<i64>, Option<i64>) {
    let r = reading(list, title);
    (r["year"].as_i64(), r["month"].as_i64())
}

#[test]
fn a_month_before_its_year_is_read_in_a_sheet_and_in_endnote() {
    let w = Workdir::new();
    let err = w.import_reading(
        "q.csv",
        "title,authors,year,type,container\n\
         Q1,\"A, B\",05/2015,article,J\n\
         Q2,\"A, C\",2015/05,article,J\n\
         Q3,\"A, D\",11-2014,article,J\n\
         Q4,\"A, E\",3.2013,article,J\n",
    );
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    assert_eq!(year_month(&list, "Q1"), (Some(2015), Some(5)));
    assert_eq!(year_month(&list, "Q2"), (Some(2015), Some(5)));
    assert_eq!(year_month(&list, "Q3"), (Some(2014), Some(11)));
    assert_eq!(year_month(&list, "Q4"), (Some(2013), Some(3)));
    // Printed with its month by a style that prints one.
    let refs = w.references("vancouver");
    assert!(refs["Q1"].contains("J. 2015 May"), "{refs:?}");

    let w = Workdir::new();
    let err = w.import_reading(
        "d.xml",
        "<xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <contributors><authors><author>Osei, Ama</author></authors></contributors>\
         <titles><title>E1</title><secondary-title>J</secondary-title></titles>\
         <dates><year>2015</year><pub-dates><date>05/2015</date></pub-dates></dates></record></records></xml>",
    );
    assert!(!err.contains("is no month"), "{err}");
    assert_eq!(year_month(&w.reading_list(), "E1"), (Some(2015), Some(5)));
}

/// F7: a set's volumes and the whole set stored with its ISBN-10 (a
/// catalogue's "(v. 1)", "(v. 2)"); another sheet giving the ISBN-13 of the
/// same number for volume 2, or for the whole set, was refused whole
/// ("already belongs to entry …"). It matches what the ISBN-10 matches.
#[test]
fn a_sets_isbn_13_matches_what_its_isbn_10_matches() {
    let w = Workdir::new();
    let head = "title,authors,year,type,isbn,volume,publisher\n";
    let row = |isbn: &str, volume: &str| {
        format!(
            "Companion encyclopedia of the history of medicine,\"Bynum, W. F.; Porter, Roy\",1993,book,{isbn},{volume},Routledge\n"
        )
    };
    let err = w.import_reading(
        "vol.csv",
        &format!("{head}{}{}{}", row("0415047722 (v. 1)", ""), row("0415047722 (v. 2)", ""), row("0415047722", "")),
    );
    assert!(err.contains("readings: 3 new"), "{err}");
    let volumes = |w: &Workdir| {
        let mut v: Vec<(Option<String>, Option<String>)> = w
            .reading_list()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["volume"].as_str().map(str::to_string), r["isbn"].as_str().map(str::to_string)))
            .collect();
        v.sort();
        v
    };
    let before = volumes(&w);
    assert_eq!(before.len(), 3, "{before:?}");
    for (name, volume) in [("vol2.csv", "2"), ("vol4.csv", "")] {
        let err = w.import_reading(name, &format!("{head}{}", row("978-0-415-04772-2", volume)));
        assert!(!err.contains("already belongs"), "{err}");
        assert!(err.contains("0 new"), "{err}");
        assert_eq!(volumes(&w).len(), 3, "{name}: {err}");
    }
}
