//! Lead, session r89: a spreadsheet cell of two names without commas
//! (fresh tester r89 F4). The warning advised separating the names with
//! `;`, which keeps each whole as written (no comma says which word is the
//! family name) and so fixed nothing; it now says to write each name
//! "Family, Given", the form that stores the names right.

mod common;
use common::*;

fn parts(r: &serde_json::Value) -> Vec<(String, String)> {
    author_parts(r, ["family", "given"]).into_iter().map(|[f, g]| (f, g)).collect()
}

/// The warning's advice, followed, stores the names right: "Nguyễn Văn An,
/// Lee Min-jung" is read "Given Family" (family name last), said with the
/// form that settles it; the same people written "Family, Given" and
/// separated by `;` are stored family name first, unwarned.
#[test]
fn the_advice_for_two_given_family_names_stores_them_right() {
    let w = workdir();
    let said = w.import_reading(
        "word.csv",
        "title,authors,year,type,container\n\
         Hepatitis B,\"Nguyễn Văn An, Lee Min-jung\",2020,article,J\n",
    );
    assert!(
        said.contains(
            "word.csv:2:2: warning: authors cell \"Nguyễn Văn An, Lee Min-jung\" read as 2 names written \
             \"Given Family\", each with its family name last (Nguyễn Văn An; Lee Min-jung); it could be one \
             name \"Family, Given\", and a name written family name first would be read wrong — write names \
             \"Family, Given\" separated by `;` to be sure"
        ),
        "{said}"
    );
    assert!(!said.contains("separate names with `;`"), "{said}");
    let list = w.reading_list();
    assert_eq!(
        parts(reading(&list, "Hepatitis B")),
        [("An".to_string(), "Nguyễn Văn".to_string()), ("Min-jung".to_string(), "Lee".to_string())]
    );

    // The advice followed.
    let w = workdir();
    let said = w.import_reading(
        "word.csv",
        "title,authors,year,type,container\n\
         Hepatitis B,\"Nguyễn, Văn An; Lee, Min-jung\",2020,article,J\n",
    );
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    assert_eq!(
        parts(reading(&list, "Hepatitis B")),
        [("Nguyễn".to_string(), "Văn An".to_string()), ("Lee".to_string(), "Min-jung".to_string())]
    );
    let refs = w.references("vancouver");
    assert_eq!(refs["Hepatitis B"], "Nguyễn VA, Lee MJ. Hepatitis B. J. 2020.");
}

/// A particle-first cell ("Da Silva, Joao") read as one name says the same
/// advice when it could be two people.
#[test]
fn the_one_name_reading_gives_the_same_advice() {
    let w = workdir();
    let said = w.import_reading(
        "r.csv",
        "title,authors,year,type,container\n\
         T,\"Al Gore, Bill Clinton\",2020,article,J\n",
    );
    assert!(
        said.contains(
            "it could be 2 names written \"Given Family\" (Al Gore; Bill Clinton) — write names \"Family, Given\" \
             separated by `;` to be sure"
        ),
        "{said}"
    );
}

/// A person's name kept whole with initials in brackets ("John Smith (JS)")
/// is no institution with its acronym: it never matches "Smith, John" and
/// never replaces him (the bracket rule of tester r91 F5 matched and
/// replaced him).
#[test]
fn a_persons_name_with_initials_in_brackets_is_no_body() {
    let w = workdir();
    w.import_reading("a.csv", "title,authors,year,type\nHealth report,\"Smith, John\",2019,report\n");
    let said = w.import_reading("b.csv", "title,authors,year,type\nHealth report,\"John Smith (JS)\",2019,report\n");
    assert!(said.contains("readings: 1 new, 0 changed"), "{said}");
    let list = w.reading_list();
    let stored: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["author_names"][0]["original"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stored, ["Smith, John", "John Smith (JS)"]);
}

/// A series' name in its own capitals beside a list's sentence-case copy:
/// the capitals kept in either order, as a journal's are (the series took
/// the later file's form, then the first stored).
#[test]
fn a_series_keeps_its_capitals_in_either_order() {
    let csv = "title,authors,year,type,publisher,series\n\
               Reimagining global health,\"Farmer, Paul\",2013,book,University of California Press,\
               California series in public anthropology\n";
    let ris = "TY  - BOOK\nAU  - Farmer, Paul\nTI  - Reimagining global health\nPY  - 2013\n\
               PB  - University of California Press\nT3  - California Series in Public Anthropology\nER  - \n";
    for order in [["s.csv", "s.ris"], ["s.ris", "s.csv"]] {
        let w = workdir();
        for f in order {
            w.import_reading(f, if f.ends_with("csv") { csv } else { ris });
        }
        let list = w.reading_list();
        assert_eq!(list.as_array().unwrap().len(), 1, "{order:?}");
        assert_eq!(
            reading(&list, "Reimagining global health")["series"],
            "California Series in Public Anthropology",
            "{order:?}"
        );
    }
}
