//! Tester r105 F3: dates in the Solar Hijri (Persian) calendar, in Persian
//! and Arabic-Indic digits, and Gregorian months named in Arabic and
//! Persian. A Solar Hijri year is never stored as a Gregorian one; a Solar
//! Hijri date with its month is converted exactly; a year alone is kept
//! out, said, with the calendar named.

mod common;
use common::*;

/// A stored year, month and day (None for NULL).
type Ymd = (Option<i64>, Option<i64>, Option<i64>);

/// `title`'s stored year, month and day.
fn ymd(w: &Workdir, title: &str) -> Ymd {
    let c = rusqlite::Connection::open(w.db()).expect("open db");
    c.query_row("SELECT year, month, day FROM reading WHERE title = ?1", [title], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .expect(title)
}

/// The warning for a date that gives only a year of `a_year`'s calendar.
fn only_a_year(at: &str, date: &str, a_year: &str, how: &str, example: &str) -> String {
    format!(
        "{at}: warning: date {date:?} has only {a_year}, and canon stores the Gregorian year and {how} (give the \
         Gregorian year beside it, such as {example:?}); read without a year, the date's text not stored"
    )
}

const SOLAR: &str = "a Solar Hijri (Persian calendar) year";
const SOLAR_HOW: &str = "does not convert a Solar Hijri year alone, which spans two Gregorian years";
const SOLAR_EXAMPLE: &str = "۱۳۹۸ ش / 2019";

/// F3 as the tester gave it, and more of its kind: Persian digits, a Solar
/// Hijri month beside the year, the calendar's markers, Arabic-Indic digits.
#[test]
fn solar_hijri_dates_in_a_csv() {
    let w = Workdir::new();
    let said = w.import_reading(
        "dates.csv",
        "title,authors,year,type,container\n\
         Persian digits,\"Pérez, Ana\",۱۳۹۹,article,Biomédica\n\
         Tir,\"Pérez, Ana\",تیر ۱۳۹۸,article,Biomédica\n\
         Gregorian with Ordibehesht,\"Pérez, Ana\",2020 اردیبهشت,article,Biomédica\n\
         Tir with day,\"Pérez, Ana\",۱۵ تیر ۱۳۹۸,article,Biomédica\n\
         Numeric,\"Pérez, Ana\",۱۳۹۸/۰۴/۱۵,article,Biomédica\n\
         Dey,\"Pérez, Ana\",Dey 1398,article,Biomédica\n\
         Dey with day,\"Pérez, Ana\",۱۱ دی ۱۳۹۸,article,Biomédica\n\
         Esfand,\"Pérez, Ana\",اسفند ۱۳۹۹,article,Biomédica\n\
         Mehr romanised,\"Pérez, Ana\",Mehr 1398,article,Biomédica\n\
         Marked SH,\"Pérez, Ana\",1398 SH,article,Biomédica\n\
         Marked shamsi,\"Pérez, Ana\",۱۳۹۸ هجری شمسی,article,Biomédica\n\
         Arabic-Indic,\"Amin, Omar\",١٤٤٠,article,Saudi Med J\n\
         Persian Gregorian,\"Pérez, Ana\",۲۰۱۹,article,Biomédica\n\
         Two calendars,\"Pérez, Ana\",۱۳۹۸ / 2019,article,Biomédica\n\
         Numeric marked,\"Karimi, Ali\",1398/04/15 ش,article,Iran J Public Health\n",
    );
    let cases: &[(&str, Ymd)] = &[
        ("Persian digits", (None, None, None)),
        ("Tir", (Some(2019), None, None)),
        ("Gregorian with Ordibehesht", (Some(2020), None, None)),
        ("Tir with day", (Some(2019), Some(7), Some(6))),
        ("Numeric", (Some(2019), Some(7), Some(6))),
        ("Dey", (None, None, None)),
        ("Dey with day", (Some(2020), Some(1), Some(1))),
        ("Esfand", (Some(2021), None, None)),
        ("Mehr romanised", (Some(2019), None, None)),
        ("Marked SH", (None, None, None)),
        ("Marked shamsi", (None, None, None)),
        ("Arabic-Indic", (None, None, None)),
        ("Persian Gregorian", (Some(2019), None, None)),
        ("Two calendars", (Some(2019), None, None)),
        ("Numeric marked", (Some(2019), Some(7), Some(6))),
    ];
    for (title, want) in cases {
        assert_eq!(ymd(&w, title), *want, "{title}\n{said}");
    }
    assert!(said.contains("15 new"), "{said}");
    for (at, date) in [("dates.csv:2:3", "۱۳۹۹"), ("dates.csv:11:3", "1398 SH"), ("dates.csv:12:3", "۱۳۹۸ هجری شمسی")]
    {
        assert!(said.contains(&only_a_year(at, date, SOLAR, SOLAR_HOW, SOLAR_EXAMPLE)), "{at}: {said}");
    }
    assert!(
        said.contains(&only_a_year(
            "dates.csv:13:3",
            "١٤٤٠",
            "a Hijri year",
            "does not convert calendars",
            "1440 هـ / 2019 م"
        )),
        "{said}"
    );
    for line in [
        "dates.csv:3:3: warning: date \"تیر ۱۳۹۸\" is a Solar Hijri (Persian calendar) date, Tir 1398, which runs \
         from 22 June 2019 to 22 July 2019: stored as the Gregorian year 2019, without a month (the Solar Hijri month \
         spans two Gregorian ones)",
        "dates.csv:4:3: warning: date \"2020 اردیبهشت\" is not a date canon reads whole; read as \"2020\", the rest \
         of its text not stored (Ordibehesht is a month of the Solar Hijri (Persian) calendar, spanning two \
         Gregorian months)",
        "dates.csv:5:3: warning: date \"۱۵ تیر ۱۳۹۸\" is a Solar Hijri (Persian calendar) date, 15 Tir 1398: stored \
         as the Gregorian date it is, 6 July 2019",
        "dates.csv:6:3: warning: date \"۱۳۹۸/۰۴/۱۵\" is a Solar Hijri (Persian calendar) date, 15 Tir 1398: stored \
         as the Gregorian date it is, 6 July 2019",
        "dates.csv:7:3: warning: date \"Dey 1398\" is a Solar Hijri (Persian calendar) date, Dey 1398, which runs \
         from 22 December 2019 to 20 January 2020: read without a year, as it spans two Gregorian years and canon \
         stores one (give its day, or the Gregorian year beside it, such as \"۱۳۹۸ ش / 2019\")",
        "dates.csv:9:3: warning: date \"اسفند ۱۳۹۹\" is a Solar Hijri (Persian calendar) date, Esfand 1399, which \
         runs from 19 February 2021 to 20 March 2021: stored as the Gregorian year 2021, without a month (the Solar \
         Hijri month spans two Gregorian ones)",
    ] {
        assert!(said.contains(line), "{line}\n{said}");
    }
    // A Gregorian year in Persian digits is a year, said nothing of.
    assert!(!said.contains("dates.csv:14:"), "{said}");
    let apa = w.references("apa");
    // (Undated: Dey, Marked SH, Marked shamsi, Persian digits.)
    assert_eq!(apa["Persian digits"], "Pérez, A. (n.d.-d). Persian digits. Biomédica.");
    // (2019: Mehr romanised, Numeric, Persian Gregorian, Tir, Tir with day, Two calendars.)
    assert_eq!(apa["Tir"], "Pérez, A. (2019d). Tir. Biomédica.");
    assert_eq!(apa["Tir with day"], "Pérez, A. (2019e). Tir with day. Biomédica.");
    assert_eq!(apa["Gregorian with Ordibehesht"], "Pérez, A. (2020b). Gregorian with Ordibehesht. Biomédica.");
}

/// F3's end: Gregorian months named in Arabic (Egyptian and Gulf, Levantine
/// and Iraqi, Maghrebi) and in Persian are months, as "mayo 2020" is.
#[test]
fn arabic_and_persian_gregorian_month_names() {
    let w = Workdir::new();
    let said = w.import_reading(
        "months.csv",
        "title,authors,year,type,container\n\
         Mayo,\"Amin, Omar\",مايو 2020,article,Saudi Med J\n\
         Ayyar,\"Amin, Omar\",أيار 2020,article,Saudi Med J\n\
         Yanayir,\"Amin, Omar\",يناير 2019,article,Saudi Med J\n\
         Kanun,\"Amin, Omar\",كانون الثاني 2019,article,Saudi Med J\n\
         Tishrin,\"Amin, Omar\",\"15 تشرين الأول، 2018\",article,Saudi Med J\n\
         Fibrayir day,\"Amin, Omar\",15 فبراير 2019,article,Saudi Med J\n\
         Shubat,\"Amin, Omar\",شباط 2017,article,Saudi Med J\n\
         Juin,\"Pérez, Ana\",ژوئن 2020,article,Biomédica\n\
         Mah,\"Pérez, Ana\",مه 2020,article,Biomédica\n\
         Janvieh,\"Pérez, Ana\",ژانویه 2018,article,Biomédica\n\
         Maghreb,\"Amin, Omar\",جويلية 2016,article,Saudi Med J\n",
    );
    for (title, want) in [
        ("Mayo", (Some(2020), Some(5), None)),
        ("Ayyar", (Some(2020), Some(5), None)),
        ("Yanayir", (Some(2019), Some(1), None)),
        ("Kanun", (Some(2019), Some(1), None)),
        ("Tishrin", (Some(2018), Some(10), Some(15))),
        ("Fibrayir day", (Some(2019), Some(2), Some(15))),
        ("Shubat", (Some(2017), Some(2), None)),
        ("Juin", (Some(2020), Some(6), None)),
        ("Mah", (Some(2020), Some(5), None)),
        ("Janvieh", (Some(2018), Some(1), None)),
        ("Maghreb", (Some(2016), Some(7), None)),
    ] {
        assert_eq!(ymd(&w, title), want, "{title}\n{said}");
    }
    assert!(!said.contains("warning"), "{said}");
    let apa = w.references("apa");
    assert_eq!(apa["Kanun"], "Amin, O. (2019b). Kanun. Saudi Med J.");
}

/// F3 in BibTeX, RIS and CSL-JSON: the same rule in every format; an ASCII
/// year of 1300–1450 on a title in Arabic script is kept, said.
#[test]
fn solar_hijri_dates_in_bibtex_ris_and_csl_json() {
    let w = Workdir::new();
    let said = w.import_reading(
        "m.bib",
        "@article{a, title = {سلامت روان در ایران}, author = {Karimi, Ali}, journal = {Iran J Public Health}, year = {1397}}\n\
         @article{b, title = {B persian digits}, author = {Karimi, Ali}, journal = {Iran J Public Health}, year = {۱۳۹۷}}\n\
         @article{c, title = {C with month}, author = {Karimi, Ali}, journal = {Iran J Public Health}, year = {مهر ۱۳۹۷}}\n",
    );
    assert_eq!(ymd(&w, "سلامت روان در ایران"), (Some(1397), None, None), "{said}");
    assert_eq!(ymd(&w, "B persian digits"), (None, None, None), "{said}");
    assert_eq!(ymd(&w, "C with month"), (Some(2018), None, None), "{said}");
    assert!(
        said.contains(
            "m.bib:1:102: warning: in entry `a`: year 1397 on a title in Arabic script may be a Hijri year (Solar Hijri 1397 is 2018–2019, lunar \
             Hijri 1397 about 1976–1977); stored as written, as the Gregorian year 1397 (if it is a Hijri year, give \
             the Gregorian year beside it, such as \"۱۳۹۸ ش / 2019\")"
        ),
        "{said}"
    );
    assert!(said.contains(&format!("date \"۱۳۹۷\" has only {SOLAR}")), "{said}");

    let w = Workdir::new();
    let said = w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - R one\nAU  - Karimi, Ali\nJO  - Iran J Public Health\nPY  - ۱۳۹۸\nER  - \n\n\
         TY  - JOUR\nTI  - R two\nAU  - Karimi, Ali\nJO  - Iran J Public Health\nDA  - ۱۳۹۸/۰۴/۱۵\nER  - \n\n\
         TY  - JOUR\nTI  - R three\nAU  - Karimi, Ali\nJO  - Iran J Public Health\nY1  - تیر ۱۳۹۸\nER  - \n\n\
         TY  - JOUR\nTI  - R four\nAU  - Karimi, Ali\nJO  - Iran J Public Health\nPY  - 2020\nDA  - أيار 2020\nER  - \n",
    );
    assert_eq!(ymd(&w, "R one"), (None, None, None), "{said}");
    assert_eq!(ymd(&w, "R two"), (Some(2019), Some(7), Some(6)), "{said}");
    assert_eq!(ymd(&w, "R three"), (Some(2019), None, None), "{said}");
    assert_eq!(ymd(&w, "R four"), (Some(2020), Some(5), None), "{said}");
    assert!(said.contains(&format!("date \"۱۳۹۸\" has only {SOLAR}")), "{said}");
    let apa = w.references("apa");
    assert_eq!(apa["R two"], "Karimi, A. (2019b). R two. Iran J Public Health.");

    let w = Workdir::new();
    let said = w.import_reading(
        "z.json",
        r#"[{"id":"a","type":"article-journal","title":"سلامت روان","author":[{"family":"Karimi","given":"Ali"}],"container-title":"Iran J Public Health","issued":{"date-parts":[[1398]]}},
            {"id":"b","type":"article-journal","title":"J raw","author":[{"family":"Karimi","given":"Ali"}],"container-title":"Iran J Public Health","issued":{"raw":"۱۳۹۸"}},
            {"id":"c","type":"article-journal","title":"J literal","author":[{"family":"Karimi","given":"Ali"}],"container-title":"Iran J Public Health","issued":{"literal":"تیر ۱۳۹۸"}},
            {"id":"d","type":"article-journal","title":"J raw day","author":[{"family":"Karimi","given":"Ali"}],"container-title":"Iran J Public Health","issued":{"raw":"۱۵ تیر ۱۳۹۸"}},
            {"id":"e","type":"article-journal","title":"J arabic month","author":[{"family":"Amin","given":"Omar"}],"container-title":"Saudi Med J","issued":{"literal":"مايو 2020"}}]"#,
    );
    assert_eq!(ymd(&w, "سلامت روان"), (Some(1398), None, None), "{said}");
    assert_eq!(ymd(&w, "J raw"), (None, None, None), "{said}");
    assert_eq!(ymd(&w, "J literal"), (Some(2019), None, None), "{said}");
    assert_eq!(ymd(&w, "J raw day"), (Some(2019), Some(7), Some(6)), "{said}");
    assert_eq!(ymd(&w, "J arabic month"), (Some(2020), Some(5), None), "{said}");
    assert!(
        said.contains(
            "z.json:1:144: warning: in item `a`: year 1398 on a title in Arabic script may be a Hijri year (Solar \
             Hijri 1398 is 2019–2020, lunar Hijri 1398 about 1977–1978); stored as written"
        ),
        "{said}"
    );
    assert!(said.contains(&format!("date \"۱۳۹۸\" has only {SOLAR}")), "{said}");
}

/// `reading add --year` reads a Solar Hijri date as a file's is.
#[test]
fn a_typed_solar_hijri_date() {
    let w = workdir();
    let said = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Typed day",
        "--author",
        "Karimi, Ali",
        "--by",
        "amina",
        "--year",
        "۱۵ تیر ۱۳۹۸",
    ]);
    assert_eq!(ymd(&w, "Typed day"), (Some(2019), Some(7), Some(6)), "{said}");
    assert!(said.contains("15 Tir 1398: stored as the Gregorian date it is, 6 July 2019"), "{said}");
    let said = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Typed year",
        "--author",
        "Karimi, Ali",
        "--by",
        "amina",
        "--year",
        "۱۳۹۹",
    ]);
    assert_eq!(ymd(&w, "Typed year"), (None, None, None), "{said}");
    assert!(said.contains(SOLAR), "{said}");
    let said = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Typed month",
        "--author",
        "Amin, Omar",
        "--by",
        "amina",
        "--year",
        "مايو 2020",
    ]);
    assert_eq!(ymd(&w, "Typed month"), (Some(2020), Some(5), None), "{said}");
    let apa = w.references("apa");
    assert_eq!(apa["Typed day"], "Karimi, A. (2019). Typed day.");
}
