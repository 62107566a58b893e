//! Branch 12e (issue 12): references as published, the last gaps a new user
//! found. A whole work's number of pages from every format, stored, shown,
//! edited and cited ("120 p."); a BibTeX day range; canon's own report CSV
//! read back whole; an ISBN written with hyphens is the same book; a
//! report's number and its series number; the ends of date ranges typed.

mod common;

use common::{Workdir, reading, reference, workdir};
use serde_json::Value;

/// The ID of the reading whose title starts with `prefix`, as `reading edit` takes it.
fn id(w: &Workdir, prefix: &str) -> String {
    let list = w.reading_list();
    let v = &reading(&list, prefix)["id"];
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// The number of pages of a book, report or thesis, as each format writes
/// it, is stored as the work's number of pages: never as a page range.
#[test]
fn every_format_stores_a_whole_works_number_of_pages() {
    let w = workdir();
    w.import_reading(
        "p.bib",
        "@book{b, author = {Osei, Kwame}, title = {BibTeX book of pages}, publisher = {Pluto}, year = {2019}, \
         pagetotal = {312}}\n",
    );
    w.import_reading(
        "p.json",
        r#"[{"id":"c","type":"report","title":"CSL report of pages","publisher":"WHO","issued":{"date-parts":[[2020]]},"number-of-pages":88}]"#,
    );
    let said = w.import_reading(
        "p.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Num Pages\",\"Publisher\"\n\
         \"A1\",\"book\",\"1986\",\"Osei, Jane\",\"Zotero book of pages\",\"114\",\"Heinemann\"\n",
    );
    assert!(!said.contains("\"Num Pages\" is not read"), "{said}");
    w.import_reading(
        "p.ris",
        "TY  - RPRT\nAU  - Mensah, Kofi\nTI  - RIS report of pages\nPY  - 2017\nPB  - Ministry of Health\nSP  - 120\n\
         ER  - \n\nTY  - THES\nAU  - Boateng, Ama\nTI  - RIS thesis of pages\nPY  - 2015\nPB  - University of Ghana\n\
         SP  - 245\nER  - \n\nTY  - RPRT\nTI  - RIS report with a page range\nPY  - 2017\nSP  - 5\nEP  - 9\nER  - \n",
    );
    w.import_reading(
        "p.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book\">6</ref-type><contributors><authors>\
         <author>Addo, Yaw</author></authors></contributors><titles><title>EndNote book of pages</title></titles>\
         <dates><year>2011</year></dates><publisher>Sub-Saharan</publisher><pages>432</pages></record></records></xml>",
    );
    w.import_reading(
        "own.csv",
        "title,authors,year,type,publisher,page_count\nCanon CSV book of pages,\"Asante, Efua\",2001,book,Pluto,76\n",
    );
    let list = w.reading_list();
    for (title, n) in [
        ("BibTeX book of pages", "312"),
        ("CSL report of pages", "88"),
        ("Zotero book of pages", "114"),
        ("RIS report of pages", "120"),
        ("RIS thesis of pages", "245"),
        ("EndNote book of pages", "432"),
        ("Canon CSV book of pages", "76"),
    ] {
        let r = reading(&list, title);
        assert_eq!(r["page_count"], n, "{title}: {r}");
        assert!(r["pages"].is_null(), "{title}: a number of pages is no page range: {r}");
    }
    let ranged = reading(&list, "RIS report with a page range");
    assert_eq!(ranged["pages"], "5-9");
    assert!(ranged["page_count"].is_null());
    // Vancouver (Citing Medicine ch. 2 and 15) cites the extent "120 p.", never "p. 120".
    let v = w.references("vancouver");
    for (title, n) in [("RIS report of pages", "120"), ("BibTeX book of pages", "312"), ("RIS thesis of pages", "245")]
    {
        let r = reference(&v, title);
        assert!(r.contains(&format!("{n} p.")), "{title}: {r}");
        assert!(!r.contains(&format!("p. {n}")), "{title}: {r}");
    }
    // A style that does not print the extent does not print it as pages either.
    let apa = w.references("apa");
    assert!(!reference(&apa, "RIS report of pages").contains("120"), "{apa:?}");
}

/// The number of pages is shown, edited through the history (undoable),
/// exported and read back.
#[test]
fn the_number_of_pages_is_shown_edited_undone_and_exported() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Edited book of pages",
        "--type",
        "book",
        "--year",
        "2010",
        "--page-count",
        "200",
    ]);
    let show = w.ok(&["reading", "show", &id(&w, "Edited book of pages")]);
    assert!(show.contains("number of pages") && show.contains("200"), "{show}");
    let change = w.ok(&["reading", "edit", "--by", "amina", &id(&w, "Edited book of pages"), "--page-count", "210 p."]);
    assert_eq!(reading(&w.reading_list(), "Edited book of pages")["page_count"], "210");
    w.ok(&["undo", change.trim(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Edited book of pages")["page_count"], "200");
    let out = w.path("readings.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.lines().next().unwrap().contains("page_count"), "{csv}");
    let fresh = Workdir::new();
    fresh.ok(&["init", "-q"]);
    fresh.import_reading("readings.csv", &csv);
    assert_eq!(reading(&fresh.reading_list(), "Edited book of pages")["page_count"], "200");
    w.ok(&["reading", "edit", "--by", "amina", &id(&w, "Edited book of pages"), "--page-count", ""]);
    assert!(reading(&w.reading_list(), "Edited book of pages")["page_count"].is_null());
}

/// BibTeX `day = {5--11}` (or 5-11, 5–11) is a range of days: the file
/// imports and the range is kept whole.
#[test]
fn a_bibtex_day_range_imports_whole() {
    let w = workdir();
    w.import_reading(
        "d.bib",
        "@article{a, author = {Osei, Kwame}, title = {Day range double dash}, journal = {The Lancet}, year = {2019}, \
         month = may, day = {5--11}, volume = {393}}\n\
         @article{b, author = {Osei, Kwame}, title = {Day range hyphen}, journal = {BMJ}, year = {2019}, \
         month = {May}, day = {5-11}}\n\
         @article{c, author = {Osei, Kwame}, title = {Day range en dash}, journal = {BMJ}, year = {2019}, \
         month = {6}, day = {5–11}}\n",
    );
    let list = w.reading_list();
    for (t, m) in [("Day range double dash", 5), ("Day range hyphen", 5), ("Day range en dash", 6)] {
        let r = reading(&list, t);
        assert_eq!(
            (r["month"].as_i64(), r["day"].as_i64(), r["day_end"].as_i64()),
            (Some(m), Some(5), Some(11)),
            "{r}"
        );
    }
    // A day range that does not end later in its month keeps its start and says so.
    let said = w.import_reading(
        "e.bib",
        "@article{d, author = {Osei, Kwame}, title = {Day range backwards}, journal = {BMJ}, year = {2019}, \
         month = {4}, day = {11--5}}\n",
    );
    // (BibTeX's "--" is read as an en dash, and the message quotes the field so.)
    assert!(said.contains("is a range of days ending 5; canon keeps one day, its start, 11"), "{said}");
    let r = reading(&w.reading_list(), "Day range backwards").clone();
    assert_eq!((r["day"].as_i64(), r["day_end"].as_i64()), (Some(11), None));
}

/// A range of days across months (CSL date-parts, RIS `DA`) keeps its start
/// and names its end: never dropped silently. One within a month is whole.
#[test]
fn day_ranges_in_csl_and_ris_are_whole_or_said() {
    let w = workdir();
    let said = w.import_reading(
        "r.json",
        r#"[{"id":"a","type":"article-journal","title":"CSL days in one month","container-title":"BMJ","issued":{"date-parts":[[2020,4,5],[2020,4,11]]}},
{"id":"b","type":"article-journal","title":"CSL days over two months","container-title":"BMJ","issued":{"date-parts":[[2020,4,30],[2020,5,2]]}}]"#,
    );
    let list = w.reading_list();
    let one = reading(&list, "CSL days in one month");
    assert_eq!((one["day"].as_i64(), one["day_end"].as_i64()), (Some(5), Some(11)), "{one}");
    let two = reading(&list, "CSL days over two months");
    assert_eq!((two["month"].as_i64(), two["day"].as_i64()), (Some(4), Some(30)), "{two}");
    assert!(said.contains("CSL days over two months") || said.contains("2020"), "{said}");
    assert!(said.contains("not its end") || said.contains("not the end"), "the end is named: {said}");
    let said = w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - RIS days over two months\nT2  - BMJ\nPY  - 2020\nDA  - 2020/04/30-2020/05/02\nER  - \n",
    );
    assert!(said.contains("2020/04/30-2020/05/02"), "the range is named: {said}");
    let r = reading(&w.reading_list(), "RIS days over two months").clone();
    assert_eq!((r["month"].as_i64(), r["day"].as_i64()), (Some(4), Some(30)), "{r}");
}

/// The readings CSV `canon report` writes reads back into a fresh database
/// with every field, and no column of it is called unknown.
#[test]
fn the_reports_readings_csv_round_trips_field_by_field() {
    let w = workdir();
    w.import_reading(
        "all.bib",
        "@techreport{r, author = {{World Health Organization}}, title = {Report with a number}, \
         institution = {WHO}, address = {Geneva}, year = {2019}, number = {WHO/HIS/2019.1}, \
         series = {Technical Report Series}, type = {Policy Brief}, pagetotal = {64}}\n\
         @book{b, author = {Osei, Kwame and Mensah, Ama}, editor = {Addo, Yaw}, title = {Book in a series}, \
         publisher = {Pluto}, address = {London}, year = {2001}, series = {African Studies}, number = {12}, \
         edition = {2}, isbn = {0-19-852663-6}, pagetotal = {300}}\n\
         @article{a, author = {Boateng, Efua and others}, title = {Article with everything}, journal = {The Lancet}, \
         shortjournal = {Lancet}, year = {2019}, month = may, day = {5--11}, volume = {393}, number = {4}, \
         pages = {100--109}, doi = {10.1016/S0140-6736(19)30001-1}, pmid = {31234567}, language = {english}}\n\
         @article{p, author = {Owusu, Ama}, title = {Article in press}, journal = {BMJ}, year = {in press}}\n\
         @article{s, author = {Owusu, Ama}, title = {Article of two seasons}, journal = {BMJ}, year = {1998}, \
         month = {summer--fall}}\n",
    );
    w.ok(&[
        "reading",
        "edit",
        "--by",
        "amina",
        &id(&w, "Article with everything"),
        "--credit",
        "Efua Boateng",
        "--licence",
        "CC BY 4.0",
    ]);
    w.ok(&[
        "reading",
        "edit",
        "--by",
        "amina",
        &id(&w, "Book in a series"),
        "--global-south",
        "yes",
        "--open-access",
        "no",
    ]);
    w.import_reading(
        "two.json",
        r#"[{"id":"r2","type":"report","title":"Report with two numbers","publisher":"WHO","issued":{"date-parts":[[2019]]},"number":"WHO/HIS/2019.1","collection-title":"WHO Technical Report Series","collection-number":"1019"}]"#,
    );
    w.import_reading(
        "roman.csv",
        "title,authors,year,type,publisher,page_count,season,season_end\n\
         Book of roman pages,\"Asante, Efua\",2001,book,Pluto,\"xii, 340\",,\n\
         Two seasons in a CSV,\"Asante, Efua\",2002,article,,,summer,autumn\n",
    );
    let dir = w.path("rep");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "-q"]);
    let csv = std::fs::read_to_string(dir.join("readings.csv")).expect("the report's readings CSV");
    let fresh = Workdir::new();
    fresh.ok(&["init", "-q"]);
    let said = fresh.import_reading("readings.csv", &csv);
    for col in ["report_number", "series_number", "year_note", "credit", "licence", "page_count", "day_end"] {
        assert!(!said.contains(&format!("\"{col}\" is not read")), "{col}: {said}");
    }
    assert!(!said.contains("no field has that name"), "{said}");
    same_readings(&w, &fresh);
    // And through `canon export reading`, into another fresh database.
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let again = Workdir::new();
    again.ok(&["init", "-q"]);
    let said = again.import_reading("export.csv", &std::fs::read_to_string(&out).unwrap());
    assert!(!said.contains("is not read"), "{said}");
    same_readings(&w, &again);
}

