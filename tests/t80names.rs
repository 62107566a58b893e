//! Tester r80: a name BibTeX's rule reads by a guess never replaces the
//! same name stored exactly (F3); "et al." in its other spellings ends an
//! author list, in every format, and is nobody's name (F5); the hint for an
//! unread column names a field of the header's kind (F9).

mod common;
use common::*;
use serde_json::json;

fn names(list: &serde_json::Value, title: &str) -> serde_json::Value {
    let r = reading(list, title);
    let parts: Vec<serde_json::Value> = r["author_names"]
        .as_array()
        .expect("author_names")
        .iter()
        .map(|n| json!([n["family"], n["given"], n["particle"], n["literal"], n["original"]]))
        .collect();
    json!(parts)
}

const JSON: &str = r#"[{"id":"a","type":"book","title":"The Canon of Medicine","author":[{"family":"Ibn Sina","given":""}],"issued":{"date-parts":[[1999]]},"publisher":"Kazi","publisher-place":"Chicago"},
 {"id":"v","type":"book","title":"Letters","author":[{"family":"Van Gogh","given":"Vincent"}],"issued":{"date-parts":[[1990]]},"publisher":"P","publisher-place":"Paris"},
 {"id":"t","type":"book","title":"Travels","author":[{"family":"Ibn Battuta"}],"issued":{"date-parts":[[1929]]},"publisher":"Routledge","publisher-place":"London"}]"#;

const BIB: &str = "@book{a, author = {Ibn Sina}, title = {The Canon of Medicine}, year = {1999}, publisher = {Kazi}, address = {Chicago}, edition = {2}}
@book{v, author = {Vincent Van Gogh}, title = {Letters}, year = {1990}, publisher = {P}, address = {Paris}}
@book{t, author = {Ibn Battuta}, title = {Travels}, year = {1929}, publisher = {Routledge}, address = {London}}
";

const CSV: &str = "title,authors,year,type,publisher,place
The Canon of Medicine,Ibn Sina,1999,book,Kazi,Chicago
Letters,Vincent Van Gogh,1990,book,P,Paris
Travels,Ibn Battuta,1929,book,Routledge,London
";

fn import_in(w: &Workdir, order: &[&str]) -> String {
    let mut err = String::new();
    for f in order {
        let (name, text) = match *f {
            "json" => ("m.json", JSON),
            "bib" => ("m.bib", BIB),
            _ => ("m.csv", CSV),
        };
        err.push_str(&w.import_reading(name, text));
    }
    err
}

#[test]
fn f3_bibtex_guess_never_replaces_the_exact_csl_json_name() {
    let w = Workdir::new();
    import_in(&w, &["json"]);
    let err = w.ok_stderr(&["import", "reading", w.write("m.bib", BIB).to_str().unwrap(), "--dry-run"]);
    assert!(
        err.contains("author \"Ibn Sina\" was read by BibTeX's rule as family name \"Sina\", given name \"Ibn\""),
        "{err}"
    );
    let dry = w.ok(&["import", "reading", "m.bib", "--dry-run"]);
    assert!(
        dry.contains(
            "authors: kept \"Ibn Sina\" as stored, family \"Ibn Sina\" (the file's reading, family \"Sina\", given \
             \"Ibn\", is a guess by BibTeX's rule)"
        ),
        "{dry}"
    );
    w.import_reading("m.bib", BIB);
    let list = w.reading_list();
    assert_eq!(names(&list, "The Canon"), json!([["Ibn Sina", null, null, null, "Ibn Sina"]]));
    assert_eq!(reading(&list, "The Canon")["edition"], json!("2"));
    assert_eq!(names(&list, "Letters"), json!([["Van Gogh", "Vincent", null, null, "Van Gogh, Vincent"]]));
    assert_eq!(names(&list, "Travels"), json!([["Ibn Battuta", null, null, null, "Ibn Battuta"]]));
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "The Canon"), "Ibn Sina. The Canon of Medicine. 2nd ed. Chicago: Kazi; 1999.");
    assert_eq!(reference(&refs, "Travels"), "Ibn Battuta. Travels. London: Routledge; 1929.");
    assert_eq!(reference(&refs, "Letters"), "Van Gogh V. Letters. Paris: P; 1990.");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "The Canon"), "Ibn Sina. (1999). The Canon of Medicine (2nd ed.). Kazi.");
}

