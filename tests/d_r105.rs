//! Names typed and read (tester r104 F7, F8): a title before a name or a
//! degree after it is taken off, said, kept in the name as written, and
//! marks the name a person's; an Arabic article in natural order marks a
//! person; a comma-form person whose family name is an institution's word
//! stays a person.

mod common;
use common::*;

const PARTS: [&str; 5] = ["family", "given", "particle", "literal", "original"];

fn p(f: &str, g: &str, particle: &str, original: &str) -> [String; 5] {
    [f, g, particle, "", original].map(str::to_string)
}

fn parts(w: &Workdir, title: &str) -> Vec<[String; 5]> {
    author_parts(reading(&w.reading_list(), title), PARTS)
}

fn add(w: &Workdir, title: &str, authors: &[&str]) -> String {
    let mut args = vec!["reading", "add", "--title", title, "--year", "2020", "--type", "article"];
    args.extend(["--container", "Lancet", "--volume", "3", "--pages", "1-2", "--by", "amina"]);
    for a in authors {
        args.extend(["--author", a]);
    }
    w.ok_stderr(&args)
}

/// F8: `reading add` took "Prof.", "Dr." and ", PhD" off unsaid, the
/// original lost them, and the titled names were kept whole as institutions.
#[test]
fn typed_titles_and_degrees_are_said_kept_and_mark_a_person() {
    let w = workdir();
    let err = add(&w, "Typed titles", &["Prof. Shams El Arifeen", "Dr. Grace Wanjiru", "Ahmed, Syed Masud, PhD"]);
    assert!(
        err.contains(
            "author \"Prof.\" dropped from the name \"Prof. Shams El Arifeen\": a title before a name is not part of \
             a name in a citation"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "author \"Dr.\" dropped from the name \"Dr. Grace Wanjiru\": a title before a name is not part of a name \
             in a citation"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "author \"PhD\" dropped from the name \"Ahmed, Syed Masud, PhD\": a degree or post-nominal is not part of \
             a name in a citation"
        ),
        "{err}"
    );
    assert!(!err.contains("kept whole"), "{err}");
    assert_eq!(
        parts(&w, "Typed titles"),
        vec![
            p("El Arifeen", "Shams", "", "Prof. Shams El Arifeen"),
            p("Wanjiru", "Grace", "", "Dr. Grace Wanjiru"),
            p("Ahmed", "Syed Masud", "", "Ahmed, Syed Masud, PhD"),
        ]
    );
    assert_eq!(
        reference(&w.references("apa"), "Typed titles"),
        "El Arifeen, S., Wanjiru, G., & Ahmed, S. M. (2020). Typed titles. Lancet, 3, 1–2."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Typed titles"),
        "El Arifeen S, Wanjiru G, Ahmed SM. Typed titles. Lancet. 2020;3:1-2."
    );
}

/// More of the kind: other titles, a degree after a name without a comma,
/// a title inside a comma form.
#[test]
fn other_typed_titles_and_degrees() {
    let w = workdir();
    let err =
        add(&w, "More titles", &["Mrs. Nusrat Jahan", "Mr Kofi Mensah", "Ngozi Achebe MBChB", "Yusuf, Dr. Amina"]);
    for (t, name) in [
        ("Mrs.", "Mrs. Nusrat Jahan"),
        ("Mr", "Mr Kofi Mensah"),
        ("MBChB", "Ngozi Achebe MBChB"),
        ("Dr.", "Yusuf, Dr. Amina"),
    ] {
        assert!(err.contains(&format!("author {t:?} dropped from the name {name:?}")), "{t}: {err}");
    }
    assert!(!err.contains("kept whole"), "{err}");
    assert_eq!(
        parts(&w, "More titles"),
        vec![
            p("Jahan", "Nusrat", "", "Mrs. Nusrat Jahan"),
            p("Mensah", "Kofi", "", "Mr Kofi Mensah"),
            p("Achebe", "Ngozi", "", "Ngozi Achebe MBChB"),
            p("Yusuf", "Amina", "", "Yusuf, Dr. Amina"),
        ]
    );
}

