//! Names (testers r82 F1, r81 F12): a name canon itself read by a guess
//! (an inverted institution, BibTeX's split) never replaces a stored name
//! of the same words, and the exact one replaces the guess (1); a short
//! family name in capitals first ("LI Na") is read family first in a list
//! of such names in every format, and said when alone (2); a family name in
//! capitals beside initials ("DU BOIS, W. E. B.") is recased whole (3); an
//! editor list ending "et al." is marked, not dropped (4).

mod common;
use common::*;
use serde_json::{Value, json};

/// Each author of the reading whose title starts `title`: family, given,
/// particle, literal, as written.
fn names(list: &Value, title: &str, role: &str) -> Value {
    let parts: Vec<Value> = reading(list, title)[role]
        .as_array()
        .expect("names")
        .iter()
        .map(|n| json!([n["family"], n["given"], n["particle"], n["literal"], n["original"]]))
        .collect();
    json!(parts)
}

const BIB: &str = "@article{m,
  author = {Mensah, Jr., Kofi Asante and van der Berg, Pieter and {World Health Organization} and Lind, Tove R.},
  title = {Merge test paper},
  journal = {The Lancet Global Health},
  year = {2021},
  volume = {9},
  number = {4},
  pages = {e401--e410},
  doi = {10.1016/S2214-109X(21)00001-1}
}
";

const RIS: &str = "TY  - JOUR
AU  - Mensah, Kofi A.
AU  - Berg, Pieter van der
AU  - Organization, World Health
AU  - Lind, T.
TI  - MERGE TEST PAPER
T2  - Lancet Glob Health
PY  - 2021
VL  - 9
IS  - 4
SP  - e401
EP  - e410
DO  - 10.1016/s2214-109x(21)00001-1
ER  - 
";

const CSV_WHO: &str = "title,authors,year,type,doi,container,volume,issue,pages
Merge test paper,\"Mensah KA; Van Der Berg P; WHO; Lind TR\",2021,article,doi:10.1016/S2214-109X(21)00001-1,Lancet Glob Health,9,4,e401-10
";

fn who_stored(w: &Workdir) {
    let list = w.reading_list();
    assert_eq!(
        names(&list, "Merge test", "author_names")[2],
        json!([null, null, null, "World Health Organization", "World Health Organization"])
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Merge test"),
        "Mensah KA Jr, van der Berg P; World Health Organization; Lind TR. Merge test paper. Lancet Glob Health. \
         2021;9(4):e401-10. doi:10.1016/S2214-109X(21)00001-1"
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Merge test"),
        "Mensah, K. A., Jr., van der Berg, P., World Health Organization, & Lind, T. R. (2021). Merge test paper. \
         The Lancet Global Health, 9(4), e401–e410. https://doi.org/10.1016/S2214-109X(21)00001-1"
    );
}

/// r82 F1: the stored institution stays against the file's inverted
/// person of the same words, said in a note; the CSV's "WHO" after it
/// changes nothing either.
#[test]
fn f1_inverted_institution_never_replaces_the_stored_literal() {
    let w = Workdir::new();
    w.import_reading("m1.bib", BIB);
    let err = w.import_reading("m2.ris", RIS);
    assert!(
        err.contains(
            "authors: kept \"World Health Organization\" as stored, kept whole (the file's \"Organization, World \
             Health\", read as family \"Organization\", given \"World Health\", a person's reading of what looks \
             like an institution, is a guess)"
        ),
        "{err}"
    );
    assert!(!err.contains("(was \"World Health Organization\")"), "{err}");
    who_stored(&w);
    let err = w.import_reading("m3.csv", CSV_WHO);
    // (n86: "WHO" is said as the initials of the stored name, no longer as
    // "another name in its place".)
    assert!(
        err.contains(
            "authors: \"WHO\" is the initials of \"World Health Organization\": the name kept in full, whole as an \
             institution's"
        ),
        "{err}"
    );
    who_stored(&w);
}

