//! r92 s: people's and institutions' names left open by earlier testers —
//! a person's name with its own initials in brackets, an institution's
//! word as a person's family name, German acronyms with small letters,
//! "X of A and B" as one body, one-word bodies in any script, the joining
//! word a comma list's warning names, and a `;`-list read one way.
mod common;
use common::*;

/// Each reading's authors as stored (`author_names`), by title.
fn names_of(w: &Workdir, title: &str) -> serde_json::Value {
    let list = w.reading_list();
    reading(&list, title)["author_names"].clone()
}

fn person(family: &str, given: &str, original: &str) -> serde_json::Value {
    serde_json::json!({"family": family, "given": given, "particle": null, "suffix": null, "literal": null, "original": original})
}

fn literal(l: &str) -> serde_json::Value {
    serde_json::json!({"family": null, "given": null, "particle": null, "suffix": null, "literal": l, "original": l})
}

fn originals(w: &Workdir) -> Vec<String> {
    let mut v: Vec<String> = w
        .reading_list()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["author_names"][0]["original"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

/// Finding 1: a person's name of three or four words kept whole with its
/// own initials in brackets is no institution with its acronym: it never
/// matches the person written "Family, Given", never replaces them, and is
/// set apart as a person is, in either order.
#[test]
fn persons_of_three_and_four_words_with_bracketed_initials_are_no_body() {
    for (inverted, whole) in [
        ("Smith, Mary Jane", "Mary Jane Smith (MJS)"),
        ("Smith, Mary Anne Jane", "Mary Anne Jane Smith (MAJS)"),
        ("García, José Luis", "José Luis García (JLG)"),
    ] {
        for order in [[inverted, whole], [whole, inverted]] {
            let w = Workdir::new();
            for (i, a) in order.iter().enumerate() {
                let said = w.import_reading(
                    &format!("r{i}.csv"),
                    &format!("title,authors,year,type\nHealth report,\"{a}\",2019,report\n"),
                );
                assert!(!said.contains("replaces the stored one"), "{said}");
            }
            assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{order:?}");
            let mut want = vec![inverted.to_string(), whole.to_string()];
            want.sort();
            assert_eq!(originals(&w), want);
        }
    }
    // Beside a person, set apart as a person (a comma), not as an
    // organisation (Citing Medicine's semicolon).
    let w = Workdir::new();
    w.import_reading(
        "p.csv",
        "title,authors,year,type,container\nA study,\"Doe, Jane; Mary Jane Smith (MJS)\",2019,article,J\n",
    );
    assert_eq!(names_of(&w, "A study")[1], literal("Mary Jane Smith (MJS)"));
    assert_eq!(reference(&w.references("vancouver"), "A study"), "Doe J, Mary Jane Smith (MJS). A study. J. 2019.");
    // An institution's name with its initials is still one body.
    let w = Workdir::new();
    w.import_reading("a.csv", "title,authors,year,type\nT,Anne Frank Foundation,2019,report\n");
    let said = w.import_reading("b.csv", "title,authors,year,type\nT,Anne Frank Foundation (AFF),2019,report\n");
    assert!(said.contains("readings: 0 new, 1 changed"), "{said}");
    assert_eq!(originals(&w), ["Anne Frank Foundation (AFF)"]);
}

/// Finding 2: a person's two words "Given Family" whose family name is an
/// institution's word is a person in BibTeX, and "X and Y" of two such
/// names is two people; a body's name ("Bureau of Statistics", "National
/// Health Service", "Robert Koch-Institut") stays one.
#[test]
fn an_institution_word_as_a_family_name_is_a_person() {
    let bib = "@article{a, author = {Robert Service and Ana Escola}, title = {Two people}, journal = {J}, year = {2020}}\n\
               @article{b, author = {Anne Bureau}, title = {One person}, journal = {J}, year = {2020}}\n\
               @article{c, author = {Bureau of Statistics}, title = {A bureau}, journal = {J}, year = {2020}}\n\
               @article{d, author = {John Church and Mary Council}, title = {Church and council}, journal = {J}, year = {2020}}\n\
               @article{e, author = {Robert Koch-Institut}, title = {An institute}, journal = {J}, year = {2020}}\n\
               @article{f, author = {National Health Service and J. Board}, title = {A service}, journal = {J}, year = {2020}}\n";
    let w = Workdir::new();
    let said = w.import_reading("p.bib", bib);
    assert!(!said.contains("\"Robert Service and Ana Escola\" looks like an institution"), "{said}");
    assert_eq!(
        names_of(&w, "Two people"),
        serde_json::json!([person("Service", "Robert", "Robert Service"), person("Escola", "Ana", "Ana Escola")])
    );
    assert_eq!(names_of(&w, "One person"), serde_json::json!([person("Bureau", "Anne", "Anne Bureau")]));
    assert_eq!(
        names_of(&w, "Church and council"),
        serde_json::json!([person("Church", "John", "John Church"), person("Council", "Mary", "Mary Council")])
    );
    assert_eq!(names_of(&w, "A bureau"), serde_json::json!([literal("Bureau of Statistics")]));
    assert_eq!(names_of(&w, "An institute"), serde_json::json!([literal("Robert Koch-Institut")]));
    assert_eq!(names_of(&w, "A service")[0], literal("National Health Service"));
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Two people"), "Service R, Escola A. Two people. J. 2020.");
    assert_eq!(reference(&refs, "One person"), "Bureau A. One person. J. 2020.");
    assert_eq!(reference(&refs, "Church and council"), "Church J, Council M. Church and council. J. 2020.");
    assert_eq!(reference(&refs, "A bureau"), "Bureau of Statistics. A bureau. J. 2020.");
    let apa = w.references("apa");
    assert!(reference(&apa, "Two people").starts_with("Service, R., & Escola, A. (2020)."), "{apa:?}");

    // A cell: two such names joined by "and" are two people, said; one
    // alone, or in a RIS `AU`, is kept whole as any "Given Family" name is,
    // said, and set apart as a person (not as an organisation).
    let w = Workdir::new();
    let said = w.import_reading(
        "p.csv",
        "title,authors,year,type,container\nTwo people,Robert Service and Ana Escola,2020,article,J\n\
         One person,\"Anne Bureau; Doe, Jane\",2020,article,J\n",
    );
    assert!(
        said.contains(
            "authors cell \"Robert Service and Ana Escola\" read as 2 names written \"Given Family\", each with its \
             family name last (\"Service, Robert\", \"Escola, Ana\")"
        ),
        "{said}"
    );
    // r94 (a_r95): a name written "Given Family" beside names written
    // "Family, Given" in a `;` list is read as a person, said.
    assert!(
        said.contains("1 name written \"Given Family\" beside names written \"Family, Given\" read with the family name last (\"Bureau, Anne\")"),
        "{said}"
    );
    assert_eq!(
        names_of(&w, "Two people"),
        serde_json::json!([person("Service", "Robert", "Robert Service"), person("Escola", "Ana", "Ana Escola")])
    );
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "One person"), "Bureau A, Doe J. One person. J. 2020.");
    let w = Workdir::new();
    let said = w.import_reading(
        "p.ris",
        "TY  - JOUR\nAU  - Robert Service\nAU  - Anne Bureau\nTI  - Ris people\nT2  - J\nPY  - 2020\nER  - \n",
    );
    // Read as people, as in a CSV cell, and said both ways (tester r98).
    assert!(said.contains("AU \"Anne Bureau\" read as a name written \"Given Family\""), "{said}");
    assert!(said.contains("AU \"Anne Bureau\" was read as a person"), "{said}");
    assert_eq!(reference(&w.references("vancouver"), "Ris people"), "Service R, Bureau A. Ris people. J. 2020.");
}

