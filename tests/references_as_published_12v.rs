//! Issue 12 (12v), through the binary: references as the styles print them.
//! Year letters go to works whose references print the same authors and the
//! same date (not to different people who share a surname; to one person
//! whose given names are stored in two forms that print alike), undated and
//! in-press works included ("n.d.-a", "in press-b"); a report's number is a
//! report number, a book's number is not an issue; a book's and a chapter's
//! book's volume is printed; a journal's name is printed as the journal
//! spells it whatever the title; a magazine's article is cited as one. Every
//! output that prints references (JSON, CSV folder, flat CSV, workbook, PDF,
//! `reading show`) gives the same text.

mod common;

use std::collections::HashMap;

use common::{Workdir, reference, sample};

/// The readings of every kind this file tests, as BibTeX.
const BIB: &str = r#"
@article{ude1, author = {Ude, Daniel}, title = {Sickle cell care in Enugu}, journal = {BMJ}, year = {2013}, volume = {346}, pages = {f1-f2}}
@article{ude2, author = {Ude, Emeka}, title = {Malaria and the rural clinic}, journal = {Lancet}, year = {2013}, volume = {381}, pages = {10-12}}
@article{men1, author = {Mensah, Kofi A.}, title = {Hypertension in Kumasi}, journal = {BMJ}, year = {2020}, volume = {368}, pages = {m1}}
@article{men2, author = {Mensah, K. A.}, title = {Stroke after hypertension}, journal = {Lancet}, year = {2020}, volume = {395}, pages = {5-9}}
@article{ach1, author = {Achebe, Ngozi}, title = {Anatomy and race}, journal = {BMJ}, year = {2018}, volume = {360}, pages = {k1}}
@article{ach2, author = {Achebe, Ngozi}, title = {Bias in the wards}, journal = {BMJ}, year = {2018}, volume = {361}, pages = {k2}}
@article{ach3, author = {Achebe, Ngozi}, title = {Curricula and care}, journal = {BMJ}, year = {2018}, volume = {362}, pages = {k3}}
@article{osei1, author = {Osei, Kwame and Berg, Lena}, title = {Two authors first}, journal = {BMJ}, year = {2015}, volume = {350}, pages = {h1}}
@article{osei2, author = {Osei, Kwame and Berg, Mia}, title = {Two authors second}, journal = {BMJ}, year = {2015}, volume = {350}, pages = {h2}}
@article{osei3, author = {Osei, Ama}, title = {One author Osei}, journal = {BMJ}, year = {2015}, volume = {350}, pages = {h3}}
@article{ade1, author = {Ade, Bola}, title = {Pressing one}, journal = {BMJ}, year = {in press}}
@article{ade2, author = {Ade, Bola}, title = {Pressing two}, journal = {BMJ}, year = {in press}}
@article{ade3, author = {Ade, Bola}, title = {Undated one}, journal = {BMJ}}
@article{ade4, author = {Ade, Bola}, title = {Undated two}, journal = {BMJ}}
@article{ade5, author = {Ade, Bola}, title = {Coming soon}, journal = {BMJ}, year = {forthcoming}}
@article{ade6, author = {Ade, Tunde}, title = {Another Ade in press}, journal = {BMJ}, year = {in press}}
@techreport{who, author = {{World Health Organization}}, title = {Global tuberculosis report}, institution = {World Health Organization}, address = {Geneva}, number = {WHO/HTM/TB/2019.15}, year = {2019}}
@techreport{nice, author = {{National Institute for Health and Care Excellence}}, title = {Hypertension in adults}, institution = {NICE}, address = {London}, number = {136}, year = {2019}}
@book{numbook, author = {Farmer, Paul}, title = {Infections and inequalities}, publisher = {University of California Press}, address = {Berkeley}, number = {12}, year = {1999}}
@book{volbook, author = {Kleinman, Arthur}, title = {Writings at the margin}, publisher = {University of California Press}, address = {Berkeley}, volume = {2}, year = {1995}}
@incollection{volchap, author = {Nkosi, Thandiwe}, title = {A chapter in a second volume}, booktitle = {Handbook of global surgery}, editor = {Meara, John}, volume = {3}, pages = {10--30}, publisher = {Springer}, address = {Cham}, year = {2016}}
@article{plos, author = {Lind, Tove}, title = {Why pLoS matters to eLIFE readers}, journal = {PLoS ONE}, year = {2017}, volume = {12}, number = {3}, pages = {e0170001}}
@article{elife, author = {Lind, Tove}, title = {The ELIFE model of review}, journal = {eLife}, year = {2016}, volume = {5}, pages = {e1}}
@article{nejm, author = {Lind, Tove}, title = {Reading the nEJM at night}, journal = {NEJM Catalyst}, year = {2015}, volume = {1}, pages = {c1}}
@article{mag, author = {Gawande, Atul}, title = {The cost conundrum}, journaltitle = {The New Yorker}, entrysubtype = {magazine}, date = {2009-06-01}, pages = {36-44}}
"#;

