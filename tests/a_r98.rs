//! Tester r97 F1 and r96 F8, and dates of the same kinds: years of
//! calendars canon does not convert, years in the future, original years
//! before the common era, ranges in words, and BCE dates with a month.

mod common;
use common::*;

/// `title`'s stored year, year_end, month and day (None for NULL).
fn ymd(w: &Workdir, title: &str) -> (Option<i64>, Option<i64>, Option<i64>, Option<i64>) {
    let c = rusqlite::Connection::open(w.db()).expect("open db");
    c.query_row("SELECT year, year_end, month, day FROM reading WHERE title = ?1", [title], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .expect(title)
}

fn original_year(w: &Workdir, title: &str) -> Option<String> {
    let c = rusqlite::Connection::open(w.db()).expect("open db");
    c.query_row("SELECT original_year FROM reading WHERE title = ?1", [title], |r| r.get(0)).expect(title)
}

/// Today's year (UTC), as canon reads the clock.
fn this_year() -> i64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    // Howard Hinnant's civil_from_days.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    yoe + era * 400 + i64::from(mp >= 10)
}

fn calendar_warning(at: &str, date: &str, a_year: &str, example: &str) -> String {
    format!(
        "{at}: warning: date {date:?} has only {a_year}, and canon stores the Gregorian year and does not convert \
         calendars (give the Gregorian year beside it, such as {example:?}); read without a year, the date's text \
         not stored"
    )
}

/// F1: an Ethiopian (E.C., ዓ.ም.) or Bikram Sambat (B.S., वि.सं.) year is no
/// Gregorian year: the row kept without a year, the calendar named, as a
/// Hijri year alone is; beside a Gregorian year, the Gregorian one is kept.
#[test]
fn ethiopian_and_bikram_sambat_years_are_not_stored_as_gregorian_years() {
    let w = workdir();
    let said = w.import_reading(
        "cal.csv",
        "title,authors,year,type,container\n\
         Ethiopian,\"Bekele, Abebe\",2012 E.C.,article,Ethiop Med J\n\
         Ethiopian two,\"Bekele, Abebe\",2012 ዓ.ም.,article,Ethiop Med J\n\
         Ethiopian three,\"Tesfaye, Hana\",2011 EC,article,Ethiop Med J\n\
         Nepali,\"Sharma, Ram\",2076 B.S.,article,Nepal Med J\n\
         Nepali two,\"Sharma, Ram\",२०७६ वि.सं.,article,Nepal Med J\n\
         Nepali three,\"Sharma, Ram\",BS 2076,article,Nepal Med J\n\
         Ethiopian dual,\"Bekele, Abebe\",2012 E.C. / 2019/20,article,Ethiop Med J\n\
         Nepali dual,\"Sharma, Ram\",2076 B.S. (2019),article,Nepal Med J\n\
         Hijri,\"Amin, Omar\",1440 هـ,article,Saudi Med J\n",
    );
    let eth = ("an Ethiopian calendar year (E.C.)", "2012 E.C. / 2019");
    let bs = ("a Bikram Sambat year (B.S., Nepal's calendar)", "2076 B.S. / 2019");
    for (at, date, (a_year, example)) in [
        ("cal.csv:2:3", "2012 E.C.", eth),
        ("cal.csv:3:3", "2012 ዓ.ም.", eth),
        ("cal.csv:4:3", "2011 EC", eth),
        ("cal.csv:5:3", "2076 B.S.", bs),
        ("cal.csv:7:3", "BS 2076", bs),
        ("cal.csv:10:3", "1440 هـ", ("a Hijri year", "1440 هـ / 2019 م")),
    ] {
        assert!(said.contains(&calendar_warning(at, date, a_year, example)), "{at}: {said}");
    }
    let dev = said.lines().find(|l| l.contains("cal.csv:6:3: warning: date")).unwrap_or_default();
    assert!(dev.contains("has only a Bikram Sambat year (B.S., Nepal's calendar)"), "{said}");
    assert!(
        said.contains(
            "cal.csv:8:3: warning: date \"2012 E.C. / 2019/20\" is not a date canon reads whole; read as \"2019\", \
             the rest of its text not stored"
        ),
        "{said}"
    );
    assert!(said.contains("9 new"), "{said}");
    for t in ["Ethiopian", "Ethiopian two", "Ethiopian three", "Nepali", "Nepali two", "Nepali three", "Hijri"] {
        assert_eq!(ymd(&w, t), (None, None, None, None), "{t}");
    }
    assert_eq!(ymd(&w, "Ethiopian dual").0, Some(2019));
    assert_eq!(ymd(&w, "Nepali dual").0, Some(2019));
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Nepali"), "Sharma, R. (n.d.-a). Nepali. Nepal Med J.");
    assert_eq!(reference(&apa, "Ethiopian dual"), "Bekele, A. (2019). Ethiopian dual. Ethiop Med J.");
    let chicago = w.references("chicago");
    assert_eq!(reference(&chicago, "Ethiopian"), "Bekele, Abebe. n.d.-a. “Ethiopian.” Ethiop Med J.");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Nepali two"), "Sharma R. Nepali two. Nepal Med J. [date unknown].");
}

