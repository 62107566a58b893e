//! Tester58's Talis Aspire and Leganto CSV findings (lead, r55), through
//! the binary: a web address without its scheme is kept and said (F1), a
//! start and an end page are one range when "Pages" is empty (F5), a
//! Leganto chapter's row is the chapter in its book (F6), and "PMID" is
//! read (F10).

mod common;

use common::workdir;

/// Tester58's Leganto header (t/leganto.csv).
const LEGANTO: &str = "Reading List Code,Reading List Name,Section Name,Citation Id,Citation Type,Citation Status,\
    Title,Author,Journal Title,Chapter Title,Chapter Author,Editor,Publication Date,Edition,Publisher,\
    Place of Publication,Volume,Issue,Pages,Start Page,End Page,ISBN,ISSN,DOI,PMID,Source,Public Note,Tags\n";

/// Tester58's Talis Aspire header (t/talis.csv).
const TALIS: &str = "Item Link,Type,Title,Part Of,Authors,Edition,Publisher,Place of Publication,\
    Date of Publication,Online Resource Web Address,DOI,ISBN10,ISBN13,ISSN,Volume,Issue,Start Page,End Page,\
    Section,Importance,Student Note,Library Note,Tags\r\n";

/// The tester's Leganto article (t/leganto.csv row 3).
const OXIMETRY: &str = "MED2002-2025,Respiratory medicine,Week 2,1234567890002,Article,Complete,\
    Racial bias in pulse oximetry measurement,\
    \"Sjoding, Michael W.; Dickson, Robert P.; Iwashyna, Theodore J.; Gay, Steven E.; Valley, Thomas S.\",\
    The New England journal of medicine,,,,2020-12-17,,,,383,25,,2477,2478,,0028-4793,10.1056/NEJMc2029240,\
    33326721,https://www.nejm.org/doi/full/10.1056/NEJMc2029240,,Recommended\n";

/// The tester's Leganto chapter (t/leganto.csv row 2).
const CHAPTER: &str = "MED2002-2025,Respiratory medicine,Week 1,1234567890001,Book Chapter,Complete,\
    Reimagining global health: an introduction,,,Introduction: a biosocial approach to global health,\
    \"Farmer, Paul; Kim, Jim Yong\",\"Farmer, Paul; Kim, Jim Yong; Kleinman, Arthur; Basilico, Matthew\",2013,\
    1st ed.,University of California Press,\"Berkeley, Calif.\",,,1-14,,,9780520271975,,,,,Chapter 1 only,Essential\n";

