//! Printed references left open by testers 93 and 94: title case after an
//! abbreviation's stop (tester94 F2), a foreign main title before an
//! English subtitle (tester94 F7), MLA, IEEE and AMA citing PubMed's
//! bracketed translation alone (tester93 F6), a report's number in IEEE
//! and MLA (tester93 F9), and a book's series number beside its issue.

mod common;
use common::*;

/// Asserts each `(title, reference)` of `want` in `style`.
fn assert_refs(w: &Workdir, style: &str, want: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, expected) in want {
        assert_eq!(reference(&refs, title), *expected, "{style}: {title}");
    }
}

const ABBREVIATIONS: &str = "title,authors,year,type,container,language\n\
Martin Luther King Jr. and the health movement,\"Smith, Jane\",2018,article,American Journal of Public Health,English\n\
Martin Luther King Jr. And The Health Movement,\"Mensah, Jane\",2018,article,American Journal of Public Health,English\n\
Race and racism in the U.K. and the U.S.,\"Osei, Kwesi\",2012,article,Social Science & Medicine,\n\
W. E. B. Du Bois and the health of black folk,\"Osei, Ama\",2013,article,Social Science & Medicine,\n\
Hospitals in St. Louis and the rural South,\"Osei, Yaw\",2014,article,Social Science & Medicine,\n\
Dr. King and the politics of care,\"Osei, Esi\",2015,article,Social Science & Medicine,\n\
Science vs. the state in public health,\"Osei, Efua\",2016,article,Social Science & Medicine,\n\
Marginal groups (e.g. migrants) and the clinic,\"Osei, Kofi\",2017,article,Social Science & Medicine,\n\
Pfizer Inc. and the price of drugs,\"Osei, Akua\",2018,article,Social Science & Medicine,\n\
Bill No. 12 and the right to health,\"Osei, Adwoa\",2019,article,Social Science & Medicine,\n\
Smith et al. and the critics of race medicine,\"Osei, Abena\",2020,article,Social Science & Medicine,\n\
Health in the U.S.: a history of the clinic,\"Mensah, Kofi\",2011,article,Social Science & Medicine,\n\
Why race matters. the case of the clinic,\"Mensah, Yaw\",2010,article,Social Science & Medicine,\n";

/// F2: an abbreviation's full stop ends no sentence: the minor word after
/// it stays lower-case in Chicago's and MLA's title case ("Jr. and", "U.K.
/// and", "vs. the", "et al."); a real sentence's end and a colon still
/// capitalise it.
#[test]
fn f2_title_case_after_an_abbreviation() {
    let w = Workdir::new();
    w.import_reading("abbr.csv", ABBREVIATIONS);
    let titles = [
        ("Martin Luther King Jr. and the health movement", "Martin Luther King Jr. and the Health Movement"),
        ("Martin Luther King Jr. And The Health Movement", "Martin Luther King Jr. and the Health Movement"),
        ("Race and racism", "Race and Racism in the U.K. and the U.S."),
        ("W. E. B. Du Bois", "W. E. B. Du Bois and the Health of Black Folk"),
        ("Hospitals in St. Louis", "Hospitals in St. Louis and the Rural South"),
        ("Dr. King", "Dr. King and the Politics of Care"),
        ("Science vs. the state", "Science vs. the State in Public Health"),
        ("Marginal groups", "Marginal Groups (e.g. Migrants) and the Clinic"),
        ("Pfizer Inc.", "Pfizer Inc. and the Price of Drugs"),
        ("Bill No. 12", "Bill No. 12 and the Right to Health"),
        ("Smith et al.", "Smith et al. and the Critics of Race Medicine"),
        ("Health in the U.S.", "Health in the U.S.: A History of the Clinic"),
        ("Why race matters", "Why Race Matters. The Case of the Clinic"),
    ];
    let chicago = w.references("chicago");
    let mla = w.references("mla");
    for (title, cased) in titles {
        let (c, m) = (reference(&chicago, title), reference(&mla, title));
        // (A title that ends in an abbreviation's stop takes no other.)
        let quoted = if cased.ends_with('.') { format!("“{cased}”") } else { format!("“{cased}.”") };
        assert!(c.contains(&quoted), "chicago: {c}\nwanted {quoted}");
        assert!(m.contains(&quoted), "mla: {m}\nwanted {quoted}");
    }
    assert_refs(
        &w,
        "chicago",
        &[
            (
                "Martin Luther King Jr. and the health movement",
                "Smith, Jane. 2018. “Martin Luther King Jr. and the Health Movement.” American Journal of Public Health.",
            ),
            (
                "Race and racism",
                "Osei, Kwesi. 2012. “Race and Racism in the U.K. and the U.S.” Social Science & Medicine.",
            ),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            (
                "Martin Luther King Jr. and the health movement",
                "Smith, Jane. “Martin Luther King Jr. and the Health Movement.” American Journal of Public Health, 2018.",
            ),
            (
                "Race and racism",
                "Osei, Kwesi. “Race and Racism in the U.K. and the U.S.” Social Science & Medicine, 2012.",
            ),
        ],
    );
    // Sentence case keeps "U.K.", "Jr." and the rest as written; a title
    // stored in title case is printed as stored ("Jr. And The"), not
    // half lowered.
    assert_refs(
        &w,
        "apa",
        &[
            (
                "Martin Luther King Jr. and the health movement",
                "Smith, J. (2018). Martin Luther King Jr. and the health movement. American Journal of Public Health.",
            ),
            (
                "Martin Luther King Jr. And The Health Movement",
                "Mensah, J. (2018). Martin Luther King Jr. And The Health Movement. American Journal of Public Health.",
            ),
            (
                "Race and racism",
                "Osei, K. [Kwesi]. (2012). Race and racism in the U.K. and the U.S. Social Science & Medicine.",
            ),
            (
                "W. E. B. Du Bois",
                "Osei, A. [Ama]. (2013). W. E. B. Du Bois and the health of black folk. Social Science & Medicine.",
            ),
            (
                "Smith et al.",
                "Osei, A. [Abena]. (2020). Smith et al. and the critics of race medicine. Social Science & Medicine.",
            ),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            (
                "Martin Luther King Jr. and the health movement",
                "Smith, J. (2018) ‘Martin Luther King Jr. and the health movement’, American Journal of Public Health.",
            ),
            (
                "Martin Luther King Jr. And The Health Movement",
                "Mensah, J. (2018) ‘Martin Luther King Jr. And The Health Movement’, American Journal of Public Health.",
            ),
            (
                "Race and racism",
                "Osei, K. (2012) ‘Race and racism in the U.K. and the U.S.’, Social Science & Medicine.",
            ),
            (
                "Health in the U.S.",
                "Mensah, K. (2011) ‘Health in the U.S.: a history of the clinic’, Social Science & Medicine.",
            ),
        ],
    );
}

