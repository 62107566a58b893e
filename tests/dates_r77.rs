//! Tester r77: dates as each format writes them are read, or named loudly
//! for the one record, never a valid file refused whole or a part dropped
//! unsaid.

mod common;

use common::{Workdir, workdir};

/// (year, month, day, month_end) of the reading titled `prefix`.
fn ymd(list: &serde_json::Value, prefix: &str) -> (Option<i64>, Option<i64>, Option<i64>, Option<i64>) {
    let r = common::reading(list, prefix);
    (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64(), r["month_end"].as_i64())
}

fn import(w: &Workdir, path: &std::path::Path) -> String {
    w.ok_stderr(&["import", "reading", path.to_str().expect("utf-8 path")])
}

// F2: a "Date published" column beside "Year" gives the month and day, and
// the year of a row whose year cell is empty.
#[test]
fn a_date_column_beside_the_year_gives_month_day_and_a_missing_year() {
    let w = workdir();
    let f = w.path("yd.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Title", "Authors", "Year", "Date published", "Type", "Journal"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let row = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, title: &str| {
        ws.write_string(r, 0, title).unwrap();
        ws.write_string(r, 1, "Adeyemi, Tunde").unwrap();
        ws.write_string(r, 4, "article").unwrap();
        ws.write_string(r, 5, "S Afr Med J").unwrap();
    };
    row(ws, 1, "Year empty, date given");
    ws.write_number_with_format(1, 3, 43831.0, &date).unwrap();
    row(ws, 2, "Year and full date");
    ws.write_number(2, 2, 2020.0).unwrap();
    ws.write_number_with_format(2, 3, 44149.0, &date).unwrap();
    row(ws, 3, "Date of another year");
    ws.write_number(3, 2, 2019.0).unwrap();
    ws.write_string(3, 3, "2018-05-01").unwrap();
    row(ws, 4, "Serial shown as a number");
    ws.write_number(4, 3, 43831.0).unwrap();
    row(ws, 5, "Date as text");
    ws.write_number(5, 2, 2019.0).unwrap();
    ws.write_string(5, 3, "March 2019").unwrap();
    wb.save(&f).unwrap();
    let err = import(&w, &f);
    assert!(err.contains("D \"Date published\" → date"), "{err}");
    assert!(!err.contains("is not read"), "{err}");
    assert!(err.contains("D4: warning") && err.contains("another year"), "{err}");
    assert!(
        err.contains("D5: warning: the year cell is empty and the date \"43831\" is no date canon reads")
            && err.contains("2020-01-01"),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Year empty"), (Some(2020), Some(1), Some(1), None));
    assert_eq!(ymd(&list, "Year and full"), (Some(2020), Some(11), Some(14), None));
    assert_eq!(ymd(&list, "Date of another"), (Some(2019), None, None, None));
    assert_eq!(ymd(&list, "Serial shown"), (None, None, None, None));
    assert_eq!(ymd(&list, "Date as text"), (Some(2019), Some(3), None, None));
    let refs = w.references("vancouver");
    let r = common::reference(&refs, "Year empty");
    assert!(r.contains("2020 Jan 1") && !r.contains("date unknown"), "{r}");
}

#[test]
fn a_date_column_in_csv_and_by_map() {
    let w = workdir();
    let err = w.import_reading(
        "d.csv",
        "title,year,date,type,container\nZotero-like,2021,2021-06-03,article,J\nNo year,,5 March 2018,article,J\n",
    );
    assert!(err.contains("\"date\" → date"), "{err}");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Zotero-like"), (Some(2021), Some(6), Some(3), None));
    assert_eq!(ymd(&list, "No year"), (Some(2018), Some(3), Some(5), None));
    // A header no alias names is read as the date with --map.
    let w = workdir();
    let p = w.write("m.csv", "title,year,Released on,container\nMapped,,2017-09-30,J\n");
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--map", "Released on=date"]);
    assert!(err.contains("\"Released on\" → date"), "{err}");
    assert_eq!(ymd(&w.reading_list(), "Mapped"), (Some(2017), Some(9), Some(30), None));
    // A month column beside the date, of another month: the month column is
    // kept, and the date's month and day said.
    let w = workdir();
    let err = w.import_reading("mm.csv", "title,year,month,date,container\nTwo months,2020,3,2020-11-14,J\n");
    assert!(err.contains("the month column gives another month (\"3\"), which is kept"), "{err}");
    assert_eq!(ymd(&w.reading_list(), "Two months"), (Some(2020), Some(3), None, None));
}

// F9: "2019 Apr-2019 Jun" (PubMed's bimonthly issue) keeps its end month in
// every reader; "Apr-Jun 2019" in RIS PY too.
#[test]
fn a_month_range_with_its_year_at_both_ends_keeps_its_end() {
    let w = workdir();
    w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - RIS PY range\nT2  - J\nPY  - Apr-Jun 2019\nER  - \n\n\
         TY  - JOUR\nTI  - RIS DA range\nT2  - J\nPY  - 2019\nDA  - 2019 Apr-2019 Jun\nER  - \n\n\
         TY  - JOUR\nTI  - RIS PY both years\nT2  - J\nPY  - 2019 Apr-2019 Jun\nER  - \n",
    );
    w.import_reading(
        "c.csv",
        "title,year,container\nCSV both years,2019 Apr-2019 Jun,J\nCSV month years,Apr 2019-Jun 2019,J\n",
    );
    w.import_reading(
        "m.nbib",
        "PMID- 31000001\nDP  - 2019 Apr-2019 Jun\nTI  - MEDLINE both years.\nFAU - Osei, Ama\nAU  - Osei A\nJT  - BMJ\n\n",
    );
    w.import_reading(
        "b.bib",
        "@article{b1, title={BibTeX both years}, author={Osei, Ama}, journal={J}, date={2019-04/2019-06}}\n",
    );
    let list = w.reading_list();
    for t in
        ["RIS PY range", "RIS DA range", "RIS PY both", "CSV both", "CSV month years", "MEDLINE both", "BibTeX both"]
    {
        assert_eq!(ymd(&list, t), (Some(2019), Some(4), None, Some(6)), "{t}");
    }
    // A range across years is not read as months of one year: since
    // schema 0036 (tester r79) it is kept whole, its end year stored.
    let err = w.import_reading("y.csv", "title,year,container\nAcross years,2021 Dec-2022 Jan,J\n");
    assert!(!err.contains("runs from 2021 to 2022"), "{err}");
    assert_eq!(ymd(&w.reading_list(), "Across years"), (Some(2021), Some(12), None, Some(1)));
    assert_eq!(common::reading(&w.reading_list(), "Across years")["year_end"], 2022);
}

// F10: RIS's fourth part is free "other information": the date is read,
// the rest named once.
#[test]
fn ris_other_information_is_named_once_and_the_date_kept() {
    let w = workdir();
    let err = w.import_reading(
        "o.ris",
        "TY  - JOUR\nTI  - Month and season words\nT2  - J\nPY  - 2019/04/02/Spring issue\nER  - \n\n\
         TY  - JOUR\nTI  - Season words alone\nT2  - J\nPY  - 2019///Spring issue\nER  - \n\n\
         TY  - JOUR\nTI  - Other words\nT2  - J\nPY  - 2019/04//Special issue on race\nER  - \n\n\
         TY  - JOUR\nTI  - In DA\nT2  - J\nPY  - 2019\nDA  - 2019/04/02/Spring issue\nER  - \n\n\
         TY  - JOUR\nTI  - In Y1\nT2  - J\nY1  - 2019/05/06/Autumn number\nER  - \n",
    );
    assert!(!err.contains("is not a year") && !err.contains("no year for it"), "{err}");
    // One message for the record, not "the month is kept" beside "not stored".
    assert_eq!(err.matches("line 1:").count(), 1, "{err}");
    assert!(
        err.contains(
            "date \"2019/04/02/Spring issue\": kept \"2019/04/02\"; the other information \"Spring issue\" is not \
             stored (its season is not kept: the date has a month, April"
        ),
        "{err}"
    );
    assert!(err.contains("kept \"2019//\" and the season \"spring\"; the rest of the other information, \"issue\""));
    assert!(!err.contains("season \"spring\" not stored"), "{err}");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Month and season"), (Some(2019), Some(4), Some(2), None));
    assert_eq!(common::reading(&list, "Season words")["season"], "spring");
    assert_eq!(ymd(&list, "Other words"), (Some(2019), Some(4), None, None));
    assert_eq!(ymd(&list, "In DA"), (Some(2019), Some(4), Some(2), None));
    assert_eq!(ymd(&list, "In Y1"), (Some(2019), Some(5), Some(6), None));
    assert!(common::reading(&list, "In Y1")["season"].is_null());
}

// F5: EDTF unspecified digits; F6: open intervals.
#[test]
fn edtf_unspecified_digits_and_open_intervals() {
    let w = workdir();
    let err = w.import_reading(
        "u.bib",
        "@article{u1, title={Day unspecified}, author={A, B}, journal={J}, date={2019-05-XX}}\n\
         @article{u2, title={Month unspecified}, author={A, B}, journal={J}, date={2019-XX}}\n\
         @article{u3, title={Both unspecified}, author={A, B}, journal={J}, date={2019-XX-XX}}\n\
         @article{u4, title={Month partly}, author={A, B}, journal={J}, date={2019-1X}}\n\
         @article{u5, title={Beside the year}, author={A, B}, journal={J}, year={2019}, date={2019-05-XX}}\n\
         @article{o1, title={Open end}, author={A, B}, journal={J}, date={2019/..}}\n\
         @article{o2, title={Open start}, author={A, B}, journal={J}, date={../2019}}\n\
         @article{o3, title={Open end with month}, author={A, B}, journal={J}, date={2019-05/..}}\n",
    );
    assert!(!err.contains("is not a year") && !err.contains("no year for it"), "{err}");
    assert!(err.contains("`u4`: the date \"2019-1X\" has unspecified digits (EDTF \"X\"); kept \"2019\""), "{err}");
    assert!(!err.contains("`u1`") && !err.contains("`u2`"), "nothing lost, nothing to say: {err}");
    assert!(
        err.contains(
            "`o1`: the date \"2019/..\" is an open interval: it runs on from then, with no end; canon keeps one \
             year, 2019, and not the open end"
        ),
        "{err}"
    );
    assert!(err.contains("`o2`: the date \"../2019\" is an open interval") && err.contains("not the open start"));
    assert!(err.contains("`o3`: the date \"2019-05/..\" is an open interval"), "{err}");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Day unspecified"), (Some(2019), Some(5), None, None));
    assert_eq!(ymd(&list, "Month unspecified"), (Some(2019), None, None, None));
    assert_eq!(ymd(&list, "Both unspecified"), (Some(2019), None, None, None));
    assert_eq!(ymd(&list, "Month partly"), (Some(2019), None, None, None));
    assert_eq!(ymd(&list, "Beside the year"), (Some(2019), Some(5), None, None));
    assert_eq!(ymd(&list, "Open end with"), (Some(2019), Some(5), None, None));
    // A decade or century of unspecified digits is no year: said as the
    // catalogue's "199-" is.
    let w = workdir();
    let p = w.write(
        "c.bib",
        "@article{c1, title={Decade}, author={A, B}, journal={J}, date={199X}}\n\
         @article{c2, title={Century}, author={A, B}, journal={J}, date={19XX}}\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("year \"199X\" names a decade (1990–1999)"), "{err}");
    assert!(err.contains("year \"19XX\" names a century (1900–1999)"), "{err}");
    // The same in a CSV cell and in CSL-JSON `raw`.
    let w = workdir();
    w.import_reading("u.csv", "title,year,container\nCSV unspecified,2019-05-XX,J\n");
    w.import_reading(
        "u.json",
        r#"[{"id":"x","type":"article-journal","title":"CSL unspecified","container-title":"J","issued":{"raw":"2019-05-XX"}},
            {"id":"y","type":"article-journal","title":"CSL open","container-title":"J","issued":{"raw":"2019/.."}}]"#,
    );
    let list = w.reading_list();
    assert_eq!(ymd(&list, "CSV unspecified"), (Some(2019), Some(5), None, None));
    assert_eq!(ymd(&list, "CSL unspecified"), (Some(2019), Some(5), None, None));
    assert_eq!(ymd(&list, "CSL open"), (Some(2019), None, None, None));
}

