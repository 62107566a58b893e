//! Import-side defects from issue 12's acceptance test, each a kind through
//! the real binary: a duplicate never makes a record poorer (a journal's
//! abbreviation, initials, an abbreviated page range or publisher), EndNote's
//! "Edited Book" editors, MEDLINE's own title period and its PMID (an
//! identifier, not a URL), canon's export read into a new database, braced
//! institutions, empty CSL-JSON dates, `&` inside `;`-separated names, URLs
//! kept as written, and a season with a "forthcoming" year.

mod common;

use common::{Workdir, reading};
use serde_json::Value;

const NBIB: &str = "PMID- 32853499
OWN - NLM
TI  - Hidden in Plain Sight - Reconsidering the Use of Race Correction in
      Clinical Algorithms.
PG  - 874-882
LID - 10.1056/NEJMms2004740 [doi]
FAU - Vyas, Darshali A
AU  - Vyas DA
DP  - 2020 Aug 27
PT  - Journal Article
TA  - N Engl J Med
JT  - The New England journal of medicine
VI  - 383
IP  - 9

PMID- 30000002
TI  - Health equity in the U.S.
DP  - 2019
PT  - Journal Article
JT  - Health affairs (Project Hope)
TA  - Health Aff (Millwood)

PMID- 30000003
TI  - Is race a risk factor?
DP  - 2018
PT  - Journal Article
JT  - BMJ
";

