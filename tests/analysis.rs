//! Suggestions, Bloom levels, the newer gap kinds, search and audit rounds,
//! through the real binary on the samples.

mod common;

use std::collections::BTreeSet;

use common::{Workdir, sample};

fn imported() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// The sample module list without its `themes` column: nothing tagged, so
/// every label can be found (or missed) by `suggest`.
fn untagged_modules(w: &Workdir) -> String {
    let mut r = csv::Reader::from_path(sample("modules.csv")).unwrap();
    let mut out = csv::Writer::from_path(w.path("untagged.csv")).unwrap();
    out.write_record(r.headers().unwrap().iter().take(6)).unwrap();
    for rec in r.records() {
        out.write_record(rec.unwrap().iter().take(6)).unwrap();
    }
    out.flush().unwrap();
    w.path("untagged.csv").display().to_string()
}

type Pair = (String, String, String);

fn labels() -> BTreeSet<Pair> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/suggest_labels.csv");
    let mut r = csv::Reader::from_path(path).unwrap();
    let mut out = BTreeSet::new();
    let mut items = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        items += 1;
        for t in rec[2].split(';').filter(|t| !t.is_empty()) {
            out.insert((rec[0].to_string(), rec[1].to_string(), t.to_string()));
        }
    }
    assert!(items >= 80, "the labelled set needs at least 80 items, has {items}");
    out
}

#[test]
fn suggest_precision_and_recall_on_the_labelled_samples() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &untagged_modules(&w)]);
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), 0);
    let s = w.json(&["suggest", "--target", "items", "--format", "json"]);
    let got: BTreeSet<Pair> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["module_code"].as_str().unwrap().to_string(),
                x["title"].as_str().unwrap().to_string(),
                x["theme"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = labels();
    let tp = got.intersection(&want).count() as f64;
    let precision = tp / got.len() as f64;
    let recall = tp / want.len() as f64;
    eprintln!(
        "suggest on {} labelled (item, theme) pairs: {} suggested, {tp} right; precision {precision:.2}, recall {recall:.2}",
        want.len(),
        got.len()
    );
    eprintln!("missed: {:#?}", want.difference(&got).collect::<Vec<_>>());
    eprintln!("wrong: {:#?}", got.difference(&want).collect::<Vec<_>>());
    // Widening the lexicons for real curricula must not cost precision here
    // (it was 1.00, recall 0.76; round 6 of issue 13: 1.00, recall 0.87).
    assert!(precision >= 0.99, "precision {precision:.2}");
    assert!(recall >= 0.85, "recall {recall:.2}");
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), 0, "suggest without --apply wrote tags");
}

#[test]
fn suggest_shows_evidence_and_changes_nothing_without_apply() {
    let w = imported();
    let tags = w.count("SELECT count(*) FROM item_tag");
    let history = w.count("SELECT count(*) FROM history");
    let table = w.ok(&["suggest"]);
    assert!(table.contains("darker skin"), "{table}");
    assert!(table.contains("J. Marion Sims"), "{table}");
    let s = w.json(&["suggest", "--format", "json"]);
    let sims = s.as_array().unwrap().iter().find(|x| x["title"].as_str().unwrap().contains("Marion Sims")).unwrap();
    assert_eq!(sims["theme"], "historical-awareness");
    assert_eq!(sims["module_code"], "MED4001");
    assert!(sims["score"].as_f64().unwrap() > 2.0, "{sims}");
    assert!(sims["evidence"].as_array().unwrap().iter().any(|e| e == "enslaved"), "{sims}");
    // Items already tagged with a theme are not suggested it again.
    assert!(!s.as_array().unwrap().iter().any(|x| x["title"] == "Pulse oximetry and skin tone"), "{s}");
    let csv = w.ok(&["suggest", "--theme", "epistemic-bias", "--format", "csv"]);
    assert!(csv.lines().skip(1).all(|l| l.contains("epistemic-bias")), "{csv}");
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), tags);
    assert_eq!(w.count("SELECT count(*) FROM history"), history);
}

