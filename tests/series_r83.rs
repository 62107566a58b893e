//! r83: a book's or report's number in its series read alike from every
//! format (RIS `VL` beside `T3`, EndNote XML `volume` beside a Book's
//! series, CSL-JSON `collection-number`), one number when two formats
//! meet; a conference paper's volume in a series (LNCS) as each style's
//! manual cites it; a style's month-only dates that print nothing leave no
//! delimiter.
mod common;
use common::*;

use serde_json::Value;

const SERIES: &str = "California Series in Public Anthropology";

/// The stored numbers of the reading titled `prefix`: volume, issue, number in series.
fn numbers(list: &Value, prefix: &str) -> [Value; 3] {
    let r = reading(list, prefix);
    [r["volume"].clone(), r["issue"].clone(), r["series_number"].clone()]
}

fn s(v: &str) -> Value {
    Value::from(v)
}

const RIS: &str = "TY  - BOOK\nAU  - Farmer, Paul\nTI  - Reimagining global health\nT3  - California Series in Public Anthropology\n\
VL  - 26\nPB  - University of California Press\nCY  - Berkeley\nPY  - 2013\nER  - \n\n\
TY  - CHAP\nAU  - Basilico, Matthew\nTI  - Health for all\nT2  - Reimagining global health\nA2  - Farmer, Paul\n\
T3  - California Series in Public Anthropology\nVL  - 26\nSP  - 74\nEP  - 110\nPB  - University of California Press\n\
CY  - Berkeley\nPY  - 2013\nER  - \n\n\
TY  - RPRT\nAU  - World Health Organization\nTI  - Tackling structural racism\nT3  - WHO Technical Report Series\n\
VL  - 1045\nPB  - World Health Organization\nCY  - Geneva\nPY  - 2024\nER  - \n\n\
TY  - BOOK\nAU  - Okafor, Ngozi\nTI  - Tropical medicine in Lagos\nT2  - Studies in Colonial Medicine\nVL  - 3\n\
PB  - Heinemann\nCY  - Ibadan\nPY  - 1998\nER  - \n\n\
TY  - BOOK\nAU  - Needham, Joseph\nTI  - Science and civilisation in China\nT3  - Science and Civilisation\nVL  - 5\nNV  - 7\n\
PB  - Cambridge University Press\nCY  - Cambridge\nPY  - 1974\nER  - \n\n\
TY  - BOOK\nAU  - Mensah, Kofi\nTI  - Medicine and empire\nT3  - Studies in Imperialism\nVL  - 2\nIS  - 44\n\
PB  - Manchester University Press\nCY  - Manchester\nPY  - 2001\nER  - \n";

