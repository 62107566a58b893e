//! Testers r70 and r71, through the binary: importing the same work twice
//! (a second list, a re-import, another member's export) never makes the
//! stored record poorer, and re-running the same imports changes nothing.

mod common;

use common::{Workdir, reading, reference, workdir};

fn authors(w: &Workdir, title: &str) -> Vec<String> {
    let list = w.reading_list();
    reading(&list, title)["authors"]
        .as_array()
        .unwrap_or_else(|| panic!("no authors: {list}"))
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

const MI1: &str = "title,authors,year,type,container\n\
    Middle initials test,\"Farmer, P. E.; Kim, J. Y.; Osei, Jane Abena\",2015,article,BMJ\n";
const MI2: &str = "title,authors,year,type,container\n\
    Middle initials test,\"Farmer, Paul; Kim, Jim; Osei, J. A.\",2015,article,BMJ\n";

/// Tester r70 F16: "Farmer, P. E." and "Farmer, Paul" gave "Farmer,
/// Paul", the middle initial lost unsaid (Vancouver "Farmer P" for "Farmer
/// PE"). Each person keeps the fuller form of every given name, in either
/// order, and a re-import changes nothing.
#[test]
fn full_first_names_keep_the_stored_middle_initials_in_either_order() {
    for (first, second) in [(MI1, MI2), (MI2, MI1)] {
        let w = workdir();
        w.import_reading("a.csv", first);
        let err = w.import_reading("b.csv", second);
        assert!(err.contains("Farmer, Paul E.; Kim, Jim Y.; Osei, Jane Abena"), "{err}");
        assert_eq!(authors(&w, "Middle"), ["Farmer, Paul E.", "Kim, Jim Y.", "Osei, Jane Abena"]);
        let refs = w.references("vancouver");
        assert!(reference(&refs, "Middle").starts_with("Farmer PE, Kim JY, Osei JA."), "{refs:?}");
        for f in ["a.csv", "b.csv"] {
            let p = w.path(f);
            let again = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
            assert!(again.contains("0 changed, 1 unchanged"), "{again}");
        }
        assert_eq!(authors(&w, "Middle"), ["Farmer, Paul E.", "Kim, Jim Y.", "Osei, Jane Abena"]);
    }
}

/// The same in every format: BibTeX's "Lind, T. R." and a spreadsheet's
/// "Lind, Tomas" (tester r70: "Mensah KA Jr, Lind T."); RIS initials without
/// stops; MEDLINE's run of initials ("Farmer PE"); an editor's and a
/// translator's names too.
#[test]
fn middle_initials_survive_in_every_format_and_role() {
    let w = workdir();
    w.import_reading(
        "n.bib",
        "@article{m, author = {Mensah, Jr., Kofi A. and Lind, T. R.}, title = {Suffixes and initials}, \
         journal = {BMJ}, year = {2019}}\n",
    );
    w.import_reading(
        "m.csv",
        "title,authors,year,type,container\nSuffixes and initials,\"Mensah, Kofi; Lind, Tomas\",2019,article,BMJ\n",
    );
    assert_eq!(authors(&w, "Suffixes"), ["Mensah, Jr., Kofi A.", "Lind, Tomas R."]);

    w.import_reading(
        "p.nbib",
        "PMID- 1\nTI  - Runs of initials in MEDLINE.\nDP  - 2020\nAU  - Farmer PE\nAU  - Kim JY\nTA  - Lancet\n",
    );
    w.import_reading("r.ris", "TY  - JOUR\nTI  - Runs of initials in MEDLINE\nPY  - 2020\nAU  - Farmer, Paul\nAU  - Kim, Jim\nJO  - Lancet\nER  - \n");
    assert_eq!(authors(&w, "Runs of"), ["Farmer, Paul E.", "Kim, Jim Y."]);

    let book = |eds: &str, trs: &str| {
        format!(
            "[{{\"id\":\"b\",\"type\":\"book\",\"title\":\"Roles keep their initials\",\"publisher\":\"Zone Books\",\
             \"issued\":{{\"date-parts\":[[2001]]}},\"author\":[{{\"family\":\"Osei\",\"given\":\"Ama\"}}],\
             \"editor\":[{eds}],\"translator\":[{trs}]}}]"
        )
    };
    w.import_reading(
        "b1.json",
        &book(r#"{"family":"Braun","given":"L. K."}"#, r#"{"family":"Philcox","given":"R. J."}"#),
    );
    w.import_reading(
        "b2.json",
        &book(r#"{"family":"Braun","given":"Lundy"}"#, r#"{"family":"Philcox","given":"Richard"}"#),
    );
    let list = w.reading_list();
    let r = reading(&list, "Roles keep");
    let names = |k: &str| r[k].to_string();
    assert!(names("editor_names").contains("Braun, Lundy K."), "{r}");
    assert!(names("translator_names").contains("Philcox, Richard J."), "{r}");
}

/// A given name that does not agree with the stored one word for word
/// ("Paul" and "Peter E.") is not blended into a name no source wrote;
/// the same letters written another way ("PE" and "P. E.") add nothing.
#[test]
fn given_names_that_disagree_are_not_blended() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container\nBlend test,\"Farmer, Peter E.; Kim, J. Y.\",2015,article,BMJ\n",
    );
    w.import_reading(
        "b.csv",
        "title,authors,year,type,container\nBlend test,\"Farmer, Paul; Kim, JY\",2015,article,BMJ\n",
    );
    let a = authors(&w, "Blend");
    assert_eq!(a[0], "Farmer, Peter E.", "{a:?}");
    assert!(a[1] == "Kim, J. Y." || a[1] == "Kim, JY", "{a:?}");
}

const WHO_JSON: &str = r#"[{"id":"who2008","type":"report","title":"Closing the gap in a generation: health equity through action on the social determinants of health","publisher":"World Health Organization","publisher-place":"Geneva","author":[{"literal":"Commission on Social Determinants of Health"}],"issued":{"raw":"2008"},"ISBN":"9789241563703"}]"#;
const WHO_CSV: &str = "title,authors,year,type,publisher,place,isbn\n\
    Closing the gap in a generation: health equity through action on the social determinants of health,\
    World Health Organization,2008,report,World Health Organization,Geneva,9789241563703\n";

/// Tester r71 F9: two organisations as the author of one report (same
/// ISBN) replaced each other at every import, and the report's author
/// depended on the order of import. The stored one stays, said with the
/// `reading edit` that takes the file's; re-running changes nothing.
#[test]
fn another_organisation_as_author_never_flips_the_stored_one() {
    for (first, second, kept, other) in [
        (
            ("w.json", WHO_JSON),
            ("w.csv", WHO_CSV),
            "Commission on Social Determinants of Health",
            "World Health Organization",
        ),
        (
            ("w.csv", WHO_CSV),
            ("w.json", WHO_JSON),
            "World Health Organization",
            "Commission on Social Determinants of Health",
        ),
    ] {
        let w = workdir();
        w.import_reading(first.0, first.1);
        let err = w.import_reading(second.0, second.1);
        assert!(err.contains(&format!("kept {kept:?} (the file has {other:?}, another name in its place")), "{err}");
        assert!(err.contains(&format!("--author \"{{{other}}}\"")), "{err}");
        assert_eq!(authors(&w, "Closing the gap"), [kept]);
        for (name, _) in [first, second, first, second] {
            let p = w.path(name);
            let dry = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--dry-run"]);
            assert!(dry.contains("0 changed, 1 unchanged"), "{dry}");
            w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
        }
        assert_eq!(authors(&w, "Closing the gap"), [kept]);
        let refs = w.references("apa");
        assert!(reference(&refs, "Closing the gap").starts_with(kept), "{refs:?}");
    }
}

/// The same for people: a list of one length naming another person in a
/// stored person's place keeps the stored one (said); the same person in a
/// fuller form is still taken.
#[test]
fn another_person_in_a_stored_place_is_kept_and_said() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\nPlaces,\"Smith, J.; Doe, Ann\",2020,article,BMJ,10.1000/pl.1\n",
    );
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,container,doi\nPlaces,\"Smith, John; Roe, Bea\",2020,article,BMJ,10.1000/pl.1\n",
    );
    assert!(err.contains("kept \"Doe, Ann\" (the file has \"Roe, Bea\", another name in its place"), "{err}");
    assert!(err.contains("--author \"Smith, John\" --author \"Roe, Bea\""), "{err}");
    assert_eq!(authors(&w, "Places"), ["Smith, John", "Doe, Ann"]);
    let p = w.path("b.csv");
    let again = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(again.contains("0 changed, 1 unchanged"), "{again}");
    assert!(again.contains("another name in its place"), "still said: {again}");
}

