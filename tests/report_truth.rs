//! Issue 13 (round 5): every number in a finding or a gap row is counted
//! within the gap's own programme and the command's scope, and a gap row in
//! a scoped run names only sessions in that scope.

mod common;
use std::collections::HashMap;

use common::{Workdir, pdf_text, sample};
use serde_json::Value;

/// Two programmes that share theme names and module codes (M101 in both),
/// with sessions tagged in several years and no linked reading.
fn two_programmes() -> Workdir {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         MBChB,1,M101,Anatomy,Surface anatomy of the thorax,Describe thoracic landmarks,epistemic-bias;intersectional-health\n\
         MBChB,1,M101,Anatomy,Surface anatomy part two,Recall key facts,epistemic-bias\n\
         MBChB,2,M201,Cardiology,Heart failure management,Explain heart failure drugs,epistemic-bias\n\
         MBChB,4,M401,Psychiatry,History of psychiatric classification and drapetomania,Critique the history of drapetomania,historical-awareness\n\
         MBChB,4,M401,Psychiatry,Psychosis assessment,Recall key facts,epistemic-bias\n\
         MBChB,5,M501,Emergency,Sepsis recognition,Apply sepsis criteria,epistemic-bias\n\
         Nursing,1,M101,Nursing foundations,Colonial history of nursing and Mary Seacole,Evaluate colonial nursing history,historical-awareness\n\
         Nursing,1,M101,Nursing foundations,Pressure ulcers in darker skin,Recognise pressure damage on dark skin,\n\
         Nursing,2,N201,Nursing 2,Colonial history of nursing revisited,Evaluate colonial nursing history,historical-awareness\n\
         Nursing,2,N201,Nursing 2,Wound care,Describe wound dressings,epistemic-bias\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// Tagged sessions per (programme, theme) in a scope, from `coverage --evidence`.
fn tagged(w: &Workdir, scope: &[&str]) -> HashMap<(String, String), usize> {
    let mut args = vec!["coverage", "--evidence", "--format", "json"];
    args.extend_from_slice(scope);
    let mut n = HashMap::new();
    for r in w.json(&args).as_array().unwrap() {
        let key = (r["programme"].as_str().unwrap().to_string(), r["theme"].as_str().unwrap().to_string());
        *n.entry(key).or_default() += 1;
    }
    n
}

/// (k, n) of a sessions-without-reading gap's explanation.
fn counts(explanation: &str) -> (usize, usize) {
    let num = |s: &str| s.parse::<usize>().unwrap_or_else(|_| panic!("{s:?} in {explanation:?}"));
    let words: Vec<&str> = explanation.split_whitespace().collect();
    match words.as_slice() {
        // "The only session tagged with …" (13c: was "The 1 session", one wording with "its only session").
        ["The", "only", "session", ..] => (1, 1),
        ["None", "of", "the", n, ..] => (num(n), num(n)),
        [k, "of", "the", n, ..] => (num(k), num(n)),
        _ => panic!("unexpected explanation {explanation:?}"),
    }
}

/// What `findings::sessions_share` says for (k, n).
fn share(k: usize, n: usize) -> String {
    match (k, n) {
        (1, 1) => "its only session".into(),
        (2, 2) => "both its sessions".into(),
        (k, n) if k == n => format!("all {n} sessions"),
        (k, n) => format!("{k} of its {n} sessions"),
    }
}

fn theme_name(slug: &str) -> &str {
    match slug {
        "epistemic-bias" => "Epistemic bias",
        "historical-awareness" => "Historical awareness",
        "intersectional-health" => "Intersectional health",
        other => other,
    }
}

/// Checks every sessions-without-reading finding and its gap rows against
/// the coverage of the scope; returns how many findings it checked.
fn check_sessions_findings(w: &Workdir, scope: &[&str]) -> usize {
    let with = |base: &[&str]| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend_from_slice(scope);
        w.json(&a)
    };
    let gaps = with(&["gaps", "--format", "json"]);
    let by_id: HashMap<&str, &Value> =
        gaps.as_array().unwrap().iter().map(|g| (g["id"].as_str().unwrap(), g)).collect();
    let findings = with(&["gaps", "--findings", "--format", "json"]);
    let cov = tagged(w, scope);
    let mut checked = 0;
    for f in findings.as_array().unwrap().iter().filter(|f| f["kind"] == "sessions-without-reading") {
        let prog = f["programme"].as_str().unwrap();
        let headline = f["headline"].as_str().unwrap();
        let named = [format!("In {prog},"), format!("of {prog},"), format!("({prog}),")];
        assert!(named.iter().any(|n| headline.contains(n.as_str())), "{headline}");
        for id in f["gaps"].as_array().unwrap() {
            let g = by_id[id.as_str().unwrap()];
            assert_eq!(g["programme"].as_str(), Some(prog), "{g}");
            let slug = g["theme"].as_str().unwrap();
            let (k, n) = counts(g["explanation"].as_str().unwrap());
            assert_eq!(n, cov[&(prog.to_string(), slug.to_string())], "{prog} {slug}: {g}\n{cov:?}");
            let part = format!("{}: {}", theme_name(slug), share(k, n));
            assert!(headline.contains(&part), "{headline:?} should say {part:?}");
        }
        checked += 1;
    }
    checked
}

