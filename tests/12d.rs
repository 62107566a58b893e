//! Branch 12d (issue 12, tester 12c): importers and round trips, round 3.
//! Names survive every export and re-import with their parts (M7), EDTF
//! seasons are read (M6), a note field is one rule in every format (RIS
//! `N1`), and the small losses L1, L2, L3, L5, L6.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Workdir, reading};
use serde_json::Value;

/// (family, given, particle, suffix, literal) of one name.
type Parts = (String, String, String, String, String);

/// The authors of every listed reading by title, as parts.
fn parts_by_title(list: &Value) -> BTreeMap<String, Vec<Parts>> {
    let s = |n: &Value, k: &str| n[k].as_str().unwrap_or_default().to_string();
    list.as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            let names = r["author_names"]
                .as_array()
                .unwrap_or_else(|| panic!("no author_names in {r}"))
                .iter()
                .map(|n| (s(n, "family"), s(n, "given"), s(n, "particle"), s(n, "suffix"), s(n, "literal")))
                .collect();
            (r["title"].as_str().unwrap().to_string(), names)
        })
        .collect()
}

fn p(f: &str, g: &str, pa: &str, x: &str) -> Parts {
    (f.into(), g.into(), pa.into(), x.into(), String::new())
}

fn lit(l: &str) -> Parts {
    (String::new(), String::new(), String::new(), String::new(), l.into())
}

/// Every name shape, from CSL-JSON (its parts given apart), BibTeX and RIS.
const SHAPES_JSON: &str = r#"[
{"id":"a","type":"article-journal","title":"Shape family given","issued":{"date-parts":[[2001]]},"author":[{"family":"Mensah","given":"Kofi A."}]},
{"id":"b","type":"article-journal","title":"Shape dropping particle","issued":{"date-parts":[[2002]]},"author":[{"family":"Fontaine","given":"Jean","dropping-particle":"de La"}]},
{"id":"c","type":"article-journal","title":"Shape non-dropping particle","issued":{"date-parts":[[2003]]},"author":[{"family":"Berg","given":"Pieter","non-dropping-particle":"van der"}]},
{"id":"d","type":"article-journal","title":"Shape capital particle","issued":{"date-parts":[[2004]]},"author":[{"family":"Gogh","given":"Vincent","non-dropping-particle":"Van"}]},
{"id":"e","type":"article-journal","title":"Shape suffix","issued":{"date-parts":[[2005]]},"author":[{"family":"King","given":"Martin Luther","suffix":"Jr."}]},
{"id":"f","type":"article-journal","title":"Shape literal","issued":{"date-parts":[[2006]]},"author":[{"literal":"World Health Organization"},{"literal":"Ministry of Health, Ghana"}]},
{"id":"g","type":"article-journal","title":"Shape family only","issued":{"date-parts":[[2007]]},"author":[{"family":"Ngũgĩ wa Thiong'o"}]},
{"id":"h","type":"article-journal","title":"Shape given only","issued":{"date-parts":[[2008]]},"author":[{"given":"Plato"},{"family":"Osei","given":"Ama"}]},
{"id":"i","type":"article-journal","title":"Shape non-Latin","issued":{"date-parts":[[2009]]},"author":[{"family":"王","given":"小明"},{"family":"Иванов","given":"Иван"},{"literal":"منظمة الصحة العالمية"}]},
{"id":"j","type":"article-journal","title":"Shape particle and suffix","issued":{"date-parts":[[2010]]},"author":[{"family":"Fontaine","given":"Jean","dropping-particle":"de La","suffix":"Jr."}]},
{"id":"k","type":"article-journal","title":"Shape dropping lower","issued":{"date-parts":[[2011]]},"author":[{"family":"Beethoven","given":"Ludwig","dropping-particle":"van"}]},
{"id":"l","type":"article-journal","title":"Shape particle family only","issued":{"date-parts":[[2012]]},"author":[{"family":"Gogh","non-dropping-particle":"van"}]},
{"id":"m","type":"article-journal","title":"Shape glued particle","issued":{"date-parts":[[2013]]},"author":[{"family":"Rashid","given":"Omar","non-dropping-particle":"al-"}]}
]"#;