#[test]
fn f3_every_import_order_ends_with_the_exact_name() {
    for order in [
        &["json", "bib"][..],
        &["bib", "json"],
        &["csv", "bib"],
        &["bib", "csv"],
        &["csv", "bib", "json"],
        &["json", "csv", "bib"],
        &["bib", "csv", "json"],
        &["bib", "json", "csv"],
    ] {
        let w = Workdir::new();
        import_in(&w, order);
        let list = w.reading_list();
        let has_json = order.contains(&"json");
        let canon = names(&list, "The Canon");
        let expected = if has_json {
            json!([["Ibn Sina", null, null, null, "Ibn Sina"]])
        } else {
            json!([[null, null, null, "Ibn Sina", "Ibn Sina"]])
        };
        assert_eq!(canon, expected, "order {order:?}");
        let refs = w.references("vancouver");
        assert_eq!(
            reference(&refs, "The Canon"),
            "Ibn Sina. The Canon of Medicine. 2nd ed. Chicago: Kazi; 1999.",
            "order {order:?}"
        );
        let letters = reference(&refs, "Letters");
        assert!(
            letters.starts_with("Van Gogh V. Letters.") || letters.starts_with("Vincent Van Gogh. Letters."),
            "{letters}"
        );
        assert_eq!(w.count("SELECT COUNT(*) FROM reading"), 3, "order {order:?}");
    }
}

