//! Tester r86: one work under its title in its own script, PubMed's
//! bracketed translation and a romanisation of it, by import in either
//! order and by `canon merge` (F1, F2, F3, F7).

mod common;
use common::*;

const RU_CSV: &str = "title,authors,year,type,container,volume,pages
Колониальная медицина в Российской империи,\"Иванова, Анна Петровна\",2018,article,Voprosy istorii meditsiny,5,33-41
";

const RU_NBIB: &str = "PMID- 31000002
VI  - 5
DP  - 2018
TI  - [Colonial medicine in the Russian Empire].
TT  - Колониальная медицина в Российской империи
PG  - 33-41
FAU - Ivanova, Anna Petrovna
AU  - Ivanova AP
LA  - rus
PT  - Journal Article
TA  - Vopr Istor Med
JT  - Voprosy istorii meditsiny
";

const GR_CSV: &str = "title,authors,year,type,container,volume,pages
Αποικιακή ιατρική στα Δωδεκάνησα,\"Παπαδόπουλος, Γεώργιος\",2015,article,Αρχεία Ελληνικής Ιατρικής,12,101-110
";

const GR_NBIB: &str = "PMID- 31000010
VI  - 12
DP  - 2015
TI  - [Colonial medicine in the Dodecanese].
TT  - Αποικιακή ιατρική στα Δωδεκάνησα
PG  - 101-110
FAU - Papadopoulos, Georgios
AU  - Papadopoulos G
LA  - gre
PT  - Journal Article
TA  - Arch Hell Med
JT  - Archives of Hellenic medicine
";

const AR_NBIB: &str = "PMID- 31000011
VI  - 9
DP  - 2016
TI  - [Colonial medicine in Egypt].
PG  - 45-60
FAU - al-Razi, Muhammad
AU  - al-Razi M
LA  - ara
PT  - Journal Article
TA  - East Mediterr Health J
JT  - Eastern Mediterranean health journal
";

const AR_RIS: &str = "TY  - JOUR
TI  - الطب الاستعماري في مصر
AU  - الرازي, محمد
PY  - 2016
JO  - المجلة الطبية
VL  - 9
SP  - 45
EP  - 60
ER  - 
";

fn only(w: &Workdir) -> serde_json::Value {
    let list = w.reading_list();
    let all = list.as_array().expect("array");
    assert_eq!(all.len(), 1, "one record: {list:#}");
    all[0].clone()
}

fn authors(r: &serde_json::Value) -> Vec<String> {
    r["authors"].as_array().expect("authors").iter().map(|a| a.as_str().unwrap_or_default().to_string()).collect()
}

/// F1: the work in Cyrillic with its authors in Cyrillic, and PubMed's
/// record with the names romanised: one record in either order.
#[test]
fn pubmed_translation_merges_with_cyrillic_authors_in_either_order() {
    for first_csv in [true, false] {
        let w = Workdir::new();
        if first_csv {
            w.import_reading("ru.csv", RU_CSV);
            let err = w.import_reading("ru.nbib", RU_NBIB);
            assert!(err.contains("readings: 0 new, 1 changed"), "{err}");
        } else {
            w.import_reading("ru.nbib", RU_NBIB);
            let err = w.import_reading("ru.csv", RU_CSV);
            assert!(err.contains("readings: 0 new, 1 changed"), "{err}");
        }
        let r = only(&w);
        assert_eq!(r["title"], "[Colonial medicine in the Russian Empire]");
        assert_eq!(r["original_title"], "Колониальная медицина в Российской империи");
        assert_eq!(authors(&r), ["Иванова, Анна Петровна"]);
        assert_eq!(r["pmid"], "31000002");
        assert_eq!(r["container_short"], "Vopr Istor Med");
        assert_eq!(r["pages"], "33-41");
    }
}

