//! One work in two scripts gives one record whatever the order of a
//! group's imports (tester r78 F6): the English title an index gives as
//! the title, the title as published beside it as its original title, the
//! names and the journal in the work's own script. Such a work is cited as
//! the manuals cite a translated title (F7): Vancouver and AMA the
//! translation in brackets, APA, Chicago and Harvard "Original
//! [Translation]". A facet of a reading a merge keeps removed stays removed
//! with it (F14).

mod common;

use common::{Workdir, reading, reference};

/// The article from its own journal (tester's `journal-own.ris`).
const OWN: &str = "TY  - JOUR\nAU  - Иванова, Анна Сергеевна\nAU  - Петров, Игорь Николаевич\n\
TI  - Расовые поправки в спирометрии: обзор литературы\nJO  - Пульмонология\nPY  - 2021\nVL  - 31\nIS  - 2\n\
SP  - 210\nEP  - 218\nDO  - 10.18093/0869-0189-2021-31-2-210-218\nLA  - rus\nER  - \n";

/// The same article as Scopus exports it (tester's `scopus-nonenglish.csv`).
const SCOPUS: &str = "\u{feff}Authors,Author full names,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,Page count,Cited by,DOI,Link,Language of Original Document,Document Type,Publication Stage,Open Access,Source,EID
\"Ivanova A.S.; Petrov I.N.\",\"Ivanova, Anna Sergeevna (57200000001); Petrov, Igor Nikolaevich (57200000002)\",\"57200000001; 57200000002\",\"Race corrections in spirometry: a literature review\",2021,\"Pulmonologiya\",31,2,,210,218,9,3,10.18093/0869-0189-2021-31-2-210-218,https://www.scopus.com/inward/record.uri?eid=2-s2.0-85100000001,Russian,Review,Final,\"All Open Access; Gold Open Access\",Scopus,2-s2.0-85100000001
";

const RU: &str = "Расовые поправки в спирометрии: обзор литературы";
const EN: &str = "Race corrections in spirometry: a literature review";

/// An Arabic article from its own journal (CSL-JSON, with its language)
/// and as an English-language index gives it (RIS, romanised).
const ARABIC: &str = r#"[{"id":"a1","type":"article-journal","title":"العنصرية في التعليم الطبي","container-title":"المجلة الطبية العربية","author":[{"family":"الخطيب","given":"محمد"},{"family":"حداد","given":"ليلى"}],"issued":{"date-parts":[[2019,4,2]]},"volume":"12","issue":"3","page":"45-60","DOI":"10.5555/arab.2019.12","language":"ar"}]"#;
const ARABIC_EN: &str = "TY  - JOUR\nAU  - Al-Khatib, Mohammed\nAU  - Haddad, Layla\nTI  - Racism in medical education\n\
T2  - Arab Medical Journal\nPY  - 2019\nVL  - 12\nIS  - 3\nSP  - 45\nEP  - 60\nDO  - 10.5555/ARAB.2019.12\nER  - \n";

/// What makes a record the same one: title, original title, names,
/// journal, language.
fn key(w: &Workdir) -> Vec<serde_json::Value> {
    let list = w.reading_list();
    let rows = list.as_array().expect("a list");
    assert_eq!(rows.len(), 1, "{list}");
    let r = &rows[0];
    ["title", "original_title", "authors", "container", "language"].iter().map(|k| r[*k].clone()).collect()
}

/// Imports `first` then `second` into a new database; returns it and what
/// the second import said.
fn imported(first: (&str, &str), second: (&str, &str)) -> (Workdir, String) {
    let w = Workdir::new();
    w.import_reading(first.0, first.1);
    let said = w.import_reading(second.0, second.1);
    (w, said)
}

/// F6: either order gives one record: the English title, the Cyrillic
/// one beside it, the names and journal in Cyrillic; each import says what
/// it did, and importing both again changes nothing.
#[test]
fn the_same_russian_article_is_one_record_in_either_order() {
    let (a, said_a) = imported(("own.ris", OWN), ("scopus.csv", SCOPUS));
    let (b, said_b) = imported(("scopus.csv", SCOPUS), ("own.ris", OWN));
    assert_eq!(key(&a), key(&b), "A:\n{said_a}\nB:\n{said_b}");
    let list = a.reading_list();
    let r = reading(&list, "Race corrections");
    assert_eq!(r["title"], EN);
    assert_eq!(r["original_title"], RU);
    assert_eq!(r["authors"], serde_json::json!(["Иванова, Анна Сергеевна", "Петров, Игорь Николаевич"]));
    assert_eq!(r["container"], "Пульмонология");
    assert_eq!(r["language"], "ru");
    // Order A: the English title is stored, the Cyrillic one its original.
    assert!(
        said_a.contains(&format!(
            "scopus.csv:2: entry R{} (same DOI, year, volume and pages) is this work under its title \"{RU}\" in its \
             own script; the file's \"{EN}\", its title as an English-language index gives it, is stored as the title",
            r["id"]
        )),
        "{said_a}"
    );
    assert!(!said_a.contains("was not stored"), "{said_a}");
    // The romanised names are said, in either order.
    assert!(
        said_a.contains("the file writes \"Ivanova, Anna Sergeevna\", the same person in another script"),
        "{said_a}"
    );
    assert!(
        said_b.contains(
            "authors \"Иванова, Анна Сергеевна; Петров, Игорь Николаевич\" (was \"Ivanova, Anna Sergeevna; Petrov, \
             Igor Nikolaevich\")"
        ) && said_b.contains("container \"Пульмонология\" (was \"Pulmonologiya\")"),
        "{said_b}"
    );
    assert!(!said_b.contains("another name in its place"), "{said_b}");
    for w in [&a, &b] {
        for (name, text) in [("own.ris", OWN), ("scopus.csv", SCOPUS)] {
            let again = w.import_reading(name, text);
            assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
        }
    }
    assert_eq!(key(&a), key(&b));
}

