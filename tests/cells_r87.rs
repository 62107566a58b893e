//! Tester r87 F2, F9, F10: CSV authors cells where an institution stands
//! beside a person, where another language's "and" joins names, and
//! where a comma separates institutions' initials.
mod common;
use common::*;

/// Each author's parts of the reading titled `title`, in order:
/// (family, given, literal), "" for none.
fn parts(w: &Workdir, title: &str) -> Vec<(String, String, String)> {
    stored_author_parts(w, title, ["family", "given", "literal"]).into_iter().map(|[f, g, l]| (f, g, l)).collect()
}

fn p(f: &str, g: &str) -> (String, String, String) {
    (f.into(), g.into(), String::new())
}

fn lit(l: &str) -> (String, String, String) {
    (String::new(), String::new(), l.into())
}

/// The warning lines of an import's stderr that name `cell`, the file
/// named without its work directory.
fn warned(w: &Workdir, err: &str, cell: &str) -> Vec<String> {
    let quoted = format!("{cell:?}");
    let dir = format!("{}/", w.dir.path().display());
    err.lines().filter(|l| l.contains("warning") && l.contains(&quoted)).map(|l| l.replace(&dir, "")).collect()
}

const F2: &str = "title,authors,year,type
F2a,\"Smith, John and WHO\",2011,report
F2b,\"Smith, John & WHO\",2012,report
F2c,\"Smith J, Jones K and WHO\",2013,report
F2d,\"Smith J, NHS and Jones K\",2014,report
F2e,\"Smith, John y Ministerio de Salud y Protección Social\",2015,report
F2f,\"Institut national de santé publique et Dupont, Jean\",2016,report
F2g,\"Centers for Disease Control and Prevention and Smith, John\",2017,report
F2h,\"WHO & Smith, John\",2018,report
F2i,\"Smith J and UNICEF\",2019,report
F2j,\"Smith, KA and Jones K\",2020,report
F2k,\"Smith, JW & WHO\",2021,report
F2l,\"Smith, JW, Jones, KA and WHO\",2022,report
";

/// F2: an institution (initials canon knows, or a name that reads as an
/// institution's) joined to a person by and/&/y/et is its own author,
/// never inside the person's name; the printed reference says so.
#[test]
fn f2_an_institution_joined_to_a_person_is_its_own_author() {
    let w = Workdir::new();
    let err = w.import_reading("f2.csv", F2);
    let smith_john = || p("Smith", "John");
    assert_eq!(parts(&w, "F2a"), vec![smith_john(), lit("WHO")]);
    assert_eq!(parts(&w, "F2b"), vec![smith_john(), lit("WHO")]);
    assert_eq!(parts(&w, "F2c"), vec![p("Smith", "J."), p("Jones", "K."), lit("WHO")]);
    assert_eq!(parts(&w, "F2d"), vec![p("Smith", "J."), lit("NHS"), p("Jones", "K.")]);
    assert_eq!(parts(&w, "F2e"), vec![smith_john(), lit("Ministerio de Salud y Protección Social")]);
    assert_eq!(parts(&w, "F2f"), vec![lit("Institut national de santé publique"), p("Dupont", "Jean")]);
    assert_eq!(parts(&w, "F2g"), vec![lit("Centers for Disease Control and Prevention"), smith_john()]);
    assert_eq!(parts(&w, "F2h"), vec![lit("WHO"), smith_john()]);
    assert_eq!(parts(&w, "F2i"), vec![p("Smith", "J."), lit("UNICEF")]);
    // Initials in capitals after a comma are a given name, not an acronym.
    assert_eq!(parts(&w, "F2j"), vec![p("Smith", "K. A."), p("Jones", "K.")]);
    assert_eq!(parts(&w, "F2k"), vec![p("Smith", "J. W."), lit("WHO")]);
    assert_eq!(parts(&w, "F2l"), vec![p("Smith", "J. W."), p("Jones", "K. A."), lit("WHO")]);
    // No guess here: no warning, and none about a one-word author "WHO".
    assert!(!err.contains("warning"), "{err}");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "F2a"), "Smith J; WHO. F2a. [place unknown]: [publisher unknown]; 2011.");
    assert_eq!(reference(&refs, "F2b"), "Smith J; WHO. F2b. [place unknown]: [publisher unknown]; 2012.");
    assert_eq!(reference(&refs, "F2c"), "Smith J, Jones K; WHO. F2c. [place unknown]: [publisher unknown]; 2013.");
    assert_eq!(reference(&refs, "F2d"), "Smith J; NHS; Jones K. F2d. [place unknown]: [publisher unknown]; 2014.");
    assert_eq!(
        reference(&refs, "F2e"),
        "Smith J; Ministerio de Salud y Protección Social. F2e. [place unknown]: [publisher unknown]; 2015."
    );
    assert_eq!(
        reference(&refs, "F2f"),
        "Institut national de santé publique; Dupont J. F2f. [place unknown]: [publisher unknown]; 2016."
    );
    assert_eq!(
        reference(&refs, "F2g"),
        "Centers for Disease Control and Prevention; Smith J. F2g. [place unknown]: [publisher unknown]; 2017."
    );
    assert_eq!(reference(&refs, "F2j"), "Smith KA, Jones K. F2j. [place unknown]: [publisher unknown]; 2020.");
}

