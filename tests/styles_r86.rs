//! Lead s86 (issue 12, "every printed reference true"): worded editions
//! in every bundled style, a report's number in its series in APA, a
//! thesis's series in every style that prints a book's, and words with
//! their own capitals (mRNA, iPhone, eLife, HbA1c) under title case in
//! titles, books, series and journals.

mod common;
use common::*;

/// Books with a numbered edition, worded ones, one abbreviated, and one in
/// French, as CSL-JSON.
const EDITIONS: &str = r#"[
{"id":"e1","type":"book","title":"Edition two","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2011]]},"edition":"2"},
{"id":"e2","type":"book","title":"Edition revised","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2005]]},"edition":"Revised"},
{"id":"e3","type":"book","title":"Edition third rev","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2009]]},"edition":"3rd rev."},
{"id":"e4","type":"book","title":"Edition nouvelle","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2008]]},"edition":"Nouvelle édition"},
{"id":"e5","type":"book","title":"Edition twentyfirst","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2012]]},"edition":"21"},
{"id":"e6","type":"book","title":"Edition expanded","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2013]]},"edition":"Expanded"}
]"#;

fn editions() -> Workdir {
    let w = Workdir::new();
    w.import_reading("ed.json", EDITIONS);
    w
}

/// Every bundled style's name (hayagriva 0.10's archive) but `alphanumeric`,
/// which has no bibliography.
const BUNDLED: &[&str] = &[
    "american-anthropological-association",
    "american-chemical-society",
    "american-geophysical-union",
    "american-institute-of-aeronautics-and-astronautics",
    "american-institute-of-physics",
    "american-medical-association",
    "american-meteorological-society",
    "american-physics-society",
    "american-physiological-society",
    "american-political-science-association",
    "american-psychological-association",
    "american-society-for-microbiology",
    "american-society-of-civil-engineers",
    "american-society-of-mechanical-engineers",
    "american-sociological-association",
    "angewandte-chemie",
    "annual-reviews",
    "annual-reviews-author-date",
    "associacao-brasileira-de-normas-tecnicas",
    "association-for-computing-machinery",
    "biomed-central",
    "bristol-university-press",
    "british-medical-journal",
    "cell",
    "chicago-author-date",
    "chicago-notes",
    "chicago-fullnotes",
    "chicago-shortened-notes",
    "copernicus",
    "cse-citation-sequence-brackets-8th-edition",
    "council-of-science-editors",
    "cse-name-year",
    "current-opinion",
    "deutsche-sprache",
    "elsevier-harvard",
    "elsevier-vancouver",
    "elsevier-with-titles",
    "frontiers",
    "future-medicine",
    "future-science",
    "gb-7714-2005-numeric",
    "gb-7714-2015-author-date",
    "gb-7714-2015-note",
    "gb-7714-2015-numeric",
    "gost-r-705-2008-numeric",
    "harvard-cite-them-right",
    "ieee",
    "institute-of-physics-numeric",
    "iso-690-author-date",
    "iso-690-numeric",
    "karger",
    "mary-ann-liebert-vancouver",
    "modern-humanities-research-association-notes",
    "modern-humanities-research-association",
    "modern-language-association",
    "modern-language-association-8",
    "multidisciplinary-digital-publishing-institute",
    "nature",
    "nlm-citation-sequence",
    "nlm-citation-sequence-superscript",
    "pensoft",
    "public-library-of-science",
    "royal-society-of-chemistry",
    "sage-vancouver",
    "sist02",
    "spie",
    "springer-basic",
    "springer-basic-author-date",
    "springer-fachzeitschriften-medizin-psychologie",
    "springer-humanities-author-date",
    "springer-lecture-notes-in-computer-science",
    "vancouver",
    "apa",
    "harvard",
    "chicago",
    "ama",
];

/// The word a reference prints after "2nd" ("ed.", "edn", "edition",
/// "Edn."), if a word follows it.
fn word_after_second(reference: &str) -> Option<String> {
    let at = reference.find("2nd ")? + 4;
    let word: String = reference[at..].chars().take_while(|c| c.is_alphabetic() || *c == '.').collect();
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(w.as_str(), "ed" | "edn" | "edition").then_some(word)
}

#[test]
fn every_bundled_style_that_labels_a_numbered_edition_labels_a_worded_one() {
    let w = editions();
    let mut checked = 0;
    for style in BUNDLED {
        let refs = w.references(style);
        let Some(word) = word_after_second(reference(&refs, "Edition two")) else { continue };
        let bare = word.trim_end_matches('.').to_lowercase();
        checked += 1;
        let third = reference(&refs, "Edition third rev");
        assert!(
            third.contains(&format!("3rd rev. {bare}")) || third.contains(&format!("3rd rev. {word}")),
            "{style}: {third}"
        );
        let revised = reference(&refs, "Edition revised");
        let labelled =
            ["Rev. ", "Revised "].iter().any(|r| revised.to_lowercase().contains(&format!("{r}{bare}").to_lowercase()));
        assert!(labelled, "{style}: {revised}");
        let expanded = reference(&refs, "Edition expanded");
        assert!(expanded.to_lowercase().contains(&format!("expanded {bare}")), "{style}: {expanded}");
        // The French edition is English with one word for edition, never two.
        let new = reference(&refs, "Edition nouvelle");
        assert!(new.contains("New ed") || new.contains("New Edition"), "{style}: {new}");
        for doubled in ["ed. ed", "ed. edn", "ed. Edition", "ed. edition", "ed. Edn"] {
            assert!(!new.contains(doubled) && !revised.contains(doubled) && !third.contains(doubled), "{style}: {new}");
        }
    }
    // Most of the 79 label a numbered edition (the others print a number alone, or none).
    assert!(checked >= 50, "{checked}");
}

#[test]
fn worded_editions_in_other_bundled_styles_print_as_their_manuals_do() {
    let w = editions();
    let cases: &[(&str, &str, &str)] = &[
        (
            "american-chemical-society",
            "Edition revised",
            "Fanon, F. Edition Revised, Rev. ed.; Grove Press: New York, 2005.",
        ),
        (
            "american-chemical-society",
            "Edition third rev",
            "Fanon, F. Edition Third Rev, 3rd rev. ed.; Grove Press: New York, 2009.",
        ),
        ("american-chemical-society", "Edition two", "Fanon, F. Edition Two, 2nd ed.; Grove Press: New York, 2011."),
        // IEEE sets a book's (italic) title in title case (h-F, r108: IEEE Reference Guide, books).
        ("ieee", "Edition revised", "F. Fanon, Edition Revised, Rev. ed. New York: Grove Press, 2005."),
        ("ieee", "Edition third rev", "F. Fanon, Edition Third Rev, 3rd rev. ed. New York: Grove Press, 2009."),
        ("ieee", "Edition expanded", "F. Fanon, Edition Expanded, Expanded ed. New York: Grove Press, 2013."),
        ("ieee", "Edition twentyfirst", "F. Fanon, Edition Twentyfirst, 21st ed. New York: Grove Press, 2012."),
        ("bmj", "Edition revised", "Fanon F. Edition revised. Rev. edn. New York: Grove Press 2005."),
        ("bmj", "Edition third rev", "Fanon F. Edition third rev. 3rd rev. edn. New York: Grove Press 2009."),
        ("bristol-university-press", "Edition revised", "Fanon, F. (2005) Edition revised. Rev. edn, Grove Press."),
        (
            "bristol-university-press",
            "Edition expanded",
            "Fanon, F. (2013) Edition expanded. Expanded edn, Grove Press.",
        ),
        (
            "american-psychological-association",
            "Edition revised",
            "Fanon, F. (2005). Edition revised (Rev. ed.). Grove Press.",
        ),
        (
            "american-psychological-association",
            "Edition third rev",
            "Fanon, F. (2009). Edition third rev (3rd rev. ed.). Grove Press.",
        ),
        (
            "modern-language-association",
            "Edition revised",
            "Fanon, Frantz. Edition Revised. Rev. ed., Grove Press, 2005.",
        ),
        (
            "biomed-central",
            "Edition revised",
            "Fanon F. Edition revised. Revised edition. New York: Grove Press; 2005.",
        ),
        // A style that labels every edition itself keeps its word, once.
        (
            "future-medicine",
            "Edition nouvelle",
            "Fanon F. Edition nouvelle. (New Edition). Grove Press, New York (2008).",
        ),
        (
            "future-medicine",
            "Edition revised",
            "Fanon F. Edition revised. (Revised Edition). Grove Press, New York (2005).",
        ),
        // One that labels no edition is left as it is.
        (
            "iso-690-author-date",
            "Edition revised",
            "FANON, Frantz, 2005. Edition revised. Revised. New York: Grove Press.",
        ),
        // Canon's named styles as before.
        ("apa", "Edition revised", "Fanon, F. (2005). Edition revised (Rev. ed.). Grove Press."),
        ("vancouver", "Edition third rev", "Fanon F. Edition third rev. 3rd rev. ed. New York: Grove Press; 2009."),
    ];
    let mut by_style = std::collections::HashMap::new();
    for (style, title, expected) in cases {
        let refs = by_style.entry(*style).or_insert_with(|| w.references(style));
        // (A numbered style's list number is the reading's place in its list.)
        let got = reference(refs, title).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        assert_eq!(got, *expected, "{style}");
    }
}

/// A `.csl` file that labels a numbered edition with its locale's word and
/// prints any other edition as written.
const EDN_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>My Journal edn</title><id>my-journal-edn</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <names variable="author" suffix=". "><name initialize-with="" name-as-sort-order="all" sort-separator=" " delimiter=", "/></names>
      <text variable="title" suffix=", "/>
      <choose><if is-numeric="edition"><group delimiter=" " suffix=", "><number variable="edition" form="ordinal"/><text term="edition" form="short"/></group></if><else><text variable="edition" suffix=", "/></else></choose>
      <text variable="publisher" suffix=" "/><date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date><text value="."/>
    </layout>
  </bibliography>
</style>
"#;

#[test]
fn a_csl_file_gets_its_own_word_after_a_worded_edition() {
    let w = editions();
    let csl = w.write("edn.csl", EDN_CSL);
    let refs = w.references(csl.to_str().unwrap());
    assert_eq!(reference(&refs, "Edition two"), "Fanon F. Edition two, 2nd edn, Grove Press (2011).");
    assert_eq!(reference(&refs, "Edition revised"), "Fanon F. Edition revised, Rev. edn, Grove Press (2005).");
    assert_eq!(reference(&refs, "Edition third rev"), "Fanon F. Edition third rev, 3rd rev. edn, Grove Press (2009).");
    assert_eq!(reference(&refs, "Edition expanded"), "Fanon F. Edition expanded, Expanded edn, Grove Press (2013).");
    // The stored editions are as written.
    let list = w.reading_list();
    assert_eq!(reading(&list, "Edition revised")["edition"], "Revised");
    assert_eq!(reading(&list, "Edition third rev")["edition"], "3rd rev.");
    assert_eq!(reading(&list, "Edition nouvelle")["edition"], "Nouvelle édition");
}

/// Reports with a number, in a series with a number, or both.
const REPORTS: &str = r#"[
{"id":"r1","type":"report","title":"Report with number","author":[{"family":"Osei","given":"Jane"}],"publisher":"WHO","publisher-place":"Geneva","issued":{"date-parts":[[2019]]},"number":"123","genre":"Technical report"},
{"id":"r2","type":"report","title":"Report in series","author":[{"family":"Mensah","given":"Ama"}],"publisher":"WHO","publisher-place":"Geneva","issued":{"date-parts":[[2019]]},"number":"5","collection-title":"Working Papers in Global Health","collection-number":"7"},
{"id":"r3","type":"report","title":"Report series number only","author":[{"family":"Boateng","given":"Yaw"}],"publisher":"World Bank","publisher-place":"Washington, DC","issued":{"date-parts":[[2019]]},"collection-title":"Policy Research Working Paper","collection-number":"8937"},
{"id":"r4","type":"report","title":"Report plain number","author":[{"family":"Owusu","given":"Esi"}],"publisher":"NCES","issued":{"date-parts":[[2018]]},"number":"42"},
{"id":"r5","type":"report","title":"Report series alone","author":[{"family":"Asante","given":"Kojo"}],"publisher":"WHO","issued":{"date-parts":[[2017]]},"collection-title":"WHO Technical Report Series"},
{"id":"r6","type":"report","title":"Report in mHealth series","author":[{"family":"Darko","given":"Kojo"}],"publisher":"WHO","issued":{"date-parts":[[2016]]},"collection-title":"mHealth reports","collection-number":"12"}
]"#;

#[test]
fn apa_labels_a_reports_number_in_its_series() {
    let w = Workdir::new();
    w.import_reading("reports.json", REPORTS);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Report in series")["series_number"], "7");
    assert_eq!(reading(&list, "Report in series")["issue"], "5");
    assert_eq!(reading(&list, "Report series number only")["series_number"], "8937");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Report in series"),
        "Mensah, A. (2019). Report in series (Report No. 5; Working Papers in Global Health No. 7). WHO."
    );
    assert_eq!(
        reference(&apa, "Report series number only"),
        "Boateng, Y. (2019). Report series number only (Policy Research Working Paper No. 8937). World Bank."
    );
    assert_eq!(
        reference(&apa, "Report with number"),
        "Osei, J. (2019). Report with number (Technical Report No. 123). WHO."
    );
    assert_eq!(reference(&apa, "Report plain number"), "Owusu, E. (2018). Report plain number (Report No. 42). NCES.");
    assert_eq!(
        reference(&apa, "Report series alone"),
        "Asante, K. (2017). Report series alone (WHO Technical Report Series). WHO."
    );
    assert_eq!(
        reference(&apa, "Report in mHealth"),
        "Darko, K. (2016). Report in mHealth series (mHealth Reports No. 12). WHO."
    );
    // The other styles keep their own forms: Harvard ", 7", Chicago " 7", AMA and Vancouver "no. 7".
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "Report in series"),
        "Mensah, A. (2019) Report in series. Report No. 5. Geneva: WHO (Working Papers in Global Health, 7)."
    );
    assert_eq!(
        reference(&harvard, "Report series number only"),
        "Boateng, Y. (2019) Report series number only. Washington, DC: World Bank (Policy Research Working Paper, 8937)."
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Report in series"),
        "Mensah, Ama. 2019. Report in Series. Report No. 5. Working Papers in Global Health 7. WHO."
    );
    assert_eq!(
        reference(&chicago, "Report in mHealth"),
        "Darko, Kojo. 2016. Report in mHealth Series. mHealth Reports 12. WHO."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Report in series"),
        "Mensah A. Report in Series. Working Papers in Global Health no. 7. WHO; 2019. Report No. 5."
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Report series number only"),
        "Boateng Y. Report series number only. Washington (DC): World Bank; 2019. (Policy Research Working Paper; no. 8937)."
    );
}

/// Theses in a series, numbered or not, with and without a university.
const THESES: &str = r#"[
{"id":"th1","type":"thesis","title":"Thesis with series","author":[{"family":"Adu","given":"Kofi"}],"publisher":"University of Ghana","publisher-place":"Accra","issued":{"date-parts":[[2018]]},"genre":"PhD thesis","collection-title":"Legon Dissertations","collection-number":"12"},
{"id":"th2","type":"thesis","title":"Thesis unnumbered series","author":[{"family":"Berg","given":"Ama"}],"publisher":"Uppsala University","publisher-place":"Uppsala","issued":{"date-parts":[[2017]]},"genre":"Doctoral dissertation","collection-title":"Acta Universitatis Upsaliensis"},
{"id":"th3","type":"thesis","title":"Thesis no publisher","author":[{"family":"Cole","given":"Yaw"}],"issued":{"date-parts":[[2016]]},"genre":"Master's thesis","collection-title":"Legon Theses","collection-number":"3"},
{"id":"th4","type":"thesis","title":"Thesis plain","author":[{"family":"Dede","given":"Esi"}],"publisher":"University of Ghana","issued":{"date-parts":[[2015]]},"genre":"PhD thesis"}
]"#;

