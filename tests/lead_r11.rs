//! Issue 12 (lead, r11), through the binary: a date a person types or a
//! file holds is stored whole or its loss is said (a day its month does not
//! have, a season beside a month), and a listing written to `FILE.csv` or
//! `FILE.json` is CSV or JSON unless `--format` says otherwise.

mod common;

use common::{Workdir, reading, workdir};
use serde_json::Value;

fn shown(w: &Workdir, id: &str) -> Value {
    w.json(&["reading", "show", id, "--format", "json"])
}

fn date_of(v: &Value) -> (Option<i64>, Option<i64>, Option<i64>, Option<String>) {
    (v["year"].as_i64(), v["month"].as_i64(), v["day"].as_i64(), v["season"].as_str().map(String::from))
}

/// A typed date with a day its month lacks is refused with the reason, and
/// nothing is added; a leap day is taken (the year is not checked).
#[test]
fn a_typed_day_the_month_lacks_is_refused() {
    let w = workdir();
    for (date, why) in [
        ("2019-04-31", "April has 30 days, not 31"),
        ("2019 Feb 30", "February 2019 has 28 days, not 30"),
        ("31 June 2020", "June has 30 days, not 31"),
    ] {
        let err = w.fails(&["reading", "add", "--title", "Bad Day", "--year", date, "--by", "amina"]);
        assert!(err.contains(why) && err.contains(date), "{date}: {err}");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0, "nothing added");
    let id = w.ok(&["reading", "add", "--title", "Leap", "--year", "2020-02-29", "--by", "amina"]).trim().to_string();
    assert_eq!(date_of(&shown(&w, &id)), (Some(2020), Some(2), Some(29), None));
    let err = w.fails(&["reading", "edit", &id, "--year", "2019-11-31", "--by", "amina"]);
    assert!(err.contains("November has 30 days, not 31"), "{err}");
    assert_eq!(date_of(&shown(&w, &id)), (Some(2020), Some(2), Some(29), None), "the edit changed nothing");
}

/// A file's date with a day its month lacks keeps its year and month, and
/// the lost day is a warning naming the file's line, in CSV, RIS and
/// CSL-JSON alike.
#[test]
fn an_imported_day_the_month_lacks_is_said() {
    let w = workdir();
    let err =
        w.import_reading("d.csv", "title,authors,year\nFirst Paper,\"Osei, Ama\",2019-04-31\nSecond,,2019-04-30\n");
    assert!(err.contains("d.csv:2") && err.contains("April has 30 days, not 31"), "{err}");
    let list = w.reading_list();
    assert_eq!(date_of(reading(&list, "First Paper")), (Some(2019), Some(4), None, None));
    assert_eq!(date_of(reading(&list, "Second")), (Some(2019), Some(4), Some(30), None));

    let ris = "TY  - JOUR\nTI  - Ris Day\nPY  - 2018\nDA  - 2018/09/31/\nER  - \n";
    let err = w.import_reading("d.ris", ris);
    assert!(err.contains("d.ris:4") && err.contains("September has 30 days, not 31"), "{err}");
    assert_eq!(date_of(reading(&w.reading_list(), "Ris Day")), (Some(2018), Some(9), None, None));

    let csl = r#"[{"id":"a","type":"article-journal","title":"Csl Day","issued":{"date-parts":[[2001,2,30]]}}]"#;
    let err = w.import_reading("d.json", csl);
    assert!(err.contains("February 2001 has 28 days, not 30"), "{err}");
    assert_eq!(date_of(reading(&w.reading_list(), "Csl Day")), (Some(2001), Some(2), None, None));
}

