//! Issue 12 (12u), through the binary: every place a report names a reading
//! by title and year labels the year as its reference does ("1998b"); a
//! year of one or two digits is refused with the same advice wherever it is
//! typed or read; a book's number in its series is the series number;
//! "approximate" survives every format's month-and-day date.

mod common;

use std::collections::HashMap;

use common::{Workdir, sample};

/// A workspace with the sample modules and three works by Galen of 1998,
/// two of them linked to MED1001 and one proposed nowhere in particular.
fn galen_linked() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.ok(&["import", "modules", &sample("modules.csv"), "-q"]);
    w.import_reading(
        "g.csv",
        "title,authors,year,type,container,themes,status\n\
         Anatomy of the cell,\"Galen, C\",1998,article,Lancet,epistemic-bias,approved\n\
         Blood and membranes,\"Galen, C\",1998,article,Lancet,epistemic-bias,approved\n\
         Cells in history,\"Galen, C\",1998,article,Lancet,historical-awareness,approved\n\
         Alone in its year,\"Okafor, N\",2003,article,BMJ,epistemic-bias,approved\n",
    );
    for r in w.reading_list().as_array().unwrap() {
        let id = r["id"].as_i64().unwrap().to_string();
        w.ok(&["link", &id, "MED1001", "--by", "amina"]);
    }
    w
}

/// Rows of a CSV file as maps from header to cell.
fn rows(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut rd = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let h: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    rd.records().map(|r| h.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect()
}

/// The year label ("1998b") a reference gives its reading: the year in parentheses after the names.
fn label_in(reference: &str) -> String {
    let open = reference.find('(').unwrap_or_else(|| panic!("no year in {reference:?}"));
    let close = reference[open..].find(')').unwrap() + open;
    reference[open + 1..close].to_string()
}

#[test]
fn module_tables_label_a_readings_year_as_the_reading_list_does() {
    let w = galen_linked();
    for style in ["apa", "harvard"] {
        let folder = w.path(&format!("f-{style}"));
        w.ok(&["report", folder.to_str().unwrap(), "--format", "csv", "--style", style, "-q"]);
        let readings = rows(&folder.join("readings.csv"));
        // Keyed by the bare number: the CSVs write an ID R… (tester r65 F9), the gaps' text and the JSON a number.
        let bare = |id: &str| id.strip_prefix('R').unwrap_or_else(|| panic!("an ID written R…: {id}")).to_string();
        let label: HashMap<String, String> =
            readings.iter().map(|r| (bare(&r["id"]), label_in(&r["reference"]))).collect();
        // The three works of 1998 have three letters, the 2003 work none.
        let mut galen: Vec<&String> =
            readings.iter().filter(|r| r["authors"].contains("Galen")).map(|r| &label[&bare(&r["id"])]).collect();
        galen.sort();
        assert_eq!(galen, ["1998a", "1998b", "1998c"], "{style}");
        let plan = rows(&folder.join("module_readings.csv"));
        let linked: Vec<_> = plan.iter().filter(|p| p["status"] == "linked").collect();
        assert_eq!(linked.len(), 4, "{style}: {plan:?}");
        for p in &linked {
            assert_eq!(p["reading_label"], label[&bare(&p["reading_id"])], "{style}: {p:?}");
            assert_eq!(p["reading_year"], p["reading_label"][..4], "{style}: the plain year stays a number");
        }
        // The gaps table's proposed readings carry the same labels.
        for g in rows(&folder.join("gaps.csv")) {
            for (id, l) in &label {
                let at = format!("[{id}] ");
                if let Some(i) = g["candidate_readings"].find(&at) {
                    let rest = &g["candidate_readings"][i..];
                    assert!(rest.contains(&format!("({l})")), "{style}: {rest}");
                }
            }
        }
        // JSON: the same label on each module reading.
        let json_path = w.path(&format!("r-{style}.json"));
        w.ok(&["report", json_path.to_str().unwrap(), "--style", style, "-q"]);
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        for p in v["module_readings"].as_array().unwrap().iter().filter(|p| p["status"] == "linked") {
            let id = p["reading_id"].as_i64().unwrap().to_string();
            assert_eq!(p["reading_label"].as_str(), Some(label[&id].as_str()), "{style}: {p}");
        }
    }
    // The PDF's module table: "Title (1998b), linked to …" as the list labels it.
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let text = common::pdf_text(&pdf).join(" ");
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let refs = w.references("apa");
    for title in ["Anatomy of the cell", "Blood and membranes", "Cells in history"] {
        let l = label_in(common::reference(&refs, title));
        assert!(l.len() == 5 && l.starts_with("1998"), "{l}");
        let want: String = format!("{title} ({l}), linked").chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squashed.contains(&want), "{want} not in the PDF: {text}");
    }
    assert!(squashed.contains("Aloneinitsyear(2003),linked"), "{text}");
}

