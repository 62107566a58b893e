//! Lead, session r86: valid dates in other languages refused whole files,
//! and another language's "et al." was stored in a given name (fresh
//! tester r88 F5, F6, F10).

mod common;
use common::*;

/// Russian "в печати" is in press as "sous presse" and "im Druck" are; a
/// season in French, Spanish, Portuguese, Italian, German, Dutch or Russian
/// is the season, as "Spring 2019" is (both refused the whole file).
#[test]
fn in_press_and_seasons_in_other_languages_are_read() {
    let w = workdir();
    let said = w.import_reading(
        "dates.csv",
        "title,authors,year,type\n\
         D1,\"Иванов, Иван\",в печати,article\n\
         D2,\"Lebrun, Paul\",printemps 2019,article\n\
         D3,\"Lopez, Eva\",primavera 2019,article\n\
         D4,\"Maier, Jan\",Frühjahr 2019,article\n\
         D5,\"Dupont, Marie\",automne 2020,article\n\
         D6,\"Ortiz, Ana\",invierno 2021,article\n\
         D7,\"Sommer, Karl\",Sommer 2018,article\n\
         D8,\"Петров, Пётр\",осень 2017,article\n\
         D9,\"Smith, Jo\",Spring 2019,article\n",
    );
    assert!(said.contains("readings: 9 new"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "D1");
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (None, Some("in press")), "{r}");
    for (title, year, season) in [
        ("D2", 2019, "spring"),
        ("D3", 2019, "spring"),
        ("D4", 2019, "spring"),
        ("D5", 2020, "autumn"),
        ("D6", 2021, "winter"),
        ("D7", 2018, "summer"),
        ("D8", 2017, "autumn"),
        ("D9", 2019, "spring"),
    ] {
        let r = reading(&list, title);
        assert_eq!((r["year"].as_i64(), r["season"].as_str()), (Some(year), Some(season)), "{r}");
    }
    // A word that is no date beside one four-digit year keeps the year,
    // naming the whole text (tester r93 F1: such a cell refused the file).
    let w = workdir();
    let err = w.import_reading("bad.csv", "title,authors,year,type\nX,\"Smith, Jo\",Blumen 2019,article\n");
    assert!(
        err.contains(
            "bad.csv:2:3: warning: date \"Blumen 2019\" is not a date canon reads whole; read as \"2019\", the rest of its text not stored"
        ),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year = 2019 AND season IS NULL"), 1);
}

/// Russian "и др.", Spanish "y cols.", Portuguese "e cols.", Italian "e
/// altri" end a list cut short, as "et al." and "u. a." do: the list is
/// marked incomplete, nothing is kept in a given name.
#[test]
fn et_al_in_other_languages_marks_the_list_cut_short() {
    let w = workdir();
    let said = w.import_reading(
        "names.csv",
        "title,authors,year,type\n\
         M1,\"Иванов, И. И. и др.\",2019,article\n\
         M2,\"García, A. y cols.\",2019,article\n\
         M3,\"Silva, J.; Costa, P. e cols.\",2019,article\n\
         M4,\"Rossi, M. e altri\",2019,article\n\
         M5,\"Иванов И. И., Петров П. П. и соавт.\",2019,article\n",
    );
    assert!(!said.contains("two people"), "{said}");
    let list = w.reading_list();
    for (title, families) in [
        ("M1", vec!["Иванов"]),
        ("M2", vec!["García"]),
        ("M3", vec!["Silva", "Costa"]),
        ("M4", vec!["Rossi"]),
        ("M5", vec!["Иванов", "Петров"]),
    ] {
        let r = reading(&list, title);
        let names: Vec<&str> =
            r["author_names"].as_array().unwrap().iter().map(|a| a["family"].as_str().unwrap()).collect();
        assert_eq!(names, families, "{r}");
        assert_eq!(r["authors_truncated"].as_bool(), Some(true), "{r}");
        for a in r["author_names"].as_array().unwrap() {
            let given = a["given"].as_str().unwrap_or_default();
            assert!(!given.contains("др") && !given.contains("col") && !given.contains("altri"), "{r}");
        }
    }
    let v = w.references("vancouver");
    assert!(v["M1"].starts_with("Иванов ИИ, et al. M1."), "{v:?}");
}

/// An EndNote Book whose series is its tertiary title: its tertiary
/// authors edit the series, not the book, as RIS `A3` beside `T3` does
/// (tester r88 F4: "Edited by Robert Borofsky" in every style from the XML,
/// not stored from the RIS of one record). Without a tertiary title they
/// are the book's editors (EndNote's Book: Tertiary Author = Editor).
#[test]
fn an_endnote_books_series_editor_is_not_its_editor() {
    let xml = |titles: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\
             <contributors><authors><author>Farmer, Paul</author></authors><tertiary-authors><author>Borofsky, \
             Robert</author></tertiary-authors></contributors><titles><title>Infections and inequalities</title>\
             {titles}</titles><dates><year>2001</year></dates><publisher>University of California Press</publisher>\
             </record></records></xml>"
        )
    };
    let w = workdir();
    let said =
        w.import_reading("lib.xml", &xml("<tertiary-title>California series in public anthropology</tertiary-title>"));
    assert!(said.contains("contributors/tertiary-authors/author (the editor of the series"), "{said}");
    let r = w.reading_list()[0].clone();
    assert_eq!(r["editor_names"].as_array().map(Vec::len).unwrap_or(0), 0, "{r}");
    assert_eq!(r["series"], "California series in public anthropology", "{r}");
    assert!(!w.references("chicago")["Infections and inequalities"].contains("Borofsky"));
    let w = workdir();
    w.import_reading("ed.xml", &xml(""));
    let r = w.reading_list()[0].clone();
    assert_eq!(r["editor_names"][0]["family"], "Borofsky", "{r}");
}
