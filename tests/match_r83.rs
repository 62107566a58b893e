//! Tester r83: duplicate matching of journal articles across PubMed/MEDLINE
//! (.nbib), RIS, CSV, CSL-JSON and BibTeX. Two DOIs are two records, and the
//! import says why a near-identical title was kept apart; a PMID joins the
//! record of its work in either order; a notice (erratum, correction,
//! retraction, comment, reply) is never matched on its title alone; a
//! preprint and its journal article stay two records said to be versions
//! of one work.

mod common;
use common::*;

/// (title, DOI, PMID) of every reading, sorted.
fn rows(w: &Workdir) -> Vec<(String, Option<String>, Option<String>)> {
    let list = w.reading_list();
    let mut out: Vec<_> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            (
                r["title"].as_str().expect("title").to_string(),
                r["doi"].as_str().map(String::from),
                r["pmid"].as_str().map(String::from),
            )
        })
        .collect();
    out.sort();
    out
}

fn id_of(w: &Workdir, doi: &str) -> String {
    let list = w.reading_list();
    let r = list.as_array().expect("a list").iter().find(|r| r["doi"] == doi).unwrap_or_else(|| panic!("{list:#}"));
    format!("R{}", r["id"].as_i64().expect("id"))
}

fn t(title: &str, doi: Option<&str>, pmid: Option<&str>) -> (String, Option<String>, Option<String>) {
    (title.to_string(), doi.map(String::from), pmid.map(String::from))
}

const SR_NBIB: &str = "PMID- 28402827\nOWN - NLM\nDP  - 2017 Apr 8\nTI  - Structural racism and health inequities in \
the USA: evidence and interventions.\nVI  - 389\nIP  - 10077\nPG  - 1453-1463\nFAU - Bailey, Zinzi D\nAU  - Bailey \
ZD\nFAU - Krieger, Nancy\nAU  - Krieger N\nPT  - Journal Article\nTA  - Lancet\nJT  - Lancet (London, England)\n\
AID - 10.1016/S0140-6736(17)30569-X [doi]\n";

const SR_TITLE: &str = "Structural racism and health inequities in the USA: evidence and interventions";

/// The same title, year and authors under another DOI (the erratum's).
const SR_OTHER_RIS: &str = "TY  - JOUR\nAU  - Bailey, Zinzi D.\nAU  - Krieger, Nancy\nTI  - Structural racism and \
health inequities in the USA: evidence and interventions\nT2  - Lancet\nPY  - 2017\nDO  - \
10.1016/S0140-6736(17)31010-3\nER  - \n";

// 1: two DOIs, the same title, year and authors: two records in either
// order, and the import says why they were kept apart.
#[test]
fn two_dois_are_two_records_in_either_order_and_the_import_says_so() {
    for order in [["a.nbib", "b.ris"], ["b.ris", "a.nbib"]] {
        let w = Workdir::new();
        let mut err = String::new();
        for f in order {
            err = w.import_reading(f, if f.ends_with("nbib") { SR_NBIB } else { SR_OTHER_RIS });
        }
        assert_eq!(
            rows(&w),
            vec![
                t(SR_TITLE, Some("10.1016/S0140-6736(17)30569-X"), Some("28402827")),
                t(SR_TITLE, Some("10.1016/S0140-6736(17)31010-3"), None),
            ],
            "{order:?}"
        );
        let (here, there, stored) = if order[1].ends_with("ris") {
            ("10.1016/S0140-6736(17)31010-3", "10.1016/S0140-6736(17)30569-X", "10.1016/S0140-6736(17)30569-X")
        } else {
            ("10.1016/S0140-6736(17)30569-X", "10.1016/S0140-6736(17)31010-3", "10.1016/S0140-6736(17)31010-3")
        };
        let expected = format!(
            "near-identical title to entry {} \"{SR_TITLE}\" (same first author, year and main title), kept as a \
             separate record because the DOIs differ ({here} here, {there} there)",
            id_of(&w, stored)
        );
        assert!(err.contains(&expected), "{order:?}: {err}");
        assert!(!err.contains("if it is the same work, keep one"), "{err}");
    }
}

