//! Tester r72 F5, F7, F8, F9: one volume of a multi-volume work, written
//! as other sources write it, is the stored volume (or flagged as it), not
//! a second record: "Title, Vol. 2: Own title" in a title (Zotero), the set
//! as a book's series, a shorter volume title, "N vols." in a volume cell,
//! " - " and case forms of the volume title.
mod common;

use common::Workdir;
use serde_json::Value;

const MAIN: &str = "Companion Encyclopedia of the History of Medicine";

/// The tester's t/mv.bib: the set, volume 1, volume 2 and a chapter in it.
const MV_BIB: &str = "@mvbook{cambridgehist,\n  editor = {Bynum, W. F. and Porter, Roy},\n  \
title = {Companion Encyclopedia of the History of Medicine},\n  publisher = {Routledge},\n  location = {London},\n  \
date = {1993},\n  volumes = {2}\n}\n\
@book{cambridgehist:v1,\n  crossref = {cambridgehist},\n  volume = {1},\n  \
maintitle = {Companion Encyclopedia of the History of Medicine},\n  title = {Part I: Medicine in Western Civilization},\n  \
isbn = {9780415047715}\n}\n\
@incollection{arnold1993,\n  author = {Arnold, David},\n  title = {Medicine and colonialism},\n  \
crossref = {cambridgehist:v2},\n  pages = {1393--1416}\n}\n\
@book{cambridgehist:v2,\n  crossref = {cambridgehist},\n  volume = {2},\n  title = {Part II: Medicine and Society},\n  \
isbn = {9780415047722}\n}\n";

/// A database holding t/mv.bib (as the tester's t/mv.db).
fn stored() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let said = w.import_reading("mv.bib", MV_BIB);
    assert!(said.contains("4 new"), "{said}");
    w
}

fn books(w: &Workdir) -> Vec<Value> {
    let list = w.reading_list();
    list.as_array().unwrap().iter().filter(|r| r["type"] == "book").cloned().collect()
}

/// The stored books of volume `v` (`None`: the set).
fn of_volume(w: &Workdir, v: Option<&str>) -> Vec<Value> {
    books(w).into_iter().filter(|r| r["volume"].as_str() == v).collect()
}

fn volume_title(w: &Workdir, v: &str) -> String {
    let vols = of_volume(w, Some(v));
    assert_eq!(vols.len(), 1, "one volume {v}: {vols:#?}");
    vols[0]["volume_title"].as_str().unwrap_or_default().to_string()
}

const CSV_HEAD: &str = "title,editors,year,type,volume,volume_title,publisher,place\n";

/// F9: Zotero's "Title, Vol. 2: Own title" (it has no volume-title field)
/// is read into the title, volume and volume title, and is the stored
/// volume 2; the reference never prints the volume twice.
#[test]
fn zotero_title_with_its_volume_is_the_stored_volume() {
    let w = stored();
    let said = w.import_reading(
        "mvz.json",
        r#"[{"id":"z1","type":"book","title":"Companion Encyclopedia of the History of Medicine, Vol. 2: Part II: Medicine and Society","volume":"2","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[1993]]}}]"#,
    );
    assert!(said.contains("0 new"), "{said}");
    assert_eq!(books(&w).len(), 3, "the set and its two volumes: {:#?}", books(&w));
    assert_eq!(volume_title(&w, "2"), "Part II: Medicine and Society");
    let report = w.path("r.json");
    w.ok(&["report", report.to_str().unwrap(), "-q"]);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(!text.contains("Vol. 2: Part II"), "{text}");
    assert!(!text.contains("Society. Vol. 2"), "the volume printed twice: {text}");
}

/// F9, more forms of a volume in a title, into an empty database: each is
/// the title of the set, with the volume and its own title apart.
#[test]
fn volume_forms_in_a_title_are_read_apart() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let said = w.import_reading(
        "forms.json",
        r#"[{"id":"a","type":"book","title":"Textbook of Tropical Medicine, vol. 3","issued":{"date-parts":[[2001]]}},
{"id":"b","type":"book","title":"Atlas of Colonial Hospitals. Volume 2: The Cape","issued":{"date-parts":[[2002]]}},
{"id":"c","type":"book","title":"Selected Writings, Volume IV, Letters","issued":{"date-parts":[[2003]]}},
{"id":"d","type":"book","title":"Vol 2 of 3: Notes on a Plague","issued":{"date-parts":[[2004]]}},
{"id":"e","type":"article-journal","title":"Fever, vol. 3","container-title":"Lancet","issued":{"date-parts":[[2005]]}}]"#,
    );
    assert!(said.contains("5 new"), "{said}");
    let list = w.reading_list();
    let by_year = |y: i64| list.as_array().unwrap().iter().find(|r| r["year"] == y).unwrap().clone();
    let a = by_year(2001);
    assert_eq!((a["title"].as_str(), a["volume"].as_str()), (Some("Textbook of Tropical Medicine"), Some("3")));
    assert!(a["volume_title"].is_null(), "{a:#}");
    let b = by_year(2002);
    assert_eq!(b["title"], "Atlas of Colonial Hospitals");
    assert_eq!((b["volume"].as_str(), b["volume_title"].as_str()), (Some("2"), Some("The Cape")));
    let c = by_year(2003);
    assert_eq!(c["title"], "Selected Writings");
    assert_eq!((c["volume"].as_str(), c["volume_title"].as_str()), (Some("IV"), Some("Letters")));
    // A title that begins with the words, and an article's title, stay.
    assert_eq!(by_year(2004)["title"], "Vol 2 of 3: Notes on a Plague");
    assert_eq!(by_year(2005)["title"], "Fever, vol. 3");
}