/// A workspace with [`BIB`] imported.
fn workspace() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading("all.bib", BIB);
    w
}

const AUTHOR_DATE: [&str; 3] = ["apa", "chicago", "harvard"];

/// The date a reference prints with its letter: the year and what follows
/// it ("2013a"), or the text of its undated term with its letter.
fn dated(reference: &str, year: &str) -> String {
    let at = reference.find(year).unwrap_or_else(|| panic!("no {year} in {reference:?}"));
    reference[at..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect()
}

/// Everything a reference prints before its year ("Ude, D. (" in APA).
fn names(reference: &str, year: &str) -> String {
    reference[..reference.find(year).unwrap_or_else(|| panic!("no {year} in {reference:?}"))].to_string()
}

#[test]
fn letters_go_to_the_same_printed_authors_and_year_only() {
    let w = workspace();
    for style in AUTHOR_DATE {
        let refs = w.references(style);
        let r = |t: &str| reference(&refs, t).to_string();
        // Different people with one surname and year: told apart by their
        // names, no letters (APA 7 §8.19-8.20; Chicago 17 §15.19, §15.21).
        for t in ["Sickle cell", "Malaria and the rural", "Two authors first", "Two authors second", "One author Osei"]
        {
            let y = if t.contains("Osei") || t.starts_with("Two") { "2015" } else { "2013" };
            assert_eq!(dated(&r(t), y), y, "{style}: no letter in {:?}", r(t));
        }
        // One author, one year, three works: a, b, c in the list's order.
        let mut three: Vec<String> = ["Anatomy and race", "Bias in the wards", "Curricula and care"]
            .iter()
            .map(|t| dated(&r(t), "2018"))
            .collect();
        three.sort();
        assert_eq!(three, ["2018a", "2018b", "2018c"], "{style}");
        // "Kofi A." and "K. A." Mensah: letters exactly where they print alike.
        let (a, b) = (r("Hypertension in Kumasi"), r("Stroke after"));
        let alike = names(&a, "2020") == names(&b, "2020");
        let mut pair = vec![dated(&a, "2020"), dated(&b, "2020")];
        pair.sort();
        if alike {
            assert_eq!(pair, ["2020a", "2020b"], "{style}: {a:?} / {b:?}");
        } else {
            assert_eq!(pair, ["2020", "2020"], "{style}: {a:?} / {b:?}");
        }
        // APA and Harvard print initials: the two forms are one printed author.
        if style != "chicago" {
            assert!(alike, "{style}: {a:?} / {b:?}");
        }
    }
    // The same rule checked over every reference of every list: two
    // references with the same names and year have different letters, and
    // a reference has a letter only if another has its names and year.
    for style in AUTHOR_DATE {
        let refs = w.references(style);
        let mut by: HashMap<(String, String), Vec<String>> = HashMap::new();
        for r in refs.values() {
            let Some(y) = r.split(|c: char| !c.is_ascii_digit()).find(|s| s.len() == 4) else { continue };
            by.entry((names(r, y), y.to_string())).or_default().push(dated(r, y));
        }
        for ((n, y), labels) in by {
            if labels.len() == 1 {
                assert_eq!(labels[0], y, "{style}: {n}{y} alone has no letter");
            } else {
                let mut l = labels.clone();
                l.sort();
                l.dedup();
                assert_eq!(l.len(), labels.len(), "{style}: {n}{y}: {labels:?}");
                assert!(l.iter().all(|x| x.len() == y.len() + 1), "{style}: {n}{y}: {labels:?}");
            }
        }
    }
    // Vancouver numbers its references: no letters at all.
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Anatomy and race"), "Achebe N. Anatomy and race. BMJ. 2018;360:k1.");
}

#[test]
fn undated_and_in_press_works_of_one_author_are_lettered() {
    let w = workspace();
    let expect: [(&str, [&str; 4]); 3] = [
        // APA prints "forthcoming" as "in press" (APA 7 §8.19; issue 12,
        // tester 12b L5): "Coming soon" shares the group and takes "a".
        ("apa", ["(in press-b)", "(in press-c)", "(n.d.-a)", "(n.d.-b)"]),
        // Chicago prints "in press" as "forthcoming" (CMOS 17 §15.44; 12y), so its
        // in-press works share "Forthcoming" with "Coming soon" (forthcoming),
        // which takes the first letter by title: b and c here, a below.
        ("chicago", ["Forthcoming-b.", "Forthcoming-c.", "n.d.-a.", "n.d.-b."]),
        ("harvard", ["(in press a)", "(in press b)", "(no date a)", "(no date b)"]),
    ];
    for (style, want) in expect {
        let refs = w.references(style);
        let mut press = [reference(&refs, "Pressing one"), reference(&refs, "Pressing two")];
        press.sort_by_key(|r| !r.contains(want[0]));
        assert!(press[0].contains(want[0]) && press[1].contains(want[1]), "{style}: {press:?}");
        let mut nd = [reference(&refs, "Undated one"), reference(&refs, "Undated two")];
        nd.sort_by_key(|r| !r.contains(want[2]));
        assert!(nd[0].contains(want[2]) && nd[1].contains(want[3]), "{style}: {nd:?}");
        // A status alone for its author, and another author's in-press work: no letter.
        for t in ["Coming soon", "Another Ade"] {
            let r = reference(&refs, t);
            if style == "chicago" && t == "Coming soon" {
                assert_eq!(r, "Ade, Bola. Forthcoming-a. “Coming Soon.” BMJ.");
                continue;
            }
            if style == "apa" && t == "Coming soon" {
                assert_eq!(r, "Ade, B. (in press-a). Coming soon. BMJ.");
                continue;
            }
            assert!(!r.contains("-a") && !r.contains("press a") && !r.contains("-b"), "{style}: {r:?}");
        }
    }
    // APA's word for it is "in press" (APA 7 §8.19; issue 12, tester 12b L5).
    assert_eq!(reference(&w.references("apa"), "Coming soon"), "Ade, B. (in press-a). Coming soon. BMJ.");
    // Vancouver: no letters; the status as Citing Medicine gives it ("Forthcoming", ch. 11).
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Pressing one"), "Ade B. Pressing one. BMJ. Forthcoming.");
}

#[test]
fn a_table_labels_an_undated_work_as_its_reference_does() {
    let w = workspace();
    w.ok(&["import", "modules", &sample("modules.csv"), "-q"]);
    for r in w.reading_list().as_array().unwrap() {
        if r["title"].as_str().unwrap().starts_with("Undated") {
            let id = r["id"].as_i64().unwrap().to_string();
            w.ok(&["link", &id, "MED1001", "--by", "amina"]);
        }
    }
    let folder = w.path("f-apa");
    w.ok(&["report", folder.to_str().unwrap(), "--format", "csv", "--style", "apa", "-q"]);
    // The module table labels each reading as its reference does.
    let mut rd = csv::Reader::from_path(folder.join("module_readings.csv")).unwrap();
    let h = rd.headers().unwrap().clone();
    let col = |k: &str| h.iter().position(|x| x == k).unwrap_or_else(|| panic!("no {k} in {h:?}"));
    let (title, label, status) = (col("title"), col("reading_label"), col("status"));
    let refs = w.references("apa");
    let mut labels = Vec::new();
    for row in rd.records() {
        let row = row.unwrap();
        if &row[status] != "linked" {
            continue;
        }
        let want = if reference(&refs, &row[title]).contains("(n.d.-a)") { "n.d.-a" } else { "n.d.-b" };
        assert_eq!(&row[label], want, "{row:?}");
        labels.push(row[label].to_string());
    }
    labels.sort();
    assert_eq!(labels, ["n.d.-a", "n.d.-b"]);
    // The PDF's module table too.
    let pdf = w.path("m.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let text: String = common::pdf_text(&pdf).join(" ").split_whitespace().collect();
    assert!(text.contains("Undatedone(n.d.-a),linked") || text.contains("Undatedone(n.d.-b),linked"), "{text}");
}

#[test]
fn report_numbers_are_report_numbers_and_a_books_number_is_no_issue() {
    let w = workspace();
    // `reading show` names the number for what it is.
    let list = w.reading_list();
    let show = |t: &str| {
        let id = common::reading(&list, t)["id"].as_i64().unwrap().to_string();
        w.ok(&["reading", "show", &id])
    };
    let who = show("Global tuberculosis");
    assert!(who.lines().any(|l| l.starts_with("report number") && l.ends_with("WHO/HTM/TB/2019.15")), "{who}");
    assert!(!who.lines().any(|l| l.starts_with("issue")), "{who}");
    let book = show("Infections and inequalities");
    assert!(book.lines().any(|l| l.starts_with("number ") && l.ends_with(" 12")), "{book}");
    let article = show("Why pLoS");
    assert!(article.lines().any(|l| l.starts_with("issue") && l.ends_with(" 3")), "{article}");
    // RIS and CSL-JSON reports too.
    w.import_reading(
        "r.ris",
        "TY  - RPRT\nAU  - Ministry of Health\nTI  - National malaria strategy\nPY  - 2021\nPB  - Ministry of Health\nCY  - Accra\nIS  - MOH/2021/07\nER  - \n",
    );
    w.import_reading(
        "r.json",
        r#"[{"id":"x","type":"report","title":"Rural clinics survey","author":[{"literal":"Health Ministry of Kenya"}],"issued":{"date-parts":[[2018]]},"publisher":"Government Printer","publisher-place":"Nairobi","number":"HMK-2018-3"}]"#,
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Global tuberculosis"),
        // The publisher is the author: not named twice (APA 7 §9.25; issue 12, tester 12b M8).
        "World Health Organization. (2019). Global tuberculosis report (Report No. WHO/HTM/TB/2019.15)."
    );
    assert!(reference(&apa, "Hypertension in adults").contains("(Report No. 136)"), "{apa:?}");
    assert!(reference(&apa, "National malaria").contains("(Report No. MOH/2021/07)"), "{apa:?}");
    assert!(reference(&apa, "Rural clinics").contains("(Report No. HMK-2018-3)"), "{apa:?}");
    let forms = [("chicago", "Report No. "), ("harvard", "Report No. "), ("vancouver", "Report No.: ")];
    for (style, label) in forms {
        let refs = w.references(style);
        for (t, n) in [
            ("Global tuberculosis", "WHO/HTM/TB/2019.15"),
            ("Hypertension in adults", "136"),
            ("National malaria", "MOH/2021/07"),
            ("Rural clinics", "HMK-2018-3"),
        ] {
            let r = reference(&refs, t);
            assert!(r.contains(&format!("{label}{n}")), "{style}: {r:?}");
            assert_eq!(r.matches(n).count(), 1, "{style}: {r:?}");
        }
    }
    // Nowhere is a number an issue.
    for style in ["apa", "chicago", "harvard", "vancouver"] {
        for r in w.references(style).values() {
            assert!(!r.contains("Issue"), "{style}: {r:?}");
        }
    }
    assert_eq!(
        reference(&apa, "Infections and inequalities"),
        "Farmer, P. (1999). Infections and inequalities (No. 12). University of California Press."
    );
    assert!(reference(&w.references("chicago"), "Infections").contains("No. 12."));
}

#[test]
fn every_style_prints_a_books_and_a_chapters_volume() {
    let w = workspace();
    let want = [
        ("apa", "Writings at the margin (Vol. 2)", "Handbook of global surgery (Vol. 3, pp. 10–30)"),
        ("chicago", "Writings at the Margin. Vol. 2.", "edited by John Meara, vol. 3, 10–30"),
        ("harvard", "Writings at the margin. Vol. 2. Berkeley", "Handbook of global surgery. Vol. 3. Cham"),
        ("vancouver", "Writings at the margin. Vol. 2. Berkeley", "Handbook of global surgery. Vol. 3. Cham"),
    ];
    for (style, book, chapter) in want {
        let refs = w.references(style);
        let b = reference(&refs, "Writings at the margin");
        assert!(b.contains(book), "{style}: {b:?}");
        let c = reference(&refs, "A chapter in a second volume");
        assert!(c.contains(chapter), "{style}: {c:?}");
        assert_eq!(c.matches(" 3").count(), 1, "{style}: the volume once in {c:?}");
    }
    assert_eq!(
        reference(&w.references("harvard"), "A chapter in a second"),
        "Nkosi, T. (2016) ‘A chapter in a second volume’, in Meara, J. (ed.) Handbook of global surgery. Vol. 3. Cham: Springer, pp. 10–30."
    );
}

#[test]
fn a_journals_name_is_printed_as_the_journal_spells_it() {
    let w = workspace();
    for style in ["apa", "chicago", "harvard", "vancouver"] {
        let refs = w.references(style);
        let plos = reference(&refs, "Why pLoS");
        assert!(plos.contains("PLoS ONE"), "{style}: {plos:?}");
        assert!(plos.to_lowercase().contains("why plos matters") && plos.contains("pLoS"), "{style}: {plos:?}");
        let elife = reference(&refs, "The ELIFE model");
        assert!(elife.contains("eLife"), "{style}: {elife:?}");
        assert!(elife.contains("ELIFE"), "{style}: the title's own word {elife:?}");
        let nejm = reference(&refs, "Reading the nEJM");
        assert!(nejm.contains("NEJM Catalyst"), "{style}: {nejm:?}");
        assert!(nejm.contains("nEJM"), "{style}: {nejm:?}");
    }
    // PLOS's e-locator is an article number: "Article e0170001" (APA 7
    // §9.27; tester r25, F13).
    assert_eq!(
        reference(&w.references("apa"), "Why pLoS"),
        "Lind, T. (2017). Why pLoS matters to eLIFE readers. PLoS ONE, 12(3), Article e0170001."
    );
}

#[test]
fn a_magazine_article_is_cited_as_one_from_every_format() {
    let w = workspace();
    w.import_reading(
        "m.ris",
        "TY  - MGZN\nAU  - Mukherjee, Siddhartha\nTI  - The invisible epidemic\nT2  - The New Yorker\nDA  - 2020/03/16/\nPY  - 2020\nSP  - 22\nEP  - 27\nER  - \n",
    );
    w.import_reading(
        "m.json",
        r#"[{"id":"m","type":"article-magazine","title":"What the doctor ordered","author":[{"family":"Offit","given":"Paul"}],"container-title":"The Atlantic","issued":{"date-parts":[[2019,11,5]]},"volume":"324","issue":"4","page":"40-44"}]"#,
    );
    w.import_reading(
        "m.csv",
        "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Date\",\"Author\",\"Title\",\"Publication Title\",\"Pages\"\n\
\"K1\",\"magazineArticle\",\"2021\",\"2021-07-12\",\"Gupta, Sanjay\",\"Why we sleep badly\",\"Time\",\"30-33\"\n",
    );
    let list = w.reading_list();
    for t in ["The cost conundrum", "The invisible epidemic", "What the doctor ordered", "Why we sleep badly"] {
        assert_eq!(common::reading(&list, t)["type"], "magazine-article", "{t}");
    }
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "The cost conundrum"),
        "Gawande, A. (2009, June 1). The cost conundrum. The New Yorker, 36–44."
    );
    assert!(reference(&apa, "The invisible").contains("(2020, March 16)"), "{apa:?}");
    assert!(reference(&apa, "What the doctor").contains("(2019, November 5)"), "{apa:?}");
    assert!(reference(&apa, "What the doctor").contains("The Atlantic, 324(4), 40–44"), "{apa:?}");
    assert!(reference(&apa, "Why we sleep").contains("(2021, July 12)"), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "The cost conundrum").contains("The New Yorker, June 1"), "{chicago:?}");
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "The cost conundrum").contains("The New Yorker, 1 June"), "{harvard:?}");
    let v = w.references("vancouver");
    assert!(reference(&v, "The cost conundrum").contains("The New Yorker. 2009 Jun 1"), "{v:?}");
}

