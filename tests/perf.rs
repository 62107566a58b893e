//! Branch perf (issue 13's speed bar): the report's shortcuts give the
//! answers the longer ways gave. Each test runs the real binary on real
//! files, or calls the library on what the binary stored.
//!
//! - A history record's status is read without building the whole record
//!   (`store::readings::decisions`): the same answer as `serde_json::Value`
//!   for records of every shape.
//! - A word is let go early when it is no word of the clinical-sense table
//!   (`analysis::lexicon::clinical_sense`): the senses found stay the same.
//! - References are read into the citation processor from JSON directly
//!   (no YAML text between): the same references in every style and format.

mod common;

use common::{Workdir, corpus, sample};

/// A file in the project's tests/data.
fn data(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

/// The first insert record of each imported reading, rewritten to `after`;
/// returns the reading ids and the decisions the report would read.
fn decisions_with_after(after: &str) -> (Vec<i64>, std::collections::HashMap<i64, canon::store::readings::Decision>) {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let conn = rusqlite::Connection::open(w.db()).unwrap();
    conn.execute(
        "UPDATE history SET after = ?1 WHERE entity = 'reading' AND action = 'insert' AND entity_id IS NOT NULL",
        [after],
    )
    .unwrap();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM reading WHERE status = 'approved' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ids.len() >= 2, "the samples have approved readings");
    let all = canon::store::readings::decisions(&conn).unwrap();
    // One at a time agrees with all at once, whatever the record holds.
    for id in &ids {
        assert_eq!(all.get(id), canon::store::readings::decision(&conn, *id).unwrap().as_ref(), "reading {id}");
    }
    (ids, all)
}