const MENDELEY: &str = "Automatically generated by Mendeley Desktop 1.19.8\n\
---------------------------------------------------------\n\n\
@article{Bailey2017,\n\
author = {Bailey, Zinzi D. and Krieger, Nancy},\n\
doi = {10.1016/S0140-6736(17)30569-X},\n\
journal = {The Lancet},\n\
title = {{Structural racism and health inequities in the USA: evidence and interventions}},\n\
volume = {389},\n\
year = {2017}\n\
}\n\
@article{Nunez2022,\n\
author = {N{\\'{u}}{\\~{n}}ez-Smith, Marcella},\n\
journal = {BMJ},\n\
title = {{Decolonising the medical curriculum: a Nordic--Caribbean dialogue}},\n\
volume = {376},\n\
year = {2022},\n\
doi = {10.1136/bmj.o412}\n\
}\n\
@book{Crenshaw2019,\n\
author = {Crenshaw, Kimberl{\\'{e}} Williams},\n\
publisher = {The New Press},\n\
title = {{On Intersectionality: Essential Writings}},\n\
year = {2019}\n\
}\n";

/// Tester r71 F13: Mendeley Desktop wraps every title in double braces; the
/// wrap was read as "print exactly as written", so Chicago printed the
/// article titles in sentence case, and the protected copy replaced the
/// stored title. Read as ordinary titles, said at each title the braces
/// would have changed; Chicago prints headline case.
#[test]
fn mendeley_double_braces_are_not_case_protection() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{bailey, author = {Bailey, Zinzi D. and Krieger, Nancy}, title = {Structural Racism and Health \
         Inequities in the USA: Evidence and Interventions}, journal = {The Lancet}, volume = {389}, year = {2017}, \
         doi = {10.1016/S0140-6736(17)30569-X}}\n",
    );
    let err = w.import_reading("mendeley.bib", MENDELEY);
    assert!(err.contains("mendeley.bib:8:1: warning: in entry `Bailey2017`: title: the braces around the whole title are Mendeley Desktop's"), "{err}");
    assert!(err.contains("in entry `Nunez2022`: title: the braces"), "{err}");
    assert!(!err.contains("in entry `Crenshaw2019`: title"), "nothing changes for a title-case title: {err}");
    assert!(!err.contains("nocase"), "{err}");
    let list = w.reading_list();
    for t in ["Structural", "Decolonising", "On Intersectionality"] {
        assert!(!reading(&list, t)["title"].as_str().unwrap().contains("<span"), "{list}");
    }
    let refs = w.references("chicago");
    assert!(
        reference(&refs, "Structural")
            .contains("“Structural Racism and Health Inequities in the USA: Evidence and Interventions.”"),
        "{refs:?}"
    );
    assert!(
        reference(&refs, "Decolonising")
            .contains("“Decolonising the Medical Curriculum: A Nordic–Caribbean Dialogue.”"),
        "{refs:?}"
    );
    // Re-running either file changes nothing.
    for f in ["z.bib", "mendeley.bib"] {
        let p = w.path(f);
        let again = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
        assert!(again.contains("0 changed"), "{again}");
    }
}

