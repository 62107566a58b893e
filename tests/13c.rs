//! Issue 13 (13c), read back from the real binary on the samples:
//! 1. every theme column a person reads names the theme (the slug kept as
//!    the machine key beside it), in the workbook, the CSV folder, the flat
//!    CSV, `gaps`, `gaps --findings`, `coverage --evidence`, `suggest`; a
//!    finding whose gaps in scope are all on one theme names it;
//! 2. proposals never rest on a proper name's word, a note's opening verb or
//!    the theme's generic words alone; the good ones stay, and a phrase the
//!    notes share with a session ("sickle cell") counts;
//! 3. `suggest` finds "Islamophobic", "Anti-Muslim", "underrepresented",
//!    "Gender-biased" and "Weathering", and still not the weather;
//! 5. the web names themes in its messages, shows a module hit's title, says
//!    an empty queue is empty once, and agrees in number.

mod common;

use calamine::{Data, Reader};
use common::web::{Server, csrf, flash};
use common::{Workdir, sample};

/// The samples imported (as `canon audit` does), without a report.
fn samples() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// A CSV as (headers, rows).
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let h = r.headers().unwrap().iter().map(String::from).collect();
    (h, r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect())
}

const NAMES: [(&str, &str); 3] = [
    ("historical-awareness", "Historical awareness"),
    ("epistemic-bias", "Epistemic bias"),
    ("intersectional-health", "Intersectional health"),
];

/// Every row's `theme_name` is the name of its `theme` slug(s), and the
/// column is right after `theme` (`beside`) or last.
fn names_agree(what: &str, h: &[String], rows: &[Vec<String>], beside: bool) -> usize {
    let t = h.iter().position(|c| c == "theme").unwrap_or_else(|| panic!("{what}: no theme column {h:?}"));
    let n = h.iter().position(|c| c == "theme_name").unwrap_or_else(|| panic!("{what}: no theme_name {h:?}"));
    assert_eq!(n, if beside { t + 1 } else { h.len() - 1 }, "{what}: {h:?}");
    let mut named = 0;
    for r in rows {
        let want: Vec<&str> = r[t]
            .split(';')
            .filter(|s| !s.is_empty())
            .map(|s| NAMES.iter().find(|(k, _)| *k == s).unwrap_or_else(|| panic!("{what}: slug {s}")).1)
            .collect();
        assert_eq!(r[n], want.join("; "), "{what}: {r:?}");
        named += usize::from(!want.is_empty());
    }
    named
}

