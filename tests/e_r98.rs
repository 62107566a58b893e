//! Tester r97 F4 (one journal printed one way beside works in any
//! language), braces in Zotero CSV, Talis CSV and EndNote XML titles, a
//! set's ISBN given to its volume, and archives' library and call number.

mod common;
use common::*;

/// Asserts each `(title, reference)` of `want` in `style`.
fn assert_refs(w: &Workdir, style: &str, want: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, expected) in want {
        assert_eq!(reference(&refs, title), *expected, "{style}: {title}");
    }
}

/// One article in English and one in the journal's own language, per
/// journal, as PubMed gives them: `JT` in the NLM catalogue's lower case.
const JOURNALS: &str = "PMID- 40000001
DP  - 2017
TI  - Salud indigena en Chile.
VI  - 145
FAU - Huenchumil, Rosa
LA  - spa
PT  - Journal Article
TA  - Rev Med Chil
JT  - Revista medica de Chile

PMID- 40000002
DP  - 2017
TI  - Indigenous health in Chile.
VI  - 145
FAU - Huenchumil, Rosa
LA  - eng
PT  - Journal Article
TA  - Rev Med Chil
JT  - Revista medica de Chile

PMID- 40000003
DP  - 2019
TI  - [Racial bias in textbooks].
VI  - 35
FAU - Silva, Ana
LA  - por
PT  - Journal Article
TT  - Vies racial em livros-texto.
TA  - Cad Saude Publica
JT  - Cadernos de saude publica

PMID- 40000004
DP  - 2019
TI  - Racism in Brazilian hospitals.
VI  - 35
FAU - Silva, Ana
LA  - eng
PT  - Journal Article
TA  - Cad Saude Publica
JT  - Cadernos de saude publica

PMID- 40000005
DP  - 2018
TI  - Migrazione e salute.
VI  - 42
FAU - Rossi, Giulia
LA  - ita
PT  - Journal Article
TA  - Epidemiol Prev
JT  - Epidemiologia e prevenzione

PMID- 40000006
DP  - 2018
TI  - Migration and health in Italy.
VI  - 42
FAU - Rossi, Giulia
LA  - eng
PT  - Journal Article
TA  - Epidemiol Prev
JT  - Epidemiologia e prevenzione

PMID- 40000007
DP  - 2016
TI  - Tabaquismo en Espana.
VI  - 30
FAU - Garcia, Luis
LA  - spa
PT  - Journal Article
TA  - Gac Sanit
JT  - Gaceta sanitaria

PMID- 40000008
DP  - 2016
TI  - Smoking in Spain.
VI  - 30
FAU - Garcia, Luis
LA  - eng
PT  - Journal Article
TA  - Gac Sanit
JT  - Gaceta sanitaria

PMID- 40000009
DP  - 2015
TI  - Sante des migrants en France.
VI  - 12
FAU - Dupont, Marie
LA  - fre
PT  - Journal Article
TA  - Rev Prat
JT  - La Revue du praticien

PMID- 40000010
DP  - 2015
TI  - Health of migrants in France.
VI  - 12
FAU - Dupont, Marie
LA  - eng
PT  - Journal Article
TA  - Rev Prat
JT  - La Revue du praticien
";

