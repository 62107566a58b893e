//! Tester r88 F1, F2, F3: an institution's name in a language other than
//! English in a CSV authors cell is kept whole, not read as people (an
//! acronym "РАН" is not initials, "für" is no name particle); two whole
//! institutions joined by "&" or another language's "and" are two
//! institutions, said; a body's name holding "and" is kept whole, and said
//! when it may be several; people joined by "und", "et", "и" stay people.
mod common;
use common::*;

/// Each author's parts of the reading titled `title`, in order, from
/// `reading list --format json`: (family, given, particle, literal), ""
/// for none.
fn parts(list: &serde_json::Value, title: &str) -> Vec<(String, String, String, String)> {
    let parts = author_parts(reading_titled(list, title), ["family", "given", "particle", "literal"]);
    parts.into_iter().map(|[f, g, p, l]| (f, g, p, l)).collect()
}

fn body(l: &str) -> (String, String, String, String) {
    (String::new(), String::new(), String::new(), l.into())
}

fn person(f: &str, g: &str) -> (String, String, String, String) {
    (f.into(), g.into(), String::new(), String::new())
}

/// The warning lines of `err` that quote `cell`, from the file's name on.
fn warned<'a>(err: &'a str, cell: &str) -> Vec<&'a str> {
    let quoted = format!("{cell:?}");
    err.lines()
        .filter(|l| l.contains("warning") && l.contains(&quoted))
        .map(|l| l.find("sheet.csv:").map_or(l, |i| &l[i..]))
        .collect()
}

const HEAD: &str = "title,authors,year,type,publisher\n";

/// Imports `rows` (title, authors cell) as reports of 2019 by publisher X;
/// returns stderr, the reading list and the Vancouver and APA references.
fn import(
    w: &Workdir,
    rows: &[(&str, &str)],
) -> (String, serde_json::Value, std::collections::HashMap<String, String>, std::collections::HashMap<String, String>) {
    let mut csv = HEAD.to_string();
    for (t, a) in rows {
        csv.push_str(&format!("\"{t}\",\"{a}\",2019,report,X\n"));
    }
    let err = w.import_reading("sheet.csv", &csv);
    (err, w.reading_list(), w.references("vancouver"), w.references("apa"))
}

/// F1, F2: institutions' names in Russian, German, French, Spanish,
/// Italian, Dutch and Swedish, with or without an acronym after them, are
/// each one institution, printed whole.
#[test]
fn f1_f2_institutions_in_other_languages_are_kept_whole() {
    let w = Workdir::new();
    let names = [
        ("A3", "Институт истории и медицины РАН"),
        ("A3c", "Институт истории и медицины, РАН"),
        ("K13", "Институт истории естествознания и техники РАН"),
        ("R1", "Министерство здравоохранения Российской Федерации"),
        ("R2", "Всемирная организация здравоохранения ВОЗ"),
        ("A2", "Bundesministerium für Gesundheit und Soziale Sicherung"),
        ("G1", "Robert Koch-Institut"),
        ("G2", "Statistisches Bundesamt"),
        ("G3", "Gesundheitsamt Frankfurt am Main"),
        ("G4", "Bundeszentrale für gesundheitliche Aufklärung"),
        ("G5", "Institut für Arbeit und Gesundheit"),
        ("G6", "Gesundheitsamt"),
        ("F1", "Organisation mondiale de la Santé (OMS)"),
        ("F2", "Haute Autorité de santé"),
        ("F3", "Ministère des Solidarités et de la Santé"),
        ("S1", "Instituto de Salud Carlos III"),
        ("S2", "Ministerio de Salud y Protección Social"),
        ("I1", "Istituto Superiore di Sanità"),
        ("N1", "Rijksinstituut voor Volksgezondheid en Milieu"),
        ("W1", "Socialstyrelsen"),
    ];
    let (err, list, v, apa) = import(&w, &names);
    for (title, name) in names {
        assert_eq!(parts(&list, title), [body(name)], "{title}: {err}");
        assert_eq!(reference(&v, title), format!("{name}. {title}. [place unknown]: X; 2019."), "{title}");
        assert_eq!(reference(&apa, title), format!("{name}. (2019). {title}. X."), "{title}");
        // One body's name: no "read as 2 names", no "may be several names".
        assert!(warned(&err, name).iter().all(|l| !l.contains("names")), "{title}: {err}");
    }
    assert!(!err.contains("Р. А. Н."), "{err}");
    assert!(!err.contains("für Gesundheit, Bundesministerium"), "{err}");
}

