//! Issue 12, references as published: an article number (an e-only
//! article's locator, stored as APA prints it, "Article 112873") is printed
//! with its label only where the style's manual prints one (APA 7 §9.25);
//! Chicago (CMOS 17 §14.174), Harvard, Vancouver and AMA give the number
//! alone where the pages go, never "p. Article …" or ": Article …".

mod common;

use common::Workdir;

#[test]
fn an_article_number_is_labelled_only_in_apa() {
    let w = Workdir::new();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Scopus article number\nT2  - Environmental Research\nPY  - 2022\nVL  - 210\nC7  - 112873\nER  - \n",
    );
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Scopus article number").contains("210, Article 112873"));
    for style in ["chicago", "harvard", "vancouver", "ama"] {
        let list = w.references(style);
        let r = common::reference(&list, "Scopus article number");
        assert!(r.contains("112873"), "{style}: {r}");
        assert!(!r.contains("Article 112873") && !r.contains("article 112873"), "{style}: {r}");
        assert!(!r.contains("p. 112873") && !r.contains("pp. 112873"), "{style}: a number is no page: {r}");
    }
}

/// A report's number is an identifier, printed as written in every style:
/// never read as a range of numbers ("Nos. MOH-2020–4", leading zeros lost)
/// whatever its hyphens and zeros (APA 7 §10.4, Citing Medicine ch. 15).
#[test]
fn a_report_number_with_hyphens_and_zeros_prints_as_written() {
    let w = Workdir::new();
    w.import_reading(
        "r.bib",
        "@techreport{a, author = {{Ministry of Health}}, title = {National Health Policy}, institution = {Ministry of Health}, year = {2020}, number = {MOH-2020-04}}\n\
         @techreport{b, author = {{CDC}}, title = {Surveillance summary}, institution = {CDC}, year = {2019}, number = {CDC-2019-0012}}\n\
         @techreport{c, author = {{WHO}}, title = {Range-like number}, institution = {WHO}, year = {2018}, number = {12-15}}\n",
    );
    for style in ["apa", "chicago", "harvard", "vancouver"] {
        let list = w.references(style);
        for (title, number) in [
            ("National Health Policy", "MOH-2020-04"),
            ("Surveillance summary", "CDC-2019-0012"),
            ("Range-like", "12-15"),
        ] {
            let r = common::reference(&list, title);
            assert!(r.contains(number), "{style}: {number} as written: {r}");
            assert!(!r.contains("Nos.") && !r.contains("nos."), "{style}: one number, not a range: {r}");
        }
    }
}