// 1, the kind: in one file of each format, two records with one title,
// year and authors and two DOIs are two records; the second is said.
#[test]
fn two_dois_in_one_file_are_two_records_in_every_format() {
    let cases: [(&str, String); 5] = [
        ("two.ris", format!("{SR_OTHER_RIS}\n{}", SR_OTHER_RIS.replace("31010-3", "31011-5"))),
        (
            "two.nbib",
            format!(
                "{SR_NBIB}\n{}",
                SR_NBIB.replace("28402827", "28402828").replace("30569-X", "31011-5").replace("1453-1463", "1464")
            ),
        ),
        (
            "two.bib",
            "@article{a, author = {Bailey, Zinzi D. and Krieger, Nancy}, title = {Structural racism and health \
             inequities in the USA: evidence and interventions}, journal = {Lancet}, year = {2017}, doi = \
             {10.1016/S0140-6736(17)31010-3}}\n@article{b, author = {Bailey, Zinzi D. and Krieger, Nancy}, title \
             = {Structural racism and health inequities in the USA: evidence and interventions}, journal = \
             {Lancet}, year = {2017}, doi = {10.1016/S0140-6736(17)31011-5}}\n"
                .to_string(),
        ),
        (
            "two.json",
            r#"[{"id":"a","type":"article-journal","author":[{"family":"Bailey","given":"Zinzi D."},{"family":"Krieger","given":"Nancy"}],"title":"Structural racism and health inequities in the USA: evidence and interventions","container-title":"Lancet","issued":{"date-parts":[[2017]]},"DOI":"10.1016/S0140-6736(17)31010-3"},{"id":"b","type":"article-journal","author":[{"family":"Bailey","given":"Zinzi D."},{"family":"Krieger","given":"Nancy"}],"title":"Structural racism and health inequities in the USA: evidence and interventions","container-title":"Lancet","issued":{"date-parts":[[2017]]},"DOI":"https://doi.org/10.1016/S0140-6736(17)31011-5"}]"#
                .to_string(),
        ),
        (
            "two.csv",
            "title,authors,year,type,journal,doi\n\
             \"Structural racism and health inequities in the USA: evidence and interventions\",\"Bailey, Zinzi D.; Krieger, Nancy\",2017,article,Lancet,10.1016/S0140-6736(17)31010-3\n\
             \"Structural racism and health inequities in the USA: evidence and interventions\",\"Bailey, Zinzi D.; Krieger, Nancy\",2017,article,Lancet,https://doi.org/10.1016%2FS0140-6736(17)31011-5\n"
                .to_string(),
        ),
    ];
    for (name, text) in cases {
        let w = Workdir::new();
        let err = w.import_reading(name, &text);
        let dois: Vec<Option<String>> = rows(&w).into_iter().map(|r| r.1).collect();
        let second =
            if name.ends_with("nbib") { "10.1016/S0140-6736(17)30569-X" } else { "10.1016/S0140-6736(17)31010-3" };
        assert_eq!(dois, vec![Some(second.to_string()), Some("10.1016/S0140-6736(17)31011-5".to_string())], "{name}");
        assert!(err.contains("kept as a separate record because the DOIs differ"), "{name}: {err}");
    }
}

// 1: one DOI written in two cases, or percent-encoded in a link, is one
// DOI: one record.
#[test]
fn one_doi_in_another_case_or_encoded_is_one_record() {
    let w = Workdir::new();
    w.import_reading("a.nbib", SR_NBIB);
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,journal,doi\n\
         \"Structural racism and health inequities in the USA: evidence and interventions\",\"Bailey, Zinzi D.; Krieger, Nancy\",2017,article,Lancet,https://doi.org/10.1016%2Fs0140-6736%2817%2930569-x\n",
    );
    assert!(!err.contains("DOIs differ"), "{err}");
    assert_eq!(rows(&w), vec![t(SR_TITLE, Some("10.1016/S0140-6736(17)30569-X"), Some("28402827"))]);
}