/// F9: a title naming another volume than the record's volume is left as
/// it is (two sources that disagree are not settled by guessing).
#[test]
fn a_title_naming_another_volume_is_left_alone() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading(
        "x.json",
        r#"[{"id":"a","type":"book","title":"Atlas of Colonial Hospitals, Vol. 2: The Cape","volume":"3","issued":{"date-parts":[[2002]]}}]"#,
    );
    let list = w.reading_list();
    assert_eq!(list[0]["title"], "Atlas of Colonial Hospitals, Vol. 2: The Cape");
    assert_eq!(list[0]["volume"], "3");
}

/// F9: the volume as Zotero users also store it, its own title as the
/// title and the set as its series, is flagged as a possible duplicate of
/// the stored volume, with why.
#[test]
fn a_volume_with_its_set_as_series_is_flagged() {
    let w = stored();
    let said = w.import_reading(
        "mvz2.json",
        r#"[{"id":"z2","type":"book","title":"Part II: Medicine and Society","collection-title":"Companion Encyclopedia of the History of Medicine","volume":"2","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[1993]]}}]"#,
    );
    assert!(said.contains("possible duplicate of entry"), "{said}");
    assert!(said.contains("volume 2 of \"Companion Encyclopedia of the History of Medicine\""), "{said}");
    assert!(said.contains("mvz2.json:1"), "names the file and line: {said}");
}

/// F9: the series test is the set's own volume: another volume, another
/// year, or another volume title is not flagged.
#[test]
fn a_real_series_is_not_flagged() {
    let w = stored();
    let said = w.import_reading(
        "s.json",
        r#"[{"id":"s1","type":"book","title":"Part I: Medicine in Western Civilization","collection-title":"Companion Encyclopedia of the History of Medicine","volume":"2","issued":{"date-parts":[[1993]]}},
{"id":"s2","type":"book","title":"Part II: Medicine and Society","collection-title":"Companion Encyclopedia of the History of Medicine","volume":"2","issued":{"date-parts":[[1994]]}}]"#,
    );
    assert!(!said.contains("possible duplicate"), "{said}");
}

/// F7: the same title, year and volume number with the volume's title
/// written shorter is the stored volume: the stored title stays, said with
/// the edit that takes the file's; the catalogue's "Title. Vol. 2, Own"
/// row merges with it too.
#[test]
fn a_shorter_volume_title_is_the_same_volume() {
    let w = stored();
    let csv = format!(
        "{CSV_HEAD}{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2,Medicine and Society,Routledge,London\n\
\"Companion encyclopedia of the history of medicine. Vol. 2, Medicine and society\",\"Bynum, W. F.; Porter, Roy\",1993,book,,,Routledge,London\n"
    );
    let said = w.import_reading("mvcat.csv", &csv);
    assert!(said.contains("0 new"), "{said}");
    assert!(
        said.contains("mvcat.csv:2: entry")
            && said.contains(
                "volume_title \"Medicine and Society\" differs from the stored \"Part II: Medicine and Society\""
            )
            && said.contains("--volume-title \"Medicine and Society\""),
        "{said}"
    );
    assert_eq!(of_volume(&w, Some("2")).len(), 1);
    assert_eq!(volume_title(&w, "2"), "Part II: Medicine and Society");
    // Imported again: nothing changes.
    let again = w.import_reading("mvcat.csv", &csv);
    assert!(again.contains("0 new, 0 changed"), "{again}");
}

/// F7, other volume titles of the same numbered volume (another
/// wording, a subtitle only): the same volume, the stored title kept.
#[test]
fn any_other_volume_title_of_the_same_number_is_a_difference() {
    let w = stored();
    for (i, own) in ["\"Medicine, Society and the State\"", "Part II"].iter().enumerate() {
        let csv = format!("{CSV_HEAD}{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2,{own},Routledge,London\n");
        let said = w.import_reading(&format!("v{i}.csv"), &csv);
        assert!(said.contains("0 new"), "{own}: {said}");
        assert_eq!(volume_title(&w, "2"), "Part II: Medicine and Society", "{own}");
    }
    // Another number is another volume, as before.
    let csv =
        format!("{CSV_HEAD}{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,3,Part III: Medicine and the State,,\n");
    let said = w.import_reading("v3.csv", &csv);
    assert!(said.contains("1 new"), "{said}");
}

