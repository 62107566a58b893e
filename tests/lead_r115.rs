//! Fresh tester r115 (a Roma and minority health network of medical
//! students in Hungary, Romania, Slovakia, the Czech Republic, Poland,
//! Bulgaria and Greece): Hungarian and Czech generational suffixes kept in
//! the given name (F1); "in press" in Romanian refused the whole file and in
//! Greek, Bulgarian and Ukrainian cited as undated (F2); Romanian and Greek
//! month names and Polish "r." lost a date's month and day (F6).

mod common;
use common::*;

/// F1: "ifj." and "id." (Hungarian: the younger, the elder) and "ml." and
/// "st." (Czech and Slovak) after the given name are the name's suffix, as
/// "Jr." is, in a CSV cell and in RIS.
#[test]
fn hungarian_and_czech_generational_suffixes_are_suffixes() {
    let w = workdir();
    w.import_reading(
        "names.csv",
        "title,authors,year,type\n\
         S1,\"Kovács, János, ifj.; Novák, Jan, ml.\",2019,article\n\
         S2,\"Szabó, Péter, id.; Dvořák, Petr, st.\",2019,article\n",
    );
    let list = w.reading_list();
    let parts = |t: &str| name_fields(reading_titled(&list, t), "author_names", ["family", "given", "suffix"]);
    let some = |a: &str, b: &str, c: &str| [Some(a.to_string()), Some(b.to_string()), Some(c.to_string())];
    assert_eq!(parts("S1"), [some("Kovács", "János", "ifj."), some("Novák", "Jan", "ml.")]);
    assert_eq!(parts("S2"), [some("Szabó", "Péter", "id."), some("Dvořák", "Petr", "st.")]);
    let r = w.path("r.db");
    w.write("s.ris", "TY  - JOUR\nAU  - Kovács, János, ifj.\nTI  - S3\nPY  - 2019\nER  - \n");
    w.ok_at(&r, &["init", "-q"]);
    w.ok_at(&r, &["import", "reading", w.path("s.ris").to_str().unwrap()]);
    let list = json_at(&w, &r, &["reading", "list", "--format", "json"]);
    let parts = name_fields(reading_titled(&list, "S3"), "author_names", ["family", "given", "suffix"]);
    assert_eq!(parts, [some("Kovács", "János", "ifj.")]);
    // Initials "ML" are still initials, a family name "St. John" still one.
    w.import_reading("more.csv", "title,authors,year,type\nS4,\"King ML; St. John, Mary\",2019,article\n");
    let list = w.reading_list();
    let parts = name_fields(reading_titled(&list, "S4"), "author_names", ["family", "given"]);
    assert_eq!(
        parts,
        [
            [Some("King".to_string()), Some("M. L.".to_string())],
            [Some("St. John".to_string()), Some("Mary".to_string())]
        ]
    );
}

/// F2: "in press" and "forthcoming" in Romanian, Greek, Bulgarian,
/// Ukrainian and Serbian import with no year and the state in its place,
/// as the other languages' words do (Romanian refused the whole file).
#[test]
fn in_press_in_south_east_european_languages() {
    let w = workdir();
    let err = w.import_reading(
        "p.csv",
        "title,authors,year,type\n\
         P1,\"Popescu, Ana\",sub tipar,article\n\
         P2,\"Papadopoulos, Eleni\",υπό δημοσίευση,article\n\
         P3,\"Petrova, Maria\",под печат,article\n\
         P4,\"Shevchenko, Olena\",у друці,article\n\
         P5,\"Jovanović, Milan\",u štampi,article\n\
         P6,\"Ionescu, Dan\",în curs de apariție,article\n",
    );
    assert!(err.contains("6 new"), "{err}");
    let list = w.reading_list();
    for (t, state) in [
        ("P1", "in press"),
        ("P2", "in press"),
        ("P3", "in press"),
        ("P4", "in press"),
        ("P5", "in press"),
        ("P6", "forthcoming"),
    ] {
        let r = reading_titled(&list, t);
        assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (None, Some(state)), "{t}: {r}");
    }
    let apa = w.references("apa");
    assert!(reference(&apa, "P1").contains("(in press)"), "{apa:#?}");
}

/// F6: Romanian and Greek month names, and Polish "r." after the year,
/// give the whole date.
#[test]
fn romanian_greek_and_polish_dates_are_read_whole() {
    let w = workdir();
    w.import_reading(
        "d.csv",
        "title,authors,year,type\n\
         D1,\"Popescu, Ana\",15 martie 2019,article\n\
         D2,\"Papadopoulos, Eleni\",15 Μαρτίου 2019,article\n\
         D3,\"Kowalska, Anna\",15 marca 2019 r.,article\n\
         D4,\"Petrova, Maria\",15 октомври 2019 г.,article\n\
         D5,\"Papadopoulos, Eleni\",Δεκέμβριος 2020,article\n",
    );
    let list = w.reading_list();
    for (t, y, m, d) in [
        ("D1", 2019, 3, Some(15)),
        ("D2", 2019, 3, Some(15)),
        ("D3", 2019, 3, Some(15)),
        ("D4", 2019, 10, Some(15)),
        ("D5", 2020, 12, None),
    ] {
        let r = reading_titled(&list, t);
        assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(y), Some(m), d), "{t}: {r}");
    }
}