/// F3: two whole institutions joined by "&", "und", "et", "y", "e", "и",
/// "och" or "and" are two institutions, and said with the word and the
/// braces that keep them one.
#[test]
fn f3_two_institutions_joined_by_any_and_are_two_said() {
    let w = Workdir::new();
    let rows = [
        (
            "A5",
            "Médecins Sans Frontières (MSF) & Institut Pasteur",
            "Médecins Sans Frontières (MSF)",
            "&",
            "Institut Pasteur",
        ),
        (
            "K4",
            "Robert Koch-Institut und Paul-Ehrlich-Institut",
            "Robert Koch-Institut",
            "und",
            "Paul-Ehrlich-Institut",
        ),
        ("F4", "Institut Pasteur et Institut Curie", "Institut Pasteur", "et", "Institut Curie"),
        ("S3", "Universidad de Chile y Ministerio de Salud", "Universidad de Chile", "y", "Ministerio de Salud"),
        ("P1", "Fundação Oswaldo Cruz e Ministério da Saúde", "Fundação Oswaldo Cruz", "e", "Ministério da Saúde"),
        (
            "R3",
            "Министерство здравоохранения и Институт питания РАН",
            "Министерство здравоохранения",
            "и",
            "Институт питания РАН",
        ),
        ("W2", "Socialstyrelsen och Folkhälsomyndigheten", "Socialstyrelsen", "och", "Folkhälsomyndigheten"),
        (
            "E1",
            "University of Oxford and University of Cambridge",
            "University of Oxford",
            "and",
            "University of Cambridge",
        ),
    ];
    let (err, list, v, apa) = import(&w, &rows.map(|r| (r.0, r.1)));
    for (i, (title, cell, a, word, b)) in rows.iter().enumerate() {
        assert_eq!(parts(&list, title), [body(a), body(b)], "{title}: {err}");
        assert_eq!(reference(&v, title), format!("{a}; {b}. {title}. [place unknown]: X; 2019."), "{title}");
        assert_eq!(reference(&apa, title), format!("{a}, & {b}. (2019). {title}. X."), "{title}");
        assert_eq!(
            warned(&err, cell),
            [format!(
                "sheet.csv:{}:2: warning: authors cell {cell:?} read as 2 institutions joined by {word:?}, {a:?} and \
                 {b:?}; if it is one institution's name, write it in braces, {{{cell}}}, to keep it whole",
                i + 2
            )],
            "{err}"
        );
    }
}

/// F3: a body's own name holding "and", `&` or "und" is not split; where
/// it may be several bodies it is said, naming the word written.
#[test]
fn f3_one_bodys_name_with_and_is_kept_whole_and_said_when_doubtful() {
    let w = Workdir::new();
    let quiet = [
        ("Q1", "Bill & Melinda Gates Foundation"),
        ("Q2", "Institut für Arbeit und Gesundheit"),
        ("Q3", "Department of Health and Social Care"),
        ("Q4", "Ministry of Health & Family Welfare"),
        ("Q5", "Bundesministerium für Gesundheit und Soziale Sicherung"),
    ];
    let said = [
        ("D1", "NHS England and NHS Improvement", "and"),
        ("D2", "World Health Organization & UNICEF", "&"),
        ("D3", "NHS England & NHS Improvement", "&"),
    ];
    let rows: Vec<(&str, &str)> = quiet.iter().copied().chain(said.iter().map(|r| (r.0, r.1))).collect();
    let (err, list, v, apa) = import(&w, &rows);
    for (title, name) in quiet {
        assert_eq!(parts(&list, title), [body(name)], "{title}: {err}");
        assert!(warned(&err, name).is_empty(), "{title}: {err}");
        assert_eq!(reference(&v, title), format!("{name}. {title}. [place unknown]: X; 2019."));
    }
    for (i, (title, name, word)) in said.iter().enumerate() {
        assert_eq!(parts(&list, title), [body(name)], "{title}: {err}");
        assert_eq!(reference(&apa, title), format!("{name}. (2019). {title}. X."));
        assert_eq!(
            warned(&err, name),
            [format!(
                "sheet.csv:{}:2: warning: authors cell {name:?} was kept whole, as one institution's name; it may be \
                 several names joined by {word:?}: separate names with `;` (and write an institution in braces) to \
                 be sure",
                quiet.len() + i + 2
            )],
            "{err}"
        );
    }
}

