//! Issues 12 and 13 (lead, r12), through the binary: search finds a word of
//! a language canon has no stemmer for in another inflected form (Russian
//! case endings, Hebrew's joined article and plural).

mod common;

use common::workdir;

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
    assert!(common::reference(&v, "Season range").contains("Hastings Cent Rep. 1998 Summer-Fall;28(3):5-9."), "{v:?}");
    assert!(common::reference(&v, "The colour").contains("The New Yorker. 2019 May 5-11;95(12):34-41."), "{v:?}");
    assert!(common::reference(&v, "Spring to").contains("The Lancet. 1998 Spring-Summer;3."), "{v:?}");
    let apa = w.references("apa");
    assert!(common::reference(&apa, "The colour").starts_with("Gawande, A. (2019, May 5–11). "), "{apa:?}");
    // A journal article is cited by its year alone in APA 7 (§10.1), whatever
    // season its issue names; the magazine above keeps its days.
    assert!(common::reference(&apa, "Spring to").starts_with("Adjei, K. (1998). "), "{apa:?}");
    let harvard = w.references("harvard");
    assert!(common::reference(&harvard, "The colour").contains("The New Yorker, 5–11 May, pp. 34–41."), "{harvard:?}");
    let ama = w.references("ama");
    assert!(common::reference(&ama, "The colour").contains("The New Yorker. May 5-11, 2019;95(12):34-41."), "{ama:?}");
    let chicago = w.references("chicago");
    assert!(common::reference(&chicago, "The colour").contains("The New Yorker, May 5–11."), "{chicago:?}");
}

/// A sentence canon composes that opens with a user's Arabic theme name
/// ("الطب العربي has 0 approved readings; …") is English, set left to right
/// with the name as a right-to-left run at its start (tester r12: the
/// whole cell was set from the right, its English words out of order).
#[test]
fn a_sentence_opening_with_an_arabic_theme_name_reads_left_to_right() {
    let w = workdir();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         MBBS,1,AR101,History,Medicine in Baghdad,Describe the hospitals of Baghdad\n\
         MBBS,2,AR201,Practice,Clinical skills,Take a history\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&["theme", "add", "arab-med", "--name", "الطب العربي", "--keyword", "Baghdad", "--by", "t"]);
    w.ok(&["tag", "AR101/Medicine in Baghdad", "arab-med", "--by", "t"]);
    w.ok(&["report", "r.pdf", "--theme", "arab-med"]);
    let Some(ws) = common::pdf_words(&w.path("r.pdf")) else { return };
    let arabic = |t: &str| t.chars().any(|c| matches!(c as u32, 0x0600..=0x06FF));
    let mid = |x: &common::Word| (x.y0 + x.y1) / 2.0;
    // "الطب العربي is taught only in year 1…": on each such line the name
    // stands just left of "is", where a right-to-left paragraph sets it at
    // the line's right end.
    let left_of = |w: &common::Word| {
        ws.iter()
            .filter(|x| x.page == w.page && (mid(x) - mid(w)).abs() < 3.0 && x.x1 <= w.x0 + 0.5)
            .max_by(|a, b| a.x1.total_cmp(&b.x1))
    };
    let mut lines = 0;
    for taught in ws.iter().filter(|x| x.text == "taught") {
        let Some(is) = left_of(taught).filter(|x| x.text == "is") else { continue };
        let before = left_of(is).map(|x| x.text.as_str()).unwrap_or_default();
        // Set from the right, the Findings row's cell began "is taught"
        // beside the Severity column, its name moved to the line's end.
        assert!(!matches!(before, "High" | "Medium" | "Low"), "\"is taught\" opens a row's cell after {before:?}");
        if arabic(before) {
            lines += 1;
        }
    }
    // The key finding and the Findings table's row (the row's cell opens
    // with the name: set from the right, "is taught" ended its line's right
    // end and the name stood at the other).
    assert!(lines >= 2, "{lines} lines with the theme's name just before \"is taught\"");
}

