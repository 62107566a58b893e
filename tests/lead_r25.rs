//! Issue 12 (lead, r25), through the binary: translators (schema 0029),
//! read from every format that has them, stored in parts, kept through
//! re-imports, edits and exports, and cited as each manual writes them.

mod common;

use common::{reading, reference, workdir};

fn translators(list: &serde_json::Value, title: &str) -> Vec<String> {
    reading(list, title)["translator_names"]
        .as_array()
        .unwrap_or_else(|| panic!("no translator_names: {}", reading(list, title)))
        .iter()
        .map(|n| n["original"].as_str().expect("a name as written").to_string())
        .collect()
}

const BIB: &str = r#"@book{fanon2004,
  author = {Fanon, Frantz},
  translator = {Philcox, Richard},
  title = {The Wretched of the Earth},
  publisher = {Grove Press},
  address = {New York},
  year = {2004},
  origdate = {1961}
}
@incollection{cesaire,
  author = {Césaire, Aimé},
  translator = {Pinkham, Joan and Kelley, Robin D. G.},
  editor = {Kelley, Robin D. G.},
  title = {Discourse on Colonialism},
  booktitle = {Discourse on Colonialism},
  publisher = {Monthly Review Press},
  address = {New York},
  pages = {29--78},
  year = {2000}
}
@article{mbembe,
  author = {Mbembe, Achille},
  translator = {Corcoran, Steven},
  title = {Necropolitics},
  journal = {Public Culture},
  volume = {15},
  number = {1},
  pages = {11--40},
  year = {2003}
}
@book{dubois,
  author = {Du Bois, W. E. B.},
  editor = {Sharma, Anil},
  translator = {Sharma, Anil},
  title = {The Souls of Black Folk in Hindi},
  publisher = {Rajkamal},
  year = {2010}
}
"#;

/// BibTeX/biblatex `translator` is stored in parts (it was named as not
/// stored) and each bundled style cites the translator as its manual does.
#[test]
fn a_translator_is_stored_and_cited_in_every_style() {
    let w = workdir();
    let said = w.import_reading("t.bib", BIB);
    assert!(!said.contains("not stored"), "{said}");
    let list = w.reading_list();
    assert_eq!(translators(&list, "The Wretched"), ["Philcox, Richard"]);
    let fanon = reading(&list, "The Wretched");
    assert_eq!(fanon["translator_names"][0]["family"], "Philcox");
    assert_eq!(fanon["translator_names"][0]["given"], "Richard");
    assert_eq!(translators(&list, "Discourse"), ["Pinkham, Joan", "Kelley, Robin D. G."]);

    // APA 7 §9.39: "(R. Philcox, Trans.)" after the title; §10.3 a translated chapter.
    let apa = w.references("apa");
    assert!(reference(&apa, "The Wretched").contains("The Wretched of the Earth (R. Philcox, Trans.). Grove Press."));
    assert!(reference(&apa, "Necropolitics").contains("Necropolitics (S. Corcoran, Trans.). Public Culture, 15(1)"));
    // Both translators of the chapter, apart from its editor (hayagriva's
    // `editor-translator` printed "Kelley (Ed. & Trans.)" and dropped Pinkham).
    let chapter = reference(&apa, "Discourse");
    assert!(
        chapter.contains("Discourse on Colonialism (J. Pinkham & R. D. G. Kelley, Trans.). In R. D. G. Kelley (Ed.),"),
        "{chapter}"
    );
    // One person both: "Ed. & Trans.", once.
    let same = reference(&apa, "The Souls");
    assert!(same.contains("(A. Sharma, Ed. & Trans.)") && same.matches("Sharma").count() == 1, "{same}");

    // Citing Medicine ch. 2, secondary authors: after the title.
    let vancouver = w.references("vancouver");
    assert!(
        reference(&vancouver, "The Wretched")
            .contains("Fanon F. The Wretched of the Earth. Philcox R, translator. New York: Grove Press; 2004."),
        "{vancouver:?}"
    );
    assert!(reference(&vancouver, "Discourse").contains("Pinkham J, Kelley RDG, translators. In: Kelley RDG, editor."));
    // A journal article has no secondary authors in Citing Medicine ch. 1 (as for its editors).
    assert!(!reference(&vancouver, "Necropolitics").contains("Corcoran"), "{vancouver:?}");

    // AMA 11: "Philcox R, trans."
    let ama = w.references("ama");
    assert!(
        reference(&ama, "The Wretched").contains("The Wretched of the Earth. Philcox R, trans. Grove Press; 2004.")
    );
    assert!(reference(&ama, "Discourse").contains("Pinkham J, Kelley RDG, trans."), "{ama:?}");

    // Chicago 17 §14.103: "Translated by Richard Philcox."; the chapter's editor and translators each once.
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "The Wretched").contains("The Wretched of the Earth. Translated by Richard Philcox."));
    let chapter = reference(&chicago, "Discourse");
    assert!(
        chapter.contains("edited by Robin D. G. Kelley, translated by Joan Pinkham and Robin D. G. Kelley, 29–78."),
        "{chapter}"
    );
    assert!(!chapter.contains("edited and translated"), "{chapter}");
    // The same person both: "Edited and translated by", once (it was printed twice).
    let same = reference(&chicago, "The Souls");
    assert_eq!(same.matches("Edited and translated by Anil Sharma").count(), 1, "{same}");

    // Cite Them Right: "Translated by R. Philcox."; an article's translator after its title.
    let harvard = w.references("harvard");
    assert!(
        reference(&harvard, "The Wretched").contains("The Wretched of the Earth. Translated by R. Philcox. New York")
    );
    assert!(
        reference(&harvard, "Necropolitics")
            .contains("‘Necropolitics’, translated by S. Corcoran, Public Culture, 15(1)"),
        "{harvard:?}"
    );
}

