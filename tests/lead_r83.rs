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
