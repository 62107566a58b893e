//! Issue 12 (lead, r74), through the binary: the number of volumes of a
//! multi-volume work (schema 0033; tester r71 F12) is read from every
//! format that gives it, kept through re-imports, edits, undo, export and
//! merge, and printed as each style's manual writes it.

mod common;

use common::{reading, reference, workdir};

fn volumes(list: &serde_json::Value, title: &str) -> serde_json::Value {
    reading(list, title)["number_of_volumes"].clone()
}

/// Each format's own field: CSL-JSON `number-of-volumes` (text or number),
/// biblatex `volumes`, a Zotero Extra line, RIS `NV`, EndNote `num-vols`,
/// Zotero's CSV column, a spreadsheet's column, and a catalogue's "2 vols."
/// in a volume cell. None of them is named as not stored any more.
#[test]
fn every_format_reads_the_number_of_volumes() {
    let w = workdir();
    let mut said = String::new();
    said += &w.import_reading(
        "z.json",
        r#"[{"id":"a","type":"book","title":"Companion Encyclopedia of the History of Medicine","editor":[{"family":"Bynum","given":"W. F."}],"publisher":"Routledge","issued":{"date-parts":[[1993]]},"number-of-volumes":"2"},
            {"id":"b","type":"book","title":"Harrison's Principles of Internal Medicine","author":[{"family":"Loscalzo","given":"Joseph"}],"publisher":"McGraw Hill","issued":{"date-parts":[[2022]]},"number-of-volumes":2}]"#,
    );
    said += &w.import_reading(
        "a.bib",
        "@book{porter,\n  title = {The Cambridge History of Science},\n  editor = {Porter, Roy},\n  \
         publisher = {Cambridge University Press},\n  year = {2003},\n  volumes = {8}\n}\n\
         @book{extra,\n  title = {A History of Public Health},\n  author = {Rosen, George},\n  publisher = {MD Publications},\n  \
         year = {1958},\n  note = {Number of Volumes: 3}\n}\n",
    );
    said += &w.import_reading(
        "a.ris",
        "TY  - BOOK\nTI  - Medicine in the Colonies\nAU  - Arnold, David\nPB  - Zed\nPY  - 1988\nNV  - 4\nER  - \n",
    );
    said += &w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\
         <contributors><authors><author>Curtin, Philip D.</author></authors></contributors><titles><title>Disease and \
         Empire</title></titles><dates><year>1998</year></dates><publisher>CUP</publisher><num-vols>5</num-vols>\
         </record></records></xml>",
    );
    said += &w.import_reading(
        "zotero.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publisher\",\"Number Of Volumes\"\n\
         \"K1\",\"book\",\"2001\",\"Porter, Dorothy\",\"Health, Civilization and the State\",\"Routledge\",\"6\"\n",
    );
    said += &w.import_reading(
        "sheet.csv",
        "Title,Authors,Year,Publisher,Volume,Number of volumes,Type\n\
         A History of Tropical Medicine,\"Scott, H. Harold\",1939,Edward Arnold,2 vols.,,book\n\
         Textbook of Global Health,\"Birn, Anne-Emanuelle\",2017,OUP,,7,book\n",
    );
    let list = w.reading_list();
    for (title, n) in [
        ("Companion Encyclopedia", "2"),
        ("Harrison's", "2"),
        ("The Cambridge History of Science", "8"),
        ("A History of Public Health", "3"),
        ("Medicine in the Colonies", "4"),
        ("Disease and Empire", "5"),
        ("Health, Civilization", "6"),
        ("A History of Tropical Medicine", "2"),
        ("Textbook of Global Health", "7"),
    ] {
        assert_eq!(volumes(&list, title), n, "{title}: {said}");
    }
    // The volume cell that held the count is left empty, and says so.
    assert_eq!(reading(&list, "A History of Tropical Medicine")["volume"], serde_json::Value::Null);
    assert!(said.contains("read as the whole set of 2 volumes"), "{said}");
    assert!(!said.to_lowercase().contains("number of volumes)"), "no longer named as not stored: {said}");
    assert!(!said.contains("num-vols"), "{said}");
    assert!(!said.contains("RIS NV"), "{said}");
    // The Extra line is read, not kept in a note.
    assert_eq!(reading(&list, "A History of Public Health")["note"], serde_json::Value::Null, "{list:#}");
}