#[test]
fn sessions_without_reading_are_counted_within_their_programme() {
    let w = two_programmes();
    // Historical awareness: 1 session in MBChB, 2 in Nursing.
    let fs = w.json(&["gaps", "--findings", "--format", "json"]);
    let heads: Vec<&str> = fs
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "sessions-without-reading")
        .map(|f| f["headline"].as_str().unwrap())
        .collect();
    assert!(
        heads.iter().any(|h| h.starts_with("In MBChB") && h.contains("Historical awareness: its only session")),
        "{heads:?}"
    );
    assert!(
        heads.iter().any(|h| h.starts_with("In Nursing") && h.contains("Historical awareness: both its sessions")),
        "{heads:?}"
    );
    assert!(heads.iter().all(|h| !h.contains("of its 3")), "{heads:?}");
    assert_eq!(check_sessions_findings(&w, &[]), 2);
    for scope in [
        &["--theme", "historical-awareness"][..],
        &["--theme", "epistemic-bias"],
        &["--programme", "Nursing"],
        &["--year", "1"],
        &["--year", "4"],
        &["--module", "M101", "--programme", "Nursing"],
    ] {
        assert!(check_sessions_findings(&w, scope) >= 1, "{scope:?}");
    }
}

#[test]
fn a_theme_report_names_the_programme_of_each_finding() {
    let w = two_programmes();
    let out = w.path("t.pdf");
    w.ok(&["report", out.to_str().unwrap(), "--theme", "historical-awareness"]);
    let text = pdf_text(&out).join("\n").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("In MBChB, tagged sessions lack"), "{text}");
    assert!(text.contains("In Nursing, tagged sessions lack"), "{text}");
}