#[test]
fn an_abbreviation_or_a_poorer_form_never_replaces_a_fuller_value() {
    let w = Workdir::new();
    let nbib = w.write("pubmed.nbib", NBIB);
    w.ok(&["import", "reading", nbib.to_str().unwrap()]);
    // RIS from another tool: the journal as its abbreviation, initials, pages abbreviated, title in capitals.
    let ris = w.write(
        "dup.ris",
        "TY  - JOUR\nAU  - Vyas, D. A.\nTI  - HIDDEN IN PLAIN SIGHT - RECONSIDERING THE USE OF RACE CORRECTION IN CLINICAL \
         ALGORITHMS\nT2  - N Engl J Med\nPY  - 2020\nSP  - 874\nEP  - 82\nDO  - HTTPS://DOI.ORG/10.1056/nejmms2004740\nER  - \n",
    );
    let err = w.ok_stderr(&["import", "reading", ris.to_str().unwrap()]);
    assert!(err.contains("0 changed, 1 unchanged"), "{err}");
    let l = w.reading_list();
    let a = reading(&l, "Hidden in Plain Sight");
    assert_eq!(a["container"], "The New England journal of medicine");
    assert_eq!(a["container_short"], "N Engl J Med");
    assert_eq!(a["author_names"][0]["given"], "Darshali A", "{a:#}");
    assert_eq!(a["title"], "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms");
    assert_eq!(a["pages"], "874-882");

    // The other way round: a stored abbreviation becomes the abbreviation when the full name comes.
    let w = Workdir::new();
    let ris = w.write(
        "first.ris",
        "TY  - JOUR\nAU  - Osei, K.\nTI  - Race and the spirometer\nT2  - J Med Ethics\nPY  - 2019\nSP  - 201-9\n\
         DO  - 10.1136/x1\nER  - \n\
         TY  - BOOK\nAU  - Fanon, F.\nTI  - A dying colonialism\nPB  - Oxford University Press\nPY  - 1965\nER  - \n",
    );
    w.ok(&["import", "reading", ris.to_str().unwrap()]);
    let csv = w.write(
        "second.csv",
        "title,authors,year,doi,container,pages,type,publisher\n\
         Race and the spirometer,\"Osei, Kwame\",2019,10.1136/x1,Journal of medical ethics,201-209,article,\n\
         A dying colonialism,\"Fanon, Frantz\",1965,,,,book,Oxford Univ Press\n",
    );
    let err = w.ok_stderr(&["import", "reading", csv.to_str().unwrap()]);
    assert!(err.contains("2 changed"), "{err}");
    let l = w.reading_list();
    let a = reading(&l, "Race and the spirometer");
    assert_eq!(a["container"], "Journal of medical ethics");
    assert_eq!(a["container_short"], "J Med Ethics", "the stored abbreviation is kept as the abbreviation");
    assert_eq!(a["pages"], "201-209", "the fuller form of one range");
    assert_eq!(a["author_names"][0]["given"], "Kwame");
    let b = reading(&l, "A dying colonialism");
    assert_eq!(b["publisher"], "Oxford University Press", "an abbreviated publisher never replaces the full name");
    assert_eq!(b["author_names"][0]["given"], "Frantz");
    // What was kept is said in the import's log of changes.
    let log = w.ok(&["log", "--entity", "reading"]);
    assert!(!log.contains("Oxford University Press → Oxford Univ Press"), "{log}");

    // A value that is neither fuller nor poorer is a change, and is reported.
    let other = w.write("other.csv", "title,year,doi,container\nRace and the spirometer,2019,10.1136/x1,Thorax\n");
    let err = w.ok_stderr(&["import", "reading", other.to_str().unwrap()]);
    assert!(err.contains("1 changed"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Race and the spirometer")["container"], "Thorax");
}

#[test]
fn medline_titles_lose_medlines_period_and_the_pmid_is_no_url() {
    let w = Workdir::new();
    let nbib = w.write("pubmed.nbib", NBIB);
    w.ok(&["import", "reading", nbib.to_str().unwrap()]);
    let l = w.reading_list();
    let a = reading(&l, "Hidden in Plain Sight");
    assert_eq!(a["title"], "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms");
    assert_eq!(a["url"], Value::Null, "a PubMed page is not where the work is published");
    assert_eq!(a["pmid"], "32853499", "the PMID is kept as the record's identifier");
    assert_eq!(a["annotation"], Value::Null, "the PMID is a field, not a note");
    assert_eq!(reading(&l, "Health equity")["title"], "Health equity in the U.S.", "an abbreviation's period stays");
    assert_eq!(reading(&l, "Is race")["title"], "Is race a risk factor?");
    // The reference is not an online source.
    let out = w.path("r.csv");
    w.ok(&["report", out.to_str().unwrap(), "--style", "vancouver"]);
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.contains("Clinical Algorithms. N Engl J Med. 2020"), "{report}");
    assert!(!report.contains("[Internet]") && !report.contains("pubmed.ncbi"), "{report}");
    // A person's notes stay when the PubMed record is merged into the entry.
    let w = Workdir::new();
    let csv =
        w.write("mine.csv", "title,year,doi,notes\nHidden in plain sight,2020,10.1056/NEJMms2004740,Read for week 3\n");
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    w.ok(&["import", "reading", w.write("p.nbib", NBIB).to_str().unwrap()]);
    let l = w.reading_list();
    let a = reading(&l, "Hidden in Plain Sight");
    assert_eq!((a["annotation"].as_str(), a["pmid"].as_str()), (Some("Read for week 3"), Some("32853499")));
}

#[test]
fn endnote_edited_books_are_cited_by_their_editors() {
    let w = Workdir::new();
    let xml = w.write(
        "e.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><rec-number>1</rec-number><ref-type name="Edited Book">28</ref-type><contributors><authors><author>Farmer, Paul</author><author>Kim, Jim Yong</author></authors></contributors><titles><title>Reimagining global health</title></titles><dates><year>2013</year></dates><publisher>University of California Press</publisher></record>
<record><rec-number>2</rec-number><ref-type name="Book">6</ref-type><contributors><authors><author>Fanon, Frantz</author></authors></contributors><titles><title>The wretched of the earth</title></titles><dates><year>1961</year></dates></record>
</records></xml>"#,
    );
    w.ok(&["import", "reading", xml.to_str().unwrap()]);
    let l = w.reading_list();
    let e = reading(&l, "Reimagining");
    assert_eq!(e["author_names"].as_array().unwrap().len(), 0, "{e:#}");
    let eds: Vec<&str> = e["editor_names"].as_array().unwrap().iter().map(|n| n["family"].as_str().unwrap()).collect();
    assert_eq!(eds, ["Farmer", "Kim"]);
    assert_eq!(reading(&l, "The wretched")["author_names"][0]["family"], "Fanon");
    let out = w.path("r.csv");
    w.ok(&["report", out.to_str().unwrap(), "--style", "vancouver"]);
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.contains("Farmer P, Kim JY, editors."), "{report}");
}

