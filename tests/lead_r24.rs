//! Issue 12 (lead, r24), through the binary: a first and a last page in two
//! columns, a Scopus export with columns deleted, and an import summary
//! that says why nothing changed when the file's title was not applied.

mod common;

use common::workdir;

/// A spreadsheet (Web of Science's Excel export, a library system's) with
/// the first and last page in two columns: both were "not read", and the
/// hint mapped each to `pages` on its own. Now they are one range.
#[test]
fn a_first_and_a_last_page_column_are_one_range() {
    let w = workdir();
    let said = w.import_reading(
        "p.csv",
        "Title,Authors,Year,Journal Title,Start Page,End Page\n\
         Hidden in plain sight,\"Vyas, Darshali A.\",2020,N Engl J Med,874,882\n\
         One page,\"Osei, Ama\",2021,Lancet,12,12\n\
         Range already,\"Roberts, Dorothy\",2011,Fatal invention,3-12,\n\
         No pages,\"Bright, Tom\",2019,BMJ,,\n",
    );
    assert!(said.contains("\"Start Page\" → pages") && said.contains("\"End Page\" → pages"), "{said}");
    assert!(!said.contains("--map"), "{said}");
    let list = w.reading_list();
    let pages = |t: &str| common::reading(&list, t)["pages"].clone();
    assert_eq!(pages("Hidden"), "874-882");
    assert_eq!(pages("One page"), "12");
    assert_eq!(pages("Range already"), "3-12");
    assert!(pages("No pages").is_null());
    assert_eq!(common::reading(&list, "Hidden")["container"], "N Engl J Med");
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "Hidden").contains("N Engl J Med. 2020:874-82."), "{vancouver:?}");

    // Re-importing a sheet without the page columns keeps the pages.
    let again = w.import_reading("q.csv", "Title,Authors,Year\nHidden in plain sight,\"Vyas, Darshali A.\",2020\n");
    assert!(again.contains("0 changed"), "{again}");
    assert_eq!(common::reading(&w.reading_list(), "Hidden")["pages"], "874-882");

    // A last page with no first page column is not taken for the pages.
    let w = workdir();
    let said = w.import_reading("e.csv", "Title,Year,Last Page\nAlone,2020,99\n");
    assert!(said.contains("\"Last Page\" is not read"), "{said}");
    assert!(common::reading(&w.reading_list(), "Alone")["pages"].is_null());
}

/// A Scopus CSV export with columns deleted (no "EID", no "Document
/// Type") was read as a plain spreadsheet: the journal ("Source title") and
/// the pages ("Page start", "Page end") were not read, and "Author full
/// names" was offered as notes. Scopus's own columns still name it.
#[test]
fn a_scopus_export_with_columns_deleted_is_read_as_scopus() {
    let w = workdir();
    let said = w.import_reading(
        "scopus.csv",
        "\u{feff}\"Authors\",\"Author full names\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Issue\",\"Page start\",\"Page end\"\n\
         \"Silva J.; Costa A.\",\"Silva, João (57201234567); Costa, Ana (6701234567)\",\"Colonial medicine in Mozambique\",\"2004\",\"Revista de Historia\",\"12\",\"3\",\"45\",\"60\"\n",
    );
    assert!(said.contains("1 new") && !said.contains("is not read"), "{said}");
    let list = w.reading_list();
    let r = common::reading(&list, "Colonial medicine");
    assert_eq!(r["container"], "Revista de Historia", "{r}");
    assert_eq!(r["pages"], "45-60", "{r}");
    assert_eq!(r["author_names"][0]["given"], "João", "{r}");
    assert_eq!(r["author_names"][1]["family"], "Costa", "{r}");
}

