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

/// JabRef's `% Encoding: ISO-8859-2` header and EndNote's XML declaration
/// name the file's encoding; canon guessed instead (tester r35, F14), and a
/// guess can take ISO-8859-2's "ř" (0xF8) for "ø". The declared one wins,
/// and is said.
#[test]
fn the_encoding_a_file_declares_is_the_one_read() {
    let w = workdir();
    // "Dvořák, Šárka" in ISO-8859-2: ř = F8, Š = A9, á = E1.
    let mut bib = b"% This file was created with JabRef 2.10.\n% Encoding: ISO-8859-2\n\n".to_vec();
    bib.extend_from_slice(b"@article{a, author = {Dvo\xf8\xe1k, \xa9\xe1rka}, title = {Roma health in Brno},\n");
    bib.extend_from_slice(b"  journal = {Cent Eur J Public Health}, year = {2019}}\n");
    let file = w.write("l2.bib", &bib);
    let err = w.ok_stderr(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("reading it as ISO-8859-2 (the file declares \"ISO-8859-2\" at line 2)"), "{err}");
    let r = reading(&w.reading_list(), "Roma health").clone();
    assert_eq!(r["authors"][0], "Dvořák, Šárka", "{r:#}");
    // An EndNote XML file in windows-1250 that says so.
    let mut xml = b"<?xml version=\"1.0\" encoding=\"windows-1250\"?><xml><records><record>\
<ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Nov\xe1kov\xe1, \x8aimona</author>\
</authors></contributors><titles><title>Health of the Roma in Slovakia</title></titles>\
<dates><year>2018</year></dates></record></records></xml>"
        .to_vec();
    xml.push(b'\n');
    let file = w.write("w.xml", &xml);
    let err = w.ok_stderr(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("(the file declares \"windows-1250\" at line 1)"), "{err}");
    let r = reading(&w.reading_list(), "Health of the Roma").clone();
    assert_eq!(r["authors"][0], "Nováková, Šimona", "{r:#}");
}

/// A RIS note's paragraphs (continuation lines after a blank line, as
/// EndNote writes a note of several paragraphs) were joined into one line
/// (tester r35, F12); lines wrapped without a blank line are still one text.
#[test]
fn a_ris_note_keeps_its_paragraphs() {
    let w = workdir();
    w.import_reading(
        "m.ris",
        "TY  - JOUR\r\nTI  - Notes test\r\nAU  - Osei, Ama\r\nPY  - 2020\r\nN1  - First paragraph of my note.\r\n\
         Second line continues.\r\n\r\nThird after blank.\r\nT2  - The\r\nLancet\r\nER  - \r\n",
    );
    let r = reading(&w.reading_list(), "Notes test").clone();
    assert_eq!(r["annotation"], "First paragraph of my note. Second line continues.\n\nThird after blank.", "{r:#}");
    assert_eq!(r["container"], "The Lancet", "{r:#}");
}

/// AMA writes a supplement in small letters, "21(suppl 2)" (AMA Manual of
/// Style 11th ed., ch. 3); it printed the stored "(Suppl 2)" (tester r36,
/// F9). Vancouver keeps Citing Medicine's "Suppl".
#[test]
fn ama_writes_a_supplement_in_small_letters() {
    let w = workdir();
    w.import_reading(
        "s.ris",
        "TY  - JOUR\nTI  - Teaching structural competency\nAU  - Osei, Ama\nPY  - 2021\nT2  - BMC Medical Education\n\
         VL  - 21\nIS  - Suppl 2\nSP  - S12\nEP  - S18\nER  - \nTY  - JOUR\nTI  - Race in the issue supplement\n\
         AU  - Byrne, Siobhan\nPY  - 2019\nT2  - Pediatrics\nVL  - 55\nIS  - 12 Suppl 1\nSP  - 40\nEP  - 45\nER  - \n",
    );
    let refs = w.references("ama");
    let a = common::reference(&refs, "Teaching structural");
    assert!(a.contains("2021;21(suppl 2):S12-S18"), "{a}");
    let b = common::reference(&refs, "Race in the issue");
    assert!(b.contains("2019;55(12 suppl 1):40-45"), "{b}");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Teaching structural").contains("21 Suppl 2:S12-8"), "{refs:?}");
}

/// NLM's abbreviation "PLoS One" of a journal stored as "PLOS ONE" was
/// printed "PLOS ONE" in Vancouver and AMA, which cite the abbreviation: the
/// journal's case was put back over it (tester r34, #9). APA cites the
/// journal's own name.
#[test]
fn an_abbreviation_that_differs_only_in_case_is_printed_as_written() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[{"id":"a","type":"article-journal","title":"Artno study","author":[{"family":"Osei","given":"Ama"}],
        "container-title":"PLOS ONE","container-title-short":"PLoS One","issued":{"date-parts":[[2020,4,10]]},
        "volume":"15","issue":"4","page":"e0231234"}]"#,
    );
    for (style, want) in
        [("vancouver", "Artno study. PLoS One. 2020 Apr 10;15(4):e0231234."), ("ama", "Artno study. PLoS One. 2020;")]
    {
        let refs = w.references(style);
        let r = common::reference(&refs, "Artno");
        assert!(r.contains(want), "{style}: {r}");
    }
    let refs = w.references("apa");
    assert!(common::reference(&refs, "Artno").contains("PLOS ONE, 15(4)"), "{refs:?}");
}
