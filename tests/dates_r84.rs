//! Dates r84 (tester84 F7–F11): a range of whole years is printed whole for
//! every type in every style, never put in a title that holds its first
//! year; kept beside a publication state or a year letter; "YYYY-NN" read
//! by one rule in every century, said with both readings; the README says so.

mod common;

use common::{Workdir, reading, reference, workdir};

/// (year, month, year_end, month_end, year_note) of the reading titled `prefix`.
type Stored = (Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<String>);

fn stored(list: &serde_json::Value, prefix: &str) -> Stored {
    let r = reading(list, prefix);
    (
        r["year"].as_i64(),
        r["month"].as_i64(),
        r["year_end"].as_i64(),
        r["month_end"].as_i64(),
        r["year_note"].as_str().map(str::to_string),
    )
}

/// `reading add … --year YEAR`: its warnings (stderr but "added reading …").
fn add(w: &Workdir, title: &str, year: &str, rest: &[&str]) -> String {
    let mut args = vec!["reading", "add", "--by", "t", "--status", "approved", "--title", title, "--year", year];
    args.extend_from_slice(rest);
    let said = w.ok_stderr(&args);
    said.lines().filter(|l| !l.starts_with("added reading ")).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_range_of_whole_years_is_printed_for_every_type_in_every_style() {
    let w = workdir();
    fn with<'a>(rest: &[&'a str]) -> Vec<&'a str> {
        [&["--year-end", "2000"][..], rest].concat()
    }
    add(
        &w,
        "Plain survey",
        "1998",
        &with(&[
            "--author",
            "Byrne, Siobhan",
            "--type",
            "article",
            "--container",
            "Journal of Studies",
            "--volume",
            "12",
            "--pages",
            "10-20",
        ]),
    );
    add(&w, "Report on things", "1998", &with(&["--author", "Fofana, Awa", "--type", "report", "--publisher", "WHO"]));
    add(
        &w,
        "Thesis on things",
        "1998",
        &with(&[
            "--author",
            "Gomez, Ana",
            "--type",
            "thesis",
            "--publisher",
            "University of Ghana",
            "--genre",
            "PhD thesis",
        ]),
    );
    add(
        &w,
        "Book on things",
        "1998",
        &with(&["--author", "Hassan, Ali", "--type", "book", "--publisher", "Heinemann"]),
    );
    let list = w.reading_list();
    for t in ["Plain survey", "Report on things", "Thesis on things", "Book on things"] {
        assert_eq!(stored(&list, t), (Some(1998), None, Some(2000), None, None), "{t}");
    }
    let want = [
        (
            "apa",
            [
                "Byrne, S. (1998–2000). Plain survey. Journal of Studies, 12, 10–20.",
                "Fofana, A. (1998–2000). Report on things. WHO.",
                "Gomez, A. (1998–2000). Thesis on things [Doctoral dissertation, University of Ghana].",
                "Hassan, A. (1998–2000). Book on things. Heinemann.",
            ],
        ),
        (
            "harvard",
            [
                "Byrne, S. (1998–2000) ‘Plain survey’, Journal of Studies, 12, pp. 10–20.",
                "Fofana, A. (1998–2000) Report on things. WHO.",
                "Gomez, A. (1998–2000) Thesis on things. PhD thesis. University of Ghana.",
                "Hassan, A. (1998–2000) Book on things. Heinemann.",
            ],
        ),
        (
            "ama",
            [
                "Byrne S. Plain survey. Journal of Studies. 1998–2000;12:10-20.",
                "Fofana A. Report on Things. WHO; 1998–2000.",
                "Gomez A. Thesis on Things. Dissertation. University of Ghana; 1998–2000.",
                "Hassan A. Book on Things. Heinemann; 1998–2000.",
            ],
        ),
        (
            "vancouver",
            [
                "Byrne S. Plain survey. Journal of Studies. 1998-2000;12:10-20.",
                "Fofana A. Report on things. [place unknown]: WHO; 1998-2000.",
                "Gomez A. Thesis on things [dissertation]. [place unknown]: University of Ghana; 1998-2000.",
                "Hassan A. Book on things. [place unknown]: Heinemann; 1998-2000.",
            ],
        ),
        (
            "chicago",
            [
                "Byrne, Siobhan. 1998–2000. “Plain Survey.” Journal of Studies 12: 10–20.",
                "Fofana, Awa. 1998–2000. Report on Things. WHO.",
                "Gomez, Ana. 1998–2000. “Thesis on Things.” PhD diss., University of Ghana.",
                "Hassan, Ali. 1998–2000. Book on Things. Heinemann.",
            ],
        ),
    ];
    for (style, refs) in want {
        let got = w.references(style);
        for (t, r) in ["Plain survey", "Report on things", "Thesis on things", "Book on things"].iter().zip(refs) {
            assert_eq!(reference(&got, t), r, "{style}: {t}");
        }
    }
}