const SHAPES_BIB: &str = "@article{n1, title = {Shape bibtex von}, author = {Jean de La Fontaine and \
     {World Health Organization} and Mensah, Jr., Kofi}, journal = {J}, year = {2014}}\n";

const SHAPES_RIS: &str =
    "TY  - JOUR\nTI  - Shape ris suffix\nAU  - Mensah, Kofi A., Jr.\nAU  - Duarte, Ines\nPY  - 2015\nER  - \n";

fn expected_shapes() -> BTreeMap<&'static str, Vec<Parts>> {
    BTreeMap::from([
        ("Shape family given", vec![p("Mensah", "Kofi A.", "", "")]),
        ("Shape dropping particle", vec![p("Fontaine", "Jean", "de La", "")]),
        ("Shape non-dropping particle", vec![p("Berg", "Pieter", "van der", "")]),
        ("Shape capital particle", vec![p("Gogh", "Vincent", "Van", "")]),
        ("Shape suffix", vec![p("King", "Martin Luther", "", "Jr.")]),
        ("Shape literal", vec![lit("World Health Organization"), lit("Ministry of Health, Ghana")]),
        ("Shape family only", vec![p("Ngũgĩ wa Thiong'o", "", "", "")]),
        ("Shape given only", vec![p("", "Plato", "", ""), p("Osei", "Ama", "", "")]),
        ("Shape non-Latin", vec![p("王", "小明", "", ""), p("Иванов", "Иван", "", ""), lit("منظمة الصحة العالمية")]),
        ("Shape particle and suffix", vec![p("Fontaine", "Jean", "de La", "Jr.")]),
        ("Shape dropping lower", vec![p("Beethoven", "Ludwig", "van", "")]),
        ("Shape particle family only", vec![p("Gogh", "", "van", "")]),
        ("Shape glued particle", vec![p("Rashid", "Omar", "al-", "")]),
        (
            "Shape bibtex von",
            vec![p("La Fontaine", "Jean", "de", ""), lit("World Health Organization"), p("Mensah", "Kofi", "", "Jr.")],
        ),
        ("Shape ris suffix", vec![p("Mensah", "Kofi A.", "", "Jr."), p("Duarte", "Ines", "", "")]),
    ])
}

fn import_shapes(w: &Workdir) {
    w.import_reading("shapes.json", SHAPES_JSON);
    w.import_reading("shapes.bib", SHAPES_BIB);
    w.import_reading("shapes.ris", SHAPES_RIS);
}

