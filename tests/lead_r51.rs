//! Issue 12 (lead, r51), through the binary: references as the styles'
//! manuals print them when a title begins with italics, a legal case's
//! neutral citation is whole, a work without an author is filed by its
//! title, and two people who print alike are told apart in styles that
//! letter their years.

mod common;

use common::{Workdir, workdir};

/// A title that begins with italic markup keeps its words and its italics
/// in Chicago's title case (tester r49 F5: "Escherichia coliin Colonial
/// Hospitals", set upright), as in the other styles.
#[test]
fn a_title_that_begins_in_italics_keeps_its_space_and_italics_in_chicago() {
    let w = workdir();
    w.import_reading(
        "l.json",
        r#"[{"id":"a","type":"article-journal","title":"<i>Escherichia coli</i> in colonial hospitals","author":[{"family":"Adu","given":"Kofi"}],"container-title":"Lancet","volume":"1","page":"1","issued":{"date-parts":[[2001]]}},
{"id":"b","type":"chapter","title":"<i>Plasmodium</i> and empire","author":[{"family":"Bo","given":"Kofi"}],"container-title":"Empire book","publisher":"OUP","publisher-place":"Oxford","issued":{"date-parts":[[2001]]}},
{"id":"c","type":"article-journal","title":"<i>Plasmodium falciparum</i> and the colonial archive","author":[{"family":"Ce","given":"Kofi"}],"container-title":"Lancet","volume":"2","page":"3","issued":{"date-parts":[[2002]]}}]"#,
    );
    let chicago = w.references("chicago");
    assert_eq!(
        common::reference(&chicago, "\\textit{Escherichia"),
        "Adu, Kofi. 2001. “Escherichia coli in Colonial Hospitals.” Lancet 1: 1."
    );
    assert_eq!(
        common::reference(&chicago, "\\textit{Plasmodium}"),
        "Bo, Kofi. 2001. “Plasmodium and Empire.” In Empire Book. OUP."
    );
    assert_eq!(
        common::reference(&chicago, "\\textit{Plasmodium falciparum"),
        "Ce, Kofi. 2002. “Plasmodium falciparum and the Colonial Archive.” Lancet 2: 3."
    );
    for style in ["apa", "harvard", "vancouver"] {
        let refs = w.references(style);
        assert!(
            common::reference(&refs, "\\textit{Escherichia").contains("Escherichia coli in colonial hospitals"),
            "{style}"
        );
    }
    let pdf = w.path("c.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "chicago", "-q"]);
    if let Some(italic) = common::pdf_italics(&pdf) {
        let all = italic.join("|");
        assert!(all.contains("Escherichia coli"), "italic runs: {italic:?}");
        assert!(all.contains("Plasmodium falciparum"), "italic runs: {italic:?}");
    }
}

/// A case number that is the whole neutral citation is printed once, and a
/// law report organised by year takes its year in square brackets before
/// the volume (tester r49 F1: "[2015] UKSC [2015] UKSC 11"; "1 WLR 582
/// (1957)" for "[1957] 1 WLR 582", OSCOLA §2.2.3), in every style.
#[test]
fn a_neutral_citation_is_printed_once_and_a_law_report_by_year_in_brackets() {
    let w = workdir();
    w.import_reading(
        "law.json",
        r#"[{"id":"m","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","container-title":"AC","volume":"2015","page":"1430","number":"[2015] UKSC 11","issued":{"date-parts":[[2015,3,11]]}},
{"id":"b","type":"legal_case","title":"Bolam v Friern Hospital Management Committee","container-title":"WLR","volume":"1","page":"582","issued":{"date-parts":[[1957]]}},
{"id":"e","type":"legal_case","title":"Evans v Amicus Healthcare Ltd","authority":"EWCA Civ","number":"EWCA Civ 727","container-title":"Fam","page":"1","issued":{"date-parts":[[2005]]}},
{"id":"r","type":"legal_case","title":"Roe v. Wade","container-title":"U.S.","volume":"410","page":"113","issued":{"date-parts":[[1973]]}}]"#,
    );
    for style in ["vancouver", "apa", "chicago", "ama"] {
        let refs = w.references(style);
        assert_eq!(
            common::reference(&refs, "Montgomery"),
            "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430.",
            "{style}"
        );
        assert_eq!(
            common::reference(&refs, "Bolam"),
            "Bolam v Friern Hospital Management Committee, [1957] 1 WLR 582.",
            "{style}"
        );
        assert_eq!(
            common::reference(&refs, "Evans"),
            "Evans v Amicus Healthcare Ltd, [2005] EWCA Civ 727, [2005] Fam 1.",
            "{style}"
        );
        assert_eq!(common::reference(&refs, "Roe"), "Roe v. Wade, 410 U.S. 113 (1973).", "{style}");
    }
    let harvard = w.references("harvard");
    assert_eq!(
        common::reference(&harvard, "Montgomery"),
        "Montgomery v Lanarkshire Health Board [2015] UKSC 11, [2015] AC 1430."
    );
    assert_eq!(common::reference(&harvard, "Bolam"), "Bolam v Friern Hospital Management Committee [1957] 1 WLR 582.");
    assert_eq!(common::reference(&harvard, "Roe"), "Roe v. Wade (1973) 410 U.S. 113.");
}

/// A work without an author is filed by what its reference begins with
/// (its title, a case's name) in every author-date style, and Harvard
/// begins it with its title, not its journal (tester r49 F3: Harvard filed
/// them under the journal, "BMJ (2019a) ‘Annual review of race’", Chicago
/// put them before every author; CMOS 18 §13.81, Cite Them Right).
#[test]
fn a_work_without_an_author_is_filed_by_its_title() {
    let w = workdir();
    w.import_reading(
        "t.csv",
        "title,authors,year,journal,type\n\
         Annual review of race,,2019,BMJ,article\n\
         Anonymity in reflections,,2019,BMJ,article\n\
         Nobody wrote this,,2019,BMJ,article\n\
         Beta paper,\"Beta, Bo\",2019,BMJ,article\n\
         Kilo paper,\"Kilo, Ki\",2019,BMJ,article\n\
         Mid paper,\"Mid, Mo\",2019,BMJ,article\n\
         The zebra report on race,,2019,BMJ,article\n",
    );
    w.import_reading(
        "case.json",
        r#"[{"id":"m","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","container-title":"AC","volume":"2015","page":"1430","number":"11","issued":{"date-parts":[[2015]]}}]"#,
    );
    let filed = ["Annual", "Anonymity", "Beta", "Kilo", "Mid", "Montgomery", "Nobody", "The zebra"];
    for style in ["harvard", "chicago", "apa"] {
        let out = w.path(&format!("{style}.json"));
        w.ok(&["report", out.to_str().unwrap(), "--style", style, "-q"]);
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let titles: Vec<String> =
            doc["readings"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap().to_string()).collect();
        let order: Vec<&str> =
            titles.iter().map(|t| *filed.iter().find(|f| t.starts_with(*f)).unwrap_or(&"?")).collect();
        assert_eq!(order, filed, "{style}: {titles:?}");
    }
    let harvard = w.references("harvard");
    assert_eq!(common::reference(&harvard, "Annual"), "‘Annual review of race’ (2019) BMJ.");
    assert_eq!(common::reference(&harvard, "Nobody"), "‘Nobody wrote this’ (2019) BMJ.");
}