/// F2: what still cannot be split surely is said, naming the cell; a
/// firm's "& Sons" and an institution's own "and" stay whole.
#[test]
fn f2_a_conjunction_left_inside_a_name_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "f2b.csv",
        "title,authors,year,type
G1,\"García J, López M y Pérez\",2001,article
G2,\"Smith J, Jones K and WHO and NSF\",2002,report
G3,Department of Health and Social Care,2003,report
G4,Ministerio de Salud y Protección Social,2004,report
G5,\"Smith, John and Mary\",2005,report
G6,\"López M y Pérez, J\",2006,article
",
    );
    // A family name holding another language's "and" beside initials.
    assert_eq!(parts(&w, "G6"), vec![p("López M y Pérez", "J.")]);
    assert_eq!(
        warned(&w, &err, "López M y Pérez, J"),
        vec![
            "f2b.csv:7:2: warning: authors cell \"López M y Pérez, J\" was read as one name, family name \
             \"López M y Pérez\" with given name \"J.\", whose family name holds the word \"y\" (\"and\"?); if it is \
             two people, separate names with `;` (\"Family, Given; Family, Given\")"
        ]
    );
    assert_eq!(parts(&w, "G1"), vec![p("García J", "López M y Pérez")]);
    assert_eq!(
        warned(&w, &err, "García J, López M y Pérez"),
        vec![
            "f2b.csv:2:2: warning: authors cell \"García J, López M y Pérez\" was read as one name, family name \
             \"García J\" with given name \"López M y Pérez\", which holds the word \"y\" (\"and\"?); \
             if it is two people, separate names with `;` (\"Family, Given; Family, Given\")"
        ]
    );
    assert_eq!(parts(&w, "G2"), vec![p("Smith", "J."), p("Jones", "K."), lit("WHO and NSF")]);
    assert_eq!(
        warned(&w, &err, "Smith J, Jones K and WHO and NSF"),
        vec![
            "f2b.csv:3:2: warning: authors cell \"Smith J, Jones K and WHO and NSF\": \"WHO and NSF\" was kept whole, \
             as one institution's name; it may be several names joined by \"and\": separate names with `;` (and \
             write an institution in braces) to be sure"
        ]
    );
    assert_eq!(parts(&w, "G3"), vec![lit("Department of Health and Social Care")]);
    assert_eq!(parts(&w, "G4"), vec![lit("Ministerio de Salud y Protección Social")]);
    assert!(warned(&w, &err, "Department of Health and Social Care").is_empty(), "{err}");
    assert!(warned(&w, &err, "Ministerio de Salud y Protección Social").is_empty(), "{err}");
    // A lone capitalised word after "and" is a given name, no person of its
    // own (tester 86's rule, as "Weiß, Karl und Eva"): kept in the given
    // name, said.
    assert_eq!(parts(&w, "G5"), vec![p("Smith", "John and Mary")]);
    assert_eq!(warned(&w, &err, "Smith, John and Mary").len(), 1, "{err}");
}

