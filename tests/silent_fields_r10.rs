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