/// Every field of every reading of `a` (by title) is the same in `b`, but
/// what belongs to the database (the ID, when and by whom it was added).
fn same_readings(a: &Workdir, b: &Workdir) {
    let by_title = |l: &Value| -> std::collections::BTreeMap<String, Value> {
        l.as_array().unwrap().iter().map(|r| (r["title"].as_str().unwrap().to_string(), r.clone())).collect()
    };
    let (a, b) = (by_title(&a.reading_list()), by_title(&b.reading_list()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (title, ra) in &a {
        let rb = &b[title];
        for (k, va) in ra.as_object().unwrap() {
            if matches!(k.as_str(), "id" | "added" | "added_at" | "created_at" | "updated_at" | "added_by" | "by") {
                continue;
            }
            assert_eq!(Some(va), rb.get(k), "{title}: field {k} differs after the round trip\n{ra}\n{rb}");
        }
    }
}

/// An ISBN-10 written with hyphens, the same without them, and as ISBN-13
/// name one book: one entry, not three.
#[test]
fn one_isbn_in_any_form_is_one_book() {
    let w = workdir();
    w.import_reading(
        "i.bib",
        "@book{a, author = {Fanon, Frantz}, title = {The wretched of the earth}, publisher = {Grove}, year = {1963}, \
         isbn = {0-8021-4132-3}}\n",
    );
    w.import_reading(
        "i.ris",
        "TY  - BOOK\nAU  - Fanon, Frantz\nTI  - Wretched of the earth\nPY  - 1963\nSN  - 0802141323\nER  - \n",
    );
    w.import_reading(
        "i.csv",
        "title,authors,year,type,isbn\nThe Wretched of the Earth (Grove),\"Fanon, Frantz\",1963,book,978-0-8021-4132-3\n",
    );
    w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "The wretched of the earth",
        "--type",
        "book",
        "--year",
        "1963",
        "--isbn",
        "0 8021 4132 3",
    ]);
    let list = w.reading_list();
    let n = list.as_array().unwrap().len();
    assert_eq!(n, 1, "one book: {list:#}");
}

