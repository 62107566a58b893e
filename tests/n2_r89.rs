//! Session n2 (r89): a name word in another language that canon knows in
//! English was not known, so an author was lost or invented (fresh tester
//! r88 F9: German "u." for "und"; F12: Spanish "hijo", French "fils" and
//! "père" suffixes).

mod common;
use common::*;

/// Each author of the reading titled `title`: (family, given, particle, suffix).
fn parts(list: &serde_json::Value, title: &str) -> Vec<(String, String, String, String)> {
    let parts = author_parts(reading_titled(list, title), ["family", "given", "particle", "suffix"]);
    parts.into_iter().map(|[f, g, p, s]| (f, g, p, s)).collect()
}

fn p(family: &str, given: &str, particle: &str, suffix: &str) -> (String, String, String, String) {
    (family.into(), given.into(), particle.into(), suffix.into())
}

/// The Vancouver, APA and Chicago (author-date) references of every reading.
fn three_styles(w: &Workdir) -> [std::collections::HashMap<String, String>; 3] {
    [w.references("vancouver"), w.references("apa"), w.references("chicago-author-date")]
}

fn check(refs: &[std::collections::HashMap<String, String>; 3], title: &str, expected: [&str; 3]) {
    for (style, (r, e)) in ["vancouver", "apa", "chicago"].iter().zip(refs.iter().zip(expected)) {
        assert_eq!(refs_of(r, title), e, "{style} reference of {title}");
    }
}

fn refs_of<'a>(r: &'a std::collections::HashMap<String, String>, title: &str) -> &'a str {
    r.get(title).unwrap_or_else(|| panic!("no reference for {title}: {r:?}"))
}

/// German "u." (und) before the last name, with plain and hyphenated
/// initials, and the other languages' "and" between two "Family, I." names:
/// each a person of their own (F9: "Weiß, K. u. Schäfer, L." was one name,
/// printed "Weiß KSL").
#[test]
fn an_abbreviated_or_foreign_and_between_two_names_separates_them() {
    let w = workdir();
    let said = w.import_reading(
        "and.csv",
        "title,authors,year,type,container\n\
         M6,\"Müller, H.; Weiß, K. u. Schäfer, L.\",2019,article,J\n\
         N4,\"Müller, H.-J.; Weiß, K. u. Schäfer, L.\",2019,article,J\n\
         N5,\"Weiß, H.-J. u. Schäfer, L.\",2019,article,J\n\
         N6,\"Jansen, P. en de Vries, K.\",2019,article,J\n\
         N7,\"Novák, J. a Svoboda, P.\",2019,article,J\n\
         N8,\"Kowalski, J. i Nowak, A.\",2019,article,J\n\
         N9,\"Virtanen, M. ja Korhonen, K.\",2019,article,J\n\
         N11,\"Berg, A. og Dahl, K.\",2019,article,J\n\
         N12,\"Lind, A. och Ek, K.\",2019,article,J\n",
    );
    assert!(said.contains("readings: 9 new"), "{said}");
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "M6"), [p("Müller", "H.", "", ""), p("Weiß", "K.", "", ""), p("Schäfer", "L.", "", "")]);
    assert_eq!(parts(&list, "N4"), [p("Müller", "H.-J.", "", ""), p("Weiß", "K.", "", ""), p("Schäfer", "L.", "", "")]);
    assert_eq!(parts(&list, "N5"), [p("Weiß", "H.-J.", "", ""), p("Schäfer", "L.", "", "")]);
    assert_eq!(parts(&list, "N6"), [p("Jansen", "P.", "", ""), p("Vries", "K.", "de", "")]);
    assert_eq!(parts(&list, "N7"), [p("Novák", "J.", "", ""), p("Svoboda", "P.", "", "")]);
    assert_eq!(parts(&list, "N8"), [p("Kowalski", "J.", "", ""), p("Nowak", "A.", "", "")]);
    assert_eq!(parts(&list, "N9"), [p("Virtanen", "M.", "", ""), p("Korhonen", "K.", "", "")]);
    assert_eq!(parts(&list, "N11"), [p("Berg", "A.", "", ""), p("Dahl", "K.", "", "")]);
    assert_eq!(parts(&list, "N12"), [p("Lind", "A.", "", ""), p("Ek", "K.", "", "")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "M6",
        [
            "Müller H, Weiß K, Schäfer L. M6. J. 2019.",
            "Müller, H., Weiß, K., & Schäfer, L. (2019). M6. J.",
            "Müller, H., K. Weiß, and L. Schäfer. 2019. “M6.” J.",
        ],
    );
    check(
        &refs,
        "N4",
        [
            "Müller HJ, Weiß K, Schäfer L. N4. J. 2019.",
            "Müller, H.-J., Weiß, K., & Schäfer, L. (2019). N4. J.",
            "Müller, H.-J., K. Weiß, and L. Schäfer. 2019. “N4.” J.",
        ],
    );
    check(
        &refs,
        "N5",
        [
            "Weiß HJ, Schäfer L. N5. J. 2019.",
            "Weiß, H.-J., & Schäfer, L. (2019). N5. J.",
            "Weiß, H.-J., and L. Schäfer. 2019. “N5.” J.",
        ],
    );
    check(
        &refs,
        "N9",
        [
            "Virtanen M, Korhonen K. N9. J. 2019.",
            "Virtanen, M., & Korhonen, K. (2019). N9. J.",
            "Virtanen, M., and K. Korhonen. 2019. “N9.” J.",
        ],
    );
}

