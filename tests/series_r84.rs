//! r84: a CSL-JSON `collection-number` of a paper, chapter or other work in
//! a book in a series is the volume in the series, stored as BibTeX's
//! `volume` beside `series` and RIS `VL` beside `T3` store it (tester r84
//! F6: an LNCS paper's number was stored as the issue and every style
//! printed the paper as a journal article); a conference paper whose issue
//! is its number in a book's series is printed as a paper in a book.
//! r85 (tester F5, F7): that number is stored as the book's own record
//! stores it, the issue, from every format (the volume of r84 met BibTeX's
//! issue of the same paper and both were printed).
mod common;
use common::*;

use serde_json::Value;

const BIB: &str = "@inproceedings{ober, author={Obermeyer, Ziad}, title={Fairness in triage models}, \
booktitle={Medical Image Computing and Computer Assisted Intervention -- MICCAI 2020}, \
series={Lecture Notes in Computer Science}, volume={12261}, pages={100--110}, year={2020}, publisher={Springer}, \
address={Cham}, doi={10.1007/978-3-030-59710-8_10}}\n";

const RIS: &str = "TY  - CPAPER\nAU  - Obermeyer, Ziad\nTI  - Fairness in triage models\n\
T2  - Medical Image Computing and Computer Assisted Intervention – MICCAI 2020\n\
T3  - Lecture Notes in Computer Science\nVL  - 12261\nSP  - 100\nEP  - 110\nPY  - 2020\nPB  - Springer\nCY  - Cham\n\
DO  - 10.1007/978-3-030-59710-8_10\nER  - \n";

const JSON: &str = r#"[{"id":"ober","type":"paper-conference","title":"Fairness in triage models","author":[{"family":"Obermeyer","given":"Ziad"}],"container-title":"Medical Image Computing and Computer Assisted Intervention – MICCAI 2020","collection-title":"Lecture Notes in Computer Science","collection-number":12261,"page":"100-110","issued":{"date-parts":[[2020]]},"publisher":"Springer","publisher-place":"Cham","DOI":"10.1007/978-3-030-59710-8_10"}]"#;

/// Every style canon bundles that prints a bibliography: its five named
/// ones and hayagriva's archive (a citation-only style, "alphanumeric", is
/// refused by name).
fn every_style() -> Vec<String> {
    let mut all: Vec<String> = ["vancouver", "apa", "harvard", "chicago", "ama"].map(String::from).to_vec();
    all.extend(
        hayagriva::archive::ArchivedStyle::all()
            .iter()
            .filter(|s| match s.get() {
                hayagriva::citationberg::Style::Independent(i) => i.bibliography.is_some(),
                hayagriva::citationberg::Style::Dependent(_) => true,
            })
            .map(|s| s.names()[0].to_string()),
    );
    all
}

/// The stored fields of the one reading in `w` (its id aside).
fn stored(w: &Workdir) -> Value {
    let list = w.reading_list();
    let all = list.as_array().expect("an array");
    assert_eq!(all.len(), 1, "{list:#}");
    let mut r = all[0].clone();
    r.as_object_mut().expect("an object").remove("id");
    r
}

fn numbers(r: &Value) -> [Value; 3] {
    [r["volume"].clone(), r["issue"].clone(), r["series_number"].clone()]
}

fn s(v: &str) -> Value {
    Value::from(v)
}

#[test]
fn a_csl_json_lncs_paper_is_stored_as_from_bibtex_and_ris() {
    let w = Workdir::new();
    let err = w.import_reading("ser.json", JSON);
    assert!(!err.contains("not stored"), "{err}");
    let r = stored(&w);
    // r85: the proceedings' number in the series, stored as the
    // proceedings' own record stores it, the issue (tester r85 F5, F7).
    assert_eq!(numbers(&r), [Value::Null, s("12261"), Value::Null]);
    assert_eq!(r["series"], "Lecture Notes in Computer Science");
    assert_eq!(r["container"], "Medical Image Computing and Computer Assisted Intervention – MICCAI 2020");
    assert_eq!(r["type"], "conference-paper");

    // Each format alone stores the same fields, and every bundled style
    // prints the same reference of them.
    let bib = Workdir::new();
    bib.import_reading("ser.bib", BIB);
    let ris = Workdir::new();
    ris.import_reading("ser.ris", RIS);
    assert_eq!(stored(&bib), r);
    assert_eq!(stored(&ris), r);
    for style in every_style() {
        let j = w.references(&style);
        assert_eq!(bib.references(&style), j, "{style}");
        assert_eq!(ris.references(&style), j, "{style}");
    }

    // The three in one database, in every order: one record, its fields
    // those of each alone (no volume and issue 12261 both).
    for order in [["bib", "ris", "json"], ["json", "bib", "ris"], ["ris", "json", "bib"]] {
        let m = Workdir::new();
        for f in order {
            let text = match f {
                "bib" => BIB,
                "ris" => RIS,
                _ => JSON,
            };
            m.import_reading(&format!("ser.{f}"), text);
        }
        assert_eq!(stored(&m), r, "{order:?}");
    }
}

