//! Tester r33 (F2, F4, F5, F7) and r34 #1, through the binary: a month
//! that is none said in every format, "Family Initials" names joined by
//! "and" split into persons, a URL's warning at the URL, an unbraced
//! institution's whole name in the advice, a report's series number kept
//! as the series number.

mod common;

use common::{reading, workdir};

fn families(list: &serde_json::Value, title: &str) -> Vec<(String, String)> {
    reading(list, title)["author_names"]
        .as_array()
        .expect("author names")
        .iter()
        .map(|n| {
            let s = |k: &str| n[k].as_str().unwrap_or_default().to_string();
            (if n["literal"].is_string() { s("literal") } else { s("family") }, s("given"))
        })
        .collect()
}

/// F2: BibTeX `month = {Smarch}`, `{13}`, `{0}` were dropped unsaid; a
/// Zotero "Date" and an EndNote date with a month that is none too; a
/// CSL-JSON month 17 was read as the years 2005 to 2017. Each is said at
/// its value, and the rest of the record is kept.
#[test]
fn a_month_that_is_none_is_said_in_every_format() {
    let w = workdir();
    let err = w.import_reading(
        "m.bib",
        "@article{a, author = {Osei, Ama}, title = {Smarch month}, journal = {BMJ}, year = {2005},\n  \
         month = {Smarch}}\n\
         @article{b, author = {Osei, Ama}, title = {Thirteen month}, journal = {BMJ}, year = {2005},\n  \
         month = {13}, day = {4}}\n\
         @article{c, author = {Osei, Ama}, title = {Zero month}, journal = {BMJ}, year = {2005}, month = {0}}\n\
         @article{d, author = {Osei, Ama}, title = {Winter month}, journal = {BMJ}, year = {2005}, month = {winter}}\n\
         @article{e, author = {Osei, Ama}, title = {April month}, journal = {BMJ}, year = {2005}, month = apr}\n",
    );
    assert!(
        err.contains(
            "m.bib:2:3: warning: in entry `a`: the month in \"Smarch\" not stored: \"Smarch\" is no month's name"
        ),
        "{err}"
    );
    assert!(err.contains("m.bib:4:3: warning: in entry `b`: the month in \"13\" not stored: 13 is no month"), "{err}");
    assert!(err.contains("in entry `b`: day \"4\" not stored: its month is none"), "{err}");
    assert!(err.contains("in entry `c`: the month in \"0\" not stored: 0 is no month"), "{err}");
    assert!(!err.contains("entry `d`") && !err.contains("entry `e`"), "{err}");
    let err = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\"\n\
         \"A1\",\"journalArticle\",\"2005\",\"Osei, Ama\",\"Zotero Smarch\",\"BMJ\",\"Smarch 2005\"\n\
         \"A2\",\"journalArticle\",\"2005\",\"Osei, Ama\",\"Zotero thirteen\",\"BMJ\",\"13/45/2005\"\n\
         \"A3\",\"journalArticle\",\"2005\",\"Osei, Ama\",\"Zotero spring\",\"BMJ\",\"Spring 2005\"\n",
    );
    assert!(
        err.contains("z.csv:2:7: warning: the month in \"Smarch 2005\" not stored: \"Smarch\" is no month's name"),
        "{err}"
    );
    assert!(
        err.contains("z.csv:3:7: warning: the month in \"13/45/2005\" not stored: neither 13 nor 45 is a month"),
        "{err}"
    );
    assert!(!err.contains("z.csv:4:"), "{err}");
    let err = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\n\
         <titles><title>EndNote Smarch</title><secondary-title>BMJ</secondary-title></titles>\n\
         <dates><year>2005</year><pub-dates><date>Smarch 5</date></pub-dates></dates></record></records></xml>\n",
    );
    assert!(
        err.contains("e.xml:3:36: warning: in the record starting at line 1: the month in \"Smarch 5\" not stored"),
        "{err}"
    );
    let err = w.import_reading(
        "m.json",
        r#"[{"id":"a","type":"article-journal","title":"CSL seventeen","container-title":"BMJ","issued":{"date-parts":[[2005,17]]}},
{"id":"b","type":"article-journal","title":"CSL Smarch","container-title":"BMJ","issued":{"date-parts":[[2005,"Smarch"]]}},
{"id":"c","type":"article-journal","title":"CSL spring","container-title":"BMJ","issued":{"date-parts":[[2005,13]]}}]"#,
    );
    assert!(
        err.contains("m.json:1:85: warning: in item `a`: the month in issued [2005, 17] not stored: 17 is no month"),
        "{err}"
    );
    assert!(!err.contains("runs from 2005 to 2017"), "{err}");
    assert!(err.contains("in item `b`: the month in issued [2005, \"Smarch\"] not stored"), "{err}");
    // A reading-list CSV's month column refuses the row, as before.
    let err = w.fails(&["import", "reading", w.write("r.csv", "title,year,month\nCSV 13,2005,13\n").to_str().unwrap()]);
    assert!(err.contains("r.csv:2:3: month \"13\" is not a month"), "{err}");
    let list = w.reading_list();
    for t in [
        "Smarch month",
        "Thirteen month",
        "Zero month",
        "Zotero Smarch",
        "Zotero thirteen",
        "EndNote Smarch",
        "CSL seventeen",
        "CSL Smarch",
    ] {
        let r = reading(&list, t);
        assert_eq!(
            (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()),
            (Some(2005), None, None),
            "{t}: {r:#}"
        );
        assert_eq!(r["container"], "BMJ", "{t}");
    }
    assert_eq!(reading(&list, "Winter month")["season"], "winter");
    assert_eq!(reading(&list, "April month")["month"], 4);
    assert_eq!(reading(&list, "CSL spring")["season"], "spring");
}