/// r82 F1, the other order: the BibTeX braced literal replaces the stored
/// guessed person, and the replacement is said.
#[test]
fn f1_exact_literal_replaces_a_stored_inverted_institution() {
    let w = Workdir::new();
    w.import_reading("m2.ris", RIS);
    let list = w.reading_list();
    assert_eq!(
        names(&list, "MERGE TEST", "author_names")[2],
        json!(["Organization", "World Health", null, null, "Organization, World Health"])
    );
    let err = w.import_reading("m1.bib", BIB);
    assert!(err.contains("3 \"World Health Organization\" (was \"Organization, World Health\")"), "{err}");
    who_stored(&w);
    w.import_reading("m3.csv", CSV_WHO);
    who_stored(&w);
    // And the RIS file again changes nothing back.
    let err = w.import_reading("m2.ris", RIS);
    assert!(err.contains("kept \"World Health Organization\" as stored"), "{err}");
    who_stored(&w);
}

/// The same kind: other institutions inverted (RIS "Council, Medical
/// Research"), against a CSL-JSON literal, in both orders; a person of the
/// same words given by a source is not a guess and stays the person's.
#[test]
fn f1_other_inverted_institutions_in_either_order() {
    let json = r#"[{"id":"c","type":"report","title":"Council report","author":[{"literal":"Medical Research Council"},{"family":"Service","given":"Robert"}],"issued":{"date-parts":[[2010]]},"publisher":"MRC","publisher-place":"London"}]"#;
    let ris = "TY  - RPRT\nAU  - Council, Medical Research\nAU  - Service, Robert\nTI  - Council report\nPB  - MRC\n\
               CY  - London\nPY  - 2010\nER  - \n";
    for order in [["c.json", "c.ris"], ["c.ris", "c.json"]] {
        let w = Workdir::new();
        for f in order {
            w.import_reading(f, if f.ends_with("json") { json } else { ris });
        }
        let list = w.reading_list();
        assert_eq!(
            names(&list, "Council report", "author_names"),
            json!([
                [null, null, null, "Medical Research Council", "Medical Research Council"],
                ["Service", "Robert", null, null, "Service, Robert"]
            ]),
            "{order:?}"
        );
        let v = w.references("vancouver");
        assert!(
            reference(&v, "Council report").starts_with("Medical Research Council; Service R. Council report."),
            "{order:?}: {}",
            reference(&v, "Council report")
        );
    }
}

/// r81 F12: "LI Na" beside "ZHANG Wei" is family first in BibTeX and RIS
/// as in a cell; "LI Na" alone is read as initials, and said with the other
/// reading; "CE Chandler" (no family name of the kind) is not said.
#[test]
fn f12_short_family_names_in_capitals_read_alike_in_every_format() {
    let w = Workdir::new();
    w.import_reading(
        "z.bib",
        "@article{a, author={LI Na and ZHANG Wei}, title={Bib pair}, journal={J}, year={2019}}\n",
    );
    w.import_reading(
        "z.ris",
        "TY  - JOUR\nAU  - LI Na\nAU  - ZHANG Wei\nTI  - Ris pair\nT2  - J\nPY  - 2019\nER  - \n",
    );
    w.import_reading("z.csv", "title,authors,year,type,container\nCsv pair,\"ZHANG Wei; LI Na\",2019,article,J\n");
    let list = w.reading_list();
    let li = json!(["Li", "Na", null, null, "LI Na"]);
    let zhang = json!(["Zhang", "Wei", null, null, "ZHANG Wei"]);
    assert_eq!(names(&list, "Bib pair", "author_names"), json!([li, zhang]));
    assert_eq!(names(&list, "Ris pair", "author_names"), json!([li, zhang]));
    assert_eq!(names(&list, "Csv pair", "author_names"), json!([zhang, li]));
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Bib pair"), "Li N, Zhang W. Bib pair. J. 2019.");
    assert_eq!(reference(&v, "Ris pair"), "Li N, Zhang W. Ris pair. J. 2019.");

    let err = w.import_reading(
        "alone.csv",
        "title,authors,year,type,container\nAlone one,LI Na,2019,article,J\nAlone two,\"WU Ming; HO Li\",2019,article,J\n\
         Alone three,CE Chandler,2019,article,J\n",
    );
    assert!(
        err.contains(
            "alone.csv:2:2: warning: name \"LI Na\" was read as initials \"L. I.\", family name \"Na\"; \"LI\" may be a \
             family name written in capitals first (family name \"Li\", given name \"Na\"): if so, write it \"Li, Na\""
        ),
        "{err}"
    );
    assert!(err.contains("name \"WU Ming\" was read as initials \"W. U.\""), "{err}");
    assert!(err.contains("name \"HO Li\" was read as initials \"H. O.\""), "{err}");
    assert!(!err.contains("CE Chandler"), "{err}");
    let list = w.reading_list();
    assert_eq!(names(&list, "Alone one", "author_names"), json!([["Na", "L. I.", null, null, "LI Na"]]));
    assert_eq!(names(&list, "Alone three", "author_names"), json!([["Chandler", "C. E.", null, null, "CE Chandler"]]));
    for (file, text) in [
        ("alone.bib", "@article{b, author={LI Na}, title={Bib alone}, journal={J}, year={2019}}\n"),
        ("alone.ris", "TY  - JOUR\nAU  - LI Na\nTI  - Ris alone\nT2  - J\nPY  - 2019\nER  - \n"),
    ] {
        let err = w.import_reading(file, text);
        assert!(err.contains("name \"LI Na\" was read as initials \"L. I.\", family name \"Na\""), "{file}: {err}");
    }
}