/// r97 F4: MEDLINE's lower-case `JT` was title-cased under an English
/// article and printed as is under a Spanish or Portuguese one. The
/// journal's name is cased by its own language, never the article's: a
/// Spanish or Portuguese name in title case with its own small words
/// ("de") lower-case, an Italian or French one as written, an unknown one
/// ("Gaceta sanitaria") alike under both.
#[test]
fn r97_f4_a_journal_is_printed_one_way_whatever_the_articles_language() {
    let w = Workdir::new();
    w.import_reading("j.nbib", JOURNALS);
    assert_refs(
        &w,
        "apa",
        &[
            ("Salud indigena", "Huenchumil, R. (2017b). Salud indigena en Chile. Revista Medica de Chile, 145."),
            ("Indigenous health", "Huenchumil, R. (2017a). Indigenous health in Chile. Revista Medica de Chile, 145."),
            (
                "[Racial bias",
                "Silva, A. (2019b). Vies racial em livros-texto [Racial bias in textbooks]. Cadernos de Saude Publica, 35.",
            ),
            ("Racism in", "Silva, A. (2019a). Racism in Brazilian hospitals. Cadernos de Saude Publica, 35."),
            ("Migrazione", "Rossi, G. (2018b). Migrazione e salute. Epidemiologia e prevenzione, 42."),
            ("Migration and", "Rossi, G. (2018a). Migration and health in Italy. Epidemiologia e prevenzione, 42."),
            ("Tabaquismo", "Garcia, L. (2016b). Tabaquismo en Espana. Gaceta Sanitaria, 30."),
            ("Smoking", "Garcia, L. (2016a). Smoking in Spain. Gaceta Sanitaria, 30."),
            ("Sante des", "Dupont, M. (2015b). Sante des migrants en France. La Revue du praticien, 12."),
            ("Health of migrants", "Dupont, M. (2015a). Health of migrants in France. La Revue du praticien, 12."),
        ],
    );
    assert_refs(
        &w,
        "chicago",
        &[
            ("Salud indigena", "Huenchumil, Rosa. 2017b. “Salud indigena en Chile.” Revista Medica de Chile 145."),
            (
                "Indigenous health",
                "Huenchumil, Rosa. 2017a. “Indigenous Health in Chile.” Revista Medica de Chile 145.",
            ),
            (
                "[Racial bias",
                "Silva, Ana. 2019b. “Vies racial em livros-texto” [Racial bias in textbooks]. Cadernos de Saude Publica 35.",
            ),
            ("Racism in", "Silva, Ana. 2019a. “Racism in Brazilian Hospitals.” Cadernos de Saude Publica 35."),
            ("Migrazione", "Rossi, Giulia. 2018b. “Migrazione e salute.” Epidemiologia e prevenzione 42."),
            ("Smoking", "Garcia, Luis. 2016a. “Smoking in Spain.” Gaceta Sanitaria 30."),
            ("Tabaquismo", "Garcia, Luis. 2016b. “Tabaquismo en Espana.” Gaceta Sanitaria 30."),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            ("Salud indigena", "Huenchumil, R. (2017b) ‘Salud indigena en Chile’, Revista Medica de Chile, 145."),
            ("Indigenous health", "Huenchumil, R. (2017a) ‘Indigenous health in Chile’, Revista Medica de Chile, 145."),
            ("Migration and", "Rossi, G. (2018a) ‘Migration and health in Italy’, Epidemiologia e prevenzione, 42."),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            ("Salud indigena", "Huenchumil, Rosa. “Salud indigena en Chile.” Revista Medica de Chile, vol. 145, 2017."),
            (
                "Indigenous health",
                "Huenchumil, Rosa. “Indigenous Health in Chile.” Revista Medica de Chile, vol. 145, 2017.",
            ),
            (
                "[Racial bias",
                "Silva, Ana. “Vies racial em livros-texto” [Racial bias in textbooks]. Cadernos de Saude Publica, vol. 35, 2019.",
            ),
            ("Racism in", "Silva, Ana. “Racism in Brazilian Hospitals.” Cadernos de Saude Publica, vol. 35, 2019."),
        ],
    );
    // Vancouver cites the abbreviation, whatever the language.
    assert_refs(
        &w,
        "vancouver",
        &[
            (
                "Salud indigena",
                "Huenchumil R. Salud indigena en Chile. Rev Med Chil. 2017;145. Spanish. PubMed PMID: 40000001.",
            ),
            (
                "Indigenous health",
                "Huenchumil R. Indigenous health in Chile. Rev Med Chil. 2017;145. PubMed PMID: 40000002.",
            ),
        ],
    );
}

