//! Dates r86 (issue 12): a year and one digit after it ("2000-2") is kept
//! as its month and said with both readings; a range of whole years beside
//! "in press" prints both; Zotero's ISO `Date` is a month; the web form
//! shows and keeps a range across a year end.

mod common;

use common::web::{Server, csrf};
use common::{reading, reference, workdir};

/// (year, month, day, year_end, month_end, year_note) of the reading titled `prefix`.
type Stored = (Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<String>);

fn stored(list: &serde_json::Value, prefix: &str) -> Stored {
    let r = reading(list, prefix);
    (
        r["year"].as_i64(),
        r["month"].as_i64(),
        r["day"].as_i64(),
        r["year_end"].as_i64(),
        r["month_end"].as_i64(),
        r["year_note"].as_str().map(str::to_string),
    )
}

/// The warning for a year and one digit, "the date … may be …".
fn one_digit(at: &str, what: &str, date: &str, month: &str, y: i64, e: i64) -> String {
    format!(
        "{at}: warning: {what}the date {date:?} may be {month} {y} or the years {y} to {e}; canon keeps {month} {y} \
         (write \"{} {y}\" for the month, \"{y}-{e}\" for the years)",
        &month[..3]
    )
}

#[test]
fn a_year_and_one_digit_is_its_month_said_with_both_readings_in_every_format() {
    let w = workdir();
    let csv = w.import_reading(
        "a.csv",
        "Title,Authors,Year,Type,Publisher\n\
         Csv hyphen,\"Adams, A\",2000-2,book,Pub\n\
         Csv short,\"Baker, B\",1998-9,book,Pub\n\
         Csv slash,\"Cole, C\",2019/4,book,Pub\n\
         Csv endash,\"Dunn, D\",2000–2,book,Pub\n\
         Csv decade,\"Eve, E\",2009-1,book,Pub\n",
    );
    let csv_date = w.import_reading("d.csv", "Title,Authors,Date,Type\nCsv date,\"Fox, F\",2000-2,book\n");
    let bib = w.import_reading(
        "a.bib",
        "@book{a, title={Bib year}, author={Hall, H}, year={2000-2}, publisher={Pub}}\n\
         @book{b, title={Bib date}, author={Ives, I}, date={2000-2}, publisher={Pub}}\n",
    );
    let ris = w.import_reading(
        "a.ris",
        "TY  - BOOK\nTI  - Ris py\nAU  - Nash, N\nPY  - 2000-2\nPB  - Pub\nER  - \n\n\
         TY  - BOOK\nTI  - Ris da\nAU  - Orr, O\nDA  - 2000-2\nPB  - Pub\nER  - \n",
    );
    let list = w.reading_list();
    for (t, y, m) in [
        ("Csv hyphen", 2000, 2),
        ("Csv short", 1998, 9),
        ("Csv slash", 2019, 4),
        ("Csv endash", 2000, 2),
        ("Csv decade", 2009, 1),
        ("Csv date", 2000, 2),
        ("Bib year", 2000, 2),
        ("Bib date", 2000, 2),
        ("Ris py", 2000, 2),
        ("Ris da", 2000, 2),
    ] {
        assert_eq!(stored(&list, t), (Some(y), Some(m), None, None, None, None), "{t}");
    }
    for line in [
        one_digit("a.csv:2:3", "", "2000-2", "February", 2000, 2002),
        one_digit("a.csv:3:3", "", "1998-9", "September", 1998, 1999),
        one_digit("a.csv:4:3", "", "2019/4", "April", 2019, 2024),
        one_digit("a.csv:5:3", "", "2000–2", "February", 2000, 2002),
        one_digit("a.csv:6:3", "", "2009-1", "January", 2009, 2011),
    ] {
        assert!(csv.contains(&line), "{line}\n{csv}");
    }
    assert!(csv_date.contains(&one_digit("d.csv:2:3", "", "2000-2", "February", 2000, 2002)), "{csv_date}");
    assert!(bib.contains(&one_digit("a.bib:1:46", "in entry `a`: ", "2000-2", "February", 2000, 2002)), "{bib}");
    assert!(bib.contains(&one_digit("a.bib:2:46", "in entry `b`: ", "2000-2", "February", 2000, 2002)), "{bib}");
    let ris_said = one_digit("a.ris:4:7", "in the record starting at line 1: ", "2000-2", "February", 2000, 2002);
    assert!(ris.contains(&ris_said), "{ris}");
    let ris_said = one_digit("a.ris:11:7", "in the record starting at line 8: ", "2000-2", "February", 2000, 2002);
    assert!(ris.contains(&ris_said), "{ris}");
    // Printed as the month stored.
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Csv hyphen"), "Adams, A. (2000). Csv hyphen. Pub.");
}

