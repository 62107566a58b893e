//! Names merged or joined are said (r105 notes and older): a list joined
//! with Arabic or Persian "و"; a stored name with both Spanish surnames
//! and a file's with the second only; editors' and translators' double
//! surnames; degrees between names of a comma list; titles of address that
//! are also family names ("Sheikh", "Alhaji", "Chief"); Korean, Chinese
//! and Japanese names family name first.

mod common;
use common::*;

/// Each author's (family, given, literal, original), "" for a part it lacks.
fn authors(w: &Workdir, title: &str) -> Vec<[String; 4]> {
    author_parts(reading(&w.reading_list(), title), ["family", "given", "literal", "original"])
}

fn person(family: &str, given: &str, original: &str) -> [String; 4] {
    [family.into(), given.into(), String::new(), original.into()]
}

/// Case 1: A list joined with "و" (Arabic and Persian "and") without commas is
/// split, and the split is said naming the cell, as "and" is.
#[test]
fn a_list_joined_with_arabic_or_persian_and_is_split_and_said() {
    let w = workdir();
    let err = w.import_reading(
        "ar.csv",
        "title,authors,year,type,container\n\
         \"الصحة العامة\",\"أحمد محمد و فاطمة علي و خالد حسن\",2020,article,المجلة الطبية\n\
         \"سلامت عمومی\",\"علی رضایی و مریم احمدی\",2019,article,مجله پزشکی\n\
         \"Three names\",\"Ahmad Khalil و Fatima Haddad\",2018,article,Journal\n",
    );
    for cell in ["أحمد محمد و فاطمة علي و خالد حسن", "علی رضایی و مریم احمدی"]
    {
        assert!(err.contains(&format!("authors cell \"{cell}\": read \"و\" as \"and\"")), "{cell}: {err}");
    }
    // Latin names joined by "و" are said as names written "Given Family".
    assert!(err.contains("authors cell \"Ahmad Khalil و Fatima Haddad\" read as 2 names"), "{err}");
    let list = w.reading_list();
    let literals = |t: &str| author_parts(reading(&list, t), ["literal", "original"]);
    assert_eq!(
        literals("الصحة العامة"),
        vec![
            ["أحمد محمد".to_string(), "أحمد محمد".to_string()],
            ["فاطمة علي".to_string(), "فاطمة علي".to_string()],
            ["خالد حسن".to_string(), "خالد حسن".to_string()],
        ]
    );
    assert_eq!(literals("سلامت عمومی").len(), 2);
    assert_eq!(author_parts(reading(&list, "Three names"), ["family"]).len(), 2);
    let refs = w.references("vancouver");
    assert!(refs["الصحة العامة"].starts_with("أحمد محمد, فاطمة علي, خالد حسن."), "{}", refs["الصحة العامة"]);
}

const ONE_DOI: &str = "title,authors,year,type,container,doi\n";

