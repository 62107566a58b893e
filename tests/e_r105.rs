//! Import fields stored faithfully (issue 12's "nothing lost, nothing
//! silent"): a journal's own capitals from its abbreviation (tester r104
//! F9), EndNote's PMCID in a custom field, database platforms' record links,
//! a multi-database `DB`, and Web of Science BibTeX's braces and early access date.

mod common;
use common::*;

fn s<'a>(r: &'a serde_json::Value, k: &str) -> Option<&'a str> {
    r[k].as_str()
}

const NBIB: &str = "PMID- 32000001\nVI  - 15\nIP  - 6\nDP  - 2020 Jun\n\
TI  - Hypertension screening by community health workers in Kibera.\nPG  - e0234567\n\
LID - 10.1371/journal.pone.0234567 [doi]\nFAU - Mwangi, John\nAU  - Mwangi J\nTA  - PLoS One\nJT  - PloS one\n\n\
PMID- 32000002\nVI  - 5\nDP  - 2019\nTI  - Health policy one.\nPG  - 1-9\nFAU - Osei, Ama\nAU  - Osei A\n\
TA  - Health Policy Plan\nJT  - Health policy and planning\n\n\
PMID- 32000003\nVI  - 8\nDP  - 2019\nTI  - eLife one.\nPG  - 1-9\nFAU - Osei, Ama\nAU  - Osei A\n\
TA  - Elife\nJT  - eLife\n\n\
PMID- 32000004\nVI  - 9\nDP  - 2019\nTI  - BMJ open one.\nPG  - 1-9\nFAU - Osei, Ama\nAU  - Osei A\n\
TA  - BMJ Open\nJT  - BMJ open\n\n";

/// r104 F9: NLM's catalogue "PloS one" beside its abbreviation "PLoS One"
/// is stored in the abbreviation's capitals; a name the abbreviation
/// shortens, or whose capitals it would take away ("eLife"), is kept.
#[test]
fn a_catalogue_journal_name_takes_its_abbreviations_capitals() {
    let w = workdir();
    w.import_reading("p.nbib", NBIB);
    let list = w.reading_list();
    let journal = |t: &str| {
        let r = reading(&list, t);
        (s(r, "container").map(str::to_string), s(r, "container_short").map(str::to_string))
    };
    assert_eq!(journal("Hypertension"), (Some("PLoS One".into()), Some("PLoS One".into())));
    assert_eq!(journal("BMJ open one"), (Some("BMJ Open".into()), Some("BMJ Open".into())));
    assert_eq!(
        journal("Health policy one"),
        (Some("Health policy and planning".into()), Some("Health Policy Plan".into()))
    );
    assert_eq!(journal("eLife one"), (Some("eLife".into()), Some("Elife".into())));
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Hypertension"),
        "Mwangi, J. (2020). Hypertension screening by community health workers in Kibera. PLoS One, 15(6), Article \
         e0234567. https://doi.org/10.1371/journal.pone.0234567"
    );
    for style in ["harvard", "ieee"] {
        let r = w.references(style);
        let cited = reference(&r, "Hypertension");
        assert!(cited.contains("PLoS One") && !cited.contains("PloS"), "{style}: {cited}");
    }
}

/// The same kind in CSL-JSON (PubMed's container-title and its short form)
/// and RIS (`T2` and `J2`).
#[test]
fn the_same_capitals_in_csl_json_and_ris() {
    let w = workdir();
    w.import_reading(
        "j.json",
        r#"[{"id":"a","type":"article-journal","title":"CSL capitals","container-title":"PloS one",
  "container-title-short":"PLoS One","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2020]]},
  "volume":"15","page":"1-9"}]"#,
    );
    w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - Osei, Ama\nTI  - RIS capitals\nT2  - BMJ open\nJ2  - BMJ Open\nPY  - 2020\nVL  - 3\n\
         SP  - 1\nEP  - 9\nER  - \n",
    );
    let list = w.reading_list();
    assert_eq!(s(reading(&list, "CSL capitals"), "container"), Some("PLoS One"));
    assert_eq!(s(reading(&list, "RIS capitals"), "container"), Some("BMJ Open"));
}