/// F1: a year more than two years on is no publication year: refused with
/// its place, as 2300 is, in every format and typed; next year's is kept.
#[test]
fn a_year_in_the_future_is_refused_as_2300_is() {
    let latest = this_year() + 2;
    let message = |v: &str| {
        format!(
            "year {v:?} is in the future; expected the year the work was published, from 1 to {latest} (two years \
             from now), \"in press\" or \"forthcoming\" for a work not yet published, or for a year of another \
             calendar the Gregorian year beside it (such as \"2076 B.S. / 2019\")"
        )
    };
    let w = workdir();
    let far = latest + 1;
    w.write(
        "f.csv",
        format!(
            "title,authors,year,type,container\nFuture,\"A, B\",2076,article,J\nFar,\"C, D\",2300,article,J\n\
             Dated,\"E, F\",{far}-05-01,article,J\nNext,\"G, H\",{},article,J\n",
            this_year() + 1
        ),
    );
    let err = w.fails(&["import", "reading", "f.csv"]);
    assert!(err.contains(&format!("f.csv:2:3: {}", message("2076"))), "{err}");
    assert!(err.contains(&format!("f.csv:3:3: {}", message("2300"))), "{err}");
    assert!(err.contains(&format!("f.csv:4:3: {}", message(&format!("{far}-05-01")))), "{err}");
    assert!(err.contains("3 problems in f.csv; nothing imported"), "{err}");
    w.write("f.ris", "TY  - JOUR\nTI  - Future RIS\nAU  - Lee, A\nPY  - 2076\nER  - \n");
    let err = w.fails(&["import", "reading", "f.ris"]);
    assert!(err.contains("f.ris:4:7:") && err.contains(&message("2076")), "{err}");
    // Next year's issue, and two years on, are kept.
    w.import_reading(
        "n.csv",
        &format!(
            "title,authors,year,type,container\nNext,\"G, H\",{},article,J\nTwo on,\"G, H\",{latest},article,J\n",
            this_year() + 1
        ),
    );
    assert_eq!(ymd(&w, "Next").0, Some(this_year() + 1));
    assert_eq!(ymd(&w, "Two on").0, Some(latest));
    // Typed, the same rule and words.
    let err = w.fails(&["reading", "add", "--title", "T", "--year", "2076", "--by", "ana"]);
    assert!(err.contains(&message("2076").replacen("year ", "", 1)), "{err}");
}