#[test]
fn a_year_in_the_title_is_not_the_date_in_any_style() {
    let w = workdir();
    add(
        &w,
        "Cholera in Accra, 1998: a history",
        "1998-2000",
        &["--author", "Achebe, Ngozi", "--type", "book", "--publisher", "Heinemann", "--place", "London"],
    );
    add(
        &w,
        "Short range 2011-12",
        "2011-12",
        &["--author", "Castillo, Luis", "--type", "book", "--publisher", "Heinemann"],
    );
    add(
        &w,
        "Slash range 1998/99",
        "1998/99",
        &["--author", "Dlamini, Thabo", "--type", "book", "--publisher", "Heinemann"],
    );
    add(
        &w,
        "The 1998 famine",
        "1998-2000",
        &[
            "--author",
            "Eze, Obi",
            "--type",
            "article",
            "--container",
            "Journal of 1998 Studies",
            "--volume",
            "3",
            "--pages",
            "1-9",
        ],
    );
    let list = w.reading_list();
    assert_eq!(stored(&list, "Short range"), (Some(2011), None, Some(2012), None, None));
    assert_eq!(stored(&list, "Slash range"), (Some(1998), None, Some(1999), None, None));
    let titles = ["Cholera in Accra", "Short range", "Slash range", "The 1998 famine"];
    let want = [
        (
            "apa",
            [
                "Achebe, N. (1998–2000). Cholera in Accra, 1998: A history. Heinemann.",
                "Castillo, L. (2011–2012). Short range 2011-12. Heinemann.",
                "Dlamini, T. (1998–1999). Slash range 1998/99. Heinemann.",
                "Eze, O. (1998–2000). The 1998 famine. Journal of 1998 Studies, 3, 1–9.",
            ],
        ),
        (
            "harvard",
            [
                "Achebe, N. (1998–2000) Cholera in Accra, 1998: a history. London: Heinemann.",
                "Castillo, L. (2011–2012) Short range 2011-12. Heinemann.",
                "Dlamini, T. (1998–1999) Slash range 1998/99. Heinemann.",
                "Eze, O. (1998–2000) ‘The 1998 famine’, Journal of 1998 Studies, 3, pp. 1–9.",
            ],
        ),
        (
            "ama",
            [
                "Achebe N. Cholera in Accra, 1998: A History. Heinemann; 1998–2000.",
                "Castillo L. Short Range 2011-12. Heinemann; 2011–2012.",
                "Dlamini T. Slash Range 1998/99. Heinemann; 1998–1999.",
                "Eze O. The 1998 famine. Journal of 1998 Studies. 1998–2000;3:1-9.",
            ],
        ),
        (
            "vancouver",
            [
                "Achebe N. Cholera in Accra, 1998: a history. London: Heinemann; 1998-2000.",
                "Castillo L. Short range 2011-12. [place unknown]: Heinemann; 2011-2012.",
                "Dlamini T. Slash range 1998/99. [place unknown]: Heinemann; 1998-1999.",
                "Eze O. The 1998 famine. Journal of 1998 Studies. 1998-2000;3:1-9.",
            ],
        ),
        (
            "chicago",
            [
                "Achebe, Ngozi. 1998–2000. Cholera in Accra, 1998: A History. Heinemann.",
                "Castillo, Luis. 2011–2012. Short Range 2011-12. Heinemann.",
                "Dlamini, Thabo. 1998–1999. Slash Range 1998/99. Heinemann.",
                "Eze, Obi. 1998–2000. “The 1998 Famine.” Journal of 1998 Studies 3: 1–9.",
            ],
        ),
    ];
    for (style, refs) in want {
        let got = w.references(style);
        for (t, r) in titles.iter().zip(refs) {
            assert_eq!(reference(&got, t), r, "{style}: {t}");
        }
    }
    // Other bundled CSL styles: the title as stored, the date whole.
    for style in ["ieee", "modern-language-association", "nature"] {
        let got = w.references(style);
        let r = reference(&got, "Cholera in Accra");
        assert!(r.contains("1998–2000") && !r.contains("1998–2000:") && r.contains("Accra, 1998: "), "{style}: {r}");
        let r = reference(&got, "The 1998 famine");
        assert!(r.contains("1998–2000") && r.matches("1998–2000").count() == 1, "{style}: {r}");
    }
}

