//! Tester r79: dates and numbers. A range of months across a year end
//! keeps its end year; a yes/no column beside the year is named once, not
//! read as a date; a record with no date is said in one message by every
//! format and counted; volumes written "2", "II", "Vol. 2" are one volume.

mod common;

use common::{Workdir, reading, reference, workdir};

fn import(w: &Workdir, path: &std::path::Path) -> String {
    w.ok_stderr(&["import", "reading", path.to_str().expect("utf-8 path")])
}

/// (year, month, month_end, year_end, day) of the reading titled `prefix`.
fn date(list: &serde_json::Value, prefix: &str) -> [Option<i64>; 5] {
    let r = reading(list, prefix);
    ["year", "month", "month_end", "year_end", "day"].map(|k| r[k].as_i64())
}

const ACROSS: [Option<i64>; 5] = [Some(2021), Some(12), Some(1), Some(2022), None];

/// The same range across a year end as five formats write it, each by
/// another author (so no style adds a year letter).
fn across_files(w: &Workdir) -> Vec<std::path::PathBuf> {
    vec![
        w.write(
            "a.nbib",
            "PMID- 111\nTI  - Cross year nbib.\nDP  - 2021 Dec-2022 Jan\nFAU - Adeyemi, Tunde\nAU  - Adeyemi T\n\
             JT  - Journal of Tests\nTA  - J Tests\nVI  - 3\nPG  - 1-5\nPT  - Journal Article\n\n",
        ),
        w.write(
            "a.ris",
            "TY  - JOUR\nTI  - Cross year ris\nAU  - Banda, Chipo\nPY  - 2021/12//\nDA  - 2021/12/2022/01\n\
             T2  - Journal of Tests\nVL  - 4\nSP  - 1\nEP  - 5\nER  - \n",
        ),
        w.write(
            "a.csv",
            "Title,Authors,Year,Type,Journal,Volume,Pages\n\
             Cross year csv,\"Chen, Li\",Dec 2021 - Jan 2022,article,Journal of Tests,5,1-5\n",
        ),
        w.write(
            "a.json",
            r#"[{"id":"x","type":"article-journal","title":"Cross year csl","author":[{"family":"Dlamini","given":"Sipho"}],"issued":{"date-parts":[[2021,12],[2022,1]]},"container-title":"Journal of Tests","volume":"6","page":"1-5"}]"#,
        ),
        w.write(
            "a.bib",
            "@article{x, title={Cross year bib}, author={Eze, Ngozi}, date={2021-12/2022-01}, \
             journal={Journal of Tests}, volume={7}, pages={1--5}}\n",
        ),
    ]
}

#[test]
fn a_range_of_months_across_a_year_end_keeps_its_end_year_in_every_format() {
    let w = workdir();
    let files = across_files(&w);
    for f in &files {
        let err = import(&w, f);
        assert!(!err.contains("end year"), "{err}");
        assert!(!err.contains("warning"), "{err}");
    }
    let list = w.reading_list();
    for t in ["Cross year nbib", "Cross year ris", "Cross year csv", "Cross year csl", "Cross year bib"] {
        assert_eq!(date(&list, t), ACROSS, "{t}");
    }
    // The same files again: nothing to change.
    for f in &files {
        let err = import(&w, f);
        assert!(err.contains("0 new, 0 changed, 1 unchanged"), "{err}");
    }
    let id = reading(&list, "Cross year nbib")["id"].as_i64().unwrap().to_string();
    let show = w.ok(&["reading", "show", &id]);
    // (Labels are padded to the card's longest, r87 F12: compared by words.)
    let line = |want: &[&str]| show.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == want);
    assert!(line(&["month_end", "1"]) && line(&["year_end", "2022"]), "{show}");
}