/// F7: a title stored without a language is judged by all its words: a
/// Spanish or French main title before an English subtitle (in an English
/// journal) is an English title, its foreign phrase kept as written and its
/// subtitle title-cased; with English stored, the same. A title in another
/// language throughout keeps its case.
#[test]
fn f7_foreign_main_title_before_an_english_subtitle() {
    let w = Workdir::new();
    w.import_reading(
        "lang.csv",
        "title,authors,year,type,container,language\n\
         Health for all? primary care in Latin America,\"Adu, Kojo\",2010,article,Global Public Health,\n\
         Buen vivir and health in the Andes,\"Mensa, Kojo\",2010,article,Global Public Health,\n\
         Por la salud del pueblo: community health workers in Mexico,\"Mensa, Ama\",2009,article,Global Public Health,\n\
         Salud para todos? primary care in Latin America,\"Adu, Kojo\",2011,article,Global Public Health,English\n\
         La santé des migrants: a review of the evidence,\"Diallo, Awa\",2015,article,Social Science & Medicine,\n\
         La salud de los pueblos indígenas en México,\"Quispe, Rosa\",2012,article,Revista Peruana de Medicina,\n\
         Saúde indígena e colonialismo no Brasil: uma revisão crítica,\"Silva, Ana\",2014,article,Cadernos de Saúde Pública,\n\
         El Niño and cholera in Peru,\"Osei, Kofi\",2018,article,Social Science & Medicine,\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Por la salud")["language"].as_str(), None);
    assert_refs(
        &w,
        "chicago",
        &[
            (
                "Por la salud",
                "Mensa, Ama. 2009. “Por la salud del pueblo: Community Health Workers in Mexico.” Global Public Health.",
            ),
            (
                "Salud para todos",
                "Adu, Kojo. 2011. “Salud para todos? Primary Care in Latin America.” Global Public Health.",
            ),
            (
                "La santé des migrants",
                "Diallo, Awa. 2015. “La santé des migrants: A Review of the Evidence.” Social Science & Medicine.",
            ),
            (
                "Health for all",
                "Adu, Kojo. 2010. “Health for All? Primary Care in Latin America.” Global Public Health.",
            ),
            ("Buen vivir", "Mensa, Kojo. 2010. “Buen Vivir and Health in the Andes.” Global Public Health."),
            (
                "La salud de los pueblos",
                "Quispe, Rosa. 2012. “La salud de los pueblos indígenas en México.” Revista Peruana de Medicina.",
            ),
            (
                "Saúde indígena",
                "Silva, Ana. 2014. “Saúde indígena e colonialismo no Brasil: uma revisão crítica.” Cadernos de Saúde Pública.",
            ),
            ("El Niño", "Osei, Kofi. 2018. “El Niño and Cholera in Peru.” Social Science & Medicine."),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            (
                "Por la salud",
                "Mensa, Ama. “Por la salud del pueblo: Community Health Workers in Mexico.” Global Public Health, 2009.",
            ),
            (
                "Salud para todos",
                "Adu, Kojo. “Salud para todos? Primary Care in Latin America.” Global Public Health, 2011.",
            ),
        ],
    );
    assert_refs(
        &w,
        "apa",
        &[
            (
                "Por la salud",
                "Mensa, A. (2009). Por la salud del pueblo: Community health workers in Mexico. Global Public Health.",
            ),
            (
                "Salud para todos",
                "Adu, K. (2011). Salud para todos? Primary care in Latin America. Global Public Health.",
            ),
        ],
    );

    // Without a language: "in" tells English in an English journal only.
    let w = Workdir::new();
    w.import_reading(
        "lang2.csv",
        "title,authors,year,type,container\n\
         Salud para todos? primary care in Latin America,\"Adu, Kojo\",2011,article,Global Public Health\n\
         Salud para todos? primary care in the Andes,\"Adu, Kojo\",2012,article,Revista Andina\n",
    );
    assert_refs(
        &w,
        "chicago",
        &[
            (
                "Salud para todos? primary care in Latin America",
                "Adu, Kojo. 2011. “Salud para todos? Primary Care in Latin America.” Global Public Health.",
            ),
            (
                "Salud para todos? primary care in the Andes",
                "Adu, Kojo. 2012. “Salud para todos? Primary Care in the Andes.” Revista Andina.",
            ),
        ],
    );
}