#[test]
fn a_scoped_gap_row_names_only_sessions_in_scope() {
    let w = two_programmes();
    let items = w.json(&["item", "list", "--format", "json"]);
    let place: HashMap<i64, (String, Option<i64>, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                (
                    i["programme"].as_str().unwrap().to_string(),
                    i["year"].as_i64(),
                    i["module_code"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    type Test = fn(&(String, Option<i64>, String)) -> bool;
    let cases: [(&[&str], Test); 4] = [
        (&["--year", "4"], |p| p.1 == Some(4)),
        (&["--year", "1"], |p| p.1 == Some(1)),
        (&["--programme", "Nursing"], |p| p.0 == "Nursing"),
        (&["--module", "M401"], |p| p.2 == "M401"),
    ];
    for (scope, in_scope) in cases {
        let mut args = vec!["gaps", "--format", "json"];
        args.extend_from_slice(scope);
        let gaps = w.json(&args);
        assert!(!gaps.as_array().unwrap().is_empty(), "{scope:?}");
        for g in gaps.as_array().unwrap() {
            for i in g["items"].as_array().unwrap() {
                let p = &place[&i["item_id"].as_i64().unwrap()];
                assert!(in_scope(p), "{scope:?}: {} lists {p:?}: {g}", g["id"]);
            }
            // The explanation quotes only sessions of the scope.
            let ex = g["explanation"].as_str().unwrap();
            if g["kind"] == "unsupported-item" {
                for (id, p) in &place {
                    let title =
                        &items.as_array().unwrap().iter().find(|i| i["id"].as_i64() == Some(*id)).unwrap()["title"];
                    let quoted = format!("\u{201c}{}\u{201d} ({})", title.as_str().unwrap(), p.2);
                    if ex.contains(&quoted) {
                        assert!(in_scope(p), "{scope:?}: {ex}");
                    }
                }
            }
            // A proposal's shared words come from sessions in scope.
            for c in g["candidates"].as_array().unwrap() {
                for s in c["shared"].as_array().into_iter().flatten() {
                    let with = s["with"].as_str().unwrap_or("");
                    let outside = items.as_array().unwrap().iter().any(|i| {
                        let p = &place[&i["id"].as_i64().unwrap()];
                        !in_scope(p)
                            && (i["learning_outcomes"] == with || i["title"] == with)
                            && !items.as_array().unwrap().iter().any(|j| {
                                in_scope(&place[&j["id"].as_i64().unwrap()])
                                    && (j["learning_outcomes"] == with || j["title"] == with)
                            })
                    });
                    assert!(!outside, "{scope:?}: {} proposal cites {with:?} outside the scope", g["id"]);
                }
            }
        }
    }
    // The year-4 report agrees with its findings: no year-1 session in any row.
    let out = w.path("y4.pdf");
    w.ok(&["report", out.to_str().unwrap(), "--year", "4"]);
    let text = pdf_text(&out).join("\n");
    assert!(!text.contains("Surface anatomy"), "{text}");
    assert!(!text.contains("Explain heart failure drugs"), "{text}");
}

/// Issue 13 (round 5): titles a person would tag are suggested with the
/// theme they would give, in British and American spelling; titles that
/// only share letters with a keyword are not.
#[test]
fn suggest_finds_what_a_person_would_tag() {
    let w = Workdir::new();
    let expected: &[(&str, Option<&str>)] = &[
        ("Colonisation and health", Some("historical-awareness")),
        ("Colonization and health", Some("historical-awareness")),
        ("Colonised peoples and medicine", Some("historical-awareness")),
        ("Health equity", Some("intersectional-health")),
        ("Equity in health care", Some("intersectional-health")),
        ("Indigenous health", Some("intersectional-health")),
        ("Aboriginal and Torres Strait Islander health", Some("intersectional-health")),
        ("Māori health and the Treaty of Waitangi", Some("intersectional-health")),
        ("First Nations patients and cancer screening", Some("intersectional-health")),
        ("Gypsy, Roma and Traveller health", Some("intersectional-health")),
        ("Colon cancer screening", None),
        ("Colonoscopy and polyps", None),
        ("Traveller's diarrhoea and travel medicine", None),
        ("Aromatherapy in palliative care", None),
        ("Romberg's test and the cerebellum", None),
    ];
    let mut csv = String::from("programme,year,module_code,module_title,session_title,learning_outcomes,themes\n");
    for (t, _) in expected {
        csv.push_str(&format!("P,1,X1,X,\"{t}\",,\n"));
    }
    let m = w.write("titles.csv", csv);
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let got = w.json(&["suggest", "--format", "json"]);
    for (title, theme) in expected {
        let themes: Vec<&str> = got
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["title"] == *title)
            .map(|s| s["theme"].as_str().unwrap())
            .collect();
        match theme {
            Some(t) => assert!(themes.contains(t), "{title:?}: expected {t}, got {themes:?}"),
            None => assert!(themes.is_empty(), "{title:?} must not be tagged, got {themes:?}"),
        }
    }
}

/// Issue 13 (round 5): `module_readings.csv` lists every module the PDF's
/// "What each module should read" section lists, those with no reading yet
/// included (status `none`), and a link's note shows in both.
#[test]
fn module_readings_list_every_module_and_the_link_note() {
    let w = two_programmes();
    // A module with no tagged session gets no proposal: nothing to read yet.
    let extra = w.write(
        "extra.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         Nursing,3,N301,Infection control,Hand hygiene,Describe handwashing,\n",
    );
    w.ok(&["import", "modules", extra.to_str().unwrap()]);
    let linked = w.json(&["reading", "list", "--format", "json"]).as_array().unwrap()[0]["id"].as_i64().unwrap();
    w.ok(&["link", &linked.to_string(), "M401", "--note", "read before the ward round", "--by", "amina"]);
    w.ok(&["report", "out/", "--format", "csv"]);
    let mut rd = csv::Reader::from_path(w.path("out/module_readings.csv")).unwrap();
    let h: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let rows: Vec<Vec<String>> = rd.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    // Every module of the coverage table has at least one row.
    let cov = w.json(&["coverage", "--format", "json"]);
    for m in cov.as_array().unwrap() {
        let (p, c) = (m["programme"].as_str().unwrap(), m["module_code"].as_str().unwrap());
        assert!(rows.iter().any(|r| r[col("programme")] == p && r[col("module_code")] == c), "{p} {c}: {rows:?}");
    }
    // A module with nothing: one row, status none, no reading.
    let none: Vec<&Vec<String>> = rows.iter().filter(|r| r[col("status")] == "none").collect();
    for r in &none {
        assert!(r[col("reading_id")].is_empty() && r[col("title")].is_empty(), "{r:?}");
        let (p, c) = (&r[col("programme")], &r[col("module_code")]);
        assert_eq!(rows.iter().filter(|x| &x[col("programme")] == p && &x[col("module_code")] == c).count(), 1);
    }
    let note = rows.iter().find(|r| r[col("status")] == "linked").unwrap();
    assert_eq!(note[col("note")], "read before the ward round");
    // The PDF names the same modules as having no reading yet, and shows the note.
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf).join("\n").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("read before the ward round"), "{text}");
    assert!(none.iter().any(|r| r[col("module_code")] == "N301"), "{none:?}");
    {
        let start = text.find("No linked reading and no approved reading that fits yet").unwrap();
        let n = format!("fits yet ({}):", none.len());
        assert!(text[start..].contains(&n), "{}", &text[start..start + 200]);
        for r in &none {
            assert!(text[start..].contains(&format!("{} {}", r[col("module_code")], r[col("module_title")])), "{r:?}");
        }
    }
}

