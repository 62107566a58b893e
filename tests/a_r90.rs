//! Tester r90 F1, F3, F5: one name rule in every format. An unbraced
//! BibTeX institution in any language canon knows ("Bundesministerium für
//! Gesundheit", "Instituto de Salud Carlos III") is kept whole as a cell's
//! is, never a person "für Gesundheit B" or "de Salud Carlos I 3rd"; a
//! Portuguese generation word after a name written without commas
//! ("João Silva Filho") is its suffix in BibTeX, RIS and CSV alike, as
//! "Jr." is; a body's acronym with a numeral or a compound's parts
//! ("ISCIII", "BMG") is one body with its full name, in an import and a
//! merge.
mod common;
use common::*;

/// Each author's parts of the reading titled `title`, in order, from
/// `reading list --format json`: [family, given, particle, suffix,
/// literal], "" for none.
fn parts(list: &serde_json::Value, title: &str) -> Vec<[String; 5]> {
    author_parts(reading_titled(list, title), ["family", "given", "particle", "suffix", "literal"])
}

fn body(l: &str) -> [String; 5] {
    [String::new(), String::new(), String::new(), String::new(), l.into()]
}

fn person(f: &str, g: &str, p: &str, x: &str) -> [String; 5] {
    [f.into(), g.into(), p.into(), x.into(), String::new()]
}