#[test]
fn the_end_year_goes_through_export_and_back_unchanged() {
    let w = workdir();
    for f in across_files(&w) {
        import(&w, &f);
    }
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    // (Schema 0039's archive and archive location come after, empty here.)
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(",year_end,other_isbns,archive,archive_location,event,event_place,event_date,pmcid,eprint"),
        "{text}"
    );
    assert!(text.contains("Cross year nbib") && text.lines().nth(1).unwrap().ends_with(",2022,,,,,,,,"), "{text}");
    let err = import(&w, &out);
    assert!(err.contains("0 new, 0 changed, 5 unchanged"), "{err}");
    // Into another database: the same dates.
    let other = w.path("other.db");
    w.ok_at(&other, &["init"]);
    w.ok_at(&other, &["import", "reading", out.to_str().unwrap()]);
    let list = common::json_at(&w, &other, &["reading", "list", "--format", "json"]);
    for t in ["Cross year nbib", "Cross year ris", "Cross year csv", "Cross year csl", "Cross year bib"] {
        assert_eq!(date(&list, t), ACROSS, "{t}");
    }
}

#[test]
fn every_style_prints_both_years_of_the_range() {
    let w = workdir();
    for f in across_files(&w) {
        import(&w, &f);
    }
    w.import_reading(
        "mag.json",
        r#"[{"id":"m","type":"article-magazine","title":"Winter magazine piece","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2021,12],[2022,1]]},"container-title":"Harper's Magazine"},
           {"id":"s","type":"article-journal","title":"Same year range","author":[{"family":"Fofana","given":"Awa"}],"issued":{"date-parts":[[2019,4],[2019,5]]},"container-title":"J Tests","volume":"2"}]"#,
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Cross year nbib"),
        "Adeyemi T. Cross year nbib. J Tests. 2021 Dec-2022 Jan;3:1-5. PubMed PMID: 111."
    );
    assert_eq!(reference(&v, "Cross year ris"), "Banda C. Cross year ris. Journal of Tests. 2021 Dec-2022 Jan;4:1-5.");
    assert_eq!(
        reference(&v, "Winter magazine"),
        "Osei A. Winter magazine piece. Harper's Magazine. 2021 Dec-2022 Jan."
    );
    // A range within one year is as before.
    assert_eq!(reference(&v, "Same year range"), "Fofana A. Same year range. J Tests. 2019 Apr-May;2.");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Winter magazine"),
        "Osei, A. (2021, December–2022, January). Winter magazine piece. Harper's Magazine."
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Cross year csl"),
        "Dlamini, Sipho. 2021. “Cross Year csl.” Journal of Tests 6 (December 2021–January 2022): 1–5."
    );
    assert_eq!(
        reference(&chicago, "Winter magazine"),
        "Osei, Ama. 2021. “Winter Magazine Piece.” Harper's Magazine, December 2021–January 2022."
    );
    let mla = w.references("mla");
    assert_eq!(
        reference(&mla, "Cross year bib"),
        "Eze, Ngozi. “Cross Year Bib.” Journal of Tests, vol. 7, Dec. 2021–Jan. 2022, pp. 1–5."
    );
    // A .csl style that prints the month before the year.
    let csl = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/my-journal.csl")).unwrap();
    let csl = csl.replacen(
        "<date-part name=\"year\"/>",
        "<date-part name=\"month\" suffix=\" \"/><date-part name=\"year\"/>",
        1,
    );
    let style = w.write("months.csl", csl);
    let mine = w.references(style.to_str().unwrap());
    assert_eq!(
        reference(&mine, "Cross year ris"),
        "Banda C. «Cross Year Ris». Journal of Tests (December 2021–January 2022) 4:1–5."
    );
}

#[test]
fn a_range_of_years_alone_keeps_its_end_year_and_a_range_within_a_year_has_no_end_year() {
    let w = workdir();
    let err = w.import_reading(
        "r.csv",
        "Title,Authors,Year,Type,Publisher\n\
         Collected works,\"Gumede, Thabo\",1998-2000,book,Ravan\n\
         Two months,\"Gumede, Lindiwe\",2019 Apr-May,article,\n",
    );
    // Dates r83: the range of years is stored whole (year_end 2000), so nothing is said.
    assert!(!err.contains("r.csv:2:"), "{err}");
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    assert_eq!(date(&list, "Collected works"), [Some(1998), None, None, Some(2000), None]);
    assert_eq!(date(&list, "Two months"), [Some(2019), Some(4), Some(5), None, None]);
}