#[test]
fn every_theme_column_has_the_name_beside_the_slug() {
    let w = samples();
    // The CSV folder: every table with a theme column.
    w.ok(&["report", "out/", "--format", "csv"]);
    for table in ["summary", "findings", "gaps", "module_readings", "evidence"] {
        let (h, rows) = read_csv(&std::fs::read_to_string(w.path(&format!("out/{table}.csv"))).unwrap());
        assert!(names_agree(table, &h, &rows, true) > 0, "{table}: no row names a theme");
    }
    // The coverage table is headed by the names.
    let (h, _) = read_csv(&std::fs::read_to_string(w.path("out/coverage.csv")).unwrap());
    assert_eq!(&h[5..8], ["Historical awareness", "Epistemic bias", "Intersectional health"]);
    assert!(!h.iter().any(|c| c.contains('-') && c != "module_code"), "{h:?}");
    // The readings table: names of every theme after the stored fields.
    let (h, rows) = read_csv(&std::fs::read_to_string(w.path("out/readings.csv")).unwrap());
    assert_eq!(h.last().unwrap(), "theme_names");
    let (ti, ni) = (h.iter().position(|c| c == "themes").unwrap(), h.len() - 1);
    let both = rows.iter().find(|r| r[ti].contains(';')).expect("a reading on two themes");
    let want: Vec<&str> =
        both[ti].split(';').map(|s| NAMES.iter().find(|(k, _)| *k == s).unwrap().1).collect::<Vec<_>>();
    assert_eq!(both[ni], want.join("; "));
    assert!(both[ni].contains("; "), "{both:?}");

    // The workbook: the same, sheet by sheet.
    w.ok(&["report", "c.xlsx"]);
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(w.path("c.xlsx")).unwrap();
    let cov = wb.worksheet_range("coverage").unwrap();
    let head: Vec<String> = cov.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(head.contains(&"Intersectional health".to_string()), "{head:?}");
    assert!(!head.contains(&"intersectional-health".to_string()), "{head:?}");
    // The heat-map's fills are still on the theme columns (found by name).
    let col = head.iter().position(|h| h == "Epistemic bias").unwrap();
    let styles = wb.worksheet_style("coverage").unwrap();
    assert!((1..=37u32).any(|r| styles.get((r, col as u32)).and_then(|s| s.fill.as_ref()).is_some()));
    for sheet in ["findings", "gaps", "module_readings", "evidence"] {
        let r = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<String>> = r
            .rows()
            .take_while(|row| row.iter().any(|c| *c != Data::Empty))
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect();
        assert!(names_agree(sheet, &rows[0], &rows[1..], true) > 0, "{sheet}");
    }

    // The flat CSV: the name after the columns scripts read by position.
    w.ok(&["report", "flat.csv"]);
    let (h, rows) = read_csv(&std::fs::read_to_string(w.path("flat.csv")).unwrap());
    assert_eq!(h, ["section", "scope", "theme", "measure", "value", "detail", "review", "theme_name"]);
    assert!(names_agree("flat", &h, &rows, false) > 50);

    // The commands.
    for args in [
        &["gaps", "--format", "csv"][..],
        &["gaps", "--findings", "--format", "csv"],
        &["coverage", "--evidence", "--format", "csv"],
    ] {
        let (h, rows) = read_csv(&w.ok(args));
        assert!(names_agree(&args.join(" "), &h, &rows, true) > 0, "{args:?}");
    }
    // `coverage --evidence` as the tester ran it: the slug, then the name.
    let ev = w.ok(&["coverage", "--evidence", "--format", "csv"]);
    assert!(ev.contains(",historical-awareness,Historical awareness,"), "{}", &ev[..400]);
}

#[test]
fn a_finding_whose_gaps_are_on_one_theme_names_it() {
    let w = samples();
    let (h, rows) = read_csv(&w.ok(&["gaps", "--findings", "--theme", "intersectional-health", "--format", "csv"]));
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    assert!(rows.len() >= 3, "{rows:?}");
    for r in &rows {
        if r[col("kind")] == "untagged-modules" {
            // Modules with no theme at all: a finding on no one theme.
            assert_eq!(r[col("theme")], "", "{r:?}");
        } else {
            assert_eq!(r[col("theme")], "intersectional-health", "{r:?}");
            assert_eq!(r[col("theme_name")], "Intersectional health", "{r:?}");
        }
    }
    // The tester's F4: sessions without a reading, all on Intersectional health.
    let f4 = rows.iter().find(|r| r[col("kind")] == "sessions-without-reading").expect("F4");
    assert_eq!(f4[col("theme")], "intersectional-health");
}

fn proposals(w: &Workdir) -> (Vec<(String, String, String, String)>, serde_json::Value) {
    w.ok(&["report", "r.json"]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w.path("r.json")).unwrap()).unwrap();
    let p = v["module_readings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "proposed")
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (s("module_code"), s("theme"), s("title"), s("reason"))
        })
        .collect();
    (p, v)
}