// 1, the kind: a two-part paper with the same authors, each part its DOI.
#[test]
fn a_two_part_paper_is_two_records() {
    let w = Workdir::new();
    let err = w.import_reading(
        "parts.csv",
        "title,authors,year,type,journal,doi\n\
         \"Racism in medical education. Part 1\",\"Osei, Kwame; Duarte, Ines\",2020,article,Med Educ,10.1111/medu.1001\n\
         \"Racism in medical education. Part 2\",\"Osei, Kwame; Duarte, Ines\",2020,article,Med Educ,10.1111/medu.1002\n\
         \"Racism in medical education: part 1\",\"Osei, Kwame; Duarte, Ines\",2020,article,Med Educ,10.1111/MEDU.1001\n",
    );
    assert_eq!(
        rows(&w),
        vec![
            t("Racism in medical education. Part 1", Some("10.1111/medu.1001"), None),
            t("Racism in medical education. Part 2", Some("10.1111/medu.1002"), None),
        ]
    );
    assert!(
        err.contains(&format!(
            "near-identical title to entry {} \"Racism in medical education. Part 1\" (same first author, year and \
             main title), kept as a separate record because the DOIs differ (10.1111/medu.1002 here, \
             10.1111/medu.1001 there)",
            id_of(&w, "10.1111/medu.1001")
        )),
        "{err}"
    );
}

const VYAS_NBIB: &str = "PMID- 32853472\nOWN - NLM\nDP  - 2020 Aug 27\nTI  - Hidden in Plain Sight - \
Reconsidering the Use of Race Correction in Clinical Algorithms.\nVI  - 383\nIP  - 9\nPG  - 874-882\nFAU - Vyas, \
Darshali A\nAU  - Vyas DA\nFAU - Eisenstein, Leo G\nAU  - Eisenstein LG\nPT  - Journal Article\nTA  - N Engl J \
Med\nJT  - The New England journal of medicine\nAID - 10.1056/NEJMms2004740 [doi]\n";

const VYAS: &str = "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms";

// 2: a PMID record after a stored record of its work without one (the
// same DOI, or no DOI and the same title, year and first author) adds its
// PMID to it; in the other order the record with the PMID keeps it.
#[test]
fn a_pmid_joins_the_record_of_its_work_in_either_order() {
    let lists = [
        (
            "doi.csv",
            "title,authors,year,type,journal,doi\n\"Hidden in Plain Sight - Reconsidering the Use of Race \
             Correction in Clinical Algorithms\",\"Vyas, Darshali A.; Eisenstein, Leo G.\",2020,article,N Engl J \
             Med,10.1056/nejmms2004740\n",
        ),
        (
            "nodoi.csv",
            "title,authors,year,type,journal\n\"Hidden in Plain Sight - Reconsidering the Use of Race Correction \
             in Clinical Algorithms\",\"Vyas, Darshali A.; Eisenstein, Leo G.\",2020,article,N Engl J Med\n",
        ),
        (
            "nodoi.ris",
            "TY  - JOUR\nAU  - Vyas, Darshali A.\nTI  - Hidden in plain sight - reconsidering the use of race \
             correction in clinical algorithms\nT2  - N Engl J Med\nPY  - 2020\nER  - \n",
        ),
    ];
    for (name, list) in lists {
        for pubmed_first in [false, true] {
            let w = Workdir::new();
            let files = if pubmed_first {
                [("p.nbib", VYAS_NBIB), (name, list)]
            } else {
                [(name, list), ("p.nbib", VYAS_NBIB)]
            };
            for (f, text) in files {
                let err = w.import_reading(f, text);
                assert!(!err.contains("possible duplicate"), "{name} {pubmed_first}: {err}");
                assert!(!err.contains("rejected") || err.contains("0 rejected"), "{name}: {err}");
            }
            let all = rows(&w);
            assert_eq!(all.len(), 1, "{name} {pubmed_first}: {all:?}");
            assert_eq!(all[0].2.as_deref(), Some("32853472"), "{name} {pubmed_first}");
            assert_eq!(all[0].1.as_deref().map(str::to_lowercase).as_deref(), Some("10.1056/nejmms2004740"));
        }
    }
}

