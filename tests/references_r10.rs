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