/// Names with a "u." or another language's "and"-like word that is no
/// "and" keep their reading: an initial "U.", "u. a." (et al.), "Ortega y
/// Gasset".
#[test]
fn a_u_that_is_no_and_is_kept() {
    let w = workdir();
    let said = w.import_reading(
        "keep.csv",
        "title,authors,year,type,container\n\
         K1,\"Ulrich, U.; Weber, K.\",2019,article,J\n\
         K2,\"Müller, H. u. a.\",2019,article,J\n\
         K3,\"Ortega y Gasset, José\",2019,article,J\n",
    );
    assert!(said.contains("readings: 3 new"), "{said}");
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "K1"), [p("Ulrich", "U.", "", ""), p("Weber", "K.", "", "")]);
    assert_eq!(parts(&list, "K2"), [p("Müller", "H.", "", "")]);
    assert_eq!(reading(&list, "K2")["authors_truncated"], true);
    assert_eq!(parts(&list, "K3"), [p("Ortega y Gasset", "José", "", "")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "K1",
        [
            "Ulrich U, Weber K. K1. J. 2019.",
            "Ulrich, U., & Weber, K. (2019). K1. J.",
            "Ulrich, U., and K. Weber. 2019. “K1.” J.",
        ],
    );
}

/// A given name that still holds another person (the cell could not be
/// split surely) is said, and printed as written: never initials made of
/// the other person's name ("Weiß KS", "Weiß KSL").
#[test]
fn a_given_name_holding_another_person_is_said_and_printed_as_written() {
    let w = workdir();
    let said =
        w.import_reading("left.csv", "title,authors,year,type,container\nL1,\"Weiß, K. u. Schäfer\",2019,article,J\n");
    assert!(
        said.contains(
            "warning: authors cell \"Weiß, K. u. Schäfer\" was read as one name, family name \"Weiß\" with given \
             name \"K. u. Schäfer\", which holds the word \"u.\" (\"and\"?)"
        ),
        "{said}"
    );
    let ris = w.write("left.ris", "TY  - JOUR\nAU  - Weiß, K. u. Schäfer, L.\nTI  - L2\nPY  - 2019\nJO  - J\nER  - \n");
    let said = w.ok_stderr(&["import", "reading", ris.to_str().unwrap()]);
    assert!(
        said.contains(
            "AU \"Weiß, K. u. Schäfer, L.\" was read as one name, family name \"Weiß\" with given name \"K. u. \
             Schäfer, L.\", which may hold a second person"
        ),
        "{said}"
    );
    let list = w.reading_list();
    assert_eq!(parts(&list, "L1"), [p("Weiß", "K. u. Schäfer", "", "")]);
    assert_eq!(parts(&list, "L2"), [p("Weiß", "K. u. Schäfer, L.", "", "")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "L1",
        [
            "Weiß K. u. Schäfer. L1. J. 2019.",
            "Weiß K. u. Schäfer. (2019). L1. J.",
            "Weiß K. u. Schäfer. 2019. “L1.” J.",
        ],
    );
    check(
        &refs,
        "L2",
        [
            "Weiß K. u. Schäfer L. L2. J. 2019.",
            "Weiß K. u. Schäfer L. (2019). L2. J.",
            "Weiß K. u. Schäfer L. 2019. “L2.” J.",
        ],
    );
}

/// Spanish "hijo", French "fils" and "père" after the given name are the
/// suffix, as Portuguese "Filho" and English "Jr." are (F12: "Ruiz, José,
/// hijo" was two authors, "José, hijo" or "Jean fils" a given name).
#[test]
fn other_languages_generational_suffixes_in_a_cell_are_the_suffix() {
    let w = workdir();
    let said = w.import_reading(
        "suf.csv",
        "title,authors,year,type,container\n\
         S7,\"Dupont, Jean fils\",2019,article,J\n\
         S8,\"Ruiz, José, hijo\",2019,article,J\n\
         B1,\"Ruiz, José, hijo; Pérez, Ana\",2019,article,J\n\
         B2,\"Dupont, Jean, fils; Martin, Paul\",2019,article,J\n\
         B3,\"Silva, João, Filho; Souza, Maria\",2019,article,J\n\
         B4,\"Dumas, Alexandre, père\",2019,article,J\n\
         B5,\"Silva, João Filho\",2019,article,J\n\
         B6,\"Alexandre Dumas fils\",2019,article,J\n",
    );
    assert!(said.contains("readings: 8 new"), "{said}");
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "S7"), [p("Dupont", "Jean", "", "fils")]);
    assert_eq!(parts(&list, "S8"), [p("Ruiz", "José", "", "hijo")]);
    assert_eq!(parts(&list, "B1"), [p("Ruiz", "José", "", "hijo"), p("Pérez", "Ana", "", "")]);
    assert_eq!(parts(&list, "B2"), [p("Dupont", "Jean", "", "fils"), p("Martin", "Paul", "", "")]);
    assert_eq!(parts(&list, "B3"), [p("Silva", "João", "", "Filho"), p("Souza", "Maria", "", "")]);
    assert_eq!(parts(&list, "B4"), [p("Dumas", "Alexandre", "", "père")]);
    assert_eq!(parts(&list, "B5"), [p("Silva", "João", "", "Filho")]);
    assert_eq!(parts(&list, "B6"), [p("Dumas", "Alexandre", "", "fils")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "S8",
        ["Ruiz J hijo. S8. J. 2019.", "Ruiz, J., hijo. (2019). S8. J.", "Ruiz, José, hijo. 2019. “S8.” J."],
    );
    check(
        &refs,
        "S7",
        ["Dupont J fils. S7. J. 2019.", "Dupont, J., fils. (2019). S7. J.", "Dupont, Jean, fils. 2019. “S7.” J."],
    );
    check(
        &refs,
        "B1",
        [
            "Ruiz J hijo, Pérez A. B1. J. 2019.",
            "Ruiz, J., hijo, & Pérez, A. (2019). B1. J.",
            "Ruiz, José, hijo, and Ana Pérez. 2019. “B1.” J.",
        ],
    );
    check(
        &refs,
        "B2",
        [
            "Dupont J fils, Martin P. B2. J. 2019.",
            "Dupont, J., fils, & Martin, P. (2019). B2. J.",
            "Dupont, Jean, fils, and Paul Martin. 2019. “B2.” J.",
        ],
    );
    check(
        &refs,
        "B4",
        ["Dumas A père. B4. J. 2019.", "Dumas, A., père. (2019). B4. J.", "Dumas, Alexandre, père. 2019. “B4.” J."],
    );
}

