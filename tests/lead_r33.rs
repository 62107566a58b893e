//! Issue 12 (lead, r33), through the binary: what a re-import or another
//! list's record of a work changes is said in a real run, not only in the
//! dry run; the styles' forms testers r31 and r33–r35 found wrong.

mod common;

use common::{Workdir, reading, workdir};

/// The history entry of the last import (`canon undo` of it undoes its changes).
fn last_import(w: &Workdir) -> i64 {
    let log = w.json(&["log", "--format", "json"]);
    log.as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["action"] == "import")
        .filter_map(|e| e["id"].as_i64())
        .max()
        .expect("the import's entry")
}

/// README: "A reading met again (same DOI, ISBN, or title and year) has its
/// blanks filled and differing values reported." A year replaced by the
/// file's through a DOI match was said only in `--dry-run` (tester r31, D14).
#[test]
fn a_doi_match_that_replaces_a_stored_value_says_so_in_a_real_run() {
    let w = workdir();
    w.import_reading(
        "plain.csv",
        "title,authors,year,type,doi,pages\n\
         Attention to stress in clinical practice,\"Smith, John; Jones, Mary\",1999,article,10.1002/abc.123,1-9\n",
    );
    let csv = "title,authors,year,type,doi,pages\n\
               Attention to stress in clinical practice,\"Smith, John; Jones, Mary\",2000,article,\
               https://doi.org/10.1002/ABC.123,11-19\n";
    // The dry run and the real run say the same replacement.
    w.write("other.csv", csv);
    let dry = w.ok_stderr(&["import", "reading", "other.csv", "--dry-run"]);
    let err = w.import_reading("other.csv", csv);
    for out in [&dry, &err] {
        assert!(out.contains("(same DOI): the file's values replace the stored ones:"), "{out}");
        assert!(out.contains("year 2000 (was 1999)"), "{out}");
        // Another list's other pages leave the stored ones, said with the
        // edit that takes them (tester r63 F6: they flipped at every
        // import of the two lists; until then they were replaced here).
        // (Pages agree as a plural: tester r87 F12.)
        assert!(out.contains("the file's pages \"11-19\" differ from the stored \"1-9\", which stay"), "{out}");
        assert!(out.contains("--pages \"11-19\"`"), "{out}");
        assert!(out.contains("other.csv:2:"), "{out}");
    }
    let list = w.reading_list();
    assert_eq!(reading(&list, "Attention to stress")["year"], 2000);
    // Blanks filled are not "replacements"; a same-source re-import by ID
    // (canon's own export) is the user's edit and is not said this way.
    let again = w.import_reading("other.csv", csv);
    assert!(!again.contains("replace"), "{again}");
}

/// Chicago gives a book's editor and translator before its edition (CMOS
/// 17 §14.2, §14.4); AMA gives a book's editor after its title, unbracketed
/// (AMA 11 §3.12.1); an edition written "Rev." is "Rev. ed." (tester r31,
/// D10).
#[test]
fn roles_come_before_the_edition_in_chicago_and_ama_names_the_editor_after_the_title() {
    let w = workdir();
    w.import_reading(
        "t.bib",
        "@book{fanon, author={Fanon, Frantz}, translator={Philcox, Richard}, title={The Wretched of the Earth},\n\
         edition={2}, publisher={Grove Press}, year={2004}}\n\
         @book{said, author={Said, Edward}, editor={Osei, Ama}, translator={Lind, Tove}, title={Both roles},\n\
         publisher={Vintage}, year={1994}, edition={25th anniversary}}\n\
         @book{dubois, author={Du Bois, W. E. B.}, editor={Edwards, Brent Hayes}, title={The Souls of Black Folk},\n\
         publisher={Oxford University Press}, year={2007}}\n\
         @book{kelley, editor={Kelley, Robin D. G.}, title={Edited only}, publisher={Pluto}, year={2001}, edition={3}}\n\
         @book{rev, author={Fanon, Frantz}, title={Black skin}, edition={Rev.}, publisher={Pluto}, year={2008}}\n",
    );
    let chicago = w.references("chicago");
    assert_eq!(
        common::reference(&chicago, "The Wretched"),
        "Fanon, Frantz. 2004. The Wretched of the Earth. Translated by Richard Philcox. 2nd ed. Grove Press."
    );
    assert_eq!(
        common::reference(&chicago, "Both"),
        "Said, Edward. 1994. Both Roles. Edited by Ama Osei. Translated by Tove Lind. 25th anniversary ed. Vintage."
    );
    assert_eq!(
        common::reference(&chicago, "Edited only"),
        "Kelley, Robin D. G., ed. 2001. Edited Only. 3rd ed. Pluto."
    );
    assert_eq!(common::reference(&chicago, "Black skin"), "Fanon, Frantz. 2008. Black Skin. Rev. ed. Pluto.");
    let ama = w.references("ama");
    assert_eq!(
        common::reference(&ama, "The Souls"),
        "Du Bois WEB. The Souls of Black Folk. Edwards BH, ed. Oxford University Press; 2007."
    );
    assert_eq!(
        common::reference(&ama, "Both"),
        "Said E. Both Roles. Osei A, ed. Lind T, trans. 25th anniversary ed. Vintage; 1994."
    );
    assert_eq!(common::reference(&ama, "Edited only"), "Kelley RDG, ed. Edited Only. 3rd ed. Pluto; 2001.");
    // Cite Them Right's "Revised edn" for "Rev." as for "Revised" (changed
    // on purpose, tester r49 F8: it was printed "Rev. edn").
    assert_eq!(
        common::reference(&w.references("harvard"), "Black skin"),
        "Fanon, F. (2008) Black skin. Revised edn. Pluto."
    );
}