// 2: a PMID record never joins a record without a PMID that has another
// DOI, in either order; the record without a PMID gets none.
#[test]
fn a_pmid_record_stays_apart_from_a_record_with_another_doi() {
    let list = "title,authors,year,type,journal,doi\n\"Hidden in Plain Sight - Reconsidering the Use of Race \
                Correction in Clinical Algorithms\",\"Vyas, Darshali A.; Eisenstein, Leo G.\",2020,article,N Engl J \
                Med,10.1056/NEJMc2029240\n";
    for pubmed_first in [false, true] {
        let w = Workdir::new();
        let files = if pubmed_first {
            [("p.nbib", VYAS_NBIB), ("l.csv", list)]
        } else {
            [("l.csv", list), ("p.nbib", VYAS_NBIB)]
        };
        let mut err = String::new();
        for (f, text) in files {
            err = w.import_reading(f, text);
        }
        assert_eq!(
            rows(&w),
            vec![t(VYAS, Some("10.1056/NEJMc2029240"), None), t(VYAS, Some("10.1056/NEJMms2004740"), Some("32853472"))],
            "{pubmed_first}"
        );
        assert!(err.contains("kept as a separate record because the DOIs differ"), "{err}");
    }
}

// 3: notices. Errata, corrections, retractions, comments and replies are
// never one record by their titles alone: each journal's "Erratum" is its own.
#[test]
fn notices_are_not_matched_on_their_titles() {
    let w = Workdir::new();
    let list = "title,authors,year,type,journal,volume,pages\n\
        \"Structural racism and health inequities in the USA\",\"Bailey, Zinzi; Krieger, Nancy\",2017,article,Lancet,389,1453-1463\n\
        \"Structural racism and health inequities in the USA: erratum\",\"Bailey, Zinzi; Krieger, Nancy\",2017,article,Lancet,,\n\
        \"Erratum.\",,2021,article,Lancet,397,100\n\
        \"Erratum\",,2021,article,BMJ,372,n5\n\
        \"Erratum, 2021\",,2021,article,JAMA,,\n\
        \"Erratum, 2021\",,2021,article,,,\n\
        \"Correction to: Race correction in eGFR\",,2021,article,Kidney Int,,\n\
        \"Correction to: Race correction in eGFR\",,2021,article,,,\n\
        \"Retraction Note: Hydroxychloroquine in COVID-19\",,2020,article,Lancet,,\n\
        \"Retraction note: hydroxychloroquine in COVID-19.\",,2020,article,,,\n\
        \"Comment on: Race correction in eGFR\",\"Smith, John\",2020,article,,,\n\
        \"Comment on: Race correction in eGFR\",\"Smith, John\",2020,article,JAMA,,\n\
        \"Reply to Smith\",,2020,article,NEJM,,\n\
        \"Reply to Smith\",,2020,article,,,\n";
    let err = w.import_reading("notices.csv", list);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 14, "{err}");
    assert!(err.contains("14 new, 0 changed, 0 unchanged, 0 duplicate, 0 rejected"), "{err}");
    assert!(
        err.contains(
            "notices.csv:7: \"Erratum, 2021\" (2021): possible duplicate of entry R"
        ) && err.contains(
            " \"Erratum, 2021\" (same first author, year and main title); an erratum, correction, retraction, comment \
             or reply is matched only by the same DOI or PMID, so it was kept as a separate record; if it is the \
             same work, keep one"
        ),
        "{err}"
    );
    // The same list again changes nothing and adds nothing.
    let again = w.import_reading("notices.csv", list);
    assert!(again.contains("0 new, 0 changed, 14 unchanged, 0 duplicate, 0 rejected"), "{again}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 14);
}

// 3: a notice is matched by an identical DOI or PMID, and by nothing less.
#[test]
fn a_notice_is_matched_by_its_doi_or_pmid_only() {
    let w = Workdir::new();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,journal,doi\n\"Erratum\",,2021,article,Lancet,10.1016/S0140-6736(21)00001-1\n\
         \"Correction to: Race correction in eGFR\",,2021,article,Kidney Int,\n",
    );
    // The same DOI (another case), and the correction under a DOI: the
    // erratum is one record; the correction, matched by title alone before,
    // is kept apart.
    let err = w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Erratum.\nT2  - Lancet\nPY  - 2021\nVL  - 397\nDO  - 10.1016/s0140-6736(21)00001-1\nER  - \n\n\
         TY  - JOUR\nTI  - Correction to: Race correction in eGFR\nT2  - Kidney Int\nPY  - 2021\nDO  - 10.1016/j.kint.2021.01.001\nER  - \n",
    );
    assert_eq!(
        rows(&w),
        vec![
            t("Correction to: Race correction in eGFR", None, None),
            t("Correction to: Race correction in eGFR", Some("10.1016/j.kint.2021.01.001"), None),
            t("Erratum", Some("10.1016/S0140-6736(21)00001-1"), None),
        ],
        "{err}"
    );
    assert!(err.contains("so it was kept as a separate record"), "{err}");
    // Two PubMed errata under one title with two PMIDs; the first again by its PMID.
    let w = Workdir::new();
    let e = |pmid: &str, pg: &str| {
        format!(
            "PMID- {pmid}\nDP  - 2021 Jan\nTI  - Erratum.\nPG  - {pg}\nPT  - Published Erratum\nTA  - Lancet\nJT  - Lancet\n"
        )
    };
    w.import_reading("e.nbib", &format!("{}\n{}", e("33000001", "100"), e("33000002", "200")));
    let again = w.import_reading("f.nbib", &e("33000001", "100"));
    assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
    assert_eq!(rows(&w), vec![t("Erratum", None, Some("33000001")), t("Erratum", None, Some("33000002"))]);
}

