//! tester r104 F3 and F5, and IEEE's own forms: a preprint is stored as
//! one and cited by its repository, never its repository's publisher; a
//! post (and any other work) keeps its stored date and DOI in IEEE; a
//! program keeps its version; IEEE writes a day without a leading zero.

mod common;
use common::*;

/// medRxiv's own "Download citation" BibTeX (tester r104 `preprints.bib`).
const MEDRXIV_BIB: &str = "@article{akhter2021,
  title = {Seroprevalence of {SARS-CoV-2} antibodies among garment workers in {Dhaka}},
  author = {Akhter, Nasima and Sultana, Rumana and {icddr,b COVID-19 Study Team}},
  journal = {medRxiv},
  year = {2021},
  month = mar,
  doi = {10.1101/2021.03.15.21253612},
  publisher = {Cold Spring Harbor Laboratory Press},
  note = {Preprint}
}
";

fn text<'a>(r: &'a serde_json::Value, k: &str) -> Option<&'a str> {
    r[k].as_str()
}

#[test]
fn medrxiv_bibtex_is_stored_as_a_preprint_and_ieee_names_the_server() {
    let w = workdir();
    w.import_reading("preprints.bib", MEDRXIV_BIB);
    let list = w.reading_list();
    let r = reading(&list, "Seroprevalence");
    assert_eq!(text(r, "type"), Some("article"));
    assert_eq!(text(r, "genre"), Some("Preprint"));
    assert_eq!(text(r, "container"), Some("medRxiv"));
    // The publisher is kept in the record, only not cited.
    assert_eq!(text(r, "publisher"), Some("Cold Spring Harbor Laboratory Press"));
    assert_eq!(text(r, "annotation"), None, "{r}");
    let title = "Seroprevalence of SARS-CoV-2 antibodies among garment workers in Dhaka";
    assert_eq!(
        reference(&w.references("ieee"), "Seroprevalence"),
        format!(
            // IEEE marks a preprint after its repository (tester r111 F9, r111).
            "N. Akhter, R. Sultana, and icddr,b COVID-19 Study Team, “{title},” Mar. 2021, medRxiv, preprint. doi: \
             10.1101/2021.03.15.21253612."
        )
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Seroprevalence"),
        format!(
            "Akhter N, Sultana R; icddr,b COVID-19 Study Team. {title} [preprint]. medRxiv. 2021 Mar. \
             doi:10.1101/2021.03.15.21253612"
        )
    );
    for style in ["ieee", "vancouver", "apa", "harvard", "chicago", "ama"] {
        let refs = w.references(style);
        let r = reference(&refs, "Seroprevalence");
        assert!(r.contains("medRxiv") && !r.contains("Cold Spring Harbor"), "{style}: {r}");
    }
}

