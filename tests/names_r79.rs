//! Tester r79: role words before a whole list of names, family names in
//! capitals, Chinese/Japanese/Korean names kept whole, German "i. E.".
mod common;
use common::*;

fn names(w: &Workdir, title: &str, field: &str) -> Vec<[String; 5]> {
    let list = w.reading_list();
    reading(&list, title)[field]
        .as_array()
        .expect("names")
        .iter()
        .map(|a| {
            ["family", "given", "particle", "suffix", "literal"].map(|k| a[k].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

fn person(family: &str, given: &str, particle: &str) -> [String; 5] {
    [family, given, particle, "", ""].map(str::to_string)
}

fn literal(l: &str) -> [String; 5] {
    ["", "", "", "", l].map(str::to_string)
}

const ROLES_CSV: &str = "title,authors,editors,year,type,container\n\
Chapter Fr,\"Dupont, Jean\",\"sous la dir. de Fassin, Didier et Memmi, Dominique\",2010,chapter,Book Fr\n\
Chapter De,\"Meyer, Hans\",hrsg. von Klaus Bergdolt und Karl-Heinz Leven,2010,chapter,Book De\n\
Chapter En,\"Brown, Carl\",edited by A. Smith and B. Jones,2010,chapter,Book En\n\
Chapter Es,\"Ruiz, Ana\",\"editado por Ortega y Gasset, José\",2010,chapter,Book Es\n\
Chapter Three,\"Lee, Kim\",\"sous la direction de Didier Fassin, Dominique Memmi et Jean Dupont\",2010,chapter,Book Three\n\
Book Eds,\"edited by Smith, Anne and Jones, Bob\",,2011,book,\n\
Book Trail,\"Kim, Jim\",\"Farmer, Paul; Kim, Jim Yong, editors\",2011,chapter,Book Trail\n";

/// Finding 1: a role written before an editors list is taken off every
/// name, the language's "and" separates them, and it is said.
#[test]
fn a_role_before_an_editors_list_is_every_names_and_said() {
    let w = Workdir::new();
    let err = w.import_reading("roles.csv", ROLES_CSV);
    assert_eq!(
        names(&w, "Chapter Fr", "editor_names"),
        [person("Fassin", "Didier", ""), person("Memmi", "Dominique", "")]
    );
    assert_eq!(
        names(&w, "Chapter De", "editor_names"),
        [person("Bergdolt", "Klaus", ""), person("Leven", "Karl-Heinz", "")]
    );
    assert_eq!(names(&w, "Chapter En", "editor_names"), [person("Smith", "A.", ""), person("Jones", "B.", "")]);
    // "y" inside a name is no separator.
    assert_eq!(names(&w, "Chapter Es", "editor_names"), [person("Ortega y Gasset", "José", "")]);
    assert_eq!(
        names(&w, "Chapter Three", "editor_names"),
        [person("Fassin", "Didier", ""), person("Memmi", "Dominique", ""), person("Dupont", "Jean", "")]
    );
    assert!(err.contains(
        "roles.csv:2:3: warning: editors \"sous la dir. de Fassin, Didier et Memmi, Dominique\": read as the editors \
         \"Fassin, Didier\"; \"Memmi, Dominique\"; \"sous la dir. de\" is the role written before the names, not part \
         of them"
    ), "{err}");
    assert!(
        err.contains(
            "roles.csv:3:3: warning: editors \"hrsg. von Klaus Bergdolt und Karl-Heinz Leven\": read as the editors \
         \"Bergdolt, Klaus\"; \"Leven, Karl-Heinz\"; \"hrsg. von\" is the role written before the names"
        ),
        "{err}"
    );
    assert!(err.contains("roles.csv:4:3: warning: editors \"edited by A. Smith and B. Jones\": read as the editors \"Smith, A.\"; \"Jones, B.\"; \"edited by\""), "{err}");
    // The trailing role word is said too.
    assert!(err.contains("roles.csv:8:3: warning: editors cell \"Farmer, Paul; Kim, Jim Yong, editors\": \"editors\" after the last name is the role"), "{err}");
    assert_eq!(names(&w, "Book Trail", "editor_names"), [person("Farmer", "Paul", ""), person("Kim", "Jim Yong", "")]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Chapter Fr"),
        "Dupont J. Chapter Fr. In: Fassin D, Memmi D, editors. Book Fr. [place unknown]: [publisher unknown]; 2010."
    );
    assert_eq!(
        reference(&refs, "Chapter De"),
        "Meyer H. Chapter De. In: Bergdolt K, Leven KH, editors. Book De. [place unknown]: [publisher unknown]; 2010."
    );
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "Chapter En"), "Brown, C. (2010). Chapter En. In A. Smith & B. Jones (Eds.), Book En.");
}

/// Finding 2: "edited by" before an authors list makes every name an
/// editor, said.
#[test]
fn a_role_before_an_authors_list_makes_them_editors() {
    let w = Workdir::new();
    let err = w.import_reading("roles.csv", ROLES_CSV);
    assert_eq!(names(&w, "Book Eds", "author_names"), Vec::<[String; 5]>::new());
    assert_eq!(names(&w, "Book Eds", "editor_names"), [person("Smith", "Anne", ""), person("Jones", "Bob", "")]);
    assert!(err.contains(
        "roles.csv:7:2: warning: authors \"edited by Smith, Anne and Jones, Bob\": read as the editors \"Smith, Anne\"; \
         \"Jones, Bob\"; \"edited by\" is the role written before the names, not part of them, and says they are not \
         authors"
    ), "{err}");
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "Book Eds"), "Smith, A., & Jones, B. (Eds.). (2011). Book Eds.");
}

