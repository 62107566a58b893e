//! Issue 12l: the PubMed identifier (PMID) as a field, through the real
//! binary: read from every format that has it (validated), matched as a DOI
//! is, carried by export/show/edit/report, cited by NLM from the field, filled
//! by the migration from an older database; and URLs printed as stored.

mod common;

use common::{Workdir, reading};
use serde_json::Value;

#[test]
fn every_format_gives_its_pmid() {
    let files: &[(&str, &str, &str)] = &[
        ("a.nbib", "PMID- 31234567\nTI  - From MEDLINE.\nDP  - 2019\nJT  - BMJ\n", "From MEDLINE"),
        (
            "b.ris",
            "TY  - JOUR\nTI  - From EndNote RIS\nPY  - 2018\nAN  - 29000001\nDB  - PubMed\nER  - \n",
            "From EndNote RIS",
        ),
        ("c.bib", "@article{k, title={From BibTeX}, year={2017}, pmid={28000002}}\n", "From BibTeX"),
        (
            "d.bib",
            "@article{k, title={From BibLaTeX}, year={2017}, eprint={28000003}, eprinttype={pubmed}}\n",
            "From BibLaTeX",
        ),
        ("e.json", r#"[{"id":"x","type":"article-journal","title":"From CSL","PMID":"27000004"}]"#, "From CSL"),
        (
            "f.xml",
            "<xml><records><record><rec-number>1</rec-number><ref-type name=\"Journal Article\">17</ref-type>\
             <titles><title>From EndNote XML</title></titles><dates><year>2016</year></dates>\
             <accession-num>26000005</accession-num><remote-database-provider>NLM</remote-database-provider>\
             </record></records></xml>",
            "From EndNote XML",
        ),
        ("g.csv", "title,year,PubMed ID\nFrom a spreadsheet,2015,25000006\n", "From a spreadsheet"),
    ];
    let w = Workdir::new();
    for (name, text, _) in files {
        let out = w.ok_stderr(&["import", "reading", w.write(name, text).to_str().unwrap()]);
        assert!(!out.contains("AN") || !out.contains("not stored"), "{name}: {out}");
    }
    let l = w.reading_list();
    let want = ["31234567", "29000001", "28000002", "28000003", "27000004", "26000005", "25000006"];
    for ((_, _, title), pmid) in files.iter().zip(want) {
        assert_eq!(reading(&l, title)["pmid"], pmid, "{title}");
    }
    // Another database's accession number is not a PMID, and is named as not stored.
    let w = Workdir::new();
    let ris =
        w.write("o.ris", "TY  - JOUR\nTI  - From Scopus\nPY  - 2018\nAN  - SCOPUS_ID:8500\nDB  - Scopus\nER  - \n");
    let err = w.ok_stderr(&["import", "reading", ris.to_str().unwrap()]);
    assert!(err.contains("AN"), "{err}");
    assert_eq!(w.reading_list()[0]["pmid"], Value::Null);
}

#[test]
fn a_pmid_that_is_not_digits_is_refused_naming_file_line_and_column() {
    let w = Workdir::new();
    let csv = w.write("bad.csv", "title,year,pmid\nFine,2020,123\nBad,2020,12a4\n");
    let err = w.fails(&["import", "reading", csv.to_str().unwrap()]);
    assert!(err.contains("bad.csv") && err.contains("3:3") && err.contains("\"12a4\""), "{err}");
    assert!(err.contains("digits only"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0, "nothing written");
    let bib = w.write("bad.bib", "@article{k,\n  title={T},\n  pmid={PMC123}\n}\n");
    let err = w.fails(&["import", "reading", bib.to_str().unwrap()]);
    assert!(err.contains("bad.bib") && err.contains(":3:") && err.contains("PMC123"), "{err}");
    // "PMID: 123" and leading zeros are the same PMID.
    let csv = w.write("ok.csv", "title,year,pmid\nPrefixed,2020,PMID: 00123\n");
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    assert_eq!(w.reading_list()[0]["pmid"], "123");
}

#[test]
fn the_same_pmid_is_the_same_work_and_two_dois_for_one_pmid_are_refused() {
    let w = Workdir::new();
    let csv = w.write("mine.csv", "title,year,pmid,notes\nRace correction,2019,31234567,Read for week 3\n");
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    // The PubMed record (another title form, a DOI) merges into the entry: richer, nothing lost.
    let nbib = w.write(
        "p.nbib",
        "PMID- 31234567\nTI  - Race correction in pulmonary function testing.\nDP  - 2019\nJT  - BMJ\nAID - 10.1/abc [doi]\n",
    );
    let err = w.ok_stderr(&["import", "reading", nbib.to_str().unwrap()]);
    assert!(err.contains("1 changed"), "{err}");
    let l = w.reading_list();
    assert_eq!(l.as_array().unwrap().len(), 1, "{l:#}");
    assert_eq!((l[0]["doi"].as_str(), l[0]["annotation"].as_str()), (Some("10.1/abc"), Some("Read for week 3")));
    // A record without a PMID never clears it.
    let csv = w.write("no.csv", "title,year,doi\nRace correction in pulmonary function testing,2019,10.1/abc\n");
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    assert_eq!(w.reading_list()[0]["pmid"], "31234567");
    // The same PMID with another DOI: one of them is mistyped; nothing written.
    let csv = w.write("clash.csv", "title,year,pmid,doi\nSomething,2019,31234567,10.9/other\n");
    let err = w.fails(&["import", "reading", csv.to_str().unwrap()]);
    assert!(err.contains("clash.csv") && err.contains("31234567") && err.contains("10.9/other"), "{err}");
    // The same DOI with another PMID: the same refusal.
    let csv =
        w.write("clash2.csv", "title,year,pmid,doi\nRace correction in pulmonary function testing,2019,999,10.1/abc\n");
    let err = w.fails(&["import", "reading", csv.to_str().unwrap()]);
    assert!(err.contains("clash2.csv") && err.contains("999") && err.contains("31234567"), "{err}");
    assert_eq!(w.reading_list()[0]["pmid"], "31234567");
}

#[test]
fn export_show_edit_and_report_carry_the_pmid() {
    let w = Workdir::new();
    let nbib = w.write(
        "p.nbib",
        "PMID- 31234567\nTI  - Race correction in spirometry.\nFAU - Mensah, Kofi A\nDP  - 2019\nJT  - Thorax\nTA  - Thorax\nVI  - 74\nPG  - 1-9\n",
    );
    w.ok(&["import", "reading", nbib.to_str().unwrap()]);
    let id = w.reading_list()[0]["id"].as_i64().unwrap().to_string();
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains("pmid") && show.contains("31234567"), "{show}");
    // The export has a pmid column, and reads back into a new database.
    let text = w.ok(&["export", "reading", "--format", "csv"]);
    let exported = w.write("x.csv", &text);
    // After the older columns (later issues add theirs after it), so that
    // scripts reading the older columns by position keep working.
    assert!(text.lines().next().unwrap().contains(",perspective,pmid,"), "{text}");
    assert!(text.lines().nth(1).unwrap().contains(",31234567,"), "{text}");
    let other = Workdir::new();
    other.ok(&["import", "reading", exported.to_str().unwrap()]);
    assert_eq!(other.reading_list()[0]["pmid"], "31234567");
    // Cited by NLM from the field: print form, "PubMed PMID".
    let report = w.path("r.json");
    w.ok(&["report", report.to_str().unwrap(), "--style", "vancouver"]);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let rows = json["readings"].as_array().expect("readings table");
    let row = &rows[0];
    assert_eq!(row["pmid"], "31234567", "{row:#}");
    let reference = row["reference"].as_str().unwrap();
    assert!(reference.contains("PubMed PMID: 31234567") && !reference.contains("[Internet]"), "{reference}");
    // Edit: validated, undoable, shown in the history.
    let err = w.fails(&["reading", "edit", &id, "--pmid", "abc", "--by", "Ama"]);
    assert!(err.contains("\"abc\" is not a PubMed ID"), "{err}");
    let change = w.ok(&["reading", "edit", &id, "--pmid", "7654321", "--by", "Ama"]).trim().to_string();
    assert_eq!(w.reading_list()[0]["pmid"], "7654321");
    w.ok(&["undo", &change, "--by", "Ama"]);
    assert_eq!(w.reading_list()[0]["pmid"], "31234567");
    w.ok(&["reading", "edit", &id, "--pmid", "", "--by", "Ama"]);
    assert_eq!(w.reading_list()[0]["pmid"], Value::Null);
}

#[test]
fn urls_are_cited_as_stored() {
    let w = Workdir::new();
    let csv = w.write(
        "u.csv",
        "title,authors,year,type,url\nA web page,\"Zulu, J\",2020,web,https://e.org\nB page,\"Zulu, J\",2021,web,HTTP://Example.org/a/b?x=1\n",
    );
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    for style in ["apa", "vancouver", "harvard", "chicago"] {
        let out = w.path(&format!("{style}.csv"));
        w.ok(&["report", out.to_str().unwrap(), "--style", style]);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("https://e.org") && !text.contains("https://e.org/"), "{style}: {text}");
        assert!(text.contains("HTTP://Example.org/a/b?x=1"), "{style}: {text}");
    }
}

