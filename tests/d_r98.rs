//! Task d98 (tester r97 F5 and its kind): personal and corporate names —
//! a compound family name that begins with a particle, a name written
//! "Given Family" in a one-name field, bodies' phrases and names after
//! founders, and a corporate name beside a person in Vancouver.
mod common;
use common::*;

/// (family, given, particle, literal) of each author of reading `title`,
/// "" for a part it lacks.
fn authors(w: &Workdir, title: &str) -> Vec<[String; 4]> {
    let list = w.reading_list();
    author_parts(reading_titled(&list, title), ["family", "given", "particle", "literal"])
}

fn person(family: &str, given: &str, particle: &str) -> [String; 4] {
    [family.into(), given.into(), particle.into(), String::new()]
}

fn body(l: &str) -> [String; 4] {
    [String::new(), String::new(), String::new(), l.into()]
}

/// The warning lines of stderr that quote `name`, without the work directory.
fn warned(w: &Workdir, err: &str, name: &str) -> Vec<String> {
    let quoted = format!("{name:?}");
    let dir = format!("{}/", w.dir.path().display());
    err.lines().filter(|l| l.contains("warning") && l.contains(&quoted)).map(|l| l.replace(&dir, "")).collect()
}

const COMPOUND_CSV: &str = "title,authors,year,type,container,volume,pages
B1,\"Silva e Souza, Maria; Ortega y Gasset, José; de la Cruz y Sánchez, Juan; Ferreira da Silva, Ana\",2001,article,J,1,1-2
B2,\"da Silva e Souza, Maria; van der Berg-de Vries, Anna; del Río y Ortega, Pío; dos Santos e Silva, Ana; de Souza da Silva, Ana\",2002,article,J,1,1-2
B3,\"van der Berg, Anna; de la Cruz, María; DE LA CRUZ Y SÁNCHEZ, JUAN\",2003,article,J,1,1-2
";

/// r97 F5: the particle of a compound family name stops at its first
/// capitalised word; the family name is whole, "y"/"e"/"da" and all, as
/// "Ortega y Gasset" is.
#[test]
fn a_compound_family_name_led_by_a_particle_keeps_its_first_surname() {
    let w = workdir();
    w.import_reading("n3.csv", COMPOUND_CSV);
    assert_eq!(
        authors(&w, "B1"),
        vec![
            person("Silva e Souza", "Maria", ""),
            person("Ortega y Gasset", "José", ""),
            person("Cruz y Sánchez", "Juan", "de la"),
            person("Ferreira da Silva", "Ana", ""),
        ]
    );
    assert_eq!(
        authors(&w, "B2"),
        vec![
            person("Silva e Souza", "Maria", "da"),
            person("Berg-de Vries", "Anna", "van der"),
            person("Río y Ortega", "Pío", "del"),
            person("Santos e Silva", "Ana", "dos"),
            person("Souza da Silva", "Ana", "de"),
        ]
    );
    // The plain particles are as before.
    let b3 = authors(&w, "B3");
    assert_eq!(b3[0], person("Berg", "Anna", "van der"));
    assert_eq!(b3[1], person("Cruz", "María", "de la"));
    let refs = w.references("vancouver");
    assert_eq!(
        refs["B1"],
        "Silva e Souza M, Ortega y Gasset J, de la Cruz y Sánchez J, Ferreira da Silva A. B1. J. 2001;1:1-2."
    );
    let refs = w.references("apa");
    assert_eq!(
        refs["B2"],
        "da Silva e Souza, M., van der Berg-de Vries, A., del Río y Ortega, P., dos Santos e Silva, A., & de Souza \
         da Silva, A. (2002). B2. J, 1, 1–2."
    );
}

/// The same names from RIS, one a line.
#[test]
fn a_compound_family_name_from_ris() {
    let w = workdir();
    w.import_reading(
        "n3.ris",
        "TY  - JOUR\nTI  - R1\nAU  - de la Cruz y Sánchez, Juan\nAU  - dos Santos e Silva, Ana\nPY  - 2001\nJO  - J\nER  - \n",
    );
    assert_eq!(
        authors(&w, "R1"),
        vec![person("Cruz y Sánchez", "Juan", "de la"), person("Santos e Silva", "Ana", "dos")]
    );
}

