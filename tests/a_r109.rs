//! r109 (issue 12): a merge counts a value a person changed in canon's
//! reading export and imported again (`--by`) as set by hand, as
//! `reading edit`'s; an edition (or publisher) set by hand is kept when the
//! original list comes again, never a new "another edition" entry; Arabic
//! and Persian "و" ("and") written joined to the next name is read as
//! "and" where sure, else kept and said; and the refactors the duplicate
//! finder flagged keep IEEE's editors and translators where they were.

mod common;
use common::*;

/// The number of the latest change of the reading log.
fn last_update(w: &Workdir) -> i64 {
    w.count("SELECT max(id) FROM history WHERE entity = 'reading' AND action = 'update'")
}

/// The merge's steps of `action`, their text.
fn steps(v: &serde_json::Value, action: &str) -> Vec<String> {
    v.as_array()
        .expect("steps")
        .iter()
        .filter(|s| s["action"] == action)
        .map(|s| s["what"].as_str().unwrap_or_default().to_string())
        .collect()
}

const ARTICLE: &str = "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={NEJM}, \
                       year={2020}, volume={383}, pages={874--882}, doi={10.1056/NEJMms2004740}}\n";

// ---------------------------------------------------------------- merge

/// A value changed in the export and imported again with `--by` is ours
/// set by hand: the merge names the change and where it was made, as the
/// import does ("by kemi in the reading export"), and keeps it.
#[test]
fn a_merge_names_a_value_set_by_hand_in_the_export() {
    let w = workdir();
    w.import_reading("v.bib", ARTICLE);
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    let full = "New England Journal of Medicine";
    let file = export_edited(&w, "edited.csv", &[("Hidden", "container", full)]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let change = last_update(&w);
    assert_eq!(reading(&w.reading_list(), "Hidden")["container"], full);
    w.ok_at(&theirs, &["reading", "edit", "10.1056/NEJMms2004740", "--container", "N Engl J Med", "--by", "yuki"]);
    let v = w.json(&["merge", theirs.to_str().unwrap(), "--by", "kemi", "--format", "json"]);
    let kept = steps(&v, "kept-ours");
    assert_eq!(kept.len(), 1, "{v}");
    assert!(
        kept[0].contains(&format!("ours set by hand in change #{change} by kemi in the reading export on ")),
        "{}",
        kept[0]
    );
    assert!(kept[0].contains("(theirs in their change #") && kept[0].contains(" by yuki on "), "{}", kept[0]);
    assert!(!kept[0].contains("by the rule an import follows"), "{}", kept[0]);
    assert_eq!(reading(&w.reading_list(), "Hidden")["container"], full);
}

/// Their value set in their export against ours an import gave: theirs is
/// named as set by hand in their export.
#[test]
fn their_value_set_in_their_export_is_named_too() {
    let w = workdir();
    w.import_reading("v.bib", ARTICLE);
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    w.ok(&[
        "reading",
        "edit",
        "10.1056/NEJMms2004740",
        "--container",
        "New England Journal of Medicine",
        "--by",
        "ade",
    ]);
    // Their copy's person edits the export of their copy.
    let mine = w.path("mine.db");
    std::fs::rename(w.db(), &mine).unwrap();
    std::fs::copy(&theirs, w.db()).unwrap();
    let file = export_edited(&w, "theirs.csv", &[("Hidden", "container", "N Engl J Med")]);
    w.ok(&["import", "reading", &file, "--by", "yuki", "-q"]);
    let their_change = last_update(&w);
    std::fs::copy(w.db(), &theirs).unwrap();
    std::fs::copy(&mine, w.db()).unwrap();
    let v = w.json(&["merge", theirs.to_str().unwrap(), "--by", "ade", "--format", "json"]);
    let kept = steps(&v, "kept-ours");
    assert_eq!(kept.len(), 1, "{v}");
    assert!(
        kept[0].contains(&format!("(theirs in their change #{their_change} by yuki in the reading export on ")),
        "{}",
        kept[0]
    );
    assert!(kept[0].contains(" by ade on "), "{}", kept[0]);
}

/// Merged the other way, their value set in the export is taken (theirs
/// moved, ours did not), and the merged copy keeps it as set by hand: the
/// original list imported again does not undo it.
#[test]
fn a_value_set_in_the_export_merged_into_another_copy_stays() {
    let w = workdir();
    w.import_reading("v.bib", ARTICLE);
    let other = w.path("other.db");
    std::fs::copy(w.db(), &other).unwrap();
    let full = "New England Journal of Medicine";
    let file = export_edited(&w, "edited.csv", &[("Hidden", "container", full)]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let db = w.db();
    w.ok_at(&other, &["merge", db.to_str().unwrap(), "--by", "yuki", "-q"]);
    let list = json_at(&w, &other, &["reading", "list", "--format", "json"]);
    assert_eq!(reading(&list, "Hidden")["container"], full);
    let bib = w.write("again.bib", ARTICLE);
    let err = stderr_at(&w, &other, &["import", "reading", bib.to_str().unwrap()]);
    let list = json_at(&w, &other, &["reading", "list", "--format", "json"]);
    assert_eq!(reading(&list, "Hidden")["container"], full, "{err}");
}

// ---------------------------------------------------------------- editions

/// Imports `text` as `name`, sets the book's `flag` to `value` by hand, then
/// imports the same list again: (readings, the value stored, stderr).
fn hand_set_then_again(name: &str, text: &str, flag: &str, value: &str) -> (usize, String, String, i64) {
    let w = workdir();
    w.import_reading(name, text);
    let id = reading(&w.reading_list(), "Medicine and empire")["id"].to_string();
    w.ok(&["reading", "edit", &id, flag, value, "--by", "ade"]);
    let change = last_update(&w);
    let err = w.import_reading(name, text);
    let list = w.reading_list();
    let field = flag.trim_start_matches("--");
    let stored = reading(&list, "Medicine and empire")[field].as_str().unwrap_or_default().to_string();
    (list.as_array().unwrap().len(), stored, err, change)
}

/// The tester's case in every format a book comes in: an edition set by
/// hand stands, no second entry is made, and the list's edition is said
/// as not applied, with the change that set it.
#[test]
fn an_edition_set_by_hand_is_kept_when_the_list_comes_again() {
    let lists = [
        (
            "e.csv",
            "title,authors,year,type,publisher,place,edition\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,\
             Routledge,London,1\n",
        ),
        (
            "e.bib",
            "@book{bala, author={Bala, Poonam}, title={Medicine and empire}, year={2010}, publisher={Routledge}, \
             address={London}, edition={1}}\n",
        ),
        (
            "e.ris",
            "TY  - BOOK\nAU  - Bala, Poonam\nTI  - Medicine and empire\nPY  - 2010\nPB  - Routledge\nCY  - London\n\
             ET  - 1st\nER  - \n",
        ),
        (
            "e.json",
            r#"[{"id":"bala","type":"book","title":"Medicine and empire","author":[{"family":"Bala","given":"Poonam"}],"issued":{"date-parts":[[2010]]},"publisher":"Routledge","publisher-place":"London","edition":"1"}]"#,
        ),
    ];
    for (name, text) in lists {
        let (n, stored, err, change) = hand_set_then_again(name, text, "--edition", "2");
        assert_eq!(n, 1, "{name}: one entry, never \"another edition\": {err}");
        assert_eq!(stored, "2", "{name}: {err}");
        assert!(
            err.contains(&format!("edition is kept as stored: set by hand in change #{change} by ade")),
            "{name}: {err}"
        );
        assert!(!err.contains("possible duplicate"), "{name}: {err}");
    }
}

/// A list without an edition, and a later edition set by hand: still one
/// entry, the hand's edition kept.
#[test]
fn an_edition_set_by_hand_on_a_list_without_one_stays() {
    let csv = "title,authors,year,type,publisher\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,Routledge\n";
    let (n, stored, err, _) = hand_set_then_again("n.csv", csv, "--edition", "3rd rev.");
    assert_eq!((n, stored.as_str()), (1, "3rd rev."), "{err}");
}

/// A publisher set by hand on a later edition is the person's correction
/// too: the list's other publisher does not make a second entry.
#[test]
fn a_publisher_and_edition_set_by_hand_make_no_second_entry() {
    let csv = "title,authors,year,type,publisher,edition\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,\
               Routledge,2\n";
    let w = workdir();
    w.import_reading("p.csv", csv);
    let id = reading(&w.reading_list(), "Medicine and empire")["id"].to_string();
    w.ok(&["reading", "edit", &id, "--publisher", "Zed Books", "--edition", "3", "--by", "ade"]);
    let err = w.import_reading("p.csv", csv);
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 1, "{err}");
    let r = reading(&list, "Medicine and empire");
    assert_eq!((r["publisher"].as_str(), r["edition"].as_str()), (Some("Zed Books"), Some("3")), "{err}");
    // Said, never silent, in the hand rule's words with the change that set
    // them (r111: a value set by hand is said as set by hand, not in the
    // publisher rule's words "two sources that differ").
    let change = w.count("SELECT max(id) FROM history WHERE entity = 'reading' AND action = 'update'");
    assert!(
        err.contains(&format!("edition, publisher are kept as stored: set by hand in change #{change} by ade")),
        "{err}"
    );
    assert!(!err.contains("differs from the stored"), "{err}"); // r111: the hand rule alone says it
}

/// A second edition in another list, never edited by hand, is still
/// another edition: its own entry.
#[test]
fn another_edition_not_set_by_hand_is_still_its_own_entry() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,publisher,edition\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,Routledge,1\n",
    );
    w.import_reading(
        "b.csv",
        "title,authors,year,type,publisher,edition\n\"Medicine and empire\",\"Bala, Poonam\",2010,book,Routledge,2\n",
    );
    assert_eq!(w.reading_list().as_array().unwrap().len(), 2);
}