/// Finding 3: an acronym with small letters ("BfR", "BZgA", "BfArM") is
/// its German body's initials, and "UNICEF" is "United Nations Children's
/// Fund" (a short table of bodies whose acronym is not their initials):
/// the name and the name with its acronym in brackets are one author, in
/// either order, the bracketed form kept.
#[test]
fn acronyms_with_small_letters_and_known_acronyms_are_the_bodys() {
    for (plain, bracketed) in [
        ("Bundesinstitut für Risikobewertung", "Bundesinstitut für Risikobewertung (BfR)"),
        ("Bundeszentrale für gesundheitliche Aufklärung", "Bundeszentrale für gesundheitliche Aufklärung (BZgA)"),
        (
            "Bundesinstitut für Arzneimittel und Medizinprodukte",
            "Bundesinstitut für Arzneimittel und Medizinprodukte (BfArM)",
        ),
        ("BfR", "Bundesinstitut für Risikobewertung (BfR)"),
        ("BZgA", "Bundeszentrale für gesundheitliche Aufklärung (BZgA)"),
        ("United Nations Children's Fund", "United Nations Children's Fund (UNICEF)"),
        ("UNICEF", "United Nations Children's Fund (UNICEF)"),
    ] {
        for order in [[plain, bracketed], [bracketed, plain]] {
            let w = Workdir::new();
            for (i, a) in order.iter().enumerate() {
                let said = w.import_reading(
                    &format!("r{i}.csv"),
                    &format!("title,authors,year,type\nBericht,\"{a}\",2020,report\n"),
                );
                assert!(!said.contains("possible duplicate"), "{order:?}: {said}");
            }
            assert_eq!(originals(&w), [bracketed], "{order:?}");
            assert_eq!(names_of(&w, "Bericht"), serde_json::json!([literal(bracketed)]));
        }
    }
    // Not any acronym: "BfG" is not the initials of the Risk Institute.
    let w = Workdir::new();
    w.import_reading(
        "a.csv",
        "title,authors,year,type\nBericht,Bundesinstitut für Risikobewertung (BfG),2020,report\n",
    );
    let said =
        w.import_reading("b.csv", "title,authors,year,type\nBericht,Bundesinstitut für Risikobewertung,2020,report\n");
    assert!(said.contains("possible duplicate"), "{said}");
}

