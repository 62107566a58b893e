//! tester91 F5: an institution's name with its own initials in brackets
//! ("World Health Organization (WHO)") is the same author as the name alone
//! and as the initials alone, in every order and by merge; the bracketed
//! form, which holds both, is kept.
mod common;
use common::*;

const BIB: &str = "@techreport{who_hs,\n  author = {{World Health Organization}},\n  title = {Health inequity and the effects of climate change},\n  institution = {World Health Organization},\n  address = {Geneva},\n  year = {2024},\n}\n@techreport{rki,\n  author = {{Robert Koch-Institut}},\n  title = {Gesundheitliche Ungleichheit in Deutschland},\n  institution = {RKI},\n  address = {Berlin},\n  year = {2021},\n}\n";

const CSV: &str = "title,authors,year,type,publisher,place,url\nGesundheitliche Ungleichheit in Deutschland,Robert Koch-Institut (RKI),2021,report,RKI,Berlin,https://www.rki.de/x\nHealth inequity and the effects of climate change,World Health Organization (WHO),2024,report,WHO,Geneva,\n";

fn authors(w: &Workdir) -> Vec<String> {
    let mut v: Vec<String> = w.reading_list().as_array().unwrap().iter().map(|r| r["authors"].to_string()).collect();
    v.sort();
    v
}

const BOTH: [&str; 2] = ["[\"Robert Koch-Institut (RKI)\"]", "[\"World Health Organization (WHO)\"]"];

#[test]
fn bracketed_initials_match_the_name_in_both_orders() {
    let w = Workdir::new();
    w.import_reading("w1.bib", BIB);
    let err = w.import_reading("w3.csv", CSV);
    assert!(!err.contains("possible duplicate"), "{err}");
    assert!(err.contains("readings: 0 new, 2 changed"), "{err}");
    assert_eq!(authors(&w), BOTH);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE url = 'https://www.rki.de/x'"), 1);

    let v = Workdir::new();
    v.import_reading("w3.csv", CSV);
    let err = v.import_reading("w1.bib", BIB);
    assert!(!err.contains("possible duplicate"), "{err}");
    assert!(err.contains("readings: 0 new"), "{err}");
    assert_eq!(authors(&v), BOTH);
    for d in [&w, &v] {
        let refs = d.references("vancouver");
        assert_eq!(refs.len(), 2);
        assert!(
            refs["Health inequity and the effects of climate change"]
                .starts_with("World Health Organization (WHO). Health inequity and the effects of climate change"),
            "{refs:?}"
        );
        let apa = d.references("apa");
        assert!(
            apa["Gesundheitliche Ungleichheit in Deutschland"].starts_with("Robert Koch-Institut (RKI). (2021)."),
            "{apa:?}"
        );
    }
}

#[test]
fn bare_initials_and_bracketed_form_are_one_body() {
    let ris = "TY  - RPRT\nAU  - WHO\nTI  - Health inequity and the effects of climate change\nPY  - 2024\nER  - \n";
    for first_ris in [true, false] {
        let w = Workdir::new();
        if first_ris {
            w.import_reading("w2.ris", ris);
            w.import_reading("w3.csv", CSV);
        } else {
            w.import_reading("w3.csv", CSV);
            w.import_reading("w2.ris", ris);
        }
        assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
        assert_eq!(authors(&w), BOTH, "ris first: {first_ris}");
    }
}

#[test]
fn other_bodies_of_the_kind() {
    for (plain, bracketed, title) in [
        ("Organización Panamericana de la Salud", "Organización Panamericana de la Salud (OPS)", "Salud y equidad"),
        ("Médecins Sans Frontières", "Médecins Sans Frontières (MSF)", "Access to medicines"),
        ("NHS England", "NHS England (NHSE)", "Long term plan"),
    ] {
        for order in [[plain, bracketed], [bracketed, plain]] {
            let w = Workdir::new();
            for (i, a) in order.iter().enumerate() {
                w.import_reading(&format!("r{i}.csv"), &format!("title,authors,year,type\n{title},{a},2020,report\n"));
            }
            assert_eq!(w.count("SELECT count(*) FROM reading"), 1, "{order:?}");
            assert_eq!(authors(&w), [format!("[\"{bracketed}\"]")], "{order:?}");
        }
    }
}

#[test]
fn merges_both_ways_keep_one_record_without_conflict() {
    for bib_is_ours in [true, false] {
        let ours = Workdir::new();
        let theirs = Workdir::new();
        ours.import_reading("x", if bib_is_ours { BIB } else { CSV });
        theirs.import_reading("y", if bib_is_ours { CSV } else { BIB });
        let err = ours.ok_stderr(&["merge", theirs.db().to_str().unwrap(), "--by", "t"]);
        assert!(err.contains("0 conflicts"), "{err}");
        assert_eq!(ours.count("SELECT count(*) FROM reading"), 2);
        assert_eq!(authors(&ours), BOTH, "bib ours: {bib_is_ours}");
    }
}