/// F6, another script and format: an Arabic article from CSL-JSON and as
/// an index's RIS gives it is one record in either order.
#[test]
fn the_same_arabic_article_is_one_record_in_either_order() {
    let (a, said_a) = imported(("own.json", ARABIC), ("index.ris", ARABIC_EN));
    let (b, said_b) = imported(("index.ris", ARABIC_EN), ("own.json", ARABIC));
    assert_eq!(key(&a), key(&b), "A:\n{said_a}\nB:\n{said_b}");
    let list = b.reading_list();
    let r = reading(&list, "Racism in medical education");
    assert_eq!(r["original_title"], "العنصرية في التعليم الطبي");
    assert_eq!(r["container"], "المجلة الطبية العربية");
    assert_eq!(r["authors"], serde_json::json!(["الخطيب, محمد", "حداد, ليلى"]));
    let v = b.references("vancouver");
    assert!(
        reference(&v, "Racism in medical").contains("[Racism in medical education]. المجلة الطبية العربية. 2019"),
        "{v:?}"
    );
}

/// F6 stays narrow: names in another script for an article whose titles
/// are all in Latin letters (an English article by a Chinese author) do
/// not replace the stored ones; the stored names stay, said.
#[test]
fn names_in_another_script_of_an_english_work_stay_as_stored() {
    let en = "TY  - JOUR\nAU  - Zhang, Wei\nTI  - Pulse oximetry and skin tone\nJO  - Thorax\nPY  - 2022\nVL  - 77\n\
SP  - 1\nEP  - 9\nDO  - 10.5555/zh.2022\nER  - \n";
    let w = Workdir::new();
    w.import_reading("en.ris", en);
    let said = w.import_reading("zh.ris", &en.replace("Zhang, Wei", "张, 伟"));
    let list = w.reading_list();
    assert_eq!(reading(&list, "Pulse oximetry")["authors"], serde_json::json!(["Zhang, Wei"]), "{said}");
    assert!(said.contains("张, 伟"), "{said}");
}

/// F7: the record with its original title is cited under both as each
/// manual writes it, in either import order.
#[test]
fn a_translated_title_is_cited_as_the_manuals_cite_it() {
    for (first, second) in [(("own.ris", OWN), ("scopus.csv", SCOPUS)), (("scopus.csv", SCOPUS), ("own.ris", OWN))] {
        let (w, _) = imported(first, second);
        let v = w.references("vancouver");
        assert_eq!(
            reference(&v, "Race corrections"),
            "Иванова АС, Петров ИН. [Race corrections in spirometry: a literature review]. Пульмонология. \
             2021;31(2):210-8. Russian. doi:10.18093/0869-0189-2021-31-2-210-218"
        );
        let apa = w.references("apa");
        assert!(
            reference(&apa, "Race corrections").contains(
                "(2021). Расовые поправки в спирометрии: Обзор литературы [Race corrections in spirometry: A \
                 literature review]. Пульмонология, 31(2), 210–218."
            ),
            "{apa:?}"
        );
        let ama = w.references("ama");
        assert!(
            reference(&ama, "Race corrections").contains("[Race corrections in spirometry: a literature review]"),
            "{ama:?}"
        );
        for style in ["chicago", "harvard"] {
            let refs = w.references(style);
            let r = reference(&refs, "Race corrections");
            assert!(r.contains("Расовые поправки") && r.contains("[Race corrections in spirometry"), "{style}: {r}");
        }
    }
}

