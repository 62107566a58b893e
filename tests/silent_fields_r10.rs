//! Issue 12's "nothing silent": an EndNote XML element that holds one value,
//! given twice with another value (a second URL, a second volume), is named
//! as not stored, as RIS and MEDLINE name a second value of a one-value tag.

mod common;

use common::Workdir;

#[test]
fn a_second_value_of_an_endnote_element_is_named() {
    let w = Workdir::new();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
               <record><rec-number>1</rec-number><ref-type name=\"Journal Article\">17</ref-type>\
               <contributors><authors><author>Osei, Ama</author><author>Ude, Dede</author></authors></contributors>\
               <titles><title>Two links</title><secondary-title>Lancet</secondary-title></titles>\
               <periodical><full-title>Lancet</full-title></periodical><volume>4</volume><volume>5</volume>\
               <dates><year>2020</year></dates>\
               <urls><related-urls><url>https://example.org/a</url><url>https://example.org/b</url></related-urls></urls></record>\
               <record><rec-number>2</rec-number><ref-type name=\"Journal Article\">17</ref-type>\
               <titles><title>One link twice</title></titles><dates><year>2021</year></dates><pages>1-9</pages><pages>1-9</pages>\
               <urls><related-urls><url>https://example.org/c</url></related-urls></urls></record>\
               </records></xml>";
    let said = w.import_reading("e.xml", xml);
    assert!(said.contains("urls/related-urls/url (a second value)"), "{said}");
    assert!(said.contains("volume (a second value)"), "{said}");
    assert!(!said.contains("pages (a second value)"), "the same value twice loses nothing: {said}");
    let list = w.reading_list();
    let a = common::reading(&list, "Two links");
    assert_eq!((a["url"].as_str(), a["volume"].as_str()), (Some("https://example.org/a"), Some("4")), "{a}");
    assert_eq!(common::reading(&list, "One link twice")["pages"].as_str(), Some("1-9"), "stored as written");
}

/// EndNote labels a Report's `isbn` element "Report Number": one that is no
/// ISBN or ISSN is the report's number (tester r10 M2: it was named as a bad
/// ISBN and lost), as RIS `SN` on a report is.
#[test]
fn an_endnote_reports_number_in_its_isbn_element_is_its_number() {
    let w = Workdir::new();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
               <record><rec-number>1</rec-number><ref-type name=\"Report\">27</ref-type>\
               <contributors><authors><author>World Health Organization,</author></authors></contributors>\
               <titles><title>Technical report</title></titles><dates><year>2015</year></dates>\
               <publisher>WHO</publisher><isbn>WHO/TRS/987</isbn></record>\
               <record><rec-number>2</rec-number><ref-type name=\"Book\">6</ref-type>\
               <titles><title>A book with a bad ISBN</title></titles><dates><year>2015</year></dates>\
               <isbn>978-0-415-00000-2</isbn></record>\
               </records></xml>";
    let said = w.import_reading("e.xml", xml);
    assert!(!said.contains("\"WHO/TRS/987\" not stored"), "{said}");
    assert!(said.contains("\"978-0-415-00000-2\" not stored"), "a book's bad ISBN is still named: {said}");
    let list = w.reading_list();
    let r = common::reading(&list, "Technical report");
    assert_eq!(r["issue"].as_str(), Some("WHO/TRS/987"), "{r}");
    assert!(r["isbn"].is_null(), "{r}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Technical report").contains("WHO/TRS/987"));
}

/// A DOI that names a stored entry under another work's title is refused,
/// naming both (a mistyped DOI must not merge two works), and
/// `--skip-invalid` imports the rest, as the README says.
#[test]
fn a_doi_under_another_works_title_is_refused_and_skip_invalid_imports_the_rest() {
    let w = Workdir::new();
    w.import_reading("a.csv", "title,authors,year,doi\nA paper with odd DOI,\"Osei, Ama\",2020,10.1000/odd\n");
    let f = w.write(
        "b.csv",
        "title,authors,year,doi\nSomething else entirely,\"Ude, Dede\",2012,doi:10.1000/ODD\nA third work,\"Ude, Dede\",2012,\n",
    );
    let err = w.fails(&["import", "reading", f.to_str().unwrap()]);
    assert!(err.contains("b.csv:2") && err.contains("A paper with odd DOI"), "{err}");
    let rejects = w.path("rejects.csv");
    w.ok(&["import", "reading", f.to_str().unwrap(), "--skip-invalid", "--rejects", rejects.to_str().unwrap()]);
    let list = w.reading_list();
    assert!(common::reading(&list, "A third work")["title"].is_string());
    assert!(std::fs::read_to_string(&rejects).unwrap().contains("Something else entirely"));
}
