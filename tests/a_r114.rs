//! Tester r114: names from Russia and Central Asia (eLIBRARY.ru,
//! CyberLeninka, national journals). A comma-less "Family Initials" name
//! ("Иванов И.И.") and a name whose patronymic says its order ("Ахмедов
//! Бахтиёр Рустамович", "Бахтиёр Рустамович Ахмедов", "Karimov Aziz Rustam
//! o‘g‘li") read alike in every format: BibTeX, RIS, a CSV cell, CSL-JSON's
//! `literal`, EndNote XML and `reading add`.

mod common;
use common::*;

/// Each name as written, with the family and given name it is stored with.
const KIT: &[(&str, &str, &str)] = &[
    ("Иванов И.И.", "Иванов", "И. И."),
    ("Mensah K.A.", "Mensah", "K. A."),
    ("Petrov A. B.", "Petrov", "A. B."),
    ("Ахмедов Бахтиёр Рустамович", "Ахмедов", "Бахтиёр Рустамович"),
    ("Бахтиёр Рустамович Ахмедов", "Ахмедов", "Бахтиёр Рустамович"),
    ("Ахмедов Б.Р.", "Ахмедов", "Б. Р."),
    ("Б.Р. Ахмедов", "Ахмедов", "Б. Р."),
    // Ukrainian: -ович, and the woman's -івна.
    ("Шевченко Тарас Григорович", "Шевченко", "Тарас Григорович"),
    ("Коваленко Олена Петрівна", "Коваленко", "Олена Петрівна"),
    // Georgian and Armenian family names, in the Russian order and the natural one.
    ("Гогиашвили Нино Давидовна", "Гогиашвили", "Нино Давидовна"),
    ("Нино Давидовна Гогиашвили", "Гогиашвили", "Нино Давидовна"),
    ("Армен Ашотович Петросян", "Петросян", "Армен Ашотович"),
    ("Кикнадзе Гия Ильич", "Кикнадзе", "Гия Ильич"),
    // Latin transliterations.
    ("Olga Ivanovna Petrova", "Petrova", "Olga Ivanovna"),
    ("Akhmedov Bakhtiyor Rustamovich", "Akhmedov", "Bakhtiyor Rustamovich"),
    ("Nikitina Anna Ilyinichna", "Nikitina", "Anna Ilyinichna"),
    // The patronymic as a separate word: Uzbek, Azerbaijani, Kazakh, Kyrgyz.
    ("Karimov Aziz Rustam o‘g‘li", "Karimov", "Aziz Rustam o‘g‘li"),
    ("Aziz Rustam o'g'li Karimov", "Karimov", "Aziz Rustam o'g'li"),
    ("Əliyev Rauf Heydər oğlu", "Əliyev", "Rauf Heydər oğlu"),
    ("Сейтова Айгуль Марат қызы", "Сейтова", "Айгуль Марат қызы"),
    ("Асанов Бакыт Токтогул уулу", "Асанов", "Бакыт Токтогул уулу"),
];

/// The authors of the one reading titled `title`, as (family, given, literal).
fn authors(w: &Workdir, title: &str) -> Vec<(String, String, String)> {
    author_triples(&w.reading_list(), title)
}

fn expected() -> Vec<(String, String, String)> {
    KIT.iter().map(|(_, f, g)| person_name(f, g)).collect()
}

fn bibtex(names: &[&str]) -> String {
    format!("@article{{k1, author = {{{}}}, title = {{Kit}}, journal = {{J}}, year = {{2020}}}}\n", names.join(" and "))
}

fn ris(names: &[&str]) -> String {
    let aus: String = names.iter().map(|n| format!("AU  - {n}\n")).collect();
    format!("TY  - JOUR\nTI  - Kit\n{aus}JO  - J\nPY  - 2020\nER  - \n")
}

fn csv(names: &[&str]) -> String {
    format!("title,authors,year,type,journal\nKit,\"{}\",2020,article,J\n", names.join("; "))
}