/// F4 (r33): "Family Initials" names joined by "and", "&" or `;` are
/// persons in a reading list's and Zotero's author cells; an institution
/// with "and" in its name stays whole; a cell that cannot be told is said.
#[test]
fn vancouver_names_joined_by_and_are_persons() {
    let w = workdir();
    let err = w.import_reading(
        "a.csv",
        "title,authors,year,type\n\
         T1 spaced,Bolnick D A and Fullwiley D and Duster T,2007,article\n\
         T2 joined,Bolnick DA and Fullwiley D and Duster T,2007,article\n\
         T3 ampersand,Bolnick DA & Fullwiley D & Duster T,2007,article\n\
         T4 mixed,Bolnick DA and Fullwiley D & Duster T,2007,article\n\
         T5 initials first,D A Bolnick and D Fullwiley and T Duster,2007,article\n\
         T6 council,Council on Ethical and Judicial Affairs,2007,article\n\
         T7 gates,Bill and Melinda Gates Foundation,2007,article\n\
         T8 unsure,Troy Duster and Duana Fullwiley and Deborah Bolnick,2007,article\n\
         T9 with institution,Bolnick D A and Council on Ethical and Judicial Affairs,2007,article\n",
    );
    let list = w.reading_list();
    for t in ["T1", "T2", "T3", "T4", "T5"] {
        let f: Vec<String> = families(&list, t).into_iter().map(|(f, _)| f).collect();
        assert_eq!(f, ["Bolnick", "Fullwiley", "Duster"], "{t}");
    }
    assert_eq!(families(&list, "T2")[0].1, "D. A.");
    assert_eq!(families(&list, "T6"), [("Council on Ethical and Judicial Affairs".to_string(), String::new())]);
    assert_eq!(families(&list, "T7"), [("Bill and Melinda Gates Foundation".to_string(), String::new())]);
    assert!(!err.contains("a.csv:7:") && !err.contains("a.csv:8:"), "{err}");
    // T9 (changed in r87 F2): a person "Family Initials" and an institution
    // canon recognises are split at the "and" between them, not kept whole.
    assert_eq!(
        families(&list, "T9"),
        [
            ("Bolnick".to_string(), "D A".to_string()),
            ("Council on Ethical and Judicial Affairs".to_string(), String::new())
        ]
    );
    assert!(!err.contains("a.csv:10:"), "{err}");
    assert!(
        err.contains(
            "a.csv:9:2: warning: authors cell \"Troy Duster and Duana Fullwiley and Deborah Bolnick\" was kept \
             whole, as one institution's name"
        ),
        "{err}"
    );
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\"\n\
         \"A1\",\"journalArticle\",\"2007\",\"Bolnick DA and Fullwiley D and Duster T\",\"Zotero Vancouver\"\n",
    );
    let f: Vec<String> = families(&w.reading_list(), "Zotero Vancouver").into_iter().map(|(f, _)| f).collect();
    assert_eq!(f, ["Bolnick", "Fullwiley", "Duster"]);
}

