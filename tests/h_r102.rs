//! tester r103 F1, F2, F4, F6: vendor exports. CINAHL's journal
//! abbreviation in capitals, EBSCO's and EndNote's database data in the
//! note, Ovid MEDLINE's `CY` (the journal's country), and EndNote's
//! trailing comma on an institution through canon's own export.

mod common;
use common::*;

/// EBSCO CINAHL "Direct export in RIS format" (tester r103 `cinahl.ris`).
const CINAHL: &str = "TY  - JOUR
ID  - 148273645
T1  - Decolonising the nursing curriculum: student perspectives.
AU  - Adeyemi, Folasade
AU  - O'Connor, Siobhán
AU  - Ní Bhriain, Aoife
Y1  - 2021/03//
N1  - Accession Number: 148273645. Language: English. Entry Date: 20210312. Revision Date: 20210312. Publication Type: Article. Journal Subset: Core Nursing; Europe; Nursing; Peer Reviewed; UK & Ireland. Special Interest: Nursing Education. NLM UID: 8511379.
KW  - Curriculum
N2  - Background: decolonising. 
SP  - 104789
EP  - 104789
JO  - Nurse Education Today
JF  - Nurse Education Today
JA  - NURSE EDUC TODAY
VL  - 98
CY  - New York, New York
PB  - Elsevier B.V.
SN  - 0260-6917
DO  - 10.1016/j.nedt.2020.104789
DP  - EBSCOhost
DB  - ccm
ER  - 

TY  - BOOK
ID  - 150000001
T1  - Decolonizing methodologies: research and indigenous peoples
AU  - Smith, Linda Tuhiwai
Y1  - 2021///
N1  - Accession Number: 150000001. Language: English. Publication Type: Book.
ET  - 3rd ed.
CY  - London
PB  - Zed Books
DP  - EBSCOhost
DB  - ccm
ER  - 
";

fn one<'a>(list: &'a serde_json::Value, title: &str) -> &'a serde_json::Value {
    reading_titled(list, title)
}

