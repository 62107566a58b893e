//! r109 J: East and South Asian dates, and romanised Korean names.
//! - Tester r108 F6: a dependent style in ja-JP, ko-KR, zh-CN or zh-TW.
//!   CSL 1.0.2 ("Date", "Localized Date Formats"): a `<date form="text">`
//!   or `form="numeric"` prints the locale's date-parts with their affixes
//!   ("2019年"), a `<date>` with its own date-parts prints the style's
//!   (APA's month-day, "12月 16", no "日"). canon follows it; its own web
//!   page date in Vancouver was lost in Japanese and Chinese.
//! - A Bengali calendar date with its month, converted by Bangladesh's
//!   revised calendar and said.
//! - "2019年4月号", "2019년 4월호": the April 2019 issue.
//! - BibTeX `author = {Kim Min-su}` read by BibTeX's rule, and said.
//! - "2000-0": the month that is none said in every way in.

mod common;
use common::*;

const READINGS: &str = r#"[
{"id":"a1","type":"article-journal","title":"Article one","author":[{"family":"Tanaka","given":"Taro"}],"issued":{"date-parts":[[2020,4,30]]},"container-title":"Igaku","volume":"12","issue":"3","page":"1-9"},
{"id":"b1","type":"book","title":"Book one","author":[{"family":"Tanaka","given":"Taro"}],"issued":{"date-parts":[[2019]]},"publisher":"Igaku Shoin","publisher-place":"Tokyo"},
{"id":"w1","type":"webpage","title":"Web page one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2022,12,16]]},"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"}
]"#;

fn cited() -> Workdir {
    let w = workdir();
    w.import_reading("r109.json", READINGS);
    w
}

/// Vancouver (NLM's style) prints its dates localized (`form="text"`, and
/// `form="numeric" date-parts="year"` for a book): the locale's parts and
/// affixes, by the spec.
#[test]
fn vancouver_prints_localized_dates_as_the_locale_writes_them() {
    let w = cited();
    let ja = in_locale(&w, "vancouver", "ja-JP");
    assert!(ja["Article one"].contains("Igaku. 2020年4月30日;12(3):1-9."), "{}", ja["Article one"]);
    // ja-JP's numeric form: the year with "年".
    assert!(ja["Book one"].contains("Igaku Shoin; 2019年."), "{}", ja["Book one"]);
    let ko = in_locale(&w, "vancouver", "ko-KR");
    assert!(ko["Article one"].contains("Igaku. 2020년 4월 30일;12(3):1-9."), "{}", ko["Article one"]);
    // ko-KR's numeric form has no suffix.
    assert!(ko["Book one"].contains("Igaku Shoin; 2019."), "{}", ko["Book one"]);
    for l in ["zh-CN", "zh-TW"] {
        let zh = in_locale(&w, "vancouver", l);
        assert!(zh["Article one"].contains("Igaku. 2020年4月30日;12(3)"), "{l}: {}", zh["Article one"]);
        assert!(zh["Book one"].contains("Igaku Shoin; 2019."), "{l}: {}", zh["Book one"]);
    }
}

/// Citing Medicine dates a web page to the day; canon adds it where the
/// style prints the year alone. In Japanese and Chinese the page's month
/// and day were lost ("WHO [インターネット]. 2022年"): they are the
/// locale's text date now, as in Korean and English.
#[test]
fn vancouver_web_page_keeps_its_day_in_every_east_asian_locale() {
    let w = cited();
    let en = w.references("vancouver");
    assert!(en["Web page one"].contains("WHO [Internet]. 2022 Dec 16 [cited 2023 May 1]."), "{}", en["Web page one"]);
    for (l, want) in [
        ("ja-JP", "[インターネット]. 2022年12月16日 ["),
        ("ko-KR", ". 2022년 12월 16일 ["),
        ("zh-CN", "]. 2022年12月16日 ["),
        ("zh-TW", "]. 2022年12月16日 ["),
    ] {
        let refs = in_locale(&w, "vancouver", l);
        assert!(refs["Web page one"].contains(want), "{l}: {}", refs["Web page one"]);
        assert!(!refs["Web page one"].contains("2022年 ["), "{l}: {}", refs["Web page one"]);
    }
}