/// BibTeX: canon reads the compound family name whole, as every other
/// format's reader does, and says how BibTeX's own rule (the von part to
/// the last lower-case word) reads it, with the braces that make every
/// BibTeX tool read it so; braced, nothing is said. Without a comma, a
/// conjunction between two capitalised words joins them too.
#[test]
fn a_compound_family_name_from_bibtex_is_read_whole_and_said() {
    let w = workdir();
    let err = w.import_reading(
        "n3.bib",
        "@article{b1, author={de la Cruz y Sánchez, Juan and Ortega y Gasset, José and José Ortega y Gasset and \
         Maria dos Santos e Silva}, title={B1}, journal={J}, year={2001}}\n\
         @article{b2, author={de la {Cruz y Sánchez}, Juan and {Ortega y Gasset}, José}, title={B2}, journal={J}, \
         year={2002}}\n",
    );
    assert_eq!(
        authors(&w, "B1"),
        vec![
            person("Cruz y Sánchez", "Juan", "de la"),
            person("Ortega y Gasset", "José", ""),
            person("Ortega y Gasset", "José", ""),
            person("Santos e Silva", "Maria", "dos"),
        ]
    );
    assert_eq!(
        authors(&w, "B2"),
        vec![person("Cruz y Sánchez", "Juan", "de la"), person("Ortega y Gasset", "José", "")]
    );
    assert_eq!(
        warned(&w, &err, "de la Cruz y Sánchez, Juan"),
        vec![
            "n3.bib:1:22: warning: in entry `b1`: author \"de la Cruz y Sánchez, Juan\" was read as family name \"de \
             la Cruz y Sánchez\", given name \"Juan\"; BibTeX's own rule reads von part \"de la Cruz y\", family name \
             \"Sánchez\" (the von part runs to the last lower-case word): to be read so by every BibTeX tool, write \
             it \"de la {Cruz y Sánchez}, Juan\""
        ]
    );
    let jose = warned(&w, &err, "José Ortega y Gasset");
    assert_eq!(jose.len(), 1, "{err}");
    assert!(
        jose[0].ends_with(
            "BibTeX's own rule reads von part \"y\", family name \"Gasset\" (the von part runs to the last \
             lower-case word): to be read so by every BibTeX tool, write it \"{Ortega y Gasset}, José\""
        ),
        "{err}"
    );
    let maria = warned(&w, &err, "Maria dos Santos e Silva");
    assert_eq!(maria.len(), 1, "{err}");
    assert!(maria[0].ends_with("write it \"dos {Santos e Silva}, Maria\""), "{err}");
    // Braced, the name is read as BibTeX reads it: nothing to say.
    assert!(!err.contains("b2"), "{err}");
    let refs = w.references("apa");
    assert_eq!(
        refs["B1"],
        "de la Cruz y Sánchez, J., Ortega y Gasset, J., Ortega y Gasset, J., & dos Santos e Silva, M. (2001). B1. J."
    );
}

/// A "First von Last" BibTeX name whose von part holds a given name
/// ("Ana de Jesus da Silva") is still read by BibTeX's rule, and said.
#[test]
fn a_bibtex_von_part_without_a_conjunction_is_read_as_before() {
    let w = workdir();
    let err = w.import_reading(
        "v.bib",
        "@article{v1, author={Ana de Jesus da Silva}, title={V1}, journal={J}, year={2001}}\n",
    );
    assert_eq!(authors(&w, "V1"), vec![person("Silva", "Ana", "de Jesus da")]);
    assert!(err.contains("write it \"da Silva, Ana de Jesus\""), "{err}");
}