const PREPRINT_RIS: &str = "TY  - JOUR\nAU  - Vyas, Darshali A.\nAU  - Eisenstein, Leo G.\nTI  - Hidden in plain \
sight: reconsidering the use of race correction in clinical algorithms\nT2  - medRxiv\nPY  - 2020\nDO  - \
10.1101/2020.06.15.20131896\nER  - \n";

const PREPRINT: &str = "Hidden in plain sight: reconsidering the use of race correction in clinical algorithms";

// 4: a medRxiv preprint and its journal version: two records, in either
// order, said to be versions of one work.
#[test]
fn a_preprint_and_its_article_are_two_records_said_to_be_versions_of_one_work() {
    for preprint_first in [true, false] {
        let w = Workdir::new();
        let files = if preprint_first {
            [("pre.ris", PREPRINT_RIS), ("pub.nbib", VYAS_NBIB)]
        } else {
            [("pub.nbib", VYAS_NBIB), ("pre.ris", PREPRINT_RIS)]
        };
        let mut err = String::new();
        for (f, text) in files {
            err = w.import_reading(f, text);
        }
        assert_eq!(
            rows(&w),
            vec![
                t(VYAS, Some("10.1056/NEJMms2004740"), Some("32853472")),
                t(PREPRINT, Some("10.1101/2020.06.15.20131896"), None),
            ],
            "{preprint_first}"
        );
        let (other, title) = if preprint_first {
            (id_of(&w, "10.1101/2020.06.15.20131896"), PREPRINT)
        } else {
            (id_of(&w, "10.1056/NEJMms2004740"), VYAS)
        };
        let expected = format!(
            "looks like another version of entry {other} \"{title}\" (same first author, year and main title): a \
             preprint (DOI 10.1101/2020.06.15.20131896) and its published version (DOI 10.1056/NEJMms2004740), \
             versions of one work; kept as two records because the DOIs differ"
        );
        assert!(err.contains(&expected), "{preprint_first}: {err}");
    }
}

// 4, the kind: years apart, each with its own PMID (PubMed indexes
// medRxiv), a BibTeX e-print, a Research Square preprint in CSL-JSON.
#[test]
fn preprints_years_before_their_articles_and_with_their_own_pmids_are_said() {
    let w = Workdir::new();
    w.import_reading(
        "pre.nbib",
        "PMID- 32577676\nDP  - 2018 Jun 16\nTI  - Hidden in plain sight: reconsidering the use of race \
         correction in clinical algorithms.\nFAU - Vyas, Darshali A\nAU  - Vyas DA\nPT  - Preprint\nTA  - medRxiv\n\
         JT  - medRxiv : the preprint server for health sciences\nAID - 10.1101/2020.06.15.20131896 [doi]\n",
    );
    let err = w.import_reading("pub.nbib", VYAS_NBIB);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{err}");
    assert!(err.contains("(same first author and main title): a preprint (DOI 10.1101/2020.06.15.20131896)"), "{err}");

    let w = Workdir::new();
    w.import_reading(
        "a.bib",
        "@article{v, author = {Vyas, Darshali A. and Eisenstein, Leo G.}, title = {Hidden in Plain Sight: \
         Reconsidering the Use of Race Correction in Clinical Algorithms}, journal = {New England Journal of \
         Medicine}, year = {2020}, volume = {383}, pages = {874--882}, doi = {10.1056/NEJMms2004740}}\n",
    );
    let err = w.import_reading(
        "b.json",
        r#"[{"id":"p","type":"article","author":[{"family":"Vyas","given":"Darshali A."}],"title":"Hidden in plain sight: race correction in clinical algorithms","publisher":"Research Square","issued":{"date-parts":[[2019]]},"DOI":"10.21203/rs.3.rs-31415/v1"}]"#,
    );
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{err}");
    assert!(
        err.contains(
            "a preprint (DOI 10.21203/rs.3.rs-31415/v1) and its published version (DOI 10.1056/NEJMms2004740)"
        ),
        "{err}"
    );
}