#[test]
fn preprints_from_ris_and_csv_are_stored_and_cited_by_their_server() {
    let w = workdir();
    w.import_reading(
        "pp.ris",
        "TY  - JOUR\nTI  - Ris jour preprint\nAU  - Akhter, Nasima\nPY  - 2021/03/15\nT2  - medRxiv\n\
         PB  - Cold Spring Harbor Laboratory Press\nDO  - 10.1101/2021.03.15.21253613\nN1  - Preprint\nER  - \n\n\
         TY  - UNPB\nTI  - Ris unpb preprint\nAU  - Banda, Grace\nPY  - 2022\nT2  - Research Square\n\
         DO  - 10.21203/rs.3.rs-123456/v1\nER  - \n\n\
         TY  - ELEC\nTI  - Ris elec preprint\nAU  - Mwangi, Peter\nPY  - 2023/01/05\nT2  - bioRxiv\n\
         DO  - 10.1101/2023.01.05.522999\nER  - \n\n\
         TY  - JOUR\nTI  - Ris working paper\nAU  - Osei, Ama\nPY  - 2020\nT2  - Econ Papers\nM3  - Working paper\n\
         N1  - Preprint\nER  - \n",
    );
    w.import_reading(
        "pp.csv",
        "title,authors,year,type,container,publisher,doi,note\n\
         Csv article preprint,\"Otieno, Jane\",2021,article,medRxiv,Cold Spring Harbor Laboratory Press,10.1101/2021.01.01.21249999,Preprint\n\
         Csv scielo preprint,\"Kamau, John\",2022,article,SciELO Preprints,SciELO,10.1590/SciELOPreprints.1234,\n\
         Csv africarxiv preprint,\"Achieng, Mary\",2022,,AfricArXiv,Center for Open Science,10.31730/osf.io/abcde,preprint.\n",
    );
    let list = w.reading_list();
    for (title, container, genre, publisher) in [
        ("Ris jour preprint", "medRxiv", Some("Preprint"), Some("Cold Spring Harbor Laboratory Press")),
        ("Ris unpb preprint", "Research Square", Some("Preprint"), None),
        ("Ris elec preprint", "bioRxiv", Some("Preprint"), None),
        ("Csv article preprint", "medRxiv", Some("Preprint"), Some("Cold Spring Harbor Laboratory Press")),
        // As a Zotero preprint from CSL-JSON is stored: an article in its repository.
        ("Csv scielo preprint", "SciELO Preprints", None, Some("SciELO")),
        ("Csv africarxiv preprint", "AfricArXiv", Some("Preprint"), Some("Center for Open Science")),
    ] {
        let r = reading_titled(&list, title);
        assert_eq!(text(r, "type"), Some("article"), "{r}");
        assert_eq!(text(r, "container"), Some(container), "{r}");
        assert_eq!(text(r, "genre"), genre, "{r}");
        assert_eq!(text(r, "publisher"), publisher, "{r}");
        assert_eq!(text(r, "annotation"), None, "{r}");
    }
    // Another stated genre keeps the note: nothing lost.
    let wp = reading_titled(&list, "Ris working paper");
    assert_eq!(text(wp, "genre"), Some("Working paper"), "{wp}");
    assert_eq!(text(wp, "annotation"), Some("Preprint"), "{wp}");

    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Ris jour preprint"),
        // IEEE marks a preprint after its repository (tester r111 F9, r111).
        "N. Akhter, “Ris jour preprint,” Mar. 15, 2021, medRxiv, preprint. doi: 10.1101/2021.03.15.21253613."
    );
    assert_eq!(
        reference(&ieee, "Ris unpb preprint"),
        // IEEE marks a preprint after its repository (tester r111 F9, r111).
        "G. Banda, “Ris unpb preprint,” 2022, Research Square, preprint. doi: 10.21203/rs.3.rs-123456/v1."
    );
    assert_eq!(
        reference(&ieee, "Ris elec preprint"),
        // IEEE marks a preprint after its repository (tester r111 F9, r111).
        "P. Mwangi, “Ris elec preprint,” Jan. 5, 2023, bioRxiv, preprint. doi: 10.1101/2023.01.05.522999."
    );
    assert_eq!(
        reference(&ieee, "Csv article preprint"),
        // IEEE marks a preprint after its repository (tester r111 F9, r111).
        "J. Otieno, “Csv article preprint,” 2021, medRxiv, preprint. doi: 10.1101/2021.01.01.21249999."
    );
    assert_eq!(
        reference(&ieee, "Csv scielo preprint"),
        "J. Kamau, “Csv scielo preprint,” 2022, SciELO Preprints. doi: 10.1590/SciELOPreprints.1234."
    );
    assert_eq!(
        reference(&ieee, "Csv africarxiv preprint"),
        // IEEE marks a preprint after its repository (tester r111 F9, r111).
        "M. Achieng, “Csv africarxiv preprint,” 2022, AfricArXiv, preprint. doi: 10.31730/osf.io/abcde."
    );
    for style in ["vancouver", "apa", "harvard", "chicago", "ama", "mla"] {
        let refs = w.references(style);
        for (title, server) in [
            ("Ris jour preprint", "medRxiv"),
            ("Csv article preprint", "medRxiv"),
            ("Csv africarxiv preprint", "AfricArXiv"),
        ] {
            let r = reference(&refs, title);
            assert!(r.contains(server), "{style}: {r}");
            assert!(!r.contains("Cold Spring Harbor") && !r.contains("Center for Open Science"), "{style}: {r}");
        }
    }
}