#[test]
fn a_thesis_in_a_series_prints_it_where_a_book_would() {
    let w = Workdir::new();
    w.import_reading("theses.json", THESES);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Thesis with series")["series"], "Legon Dissertations");
    assert_eq!(reading(&list, "Thesis with series")["issue"], "12");
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "Thesis with series"),
        "Adu, K. (2018) Thesis with series. PhD thesis. University of Ghana (Legon Dissertations, 12)."
    );
    assert_eq!(
        reference(&harvard, "Thesis unnumbered"),
        "Berg, A. (2017) Thesis unnumbered series. PhD thesis. Uppsala University (Acta Universitatis Upsaliensis)."
    );
    assert_eq!(
        reference(&harvard, "Thesis no publisher"),
        "Cole, Y. (2016) Thesis no publisher. Master's thesis (Legon Theses, 3)."
    );
    assert_eq!(reference(&harvard, "Thesis plain"), "Dede, E. (2015) Thesis plain. PhD thesis. University of Ghana.");
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Thesis with series"),
        "Adu K. Thesis with Series. Dissertation. University of Ghana; 2018. Legon Dissertations; vol 12."
    );
    assert_eq!(
        reference(&ama, "Thesis unnumbered"),
        "Berg A. Thesis Unnumbered Series. Dissertation. Uppsala University; 2017. Acta Universitatis Upsaliensis."
    );
    assert_eq!(reference(&ama, "Thesis plain"), "Dede E. Thesis Plain. Dissertation. University of Ghana; 2015.");
    // Chicago printed "no. 12." with no series; Vancouver printed neither.
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Thesis with series"),
        "Adu, Kofi. 2018. “Thesis with Series.” Legon Dissertations 12. PhD diss., University of Ghana."
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Thesis with series"),
        "Adu K. Thesis with series [dissertation]. Accra: University of Ghana; 2018. (Legon Dissertations; no. 12)."
    );
    // APA 7 prints no series for a book (§10.2), nor so for a thesis; the
    // number is no issue ("(Issue 12)" before).
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Thesis with series"),
        "Adu, K. (2018). Thesis with series [Doctoral dissertation, University of Ghana]."
    );
    // Another bundled style gets the series as CSL `collection-title`.
    let notes = w.references("chicago-notes");
    assert_eq!(
        reference(&notes, "Thesis with series"),
        "Adu, Kofi. “Thesis with Series.” Legon Dissertations 12. PhD thesis, University of Ghana, 2018."
    );
}

