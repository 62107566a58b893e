//! Tester r95: dates before the common era, "in press" in other scripts,
//! dates in two calendars, IEEE's approximate year.

mod common;
use common::*;

fn stored(w: &Workdir) -> Vec<(String, Option<i64>, Option<String>, bool)> {
    let list = w.reading_list();
    let mut out: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["year"].as_i64(),
                r["year_note"].as_str().map(str::to_string),
                r["date_approximate"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    out.sort();
    out
}

/// F2: a date before the common era is stored as a negative year (-400
/// is 400 BC) in every format, and printed "400 BC" by every style.
#[test]
fn a_year_before_the_common_era_is_kept_and_printed_in_every_style() {
    let w = Workdir::new();
    let err = w.import_reading(
        "bce.json",
        r#"[{"id":"d6","type":"book","title":"D6 parts","author":[{"literal":"A"}],"issued":{"date-parts":[[-400]]}},
{"id":"d7","type":"book","title":"D7 raw","author":[{"literal":"A"}],"issued":{"raw":"400 BC"}},
{"id":"d8","type":"book","title":"D8 iso","author":[{"literal":"A"}],"issued":{"raw":"-0399"}},
{"id":"d9","type":"book","title":"D9 circa","author":[{"literal":"A"}],"issued":{"literal":"ca. 400 BCE"}},
{"id":"d1","type":"book","title":"D1 ok","author":[{"literal":"A"}],"issued":{"date-parts":[[2019]]}}]
"#,
    );
    assert!(
        err.contains(
            "bce.json:3:70: warning: in item `d8`: date \"-0399\" read as 400 BC: ISO 8601 and EDTF count a year 0 (1 \
             BC), so -0399 is 400 BC"
        ),
        "{err}"
    );
    w.import_reading(
        "bce.bib",
        "@book{a, author = {Hippocrates}, title = {Epidemics}, year = {-400}, publisher = {Loeb}}\n",
    );
    w.import_reading("bce.ris", "TY  - BOOK\nTI  - Sacred Disease\nAU  - Hippocrates\nPY  - 400 B.C.\nER  - \n");
    w.import_reading(
        "bce.csv",
        "title,authors,year\nOath,Hippocrates,c. 400 BC\nOld800,\"Diallo, Awa\",800\nOld1150,\"Diallo, Awa\",c. 1150\n",
    );
    let s = stored(&w);
    let want = [
        ("D1 ok", Some(2019), false),
        ("D6 parts", Some(-400), false),
        ("D7 raw", Some(-400), false),
        ("D8 iso", Some(-400), false),
        ("D9 circa", Some(-400), true),
        ("Epidemics", Some(-400), false),
        ("Oath", Some(-400), true),
        ("Old1150", Some(1150), true),
        ("Old800", Some(800), false),
        ("Sacred Disease", Some(-400), false),
    ];
    let got: Vec<_> = s.iter().map(|(t, y, _, a)| (t.as_str(), *y, *a)).collect();
    assert_eq!(got, want);

    let apa = w.references("apa");
    assert_eq!(reference(&apa, "D6 parts"), "A. (400 B.C.E.). D6 parts.");
    assert_eq!(reference(&apa, "D9 circa"), "A. (ca. 400 B.C.E.). D9 circa.");
    assert_eq!(reference(&apa, "Old800"), "Diallo, A. (800). Old800.");
    let ieee = w.references("ieee");
    assert_eq!(reference(&ieee, "Epidemics"), "Hippocrates, Epidemics. Loeb, 400 BC.");
    // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
    assert_eq!(reference(&ieee, "D9 circa"), "A, D9 Circa. ca. 400 BC.");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Oath"), "Hippocrates. Oath. [400 BC?].");
    let c = w.references("chicago");
    assert_eq!(reference(&c, "Sacred Disease"), "Hippocrates. 400 BC. Sacred Disease.");
    let h = w.references("harvard");
    assert_eq!(reference(&h, "Oath"), "Hippocrates (c. 400 BC) ‘Oath’.");

    // The export writes it as it reads back: "400 BC", "ca. 400 BC".
    let out = w.path("out.csv");
    w.ok(&["export", "reading", "-q", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(",Oath,Hippocrates,ca. 400 BC,"), "{text}");
    assert!(text.contains(",Epidemics,Hippocrates,400 BC,"), "{text}");

    // Typed, the same.
    w.ok(&["reading", "add", "--by", "t", "--title", "Prognostic", "--year=-400"]);
    assert_eq!(reading(&w.reading_list(), "Prognostic")["year"], -400);

    // A century is no year: kept without one, said, never the file refused.
    let err = w.import_reading("cent.csv", "title,authors,year\nCentury,\"A, B\",5th century BC\n");
    assert!(
        err.contains(
            "cent.csv:2:3: warning: date \"5th century BC\" has a date before the common era with no year canon reads \
             (a year such as \"400 BC\" or \"-400\" is kept); read without a year, the date's text not stored"
        ),
        "{err}"
    );
    assert!(reading(&w.reading_list(), "Century")["year"].is_null());
}

/// F4: "in press", "accepted", "undated" in Arabic, Hebrew, Chinese,
/// Japanese, Hindi, Korean, Persian, and accepted/submitted in Romance
/// languages and German, in every format.
#[test]
fn in_press_in_other_scripts_is_read_in_every_format() {
    let cases = [
        ("قيد النشر", Some("in press")),
        ("تحت الطبع", Some("in press")),
        ("בדפוס", Some("in press")),
        ("印刷中", Some("in press")),
        ("待刊", Some("forthcoming")),
        ("出版中", Some("in press")),
        ("待出版", Some("forthcoming")),
        ("प्रकाशनाधीन", Some("in press")),
        ("प्रेस में", Some("in press")),
        ("в печати", Some("in press")),
        ("인쇄 중", Some("in press")),
        ("زیر چاپ", Some("in press")),
        ("aceptado", Some("accepted")),
        ("aceptado para publicación", Some("accepted")),
        ("accepté", Some("accepted")),
        ("aceito", Some("accepted")),
        ("angenommen", Some("accepted")),
        ("eingereicht", Some("submitted")),
        ("soumis", Some("submitted")),
        ("بدون تاريخ", None),
        ("بی‌تا", None),
        ("无日期", None),
    ];
    for (text, note) in cases {
        let w = Workdir::new();
        let err = w.import_reading("y.csv", &format!("title,authors,year,type\nX,\"Diallo, Awa\",{text},article\n"));
        w.import_reading("y.ris", &format!("TY  - JOUR\nTI  - Ris\nAU  - Diallo, Awa\nPY  - {text}\nER  - \n"));
        w.import_reading(
            "y.bib",
            &format!("@article{{k, author = {{Diallo, Awa}}, title = {{Bib}}, year = {{{text}}}}}\n"),
        );
        w.import_reading(
            "y.json",
            &format!(r#"[{{"id":"j","type":"article-journal","title":"Json","author":[{{"family":"Diallo","given":"Awa"}}],"issued":{{"literal":"{text}"}}}}]"#),
        );
        w.import_reading(
            "y.nbib",
            &format!("PMID- 31000009\nTI  - Nbib\nFAU - Diallo, Awa\nDP  - {text}\nJT  - J\n\n"),
        );
        let s = stored(&w);
        for (title, year, n, _) in &s {
            assert_eq!((year, n.as_deref()), (&None, note), "{text}: {title}: {s:?}\n{err}");
        }
        assert_eq!(s.len(), 5, "{text}: {s:?}");
        if let Some(n) = note {
            assert!(
                err.contains(&format!(
                    "y.csv:2:3: warning: date \"{text}\": read as not yet published, stored as \"{n}\""
                )),
                "{text}: {err}"
            );
        }
    }
}

/// F4: a date cell with no year canon reads keeps its row, without a year,
/// said, when it is still a date: words in a script canon reads no date
/// words of (an "in press" it does not know), a Hijri year alone, a century
/// before the common era. What is no date ("someday", "twenty", "0000")
/// is refused as before, naming the cell.
#[test]
fn a_date_with_no_year_keeps_its_row_and_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "n.csv",
        "title,authors,year\nX,\"A, B\",อยู่ระหว่างการจัดพิมพ์\nY,\"A, B\",2019\nZ,\"A, B\",5th century BC\n",
    );
    assert!(
        err.contains(
            "n.csv:2:3: warning: date \"อยู่ระหว่างการจัดพิมพ์\" has no year canon reads (a year such as 2019 or 950, a \
             date, \"in press\", or \"n.d.\" for an undated work); read without a year, the date's text not stored"
        ),
        "{err}"
    );
    assert!(err.contains("n.csv:4:3: warning: date \"5th century BC\" has a date before the common era"), "{err}");
    let s = stored(&w);
    assert_eq!(s.iter().map(|r| r.1).collect::<Vec<_>>(), [None, Some(2019), None]);
    for bad in ["someday", "twenty", "0000"] {
        let w = Workdir::new();
        let p = w.write("b.csv", format!("title,authors,year\nX,\"A, B\",{bad}\nY,\"A, B\",2019\n"));
        let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
        assert!(
            err.contains(&format!("b.csv:2:3: year \"{bad}\" is not a year; expected a year such as 2019")),
            "{err}"
        );
        assert_eq!(w.count("SELECT COUNT(*) FROM reading"), 0);
    }
}