/// An author-date style with `disambiguate-add-year-suffix`.
const AUTHOR_DATE_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Plain author-date</title><id>http://example.org/plain-ad</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="all" sort-separator=", " initialize-with=". " delimiter=", "/></names></macro>
  <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
  <citation disambiguate-add-year-suffix="true"><layout prefix="(" suffix=")"><group delimiter=" "><text macro="author"/><text macro="year"/></group></layout></citation>
  <bibliography>
    <sort><key macro="author"/><key macro="year"/><key variable="title"/></sort>
    <layout suffix="."><group delimiter=". "><text macro="author"/><text macro="year"/><text variable="title"/><text variable="container-title"/></group></layout>
  </bibliography>
</style>
"#;

/// Two people a style prints alike ("Osei, J." for Jane and Joseph) are one
/// label in Harvard and in a .csl file's author-date style: their works of
/// one year are lettered and stand in date order (tester r49 F7: two
/// "Osei, J. (2019)" entries). APA tells them apart by their given names
/// (APA 7 §9.47) and Chicago prints the given names whole.
#[test]
fn two_people_who_print_alike_get_year_letters_outside_apa() {
    let w = workdir();
    w.import_reading(
        "o.csv",
        "title,authors,year,journal,type\n\
         Colonial tropes in dermatology atlases,\"Osei, Jane\",2019,BMJ,article\n\
         Malaria and empire,\"Osei, Joseph\",2019,BMJ,article\n\
         Another by Jane,\"Osei, Jane\",2020,BMJ,article\n",
    );
    let harvard = w.references("harvard");
    assert!(common::reference(&harvard, "Colonial").starts_with("Osei, J. (2019a) ‘Colonial"), "{harvard:?}");
    assert!(common::reference(&harvard, "Malaria").starts_with("Osei, J. (2019b) ‘Malaria"), "{harvard:?}");
    assert!(common::reference(&harvard, "Another").starts_with("Osei, J. (2020) ‘Another"), "{harvard:?}");
    // The PDF's list in date order.
    let pdf = w.path("h.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "harvard", "-q"]);
    if let Some(words) = common::pdf_words(&pdf) {
        let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        let at = |s: &str| text.iter().position(|t| *t == s).unwrap_or_else(|| panic!("{s} in {text:?}"));
        assert!(at("(2019a)") < at("(2019b)") && at("(2019b)") < at("(2020)"), "{text:?}");
    }
    let csl = w.write("ad.csl", AUTHOR_DATE_CSL);
    let custom = w.references(csl.to_str().unwrap());
    assert!(common::reference(&custom, "Colonial").starts_with("Osei, J. 2019a."), "{custom:?}");
    assert!(common::reference(&custom, "Malaria").starts_with("Osei, J. 2019b."), "{custom:?}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Colonial").starts_with("Osei, J. [Jane]. (2019)."), "{apa:?}");
    assert!(common::reference(&apa, "Malaria").starts_with("Osei, J. [Joseph]. (2019)."), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(common::reference(&chicago, "Malaria").starts_with("Osei, Joseph. 2019."), "{chicago:?}");
}

/// A shorter author list that names someone the stored list does not is
/// said, in the real import too, and the summary does not claim the
/// database holds the file (tester r50 F3); a shorter list of the same
/// people is the stored list cut short, kept without a warning.
#[test]
fn a_shorter_author_list_naming_someone_else_is_said() {
    let w = workdir();
    w.import_reading(
        "base.csv",
        "title,authors,year,type,doi\n\
         \"Hidden in plain sight: reconsidering the use of race correction in clinical algorithms\",\"Vyas, Darshali A.; Eisenstein, Leo G.; Jones, David S.\",2020,article,10.1056/NEJMms2004740\n",
    );
    let err = w.import_reading(
        "other.csv",
        "title,authors,year,type,doi\n\
         \"Hidden in plain sight: reconsidering the use of race correction in clinical algorithms\",\"Vyas, Darshali A.; Roberts, Dorothy\",2020,article,10.1056/NEJMms2004740\n",
    );
    assert!(err.contains("other.csv:2:") && err.contains("\"Roberts, Dorothy\", who is not among them"), "{err}");
    assert!(!err.contains("the database already holds this file"), "{err}");
    let list = w.reading_list();
    let names: Vec<&str> =
        common::reading(&list, "Hidden")["authors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let err = w.import_reading(
        "cut.csv",
        "title,authors,year,type,doi\n\
         \"Hidden in plain sight: reconsidering the use of race correction in clinical algorithms\",\"Vyas, D. A.; Eisenstein, L. G.\",2020,article,10.1056/NEJMms2004740\n",
    );
    assert!(!err.contains("warning"), "{err}");
}

/// Another edition of a book, with another publisher, in the same year is
/// another work, flagged as a possible duplicate; it never merges into the
/// stored edition (tester r50 F6: "2nd ed. Paris: La Découverte", a record
/// of neither). The same edition from another list still merges.
#[test]
fn another_edition_of_a_book_is_another_work() {
    let w = workdir();
    w.import_reading(
        "first.csv",
        "title,authors,year,type,publisher,place\nLes damnés de la terre,\"Fanon, Frantz\",1961,book,François Maspero,Paris\n",
    );
    let err = w.import_reading(
        "second.csv",
        "title,authors,year,type,publisher,place,edition\nLes damnés de la terre,\"Fanon, Frantz\",1961,book,La Découverte,Paris,2\n",
    );
    assert!(err.contains("1 new") && err.contains("possible duplicate"), "{err}");
    let err = w.import_reading(
        "third.csv",
        "title,authors,year,type,publisher,edition\nLes damnés de la terre,\"Fanon, Frantz\",1961,book,La Découverte,2nd\n",
    );
    assert!(err.contains("0 new"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE publisher = 'François Maspero' AND edition IS NULL"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE publisher = 'La Découverte' AND edition = '2'"), 1);
}

/// A colleague's database that holds the same works, merged: their
/// history's additions of records we already held are not copied, so the
/// undo of their import (or of one of its additions) never removes our own
/// records (tester r52 F11: it emptied the reading list).
#[test]
fn undoing_a_merged_import_never_removes_records_we_held() {
    let w = workdir();
    let list = "title,authors,year,type,doi,journal\n\
        Levels of racism,\"Jones, Camara Phyllis\",2000,article,10.2105/AJPH.90.8.1212,American Journal of Public Health\n\
        Dissecting racial bias in an algorithm,\"Obermeyer, Ziad\",2019,article,10.1126/science.aax2342,Science\n";
    let file = w.write("list.csv", list);
    let extra = w.write(
        "extra.csv",
        "title,authors,year,type,doi,journal\nMapping the margins,\"Crenshaw, Kimberle\",1991,article,10.2307/1229039,Stanford Law Review\n",
    );
    let theirs = w.path("ben.db");
    w.ok_at(&theirs, &["init", "-q"]);
    w.ok_at(&theirs, &["import", "reading", file.to_str().unwrap(), "-q"]);
    w.ok_at(&theirs, &["import", "reading", extra.to_str().unwrap(), "-q"]);
    w.ok(&["import", "reading", file.to_str().unwrap(), "-q"]);
    let said = w.ok_stderr(&["merge", theirs.to_str().unwrap(), "--by", "amina"]);
    assert!(said.contains("already held not copied"), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 3);
    // Undo each of their imports, copied here: only Crenshaw goes.
    let runs: Vec<i64> = {
        let v = w.json(&["log", "--format", "json"]);
        v.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "import" && e["note"].as_str().is_some_and(|n| n.contains("from")))
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(runs.len(), 2, "{runs:?}");
    for id in runs.iter().rev() {
        let _ = w.cmd(&["undo", &id.to_string(), "--by", "amina"]).output();
    }
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE 'Levels%' OR title LIKE 'Dissecting%'"), 2);
}

const SJODING: &str = "TY  - JOUR\nAU  - Sjoding, Michael W.\nAU  - Dickson, Robert P.\n\
    TI  - Racial Bias in Pulse Oximetry Measurement\nJO  - New England Journal of Medicine\nPY  - 2020\n\
    VL  - 383\nIS  - 25\nSP  - 2477\nEP  - 2478\nDO  - 10.1056/NEJMc2029240\nER  - \n";

/// A record under a stored work's DOI whose title begins with the stored
/// title is another work when its first author and year differ too, or
/// when what its title adds names a reply or a correction (tester r52 F4:
/// Chest's cohort study under the NEJM letter's mistyped DOI became one
/// record, "Sjoding MW … Retrospective Cohort Study [letter]. N Engl J
/// Med. 2022;161(4)"). A subtitle added by the same author's record still
/// merges.
#[test]
fn a_title_that_begins_the_stored_one_under_its_doi_can_still_be_another_work() {
    let w = workdir();
    w.import_reading("letter.ris", SJODING);
    let chest = w.write(
        "chest.ris",
        "TY  - JOUR\nAU  - Valbuena, Valeria S. M.\nAU  - Barbaro, Ryan P.\n\
         TI  - Racial Bias in Pulse Oximetry Measurement Among Patients About to Undergo Extracorporeal Membrane Oxygenation in 2019-2020: A Retrospective Cohort Study\n\
         JO  - Chest\nPY  - 2022\nVL  - 161\nIS  - 4\nSP  - 971\nEP  - 978\nDO  - 10.1056/NEJMc2029240\nER  - \n",
    );
    let err = w.fails(&["import", "reading", chest.to_str().unwrap()]);
    assert!(err.contains("chest.ris:") && err.contains("the first authors and years differ"), "{err}");
    let reply = w.write(
        "reply.ris",
        "TY  - JOUR\nAU  - Sjoding, Michael W.\nTI  - Racial bias in pulse oximetry measurement: reply\n\
         JO  - New England Journal of Medicine\nPY  - 2021\nVL  - 384\nSP  - 1278\nDO  - 10.1056/NEJMc2029240\nER  - \n",
    );
    let err = w.fails(&["import", "reading", reply.to_str().unwrap()]);
    assert!(err.contains("reply.ris:") && err.contains("reply or a correction"), "{err}");
    let list = w.reading_list();
    let stored = common::reading(&list, "Racial Bias");
    assert_eq!(stored["title"], "Racial Bias in Pulse Oximetry Measurement");
    assert_eq!(stored["volume"], "383");
    // The same letter with a subtitle, from the same authors: one work.
    let err = w.import_reading(
        "sub.ris",
        "TY  - JOUR\nAU  - Sjoding, Michael W.\nTI  - Racial Bias in Pulse Oximetry Measurement: a letter\n\
         JO  - N Engl J Med\nPY  - 2020\nDO  - 10.1056/NEJMc2029240\nER  - \n",
    );
    assert!(err.contains("0 new"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
}

/// A hand edit that gives an author in braces (kept whole) is undone like
/// any other, with the rest of the edit, and its undo redone (tester r52
/// F3: "authors is no longer what #14 set", for good).
#[test]
fn an_edit_with_an_author_in_braces_can_be_undone_and_redone() {
    let w = workdir();
    w.import_reading(
        "c.bib",
        "@article{c, author={Crenshaw, Kimberle}, title={Mapping the margins}, journal={Stanford Law Review}, \
         year={1991}, volume={43}, pages={1241--1299}, doi={10.2307/1229039}}\n",
    );
    let edit = w.ok(&[
        "reading",
        "edit",
        "10.2307/1229039",
        "--author",
        "{Crenshaw, Kimberlé}",
        "--pages",
        "1241-1300",
        "--by",
        "amina",
    ]);
    let h = edit.trim().to_string();
    let names = |w: &Workdir| common::reading(&w.reading_list(), "Mapping")["author_names"].clone();
    assert_eq!(names(&w)[0]["literal"], "Crenshaw, Kimberlé");
    let undo = w.ok_stderr(&["undo", &h, "--by", "amina"]);
    assert!(undo.contains(&format!("Undone #{h}")), "{undo}");
    let r = common::reading(&w.reading_list(), "Mapping").clone();
    assert_eq!(r["author_names"][0]["family"], "Crenshaw");
    assert_eq!(r["author_names"][0]["given"], "Kimberle");
    assert_eq!(r["pages"], "1241-1299");
    // The undo undone: the name kept whole again, the pages back.
    let last = w.json(&["log", "--format", "json"]).as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    w.ok_stderr(&["undo", &last.to_string(), "--by", "amina"]);
    let r = common::reading(&w.reading_list(), "Mapping").clone();
    assert_eq!(r["author_names"][0]["literal"], "Crenshaw, Kimberlé");
    assert_eq!(r["pages"], "1241-1300");
}

/// A month cleared (or set) by hand keeps the file's day out too: a day
/// goes with its month (tester r52 F2: the next import stored "day 21" with
/// no month, a date `reading edit` itself refuses).
#[test]
fn a_month_set_by_hand_keeps_the_files_day_out() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{a, author={Abimbola, Seye}, title={Will global health survive its decolonisation?}, \
         journal={The Lancet}, year={2020}, month={nov}, volume={396}, pages={1627--1628}, doi={10.1016/S0140-6736(20)32417-X}}\n",
    );
    w.ok(&["reading", "edit", "10.1016/S0140-6736(20)32417-X", "--month", "", "--by", "amina"]);
    let err = w.import_reading(
        "p.nbib",
        "PMID- 33220736\nDP  - 2020 Nov 21\nTI  - Will global health survive its decolonisation?\n\
         FAU - Abimbola, Seye\nAU  - Abimbola S\nVI  - 396\nPG  - 1627-1628\nTA  - Lancet\nJT  - Lancet (London, England)\n\
         AID - 10.1016/S0140-6736(20)32417-X [doi]\n",
    );
    assert!(err.contains("the file's day goes with its month and is not applied either"), "{err}");
    let r = common::reading(&w.reading_list(), "Will global").clone();
    assert!(r["month"].is_null() && r["day"].is_null(), "{r}");
    // Set by hand to another month: the file's day of its own month stays out.
    w.ok(&["reading", "edit", "10.1016/S0140-6736(20)32417-X", "--month", "12", "--by", "amina"]);
    w.import_reading(
        "p2.nbib",
        "PMID- 33220736\nDP  - 2020 Nov 21\nTI  - Will global health survive its decolonisation?\n\
         FAU - Abimbola, Seye\nAU  - Abimbola S\nVI  - 396\nPG  - 1627-1628\nTA  - Lancet\n\
         AID - 10.1016/S0140-6736(20)32417-X [doi]\n",
    );
    let r = common::reading(&w.reading_list(), "Will global").clone();
    assert_eq!(r["month"], 12);
    assert!(r["day"].is_null(), "{r}");
}

/// A book stored from a list that gave its editors as its authors, then a
/// record that names the same people as its editors: they become its
/// editors, said, and are printed once (tester r52 F5: "Berkman LF, Kawachi
/// I, Glymour MM. Social Epidemiology. … Berkman LF, Kawachi I, Glymour MM,
/// editors."). The other order already gave this.
#[test]
fn authors_a_later_record_names_as_editors_become_the_editors() {
    let w = workdir();
    w.import_reading(
        "faculty.csv",
        "title,authors,year,type,publisher,isbn\n\
         Social epidemiology,\"Berkman, Lisa F.; Kawachi, Ichiro; Glymour, M. Maria\",2014,book,Oxford University Press,9780195377903\n",
    );
    let err = w.import_reading(
        "ed.json",
        r#"[{"id":"se","type":"book","title":"Social epidemiology","editor":[{"family":"Berkman","given":"Lisa F."},{"family":"Kawachi","given":"Ichirō"},{"family":"Glymour","given":"M. Maria"}],"publisher":"Oxford University Press","edition":"2","ISBN":"9780195377903","issued":{"date-parts":[[2014]]}}]"#,
    );
    assert!(err.contains("are the book's editors, as the file gives them"), "{err}");
    let r = common::reading(&w.reading_list(), "Social epidemiology").clone();
    assert_eq!(r["authors"].as_array().map(Vec::len), Some(0), "{r}");
    assert_eq!(r["editor_names"].as_array().map(Vec::len), Some(3), "{r}");
    let vancouver = w.references("vancouver");
    let text = common::reference(&vancouver, "Social epidemiology");
    assert_eq!(text.matches("Berkman").count(), 1, "{text}");
    assert!(text.contains("editors"), "{text}");
}

/// A journal "abbreviation" that is the journal's name itself (Scopus's
/// "Lancet Global Health" for "The Lancet Global Health") never replaces
/// PubMed's NLM abbreviation, so neither flips at each import (tester r52
/// F6).
#[test]
fn a_journals_name_given_as_its_abbreviation_never_replaces_the_abbreviation() {
    let w = workdir();
    let scopus = "Authors,Author full names,Title,Year,Source title,Volume,Issue,Page start,Page end,DOI,Abbreviated Source Title,Document Type\n\
        \"Bhakuni H.; Abimbola S.\",\"Bhakuni, Himani; Abimbola, Seye\",Epistemic injustice in academic global health,2021,The Lancet Global Health,9,10,e1465,e1470,10.1016/S2214-109X(21)00301-6,Lancet Global Health,Review\n";
    let nbib = "PMID- 34384536\nDP  - 2021 Oct\nTI  - Epistemic injustice in academic global health.\n\
        FAU - Bhakuni, Himani\nAU  - Bhakuni H\nFAU - Abimbola, Seye\nAU  - Abimbola S\nVI  - 9\nIP  - 10\n\
        PG  - e1465-e1470\nTA  - Lancet Glob Health\nJT  - The Lancet. Global health\n\
        AID - 10.1016/S2214-109X(21)00301-6 [doi]\n";
    w.import_reading("scopus.csv", scopus);
    w.import_reading("p.nbib", nbib);
    let short = |w: &Workdir| common::reading(&w.reading_list(), "Epistemic")["container_short"].clone();
    assert_eq!(short(&w), "Lancet Glob Health");
    let again = w.import_reading("scopus.csv", scopus);
    assert_eq!(short(&w), "Lancet Glob Health", "{again}");
    assert!(again.contains("0 changed"), "{again}");
    let again = w.import_reading("p.nbib", nbib);
    assert!(again.contains("0 changed"), "{again}");
}

/// A library catalogue's qualifier after an ISBN ("(pbk.)") is read past in
/// a CSV, as RIS and EndNote XML read it (tester r52 F10: refused, "check
/// digit", blocking the file); a cell with one ISBN in its two forms is that ISBN.
#[test]
fn an_isbn_with_a_catalogue_qualifier_is_read_in_every_format() {
    let w = workdir();
    w.import_reading(
        "b.csv",
        "title,authors,year,type,publisher,isbn\nThe wretched of the earth,\"Fanon, Frantz\",2004,book,Grove Press,978-0-8021-4132-3 (pbk.)\n",
    );
    let r = common::reading(&w.reading_list(), "The wretched").clone();
    assert_eq!(r["isbn"], "9780802141323");
    let two = w.write(
        "two.csv",
        "title,authors,year,type,publisher,isbn\nBlack skin white masks,\"Fanon, Frantz\",2008,book,Grove Press,9780802143006 0802143008\n",
    );
    // One ISBN in both its forms is read as that ISBN (isbn r83 c: a cell of
    // two ISBNs was refused whole; tests/isbn_r83.rs has the other cases).
    w.ok_stderr(&["import", "reading", two.to_str().unwrap()]);
    let r = common::reading(&w.reading_list(), "Black skin").clone();
    assert_eq!((&r["isbn"], &r["other_isbns"]), (&serde_json::json!("9780802143006"), &serde_json::json!([])));
}

/// A revised edition however it was typed is printed in each style's words
/// (tester r49 F8: "rev. edn" and "Rev. ed." passed through as typed).
#[test]
fn a_revised_edition_is_printed_in_the_styles_words_however_typed() {
    let w = workdir();
    for (i, e) in ["Revised", "Rev. ed.", "rev. edn", "Revised edition", "rev."].iter().enumerate() {
        w.ok(&[
            "reading",
            "add",
            "--title",
            &format!("Work {i}"),
            "--author",
            "Doe, Jane",
            "--year",
            "2001",
            "--type",
            "book",
            "--publisher",
            "P",
            "--place",
            "London",
            "--edition",
            e,
            "--status",
            "approved",
            "--by",
            "x",
        ]);
    }
    for (style, word) in [
        ("vancouver", "Rev. ed. London: P"),
        ("apa", "(Rev. ed.). P."),
        ("harvard", "Revised edn. London: P."),
        ("chicago", "Rev. ed. P."),
    ] {
        let refs = w.references(style);
        for i in 0..5 {
            let text = common::reference(&refs, &format!("Work {i}"));
            assert!(text.contains(word), "{style}: {text}");
            assert!(!text.contains("edn.") || style == "harvard", "{style}: {text}");
        }
    }
}

/// PubMed's record of a non-English article stored first, under its
/// bracketed translation, then a list's row with the original title, the
/// same first author, year, volume and first page: one work, with both
/// titles (tester r52 F9: stored twice; the other order merged already).
#[test]
fn a_list_row_in_the_original_language_finds_pubmeds_translated_record() {
    let w = workdir();
    w.import_reading(
        "p.nbib",
        "PMID- 35000001\nDP  - 2022 Mar\nTI  - [Race and racism in French medical education: a review].\n\
         TT  - Race et racisme dans l'enseignement médical en France : une revue.\n\
         FAU - Dupont, Amélie\nAU  - Dupont A\nVI  - 43\nPG  - 104113\nLA  - fre\nTA  - Rev Med Interne\n\
         JT  - La Revue de medecine interne\n",
    );
    let err = w.import_reading(
        "faculty.csv",
        "title,authors,year,type,journal,volume,pages\n\
         \"Race et racisme dans l'enseignement médical en France : une revue\",\"Dupont, Amélie\",2022,article,La Revue de médecine interne,43,104113\n",
    );
    // Both titles kept, as PubMed stores them (tester r73 F5: the list's
    // title replaced the translation, which was stored nowhere; changed on
    // purpose).
    assert!(err.contains("0 new") && !err.contains("becomes the work's own title"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
    let r = common::reading(&w.reading_list(), "[Race and racism").clone();
    assert_eq!(r["pmid"], "35000001", "{r}");
    assert_eq!(r["original_title"], "Race et racisme dans l'enseignement médical en France : une revue", "{r}");
}

/// Web of Science's record stored first (its capitals recased to title
/// case, " - " for a colon, "E1465" for an electronic locator, the ISO
/// abbreviation with stops) gives way to the same work as published from
/// Zotero and PubMed, so both orders store the same record (tester r52 F1;
/// tester r50 F2: Mendeley's title case likewise).
#[test]
fn web_of_sciences_forms_give_way_to_the_published_ones_in_either_order() {
    let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU OBERMEYER, Z\nAF OBERMEYER, ZIAD\n\
        TI DISSECTING RACIAL BIAS IN AN ALGORITHM USED TO MANAGE THE HEALTH OF\n   POPULATIONS\nSO SCIENCE\n\
        PY 2019\nVL 366\nIS 6464\nBP 447\nEP 453\nDI 10.1126/science.aax2342\nER\n\n\
        PT J\nAU Crenshaw, K\nAF Crenshaw, Kimberle\n\
        TI Mapping the Margins - Intersectionality, Identity Politics, and Violence Against Women of Color\n\
        SO STANFORD LAW REVIEW\nPY 1991\nVL 43\nIS 6\nBP 1241\nEP 1299\nDI 10.2307/1229039\nER\n\n\
        PT J\nAU Bhakuni, H\nAF Bhakuni, Himani\nTI Epistemic injustice in academic global health\n\
        SO LANCET GLOBAL HEALTH\nJI Lancet Glob. Health\nPY 2021\nVL 9\nIS 10\nBP E1465\nEP E1470\n\
        DI 10.1016/S2214-109X(21)00301-6\nER\n\nEF\n";
    let bib = "@article{o, author={Obermeyer, Ziad}, title={Dissecting racial bias in an algorithm used to manage the health of populations}, \
        journal={Science}, year={2019}, volume={366}, number={6464}, pages={447--453}, doi={10.1126/science.aax2342}}\n\
        @article{c, author={Crenshaw, Kimberle}, title={Mapping the Margins: Intersectionality, Identity Politics, and Violence against Women of Color}, \
        journal={Stanford Law Review}, year={1991}, volume={43}, number={6}, pages={1241--1299}, doi={10.2307/1229039}}\n\
        @article{b, author={Bhakuni, Himani}, title={Epistemic injustice in academic global health}, journal={The Lancet Global Health}, \
        shortjournal={Lancet Glob Health}, year={2021}, volume={9}, number={10}, pages={e1465--e1470}, doi={10.1016/S2214-109X(21)00301-6}}\n";
    let stored = |first: (&str, &str), second: (&str, &str)| {
        let w = workdir();
        w.import_reading(first.0, first.1);
        w.import_reading(second.0, second.1);
        let list = w.reading_list();
        let mut out: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} | {} | {}", r["title"], r["pages"], r["container_short"]))
            .collect();
        out.sort();
        out
    };
    let a = stored(("savedrecs.txt", wos), ("z.bib", bib));
    let b = stored(("z.bib", bib), ("savedrecs.txt", wos));
    assert_eq!(a, b);
    let all = a.join("\n");
    assert!(all.contains("Dissecting racial bias in an algorithm"), "{all}");
    assert!(all.contains("Mapping the Margins: Intersectionality"), "{all}");
    assert!(all.contains("e1465-e1470"), "{all}");
    assert!(all.contains("Lancet Glob Health"), "{all}");
}

/// APA's manuscript not yet accepted: "(n.d.)" and its state in brackets
/// after the title (APA 7 §10.8; tester r50 F9: "(submitted).", the state
/// printed as its date).
#[test]
fn apa_prints_a_submitted_manuscript_as_its_manual_does() {
    let w = workdir();
    w.import_reading(
        "ip.csv",
        "title,authors,year,type,journal\nCSV submitted,\"Osei, Jane\",submitted,article,Med Educ\n\
         Draft work,\"Osei, Kofi\",in preparation,article,\nUnder way,\"Osei, Ama\",under review,article,BMJ\n",
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "CSV submitted"),
        "Osei, J. (n.d.). CSV submitted [Manuscript submitted for publication]."
    );
    assert_eq!(common::reference(&apa, "Draft work"), "Osei, K. (n.d.). Draft work [Manuscript in preparation].");
    assert_eq!(
        common::reference(&apa, "Under way"),
        "Osei, A. (n.d.). Under way [Manuscript submitted for publication]."
    );
}

/// A record of the work ahead of print, imported after the published
/// version, never gives it its locator: PubMed's PII in `PG`, a publisher's
/// manuscript number in `SP` (tester r51 F1: "403(10422):S0140-6736(23)
/// 01234-5", a reference of neither version; the other order was right).
#[test]
fn an_ahead_of_print_record_never_gives_the_published_one_its_pages() {
    let w = workdir();
    w.import_reading(
        "pub.bib",
        "@article{p, author={Osei, Ama and Boateng, Kojo}, title={Sickle cell care in Kumasi}, journal={BMJ Global Health}, \
         year={2022}, volume={7}, number={4}, pages={e008001}, doi={10.1136/bmjgh-2021-008001}}\n",
    );
    let err = w.import_reading(
        "aop.ris",
        "TY  - JOUR\nAU  - Osei, Ama\nAU  - Boateng, Kojo\nTI  - Sickle cell care in Kumasi\nT2  - BMJ Global Health\n\
         PY  - 2021\nDA  - 2021/12/20\nSP  - bmjgh-2021-008001\nDO  - 10.1136/bmjgh-2021-008001\nN1  - Epub ahead of print\nER  - \n",
    );
    assert!(err.contains("aop.ris:1:") && err.contains("the stored pages \"e008001\""), "{err}");
    let r = common::reading(&w.reading_list(), "Sickle").clone();
    assert_eq!(
        (r["pages"].as_str(), r["volume"].as_str(), r["year"].as_i64()),
        (Some("e008001"), Some("7"), Some(2022))
    );
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "Sickle").contains("2022;7(4):e008001"), "{vancouver:?}");
}

