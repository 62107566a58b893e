//! Tester r107 F4 (high): a value a person changed or cleared in canon's
//! own reading export, re-imported, was a list's change: the next import of
//! another file (the original BibTeX) put the cleared translator back, "1
//! changed", and said nothing. A row of canon's export (by its `id`) is the
//! entry as a person left it: every value it changes, clears or fills is set
//! by hand, kept against later imports of other files, and said with its
//! change number and the command that takes the file's value; `canon undo`
//! of that change still works.

mod common;
use common::*;

/// The original list: a translated book, an article, a chapter with
/// editors, an article whose DOI a person will clear.
const BIB: &str = "@book{fanon,\n  author = {Fanon, Frantz},\n  translator = {Markmann, Charles Lam},\n  title = \
                   {Black skin, white masks},\n  year = {1967},\n  publisher = {Grove Press},\n  address = {New York},\n  \
                   edition = {2},\n  url = {https://example.org/fanon},\n  note = {A classic},\n}\n\
                   @article{eneanya,\n  author = {Eneanyo, Nwamaka D. and Yang, Wei},\n  title = {Reconsidering the \
                   consequences of using race to estimate kidney function},\n  journal = {JAMA},\n  year = {2019},\n  \
                   volume = {322},\n  number = {2},\n  pages = {113-114},\n  doi = {10.1001/jama.2019.5774},\n}\n\
                   @incollection{rodney,\n  author = {Rodney, Walter},\n  editor = {Shepherd, Verene and Beckles, \
                   Hilary},\n  title = {The African slave trade},\n  booktitle = {Caribbean Slavery in the Atlantic \
                   World},\n  year = {2011},\n  pages = {119-129},\n  publisher = {Ian Randle},\n  address = \
                   {Kingston},\n}\n\
                   @article{roberts,\n  author = {Roberts, Dorothy},\n  title = {Abolish race correction},\n  journal = \
                   {The Lancet},\n  year = {2021},\n  volume = {397},\n  pages = {17-18},\n  doi = \
                   {10.1016/S0140-6736(20)32716-1},\n}\n";

/// The number of the latest change of the reading log (`canon log`).
fn last_update(w: &Workdir) -> i64 {
    w.count("SELECT max(id) FROM history WHERE entity = 'reading' AND action = 'update'")
}

fn s(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn names(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().map(|n| s(&n["original"])).collect()).unwrap_or_default()
}

/// The tester's case: a translator cleared in the export, re-imported with
/// `--by kemi`, stays cleared when the original BibTeX comes again, said.
#[test]
fn translator_cleared_in_the_export_stays_cleared() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(&w, "edited.csv", &[("Black skin", "translators", "")]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let change = last_update(&w);
    assert!(names(&reading(&w.reading_list(), "Black skin")["translator_names"]).is_empty());
    let err = w.import_reading("zotero.bib", BIB);
    assert!(names(&reading(&w.reading_list(), "Black skin")["translator_names"]).is_empty(), "{err}");
    assert!(err.contains(&format!("set by hand in change #{change} by kemi")), "{err}");
    assert!(err.contains("translator"), "{err}");
    assert!(err.contains("canon reading edit R") && err.contains("--translator"), "the command that takes it: {err}");
    assert!(err.contains("0 changed"), "{err}");
}

