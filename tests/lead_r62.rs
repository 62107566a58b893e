//! Issue 12 (lead, r62), through the binary: findings left open by testers
//! r56, r58 and r60 (warnings that named the wrong cell or nothing at all,
//! an import's change number).

mod common;

use common::{Workdir, workdir};

/// A page range or issue a spreadsheet turned into a date is named at its
/// own cell (tester r58 F14: always column 1), in a CSV, a Zotero CSV and a
/// Scopus CSV alike.
#[test]
fn a_date_like_page_range_is_named_at_its_own_cell() {
    let w = workdir();
    let err = w.import_reading(
        "warn.csv",
        "Title,Authors,Year,Pages,Issue,Volume\nB,\"Smith, B\",2019,12-Jan,Sep-10,2024-01-03\n",
    );
    for (at, field) in [("warn.csv:2:4:", "pages \"12-Jan\""), ("warn.csv:2:5:", "issue \"Sep-10\"")] {
        let line = err.lines().find(|l| l.contains(field)).unwrap_or_else(|| panic!("{field} said: {err}"));
        assert!(line.contains(at), "{field} named at {at}: {line}");
    }
    let line = err.lines().find(|l| l.contains("volume \"2024-01-03\"")).expect("the volume said");
    assert!(line.contains("warn.csv:2:6:"), "{line}");
    // Zotero's own CSV: "Pages" is its 16th column here.
    let header = "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"ISBN\",\
                  \"ISSN\",\"DOI\",\"Url\",\"Abstract Note\",\"Date\",\"Date Added\",\"Date Modified\",\
                  \"Access Date\",\"Pages\",\"Num Pages\",\"Issue\",\"Volume\"";
    let row = "\"K1\",\"journalArticle\",\"2019\",\"Osei, Kofi\",\"Zotero row\",\"Thorax\",\"\",\"\",\"\",\"\",\"\",\
               \"2019\",\"\",\"\",\"\",\"3-Apr\",\"\",\"5\",\"12\"";
    let err = w.import_reading("zotero.csv", &format!("{header}\n{row}\n"));
    let line = err.lines().find(|l| l.contains("pages \"3-Apr\"")).unwrap_or_else(|| panic!("said: {err}"));
    assert!(line.contains("zotero.csv:2:16:"), "{line}");
}

/// Two institutions joined by "and", one of them named without an
/// institution's word ("Médecins Sans Frontières"), are kept whole with a
/// warning (tester r60 F7: silent); a foundation named after two people
/// ("Bill and Melinda Gates Foundation") stays whole without one. A person's
/// name with a patronymic word ("Ngũgĩ wa Thiong'o") kept whole is said, as
/// "Ibn Sina" is (tester r56 F9).
#[test]
fn names_kept_whole_by_a_guess_are_said() {
    let w = workdir();
    let err = w.import_reading(
        "inst.csv",
        "title,authors,year,type\n\
         Inst five,\"Médecins Sans Frontières and World Health Organization\",2019,report\n\
         Gates,\"Bill and Melinda Gates Foundation\",2019,report\n\
         Decolonising,\"Ngũgĩ wa Thiong'o\",1986,book\n\
         Mariam,\"Mariam bint Ahmad\",2001,book\n",
    );
    let said = |line: &str, name: &str| err.lines().any(|l| l.contains(line) && l.contains(name));
    assert!(
        said("inst.csv:2:2:", "\"Médecins Sans Frontières and World Health Organization\" was kept whole"),
        "{err}"
    );
    assert!(!err.contains("Melinda"), "one foundation, not said: {err}");
    assert!(said("inst.csv:4:2:", "\"Ngũgĩ wa Thiong'o\" was kept whole"), "{err}");
    // A lone name shaped as a person's, read "Given Family" since tester
    // r94 F5 (one rule for one name), said.
    assert!(said("inst.csv:5:2:", "\"Mariam bint Ahmad\" read as 1 name written \"Given Family\""), "{err}");
    let list = w.reading_list();
    let authors = &common::reading(&list, "Inst five")["authors"];
    assert_eq!(authors.as_array().map(Vec::len), Some(1), "{authors}");
}

