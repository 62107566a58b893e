//! Names typed and read: a name typed with `reading add`/`reading edit`
//! is read as the same name in a file's one-name field (tester r101 F8);
//! "{King, Jr.}, Martin Luther" in BibTeX (r100 F8); a two-word
//! natural-order name in RIS (issue 12, "Amartya Sen"); a given name alone
//! after "and" (tester 86's rule, one rule for every language's "and").

mod common;
use common::*;

/// (family, given, particle, suffix, literal) of each name in `field`.
type Parts = Vec<[Option<String>; 5]>;

fn parts(r: &serde_json::Value, field: &str) -> Parts {
    name_fields(r, field, ["family", "given", "particle", "suffix", "literal"])
}

fn person(family: &str, given: &str, particle: &str, suffix: &str) -> [Option<String>; 5] {
    let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
    [o(family), o(given), o(particle), o(suffix), None]
}

fn whole(literal: &str) -> [Option<String>; 5] {
    [None, None, None, None, Some(literal.to_string())]
}

/// Names typed, each with the parts a file's one-name field gives it.
const NAMES: &[(&str, [&str; 5])] = &[
    ("Pieter van der Berg", ["Berg", "Pieter", "van der", "", ""]),
    ("Amartya Sen", ["Sen", "Amartya", "", "", ""]),
    ("Jean de La {Fontaine}", ["Fontaine", "Jean", "de La", "", ""]),
    ("van der Berg, Pieter", ["Berg", "Pieter", "van der", "", ""]),
    ("Mensah, Jr., Kofi", ["Mensah", "Kofi", "", "Jr.", ""]),
    ("João dos Santos", ["Santos", "João", "dos", "", ""]),
    ("Maria da Silva", ["Silva", "Maria", "da", "", ""]),
    ("Ahmad ibn Hanbal", ["Hanbal", "Ahmad", "ibn", "", ""]),
    ("Plato", ["Plato", "", "", "", ""]),
    ("World Health Organization", ["", "", "", "", "World Health Organization"]),
    ("Ministry of Health", ["", "", "", "", "Ministry of Health"]),
    ("{Ministry of Health, Ghana}", ["", "", "", "", "Ministry of Health, Ghana"]),
    ("Amnesty International", ["", "", "", "", "Amnesty International"]),
    ("Zhang Wei", ["", "", "", "", "Zhang Wei"]),
    ("Ibn Khaldun", ["", "", "", "", "Ibn Khaldun"]),
];

fn expected(p: &[&str; 5]) -> [Option<String>; 5] {
    if p[4].is_empty() { person(p[0], p[1], p[2], p[3]) } else { whole(p[4]) }
}

/// Tester r101 F8: every kind of name typed with `--author`, `--editor`
/// and `--translator` is stored as the same name in a CSV cell and an RIS
/// `AU` line is.
#[test]
fn a_typed_name_is_read_as_the_same_name_in_a_file() {
    let w = workdir();
    let mut csv = String::from("title,authors,year\n");
    let mut ris = String::new();
    for (i, (name, _)) in NAMES.iter().enumerate() {
        w.ok(&["reading", "add", "--title", &format!("T{i}"), "--author", name, "--by", "t"]);
        w.ok(&["reading", "add", "--title", &format!("E{i}"), "--editor", name, "--translator", name, "--by", "t"]);
        // `reading edit` reads them so too.
        let x = w.ok(&["reading", "add", "--title", &format!("X{i}"), "--author", "Osei, Ama", "--by", "t"]);
        let x = x.trim().to_string();
        w.ok(&["reading", "edit", &x, "--author", name, "--editor", name, "--translator", name, "--by", "t"]);
        csv.push_str(&format!("C{i},\"{name}\",2020\n"));
        ris.push_str(&format!("TY  - JOUR\nTI  - R{i}\nAU  - {name}\nPY  - 2020\nER  - \n"));
    }
    w.import_reading("names.csv", &csv);
    w.import_reading("names.ris", &ris);
    let list = w.reading_list();
    for (i, (name, p)) in NAMES.iter().enumerate() {
        let want = vec![expected(p)];
        for (title, field) in [
            (format!("T{i}"), "author_names"),
            (format!("E{i}"), "editor_names"),
            (format!("E{i}"), "translator_names"),
            (format!("X{i}"), "author_names"),
            (format!("X{i}"), "editor_names"),
            (format!("X{i}"), "translator_names"),
            (format!("C{i}"), "author_names"),
            (format!("R{i}"), "author_names"),
        ] {
            assert_eq!(parts(reading_titled(&list, &title), field), want, "{name:?} in {title} {field}");
        }
    }
}

