//! Titles' case and events (task f105; issue 12's "every printed reference
//! true"; tester r102 F2): a short title in another language stored without
//! a language keeps its case as written in every style ("Peau noire,
//! masques blancs" was "Peau Noire, Masques Blancs" in Chicago and AMA),
//! by its words English never writes or its periodical's language, while
//! English titles are still title-cased; a chapter's book stored in small
//! letters ("the handbook of global health") gets its first capital in
//! every style, and title case in Chicago and AMA when English; an event's
//! date written as a range ("12–14 May 2019") is printed in each style's
//! form and given to a `.csl` style's `event-date`.

mod common;
use common::*;

/// A style that title-cases every title and periodical's name, as a `.csl`
/// file may: CSL 1.0.2 title-cases English works only.
const TITLE_CASE_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Title case</title><id>title-case-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text variable="title" text-case="title"/>
        <text variable="container-title" text-case="title"/>
      </group>
    </layout>
  </bibliography>
</style>
"#;

/// A style that prints a chapter's book and a paper's event as given.
const EVENT_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Events</title><id>event-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text variable="title"/>
        <text variable="container-title" prefix="In: "/>
        <group delimiter=", ">
          <text variable="event-title"/>
          <text variable="event-place"/>
          <date variable="event-date" form="text"/>
        </group>
      </group>
    </layout>
  </bibliography>
</style>
"#;

const TITLES: &str = "title,authors,year,type,container,publisher
\"Peau noire, masques blancs\",\"Fanon, Frantz\",1952,book,,Seuil
Médecine traditionnelle africaine,\"Sow, Ousmane\",1990,book,,Karthala
Paludisme grave: prise en charge,\"Diallo, Abdoulaye\",2011,article,Médecine Tropicale,
Santé mentale,\"Kouassi, Marie\",2015,article,Revue d'Épidémiologie et de Santé Publique,
Racismo institucional,\"Werneck, Jurema\",2016,article,Saúde e Sociedade,
Saúde indígena: políticas comparadas,\"Langdon, Esther Jean\",2004,book,,Fiocruz
Epidemiologia crítica,\"Breilh, Jaime\",2006,book,,Lugar
Mortalidade materna,\"Leal, Maria\",2017,article,Cadernos de Saúde Pública,
Medicina social latinoamericana,\"Waitzkin, Howard\",2011,book,,Lugar
Salud colectiva,\"Granda, Edmundo\",2004,book,,Lugar
Malattie infettive,\"Rossi, Marco\",2010,book,,Zanichelli
Sanità pubblica,\"Bianchi, Luca\",2012,book,,Zanichelli
Armut macht krank,\"Lampert, Thomas\",2015,book,,Springer
Krankheit verstehen,\"Weber, Anna\",2018,book,,Springer
Afya bora,\"Mwangi, Peter\",2010,book,,Longhorn
Mtoto mwenye afya,\"Otieno, Grace\",2014,book,,Longhorn
Ìlera obìnrin,\"Adeyemi, Bola\",2012,book,,Bookcraft
Oogun ibile,\"Adewale, Tunde\",2009,book,,Bookcraft
Kesehatan masyarakat,\"Notoatmodjo, Soekidjo\",2003,book,,Rineka Cipta
Gizi buruk,\"Santoso, Budi\",2016,book,,Rineka Cipta
\"Black skin, white masks\",\"Fanon, Frantz\",1967,book,,Grove Press
The wretched of the earth,\"Fanon, Frantz\",1963,book,,Grove Press
Race and health,\"Nazroo, James\",2006,book,,Routledge
Medical apartheid,\"Washington, Harriet\",2006,book,,Doubleday
Sjögren's syndrome,\"Lind, Tor\",2020,book,,Springer
Café culture and clinics,\"Moreau, Paul\",2019,article,Social Science & Medicine,
Naïve trust,\"Hall, Ann\",2018,article,The Lancet,
";

