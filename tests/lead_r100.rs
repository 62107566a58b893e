//! Fresh tester r100: a list's "dataset", "Preprint" or "Letter" type
//! refused the whole file, or (Talis) was stored as a book (F2, F10);
//! Talis "Date Accessed" was not read (F1); identifiers in common shapes
//! were refused (F6: a PubMed address, `urn:isbn:`, "ISBN-13:"); a sheet's
//! one "DOI / link" column lost a bare DOI or refused a link (F7).

mod common;
use common::*;

fn field(list: &serde_json::Value, title: &str, k: &str) -> Option<String> {
    reading(list, title)[k].as_str().map(String::from)
}

#[test]
fn a_type_that_is_a_genre_is_read_as_its_type_and_genre() {
    let w = workdir();
    let err = w.import_reading(
        "ds.csv",
        "title,authors,year,type,doi,url,publisher\n\
         GBD results,Institute for Health Metrics and Evaluation,2020,dataset,10.6069/1D4Y-YQ37,https://ghdx.healthdata.org/gbd-2019,IHME\n\
         Ethical ML,\"Chen, Irene Y.\",2020,Preprint,,https://arxiv.org/abs/2009.10576,arXiv\n\
         A letter,\"Osei, Ama\",2019,Letter,,,\n\
         Soft,\"Osei, Ama\",2019,software,,,\n\
         Data two,\"Osei, Ama\",2019,data set,,,\n",
    );
    assert!(err.contains("5 new"), "{err}");
    let list = w.reading_list();
    for (t, kind, genre) in [
        ("GBD results", "other", "Data set"),
        ("Ethical ML", "article", "Preprint"),
        ("A letter", "article", "Letter"),
        ("Soft", "other", "Computer software"),
        ("Data two", "other", "Data set"),
    ] {
        assert_eq!(field(&list, t, "type").as_deref(), Some(kind), "{t}");
        assert_eq!(field(&list, t, "genre").as_deref(), Some(genre), "{t}");
    }
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "GBD results"),
        "Institute for Health Metrics and Evaluation. (2020). GBD results [Data set]. IHME. https://doi.org/10.6069/1D4Y-YQ37"
    );
    assert_eq!(
        reference(&apa, "Ethical ML"),
        "Chen, I. Y. (2020). Ethical ML [Preprint]. arXiv. https://arxiv.org/abs/2009.10576"
    );
    // A word that names nothing is still refused, naming the cell.
    let p = w.write("bad.csv", "title,authors,year,type\nX,\"A, B\",2020,gobbledygook\n");
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("bad.csv:2:4: unknown type \"gobbledygook\""), "{err}");
}

#[test]
fn talis_reads_data_sets_preprints_and_access_dates() {
    let w = workdir();
    let err = w.import_reading(
        "talis.csv",
        "Item Link,Title,Authors,Date of Publication,Resource Type,Web Address,Publisher,Date Accessed\n\
         http://l/1,GBD 2019 results,Institute for Health Metrics and Evaluation,2020,Dataset,https://ghdx.healthdata.org/gbd-2019,IHME,2024-03-05\n\
         http://l/2,Ethical machine learning in health care,\"Chen, Irene Y.\",2020,Preprint,https://arxiv.org/abs/2009.10576,arXiv,5 March 2024\n",
    );
    assert!(!err.contains("not one canon knows"), "{err}");
    assert!(err.contains("\"Date Accessed\" → accessed"), "{err}");
    let list = w.reading_list();
    assert_eq!(field(&list, "GBD", "type").as_deref(), Some("other"));
    assert_eq!(field(&list, "GBD", "genre").as_deref(), Some("Data set"));
    assert_eq!(field(&list, "GBD", "accessed").as_deref(), Some("2024-03-05"));
    assert_eq!(field(&list, "Ethical", "type").as_deref(), Some("article"));
    assert_eq!(field(&list, "Ethical", "genre").as_deref(), Some("Preprint"));
    assert_eq!(field(&list, "Ethical", "accessed").as_deref(), Some("2024-03-05"));
    let v = w.references("vancouver");
    assert!(reference(&v, "GBD").contains("[cited 2024 Mar 5]"), "{v:?}");
}