/// A season and a month do not go together in one date (Citing Medicine
/// prints one or the other), and a date without a year keeps no season.
#[test]
fn a_season_goes_with_a_year_and_no_month() {
    let w = workdir();
    let err = w.fails(&[
        "reading", "add", "--title", "Both", "--year", "2020", "--month", "Apr", "--season", "winter", "--by", "amina",
    ]);
    assert!(err.contains("a season or a month, not both"), "{err}");
    let id =
        w.ok(&["reading", "add", "--title", "Seasonal", "--year", "Spring 2019", "--by", "amina"]).trim().to_string();
    assert_eq!(date_of(&shown(&w, &id)), (Some(2019), None, None, Some("spring".into())));
    // A month typed apart beside the stored season: refused, the way to clear one said.
    let err = w.fails(&["reading", "edit", &id, "--month", "Apr", "--by", "amina"]);
    assert!(err.contains("not both") && err.contains("--season \"\""), "{err}");
    let err = w.fails(&[
        "reading", "edit", &id, "--year", "2020", "--month", "Apr", "--day", "30", "--season", "winter", "--by",
        "amina",
    ]);
    assert!(err.contains("not both"), "{err}");
    // Both in one edit: the season cleared, the month set.
    w.ok(&["reading", "edit", &id, "--month", "Apr", "--season", "", "--by", "amina"]);
    assert_eq!(date_of(&shown(&w, &id)), (Some(2019), Some(4), None, None));
    // Back to a season; then a date with no year takes the season with it.
    w.ok(&["reading", "edit", &id, "--year", "Winter 2019", "--by", "amina"]);
    assert_eq!(date_of(&shown(&w, &id)), (Some(2019), None, None, Some("winter".into())));
    let change = w.ok(&["reading", "edit", &id, "--year", "forthcoming", "--by", "amina"]).trim().to_string();
    let v = shown(&w, &id);
    assert_eq!(date_of(&v), (None, None, None, None), "{v:#}");
    assert_eq!(v["year_note"], "forthcoming");
    // And undo brings it back.
    w.ok(&["undo", &change, "--by", "amina"]);
    assert_eq!(date_of(&shown(&w, &id)), (Some(2019), None, None, Some("winter".into())));
}