/// A podcast episode in APA is "Title (No. 112) [Audio podcast episode].
/// In *Podcast*. Publisher." and a whole podcast "[Audio podcast]" (APA 7
/// §10.13); in AMA "Title. *Podcast*. Podcast. June 10, 2020." (AMA 11
/// §3.14.1), never a journal's "2020;(112)" (tester r31, D8).
#[test]
fn podcast_episodes_are_cited_as_episodes_in_apa_and_ama() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[
{"id":"p1","type":"broadcast","genre":"Podcast","title":"The problem with race-based medicine","container-title":"Code Switch","number":"112","publisher":"NPR","author":[{"family":"Roberts","given":"Dorothy"}],"issued":{"date-parts":[[2020,6,10]]},"URL":"https://www.npr.org/2020/06/10/codeswitch"},
{"id":"p3","type":"broadcast","genre":"podcast","title":"Seeing White","author":[{"family":"Biewen","given":"John"}],"publisher":"Center for Documentary Studies","issued":{"date-parts":[[2017]]},"URL":"https://www.sceneonradio.org/seeing-white/"}
]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "The problem"),
        "Roberts, D. (2020, June 10). The problem with race-based medicine (No. 112) [Audio podcast episode]. In Code \
         Switch. NPR. https://www.npr.org/2020/06/10/codeswitch"
    );
    assert_eq!(
        common::reference(&apa, "Seeing"),
        "Biewen, J. (2017). Seeing White [Audio podcast]. Center for Documentary Studies. \
         https://www.sceneonradio.org/seeing-white/"
    );
    // Chicago: the episode's title in quotation marks, its number an episode's.
    assert_eq!(
        common::reference(&w.references("chicago"), "The problem"),
        "Roberts, Dorothy. 2020. \u{201C}The Problem with Race-Based Medicine.\u{201D} Code Switch. Podcast, episode \
         112. NPR, June 10. https://www.npr.org/2020/06/10/codeswitch."
    );
    // Citing Medicine: the content type, and the episode's full date.
    assert_eq!(
        common::reference(&w.references("vancouver"), "The problem"),
        "Roberts D. The problem with race-based medicine [podcast on the Internet]. Code Switch. NPR; 2020 Jun 10. \
         Available from: https://www.npr.org/2020/06/10/codeswitch"
    );
    let ama = w.references("ama");
    assert_eq!(
        common::reference(&ama, "The problem"),
        "Roberts D. The problem with race-based medicine. Code Switch. Podcast. June 10, 2020. \
         https://www.npr.org/2020/06/10/codeswitch"
    );
}