/// Imports `file` into a new database and returns its readings' names.
fn reimport(w: &Workdir, db: &str, file: &Path, extra: &[&str]) -> BTreeMap<String, Vec<Parts>> {
    let db = w.path(db);
    let mut args = vec!["import", "reading", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    w.ok_at(&db, &args);
    let out = w.ok_at(&db, &["reading", "list", "--format", "json"]);
    parts_by_title(&serde_json::from_str(&out).unwrap())
}

#[test]
fn every_name_shape_is_read_as_its_parts() {
    let w = Workdir::new();
    import_shapes(&w);
    let got = parts_by_title(&w.reading_list());
    for (title, want) in expected_shapes() {
        assert_eq!(got.get(title), Some(&want), "{title}");
    }
}

#[test]
fn every_name_shape_survives_every_export_and_reimport() {
    let w = Workdir::new();
    import_shapes(&w);
    let original = parts_by_title(&w.reading_list());
    assert_eq!(original.len(), expected_shapes().len());
    // `export reading` as CSV, and with a BOM.
    let csv = w.path("export.csv");
    w.ok(&["export", "reading", "-o", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    // The cells, as written: the family name braced where no comma says it.
    assert!(text.contains(",Jean de La {Fontaine},"), "{text}");
    assert!(text.contains(",\"Van {Gogh}, Vincent\","), "{text}");
    assert!(text.contains(",\", Plato; Osei, Ama\","), "{text}");
    assert_eq!(reimport(&w, "csv.db", &csv, &[]), original, "export reading CSV");
    let bom = w.path("bom.csv");
    w.ok(&["export", "reading", "--bom", "-o", bom.to_str().unwrap()]);
    assert_eq!(reimport(&w, "bom.db", &bom, &[]), original, "export reading CSV with BOM");
    // `export reading` as JSON: the parts themselves.
    let json: Value = serde_json::from_str(&w.ok(&["export", "reading", "--format", "json"])).unwrap();
    assert_eq!(parts_by_title(&json), original, "export reading JSON");
    // The report's readings table: the CSV folder, the flat CSV's readings, the workbook.
    let dir = w.path("rep");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "-q"]);
    assert_eq!(reimport(&w, "report.db", &dir.join("readings.csv"), &[]), original, "report readings.csv");
    let xlsx = w.path("r.xlsx");
    w.ok(&["report", xlsx.to_str().unwrap(), "-q"]);
    assert_eq!(reimport(&w, "xlsx.db", &xlsx, &["--sheet", "readings"]), original, "report workbook");
    // And again from the re-import: a second trip is the first.
    let again = w.path("again.csv");
    w.ok_at(&w.path("csv.db"), &["export", "reading", "-o", again.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&again).unwrap().lines().count(), text.lines().count());
    assert_eq!(reimport(&w, "again.db", &again, &[]), original, "a second round trip");
    // `reading list -o FILE.csv` writes the same cells.
    let listed = w.path("listed.csv");
    w.ok(&["reading", "list", "-o", listed.to_str().unwrap()]);
    let listed = std::fs::read_to_string(&listed).unwrap();
    assert!(listed.contains("Jean de La {Fontaine}"), "{listed}");
}

#[test]
fn a_cell_with_a_braced_family_name_takes_the_words_before_it_as_the_particle() {
    let w = Workdir::new();
    w.import_reading(
        "cells.csv",
        "title,authors,year\n\
         Cell one,\"de La {Fontaine}, Jean\",2001\n\
         Cell two,Jean de La {Fontaine},2002\n\
         Cell three,\"Jean de {La Fontaine}\",2003\n\
         Cell four,\", Plato; Osei, Ama\",2004\n\
         Cell five,Ines {Duarte},2005\n",
    );
    let got = parts_by_title(&w.reading_list());
    assert_eq!(got["Cell one"], [p("Fontaine", "Jean", "de La", "")]);
    assert_eq!(got["Cell two"], [p("Fontaine", "Jean", "de La", "")]);
    // BibTeX's rule where the braces hold the whole family name.
    assert_eq!(got["Cell three"], [p("La Fontaine", "Jean", "de", "")]);
    assert_eq!(got["Cell four"], [p("", "Plato", "", ""), p("Osei", "Ama", "", "")]);
    assert_eq!(got["Cell five"], [p("Duarte", "Ines", "", "")]);
    let r = reading(&w.reading_list(), "Cell two").clone();
    assert_eq!(r["author_names"][0]["original"], "Jean de La Fontaine", "the braces are not part of the name");
}

#[test]
fn an_edtf_season_in_a_biblatex_date_is_the_season() {
    let w = Workdir::new();
    let err = w.import_reading(
        "s.bib",
        "@article{s1, title = {Season spring}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-21}}\n\
         @article{s2, title = {Season summer}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-22}}\n\
         @article{s3, title = {Season autumn}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-23}}\n\
         @article{s4, title = {Season winter}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-24}}\n\
         @article{s5, title = {Season southern winter}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-32}}\n\
         @article{s6, title = {Season range}, author = {Osei, Ama}, journaltitle = {J}, date = {1998-22/1998-23}}\n",
    );
    let l = w.reading_list();
    for (t, season) in [
        ("Season spring", "spring"),
        ("Season summer", "summer"),
        ("Season autumn", "autumn"),
        ("Season winter", "winter"),
        ("Season southern winter", "winter"),
        ("Season range", "summer"),
    ] {
        let r = reading(&l, t);
        assert_eq!(
            (r["year"].as_i64(), r["season"].as_str(), r["month"].as_i64()),
            (Some(1998), Some(season), None),
            "{t}"
        );
    }
    // The range is kept whole, as "Summer-Fall 1998" is.
    assert!(!err.contains("runs over seasons"), "{err}");
    assert_eq!(reading(&l, "Season range")["season_end"], "autumn");
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "Season spring").contains("1998 Spring"), "{vancouver:?}");
}

