//! Tester r94 F1, F4, F5 and the given-name table: names in authors
//! cells, read through the binary.

mod common;
use common::*;

/// The stored parts of each author of `title`: (family, given, literal),
/// "" for NULL.
fn authors(w: &Workdir, title: &str) -> Vec<[String; 3]> {
    stored_author_parts(w, title, ["family", "given", "literal"])
}

fn literal(l: &str) -> [String; 3] {
    [String::new(), String::new(), l.to_string()]
}

fn person(f: &str, g: &str) -> [String; 3] {
    [f.to_string(), g.to_string(), String::new()]
}

fn truncated(w: &Workdir, title: &str) -> i64 {
    w.count(&format!("SELECT authors_truncated FROM reading WHERE title = '{title}'"))
}

/// F1: an institution's name with "and" (or `&`, "und", "et", "y", "e")
/// and its country after a comma stays one literal, in a cell alone and in
/// a `;` list; no person whose given name is the place is made.
#[test]
fn an_institution_with_and_and_its_country_stays_whole() {
    let w = Workdir::new();
    let said = w.import_reading(
        "soc.csv",
        "title,authors,year,type\n\
         R1,\"Ministry of Health and Family Welfare, India\",2019,report\n\
         R2,\"Ministry of Health and Family Welfare, India; WHO\",2019,report\n\
         R3,\"Department of Health and Social Care, United Kingdom\",2019,report\n\
         R4,\"Ministry of Health and Sanitation, Sierra Leone\",2019,report\n\
         R5,\"Department of Health and Human Services, USA\",2019,report\n\
         R6,\"Ministério da Saúde e Bem-Estar, Brasil\",2019,report\n\
         R7,\"Ministry of Health and Child Care, Zimbabwe; WHO\",2019,report\n\
         R8,\"Ministry of Health & Family Welfare, India\",2019,report\n\
         R9,\"Ministerium für Gesundheit und Soziales, Deutschland\",2019,report\n\
         R10,\"Ministère de la Santé et des Solidarités, France\",2019,report\n\
         R11,\"Ministerio de Salud y Protección Social, Colombia\",2019,report\n\
         R12,\"Health and Safety Executive, Great Britain\",2019,report\n\
         R13,\"Institute of Health and Welfare, New South Wales\",2019,report\n\
         R14,\"Department of Health and Social Care, UK\",2019,report\n",
    );
    for (t, whole) in [
        ("R1", "Ministry of Health and Family Welfare, India"),
        ("R3", "Department of Health and Social Care, United Kingdom"),
        ("R4", "Ministry of Health and Sanitation, Sierra Leone"),
        ("R5", "Department of Health and Human Services, USA"),
        ("R6", "Ministério da Saúde e Bem-Estar, Brasil"),
        ("R8", "Ministry of Health & Family Welfare, India"),
        ("R9", "Ministerium für Gesundheit und Soziales, Deutschland"),
        ("R10", "Ministère de la Santé et des Solidarités, France"),
        ("R11", "Ministerio de Salud y Protección Social, Colombia"),
        ("R12", "Health and Safety Executive, Great Britain"),
        ("R13", "Institute of Health and Welfare, New South Wales"),
        ("R14", "Department of Health and Social Care, UK"),
    ] {
        assert_eq!(authors(&w, t), vec![literal(whole)], "{t}");
    }
    assert_eq!(authors(&w, "R2"), vec![literal("Ministry of Health and Family Welfare, India"), literal("WHO")]);
    assert_eq!(authors(&w, "R7"), vec![literal("Ministry of Health and Child Care, Zimbabwe"), literal("WHO")]);
    // Plainly one body with its country: nothing to doubt.
    assert!(!said.contains("warning"), "{said}");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "R1"),
        "Ministry of Health and Family Welfare, India. R1. [place unknown]: [publisher unknown]; 2019."
    );
    assert_eq!(
        reference(&refs, "R2"),
        "Ministry of Health and Family Welfare, India; WHO. R2. [place unknown]: [publisher unknown]; 2019."
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "R3"), "Department of Health and Social Care, United Kingdom. (2019). R3.");
}

