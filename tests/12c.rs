//! Issue 12 (tester 12c), through the binary: references as the style
//! manuals print them, round 3.
//! - M3: AMA prints a report's genre and number after its year (AMA 11 ch.
//!   3, "Name of issuing agency; Year. Series name and number"), a
//!   magazine's volume, issue and full date, and "ca" for circa.
//! - M8: a thesis says what it is in every named style, from its entry
//!   type as from its stored genre; Citing Medicine leaves a place the
//!   source gives unbracketed.
//! - M9: two first authors sharing surname and initials are not lettered as
//!   one (APA 7 §9.47: "Osei, J. [Jane]" and "Osei, J. [Joseph]"), and a
//!   one-author work stands before the same author's multi-author works.
//! - APA: a numbered report in its series "(WHO Technical Report Series No.
//!   987)"; a subtitle after a colon starts with a capital (L7, §6.17).
//! - L4: Citing Medicine's genre once, in lower case, "No.:" throughout,
//!   "[… on the Internet]", a whole report's "120 p.".
//!
//! The PDF's hanging indent (0.5 in) is tested in `src/report/pdf/tests.rs`.

mod common;

use common::{Workdir, reference, workdir};

// ---------------------------------------------------------------- M3 ------

const REPORTS_BIB: &str = "\
@techreport{r1, title = {Global Tuberculosis Equity Report}, author = {{World Health Organization}}, \
 institution = {World Health Organization}, address = {Geneva}, type = {Technical Report}, number = {987}, \
 series = {WHO Technical Report Series}, year = {2020}, pages = {1--120}}
@techreport{r2, title = {Report With Number No Genre}, author = {Adjei, Kwame}, institution = {Ministry of Health}, \
 address = {Accra}, number = {42}, year = {2015}}