/// EndNote's PubMed import writes the PMCID in Custom 2: read as the PMCID;
/// another custom value stays named as not stored.
#[test]
fn endnote_custom_pmcid_is_the_pmcid() {
    let w = workdir();
    let said = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number>\
         <ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Okoro, Chidi</author></authors>\
         </contributors><titles><title>EndNote PMCID</title><secondary-title>BMJ Open</secondary-title></titles>\
         <periodical><full-title>BMJ Open</full-title></periodical><volume>9</volume><custom2>PMC1234567</custom2>\
         <custom1>Some note</custom1><dates><year>2019</year></dates></record></records></xml>",
    );
    let list = w.reading_list();
    let r = reading(&list, "EndNote PMCID");
    assert_eq!(s(r, "pmcid"), Some("PMC1234567"), "{r:#}");
    assert!(said.contains("EndNote XML custom1"), "{said}");
    assert!(!said.contains("EndNote XML custom2"), "{said}");
}

/// Ovid's and EBSCOhost's links to their record are no address of the
/// work: not stored, said, as Scopus's and Web of Science's are; the work's
/// own address stays.
#[test]
fn database_platform_links_are_not_the_works_url() {
    let w = workdir();
    let said = w.import_reading(
        "o.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Ovid article\nT2  - Lancet\nPY  - 2020\nVL  - 3\nSP  - 1\nEP  - 9\n\
         DB  - MEDLINE; CINAHL\nCN  - 12345\n\
         UR  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=medl&NEWS=N&AN=12345\nER  - \n\
         TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Ovid dc1 article\nT2  - Lancet\nPY  - 2021\nVL  - 4\nSP  - 1\nEP  - 9\n\
         UR  - https://ovidsp.dc1.ovid.com/ovid-new-a/ovidweb.cgi?&S=ABC&D=emed&AN=99\nER  - \n\
         TY  - JOUR\nAU  - Mensah, Kofi\nTI  - EBSCO article\nT2  - Lancet\nPY  - 2022\nVL  - 5\nSP  - 1\nEP  - 9\n\
         UR  - https://search.ebscohost.com/login.aspx?direct=true&db=rzh&AN=123456&site=ehost-live\nER  - \n\
         TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Own address article\nT2  - Lancet\nPY  - 2023\nVL  - 6\nSP  - 1\n\
         EP  - 9\nUR  - https://www.ovid.com/news/a-story\nER  - \n",
    );
    assert!(
        said.contains(
            "url \"http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=medl&NEWS=N&AN=12345\" not stored: it \
             is Ovid's page for the record, not the work"
        ),
        "{said}"
    );
    assert!(said.contains("is EBSCOhost's page for the record, not the work"), "{said}");
    let list = w.reading_list();
    for t in ["Ovid article", "Ovid dc1 article", "EBSCO article"] {
        assert!(reading(&list, t)["url"].is_null(), "{t}: {:#}", reading(&list, t));
    }
    assert_eq!(s(reading(&list, "Own address"), "url"), Some("https://www.ovid.com/news/a-story"));
    // "MEDLINE; CINAHL" is the databases searched, no archive: the call
    // number beside it is not an archive's shelf mark.
    let r = reading(&list, "Ovid article");
    assert!(r["archive"].is_null() && r["archive_location"].is_null(), "{r:#}");
}

/// A `DB` listing databases one of which canon knows is no archive; an
/// archive named alone beside its call number still is.
#[test]
fn a_list_of_databases_is_no_archive() {
    let w = workdir();
    w.import_reading(
        "d.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Searched in two\nT2  - Lancet\nPY  - 2020\nDB  - ERIC; Embase\n\
         CN  - 777\nER  - \n\
         TY  - MANSCPT\nAU  - Mensah, Kofi\nTI  - A colonial letter\nPY  - 1901\nDB  - The National Archives\n\
         CN  - CO 96/380\nER  - \n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Searched in two");
    assert!(r["archive"].is_null(), "{r:#}");
    let r = reading(&list, "A colonial letter");
    assert_eq!((s(r, "archive"), s(r, "archive_location")), (Some("The National Archives"), Some("CO 96/380")));
}