#[test]
fn a_csl_json_lncs_paper_is_printed_as_a_conference_paper() {
    let w = Workdir::new();
    w.import_reading("ser.json", JSON);
    let doi = "10.1007/978-3-030-59710-8_10";
    let expected = [
        (
            "vancouver",
            format!(
                "Obermeyer Z. Fairness in triage models. In: Medical Image Computing and Computer Assisted Intervention \
                 – MICCAI 2020. Cham: Springer; 2020. p. 100-10. (Lecture Notes in Computer Science; no. 12261). doi:{doi}"
            ),
        ),
        (
            "apa",
            format!(
                "Obermeyer, Z. (2020). Fairness in triage models. In Medical Image Computing and Computer Assisted \
                 Intervention – MICCAI 2020 (pp. 100–110). Springer. https://doi.org/{doi}"
            ),
        ),
        (
            "harvard",
            format!(
                "Obermeyer, Z. (2020) ‘Fairness in triage models’, in Medical Image Computing and Computer Assisted \
                 Intervention – MICCAI 2020. Cham: Springer (Lecture Notes in Computer Science, 12261), \
                 pp. 100–110. Available at: https://doi.org/{doi}."
            ),
        ),
        (
            "chicago",
            format!(
                "Obermeyer, Ziad. 2020. “Fairness in Triage Models.” In Medical Image Computing and Computer Assisted \
                 Intervention – MICCAI 2020, 100–110. Lecture Notes in Computer Science 12261. Springer. \
                 https://doi.org/{doi}."
            ),
        ),
        (
            "ama",
            format!(
                "Obermeyer Z. Fairness in triage models. In: Medical Image Computing and Computer Assisted Intervention \
                 – MICCAI 2020. Lecture Notes in Computer Science; vol 12261. Springer; 2020:100-110. doi:{doi}"
            ),
        ),
    ];
    for (style, text) in expected {
        assert_eq!(reference(&w.references(style), "Fairness"), text, "{style}");
    }
}

/// A conference paper whose issue is its number in a book's series (BibTeX
/// `number` beside `series`, with a publisher) is a paper in a book, not a
/// journal's issue ("2020;(12261):100-10").
#[test]
fn a_paper_numbered_in_a_book_series_is_not_printed_as_a_journal_article() {
    let w = Workdir::new();
    w.import_reading(
        "n.bib",
        "@inproceedings{a, author={Obermeyer, Ziad}, title={Fairness in triage models}, \
         booktitle={Proceedings of MICCAI 2020}, series={Lecture Notes in Computer Science}, number={12261}, \
         pages={100--110}, year={2020}, publisher={Springer}, address={Cham}}\n",
    );
    assert_eq!(numbers(&stored(&w)), [Value::Null, s("12261"), Value::Null]);
    let expected = [
        (
            "vancouver",
            "Obermeyer Z. Fairness in triage models. In: Proceedings of MICCAI 2020. Cham: Springer; 2020. \
             p. 100-10. (Lecture Notes in Computer Science; no. 12261).",
        ),
        (
            "apa",
            "Obermeyer, Z. (2020). Fairness in triage models. In Proceedings of MICCAI 2020 (pp. 100–110). Springer.",
        ),
        (
            "harvard",
            "Obermeyer, Z. (2020) ‘Fairness in triage models’, in Proceedings of MICCAI 2020. Cham: Springer \
             (Lecture Notes in Computer Science, 12261), pp. 100–110.",
        ),
        (
            "chicago",
            "Obermeyer, Ziad. 2020. “Fairness in Triage Models.” In Proceedings of MICCAI 2020, 100–110. \
             Lecture Notes in Computer Science 12261. Springer.",
        ),
        (
            "ama",
            "Obermeyer Z. Fairness in triage models. In: Proceedings of MICCAI 2020. Lecture Notes in Computer \
             Science; vol 12261. Springer; 2020:100-110.",
        ),
    ];
    for (style, text) in expected {
        assert_eq!(reference(&w.references(style), "Fairness"), text, "{style}");
    }
}

