//! The lead's tests of session r83: findings fixed at the merge.
mod common;
use common::*;

/// A range of whole years is one date label (APA 7 §8.19): works of one
/// author dated "1998–2000" are lettered after the range, "1998–2000a",
/// and a work of 1998 alone is no work of the same date (it printed
/// "1998a–2000", "1998b–2000", "1998c").
#[test]
fn a_range_of_years_is_lettered_after_its_end() {
    let w = Workdir::new();
    w.import_reading(
        "g.csv",
        "title,authors,year,type,publisher\n\
         On the Natural Faculties,Galen,1998,book,Loeb\n\
         Method of Medicine,Galen,1998-2000,book,Loeb\n\
         On Anatomy,Galen,1998-2000,book,Loeb\n",
    );
    for (style, want) in [
        (
            "apa",
            ["Galen. (1998–2000a). Method of Medicine.", "Galen. (1998–2000b). On Anatomy.", "Galen. (1998). On the"],
        ),
        (
            "harvard",
            ["Galen (1998–2000a) Method of Medicine.", "Galen (1998–2000b) On Anatomy.", "Galen (1998) On the"],
        ),
        (
            "chicago",
            ["Galen. 1998–2000a. Method of Medicine.", "Galen. 1998–2000b. On Anatomy.", "Galen. 1998. On the"],
        ),
    ] {
        let refs = w.references(style);
        for (title, want) in ["Method of Medicine", "On Anatomy", "On the Natural Faculties"].into_iter().zip(want) {
            let got = reference(&refs, title);
            assert!(got.starts_with(want), "{style}: {got}");
        }
    }
}

/// A conference paper with a volume and an issue and no series is printed
/// as a journal's article ("3(2)"): its volume once (Vancouver printed
/// "… Learning. Vol. 3. 2022;3(2):1-12.", Harvard "3(2), pp. Vol. 3. 1–12").
#[test]
fn a_paper_printed_as_a_journals_has_its_volume_once() {
    let w = Workdir::new();
    w.import_reading(
        "c.bib",
        "@inproceedings{p1,\n  author = {Okafor, Chidi and Lind, Tove},\n  title = {Fairness audits of triage models},\n  \
         booktitle = {Proceedings of the Conference on Health, Inference, and Learning},\n  volume = {3},\n  number = {2},\n  \
         pages = {1--12},\n  publisher = {PMLR},\n  address = {Toronto},\n  year = {2022}\n}\n",
    );
    for (style, want) in [
        (
            "vancouver",
            "Okafor C, Lind T. Fairness audits of triage models. Proceedings of the Conference on Health, Inference, \
             and Learning. 2022;3(2):1-12.",
        ),
        (
            "harvard",
            "Okafor, C. and Lind, T. (2022) ‘Fairness audits of triage models’, Proceedings of the Conference on Health, \
             Inference, and Learning, 3(2), pp. 1–12.",
        ),
    ] {
        assert_eq!(reference(&w.references(style), "Fairness audits"), want, "{style}");
    }
}
