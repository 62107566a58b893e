//! Tester r105 F2, F6 and note: Arabic and Persian "و" ("and") between
//! names in a cell; a Spanish name with the first of two surnames and with
//! both is one person, the fuller form kept in either order of import; a
//! BibTeX "First Last" name whose last two words are two surnames is said.

mod common;
use common::*;

/// (family, given, literal, original) of each author of the reading titled `title`.
fn authors(w: &Workdir, title: &str) -> Vec<[String; 4]> {
    author_parts(reading_titled(&w.reading_list(), title), ["family", "given", "literal", "original"])
}

fn person(family: &str, given: &str, original: &str) -> [String; 4] {
    [family.into(), given.into(), String::new(), original.into()]
}

fn whole(literal: &str) -> [String; 4] {
    [String::new(), String::new(), literal.into(), literal.into()]
}

const ARABIC_CSV: &str = "title,authors,year,type,container
\"الصحة العامة\",\"الخطيب، ليلى وحداد، رامي\",2018,article,مجلة
\"الصحة العامة ٢\",\"الخطيب، ليلى و حداد، رامي\",2018,article,مجلة
\"سلامت\",\"حسین‌زاده، رضا و محمدی، علی\",2018,article,مجلة
\"سلامت ۲\",\"رضا محمدی و علی احمدی\",2018,article,مجلة
\"ثلاثة\",\"الخطيب، ليلى وحداد، رامي ويوسف، سامي\",2018,article,مجلة
\"مختلط\",\"الخطيب، ليلى وحداد، رامي و يوسف، سامي\",2018,article,مجلة
\"وحيد\",\"الخطيب، ليلى وحيد، رامي\",2018,article,مجلة
\"واحد\",\"الخطيب، وليد\",2018,article,مجلة
\"وزارة\",\"وزارة الصحة و السكان\",2018,report,
\"Salud\",\"Pérez, Ana e Ibáñez, Iñigo\",2018,article,Revista
";

#[test]
fn arabic_and_persian_and_between_names_in_a_cell_separates_them() {
    let w = workdir();
    let err = w.import_reading("ar.csv", ARABIC_CSV);
    let khatib = person("الخطيب", "ليلى", "الخطيب، ليلى");
    let haddad = person("حداد", "رامي", "حداد، رامي");
    let yusuf = person("يوسف", "سامي", "يوسف، سامي");
    // Joined to the next family name, as Arabic writes it: said.
    assert_eq!(authors(&w, "الصحة العامة"), [khatib.clone(), haddad.clone()]);
    assert!(
        err.contains(
            "ar.csv:2:2: warning: authors cell \"الخطيب, ليلى وحداد, رامي\": read \"وحداد\" as \"و\" (\"and\") and \
             \"حداد\": 2 names \"Family, Given\" (الخطيب, ليلى; حداد, رامي); if \"وحداد\" is one name, separate \
             names with \"؛\" or `;` to be sure\n"
        ),
        "{err}"
    );
    // A word of its own, as "y" and "und" are: no guess, nothing to say.
    assert_eq!(authors(&w, "الصحة العامة ٢"), [khatib.clone(), haddad.clone()]);
    assert!(!err.contains("ar.csv:3:"), "{err}");
    assert_eq!(
        authors(&w, "سلامت"),
        [person("حسین\u{200c}زاده", "رضا", "حسین\u{200c}زاده، رضا"), person("محمدی", "علی", "محمدی، علی")]
    );
    assert!(!err.contains("ar.csv:4:"), "{err}");
    // Names written whole, joined by "و": two people, each kept whole, said.
    assert_eq!(authors(&w, "سلامت ۲"), [whole("رضا محمدی"), whole("علی احمدی")]);
    assert!(
        err.contains("ar.csv:5:2: warning: authors cell \"رضا محمدی و علی احمدی\": read \"و\" as \"and\": 2 names (رضا محمدی; علی احمدی); and "),
        "{err}"
    );
    // Three names, "و" joined twice, or joined once and a word once.
    assert_eq!(authors(&w, "ثلاثة"), [khatib.clone(), haddad.clone(), yusuf.clone()]);
    assert!(
        err.contains(
            "read \"وحداد\" as \"و\" (\"and\") and \"حداد\", \"ويوسف\" as \"و\" (\"and\") and \"يوسف\": 3 names"
        ),
        "{err}"
    );
    assert_eq!(authors(&w, "مختلط"), [khatib.clone(), haddad, yusuf]);
    // A name that begins with "و" (Wahid, Walid) is never split.
    assert_eq!(authors(&w, "وحيد"), [person("الخطيب", "ليلى وحيد", "الخطيب، ليلى وحيد"), whole("رامي")]);
    assert!(
        err.contains(
            "ar.csv:8:2: warning: authors cell \"الخطيب, ليلى وحيد, رامي\" has 3 comma-separated parts and no `;`; \
             read as 1 name \"Family, Given\" and \"رامي\" kept whole as a name of its own (الخطيب, ليلى وحيد; رامي)"
        ),
        "the message says the one-word name is no \"Family, Given\": {err}"
    );
    assert_eq!(authors(&w, "واحد"), [person("الخطيب", "وليد", "الخطيب، وليد")]);
    // An institution's own "و" stays in its name.
    assert_eq!(authors(&w, "وزارة"), [whole("وزارة الصحة و السكان")]);
    assert_eq!(
        authors(&w, "Salud"),
        [person("Pérez", "Ana", "Pérez, Ana"), person("Ibáñez", "Iñigo", "Ibáñez, Iñigo")]
    );
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "الصحة العامة ٢"), "الخطيب ليلى, & حداد رامي. (2018b). الصحة العامة ٢. مجلة.");
    assert_eq!(reference(&refs, "سلامت ۲"), "رضا محمدی, & علی احمدی. (2018). سلامت ۲. مجلة.");
}

