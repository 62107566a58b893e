//! Dates as published and truncated author lists (issue 12, 12k), through
//! the binary: "et al." in every reading format, kept through export, a
//! round trip and a merge, and printed by every bundled style; the month and
//! day of a date in every format, and an approximate (copyright, circa) year.

mod common;

use std::collections::HashMap;

use common::Workdir;

fn get<'a>(m: &'a HashMap<String, String>, title: &str) -> &'a str {
    m.get(title).unwrap_or_else(|| panic!("{title:?} missing: {m:#?}"))
}

/// (month, day, approximate, truncated) of the reading titled `title`.
fn stored(w: &Workdir, title: &str) -> (Option<i64>, Option<i64>, i64, i64) {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.query_row("SELECT month, day, date_approximate, authors_truncated FROM reading WHERE title = ?1", [title], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap_or_else(|e| panic!("{title:?}: {e}"))
}

fn authors(w: &Workdir, title: &str) -> Vec<String> {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let mut st = c
        .prepare(
            "SELECT a.name FROM reading_author a JOIN reading r ON r.id = a.reading_id WHERE r.title = ?1
              ORDER BY a.position",
        )
        .unwrap();
    st.query_map([title], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

const BIB: &str = r#"
@article{bib,
  author = {Smith, John and Jones, Kate and others},
  title = {Truncated in BibTeX},
  journal = {BMJ}, year = {2019}, month = apr, volume = {3}, pages = {201--209},
  doi = {10.1000/etal.1},
}
@book{copy,
  author = {Farmer, Paul},
  title = {A copyright year},
  publisher = {Zed Books}, address = {London}, year = {c1998},
}
@article{named,
  author = {Osei, Kwame},
  title = {A month by name},
  journal = {Thorax}, year = {2020}, month = {September},
}
"#;

const RIS: &str = "TY  - JOUR\r\nAU  - Nkosi, Thandi\r\nAU  - et al.\r\nTI  - Truncated in RIS\r\nT2  - Thorax\r\n\
PY  - 2019\r\nDA  - 2019/04/02/\r\nER  - \r\n";

const NBIB: &str = "PMID- 30000002\nTI  - A MEDLINE day\nDP  - 2019 Apr 2\nAU  - Osei KA\nTA  - Lancet\n\
JT  - The Lancet\nVI  - 12\nIP  - 3\nPG  - 201-9\n\nPMID- 30000003\nTI  - A MEDLINE month range\n\
DP  - 2018 Apr-Jun\nAU  - Lind TR\nTA  - Lancet\nJT  - The Lancet\nVI  - 11\nPG  - 5-9\n";

const CSL: &str = r#"[
 {"id": "w", "type": "webpage", "title": "Truncated on the web",
  "author": [{"family": "Zulu", "given": "Jo"}, {"literal": "others"}],
  "container-title": "Health Site", "URL": "https://example.org/page",
  "issued": {"date-parts": [[2019, 4, 2]]}},
 {"id": "c", "type": "book", "title": "A circa year", "author": [{"family": "Ama", "given": "Bo"}],
  "publisher": "Heinemann", "issued": {"date-parts": [[1990]], "circa": true}}
]"#;

const CSV: &str = "title,authors,year,month,day,type,container\n\
Truncated in a cell,\"Mensah, Kofi; Lind, Tove; et al.\",2021,6,15,article,Thorax\n\
A month by column,\"Adeyemi, Bola\",2021,Mar,,article,Thorax\n";

const ENDNOTE: &str = r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record>
<ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>Banda, Chipo</author></authors></contributors>
<titles><title>An EndNote date</title><secondary-title>Thorax</secondary-title></titles>
<dates><year>2017</year><pub-dates><date>Mar 5</date></pub-dates></dates>
</record></records></xml>"#;

fn imported() -> Workdir {
    let w = Workdir::new();
    for (name, body) in
        [("a.bib", BIB), ("a.ris", RIS), ("a.nbib", NBIB), ("a.json", CSL), ("a.csv", CSV), ("a.xml", ENDNOTE)]
    {
        let p = w.write(name, body);
        w.ok(&["import", "reading", p.to_str().unwrap(), "-q"]);
    }
    w
}

#[test]
fn et_al_is_kept_from_every_format_and_printed_by_every_style() {
    let w = imported();
    for (title, names) in [
        ("Truncated in BibTeX", vec!["Smith, John", "Jones, Kate"]),
        ("Truncated in RIS", vec!["Nkosi, Thandi"]),
        ("Truncated on the web", vec!["Zulu, Jo"]),
        ("Truncated in a cell", vec!["Mensah, Kofi", "Lind, Tove"]),
    ] {
        assert_eq!(stored(&w, title).3, 1, "{title}: flag");
        // "et al." / "others" is no person.
        assert_eq!(authors(&w, title), names, "{title}");
    }
    assert_eq!(stored(&w, "A copyright year").3, 0);
    let apa = w.references("apa");
    assert!(get(&apa, "Truncated in BibTeX").starts_with("Smith, J., Jones, K., et al. (2019"), "{apa:#?}");
    assert!(get(&apa, "Truncated in RIS").starts_with("Nkosi, T., et al. (2019"), "{apa:#?}");
    let van = w.references("vancouver");
    assert!(get(&van, "Truncated in BibTeX").starts_with("Smith J, Jones K, et al. Truncated in BibTeX."), "{van:#?}");
    assert!(get(&van, "Truncated in a cell").starts_with("Mensah K, Lind T, et al. "), "{van:#?}");
    let harvard = w.references("harvard");
    assert!(get(&harvard, "Truncated in BibTeX").starts_with("Smith, J., Jones, K. et al. (2019)"), "{harvard:#?}");
    let chicago = w.references("chicago");
    assert!(get(&chicago, "Truncated on the web").starts_with("Zulu, Jo, et al. "), "{chicago:#?}");
    assert!(get(&chicago, "Truncated in BibTeX").starts_with("Smith, John, Kate Jones, et al. 2019."), "{chicago:#?}");
    // A list without the flag prints no "et al." in any style.
    for m in [&apa, &van, &harvard, &chicago] {
        assert!(!get(m, "A copyright year").contains("et al"), "{m:#?}");
        assert!(m.values().all(|r| !r.contains('\u{E0E1}') && !r.contains("et al..")), "{m:#?}");
    }
}

#[test]
fn et_al_survives_export_and_round_trip_and_a_full_list_clears_it() {
    let w = imported();
    let out = w.path("ex.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"Smith, John; Jones, Kate; et al.\""), "{text}");
    assert!(text.contains(",c1998,"), "the copyright year as cited: {text}");
    // Read into a new database (without canon's id and changed columns): the same flags and dates.
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    let keep: Vec<usize> = (0..head.len()).filter(|i| !["id", "changed"].contains(&&head[*i])).collect();
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(keep.iter().map(|i| &head[*i])).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        wtr.write_record(keep.iter().map(|i| &rec[*i])).unwrap();
    }
    let fresh = Workdir::new();
    let p = fresh.write("noid.csv", wtr.into_inner().unwrap());
    fresh.ok(&["import", "reading", p.to_str().unwrap(), "-q"]);
    for title in ["Truncated in BibTeX", "A copyright year", "A MEDLINE day", "Truncated in a cell", "An EndNote date"]
    {
        assert_eq!(stored(&fresh, title), stored(&w, title), "{title}");
        assert_eq!(authors(&fresh, title), authors(&w, title), "{title}");
    }
    // The same work with its full list (same DOI) clears the flag; a
    // truncated list never makes the full one poorer.
    let full = w.write(
        "full.bib",
        "@article{f, author = {Smith, John and Jones, Kate and Banda, Chipo}, title = {Truncated in BibTeX},
          journal = {BMJ}, year = {2019}, volume = {3}, pages = {201--209}, doi = {10.1000/etal.1}}",
    );
    w.ok(&["import", "reading", full.to_str().unwrap(), "-q"]);
    assert_eq!(stored(&w, "Truncated in BibTeX"), (Some(4), None, 0, 0), "merged: month kept, flag cleared");
    assert_eq!(authors(&w, "Truncated in BibTeX").len(), 3);
    let again = w.write("again.bib", BIB);
    w.ok(&["import", "reading", again.to_str().unwrap(), "-q"]);
    assert_eq!(stored(&w, "Truncated in BibTeX").3, 0, "the full list stays");
    assert_eq!(authors(&w, "Truncated in BibTeX").len(), 3);
    assert!(!get(&w.references("apa"), "Truncated in BibTeX").contains("et al."));
}

