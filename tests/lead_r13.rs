//! Issues 12 and 13 (lead, r13), through the binary: advice that builds on
//! the Bloom level a theme already reaches, ...

mod common;

use common::{Workdir, workdir};

/// The "return to it later" step of every year gap, not-revisited gap and
/// finding of a theme taught in year 1 only, for a year-1 session with
/// `outcome`.
fn return_steps(outcome: &str) -> Vec<String> {
    let w = workdir();
    let csv = format!(
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBChB,1,MED101,Genes and populations,Human genetic variation and the myth of biological race,\"{outcome}\",epistemic-bias\n\
         MBChB,1,MED102,Anatomy,Upper limb,Describe the brachial plexus,\n\
         MBChB,2,MED201,Cardiology,Heart failure,Explain the causes of heart failure,\n\
         MBChB,3,MED301,Surgery,Hernia repair,Describe the inguinal canal,\n"
    );
    let p = w.write("m.csv", csv);
    w.ok(&["import", "modules", p.to_str().unwrap(), "-q"]);
    let mut out: Vec<String> = w
        .json(&["gaps", "--format", "json", "--theme", "epistemic-bias"])
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["suggestion"].as_str().unwrap().to_string())
        .filter(|s| s.starts_with("Return to"))
        .collect();
    for f in w.json(&["gaps", "--findings", "--format", "json"]).as_array().unwrap() {
        if f["theme"] == "epistemic-bias" && f["kind"] == "theme-years" {
            out.push(f["next_step"].as_str().unwrap().to_string());
        }
    }
    // Two year gaps, the not-revisited gap and the finding.
    assert_eq!(out.len(), 4, "{out:#?}");
    out
}

/// Tester r13 (issue 13, P2): a theme whose only sessions already critique
/// the evidence was to be returned to "at a higher level (apply it to cases,
/// critique the evidence)", a level below the one taught. The step now
/// starts from the level reached, in the gaps and in the finding alike.
#[test]
fn the_step_to_return_to_a_theme_builds_on_the_level_it_reaches() {
    for s in return_steps("Critique the use of race as a proxy for ancestry") {
        assert!(!s.contains("apply it to cases") && !s.contains("higher level"), "{s}");
        assert!(s.contains("building on year 1, where it already reaches the evaluate level"), "{s}");
    }
    for s in return_steps("Apply population genetics to a case of suspected sickle cell disease") {
        assert!(s.contains("at a higher level (analyse cases, critique the evidence)"), "{s}");
    }
    for s in return_steps("Describe human genetic variation") {
        assert!(s.contains("at a higher level (apply it to cases, critique the evidence)"), "{s}");
    }
}

/// Tester r13 (issue 13, P5): findings equal in severity, weight and kind
/// (three shallow themes) came in the themes' alphabetical order, so F1 was
/// G2; they now follow their gaps' order, which the methods page states.
#[test]
fn findings_equal_in_rank_follow_the_order_of_their_gaps() {
    let w = workdir();
    let p = w.write(
        "s.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         P,1,M1,Mod one,Session A,Describe the history of medicine; List the causes,historical-awareness; epistemic-bias; intersectional-health\n\
         P,1,M2,Mod two,Session B,Recall the facts,historical-awareness; epistemic-bias; intersectional-health\n",
    );
    w.ok(&["import", "modules", p.to_str().unwrap(), "-q"]);
    let shallow: Vec<(String, u64)> = w
        .json(&["gaps", "--findings", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "shallow-theme")
        .map(|f| {
            let g = f["gaps"][0].as_str().unwrap().trim_start_matches('G').parse().unwrap();
            (f["id"].as_str().unwrap().to_string(), g)
        })
        .collect();
    assert_eq!(shallow.len(), 3, "{shallow:?}");
    assert!(shallow.windows(2).all(|p| p[0].1 < p[1].1), "findings out of their gaps' order: {shallow:?}");
    w.ok(&["report", "r.pdf"]);
    let text = common::pdf_text(&w.path("r.pdf")).join("\n").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("in the order of their first gap in the Gaps section"),
        "the methods page states the tie rule"
    );
    // The glossary's name of a kind is its heading's singular.
    assert!(text.contains("Tagged session without a reading"), "{text}");
    assert!(!text.contains("Session without a reading ("), "{text}");
}