#[test]
fn a_year_and_one_digit_typed_or_beside_a_state_is_said_too() {
    let w = workdir();
    let said = w.ok_stderr(&["reading", "add", "--by", "t", "--title", "Typed digit", "--year", "2000-2"]);
    assert!(
        said.contains(
            "warning: --year \"2000-2\" may be February 2000 or the years 2000 to 2002; canon keeps February 2000 \
             (write \"Feb 2000\" for the month, \"2000-2002\" for the years)"
        ),
        "{said}"
    );
    let said = w.ok_stderr(&["reading", "add", "--by", "t", "--title", "Pressed digit", "--year", "1998-9 (in press)"]);
    assert!(said.contains("may be September 1998 or the years 1998 to 1999"), "{said}");
    // Not a year and one digit: no such warning.
    for (t, y) in [("Zero digit", "2000-0"), ("Two digits", "2019-04"), ("Whole range", "1998-2000")] {
        let said = w.ok_stderr(&["reading", "add", "--by", "t", "--title", t, "--year", y]);
        assert!(!said.contains("or the years"), "{y}: {said}");
    }
    let list = w.reading_list();
    assert_eq!(stored(&list, "Typed digit"), (Some(2000), Some(2), None, None, None, None));
    assert_eq!(stored(&list, "Pressed digit"), (Some(1998), Some(9), None, None, None, Some("in press".into())));
    assert_eq!(stored(&list, "Two digits"), (Some(2019), Some(4), None, None, None, None));
    assert_eq!(stored(&list, "Whole range"), (Some(1998), None, None, Some(2000), None, None));
}

/// The value the edit form shows in its field `name`.
fn form_value(page: &str, name: &str) -> String {
    let at = page.find(&format!("name=\"{name}\"")).unwrap_or_else(|| panic!("no field {name}:\n{page}"));
    let tag_end = at + page[at..].find('>').expect("tag end");
    let tag = &page[page[..at].rfind('<').expect("tag start")..tag_end];
    tag.split_once("value=\"").map(|(_, v)| v.split('"').next().unwrap_or_default().to_string()).unwrap_or_default()
}

#[test]
fn the_web_form_shows_and_keeps_a_range_across_a_year_end() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nTI  - Across years\nAU  - Nash, N\nDA  - 2011 Dec-2012 Jan\nT2  - J Tests\nER  - \n",
    );
    w.ok(&["reading", "add", "--by", "t", "--title", "Whole years", "--year", "1998", "--year-end", "2000"]);
    let list = w.reading_list();
    assert_eq!(stored(&list, "Across years"), (Some(2011), Some(12), None, Some(2012), Some(1), None));
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    for (t, want) in [
        ("Across years", [("year", "2011"), ("month", "12"), ("month_end", "1"), ("year_end", "2012")]),
        ("Whole years", [("year", "1998"), ("month", ""), ("month_end", ""), ("year_end", "2000")]),
    ] {
        let id = reading(&list, t)["id"].as_i64().expect("id").to_string();
        let page = c.page(&format!("/readings/{id}/edit"));
        for (name, v) in want {
            assert_eq!(form_value(&page, name), v, "{t}: {name}");
        }
        // The whole form sent back with its title changed keeps the range.
        let mut fields: Vec<(String, String)> = Vec::new();
        for name in ["title", "year", "month", "month_end", "year_end", "day"] {
            let now = form_value(&page, name);
            fields.push((format!("was_{name}"), now.clone()));
            fields.push((name.to_string(), if name == "title" { format!("{t} again") } else { now }));
        }
        fields.push(("csrf".into(), csrf(&page)));
        let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = c.post_form(&format!("/readings/{id}/edit"), &form);
        c.follow(&r);
    }
    let list = w.reading_list();
    assert_eq!(stored(&list, "Across years again"), (Some(2011), Some(12), None, Some(2012), Some(1), None));
    assert_eq!(stored(&list, "Whole years again"), (Some(1998), None, None, Some(2000), None, None));
    // The end month changed in the form is stored, its year kept.
    let id = reading(&list, "Across years")["id"].as_i64().expect("id").to_string();
    let from = format!("/readings/{id}/edit");
    let r = c.submit(
        &from,
        &format!("/readings/{id}/edit"),
        &[("was_month_end", "1"), ("month_end", "2"), ("was_year_end", "2012"), ("year_end", "2012")],
    );
    c.follow(&r);
    let list = w.reading_list();
    assert_eq!(stored(&list, "Across years again"), (Some(2011), Some(12), None, Some(2012), Some(2), None));
    let page = c.page(&from);
    assert_eq!(form_value(&page, "month_end"), "2");
    assert_eq!(form_value(&page, "year_end"), "2012");
    // Its first month changed: the end year and month kept.
    let r = c.submit(
        &from,
        &format!("/readings/{id}/edit"),
        &[
            ("was_month", "12"),
            ("month", "11"),
            ("was_month_end", "2"),
            ("month_end", "2"),
            ("was_year_end", "2012"),
            ("year_end", "2012"),
        ],
    );
    let said = c.follow(&r);
    let list = w.reading_list();
    assert_eq!(stored(&list, "Across years again"), (Some(2011), Some(11), None, Some(2012), Some(2), None), "{said}");
    // A month typed beside a range of whole years: refused, saying why.
    let id = reading(&list, "Whole years")["id"].as_i64().expect("id").to_string();
    let from = format!("/readings/{id}/edit");
    let r =
        c.submit(&from, &from, &[("was_month", ""), ("month", "3"), ("was_year_end", "2000"), ("year_end", "2000")]);
    let text = if (300..400).contains(&r.status) { c.follow(&r) } else { r.text() };
    assert!(text.contains("year_end 2000 with the month 3 and no month_end"), "{text}");
    assert_eq!(stored(&w.reading_list(), "Whole years"), (Some(1998), None, None, Some(2000), None, None));
}