/// Every field the export carries, changed and cleared, in one re-import:
/// each stands against the original list, is said in the real import and
/// in its dry run alike.
#[test]
fn every_field_changed_or_cleared_in_the_export_stands() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(
        &w,
        "edited.csv",
        &[
            ("Black skin", "publisher", "Grove Atlantic"),
            ("Black skin", "place", ""),
            ("Black skin", "url", ""),
            ("Black skin", "notes", "Read chapter 5 first"),
            ("Reconsidering", "title", "Reconsidering race in kidney function estimates"),
            ("Reconsidering", "authors", "Eneanya, Nwamaka D.; Yang, Wei"),
            ("Reconsidering", "year", "2020"),
            ("Reconsidering", "volume", "323"),
            ("Reconsidering", "issue", ""),
            ("Reconsidering", "pages", "113-115"),
            ("The African slave trade", "editors", ""),
            ("The African slave trade", "publisher", ""),
            ("Abolish race correction", "doi", ""),
            ("Abolish race correction", "volume", "398"),
        ],
    );
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let after_edit = w.reading_list();
    let dry = w.ok_stderr(&["import", "reading", w.write("again.bib", BIB).to_str().unwrap(), "--dry-run"]);
    let err = w.import_reading("again.bib", BIB);
    assert_eq!(w.reading_list(), after_edit, "nothing of the person's edit undone:\n{err}");
    let list = w.reading_list();
    let fanon = reading(&list, "Black skin");
    assert_eq!(s(&fanon["publisher"]), "Grove Atlantic");
    assert_eq!(s(&fanon["place"]), "");
    assert_eq!(s(&fanon["url"]), "");
    assert_eq!(s(&fanon["annotation"]), "Read chapter 5 first");
    let article = reading(&list, "Reconsidering");
    assert_eq!(s(&article["title"]), "Reconsidering race in kidney function estimates");
    assert_eq!(names(&article["author_names"]), ["Eneanya, Nwamaka D.", "Yang, Wei"]);
    assert_eq!(s(&article["year"]), "2020");
    assert_eq!(s(&article["volume"]), "323");
    assert_eq!(s(&article["issue"]), "");
    assert_eq!(s(&article["pages"]), "113-115");
    let chapter = reading(&list, "The African slave trade");
    assert!(names(&chapter["editor_names"]).is_empty());
    assert_eq!(s(&chapter["publisher"]), "");
    let roberts = reading(&list, "Abolish race correction");
    assert_eq!(s(&roberts["doi"]), "", "{err}");
    assert_eq!(s(&roberts["volume"]), "398");
    assert_eq!(list.as_array().unwrap().len(), 4, "no entry added for the cleared DOI: {err}");
    for out in [&dry, &err] {
        assert!(out.contains("0 new, 0 changed"), "{out}");
        for (entry, fields) in [
            ("Black skin", &["publisher", "place", "url", "notes"][..]),
            ("Reconsidering", &["authors", "year", "volume", "issue", "pages"]),
            ("The African slave trade", &["editor", "publisher"]),
            ("Abolish race correction", &["doi", "volume"]),
        ] {
            let id = s(&reading(&list, entry)["id"]);
            // Each field is said (the publisher and place by the rule for a
            // publisher's edition, which names them too), and the entry's
            // "set by hand" warning credits kemi with the command.
            let said: Vec<&str> = out.lines().filter(|l| l.contains(&id[1..])).collect();
            let hand: Vec<&&str> = said.iter().filter(|l| l.contains("set by hand")).collect();
            assert!(!hand.is_empty(), "{entry} ({id}) not said:\n{out}");
            for f in fields {
                assert!(said.iter().any(|l| l.contains(f)), "{entry}: {f} not said:\n{out}");
            }
            assert!(hand.iter().all(|l| l.contains("by kemi") && l.contains("canon reading edit")), "{hand:?}");
        }
    }
}

/// The same holds for another format than the one the entry came from
/// (RIS after BibTeX), and for a value the export filled where the entry
/// had none.
#[test]
fn a_ris_list_after_the_export_keeps_the_edit() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(
        &w,
        "edited.csv",
        &[("Abolish race correction", "issue", "10268"), ("Abolish race correction", "pages", "17-19")],
    );
    w.ok(&["import", "reading", &file, "--by", "ade", "-q"]);
    let change = last_update(&w);
    let ris = "TY  - JOUR\nAU  - Roberts, Dorothy\nTI  - Abolish race correction\nT2  - The Lancet\nPY  - 2021\n\
               VL  - 397\nIS  - 10270\nSP  - 17\nEP  - 18\nDO  - 10.1016/S0140-6736(20)32716-1\nER  - \n";
    let err = w.import_reading("pubmed.ris", ris);
    let r = reading(&w.reading_list(), "Abolish race correction").clone();
    assert_eq!(s(&r["issue"]), "10268", "{err}");
    assert_eq!(s(&r["pages"]), "17-19", "{err}");
    assert!(err.contains(&format!("set by hand in change #{change} by ade")), "{err}");
    assert!(err.contains("issue") && err.contains("pages"), "{err}");
}

