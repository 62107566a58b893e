//! Tester r76 F16 and F6: a set's volumes under the set's one ISBN are two
//! records, in every format and in `reading add`/`edit`, `merge` and `undo`
//! (schema 0035); a role other than an editor's or translator's written in
//! an editors or translators field is said and not stored.

mod common;

use common::Workdir;

const SET: &str = "title,authors,year,type,publisher,place,isbn,volume_title\n\
Companion encyclopedia of the history of medicine,\"Bynum, W. F.; Porter, Roy\",1993,book,Routledge,London,\"0415047722 (v. 1)\",Medicine in the West\n\
Companion encyclopedia of the history of medicine,\"Bynum, W. F.; Porter, Roy\",1993,book,Routledge,London,\"0415047722 (v. 2)\",Clinical specialties\n";

/// The (volume, volume title) of every reading, in order of volume.
fn volumes(w: &Workdir, db: &std::path::Path) -> Vec<(Option<String>, Option<String>)> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.prepare("SELECT volume, volume_title FROM reading ORDER BY volume, id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e} in {}", w.dir.path().display()))
}

fn vols(list: &[(Option<&str>, Option<&str>)]) -> Vec<(Option<String>, Option<String>)> {
    list.iter().map(|(a, b)| (a.map(String::from), b.map(String::from))).collect()
}

/// F16 as the tester found it: the catalogue's "(v. 1)" and "(v. 2)" after
/// the set's ISBN are two volumes, both kept; the file again changes nothing.
#[test]
fn a_sets_two_volumes_under_its_one_isbn_are_two_records() {
    let w = Workdir::new();
    let err = w.import_reading("isbnset.csv", SET);
    assert!(!err.contains("duplicate (same ISBN)"), "{err}");
    assert!(err.contains("readings: 2 new, 0 changed, 0 unchanged, 0 duplicate, 0 rejected"), "{err}");
    assert_eq!(
        volumes(&w, &w.db()),
        vols(&[(Some("1"), Some("Medicine in the West")), (Some("2"), Some("Clinical specialties"))])
    );
    assert_eq!(w.count("SELECT count(DISTINCT isbn) FROM reading"), 1, "both keep the set's ISBN");
    let again = w.import_reading("isbnset.csv", SET);
    assert!(again.contains("0 new, 0 changed, 2 unchanged, 0 duplicate"), "{again}");
    let refs = w.all_references("vancouver");
    assert_eq!(refs.len(), 2, "{refs:?}");
    assert!(refs.iter().any(|r| r.contains("Vol. 2") && r.contains("Clinical specialties")), "{refs:?}");
    assert!(refs.iter().any(|r| r.contains("Vol. 1") && r.contains("Medicine in the West")), "{refs:?}");
    assert!(w.ok(&["check"]).contains("ok"));
}