/// Tester r13 (issue 13, P9): with more than five readings holding a
/// character no bundled font draws, the report named five and said "and 2
/// more like these". Every one is named now.
#[test]
fn every_reading_with_a_character_no_font_draws_is_named() {
    let w = workdir();
    w.ok(&["import", "modules", &common::sample("modules.csv"), "-q"]);
    let titles = [
        "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ health",
        "ភាសាខ្មែរ medicine",
        "བོད་ཡིག clinic",
        "සිංහල care",
        "ਗੁਰਮੁਖੀ study",
        "ພາສາລາວ history",
        "Ogham ᚛ᚑᚌᚐᚋ᚜ note",
    ];
    let mut csv = String::from("title,authors,year,themes,status\n");
    for (i, t) in titles.iter().enumerate() {
        csv.push_str(&format!("{t},\"Author, A{i}\",2020,epistemic-bias,approved\n"));
    }
    w.import_reading("r.csv", &csv);
    let err = w.ok_stderr(&["report", "r.pdf"]);
    let named = titles.iter().filter(|t| err.contains(*t)).count();
    assert!(!err.contains("more like these"), "{err}");
    // Each reading that still has a box is named (a script a bundled font
    // draws would give no warning at all).
    let boxed = err.lines().filter(|l| l.contains("no font")).count();
    assert!(boxed >= 6, "{err}");
    assert_eq!(named, boxed, "every warning names its reading: {err}");
}