/// Undoing the removal of a book published with its ISBN-13 is refused when
/// the same book came back since with its ISBN-10 (it would be a second entry).
#[test]
fn undo_finds_the_same_book_by_either_isbn_form() {
    let w = workdir();
    let added = w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Book thirteen",
        "--type",
        "book",
        "--year",
        "1963",
        "--isbn",
        "978-0-8021-4132-3",
    ]);
    let removed = w.ok(&["reading", "remove", added.trim(), "--by", "amina"]);
    w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Book ten",
        "--type",
        "book",
        "--year",
        "1970",
        "--isbn",
        "0-8021-4132-3",
    ]);
    let e = w.fails(&["undo", removed.trim(), "--by", "amina"]);
    assert!(e.contains("has taken its place since (same DOI, ISBN, or title and year)"), "{e}");
    assert_eq!(w.reading_list().as_array().unwrap().len(), 1);
}

/// A report with a report number and a number in its series keeps both and
/// prints both.
#[test]
fn a_report_keeps_its_number_and_its_series_number() {
    let w = workdir();
    let said = w.import_reading(
        "s.json",
        r#"[{"id":"r","type":"report","title":"Report with two numbers","author":[{"literal":"World Health Organization"}],"publisher":"WHO","publisher-place":"Geneva","issued":{"date-parts":[[2019]]},"number":"WHO/HIS/2019.1","collection-title":"WHO Technical Report Series","collection-number":"1019"}]"#,
    );
    assert!(!said.contains("not stored"), "{said}");
    let r = reading(&w.reading_list(), "Report with two numbers").clone();
    assert_eq!(r["issue"], "WHO/HIS/2019.1", "{r}");
    assert_eq!(r["series_number"], "1019", "{r}");
    for style in ["vancouver", "apa", "harvard", "chicago", "ama"] {
        let refs = w.references(style);
        let t = reference(&refs, "Report with two numbers");
        assert!(t.contains("WHO/HIS/2019.1"), "{style}: {t}");
        assert!(t.contains("1019"), "{style}: {t}");
    }
    // Typed by hand too, and shown.
    w.ok(&["reading", "edit", "--by", "amina", &id(&w, "Report with two numbers"), "--series-number", "1020"]);
    let show = w.ok(&["reading", "show", &id(&w, "Report with two numbers")]);
    assert!(show.contains("1020") && show.contains("WHO/HIS/2019.1"), "{show}");
}

