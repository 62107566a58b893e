//! Lead, session r86: a second person inside one name of a format that
//! gives one name per field (RIS `AU`, BibTeX between " and "s) is said,
//! as it is for a spreadsheet cell (tester 86 F4; u86's note: RIS "Müller,
//! Hans und Schmidt, Anna" was stored as given name "Hans und Schmidt,
//! Anna" and BibTeX put "Hans und Schmidt" in the suffix, both unsaid).

mod common;
use common::*;

#[test]
fn a_second_person_in_one_ris_author_line_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "two.ris",
        "TY  - JOUR\nTI  - Kolonialmedizin in Ostafrika\nAU  - Müller, Hans und Schmidt, Anna\nPY  - 2001\nER  - \n\n\
         TY  - JOUR\nTI  - Ordinary names\nAU  - Müller, Hans\nAU  - King, Martin Luther, Jr.\nPY  - 2002\nER  - \n",
    );
    assert!(
        said.contains(
            "\"Müller, Hans und Schmidt, Anna\" was read as one name, family name \"Müller\" with given name \
             \"Hans und Schmidt, Anna\", which may hold a second person"
        ),
        "{said}"
    );
    assert!(said.contains("one `AU` line each in RIS"), "{said}");
    // One warning, for the one name: the ordinary names are not doubted.
    assert_eq!(said.matches("may hold a second person").count(), 1, "{said}");
    // Stored as read: the warning changes nothing.
    let list = w.json(&["reading", "list", "--format", "json"]);
    let r = list.as_array().unwrap().iter().find(|r| r["title"] == "Kolonialmedizin in Ostafrika").unwrap();
    assert_eq!(r["author_names"][0]["given"], "Hans und Schmidt, Anna", "{r}");
}

#[test]
fn a_second_person_in_a_bibtex_suffix_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "two.bib",
        "@article{a, title = {Kolonialmedizin}, author = {Müller, Hans und Schmidt, Anna}, year = {2001}}\n\
         @article{b, title = {Ordinary}, author = {Mensah, Jr., Kofi A. and van der Berg, Pieter}, year = {2002}}\n",
    );
    assert!(
        said.contains("with suffix \"Hans und Schmidt\", which may hold a second person; if it is two people, separate the names with \" and \""),
        "{said}"
    );
    assert_eq!(said.matches("may hold a second person").count(), 1, "{said}");
}