/// RIS `VL` beside the series (`T3`, a Book's `T2` as EndNote writes it) of
/// a book or report is its number in the series, as BibTeX's `volume`
/// beside `series` is: never "Vol. 26" of a set. A chapter keeps its
/// volume, cited as its book's number; a set's volume (`NV`) and a book
/// with its own number (`IS`) keep theirs.
#[test]
fn a_ris_volume_beside_the_series_is_the_number_in_the_series() {
    let w = Workdir::new();
    w.import_reading("farmer.ris", RIS);
    let list = w.reading_list();
    assert_eq!(numbers(&list, "Reimagining"), [Value::Null, s("26"), Value::Null]);
    // r85: a chapter's `VL` beside `T3` is its book's number in the series,
    // stored as the book's record stores it (tester r85 F7).
    assert_eq!(numbers(&list, "Health for all"), [Value::Null, s("26"), Value::Null]);
    assert_eq!(numbers(&list, "Tackling"), [Value::Null, Value::Null, s("1045")]);
    assert_eq!(numbers(&list, "Tropical medicine"), [Value::Null, s("3"), Value::Null]);
    assert_eq!(reading(&list, "Tropical medicine")["series"], "Studies in Colonial Medicine");
    assert_eq!(numbers(&list, "Science and civilisation"), [s("5"), Value::Null, Value::Null]);
    assert_eq!(numbers(&list, "Medicine and empire"), [s("2"), s("44"), Value::Null]);

    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Reimagining"),
        "Farmer P. Reimagining global health. Berkeley: University of California Press; 2013. \
         (California Series in Public Anthropology; no. 26)."
    );
    assert_eq!(
        reference(&v, "Health for all"),
        "Basilico M. Health for all. In: Farmer P, editor. Reimagining global health. Berkeley: University of \
         California Press; 2013. p. 74-110. (California Series in Public Anthropology; no. 26)."
    );
    assert_eq!(
        reference(&v, "Tackling"),
        "World Health Organization. Tackling structural racism. Geneva: World Health Organization; 2024. \
         (WHO Technical Report Series; no. 1045)."
    );
    assert_eq!(
        reference(&v, "Tropical medicine"),
        "Okafor N. Tropical medicine in Lagos. Ibadan: Heinemann; 1998. (Studies in Colonial Medicine; no. 3)."
    );
    let h = w.references("harvard");
    assert_eq!(
        reference(&h, "Reimagining"),
        "Farmer, P. (2013) Reimagining global health. Berkeley: University of California Press \
         (California Series in Public Anthropology, 26)."
    );
    assert_eq!(
        reference(&h, "Tackling"),
        "World Health Organization (2024) Tackling structural racism. Geneva: World Health Organization \
         (WHO Technical Report Series, 1045)."
    );
    let c = w.references("chicago");
    assert_eq!(
        reference(&c, "Reimagining"),
        "Farmer, Paul. 2013. Reimagining Global Health. California Series in Public Anthropology 26. \
         University of California Press."
    );
    assert_eq!(
        reference(&c, "Tackling"),
        "World Health Organization. 2024. Tackling Structural Racism. WHO Technical Report Series 1045. \
         World Health Organization."
    );
    for style in ["vancouver", "harvard", "chicago", "apa", "ama"] {
        let refs = w.references(style);
        for title in ["Reimagining", "Health for all", "Tackling", "Tropical medicine"] {
            let t = reference(&refs, title);
            assert!(!t.contains("Vol. ") && !t.contains("Vol "), "{style}: {t}");
        }
    }
}

const ENX: &str = "<?xml version=\"1.0\"?><xml><records>\
<record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Farmer, Paul</author></authors></contributors>\
<titles><title>Reimagining global health</title><secondary-title>California Series in Public Anthropology</secondary-title></titles>\
<volume>26</volume><publisher>University of California Press</publisher><pub-location>Berkeley</pub-location>\
<dates><year>2013</year></dates></record>\
<record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Okafor, Ngozi</author></authors></contributors>\
<titles><title>Tropical medicine in Lagos</title><tertiary-title>Studies in Colonial Medicine</tertiary-title></titles>\
<volume>3</volume><publisher>Heinemann</publisher><pub-location>Ibadan</pub-location><dates><year>1998</year></dates></record>\
<record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Mensah, Kofi</author></authors></contributors>\
<titles><title>Medicine and empire</title><secondary-title>Studies in Imperialism</secondary-title></titles>\
<volume>2</volume><number>44</number><publisher>Manchester University Press</publisher><pub-location>Manchester</pub-location>\
<dates><year>2001</year></dates></record>\
<record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Needham, Joseph</author></authors></contributors>\
<titles><title>Science and civilisation in China</title><secondary-title>Science and Civilisation</secondary-title></titles>\
<volume>5</volume><num-vols>7</num-vols><publisher>Cambridge University Press</publisher><pub-location>Cambridge</pub-location>\
<dates><year>1974</year></dates></record>\
<record><ref-type name=\"Report\">27</ref-type><contributors><authors><author>World Health Organization</author></authors></contributors>\
<titles><title>Tackling structural racism</title><secondary-title>WHO Technical Report Series</secondary-title></titles>\
<volume>1045</volume><publisher>World Health Organization</publisher><pub-location>Geneva</pub-location>\
<dates><year>2024</year></dates></record>\
</records></xml>\n";

