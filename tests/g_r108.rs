//! Fresh tester r108 (a South and East Asian decolonial health
//! collective): a Bengali-calendar year stored as a Gregorian one, a Korean
//! Dangi year refused (F1); dotted East Asian dates losing month and day
//! (F2); CJK seasons losing their year or refusing the file (F3); BibTeX
//! "First Last" in Devanagari kept whole (F4); "et al." in Urdu, Bengali,
//! Hindi, Korean stored as an author (F5); a DOI with a full-width colon
//! refusing the file (F7).

mod common;
use common::*;

fn csv(rows: &[(&str, &str, &str)]) -> String {
    let mut s = String::from("title,authors,year,type,container\n");
    for (t, a, y) in rows {
        s.push_str(&format!("\"{t}\",\"{a}\",{y},article,J\n"));
    }
    s
}

fn csl(items: &[(&str, &str)]) -> String {
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, (title, issued))| {
            format!(
                "{{\"id\":\"c{i}\",\"type\":\"article-journal\",\"title\":\"{title}\",\"author\":[{{\"family\":\"김\",\
                 \"given\":\"지원\"}}],\"issued\":{issued}}}"
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

fn ris(title: &str, tags: &str) -> String {
    format!("TY  - JOUR\nAU  - Kim, Jiwon\nTI  - {title}\n{tags}T2  - J\nER  - \n")
}

fn int(r: &serde_json::Value, k: &str) -> Option<i64> {
    r[k].as_i64()
}

/// The year, month and day stored for the reading titled `t`.
fn ymd(list: &serde_json::Value, t: &str) -> (Option<i64>, Option<i64>, Option<i64>) {
    let r = reading_titled(list, t);
    (int(r, "year"), int(r, "month"), int(r, "day"))
}

/// F1: a Korean Dangi year is converted exactly (2333 years ahead), said,
/// in every format; a Bengali calendar year alone is kept out, said,
/// never stored as a Gregorian year; a Bikram Sambat year alike.
#[test]
fn dangi_years_converted_and_bengali_years_never_gregorian() {
    let w = workdir();
    let err = w.import_reading(
        "cal.csv",
        &csv(&[
            ("K1", "Kim, Jiwon", "단기 4352년"),
            ("K2", "Kim, Jiwon", "단기 4353년 3월 1일"),
            ("K3", "Kim, Jiwon", "檀紀4352年"),
            ("B1", "Rahman, Anisur", "১৪২৬ বঙ্গাব্দ"),
            ("B2", "Rahman, Anisur", "1426 বঙ্গাব্দ"),
            ("B3", "Rahman, Anisur", "১৪২৭ সন"),
            ("N1", "Sharma, Rajesh", "२०७६ वि.सं."),
        ]),
    );
    assert!(err.contains("\"단기 4352년\" is written in the Korean Dangi era"), "{err}");
    assert!(err.contains("read as the year 2019"), "{err}");
    assert!(err.contains("only a Bengali calendar year"), "{err}");
    assert!(err.contains("only a Bikram Sambat year"), "{err}");
    w.import_reading("cal.json", &csl(&[("CK1", "{\"literal\":\"단기 4352\"}"), ("CB1", "{\"raw\":\"১৪২৬ বঙ্গাব্দ\"}")]));
    w.import_reading("cal.bib", "@article{k, author={Kim, Jiwon}, title={BK1}, journal={J}, year={단기 4352}}\n");
    w.import_reading("cal.ris", &ris("RK1", "PY  - 단기 4352년\n"));
    w.import_reading("cal2.ris", &ris("RB1", "PY  - ১৪২৬ বঙ্গাব্দ\n"));
    let list = w.reading_list();
    assert_eq!(ymd(&list, "K1"), (Some(2019), None, None));
    assert_eq!(ymd(&list, "K2"), (Some(2020), Some(3), Some(1)));
    for t in ["K3", "CK1", "BK1", "RK1"] {
        assert_eq!(int(reading_titled(&list, t), "year"), Some(2019), "{t}");
    }
    for t in ["B1", "B2", "B3", "CB1", "RB1", "N1"] {
        assert_eq!(int(reading_titled(&list, t), "year"), None, "{t}: never the calendar's year as Gregorian");
    }
}

/// F2: "2019.04.02", "2019. 4. 2.", "2019.04" are read as year, month and
/// day, as "2019/04/02" is, in CSV, CSL-JSON raw, BibTeX, RIS DA and
/// EndNote XML.
#[test]
fn dotted_dates_keep_month_and_day() {
    let w = workdir();
    let err = w.import_reading(
        "d.csv",
        &csv(&[
            ("D1", "Kim, Jiwon", "2019. 4. 2."),
            ("D2", "Kim, Jiwon", "2019.04"),
            ("D3", "Kim, Jiwon", "2019.04.02"),
            ("D4", "Kim, Jiwon", "2019.12.31."),
        ]),
    );
    assert!(!err.contains("warning"), "{err}");
    let err = w.import_reading(
        "d.json",
        &csl(&[
            ("C1", "{\"raw\":\"2019.04.02\"}"),
            ("C2", "{\"raw\":\"2019. 4. 2.\"}"),
            ("C3", "{\"literal\":\"2019.04\"}"),
        ]),
    );
    assert!(!err.contains("warning"), "{err}");
    w.import_reading("d.bib", "@article{k, author={Kim, Jiwon}, title={BD1}, journal={J}, date={2019.04.02}}\n");
    let err = w.import_reading("d.ris", &ris("RD1", "PY  - 2019\nDA  - 2019.04.02\n"));
    assert!(!err.contains("no month"), "{err}");
    w.import_reading("d2.ris", &ris("RD2", "PY  - 2019. 4. 2.\n"));
    w.import_reading(
        "d.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number><ref-type \
         name=\"Journal Article\">17</ref-type><contributors><authors><author>Kim, Jiwon</author></authors>\
         </contributors><titles><title>XD1</title><secondary-title>J</secondary-title></titles><dates><year>2019\
         </year><pub-dates><date>2019.04.02</date></pub-dates></dates></record></records></xml>",
    );
    let list = w.reading_list();
    for t in ["D1", "D3", "C1", "C2", "BD1", "RD1", "RD2", "XD1"] {
        assert_eq!(ymd(&list, t), (Some(2019), Some(4), Some(2)), "{t}");
    }
    for t in ["D2", "C3"] {
        assert_eq!(ymd(&list, t), (Some(2019), Some(4), None), "{t}");
    }
    assert_eq!(ymd(&list, "D4"), (Some(2019), Some(12), Some(31)));
}

/// F3: a year with a season in Korean, Chinese or Japanese keeps its year
/// and season, in CSV, CSL-JSON literal and raw, BibTeX and RIS.
#[test]
fn cjk_seasons_keep_year_and_season() {
    let w = workdir();
    w.import_reading(
        "s.csv",
        &csv(&[
            ("S1", "Kim, Jiwon", "2019년 봄"),
            ("S2", "Wang, Xiaoming", "2019年春"),
            ("S3", "Sato, Hanako", "2019年春号"),
            ("S4", "Sato, Hanako", "2020年秋季"),
            ("S5", "Kim, Jiwon", "2018년 겨울"),
            ("S6", "Sato, Hanako", "２０１９年夏号"),
        ]),
    );
    w.import_reading(
        "s.json",
        &csl(&[
            ("C1", "{\"literal\":\"2019년 봄\"}"),
            ("C2", "{\"literal\":\"2019年春\"}"),
            ("C3", "{\"raw\":\"2020년 가을\"}"),
        ]),
    );
    w.import_reading("s.bib", "@article{k, author={Kim, Jiwon}, title={BS1}, journal={J}, year={2019年春号}}\n");
    w.import_reading("s.ris", &ris("RS1", "PY  - 2019년 봄\n"));
    let list = w.reading_list();
    let season = |t: &str| {
        let r = reading_titled(&list, t);
        (int(r, "year"), r["season"].as_str().map(str::to_string))
    };
    for (t, y, s) in [
        ("S1", 2019, "spring"),
        ("S2", 2019, "spring"),
        ("S3", 2019, "spring"),
        ("S4", 2020, "autumn"),
        ("S5", 2018, "winter"),
        ("S6", 2019, "summer"),
        ("C1", 2019, "spring"),
        ("C2", 2019, "spring"),
        ("C3", 2020, "autumn"),
        ("BS1", 2019, "spring"),
        ("RS1", 2019, "spring"),
    ] {
        assert_eq!(season(t), (Some(y), Some(s.to_string())), "{t}");
    }
}

/// F4: BibTeX "First Last" in a script that writes given names first is
/// split as BibTeX defines (the last word is the family name), said; CJK
/// names stay family-first or whole; a body's name stays whole.
#[test]
fn bibtex_given_first_scripts_are_split() {
    let w = workdir();
    let err = w.import_reading(
        "n.bib",
        "@article{a,\n  author = {Rajesh Sharma and राजेश शर्मा and রাজেশ শর্মা and عمران خان and 山田 太郎 and 王小明 and \
         भारतीय आयुर्विज्ञान अनुसंधान परिषद},\n  title = {Mixed names}, journal = {J}, year = {2019}\n}\n",
    );
    assert!(err.contains("\"राजेश शर्मा\" read as BibTeX reads \"First Last\": family name \"शर्मा\""), "{err}");
    assert!(err.contains("\"عمران خان\" read as BibTeX reads"), "{err}");
    let list = w.reading_list();
    let names = author_parts(reading(&list, "Mixed names"), ["family", "given", "literal"]);
    let f = |family: &str, given: &str| [family.to_string(), given.to_string(), String::new()];
    assert_eq!(names[0], f("Sharma", "Rajesh"));
    assert_eq!(names[1], f("शर्मा", "राजेश"));
    assert_eq!(names[2], f("শর্মা", "রাজেশ"));
    assert_eq!(names[3], f("خان", "عمران"));
    assert_eq!(names[4], f("山田", "太郎"));
    assert_eq!(names[5][2], "王小明");
    assert_eq!(names[6][2], "भारतीय आयुर्विज्ञान अनुसंधान परिषद");
    let refs = w.references("vancouver");
    assert!(refs["Mixed names"].starts_with("Sharma R, शर्मा राजेश"), "{}", refs["Mixed names"]);
}

/// F5: "et al." in Urdu, Bengali, Hindi, Korean, Chinese and Japanese
/// marks the list cut short, never an author, in a CSV cell, after a
/// name, and in RIS and BibTeX.
#[test]
fn et_al_in_south_and_east_asian_languages() {
    let w = workdir();
    w.import_reading(
        "e.csv",
        &csv(&[
            ("U1", "خان، عمران; وغیرہ", "2019"),
            ("U2", "Khan, Imran; وغیرہ", "2019"),
            ("U3", "শর্মা, রাজেশ; প্রমুখ", "2019"),
            ("U4", "শর্মা, রাজেশ; অন্যান্য", "2019"),
            ("U5", "शर्मा, राजेश; इत्यादि", "2019"),
            ("U6", "김, 지원 외 2인", "2019"),
            ("U7", "김, 지원; 이, 수현 외 3명", "2019"),
            ("U8", "山田, 太郎 ほか2名", "2019"),
            ("U9", "김, 지원; 등", "2019"),
        ]),
    );
    w.import_reading(
        "e.ris",
        "TY  - JOUR\nAU  - 김, 지원 외 2인\nTI  - R1\nPY  - 2019\nER  - \n\
         TY  - JOUR\nAU  - Rahman, Anisur\nAU  - প্রমুখ\nTI  - R2\nPY  - 2019\nER  - \n",
    );
    w.import_reading("e.bib", "@article{b, author={খান, ইমরান and প্রমুখ}, title={B1}, journal={J}, year={2019}}\n");
    let list = w.reading_list();
    for (t, n) in [
        ("U1", 1),
        ("U2", 1),
        ("U3", 1),
        ("U4", 1),
        ("U5", 1),
        ("U6", 1),
        ("U7", 2),
        ("U8", 1),
        ("U9", 1),
        ("R1", 1),
        ("R2", 1),
        ("B1", 1),
    ] {
        let r = reading_titled(&list, t);
        assert_eq!(r["authors_truncated"], true, "{t}: {r}");
        let names = author_parts(r, ["family", "given", "literal"]);
        assert_eq!(names.len(), n, "{t}: {names:?}");
        assert!(
            names.iter().all(|[_, g, l]| !g.contains('외') && !g.contains("ほか") && l.is_empty()),
            "{t}: {names:?}"
        );
    }
    let refs = w.references("vancouver");
    assert!(refs["U1"].starts_with("خان عمران, et al."), "{}", refs["U1"]);
    assert!(refs["U6"].starts_with("김지원, et al.") || refs["U6"].starts_with("김 지원, et al."), "{}", refs["U6"]);
}

/// F7: a DOI written with the full-width colon or full-width letters is
/// read as "doi:", said, in CSV, RIS, BibTeX and CSL-JSON.
#[test]
fn full_width_doi_is_read() {
    let w = workdir();
    let err = w.import_reading(
        "fw.csv",
        "title,authors,year,type,container,doi\n\"近代中国的殖民医学\",\"王, 小明\",2020,article,中华医史杂志,DOI：\
         10.3760/cma.j.cn112155-20190918-00123\n\"F2\",\"王, 小明\",2020,article,J,ＤＯＩ：１０.3760/abc.2020.01\n",
    );
    assert!(err.contains("written with full-width characters"), "{err}");
    w.import_reading("fw.ris", &ris("F3", "PY  - 2020\nDO  - doi：10.3760/x.2020.3\n"));
    w.import_reading(
        "fw.bib",
        "@article{k, author={Wang, Xiaoming}, title={F4}, journal={J}, year={2020}, doi={DOI：10.3760/x.2020.4}}\n",
    );
    w.import_reading(
        "fw.json",
        "[{\"id\":\"f5\",\"type\":\"article-journal\",\"title\":\"F5\",\"issued\":{\"date-parts\":[[2020]]},\"DOI\":\"DOI：10.3760/x.2020.5\"}]",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "近代中国")["doi"], "10.3760/cma.j.cn112155-20190918-00123");
    assert_eq!(reading_titled(&list, "F2")["doi"], "10.3760/abc.2020.01");
    assert_eq!(reading_titled(&list, "F3")["doi"], "10.3760/x.2020.3");
    assert_eq!(reading_titled(&list, "F4")["doi"], "10.3760/x.2020.4");
    assert_eq!(reading_titled(&list, "F5")["doi"], "10.3760/x.2020.5");
    // The same DOI written plain is the same work.
    let err = w.import_reading("fw2.csv", "title,year,doi\nF2,2020,10.3760/abc.2020.01\n");
    assert!(err.contains("1 unchanged") || err.contains("1 duplicate"), "{err}");
}
