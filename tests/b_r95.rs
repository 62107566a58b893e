//! Dates, languages and editions found by fresh testers (tester94 F6, F3;
//! tester93 F2): a date read in part is read whole or said, in every
//! format; languages named in themselves or joined by "and" are stored;
//! an edition in words of another language is read, or printed once as
//! written, the same in every style.

mod common;
use common::*;

/// A reading's stored date fields: year, year_end, season, season_end, month, month_end, day, day_end.
fn date(list: &serde_json::Value, title: &str) -> [Option<String>; 8] {
    let r = reading_titled(list, title);
    ["year", "year_end", "season", "season_end", "month", "month_end", "day", "day_end"].map(|k| match &r[k] {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    })
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// tester94 F6: CSL `raw` "2019-21" is EDTF-like, spring 2019 as
/// `date-parts` [[2019, 21]] is; the range it may also be is said. Nothing
/// of the date goes in silence.
#[test]
fn a_csl_raw_season_code_is_read_as_date_parts_are_and_the_range_said() {
    let w = Workdir::new();
    let out = w.import_reading(
        "d.json",
        r#"[{"id":"6","type":"article-journal","title":"J6 test","author":[{"family":"A","given":"G"}],"issued":{"raw":"2019-21"}},
{"id":"7","type":"article-journal","title":"J7 test","author":[{"family":"A","given":"H"}],"issued":{"date-parts":[[2019,21]]}},
{"id":"8","type":"article-journal","title":"J8 test","author":[{"family":"A","given":"I"}],"issued":{"raw":"2019-24"}},
{"id":"9","type":"article-journal","title":"J9 test","author":[{"family":"A","given":"J"}],"issued":{"raw":"2019-33"}},
{"id":"10","type":"article-journal","title":"J10 test","author":[{"family":"A","given":"K"}],"issued":{"raw":"2019-21/2019-23"}},
{"id":"11","type":"article-journal","title":"J11 test","author":[{"family":"A","given":"L"}],"issued":{"literal":"2019-22"}},
{"id":"12","type":"article-journal","title":"J12 test","author":[{"family":"A","given":"M"}],"issued":{"raw":"1914-18"}}]"#,
    );
    let list = w.reading_list();
    assert_eq!(date(&list, "J6 test"), [s("2019"), None, s("spring"), None, None, None, None, None]);
    assert_eq!(date(&list, "J7 test"), date(&list, "J6 test"));
    assert_eq!(date(&list, "J8 test"), [s("2019"), None, s("winter"), None, None, None, None, None]);
    assert_eq!(date(&list, "J9 test"), [s("2019"), None, None, None, None, None, None, None]);
    assert_eq!(date(&list, "J10 test"), [s("2019"), None, s("spring"), s("autumn"), None, None, None, None]);
    // A `literal` date is free text: the range, as in a spreadsheet (tester r80 F1).
    assert_eq!(date(&list, "J11 test"), [s("2019"), s("2022"), None, None, None, None, None, None]);
    assert_eq!(date(&list, "J12 test"), [s("1914"), s("1918"), None, None, None, None, None, None]);
    for said in [
        "d.json:1:93: warning: in item `6`: the date \"2019-21\" is read as spring 2019 (EDTF's code 21); it may also \
         be the years 2019 to 2021 (write \"2019/2021\" for the years)",
        "warning: in item `8`: the date \"2019-24\" is read as winter 2019 (EDTF's code 24); it may also be the years \
         2019 to 2024",
        "warning: in item `9`: the date \"2019-33\" is read as quarter 1 of 2019 (EDTF's code 33), of which canon keeps \
         the year 2019; it may also be the years 2019 to 2033 (write \"2019/2033\" for the years)",
    ] {
        assert!(out.contains(said), "{said:?} not said:\n{out}");
    }
    // Said once each; the season interval, the date-parts form and a range say nothing.
    assert_eq!(out.matches("warning").count(), 3, "{out}");
    assert!(!out.contains("runs from 2019 to 2033"), "{out}");
}