/// The same kind without an abbreviation (a reading CSV): the name alone
/// decides, alike under a Spanish, Portuguese or English work.
#[test]
fn r97_f4_a_journal_without_its_abbreviation_is_printed_one_way() {
    let w = Workdir::new();
    w.import_reading(
        "j.csv",
        "title,authors,year,type,container,language\n\
         Salud de los migrantes,\"Quispe, Rosa\",2012,article,Revista peruana de medicina experimental y salud publica,Spanish\n\
         Health of migrants in Peru,\"Quispe, Rosa\",2013,article,Revista peruana de medicina experimental y salud publica,English\n\
         Saude indigena,\"Souza, Rita\",2012,article,Ciencia & saude coletiva,Portuguese\n\
         Indigenous health in Brazil,\"Souza, Rita\",2013,article,Ciencia & saude coletiva,English\n\
         Migrazione e salute,\"Rossi, Giulia\",2012,article,Epidemiologia e prevenzione,Italian\n\
         Migration in Italy,\"Rossi, Giulia\",2013,article,Epidemiologia e prevenzione,English\n",
    );
    let peru = "Revista Peruana de Medicina Experimental y Salud Publica";
    assert_refs(
        &w,
        "apa",
        &[
            ("Salud de", &format!("Quispe, R. (2012). Salud de los migrantes. {peru}.")),
            ("Health of migrants", &format!("Quispe, R. (2013). Health of migrants in Peru. {peru}.")),
            ("Saude indigena", "Souza, R. (2012). Saude indigena. Ciencia & Saude Coletiva."),
            ("Indigenous health", "Souza, R. (2013). Indigenous health in Brazil. Ciencia & Saude Coletiva."),
            ("Migrazione", "Rossi, G. (2012). Migrazione e salute. Epidemiologia e prevenzione."),
            ("Migration in", "Rossi, G. (2013). Migration in Italy. Epidemiologia e prevenzione."),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            ("Salud de", &format!("Quispe, Rosa. “Salud de los migrantes.” {peru}, 2012.")),
            ("Health of migrants", &format!("Quispe, Rosa. “Health of Migrants in Peru.” {peru}, 2013.")),
        ],
    );
}

/// Braces protecting case in a Zotero CSV, Talis CSV or EndNote XML title
/// (a copy of a BibTeX-origin item) are read as in RIS and CSL-JSON: the
/// braced words' case kept, the braces not stored, said; a container's or
/// series' name stored as plain text, as BibTeX's importer stores it (its
/// protection mark was printed as markup, "<span Class=…>BMJ</span>").
#[test]
fn braces_in_zotero_talis_and_endnote_titles_are_read() {
    let w = Workdir::new();
    let zotero = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Series\"\n\
         \"K1\",\"journalArticle\",\"2019\",\"Osei, Ama\",\"{HIV} in {Africa}: a history\",\"{BMJ} Global Health\",\"\"\n\
         \"K2\",\"book\",\"2018\",\"Osei, Kofi\",\"{{Malaria in the Gold Coast}}\",\"\",\"{WHO} monographs\"\n",
    );
    let talis = w.import_reading(
        "t.csv",
        "\"Item Link\",\"Type\",\"Title\",\"Authors\",\"Date\",\"Journal Title\"\n\
         \"http://x/1\",\"Article\",\"{DNA} repair in {Ghana}\",\"Mensah, Yaw\",\"2017\",\"Journal of {African} Health\"\n",
    );
    let endnote = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number>\
         <ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Okoro, Chidi</author></authors>\
         </contributors><titles><title>{COVID}-19 care in {Lagos}</title><secondary-title>{BMJ} Open</secondary-title>\
         </titles><periodical><full-title>{BMJ} Open</full-title></periodical><volume>9</volume>\
         <dates><year>2020</year></dates></record></records></xml>",
    );
    // (The reading list writes case protection back as braces: the stored text is asked.)
    let stored = |like: &str| -> String {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.query_row(
            "SELECT title || '|' || coalesce(container, '') || '|' || coalesce(series, '') FROM reading WHERE title LIKE ?1",
            [like],
            |r| r.get(0),
        )
        .unwrap()
    };
    let nocase = |s: &str| format!("<span class=\"nocase\">{s}</span>");
    assert_eq!(stored("%HIV%"), format!("{} in {}: a history|BMJ Global Health|", nocase("HIV"), nocase("Africa")));
    assert_eq!(stored("Malaria%"), "Malaria in the Gold Coast||WHO monographs");
    assert_eq!(stored("%DNA%"), format!("{} repair in {}|Journal of African Health|", nocase("DNA"), nocase("Ghana")));
    assert_eq!(stored("%COVID%"), format!("{}-19 care in {}|BMJ Open|", nocase("COVID"), nocase("Lagos")));
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE title LIKE '%{%' OR container LIKE '%{%' OR series LIKE '%{%'"),
        0
    );
    // Each read said, as RIS's and CSL-JSON's are.
    assert!(zotero.contains(
        "title \"{HIV} in {Africa}: a history\": braces around words are BibTeX's case protection, not Zotero CSV's"
    ));
    assert!(zotero.contains("the braces around the whole title are a BibTeX habit, not Zotero CSV's"));
    assert!(talis.contains(
        "title \"{DNA} repair in {Ghana}\": braces around words are BibTeX's case protection, not Talis CSV's"
    ));
    assert!(endnote.contains("braces around words are BibTeX's case protection, not EndNote XML's"));
    // Printed with the braced words' case kept under title case.
    let refs = w.references("chicago");
    assert_eq!(reference(&refs, "{HIV}"), "Osei, Ama. 2019. “HIV in Africa: A History.” BMJ Global Health.");
}