/// Issue 13 (round 5): a database with readings and no modules says so in
/// one line under Coverage and in the appendix, with no empty heat-map.
#[test]
fn no_modules_is_one_plain_line() {
    let w = Workdir::new();
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap()]);
    let pages = pdf_text(&pdf);
    let said = pages.iter().filter(|p| p.contains("No sessions yet")).count();
    assert_eq!(said, 2, "Coverage and the appendix say it once each");
    // "What each module should read" is one line too, not a heading over nothing.
    assert_eq!(pages.iter().filter(|p| p.contains("No modules yet")).count(), 1);
    // The coverage line shares its page with other content: no page is the heading alone.
    let cov = pages.iter().find(|p| p.contains("Coverage") && p.contains("No sessions yet")).unwrap();
    assert!(cov.split_whitespace().count() > 40, "{cov}");
    // No heat-map legend for an empty map.
    assert!(pages.iter().all(|p| !p.contains("full colour at one in three")), "empty heat-map drawn");
}

/// Issue 13 (round 5): canon's own sentence around a right-to-left session
/// title stays left to right: in the appendix, "no name recorded, on import"
/// follows the quoted Arabic or Hebrew title and is not reordered or split.
#[test]
fn an_rtl_title_inside_a_sentence_keeps_the_sentence_left_to_right() {
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         P,1,M1,History,تاريخ الطب في العالم الإسلامي,Describe,historical-awareness\n\
         P,1,M1,History,תולדות הרפואה,Describe,historical-awareness\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap()]);
    let pages = pdf_text(&pdf);
    let appendix = pages.iter().rev().find(|p| p.contains("no name recorded")).unwrap();
    // Lines wrap as left-to-right text does: the words stay in their order.
    let flat = appendix.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(flat.matches("\u{201d}: no name recorded, on import").count(), 2, "{appendix}");
    for l in appendix.lines().filter(|l| l.contains("no name recorded")) {
        // The sentence reads on from the title: the title comes first.
        let title_at = l.find(['ت', 'ת', 'ה', 'ل', 'م']).unwrap();
        assert!(title_at < l.find("no name recorded").unwrap(), "{l:?}");
    }
}

