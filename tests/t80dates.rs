//! Tester r80 (dates): an academic year "2020-21" stored as a season, a
//! spaced "n. d." refusing a whole list, "c. 1890" erased by a plain 1890
//! of another list, and Zotero's "Original Date" not read.

mod common;
use common::*;

fn year_season(list: &serde_json::Value, title: &str) -> (Option<i64>, Option<String>) {
    let r = reading(list, title);
    (r["year"].as_i64(), r["season"].as_str().map(str::to_string))
}

/// F1: "YYYY-YY" outside an EDTF field is a range of years (an academic
/// year), in a spreadsheet, a BibTeX `year`, a CSL `raw` or `literal`
/// date, a RIS `PY`, a Zotero CSV, never a season; biblatex's `date` and
/// CSL's `date-parts` still read EDTF's season codes.
#[test]
fn an_academic_year_is_a_range_of_years_never_a_season() {
    let w = Workdir::new();
    let out = w.import_reading(
        "ay.csv",
        "title,authors,year,type,container,volume,pages\n\
         Academic year report,\"Osei, Jane\",2020-21,article,Medical Teacher,42,1-9\n\
         Another year report,\"Osei, Jane\",2019-22,article,Medical Teacher,41,1-9\n\
         Third report,\"Osei, Jane\",1999-00,article,Medical Teacher,21,1-9\n\
         Fourth report,\"Osei, Jane\",2018-19,article,Medical Teacher,40,1-9\n\
         Fifth report,\"Osei, Jane\",2010-24,article,Medical Teacher,30,1-9\n\
         Sixth report,\"Osei, Jane\",2010-28,article,Medical Teacher,31,1-9\n\
         Seventh report,\"Osei, Jane\",2010/22,article,Medical Teacher,32,1-9\n",
    );
    for (line, text, first, last) in [
        (2, "2020-21", 2020, 2021),
        (3, "2019-22", 2019, 2022),
        (4, "1999-00", 1999, 2000),
        (5, "2018-19", 2018, 2019),
        (6, "2010-24", 2010, 2024),
        (7, "2010-28", 2010, 2028),
        (8, "2010/22", 2010, 2022),
    ] {
        // Dates r83: the range of years is stored whole (year_end), so nothing is said.
        assert!(!out.contains(&format!("ay.csv:{line}:")), "{text} ({first} to {last}) said\n{out}");
    }
    assert!(!out.contains("runs from"), "{out}");
    assert!(!out.contains("no month"), "{out}");
    let list = w.reading_list();
    for (t, y, e) in [
        ("Academic year", 2020, 2021),
        ("Another year", 2019, 2022),
        ("Third report", 1999, 2000),
        ("Fourth report", 2018, 2019),
        ("Fifth report", 2010, 2024),
        ("Sixth report", 2010, 2028),
        ("Seventh report", 2010, 2022),
    ] {
        assert_eq!(year_season(&list, t), (Some(y), None), "{t}");
        assert_eq!(reading(&list, t)["year_end"].as_i64(), Some(e), "{t}");
        assert!(reading(&list, t)["month"].is_null(), "{t}");
    }
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Academic year report"),
        "Osei J. Academic year report. Medical Teacher. 2020-2021;42:1-9."
    );
    assert_eq!(reference(&v, "Another year report"), "Osei J. Another year report. Medical Teacher. 2019-2022;41:1-9.");

    // The same cell in every other free-text date field.
    let w = Workdir::new();
    let out = w.import_reading(
        "y.bib",
        "@article{k2, author = {B, A}, title = {Bib year}, journal = {J}, year = {2020-21}}\n\
         @article{k3, author = {B, A}, title = {Bib edtf}, journal = {J}, date = {2020-21}}\n\
         @article{k4, author = {B, A}, title = {Bib edtf beside}, journal = {J}, year = {2020}, date = {2020-22}}\n",
    );
    assert!(!out.contains("k2`"), "{out}");
    assert!(!out.contains("k3`: the date"), "{out}");
    let list = w.reading_list();
    assert_eq!(year_season(&list, "Bib year"), (Some(2020), None));
    assert_eq!(reading(&list, "Bib year")["year_end"].as_i64(), Some(2021));
    assert!(reading(&list, "Bib edtf")["year_end"].is_null());
    // biblatex's `date` is EDTF: 21 is spring there.
    assert_eq!(year_season(&list, "Bib edtf"), (Some(2020), Some("spring".into())));
    assert_eq!(year_season(&list, "Bib edtf beside"), (Some(2020), Some("summer".into())));

    let w = Workdir::new();
    let out = w.import_reading(
        "d.json",
        r#"[{"id":"d13","type":"article-journal","title":"Raw year","author":[{"family":"A","given":"B"}],"issued":{"raw":"2020-21"}},
{"id":"d14","type":"article-journal","title":"Literal year","author":[{"family":"A","given":"B"}],"issued":{"literal":"2019-22"}},
{"id":"d15","type":"article-journal","title":"Parts season","author":[{"family":"A","given":"B"}],"issued":{"date-parts":[[2020,21]]}}]"#,
    );
    // A CSL `raw` date is EDTF-like: "2020-21" is spring 2020 there, as
    // `date-parts` [[2020, 21]] is, and the range it may be is said
    // (tester94 F6, b_r95: this test had raw as free text, the range unsaid).
    assert_eq!(out.matches("warning").count(), 1, "{out}");
    assert!(
        out.contains(
            "warning: in item `d13`: the date \"2020-21\" is read as spring 2020 (EDTF's code 21); it may also be the \
             years 2020 to 2021 (write \"2020/2021\" for the years)"
        ),
        "{out}"
    );
    let list = w.reading_list();
    assert_eq!(year_season(&list, "Raw year"), (Some(2020), Some("spring".into())));
    assert!(reading(&list, "Raw year")["year_end"].is_null());
    assert_eq!(year_season(&list, "Literal year"), (Some(2019), None));
    assert_eq!(reading(&list, "Literal year")["year_end"].as_i64(), Some(2022));
    assert!(reading(&list, "Parts season")["year_end"].is_null());
    assert_eq!(year_season(&list, "Parts season"), (Some(2020), Some("spring".into())));

    let w = Workdir::new();
    let out =
        w.import_reading("y.ris", "TY  - JOUR\nTI  - Ris year\nAU  - Osei, Jane\nPY  - 2020-21\nJO  - J\nER  - \n");
    assert!(!out.contains("warning"), "{out}");
    assert_eq!(year_season(&w.reading_list(), "Ris year"), (Some(2020), None));
    assert_eq!(reading(&w.reading_list(), "Ris year")["year_end"].as_i64(), Some(2021));

    let w = Workdir::new();
    let out = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\"\n\
         \"A1\",\"journalArticle\",\"2020-21\",\"Osei, Jane\",\"Zotero year\",\"J\",\"2020-21\"\n",
    );
    assert!(!out.contains("2020-21"), "{out}");
    assert_eq!(year_season(&w.reading_list(), "Zotero year"), (Some(2020), None));
    assert_eq!(reading(&w.reading_list(), "Zotero year")["year_end"].as_i64(), Some(2021));
}

