//! Dates that are not Gregorian, or not dates (tester r106 F10, r105, older
//! notes): a Solar Hijri date in ASCII digits on a modern record is said in
//! every format and by `reading add`/`edit`; an event date that is no date
//! is said; a `.csl` style is given an event's range across months.

mod common;
use common::*;

const HIJRI: &str = "most likely a Solar Hijri (Persian calendar) date";

/// The lines of `err` that name `needle`.
fn lines_with<'a>(err: &'a str, needle: &str) -> Vec<&'a str> {
    err.lines().filter(|l| l.contains(needle)).collect()
}

/// F10: a full date of 1300–1450 on a record with a DOI, in every format:
/// said with the Gregorian date it would be and the command to correct it,
/// stored as written (never converted on a guess).
#[test]
fn modern_full_date_of_1400_is_said_in_every_format() {
    let w = workdir();
    let files: [(&str, String); 8] = [
        (
            "raw.json",
            r#"[{"id":"raw","type":"article-journal","title":"Burnout among nurses in Tehran","container-title":"Iranian Journal of Nursing","DOI":"10.1234/raw","issued":{"raw":"1400/02/15"}}]"#.to_string(),
        ),
        (
            "parts.json",
            r#"[{"id":"parts","type":"article-journal","title":"Maternal care in Shiraz","container-title":"Iranian Journal of Nursing","DOI":"10.1234/parts","issued":{"date-parts":[[1400,2,15]]}}]"#.to_string(),
        ),
        (
            "a.bib",
            "@article{bib,\n author = {Ahmadi, Reza},\n title = {Triage in Mashhad},\n journal = {IJN},\n doi = \
             {10.1234/bib},\n date = {1400-02-15}\n}\n"
                .to_string(),
        ),
        (
            "b.bib",
            "@article{bibyear,\n author = {Ahmadi, Reza},\n title = {Wards in Tabriz},\n journal = {IJN},\n doi = \
             {10.1234/bibyear},\n year = {1400},\n month = {2},\n day = {15}\n}\n"
                .to_string(),
        ),
        (
            "a.ris",
            "TY  - JOUR\nAU  - Ahmadi, Reza\nTI  - Clinics in Isfahan\nJO  - IJN\nPY  - 1400/02/15/\nDO  - \
             10.1234/ris\nER  - \n"
                .to_string(),
        ),
        (
            "a.csv",
            "title,authors,year,type,doi\nMidwives in Yazd,\"Ahmadi, Reza\",1400/02/15,article,10.1234/csv\n".to_string(),
        ),
        (
            "a.nbib",
            "PMID- 31000001\nTI  - Pharmacies in Qom.\nDP  - 1400 Feb 15\nFAU - Ahmadi, Reza\nAU  - Ahmadi R\nJT  - \
             IJN\nLID - 10.1234/nbib [doi]\n\n"
                .to_string(),
        ),
        (
            "a.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number><ref-type \
             name=\"Journal Article\">17</ref-type><contributors><authors><author>Ahmadi, Reza</author></authors>\
             </contributors><titles><title>Hospitals in Kerman</title><secondary-title>IJN</secondary-title></titles>\
             <dates><year>1400</year><pub-dates><date>1400/02/15</date></pub-dates></dates>\
             <electronic-resource-num>10.1234/xml</electronic-resource-num></record></records></xml>"
                .to_string(),
        ),
    ];
    for (name, text) in &files {
        let err = w.import_reading(name, text);
        let said = lines_with(&err, HIJRI);
        assert_eq!(said.len(), 1, "{name}: {err}");
        assert!(said[0].contains("15 Ordibehesht 1400 is 5 May 2021"), "{name}: {err}");
        assert!(said[0].contains("--year 2021 --month 5 --day 5"), "{name}: {err}");
        assert!(said[0].contains("canon reading edit 10.1234/"), "{name}: the DOI names the reading: {err}");
        assert!(said[0].contains(&format!("{name}:")), "{name}: file and line: {err}");
    }
    // Stored as written: nothing converted on a guess.
    let list = w.reading_list();
    for r in list.as_array().expect("readings") {
        assert_eq!(r["year"], 1400, "{r}");
    }
}