/// A Talis Aspire export's "Page Start" and "Page End" are one range, its
/// "Editors" the editors and "Note for Student" the note; the columns it
/// has that canon does not keep are named with what they hold (tester r51
/// F2: the end page alone was stored as the range, "p. 209").
#[test]
fn a_talis_exports_page_start_and_end_are_one_range() {
    let w = workdir();
    let err = w.import_reading(
        "talis.csv",
        "\"Item Link\",\"Type\",\"Title\",\"Part of\",\"Authors\",\"Editors\",\"Publisher\",\"Date\",\"Edition\",\"Volume\",\"Issue\",\"Page Start\",\"Page End\",\"ISBN10\",\"ISBN13\",\"ISSN\",\"DOI\",\"Online Resource\",\"Importance\",\"Note for Student\",\"Section\"\n\
         \"http://lists.example.ac.uk/items/A\",\"Chapter\",\"The fact of blackness\",\"Black skin, white masks\",\"Fanon, Frantz\",\"Markmann, Charles Lam\",\"Pluto Press\",\"2008\",\"\",\"\",\"\",\"82\",\"108\",\"\",\"\",\"\",\"\",\"\",\"Essential\",\"Read it twice\",\"Week 1\"\n\
         \"http://lists.example.ac.uk/items/B\",\"Article\",\"Race correction in spirometry\",\"Journal of Medical Ethics\",\"Mensah, Kofi\",\"\",\"\",\"2019\",\"\",\"45\",\"3\",\"201\",\"209\",\"\",\"\",\"0306-6800\",\"\",\"\",\"Recommended\",\"\",\"Week 2\"\n",
    );
    assert!(err.contains("\"Page Start\" → pages") && err.contains("\"Editors\" → editors"), "{err}");
    assert!(err.contains("\"Importance\" is not read: the list's importance"), "{err}");
    assert!(!err.contains("--map 'Page Start"), "{err}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "The fact")["pages"], "82-108");
    assert_eq!(common::reading(&list, "The fact")["annotation"], "Read it twice");
    assert_eq!(common::reading(&list, "Race correction")["pages"], "201-209");
    assert_eq!(common::reading(&list, "The fact")["editor_names"][0]["family"], "Markmann");
}

/// A RIS `UR` host and path without its scheme is kept with "https://",
/// said at its line, as a CSV's is (tester r51 F3: dropped, "canon has no
/// field for them").
#[test]
fn a_ris_url_without_its_scheme_is_kept_and_said() {
    let w = workdir();
    let err = w.import_reading(
        "urls.ris",
        "TY  - ELEC\nTI  - Ethnic inequalities\nAU  - NHS Race and Health Observatory\nPY  - 2022\n\
         UR  - nhsrho.org/research/ethnic-inequalities\nER  - \n",
    );
    assert!(err.contains("urls.ris:5:7:") && err.contains("has no scheme"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Ethnic")["url"], "https://nhsrho.org/research/ethnic-inequalities");
}

/// A Chinese edition statement ("第2版", "第二版") is the edition's number:
/// "2nd ed.", never "第2版 ed." (tester r51 F6).
#[test]
fn a_chinese_edition_is_printed_as_its_number() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "中国医学史",
        "--author",
        "王, 小明",
        "--year",
        "2015",
        "--type",
        "book",
        "--publisher",
        "人民卫生出版社",
        "--place",
        "北京",
        "--edition",
        "第二版",
        "--status",
        "approved",
        "--by",
        "x",
    ]);
    let v = w.references("vancouver");
    assert_eq!(common::reference(&v, "中国医学史"), "王小明. 中国医学史. 2nd ed. 北京: 人民卫生出版社; 2015.");
    assert!(common::reference(&w.references("harvard"), "中国医学史").contains("2nd edn."));
}