/// Case 2: A stored name with both surnames and the file's with the second
/// only ("Gómez, Ana" of "Pérez Gómez, Ana"): the fuller kept, in either
/// order, and said, as the first surname alone is.
#[test]
fn the_second_surname_alone_is_said_in_either_order() {
    let w = workdir();
    w.import_reading(
        "scielo.csv",
        &format!(
            "{ONE_DOI}\"Mortalidad infantil\",\"Pérez Gómez, Ana; Ruiz, Pedro\",2015,article,Salud,10.1234/m1\n\
             \"Lactancia\",\"García, Luis; Ruiz Zafón, Pedro\",2016,article,Salud,10.1234/m2\n\
             \"Vacunas\",\"López y Díaz, María\",2017,article,Salud,10.1234/m3\n"
        ),
    );
    let err = w.import_reading(
        "wos.csv",
        &format!(
            "{ONE_DOI}\"Mortalidad infantil\",\"Gómez, Ana; Ruiz, Pedro\",2015,article,Salud,10.1234/m1\n\
             \"Lactancia\",\"García, Luis; Zafón, P.\",2016,article,Salud,10.1234/m2\n\
             \"Vacunas\",\"Díaz, M.\",2017,article,Salud,10.1234/m3\n"
        ),
    );
    for (stored, file) in
        [("Pérez Gómez, Ana", "Gómez, Ana"), ("Ruiz Zafón, Pedro", "Zafón, P."), ("López y Díaz, María", "Díaz, M.")]
    {
        assert!(
            err.contains(&format!(
                "authors: kept \"{stored}\" (the file's \"{file}\" is the same person with the second surname only)"
            )),
            "{stored}: {err}"
        );
    }
    assert_eq!(
        authors(&w, "Mortalidad infantil"),
        vec![person("Pérez Gómez", "Ana", "Pérez Gómez, Ana"), person("Ruiz", "Pedro", "Ruiz, Pedro")]
    );
    // The other order: the second surname alone stored, both from the file.
    let v = workdir();
    v.import_reading(
        "wos.csv",
        &format!("{ONE_DOI}\"Mortalidad infantil\",\"Gómez, Ana\",2015,article,Salud,10.1234/m1\n"),
    );
    let err = v.import_reading(
        "scielo.csv",
        &format!("{ONE_DOI}\"Mortalidad infantil\",\"Pérez Gómez, Ana\",2015,article,Salud,10.1234/m1\n"),
    );
    assert!(err.contains("\"Pérez Gómez, Ana\" for \"Gómez, Ana\" (the same person with both surnames"), "{err}");
    assert_eq!(authors(&v, "Mortalidad infantil"), vec![person("Pérez Gómez", "Ana", "Pérez Gómez, Ana")]);
    let refs = v.references("vancouver");
    assert!(
        refs["Mortalidad infantil"].starts_with("Pérez Gómez A. Mortalidad infantil."),
        "{}",
        refs["Mortalidad infantil"]
    );
    // Another given name with the second surname is another person: no such note.
    let u = workdir();
    u.import_reading("a.csv", &format!("{ONE_DOI}\"Uno\",\"Pérez Gómez, Ana\",2015,article,Salud,10.1234/u1\n"));
    let err =
        u.import_reading("b.csv", &format!("{ONE_DOI}\"Uno\",\"Gómez, Beatriz\",2015,article,Salud,10.1234/u1\n"));
    assert!(!err.contains("second surname"), "{err}");
}