// F1: CJK dates and era years are read; a CSL literal canon cannot read
// keeps its item, said.
#[test]
fn cjk_and_era_dates_are_read_and_a_literal_keeps_its_item() {
    let w = workdir();
    let err = w.import_reading(
        "j.json",
        r#"[{"id":"e1","type":"article-journal","title":"Heisei","container-title":"医学","issued":{"literal":"平成30年"}},
            {"id":"e2","type":"article-journal","title":"CJK raw","container-title":"X","issued":{"raw":"2018年3月"}},
            {"id":"e3","type":"article-journal","title":"Reiwa first","container-title":"X","issued":{"literal":"令和元年5月1日"}},
            {"id":"e4","type":"article-journal","title":"Minguo","container-title":"X","issued":{"literal":"民國107年"}},
            {"id":"e5","type":"article-journal","title":"Korean","container-title":"X","issued":{"raw":"2018년 3월 5일"}},
            {"id":"e6","type":"article-journal","title":"Full-width","container-title":"X","issued":{"literal":"２０１９年"}},
            {"id":"e7","type":"article-journal","title":"Free literal","container-title":"X","issued":{"literal":"Spring term, second printing"}}]"#,
    );
    assert!(
        err.contains(
            "`e1`: the date \"平成30年\" is written in the Japanese era Heisei (its year 30), read as the year 2018"
        ),
        "{err}"
    );
    assert!(err.contains("`e4`: the date \"民國107年\" is written in the Republic of China era"), "{err}");
    assert!(
        err.contains(
            "`e7`: the literal date \"Spring term, second printing\" (issued) is not a date canon reads; read without \
             a year, and the literal not stored"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Heisei"), (Some(2018), None, None, None));
    assert_eq!(ymd(&list, "CJK raw"), (Some(2018), Some(3), None, None));
    assert_eq!(ymd(&list, "Reiwa first"), (Some(2019), Some(5), Some(1), None));
    assert_eq!(ymd(&list, "Minguo"), (Some(2018), None, None, None));
    assert_eq!(ymd(&list, "Korean"), (Some(2018), Some(3), Some(5), None));
    assert_eq!(ymd(&list, "Full-width"), (Some(2019), None, None, None));
    assert_eq!(ymd(&list, "Free literal"), (None, None, None, None));
    // The same forms in RIS, BibTeX and a CSV cell.
    let w = workdir();
    w.import_reading("j.ris", "TY  - JOUR\nTI  - RIS era\nT2  - J\nPY  - 昭和60年3月\nER  - \n");
    w.import_reading("j.bib", "@article{j, title={BibTeX CJK}, author={A, B}, journal={J}, date={2018年3月5日}}\n");
    w.import_reading("j.csv", "title,year,container\nCSV CJK,2018年3月,J\n");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "RIS era"), (Some(1985), Some(3), None, None));
    assert_eq!(ymd(&list, "BibTeX CJK"), (Some(2018), Some(3), Some(5), None));
    assert_eq!(ymd(&list, "CSV CJK"), (Some(2018), Some(3), None, None));
    // An era year past 2100 is no year: refused as any other.
    let w = workdir();
    let p = w.write("bad.csv", "title,year,container\nToo late,令和99年,J\n");
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("year \"令和99年\" is not a year"), "{err}");
}