#[test]
fn an_older_database_gets_its_pmids_from_pubmed_urls_and_canons_notes() {
    let w = Workdir::new();
    let csv = w.write(
        "old.csv",
        "title,year,url,notes\n\
         Via new URL,2019,https://pubmed.ncbi.nlm.nih.gov/31234567/,\n\
         Via old URL,2018,http://www.ncbi.nlm.nih.gov/pubmed/29000001,mine\n\
         Via notes,2020,,PMID: 32853499\n\
         Not PubMed,2020,https://example.org/31234567,PMID is unknown\n",
    );
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    // Make it the database canon wrote at schema 11 (0015_pmid is the pmid
    // column; 0016 added month_end and series after it, 0018 genre, 0022
    // day_end and season_end, whose checks name month_end: dropped first).
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        // An import no longer stores PubMed's page for a record as the
        // work's address (tester r35 F2); an older canon did: put back.
        c.execute_batch(
            "UPDATE reading SET url = 'https://pubmed.ncbi.nlm.nih.gov/31234567/' WHERE title = 'Via new URL'; \
             UPDATE reading SET url = 'http://www.ncbi.nlm.nih.gov/pubmed/29000001' WHERE title = 'Via old URL';",
        )
        .unwrap();
        c.execute_batch(
            &(common::WITHOUT_MODULE_INDEX.to_string()
                + "DROP INDEX reading_pmcid; DROP INDEX reading_eprint; ALTER TABLE reading DROP COLUMN pmcid; ALTER TABLE reading DROP COLUMN eprint; ALTER TABLE reading DROP COLUMN event; ALTER TABLE reading DROP COLUMN event_place; ALTER TABLE reading DROP COLUMN event_date; ALTER TABLE reading DROP COLUMN archive; ALTER TABLE reading DROP COLUMN archive_location; ALTER TABLE reading DROP COLUMN editors_truncated; DROP TABLE reading_other_isbn; ALTER TABLE reading DROP COLUMN year_end_month; ALTER TABLE reading DROP COLUMN year_end; \
             ALTER TABLE reading DROP COLUMN accessed; ALTER TABLE reading DROP COLUMN original_year; DROP TABLE reading_translator; \
             ALTER TABLE reading DROP COLUMN original_title; ALTER TABLE reading DROP COLUMN volume_title; \
             ALTER TABLE reading DROP COLUMN number_of_volumes; ALTER TABLE reading DROP COLUMN type_inferred; \
             ALTER TABLE reading DROP COLUMN page_count; ALTER TABLE reading DROP COLUMN series_number; \
             ALTER TABLE reading DROP COLUMN day_end; ALTER TABLE reading DROP COLUMN season_end; \
             ALTER TABLE reading DROP COLUMN date_copyright; ALTER TABLE reading DROP COLUMN genre; \
             ALTER TABLE reading DROP COLUMN month_end; ALTER TABLE reading DROP COLUMN series; \
             DROP INDEX reading_pmid; ALTER TABLE reading DROP COLUMN pmid; PRAGMA user_version = 11;"),
        )
        .unwrap();
        let cols: i64 = c
            .query_row("SELECT count(*) FROM pragma_table_info('reading') WHERE name = 'pmid'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(cols, 0, "the fixture has no pmid column");
    }
    assert_eq!(w.count("PRAGMA user_version"), 11);
    let check = w.ok(&["check"]);
    // 25 since 0024 (12e), 0025 (13e's seed keywords), 0026 (the access date),
    // 0027 (the folded title key) and 0028 (the original year); 26 since 0029 (the translators);
    // 27 since 0030 (the original title); 28 since 0031 (its search); 29
    // since 0032 (the volume's own title); 30 since 0033 (the number of volumes); 31 since 0034 (a
    // type stated or inferred); 32 since 0035 (an ISBN per volume of a set); 33 since 0036 (the
    // end year of a range across a year end); 34 since 0037 (a book's other ISBNs); 35 since 0038 (editors et al.); 36 since 0039 (archives);
    // 37 since 0040 (a paper's event); 38 since 0041 (PMCID and e-print); 39 since 0042 (conflict numbers; legal
    // material as other).
    assert!(check.contains("(this canon writes 39)"), "{check}");
    assert_eq!(w.count("PRAGMA user_version"), 39);
    let l = w.reading_list();
    let got = |t: &str| reading(&l, t)["pmid"].as_str().map(str::to_string);
    assert_eq!(got("Via new URL").as_deref(), Some("31234567"));
    assert_eq!(got("Via old URL").as_deref(), Some("29000001"));
    assert_eq!(got("Via notes").as_deref(), Some("32853499"));
    assert_eq!(got("Not PubMed"), None);
    // URL and notes are kept as they were.
    assert_eq!(reading(&l, "Via new URL")["url"], "https://pubmed.ncbi.nlm.nih.gov/31234567/");
    assert_eq!(reading(&l, "Via notes")["annotation"], "PMID: 32853499");
    // And the stored PMID now matches a MEDLINE re-import: no second entry.
    let nbib = w.write("p.nbib", "PMID- 29000001\nTI  - Via old URL, as PubMed titles it.\nDP  - 2018\n");
    w.ok(&["import", "reading", nbib.to_str().unwrap()]);
    assert_eq!(w.reading_list().as_array().unwrap().len(), 4);
}