/// A .csl file the processor refuses for an attribute's value is named by
/// the element's line and column: the <style> itself, or a macro's <name>
/// (tester r50 F5: "Deserialization error occured at `.`", no line).
#[test]
fn a_bad_csl_attribute_is_named_by_its_element() {
    let w = workdir();
    w.import_reading("o.csv", "title,authors,year,type,journal\nA work,\"Osei, Jane\",2019,article,BMJ\n");
    let bad_class = w.write("badattr.csl", AUTHOR_DATE_CSL.replace("class=\"in-text\"", "class=\"note-ish\""));
    let err = w.fails(&["report", w.path("r.pdf").to_str().unwrap(), "--style", bad_class.to_str().unwrap()]);
    assert!(err.contains("badattr.csl:2:1: <style>") && err.contains("class=\"in-text\" or \"note\""), "{err}");
    let bad_name = w.write(
        "badname.csl",
        AUTHOR_DATE_CSL.replace("<name name-as-sort-order=\"all\"", "<name et-al-min=\"x\" name-as-sort-order=\"all\""),
    );
    let err = w.fails(&["report", w.path("r.pdf").to_str().unwrap(), "--style", bad_name.to_str().unwrap()]);
    assert!(err.contains("badname.csl:4:") && err.contains("<name> is not valid CSL here"), "{err}");
    assert!(!err.contains("occured"), "{err}");
}