/// EndNote XML: a Book's `volume` beside its series (`secondary-title`, or
/// `tertiary-title`) with no `number` (its "Series Volume") is the number
/// in the series; with a `number` or `num-vols` it is a volume of a set.
#[test]
fn an_endnote_book_volume_beside_its_series_is_the_number_in_the_series() {
    let w = Workdir::new();
    w.import_reading("lib.xml", ENX);
    let list = w.reading_list();
    assert_eq!(numbers(&list, "Reimagining"), [Value::Null, s("26"), Value::Null]);
    assert_eq!(reading(&list, "Reimagining")["series"], SERIES);
    assert_eq!(numbers(&list, "Tropical medicine"), [Value::Null, s("3"), Value::Null]);
    assert_eq!(numbers(&list, "Medicine and empire"), [s("2"), s("44"), Value::Null]);
    assert_eq!(numbers(&list, "Science and civilisation"), [s("5"), Value::Null, Value::Null]);
    assert_eq!(numbers(&list, "Tackling"), [Value::Null, Value::Null, s("1045")]);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Reimagining"),
        "Farmer P. Reimagining global health. Berkeley: University of California Press; 2013. \
         (California Series in Public Anthropology; no. 26)."
    );
    assert_eq!(
        reference(&v, "Tropical medicine"),
        "Okafor N. Tropical medicine in Lagos. Ibadan: Heinemann; 1998. (Studies in Colonial Medicine; no. 3)."
    );
}

const CSL: &str = r#"[
{"id":"needham","type":"book","title":"Science and civilisation in China","author":[{"family":"Needham","given":"Joseph"}],
 "collection-title":"Science and Civilisation","collection-number":"12","volume":"5","publisher":"Cambridge University Press",
 "publisher-place":"Cambridge","issued":{"date-parts":[[1974]]}},
{"id":"okafor","type":"book","title":"Tropical medicine in Lagos","author":[{"family":"Okafor","given":"Ngozi"}],
 "collection-title":"Studies in Colonial Medicine","collection-number":"3","publisher":"Heinemann","publisher-place":"Ibadan",
 "issued":{"date-parts":[[1998]]}},
{"id":"mensah","type":"book","title":"Medicine and empire","author":[{"family":"Mensah","given":"Kofi"}],
 "collection-title":"Studies in Imperialism","volume":"2","publisher":"Manchester University Press","publisher-place":"Manchester",
 "issued":{"date-parts":[[2001]]}}
]"#;

/// CSL-JSON has a variable for each: `collection-number` is the number in
/// the series and `volume` the volume of a multi-volume work. Both given:
/// two numbers, each kept. `volume` alone beside a `collection-title` is
/// the volume, as Zotero reads it (CSL `volume` is its Volume, CSL
/// `collection-number` its Series Number, and it writes a book's number in
/// its series there).
#[test]
fn csl_json_keeps_the_collection_number_and_the_volume_apart() {
    let w = Workdir::new();
    w.import_reading("lib.json", CSL);
    let list = w.reading_list();
    assert_eq!(numbers(&list, "Science and civilisation"), [s("5"), s("12"), Value::Null]);
    assert_eq!(numbers(&list, "Tropical medicine"), [Value::Null, s("3"), Value::Null]);
    assert_eq!(numbers(&list, "Medicine and empire"), [s("2"), Value::Null, Value::Null]);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Science and civilisation"),
        "Needham J. Science and civilisation in China. Vol. 5. Cambridge: Cambridge University Press; 1974. \
         (Science and Civilisation; no. 12)."
    );
    assert_eq!(
        reference(&v, "Tropical medicine"),
        "Okafor N. Tropical medicine in Lagos. Ibadan: Heinemann; 1998. (Studies in Colonial Medicine; no. 3)."
    );
    assert_eq!(
        reference(&v, "Medicine and empire"),
        "Mensah K. Medicine and empire. Vol. 2. Manchester: Manchester University Press; 2001. \
         (Studies in Imperialism)."
    );
}