/// A report's own number (`number`) and its number in its series
/// (`collection-number`) are two numbers, each kept and printed; either
/// alone is kept where it belongs.
#[test]
fn a_reports_number_and_its_collection_number_are_both_kept() {
    let w = Workdir::new();
    let err = w.import_reading(
        "rep.json",
        r#"[
{"id":"a","type":"report","title":"Tackling structural racism","author":[{"literal":"World Health Organization"}],"number":"WHO/HIS/2024.1","collection-title":"WHO Technical Report Series","collection-number":"1045","issued":{"date-parts":[[2024]]},"publisher":"World Health Organization","publisher-place":"Geneva"},
{"id":"b","type":"report","title":"Malaria in the Sahel","author":[{"literal":"World Health Organization"}],"collection-title":"WHO Technical Report Series","collection-number":"1050","issued":{"date-parts":[[2024]]},"publisher":"World Health Organization","publisher-place":"Geneva"},
{"id":"c","type":"report","title":"Cholera outbreaks","author":[{"literal":"World Health Organization"}],"number":"77","issued":{"date-parts":[[2024]]},"publisher":"World Health Organization","publisher-place":"Geneva"}
]"#,
    );
    assert!(!err.contains("not stored"), "{err}");
    let list = w.reading_list();
    assert_eq!(numbers(reading(&list, "Tackling")), [Value::Null, s("WHO/HIS/2024.1"), s("1045")]);
    assert_eq!(numbers(reading(&list, "Malaria")), [Value::Null, Value::Null, s("1050")]);
    assert_eq!(numbers(reading(&list, "Cholera")), [Value::Null, s("77"), Value::Null]);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Tackling"),
        "World Health Organization. Tackling structural racism. Geneva: World Health Organization; 2024. \
         (WHO Technical Report Series; no. 1045). Report No.: WHO/HIS/2024.1."
    );
    assert_eq!(
        reference(&v, "Malaria"),
        "World Health Organization. Malaria in the Sahel. Geneva: World Health Organization; 2024. \
         (WHO Technical Report Series; no. 1050)."
    );
    assert_eq!(
        reference(&v, "Cholera"),
        "World Health Organization. Cholera outbreaks. Geneva: World Health Organization; 2024. Report No.: 77."
    );
    let a = w.references("apa");
    assert_eq!(
        reference(&a, "Tackling"),
        "World Health Organization. (2024c). Tackling structural racism (Report No. WHO/HIS/2024.1; \
         WHO Technical Report Series No. 1045)."
    );
    assert_eq!(
        reference(&a, "Malaria"),
        "World Health Organization. (2024b). Malaria in the Sahel (WHO Technical Report Series No. 1050)."
    );
}

const CHAPTERS_JSON: &str = r#"[
{"id":"v","type":"chapter","title":"Smallpox in Bengal","author":[{"family":"Bhattacharya","given":"Sanjoy"}],"editor":[{"family":"Bynum","given":"W. F."}],"container-title":"Companion encyclopedia of the history of medicine","volume":"2","collection-title":"Routledge Reference Series","collection-number":"7","page":"100-120","issued":{"date-parts":[[1993]]},"publisher":"Routledge","publisher-place":"London"},
{"id":"c","type":"chapter","title":"Cholera and the colonial state","author":[{"family":"Arnold","given":"David"}],"editor":[{"family":"Porter","given":"Roy"}],"container-title":"Medicine in history","collection-title":"Wellcome Series in the History of Medicine","collection-number":"42","page":"17-40","issued":{"date-parts":[[1996]]},"publisher":"Rodopi","publisher-place":"Amsterdam"},
{"id":"p","type":"paper-conference","title":"Bias in sepsis alerts","author":[{"family":"Wong","given":"Andrew"}],"container-title":"Proceedings of the Machine Learning for Healthcare Conference","collection-title":"Proceedings of Machine Learning Research","volume":"149","collection-number":"149","page":"1-12","issued":{"date-parts":[[2021]]},"publisher":"PMLR","publisher-place":"Cambridge, MA"}
]"#;

const CHAPTERS_BIB: &str = "@incollection{v, author={Bhattacharya, Sanjoy}, title={Smallpox in Bengal}, \
editor={Bynum, W. F.}, booktitle={Companion encyclopedia of the history of medicine}, volume={2}, number={7}, \
series={Routledge Reference Series}, pages={100--120}, year={1993}, publisher={Routledge}, address={London}}\n\
@incollection{c, author={Arnold, David}, title={Cholera and the colonial state}, editor={Porter, Roy}, \
booktitle={Medicine in history}, series={Wellcome Series in the History of Medicine}, volume={42}, \
pages={17--40}, year={1996}, publisher={Rodopi}, address={Amsterdam}}\n\
@inproceedings{p, author={Wong, Andrew}, title={Bias in sepsis alerts}, \
booktitle={Proceedings of the Machine Learning for Healthcare Conference}, \
series={Proceedings of Machine Learning Research}, volume={149}, pages={1--12}, year={2021}, publisher={PMLR}, \
address={Cambridge, MA}}\n";