/// A CSL-JSON day beside a season ([[2019, 13, 40]]) is not stored, and
/// said (tester r56 F10: dropped unsaid); the season is kept.
#[test]
fn a_day_beside_a_csl_season_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "c.json",
        r#"[{"id":"n","type":"article-journal","title":"Season day","issued":{"date-parts":[[2019,13,40]]}}]"#,
    );
    assert!(err.contains("the day 40 in issued [2019, 13, 40] not stored: a season"), "{err}");
    let list = w.reading_list();
    let r = common::reading(&list, "Season day");
    assert_eq!((r["year"].as_i64(), r["season"].as_str()), (Some(2019), Some("spring")), "{r}");
}

/// An import that wrote anything prints its change number, and `canon undo`
/// with it reverts the whole import (tester r58 F17: the number had to be
/// looked up in the log); a dry run and an import that changed nothing
/// print none.
#[test]
fn an_import_prints_the_change_number_that_undoes_it() {
    let w = workdir();
    let csv = "title,authors,year,pages\nFirst,\"Osei, Kofi\",2019,1-10\nSecond,\"Berg, Lena\",2020,\n";
    let dry = {
        let p = w.write("a.csv", csv);
        w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--dry-run"])
    };
    assert!(!dry.contains("change #"), "{dry}");
    w.import_reading("a.csv", csv);
    let err = w.import_reading("b.csv", "title,authors,year,pages\nFirst,\"Osei, Kofi\",2019,1-12\nThird,,2021,\n");
    let last = err.lines().last().unwrap_or_default();
    let n: String = last
        .split("(change #")
        .nth(1)
        .unwrap_or_else(|| panic!("no change number: {last}"))
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(last.contains(&format!("`canon undo {n}` reverts the import")), "{last}");
    let again = w.import_reading("b.csv", "title,authors,year,pages\nFirst,\"Osei, Kofi\",2019,1-12\nThird,,2021,\n");
    assert!(!again.contains("change #"), "nothing changed, no number: {again}");
    w.ok(&["undo", &n, "--by", "amina"]);
    let list = w.reading_list();
    let titles: Vec<&str> = list.as_array().unwrap().iter().filter_map(|r| r["title"].as_str()).collect();
    assert_eq!(titles.len(), 2, "the third reading went with the import: {titles:?}");
    assert_eq!(common::reading(&list, "First")["pages"], "1-10", "the pages are back");
}

/// RIS tag lines as other programs and hands write them: no space before
/// the hyphen (`TY- JOUR`), a tab (`TY\t- JOUR`), the value right after the
/// hyphen (`TY -JOUR`); each record reads (tester r62 F15: the first two
/// were lost unsaid, the import "1 new"). Text outside any record is said
/// at its line.
#[test]
fn ris_tag_lines_spaced_otherwise_are_read_and_stray_text_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "odd.ris",
        "TY- JOUR\nAU- Jones, K\nTI- No space before dash\nPY- 2002\nER- \n\n\
         TY\t- JOUR\nAU\t- Brown, L\nTI\t- Tab before dash\nPY\t- 2003\nER\t- \n\n\
         TY -JOUR\nAU -Osei, Kofi\nTI -Value after dash\nPY -2004\nER -\n\n\
         TY  - JOUR\nAU  - Good, G\nTI  - Good record\nPY  - 2005\nER  - \nstray words at the end\n",
    );
    assert!(err.contains("readings: 4 new"), "{err}");
    assert!(
        err.contains("odd.ris:24:1: warning: text outside any record not read: \"stray words at the end\""),
        "{err}"
    );
    let list = w.reading_list();
    for (title, family, year) in [
        ("No space before dash", "Jones", 2002),
        ("Tab before dash", "Brown", 2003),
        ("Value after dash", "Osei", 2004),
        ("Good record", "Good", 2005),
    ] {
        let r = common::reading(&list, title);
        assert_eq!(r["author_names"][0]["family"], family, "{r}");
        assert_eq!(r["year"].as_i64(), Some(year), "{r}");
    }
    // A wrapped abstract line that starts like a tag is still text.
    w.import_reading("wrap.ris", "TY  - JOUR\nPY  - 2006\nTI  - Wrapped title on\nUS- based cohorts\nER  - \n");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Wrapped")["title"], "Wrapped title on US- based cohorts");
}