/// A word of the suffix table that is a family or given name, or part of
/// one, stays so: "Neto, Ana", "Silva Neto, Ana", "Fils-Aimé, Jean", the
/// Catalan given name "Pere", "Silva, Júnior".
#[test]
fn a_suffix_word_that_is_a_name_stays_a_name() {
    let w = workdir();
    let said = w.import_reading(
        "names.csv",
        "title,authors,year,type,container\n\
         K1,\"Neto, Ana\",2019,article,J\n\
         K2,\"Silva Neto, Ana\",2019,article,J\n\
         K3,\"Fils-Aimé, Jean\",2019,article,J\n\
         K4,\"Casals, Pere\",2019,article,J\n\
         K5,\"Neto, Ana; Fils-Aimé, Jean\",2019,article,J\n",
    );
    assert!(said.contains("readings: 5 new"), "{said}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "K1"), [p("Neto", "Ana", "", "")]);
    assert_eq!(parts(&list, "K2"), [p("Silva Neto", "Ana", "", "")]);
    assert_eq!(parts(&list, "K3"), [p("Fils-Aimé", "Jean", "", "")]);
    assert_eq!(parts(&list, "K4"), [p("Casals", "Pere", "", "")]);
    assert_eq!(parts(&list, "K5"), [p("Neto", "Ana", "", ""), p("Fils-Aimé", "Jean", "", "")]);
    let refs = three_styles(&w);
    check(&refs, "K1", ["Neto A. K1. J. 2019.", "Neto, A. (2019). K1. J.", "Neto, Ana. 2019. “K1.” J."]);
    check(
        &refs,
        "K3",
        ["Fils-Aimé J. K3. J. 2019.", "Fils-Aimé, J. (2019). K3. J.", "Fils-Aimé, Jean. 2019. “K3.” J."],
    );
    check(&refs, "K4", ["Casals P. K4. J. 2019.", "Casals, P. (2019). K4. J.", "Casals, Pere. 2019. “K4.” J."]);
}

/// The same suffixes in RIS ("Family, Given, Suffix" and "Family, Given
/// Suffix"), BibTeX ("von Last, Jr, First", "Last, First, Jr" and "First
/// Last Jr"), CSL-JSON (`suffix`, or in `given`) and MEDLINE `FAU`.
#[test]
fn other_languages_suffixes_in_every_format() {
    let w = workdir();
    let ris = w.write(
        "s.ris",
        "TY  - JOUR\nAU  - Ruiz, José, hijo\nAU  - Dupont, Jean fils\nAU  - Neto, Ana\nAU  - Fils-Aimé, Jean\n\
         TI  - R1\nPY  - 2019\nJO  - J\nER  - \n",
    );
    let said = w.ok_stderr(&["import", "reading", ris.to_str().unwrap()]);
    assert!(!said.contains("warning"), "{said}");
    let bib = w.write(
        "s.bib",
        "@article{b1, author = {Ruiz, hijo, José and Dupont, Jean, fils and Silva, João, Filho and Neto, Ana}, \
         title = {X1}, year = 2019, journal = {J}}\n",
    );
    let said = w.ok_stderr(&["import", "reading", bib.to_str().unwrap()]);
    assert!(!said.contains("warning"), "{said}");
    let json = w.write(
        "s.json",
        r#"[{"id":"c1","type":"article-journal","title":"C1","issued":{"date-parts":[[2019]]},"container-title":"J",
            "author":[{"family":"Ruiz","given":"José","suffix":"hijo"},{"family":"Dupont","given":"Jean fils"},
                      {"family":"Neto","given":"Ana"}]}]"#,
    );
    let said = w.ok_stderr(&["import", "reading", json.to_str().unwrap()]);
    assert!(!said.contains("warning"), "{said}");
    let nbib = w.write(
        "s.nbib",
        "PMID- 1\nTI  - P1.\nDP  - 2019\nFAU - Ruiz, José hijo\nAU  - Ruiz J hijo\nFAU - Dupont, Jean fils\n\
         AU  - Dupont J fils\nJT  - J\nTA  - J\n\n",
    );
    w.ok_stderr(&["import", "reading", nbib.to_str().unwrap()]);
    let list = w.reading_list();
    assert_eq!(
        parts(&list, "R1"),
        [
            p("Ruiz", "José", "", "hijo"),
            p("Dupont", "Jean", "", "fils"),
            p("Neto", "Ana", "", ""),
            p("Fils-Aimé", "Jean", "", "")
        ]
    );
    assert_eq!(
        parts(&list, "X1"),
        [
            p("Ruiz", "José", "", "hijo"),
            p("Dupont", "Jean", "", "fils"),
            p("Silva", "João", "", "Filho"),
            p("Neto", "Ana", "", "")
        ]
    );
    assert_eq!(
        parts(&list, "C1"),
        [p("Ruiz", "José", "", "hijo"), p("Dupont", "Jean", "", "fils"), p("Neto", "Ana", "", "")]
    );
    assert_eq!(parts(&list, "P1"), [p("Ruiz", "José", "", "hijo"), p("Dupont", "Jean", "", "fils")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "R1",
        [
            "Ruiz J hijo, Dupont J fils, Neto A, Fils-Aimé J. R1. J. 2019.",
            "Ruiz, J., hijo, Dupont, J., fils, Neto, A., & Fils-Aimé, J. (2019). R1. J.",
            "Ruiz, José, hijo, Jean Dupont fils, Ana Neto, and Jean Fils-Aimé. 2019. “R1.” J.",
        ],
    );
}

