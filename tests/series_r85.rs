//! r85: a paper's or chapter's number in its book's series is the book's
//! number in the series, stored where the book's own record keeps it (the
//! issue) whatever the format and whatever the field gave it: BibTeX
//! `number` or `volume` beside `series`, RIS `VL` beside `T3`, CSL-JSON
//! `collection-number` (or `volume` alone) beside `collection-title`, and a
//! crossref to the proceedings (tester r85 F5: a CSL-JSON paper's number was
//! its volume, a BibTeX copy's its issue, and merged both were printed; F7:
//! "no. 7" for the proceedings beside "vol. 7" for its paper).
mod common;
use common::*;

use serde_json::Value;

const BIB: &str = "@inproceedings{c3,\n  author = {Lee, Min},\n  title = {Fairness audits of triage models},\n  \
booktitle = {Machine Learning for Health},\n  series = {Lecture Notes in Computer Science},\n  number = {12345},\n  \
pages = {1--10},\n  year = {2021},\n  publisher = {Springer},\n  address = {Cham}\n}\n\
@inproceedings{c1,\n  author = {Nguyen, Thi Lan and Park, Ji-won},\n  title = {Bias in pulse oximetry datasets},\n  \
booktitle = {Proceedings of the Conference on Health, Inference, and Learning},\n  editor = {Ghassemi, Marzyeh},\n  \
series = {Proceedings of Machine Learning Research},\n  volume = {174},\n  pages = {50--60},\n  year = {2022},\n  \
publisher = {PMLR},\n  address = {Virtual}\n}\n";

const JSON: &str = r#"[
{"id":"c3","type":"paper-conference","title":"Fairness audits of triage models","author":[{"family":"Lee","given":"Min"}],"container-title":"Machine Learning for Health","collection-title":"Lecture Notes in Computer Science","collection-number":12345,"page":"1-10","issued":{"date-parts":[[2021]]},"publisher":"Springer","publisher-place":"Cham"},
{"id":"c1","type":"paper-conference","title":"Bias in pulse oximetry datasets","author":[{"family":"Nguyen","given":"Thi Lan"},{"family":"Park","given":"Ji-won"}],"editor":[{"family":"Ghassemi","given":"Marzyeh"}],"container-title":"Proceedings of the Conference on Health, Inference, and Learning","collection-title":"Proceedings of Machine Learning Research","volume":"174","page":"50-60","issued":{"date-parts":[[2022]]},"publisher":"PMLR","publisher-place":"Virtual"}
]"#;

const RIS: &str = "TY  - CPAPER\nAU  - Lee, Min\nTI  - Fairness audits of triage models\nT2  - Machine Learning for Health\n\
T3  - Lecture Notes in Computer Science\nVL  - 12345\nSP  - 1\nEP  - 10\nPY  - 2021\nPB  - Springer\nCY  - Cham\nER  - \n\n\
TY  - CPAPER\nAU  - Nguyen, Thi Lan\nAU  - Park, Ji-won\nA2  - Ghassemi, Marzyeh\nTI  - Bias in pulse oximetry datasets\n\
T2  - Proceedings of the Conference on Health, Inference, and Learning\nT3  - Proceedings of Machine Learning Research\n\
VL  - 174\nSP  - 50\nEP  - 60\nPY  - 2022\nPB  - PMLR\nCY  - Virtual\nER  - \n";

const FILES: [(&str, &str); 3] = [("c.bib", BIB), ("c.json", JSON), ("c.ris", RIS)];

/// Every order of every non-empty selection of the three files.
fn orders() -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for a in 0..3 {
        out.push(vec![a]);
        for b in (0..3).filter(|b| *b != a) {
            out.push(vec![a, b]);
            for c in (0..3).filter(|c| *c != a && *c != b) {
                out.push(vec![a, b, c]);
            }
        }
    }
    out
}

/// (title, volume, issue, series_number, series) of each reading, by title.
fn numbers(w: &Workdir) -> Vec<[Value; 5]> {
    let list = w.reading_list();
    let mut out: Vec<[Value; 5]> = list
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            [
                r["title"].clone(),
                r["volume"].clone(),
                r["issue"].clone(),
                r["series_number"].clone(),
                r["series"].clone(),
            ]
        })
        .collect();
    out.sort_by_key(|r| r[0].to_string());
    out
}

