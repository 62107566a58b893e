//! Issue 12 (12s): one set of year-suffix letters per report. A work has
//! one label ("Tetteh, K. (1998b)") in every list of the PDF that holds it
//! (each theme, "Not yet tagged", "Awaiting review") and the same reference
//! in the flat CSV, the CSV folder, the JSON and the workbook; two works
//! never share a label. Letters run a, b, c… in the order the style sorts the
//! whole report's readings, as CSL's bibliography gives them. A numeric style
//! (Vancouver) has no letters and numbers each list from 1.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Workdir;

/// Five works by one author in one year: one on two themes, one on one
/// theme, one on another, one on no theme, one awaiting review; and one
/// work of another year (no letter).
fn five_of_1998() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.write(
        "l.csv",
        "title,authors,year,type,container,themes,status\n\
         Alpha on two,\"Tetteh, K\",1998,article,Lancet,epistemic-bias;historical-awareness,approved\n\
         Beta on one,\"Tetteh, K\",1998,article,Lancet,historical-awareness,approved\n\
         Epsilon elsewhere,\"Tetteh, K\",1998,article,Lancet,intersectional-health,approved\n\
         Gamma untagged,\"Tetteh, K\",1998,article,Lancet,,approved\n\
         Delta suggested,\"Tetteh, K\",1998,article,Lancet,epistemic-bias,suggested\n\
         Zeta later,\"Tetteh, K\",2004,article,Lancet,epistemic-bias,approved\n",
    );
    w.ok(&["import", "reading", "l.csv", "-q"]);
    w
}

const TITLES: [&str; 5] = ["Alpha on two", "Beta on one", "Delta suggested", "Epsilon elsewhere", "Gamma untagged"];

/// Without spaces (the PDF's text puts spaces around an italic run).
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF report's reading list (read with pdftotext): (list heading,
/// entry line) for each entry by "Tetteh", one entry a line; `None`, with a
/// note, when pdftotext is not installed (apt-get install poppler-utils):
/// the test then skips.
fn pdf_entries(w: &Workdir, style: &str) -> Option<Vec<(String, String)>> {
    let out = w.path(&format!("r-{style}.pdf"));
    w.ok(&["report", out.to_str().unwrap(), "--style", style, "-q"]);
    let Ok(text) = std::process::Command::new("pdftotext").arg(&out).arg("-").output() else {
        eprintln!("note: pdftotext is not installed (apt-get install poppler-utils); skipping the PDF checks");
        return None;
    };
    let text = String::from_utf8(text.stdout).expect("UTF-8 text");
    let start = text.find("Reading list").expect("a reading list");
    let mut heading = String::new();
    let mut out = Vec::new();
    for line in text[start..].lines().map(str::trim) {
        let is_heading = [
            "Epistemic bias (",
            "Historical awareness (",
            "Intersectional health (",
            "Not yet tagged",
            "Awaiting review",
        ]
        .iter()
        .any(|h| line.starts_with(h));
        if is_heading {
            heading = line.to_string();
        } else if line.contains("Tetteh") {
            out.push((heading.clone(), line.to_string()));
        }
    }
    Some(out)
}

/// The title of `TITLES` (or "Zeta later") a reference names.
fn title_in(reference: &str) -> &'static str {
    TITLES.iter().chain(&["Zeta later"]).copied().find(|t| squash(reference).contains(&squash(t))).unwrap_or_else(
        || {
            panic!("no known title in {reference:?}");
        },
    )
}

/// The label of a reference: what comes before its title ("Tetteh, K. (1998b).").
fn label_of(reference: &str) -> String {
    let s = squash(reference);
    let t = squash(title_in(reference));
    s[..s.find(&t).unwrap()].to_string()
}

/// (reference column, title) of each row of a CSV table naming Tetteh.
fn csv_refs(path: &std::path::Path, column: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let col = r.headers().unwrap().iter().position(|h| h == column).unwrap_or_else(|| panic!("{column} in {path:?}"));
    r.records().map(|x| x.unwrap()[col].to_string()).filter(|x| x.starts_with("Tetteh")).collect()
}

fn sheet_refs(path: &std::path::Path, sheet: &str) -> Vec<String> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let mut rows = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let head = rows.next().unwrap();
    let col = head.iter().position(|h| h == "reference").unwrap();
    rows.map(|r| r[col].clone()).filter(|r| r.starts_with("Tetteh")).collect()
}

/// Every reference in `refs` is the one `by_title` holds for its title.
fn agree(what: &str, refs: &[String], by_title: &BTreeMap<&str, String>) {
    assert!(!refs.is_empty(), "{what}: no references");
    for r in refs {
        let t = title_in(r);
        assert_eq!(squash(r), squash(&by_title[t]), "{what}: {t} differs from the JSON's reference");
    }
}