#[test]
fn an_export_reads_into_a_new_database_as_the_same_records() {
    let w = Workdir::new();
    let bib = w.write(
        "x.bib",
        "@report{moh, author = {{Ministry of Health, Ghana} and {Johnson & Johnson}}, title = {Guidance web page}, \
         year = {2022}, url = {https://example.org}, institution = {MoH}}\n\
         @article{f, author = {Mensah, Jr., Kofi A. and Pieter van der Berg}, title = {Race correction}, \
         journal = {Thorax}, year = {forthcoming}, month = {winter}, volume = {76}, pages = {201--209}}\n\
         @book{b, editor = {Farmer, Paul}, title = {Reimagining global health}, year = {2013}, \
         publisher = {University of California Press}, address = {Berkeley}}\n",
    );
    w.ok(&["import", "reading", bib.to_str().unwrap()]);
    let ex = w.path("ex.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", ex.to_str().unwrap()]);
    let first = std::fs::read_to_string(&ex).unwrap();
    assert!(first.contains("\"{Ministry of Health, Ghana}; {Johnson & Johnson}\""), "{first}");
    assert!(first.contains(",https://example.org,"), "the URL as written: {first}");
    // Into a new database: the ids name nothing there, and the rows are new records.
    let fresh = Workdir::new();
    let err = fresh.ok_stderr(&["import", "reading", ex.to_str().unwrap()]);
    assert!(err.contains("3 new"), "{err}");
    assert!(err.contains("is not a reading in this database: read as a record from another database"), "{err}");
    let again = w.path("again.csv");
    fresh.ok(&["export", "reading", "--format", "csv", "-o", again.to_str().unwrap()]);
    let second = std::fs::read_to_string(&again).unwrap();
    // Equal apart from the id and changed columns.
    let body = |s: &str| -> Vec<String> {
        let mut r = csv::Reader::from_reader(s.as_bytes());
        let mut rows: Vec<String> =
            r.records().map(|x| x.unwrap().iter().skip(2).collect::<Vec<_>>().join("\u{1f}")).collect();
        rows.sort();
        rows
    };
    assert_eq!(body(&first), body(&second));
    let l = fresh.reading_list();
    let m = reading(&l, "Guidance");
    assert_eq!(m["author_names"][0]["literal"], "Ministry of Health, Ghana");
    assert_eq!(m["author_names"][1]["literal"], "Johnson & Johnson");
    let f = reading(&l, "Race correction");
    assert_eq!((f["year_note"].as_str(), f["season"].as_str()), (Some("forthcoming"), Some("winter")));
    assert_eq!(f["author_names"][1]["particle"], "van der");
    // Read again into the first database, the export is its own: nothing changes.
    let err = w.ok_stderr(&["import", "reading", ex.to_str().unwrap()]);
    assert!(err.contains("0 new, 0 changed, 3 unchanged"), "{err}");
    // An id that names another work here (its DOI and title another's) is refused.
    let w2 = Workdir::new();
    w2.ok(&[
        "import",
        "reading",
        w2.write("a.csv", "title,year,doi\nA study of spirometry,2019,10.1/a\n").to_str().unwrap(),
    ]);
    let id = w2.reading_list()[0]["id"].as_i64().unwrap();
    let clash = w2.write("b.csv", format!("id,title,year,doi\nR{id},Colonial medicine in West Africa,1990,10.9/zz\n"));
    let err = w2.fails(&["import", "reading", clash.to_str().unwrap()]);
    assert!(err.contains("remove its id column"), "{err}");
}

#[test]
fn empty_csl_json_dates_are_no_year_and_a_status_says_why() {
    let w = Workdir::new();
    let json = w.write(
        "c.json",
        r#"[{"id": "a", "type": "article-journal", "title": "Forthcoming work", "issued": {"date-parts": [[]]}, "status": "forthcoming"},
 {"id": "b", "type": "book", "title": "Empty string parts", "issued": {"date-parts": [[""]]}},
 {"id": "c", "type": "book", "title": "Empty raw", "issued": {"raw": ""}, "status": "in press"},
 {"id": "d", "type": "book", "title": "Dated", "issued": {"date-parts": [[2020]]}}]"#,
    );
    let err = w.ok_stderr(&["import", "reading", json.to_str().unwrap()]);
    assert!(err.contains("4 new"), "{err}");
    let l = w.reading_list();
    let a = reading(&l, "Forthcoming");
    assert_eq!((a["year"].as_i64(), a["year_note"].as_str()), (None, Some("forthcoming")));
    assert_eq!(reading(&l, "Empty string")["year"], Value::Null);
    assert_eq!(reading(&l, "Empty raw")["year_note"], "in press");
    assert_eq!(reading(&l, "Dated")["year"], 2020);
    // Parts that are there but are not a date are still a clear error.
    let bad = w.write("bad.json", r#"[{"title": "Odd", "issued": {"date-parts": [["soon"]]}}]"#);
    let err = w.fails(&["import", "reading", bad.to_str().unwrap()]);
    assert!(err.contains("soon"), "{err}");
}

#[test]
fn ampersands_inside_semicolon_separated_names_and_urls_as_written() {
    let w = Workdir::new();
    let csv = w.write(
        "n.csv",
        "title,authors,year,url\n\
         Corporate,Johnson & Johnson; Procter & Gamble,2020,https://e.org\n\
         People,\"Achebe, Ngozi; Castillo, Luis & Dlamini, Thabo\",2021,HTTP://Example.org/a/b?x=1\n",
    );
    let err = w.ok_stderr(&["import", "reading", csv.to_str().unwrap()]);
    assert!(!err.contains("Johnson & Johnson\" has"), "no doubt when `;` separates the names: {err}");
    let l = w.reading_list();
    let c = reading(&l, "Corporate");
    let lit: Vec<&str> = c["author_names"].as_array().unwrap().iter().map(|n| n["literal"].as_str().unwrap()).collect();
    assert_eq!(lit, ["Johnson & Johnson", "Procter & Gamble"]);
    assert_eq!(c["url"], "https://e.org", "kept as written, no slash added");
    let p = reading(&l, "People");
    assert_eq!(p["author_names"].as_array().unwrap().len(), 3);
    assert_eq!(p["url"], "HTTP://Example.org/a/b?x=1");
}