/// F1's kind in Greek (journal in its own script too) and Arabic (RIS,
/// no `TT`): one record in either order, the names in the work's script.
#[test]
fn greek_and_arabic_works_merge_with_pubmeds_record() {
    for first_native in [true, false] {
        let w = Workdir::new();
        if first_native {
            w.import_reading("gr.csv", GR_CSV);
            w.import_reading("gr.nbib", GR_NBIB);
        } else {
            w.import_reading("gr.nbib", GR_NBIB);
            w.import_reading("gr.csv", GR_CSV);
        }
        let r = only(&w);
        assert_eq!(r["title"], "[Colonial medicine in the Dodecanese]");
        assert_eq!(r["original_title"], "Αποικιακή ιατρική στα Δωδεκάνησα");
        assert_eq!(authors(&r), ["Παπαδόπουλος, Γεώργιος"]);
        assert_eq!(r["container"], "Αρχεία Ελληνικής Ιατρικής");
        assert_eq!(r["pmid"], "31000010");
    }
    let w = Workdir::new();
    w.import_reading("ar.nbib", AR_NBIB);
    w.import_reading("ar.ris", AR_RIS);
    let r = only(&w);
    assert_eq!(r["title"], "[Colonial medicine in Egypt]");
    assert_eq!(r["original_title"], "الطب الاستعماري في مصر");
    assert_eq!(authors(&r), ["الرازي, محمد"]);
    assert_eq!(r["pmid"], "31000011");
}

/// Another person in another script is not the same work, whatever the
/// place in print: two records, the duplicate said.
#[test]
fn another_person_in_another_script_stays_apart() {
    let w = Workdir::new();
    w.import_reading("ru.csv", &RU_CSV.replace("Иванова, Анна Петровна", "Петрова, Анна Петровна"));
    let err = w.import_reading("ru.nbib", RU_NBIB);
    assert!(err.contains("readings: 1 new"), "{err}");
    assert_eq!(w.reading_list().as_array().expect("array").len(), 2);
}

const ZH_CSV: &str = "title,authors,year,type,container,volume,issue,pages,doi,language
殖民医学与中国近代卫生,\"李, 明; 王, 芳\",2017,article,中华医史杂志,47,1,1-9,10.3760/cma.j.issn.0255-7053.2017.01.001,zh
";

/// F2: a pinyin title from a spreadsheet (same DOI, year, volume and pages)
/// is the stored Chinese title romanised: the Chinese stays the title, no
/// original title is made, the pinyin is said, and no reference prints it
/// in a translation's brackets.
#[test]
fn pinyin_title_does_not_replace_the_chinese_one() {
    let w = Workdir::new();
    w.import_reading("zh.csv", ZH_CSV);
    let err = w.import_reading(
        "sheet.csv",
        "title,authors,year,type,doi,container,volume,issue,pages
Zhimin yixue yu Zhongguo jindai weisheng,\"Li, Ming; Wang, Fang\",2017,article,10.3760/CMA.J.ISSN.0255-7053.2017.01.001,Zhonghua Yi Shi Za Zhi,47,1,1-9
",
    );
    assert!(
        err.contains(
            "the file's \"Zhimin yixue yu Zhongguo jindai weisheng\" is that title romanised (a transliteration, not \
             a translation) and was not stored: the title in the work's own script stays the title"
        ),
        "{err}"
    );
    assert!(!err.contains("is stored as the title"), "{err}");
    let r = only(&w);
    assert_eq!(r["title"], "殖民医学与中国近代卫生");
    assert!(r["original_title"].is_null(), "{r:#}");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "殖民医学"),
        "李明, 王芳. 殖民医学与中国近代卫生. 中华医史杂志. 2017;47(1):1-9. Chinese. doi:10.3760/cma.j.issn.0255-7053.2017.01.001"
    );
    let refs = w.references("apa");
    assert!(!reference(&refs, "殖民医学").contains("Zhimin"), "{refs:?}");
}