/// Titles, books, series and journals with words that have their own
/// capitals, in every place a style title-cases.
const CAPS: &str = r#"[
{"id":"d1","type":"book","title":"Pre-mRNA splicing and non-iPhone users: (mRNA) and eLife's mRNA-1273","author":[{"family":"Ba","given":"Amadou"}],"publisher":"MIT Press","issued":{"date-parts":[[2019]]},"collection-title":"pre-mRNA studies: mHealth and eGFR-based care","collection-number":"2","language":"en"},
{"id":"d2","type":"chapter","title":"A study of mRNA/eGFR ratios—iPhone data","author":[{"family":"Mensah","given":"Kofi"}],"container-title":"Handbook of pre-mRNA and (eGFR) in mHealth","publisher":"MIT Press","issued":{"date-parts":[[2021]]},"collection-title":"mRNA Studies in HbA1c","language":"en"},
{"id":"d3","type":"article-journal","title":"Vaccines: mRNA-based approaches on the iPhone","author":[{"family":"Lind","given":"Tove"}],"container-title":"journal of mHealth and eGFR","volume":"3","page":"1-9","issued":{"date-parts":[[2014]]}},
{"id":"d4","type":"thesis","title":"mRNA thesis","author":[{"family":"Adu","given":"Kofi"}],"publisher":"University of Ghana","issued":{"date-parts":[[2018]]},"genre":"PhD thesis","collection-title":"mRNA dissertations in eLife","collection-number":"4"},
{"id":"d5","type":"report","title":"iOS report","author":[{"family":"Osei","given":"Jane"}],"publisher":"WHO","issued":{"date-parts":[[2019]]},"collection-title":"mHealth reports","collection-number":"7"}
]"#;

