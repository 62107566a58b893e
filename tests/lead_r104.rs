//! Fresh tester r104 (a global-health society in Nairobi and Dhaka):
//! "icddr,b" stored as a person (F1); Zotero's CSL-JSON arXiv ID stored as
//! the pages (F4); CINAHL's "N.PAG" stored and printed as pages (F6);
//! "Mohammad …" and "Md. …" kept whole as institutions (F7).

mod common;
use common::*;

/// F1: a body that writes its name in lower case with a comma and no space
/// is kept whole, in a list, alone, and typed; a person's "Family, Given"
/// is still a person.
#[test]
fn icddr_b_is_a_body() {
    let w = workdir();
    w.import_reading(
        "icddr.csv",
        "title,authors,year,type,container,volume,pages\n\
         Oral rehydration in urban Dhaka,\"Hossain, Shahadat; icddr,b\",2016,article,J Health Popul Nutr,35,1-8\n\
         Zinc for childhood diarrhoea,\"icddr,b\",2005,report,,,\n",
    );
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Maternal mortality",
        "--author",
        "icddr,b",
        "--author",
        "Chowdhury, A. M. R.",
        "--year",
        "2019",
        "--by",
        "amina",
    ]);
    let list = w.reading_list();
    assert_eq!(
        author_triples(&list, "Oral rehydration"),
        vec![person_name("Hossain", "Shahadat"), whole_name("icddr,b")]
    );
    assert_eq!(author_triples(&list, "Zinc"), vec![whole_name("icddr,b")]);
    assert_eq!(author_triples(&list, "Maternal"), vec![whole_name("icddr,b"), person_name("Chowdhury", "A. M. R.")]);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Zinc"),
        "icddr,b. Zinc for childhood diarrhoea. [place unknown]: [publisher unknown]; 2005."
    );
}

/// F4: a preprint whose repository Zotero writes as its container: its
/// `number` "arXiv:…" is the e-print, never the pages.
#[test]
fn a_zotero_preprints_arxiv_number_is_its_eprint() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[{"id":"ax1","type":"article","title":"Machine learning triage","author":[{"family":"Mwangi","given":"John Kamau"}],"issued":{"date-parts":[[2023,11]]},"publisher":"arXiv","number":"arXiv:2311.04567","DOI":"10.48550/arXiv.2311.04567","container-title":"arXiv"},
{"id":"mx","type":"article","title":"Heat stress and preterm birth","author":[{"family":"Rahman","given":"Nasrin"}],"issued":{"date-parts":[[2022]]},"number":"2022.01.01.22268000","container-title":"medRxiv"}]"#,
    );
    let list = w.reading_list();
    let a = reading(&list, "Machine learning");
    assert!(a["pages"].is_null(), "{a:#}");
    assert_eq!(a["eprint"], "2311.04567");
    let m = reading(&list, "Heat stress");
    assert!(m["pages"].is_null() && m["eprint"].is_null(), "{m:#}");
    assert!(!reference(&w.references("apa"), "Machine learning").contains("Article"));
}

/// F6: "N.PAG" (EBSCO's no pagination), alone or as both ends, and the
/// other ways of saying it, store no pages, said; the reference ends after
/// the volume.
#[test]
fn no_pagination_is_no_pages() {
    let w = workdir();
    let err = w.import_reading(
        "c.ris",
        "TY  - JOUR\nT1  - Community health workers in Sylhet\nAU  - Akter, Shamima\nY1  - 2020/01//\nJF  - Midwifery\n\
         VL  - 80\nSP  - N.PAG\nEP  - N.PAG\nER  - \n\
         TY  - JOUR\nT1  - Unpaginated one\nAU  - Akter, Shamima\nY1  - 2021\nJF  - Midwifery\nVL  - 81\n\
         SP  - [no pagination]\nER  - \n",
    );
    assert!(err.contains("pages \"N.PAG-N.PAG\" not stored") || err.contains("pages \"N.PAG\" not stored"), "{err}");
    let list = w.reading_list();
    assert!(reading(&list, "Community health")["pages"].is_null());
    assert!(reading(&list, "Unpaginated")["pages"].is_null());
    assert_eq!(
        reference(&w.references("vancouver"), "Community health"),
        "Akter S. Community health workers in Sylhet. Midwifery. 2020 Jan;80."
    );
    // Pages are still pages.
    let err =
        w.import_reading("p.csv", "title,authors,year,type,container,pages\nPaged,\"Akter, S\",2020,article,J,12-19\n");
    assert!(!err.contains("not stored"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Paged")["pages"], "12-19");
}

/// F7: Bangladesh's commonest given names and "Md." (Mohammad) mark a
/// person, as "Muhammad" did.
#[test]
fn mohammad_and_md_are_given_names() {
    let w = workdir();
    w.import_reading(
        "gn.csv",
        "title,authors,year,type\n\
         T one,\"Mohammad Yunus; Nusrat Jahan\",2018,article\n\
         T two,\"Md. Shafiqul Islam; Nusrat Jahan; Mohammad Abul Kalam Azad\",2018,article\n",
    );
    let list = w.reading_list();
    assert_eq!(author_triples(&list, "T one"), vec![person_name("Yunus", "Mohammad"), person_name("Jahan", "Nusrat")]);
    assert_eq!(
        author_triples(&list, "T two"),
        vec![
            person_name("Islam", "Md. Shafiqul"),
            person_name("Jahan", "Nusrat"),
            person_name("Azad", "Mohammad Abul Kalam")
        ]
    );
}

/// A list that types a statute or a bill `report` (an older canon's export,
/// a sheet typed so) stores it as type `other` with its genre, as every
/// format's statute is, said; a report with another genre stays a report.
#[test]
fn a_report_typed_statute_is_legal_material() {
    let w = workdir();
    let err = w.import_reading(
        "law.csv",
        "title,authors,year,type,genre\n\
         Mental Health Act 2017,{Parliament of India},2017,report,Statute\n\
         Annual report on TB,{Ministry of Health},2019,report,Annual report\n",
    );
    assert!(err.contains("type report with genre \"Statute\" stored as type other"), "{err}");
    let list = w.reading_list();
    let act = reading(&list, "Mental Health Act");
    assert_eq!((act["type"].as_str(), act["genre"].as_str()), (Some("other"), Some("Statute")));
    assert_eq!(reading(&list, "Annual report")["type"], "report");
}
