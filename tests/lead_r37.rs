//! Issue 12 (lead, r37), through the binary: another list's record of a
//! work never makes the stored one poorer; the styles' forms testers r37–r39
//! found wrong.

mod common;

use common::{Workdir, reading};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// A bare year of another year replaced PubMed's full date and cleared its
/// month and day (tester r36, #4: Web of Science's `PY  - 2024` against
/// `DP  - 2023 Nov 4`, an issue year against an online date). The fuller
/// date stays, both are said, the summary counts it, and the dry run says
/// the same; a fuller date of another year still replaces it.
#[test]
fn a_bare_year_never_replaces_a_fuller_date_of_another_year() {
    let w = workdir();
    w.import_reading(
        "pubmed.nbib",
        "PMID- 37000001\nTI  - Racism and the long road.\nFAU - Osei, Ama\nAU  - Osei A\nDP  - 2023 Nov 4\n\
         JT  - The Lancet\nAID - 10.1000/yr1 [doi]\n",
    );
    let wos = "TY  - JOUR\nTI  - Racism and the long road\nAU  - Osei, A\nPY  - 2024\nT2  - LANCET\nDO  - 10.1000/yr1\nER  - \n";
    let file = w.write("wos.ris", wos);
    let dry = w.ok(&["import", "reading", file.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("year: kept 2023-11-04 (the file gives only the year 2024)"), "{dry}");
    let err = w.import_reading("wos.ris", wos);
    assert!(
        err.contains("wos.ris:")
            && err.contains("the file gives only the year 2024; the stored date 2023-11-04 is fuller and stays")
            && err.contains("--year 2024"),
        "{err}"
    );
    assert!(err.contains("1 entry keeps its stored date against the file's other year"), "{err}");
    assert!(!err.contains("the database already holds this file"), "{err}");
    let r = reading(&w.reading_list(), "Racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2023), Some(11), Some(4)), "{r:#}");
    // A date as full, of another year, is the file's: taken whole, said.
    let err = w.import_reading(
        "c.ris",
        "TY  - JOUR\nTI  - Racism and the long road\nAU  - Osei, A\nPY  - 2024\nDA  - 2024/02/01\nDO  - 10.1000/yr1\nER  - \n",
    );
    assert!(err.contains("year 2024") && !err.contains("fuller and stays"), "{err}");
    let r = reading(&w.reading_list(), "Racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2024), Some(2), Some(1)), "{r:#}");
}