const BIB: &str = "@book{farmer2013,\n  author = {Farmer, Paul},\n  title = {Reimagining global health},\n  \
publisher = {University of California Press},\n  address = {Berkeley},\n  year = {2013},\n  \
series = {California Series in Public Anthropology},\n  volume = {26}\n}\n";

const CSL_NUMBER: &str = r#"[{"id":"farmer","type":"book","title":"Reimagining global health","author":[{"family":"Farmer","given":"Paul"}],
"collection-title":"California Series in Public Anthropology","collection-number":"26","publisher":"University of California Press",
"publisher-place":"Berkeley","issued":{"date-parts":[[2013]]}}]"#;

const CSL_VOLUME: &str = r#"[{"id":"farmer","type":"book","title":"Reimagining global health","author":[{"family":"Farmer","given":"Paul"}],
"collection-title":"California Series in Public Anthropology","volume":"26","publisher":"University of California Press",
"publisher-place":"Berkeley","issued":{"date-parts":[[2013]]}}]"#;

const ZOTERO_CSV: &str = "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Series\",\"Series Number\",\"Publisher\",\"Place\"\n\
\"A1\",\"book\",\"2013\",\"Farmer, Paul\",\"Reimagining global health\",\"California Series in Public Anthropology\",\"26\",\
\"University of California Press\",\"Berkeley\"\n";

/// One book from every format a reference manager exports is one record
/// with one number in its series, in any order of imports.
#[test]
fn one_book_from_every_format_is_one_number_in_its_series() {
    let files: [(&str, &str); 5] = [
        ("farmer.bib", BIB),
        ("farmer.ris", RIS),
        ("farmer.xml", ENX),
        ("farmer.json", CSL_NUMBER),
        ("farmer.csv", ZOTERO_CSV),
    ];
    for order in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0]] {
        let w = Workdir::new();
        for i in order {
            w.import_reading(files[i].0, files[i].1);
        }
        let n = w.count("SELECT count(*) FROM reading WHERE title = 'Reimagining global health'");
        assert_eq!(n, 1, "{order:?}");
        let list = w.reading_list();
        assert_eq!(numbers(&list, "Reimagining"), [Value::Null, s("26"), Value::Null], "{order:?}");
        assert_eq!(
            reference(&w.references("vancouver"), "Reimagining"),
            "Farmer P. Reimagining global health. Berkeley: University of California Press; 2013. \
             (California Series in Public Anthropology; no. 26).",
            "{order:?}"
        );
    }
}