/// A name written "Given Family" in a one-name field (RIS `AU`, `A2`,
/// `ED`; EndNote `<author>`) is read as the same name alone in a CSV cell
/// is: a person, said; one no given name marks stays whole, said.
#[test]
fn a_natural_order_name_in_a_one_name_field_is_a_person() {
    let w = workdir();
    let err = w.import_reading(
        "f.ris",
        "TY  - JOUR\nTI  - R1\nAU  - Paul Farmer\nAU  - Médecins Sans Frontières\nA2  - Jean de la Fontaine\n\
         PY  - 2001\nJO  - J\nER  - \n",
    );
    assert_eq!(authors(&w, "R1"), vec![person("Farmer", "Paul", ""), body("Médecins Sans Frontières")]);
    let list = w.reading_list();
    let eds = name_fields(reading_titled(&list, "R1"), "editor_names", ["family", "given", "particle"]);
    assert_eq!(eds, vec![[Some("Fontaine".to_string()), Some("Jean".to_string()), Some("de la".to_string())]]);
    assert_eq!(
        warned(&w, &err, "Paul Farmer"),
        vec![
            "f.ris:3:7: warning: in the record starting at line 1: AU \"Paul Farmer\" read as a name written \"Given \
             Family\", with the family name last (\"Farmer, Paul\"); the format writes \"Family, Given\", and a name \
             written family name first would be read wrong — write it \"Farmer, Paul\" to be sure"
        ]
    );
    // Médecins Sans Frontières is a body: nothing to say of it.
    assert!(warned(&w, &err, "Médecins Sans Frontières").is_empty(), "{err}");
    let refs = w.references("vancouver");
    assert_eq!(refs["R1"], "Farmer P; Médecins Sans Frontières. R1. J. 2001.");
    let refs = w.references("apa");
    assert_eq!(refs["R1"], "Farmer, P., & Médecins Sans Frontières. (2001). R1. J.");
}

#[test]
fn a_natural_order_name_in_endnote_xml_is_a_person() {
    let w = workdir();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
               <contributors><authors><author>Paul Farmer</author><author>Kim, Jim Yong</author></authors></contributors>\
               <titles><title>E1</title><secondary-title>J</secondary-title></titles><dates><year>2001</year></dates>\
               </record></records></xml>";
    w.import_reading("e.xml", xml);
    assert_eq!(authors(&w, "E1"), vec![person("Farmer", "Paul", ""), person("Kim", "Jim Yong", "")]);
}

/// "sans frontières" and its translations make a body's name, in a CSV
/// cell as in RIS: no warning that it may be a person.
#[test]
fn bodies_phrases_are_institutions() {
    let w = workdir();
    let err = w.import_reading(
        "msf.csv",
        "title,authors,year\nM1,\"Médecins Sans Frontières; Ärzte ohne Grenzen; Medici senza frontiere; Médicos Sin \
         Fronteras\",2001\n",
    );
    assert_eq!(
        authors(&w, "M1"),
        vec![
            body("Médecins Sans Frontières"),
            body("Ärzte ohne Grenzen"),
            body("Medici senza frontiere"),
            body("Médicos Sin Fronteras")
        ]
    );
    assert!(!err.contains("if it is a person"), "{err}");
}

/// "Bill and Melinda Gates Foundation" unbraced in a BibTeX `and` list is
/// one body: the body's word at its end decides; the name before it
/// ("World Bank") is its own.
#[test]
fn a_body_named_after_its_founders_is_one_name_in_bibtex() {
    let w = workdir();
    let err = w.import_reading(
        "g.bib",
        "@article{g1, author={World Bank and Bill and Melinda Gates Foundation}, title={G1}, journal={J}, \
         year={2001}}\n\
         @article{g2, author={Smith, John and David and Lucile Packard Foundation}, title={G2}, journal={J}, \
         year={2002}}\n",
    );
    assert_eq!(authors(&w, "G1"), vec![body("World Bank"), body("Bill and Melinda Gates Foundation")]);
    assert_eq!(authors(&w, "G2"), vec![person("Smith", "John", ""), body("David and Lucile Packard Foundation")]);
    assert_eq!(
        warned(&w, &err, "Bill and Melinda Gates Foundation"),
        vec![
            "g.bib:1:37: warning: in entry `g1`: author \"Bill and Melinda Gates Foundation\" looks like an \
             institution's name: kept whole, as written (BibTeX's rule would read it as two names, \"Bill\", \
             \"Melinda Gates Foundation\"); to be sure, write the whole name in braces, {Bill and Melinda Gates \
             Foundation}"
        ]
    );
    let refs = w.references("vancouver");
    assert_eq!(refs["G1"], "World Bank; Bill and Melinda Gates Foundation. G1. J. 2001.");
    assert_eq!(refs["G2"], "Smith J; David and Lucile Packard Foundation. G2. J. 2002.");
}