/// BibTeX's braces keep their words' case: "{de novo}", "{von Willebrand}"
/// and a whole braced title are printed as written by a style that
/// title-cases (testers r55 F3, r59 F9: Chicago printed "De Novo" and
/// "The Case against Race-Based EGFR"); a braced capital word ("{African}")
/// is title-cased as any word (it is written so already).
#[test]
fn bibtex_braces_keep_the_case_in_chicago() {
    let w = workdir();
    w.import_reading(
        "br.bib",
        "@article{vw, author = {Osei, Ama}, title = {Bleeding risk in {von Willebrand} disease and {de novo} \
         variants across {African} populations}, journal = {Haemophilia}, year = {2021}}\n\
         @article{lc, author = {Osei, Kojo}, title = {{The case against race-based eGFR}}, \
         journal = {J Am Soc Nephrol}, year = {2021}}\n",
    );
    let refs = w.references("chicago");
    assert!(
        common::reference(&refs, "Bleeding risk")
            .contains("“Bleeding Risk in von Willebrand Disease and de novo Variants across African Populations.”"),
        "{refs:?}"
    );
    assert!(common::reference(&refs, "{The case").contains("“The case against race-based eGFR.”"), "{refs:?}");
    // Stored as CSL-JSON's rich text marks it, listed as BibTeX braces
    // (tester r73 F4: never the stored tags), and found by its words.
    let list = w.reading_list();
    let r = common::reading(&list, "Bleeding");
    assert!(r["title"].as_str().unwrap().contains("{de novo}"), "{r}");
    assert!(!r["title"].as_str().unwrap().contains("<span"), "{r}");
    let found = w.search_titles("de novo");
    assert_eq!(found.len(), 1, "{found:?}");
}