/// Finding 4: "X of A and B" whose second half has no head word or acronym
/// of its own is one body, unwarned, in every format; two bodies are still
/// split or warned.
#[test]
fn an_and_inside_an_of_phrase_is_one_body() {
    let w = Workdir::new();
    let said = w.import_reading(
        "p.csv",
        "title,authors,year,type\nHhs,Department of Health and Human Services,2020,report\n\
         Msw,Ministry of Health and Social Welfare,2020,report\n\
         Coe,Council of Europe and World Health Organization,2020,report\n\
         Min,Ministry of Health and NHS England,2020,report\n",
    );
    assert!(!said.contains("Human Services\" was kept whole"), "{said}");
    assert!(!said.contains("Social Welfare\" was kept whole"), "{said}");
    assert!(said.contains("\"Council of Europe and World Health Organization\" read as 2 institutions"), "{said}");
    assert!(
        said.contains("\"Ministry of Health and NHS England\" was kept whole, as one institution's name; it may be"),
        "{said}"
    );
    assert_eq!(names_of(&w, "Hhs"), serde_json::json!([literal("Department of Health and Human Services")]));
    assert_eq!(names_of(&w, "Msw"), serde_json::json!([literal("Ministry of Health and Social Welfare")]));
    assert_eq!(
        names_of(&w, "Coe"),
        serde_json::json!([literal("Council of Europe"), literal("World Health Organization")])
    );
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Hhs"),
        "Department of Health and Human Services. Hhs. [place unknown]: [publisher unknown]; 2020."
    );
    let w = Workdir::new();
    let said = w.import_reading(
        "p.ris",
        "TY  - RPRT\nAU  - Department of Health and Human Services\nTI  - Hhs\nPY  - 2020\nER  - \n",
    );
    assert!(!said.contains("warning"), "{said}");
    assert_eq!(names_of(&w, "Hhs"), serde_json::json!([literal("Department of Health and Human Services")]));
}

/// Finding 5: a one-word body's name in any script — an acronym with small
/// letters ("BfArM") or a Russian body's short name ("Росстат",
/// "Минздрав") — is an institution in every format; a one-word person's
/// name ("Aristotle", "Avicenna", "Sukarno") stays a person of one name,
/// as before.
#[test]
fn one_word_bodies_and_one_word_people() {
    let csv = "title,authors,year,type\nRos,Росстат,2020,report\nMin,Минздрав,2020,report\nBf,BfArM,2020,report\n\
               Ari,Aristotle,2020,report\nAvi,Avicenna,2020,report\nSuk,Sukarno,2020,report\nMcd,McDonald,2020,report\n";
    let ris = "TY  - RPRT\nAU  - Росстат\nTI  - Ros\nPY  - 2020\nER  - \nTY  - RPRT\nAU  - BfArM\nTI  - Bf\nPY  - 2020\nER  - \n\
               TY  - BOOK\nAU  - Aristotle\nTI  - Ari\nPY  - 2020\nER  - \n";
    let bib = "@techreport{r, author = {Росстат}, title = {Ros}, institution = {X}, year = {2020}}\n\
               @techreport{b, author = {BfArM}, title = {Bf}, institution = {X}, year = {2020}}\n\
               @book{a, author = {Aristotle}, title = {Ari}, publisher = {X}, year = {2020}}\n";
    let one = |family: &str| serde_json::json!([{"family": family, "given": null, "particle": null, "suffix": null, "literal": null, "original": family}]);
    for (file, text) in [("p.csv", csv), ("p.ris", ris), ("p.bib", bib)] {
        let w = Workdir::new();
        w.import_reading(file, text);
        assert_eq!(names_of(&w, "Ros"), serde_json::json!([literal("Росстат")]), "{file}");
        assert_eq!(names_of(&w, "Bf"), serde_json::json!([literal("BfArM")]), "{file}");
        assert_eq!(names_of(&w, "Ari"), one("Aristotle"), "{file}");
        let refs = w.references("vancouver");
        assert!(reference(&refs, "Ros").starts_with("Росстат. Ros. [place unknown]"), "{refs:?}");
        assert!(reference(&refs, "Ari").starts_with("Aristotle. Ari. [place unknown]"), "{refs:?}");
        if file == "p.csv" {
            assert_eq!(names_of(&w, "Min"), serde_json::json!([literal("Минздрав")]));
            assert_eq!(names_of(&w, "Avi"), one("Avicenna"));
            assert_eq!(names_of(&w, "Suk"), one("Sukarno"));
            assert_eq!(names_of(&w, "Mcd"), one("McDonald"));
        }
    }
}