/// F9: another language's "and" in "Given Family" and Vancouver cells
/// splits as "and" does in the same place, with the same warning; one word
/// on a side is part of a name ("Ortega y Gasset").
#[test]
fn f9_other_languages_and_splits_as_and_does() {
    let w = Workdir::new();
    let err = w.import_reading(
        "f9.csv",
        "title,authors,year,type
H1,José García y María López,2001,article
H2,Hans Müller und Anna Schmidt,2002,article
H3,\"Jean Dupont, Claire Martin et Paul Durand\",2003,article
H4,Иван Иванов и Пётр Петров,2004,article
H5,\"García J, López M y Pérez J\",2005,article
H6,\"Müller H, Schmidt A und WHO\",2006,article
H7,Silva A e Costa B,2007,article
H8,\"Smith J, Ortega y Gasset J\",2008,article
H9,\"Ortega y Gasset, José\",2009,article
E1,José García and María López,2001,article
E2,\"García J, López M and Pérez J\",2015,article
",
    );
    assert_eq!(parts(&w, "H1"), vec![p("García", "José"), p("López", "María")]);
    assert_eq!(parts(&w, "E1"), parts(&w, "H1"));
    assert_eq!(parts(&w, "H2"), vec![p("Müller", "Hans"), p("Schmidt", "Anna")]);
    assert_eq!(parts(&w, "H3"), vec![p("Dupont", "Jean"), p("Martin", "Claire"), p("Durand", "Paul")]);
    assert_eq!(parts(&w, "H4"), vec![p("Иванов", "Иван"), p("Петров", "Пётр")]);
    assert_eq!(parts(&w, "H5"), vec![p("García", "J."), p("López", "M."), p("Pérez", "J.")]);
    assert_eq!(parts(&w, "E2"), parts(&w, "H5"));
    assert_eq!(parts(&w, "H6"), vec![p("Müller", "H."), p("Schmidt", "A."), lit("WHO")]);
    assert_eq!(parts(&w, "H7"), vec![p("Silva", "A."), p("Costa", "B.")]);
    assert_eq!(parts(&w, "H8"), vec![p("Smith", "J."), p("Ortega y Gasset", "J.")]);
    assert_eq!(parts(&w, "H9"), vec![p("Ortega y Gasset", "José")]);
    // The same "Given Family" warning as for "and".
    let given_family = |cell: &str, each: &str| {
        vec![format!(
            "warning: authors cell {cell:?} read as {each}; a name written family name first would be read wrong — \
             write names \"Family, Given\" separated by `;` to be sure"
        )]
    };
    let tail = |cell: &str| {
        warned(&w, &err, cell).iter().map(|l| l.split_once(' ').unwrap().1.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(
        tail("José García y María López"),
        given_family(
            "José García y María López",
            "2 names written \"Given Family\", each with its family name last (\"García, José\", \"López, María\")"
        )
    );
    assert_eq!(
        tail("Иван Иванов и Пётр Петров"),
        given_family(
            "Иван Иванов и Пётр Петров",
            "2 names written \"Given Family\", each with its family name last (\"Иванов, Иван\", \"Петров, Пётр\")"
        )
    );
    assert_eq!(
        tail("Jean Dupont, Claire Martin et Paul Durand"),
        given_family(
            "Jean Dupont, Claire Martin et Paul Durand",
            "3 names written \"Given Family\", each with its family name last (\"Dupont, Jean\", \"Martin, Claire\", \
             \"Durand, Paul\")"
        )
    );
    for cell in ["García J, López M y Pérez J", "Müller H, Schmidt A und WHO", "Smith J, Ortega y Gasset J"] {
        assert!(warned(&w, &err, cell).is_empty(), "{err}");
    }
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "H5"), "García, J., López, M., & Pérez, J. (2005). H5.");
    assert_eq!(reference(&refs, "H6"), "Müller, H., Schmidt, A., & WHO. (2006). H6.");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "H3"), "Dupont J, Martin C, Durand P. H3. 2003.");
    assert_eq!(reference(&refs, "H1"), "García J, López M. H1. 2001.");
}