/// Citing Medicine's extent "2 vol." after the date, AMA's "Vols 1-2"
/// after the title, Cite Them Right's "(2 vols)" (its style printed "(2)"),
/// Chicago's "2 vols." and APA's "(Vols. 1–2)"; a chapter in volume 2 of
/// the set is cited with its volume, not the set's count.
#[test]
fn each_style_prints_the_number_of_volumes_as_its_manual_does() {
    let w = workdir();
    w.import_reading(
        "z.json",
        r#"[{"id":"a","type":"book","title":"Companion Encyclopedia of the History of Medicine","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[1993]]},"number-of-volumes":"2"},
            {"id":"c","type":"chapter","title":"Medicine and colonialism","author":[{"family":"Arnold","given":"David"}],"container-title":"Companion Encyclopedia of the History of Medicine","volume":"2","editor":[{"family":"Bynum","given":"W. F."}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[1993]]},"page":"1393-1416","number-of-volumes":"2"}]"#,
    );
    let book = "Companion Encyclopedia";
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, book),
        "Bynum WF, Porter R, editors. Companion Encyclopedia of the History of Medicine. London: Routledge; 1993. 2 vol."
    );
    let ch = reference(&v, "Medicine and colonialism");
    assert!(ch.contains("Medicine. Vol. 2. London") && !ch.contains("2 vol."), "{ch}");
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, book),
        "Bynum WF, Porter R, eds. Companion Encyclopedia of the History of Medicine. Vols 1-2. Routledge; 1993."
    );
    assert!(!reference(&ama, "Medicine and colonialism").contains("Vols"), "{ama:?}");
    let h = w.references("harvard");
    let hb = reference(&h, book);
    assert!(hb.contains("History of Medicine (2 vols). London: Routledge."), "{hb}");
    assert!(!reference(&h, "Medicine and colonialism").contains("vols"), "{h:?}");
    let c = w.references("chicago");
    assert!(reference(&c, book).contains("History of Medicine. 2 vols. Routledge."), "{c:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, book).contains("(Vols. 1–2)"), "{apa:?}");
    let ac = reference(&apa, "Medicine and colonialism");
    assert!(ac.contains("(Vol. 2, pp. 1393–1416)") && !ac.contains("Vols."), "{ac}");
}

/// A value that gives no count is named and not stored, and does not clear
/// the stored count; a file without the field leaves it; a file with
/// another count replaces it, which `undo` restores.
#[test]
fn a_count_is_kept_through_reimports_and_undone() {
    let w = workdir();
    let head = "Title,Authors,Year,Publisher,Number of volumes,Type\n";
    w.import_reading("one.csv", &format!("{head}Textbook of Global Health,\"Birn, A\",2017,OUP,2,book\n"));
    let err = w.import_reading("two.csv", &format!("{head}Textbook of Global Health,\"Birn, A\",2017,OUP,two,book\n"));
    assert!(
        err.contains("two.csv:2:5: warning: number of volumes \"two\" not stored: not a count of volumes"),
        "{err}"
    );
    assert_eq!(volumes(&w.reading_list(), "Textbook"), "2");
    w.import_reading("three.csv", "Title,Authors,Year,Type\nTextbook of Global Health,\"Birn, A\",2017,book\n");
    assert_eq!(volumes(&w.reading_list(), "Textbook"), "2", "an absent column clears nothing");
    let err = w.import_reading("four.csv", &format!("{head}Textbook of Global Health,\"Birn, A\",2017,OUP,3,book\n"));
    assert_eq!(volumes(&w.reading_list(), "Textbook"), "3", "{err}");
    let n = err.split("`canon undo ").nth(1).and_then(|t| t.split('`').next()).expect("a change number");
    w.ok(&["undo", n, "--by", "t"]);
    assert_eq!(volumes(&w.reading_list(), "Textbook"), "2");
}