#[test]
fn an_approval_on_import_is_read_from_records_of_every_shape() {
    // A record with many other fields, nested values and escapes: its status stands.
    let (ids, all) = decisions_with_after(
        r#"{"title":"A \"quoted\" title \u00e9","authors":[{"family":"Okafor","given":"Chidi"}],"themes":["a","b"],"year":2020,"x":{"y":[1,2,{"z":null}]},"status":"approved","notes":null}"#,
    );
    for id in &ids {
        assert_eq!(all.get(id).map(|d| (d.how, d.status.as_str())), Some(("import", "approved")), "reading {id}");
    }
    // The last of two status keys stands, as when the record is parsed whole.
    let (ids, all) = decisions_with_after(r#"{"status":"suggested","status":"approved"}"#);
    assert!(ids.iter().all(|id| all.get(id).is_some_and(|d| d.how == "import")), "{all:?}");
    let (ids, all) = decisions_with_after(r#"{"status":"approved","status":"rejected"}"#);
    assert!(ids.iter().all(|id| !all.contains_key(id)), "{all:?}");
}

#[test]
fn a_record_without_a_status_string_gives_no_approval_on_import() {
    for after in [
        r#"{"status":1}"#,
        r#"{"status":["approved"]}"#,
        r#"{"status":null}"#,
        r#"{"title":"no status"}"#,
        r#"["approved"]"#,
        r#""approved""#,
        r#"{"status":"approved""#,
        r#"{"status":"approved"} trailing"#,
        "",
    ] {
        let (ids, all) = decisions_with_after(after);
        assert!(ids.iter().all(|id| !all.contains_key(id)), "{after}: {all:?}");
    }
}

/// The rule as it was before the early exit: every entry of the table
/// tried for every word (the oracle for `clinical_sense`).
fn old_number_forms(t: &str, w: &str) -> bool {
    fn singulars(x: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
        let ies = x.strip_suffix("ies").filter(|b| b.len() >= 2).map(|b| format!("{b}y").into());
        let es = x.strip_suffix("es").map(Into::into);
        let s = x.strip_suffix('s').filter(|_| !x.ends_with("ss")).map(Into::into);
        ies.into_iter().chain(es).chain(s)
    }
    t == w || singulars(t).any(|b| b == w) || singulars(w).any(|b| b == t)
}

fn old_clinical_sense(words: &[String], i: usize) -> bool {
    use canon::analysis::lexicon::CLINICAL_SENSES;
    let Some(w) = words.get(i).map(String::as_str) else { return false };
    let conj = |j: usize| words.get(j).is_some_and(|x| matches!(x.as_str(), "and" | "or"));
    let skip = |j: usize| {
        conj(j) || words.get(j).is_some_and(|x| matches!(x.as_str(), "a" | "an" | "the" | "his" | "her" | "their"))
    };
    let before = |list: &[&str]| {
        let near = |j: usize| words.get(j).is_some_and(|b| list.iter().any(|x| old_number_forms(b, x)));
        i.checked_sub(1).is_some_and(|j| near(j) || (skip(j) && j.checked_sub(1).is_some_and(near)))
    };
    let after = |list: &[&str]| {
        let near = |j: usize| words.get(j).is_some_and(|a| list.iter().any(|x| old_number_forms(a, x)));
        let of = words.get(i + 1).is_some_and(|x| x == "of");
        near(i + 1) || (conj(i + 1) && near(i + 2)) || (of && (near(i + 2) || (skip(i + 2) && near(i + 3))))
    };
    let joined = i >= 2
        && conj(i - 1)
        && words.get(i - 2).is_some_and(|p| {
            CLINICAL_SENSES.iter().any(|(c, _, _)| old_number_forms(p, c) && w.contains(c.trim_end_matches('e')))
        })
        && old_clinical_sense(words, i - 2);
    CLINICAL_SENSES.iter().any(|(word, b, a)| old_number_forms(w, word) && (joined || before(b) || after(a)))
}

#[test]
fn clinical_senses_are_found_as_before() {
    use canon::analysis::lexicon::{CLINICAL_SENSES, clinical_flags, fold_word, normalise};
    let check = |text: &str| {
        let words: Vec<String> =
            normalise(text).split(' ').filter(|w| !w.is_empty()).map(|w| fold_word(w).into_owned()).collect();
        let old: Vec<bool> = (0..words.len()).map(|i| old_clinical_sense(&words, i)).collect();
        assert_eq!(clinical_flags(text), old, "{text:?}");
        old.iter().filter(|c| **c).count()
    };
    assert_eq!(
        clinical_flags("Taking a sexual history and the history of medicine"),
        [false, false, false, true, false, false, false, false, false]
    );
    // Every word of the table, in the singular and plural, beside every
    // neighbour the table names, before and after, with "and", "of" and an
    // article between; and beside words that begin alike and are not its forms.
    let mut found = 0;
    for (word, before, after) in CLINICAL_SENSES {
        let forms =
            [word.to_string(), format!("{word}s"), format!("{word}es"), format!("{}ies", word.trim_end_matches('y'))];
        for form in &forms {
            for b in
                before.iter().chain(after.iter()).chain(["the", "and", "of", "health", "hist", "c", "cultures"].iter())
            {
                for text in [
                    format!("{b} {form} of medicine"),
                    format!("the {form} {b}"),
                    format!("{b} and {form} and {b}s"),
                    format!("{form} of the {b}"),
                    format!("{b} a {form}; {form} or {form}"),
                    format!("{b} {form} and de{form} and {form}s"),
                ] {
                    found += check(&text);
                }
            }
        }
    }
    assert!(found > 1000, "{found} clinical senses found");
    // The samples' session titles and outcomes.
    let modules = std::fs::read_to_string(sample("modules.csv")).unwrap();
    for line in modules.lines() {
        check(line);
    }
}

#[test]
fn references_from_real_files_are_the_same_in_every_format() {
    let Some(bib) = corpus("bib/slr-deepfake-detection_zotero-export_first150.bib") else { return };
    let Some(ris) = corpus("ris/slr-deepfake-detection_zotero-export_first150.ris") else { return };
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "reading", &bib]);
    w.ok(&["import", "reading", &ris]);
    w.ok(&["import", "reading", &data("many_scripts.csv")]);
    for style in ["vancouver", "apa"] {
        let refs = w.references(style);
        assert!(refs.len() >= 150, "{style}: {} references", refs.len());
        // Every reading the processor took has a reference with its year and
        // more than its title (a fallback would be the title alone).
        for (title, r) in &refs {
            assert!(!r.is_empty() && r.len() > title.chars().take(20).count(), "{style}: {title}: {r:?}");
        }
        // The CSV report lists the same reference for each reading.
        let out = w.path(&format!("r-{style}"));
        w.ok(&["report", out.to_str().unwrap(), "--format", "csv", "--style", style, "-q"]);
        let mut csv = csv::Reader::from_path(out.join("readings.csv")).unwrap();
        let h = csv.headers().unwrap().clone();
        let (ti, ri) = (h.iter().position(|c| c == "title").unwrap(), h.iter().position(|c| c == "reference").unwrap());
        let mut n = 0;
        for row in csv.records().map(Result::unwrap) {
            assert_eq!(refs.get(&row[ti]).map(String::as_str), Some(&row[ri]), "{style}: {}", &row[ti]);
            n += 1;
        }
        assert_eq!(n, refs.len(), "{style}");
    }
    // The Vancouver reference of a known record, as the processor gives it.
    let refs = w.references("vancouver");
    let known: Vec<&String> = refs.values().filter(|r| r.contains("doi:") || r.contains("Available from")).collect();
    assert!(known.len() > 50, "{} references with a DOI or address", known.len());
}

#[test]
fn the_pdf_report_is_the_same_bytes_each_time() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w.ok(&["import", "reading", &data("many_scripts.csv")]);
    let (a, b) = (w.path("a.pdf"), w.path("b.pdf"));
    w.ok(&["report", a.to_str().unwrap(), "--date", "2026-01-01", "-q"]);
    w.ok(&["report", b.to_str().unwrap(), "--date", "2026-01-01", "-q"]);
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a.len() > 10_000);
    assert!(a == b, "two runs gave different PDFs");
}