/// The evidence: a web address, an access date, a Persian or Arabic
/// language, a journal article in a journal each make a record modern; a
/// book with none of them, a year alone, an impossible Solar Hijri day are
/// not said.
#[test]
fn the_evidence_that_makes_a_record_modern() {
    let w = workdir();
    let err = w.import_reading(
        "evidence.json",
        r#"[
 {"id":"url","type":"webpage","title":"Clinic hours","URL":"https://example.org/clinic","issued":{"raw":"1399-05-02"}},
 {"id":"acc","type":"report","title":"Annual report","accessed":{"raw":"2021-06-01"},"issued":{"raw":"1399-05-02"}},
 {"id":"fa","type":"book","title":"Nursing in Iran","language":"fa","issued":{"raw":"1399-05-02"}},
 {"id":"ar","type":"book","title":"Medicine in Iraq","language":"ar","issued":{"raw":"1399-05"}},
 {"id":"jour","type":"article-journal","title":"A ward study","container-title":"Nursing Open","issued":{"raw":"1399-05-02"}},
 {"id":"old","type":"book","title":"A herbal of 1399","issued":{"raw":"1399-05-02"}},
 {"id":"alone","type":"book","title":"A year alone","DOI":"10.1234/alone","issued":{"raw":"1399"}},
 {"id":"late","type":"article-journal","title":"A day no Solar month has","container-title":"J","DOI":"10.1234/late","issued":{"raw":"1399-08-31"}}
]"#,
    );
    for (id, why) in [
        ("url", "web address"),
        ("acc", "access date"),
        ("fa", "Persian"),
        ("ar", "Arabic"),
        ("jour", "journal article"),
    ] {
        let said = lines_with(&err, &format!("item `{id}`"));
        assert!(said.iter().any(|l| l.contains(HIJRI) && l.contains(why)), "{id}: {err}");
    }
    // Mordad 1399 runs within 2020: its month alone gives the year.
    assert!(err.contains("Mordad 1399 runs from 22 July 2020 to 21 August 2020"), "{err}");
    assert!(err.contains("--year 2020 --month \"\""), "{err}");
    for id in ["old", "alone", "late"] {
        assert!(!lines_with(&err, &format!("item `{id}`")).iter().any(|l| l.contains(HIJRI)), "{id}: {err}");
    }
}

/// The year typed with `reading add` or `reading edit` is said as an
/// import says it: 1300–1450 on a title in Arabic script, or with its
/// month on a modern record.
#[test]
fn a_typed_year_is_said_as_an_import_says_it() {
    let w = workdir();
    w.import_reading(
        "two.json",
        r#"[
 {"id":"fa","type":"article-journal","title":"سلامت روان پرستاران","container-title":"J","issued":{"raw":"2020"}},
 {"id":"doi","type":"article-journal","title":"Nurses in Rasht","container-title":"J","DOI":"10.1234/rasht","issued":{"date-parts":[[2020,7,23]]}}
]"#,
    );
    let id_of = |title: &str| reading(&w.reading_list(), title)["id"].to_string();
    let fa = id_of("سلامت");
    let err = w.ok_stderr(&["reading", "edit", &fa, "--year", "1399", "--by", "amina"]);
    assert!(err.contains("may be a Hijri year") && err.contains("Solar Hijri 1399 is 2020"), "{err}");
    let doi = id_of("Nurses in Rasht");
    let err = w.ok_stderr(&["reading", "edit", &doi, "--year", "1399", "--month", "5", "--day", "2", "--by", "amina"]);
    assert!(err.contains(HIJRI) && err.contains("2 Mordad 1399 is 23 July 2020"), "{err}");
    assert!(err.contains(&format!("canon reading edit {doi} --year 2020 --month 7 --day 23")), "{err}");
    // A month set on a reading whose year is 1399 already.
    let err = w.ok_stderr(&["reading", "edit", &doi, "--month", "6", "--by", "amina"]);
    assert!(err.contains(HIJRI) && err.contains("Shahrivar 1399"), "{err}");
    // A Gregorian year says nothing.
    let err = w.ok_stderr(&["reading", "edit", &doi, "--year", "2020", "--by", "amina"]);
    assert!(!err.contains("Hijri"), "{err}");
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Midwifery in Ahvaz",
        "--year",
        "1400",
        "--month",
        "2",
        "--day",
        "15",
        "--doi",
        "10.1234/ahvaz",
        "--by",
        "amina",
    ]);
    assert!(err.contains(HIJRI) && err.contains("--year 2021 --month 5 --day 5"), "{err}");
    let err = w.ok_stderr(&["reading", "add", "--title", "تاریخ پزشکی", "--year", "1398", "--by", "amina"]);
    assert!(err.contains("may be a Hijri year"), "{err}");
    let err =
        w.ok_stderr(&["reading", "add", "--title", "A herbal", "--year", "1400", "--type", "book", "--by", "amina"]);
    assert!(!err.contains("Hijri"), "{err}");
}