fn n(title: &str, issue: &str, series: &str) -> [Value; 5] {
    [Value::from(title), Value::Null, Value::from(issue), Value::Null, Value::from(series)]
}

const LEE: [(&str, &str); 5] = [
    (
        "vancouver",
        "Lee M. Fairness audits of triage models. In: Machine Learning for Health. Cham: Springer; 2021. p. 1-10. \
         (Lecture Notes in Computer Science; no. 12345).",
    ),
    (
        "harvard",
        "Lee, M. (2021) ‘Fairness audits of triage models’, in Machine Learning for Health. Cham: Springer \
         (Lecture Notes in Computer Science, 12345), pp. 1–10.",
    ),
    ("apa", "Lee, M. (2021). Fairness audits of triage models. In Machine Learning for Health (pp. 1–10). Springer."),
    (
        "chicago",
        "Lee, Min. 2021. “Fairness Audits of Triage Models.” In Machine Learning for Health, 1–10. Lecture Notes in \
         Computer Science 12345. Springer.",
    ),
    (
        "ama",
        "Lee M. Fairness audits of triage models. In: Machine Learning for Health. Lecture Notes in Computer Science; \
         vol 12345. Springer; 2021:1-10.",
    ),
];

const NGUYEN: [(&str, &str); 2] = [
    (
        "vancouver",
        "Nguyen TL, Park JW. Bias in pulse oximetry datasets. In: Ghassemi M, editor. Proceedings of the Conference on \
         Health, Inference, and Learning. Virtual: PMLR; 2022. p. 50-60. (Proceedings of Machine Learning Research; \
         no. 174).",
    ),
    (
        "apa",
        "Nguyen, T. L., & Park, J.-W. (2022). Bias in pulse oximetry datasets. In M. Ghassemi (Ed.), Proceedings of \
         the Conference on Health, Inference, and Learning (pp. 50–60). PMLR.",
    ),
];

/// F5: BibTeX `number`, RIS `VL` and CSL-JSON `collection-number` of one
/// LNCS paper (and BibTeX `volume`, RIS `VL` and CSL `volume` of a PMLR
/// one) give one record whatever the order, with the number once, and
/// each style prints it once, never as "Vol.".
#[test]
fn a_papers_number_in_its_series_is_one_number_from_every_format_in_every_order() {
    let want = vec![
        n("Bias in pulse oximetry datasets", "174", "Proceedings of Machine Learning Research"),
        n("Fairness audits of triage models", "12345", "Lecture Notes in Computer Science"),
    ];
    for order in orders() {
        let w = Workdir::new();
        for i in &order {
            let (name, text) = FILES[*i];
            w.import_reading(name, text);
        }
        assert_eq!(numbers(&w), want, "order {order:?}");
        for (style, reference_text) in LEE {
            assert_eq!(reference(&w.references(style), "Fairness audits"), reference_text, "{style}, order {order:?}");
        }
        for (style, reference_text) in NGUYEN {
            assert_eq!(reference(&w.references(style), "Bias in pulse"), reference_text, "{style}, order {order:?}");
        }
    }
}

/// The whole stored record is the same from each format alone and after
/// each merge (its id and where it came from aside).
#[test]
fn the_merged_paper_is_the_paper_of_each_format() {
    let fields = |w: &Workdir| -> Vec<[Value; 6]> {
        let list = w.reading_list();
        let mut out: Vec<[Value; 6]> = list
            .as_array()
            .expect("an array")
            .iter()
            .map(|r| {
                let f = |k: &str| r[k].clone();
                [f("title"), f("container"), f("volume"), f("issue"), f("pages"), f("publisher")]
            })
            .collect();
        out.sort_by_key(|r| r[0].to_string());
        out
    };
    let alone = Workdir::new();
    alone.import_reading("c.json", JSON);
    let want = fields(&alone);
    for order in orders() {
        let w = Workdir::new();
        for i in &order {
            w.import_reading(FILES[*i].0, FILES[*i].1);
        }
        assert_eq!(fields(&w), want, "order {order:?}");
    }
}

