//! Tester r85: "et al." of authors and editors (F2, F4, F10, F11) and a
//! publisher's abbreviation (F3), in both orders of import.

mod common;
use common::*;

const FULL_CSV: &str = "title,authors,year,type,doi,publisher,place
World report on social determinants of health equity,\"World Health Organization; Marmot, Michael\",2021,report,10.9999/who.2021.1,World Health Organization,Geneva
Guidelines for cholera control in camps,\"Médecins Sans Frontières; Nguyen, Van An; et al.\",2019,report,10.9999/msf.2019.1,MSF,Paris
";

const ABBR_RIS: &str = "TY  - RPRT
AU  - WHO
AU  - Marmot, M.
TI  - World report on social determinants of health equity
PY  - 2021
DO  - 10.9999/who.2021.1
PB  - WHO
CY  - Geneva
ER  - 

TY  - RPRT
AU  - Medecins Sans Frontieres
AU  - Nguyen, V. A.
AU  - Smith, J.
TI  - Guidelines for cholera control in camps
PY  - 2019
DO  - 10.9999/msf.2019.1
ER  - 
";

fn both_orders(a: (&str, &str), b: (&str, &str)) -> [Workdir; 2] {
    let one = Workdir::new();
    one.import_reading(a.0, a.1);
    one.import_reading(b.0, b.1);
    let two = Workdir::new();
    two.import_reading(b.0, b.1);
    two.import_reading(a.0, a.1);
    [one, two]
}

fn flag(r: &serde_json::Value, k: &str) -> bool {
    r[k].as_bool().unwrap_or(false)
}

fn authors(r: &serde_json::Value) -> Vec<String> {
    r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().expect("a name").to_string()).collect()
}

fn editors(r: &serde_json::Value) -> Vec<String> {
    r["editor_names"]
        .as_array()
        .expect("editor_names")
        .iter()
        .map(|a| a["original"].as_str().expect("a name").to_string())
        .collect()
}

// F2: the file's longer, complete list is taken with its diacritics kept,
// and only then is the "et al." cleared; both orders give one record.
#[test]
fn f2_longer_complete_list_clears_et_al_in_both_orders() {
    for w in both_orders(("full.csv", FULL_CSV), ("abbr.ris", ABBR_RIS)) {
        let list = w.reading_list();
        let r = reading(&list, "Guidelines for cholera");
        assert_eq!(authors(r), ["Médecins Sans Frontières", "Nguyen, Van An", "Smith, J."], "{r}");
        assert!(!flag(r, "authors_truncated"), "{r}");
    }
}

// F2, its kind: a stored list kept (the file writes a stored name without
// its diacritics) keeps its own "et al."; never cleared with a shorter list.
#[test]
fn f2_kept_stored_list_keeps_its_et_al() {
    let csv = "title,authors,year,type,doi\nCholera in camps,\"Nguyễn, Văn An; Osei, Kwame; et al.\",2019,report,10.9999/c.1\n";
    let ris = "TY  - RPRT\nAU  - Nguyen, Van An\nAU  - Osei, Kwame\nAU  - Smith, J.\nTI  - Cholera in camps\nPY  - 2019\nDO  - 10.9999/c.1\nER  - \n";
    let w = Workdir::new();
    w.import_reading("a.csv", csv);
    w.import_reading("b.ris", ris);
    let list = w.reading_list();
    let r = reading(&list, "Cholera in camps");
    assert_eq!(authors(r), ["Nguyễn, Văn An", "Osei, Kwame", "Smith, J."], "{r}");
    assert!(!flag(r, "authors_truncated"), "{r}");
}

