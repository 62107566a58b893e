//! Issue 12's "nothing silent", from a fresh tester's files: what an ISBN
//! field holds besides the ISBN kept (an ISSN, a report number, a bad check
//! digit) is named in a warning in every format that reads the field
//! leniently, and a BibTeX `day` is stored with its month.

mod common;

use common::Workdir;

const RIS: &str = "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Malaria in Accra\nT2  - Trop Med Int Health\nPY  - 2021\nSN  - 1360-2276\nER  - \n\n\
TY  - BOOK\nAU  - Osei, Ama\nTI  - Healing in Ghana\nPY  - 2019\nSN  - 978-0-385-50993-0 1234-5678\nER  - \n";

#[test]
fn what_an_isbn_field_holds_besides_the_isbn_is_named() {
    let w = Workdir::new();
    let said = w.import_reading("a.ris", RIS);
    // A journal article's ISSN is named once for the file (tester r35 F11).
    assert!(
        said.contains("RIS SN holding an ISSN (the journal's ISSN, which canon has no field for) (1 record)"),
        "{said}"
    );
    assert!(said.contains("the ISBN 9780385509930 is kept; \"1234-5678\" not stored"), "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Healing")["isbn"], "9780385509930");
    assert!(common::reading(&list, "Malaria")["isbn"].is_null());
    // A field that is one ISBN says nothing.
    let w = Workdir::new();
    let said = w.import_reading("b.ris", "TY  - BOOK\nTI  - One number\nPY  - 2019\nSN  - 978-0-385-50993-0\nER  - \n");
    assert!(!said.contains("not stored (not a valid ISBN"), "{said}");

    let w = Workdir::new();
    let said = w.import_reading(
        "m.bib",
        "@article{a, author = {Mensah, Kofi}, title = {A Lancet paper}, journal = {Lancet}, year = {2020}, isbn = {0140-6736}}\n",
    );
    assert!(said.contains("BibTeX isbn holding an ISSN (the journal's ISSN"), "{said}");

    let w = Workdir::new();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
               <record><rec-number>1</rec-number><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Osei, Ama</author></authors></contributors>\
               <titles><title>A bad check digit</title></titles><dates><year>2020</year></dates><isbn>978-0-415-00000-2</isbn></record>\
               </records></xml>";
    let said = w.import_reading("e.xml", xml);
    assert!(said.contains("\"978-0-415-00000-2\" not stored"), "{said}");
}

#[test]
fn a_bibtex_day_is_kept_with_its_month() {
    let w = Workdir::new();
    let said = w.import_reading(
        "d.bib",
        "@article{a, author = {Mensah, Kofi}, title = {On the third of May}, journal = {J}, year = {1998}, month = may, day = {3}}\n\
         @article{b, author = {Mensah, Kofi}, title = {A day alone}, journal = {J}, year = {1998}, day = {9}}\n",
    );
    let list = w.reading_list();
    let a = common::reading(&list, "On the third");
    assert_eq!((a["year"].as_i64(), a["month"].as_i64(), a["day"].as_i64()), (Some(1998), Some(5), Some(3)), "{a}");
    let b = common::reading(&list, "A day alone");
    assert!(b["day"].is_null(), "{b}");
    assert!(said.contains("day \"9\" not stored"), "{said}");
}

#[test]
fn a_season_from_a_date_of_another_year_is_not_taken_as_the_warning_says() {
    let w = Workdir::new();
    let said = w.import_reading(
        "z.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Winter of another year\nT2  - J\nPY  - 2019\nDA  - 2018///Winter\nER  - \n\n\
         TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Winter of its year\nT2  - J\nPY  - 2019\nDA  - 2019///Winter\nER  - \n",
    );
    assert!(said.contains("took no month, day or season from the date"), "{said}");
    let list = w.reading_list();
    let other = common::reading(&list, "Winter of another");
    assert_eq!(other["year"].as_i64(), Some(2019));
    assert!(other["season"].is_null(), "the warning says no season was taken: {other}");
    assert_eq!(common::reading(&list, "Winter of its")["season"], "winter");
}
