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
    assert!(precision >= 0.9, "precision {precision:.2}");
    assert!(recall >= 0.7, "recall {recall:.2}");
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