/// A chapter in one volume of a multi-volume book in a series keeps the
/// book's volume and its number in the series (`volume` 2, `collection-number`
/// 7: as BibTeX's `volume` and `number` beside `series`); a chapter's
/// `collection-number` alone is its book's volume in the series (as RIS
/// `VL` beside `T3`); a volume given twice, as `volume` and
/// `collection-number`, is one number.
#[test]
fn a_chapters_volume_and_collection_number_are_stored_as_from_bibtex() {
    let w = Workdir::new();
    let err = w.import_reading("ch.json", CHAPTERS_JSON);
    assert!(!err.contains("not stored"), "{err}");
    let list = w.reading_list();
    assert_eq!(numbers(reading(&list, "Smallpox")), [s("2"), s("7"), Value::Null]);
    // r85: a chapter's or paper's book's number in the series, stored as
    // the book's record stores it (tester r85 F5, F7).
    assert_eq!(numbers(reading(&list, "Cholera")), [Value::Null, s("42"), Value::Null]);
    assert_eq!(numbers(reading(&list, "Bias")), [Value::Null, s("149"), Value::Null]);

    let bib = Workdir::new();
    bib.import_reading("ch.bib", CHAPTERS_BIB);
    let mut from_bib = bib.reading_list();
    let mut from_json = list.clone();
    for l in [&mut from_bib, &mut from_json] {
        for r in l.as_array_mut().expect("an array") {
            r.as_object_mut().expect("an object").remove("id");
        }
    }
    assert_eq!(from_json, from_bib);
    for style in ["vancouver", "apa", "harvard", "chicago", "ama"] {
        assert_eq!(w.references(style), bib.references(style), "{style}");
    }
    // The same chapter from RIS (VL beside T3) is the one record.
    let ris = "TY  - CHAP\nAU  - Arnold, David\nTI  - Cholera and the colonial state\nT2  - Medicine in history\n\
A2  - Porter, Roy\nT3  - Wellcome Series in the History of Medicine\nVL  - 42\nSP  - 17\nEP  - 40\nPY  - 1996\n\
PB  - Rodopi\nCY  - Amsterdam\nER  - \n";
    w.import_reading("ch.ris", ris);
    assert_eq!(w.reading_list().as_array().expect("an array").len(), 3);
    assert_eq!(numbers(reading(&w.reading_list(), "Cholera")), [Value::Null, s("42"), Value::Null]);

    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Smallpox"),
        "Bhattacharya S. Smallpox in Bengal. In: Bynum WF, editor. Companion encyclopedia of the history of \
         medicine. Vol. 2. London: Routledge; 1993. p. 100-20. (Routledge Reference Series; no. 7)."
    );
    assert_eq!(
        reference(&v, "Cholera"),
        "Arnold D. Cholera and the colonial state. In: Porter R, editor. Medicine in history. Amsterdam: Rodopi; \
         1996. p. 17-40. (Wellcome Series in the History of Medicine; no. 42)."
    );
    assert_eq!(
        reference(&v, "Bias"),
        "Wong A. Bias in sepsis alerts. In: Proceedings of the Machine Learning for Healthcare Conference. \
         Cambridge (MA): PMLR; 2021. p. 1-12. (Proceedings of Machine Learning Research; no. 149)."
    );
    let c = w.references("chicago");
    assert_eq!(
        reference(&c, "Smallpox"),
        "Bhattacharya, Sanjoy. 1993. “Smallpox in Bengal.” In Companion Encyclopedia of the History of Medicine, \
         edited by W. F. Bynum, vol. 2, 100–120. Routledge Reference Series 7. Routledge."
    );
}

/// A `collection-number` with no `collection-title` is still said, never
/// taken for a volume: there is no series for it to number.
#[test]
fn a_papers_collection_number_without_a_series_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "p.json",
        r#"[{"id":"p","type":"paper-conference","title":"Bias in sepsis alerts","author":[{"family":"Wong","given":"Andrew"}],"container-title":"Proceedings of MLHC","collection-number":"149","issued":{"date-parts":[[2021]]},"publisher":"PMLR"}]"#,
    );
    assert!(
        err.contains(
            "in item `p`: collection-number \"149\" not stored: the item has no collection-title for it to number"
        ),
        "{err}"
    );
    assert_eq!(numbers(&stored(&w)), [Value::Null, Value::Null, Value::Null]);
}
