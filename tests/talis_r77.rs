//! Tester r77: library-system exports (Talis Aspire's "Part Title" and
//! "Secondary Authors", Leganto's loader columns, ISBN-10 beside ISBN-13:
//! F13, F14) and one article in two scripts (F19).

mod common;

use common::{Workdir, reading, reference};

/// The tester's Talis Aspire export: a book, a chapter of an edited book
/// and an article.
const TALIS: &str = "\"Item Link\",\"Type\",\"Title\",\"Part Title\",\"Authors\",\"Secondary Authors\",\"Edition\",\"Volume\",\"Issue\",\"Start Page\",\"End Page\",\"Date\",\"Publisher\",\"Place of Publication\",\"Journal Title\",\"ISBN10\",\"ISBN13\",\"ISSN\",\"DOI\",\"Web Address\",\"Importance\",\"Student Note\",\"Section\",\"Section Description\"
\"http://lists.example.ac.uk/items/1\",\"Book\",\"Medical apartheid\",\"\",\"Washington, Harriet A.\",\"\",\"1st ed.\",\"\",\"\",\"\",\"\",\"2006\",\"Doubleday\",\"New York\",\"\",\"0385509936\",\"9780385509939\",\"\",\"\",\"\",\"Essential\",\"Read chapter 1\",\"Week 1: History\",\"Colonial legacies\"
\"http://lists.example.ac.uk/items/2\",\"Chapter\",\"Reimagining global health\",\"Rethinking health and human rights\",\"Farmer, Paul\",\"Kim, Jim Yong; Basilico, Matthew\",\"\",\"\",\"\",\"244\",\"270\",\"2013\",\"University of California Press\",\"Berkeley\",\"\",\"\",\"9780520271975\",\"\",\"\",\"\",\"Recommended\",\"\",\"Week 2\",\"\"
\"http://lists.example.ac.uk/items/3\",\"Article\",\"Hidden in plain sight\",\"\",\"Vyas, Darshali A.; Eisenstein, Leo G.; Jones, David S.\",\"\",\"\",\"383\",\"9\",\"874\",\"882\",\"27/08/2020\",\"\",\"\",\"New England Journal of Medicine\",\"\",\"\",\"0028-4793\",\"https://doi.org/10.1056/NEJMms2004740\",\"\",\"Essential\",\"\",\"Week 3\",\"\"
";

fn import_talis(w: &Workdir, name: &str, text: &str) -> String {
    let p = w.write(name, text);
    w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--format", "talis-csv"])
}

fn names(r: &serde_json::Value, field: &str) -> Vec<String> {
    r[field]
        .as_array()
        .map_or_else(Vec::new, |a| a.iter().map(|n| n["original"].as_str().unwrap().to_string()).collect())
}

/// F13: a Talis Aspire chapter's "Part Title" is the chapter, its "Title"
/// the book (the container) and its "Secondary Authors" the book's
/// editors; the reference cites the chapter in its book.
#[test]
fn talis_part_title_is_the_chapter_and_title_its_book() {
    let w = Workdir::new();
    let said = import_talis(&w, "talis.csv", TALIS);
    assert!(said.contains("\"Part Title\" → title (a chapter's)"), "{said}");
    assert!(said.contains("\"Secondary Authors\" → editors"), "{said}");
    assert!(!said.contains("column 4 \"Part Title\" is not read"), "{said}");
    assert!(said.contains("3 new"), "{said}");
    let list = w.reading_list();
    let ch = reading(&list, "Rethinking health and human rights");
    assert_eq!(ch["type"], "chapter");
    assert_eq!(ch["container"], "Reimagining global health");
    assert_eq!(names(ch, "author_names"), ["Farmer, Paul"]);
    assert_eq!(names(ch, "editor_names"), ["Kim, Jim Yong", "Basilico, Matthew"]);
    assert_eq!((ch["pages"].as_str(), ch["isbn"].as_str()), (Some("244-270"), Some("9780520271975")));
    // The book and the article keep their own titles.
    assert_eq!(reading(&list, "Medical apartheid")["container"], serde_json::Value::Null);
    assert_eq!(reading(&list, "Hidden in plain sight")["container"], "New England Journal of Medicine");
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Rethinking health"),
        "Farmer P. Rethinking health and human rights. In: Kim JY, Basilico M, editors. Reimagining global health. \
         Berkeley: University of California Press; 2013. p. 244-70."
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Rethinking health").contains("In J. Y. Kim & M. Basilico (Eds.), Reimagining global health"),
        "{apa:?}"
    );
    // The list's own columns are named as not read, with what they hold.
    assert!(said.contains("column 24 \"Section Description\" is not read: the list's description"), "{said}");
}