/// An import that found a work by its original title (a translated title
/// in the file), and kept the stored title against the file's, said "nothing changed: the
/// database already holds this file", which is not so: the file's title
/// differs. Now the summary counts the kept titles and says why.
#[test]
fn a_kept_title_is_counted_and_the_summary_says_why_nothing_changed() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\n\
         \"Medicina colonial em Moçambique\",\"Silva, João\",2004,article,Rev Hist,\n\
         \"Hidden in plain sight: reconsidering the use of race correction\",\"Vyas, Darshali A.\",2020,article,N Engl J Med,10.1056/NEJMms2004740\n",
    );
    let ris = w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Colonial medicine in Mozambique [Medicina colonial em Moçambique]\nAU  - Silva, João\nPY  - 2004\nJO  - Rev Hist\nER  - \n\
         TY  - JOUR\nTI  - Hidden in plain sight\nAU  - Vyas, Darshali A.\nPY  - 2020\nJO  - N Engl J Med\nDO  - 10.1056/NEJMms2004740\nER  - \n",
    );
    assert!(ris.contains("0 new, 0 changed, 2 unchanged"), "{ris}");
    assert!(ris.contains("1 entry keeps its stored title against the file's (warned above)"), "{ris}");
    assert!(ris.contains("nothing changed: the file's other values are already stored"), "{ris}");
    assert!(!ris.contains("already holds this file"), "{ris}");
    // The same file once more says the same: it is still not what is stored.
    let again = w.import_reading("b.ris", &std::fs::read_to_string(w.path("b.ris")).unwrap());
    assert!(!again.contains("already holds this file"), "{again}");
    // And a file that is what is stored says so.
    let same = w.import_reading(
        "c.csv",
        "title,authors,year,type,container\nMedicina colonial em Moçambique,\"Silva, João\",2004,article,Rev Hist\n",
    );
    assert!(same.contains("already holds this file"), "{same}");
}

/// Tester r25: Chicago cut "1397–1406" to "1397–406" (F6), capitalised
/// "Without" and "Through" (F12) and put a comma before "and" after a name
/// it does not invert (F11); a given name written in small letters ("bell"
/// of bell hooks) was printed whole where the styles give its initial, in
/// its own case (F4); a work without an author filed under "A" or "The"
/// (F5).
#[test]
fn tester_r25_chicago_ranges_prepositions_two_authors_small_given_names_and_filing() {
    let w = workdir();
    w.import_reading(
        "c.csv",
        "title,authors,year,type,container,volume,pages,publisher\n\
         Medicine without borders: care through history versus race,\"Osei, Ama\",2020,article,Journal of general internal medicine,36,1397-1406,\n\
         Short range,\"Lind, Tove\",2018,article,Anaesthesia,77,101-108,\n\
         Single-name authors,Plato; Avicenna,2012,article,Isis,103,99-100,\n\
         Joint statement,World Health Organization; UNICEF,2020,report,,,,WHO\n\
         Two people,\"Kapadia, Dharmi; Zhang, Jingwen\",2022,report,,,,NHS Race and Health Observatory\n\
         \"Race, class, and gender in the clinic\",\"hooks, bell\",1989,book,,,,South End Press\n\
         A history of race in medicine,,2005,book,,,,Penguin\n\
         The anonymous editorial on race,,2021,article,The Lancet,397,1,\n\
         Crick paper,\"Crick, Francis\",2011,article,Science,2,17-18,\n",
    );
    let chicago = w.references("chicago");
    let c = |t: &str| common::reference(&chicago, t);
    assert!(
        c("Medicine without").contains("“Medicine without Borders: Care through History versus Race.”"),
        "{chicago:?}"
    );
    assert!(c("Medicine without").contains(" 36: 1397–1406."), "{chicago:?}");
    assert!(c("Short range").contains(" 77: 101–8."), "{chicago:?}");
    assert!(c("Single-name").starts_with("Plato and Avicenna. 2012."), "{chicago:?}");
    assert!(c("Joint statement").starts_with("World Health Organization and UNICEF. 2020."), "{chicago:?}");
    assert!(c("Two people").starts_with("Kapadia, Dharmi, and Jingwen Zhang. 2022."), "{chicago:?}");
    assert!(c("Race, class").starts_with("hooks, bell. 1989."), "{chicago:?}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Race, class").starts_with("hooks, b. (1989)."), "{apa:?}");
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "Race, class").starts_with("hooks b. "), "{vancouver:?}");

    // The PDF's order: the works without authors by their first significant word.
    for style in ["apa", "chicago"] {
        let pdf = w.path(&format!("{style}.pdf"));
        w.ok(&["report", pdf.to_str().unwrap(), "--style", style, "-q"]);
        let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().ok();
        let Some(out) = out.filter(|o| o.status.success()) else {
            eprintln!("skipping the PDF's order: pdftotext is not installed (apt-get install poppler-utils)");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} not in the {style} PDF"));
        let (anonymous, crick, history, hooks, osei) =
            (at("anonymous editorial"), at("crick, f"), at("history of race"), at("hooks, b"), at("osei, a"));
        assert!(anonymous < crick && crick < history && history < hooks && hooks < osei, "{style}: {text}");
    }
}