/// Case 3: Editors' and translators' double surnames are merged as authors'
/// are, and said for every role, in either order.
#[test]
fn editors_and_translators_double_surnames_are_said() {
    let full = "@book{b1, editor={Pérez Gómez, Ana and Ruiz Zafón, Pedro}, title={Libro uno}, publisher={Siglo}, \
                year=2015, isbn={9780306406157}}\n\
                @book{b2, author={Borges, Jorge Luis}, translator={García Márquez, Gabriel}, title={Libro dos}, \
                publisher={Siglo}, year=2015, doi={10.1234/b2}}\n";
    let short = "@book{b1, editor={Pérez, Ana and Zafón, Pedro}, title={Libro uno}, publisher={Siglo}, year=2015, \
                 isbn={9780306406157}}\n\
                 @book{b2, author={Borges, Jorge Luis}, translator={García, G.}, title={Libro dos}, publisher={Siglo}, \
                 year=2015, doi={10.1234/b2}}\n";
    let w = workdir();
    w.import_reading("full.bib", full);
    let err = w.import_reading("short.bib", short);
    assert!(
        err.contains("editors: kept \"Pérez Gómez, Ana\" (the file's \"Pérez, Ana\" is the same person with the first surname only)"),
        "{err}"
    );
    assert!(
        err.contains("editors: kept \"Ruiz Zafón, Pedro\" (the file's \"Zafón, Pedro\" is the same person with the second surname only)"),
        "{err}"
    );
    assert!(
        err.contains("translators: kept \"García Márquez, Gabriel\" (the file's \"García, G.\" is the same person with the first surname only)"),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(
        name_fields(reading(&list, "Libro uno"), "editor_names", ["family"]),
        vec![[Some("Pérez Gómez".to_string())], [Some("Ruiz Zafón".to_string())]]
    );
    // The other order: the short forms stored, the file's both surnames taken, said.
    let v = workdir();
    v.import_reading("short.bib", short);
    let err = v.import_reading("full.bib", full);
    assert!(
        err.contains("editors: \"Pérez Gómez, Ana\" for \"Pérez, Ana\" (the same person with both surnames"),
        "{err}"
    );
    assert!(
        err.contains("editors: \"Ruiz Zafón, Pedro\" for \"Zafón, Pedro\" (the same person with both surnames"),
        "{err}"
    );
    assert!(
        err.contains("translators: \"García Márquez, Gabriel\" for \"García, G.\" (the same person with both surnames"),
        "{err}"
    );
    let list = v.reading_list();
    assert_eq!(
        name_fields(reading(&list, "Libro dos"), "translator_names", ["family", "given"]),
        vec![[Some("García Márquez".to_string()), Some("Gabriel".to_string())]]
    );
    let refs = v.references("vancouver");
    assert!(refs["Libro uno"].starts_with("Pérez Gómez A, Ruiz Zafón P, editors."), "{}", refs["Libro uno"]);
}

/// Case 4: A comma list of names with degrees after names: each name its own,
/// its `original` as written in the cell with its degree, no degree a
/// person, the split said.
#[test]
fn degrees_between_names_of_a_comma_list_stay_with_their_names() {
    let w = workdir();
    let err = w.import_reading(
        "faculty.csv",
        "title,authors,year,type,container\n\
         \"Vancouver form\",\"Mensah K, MD, Osei A, PhD\",2020,article,Ghana Med J\n\
         \"Natural order\",\"Kofi Mensah, MD, Akua Osei, PhD\",2020,article,Ghana Med J\n\
         \"Pairs\",\"Mensah, Kofi, MD, Osei, Akua, PhD\",2020,article,Ghana Med J\n\
         \"Two degrees\",\"Mensah K, MBChB, FWACS, Osei A\",2020,article,Ghana Med J\n",
    );
    assert!(
        err.contains("\"Mensah K, MD, Osei A, PhD\" has names separated by commas, each with its degrees after it: read as 2 names"),
        "{err}"
    );
    let list = w.reading_list();
    let parts = |t: &str| author_parts(reading(&list, t), ["family", "given", "original"]);
    let p = |f: &str, g: &str, o: &str| [f.to_string(), g.to_string(), o.to_string()];
    assert_eq!(parts("Vancouver form"), vec![p("Mensah", "K.", "Mensah K, MD"), p("Osei", "A.", "Osei A, PhD")]);
    assert_eq!(
        parts("Natural order"),
        vec![p("Mensah", "Kofi", "Kofi Mensah, MD"), p("Osei", "Akua", "Akua Osei, PhD")]
    );
    assert_eq!(parts("Pairs"), vec![p("Mensah", "Kofi", "Mensah, Kofi, MD"), p("Osei", "Akua", "Osei, Akua, PhD")]);
    assert_eq!(parts("Two degrees"), vec![p("Mensah", "K.", "Mensah K, MBChB, FWACS"), p("Osei", "A.", "Osei A")]);
    for t in ["Vancouver form", "Natural order", "Pairs", "Two degrees"] {
        assert!(err.contains("dropped from the name"), "{t}: {err}");
    }
    let refs = w.references("vancouver");
    assert!(refs["Vancouver form"].starts_with("Mensah K, Osei A. Vancouver form."), "{}", refs["Vancouver form"]);
    assert!(refs["Pairs"].starts_with("Mensah K, Osei A. Pairs."), "{}", refs["Pairs"]);
    // "Smith, MD": initials after a family name alone, no degree.
    let v = workdir();
    v.import_reading("s.csv", "title,authors,year\n\"Initials\",\"Smith, MD, Jones, AB\",2020\n");
    let list = v.reading_list();
    assert_eq!(
        author_parts(reading(&list, "Initials"), ["family"]),
        vec![["Smith".to_string()], ["Jones".to_string()]]
    );
}

/// Case 5: "Sheikh", "Alhaji", "Chief" and the like before a whole name are
/// titles: taken off, said, kept in `original`; as a family name they are
/// the name.
#[test]
fn titles_of_address_that_are_also_names_are_taken_off_only_before_a_name() {
    let w = workdir();
    let err = w.import_reading(
        "titles.csv",
        "title,authors,year,type,container\n\
         \"Titled\",\"Sheikh Ahmed Al-Mansouri; Alhaji Musa Bello; Bello, Hajia Amina; Chief Obafemi Awolowo\",2020,article,Niger Med J\n\
         \"Family names\",\"Sheikh, Aziz; Shaikh, Ayesha; Hasina, Sheikh\",2020,article,BMJ\n",
    );
    for (t, n) in [
        ("Sheikh", "Sheikh Ahmed Al-Mansouri"),
        ("Alhaji", "Alhaji Musa Bello"),
        ("Hajia", "Bello, Hajia Amina"),
        ("Chief", "Chief Obafemi Awolowo"),
    ] {
        assert!(
            err.contains(&format!("\"{t}\" dropped from the name \"{n}\": a title before a name is not part")),
            "{t}: {err}"
        );
    }
    assert!(!err.contains("\"Sheikh\" dropped from the name \"Sheikh, Aziz\""), "{err}");
    let list = w.reading_list();
    let parts = |t: &str| author_parts(reading(&list, t), ["family", "given", "original"]);
    let p = |f: &str, g: &str, o: &str| [f.to_string(), g.to_string(), o.to_string()];
    assert_eq!(
        parts("Titled"),
        vec![
            p("Al-Mansouri", "Ahmed", "Sheikh Ahmed Al-Mansouri"),
            p("Bello", "Musa", "Alhaji Musa Bello"),
            p("Bello", "Amina", "Bello, Hajia Amina"),
            p("Awolowo", "Obafemi", "Chief Obafemi Awolowo"),
        ]
    );
    assert_eq!(
        parts("Family names"),
        vec![
            p("Sheikh", "Aziz", "Sheikh, Aziz"),
            p("Shaikh", "Ayesha", "Shaikh, Ayesha"),
            p("Hasina", "Sheikh", "Hasina, Sheikh")
        ]
    );
    let refs = w.references("vancouver");
    assert!(refs["Titled"].starts_with("Al-Mansouri A, Bello M, Bello A, Awolowo O."), "{}", refs["Titled"]);
    assert!(refs["Family names"].starts_with("Sheikh A, Shaikh A, Hasina S."), "{}", refs["Family names"]);
    let apa = w.references("apa");
    assert!(apa["Family names"].starts_with("Sheikh, A., Shaikh, A., & Hasina, S."), "{}", apa["Family names"]);
    // BibTeX "Aziz Sheikh": family name last, as BibTeX reads it.
    let v = workdir();
    v.import_reading(
        "s.bib",
        "@article{s, author={Aziz Sheikh and Sheikh, Aziz}, title={Asthma}, journal={Lancet}, year=2020}\n",
    );
    let list = v.reading_list();
    assert_eq!(
        author_parts(reading(&list, "Asthma"), ["family", "given"]),
        vec![["Sheikh".to_string(), "Aziz".to_string()], ["Sheikh".to_string(), "Aziz".to_string()]]
    );
}

/// Case 6: Korean, Chinese and Japanese names: family name first where the
/// file says so (a comma, CSL-JSON's parts), never printed "Minsu K".
#[test]
fn east_asian_names_family_first_where_the_file_says_so() {
    let w = workdir();
    w.import_reading(
        "k.bib",
        "@article{k1, author={Kim, Minsu and 王, 小明 and 山田, 太郎}, title={Korean bib}, journal={J Korean Med Sci}, year=2020}\n",
    );
    w.import_reading("k.csv", "title,authors,year,type,container\n\"Korean csv\",\"Kim, Minsu; Park, Ji-won\",2020,article,J Korean Med Sci\n");
    w.import_reading(
        "k.json",
        r#"[{"id":"k3","type":"article-journal","title":"Korean json","container-title":"J Korean Med Sci","issued":{"date-parts":[[2020]]},
            "author":[{"family":"Kim","given":"Min-su"},{"family":"김","given":"민수"},{"family":"山田","given":"太郎"}]}]"#,
    );
    let list = w.reading_list();
    assert_eq!(
        author_parts(reading(&list, "Korean bib"), ["family", "given"]),
        vec![
            ["Kim".to_string(), "Minsu".to_string()],
            ["王".to_string(), "小明".to_string()],
            ["山田".to_string(), "太郎".to_string()]
        ]
    );
    assert_eq!(author_parts(reading(&list, "Korean json"), ["family"])[0], ["Kim".to_string()]);
    let refs = w.references("vancouver");
    assert!(refs["Korean bib"].starts_with("Kim M, 王小明, 山田太郎."), "{}", refs["Korean bib"]);
    assert!(refs["Korean csv"].starts_with("Kim M, Park JW."), "{}", refs["Korean csv"]);
    assert!(refs["Korean json"].starts_with("Kim MS, 김민수, 山田太郎."), "{}", refs["Korean json"]);
    let apa = w.references("apa");
    // "Kim, Min-su" of "Korean json" shares the initial: APA 7 (§9.8, authors
    // with the same surname and initials) gives the given name in brackets.
    assert!(apa["Korean csv"].starts_with("Kim, M. [Minsu], & Park, J.-W."), "{}", apa["Korean csv"]);
}