#[test]
fn a_note_field_is_the_annotation_in_every_format_without_database_lines() {
    let w = Workdir::new();
    let err = w.import_reading(
        "scopus.ris",
        "TY  - JOUR\nTI  - Scopus noted\nAU  - Mensah, K.A.\nPY  - 2020\nT2  - Kidney Int\n\
         N1  - Cited By :12\nN1  - Export Date: 2 December 2026\nN1  - Correspondence Address: Mensah, K.A.; Accra\n\
         N1  - References: Osei, J., A study (2019) BMJ, 1, pp. 1-2;\nN1  - Funding details: Wellcome Trust, 123\n\
         N1  - Read for week 3\nC2  - 33500000\nID  - 1234\nER  - \n\n\
         TY  - JOUR\nTI  - Zotero noted\nPY  - 2020\nT2  - BMJ\nN1  - <p>Read &amp; discuss</p>\nER  - \n",
    );
    let l = w.reading_list();
    let r = reading(&l, "Scopus noted");
    assert_eq!(r["annotation"], "Read for week 3");
    // L1: Scopus's C2 is the PubMed ID.
    assert_eq!(r["pmid"], "33500000");
    assert_eq!(reading(&l, "Zotero noted")["annotation"], "Read & discuss");
    for label in ["Cited By", "Export Date", "Correspondence Address", "References", "Funding details"] {
        assert!(err.contains(&format!("note lines \"{label}: …\"")), "{label}: {err}");
    }
    // L1: RIS ID (the exporting program's record number) is named, C2 is not.
    assert!(err.contains("RIS ID"), "{err}");
    assert!(!err.contains("RIS C2"), "{err}");
    assert!(!err.contains("RIS N1"), "{err}");
    // The same rule for BibTeX `note`, CSL `note` and EndNote `notes`.
    let err = w.import_reading(
        "n.bib",
        "@article{b, title = {Bib noted}, author = {Osei, Ama}, journal = {J}, year = {2020}, \
         note = {Read before the seminar}}\n\
         @article{c, title = {Bib cited}, author = {Osei, Ama}, journal = {J}, year = {2020}, note = {cited By 12}}\n\
         @article{d, title = {Bib scopus}, author = {Osei, Ama}, journal = {J}, year = {2020}, \
         note = {Export Date: 2 December 2026}}\n",
    );
    assert!(err.contains("note lines \"Export Date: …\""), "{err}");
    assert!(err.contains("note lines \"cited By: …\""), "{err}");
    w.import_reading(
        "n.json",
        r#"[{"id":"j","type":"article-journal","title":"Csl noted","issued":{"date-parts":[[2020]]},
        "note":"Cited By: 3\nA classic"}]"#,
    );
    w.import_reading(
        "n.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <titles><title>EndNote noted</title><secondary-title>BMJ</secondary-title></titles>\
         <dates><year>2020</year></dates><notes>Export Date: 1 May 2020\nFrom the library</notes>\
         <research-notes>Our own reading</research-notes></record></records></xml>",
    );
    let l = w.reading_list();
    assert_eq!(reading(&l, "Bib noted")["annotation"], "Read before the seminar");
    assert_eq!(reading(&l, "Bib cited")["annotation"], Value::Null);
    assert_eq!(reading(&l, "Bib scopus")["annotation"], Value::Null);
    assert_eq!(reading(&l, "Csl noted")["annotation"], "A classic");
    // EndNote: Research Notes and Notes are both kept.
    assert_eq!(reading(&l, "EndNote noted")["annotation"], "Our own reading\nFrom the library");
}

