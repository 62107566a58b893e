//! Tester r101 F6, F9, F10 and references of the same kinds: a dependent
//! style in another locale writes every date and phrase canon adds in that
//! locale; every Harvard address is "Available at: URL (Accessed: date)";
//! a statute's number is labelled in MLA; AMA's undated gazette statute;
//! a date before the common era keeps its month and day in print.

mod common;
use common::*;

/// Readings whose references hold dates and phrases canon writes itself
/// in Vancouver (a web page's day, a paper's event, a thesis's season and
/// unknown place) beside one whose date the style prints itself.
const MIX: &str = r#"[
{"id":"a1","type":"article-journal","title":"Decolonising epidemiology","author":[{"family":"Naidoo","given":"P"}],"container-title":"medRxiv","issued":{"date-parts":[[2023,1,5]]}},
{"id":"a2","type":"webpage","title":"Being-in-the-room privilege","author":[{"family":"Taiwo","given":"Olufemi O"}],"container-title":"The Philosopher","issued":{"date-parts":[[2020,5,12]]},"accessed":{"date-parts":[[2024,3,5]]},"URL":"https://example.org/essay"},
{"id":"a3","type":"paper-conference","title":"Epistemic injustice in global surgery","author":[{"family":"Al-Sayed","given":"Fatima"}],"event-title":"Global Surgery Summit","event-place":"Cape Town","issued":{"date-parts":[[2022,11,3]]},"URL":"https://example.org/talk"},
{"id":"a4","type":"thesis","title":"Saude indigena","author":[{"family":"Silva","given":"Ana"}],"publisher":"Universidade de Sao Paulo","genre":"Master's thesis","issued":{"season":2,"date-parts":[[2019]]}},
{"id":"a5","type":"webpage","title":"First of the month","author":[{"family":"Taiwo","given":"Olufemi O"}],"container-title":"The Philosopher","issued":{"date-parts":[[2021,6,1]]},"URL":"https://example.org/first"}
]"#;

const TITLES: [&str; 5] = ["Decolonising", "Being-in", "Epistemic", "Saude", "First of"];

fn mix() -> Workdir {
    let w = workdir();
    w.import_reading("mix.json", MIX);
    w
}

fn printed(w: &Workdir, style: &str) -> Vec<String> {
    let refs = w.references(style);
    TITLES.iter().map(|t| reference(&refs, t).to_string()).collect()
}

/// Tester r101 F9: "5 janv 2023" (the style's own date) beside canon's
/// "2022 Nov 3", "2020 May 12", "Paper presented at:" and "2019 été".
#[test]
fn a_dependent_style_in_french_dates_everything_the_french_way() {
    let w = mix();
    let style = w.dependent_style("revue-fr", "vancouver", "fr-FR");
    assert_eq!(
        printed(&w, &style),
        [
            // Citing Medicine's content type in the locale's term (fr-FR `preprint`), as a stored genre's was (r109).
            "Naidoo P. Decolonising epidemiology [prépublication]. medRxiv. 5 janv 2023.",
            "Taiwo OO. The Philosopher [Internet]. 12 mai 2020 [cité 5 mars 2024]. Being-in-the-room privilege. \
             Disponible sur: https://example.org/essay",
            // Citing Medicine's whole "Paper presented at:" in the language (ch. 3; r111 F1).
            "Al-Sayed F. Epistemic injustice in global surgery. Communication présentée à: Global Surgery Summit; 3 nov 2022; Cape \
             Town. Disponible sur: https://example.org/talk",
            "Silva A. Saude indigena [mémoire de master]. [sans lieu]: Universidade de Sao Paulo; été 2019.",
            "Taiwo OO. The Philosopher [Internet]. 1 juin 2021. First of the month. Disponible sur: \
             https://example.org/first",
        ]
    );
}