/// Tester r24, F1: lists written "Given Family" with initials and names on
/// lines of their own (Alt+Enter in a spreadsheet cell) were stored as one
/// person or one institution, with no warning; F6: APA's list form gave
/// "& Jones" as an institution.
#[test]
fn author_lists_with_initials_or_on_lines_are_people() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type\n\
         M1,\"Darshali A. Vyas, Leo G. Eisenstein and David S. Jones\",2020,article\n\
         M2,\"D. A. Vyas, L. G. Eisenstein and D. S. Jones\",2020,article\n\
         M3,\"Vyas DA\nEisenstein LG\nJones DS\",2020,article\n\
         M4,\"Vyas, D. A., Eisenstein, L. G., & Jones, D. S.\",2020,article\n\
         M5,\"Vyas, Darshali A.\r\nEisenstein, Leo G.\r\nJones, David S.\",2020,article\n",
    );
    let list = w.reading_list();
    for t in ["M1", "M2", "M3", "M4", "M5"] {
        let families: Vec<&str> = common::reading(&list, t)["author_names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["family"].as_str().unwrap_or("(none)"))
            .collect();
        assert_eq!(families, ["Vyas", "Eisenstein", "Jones"], "{t}: {list}");
    }
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "M1").starts_with("Vyas DA, Eisenstein LG, Jones DS. M1."), "{vancouver:?}");
    assert!(common::reference(&vancouver, "M4").starts_with("Vyas DA, Eisenstein LG, Jones DS. M4."), "{vancouver:?}");
}

/// Tester r24, F2 and F3: a RIS record's second DOI, volume, page or
/// publisher was dropped without a word, a second `LA` too (RIS and
/// MEDLINE), and a `UR` with a space was cut at it. Now each second value is
/// named, every language kept, and an address kept whole; the kept ISBN in
/// its other form is no "second ISBN".
#[test]
fn ris_second_values_are_named_languages_kept_and_addresses_whole() {
    let w = workdir();
    let said = w.import_reading(
        "d.ris",
        "TY  - JOUR\nTI  - Dup tags\nAU  - Osei, Ama\nPY  - 2020\nVL  - 1\nVL  - 2\nSP  - 5\nSP  - 6\nPB  - Pub One\nPB  - Pub Two\n\
         DO  - 10.1000/a\nDO  - https://doi.org/10.1000/A\nDO  - 10.1000/b\nLA  - English\nLA  - French\n\
         UR  - https://example.org/my file.pdf\nSN  - 0-19-852663-6; 978-0-19-852663-6\nER  - \n\
         TY  - JOUR\nTI  - Two addresses\nPY  - 2021\nUR  - https://a.example.org/x https://b.example.org/y\nER  - \n",
    );
    for tag in ["VL", "SP", "PB", "DO"] {
        assert!(said.contains(&format!("RIS {tag} (a second value)")), "{tag}: {said}");
    }
    assert!(said.contains("RIS UR"), "{said}");
    assert!(!said.contains("ISBN field"), "{said}");
    let list = w.reading_list();
    let r = common::reading(&list, "Dup tags");
    assert_eq!(r["language"], "en; fr", "{r}");
    assert_eq!(r["url"], "https://example.org/my file.pdf", "{r}");
    assert_eq!(r["doi"], "10.1000/a", "{r}");
    assert_eq!(common::reading(&list, "Two addresses")["url"], "https://a.example.org/x");

    let said = w.import_reading(
        "m.nbib",
        "PMID- 30000002\nTI  - Two languages.\nFAU - Osei, Ama\nDP  - 2019\nLA  - eng\nLA  - swa\nJT  - Afr Health Sci\n\n",
    );
    assert!(said.contains("1 new"), "{said}");
    assert_eq!(common::reading(&w.reading_list(), "Two languages")["language"], "en; sw");
}

