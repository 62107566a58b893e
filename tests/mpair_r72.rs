//! Tester r72: `canon merge` pairs a reading the other copy added with one
//! of ours only when it is the same work, by the rule an import uses (one
//! title and year by other authors, in another container, another volume,
//! or the set beside one of its volumes, is another work: added, and said);
//! and a conflict settled for ours earlier is said as such on the next
//! merge, never as one to settle.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, json_at};

const MV_BIB: &str = r"@mvbook{cambridgehist,
  editor = {Bynum, W. F. and Porter, Roy},
  title = {Companion Encyclopedia of the History of Medicine},
  publisher = {Routledge},
  location = {London},
  date = {1993},
  volumes = {2}
}
@book{cambridgehist:v1,
  crossref = {cambridgehist},
  volume = {1},
  maintitle = {Companion Encyclopedia of the History of Medicine},
  title = {Part I: Medicine in Western Civilization},
  isbn = {9780415047715}
}
@incollection{arnold1993,
  author = {Arnold, David},
  title = {Medicine and colonialism},
  crossref = {cambridgehist:v2},
  pages = {1393--1416}
}
@book{cambridgehist:v2,
  crossref = {cambridgehist},
  volume = {2},
  title = {Part II: Medicine and Society},
  isbn = {9780415047722}
}
";

/// Volume 3 as Zotero or a library catalogue writes it: no volume title.
const V3_RIS: &str = "TY  - BOOK
TI  - Companion encyclopedia of the history of medicine
ED  - Bynum, W. F.
ED  - Porter, Roy
CY  - London
PB  - Routledge
PY  - 1993
VL  - 3
ER  - 
";

const V3_JSON: &str = r#"[{"id":"v3","type":"book","title":"Companion Encyclopedia of the History of Medicine","volume-title":"Index","volume":"3","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[1993]]}}]"#;

fn vol_ris(volumes: &[&str], given: &str) -> String {
    volumes
        .iter()
        .map(|v| {
            format!(
                "TY  - BOOK\nTI  - The Cambridge history of medicine in Africa\nAU  - Iliffe, {given}\nPB  - Cambridge \
                 University Press\nCY  - Cambridge\nPY  - 2020\nVL  - {v}\nER  - \n"
            )
        })
        .collect()
}

/// Imports `text` (written to `name`) into `db` as `by`.
fn import(w: &Workdir, db: &Path, name: &str, text: &str, by: &str) {
    let p = w.write(name, text);
    w.ok_at(db, &["-q", "import", "reading", p.to_str().unwrap(), "--by", by]);
}

/// Merges `theirs` into `ours` as amina; returns (stdout, stderr).
fn merge(w: &Workdir, ours: &Path, theirs: &Path, extra: &[&str]) -> (String, String) {
    let mut args = vec!["merge", theirs.to_str().unwrap(), "--by", "amina"];
    args.extend_from_slice(extra);
    let out = w.run_at(ours, &args);
    let (o, e) = (String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string());
    assert!(out.status.success(), "merge failed:\n{o}\n{e}");
    (o, e)
}

/// A copy of `db` at `name`.
fn copy(w: &Workdir, db: &Path, name: &str) -> PathBuf {
    let to = w.path(name);
    std::fs::copy(db, &to).expect("copy");
    to
}