// ---------------------------------------------------------------- "و"

fn cell_authors(w: &Workdir, title: &str) -> Vec<String> {
    reading(&w.reading_list(), title)["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap_or_default().to_string())
        .collect()
}

/// "و" joined to a known given name, or in a list otherwise separated by
/// "و": split, and said naming the word; names that begin with "و" never
/// split; unsure: kept whole, said.
#[test]
fn arabic_and_joined_to_the_next_name() {
    let w = workdir();
    let err = w.import_reading(
        "ar.csv",
        "title,authors,year,type,container\n\
         \"أول\",\"أحمد محمد وسارة علي\",2020,article,مجلة\n\
         \"ثاني\",\"علی رضایی ومریم احمدی\",2020,article,مجلة\n\
         \"ثالث\",\"أحمد محمد وكمالي علي و خالد حسن\",2020,article,مجلة\n\
         \"رابع\",\"أحمد محمد وكمالي علي\",2020,article,مجلة\n\
         \"خامس\",\"أحمد وهبة علي\",2020,article,مجلة\n\
         \"سادس\",\"وليد محمد ووفاء علي\",2020,article,مجلة\n\
         \"سابع\",\"محمد ولد عبد العزيز و سارة علي\",2020,article,مجلة\n\
         \"ثامن\",\"وزارة الصحة والسكان\",2020,report,\n\
         \"تاسع\",\"أحمد محمد وعبدالله علي\",2020,article,مجلة\n",
    );
    assert_eq!(cell_authors(&w, "أول"), ["أحمد محمد", "سارة علي"], "{err}");
    assert!(
        err.contains(
            "ar.csv:2:2: warning: authors cell \"أحمد محمد وسارة علي\": read \"وسارة\" as \"و\" (\"and\") and \
             \"سارة\": 2 names (أحمد محمد; سارة علي); if \"وسارة\" is one name, separate names with \"؛\" or `;` to \
             be sure"
        ),
        "{err}"
    );
    // Persian.
    assert_eq!(cell_authors(&w, "ثاني"), ["علی رضایی", "مریم احمدی"], "{err}");
    // Not a known name, but the list separates names by "و".
    assert_eq!(cell_authors(&w, "ثالث"), ["أحمد محمد", "كمالي علي", "خالد حسن"], "{err}");
    assert!(err.contains("read \"وكمالي\" as \"و\" (\"and\") and \"كمالي\" and \"و\" as \"and\": 3 names"), "{err}");
    // Unsure: kept whole, said.
    assert_eq!(cell_authors(&w, "رابع"), ["أحمد محمد وكمالي علي"], "{err}");
    assert!(
        err.contains(
            "\"وكمالي\" in \"أحمد محمد وكمالي علي\" may be \"و\" (\"and\") joined to a second name (\"كمالي\"): kept \
             in the name as written, as canon is not sure"
        ),
        "{err}"
    );
    // Names that begin with "و" (Wahba, Walid, Wafa, "ould") are never split.
    assert_eq!(cell_authors(&w, "خامس"), ["أحمد وهبة علي"], "{err}");
    assert!(!err.contains("\"وهبة\""), "{err}");
    assert_eq!(cell_authors(&w, "سادس"), ["وليد محمد ووفاء علي"], "{err}");
    assert_eq!(cell_authors(&w, "سابع"), ["محمد ولد عبد العزيز", "سارة علي"], "{err}");
    // An institution's own "و" stays in its name, unsaid.
    assert_eq!(cell_authors(&w, "ثامن"), ["وزارة الصحة والسكان"], "{err}");
    assert!(!err.contains("\"والسكان\""), "{err}");
    // "Abd al-…" is a given name.
    assert_eq!(cell_authors(&w, "تاسع"), ["أحمد محمد", "عبدالله علي"], "{err}");
}

/// In a format of one name per field (RIS `AU`, BibTeX between its
/// "and"s), a name with "و" joined to a second name is kept as written and
/// said, with how the format writes two names.
#[test]
fn arabic_and_joined_inside_one_field_name_is_said() {
    let w = workdir();
    let err = w.import_reading("a.ris", "TY  - JOUR\nAU  - أحمد محمد وسارة علي\nTI  - عنوان\nPY  - 2018\nER  - \n");
    assert!(
        err.contains("\"وسارة\" in \"أحمد محمد وسارة علي\" may be \"و\" (\"and\") joined to a second name"),
        "{err}"
    );
    assert!(err.contains("give each name its own tag"), "{err}");
    let err = w.import_reading("w.ris", "TY  - JOUR\nAU  - أحمد وليد\nTI  - عنوان ب\nPY  - 2018\nER  - \n");
    assert!(!err.contains("\"وليد\""), "{err}");
}

// ---------------------------------------------------------------- IEEE

/// IEEE's editors and translators, now placed by one function: after the
/// title and edition, before a series in parentheses and the facts of
/// publication (IEEE Reference Guide 2023, "Books"; the series where the
/// other styles keep it).
#[test]
fn ieee_editors_and_translators_before_the_series_and_place() {
    let w = workdir();
    w.import_reading(
        "b.json",
        r#"[{"id":"b1","type":"book","title":"Global health in the twenty-first century","author":[{"literal":"World Health Organization"}],"editor":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2015]]},"publisher":"WHO Press","publisher-place":"Geneva"},
{"id":"b2","type":"book","title":"Colonial medicine in Africa","author":[{"family":"Bala","given":"Poonam"}],"editor":[{"family":"Mensah","given":"Kofi"}],"collection-title":"Medicine and Society","collection-number":"2","issued":{"date-parts":[[2010]]},"publisher":"Johns Hopkins","publisher-place":"Baltimore"},
{"id":"b3","type":"book","title":"A dying colonialism","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Chevalier","given":"Haakon"}],"editor":[{"family":"Mensah","given":"Kofi"}],"collection-title":"Black Studies","collection-number":"3","edition":"2","issued":{"date-parts":[[1994]]},"publisher":"Grove Press","publisher-place":"New York"},
{"id":"b4","type":"book","title":"Wretched","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Philcox","given":"Richard"}],"edition":"2","issued":{"date-parts":[[2004]]},"publisher":"Grove Press","publisher-place":"New York"},
{"id":"b5","type":"book","title":"Toward the African revolution","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Chevalier","given":"Haakon"}],"issued":{"date-parts":[[1967]]}}]"#,
    );
    let refs = w.references("ieee");
    assert_eq!(
        refs["Global health in the twenty-first century"],
        "World Health Organization, Global Health in the Twenty-First Century, K. Mensah, Ed. Geneva: WHO Press, 2015."
    );
    assert_eq!(
        refs["Colonial medicine in Africa"],
        "P. Bala, Colonial Medicine in Africa, K. Mensah, Ed. (Medicine and Society, no. 2). Baltimore: Johns \
         Hopkins, 2010."
    );
    assert_eq!(
        refs["A dying colonialism"],
        "F. Fanon, A Dying Colonialism, 2nd ed., K. Mensah, Ed., H. Chevalier, Trans. (Black Studies, no. 3). New \
         York: Grove Press, 1994."
    );
    assert_eq!(refs["Wretched"], "F. Fanon, Wretched, 2nd ed., R. Philcox, Trans. New York: Grove Press, 2004.");
    assert!(
        refs["Toward the African revolution"].contains("H. Chevalier, Trans."),
        "{}",
        refs["Toward the African revolution"]
    );
}