/// `reading add`/`edit --volumes` (a catalogue's "3 vols." read too; text
/// that is no count refused), undo of the edit, and the spreadsheet round
/// trip: `export reading` then `import reading` is "unchanged".
#[test]
fn typed_counts_undo_and_the_export_round_trip() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Disease and Empire",
        "--year",
        "1998",
        "--type",
        "book",
        "--volumes",
        "3 vols.",
        "--by",
        "t",
    ]);
    let list = w.reading_list();
    assert_eq!(volumes(&list, "Disease"), "3");
    let id = reading(&list, "Disease")["id"].to_string().trim_matches('"').to_string();
    let err = w.fails(&["reading", "edit", &id, "--volumes", "several", "--by", "t"]);
    assert!(err.contains("number of volumes \"several\": not a count of volumes"), "{err}");
    let out = w.ok_stderr(&["reading", "edit", &id, "--volumes", "4", "--by", "t"]);
    assert_eq!(volumes(&w.reading_list(), "Disease"), "4", "{out}");
    let n = out.split("`canon undo ").nth(1).and_then(|t| t.split('`').next()).expect("a change number");
    w.ok(&["undo", n, "--by", "t"]);
    assert_eq!(volumes(&w.reading_list(), "Disease"), "3");
    let sheet = w.ok(&["export", "reading", "--format", "csv"]);
    assert!(
        sheet
            .lines()
            .next()
            .expect("a header")
            .ends_with(",number_of_volumes,type_inferred,year_end,other_isbns,archive,archive_location,event,event_place,event_date,pmcid,eprint"),
        "{sheet}"
    );
    let back = w.import_reading("export.csv", &sheet);
    assert!(back.contains("0 new, 0 changed, 1 unchanged"), "{back}");
}

/// A member's count comes across in `merge`.
#[test]
fn merge_brings_a_members_count() {
    let w = workdir();
    w.import_reading("one.csv", "Title,Authors,Year,Type\nTextbook of Global Health,\"Birn, A\",2017,book\n");
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).expect("copy");
    let id = reading(&w.reading_list(), "Textbook")["id"].to_string().trim_matches('"').to_string();
    w.ok_at(&theirs, &["reading", "edit", &id, "--volumes", "2", "--by", "kofi"]);
    let out = w.ok_stderr(&["merge", theirs.to_str().expect("path"), "--by", "amina"]);
    assert_eq!(volumes(&w.reading_list(), "Textbook"), "2", "{out}");
}

fn names(r: &serde_json::Value, field: &str) -> Vec<String> {
    r[field]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|n| format!("{}|{}", n["family"].as_str().unwrap_or("-"), n["given"].as_str().unwrap_or("-")))
                .collect()
        })
        .unwrap_or_default()
}