const PUBMED: &str = "PMID- 30000001
VI  - 35
IP  - 4
DP  - 2019 Jan-Feb
TI  - [Indigenous health and institutional racism in Brazil].
PG  - e00012319
FAU - da Silva, João Carlos
AU  - da Silva JC
FAU - dos Santos, Maria
AU  - Dos Santos M
LA  - por
PT  - Journal Article
TT  - Saúde indígena e racismo institucional no Brasil.
TA  - Cad Saude Publica
JT  - Cadernos de saude publica
AID - 10.1590/0102-311X00012319 [doi]

PMID- 30000002
DP  - 2018 Winter
TI  - [Medical anthropology and migration in Italy].
VI  - 12
PG  - 33-41
FAU - Rossi, Giulia
AU  - Rossi G
LA  - ita
PT  - Journal Article
TT  - Antropologia medica e migrazione in Italia.
TA  - Epidemiol Prev
JT  - Epidemiologia e prevenzione
";

/// F6: MLA, IEEE and AMA cite a PubMed article in another language by its
/// title as published with the translation in brackets after it (MLA 9
/// §2.80), as APA, Chicago and Harvard do; Vancouver keeps Citing
/// Medicine's bracketed translation with the language after the pages.
#[test]
fn f6_original_title_with_its_translation() {
    let w = Workdir::new();
    w.import_reading("pm.nbib", PUBMED);
    let list = w.reading_list();
    let r = reading(&list, "[Medical anthropology");
    assert_eq!(r["original_title"].as_str(), Some("Antropologia medica e migrazione in Italia"));
    let rossi = "[Medical anthropology";
    let silva = "[Indigenous health";
    assert_refs(
        &w,
        "mla",
        &[
            (
                rossi,
                "Rossi, Giulia. “Antropologia medica e migrazione in Italia” [Medical anthropology and migration in Italy]. \
                 Epidemiologia e prevenzione, vol. 12, Winter 2018, pp. 33–41.",
            ),
            (
                silva,
                "da Silva, João Carlos, and Maria dos Santos. “Saúde indígena e racismo institucional no Brasil” \
                 [Indigenous health and institutional racism in Brazil]. Cadernos de Saude Publica, vol. 35, no. 4, \
                 Jan.–Feb. 2019, p. e00012319, https://doi.org/10.1590/0102-311X00012319.",
            ),
        ],
    );
    assert_refs(
        &w,
        "modern-language-association",
        &[(
            rossi,
            "Rossi, Giulia. “Antropologia medica e migrazione in Italia” [Medical anthropology and migration in Italy]. \
             Epidemiologia e prevenzione, vol. 12, Winter 2018, pp. 33–41.",
        )],
    );
    assert_refs(
        &w,
        "ieee",
        &[(
            rossi,
            "G. Rossi, “Antropologia medica e migrazione in Italia” [Medical anthropology and migration in Italy], \
             Epidemiol Prev, vol. 12, pp. 33–41, Winter 2018.",
        )],
    );
    assert_refs(
        &w,
        "ama",
        &[
            (
                rossi,
                "Rossi G. Antropologia medica e migrazione in Italia [Medical anthropology and migration in Italy]. \
                 Epidemiol Prev. 2018;12:33-41.",
            ),
            (
                silva,
                "da Silva JC, dos Santos M. Saúde indígena e racismo institucional no Brasil [Indigenous health and \
                 institutional racism in Brazil]. Cad Saude Publica. 2019;35(4):e00012319. doi:10.1590/0102-311X00012319",
            ),
        ],
    );
    assert_refs(
        &w,
        "vancouver",
        &[(
            rossi,
            "Rossi G. [Medical anthropology and migration in Italy]. Epidemiol Prev. 2018 Winter;12:33-41. Italian. \
             PubMed PMID: 30000002.",
        )],
    );
    assert_refs(
        &w,
        "apa",
        &[(
            rossi,
            "Rossi, G. (2018). Antropologia medica e migrazione in Italia [Medical anthropology and migration in Italy]. \
             Epidemiologia e prevenzione, 12, 33–41.",
        )],
    );
}