#[test]
fn identifiers_in_their_common_shapes_are_read() {
    let w = workdir();
    let err = w.import_reading(
        "ids.csv",
        "title,authors,year,type,pmid,isbn\n\
         Work B,\"Doe, B\",2020,article,https://pubmed.ncbi.nlm.nih.gov/31649194/,\n\
         Work C,\"Doe, C\",2020,article,www.ncbi.nlm.nih.gov/pubmed/31649195,\n\
         Work H,\"Doe, H\",2020,book,,ISBN-13: 9780198803584\n\
         Work J,\"Doe, J\",2020,book,,urn:isbn:9781844672547\n\
         Work K,\"Doe, K\",2020,book,,ISBN-10: 0-19-852663-6\n",
    );
    assert!(!err.contains("not a valid ISBN"), "{err}");
    assert!(!err.contains("not stored"), "{err}");
    let list = w.reading_list();
    assert_eq!(field(&list, "Work B", "pmid").as_deref(), Some("31649194"));
    assert_eq!(field(&list, "Work C", "pmid").as_deref(), Some("31649195"));
    assert!(field(&list, "Work H", "isbn").unwrap().replace('-', "").ends_with("9780198803584"));
    assert!(field(&list, "Work J", "isbn").unwrap().replace('-', "").ends_with("9781844672547"));
    assert!(field(&list, "Work K", "isbn").unwrap().replace('-', "").contains("0198526636"));
    // Another site's address is still no PMID, and an ISBN's bad check digit is still refused.
    let p = w.write(
        "bad.csv",
        "title,authors,year,type,pmid,isbn\nX,\"A, B\",2020,article,https://example.org/31649194,\nY,\"A, C\",2020,book,,urn:isbn:9781844672548\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("bad.csv:2:5: pmid"), "{err}");
    assert!(err.contains("bad.csv:3:6: isbn"), "{err}");
}

#[test]
fn one_doi_or_link_column_keeps_each_value_where_it_belongs() {
    let rows = "title,authors,year,type,link,container\n\
         Hidden in plain sight,\"Vyas, D\",2020,article,https://doi.org/10.1056/NEJMms2004740,N Engl J Med\n\
         Ethnicity report,Public Health England,2020,report,https://www.gov.uk/report,\n\
         Pulse oximetry bias,\"Sjoding, M\",2020,article,10.1056/NEJMc2029240,N Engl J Med\n\
         Prefixed,\"Sjoding, M\",2021,article,doi:10.1056/NEJMc2029241,N Engl J Med\n";
    for column in ["doi", "url"] {
        let w = workdir();
        let p = w.write("l.csv", rows);
        let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--map", &format!("link={column}")]);
        assert!(err.contains("4 new"), "{column}: {err}");
        let list = w.reading_list();
        assert_eq!(field(&list, "Hidden", "doi").as_deref(), Some("10.1056/NEJMms2004740"), "{column}");
        assert_eq!(field(&list, "Ethnicity", "url").as_deref(), Some("https://www.gov.uk/report"), "{column}");
        assert_eq!(field(&list, "Ethnicity", "doi"), None, "{column}");
        assert_eq!(field(&list, "Pulse", "doi").as_deref(), Some("10.1056/NEJMc2029240"), "{column}");
        assert_eq!(field(&list, "Pulse", "url"), None, "{column}");
        assert_eq!(field(&list, "Prefixed", "doi").as_deref(), Some("10.1056/NEJMc2029241"), "{column}");
        if column == "doi" {
            assert!(err.contains("l.csv:3:5: warning: doi \"https://www.gov.uk/report\" is a web address, not a DOI: stored as the url"), "{err}");
        } else {
            assert!(
                err.contains(
                    "l.csv:4:5: warning: url \"10.1056/NEJMc2029240\" is a DOI, not a web address: stored as the DOI"
                ),
                "{err}"
            );
        }
    }
    // A link in the DOI column beside the row's own URL is still refused.
    let w = workdir();
    let p =
        w.write("two.csv", "title,authors,year,type,doi,url\nX,\"A, B\",2020,report,https://a.org/x,https://b.org/y\n");
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("two.csv:2:5: doi \"https://a.org/x\" is not a DOI"), "{err}");
}