/// What a typed name read "Given Family" is said, naming the option; a
/// name kept whole that reads like a person's is said so still; braces
/// are never stored.
#[test]
fn a_typed_name_read_given_family_or_kept_whole_is_said() {
    let w = workdir();
    let out = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "Said",
        "--year",
        "2020",
        "--type",
        "book",
        "--publisher",
        "P",
        "--author",
        "Pieter van der Berg",
        "--author",
        "Amartya Sen",
        "--author",
        "Amnesty International",
        "--author",
        "{World Health Organization}",
        "--editor",
        "Jane Doe",
        "--translator",
        "Jean de La {Fontaine}",
        "--by",
        "t",
    ]);
    let warnings: Vec<&str> = out.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(
        warnings,
        vec![
            "warning: editor \"Jane Doe\" read as a name written \"Given Family\", with the family name last \
             (\"Doe, Jane\"); --editor takes \"Family, Given\"; a name written family name first would be read wrong \
             — write it \"Doe, Jane\" to be sure",
            "warning: translator \"Jean de La Fontaine\" read as a name written \"Given Family\", with the family \
             name last (\"de La Fontaine, Jean\"); --translator takes \"Family, Given\"; a name written family name \
             first would be read wrong — write it \"de La Fontaine, Jean\" to be sure",
            "warning: author \"Pieter van der Berg\" read as a name written \"Given Family\", with the family name \
             last (\"van der Berg, Pieter\"); --author takes \"Family, Given\"; a name written family name first \
             would be read wrong — write it \"van der Berg, Pieter\" to be sure",
            "warning: author \"Amartya Sen\" read as a name written \"Given Family\", with the family name last \
             (\"Sen, Amartya\"); --author takes \"Family, Given\"; a name written family name first would be read \
             wrong — write it \"Sen, Amartya\" to be sure",
            "warning: author \"Amnesty International\" was kept whole as written, as an institution's name is (no \
             comma says which word is the family name); if it is a person, write it \"Family, Given\"",
        ],
        "{out}"
    );
    let id = w.reading_list()[0]["id"].to_string();
    let card = w.ok(&["reading", "show", id.trim_matches('"')]);
    for line in [
        "author 1     family Berg · given Pieter · particle van der",
        "author 2     family Sen · given Amartya",
        "author 3     Amnesty International (kept whole)",
        "author 4     World Health Organization (kept whole)",
        "editor 1     family Doe · given Jane",
        "translator 1 family Fontaine · given Jean · particle de La",
    ] {
        assert!(card.lines().any(|l| l.trim_end() == line), "no line {line:?} in\n{card}");
    }
    assert_eq!(
        w.references("apa")["Said"],
        "van der Berg, P., Sen, A., Amnesty International, & World Health Organization. (2020). \
         Said (J. Doe, Ed.; J. de La Fontaine, Trans.). P."
    );
}

/// Tester r101 F8 as reported: Vancouver and APA print the typed person as
/// the imported one.
#[test]
fn a_typed_particle_name_prints_as_the_imported_one() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Manual entry",
        "--year",
        "2020",
        "--type",
        "article",
        "--author",
        "Mensah, Jr., Kofi",
        "--author",
        "Pieter van der Berg",
        "--author",
        "{Ministry of Health, Ghana}",
        "--by",
        "amina",
    ]);
    w.import_reading("pa.csv", "title,authors,year,type\nParticle alone,Pieter van der Berg,2020,article\n");
    let apa = w.references("apa");
    assert_eq!(
        apa["Manual entry"],
        "Mensah, K., Jr., van der Berg, P., & Ministry of Health, Ghana. (2020). Manual entry."
    );
    assert_eq!(apa["Particle alone"], "van der Berg, P. (2020). Particle alone.");
    let v = w.references("vancouver");
    assert_eq!(v["Manual entry"], "Mensah K Jr, van der Berg P; Ministry of Health, Ghana. Manual entry. 2020.");
    assert_eq!(v["Particle alone"], "van der Berg P. Particle alone. 2020.");
}