#[test]
fn f3_the_exact_name_replacing_a_guess_is_said_and_logged_with_its_parts() {
    let w = Workdir::new();
    import_in(&w, &["bib"]);
    let list = w.reading_list();
    assert_eq!(names(&list, "The Canon"), json!([["Sina", "Ibn", null, null, "Ibn Sina"]]));
    let err = import_in(&w, &["json"]);
    assert!(
        err.contains(
            "the file's value replaces the stored one: authors read into other parts: \"Ibn Sina\" family \"Ibn \
             Sina\" (was family \"Sina\", given \"Ibn\")"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(names(&list, "The Canon"), json!([["Ibn Sina", null, null, null, "Ibn Sina"]]));
    let log = w.ok(&["log", "--format", "csv"]);
    assert!(
        log.contains(
            "author_names: Ibn Sina (family \"\"Sina\"\", given \"\"Ibn\"\") → Ibn Sina (family \"\"Ibn Sina\"\")"
        ),
        "{log}"
    );
}

const ETAL: &str = "title,authors,year,type
E1,\"Smith, J. and colleagues\",2001,article
E2,\"Smith J and others\",2001,article
E3,\"Smith J, et al\",2001,article
E4,\"Smith J et al.\",2001,article
E5,\"Smith, John, et al.\",2001,article
E6,\"Smith, J.; and others\",2001,article
E7,\"Smith J, et al.,\",2001,article
E8,\"Smith J., & al.\",2001,article
E9,\"Smith J, u. a.\",2001,article
E10,\"Smith J; et. al\",2001,article
E11,\"Smith J & colleagues\",2001,article
E12,\"Smith J, Jones K, et alii\",2001,article
E13,\"Smith J, und andere\",2001,article
E14,\"Smith J; Jones K; et al.;\",2001,article
E15,\"Smith J, Jones K...\",2001,article
E16,\"Smith J, et coll.\",2001,article
";

#[test]
fn f5_et_al_variants_in_a_spreadsheet_cell_cut_the_list_short() {
    let w = Workdir::new();
    let err = w.import_reading("etal.csv", ETAL);
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    let expect = |t: &str, authors: serde_json::Value| {
        let r = reading(&list, t);
        let r = list.as_array().unwrap().iter().find(|x| x["title"] == json!(t)).unwrap_or(r);
        assert_eq!(r["authors"], authors, "{t}");
        assert_eq!(r["authors_truncated"], json!(true), "{t}");
    };
    for t in ["E1", "E6"] {
        expect(t, json!(["Smith, J."]));
    }
    for t in ["E2", "E3", "E4", "E7", "E9", "E10", "E11", "E13", "E16"] {
        expect(t, json!(["Smith J"]));
    }
    expect("E5", json!(["Smith, John"]));
    expect("E8", json!(["Smith J."]));
    for t in ["E12", "E14", "E15"] {
        expect(t, json!(["Smith J", "Jones K"]));
    }
    let refs = w.references("vancouver");
    for t in ["E1", "E7", "E8", "E9", "E10", "E11", "E13", "E16"] {
        assert_eq!(refs[t], format!("Smith J, et al. {t}. 2001."), "{t}");
    }
    assert_eq!(refs["E12"], "Smith J, Jones K, et al. E12. 2001.");
}

#[test]
fn f5_initials_that_look_like_u_a_stay_a_persons() {
    let w = Workdir::new();
    let err = w.import_reading(
        "ua.csv",
        "title,authors,year,type\nU1,\"Smith, U. A.\",2001,article\nU2,\"Smith U.A.; Jones K\",2001,article\nU3,\"Osei, Al\",2001,article\n",
    );
    assert!(!err.contains("warning"), "{err}");
    let list = w.reading_list();
    let r = list.as_array().unwrap().iter().find(|x| x["title"] == json!("U1")).unwrap();
    assert_eq!(r["authors_truncated"], json!(false));
    assert_eq!(r["author_names"][0]["family"], json!("Smith"));
    assert_eq!(r["author_names"][0]["given"], json!("U. A."));
    let r = list.as_array().unwrap().iter().find(|x| x["title"] == json!("U2")).unwrap();
    assert_eq!(r["authors"], json!(["Smith U.A.", "Jones K"]));
    assert_eq!(r["authors_truncated"], json!(false));
    let r = list.as_array().unwrap().iter().find(|x| x["title"] == json!("U3")).unwrap();
    assert_eq!(r["authors"], json!(["Osei, Al"]));
    assert_eq!(r["authors_truncated"], json!(false));
}

#[test]
fn f5_et_al_variants_in_bibtex_ris_and_csl_json() {
    let w = Workdir::new();
    w.import_reading(
        "f.bib",
        "@article{b1, author = {Smith, John and colleagues}, title = {B1}, journal = {J}, year = {2001}}
@article{b2, author = {Smith, John and al.}, title = {B2}, journal = {J}, year = {2001}}
@article{b3, author = {Smith, John and u. a.}, title = {B3}, journal = {J}, year = {2001}}
",
    );
    w.import_reading(
        "f.ris",
        "TY  - JOUR\nTI  - R1\nAU  - Smith, John\nAU  - and colleagues\nPY  - 2001\nER  - \n\n\
         TY  - JOUR\nTI  - R2\nAU  - Smith, John\nAU  - u. a.\nPY  - 2001\nER  - \n\n\
         TY  - JOUR\nTI  - R3\nAU  - Smith, John\nAU  - et al.,\nPY  - 2001\nER  - \n",
    );
    w.import_reading(
        "f.json",
        r#"[{"id":"j1","type":"article-journal","title":"J1","author":[{"family":"Smith","given":"John"},{"literal":"and colleagues"}],"issued":{"date-parts":[[2001]]}},
 {"id":"j2","type":"article-journal","title":"J2","author":[{"family":"Smith","given":"John"},{"literal":"u. a."}],"issued":{"date-parts":[[2001]]}},
 {"id":"j3","type":"article-journal","title":"J3","author":[{"family":"Smith","given":"John"},{"family":"al.","given":"et"}],"issued":{"date-parts":[[2001]]}}]"#,
    );
    let list = w.reading_list();
    for t in ["B1", "B2", "B3", "R1", "R2", "R3", "J1", "J2", "J3"] {
        let r = list.as_array().unwrap().iter().find(|x| x["title"] == json!(t)).unwrap();
        assert_eq!(r["authors"], json!(["Smith, John"]), "{t}");
        assert_eq!(r["authors_truncated"], json!(true), "{t}");
    }
    let refs = w.references("vancouver");
    assert_eq!(refs["J3"], "Smith J, et al. J3. 2001.");
}

#[test]
fn f9_a_title_column_is_never_offered_as_a_language() {
    let w = Workdir::new();
    let hint = |header: &str| -> String {
        let name = format!("h{}.csv", header.len());
        let text = format!(
            "title,authors,year,type,{header}\nThe second sex,\"de Beauvoir, Simone\",2010,book,Le deuxième sexe\n"
        );
        let db = w.path(&format!("{name}.db"));
        let p = w.write(&name, text);
        stderr_at(&w, &db, &["import", "reading", p.to_str().unwrap()])
            .lines()
            .find(|l| l.contains("is not read"))
            .map(|l| l.split("; ").last().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    assert_eq!(hint("Translated Title"), "to read it, add --map 'Translated Title=original_title'");
    assert_eq!(hint("Title Translation"), "to read it, add --map 'Title Translation=original_title'");
    assert_eq!(hint("Translated Language"), "to read it, add --map 'Translated Language=original_language'");
    assert_eq!(hint("Language of Translation"), "to read it, add --map 'Language of Translation=original_language'");
    assert_eq!(hint("Title Language"), "to read it, add --map 'Title Language=language'");
    assert_eq!(hint("Book Title"), "to read it, add --map 'Book Title=container'");
    // The tester's file: the hint, followed, stores the title as the original title.
    let p = w.write(
        "od.csv",
        "title,authors,year,type,Original Date,Translated Title\nThe second sex,\"de Beauvoir, Simone\",2010,book,1949,Le deuxième sexe\n",
    );
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--map", "Translated Title=original_title"]);
    assert!(!err.contains("not read"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "The second sex")["original_title"], json!("Le deuxième sexe"));
    assert_eq!(reading(&list, "The second sex")["original_year"], json!("1949"));
}