/// The same text in every other format: the range 2019–2021 kept whole
/// (an academic year, tester r80 F1); in an EDTF field (biblatex `date`)
/// the season; an interval of season codes is EDTF in any field.
#[test]
fn a_year_and_a_season_code_in_every_format() {
    let w = Workdir::new();
    let mut said = w
        .import_reading("r.csv", "title,authors,year,type\nK1,\"A, B\",2019-21,article\nK2,\"A, C\",1914-18,article\n");
    said += &w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - R1\nAU  - A, B\nPY  - 2019-22\nER  - \n\nTY  - JOUR\nTI  - R2\nAU  - A, B\nPY  - 2019-21/2019-23\nER  - \n",
    );
    said += &w.import_reading(
        "r.bib",
        "@article{b1, title={B1}, author={A, B}, year={2019-21}}\n\
         @article{b2, title={B2}, author={A, B}, date={2019-21}}\n\
         @article{b3, title={B3}, author={A, B}, date={2019-33}}\n",
    );
    let list = w.reading_list();
    assert_eq!(date(&list, "K1"), [s("2019"), s("2021"), None, None, None, None, None, None]);
    assert_eq!(date(&list, "K2"), [s("1914"), s("1918"), None, None, None, None, None, None]);
    assert_eq!(date(&list, "R1"), [s("2019"), s("2022"), None, None, None, None, None, None]);
    assert_eq!(date(&list, "R2"), [s("2019"), None, s("spring"), s("autumn"), None, None, None, None]);
    assert_eq!(date(&list, "B1"), [s("2019"), s("2021"), None, None, None, None, None, None]);
    assert_eq!(date(&list, "B2"), [s("2019"), None, s("spring"), None, None, None, None, None]);
    // An EDTF quarter is no range of years (it was stored as 2019–2033 while said as the year alone).
    assert_eq!(date(&list, "B3"), [s("2019"), None, None, None, None, None, None, None]);
    assert!(
        said.contains(
            "r.bib:3:41: warning: in entry `b3`: the date \"2019-33\" names quarter 1 (an EDTF code); canon keeps the \
             year 2019 and not the quarter 1"
        ),
        "{said}"
    );
    assert_eq!(said.matches("warning").count(), 1, "{said}");
    for quiet in ["runs from", "2033"] {
        assert!(!said.contains(quiet), "{quiet:?} said:\n{said}");
    }
}