/// F10: a comma list of institutions' initials is that many institutions,
/// with no "capitals" warning; a person in capitals stays a person.
#[test]
fn f10_a_comma_list_of_acronyms_is_institutions() {
    let w = Workdir::new();
    let err = w.import_reading(
        "f10.csv",
        "title,authors,year,type
X1,\"UNICEF, WHO\",2001,report
X2,\"WHO, NHS\",2002,report
X3,\"WHO, NHS, CDC\",2003,report
X4,\"NSF, WHO\",2004,report
X5,\"OSEI, KWAME\",2005,report
X6,\"UNICEF, WHO; Smith, J.\",2006,report
X7,\"NG, JK\",2007,report
X8,WHO & UNICEF,2008,report
X9,WHO and NHS,2009,report
X10,\"Smith J, Jones K and WHO and NHS\",2010,report
",
    );
    assert_eq!(parts(&w, "X8"), vec![lit("WHO"), lit("UNICEF")]);
    assert_eq!(parts(&w, "X9"), vec![lit("WHO"), lit("NHS")]);
    assert_eq!(parts(&w, "X10"), vec![p("Smith", "J."), p("Jones", "K."), lit("WHO"), lit("NHS")]);
    for cell in ["WHO & UNICEF", "WHO and NHS", "Smith J, Jones K and WHO and NHS"] {
        assert!(!err.contains(&format!("{cell:?}")), "{err}");
    }
    assert_eq!(parts(&w, "X1"), vec![lit("UNICEF"), lit("WHO")]);
    assert_eq!(parts(&w, "X2"), vec![lit("WHO"), lit("NHS")]);
    assert_eq!(parts(&w, "X3"), vec![lit("WHO"), lit("NHS"), lit("CDC")]);
    assert_eq!(parts(&w, "X4"), vec![lit("NSF"), lit("WHO")]);
    assert_eq!(parts(&w, "X5"), vec![p("OSEI", "KWAME")]);
    assert_eq!(parts(&w, "X6"), vec![lit("UNICEF"), lit("WHO"), p("Smith", "J.")]);
    assert_eq!(parts(&w, "X7"), vec![p("NG", "J. K.")]);
    for cell in ["UNICEF, WHO", "WHO, NHS", "WHO, NHS, CDC", "UNICEF, WHO; Smith, J."] {
        assert!(!err.contains(&format!("{cell:?}")), "{err}");
    }
    // Initials canon does not know are a guess, said.
    assert_eq!(
        warned(&w, &err, "NSF, WHO"),
        vec![
            "f10.csv:5:2: warning: authors cell \"NSF, WHO\" read as 2 institutions' initials (NSF; WHO): \"NSF\" is \
             not an initialism canon knows; if it is one name \"Family, Given\" in capitals, write it in its own case"
        ]
    );
    assert_eq!(warned(&w, &err, "OSEI, KWAME").len(), 1, "{err}");
    assert!(err.contains("the name \"OSEI, KWAME\" written in capitals throughout"), "{err}");
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "X1"), "UNICEF, & WHO. (2001). X1.");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "X1"), "UNICEF; WHO. X1. [place unknown]: [publisher unknown]; 2001.");
    assert_eq!(reference(&refs, "X3"), "WHO; NHS; CDC. X3. [place unknown]: [publisher unknown]; 2003.");
}