#[test]
fn title_case_leaves_words_with_their_own_capitals_as_written() {
    let w = Workdir::new();
    w.import_reading("caps.json", CAPS);
    let list = w.reading_list();
    assert_eq!(reading(&list, "A study")["series"], "mRNA Studies in HbA1c");
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "A study"),
        "Mensah, Kofi. 2021. “A Study of mRNA/eGFR Ratios—iPhone Data.” In Handbook of Pre-mRNA and (eGFR) in mHealth. \
         mRNA Studies in HbA1c. MIT Press."
    );
    assert_eq!(
        reference(&chicago, "Pre-mRNA"),
        "Ba, Amadou. 2019. Pre-mRNA Splicing and Non-iPhone Users: (mRNA) and eLife's mRNA-1273. Pre-mRNA Studies: \
         mHealth and eGFR-Based Care 2. MIT Press."
    );
    assert_eq!(
        reference(&chicago, "Vaccines"),
        "Lind, Tove. 2014. “Vaccines: mRNA-Based Approaches on the iPhone.” Journal of mHealth and eGFR 3: 1–9."
    );
    assert_eq!(
        reference(&chicago, "mRNA thesis"),
        "Adu, Kofi. 2018. “mRNA Thesis.” mRNA Dissertations in eLife 4. PhD diss., University of Ghana."
    );
    assert_eq!(reference(&chicago, "iOS"), "Osei, Jane. 2019. iOS Report. mHealth Reports 7. WHO.");
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "A study"),
        "Mensah K. A study of mRNA/eGFR ratios—iPhone data. In: Handbook of Pre-mRNA and (eGFR) in mHealth. mRNA \
         Studies in HbA1c. MIT Press; 2021."
    );
    assert_eq!(
        reference(&ama, "Pre-mRNA"),
        "Ba A. Pre-mRNA Splicing and Non-iPhone Users: (mRNA) and eLife's mRNA-1273. MIT Press; 2019. pre-mRNA \
         studies: mHealth and eGFR-based care; vol 2."
    );
    assert_eq!(reference(&ama, "iOS"), "Osei J. iOS Report. mHealth reports no. 7. WHO; 2019.");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Vaccines"),
        "Lind, T. (2014). Vaccines: mRNA-based approaches on the iPhone. Journal of mHealth and eGFR, 3, 1–9."
    );
    assert_eq!(
        reference(&apa, "mRNA thesis"),
        "Adu, K. (2018). mRNA thesis [Doctoral dissertation, University of Ghana]."
    );
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "mRNA thesis"),
        "Adu, K. (2018) mRNA thesis. PhD thesis. University of Ghana (mRNA dissertations in eLife, 4)."
    );
    // Other bundled styles that title-case.
    for (style, expected) in [
        (
            "chicago-notes",
            "Ba, Amadou. Pre-mRNA Splicing and Non-iPhone Users: (mRNA) and eLife's mRNA-1273. Pre-mRNA Studies: \
             mHealth and eGFR-Based Care 2. MIT Press, 2019.",
        ),
        (
            "modern-language-association",
            "Ba, Amadou. Pre-mRNA Splicing and Non-iPhone Users: (mRNA) and eLife's mRNA-1273. MIT Press, 2019. \
             Pre-mRNA Studies: mHealth and eGFR-Based Care 2.",
        ),
    ] {
        assert_eq!(reference(&w.references(style), "Pre-mRNA"), expected, "{style}");
    }
    for style in ["chicago", "ama", "apa", "harvard", "vancouver", "chicago-notes", "modern-language-association"] {
        for r in w.references(style).values() {
            for wrong in ["MRNA", "IPhone", "ELife", "EGFR", "MHealth", "IOS", "HBA1c", "HbA1C"] {
                assert!(!r.contains(wrong), "{style}: {r}");
            }
        }
    }
}