/// F5 (r33): an address without its scheme is warned of at the address,
/// not at the record's start, in every format.
#[test]
fn a_url_without_a_scheme_is_said_at_the_url() {
    let w = workdir();
    let cases = [
        (
            "u.ris",
            "TY  - ELEC\nAU  - Osei, Ama\nTI  - RIS page\nPY  - 2020\nUR  - www.example.org/said\nER  - \n",
            "u.ris:5:7: warning: in the record starting at line 1: url \"www.example.org/said\" has no scheme",
        ),
        (
            "u.bib",
            "@online{w, author = {Osei, Ama}, title = {Bib page}, year = {2020},\n  url = {www.example.org/bib}}\n",
            "u.bib:2:3: warning: in entry `w`: url \"www.example.org/bib\" has no scheme",
        ),
        (
            "u.json",
            "[{\"id\":\"a\",\"type\":\"webpage\",\"title\":\"CSL page\",\n\"URL\":\"www.example.org/csl\",\"issued\":{\"date-parts\":[[2020]]}}]",
            "u.json:2:1: warning: in item `a`: url \"www.example.org/csl\" has no scheme",
        ),
        (
            "u.xml",
            "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Web Page\">12</ref-type>\n<titles><title>EndNote page</title></titles><dates><year>2020</year></dates>\n<urls><related-urls><url>www.example.org/en</url></related-urls></urls></record></records></xml>\n",
            "u.xml:3:21: warning: in the record starting at line 1: url \"www.example.org/en\" has no scheme",
        ),
        (
            "u.csv",
            "title,year,type,url\nCSV page,2020,web,www.example.org/csv\n",
            "u.csv:2:4: warning: url \"www.example.org/csv\" has no scheme",
        ),
        (
            "uz.csv",
            "\"Key\",\"Item Type\",\"Publication Year\",\"Title\",\"Url\"\n\"A1\",\"webpage\",\"2020\",\"Zotero page\",\"www.example.org/z\"\n",
            "uz.csv:2:5: warning: url \"www.example.org/z\" has no scheme",
        ),
        (
            "s.bib",
            "@misc{s, title = {Index page}, year = {2020},\n  url = {https://www.scopus.com/record/display.uri?eid=2}}\n",
            "s.bib:2:3: warning: in entry `s`: url \"https://www.scopus.com/record/display.uri?eid=2\" not stored",
        ),
    ];
    for (name, text, said) in cases {
        let err = w.import_reading(name, text);
        assert!(err.contains(said), "{name}: {err}");
    }
    assert_eq!(reading(&w.reading_list(), "RIS page")["url"], "https://www.example.org/said");
}

/// F7 (r33): an unbraced institution split at "and" is advised whole,
/// with every piece the advice names said as read for another author.
#[test]
fn an_unbraced_institutions_advice_names_its_whole_name() {
    let w = workdir();
    let err = w.import_reading(
        "i.bib",
        "@article{ama, author = {{American Medical Association} and Council on Ethical and Judicial Affairs},\n  \
         title = {Ethics one}, journal = {JAMA}, year = {1990}}\n\
         @article{cdc, author = {Centers for Disease Control and Prevention}, title = {Ethics two}, journal = {MMWR}, year = {1990}}\n\
         @article{per, author = {Ministry of Health and Osei, Ama}, title = {Ethics three}, journal = {BMJ}, year = {1990}}\n",
    );
    assert!(
        err.contains(
            "i.bib:1:60: warning: in entry `ama`: author \"Council on Ethical and Judicial Affairs\" looks like an \
             institution's name: kept whole, as written (BibTeX's rule would read it as two names, \"Council on \
             Ethical\", \"Judicial Affairs\"); to be sure, write the whole name in braces, {Council on Ethical and \
             Judicial Affairs}"
        ),
        "{err}"
    );
    assert!(!err.contains("{Council on Ethical}"), "{err}");
    assert_eq!(err.matches("entry `ama`").count(), 1, "{err}");
    assert!(
        err.contains(
            "(BibTeX's rule would read it as two names, \"Centers for Disease Control\", \"Prevention\"); to be \
             sure, write the whole name in braces, {Centers for Disease Control and Prevention}"
        ),
        "{err}"
    );
    assert!(
        err.contains("in entry `per`: author \"Ministry of Health\"") && err.contains("{Ministry of Health}"),
        "{err}"
    );
    // Kept whole as the advice says (tester r87 F3: the pieces were more authors).
    assert_eq!(
        w.count(
            "SELECT count(*) FROM reading_author WHERE literal IN ('Council on Ethical and Judicial Affairs', \
                 'Centers for Disease Control and Prevention')"
        ),
        2
    );
}