/// The same in BibTeX: one "name" holding the role and the list.
#[test]
fn a_role_before_a_bibtex_editor_list() {
    let w = Workdir::new();
    let err = w.import_reading(
        "r.bib",
        "@incollection{fr, author = {Dupont, Jean}, title = {Bib Fr}, booktitle = {Livre}, editor = {sous la dir. de \
         Didier Fassin et Dominique Memmi}, year = {2010}}\n",
    );
    assert_eq!(names(&w, "Bib Fr", "editor_names"), [person("Fassin", "Didier", ""), person("Memmi", "Dominique", "")]);
    assert!(err.contains("\"sous la dir. de\" is the role written before the names"), "{err}");
    // No advice to brace it as an institution.
    assert!(!err.contains("looks like an institution"), "{err}");
}

/// Finding 3: a family name in capitals beside a given name in its own
/// case: the particle and family split, printed in their own case, said.
#[test]
fn a_family_name_in_capitals_is_read_and_printed_in_its_case() {
    let w = Workdir::new();
    let err = w.import_reading(
        "caps.csv",
        "title,authors,year,type\n\
         Caps1,\"LE GOFF, Jacques\",1980,book\n\
         Caps2,Jacques LE GOFF,1981,book\n\
         Caps3,\"DE BEAUVOIR, Simone\",1949,book\n\
         Caps4,\"VAN DER BERG, Pieter\",1990,book\n\
         Caps5,LE GOFF Jacques,1982,book\n\
         Caps6,\"Smith JKA\",1983,book\n\
         Caps8,\"D'ALEMBERT, Jean\",1751,book\n\
         Caps9,Jean-Paul SARTRE,1943,book\n",
    );
    assert_eq!(names(&w, "Caps1", "author_names"), [person("Le Goff", "Jacques", "")]);
    assert_eq!(names(&w, "Caps2", "author_names"), [person("Le Goff", "Jacques", "")]);
    assert_eq!(names(&w, "Caps3", "author_names"), [person("Beauvoir", "Simone", "de")]);
    assert_eq!(names(&w, "Caps4", "author_names"), [person("Berg", "Pieter", "van der")]);
    assert_eq!(names(&w, "Caps5", "author_names"), [person("Le Goff", "Jacques", "")]);
    assert_eq!(names(&w, "Caps8", "author_names"), [person("Alembert", "Jean", "d'")]);
    assert_eq!(names(&w, "Caps9", "author_names"), [person("Sartre", "Jean-Paul", "")]);
    // Initials in capitals stay initials.
    assert_eq!(names(&w, "Caps6", "author_names"), [person("Smith", "J. K. A.", "")]);
    assert!(
        err.contains(
            "caps.csv:2:2: warning: name \"LE GOFF, Jacques\": the family name written in capitals \"LE GOFF\" (as \
         bibliographies mark it) is stored and printed as \"Le Goff\", the name read as \"Le Goff, Jacques\""
        ),
        "{err}"
    );
    assert!(err.contains("is stored and printed as \"d'Alembert\""), "{err}");
    let v = w.references("vancouver");
    let a = w.references("apa");
    for (t, van, apa) in [
        ("Caps1", "Le Goff J. Caps1.", "Le Goff, J. (1980)."),
        ("Caps2", "Le Goff J. Caps2.", "Le Goff, J. (1981)."),
        ("Caps3", "de Beauvoir S. Caps3.", "de Beauvoir, S. (1949)."),
        ("Caps4", "van der Berg P. Caps4.", "van der Berg, P. (1990)."),
    ] {
        assert!(reference(&v, t).starts_with(van), "{t}: {}", reference(&v, t));
        assert!(reference(&a, t).starts_with(apa), "{t}: {}", reference(&a, t));
    }
    // A name in capitals throughout is left as written, and said as before.
    let err = w.import_reading("caps2.csv", "title,authors,year,type\nCaps7,\"VAN DER BERG, PIETER\",1990,book\n");
    assert!(err.contains("written in capitals throughout"), "{err}");
}