#[test]
fn the_rejects_file_ends_each_ris_record_with_the_tag_form() {
    let w = Workdir::new();
    let ris = w.write(
        "bad.ris",
        "TY  - JOUR\nTI  - Good one\nPY  - 2020\nER  - \n\nTY  - JOUR\nPY  - 2O20\nER  - \n\nTY  - JOUR\nPY  - 2021\nER  -\n",
    );
    let rejects = w.path("rejects.ris");
    w.ok(&["import", "reading", ris.to_str().unwrap(), "--skip-invalid", "--rejects", rejects.to_str().unwrap()]);
    let text = std::fs::read_to_string(&rejects).unwrap();
    let ends: Vec<&str> = text.lines().filter(|l| l.starts_with("ER")).collect();
    assert_eq!(ends, ["ER  - ", "ER  - "], "{text:?}");
}

#[test]
fn a_chapters_series_number_fills_the_series_number_column() {
    let w = Workdir::new();
    w.import_reading(
        "ch.bib",
        "@incollection{c, title = {A chapter in a series}, author = {Osei, Ama}, booktitle = {The Book}, \
         series = {Lecture Notes}, number = {26}, publisher = {P}, year = {2020}}\n\
         @book{b, title = {A book in a series}, author = {Osei, Ama}, series = {Lecture Notes}, number = {27}, \
         publisher = {P}, year = {2020}}\n",
    );
    let dir = w.path("rep");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "-q"]);
    let mut rd = csv::Reader::from_path(dir.join("readings.csv")).unwrap();
    let headers: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let at = |c: &str| headers.iter().position(|h| h == c).unwrap();
    let rows: Vec<Vec<String>> = rd.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let row = |t: &str| rows.iter().find(|r| r[at("title")] == t).unwrap().clone();
    assert_eq!(row("A chapter in a series")[at("series_number")], "26");
    assert_eq!(row("A book in a series")[at("series_number")], "27");
    assert_eq!(row("A chapter in a series")[at("report_number")], "");
}