/// r34 #1: a report's number in its series, given alone, is its number in
/// the series (it was stored as the report's own number and printed "Report
/// No. 1035"); a book's stays its issue; both numbers stay apart.
#[test]
fn a_reports_series_number_alone_is_its_series_number() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "The selection and use of essential medicines 2021",
        "--by",
        "t",
        "--author",
        "{World Health Organization}",
        "--year",
        "2021",
        "--type",
        "report",
        "--series",
        "WHO Technical Report Series",
        "--series-number",
        "1035",
        "--publisher",
        "World Health Organization",
        "--place",
        "Geneva",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Both numbers",
        "--by",
        "t",
        "--author",
        "{WHO}",
        "--year",
        "2021",
        "--type",
        "report",
        "--series",
        "WHO TRS",
        "--series-number",
        "1035",
        "--issue",
        "7",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Added book",
        "--by",
        "t",
        "--author",
        "Osei, Ama",
        "--year",
        "2021",
        "--type",
        "book",
        "--series",
        "Lecture Notes",
        "--series-number",
        "12",
    ]);
    w.import_reading(
        "s.json",
        r#"[{"id":"r","type":"report","title":"CSL report","collection-title":"WHO Technical Report Series","collection-number":"1035","publisher":"WHO","issued":{"date-parts":[[2021]]}},
{"id":"b","type":"book","title":"CSL book","collection-title":"Lecture Notes","collection-number":"12","publisher":"Springer","issued":{"date-parts":[[2021]]}},
{"id":"t","type":"report","title":"CSL two numbers","number":"7","collection-title":"WHO TRS","collection-number":"1035","issued":{"date-parts":[[2021]]}}]"#,
    );
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Title\",\"Series\",\"Series Number\"\n\
         \"A1\",\"report\",\"2021\",\"Zotero report\",\"WHO Technical Report Series\",\"1035\"\n\
         \"A2\",\"book\",\"2021\",\"Zotero book\",\"Lecture Notes\",\"12\"\n",
    );
    w.import_reading(
        "c.csv",
        "title,year,type,series,series_number,issue\n\
         CSV report,2021,report,WHO Technical Report Series,1035,\n\
         CSV book,2021,book,Lecture Notes,12,\n\
         CSV no series,2021,report,,1035,\n",
    );
    // BibTeX @techreport `number` is the report's own number, as before.
    w.import_reading(
        "t.bib",
        "@techreport{t, title = {Bib report}, institution = {WHO}, year = {2021}, series = {WHO TRS}, number = {7}}\n",
    );
    let list = w.reading_list();
    let numbers = |t: &str| {
        let r = reading(&list, t);
        (r["issue"].as_str().map(str::to_string), r["series_number"].as_str().map(str::to_string))
    };
    let s = |x: &str| Some(x.to_string());
    for t in ["The selection", "CSL report", "Zotero report", "CSV report"] {
        assert_eq!(numbers(t), (None, s("1035")), "{t}");
    }
    for t in ["Added book", "CSL book", "Zotero book", "CSV book"] {
        assert_eq!(numbers(t), (s("12"), None), "{t}");
    }
    assert_eq!(numbers("Both numbers"), (s("7"), s("1035")));
    assert_eq!(numbers("CSL two numbers"), (s("7"), s("1035")));
    assert_eq!(numbers("CSV no series"), (s("1035"), None));
    assert_eq!(numbers("Bib report"), (s("7"), None));
    let show = w.ok(&["reading", "show", reading(&list, "The selection")["id"].to_string().trim_matches('"')]);
    assert!(show.contains("1035") && !show.to_lowercase().contains("report number"), "{show}");
}