/// Capitals that stand for words, not a word written in capitals: "RS,
/// Ramya" (initials as the family name, as the corpus's Zotero library has
/// it) and "NG, Kim" stay as written; "LEE, Ann" and a Cyrillic family are
/// recased.
#[test]
fn initials_written_as_a_family_name_stay_as_written() {
    let w = Workdir::new();
    let err = w.import_reading(
        "init.csv",
        "title,authors,year,type\n\
         Init1,\"RS, Ramya\",2024,article\n\
         Init2,\"NG, Kim\",2024,article\n\
         Init3,\"LEE, Ann\",2024,article\n\
         Init4,\"ИВАНОВ, Иван\",2024,article\n",
    );
    assert_eq!(names(&w, "Init1", "author_names"), [person("RS", "Ramya", "")]);
    assert_eq!(names(&w, "Init2", "author_names"), [person("NG", "Kim", "")]);
    assert_eq!(names(&w, "Init3", "author_names"), [person("Lee", "Ann", "")]);
    assert_eq!(names(&w, "Init4", "author_names"), [person("Иванов", "Иван", "")]);
    assert!(!err.contains("\"Rs\"") && !err.contains("\"Ng\""), "{err}");
    assert!(reference(&w.references("vancouver"), "Init1").starts_with("RS R. Init1."));
}

/// Finding 4: a CJK name as one word is kept whole and said; with a space
/// it is split family name first; Latin is left alone.
#[test]
fn a_cjk_name_as_one_word_is_kept_whole_and_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "cjk.csv",
        "title,authors,year,type\nCjk1,王小明,2000,book\nCjk2,김민준,2002,book\nCjk3,山田 太郎,2004,book\n\
         Cjk4,\"Wang Xiaoming\",2005,book\n",
    );
    assert_eq!(names(&w, "Cjk1", "author_names"), [literal("王小明")]);
    assert_eq!(names(&w, "Cjk2", "author_names"), [literal("김민준")]);
    assert_eq!(names(&w, "Cjk3", "author_names"), [person("山田", "太郎", "")]);
    assert!(
        err.contains(
            "cjk.csv:2:2: warning: authors cell \"王小明\" kept whole: write it as \"Family, Given\" to have it split"
        ),
        "{err}"
    );
    assert!(err.contains("cjk.csv:3:2: warning: authors cell \"김민준\" kept whole"), "{err}");
    assert!(!err.contains("cjk.csv:4:"), "{err}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Cjk1").starts_with("王小明. Cjk1."), "{}", reference(&v, "Cjk1"));
    assert!(reference(&v, "Cjk3").starts_with("山田太郎. Cjk3."), "{}", reference(&v, "Cjk3"));
    let err = w.import_reading(
        "cjk.bib",
        "@book{c, author = {毛泽东 and 山田 花子 and {李华}}, title = {Bib Cjk}, year = {2003}}\n",
    );
    assert!(err.contains("author \"毛泽东\" kept whole: write it as \"Family, Given\""), "{err}");
    assert!(!err.contains("李华"), "{err}");
    assert_eq!(names(&w, "Bib Cjk", "author_names")[..2], [literal("毛泽东"), person("山田", "花子", "")]);
}

