//! Fresh tester r106 (a global-health group in Bangladesh, Kenya, Senegal,
//! Brazil and Iran): a year in Bengali digits refused the file (F1);
//! BibTeX's unbraced "icddr,b" a person (F2) and "INSERM" a person with
//! advice to write it in its own case (F3); IEEE's software version after
//! the address (F5); CSL-JSON degrees in `suffix` kept (F6); AMA's
//! "Preprint posted online" left out for servers whose name says
//! "Preprints" (F8); titles and degrees of the group's countries ("Pr",
//! "Dra.", "Prof.ª", "Dr. med.", "FCPS") stored in names (F9).

mod common;
use common::*;

/// F1: a year in Bengali digits (and Gurmukhi, Tamil, Thai) is the year
/// its digits say, as Devanagari's and Persian's are; a day and a month
/// in Bengali words keep the year, the rest said.
#[test]
fn years_in_the_digits_of_other_scripts_are_read() {
    let w = workdir();
    let err = w.import_reading(
        "bn.csv",
        "title,authors,year,type,container\n\
         Bengali year,\"Rahman, Aminur\",২০২০,article,Bangladesh Medical Journal\n\
         Bengali date,\"Rahman, Aminur\",১৫ মার্চ ২০১৯,article,Bangladesh Medical Journal\n\
         Gurmukhi year,\"Singh, Harpreet\",੨੦੧੮,article,J\n\
         Tamil year,\"Kumar, Arun\",௨௦௧௭,article,J\n\
         Thai year,\"Somchai, Dee\",๒๐๑๖,article,J\n",
    );
    // r111 F1: the Bengali month is read, so the whole date is stored unsaid (nothing is guessed).
    assert!(!err.contains("১৫ মার্চ ২০১৯"), "{err}");
    let list = w.reading_list();
    for (title, year) in [
        ("Bengali year", 2020),
        ("Bengali date", 2019),
        ("Gurmukhi year", 2018),
        ("Tamil year", 2017),
        ("Thai year", 2016),
    ] {
        assert_eq!(reading(&list, title)["year"], year, "{title}");
    }
    // Typed and in BibTeX too.
    w.ok(&["reading", "add", "--title", "Typed Bengali", "--year", "২০২১", "--by", "amina", "-q"]);
    w.import_reading("bn.bib", "@article{b, author = {Rahman, Aminur}, title = {BibTeX Bengali}, year = {২০২২}}\n");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Typed Bengali")["year"], 2021);
    assert_eq!(reading(&list, "BibTeX Bengali")["year"], 2022);
}

/// F2 and F3: unbraced "icddr,b" and one-word acronyms in a BibTeX name
/// list are bodies, said, as in a CSV cell; "BRAC and UNICEF" are two.
#[test]
fn bibtex_bodies_written_unbraced_are_kept_whole() {
    let w = workdir();
    let err = w.import_reading(
        "u.bib",
        "@article{u1, author = {World Health Organization and Rahman, Aminur and icddr,b and Sarker, Shafiqul A.},\n\
         title = {Diarrhoeal disease surveillance}, journal = {Bull World Health Organ}, year = {2015}}\n\
         @article{x, author = {INSERM and Diop, Awa}, title = {HIV in Thies}, journal = {AIDS}, year = {2013}}\n\
         @article{z, author = {BRAC and UNICEF}, title = {Child growth}, journal = {AIDS}, year = {2013}}\n",
    );
    assert!(err.contains("author \"icddr,b\" looks like an institution's name: kept whole"), "{err}");
    assert!(err.contains("author \"INSERM\" looks like an institution's name: kept whole"), "{err}");
    assert!(!err.contains("written in capitals throughout"), "{err}");
    let list = w.reading_list();
    assert_eq!(
        author_triples(&list, "Diarrhoeal disease surveillance"),
        [
            whole_name("World Health Organization"),
            person_name("Rahman", "Aminur"),
            whole_name("icddr,b"),
            person_name("Sarker", "Shafiqul A.")
        ]
    );
    assert_eq!(author_triples(&list, "HIV in Thies"), [whole_name("INSERM"), person_name("Diop", "Awa")]);
    assert_eq!(author_triples(&list, "Child growth"), [whole_name("BRAC"), whole_name("UNICEF")]);
    let refs = w.references("vancouver");
    assert_eq!(
        refs["Diarrhoeal disease surveillance"],
        "World Health Organization; Rahman A; icddr,b; Sarker SA. Diarrhoeal disease surveillance. Bull World \
         Health Organ. 2015."
    );
    assert_eq!(refs["HIV in Thies"], "INSERM; Diop A. HIV in Thies. AIDS. 2013.");
}