#[test]
fn cinahl_capitals_abbreviation_is_stored_and_printed_in_nlm_case() {
    let w = workdir();
    let err = w.import_reading("cinahl.ris", CINAHL);
    assert!(
        err.contains(
            "cinahl.ris:1:1: warning: in record \"148273645\": the journal abbreviation \"NURSE EDUC TODAY\" is \
             written in capitals throughout, which is no form of it: stored as \"Nurse Educ Today\", NLM's case \
             (each word capitalised as the journal's name writes it)"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let r = one(&list, "Decolonising the nursing curriculum: student perspectives.");
    assert_eq!(r["container_short"], "Nurse Educ Today");
    assert_eq!(r["container"], "Nurse Education Today");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Decolonising"),
        "Adeyemi F, O'Connor S, Ní Bhriain A. Decolonising the nursing curriculum: student perspectives. Nurse Educ \
         Today. 2021 Mar;98:104789. doi:10.1016/j.nedt.2020.104789"
    );
}

/// More abbreviations in capitals, each beside its journal's name as the
/// database writes it (a catalogue's lower case too), and ones that are
/// acronyms, kept.
#[test]
fn capitals_abbreviations_take_the_case_of_the_journals_own_name() {
    let w = workdir();
    let rec = |n: u32, full: &str, short: &str| {
        format!(
            "TY  - JOUR\nT1  - Paper {n}\nAU  - Osei, Jane\nPY  - 2020\nJF  - {full}\nJA  - {short}\nVL  - 1\nSP  - \
             1\nEP  - 9\nER  - \n\n"
        )
    };
    let text: String = [
        rec(1, "PLoS Medicine", "PLOS MED"),
        rec(2, "British Journal of Nursing", "BR J NURS"),
        rec(3, "American journal of public health", "AM J PUBLIC HEALTH"),
        rec(4, "BMJ Open", "BMJ OPEN"),
        rec(5, "JAMA", "JAMA"),
        rec(6, "eLife", "ELIFE"),
        rec(7, "Medical Education", "Med Educ"),
    ]
    .concat();
    let err = w.import_reading("caps.ris", &text);
    let list = w.reading_list();
    let short = |t: &str| one(&list, t)["container_short"].as_str().map(str::to_string);
    assert_eq!(short("Paper 1").as_deref(), Some("PLoS Med"));
    assert_eq!(short("Paper 2").as_deref(), Some("Br J Nurs"));
    assert_eq!(short("Paper 3").as_deref(), Some("Am J Public Health"));
    assert_eq!(short("Paper 4").as_deref(), Some("BMJ Open"));
    assert_eq!(short("Paper 5").as_deref(), Some("JAMA"));
    assert_eq!(short("Paper 6").as_deref(), Some("eLife"));
    assert_eq!(short("Paper 7").as_deref(), Some("Med Educ"));
    // Said for each one recased, never for one kept as written.
    assert_eq!(err.matches("is written in capitals throughout, which is no form of it").count(), 5, "{err}");
    assert!(!err.contains("\"JAMA\" is written in capitals"), "{err}");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Paper 1"), "Osei J. Paper 1. PLoS Med. 2020;1:1-9.");
    assert_eq!(reference(&refs, "Paper 3"), "Osei J. Paper 3. Am J Public Health. 2020;1:1-9.");
}

/// The same rule in EndNote XML's `abbr-1`.
#[test]
fn endnote_xml_capitals_abbreviation_is_cased_too() {
    let w = workdir();
    let xml = r#"<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><rec-number>9</rec-number><ref-type name="Journal Article">17</ref-type><contributors><authors><author><style face="normal" font="default" size="100%">Osei, Jane</style></author></authors></contributors><titles><title><style face="normal" font="default" size="100%">Curriculum change</style></title><secondary-title><style face="normal" font="default" size="100%">Nurse Education Today</style></secondary-title></titles><periodical><full-title><style face="normal" font="default" size="100%">Nurse Education Today</style></full-title><abbr-1><style face="normal" font="default" size="100%">NURSE EDUC TODAY</style></abbr-1></periodical><volume><style face="normal" font="default" size="100%">98</style></volume><pages><style face="normal" font="default" size="100%">1-9</style></pages><dates><year><style face="normal" font="default" size="100%">2021</style></year></dates></record></records></xml>"#;
    let err = w.import_reading("en.xml", xml);
    assert!(err.contains("the journal abbreviation \"NURSE EDUC TODAY\" is written in capitals throughout"), "{err}");
    let list = w.reading_list();
    assert_eq!(one(&list, "Curriculum change")["container_short"], "Nurse Educ Today");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Curriculum change"), "Osei J. Curriculum change. Nurse Educ Today. 2021;98:1-9.");
}

#[test]
fn ebsco_note_is_database_data_not_the_groups_annotation() {
    let w = workdir();
    let err = w.import_reading("cinahl.ris", CINAHL);
    let list = w.reading_list();
    let art = one(&list, "Decolonising the nursing curriculum: student perspectives.");
    assert_eq!(art["annotation"], serde_json::Value::Null);
    assert_eq!(art["language"], "en");
    let book = one(&list, "Decolonizing methodologies: research and indigenous peoples");
    assert_eq!(book["annotation"], serde_json::Value::Null);
    assert_eq!(book["language"], "en");
    // What is not stored, said in the one note of what is not stored.
    assert!(
        err.contains(
            "note \"Accession Number: …\" (EBSCO's record data: Accession Number, Entry Date, Revision Date, \
             Publication Type, Journal Subset, Special Interest, NLM UID; export data, not a note) (1)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "note \"Accession Number: …\" (EBSCO's record data: Accession Number, Publication Type; export data, \
             not a note) (1)"
        ),
        "{err}"
    );
    // The report prints no note under the reference.
    let out = w.path("r.csv");
    w.ok(&["report", out.to_str().unwrap(), "--style", "harvard", "-q"]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(!csv.contains("Accession Number"), "{csv}");
    // EBSCO changes the revision date at each export: the re-import is unchanged.
    let again = CINAHL.replace("Revision Date: 20210312", "Revision Date: 20240105");
    let err = w.import_reading("cinahl2.ris", &again);
    assert!(err.contains("readings: 0 new, 0 changed, 2 unchanged"), "{err}");
    assert_eq!(w.count("SELECT COUNT(*) FROM reading WHERE annotation IS NOT NULL"), 0);
}

/// A person's note beside EBSCO's line is kept; a PMID in EBSCO's line is read.
#[test]
fn ebsco_note_keeps_the_persons_lines_and_reads_its_pmid() {
    let w = workdir();
    let ris = "TY  - JOUR\nT1  - Race and the clinic\nAU  - Osei, Jane\nPY  - 2020\nJF  - Medical Education\nVL  - \
               54\nSP  - 1\nEP  - 9\nN1  - Accession Number: 999. Language: French. PMID: 32853499. Entry Date: \
               20200101.\nN1  - Core reading for week 3\nDB  - ccm\nER  - \n";
    let err = w.import_reading("e.ris", ris);
    let list = w.reading_list();
    let r = one(&list, "Race and the clinic");
    assert_eq!(r["annotation"], "Core reading for week 3");
    assert_eq!(r["language"], "fr");
    assert_eq!(r["pmid"], "32853499");
    assert!(
        err.contains(
            "note \"Accession Number: …\" (EBSCO's record data: Accession Number, Entry Date; export data, not a \
             note)"
        ),
        "{err}"
    );
}

/// EndNote 20's RIS of a record it got from PubMed (CRLF), whose `N1` is its
/// copy of the MEDLINE record (tester r103 `endnote20.ris`).
const ENDNOTE20: &str = "TY  - JOUR\r\nAU  - Vyas, D. A.\r\nAU  - Eisenstein, L. G.\r\nAU  - Jones, D. S.\r\nTI  - Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms\r\nJO  - N Engl J Med\r\nT2  - The New England journal of medicine\r\nJ2  - N Engl J Med\r\nPY  - 2020\r\nDA  - Aug 27\r\nVL  - 383\r\nIS  - 9\r\nSP  - 874\r\nEP  - 882\r\nSN  - 1533-4406 (Electronic)\r\n0028-4793 (Linking)\r\nAN  - 32853499\r\nN1  - 1533-4406\r\nVyas, Darshali A\r\nEisenstein, Leo G\r\nJones, David S\r\nJournal Article\r\nResearch Support, N.I.H., Extramural\r\nUnited States\r\nN Engl J Med. 2020 Aug 27;383(9):874-882. doi: 10.1056/NEJMms2004740. Epub 2020 Jun 17.\r\nKW  - Algorithms\r\nLA  - eng\r\nDB  - PubMed\r\nDP  - NLM\r\nER  - \r\n\r\n";

#[test]
fn endnote_copy_of_a_pubmed_record_is_not_the_note() {
    let w = workdir();
    let err = w.import_reading("endnote20.ris", ENDNOTE20);
    let list = w.reading_list();
    let r = one(&list, "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms");
    assert_eq!(r["annotation"], serde_json::Value::Null);
    assert_eq!(r["doi"], "10.1056/NEJMms2004740");
    assert_eq!(r["pmid"], "32853499");
    assert_eq!(r["language"], "en");
    assert!(
        err.contains(
            "note (EndNote's copy of the PubMed record: the ISSN, the authors' full names, the publication types, \
             the journal's country and the citation; export data, not a note) (1)"
        ),
        "{err}"
    );
    let err = w.import_reading("endnote20-again.ris", ENDNOTE20);
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
}

/// The note merge compares notes with white space as one space: the same
/// note wrapped otherwise by another list is never added twice.
#[test]
fn the_same_note_wrapped_otherwise_is_not_added_again() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nT1  - Race and the clinic\nAU  - Osei, Jane\nPY  - 2020\nDO  - 10.1000/xyz1\nN1  - Core reading \
         for week 3\n\nDiscuss with the panel\nER  - \n",
    );
    let err = w.import_reading(
        "b.ris",
        "TY  - JOUR\nT1  - Race and the clinic\nAU  - Osei, Jane\nPY  - 2020\nDO  - 10.1000/xyz1\nN1  - Core reading \
         for week 3\n  Discuss with the panel\nER  - \n",
    );
    assert!(!err.contains("the file's note was added"), "{err}");
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    let list = w.reading_list();
    assert_eq!(one(&list, "Race and the clinic")["annotation"], "Core reading for week 3\n\nDiscuss with the panel");
}