/// A body's name beside a person prints whole and set apart in Vancouver
/// ("World Bank; Bank A."), never as if it were "Bank, World".
#[test]
fn a_bank_or_fund_beside_a_person_prints_whole_in_vancouver() {
    let w = workdir();
    w.import_reading(
        "wb.csv",
        "title,authors,year,type,container,volume,pages\n\
         T1,\"World Bank; A. Bank\",2001,article,J,1,1-2\n\
         T2,\"Asian Development Bank; Smith, John; International Monetary Fund\",2002,article,J,1,1-2\n",
    );
    assert_eq!(authors(&w, "T1"), vec![body("World Bank"), person("Bank", "A.", "")]);
    assert_eq!(
        authors(&w, "T2"),
        vec![body("Asian Development Bank"), person("Smith", "John", ""), body("International Monetary Fund")]
    );
    let refs = w.references("vancouver");
    assert_eq!(refs["T1"], "World Bank; Bank A. T1. J. 2001;1:1-2.");
    assert_eq!(refs["T2"], "Asian Development Bank; Smith J; International Monetary Fund. T2. J. 2002;1:1-2.");
    // The same from BibTeX.
    let w = workdir();
    w.import_reading("wb.bib", "@article{t3, author={World Bank and A. Bank}, title={T3}, journal={J}, year={2003}}\n");
    assert_eq!(authors(&w, "T3"), vec![body("World Bank"), person("Bank", "A.", "")]);
    assert_eq!(w.references("vancouver")["T3"], "World Bank; Bank A. T3. J. 2003.");
}

/// "Weiß, Karl und Eva": another language's "and" before a given name
/// alone stays in the given name, said (tester 86's rule: never a second
/// person named "Eva" with no given name); "SMITH, JOHN AND JONES, KATE" is two people,
/// kept in capitals as "SMITH, JOHN" alone is, and said.
#[test]
fn another_languages_and_and_capitals_and_split_as_english_and_does() {
    let w = workdir();
    let err = w.import_reading(
        "and.csv",
        "title,authors,year\nA6,\"Weiß, Karl und Eva\",2001\nA7,\"Smith, John and Jane\",2001\n\
         A8,\"SMITH, JOHN AND JONES, KATE\",2001\nA9,\"Dupont, Jean et Marie\",2001\nB1,\"García, José y María\",2001\n\
         B2,\"Ortega y Gasset, José\",2001\n",
    );
    assert_eq!(authors(&w, "A6"), vec![person("Weiß", "Karl und Eva", "")]);
    // English "and" follows the same rule (never a person "Jane" with no given name).
    assert_eq!(authors(&w, "A7"), vec![person("Smith", "John and Jane", "")]);
    assert_eq!(authors(&w, "A8"), vec![person("SMITH", "JOHN", ""), person("JONES", "KATE", "")]);
    assert_eq!(authors(&w, "A9"), vec![person("Dupont", "Jean et Marie", "")]);
    assert_eq!(authors(&w, "B1"), vec![person("García", "José y María", "")]);
    assert_eq!(authors(&w, "B2"), vec![person("Ortega y Gasset", "José", "")]);
    assert_eq!(
        warned(&w, &err, "Weiß, Karl und Eva"),
        vec![
            "and.csv:2:2: warning: authors cell \"Weiß, Karl und Eva\" was read as one name, family name \"Weiß\" with \
             given name \"Karl und Eva\", which holds the word \"und\" (\"and\"?); if it is two people, separate names \
             with `;` (\"Family, Given; Family, Given\")"
        ]
    );
    assert!(
        err.contains(
            "and.csv:4:1: warning: the names \"SMITH, JOHN\", \"JONES, KATE\" written in capitals throughout (as an \
             old export writes them): kept and printed so in every style"
        ),
        "{err}"
    );
    let refs = w.references("apa");
    assert_eq!(refs["A8"], "SMITH, J., & JONES, K. (2001). A8.");
}