/// F9 and F6: the titles and degrees of French, Portuguese, Spanish,
/// German, South Asian and West African names are taken off and said,
/// never a given name, a particle or an institution's name.
#[test]
fn titles_and_degrees_of_other_countries_are_taken_off() {
    let w = workdir();
    let err = w.import_reading(
        "dr.csv",
        "title,authors,year,type,container\n\
         Hypertension in Dhaka,\"Rahman, Amina; Hossain, Fatima, FCPS\",2021,article,J\n\
         Hypertension in Sylhet,\"Prof. Dr. Amina Rahman; Dr. med. Klaus Weber\",2019,article,J\n\
         Hypertension in Shiraz,\"Rahimi, Hamid, MD, MPH; Moradi, Zahra, BSc (Hons)\",2018,article,J\n\
         Hypertension in Recife,\"Dra. Ana Ferreira; Prof.ª Maria Santos\",2018,article,J\n\
         Hypertension in Dakar,\"Pr Awa Diallo; Dr Mamadou Sow\",2017,article,J\n",
    );
    assert!(err.contains("\"FCPS\" dropped from the name \"Hossain, Fatima, FCPS\""), "{err}");
    let list = w.reading_list();
    assert_eq!(
        author_triples(&list, "Hypertension in Dhaka"),
        [person_name("Rahman", "Amina"), person_name("Hossain", "Fatima")]
    );
    assert_eq!(
        author_triples(&list, "Hypertension in Sylhet"),
        [person_name("Rahman", "Amina"), person_name("Weber", "Klaus")]
    );
    assert_eq!(
        author_triples(&list, "Hypertension in Shiraz"),
        [person_name("Rahimi", "Hamid"), person_name("Moradi", "Zahra")]
    );
    assert_eq!(
        author_triples(&list, "Hypertension in Recife"),
        [person_name("Ferreira", "Ana"), person_name("Santos", "Maria")]
    );
    assert_eq!(
        author_triples(&list, "Hypertension in Dakar"),
        [person_name("Diallo", "Awa"), person_name("Sow", "Mamadou")]
    );
    // The original keeps what was written.
    let dakar = reading(&list, "Hypertension in Dakar")["author_names"][0]["original"].clone();
    assert_eq!(dakar, "Pr Awa Diallo");

    let err = w.import_reading(
        "suf.json",
        r#"[{"id":"j1","type":"article-journal","title":"Zinc in Dhaka slums","author":[{"family":"Ahmed","given":"Tahmeed","suffix":"MBBS, PhD"},{"family":"Sayed","given":"Nour","non-dropping-particle":"el-"}],"container-title":"J Health Popul Nutr","volume":"40","page":"33-41","issued":{"date-parts":[[2021]]}}]"#,
    );
    assert!(err.contains("\"MBBS, PhD\" dropped from the name \"Ahmed, Tahmeed, MBBS, PhD\""), "{err}");
    let refs = w.references("vancouver");
    assert_eq!(
        refs["Zinc in Dhaka slums"],
        "Ahmed T, el-Sayed N. Zinc in Dhaka slums. J Health Popul Nutr. 2021;40:33-41."
    );
    assert_eq!(refs["Hypertension in Recife"], "Ferreira A, Santos M. Hypertension in Recife. J. 2018.");
}