/// F1: the tester's BibTeX file: every institution kept whole, with the
/// warning that suggests braces, printed whole.
#[test]
fn f1_unbraced_institutions_in_any_language_are_kept_whole_in_bibtex() {
    let w = Workdir::new();
    let err = w.import_reading(
        "inst.bib",
        "@techreport{a, author = {Robert Koch-Institut}, title = {Bericht A}, year = {2020}, institution={RKI}}\n\
         @techreport{b, author = {Bundesministerium für Gesundheit}, title = {Bericht B}, year = {2020}, institution={BMG}}\n\
         @techreport{d, author = {Ministerio de Sanidad and Instituto de Salud Carlos III}, title = {Informe D}, year = {2020}}\n\
         @techreport{e, author = {World Health Organization}, title = {Report E}, year = {2020}}\n\
         @techreport{g, author = {Ministère de la Santé and Institut Pasteur}, title = {Rapport G}, year = {2020}}\n\
         @techreport{h, author = {Paul-Ehrlich-Institut and Istituto Superiore di Sanità}, title = {Bericht H}, year = {2020}}\n\
         @techreport{i, author = {Robert Koch-Institut and Paul-Ehrlich-Institut}, title = {Bericht I}, year = {2020}}\n\
         @techreport{j, author = {Socialstyrelsen and Karolinska Institutet}, title = {Rapport J}, year = {2020}}\n",
    );
    let list = w.reading_list();
    assert_eq!(parts(&list, "Bericht A"), [body("Robert Koch-Institut")]);
    assert_eq!(parts(&list, "Bericht B"), [body("Bundesministerium für Gesundheit")]);
    assert_eq!(parts(&list, "Informe D"), [body("Ministerio de Sanidad"), body("Instituto de Salud Carlos III")]);
    assert_eq!(parts(&list, "Report E"), [body("World Health Organization")]);
    assert_eq!(parts(&list, "Rapport G"), [body("Ministère de la Santé"), body("Institut Pasteur")]);
    assert_eq!(parts(&list, "Bericht H"), [body("Paul-Ehrlich-Institut"), body("Istituto Superiore di Sanità")]);
    assert_eq!(parts(&list, "Bericht I"), [body("Robert Koch-Institut"), body("Paul-Ehrlich-Institut")]);
    assert_eq!(parts(&list, "Rapport J"), [body("Socialstyrelsen"), body("Karolinska Institutet")]);
    for (line, col, name) in [
        (2, 26, "Bundesministerium für Gesundheit"),
        (3, 26, "Ministerio de Sanidad"),
        (3, 52, "Instituto de Salud Carlos III"),
    ] {
        let said = format!(
            "inst.bib:{line}:{col}: warning: in entry `{}`: author {name:?} looks like an institution's name: kept \
             whole, as written (BibTeX's rule would read it as a person's); to be sure, write it in braces, {{{name}}}",
            if line == 2 { "b" } else { "d" }
        );
        assert!(err.lines().any(|l| l.ends_with(&said)), "{said}\n---\n{err}");
    }
    // No advice to write a body as a person, nor a person read from it.
    assert!(!err.contains("Koch-Institut, Robert"), "{err}");
    assert!(!err.contains("was read as a person"), "{err}");
    assert!(!err.contains("suffix"), "{err}");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Bericht A"), "Robert Koch-Institut. Bericht A. [place unknown]: RKI; 2020.");
    assert_eq!(reference(&v, "Bericht B"), "Bundesministerium für Gesundheit. Bericht B. [place unknown]: BMG; 2020.");
    assert_eq!(
        reference(&v, "Informe D"),
        "Ministerio de Sanidad; Instituto de Salud Carlos III. Informe D. [place unknown]: [publisher unknown]; 2020."
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Bericht A"), "Robert Koch-Institut. (2020). Bericht A. RKI.");
    assert_eq!(
        reference(&apa, "Informe D"),
        "Ministerio de Sanidad, & Instituto de Salud Carlos III. (2020). Informe D."
    );
}

/// F1: people are still people: a name with a family name that is an
/// institution's word in two words ("Robert Service", "Ana Escola"), a
/// name with an initial, "Carlos III" as a person's suffix.
#[test]
fn f1_people_with_such_words_stay_people() {
    let w = Workdir::new();
    w.import_reading(
        "p.bib",
        "@article{p, author = {Ana Escola and Juan Carlos III and Hans A. Amt and Robert Service}, title = {People P}, journal = {J}, year = {2020}}\n",
    );
    assert_eq!(
        parts(&w.reading_list(), "People P"),
        [
            person("Escola", "Ana", "", ""),
            person("Carlos", "Juan", "", "III"),
            person("Amt", "Hans A.", "", ""),
            person("Service", "Robert", "", ""),
        ]
    );
}

/// F1: RIS and a CSV cell keep the same unbraced institutions whole.
#[test]
fn f1_ris_and_csv_keep_them_whole_too() {
    let w = Workdir::new();
    w.import_reading(
        "inst.ris",
        "TY  - RPRT\nAU  - Bundesministerium für Gesundheit\nAU  - Instituto de Salud Carlos III\nTI  - RIS one\nPY  - 2020\nER  - \n",
    );
    w.import_reading(
        "inst.csv",
        "title,authors,year,type\nCSV one,Bundesministerium für Gesundheit; Instituto de Salud Carlos III,2020,report\n",
    );
    let list = w.reading_list();
    for t in ["RIS one", "CSV one"] {
        assert_eq!(
            parts(&list, t),
            [body("Bundesministerium für Gesundheit"), body("Instituto de Salud Carlos III")],
            "{t}"
        );
    }
}

/// F3: the tester's names: a Portuguese generation word after a name
/// without commas is its suffix in BibTeX, as "Jr." is, said; two words
/// ("Ana Neto") or an initial before it ("Maria A. Neto") keep the family
/// name Neto; the comma forms are unchanged.
#[test]
fn f3_portuguese_suffix_without_commas_in_bibtex() {
    let w = Workdir::new();
    let err = w.import_reading(
        "suf.bib",
        "@article{s1, author = {Silva, Filho, João and Souza, Neto, Pedro and Oliveira Neto, José}, title = {Suffixes one}, journal = {Rev Saude}, year = {2020}}\n\
         @article{s2, author = {João Silva Filho and Pedro Souza Neto and Martin Luther King Jr. and Ana Neto and Maria A. Neto and João da Silva Sobrinho and Carlos Pereira J{\\'u}nior}, title = {Suffixes two}, journal = {Rev Saude}, year = {2021}}\n",
    );
    let list = w.reading_list();
    assert_eq!(
        parts(&list, "Suffixes one"),
        [
            person("Silva", "João", "", "Filho"),
            person("Souza", "Pedro", "", "Neto"),
            person("Oliveira Neto", "José", "", "")
        ]
    );
    assert_eq!(
        parts(&list, "Suffixes two"),
        [
            person("Silva", "João", "", "Filho"),
            person("Souza", "Pedro", "", "Neto"),
            person("King", "Martin Luther", "", "Jr."),
            person("Neto", "Ana", "", ""),
            person("Neto", "Maria A.", "", ""),
            person("Silva", "João", "da", "Sobrinho"),
            person("Pereira", "Carlos", "", "Júnior"),
        ]
    );
    let said = "suf.bib:2:24: warning: in entry `s2`: author \"João Silva Filho\" was read as given name \"João\", \
                family name \"Silva\", suffix \"Filho\"; BibTeX itself reads a name without commas as \"First von \
                Last\" (\"Filho\" as the family name): write it \"Silva, Filho, João\" to be sure";
    assert!(err.lines().any(|l| l.ends_with(said)), "{said}\n---\n{err}");
    assert!(!err.contains("\"Ana Neto\" was read"), "{err}");
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Suffixes two"),
        "Silva J Filho, Souza P Neto, King ML Jr, Neto A, Neto MA, da Silva J Sobrinho, et al. Suffixes two. Rev \
         Saude. 2021."
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Suffixes two").starts_with("Silva, J., Filho, Souza, P., Neto, King, M. L., Jr., "),
        "{}",
        reference(&apa, "Suffixes two")
    );
}