/// Each title's reference in Chicago, AMA, APA, Vancouver and
/// [`TITLE_CASE_CSL`]. French, Portuguese, Spanish, Italian, German,
/// Swahili, Yoruba and Indonesian titles without a language, a few with no
/// mark but their periodical's language ("Santé mentale"), keep their case;
/// English ones, an accented name or borrowed word in them ("Sjögren's",
/// "Café", "Naïve", "apartheid"), are title-cased where the style does so.
const CASES: &[(&str, [&str; 5])] = &[
    (
        "Peau noire, masques blancs",
        [
            "Fanon, Frantz. 1952. Peau noire, masques blancs. Seuil.",
            "Fanon F. Peau noire, masques blancs. Seuil; 1952.",
            "Fanon, F. (1952). Peau noire, masques blancs. Seuil.",
            "Fanon F. Peau noire, masques blancs. [place unknown]: Seuil; 1952.",
            "Peau noire, masques blancs.",
        ],
    ),
    (
        "Médecine traditionnelle africaine",
        [
            "Sow, Ousmane. 1990. Médecine traditionnelle africaine. Karthala.",
            "Sow O. Médecine traditionnelle africaine. Karthala; 1990.",
            "Sow, O. (1990). Médecine traditionnelle africaine. Karthala.",
            "Sow O. Médecine traditionnelle africaine. [place unknown]: Karthala; 1990.",
            "Médecine traditionnelle africaine.",
        ],
    ),
    (
        "Paludisme grave: prise en charge",
        [
            "Diallo, Abdoulaye. 2011. “Paludisme grave: prise en charge.” Médecine Tropicale.",
            "Diallo A. Paludisme grave: prise en charge. Médecine Tropicale. 2011.",
            "Diallo, A. (2011). Paludisme grave: Prise en charge. Médecine Tropicale.",
            "Diallo A. Paludisme grave: prise en charge. Médecine Tropicale. 2011.",
            "Paludisme grave: prise en charge. Médecine Tropicale.",
        ],
    ),
    (
        "Santé mentale",
        [
            "Kouassi, Marie. 2015. “Santé mentale.” Revue d'Épidémiologie et de Santé Publique.",
            "Kouassi M. Santé mentale. Revue d'Épidémiologie et de Santé Publique. 2015.",
            "Kouassi, M. (2015). Santé mentale. Revue d'Épidémiologie et de Santé Publique.",
            "Kouassi M. Santé mentale. Revue d'Épidémiologie et de Santé Publique. 2015.",
            "Santé mentale. Revue d'Épidémiologie et de Santé Publique.",
        ],
    ),
    (
        "Racismo institucional",
        [
            "Werneck, Jurema. 2016. “Racismo institucional.” Saúde e Sociedade.",
            "Werneck J. Racismo institucional. Saúde e Sociedade. 2016.",
            "Werneck, J. (2016). Racismo institucional. Saúde e Sociedade.",
            "Werneck J. Racismo institucional. Saúde e Sociedade. 2016.",
            "Racismo institucional. Saúde e Sociedade.",
        ],
    ),
    (
        "Saúde indígena: políticas comparadas",
        [
            "Langdon, Esther Jean. 2004. Saúde indígena: políticas comparadas. Fiocruz.",
            "Langdon EJ. Saúde indígena: políticas comparadas. Fiocruz; 2004.",
            "Langdon, E. J. (2004). Saúde indígena: Políticas comparadas. Fiocruz.",
            "Langdon EJ. Saúde indígena: políticas comparadas. [place unknown]: Fiocruz; 2004.",
            "Saúde indígena: políticas comparadas.",
        ],
    ),
    (
        "Epidemiologia crítica",
        [
            "Breilh, Jaime. 2006. Epidemiologia crítica. Lugar.",
            "Breilh J. Epidemiologia crítica. Lugar; 2006.",
            "Breilh, J. (2006). Epidemiologia crítica. Lugar.",
            "Breilh J. Epidemiologia crítica. [place unknown]: Lugar; 2006.",
            "Epidemiologia crítica.",
        ],
    ),
    (
        "Mortalidade materna",
        [
            "Leal, Maria. 2017. “Mortalidade materna.” Cadernos de Saúde Pública.",
            "Leal M. Mortalidade materna. Cadernos de Saúde Pública. 2017.",
            "Leal, M. (2017). Mortalidade materna. Cadernos de Saúde Pública.",
            "Leal M. Mortalidade materna. Cadernos de Saúde Pública. 2017.",
            "Mortalidade materna. Cadernos de Saúde Pública.",
        ],
    ),
    (
        "Medicina social latinoamericana",
        [
            "Waitzkin, Howard. 2011. Medicina social latinoamericana. Lugar.",
            "Waitzkin H. Medicina social latinoamericana. Lugar; 2011.",
            "Waitzkin, H. (2011). Medicina social latinoamericana. Lugar.",
            "Waitzkin H. Medicina social latinoamericana. [place unknown]: Lugar; 2011.",
            "Medicina social latinoamericana.",
        ],
    ),
    (
        "Salud colectiva",
        [
            "Granda, Edmundo. 2004. Salud colectiva. Lugar.",
            "Granda E. Salud colectiva. Lugar; 2004.",
            "Granda, E. (2004). Salud colectiva. Lugar.",
            "Granda E. Salud colectiva. [place unknown]: Lugar; 2004.",
            "Salud colectiva.",
        ],
    ),
    (
        "Malattie infettive",
        [
            "Rossi, Marco. 2010. Malattie infettive. Zanichelli.",
            "Rossi M. Malattie infettive. Zanichelli; 2010.",
            "Rossi, M. (2010). Malattie infettive. Zanichelli.",
            "Rossi M. Malattie infettive. [place unknown]: Zanichelli; 2010.",
            "Malattie infettive.",
        ],
    ),
    (
        "Sanità pubblica",
        [
            "Bianchi, Luca. 2012. Sanità pubblica. Zanichelli.",
            "Bianchi L. Sanità pubblica. Zanichelli; 2012.",
            "Bianchi, L. (2012). Sanità pubblica. Zanichelli.",
            "Bianchi L. Sanità pubblica. [place unknown]: Zanichelli; 2012.",
            "Sanità pubblica.",
        ],
    ),
    (
        "Armut macht krank",
        [
            "Lampert, Thomas. 2015. Armut macht krank. Springer.",
            "Lampert T. Armut macht krank. Springer; 2015.",
            "Lampert, T. (2015). Armut macht krank. Springer.",
            "Lampert T. Armut macht krank. [place unknown]: Springer; 2015.",
            "Armut macht krank.",
        ],
    ),
    (
        "Krankheit verstehen",
        [
            "Weber, Anna. 2018. Krankheit verstehen. Springer.",
            "Weber A. Krankheit verstehen. Springer; 2018.",
            "Weber, A. (2018). Krankheit verstehen. Springer.",
            "Weber A. Krankheit verstehen. [place unknown]: Springer; 2018.",
            "Krankheit verstehen.",
        ],
    ),
    (
        "Afya bora",
        [
            "Mwangi, Peter. 2010. Afya bora. Longhorn.",
            "Mwangi P. Afya bora. Longhorn; 2010.",
            "Mwangi, P. (2010). Afya bora. Longhorn.",
            "Mwangi P. Afya bora. [place unknown]: Longhorn; 2010.",
            "Afya bora.",
        ],
    ),
    (
        "Mtoto mwenye afya",
        [
            "Otieno, Grace. 2014. Mtoto mwenye afya. Longhorn.",
            "Otieno G. Mtoto mwenye afya. Longhorn; 2014.",
            "Otieno, G. (2014). Mtoto mwenye afya. Longhorn.",
            "Otieno G. Mtoto mwenye afya. [place unknown]: Longhorn; 2014.",
            "Mtoto mwenye afya.",
        ],
    ),
    (
        "Ìlera obìnrin",
        [
            "Adeyemi, Bola. 2012. Ìlera obìnrin. Bookcraft.",
            "Adeyemi B. Ìlera obìnrin. Bookcraft; 2012.",
            "Adeyemi, B. (2012). Ìlera obìnrin. Bookcraft.",
            "Adeyemi B. Ìlera obìnrin. [place unknown]: Bookcraft; 2012.",
            "Ìlera obìnrin.",
        ],
    ),
    (
        "Oogun ibile",
        [
            "Adewale, Tunde. 2009. Oogun ibile. Bookcraft.",
            "Adewale T. Oogun ibile. Bookcraft; 2009.",
            "Adewale, T. (2009). Oogun ibile. Bookcraft.",
            "Adewale T. Oogun ibile. [place unknown]: Bookcraft; 2009.",
            "Oogun ibile.",
        ],
    ),
    (
        "Kesehatan masyarakat",
        [
            "Notoatmodjo, Soekidjo. 2003. Kesehatan masyarakat. Rineka Cipta.",
            "Notoatmodjo S. Kesehatan masyarakat. Rineka Cipta; 2003.",
            "Notoatmodjo, S. (2003). Kesehatan masyarakat. Rineka Cipta.",
            "Notoatmodjo S. Kesehatan masyarakat. [place unknown]: Rineka Cipta; 2003.",
            "Kesehatan masyarakat.",
        ],
    ),
    (
        "Gizi buruk",
        [
            "Santoso, Budi. 2016. Gizi buruk. Rineka Cipta.",
            "Santoso B. Gizi buruk. Rineka Cipta; 2016.",
            "Santoso, B. (2016). Gizi buruk. Rineka Cipta.",
            "Santoso B. Gizi buruk. [place unknown]: Rineka Cipta; 2016.",
            "Gizi buruk.",
        ],
    ),
    (
        "Black skin, white masks",
        [
            "Fanon, Frantz. 1967. Black Skin, White Masks. Grove Press.",
            "Fanon F. Black Skin, White Masks. Grove Press; 1967.",
            "Fanon, F. (1967). Black skin, white masks. Grove Press.",
            "Fanon F. Black skin, white masks. [place unknown]: Grove Press; 1967.",
            "Black Skin, White Masks.",
        ],
    ),
    (
        "The wretched of the earth",
        [
            "Fanon, Frantz. 1963. The Wretched of the Earth. Grove Press.",
            "Fanon F. The Wretched of the Earth. Grove Press; 1963.",
            "Fanon, F. (1963). The wretched of the earth. Grove Press.",
            "Fanon F. The wretched of the earth. [place unknown]: Grove Press; 1963.",
            "The Wretched of the Earth.",
        ],
    ),
    (
        "Race and health",
        [
            "Nazroo, James. 2006. Race and Health. Routledge.",
            "Nazroo J. Race and Health. Routledge; 2006.",
            "Nazroo, J. (2006). Race and health. Routledge.",
            "Nazroo J. Race and health. [place unknown]: Routledge; 2006.",
            "Race and Health.",
        ],
    ),
    (
        "Medical apartheid",
        [
            "Washington, Harriet. 2006. Medical Apartheid. Doubleday.",
            "Washington H. Medical Apartheid. Doubleday; 2006.",
            "Washington, H. (2006). Medical apartheid. Doubleday.",
            "Washington H. Medical apartheid. [place unknown]: Doubleday; 2006.",
            "Medical Apartheid.",
        ],
    ),
    (
        "Sjögren's syndrome",
        [
            "Lind, Tor. 2020. Sjögren's Syndrome. Springer.",
            "Lind T. Sjögren's Syndrome. Springer; 2020.",
            "Lind, T. (2020). Sjögren's syndrome. Springer.",
            "Lind T. Sjögren's syndrome. [place unknown]: Springer; 2020.",
            "Sjögren's Syndrome.",
        ],
    ),
    (
        "Café culture and clinics",
        [
            "Moreau, Paul. 2019. “Café Culture and Clinics.” Social Science & Medicine.",
            "Moreau P. Café culture and clinics. Social Science & Medicine. 2019.",
            "Moreau, P. (2019). Café culture and clinics. Social Science & Medicine.",
            "Moreau P. Café culture and clinics. Social Science & Medicine. 2019.",
            "Café Culture and Clinics. Social Science & Medicine.",
        ],
    ),
    (
        "Naïve trust",
        [
            "Hall, Ann. 2018. “Naïve Trust.” The Lancet.",
            "Hall A. Naïve trust. The Lancet. 2018.",
            "Hall, A. (2018). Naïve trust. The Lancet.",
            "Hall A. Naïve trust. The Lancet. 2018.",
            "Naïve Trust. The Lancet.",
        ],
    ),
];

