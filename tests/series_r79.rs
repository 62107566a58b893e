//! Testers r79/r80: a work's series and its number in it, read alike by
//! every importer and printed alike for a book and its parts.
mod common;
use common::*;

const TRS: &str = "PMID- 55555555\nSTAT- MEDLINE\nVI  - 10\nDP  - 1993\nTI  - Tuberculosis control in colonial Africa.\n\
PG  - 1-134\nCN  - WHO Study Group on Tuberculosis\nLA  - eng\nPT  - Technical Report\nTA  - World Health Organ Tech Rep Ser\n\
JT  - World Health Organization technical report series\nSO  - World Health Organ Tech Rep Ser. 1993;10:1-134.\n";

/// F1: a MEDLINE technical report's "journal" is its series, `VI` its number.
#[test]
fn a_medline_technical_report_is_numbered_in_its_series() {
    let w = Workdir::new();
    let err = w.import_reading("who-trs.nbib", TRS);
    assert!(err.contains("MEDLINE TA (the series' abbreviation, \"World Health Organ Tech Rep Ser\""), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Tuberculosis control");
    assert_eq!(r["type"], "report");
    assert_eq!(r["series"], "World Health Organization technical report series");
    assert_eq!(r["series_number"], "10");
    assert_eq!(r["container"], serde_json::Value::Null);
    assert_eq!(r["volume"], serde_json::Value::Null);
    assert_eq!(r["page_count"], "134");
    assert_eq!(
        reference(&w.references("vancouver"), "Tuberculosis"),
        "WHO Study Group on Tuberculosis. Tuberculosis control in colonial Africa. [place unknown]: [publisher unknown]; \
         1993. 134 p. (World Health Organization technical report series; no. 10). PubMed PMID: 55555555."
    );
    assert_eq!(
        reference(&w.references("harvard"), "Tuberculosis"),
        "WHO Study Group on Tuberculosis (1993) Tuberculosis control in colonial Africa (World Health Organization \
         technical report series, 10)."
    );
    for style in ["apa", "chicago", "ama"] {
        let t = w.references(style)["Tuberculosis control in colonial Africa"].clone();
        assert!(!t.contains("Vol"), "{style}: {t}");
        assert!(t.contains("10"), "{style}: {t}");
    }
}

/// F1, the same kind: a journal named a series of reports, with only its
/// abbreviation (`TA`), is the series too; a guideline in a journal keeps
/// its journal.
#[test]
fn a_report_series_by_abbreviation_and_a_guideline_in_a_journal() {
    let w = Workdir::new();
    w.import_reading(
        "r.nbib",
        "PMID- 55555556\nDP  - 2001\nTI  - Malaria vector control.\nVI  - 901\nCN  - WHO Expert Committee\nPT  - Guideline\n\
         TA  - World Health Organ Tech Rep Ser\n\n\
         PMID- 55555557\nDP  - 2019\nTI  - Guideline on hypertension.\nVI  - 140\nIP  - 3\nPG  - 12-20\nFAU - Osei, Ama\nAU  - Osei A\n\
         PT  - Practice Guideline\nPT  - Journal Article\nTA  - Circulation\nJT  - Circulation\n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Malaria vector");
    assert_eq!(r["series"], "World Health Organ Tech Rep Ser");
    assert_eq!(r["series_number"], "901");
    assert_eq!(r["volume"], serde_json::Value::Null);
    let g = reading(&list, "Guideline on hypertension");
    assert_eq!(g["container"], "Circulation");
    assert_eq!(g["volume"], "140");
    assert_eq!(g["series"], serde_json::Value::Null);
}

/// F2: MEDLINE `CTI` is the series, never "no field for them".
#[test]
fn a_medline_collection_title_is_the_series() {
    let w = Workdir::new();
    let err = w.import_reading(
        "bookshelf.nbib",
        "PMID- 60000003\nSTAT- Publisher\nDP  - 2011\nTI  - Race and ethnicity in clinical research.\n\
         BTI - Clinical Research Ethics: A Primer\nFED - Okafor, Ngozi\nED  - Okafor N\nFAU - Ahmed, Fatima\nAU  - Ahmed F\n\
         LA  - eng\nPT  - Review\nPT  - Book Chapter\nPB  - National Academies Press (US)\nPL  - Washington (DC)\n\
         ISBN- 9780309157483\nCTI - The National Academies Collection: Reports funded by National Institutes of Health\n\n\
         PMID- 60000004\nDP  - 2012\nTI  - Health equity primer.\nFAU - Mensah, Kofi\nAU  - Mensah K\nPT  - Book\n\
         PB  - National Academies Press (US)\nPL  - Washington (DC)\nCTI - The National Academies Collection\n",
    );
    assert!(!err.contains("CTI"), "{err}");
    let list = w.reading_list();
    let series = "The National Academies Collection: Reports funded by National Institutes of Health";
    assert_eq!(reading(&list, "Race and ethnicity")["series"], series);
    assert_eq!(reading(&list, "Health equity primer")["series"], "The National Academies Collection");
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Race and ethnicity"),
        "Ahmed F. Race and ethnicity in clinical research. In: Okafor N, editor. Clinical Research Ethics: A Primer. \
         Washington (DC): National Academies Press (US); 2011. (The National Academies Collection: Reports funded by \
         National Institutes of Health). PubMed PMID: 60000003."
    );
    assert!(reference(&v, "Health equity").contains("(The National Academies Collection)"), "{v:?}");
}