/// A CSL-JSON paper giving its number twice (`volume` and
/// `collection-number` alike, as Zotero exports a PMLR paper) is one
/// number; a chapter in volume 2 of a set numbered 7 in its series keeps
/// both, as BibTeX's `volume` and `number` beside `series`.
#[test]
fn a_csl_volume_given_again_as_collection_number_is_one_number() {
    let w = Workdir::new();
    w.import_reading(
        "p.json",
        r#"[{"id":"p","type":"paper-conference","title":"Bias in sepsis alerts","author":[{"family":"Wong","given":"Andrew"}],"container-title":"Proceedings of the Machine Learning for Healthcare Conference","collection-title":"Proceedings of Machine Learning Research","volume":"149","collection-number":"149","page":"1-12","issued":{"date-parts":[[2021]]},"publisher":"PMLR","publisher-place":"Cambridge, MA"},
{"id":"v","type":"chapter","title":"Smallpox in Bengal","author":[{"family":"Bhattacharya","given":"Sanjoy"}],"editor":[{"family":"Bynum","given":"W. F."}],"container-title":"Companion encyclopedia of the history of medicine","volume":"2","collection-title":"Routledge Reference Series","collection-number":"7","page":"100-120","issued":{"date-parts":[[1993]]},"publisher":"Routledge","publisher-place":"London"}]"#,
    );
    let got = numbers(&w);
    assert_eq!(got[0], n("Bias in sepsis alerts", "149", "Proceedings of Machine Learning Research"));
    assert_eq!(
        got[1],
        [
            Value::from("Smallpox in Bengal"),
            Value::from("2"),
            Value::from("7"),
            Value::Null,
            Value::from("Routledge Reference Series")
        ]
    );
}

const XREF: &str = "@incollection{ch1,\n  author = {Mbeki, Thandi},\n  title = {Traditional healers and HIV},\n  \
pages = {45--67},\n  crossref = {book1}\n}\n\
@inproceedings{p1,\n  author = {Rahman, Farida},\n  title = {Cholera surveillance in Dhaka},\n  pages = {5--9},\n  \
crossref = {proc1}\n}\n\
@book{book1,\n  editor = {Farmer, Paul and Kim, Jim Yong},\n  title = {Reimagining Global Health},\n  \
subtitle = {An Introduction},\n  publisher = {University of California Press},\n  address = {Berkeley},\n  \
year = {2013},\n  edition = {2},\n  series = {California Series in Public Anthropology},\n  volume = {26}\n}\n\
@proceedings{proc1,\n  editor = {Ghosh, Anita},\n  title = {Proceedings of the Global Health Conference 2020},\n  \
series = {Lecture Notes in Public Health},\n  volume = {7},\n  publisher = {Springer},\n  address = {Cham},\n  \
year = {2020},\n  month = {mar}\n}\n";

/// F7: the proceedings and the paper that inherits from them by crossref
/// give the number in the series one meaning, as the book and its chapter
/// do, and every style prints the same number with the same label for both.
#[test]
fn a_proceedings_and_its_crossref_paper_give_the_series_number_one_meaning() {
    let w = Workdir::new();
    w.import_reading("x.bib", XREF);
    assert_eq!(
        numbers(&w),
        vec![
            n("Cholera surveillance in Dhaka", "7", "Lecture Notes in Public Health"),
            n("Proceedings of the Global Health Conference 2020", "7", "Lecture Notes in Public Health"),
            n("Reimagining Global Health: An Introduction", "26", "California Series in Public Anthropology"),
            n("Traditional healers and HIV", "26", "California Series in Public Anthropology"),
        ]
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Cholera surveillance"),
        "Rahman F. Cholera surveillance in Dhaka. In: Ghosh A, editor. Proceedings of the Global Health Conference \
         2020. Cham: Springer; 2020. p. 5-9. (Lecture Notes in Public Health; no. 7)."
    );
    assert_eq!(
        reference(&v, "Proceedings of the Global"),
        "Ghosh A, editor. Proceedings of the Global Health Conference 2020. Cham: Springer; 2020. (Lecture Notes in \
         Public Health; no. 7)."
    );
    let h = w.references("harvard");
    assert_eq!(
        reference(&h, "Cholera surveillance"),
        "Rahman, F. (2020) ‘Cholera surveillance in Dhaka’, in Ghosh, A. (ed.) Proceedings of the Global Health \
         Conference 2020. Cham: Springer (Lecture Notes in Public Health, 7), pp. 5–9."
    );
    assert_eq!(
        reference(&w.references("apa"), "Cholera surveillance"),
        "Rahman, F. (2020). Cholera surveillance in Dhaka. In A. Ghosh (Ed.), Proceedings of the Global Health \
         Conference 2020 (pp. 5–9). Springer."
    );
    assert_eq!(
        reference(&w.references("chicago"), "Cholera surveillance"),
        "Rahman, Farida. 2020. “Cholera Surveillance in Dhaka.” In Proceedings of the Global Health Conference 2020, \
         edited by Anita Ghosh, 5–9. Lecture Notes in Public Health 7. Springer."
    );
    assert_eq!(
        reference(&w.references("ama"), "Cholera surveillance"),
        "Rahman F. Cholera surveillance in Dhaka. In: Ghosh A, ed. Proceedings of the Global Health Conference 2020. \
         Lecture Notes in Public Health; vol 7. Springer; 2020:5-9."
    );
    // No style prints "vol. 7" for one and "no. 7" for the other.
    for style in ["vancouver", "harvard", "apa", "chicago", "ama"] {
        let refs = w.references(style);
        let paper = reference(&refs, "Cholera surveillance");
        let procs = reference(&refs, "Proceedings of the Global");
        for label in ["vol. 7", "Vol. 7", "no. 7", "vol 7", "Public Health, 7", "Public Health 7"] {
            assert_eq!(paper.contains(label), procs.contains(label), "{style} {label}: {paper} | {procs}");
        }
    }
}