@techreport{r3, title = {Policy brief on nursing}, author = {{Ministry of Health}}, institution = {Ministry of Health}, \
 address = {Accra}, type = {Policy Brief}, number = {7}, year = {2018}, url = {https://example.org/r3}}
@techreport{r4, title = {Report with genre no number}, author = {{WHO}}, institution = {WHO}, type = {Technical Report}, \
 year = {2016}, url = {https://example.org/r4}}
";

/// The same kinds of report from RIS (Zotero's `M3` genre, `SN` number) and
/// CSL-JSON (`genre`, `number`).
const REPORTS_RIS: &str = "TY  - RPRT\nTI  - Ris working paper\nAU  - Mensah, Kofi\nPB  - NBER\nCY  - Cambridge\n\
PY  - 2016\nM3  - Working Paper\nSN  - w123\nER  - \n";
const REPORTS_CSL: &str = r#"[{"id":"j","type":"report","title":"Json report on care","publisher":"WHO",
  "number":"WHO/HIS/15.1","genre":"Technical report","issued":{"date-parts":[[2016]]},
  "author":[{"literal":"World Health Organization"}]}]"#;

fn reports() -> Workdir {
    let w = workdir();
    w.import_reading("r.bib", REPORTS_BIB);
    w.import_reading("r.ris", REPORTS_RIS);
    w.import_reading("r.json", REPORTS_CSL);
    w
}

#[test]
fn ama_prints_a_reports_genre_and_number_after_its_year() {
    let w = reports();
    let ama = w.references("ama");
    // "pages = {1--120}" of a whole report is its extent (tester r32): no
    // page range after the year (AMA 11 cites a whole report without one).
    assert_eq!(
        reference(&ama, "Global Tuberculosis"),
        "World Health Organization. Global Tuberculosis Equity Report. WHO Technical Report Series. \
         World Health Organization; 2020. Technical Report 987."
    );
    assert_eq!(
        reference(&ama, "Report With Number"),
        "Adjei K. Report with Number No Genre. Ministry of Health; 2015. Report No. 42."
    );
    assert_eq!(
        reference(&ama, "Policy brief"),
        "Ministry of Health. Policy Brief on Nursing. Ministry of Health; 2018. Policy Brief 7. https://example.org/r3"
    );
    // A genre without a number is printed alone.
    assert_eq!(
        reference(&ama, "Report with genre"),
        "WHO. Report with Genre No Number. WHO; 2016. Technical Report. https://example.org/r4"
    );
    assert_eq!(reference(&ama, "Ris working paper"), "Mensah K. Ris Working Paper. NBER; 2016. Working Paper w123.");
    assert_eq!(
        reference(&ama, "Json report"),
        "World Health Organization. Json Report on Care. WHO; 2016. Technical report WHO/HIS/15.1."
    );
}

const MAGAZINES_RIS: &str = "\
TY  - MGZN\nTI  - The colour of medicine\nAU  - Gawande, Atul\nT2  - The New Yorker\nVL  - 95\nIS  - 12\n\
DA  - 2019/05/05\nPY  - 2019\nSP  - 34\nEP  - 41\nER  - \n\
TY  - MGZN\nTI  - A magazine without volume\nAU  - Gawande, Atul\nT2  - The New Yorker\nDA  - 2018/03/08\n\
PY  - 2018\nSP  - 20\nEP  - 22\nER  - \n\
TY  - MGZN\nTI  - A monthly magazine\nAU  - Osei, Ama\nT2  - Scientific American\nVL  - 320\nIS  - 4\n\
DA  - 2019/04\nPY  - 2019\nSP  - 50\nEP  - 55\nER  - \n";

#[test]
fn ama_keeps_a_magazines_volume_issue_and_date() {
    let w = workdir();
    w.import_reading("m.ris", MAGAZINES_RIS);
    w.import_reading(
        "c.bib",
        "@article{c, title = {Circa essay on old medicine}, author = {Owusu, Ama}, journal = {Medical History}, \
         year = {circa 1998}, pages = {1--4}}\n",
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "The colour of medicine"),
        "Gawande A. The colour of medicine. The New Yorker. May 5, 2019;95(12):34-41."
    );
    assert_eq!(
        reference(&ama, "A magazine without volume"),
        "Gawande A. A magazine without volume. The New Yorker. March 8, 2018:20-22."
    );
    assert_eq!(
        reference(&ama, "A monthly magazine"),
        "Osei A. A monthly magazine. Scientific American. April 2019;320(4):50-55."
    );
    // Circa is marked in AMA as in every other style.
    assert_eq!(reference(&ama, "Circa essay"), "Owusu A. Circa essay on old medicine. Medical History. ca 1998:1-4.");
    for (style, mark) in
        [("vancouver", "[1998?]"), ("apa", "(ca. 1998)"), ("chicago", "[1998?]"), ("harvard", "(c. 1998)")]
    {
        let refs = w.references(style);
        assert!(reference(&refs, "Circa essay").contains(mark), "{style}: {refs:?}");
    }
    // The other styles keep the magazine's volume and issue too.
    assert!(reference(&w.references("apa"), "The colour").contains("The New Yorker, 95(12), 34–41."));
    assert!(reference(&w.references("vancouver"), "The colour").contains("2019 May 5;95(12):34-41."));
}

// ---------------------------------------------------------------- M8 ------

const THESES_BIB: &str = "\
@phdthesis{t1, title = {A phd thesis on malaria}, author = {Adjei, Ama}, school = {University of Ghana}, year = {2012}, address = {Accra}}
@mastersthesis{t2, title = {A masters thesis on yaws}, author = {Boateng, Kofi}, school = {University of Ghana}, year = {2014}}
@thesis{t3, title = {A typed doctoral thesis}, author = {Darko, Yaw}, institution = {University of Ghana}, type = {phdthesis}, year = {2013}, address = {Accra}}
@thesis{t4, title = {A typed masters thesis}, author = {Darko, Efua}, institution = {University of Ghana}, type = {mathesis}, year = {2013}, url = {https://example.org/t4}}
";

/// A RIS `THES` with no type, a CSL `thesis` with its genre, and an
/// EndNote-style "Doctoral dissertation" type.
const THESES_RIS: &str = "TY  - THES\nTI  - A ris thesis on cholera\nAU  - Eshun, Kojo\nPB  - University of Cape Coast\n\
PY  - 2010\nER  - \nTY  - THES\nTI  - A ris dissertation on leprosy\nAU  - Eshun, Ama\nPB  - University of Cape Coast\n\
M3  - Doctoral dissertation\nPY  - 2011\nER  - \n";
const THESES_CSL: &str = r#"[{"id":"t","type":"thesis","title":"A json thesis on measles","genre":"PhD dissertation",
  "publisher":"Makerere University","publisher-place":"Kampala","issued":{"date-parts":[[2009]]},
  "author":[{"family":"Okello","given":"Peter"}]}]"#;

#[test]
fn a_thesis_says_what_it_is_in_every_style() {
    let w = workdir();
    w.import_reading("t.bib", THESES_BIB);
    w.import_reading("t.ris", THESES_RIS);
    w.import_reading("t.json", THESES_CSL);
    let v = w.references("vancouver");
    // Citing Medicine ch. 8: "[dissertation]", "[master's thesis]"; a place
    // the source gives is not bracketed.
    assert_eq!(
        reference(&v, "A typed doctoral"),
        "Darko Y. A typed doctoral thesis [dissertation]. Accra: University of Ghana; 2013."
    );
    assert_eq!(
        reference(&v, "A typed masters"),
        "Darko E. A typed masters thesis [master's thesis on the Internet]. [place unknown]: University of Ghana; 2013. \
         Available from: https://example.org/t4"
    );
    assert_eq!(
        reference(&v, "A json thesis"),
        "Okello P. A json thesis on measles [dissertation]. Kampala: Makerere University; 2009."
    );
    assert!(reference(&v, "A ris dissertation").contains("[dissertation]"), "{v:?}");
    // The entry type says the degree (@phdthesis, @mastersthesis: biblatex
    // manual §2.1.3); a RIS THES with no type does not: still a thesis.
    assert_eq!(
        reference(&v, "A phd thesis"),
        "Adjei A. A phd thesis on malaria [dissertation]. Accra: University of Ghana; 2012."
    );
    assert!(reference(&v, "A masters thesis").contains("[master's thesis]"), "{v:?}");
    assert!(reference(&v, "A ris thesis").contains("[thesis]"), "{v:?}");

    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "A typed doctoral"),
        "Darko, Y. (2013). A typed doctoral thesis [Doctoral dissertation, University of Ghana]."
    );
    assert_eq!(
        reference(&apa, "A typed masters"),
        "Darko, E. (2013). A typed masters thesis [Master's thesis, University of Ghana]. https://example.org/t4"
    );
    assert!(reference(&apa, "A json thesis").contains("[Doctoral dissertation, Makerere University]"), "{apa:?}");
    assert!(reference(&apa, "A phd thesis").contains("[Doctoral dissertation, University of Ghana]"), "{apa:?}");
    assert!(reference(&apa, "A masters thesis").contains("[Master's thesis, University of Ghana]"), "{apa:?}");
    assert!(reference(&apa, "A ris thesis").contains("[Thesis, University of Cape Coast]"), "{apa:?}");

    let chicago = w.references("chicago");
    assert!(
        reference(&chicago, "A typed doctoral").ends_with("“A Typed Doctoral Thesis.” PhD diss., University of Ghana.")
    );
    assert!(reference(&chicago, "A typed masters").contains("Master's thesis, University of Ghana."));
    assert!(reference(&chicago, "A json thesis").contains("PhD diss., Makerere University."), "{chicago:?}");
    assert!(reference(&chicago, "A phd thesis").contains("PhD diss., University of Ghana."), "{chicago:?}");

    let harvard = w.references("harvard");
    assert!(
        reference(&harvard, "A typed doctoral").contains("A typed doctoral thesis. PhD thesis. University of Ghana.")
    );
    assert!(reference(&harvard, "A typed masters").contains("Master's thesis. University of Ghana."));
    assert!(reference(&harvard, "A phd thesis").contains("PhD thesis. University of Ghana."), "{harvard:?}");

    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "A typed doctoral"),
        "Darko Y. A Typed Doctoral Thesis. Dissertation. University of Ghana; 2013."
    );
    assert!(reference(&ama, "A typed masters").contains("Master's thesis. University of Ghana; 2013."), "{ama:?}");
    assert!(reference(&ama, "A phd thesis").contains("Dissertation. University of Ghana; 2012."), "{ama:?}");
}