#[test]
fn a_range_of_whole_years_in_press_prints_the_range_and_the_state_in_every_style() {
    let w = workdir();
    w.import_reading(
        "p.csv",
        "Title,Authors,Year,Type,Publisher\n\
         Csv press,\"Adams, A\",1998-2000 (in press),book,Pub\n\
         Csv forth,\"Cole, C\",\"Forthcoming 1998-2000\",book,Pub\n\
         Csv single,\"Dunn, D\",2025 (in press),book,Pub\n",
    );
    w.import_reading(
        "p.bib",
        "@book{a, title={Bib pubstate}, author={Hall, H}, year={1998--2000}, pubstate={inpress}, publisher={Pub}}\n\
         @book{b, title={Bib note}, author={Ives, I}, year={1998-2000}, note={in press}, publisher={Pub}}\n",
    );
    w.ok(&[
        "reading",
        "add",
        "--by",
        "t",
        "--status",
        "approved",
        "--title",
        "Added end",
        "--year",
        "1998 (in press)",
        "--year-end",
        "2000",
        "--author",
        "Lee, L",
        "--type",
        "book",
        "--publisher",
        "Pub",
    ]);
    let list = w.reading_list();
    let press = || Some("in press".to_string());
    for t in ["Csv press", "Bib pubstate", "Added end"] {
        assert_eq!(stored(&list, t), (Some(1998), None, None, Some(2000), None, press()), "{t}");
    }
    assert_eq!(stored(&list, "Csv forth"), (Some(1998), None, None, Some(2000), None, Some("forthcoming".into())));
    assert_eq!(stored(&list, "Csv single"), (Some(2025), None, None, None, None, press()));
    // A note that says "in press" is a note, not the work's state.
    assert_eq!(stored(&list, "Bib note"), (Some(1998), None, None, Some(2000), None, None));
    let want = [
        (
            "apa",
            [
                "Adams, A. (1998–2000). Csv press. Pub. In press.",
                "Cole, C. (1998–2000). Csv forth. Pub. In press.",
                "Dunn, D. (in press). Csv single. Pub.",
                "Hall, H. (1998–2000). Bib pubstate. Pub. In press.",
                "Ives, I. (1998–2000). Bib note. Pub.",
                "Lee, L. (1998–2000). Added end. Pub. In press.",
            ],
        ),
        (
            "harvard",
            [
                "Adams, A. (1998–2000) Csv press. Pub. In press.",
                "Cole, C. (1998–2000) Csv forth. Pub. Forthcoming.",
                "Dunn, D. (in press) Csv single. Pub.",
                "Hall, H. (1998–2000) Bib pubstate. Pub. In press.",
                "Ives, I. (1998–2000) Bib note. Pub.",
                "Lee, L. (1998–2000) Added end. Pub. In press.",
            ],
        ),
        (
            "chicago",
            [
                "Adams, A. 1998–2000. Csv Press. Pub. Forthcoming.",
                "Cole, C. 1998–2000. Csv Forth. Pub. Forthcoming.",
                "Dunn, D. Forthcoming. Csv Single. Pub.",
                "Hall, H. 1998–2000. Bib Pubstate. Pub. Forthcoming.",
                "Ives, I. 1998–2000. Bib Note. Pub.",
                "Lee, L. 1998–2000. Added End. Pub. Forthcoming.",
            ],
        ),
        (
            "ama",
            [
                "Adams A. Csv Press. Pub; 1998–2000. In press.",
                "Cole C. Csv Forth. Pub; 1998–2000. Forthcoming.",
                "Dunn D. Csv Single. Pub; in press.",
                "Hall H. Bib Pubstate. Pub; 1998–2000. In press.",
                "Ives I. Bib Note. Pub; 1998–2000.",
                "Lee L. Added End. Pub; 1998–2000. In press.",
            ],
        ),
        (
            "vancouver",
            [
                "Adams A. Csv press. Pub; forthcoming 1998-2000.",
                "Cole C. Csv forth. Pub; forthcoming 1998-2000.",
                "Dunn D. Csv single. Pub; forthcoming 2025.",
                "Hall H. Bib pubstate. Pub; forthcoming 1998-2000.",
                "Ives I. Bib note. [place unknown]: Pub; 1998-2000.",
                "Lee L. Added end. Pub; forthcoming 1998-2000.",
            ],
        ),
    ];
    let titles = ["Csv press", "Csv forth", "Csv single", "Bib pubstate", "Bib note", "Added end"];
    for (style, refs) in want {
        let got = w.references(style);
        for (t, r) in titles.iter().zip(refs) {
            assert_eq!(reference(&got, t), r, "{style}: {t}");
        }
    }
}