#[test]
fn suggest_apply_needs_a_name_and_tags_through_the_history() {
    let w = imported();
    let err = w.fails(&["suggest", "--apply"]);
    assert!(err.starts_with("canon: --apply records who"), "{err}");
    let before = w.count("SELECT count(*) FROM item_tag") + w.count("SELECT count(*) FROM reading_tag");
    let n = w.json(&["suggest", "--format", "json"]).as_array().unwrap().len() as i64;
    assert!(n >= 10, "{n}");
    let note = w.ok_stderr(&["suggest", "--apply", "--by", "curriculum group", "--format", "json"]);
    assert!(note.contains(&format!("applied {n} suggested tags")), "{note}");
    let after = w.count("SELECT count(*) FROM item_tag") + w.count("SELECT count(*) FROM reading_tag");
    assert_eq!(after, before + n);
    assert_eq!(
        w.count("SELECT count(*) FROM item_tag WHERE source = 'suggest'")
            + w.count("SELECT count(*) FROM reading_tag WHERE source = 'suggest'"),
        n
    );
    assert_eq!(
        w.count(
            "SELECT count(*) FROM history h JOIN contributor c ON c.id = h.by_id
              WHERE c.name = 'curriculum group' AND h.entity IN ('item_tag', 'reading_tag') AND h.action = 'insert'"
        ),
        n
    );
    assert!(w.json(&["suggest", "--format", "json"]).as_array().unwrap().is_empty());
    let gaps = w.json(&["gaps", "--format", "json"]);
    assert!(gaps.as_array().is_some());
}