fn styles(w: &Workdir) -> Vec<std::collections::HashMap<String, String>> {
    let csl = w.write("title-case.csl", TITLE_CASE_CSL);
    let csl = csl.to_str().expect("utf-8 path");
    ["chicago", "ama", "apa", "vancouver", csl].iter().map(|s| w.references(s)).collect()
}

#[test]
fn short_titles_without_a_language_keep_their_case_unless_english() {
    let w = workdir();
    w.import_reading("titles.csv", TITLES);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IS NOT NULL"), 0);
    let refs = styles(&w);
    let names = ["chicago", "ama", "apa", "vancouver", ".csl"];
    for (title, want) in CASES {
        for (i, style) in names.iter().enumerate() {
            assert_eq!(refs[i].get(*title).map(String::as_str), Some(want[i]), "{title} in {style}");
        }
    }
    assert_eq!(refs[0].len(), CASES.len());
}

/// A chapter's book as a catalogue or a hand-typed sheet stores it, in
/// small letters: English, French, Spanish.
const CHAPTERS: &str = "title,authors,year,type,container,publisher,place,pages,editors
Global surgery and the poor,\"Farmer, Paul\",2015,chapter,the handbook of global health,Oxford University Press,Oxford,10-30,\"Kim, Jim Yong\"
Santé et colonialisme,\"Sow, Ousmane\",2001,chapter,le manuel de santé publique,Masson,Paris,5-9,
Medicina tradicional,\"Perez, Ana\",2003,chapter,manual de salud colectiva,Lugar,Bogotá,1-9,
";