/// The same paper written out in full, without crossref, and a chapter
/// likewise, read as through crossref; a paper in one volume of a
/// multi-volume proceedings numbered in its series keeps both numbers.
#[test]
fn a_paper_or_chapter_written_in_full_reads_its_series_volume_as_through_crossref() {
    let w = Workdir::new();
    w.import_reading(
        "full.bib",
        "@inproceedings{p1, author={Rahman, Farida}, title={Cholera surveillance in Dhaka}, \
         booktitle={Proceedings of the Global Health Conference 2020}, editor={Ghosh, Anita}, \
         series={Lecture Notes in Public Health}, volume={7}, pages={5--9}, year={2020}, publisher={Springer}, \
         address={Cham}}\n\
         @incollection{ch1, author={Mbeki, Thandi}, title={Traditional healers and HIV}, \
         booktitle={Reimagining Global Health}, series={California Series in Public Anthropology}, volume={26}, \
         pages={45--67}, year={2013}, publisher={University of California Press}}\n\
         @inproceedings{p2, author={Osei, Ama}, title={Malaria vaccines in Ghana}, booktitle={Vaccine Science}, \
         series={Lecture Notes in Public Health}, volume={2}, number={9}, pages={1--4}, year={2020}, \
         publisher={Springer}}\n",
    );
    let got = numbers(&w);
    assert_eq!(got[0], n("Cholera surveillance in Dhaka", "7", "Lecture Notes in Public Health"));
    assert_eq!(
        got[1],
        [
            Value::from("Malaria vaccines in Ghana"),
            Value::from("2"),
            Value::from("9"),
            Value::Null,
            Value::from("Lecture Notes in Public Health")
        ]
    );
    assert_eq!(got[2], n("Traditional healers and HIV", "26", "California Series in Public Anthropology"));
    assert_eq!(
        reference(&w.references("vancouver"), "Cholera surveillance"),
        "Rahman F. Cholera surveillance in Dhaka. In: Ghosh A, editor. Proceedings of the Global Health Conference \
         2020. Cham: Springer; 2020. p. 5-9. (Lecture Notes in Public Health; no. 7)."
    );
}

/// A paper stored with its number in the series as its volume (a canon
/// CSV, or a record stored before r85) met by the same paper from BibTeX:
/// one number, in the issue, said.
#[test]
fn a_stored_series_volume_of_a_paper_merges_into_one_number() {
    let w = Workdir::new();
    w.import_reading(
        "p.csv",
        "title,authors,year,type,container,series,volume,pages,publisher\n\
         Fairness audits of triage models,\"Lee, Min\",2021,conference-paper,Machine Learning for Health,\
         Lecture Notes in Computer Science,12345,1-10,Springer\n",
    );
    let err = w.import_reading("c.bib", BIB);
    assert!(
        err.contains(
            "the stored volume \"12345\" is the file's number in the series \"Lecture Notes in Computer Science\" \
             (\"12345\"), kept there once"
        ),
        "{err}"
    );
    assert_eq!(numbers(&w)[1], n("Fairness audits of triage models", "12345", "Lecture Notes in Computer Science"));
    assert_eq!(reference(&w.references("vancouver"), "Fairness audits"), LEE[0].1);
}