/// A web page dated to its month, and one with no date, in Japanese and
/// Chinese: the month kept ("2022年12月"), and Citing Medicine's "[date
/// unknown]" (ch. 22) in the locale's words after "[インターネット]", as
/// after "[Internet]" in English.
#[test]
fn vancouver_web_page_month_and_no_date_in_japanese_and_chinese() {
    let w = workdir();
    w.import_reading(
        "u.json",
        r#"[{"id":"w2","type":"webpage","title":"Undated page","author":[{"family":"Ba","given":"Amadou"}],"URL":"https://example.org/w2","container-title":"WHO"},
{"id":"w3","type":"webpage","title":"Month page","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2022,12]]},"URL":"https://example.org/w3","container-title":"WHO"}]"#,
    );
    let en = w.references("vancouver");
    assert!(en["Undated page"].contains("WHO [Internet]. [date unknown]. Undated page."), "{}", en["Undated page"]);
    for (l, internet) in [("ja-JP", "[インターネット]"), ("zh-CN", "[网际网络]")] {
        let refs = in_locale(&w, "vancouver", l);
        assert!(refs["Month page"].contains(&format!("{internet}. 2022年12月.")), "{l}: {}", refs["Month page"]);
        assert!(refs["Undated page"].contains(&format!("{internet}. [")), "{l}: {}", refs["Undated page"]);
    }
}

/// APA's year is a localized numeric date (`form="numeric"
/// date-parts="year"`): "2020年" in ja-JP, "2020" in ko-KR and Chinese; its
/// month and day are the style's own date-parts (the month term, "12月",
/// then the day with no locale suffix).
#[test]
fn apa_year_is_localized_and_month_day_is_the_styles() {
    let w = cited();
    let ja = in_locale(&w, "apa", "ja-JP");
    assert!(ja["Article one"].starts_with("Tanaka, T. (2020年)."), "{}", ja["Article one"]);
    assert!(ja["Web page one"].contains("(2022年, 12月 16)."), "{}", ja["Web page one"]);
    let ko = in_locale(&w, "apa", "ko-KR");
    assert!(ko["Article one"].starts_with("Tanaka, T. (2020)."), "{}", ko["Article one"]);
    assert!(ko["Web page one"].contains("(2022, 12월 16)."), "{}", ko["Web page one"]);
    for l in ["zh-CN", "zh-TW"] {
        let zh = in_locale(&w, "apa", l);
        assert!(zh["Book one"].starts_with("Tanaka, T. (2019)."), "{l}: {}", zh["Book one"]);
        assert!(!zh["Web page one"].contains("日"), "{l}: {}", zh["Web page one"]);
    }
}

fn csv_import(w: &Workdir, name: &str, text: &str) -> String {
    w.import_reading(name, text)
}

/// A Bengali date with its day: the Gregorian date, by Bangladesh's revised
/// calendar, said at its file, line and column.
#[test]
fn a_bengali_date_with_its_day_is_converted_and_said() {
    let w = workdir();
    let err = csv_import(
        &w,
        "bn.csv",
        "title,authors,year\n\"Bangla one\",\"Roy, Anita\",\"১ বৈশাখ ১৪২৬\"\n\"Bangla two\",\"Roy, Bina\",\"1 Falgun 1426\"\n\"Bangla three\",\"Roy, Chitra\",\"৩০ চৈত্র ১৪২৬\"\n",
    );
    assert!(err.contains("bn.csv:2:3:"), "{err}");
    assert!(err.contains("read as 2019-04-14 by Bangladesh's revised Bengali calendar"), "{err}");
    assert!(err.contains("bn.csv:3:3:") && err.contains("read as 2020-02-14"), "{err}");
    assert!(err.contains("bn.csv:4:3:") && err.contains("read as 2020-04-13"), "{err}");
    let list = w.reading_list();
    let one = reading_titled(&list, "Bangla one");
    assert_eq!((one["year"].as_i64(), one["month"].as_i64(), one["day"].as_i64()), (Some(2019), Some(4), Some(14)));
    let two = reading_titled(&list, "Bangla two");
    assert_eq!((two["year"].as_i64(), two["month"].as_i64(), two["day"].as_i64()), (Some(2020), Some(2), Some(14)));
}

/// With the month alone: the Gregorian year (a Bengali month spans two
/// Gregorian months, so none is stored), said; Poush spans two years, so
/// no year is read, said too. The year was stored as 1426 before.
#[test]
fn a_bengali_month_gives_its_gregorian_year_and_says_so() {
    let w = workdir();
    let ris = "TY  - JOUR\nTI  - Bangla month\nAU  - Roy, Anita\nPY  - বৈশাখ ১৪২৬\nER  - \n\nTY  - JOUR\nTI  - Bangla roman\nAU  - Roy, Bina\nPY  - Boishakh 1426\nER  - \n\nTY  - JOUR\nTI  - Bangla poush\nAU  - Roy, Chitra\nPY  - Poush 1426\nER  - \n";
    let err = w.import_reading("bn.ris", ris);
    assert!(err.contains("read as the year 2019"), "{err}");
    assert!(err.contains("spans April and May 2019, so no month is stored"), "{err}");
    assert!(err.contains("spans the Gregorian years 2019 and 2020"), "{err}");
    assert!(!err.contains("read as \"1426\""), "{err}");
    let list = w.reading_list();
    for t in ["Bangla month", "Bangla roman"] {
        let r = reading_titled(&list, t);
        assert_eq!((r["year"].as_i64(), r["month"].as_i64()), (Some(2019), None), "{t}");
    }
    assert_eq!(reading_titled(&list, "Bangla poush")["year"].as_i64(), None);
}

/// "2019年4月号", "2019년 4월호": the April 2019 issue, in CSV, RIS and
/// BibTeX; an issue number with no month in a date field is refused loudly.
#[test]
fn a_months_issue_reads_its_year_and_month() {
    let w = workdir();
    w.import_reading(
        "mag.csv",
        "title,authors,year\n\"Mag ja\",\"Tanaka, Taro\",\"2019年4月号\"\n\"Mag ko\",\"Kim, Minsu\",\"2019년 4월호\"\n",
    );
    w.import_reading("mag.ris", "TY  - MGZN\nTI  - Mag ris\nAU  - Tanaka, Jiro\nDA  - 2020年11月號\nER  - \n");
    w.import_reading(
        "mag.bib",
        "@article{m1,\n  author = {Tanaka, Saburo},\n  title = {Mag bib},\n  journal = {Kango},\n  date = {２０２１年３月号}\n}\n",
    );
    let list = w.reading_list();
    for (t, y, m) in [("Mag ja", 2019, 4), ("Mag ko", 2019, 4), ("Mag ris", 2020, 11), ("Mag bib", 2021, 3)] {
        let r = reading_titled(&list, t);
        assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(y), Some(m), None), "{t}");
    }
    for bad in ["2019年第4号", "第4巻第2号"] {
        let w = workdir();
        let p = w.write("bad.csv", format!("title,authors,year\n\"Issue\",\"Lee, A\",\"{bad}\"\n"));
        let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
        assert!(err.contains(&format!("bad.csv:2:3: year \"{bad}\" is not a year")), "{err}");
        assert!(err.contains("nothing imported"), "{err}");
    }
}