/// r96 F8: an original year before the common era keeps its era: stored
/// negative as the year is, printed "400 B.C.E." (APA) and "400 BC".
#[test]
fn an_original_year_before_the_common_era_keeps_its_era() {
    let w = workdir();
    let said = w.import_reading(
        "o.bib",
        "@book{hipp,\n  author = {Hippocrates},\n  translator = {Jones, W. H. S.},\n  title = {Airs, Waters, Places},\n  \
         date = {1923},\n  origdate = {-0399},\n  publisher = {Harvard University Press},\n  location = {Cambridge, MA},\n}\n\
         @book{plain,\n  author = {Galen},\n  title = {On the Natural Faculties},\n  date = {1916},\n  origyear = {-170},\n  \
         publisher = {Heinemann},\n}\n",
    );
    assert!(
        said.contains(
            "o.bib:6:3: warning: in entry `hipp`: original year \"-0399\" read as 400 BC: ISO 8601 and EDTF count a \
             year 0 (1 BC), so -0399 is 400 BC"
        ),
        "{said}"
    );
    assert_eq!(original_year(&w, "Airs, Waters, Places").as_deref(), Some("-400"));
    assert_eq!(original_year(&w, "On the Natural Faculties").as_deref(), Some("-170"));
    w.import_reading(
        "o.json",
        r#"[{"id":"h","type":"book","title":"Airs","author":[{"literal":"Hippocrates"}],"issued":{"date-parts":[[1923]]},"original-date":{"date-parts":[[-399]]},"publisher":"Harvard University Press"},
            {"id":"c","type":"book","title":"Laws","author":[{"literal":"Plato"}],"issued":{"date-parts":[[1926]]},"original-date":{"literal":"ca. 348 BCE"},"publisher":"Heinemann"}]"#,
    );
    assert_eq!(original_year(&w, "Airs").as_deref(), Some("-399"));
    // An approximate one stays as written.
    assert_eq!(original_year(&w, "Laws").as_deref(), Some("ca. 348 BCE"));
    w.write("r.csv", "title,authors,year,type,publisher,original_year\nOath,Hippocrates,1923,book,Loeb,400 BC\n");
    w.ok(&["import", "reading", "r.csv", "-q"]);
    assert_eq!(original_year(&w, "Oath").as_deref(), Some("-400"));

    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Airs, Waters"),
        "Hippocrates. (1923b). Airs, Waters, Places (W. H. S. Jones, Trans.). Harvard University Press. (Original work \
         published 400 B.C.E.)"
    );
    assert_eq!(
        reference(&apa, "Airs"),
        "Hippocrates. (1923a). Airs. Harvard University Press. (Original work published 399 B.C.E.)"
    );
    assert_eq!(reference(&apa, "Oath"), "Hippocrates. (1923c). Oath. Loeb. (Original work published 400 B.C.E.)");
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Airs, Waters"),
        "Hippocrates. (400 BC) 1923a. Airs, Waters, Places. Translated by W. H. S. Jones. Harvard University Press."
    );
    assert_eq!(reference(&chicago, "On the Natural"), "Galen. (170 BC) 1916. On the Natural Faculties. Heinemann.");
    // Vancouver gives no original year, of any era.
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Airs"), "Hippocrates. Airs. [place unknown]: Harvard University Press; 1923.");
}

/// A range of years in words is read as "2019-2021" is, said; "2019s" is
/// read as 2019, said; a decade stays refused (lead_r48).
#[test]
fn ranges_in_words_and_a_year_with_an_s() {
    let w = workdir();
    let said = w.import_reading(
        "r.csv",
        "title,authors,year,type,container\n\
         To,\"A, B\",2019 to 2021,article,J\n\
         Between,\"A, B\",between 2019 and 2020,article,J\n\
         From,\"A, B\",from 2018 until 2020,article,J\n\
         Bis,\"A, B\",2015 bis 2017,article,J\n\
         Hyphen,\"A, B\",2019-2021,article,J\n\
         Ss,\"A, B\",2019s,article,J\n",
    );
    for (at, date, a, b) in [
        ("r.csv:2:3", "2019 to 2021", 2019, 2021),
        ("r.csv:3:3", "between 2019 and 2020", 2019, 2020),
        ("r.csv:4:3", "from 2018 until 2020", 2018, 2020),
        ("r.csv:5:3", "2015 bis 2017", 2015, 2017),
    ] {
        let line = format!("{at}: warning: date {date:?} read as the years {a} to {b}, as \"{a}-{b}\" is");
        assert!(said.contains(&line), "{line}: {said}");
    }
    assert!(
        said.contains(
            "r.csv:7:3: warning: date \"2019s\" has an \"s\" after its year, as a decade has (\"1990s\"), but 2019 \
             names no decade; read as the year 2019"
        ),
        "{said}"
    );
    assert!(!said.contains("r.csv:6:"), "the hyphen range is read unsaid, as before: {said}");
    assert_eq!(ymd(&w, "To"), (Some(2019), Some(2021), None, None));
    assert_eq!(ymd(&w, "Between"), (Some(2019), Some(2020), None, None));
    assert_eq!(ymd(&w, "From"), (Some(2018), Some(2020), None, None));
    assert_eq!(ymd(&w, "Bis"), (Some(2015), Some(2017), None, None));
    assert_eq!(ymd(&w, "Hyphen"), ymd(&w, "To"));
    assert_eq!(ymd(&w, "Ss"), (Some(2019), None, None, None));
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "To"), "A, B. (2019–2021b). To. J.");
    assert_eq!(reference(&apa, "Hyphen"), "A, B. (2019–2021a). Hyphen. J.");
    // A decade is still no year: refused as lead_r48 has it.
    w.write("d.csv", "title,authors,year\nDecade,\"A, B\",1990s\n");
    let err = w.fails(&["import", "reading", "d.csv"]);
    assert!(err.contains("d.csv:2:3: year \"1990s\" names a decade (1990–1999), not a year"), "{err}");
    // Nonsense still refuses its file, with its place.
    for bad in ["twenty", "0000", "20190230"] {
        w.write("b.csv", format!("title,authors,year\nBad,\"A, B\",{bad}\n"));
        let err = w.fails(&["import", "reading", "b.csv"]);
        assert!(err.contains("b.csv:2:3: ") && err.contains("nothing imported"), "{bad}: {err}");
    }
}

