//! Issue 12, r114: a genre with an ellipsis or a spaced colon printed as
//! stored (F3: "Дис. ... канд. мед. наук" was printed "Дис.... канд."), and
//! Russian, Ukrainian, Kazakh and Uzbek dates read whole with their year
//! words (F4: "15 марта 2019 г." lost its day; "1985–1987 гг." was refused).

mod common;
use common::*;

/// The styles canon names, and IEEE.
const STYLES: &[&str] = &["apa", "vancouver", "harvard", "chicago", "mla", "ieee", "ama"];

const THESES: &str = r#"[
{"id":"t1","type":"thesis","title":"Thesis one","author":[{"family":"Иванов","given":"Иван"}],"issued":{"date-parts":[[2019]]},"genre":"Дис. ... канд. мед. наук","publisher":"МГУ","publisher-place":"Москва"},
{"id":"t2","type":"thesis","title":"Thesis two","author":[{"family":"Петров","given":"Пётр"}],"issued":{"date-parts":[[2018]]},"genre":"Автореф. дис. ... д-ра мед. наук","publisher":"МГУ","publisher-place":"Москва"},
{"id":"t3","type":"thesis","title":"Thesis three","author":[{"family":"Dupont","given":"Jean"}],"issued":{"date-parts":[[2017]]},"genre":"Thèse de doct. : Méd.","publisher":"Université de Paris","publisher-place":"Paris"},
{"id":"t4","type":"thesis","title":"Thesis four","author":[{"family":"Müller","given":"Hans"}],"issued":{"date-parts":[[2016]]},"genre":"Diss. med.","publisher":"LMU","publisher-place":"München"},
{"id":"t5","type":"thesis","title":"Thesis five","author":[{"family":"Сидоров","given":"Сидор"}],"issued":{"date-parts":[[2015]]},"genre":"Дис. … канд. биол. наук : 03.00.04","publisher":"СПбГУ","publisher-place":"Санкт-Петербург"}
]"#;

/// The stored genre of each thesis above, by title.
const GENRES: &[(&str, &str)] = &[
    ("Thesis one", "Дис. ... канд. мед. наук"),
    ("Thesis two", "Автореф. дис. ... д-ра мед. наук"),
    ("Thesis three", "Thèse de doct. : Méd."),
    ("Thesis four", "Diss. med."),
    ("Thesis five", "Дис. … канд. биол. наук : 03.00.04"),
];

/// F3: a genre with an ellipsis, a spaced colon or semicolon, or several
/// abbreviations is stored and printed as written, in every style.
#[test]
fn an_abbreviated_genre_is_printed_as_stored_in_every_style() {
    let w = workdir();
    w.import_reading("theses.json", THESES);
    let list = w.reading_list();
    for (title, genre) in GENRES {
        assert_eq!(reading(&list, title)["genre"], *genre, "{title}");
    }
    for s in STYLES {
        let refs = w.references(s);
        for (title, genre) in GENRES {
            assert!(refs[*title].contains(genre), "{s}: {title}: {}", refs[*title]);
        }
    }
}

/// F3: whole references, as each manual prints a thesis's genre.
#[test]
fn an_abbreviated_genre_in_whole_references() {
    let w = workdir();
    w.import_reading("theses.json", THESES);
    let apa = w.references("apa");
    // APA 7 §10.6: the genre and the university in one bracket.
    assert_eq!(apa["Thesis one"], "Иванов, И. (2019). Thesis one [Дис. ... канд. мед. наук, МГУ].");
    assert_eq!(apa["Thesis three"], "Dupont, J. (2017). Thesis three [Thèse de doct. : Méd., Université de Paris].");
    let v = w.references("vancouver");
    assert_eq!(v["Thesis one"], "Иванов И. Thesis one [Дис. ... канд. мед. наук]. Москва: МГУ; 2019.");
    assert_eq!(v["Thesis two"], "Петров П. Thesis two [Автореф. дис. ... д-ра мед. наук]. Москва: МГУ; 2018.");
    assert_eq!(v["Thesis four"], "Müller H. Thesis four [Diss. med.]. München: LMU; 2016.");
    let h = w.references("harvard");
    assert_eq!(h["Thesis one"], "Иванов, И. (2019) Thesis one. Дис. ... канд. мед. наук. МГУ.");
    assert_eq!(h["Thesis four"], "Müller, H. (2016) Thesis four. Diss. med. LMU.");
    let i = w.references("ieee");
    assert_eq!(i["Thesis two"], "П. Петров, “Thesis two,” Автореф. дис. ... д-ра мед. наук, МГУ, Москва, 2018.");
    let m = w.references("mla");
    assert_eq!(m["Thesis three"], "Dupont, Jean. Thesis Three. 2017. Université de Paris, Thèse de doct. : Méd.");
}

