//! Issues 12 and 13 (lead, r12), through the binary: search finds a word of
//! a language canon has no stemmer for in another inflected form (Russian
//! case endings, Hebrew's joined article and plural).

mod common;

use common::Workdir;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// A Russian or Hebrew word typed in one form finds the title holding
/// another form of it; a word that only starts the same does not.
#[test]
fn search_finds_other_inflections_of_russian_and_hebrew() {
    let w = workdir();
    w.import_reading(
        "r.csv",
        "title,authors,year\n\
         История колониальной медицины,\"Иванов, Иван\",1990\n\
         ספר הרפואות,\"כהן, דוד\",1985\n\
         Колониализм и здоровье,\"Петров, Пётр\",2001\n",
    );
    let ru = "История колониальной медицины".to_string();
    let he = "ספר הרפואות".to_string();
    for q in ["колониальная", "колониальной", "Колониальный", "медицина", "история колониальная"]
    {
        assert!(w.search_titles(q).contains(&ru), "{q}: {:?}", w.search_titles(q));
    }
    for q in ["רפואה", "הרפואות", "רפואות"] {
        assert!(w.search_titles(q).contains(&he), "{q}: {:?}", w.search_titles(q));
    }
    // "колониализм" is another word (colonialism), not a form of "колониальный".
    assert!(!w.search_titles("колониальная").contains(&"Колониализм и здоровье".to_string()));
    assert!(!w.search_titles("колониализм").contains(&ru));
    // A word that shares only its first letters finds nothing.
    assert!(w.search_titles("колонна").is_empty(), "{:?}", w.search_titles("колонна"));
}