/// F3: the same person from BibTeX, RIS, a CSV cell (alone and in a `;`
/// list) and CSL-JSON has the same parts.
#[test]
fn f3_same_person_same_parts_in_every_format() {
    let w = Workdir::new();
    w.import_reading(
        "a.bib",
        "@article{x, author = {João Silva Filho and Pedro Souza Neto}, title = {From BibTeX}, journal = {J}, year = {2020}}\n",
    );
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - João Silva Filho\nAU  - Souza, Pedro, Neto\nTI  - From RIS\nT2  - J\nPY  - 2020\nER  - \n",
    );
    let err = w.import_reading(
        "a.csv",
        "title,authors,year,type\nFrom CSV list,João Silva Filho; Pedro Souza Neto,2020,article\nFrom CSV one,João Silva Filho,2020,article\n",
    );
    w.import_reading(
        "a.json",
        r#"[{"id":"c","type":"article-journal","title":"From CSL","issued":{"date-parts":[[2020]]},
            "author":[{"family":"Silva","given":"João","suffix":"Filho"},{"family":"Souza","given":"Pedro","suffix":"Neto"}]}]"#,
    );
    let list = w.reading_list();
    let joao = person("Silva", "João", "", "Filho");
    let pedro = person("Souza", "Pedro", "", "Neto");
    for t in ["From BibTeX", "From RIS", "From CSV list", "From CSL"] {
        assert_eq!(parts(&list, t), [joao.clone(), pedro.clone()], "{t}");
    }
    assert_eq!(parts(&list, "From CSV one"), [joao]);
    let said = "a.csv:3:2: warning: authors cell \"João Silva Filho\" was read as given name \"João\", family name \
                \"Silva\", suffix \"Filho\"; if \"Filho\" is part of the family name, write the name \"Silva Filho, \
                João\"";
    assert!(err.lines().any(|l| l.ends_with(said)), "{said}\n---\n{err}");
}

const FULL: &str = "title,authors,year,type\n\
    Bericht eins,{Bundesministerium für Gesundheit},2019,report\n\
    Informe tres,{Instituto de Salud Carlos III},2020,report\n\
    Bericht vier,{Robert Koch-Institut},2020,report\n\
    Bericht fünf,{Deutsches Krebsforschungszentrum},2020,report\n";