#[test]
fn arabic_and_inside_one_ris_or_bibtex_name_is_said() {
    let w = workdir();
    let err =
        w.import_reading("a.ris", "TY  - JOUR\nAU  - الخطيب، ليلى و حداد، رامي\nTI  - عنوان\nPY  - 2018\nER  - \n");
    assert!(
        err.contains(
            "AU \"الخطيب، ليلى و حداد، رامي\" was read as one name, family name \"الخطيب\" with given name \"ليلى و \
             حداد, رامي\", which may hold a second person; if it is two people, give each name its own tag"
        ),
        "{err}"
    );
    let err = w.import_reading(
        "a.bib",
        "@article{k, author={الخطيب، ليلى و حداد، رامي}, title={عنوان ب}, year={2018}, journal={مجلة}}\n",
    );
    assert!(
        err.contains("which may hold a second person; if it is two people, separate the names with \" and \""),
        "{err}"
    );
}

const CS1_CSV: &str = "title,authors,year,type,container,volume,pages,doi
\"Mortalidad infantil en Oaxaca\",\"Pérez, Ana; Ruiz, Pedro\",2015,article,Salud Pública de México,57,100-110,10.21149/spm.v57i2.7400
";

const CS2_RIS: &str = "TY  - JOUR
AU  - Pérez Gómez, Ana
AU  - Ruiz Zafón, Pedro
TI  - Mortalidad infantil en Oaxaca
JO  - Salud Pública de México
PY  - 2015
VL  - 57
SP  - 100
EP  - 110
DO  - 10.21149/spm.v57i2.7400
ER  - 
";

const OAXACA_APA: &str = "Pérez Gómez, A., & Ruiz Zafón, P. (2015). Mortalidad infantil en Oaxaca. Salud Pública de \
                          México, 57, 100–110. https://doi.org/10.21149/spm.v57i2.7400";

fn both_surnames() -> Vec<[String; 4]> {
    vec![person("Pérez Gómez", "Ana", "Pérez Gómez, Ana"), person("Ruiz Zafón", "Pedro", "Ruiz Zafón, Pedro")]
}

#[test]
fn a_first_surname_only_takes_both_surnames_from_the_same_doi() {
    let w = workdir();
    w.import_reading("cs1.csv", CS1_CSV);
    let err = w.import_reading("cs2.ris", CS2_RIS);
    assert_eq!(authors(&w, "Mortalidad infantil en Oaxaca"), both_surnames());
    assert!(
        err.contains(
            "(same DOI): authors: \"Pérez Gómez, Ana\" for \"Pérez, Ana\" (the same person with both surnames)\n"
        ),
        "{err}"
    );
    assert!(err.contains("(same DOI): authors: \"Ruiz Zafón, Pedro\" for \"Ruiz, Pedro\""), "{err}");
    assert!(!err.contains("another name in its place"), "{err}");
    assert!(err.contains("1 changed"), "{err}");
    assert_eq!(reference(&w.references("apa"), "Mortalidad"), OAXACA_APA);
    // Undone as every change is.
    let change = err.split("`canon undo ").nth(1).and_then(|x| x.split('`').next()).expect("a change number");
    w.ok_stderr(&["undo", change, "--by", "tester"]);
    assert_eq!(
        authors(&w, "Mortalidad infantil en Oaxaca"),
        [person("Pérez", "Ana", "Pérez, Ana"), person("Ruiz", "Pedro", "Ruiz, Pedro")]
    );
}

#[test]
fn both_surnames_stored_are_kept_against_the_first_surname_only() {
    let w = workdir();
    w.import_reading("cs2.ris", CS2_RIS);
    let err = w.import_reading("cs1.csv", CS1_CSV);
    assert_eq!(authors(&w, "Mortalidad infantil en Oaxaca"), both_surnames());
    assert!(
        err.contains(
            "(same DOI): authors: kept \"Pérez Gómez, Ana\" (the file's \"Pérez, Ana\" is the same person with the \
             first surname only)\n"
        ),
        "{err}"
    );
    assert!(!err.contains("another name in its place"), "{err}");
    assert_eq!(reference(&w.references("apa"), "Mortalidad"), OAXACA_APA);
}

