//! r93 y: "et al." in the languages canon reads names in (tester r93 F4),
//! and names written "Given Family" in a `;` list read as the same names
//! separated by "and" are (tester r93 F5).
mod common;
use common::*;

/// Each reading's authors as (family, given, particle, literal), and whether
/// the list is cut short.
fn authors(w: &Workdir, title: &str) -> (Vec<[Option<String>; 4]>, bool) {
    let list = w.reading_list();
    let r = reading(&list, title);
    let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let names = r["author_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| [s(&a["family"]), s(&a["given"]), s(&a["particle"]), s(&a["literal"])])
        .collect();
    (names, r["authors_truncated"].as_bool().unwrap())
}

fn p(family: &str, given: &str) -> [Option<String>; 4] {
    [Some(family.into()), Some(given.into()), None, None]
}

fn lit(l: &str) -> [Option<String>; 4] {
    [None, None, None, Some(l.into())]
}

/// Finding 4: every language's "et al." after the last name: two clean
/// names, the list marked cut short, nothing said of a given name "M. ve ark.".
#[test]
fn et_al_in_every_language_ends_the_list() {
    let w = Workdir::new();
    let cases = [
        ("E01", "Yılmaz, A.; Demir, M. ve ark.", ("Yılmaz", "A."), ("Demir", "M.")),
        ("E02", "İnce, A.; Demir, M. ve diğ.", ("İnce", "A."), ("Demir", "M.")),
        ("E03", "Nguyễn, V. A.; Trần, T. B. và cs.", ("Nguyễn", "V. A."), ("Trần", "T. B.")),
        ("E04", "Nguyễn, V. A.; Trần, T. B. và cộng sự", ("Nguyễn", "V. A."), ("Trần", "T. B.")),
        ("E05", "Santos, J.; Reyes, M. at iba pa", ("Santos", "J."), ("Reyes", "M.")),
        ("E06", "Jansen, J.; Bakker, P. e.a.", ("Jansen", "J."), ("Bakker", "P.")),
        ("E07", "Jansen, J.; Bakker, P. en anderen", ("Jansen", "J."), ("Bakker", "P.")),
        ("E08", "Berg, A.; Lind, K. m.fl.", ("Berg", "A."), ("Lind", "K.")),
        ("E09", "Berg, A.; Lind, K. mfl.", ("Berg", "A."), ("Lind", "K.")),
        ("E10", "Novák, J.; Svoboda, K. a kol.", ("Novák", "J."), ("Svoboda", "K.")),
        ("E11", "Rossi, G.; Bianchi, M. e coll.", ("Rossi", "G."), ("Bianchi", "M.")),
        ("E12", "Иванов, И.; Петров, П. и др.", ("Иванов", "И."), ("Петров", "П.")),
        ("E13", "Santoso, B.; Wijaya, A. dkk.", ("Santoso", "B."), ("Wijaya", "A.")),
        ("E14", "Nagy, A.; Kovács, B. és mtsai", ("Nagy", "A."), ("Kovács", "B.")),
        ("E15", "Virtanen, A.; Korhonen, B. ym.", ("Virtanen", "A."), ("Korhonen", "B.")),
        ("E16", "Popescu, A.; Ionescu, B. și colab.", ("Popescu", "A."), ("Ionescu", "B.")),
        ("E17", "Kowalski, J.; Nowak, E. i in.", ("Kowalski", "J."), ("Nowak", "E.")),
    ];
    let mut csv = String::from("title,authors,year,type\n");
    for (t, a, _, _) in &cases {
        csv.push_str(&format!("{t},\"{a}\",2011,book\n"));
    }
    let said = w.import_reading("etal.csv", &csv);
    assert!(!said.contains("ark.\""), "{said}");
    assert!(!said.contains("warning: authors cell"), "{said}");
    for (t, _, a, b) in &cases {
        assert_eq!(authors(&w, t), (vec![p(a.0, a.1), p(b.0, b.1)], true), "{t}");
    }
    // Written in a script without spaces, after the last name's own letters.
    w.import_reading(
        "cjk.csv",
        "title,authors,year,type\nC1,\"山田太郎; 佐藤花子他\",2017,book\nC2,\"张伟; 李娜等\",2017,book\n",
    );
    assert_eq!(authors(&w, "C1"), (vec![lit("山田太郎"), lit("佐藤花子")], true));
    assert_eq!(authors(&w, "C2"), (vec![lit("张伟"), lit("李娜")], true));
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "E01"), "Yılmaz A, Demir M, et al. E01. [place unknown]: [publisher unknown]; 2011.");
    assert_eq!(reference(&v, "E03"), "Nguyễn VA, Trần TB, et al. E03. [place unknown]: [publisher unknown]; 2011.");
    let a = w.references("apa");
    assert_eq!(reference(&a, "E05"), "Santos, J., Reyes, M., et al. (2011). E05.");
}