/// F9: a report's own number is labelled in IEEE ("Rep. 12", "Tech. Rep.
/// 964"), which keeps its edition and series too; MLA prints it apart
/// from the series, never as the series' number.
#[test]
fn f9_report_number_in_ieee_and_mla() {
    let w = Workdir::new();
    w.import_reading(
        "rep.csv",
        "title,authors,year,type,publisher,place,issue,series,series_number,edition,genre,language\n\
         Zdrowie publiczne i kolonializm,\"Kowalski, Jan; Nowak, Ewa\",maj 2016,report,Narodowy Instytut Zdrowia,Warszawa,12,,,,,pl\n\
         Health of migrants in a series,\"Mensah, Kofi\",2016,report,Ministry of Health,Accra,14,Health Policy Series,,2nd,,\n\
         Health of migrants in a numbered series,\"Mensah, Kofi\",2017,report,Ministry of Health,Accra,15,Health Policy Series,7,,,\n\
         Health of migrants by number,\"Mensah, Kofi\",2018,report,Ministry of Health,Accra,WHO/HIS/2019.1,,,,,\n\
         Health of migrants technically,\"Mensah, Kofi\",2019,report,Ministry of Health,Accra,964,,,,Technical Report,\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Zdrowie",
                "J. Kowalski and E. Nowak, “Zdrowie publiczne i kolonializm,” Narodowy Instytut Zdrowia, Warszawa, \
                 Rep. 12, May 2016.",
            ),
            (
                "Health of migrants in a series",
                "K. Mensah, “Health of migrants in a series,” 2nd ed., Health Policy Series, Ministry of Health, Accra, \
                 Rep. 14, 2016.",
            ),
            (
                "Health of migrants in a numbered series",
                "K. Mensah, “Health of migrants in a numbered series,” Health Policy Series, no. 7, Ministry of Health, \
                 Accra, Rep. 15, 2017.",
            ),
            (
                "Health of migrants by number",
                "K. Mensah, “Health of migrants by number,” Ministry of Health, Accra, Rep. WHO/HIS/2019.1, 2018.",
            ),
            (
                "Health of migrants technically",
                "K. Mensah, “Health of migrants technically,” Ministry of Health, Accra, Tech. Rep. 964, 2019.",
            ),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            (
                "Zdrowie",
                "Kowalski, Jan, and Ewa Nowak. Zdrowie publiczne i kolonializm. No. 12, Narodowy Instytut Zdrowia, May 2016.",
            ),
            (
                "Health of migrants in a series",
                "Mensah, Kofi. Health of Migrants in a Series. 2nd ed., no. 14, Ministry of Health, 2016. Health Policy Series.",
            ),
            (
                "Health of migrants in a numbered series",
                "Mensah, Kofi. Health of Migrants in a Numbered Series. No. 15, Ministry of Health, 2017. Health Policy Series 7.",
            ),
            (
                "Health of migrants technically",
                "Mensah, Kofi. Health of Migrants Technically. Technical Report no. 964, Ministry of Health, 2019.",
            ),
        ],
    );
    assert_refs(
        &w,
        "ama",
        &[
            (
                "Health of migrants in a series",
                "Mensah K. Health of Migrants in a Series. 2nd ed. Health Policy Series. Ministry of Health; 2016. Report No. 14.",
            ),
            (
                "Health of migrants in a numbered series",
                "Mensah K. Health of Migrants in a Numbered Series. Health Policy Series no. 7. Ministry of Health; 2017. \
                 Report No. 15.",
            ),
        ],
    );

    // The tester's EndNote report: number 12, a series, a second edition.
    let w = Workdir::new();
    w.import_reading(
        "en.xml",
        r#"<?xml version="1.0" encoding="UTF-8" ?>
<xml><records>
<record><rec-number>10</rec-number>
<ref-type name="Report">27</ref-type>
<contributors><authors><author>Ministério da Saúde, Brasil</author></authors></contributors>
<titles><title>Política nacional de atenção à saúde dos povos indígenas</title><secondary-title>Série B. Textos Básicos de Saúde</secondary-title></titles>
<pages>40</pages>
<number>12</number>
<edition>2ª edição</edition>
<dates><year>2002</year><pub-dates><date>março de 2002</date></pub-dates></dates>
<pub-location>Brasília</pub-location><publisher>Ministério da Saúde</publisher>
<language>Portuguese</language>
</record>
</records></xml>
"#,
    );
    let title = "Política nacional";
    assert_refs(
        &w,
        "ieee",
        &[(
            title,
            "Ministério da Saúde, Brasil, “Política nacional de atenção à saúde dos povos indígenas,” 2nd ed., Série B. \
             Textos Básicos de Saúde, Ministério da Saúde, Brasília, Rep. 12, Mar. 2002.",
        )],
    );
    assert_refs(
        &w,
        "mla",
        &[(
            title,
            "Ministério da Saúde, Brasil. Política nacional de atenção à saúde dos povos indígenas. 2nd ed., no. 12, \
             Ministério da Saúde, Mar. 2002. Série B. Textos Básicos de Saúde.",
        )],
    );
    assert_refs(
        &w,
        "ama",
        &[(
            title,
            "Ministério da Saúde, Brasil. Política nacional de atenção à saúde dos povos indígenas. 2nd ed. Série B. \
             Textos Básicos de Saúde. Ministério da Saúde; 2002. Report No. 12.",
        )],
    );
}