const SHORT: &str = "title,authors,year,type\n\
    Bericht eins,{BMG},2019,report\n\
    Informe tres,{ISCIII},2020,report\n\
    Bericht vier,{RKI},2020,report\n\
    Bericht fünf,{DKFZ},2020,report\n";

fn titles_and_authors(w: &Workdir) -> Vec<(String, Vec<String>)> {
    let mut v: Vec<(String, Vec<String>)> = w
        .reading_list()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let a = r["authors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
            (r["title"].as_str().unwrap().to_string(), a)
        })
        .collect();
    v.sort();
    v
}

fn expected_full() -> Vec<(String, Vec<String>)> {
    let mut v: Vec<(String, Vec<String>)> = [
        ("Bericht eins", "Bundesministerium für Gesundheit"),
        ("Informe tres", "Instituto de Salud Carlos III"),
        ("Bericht vier", "Robert Koch-Institut"),
        ("Bericht fünf", "Deutsches Krebsforschungszentrum"),
    ]
    .iter()
    .map(|(t, a)| (t.to_string(), vec![a.to_string()]))
    .collect();
    v.sort();
    v
}

/// F5: an import of the acronyms after the full names, and the other way:
/// one record each, the full name kept, said as initials.
#[test]
fn f5_acronyms_with_numerals_and_compounds_match_in_an_import() {
    for (first, second) in [(FULL, SHORT), (SHORT, FULL)] {
        let w = Workdir::new();
        w.import_reading("a.csv", first);
        let err = w.import_reading("b.csv", second);
        assert_eq!(titles_and_authors(&w), expected_full(), "{err}");
        assert!(!err.contains("possible duplicate"), "{err}");
        assert!(
            err.contains("\"ISCIII\" is the initials of \"Instituto de Salud Carlos III\": the name kept in full"),
            "{err}"
        );
        assert!(
            err.contains("\"BMG\" is the initials of \"Bundesministerium für Gesundheit\": the name kept in full"),
            "{err}"
        );
    }
}

/// F5: a merge both ways: one record each, no conflict, the full name.
#[test]
fn f5_acronyms_match_in_a_merge_both_ways() {
    for (ours, theirs) in [(FULL, SHORT), (SHORT, FULL)] {
        let w = Workdir::new();
        w.import_reading("a.csv", ours);
        let other = w.path("theirs.db");
        let b = w.write("b.csv", theirs);
        w.ok_at(&other, &["import", "reading", b.to_str().unwrap(), "-q"]);
        let out = w.cmd(&["merge", other.to_str().unwrap(), "--by", "t"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{err}");
        assert!(err.contains(", 0 conflicts,"), "{err}");
        assert!(!err.contains("another work"), "{err}");
        assert_eq!(titles_and_authors(&w), expected_full(), "{err}");
    }
}

/// F5: letters that do not match in order exactly are another body's:
/// two records, said as a possible duplicate.
#[test]
fn f5_near_acronyms_are_not_matched() {
    for (full, short) in [
        ("Instituto de Salud Carlos III", "ISCII"),
        ("Instituto de Salud Carlos III", "ISC"),
        ("Instituto de Salud Carlos III", "ISCIV"),
        ("Bundesministerium für Gesundheit", "BMF"),
        ("Bundesministerium für Gesundheit", "MBG"),
        ("Bundesministerium für Gesundheit", "BGM"),
        ("Robert Koch-Institut", "RKIII"),
        ("Deutsches Krebsforschungszentrum", "DKZF"),
    ] {
        let w = Workdir::new();
        w.import_reading("a.csv", &format!("title,authors,year,type\nBericht,{{{full}}},2020,report\n"));
        let err = w.import_reading("b.csv", &format!("title,authors,year,type\nBericht,{{{short}}},2020,report\n"));
        assert_eq!(w.count("SELECT count(*) FROM reading"), 2, "{full} / {short}: {err}");
        assert!(err.contains("possible duplicate"), "{full} / {short}: {err}");
    }
}