/// Without Mendeley's header, a file whose every title (three or more) is
/// wrapped whole is read the same; a hand-made file that braces one title
/// whole still keeps that title's case (testers r55 F3, r59 F9).
#[test]
fn whole_title_braces_are_protection_only_where_chosen() {
    let w = workdir();
    let all = "@article{a, author = {Osei, Ama}, title = {{Wrapped one: a study}}, journal = {BMJ}, year = {2020}}\n\
               @article{b, author = {Osei, Ama}, title = {{Wrapped two: a study}}, journal = {BMJ}, year = {2020}}\n\
               @article{c, author = {Osei, Ama}, title = {{Wrapped three: a study}}, journal = {BMJ}, year = {2020}}\n";
    let err = w.import_reading("all.bib", all);
    assert!(err.contains("in entry `c`: title: the braces around the whole title are Mendeley Desktop's"), "{err}");
    let chosen = "@article{d, author = {Osei, Kojo}, title = {{The case against race-based eGFR}}, journal = {BMJ}, year = {2021}}\n\
                  @article{e, author = {Osei, Kojo}, title = {Another title}, journal = {BMJ}, year = {2021}}\n\
                  @article{f, author = {Osei, Kojo}, title = {{A third title}}, journal = {BMJ}, year = {2021}}\n";
    let err = w.import_reading("chosen.bib", chosen);
    assert!(!err.contains("Mendeley"), "{err}");
    let refs = w.references("chicago");
    assert!(reference(&refs, "Wrapped one").contains("“Wrapped One: A Study.”"), "{refs:?}");
    assert!(reference(&refs, "{The case").contains("“The case against race-based eGFR.”"), "{refs:?}");
}