/// F7: "Omar al-Farouq" was kept whole unsaid; an Arabic article glued to
/// the family name marks a person, read and said.
#[test]
fn an_arabic_article_marks_a_person() {
    let w = workdir();
    let err = add(&w, "Article typed", &["Omar al-Farouq"]);
    assert!(err.contains("author \"Omar al-Farouq\" read as a name written \"Given Family\""), "{err}");
    assert_eq!(parts(&w, "Article typed"), vec![p("Farouq", "Omar", "al-", "Omar al-Farouq")]);
    w.import_reading(
        "ar.csv",
        "title,authors,year,type\nArticle alone,Omar al-Farouq,2018,article\n\
         Article listed,\"Omar al-Farouq; Nusrat Jahan\",2018,article\n",
    );
    assert_eq!(parts(&w, "Article alone"), vec![p("Farouq", "Omar", "al-", "Omar al-Farouq")]);
    assert_eq!(
        parts(&w, "Article listed"),
        vec![p("Farouq", "Omar", "al-", "Omar al-Farouq"), p("Jahan", "Nusrat", "", "Nusrat Jahan")]
    );
}

/// F7 and F8 in a CSV cell: titled names beside others, "Grace Wanjiru"
/// in a `;` list of persons, a titled name alone; "Grace Hall" alone stays
/// whole, said (tests/a_r95.rs pins it).
#[test]
fn titled_names_in_a_csv_cell() {
    let w = workdir();
    let err = w.import_reading(
        "t.csv",
        "title,authors,year,type\n\
         Cell titled,\"Prof. Shams El Arifeen; Dr. Grace Wanjiru; Ahmed, Syed Masud, PhD\",2018,article\n\
         Cell listed,\"Grace Wanjiru; Nusrat Jahan\",2018,article\n\
         Cell alone,Dr. Grace Wanjiru,2018,article\n\
         Cell hall,Grace Hall,2018,article\n",
    );
    assert!(err.contains("\"Prof.\" dropped from the name \"Prof. Shams El Arifeen\""), "{err}");
    assert!(err.contains("\"Dr.\" dropped from the name \"Dr. Grace Wanjiru\""), "{err}");
    assert!(err.contains("\"PhD\" dropped from the name \"Ahmed, Syed Masud, PhD\""), "{err}");
    assert!(
        err.contains(
            "t.csv:4:2: warning: authors cell \"Grace Wanjiru\" read as 1 name written \"Given Family\", with the \
             family name last (\"Wanjiru, Grace\"); a name written family name first would be read wrong — write \
             names \"Family, Given\" separated by `;` to be sure; \"Dr.\" dropped from the name \"Dr. Grace \
             Wanjiru\": a title before a name is not part of a name in a citation"
        ),
        "{err}"
    );
    assert!(!err.contains("\"Grace Wanjiru\" was kept whole"), "{err}");
    assert!(err.contains("\"Grace Hall\" was kept whole as written"), "{err}");
    assert_eq!(
        parts(&w, "Cell titled"),
        vec![
            p("El Arifeen", "Shams", "", "Prof. Shams El Arifeen"),
            p("Wanjiru", "Grace", "", "Dr. Grace Wanjiru"),
            p("Ahmed", "Syed Masud", "", "Ahmed, Syed Masud, PhD"),
        ]
    );
    assert_eq!(
        parts(&w, "Cell listed"),
        vec![p("Wanjiru", "Grace", "", "Grace Wanjiru"), p("Jahan", "Nusrat", "", "Nusrat Jahan")]
    );
    assert_eq!(parts(&w, "Cell alone"), vec![p("Wanjiru", "Grace", "", "Dr. Grace Wanjiru")]);
    assert_eq!(parts(&w, "Cell hall"), vec![["", "", "", "Grace Hall", "Grace Hall"].map(str::to_string)]);
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Cell titled"), "El Arifeen, S., Wanjiru, G., & Ahmed, S. M. (2018). Cell titled.");
    assert_eq!(reference(&apa, "Cell alone"), "Wanjiru, G. (2018). Cell alone.");
}