#[test]
fn item_list_shows_bloom_levels_and_users_override_them() {
    let w = imported();
    let items = w.json(&["item", "list", "--module", "MED2002", "--format", "json"]);
    let find =
        |v: &serde_json::Value, t: &str| v.as_array().unwrap().iter().find(|i| i["title"] == t).cloned().unwrap();
    assert_eq!(find(&items, "Pulse oximetry and skin tone")["bloom"], "evaluate");
    assert_eq!(find(&items, "COPD")["bloom"], "understand");
    let csv = w.ok(&["item", "list", "--module", "MED2002", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().contains(",bloom,"), "{csv}");
    let history = w.count("SELECT count(*) FROM history");
    w.ok(&["item", "bloom", "MED2002/COPD", "analyse", "--by", "amina"]);
    let items = w.json(&["item", "list", "--module", "MED2002", "--format", "json"]);
    assert_eq!(find(&items, "COPD")["bloom"], "analyse");
    assert_eq!(find(&items, "COPD")["bloom_override"], "analyse");
    assert_eq!(w.count("SELECT count(*) FROM history"), history + 2, "contributor and the change");
    w.ok(&["item", "bloom", "MED2002/COPD", "auto", "--by", "amina"]);
    let items = w.json(&["item", "list", "--module", "MED2002", "--format", "json"]);
    assert_eq!(find(&items, "COPD")["bloom"], "understand");
    let err = w.fails(&["item", "bloom", "MED2002/No such session", "apply"]);
    assert!(err.starts_with("canon: no item"), "{err}");
}

#[test]
fn shallow_theme_unsupported_item_and_ranked_proposals() {
    let w = imported();
    // In MED1004 every tagged session only asks students to describe or explain, but across the
    // programme critique-level outcomes exist for every theme: no theme is shallow in the
    // programme, so a scope of one module must not say so either (issue 13c, D5).
    let all = w.json(&["gaps", "--kind", "shallow-theme", "--format", "json"]);
    assert!(all.as_array().unwrap().is_empty(), "{all}");
    let g = w.json(&["gaps", "--module", "MED1004", "--kind", "shallow-theme", "--format", "json"]);
    assert!(g.as_array().unwrap().is_empty(), "{g}");

    let unsupported = |w: &Workdir| {
        w.json(&["gaps", "--kind", "unsupported-item", "--theme", "epistemic-bias", "--format", "json"])[0]["explanation"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let before = unsupported(&w);
    assert!(before.starts_with("None of the 15 sessions"), "{before}");
    w.ok(&["link", "10.1056/NEJMms2004740", "MED2003", "--by", "amina"]);
    let after = unsupported(&w);
    assert!(after.starts_with("14 of the 15 sessions"), "{after}");

    let gaps = w.json(&["gaps", "--kind", "module-gap", "--format", "json"]);
    let gaps = gaps.as_array().unwrap();
    assert!(!gaps.is_empty());
    for g in gaps {
        let c = g["candidates"].as_array().unwrap();
        assert!(c.len() <= 3, "{g}");
        let scores: Vec<f64> = c.iter().map(|c| c["score"].as_f64().unwrap()).collect();
        assert!(scores.windows(2).all(|p| p[0] >= p[1]), "{scores:?}");
    }
    // The spirometer's history goes to the respiratory module (it shares
    // "spirometry", a keyword of one of its themes), not to the physiology
    // module on the strength of "breathing" in one session and "respiratory"
    // in another (issue 13a/3: the tester read that reason as a coincidence;
    // this test asserted the opposite before).
    let proposed = |module: &str| -> Vec<String> {
        gaps.iter()
            .filter(|g| g["module_code"] == module)
            .flat_map(|g| g["candidates"].as_array().unwrap())
            .map(|c| c["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(proposed("MED1003").iter().all(|t| !t.contains("Breathing Race")), "{:?}", proposed("MED1003"));
    assert!(proposed("MED2002").iter().any(|t| t.contains("Breathing Race")), "{:?}", proposed("MED2002"));
    let table = w.ok(&["gaps", "--kind", "module-gap", "--module", "MED2002"]);
    assert!(table.contains("score "), "{table}");
}

#[test]
fn sessions_that_could_carry_a_missing_theme_and_not_revisited() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
        P,1,A101,Foundations,History of eugenics,Describe the rise of eugenics,historical-awareness\n\
        P,1,A101,Foundations,Cells,Describe organelles,\n\
        P,2,B201,Respiratory,Pulse oximetry on darker skin,Explain how pulse oximeters work,\n\
        P,2,B201,Respiratory,Asthma,Apply the asthma guideline,intersectional-health\n\
        P,1,A101,Foundations,Deprivation and health,Analyse deprivation,intersectional-health\n";
    let path = w.write("m.csv", csv);
    w.ok(&["import", "modules", path.to_str().unwrap()]);
    let g = w.json(&["gaps", "--format", "json"]);
    let g = g.as_array().unwrap();
    let nr: Vec<&serde_json::Value> = g.iter().filter(|x| x["kind"] == "not-revisited").collect();
    assert_eq!(nr.len(), 1, "{nr:?}");
    assert_eq!(nr[0]["theme"], "historical-awareness");
    assert!(nr[0]["explanation"].as_str().unwrap().contains("only in year 1"), "{nr:?}");
    let mg =
        g.iter().find(|x| x["kind"] == "module-gap" && x["module_code"] == "B201" && x["theme"] == "epistemic-bias");
    let items = mg.unwrap()["items"].as_array().unwrap();
    assert_eq!(items[0]["title"], "Pulse oximetry on darker skin", "{items:?}");
    assert!(items[0]["score"].as_f64().unwrap() > 0.0);
    // A scope selects the gaps of the whole programme that concern it, numbered as without it:
    // year 1 teaches it and is not returned to, year 2 misses it (issue 13c, D9).
    for year in ["1", "2"] {
        let one = w.json(&["gaps", "--year", year, "--kind", "not-revisited", "--format", "json"]);
        assert_eq!(one.as_array().unwrap().len(), 1, "{one}");
        assert_eq!(one[0]["id"], nr[0]["id"], "year {year}: {one}");
        assert_eq!(one[0]["explanation"], nr[0]["explanation"]);
    }
}

#[test]
fn search_phrases_prefixes_filters_and_bad_queries() {
    let w = imported();
    let hits = w.json(&["search", "\"pulse oximetry\"", "--format", "json"]);
    let hits = hits.as_array().unwrap();
    assert!(hits.iter().any(|h| h["kind"] == "item" && h["title"] == "Pulse oximetry and skin tone"), "{hits:?}");
    assert!(hits.iter().any(|h| h["kind"] == "reading"), "{hits:?}");
    assert!(hits.iter().any(|h| h["snippet"].as_str().unwrap().contains("«Pulse oximetry»")), "{hits:?}");
    let biased = w.json(&["search", "theme:epistemic-bias bias*", "--format", "json"]);
    let biased = biased.as_array().unwrap();
    assert!(!biased.is_empty());
    assert!(biased.iter().all(|h| h["snippet"].as_str().unwrap().to_lowercase().contains("«bias")), "{biased:?}");
    let year2 = w.json(&["search", "year:2 race", "--format", "json"]);
    assert!(year2.as_array().unwrap().iter().all(|h| h["kind"] == "item" && h["year"] == 2), "{year2}");
    // User text is a bound MATCH parameter: SQL in it is just words, and bad syntax is a clear error.
    // (The stray `)` is dropped and the rest are words: nothing matches, nothing is dropped.)
    let err = w.ok_stderr(&["search", "x'); DROP TABLE item; --"]);
    assert!(err.contains("nothing matches"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
    // What people type: `AND NOT` is FTS5's binary NOT; a stray `)` is not an error.
    w.ok(&["search", "race AND NOT bias"]);
    w.ok(&["search", "race)"]);
    w.ok(&["search", "\"drop table item\""]);
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
    // A dangling operator is mended (issue 13f): dropped with a note, the rest searched.
    let err = w.ok_stderr(&["search", "oxim* AND ("]);
    assert!(err.contains("note:") && err.contains("AND with nothing to join"), "{err}");
    assert_eq!(w.ok(&["search", "oxim* AND (", "-f", "json"]), w.ok(&["search", "oxim*", "-f", "json"]));
    let err = w.fails(&["search", "theme:nope bias"]);
    assert!(err.contains("unknown theme \"nope\""), "{err}");
}

#[test]
fn snapshot_then_tag_then_compare() {
    let w = imported();
    w.ok(&["snapshot", "2025", "--by", "curriculum group"]);
    let err = w.fails(&["snapshot", "2025"]);
    assert!(err.contains("snapshot \"2025\" already exists"), "{err}");
    let same = w.json(&["compare", "2025", "--format", "json"]);
    assert!(same["gaps_closed"].as_array().unwrap().is_empty() && same["modules"].as_array().unwrap().is_empty());
    w.ok(&["tag", "MED2002/COPD", "epistemic-bias", "historical-awareness", "--by", "amina"]);
    let c = w.json(&["compare", "2025", "--format", "json"]);
    assert_eq!(c["from"], "2025");
    assert_eq!(c["to"], "now");
    let closed: Vec<String> =
        c["gaps_closed"].as_array().unwrap().iter().map(|g| g["key"].as_str().unwrap().to_string()).collect();
    assert!(closed.iter().any(|k| k == "uncovered-theme|year 2 of MBChB Medicine|historical-awareness"), "{closed:?}");
    let m = c["modules"].as_array().unwrap();
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m.iter().all(|x| x["module_code"] == "MED2002" && x["change"] == 1), "{m:?}");
    let eb = c["themes"].as_array().unwrap().iter().find(|t| t["theme"] == "epistemic-bias").unwrap().clone();
    assert_eq!(eb["change"], 1);
    w.ok(&["snapshot", "2026"]);
    let csv = w.ok(&["compare", "2025", "2026", "--format", "csv"]);
    assert!(csv.starts_with("change,what,theme,theme_name,2025,2026,difference"), "{csv}");
    assert!(csv.contains("module coverage,MED2002"), "{csv}");
    let err = w.fails(&["compare", "1999"]);
    assert!(err.contains("no snapshot called \"1999\"; expected one of 2025, 2026"), "{err}");
}

#[test]
fn a_theme_scope_does_not_call_tagged_modules_untagged() {
    let w = imported();
    let all = w.json(&["gaps", "--kind", "untagged-module", "--format", "json"]);
    let scoped = w.json(&["gaps", "--kind", "untagged-module", "--theme", "epistemic-bias", "--format", "json"]);
    assert_eq!(all.as_array().unwrap().len(), 14);
    assert_eq!(scoped.as_array().unwrap().len(), 14, "{scoped}");
    // A module tagged only with other themes misses this theme: a module gap, not "no theme".
    let mg = w.json(&[
        "gaps",
        "--kind",
        "module-gap",
        "--theme",
        "epistemic-bias",
        "--module",
        "MED1006",
        "--format",
        "json",
    ]);
    assert_eq!(mg.as_array().unwrap().len(), 1, "{mg}");
}

#[test]
fn two_verbs_take_the_higher_level_and_outcome_items_have_one() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
        P,1,A1,Foundations,Race and evidence,Understand and appraise the evidence on race,\n";
    let p = w.write("m.csv", csv);
    w.ok(&["import", "modules", p.to_str().unwrap()]);
    let items = w.json(&["item", "list", "--format", "json"]);
    assert_eq!(items[0]["bloom"], "evaluate", "{items}");
}

#[test]
fn proposals_are_relevant_spread_and_explained() {
    let w = imported();
    let g = w.json(&["gaps", "--kind", "module-gap", "--format", "json"]);
    let mut uses: std::collections::BTreeMap<i64, std::collections::BTreeSet<String>> = Default::default();
    for x in g.as_array().unwrap() {
        for c in x["candidates"].as_array().unwrap() {
            assert!(c["score"].as_f64().unwrap() >= 1.0, "{c}");
            assert!(!c["reason"].as_array().unwrap().is_empty(), "{c}");
            uses.entry(c["reading_id"].as_i64().unwrap())
                .or_default()
                .insert(x["module_code"].as_str().unwrap().into());
        }
    }
    assert!(uses.values().all(|m| m.len() <= 3), "a reading proposed for more than 3 modules: {uses:?}");
    // The pulse-oximetry paper goes where oximetry is taught, not to psychiatry.
    let psych = g.as_array().unwrap().iter().filter(|x| x["module_code"] == "MED4003");
    for x in psych {
        assert!(
            x["candidates"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| !c["title"].as_str().unwrap().contains("Pulse Oximetry")),
            "{x}"
        );
    }
}

#[test]
fn search_takes_what_people_type() {
    let w = imported();
    for q in ["race-based", "COVID-19", "Ibn Sina's", "colonial"] {
        let hits = w.json(&["search", q, "--format", "json"]);
        assert!(!hits.as_array().unwrap().is_empty(), "{q}: nothing found");
    }
    // English stems: "colonial" finds "colonialism".
    let hits = w.json(&["search", "colonial", "--format", "json"]);
    assert!(hits.as_array().unwrap().iter().any(|h| h["title"] == "A Dying Colonialism"), "{hits}");
    // Chinese inside a title, found by substring.
    let hits = w.json(&["search", "呐喊", "--format", "json"]);
    assert_eq!(hits[0]["title"], "呐喊", "{hits}");
    let hits = w.json(&["search", "鲁", "--format", "json"]);
    assert!(!hits.as_array().unwrap().is_empty(), "one character inside a name");
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
}

#[test]
fn search_words_that_start_with_a_hyphen_are_read_not_taken_for_options() {
    let w = imported();
    let titles = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|h| h["title"].as_str().unwrap().to_string()).collect()
    };
    // `-race` is no option: it is a query, and one that cannot start with NOT.
    for args in [&["search", "-race"][..], &["search", "--", "-race"], &["search", "NOT", "race"]] {
        let err = w.fails(args);
        assert!(err.contains("a query cannot start with NOT or -"), "{args:?}: {err}");
        assert!(err.contains("'medicine -race'") && err.contains("drop the -"), "{args:?}: {err}");
        assert!(!err.contains("unexpected argument") && !err.contains("syntax error"), "{args:?}: {err}");
    }
    // After a word, -word leaves it out: the same as NOT, and fewer hits than the word alone.
    let all = titles(&w.json(&["search", "medicine", "--format", "json"]));
    let without = titles(&w.json(&["search", "medicine", "-race", "--format", "json"]));
    let not = titles(&w.json(&["search", "medicine NOT race", "--format", "json"]));
    assert_eq!(without, not);
    assert!(!without.is_empty() && without.len() < all.len(), "{} of {}", without.len(), all.len());
    let race = titles(&w.json(&["search", "race", "--format", "json"]));
    assert!(without.iter().all(|t| !race.contains(t)), "a hit on race was kept: {without:?}");
    assert!(all.iter().any(|t| race.contains(t)), "the test needs a medicine hit that mentions race");
    // Options before, after or among the words; `--` also works.
    for args in [
        &["search", "-f", "json", "medicine", "-race"][..],
        &["search", "medicine", "-race", "-f", "json"],
        &["search", "medicine", "-race", "--format=json"],
        &["search", "--format", "json", "--", "medicine", "-race"],
    ] {
        assert_eq!(titles(&w.json(args)), not, "{args:?}");
    }
    // A hyphenated term still works unquoted, at the start of the query too.
    assert!(!titles(&w.json(&["search", "race-based", "-f", "json"])).is_empty());
    // Text in a script without spaces is left out like a word (issue 13f).
    let history = titles(&w.json(&["search", "history", "-f", "json"]));
    let left = titles(&w.json(&["search", "history", "-呐喊", "-f", "json"]));
    assert!(left.iter().all(|t| !t.contains("呐喊")), "{left:?}");
    assert!(left.iter().all(|t| history.contains(t)), "{left:?} not within {history:?}");
    // --help names the rule.
    let help = w.ok(&["search", "--help"]);
    assert!(help.contains("cannot") && help.contains("start with NOT or -") && help.contains("canon search --"));
}

#[test]
fn coverage_evidence_lists_the_sessions_behind_each_cell() {
    let w = imported();
    w.ok(&["tag", "MED2002/COPD", "epistemic-bias", "--by", "amina"]);
    let ev = w.json(&["coverage", "--evidence", "--format", "json"]);
    let cov = w.json(&["coverage", "--format", "json"]);
    let total: i64 = cov
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["themes"].as_object().unwrap().values().map(|n| n.as_i64().unwrap()).sum::<i64>())
        .sum();
    assert_eq!(ev.as_array().unwrap().len() as i64, total, "one evidence row per counted session");
    let copd = ev.as_array().unwrap().iter().find(|e| e["session"] == "COPD").unwrap();
    assert_eq!((copd["tagged_by"].as_str(), copd["source"].as_str()), (Some("amina"), Some("manual")));
    let csv = w.ok(&["coverage", "--evidence", "--format", "csv"]);
    assert!(csv.starts_with(
        "programme,year,module_code,module_title,theme,theme_name,item_id,session,tagged_by,source,tagged_at"
    ));
}

/// The real curriculum texts of the labelled set (`tests/data/curriculum_labels.csv`),
/// read in place from `../shared/corpus/curriculum/`: (module code, text, themes).
fn real_curriculum() -> Option<Vec<(String, String, Vec<String>)>> {
    let objectives = common::corpus("curriculum/ilios_objectives.csv")?;
    let pcrs = common::corpus("curriculum/ilios_aamc_pcrs.csv")?;
    let mti = common::corpus("curriculum/mti-medicine_module-list_raw.csv")?;
    let mut text: std::collections::HashMap<(String, String), String> = Default::default();
    for rec in csv::Reader::from_path(&objectives).unwrap().records() {
        let r = rec.unwrap();
        text.insert(("ilios_objectives.csv".into(), r[0].to_string()), r[1].to_string());
    }
    for rec in csv::Reader::from_path(&pcrs).unwrap().records() {
        let r = rec.unwrap();
        text.insert(("ilios_aamc_pcrs.csv".into(), r[0].to_string()), r[1].to_string());
    }
    for (i, rec) in csv::Reader::from_path(&mti).unwrap().records().enumerate() {
        let r = rec.unwrap();
        text.insert(("mti-medicine_module-list_raw.csv".into(), (i + 2).to_string()), r[4].to_string());
    }
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/curriculum_labels.csv");
    let mut out = Vec::new();
    for rec in csv::Reader::from_path(labels).unwrap().records() {
        let r = rec.unwrap();
        let t = text.get(&(r[0].to_string(), r[1].to_string())).unwrap_or_else(|| panic!("{:?} not in the corpus", &r));
        let code = r[0].split(['_', '.', '-']).nth(1).unwrap_or("X").to_uppercase();
        let themes = r[2].split(';').filter(|t| !t.is_empty()).map(String::from).collect();
        out.push((code, t.trim().to_string(), themes));
    }
    Some(out)
}

#[test]
fn suggest_precision_and_recall_on_a_real_curriculum() {
    let Some(rows) = real_curriculum() else { return };
    let w = Workdir::new();
    w.ok(&["init"]);
    let mut m = csv::Writer::from_path(w.path("real.csv")).unwrap();
    m.write_record([
        "programme",
        "year",
        "module_code",
        "module_title",
        "session_title",
        "learning_outcomes",
        "themes",
    ])
    .unwrap();
    for (code, text, _) in &rows {
        m.write_record(["Real", "1", code, code, text, "", ""]).unwrap();
    }
    m.flush().unwrap();
    w.ok(&["import", "modules", w.path("real.csv").to_str().unwrap()]);
    let s = w.json(&["suggest", "--target", "items", "--format", "json"]);
    let got: BTreeSet<(String, String)> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["title"].as_str().unwrap().to_string(), x["theme"].as_str().unwrap().to_string()))
        .collect();
    let want: BTreeSet<(String, String)> =
        rows.iter().flat_map(|(_, t, th)| th.iter().map(move |x| (t.clone(), x.clone()))).collect();
    let tp = got.intersection(&want).count() as f64;
    let (precision, recall) = (tp / got.len().max(1) as f64, tp / want.len() as f64);
    eprintln!(
        "suggest on {} real texts, {} labelled pairs: {} suggested, {tp} right; precision {precision:.2}, recall {recall:.2}",
        rows.len(),
        want.len(),
        got.len()
    );
    eprintln!("missed: {:#?}", want.difference(&got).collect::<Vec<_>>());
    eprintln!("wrong: {:#?}", got.difference(&want).collect::<Vec<_>>());
    // Before the MeSH-widened lexicons and stems: precision 0.60, recall 0.12;
    // round 6 of issue 13 (plurals both ways, possessives, MeSH entry terms): 0.92, 0.85.
    assert!(precision >= 0.9, "precision {precision:.2}");
    assert!(recall >= 0.8, "recall {recall:.2}");
}

