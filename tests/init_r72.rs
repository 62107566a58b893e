//! Tester r72: a given name that starts with an article ("al-Husayn") has
//! the initial of the name, not a small "a" (F10); a ʿayn or hamza written
//! before a capital ("ʿAbd al-Laṭīf") is no initial of its own and does not
//! stop the particles after it being passed over (F11); a BibTeX "First von
//! Last" name whose von part holds a given name's word, or stops short of
//! the family name's own particle, is said with the form that reads as meant
//! (F1).

mod common;

use common::{Workdir, reference};

/// The tester's names (t/gn.json, t/au.csv) and more of the kind, at most
/// three to a reading so that no style cuts the list with "et al.".
const GIVEN_JSON: &str = r#"[
{"id":"g1","type":"article-journal","title":"Leading articles","container-title":"J Test","issued":{"date-parts":[[2021]]},
 "author":[{"family":"Sina","given":"al-Husayn","non-dropping-particle":"ibn"},{"family":"Ghazali","given":"ibn al-Husayn"},{"family":"Tusi","given":"al-Hasan Ahmad"}]},
{"id":"g2","type":"article-journal","title":"Ayn and hamza","container-title":"J Test","issued":{"date-parts":[[2021]]},
 "author":[{"family":"Nour","given":"ʿAbd al-Laṭīf"},{"family":"Rushd","given":"Abd al-ʿAziz"},{"family":"Hanbal","given":"ʾAḥmad"}]},
{"id":"g3","type":"article-journal","title":"Apostrophes and okina","container-title":"J Test","issued":{"date-parts":[[2022]]},
 "author":[{"family":"Latif","given":"'Abd al-Latif"},{"family":"Kamakau","given":"ʻIolani"},{"family":"Khaldun","given":"Abd al-Rahman","non-dropping-particle":"Ibn"}]}
]"#;

fn given_names() -> Workdir {
    let w = Workdir::new();
    w.import_reading("gn.json", GIVEN_JSON);
    w
}

/// The private-use marks canon hands the processor never reach the reader.
fn assert_no_marks(style: &str, text: &str) {
    assert!(!text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)), "{style}: a private mark in {text:?}");
}

/// F10: Citing Medicine and AMA give the given names' initials run
/// together; an article that starts the given name has none ("ibn Sina H",
/// as "Abd al-Rahman" is "AR"), nor does a particle word before it.
#[test]
fn vancouver_and_ama_initial_a_given_name_after_its_leading_article() {
    let w = given_names();
    for style in ["vancouver", "ama"] {
        let r = w.references(style);
        let lead = reference(&r, "Leading articles");
        assert!(lead.starts_with("ibn Sina H, Ghazali H, Tusi HA."), "{style}: {lead}");
        for t in r.values() {
            assert_no_marks(style, t);
        }
    }
}

/// F10: APA and Harvard: "ibn Sina, H."; never a small "a." initial.
#[test]
fn apa_and_harvard_initial_a_given_name_after_its_leading_article() {
    let w = given_names();
    let apa = w.references("apa");
    let lead = reference(&apa, "Leading articles");
    assert!(lead.starts_with("ibn Sina, H., Ghazali, H., & Tusi, H. A. (2021)."), "{lead}");
    let harvard = w.references("harvard");
    let lead = reference(&harvard, "Leading articles");
    assert!(lead.starts_with("ibn Sina, H., Ghazali, H. and Tusi, H.A. (2021)"), "{lead}");
    for (style, refs) in [("apa", &apa), ("harvard", &harvard)] {
        for t in refs.values() {
            assert_no_marks(style, t);
        }
    }
}

/// F10, F11: where the given name is printed in full (Chicago), it is
/// printed as written: the article before the name, the ʿayn before its
/// letter.
#[test]
fn chicago_prints_given_names_with_articles_and_ayn_as_written() {
    let w = given_names();
    let r = w.references("chicago");
    let lead = reference(&r, "Leading articles");
    assert!(lead.starts_with("ibn Sina, al-Husayn, ibn al-Husayn Ghazali, and al-Hasan Ahmad Tusi. 2021."), "{lead}");
    let ayn = reference(&r, "Ayn and hamza");
    assert!(ayn.starts_with("Nour, ʿAbd al-Laṭīf, Abd al-ʿAziz Rushd, and ʾAḥmad Hanbal. 2021."), "{ayn}");
    let ap = reference(&r, "Apostrophes and okina");
    assert!(ap.starts_with("Latif, 'Abd al-Latif, ʻIolani Kamakau, and Abd al-Rahman Ibn Khaldun. 2022."), "{ap}");
    for t in r.values() {
        assert_no_marks("chicago", t);
    }
}