/// The kind: forms canon read in part in silence, now read whole or said,
/// in a CSV year, a CSL `raw` date, RIS and BibTeX alike.
#[test]
fn every_partly_read_date_is_read_whole_or_said() {
    let forms = [
        (
            "2019 or 2020",
            [s("2019"), None, None, None, None, None, None, None],
            Some(
                "the date \"2019 or 2020\" is one of the years 2019 or 2020, the source unsure which; canon keeps 2019 as a plain year, as it has no mark for a doubtful year",
            ),
        ),
        (
            "[1971 or 1972]",
            [s("1971"), None, None, None, None, None, None, None],
            Some("the date \"[1971 or 1972]\" is one of the years 1971 or 1972"),
        ),
        (
            "2019 oder 2020",
            [s("2019"), None, None, None, None, None, None, None],
            Some("the date \"2019 oder 2020\" is one of the years 2019 or 2020"),
        ),
        (
            "[2019..2021]",
            [s("2019"), None, None, None, None, None, None, None],
            Some("the date \"[2019..2021]\" is one of the years 2019 to 2021 (an EDTF set), the source unsure which"),
        ),
        (
            "[..2019]",
            [s("2019"), None, None, None, None, None, None, None],
            Some("the date \"[..2019]\" is one year up to 2019 (an EDTF set)"),
        ),
        (
            "?2019",
            [s("2019"), None, None, None, None, None, None, None],
            Some(
                "the date \"?2019\" marks a part of it uncertain (EDTF \"?\" before or inside the date); canon keeps the date without the mark, as it has none for a part of a date",
            ),
        ),
        (
            "2019-?05",
            [s("2019"), None, None, None, s("5"), None, None, None],
            Some("the date \"2019-?05\" marks a part of it uncertain"),
        ),
        ("2019-05/06", [s("2019"), None, None, None, s("5"), s("6"), None, None], None),
        ("2019-05-03/07", [s("2019"), None, None, None, s("5"), None, s("3"), s("7")], None),
        (
            "2019-05/03",
            [s("2019"), None, None, None, s("5"), None, None, None],
            Some(
                "the date \"2019-05/03\" ends in March before it starts in May; canon keeps its start, May, and not the end",
            ),
        ),
        ("2019-05/2019-06", [s("2019"), None, None, None, s("5"), s("6"), None, None], None),
        ("2019/2020", [s("2019"), s("2020"), None, None, None, None, None, None], None),
        ("2019-2021", [s("2019"), s("2021"), None, None, None, None, None, None], None),
        (
            "2019-05-3x",
            [s("2019"), None, None, None, s("5"), None, None, None],
            Some("the date \"2019-05-3x\" has unspecified digits (EDTF \"X\"); kept \"2019-05\""),
        ),
        (
            "2019?",
            [s("2019"), None, None, None, None, None, None, None],
            Some("the date \"2019?\" is an uncertain year"),
        ),
    ];
    // A CSV year, a CSL-JSON raw date, a RIS PY.
    let csv: String = forms.iter().enumerate().map(|(i, (f, ..))| format!("C{i},\"A, B\",\"{f}\",article\n")).collect();
    let json: Vec<String> = forms
        .iter()
        .enumerate()
        .map(|(i, (f, ..))| {
            format!(r#"{{"id":"j{i}","type":"article-journal","title":"J{i}","issued":{{"raw":"{f}"}}}}"#)
        })
        .collect();
    let ris: String = forms
        .iter()
        .enumerate()
        .map(|(i, (f, ..))| format!("TY  - JOUR\nTI  - R{i}\nAU  - A, B\nPY  - {f}\nER  - \n\n"))
        .collect();
    let w = Workdir::new();
    let mut said = w.import_reading("f.csv", &format!("title,authors,year,type\n{csv}"));
    said += &w.import_reading("f.json", &format!("[{}]", json.join(",\n")));
    said += &w.import_reading("f.ris", &ris);
    let list = w.reading_list();
    for (i, (form, stored, message)) in forms.iter().enumerate() {
        for (prefix, file) in [("C", "f.csv"), ("J", "f.json"), ("R", "f.ris")] {
            assert_eq!(&date(&list, &format!("{prefix}{i}")), stored, "{form:?} in {file}");
        }
        if let Some(m) = message {
            assert_eq!(said.matches(m).count(), 3, "{m:?} once in each file:\n{said}");
        }
    }
    // A person types one as a file gives it.
    w.ok(&["reading", "add", "--title", "Typed or", "--year", "2019 or 2020", "--by", "t"]);
    let list = w.reading_list();
    assert_eq!(date(&list, "Typed or"), [s("2019"), None, None, None, None, None, None, None]);
}

/// tester94 F3: languages written in their own names, and two languages
/// joined by "and" in any of the ways a list writes it, in every format.
#[test]
fn autonyms_and_languages_joined_by_and_are_stored() {
    let w = Workdir::new();
    let langs = [
        ("Gaeilge", "ga"),
        ("Cymraeg", "cy"),
        ("Shqip", "sq"),
        ("Dholuo", "luo"),
        ("Twi", "tw"),
        ("Eʋegbe", "ee"),
        ("Pulaar", "ff"),
        ("Fulfulde", "ff"),
        ("Wolof", "wo"),
        ("Lingála", "ln"),
        ("Ikirundi", "rn"),
        ("Kirundi", "rn"),
        ("Oluganda", "lg"),
        ("Chinyanja", "ny"),
        ("ትግርኛ", "ti"),
        ("Afaan Oromoo", "om"),
        ("Malagasy", "mg"),
        ("Tok Pisin", "tpi"),
        ("Runasimi", "qu"),
        ("Aymar aru", "ay"),
        ("Avañe'ẽ", "gn"),
        ("Nāhuatl", "nah"),
        ("नेपाली", "ne"),
        ("සිංහල", "si"),
        ("پښتو", "ps"),
        ("Kurdî", "ku"),
        ("ខ្មែរ", "km"),
        ("ລາວ", "lo"),
        ("မြန်မာ", "my"),
        ("Монгол", "mn"),
        ("Қазақ", "kk"),
        ("Oʻzbek", "uz"),
        ("O'zbek", "uz"),
        ("ქართული", "ka"),
        ("Հայերեն", "hy"),
        ("Eesti", "et"),
        ("Latviešu", "lv"),
        ("Lietuvių", "lt"),
        ("Malti", "mt"),
        ("English and French", "en; fr"),
        ("English & French", "en; fr"),
        ("English/French", "en; fr"),
        ("English, French", "en; fr"),
        ("anglais et français", "en; fr"),
        ("Español y Português", "es; pt"),
        ("Kiswahili na English", "sw; en"),
        ("Deutsch und Englisch", "de; en"),
        ("English and French; Arabic", "en; fr; ar"),
    ];
    let csv: String =
        langs.iter().enumerate().map(|(i, (l, _))| format!("L{i},\"A, B\",2000,article,\"{l}\"\n")).collect();
    let out = w.import_reading(
        "l.csv",
        &format!("title,authors,year,type,language\n{csv}Bogus,\"A, B\",2000,article,Klingon and Bogus\n"),
    );
    let list = w.reading_list();
    for (i, (l, code)) in langs.iter().enumerate() {
        assert_eq!(reading_titled(&list, &format!("L{i}"))["language"].as_str(), Some(*code), "{l:?}\n{out}");
    }
    // One that names no language is still said, in the words it was written in.
    assert!(
        out.contains("l.csv:50:5: warning: language not stored: \"Klingon and Bogus\" is not a language canon knows"),
        "{out}"
    );
    assert_eq!(out.matches("warning").count(), 1, "{out}");

    // Every format with a language field.
    let w = Workdir::new();
    let mut out = w.import_reading(
        "a.ris",
        "TY  - JOUR\nTI  - Ris lang\nAU  - A, B\nPY  - 2000\nLA  - English and French\nER  - \n",
    );
    out += &w.import_reading(
        "a.bib",
        "@article{b1, title={Bib lang}, author={A, B}, year={2000}, language={English and French}}\n\
         @article{b2, title={Bib langid}, author={A, B}, year={2000}, langid={Gaeilge}}\n",
    );
    out += &w.import_reading(
        "a.json",
        r#"[{"id":"c","type":"article-journal","title":"Json lang","issued":{"date-parts":[[2000]]},"language":"English & French"}]"#,
    );
    out += &w.import_reading(
        "a.nbib",
        "PMID- 31234567\nDP  - 2019 Mar\nTI  - Nbib lang.\nFAU - Müller, Anna\nAU  - Müller A\nLA  - Cymraeg\nPT  - Journal Article\nJT  - J\n",
    );
    out += &w.import_reading(
        "a.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number>\
         <ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Dupont, Marie</author>\
         </authors></contributors><titles><title>Xml lang</title><secondary-title>J</secondary-title></titles>\
         <dates><year>2019</year></dates><language>anglais et français</language></record></records></xml>",
    );
    assert!(!out.contains("language not stored"), "{out}");
    let list = w.reading_list();
    for (title, code) in [
        ("Ris lang", "en; fr"),
        ("Bib lang", "en; fr"),
        ("Bib langid", "ga"),
        ("Json lang", "en; fr"),
        ("Nbib lang", "cy"),
        ("Xml lang", "en; fr"),
    ] {
        assert_eq!(reading(&list, title)["language"].as_str(), Some(code), "{title}\n{out}");
    }
}

const STYLES: [&str; 7] = ["vancouver", "apa", "harvard", "chicago", "mla", "ama", "ieee"];

/// tester93 F2: editions in words of Italian, Polish, Turkish, Portuguese
/// and Vietnamese read as the English "3rd rev. ed.", in every style.
#[test]
fn editions_in_words_of_other_languages_are_read_in_every_style() {
    let w = Workdir::new();
    let out = w.import_reading(
        "ed.csv",
        "title,authors,year,type,publisher,place,edition,language\n\
         Opera sette,\"Ferrari, Luca\",2011,book,Editore G,Roma,terza edizione riveduta,it\n\
         Opera otto,\"Bianchi, Marco\",2012,book,Editore H,Milano,seconda edizione riveduta e ampliata,it\n\
         Praca dwa,\"Nowak, Jan\",2013,book,Wyd X,Warszawa,wydanie drugie poprawione,pl\n\
         Praca trzy,\"Nowak, Ewa\",2014,book,Wyd Y,Warszawa,Wyd. 3 popr. i uzup.,pl\n\
         Eser iki,\"Kaya, Ali\",2015,book,Yay Z,Ankara,2. gözden geçirilmiş baskı,tr\n\
         Obra dos,\"Silva, Ana\",2016,book,Ed Z,Lisboa,2.ª edição revista,pt\n\
         Tác phẩm sáu,\"Trần, Văn Minh\",2019,book,Nhà xuất bản F,Hà Nội,tái bản lần thứ hai,vi\n\
         Tác phẩm ba,\"Phạm, Thị Hoa\",2018,book,NXB H,Hà Nội,tái bản lần thứ nhất,vi\n\
         Tác phẩm hai,\"Lê, Văn An\",2017,book,NXB G,Hà Nội,lần xuất bản thứ ba,vi\n\
         Tác phẩm bốn,\"Vũ, Minh\",2018,book,NXB I,Hà Nội,\"Tái bản lần thứ 2, có sửa chữa\",vi\n",
    );
    assert!(!out.contains("warning"), "{out}");
    // Stored as written.
    let list = w.reading_list();
    assert_eq!(reading(&list, "Opera sette")["edition"].as_str(), Some("terza edizione riveduta"));
    assert_eq!(reading(&list, "Tác phẩm sáu")["edition"].as_str(), Some("tái bản lần thứ hai"));
    // (The first reissue, "tái bản lần thứ nhất", is the second edition.)
    let editions = [
        ("Opera sette", "3rd rev."),
        ("Opera otto", "2nd rev. and enl."),
        ("Praca dwa", "2nd rev."),
        ("Praca trzy", "3rd rev. and enl."),
        ("Eser iki", "2nd rev."),
        ("Obra dos", "2nd rev."),
        ("Tác phẩm sáu", "3rd"),
        ("Tác phẩm ba", "2nd"),
        ("Tác phẩm hai", "3rd"),
        ("Tác phẩm bốn", "3rd rev."),
    ];
    for style in STYLES {
        let refs = w.references(style);
        let word = if style == "harvard" { "edn" } else { "ed." };
        for (title, edition) in editions {
            let r = reference(&refs, title);
            let printed = format!("{edition} {word}");
            assert!(r.contains(&printed), "{style}: {printed:?} not in {r:?}");
            for raw in ["edizione", "wydanie", "Wyd.", "baskı", "edição", "lần", "ed. ed.", "edn edn"] {
                assert!(!r.contains(raw), "{style}: {raw:?} in {r:?}");
            }
        }
    }
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Opera sette"),
        "Ferrari L. Opera sette. 3rd rev. ed. Roma: Editore G; 2011. Italian."
    );
    assert_eq!(
        reference(&vancouver, "Tác phẩm sáu"),
        "Trần VM. Tác phẩm sáu. 3rd ed. Hà Nội: Nhà xuất bản F; 2019. Vietnamese."
    );
    assert_eq!(reference(&w.references("apa"), "Tác phẩm bốn"), "Vũ, M. (2018). Tác phẩm bốn (3rd rev. ed.). NXB I.");
}