const REP: &str = "title,authors,year,type,publisher,place,issue,series\n\
Tackling structural racism and ethnicity-based discrimination in health,World Health Organization,2024,report,\
World Health Organization,Geneva,1045,WHO Technical Report Series\n\
Policy options for equity,Ministry of Health,2020,report,Ministry of Health,Accra,7,\n";

fn dependent(lang: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" \
         default-locale=\"{lang}\">\n  <info><title>APA {lang}</title><id>http://www.zotero.org/styles/apa-x</id>\n    \
         <link href=\"http://www.zotero.org/styles/apa\" rel=\"independent-parent\"/><updated>2024-01-01T00:00:00+00:00\
         </updated></info>\n</style>\n"
    )
}

/// F8: no English "Report No." before the locale's own label.
#[test]
fn a_report_number_is_labelled_in_the_styles_locale_only() {
    let w = Workdir::new();
    w.import_reading("rep.csv", REP);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Tackling")["genre"], serde_json::Value::Null);
    w.write("apa-de.csl", dependent("de-DE"));
    w.write("apa-fr.csl", dependent("fr-FR"));
    let title = "Tackling structural racism and ethnicity-based discrimination in health";
    let de = w.references(w.path("apa-de.csl").to_str().unwrap());
    assert_eq!(
        reference(&de, "Tackling"),
        format!("World Health Organization. (2024). {title} (Nr. 1045; WHO Technical Report Series).")
    );
    let fr = w.references(w.path("apa-fr.csl").to_str().unwrap());
    assert_eq!(
        reference(&fr, "Tackling"),
        format!("World Health Organization. (2024). {title} (Nᵒ 1045; WHO Technical Report Series).")
    );
    assert!(!reference(&de, "Policy options").contains("Report No"), "{de:?}");
    let en = w.references("apa");
    assert_eq!(
        reference(&en, "Tackling"),
        format!("World Health Organization. (2024). {title} (Report No. 1045; WHO Technical Report Series).")
    );
}

/// F8, the same kind: a report's own genre is not given an English "No." in
/// another locale.
#[test]
fn a_report_genre_is_not_labelled_in_english_in_another_locale() {
    let w = Workdir::new();
    w.import_reading(
        "g.csv",
        "title,authors,year,type,publisher,place,issue,genre\n\
         Solid facts,Ministry of Health,2020,report,Ministry of Health,Accra,7,Policy Brief\n",
    );
    w.write("apa-de.csl", dependent("de-DE"));
    let de = w.references(w.path("apa-de.csl").to_str().unwrap());
    let t = reference(&de, "Solid facts");
    assert!(!t.contains("No."), "{t}");
    assert!(t.contains("Policy Brief Nr. 7"), "{t}");
    assert!(reference(&w.references("apa"), "Solid facts").contains("(Policy Brief No. 7)"));
}

const PROCS: &str = "@inproceedings{child2,\n  author = {Lind, T. R.},\n  title = {Race in pharmacology teaching},\n  \
crossref = {procs},\n  year = {2020},\n  pages = {21--30}\n}\n\
@proceedings{procs,\n  editor = {Mensah, Jr., Kofi A.},\n  title = {Proceedings of the Decolonising Medicine Conference},\n  \
booktitle = {Proceedings of the Decolonising Medicine Conference},\n  year = {2019},\n  publisher = {Springer},\n  \
address = {Cham},\n  series = {Lecture Notes in Medical Education},\n  volume = {7}\n}\n";