/// The role written after the names of an editors or translators field,
/// as Citing Medicine writes it ("Farmer P, Kim JY, Kleinman A, Basilico
/// M, editors"), or after each or the last name ("Kim, Jim Yong (eds.)"),
/// is the field's role, no fifth editor (tester r74 F1: printed "Basilico
/// M, editors, editors."), in a spreadsheet and in Zotero's CSV.
#[test]
fn a_role_word_in_an_editors_or_translators_field_is_no_person() {
    let w = workdir();
    w.import_reading(
        "ed.csv",
        "Title,Year,Type,Publisher,Edited by,Translators\n\
         Reimagining Global Health,2013,book,UC Press,\"Farmer P, Kim JY, Kleinman A, Basilico M, editors\",\n\
         Second book,2014,book,X,\"Farmer, Paul; Kim, Jim Yong (eds.)\",\n\
         Third book,2015,book,Y,\"Farmer, Paul (ed.); Kim, Jim Yong (ed.)\",\"Markmann CL, Philcox R, translators\"\n",
    );
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publisher\",\"Editor\"\n\
         \"K1\",\"book\",\"2016\",\"\",\"Zotero book\",\"Routledge\",\"Osei, Kofi; Lind, Tove; eds.\"\n",
    );
    let list = w.reading_list();
    assert_eq!(
        names(reading(&list, "Reimagining"), "editor_names"),
        ["Farmer|P.", "Kim|J. Y.", "Kleinman|A.", "Basilico|M."]
    );
    assert_eq!(names(reading(&list, "Second book"), "editor_names"), ["Farmer|Paul", "Kim|Jim Yong"]);
    assert_eq!(names(reading(&list, "Third book"), "editor_names"), ["Farmer|Paul", "Kim|Jim Yong"]);
    assert_eq!(names(reading(&list, "Third book"), "translator_names"), ["Markmann|C. L.", "Philcox|R."]);
    assert_eq!(names(reading(&list, "Zotero book"), "editor_names"), ["Osei|Kofi", "Lind|Tove"]);
    let v = w.references("vancouver");
    let r = reference(&v, "Reimagining");
    assert!(r.starts_with("Farmer P, Kim JY, Kleinman A, Basilico M, editors. Reimagining"), "{r}");
    let apa = w.references("apa");
    let r = reference(&apa, "Reimagining");
    assert!(r.starts_with("Farmer, P., Kim, J. Y., Kleinman, A., & Basilico, M. (Eds.)."), "{r}");
}

/// A hand-made sheet's "Who wrote it" and "pp" are read as the authors and
/// pages; a yes/no "Read?" column is offered no facet (tester r74 F2: the
/// hints said `notes`, left `pages` out, and offered `open_access`, which
/// would have stored the student's tick as a facet).
#[test]
fn hand_made_headers_are_read_and_a_tick_column_gets_no_facet_hint() {
    let w = workdir();
    let err = w.import_reading(
        "mine.csv",
        "Title,Who wrote it,Yr,Journal,Vol.,No.,pp,Read?\n\
         Hidden in Plain Sight,\"Vyas DA, Eisenstein LG, Jones DS\",2020,N Engl J Med,383,9,874-82,yes\n",
    );
    assert!(err.contains("\"Who wrote it\" → authors") && err.contains("\"pp\" → pages"), "{err}");
    let read = err.lines().find(|l| l.contains("\"Read?\" is not read")).expect("the tick column named");
    assert!(!read.contains("open_access"), "{read}");
    let list = w.reading_list();
    let r = reading(&list, "Hidden");
    assert_eq!(r["pages"], "874-82", "{r}");
    assert_eq!(names(r, "author_names"), ["Vyas|D. A.", "Eisenstein|L. G.", "Jones|D. S."]);
}

/// Citing Medicine's "[publisher unknown]" (and "[place unknown]" beside
/// it) for a book, chapter, report or thesis with no publisher: the style
/// printed the date alone, a stored place with it (tester r74 F6).
#[test]
fn vancouver_names_an_unknown_publisher_and_keeps_the_place() {
    let w = workdir();
    w.import_reading(
        "pu.csv",
        "Title,Authors,Year,Type,Publisher,Place,Container,Pages,Editors\n\
         Neither book,\"Farmer, Paul\",2013,book,,,,,\n\
         Place only book,\"Farmer, Paul\",2014,book,,London,,,\n\
         Publisher only book,\"Farmer, Paul\",2015,book,MSF,,,,\n\
         Neither chapter,\"Kim, JY\",2013,chapter,,,Global health delivery,31-50,\"Farmer, Paul\"\n\
         Undated book,\"Farmer, Paul\",,book,,,,,\n\
         Both book,\"Farmer, Paul\",2016,book,MSF,Geneva,,,\n",
    );
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Neither book"), "Farmer P. Neither book. [place unknown]: [publisher unknown]; 2013.");
    assert_eq!(reference(&v, "Place only"), "Farmer P. Place only book. London: [publisher unknown]; 2014.");
    assert_eq!(reference(&v, "Publisher only"), "Farmer P. Publisher only book. [place unknown]: MSF; 2015.");
    assert_eq!(
        reference(&v, "Neither chapter"),
        "Kim JY. Neither chapter. In: Farmer P, editor. Global health delivery. [place unknown]: [publisher \
         unknown]; 2013. p. 31-50."
    );
    assert_eq!(
        reference(&v, "Undated"),
        "Farmer P. Undated book. [place unknown]: [publisher unknown]; [date unknown]."
    );
    assert_eq!(reference(&v, "Both book"), "Farmer P. Both book. Geneva: MSF; 2016.");
}