/// F2: "n. d." and its kin, spaced or not, are an undated work in every
/// format; what is none names "n.d." as the form for one.
#[test]
fn a_spaced_no_date_is_undated() {
    let w = Workdir::new();
    let cells = ["n. d.", "s. d.", "not dated", "N. D.", "[n. d.]", "(s. d.)", "s. f.", "s. a.", "o. J.", "n/d", "s/d"];
    let mut csv = String::from("title,authors,year,type\n");
    for (i, c) in cells.iter().enumerate() {
        csv.push_str(&format!("Undated {i},\"A, B\",{c},book\n"));
    }
    let out = w.import_reading("nd.csv", &csv);
    assert!(out.contains(&format!("readings: {} new", cells.len())), "{out}");
    let list = w.reading_list();
    for (i, cell) in cells.iter().enumerate() {
        let r = reading(&list, &format!("Undated {i}"));
        assert!(r["year"].is_null(), "{cell}: {r}");
        assert!(r["year_note"].is_null(), "{cell}: {r}");
    }
    assert_eq!(reference(&w.references("apa"), "Undated 0"), "A, B. (n.d.-a). Undated 0.");

    let w = Workdir::new();
    w.import_reading(
        "nd.bib",
        "@book{a, author = {B, A}, title = {Bib undated}, year = {n. d.}}\n\
         @book{b, author = {B, A}, title = {Bib sans date}, year = {s. d.}}\n",
    );
    w.import_reading("nd.json", r#"[{"id":"c","type":"book","title":"Json undated","issued":{"raw":"n. d."}}]"#);
    w.import_reading("nd.ris", "TY  - BOOK\nTI  - Ris undated\nAU  - B, A\nPY  - n. d.\nER  - \n");
    let list = w.reading_list();
    for t in ["Bib undated", "Bib sans date", "Json undated", "Ris undated"] {
        let r = reading(&list, t);
        assert!(r["year"].is_null(), "{t}: {r}");
        assert!(r["year_note"].is_null(), "{t}: {r}");
    }

    // What is no year still refuses the file, and names the undated form.
    let p = w.write("bad.csv", "title,authors,year\nX,\"A, B\",someday\n");
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(
        err.contains(
            "bad.csv:2:3: year \"someday\" is not a year; expected a year such as 2019 or 950 (or a date, or \"in \
             press\", or \"n.d.\" for an undated work)"
        ),
        "{err}"
    );
}

const AP_CSV: &str = "title,authors,year,type,publisher,place,edition,editors,translators,original_title,series\n\
Kitab al-Hawi,\"al-Razi, Muhammad ibn Zakariya\",c. 1890,book,Dairat,Hyderabad,2nd,\"Khan, Ahmad\",\"Smith, John\",الحاوي في الطب,Oriental Texts\n";

const AP_JSON: &str = r#"[{"id":"h","type":"book","title":"Kitab al-Hawi","author":[{"family":"Razi","given":"Muhammad ibn Zakariya","non-dropping-particle":"al-"}],"issued":{"date-parts":[[1890]]},"publisher":"Dairat","publisher-place":"Hyderabad"}]"#;

/// F6: an approximate (or copyright) year is fuller than the same bare
/// year: kept whichever list comes first, in every format that gives one.
#[test]
fn an_approximate_year_is_kept_beside_the_same_plain_year() {
    let want_v = "al-Razi MZ. Kitab al-Hawi. 2nd ed. Khan A, editor; Smith J, translator. Hyderabad: Dairat; [1890?]. \
                  (Oriental Texts).";
    // The sheet first, then the plain year.
    let w = Workdir::new();
    w.import_reading("ap.csv", AP_CSV);
    let out = w.import_reading("ap.json", AP_JSON);
    assert!(!out.contains("date_approximate") && !out.contains("year 1890"), "{out}");
    assert_eq!(reading(&w.reading_list(), "Kitab")["date_approximate"], true);
    assert_eq!(reference(&w.references("vancouver"), "Kitab al-Hawi"), want_v);
    assert!(reference(&w.references("apa"), "Kitab al-Hawi").starts_with("al-Razi, M. Z. (ca. 1890). "));
    // The plain year first, then the sheet.
    let w = Workdir::new();
    w.import_reading("ap.json", AP_JSON);
    w.import_reading("ap.csv", AP_CSV);
    assert_eq!(reading(&w.reading_list(), "Kitab")["date_approximate"], true);
    assert_eq!(reference(&w.references("vancouver"), "Kitab al-Hawi"), want_v);

    // The same in BibTeX and RIS, and for a copyright year.
    let w = Workdir::new();
    w.import_reading(
        "a.bib",
        "@book{a, author = {Lind, Tove}, title = {Circa bib}, year = {circa 1850}, publisher = {P}}\n\
         @book{b, author = {Lind, Tove}, title = {Copyright bib}, year = {c1998}, publisher = {P}}\n",
    );
    w.import_reading(
        "a.ris",
        "TY  - BOOK\nTI  - Circa bib\nAU  - Lind, Tove\nPY  - 1850\nPB  - P\nER  - \n\n\
         TY  - BOOK\nTI  - Copyright bib\nAU  - Lind, Tove\nPY  - 1998\nPB  - P\nER  - \n\n\
         TY  - BOOK\nTI  - Plain first\nAU  - Lind, Tove\nPY  - 1777\nPB  - P\nER  - \n",
    );
    w.import_reading("b.csv", "title,authors,year,type,publisher\nPlain first,\"Lind, Tove\",ca. 1777,book,P\n");
    let list = w.reading_list();
    let flags = |t: &str| {
        let r = reading(&list, t);
        (r["year"].as_i64(), r["date_approximate"].as_bool(), r["date_copyright"].as_bool())
    };
    assert_eq!(flags("Circa bib"), (Some(1850), Some(true), Some(false)));
    assert_eq!(flags("Copyright bib"), (Some(1998), Some(false), Some(true)));
    assert_eq!(flags("Plain first"), (Some(1777), Some(true), Some(false)));

    // Two marks that differ: the stored one stays.
    let w = Workdir::new();
    w.import_reading("c.csv", "title,authors,year,type,publisher\nTwo marks,\"Lind, Tove\",c1998,book,P\n");
    w.import_reading("d.csv", "title,authors,year,type,publisher\nTwo marks,\"Lind, Tove\",ca. 1998,book,P\n");
    let r = reading(&w.reading_list(), "Two marks").clone();
    assert_eq!((r["date_approximate"].as_bool(), r["date_copyright"].as_bool()), (Some(false), Some(true)));
}

/// F6: another year that replaces an approximate one is said as written,
/// with its mark, not as an internal field.
#[test]
fn a_replaced_approximate_year_is_said_as_written() {
    let w = Workdir::new();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\nDated paper,\"Lind, Tove\",c. 1890,article,J,10.1000/xyz1\n",
    );
    let out = w.import_reading(
        "b.json",
        r#"[{"id":"x","type":"article-journal","title":"Dated paper","author":[{"family":"Lind","given":"Tove"}],"container-title":"J","DOI":"10.1000/xyz1","issued":{"date-parts":[[1891]]}}]"#,
    );
    assert!(!out.contains("date_approximate"), "{out}");
    assert!(
        out.contains(
            "(same DOI): the file's value replaces the stored one: year 1891 (was ca. 1890) (`canon undo` restores it)"
        ),
        "{out}"
    );
    let r = reading(&w.reading_list(), "Dated paper").clone();
    assert_eq!((r["year"].as_i64(), r["date_approximate"].as_bool()), (Some(1891), Some(false)));
}