// 1 and 3 in a merge of two copies: a reading of theirs with the title and
// year of ours is another work when the two have other PMIDs, or when it
// is a notice that differs from ours in anything but its title; both ways.
#[test]
fn a_merge_keeps_other_pmids_and_notices_apart_both_ways() {
    let w = Workdir::new();
    let a = w.path("amina.db");
    w.ok_at(&a, &["init", "-q"]);
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).expect("copy");
    let ours = w.write(
        "ours.nbib",
        "PMID- 33000001\nDP  - 2021 Jan\nTI  - Erratum.\nPT  - Published Erratum\nTA  - Lancet\nJT  - Lancet\n",
    );
    let theirs = w.write(
        "theirs.nbib",
        "PMID- 33000002\nDP  - 2021 Jan\nTI  - Erratum.\nPT  - Published Erratum\nTA  - Lancet\nJT  - Lancet\n",
    );
    let ours_csv = w.write(
        "ours.csv",
        "title,year,type,journal\n\"Correction to: Race correction in eGFR\",2021,article,Kidney Int\n\
         \"Reply to Smith\",2020,article,NEJM\n",
    );
    let theirs_csv = w.write(
        "theirs.csv",
        "title,year,type,journal\n\"Correction to: Race correction in eGFR\",2021,article,\n\
         \"Reply to Smith\",2020,article,NEJM\n",
    );
    for (db, files) in [(&a, [&ours, &ours_csv]), (&k, [&theirs, &theirs_csv])] {
        for f in files {
            w.ok_at(db, &["-q", "import", "reading", f.to_str().unwrap(), "--by", "amina"]);
        }
    }
    for (db, other, by) in [(&a, &k, "amina"), (&k, &a, "kofi")] {
        let x = w.path(&format!("{by}-x.db"));
        std::fs::copy(db, &x).expect("copy");
        let out = w.run_at(&x, &["merge", other.to_str().unwrap(), "--by", by]);
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{said}");
        let list = json_at(&w, &x, &["reading", "list", "--format", "json"]);
        let mut got: Vec<(String, Option<String>, Option<String>)> = list
            .as_array()
            .expect("a list")
            .iter()
            .map(|r| {
                (
                    r["title"].as_str().unwrap().to_string(),
                    r["container"].as_str().map(String::from),
                    r["pmid"].as_str().map(String::from),
                )
            })
            .collect();
        got.sort();
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            got,
            vec![
                ("Correction to: Race correction in eGFR".to_string(), None, None),
                ("Correction to: Race correction in eGFR".to_string(), s("Kidney Int"), None),
                ("Erratum".to_string(), s("Lancet"), s("33000001")),
                ("Erratum".to_string(), s("Lancet"), s("33000002")),
                ("Reply to Smith".to_string(), s("NEJM"), None),
            ],
            "{by}: {said}"
        );
        assert!(said.contains("other PMIDs"), "{said}");
        assert!(said.contains("is matched only by its DOI or PMID"), "{said}");
    }
}