/// F2's kind in other scripts and formats: a Russian title romanised in
/// CSL-JSON, a Japanese one in Hepburn in BibTeX, a Greek one in RIS, each
/// found by its DOI: the title in its own script stays, nothing in
/// brackets. An English translation is still stored as an index gives it.
#[test]
fn romanised_titles_in_other_scripts_and_formats_are_not_translations() {
    let cases: [(&str, &str, &str, String); 3] = [
        (
            "Колониальная медицина в Российской империи",
            "Иванова, Анна",
            "10.1000/ru.1",
            r#"[{"type":"article-journal","title":"Kolonial'naya meditsina v Rossiiskoi imperii","author":[{"family":"Ivanova","given":"Anna"}],"issued":{"date-parts":[[2018]]},"container-title":"Voprosy istorii meditsiny","volume":"5","page":"33-41","DOI":"10.1000/ru.1"}]"#.to_string(),
        ),
        (
            "植民地医学の歴史",
            "中村, 博",
            "10.1000/ja.1",
            "@article{n2018,\n  title = {Shokuminchi igaku no rekishi},\n  author = {Nakamura, Hiroshi},\n  year = {2018},\n  journal = {Nihon Ishigaku Zasshi},\n  volume = {5},\n  pages = {33--41},\n  doi = {10.1000/ja.1}\n}\n".to_string(),
        ),
        (
            "Αποικιακή ιατρική στα Δωδεκάνησα",
            "Παπαδόπουλος, Γεώργιος",
            "10.1000/el.1",
            "TY  - JOUR\nTI  - Apoikiaki iatriki sta Dodekanisa\nAU  - Papadopoulos, Georgios\nPY  - 2018\nJO  - Archeia Ellinikis Iatrikis\nVL  - 5\nSP  - 33\nEP  - 41\nDO  - 10.1000/el.1\nER  - \n".to_string(),
        ),
    ];
    for (n, (title, author, doi, file)) in cases.iter().enumerate() {
        let w = Workdir::new();
        w.import_reading(
            "native.csv",
            &format!("title,authors,year,type,container,volume,pages,doi\n{title},\"{author}\",2018,article,Журнал,5,33-41,{doi}\n"),
        );
        let name = ["ru.json", "ja.bib", "el.ris"][n];
        let err = w.import_reading(name, file);
        assert!(err.contains("is that title romanised (a transliteration, not a translation)"), "{name}: {err}");
        let r = only(&w);
        assert_eq!(r["title"], *title, "{name}");
        assert!(r["original_title"].is_null(), "{name}: {r:#}");
        assert!(!reference(&w.references("apa"), title).contains('['), "{name}");
    }
    // An English title of the same work is a translation, as before.
    let w = Workdir::new();
    w.import_reading("zh.csv", ZH_CSV);
    w.import_reading(
        "en.csv",
        "title,authors,year,type,doi,volume,issue,pages
Colonial medicine and modern Chinese health,\"Li, Ming; Wang, Fang\",2017,article,10.3760/cma.j.issn.0255-7053.2017.01.001,47,1,1-9
",
    );
    let r = only(&w);
    assert_eq!(r["title"], "Colonial medicine and modern Chinese health");
    assert_eq!(r["original_title"], "殖民医学与中国近代卫生");
}

/// F2, the other order: the romanisation stored first, the title in its
/// own script later: the own script's title replaces the romanisation,
/// said, and is never made its "original" beside it.
#[test]
fn title_in_its_own_script_replaces_a_stored_romanisation() {
    let w = Workdir::new();
    w.import_reading(
        "sheet.csv",
        "title,authors,year,type,doi,volume,issue,pages
Zhimin yixue yu Zhongguo jindai weisheng,\"Li, Ming; Wang, Fang\",2017,article,10.3760/cma.j.issn.0255-7053.2017.01.001,47,1,1-9
",
    );
    let err = w.import_reading("zh.csv", ZH_CSV);
    assert!(err.contains("the title in the work's own script, is stored as the title in its place"), "{err}");
    let r = only(&w);
    assert_eq!(r["title"], "殖民医学与中国近代卫生");
    assert!(r["original_title"].is_null(), "{r:#}");
}