/// `reading add` and `reading edit` take the ends of a range of days and of
/// seasons apart (--day-end, --season-end), checked as an import checks them.
#[test]
fn add_and_edit_take_the_ends_of_day_and_season_ranges() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Typed day range",
        "--year",
        "2019",
        "--month",
        "5",
        "--day",
        "5",
        "--day-end",
        "11",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "Typed season range",
        "--year",
        "1998",
        "--season",
        "summer",
        "--season-end",
        "fall",
    ]);
    let list = w.reading_list();
    let d = reading(&list, "Typed day range");
    assert_eq!((d["day"].as_i64(), d["day_end"].as_i64()), (Some(5), Some(11)), "{d}");
    let s = reading(&list, "Typed season range");
    assert_eq!((s["season"].as_str(), s["season_end"].as_str()), (Some("summer"), Some("autumn")), "{s}");
    let change = w.ok(&["reading", "edit", "--by", "amina", &id(&w, "Typed day range"), "--day-end", "12"]);
    assert_eq!(reading(&w.reading_list(), "Typed day range")["day_end"], 12);
    w.ok(&["undo", change.trim(), "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Typed day range")["day_end"], 11);
    let e = w.fails(&["reading", "edit", "--by", "amina", &id(&w, "Typed day range"), "--day-end", "3"]);
    assert!(e.contains("day_end 3 does not end a range after the day (5)"), "{e}");
    let e = w.fails(&[
        "reading",
        "add",
        "--by",
        "amina",
        "--title",
        "No day",
        "--year",
        "2019",
        "--month",
        "5",
        "--day-end",
        "11",
    ]);
    assert!(e.contains("day_end 11 has no day"), "{e}");
    let e = w.fails(&["reading", "edit", "--by", "amina", &id(&w, "Typed season range"), "--season-end", "summer"]);
    assert!(e.contains("season_end \"summer\" is the season itself"), "{e}");
    w.ok(&["reading", "edit", "--by", "amina", &id(&w, "Typed season range"), "--season-end", ""]);
    assert!(reading(&w.reading_list(), "Typed season range")["season_end"].is_null());
}

