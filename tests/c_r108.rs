//! Testers r106 F4, F10 and r105: canon's own phrases in a dependent
//! style's locale. A `.csl` file with `default-locale="es-ES"` (or "fr-FR",
//! "pt-BR", "de-DE") and an independent parent among canon's styles printed
//! the words canon adds itself in English ("Published", "Preprint posted
//! online", "[data set on the Internet]", a legal reference's "Accessed"
//! and "Available from:") and an event's date in US order ("noviembre 5,
//! 2019"); a French Vancouver printed a program's version as an edition
//! ("Version 3 éd.").

mod common;
use common::*;

/// The readings every test here cites: a web page, a preprint, a data set,
/// a program, a manuscript, a paper given at an event, a legal case and a
/// statute, each with an access date where it has an address.
const READINGS: &str = r#"[
{"id":"w1","type":"webpage","title":"Web page one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2022,12,16]]},"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"},
{"id":"p1","type":"article","title":"Preprint one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2023,1,3]]},"container-title":"medRxiv","genre":"Preprint","DOI":"10.1101/2023.01.03.123"},
{"id":"d1","type":"dataset","title":"Data set one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"publisher":"Dryad","version":"2","URL":"https://example.org/d1","accessed":{"date-parts":[[2023,5,1]]}},
{"id":"s1","type":"software","title":"Software one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"publisher":"Zenodo","version":"3","URL":"https://example.org/s1"},
{"id":"m1","type":"manuscript","title":"Manuscript one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019]]},"publisher-place":"Dakar"},
{"id":"c1","type":"paper-conference","title":"Paper one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]}},
{"id":"l1","type":"legal_case","title":"Case one v. State","issued":{"date-parts":[[2010]]},"authority":"Supreme Court","number":"13029","URL":"https://example.org/l1","accessed":{"date-parts":[[2023,5,1]]}},
{"id":"l2","type":"legislation","title":"Health Act","issued":{"date-parts":[[2010]]},"number":"12","URL":"https://example.org/l2","accessed":{"date-parts":[[2023,5,1]]}}
]"#;

fn cited() -> Workdir {
    let w = workdir();
    w.import_reading("r108.json", READINGS);
    w
}

/// F10: AMA's "Published" before a web page's date and "Preprint posted
/// online" before a preprint's, in the locale's words and date form.
#[test]
fn ama_published_and_preprint_words_are_the_locales() {
    let w = cited();
    let es = in_locale(&w, "american-medical-association", "es-ES");
    assert!(
        es["Web page one"].contains("WHO. Publicado el 16 de diciembre de 2022. Accedido"),
        "{}",
        es["Web page one"]
    );
    assert!(
        es["Preprint one"].contains("medRxiv. Preprint publicado en línea el 3 de enero de 2023."),
        "{}",
        es["Preprint one"]
    );
    let fr = in_locale(&w, "american-medical-association", "fr-FR");
    assert!(fr["Web page one"].contains("WHO. Publié le 16 décembre 2022. Consulté le"), "{}", fr["Web page one"]);
    assert!(fr["Preprint one"].contains("Prépublication mise en ligne le 3 janvier 2023."), "{}", fr["Preprint one"]);
    for (locale, published) in
        [("pt-BR", "Publicado em 16"), ("de-DE", "Veröffentlicht am 16"), ("it-IT", "Pubblicato il 16")]
    {
        let refs = in_locale(&w, "american-medical-association", locale);
        assert!(refs["Web page one"].contains(published), "{locale}: {}", refs["Web page one"]);
        assert!(!refs["Web page one"].contains("Published"), "{locale}: {}", refs["Web page one"]);
        assert!(!refs["Preprint one"].contains("posted online"), "{locale}: {}", refs["Preprint one"]);
    }
    // English is the manual's.
    let en = w.references("american-medical-association");
    assert!(
        en["Web page one"].contains("WHO. Published December 16, 2022. Accessed May 1, 2023."),
        "{}",
        en["Web page one"]
    );
    assert!(en["Preprint one"].contains("medRxiv. Preprint posted online January 3, 2023."), "{}", en["Preprint one"]);
}

/// F10: an event's date canon writes itself is in the locale's date form
/// in AMA, Cite Them Right, IEEE and Chicago, as Vancouver's was.
#[test]
fn an_event_date_is_in_the_locales_order() {
    let w = cited();
    for (parent, locale, want) in [
        ("american-medical-association", "es-ES", "Presentado en: Congrès de santé; 5 de noviembre de 2019; Dakar."),
        ("american-medical-association", "fr-FR", "Présenté à: Congrès de santé; 5 novembre 2019; Dakar."),
        ("harvard-cite-them-right", "es-ES", "Congrès de santé. Dakar, 5 de noviembre de 2019."),
        ("ieee", "es-ES", "presentado en Congrès de santé, Dakar, 5 de noviembre de 2019."),
        // Chicago's "Paper presented at the" whole in French, its title in « » (CMOS §14.217; r111 F1, F2).
        ("chicago-author-date", "fr-FR", "Communication présentée à Congrès de santé, Dakar, 5 novembre 2019."),
    ] {
        let refs = in_locale(&w, parent, locale);
        assert!(refs["Paper one"].contains(want), "{parent} {locale}: {}", refs["Paper one"]);
    }
    let en = w.references("american-medical-association");
    assert!(
        en["Paper one"].contains("Presented at: Congrès de santé; November 5, 2019; Dakar."),
        "{}",
        en["Paper one"]
    );
}

/// r105, F10: a legal reference's access date and address label are the
/// locale's, as the style prints them for every other reference.
#[test]
fn legal_references_take_the_locales_words() {
    let w = cited();
    for title in ["Case one v. State", "Health Act"] {
        let es = in_locale(&w, "vancouver", "es-ES");
        // Citing Medicine's year, month, day with the locale's month (r112 F1).
        assert!(es[title].contains(" [citado 2023 may 1]. Disponible en: https://"), "{}", es[title]);
        let fr = in_locale(&w, "vancouver", "fr-FR");
        // (The Vancouver CSL style writes its own French dates: kept.)
        assert!(fr[title].contains(" [cité 1 mai 2023]. Disponible sur: https://"), "{}", fr[title]);
        let ama = in_locale(&w, "american-medical-association", "es-ES");
        assert!(ama[title].contains(". Accedido 1 de mayo de 2023. https://"), "{}", ama[title]);
        let ieee = in_locale(&w, "ieee", "es-ES");
        assert!(
            ieee[title].contains(". Accedido: 1 de mayo de 2023. [En línea]. Disponible en: https://"),
            "{}",
            ieee[title]
        );
        let harvard = in_locale(&w, "harvard-cite-them-right", "fr-FR");
        assert!(harvard[title].contains("Disponible sur: https://"), "{}", harvard[title]);
        assert!(harvard[title].contains("(Consulté le: 1 mai 2023)."), "{}", harvard[title]);
        // English is the manuals'.
        let en = w.references("vancouver");
        assert!(en[title].contains(" [cited 2023 May 1]. Available from: https://"), "{}", en[title]);
        let en = w.references("american-medical-association");
        assert!(en[title].contains(". Accessed May 1, 2023. https://"), "{}", en[title]);
    }
}

/// F10: Vancouver's bracketed type of a data set, a program and a
/// manuscript in the locale's words (the CSL locale's type terms), with
/// the style's "[Internet]" apart, as a thesis's degree already was.
#[test]
fn vancouver_types_are_the_locales() {
    let w = cited();
    let fr = in_locale(&w, "vancouver", "fr-FR");
    assert!(fr["Data set one"].contains("Data set one [jeu de données] [Internet]."), "{}", fr["Data set one"]);
    assert!(fr["Software one"].contains("Software one [logiciel] [Internet]."), "{}", fr["Software one"]);
    assert!(fr["Manuscript one"].contains("Manuscript one [manuscrit]."), "{}", fr["Manuscript one"]);
    let es = in_locale(&w, "vancouver", "es-ES");
    assert!(es["Data set one"].contains("[conjunto de datos] [Internet]."), "{}", es["Data set one"]);
    assert!(es["Manuscript one"].contains("[manuscrito]."), "{}", es["Manuscript one"]);
    let pt = in_locale(&w, "vancouver", "pt-BR");
    assert!(pt["Data set one"].contains("[conjunto de dados] [Internet]."), "{}", pt["Data set one"]);
    assert!(pt["Software one"].contains("[programa de computador] [Internet]."), "{}", pt["Software one"]);
    let de = in_locale(&w, "vancouver", "de-DE");
    assert!(de["Manuscript one"].contains("[Manuskript]."), "{}", de["Manuscript one"]);
    for refs in [&fr, &es, &pt, &de] {
        for title in ["Data set one", "Software one", "Manuscript one"] {
            assert!(!refs[title].contains("on the Internet"), "{}", refs[title]);
        }
    }
    let en = w.references("vancouver");
    assert!(en["Data set one"].contains("Data set one [data set on the Internet]."), "{}", en["Data set one"]);
    assert!(en["Manuscript one"].contains("Manuscript one [manuscript]."), "{}", en["Manuscript one"]);
}

/// F4: a program's or data set's whole-number version is no edition in
/// any locale: no "éd.", "Aufl.", "dr." after it.
#[test]
fn a_version_is_never_an_edition_in_any_locale() {
    let w = cited();
    for parent in ["vancouver", "harvard-cite-them-right", "chicago-author-date"] {
        for locale in ["fr-FR", "de-DE", "nl-NL", "es-ES"] {
            let refs = in_locale(&w, parent, locale);
            for title in ["Data set one", "Software one"] {
                let r = &refs[title];
                for word in [" éd.", " Aufl.", " dr.", " ed.", " edn"] {
                    assert!(!r.contains(word), "{parent} {locale}: {r}");
                }
            }
        }
    }
    let fr = in_locale(&w, "vancouver", "fr-FR");
    assert!(fr["Software one"].contains("[Internet]. Version 3. Zenodo; 2021."), "{}", fr["Software one"]);
    assert!(fr["Data set one"].contains("[Internet]. Version 2. Dryad; 2021"), "{}", fr["Data set one"]);
}