const S7_NBIB: &str = "PMID- 31000002
VI  - 5
DP  - 2018
TI  - [Colonial medicine in the Russian Empire].
TT  - Kolonial'naya meditsina v Rossiiskoi imperii
PG  - 33-41
FAU - Ivanova, Anna Petrovna
AU  - Ivanova AP
LA  - rus
PT  - Journal Article
TA  - Vopr Istor Med
JT  - Voprosy istorii meditsiny
";

const S7_SHEET: &str = "title,authors,year,type,container,volume,issue,pages
Kolonial'naya meditsina v Rossiiskoi imperii,\"Ivanova, A. P.\",2018,article,Vopr Istor Med,5,2,33-41
";

/// F3: `canon merge` pairs PubMed's translated-title record with the other
/// copy's record under the original title, as an import does, both ways
/// round, and both copies end as the import leaves one.
#[test]
fn merge_pairs_a_translated_title_with_the_original_both_ways() {
    for ours_pubmed in [true, false] {
        let w = Workdir::new();
        let a = w.path("a.db");
        let b = w.path("b.db");
        let nbib = w.write("ru.nbib", S7_NBIB);
        let sheet = w.write("ru.csv", S7_SHEET);
        w.ok_at(&a, &["import", "reading", nbib.to_str().unwrap(), "-q"]);
        w.ok_at(&b, &["import", "reading", sheet.to_str().unwrap(), "-q"]);
        let (ours, theirs) = if ours_pubmed { (&a, &b) } else { (&b, &a) };
        let out = w.ok_at(ours, &["merge", theirs.to_str().unwrap(), "--by", "tester"]);
        assert!(!out.contains("| add    | reading"), "{out}");
        assert!(!out.contains("conflict"), "{out}");
        let list = json_at(&w, ours, &["reading", "list", "--format", "json"]);
        let all = list.as_array().expect("array");
        assert_eq!(all.len(), 1, "{list:#}");
        let r = &all[0];
        assert_eq!(r["title"], "[Colonial medicine in the Russian Empire]");
        assert_eq!(r["original_title"], "Kolonial'naya meditsina v Rossiiskoi imperii");
        assert_eq!(r["issue"], "2");
        assert_eq!(r["pmid"], "31000002");
    }
}

/// F3 with F1: the copy holds the work under its Cyrillic title and
/// authors, the other PubMed's record: one record after the merge.
#[test]
fn merge_pairs_pubmeds_record_with_the_cyrillic_one() {
    let w = Workdir::new();
    let a = w.path("a.db");
    let b = w.path("b.db");
    let nbib = w.write("ru.nbib", RU_NBIB);
    let csv = w.write("ru.csv", RU_CSV);
    w.ok_at(&a, &["import", "reading", nbib.to_str().unwrap(), "-q"]);
    w.ok_at(&b, &["import", "reading", csv.to_str().unwrap(), "-q"]);
    let out = w.ok_at(&a, &["merge", b.to_str().unwrap(), "--by", "tester"]);
    assert!(!out.contains("| add    | reading"), "{out}");
    let list = json_at(&w, &a, &["reading", "list", "--format", "json"]);
    assert_eq!(list.as_array().expect("array").len(), 1, "{list:#}");
    assert_eq!(list[0]["title"], "[Colonial medicine in the Russian Empire]");
    assert_eq!(list[0]["original_title"], "Колониальная медицина в Российской империи");
}