/// Tester r24, F8: biblatex's `subtitle` was named as not stored and the
/// reference printed the title without it; EndNote keywords one a line in
/// one `<keyword>` were read as one keyword, so no theme was tagged.
#[test]
fn a_biblatex_subtitle_is_part_of_the_title_and_endnote_keyword_lines_are_keywords() {
    let w = workdir();
    let said = w.import_reading(
        "s.bib",
        "@book{sub1, title={Medicine and colonialism}, subtitle={A dying colonialism}, author={Osei, Ama}, year=2001, publisher={Pluto}}\n\
         @book{sub2, title={Who counts?}, subtitle={Race and the census}, author={Osei, Ama}, year=2002, publisher={Pluto}}\n",
    );
    assert!(!said.contains("subtitle"), "{said}");
    let list = w.reading_list();
    assert!(common::reading(&list, "Medicine and colonialism: A dying colonialism")["year"] == 2001, "{list}");
    assert!(common::reading(&list, "Who counts? Race and the census")["year"] == 2002, "{list}");

    let said = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?>\n<xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <titles><title>Closing the gap</title></titles><dates><year>2008</year></dates>\
         <keywords><keyword>historical-awareness&#xD;intersectional-health&#xD;social determinants</keyword></keywords>\
         </record></records></xml>\n",
    );
    assert!(said.contains("\"social determinants\""), "{said}");
    let list = w.reading_list();
    let r = common::reading(&list, "Closing the gap");
    assert_eq!(r["themes"], serde_json::json!(["historical-awareness", "intersectional-health"]), "{r}");
}

/// Tester r24: a RIS export renamed `.bib` was refused ("no bibtex records
/// found", F11); EndNote's corporate-author comma came back into the name
/// through an export (F13); a page range a spreadsheet made a date was
/// stored silently (F4); an EndNote Journal Article's Epub Date was
/// printed as its edition and a Web Page's access date stored as an issue
/// (F5).
#[test]
fn tester_r24_renamed_files_corporate_commas_spreadsheet_dates_and_endnote_labels() {
    let w = workdir();
    let said = w.import_reading(
        "renamed.bib",
        "TY  - RPRT\nAU  - World Health Organization,\nTI  - Health equity report\nPY  - 2020\nER  - \n",
    );
    assert!(said.contains("1 new"), "{said}");
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let fresh = workdir();
    fresh.import_reading("export.csv", &std::fs::read_to_string(&out).unwrap());
    let list = fresh.reading_list();
    let r = common::reading(&list, "Health equity report");
    assert_eq!(r["author_names"][0]["literal"], "World Health Organization", "{r}");

    let said = w.import_reading(
        "x.csv",
        "title,authors,year,type,pages,issue\nMangled,\"Osei, Ama\",2020,article,12-Jan,2026-03-04\n",
    );
    assert!(said.contains("pages \"12-Jan\" looks like a date a spreadsheet made"), "{said}");
    assert!(said.contains("issue \"2026-03-04\" looks like a date"), "{said}");

    let said = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?>\n<xml><records>\
         <record><ref-type name=\"Journal Article\">17</ref-type><titles><title>The APOL1 gene</title>\
         <secondary-title>Kidney Int</secondary-title></titles><periodical><full-title>Kidney Int</full-title></periodical>\
         <dates><year>2020</year></dates><volume>98</volume><number>2</number><edition>2020/06/01</edition></record>\
         <record><ref-type name=\"Web Page\">12</ref-type><titles><title>Race and health page</title></titles>\
         <dates><year>2019</year></dates><volume>2024</volume><number>March 5</number>\
         <urls><related-urls><url>https://example.org/race</url></related-urls></urls></record>\
         </records></xml>\n",
    );
    assert!(said.contains("EndNote XML edition (a Journal Article's Epub Date)"), "{said}");
    let list = w.reading_list();
    let a = common::reading(&list, "The APOL1 gene");
    assert!(a["edition"].is_null() && a["issue"] == "2" && a["volume"] == "98", "{a}");
    let p = common::reading(&list, "Race and health page");
    assert!(p["issue"].is_null() && p["volume"].is_null(), "{p}");
    assert_eq!(p["accessed"], "2024-03-05", "{p}");
}