#[test]
fn suggest_under_a_module_scope_tags_only_that_module_and_its_readings() {
    let w = imported();
    let readings = w.json(&["suggest", "--target", "readings", "--format", "json"]);
    let readings = readings.as_array().unwrap();
    assert!(readings.len() >= 2, "{readings:?}");
    // Nothing is linked to MED4002 yet: no reading belongs to its scope.
    let s = w.json(&["suggest", "--module", "MED4002", "--format", "json"]);
    let s = s.as_array().unwrap();
    assert!(!s.is_empty());
    assert!(s.iter().all(|x| x["target"] == "item" && x["module_code"] == "MED4002"), "{s:?}");
    // A reading linked to the module is in its scope; the others are not.
    let linked = readings[0]["id"].as_i64().unwrap().to_string();
    w.ok(&["link", &linked, "MED4002", "--by", "amina"]);
    let s = w.json(&["suggest", "--module", "MED4002", "--format", "json"]);
    let ids: Vec<String> = s
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["target"] == "reading")
        .map(|x| x["id"].as_i64().unwrap().to_string())
        .collect();
    assert!(ids.iter().all(|id| *id == linked) && !ids.is_empty(), "{ids:?}");
    let before = w.count("SELECT count(*) FROM reading_tag");
    w.ok(&["suggest", "--module", "MED4002", "--apply", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading_tag"), before + ids.len() as i64);
    let other = readings[1]["id"].as_i64().unwrap();
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM reading_tag WHERE reading_id = {other} AND source = 'suggest'")),
        0
    );
    assert_eq!(
        w.count(
            "SELECT count(*) FROM item_tag t JOIN item i ON i.id = t.item_id JOIN module m ON m.id = i.module_id
              WHERE t.source = 'suggest' AND m.code <> 'MED4002'"
        ),
        0
    );
}