/// The NLM catalogue's form of a journal's name ("BMJ (Clinical research
/// ed.)", MEDLINE `JT`) and the name as published ("BMJ") are one journal,
/// stored as published in either order of imports (tester r74 F5: the
/// stored name depended on the order).
#[test]
fn a_journal_name_with_the_catalogue_qualifier_is_settled_in_either_order() {
    let nbib = "PMID- 31000001\nTI  - Racism in medicine.\nFAU - Osei, Kofi\nAU  - Osei K\nDP  - 2020\n\
                JT  - BMJ (Clinical research ed.)\nTA  - BMJ\nVI  - 368\nPG  - m1\nLID - 10.1136/bmj.m1 [doi]\n\n";
    let ris = "TY  - JOUR\nTI  - Racism in medicine\nAU  - Osei, Kofi\nPY  - 2020\nT2  - BMJ\nVL  - 368\n\
               DO  - 10.1136/bmj.m1\nER  - \n";
    let mut stored = Vec::new();
    for order in [[("a.nbib", nbib), ("b.ris", ris)], [("b.ris", ris), ("a.nbib", nbib)]] {
        let w = workdir();
        let mut said = String::new();
        for (name, text) in order {
            said += &w.import_reading(name, text);
        }
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list:#}");
        stored.push(list[0]["container"].clone());
        // (The qualifier is the catalogue's, no change to say: tests/references.rs.)
        assert!(!said.contains("container: \"BMJ (Clinical"), "{said}");
    }
    assert_eq!(stored, [serde_json::json!("BMJ"), serde_json::json!("BMJ")]);
}

/// Another publisher's record of the same title and year (Grove Press's
/// edition for the stored Pluto Press one): the stored publisher stays, and
/// so do its place, edition and translators — the file's go with its
/// publisher, said (tester r75 F1: "New York: Pluto Press" with Grove's
/// translator, a book that does not exist).
#[test]
fn another_publishers_place_and_translator_stay_with_it() {
    let w = workdir();
    w.import_reading(
        "sheet.csv",
        "title,authors,year,type,publisher,place,edition\n\
         \"Black skin, white masks\",\"Fanon, Frantz\",2008,book,Pluto Press,London,New ed.\n",
    );
    let err = w.import_reading(
        "z.json",
        r#"[{"id":"t","type":"book","title":"Black skin, white masks","author":[{"family":"Fanon","given":"Frantz"}],
             "translator":[{"family":"Philcox","given":"Richard"}],"publisher":"Grove Press","publisher-place":"New York",
             "issued":{"date-parts":[[2008]]}}]"#,
    );
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list:#}");
    let r = &list[0];
    assert_eq!((r["publisher"].as_str(), r["place"].as_str()), (Some("Pluto Press"), Some("London")), "{err}");
    assert_eq!(r["edition"], "New ed.");
    assert!(names(r, "translator_names").is_empty(), "{r:#}");
    assert!(err.contains("are those of \"Grove Press\"'s edition, not the stored \"Pluto Press\"'s"), "{err}");
    assert!(err.contains("place \"New York\"") && err.contains("translators \"Philcox, Richard\""), "{err}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Black skin").contains("London: Pluto Press; 2008."), "{v:?}");
}