/// F3: the same genre from BibTeX `type`, RIS `M3` and a CSV `genre`.
#[test]
fn an_abbreviated_genre_from_bibtex_ris_and_csv() {
    let w = workdir();
    w.import_reading(
        "t.bib",
        "@phdthesis{b1, title = {Bib thesis}, author = {Иванов, Иван}, year = {2019}, type = {Дис. ... канд. мед. наук}, school = {МГУ}, address = {Москва}}\n",
    );
    w.import_reading(
        "t.ris",
        "TY  - THES\nTI  - Ris thesis\nAU  - Иванов, Иван\nPY  - 2019\nM3  - Дис. ... канд. мед. наук\nPB  - МГУ\nCY  - Москва\nER  - \n",
    );
    w.import_reading(
        "t.csv",
        "title,authors,year,type,genre,publisher\nCsv thesis,\"Иванов, Иван\",2019,thesis,Автореф. дис. ... канд. мед. наук,МГУ\n",
    );
    let v = w.references("vancouver");
    assert_eq!(v["Bib thesis"], "Иванов И. Bib thesis [Дис. ... канд. мед. наук]. Москва: МГУ; 2019.");
    assert_eq!(v["Ris thesis"], "Иванов И. Ris thesis [Дис. ... канд. мед. наук]. Москва: МГУ; 2019.");
    assert!(v["Csv thesis"].contains("Csv thesis [Автореф. дис. ... канд. мед. наук]."), "{}", v["Csv thesis"]);
    let apa = w.references("apa");
    assert_eq!(apa["Bib thesis"], "Иванов, И. (2019a). Bib thesis [Дис. ... канд. мед. наук, МГУ].");
}

/// F3: a title with a spaced ellipsis keeps it too (the same tidying).
#[test]
fn a_spaced_ellipsis_in_a_report_genre_is_kept() {
    let w = workdir();
    w.import_reading(
        "r.json",
        r#"[{"id":"r1","type":"report","title":"Report one","author":[{"literal":"Минздрав России"}],"issued":{"date-parts":[[2020]]},"genre":"Отчёт о НИР ... (промежуточ.)","publisher":"Минздрав","publisher-place":"Москва"}]"#,
    );
    for s in STYLES {
        let refs = w.references(s);
        assert!(refs["Report one"].contains("Отчёт о НИР ... (промежуточ.)"), "{s}: {}", refs["Report one"]);
    }
}

/// The stored year, month, day and end year of the reading titled `title`.
fn stored(list: &serde_json::Value, title: &str) -> [Option<i64>; 4] {
    let r = reading_titled(list, title);
    ["year", "month", "day", "year_end"].map(|k| r[k].as_i64())
}

