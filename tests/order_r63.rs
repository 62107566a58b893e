//! Tester r63, F1, F6 and F12, through the binary: a group's lists of the
//! same works imported in any order give one reading list, and importing
//! them again changes nothing. Two lists that disagree on a volume, issue,
//! pages or edition leave the stored value, said with the edit that takes
//! the file's; two forms of one title, journal or name are settled by one
//! rule, never blended; two dates of one published version give the later.

mod common;

use std::path::Path;

use common::{Workdir, reading, workdir};

/// The tester's ten exports of the same works (tests/data/r63).
const TEN: [&str; 10] = [
    "pubmed.nbib",
    "zotero.json",
    "mendeley.bib",
    "endnote.ris",
    "endnote.xml",
    "zotero.csv",
    "scopus.csv",
    "pubmed.csv",
    "talis.csv",
    "hand.csv",
];

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/r63").join(name).display().to_string()
}

/// The reading list without what differs by database (IDs, the change
/// that last touched each entry) and, unless `all`, without `drop`.
fn comparable(list: &serde_json::Value, drop: &[&str]) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(m) = r.as_object_mut() {
                for k in ["id", "changed"].iter().chain(drop) {
                    m.remove(*k);
                }
            }
            r
        })
        .collect();
    out.sort_by_key(|r| r.to_string());
    out
}

/// The history without the import runs themselves (a run that changes
/// nothing is still logged as a run).
fn changes(w: &Workdir) -> Vec<String> {
    w.ok(&["log", "--format", "csv"]).lines().filter(|l| !l.contains(",import,import_run,")).map(String::from).collect()
}

/// (F1, F6) The ten lists in one order and in the reverse give one list:
/// the same titles, journals, names and dates. Only the edition three
/// lists give three ways (the first stays, said) and the order the notes
/// were added in differ. Importing the ten again changes nothing.
#[test]
fn ten_lists_in_either_order_give_one_list_and_settle() {
    let forward = workdir();
    for f in TEN {
        forward.ok_stderr(&["import", "reading", &data(f)]);
    }
    let backward = workdir();
    let mut said = String::new();
    for f in TEN.iter().rev() {
        said.push_str(&backward.ok_stderr(&["import", "reading", &data(f)]));
    }
    let (a, b) = (forward.reading_list(), backward.reading_list());
    assert_eq!(comparable(&a, &["edition", "annotation"]), comparable(&b, &["edition", "annotation"]), "{a:#}\n{b:#}");
    let hidden = reading(&a, "Hidden");
    assert_eq!(
        hidden["title"],
        "Hidden in plain sight — Reconsidering the use of race correction in clinical algorithms"
    );
    // The edition: the first list's stays, and the others are said with
    // the edit that takes theirs.
    assert!(said.contains("differs from the stored") && said.contains("--edition"), "{said}");
    // Again, in either order: nothing changes.
    for w in [&forward, &backward] {
        let before = changes(w);
        for f in TEN {
            w.ok_stderr(&["import", "reading", &data(f)]);
        }
        assert_eq!(changes(w), before);
    }
}

/// (F6) Two lists with another volume, issue and pages of one DOI: the
/// first stays, the other is said with the `reading edit` that takes it,
/// and re-running both changes nothing; the list that set them, corrected,
/// changes them.
#[test]
fn two_lists_that_disagree_on_volume_issue_and_pages_never_flip() {
    let w = workdir();
    let head = "title,authors,year,type,container,doi,volume,issue,pages\n";
    let p = format!("{head}Alpha,\"Osei, Jane\",2021,article,BMJ,10.1000/a.1,12,3,100-110\n");
    let q = format!("{head}Alpha,\"Osei, Jane\",2021,article,BMJ,10.1000/a.1,13,4,200-210\n");
    w.import_reading("p.csv", &p);
    let err = w.import_reading("q.csv", &q);
    assert!(
        err.contains("the file's volume \"13\", issue \"4\", pages \"200-210\" differ from the stored \"12\", \"3\", \"100-110\", which stay")
            && err.contains("--volume \"13\" --issue \"4\" --pages \"200-210\"`"),
        "{err}"
    );
    let before = changes(&w);
    for _ in 0..2 {
        w.import_reading("p.csv", &p);
        let err = w.import_reading("q.csv", &q);
        assert!(err.contains("nothing changed"), "{err}");
    }
    assert_eq!(changes(&w), before);
    let r = reading(&w.reading_list(), "Alpha").clone();
    assert_eq!((&r["volume"], &r["issue"], &r["pages"]), (&"12".into(), &"3".into(), &"100-110".into()), "{r:#}");
    // The list that set them, corrected: taken.
    w.import_reading("p.csv", &format!("{head}Alpha,\"Osei, Jane\",2021,article,BMJ,10.1000/a.1,14,3,100-110\n"));
    assert_eq!(reading(&w.reading_list(), "Alpha")["volume"], "14");
}