/// BibTeX's "First Last" rule reads "Kim Min-su" as family "Min-su": kept,
/// and said at the name's line with the comma that says the other, as
/// "Park Chung-hee" was ("Kim" and "Lee" only before a hyphenated
/// romanised given name: "Kim Smith" is as likely given name first).
#[test]
fn bibtex_family_first_romanised_name_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "k.bib",
        "@article{k1,\n  author = {Kim Min-su and\n            Wang Xiao-ming and Smith, Jane and John Smith},\n  title = {Korean one},\n  journal = {J},\n  year = {2019}\n}\n",
    );
    assert!(err.contains("k.bib:2:13:"), "{err}");
    assert!(
        err.contains("author \"Kim Min-su\" was read by BibTeX's rule as family name \"Min-su\", given name \"Kim\"; if \"Kim\" is the family name (written first, as Chinese, Korean and Vietnamese names are)"),
        "{err}"
    );
    assert!(err.contains("write it \"Kim, Min-su\""), "{err}");
    assert!(err.contains("k.bib:3:13:") && err.contains("write it \"Wang, Xiao-ming\""), "{err}");
    assert!(!err.contains("John"), "{err}");
    let list = w.reading_list();
    let names = author_parts(reading_titled(&list, "Korean one"), ["family", "given"]);
    assert_eq!(names[0], ["Min-su".to_string(), "Kim".to_string()], "BibTeX's rule kept");
    // With the comma, nothing to say.
    let w = workdir();
    let err = w.import_reading(
        "k2.bib",
        "@article{k2,\n  author = {Kim, Min-su},\n  title = {Korean two},\n  journal = {J},\n  year = {2019}\n}\n",
    );
    assert!(!err.contains("Min-su"), "{err}");
}