/// F13, more of the kind: "Part Title" on a row that is not a chapter is
/// said, not stored; a chapter's "Secondary Title" other than its book is
/// said; a book's "Secondary Authors" are its editors; "Part Author" is the
/// chapter's author beside the book's in "Authors".
#[test]
fn talis_part_columns_on_other_rows_and_part_authors() {
    let w = Workdir::new();
    let said = import_talis(
        &w,
        "parts.csv",
        "Type,Title,Part Title,Part Author,Authors,Secondary Authors,Secondary Title,Date\n\
         Book,Decolonizing methodologies,Introduction,,\"Smith, Linda Tuhiwai\",,,2012\n\
         Book Chapter,The book of parts,A chapter,\"Ba, Amadou\",\"Book, Author\",\"Ed, Ita\",Another book,2015\n\
         Edited Book,Medicine and empire,,,,\"Harrison, Mark; Pati, Biswamoy\",,2001\n",
    );
    let list = w.reading_list();
    let book = reading(&list, "Decolonizing methodologies");
    assert_eq!(book["type"], "book");
    assert!(
        said.contains("parts.csv:2:3: warning: chapter title \"Introduction\" (column \"Part Title\") not stored"),
        "{said}"
    );
    let ch = reading(&list, "A chapter");
    assert_eq!((ch["type"].as_str(), ch["container"].as_str()), (Some("chapter"), Some("The book of parts")));
    assert_eq!(names(ch, "author_names"), ["Ba, Amadou"]);
    assert_eq!(names(ch, "editor_names"), ["Ed, Ita"]);
    assert!(said.contains("container \"Another book\" (column \"Secondary Title\") not stored"), "{said}");
    assert!(said.contains("authors \"Book, Author\" (column \"Authors\") not stored"), "{said}");
    let ed = reading(&list, "Medicine and empire");
    assert_eq!(names(ed, "editor_names"), ["Harrison, Mark", "Pati, Biswamoy"]);
}

/// F13: Leganto's Reading List Loader names its columns "citation_…": a
/// chapter's row is read as Leganto's own export is.
#[test]
fn leganto_loader_columns_are_read() {
    let w = Workdir::new();
    let said = import_talis(
        &w,
        "leganto.csv",
        "section_name,citation_secondary_type,citation_title,citation_chapter_title,citation_chapter_author,\
         citation_author,citation_editor,citation_publication_date,citation_publisher,citation_place_of_publication,\
         citation_start_page,citation_end_page,citation_isbn,citation_source,citation_public_note,citation_issn\n\
         Week 1,CHAPTER,The Routledge handbook of postcolonial health,Colonial medicine,\"Arnold, David\",,\
         \"Smith, Jo\",2019,Routledge,London,12,30,9781138000001,https://example.org/ch,Read first,\n\
         Week 2,ARTICLE,Decolonising global health,,,\"Abimbola, Seye\",,2020,,,5,9,,,,1234-5678\n",
    );
    assert!(!said.contains("citation_chapter_title\" is not read"), "{said}");
    let list = w.reading_list();
    let ch = reading(&list, "Colonial medicine");
    assert_eq!(ch["container"], "The Routledge handbook of postcolonial health");
    assert_eq!(names(ch, "author_names"), ["Arnold, David"]);
    assert_eq!(names(ch, "editor_names"), ["Smith, Jo"]);
    assert_eq!(
        (ch["pages"].as_str(), ch["publisher"].as_str(), ch["place"].as_str()),
        (Some("12-30"), Some("Routledge"), Some("London"))
    );
    assert_eq!((ch["url"].as_str(), ch["annotation"].as_str()), (Some("https://example.org/ch"), Some("Read first")));
    let a = reading(&list, "Decolonising global health");
    assert_eq!(
        (a["type"].as_str(), a["year"].as_i64(), a["pages"].as_str()),
        (Some("article"), Some(2020), Some("5-9"))
    );
    assert!(said.contains("\"citation_issn\" is not read: the journal's ISSN"), "{said}");
}