#[test]
fn months_and_days_from_every_format() {
    let w = imported();
    for (title, want) in [
        ("Truncated in BibTeX", (Some(4), None)),
        ("A month by name", (Some(9), None)),
        ("Truncated in RIS", (Some(4), Some(2))),
        ("A MEDLINE day", (Some(4), Some(2))),
        ("A MEDLINE month range", (Some(4), None)),
        ("Truncated on the web", (Some(4), Some(2))),
        ("Truncated in a cell", (Some(6), Some(15))),
        ("A month by column", (Some(3), None)),
        ("An EndNote date", (Some(3), Some(5))),
        ("A copyright year", (None, None)),
    ] {
        let (m, d, _, _) = stored(&w, title);
        assert_eq!((m, d), want, "{title}");
    }
    let van = w.references("vancouver");
    assert!(get(&van, "Truncated in BibTeX").contains("BMJ. 2019 Apr;3:201"), "{van:#?}");
    assert!(get(&van, "A MEDLINE day").contains("Lancet. 2019 Apr 2;12(3):201"), "{van:#?}");
    let apa = w.references("apa");
    assert!(get(&apa, "Truncated on the web").contains("(2019, April 2)"), "{apa:#?}");
    let list = w.ok(&["reading", "list", "--format", "json"]);
    assert!(list.contains("\"month\": 4") || list.contains("\"month\":4"), "{list}");
}