/// Another list's fuller names of the same people never cost a stored
/// name its suffix, particle or diacritics ("Silva, João" and "Silva, Joao
/// Carlos" are "Silva, João Carlos"; "Mensah, Jr., K." and "Mensah, Kofi
/// Adjei" are "Mensah, Kofi Adjei, Jr."), and initials the file writes out
/// are taken ("van der Berg, P." and "Berg, Pieter": "van der Berg,
/// Pieter"): tester r33, F1.
#[test]
fn fuller_names_from_another_list_keep_the_stored_suffix_particle_and_diacritics() {
    let w = workdir();
    w.import_reading(
        "first.bib",
        "@article{a1, author = {Silva, João and van der Berg, P. and Mensah, Jr., K. and Ní Bhriain, Aoife},\n\
         title = {Decolonising anatomy teaching}, journal = {Anatomical Sciences Education},\n\
         year = {2022}, volume = {15}, pages = {100--110}, doi = {10.1002/ase.2100} }\n",
    );
    let ris = "TY  - JOUR\nAU  - Silva, Joao Carlos\nAU  - Berg, Pieter\nAU  - Mensah, Kofi Adjei\n\
               AU  - Ni Bhriain, Aoife M.\nTI  - Decolonising anatomy teaching\nJO  - Anatomical Sciences Education\n\
               PY  - 2022\nDO  - 10.1002/ase.2100\nER  - \n";
    let err = w.import_reading("second.ris", ris);
    assert!(err.contains("the file's value replaces the stored one: authors"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Decolonising anatomy");
    assert_eq!(
        r["authors"],
        serde_json::json!([
            "Silva, João Carlos",
            "van der Berg, Pieter",
            "Mensah, Kofi Adjei, Jr.",
            "Ní Bhriain, Aoife M."
        ])
    );
    assert_eq!(r["author_names"][2]["suffix"], "Jr.");
    assert_eq!(r["author_names"][1]["particle"], "van der");
    // The same file again, and the first again: nothing changes back.
    assert!(w.import_reading("second.ris", ris).contains("0 changed, 1 unchanged"));
    w.write(
        "first.bib",
        "@article{a1, author = {Silva, João and van der Berg, P. and Mensah, Jr., K. and Ní Bhriain, Aoife},\n\
         title = {Decolonising anatomy teaching}, journal = {Anatomical Sciences Education},\n\
         year = {2022}, volume = {15}, pages = {100--110}, doi = {10.1002/ase.2100} }\n",
    );
    assert!(w.ok_stderr(&["import", "reading", "first.bib"]).contains("0 changed, 1 unchanged"));
    // A longer list from the file keeps the stored forms of its people too.
    let longer = "TY  - JOUR\nAU  - Silva, Joao Carlos\nAU  - Berg, Pieter\nAU  - Mensah, Kofi Adjei\n\
                  AU  - Ni Bhriain, Aoife M.\nAU  - Okoro, Chidi\nTI  - Decolonising anatomy teaching\n\
                  PY  - 2022\nDO  - 10.1002/ase.2100\nER  - \n";
    w.import_reading("longer.ris", longer);
    let list = w.reading_list();
    let a = &reading(&list, "Decolonising anatomy")["authors"];
    assert_eq!(a[0], "Silva, João Carlos");
    assert_eq!(a[2], "Mensah, Kofi Adjei, Jr.");
    assert_eq!(a[3], "Ní Bhriain, Aoife M.");
    assert_eq!(a[4], "Okoro, Chidi");
}

/// A month and day a person set (here: put back by `canon undo`) keep
/// their year against another list's year, and the warnings say one thing:
/// the date stands whole (tester r33, F3: "cleared" was said of a month and
/// day that stayed, and the reading got a date no source gives).
#[test]
fn a_date_set_by_hand_stands_whole_against_another_year() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{a, author={Osei, Ama}, title={Structural racism in the clinic}, journal={Lancet},\n\
         year={2020}, doi={10.1016/abc.1}}\n",
    );
    let list = w.reading_list();
    let id = reading(&list, "Structural")["id"].as_i64().expect("an id").to_string();
    w.ok(&["reading", "edit", &id, "--month", "6", "--day", "17", "--by", "amina"]);
    let err = w.import_reading(
        "d.ris",
        "TY  - JOUR\nAU  - Osei, Ama\nTI  - Structural racism in the clinic\nPY  - 2021\nDO  - 10.1016/abc.1\nER  - \n",
    );
    assert!(!err.contains("cleared"), "{err}");
    assert!(err.contains("the stored year stays with the date set by hand"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Structural");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2020), Some(6), Some(17)));
}

/// `canon undo` of an import that merged another list's record into a
/// stored one restores every field that import set, the ones it filled
/// from empty too (tester r33, #2: the day, PMID and journal abbreviation
/// stayed after "restored … as it was before").
#[test]
fn undoing_an_import_merge_clears_what_it_filled() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{vyas, author = {Vyas, Darshali A. and Jones, David S.}, title = {Hidden in plain sight},\n\
         journal = {New England Journal of Medicine}, year = {2020}, volume = {383}, number = {9},\n\
         pages = {874--882}, doi = {10.1056/NEJMms2004740} }\n",
    );
    let before = w.reading_list();
    let err = w.import_reading(
        "c.nbib",
        "PMID- 32853499\nVI  - 383\nIP  - 9\nDP  - 2020 Aug 27\nTI  - Hidden in plain sight.\nPG  - 874-82\n\
         LID - 10.1056/NEJMms2004740 [doi]\nFAU - Vyas, Darshali A\nAU  - Vyas DA\nFAU - Jones, David S\n\
         AU  - Jones DS\nLA  - eng\nPT  - Journal Article\nTA  - N Engl J Med\nJT  - The New England journal of medicine\n",
    );
    assert!(err.contains("1 changed"), "{err}");
    let merged = w.reading_list();
    let r = reading(&merged, "Hidden");
    assert_eq!((r["pmid"].as_str(), r["day"].as_i64()), (Some("32853499"), Some(27)), "{r}");
    let run = last_import(&w);
    w.ok(&["undo", &run.to_string(), "--by", "amina"]);
    assert_eq!(w.reading_list(), before);
}

/// PubMed's record of a French article (its `TI` the bracketed English
/// translation, its `TT` the title as published) is the work stored under
/// that title and DOI: merged (its PMID taken, both titles kept and said),
/// never refused as "two works" (tester r33, F6).
#[test]
fn a_medline_record_under_its_translated_title_merges_by_doi() {
    let w = workdir();
    w.import_reading(
        "fr.bib",
        "@article{dozon, author = {Dozon, Jean-Pierre}, title = {La médecine coloniale en Afrique de l'Ouest : \
         héritages et ruptures}, journal = {Médecine et Santé Tropicales}, year = {2019}, doi = {10.1684/mst.2019.0901}}\n",
    );
    let err = w.import_reading(
        "fr.nbib",
        "PMID- 31379336\nTI  - [Colonial medicine in West Africa: legacies and ruptures].\n\
         TT  - La médecine coloniale en Afrique de l'Ouest : héritages et ruptures.\nDP  - 2019\n\
         LID - 10.1684/mst.2019.0901 [doi]\nFAU - Dozon, Jean-Pierre\nAU  - Dozon JP\nLA  - fre\n\
         PT  - Journal Article\nTA  - Med Sante Trop\nJT  - Medecine et sante tropicales\n",
    );
    assert!(err.contains("0 new, 1 changed, 0 unchanged, 0 duplicate, 0 rejected"), "{err}");
    assert!(err.contains("is this work under its original title"), "{err}");
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let r = reading(&list, "[Colonial medicine");
    assert_eq!(r["pmid"], "31379336");
    // Both titles kept, as PubMed stores them (tester r73 F5: the
    // translation was stored nowhere; changed on purpose, said in a note).
    assert_eq!(r["title"], "[Colonial medicine in West Africa: legacies and ruptures]");
    assert_eq!(r["original_title"], "La médecine coloniale en Afrique de l'Ouest : héritages et ruptures");
    // A record whose original title is another work's is still refused.
    w.write(
        "other.nbib",
        "PMID- 31379999\nTI  - [Something else entirely].\nTT  - Tout autre chose.\nDP  - 2019\n\
         LID - 10.1684/mst.2019.0901 [doi]\nFAU - Dozon, Jean-Pierre\nAU  - Dozon JP\nLA  - fre\n",
    );
    let refused = w.fails(&["import", "reading", "other.nbib"]);
    assert!(refused.contains("so they are two works"), "{refused}");
}