/// Each date and what canon stores of it: year, month, day, end year.
const DATES: &[(&str, [Option<i64>; 4])] = &[
    ("15 марта 2019 г.", [Some(2019), Some(3), Some(15), None]),
    ("15 марта 2019 года", [Some(2019), Some(3), Some(15), None]),
    ("15 марта 2019г.", [Some(2019), Some(3), Some(15), None]),
    ("март 2019 г.", [Some(2019), Some(3), None, None]),
    ("декабрь 2020 г.", [Some(2020), Some(12), None, None]),
    ("2019 г.", [Some(2019), None, None, None]),
    ("2019 г", [Some(2019), None, None, None]),
    ("1985–1987 гг.", [Some(1985), None, None, Some(1987)]),
    ("1985-1987 гг.", [Some(1985), None, None, Some(1987)]),
    ("15 березня 2019 р.", [Some(2019), Some(3), Some(15), None]),
    ("1 вересня 2020 року", [Some(2020), Some(9), Some(1), None]),
    ("листопад 2018 р.", [Some(2018), Some(11), None, None]),
    ("2001–2003 рр.", [Some(2001), None, None, Some(2003)]),
    ("2019-yil 15-mart", [Some(2019), Some(3), Some(15), None]),
    ("2020-yil 3-sentabr", [Some(2020), Some(9), Some(3), None]),
    ("2019-yil mart", [Some(2019), Some(3), None, None]),
    ("2019 йил 15 март", [Some(2019), Some(3), Some(15), None]),
    ("2019 жылғы 15 наурыз", [Some(2019), Some(3), Some(15), None]),
    ("2021 жылғы 7 желтоқсан", [Some(2021), Some(12), Some(7), None]),
    ("2019 ж. 15 наурыз", [Some(2019), Some(3), Some(15), None]),
];

/// F4: a reading CSV's date in Russian, Ukrainian, Kazakh and Uzbek is read
/// whole, with no warning that anything was lost.
#[test]
fn cyrillic_and_uzbek_dates_read_whole_in_a_csv() {
    let w = workdir();
    let mut csv = String::from("title,authors,year,type\n");
    for (i, (date, _)) in DATES.iter().enumerate() {
        csv.push_str(&format!("Csv {i},\"Иванов, И.\",{date},article\n"));
    }
    let err = w.import_reading("dates.csv", &csv);
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    for (i, (date, want)) in DATES.iter().enumerate() {
        assert_eq!(stored(&list, &format!("Csv {i}")), *want, "{date}");
    }
}

/// F4: a CSL-JSON `raw` or `literal` date likewise.
#[test]
fn cyrillic_and_uzbek_dates_read_whole_in_csl_json() {
    let w = workdir();
    let items: Vec<String> = DATES
        .iter()
        .enumerate()
        .flat_map(|(i, (date, _))| {
            ["raw", "literal"].map(|form| {
                format!(
                    r#"{{"id":"{form}{i}","type":"article-journal","title":"Json {form} {i}","author":[{{"family":"Иванов","given":"И."}}],"issued":{{"{form}":"{date}"}}}}"#
                )
            })
        })
        .collect();
    let err = w.import_reading("dates.json", &format!("[{}]", items.join(",\n")));
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    for (i, (date, want)) in DATES.iter().enumerate() {
        for form in ["raw", "literal"] {
            assert_eq!(stored(&list, &format!("Json {form} {i}")), *want, "{form}: {date}");
        }
    }
}

/// F4: RIS `DA`, BibTeX `date` and EndNote XML's date likewise.
#[test]
fn a_russian_date_reads_whole_in_ris_bibtex_and_endnote() {
    let w = workdir();
    w.import_reading("d.ris", "TY  - JOUR\nTI  - Ris dated\nAU  - Иванов, И.\nDA  - 15 марта 2019 г.\nER  - \n");
    w.import_reading("d.bib", "@article{b, title = {Bib dated}, author = {Иванов, И.}, date = {1985–1987 гг.}}\n");
    w.import_reading(
        "d.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type><contributors><authors><author>Иванов, И.</author></authors></contributors><titles><title>Endnote dated</title></titles><dates><year>2019</year><pub-dates><date>15 березня 2019 р.</date></pub-dates></dates></record></records></xml>"#,
    );
    let list = w.reading_list();
    assert_eq!(stored(&list, "Ris dated"), [Some(2019), Some(3), Some(15), None]);
    assert_eq!(stored(&list, "Bib dated"), [Some(1985), None, None, Some(1987)]);
    assert_eq!(stored(&list, "Endnote dated"), [Some(2019), Some(3), Some(15), None]);
}