/// The samples' modules and readings.
fn samples() -> Workdir {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// The years a Next step puts a theme into: the year lists after
/// "Return to NAME in", "Introduce NAME in" and "Keep NAME going in".
fn step_years(next: &str, name: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for lead in [format!("Return to {name} in "), format!("Introduce {name} in "), format!("Keep {name} going in ")] {
        for (at, _) in next.match_indices(lead.as_str()) {
            let rest = &next[at + lead.len()..];
            for word in rest.split_whitespace() {
                let w = word.trim_end_matches([',', '.', ';', '(', ')']);
                if let Ok(y) = w.parse::<i64>() {
                    out.push(y);
                } else if !matches!(w, "year" | "years" | "and" | "(and" | "in") {
                    break;
                }
            }
        }
    }
    out
}

/// Issue 13 (round 5, 13j): whenever the gaps a finding rolls up name
/// sessions not tagged with the theme that already use its keywords, the
/// finding's Next starts from them (a theme's year finding names each
/// session's module), in every scope; and a scoped Next names no module and
/// no year to teach in outside the scope, and says each step once.
#[test]
fn a_findings_next_starts_from_sessions_that_already_use_its_keywords() {
    let w = samples();
    let scopes: [(&[&str], Option<i64>, Option<&str>); 5] = [
        (&[], None, None),
        (&["--year", "3"], Some(3), None),
        (&["--year", "4"], Some(4), None),
        (&["--module", "MED4003"], Some(4), Some("MED4003")),
        (&["--theme", "historical-awareness", "--year", "4"], Some(4), None),
    ];
    let mut named_sessions = 0;
    for (scope, year, module) in scopes {
        let with = |base: &[&str]| {
            let mut a: Vec<&str> = base.to_vec();
            a.extend_from_slice(scope);
            w.json(&a)
        };
        let gaps = with(&["gaps", "--format", "json"]);
        let by_id: HashMap<&str, &Value> =
            gaps.as_array().unwrap().iter().map(|g| (g["id"].as_str().unwrap(), g)).collect();
        for f in with(&["gaps", "--findings", "--format", "json"]).as_array().unwrap() {
            let next = f["next_step"].as_str().unwrap();
            let kind = f["kind"].as_str().unwrap();
            let mut codes = Vec::new();
            for id in f["gaps"].as_array().unwrap() {
                let g = by_id[id.as_str().unwrap()];
                if !matches!(g["kind"].as_str(), Some("module-gap" | "untagged-module" | "uncovered-theme")) {
                    continue;
                }
                // A year gap's JSON evidence is the year's; a module scope sees only its own sessions.
                for e in g["evidence"].as_array().unwrap() {
                    let c = e["module_code"].as_str().unwrap();
                    if module.is_none_or(|m| m == c) {
                        codes.push(c.to_string());
                    }
                }
            }
            if !codes.is_empty() {
                assert!(next.contains("already use"), "{scope:?} {}: {next:?} ignores {codes:?}", f["id"]);
                if matches!(kind, "theme-years" | "theme-absent") {
                    for c in &codes {
                        assert!(next.contains(c.as_str()), "{scope:?} {}: {next:?} should name {c}", f["id"]);
                        named_sessions += 1;
                    }
                }
            }
            if let Some(y) = year {
                let name = theme_name(f["theme"].as_str().unwrap_or(""));
                for s in step_years(next, name) {
                    assert_eq!(s, y, "{scope:?} {}: {next:?} steps outside year {y}", f["id"]);
                }
                assert!(next.matches("Return to ").count() <= 1, "{scope:?}: {next:?}");
                for code in next.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| t.starts_with("MED")) {
                    match module {
                        Some(m) => assert_eq!(code, m, "{scope:?}: {next:?}"),
                        None => assert!(code.starts_with(&format!("MED{y}")), "{scope:?}: {next:?}"),
                    }
                }
            }
        }
    }
    // MED3005, MED4001 and MED4003 unscoped; MED3005 in year 3; two in year 4 twice; MED4003.
    assert!(named_sessions >= 8, "{named_sessions}");
    // The top finding: the keyword sessions first, then the years still missing the theme.
    let f1 = &w.json(&["gaps", "--findings", "--format", "json"])[0];
    let next = f1["next_step"].as_str().unwrap();
    assert!(next.starts_with("Start with the 3 sessions"), "{next}");
    assert!(next.contains("(years 3 and 4)") && next.contains("years 2 and 5 (and in years 3 and 4, if"), "{next}");
}