/// The same name in RIS, a CSV cell and `reading add --author`: kept whole
/// (no comma), and said with the same suggestion.
#[test]
fn family_first_romanised_name_is_said_in_every_format() {
    let w = workdir();
    let err = w.import_reading("k.ris", "TY  - JOUR\nAU  - Lee Ji-hoon\nTI  - Korean ris\nPY  - 2019\nER  - \n");
    assert!(err.contains("k.ris:2:7:") && err.contains("write it \"Lee, Ji-hoon\""), "{err}");
    assert!(err.contains("\"Lee Ji-hoon\" was kept whole as written"), "{err}");
    let err = w.import_reading("k.csv", "title,authors,year\n\"Korean csv\",\"Park Seo-yeon\",2019\n");
    assert!(err.contains("k.csv:2:2:") && err.contains("write it \"Park, Seo-yeon\""), "{err}");
    // A family name that is no English given name needs no hyphen, as in BibTeX.
    let err = w.import_reading("m.ris", "TY  - JOUR\nAU  - Mao Zedong\nTI  - Chinese ris\nPY  - 2019\nER  - \n");
    assert!(err.contains("m.ris:2:7:") && err.contains("write it \"Mao, Zedong\""), "{err}");
    // "Kim Smith" is as likely an English given name first: the plain advice.
    let err = w.import_reading("s.ris", "TY  - JOUR\nAU  - Kim Smith\nTI  - English ris\nPY  - 2019\nER  - \n");
    assert!(err.contains("write it \"Family, Given\"") && !err.contains("\"Kim, Smith\""), "{err}");
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Korean typed",
        "--author",
        "Nguyen Van-an",
        "--year",
        "2019",
        "--by",
        "amina",
    ]);
    assert!(err.contains("write it \"Nguyen, Van-an\""), "{err}");
}

/// "2000-0": the year kept and the month that is none said, in a CSV cell
/// (at its file, line and column), in `reading add --year`, and in RIS.
#[test]
fn a_zero_month_is_said_in_every_way_in() {
    let w = workdir();
    let err = w.import_reading("z.csv", "title,authors,year\n\"Zero\",\"Roy, Dipa\",\"2000-0\"\n");
    assert!(err.contains("z.csv:2:3: warning: the month in \"2000-0\" not stored"), "{err}");
    let err = w.ok_stderr(&["reading", "add", "--title", "Zero typed", "--year", "2000-0", "--by", "amina"]);
    assert!(err.contains("the month in \"2000-0\" not stored"), "{err}");
    let err = w.import_reading("z.ris", "TY  - JOUR\nTI  - Zero ris\nAU  - Roy, Esha\nPY  - 2000-0\nER  - \n");
    assert!(err.contains("z.ris:4:7:") && err.contains("not stored"), "{err}");
    let list = w.reading_list();
    for t in ["Zero", "Zero typed", "Zero ris"] {
        let r = reading_titled(&list, t);
        assert_eq!((r["year"].as_i64(), r["month"].as_i64()), (Some(2000), None), "{t}");
    }
}

/// A year in Bengali digits alone in the Bengali calendar's range of today
/// ("১৪২৬"): kept as the year it says, and said as perhaps a Bengali year
/// with its marker left off (it was stored unsaid); "২০১৯" is not said.
#[test]
fn a_bengali_digit_year_alone_is_kept_and_said() {
    let w = workdir();
    let err = w.import_reading(
        "bd.ris",
        "TY  - JOUR\nTI  - Bengali digits\nAU  - Roy, Anita\nPY  - ১৪২৬\nER  - \n\nTY  - JOUR\nTI  - Gregorian digits\nAU  - Roy, Bina\nPY  - ২০১৯\nER  - \n",
    );
    assert!(
        err.contains("bd.ris:4:7:") && err.contains("kept as the year 1426; it may be a Bengali calendar year"),
        "{err}"
    );
    assert!(err.contains("write \"১৪২৬ বঙ্গাব্দ\""), "{err}");
    assert!(!err.contains("২০১৯"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading_titled(&list, "Bengali digits")["year"].as_i64(), Some(1426));
    assert_eq!(reading_titled(&list, "Gregorian digits")["year"].as_i64(), Some(2019));
}