/// Every format that names translators fills them; where a format's tag
/// means someone else (RIS `A4` of a legal case is counsel, EndNote's
/// subsidiary authors of a film are its performers) it is named as not
/// stored.
#[test]
fn every_format_reads_its_translators() {
    let w = workdir();
    let said = w.import_reading(
        "a.ris",
        "TY  - BOOK\nTI  - Pedagogy of the Oppressed\nAU  - Freire, Paulo\nA4  - Ramos, Myra Bergman\nPY  - 2000\n\
         PB  - Continuum\nER  - \nTY  - CASE\nTI  - A case\nA4  - Counsel, Jane\nPY  - 1999\nER  - \n",
    );
    assert!(said.contains("not stored") && said.contains("RIS A4 (1 record)"), "{said}");
    w.import_reading(
        "b.json",
        r#"[{"id":"x","type":"book","title":"Les damnés in English","author":[{"family":"Fanon","given":"Frantz"}],
            "translator":[{"family":"Farrington","given":"Constance"}],"issued":{"date-parts":[[1963]]}}]"#,
    );
    let said = w.import_reading(
        "c.xml",
        "<xml><records><record><rec-number>1</rec-number><ref-type name=\"Book\">6</ref-type><contributors>\
         <authors><author>Césaire, Aimé</author></authors><subsidiary-authors><author>Pinkham, Joan</author>\
         </subsidiary-authors></contributors><titles><title>Discourse on Colonialism</title></titles>\
         <dates><year>1972</year></dates></record>\
         <record><rec-number>2</rec-number><ref-type name=\"Film or Broadcast\">21</ref-type><contributors>\
         <authors><author>Pontecorvo, Gillo</author></authors><subsidiary-authors><author>Martin, Jean</author>\
         </subsidiary-authors></contributors><titles><title>The Battle of Algiers</title></titles>\
         <dates><year>1966</year></dates></record></records></xml>",
    );
    assert!(said.contains("EndNote XML contributors/subsidiary-authors/author (1 record)"), "{said}");
    let said = w.import_reading(
        "d.csv",
        "Key,Item Type,Publication Year,Author,Title,Translator\n\
         K1,book,1967,\"Fanon, Frantz\",Black Skin White Masks,\"Markmann, Charles Lam\"\n",
    );
    assert!(said.contains("\"Translator\" → translators"), "{said}");
    let said = w.import_reading(
        "e.csv",
        "title,authors,year,type,translated by\nThe Colonizer and the Colonized,\"Memmi, Albert\",1965,book,\
         \"Greenfeld, Howard; Sartre, Jean-Paul\"\n",
    );
    assert!(said.contains("\"translated by\" → translators"), "{said}");
    let list = w.reading_list();
    assert_eq!(translators(&list, "Pedagogy"), ["Ramos, Myra Bergman"]);
    assert!(translators(&list, "A case").is_empty());
    assert_eq!(translators(&list, "Les damnés"), ["Farrington, Constance"]);
    assert_eq!(translators(&list, "Discourse"), ["Pinkham, Joan"]);
    assert!(translators(&list, "The Battle").is_empty());
    assert_eq!(translators(&list, "Black Skin"), ["Markmann, Charles Lam"]);
    assert_eq!(translators(&list, "The Colonizer"), ["Greenfeld, Howard", "Sartre, Jean-Paul"]);
    let show = w.ok(&["reading", "show", &reading(&list, "The Colonizer")["id"].to_string()]);
    assert!(show.contains("translator 2") && show.contains("family Sartre · given Jean-Paul"), "{show}");
}