/// An edition canon cannot read: printed once as written, its first
/// letter a capital where it starts a sentence, with no English word for
/// edition after words that say edition, the same in every style.
#[test]
fn an_edition_canon_cannot_read_is_printed_as_written_in_every_style() {
    let w = Workdir::new();
    let out = w.import_reading(
        "u.csv",
        "title,authors,year,type,publisher,place,edition,language\n\
         Uno,\"Rossi, Ada\",2011,book,Casa A,Roma,seconda edizione illustrata,it\n\
         Due,\"Lê, Văn\",2012,book,NXB B,Hà Nội,tái bản có sửa chữa,vi\n\
         Tre,\"Nowak, Jan\",2013,book,Oficyna C,Kraków,wydanie jubileuszowe,pl\n\
         Cinque,\"Kaya, Ali\",2015,book,Nobel,Ankara,özel baskı,tr\n",
    );
    assert!(
        out.contains(
            "u.csv:3:1: warning: edition \"tái bản có sửa chữa\" is not an edition canon reads (a number such as \"2. \
             baskı\", the 2nd); kept and printed as written, with no word for edition added"
        ),
        "{out}"
    );
    let editions = [
        ("Uno", "seconda edizione illustrata"),
        ("Due", "tái bản có sửa chữa"),
        ("Tre", "wydanie jubileuszowe"),
        ("Cinque", "özel baskı"),
    ];
    for style in STYLES {
        let refs = w.references(style);
        for (title, edition) in editions {
            let r = reference(&refs, title);
            let mut cs = edition.chars();
            let capital: String = cs.next().into_iter().flat_map(char::to_uppercase).chain(cs).collect();
            // APA puts it in brackets after the title, as written; elsewhere it starts a sentence.
            let shown = if style == "apa" { format!("({edition})") } else { capital };
            assert_eq!(r.matches(&shown).count(), 1, "{style}: {shown:?} once in {r:?}");
            for label in [format!("{edition} ed"), format!("{edition} edn"), format!("{edition}. ed")] {
                assert!(!r.to_lowercase().contains(&label), "{style}: {label:?} in {r:?}");
            }
        }
    }
    assert_eq!(
        reference(&w.references("vancouver"), "Uno"),
        "Rossi A. Uno. Seconda edizione illustrata. Roma: Casa A; 2011. Italian."
    );
    assert_eq!(reference(&w.references("harvard"), "Due"), "Lê, V. (2012) Due. Tái bản có sửa chữa. Hà Nội: NXB B.");
    assert_eq!(reference(&w.references("ama"), "Tre"), "Nowak J. Tre. Wydanie jubileuszowe. Oficyna C; 2013.");
}