#[test]
fn a_chapters_book_in_small_letters_is_printed_in_the_styles_case() {
    let w = workdir();
    w.import_reading("chapters.csv", CHAPTERS);
    let csl = w.write("event.csl", EVENT_CSL);
    let want: [(&str, [&str; 3]); 6] = [
        (
            "chicago",
            [
                "Farmer, Paul. 2015. “Global Surgery and the Poor.” In The Handbook of Global Health, edited by Jim Yong Kim, 10–30. Oxford University Press.",
                "Sow, Ousmane. 2001. “Santé et colonialisme.” In Le manuel de santé publique, 5–9. Masson.",
                "Perez, Ana. 2003. “Medicina tradicional.” In Manual de salud colectiva, 1–9. Lugar.",
            ],
        ),
        (
            "ama",
            [
                "Farmer P. Global surgery and the poor. In: Kim JY, ed. The Handbook of Global Health. Oxford University Press; 2015:10-30.",
                "Sow O. Santé et colonialisme. In: Le manuel de santé publique. Masson; 2001:5-9.",
                "Perez A. Medicina tradicional. In: Manual de salud colectiva. Lugar; 2003:1-9.",
            ],
        ),
        (
            "apa",
            [
                "Farmer, P. (2015). Global surgery and the poor. In J. Y. Kim (Ed.), The handbook of global health (pp. 10–30). Oxford University Press.",
                "Sow, O. (2001). Santé et colonialisme. In Le manuel de santé publique (pp. 5–9). Masson.",
                "Perez, A. (2003). Medicina tradicional. In Manual de salud colectiva (pp. 1–9). Lugar.",
            ],
        ),
        (
            "vancouver",
            [
                "Farmer P. Global surgery and the poor. In: Kim JY, editor. The handbook of global health. Oxford: Oxford University Press; 2015. p. 10-30.",
                "Sow O. Santé et colonialisme. In: Le manuel de santé publique. Paris: Masson; 2001. p. 5-9.",
                "Perez A. Medicina tradicional. In: Manual de salud colectiva. Bogotá: Lugar; 2003. p. 1-9.",
            ],
        ),
        (
            "ieee",
            [
                // r108 (F): IEEE title-cases an English chapter's book (IEEE Reference Guide 2023, "Books").
                "P. Farmer, “Global surgery and the poor,” in The Handbook of Global Health, J. Y. Kim, Ed., Oxford: Oxford University Press, 2015, pp. 10–30.",
                "O. Sow, “Santé et colonialisme,” in Le manuel de santé publique, Paris: Masson, 2001, pp. 5–9.",
                "A. Perez, “Medicina tradicional,” in Manual de salud colectiva, Bogotá: Lugar, 2003, pp. 1–9.",
            ],
        ),
        (
            csl.to_str().expect("utf-8 path"),
            [
                "Global surgery and the poor. In: The handbook of global health.",
                "Santé et colonialisme. In: Le manuel de santé publique.",
                "Medicina tradicional. In: Manual de salud colectiva.",
            ],
        ),
    ];
    let titles = ["Global surgery and the poor", "Santé et colonialisme", "Medicina tradicional"];
    for (style, refs) in want {
        let got = w.references(style);
        for (title, want) in titles.iter().zip(refs) {
            assert_eq!(got.get(*title).map(String::as_str), Some(want), "{title} in {style}");
        }
    }
}