/// F8: Zotero's "Original Date" is the original year, as a canonical
/// CSV's column and Zotero's Extra line are; `--map` reads a column as it.
#[test]
fn zotero_original_date_is_the_original_year() {
    let w = Workdir::new();
    let out = w.import_reading(
        "zotero.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publisher\",\"Translator\",\"Original Date\"\n\
         \"A2\",\"book\",\"2010\",\"de Beauvoir, Simone\",\"The second sex\",\"Vintage\",\"Borde, Constance\",\"1949\"\n\
         \"A3\",\"book\",\"2011\",\"Fanon, Frantz\",\"The wretched of the earth\",\"Grove\",\"\",\"\"\n",
    );
    assert!(out.contains("\"Original Date\" → original_year"), "{out}");
    assert!(!out.contains("\"Original Date\" is not read"), "{out}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "The second sex")["original_year"], "1949");
    assert!(reading(&list, "The wretched")["original_year"].is_null());
    let apa = w.references("apa");
    assert!(reference(&apa, "The second sex").ends_with("(Original work published 1949)"), "{apa:?}");

    // Another header, read with --map.
    let w = Workdir::new();
    let p = w.write(
        "z2.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"First Published\",\"Title In Original\"\n\
         \"A2\",\"book\",\"2010\",\"de Beauvoir, Simone\",\"The second sex\",\"1949\",\"Le deuxième sexe\"\n",
    );
    w.ok(&[
        "import",
        "reading",
        p.to_str().unwrap(),
        "--map",
        "First Published=original_year",
        "--map",
        "Title In Original=original_title",
        "-q",
    ]);
    let list = w.reading_list();
    assert_eq!(reading(&list, "The second sex")["original_year"], "1949");
    assert_eq!(reading(&list, "The second sex")["original_title"], "Le deuxième sexe");
}