/// F7, more cases: a French article stored under its English title with
/// its language is cited under both; a translated book in English, its
/// original title beside it, is cited under its own title alone.
#[test]
fn a_plain_translation_is_bracketed_only_for_a_work_in_another_language() {
    let w = Workdir::new();
    w.import_reading(
        "two.json",
        r#"[{"id":"f1","type":"article-journal","title":"Colonial medicine in West Africa","container-title":"Revue d'histoire","author":[{"family":"Diallo","given":"Awa"}],"issued":{"date-parts":[[2017]]},"volume":"4","page":"1-20","language":"fr"},
{"id":"b1","type":"book","title":"The wretched of the earth","original-title":"Les damnés de la terre","publisher":"Grove Press","publisher-place":"New York","author":[{"family":"Fanon","given":"Frantz"}],"issued":{"date-parts":[[1963]]},"language":"en"}]"#,
    );
    // Its original title given by hand: the stored title stays plain.
    let list = w.reading_list();
    let id = reading(&list, "Colonial medicine")["id"].as_i64().unwrap().to_string();
    w.ok(&[
        "reading",
        "edit",
        &format!("R{id}"),
        "--original-title",
        "La médecine coloniale en Afrique de l'Ouest",
        "--by",
        "amina",
    ]);
    assert_eq!(reading(&w.reading_list(), "Colonial medicine")["title"], "Colonial medicine in West Africa");
    let v = w.references("vancouver");
    assert!(reference(&v, "Colonial medicine").contains("[Colonial medicine in West Africa]."), "{v:?}");
    assert!(reference(&v, "The wretched").contains("The wretched of the earth."), "{v:?}");
    assert!(!reference(&v, "The wretched").contains('['), "{v:?}");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Colonial medicine")
            .contains("La médecine coloniale en Afrique de l'Ouest [Colonial medicine in West Africa]"),
        "{apa:?}"
    );
    assert!(!reference(&apa, "The wretched").contains("damnés"), "{apa:?}");
}

const MODULES: &str = "\
programme,year,module_code,module_title,session_title,learning_outcomes,themes
MBBS,1,MED1,Foundations,Asthma,describe asthma,epistemic-bias
";

const READING: &str = "\
title,authors,year,type,themes
\"Fatal invention\",\"Roberts, Dorothy; Vyas, Darshali A.\",2011,book,epistemic-bias
\"Medical apartheid\",\"Washington, Harriet\",2006,book,historical-awareness
";

/// amina's copy with a reading and a facet about its second author, and
/// kofi's bundle of a copy of it, taken before amina removed the reading.
fn removed_with_facet(w: &Workdir) -> (std::path::PathBuf, std::path::PathBuf) {
    let a = w.path("amina.db");
    let m = w.write("m.csv", MODULES);
    let r = w.write("r.csv", READING);
    w.ok_at(&a, &["-q", "import", "modules", m.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&a, &["-q", "import", "reading", r.to_str().unwrap(), "--by", "amina"]);
    let fatal = rusqlite::Connection::open(&a)
        .unwrap()
        .query_row("SELECT id FROM reading WHERE title LIKE 'Fatal%'", [], |r| r.get::<_, i64>(0))
        .unwrap()
        .to_string();
    w.ok_at(
        &a,
        &[
            "-q",
            "facet",
            "add",
            &fatal,
            "--author",
            "2",
            "--facet",
            "gender",
            "--value",
            "woman",
            "--basis",
            "published",
            "--source",
            "https://example.org",
            "--by",
            "amina",
        ],
    );
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).unwrap();
    w.ok_at(&k, &["-q", "tag", &fatal, "historical-awareness", "--by", "kofi"]);
    let bundle = w.path("bk");
    w.ok_at(&k, &["export", "bundle", bundle.to_str().unwrap()]);
    w.ok_at(&a, &["-q", "reading", "remove", &fatal, "--force", "--by", "amina"]);
    (a, bundle)
}

/// F14: the facet of a reading kept removed is listed kept-removed with
/// its reading, named, and counted; `--restore-removed` brings it back
/// with the reading.
#[test]
fn a_facet_of_a_reading_kept_removed_stays_removed_with_it() {
    let w = Workdir::new();
    let (a, bundle) = removed_with_facet(&w);
    let copy = w.path("amina2.db");
    std::fs::copy(&a, &copy).unwrap();
    let o = w.run_at(&a, &["merge", bundle.to_str().unwrap(), "--by", "amina"]);
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{said}");
    assert!(!said.contains("not-placed"), "{said}");
    assert!(!said.contains("of \"\""), "{said}");
    let line = said.lines().find(|l| l.contains("| person_facet")).unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("kept-removed"), "{said}");
    assert!(
        line.contains("gender about \"Vyas, Darshali A.\": part of reading Fatal invention, which stays removed"),
        "{said}"
    );
    let kept = said.lines().filter(|l| l.starts_with("| kept-removed")).count();
    assert!(said.contains(&format!("{kept} records we removed after their copy was made are kept removed")), "{said}");
    assert_eq!(
        rusqlite::Connection::open(&a)
            .unwrap()
            .query_row("SELECT count(*) FROM person_facet", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        0
    );
    // Brought back with its reading, on its author.
    let o = w.run_at(&copy, &["merge", bundle.to_str().unwrap(), "--by", "amina", "--restore-removed"]);
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success() && !said.contains("not-placed"), "{said}");
    let c = rusqlite::Connection::open(&copy).unwrap();
    let facet: (String, i64, String) = c
        .query_row(
            "SELECT f.facet, f.author_position, r.title FROM person_facet f JOIN reading r ON r.id = f.reading_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap_or_else(|e| panic!("{e}: {said}"));
    assert_eq!(facet, ("gender".to_string(), 2, "Fatal invention".to_string()), "{said}");
}