fn csl_literals(names: &[&str]) -> String {
    let a: Vec<String> = names.iter().map(|n| format!("{{\"literal\": {n:?}}}")).collect();
    format!(
        "[{{\"id\":\"k1\",\"type\":\"article-journal\",\"title\":\"Kit\",\"container-title\":\"J\",\"author\":[{}],\"issued\":{{\"date-parts\":[[2020]]}}}}]",
        a.join(",")
    )
}

fn endnote(names: &[&str]) -> String {
    let a: String = names.iter().map(|n| format!("<author>{n}</author>")).collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <contributors><authors>{a}</authors></contributors><titles><title>Kit</title><secondary-title>J</secondary-title></titles>\
         <dates><year>2020</year></dates></record></records></xml>"
    )
}

fn written() -> Vec<&'static str> {
    KIT.iter().map(|k| k.0).collect()
}

/// F1, F2: the kit read alike from every format.
#[test]
fn family_initials_and_patronymic_orders_in_every_format() {
    let files: [(&str, String); 5] = [
        ("k.bib", bibtex(&written())),
        ("k.ris", ris(&written())),
        ("k.csv", csv(&written())),
        ("k.json", csl_literals(&written())),
        ("k.xml", endnote(&written())),
    ];
    for (file, text) in files {
        let w = workdir();
        w.import_reading(file, &text);
        assert_eq!(authors(&w, "Kit"), expected(), "{file}");
    }
    let w = workdir();
    let mut args = vec!["reading", "add", "--by", "t", "--title", "Kit", "--year", "2020"];
    for n in written() {
        args.extend(["--author", n]);
    }
    w.ok(&args);
    assert_eq!(authors(&w, "Kit"), expected(), "reading add");
}

/// F1: BibTeX's "First Last" would make "И.И." the family name: the
/// reading is said, with the form every BibTeX tool reads so.
#[test]
fn bibtex_family_initials_are_said() {
    let w = workdir();
    let err = w.import_reading("f1.bib", &bibtex(&["Иванов И.И.", "Mensah K.A.", "Petrov A. B."]));
    assert!(
        err.contains(
            "author \"Иванов И.И.\" was read as family name \"Иванов\", given name \"И. И.\" (a family name, then \
             initials, as eLIBRARY and Vancouver lists write names); BibTeX's own rule reads a name without commas \
             as \"First Last\" (family name \"И.И.\"): write it \"Иванов, И.И.\" to be read so by every BibTeX tool"
        ),
        "{err}"
    );
    assert!(err.contains("author \"Petrov A. B.\" was read as family name \"Petrov\", given name \"A. B.\""), "{err}");
    // Vancouver and APA print the family name and the initials.
    let v = w.references("vancouver");
    assert_eq!(v["Kit"], "Иванов ИИ, Mensah KA, Petrov AB. Kit. J. 2020.");
    let a = w.references("apa");
    assert_eq!(a["Kit"], "Иванов, И. И., Mensah, K. A., & Petrov, A. B. (2020). Kit. J.");
}