/// Issue 13 (round 5, 13j): counts agree with their nouns ("1 more
/// approved reading closes", "its only module"), and a theme taught nowhere
/// says plainly that its readings are proposed for the theme, not a module.
#[test]
fn counts_agree_and_a_theme_taught_nowhere_does_not_contradict_itself() {
    let w = Workdir::new();
    let r = w.write(
        "r.csv",
        "title,authors,year,type,doi,url,themes,notes,language\n\
         Colonial medicine in North Africa,\"Ali, M\",2018,article,,,historical-awareness,history,en\n\
         The history of tropical medicine,\"Smith, A\",2017,book,,,historical-awareness,colonial legacies,en\n\
         Race correction in eGFR,\"Jones, B\",2020,article,,,historical-awareness,race-based medicine,en\n\
         Enslaved women and gynaecology,\"Owens, D\",2017,book,,,historical-awareness,history of gynaecology,en\n",
    );
    w.ok(&["import", "reading", r.to_str().unwrap()]);
    let out = w.ok(&["gaps", "--format", "csv"]);
    assert!(out.contains("1 more approved reading closes this gap"), "{out}");
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         Short,1,S101,Intro,Session one,Describe cell biology,historical-awareness\n\
         Short,4,S401,Later,Renal physiology,Explain renal physiology,epistemic-bias\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let mut all = w.ok(&["gaps", "--format", "csv"]);
    for scope in [&[][..], &["--year", "4"], &["--year", "1"]] {
        let mut a = vec!["gaps", "--findings", "--format", "json"];
        a.extend_from_slice(scope);
        for f in w.json(&a).as_array().unwrap() {
            let next = f["next_step"].as_str().unwrap();
            all.push_str(f["headline"].as_str().unwrap());
            all.push_str(next);
            if next.contains("readings proposed for it") || next.contains("reading proposed for it") {
                assert!(!next.contains("No approved reading"), "{next}");
            }
        }
    }
    for slip in
        ["of its 1 module", "of the 1 module", " 1 modules", " 1 sessions", " 1 readings", "1 more approved readings"]
    {
        assert!(!all.contains(slip), "{slip:?} in {all}");
    }
}

#[test]
fn a_findings_next_step_says_each_step_once_and_counts_agree() {
    // A fresh tester's finding read "…check it with the module lead and tag it
    // if the theme is taught there. 1 session in 1 module already use the
    // theme's keywords: check them with the module leads and tag them…": the
    // programme gap's step repeated the keyword sentence, with a plural verb.
    let w = Workdir::new();
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
P,1,M1,Intro,Racial disparities in maternal deaths,Analyse inequities in obstetric outcomes,epistemic-bias\n\
P,2,M2,Second,Anatomy of the heart,Describe the chambers,\n\
P,2,M2,Second,Colonialism and the history of hospitals,Explain colonial medicine,historical-awareness\n\
P,3,M3,Third,Renal physiology,Describe the nephron,\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let report = w.path("r.json");
    w.ok(&["report", report.to_str().unwrap(), "-q"]);
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["theme"] == "intersectional-health" && f["kind"] == "theme-absent")
        .unwrap_or_else(|| panic!("{doc:#}"));
    let next = f["next_step"].as_str().unwrap();
    assert_eq!(next.matches("Racial disparities in maternal deaths").count(), 1, "{next}");
    assert_eq!(next.matches("tag it if").count() + next.matches("tag them if").count(), 1, "said once: {next}");
    assert!(!next.contains("already use the theme's keywords"), "{next}");
    // The gap itself says it in the singular.
    let gaps = w.ok(&["gaps", "--theme", "intersectional-health", "--format", "csv"]);
    assert!(
        gaps.contains(
            "1 session in 1 module already uses the theme's keywords: check it with the module lead and tag it if"
        ),
        "{gaps}"
    );
}