/// F4: the dates in references: APA's newspaper date with its day, and a
/// range of years as "1985–1987" is printed.
#[test]
fn a_russian_date_in_references() {
    let w = workdir();
    w.import_reading(
        "n.json",
        r#"[{"id":"n1","type":"article-newspaper","title":"News one","author":[{"family":"Иванов","given":"Иван"}],"container-title":"Известия","issued":{"raw":"15 марта 2019 г."}},
{"id":"n2","type":"book","title":"Book range","author":[{"family":"Петров","given":"Пётр"}],"publisher":"Наука","publisher-place":"Москва","issued":{"literal":"1985–1987 гг."}},
{"id":"n3","type":"book","title":"Book plain","author":[{"family":"Сидоров","given":"Сидор"}],"publisher":"Наука","publisher-place":"Москва","issued":{"literal":"1985–1987"}}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(apa["News one"], "Иванов, И. (2019, March 15). News one. Известия.");
    assert_eq!(apa["Book range"], "Петров, П. (1985–1987). Book range. Наука.");
    assert_eq!(apa["Book plain"], "Сидоров, С. (1985–1987). Book plain. Наука.");
    let v = w.references("vancouver");
    assert_eq!(v["News one"], "Иванов И. News one. Известия. 2019 Mar 15.");
    assert_eq!(v["Book range"], "Петров П. Book range. Москва: Наука; 1985-1987.");
    assert_eq!(v["Book plain"], "Сидоров С. Book plain. Москва: Наука; 1985-1987.");
}

/// F4: a date with Russian year words canon cannot read whole is said,
/// naming the value as written; one with no year is said likewise, the
/// reading kept without a year.
#[test]
fn an_unread_russian_date_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "odd.csv",
        "title,authors,year,type\nOdd one,\"Иванов, И.\",весна–лето 2019 г. (предв.),article\nOdd two,\"Иванов, И.\",когда-то г.,article\n",
    );
    assert!(
        err.contains(
            "odd.csv:2:3: warning: date \"весна–лето 2019 г. (предв.)\" is not a date canon reads whole; read as \"2019\", the rest of its text not stored"
        ),
        "{err}"
    );
    assert!(err.contains("odd.csv:3:3: warning: date \"когда-то г.\" has no year canon reads"), "{err}");
    let list = w.reading_list();
    assert_eq!(stored(&list, "Odd one"), [Some(2019), None, None, None]);
    assert_eq!(stored(&list, "Odd two"), [None, None, None, None]);
}

/// F4: an access date with its year word is read whole too (CSL-JSON
/// `accessed`, a CSV `accessed` column).
#[test]
fn an_access_date_with_a_year_word() {
    let w = workdir();
    w.import_reading(
        "a.json",
        r#"[{"id":"w1","type":"webpage","title":"Web one","author":[{"family":"Иванов","given":"Иван"}],"issued":{"raw":"2019 г."},"URL":"https://example.ru/x","accessed":{"raw":"15 марта 2020 г."}},
{"id":"w2","type":"webpage","title":"Web two","author":[{"family":"Иванов","given":"Иван"}],"issued":{"raw":"2019"},"URL":"https://example.ru/y","accessed":{"raw":"2020-yil 15-mart"}}]"#,
    );
    let err = w.import_reading(
        "a.csv",
        "title,authors,year,type,url,accessed\nWeb csv,\"Иванов, И.\",2019,webpage,https://e.ru/z,15 березня 2020 р.\nWeb odd,\"Иванов, И.\",2019,webpage,https://e.ru/q,весной 2020 г.\n",
    );
    assert!(
        err.contains(
            "a.csv:3:6: warning: access date \"весной 2020 г.\" is not a date; expected a date such as 2024-03-05"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(reading_titled(&list, "Web one")["accessed"], "2020-03-15");
    assert_eq!(reading_titled(&list, "Web two")["accessed"], "2020-03-15");
    assert_eq!(reading_titled(&list, "Web csv")["accessed"], "2020-03-15");
    assert_eq!(reading_titled(&list, "Web one")["year"], 2019);
    let v = w.references("vancouver");
    assert!(v["Web one"].contains("[cited 2020 Mar 15]"), "{}", v["Web one"]);
}