#[test]
fn reading_edit_types_a_range_across_a_year_end_and_another_date_clears_it() {
    let w = workdir();
    w.import_reading("a.csv", "Title,Authors,Year,Type\nEdited range,\"Hassan, Amal\",2020,article\n");
    let id = reading(&w.reading_list(), "Edited range")["id"].as_i64().unwrap().to_string();
    let err = w.ok_stderr(&["reading", "edit", &id, "--year", "2019 Nov-2020 Feb", "--by", "amina"]);
    assert!(err.contains("year_end: (empty) → 2020"), "{err}");
    assert_eq!(date(&w.reading_list(), "Edited range"), [Some(2019), Some(11), Some(2), Some(2020), None]);
    let err = w.ok_stderr(&["reading", "edit", &id, "--month", "5", "--by", "amina"]);
    assert!(err.contains("year_end: 2020 → (empty)"), "{err}");
    assert_eq!(date(&w.reading_list(), "Edited range"), [Some(2019), Some(5), None, None, None]);
    let change = err.split("(change #").nth(1).and_then(|t| t.split(';').next()).expect("a change number");
    w.ok(&["undo", change, "--by", "amina"]);
    assert_eq!(date(&w.reading_list(), "Edited range"), [Some(2019), Some(11), Some(2), Some(2020), None]);
}

#[test]
fn a_yes_no_column_beside_the_year_is_named_once_and_not_read_as_a_date() {
    let w = workdir();
    let err = w.import_reading(
        "p.csv",
        "Title,Authors,Year,Published,Type,Journal\n\
         One,\"Ibekwe, John\",2020,yes,article,J Tests\n\
         Two,\"Ibekwe, Jane\",2021,no,article,J Tests\n\
         Three,\"Ibekwe, Jim\",2019,TRUE,article,J Tests\n\
         Four,\"Ibekwe, Joy\",2018,FALSE,article,J Tests\n",
    );
    assert!(
        err.contains(
            "p.csv:2:4: warning: column \"Published\" holds yes/no values (\"yes\"), not dates: they are not read as \
             dates, in this row or a later one (said once for the file)"
        ),
        "{err}"
    );
    assert_eq!(err.matches("warning").count(), 1, "{err}");
    assert!(!err.contains("month"), "{err}");
    let list = w.reading_list();
    assert_eq!(date(&list, "One"), [Some(2020), None, None, None, None]);
    assert_eq!(date(&list, "Three"), [Some(2019), None, None, None, None]);
    // The yes/no column alone, read as the year: not refused, each row kept.
    let err = w.import_reading(
        "p2.csv",
        "Title,Authors,Published,Type,Journal\nFive,\"Juma, Ali\",Y,article,J Tests\nSix,\"Juma, Asha\",N,article,J Tests\n",
    );
    assert!(err.contains("p2.csv:2:3: warning: column \"Published\" holds yes/no values (\"Y\"), not dates"), "{err}");
    assert_eq!(err.matches("yes/no").count(), 1, "{err}");
    assert!(err.contains("2 new"), "{err}");
    assert!(err.contains("note: 2 readings with no date"), "{err}");
}