// 3: a list's erratum row without DOI or PMID, beside two stored errata of
// the journal: neither of them; a record of its own, its note kept on it.
#[test]
fn an_erratum_row_without_ids_is_no_stored_erratum() {
    let w = Workdir::new();
    for (f, issue, page) in [("one.json", "3", "430"), ("two.json", "5", "712")] {
        w.import_reading(
            f,
            &format!(
                r#"[{{"id":"a","type":"article-journal","title":"Erratum","issued":{{"date-parts":[[2021]]}},"container-title":"Anaesthesia","volume":"76","issue":"{issue}","page":"{page}"}}]"#
            ),
        );
    }
    let said = w.import_reading("three.csv", "title,year,container,notes\nErratum,2021,Anaesthesia,a note\n");
    assert!(said.contains("readings: 1 new, 0 changed, 0 unchanged, 0 duplicate, 0 rejected"), "{said}");
    assert!(!said.contains("alike"), "{said}");
    assert!(said.contains("is matched only by the same DOI or PMID, so it was kept as a separate record"), "{said}");
    let list = w.reading_list();
    let notes: Vec<Option<&str>> = list.as_array().unwrap().iter().map(|r| r["annotation"].as_str()).collect();
    assert_eq!(notes.iter().filter(|n| **n == Some("a note")).count(), 1, "{list:#}");
    assert_eq!(notes.len(), 3);
}

// The kind, in the removals an import respects: a removed work keeps out
// only itself, never another work under its title and year (another
// author's "Introduction", another journal's "Erratum"), even when two
// works of one title were removed.
#[test]
fn a_removed_title_keeps_out_only_its_own_work() {
    let w = Workdir::new();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,journal\nIntroduction,\"Smith, John\",2020,article,BMJ\n\
         Introduction,\"Jones, Mary\",2020,article,JAMA\nErratum,,2021,article,Lancet\n",
    );
    let list = w.reading_list();
    for r in list.as_array().unwrap() {
        let id = format!("R{}", r["id"].as_i64().unwrap());
        w.ok(&["reading", "remove", &id, "--by", "amina"]);
    }
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,journal\nIntroduction,\"Jones, Mary\",2020,article,JAMA\n\
         Introduction,\"Smith, John\",2020,article,BMJ\nIntroduction,\"Kim, Jae\",2020,article,Lancet\n\
         Erratum,,2021,article,BMJ\nErratum,,2021,article,Lancet\n",
    );
    assert!(err.contains("readings: 2 new, 0 changed"), "{err}");
    assert_eq!(err.matches("so not added again").count(), 3, "{err}");
    for line in [2, 3, 6] {
        assert!(err.contains(&format!("b.csv:{line}: ")), "line {line}: {err}");
    }
    let list = w.reading_list();
    let mut got: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap().to_string(), r["container"].as_str().unwrap().to_string()))
        .collect();
    got.sort();
    assert_eq!(got, vec![("Erratum".into(), "BMJ".into()), ("Introduction".into(), "Lancet".into())]);
}

// 3, the kind: PubMed's erratum may repeat the paper's title; its
// publication type says it is a notice. A list's row of the paper (no DOI,
// no PMID) is the paper, never the erratum, in either order.
#[test]
fn an_erratum_under_the_papers_own_title_is_told_by_its_publication_type() {
    let erratum = "PMID- 28500001\nDP  - 2017\nTI  - Structural racism and health inequities in the USA: evidence \
                   and interventions.\nPG  - 1500\nVI  - 389\nFAU - Bailey, Zinzi D\nAU  - Bailey ZD\nPT  - \
                   Published Erratum\nTA  - Lancet\nJT  - Lancet\n";
    let row = "title,authors,year,type,journal\n\"Structural racism and health inequities in the USA: evidence and \
               interventions\",\"Bailey, Zinzi D.\",2017,article,Lancet\n";
    for erratum_first in [true, false] {
        let w = Workdir::new();
        let files =
            if erratum_first { [("e.nbib", erratum), ("l.csv", row)] } else { [("l.csv", row), ("e.nbib", erratum)] };
        let mut err = String::new();
        for (f, text) in files {
            err = w.import_reading(f, text);
        }
        assert_eq!(
            rows(&w),
            vec![t(SR_TITLE, None, None), t(SR_TITLE, None, Some("28500001"))],
            "{erratum_first}: {err}"
        );
        assert!(err.contains("is matched only by the same DOI or PMID, so it was kept as a separate record"), "{err}");
        let list = w.reading_list();
        let genres: Vec<Option<&str>> = list.as_array().unwrap().iter().map(|r| r["genre"].as_str()).collect();
        assert!(genres.contains(&Some("Published Erratum")), "{list:#}");
    }
}