/// Every date form the importers accept, one row each: (title, stored
/// `year month day month_end season year_note approx copyright day_end
/// season_end`, the words of
/// the warning or "" for none). The table is in the branch's note.
const DATE_FORMS: &[(&str, &str, &str)] = &[
    ("B year", "1998 - - - - - - - - -", ""),
    ("B year month", "1998 5 - - - - - - - -", ""),
    ("B month range", "1998 5 - 6 - - - - - -", ""),
    ("B season", "1998 - - - summer - - - - -", ""),
    ("B season range", "1998 - - - summer - - - - autumn", ""),
    ("B date day", "1998 5 3 - - - - - - -", ""),
    ("B date day range", "1998 5 3 - - - - - 5 -", ""),
    ("B date month range", "1998 5 - 6 - - - - - -", ""),
    ("B edtf season", "1998 - - - spring - - - - -", ""),
    ("B edtf approx", "1998 - - - - - approx - - -", ""),
    ("B edtf uncertain", "1998 - - - - - - - - -", "is an uncertain year"),
    ("B in press", "- - - - - in press - - - -", ""),
    // Dates r83: "1998/2000" keeps its end year (year_end 2000, checked below), and nothing is said.
    ("B year range", "1998 - - - - - - - - -", ""),
    ("B bad day", "2019 2 - - - - - - - -", "February 2019 has 28 days, not 29"),
    ("B circa", "1998 - - - - - approx - - -", ""),
    ("B copyright", "1998 - - - - - - copyright - -", ""),
    ("B quarter", "1998 - - - - - - - - -", "names quarter 1 (an EDTF code)"),
    ("M day range", "1998 5 3 - - - - - 5 -", ""),
    ("M season range", "1998 - - - summer - - - - autumn", ""),
    ("M month range", "1998 5 - 6 - - - - - -", ""),
    ("M day", "1998 5 3 - - - - - - -", ""),
    ("M days across months", "1998 5 30 - - - - - - -", "\"1998 May 30-Jun 2\" is a range of days ending \"jun 2\""),
    ("R py da", "1998 5 3 - - - - - - -", ""),
    ("R season", "1998 - - - summer - - - - -", ""),
    ("R month range", "1998 5 - 6 - - - - - -", ""),
    ("R day range", "1998 5 5 - - - - - 11 -", ""),
    ("C parts", "1998 5 3 - - - - - - -", ""),
    ("C range parts", "1998 5 3 - - - - - 5 -", ""),
    ("C season", "1998 - - - summer - - - - -", ""),
    ("C raw season range", "1998 - - - summer - - - - autumn", ""),
    ("C circa", "1998 - - - - - approx - - -", ""),
    ("C literal", "- - - - - forthcoming - - - -", ""),
    ("C bad day", "2001 2 - - - - - - - -", "February 2001 has 28 days, not 30"),
    ("Z day range", "2019 5 5 - - - - - 11 -", ""),
    ("Z season", "2019 - - - spring - - - - -", ""),
    ("Z other year", "2019 - - - - - - - - -", "\"2018-05-03\" is in another year than the year \"2019\""),
    ("E pub date", "2019 5 5 - - - - - 11 -", ""),
    ("V cells", "1998 5 3 - - - - - - -", ""),
    ("V season cell", "1998 - - - summer - - - - -", ""),
    ("V month range cell", "1998 5 - 6 - - - - - -", ""),
    ("V day range cells", "1998 5 3 - - - - - 5 -", ""),
    ("V season range cells", "1998 - - - summer - - - - autumn", ""),
    (
        "V bad day end",
        "1998 5 3 - - - - - - -",
        "day_end \"2\" not stored: expected a later day of the same month after the day (3)",
    ),
];

const DATES_BIB: &str = "@article{b1, title={B year}, journal={J}, year={1998}}
@article{b2, title={B year month}, journal={J}, year={1998}, month={may}}
@article{b3, title={B month range}, journal={J}, year={1998}, month={may--jun}}
@article{b4, title={B season}, journal={J}, year={1998}, month={Summer}}
@article{b5, title={B season range}, journal={J}, year={1998}, month={Summer-Fall}}
@article{b6, title={B date day}, journal={J}, date={1998-05-03}}
@article{b7, title={B date day range}, journal={J}, date={1998-05-03/1998-05-05}}
@article{b8, title={B date month range}, journal={J}, date={1998-05/1998-06}}
@article{b9, title={B edtf season}, journal={J}, date={1998-21}}
@article{b10, title={B edtf approx}, journal={J}, date={1998~}}
@article{b11, title={B edtf uncertain}, journal={J}, date={1998?}}
@article{b12, title={B in press}, journal={J}, year={in press}}
@article{b13, title={B year range}, journal={J}, year={1998-2000}}
@article{b14, title={B bad day}, journal={J}, date={2019-02-29}}
@article{b15, title={B circa}, journal={J}, year={c. 1998}}
@article{b16, title={B copyright}, journal={J}, year={c1998}}
@article{b17, title={B quarter}, journal={J}, date={1998-33}}
";

