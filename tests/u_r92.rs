//! Tester r92: a re-import or a merge that made a stored record poorer or
//! contradictory. F1: a genre only implied by an entry type (BibTeX
//! `@phdthesis`) replaced a stated one; F5: a sheet's "book" made a chapter
//! (or thesis, report, article) a book; F6: "et al." in another list's
//! authors cell marked a complete stored list cut short, unsaid.

mod common;
use common::*;

const THESIS_JSON: &str = r#"[{"id":"a3","type":"thesis","title":"Yaşlı bakımında kültürel yeterlilik","author":[{"family":"Demir","given":"Elif"}],"publisher":"Hacettepe Üniversitesi","publisher-place":"Ankara","genre":"Doktora tezi","issued":{"date-parts":[[2017]]},"language":"tr"}]"#;

const THESIS_BIB: &str = "@phdthesis{Demir2017,
author = {Demir, Elif},
title = {Ya{\\c{s}}l{\\i} bak{\\i}m{\\i}nda k{\\\"{u}}lt{\\\"{u}}rel yeterlilik},
school = {Hacettepe {\\\"{U}}niversitesi},
address = {Ankara},
year = {2017}
}
";

const CHAPTER_JSON: &str = r#"[{"id":"r1","type":"chapter","title":"La salute delle donne migranti in Italia","container-title":"Infermieristica transculturale","author":[{"family":"Rossi","given":"Giulia"}],"editor":[{"family":"Bianchi","given":"Marco"}],"publisher":"Carocci","publisher-place":"Roma","page":"23-41","issued":{"date-parts":[[2018]]},"language":"it"}]"#;

const BOOK_CSV: &str = "title,authors,year,type,publisher
La salute delle donne migranti in Italia,\"Rossi, Giulia\",2018,book,Carocci
";

const ETAL_CSV: &str = "title,authors,year,type,container
La salute delle donne migranti in Italia,\"Rossi, Giulia; et al.\",2018,chapter,Infermieristica transculturale
";

const CHAPTER_APA: &str = "Rossi, G. (2018). La salute delle donne migranti in Italia. In M. Bianchi (Ed.), \
                           Infermieristica transculturale (pp. 23–41). Carocci.";

/// Imports `files` in order into a fresh database, each with its stderr.
fn imported(files: &[(&str, &str)]) -> (Workdir, Vec<String>) {
    let w = Workdir::new();
    let errs = files.iter().map(|(n, t)| w.import_reading(n, t)).collect();
    (w, errs)
}

fn only(w: &Workdir) -> serde_json::Value {
    let list = w.reading_list();
    let all = list.as_array().expect("a list");
    assert_eq!(all.len(), 1, "{list:#}");
    all[0].clone()
}

fn id_of(r: &serde_json::Value) -> String {
    r["id"].as_str().map(String::from).unwrap_or_else(|| r["id"].to_string())
}

fn shown_id(w: &Workdir, r: &serde_json::Value) -> String {
    let out = w.ok(&["reading", "show", &id_of(r)]);
    out.split_whitespace()
        .find(|t| t.starts_with('R') && t[1..].chars().all(|c| c.is_ascii_digit()))
        .map_or_else(|| format!("R{}", id_of(r)), String::from)
}

fn authors(r: &serde_json::Value) -> Vec<String> {
    r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().expect("a name").to_string()).collect()
}

fn flag(r: &serde_json::Value, k: &str) -> bool {
    r[k].as_bool().unwrap_or(false)
}

/// A second database in `w` with `files` imported, for `canon merge`.
fn other_db(w: &Workdir, name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let db = w.path(name);
    for (n, t) in files {
        let p = w.write(n, t);
        w.ok_at(&db, &["import", "reading", p.to_str().unwrap(), "-q"]);
    }
    db
}

/// `canon merge OTHER --by t` into `w`'s database: stderr, asserted to
/// open no conflict.
fn merged(w: &Workdir, other: &std::path::Path) -> String {
    let err = w.ok_stderr(&["merge", other.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains(", 0 conflicts,"), "{err}");
    err
}

// F1: the genre BibTeX's `@phdthesis` implies never replaces the stated
// "Doktora tezi", in either order, and re-running the imports settles.
#[test]
fn f1_implied_genre_gives_way_in_both_orders() {
    let json = ("g.json", THESIS_JSON);
    let bib = ("g.bib", THESIS_BIB);
    for order in [[json, bib, json, bib], [bib, json, bib, json]] {
        let (w, errs) = imported(&order);
        let r = only(&w);
        assert_eq!(r["genre"], "Doktora tezi", "{r}");
        assert_eq!(r["type"], "thesis", "{r}");
        // Every import after the stated genre is in: unchanged.
        let first_stated = if order[0].0 == "g.json" { 1 } else { 2 };
        for e in &errs[first_stated..] {
            assert!(e.contains("0 new, 0 changed, 1 unchanged"), "{e}");
        }
        let bib_err = if order[3].0 == "g.bib" { &errs[3] } else { &errs[2] };
        assert!(
            bib_err.contains(
                "genre: kept \"Doktora tezi\" (the file's \"PhD thesis\" is only what its entry type implies: it \
                 states no genre)"
            ),
            "{bib_err}"
        );
        let apa = w.references("apa");
        assert_eq!(
            reference(&apa, "Yaşlı"),
            "Demir, E. (2017). Yaşlı bakımında kültürel yeterlilik [Doktora tezi, Hacettepe Üniversitesi]."
        );
    }
    // The implied genre still fills an empty one.
    let (w, _) = imported(&[bib]);
    assert_eq!(only(&w)["genre"], "PhD thesis");
}

// F1, its kind: `@mastersthesis`, RIS `TY  - DATA` and a CSL-JSON `dataset`
// without a genre imply one; a stated genre stays against each.
#[test]
fn f1_other_implied_genres_give_way() {
    let stated = "title,authors,year,type,genre,publisher
Bakım ağları,\"Kaya, Ayşe\",2019,thesis,Yüksek lisans tezi,Ankara Üniversitesi
Household survey of clinic use,\"Otieno, Baraka\",2020,other,Survey data,KNBS
";
    let bib = "@mastersthesis{k, author = {Kaya, Ayşe}, title = {Bakım ağları}, school = {Ankara Üniversitesi}, year = {2019}}\n";
    let ris =
        "TY  - DATA\nAU  - Otieno, Baraka\nTI  - Household survey of clinic use\nPY  - 2020\nPB  - KNBS\nER  - \n";
    let json = r#"[{"id":"d","type":"dataset","title":"Household survey of clinic use","author":[{"family":"Otieno","given":"Baraka"}],"publisher":"KNBS","issued":{"date-parts":[[2020]]}}]"#;
    for files in [
        vec![("s.csv", stated), ("k.bib", bib), ("d.ris", ris), ("d.json", json)],
        vec![("k.bib", bib), ("d.ris", ris), ("d.json", json), ("s.csv", stated), ("k.bib", bib), ("d.ris", ris)],
    ] {
        let (w, errs) = imported(&files);
        let list = w.reading_list();
        assert_eq!(list.as_array().unwrap().len(), 2, "{list:#}");
        assert_eq!(reading(&list, "Bakım ağları")["genre"], "Yüksek lisans tezi");
        assert_eq!(reading(&list, "Household survey")["genre"], "Survey data");
        let last = errs.last().unwrap();
        assert!(last.contains("0 new, 0 changed, 1 unchanged"), "{last}");
    }
}

// F1 in a merge: one member imported the CSL-JSON, the other the BibTeX;
// no conflict, the stated genre in either direction.
#[test]
fn f1_merge_keeps_stated_genre_either_way() {
    for (ours, theirs) in
        [(("g.json", THESIS_JSON), ("g.bib", THESIS_BIB)), (("g.bib", THESIS_BIB), ("g.json", THESIS_JSON))]
    {
        let w = Workdir::new();
        w.import_reading(ours.0, ours.1);
        let other = other_db(&w, "theirs.db", &[theirs]);
        let err = merged(&w, &other);
        assert_eq!(only(&w)["genre"], "Doktora tezi", "{err}");
        // The member's import again changes nothing.
        let again = w.import_reading(theirs.0, theirs.1);
        assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
    }
}

// F5: a sheet's "book" never makes the stored chapter a book; said with the
// edit that does; the other order stores the chapter too.
#[test]
fn f5_book_row_keeps_chapter_both_orders() {
    let (w, errs) = imported(&[("ch.json", CHAPTER_JSON), ("booktype.csv", BOOK_CSV)]);
    let r = only(&w);
    assert_eq!(r["type"], "chapter", "{r}");
    assert_eq!(r["container"], "Infermieristica transculturale", "{r}");
    let id = shown_id(&w, &r);
    assert!(errs[1].contains("0 new, 0 changed, 1 unchanged"), "{}", errs[1]);
    assert!(
        errs[1].contains(&format!(
            "booktype.csv:2: entry {id} (same title and year): type: kept \"chapter\" (the file says \"book\", \
             but the stored chapter has what a book has not: in \"Infermieristica transculturale\", edited by \"Bianchi, \
             Marco\", pages \"23-41\"); if it is a book, `canon reading edit {id} --type book`"
        )),
        "{}",
        errs[1]
    );
    assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA);
    // The other order: the sheet's book, then the list that says chapter
    // and gives its book.
    let (w, _) = imported(&[("booktype.csv", BOOK_CSV), ("ch.json", CHAPTER_JSON)]);
    let r = only(&w);
    assert_eq!(r["type"], "chapter", "{r}");
    assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA);
    // The edit the note names does make it a book.
    let (w, _) = imported(&[("ch.json", CHAPTER_JSON), ("booktype.csv", BOOK_CSV)]);
    let r = only(&w);
    w.ok(&["reading", "edit", &id_of(&r), "--type", "book", "--by", "amina"]);
    assert_eq!(only(&w)["type"], "book");
}

// F5, its kind: a thesis with its degree, a report with its number, a
// journal article with its journal stay against "book"; a chapter stored
// without its book, editors or pages becomes one; a "chapter" that names no
// book never replaces a stored book.
#[test]
fn f5_type_table() {
    let json = r#"[
{"id":"t","type":"thesis","title":"Yaşlı bakımında kültürel yeterlilik","author":[{"family":"Demir","given":"Elif"}],"publisher":"Hacettepe Üniversitesi","genre":"Doktora tezi","issued":{"date-parts":[[2017]]}},
{"id":"r","type":"report","title":"Maternal health in Kenya","author":[{"literal":"Ministry of Health"}],"publisher":"Ministry of Health","number":"MOH/2019/4","issued":{"date-parts":[[2019]]}},
{"id":"a","type":"article-journal","title":"Nursing across borders","author":[{"family":"Osei","given":"Kwame"}],"container-title":"Nurse Education Today","volume":"98","issued":{"date-parts":[[2021]]}},
{"id":"c","type":"chapter","title":"Care at home","author":[{"family":"Mensah","given":"Kofi"}],"publisher":"Sankofa","issued":{"date-parts":[[2015]]}},
{"id":"n","type":"article-newspaper","title":"Nurses strike for pay","author":[{"family":"Wanjiru","given":"Grace"}],"container-title":"Daily Nation","issued":{"date-parts":[[2017]]}},
{"id":"p","type":"paper-conference","title":"Simulation in rural training","author":[{"family":"Kaya","given":"Ayşe"}],"container-title":"Proceedings of the Nursing Education Conference","page":"12-19","issued":{"date-parts":[[2016]]}},
{"id":"b","type":"book","title":"Community nursing","author":[{"family":"Lind","given":"Tove"}],"publisher":"Liber","issued":{"date-parts":[[2012]]}}
]"#;
    let csv = "title,authors,year,type,publisher
Yaşlı bakımında kültürel yeterlilik,\"Demir, Elif\",2017,book,Hacettepe Üniversitesi
Maternal health in Kenya,Ministry of Health,2019,book,Ministry of Health
Nursing across borders,\"Osei, Kwame\",2021,book,
Care at home,\"Mensah, Kofi\",2015,book,Sankofa
Community nursing,\"Lind, Tove\",2012,chapter,Liber
Nurses strike for pay,\"Wanjiru, Grace\",2017,book,
Simulation in rural training,\"Kaya, Ayşe\",2016,book,
";
    let (w, errs) = imported(&[("all.json", json), ("books.csv", csv)]);
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 7, "{list:#}");
    assert_eq!(reading(&list, "Nurses strike")["type"], "newspaper-article");
    assert_eq!(reading(&list, "Simulation in rural")["type"], "conference-paper");
    assert_eq!(reading(&list, "Yaşlı")["type"], "thesis");
    assert_eq!(reading(&list, "Maternal health")["type"], "report");
    assert_eq!(reading(&list, "Nursing across")["type"], "article");
    assert_eq!(reading(&list, "Care at home")["type"], "book");
    assert_eq!(reading(&list, "Community nursing")["type"], "book");
    let e = &errs[1];
    assert!(e.contains("type: kept \"thesis\" (the file says \"book\", but the stored thesis has what a book has not: genre \"Doktora tezi\")"), "{e}");
    assert!(
        e.contains(
            "type: kept \"report\" (the file says \"book\", but the stored report has what a book has not: number \"MOH/2019/4\")"
        ),
        "{e}"
    );
    assert!(
        e.contains(
            "type: kept \"article\" (the file's \"book\" for a journal article stored with its volume or pages)"
        ),
        "{e}"
    );
    assert!(e.contains("type: kept \"book\" (the file's \"chapter\" names no book it is in); if it is a chapter, `canon reading edit"), "{e}");
    assert!(e.contains("type \"book\" (was \"chapter\")"), "{e}");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Yaşlı"),
        "Demir, E. (2017). Yaşlı bakımında kültürel yeterlilik [Doktora tezi, Hacettepe Üniversitesi]."
    );
}