/// Tester r25, F13 and F14: an e-locator given as pages ("e001234",
/// BMJ's "m2912") was a page to Harvard ("p. e001234") and no "Article" to
/// APA; APA called a film "[Video recording]" (APA 6). Tester r24: Zotero's
/// "Rights" is canon's licence; a trailing empty field on every row
/// refused the whole file.
#[test]
fn elocators_video_label_zotero_rights_and_trailing_empty_fields() {
    let w = workdir();
    w.import_reading(
        "e.csv",
        "title,authors,year,type,container,volume,issue,pages\n\
         Global health decolonised,\"Abimbola, Seye\",2019,article,BMJ Global Health,4,Suppl 2,e001234,\n\
         Racism in medicine,\"Osei, Ama\",2020,article,BMJ,370,,m2912,\n\
         Supplement page,\"Lind, Tove\",2020,article,Lancet,395,,S12,\n",
    );
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Global health").contains("4(Suppl 2), Article e001234."), "{apa:?}");
    assert!(common::reference(&apa, "Racism in").contains("370, Article m2912."), "{apa:?}");
    let harvard = w.references("harvard");
    assert!(
        common::reference(&harvard, "Global health").contains("e001234")
            && !common::reference(&harvard, "Global health").contains("p. e001234"),
        "{harvard:?}"
    );
    assert!(common::reference(&harvard, "Supplement page").contains("p. S12"), "{harvard:?}");
    // The stored pages are as the file gave them.
    assert_eq!(common::reading(&w.reading_list(), "Global health")["pages"], "e001234");

    w.import_reading(
        "v.json",
        r#"[{"id":"b13","type":"motion_picture","title":"Race: the power of an illusion","author":[{"family":"Adelman","given":"Larry"}],"issued":{"date-parts":[[2003]]},"publisher":"California Newsreel"}]"#,
    );
    let apa = w.references("apa");
    assert!(!common::reference(&apa, "Race: the power").contains("[Video recording]"), "{apa:?}");

    let said = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Rights\"\n\"K1\",\"book\",\"2019\",\"Osei, Ama\",\"Open book\",\"CC BY 4.0\"\n",
    );
    assert!(!said.contains("\"Rights\" is not read"), "{said}");
    assert_eq!(common::reading(&w.reading_list(), "Open book")["licence"], "CC BY 4.0");
}