/// F3: a date in two calendars keeps its Gregorian year, said; a Hijri
/// year alone is never stored as a Gregorian one; Arabic-Indic and
/// Persian digits are digits.
#[test]
fn a_date_in_two_calendars_keeps_its_gregorian_year() {
    let cases = [
        ("1440 هـ / 2019 م", Some(2019)),
        ("2019 م", Some(2019)),
        ("1440/2019", Some(2019)),
        ("2019 (1440 AH)", Some(2019)),
        ("۱۳۹۸ ش / ۲۰۱۹ م", Some(2019)),
        ("٢٠١٩", Some(2019)),
        ("۲۰۱۹", Some(2019)),
        ("1440 هـ", None),
        ("۱۳۹۸ ش", None),
    ];
    let mut csv = String::from("title,authors,year,type\n");
    for (i, (text, _)) in cases.iter().enumerate() {
        csv.push_str(&format!("H{i},\"Diallo, Awa\",{text},book\n"));
    }
    let w = Workdir::new();
    let err = w.import_reading("h.csv", &csv);
    let list = w.reading_list();
    for (i, (text, year)) in cases.iter().enumerate() {
        let r = reading_titled(&list, &format!("H{i}"));
        assert_eq!(r["year"].as_i64(), *year, "{text}: {r}\n{err}");
    }
    assert!(
        err.contains(
            "h.csv:2:3: warning: date \"1440 هـ / 2019 م\" is not a date canon reads whole; read as \"2019\", the rest \
             of its text not stored"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "h.csv:9:3: warning: date \"1440 هـ\" has only a Hijri year, and canon stores the Gregorian year and does \
             not convert calendars"
        ),
        "{err}"
    );
    // CSL-JSON's literal, as the tester gave it.
    let w = Workdir::new();
    let err = w.import_reading(
        "d.json",
        r#"[{"id":"d10","type":"book","title":"D10 hijri literal","author":[{"literal":"A"}],"issued":{"literal":"1440 هـ / 2019 م"}}]"#,
    );
    assert_eq!(reading(&w.reading_list(), "D10")["year"], 2019, "{err}");
    assert!(err.contains("read as \"2019\", the rest of its text not stored"), "{err}");
}