#[test]
fn zoteros_iso_date_is_a_month_not_a_range_of_years() {
    let w = workdir();
    let header = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\",\
                  \"Publisher\"\n";
    let rows = [
        ("K1", "2011", "Zot month", "2011-12"),
        ("K2", "2011", "Zot unknown day", "2011-12-00"),
        ("K3", "2011", "Zot day", "2011-12-03"),
        ("K4", "", "Zot no year", "2011-12"),
        ("K5", "2000", "Zot unknown month", "2000-00-00"),
        ("K6", "1999", "Zot january", "1999-01"),
        ("K7", "2000", "Zot new year", "2000-01"),
        ("K8", "2011", "Zot free range", "2011-2012"),
        ("K9", "2000", "Zot one digit", "2000-2"),
    ];
    let mut text = header.to_string();
    for (k, y, t, d) in rows {
        text.push_str(&format!("\"{k}\",\"book\",\"{y}\",\"Adams{k}, A\",\"{t}\",\"\",\"{d}\",\"Pub\"\n"));
    }
    let said = w.import_reading("z.csv", &text);
    let list = w.reading_list();
    for (t, y, m, d, e) in [
        ("Zot month", 2011, Some(12), None, None),
        ("Zot unknown day", 2011, Some(12), None, None),
        ("Zot day", 2011, Some(12), Some(3), None),
        ("Zot no year", 2011, Some(12), None, None),
        ("Zot unknown month", 2000, None, None, None),
        ("Zot january", 1999, Some(1), None, None),
        ("Zot new year", 2000, Some(1), None, None),
        ("Zot free range", 2011, None, None, Some(2012)),
        ("Zot one digit", 2000, Some(2), None, None),
    ] {
        assert_eq!(stored(&list, t), (Some(y), m, d, e, None, None), "{t}");
    }
    // Zotero's ISO dates are no ambiguity, and its "00" no month.
    assert!(!said.contains("may be the years"), "{said}");
    assert!(!said.contains("no month"), "{said}");
    // Free text there is read as elsewhere, said.
    assert!(
        said.contains("z.csv:10:7: warning: the date \"2000-2\" may be February 2000 or the years 2000 to 2002"),
        "{said}"
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Zot month"), "AdamsK1, A. (2011). Zot month. Pub.");
}