/// A family name in capitals beside initials: recased and kept whole, as
/// "W. E. B. Du Bois" is read, in every format; beside a given name in its
/// own case, the capitals rule as before (particles found).
#[test]
fn family_in_capitals_with_a_particle_like_first_word() {
    let w = Workdir::new();
    let err = w.import_reading(
        "d.csv",
        "title,authors,year,type,publisher\nSouls csv,\"DU BOIS, W. E. B.\",1903,book,McClurg\n\
         Respuesta,\"DE LA CRUZ, Juana\",1691,book,P\nLetters,\"VAN GOGH, Vincent\",1890,book,P\n\
         Virtuous city,\"AL-FARABI, Abu Nasr\",950,book,P\nInitials,\"VYAS, D. A.\",2020,book,P\n",
    );
    assert!(
        err.contains(
            "d.csv:2:2: warning: name \"DU BOIS, W. E. B.\": the family name written in capitals \"DU BOIS\" (as \
             bibliographies mark it) is stored and printed as \"Du Bois\", the name read as \"Du Bois, W. E. B.\""
        ),
        "{err}"
    );
    assert!(!err.contains("written in capitals throughout"), "{err}");
    w.import_reading(
        "d.bib",
        "@book{s, author={DU BOIS, W. E. B.}, title={Souls bib}, publisher={McClurg}, year={1903}}\n",
    );
    w.import_reading(
        "d.ris",
        "TY  - BOOK\nAU  - DU BOIS, W. E. B.\nTI  - Souls ris\nPB  - McClurg\nPY  - 1903\nER  - \n",
    );
    let list = w.reading_list();
    let du_bois = json!([["Du Bois", "W. E. B.", null, null, "DU BOIS, W. E. B."]]);
    for t in ["Souls csv", "Souls bib", "Souls ris"] {
        assert_eq!(names(&list, t, "author_names"), du_bois, "{t}");
    }
    assert_eq!(
        names(&list, "Respuesta", "author_names"),
        // (n86: "de la" is the particle, as "de la Cruz, Juana" stores it.)
        json!([["Cruz", "Juana", "de la", null, "DE LA CRUZ, Juana"]])
    );
    assert_eq!(names(&list, "Letters", "author_names"), json!([["Gogh", "Vincent", "van", null, "VAN GOGH, Vincent"]]));
    assert_eq!(
        names(&list, "Virtuous city", "author_names"),
        json!([["Al-Farabi", "Abu Nasr", null, null, "AL-FARABI, Abu Nasr"]])
    );
    // One name, not "VYAS" and "D. A." kept whole as two.
    assert_eq!(names(&list, "Initials", "author_names"), json!([["Vyas", "D. A.", null, null, "VYAS, D. A."]]));
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Souls csv"), "Du Bois WEB. Souls csv. [place unknown]: McClurg; 1903.");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Souls csv"), "Du Bois, W. E. B. (1903b). Souls csv. McClurg.");
}

const ET_AL_CSV: &str = "title,authors,editors,year,type,container,publisher,place
Chap csv,\"Osei, Jane\",\"Farmer, Paul; Kim, Jim Yong; et al.\",2013,chapter,Big Book,P,London
";