#[test]
fn a_work_has_one_year_letter_in_every_list_and_format() {
    let w = five_of_1998();
    for style in ["apa", "harvard"] {
        // The PDF: every list, one label per work, five labels for five works.
        let Some(entries) = pdf_entries(&w, style) else { return };
        let mut by_title: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for (_, line) in &entries {
            by_title.entry(title_in(line)).or_default().insert(label_of(line));
        }
        for (t, labels) in &by_title {
            assert_eq!(labels.len(), 1, "{style}: {t} has {labels:?} in the PDF: {entries:#?}");
        }
        let alpha: Vec<&(String, String)> = entries.iter().filter(|(_, l)| l.contains("Alpha")).collect();
        assert_eq!(alpha.len(), 2, "{style}: Alpha is on two themes' lists: {entries:#?}");
        assert_ne!(alpha[0].0, alpha[1].0, "{style}: under two headings");
        let labels: BTreeSet<String> = TITLES.iter().map(|t| by_title[t].iter().next().unwrap().clone()).collect();
        assert_eq!(labels.len(), 5, "{style}: five works, five labels: {labels:?}");
        // a–e in the order the style sorts the whole report (these by title).
        for (t, letter) in TITLES.iter().zip(['a', 'b', 'c', 'd', 'e']) {
            let l = by_title[t].iter().next().unwrap();
            assert!(l.contains(&format!("1998{letter}")), "{style}: {t} is {l}, expected 1998{letter}");
        }
        let zeta = by_title["Zeta later"].iter().next().unwrap();
        assert!(zeta.contains("(2004)"), "{style}: one work of 2004, no letter: {zeta}");
        // The JSON report: each reading's reference is its PDF line.
        let json = w.references(style);
        let json: BTreeMap<&str, String> =
            TITLES.iter().chain(&["Zeta later"]).map(|t| (*t, json[*t].clone())).collect();
        for (_, line) in &entries {
            assert_eq!(squash(line), squash(&json[title_in(line)]), "{style}: PDF and JSON differ");
        }
        // The flat CSV, the CSV folder's two reading tables, the workbook's two sheets.
        let flat = w.path(&format!("flat-{style}.csv"));
        w.ok(&["report", flat.to_str().unwrap(), "--style", style, "-q"]);
        let mut r = csv::Reader::from_path(&flat).unwrap();
        let flat_refs: Vec<String> =
            r.records().map(|x| x.unwrap()).filter(|x| &x[0] == "reading").map(|x| x[4].to_string()).collect();
        assert_eq!(flat_refs.iter().filter(|x| x.starts_with("Tetteh")).count(), 6, "{style}: {flat_refs:#?}");
        agree(&format!("{style} flat CSV"), &flat_refs, &json);
        let dir = w.path(&format!("dir-{style}"));
        w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "--style", style, "-q"]);
        let folder = csv_refs(&dir.join("readings.csv"), "reference");
        assert_eq!(folder.len(), 6, "{style}: {folder:#?}");
        agree(&format!("{style} readings.csv"), &folder, &json);
        let by_theme = csv_refs(&dir.join("readings_by_theme.csv"), "reference");
        assert_eq!(by_theme.len(), 7, "{style}: Alpha under two themes: {by_theme:#?}");
        agree(&format!("{style} readings_by_theme.csv"), &by_theme, &json);
        let xlsx = w.path(&format!("r-{style}.xlsx"));
        w.ok(&["report", xlsx.to_str().unwrap(), "--style", style, "-q"]);
        for sheet in ["readings", "readings_by_theme"] {
            let refs = sheet_refs(&xlsx, sheet);
            let distinct: BTreeSet<&String> = refs.iter().collect();
            let titles: BTreeSet<&str> = refs.iter().map(|r| title_in(r)).collect();
            assert_eq!(distinct.len(), titles.len(), "{style} {sheet}: one reference per work: {refs:#?}");
            agree(&format!("{style} xlsx {sheet}"), &refs, &json);
        }
    }
}