#[test]
fn a_dependent_style_in_german_spanish_or_portuguese_too() {
    let w = mix();
    for locale in ["de-DE", "es-ES", "pt-BR"] {
        let style = w.dependent_style(&format!("j-{locale}"), "vancouver", locale);
        let want: [&str; 5] = match locale {
            // Citing Medicine's year, month, day with the locale's months
            // in every language (ch. 1, "Date of Publication"; r112 F1: the
            // locale's "5. Januar 2023" was printed).
            "de-DE" => [
                "Naidoo P. Decolonising epidemiology [preprint]. medRxiv. 2023 Jan 5.",
                "Taiwo OO. The Philosopher [Internet]. 2020 Mai 12 [zitiert 2024 März 5]. Being-in-the-room \
                 privilege. Verfügbar unter: https://example.org/essay",
                // Citing Medicine's whole "Paper presented at:" in the language (ch. 3; r111 F1).
                "Al-Sayed F. Epistemic injustice in global surgery. Vortrag, gehalten bei: Global Surgery Summit; 2022 \
                 Nov 3; Cape Town. Verfügbar unter: https://example.org/talk",
                "Silva A. Saude indigena [Masterarbeit]. [ohne Ort]: Universidade de Sao Paulo; 2019 Sommer.",
                "Taiwo OO. The Philosopher [Internet]. 2021 Juni 1. First of the month. Verfügbar unter: \
                 https://example.org/first",
            ],
            // es-ES has no "no-place" term of its own (its file writes
            // en-US's "no place"): canon's Spanish "sin lugar" (tester r102
            // F5's kind; it printed the English "[place unknown]").
            "es-ES" => [
                "Naidoo P. Decolonising epidemiology [preprint]. medRxiv. 2023 ene 5.",
                "Taiwo OO. The Philosopher [Internet]. 2020 may 12 [citado 2024 mar 5]. \
                 Being-in-the-room privilege. Disponible en: https://example.org/essay",
                // Citing Medicine's whole "Paper presented at:" in the language (ch. 3; r111 F1).
                "Al-Sayed F. Epistemic injustice in global surgery. Ponencia presentada en: Global Surgery Summit; 2022 \
                 nov 3; Cape Town. Disponible en: https://example.org/talk",
                "Silva A. Saude indigena [tesis de maestría]. [sin lugar]: Universidade de Sao Paulo; 2019 verano.",
                "Taiwo OO. The Philosopher [Internet]. 2021 jun 1. First of the month. Disponible en: \
                 https://example.org/first",
            ],
            // (pt-BR's ordinal first day, "1º de junho", is its text form's: not used.)
            _ => [
                "Naidoo P. Decolonising epidemiology [preprint]. medRxiv. 2023 jan 5.",
                "Taiwo OO. The Philosopher [Internet]. 2020 maio 12 [citado 2024 mar 5]. \
                 Being-in-the-room privilege. Disponível em: https://example.org/essay",
                // Citing Medicine's whole "Paper presented at:" in the language (ch. 3; r111 F1).
                "Al-Sayed F. Epistemic injustice in global surgery. Trabalho apresentado em: Global Surgery Summit; 2022 \
                 nov 3; Cape Town. Disponível em: https://example.org/talk",
                "Silva A. Saude indigena [dissertação de mestrado]. [sem local]: Universidade de Sao Paulo; 2019 Verão.",
                "Taiwo OO. The Philosopher [Internet]. 2021 jun 1. First of the month. Disponível em: \
                 https://example.org/first",
            ],
        };
        assert_eq!(printed(&w, &style), want, "{locale}");
    }
}

/// The same list in English keeps Citing Medicine's own forms.
#[test]
fn english_vancouver_keeps_citing_medicine_dates() {
    let w = mix();
    assert_eq!(
        printed(&w, "vancouver"),
        [
            "Naidoo P. Decolonising epidemiology [preprint]. medRxiv. 2023 Jan 5.",
            "Taiwo OO. The Philosopher [Internet]. 2020 May 12 [cited 2024 Mar 5]. Being-in-the-room privilege. \
             Available from: https://example.org/essay",
            "Al-Sayed F. Epistemic injustice in global surgery. Paper presented at: Global Surgery Summit; 2022 Nov \
             3; Cape Town. Available from: https://example.org/talk",
            "Silva A. Saude indigena [master's thesis]. [place unknown]: Universidade de Sao Paulo; 2019 Summer.",
            "Taiwo OO. The Philosopher [Internet]. 2021 Jun 1. First of the month. Available from: \
             https://example.org/first",
        ]
    );
}

