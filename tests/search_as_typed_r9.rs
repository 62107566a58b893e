//! `canon search` takes British and American spellings as one word, as
//! `suggest` and the proposals do, and its filters as options too: an option
//! it does not have is refused, never searched for as words.

mod common;

use common::Workdir;

fn db() -> Workdir {
    let w = Workdir::new();
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               MBBS,1,MED1,Foundations,Haematology of the newborn,Describe anaemia in infancy,\n\
               MBBS,1,MED1,Foundations,Colour and skin tone in diagnosis,Recognise cyanosis,\n\
               MBBS,2,MED2,Systems,Hypoxemia and pulse oximetry,Interpret saturation,epistemic-bias\n\
               MBBS,2,MED2,Systems,Gynecology clinic,Take a history,\n";
    let f = w.write("m.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    w.import_reading(
        "r.csv",
        "title,authors,year,themes\n\
         Decolonising global health,\"Abimbola, Seye\",2020,epistemic-bias\n\
         Decolonizing methodologies,\"Smith, Linda Tuhiwai\",1999,epistemic-bias\n\
         Paediatric care in the colonial archive,\"Arnold, David\",1993,historical-awareness\n",
    );
    w
}

#[test]
fn either_spelling_finds_both() {
    let w = db();
    let both = ["Decolonising global health", "Decolonizing methodologies"];
    assert_eq!(w.search_titles("decolonizing"), both);
    assert_eq!(w.search_titles("decolonising"), both);
    assert_eq!(w.search_titles("Decolonising"), both);
    assert_eq!(w.search_titles("hematology"), ["Haematology of the newborn"]);
    assert_eq!(w.search_titles("anemia"), ["Haematology of the newborn"]);
    assert_eq!(w.search_titles("hypoxaemia"), ["Hypoxemia and pulse oximetry"]);
    assert_eq!(w.search_titles("gynaecology"), ["Gynecology clinic"]);
    assert_eq!(w.search_titles("color"), ["Colour and skin tone in diagnosis"]);
    assert_eq!(w.search_titles("pediatric"), ["Paediatric care in the colonial archive"]);
    // A phrase, a word left out, and a word beside another keep their meaning.
    assert_eq!(w.search_titles("\"colour and skin\""), ["Colour and skin tone in diagnosis"]);
    assert_eq!(w.search_titles("decolonizing -methodologies"), ["Decolonising global health"]);
    assert_eq!(w.search_titles("decolonizing global"), ["Decolonising global health"]);
    // The snippet marks the word as the text spells it.
    let v = w.json(&["search", "decolonizing", "--format", "json"]);
    let snippets: Vec<&str> = v.as_array().unwrap().iter().map(|h| h["snippet"].as_str().unwrap()).collect();
    assert!(snippets.iter().any(|s| s.contains("«Decolonising»")), "{snippets:?}");
}

#[test]
fn filters_are_options_too_and_an_unknown_option_is_refused() {
    let w = db();
    let tagged = w.json(&["search", "decolonizing", "--theme", "epistemic-bias", "--format", "json"]);
    assert_eq!(tagged.as_array().unwrap().len(), 2, "{tagged}");
    let none = w.json(&["search", "paediatric", "--theme", "epistemic-bias", "--format", "json"]);
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");
    // As options before the query, after it, or in it: the same answer.
    let a = w.ok(&["search", "--year", "2", "oximetry", "--format", "csv"]);
    let b = w.ok(&["search", "oximetry", "--year", "2", "--format", "csv"]);
    let c = w.ok(&["search", "oximetry year:2", "--format", "csv"]);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert!(a.contains("Hypoxemia and pulse oximetry"), "{a}");
    assert!(!w.ok(&["search", "oximetry", "--year", "1", "--format", "csv"]).contains("Hypoxemia"));
    for bad in [vec!["search", "race", "--programme", "MBBS"], vec!["search", "race-based", "--bogus"]] {
        let err = w.fails(&bad);
        let opt = bad.iter().find(|a| a.starts_with("--")).unwrap();
        assert!(err.contains(&format!("search has no option \"{opt}\"")), "{bad:?}: {err}");
        assert!(err.contains("--theme THEME, --year N"), "{err}");
    }
    let err = w.fails(&["search", "race", "--theme", "epistemic-bias", "theme:historical-awareness"]);
    assert!(err.contains("disagree"), "{err}");
    let err = w.fails(&["search", "race", "--theme", "nonsense"]);
    assert!(err.contains("unknown theme \"nonsense\""), "{err}");
    // A word left out is still one dash.
    assert_eq!(w.search_titles("decolonising -global"), ["Decolonizing methodologies"]);
}