/// F1, the other side: people whose given name is also a place, or who
/// stand beside an institution, are still people.
#[test]
fn people_beside_places_and_institutions_are_still_people() {
    let w = Workdir::new();
    w.import_reading(
        "p.csv",
        "title,authors,year,type\n\
         P1,\"Smith, John and Jones, Georgia\",2019,article\n\
         P2,\"Adams, Jordan; Kumar, India\",2019,article\n\
         P3,\"Farmer, Paul and Ministry of Health, Ghana\",2019,report\n\
         P4,\"Centers for Disease Control and Prevention and Smith, John\",2019,report\n\
         P5,\"Ortega y Gasset, Santiago\",2019,article\n\
         P6,\"Smith, Victoria\",2019,article\n",
    );
    assert_eq!(authors(&w, "P1"), vec![person("Smith", "John"), person("Jones", "Georgia")]);
    assert_eq!(authors(&w, "P2"), vec![person("Adams", "Jordan"), person("Kumar", "India")]);
    assert_eq!(authors(&w, "P3"), vec![person("Farmer", "Paul"), literal("Ministry of Health, Ghana")]);
    assert_eq!(authors(&w, "P4"), vec![literal("Centers for Disease Control and Prevention"), person("Smith", "John")]);
    assert_eq!(authors(&w, "P5"), vec![person("Ortega y Gasset", "Santiago")]);
    assert_eq!(authors(&w, "P6"), vec![person("Smith", "Victoria")]);
}

/// F1 in RIS and BibTeX: a RIS `AU` is one name, kept whole; an unbraced
/// BibTeX name that "and" cuts before "Words, Place" is one institution's,
/// kept whole and said (BibTeX's own rule would make two names).
#[test]
fn an_institution_with_its_country_in_ris_and_bibtex() {
    let w = Workdir::new();
    let said = w.import_reading(
        "r.ris",
        "TY  - RPRT\nAU  - Ministry of Health and Family Welfare, India\nTI  - Ris one\nPY  - 2019\nER  - \n\n\
         TY  - RPRT\nAU  - Health and Safety Executive, Great Britain\nTI  - Ris two\nPY  - 2019\nER  - \n",
    );
    assert!(!said.contains("warning"), "{said}");
    assert_eq!(authors(&w, "Ris one"), vec![literal("Ministry of Health and Family Welfare, India")]);
    assert_eq!(authors(&w, "Ris two"), vec![literal("Health and Safety Executive, Great Britain")]);
    let said = w.import_reading(
        "b.bib",
        "@report{r1,\n  author = {Ministry of Health and Family Welfare, India},\n  title = {Bib one},\n  year = {2019}\n}\n\
         @report{r2,\n  author = {Department of Health and Social Care, United Kingdom and Smith, John},\n  \
         title = {Bib two},\n  year = {2019}\n}\n",
    );
    assert_eq!(authors(&w, "Bib one"), vec![literal("Ministry of Health and Family Welfare, India")]);
    assert_eq!(
        authors(&w, "Bib two"),
        vec![literal("Department of Health and Social Care, United Kingdom"), person("Smith", "John")]
    );
    assert!(
        said.contains(
            "author \"Ministry of Health and Family Welfare, India\" looks like an institution's name: kept whole, \
             as written (BibTeX's rule would read it as two names, \"Ministry of Health\", \"Family Welfare, \
             India\"); to be sure, write the whole name in braces, {Ministry of Health and Family Welfare, India}"
        ),
        "{said}"
    );
}