/// F4: a BibTeX volume beside a series is the book's number in the series,
/// printed as such, never "Vol. 7" of a set; proceedings are not their own
/// container.
#[test]
fn a_bibtex_volume_in_a_series_is_the_number_in_the_series() {
    let w = Workdir::new();
    w.import_reading("x.bib", PROCS);
    let list = w.reading_list();
    let p = reading(&list, "Proceedings of the Decolonising");
    assert_eq!(p["volume"], serde_json::Value::Null);
    assert_eq!(p["issue"], "7");
    assert_eq!(p["container"], serde_json::Value::Null);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Proceedings of the Decolonising"),
        "Mensah KA Jr, editor. Proceedings of the Decolonising Medicine Conference. Cham: Springer; 2019. \
         (Lecture Notes in Medical Education; no. 7)."
    );
    // r85 (tester F7): the paper prints its proceedings' number as its
    // proceedings do ("vol. 7" beside "no. 7" named one number two ways).
    assert!(reference(&v, "Race in pharmacology").ends_with("(Lecture Notes in Medical Education; no. 7)."), "{v:?}");
    let h = w.references("harvard");
    assert_eq!(
        reference(&h, "Proceedings of the Decolonising"),
        "Mensah, K.A., Jr. (ed.) (2019) Proceedings of the Decolonising Medicine Conference. Cham: Springer \
         (Lecture Notes in Medical Education, 7)."
    );
    for style in ["vancouver", "harvard", "chicago"] {
        let refs = w.references(style);
        assert!(!refs["Proceedings of the Decolonising Medicine Conference"].contains("Vol. 7"), "{style}: {refs:?}");
    }
}

const ZOT_BIB: &str = "@book{farmer2013,\n  editor = {Farmer, Paul and Kim, Jim Yong and Kleinman, Arthur and Basilico, Matthew},\n  \
title = {Reimagining Global Health: An Introduction},\n  publisher = {University of California Press},\n  \
address = {Berkeley},\n  year = {2013},\n  series = {California Series in Public Anthropology},\n  volume = {26},\n  \
edition = {Second},\n  isbn = {9780520271975}\n}\n\
@incollection{basilico2013,\n  author = {Basilico, Matthew and Weigel, Jonathan and Motgi, Anjali},\n  \
title = {Health for All? Competing Theories and Geopolitics},\n  crossref = {farmer2013},\n  pages = {74--110}\n}\n\
@book{set,\n  author = {Needham, Joseph},\n  title = {Science and civilisation in China},\n  volume = {5},\n  \
publisher = {Cambridge University Press},\n  address = {Cambridge},\n  year = {1974}\n}\n";

/// F4 and F7: the book, its chapter and the same book from Zotero's CSV
/// cite one number in the series, and merge into one value.
#[test]
fn a_series_number_from_bibtex_and_zotero_is_one_number() {
    let w = Workdir::new();
    w.import_reading(
        "zotero.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Series\",\"Series Number\",\"Publisher\",\"Place\",\"Edition\",\"Editor\",\"ISBN\"\n\
         \"A1\",\"book\",\"2013\",\"\",\"Reimagining global health: an introduction\",\"California series in public anthropology\",\"26\",\
         \"University of California Press\",\"Berkeley\",\"2\",\"Farmer, Paul; Kim, Jim Yong; Kleinman, Arthur; Basilico, Matthew\",\"9780520271975\"\n",
    );
    w.import_reading("zot.bib", ZOT_BIB);
    let list = w.reading_list();
    let b = reading(&list, "Reimagining global health");
    assert_eq!(b["issue"], "26");
    assert_eq!(b["volume"], serde_json::Value::Null);
    // A volume with no series stays a volume.
    assert_eq!(reading(&list, "Science and civilisation")["volume"], "5");
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Reimagining global health"),
        "Farmer P, Kim JY, Kleinman A, Basilico M, editors. Reimagining global health: an introduction. 2nd ed. \
         Berkeley: University of California Press; 2013. (California Series in Public Anthropology; no. 26)."
    );
    assert_eq!(
        reference(&v, "Health for All"),
        "Basilico M, Weigel J, Motgi A. Health for All? Competing Theories and Geopolitics. In: Farmer P, Kim JY, \
         Kleinman A, Basilico M, editors. Reimagining Global Health: An Introduction. 2nd ed. Berkeley: University of \
         California Press; 2013. p. 74-110. (California Series in Public Anthropology; no. 26)."
    );
    let c = w.references("chicago");
    assert!(reference(&c, "Health for All").contains("California Series in Public Anthropology 26."), "{c:?}");
    assert!(!reference(&c, "Health for All").contains("vol. 26"), "{c:?}");
    let h = w.references("harvard");
    assert!(reference(&h, "Health for All").contains("(California Series in Public Anthropology, 26), pp. 74–110."));
}