/// F11: a ʿayn, hamza, ʻokina or apostrophe before a capital is a letter
/// modifier, not a word: "Nour AL" (not "Nour ʿA al L"), "Rushd AA",
/// "Hanbal A", "Latif AL", "Kamakau I".
#[test]
fn ayn_before_a_capital_is_no_initial_and_the_article_after_is_passed_over() {
    let w = given_names();
    for style in ["vancouver", "ama"] {
        let r = w.references(style);
        let ayn = reference(&r, "Ayn and hamza");
        assert!(ayn.starts_with("Nour AL, Rushd AA, Hanbal A."), "{style}: {ayn}");
        let ap = reference(&r, "Apostrophes and okina");
        assert!(ap.starts_with("Latif AL, Kamakau I, Ibn Khaldun AR."), "{style}: {ap}");
    }
    let apa = w.references("apa");
    let ayn = reference(&apa, "Ayn and hamza");
    assert!(ayn.starts_with("Nour, A. L., Rushd, A. A., & Hanbal, A. (2021)."), "{ayn}");
    let ap = reference(&apa, "Apostrophes and okina");
    assert!(ap.starts_with("Latif, A. L., Kamakau, I., & Ibn Khaldun, A. R. (2022)."), "{ap}");
}

/// F10 through a CSV cell, the tester's t/au.csv row "T five".
#[test]
fn a_csv_given_name_with_a_leading_article_is_initialised_by_its_name() {
    let w = Workdir::new();
    w.import_reading(
        "au.csv",
        "title,authors,year,type\nT five,\"al-Razi, Abu Bakr ibn Zakariya and ibn Sina, al-Husayn\",2020,article\n",
    );
    let v = w.references("vancouver");
    assert!(reference(&v, "T five").starts_with("al-Razi ABZ, ibn Sina H. T five."), "{v:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "T five").starts_with("al-Razi, A. B. Z., & ibn Sina, H. (2020)."), "{apa:?}");
}

const FVL_BIB: &str = "@article{x1,
 author = {Maria da Graça dos Santos and Abu Bakr ibn Zakariya al-Razi and Ludwig van Beethoven and Jean de La Fontaine},
 title = {Particles in given names},
 journal = {Names}, year = {2020}, volume = {1}, pages = {1--2}
}
@article{x2,
 author = {Ana de Jesus da Silva and Jean de La Fontaine},
 title = {Particles again},
 journal = {Names}, year = {2021}, volume = {2}, pages = {3--4}
}
";

/// F1: the von part BibTeX's rule draws around a capitalised word ("da
/// Graça dos"), or a family name of BibTeX's whose last word is the
/// family name's own particle ("Zakariya al-Razi"), is said, naming the
/// file and line, with the "von Last, First" form that reads as meant; the
/// name stays as BibTeX reads it. Names BibTeX reads as meant are not said.
#[test]
fn bibtex_von_part_around_a_given_name_is_said_with_the_form_meant() {
    let w = Workdir::new();
    let err = w.import_reading("fvl.bib", FVL_BIB);
    assert!(
        err.contains(
            "fvl.bib:2:12: warning: in entry `x1`: author \"Maria da Graça dos Santos\" was read by BibTeX's rule as \
             family name \"da Graça dos Santos\", given name \"Maria\""
        ),
        "{err}"
    );
    assert!(err.contains("write it \"dos Santos, Maria da Graça\""), "{err}");
    assert!(
        err.contains(
            "author \"Abu Bakr ibn Zakariya al-Razi\" was read by BibTeX's rule as family name \"ibn Zakariya \
             al-Razi\", given name \"Abu Bakr\""
        ),
        "{err}"
    );
    assert!(err.contains("write it \"al-Razi, Abu Bakr ibn Zakariya\""), "{err}");
    assert!(err.contains("author \"Ana de Jesus da Silva\""), "{err}");
    assert!(err.contains("write it \"da Silva, Ana de Jesus\""), "{err}");
    assert!(!err.contains("Beethoven") && !err.contains("La Fontaine"), "{err}");
    // As BibTeX reads it (every BibTeX tool reads it so).
    let v = w.references("vancouver");
    assert!(
        reference(&v, "Particles in given names").starts_with("da Graça dos Santos M, ibn Zakariya al-Razi AB"),
        "{v:?}"
    );
}

/// F1: the form the warning gives reads as meant.
#[test]
fn the_form_the_von_warning_gives_reads_as_meant() {
    let w = Workdir::new();
    let err = w.import_reading(
        "meant.bib",
        "@article{x1,
 author = {dos Santos, Maria da Graça and al-Razi, Abu Bakr ibn Zakariya and da Silva, Ana de Jesus},
 title = {Particles as meant}, journal = {Names}, year = {2020}, volume = {1}, pages = {1--2}
}
",
    );
    assert!(!err.contains("BibTeX's rule"), "{err}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Particles as meant").starts_with("dos Santos MG, al-Razi ABZ, da Silva AJ."), "{v:?}");
}