// F5 in a merge: ours the chapter and theirs the sheet's book, or the other
// way round: the chapter, no conflict.
#[test]
fn f5_merge_keeps_chapter_either_way() {
    for (ours, theirs) in
        [(("ch.json", CHAPTER_JSON), ("b.csv", BOOK_CSV)), (("b.csv", BOOK_CSV), ("ch.json", CHAPTER_JSON))]
    {
        let w = Workdir::new();
        w.import_reading(ours.0, ours.1);
        let other = other_db(&w, "theirs.db", &[theirs]);
        let err = merged(&w, &other);
        let r = only(&w);
        assert_eq!(r["type"], "chapter", "{err}\n{r}");
        assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA);
    }
}

// F6: a sheet's first author and "et al." for a stored one-author chapter
// leaves the list complete, unchanged, said.
#[test]
fn f6_et_al_of_complete_list_kept_complete() {
    let (w, errs) = imported(&[("ch.json", CHAPTER_JSON), ("etal.csv", ETAL_CSV)]);
    let r = only(&w);
    assert_eq!(authors(&r), ["Rossi, Giulia"]);
    assert!(!flag(&r, "authors_truncated"), "{r}");
    let id = shown_id(&w, &r);
    assert!(errs[1].contains("0 new, 0 changed, 1 unchanged"), "{}", errs[1]);
    assert!(
        errs[1].contains(&format!(
            "etal.csv:2: entry {id} (same title and year): authors: kept the stored list as complete (1 \
             name; the file's 1 name ends in \"et al.\": it is the stored list cut short)"
        )),
        "{}",
        errs[1]
    );
    assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA);
    // The other order: the stored "et al." stays against a list that names
    // no one beyond it (tester r85 F10), said.
    let (w, errs) = imported(&[("etal.csv", ETAL_CSV), ("ch.json", CHAPTER_JSON)]);
    let r = only(&w);
    assert!(flag(&r, "authors_truncated"), "{r}");
    assert!(
        errs[1].contains(
            "authors: kept the stored \"et al.\" (the file's list of 1 name names no one beyond the stored list)"
        ),
        "{}",
        errs[1]
    );
}