/// One edition written "6th" in one copy and "6" in the other is one value,
/// settled alike in both merge directions, no conflict (tester r75 F4).
#[test]
fn one_edition_written_two_ways_is_no_merge_conflict() {
    let w = workdir();
    w.import_reading("one.csv", "title,authors,year,type\nOxford textbook of medicine,\"Firth, John\",2020,book\n");
    let id = reading(&w.reading_list(), "Oxford")["id"].to_string().trim_matches('"').to_string();
    let (a, b) = (w.path("a.db"), w.path("b.db"));
    std::fs::copy(w.db(), &a).expect("copy");
    std::fs::copy(w.db(), &b).expect("copy");
    w.ok_at(&a, &["reading", "edit", &id, "--edition", "6th", "--by", "amina"]);
    w.ok_at(&b, &["reading", "edit", &id, "--edition", "6", "--by", "kofi"]);
    let (ab, ba) = (w.path("ab.db"), w.path("ba.db"));
    std::fs::copy(&a, &ab).expect("copy");
    std::fs::copy(&b, &ba).expect("copy");
    let out1 = common::stderr_at(&w, &ab, &["merge", b.to_str().expect("path"), "--by", "amina"]);
    let out2 = common::stderr_at(&w, &ba, &["merge", a.to_str().expect("path"), "--by", "kofi"]);
    assert!(out1.contains("0 conflicts") && out2.contains("0 conflicts"), "{out1}\n{out2}");
    let edition = |db: &std::path::Path| {
        let l = common::json_at(&w, db, &["reading", "list", "--format", "json"]);
        reading(&l, "Oxford")["edition"].clone()
    };
    assert_eq!(edition(&ab), edition(&ba));
}

/// MEDLINE's "Smith, John 3rd" and RIS's "Smith, John, III" are one suffix
/// (tester r75 F7: "has another suffix").
#[test]
fn an_ordinal_suffix_is_the_roman_one() {
    let w = workdir();
    w.import_reading(
        "a.nbib",
        "PMID- 31000002\nTI  - Suffixes in medicine.\nFAU - Smith, John 3rd\nAU  - Smith J 3rd\nDP  - 2020\n\
         JT  - Journal of Names\nLID - 10.1000/names.1 [doi]\n\n",
    );
    let err = w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Suffixes in medicine\nAU  - Smith, John, III\nPY  - 2020\nT2  - Journal of Names\n\
         DO  - 10.1000/names.1\nER  - \n",
    );
    assert!(!err.contains("another suffix"), "{err}");
    assert_eq!(w.reading_list().as_array().map(Vec::len), Some(1));
}

/// A change message writes a title's marks as the listings do, `{HIV}`
/// (tester r75 F8: the stored HTML); a name typed whole in braces is kept
/// whole unsaid (F9).
#[test]
fn edit_messages_show_braces_and_a_braced_name_is_not_doubted() {
    let w = workdir();
    let err = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Handbook of {HIV} medicine. Vol. 2",
        "--year",
        "2015",
        "--author",
        "{Médecins Sans Frontières}",
        "--author",
        "Osei, Kofi",
        "--by",
        "t",
    ]);
    assert!(!err.contains("Médecins Sans Frontières\" was kept whole"), "{err}");
    let id = reading(&w.reading_list(), "Handbook")["id"].to_string().trim_matches('"').to_string();
    let out = w.ok_stderr(&["reading", "edit", &id, "--title", "Handbook of {HIV} medicine", "--by", "t"]);
    assert!(out.contains("title: \"Handbook of {HIV} medicine. Vol. 2\" → \"Handbook of {HIV} medicine\""), "{out}");
    assert!(!out.contains("<span"), "{out}");
}