/// Gaps of a JSON listing by ID.
fn by_id(v: &serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    v.as_array().unwrap().iter().map(|g| (g["id"].as_str().unwrap().to_string(), g.clone())).collect()
}

#[test]
fn a_scope_selects_gaps_and_findings_without_renumbering_them() {
    let w = imported();
    let all = by_id(&w.json(&["gaps", "--format", "json"]));
    let findings = by_id(&w.json(&["gaps", "--findings", "--format", "json"]));
    for scope in [
        &["--theme", "epistemic-bias"][..],
        &["--year", "3"],
        &["--module", "MED4003"],
        &["--programme", "mbchb medicine"],
        &["--year", "5", "--theme", "historical-awareness"],
    ] {
        let got = by_id(&w.json(&[&["gaps", "--format", "json"][..], scope].concat()));
        assert!(!got.is_empty(), "{scope:?}");
        for (id, g) in &got {
            let same = &all[id];
            for key in ["kind", "severity", "programme", "theme", "year", "module_code", "finding"] {
                assert_eq!(same[key], g[key], "{scope:?}: {id} is another gap here ({key})");
            }
            // Issue 13 (round 5): a gap about sessions across the programme
            // (sessions without a reading, a shallow theme) counts and lists
            // only the sessions in a scope that narrows the curriculum; every
            // other gap reads the same in every scope.
            let per_session = matches!(g["kind"].as_str(), Some("unsupported-item" | "shallow-theme"));
            if !per_session || scope[0] == "--theme" {
                assert_eq!(same["explanation"], g["explanation"], "{scope:?}: {id} is another gap here");
            }
        }
        let fs = by_id(&w.json(&[&["gaps", "--findings", "--format", "json"][..], scope].concat()));
        for (id, f) in &fs {
            let whole: Vec<&serde_json::Value> = findings[id]["gaps"].as_array().unwrap().iter().collect();
            for g in f["gaps"].as_array().unwrap() {
                assert!(whole.contains(&g), "{scope:?}: {g} is not behind {id} in the whole analysis");
                assert!(got.contains_key(g.as_str().unwrap()), "{scope:?}: {g} is behind {id} but not listed");
            }
        }
    }
    // Nothing in scope is lost: every gap on a theme is listed under --theme.
    let eb = by_id(&w.json(&["gaps", "--theme", "epistemic-bias", "--format", "json"]));
    for (id, g) in &all {
        if g["theme"] == "epistemic-bias" {
            assert!(eb.contains_key(id), "{id} missing under --theme");
        }
    }
    // The gaps of a module scope are about that module, its year or its programme.
    let m = by_id(&w.json(&["gaps", "--module", "MED4003", "--format", "json"]));
    for g in m.values() {
        let module = g["module_code"].as_str();
        assert!(module.is_none_or(|c| c == "MED4003"), "{g}");
        assert!(g["year"].is_null() || g["year"] == 4 || g["kind"] == "not-revisited", "{g}");
    }
}