// F6, its kind: BibTeX `and others`, RIS `AU  - et al.`, CSL-JSON
// `{"literal": "others"}` and an editors cell's "et al." alike; each
// unchanged.
#[test]
fn f6_every_format_et_al_of_complete_list() {
    let bib = "@incollection{r, author = {Rossi, Giulia and others}, title = {La salute delle donne migranti in Italia}, booktitle = {Infermieristica transculturale}, editor = {Bianchi, Marco and others}, publisher = {Carocci}, year = {2018}}\n";
    let ris = "TY  - CHAP\nAU  - Rossi, Giulia\nAU  - et al.\nTI  - La salute delle donne migranti in Italia\nT2  - Infermieristica transculturale\nPY  - 2018\nER  - \n";
    let json = r#"[{"id":"x","type":"chapter","title":"La salute delle donne migranti in Italia","container-title":"Infermieristica transculturale","author":[{"family":"Rossi","given":"Giulia"},{"literal":"others"}],"issued":{"date-parts":[[2018]]}}]"#;
    let csv = "title,authors,editors,year,type,container\nLa salute delle donne migranti in Italia,\"Rossi, Giulia\",\"Bianchi, Marco; et al.\",2018,chapter,Infermieristica transculturale\n";
    for (name, text) in [("r.bib", bib), ("r.ris", ris), ("r2.json", json), ("ed.csv", csv)] {
        let (w, errs) = imported(&[("ch.json", CHAPTER_JSON), (name, text)]);
        let r = only(&w);
        assert!(!flag(&r, "authors_truncated"), "{name}: {r}");
        assert!(!flag(&r, "editors_truncated"), "{name}: {r}");
        assert!(errs[1].contains("0 changed, 1 unchanged"), "{name}: {}", errs[1]);
        assert!(errs[1].contains("kept the stored list as complete"), "{name}: {}", errs[1]);
        assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA, "{name}");
    }
}