#[test]
fn a_record_with_no_date_is_said_alike_in_every_format_and_counted() {
    let w = workdir();
    let cases = [
        (
            "n.bib",
            "@article{a, title={No year bib}, author={Kamau, John}, journal={J Tests}}\n\
             @article{b, title={In press bib}, author={Kamau, Jane}, journal={J Tests}, year={in press}}\n\
             @article{c, title={Nd bib}, author={Kamau, Jim}, journal={J Tests}, year={n.d.}}\n",
            "n.bib:1:1: warning: in entry `a`: no date (year); read without a year",
        ),
        (
            "n.ris",
            "TY  - JOUR\nTI  - No year ris\nAU  - Kamau, Joy\nT2  - J Tests\nER  - \n",
            "n.ris:1:1: warning: in the record starting at line 1: no date (PY); read without a year",
        ),
        (
            "n.nbib",
            "PMID- 222\nTI  - No year nbib.\nFAU - Kamau, Jo\nJT  - J Tests\nPT  - Journal Article\n\n",
            "n.nbib:1:1: warning: in record PMID 222: no date (DP); read without a year",
        ),
        (
            "n.csv",
            "Title,Authors,Year,Type,Journal\nNo year csv,\"Kamau, Jill\",,article,J Tests\n\
             Nd csv,\"Kamau, Jack\",n.d.,article,J Tests\n",
            // A sheet's row: counted in the note below, not warned at each row.
            "n.csv: columns read",
        ),
        (
            "n.json",
            r#"[{"id":"x","type":"article-journal","title":"No year csl","author":[{"family":"Kamau","given":"Jean"}],"container-title":"J Tests"}]"#,
            "n.json:1:2: warning: in item `x`: no date (issued); read without a year",
        ),
        (
            "n.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
             <contributors><authors><author>Kamau, Jude</author></authors></contributors><titles><title>No year enx</title>\
             <secondary-title>J Tests</secondary-title></titles></record></records></xml>",
            "warning: in the record starting at line 1: no date (year); read without a year",
        ),
    ];
    for (name, text, said) in cases {
        let err = w.import_reading(name, text);
        assert!(err.contains(said), "{name}: {err}");
        let warned = usize::from(name != "n.csv");
        assert_eq!(
            err.matches("; read without a year").count(),
            warned,
            "{name}: only the record that says nothing: {err}"
        );
        assert!(
            err.contains(
                "note: 1 reading with no date (no year, nor \"in press\" or \"n.d.\" in the file): read without a year"
            ),
            "{name}: {err}"
        );
    }
}

#[test]
fn roman_and_arabic_volumes_naming_one_volume_are_one_volume() {
    let w = workdir();
    w.import_reading(
        "v1.csv",
        "Title,Authors,Year,Type,Publisher,Volume,ISBN,Pages,Journal\n\
         A History of Things,\"Lungu, John\",2020,book,Routledge,2,9780415047722,,\n\
         Another Work,\"Lungu, Jane\",2019,article,,2,,5-9,J Tests\n\
         Third Work,\"Lungu, Jim\",2018,article,,4,,10-19,J Tests\n",
    );
    for (name, volumes) in [("v2.csv", ["II", "ii", "Vol. IV"]), ("v3.csv", ["Vol. 2", "v. 2", "iv"])] {
        let text = format!(
            "Title,Authors,Year,Type,Publisher,Volume,ISBN,Pages,Journal\n\
             A History of Things,\"Lungu, John\",2020,book,Routledge,{},9780415047722,,\n\
             Another Work,\"Lungu, Jane\",2019,article,,{},,5-9,J Tests\n\
             Third Work,\"Lungu, Jim\",2018,article,,{},,10-19,J Tests\n",
            volumes[0], volumes[1], volumes[2]
        );
        let err = w.import_reading(name, &text);
        assert!(err.contains("0 new, 0 changed, 3 unchanged"), "{name}: {err}");
        assert!(!err.contains("possible duplicate"), "{name}: {err}");
    }
    // The text as first stored is kept.
    let list = w.reading_list();
    assert_eq!(reading(&list, "A History")["volume"], "2");
    assert_eq!(reading(&list, "Another Work")["volume"], "2");
    assert_eq!(reading(&list, "Third Work")["volume"], "4");
    // Another volume of the set under the same ISBN is another volume.
    let err = w.import_reading(
        "v4.csv",
        "Title,Authors,Year,Type,Publisher,Volume,ISBN\nA History of Things,\"Lungu, John\",2020,book,Routledge,III,9780415047722\n",
    );
    assert!(err.contains("1 new"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn IS NOT NULL"), 2);
}