/// A range of days or seasons typed in `reading add --year` or `reading edit
/// --year` is stored whole, as an import stores it (tester r12: its end was
/// dropped without a word).
#[test]
fn a_typed_range_of_days_or_seasons_is_kept_whole() {
    let w = workdir();
    let date = |id: &str| {
        let v = w.json(&["reading", "show", id, "--format", "json"]);
        (v["month"].as_i64(), v["day"].as_i64(), v["day_end"].as_i64(), v["season_end"].as_str().map(String::from))
    };
    let a = w.ok(&["reading", "add", "--title", "Days", "--year", "1998 May 3-5", "--by", "t"]).trim().to_string();
    assert_eq!(date(&a), (Some(5), Some(3), Some(5), None));
    let b =
        w.ok(&["reading", "add", "--title", "Seasons", "--year", "Summer-Fall 1998", "--by", "t"]).trim().to_string();
    assert_eq!(date(&b), (None, None, None, Some("autumn".into())));
    w.ok(&["reading", "edit", &b, "--year", "May 5-11, 2019", "--by", "t"]);
    assert_eq!(date(&b), (Some(5), Some(5), Some(11), None));
    // A date typed without a range drops the old one's end.
    w.ok(&["reading", "edit", &b, "--year", "2019 May 5", "--by", "t"]);
    assert_eq!(date(&b), (Some(5), Some(5), None, None));
}

/// A name typed with braces, as the README and canon's exports write a
/// particle or a family name, is the name a CSV cell gives (tester r12: the
/// braces were stored and printed).
#[test]
fn a_typed_author_with_braces_is_read_as_a_cell_reads_it() {
    let w = workdir();
    let id = w
        .ok(&[
            "reading",
            "add",
            "--title",
            "Fables",
            "--author",
            "Jean de La {Fontaine}",
            "--author",
            "Van {Gogh}, Vincent",
            "--author",
            "{World Health Organization}",
            "--by",
            "t",
        ])
        .trim()
        .to_string();
    let v = w.json(&["reading", "show", &id, "--format", "json"]);
    let n = &v["author_names"];
    assert_eq!(
        (n[0]["family"].as_str(), n[0]["particle"].as_str(), n[0]["given"].as_str()),
        (Some("Fontaine"), Some("de La"), Some("Jean"))
    );
    assert_eq!(
        (n[1]["family"].as_str(), n[1]["particle"].as_str(), n[1]["given"].as_str()),
        (Some("Gogh"), Some("Van"), Some("Vincent"))
    );
    assert_eq!(n[2]["literal"].as_str(), Some("World Health Organization"));
    assert!(!v["authors"].to_string().contains(['{', '}']), "no brace stored: {}", v["authors"]);
}

/// A BibTeX `note` that is only a publication state ("in press", "to
/// appear"), on an entry without a year, is the work's state, as `year = {in
/// press}` is: "in press" in APA, never "n.d." (tester r12). A note with more
/// than the state stays the annotation.
#[test]
fn a_note_that_only_says_in_press_is_the_state() {
    let w = workdir();
    w.import_reading(
        "p.bib",
        "@article{a, author = {Osei, Ama}, title = {Pressed work}, journal = {J}, note = {In press.}}\n\
         @article{b, author = {Osei, Kofi}, title = {Appearing work}, journal = {J}, note = {to appear}}\n\
         @article{c, author = {Osei, Kwame}, title = {Noted work}, journal = {J}, year = {2019}, note = {in press}}\n\
         @article{d, author = {Osei, Yaw}, title = {Annotated work}, journal = {J}, note = {in press at the Lancet, 2024}}\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Pressed work");
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str(), r["annotation"].as_str()), (None, Some("in press"), None));
    let r = common::reading(&list, "Appearing work");
    assert_eq!(r["year_note"].as_str(), Some("to appear"), "{r}");
    // With a year the note stays a note, as before.
    let r = common::reading(&list, "Noted work");
    assert_eq!((r["year"].as_i64(), r["annotation"].as_str()), (Some(2019), Some("in press")), "{r}");
    let r = common::reading(&list, "Annotated work");
    assert_eq!(
        (r["year_note"].as_str(), r["annotation"].as_str()),
        (None, Some("in press at the Lancet, 2024")),
        "{r}"
    );
    let apa = w.references("apa");
    assert!(common::reference(&apa, "Pressed work").starts_with("Osei, A. (in press)."), "{apa:?}");
}