/// Each reading titled like `title` (case aside): (volume, volume title, container, first author).
fn works(w: &Workdir, title: &str) -> Vec<(String, String, String, String)> {
    let c = rusqlite::Connection::open(w.db()).expect("open");
    let mut st = c
        .prepare(
            "SELECT coalesce(volume, ''), coalesce(volume_title, ''), coalesce(container, ''),
                    coalesce((SELECT name FROM reading_author a WHERE a.reading_id = reading.id AND position = 1), '')
               FROM reading WHERE lower(title) = lower(?1) ORDER BY coalesce(volume, ''), id",
        )
        .expect("prepare");
    st.query_map([title], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

fn volumes(w: &Workdir, title: &str) -> Vec<String> {
    works(w, title).into_iter().map(|(v, ..)| v).collect()
}

const SET: &str = "Companion Encyclopedia of the History of Medicine";
const AFRICA: &str = "The Cambridge history of medicine in Africa";

#[test]
fn f16_another_authors_introduction_they_added_is_added_and_ours_keeps_its_container() {
    let w = Workdir::new();
    let a = w.db();
    import(
        &w,
        &a,
        "intro1.csv",
        "title,authors,year,type,container\nIntroduction,\"Farmer, Paul\",2013,chapter,\n",
        "amina",
    );
    let k = copy(&w, &a, "k16.db");
    import(
        &w,
        &k,
        "intro2.csv",
        "title,authors,year,type,container\nIntroduction,\"Crenshaw, Kimberlé\",2013,chapter,Critical Race Theory Reader\n",
        "kofi",
    );
    let (out, err) = merge(&w, &a, &k, &[]);
    assert!(!out.contains("conflict") && err.contains(" 0 conflicts"), "{out}\n{err}");
    assert!(out.contains("another work than our reading") && out.contains("other authors"), "said:\n{out}");
    let mut got = works(&w, "Introduction");
    got.sort();
    assert_eq!(
        got,
        vec![
            ("".into(), "".into(), "".into(), "Farmer, Paul".into()),
            ("".into(), "".into(), "Critical Race Theory Reader".into(), "Crenshaw, Kimberlé".into()),
        ],
        "Farmer's chapter keeps no container; Crenshaw's is added"
    );
}

#[test]
fn one_authors_introductions_in_two_books_are_two_works_after_a_merge() {
    let w = Workdir::new();
    let a = w.db();
    import(
        &w,
        &a,
        "i1.csv",
        "title,authors,year,type,container\nIntroduction,\"Farmer, Paul\",2013,chapter,Reimagining Global Health\n",
        "amina",
    );
    let k = copy(&w, &a, "k.db");
    import(
        &w,
        &k,
        "i2.csv",
        "title,authors,year,type,container\nIntroduction,\"Farmer, Paul\",2013,chapter,Partner to the Poor\n",
        "kofi",
    );
    let (out, _) = merge(&w, &a, &k, &[]);
    assert!(out.contains("published apart"), "{out}");
    let containers: Vec<String> = works(&w, "Introduction").into_iter().map(|(_, _, c, _)| c).collect();
    assert_eq!(containers.len(), 2, "{containers:?}");
    assert!(
        containers.contains(&"Reimagining Global Health".into()) && containers.contains(&"Partner to the Poor".into())
    );
}

#[test]
fn the_same_work_imported_in_each_copy_is_still_one_record() {
    let w = Workdir::new();
    let a = w.db();
    let row =
        "title,authors,year,type,container\nIntroduction,\"Farmer, Paul\",2013,chapter,Reimagining Global Health\n";
    import(&w, &a, "i1.csv", row, "amina");
    let k = w.path("k.db");
    import(&w, &k, "i1.csv", row, "kofi");
    merge(&w, &a, &k, &[]);
    assert_eq!(works(&w, "Introduction").len(), 1);
}

#[test]
fn f2_their_new_volume_is_added_beside_our_set_record() {
    for (name, text, volume_title) in [("v3.ris", V3_RIS, ""), ("v3.json", V3_JSON, "Index")] {
        let w = Workdir::new();
        let a = w.db();
        import(&w, &a, "mv.bib", MV_BIB, "amina");
        let k = copy(&w, &a, "k5.db");
        import(&w, &k, name, text, "kofi");
        let (out, err) = merge(&w, &a, &k, &[]);
        assert!(!out.contains("update"), "{name}: nothing of ours changes:\n{out}\n{err}");
        assert!(out.contains("ours is the whole set, theirs volume 3"), "{name}: said:\n{out}");
        assert_eq!(volumes(&w, SET), ["", "1", "2", "3"], "{name}: the set record and three volumes");
        let v3 = works(&w, SET).into_iter().find(|(v, ..)| v == "3").expect("volume 3");
        assert_eq!(v3.1, volume_title, "{name}");
        // The set record keeps no volume and no volume title.
        assert_eq!(works(&w, SET)[0].0, "");
        assert_eq!(works(&w, SET)[0].1, "");
    }
}

#[test]
fn f2_volume_3_imported_in_both_copies_is_one_record_and_the_set_stays() {
    let w = Workdir::new();
    let a = w.db();
    import(&w, &a, "mv.bib", MV_BIB, "amina");
    let k = copy(&w, &a, "k.db");
    import(&w, &a, "v3.json", V3_JSON, "amina");
    import(&w, &k, "v3.ris", V3_RIS, "kofi");
    let (_, err) = merge(&w, &a, &k, &[]);
    assert!(err.contains(" 0 conflicts"), "{err}");
    assert_eq!(volumes(&w, SET), ["", "1", "2", "3"]);
}

#[test]
fn f3_their_volume_2_is_added_beside_our_volume_1() {
    let w = Workdir::new();
    let a = w.db();
    import(&w, &a, "vol1only.ris", &vol_ris(&["1"], "John"), "amina");
    let k = copy(&w, &a, "k7.db");
    import(&w, &k, "vol2only.ris", &vol_ris(&["2"], "John"), "kofi");
    let (out, err) = merge(&w, &a, &k, &[]);
    assert!(!out.contains("conflict") && !out.contains("both sides changed volume"), "{out}\n{err}");
    assert!(out.contains("ours is volume 1, theirs volume 2"), "{out}");
    assert_eq!(volumes(&w, AFRICA), ["1", "2"]);
    assert!(!err.contains("already held"), "their addition is copied with the record:\n{err}");
}

#[test]
fn f3_two_volumes_in_each_copy_pair_volume_by_volume_in_any_order() {
    let w = Workdir::new();
    let a = w.db();
    import(&w, &a, "vol1only.ris", &vol_ris(&["1"], "John"), "amina");
    import(&w, &a, "vol2only.ris", &vol_ris(&["2"], "John"), "amina");
    let k = w.path("k8.db");
    import(&w, &k, "vol21.ris", &vol_ris(&["2", "1"], "J."), "kofi");
    let (out, err) = merge(&w, &a, &k, &[]);
    assert!(!out.contains("conflict"), "{out}\n{err}");
    assert!(!out.lines().any(|l| l.starts_with("| add") && l.contains("| reading ")), "no reading added:\n{out}");
    assert_eq!(volumes(&w, AFRICA), ["1", "2"]);
    // Three volumes on their side, two here: the third is added, the two pair.
    let k3 = w.path("k9.db");
    import(&w, &k3, "vol321.ris", &vol_ris(&["3", "2", "1"], "J."), "kofi");
    merge(&w, &a, &k3, &[]);
    assert_eq!(volumes(&w, AFRICA), ["1", "2", "3"]);
}

#[test]
fn f12_a_conflict_settled_for_ours_is_said_as_settled_on_the_next_merge() {
    let w = Workdir::new();
    let a = w.db();
    let csv = "title,authors,year,type,publisher,place\n\"Pathologies of Power\",\"Farmer, Paul\",2005,book,University of California Press,Berkeley\n";
    import(&w, &a, "one.csv", csv, "amina");
    let k = copy(&w, &a, "k10.db");
    let list = json_at(&w, &a, &["reading", "list", "--format", "json"]);
    let id = common::reading(&list, "Pathologies")["id"].as_i64().expect("id").to_string();
    w.ok_at(&a, &["-q", "reading", "edit", &id, "--place", "Berkeley, CA", "--by", "amina"]);
    w.ok_at(&k, &["-q", "reading", "edit", &id, "--place", "Oakland", "--by", "kofi"]);
    let (out, err) = merge(&w, &a, &k, &[]);
    assert!(out.contains("conflict #1") && err.contains("see `canon resolve`"), "{out}\n{err}");
    let resolved = w.run_at(&a, &["resolve", "1", "--take", "ours", "--by", "amina"]);
    assert!(resolved.status.success());
    let change = String::from_utf8_lossy(&resolved.stderr).to_string();
    for dry in [true, false] {
        let (out, err) = merge(&w, &a, &k, if dry { &["--dry-run"] } else { &[] });
        assert!(!err.contains("see `canon resolve`"), "nothing to settle:\n{out}\n{err}");
        assert!(err.contains(" 0 conflicts (1 settled earlier for ours"), "{err}");
        let row = out.lines().find(|l| l.contains("settled-earlier")).unwrap_or_else(|| panic!("no row:\n{out}"));
        assert!(row.contains("conflict #1") && row.contains("by amina") && row.contains("change #"), "{row}\n{change}");
        assert!(!row.contains("both sides changed"), "{row}");
    }
    let open = json_at(&w, &a, &["resolve", "--format", "json"]);
    assert_eq!(open.as_array().map(Vec::len), Some(0));
    assert_eq!(w.count("SELECT count(*) FROM conflict"), 1, "no second conflict is opened");
}

#[test]
fn their_record_of_our_pmid_under_a_longer_title_is_ours() {
    let w = Workdir::new();
    let a = w.db();
    import(
        &w,
        &a,
        "p1.csv",
        "title,authors,year,type,container,pmid\nStructural racism and health,\"Bailey, Zinzi D.\",2017,article,Lancet,28492173\n",
        "amina",
    );
    let k = w.path("k.db");
    import(
        &w,
        &k,
        "p2.csv",
        "title,authors,year,type,container,pmid\n\"Structural racism and health inequities in the USA: evidence and interventions\",\"Bailey, Zinzi D.\",2017,article,Lancet,28492173\n",
        "kofi",
    );
    let (out, _) = merge(&w, &a, &k, &[]);
    assert!(!out.lines().any(|l| l.starts_with("| add") && l.contains("| reading ")), "one work, by its PMID:\n{out}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE pmid = '28492173'"), 1);
}