/// The references the CSV folder, the flat CSV, the workbook and the PDF
/// print are the JSON report's, letters included; so is `reading show`.
#[test]
fn every_output_prints_the_same_references() {
    let w = workspace();
    let json = w.references("apa");
    let folder = w.path("apa-csv");
    w.ok(&["report", &format!("{}/", folder.display()), "--style", "apa", "-q"]);
    let text = std::fs::read_to_string(folder.join("readings.csv")).unwrap();
    for t in
        ["Anatomy and race", "Pressing one", "Undated two", "Global tuberculosis", "Why pLoS", "The cost conundrum"]
    {
        let r = reference(&json, t);
        assert!(text.contains(r), "readings.csv lacks {r:?}");
    }
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let pages = common::pdf_text(&pdf).join(" ");
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let all = squash(&pages);
    for t in ["Anatomy and race", "Bias in the wards", "Pressing two", "Undated one"] {
        let r = reference(&json, t);
        let head: String = squash(r).chars().take(30).collect();
        assert!(all.contains(&head), "the PDF lacks {head:?}");
    }
    // Deterministic: the same database gives the same bytes.
    let again = w.path("r2.pdf");
    w.ok(&["report", again.to_str().unwrap(), "--style", "apa", "-q"]);
    let csv2 = w.path("apa-csv2");
    w.ok(&["report", &format!("{}/", csv2.display()), "--style", "apa", "-q"]);
    assert_eq!(text, std::fs::read_to_string(csv2.join("readings.csv")).unwrap());
}
