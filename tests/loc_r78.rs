//! Tester r78: canon's own words in a style's language, editions written
//! in other languages, and titles in other languages without a language.
mod common;

use common::{Workdir, reference};

const VOLUMES: &str = r#"@book{histmed_v1,
  author = {Porter, Roy},
  maintitle = {Geschichte der Medizin},
  title = {Von der Antike bis zur Renaissance},
  volume = {1},
  publisher = {Springer},
  address = {Berlin},
  year = {2002}
}
@book{arnold,
  author = {Arnold, David},
  title = {Colonizing the body},
  publisher = {Univ},
  address = {Berkeley},
  year = {1993},
  volume = {2}
}
@incollection{kim,
  author = {Kim, Jim},
  title = {A chapter},
  booktitle = {Big book},
  volume = {3},
  editor = {Farmer, Paul},
  publisher = {P},
  address = {Boston},
  year = {2001},
  pages = {1--5}
}
"#;

/// F9: the volume label canon writes itself (a volume's own title, a
/// book's volume the style left out) is the style's locale's: "Bd." in
/// German, "vol." in French; the English manuals' "Vol." in English; and a
/// volume the processor printed with its locale's label is never added a
/// second time.
#[test]
fn the_volume_label_canon_writes_is_the_locales() {
    let w = Workdir::new();
    w.import_reading("v.bib", VOLUMES);
    let apa_de = w.references(&w.dependent_style("zfa-de", "apa", "de-DE"));
    assert_eq!(
        reference(&apa_de, "Geschichte"),
        "Porter, R. (2002). Geschichte der Medizin: Bd. 1. Von der Antike bis zur Renaissance. Springer."
    );
    assert_eq!(reference(&apa_de, "Colonizing"), "Arnold, D. (1993). Colonizing the body (Bd. 2). Univ.");
    let van_de = w.references(&w.dependent_style("dae-de", "vancouver", "de-DE"));
    assert_eq!(
        reference(&van_de, "Geschichte"),
        "Porter R. Geschichte der Medizin. Bd. 1, Von der Antike bis zur Renaissance. Berlin: Springer; 2002."
    );
    assert_eq!(reference(&van_de, "Colonizing"), "Arnold D. Colonizing the body. Bd. 2. Berkeley: Univ; 1993.");
    assert!(reference(&van_de, "A chapter").contains("Big book. Bd. 3. Boston: P; 2001."), "{van_de:?}");
    let harvard_fr = w.references(&w.dependent_style("revue-fr", "harvard-cite-them-right", "fr-FR"));
    assert_eq!(
        reference(&harvard_fr, "Geschichte"),
        "Porter, R. (2002) Geschichte der Medizin. vol. 1, Von der Antike bis zur Renaissance. Berlin: Springer."
    );
    assert!(reference(&harvard_fr, "Colonizing").contains("Colonizing the body. vol. 2. Berkeley"), "{harvard_fr:?}");
    assert!(reference(&harvard_fr, "A chapter").contains("Big book. vol. 3."), "{harvard_fr:?}");
    for (style, refs) in [("apa de", &apa_de), ("vancouver de", &van_de), ("harvard fr", &harvard_fr)] {
        for r in refs.values() {
            assert!(!r.contains("Vol. ") && !r.contains("Vol "), "{style}: {r}");
        }
    }
    // English styles keep their manuals' label.
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Geschichte"),
        "Porter R. Geschichte der Medizin. Vol. 1, Von der Antike bis zur Renaissance. Berlin: Springer; 2002."
    );
    assert_eq!(reference(&vancouver, "Colonizing"), "Arnold D. Colonizing the body. Vol. 2. Berkeley: Univ; 1993.");
    let apa = w.references("apa");
    assert!(reference(&apa, "Geschichte").contains("Geschichte der Medizin: Vol. 1. Von der Antike"), "{apa:?}");
    let ama = w.references("ama");
    assert!(reference(&ama, "Geschichte").contains("Vol 1, Von der Antike"), "{ama:?}");
}

const EDITIONS: &str = "title,authors,year,type,publisher,place,edition\n\
    Buch A,\"Porter, R\",2003,book,Springer,Berlin,2. Aufl.\n\
    Livre B,\"Dupont, M\",2004,book,Seuil,Paris,2e éd.\n\
    Libro C,\"García, L\",2005,book,Siglo,Madrid,2ª ed.\n\
    Kniga D,\"Ivanov, I\",2006,book,Nauka,Moskva,2-е изд.\n\
    Buch E,\"Weber, K\",2007,book,Thieme,Stuttgart,Dritte Auflage\n\
    Livre F,\"Martin, P\",2008,book,PUF,Paris,3ᵉ édition\n\
    Boek G,\"Jansen, J\",2009,book,Boom,Amsterdam,2e druk\n\
    Book H,\"Smith, H\",2010,book,Pub,London,2nd rev. ed.\n\
    Buch I,\"Keller, U\",2011,book,Thieme,Stuttgart,1. Aufl.\n";