#[test]
fn a_year_of_one_or_two_digits_gets_one_rule_typed_or_read() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading("a.csv", "title,authors,year,type\nShort year,\"Galen, C\",2001,book\n");
    let id = w.reading_list()[0]["id"].as_i64().unwrap().to_string();
    for (typed, full, four) in [
        ("79", "1979", "0079"),
        ("c. 79", "c. 1979", "c. 0079"),
        ("ca. 7", "ca. 1907", "ca. 0007"),
        ("c79", "c1979", "c0079"),
        ("[79?]", "1979?", "0079?"),
    ] {
        let err = w.fails(&["reading", "edit", &id, "--by", "amina", "--year", typed]);
        assert!(!err.contains("plausible") && !err.contains("from 1 to 2100"), "{typed}: {err}");
        assert!(
            err.contains(&format!("such as {full},")) && err.contains(&format!("with four digits, {four}")),
            "{typed}: {err}"
        );
        // The same value in a CSV cell: refused with the same advice.
        let f = w.write("y.csv", format!("title,authors,year,type\nCut short,\"Galen, C\",{typed},book\n"));
        let err = w.fails(&["import", "reading", f.to_str().unwrap()]);
        assert!(
            err.contains(&format!("such as {full},")) && err.contains(&format!("with four digits, {four}")),
            "{typed}: {err}"
        );
        assert!(err.contains("y.csv:2:3:"), "{typed}: line 2, column 3: {err}");
        // What the advice says works, typed and in a file.
        w.ok(&["reading", "edit", &id, "--by", "amina", "--year", four]);
        let r = &w.reading_list()[0];
        let y: i64 = four.trim_start_matches(|c: char| !c.is_ascii_digit()).trim_end_matches('?').parse().unwrap();
        assert_eq!(r["year"].as_i64(), Some(y), "{four}: {r}");
    }
    // Other values keep their own message: "0" and "3000" are numbers that are no year.
    // (3000 is a year in the future: the years canon keeps end two years from
    // now, no longer at 2100: tester r97 F1.)
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let (z, y) = (secs.div_euclid(86_400) + 719_468, 0);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let mp = (5 * (doe - (365 * yoe + yoe / 4 - yoe / 100)) + 2) / 153;
    let latest = y + yoe + z.div_euclid(146_097) * 400 + i64::from(mp >= 10) + 2;
    let err = w.fails(&["reading", "edit", &id, "--by", "amina", "--year", "3000"]);
    assert!(err.contains("3000") && err.contains(&format!("from 1 to {latest}")), "{err}");
}

#[test]
fn a_books_number_in_its_series_is_the_series_number() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading(
        "s.bib",
        "@book{a, title={Medicine in the colonies}, author={Galen, C}, year={1998}, publisher={Routledge}, \
         series={Studies in the History of Medicine}, number={12}}\n\
         @incollection{b, title={A chapter}, author={Okafor, N}, booktitle={The big book}, editor={Smith, J}, \
         year={2001}, publisher={Routledge}, series={Studies in the History of Medicine}, number={7}, pages={1--10}}\n\
         @article{c, title={A journal paper}, author={Osei, A}, journal={Lancet}, year={2002}, volume={3}, number={4}}\n",
    );
    w.import_reading(
        "s.json",
        r#"[{"id":"c","type":"book","title":"Book from json","author":[{"family":"Mensah","given":"K"}],
            "issued":{"date-parts":[[2005]]},"publisher":"OUP","collection-title":"Oxford Studies","collection-number":"3"}]"#,
    );
    // CSL-JSON's collection-number is kept where BibTeX's number is.
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Book from json")["issue"], "3", "{list}");
    assert_eq!(common::reading(&list, "Medicine in the colonies")["issue"], "12", "{list}");
    for style in ["apa", "chicago", "harvard", "vancouver"] {
        let refs = w.references(style);
        for (title, series, n) in [
            ("Medicine in the colonies", "Studies in the History of Medicine", "12"),
            ("A chapter", "Studies in the History of Medicine", "7"),
            ("Book from json", "Oxford Studies", "3"),
        ] {
            let r = common::reference(&refs, title);
            assert!(!r.contains("Issue") && !r.contains("(no. ") && !r.contains(&format!("({n})")), "{style}: {r}");
            let want = match style {
                // APA 7 (§10.2) gives no series for a book.
                "apa" => None,
                "chicago" => Some(format!("{series} {n}.")),
                "harvard" => Some(format!("({series}, {n})")),
                _ => Some(format!("({series}; no. {n})")),
            };
            if let Some(want) = &want {
                assert!(r.contains(want.as_str()), "{style}: {want:?} not in {r}");
            }
            assert_eq!(
                r.matches(&format!(" {n}")).count() + r.matches(&format!("({n}")).count(),
                usize::from(want.is_some()),
                "{style}: the number once: {r}"
            );
        }
        // A journal's number is still its issue.
        let r = common::reference(&refs, "A journal paper");
        assert!(r.contains('4'), "{style}: {r}");
    }
}