/// Tester r35 F1: Mendeley writes a title's HTML as `{\textless}i{\textgreater}`;
/// canon dropped the commands and stored "iRacism/i". LaTeX2e's text
/// symbols are read, and the tags become the title's markup.
#[test]
fn latex_text_symbols_are_read_and_mendeley_html_is_markup() {
    let w = workdir();
    let err = w.import_reading(
        "m.bib",
        "@article{a, author = {Osei, Ama}, journal = {BMJ}, year = {2020},\n  \
         title = {{\\textless}i{\\textgreater}Racism{\\textless}/i{\\textgreater} and CD4{\\textless}sup{\\textgreater}+{\\textless}/sup{\\textgreater} cells}}\n\
         @article{b, author = {Osei, Ama}, journal = {BMJ}, year = {2020},\n  \
         title = {Doses of 5\\textmu g\\textbar 2\\texttimes{} daily\\textpm 1 at 37\\textdegree C\\textasciitilde\\textunderscore{}x \\textquotedbl q\\textquotedbl}}\n",
    );
    assert!(!err.contains("not a LaTeX command"), "{err}");
    let list = w.reading_list();
    // Stored as rich text; listed in its sheet text (tester r73 F22).
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = '<i>Racism</i> and CD4<sup>+</sup> cells'"), 1);
    assert_eq!(reading(&list, "\\textit{Racism")["title"], "\\textit{Racism} and CD4\\textsuperscript{+} cells");
    assert_eq!(reading(&list, "Doses")["title"], "Doses of 5µg|2× daily±1 at 37°C~_x \"q\"");
}