/// F1: a Talis "Online Resource Web Address" without "https://" is stored
/// with it and said at its cell, as a canonical CSV's is (it was dropped
/// with no word); a Leganto "Source" the same, and text there that is no
/// address is said, not dropped silently.
#[test]
fn a_talis_web_address_without_its_scheme_is_kept_and_said() {
    let w = workdir();
    let err = w.import_reading(
        "talis.csv",
        &format!(
            "{TALIS}https://rl.talis.com/3/ucl/items/JKL.html,Webpage,Decolonising the medical curriculum,,,,\
             British Medical Association,,,www.bma.org.uk/decolonising,,,,,,,,,Week 3,Further reading,,,\r\n"
        ),
    );
    assert!(
        err.contains(
            "talis.csv:2:10: warning: url \"www.bma.org.uk/decolonising\" has no scheme; \
             stored as \"https://www.bma.org.uk/decolonising\""
        ),
        "{err}"
    );
    assert_eq!(common::reading(&w.reading_list(), "Decolonising")["url"], "https://www.bma.org.uk/decolonising");

    let err = w.import_reading(
        "leganto.csv",
        &format!(
            "{LEGANTO}L,N,Week 4,1,Website,Complete,Tuberculosis: NICE guideline NG33,,,,,,2016,,,,,,,,,,,,,\
             nice.org.uk/guidance/ng33,,\n\
             L,N,Week 4,2,Website,Complete,Migrant health guide,,,,,,2021,,,,,,,,,,,,,Library catalogue,,\n"
        ),
    );
    assert!(
        err.contains(
            "leganto.csv:2:26: warning: url \"nice.org.uk/guidance/ng33\" has no scheme; \
             stored as \"https://nice.org.uk/guidance/ng33\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "leganto.csv:3:26: warning: url \"Library catalogue\" is not a web address; \
             expected one such as https://example.org/page; not stored"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Tuberculosis")["url"], "https://nice.org.uk/guidance/ng33");
    assert_eq!(common::reading(&list, "Migrant health")["url"], serde_json::Value::Null);
}

/// F5: with "Pages" empty, "Start Page" and "End Page" are one range (the
/// end page alone, "2478", was stored and cited); a start page alone is the
/// page, an end page alone is stored and said, and a start and end that
/// disagree with "Pages" are said.
#[test]
fn start_and_end_pages_are_one_range_when_pages_is_empty() {
    let w = workdir();
    let err = w.import_reading("leganto.csv", &format!("{LEGANTO}{OXIMETRY}"));
    assert!(err.contains("\"Start Page\" → pages (also), \"End Page\" → pages (also)"), "{err}");
    assert!(!err.contains("\"Start Page\" is not read"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Racial bias")["pages"], "2477-2478");
    assert_eq!(
        common::reference(&w.references("vancouver"), "Racial bias"),
        "Sjoding MW, Dickson RP, Iwashyna TJ, Gay SE, Valley TS. Racial bias in pulse oximetry measurement. \
         The New England journal of medicine. 2020 Dec 17;383(25):2477-8. doi:10.1056/NEJMc2029240. \
         PubMed PMID: 33326721."
    );

    let err = w.import_reading(
        "pages.csv",
        &format!(
            "{LEGANTO}L,N,W,1,Article,Complete,Start alone,\"Ode, Ama\",J Glob Health,,,,2019,,,,9,1,,45,,,,,,,,\n\
             L,N,W,2,Article,Complete,End alone,\"Ode, Ama\",J Glob Health,,,,2019,,,,9,2,,,88,,,,,,,\n\
             L,N,W,3,Article,Complete,Pages and others,\"Ode, Ama\",J Glob Health,,,,2019,,,,9,3,201-209,201,210,\
             ,,,,,,\n"
        ),
    );
    assert!(
        err.contains(
            "pages.csv:3:21: warning: last page \"88\" (column \"End Page\") with no first page: \
             stored as the pages; check it"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "pages.csv:4:21: warning: last page \"210\" (column \"End Page\") not stored: \
             the row's pages are \"201-209\""
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Start alone")["pages"], "45");
    assert_eq!(common::reading(&list, "End alone")["pages"], "88");
    assert_eq!(common::reading(&list, "Pages and others")["pages"], "201-209");
}

/// F6: a Leganto "Book Chapter" row is the chapter ("Chapter Title"), by
/// its authors ("Chapter Author"), in the book ("Title"), with the book's
/// editors (it was stored under the book's title, by nobody).
#[test]
fn a_leganto_chapter_is_the_chapter_in_its_book() {
    let w = workdir();
    let err = w.import_reading("leganto.csv", &format!("{LEGANTO}{CHAPTER}"));
    assert!(
        err.contains("\"Chapter Title\" → title (a chapter's), \"Chapter Author\" → authors (a chapter's)"),
        "{err}"
    );
    assert!(!err.contains("\"Chapter Title\" is not read") && !err.contains("\"Chapter Author\" is not read"), "{err}");
    let list = w.reading_list();
    let r = common::reading(&list, "Introduction: a biosocial");
    assert_eq!(r["title"], "Introduction: a biosocial approach to global health");
    assert_eq!(r["container"], "Reimagining global health: an introduction");
    assert_eq!(r["type"], "chapter");
    assert_eq!(r["authors"], serde_json::json!(["Farmer, Paul", "Kim, Jim Yong"]));
    assert_eq!(r["editor_names"].as_array().map(Vec::len), Some(4));
    assert_eq!(r["pages"], "1-14");
    assert_eq!(
        common::reference(&w.references("vancouver"), "Introduction: a biosocial"),
        "Farmer P, Kim JY. Introduction: a biosocial approach to global health. In: Farmer P, Kim JY, Kleinman A, \
         Basilico M, editors. Reimagining global health: an introduction. Berkeley, Calif.: University of \
         California Press; 2013. p. 1-14."
    );
}

/// F6, further: a chapter of a monograph (no "Chapter Author") is by the
/// book's author; a chapter row's "Author" that is neither its chapter's
/// authors nor its editors is said, not dropped; and chapter columns on a
/// row that is not a chapter's are said, the row keeping its own title.
#[test]
fn chapter_columns_elsewhere_are_said() {
    let w = workdir();
    let err = w.import_reading(
        "chapters.csv",
        &format!(
            "{LEGANTO}L,N,W,1,Book Chapter,Complete,The wretched of the earth,\"Fanon, Frantz\",,On violence,,,1963,,\
             Grove Press,New York,,,1-62,,,,,,,,,\n\
             L,N,W,2,Book Chapter,Complete,Social medicine reader,\"Oppenheimer, Gerald\",,Race and health,\
             \"Byrd, W. Michael\",,2019,,Duke University Press,Durham,,,1-20,,,,,,,,,\n\
             L,N,W,3,Book,Complete,Black skin white masks,\"Fanon, Frantz\",,The fact of blackness,\
             \"Fanon, Frantz\",,1952,,Pluto Press,London,,,,,,,,,,,,\n"
        ),
    );
    assert!(
        err.contains(
            "chapters.csv:3:8: warning: authors \"Oppenheimer, Gerald\" (column \"Author\") not stored: on a \
             chapter's row they are the book's authors, which canon has no field for; the chapter's authors are \
             read from column \"Chapter Author\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "chapters.csv:4:10: warning: chapter title \"The fact of blackness\" (column \"Chapter Title\") not \
             stored: the row is a \"Book\", not a chapter; expected an empty cell, or a chapter type such as \
             \"Book Chapter\""
        ),
        "{err}"
    );
    assert!(err.contains("chapters.csv:4:11: warning: chapter authors \"Fanon, Frantz\""), "{err}");
    let list = w.reading_list();
    let violence = common::reading(&list, "On violence");
    assert_eq!(violence["container"], "The wretched of the earth");
    assert_eq!(violence["authors"], serde_json::json!(["Fanon, Frantz"]));
    let race = common::reading(&list, "Race and health");
    assert_eq!(
        (race["container"].as_str(), race["authors"][0].as_str()),
        (Some("Social medicine reader"), Some("Byrd, W. Michael"))
    );
    let book = common::reading(&list, "Black skin");
    assert_eq!((book["type"].as_str(), book["container"].as_str()), (Some("book"), None));
}

/// F10: "PMID" is read into the PubMed ID in a Leganto export (it was "not
/// read: no field has that name"), and "PubMed ID" in a Talis one.
#[test]
fn a_pmid_column_is_read() {
    let w = workdir();
    let err = w.import_reading("leganto.csv", &format!("{LEGANTO}{OXIMETRY}"));
    assert!(err.contains("\"PMID\" → pmid") && !err.contains("\"PMID\" is not read"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Racial bias")["pmid"], "33326721");

    let err = w.import_reading(
        "talis.csv",
        "Item Link,Type,Title,Authors,Date,PubMed ID\n\
         https://rl.talis.com/items/1,Article,Race correction in eGFR,\"Eneanya, Nwamaka D.\",2019,31821481\n",
    );
    assert!(err.contains("\"PubMed ID\" → pmid"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Race correction")["pmid"], "31821481");
}