#[test]
fn a_numeric_style_has_no_letters_and_numbers_each_list_from_one() {
    let w = five_of_1998();
    let Some(entries) = pdf_entries(&w, "vancouver") else { return };
    assert!(entries.iter().all(|(_, l)| !l.contains("1998a") && !l.contains("1998b")), "{entries:#?}");
    // Alpha under two themes: the same reference with the same number. A
    // numbered style numbers each work once in the report, in the order
    // the reading list first prints it (tester r114 F3; Citing Medicine's
    // citation-sequence system), where each list was numbered from 1.
    let alpha: Vec<&String> = entries.iter().filter(|(_, l)| l.contains("Alpha")).map(|(_, l)| l).collect();
    assert_eq!(alpha.len(), 2, "{entries:#?}");
    assert_eq!(alpha[0], alpha[1]);
    let text = |l: &str| l.split_once(". ").map(|(_, t)| t.to_string()).unwrap_or_default();
    let number = |l: &str| -> usize {
        l.split_once(". ").and_then(|(n, _)| n.parse().ok()).unwrap_or_else(|| panic!("no number: {l:?}"))
    };
    // One number per work, one work per number, given in the order first printed.
    let mut seen: BTreeMap<usize, String> = BTreeMap::new();
    for (h, l) in &entries {
        let n = number(l);
        match seen.get(&n) {
            Some(t) => assert_eq!(t, &text(l), "{h}: number {n} names two works"),
            None => {
                assert_eq!(n, seen.len() + 1, "{h}: {l:?} is not the next number");
                seen.insert(n, text(l));
            }
        }
    }
    assert_eq!(seen.values().collect::<BTreeSet<_>>().len(), seen.len(), "one number per work: {seen:#?}");
    let mut lists: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (h, l) in &entries {
        lists.entry(h).or_default().push(number(l));
    }
    for (h, ns) in lists {
        assert!(ns.windows(2).all(|p| p[0] < p[1]), "{h}: numbers in order: {ns:?}");
    }
    // The JSON's reference is the text of the PDF's entry, without the number.
    let json = w.references("vancouver");
    assert_eq!(squash(&json["Alpha on two"]), squash(&text(alpha[0])));
}

/// Two works whose citations the style tells apart by their names
/// ("Crenshaw, Farmer, et al., 1965" and "Crenshaw, Müller, et al., 1965";
/// "J. Smith, 2001" and "K. Smith, 2001") keep their authors as the
/// bibliography writes them: the citation's short forms are not the entry's.
#[test]
fn names_a_citation_spells_out_stay_whole_in_the_list() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.write(
        "n.csv",
        "title,authors,year,type,container\n\
         Fracture care,\"Crenshaw, K; Farmer, P; Vergès, F\",1965,article,Lancet\n\
         Sickle cell care,\"Crenshaw, K; Müller, J; O'Neil, S\",1965,article,Lancet\n\
         Consent one,\"Smith, Jane\",2001,article,BMJ\n\
         Consent two,\"Smith, Kofi\",2001,article,BMJ\n",
    );
    w.ok(&["import", "reading", "n.csv", "-q"]);
    for (style, want) in [
        (
            "apa",
            [
                "Crenshaw, K., Farmer, P., & Vergès, F. (1965).",
                "Crenshaw, K., Müller, J., & O'Neil, S. (1965).",
                "Smith, J. (2001",
                "Smith, K. (2001",
            ],
        ),
        (
            "chicago",
            [
                "Crenshaw, K., P. Farmer, and F. Vergès. 1965.",
                "Crenshaw, K., J. Müller, and S. O'Neil. 1965.",
                "Smith, Jane. 2001",
                "Smith, Kofi. 2001",
            ],
        ),
        (
            "harvard",
            [
                "Crenshaw, K., Farmer, P. and Vergès, F. (1965)",
                "Crenshaw, K., Müller, J. and O'Neil, S. (1965)",
                "Smith, J. (2001)",
                "Smith, K. (2001)",
            ],
        ),
    ] {
        let refs = w.references(style);
        for (title, w) in ["Fracture care", "Sickle cell care", "Consent one", "Consent two"].iter().zip(want) {
            assert!(refs[*title].starts_with(w), "{style}: {title}: {:?}, expected it to start {w:?}", refs[*title]);
        }
    }
}

/// Chicago's conjectural date carries its letter on the year, inside the
/// brackets ("[950a?]"), where CSL puts a year suffix (after the first year
/// `cs:date` renders); APA's "ca. 950a" is unchanged.
#[test]
fn a_letter_on_a_conjectural_year_sits_on_the_year() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.write(
        "c.csv",
        "title,authors,year,type\nBook one,\"Quaye, E\",c. 950,book\nBook two,\"Quaye, E\",c. 950,book\n\
         Book three,\"Quaye, E\",950,book\n",
    );
    w.ok(&["import", "reading", "c.csv", "-q"]);
    let chicago = w.references("chicago");
    assert!(chicago["Book one"].contains("[950a?]."), "{chicago:?}");
    assert!(chicago["Book two"].contains("[950b?]."), "{chicago:?}");
    assert!(chicago["Book three"].contains(" 950. "), "{chicago:?}");
    let apa = w.references("apa");
    assert!(apa["Book one"].contains("(ca. 950a)"), "{apa:?}");
    assert!(apa["Book two"].contains("(ca. 950b)"), "{apa:?}");
}
