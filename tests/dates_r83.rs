//! Dates r83: a range of whole years ("1998-2000") keeps its end year in
//! every format, is printed as a range and round-trips through the export;
//! "2011-12" outside EDTF/ISO is the years 2011 to 2012, said with both
//! readings; `reading add`/`edit --year-end` and the web form set it.

mod common;

use common::web::{Server, csrf};
use common::{reading, reference, workdir};

/// (year, month, year_end) of the reading titled `prefix`.
fn date(list: &serde_json::Value, prefix: &str) -> (Option<i64>, Option<i64>, Option<i64>) {
    let r = reading(list, prefix);
    (r["year"].as_i64(), r["month"].as_i64(), r["year_end"].as_i64())
}

#[test]
fn a_range_of_whole_years_keeps_its_end_year_in_every_format() {
    let w = workdir();
    let mut said = String::new();
    for (name, text) in [
        (
            "a.csv",
            "Title,Authors,Year,Type,Publisher\n\
             Csv hyphen,\"Adams, A\",1998-2000,book,Pub\n\
             Csv endash,\"Baker, B\",1998–2000,book,Pub\n\
             Csv slash,\"Cole, C\",1998/2000,book,Pub\n\
             Csv spaced,\"Dunn, D\",1998 - 2000,book,Pub\n",
        ),
        (
            "a.bib",
            "@book{a, title={Bib hyphen}, author={Hall, H}, year={1998-2000}, publisher={Pub}}\n\
             @book{b, title={Bib endash}, author={Ives, I}, year={1998--2000}, publisher={Pub}}\n\
             @book{c, title={Bib date}, author={Kay, K}, date={1998/2000}, publisher={Pub}}\n",
        ),
        (
            "a.ris",
            "TY  - BOOK\nTI  - Ris py\nAU  - Nash, N\nPY  - 1998-2000\nPB  - Pub\nER  - \n\n\
             TY  - BOOK\nTI  - Ris da\nAU  - Orr, O\nDA  - 1998/2000\nPB  - Pub\nER  - \n\n\
             TY  - BOOK\nTI  - Ris y1\nAU  - Pitt, P\nY1  - 1998 - 2000\nPB  - Pub\nER  - \n",
        ),
        (
            "a.json",
            r#"[{"id":"a","type":"book","title":"Csl parts","author":[{"family":"Reed","given":"R"}],"issued":{"date-parts":[[1998],[2000]]},"publisher":"Pub"},
{"id":"b","type":"book","title":"Csl raw","author":[{"family":"Shaw","given":"S"}],"issued":{"raw":"1998-2000"},"publisher":"Pub"}]"#,
        ),
        (
            "a.nbib",
            "PMID- 1\nTI  - Nbib range.\nDP  - 1998-2000\nFAU - Wu, Wei\nAU  - Wu W\nJT  - Journal of Tests\n\
             TA  - J Tests\nVI  - 3\nPG  - 1-5\nPT  - Journal Article\n\n",
        ),
        (
            "a.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records><record><ref-type name=\"Book\">6</ref-type>\
             <contributors><authors><author>Young, Y</author></authors></contributors><titles><title>Enx range</title>\
             </titles><dates><year>1998-2000</year></dates><publisher>Pub</publisher></record></records></xml>\n",
        ),
    ] {
        said.push_str(&w.import_reading(name, text));
    }
    // Stored, so nothing is said of the end year.
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    for t in [
        "Csv hyphen",
        "Csv endash",
        "Csv slash",
        "Csv spaced",
        "Bib hyphen",
        "Bib endash",
        "Bib date",
        "Ris py",
        "Ris da",
        "Ris y1",
        "Csl parts",
        "Csl raw",
        "Nbib range",
        "Enx range",
    ] {
        assert_eq!(date(&list, t), (Some(1998), None, Some(2000)), "{t}");
    }
    // Printed as each style prints a range, for an article too (APA 7 §9.14;
    // tester84 F7: the "year alone" of an article dropped its end year).
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Csv hyphen"), "Adams, A. (1998–2000). Csv hyphen. Pub.");
    assert_eq!(reference(&apa, "Nbib range"), "Wu, W. (1998–2000). Nbib range. Journal of Tests, 3, 1–5.");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Csv hyphen"), "Adams A. Csv hyphen. [place unknown]: Pub; 1998-2000.");
    let c = w.references("chicago");
    assert_eq!(reference(&c, "Csv hyphen"), "Adams, A. 1998–2000. Csv Hyphen. Pub.");
    let h = w.references("harvard");
    assert_eq!(reference(&h, "Csv hyphen"), "Adams, A. (1998–2000) Csv hyphen. Pub.");

    // Export and import again: the same, nothing changed.
    let out = w.path("out.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let w2 = workdir();
    let said = w2.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert!(!said.contains("not stored") && !said.contains("end year"), "{said}");
    let list2 = w2.reading_list();
    for t in ["Csv hyphen", "Ris da", "Nbib range"] {
        assert_eq!(date(&list2, t), (Some(1998), None, Some(2000)), "{t}");
    }
    let again = w.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert!(again.contains("0 new, 0 changed"), "{again}");
}