/// `canon undo` of the export's change puts the earlier values back, and
/// then the next list's values are taken again (nothing is held by hand).
#[test]
fn undo_of_the_export_change_still_works() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(&w, "edited.csv", &[("Black skin", "translators", ""), ("Black skin", "place", "Paris")]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let change = last_update(&w);
    w.ok(&["undo", &change.to_string(), "--by", "kemi", "-q"]);
    let r = reading(&w.reading_list(), "Black skin").clone();
    assert_eq!(names(&r["translator_names"]), ["Markmann, Charles Lam"]);
    assert_eq!(s(&r["place"]), "New York");
    let err = w.import_reading("zotero.bib", BIB);
    assert!(!err.contains("set by hand"), "{err}");
    // And the undo of the import run as a whole likewise.
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(&w, "edited.csv", &[("Black skin", "translators", "")]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let run = w.count("SELECT max(id) FROM history WHERE action = 'import'");
    w.ok(&["undo", &run.to_string(), "--by", "kemi", "-q"]);
    assert_eq!(names(&reading(&w.reading_list(), "Black skin")["translator_names"]), ["Markmann, Charles Lam"]);
}

/// A theme taken out of the export's themes cell stays off when another
/// list tags the reading with it.
#[test]
fn a_theme_removed_in_the_export_stays_removed() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let id = s(&reading(&w.reading_list(), "Black skin")["id"]);
    w.ok(&["tag", &id, "historical-awareness", "epistemic-bias", "--by", "ade", "-q"]);
    let file = export_edited(&w, "edited.csv", &[("Black skin", "themes", "epistemic-bias")]);
    w.ok(&["import", "reading", &file, "--by", "kemi", "-q"]);
    let err = w.import_reading(
        "list.csv",
        "title,authors,year,themes\n\"Black skin, white masks\",\"Fanon, Frantz\",1967,historical-awareness\n",
    );
    let themes = s(&reading(&w.reading_list(), "Black skin")["themes"]);
    assert!(!themes.contains("historical-awareness"), "{themes}\n{err}");
    assert!(err.contains("kemi"), "{err}");
}

/// Without `--by` a re-import that changes or clears a stored value is
/// still refused (the history must credit it); one that only fills a blank
/// needs no name, and what it filled is still a person's edit, credited to
/// whoever the history names (nobody: "(unknown)").
#[test]
fn without_by_a_filled_blank_is_still_a_persons_edit() {
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(&w, "cleared.csv", &[("Black skin", "translators", "")]);
    let err = w.fails(&["import", "reading", &file]);
    assert!(err.contains("--by NAME"), "{err}");
    let file = export_edited(&w, "filled.csv", &[("Abolish race correction", "issue", "10268")]);
    w.ok(&["import", "reading", &file, "-q"]);
    let change = last_update(&w);
    let ris = "TY  - JOUR\nAU  - Roberts, Dorothy\nTI  - Abolish race correction\nT2  - The Lancet\nPY  - 2021\n\
               VL  - 397\nIS  - 10270\nSP  - 17\nEP  - 18\nDO  - 10.1016/S0140-6736(20)32716-1\nER  - \n";
    let err = w.import_reading("pubmed.ris", ris);
    assert_eq!(s(&reading(&w.reading_list(), "Abolish race correction")["issue"]), "10268", "{err}");
    assert!(err.contains(&format!("set by hand in change #{change}")), "{err}");
    // With CANON_USER, the history names that person.
    let w = workdir();
    w.import_reading("zotero.bib", BIB);
    let file = export_edited(&w, "edited.csv", &[("Black skin", "place", "")]);
    let out = w.cmd(&["import", "reading", &file, "-q"]).env("CANON_USER", "tove").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = w.import_reading("zotero.bib", BIB);
    assert_eq!(s(&reading(&w.reading_list(), "Black skin")["place"]), "");
    assert!(err.contains("by tove"), "{err}");
}
