//! Tester r109: canon's own labels and words in a dependent style's
//! locale. A `.csl` file with `default-locale="fr-FR"` (or "es-ES",
//! "pt-BR", "de-DE", "it-IT", "nl-NL") whose independent parent is one of
//! canon's styles printed the type labels canon and the parent add in
//! English ("[Data set]", "[Computer software]", "[Podcast episode]",
//! "Preprint.", "PhD thesis"), a program's "Version 2" and a case's or a
//! statute's "No. 12". Each is now the CSL locale's term where it has one,
//! else canon's table, else English.

mod common;
use common::*;

/// One reading of each kind that carries a label: a data set, a program,
/// a podcast episode, a video, a manuscript, a poster, a paper given at an
/// event, a preprint, a doctoral and a master's thesis, a report with a
/// number, a legal case and a statute.
const READINGS: &str = r#"[
{"id":"d1","type":"dataset","title":"Data set one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"publisher":"Dryad","version":"2","URL":"https://example.org/d1","accessed":{"date-parts":[[2023,5,1]]}},
{"id":"s1","type":"software","title":"Software one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"publisher":"Zenodo","version":"3","URL":"https://example.org/s1"},
{"id":"e1","type":"broadcast","title":"Episode one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"container-title":"Health podcast","genre":"Podcast episode","number":"12","URL":"https://pod.example/1"},
{"id":"v1","type":"motion_picture","title":"Video one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"publisher":"YouTube","URL":"https://youtube.com/x","genre":"Video"},
{"id":"m1","type":"manuscript","title":"Manuscript one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019]]},"publisher-place":"Dakar"},
{"id":"c2","type":"paper-conference","title":"Poster one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"genre":"Poster","event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]}},
{"id":"c1","type":"paper-conference","title":"Paper one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]}},
{"id":"p1","type":"article","title":"Preprint one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2023,1,3]]},"container-title":"medRxiv","genre":"Preprint","DOI":"10.1101/2023.01.03.123"},
{"id":"t1","type":"thesis","title":"Thesis one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2018]]},"publisher":"University of Ghana","genre":"PhD thesis","publisher-place":"Accra"},
{"id":"t2","type":"thesis","title":"Thesis two","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2018]]},"publisher":"University of Ghana","genre":"Master's thesis","publisher-place":"Accra"},
{"id":"r1","type":"report","title":"Report one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019]]},"publisher":"WHO","number":"7","publisher-place":"Geneva"},
{"id":"l1","type":"legal_case","title":"Case one v. State","issued":{"date-parts":[[2010]]},"authority":"Supreme Court","number":"13029","URL":"https://example.org/l1","accessed":{"date-parts":[[2023,5,1]]}},
{"id":"l2","type":"legislation","title":"Health Act","issued":{"date-parts":[[2010]]},"number":"12","URL":"https://example.org/l2","accessed":{"date-parts":[[2023,5,1]]}}
]"#;

fn cited() -> Workdir {
    let w = workdir();
    w.import_reading("r109.json", READINGS);
    w
}

/// Asserts that the reference titled `title` contains each of `wants`.
fn has(refs: &std::collections::HashMap<String, String>, what: &str, title: &str, wants: &[&str]) {
    let reference = refs.get(title).unwrap_or_else(|| panic!("{what}: no reference titled {title}: {refs:?}"));
    for want in wants {
        assert!(reference.contains(want), "{what}: {title}: wanted {want:?} in\n{reference}");
    }
}

/// APA's bracketed descriptions (APA 7 ch. 10) in each locale.
#[test]
fn apa_labels_are_the_locales() {
    let w = cited();
    // (locale, data set, software, podcast episode, video, manuscript,
    // poster, paper presentation, preprint, version)
    let cases: [(&str, [&str; 9]); 6] = [
        (
            "es-ES",
            [
                "[Conjunto de datos]",
                "[Software]",
                "[Episodio de podcast]",
                "[Vídeo]",
                "[Manuscrito]",
                "[Póster]",
                "[Ponencia]",
                "[Preprint]",
                "(Versión 2)",
            ],
        ),
        (
            "fr-FR",
            [
                "[Jeu de données]",
                "[Logiciel]",
                "[Épisode de podcast]",
                "[Vidéo]",
                "[Manuscrit]",
                "[Affiche]",
                "[Communication orale]",
                "[Prépublication]",
                "(Version 2)",
            ],
        ),
        (
            "pt-BR",
            [
                "[Conjunto de dados]",
                "[Programa de computador]",
                "[Episódio de podcast]",
                "[Vídeo]",
                "[Manuscrito]",
                "[Pôster]",
                "[Apresentação de trabalho]",
                "[Preprint]",
                "(Versão 2)",
            ],
        ),
        (
            "de-DE",
            [
                "[Datensatz]",
                "[Software]",
                "[Podcast-Episode]",
                "[Video]",
                "[Manuskript]",
                "[Poster]",
                "[Vortrag]",
                "[Preprint]",
                "(Version 2)",
            ],
        ),
        (
            "it-IT",
            [
                "[Dataset]",
                "[Software]",
                "[Episodio di podcast]",
                "[Video]",
                "[Manoscritto]",
                "[Poster]",
                "[Relazione]",
                "[Preprint]",
                "(Versione 2)",
            ],
        ),
        (
            "nl-NL",
            [
                "[Dataset]",
                "[Software]",
                "[Podcastaflevering]",
                "[Video]",
                "[Manuscript]",
                "[Poster]",
                "[Presentatie]",
                "[Preprint]",
                "(Versie 2)",
            ],
        ),
    ];
    for (locale, [data, software, episode, video, manuscript, poster, paper, preprint, version]) in cases {
        let refs = in_locale(&w, "apa", locale);
        let what = format!("apa {locale}");
        has(&refs, &what, "Data set one", &[data, version]);
        has(&refs, &what, "Software one", &[software]);
        has(&refs, &what, "Episode one", &[episode]);
        has(&refs, &what, "Video one", &[video]);
        has(&refs, &what, "Manuscript one", &[manuscript]);
        has(&refs, &what, "Poster one", &[poster]);
        has(&refs, &what, "Paper one", &[paper]);
        has(&refs, &what, "Preprint one", &[preprint]);
        for (title, r) in &refs {
            // (Dutch writes "manuscript" as English does.)
            for english in ["[Data set]", "[Computer software]", "[Podcast episode]", "[Manuscript]"] {
                if !(locale == "nl-NL" && english == "[Manuscript]") {
                    assert!(!r.contains(english), "{what}: {title}: {english} in\n{r}");
                }
            }
        }
    }
    // English is the manual's.
    let en = w.references("apa");
    has(&en, "apa", "Data set one", &["(Version 2) [Data set]"]);
    has(&en, "apa", "Software one", &["(Version 3) [Computer software]"]);
    has(&en, "apa", "Episode one", &["[Podcast episode]"]);
    has(&en, "apa", "Paper one", &["[Paper presentation]"]);
    has(&en, "apa", "Manuscript one", &["[Manuscript]"]);
}

/// Cite Them Right's brackets (12th ed.: "[Data set]", "[Computer
/// program]", "[Poster]", "[Preprint]") in the locale's words.
#[test]
fn harvard_labels_are_the_locales() {
    let w = cited();
    for (locale, data, program, poster, preprint) in [
        ("fr-FR", "(Version 2) [Jeu de données]", "[Logiciel]", "[Affiche]", "[Prépublication]"),
        ("es-ES", "(Versión 2) [Conjunto de datos]", "[Software]", "[Póster]", "[Preprint]"),
        ("pt-BR", "(Versão 2) [Conjunto de dados]", "[Programa de computador]", "[Pôster]", "[Preprint]"),
        ("de-DE", "(Version 2) [Datensatz]", "[Software]", "[Poster]", "[Preprint]"),
    ] {
        let refs = in_locale(&w, "harvard-cite-them-right", locale);
        let what = format!("harvard {locale}");
        has(&refs, &what, "Data set one", &[data]);
        has(&refs, &what, "Software one", &[program]);
        has(&refs, &what, "Poster one", &[poster]);
        has(&refs, &what, "Preprint one", &[preprint]);
    }
    let en = w.references("harvard");
    has(&en, "harvard", "Software one", &["(Version 3) [Computer program]"]);
    has(&en, "harvard", "Data set one", &["(Version 2) [Data set]"]);
}

/// Chicago's and MLA's descriptions after the title, unbracketed ("Data
/// set. Version 2."), and MLA's thesis ("University of Ghana, PhD
/// thesis.").
#[test]
fn chicago_and_mla_descriptions_are_the_locales() {
    let w = cited();
    for (parent, locale, wants) in [
        (
            "chicago-author-date",
            "fr-FR",
            [
                ("Data set one", ". Jeu de données. Version 2."),
                ("Software one", ". Logiciel. Version 3."),
                ("Manuscript one", ". Manuscrit."),
                ("Preprint one", ". Prépublication. medRxiv"),
                ("Video one", ". Vidéo. YouTube"),
            ],
        ),
        (
            "chicago-author-date",
            "es-ES",
            [
                ("Data set one", ". Conjunto de datos. Versión 2."),
                ("Software one", ". Software. Versión 3."),
                ("Manuscript one", ". Manuscrito."),
                ("Preprint one", ". Preprint. medRxiv"),
                ("Video one", ". Vídeo. YouTube"),
            ],
        ),
        (
            "modern-language-association",
            "fr-FR",
            [
                ("Data set one", ". Jeu de données. Version 2,"),
                ("Software one", ". Logiciel. Version 3,"),
                ("Manuscript one", ". Manuscrit."),
                ("Thesis one", "University of Ghana, thèse de doctorat."),
                ("Thesis two", "University of Ghana, mémoire de master."),
            ],
        ),
        (
            "modern-language-association",
            "de-DE",
            [
                ("Data set one", ". Datensatz."),
                ("Software one", ". Software."),
                ("Manuscript one", ". Manuskript."),
                ("Thesis one", "University of Ghana, Dissertation."),
                ("Thesis two", "University of Ghana, Masterarbeit."),
            ],
        ),
    ] {
        let refs = in_locale(&w, parent, locale);
        for (title, want) in wants {
            has(&refs, &format!("{parent} {locale}"), title, &[want]);
        }
    }
    let en = w.references("chicago");
    has(&en, "chicago", "Data set one", &[". Data set. Version 2."]);
}

/// IEEE's thesis ("PhD thesis", "Master's thesis") and its program's
/// bracket and version in the locale's words.
#[test]
fn ieee_thesis_and_program_words_are_the_locales() {
    let w = cited();
    for (locale, phd, masters, program) in [
        (
            "fr-FR",
            ", thèse de doctorat, University of Ghana",
            ", mémoire de master, University of Ghana",
            "(Version 3) [Logiciel]",
        ),
        (
            "es-ES",
            ", tesis doctoral, University of Ghana",
            ", tesis de maestría, University of Ghana",
            "(Versión 3) [Software]",
        ),
        (
            "pt-BR",
            ", tese de doutorado, University of Ghana",
            ", dissertação de mestrado, University of Ghana",
            "(Versão 3) [Programa de computador]",
        ),
        (
            "de-DE",
            ", Dissertation, University of Ghana",
            ", Masterarbeit, University of Ghana",
            "(Version 3) [Software]",
        ),
    ] {
        let refs = in_locale(&w, "ieee", locale);
        let what = format!("ieee {locale}");
        has(&refs, &what, "Thesis one", &[phd]);
        has(&refs, &what, "Thesis two", &[masters]);
        has(&refs, &what, "Software one", &[program]);
    }
    let en = w.references("ieee");
    has(&en, "ieee", "Thesis one", &["PhD thesis, University of Ghana"]);
    has(&en, "ieee", "Software one", &["(Version 3) [Computer software]"]);
}

/// AMA's "Version" and "Report No." (AMA 11 §3.15.9, §3.15.10).
#[test]
fn ama_version_and_report_number_are_the_locales() {
    let w = cited();
    for (locale, version, report) in [
        ("es-ES", "Data set one. Versión 2.", "Informe n.º 7."),
        ("fr-FR", "Data set one. Version 2.", "Rapport nᵒ 7."),
        ("pt-BR", "Data set one. Versão 2.", "Relatório n. 7."),
        ("de-DE", "Data set one. Version 2.", "Bericht Nr. 7."),
    ] {
        let refs = in_locale(&w, "american-medical-association", locale);
        let what = format!("ama {locale}");
        has(&refs, &what, "Data set one", &[version]);
        has(&refs, &what, "Report one", &[report]);
    }
    let en = w.references("ama");
    has(&en, "ama", "Data set one", &["Data set one. Version 2."]);
    has(&en, "ama", "Report one", &["Report No. 7."]);
}

/// A legal case's and a statute's "No." (the Bluebook's) is the locale's
/// short `number` term in every style that cites them so.
#[test]
fn legal_numbers_are_the_locales() {
    let w = cited();
    for parent in ["vancouver", "american-medical-association", "ieee", "harvard-cite-them-right", "apa"] {
        // (Cite Them Right puts the court before the number: "Supreme
        // Court, nᵒ 13029".)
        for (locale, case, statute) in [
            ("fr-FR", ", nᵒ 13029", "Health Act, nᵒ 12"),
            ("es-ES", ", n.º 13029", "Health Act, n.º 12"),
            ("de-DE", ", Nr. 13029", "Health Act, Nr. 12"),
        ] {
            let refs = in_locale(&w, parent, locale);
            let what = format!("{parent} {locale}");
            has(&refs, &what, "Case one v. State", &[case]);
            has(&refs, &what, "Health Act", &[statute]);
            for title in ["Case one v. State", "Health Act"] {
                assert!(!refs[title].contains("No. "), "{what}: {}", refs[title]);
            }
        }
    }
    let en = w.references("vancouver");
    has(&en, "vancouver", "Case one v. State", &["Case one v. State, No. 13029"]);
}

/// Citing Medicine's content type in brackets for a podcast, a video and a
/// poster, in the locale's words, with the style's "[Internet]" after it
/// (as a data set's: "[jeu de données] [Internet]").
#[test]
fn vancouver_content_types_are_the_locales() {
    let w = cited();
    let fr = in_locale(&w, "vancouver", "fr-FR");
    has(&fr, "vancouver fr-FR", "Episode one", &["Episode one [épisode de podcast]"]);
    has(&fr, "vancouver fr-FR", "Video one", &["Video one [vidéo]"]);
    has(&fr, "vancouver fr-FR", "Poster one", &["Poster one [affiche]"]);
    let es = in_locale(&w, "vancouver", "es-ES");
    has(&es, "vancouver es-ES", "Episode one", &["Episode one [episodio de podcast]"]);
    has(&es, "vancouver es-ES", "Data set one", &["Data set one [conjunto de datos]"]);
    let en = w.references("vancouver");
    has(&en, "vancouver", "Episode one", &["[podcast episode on the Internet]"]);
    has(&en, "vancouver", "Poster one", &["[poster]"]);
}

/// A title that is itself a label ("Video.", "Preprint") is the author's
/// and stays as written.
#[test]
fn a_title_that_reads_as_a_label_is_kept() {
    let w = workdir();
    w.import_reading(
        "titles.json",
        r#"[{"id":"x1","type":"motion_picture","title":"Video","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020]]},"publisher":"YouTube","genre":"Video","URL":"https://youtube.com/y"}]"#,
    );
    let refs = in_locale(&w, "apa", "fr-FR");
    has(&refs, "apa fr-FR", "Video", &["Video [Vidéo]"]);
}

/// The dates canon writes itself for IEEE's web page and AMA's podcast
/// are in the locale's form, in their place before the online part
/// (IEEE: "Dec. 16, 2022" came after the address in a French list).
#[test]
fn ieee_web_and_ama_podcast_dates_are_the_locales() {
    let w = cited();
    w.import_reading(
        "web.json",
        r#"[{"id":"w1","type":"webpage","title":"Web page one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2022,12,16]]},"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"}]"#,
    );
    let fr = in_locale(&w, "ieee", "fr-FR");
    has(&fr, "ieee fr-FR", "Web page one", &["WHO, 16 décembre 2022. Consulté le: 1 mai 2023."]);
    assert!(!fr["Web page one"].contains("Dec."), "{}", fr["Web page one"]);
    let es = in_locale(&w, "ieee", "es-ES");
    has(&es, "ieee es-ES", "Web page one", &["WHO, 16 de diciembre de 2022. Accedido: 1 de mayo de 2023."]);
    let en = w.references("ieee");
    has(&en, "ieee", "Web page one", &["WHO, Dec. 16, 2022. Accessed: May 1, 2023."]);
    let ama = in_locale(&w, "american-medical-association", "fr-FR");
    has(&ama, "ama fr-FR", "Episode one", &["Health podcast. Podcast. 2 mars 2020."]);
    let ama = in_locale(&w, "american-medical-association", "es-ES");
    has(&ama, "ama es-ES", "Episode one", &["Health podcast. Podcast. 2 de marzo de 2020."]);
    let en = w.references("ama");
    has(&en, "ama", "Episode one", &["Health podcast. Podcast. March 2, 2020."]);
}

/// IEEE's "[Online Video]" is one label of the language (it was "[En
/// ligne Vidéo]"), and APA's "In" before a podcast is the locale's `in`.
#[test]
fn ieee_online_video_and_apa_in_are_the_locales() {
    let w = cited();
    for (locale, video, within) in [
        ("fr-FR", "[Vidéo en ligne]", "[Épisode de podcast]. Dans Health podcast."),
        ("es-ES", "[Vídeo en línea]", "[Episodio de podcast]. En Health podcast."),
    ] {
        let ieee = in_locale(&w, "ieee", locale);
        has(&ieee, &format!("ieee {locale}"), "Video one", &[video]);
        let apa = in_locale(&w, "apa", locale);
        has(&apa, &format!("apa {locale}"), "Episode one", &[within]);
    }
    has(&w.references("ieee"), "ieee", "Video one", &["[Online Video]"]);
    has(&w.references("apa"), "apa", "Episode one", &["[Podcast episode]. In Health podcast."]);
}