#[test]
fn a_year_alone_imported_again_as_a_range_gains_its_end_year() {
    let w = workdir();
    w.import_reading("a.csv", "Title,Authors,Year,Type\nCollected,\"Gumede, T\",1998,book\n");
    w.import_reading("b.csv", "Title,Authors,Year,Type\nCollected,\"Gumede, T\",1998-2000,book\n");
    assert_eq!(date(&w.reading_list(), "Collected"), (Some(1998), None, Some(2000)));
    // And the year alone again takes nothing away.
    w.import_reading("c.csv", "Title,Authors,Year,Type\nCollected,\"Gumede, T\",1998,book\n");
    assert_eq!(date(&w.reading_list(), "Collected"), (Some(1998), None, Some(2000)));
}

#[test]
fn twenty_eleven_twelve_is_a_month_in_edtf_and_iso_and_the_years_elsewhere_said_with_both() {
    let w = workdir();
    let mut said = String::new();
    said.push_str(&w.import_reading(
        "s.csv",
        "Title,Authors,Year,Type\nCsv short,\"Ekk, E\",2011-12,book\nCsv slash short,\"Gray, G\",2011/12,book\n\
         Csv not ambiguous,\"Hale, H\",2019-04,book\n",
    ));
    said.push_str(&w.import_reading(
        "s.bib",
        "@book{e, title={Bib date short}, author={Lee, L}, date={2011-12}}\n\
         @book{f, title={Bib year short}, author={Moe, M}, year={2011-12}}\n",
    ));
    said.push_str(&w.import_reading(
        "s.json",
        r#"[{"id":"c","type":"book","title":"Csl raw iso","author":[{"family":"Todd","given":"T"}],"issued":{"raw":"2011-12"}},
{"id":"d","type":"book","title":"Csl literal","author":[{"family":"Uhl","given":"U"}],"issued":{"literal":"2011-12"}}]"#,
    ));
    said.push_str(&w.import_reading("s.ris", "TY  - BOOK\nTI  - Ris short\nAU  - Quin, Q\nPY  - 2011-12\nER  - \n"));
    let list = w.reading_list();
    for t in ["Bib date short", "Csl raw iso"] {
        assert_eq!(date(&list, t), (Some(2011), Some(12), None), "{t}");
    }
    assert_eq!(date(&list, "Csv not ambiguous"), (Some(2019), Some(4), None));
    for t in ["Csv short", "Csv slash short", "Bib year short", "Csl literal", "Ris short"] {
        assert_eq!(date(&list, t), (Some(2011), None, Some(2012)), "{t}");
    }
    assert!(
        said.contains(
            "s.csv:2:3: warning: the date \"2011-12\" may be the years 2011 to 2012 (an academic year) or December \
             2011; canon keeps the years 2011 to 2012 (write \"2011-2012\" for the years, \"Dec 2011\" for the month)"
        ),
        "{said}"
    );
    assert_eq!(said.matches("may be the years 2011 to 2012").count(), 5, "{said}");
    assert!(!said.contains("Bib date short") && !said.contains("item `c`"), "{said}");
}