/// An event date that is no date is kept as written and said, in every
/// format that has one; a date or a range of dates is not said.
#[test]
fn an_event_date_that_is_no_date_is_said() {
    let w = workdir();
    let paper = |id: &str, date: &str| {
        format!(
            r#"{{"id":"{id}","type":"paper-conference","title":"Paper {id}","author":[{{"family":"Osei","given":"Akua"}}],"event-title":"Congress {id}","event-place":"Accra","event-date":{{"raw":"{date}"}},"issued":{{"date-parts":[[2019]]}}}}"#
        )
    };
    let bad = [("tba", "TBA"), ("term", "Spring term"), ("acad", "2019-20 academic year")];
    let good = [
        ("iso", "2019-11-08"),
        ("isorange", "2019-11-08/2019-11-11"),
        ("days", "12–14 May 2019"),
        ("months", "29 November – 2 December 2019"),
    ];
    let items: Vec<String> = bad.iter().chain(good.iter()).map(|(id, d)| paper(id, d)).collect();
    let err = w.import_reading("events.json", &format!("[{}]", items.join(",\n")));
    for (id, date) in bad {
        let said = lines_with(&err, &format!("item `{id}`"));
        assert!(said.iter().any(|l| l.contains(&format!("event date {date:?} is not a date"))), "{id}: {err}");
    }
    for (id, _) in good {
        assert!(!lines_with(&err, &format!("item `{id}`")).iter().any(|l| l.contains("event date")), "{id}: {err}");
    }
    let list = w.reading_list();
    assert_eq!(reading(&list, "Paper term")["event_date"], "Spring term", "kept as written");
    let err = w.import_reading(
        "events.csv",
        "title,authors,year,type,event,event_date\nCSV paper,\"Osei, Akua\",2019,conference-paper,Congress F,TBA\n",
    );
    assert!(err.contains("event date \"TBA\" is not a date"), "{err}");
    let err = w.import_reading(
        "events.bib",
        "@inproceedings{ev,\n author = {Osei, Akua},\n title = {Bib paper},\n eventtitle = {Congress G},\n eventdate \
         = {To be announced},\n year = {2019}\n}\n",
    );
    assert!(err.contains("event date \"To be announced\" is not a date"), "{err}");
}

/// A `.csl` style is given an event's range across months: its first day,
/// the last month and day put after it in the style's form.
#[test]
fn a_csl_style_is_given_an_event_range_across_months() {
    let w = workdir();
    let style = w.write(
        "event.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Event test</title><id>event-test</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" suffix=". "/><date variable="event-date"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date></layout></bibliography>
</style>
"#,
    );
    let day_first = w.write(
        "dayfirst.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Day first</title><id>day-first</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" suffix=". "/><date variable="event-date"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date></layout></bibliography>
</style>
"#,
    );
    w.import_reading(
        "ranges.json",
        r#"[
 {"id":"w","type":"paper-conference","title":"Words","author":[{"family":"Osei","given":"Akua"}],"event-title":"Congress A","event-date":{"raw":"29 November – 2 December 2019"},"issued":{"date-parts":[[2019]]}},
 {"id":"i","type":"paper-conference","title":"Iso","author":[{"family":"Osei","given":"Akua"}],"event-title":"Congress B","event-date":{"date-parts":[[2019,10,30],[2019,11,2]]},"issued":{"date-parts":[[2019]]}},
 {"id":"m","type":"paper-conference","title":"Month","author":[{"family":"Osei","given":"Akua"}],"event-title":"Congress C","event-date":{"raw":"12–14 May 2019"},"issued":{"date-parts":[[2019]]}}
]"#,
    );
    let refs = w.references(style.to_str().expect("utf-8 path"));
    assert_eq!(refs["Words"], "Words. November 29–December 2, 2019", "{refs:?}");
    assert_eq!(refs["Iso"], "Iso. October 30–November 2, 2019", "{refs:?}");
    assert_eq!(refs["Month"], "Month. May 12–14, 2019", "{refs:?}");
    let refs = w.references(day_first.to_str().expect("utf-8 path"));
    assert_eq!(refs["Words"], "Words. 29 November–2 December 2019", "{refs:?}");
    // Canon's own styles print it as before.
    let apa = w.references("apa");
    // APA reads the range too (its "c": three papers by Osei in 2019, APA 7 §8.19).
    assert!(apa["Words"].contains("(2019c, November 29–December 2)"), "{}", apa["Words"]);
}