// ---------------------------------------------------------------- M9 ------

/// tester 12c's samey.bib: Jane Osei alone and with co-authors, Joseph
/// Osei alone, Kwame Osei alone, all in 2020.
const SAMEY: &str = "\
@article{s1, title = {Solo work}, journal = {Medical History}, author = {Osei, Jane}, year = {2020}}
@article{s2, title = {Another person same surname}, journal = {Medical History}, author = {Osei, Kwame}, year = {2020}}
@article{s3, title = {With coauthor A}, journal = {Medical History}, author = {Osei, Jane and Adjei, Kwame}, year = {2020}}
@article{s4, title = {With coauthor B}, journal = {Medical History}, author = {Osei, Jane and Boateng, Ama}, year = {2020}}
@article{s5, title = {Four authors one}, journal = {Medical History}, author = {Osei, Jane and Adjei, Kwame and Boateng, Ama and Darko, Yaw}, year = {2020}}
@article{s6, title = {Four authors two}, journal = {Medical History}, author = {Osei, Jane and Adjei, Kwame and Boateng, Ama and Mensah, Kofi}, year = {2020}}
@article{s7, title = {Same initials different given}, journal = {Medical History}, author = {Osei, Joseph}, year = {2020}}
";

/// Where each of `titles` stands in the text of the report made in `style`
/// (its reference list, in the style's order).
fn order_in_pdf(w: &Workdir, style: &str, titles: &[&str]) -> Vec<usize> {
    let out = w.path(&format!("o-{style}.pdf"));
    w.ok(&["report", out.to_str().unwrap(), "--style", style, "-q"]);
    let text = common::pdf_text(&out).join("\n");
    titles.iter().map(|t| text.find(t).unwrap_or_else(|| panic!("{t:?} is not in the {style} PDF:\n{text}"))).collect()
}