/// Tester r101 F6, and every Harvard type with an address: "Available at:
/// URL (Accessed: date)".
#[test]
fn every_harvard_address_is_available_at_with_its_access_date() {
    let w = workdir();
    let items: Vec<String> = [
        r#""type":"paper-conference","title":"Talk one","event-title":"Summit","event-place":"Accra","issued":{"date-parts":[[2022,11,3]]}"#,
        r#""type":"article-journal","title":"Journal piece","container-title":"J Health","volume":"3","page":"1-5","issued":{"date-parts":[[2021]]}"#,
        r#""type":"book","title":"A book online","publisher":"Pub","publisher-place":"Lagos","issued":{"date-parts":[[2019]]}"#,
        r#""type":"chapter","title":"A chapter online","container-title":"Big Book","publisher":"Pub","issued":{"date-parts":[[2018]]},"page":"3-9""#,
        r#""type":"report","title":"A report online","publisher":"WHO","publisher-place":"Geneva","issued":{"date-parts":[[2017]]}"#,
        r#""type":"thesis","title":"A thesis online","publisher":"Univ","genre":"PhD thesis","issued":{"date-parts":[[2016]]}"#,
        r#""type":"webpage","title":"A web page","container-title":"Site","issued":{"date-parts":[[2015,5,12]]}"#,
        r#""type":"article-newspaper","title":"News piece","container-title":"Daily Times","issued":{"date-parts":[[2014,5,12]]}"#,
        r#""type":"legislation","title":"Health Act 2012","number":"851","issued":{"date-parts":[[2012]]}"#,
        r#""type":"legislation","title":"Sanitary Ordinance","container-title":"Gold Coast Gazette","number":"12","page":"412","issued":{"date-parts":[[1908,3,14]]}"#,
        r#""type":"dataset","title":"A data set","publisher":"ICF","issued":{"date-parts":[[2013]]}"#,
        r#""type":"post-weblog","title":"A blog post","container-title":"Blog","issued":{"date-parts":[[2011,5,12]]}"#,
        r#""type":"motion_picture","title":"A video","issued":{"date-parts":[[2010,5,12]]}"#,
        r#""type":"manuscript","title":"A letter","issued":{"date-parts":[[1901]]}"#,
    ]
    .iter()
    .enumerate()
    .map(|(i, body)| {
        let author = if body.contains("legislation") { String::new() } else { r#""author":[{"family":"Ade","given":"Bola"}],"#.to_string() };
        format!(r#"{{"id":"u{i}",{author}{body},"URL":"https://example.org/{i}","accessed":{{"date-parts":[[2024,3,5]]}}}}"#)
    })
    .collect();
    w.import_reading("urls.json", &format!("[{}]", items.join(",\n")));
    let mut all = w.all_references("harvard");
    all.sort();
    let accessed = " (Accessed: 5 March 2024).";
    let want: Vec<String> = [
        "Ade, B. (1901) A letter. Available at: https://example.org/13",
        "Ade, B. (2010) A video. Available at: https://example.org/12",
        "Ade, B. (2011) A blog post, Blog. Available at: https://example.org/11",
        "Ade, B. (2013) A data set [Data set]. ICF. Available at: https://example.org/10",
        "Ade, B. (2014) ‘News piece’, Daily Times, 12 May. Available at: https://example.org/7",
        "Ade, B. (2015) A web page, Site. Available at: https://example.org/6",
        "Ade, B. (2016) A thesis online. PhD thesis. Univ. Available at: https://example.org/5",
        "Ade, B. (2017) A report online. Geneva: WHO. Available at: https://example.org/4",
        "Ade, B. (2018) ‘A chapter online’, in Big Book. Pub, pp. 3–9. Available at: https://example.org/3",
        "Ade, B. (2019) A book online. Lagos: Pub. Available at: https://example.org/2",
        "Ade, B. (2021) ‘Journal piece’, J Health, 3, pp. 1–5. Available at: https://example.org/1",
        "Ade, B. (2022) ‘Talk one’, Summit. Accra, 3 November 2022. Available at: https://example.org/0",
        "Health Act 2012, No. 851. Available at: https://example.org/8",
        "Sanitary Ordinance (1908) Gold Coast Gazette, no. 12, 14 March, p. 412. Available at: https://example.org/9",
    ]
    .iter()
    .map(|r| format!("{r}{accessed}"))
    .collect();
    assert_eq!(all, want);
    // Without an access date, the address alone.
    w.import_reading(
        "talk.json",
        r#"[{"id":"t","type":"paper-conference","title":"Talk two","author":[{"family":"Ade","given":"Bola"}],"event-title":"Summit","event-place":"Accra","issued":{"date-parts":[[2023,11,3]]},"URL":"https://example.org/talk2"}]"#,
    );
    assert_eq!(
        reference(&w.references("harvard"), "Talk two"),
        "Ade, B. (2023) ‘Talk two’, Summit. Accra, 3 November 2023. Available at: https://example.org/talk2."
    );
}

/// Tester r101 F10: MLA printed "Mental Health Act 2017. 10.", a number
/// read as a page; every number of a statute is labelled as the other
/// styles label it.
#[test]
fn mla_labels_a_statutes_number() {
    let w = workdir();
    w.import_reading(
        "en.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><rec-number>5</rec-number><ref-type name="Statute">31</ref-type>
<titles><title>Mental Health Act 2017</title></titles>
<dates><year>2017</year></dates><pub-location>New Delhi</pub-location><number>10</number></record>
</records></xml>"#,
    );
    w.import_reading(
        "leg.json",
        r#"[{"id":"a9","type":"legislation","title":"Indian Medical Council Act","issued":{"date-parts":[[1956]]},"number":"102"},
{"id":"b1","type":"legislation","title":"Mental Health Act 1983","number":"c. 20","issued":{"date-parts":[[1983]]}},
{"id":"b2","type":"legislation","title":"Public Health Act","number":"Act 851","issued":{"date-parts":[[2012]]}},
{"id":"b3","type":"legislation","title":"Dangerous Drugs Act","issued":{"date-parts":[[1930]]}},
{"id":"b4","type":"legislation","title":"Pharmacy Act","number":"64","issued":{"date-parts":[[2010]]},"URL":"https://example.org/pharmacy"}]"#,
    );
    let mla = w.references("mla");
    assert_eq!(reference(&mla, "Mental Health Act 2017"), "Mental Health Act 2017, No. 10.");
    assert_eq!(reference(&mla, "Indian Medical"), "Indian Medical Council Act, No. 102, 1956.");
    assert_eq!(reference(&mla, "Mental Health Act 1983"), "Mental Health Act 1983, c. 20.");
    assert_eq!(reference(&mla, "Public Health"), "Public Health Act, Act 851, 2012.");
    assert_eq!(reference(&mla, "Dangerous"), "Dangerous Drugs Act. 1930.");
    assert_eq!(reference(&mla, "Pharmacy"), "Pharmacy Act, No. 64, 2010, https://example.org/pharmacy.");
    // The other styles' form, which MLA's now reads as.
    assert_eq!(reference(&w.references("vancouver"), "Mental Health Act 2017"), "Mental Health Act 2017, No. 10.");
}

/// AMA printed an undated statute in a gazette as "Name. *Gazette*. (5).",
/// a number with no date read as an issue: the statute's number with its
/// name, then the gazette.
#[test]
fn ama_cites_an_undated_gazette_statute_by_its_number() {
    let w = workdir();
    w.import_reading(
        "g.json",
        r#"[{"id":"g1","type":"legislation","title":"Public Health Ordinance","container-title":"Gazette of Sierra Leone","number":"5"},
{"id":"g2","type":"legislation","title":"Quarantine Ordinance","container-title":"Gazette of Sierra Leone","number":"7","page":"33-35"},
{"id":"g3","type":"legislation","title":"Vaccination Ordinance","container-title":"Gazette of Sierra Leone"},
{"id":"g4","type":"legislation","title":"Infectious Diseases Ordinance","container-title":"Gold Coast Gazette","number":"12","page":"412","issued":{"date-parts":[[1908,3,14]]}}]"#,
    );
    let ama = w.references("ama");
    assert_eq!(reference(&ama, "Public Health"), "Public Health Ordinance, No. 5. Gazette of Sierra Leone.");
    assert_eq!(reference(&ama, "Quarantine"), "Quarantine Ordinance, No. 7. Gazette of Sierra Leone:33–35.");
    assert_eq!(reference(&ama, "Vaccination"), "Vaccination Ordinance. Gazette of Sierra Leone.");
    // A dated one keeps AMA's periodical form.
    assert_eq!(
        reference(&ama, "Infectious"),
        "Infectious Diseases Ordinance. Gold Coast Gazette. March 14, 1908;(12):412."
    );
}