/// F1: IEEE marks an approximate year, as every other bundled style does.
#[test]
fn ieee_marks_an_approximate_year() {
    let w = Workdir::new();
    w.import_reading(
        "cj.json",
        r#"[{"id":"d","type":"thesis","title":"Curanderismo and biomedicine","author":[{"family":"Hernández","given":"Rosa"}],"publisher":"UNAM","genre":"Doctoral dissertation","issued":{"literal":"circa 1998"}}]"#,
    );
    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Curanderismo"),
        "R. Hernández, “Curanderismo and biomedicine,” Doctoral dissertation, UNAM, ca. 1998."
    );
    // Citing Medicine's "[place unknown]" before a thesis's school with no
    // place, as for a dated one (h_r98: "[place unknown]: Boston University;
    // 1955."); the approximate year "[1998?]" hid it until the merge of r102.
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Curanderismo"),
        "Hernández R. Curanderismo and biomedicine [dissertation]. [place unknown]: UNAM; [1998?]."
    );
}

/// F5: IEEE and MLA print "Jr" and "Jr." alike, "Jr.", as APA does.
#[test]
fn ieee_and_mla_print_a_suffix_in_their_own_form() {
    let w = Workdir::new();
    w.import_reading(
        "n.bib",
        "@book{k1,\n  author = {van der Merwe, Jr, Johannes and {\\\"U}nal, Ay{\\c{s}}e and Ibn Khald{\\=u}n and de Souza e Silva, Ana and Martin Luther King Jr. and Nguy{\\~{\\^e}}n, V{\\u{a}}n An},\n  title = {Names across the world}, publisher = {Zed}, year = {2015} }\n",
    );
    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Names across"),
        // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
        "J. van der Merwe Jr., A. Ünal, I. Khaldūn, A. de Souza e Silva, M. L. King Jr., and V. A. Nguyễn, Names \
         across the World. Zed, 2015."
    );
    let mla = w.references("mla");
    assert_eq!(
        reference(&mla, "Names across"),
        "van der Merwe, Johannes, Jr., et al. Names across the World. Zed, 2015."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Names across"),
        "van der Merwe J Jr, Ünal A, Khaldūn I, de Souza e Silva A, King ML Jr, Nguyễn VA. Names across the World. \
         Zed; 2015."
    );
}

/// Tester's aside: a report's `SN` written as an ISBN with a wrong check
/// digit is kept as the report's number, said with both readings.
#[test]
fn a_mistyped_isbn_in_a_reports_sn_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "r.ris",
        "TY  - RPRT\nAU  - World Health Organization\nTI  - Bad isbn\nPY  - 2008\nPB  - WHO\nSN  - 978-92-4-156370-4\nER  - \n\n\
         TY  - RPRT\nAU  - WHO\nTI  - Number\nPY  - 2008\nSN  - WHO/HTI/2021.1\nER  - \n",
    );
    assert!(
        err.contains(
            "r.ris:6:7: warning: in the record starting at line 1: SN \"978-92-4-156370-4\" kept as the report's \
             number; it is written as an ISBN but its check digit is wrong, so it is not stored as the ISBN (if it is \
             one, correct it)"
        ),
        "{err}"
    );
    assert!(!err.contains("WHO/HTI/2021.1"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Bad isbn")["issue"], "978-92-4-156370-4");
    assert!(reading(&list, "Bad isbn")["isbn"].is_null());
    assert_eq!(reading(&list, "Number")["issue"], "WHO/HTI/2021.1");
}
