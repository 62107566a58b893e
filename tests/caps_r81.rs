//! Tester r81: family names written in capitals, read the same way in every
//! format and in every place of a cell (F1, F11, F12).
mod common;
use common::*;

/// (family, given, particle) of each author then editor of the reading whose
/// title starts with `title`.
fn parts(list: &serde_json::Value, title: &str) -> Vec<(String, String, String)> {
    let r = reading(list, title);
    ["author_names", "editor_names"]
        .into_iter()
        .filter(|k| r[*k].is_array())
        .flat_map(|k| name_fields(r, k, ["family", "given", "particle"]))
        .map(|n| n.map(Option::unwrap_or_default))
        .map(|[f, g, p]| (f, g, p))
        .collect()
}

fn p(f: &str, g: &str) -> (String, String, String) {
    (f.to_string(), g.to_string(), String::new())
}

#[test]
fn capitals_after_a_role_word_mark_the_family_name() {
    let w = Workdir::new();
    let err = w.import_reading(
        "ed2.csv",
        "title,authors,editors,year,type,container,publisher\n\
         \"Chap E\",\"Dupont, Marie\",\"sous la direction de Jacques LE GOFF et Pierre NORA\",1974,chapter,\"Faire l'histoire E\",\"Gallimard\"\n\
         \"Chap F\",\"Dupont, Marie\",\"edited by Simone DE BEAUVOIR and Jean-Paul SARTRE\",1974,chapter,\"Les temps F\",\"Gallimard\"\n\
         \"Chap G\",\"Dupont, Marie\",\"hg. v. Anna SCHMIDT und Karl WEBER\",1974,chapter,\"Buch G\",\"Suhrkamp\"\n",
    );
    assert!(err.contains("read as the editors \"Le Goff, Jacques\"; \"Nora, Pierre\""), "{err}");
    let list = w.reading_list();
    assert_eq!(parts(&list, "Chap E"), vec![p("Dupont", "Marie"), p("Le Goff", "Jacques"), p("Nora", "Pierre")]);
    assert_eq!(
        parts(&list, "Chap F"),
        vec![p("Dupont", "Marie"), ("Beauvoir".into(), "Simone".into(), "de".into()), p("Sartre", "Jean-Paul")]
    );
    assert_eq!(parts(&list, "Chap G"), vec![p("Dupont", "Marie"), p("Schmidt", "Anna"), p("Weber", "Karl")]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Chap E"),
        "Dupont M. Chap E. In: Le Goff J, Nora P, editors. Faire l'histoire E. [place unknown]: Gallimard; 1974."
    );
    // The export read back is the same record.
    let x = w.path("x.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", x.to_str().unwrap()]);
    let w2 = Workdir::new();
    w2.ok_stderr(&["import", "reading", x.to_str().unwrap()]);
    let list2 = w2.reading_list();
    for t in ["Chap E", "Chap F", "Chap G"] {
        assert_eq!(parts(&list2, t), parts(&list, t), "{t}");
    }
}

#[test]
fn capitals_in_csl_json_and_bibtex_are_the_family_name_whole() {
    let w = Workdir::new();
    let err = w.import_reading(
        "lg.json",
        r#"[{"id":"a","type":"book","title":"Histoire et mémoire","publisher":"Gallimard","issued":{"date-parts":[[1988]]},"author":[{"family":"Le Goff","given":"Jacques"}]},
 {"id":"b","type":"book","title":"Pour un autre Moyen Âge","publisher":"Gallimard","issued":{"date-parts":[[1977]]},"author":[{"family":"LE GOFF","given":"Jacques"}]},
 {"id":"c","type":"book","title":"Le deuxième sexe","publisher":"Gallimard","issued":{"date-parts":[[1949]]},"author":[{"family":"DE BEAUVOIR","given":"Simone"}]},
 {"id":"d","type":"book","title":"Ramya book","publisher":"X","issued":{"date-parts":[[2020]]},"author":[{"family":"RS","given":"Ramya"}]}]"#,
    );
    assert!(err.contains("name \"Jacques LE GOFF\": the family name written in capitals \"LE GOFF\""), "{err}");
    w.import_reading(
        "lg.bib",
        "@book{a, author={LE GOFF, Jacques}, title={La civilisation de l'Occident médiéval}, publisher={Arthaud}, year={1964}}\n\
         @book{b, author={Jacques LE GOFF and Pierre NORA}, title={Faire de l'histoire}, publisher={Gallimard}, year={1974}}\n\
         @book{c, author={Simone DE BEAUVOIR}, title={Mémoires d'une jeune fille rangée}, publisher={Gallimard}, year={1958}}\n",
    );
    let list = w.reading_list();
    for t in ["Histoire et", "Pour un autre", "La civilisation"] {
        assert_eq!(parts(&list, t), vec![p("Le Goff", "Jacques")], "{t}");
    }
    assert_eq!(parts(&list, "Faire de"), vec![p("Le Goff", "Jacques"), p("Nora", "Pierre")]);
    let beauvoir = vec![("Beauvoir".to_string(), "Simone".to_string(), "de".to_string())];
    assert_eq!(parts(&list, "Le deuxième"), beauvoir);
    assert_eq!(parts(&list, "Mémoires"), beauvoir);
    assert_eq!(parts(&list, "Ramya"), vec![p("RS", "Ramya")]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Pour un autre"),
        "Le Goff J. Pour un autre Moyen Âge. [place unknown]: Gallimard; 1977."
    );
    assert_eq!(
        reference(&refs, "Faire de"),
        "Le Goff J, Nora P. Faire de l'histoire. [place unknown]: Gallimard; 1974."
    );
}

#[test]
fn family_first_capitals_in_a_list_are_read_as_alone() {
    let w = Workdir::new();
    w.import_reading(
        "zh.csv",
        "title,authors,year,type,container\n\
         \"Z one\",\"ZHANG Wei\",2019,article,\"J\"\n\
         \"Z two\",\"NGUYEN Van An; TRAN Thi Mai\",2019,article,\"J2\"\n\
         \"Z four\",\"ZHANG Wei; WANG Xiaoming\",2019,article,\"J4\"\n\
         \"Z five\",\"Wei ZHANG; Xiaoming WANG\",2019,article,\"J5\"\n\
         \"Z six\",\"ZHANG Wei; LI Na\",2019,article,\"J6\"\n\
         \"Z seven\",\"WANG Xiaoming; NG Mei Ling; WU Jun\",2019,article,\"J7\"\n\
         \"Z eight\",\"CE Chandler\",2019,article,\"J8\"\n",
    );
    let list = w.reading_list();
    assert_eq!(parts(&list, "Z one"), vec![p("Zhang", "Wei")]);
    assert_eq!(parts(&list, "Z two"), vec![p("Nguyen", "Van An"), p("Tran", "Thi Mai")]);
    assert_eq!(parts(&list, "Z four"), vec![p("Zhang", "Wei"), p("Wang", "Xiaoming")]);
    assert_eq!(parts(&list, "Z five"), vec![p("Zhang", "Wei"), p("Wang", "Xiaoming")]);
    assert_eq!(parts(&list, "Z six"), vec![p("Zhang", "Wei"), p("Li", "Na")]);
    assert_eq!(parts(&list, "Z seven"), vec![p("Wang", "Xiaoming"), p("Ng", "Mei Ling"), p("Wu", "Jun")]);
    // Alone, two capitals before a name stay a Google Scholar "CE Chandler"'s initials.
    assert_eq!(parts(&list, "Z eight"), vec![p("Chandler", "C. E.")]);
}
