//! Tester r62 F3, F4, F10 and tester r63 F8: a non-English article's
//! original title kept and cited; a SICI DOI keeps the capitals it was
//! registered in; every reader says a problem at the line of its own cell
//! or tag.

mod common;

use common::{Workdir, reading, reference};

const SICI_CSV: &str = "title,authors,year,type,doi\n\
    \"Cognitive therapy outcomes\",Smith J; Jones K,1999,article,10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2\n";

const SICI_RIS: &str = "TY  - JOUR\nAU  - Smith, J.\nAU  - Jones, K.\nTI  - Cognitive therapy outcomes\nPY  - 1999\n\
    DO  - https://doi.org/10.1002/(sici)1097-4679(199911)55:11%3c1423::aid-jclp12%3e3.0.co;2-2\nER  - \n";

const SICI: &str = "10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2";

/// F4: a SICI DOI is registered in capitals; another list's lower-cased
/// copy matches it and never replaces it, in either order.
#[test]
fn sici_doi_keeps_its_capitals_in_either_order() {
    for (first, second) in [(("a.csv", SICI_CSV), ("b.ris", SICI_RIS)), (("b.ris", SICI_RIS), ("a.csv", SICI_CSV))] {
        let w = Workdir::new();
        w.import_reading(first.0, first.1);
        let said = w.import_reading(second.0, second.1);
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{said}\n{list:#}");
        assert_eq!(reading(&list, "Cognitive")["doi"], SICI, "{first:?} then {second:?}: {said}");
        let refs = w.references("apa");
        // (As a URL, its `<` and `>` are escaped.)
        let printed = "10.1002/(SICI)1097-4679(199911)55:11%3C1423::AID-JCLP12%3E3.0.CO;2-2";
        assert!(reference(&refs, "Cognitive").contains(printed), "{refs:?}");
    }
}

/// F10: after a quoted cell with line breaks, a bad cell is said at the
/// line it is on (and a cell before the break at the record's first line).
#[test]
fn csv_problems_name_the_line_of_their_cell_after_a_quoted_line_break() {
    let w = Workdir::new();
    let p = w.write(
        "bad.csv",
        "title,authors,year,type,doi,themes\n\
         Good one,\"Achebe, Ngozi\",2019,article,10.1000/g1,\n\
         \"Multi\nline title\",\"Eze, C\",2018,article,notadoi,\n\
         \"Two\r\nline\",\"Osei,\nJane\",20x1,article,10.1000/g3,\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("bad.csv:4:5: doi \"notadoi\" is not a DOI"), "{err}");
    // A CRLF and an LF in two cells before the year: two lines on.
    assert!(err.contains("bad.csv:7:3: year \"20x1\" is not a year"), "{err}");
}

/// F10 in the other CSV readers (a Zotero export here).
#[test]
fn zotero_csv_problems_name_the_line_of_their_cell() {
    let w = Workdir::new();
    let p = w.write(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"DOI\"\n\
         \"K1\",\"journalArticle\",\"2019\",\"Osei, Jane\",\"A title\nover two lines\",\"BMJ\",\"notadoi\"\n",
    );
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("z.csv:3:7: doi \"notadoi\" is not a DOI"), "{err}");
}

/// r63 F8: pages, issue and volume a spreadsheet made dates are said at
/// their own cell (CSV) or tag line (RIS, MEDLINE, BibTeX).
#[test]
fn spreadsheet_dates_are_said_at_their_own_cell_or_tag() {
    let w = Workdir::new();
    let said = w.import_reading(
        "h.csv",
        "title,authors,year,type,container,pages,issue,volume\n\"X\nY\",\"Osei, Jane\",2021,article,BMJ,01-May,03-Apr,12-Jan\n",
    );
    for (at, what) in [("h.csv:3:6:", "pages"), ("h.csv:3:7:", "issue"), ("h.csv:3:8:", "volume")] {
        assert!(said.contains(&format!("{at} warning: {what} ")), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.ris",
        "TY  - JOUR\nTI  - X\nAU  - Osei, Jane\nPY  - 2021\nSP  - 01-May\nIS  - 03-Apr\nVL  - 12-Jan\nER  - \n",
    );
    for (at, what) in [("h.ris:5:7:", "pages"), ("h.ris:6:7:", "issue"), ("h.ris:7:7:", "volume")] {
        assert!(said.contains(&format!("{at} warning: in the record starting at line 1: {what} ")), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.nbib",
        "PMID- 1\nDP  - 2021\nTI  - X.\nFAU - Osei, Jane\nVI  - 12-Jan\nIP  - 03-Apr\nPG  - 01-May\nJT  - BMJ\n",
    );
    for (at, what) in [("h.nbib:7:", "pages"), ("h.nbib:6:", "issue"), ("h.nbib:5:", "volume")] {
        assert!(said.lines().any(|l| l.contains(at) && l.contains(&format!(" {what} \""))), "{what}: {said}");
    }
    let w = Workdir::new();
    let said = w.import_reading(
        "h.bib",
        "@article{x,\n  title = {X},\n  author = {Osei, Jane},\n  year = 2021,\n  journal = {BMJ},\n  volume = {12-Jan},\n  number = {03-Apr},\n  pages = {01-May}\n}\n",
    );
    for (at, what) in [("h.bib:8:", "pages"), ("h.bib:7:", "issue"), ("h.bib:6:", "volume")] {
        assert!(said.lines().any(|l| l.contains(at) && l.contains(&format!(" {what} \""))), "{what}: {said}");
    }
}