/// Issue 12: "Amartya Sen" on an RIS `AU` line (a given name canon does
/// not know) is read "Given Family" and said, as "Paul Farmer" is; a
/// body's two words ("Amnesty International", "World Bank"), a family name
/// written first ("Zhang Wei") and a capitalised particle first ("Ibn
/// Khaldun") stay whole.
#[test]
fn a_two_word_natural_order_name_in_ris_is_a_person_said() {
    let w = workdir();
    let err = w.import_reading(
        "sen.ris",
        "TY  - BOOK\nTI  - Development as Freedom\nAU  - Amartya Sen\nAU  - Amnesty International\nAU  - World Bank\n\
         AU  - Zhang Wei\nAU  - Ibn Khaldun\nPY  - 1999\nPB  - Knopf\nER  - \n",
    );
    let list = w.reading_list();
    let r = reading(&list, "Development");
    assert_eq!(
        parts(r, "author_names"),
        vec![
            person("Sen", "Amartya", "", ""),
            whole("Amnesty International"),
            whole("World Bank"),
            whole("Zhang Wei"),
            whole("Ibn Khaldun"),
        ]
    );
    assert!(
        err.contains(
            "sen.ris:3:7: warning: in the record starting at line 1: AU \"Amartya Sen\" read as a name written \
             \"Given Family\", with the family name last (\"Sen, Amartya\"); the format writes \"Family, Given\", and \
             a name written family name first would be read wrong — write it \"Sen, Amartya\" to be sure"
        ),
        "{err}"
    );
    assert!(err.contains("AU \"Zhang Wei\" was kept whole"), "{err}");
    assert_eq!(
        w.references("apa")["Development as Freedom"],
        "Sen, A., Amnesty International, World Bank, Zhang Wei, & Ibn Khaldun. (1999). Development as \
         Freedom. Knopf."
    );
}

/// r100 F8: "{King, Jr.}, Martin Luther" is family King, suffix Jr.,
/// given Martin Luther, as "Martin Luther {King, Jr.}" is; each said with
/// the form BibTeX reads as meant, never "Jr., Jr., King,".
#[test]
fn a_braced_family_and_suffix_in_bibtex_either_way_round() {
    let w = workdir();
    let err = w.import_reading(
        "k.bib",
        "@phdthesis{a, author = {Martin Luther {King, Jr.}}, title = {One}, school = {Boston University}, year = {1955}}\n\
         @phdthesis{b, author = {{King, Jr.}, Martin Luther}, title = {Two}, school = {Boston University}, year = {1955}}\n\
         @book{c, author = {{Gates, III}, William H. and {King}, Coretta Scott}, title = {Three}, publisher = {P}, year = {1999}}\n",
    );
    let list = w.reading_list();
    for t in ["One", "Two"] {
        assert_eq!(parts(reading_titled(&list, t), "author_names"), vec![person("King", "Martin Luther", "", "Jr.")]);
    }
    assert_eq!(
        parts(reading_titled(&list, "Three"), "author_names"),
        vec![person("Gates", "William H.", "", "III"), person("King", "Coretta Scott", "", "")]
    );
    let warned: Vec<&str> =
        err.lines().filter(|l| l.contains("warning")).filter_map(|l| l.find("k.bib:").map(|i| &l[i..])).collect();
    assert_eq!(
        warned,
        vec![
            "k.bib:1:25: warning: in entry `a`: author \"Martin Luther King, Jr.\" was read as given name \"Martin \
             Luther\", family name \"King\", suffix \"Jr.\"; BibTeX itself reads the braced \"King, Jr.\" as one \
             family name: write it \"King, Jr., Martin Luther\" to be sure",
            "k.bib:2:25: warning: in entry `b`: author \"King, Jr., Martin Luther\" was read as given name \"Martin \
             Luther\", family name \"King\", suffix \"Jr.\"; BibTeX itself reads the braced \"King, Jr.\" as one \
             family name: write it \"King, Jr., Martin Luther\" to be sure",
            "k.bib:3:20: warning: in entry `c`: author \"Gates, III, William H.\" was read as given name \"William \
             H.\", family name \"Gates\", suffix \"III\"; BibTeX itself reads the braced \"Gates, III\" as one family \
             name: write it \"Gates, III, William H.\" to be sure",
        ],
        "{err}"
    );
    // One author, so APA tells the two works of 1955 apart by letter.
    let refs = w.references("apa");
    assert_eq!(refs["Two"], "King, M. L., Jr. (1955b). Two [Doctoral dissertation, Boston University].");
    assert_eq!(refs["One"], "King, M. L., Jr. (1955a). One [Doctoral dissertation, Boston University].");
}