/// The same words in the other forms of a cell: "u." between names
/// "Given Family" or "Family Initials", a suffix before another language's
/// "and", a Portuguese suffix after Vancouver initials ("Silva JA Filho",
/// and MEDLINE's `AU`), while "Maria A. Neto" keeps her family name.
#[test]
fn the_words_in_the_other_forms_of_a_cell() {
    let w = workdir();
    let said = w.import_reading(
        "forms.csv",
        "title,authors,year,type,container\n\
         G1,\"Hans Müller u. Karl Schäfer\",2019,article,J\n\
         G2,\"Müller H, Weiß K u. Schäfer L\",2019,article,J\n\
         G3,\"Silva JA Filho, Souza M\",2019,article,J\n\
         G5,\"Ruiz, José, hijo y Pérez, Ana\",2019,article,J\n\
         G7,\"Dupont, Jean fils et Martin, Paul\",2019,article,J\n\
         G8,\"Ruiz J hijo, Gómez A\",2019,article,J\n\
         G12,\"Maria A. Neto, João B. Silva\",2019,article,J\n\
         G13,\"Silva Filho JA, Souza M\",2019,article,J\n",
    );
    assert!(said.contains("readings: 8 new"), "{said}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "G1"), [p("Müller", "Hans", "", ""), p("Schäfer", "Karl", "", "")]);
    assert_eq!(parts(&list, "G2"), [p("Müller", "H.", "", ""), p("Weiß", "K.", "", ""), p("Schäfer", "L.", "", "")]);
    assert_eq!(parts(&list, "G3"), [p("Silva", "J. A.", "", "Filho"), p("Souza", "M.", "", "")]);
    assert_eq!(parts(&list, "G5"), [p("Ruiz", "José", "", "hijo"), p("Pérez", "Ana", "", "")]);
    assert_eq!(parts(&list, "G7"), [p("Dupont", "Jean", "", "fils"), p("Martin", "Paul", "", "")]);
    assert_eq!(parts(&list, "G8"), [p("Ruiz", "J.", "", "hijo"), p("Gómez", "A.", "", "")]);
    assert_eq!(parts(&list, "G12"), [p("Neto", "Maria A.", "", ""), p("Silva", "João B.", "", "")]);
    assert_eq!(parts(&list, "G13"), [p("Silva Filho", "J. A.", "", ""), p("Souza", "M.", "", "")]);
    let nbib = w.write(
        "au.nbib",
        "PMID- 2\nTI  - P2.\nDP  - 2019\nAU  - Silva JA Filho\nAU  - Ruiz J hijo\nJT  - J\nTA  - J\n\n",
    );
    w.ok_stderr(&["import", "reading", nbib.to_str().unwrap()]);
    let list = w.reading_list();
    assert_eq!(parts(&list, "P2"), [p("Silva", "J. A.", "", "Filho"), p("Ruiz", "J.", "", "hijo")]);
    let refs = three_styles(&w);
    check(
        &refs,
        "G3",
        [
            "Silva JA Filho, Souza M. G3. J. 2019.",
            "Silva, J. A., Filho, & Souza, M. (2019). G3. J.",
            "Silva, J. A., Filho, and M. Souza. 2019. “G3.” J.",
        ],
    );
    check(
        &refs,
        "G8",
        [
            "Ruiz J hijo, Gómez A. G8. J. 2019.",
            "Ruiz, J., hijo, & Gómez, A. (2019). G8. J.",
            "Ruiz, J., hijo, and A. Gómez. 2019. “G8.” J.",
        ],
    );
}
