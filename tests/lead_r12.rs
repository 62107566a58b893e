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

/// A range of days or seasons a file gives is printed whole in every style
/// that prints the day or season (it was stored whole, and printed as its
/// first day or season alone).
#[test]
fn day_and_season_ranges_print_whole() {
    let w = workdir();
    w.import_reading(
        "d.nbib",
        "PMID- 11111111\nTI  - Day range study.\nDP  - 1998 May 3-5\nJT  - Medical History\nTA  - Med Hist\n\
         VI  - 42\nIP  - 2\nPG  - 1-4\nFAU - Owusu, Ama\nAU  - Owusu A\n\n\
         PMID- 22222222\nTI  - Season range study.\nDP  - 1998 Summer-Fall\nJT  - Hastings Center Report\n\
         TA  - Hastings Cent Rep\nVI  - 28\nIP  - 3\nPG  - 5-9\nFAU - Mensah, Kofi\nAU  - Mensah K\n",
    );
    w.import_reading(
        "m.bib",
        "@article{g, author = {Gawande, Atul}, title = {The colour of medicine}, journaltitle = {The New Yorker}, \
         entrysubtype = {magazine}, date = {2019-05-05/2019-05-11}, volume = {95}, number = {12}, pages = {34--41}}\n\
         @article{h, author = {Adjei, Kwame}, title = {Spring to summer}, journaltitle = {The Lancet}, \
         date = {1998-21/1998-22}, volume = {3}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        common::reference(&v, "Day range"),
        "Owusu A. Day range study. Med Hist. 1998 May 3-5;42(2):1-4. PubMed PMID: 11111111."
    );
    assert!(
        common::reference(&v, "Season range").contains("Hastings Cent Rep. 1998 Summer-Autumn;28(3):5-9."),
        "{v:?}"
    );
    assert!(common::reference(&v, "The colour").contains("The New Yorker. 2019 May 5-11;95(12):34-41."), "{v:?}");
    assert!(common::reference(&v, "Spring to").contains("The Lancet. 1998 Spring-Summer;3."), "{v:?}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "The colour").starts_with("Gawande, A. (2019, May 5–11). "), "{apa:?}");
    assert!(common::reference(&apa, "Spring to").starts_with("Adjei, K. (1998, Spring–Summer). "), "{apa:?}");
    let harvard = w.references("harvard");
    assert!(common::reference(&harvard, "The colour").contains("The New Yorker, 5–11 May, pp. 34–41."), "{harvard:?}");
    let ama = w.references("ama");
    assert!(common::reference(&ama, "The colour").contains("The New Yorker. May 5-11, 2019;95(12):34-41."), "{ama:?}");
    let chicago = w.references("chicago");
    assert!(common::reference(&chicago, "The colour").contains("The New Yorker, May 5–11."), "{chicago:?}");
}