/// tester r104 `post.json`: a CSL `post`, stored as a thread.
const POST: &str = r#"[{"id":"p","type":"post","title":"Digital adherence technologies for TB in Nairobi","author":[{"family":"Kimani","given":"Wairimu"}],"issued":{"date-parts":[[2022,5,30]]},"container-title":"medRxiv","DOI":"10.1101/2022.05.27.22275678"}]"#;

#[test]
fn a_post_keeps_its_date_and_doi_in_ieee_and_its_day_in_vancouver() {
    let w = workdir();
    w.import_reading("post.json", POST);
    let list = w.reading_list();
    let r = reading(&list, "Digital adherence");
    assert_eq!(text(r, "type"), Some("thread"));
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2022), Some(5), Some(30)));
    assert_eq!(
        reference(&w.references("ieee"), "Digital adherence"),
        "W. Kimani, “Digital adherence technologies for TB in Nairobi,” medRxiv, May 30, 2022. doi: \
         10.1101/2022.05.27.22275678."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Digital adherence"),
        "Kimani W. Digital adherence technologies for TB in Nairobi. medRxiv. 2022 May 30. \
         doi:10.1101/2022.05.27.22275678"
    );
}

/// Every kind of work canon stores, with a date, a DOI and an address.
const TYPES: &str = r#"[
{"id":"a","type":"post","title":"Post with address","author":[{"family":"Kamau","given":"John"}],"issued":{"date-parts":[[2022,1,9]]},"container-title":"Twitter","URL":"https://twitter.com/x/1","accessed":{"date-parts":[[2022,2,3]]}},
{"id":"b","type":"post-weblog","title":"Blog post title","author":[{"family":"Banda","given":"Grace"}],"issued":{"date-parts":[[2023,8,2]]},"container-title":"Health Blog","URL":"https://blog.example.org/p","DOI":"10.9999/blog.1"},
{"id":"c","type":"webpage","title":"Web page title","author":[{"family":"Okafor","given":"Ada"}],"issued":{"date-parts":[[2019,8,2]]},"container-title":"WHO","URL":"https://who.int/x","accessed":{"date-parts":[[2020,5,1]]}},
{"id":"d","type":"dataset","title":"Data set title","author":[{"family":"Singh","given":"Priya"}],"issued":{"date-parts":[[2021,4,9]]},"version":"1.2","publisher":"Zenodo","DOI":"10.5281/zenodo.7654321"},
{"id":"e","type":"interview","title":"Interview title","author":[{"family":"Achebe","given":"Chinua"}],"issued":{"date-parts":[[2019,2,3]]},"container-title":"BBC","URL":"https://bbc.co.uk/i","DOI":"10.9999/int.1"},
{"id":"f","type":"speech","title":"Speech title","author":[{"family":"Mandela","given":"Nelson"}],"issued":{"date-parts":[[1994,5,10]]},"event-title":"Inauguration","event-place":"Pretoria","URL":"https://example.org/s","DOI":"10.9999/sp.1"},
{"id":"g","type":"map","title":"Map title","author":[{"family":"Survey","given":"Ordnance"}],"issued":{"date-parts":[[2001,7,4]]},"publisher":"OS","URL":"https://example.org/m","DOI":"10.9999/map.1"},
{"id":"h","type":"broadcast","title":"Broadcast title","author":[{"family":"Attenborough","given":"David"}],"issued":{"date-parts":[[2020,11,12]]},"container-title":"BBC One","URL":"https://example.org/b","DOI":"10.9999/br.1"},
{"id":"i","type":"motion_picture","title":"Film title","author":[{"family":"Sembene","given":"Ousmane"}],"issued":{"date-parts":[[1975,3,4]]},"publisher":"Filmi Domireew","URL":"https://example.org/f","DOI":"10.9999/f.1"},
{"id":"j","type":"song","title":"Podcast title","author":[{"family":"Host","given":"Ann"}],"issued":{"date-parts":[[2021,9,8]]},"container-title":"Pod","URL":"https://example.org/pod","DOI":"10.9999/pod.1"},
{"id":"k","type":"personal_communication","title":"Letter title","author":[{"family":"Writer","given":"Ann"}],"issued":{"date-parts":[[1921,9,8]]},"URL":"https://example.org/let","DOI":"10.9999/let.1"},
{"id":"l","type":"manuscript","title":"Manuscript title","author":[{"family":"Scribe","given":"Ann"}],"issued":{"date-parts":[[1905,1,2]]},"URL":"https://example.org/ms","DOI":"10.9999/ms.1"},
{"id":"m","type":"report","title":"Report title","author":[{"family":"Officer","given":"Ann"}],"issued":{"date-parts":[[2015,1,2]]},"publisher":"WHO","URL":"https://example.org/rep","DOI":"10.9999/rep.1"},
{"id":"n","type":"patent","title":"Patent title","author":[{"family":"Inventor","given":"Ann"}],"issued":{"date-parts":[[2012,6,2]]},"URL":"https://example.org/pat","DOI":"10.9999/pat.1"},
{"id":"o","type":"graphic","title":"Graphic title","author":[{"family":"Artist","given":"Ann"}],"issued":{"date-parts":[[2012,6,3]]},"URL":"https://example.org/g","DOI":"10.9999/g.1"},
{"id":"p","type":"software","title":"Software title","author":[{"family":"Mwangi","given":"Peter"}],"issued":{"date-parts":[[2021,6,7]]},"version":"2.1","publisher":"GitHub","URL":"https://github.com/x/y","DOI":"10.5281/zenodo.1234567"},
{"id":"q","type":"article","title":"Preprint consulted","author":[{"family":"Otieno","given":"Jane"}],"issued":{"date-parts":[[2021,3,5]]},"publisher":"bioRxiv","URL":"https://www.biorxiv.org/content/x","accessed":{"date-parts":[[2021,4,1]]}}
]"#;