#[test]
fn a_range_of_years_beside_a_state_or_a_letter_keeps_its_end_year() {
    let w = workdir();
    let said = add(
        &w,
        "Press short",
        "2011-12 (in press)",
        &["--author", "Ade, Bola", "--type", "book", "--publisher", "Heinemann"],
    );
    assert_eq!(
        said.trim(),
        "warning: --year \"2011-12 (in press)\" may be the years 2011 to 2012 (an academic year) or December 2011; \
         canon keeps the years 2011 to 2012 (write \"2011-2012\" for the years, \"Dec 2011\" for the month)"
    );
    assert_eq!(add(&w, "Press long", "1998-2000 (in press)", &[]), "");
    assert!(add(&w, "Forth short", "2011-12, forthcoming", &[]).contains("may be the years 2011 to 2012"));
    assert!(add(&w, "Druck long", "im Druck 1998-2000", &[]).contains("stored as \"in press\""));
    assert!(add(&w, "IE long", "1998-2000 (i. E.)", &[]).contains("stored as \"forthcoming\""));
    assert!(add(&w, "IE short", "2011-12 i. E.", &[]).contains("may be the years 2011 to 2012"));
    assert!(add(&w, "Letter long", "1998-2000a", &[]).contains("has the letter 'a' after its year"));
    add(&w, "Epub across", "Epub 2019 Dec-2020 Jan", &[]);
    // A cataloguer's correction is still no state and no range.
    add(&w, "Corrected", "1971 [i.e. 1972]", &[]);
    let list = w.reading_list();
    let press = || Some("in press".to_string());
    let forth = || Some("forthcoming".to_string());
    assert_eq!(stored(&list, "Press short"), (Some(2011), None, Some(2012), None, press()));
    assert_eq!(stored(&list, "Press long"), (Some(1998), None, Some(2000), None, press()));
    assert_eq!(stored(&list, "Forth short"), (Some(2011), None, Some(2012), None, forth()));
    assert_eq!(stored(&list, "Druck long"), (Some(1998), None, Some(2000), None, press()));
    assert_eq!(stored(&list, "IE long"), (Some(1998), None, Some(2000), None, forth()));
    assert_eq!(stored(&list, "IE short"), (Some(2011), None, Some(2012), None, forth()));
    assert_eq!(stored(&list, "Letter long"), (Some(1998), None, Some(2000), None, None));
    assert_eq!(
        stored(&list, "Epub across"),
        (Some(2019), Some(12), Some(2020), Some(1), Some("ahead of print".into()))
    );
    assert_eq!(stored(&list, "Corrected"), (Some(1972), None, None, None, None));
    // Printed with its state, the range whole where the style prints a year.
    let vancouver = w.references("vancouver");
    assert_eq!(reference(&vancouver, "Press short"), "Ade B. Press short. Heinemann; forthcoming 2011-2012.");
    // The range is printed beside the state, never dropped for it (d86).
    assert_eq!(
        reference(&w.references("apa"), "Press short"),
        "Ade, B. (2011–2012). Press short. Heinemann. In press."
    );
}