/// A book's or chapter's number in its series is its series number where
/// one is stored beside its issue: AMA and the other styles printed the
/// issue as the series' number and the series number nowhere.
#[test]
fn series_number_beside_an_issue() {
    let w = Workdir::new();
    w.import_reading(
        "chap.csv",
        "title,authors,year,type,publisher,place,series,series_number,container,pages,issue\n\
         A chapter with issue and series number,\"Kowalski, Jan\",2016,chapter,Springer,Cham,Global Health Studies,11,The book of both,10-20,3\n\
         A chapter with its series number only,\"Mensah, Kofi\",2017,chapter,Springer,Cham,Global Health Studies,12,The book of one,21-30,\n\
         A book with issue and series number,\"Osei, Ama\",2018,book,Springer,Cham,Global Health Studies,13,,,4\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "A chapter with issue");
    assert_eq!((r["issue"].as_str(), r["series_number"].as_str()), (Some("3"), Some("11")));
    assert_refs(
        &w,
        "ama",
        &[
            (
                "A chapter with issue",
                "Kowalski J. A chapter with issue and series number. In: The Book of Both. Global Health Studies; vol 11. \
                 Springer; 2016:10-20.",
            ),
            (
                "A chapter with its series",
                "Mensah K. A chapter with its series number only. In: The Book of One. Global Health Studies; vol 12. \
                 Springer; 2017:21-30.",
            ),
            (
                "A book with issue",
                "Osei A. A Book with Issue and Series Number. Springer; 2018. Global Health Studies; vol 13.",
            ),
        ],
    );
    assert_refs(
        &w,
        "vancouver",
        &[(
            "A chapter with issue",
            "Kowalski J. A chapter with issue and series number. In: The book of both. Cham: Springer; 2016. p. 10-20. \
             (Global Health Studies; no. 11).",
        )],
    );
    assert_refs(
        &w,
        "chicago",
        &[(
            "A chapter with issue",
            "Kowalski, Jan. 2016. “A Chapter with Issue and Series Number.” In The Book of Both, 10–20. Global Health \
             Studies 11. Springer.",
        )],
    );
    assert_refs(
        &w,
        "harvard",
        &[(
            "A book with issue",
            "Osei, A. (2018) A book with issue and series number. Cham: Springer (Global Health Studies, 13).",
        )],
    );
}