/// The same book as Zotero writes it in BibTeX (`volume`, which canon reads
/// as the number in the series beside `series`) and in CSL-JSON (`volume`,
/// its Volume): one book, not a set and its volume; the number is kept
/// once, where it was stored first, and said.
#[test]
fn a_csl_volume_and_a_bibtex_series_number_of_one_book_are_one_number() {
    let w = Workdir::new();
    w.import_reading("farmer.bib", BIB);
    let err = w.import_reading("farmer.json", CSL_VOLUME);
    assert!(
        err.contains(
            "the file's volume \"26\" is the stored number in the series \"California Series in Public \
             Anthropology\" (\"26\"), kept there once"
        ),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
    assert_eq!(numbers(&w.reading_list(), "Reimagining"), [Value::Null, s("26"), Value::Null]);

    let w = Workdir::new();
    w.import_reading("farmer.json", CSL_VOLUME);
    let err = w.import_reading("farmer.bib", BIB);
    assert!(
        err.contains(
            "the file's number in the series \"California Series in Public Anthropology\" (\"26\") is the stored \
             volume (\"26\"), kept there once"
        ),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
    assert_eq!(numbers(&w.reading_list(), "Reimagining"), [s("26"), Value::Null, Value::Null]);

    // Two volumes of a set in one series are still two works.
    let w = Workdir::new();
    w.import_reading("farmer.bib", BIB);
    w.import_reading("farmer.json", &CSL_VOLUME.replace("\"volume\":\"26\"", "\"volume\":\"27\""));
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
}

/// canon's own export, imported into a new database, keeps each number
/// where it was: the book's in the series, the report's beside its series.
#[test]
fn the_export_imported_again_keeps_one_number() {
    let w = Workdir::new();
    w.import_reading("farmer.ris", RIS);
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let before = w.reading_list();
    let db2 = w.path("second.db");
    w.ok_at(&db2, &["import", "reading", out.to_str().unwrap()]);
    let after = w.json_at_list(&db2);
    for title in ["Reimagining", "Health for all", "Tackling", "Tropical medicine", "Science and", "Medicine and"] {
        assert_eq!(numbers(&after, title), numbers(&before, title), "{title}");
    }
}

trait ListAt {
    fn json_at_list(&self, db: &std::path::Path) -> Value;
}

impl ListAt for Workdir {
    fn json_at_list(&self, db: &std::path::Path) -> Value {
        json_at(self, db, &["reading", "list", "--format", "json"])
    }
}

const PAPERS_RIS: &str = "TY  - CPAPER\nAU  - Lind, T. R.\nTI  - Race in pharmacology\nT2  - Proceedings of ICALP\n\
T3  - Lecture Notes in Computer Science\nVL  - 1234\nSP  - 21\nEP  - 30\nPB  - Springer\nCY  - Cham\nPY  - 2020\nER  - \n\n\
TY  - CONF\nAU  - Boateng, Kwame\nTI  - Bias in triage models\nT2  - Proceedings of MICCAI\n\
T3  - Lecture Notes in Computer Science\nVL  - 12903\nSP  - 50\nEP  - 60\nPB  - Springer\nCY  - Cham\nPY  - 2021\nER  - \n";

const PAPER_CSL: &str = r#"[{"id":"c","type":"paper-conference","title":"Skin tone in dermatology datasets",
"author":[{"family":"Osei","given":"Ama"}],"container-title":"Proceedings of MIDL",
"collection-title":"Lecture Notes in Computer Science","volume":"4321","page":"1-9","publisher":"Springer",
"publisher-place":"Cham","issued":{"date-parts":[[2022]]}}]"#;

const PAPER_BIB: &str = "@inproceedings{lncs, author = {Mensah, Kofi}, title = {Fairness audits of risk scores}, \
booktitle = {Proceedings of ICALP}, series = {Lecture Notes in Computer Science}, volume = {1111}, pages = {21--30}, \
publisher = {Springer}, address = {Cham}, year = {2019}}\n";