#[test]
fn proposals_do_not_rest_on_a_name_a_verb_or_the_themes_generic_words() {
    let w = samples();
    let (p, v) = proposals(&w);
    let has = |m: &str, t: &str, title: &str| p.iter().find(|x| x.0 == m && x.1 == t && x.2.starts_with(title));
    // "race" only inside "NHS Race and Health Observatory".
    assert!(has("MED1001", "intersectional-health", "Ethnic Inequalities in Healthcare").is_none(), "{p:?}");
    // "service" only inside "the NHS Genomic Medicine Service".
    assert!(has("MED1001", "intersectional-health", "Ethnicity, Race, and Health").is_none(), "{p:?}");
    // "racial" + "disparities": generic words of Intersectional health.
    assert!(has("MED3002", "intersectional-health", "Physician–patient racial concordance").is_none(), "{p:?}");
    // "traces" (a note's verb) is no longer a reason; the reading stays, for spirometry.
    let b = has("MED2002", "historical-awareness", "Breathing Race into the Machine").expect("spirometer history");
    assert!(!b.3.contains("traces"), "{b:?}");
    assert!(b.3.contains("spirometry"), "{b:?}");
    for r in &p {
        assert!(!r.3.contains("\u{201c}traces\u{201d}"), "{r:?}");
    }
    // The good ones stay.
    for (m, t, title) in [
        ("MED2003", "epistemic-bias", "Hidden in Plain Sight"),
        ("MED2002", "epistemic-bias", "Racial Bias in Pulse Oximetry"),
        ("MED5001", "epistemic-bias", "Racial Bias in Pulse Oximetry"),
        ("MED4001", "historical-awareness", "Medical Bondage"),
        ("MED4001", "historical-awareness", "The medical ethics of Dr J Marion Sims"),
        ("MED1006", "historical-awareness", "The Immortal Life of Henrietta Lacks"),
        ("MED1004", "historical-awareness", "Examining Tuskegee"),
        ("MED1005", "epistemic-bias", "Representations of race and skin tone"),
        ("MED3006", "intersectional-health", "Health Equity in England: The Marmot Review"),
        ("MED2007", "epistemic-bias", "The foreign gaze"),
        ("MED3002", "epistemic-bias", "Racial bias in pain assessment"),
        // Newborn mortality for maternal mortality: "mortality" is specific.
        ("MED4001", "intersectional-health", "Physician–patient racial concordance"),
    ] {
        assert!(has(m, t, title).is_some(), "{title} is no longer proposed for {m} ({t}): {p:?}");
    }
    // The Marmot Review's names are shared as names: "Fair Society, Healthy Lives" in both.
    let marmot = has("MED3006", "intersectional-health", "Health Equity in England").unwrap();
    assert!(marmot.3.contains("society"), "{marmot:?}");
    // Body and Soul: "sickle cell", a phrase of its notes and of a MED3004 session.
    let bs = has("MED3004", "historical-awareness", "Body and Soul").expect("Body and Soul for MED3004");
    assert!(bs.3.contains("sickle") && bs.3.contains("cell"), "{bs:?}");
    // The methods page states the rule as built.
    let rule = v["methods"]["proposal_text"].as_str().unwrap();
    for part in [
        "NHS Race and Health Observatory",
        "Traces race correction in spirometry",
        "3 or more of its keywords use",
        "uses as the same phrase",
    ] {
        assert!(rule.contains(part), "{part:?} not in {rule}");
    }
    assert_eq!(v["methods"]["proposals"]["generic_keyword_uses"], 3);
}

#[test]
fn suggest_finds_the_forms_a_person_tags_and_not_the_weather() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         P,1,S1,Suggest tests,Weathering and maternal health,Describe outcomes\n\
         P,1,S1,Suggest tests,Islamophobic abuse and health,Describe effects\n\
         P,1,S1,Suggest tests,Anti-Muslim discrimination in healthcare,Discuss discrimination\n\
         P,1,S1,Suggest tests,Women are underrepresented in cardiovascular trials,Appraise evidence\n\
         P,1,S1,Suggest tests,Gender-biased diagnosis of heart attack in women,Discuss\n\
         P,1,S1,Suggest tests,Under-represented groups in research,Appraise evidence\n\
         P,1,S1,Suggest tests,Weather and asthma,Explain weather effects on asthma\n\
         P,1,S1,Suggest tests,Weathered skin and sun damage,Describe skin ageing\n\
         P,1,S1,Suggest tests,Culture of safety on the ward,Describe a just culture\n\
         P,1,S1,Suggest tests,Blood culture interpretation,Interpret a blood culture result\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    let v = w.json(&["suggest", "--format", "json"]);
    let got: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let t = |k: &str| s[k].as_str().unwrap().to_string();
            (t("title"), t("theme"), s["evidence"][0].as_str().unwrap().to_string())
        })
        .collect();
    let want = [
        ("Weathering and maternal health", "intersectional-health", "Weathering"),
        ("Islamophobic abuse and health", "intersectional-health", "Islamophobic"),
        ("Anti-Muslim discrimination in healthcare", "intersectional-health", "Anti-Muslim"),
        ("Women are underrepresented in cardiovascular trials", "epistemic-bias", "underrepresented"),
        ("Gender-biased diagnosis of heart attack in women", "epistemic-bias", "Gender-biased"),
        ("Under-represented groups in research", "epistemic-bias", "Under-represented"),
    ];
    for (title, theme, ev) in want {
        assert!(
            got.iter().any(|g| g.0 == title && g.1 == theme && g.2 == ev),
            "{title} ({theme}, {ev}) not suggested: {got:?}"
        );
    }
    assert_eq!(got.len(), want.len(), "only those: {got:?}");
    // An existing database gets the new seed keywords (migration 0023).
    let kws = w.json(&["theme", "show", "intersectional-health", "--format", "json"])["keywords"].to_string();
    assert!(kws.contains("\"weathering\"") && kws.contains("\"anti-muslim\""), "{kws}");
}