#[test]
fn ieee_drops_no_stored_date_or_doi_of_any_kind_of_work() {
    let w = workdir();
    w.import_reading("types.json", TYPES);
    let ieee = w.references("ieee");
    for (title, date, doi) in [
        ("Blog post title", "Aug. 2, 2023", Some("10.9999/blog.1")),
        ("Data set title", "Apr. 9, 2021", Some("10.5281/zenodo.7654321")),
        ("Interview title", "Feb. 3, 2019", Some("10.9999/int.1")),
        ("Speech title", "May 10, 1994", Some("10.9999/sp.1")),
        ("Map title", "Jul. 4, 2001", Some("10.9999/map.1")),
        ("Broadcast title", "Nov. 12, 2020", Some("10.9999/br.1")),
        ("Film title", "Mar. 4, 1975", Some("10.9999/f.1")),
        ("Podcast title", "Sep. 8, 2021", Some("10.9999/pod.1")),
        ("Letter title", "Sep. 8, 1921", Some("10.9999/let.1")),
        ("Manuscript title", "Jan. 2, 1905", Some("10.9999/ms.1")),
        ("Report title", "2015", Some("10.9999/rep.1")),
        ("Patent title", "Jun. 2, 2012", Some("10.9999/pat.1")),
        ("Graphic title", "Jun. 3, 2012", Some("10.9999/g.1")),
        ("Software title", "Jun. 7, 2021", Some("10.5281/zenodo.1234567")),
        ("Post with address", "Jan. 9, 2022", None),
        ("Web page title", "Aug. 2, 2019", None),
        ("Preprint consulted", "Mar. 5, 2021", None),
    ] {
        let r = reference(&ieee, title);
        assert!(r.contains(date), "{title}: no date {date:?} in {r}");
        if let Some(doi) = doi {
            assert!(r.contains(&format!("doi: {doi}")), "{title}: no DOI in {r}");
        }
        // No day with a leading zero anywhere.
        assert!(!r.contains(" 0"), "{title}: a zero-padded day in {r}");
    }
    assert_eq!(
        reference(&ieee, "Post with address"),
        "J. Kamau, “Post with address,” Twitter, Jan. 9, 2022. Accessed: Feb. 3, 2022. [Online]. Available: \
         https://twitter.com/x/1"
    );
    assert_eq!(
        reference(&ieee, "Web page title"),
        "A. Okafor, “Web page title,” WHO, Aug. 2, 2019. Accessed: May 1, 2020. [Online]. Available: \
         https://who.int/x"
    );
    assert_eq!(
        reference(&ieee, "Graphic title"),
        "A. Artist, “Graphic title,” Jun. 3, 2012. doi: 10.9999/g.1. [Online]. Available: https://example.org/g"
    );
    assert_eq!(
        reference(&ieee, "Map title"),
        "O. Survey, “Map title,” OS, Jul. 4, 2001. doi: 10.9999/map.1. [Online]. Available: https://example.org/m"
    );
    assert_eq!(
        reference(&ieee, "Preprint consulted"),
        // IEEE marks a preprint after its repository, "bioRxiv, preprint" (tester r111 F9, r111).
        "J. Otieno, “Preprint consulted,” Mar. 5, 2021, bioRxiv, preprint. Accessed: Apr. 1, 2021. [Online]. Available: \
         https://www.biorxiv.org/content/x"
    );
}