/// An EndNote XML export written on one line names each record by its
/// column too (tester r50 F4: every error said "the record starting at
/// line 1").
#[test]
fn a_one_line_endnote_export_names_each_record_by_its_column() {
    let w = workdir();
    let rec = |t: &str, y: &str| {
        format!(
            "<record><ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Osei, Ama</author>\
             </authors></contributors><titles><title>{t}</title></titles><dates><year>{y}</year></dates></record>"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>{}{}{}</records></xml>",
        rec("One", "2001"),
        rec("Two", "2002"),
        rec("", "20x0")
    );
    let f = w.write("en.xml", xml);
    let err = w.fails(&["import", "reading", f.to_str().unwrap()]);
    assert!(err.contains("the record starting at line 1, column "), "{err}");
}

/// PubMed's CSV export: "Citation" gives the date, volume, issue and pages,
/// "Journal/Book" the journal, an article ahead of print no pages (tester
/// r52 F8: read as a plain list, the journal and locator were lost).
#[test]
fn pubmeds_csv_export_is_read_with_its_citation() {
    let w = workdir();
    let err = w.import_reading(
        "pubmed.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
         32853499,Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms.,\"Vyas DA, Eisenstein LG, Jones DS.\",N Engl J Med. 2020 Aug 27;383(9):874-882. doi: 10.1056/NEJMms2004740. Epub 2020 Jun 17.,Vyas DA,N Engl J Med,2020,2020/06/18,,,10.1056/NEJMms2004740\n\
         38000000,Decolonising maternal care.,\"Owusu-Ansah K, de la Cruz MJ.\",Lancet. 2023 Nov 20:S0140-6736(23)01234-5. doi: 10.1016/S0140-6736(23)01234-5. Online ahead of print.,Owusu-Ansah K,Lancet,2023,2023/11/21,,,10.1016/S0140-6736(23)01234-5\n",
    );
    assert!(
        err.contains("\"Citation\" → citation") && err.contains("\"First Author\" is not read: the first of"),
        "{err}"
    );
    assert!(!err.contains("--map 'First Author"), "{err}");
    let list = w.reading_list();
    let r = common::reading(&list, "Hidden");
    assert_eq!(
        (r["volume"].as_str(), r["issue"].as_str(), r["pages"].as_str()),
        (Some("383"), Some("9"), Some("874-882"))
    );
    assert_eq!((r["month"].as_i64(), r["day"].as_i64(), r["pmid"].as_str()), (Some(8), Some(27), Some("32853499")));
    assert_eq!(r["title"], "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms");
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Hidden").contains("N Engl J Med. 2020 Aug 27;383(9):874-82."), "{v:?}");
    let aop = common::reading(&list, "Decolonising maternal");
    assert!(aop["pages"].is_null(), "{aop}");
}

/// A case's volume typed with its brackets ("[2015]") is the year's: the
/// year is printed once (tester r53 F4: "[2015] [2015] AC 1430").
#[test]
fn a_bracketed_volume_of_a_case_is_its_year() {
    let w = workdir();
    w.import_reading(
        "law.json",
        r#"[{"id":"m","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UKSC","container-title":"AC","volume":"[2015]","page":"1430","number":"11","issued":{"date-parts":[[2015]]}}]"#,
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Montgomery"),
        "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430."
    );
}

/// A chapter made a book where a book with its ISBN is stored is refused
/// with a sentence naming the other entry, not SQLite's constraint (tester
/// r53 F2: "UNIQUE constraint failed: reading.isbn").
#[test]
fn a_second_whole_work_with_an_isbn_is_refused_in_words() {
    let w = workdir();
    w.import_reading(
        "i.bib",
        "@book{b, author={Berkman, Lisa}, title={Social epidemiology}, publisher={OUP}, year={2014}, isbn={9780195377903}}\n\
         @incollection{c, author={Krieger, Nancy}, title={Discrimination and health inequities}, booktitle={Social epidemiology}, \
         publisher={OUP}, year={2014}, pages={63--125}, isbn={9780195377903}}\n",
    );
    let id = common::reading(&w.reading_list(), "Discrimination")["id"].as_i64().unwrap().to_string();
    let err = w.fails(&["reading", "edit", &id, "--type", "book", "--by", "x"]);
    assert!(
        err.contains("ISBN 9780195377903 already belongs to reading") && err.contains("\"Social epidemiology\""),
        "{err}"
    );
    assert!(!err.contains("UNIQUE"), "{err}");
}

/// The same PubMed file imported twice leaves the record as the first run
/// stored it: its bracketed translation stays until a list gives the work
/// under its own title (tester r53 F1: the second run swapped in `TT`).
#[test]
fn a_pubmed_file_imported_twice_changes_nothing() {
    let w = workdir();
    let nbib = "PMID- 35000002\nDP  - 2021 Mar\nTI  - [Structural racism in medical education: a review].\n\
        TT  - Racismo estructural en la educacion medica: una revision.\nFAU - García, Ana\nAU  - García A\n\
        VI  - 12\nPG  - 10-20\nLA  - spa\nTA  - Educ Med\nAID - 10.1016/j.edumed.2021.01.001 [doi]\n";
    w.import_reading("p.nbib", nbib);
    let first = common::reading(&w.reading_list(), "[Structural")["title"].clone();
    let err = w.import_reading("p.nbib", nbib);
    assert!(err.contains("0 changed"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "[Structural")["title"], first);
}

/// Two lists that disagree on a value no longer flip it at each import:
/// the value one list's import replaced, given again by that list, leaves
/// the stored one, said (tester r54 F2: a place and a URL alternated with
/// every pass); the journal's abbreviation with or without
/// its country is its abbreviation ("Proc. Natl. Acad. Sci.", "PNAS").
#[test]
fn two_lists_that_disagree_never_flip_a_value() {
    let w = workdir();
    let a = "title,authors,year,type,publisher,place,url,isbn\nFatal invention,\"Roberts, Dorothy\",2011,book,New Press,New York,https://thenewpress.com/books/fatal-invention,9781595586919\n";
    let b = "title,authors,year,type,publisher,place,url,isbn\nFatal invention,\"Roberts, Dorothy\",2011,book,New Press,London,https://example.org/fatal,9781595586919\n";
    w.import_reading("a.csv", a);
    w.import_reading("b.csv", b);
    let err = w.import_reading("a.csv", a);
    assert!(err.contains("another list's import replaced the file's value"), "{err}");
    let again = w.import_reading("b.csv", b);
    assert!(again.contains("0 changed"), "{again}");
    let again = w.import_reading("a.csv", a);
    assert!(again.contains("0 changed"), "{again}");
    let r = common::reading(&w.reading_list(), "Fatal").clone();
    assert_eq!((r["place"].as_str(), r["url"].as_str()), (Some("London"), Some("https://example.org/fatal")));

    let pnas = "PMID- 27044073\nDP  - 2016 Apr 19\nTI  - Racial bias in pain assessment and treatment recommendations.\n\
        FAU - Hoffman, Kelly M\nAU  - Hoffman KM\nVI  - 113\nIP  - 16\nPG  - 4296-301\nTA  - Proc Natl Acad Sci U S A\n\
        JT  - Proceedings of the National Academy of Sciences of the United States of America\n\
        AID - 10.1073/pnas.1516047113 [doi]\n";
    let bib = "@article{h, author={Hoffman, Kelly M.}, title={Racial bias in pain assessment and treatment recommendations}, \
        journal={Proc. Natl. Acad. Sci.}, year={2016}, volume={113}, number={16}, pages={4296--4301}, doi={10.1073/pnas.1516047113}}\n";
    w.import_reading("p.nbib", pnas);
    w.import_reading("m.bib", bib);
    let r = common::reading(&w.reading_list(), "Racial bias in pain").clone();
    assert_eq!(r["container"], "Proceedings of the National Academy of Sciences of the United States of America");
    assert!(w.import_reading("p.nbib", pnas).contains("0 changed"));
    assert!(w.import_reading("m.bib", bib).contains("0 changed"));
}

/// A merge with a real conflict on a reading takes what only theirs
/// changed at once, and the conflict names only the fields both sides
/// changed: `resolve --take ours` keeps their note and volume (tester r54
/// F1: they went with "kept our reading").
#[test]
fn a_merge_conflict_never_holds_what_only_theirs_changed() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={N Engl J Med}, year={2020}, \
         volume={383}, pages={874--882}, doi={10.1056/NEJMms2004740}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok(&[
        "reading",
        "edit",
        "10.1056/NEJMms2004740",
        "--title",
        "Hidden in plain sight: race correction",
        "--by",
        "xavi",
    ]);
    for args in [
        vec![
            "reading",
            "edit",
            "10.1056/NEJMms2004740",
            "--title",
            "Hidden in plain sight (special report)",
            "--by",
            "yuki",
        ],
        vec!["reading", "edit", "10.1056/NEJMms2004740", "--note", "Core reading for MED2003", "--by", "yuki"],
    ] {
        w.ok_at(&theirs, &args);
    }
    let said = w.ok_stderr(&["merge", theirs.to_str().unwrap(), "--by", "xavi"]);
    assert!(said.contains("1 conflicts") || said.contains("1 conflict"), "{said}");
    let list = w.json(&["resolve", "--format", "json"]);
    assert_eq!(list[0]["fields"], serde_json::json!(["title"]), "{list}");
    w.ok(&["resolve", "1", "--take", "ours", "--by", "xavi"]);
    let r = common::reading(&w.reading_list(), "Hidden").clone();
    assert_eq!(r["title"], "Hidden in plain sight: race correction");
    assert_eq!(r["annotation"], "Core reading for MED2003");
}