/// Tester r35 F2: EndNote's PubMed import gives `<full-title>N Engl J
/// Med</full-title>` and the full name in `<abbr-1>`: read the right way
/// round, and said. PubMed's and Europe PMC's pages for the record are not
/// the work's address, in every format, said at the URL; their PMID is
/// kept when the record has none.
#[test]
fn swapped_journal_names_and_pubmed_record_pages() {
    let w = workdir();
    let err = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\n\
         <contributors><authors><author>Vyas, D. A.</author></authors></contributors>\n\
         <titles><title>Hidden in plain sight</title><secondary-title>N Engl J Med</secondary-title></titles>\n\
         <periodical><full-title>N Engl J Med</full-title><abbr-1>The New England journal of medicine</abbr-1></periodical>\n\
         <dates><year>2020</year></dates><accession-num>32853499</accession-num>\n\
         <urls><related-urls><url>https://www.ncbi.nlm.nih.gov/pubmed/32853499</url></related-urls></urls>\n\
         <remote-database-provider>NLM</remote-database-provider></record></records></xml>\n",
    );
    assert!(
        err.contains(
            "e.xml:4:13: warning: in the record starting at line 1: the journal \"N Engl J Med\" is the abbreviation \
             of \"The New England journal of medicine\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "e.xml:6:21: warning: in the record starting at line 1: url \"https://www.ncbi.nlm.nih.gov/pubmed/32853499\" \
             not stored: it is PubMed's page for the record, not the work"
        ),
        "{err}"
    );
    let err = w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - Osei, Ama\nTI  - RIS pubmed page\nT2  - Malar J\nJ2  - Malaria journal\nPY  - 2019\n\
         UR  - https://pubmed.ncbi.nlm.nih.gov/31234567/\nER  - \n",
    );
    assert!(
        err.contains("r.ris:5:7: warning: in the record starting at line 1: the journal \"Malar J\" is the abbreviation of \"Malaria journal\""),
        "{err}"
    );
    assert!(
        err.contains(
            "r.ris:7:7: warning: in the record starting at line 1: url \"https://pubmed.ncbi.nlm.nih.gov/31234567/\" not stored: it is PubMed's page \
             for the record, not the work (its PMID 31234567 is kept)"
        ),
        "{err}"
    );
    let err = w.import_reading(
        "b.bib",
        "@article{k, author = {Osei, Ama}, title = {Bib europepmc page}, journal = {BMJ}, year = {2019},\n  \
         url = {https://europepmc.org/abstract/MED/30000001}}\n\
         @article{f, author = {Osei, Ama}, title = {Bib full text}, journal = {BMJ}, year = {2019},\n  \
         url = {https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6000000/}}\n",
    );
    assert!(err.contains("b.bib:2:3: warning: in entry `k`: url \"https://europepmc.org/abstract/MED/30000001\" not stored: it is Europe PMC's page"), "{err}");
    assert!(!err.contains("entry `f`"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Hidden");
    assert_eq!(
        (r["container"].as_str(), r["container_short"].as_str()),
        (Some("The New England journal of medicine"), Some("N Engl J Med"))
    );
    assert!(r["url"].is_null(), "{r}");
    let r = reading(&list, "RIS pubmed");
    assert_eq!((r["container"].as_str(), r["container_short"].as_str()), (Some("Malaria journal"), Some("Malar J")));
    assert_eq!(r["pmid"], "31234567");
    assert_eq!(reading(&list, "Bib europepmc")["pmid"], "30000001");
    assert!(reading(&list, "Bib full text")["url"].as_str().is_some_and(|u| u.contains("PMC6000000")));
}

/// Tester r35 F4: EndNote's "Original Publication" `L'an V de la
/// révolution algérienne (1959)` kept the year and lost the title unsaid.
/// Since tester r69 F11 the text beside the year is the original title
/// (it was named as not stored), said at its position, in every format; a
/// date alone says nothing.
#[test]
fn original_publication_text_beside_the_year_is_named() {
    let w = workdir();
    let err = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\n\
         <contributors><authors><author>Fanon, Frantz</author></authors></contributors>\n\
         <titles><title>A dying colonialism</title></titles><dates><year>1965</year></dates>\n\
         <orig-pub>L'an V de la révolution algérienne (1959)</orig-pub></record></records></xml>\n",
    );
    assert!(
        err.contains(
            "e.xml:4:1: warning: in the record starting at line 1: original publication \"L'an V de la révolution \
             algérienne (1959)\": read as the original year 1959, and the original title \"L'an V de la révolution \
             algérienne\""
        ),
        "{err}"
    );
    let err = w.import_reading(
        "r.ris",
        "TY  - BOOK\nAU  - Fanon, Frantz\nTI  - The wretched of the earth\nPY  - 1963\nOP  - Les damnés de la terre, 1961\nER  - \n\
         TY  - BOOK\nAU  - Fanon, Frantz\nTI  - Black skin\nPY  - 1967\nOP  - May 1952\nER  - \n",
    );
    assert!(err.contains("r.ris:5:7: warning: in the record starting at line 1: original publication \"Les damnés de la terre, 1961\": read as the original year 1961, and the original title \"Les damnés de la terre\""), "{err}");
    assert!(!err.contains("r.ris:11:"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "A dying")["original_year"], "1959");
    assert_eq!(reading(&list, "Black skin")["original_year"], "1952");
    assert_eq!(reading(&list, "A dying")["original_title"], "L'an V de la révolution algérienne");
    assert_eq!(reading(&list, "The wretched")["original_title"], "Les damnés de la terre");
    assert!(reading(&list, "Black skin")["original_title"].is_null());
}

/// Tester r35 F5: Web of Science's RIS gives `AU` as initials and `AF`
/// ("Author Full Name") in full: the full names are read (AU the fallback
/// where they do not match in order), and `JI` is the journal abbreviation
/// as `J2` is.
#[test]
fn web_of_science_full_author_names_and_iso_abbreviation() {
    let w = workdir();
    let err = w.import_reading(
        "wos.ris",
        "TY  - JOUR\nAU  - Vyas, DA\nAU  - Eisenstein, LG\nAU  - Jones, DS\nAF  - Vyas, Darshali A.\n\
         AF  - Eisenstein, Leo G.\nAF  - Jones, David S.\nTI  - Hidden in plain sight\nT2  - NEW ENGLAND JOURNAL OF MEDICINE\n\
         J9  - NEW ENGL J MED\nJI  - N. Engl. J. Med.\nPY  - 2020\nER  - \n\
         TY  - JOUR\nAU  - Osei, A\nAU  - Mensah, K\nAF  - Osei, Ama\nTI  - Fewer full names\nT2  - BMJ\nJ2  - BMJ\n\
         JI  - Br. Med. J.\nPY  - 2020\nER  - \n",
    );
    assert!(!err.contains("RIS AF (Web"), "{err}");
    assert!(err.contains("RIS JI"), "{err}");
    let list = w.reading_list();
    assert_eq!(
        families(&list, "Hidden"),
        vec![
            ("Vyas".to_string(), "Darshali A.".to_string()),
            ("Eisenstein".to_string(), "Leo G.".to_string()),
            ("Jones".to_string(), "David S.".to_string())
        ]
    );
    assert_eq!(reading(&list, "Hidden")["container_short"], "N. Engl. J. Med.");
    assert_eq!(
        families(&list, "Fewer"),
        vec![("Osei".to_string(), "Ama".to_string()), ("Mensah".to_string(), "K.".to_string())]
    );
    assert_eq!(reading(&list, "Fewer")["container_short"], "BMJ");
}