/// (F6) Another list's other volume keeps the stored date with the stored
/// volume: a year goes with its volume, never one beside the other's.
#[test]
fn a_volume_kept_keeps_its_date() {
    let w = workdir();
    let head = "title,authors,year,type,container,doi,volume,pages\n";
    w.import_reading("p.csv", &format!("{head}Beta,\"Osei, Jane\",2020,article,BMJ,10.1000/b.1,12,1-9\n"));
    let err = w.import_reading("q.csv", &format!("{head}Beta,\"Osei, Jane\",2021,article,BMJ,10.1000/b.1,13,1-9\n"));
    assert!(
        err.contains("the stored date 2020 stays with its volume") && err.contains("--volume \"13\" --year 2021"),
        "{err}"
    );
    let r = reading(&w.reading_list(), "Beta").clone();
    assert_eq!((&r["year"], &r["volume"]), (&2020.into(), &"12".into()), "{r:#}");
}

/// Imports `files` in order into a fresh database; returns it.
fn imported(files: &[(&str, &str)]) -> Workdir {
    let w = workdir();
    for (name, text) in files {
        w.import_reading(name, text);
    }
    w
}

/// (F1) The publisher's title in title case with its dash, and EndNote's
/// in sentence case with " - ": in either order the publisher's, never the
/// dash of one with the case of the other.
#[test]
fn a_title_is_one_sources_whichever_list_came_first() {
    let ris = |title: &str| {
        format!(
            "TY  - JOUR\nAU  - Vyas, Darshali A.\nTI  - {title}\nT2  - New England Journal of Medicine\nPY  - 2020\n\
             DO  - 10.1056/NEJMms2004740\nER  - \n"
        )
    };
    let a = ris("Hidden in Plain Sight — Reconsidering the Use of Race Correction in Clinical Algorithms");
    let b = ris("Hidden in plain sight - reconsidering the use of race correction in clinical algorithms");
    let one = imported(&[("a.ris", &a), ("b.ris", &b)]);
    let two = imported(&[("b.ris", &b), ("a.ris", &a)]);
    assert_eq!(comparable(&one.reading_list(), &[]), comparable(&two.reading_list(), &[]));
    assert_eq!(
        reading(&one.reading_list(), "Hidden")["title"],
        "Hidden in Plain Sight — Reconsidering the Use of Race Correction in Clinical Algorithms"
    );
    // Kept, and said.
    let err = one.import_reading("b.ris", &b);
    assert!(err.contains("title: kept") && err.contains("with \" - \" for its dash or colon"), "{err}");
}

/// (F1) A quick list's "&" and lower case for a stored title with its
/// words in full ("and"): the stored, in either order; and a journal's
/// name in MEDLINE's lower case gives way to its own case.
#[test]
fn a_title_with_its_words_in_full_and_a_journal_in_its_own_case_win_either_way() {
    let head = "title,authors,year,type,container,pages\n";
    let base = format!(
        "{head}\"Race, Class, and Gender in São Paulo's Clinics: A Study\",\"Osei, J\",2019,article,BMJ Global Health,10-20\n"
    );
    let quick = format!(
        "{head}\"Race, class & gender in São Paulo’s clinics: a study\",\"Osei, J\",2019,article,BMJ global health,10-20\n"
    );
    let one = imported(&[("base.csv", &base), ("var.csv", &quick)]);
    let two = imported(&[("var.csv", &quick), ("base.csv", &base)]);
    let (a, b) = (one.reading_list(), two.reading_list());
    assert_eq!(comparable(&a, &[]), comparable(&b, &[]), "{a:#}\n{b:#}");
    let r = reading(&a, "Race");
    assert_eq!(r["title"], "Race, Class, and Gender in São Paulo's Clinics: A Study");
    assert_eq!(r["container"], "BMJ Global Health");
}

/// (F12) Zotero's online date and PubMed's issue date, each with the
/// volume, issue and pages: the later, in either order, said; and
/// importing both again changes nothing.
#[test]
fn two_dates_of_one_published_version_give_the_later_in_either_order() {
    let zotero = r#"[{"id":"a","type":"article-journal","title":"Skin tone and pulse oximetry","container-title":"Anaesthesia","DOI":"10.1111/anae.1","volume":"75","issue":"1","page":"10-20","author":[{"family":"Osei","given":"Jane"}],"issued":{"date-parts":[[2019,12,15]]}}]"#;
    let pubmed = "PMID- 31111111\nDP  - 2020 Jan\nTI  - Skin tone and pulse oximetry.\nFAU - Osei, Jane\nVI  - 75\nIP  - 1\n\
                  PG  - 10-20\nJT  - Anaesthesia\nAID - 10.1111/anae.1 [doi]\n";
    let one = imported(&[("z.json", zotero)]);
    let err = one.import_reading("p.nbib", pubmed);
    assert!(
        err.contains("the file's date 2020-01 replaces the stored 2019-12-15")
            && err.contains("--year 2019 --month 12 --day 15`"),
        "{err}"
    );
    let two = imported(&[("p.nbib", pubmed)]);
    let err = two.import_reading("z.json", zotero);
    assert!(err.contains("the stored date 2020-01 stays, the later of two dates of one published version"), "{err}");
    let (a, b) = (one.reading_list(), two.reading_list());
    assert_eq!(comparable(&a, &[]), comparable(&b, &[]), "{a:#}\n{b:#}");
    let r = reading(&a, "Skin");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2020), Some(1), None), "{r:#}");
    for w in [&one, &two] {
        let before = changes(w);
        w.import_reading("z.json", zotero);
        w.import_reading("p.nbib", pubmed);
        assert_eq!(changes(w), before);
    }
}