/// A BCE date with its day and month keeps them; "5th century BC" is said
/// once; RIS "-0400" is ISO 8601's 401 BC, as biblatex's is, said.
#[test]
fn bce_dates_with_a_month_and_a_century() {
    let w = workdir();
    let said = w.import_reading(
        "b.csv",
        "title,authors,year,type,container\n\
         Ides,\"Caesar, Julius\",15 March 44 BC,article,J\n\
         Ides two,\"Caesar, Julius\",\"March 15, 44 BC\",article,J\n\
         Month only,\"Caesar, Julius\",March 44 BCE,article,J\n\
         Century,\"Anon, A\",5th century BC,article,J\n",
    );
    assert!(!said.contains("b.csv:2:") && !said.contains("b.csv:3:") && !said.contains("b.csv:4:"), "{said}");
    assert_eq!(ymd(&w, "Ides"), (Some(-44), None, Some(3), Some(15)));
    assert_eq!(ymd(&w, "Ides two"), (Some(-44), None, Some(3), Some(15)));
    assert_eq!(ymd(&w, "Month only"), (Some(-44), None, Some(3), None));
    assert_eq!(ymd(&w, "Century"), (None, None, None, None));
    assert_eq!(said.matches("b.csv:5:3:").count(), 1, "one warning: {said}");
    assert!(
        said.contains(
            "b.csv:5:3: warning: date \"5th century BC\" has a date before the common era with no year canon reads \
             (a year such as \"400 BC\" or \"-400\" is kept); read without a year, the date's text not stored"
        ),
        "{said}"
    );
    assert_eq!(reference(&w.references("apa"), "Ides"), "Caesar, J. (44 B.C.E.). Ides. J.");
    // The stored month and day printed where the style prints them for any
    // year ("J. 2019 Mar 15.", "J, March 15."): d102.
    assert_eq!(reference(&w.references("chicago"), "Ides"), "Caesar, Julius. 44 BC. “Ides.” J, March 15.");
    assert_eq!(reference(&w.references("vancouver"), "Ides"), "Caesar J. Ides. J. 44 BC Mar 15.");

    let said = w.import_reading("r.ris", "TY  - BOOK\nTI  - On Ancient Medicine\nAU  - Lee, A\nPY  - -0400\nER  - \n");
    assert!(
        said.contains(
            "r.ris:4:7: warning: in the record starting at line 1: date \"-0400\" read as 401 BC: ISO 8601 and EDTF \
             count a year 0 (1 BC), so -0399 is 400 BC"
        ),
        "{said}"
    );
    assert_eq!(ymd(&w, "On Ancient Medicine").0, Some(-401));
    w.import_reading("r.bib", "@book{m, title = {Bib Ancient}, author = {Lee, A}, date = {-0400}}\n");
    assert_eq!(ymd(&w, "Bib Ancient").0, Some(-401));
}