/// Tester r71 F11: "(foreword)" after a name made that person a co-author,
/// and "(translated by)" was not read as "(trans.)" is. The writer of a
/// foreword, an introduction or a preface is no author: not stored, said
/// with the name; "(translated by)" and "(edited by)" give the role.
#[test]
fn a_role_in_parentheses_is_never_an_author() {
    let w = workdir();
    let err = w.import_reading(
        "t.csv",
        "title,authors,year,type,publisher\n\
         \"Sister Outsider: Essays and Speeches\",\"Lorde, Audre; Clarke, Cheryl (foreword)\",2007,book,Crossing Press\n\
         \"The Canon of Medicine, volume 1\",\"Ibn Sina; Bakhtiar, Laleh (ed.); Gruner, O. Cameron (translated by)\",1999,book,Kazi Publications\n\
         \"Black Skin, White Masks\",\"Fanon, Frantz; Sardar, Ziauddin (introduction); Philcox, Richard (translation by)\",2008,book,Grove Press\n\
         \"The Wretched of the Earth\",\"Fanon, Frantz; foreword by Homi K. Bhabha; Smith, Ann (edited by)\",2004,book,Grove Press\n",
    );
    assert!(
        err.contains("t.csv:2:2: warning: authors: \"Clarke, Cheryl (foreword)\" (the foreword's writer) not stored"),
        "{err}"
    );
    assert!(err.contains("\"Gruner, O. Cameron (translated by)\" as a translator"), "{err}");
    assert!(err.contains("\"Bakhtiar, Laleh (ed.)\" as an editor"), "{err}");
    assert!(err.contains("\"Sardar, Ziauddin (introduction)\" (the introduction's writer) not stored"), "{err}");
    assert!(err.contains("\"foreword by Homi K. Bhabha\" (the foreword's writer) not stored"), "{err}");
    assert!(err.contains("\"Smith, Ann (edited by)\" as an editor"), "{err}");
    assert_eq!(authors(&w, "Sister"), ["Lorde, Audre"]);
    assert_eq!(authors(&w, "The Canon"), ["Ibn Sina"]);
    assert_eq!(authors(&w, "Black Skin"), ["Fanon, Frantz"]);
    assert_eq!(authors(&w, "The Wretched"), ["Fanon, Frantz"]);
    let list = w.reading_list();
    assert!(reading(&list, "The Canon")["translator_names"].to_string().contains("Gruner"), "{list}");
    assert!(reading(&list, "Black Skin")["translator_names"].to_string().contains("Philcox"), "{list}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Sister").starts_with("Lorde A. Sister Outsider"), "{v:?}");
    assert!(reference(&v, "The Canon").contains("Gruner OC, translator"), "{v:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Sister").starts_with("Lorde, A. (2007)."), "{apa:?}");
}

/// An aside that is no role ("(Chi)", a nickname) stays in the name as
/// written, and the warning says the person is stored as an author.
#[test]
fn an_aside_warning_says_the_person_is_stored_as_an_author() {
    let w = workdir();
    let err = w.import_reading(
        "n.csv",
        "title,authors,year,type,container\nNicknames,\"Okafor, Chinwe (Chi); Osei, Ama\",2020,article,BMJ\n",
    );
    assert!(err.contains("author \"Okafor, Chinwe (Chi)\": (Chi) is not part of the name"), "{err}");
    assert!(err.contains("not printed; stored as an author"), "{err}");
}