/// (year, month, day, approximate) of the reading titled `title`.
fn date_of(w: &Workdir, title: &str) -> (Option<i64>, Option<i64>, Option<i64>, bool) {
    let r = common::reading(&w.reading_list(), title).clone();
    (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64(), r["date_approximate"].as_bool().unwrap_or(false))
}

#[test]
fn an_approximate_date_with_its_month_first_stays_approximate_in_every_format() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let record = |title: &str, date: &str| {
        format!(
            "<record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Galen, C</author></authors>\
             </contributors><titles><title>{title}</title></titles><dates><year>1998</year><pub-dates><date>{date}\
             </date></pub-dates></dates></record>"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>{}{}{}</records></xml>",
        record("Endnote month first", "ca. May 3, 1998"),
        record("Endnote day first", "c. 3 May 1998"),
        record("Endnote plain", "May 3, 1998"),
    );
    w.import_reading("e.xml", &xml);
    w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Date\n\
         K1,book,1998,\"Galen, C\",Zotero circa,circa 1998-05-03\n\
         K2,book,1998,\"Galen, C\",Zotero month first,circa May 3 1998\n",
    );
    w.import_reading(
        "r.ris",
        "TY  - BOOK\nAU  - Galen, C\nTI  - RIS circa\nPY  - 1998\nDA  - circa 1998/05/03\nER  - \n",
    );
    for t in ["Endnote month first", "Endnote day first", "Zotero circa", "Zotero month first", "RIS circa"] {
        assert_eq!(date_of(&w, t), (Some(1998), Some(5), Some(3), true), "{t}");
    }
    assert_eq!(date_of(&w, "Endnote plain"), (Some(1998), Some(5), Some(3), false));
    // APA prints the one mark for all of them alike.
    let refs = w.references("apa");
    assert!(common::reference(&refs, "Endnote month first").contains("ca. 1998"), "{refs:?}");
    assert!(!common::reference(&refs, "Endnote plain").contains("ca."), "{refs:?}");
}

#[test]
fn a_short_range_is_stored_and_an_uncertain_year_is_said_once() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading(
        "y.csv",
        "title,authors,year,type\nAcademic year,\"Galen, C\",1998/99,book\nMonth,\"Galen, C\",2019/05,book\n",
    );
    // Dates r83: "1998/99" is stored whole (year_end 1999), so nothing is said; 2019/05 is May.
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(date_of(&w, "Academic year").0, Some(1998));
    assert_eq!(common::reading(&w.reading_list(), "Academic year")["year_end"].as_i64(), Some(1999));
    assert_eq!(date_of(&w, "Month"), (Some(2019), Some(5), None, false));
    assert!(common::reading(&w.reading_list(), "Month")["year_end"].is_null(), "2019/05 is May");
    let err = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Date\nK1,book,1998?,\"Galen, C\",Zotero doubtful,1998-05?\n",
    );
    assert_eq!(err.matches("is an uncertain year").count(), 1, "{err}");
    assert_eq!(date_of(&w, "Zotero doubtful"), (Some(1998), Some(5), None, false));
}

#[test]
fn a_reading_without_a_plain_year_is_labelled_as_the_lists_say_it() {
    // A fresh tester: "What each module should read" showed "EndNote book ()"
    // for a work in press and an undated one, and "(1998)" for "ca. 1998".
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.ok(&["import", "modules", &sample("modules.csv"), "-q"]);
    w.import_reading(
        "n.csv",
        "title,authors,year,type,container,themes,status\n\
         Undated pamphlet on race,\"Galen, C\",,book,,epistemic-bias,approved\n\
         A book in press,\"Okafor, N\",in press,book,,epistemic-bias,approved\n\
         About that year,\"Mensah, K\",c. 1998,book,,epistemic-bias,approved\n",
    );
    for r in w.reading_list().as_array().unwrap() {
        let id = r["id"].as_i64().unwrap().to_string();
        w.ok(&["link", &id, "MED1001", "--by", "amina"]);
    }
    let folder = w.path("f");
    w.ok(&["report", folder.to_str().unwrap(), "--format", "csv", "--style", "apa", "-q"]);
    let labels: HashMap<String, String> = rows(&folder.join("module_readings.csv"))
        .into_iter()
        .map(|r| (r["title"].clone(), r["reading_label"].clone()))
        .collect();
    assert_eq!(labels.get("Undated pamphlet on race").map(String::as_str), Some("n.d."), "{labels:?}");
    assert_eq!(labels.get("A book in press").map(String::as_str), Some("in press"), "{labels:?}");
    assert_eq!(labels.get("About that year").map(String::as_str), Some("ca. 1998"), "{labels:?}");
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let text = common::pdf_text(&pdf).join(" ");
    assert!(!text.contains("pamphlet on race ()") && !text.contains("in press ()"), "{text}");
}