/// A book's `A2` person with no series beside it is its editor (the RIS
/// specification's table); beside a series (`T3`) the series editor, named.
#[test]
fn a_books_a2_person() {
    let w = workdir();
    let said = w.import_reading(
        "b.ris",
        "TY  - BOOK\nAU  - Osei, Ama\nTI  - A book with a person A2\nA2  - Smith, Kwame\nPY  - 2020\nPB  - Pub\n\
         CY  - Accra\nER  - \n\
         TY  - BOOK\nAU  - Osei, Ama\nTI  - A book in a series\nA2  - Smith, Kwame\nT3  - Studies in Health\nPY  - 2021\n\
         PB  - Pub\nCY  - Accra\nER  - \n",
    );
    let list = w.reading_list();
    let eds = |t: &str| name_fields(reading(&list, t), "editor_names", ["family", "given"]);
    assert_eq!(eds("A book with a person A2"), vec![[Some("Smith".to_string()), Some("Kwame".to_string())]]);
    assert!(eds("A book in a series").is_empty());
    assert_eq!(s(reading(&list, "A book in a series"), "series"), Some("Studies in Health"));
    assert!(said.contains("RIS A2 (the series editor of a book or report)"), "{said}");
}

/// Web of Science's BibTeX: its journal in capitals and doubled braces is
/// stored as the journal's name; the reference prints no brace; its
/// `EarlyAccessDate` is named as not stored with what it is; the doubled
/// braces round its title are its export's habit, not a protection of the
/// whole title (it was stored "{Racism and health: A review}").
#[test]
fn wos_bibtex_braces_and_early_access() {
    let w = workdir();
    let said = w.import_reading(
        "w.bib",
        "@article{ WOS:000600000000001,\nAuthor = {Mensah, Kofi},\nTitle = {{Racism and health: {A} review}},\n\
         Journal = {{LANCET}},\nYear = {{2021}},\nVolume = {{397}},\nPages = {{100-110}},\n\
         EarlyAccessDate = {{JAN 2021}},\nDOI = {{10.1016/S0140-6736(20)32000-1}},\n}\n",
    );
    assert!(
        said.contains(
            "title: the braces around the whole title are Web of Science's, which wraps every field so: read as an \
             ordinary title"
        ),
        "{said}"
    );
    let list = w.reading_list();
    let r = &list[0];
    assert_eq!(s(r, "title"), Some("Racism and health: A review"), "{r:#}");
    assert_eq!(s(r, "container"), Some("Lancet"), "{r:#}");
    assert_eq!(s(r, "pages"), Some("100-110"), "{r:#}");
    assert!(
        said.contains(
            "BibTeX earlyaccessdate (Web of Science's early access date, \"JAN 2021\": when the work was published \
             online before its issue; canon keeps no online date)"
        ),
        "{said}"
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Racism and health"),
        "Mensah, K. (2021). Racism and health: A review. Lancet, 397, 100\u{2013}110. \
         https://doi.org/10.1016/S0140-6736(20)32000-1"
    );
}

/// Web of Science's BibTeX record in early access, with no year yet: dated
/// by its `EarlyAccessDate` and ahead of print, as its plain text's `EA`
/// is; the plain text's `EA` beside a `PY` is named.
#[test]
fn wos_early_access_without_a_year() {
    let w = workdir();
    let said = w.import_reading(
        "w.bib",
        "@article{ WOS:000600000000003,\nAuthor = {Mensah, Kofi},\nTitle = {{Early access only}},\n\
         Journal = {{LANCET}},\nEarlyAccessDate = {{JAN 2021}},\nType = {{Article; Early Access}},\n\
         DOI = {{10.1016/S0140-6736(20)32000-3}},\n}\n",
    );
    assert!(!said.contains("earlyaccessdate"), "{said}");
    let said = w.import_reading(
        "e.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Mensah, K\nAF Mensah, Kofi\n\
         TI Plain text early access\nSO LANCET\nPY 2021\nVL 397\nBP 10\nEP 20\nEA JAN 2021\nDI 10.1016/x.1\nER\n\nEF\n",
    );
    assert!(said.contains("EA (the early access date)"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "Early access only");
    assert_eq!(
        (r["year"].as_i64(), r["month"].as_i64(), s(r, "year_note")),
        (Some(2021), Some(1), Some("ahead of print")),
        "{r:#}"
    );
}
