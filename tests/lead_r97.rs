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