/// `-o FILE.csv` and `-o FILE.json` without `--format` write CSV and JSON;
/// an exported list written so imports again whole; `--format` still wins.
#[test]
fn the_output_file_extension_names_the_format() {
    let w = workdir();
    w.import_reading("r.csv", "title,authors,year\nOne,\"Osei, Ama\",2019\n\"Two, with a comma\",\"Lind, T.\",2020\n");
    let csv = w.path("exp.CSV");
    w.ok(&["export", "reading", "-o", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("id,") || text.lines().next().unwrap().contains(",title,"), "CSV header: {text}");
    assert!(!text.contains("| "), "no Markdown table in a .csv: {text}");
    let w2 = workdir();
    w2.ok(&["import", "reading", csv.to_str().unwrap()]);
    assert_eq!(w2.count("SELECT count(*) FROM reading"), 2);

    let json = w.path("l.json");
    w.ok(&["reading", "list", "-o", json.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(2));

    let table = w.path("t.csv");
    w.ok(&["reading", "list", "--format", "table", "-o", table.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&table).unwrap().contains("Two, with a comma"));
    let md = w.path("l.md");
    w.ok(&["reading", "list", "-o", md.to_str().unwrap()]);
    assert!(serde_json::from_str::<Value>(&std::fs::read_to_string(&md).unwrap()).is_err(), "a table for .md");
}

/// 29 February exists only in a leap year (Gregorian rule): typed in 2019
/// it is refused, imported it is a warning with the month kept, in 2020 and
/// 2000 it is a date, in 1900 it is not; and a reading with that date cites
/// whole, its authors and journal printed.
#[test]
fn a_leap_day_only_in_a_leap_year() {
    let w = workdir();
    let err = w.fails(&["reading", "add", "--title", "Feb", "--year", "2019-02-29", "--by", "amina"]);
    assert!(err.contains("February 2019 has 28 days, not 29"), "{err}");
    let err = w
        .fails(&["reading", "add", "--title", "Feb", "--year", "2019", "--month", "2", "--day", "29", "--by", "amina"]);
    assert!(err.contains("day 29 is not a day of month 2 in 2019; expected 1 to 28"), "{err}");
    let err = w.fails(&["reading", "add", "--title", "Feb", "--year", "1900-02-29", "--by", "amina"]);
    assert!(err.contains("February 1900 has 28 days"), "{err}");
    for y in ["2020", "2000"] {
        let id = w.ok(&[
            "reading",
            "add",
            "--title",
            &format!("Leap {y}"),
            "--year",
            &format!("{y}-02-29"),
            "--by",
            "amina",
        ]);
        assert_eq!(shown(&w, id.trim())["day"].as_i64(), Some(29));
    }
    let csv = "title,authors,year,month,day,container,type\n\
               Feb Paper,\"Osei, Ama\",2019,2,29,Ghana Medical Journal,article\n\
               Dated Paper,\"Osei, Ama\",2019-02-29,,,Ghana Medical Journal,article\n";
    let err = w.import_reading("f.csv", csv);
    assert!(err.contains("f.csv:2") && err.contains("February 2019 has 28 days"), "{err}");
    assert!(err.contains("f.csv:3") && err.contains("February 2019 has 28 days, not 29"), "{err}");
    let list = w.reading_list();
    assert_eq!(date_of(reading(&list, "Feb Paper")), (Some(2019), Some(2), None, None));
    assert_eq!(date_of(reading(&list, "Dated Paper")), (Some(2019), Some(2), None, None));
    let refs = w.references("vancouver");
    let r = common::reference(&refs, "Feb Paper");
    assert!(r.contains("Osei A") && r.contains("Ghana") && r.contains("2019 Feb"), "{r}");
}

/// A scope no module is in is refused with the years there are, in every
/// command that takes one: never a report of "no gaps in this scope"
/// (tester r11 13/1), and nothing written.
#[test]
fn a_scope_with_no_module_is_refused() {
    let w = workdir();
    w.ok(&["import", "modules", &common::sample("modules.csv"), "-q"]);
    for args in [
        &["report", "x.pdf", "--year", "6"][..],
        &["report", "x.csv", "--module", "MED2002", "--year", "3"][..],
        &["gaps", "--year", "6"][..],
        &["gaps", "--findings", "--year", "7"][..],
        &["coverage", "--year", "9"][..],
        &["suggest", "--year", "6"][..],
    ] {
        let err = w.fails(args);
        let want = if args.contains(&"MED2002") {
            "module \"MED2002\" is in year 2, not year 3"
        } else {
            "the modules are in years 1, 2, 3, 4, 5"
        };
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert!(!w.path("x.pdf").exists() && !w.path("x.csv").exists(), "nothing written");
    // The scope that exists still reports.
    w.ok(&["report", "x.pdf", "--module", "MED2002", "--year", "2", "-q"]);
    let err = w.ok_stderr(&["module", "list", "--year", "6"]);
    assert!(err.contains("no module is in year 6; the modules are in years 1, 2, 3, 4, 5"), "{err}");
}

/// A database's record type in a "type of work" field (Scopus RIS `M3  -
/// Article` on every record, EndNote's "Type of Article" holding PubMed's
/// publication types) is named, not stored as the genre, and a record or
/// study type stored as the genre (MEDLINE `PT  - Review`) is never printed:
/// "[Article]" and "Book Chapter to Handbook…" were (tester r11 12/H1). A
/// real description ("Letter", "Technical report") is kept and cited.
#[test]
fn a_record_type_is_no_genre() {
    let w = workdir();
    let ris = "TY  - JOUR\nTI  - Race and kidney function\nAU  - Mensah, Kofi\nPY  - 2020\nT2  - Kidney International\nM3  - Article\nER  - \n\n\
               TY  - CHAP\nTI  - Colonial medicine in the Dutch East Indies\nAU  - Osei, Ama\nPY  - 2019\nT2  - Handbook of Colonial Medicine\nM3  - Book Chapter\nER  - \n\n\
               TY  - JOUR\nTI  - A letter on race\nAU  - Osei, Ama\nPY  - 2021\nT2  - Lancet\nM3  - Letter\nER  - \n";
    let said = w.import_reading("s.ris", ris);
    assert!(said.contains("RIS M3 \"Article\"") && said.contains("RIS M3 \"Book Chapter\""), "{said}");
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
        <record><ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Adjei, Kwame</author></authors></contributors>\
        <titles><title>Work type from PubMed</title></titles><periodical><full-title>Medical History</full-title></periodical>\
        <dates><year>2018</year></dates><work-type>Journal Article&#xD;Research Support, Non-U.S. Gov't&#xD;Letter</work-type></record>\
        <record><ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Adjei, Kwame</author></authors></contributors>\
        <titles><title>Only record types</title></titles><periodical><full-title>Medical History</full-title></periodical>\
        <dates><year>2017</year></dates><work-type>Journal Article&#xD;Review</work-type></record></records></xml>";
    let said = w.import_reading("e.xml", xml);
    assert!(said.contains("EndNote XML work-type \"Journal Article; Research Support, Non-U.S. Gov't\""), "{said}");
    let nbib = "PMID- 1\nTI  - A PubMed review\nFAU - Lind, Tove\nAU  - Lind T\nPT  - Journal Article\nPT  - Review\nDP  - 2016\nJT  - Medical History\n";
    w.import_reading("p.nbib", nbib);
    let list = w.reading_list();
    let genre = |t: &str| reading(&list, t)["genre"].as_str().map(str::to_string);
    assert_eq!(genre("Race and kidney"), None);
    assert_eq!(genre("Colonial medicine"), None);
    assert_eq!(genre("A letter on race").as_deref(), Some("Letter"));
    assert_eq!(genre("Work type from PubMed").as_deref(), Some("Letter"));
    assert_eq!(genre("Only record types"), None);
    for style in ["vancouver", "apa", "chicago", "harvard"] {
        let refs = w.references(style);
        for (title, bad) in [
            ("Race and kidney", "Article"),
            ("Colonial medicine", "Book Chapter"),
            ("Only record types", "Review"),
            ("A PubMed review", "Review"),
        ] {
            let r = common::reference(&refs, title);
            assert!(!r.contains(&format!("[{bad}]")) && !r.contains(&format!("{bad} to")), "{style}: {r}");
        }
        // (The bundled Harvard style prints no genre for an article.)
        if style != "harvard" {
            // (Citing Medicine writes it "[letter]", 12c.)
            let letter = common::reference(&refs, "A letter on race");
            assert!(letter.contains("Letter") || letter.contains("[letter]"), "{style}: {refs:?}");
        }
    }
}

/// An EndNote XML Report's `secondary-title` is its series, cited as such
/// (tester r11 12/H4: it was the container, lost in four styles and the
/// publisher's place in APA).
#[test]
fn an_endnote_report_series_is_its_series() {
    let w = workdir();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\
        <record><ref-type name=\"Report\">27</ref-type><contributors><authors><author>World Health Organization,</author></authors></contributors>\
        <titles><title>Global report on ageing</title><secondary-title>WHO Technical Report Series</secondary-title></titles>\
        <dates><year>2022</year></dates><publisher>World Health Organization</publisher><pub-location>Geneva</pub-location>\
        <isbn>987</isbn></record></records></xml>";
    w.import_reading("r.xml", xml);
    let r = reading(&w.reading_list(), "Global report").clone();
    assert_eq!(r["series"], "WHO Technical Report Series", "{r:#}");
    assert!(r["container"].is_null(), "{r:#}");
    for style in ["vancouver", "apa", "chicago", "harvard"] {
        let refs = w.references(style);
        assert!(common::reference(&refs, "Global report").contains("WHO Technical Report Series"), "{style}: {refs:?}");
    }
}

/// Works of one author in one year are lettered in title order whatever
/// their months or seasons (APA 7 §9.47; the README): a December "Alpha"
/// is 2015a before a January "Zeta" (tester r11 12/H2).
#[test]
fn letters_follow_the_title_whatever_the_month() {
    let w = workdir();
    let bib = "@article{z, author={Adjei, Kwame}, title={Zeta study}, journal={J}, year=2015, month=jan}\n\
               @article{a, author={Adjei, Kwame}, title={Alpha study}, journal={J}, year=2015, month=dec}\n\
               @article{m, author={Adjei, Kwame}, title={Middle study}, journal={J}, year=2015}\n\
               @article{b, author={Adjei, Kwame}, title={Beta study in winter}, journal={J}, year={Winter 2015}}\n";
    w.import_reading("l.bib", bib);
    for style in ["apa", "chicago", "harvard"] {
        let refs = w.references(style);
        let letter = |t: &str| {
            let r = common::reference(&refs, t);
            ['a', 'b', 'c', 'd']
                .into_iter()
                .find(|l| r.contains(&format!("2015{l}")) || r.contains(&format!("2015 {l}")))
                .unwrap_or_else(|| panic!("{style}: no letter in {r}"))
        };
        let got: Vec<char> = ["Alpha", "Beta", "Middle", "Zeta"].iter().map(|t| letter(t)).collect();
        assert_eq!(got, ['a', 'b', 'c', 'd'], "{style}: {refs:?}");
    }
}

/// Vancouver leaves out an NLM qualifier too when a journal has no
/// abbreviation stored (tester r11 12: "Lancet (London, England)").
#[test]
fn vancouver_prints_no_nlm_qualifier() {
    let w = workdir();
    w.import_reading(
        "q.csv",
        "title,authors,year,type,container\nQualified journal,\"Osei, Ama\",2019,article,\"Lancet (London, England)\"\n",
    );
    for style in ["vancouver", "apa", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Qualified journal");
        assert!(r.contains("Lancet") && !r.contains("London, England"), "{style}: {r}");
    }
}

/// A person's name in natural order kept whole (after a `;`, or a RIS
/// `AU` line without a comma) is said, with how to write it as a person;
/// an institution kept whole is not (tester r11 12/M1).
#[test]
fn a_natural_order_name_kept_whole_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "n.csv",
        "title,authors,year\nKing papers,\"Martin Luther King III; Coretta Scott King\",1968\nWho,\"World Health Organization; Ministry of Health\",2019\n",
    );
    // A suffix after a whole name says the list is written "Given Family"
    // (r92: "Kofi Mensah Jr.; Ana Pérez" read its second name alone kept
    // whole; r93 F5: people in a `;` list read as with "and"): every name
    // of the list is read so, said with the advice.
    assert!(
        said.contains("read as 2 names written \"Given Family\"")
            && said.contains("(\"King, Martin Luther, III\", \"King, Coretta Scott\")")
            && said.contains("\"Family, Given\""),
        "{said}"
    );
    assert!(
        !said.contains("\"World Health Organization\" was kept whole")
            && !said.contains("\"Ministry of Health\" was kept"),
        "{said}"
    );
    let said = w.import_reading(
        "n.ris",
        "TY  - JOUR\nTI  - Ris natural\nAU  - Jane Osei\nAU  - Mensah, Kofi\nPY  - 2020\nT2  - BMJ\nER  - \n",
    );
    // A "Given Family" name alone on its line is read as a person, said, as
    // in a CSV cell (tester r98: one rule for every one-name field).
    assert!(said.contains("AU \"Jane Osei\" read as a name written \"Given Family\""), "{said}");
}

/// Vancouver's "Family Initials" with its suffix after a comma ("Mensah
/// K.A., Jr.") is family Mensah, given K.A., suffix Jr. (tester r11
/// 12/M2: it was family "Mensah K.A.", given "Jr.").
#[test]
fn family_initials_comma_suffix() {
    let w = workdir();
    w.import_reading("v.csv", "title,authors,year\nVancouver suffix,\"Mensah K.A., Jr.; Osei J.\",2019\n");
    let r = reading(&w.reading_list(), "Vancouver suffix").clone();
    let first = &r["author_names"][0];
    assert_eq!(
        (first["family"].as_str(), first["given"].as_str(), first["suffix"].as_str()),
        (Some("Mensah"), Some("K. A."), Some("Jr.")),
        "{r:#}"
    );
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Vancouver suffix").starts_with("Mensah KA Jr"), "{refs:?}");
}

/// A user's `.csl` file gets a report's genre as stored: its own label
/// follows it (tester r11 12: "Technical Report No. no. 987", canon's
/// "No." added for the bundled styles before the file's "no.").
#[test]
fn a_users_style_gets_the_genre_as_stored() {
    let w = workdir();
    w.import_reading(
        "u.ris",
        "TY  - RPRT\nTI  - World report\nAU  - World Health Organization\nPY  - 2015\nM3  - Technical report\nSN  - 987\nPB  - WHO Press\nER  - \n",
    );
    let csl = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Genre then number</title><id>genre-number</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" "><text variable="title"/><text variable="genre"/><text value="no."/><text variable="number"/></group></layout></bibliography>
</style>"#;
    let style = w.write("g.csl", csl);
    let refs = w.references(style.to_str().unwrap());
    let r = common::reference(&refs, "World report");
    assert!(r.contains("Technical report no. 987") && !r.contains("No. no."), "{r}");
    // The bundled APA still labels it.
    assert!(common::reference(&w.references("apa"), "World report").contains("(Technical Report No. 987)"));
}