/// A set and its volume share the set's ISBN by design (as import keeps
/// them apart): `reading edit --isbn` gives a volume the set's ISBN, in
/// either form; the set itself, or a second copy of the volume, is still
/// refused.
#[test]
fn a_volume_may_be_given_its_sets_isbn() {
    let w = Workdir::new();
    w.import_reading(
        "set.csv",
        "title,authors,year,type,publisher,isbn,volume\n\
         A History of Medicine in Africa,\"Patton, Adell\",1996,book,Heinemann,9780435089634,\n\
         A History of Medicine in Africa,\"Patton, Adell\",1996,book,Heinemann,,2\n\
         A History of Medicine in Africa,\"Patton, Adell\",1996,book,Heinemann,,3\n\
         Another book,\"Patton, Adell\",1997,book,Heinemann,,\n",
    );
    let ids = |v: &str| -> String {
        let list = w.reading_list();
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"] == "A History of Medicine in Africa" && r["volume"].as_str() == Some(v))
            .map(|r| r["id"].as_str().map(str::to_string).unwrap_or_else(|| r["id"].to_string()))
            .unwrap()
    };
    let (v2, v3) = (ids("2"), ids("3"));
    w.ok(&["reading", "edit", &v2, "--isbn", "9780435089634", "--by", "t"]);
    w.ok(&["reading", "edit", &v3, "--isbn", "0435089633", "--by", "t"]);
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE isbn = '9780435089634' AND volume = '2' AND type = 'book'"),
        1
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn = '0435089633' AND volume = '3'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn = '9780435089634' AND volume IS NULL"), 1);
    // Another whole work, or volume 2 a second time, is no volume of the set.
    let other =
        w.reading_list().as_array().unwrap().iter().find(|r| r["title"] == "Another book").unwrap()["id"].clone();
    let other = other.as_str().map(str::to_string).unwrap_or_else(|| other.to_string());
    let err = w.fails(&["reading", "edit", &other, "--isbn", "9780435089634", "--by", "t"]);
    assert!(err.contains("already belongs to reading"), "{err}");
    let err = w.fails(&["reading", "edit", &v3, "--volume", "2", "--by", "t"]);
    assert!(err.contains("already belongs to reading"), "{err}");
    // The volume made the set again (its number cleared) meets the set.
    let err = w.fails(&["reading", "edit", &v2, "--volume", "", "--by", "t"]);
    assert!(err.contains("already belongs to reading"), "{err}");
}
