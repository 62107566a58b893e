//! Tester r90 F4, F2, F6: an identifier written with the punctuation of
//! the sentence or list around it (PubMed's citation tail "PMID: 32853499;
//! PMCID: PMC7480021.") is read without it in every format, and a note's
//! "PMID:" that is no PMID stays in the note, said, never refusing the
//! file; the warning for two institutions joined by "&" names the names as
//! stored; MLA prints a report's number in a series with its series.
mod common;
use common::*;

/// (pmid, doi, isbn, annotation) of the reading titled `title`, "" for none.
fn ids(list: &serde_json::Value, title: &str) -> [String; 4] {
    let r = reading(list, title);
    let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
    [s("pmid"), s("doi"), s("isbn"), s("annotation")]
}

fn four(pmid: &str, doi: &str, isbn: &str, note: &str) -> [String; 4] {
    [pmid.into(), doi.into(), isbn.into(), note.into()]
}

const BIB: &str = r#"@article{p1, author = {Vyas, Darshali A.}, title = {Hidden in plain sight}, journal = {N Engl J Med}, year = {2020}, volume = {383}, pages = {874--882}, note = {PMID: 32853499; PMCID: PMC7480021.}}
@article{p2, author = {Osei, Jane}, title = {Another good one}, journal = {BMJ}, year = {2021}}
@article{p3, author = {Osei, Jane}, title = {Pmid field with a stop}, journal = {BMJ}, year = {2021}, pmid = {22222222.}}
@article{p4, author = {Osei, Jane}, title = {Eprint with a semicolon}, journal = {BMJ}, year = {2021}, eprint = {33333333;}, eprinttype = {pubmed}}
@article{p5, author = {Osei, Jane}, title = {Note pmid then comma}, journal = {BMJ}, year = {2021}, note = {PMID: 44444444, see also the editorial}}
@article{p6, author = {Osei, Jane}, title = {Note doi with a stop}, journal = {BMJ}, year = {2021}, note = {DOI: 10.1136/bmj.n71.; read this}}
@book{p7, author = {Osei, Jane}, title = {Isbn with a stop}, publisher = {Routledge}, year = {2021}, isbn = {978-0-306-40615-7.}}
@article{p8, author = {Osei, Jane}, title = {Note pmid pending}, journal = {BMJ}, year = {2021}, note = {PMID: pending}}
"#;

/// F4: BibTeX `note`, `pmid`, `eprint` and `isbn` with trailing
/// punctuation; a note's "PMID:" that is no PMID kept in the note, said.
#[test]
fn f4_bibtex_identifiers_with_trailing_punctuation_are_read() {
    let w = Workdir::new();
    let err = w.import_reading("pmidnote.bib", BIB);
    assert!(err.contains("pmidnote.bib: readings: 8 new, 0 changed"), "{err}");
    assert!(!err.contains("is not a PubMed ID; expected"), "{err}");
    assert!(
        err.contains(
            "pmidnote.bib:8:98: warning: in entry `p8`: note \"PMID: pending\": \"pending\" is not a PubMed ID (digits \
             only, as 31234567); kept in the note, not read as the PMID"
        ),
        "{err}"
    );
    let list = w.reading_list();
    // (b102: the note's PMCID is the PMCID since schema 0041, no longer kept in the note.)
    assert_eq!(ids(&list, "Hidden in plain sight"), four("32853499", "", "", ""));
    assert_eq!(reading(&list, "Hidden in plain sight")["pmcid"], "PMC7480021");
    assert_eq!(ids(&list, "Another good one"), four("", "", "", ""));
    assert_eq!(ids(&list, "Pmid field with a stop"), four("22222222", "", "", ""));
    assert_eq!(ids(&list, "Eprint with a semicolon"), four("33333333", "", "", ""));
    assert_eq!(ids(&list, "Note pmid then comma"), four("44444444", "", "", "see also the editorial"));
    assert_eq!(ids(&list, "Note doi with a stop"), four("", "10.1136/bmj.n71", "", "read this"));
    assert_eq!(ids(&list, "Isbn with a stop"), four("", "", "9780306406157", ""));
    assert_eq!(ids(&list, "Note pmid pending"), four("", "", "", "PMID: pending"));
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Hidden in plain sight"),
        "Vyas DA. Hidden in plain sight. N Engl J Med. 2020;383:874-82. PubMed PMID: 32853499; PubMed Central PMCID: PMC7480021."
    );
}