#[test]
fn an_approximate_year_is_kept_and_printed_as_the_style_does() {
    let w = imported();
    // "c1998" is a copyright year (MEDLINE, Citing Medicine), exact: its own
    // mark (12y), not approximate as this test said before; "circa" is approximate.
    assert_eq!(stored(&w, "A copyright year").2, 0);
    assert_eq!(w.count("SELECT date_copyright FROM reading WHERE title = 'A copyright year'"), 1);
    assert_eq!(stored(&w, "A circa year").2, 1);
    assert_eq!(stored(&w, "A MEDLINE day").2, 0);
    let apa = w.references("apa");
    assert!(get(&apa, "A copyright year").starts_with("Farmer, P. (1998)."), "{apa:#?}");
    assert!(get(&w.references("vancouver"), "A copyright year").contains("c1998"));
    let chicago = w.references("chicago");
    assert!(get(&chicago, "A circa year").contains("[1990?]"), "{chicago:#?}");
}

#[test]
fn a_bad_month_or_day_cell_is_refused_naming_its_cell() {
    let w = Workdir::new();
    let p = w.write(
        "bad.csv",
        "title,authors,year,month,day\nFine,\"A, B\",2019,4,2\nBad month,\"A, B\",2019,Smarch,\nBad day,\"A, B\",2019,4,40\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("bad.csv:3:4: month \"Smarch\" is not a month"), "{err}");
    assert!(err.contains("bad.csv:4:5: day \"40\" is not a day"), "{err}");
    assert!(!w.db().exists() || w.count("SELECT count(*) FROM reading") == 0, "nothing written");
}

#[test]
fn citing_medicine_suffixes_and_page_ranges_and_cite_them_right_quotes() {
    let w = Workdir::new();
    let p = w.write(
        "s.bib",
        "@article{s, author = {Smith, III, John and Lee, Jr., Ann and King, IV, Martin}, title = {Suffixes in 1990–2000},
          journal = {BMJ}, year = {2019}, volume = {4}, pages = {201--209}}
         @incollection{c, author = {Okoro, Chidi}, title = {A chapter}, booktitle = {A book}, editor = {Smith, Jane},
          publisher = {Zed Books}, address = {London}, year = {2019}, pages = {45--67}}",
    );
    w.ok(&["import", "reading", p.to_str().unwrap(), "-q"]);
    let van = w.references("vancouver");
    // Roman numerals as ordinals, no periods; the title's own en dash stays.
    assert_eq!(
        get(&van, "Suffixes in 1990–2000"),
        "Smith J 3rd, Lee A Jr, King M 4th. Suffixes in 1990–2000. BMJ. 2019;4:201-9."
    );
    assert!(get(&van, "A chapter").ends_with("London: Zed Books; 2019. p. 45-67."), "{van:#?}");
    let harvard = w.references("harvard");
    assert!(
        get(&harvard, "Suffixes in 1990–2000").contains("(2019) ‘Suffixes in 1990–2000’, BMJ, 4, pp. 201–209."),
        "{harvard:#?}"
    );
    // Other styles keep their own dashes and quotes.
    let apa = w.references("apa");
    assert!(get(&apa, "Suffixes in 1990–2000").contains("201–209"), "{apa:#?}");
    let chicago = w.references("chicago");
    assert!(get(&chicago, "Suffixes in 1990–2000").contains("“Suffixes in 1990–2000.”"), "{chicago:#?}");
}