#[test]
fn the_web_names_themes_shows_titles_and_agrees_in_number() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let m = w.write(
        "m.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes\n\
         TM,2,TM201,Respiratory medicine,Spirometry and race correction,Interpret spirometry\n",
    );
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&["theme", "list"]);
    let item = w.json(&["item", "list", "--module", "TM201", "--format", "json"])[0]["id"].as_i64().unwrap();
    let theme = w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["id"].as_i64().unwrap();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    // A flash message names the theme, never its slug.
    let token = csrf(&c.page("/import"));
    let target = format!("item:{item}");
    let r = c.post_form("/tag", &[("csrf", &token), ("target", &target), ("theme", &theme.to_string()), ("back", "/")]);
    let page = c.follow(&r);
    let msg = flash(&page).unwrap_or_default();
    assert!(msg.contains("with Epistemic bias."), "{msg}");
    assert!(!msg.contains("epistemic-bias"), "{msg}");
    // A module hit: code and title, not the code twice.
    let hits = c.page("/search?q=TM201");
    assert!(hits.contains("Respiratory medicine"), "{hits}");
    assert!(!hits.contains("TM201 · TM201"), "{hits}");
    // The empty review queue says so once.
    let queue = c.page("/review");
    assert_eq!(queue.matches("No suggested readings.").count(), 1, "{queue}");
    // One contributor, one session: no "1 contributors", no "of 1 sessions".
    let home = c.page("/");
    assert!(home.contains("contributor<") || home.contains("contributor </"), "{home}");
    assert!(!home.contains("1 contributors") && !home.contains(">contributors"), "{home}");
    assert!(!home.contains("of 1 sessions"), "{home}");
    assert!(home.contains("of 1 session\""), "{home}");
}

#[test]
fn scoped_wording_names_the_module_and_agrees_in_number() {
    let w = samples();
    // "Of these" needs several modules: a module scope names its module.
    let fs = w.json(&["gaps", "--findings", "--module", "MED4005", "--format", "json"]);
    let f1 = fs[0]["headline"].as_str().unwrap();
    assert!(f1.contains("MED4005 Medicine of Older People and Palliative Care included"), "{f1}");
    assert!(f1.ends_with("MED4005 teaches no theme at all (F2)."), "{f1}");
    for f in fs.as_array().unwrap() {
        assert!(!f["headline"].as_str().unwrap().contains("Of these"), "{f}");
    }
    // The whole curriculum still says "Of these" where several modules are counted.
    let all = w.json(&["gaps", "--findings", "--format", "json"]).to_string();
    assert!(!all.contains("Of these, 1 module"), "\"Of these, 1 module\" in the findings");
    // One wording for one session: "its only session" / "The only session".
    let gaps = w.json(&["gaps", "--module", "MED2002", "--format", "json"]).to_string();
    assert!(!gaps.contains("The 1 session"), "a gap says \"The 1 session\"");
    assert!(gaps.contains("The only session tagged with Epistemic bias in MED2002"), "no \"The only session\"");
    // The "Theme and where" column names the module as the text beside it does.
    w.ok(&["report", "m.pdf", "--module", "MED2002"]);
    let text = common::pdf_text(&w.path("m.pdf")).join("\n");
    assert!(text.contains("The only session tagged with Epistemic"), "{text}");
    assert!(!text.contains("Epistemic bias, programme"), "{text}");
    assert!(!text.contains("bias, programme MBChB"), "{text}");
    // The same report's CSV keeps the gap's scope as the machine key.
    w.ok(&["report", "m.csv", "--module", "MED2002"]);
    let csv = std::fs::read_to_string(w.path("m.csv")).unwrap();
    assert!(csv.contains("gap,programme MBChB Medicine,epistemic-bias,unsupported-item"), "{csv}");
}
