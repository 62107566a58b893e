//! The lead's tests of session r79: fresh tester r81's findings fixed at
//! the merge.
mod common;
use common::*;

/// Tester r81 F13: a December–January issue in month columns is refused
/// with a message that names the way to give it (a year_end column with
/// the next year), and with that column it imports and prints whole.
#[test]
fn a_month_range_into_the_next_year_names_the_year_end_column() {
    let w = Workdir::new();
    let head = "title,authors,year,type,container,volume,pages,month,month_end";
    w.write("r.csv", format!("{head}\n\"Range five\",\"Ba, Amadou\",2021,article,\"J Range\",8,1-9,12,1\n"));
    let err = w.fails(&["import", "reading", "r.csv"]);
    assert!(
        err.contains(
            "r.csv:2:9: month_end \"1\" does not end a range after the month (12); expected a later month of the same \
             year, an empty cell, or for a range that ends in a later year its last year in a year_end column (2022)"
        ),
        "{err}"
    );
    assert!(!w.db().exists() || w.count("SELECT count(*) FROM reading") == 0, "nothing written");
    w.import_reading(
        "r2.csv",
        &format!("{head},year_end\n\"Range five\",\"Ba, Amadou\",2021,article,\"J Range\",8,1-9,12,1,2022\n"),
    );
    let r = reading(&w.reading_list(), "Range five").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["month_end"].as_i64()), (Some(2021), Some(12), Some(1)));
    assert_eq!(r["year_end"].as_i64(), Some(2022));
    assert!(reference(&w.references("vancouver"), "Range five").contains("2021 Dec-2022 Jan"));
}

/// Tester r81 F4: a book's volume in Roman numerals, or with its label, is
/// cited once by its number in every style (the manuals give volume
/// numbers in Arabic numerals); the stored text is kept as written.
#[test]
fn a_roman_volume_is_cited_once_as_a_number() {
    let w = Workdir::new();
    w.import_reading(
        "vol.bib",
        "@book{b1, author={Bichat, Xavier}, title={Anatomie générale}, year={1802}, publisher={Brosson}, \
         address={Paris}, volume={II}}\n\
         @article{b3, author={Ba, Amadou}, title={Roman volume article}, journal={Annales}, year={1950}, \
         volume={XII}, pages={1--9}}\n",
    );
    assert_eq!(reading(&w.reading_list(), "Anatomie")["volume"], "II");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Anatomie"), "Bichat X. Anatomie générale. Vol. 2. Paris: Brosson; 1802.");
    assert!(reference(&v, "Roman volume").contains("1950;12:1-9"), "{v:?}");
    let a = w.references("apa");
    assert_eq!(reference(&a, "Anatomie"), "Bichat, X. (1802). Anatomie générale (Vol. 2). Brosson.");
    for style in ["chicago", "harvard", "ama"] {
        let refs = w.references(style);
        let r = reference(&refs, "Anatomie");
        assert_eq!(r.matches(" 2").count(), 1, "{style}: {r}");
        assert!(!r.contains("II"), "{style}: {r}");
    }
}

/// A cataloguer's corrected year, "1971 [i.e. 1972]" (AACR2 1.4F2), refused
/// the whole file ("is not a year"; tester r81's small helper noted it): the
/// corrected year is kept and the printed one said, in every format.
#[test]
fn a_cataloguers_corrected_year_is_read_and_said() {
    let w = Workdir::new();
    let err =
        w.import_reading("c.csv", "title,authors,year,type\nCorrected CSV,\"Ba, Amadou\",1971 [i.e. 1972],book\n");
    assert!(
        err.contains(
            "the date \"1971 [i.e. 1972]\" is the year printed, 1971, with a cataloguer's correction; canon keeps \
             the corrected year, 1972"
        ),
        "{err}"
    );
    let err = w.import_reading(
        "c.bib",
        "@book{k, author={Ba, Amadou}, title={Corrected BibTeX}, year={1971 [i. e. 1972]}, publisher={P}}\n",
    );
    assert!(err.contains("canon keeps the corrected year, 1972"), "{err}");
    let err = w.import_reading(
        "c.ris",
        "TY  - BOOK\nAU  - Ba, Amadou\nTI  - Corrected RIS\nPY  - 1971 (i.e., 1972)\nER  - \n",
    );
    assert!(err.contains("canon keeps the corrected year, 1972"), "{err}");
    let list = w.reading_list();
    for t in ["Corrected CSV", "Corrected BibTeX", "Corrected RIS"] {
        assert_eq!(reading(&list, t)["year"], 1972, "{t}: {list}");
    }
    assert!(!err.contains("runs from"), "{err}");
}