// ---------------------------------------------------------------- dates

/// `reading add` and `reading edit` say a possibly Solar Hijri date in the
/// import's words (one function for the three).
#[test]
fn reading_add_and_edit_say_a_hijri_date_as_the_import_does() {
    let w = workdir();
    let said = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Mental health in Tehran",
        "--type",
        "article",
        "--container",
        "Iran J Psychiatry",
        "--year",
        "1399",
        "--month",
        "4",
        "--author",
        "Karimi, Ali",
        "--by",
        "ade",
    ]);
    assert!(said.contains("it is most likely a Solar Hijri (Persian calendar) date"), "{said}");
    let imported = w.import_reading(
        "h.json",
        r#"[{"id":"h","type":"article-journal","title":"Mental health in Shiraz","container-title":"Iran J Psychiatry","author":[{"family":"Karimi","given":"Ali"}],"issued":{"date-parts":[[1399,4]]}}]"#,
    );
    let tail = |s: &str| s.split("reads as ").nth(1).map(|t| t.split(" (if it is").next().unwrap_or("").to_string());
    assert_eq!(tail(&said), tail(&imported), "{said}\n{imported}");
    let id = reading(&w.reading_list(), "Mental health in Shiraz")["id"].to_string();
    let edited = w.ok_stderr(&["reading", "edit", &id, "--month", "5", "--by", "ade"]);
    assert!(edited.contains("it is most likely a Solar Hijri (Persian calendar) date"), "{edited}");
}