/// A record that says the work is in press, beside a year, never dates
/// the published record stored with its volume and pages (tester r33, #4:
/// Scopus's "Article in press" row gave "Thorax. 2022;76(3):201-9").
#[test]
fn an_in_press_record_never_dates_the_published_one() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{m, author={Mensah, Kofi}, title={Spirometry reference equations}, journal={Thorax},\n\
         year={2021}, volume={76}, number={3}, pages={201--209}, doi={10.1136/thoraxjnl-2020-216001}}\n",
    );
    let err = w.import_reading(
        "early.json",
        r#"[{"id":"m","type":"article-journal","title":"Spirometry reference equations","container-title":"Thorax",
            "author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2022,1,5]]},"status":"in press",
            "DOI":"10.1136/thoraxjnl-2020-216001"}]"#,
    );
    assert!(err.contains("the file's year 2022 is of the work in press"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Spirometry");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2021), None, None), "{r}");
    // Without the state, another year with its own volume is another
    // list's account of the work: the stored volume stays, and its year
    // with it, said with the edit that takes the file's (tester r63 F6;
    // until then the file's year was given. Without a volume or pages it
    // was not since tester r40, #6: lead_r37.)
    let err = w.import_reading(
        "later.json",
        r#"[{"id":"m","type":"article-journal","title":"Spirometry reference equations","container-title":"Thorax",
            "author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2022]]},"volume":"77",
            "DOI":"10.1136/thoraxjnl-2020-216001"}]"#,
    );
    assert!(
        err.contains(
            "the file's volume \"77\" differs from the stored \"76\", which stays; the stored date 2021 stays"
        ) && err.contains("--volume \"77\" --year 2022`"),
        "{err}"
    );
    assert_eq!(reading(&w.reading_list(), "Spirometry")["year"], 2021);
}

/// A theme a person took off a reading or a session stays off when a list
/// that tags it is imported again: said with the change and the person,
/// and how to add it back (tester r33, #6: the tag came back silently).
#[test]
fn a_theme_a_person_took_off_is_not_tagged_again_by_an_import() {
    let w = workdir();
    let bib = "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={NEJM}, year={2020},\n\
               doi={10.1056/NEJMms2004740}, themes={epistemic-bias}}\n";
    w.write("a.bib", bib);
    w.ok(&["import", "reading", "a.bib"]);
    let tagged = |w: &Workdir| reading(&w.reading_list(), "Hidden")["themes"].to_string();
    assert!(tagged(&w).contains("epistemic-bias"), "{}", tagged(&w));
    w.ok(&["untag", "10.1056/NEJMms2004740", "epistemic-bias", "--by", "amina"]);
    let err = w.ok_stderr(&["import", "reading", "a.bib"]);
    assert!(err.contains("theme epistemic-bias was taken off by amina in change #"), "{err}");
    assert!(!tagged(&w).contains("epistemic-bias"), "{}", tagged(&w));
    // Tagged again by hand, it is the group's tag again.
    w.ok(&["tag", "10.1056/NEJMms2004740", "epistemic-bias", "--by", "amina"]);
    let err = w.ok_stderr(&["import", "reading", "a.bib"]);
    assert!(!err.contains("taken off"), "{err}");
    assert!(tagged(&w).contains("epistemic-bias"));

    // A session's theme, in a module list.
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               MBChB,1,MED1001,Foundations,Human genetic variation,Describe variation,epistemic-bias\n";
    w.write("m.csv", csv);
    w.ok(&["import", "modules", "m.csv"]);
    w.ok(&["untag", "MED1001/Human genetic variation", "epistemic-bias", "--by", "tove"]);
    let err = w.ok_stderr(&["import", "modules", "m.csv"]);
    assert!(err.contains("m.csv:2: item "), "{err}");
    assert!(err.contains("theme epistemic-bias was taken off by tove in change #"), "{err}");
    assert!(err.contains("0 changed, 1 unchanged"), "{err}");
    assert_eq!(w.count("SELECT COUNT(*) FROM item_tag"), 0);
}

/// `reading edit --series-number` on a report in a series keeps the number
/// as its number in the series, as `reading add` and every importer do
/// (tester r34, #1: it became the report number, "Report No.: 1035").
#[test]
fn a_reports_series_number_edited_alone_stays_its_number_in_the_series() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Essential medicines 2021",
        "--by",
        "t",
        "--author",
        "{World Health Organization}",
        "--year",
        "2021",
        "--type",
        "report",
        "--series",
        "WHO Technical Report Series",
        "--publisher",
        "World Health Organization",
    ]);
    let list = w.reading_list();
    let id = reading(&list, "Essential")["id"].as_i64().expect("an id").to_string();
    w.ok(&["reading", "edit", &id, "--series-number", "1035", "--by", "t"]);
    let list = w.reading_list();
    let r = reading(&list, "Essential");
    assert_eq!((r["series_number"].as_str(), r["issue"].as_str()), (Some("1035"), None), "{r}");
    assert_eq!(
        common::reference(&w.references("vancouver"), "Essential"),
        "World Health Organization. Essential medicines 2021. [place unknown]: World Health Organization; 2021. (WHO \
         Technical Report Series; no. 1035)."
    );
}