/// The web forms take the number of pages, a report's series number and the
/// ends of day and season ranges, as `reading add` and `reading edit` do.
#[test]
fn the_web_forms_take_the_new_fields() {
    use common::web::{Server, csrf, flash};
    let w = workdir();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let form = c.page("/readings/new");
    for name in ["page_count", "series_number", "day_end", "season_end"] {
        assert!(form.contains(&format!("name=\"{name}\"")), "the add form has no {name}");
    }
    let r = c.submit(
        "/readings/new",
        "/readings",
        &[
            ("title", "Web report of pages"),
            ("type", "report"),
            ("year", "2019"),
            ("issue", "WHO/HIS/2019.1"),
            ("series", "WHO Technical Report Series"),
            ("series_number", "1019"),
            ("page_count", "120"),
            ("month", "5"),
            ("day", "5"),
            ("day_end", "11"),
        ],
    );
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.starts_with("Added")), "{page}");
    let r = reading(&w.reading_list(), "Web report of pages").clone();
    assert_eq!(
        (r["page_count"].as_str(), r["series_number"].as_str(), r["issue"].as_str(), r["day_end"].as_i64()),
        (Some("120"), Some("1019"), Some("WHO/HIS/2019.1"), Some(11)),
        "{r}"
    );
    let id = id(&w, "Web report of pages");
    let show = c.page(&format!("/readings/{id}"));
    for want in [
        "<dt>Number of pages</dt><dd>120</dd>",
        "<dt>Number in series</dt><dd>1019</dd>",
        "<dt>Last day</dt><dd>11</dd>",
    ] {
        assert!(show.contains(want), "no {want} in {show}");
    }
    let edit_page = c.page(&format!("/readings/{id}/edit"));
    for name in ["page_count", "series_number", "day_end", "season_end"] {
        assert!(edit_page.contains(&format!("name=\"{name}\"")), "the edit form has no {name}");
    }
    let token = csrf(&edit_page);
    let r = c.post_form(
        &format!("/readings/{id}/edit"),
        &[("csrf", &token), ("was_page_count", "120"), ("page_count", "124"), ("was_day_end", "11"), ("day_end", "12")],
    );
    c.follow(&r);
    let r = reading(&w.reading_list(), "Web report of pages").clone();
    assert_eq!((r["page_count"].as_str(), r["day_end"].as_i64()), (Some("124"), Some(12)), "{r}");
    // A bad end: the CLI's message, nothing changed.
    let edit_page = c.page(&format!("/readings/{id}/edit"));
    let token = csrf(&edit_page);
    let r = c.post_form(&format!("/readings/{id}/edit"), &[("csrf", &token), ("was_day_end", "12"), ("day_end", "3")]);
    let after = c.follow(&r);
    assert!(flash(&after).unwrap_or_default().contains("day_end 3 does not end a range after the day (5)"), "{after}");
    assert_eq!(reading(&w.reading_list(), "Web report of pages")["day_end"], 12);
}
