//! Issue 12, references as published: an article number (an e-only
//! article's locator, stored as APA prints it, "Article 112873") is printed
//! with its label only where the style's manual prints one (APA 7 §9.25);
//! Chicago (CMOS 17 §14.174), Harvard, Vancouver and AMA give the number
//! alone where the pages go, never "p. Article …" or ": Article …".

mod common;

use common::Workdir;

#[test]
fn an_article_number_is_labelled_only_in_apa() {
    let w = Workdir::new();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Scopus article number\nT2  - Environmental Research\nPY  - 2022\nVL  - 210\nC7  - 112873\nER  - \n",
    );
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Scopus article number").contains("210, Article 112873"));
    for style in ["chicago", "harvard", "vancouver", "ama"] {
        let list = w.references(style);
        let r = common::reference(&list, "Scopus article number");
        assert!(r.contains("112873"), "{style}: {r}");
        assert!(!r.contains("Article 112873") && !r.contains("article 112873"), "{style}: {r}");
        assert!(!r.contains("p. 112873") && !r.contains("pp. 112873"), "{style}: a number is no page: {r}");
    }
}

/// A report's number is an identifier, printed as written in every style:
/// never read as a range of numbers ("Nos. MOH-2020–4", leading zeros lost)
/// whatever its hyphens and zeros (APA 7 §10.4, Citing Medicine ch. 15).
#[test]
fn a_report_number_with_hyphens_and_zeros_prints_as_written() {
    let w = Workdir::new();
    w.import_reading(
        "r.bib",
        "@techreport{a, author = {{Ministry of Health}}, title = {National Health Policy}, institution = {Ministry of Health}, year = {2020}, number = {MOH-2020-04}}\n\
         @techreport{b, author = {{CDC}}, title = {Surveillance summary}, institution = {CDC}, year = {2019}, number = {CDC-2019-0012}}\n\
         @techreport{c, author = {{WHO}}, title = {Range-like number}, institution = {WHO}, year = {2018}, number = {12-15}}\n",
    );
    for style in ["apa", "chicago", "harvard", "vancouver"] {
        let list = w.references(style);
        for (title, number) in [
            ("National Health Policy", "MOH-2020-04"),
            ("Surveillance summary", "CDC-2019-0012"),
            ("Range-like", "12-15"),
        ] {
            let r = common::reference(&list, title);
            assert!(r.contains(number), "{style}: {number} as written: {r}");
            assert!(!r.contains("Nos.") && !r.contains("nos."), "{style}: one number, not a range: {r}");
        }
    }
}

/// CSL-JSON seasons as EDTF numbers them (21 spring to 24 winter), alone or
/// as a range, are the season (tester r10 H3: `[[2019, 21]]` was read as the
/// years 2019 to 2021, `[[1998, 22]]` lost its season without a word).
#[test]
fn csl_seasons_numbered_21_to_24_are_seasons() {
    let w = Workdir::new();
    let said = w.import_reading(
        "s.json",
        r#"[{"id":"a","type":"article-journal","title":"Spring paper","container-title":"J","issued":{"date-parts":[[2019,21]]}},
            {"id":"b","type":"article-journal","title":"Summer paper","container-title":"J","issued":{"date-parts":[[1998,22]]}},
            {"id":"c","type":"article-journal","title":"Summer to autumn","container-title":"J","issued":{"date-parts":[[1998,22],[1998,23]]}},
            {"id":"d","type":"article-journal","title":"Winter paper","container-title":"J","issued":{"date-parts":[[2001,24]]}}]"#,
    );
    assert!(!said.contains("2021"), "no range of years: {said}");
    let list = w.reading_list();
    for (title, year, season) in [
        ("Spring paper", 2019, "spring"),
        ("Summer paper", 1998, "summer"),
        ("Summer to autumn", 1998, "summer"),
        ("Winter paper", 2001, "winter"),
    ] {
        let r = common::reading(&list, title);
        assert_eq!(r["year"].as_i64(), Some(year), "{r}");
        assert_eq!(r["season"].as_str().map(str::to_lowercase).as_deref(), Some(season), "{r}");
        assert!(r["month"].is_null(), "{r}");
    }
    // The range is stored whole since migration 0022 (branch 12d), where its
    // end had been dropped with a warning.
    let r = common::reading(&list, "Summer to autumn");
    assert_eq!(r["season_end"].as_str(), Some("autumn"), "{r}");
}

/// An institution typed in braces, as `reading add --help` says to write
/// one, is stored and printed without its braces (tester r10 H2).
#[test]
fn a_typed_institution_in_braces_loses_its_braces() {
    let w = Workdir::new();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "World report",
        "--type",
        "book",
        "--year",
        "2019",
        "--author",
        "{World Health Organization}",
        "--editor",
        "{Ministry of Health, Ghana}",
        "--editor",
        "Mensah, Kofi, Jr.",
        "--publisher",
        "WHO",
        "--status",
        "approved",
        "--by",
        "amina",
    ]);
    let list = w.reading_list();
    let r = common::reading(&list, "World report");
    assert_eq!(r["author_names"][0]["literal"].as_str(), Some("World Health Organization"), "{r}");
    assert_eq!(r["editor_names"][0]["literal"].as_str(), Some("Ministry of Health, Ghana"), "{r}");
    for style in ["apa", "vancouver", "chicago", "harvard"] {
        let refs = w.references(style);
        let text = common::reference(&refs, "World report");
        assert!(!text.contains('{') && !text.contains('}'), "{style}: {text}");
        assert!(text.contains("World Health Organization"), "{style}: {text}");
    }
}

/// A Zotero report's "Number" is its report number, cited as such; a
/// "Series Number" beside it is its series' number (tester r10 H4: the
/// series number 987 was cited as "Report No. 987"; 12e keeps it apart).
#[test]
fn a_zotero_reports_number_is_cited_not_its_series_number() {
    let w = Workdir::new();
    let said = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Publisher,Number,Series,Series Number\n\
         K1,report,2015,World Health Organization,Health statistics,WHO,WHO/HIS/15.1,WHO Technical Report Series,987\n\
         K2,book,2016,\"Osei, Ama\",A book in a series,Heinemann,,African Writers Series,12\n",
    );
    // Branch 12e (schema 0024): the series number beside the report's number is kept apart and
    // cited with its series, never as the report's number (it was named as not stored).
    assert!(!said.contains("Series Number \"987\" not stored"), "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Health statistics")["issue"].as_str(), Some("WHO/HIS/15.1"));
    assert_eq!(common::reading(&list, "Health statistics")["series_number"].as_str(), Some("987"));
    assert_eq!(common::reading(&list, "A book in a series")["issue"].as_str(), Some("12"));
    let apa = w.references("apa");
    let r = common::reference(&apa, "Health statistics");
    // 987 is the series' number, never the report's: APA 7 §10.4 labels it
    // after the series ("Series No. 987"; lead s86), not as "Report No. 987".
    assert!(r.contains("Report No. WHO/HIS/15.1") && !r.contains("Report No. 987"), "{r}");
    assert!(r.contains("(Report No. WHO/HIS/15.1; WHO Technical Report Series No. 987)"), "{r}");
}