/// Papers given at events, their dates written in words or ISO.
const EVENTS: &str = "title,authors,year,type,event,event_place,event_date,container
Racism in triage,\"Mensah, Kofi\",2019,conference-paper,World Health Summit,Berlin,12–14 May 2019,
Pulse oximetry bias,\"Lind, Tor\",2021,conference-paper,Nordic Anaesthesia Days,Oslo,2021-06-07/2021-06-09,
Colonial wards,\"Osei, Ama\",2019,conference-paper,African Health Congress,Accra,2019-10-30/2019-11-02,
Sickle cell care,\"Boateng, Yaw\",2018,conference-paper,Pan-African Haematology Meeting,Kumasi,\"May 3-5, 2018\",Proceedings of the Pan-African Haematology Meeting
Maternal deaths,\"Addo, Efua\",2017,conference-paper,Ghana Health Week,Tamale,9 March 2017,
Clinic queues,\"Tetteh, Kwame\",2016,conference-paper,Accra Health Forum,Accra,sometime in spring,
";

#[test]
fn an_events_range_of_days_is_printed_in_each_styles_form_and_given_to_a_csl() {
    let w = workdir();
    w.import_reading("events.csv", EVENTS);
    // Stored as written: read at the report, never rewritten.
    assert_eq!(
        w.count(
            "SELECT count(*) FROM reading WHERE event_date IN ('12–14 May 2019', 'May 3-5, 2018', 'sometime in spring')"
        ),
        3
    );
    let csl = w.write("event.csl", EVENT_CSL);
    let titles = [
        "Racism in triage",
        "Pulse oximetry bias",
        "Colonial wards",
        "Sickle cell care",
        "Maternal deaths",
        "Clinic queues",
    ];
    let want: [(&str, [&str; 6]); 5] = [
        (
            "chicago",
            [
                "Mensah, Kofi. 2019. “Racism in Triage.” Paper presented at the World Health Summit, Berlin, May 12–14, 2019.",
                "Lind, Tor. 2021. “Pulse Oximetry Bias.” Paper presented at the Nordic Anaesthesia Days, Oslo, June 7–9, 2021.",
                "Osei, Ama. 2019. “Colonial Wards.” Paper presented at the African Health Congress, Accra, October 30–November 2, 2019.",
                "Boateng, Yaw. 2018. “Sickle Cell Care.” In Proceedings of the Pan-African Haematology Meeting.",
                "Addo, Efua. 2017. “Maternal Deaths.” Paper presented at the Ghana Health Week, Tamale, March 9, 2017.",
                "Tetteh, Kwame. 2016. “Clinic Queues.” Paper presented at the Accra Health Forum, Accra, sometime in spring.",
            ],
        ),
        (
            "ama",
            [
                "Mensah K. Racism in triage. Presented at: World Health Summit; May 12-14, 2019; Berlin.",
                "Lind T. Pulse oximetry bias. Presented at: Nordic Anaesthesia Days; June 7-9, 2021; Oslo.",
                "Osei A. Colonial wards. Presented at: African Health Congress; October 30-November 2, 2019; Accra.",
                "Boateng Y. Sickle cell care. In: Proceedings of the Pan-African Haematology Meeting. 2018.",
                "Addo E. Maternal deaths. Presented at: Ghana Health Week; March 9, 2017; Tamale.",
                "Tetteh K. Clinic queues. Presented at: Accra Health Forum; sometime in spring; Accra.",
            ],
        ),
        (
            "apa",
            // (APA 7 §10.5's "[Paper presentation]" for a paper cited by
            // its event: tester r107 F3.)
            [
                "Mensah, K. (2019, May 12–14). Racism in triage [Paper presentation]. World Health Summit, Berlin.",
                "Lind, T. (2021, June 7–9). Pulse oximetry bias [Paper presentation]. Nordic Anaesthesia Days, Oslo.",
                "Osei, A. (2019, October 30–November 2). Colonial wards [Paper presentation]. African Health Congress, \
                 Accra.",
                "Boateng, Y. (2018). Sickle cell care. In Proceedings of the Pan-African Haematology Meeting.",
                "Addo, E. (2017, March 9). Maternal deaths [Paper presentation]. Ghana Health Week, Tamale.",
                "Tetteh, K. (sometime in spring). Clinic queues [Paper presentation]. Accra Health Forum, Accra.",
            ],
        ),
        (
            "vancouver",
            [
                "Mensah K. Racism in triage. Paper presented at: World Health Summit; 2019 May 12-14; Berlin.",
                "Lind T. Pulse oximetry bias. Paper presented at: Nordic Anaesthesia Days; 2021 Jun 7-9; Oslo.",
                "Osei A. Colonial wards. Paper presented at: African Health Congress; 2019 Oct 30-Nov 2; Accra.",
                // Citing Medicine ch. 3: the conference's date and place after the proceedings' title (r109).
                "Boateng Y. Sickle cell care. In: Proceedings of the Pan-African Haematology Meeting; 2018 May 3-5; Kumasi. [place unknown]: [publisher unknown]; 2018.",
                "Addo E. Maternal deaths. Paper presented at: Ghana Health Week; 2017 Mar 9; Tamale.",
                "Tetteh K. Clinic queues. Paper presented at: Accra Health Forum; sometime in spring; Accra.",
            ],
        ),
        (
            csl.to_str().expect("utf-8 path"),
            [
                "Racism in triage. World Health Summit, Berlin, May 12–14, 2019.",
                "Pulse oximetry bias. Nordic Anaesthesia Days, Oslo, June 7–9, 2021.",
                // A `.csl` style is given a range across months too (h-D, r108).
                "Colonial wards. African Health Congress, Accra, October 30–November 2, 2019.",
                "Sickle cell care. In: Proceedings of the Pan-African Haematology Meeting. Pan-African Haematology Meeting, Kumasi, May 3–5, 2018.",
                "Maternal deaths. Ghana Health Week, Tamale, March 9, 2017.",
                "Clinic queues. Accra Health Forum, Accra.",
            ],
        ),
    ];
    for (style, refs) in want {
        let got = w.references(style);
        for (title, want) in titles.iter().zip(refs) {
            assert_eq!(got.get(*title).map(String::as_str), Some(want), "{title} in {style}");
        }
    }
}