/// The forms tester r34 found wrong: an identifier in the pages is printed
/// as stored (#3); Citing Medicine's volume supplement and its semicolon
/// before an organisation among personal authors (#7, #8); AMA's status
/// before the DOI, the site's name of a web page, roman suffixes (#10, #5,
/// #11a); APA's Cochrane article number and a Greek symbol after a colon
/// (#11b; tester r35, F8).
#[test]
fn identifiers_supplements_groups_statuses_sites_and_symbols_print_as_the_manuals_give_them() {
    let w = workdir();
    w.import_reading(
        "w.json",
        r#"[
{"id":"suppl","type":"article-journal","title":"Abstracts from the sessions","container-title":"Circulation","volume":"140","issue":"Suppl 2","page":"A123","author":[{"family":"Owusu","given":"Ama"},{"literal":"American Heart Association Council on Epidemiology"}],"issued":{"date-parts":[[2019,11]]}},
{"id":"pii","type":"article-journal","title":"Identifier pages","container-title":"Lancet","page":"S0140-6736(23)02222-2","author":[{"family":"Osei","given":"Jane"}],"issued":{"date-parts":[[2024,1,5]]}},
{"id":"eloc","type":"article-journal","title":"Elocator with hyphen","container-title":"J Hyph","volume":"37","issue":"12","page":"e2022-0045","author":[{"family":"Osei","given":"Kwame"}],"issued":{"date-parts":[[2022]]}},
{"id":"inpress","type":"article-journal","title":"Online first study","container-title":"Annual Review of Public Health","container-title-short":"Annu Rev Public Health","status":"in press","author":[{"family":"Williams","given":"David R."}],"DOI":"10.1146/annurev-publhealth-000001"},
{"id":"web","type":"webpage","title":"Black maternal health","publisher":"MBRRACE-UK","URL":"https://www.npeu.ox.ac.uk/mbrrace-uk","accessed":{"date-parts":[[2024,2,1]]}},
{"id":"third","type":"article-journal","title":"Third person","container-title":"BMJ","volume":"1","page":"1-2","author":[{"family":"Smith","given":"John","suffix":"3rd"}],"issued":{"date-parts":[[2020]]}},
{"id":"cd","type":"article-journal","title":"Cochrane review","container-title":"Cochrane Database of Systematic Reviews","issue":"8","page":"CD014962","author":[{"family":"Ali","given":"Sara"}],"issued":{"date-parts":[[2022]]}},
{"id":"alpha","type":"article-journal","title":"Colonial medicine: α-thalassaemia in West Africa","container-title":"BMJ","volume":"2","page":"3-4","author":[{"family":"Diallo","given":"Awa"}],"issued":{"date-parts":[[2021]]}}
]"#,
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Abstracts"),
        "Owusu A; American Heart Association Council on Epidemiology. Abstracts from the sessions. Circulation. 2019 \
         Nov;140 Suppl 2:A123."
    );
    assert_eq!(
        common::reference(&v, "Identifier"),
        "Osei J. Identifier pages. Lancet. 2024 Jan 5:S0140-6736(23)02222-2."
    );
    assert_eq!(common::reference(&v, "Third"), "Smith J 3rd. Third person. BMJ. 2020;1:1-2.");
    for style in ["apa", "vancouver", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        let pii = common::reference(&refs, "Identifier");
        assert!(pii.contains("S0140-6736(23)02222-2") && !pii.contains("p. S0140"), "{style}: {pii}");
        let e = common::reference(&refs, "Elocator");
        assert!(e.contains("e2022-0045") && !e.contains("pp. e2022"), "{style}: {e}");
        // (Chicago capitalises the word after the symbol: "α-Thalassaemia", headline style.)
        assert!(common::reference(&refs, "Colonial").to_lowercase().contains("α-thalassaemia"), "{style}");
        assert!(!common::reference(&refs, "Colonial").contains("Α-"), "{style}");
    }
    let ama = w.references("ama");
    assert_eq!(
        common::reference(&ama, "Online first"),
        "Williams DR. Online first study. Annu Rev Public Health. In press. doi:10.1146/annurev-publhealth-000001"
    );
    assert_eq!(
        common::reference(&ama, "Black maternal"),
        "Black maternal health. MBRRACE-UK. Accessed February 1, 2024. https://www.npeu.ox.ac.uk/mbrrace-uk"
    );
    assert_eq!(common::reference(&ama, "Third"), "Smith J III. Third person. BMJ. 2020;1:1-2.");
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Cochrane"),
        "Ali, S. (2022). Cochrane review. Cochrane Database of Systematic Reviews, (8), Article CD014962."
    );
}