/// A journal's name set by hand keeps its stored abbreviation against a
/// list's, said as that, never as the abbreviation "set by hand" (tester
/// r54 F10: the person was named for a value they never touched).
#[test]
fn a_hand_set_journal_keeps_its_abbreviation_and_says_why() {
    let w = workdir();
    w.import_reading(
        "p.nbib",
        "PMID- 27044073\nDP  - 2016 Apr 19\nTI  - Racial bias in pain assessment.\nFAU - Hoffman, Kelly M\nAU  - Hoffman KM\n\
         VI  - 113\nIP  - 16\nPG  - 4296-301\nTA  - Proc Natl Acad Sci U S A\n\
         JT  - Proceedings of the National Academy of Sciences of the United States of America\n\
         AID - 10.1073/pnas.1516047113 [doi]\n",
    );
    w.ok(&[
        "reading",
        "edit",
        "10.1073/pnas.1516047113",
        "--container",
        "Proceedings of the National Academy of Sciences of the USA",
        "--by",
        "amina",
    ]);
    let err = w.import_reading(
        "z.csv",
        "title,authors,year,type,doi,journal,container_short\nRacial bias in pain assessment,\"Hoffman, Kelly M.\",2016,article,10.1073/pnas.1516047113,Proceedings of the National Academy of Sciences,PNAS Proc\n",
    );
    assert!(!err.contains("container_short is kept as stored: set by hand"), "{err}");
    assert_eq!(
        common::reading(&w.reading_list(), "Racial bias in pain")["container_short"],
        "Proc Natl Acad Sci U S A"
    );
}