const DATES_NBIB: &str = "PMID- 1\nTI  - M day range.\nDP  - 1998 May 3-5\nJT  - J\n\n\
PMID- 2\nTI  - M season range.\nDP  - 1998 Summer-Fall\nJT  - J\n\n\
PMID- 3\nTI  - M month range.\nDP  - 1998 May-Jun\nJT  - J\n\n\
PMID- 4\nTI  - M day.\nDP  - 1998 May 3\nJT  - J\n\n\
PMID- 5\nTI  - M days across months.\nDP  - 1998 May 30-Jun 2\nJT  - J\n\n";

const DATES_RIS: &str = "TY  - JOUR\nTI  - R py da\nPY  - 1998\nDA  - 1998/05/03/\nER  - \n\n\
TY  - JOUR\nTI  - R season\nPY  - 1998///Summer\nER  - \n\n\
TY  - JOUR\nTI  - R month range\nDA  - 1998/05-06/\nER  - \n\n\
TY  - JOUR\nTI  - R day range\nPY  - 1998\nDA  - May 5-11\nER  - \n";

const DATES_JSON: &str = r#"[{"id":"c1","type":"article-journal","title":"C parts","issued":{"date-parts":[[1998,5,3]]}},
{"id":"c2","type":"article-journal","title":"C range parts","issued":{"date-parts":[[1998,5,3],[1998,5,5]]}},
{"id":"c3","type":"article-journal","title":"C season","issued":{"date-parts":[[1998]],"season":2}},
{"id":"c4","type":"article-journal","title":"C raw season range","issued":{"raw":"Summer-Fall 1998"}},
{"id":"c5","type":"article-journal","title":"C circa","issued":{"date-parts":[[1998]],"circa":true}},
{"id":"c6","type":"article-journal","title":"C literal","issued":{"literal":"forthcoming"}},
{"id":"c7","type":"article-journal","title":"C bad day","issued":{"date-parts":[[2001,2,30]]}}]"#;

const DATES_ZOTERO: &str = "Key,Item Type,Publication Year,Title,Date\n\
K1,journalArticle,2019,Z day range,\"May 5-11, 2019\"\n\
K2,journalArticle,2019,Z season,Spring 2019\n\
K3,journalArticle,2019,Z other year,2018-05-03\n";

const DATES_ENDNOTE: &str = "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Magazine Article\">19</ref-type>\
<titles><title>E pub date</title><secondary-title>The New Yorker</secondary-title></titles>\
<dates><year>2019</year><pub-dates><date>May 5-11</date></pub-dates></dates></record></records></xml>";

const DATES_CSV: &str = "title,year,month,day,season,month_end,day_end,season_end\n\
V cells,1998,5,3,,,,\n\
V season cell,1998,,,summer,,,\n\
V month range cell,1998,5,,,6,,\n\
V day range cells,1998,5,3,,,5,\n\
V season range cells,1998,,,summer,,,fall\n\
V bad day end,1998,5,3,,,2,\n";