/// A conference paper's proceedings volume in a series (LNCS) is a volume
/// of the series: kept as the volume from BibTeX, RIS (`CPAPER`, `CONF`)
/// and CSL-JSON alike, and printed as each style's manual prints it:
/// Citing Medicine "(Lecture Notes in Computer Science; vol. 1234)" (ch.
/// 3, Series), Cite Them Right "(…, vol. 1234)", Chicago's numbered
/// series "Lecture Notes in Computer Science 1234" (never "vol. 1234"
/// after the proceedings' title, a volume of the proceedings), AMA 11
/// "Lecture Notes in Computer Science; vol 1234" (§3.12), APA 7 no series
/// and "(Vol. 1234, pp. 21–30)".
/// r85 (tester F5, F7): the number is the proceedings' number in the
/// series, stored and printed as the proceedings' own record is ("(…; no.
/// 1234)", "(…, 1234)", and APA 7 prints no series for either), so the
/// paper and its proceedings never give one number two labels.
#[test]
fn a_conference_papers_volume_in_a_series_is_cited_as_each_manual_does() {
    let w = Workdir::new();
    w.import_reading("papers.ris", PAPERS_RIS);
    w.import_reading("paper.json", PAPER_CSL);
    w.import_reading("paper.bib", PAPER_BIB);
    let list = w.reading_list();
    for (title, volume) in [
        ("Race in pharmacology", "1234"),
        ("Bias in triage", "12903"),
        ("Skin tone", "4321"),
        ("Fairness audits", "1111"),
    ] {
        // r85: the proceedings' number in the series, stored as the
        // proceedings' own record stores it (tester r85 F5, F7).
        assert_eq!(numbers(&list, title), [Value::Null, s(volume), Value::Null], "{title}");
        assert_eq!(reading(&list, title)["series"], "Lecture Notes in Computer Science", "{title}");
    }
    let refs = |style: &str| w.references(style);
    let (v, a, c, h, m) = (refs("vancouver"), refs("apa"), refs("chicago"), refs("harvard"), refs("ama"));
    assert_eq!(
        reference(&v, "Race in pharmacology"),
        "Lind TR. Race in pharmacology. In: Proceedings of ICALP. Cham: Springer; 2020. p. 21-30. \
         (Lecture Notes in Computer Science; no. 1234)."
    );
    assert_eq!(
        reference(&a, "Race in pharmacology"),
        "Lind, T. R. (2020). Race in pharmacology. In Proceedings of ICALP (pp. 21–30). Springer."
    );
    assert_eq!(
        reference(&c, "Race in pharmacology"),
        "Lind, T. R. 2020. “Race in Pharmacology.” In Proceedings of ICALP, 21–30. Lecture Notes in Computer \
         Science 1234. Springer."
    );
    assert_eq!(
        reference(&h, "Race in pharmacology"),
        "Lind, T.R. (2020) ‘Race in pharmacology’, in Proceedings of ICALP. Cham: Springer (Lecture Notes in \
         Computer Science, 1234), pp. 21–30."
    );
    assert_eq!(
        reference(&m, "Race in pharmacology"),
        "Lind TR. Race in pharmacology. In: Proceedings of ICALP. Lecture Notes in Computer Science; vol 1234. \
         Springer; 2020:21-30."
    );
    // The same in every format.
    for (title, volume) in [("Bias in triage", "12903"), ("Skin tone", "4321"), ("Fairness audits", "1111")] {
        assert!(reference(&v, title).contains(&format!("(Lecture Notes in Computer Science; no. {volume}).")));
        assert!(reference(&a, title).contains(" (pp. ") && !reference(&a, title).contains(volume));
        assert!(reference(&c, title).contains(&format!(". Lecture Notes in Computer Science {volume}. Springer.")));
        assert!(!reference(&c, title).contains("vol."), "{}", reference(&c, title));
        assert!(reference(&h, title).contains(&format!("(Lecture Notes in Computer Science, {volume}), pp.")));
        assert!(
            reference(&m, title).contains(&format!(". Lecture Notes in Computer Science; vol {volume}. Springer;"))
        );
        assert_eq!(reference(&m, title).matches(volume).count(), 1);
    }
}

/// AMA 11 writes a chapter's book's number in its series as the book's:
/// "California Series in Public Anthropology; vol 26" (§3.12), never "Vol
/// 26." of the book before its series.
#[test]
fn ama_numbers_a_chapters_book_in_its_series_as_the_book() {
    let w = Workdir::new();
    w.import_reading("farmer.ris", RIS);
    let m = w.references("ama");
    assert_eq!(
        reference(&m, "Health for all"),
        "Basilico M. Health for all. In: Farmer P, ed. Reimagining Global Health. California Series in Public \
         Anthropology; vol 26. University of California Press; 2013:74-110."
    );
    assert_eq!(
        reference(&m, "Reimagining"),
        "Farmer P. Reimagining Global Health. University of California Press; 2013. California Series in Public \
         Anthropology; vol 26."
    );
}