// F6: the fuller list still wins, and a change of the mark either way is
// said: a stored "et al." list completed by a longer list; a complete list
// continued by a longer one cut short.
#[test]
fn f6_fuller_list_wins_and_mark_change_said() {
    let full = "title,authors,year,type,container\nLa salute delle donne migranti in Italia,\"Rossi, Giulia; Verdi, Luca\",2018,chapter,Infermieristica transculturale\n";
    let (w, errs) = imported(&[("etal.csv", ETAL_CSV), ("full.csv", full)]);
    let r = only(&w);
    assert_eq!(authors(&r), ["Rossi, Giulia", "Verdi, Luca"]);
    assert!(!flag(&r, "authors_truncated"), "{r}");
    assert!(errs[1].contains("authors no longer end in \"et al.\" (the list is complete)"), "{}", errs[1]);
    // The other order: the complete list stays.
    let (w, _) = imported(&[("full.csv", full), ("etal.csv", ETAL_CSV)]);
    let r = only(&w);
    assert_eq!(authors(&r), ["Rossi, Giulia", "Verdi, Luca"]);
    assert!(!flag(&r, "authors_truncated"), "{r}");
    // A longer list cut short continues a complete one: marked, said.
    let longer = "title,authors,year,type,container\nLa salute delle donne migranti in Italia,\"Rossi, Giulia; Verdi, Luca; et al.\",2018,chapter,Infermieristica transculturale\n";
    let (w, errs) = imported(&[("ch.json", CHAPTER_JSON), ("longer.csv", longer)]);
    let r = only(&w);
    assert_eq!(authors(&r), ["Rossi, Giulia", "Verdi, Luca"]);
    assert!(flag(&r, "authors_truncated"), "{r}");
    assert!(errs[1].contains("authors now end in \"et al.\" (the list is cut short)"), "{}", errs[1]);
}

// F6 in a merge: their copy's "et al." never marks our complete list, no
// conflict; their longer list is taken with its mark.
#[test]
fn f6_merge_keeps_complete_list() {
    let w = Workdir::new();
    w.import_reading("ch.json", CHAPTER_JSON);
    let other = other_db(&w, "theirs.db", &[("etal.csv", ETAL_CSV)]);
    merged(&w, &other);
    let r = only(&w);
    assert!(!flag(&r, "authors_truncated"), "{r}");
    assert_eq!(reference(&w.references("apa"), "La salute"), CHAPTER_APA);
    // Theirs the longer, complete list: taken, the "et al." gone.
    let w = Workdir::new();
    w.import_reading("etal.csv", ETAL_CSV);
    let full = "title,authors,year,type,container\nLa salute delle donne migranti in Italia,\"Rossi, Giulia; Verdi, Luca\",2018,chapter,Infermieristica transculturale\n";
    let other = other_db(&w, "theirs.db", &[("full.csv", full)]);
    merged(&w, &other);
    let r = only(&w);
    assert_eq!(authors(&r), ["Rossi, Giulia", "Verdi, Luca"]);
    assert!(!flag(&r, "authors_truncated"), "{r}");
}