const RIS: &str = "TY  - JOUR
AU  - Osei, Jane
TI  - Ahead ris F
T2  - BMJ Glob Health
PY  - 2023
N1  - PMID: 22222222. Epub 2023 Nov 4.
ER  - 

TY  - JOUR
AU  - Osei, Jane
TI  - Ris semicolon
T2  - BMJ
PY  - 2022
N1  - PMID: 11111111; Epub ahead of print
ER  - 

TY  - JOUR
AU  - Osei, Jane
TI  - Ris accession
T2  - BMJ
PY  - 2023
AN  - PMID: 55555555.
N1  - Available at: https://example.org/r1. Accessed 2024-01-02.
ER  - 

TY  - BOOK
AU  - Osei, Jane
TI  - Ris serial
PB  - Routledge
PY  - 2023
SN  - 978-0-306-40615-7;
N1  - DOI: pending
ER  - 
";

/// F4: RIS `N1`, `AN`, `SN`; an address before "Accessed" loses the
/// sentence's full stop; a note's "DOI:" that is no DOI is said.
#[test]
fn f4_ris_identifiers_with_trailing_punctuation_are_read() {
    let w = Workdir::new();
    let err = w.import_reading("ep4.ris", RIS);
    assert!(err.contains("ep4.ris: readings: 4 new, 0 changed"), "{err}");
    assert!(
        err.contains(
            "ep4.ris:32:7: warning: in the record starting at line 26: note \"DOI: pending\": \"pending\" is not a DOI \
             (the form 10.1234/abc); kept in the note, not read as the DOI"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(ids(&list, "Ahead ris F"), four("22222222", "", "", "Epub 2023 Nov 4."));
    assert_eq!(ids(&list, "Ris semicolon"), four("11111111", "", "", ""));
    assert_eq!(reading(&list, "Ris semicolon")["year_note"], "ahead of print");
    assert_eq!(ids(&list, "Ris accession"), four("55555555", "", "", ""));
    assert_eq!(reading(&list, "Ris accession")["url"], "https://example.org/r1");
    assert_eq!(reading(&list, "Ris accession")["accessed"], "2024-01-02");
    assert_eq!(ids(&list, "Ris serial"), four("", "", "9780306406157", "DOI: pending"));
}

/// F4: CSL-JSON `note` and `PMID`/`DOI`, EndNote XML `notes` and
/// `accession-num`, and a CSV's columns, each with trailing punctuation.
#[test]
fn f4_other_formats_read_identifiers_with_trailing_punctuation() {
    let w = Workdir::new();
    let csl = r#"[{"id":"a","type":"article-journal","title":"Csl note","author":[{"family":"Osei","given":"Jane"}],"container-title":"BMJ","issued":{"date-parts":[[2020]]},"note":"PMID: 66666666; PMCID: PMC1234567."},
 {"id":"b","type":"article-journal","title":"Csl fields","author":[{"family":"Osei","given":"Jane"}],"container-title":"BMJ","issued":{"date-parts":[[2020]]},"PMID":"77777777.","DOI":"10.1000/xyz."}]"#;
    let err = w.import_reading("c.json", csl);
    assert!(err.contains("c.json: readings: 2 new"), "{err}");
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><ref-type name="Journal Article">17</ref-type><contributors><authors><author>Osei, Jane</author></authors></contributors>
<titles><title>Xml note</title><secondary-title>BMJ</secondary-title></titles><dates><year>2019</year></dates><notes>PMID: 12121212; PMCID: PMC7654321.</notes></record>
<record><ref-type name="Journal Article">17</ref-type><contributors><authors><author>Osei, Jane</author></authors></contributors>
<titles><title>Xml accession</title><secondary-title>BMJ</secondary-title></titles><dates><year>2019</year></dates><accession-num>PMID: 13131313.</accession-num></record>
</records></xml>
"#;
    let err = w.import_reading("e.xml", xml);
    assert!(err.contains("e.xml: readings: 2 new"), "{err}");
    let csv = "title,authors,year,type,pmid,isbn,doi,notes\n\
               Csv one,Osei J,2020,article,88888888.,,10.1000/abc.,PMID: 32853499; PMCID: PMC7480021.\n\
               Csv two,Osei J,2020,book,,978-0-306-40615-7.,,\n";
    let err = w.import_reading("d.csv", csv);
    assert!(err.contains("d.csv: readings: 2 new"), "{err}");
    let list = w.reading_list();
    // (b102: the note's PMCID is the PMCID since schema 0041, no longer kept in the note.)
    assert_eq!(ids(&list, "Csl note"), four("66666666", "", "", ""));
    assert_eq!(reading(&list, "Csl note")["pmcid"], "PMC1234567");
    assert_eq!(ids(&list, "Csl fields"), four("77777777", "10.1000/xyz", "", ""));
    assert_eq!(ids(&list, "Xml note"), four("12121212", "", "", ""));
    assert_eq!(reading(&list, "Xml note")["pmcid"], "PMC7654321");
    assert_eq!(ids(&list, "Xml accession"), four("13131313", "", "", ""));
    assert_eq!(ids(&list, "Csv one"), four("88888888", "10.1000/abc", "", "PMID: 32853499; PMCID: PMC7480021."));
    assert_eq!(ids(&list, "Csv two"), four("", "", "9780306406157", ""));
}

/// F2: the warning for two institutions joined by "&" names the two names
/// as stored, whole, and its braces hold the whole names; the same in the
/// other order, in German and Spanish, and after a person.
#[test]
fn f2_two_institutions_warning_names_the_stored_names_whole() {
    let w = Workdir::new();
    let inserm = "Institut national de la santé et de la recherche médicale (Inserm)";
    let rows = [
        ("J1", format!("Institut Pasteur & {inserm}"), vec!["Institut Pasteur", inserm], "&"),
        ("J2", format!("{inserm} & Institut Pasteur"), vec![inserm, "Institut Pasteur"], "&"),
        (
            "J3",
            "Robert Koch-Institut und Bundesministerium für Arbeit und Soziales".to_string(),
            vec!["Robert Koch-Institut", "Bundesministerium für Arbeit und Soziales"],
            "und",
        ),
        (
            "J4",
            "Universidad de Chile y Ministerio de Salud y Protección Social".to_string(),
            vec!["Universidad de Chile", "Ministerio de Salud y Protección Social"],
            "y",
        ),
    ];
    let mut csv = "title,authors,year,type,publisher\n".to_string();
    for (t, cell, _, _) in &rows {
        csv.push_str(&format!("{t},\"{cell}\",2021,report,X\n"));
    }
    csv.push_str(&format!("J5,\"Smith J, Institut Pasteur & {inserm}\",2021,report,X\n"));
    let err = w.import_reading("inst.csv", &csv);
    let list = w.reading_list();
    for (i, (t, cell, names, word)) in rows.iter().enumerate() {
        assert_eq!(reading(&list, t)["authors"], serde_json::json!(names), "{t}: {err}");
        let (a, b) = (names[0], names[1]);
        let line = format!(
            "inst.csv:{}:2: warning: authors cell {cell:?} read as 2 institutions joined by {word:?}, {a:?} and {b:?}; \
             if it is one institution's name, write it in braces, {{{a} {word} {b}}}, to keep it whole",
            i + 2
        );
        assert!(err.contains(&line), "{t}: expected\n{line}\nin\n{err}");
    }
    assert_eq!(reading(&list, "J5")["authors"], serde_json::json!(["Smith J", "Institut Pasteur", inserm]));
    let line = format!(
        "inst.csv:6:2: warning: authors cell \"Smith J, Institut Pasteur & {inserm}\" read as 2 institutions joined \
         by \"&\", \"Institut Pasteur\" and \"{inserm}\"; if it is one institution's name, write it in braces, \
         {{Institut Pasteur & {inserm}}}, to keep it whole"
    );
    assert!(err.contains(&line), "expected\n{line}\nin\n{err}");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "J1"), format!("Institut Pasteur; {inserm}. J1. [place unknown]: X; 2021."));
}