/// F14: with both ISBN columns, the ISBN-13 is stored; an ISBN-13 with a
/// wrong check digit (the tester's 9780385509939: the ISBN-13 of
/// 0385509936 is 9780385509930) gives way to the ISBN-10, and is said
/// with its line and column; another book's ISBN in the other column is
/// said; a bad one alone is said too (before, each was dropped unsaid).
#[test]
fn isbn_13_before_isbn_10_and_what_is_not_stored_is_said() {
    let w = Workdir::new();
    let said = import_talis(
        &w,
        "isbn.csv",
        "Type,Title,ISBN10,ISBN13\n\
         Book,Both valid,0385509936,9780385509930\n\
         Book,Bad thirteen,0520209958,9780520209951\n\
         Book,Two books,0415047722,9780520271975\n\
         Book,Bad alone,,9780226000009\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Both valid")["isbn"], "9780385509930");
    assert_eq!(reading(&list, "Bad thirteen")["isbn"], "0520209958");
    assert_eq!(reading(&list, "Two books")["isbn"], "9780520271975");
    assert_eq!(reading(&list, "Bad alone")["isbn"], serde_json::Value::Null);
    assert!(
        said.contains(
            "isbn.csv:3:4: warning: column \"ISBN13\": \"9780520209951\" is not a valid ISBN (its check digit is \
             wrong: the ISBN-13 of 0520209958 is 9780520209954), so not stored; the ISBN 0520209958 (column \
             \"ISBN10\") is stored"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "isbn.csv:4:3: warning: column \"ISBN10\": ISBN 0415047722 is another book's than the ISBN 9780520271975"
        ),
        "{said}"
    );
    assert!(said.contains("isbn.csv:5:4: warning:") && said.contains("\"9780226000009\" not stored"), "{said}");
    assert!(!said.contains("isbn.csv:2:"), "the same book's two ISBNs need no word: {said}");
    // The tester's file: its ISBN-13 has a wrong check digit.
    let t = Workdir::new();
    let said = import_talis(&t, "talis.csv", TALIS);
    assert!(
        said.contains("talis.csv:2:17: warning: column \"ISBN13\": \"9780385509939\" is not a valid ISBN"),
        "{said}"
    );
    assert_eq!(reading(&t.reading_list(), "Medical apartheid")["isbn"], "0385509936");
}

/// The tester's stored record: an Arabic article from its own journal.
const ARABIC: &str = r#"[{"id":"a1","type":"article-journal","title":"العنصرية في التعليم الطبي","container-title":"المجلة الطبية العربية","author":[{"family":"الخطيب","given":"محمد"},{"family":"حداد","given":"ليلى"}],"issued":{"date-parts":[[2019,4,2]]},"volume":"12","issue":"3","page":"45-60","DOI":"10.5555/arab.2019.12","language":"ar"},
{"id":"a6","type":"article-journal","title":"Колониальная медицина в Российской империи","container-title":"Вестник истории медицины","author":[{"family":"Иванова","given":"Анна"}],"issued":{"date-parts":[[2015,3]]},"volume":"7","page":"88–97","DOI":"10.5555/ru.2015.7"}]"#;

/// The same articles as Scopus gives them: English titles, romanised names.
const ROMANISED: &str = "TY  - JOUR\nAU  - Al-Khatib, Mohammed\nAU  - Haddad, Layla\nTI  - Racism in medical education\n\
T2  - Arab Medical Journal\nPY  - 2019\nVL  - 12\nIS  - 3\nSP  - 45\nEP  - 60\nDO  - 10.5555/ARAB.2019.12\nER  - \n\n\
TY  - JOUR\nAU  - Ivanova, Anna\nTI  - Colonial medicine in the Russian Empire\nT2  - Vestnik istorii meditsiny\n\
PY  - 2015\nVL  - 7\nSP  - 88\nEP  - 97\nDO  - 10.5555/ru.2015.7\nER  - \n";