// F10: a list that names no one beyond the stored one never clears a
// stored "et al.", set in the spreadsheet round trip or by a source.
#[test]
fn f10_same_list_without_et_al_does_not_clear_it() {
    let bib = "@article{c, author = {Ines Duarte and Pieter van der Berg and Okoro, Chidi}, title = {Colonial legacies in tropical medicine curricula}, journal = {Medical Education}, year = {2019}}\n";
    let w = Workdir::new();
    let p = w.write("names.bib", bib);
    w.ok(&["import", "reading", p.to_str().unwrap()]);
    let out = w.path("n.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    let line = text.lines().find(|l| l.contains("Colonial legacies")).unwrap().to_string();
    let cell_start = line.find("Duarte").unwrap();
    let cell_end = cell_start + line[cell_start..].find("Chidi").unwrap() + "Chidi".len();
    let edited = text.replace(
        &line,
        &format!("{}{}; et al.{}", &line[..cell_start], &line[cell_start..cell_end], &line[cell_end..]),
    );
    let p2 = w.write("n2.csv", edited);
    w.ok(&["import", "reading", p2.to_str().unwrap(), "--by", "amina"]);
    let list = w.reading_list();
    assert!(flag(reading(&list, "Colonial legacies"), "authors_truncated"));
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(!err.contains("authors_truncated"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Colonial legacies");
    assert!(flag(r, "authors_truncated"), "{r}");
    assert_eq!(authors(r).len(), 3, "{r}");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Colonial legacies"),
        "Duarte I, van der Berg P, Okoro C, et al. Colonial legacies in tropical medicine curricula. Medical Education. 2019."
    );
}

// F10, its kind: by sources alone, in both orders, and for editors.
#[test]
fn f10_sources_same_list_either_order_keeps_et_al() {
    let a = "title,authors,editors,year,type,container,publisher\nChapter on leprosy,\"Kumar, Ravi; Osei, Kwame; et al.\",\"Farmer, Paul; Kim, Jim Yong; et al.\",2020,chapter,Handbook of neglected diseases,Springer\n";
    let b = "@incollection{k, author = {Kumar, Ravi and Osei, Kwame}, editor = {Farmer, Paul and Kim, Jim Yong}, title = {Chapter on leprosy}, booktitle = {Handbook of neglected diseases}, publisher = {Springer}, year = {2020}}\n";
    // The stored list keeps its own mark: the sheet's "et al." first stays;
    // the BibTeX list first stays complete, as the sheet's "et al." of the
    // same two names is that list cut short (tester r92 F6; this order
    // asserted the mark before that finding).
    for (w, marked) in both_orders(("a.csv", a), ("b.bib", b)).into_iter().zip([true, false]) {
        let list = w.reading_list();
        let r = reading(&list, "Chapter on leprosy");
        assert_eq!(authors(r), ["Kumar, Ravi", "Osei, Kwame"], "{r}");
        assert_eq!(editors(r), ["Farmer, Paul", "Kim, Jim Yong"], "{r}");
        assert_eq!(flag(r, "authors_truncated"), marked, "{r}");
        assert_eq!(flag(r, "editors_truncated"), marked, "{r}");
    }
    // A longer complete list is the fuller one: taken, and the "et al." with it goes.
    let c = "@incollection{k, author = {Kumar, Ravi and Osei, Kwame and Mensah, Kofi}, editor = {Farmer, Paul and Kim, Jim Yong and Basilico, Matthew}, title = {Chapter on leprosy}, booktitle = {Handbook of neglected diseases}, publisher = {Springer}, year = {2020}}\n";
    for w in both_orders(("a.csv", a), ("c.bib", c)) {
        let list = w.reading_list();
        let r = reading(&list, "Chapter on leprosy");
        assert_eq!(authors(r), ["Kumar, Ravi", "Osei, Kwame", "Mensah, Kofi"], "{r}");
        assert_eq!(editors(r), ["Farmer, Paul", "Kim, Jim Yong", "Basilico, Matthew"], "{r}");
        assert!(!flag(r, "authors_truncated"), "{r}");
        assert!(!flag(r, "editors_truncated"), "{r}");
    }
}

// F3: the full name of a stored abbreviation replaces it, in both orders.
#[test]
fn f3_publisher_abbreviation_both_orders() {
    for w in both_orders(("full.csv", FULL_CSV), ("abbr.ris", ABBR_RIS)) {
        let list = w.reading_list();
        let r = reading(&list, "World report on social");
        assert_eq!(r["publisher"], "World Health Organization", "{r}");
    }
    // Its kind: another publisher's acronym.
    let csv = "title,year,type,doi,publisher\nMalaria report,2020,report,10.9999/m.1,Médecins Sans Frontières\n";
    let ris = "TY  - RPRT\nTI  - Malaria report\nPY  - 2020\nDO  - 10.9999/m.1\nPB  - MSF\nER  - \n";
    for w in both_orders(("m.csv", csv), ("m.ris", ris)) {
        let list = w.reading_list();
        assert_eq!(reading(&list, "Malaria report")["publisher"], "Médecins Sans Frontières");
    }
}

// F4: `reading show` says that an editor list ends in "et al.".
#[test]
fn f4_show_says_editors_truncated() {
    let w = Workdir::new();
    w.import_reading(
        "etal.csv",
        "title,authors,editors,year,type,container,publisher,pages\nChapter on leprosy,\"Kumar, Ravi; et al.\",\"Farmer, Paul; et al.\",2020,chapter,Handbook of neglected diseases,Springer,71-90\n",
    );
    let list = w.reading_list();
    let id = reading(&list, "Chapter on leprosy")["id"]
        .as_str()
        .map(String::from)
        .unwrap_or_else(|| reading(&list, "Chapter on leprosy")["id"].to_string());
    let out = w.ok(&["reading", "show", &id]);
    assert!(out.lines().any(|l| l.contains("editors truncated (et al.)") && l.contains("yes")), "{out}");
    assert!(out.lines().any(|l| l.contains("authors truncated (et al.)") && l.contains("yes")), "{out}");
    let table = w.ok(&["reading", "list", "--format", "table"]);
    assert!(table.contains("Kumar, Ravi; et al."), "{table}");
}

// F11: "et al." given to `reading edit` is the list's mark: no warning that
// it was kept whole as a name, for authors and editors.
#[test]
fn f11_edit_et_al_no_contradictory_warning() {
    let w = Workdir::new();
    w.import_reading(
        "b.csv",
        "title,authors,editors,year,type,container,publisher\nChapter on leprosy,\"Kumar, Ravi\",\"Farmer, Paul\",2020,chapter,Handbook of neglected diseases,Springer\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Chapter on leprosy");
    let id = r["id"].as_str().map(String::from).unwrap_or_else(|| r["id"].to_string());
    for (flag, name) in [("--author", "Kumar, Ravi"), ("--editor", "Farmer, Paul")] {
        for et_al in ["et al.", "et al", "and others"] {
            let err = w.ok_stderr(&["reading", "edit", &id, flag, name, flag, et_al, "--by", "amina"]);
            assert!(!err.contains("kept whole"), "{flag} {et_al}: {err}");
            assert!(!err.contains("al., et") && !err.contains("others, and"), "{flag} {et_al}: {err}");
        }
    }
    let list = w.reading_list();
    let r = reading(&list, "Chapter on leprosy");
    assert_eq!(authors(r), ["Kumar, Ravi"], "{r}");
    assert_eq!(editors(r), ["Farmer, Paul"], "{r}");
    assert!(flag(r, "authors_truncated"), "{r}");
    assert!(flag(r, "editors_truncated"), "{r}");
}