/// F4: Polish "i wsp." and the other languages' "et al." forms after a
/// name: the name clean, the list marked cut short, printed with the
/// style's own "et al.".
#[test]
fn et_al_in_more_languages_marks_the_list_cut_short() {
    let w = Workdir::new();
    let cases = [
        ("E1", "Kowalski, Jan i wsp."),
        ("E2", "Kowalski, Jan i współpr."),
        ("E3", "Novák, Jan a spol."),
        ("E4", "Horváth, Ján a kol."),
        ("E5", "Horvat, Ivan i sur."),
        ("E6", "Petrović, Marko i dr."),
        ("E7", "Novak, Janez in sod."),
        ("E8", "Kazlauskas, Jonas ir kt."),
        ("E9", "Papadopoulos, Nikos κ.ά."),
        ("E10", "Papadopoulos, Nikos και συν."),
        ("E11", "Al-Sayed, Omar wa akharun"),
        ("E12", "Kowalski, Jan; Nowak, Anna; i wsp."),
    ];
    let mut csv = String::from("title,authors,year,type,container\n");
    for (t, a) in cases {
        csv.push_str(&format!("{t},\"{a}\",2017,article,J1\n"));
    }
    let said = w.import_reading("etal.csv", &csv);
    assert!(!said.contains("warning"), "{said}");
    for (t, f, g) in [
        ("E1", "Kowalski", "Jan"),
        ("E2", "Kowalski", "Jan"),
        ("E3", "Novák", "Jan"),
        ("E4", "Horváth", "Ján"),
        ("E5", "Horvat", "Ivan"),
        ("E6", "Petrović", "Marko"),
        ("E7", "Novak", "Janez"),
        ("E8", "Kazlauskas", "Jonas"),
        ("E9", "Papadopoulos", "Nikos"),
        ("E10", "Papadopoulos", "Nikos"),
        ("E11", "Al-Sayed", "Omar"),
    ] {
        assert_eq!(authors(&w, t), vec![person(f, g)], "{t}");
        assert_eq!(truncated(&w, t), 1, "{t}");
    }
    assert_eq!(authors(&w, "E12"), vec![person("Kowalski", "Jan"), person("Nowak", "Anna")]);
    assert_eq!(truncated(&w, "E12"), 1);
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "E1"), "Kowalski J, et al. E1. J1. 2017.");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "E3"), "Novák, J., et al. (2017). E3. J1.");
    assert_eq!(reference(&apa, "E12"), "Kowalski, J., Nowak, A., et al. (2017). E12. J1.");

    // Names in scripts without letter case, the tail after a space.
    let w = Workdir::new();
    let mut csv = String::from("title,authors,year,type,container\n");
    for (t, a) in [
        ("A1", "محمد الخطيب وآخرون"),
        ("A2", "علی رضایی و همکاران"),
        ("A3", "דוד כהן ואחרים"),
        ("A4", "राम शर्मा एवं अन्य"),
        ("A5", "राम शर्मा आदि"),
        ("A6", "김민수 외"),
    ] {
        csv.push_str(&format!("{t},\"{a}\",2017,article,J1\n"));
    }
    w.import_reading("script.csv", &csv);
    for (t, whole) in
        [("A1", "محمد الخطيب"), ("A2", "علی رضایی"), ("A3", "דוד כהן"), ("A4", "राम शर्मा"), ("A5", "राम शर्मा")]
    {
        assert_eq!(authors(&w, t), vec![literal(whole)], "{t}");
        assert_eq!(truncated(&w, t), 1, "{t}");
    }
    assert_eq!(truncated(&w, "A6"), 1);

    // The same tail in RIS `AU` and BibTeX.
    let w = Workdir::new();
    w.import_reading("p.ris", "TY  - JOUR\nAU  - Kowalski, Jan i wsp.\nTI  - Ris wsp\nPY  - 2019\nJO  - J\nER  - \n");
    assert_eq!(authors(&w, "Ris wsp"), vec![person("Kowalski", "Jan")]);
    assert_eq!(truncated(&w, "Ris wsp"), 1);
}