/// Tester 86's rule for every language's "and": a given name alone after
/// it is no person of its own ("Smith, John and Mary", "Dupont, Jean et
/// Marie", "Smith, John & Mary"); kept in the given name and said. A word
/// after initials ("Smith, J. and Jones") and a whole name after "and"
/// are people of their own.
#[test]
fn a_given_name_alone_after_and_is_no_person() {
    let w = workdir();
    let err = w.import_reading(
        "and.csv",
        "title,authors,year\nC1,\"Smith, John and Mary\",2005\nC2,\"Dupont, Jean et Marie\",2005\n\
         C3,\"Smith, J. and Jones\",2005\nC4,\"Smith, John and Jones, Kate\",2005\nC5,\"Smith, John & Mary\",2005\n\
         C6,\"Osei, Ama; Mensah, Kofi and Abena\",2005\n",
    );
    let list = w.reading_list();
    let a = |t: &str| parts(reading_titled(&list, t), "author_names");
    assert_eq!(a("C1"), vec![person("Smith", "John and Mary", "", "")]);
    assert_eq!(a("C2"), vec![person("Dupont", "Jean et Marie", "", "")]);
    assert_eq!(a("C3"), vec![person("Smith", "J.", "", ""), person("Jones", "", "", "")]);
    assert_eq!(a("C4"), vec![person("Smith", "John", "", ""), person("Jones", "Kate", "", "")]);
    assert_eq!(a("C5"), vec![person("Smith", "John & Mary", "", "")]);
    assert_eq!(a("C6"), vec![person("Osei", "Ama", "", ""), person("Mensah", "Kofi and Abena", "", "")]);
    assert!(
        err.contains(
            "and.csv:2:2: warning: authors cell \"Smith, John and Mary\" was read as one name, family name \"Smith\" \
             with given name \"John and Mary\", which holds the word \"and\" (\"and\"?); if it is two people, \
             separate names with `;` (\"Family, Given; Family, Given\")"
        ),
        "{err}"
    );
    assert!(err.contains("\"Smith, John & Mary\" was read as one name"), "{err}");
    assert!(err.contains("\"Mensah, Kofi and Abena\" was read as one name"), "{err}");
    // The same typed is one name too, said with the option to use.
    let out = w.ok_stderr(&["reading", "add", "--title", "Typed and", "--author", "Smith, John and Mary", "--by", "t"]);
    assert!(
        out.contains(
            "warning: author \"Smith, John and Mary\" was read as one name, family name \"Smith\" with given name \
             \"John and Mary\", which may hold a second person; if it is two people, type each with its own --author"
        ),
        "{out}"
    );
    let refs = w.references("apa");
    assert_eq!(refs["C1"], "Smith John and Mary. (2005). C1.");
    assert_eq!(refs["C4"], "Smith, J., & Jones, K. (2005). C4.");
}