/// F6: MLA prints a report's number in a series with its series ("WHO
/// Technical Report Series 986", its series number), and a number of its
/// own capitalised after the title's full stop ("No. 985"); the other
/// styles as before.
#[test]
fn f6_mla_report_number_in_its_series() {
    let w = Workdir::new();
    let csv = "title,authors,year,type,publisher,place,issue,series,series_number,edition,genre\n\
               Technical report,World Health Organization,2010,report,WHO,Geneva,No. 985,WHO Technical Report Series,,,\n\
               Series numbered,World Health Organization,2011,report,WHO,Geneva,,WHO Technical Report Series,986,,\n\
               Both numbers,World Health Organization,2012,report,WHO,Geneva,WHO/IER/1,WHO Technical Report Series,987,,\n\
               Own number,World Health Organization,2013,report,WHO,Geneva,985,,,,\n\
               Social determinants report,World Health Organization,2008,report,WHO,Geneva,WHO/IER/CSDH/08.1,,,,\n";
    // A genre's number stays with the genre ("Working Paper no. 22323").
    let csv = format!(
        "{csv}Working paper one,\"Beta, B.\",2002,report,Pub,London,22323,NBER Working Paper Series,,,Working Paper\n"
    );
    w.import_reading("ed.csv", &csv);
    let list = w.reading_list();
    let r = reading(&list, "Technical report");
    assert_eq!((r["issue"].as_str(), r["series"].as_str()), (Some("985"), Some("WHO Technical Report Series")));
    for style in ["mla", "modern-language-association"] {
        let m = w.references(style);
        assert_eq!(
            reference(&m, "Technical report"),
            // (r95: a report's own number, stored as its issue, is no
            // number in its series, in MLA as in every other style: tester93
            // F9's report numbered 12 was printed "Série B. Textos Básicos de
            // Saúde 12". A number in the series is its series number.)
            "World Health Organization. Technical Report. No. 985, WHO, 2010. WHO Technical Report Series.",
            "{style}"
        );
        assert_eq!(
            reference(&m, "Series numbered"),
            "World Health Organization. Series Numbered. WHO, 2011. WHO Technical Report Series 986."
        );
        assert_eq!(
            reference(&m, "Both numbers"),
            "World Health Organization. Both Numbers. No. WHO/IER/1, WHO, 2012. WHO Technical Report Series 987."
        );
        assert_eq!(reference(&m, "Own number"), "World Health Organization. Own Number. No. 985, WHO, 2013.");
        assert_eq!(
            reference(&m, "Social determinants"),
            "World Health Organization. Social Determinants Report. WHO/IER/CSDH/08.1, WHO, 2008."
        );
        assert_eq!(
            reference(&m, "Working paper one"),
            "Beta, B. Working Paper One. Working Paper no. 22323, Pub, 2002. NBER Working Paper Series."
        );
    }
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Technical report"),
        "World Health Organization. (2010). Technical report (Report No. 985; WHO Technical Report Series). WHO."
    );
}