/// Tester r13 (issue 12, P2): a second row of one work in the same file
/// (same ISBN or DOI) filled blanks only, and what else it said was dropped
/// without a word: the subtitle, a longer author list, another edition's
/// year and publisher. The entry now takes what is fuller, and every other
/// differing value is a warning naming both lines; nothing is silent.
#[test]
fn a_duplicate_row_in_one_file_enriches_the_entry_or_says_what_differs() {
    let w = workdir();
    let out = w.ok_stderr(&[
        "import",
        "reading",
        w.write(
            "more.bib",
            "@book{b1, author = {Achebe, Chinua}, title = {Things Fall Apart}, year = 1958, publisher = {Heinemann}, \
             address = {London}, isbn = {0-385-47454-7}}\n\
             @book{b2, author = {Achebe, Chinua}, title = {Things fall apart}, year = 1994, publisher = {Anchor}, \
             isbn = {978-0-385-47454-2}}\n",
        )
        .to_str()
        .unwrap(),
    ]);
    assert!(
        out.contains("more.bib:2:")
            && out.contains("(line 1) earlier in this file")
            && out.contains("publisher \"Anchor\" (kept \"Heinemann\")")
            && out.contains("year 1994 (kept 1958)"),
        "{out}"
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Things Fall Apart");
    assert_eq!((r["year"].as_i64(), r["publisher"].as_str()), (Some(1958), Some("Heinemann")));

    // The fuller title and author list of the second row are taken, and
    // said (tester r14, P6: they changed without a word; this test asserted
    // no warning before); a value it leaves empty (the place) erases nothing.
    let out = w.ok_stderr(&[
        "import",
        "reading",
        w.write(
            "isbn.csv",
            "title,authors,year,type,isbn,publisher,place,edition\n\
             Medical Apartheid,\"Washington, Harriet A.\",2006,book,978-0-385-50993-0,Doubleday,New York,\n\
             Medical apartheid: the dark history,\"Washington, Harriet A.; Doe, J.\",2006,book,978-0-385-50993-0,Doubleday,,1st\n",
        )
        .to_str()
        .unwrap(),
    ]);
    assert!(
        out.contains("isbn.csv:3:")
            && out.contains("taken from this row as fuller: ")
            && out.contains("title \"Medical apartheid: the dark history\" (was \"Medical Apartheid\")")
            && out.contains("authors \"Washington, Harriet A.; Doe, J.\" (was \"Washington, Harriet A.\")")
            && !out.contains("not taken"),
        "{out}"
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Medical apartheid");
    assert_eq!(r["title"], "Medical apartheid: the dark history");
    assert_eq!(r["authors"].as_array().map(Vec::len), Some(2), "{r}");
    assert_eq!((r["place"].as_str(), r["edition"].as_str()), (Some("New York"), Some("1st")), "{r}");

    // A dry run says the same and writes nothing.
    let w2 = Workdir::new();
    let out = w2.ok_stderr(&[
        "import",
        "reading",
        w2.write("m.bib", std::fs::read(w.path("more.bib")).unwrap()).to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(out.contains("year 1994 (kept 1958)"), "{out}");
    assert!(!w2.db().exists());
}

/// Tester r13 (issue 13, P10): "COVID19" found nothing of "COVID-19", and an
/// Arabic word without its article ("طب") did not find "الطب" although the
/// Hebrew article was already taken off.
#[test]
fn search_joins_letters_and_digits_and_takes_off_the_arabic_article() {
    let w = workdir();
    w.import_reading(
        "q.csv",
        "title,authors,year\n\
         COVID-19 and racial disparities,\"Ali, Sara\",2021\n\
         القانون في الطب,\"ابن سينا\",1025\n\
         والطب في التاريخ,\"Kamal, A\",1990\n\
         الطبيعة والإنسان,\"Kamal, B\",1991\n\
         Vaccines at scale,\"Osei, K\",2020\n",
    );
    for q in ["COVID19", "covid19", "COVID-19"] {
        assert_eq!(w.search_titles(q), vec!["COVID-19 and racial disparities".to_string()], "{q}");
    }
    for q in ["طب", "الطب"] {
        let mut got = w.search_titles(q);
        got.sort();
        assert_eq!(got, vec!["القانون في الطب".to_string(), "والطب في التاريخ".to_string()], "{q}");
    }
}

/// Tester r13 (issue 12, P1): a plain count in the pages of a whole work
/// from a spreadsheet or BibTeX was cited as a page ("Medical Apartheid (p.
/// 501)", "Doubleday; 2006:501"). It is the work's number of pages, said in
/// a warning, and printed only by the styles that print one ("501 p.").
#[test]
fn a_plain_count_in_a_whole_works_pages_is_its_number_of_pages() {
    let w = workdir();
    let out = w.import_reading(
        "bk.csv",
        "title,authors,year,type,publisher,place,pages\n\
         Medical Apartheid,\"Washington, Harriet A.\",2006,book,Doubleday,New York,501\n\
         Colonial hospitals,\"Ngata, Wiremu\",2010,chapter,Pub,Here,33-45\n\
         A report on pages,\"Okafor, Ada\",2019,report,WHO,Geneva,xii+120\n",
    );
    assert!(out.contains("bk.csv:2:") && out.contains("pages \"501\" of a book read as its number of pages"), "{out}");
    w.import_reading(
        "bk.bib",
        "@book{k, author={Farmer, Paul}, title={Infections and Inequalities}, year=2001, publisher={UC Press}, pages={375}}\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Medical Apartheid");
    assert_eq!((r["page_count"].as_str(), r.get("pages").and_then(|p| p.as_str())), (Some("501"), None), "{r}");
    assert_eq!(common::reading(&list, "Colonial hospitals")["pages"], "33-45");
    assert_eq!(common::reading(&list, "Infections")["page_count"], "375");
    for style in ["apa", "ama", "harvard", "chicago", "vancouver"] {
        let refs = w.references(style);
        for t in ["Medical Apartheid", "Infections and Inequalities"] {
            let r = common::reference(&refs, t);
            assert!(
                !r.contains("p. 501") && !r.contains(":501") && !r.contains("p. 375") && !r.contains(":375"),
                "{style}: {r}"
            );
        }
    }
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Medical Apartheid").contains("501 p."), "{refs:?}");
}

/// Tester r13 (issue 12, P10): dates whose month or day was dropped in
/// silence. A day-first or month-first date is read when its order cannot
/// be mistaken and named when it can; a number where the month goes that is
/// no month is named; an EDTF season ("2010-22") is not called a range of
/// years.
#[test]
fn numeric_dates_are_read_when_sure_and_named_when_not() {
    let w = workdir();
    let out = w.import_reading(
        "y.csv",
        "title,authors,year\n\
         Day first,\"X, A\",15/03/2019\n\
         Month first,\"X, B\",3/15/2019\n\
         Either way,\"X, C\",03/04/2019\n\
         Dotted,\"X, D\",15.03.2019\n\
         Same both,\"X, F\",04/04/2019\n\
         No month,\"X, G\",2019-13\n",
    );
    assert!(
        out.contains(
            "y.csv:4:3: warning: the month and day in \"03/04/2019\" not stored: it may be 3 April or 4 March"
        ),
        "{out}"
    );
    assert!(out.contains("y.csv:7:3: warning: the month in \"2019-13\" not stored: 13 is no month"), "{out}");
    let list = w.reading_list();
    for (t, m, d) in [("Day first", 3, 15), ("Month first", 3, 15), ("Dotted", 3, 15), ("Same both", 4, 4)] {
        let r = common::reading(&list, t);
        assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2019), Some(m), Some(d)), "{t}");
    }
    assert!(common::reading(&list, "Either way")["month"].is_null());

    let out = w.import_reading(
        "m.json",
        r#"[{"id":"x","type":"article-journal","title":"Month seventeen","author":[{"family":"Q","given":"R"}],"issued":{"date-parts":[[2019,17]]}}]"#,
    );
    // The value as the file writes it (CSL-JSON's date-parts), since r33.
    assert!(
        out.contains("m.json:1:101: warning: in item `x`: the month in issued [2019, 17] not stored: 17 is no month"),
        "{out}"
    );
    let out =
        w.import_reading("s.bib", "@article{a, author={X, Y}, title={Summer issue}, journal={J}, date={2010-22}}\n");
    assert!(!out.contains("runs from"), "{out}");
    assert_eq!(common::reading(&w.reading_list(), "Summer issue")["season"], "summer");
}

/// Tester r13 (issue 13, P12): a module with no theme was advised twice, in
/// two ways: "review and tag" in its own gap, and "bring the theme into a
/// session" in its row of module gaps. The row now points to its own gap
/// first.
#[test]
fn a_module_with_no_theme_is_reviewed_first_in_its_module_gap_row() {
    let w = workdir();
    w.ok(&["import", "modules", &common::sample("modules.csv"), "-q"]);
    w.ok(&["report", "r.json"]);
    w.ok(&["report", "r.pdf"]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(w.path("r.json")).unwrap()).unwrap();
    let text = common::pdf_text(&w.path("r.pdf")).join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    let gaps = v["gaps"].as_array().unwrap();
    let mut checked = 0;
    for u in gaps.iter().filter(|g| g["kind"] == "untagged-module") {
        if gaps.iter().any(|g| g["kind"] == "module-gap" && g["scope"] == u["scope"]) {
            let id = u["id"].as_str().unwrap();
            assert!(text.contains(&format!("First {id} (the module has no theme")), "{id} not pointed to");
            checked += 1;
        }
    }
    assert!(checked >= 10, "the samples have 14 modules with no theme: {checked}");
}