/// Tester r76: the role written around the names of an editors or
/// translators cell ("Kim, Jim Yong, editors", "Porter, Roy, eds.", "Edited
/// by Ann Oakley and Jane Doe", "translated by Charles Lam Markmann") is no
/// part of a name (F4, F5); "Vols. 1-3" in a volume cell is the set of three
/// (F2: printed "Vols. Vols. 1–3"); a work in one volume prints no "1 vol."
/// (F14).
#[test]
fn role_phrases_around_names_and_a_volume_range_cell() {
    let w = workdir();
    let err = w.import_reading(
        "roles.csv",
        "Title,Year,Type,Publisher,Editors,Translators,Volume,Number of volumes\n\
         Reimagining global health,2013,book,UC Press,\"Farmer, Paul; Kim, Jim Yong, editors\",,,\n\
         Companion,1993,book,Routledge,\"Bynum, W. F.; Porter, Roy, eds.\",,,\n\
         Women and health,1986,book,Tavistock,Edited by Ann Oakley and Jane Doe,,,\n\
         Black skin,1967,book,Grove,,translated by Charles Lam Markmann,,\n\
         Tropical medicine,1939,book,Arnold,,,Vols. 1-3,\n\
         One volume work,2001,book,OUP,,,,1\n",
    );
    let list = w.reading_list();
    assert_eq!(names(reading(&list, "Reimagining"), "editor_names"), ["Farmer|Paul", "Kim|Jim Yong"], "{err}");
    assert_eq!(names(reading(&list, "Companion"), "editor_names"), ["Bynum|W. F.", "Porter|Roy"]);
    assert_eq!(names(reading(&list, "Women and health"), "editor_names"), ["Oakley|Ann", "Doe|Jane"], "{err}");
    // (One name in natural order is kept whole, warned, as everywhere: the
    // phrase "translated by" is gone from it.)
    let tr = &reading(&list, "Black skin")["translator_names"][0];
    assert_eq!(tr["original"], "Charles Lam Markmann", "{err}");
    let t = reading(&list, "Tropical");
    assert_eq!((t["volume"].as_str(), t["number_of_volumes"].as_str()), (None, Some("3")), "{err}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Tropical").ends_with("1939. 3 vol."), "{v:?}");
    assert!(!reference(&v, "One volume").contains("1 vol."), "{v:?}");
    for style in ["apa", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        assert!(!reference(&refs, "Tropical").contains("Vols. Vols"), "{style}: {refs:?}");
        let one = reference(&refs, "One volume");
        assert!(!one.contains("1 vols") && !one.contains("1–1") && !one.contains("1-1"), "{style}: {one}");
    }
}

/// Tester r76 F7: PubMed's "Lancet (London, England)" and "The Lancet" are
/// one journal, stored "The Lancet" in either order. F8: another
/// publisher's edition of the same title and year keeps the stored ISBN
/// with the stored publisher.
#[test]
fn the_lancet_in_either_order_and_an_editions_isbn_stays_with_its_publisher() {
    let nbib = "PMID- 33000001\nTI  - Racism: when?\nFAU - Osei, Kofi\nAU  - Osei K\nDP  - 2020\n\
                JT  - Lancet (London, England)\nTA  - Lancet\nVI  - 396\nPG  - 1180-1182\n\
                LID - 10.1016/S0140-6736(20)32000-1 [doi]\n\n";
    let csv = "title,authors,year,container,volume,doi\nRacism: when?,\"Osei, Kofi\",2020,The Lancet,396,\
               10.1016/S0140-6736(20)32000-1\n";
    let mut stored = Vec::new();
    for first in [true, false] {
        let w = workdir();
        if first {
            w.import_reading("a.nbib", nbib);
            w.import_reading("b.csv", csv);
        } else {
            w.import_reading("b.csv", csv);
            w.import_reading("a.nbib", nbib);
        }
        stored.push(w.reading_list()[0]["container"].clone());
    }
    assert_eq!(stored, [serde_json::json!("The Lancet"), serde_json::json!("The Lancet")]);

    let w = workdir();
    w.import_reading(
        "ed1.csv",
        "title,authors,year,type,publisher,place,isbn\nOrientalism,\"Said, Edward\",1978,book,Pantheon Books,New York,\
         9780394428147\n",
    );
    let err = w.import_reading(
        "ed2.csv",
        "title,authors,year,type,publisher,place,isbn\nOrientalism,\"Said, Edward\",1978,book,Routledge & Kegan Paul,\
         London,9780710000408\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Orientalism");
    assert_eq!(
        (r["publisher"].as_str(), r["place"].as_str(), r["isbn"].as_str()),
        (Some("Pantheon Books"), Some("New York"), Some("9780394428147")),
        "{err}"
    );
    assert!(err.contains("ISBN \"9780710000408\""), "{err}");
}