/// F7: after a hand correction of the title, re-importing the list says
/// only that the hand-set title is kept, never that the file's title "is
/// stored as the title".
#[test]
fn hand_set_title_is_kept_without_a_false_note() {
    let w = Workdir::new();
    w.import_reading("zh.csv", ZH_CSV);
    let en = "title,authors,year,type,doi,volume,issue,pages
Colonial medicine and modern Chinese health,\"Li, Ming; Wang, Fang\",2017,article,10.3760/cma.j.issn.0255-7053.2017.01.001,47,1,1-9
";
    w.import_reading("en.csv", en);
    let id = only(&w)["id"].as_i64().expect("id").to_string();
    w.ok(&["reading", "edit", &id, "--title", "殖民医学与中国近代卫生", "--original-title", "", "--by", "amina"]);
    let err = w.import_reading("en.csv", en);
    assert!(!err.contains("is stored as the title"), "{err}");
    assert!(err.contains("original_title, title are kept as stored: set by hand"), "{err}");
    let r = only(&w);
    assert_eq!(r["title"], "殖民医学与中国近代卫生");
    assert!(r["original_title"].is_null(), "{r:#}");
}

/// F2's kind without a DOI: a romanised title (Hindi, Russian) with the
/// same year and first author (in either script) is the stored work, its
/// title in its own script kept, the romanisation said.
#[test]
fn romanised_title_without_a_doi_is_the_same_work() {
    for (native, author, latin, latin_author) in [
        ("औपनिवेशिक चिकित्सा का इतिहास", "शर्मा, राजेश", "Aupaniveshik chikitsa ka itihas", "Sharma, Rajesh"),
        (
            "Колониальная медицина в Российской империи",
            "Иванова, Анна Петровна",
            "Kolonial'naya meditsina v Rossiiskoi imperii",
            "Ivanova, A. P.",
        ),
    ] {
        let w = Workdir::new();
        w.import_reading(
            "n.csv",
            &format!("title,authors,year,type,volume,pages\n{native},\"{author}\",2015,article,7,11-19\n"),
        );
        let err = w.import_reading(
            "l.csv",
            &format!("title,authors,year,type,volume,issue,pages\n{latin},\"{latin_author}\",2015,article,7,2,11-19\n"),
        );
        assert!(
            err.contains(&format!(
                "(same title in other letters, year and first author) is this work under its title \"{native}\"; the \
                 file's \"{latin}\" is that title romanised (a transliteration, not a translation) and was not stored"
            )),
            "{err}"
        );
        let r = only(&w);
        assert_eq!(r["title"], native);
        assert!(r["original_title"].is_null(), "{r:#}");
        assert_eq!(r["issue"], "2");
    }
}

/// The same in `canon merge`: a copy's romanised title pairs with the
/// other's own-script title (same year and first author), and both ways the
/// own-script title is the title, as an import leaves it.
#[test]
fn merge_pairs_a_romanised_title_with_its_own_script_both_ways() {
    for ours_native in [true, false] {
        let w = Workdir::new();
        let (a, b) = (w.path("a.db"), w.path("b.db"));
        let native = w.write(
            "n.csv",
            "title,authors,year,type,volume,pages\nऔपनिवेशिक चिकित्सा का इतिहास,\"शर्मा, राजेश\",2015,article,7,11-19\n",
        );
        let latin = w.write(
            "l.csv",
            "title,authors,year,type,volume,issue,pages\nAupaniveshik chikitsa ka itihas,\"Sharma, Rajesh\",2015,article,7,2,11-19\n",
        );
        w.ok_at(&a, &["import", "reading", native.to_str().unwrap(), "-q"]);
        w.ok_at(&b, &["import", "reading", latin.to_str().unwrap(), "-q"]);
        let (ours, theirs) = if ours_native { (&a, &b) } else { (&b, &a) };
        let out = w.ok_at(ours, &["merge", theirs.to_str().unwrap(), "--by", "tester"]);
        assert!(!out.contains("| add    | reading"), "{out}");
        let list = json_at(&w, ours, &["reading", "list", "--format", "json"]);
        assert_eq!(list.as_array().expect("array").len(), 1, "{list:#}");
        assert_eq!(list[0]["title"], "औपनिवेशिक चिकित्सा का इतिहास", "{out}");
        assert!(list[0]["original_title"].is_null(), "{list:#}");
        assert_eq!(list[0]["issue"], "2");
    }
}