/// A re-imported export whose cell holds a value canon does not store (an
/// address that is none, an access date Excel rewrote day-first) keeps the
/// stored value (tester r63 F7: it was erased, the warning saying "not
/// stored"); an emptied cell still clears it.
#[test]
fn a_refused_value_in_a_reimported_export_keeps_the_stored_one() {
    let w = workdir();
    w.import_reading(
        "c1.csv",
        "title,authors,year,type,container,doi,url,accessed\n\
         Alpha,\"Osei, Jane\",2021,article,BMJ,10.1000/a.9,https://bmj.com/a9,2024-03-05\n",
    );
    let out = w.path("ce.csv");
    w.ok(&["export", "reading", "-f", "csv", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    let edited = csv.replace("https://bmj.com/a9", "see library catalogue").replace("2024-03-05", "05/03/2024");
    let p = w.write("ce2.csv", &edited);
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--by", "ana"]);
    assert!(err.contains("url \"see library catalogue\" is not a web address"), "{err}");
    let list = w.reading_list();
    let r = common::reading(&list, "Alpha");
    assert_eq!((r["url"].as_str(), r["accessed"].as_str()), (Some("https://bmj.com/a9"), Some("2024-03-05")), "{r}");
    // An emptied cell clears.
    let emptied = csv.replace("https://bmj.com/a9", "");
    let p = w.write("ce3.csv", &emptied);
    w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--by", "ana"]);
    let list = w.reading_list();
    assert!(common::reading(&list, "Alpha")["url"].is_null(), "the emptied url cell cleared it");
}

/// Organisations among the authors are set apart by semicolons in
/// Vancouver and AMA whatever the title (tester r62 F2: a title that
/// repeats an organisation's name, "Malaria" by the "Malaria Consortium",
/// or a letter of one, "W", lost every semicolon).
#[test]
fn organisations_keep_their_semicolons_when_the_title_repeats_a_name() {
    let w = workdir();
    w.import_reading(
        "org.csv",
        "title,authors,year,type,container\n\
         Malaria,\"Smith, John; Malaria Consortium; Ministry of Health, Ghana\",2019,report,\n\
         Health,\"Smith, John; World Health Organization; Department of Health and Social Care\",2019,article,J\n\
         W,\"Smith, John; World Health Organization; Department of Health and Social Care\",2019,article,J\n",
    );
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        assert!(
            common::reference(&refs, "Malaria").starts_with("Smith J; Malaria Consortium; Ministry of Health, Ghana."),
            "{style}: {refs:?}"
        );
        for title in ["Health", "W"] {
            assert!(
                common::reference(&refs, title)
                    .starts_with("Smith J; World Health Organization; Department of Health and Social Care."),
                "{style} {title}: {refs:?}"
            );
        }
    }
}

/// The rejects CSV is formula-safe as every CSV canon writes (tester r63
/// F13), and imported again once fixed, its cells read back as written; a
/// value of canon's own that starts with an apostrophe before a formula
/// character survives the export round trip (tester r63 F14).
#[test]
fn the_rejects_csv_is_formula_safe_and_reads_back() {
    let w = workdir();
    let p = w.write(
        "r.csv",
        "title,authors,year,type,container,notes\n\
         Good,\"Osei, J\",2021,article,BMJ,+note\n\
         Bad row,\"Osei, J\",20x1,article,BMJ,\"=HYPERLINK(\"\"x\"\")\"\n",
    );
    let rej = w.path("rej.csv");
    w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--skip-invalid", "--rejects", rej.to_str().unwrap()]);
    let text = std::fs::read_to_string(&rej).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    let fixed = text.replace("20x1", "2021");
    let p = w.write("fixed.csv", &fixed);
    w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Bad row")["annotation"], "=HYPERLINK(\"x\")");
    // A note of its own starting "'=" reads back whole from the export.
    let id = common::reading(&list, "Good")["id"].to_string().trim_matches('"').to_string();
    w.ok(&["reading", "edit", &id, "--note", "'=1+1 literally", "--by", "ana"]);
    let out = w.path("exp.csv");
    w.ok(&["export", "reading", "-f", "csv", "-o", out.to_str().unwrap()]);
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    other.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert_eq!(common::reading(&other.reading_list(), "Good")["annotation"], "'=1+1 literally");
}

/// canon's own JSON listing is named for what it is, with the exports that
/// do round-trip (tester r63 F4: read as CSL-JSON it gave "year "approved"
/// is not a year").
#[test]
fn canons_own_json_listing_is_named_not_read_as_csl_json() {
    let w = workdir();
    w.import_reading("a.csv", "title,authors,year,type\nAlpha,\"Osei, J\",2021,article\n");
    let out = w.path("list.json");
    std::fs::write(&out, w.ok(&["reading", "list", "--format", "json"])).unwrap();
    let err = w.fails(&["import", "reading", out.to_str().unwrap()]);
    assert!(err.contains("canon's own reading list in JSON") && err.contains("canon export reading -f csv"), "{err}");
    assert!(!err.contains("approved"), "{err}");
}

/// Another list's poorer record of a stored work does not make it poorer
/// (tester r63 F3): the site of the stored page alone, "web" for a report
/// stored with its publisher and series, "article" for a chapter stored
/// with its book and editors, an older access date, and a bare page number
/// for an article's e-locator are each kept as stored, and said; a
/// differing value that says as much still replaces.
#[test]
fn a_poorer_record_of_a_stored_work_does_not_replace_its_values() {
    let w = workdir();
    w.import_reading(
        "r1.csv",
        "title,authors,year,type,doi,url,publisher,place,series,container,pages,accessed,editors\n\
         World report on race and health,{World Health Organization},2019,report,10.1000/who.1,\
         https://www.who.int/publications/i/item/9789240012345,World Health Organization,Geneva,\
         WHO Technical Report Series,,,,\n\
         Alpha,\"Osei, Jane\",2021,article,10.1000/a.1,https://www.nejm.org/doi/full/10.1000/a.1,,,,NEJM,e1002,\
         2024-03-05,\n\
         A chapter on colonial medicine,\"Kim, J.\",2015,chapter,10.1000/c.3,,,,,Handbook of Medicine,45-60,,\
         \"Smith, Ann\"\n",
    );
    let err = w.import_reading(
        "r2.csv",
        "title,authors,year,type,doi,url,container,pages,accessed\n\
         World report on race and health,{World Health Organization},2019,web,10.1000/who.1,https://who.int,,,\n\
         Alpha,\"Osei, Jane\",2021,article,10.1000/a.1,https://doi.org/10.1000/a.1,NEJM,1,2023-01-01\n\
         A chapter on colonial medicine,\"Kim, J.\",2015,article,10.1000/c.3,,Handbook of Medicine,45-61,\n",
    );
    let list = w.reading_list();
    let who = common::reading(&list, "World report");
    assert_eq!(who["type"], "report", "{err}");
    assert_eq!(who["url"], "https://www.who.int/publications/i/item/9789240012345", "{err}");
    let alpha = common::reading(&list, "Alpha");
    assert_eq!((alpha["pages"].as_str(), alpha["accessed"].as_str()), (Some("e1002"), Some("2024-03-05")), "{err}");
    let chapter = common::reading(&list, "A chapter");
    assert_eq!(chapter["type"], "chapter", "{err}");
    // A differing range is another list's: the stored stays, said with the
    // edit that takes it (tester r63 F6; until then it replaced the stored).
    assert_eq!(chapter["pages"], "45-60", "{err}");
    assert!(err.contains("--pages \"45-61\"`"), "{err}");
    for said in [
        "url: kept \"https://www.who.int/publications/i/item/9789240012345\" (the file's \"https://who.int\" is its site alone)",
        "type: kept \"report\"",
        "type: kept \"chapter\"",
        "accessed: kept \"2024-03-05\" (the file's \"2023-01-01\" is an older access)",
        "pages: kept \"e1002\"",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
}

/// PubMed's Bookshelf chapters (StatPearls) keep their place of publication
/// from MEDLINE's `CY` (tester r62 F5: "[place unknown]"), and from PubMed's
/// CSV its "Citation" makes the row a chapter in the book, with place and
/// publisher (tester r62 F6: an article in the journal "StatPearls
/// [Internet]"); what of it is not stored is said.
#[test]
fn pubmed_bookshelf_chapters_keep_their_book_place_and_publisher() {
    let w = workdir();
    w.import_reading(
        "sp.nbib",
        "PMID- 29939585\nSTAT- Publisher\nPB  - StatPearls Publishing\nCY  - Treasure Island (FL)\n\
         DP  - 2025 Jan\nBTI - StatPearls\nTI  - Health Equity\nFED - Aboubakr, Sherif\nED  - Aboubakr S\n\
         FAU - Alhalel, Jose\nAU  - Alhalel J\nLA  - eng\nPT  - Book Chapter\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Health Equity");
    assert_eq!(
        (r["place"].as_str(), r["publisher"].as_str()),
        (Some("Treasure Island (FL)"), Some("StatPearls Publishing"))
    );
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    let err = other.import_reading(
        "pubmed.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
         29939585,Health Equity.,\"Alhalel J, Patterson L, Francone NO, Danner S.\",\"2023 Jul 24. In: StatPearls \
         [Internet]. Treasure Island (FL): StatPearls Publishing; 2025 Jan–.\",Alhalel J,StatPearls [Internet],2025,\
         2018/06/26,,,\n",
    );
    let list = other.reading_list();
    let r = common::reading(&list, "Health Equity");
    assert_eq!(r["type"], "chapter", "{r}");
    assert_eq!(r["container"], "StatPearls [Internet]", "{r}");
    assert_eq!(
        (r["place"].as_str(), r["publisher"].as_str()),
        (Some("Treasure Island (FL)"), Some("StatPearls Publishing"))
    );
    // The chapter's own date (before "In:"), the book's running date said.
    assert_eq!((r["year"].as_i64(), r["month"].as_i64()), (Some(2023), Some(7)), "{r}");
    assert!(err.contains("the book's date \"2025 Jan–\" not stored"), "{err}");
    let refs = other.references("vancouver");
    assert!(
        common::reference(&refs, "Health Equity")
            .contains("In: StatPearls [Internet]. Treasure Island (FL): StatPearls Publishing; 2023"),
        "{refs:?}"
    );
    // GeneReviews: the editors are the book's, the chapter's date its own
    // (tester r64 F5: the editors were stored as the book, the book as the
    // place, and the year was the series' first); an edited book's row is
    // the book, with its edition (tester r64 F6: refused, "2013. Chapter 4").
    let third = Workdir::new();
    third.ok(&["init", "-q"]);
    let err = third.import_reading(
        "pm.csv",
        "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI
         20301551,Sickle Cell Disease,\"Bender MA, Carlberg K.\",\"2003 Sep 15 [updated 2022 Jan 27]. In: Adam MP, \
         Feldman J, Mirzaa GM, Pagon RA, Wallace SE, Amemiya A, editors. GeneReviews® [Internet]. Seattle (WA): \
         University of Washington, Seattle; 1993–2025.\",Bender MA,GeneReviews® [Internet],1993,2010/03/09,,,\n\
         25000003,Health equity: a textbook,\"Farmer P, Kim JY, editors.\",\"In: Farmer P, Kim JY, editors. Health \
         equity: a textbook. 2nd ed. Boston (MA): Partners In Health; 2013. Chapter 4.\",Farmer P,,2013,2015/01/01,,,\n",
    );
    let list = third.reading_list();
    let g = common::reading(&list, "Sickle");
    assert_eq!(g["type"], "chapter", "{g}");
    assert_eq!(g["container"], "GeneReviews® [Internet]", "{g}");
    assert_eq!((g["place"].as_str(), g["year"].as_i64()), (Some("Seattle (WA)"), Some(2003)), "{g}");
    assert_eq!(g["editor_names"].as_array().map(Vec::len), Some(6), "{g}");
    assert!(err.contains("updated \"2022 Jan 27\" not stored"), "{err}");
    let b = common::reading(&list, "Health equity");
    assert_eq!(
        (b["type"].as_str(), b["edition"].as_str(), b["year"].as_i64()),
        (Some("book"), Some("2nd ed."), Some(2013)),
        "{b}"
    );
    assert!(err.contains("\"Chapter 4\" not stored"), "{err}");
}

/// A `.csl` file that demotes a name's particle
/// (`demote-non-dropping-particle="display-and-sort"`) prints "Berg, P. van
/// der" (CSL 1.0.2, "Name-part Order") and sorts it under B (testers r62
/// F14, r57 F7: the option was ignored), as one without the option does
/// (CSL's default); with "never", and in the bundled styles, the particle
/// stays before the family name.
#[test]
fn a_csl_file_that_demotes_particles_is_followed() {
    let w = workdir();
    w.import_reading(
        "n.bib",
        "@article{a, author = {Pieter van der Berg}, title = {Colonial legacies}, journal = {J}, year = {2020}}\n\
         @article{b, author = {Okoro, Chidi}, title = {Clinic histories}, journal = {J}, year = {2020}}\n",
    );
    let csl =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/my-journal.csl"))
            .unwrap()
            .replace(
                "default-locale=\"en-GB\">",
                "default-locale=\"en-GB\" demote-non-dropping-particle=\"display-and-sort\">",
            )
            .replace("sort-separator=\" \" initialize-with=\"\"", "sort-separator=\", \" initialize-with=\". \"");
    let demote = w.write("demote.csl", &csl);
    let refs = w.references(demote.to_str().unwrap());
    assert!(common::reference(&refs, "Colonial").starts_with("Berg, P. van der."), "{refs:?}");
    // CSL's default is "display-and-sort": the option absent demotes too;
    // "never" keeps the particle before the family name.
    let absent = w.write("absent.csl", csl.replace(" demote-non-dropping-particle=\"display-and-sort\"", ""));
    let refs = w.references(absent.to_str().unwrap());
    assert!(common::reference(&refs, "Colonial").starts_with("Berg, P. van der."), "{refs:?}");
    let keep = w.write(
        "keep.csl",
        csl.replace("demote-non-dropping-particle=\"display-and-sort\"", "demote-non-dropping-particle=\"never\""),
    );
    let refs = w.references(keep.to_str().unwrap());
    assert!(common::reference(&refs, "Colonial").starts_with("van der Berg, P."), "{refs:?}");
    let refs = w.references("chicago");
    assert!(common::reference(&refs, "Colonial").starts_with("van der Berg, Pieter."), "{refs:?}");
}

/// A person's name kept whole with its joining word ("Ngũgĩ wa Thiong'o")
/// is no organisation in Vancouver and AMA (no semicolons around it), and
/// Scopus's one-part names are said as guesses as in every format (tester
/// r62 F1).
#[test]
fn a_name_joined_by_wa_is_a_person_in_vancouver() {
    let w = workdir();
    let header = "Authors,Author full names,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,Page start,\
                  Page end,Page count,Cited by,DOI,Link,Abstract,Author Keywords,Index Keywords,Editors,Publisher,ISSN,\
                  ISBN,CODEN,PubMed ID,Language of Original Document,Abbreviated Source Title,Document Type,\
                  Publication Stage,Open Access,Source,EID";
    let row = "\"Al-Rāzī M., Ibn Sīnā, Ngũgĩ wa Thiong'o\",\"Al-Rāzī, Muḥammad (1); Ibn Sīnā (2); Ngũgĩ wa Thiong'o (3)\",\
               \"1;2;3\",\"Odd names in Scopus\",2022,\"Med Hist\",66,1,,1,20,,0,,,,,,,Cambridge University Press,,,,,\
               English,\"Med. Hist.\",Review,Final,,Scopus,2-s2.0-2";
    let err = w.import_reading("scopus.csv", &format!("{header}\n{row}\n"));
    assert!(err.contains("Author full names \"Ngũgĩ wa Thiong'o\" was kept whole as written"), "{err}");
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        assert!(
            common::reference(&refs, "Odd names").starts_with("Al-Rāzī M, Ibn Sīnā, Ngũgĩ wa Thiong'o."),
            "{refs:?}"
        );
    }
}

/// A workbook's year cell that is a date formatted to show the year alone
/// is that year, with no month or day the sheet never showed (tester r64
/// F7: "2019 Jan 1" in Vancouver); an ISBN a spreadsheet kept as a number
/// shown in scientific notation, its last digits zeros, is refused naming
/// that (tester r64 F8: "check digit").
#[test]
fn a_workbook_year_shown_alone_is_the_year() {
    let w = workdir();
    let f = w.path("r.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["title", "authors", "year", "type", "container", "isbn"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let year = rust_xlsxwriter::Format::new().set_num_format("yyyy");
    let month = rust_xlsxwriter::Format::new().set_num_format("mmm yyyy");
    ws.write_string(1, 0, "Year as date").unwrap();
    ws.write_string(1, 1, "Osei, Kofi").unwrap();
    ws.write_number_with_format(1, 2, 43466.0, &year).unwrap();
    ws.write_string(1, 3, "article").unwrap();
    ws.write_string(1, 4, "BMJ").unwrap();
    ws.write_string(2, 0, "Month as date").unwrap();
    ws.write_string(2, 1, "Osei, Ama").unwrap();
    ws.write_number_with_format(2, 2, 43525.0, &month).unwrap();
    ws.write_string(2, 3, "article").unwrap();
    ws.write_string(2, 4, "BMJ").unwrap();
    wb.save(&f).unwrap();
    w.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
    let list = w.reading_list();
    let r = common::reading(&list, "Year as date");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2019), None, None), "{r}");
    let m = common::reading(&list, "Month as date");
    assert_eq!((m["year"].as_i64(), m["month"].as_i64(), m["day"].as_i64()), (Some(2019), Some(3), None), "{m}");
    // The ISBN.
    let g = w.path("i.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["title", "authors", "year", "type", "isbn"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "A book").unwrap();
    ws.write_string(1, 1, "Osei, Kofi").unwrap();
    ws.write_number(1, 2, 2019.0).unwrap();
    ws.write_string(1, 3, "book").unwrap();
    ws.write_number(1, 4, 9_780_520_000_000.0).unwrap();
    wb.save(&g).unwrap();
    let err = w.fails(&["import", "reading", g.to_str().unwrap()]);
    assert!(err.contains("it ends in zeros, as a number a spreadsheet showed in scientific notation"), "{err}");
}