#[test]
fn two_authors_with_the_same_surname_and_initials_are_two_authors() {
    let w = workdir();
    w.import_reading("samey.bib", SAMEY);
    let apa = w.references("apa");
    // Told apart by their given names, not lettered as one author's works.
    assert_eq!(reference(&apa, "Solo work"), "Osei, J. [Jane]. (2020). Solo work. Medical History.");
    assert_eq!(
        reference(&apa, "Same initials"),
        "Osei, J. [Joseph]. (2020). Same initials different given. Medical History."
    );
    assert_eq!(
        reference(&apa, "With coauthor A"),
        "Osei, J. [Jane], & Adjei, K. (2020). With coauthor A. Medical History."
    );
    // Kwame Osei's initial is his own: no brackets.
    assert_eq!(reference(&apa, "Another person"), "Osei, K. (2020). Another person same surname. Medical History.");
    assert!(apa.values().all(|r| !r.contains("2020a") && !r.contains("2020b")), "{apa:?}");
    // APA 7 §9.46: Jane's one-author work, then her works with others; then
    // Joseph's (J-a-n before J-o-s); then Kwame's.
    let at = order_in_pdf(
        &w,
        "apa",
        &["Solo work", "With coauthor A", "With coauthor B", "Same initials different given", "Another person same"],
    );
    assert!(at.windows(2).all(|p| p[0] < p[1]), "{at:?}");

    // Harvard prints the same "Osei, J. (2020)" for both, and cites both
    // "(Osei, 2020)": one label, lettered in title order (CSL 1.0.2,
    // "Disambiguation"; Cite Them Right). Changed on purpose (tester r49
    // F7): they were left without letters, two identical labels.
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "Same initials"),
        "Osei, J. (2020a) ‘Same initials different given’, Medical History."
    );
    assert_eq!(reference(&harvard, "Solo work"), "Osei, J. (2020b) ‘Solo work’, Medical History.");
    assert!(reference(&harvard, "Four authors one").contains("(2020a)"), "{harvard:?}");
    assert!(reference(&harvard, "Four authors two").contains("(2020b)"), "{harvard:?}");
}

/// One author whose given names are stored in two forms that print alike
/// ("Kofi A." and "K. A.") is still one author: lettered.
#[test]
fn one_author_written_two_ways_is_still_lettered() {
    let w = workdir();
    w.import_reading(
        "k.bib",
        "@article{a, title = {Alpha work}, journal = {Medical History}, author = {Mensah, Kofi A.}, year = {2019}}\n\
         @article{b, title = {Beta work}, journal = {Medical History}, author = {Mensah, K. A.}, year = {2019}}\n",
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Alpha work"), "Mensah, K. A. (2019a). Alpha work. Medical History.");
    assert_eq!(reference(&apa, "Beta work"), "Mensah, K. A. (2019b). Beta work. Medical History.");
}

// ------------------------------------------------------- APA series, L7 ---

#[test]
fn apa_numbers_a_report_in_its_series() {
    let w = reports();
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Global Tuberculosis"),
        // (The whole report's "1--120" is its extent, not a range to cite:
        // APA 7 §10.4 cites a whole report without pages; tester r32.)
        "World Health Organization. (2020). Global Tuberculosis Equity Report (WHO Technical Report Series No. 987)."
    );
    // A genre of its own, not the series' name, stays with its number.
    let w2 = workdir();
    w2.import_reading(
        "s.bib",
        "@techreport{t, author = {{Ministry of Health}}, title = {Bib report on nursing}, institution = {Ministry of Health}, \
         address = {Accra}, type = {Policy Brief}, number = {7}, series = {Ghana Health Reports}, year = {2017}}\n",
    );
    let apa2 = w2.references("apa");
    assert!(reference(&apa2, "Bib report").contains("(Policy Brief No. 7; Ghana Health Reports)"), "{apa2:?}");
}