#[test]
fn reading_add_and_edit_take_year_end_through_the_history_and_undo() {
    let w = workdir();
    let id = w
        .ok(&[
            "reading",
            "add",
            "--by",
            "amina",
            "--title",
            "Collected Papers",
            "--type",
            "book",
            "--author",
            "Osei, Ama",
            "--year",
            "1998",
            "--year-end",
            "2000",
            "--publisher",
            "Pub",
        ])
        .trim()
        .to_string();
    let v = w.json(&["reading", "show", &id, "--format", "json"]);
    assert_eq!((v["year"].as_i64(), v["year_end"].as_i64()), (Some(1998), Some(2000)));
    // Typed whole in the year, and across a year end with a month.
    let typed =
        w.ok(&["reading", "add", "--by", "amina", "--title", "Typed Range", "--type", "book", "--year", "1998-2000"]);
    let v = w.json(&["reading", "show", typed.trim(), "--format", "json"]);
    assert_eq!((v["year"].as_i64(), v["year_end"].as_i64()), (Some(1998), Some(2000)));
    let across = w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Across",
        "--type",
        "article",
        "--year",
        "2021",
        "--month",
        "12",
        "--month-end",
        "1",
        "--year-end",
        "2022",
    ]);
    let v = w.json(&["reading", "show", across.trim(), "--format", "json"]);
    assert_eq!(
        (v["year"].as_i64(), v["month"].as_i64(), v["month_end"].as_i64(), v["year_end"].as_i64()),
        (Some(2021), Some(12), Some(1), Some(2022))
    );
    // Refused, nothing written: an end before the year, no year, a month without its end.
    let e = w.fails(&["reading", "add", "--by", "amina", "--title", "Bad", "--year", "2000", "--year-end", "1999"]);
    assert!(e.contains("year_end 1999 does not end a range after the year (2000)"), "{e}");
    let e = w.fails(&["reading", "add", "--by", "amina", "--title", "Bad", "--year-end", "1999"]);
    assert!(e.contains("year_end 1999 has no year"), "{e}");
    let e = w.fails(&["reading", "add", "--by", "amina", "--title", "Bad", "--year", "2000", "--year-end", "soon"]);
    assert!(e.contains("year_end \"soon\" is not a year"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Bad'"), 0);

    // Edit: set, in the history, undone.
    let help = w.ok(&["reading", "edit", "--help"]);
    assert!(help.contains("--year-end"), "{help}");
    let change = w.ok(&["reading", "edit", &id, "--by", "amina", "--year-end", "2003"]).trim().to_string();
    assert_eq!(w.count(&format!("SELECT year_end FROM reading WHERE id = {id}")), 2003);
    w.ok(&["undo", &change, "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT year_end FROM reading WHERE id = {id}")), 2000);
    w.ok(&["reading", "edit", &id, "--by", "amina", "--year-end", ""]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id} AND year_end IS NULL")), 1);
    let e = w.fails(&["reading", "edit", &id, "--by", "amina", "--year-end", "1990"]);
    assert!(e.contains("year_end 1990 does not end a range after the year (1998)"), "{e}");
}

#[test]
fn the_web_edit_form_has_year_end_escaped_and_validated() {
    let w = workdir();
    let id =
        w.ok(&["reading", "add", "--by", "amina", "--title", "Web <b>Range</b>", "--type", "book", "--year", "1998"]);
    let id = id.trim();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let page = c.page(&format!("/readings/{id}/edit"));
    assert!(page.contains("name=\"year_end\""), "{page}");
    assert!(!page.contains("Web <b>Range</b>"), "{page}");
    let token = csrf(&page);
    let r =
        c.post_form(&format!("/readings/{id}/edit"), &[("csrf", &token), ("was_year_end", ""), ("year_end", "1990")]);
    let text = if (300..400).contains(&r.status) { c.follow(&r) } else { r.text() };
    assert!(text.contains("year_end 1990 does not end a range after the year (1998)"), "{text}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id} AND year_end IS NULL")), 1);
    let token = csrf(&c.page(&format!("/readings/{id}/edit")));
    let r =
        c.post_form(&format!("/readings/{id}/edit"), &[("csrf", &token), ("was_year_end", ""), ("year_end", "2000")]);
    c.follow(&r);
    assert_eq!(w.count(&format!("SELECT year_end FROM reading WHERE id = {id}")), 2000);
    let page = c.page(&format!("/readings/{id}/edit"));
    assert!(page.contains("name=\"year_end\" value=\"2000\""), "{page}");
}