#[test]
fn a_range_beside_a_state_is_kept_by_every_importer() {
    let w = workdir();
    let mut said = w.import_reading(
        "p.csv",
        "Title,Authors,Year,Type\nCsv press,\"Ekk, E\",2011-12 (in press),book\nCsv forth,\"Fay, F\",\"1998-2000, forthcoming\",book\n",
    );
    said.push_str(
        &w.import_reading("p.bib", "@book{a, title={Bib press}, author={Lee, L}, year={1998--2000 (in press)}}\n"),
    );
    said.push_str(
        &w.import_reading("p.ris", "TY  - BOOK\nTI  - Ris press\nAU  - Quin, Q\nPY  - 2011-12 (in press)\nER  - \n"),
    );
    let list = w.reading_list();
    let press = || Some("in press".to_string());
    assert_eq!(stored(&list, "Csv press"), (Some(2011), None, Some(2012), None, press()));
    assert_eq!(stored(&list, "Csv forth"), (Some(1998), None, Some(2000), None, Some("forthcoming".into())));
    assert_eq!(stored(&list, "Bib press"), (Some(1998), None, Some(2000), None, press()));
    assert_eq!(stored(&list, "Ris press"), (Some(2011), None, Some(2012), None, press()));
    assert!(
        said.contains(
            "p.csv:2:3: warning: the date \"2011-12 (in press)\" may be the years 2011 to 2012 (an academic year) or \
             December 2011; canon keeps the years 2011 to 2012 (write \"2011-2012\" for the years, \"Dec 2011\" for \
             the month)"
        ),
        "{said}"
    );
    assert_eq!(said.matches("may be the years 2011 to 2012").count(), 2, "{said}");
}

#[test]
fn a_year_and_two_digits_follow_one_rule_in_every_century() {
    let w = workdir();
    let mut said = Vec::new();
    for y in [
        "2000-01", "1999-01", "2009-10", "1989-01", "2005-12", "1988-01", "1985-06", "2000-2", "2019-04", "1999-00",
        "1914-18",
    ] {
        said.push((y, add(&w, &format!("T {y}"), y, &[])));
    }
    let list = w.reading_list();
    for (y, first, end) in [
        ("2000-01", 2000, 2001),
        ("1999-01", 1999, 2001),
        ("2009-10", 2009, 2010),
        ("1989-01", 1989, 2001),
        ("2005-12", 2005, 2012),
        ("1999-00", 1999, 2000),
        ("1914-18", 1914, 1918),
    ] {
        assert_eq!(stored(&list, &format!("T {y}")), (Some(first), None, Some(end), None, None), "{y}");
    }
    for (y, year, month) in [("1988-01", 1988, 1), ("1985-06", 1985, 6), ("2000-2", 2000, 2), ("2019-04", 2019, 4)] {
        assert_eq!(stored(&list, &format!("T {y}")), (Some(year), Some(month), None, None, None), "{y}");
    }
    let said_of = |y: &str| said.iter().find(|(s, _)| *s == y).map(|(_, m)| m.trim().to_string()).unwrap_or_default();
    assert_eq!(
        said_of("1999-01"),
        "warning: --year \"1999-01\" may be the years 1999 to 2001 or January 1999; canon keeps the years 1999 to 2001 \
         (write \"1999-2001\" for the years, \"Jan 1999\" for the month)"
    );
    assert_eq!(
        said_of("2000-01"),
        "warning: --year \"2000-01\" may be the years 2000 to 2001 (an academic year) or January 2000; canon keeps the \
         years 2000 to 2001 (write \"2000-2001\" for the years, \"Jan 2000\" for the month)"
    );
    for y in ["2009-10", "1989-01", "2005-12"] {
        assert!(said_of(y).contains(" may be the years "), "{y}: {}", said_of(y));
    }
    for y in ["1988-01", "1985-06", "2019-04", "1999-00", "1914-18"] {
        assert_eq!(said_of(y), "", "{y}");
    }
    // "2000-2" is February 2000, said with its other reading (d86: it was silent).
    assert_eq!(
        said_of("2000-2"),
        "warning: --year \"2000-2\" may be February 2000 or the years 2000 to 2002; canon keeps February 2000 (write \
         \"Feb 2000\" for the month, \"2000-2002\" for the years)"
    );
    // In an ISO or EDTF date field, "1999-01" is a month.
    w.import_reading("m.bib", "@book{a, title={Bib iso month}, author={Lee, L}, date={1999-01}}\n");
    assert_eq!(stored(&w.reading_list(), "Bib iso month"), (Some(1999), Some(1), None, None, None));
}

#[test]
fn the_readme_says_a_range_of_years_is_kept_whole() {
    let readme = include_str!("../README.md");
    assert!(!readme.contains("keeps its first year"), "the README still says a range keeps its first year");
    assert!(readme.contains("`year_end`") && readme.contains("\"1999-01\""));
}
