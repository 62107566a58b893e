//! Issue 12 (lead, r33), through the binary: what a re-import or another
//! list's record of a work changes is said in a real run, not only in the
//! dry run; the styles' forms testers r31 and r33–r35 found wrong.

mod common;

use common::{Workdir, reading};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// README: "A reading met again (same DOI, ISBN, or title and year) has its
/// blanks filled and differing values reported." A year replaced by the
/// file's through a DOI match was said only in `--dry-run` (tester r31, D14).
#[test]
fn a_doi_match_that_replaces_a_stored_value_says_so_in_a_real_run() {
    let w = workdir();
    w.import_reading(
        "plain.csv",
        "title,authors,year,type,doi,pages\n\
         Attention to stress in clinical practice,\"Smith, John; Jones, Mary\",1999,article,10.1002/abc.123,1-9\n",
    );
    let csv = "title,authors,year,type,doi,pages\n\
               Attention to stress in clinical practice,\"Smith, John; Jones, Mary\",2000,article,\
               https://doi.org/10.1002/ABC.123,11-19\n";
    // The dry run and the real run say the same replacement.
    w.write("other.csv", csv);
    let dry = w.ok_stderr(&["import", "reading", "other.csv", "--dry-run"]);
    let err = w.import_reading("other.csv", csv);
    for out in [&dry, &err] {
        assert!(out.contains("(same DOI): the file's values replace the stored ones:"), "{out}");
        assert!(out.contains("year 2000 (was 1999)"), "{out}");
        assert!(out.contains("pages \"11-19\" (was \"1-9\")"), "{out}");
        assert!(out.contains("other.csv:2:"), "{out}");
    }
    let list = w.reading_list();
    assert_eq!(reading(&list, "Attention to stress")["year"], 2000);
    // Blanks filled are not "replacements"; a same-source re-import by ID
    // (canon's own export) is the user's edit and is not said this way.
    let again = w.import_reading("other.csv", csv);
    assert!(!again.contains("replace"), "{again}");
}