/// "15 March 44 BC" was stored with its month and day, and printed "44 BC"
/// where the style prints a full date for the type.
#[test]
fn a_date_before_the_common_era_keeps_its_month_and_day() {
    let w = workdir();
    w.import_reading(
        "b.csv",
        "title,authors,year,type,container,url\n\
         Ides,\"Caesar, Julius\",15 March 44 BC,article,J,\n\
         Month only,\"Caesar, Julius\",March 44 BCE,article,J,\n\
         Ides web,\"Caesar, Julius\",15 March 44 BC,web,,https://example.org/i\n",
    );
    let want = [
        // Citing Medicine dates a journal article and a web page to the day.
        (
            "vancouver",
            [
                "Caesar J. Ides. J. 44 BC Mar 15.",
                "Caesar J. Month only. J. 44 BC Mar.",
                "Caesar J. Ides web [Internet]. 44 BC Mar 15. Available from: https://example.org/i",
            ],
        ),
        // APA 7 dates a journal article by its year, a web page to the day.
        (
            "apa",
            [
                "Caesar, J. (44 B.C.E.). Ides. J.",
                "Caesar, J. (44 B.C.E.). Month only. J.",
                "Caesar, J. (44 B.C.E., March 15). Ides web. https://example.org/i",
            ],
        ),
        (
            "chicago",
            [
                "Caesar, Julius. 44 BC. “Ides.” J, March 15.",
                "Caesar, Julius. 44 BC. “Month Only.” J, March.",
                "Caesar, Julius. 44 BC. “Ides Web.” March 15. https://example.org/i.",
            ],
        ),
        (
            "mla",
            [
                "Caesar, Julius. “Ides.” J, Mar. 44 BC.",
                "Caesar, Julius. “Month Only.” J, Mar. 44 BC.",
                "Caesar, Julius. Ides Web. 15 Mar. 44 BC, https://example.org/i.",
            ],
        ),
        (
            "ama",
            [
                "Caesar J. Ides. J. March 15, 44 BC.",
                "Caesar J. Month only. J. March 44 BC.",
                // AMA's "Published" before a web page's date, BCE as CE (a105).
                "Caesar J. Ides web. Published March 15, 44 BC. https://example.org/i",
            ],
        ),
    ];
    for (style, want) in want {
        let refs = w.references(style);
        assert_eq!(
            [reference(&refs, "Ides"), reference(&refs, "Month only"), reference(&refs, "Ides web")],
            want,
            "{style}"
        );
    }
}