/// Finding 5: German "i. E." (im Erscheinen) is forthcoming in every
/// format, said; "1971 [i.e. 1972]" is no state.
#[test]
fn im_erscheinen_is_forthcoming_everywhere() {
    let w = Workdir::new();
    let err = w.import_reading(
        "ie.csv",
        "title,authors,year,type\nFut1,\"Müller, Karl\",i. E.,book\nFut2,\"Müller, Karla\",[I.E.],book\n",
    );
    assert!(
        err.contains("ie.csv:2:3: warning: date \"i. E.\": read as not yet published, stored as \"forthcoming\""),
        "{err}"
    );
    w.import_reading("ie.bib", "@book{b, author = {Bauer, Anna}, title = {Fut3}, year = {i. E.}}\n");
    w.import_reading("ie.ris", "TY  - BOOK\nAU  - Bauer, Berta\nTI  - Fut4\nPY  - I. E.\nER  - \n");
    w.import_reading(
        "ie.json",
        r#"[{"id":"f5","type":"book","title":"Fut5","author":[{"family":"Bauer","given":"Carl"}],"issued":{"literal":"i. E."}}]"#,
    );
    let list = w.reading_list();
    for t in ["Fut1", "Fut2", "Fut3", "Fut4", "Fut5"] {
        let r = reading(&list, t);
        assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (None, Some("forthcoming")), "{t}: {r}");
    }
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Fut1"), "Müller K. Fut1. Forthcoming.");
    let a = w.references("apa");
    assert_eq!(reference(&a, "Fut3"), "Bauer, A. (in press). Fut3.");
    let c = w.references("chicago");
    assert!(reference(&c, "Fut4").contains("orthcoming"), "{}", reference(&c, "Fut4"));
    let h = w.references("harvard");
    assert!(
        reference(&h, "Fut5").contains("forthcoming") || reference(&h, "Fut5").contains("in press"),
        "{}",
        reference(&h, "Fut5")
    );
}

/// More of the kind: a `;` list after the role in an authors cell, a
/// translators cell in French, and a RIS editor with German "und".
#[test]
fn a_role_before_a_list_in_other_fields_and_formats() {
    let w = Workdir::new();
    let err = w.import_reading(
        "more.csv",
        "title,authors,translators,year,type\n\
         Semi,\"edited by Smith, Anne; Jones, Bob\",,2011,book\n\
         Trad,\"Fanon, Frantz\",traduit par Jean Dupont et Marie Curie,1961,book\n",
    );
    assert_eq!(names(&w, "Semi", "author_names"), Vec::<[String; 5]>::new());
    assert_eq!(names(&w, "Semi", "editor_names"), [person("Smith", "Anne", ""), person("Jones", "Bob", "")]);
    assert!(err.contains(
        "more.csv:2:2: warning: authors \"edited by Smith, Anne\": read as the editor \"Smith, Anne\"; \"edited by\" is \
         the role written before the name, not part of it, and says they are not authors (nor are the names after \
         it: \"Jones, Bob\", read as editors too)"
    ), "{err}");
    assert_eq!(names(&w, "Trad", "translator_names"), [person("Dupont", "Jean", ""), person("Curie", "Marie", "")]);
    assert!(
        err.contains(
            "more.csv:3:3: warning: translators \"traduit par Jean Dupont et Marie Curie\": read as the translators \
         \"Dupont, Jean\"; \"Curie, Marie\"; \"traduit par\" is the role written before the names, not part of them"
        ),
        "{err}"
    );
    let err = w.import_reading(
        "de.ris",
        "TY  - CHAP\nTI  - Ris De\nAU  - Weber, Klaus\nED  - hrsg. von Klaus Bergdolt und Karl-Heinz Leven\n\
         T2  - Handbuch\nPY  - 2020\nER  - \n",
    );
    assert_eq!(
        names(&w, "Ris De", "editor_names"),
        [person("Bergdolt", "Klaus", ""), person("Leven", "Karl-Heinz", "")]
    );
    assert!(err.contains("\"hrsg. von\" is the role written before the names, not part of them"), "{err}");
    let v = w.references("vancouver");
    assert!(
        reference(&v, "Ris De").contains("In: Bergdolt K, Leven KH, editors. Handbuch."),
        "{}",
        reference(&v, "Ris De")
    );
}