/// F5: IEEE prints a program's version after its title whether or not the
/// title's words recur in its address, and "Computer software" once.
#[test]
fn ieee_software_version_follows_the_title() {
    let w = workdir();
    w.import_reading(
        "sw.bib",
        "@software{s1, author = {Okonkwo, Chinedu}, title = {epiAfrica}, year = {2022}, version = {2.1.0}, url = \
         {https://github.com/example/epiafrica}}\n\
         @software{s2, author = {Okonkwo, Chinedu}, title = {epiAfrica: epidemic curves}, year = {2021}, version = \
         {2.0}, url = {https://github.com/example/epiafrica2}}\n",
    );
    let refs = w.references("ieee");
    assert_eq!(
        refs["epiAfrica"],
        "C. Okonkwo, epiAfrica (Version 2.1.0) [Computer software]. (2022). [Online]. Available: \
         https://github.com/example/epiafrica"
    );
    assert_eq!(
        refs["epiAfrica: epidemic curves"],
        // IEEE sets a book's (italic) title in title case (h-F, r108: IEEE Reference Guide, books).
        "C. Okonkwo, epiAfrica: Epidemic Curves (Version 2.0) [Computer software]. (2021). [Online]. Available: \
         https://github.com/example/epiafrica2"
    );
}

/// F8: every preprint says so in AMA, on a server whose name holds
/// "Preprints" too, and with "Preprints" in its DOI.
#[test]
fn ama_says_preprint_for_every_server() {
    let w = workdir();
    w.import_reading(
        "pp.csv",
        "title,authors,year,type,container,publisher,doi,genre\n\
         Arsenic mitigation in Bangladesh,\"Akter, Shahinoor\",2023,article,Preprints,,10.20944/preprints202301.0001.v1,Preprint\n\
         Malaria in Kisumu,\"Otieno, Grace\",2022,article,medRxiv,,10.1101/2022.01.01.22222222,Preprint\n\
         Cholera in Dhaka,\"Rahman, Aminur\",2021,article,,Preprints,10.20944/preprints202101.0001.v1,Preprint\n\
         Zika in Recife,\"Ferreira, Ana\",2020,article,SciELO Preprints,,10.1590/SciELOPreprints.1234,Preprint\n",
    );
    let refs = w.references("ama");
    assert_eq!(
        refs["Arsenic mitigation in Bangladesh"],
        "Akter S. Arsenic mitigation in Bangladesh. Preprints. Preprint posted online 2023. \
         doi:10.20944/preprints202301.0001.v1"
    );
    assert_eq!(
        refs["Cholera in Dhaka"],
        "Rahman A. Cholera in Dhaka. Preprints. Preprint posted online 2021. doi:10.20944/preprints202101.0001.v1"
    );
    assert_eq!(
        refs["Zika in Recife"],
        "Ferreira A. Zika in Recife. SciELO Preprints. Preprint posted online 2020. doi:10.1590/SciELOPreprints.1234"
    );
    assert_eq!(
        refs["Malaria in Kisumu"],
        "Otieno G. Malaria in Kisumu. medRxiv. Preprint posted online 2022. doi:10.1101/2022.01.01.22222222"
    );
}

/// F7: a short Portuguese title whose first word has a letter English
/// lacks keeps its case in Chicago, with "no" and "do" (English words too)
/// in it; an English title is still title-cased, and a name's possessive
/// at the start tells nothing.
#[test]
fn short_portuguese_titles_keep_their_case_in_chicago() {
    let w = workdir();
    w.import_reading(
        "pt.csv",
        "title,authors,year,type,container,event\n\
         Saúde no Brasil rural,\"Barbosa, Luciana\",2021,report,,\n\
         Telessaúde no Nordeste,\"Barbosa, Luciana\",2022,conference-paper,,Congresso Brasileiro de Saúde Coletiva\n\
         Saúde do Brasil,\"Barbosa, Luciana\",2020,book,,\n\
         Behçet's disease in women,\"Smith, John\",2019,book,,\n\
         Race and health,\"Smith, John\",2018,book,,\n",
    );
    let refs = w.references("chicago");
    assert_eq!(refs["Saúde no Brasil rural"], "Barbosa, Luciana. 2021. Saúde no Brasil rural.");
    assert_eq!(refs["Saúde do Brasil"], "Barbosa, Luciana. 2020. Saúde do Brasil.");
    assert!(refs["Telessaúde no Nordeste"].contains("“Telessaúde no Nordeste.”"), "{}", refs["Telessaúde no Nordeste"]);
    assert_eq!(refs["Behçet's disease in women"], "Smith, John. 2019. Behçet's Disease in Women.");
    assert_eq!(refs["Race and health"], "Smith, John. 2018. Race and Health.");
}