/// Editors ending "et al." in every format: marked, and printed "et al."
/// where the style prints it for authors.
#[test]
fn editors_et_al_are_marked_in_every_format() {
    let w = Workdir::new();
    w.import_reading("e.csv", ET_AL_CSV);
    w.import_reading(
        "e.ris",
        "TY  - CHAP\nAU  - Osei, Jane\nA2  - Farmer, Paul\nA2  - et al.\nTI  - Chap ris\nT2  - Big Book\nPB  - P\n\
         CY  - London\nPY  - 2013\nER  - \n",
    );
    let err = w.import_reading(
        "e.bib",
        "@incollection{a, author={Osei, Jane}, editor={Farmer, Paul and others}, title={Chap bib}, \
         booktitle={Big Book}, publisher={P}, address={London}, year={2013}}\n",
    );
    assert!(!err.contains("and others"), "{err}");
    w.import_reading(
        "e.json",
        r#"[{"id":"j","type":"chapter","title":"Chap json","author":[{"family":"Osei","given":"Jane"}],"editor":[{"family":"Farmer","given":"Paul"},{"literal":"others"}],"container-title":"Big Book","publisher":"P","publisher-place":"London","issued":{"date-parts":[[2013]]}}]"#,
    );
    let list = w.reading_list();
    for t in ["Chap csv", "Chap ris", "Chap bib", "Chap json"] {
        assert_eq!(reading(&list, t)["editors_truncated"], json!(true), "{t}");
        assert_eq!(names(&list, t, "editor_names")[0], json!(["Farmer", "Paul", null, null, "Farmer, Paul"]), "{t}");
    }
    assert_eq!(names(&list, "Chap csv", "editor_names").as_array().map(Vec::len), Some(2));
    for t in ["Chap ris", "Chap bib", "Chap json"] {
        assert_eq!(names(&list, t, "editor_names").as_array().map(Vec::len), Some(1), "{t}: no editor \"et al.\"");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading_editor WHERE name LIKE '%et al%' OR name = 'others'"), 0);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Chap csv"),
        "Osei J. Chap csv. In: Farmer P, Kim JY, et al., editors. Big Book. London: P; 2013."
    );
    assert_eq!(
        reference(&v, "Chap ris"),
        "Osei J. Chap ris. In: Farmer P, et al., editors. Big Book. London: P; 2013."
    );
    let apa = w.references("apa");
    let chap = |t: &str| apa.values().find(|r| r.contains(t)).cloned().unwrap_or_default();
    assert!(chap("Chap bib").ends_with("Chap bib. In P. Farmer et al. (Eds.), Big Book. P."), "{}", chap("Chap bib"));
    assert!(
        chap("Chap csv").ends_with("Chap csv. In P. Farmer, J. Y. Kim, et al. (Eds.), Big Book. P."),
        "{}",
        chap("Chap csv")
    );
    // The export writes the "et al." back, and reads back the same.
    w.ok(&["export", "reading", "-o", "out.csv"]);
    let out = std::fs::read_to_string(w.path("out.csv")).unwrap();
    assert!(out.contains("\"Farmer, Paul; Kim, Jim Yong; et al.\""), "{out}");
    // A later list of the same length names no one beyond the stored one:
    // it never clears the mark (tester r85 F10, the rule changed: the
    // "et al." may be a person's, set in the spreadsheet round trip).
    w.import_reading(
        "full.csv",
        "title,authors,editors,year,type,container,publisher,place\n\
         Chap csv,\"Osei, Jane\",\"Farmer, Paul; Kim, Jim Yong\",2013,chapter,Big Book,P,London\n",
    );
    assert_eq!(reading(&w.reading_list(), "Chap csv").get("editors_truncated"), Some(&json!(true)));
    // A longer, complete list is the fuller one: it clears the mark.
    w.import_reading(
        "longer.csv",
        "title,authors,editors,year,type,container,publisher,place\n\
         Chap csv,\"Osei, Jane\",\"Farmer, Paul; Kim, Jim Yong; Basilico, Matthew\",2013,chapter,Big Book,P,London\n",
    );
    assert_eq!(reading(&w.reading_list(), "Chap csv").get("editors_truncated"), None);
}