/// F8 in RIS `AU` and BibTeX `author`: said (as before), kept in the name
/// as written, and a person's.
#[test]
fn titled_names_in_ris_and_bibtex() {
    let w = workdir();
    let err = w.import_reading(
        "t.ris",
        "TY  - JOUR\nAU  - Prof. Shams El Arifeen\nAU  - Dr. Grace Wanjiru\nAU  - Ahmed, Syed Masud, PhD\n\
         AU  - Omar al-Farouq\nTI  - Ris titled\nPY  - 2020\nER  - \n",
    );
    assert!(err.contains("t.ris:2:7: warning: in the record starting at line 1: AU \"Prof.\" dropped"), "{err}");
    assert!(err.contains("t.ris:3:7: warning: in the record starting at line 1: AU \"Dr.\" dropped"), "{err}");
    assert!(!err.contains("kept whole"), "{err}");
    assert_eq!(
        parts(&w, "Ris titled"),
        vec![
            p("El Arifeen", "Shams", "", "Prof. Shams El Arifeen"),
            p("Wanjiru", "Grace", "", "Dr. Grace Wanjiru"),
            p("Ahmed", "Syed Masud", "", "Ahmed, Syed Masud, PhD"),
            p("Farouq", "Omar", "al-", "Omar al-Farouq"),
        ]
    );
    let err = w.import_reading(
        "t.bib",
        "@article{a, author = {Dr. Grace Wanjiru and Ahmed, Syed Masud, PhD}, title = {Bib titled}, \
         journal = {Lancet}, year = 2020}\n",
    );
    assert!(err.contains("author \"Dr.\" dropped from the name \"Dr. Grace Wanjiru\""), "{err}");
    assert_eq!(
        parts(&w, "Bib titled"),
        vec![p("Wanjiru", "Grace", "", "Dr. Grace Wanjiru"), p("Ahmed", "Syed Masud", "", "Ahmed, Syed Masud, PhD")]
    );
}

/// Item 3: "Family, Given" with a comma is a person even when the family
/// name is an institution's word; "Ruth Fund" too (a given name first),
/// each said.
#[test]
fn institution_words_as_family_names_stay_persons() {
    let w = workdir();
    let err = add(&w, "Bank typed", &["Bank, Ruth", "Ruth Fund", "Fund, Anna"]);
    assert!(err.contains("author \"Bank, Ruth\" was read as a person (family name \"Bank\")"), "{err}");
    assert!(err.contains("author \"Fund, Anna\" was read as a person (family name \"Fund\")"), "{err}");
    assert_eq!(
        parts(&w, "Bank typed"),
        vec![
            p("Bank", "Ruth", "", "Bank, Ruth"),
            p("Fund", "Ruth", "", "Ruth Fund"),
            p("Fund", "Anna", "", "Fund, Anna")
        ]
    );
    w.import_reading("b.csv", "title,authors,year,type\nBank cell,\"Bank, Ruth; Fund, Anna\",2019,article\n");
    assert_eq!(parts(&w, "Bank cell"), vec![p("Bank", "Ruth", "", "Bank, Ruth"), p("Fund", "Anna", "", "Fund, Anna")]);
    w.import_reading("b.ris", "TY  - JOUR\nAU  - Bank, Ruth\nAU  - Fund, Anna\nTI  - Bank ris\nPY  - 2019\nER  - \n");
    assert_eq!(parts(&w, "Bank ris"), vec![p("Bank", "Ruth", "", "Bank, Ruth"), p("Fund", "Anna", "", "Fund, Anna")]);
    assert_eq!(
        reference(&w.references("vancouver"), "Bank typed"),
        "Bank R, Fund R, Fund A. Bank typed. Lancet. 2020;3:1-2."
    );
}