/// Ovid MEDLINE RIS (tester r103 `ovid.ris`).
const OVID: &str = "TY  - JOUR
DB  - Ovid MEDLINE(R) ALL
AN  - 32853499
T1  - Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms.
A1  - Vyas, Darshali A
A1  - Eisenstein, Leo G
A1  - Jones, David S
Y1  - 2020//
JF  - The New England journal of medicine
JA  - N Engl J Med
VL  - 383
IS  - 9
SP  - 874
EP  - 882
CY  - United States
DO  - https://dx.doi.org/10.1056/NEJMms2004740
ER  - 

TY  - JOUR
DB  - Ovid MEDLINE(R) ALL
AN  - 33220842
T1  - Racial bias in pulse oximetry measurement.
A1  - Sjoding, Michael W
Y1  - 2020//
JF  - The New England journal of medicine
JA  - N Engl J Med
VL  - 383
IS  - 25
SP  - 2477
EP  - 2478
CY  - England
DO  - https://dx.doi.org/10.1056/NEJMc2029240
ER  - 

TY  - BOOK
DB  - Ovid MEDLINE(R) ALL
T1  - Health care in a changing world
A1  - Osei, Jane
Y1  - 2019//
CY  - London
PB  - Routledge
ER  - 
";

#[test]
fn ovid_medline_cy_of_an_article_is_the_journals_country_not_stored() {
    let w = workdir();
    // The article first from a source with no place.
    w.import_reading(
        "a.csv",
        "title,authors,year,type,doi,container,volume,issue,pages\nHidden in plain sight: reconsidering the use of \
         race correction in clinical algorithms,\"Vyas, Darshali A; Eisenstein, Leo G; Jones, David \
         S\",2020,article,10.1056/NEJMms2004740,New England Journal of Medicine,383,9,874-882\n",
    );
    let err = w.import_reading("ovid.ris", OVID);
    assert!(
        err.contains("RIS CY (MEDLINE PL, the journal's country: an article has no place of publication) (2)"),
        "{err}"
    );
    let list = w.reading_list();
    for r in list.as_array().unwrap() {
        if r["type"] == "article" {
            assert_eq!(r["place"], serde_json::Value::Null, "{r}");
        }
    }
    // A book's place is its place.
    assert_eq!(one(&list, "Health care in a changing world")["place"], "London");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Racial bias"),
        "Sjoding MW. Racial bias in pulse oximetry measurement. N Engl J Med. 2020;383(25):2477-8. \
         doi:10.1056/NEJMc2029240. PubMed PMID: 33220842."
    );
    assert_eq!(reference(&refs, "Health care"), "Osei J. Health care in a changing world. London: Routledge; 2019.");
}