#[test]
fn ieee_software_keeps_its_version() {
    let w = workdir();
    w.import_reading(
        "sw.bib",
        "@software{canonr, author = {Mwangi, Peter}, title = {Canonr}, version = {2.1}, year = {2021},\n\
         month = jun, publisher = {GitHub}, doi = {10.5281/zenodo.1234567}}\n",
    );
    w.import_reading(
        "sw.json",
        r#"[{"id":"s","type":"software","title":"Outbreak simulator","author":[{"family":"Banda","given":"Grace"}],"issued":{"date-parts":[[2020,1,5]]},"version":"v3.0.1","publisher":"Zenodo","DOI":"10.5281/zenodo.7000001"}]"#,
    );
    let list = w.reading_list();
    assert_eq!(text(reading(&list, "Canonr"), "edition"), Some("Version 2.1"));
    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Canonr"),
        "P. Mwangi, Canonr (Version 2.1) [Computer software]. (Jun. 2021). GitHub. doi: 10.5281/zenodo.1234567."
    );
    assert_eq!(
        reference(&ieee, "Outbreak simulator"),
        // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
        "G. Banda, Outbreak Simulator (Version 3.0.1) [Computer software]. (Jan. 5, 2020). Zenodo. doi: \
         10.5281/zenodo.7000001."
    );
}

#[test]
fn ieee_access_dates_have_no_leading_zero() {
    let w = workdir();
    w.import_reading(
        "web.csv",
        "title,authors,year,type,container,url,accessed\n\
         Malaria fact sheet,World Health Organization,2023,web,WHO,https://www.who.int/news-room/fact-sheets/detail/malaria,2024-03-05\n\
         Tuberculosis profile,World Health Organization,2022,web,WHO,https://www.who.int/tb,2020-05-01\n",
    );
    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Malaria fact sheet"),
        "World Health Organization, “Malaria fact sheet,” WHO, 2023. Accessed: Mar. 5, 2024. [Online]. Available: \
         https://www.who.int/news-room/fact-sheets/detail/malaria"
    );
    assert_eq!(
        reference(&ieee, "Tuberculosis profile"),
        "World Health Organization, “Tuberculosis profile,” WHO, 2022. Accessed: May 1, 2020. [Online]. Available: \
         https://www.who.int/tb"
    );
    // A title's own "05" is the title's.
    w.import_reading(
        "t.csv",
        "title,authors,year,type,container,url,accessed\n\
         Report of May 05 2020,\"Otieno, Jane\",2021,web,WHO,https://www.who.int/r,2024-03-05\n",
    );
    let r = w.references("ieee");
    assert_eq!(
        reference(&r, "Report of May"),
        "J. Otieno, “Report of May 05 2020,” WHO, 2021. Accessed: Mar. 5, 2024. [Online]. Available: \
         https://www.who.int/r"
    );
}