/// F12: an edition written in another language's ordinal form ("2.
/// Aufl.", "2e éd.", "2ª ed.", "2-е изд.", "Dritte Auflage") is that
/// edition's number, printed as each English style's ordinal; a first
/// edition is not printed; other words stay as written.
#[test]
fn an_edition_in_another_languages_ordinal_is_printed_as_the_styles_ordinal() {
    let w = Workdir::new();
    w.import_reading("ed.csv", EDITIONS);
    let second = [("Buch A", 2), ("Livre B", 2), ("Libro C", 2), ("Kniga D", 2), ("Buch E", 3), ("Livre F", 3)];
    let ordinal = |n| if n == 2 { "2nd" } else { "3rd" };
    let vancouver = w.references("vancouver");
    let apa = w.references("apa");
    let harvard = w.references("harvard");
    let chicago = w.references("chicago");
    for (title, n) in second.iter().copied().chain([("Boek G", 2)]) {
        let o = ordinal(n);
        assert!(reference(&vancouver, title).contains(&format!("{title}. {o} ed. ")), "{vancouver:?}");
        assert!(reference(&apa, title).contains(&format!("{title} ({o} ed.).")), "{apa:?}");
        assert!(reference(&harvard, title).contains(&format!("{title}. {o} edn. ")), "{harvard:?}");
        assert!(reference(&chicago, title).contains(&format!("{title}. {o} ed. ")), "{chicago:?}");
    }
    assert_eq!(reference(&vancouver, "Buch A"), "Porter R. Buch A. 2nd ed. Berlin: Springer; 2003.");
    assert_eq!(reference(&apa, "Buch A"), "Porter, R. (2003). Buch A (2nd ed.). Springer.");
    assert_eq!(reference(&harvard, "Buch A"), "Porter, R. (2003) Buch A. 2nd edn. Berlin: Springer.");
    // Other words are the style's as for English.
    assert!(reference(&vancouver, "Book H").contains("Book H. 2nd rev. ed. London"), "{vancouver:?}");
    // A first edition is not printed, in any language.
    for refs in [&vancouver, &apa, &harvard, &chicago] {
        let r = reference(refs, "Buch I");
        assert!(!r.contains("Aufl") && !r.contains("1st"), "{r}");
        for r in refs.values() {
            for verbatim in ["Aufl", "éd.", "ª ed", "изд", "druk", "Auflage", "édition"] {
                assert!(!r.contains(verbatim), "{r}");
            }
        }
    }
    // Stored as written.
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE edition = '2. Aufl.'"), 1);
    // A German style prints the locale's own ordinal.
    let apa_de = w.references(&w.dependent_style("zfa-de", "apa", "de-DE"));
    assert!(!reference(&apa_de, "Buch A").contains("2nd"), "{apa_de:?}");
}

const TITLES: &str = "title,authors,year,type,container,language\n\
    Hautfarbe und Pulsoxymetrie,\"Müller, A\",2019,article,Anästhesiologie,\n\
    Dekolonisierung der medizinischen Lehre,\"Osei, J\",2020,article,Medizinische Ausbildung,\n\
    Rassismus in klinischen Algorithmen,\"Osei, J\",2021,article,Das Gesundheitswesen,\n\
    Écrits psychiatriques inédits,\"Fanon, F\",2018,book,,\n\
    Santé et colonialisme en Afrique de l'Ouest,\"Dupont, M\",2024,article,Revue d'histoire de la médecine,\n\
    Salud y colonialismo en América,\"García, L\",2017,article,Revista médica,\n\
    Medizin im kolonialen Kontext,\"Weber, K\",2016,article,Sudhoffs Archiv,de\n\
    Pulse oximetry and skin pigmentation,\"Sjoding, M\",2020,article,New England Journal,\n\
    Médecins Sans Frontières and care in Syria,\"Ali, S\",2015,article,Lancet,\n";

/// F16: Chicago title-cases an English title only: a title stored without
/// a language whose words are plainly German, French or Spanish ("und",
/// "et", "y"; "Écrits … inédits"; "-ung", "-ischen") keeps the case it
/// was written in, as the French title beside it did, and as one stored
/// with its language does.
#[test]
fn chicago_keeps_the_case_of_titles_plainly_in_another_language() {
    let w = Workdir::new();
    w.import_reading("t.csv", TITLES);
    let chicago = w.references("chicago");
    for title in [
        "Hautfarbe und Pulsoxymetrie",
        "Dekolonisierung der medizinischen Lehre",
        "Rassismus in klinischen Algorithmen",
        "Écrits psychiatriques inédits",
        "Santé et colonialisme en Afrique de l'Ouest",
        "Salud y colonialismo en América",
        "Medizin im kolonialen Kontext",
    ] {
        assert!(reference(&chicago, title).contains(title), "{title}: {chicago:?}");
    }
    assert!(reference(&chicago, "Pulse oximetry").contains("Pulse Oximetry and Skin Pigmentation"), "{chicago:?}");
    assert!(reference(&chicago, "Médecins").contains("Médecins Sans Frontières and Care in Syria"), "{chicago:?}");
}