/// F8 in CSL-JSON: a title in `given` ("Dr. Grace") was kept as a given
/// name, a degree as `suffix` ("PhD") as the suffix, unsaid.
#[test]
fn titled_names_in_csl_json() {
    let w = workdir();
    let err = w.import_reading(
        "t.json",
        r#"[{"id":"a","type":"article-journal","title":"Csl titled","container-title":"Lancet","volume":"3","page":"1-2",
            "issued":{"date-parts":[[2020]]},"author":[{"family":"Wanjiru","given":"Dr. Grace"},
            {"family":"Ahmed","given":"Syed Masud","suffix":"PhD"},{"family":"Mensah","given":"Kofi","suffix":"Jr."}]}]"#,
    );
    assert!(
        err.contains(
            "author \"Dr.\" dropped from the name \"Wanjiru, Dr. Grace\": a title before a name is not part of a name \
             in a citation"
        ),
        "{err}"
    );
    assert!(err.contains("author \"PhD\" dropped from the name \"Ahmed, Syed Masud, PhD\""), "{err}");
    assert!(!err.contains("\"Jr.\" dropped"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Csl titled");
    assert_eq!(
        author_parts(r, ["family", "given", "suffix", "original"]),
        vec![
            ["Wanjiru", "Grace", "", "Wanjiru, Dr. Grace"].map(str::to_string),
            ["Ahmed", "Syed Masud", "", "Ahmed, Syed Masud, PhD"].map(str::to_string),
            ["Mensah", "Kofi", "Jr.", "Mensah, Kofi, Jr."].map(str::to_string),
        ]
    );
    assert_eq!(
        reference(&w.references("apa"), "Csl titled"),
        "Wanjiru, G., Ahmed, S. M., & Mensah, K., Jr. (2020). Csl titled. Lancet, 3, 1–2."
    );
}

/// F7: "Grace Wanjiru" alone was kept whole as an institution's, as "Grace
/// Hall" is (tests/a_r95.rs): a given name that also begins bodies' names
/// is a person's beside a word no building or body ends with, said.
#[test]
fn a_given_name_that_begins_bodies_beside_a_family_name() {
    let w = workdir();
    let err = add(&w, "Grace typed", &["Grace Wanjiru", "Mercy Achieng"]);
    assert!(
        err.contains(
            "author \"Grace Wanjiru\" read as a name written \"Given Family\", with the family name last \
             (\"Wanjiru, Grace\")"
        ),
        "{err}"
    );
    assert!(!err.contains("kept whole"), "{err}");
    assert_eq!(
        parts(&w, "Grace typed"),
        vec![p("Wanjiru", "Grace", "", "Grace Wanjiru"), p("Achieng", "Mercy", "", "Mercy Achieng")]
    );
    let err = w.import_reading(
        "g.csv",
        "title,authors,year,type\nGrace cell,Grace Wanjiru,2019,article\nHall cell,Grace Hall,2019,article\n\
         Corps cell,Mercy Corps,2019,report\n",
    );
    assert!(err.contains("\"Grace Hall\" was kept whole as written"), "{err}");
    assert_eq!(parts(&w, "Grace cell"), vec![p("Wanjiru", "Grace", "", "Grace Wanjiru")]);
    assert_eq!(parts(&w, "Hall cell"), vec![["", "", "", "Grace Hall", "Grace Hall"].map(str::to_string)]);
    assert_eq!(parts(&w, "Corps cell"), vec![["", "", "", "Mercy Corps", "Mercy Corps"].map(str::to_string)]);
    assert_eq!(
        reference(&w.references("vancouver"), "Grace typed"),
        "Wanjiru G, Achieng M. Grace typed. Lancet. 2020;3:1-2."
    );
}