/// Initials that look like an abbreviation of "et al." stay a person's.
#[test]
fn initials_are_no_et_al() {
    let w = Workdir::new();
    w.import_reading("i.csv", "title,authors,year,type\nI1,\"Jansen, J.; Bakker, E.A.\",2011,book\n");
    assert_eq!(authors(&w, "I1"), (vec![p("Jansen", "J."), p("Bakker", "E. A.")], false));
}

/// Finding 4 in the formats that give one name a tag: RIS `AU`.
#[test]
fn et_al_after_a_tagged_name() {
    let w = Workdir::new();
    let said = w.import_reading(
        "r.ris",
        "TY  - BOOK\nTI  - R1\nAU  - Yılmaz, A.\nAU  - Demir, M. ve ark.\nPY  - 2011\nER  - \n",
    );
    assert!(!said.contains("ve ark."), "{said}");
    assert_eq!(authors(&w, "R1"), (vec![p("Yılmaz", "A."), p("Demir", "M.")], true));
}

/// Finding 5: "Given Family" names separated by `;` are people, as with
/// "and"; said once; institutions and names written family first stay whole.
#[test]
fn given_family_names_in_a_semicolon_list_are_people() {
    let w = Workdir::new();
    let said = w.import_reading(
        "n.csv",
        "title,authors,year,type\nU1,\"Paul Farmer and Jim Yong Kim\",2002,book\nU2,\"Paul Farmer; Jim Yong Kim\",2003,book\n\
         T3,\"Sjaak van der Geest; Anita Hardon\",2004,book\nT5,\"World Bank; Ghana Health Service\",2006,report\n\
         T6,\"Paul Farmer; Médecins Sans Frontières\",2006,report\nT7,\"Nguyễn Văn An; Trần Thị Bình\",2008,book\n",
    );
    assert!(
        said.contains(
            "n.csv:3:2: warning: authors cell \"Paul Farmer; Jim Yong Kim\": 2 names written \"Given Family\" read with \
             the family name last (\"Farmer, Paul\", \"Kim, Jim Yong\"); a name written family name first would be read \
             wrong — write names \"Family, Given\" separated by `;` to be sure"
        ),
        "{said}"
    );
    assert!(!said.contains("\"Paul Farmer\" was kept whole"), "{said}");
    assert!(said.contains("\"Nguyễn Văn An\" was kept whole as written"), "{said}");
    assert_eq!(authors(&w, "U1"), authors(&w, "U2"));
    assert_eq!(authors(&w, "U2"), (vec![p("Farmer", "Paul"), p("Kim", "Jim Yong")], false));
    assert_eq!(
        authors(&w, "T3"),
        (vec![[Some("Geest".into()), Some("Sjaak".into()), Some("van der".into()), None], p("Hardon", "Anita")], false)
    );
    assert_eq!(authors(&w, "T5"), (vec![lit("World Bank"), lit("Ghana Health Service")], false));
    assert_eq!(authors(&w, "T6"), (vec![p("Farmer", "Paul"), lit("Médecins Sans Frontières")], false));
    assert_eq!(authors(&w, "T7"), (vec![lit("Nguyễn Văn An"), lit("Trần Thị Bình")], false));
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "U2"), "Farmer P, Kim JY. U2. [place unknown]: [publisher unknown]; 2003.");
    assert_eq!(reference(&v, "T3"), "van der Geest S, Hardon A. T3. [place unknown]: [publisher unknown]; 2004.");
    let a = w.references("apa");
    assert_eq!(reference(&a, "U2"), "Farmer, P., & Kim, J. Y. (2003). U2.");
}