/// A record in capitals (an old Scopus or library export) gives way to the
/// same work from a list in ordinary case: names, title and journal, and
/// says so (tester r33, #8: the capitals were never corrected, and every
/// style printed them). Acronyms and short names stay as stored.
#[test]
fn a_record_in_capitals_gives_way_to_the_same_record_in_its_own_case() {
    let w = workdir();
    w.import_reading(
        "caps.ris",
        "TY  - JOUR\nAU  - VYAS, DARSHALI A.\nAU  - JONES, DAVID S.\nAU  - NÍ BHRIAIN, AOIFE\n\
         TI  - HIDDEN IN PLAIN SIGHT - RECONSIDERING RACE CORRECTION\nJO  - NEW ENGLAND JOURNAL OF MEDICINE\n\
         PY  - 2020\nVL  - 383\nDO  - 10.1056/NEJMms2004740\nER  - \n",
    );
    let err = w.import_reading(
        "a.bib",
        "@article{v, author={Vyas, Darshali A. and Jones, David S. and Ni Bhriain, Aoife},\n\
         title={Hidden in plain sight - reconsidering race correction}, journal={New England Journal of Medicine},\n\
         year={2020}, volume={383}, doi={10.1056/NEJMms2004740}}\n",
    );
    assert!(err.contains("the file's values replace the stored ones:"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Hidden in plain sight");
    assert_eq!(r["title"], "Hidden in plain sight - reconsidering race correction");
    assert_eq!(r["container"], "New England Journal of Medicine");
    assert_eq!(r["authors"], serde_json::json!(["Vyas, Darshali A.", "Jones, David S.", "Ní Bhriain, Aoife"]));
    // The capitals again change nothing back.
    w.write(
        "caps.ris",
        "TY  - JOUR\nAU  - VYAS, DARSHALI A.\nAU  - JONES, DAVID S.\nAU  - NÍ BHRIAIN, AOIFE\n\
         TI  - HIDDEN IN PLAIN SIGHT - RECONSIDERING RACE CORRECTION\nJO  - NEW ENGLAND JOURNAL OF MEDICINE\n\
         PY  - 2020\nVL  - 383\nDO  - 10.1056/NEJMms2004740\nER  - \n",
    );
    assert!(w.ok_stderr(&["import", "reading", "caps.ris"]).contains("0 changed, 1 unchanged"));
}

/// A list that gives a book's editors as its authors (RIS `AU` on an
/// edited book) does not add them as authors to the book stored with them
/// as editors: Vancouver printed the same people twice (tester r33, #9).
#[test]
fn a_books_editors_given_as_authors_by_another_list_are_not_added_as_authors() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@book{f, editor = {Farmer, Paul and Kim, Jim Yong}, title = {Reimagining Global Health},\n\
         publisher = {University of California Press}, year = {2013}, isbn = {978-0-520-27197-5}}\n",
    );
    let err = w.import_reading(
        "b.ris",
        "TY  - BOOK\nAU  - Farmer, Paul\nAU  - Kim, Jim Yong\nTI  - Reimagining Global Health\nPY  - 2013\n\
         SN  - 9780520271975\nER  - \n",
    );
    assert!(err.contains("1 unchanged"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Reimagining");
    assert_eq!(r["authors"], serde_json::json!([]));
    assert_eq!(
        common::reference(&w.references("vancouver"), "Reimagining"),
        "Farmer P, Kim JY, editors. Reimagining Global Health. [place unknown]: University of California Press; 2013."
    );
}

/// APA gives a website's name as the site writes it (tester r34, #11f:
/// "NHS Website"); Chicago and AMA drop a newspaper's initial "The"
/// (#11d), which APA, Harvard and Vancouver keep.
#[test]
fn site_names_keep_their_case_in_apa_and_newspapers_lose_the_in_chicago_and_ama() {
    let w = workdir();
    w.import_reading(
        "w.json",
        r#"[{"id":"w2","type":"webpage","title":"Ethnicity facts and figures","container-title":"NHS website","URL":"https://www.nhs.uk/x","issued":{"date-parts":[[2023,5,2]]}},
{"id":"n1","type":"article-newspaper","title":"Hospitals confront race in algorithms","container-title":"The New York Times","author":[{"family":"Kolata","given":"Gina"}],"issued":{"date-parts":[[2020,6,17]]},"page":"A1"}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Ethnicity"),
        "Ethnicity facts and figures. (2023, May 2). NHS website. https://www.nhs.uk/x"
    );
    assert!(common::reference(&apa, "Hospitals").contains("The New York Times, A1."));
    assert!(common::reference(&w.references("chicago"), "Hospitals").contains("” New York Times, June 17."));
    assert_eq!(
        common::reference(&w.references("ama"), "Hospitals"),
        "Kolata G. Hospitals confront race in algorithms. New York Times. June 17, 2020:A1."
    );
}

/// Cite Them Right puts a web page's publishing organisation in the
/// author's place when the page has no author (tester r34, #11e).
#[test]
fn a_harvard_web_page_without_an_author_is_cited_by_its_organisation() {
    let w = workdir();
    w.import_reading(
        "w.json",
        r#"[{"id":"w1","type":"webpage","title":"Black maternal health","publisher":"MBRRACE-UK","URL":"https://www.npeu.ox.ac.uk/mbrrace-uk","accessed":{"date-parts":[[2024,2,1]]}}]"#,
    );
    assert_eq!(
        common::reference(&w.references("harvard"), "Black maternal"),
        "MBRRACE-UK (no date) Black maternal health. Available at: https://www.npeu.ox.ac.uk/mbrrace-uk (Accessed: 1 \
         February 2024)."
    );
}

/// A DOI in capitals throughout (a Web of Science export) never replaces
/// the publisher's lower-case form; a stored lower-cased DOI still takes the
/// case the publisher writes ("S0140" in a Lancet DOI): tester r33, #11.
#[test]
fn a_doi_in_capitals_never_replaces_the_publishers_case() {
    let w = workdir();
    w.import_reading("l.csv", "title,authors,year,doi\nSpirometry,\"Mensah, K\",2021,10.1136/thoraxjnl-2020-216001\n");
    let err = w.import_reading(
        "u.csv",
        "title,authors,year,doi\nSpirometry,\"Mensah, K\",2021,10.1136/THORAXJNL-2020-216001\n",
    );
    assert!(err.contains("1 unchanged"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Spirometry")["doi"], "10.1136/thoraxjnl-2020-216001");
    w.import_reading("a.csv", "title,authors,year,doi\nLancet paper,\"Osei, A\",2020,10.1016/s0140-6736(20)30183-5\n");
    w.import_reading("b.csv", "title,authors,year,doi\nLancet paper,\"Osei, A\",2020,10.1016/S0140-6736(20)30183-5\n");
    assert_eq!(reading(&w.reading_list(), "Lancet paper")["doi"], "10.1016/S0140-6736(20)30183-5");
}

/// A file whose journal "abbreviation" is the stored journal's full name
/// (EndNote's PubMed import swaps full-title and abbr-1) does not replace
/// the stored abbreviation (tester r35, F2).
#[test]
fn a_full_journal_name_given_as_the_abbreviation_does_not_replace_the_stored_one() {
    let w = workdir();
    w.import_reading(
        "p.nbib",
        "PMID- 32853499\nDP  - 2020 Aug 27\nTI  - Hidden in plain sight.\nLID - 10.1056/NEJMms2004740 [doi]\n\
         FAU - Vyas, Darshali A\nAU  - Vyas DA\nTA  - N Engl J Med\nJT  - The New England journal of medicine\n",
    );
    w.import_reading(
        "e.json",
        r#"[{"id":"v","type":"article-journal","title":"Hidden in plain sight","container-title":"N Engl J Med",
            "container-title-short":"The New England journal of medicine","DOI":"10.1056/NEJMms2004740",
            "author":[{"family":"Vyas","given":"Darshali A."}],"issued":{"date-parts":[[2020]]}}]"#,
    );
    let list = w.reading_list();
    let r = reading(&list, "Hidden");
    assert_eq!(r["container_short"], "N Engl J Med");
    assert_eq!(r["container"], "The New England journal of medicine");
}

/// Zotero's small capitals in a title print as capitals ("HIV"), never as
/// the lower-case letters inside the span (tester r35, F13).
#[test]
fn small_capitals_in_a_title_print_as_capitals() {
    let w = workdir();
    w.import_reading(
        "z.json",
        r#"[{"id":"s","type":"article-journal","title":"Barriers to <span style=\"font-variant:small-caps;\">hiv</span> care in Ghana","container-title":"AIDS Care","volume":"3","page":"1-9","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2021]]}}]"#,
    );
    for style in ["apa", "vancouver", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Barriers");
        assert!(r.contains("HIV") && !r.contains("hiv") && !r.contains("span"), "{style}: {r}");
    }
}

/// `canon undo` of an import takes off the tags it added to readings that
/// were already stored (tester r36, #1: they stayed, and an import that only
/// tagged had "nothing to undo").
#[test]
fn undoing_an_import_takes_off_the_tags_it_added() {
    let w = workdir();
    let row = "\"Hidden in plain sight\",\"Vyas, Darshali A.\",2020,article,10.1056/NEJMms2004740";
    w.import_reading("first.csv", &format!("title,authors,year,type,doi,themes\n{row},epistemic-bias\n"));
    let before = w.reading_list();
    let err = w.import_reading(
        "second.csv",
        &format!("title,authors,year,type,doi,themes\n{row},epistemic-bias;intersectional-health\n"),
    );
    assert!(err.contains("1 tag added"), "{err}");
    let run = last_import(&w);
    let out = w.ok_stderr(&["undo", &run.to_string(), "--by", "amina"]);
    assert!(out.contains("its 1 change(s)"), "{out}");
    assert_eq!(w.reading_list(), before);
}

/// Tester r36's findings on merges: MEDLINE's catalogue name of a journal
/// ("Presse medicale (Paris, France : 1983)") is the stored "La Presse
/// Médicale" and never replaces it (#3); a title in capitals replaced is
/// said in the real import (#5); the same title with its diacritics is the
/// fuller and is taken (#14).
#[test]
fn catalogue_journal_names_capitals_and_diacritics_in_titles_merge_as_the_fuller_form() {
    let w = workdir();
    w.import_reading(
        "stored.bib",
        "@article{p, author={Dupont, Marie}, title={Racisme et santé}, journal={La Presse Médicale}, year={2020},\n\
         doi={10.1016/j.lpm.2020.1}}\n\
         @article{c, author={Gonçalves, João}, title={DECOLONISING GLOBAL HEALTH IN SAO PAULO}, journal={Lancet},\n\
         year={2021}, doi={10.1016/caps.1}}\n",
    );
    let err = w.import_reading(
        "p.nbib",
        "PMID- 33000009\nDP  - 2020\nTI  - Racisme et santé.\nLID - 10.1016/j.lpm.2020.1 [doi]\nFAU - Dupont, Marie\n\
         AU  - Dupont M\nTA  - Presse Med\nJT  - Presse medicale (Paris, France : 1983)\n",
    );
    assert!(!err.contains("container \"Presse medicale"), "{err}");
    let err = w.import_reading(
        "c.bib",
        "@article{c, author={Gonçalves, João}, title={Decolonising global health in São Paulo}, journal={Lancet},\n\
         year={2021}, doi={10.1016/caps.1}}\n",
    );
    assert!(err.contains("title \"Decolonising global health in São Paulo\" (was \"DECOLONISING"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Racisme")["container"], "La Presse Médicale");
    assert_eq!(reading(&list, "Racisme")["container_short"], "Presse Med");
    assert_eq!(reading(&list, "Decolonising")["title"], "Decolonising global health in São Paulo");
    // Without the diacritics again: the fuller stays.
    w.import_reading(
        "d.csv",
        "title,authors,year,doi\nDecolonising global health in Sao Paulo,\"Goncalves, Joao\",2021,10.1016/caps.1\n",
    );
    assert_eq!(reading(&w.reading_list(), "Decolonising")["title"], "Decolonising global health in São Paulo");
}

/// Tester r36's findings on styles: a web page whose site is its author is
/// named once (APA, Harvard; #9); AMA's semicolon before a group author
/// (#10); APA's "Article" before an e-locator with a hyphen (#13); no "p."
/// before a PII in Harvard when the DOI holds it too (#6); Harvard's
/// "[Podcast]" (#5).
#[test]
fn sites_groups_locators_and_podcasts_as_tester_r36_found_them() {
    let w = workdir();
    w.import_reading(
        "refs.json",
        r#"[
{"id":"web","type":"webpage","title":"Working together to reduce Black maternal mortality","container-title":"Centers for Disease Control and Prevention","publisher":"Centers for Disease Control and Prevention","issued":{"date-parts":[[2023,4,3]]},"URL":"https://www.cdc.gov/x"},
{"id":"pii","type":"article-journal","title":"Racism and health","container-title":"Lancet","author":[{"family":"Osei","given":"Jane"}],"issued":{"date-parts":[[2023,11,4]]},"page":"S0140-6736(23)02222-2","DOI":"10.1016/S0140-6736(23)02222-2"},
{"id":"eloc","type":"article-journal","title":"Skin tone and oxygen saturation","container-title":"Eurosurveillance","author":[{"family":"Lind","given":"Tove"}],"issued":{"date-parts":[[2022]]},"volume":"27","issue":"12","page":"e2022-0045"},
{"id":"group","type":"article-journal","title":"Genomic surveillance","container-title":"Nature","author":[{"family":"Achebe","given":"Ngozi"},{"literal":"COG-UK Consortium"}],"issued":{"date-parts":[[2021]]},"volume":"592","page":"122-127"},
{"id":"pod","type":"broadcast","genre":"Podcast","title":"The ugly history of race-based medicine","container-title":"Code Switch","number":"112","author":[{"family":"Demby","given":"Gene"}],"publisher":"NPR","issued":{"date-parts":[[2020,6,3]]},"URL":"https://www.npr.org/x"}
]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        common::reference(&apa, "Working together"),
        "Centers for Disease Control and Prevention. (2023, April 3). Working together to reduce Black maternal \
         mortality. https://www.cdc.gov/x"
    );
    assert!(common::reference(&apa, "Skin tone").contains("27(12), Article e2022-0045."));
    let harvard = w.references("harvard");
    assert_eq!(
        common::reference(&harvard, "Working together"),
        "Centers for Disease Control and Prevention (2023) Working together to reduce Black maternal mortality. \
         Available at: https://www.cdc.gov/x."
    );
    assert!(common::reference(&harvard, "Racism").contains("Lancet, S0140-6736(23)02222-2. Available"));
    assert!(common::reference(&harvard, "The ugly").contains("Code Switch [Podcast]."));
    assert!(common::reference(&w.references("ama"), "Genomic").starts_with("Achebe N; COG-UK Consortium."));
}

/// An edited book with a translator: the translator after the title, not
/// glued to the editors in the author's place (tester r36, F18: Chicago
/// "eds.Dupont, Marie-Claire, trans. 2013.").
#[test]
fn an_edited_books_translator_follows_its_title() {
    let w = workdir();
    w.import_reading(
        "b.json",
        r#"[{"id":"b","type":"book","title":"Reimagining Global Health: An Introduction","editor":[{"family":"Farmer","given":"Paul"},{"family":"Kim","given":"Jim Yong"}],"translator":[{"family":"Dupont","given":"Marie-Claire"}],"edition":"2","publisher":"University of California Press","issued":{"date-parts":[[2013]]}}]"#,
    );
    assert_eq!(
        common::reference(&w.references("chicago"), "Reimagining"),
        "Farmer, Paul, and Jim Yong Kim, eds. 2013. Reimagining Global Health: An Introduction. Translated by \
         Marie-Claire Dupont. 2nd ed. University of California Press."
    );
    assert_eq!(
        common::reference(&w.references("vancouver"), "Reimagining"),
        "Farmer P, Kim JY, editors. Reimagining Global Health: An Introduction. 2nd ed. Dupont MC, translator. [place \
         unknown]: University of California Press; 2013."
    );
}

/// BibTeX's "Henry Ford, II" is said with the form that reads "II" as the
/// suffix, as "Martin Luther King, Jr." is; it was read silently, the
/// given name printed as initials "I. I." (tester r33, #13). Since tester
/// r73 F1 the suffix is read as the suffix (given "Henry", family "Ford"),
/// as every other format reads it, and BibTeX's own reading is said
/// (changed on purpose: it asserted family "Henry Ford", given "II").
#[test]
fn a_suffix_alone_after_the_comma_in_bibtex_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "s.bib",
        "@article{a, author={Henry Ford, II and Osei, Kofi}, title={Fords}, journal={J}, year={2001}}\n",
    );
    assert!(
        err.contains(
            "\"Henry Ford, II\" was read as given name \"Henry\", family name \"Ford\", suffix \"II\"; BibTeX \
             itself reads it as family name \"Henry Ford\", given name \"II\": write it \"Ford, II, Henry\" to be sure"
        ),
        "{err}"
    );
}

/// EndNote's trailing comma marks an institution ("Public Health
/// England,"): no warning that "no comma" says which word is the family
/// name (tester r36, F19); a name without it is still said.
#[test]
fn an_endnote_institution_marked_with_its_comma_is_not_doubted() {
    let w = workdir();
    let err = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records><record><rec-number>3</rec-number>\
         <ref-type name=\"Report\">27</ref-type><contributors><authors><author>Public Health England,</author>\
         </authors></contributors><titles><title>Disparities in COVID-19</title></titles><dates><year>2020</year>\
         </dates><publisher>PHE</publisher></record><record><rec-number>4</rec-number><ref-type name=\"Report\">27\
         </ref-type><contributors><authors><author>Coretta Scott King</author></authors></contributors><titles>\
         <title>Another report</title></titles><dates><year>2020</year></dates></record></records></xml>\n",
    );
    assert!(!err.contains("\"Public Health England\" was kept whole"), "{err}");
    assert!(err.contains("\"Coretta Scott King\" was kept whole"), "{err}");
}