#[test]
fn apa_capitalises_a_subtitle() {
    let w = workdir();
    w.import_reading(
        "c.bib",
        "@article{a, title = {Race-based correction in spirometry: a critical review}, author = {Mensah, Kofi}, \
         journal = {Medical History}, volume = {5}, pages = {1--9}, year = {2019}}\n\
         @article{b, title = {Vaccines: mRNA and the clinic? a question}, author = {Adjei, Ama}, \
         journal = {Medical History}, volume = {5}, year = {2019}}\n\
         @article{c, title = {Race Correction in Spirometry: A Critical Review}, author = {Osei, Ama}, \
         journal = {Medical History}, volume = {5}, year = {2019}}\n\
         @incollection{d, title = {A chapter}, booktitle = {Colonial medicine: a reader}, author = {Boateng, Ama}, \
         editor = {Darko, Yaw}, publisher = {Pub}, pages = {1--10}, year = {2019}}\n",
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Race-based").contains("Race-based correction in spirometry: A critical review."),
        "{apa:?}"
    );
    // A word with its own case keeps it; after a question mark too.
    assert!(reference(&apa, "Vaccines").contains("Vaccines: mRNA and the clinic? A question."), "{apa:?}");
    // A title stored in title case stays so.
    assert!(
        reference(&apa, "Race Correction").contains("Race Correction in Spirometry: A Critical Review."),
        "{apa:?}"
    );
    // A chapter's book title too.
    assert!(reference(&apa, "A chapter").contains("Colonial medicine: A reader"), "{apa:?}");
    // Citing Medicine keeps the subtitle in lower case.
    let v = w.references("vancouver");
    assert!(reference(&v, "Race-based").contains("spirometry: a critical review."), "{v:?}");
}

// ---------------------------------------------------------------- L4 ------

#[test]
fn citing_medicine_prints_a_reports_genre_once_and_as_it_writes_it() {
    let w = reports();
    w.import_reading(
        "l.bib",
        "@article{l, title = {A letter on bias}, author = {Owusu, Kwame}, journal = {Lancet}, volume = {395}, \
         pages = {10}, year = {2020}, type = {Letter}}\n",
    );
    let v = w.references("vancouver");
    // The genre once, with the number; a whole report's extent "120 p.".
    assert_eq!(
        reference(&v, "Global Tuberculosis"),
        "World Health Organization. Global Tuberculosis Equity Report. Geneva: World Health Organization; 2020. \
         120 p. (WHO Technical Report Series). Technical Report No.: 987."
    );
    // "No.:" with its capital whatever the genre; one bracket with the Internet.
    assert_eq!(
        reference(&v, "Policy brief"),
        "Ministry of Health. Policy brief on nursing [Internet]. Accra: Ministry of Health; 2018. Policy Brief No.: 7. \
         Available from: https://example.org/r3"
    );
    assert_eq!(
        reference(&v, "Report with genre"),
        "WHO. Report with genre no number [technical report on the Internet]. [place unknown]: WHO; 2016. \
         Available from: https://example.org/r4"
    );
    assert_eq!(
        reference(&v, "Report With Number"),
        "Adjei K. Report With Number No Genre. Accra: Ministry of Health; 2015. Report No.: 42."
    );
    assert!(reference(&v, "Ris working paper").contains("Working Paper No.: w123."), "{v:?}");
    // "[letter]", as Citing Medicine writes it.
    assert_eq!(reference(&v, "A letter on bias"), "Owusu K. A letter on bias [letter]. Lancet. 2020;395:10.");
    for r in v.values() {
        assert!(!r.contains("no.:") && !r.contains("] ["), "{r}");
    }
}

/// A report in a series without a genre keeps the style's "(Report No. …;
/// Series)": its number may be a document code, not the series' number.
#[test]
fn apa_keeps_a_document_code_apart_from_the_series() {
    let w = workdir();
    w.import_reading(
        "r.ris",
        "TY  - RPRT\nTI  - Ris report on ageing\nAU  - World Health Organization\nT2  - WHO Technical Report Series\n\
         CY  - Geneva\nPY  - 2015\nSN  - WHO/FWC/ALC/15.01\nPB  - World Health Organization\nER  - \n",
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Ris report").contains("(Report No. WHO/FWC/ALC/15.01; WHO Technical Report Series)"),
        "{apa:?}"
    );
}