#[test]
fn every_date_form_is_stored_or_named_one_row_each() {
    let w = Workdir::new();
    let mut said = String::new();
    for (name, text) in [
        ("d.bib", DATES_BIB),
        ("d.nbib", DATES_NBIB),
        ("d.ris", DATES_RIS),
        ("d.json", DATES_JSON),
        ("z.csv", DATES_ZOTERO),
        ("e.xml", DATES_ENDNOTE),
        ("v.csv", DATES_CSV),
    ] {
        said.push_str(&w.import_reading(name, text));
    }
    let l = w.reading_list();
    let warnings: Vec<&str> = said.lines().filter(|l| l.contains("warning")).collect();
    for (title, want, message) in DATE_FORMS {
        let r = reading(&l, title);
        let f = |k: &str| match &r[k] {
            Value::Null => "-".to_string(),
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let flag = |k: &str, word: &str| if r[k] == true { word.to_string() } else { "-".to_string() };
        let got = [
            f("year"),
            f("month"),
            f("day"),
            f("month_end"),
            f("season"),
            f("year_note"),
            flag("date_approximate", "approx"),
            flag("date_copyright", "copyright"),
            f("day_end"),
            f("season_end"),
        ]
        .join(" ");
        assert_eq!(&got, want, "{title}");
        if !message.is_empty() {
            assert!(warnings.iter().any(|w| w.contains(message)), "{title}: no warning with {message:?} in {said}");
        }
    }
    // The end year of a range of years is stored (dates r83); no other form here has one.
    for (title, _, _) in DATE_FORMS {
        let want = if *title == "B year range" { Some(2000) } else { None };
        assert_eq!(reading(&l, title)["year_end"].as_i64(), want, "{title}");
    }
    // Every warning is one the table expects: nothing else is said about a date.
    for w in &warnings {
        if w.contains("is not read") || w.contains("not stored:") && !w.contains("the day in") {
            continue;
        }
        assert!(DATE_FORMS.iter().any(|(_, _, m)| !m.is_empty() && w.contains(m)), "unexpected warning: {w}");
    }
}

#[test]
fn a_range_of_days_or_seasons_is_kept_whole_shown_exported_and_edited_away() {
    let w = Workdir::new();
    w.import_reading(
        "r.nbib",
        "PMID- 30000201\nTI  - Day range kept.\nDP  - 1998 May 3-5\nJT  - J\n\n\
         PMID- 30000202\nTI  - Season range kept.\nDP  - 1998 Summer-Fall\nJT  - J\n\n",
    );
    let l = w.reading_list();
    let days = reading(&l, "Day range kept");
    assert_eq!((days["day"].as_i64(), days["day_end"].as_i64()), (Some(3), Some(5)));
    let seasons = reading(&l, "Season range kept");
    assert_eq!((seasons["season"].as_str(), seasons["season_end"].as_str()), (Some("summer"), Some("autumn")));
    let id = days["id"].as_i64().unwrap().to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.contains("day_end") && shown.contains('5'), "{shown}");
    // The same file again changes nothing; an older copy without the range keeps it.
    let again = w.import_reading("r2.nbib", "PMID- 30000201\nTI  - Day range kept.\nDP  - 1998 May 3\nJT  - J\n\n");
    assert!(again.contains("0 changed") || again.contains("unchanged"), "{again}");
    assert_eq!(reading(&w.reading_list(), "Day range kept")["day_end"], 5);
    // A day edited by hand takes the range's end with it (no stale end, no constraint error).
    w.ok(&["reading", "edit", &id, "--day", "4", "--by", "amina"]);
    let r = reading(&w.reading_list(), "Day range kept").clone();
    assert_eq!((r["day"].as_i64(), r["day_end"].as_i64()), (Some(4), None));
    let sid = seasons["id"].as_i64().unwrap().to_string();
    w.ok(&["reading", "edit", &sid, "--year", "1999", "--by", "amina"]);
    let r = reading(&w.reading_list(), "Season range kept").clone();
    assert_eq!(r["season_end"], Value::Null, "{r}");
    // A bundle keeps both columns.
    let dir = w.path("b");
    w.ok(&["export", "bundle", dir.to_str().unwrap()]);
    let table = std::fs::read_to_string(dir.join("reading.jsonl")).unwrap();
    assert!(table.contains("\"season_end\"") && table.contains("\"day_end\""), "{table}");
    // And a database rebuilt from it has them.
    let rebuilt = w.path("rebuilt.db");
    w.ok_at(&rebuilt, &["import", "bundle", dir.to_str().unwrap()]);
    let list: Value = serde_json::from_str(&w.ok_at(&rebuilt, &["reading", "list", "--format", "json"])).unwrap();
    assert_eq!(reading(&list, "Season range kept")["season"], "summer");
}