/// F2: the patronymic's reading is said in every format, naming the name
/// and how it was read; the name as written is kept.
#[test]
fn patronymic_reading_is_said_in_every_format() {
    let names = ["Ахмедов Бахтиёр Рустамович", "Бахтиёр Рустамович Ахмедов"];
    let first = "\"Ахмедов Бахтиёр Рустамович\" was read as family name \"Ахмедов\", given name \"Бахтиёр \
                 Рустамович\" (the patronymic \"Рустамович\" last: Family Given Patronymic, the Russian order); \
                 write it \"Ахмедов, Бахтиёр Рустамович\" to be sure";
    let second = "\"Бахтиёр Рустамович Ахмедов\" was read as family name \"Ахмедов\", given name \"Бахтиёр \
                  Рустамович\" (the patronymic \"Рустамович\" after the given name: Given Patronymic Family); write \
                  it \"Ахмедов, Бахтиёр Рустамович\" to be sure";
    let files: [(&str, String); 5] = [
        ("p.bib", bibtex(&names)),
        ("p.ris", ris(&names)),
        ("p.csv", csv(&names)),
        ("p.json", csl_literals(&names)),
        ("p.xml", endnote(&names)),
    ];
    for (file, text) in files {
        let w = workdir();
        let err = w.import_reading(file, &text);
        assert!(err.contains(first) && err.contains(second), "{file}: {err}");
        let stored = stored_author_parts(&w, "Kit", ["family", "given", "literal", "name"]);
        assert_eq!(
            stored,
            vec![
                ["Ахмедов", "Бахтиёр Рустамович", "", "Ахмедов Бахтиёр Рустамович"].map(String::from),
                ["Ахмедов", "Бахтиёр Рустамович", "", "Бахтиёр Рустамович Ахмедов"].map(String::from),
            ],
            "{file}"
        );
        let v = w.references("vancouver");
        assert_eq!(v["Kit"], "Ахмедов БР, Ахмедов БР. Kit. J. 2020.", "{file}");
        let a = w.references("apa");
        assert_eq!(a["Kit"], "Ахмедов, Б. Р., & Ахмедов, Б. Р. (2020). Kit. J.", "{file}");
    }
    let w = workdir();
    let err =
        w.ok_stderr(&["reading", "add", "--by", "t", "--title", "Kit", "--author", names[0], "--author", names[1]]);
    assert!(err.contains(first) && err.contains(second), "reading add: {err}");
}

/// A two-word name without a comma ("Иванов Иван") stays as each format
/// reads any two-word comma-less name: BibTeX's "First Last", kept whole
/// elsewhere, as "Kofi Mensah" is.
#[test]
fn two_words_stay_as_any_two_word_name() {
    let names = ["Иванов Иван", "Kofi Mensah"];
    let w = workdir();
    w.import_reading("t.bib", &bibtex(&names));
    assert_eq!(authors(&w, "Kit"), vec![person_name("Иван", "Иванов"), person_name("Mensah", "Kofi")]);
    for (file, text) in
        [("t.ris", ris(&names[..1])), ("t.csv", csv(&names[..1])), ("t.json", csl_literals(&names[..1]))]
    {
        let w = workdir();
        w.import_reading(file, &text);
        assert_eq!(authors(&w, "Kit"), vec![whole_name("Иванов Иван")], "{file}");
    }
}

/// Serbian, Croatian and Belarusian family names end as patronymics do:
/// a two-word name, or one whose only patronymic-shaped word is first, is
/// read as before.
#[test]
fn family_names_shaped_as_patronymics_alone_are_no_mark() {
    let w = workdir();
    w.import_reading("s.ris", &ris(&["Милошевич Слободан", "Петрович Иван Сергей"]));
    assert_eq!(authors(&w, "Kit"), vec![whole_name("Милошевич Слободан"), whole_name("Петрович Иван Сергей")]);
}

/// F2: eLIBRARY.ru lists a paper's authors separated by commas, each in
/// the Russian order: each read by its patronymic, and said so.
#[test]
fn comma_separated_patronymic_names_in_a_cell() {
    let w = workdir();
    let err = w.import_reading(
        "e.csv",
        "title,authors,year,type,journal\nKit,\"Ахмедов Бахтиёр Рустамович, Иванов Иван Петрович\",2020,article,J\n",
    );
    assert_eq!(
        authors(&w, "Kit"),
        vec![person_name("Ахмедов", "Бахтиёр Рустамович"), person_name("Иванов", "Иван Петрович")]
    );
    assert!(
        err.contains(
            "authors cell \"Ахмедов Бахтиёр Рустамович, Иванов Иван Петрович\" read as 2 names separated by commas, \
             each in the order its patronymic says (\"Ахмедов, Бахтиёр Рустамович\", \"Иванов, Иван Петрович\"); \
             write names \"Family, Given\" separated by `;` to be sure"
        ),
        "{err}"
    );
}