const DATED: &str = r#"[
{"id":"a","type":"article-journal","title":"Both months","author":[{"family":"Osei","given":"Ama"}],"container-title":"Lancet",
 "volume":"398","page":"10-12","issued":{"date-parts":[[2021,12]]},"accessed":{"date-parts":[[2024,3,5]]},"URL":"https://example.org/a"},
{"id":"b","type":"article-journal","title":"Issued month only","author":[{"family":"Osei","given":"Ama"}],"container-title":"Lancet",
 "volume":"398","page":"20-22","issued":{"date-parts":[[2021,12]]},"URL":"https://example.org/b"},
{"id":"c","type":"article-journal","title":"Accessed only","author":[{"family":"Osei","given":"Ama"}],"container-title":"Lancet",
 "volume":"398","page":"30-32","issued":{"date-parts":[[2021]]},"accessed":{"date-parts":[[2024,3]]},"URL":"https://example.org/c"},
{"id":"d","type":"article-journal","title":"Neither month","author":[{"family":"Osei","given":"Ama"}],"container-title":"Lancet",
 "volume":"398","page":"40-42","issued":{"date-parts":[[2021]]},"URL":"https://example.org/d"}
]"#;

/// An independent style whose macro `dates` is `macro_body`, and whose
/// group (delimiter ". ") ends with `call`.
fn month_style(w: &Workdir, name: &str, macro_body: &str, call: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Months {name}</title><id>http://example.org/styles/months-{name}</id>
    <updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="dates">{macro_body}</macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name initialize-with="" name-as-sort-order="all" sort-separator=" "/></names>
        <text variable="title"/>
        <text variable="container-title"/>
        {call}
      </group>
      <text variable="volume" prefix=";"/>
      <text variable="page" prefix=":"/>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

const MONTHS: &str = r#"<group delimiter=", " suffix=".">
      <date variable="issued"><date-part name="month" form="short"/></date>
      <date variable="accessed"><date-part name="month" form="short"/></date>
    </group>"#;

/// A style's group of month-only dates (the issued month, the accessed
/// month) that prints nothing, or prints one of them, leaves no delimiter
/// of its own nor its group's, and loses no space: from a macro, a macro
/// called with affixes, and the group written in place.
#[test]
fn month_only_dates_that_print_nothing_leave_no_delimiter() {
    let w = Workdir::new();
    w.import_reading("dated.json", DATED);
    let want = [
        ("Both months", "Osei A. Both months. Lancet. Dec., Mar.;398:10–12."),
        ("Issued month only", "Osei A. Issued month only. Lancet. Dec.;398:20–22."),
        ("Accessed only", "Osei A. Accessed only. Lancet. Mar.;398:30–32."),
        ("Neither month", "Osei A. Neither month. Lancet;398:40–42."),
    ];
    for (name, body, call) in
        [("macro", MONTHS, r#"<text macro="dates"/>"#), ("inline", "<text value=\"unused\"/>", MONTHS)]
    {
        let path = month_style(&w, name, body, call);
        let refs = w.references(&path);
        for (title, reference_text) in want {
            assert_eq!(reference(&refs, title), reference_text, "{name}");
        }
    }
    let path = month_style(&w, "brackets", MONTHS, r#"<text macro="dates" prefix="[" suffix="]"/>"#);
    let refs = w.references(&path);
    assert_eq!(reference(&refs, "Both months"), "Osei A. Both months. Lancet. [Dec., Mar.];398:10–12.");
    assert_eq!(reference(&refs, "Accessed only"), "Osei A. Accessed only. Lancet. [Mar.];398:30–32.");
    assert_eq!(reference(&refs, "Neither month"), "Osei A. Neither month. Lancet;398:40–42.");
    // A year with the months: the group always prints, its delimiters as written.
    let path = month_style(
        &w,
        "year",
        r#"<group delimiter="; "><date variable="issued"><date-part name="year"/><date-part name="month" form="short" prefix=" "/></date>
        <group delimiter=" "><text value="cited"/><date variable="accessed"><date-part name="month" form="long"/></date></group></group>"#,
        r#"<text macro="dates"/>"#,
    );
    let refs = w.references(&path);
    assert_eq!(reference(&refs, "Both months"), "Osei A. Both months. Lancet. 2021 Dec.; cited March;398:10–12.");
    assert_eq!(reference(&refs, "Neither month"), "Osei A. Neither month. Lancet. 2021;398:40–42.");
    assert_eq!(reference(&refs, "Accessed only"), "Osei A. Accessed only. Lancet. 2021; cited March;398:30–32.");
}