/// The same ISBN with the same volume is still one work: a duplicate, as
/// before. With no volume on one side it is the whole set and one of its
/// volumes: two works, said (tester r96 F9; this test asserted one record,
/// the set stored as its volume 2).
#[test]
fn one_isbn_with_one_volume_or_none_stays_one_record() {
    let w = Workdir::new();
    w.import_reading("isbnset.csv", SET);
    let same = "title,year,type,isbn,volume\n\
Companion encyclopedia of the history of medicine,1993,book,0415047722,2\n\
Companion encyclopedia of the history of medicine,1993,book,9780415047722,1\n";
    let err = w.import_reading("same.csv", same);
    assert!(err.contains("0 new") && err.contains("0 rejected"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{err}");
    // Two rows of one volume in one file: one entry, and the hint names the volume number.
    let twice = "title,year,type,isbn,volume,publisher\n\
Another set,1990,book,0802141323,1,Grove\n\
Another set,1990,book,0802141323,1,Grove Press\n";
    let err = w.import_reading("twice.csv", twice);
    assert!(err.contains("is a duplicate (same ISBN)"), "{err}");
    assert!(err.contains("give each its own ISBN, each volume of a set its volume number, or edit the entry"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Another set'"), 1);
    // Without a volume: the whole set, its own record beside its volumes, said.
    let none = "title,year,type,isbn\nCompanion encyclopedia of the history of medicine,1993,book,0415047722\n";
    let err = w.import_reading("none.csv", none);
    assert!(err.contains("1 new"), "{err}");
    assert!(err.contains("none.csv:2: the whole set, of which entry R"), "{err}");
    assert!(err.contains("(same ISBN): kept apart, added as its own entry"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE 'Companion%'"), 3, "{err}");
    let err = w.import_reading("none.csv", none);
    assert!(err.contains("0 new, 0 changed, 1 unchanged"), "{err}");

    // A set stored without a volume, then its volume 2: another record (the
    // set stays the set), said; volume 1 after it is the other volume.
    let w = Workdir::new();
    w.import_reading("none.csv", none);
    let v2 = "title,year,type,isbn,volume\nCompanion encyclopedia of the history of medicine,1993,book,0415047722,2\n";
    let err = w.import_reading("v2.csv", v2);
    assert!(err.contains("1 new, 0 changed"), "{err}");
    assert!(err.contains("v2.csv:2: volume 2 of the set stored as entry R"), "{err}");
    let v1 = "title,year,type,isbn,volume\nCompanion encyclopedia of the history of medicine,1993,book,0415047722,1\n";
    let err = w.import_reading("v1.csv", v1);
    assert!(err.contains("1 new"), "{err}");
    assert_eq!(volumes(&w, &w.db()), vols(&[(None, None), (Some("1"), None), (Some("2"), None)]));
}

/// The same set in every format that gives an ISBN and a volume: two
/// volumes, two records (ISBN-10 in one, ISBN-13 in the other alike).
#[test]
fn every_format_keeps_a_sets_volumes_apart() {
    let ris_q = "TY  - BOOK\nTI  - Companion encyclopedia of the history of medicine\nAU  - Bynum, W. F.\nPY  - 1993\n\
SN  - 0415047722 (v. 1)\nER  - \n\nTY  - BOOK\nTI  - Companion encyclopedia of the history of medicine\n\
AU  - Bynum, W. F.\nPY  - 1993\nSN  - 0415047722 (v. 2)\nER  - \n";
    let ris_vl = "TY  - BOOK\nTI  - Companion encyclopedia of the history of medicine\nAU  - Bynum, W. F.\nPY  - 1993\n\
SN  - 0415047722\nVL  - 1\nER  - \n\nTY  - BOOK\nTI  - Companion encyclopedia of the history of medicine\n\
AU  - Bynum, W. F.\nPY  - 1993\nSN  - 978-0-415-04772-2\nVL  - 2\nER  - \n";
    let bib = "@book{v1, title={Companion encyclopedia of the history of medicine}, author={Bynum, W. F.}, year={1993},\n\
  isbn={0415047722}, volume={1}}\n\
@book{v2, title={Companion encyclopedia of the history of medicine}, author={Bynum, W. F.}, year={1993},\n\
  isbn={9780415047722}, volume={2}}\n";
    let json = r#"[{"id":"a","type":"book","title":"Companion encyclopedia of the history of medicine","author":[{"family":"Bynum","given":"W. F."}],"issued":{"date-parts":[[1993]]},"ISBN":"0415047722","volume":"1"},
{"id":"b","type":"book","title":"Companion encyclopedia of the history of medicine","author":[{"family":"Bynum","given":"W. F."}],"issued":{"date-parts":[[1993]]},"ISBN":"0415047722","volume":"2"}]"#;
    let rec = |n: u32, v: u32| {
        format!(
            "<record><rec-number>{n}</rec-number><ref-type name=\"Book\">6</ref-type><contributors><authors>\
             <author>Bynum, W. F.</author></authors></contributors><titles><title>Companion encyclopedia of the \
             history of medicine</title></titles><volume>{v}</volume><dates><year>1993</year></dates>\
             <isbn>0415047722</isbn></record>"
        )
    };
    let xml =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records>{}{}</records></xml>", rec(1, 1), rec(2, 2));
    for (name, text) in
        [("q.ris", ris_q), ("vl.ris", ris_vl), ("a.bib", bib), ("a.json", json), ("endnote.xml", xml.as_str())]
    {
        let w = Workdir::new();
        let err = w.import_reading(name, text);
        assert!(err.contains("2 new") && !err.contains("duplicate (same ISBN)"), "{name}: {err}");
        assert_eq!(volumes(&w, &w.db()), vols(&[(Some("1"), None), (Some("2"), None)]), "{name}: {err}");
        let again = w.import_reading(name, text);
        assert!(again.contains("0 new"), "{name}: {again}");
        assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{name}: {again}");
    }
}

/// Chapters keep their book's ISBN: two chapters of one title in two
/// volumes of a set are two chapters; in one volume, one.
#[test]
fn chapters_of_one_title_in_two_volumes_are_two() {
    let w = Workdir::new();
    let csv = "title,authors,year,type,container,isbn,volume\n\
Introduction,\"Bynum, W. F.\",1993,chapter,Companion encyclopedia of the history of medicine,0415047722,1\n\
Introduction,\"Bynum, W. F.\",1993,chapter,Companion encyclopedia of the history of medicine,0415047722,2\n\
Introduction,\"Bynum, W. F.\",1993,chapter,Companion encyclopedia of the history of medicine,0415047722,2\n";
    let err = w.import_reading("ch.csv", csv);
    assert!(err.contains("2 new"), "{err}");
    assert_eq!(volumes(&w, &w.db()), vols(&[(Some("1"), None), (Some("2"), None)]), "{err}");
}

/// `reading add` with --isbn and --volume adds each volume; the same volume
/// again changes nothing; `reading edit` refuses to make volume 2 the set's
/// volume 1, naming it, and takes another number.
#[test]
fn reading_add_and_edit_keep_a_sets_volumes_apart() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let add = |v: &str| {
        w.ok_stderr(&[
            "reading",
            "add",
            "--title",
            "Companion encyclopedia",
            "--year",
            "1993",
            "--type",
            "book",
            "--isbn",
            "0415047722",
            "--volume",
            v,
            "--by",
            "amina",
        ])
    };
    let one = add("1");
    let two = add("2");
    assert!(one.contains("added") && two.contains("added"), "{one}{two}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    assert!(add("2").contains("nothing changed"));
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    let id2 = w.count("SELECT id FROM reading WHERE volume = '2'").to_string();
    let id1 = w.count("SELECT id FROM reading WHERE volume = '1'").to_string();
    let err = w.fails(&["reading", "edit", &id2, "--volume", "1", "--by", "amina"]);
    assert!(err.contains(&format!("ISBN 0415047722 (volume 1) already belongs to reading {id1}")), "{err}");
    assert!(!err.contains("UNIQUE constraint"), "{err}");
    assert_eq!(volumes(&w, &w.db()), vols(&[(Some("1"), None), (Some("2"), None)]));
    let e = w.ok(&["reading", "edit", &id2, "--volume", "3", "--by", "amina"]);
    assert_eq!(volumes(&w, &w.db()), vols(&[(Some("1"), None), (Some("3"), None)]));
    // Its undo gives volume 2 back beside volume 1 (the undo's check of the ISBN).
    w.ok(&["undo", e.trim(), "--by", "amina"]);
    assert_eq!(volumes(&w, &w.db()), vols(&[(Some("1"), None), (Some("2"), None)]));
    let e = w.ok(&["reading", "edit", &id2, "--volume", "3", "--by", "amina"]);
    w.ok(&["reading", "edit", &id1, "--volume", "2", "--by", "amina"]);
    // Undoing "2 → 3" now would give volume 2 to a second entry: refused, naming it.
    let err = w.fails(&["undo", e.trim(), "--by", "amina"]);
    assert!(err.contains("ISBN 0415047722 is already entry") && !err.contains("UNIQUE"), "{err}");
    w.ok(&["reading", "edit", &id1, "--volume", "1", "--by", "amina"]);
    // A whole work without a volume and the set's ISBN is the whole set,
    // which the import keeps apart from its volumes in either order: taken,
    // as a volume takes its set's ISBN (r111: isbn_holder is symmetric; it
    // was refused, "already belongs to", one way only).
    w.ok(&["reading", "add", "--title", "Other", "--year", "1993", "--type", "book", "--by", "amina"]);
    let other = w.count("SELECT id FROM reading WHERE title = 'Other'").to_string();
    w.ok(&["reading", "edit", &other, "--isbn", "9780415047722", "--by", "amina"]); // r111: set and volume both ways
    w.ok(&["reading", "edit", &other, "--isbn", "9780415047722", "--volume", "4", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn IS NOT NULL"), 3);
}

/// A merge brings the other copy's volume of the set in beside ours; the
/// same volume in both copies is one reading.
#[test]
fn merge_brings_the_other_copys_volume_beside_ours() {
    let w = Workdir::new();
    let v1 = "title,year,type,isbn,volume_title\n\
Companion encyclopedia of the history of medicine,1993,book,\"0415047722 (v. 1)\",Medicine in the West\n";
    w.import_reading("v1.csv", v1);
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    let v2 = "title,year,type,isbn,volume_title\n\
Companion encyclopedia of the history of medicine,1993,book,\"0415047722 (v. 2)\",Clinical specialties\n";
    w.write("v2.csv", v2);
    w.ok_at(&theirs, &["import", "reading", "v2.csv", "--by", "kofi"]);
    w.ok(&["merge", theirs.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(
        volumes(&w, &w.db()),
        vols(&[(Some("1"), Some("Medicine in the West")), (Some("2"), Some("Clinical specialties"))])
    );
    // Merged again: nothing new.
    w.ok(&["merge", theirs.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    // Their copy added the same volume 2 on its own (another ID): one reading.
    let third = w.path("third.db");
    w.write("v1b.csv", v1);
    w.ok_at(&third, &["import", "reading", "v1b.csv", "--by", "ama"]);
    w.ok_at(&third, &["import", "reading", "v2.csv", "--by", "ama"]);
    w.ok(&["merge", third.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    assert!(w.ok(&["check"]).contains("ok"));
}

/// A removed volume keeps its set's other volumes neither out of an import
/// nor its undo blocked: volume 1 removed, the file again brings back
/// neither it nor a second volume 2, and the undo of the removal works.
#[test]
fn removing_one_volume_leaves_the_other_and_undo_brings_it_back() {
    let w = Workdir::new();
    w.import_reading("isbnset.csv", SET);
    let id1 = w.count("SELECT id FROM reading WHERE volume = '1'").to_string();
    let rm = w.ok(&["reading", "remove", &id1, "--by", "amina"]);
    let err = w.import_reading("isbnset.csv", SET);
    assert!(err.contains("not added again"), "{err}");
    assert!(err.contains("0 new") && err.contains("1 unchanged"), "{err}");
    assert_eq!(volumes(&w, &w.db()), vols(&[(Some("2"), Some("Clinical specialties"))]));
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(
        volumes(&w, &w.db()),
        vols(&[(Some("1"), Some("Medicine in the West")), (Some("2"), Some("Clinical specialties"))])
    );
    // Volume 2 removed while volume 1 was away: a new volume 2 is not
    // blocked by the removed volume 1's ISBN.
    let w = Workdir::new();
    w.import_reading("v1.csv", &SET.lines().take(2).collect::<Vec<_>>().join("\n"));
    let id1 = w.count("SELECT id FROM reading").to_string();
    w.ok(&["reading", "remove", &id1, "--by", "amina"]);
    let v2: String = [SET.lines().next().unwrap(), SET.lines().nth(2).unwrap()].join("\n");
    let err = w.import_reading("v2.csv", &v2);
    assert!(err.contains("1 new") && !err.contains("not added again"), "{err}");
}

/// canon's own export, its rows' volume numbers swapped, re-imports: each
/// entry keeps the set's ISBN with its new volume (the rows are read as a
/// whole, as a DOI moved between rows is).
#[test]
fn an_export_with_two_volumes_swapped_reimports() {
    let w = Workdir::new();
    w.import_reading("isbnset.csv", SET);
    w.ok(&["export", "reading", "-o", "out.csv"]);
    let text = std::fs::read_to_string(w.path("out.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let vi = headers.iter().position(|h| h == "volume").unwrap();
    let mut rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let (a, b) = (rows[0][vi].to_string(), rows[1][vi].to_string());
    for (row, v) in rows.iter_mut().zip([b, a]) {
        let mut fields: Vec<String> = row.iter().map(String::from).collect();
        fields[vi] = v;
        *row = csv::StringRecord::from(fields);
    }
    let mut out = csv::Writer::from_path(w.path("swap.csv")).unwrap();
    out.write_record(&headers).unwrap();
    for r in &rows {
        out.write_record(r).unwrap();
    }
    out.flush().unwrap();
    let err = w.ok_stderr(&["import", "reading", "swap.csv", "--by", "amina"]);
    assert!(err.contains("2 changed") && err.contains("0 rejected"), "{err}");
    assert_eq!(
        volumes(&w, &w.db()),
        vols(&[(Some("1"), Some("Clinical specialties")), (Some("2"), Some("Medicine in the West"))])
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE isbn = '0415047722'"), 2);
}

/// A database made before schema 0035 (the ISBN unique among whole works)
/// migrates in place, keeps every reading, and then holds a set's volumes.
#[test]
fn a_database_from_before_0035_migrates_and_then_holds_both_volumes() {
    let w = Workdir::new();
    w.import_reading("v1.csv", &SET.lines().take(2).collect::<Vec<_>>().join("\n"));
    let version = w.count("PRAGMA user_version");
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.execute_batch(
            "DROP INDEX reading_isbn; CREATE UNIQUE INDEX reading_isbn ON reading (isbn) \
             WHERE isbn IS NOT NULL AND type NOT IN ('chapter', 'conference-paper'); \
             DROP TABLE reading_other_isbn; ALTER TABLE reading DROP COLUMN year_end_month; ALTER TABLE reading DROP COLUMN year_end; \
             ALTER TABLE reading DROP COLUMN editors_truncated; ALTER TABLE reading DROP COLUMN archive; ALTER TABLE reading DROP COLUMN archive_location; DROP INDEX reading_pmcid; DROP INDEX reading_eprint; ALTER TABLE reading DROP COLUMN pmcid; ALTER TABLE reading DROP COLUMN eprint; ALTER TABLE reading DROP COLUMN event; ALTER TABLE reading DROP COLUMN event_place; ALTER TABLE reading DROP COLUMN event_date;",
        )
        .unwrap();
        // Before 0035, 0036 (the end year of a range across a year end), 0037 (other ISBNs), 0038 (editors et al.) and 0039 (archives)
        // (and 0040, 0041, 0042).
        c.pragma_update(None, "user_version", version - 8).unwrap();
    }
    let before = volumes(&w, &w.db());
    let check = w.ok(&["check"]);
    assert!(check.contains(&format!("(this canon writes {version})")), "{check}");
    assert_eq!(w.count("PRAGMA user_version"), version);
    assert_eq!(volumes(&w, &w.db()), before, "nothing lost");
    let err = w.import_reading("isbnset.csv", SET);
    assert!(err.contains("1 new") && err.contains("1 unchanged"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
}

/// The editors and translators (as written) of the reading whose title starts with `prefix`.
fn people(w: &Workdir, prefix: &str) -> (Vec<String>, Vec<String>) {
    let list = w.json(&["export", "reading", "--format", "json"]);
    let r = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap_or_default().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}: {list:#}"));
    let names = |k: &str| -> Vec<String> {
        r[k].as_array()
            .map(|a| a.iter().map(|n| n["original"].as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    };
    (names("editor_names"), names("translator_names"))
}

/// F6 as the tester found it, with more of its kind: a preface's or
/// foreword's writer, a compiler or an illustrator in an editors or
/// translators cell is said, with file and line, and not stored; never
/// printed as an editor. "(Hrsg.)", "(ed.)", "(dir.)", "(éd.)" are an
/// editor's, and stay.
#[test]
fn a_non_editor_role_in_an_editors_cell_is_said_and_not_stored() {
    let w = Workdir::new();
    let csv = "title,authors,year,type,publisher,place,editors,translators\n\
Les damnés de la terre,\"Fanon, Frantz\",1961,book,Maspero,Paris,\"Sartre, Jean-Paul (préf.)\",\n\
Medizin und Kolonialismus,,2005,book,Campus,Frankfurt,\"Eckart, Wolfgang U. (Hrsg.)\",\n\
La médecine coloniale,,2010,book,Karthala,Paris,\"Dozon, Jean-Pierre (dir.); Clarke, Cheryl (foreword)\",\n\
Sister outsider,\"Lorde, Audre\",2007,book,Crossing Press,Berkeley,\"Smith, Jane (comp.)\",\"Doe, John (Vorwort); Roe, Rita (trad.)\"\n\
Colonial pathologies,,2006,book,Duke,Durham,\"Anderson, Warwick (ed.); Ill, Ann (ill.)\",\n\
Health in Africa,,2001,book,Heinemann,London,\"Mensah, Kofi, writer of preface.; Osei, Ama, editor.\",\n";
    let err = w.import_reading("roles.csv", csv);
    assert!(
        err.contains(
            "roles.csv:2:7: warning: editors: \"Sartre, Jean-Paul (préf.)\" (the preface's writer) not stored: the \
             role written with the name says the person is not an editor"
        ),
        "{err}"
    );
    assert!(
        err.contains("roles.csv:4:7: warning: editors: \"Clarke, Cheryl (foreword)\" (the foreword's writer)"),
        "{err}"
    );
    assert!(
        err.contains("roles.csv:5:7: warning: editors: \"Smith, Jane (comp.)\" (the compiler) not stored"),
        "{err}"
    );
    assert!(
        err.contains("roles.csv:5:8: warning: translators: \"Doe, John (Vorwort)\" (the foreword's writer) not stored")
            && err.contains("is not a translator"),
        "{err}"
    );
    assert!(err.contains("roles.csv:6:7: warning: editors: \"Ill, Ann (ill.)\" (the illustrator)"), "{err}");
    assert!(
        err.contains("roles.csv:7:7: warning: editors: \"Mensah, Kofi\" (relator \"writer of preface\") not stored"),
        "{err}"
    );
    assert!(!err.contains("stored as an editor"), "{err}");
    assert_eq!(people(&w, "Les damnés"), (vec![], vec![]));
    assert_eq!(people(&w, "Medizin"), (vec!["Eckart, Wolfgang U.".to_string()], vec![]));
    assert_eq!(people(&w, "La médecine"), (vec!["Dozon, Jean-Pierre".to_string()], vec![]));
    assert_eq!(people(&w, "Sister"), (vec![], vec!["Roe, Rita".to_string()]));
    assert_eq!(people(&w, "Colonial"), (vec!["Anderson, Warwick".to_string()], vec![]));
    assert_eq!(people(&w, "Health in Africa").0.len(), 1);
    let v = w.references("vancouver");
    let fanon = common::reference(&v, "Les damnés");
    assert!(!fanon.contains("Sartre") && !fanon.contains("editor"), "{fanon}");
    assert!(common::reference(&v, "Medizin").contains("Eckart WU, editor"), "{v:?}");
    let apa = w.references("apa");
    assert!(!common::reference(&apa, "Les damnés").contains("Ed."), "{apa:?}");
    assert!(!common::reference(&apa, "Sister").contains("Doe"), "{apa:?}");
}

/// The same in every format with editor fields: RIS `ED`, BibTeX
/// `editor`/`translator`, CSL-JSON `editor`, EndNote tertiary authors (a
/// Book's editors; its secondary authors are its series editors, r87 F6).
/// And in an authors field, a preface's writer in French is no author.
#[test]
fn every_format_drops_a_non_editor_role_from_its_editors() {
    let ris = "TY  - BOOK\nTI  - Les damnés de la terre\nAU  - Fanon, Frantz\nED  - Sartre, Jean-Paul (préf.)\n\
ED  - Dozon, Jean-Pierre (dir.)\nPY  - 1961\nER  - \n";
    let bib = "@book{f, title={Les damnés de la terre}, author={Fanon, Frantz},\n\
  editor={Sartre, Jean-Paul (préf.) and Dozon, Jean-Pierre (dir.)}, translator={Smith, Jane (comp.)}, year={1961}}\n";
    let json = r#"[{"id":"f","type":"book","title":"Les damnés de la terre","author":[{"family":"Fanon","given":"Frantz"}],"editor":[{"family":"Sartre","given":"Jean-Paul (préf.)"},{"family":"Dozon","given":"Jean-Pierre"}],"issued":{"date-parts":[[1961]]}}]"#;
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records><record><rec-number>5</rec-number>\
<ref-type name=\"Book\">6</ref-type><contributors><authors><author>Fanon, Frantz</author></authors><tertiary-authors>\
<author>Sartre, Jean-Paul (préf.)</author><author>Dozon, Jean-Pierre</author></tertiary-authors></contributors>\
<titles><title>Les damnés de la terre</title></titles><dates><year>1961</year></dates></record></records></xml>";
    for (name, text) in [("a.ris", ris), ("a.bib", bib), ("a.json", json), ("a.xml", xml)] {
        let w = Workdir::new();
        let err = w.import_reading(name, text);
        assert!(
            err.contains("editors: \"Sartre, Jean-Paul (préf.)\" (the preface's writer) not stored"),
            "{name}: {err}"
        );
        assert!(err.contains(&format!("{name}:")), "{name}: {err}");
        let (eds, trs) = people(&w, "Les damnés");
        assert_eq!(eds, vec!["Dozon, Jean-Pierre".to_string()], "{name}: {err}");
        assert!(trs.is_empty(), "{name}: {trs:?}");
        let v = w.references("vancouver");
        assert!(!common::reference(&v, "Les damnés").contains("Sartre"), "{name}: {v:?}");
    }
    // An authors field: "(préf.)" is no author.
    let w = Workdir::new();
    let csv =
        "title,authors,year,type\nLes damnés de la terre,\"Fanon, Frantz; Sartre, Jean-Paul (préf.)\",1961,book\n";
    let err = w.import_reading("a.csv", csv);
    assert!(err.contains("authors: \"Sartre, Jean-Paul (préf.)\" (the preface's writer) not stored"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading_author"), 1, "{err}");
}