/// Tester r35 F6: Better BibTeX writes `langid = {american}`, a babel
/// name, which was refused; babel's and polyglossia's names are read as
/// their BCP 47 tags.
#[test]
fn biblatex_babel_language_names_are_read() {
    let w = workdir();
    let mut bib = String::new();
    for (i, l) in
        ["american", "UKenglish", "ngerman", "brazil", "french", "norsk", "english and ngerman"].iter().enumerate()
    {
        bib.push_str(&format!(
            "@article{{k{i}, author = {{Osei, Ama}}, title = {{Babel {i}}}, journal = {{BMJ}}, year = {{2020}}, langid = {{{l}}}}}\n"
        ));
    }
    let err = w.import_reading("b.bib", &bib);
    assert!(!err.contains("language not stored"), "{err}");
    let list = w.reading_list();
    let got: Vec<String> = (0..7)
        .map(|i| reading(&list, &format!("Babel {i}"))["language"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(got, ["en-US", "en-GB", "de", "pt-BR", "fr", "nb", "en; de"]);
}

/// Tester r35 F7: in Scopus's `N1`, "CODEN: NEJMA" ran into the
/// correspondence address before it and went unsaid; it is named, and
/// "PubMed ID: N" is read as the PMID.
#[test]
fn scopus_note_coden_is_named_and_pubmed_id_read() {
    let w = workdir();
    let err = w.import_reading(
        "s.ris",
        "TY  - JOUR\nAU  - Vyas, D.A.\nTI  - Scopus with PMID\nPY  - 2020\nT2  - BMJ\nC2  - 32853499\n\
         N1  - Export Date: 04 December 2026; Cited By: 1523; Correspondence Address: D.A. Vyas; Boston; email: d@x.org; CODEN: NEJMA; PubMed ID: 32853499\nER  - \n\
         TY  - JOUR\nAU  - Vyas, D.A.\nTI  - Scopus without PMID\nPY  - 2020\nT2  - BMJ\n\
         N1  - Export Date: 04 December 2026; CODEN: NEJMA; PubMed ID: 32853400; Read for week 3\nER  - \n",
    );
    assert!(err.contains("note lines \"CODEN: …\""), "{err}");
    assert!(!err.contains("note lines \"PubMed ID"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Scopus with")["pmid"], "32853499");
    let r = reading(&list, "Scopus without");
    assert_eq!(r["pmid"], "32853400");
    assert_eq!(r["annotation"], "Read for week 3");
    assert!(reading(&list, "Scopus with")["annotation"].is_null());
}

/// Tester r35 F10: Web of Science's tab-delimited export was read as a CSV
/// and refused with the hint `--map 'PT=title'`; since tester r103 F7 it is
/// read, as its plain text is.
#[test]
fn web_of_science_tab_delimited_is_named() {
    let w = workdir();
    let p = w.write(
        "savedrecs.txt",
        "\u{feff}PT\tAU\tBA\tAF\tTI\tSO\tPY\tDI\tUT\n\
         J\tVyas, DA\t\tVyas, Darshali A.\tHidden in Plain Sight\tNEW ENGLAND JOURNAL OF MEDICINE\t2020\t10.1056/NEJMms2004740\tWOS:000563386500013\n",
    );
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("readings: 1 new"), "{err}");
    assert!(!err.contains("--map"), "{err}");
}

/// Tester r35 F11: a journal article's RIS `SN` is its ISSN; one warning a
/// record ("not a valid ISBN: an ISSN…") filled the 50 shown and hid a
/// data warning. The ISSNs are named once, in the summary, with a count.
#[test]
fn issns_in_the_isbn_field_are_one_summary_line() {
    let w = workdir();
    let mut ris = String::new();
    for i in 0..55 {
        ris.push_str(&format!(
            "TY  - JOUR\nAU  - Osei, Ama\nTI  - Deepfakes {i}\nT2  - IEEE Access\nPY  - 2020\nSN  - 2169-3536\nER  - \n\n"
        ));
    }
    ris.push_str("TY  - JOUR\nAU  - Osei, Ama\nTI  - Spreadsheet issue\nT2  - BMJ\nPY  - 2020\nIS  - 7 July\nSN  - 0959-8138; 1234-5678-9\nER  - \n");
    let err = w.import_reading("s.ris", &ris);
    assert!(!err.contains("\"2169-3536\""), "{err}");
    assert!(
        err.contains("RIS SN holding an ISSN (the journal's ISSN, which canon has no field for) (56 records)"),
        "{err}"
    );
    assert!(err.contains("issue \"7 July\" looks like a date a spreadsheet made"), "{err}");
    // What is neither an ISBN nor an ISSN is still said at its record.
    assert!(err.contains("\"1234-5678-9\" not stored (not a valid ISBN"), "{err}");
}

/// Tester r35 F15: two BibTeX entries with one key were both imported
/// without a word; the later is said, naming the first's line.
#[test]
fn a_repeated_bibtex_key_is_said_naming_both_lines() {
    let w = workdir();
    let err = w.import_reading(
        "d.bib",
        "@article{Vyas2020, author = {Vyas, D. A.}, title = {First of two}, journal = {NEJM}, year = {2020}}\n\n\
         @article{vyas2020, author = {Vyas, D. A.}, title = {Second of two}, journal = {NEJM}, year = {2020}}\n\
         @article{other, author = {Vyas, D. A.}, title = {Third}, journal = {NEJM}, year = {2020}}\n",
    );
    assert!(
        err.contains(
            "d.bib:3:1: warning: in entry `vyas2020`: the key is also the key of the entry at line 1, column 1"
        ),
        "{err}"
    );
    assert!(!err.contains("entry `other`") && !err.contains("entry `Vyas2020`"), "{err}");
    assert_eq!(w.reading_list().as_array().unwrap().len(), 3);
    // The same kind in CSL-JSON: an id given to two items.
    let err = w.import_reading(
        "d.json",
        "[{\"id\": \"a\", \"type\": \"book\", \"title\": \"CSL first\"},\n {\"id\": \"a\", \"type\": \"book\", \"title\": \"CSL second\"}]\n",
    );
    assert!(
        err.contains("d.json:2:2: warning: in item `a`: the id is also the id of the item at line 1, column 2"),
        "{err}"
    );
}

/// Tester r33 #9: RIS `TY  - EDBOOK`'s `AU` are the book's editors (the
/// RIS type table), as EndNote's "Edited Book" is read; they were authors.
#[test]
fn ris_edited_book_authors_are_its_editors() {
    let w = workdir();
    w.import_reading(
        "e.ris",
        "TY  - EDBOOK\nAU  - Gordon, Lewis R.\nAU  - Osei, Ama\nTI  - An edited book\nPY  - 2015\nPB  - Grove\nER  - \n\
         TY  - EDBOOK\nAU  - Fanon, Frantz\nED  - Gordon, Lewis R.\nTI  - A book with both\nPY  - 2015\nER  - \n",
    );
    let list = w.reading_list();
    let r = reading(&list, "An edited book");
    assert!(r["author_names"].as_array().is_none_or(Vec::is_empty), "{r}");
    let editors: Vec<&str> = r["editor_names"]
        .as_array()
        .expect("editors")
        .iter()
        .map(|n| n["family"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(editors, ["Gordon", "Osei"]);
    assert_eq!(families(&list, "A book with both"), vec![("Fanon".to_string(), "Frantz".to_string())]);
}