/// F19: one DOI, year, volume, issue and pages, the title in another
/// script: the same work, and nothing is refused; the same file again
/// changes nothing. Since tester r78 F6 the record is the one the other
/// order gives: the file's English title is the title, the stored title
/// in the work's own script its original, the journal and names as the
/// work's own script writes them (it was the stored title alone, the
/// English one only said).
#[test]
fn the_same_article_in_another_script_is_one_work() {
    let w = Workdir::new();
    w.import_reading("scripts.json", ARABIC);
    let said = w.import_reading("romanised.ris", ROMANISED);
    assert!(said.contains("0 new,") && said.contains("0 rejected"), "{said}");
    assert!(!said.contains("is it mistyped"), "{said}");
    let list = w.reading_list();
    let ar = reading(&list, "Racism in medical education");
    assert_eq!(ar["original_title"], "العنصرية في التعليم الطبي");
    assert_eq!(ar["container"], "المجلة الطبية العربية");
    assert_eq!(names(ar, "author_names")[0], "الخطيب, محمد");
    let id = ar["id"].as_i64().unwrap();
    assert!(
        said.contains(&format!(
            "romanised.ris:1: entry R{id} (same DOI, year, volume and pages) is this work under its title \
             \"العنصرية في التعليم الطبي\" in its own script; the file's \"Racism in medical education\", its title \
             as an English-language index gives it, is stored as the title"
        )),
        "{said}"
    );
    assert!(said.contains("container: kept \"المجلة الطبية العربية\""), "{said}");
    let ru = reading(&list, "Colonial medicine in the Russian Empire");
    assert_eq!(ru["original_title"], "Колониальная медицина в Российской империи");
    assert_eq!(ru["container"], "Вестник истории медицины");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    let again = w.import_reading("romanised.ris", ROMANISED);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
}

/// F19, the other order: the English record first, then the article from
/// its own journal: the English title stays and the title in the work's
/// own script is stored as its original title.
#[test]
fn the_own_script_title_after_the_english_one_is_its_original_title() {
    let w = Workdir::new();
    w.import_reading("romanised.ris", ROMANISED);
    let said = w.import_reading("scripts.json", ARABIC);
    assert!(said.contains("0 new, 2 changed"), "{said}");
    let list = w.reading_list();
    let en = reading(&list, "Racism in medical education");
    assert_eq!(en["original_title"], "العنصرية في التعليم الطبي");
    // (Since tester r78 F6 the journal and names as the work's own script
    // writes them, as the other order keeps them; they stayed romanised.)
    assert_eq!(en["container"], "المجلة الطبية العربية");
    assert_eq!(names(en, "author_names")[0], "الخطيب, محمد");
    assert!(said.contains("its title in its own script, is stored as its original title"), "{said}");
    let ru = reading(&list, "Colonial medicine in the Russian Empire");
    assert_eq!(ru["original_title"], "Колониальная медицина в Российской империи");
    // Cited as Citing Medicine cites a title not in English, its English
    // translation in brackets (tester r78 F7: it was cited as if it were
    // the title, "Racism in medical education. Arab Medical Journal").
    let v = w.references("vancouver");
    assert!(
        reference(&v, "Racism in medical").contains("[Racism in medical education]. المجلة الطبية العربية. 2019"),
        "{v:?}"
    );
    let again = w.import_reading("scripts.json", ARABIC);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
}

/// F19 stays narrow: a title in another script at another place in print
/// (other pages, another volume, another year) under the DOI is still
/// another work's mistyped DOI, and so are two English titles.
#[test]
fn another_place_in_print_under_the_doi_is_still_refused() {
    for (field, from, to) in [
        ("SP  - 45", "SP  - 45", "SP  - 46"),
        ("VL  - 12", "VL  - 12", "VL  - 13"),
        ("PY  - 2019", "PY  - 2019", "PY  - 2017"),
    ] {
        let w = Workdir::new();
        w.import_reading("scripts.json", ARABIC);
        let one = ROMANISED.split("\n\n").next().unwrap().replace(from, to);
        let p = w.write("one.ris", &one);
        let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
        assert!(
            err.contains("the titles differ, so they are two works") && err.contains("nothing imported"),
            "{field}: {err}"
        );
    }
    let w = Workdir::new();
    w.import_reading("scripts.json", ARABIC);
    let english = ROMANISED.split("\n\n").next().unwrap().replace("Racism in medical education", "Racism in nursing");
    w.import_reading("first.ris", &english.replace("DO  - 10.5555/ARAB.2019.12", "DO  - 10.5555/other"));
    let p = w.write(
        "two.ris",
        english
            .replace("DO  - 10.5555/ARAB.2019.12", "DO  - 10.5555/other")
            .replace("Racism in nursing", "Surgery outcomes in Lagos"),
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("is it mistyped"), "{err}");
}