const G1_CSV: &str = "title,authors,year,type,container,doi
\"Cien años\",\"García Márquez, Gabriel; Pérez, A.\",1967,article,Revista,10.1234/cien
";
const G2_CSV: &str = "title,authors,year,type,container,doi
\"Cien años\",\"García, G.; Pérez Gomez, Ana\",1967,article,Revista,10.1234/cien
";

#[test]
fn initials_and_one_surname_never_make_a_name_poorer_in_either_order() {
    let merged = vec![
        person("García Márquez", "Gabriel", "García Márquez, Gabriel"),
        // The stored "é" kept, the file's fuller given name and second surname taken.
        person("Pérez Gomez", "Ana", "Pérez Gomez, Ana"),
    ];
    let apa = "García Márquez, G., & Pérez Gomez, A. (1967). Cien años. Revista. https://doi.org/10.1234/cien";
    for (first, second) in [(G1_CSV, G2_CSV), (G2_CSV, G1_CSV)] {
        let w = workdir();
        w.import_reading("one.csv", first);
        let err = w.import_reading("two.csv", second);
        assert_eq!(authors(&w, "Cien años"), merged, "{err}");
        assert!(!err.contains("another name in its place"), "{err}");
        assert_eq!(reference(&w.references("apa"), "Cien"), apa);
    }
}

#[test]
fn another_given_name_or_surname_is_still_another_person() {
    let w = workdir();
    w.import_reading("one.csv", G1_CSV);
    let err = w.import_reading(
        "two.csv",
        "title,authors,year,type,container,doi\n\"Cien años\",\"García, Beatriz; Pérez, Ana\",1967,article,Revista,10.1234/cien\n",
    );
    assert_eq!(authors(&w, "Cien años")[0], person("García Márquez", "Gabriel", "García Márquez, Gabriel"));
    assert!(
        err.contains("kept \"García Márquez, Gabriel\" (the file has \"García, Beatriz\", another name in its place"),
        "{err}"
    );
    // Another given name with the first surname: another person.
    let w = workdir();
    w.import_reading("cs2.ris", CS2_RIS);
    let err = w.import_reading(
        "g.csv",
        "title,authors,year,type,container,volume,pages,doi\n\"Mortalidad infantil en Oaxaca\",\"Pérez, Beatriz; Ruiz, Pedro\",2015,article,Salud Pública de México,57,100-110,10.21149/spm.v57i2.7400\n",
    );
    assert_eq!(authors(&w, "Mortalidad infantil en Oaxaca"), both_surnames());
    assert!(
        err.contains("kept \"Pérez Gómez, Ana\" (the file has \"Pérez, Beatriz\", another name in its place"),
        "{err}"
    );
}

#[test]
fn a_bibtex_name_whose_last_two_words_are_two_surnames_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "b.bib",
        "@article{a, author={José García Márquez and Ana María Pérez and John Maynard Keynes and Juan Martinez Lopez}, \
         title={Uno}, year={2018}, journal={Revista}}\n",
    );
    // BibTeX's reading stays.
    assert_eq!(
        authors(&w, "Uno"),
        [
            person("Márquez", "José García", "José García Márquez"),
            person("Pérez", "Ana María", "Ana María Pérez"),
            person("Keynes", "John Maynard", "John Maynard Keynes"),
            person("Lopez", "Juan Martinez", "Juan Martinez Lopez"),
        ]
    );
    assert!(
        err.contains(
            "warning: in entry `a`: author \"José García Márquez\" was read by BibTeX's rule as family name \
             \"Márquez\", given name \"José García\"; if \"García Márquez\" is the family name (two surnames), write \
             it \"García Márquez, José\"\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("if \"Martinez Lopez\" is the family name (two surnames), write it \"Martinez Lopez, Juan\""),
        "{err}"
    );
    // A known given name in the middle, or no sign of a Spanish name: nothing said.
    assert!(!err.contains("\"Ana María Pérez\" was read"), "{err}");
    assert!(!err.contains("Keynes"), "{err}");
    assert_eq!(
        reference(&w.references("apa"), "Uno"),
        "Márquez, J. G., Pérez, A. M., Keynes, J. M., & Lopez, J. M. (2018). Uno. Revista."
    );
    // The form with both surnames from another source replaces the guess.
    let err = w.import_reading(
        "c.json",
        r#"[{"id":"u","type":"article-journal","title":"Uno","container-title":"Revista","issued":{"date-parts":[[2018]]},
        "author":[{"family":"García Márquez","given":"José"},{"family":"Pérez","given":"Ana María"},{"family":"Keynes","given":"John Maynard"},{"family":"Martinez Lopez","given":"Juan"}]}]"#,
    );
    assert_eq!(authors(&w, "Uno")[0], person("García Márquez", "José", "García Márquez, José"), "{err}");
}