#[test]
fn scoped_findings_are_phrased_within_their_scope() {
    let w = imported();
    let coverage = w.json(&["coverage", "--format", "json"]);
    let taught = |theme: &str| {
        coverage.as_array().unwrap().iter().map(|r| r["themes"][theme].as_i64().unwrap()).sum::<i64>() > 0
    };
    for (scope, place) in [(&["--year", "5"][..], "year 5"), (&["--module", "MED1006"], "MED1006")] {
        let fs = w.json(&[&["gaps", "--findings", "--format", "json"][..], scope].concat());
        let fs = fs.as_array().unwrap();
        assert!(!fs.is_empty());
        for f in fs.iter().filter(|f| f["kind"] != "thin-reading") {
            let head = f["headline"].as_str().unwrap();
            assert!(head.contains(place), "{scope:?}: {head}");
            assert!(f["scope"].as_str().unwrap().contains(place), "{scope:?}: {f}");
            // Historical awareness is taught in year 1: never "not taught anywhere".
            if head.contains("anywhere") {
                assert!(!taught(f["theme"].as_str().unwrap()), "{scope:?}: {head}");
            }
            assert!(!head.contains("1 of the 1 "), "{head}");
        }
    }
    // The whole programme's findings are phrased for the programme, and a module count
    // names the modules it covers: four of the seven year-1 modules lack Historical awareness.
    let fs = w.json(&["gaps", "--findings", "--format", "json"]);
    let year1 = fs
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "theme-modules" && f["theme"] == "historical-awareness")
        .unwrap();
    let head = year1["headline"].as_str().unwrap();
    // Issue 13 (13q), one finding per fact: of the four, the two that teach no
    // theme at all are counted by the finding on modules with no theme, and
    // this sentence says so; the four are still 2 + 2.
    assert!(
        head.starts_with(
            "2 of the 7 modules in year 1 of MBChB Medicine (the year that teaches it) teach another theme but have \
             no session on Historical awareness, besides the 2 modules with no theme at all (F"
        ),
        "{head}"
    );
    assert_eq!(year1["modules"]["missing"], 2);
    assert_eq!(year1["modules"]["no_theme"], 2);
    // And the CLI listing never promises sessions it does not name.
    let csv = w.ok(&["gaps", "--kind", "module-gap", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers = r.headers().unwrap().clone();
    let (next, sessions) = (
        headers.iter().position(|h| h == "suggestion").unwrap(),
        headers.iter().position(|h| h == "sessions").unwrap(),
    );
    for rec in r.records() {
        let rec = rec.unwrap();
        if rec[next].contains("for example") {
            assert!(!rec[sessions].is_empty(), "{rec:?}");
        }
        assert!(!rec[next].contains("those listed"), "{rec:?}");
    }
}