/// Tester r76 F3: `export reading` says which types canon inferred, and
/// another copy importing that sheet reads them as guesses: a stated
/// "report" there is not replaced by the exported guess "book".
#[test]
fn an_exported_guess_stays_a_guess_in_another_copy() {
    let w = workdir();
    w.import_reading(
        "notype.csv",
        "title,authors,year,publisher\nSocial determinants of health,World Health Organization,2003,WHO\n",
    );
    let sheet = w.ok(&["export", "reading", "--format", "csv"]);
    let header: Vec<&str> = sheet.lines().next().expect("a header").split(',').collect();
    let row: Vec<&str> = sheet.lines().nth(1).expect("a row").split(',').collect();
    let col = header.iter().position(|h| *h == "type_inferred").expect("the column");
    assert_eq!(row[col], "yes", "{sheet}");
    let other = w.path("other.db");
    let stated = w.write("stated.csv", "title,year,type,publisher\nSocial determinants of health,2003,report,WHO\n");
    w.ok_at(&other, &["init", "-q"]);
    w.ok_at(&other, &["import", "reading", stated.to_str().expect("path")]);
    let ex = w.write("export.csv", &sheet);
    let out = common::stderr_at(&w, &other, &["import", "reading", ex.to_str().expect("path")]);
    let l = common::json_at(&w, &other, &["reading", "list", "--format", "json"]);
    assert_eq!(reading(&l, "Social determinants")["type"], "report", "{out}");
    // And back into the same copy: no change.
    let back = w.import_reading("back.csv", &sheet);
    assert!(back.contains("0 changed"), "{back}");
}

/// Tester r76 F13: a merge listing names a reading by its title as the
/// listings write it, `{eGFR}`, never the stored HTML.
#[test]
fn merge_listings_name_a_reading_in_braces() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{a, title={Race correction in {eGFR}: a review}, author={Osei, Kofi}, journal={BMJ}, year={2021}}\n",
    );
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).expect("copy");
    let id = reading(&w.reading_list(), "Race correction")["id"].to_string().trim_matches('"').to_string();
    w.ok_at(&theirs, &["tag", &id, "epistemic-bias", "--by", "kofi"]);
    let out = w.ok(&["merge", theirs.to_str().expect("path"), "--by", "amina"]);
    let err = w.ok_stderr(&["merge", theirs.to_str().expect("path"), "--by", "amina", "--dry-run"]);
    let said = format!("{out}{err}");
    assert!(said.contains("on reading Race correction in {eGFR}: a review"), "{said}");
    assert!(!said.contains("<span"), "{said}");
}

/// Tester r76 F17: a catalogue's ISBN qualifier that names the volume among
/// other words ("(v. 2 : alk. paper)", "(pbk. ; v. 1)") gives the volume;
/// "(2 v.)" gives the set's number of volumes.
#[test]
fn isbn_qualifiers_with_binding_words_give_the_volume_or_the_count() {
    for (isbn, volume, count) in [
        ("0415047722 (v. 2 : alk. paper)", Some("2"), None),
        ("0415047722 (pbk. ; v. 1)", Some("1"), None),
        ("0415047722 (2 v.)", None, Some("2")),
    ] {
        let w = workdir();
        let err = w.import_reading(
            "q.csv",
            &format!(
                "title,authors,year,type,publisher,isbn\nCompanion,\"Doe, Jane\",1993,book,Routledge,\"{isbn}\"\n"
            ),
        );
        let list = w.reading_list();
        let r = reading(&list, "Companion");
        assert_eq!((r["volume"].as_str(), r["number_of_volumes"].as_str()), (volume, count), "{isbn}: {err}");
        assert!(!err.contains("is not stored"), "{isbn}: {err}");
    }
}