/// F7 (low): "…, volume 1" at the end of a catalogue's title is volume 1.
#[test]
fn lower_case_volume_at_the_end_of_a_title() {
    let w = stored();
    let csv = format!(
        "{CSV_HEAD}\"Companion encyclopedia of the history of medicine, volume 1\",,1993,book,,,Routledge,London\n"
    );
    let said = w.import_reading("v1.csv", &csv);
    assert!(said.contains("0 new"), "{said}");
    assert_eq!(of_volume(&w, Some("1")).len(), 1);
    assert!(books(&w).iter().all(|b| !b["title"].as_str().unwrap().contains("volume 1")), "{:#?}", books(&w));
}

/// F5: "2 vols." in a volume cell is the set's extent: the set, said at
/// the cell, and never printed "Vol. 2 vols.".
#[test]
fn a_volume_count_is_the_set_said() {
    let w = stored();
    let csv = format!(
        "title,editors,year,type,volume,publisher,place\n\
{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,Vol. 2,Routledge,London\n\
{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,v. 1,Routledge,London\n\
{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2 vols.,Routledge,London\n"
    );
    let said = w.import_reading("mvvol.csv", &csv);
    assert!(said.contains("0 new"), "{said}");
    assert!(
        // (Stored as the set's number of volumes since schema 0033.)
        said.contains(
            "mvvol.csv:4:5: warning: volume \"2 vols.\" is the number of volumes of the set, not a volume's number: \
             read as the whole set of 2 volumes"
        ),
        "{said}"
    );
    assert_eq!(books(&w).len(), 3, "{:#?}", books(&w));
    let report = w.path("r.json");
    w.ok(&["report", report.to_str().unwrap(), "-q"]);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(!text.contains("vols."), "{text}");
}

/// F5, other extents ("3 v.", "in 12 volumes") into an empty database:
/// no volume stored, each said; a plain number stays a volume.
#[test]
fn other_volume_counts() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let said = w.import_reading(
        "c.csv",
        "title,year,type,volume\nA History of Plague,1990,book,3 v.\nA History of Fever,1991,book,in 12 volumes\n\
A History of Cholera,1992,book,12\n",
    );
    assert!(said.contains("c.csv:2:4: warning: volume \"3 v.\""), "{said}");
    assert!(said.contains("c.csv:3:4: warning: volume \"in 12 volumes\""), "{said}");
    let list = w.reading_list();
    let vol = |t: &str| common::reading(&list, t)["volume"].clone();
    assert!(vol("A History of Plague").is_null());
    assert!(vol("A History of Fever").is_null());
    assert_eq!(vol("A History of Cholera"), "12");
}

/// F8: the volume title's " - " form and the published colon are one
/// title, settled by the title's rule in either order: the colon stays.
#[test]
fn volume_title_dash_form_never_replaces_the_colon() {
    let w = stored();
    let csv = format!(
        "{CSV_HEAD}{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2,Part II - Medicine and Society,Routledge,London\n"
    );
    let said = w.import_reading("mvcat3.csv", &csv);
    assert!(said.contains("0 changed"), "{said}");
    assert_eq!(volume_title(&w, "2"), "Part II: Medicine and Society");

    // The other order: the dash form stored first, then the BibTeX.
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading("mvcat3.csv", &csv);
    assert_eq!(volume_title(&w, "2"), "Part II - Medicine and Society");
    w.import_reading("mv.bib", MV_BIB);
    assert_eq!(volume_title(&w, "2"), "Part II: Medicine and Society");
}

/// F8: case forms of the volume title are settled by the title's rule
/// (sentence case before title case), whichever is imported first.
#[test]
fn volume_title_case_forms_converge_in_either_order() {
    let csv = format!(
        "{CSV_HEAD}{MAIN},\"Bynum, W. F.; Porter, Roy\",1993,book,2,Part II: medicine and society,Routledge,London\n"
    );
    let a = stored();
    a.import_reading("mvcat4.csv", &csv);
    let b = Workdir::new();
    b.ok(&["init", "-q"]);
    b.import_reading("mvcat4.csv", &csv);
    b.import_reading("mv.bib", MV_BIB);
    assert_eq!(volume_title(&a, "2"), volume_title(&b, "2"));
    // And once settled, neither file changes it back.
    let again = a.import_reading("mv.bib", MV_BIB);
    assert!(again.contains("0 changed"), "{again}");
}