/// Finding 6: a comma list split at another language's "and" names that
/// word in its warning ("u.", "et", "und"), not "and".
#[test]
fn a_comma_lists_warning_names_the_word_written() {
    let w = Workdir::new();
    let said = w.import_reading(
        "p.csv",
        "title,authors,year,type\nA,\"Müller, Hans, Schmidt, Eva u. Weiß, Karl\",2020,report\n\
         B,\"Dupont, Jean, Martin, Paul et Durand, Luc\",2020,report\n\
         C,\"Smith, John, Doe, Jane and Roe, Rick\",2020,report\n",
    );
    assert!(
        said.contains(
            "authors cell \"Müller, Hans, Schmidt, Eva u. Weiß, Karl\" is split at \"u.\" and at every other comma; \
             read as 3 names \"Family, Given\" (Müller, Hans; Schmidt, Eva; Weiß, Karl)"
        ),
        "{said}"
    );
    assert!(said.contains("\"Dupont, Jean, Martin, Paul et Durand, Luc\" is split at \"et\" and at every"), "{said}");
    assert!(said.contains("\"Smith, John, Doe, Jane and Roe, Rick\" is split at \"and\" and at every"), "{said}");
    assert_eq!(names_of(&w, "A")[2], person("Weiß", "Karl", "Weiß, Karl"));
}

/// Finding 7: a `;`-list whose one name is written "Given Family" with a
/// suffix ("Kofi Mensah Jr.") is read one way: every name "Given Family",
/// said in one warning, in either order; a list without such a sign keeps
/// every name whole, as before.
#[test]
fn a_semicolon_list_is_read_one_way() {
    let w = Workdir::new();
    let said = w.import_reading(
        "p.csv",
        "title,authors,year,type,container\nFour,Kofi Mensah Jr.; Ana Pérez,2020,article,J\n\
         Six,Ana Pérez; Kofi Mensah Jr.,2020,article,J\nThree,Robert Smith; Ana Perez,2020,article,J\n",
    );
    assert!(
        said.contains(
            "authors cell \"Kofi Mensah Jr.; Ana Pérez\" read as 2 names written \"Given Family\", each with its family \
             name last (\"Mensah, Kofi, Jr.\", \"Pérez, Ana\")"
        ),
        "{said}"
    );
    let kofi = serde_json::json!({"family": "Mensah", "given": "Kofi", "particle": null, "suffix": "Jr.", "literal": null, "original": "Kofi Mensah Jr."});
    let ana = person("Pérez", "Ana", "Ana Pérez");
    assert_eq!(names_of(&w, "Four"), serde_json::json!([kofi, ana]));
    assert_eq!(names_of(&w, "Six"), serde_json::json!([ana, kofi]));
    // Tester r93 F5: "Robert Smith; Ana Perez" is two people written "Given
    // Family", as "Robert Smith and Ana Perez" is; no longer kept whole.
    assert_eq!(
        names_of(&w, "Three"),
        serde_json::json!([person("Smith", "Robert", "Robert Smith"), person("Perez", "Ana", "Ana Perez")])
    );
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Four"), "Mensah K Jr, Pérez A. Four. J. 2020.");
    assert_eq!(reference(&refs, "Six"), "Pérez A, Mensah K Jr. Six. J. 2020.");
}