/// F5: one "Given Family" name alone in its cell is read as the same name
/// in a `;` list is, said with the advice; "et al." after it says person;
/// an institution's name stays whole.
#[test]
fn a_lone_given_family_name_is_a_person() {
    let w = Workdir::new();
    let said = w.import_reading(
        "etal2.csv",
        "title,authors,year,type\n\
         F1,Jane Smith,2019,article\n\
         F2,\"Paul Farmer et al.\",2018,article\n\
         F3,\"Paul Farmer, Jim Yong Kim, et al.\",2017,article\n\
         F4,\"Paul Farmer; Jane Smith\",2016,article\n\
         F5,\"Paul Farmer\",2015,article\n\
         F6,\"Jane Smith et al\",2014,article\n\
         F7,\"Kwabena Osei-Bonsu et al.\",2014,article\n\
         F8,\"Jim Yong Kim\",2014,article\n\
         F9,\"Grace Hall\",2014,article\n\
         F10,\"World Bank et al.\",2014,article\n\
         F11,\"Partners In Health\",2014,report\n\
         F12,\"Public Health England\",2014,report\n\
         F13,\"Médecins Sans Frontières et al.\",2014,report\n\
         F14,\"Nguyen Van An\",2014,article\n",
    );
    for (t, f, g) in [
        ("F1", "Smith", "Jane"),
        ("F2", "Farmer", "Paul"),
        ("F5", "Farmer", "Paul"),
        ("F6", "Smith", "Jane"),
        ("F7", "Osei-Bonsu", "Kwabena"),
        ("F8", "Kim", "Jim Yong"),
    ] {
        assert_eq!(authors(&w, t), vec![person(f, g)], "{t}");
    }
    assert_eq!(authors(&w, "F3"), vec![person("Farmer", "Paul"), person("Kim", "Jim Yong")]);
    assert_eq!(authors(&w, "F4"), vec![person("Farmer", "Paul"), person("Smith", "Jane")]);
    for (t, whole) in [
        ("F9", "Grace Hall"),
        ("F10", "World Bank"),
        ("F11", "Partners In Health"),
        ("F12", "Public Health England"),
        ("F13", "Médecins Sans Frontières"),
        ("F14", "Nguyen Van An"),
    ] {
        assert_eq!(authors(&w, t), vec![literal(whole)], "{t}");
    }
    for t in ["F2", "F3", "F6", "F7", "F10", "F13"] {
        assert_eq!(truncated(&w, t), 1, "{t}");
    }
    assert!(
        said.contains(
            "etal2.csv:2:2: warning: authors cell \"Jane Smith\" read as 1 name written \"Given Family\", with the \
             family name last (\"Smith, Jane\"); a name written family name first would be read wrong — write names \
             \"Family, Given\" separated by `;` to be sure"
        ),
        "{said}"
    );
    assert!(said.contains("authors cell \"Paul Farmer\" read as 1 name written \"Given Family\""), "{said}");
    assert!(said.contains("\"Grace Hall\" was kept whole as written"), "{said}");
    assert!(said.contains("\"Nguyen Van An\" was kept whole as written"), "{said}");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "F1"), "Smith, J. (2019). F1.");
    assert_eq!(reference(&apa, "F2"), "Farmer, P., et al. (2018). F2.");
    assert_eq!(reference(&apa, "F5"), "Farmer, P. (2015). F5.");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "F2"), "Farmer P, et al. F2. 2018.");
    assert_eq!(reference(&refs, "F8"), "Kim JY. F8. 2014.");
}

/// Item 4: names the given-name table lacked, and a mixed list of one
/// name written "Given Family" beside names written "Family, Given".
#[test]
fn more_given_names_and_a_mixed_list() {
    let w = Workdir::new();
    let said = w.import_reading(
        "g.csv",
        "title,authors,year,type,container\n\
         G1,\"Anne Bureau; Doe, Jane\",2020,article,J\n\
         G2,\"Mensah, Kofi; Anita Hardon\",2020,article,J\n\
         G3,\"Kwesi Botchwey; Ama Ata Aidoo\",2020,article,J\n\
         G4,\"Jim Yong Kim; Amartya Sen\",2020,article,J\n\
         G5,\"Priya Sharma; Hiroshi Nakamura; Alejandro Gómez; Khalid Hassan\",2020,article,J\n\
         G6,\"Doe, Jane; World Health Organization\",2020,article,J\n",
    );
    assert_eq!(authors(&w, "G1"), vec![person("Bureau", "Anne"), person("Doe", "Jane")]);
    assert_eq!(authors(&w, "G2"), vec![person("Mensah", "Kofi"), person("Hardon", "Anita")]);
    assert_eq!(authors(&w, "G3"), vec![person("Botchwey", "Kwesi"), person("Aidoo", "Ama Ata")]);
    assert_eq!(authors(&w, "G4"), vec![person("Kim", "Jim Yong"), person("Sen", "Amartya")]);
    assert_eq!(
        authors(&w, "G5"),
        vec![
            person("Sharma", "Priya"),
            person("Nakamura", "Hiroshi"),
            person("Gómez", "Alejandro"),
            person("Hassan", "Khalid")
        ]
    );
    assert_eq!(authors(&w, "G6"), vec![person("Doe", "Jane"), literal("World Health Organization")]);
    assert!(
        said.contains(
            "authors cell \"Anne Bureau; Doe, Jane\": 1 name written \"Given Family\" beside names written \"Family, \
             Given\" read with the family name last (\"Bureau, Anne\")"
        ),
        "{said}"
    );
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "G1"), "Bureau A, Doe J. G1. J. 2020.");
    assert_eq!(reference(&refs, "G2"), "Mensah K, Hardon A. G2. J. 2020.");
}