// F12: a year typed into a date-formatted cell, and serial 0.
#[test]
fn a_year_typed_into_a_date_cell_is_said() {
    let w = workdir();
    let f = w.path("ty.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Title", "Authors", "Year", "Type", "Journal"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let fmt = |code: &str| rust_xlsxwriter::Format::new().set_num_format(code);
    let rows: [(&str, f64, &str); 4] = [
        ("Year typed into a date column", 2019.0, "yyyy-mm-dd"),
        ("Year cell formatted yyyy", 43101.0, "yyyy"),
        ("Serial zero", 0.0, "yyyy-mm-dd"),
        ("Year typed, shown d mmm yyyy", 1998.0, "d mmm yyyy"),
    ];
    for (i, (title, v, code)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *title).unwrap();
        ws.write_string(r, 1, "Adeyemi, Tunde").unwrap();
        ws.write_number_with_format(r, 2, *v, &fmt(code)).unwrap();
        ws.write_string(r, 3, "article").unwrap();
        ws.write_string(r, 4, "J X").unwrap();
    }
    wb.save(&f).unwrap();
    let err = import(&w, &f);
    assert!(
        err.contains("Sheet1!C2: warning: the cell holds the number 2019 shown as a date, 1905-07-11; read as shown")
            && err.contains("If the year is 2019"),
        "{err}"
    );
    assert!(err.contains("Sheet1!C4: warning: the cell holds 0 shown as a date") && err.contains("1900-01-00"));
    assert!(err.contains("Sheet1!C5: warning: the cell holds the number 1998 shown as a date"), "{err}");
    assert!(!err.contains("C3: warning"), "a real date is no accident: {err}");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "Year typed into").0, Some(1905));
    assert_eq!(ymd(&list, "Year cell formatted"), (Some(2018), None, None, None));
    assert_eq!(ymd(&list, "Serial zero"), (None, None, None, None));
}

// Of our own: ISO 8601's basic format, eight digits, in RIS and a CSV cell.
#[test]
fn an_eight_digit_date_is_read() {
    let w = workdir();
    w.import_reading("b.ris", "TY  - JOUR\nTI  - RIS basic\nT2  - J\nPY  - 20190402\nER  - \n");
    w.import_reading("b.csv", "title,year,container\nCSV basic,20200229,J\n");
    let list = w.reading_list();
    assert_eq!(ymd(&list, "RIS basic"), (Some(2019), Some(4), Some(2), None));
    assert_eq!(ymd(&list, "CSV basic"), (Some(2020), Some(2), Some(29), None));
    let p = w.write("bad.csv", "title,year,container\nNo such day,20190230,J\n");
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("year \"20190230\" is not a year"), "{err}");
}