/// A record refused for an error lists its warnings with the error, so the
/// fixed file meets none unseen (tester r54 F11: the ISBN the record would
/// lose was said only after the unknown theme was fixed).
#[test]
fn a_refused_record_lists_its_warnings_with_its_errors() {
    let w = workdir();
    let f = w.write(
        "b.ris",
        "TY  - JOUR\nTI  - Bad ISBN\nAU  - Roe, R.\nPY  - 2019\nSN  - 978-0-8021-4132-4\nKW  - theme:no-such-theme\nER  - \n",
    );
    let err = w.fails(&["import", "reading", f.to_str().unwrap()]);
    assert!(err.contains("b.ris:5:7: warning:") && err.contains("not stored (not a valid ISBN"), "{err}");
    assert!(err.contains("b.ris:6:7:") && err.contains("unknown theme"), "{err}");
}

/// A DOI stored in capitals throughout (Mendeley's) gives way to the
/// published lower-case form, in either order (tester r50 F1).
#[test]
fn a_doi_in_capitals_gives_way_to_its_lower_case_form_in_either_order() {
    let bib = "@article{a, author={Abimbola, Seye}, title={Decolonising global health}, journal={BMJ Global Health}, year={2021}, doi={10.1136/BMJGH-2021-005555}}\n";
    let csv = "title,authors,year,type,doi\nDecolonising global health,\"Abimbola, Seye\",2021,article,10.1136/bmjgh-2021-005555\n";
    for order in [[("m.bib", bib), ("z.csv", csv)], [("z.csv", csv), ("m.bib", bib)]] {
        let w = workdir();
        for (name, text) in order {
            w.import_reading(name, text);
        }
        assert_eq!(common::reading(&w.reading_list(), "Decolonising")["doi"], "10.1136/bmjgh-2021-005555");
    }
}