/// Names that came in with EndNote's trailing comma and other
/// institutions, particles and suffixes: canon's own CSV export and its
/// report workbook re-import unchanged.
#[test]
fn own_export_of_institutions_and_names_reimports_unchanged() {
    let w = workdir();
    w.import_reading(
        "names2.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi A., Jr.\nAU  - de Souza, Maria\nAU  - Van Ryn, Michelle\nAU  - Kim, J.-Y.\nAU  \
         - World Health Organization,\nAU  - Ministry of Health, Ghana,\nAU  - King, Martin Luther, III\nTI  - \
         Names test one\nT2  - Journal of Names\nPY  - 2020\nVL  - 1\nSP  - 1\nEP  - 10\nER  - \n",
    );
    let xml = r#"<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><rec-number>3</rec-number><ref-type name="Report">27</ref-type><contributors><authors><author><style face="normal" font="default" size="100%">Department of Health and Social Care,</style></author><author><style face="normal" font="default" size="100%">Ministry of Health, Ghana,</style></author></authors></contributors><titles><title><style face="normal" font="default" size="100%">Disparities in the risk and outcomes of COVID-19</style></title></titles><dates><year><style face="normal" font="default" size="100%">2020</style></year></dates><pub-location><style face="normal" font="default" size="100%">London</style></pub-location><publisher><style face="normal" font="default" size="100%">PHE</style></publisher></record></records></xml>"#;
    w.import_reading("names2.xml", xml);
    w.import_reading(
        "names.bib",
        "@article{a1, title={Names test three}, author={{Ministry of Health, Ghana} and {Médecins Sans Frontières} \
         and van der Berg, Pieter and Mensah, Jr., Kofi A. and de La Fontaine, Jean}, journal={Journal of Names}, \
         year={2021}}\n",
    );
    let list = w.reading_list();
    let originals = |t: &str| -> Vec<String> {
        one(&list, t)["author_names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["original"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        originals("Names test one"),
        [
            "Mensah, Kofi A., Jr.",
            "de Souza, Maria",
            "Van Ryn, Michelle",
            "Kim, J.-Y.",
            "World Health Organization",
            "Ministry of Health, Ghana",
            "King, Martin Luther, III"
        ]
    );
    assert_eq!(
        originals("Disparities in the risk and outcomes of COVID-19"),
        ["Department of Health and Social Care", "Ministry of Health, Ghana"]
    );
    let r = one(&list, "Disparities in the risk and outcomes of COVID-19");
    assert_eq!(r["author_names"][1]["literal"], "Ministry of Health, Ghana");
    let exp = w.path("exp.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", exp.to_str().unwrap()]);
    let err = w.ok_stderr(&["import", "reading", exp.to_str().unwrap(), "--dry-run", "--by", "lib"]);
    assert!(err.contains("readings: 0 new, 0 changed, 3 unchanged, 0 duplicate, 0 rejected"), "{err}");
    let book = w.path("r.xlsx");
    w.ok(&["report", book.to_str().unwrap(), "-q"]);
    let err =
        w.ok_stderr(&["import", "reading", book.to_str().unwrap(), "--sheet", "readings", "--dry-run", "--by", "lib"]);
    assert!(err.contains("readings: 0 new, 0 changed, 3 unchanged, 0 duplicate, 0 rejected"), "{err}");
}