/// "Ministry of Health, Government of India" unbraced in BibTeX: a body on
/// each side of the comma is one body's name, kept whole and said.
#[test]
fn a_body_comma_government_is_one_body_in_bibtex() {
    let w = workdir();
    let err = w.import_reading(
        "gov.bib",
        "@article{g1, author={Ministry of Health, Government of India and Smith, John}, title={G1}, journal={J}, \
         year={2001}}\n\
         @article{g2, author={Department of Health, Government of Kerala}, title={G2}, journal={J}, year={2002}}\n\
         @article{g3, author={Service, Robert}, title={G3}, journal={J}, year={2003}}\n",
    );
    assert_eq!(authors(&w, "G1"), vec![body("Ministry of Health, Government of India"), person("Smith", "John", "")]);
    assert_eq!(authors(&w, "G2"), vec![body("Department of Health, Government of Kerala")]);
    assert_eq!(authors(&w, "G3"), vec![person("Service", "Robert", "")]);
    assert_eq!(
        warned(&w, &err, "Ministry of Health, Government of India"),
        vec![
            "gov.bib:1:22: warning: in entry `g1`: author \"Ministry of Health, Government of India\" looks like an \
             institution's name: kept whole, as written (BibTeX's rule would read it as a person's); to be sure, \
             write it in braces, {Ministry of Health, Government of India}"
        ]
    );
    assert_eq!(w.references("vancouver")["G1"], "Ministry of Health, Government of India; Smith J. G1. J. 2001.");
}

/// "Julian of Norwich": one name with its byname, kept whole in every
/// format (as "Earl of Chatham" is), never "of Norwich, Julian" nor
/// "Norwich, Julian of"; BibTeX's rule would split it, so that is said.
#[test]
fn a_name_with_its_byname_is_kept_whole() {
    let w = workdir();
    let err = w.import_reading(
        "j.bib",
        "@article{j1, author={Julian of Norwich and Smith, John}, title={J1}, journal={J}, year={2001}}\n\
         @article{j2, author={{Hildegard of Bingen}}, title={J2}, journal={J}, year={2002}}\n",
    );
    assert_eq!(authors(&w, "J1"), vec![body("Julian of Norwich"), person("Smith", "John", "")]);
    assert_eq!(authors(&w, "J2"), vec![body("Hildegard of Bingen")]);
    assert_eq!(
        warned(&w, &err, "Julian of Norwich"),
        vec![
            "j.bib:1:22: warning: in entry `j1`: author \"Julian of Norwich\" was kept whole, as written (BibTeX's \
             rule would read it as family name \"Norwich\", von part \"of\", given name \"Julian\"); to be sure, \
             write it in braces, {Julian of Norwich}"
        ]
    );
    assert!(!err.contains("Hildegard"), "{err}");
    assert_eq!(w.references("apa")["J2"], "Hildegard of Bingen. (2002). J2. J.");
    let w = workdir();
    w.import_reading("j.csv", "title,authors,year\nJ3,Catherine of Siena,2003\n");
    w.import_reading("j.ris", "TY  - BOOK\nTI  - J4\nAU  - Julian of Norwich\nPY  - 2004\nER  - \n");
    assert_eq!(authors(&w, "J3"), vec![body("Catherine of Siena")]);
    assert_eq!(authors(&w, "J4"), vec![body("Julian of Norwich")]);
}