/// Translators survive what other fields survive: a re-import from a file
/// without them, an export read back, a hand edit (logged with the names
/// as written) and its undo.
#[test]
fn translators_are_kept_edited_and_undone() {
    let w = workdir();
    w.import_reading("t.bib", BIB);
    // The same book from a RIS file that names no translator: nothing cleared.
    let said = w.import_reading(
        "same.ris",
        "TY  - BOOK\nTI  - The Wretched of the Earth\nAU  - Fanon, Frantz\nPY  - 2004\nPB  - Grove Press\nER  - \n",
    );
    assert!(said.contains("1 unchanged") || said.contains("0 new"), "{said}");
    assert_eq!(translators(&w.reading_list(), "The Wretched"), ["Philcox, Richard"]);
    // An export read back into a new database keeps them, parts and all.
    let out = w.path("ex.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    // (Schema 0030's original title and 0032's volume title come after it.)
    assert!(
        csv.lines().next().unwrap().ends_with(
            ",translators,original_title,volume_title,number_of_volumes,type_inferred,year_end,other_isbns,\
                 archive,archive_location,event,event_place,event_date,pmcid,eprint"
        ),
        "{csv}"
    );
    let v = workdir();
    v.ok(&["import", "reading", out.to_str().unwrap()]);
    let list = v.reading_list();
    assert_eq!(translators(&list, "Discourse"), ["Pinkham, Joan", "Kelley, Robin D. G."]);
    assert_eq!(reading(&list, "Discourse")["translator_names"][1]["given"], "Robin D. G.");
    // A bundle merged into another database carries them.
    let bundle = w.path("b");
    w.ok(&["export", "bundle", bundle.to_str().unwrap()]);
    let m = workdir();
    m.ok(&["merge", bundle.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(translators(&m.reading_list(), "Discourse"), ["Pinkham, Joan", "Kelley, Robin D. G."]);
    // A hand edit replaces the list, says so in the log, and is undone.
    let id = reading(&w.reading_list(), "The Wretched")["id"].to_string();
    let edited = w.ok_stderr(&[
        "reading",
        "edit",
        &id,
        "--translator",
        "Philcox, Richard",
        "--translator",
        "Farrington, Constance",
        "--by",
        "amina",
    ]);
    assert!(edited.contains("+\"Farrington, Constance\""), "{edited}");
    assert_eq!(translators(&w.reading_list(), "The Wretched"), ["Philcox, Richard", "Farrington, Constance"]);
    let log = w.ok(&["log"]);
    assert!(log.contains("translator_names: Philcox, Richard → Philcox, Richard; Farrington, Constance"), "{log}");
    let number =
        edited.split("canon undo ").nth(1).and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next()).unwrap();
    w.ok(&["undo", number, "--by", "amina"]);
    assert_eq!(translators(&w.reading_list(), "The Wretched"), ["Philcox, Richard"]);
    // `--translator ""` clears them.
    w.ok(&["reading", "edit", &id, "--translator", "", "--by", "amina"]);
    assert!(translators(&w.reading_list(), "The Wretched").is_empty());
    let apa = w.references("apa");
    assert!(!reference(&apa, "The Wretched").contains("Trans."), "{apa:?}");
}

/// Tester r28, F1: an HTML entity in an EndNote XML export ("Caf&eacute;")
/// is read as its character and said; one no standard names is kept as
/// written and said. The letters were dropped without a word.
#[test]
fn html_entities_in_endnote_xml_are_read_and_said() {
    let w = workdir();
    let said = w.import_reading(
        "ent.xml",
        "<?xml version=\"1.0\"?>\n<xml><records>\n<record><ref-type name=\"Journal Article\">17</ref-type>\n\
         <contributors><authors><author>Ren&eacute;, Jos&eacute;</author></authors></contributors>\n\
         <titles><title>Caf&eacute; m&eacute;decine &amp; &foo; sant&eacute;</title></titles>\n\
         <dates><year>2001</year></dates>\n</record>\n</records></xml>\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Café");
    assert_eq!(r["title"], "Café médecine & &foo; santé");
    assert_eq!(r["authors"][0], "René, José");
    // Each entity said once, at its first place (line 4, the author), the unknown one kept.
    assert_eq!(said.matches("&eacute; is an HTML entity").count(), 1, "{said}");
    assert!(said.contains("ent.xml:4:"), "{said}");
    assert!(said.contains("&foo; names no XML or HTML character; kept as written"), "{said}");
}

/// Tester r28, F3: a RIS tag written in small letters ("au  - Lower,
/// Case") is read as its tag and said; it was joined to the title and the
/// author lost.
#[test]
fn a_ris_tag_in_small_letters_is_read_and_said() {
    let w = workdir();
    let said = w.import_reading(
        "odd.ris",
        "ty  - JOUR\nTI  - Lowercase tag test\nau  - Lower, Case\nPy  - 2001\ner  -\nTY  - BOOK\nTI  - Next\nER  - \n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Lowercase");
    assert_eq!(r["title"], "Lowercase tag test");
    assert_eq!(r["authors"][0], "Lower, Case");
    assert_eq!(r["year"], 2001);
    assert_eq!(reading(&list, "Next")["type"], "book");
    assert!(said.contains("odd.ris:3:1: warning: tag \"au\" is written in small letters; read as AU"), "{said}");
    assert!(said.contains("tag \"Py\"") && said.contains("tag \"ty\"") && said.contains("tag \"er\""), "{said}");
}

/// Tester r28, F4 and F5: a journal's name with the NLM catalogue's
/// qualifier ("(Online)") is not replaced by its abbreviation, and a
/// language said less precisely ("en" for "en-GB") never replaces the more
/// precise; re-importing either file changes nothing after that.
#[test]
fn a_qualified_journal_and_a_precise_language_are_kept() {
    let w = workdir();
    w.import_reading(
        "d.bib",
        "@article{d, author={A, B}, title={Qualifier test}, journal={Journal of Medical Education (Online)}, \
         year={2001}, doi={10.1000/c1}, language={en-GB}}\n",
    );
    let ris = "TY  - JOUR\nTI  - Qualifier test\nAU  - A, B\nJO  - J Med Educ\nPY  - 2001\nDO  - 10.1000/c1\n\
               LA  - English\nER  - \n";
    w.import_reading("b.ris", ris);
    let r = reading(&w.reading_list(), "Qualifier").clone();
    assert_eq!(r["container"], "Journal of Medical Education (Online)");
    assert_eq!(r["container_short"], "J Med Educ");
    assert_eq!(r["language"], "en-GB");
    // Both files again: nothing changes back and forth.
    let again = w.import_reading("b.ris", ris);
    assert!(again.contains("0 changed"), "{again}");
    let again = w.import_reading(
        "d.bib",
        "@article{d, author={A, B}, title={Qualifier test}, journal={Journal of Medical Education (Online)}, \
         year={2001}, doi={10.1000/c1}, language={en-GB}}\n",
    );
    assert!(again.contains("0 changed"), "{again}");
    // Another region is another value: the file's is taken, as any field's is.
    w.import_reading(
        "us.bib",
        "@article{d, author={A, B}, title={Qualifier test}, year={2001}, doi={10.1000/c1}, language={en-US}}\n",
    );
    assert_eq!(reading(&w.reading_list(), "Qualifier")["language"], "en-US");
}

/// Tester r28, F6: `--quiet` keeps what is said about the data (a value not
/// stored, a field canon has no place for, a record left out and why), as
/// its help promises; it hid them all.
#[test]
fn quiet_still_says_what_was_not_stored() {
    let w = workdir();
    let q = w.write(
        "q.bib",
        "@article{q, author={A, B}, title={Quiet test}, year={2001}, abstract={gone}, isbn={123}, issn={1234-5678}}\n",
    );
    let said = w.ok_stderr(&["import", "reading", q.to_str().unwrap(), "-q"]);
    assert!(said.contains("warning:") && said.contains("ISBN field \"123\""), "{said}");
    assert!(said.contains("not stored (canon has no field for them): BibTeX abstract"), "{said}");
    assert!(!said.contains("readings: 1 new"), "the summary stays quiet: {said}");
    let s = w.write("s.ris", "TY  - JOUR\nTI  - ok\nER  - \nTY  - JOUR\nPY  - 0000\nER  - \n");
    let said = w.ok_stderr(&["import", "reading", s.to_str().unwrap(), "-q", "--skip-invalid"]);
    assert!(said.contains("s.ris:4:1: the record starting at line 4 has no title"), "{said}");
    assert!(said.contains("1 invalid record(s) left out"), "{said}");
}

/// Tester r28, F10: `canon undo` of an import's own entry undoes every
/// change the import made, in one transaction; it was refused.
#[test]
fn undo_of_an_import_undoes_its_changes() {
    let w = workdir();
    w.import_reading("u.csv", "title,authors,year\nA one,\"X, Y\",2001\nB two,\"X, Z\",2002\nC three,\"Q, R\",2003\n");
    let log = w.json(&["log", "--format", "json"]);
    let import = log.as_array().unwrap().iter().find(|e| e["action"] == "import").expect("the import's entry");
    let id = import["id"].to_string();
    let said = w.ok_stderr(&["undo", &id, "--by", "amina"]);
    assert!(said.contains(&format!("Undone import #{id}: its 3 change(s)")), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
    // Again: nothing left to undo, said, nothing changed.
    let err = w.fails(&["undo", &id, "--by", "amina"]);
    assert!(err.contains("already undone"), "{err}");
}

/// Tester r28, F11: a CSL-JSON name keeps the given name as written in the
/// name as written ("X, Y"); its parts write the initial with its period.
#[test]
fn a_single_initial_is_kept_as_written() {
    let w = workdir();
    w.import_reading(
        "f.json",
        r#"[{"id":"f","type":"book","title":"One initial","author":[{"family":"X","given":"Y"}]}]"#,
    );
    let r = reading(&w.reading_list(), "One initial").clone();
    assert_eq!(r["author_names"][0]["original"], "X, Y");
    assert_eq!(r["author_names"][0]["given"], "Y.");
}

/// Tester r28, F9: a header two columns share is no name for one of them:
/// the hint names the column by its number, and a `--map` by that header is
/// refused (it read the other column: the module's title went to `lead`).
#[test]
fn a_shared_header_is_mapped_by_column_number() {
    let w = workdir();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes,module_title\n\
         MBBS,1,MED1,Real title,S1,Outcome,,Second title\n",
    );
    let file = m.to_str().unwrap();
    let said = w.ok_stderr(&["import", "modules", file, "--dry-run"]);
    // A repeated header is offered no other field (tester r67 F9: such a hint put a title in another
    // field); mapped by its number, it is read.
    assert!(said.contains("column 8 \"module_title\" is not read") && !said.contains("--map"), "{said}");
    let err = w.fails(&["import", "modules", file, "--map", "module_title=lead"]);
    assert!(err.contains("columns 4 and 8 have alike") && err.contains("--map '8=lead'"), "{err}");
    w.ok(&["import", "modules", file, "--map", "8=lead"]);
    let module = w.json(&["module", "list", "--format", "json"]);
    assert_eq!(module[0]["title"], "Real title", "{module}");
    assert_eq!(module[0]["lead"], "Second title", "{module}");
    // A reading list alike.
    let said = w.import_reading("r.csv", "title,title,year\nReal,Other,2001\n");
    assert!(said.contains("column 2 \"title\" is not read") && !said.contains("--map"), "{said}");
}

/// Tester r28, F12 and F16: an empty file is refused in every format with
/// what the format holds (an empty .bib succeeded, "only its header"); an
/// export of no records says so; UTF-16 without a byte-order mark is named
/// with the option that reads it (it was "a binary file"); a database in a
/// folder that is not there is said so (SQLite's "Error code 14").
#[test]
fn empty_files_utf16_and_a_missing_folder_are_said_plainly() {
    let w = workdir();
    for (file, expected) in [
        ("e.bib", "BibTeX entries"),
        ("e.ris", "RIS records"),
        ("e.nbib", "MEDLINE records"),
        ("e.csv", "a header row"),
        ("e.xml", "an EndNote XML export"),
        ("e.json", "a CSL-JSON array"),
    ] {
        let path = w.write(file, "\n  \n");
        let err = w.fails(&["import", "reading", path.to_str().unwrap()]);
        assert!(err.contains(&format!("{file}:1:1: the file is empty; expected {expected}")), "{file}: {err}");
    }
    let none = w.write("none.xml", "<?xml version=\"1.0\"?><xml><records></records></xml>");
    assert!(w.fails(&["import", "reading", none.to_str().unwrap()]).contains("export holds no records"));
    let none = w.write("none.json", "[]");
    assert!(w.fails(&["import", "reading", none.to_str().unwrap()]).contains("export holds no records"));
    let utf16: Vec<u8> = "title,year\nA,2001\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = w.path("u16.csv");
    std::fs::write(&path, utf16).unwrap();
    let err = w.fails(&["import", "reading", path.to_str().unwrap()]);
    assert!(err.contains("UTF-16 (little-endian) without a byte-order mark") && err.contains("--encoding utf-16le"));
    w.ok(&["import", "reading", path.to_str().unwrap(), "--encoding", "utf-16le"]);
    assert_eq!(reading(&w.reading_list(), "A")["year"], 2001);
    let missing = w.path("no/such/folder/c.db");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("canon"))
        .args(["--db", missing.to_str().unwrap(), "init"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the folder") && err.contains("does not exist"), "{err}");
}

/// Tester r27, F3: an original year that holds no year (a title in RIS
/// `OP`, as some exporters write it) is not stored as the year; typed with
/// `--original-year` it is refused. APA printed "(Original work published
/// Les damnés de la terre)". Since tester r69 F11 RIS `OP` (EndNote's
/// free-text "Original Publication") gives the original title, said (it
/// was refused as a year and lost).
#[test]
fn an_original_year_without_a_year_is_not_stored() {
    let w = workdir();
    let said = w.import_reading(
        "op.ris",
        "TY  - BOOK\nTI  - The Wretched of the Earth\nAU  - Fanon, Frantz\nOP  - Les damnés de la terre\nPY  - 2004\n\
         ER  - \nTY  - BOOK\nTI  - Black Skin\nOP  - 1952\nPY  - 2008\nER  - \n",
    );
    assert!(
        said.contains("op.ris:4:7: warning:")
            && said.contains("\"Les damnés de la terre\": read as the original title \"Les damnés de la terre\""),
        "{said}"
    );
    let list = w.reading_list();
    assert!(reading(&list, "The Wretched")["original_year"].is_null());
    assert_eq!(reading(&list, "The Wretched")["original_title"], "Les damnés de la terre");
    assert_eq!(reading(&list, "Black Skin")["original_year"], "1952");
    assert!(!reference(&w.references("apa"), "The Wretched").contains("Original work"));
    let id = reading(&list, "Black Skin")["id"].to_string();
    let err = w.fails(&["reading", "edit", &id, "--original-year", "Peau noire", "--by", "amina"]);
    assert!(err.contains("holds no year"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Black Skin")["original_year"], "1952");
}