/// Cite Them Right's editors after "Edited by" are joined as its authors
/// are, without a serial comma (tester r53 F5).
#[test]
fn harvards_edited_by_list_has_no_serial_comma() {
    let w = workdir();
    w.import_reading(
        "u.json",
        r#"[{"id":"u","type":"book","title":"Unequal treatment","author":[{"literal":"Institute of Medicine"}],"editor":[{"family":"Smedley","given":"Brian D."},{"family":"Stith","given":"Adrienne Y."},{"family":"Nelson","given":"Alan R."}],"publisher":"National Academies Press","publisher-place":"Washington, DC","issued":{"date-parts":[[2003]]}}]"#,
    );
    let h = w.references("harvard");
    let text = common::reference(&h, "Unequal");
    assert!(text.contains("Stith and A.R. Nelson") || text.contains("Stith and A. R. Nelson"), "{text}");
    assert!(!text.contains(", and"), "{text}");
}

/// The undo of a `resolve --take theirs` gives the record back and opens
/// the conflict again, to be settled anew (tester r54 F8: it stayed
/// resolved, and could never be settled again).
#[test]
fn undoing_a_resolve_opens_its_conflict_again() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={N Engl J Med}, year={2020}, \
         volume={383}, doi={10.1056/NEJMms2004740}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok(&["reading", "edit", "10.1056/NEJMms2004740", "--title", "Ours: race correction", "--by", "xavi"]);
    w.ok_at(
        &theirs,
        &["reading", "edit", "10.1056/NEJMms2004740", "--title", "Theirs: special report", "--by", "yuki"],
    );
    w.ok_stderr(&["merge", theirs.to_str().unwrap(), "--by", "xavi"]);
    w.ok(&["resolve", "1", "--take", "theirs", "--by", "xavi"]);
    assert!(common::reading(&w.reading_list(), "Theirs").is_object());
    let last = w.json(&["log", "--format", "json"]).as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    let said = w.ok_stderr(&["undo", &last.to_string(), "--by", "xavi"]);
    assert!(said.contains("conflict #1 is open again"), "{said}");
    assert_eq!(common::reading(&w.reading_list(), "Ours")["title"], "Ours: race correction");
    assert_eq!(w.json(&["resolve", "--format", "json"]).as_array().map(Vec::len), Some(1));
    w.ok(&["resolve", "1", "--take", "ours", "--by", "xavi"]);
}

/// "Smith, John and Mary" in a spreadsheet's authors cell reads "Mary" as
/// an author of one name only by a guess: said at the cell (tester r53 F6:
/// unsaid).
#[test]
fn a_lone_given_name_after_and_is_said() {
    let w = workdir();
    let err = w.import_reading("sm.csv", "title,authors,year,type\nA work,\"Smith, John and Mary\",2019,book\n");
    assert!(err.contains("sm.csv:2:2: warning:") && err.contains("Smith, John and Mary"), "{err}");
}
