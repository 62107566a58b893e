//! Fresh tester r101: Zotero's "dataset" item type was read as a book
//! (F2); "Persian (Farsi)" and "Chinese (Traditional)" were dropped (F7);
//! a presentation's "?" took a second stop (F1).

mod common;
use common::*;

#[test]
fn zotero_data_sets_are_data_sets_and_script_labels_are_languages() {
    let w = workdir();
    let err = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,DOI,Publisher,Version,Language\n\
         AB18,dataset,2020,Statistics South Africa,General Household Survey 2019,10.25828/8xyz,DataFirst,1.0,English\n\
         AB19,journalArticle,2020,\"Rahimi, Sara\",Farsi article,,,,Persian (Farsi)\n\
         AB20,journalArticle,2020,\"Wang, Li\",Chinese article,,,,Chinese (Traditional)\n\
         AB21,journalArticle,2020,\"Wang, Mei\",Chinese two,,,,Chinese (Simplified)\n",
    );
    assert!(!err.contains("not one canon knows"), "{err}");
    assert!(!err.contains("language not stored"), "{err}");
    let list = w.reading_list();
    let g = reading(&list, "General Household");
    assert_eq!((g["type"].as_str(), g["genre"].as_str()), (Some("other"), Some("Data set")));
    assert_eq!(reading(&list, "Farsi article")["language"], "fa");
    assert_eq!(reading(&list, "Chinese article")["language"], "zh-Hant");
    assert_eq!(reading(&list, "Chinese two")["language"], "zh-Hans");
    assert!(w.ok(&["check"]).contains("every reading's language is one canon knows"));
}

/// F1: a presentation's title ending in "?" took a second stop in the
/// event's form ("“Whose Knowledge Counts?.”").
#[test]
fn a_presentations_question_mark_ends_its_title() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[{"id":"p","type":"paper-conference","title":"Whose knowledge counts?","author":[{"family":"Osei","given":"Kwame"}],"event-title":"Africa Health Forum","event-place":"Accra","issued":{"date-parts":[[2022,3,10]]},"genre":"Keynote address"}]"#,
    );
    for style in ["vancouver", "apa", "chicago", "harvard", "mla", "ama", "ieee"] {
        let r = reference(&w.references(style), "Whose").to_string();
        assert!(r.contains("ounts?"), "{style}: {r}");
        assert!(!r.contains("?.") && !r.contains("?,"), "{style}: {r}");
    }
}