/// Tester r24, F7a: a second row of one work in the same file with the
/// journal written short ("Curr Anthropol") was dropped without a word;
/// it is the journal's abbreviation, kept as a record from another file's
/// is. F12: RIS `Y1` of another year than `PY` is said, as `DA` is.
#[test]
fn an_in_file_duplicates_journal_abbreviation_is_kept_and_y1_conflicts_are_said() {
    let w = workdir();
    w.import_reading(
        "d.csv",
        "title,authors,year,type,doi,container,volume,pages\n\
         An Anthropology of Structural Violence,\"Farmer, Paul\",2004,article,10.1086/382250,Current Anthropology,45,305-325\n\
         An anthropology of structural violence,\"Farmer, P.\",2004,article,https://doi.org/10.1086/382250,Curr Anthropol,,305\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "An Anthropology");
    assert_eq!(
        (r["container"].as_str(), r["container_short"].as_str()),
        (Some("Current Anthropology"), Some("Curr Anthropol")),
        "{r}"
    );
    let said = w.import_reading("y.ris", "TY  - JOUR\nTI  - Two years\nPY  - 2015\nY1  - 2016/04/02/\nER  - \n");
    assert!(said.contains("Y1 \"2016/04/02/\" is in another year than PY \"2015\"; kept the year 2015 (PY)"), "{said}");
}

/// Tester r25, F2: the year a reprint or translation first appeared
/// (CSL-JSON `original-date`, biblatex `origdate`, RIS `OP`, EndNote
/// `orig-pub`, a spreadsheet's "First published") was named as not stored;
/// APA's "(Original work published 1961)" and Chicago's "(1961) 2004" were
/// missing. Stored (schema 0028), edited, undone, exported and printed.
#[test]
fn the_original_year_of_a_reprint_is_kept_and_printed() {
    let w = workdir();
    let said = w.import_reading(
        "o.json",
        r#"[{"id":"b2","type":"book","title":"The wretched of the earth","author":[{"family":"Fanon","given":"Frantz"}],"issued":{"date-parts":[[2004]]},"original-date":{"date-parts":[[1961]]},"publisher":"Grove Press"}]"#,
    );
    assert!(!said.contains("original-date"), "{said}");
    w.import_reading("o.bib", "@book{dub, author={Du Bois, W. E. B.}, title={The Philadelphia Negro}, year=1996, origdate={1899}, publisher={University of Pennsylvania Press}}\n");
    w.import_reading("o.ris", "TY  - BOOK\nAU  - Césaire, Aimé\nTI  - Discourse on colonialism\nPY  - 2000\nOP  - 1950\nPB  - Monthly Review Press\nER  - \n");
    w.import_reading("o.csv", "title,authors,year,type,publisher,first published\nBlack skin white masks,\"Fanon, Frantz\",2008,book,Pluto,1952\n");
    let list = w.reading_list();
    for (t, y) in
        [("The wretched", "1961"), ("The Philadelphia", "1899"), ("Discourse on", "1950"), ("Black skin", "1952")]
    {
        assert_eq!(common::reading(&list, t)["original_year"], y, "{t}");
    }
    let apa = w.references("apa");
    assert!(
        common::reference(&apa, "The wretched").ends_with("Grove Press. (Original work published 1961)"),
        "{apa:?}"
    );
    let chicago = w.references("chicago");
    assert!(common::reference(&chicago, "The wretched").starts_with("Fanon, Frantz. (1961) 2004."), "{chicago:?}");
    // Edited, shown, logged and undone like any field.
    let id = common::reading(&list, "Black skin")["id"].as_i64().unwrap().to_string();
    let out = w.ok_stderr(&["reading", "edit", &id, "--original-year", "1951", "--by", "amina"]);
    assert!(w.ok(&["reading", "show", &id]).contains("1951"));
    let change =
        out.split("canon undo ").nth(1).and_then(|s| s.split('`').next()).expect("a change number").to_string();
    w.ok(&["undo", &change, "--by", "amina"]);
    assert_eq!(common::reading(&w.reading_list(), "Black skin")["original_year"], "1952");
    // Exported and read back unchanged.
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    let again = w.import_reading("again.csv", &csv);
    assert!(again.contains("0 changed"), "{again}");
}

/// Tester r26: a second set of page columns was said to be read and stored
/// nowhere, and a last page that disagrees with the pages was dropped (F1);
/// a last page with no first page was stored silently (F2); names with
/// initials separated by `;` were kept whole as institutions (F4); a `;`
/// between two RIS addresses stayed on the first (F5).
#[test]
fn tester_r26_page_columns_semicolon_names_and_addresses() {
    let w = workdir();
    let said = w.import_reading(
        "p.csv",
        "Title,Authors,Year,Type,Pages,Start Page,End Page,First Page,Last Page,Page start,Page end\n\
         P1,\"Osei, Ama\",2001,article,1-10,1,10,,,,\n\
         P2,\"Osei, Kojo\",2002,article,,,20,,,,\n\
         P3,\"Osei, Yaw\",2003,article,5-9,6,11,,,,\n\
         P5,\"Osei, Efua\",2005,article,,,,,,200,210\n",
    );
    let list = w.reading_list();
    let pages = |t: &str| common::reading(&list, t)["pages"].as_str().unwrap_or_default().to_string();
    assert_eq!(
        (pages("P1"), pages("P2"), pages("P3"), pages("P5")),
        ("1-10".into(), "20".into(), "5-9".into(), "200-210".into())
    );
    assert!(said.contains("p.csv:3:7: warning: last page \"20\" (column \"End Page\") with no first page"), "{said}");
    assert!(said.contains("p.csv:4:6: warning: pages \"6\" (column \"Start Page\") not stored"), "{said}");
    assert!(said.contains("p.csv:4:7: warning: last page \"11\" (column \"End Page\") not stored"), "{said}");
    assert!(!said.contains("page_count"), "{said}");

    w.import_reading("n.csv", "title,authors,year,type\nT1,\"Kofi A. Mensah; Jane B. Doe; Luis Castillo\",2020,article\nT2,World Bank; Ghana Health Service,2020,report\n");
    let list = w.reading_list();
    let families: Vec<String> = common::reading(&list, "T1")["author_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["family"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(families, ["Mensah", "Doe", "Castillo"]);
    assert!(common::reading(&list, "T2")["author_names"][0]["literal"].is_string());

    w.import_reading(
        "u.ris",
        "TY  - WEB\nTI  - Two links\nPY  - 2020\nUR  - https://a.example.org/x; https://b.example.org/y\nER  - \n",
    );
    assert_eq!(common::reading(&w.reading_list(), "Two links")["url"], "https://a.example.org/x");
}

/// Tester r24, F14: a date with a time of day in the year column (a
/// spreadsheet's date cell, "2019-04-02 00:00") kept its month and lost its
/// day, where "2019-04-02" kept both.
#[test]
fn a_date_with_a_time_of_day_keeps_its_day() {
    let w = workdir();
    w.import_reading(
        "d.csv",
        "title,authors,year,type\nA,\"Osei, Ama\",2019-04-02 00:00,article\nB,\"Osei, Kojo\",2019-04-02T10:11:12Z,article\n",
    );
    let list = w.reading_list();
    for t in ["A", "B"] {
        let r = common::reading(&list, t);
        assert_eq!(
            (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()),
            (Some(2019), Some(4), Some(2)),
            "{t}: {r}"
        );
    }
}

/// Tester r24, F16: RIS types canon keeps no type for (a data set,
/// software, a legal case, a statute) became `other` with nothing to say
/// what the work is; the type is now kept as the genre, which the styles
/// print ("[Data set]" in APA 7 §10.9).
#[test]
fn a_ris_type_without_a_canon_type_is_kept_as_the_genre() {
    let w = workdir();
    w.import_reading(
        "t.ris",
        "TY  - DATA\nTI  - Health survey data\nAU  - Osei, Ama\nPY  - 2021\nER  - \n\
         TY  - COMP\nTI  - Risk calculator\nAU  - Osei, Ama\nPY  - 2020\nER  - \n\
         TY  - DATA\nTI  - Survey with a genre\nAU  - Osei, Ama\nPY  - 2019\nM3  - Panel survey\nER  - \n",
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Health survey data")["genre"], "Data set");
    // APA 7 §10.10's words, as biblatex's `software` type gives them (r29:
    // one genre for software from every format).
    assert_eq!(common::reading(&list, "Risk calculator")["genre"], "Computer software");
    assert_eq!(common::reading(&list, "Survey with a genre")["genre"], "Panel survey");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Health survey data").contains("Health survey data [Data set]."), "{apa:?}");
}