/// What must not change: people joined by "und", "et", "y", "и", "en";
/// a person whose family name is an institution's word (said); an
/// institution beside a person.
#[test]
fn people_joined_by_other_ands_stay_people() {
    let w = Workdir::new();
    let rows = [
        ("P1", "Müller, Hans und Schmidt, Anna"),
        ("P2", "Dupont, Jean et Martin, Paul"),
        ("P3", "Иванов, И. И. и Петров, П. П."),
        ("P4", "Hans Müller und Anna Schmidt"),
        ("P5", "Jean Dupont et Paul Martin"),
        ("P6", "Ortega y Gasset, José"),
        ("P7", "Institut, Marie"),
        ("P8", "Ruiz, Ana und Robert Koch-Institut"),
        ("P9", "Иванов И. И.; Институт истории и медицины РАН"),
        ("P10", "Институт истории и медицины РАН и Петров, П. П."),
    ];
    let (err, list, v, apa) = import(&w, &rows);
    assert_eq!(parts(&list, "P1"), [person("Müller", "Hans"), person("Schmidt", "Anna")]);
    assert_eq!(parts(&list, "P2"), [person("Dupont", "Jean"), person("Martin", "Paul")]);
    assert_eq!(parts(&list, "P3"), [person("Иванов", "И. И."), person("Петров", "П. П.")]);
    assert_eq!(parts(&list, "P4"), [person("Müller", "Hans"), person("Schmidt", "Anna")]);
    assert_eq!(parts(&list, "P5"), [person("Dupont", "Jean"), person("Martin", "Paul")]);
    assert_eq!(parts(&list, "P6"), [person("Ortega y Gasset", "José")]);
    assert_eq!(parts(&list, "P7"), [person("Institut", "Marie")]);
    assert_eq!(parts(&list, "P8"), [person("Ruiz", "Ana"), body("Robert Koch-Institut")]);
    assert_eq!(parts(&list, "P9"), [person("Иванов", "И. И."), body("Институт истории и медицины РАН")]);
    assert_eq!(parts(&list, "P10"), [body("Институт истории и медицины РАН"), person("Петров", "П. П.")]);
    assert_eq!(reference(&v, "P1"), "Müller H, Schmidt A. P1. [place unknown]: X; 2019.");
    assert_eq!(reference(&apa, "P2"), "Dupont, J., & Martin, P. (2019a). P2. X.");
    assert_eq!(reference(&v, "P3"), "Иванов ИИ, Петров ПП. P3. [place unknown]: X; 2019.");
    assert_eq!(reference(&apa, "P3"), "Иванов, И. И., & Петров, П. П. (2019). P3. X.");
    assert_eq!(reference(&apa, "P7"), "Institut, M. (2019). P7. X.");
    assert_eq!(reference(&v, "P9"), "Иванов ИИ; Институт истории и медицины РАН. P9. [place unknown]: X; 2019.");
    assert_eq!(reference(&apa, "P10"), "Институт истории и медицины РАН, & Петров, П. П. (2019). P10. X.");
    assert_eq!(
        warned(&err, "Institut, Marie"),
        ["sheet.csv:8:2: warning: authors cell \"Institut, Marie\" was read as a person (family name \"Institut\"); \
          if it is an institution, write it in braces, {Institut, Marie}, to keep it whole"],
        "{err}"
    );
    assert!(warned(&err, "Müller, Hans und Schmidt, Anna").is_empty(), "{err}");
    assert!(warned(&err, "Иванов, И. И. и Петров, П. П.").is_empty(), "{err}");
    assert!(!err.contains("institutions joined"), "{err}");
}
