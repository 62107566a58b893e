//! The whole job on the bundled samples, through the real binary.

mod common;

use common::{Workdir, pdf_text, sample};

fn imported() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

#[test]
fn init_seeds_three_themes_with_lexicons() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["init"]); // idempotent
    let themes = w.json(&["theme", "list", "--format", "json"]);
    let slugs: Vec<&str> = themes.as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["epistemic-bias", "historical-awareness", "intersectional-health"]);
    for t in themes.as_array().unwrap() {
        assert!(t["keywords"].as_array().unwrap().len() >= 20, "{t}");
        assert!(t["description"].as_str().unwrap().len() > 80, "{t}");
    }
    let show = w.ok(&["theme", "show", "epistemic-bias"]);
    assert!(show.contains("pulse oximetry"), "{show}");
}

#[test]
fn samples_import_and_reimport_changes_nothing() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let first = w.ok_stderr(&["import", "modules", &sample("modules.csv")]);
    assert!(first.contains("sessions: 284 new"), "{first}");
    assert!(first.contains("37 new"), "{first}");
    let reading = w.ok_stderr(&["import", "reading", &sample("reading.csv")]);
    assert!(reading.contains("readings: 70 new"), "{reading}");
    let items = w.count("SELECT count(*) FROM item");
    let tags = w.count("SELECT count(*) FROM item_tag");
    let history = w.count("SELECT count(*) FROM history");
    assert_eq!(items, 284);

    let again = w.ok_stderr(&["import", "modules", &sample("modules.csv")]);
    assert!(again.contains("sessions: 0 new, 0 changed, 284 unchanged"), "{again}");
    assert!(again.contains("nothing changed"), "{again}");
    let again = w.ok_stderr(&["import", "reading", &sample("reading.csv")]);
    assert!(again.contains("readings: 0 new, 0 changed, 70 unchanged"), "{again}");
    assert_eq!(w.count("SELECT count(*) FROM item"), items);
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), tags);
    assert_eq!(w.count("SELECT count(*) FROM history"), history);
    assert_eq!(
        w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'oximetry'"),
        w.count("SELECT count(*) FROM item WHERE title LIKE '%oximet%' OR outcomes LIKE '%oximetry%'")
    );
}

#[test]
fn a_changed_row_updates_its_record_and_the_history() {
    let w = imported();
    let original = std::fs::read_to_string(sample("modules.csv")).unwrap();
    let edited = original.replacen(
        "Describe the structure and function of the major organelles of the eukaryotic cell",
        "Describe the structure and function of organelles and who discovered them",
        1,
    );
    assert_ne!(original, edited);
    let path = w.write("edited.csv", edited);
    let dry = w.ok(&["import", "modules", path.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("changed"), "{dry}");
    assert!(dry.contains("learning_outcomes:"), "{dry}");
    assert!(dry.contains("who discovered them"), "{dry}");
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes LIKE '%who discovered%'"), 0, "dry run wrote");

    let out = w.ok_stderr(&["import", "modules", path.to_str().unwrap()]);
    assert!(out.contains("sessions: 0 new, 1 changed, 283 unchanged"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes LIKE '%who discovered%'"), 1);
    assert_eq!(
        w.count("SELECT count(*) FROM history WHERE entity = 'item' AND action = 'update' AND before LIKE '%eukaryotic%' AND after LIKE '%who discovered%'"),
        1
    );
    // The full-text index follows the change.
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'discovered'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'eukaryotic'"), 0);
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_written() {
    let w = imported();
    let before = w.count("SELECT count(*) FROM item") + w.count("SELECT count(*) FROM import_run");
    let err = w.fails(&["import", "modules", &sample("bad_rows.csv")]);
    let f = sample("bad_rows.csv");
    let expected = [
        format!(
            "{f}: columns read: \"programme\" → programme, \"year\" → year, \"module_code\" → module_code, \
             \"module_title\" → module_title, \"session_title\" → session_title, \"learning_outcomes\" → learning_outcomes, \
             \"themes\" → themes"
        ),
        format!(
            "{f}:3:2: year \"2025/26\" is not a year of study; expected a number from 1 to 10 written as 3, \"Year 3\", \
             \"Y3\", \"Yr 3\", \"Year Three\", \"3rd year\", \"Third year\", \"Phase 3\", \"Stage 3\", \"MS3\" or \"Year III\""
        ),
        format!("{f}:5:2: year 0 is out of range; expected a year of study from 1 to 10"),
        format!(
            "{f}:6:6: row has 5 fields; expected 7 like the header (a missing or extra delimiter, or an unquoted \",\"?)"
        ),
        format!(
            "{f}:7:8: row has 8 fields; expected 7 like the header (a missing or extra delimiter, or an unquoted \",\"?)"
        ),
        format!("{f}:9:3: module_code is empty; expected the module's code, e.g. MED1001"),
        format!(
            "{f}:10:7: unknown theme \"decolonial-stuff\"; expected one of epistemic-bias, historical-awareness, intersectional-health (add it first with `canon theme add`)"
        ),
        format!("6 problems in {f}; nothing imported"),
    ];
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines, expected.iter().map(String::as_str).collect::<Vec<_>>(), "{err}");
    let after = w.count("SELECT count(*) FROM item") + w.count("SELECT count(*) FROM import_run");
    assert_eq!(before, after);
}

#[test]
fn gaps_are_json_with_the_four_kinds_and_suggestions() {
    let w = imported();
    let gaps = w.json(&["gaps", "--format", "json"]);
    let gaps = gaps.as_array().expect("a JSON array");
    assert!(!gaps.is_empty());
    for g in gaps {
        let kind = g["kind"].as_str().unwrap();
        let kinds =
            ["uncovered-theme", "module-gap", "untagged-module", "thin-reading", "unsupported-item", "not-revisited"];
        assert!(kinds.contains(&kind), "{g}");
        assert!(["high", "medium", "low"].contains(&g["severity"].as_str().unwrap()), "{g}");
        assert!(!g["explanation"].as_str().unwrap().is_empty(), "{g}");
    }
    // Historical awareness is tagged only in year 1 of the sample: years 2-5 are uncovered.
    let uncovered: Vec<_> = gaps.iter().filter(|g| g["kind"] == "uncovered-theme").collect();
    assert_eq!(uncovered.len(), 4, "{uncovered:?}");
    assert!(uncovered.iter().all(|g| g["theme"] == "historical-awareness"));
    // Module gaps carry candidate readings on the missing theme, approved and tagged with it.
    let mg = gaps
        .iter()
        .find(|g| g["kind"] == "module-gap" && g["module_code"] == "MED2002" && g["theme"] == "historical-awareness")
        .expect("MED2002 misses historical awareness");
    // At most three, and only readings relevant to the module (issue 13: a floor, spread across modules).
    let cands = mg["candidates"].as_array().unwrap();
    assert!((1..=3).contains(&cands.len()), "{mg}");
    let readings = w.json(&["reading", "list", "--theme", "historical-awareness", "--format", "json"]);
    let ids: Vec<&serde_json::Value> = readings.as_array().unwrap().iter().map(|r| &r["id"]).collect();
    for c in cands {
        assert!(ids.contains(&&c["reading_id"]), "{c}");
    }
    // The untagged modules of the sample are found.
    assert!(gaps.iter().any(|g| g["kind"] == "untagged-module" && g["module_code"] == "MED1002"));
    // Spirometry is in MED2002's words and in the epistemic-bias lexicon: evidence, medium severity.
    let text = w.ok(&["gaps", "--format", "csv", "--kind", "module-gap"]);
    assert!(text.starts_with("severity,kind,scope,theme,theme_name,explanation"), "{text}");
}

#[test]
fn thin_reading_is_found_when_a_theme_has_few_readings() {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    let gaps = w.json(&["gaps", "--format", "json", "--kind", "thin-reading"]);
    let gaps = gaps.as_array().unwrap();
    assert_eq!(gaps.len(), 3);
    assert!(gaps.iter().all(|g| g["severity"] == "high"));
}

#[test]
fn coverage_is_a_module_by_theme_matrix() {
    let w = imported();
    let csv = w.ok(&["coverage", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        // Since 13e a theme's column is headed by its name and, in brackets, its slug.
        "programme,year,module_code,module_title,items,Historical awareness [historical-awareness],\
         Epistemic bias [epistemic-bias],Intersectional health [intersectional-health],tagged_items"
    );
    assert_eq!(lines.count(), 37);
    let json = w.json(&["coverage", "--format", "json"]);
    let total: i64 = json.as_array().unwrap().iter().map(|r| r["themes"]["epistemic-bias"].as_i64().unwrap()).sum();
    assert_eq!(
        total,
        w.count("SELECT count(*) FROM item_tag WHERE theme_id = (SELECT id FROM theme WHERE slug = 'epistemic-bias')")
    );
}

#[test]
fn item_list_filters_by_theme_module_and_untagged() {
    let w = imported();
    let items = w.json(&["item", "list", "--theme", "epistemic-bias", "--format", "json"]);
    let items = items.as_array().unwrap();
    assert!(items.len() >= 10);
    assert!(items.iter().all(|i| i["themes"].as_array().unwrap().iter().any(|t| t == "epistemic-bias")));
    let untagged = w.json(&["item", "list", "--untagged", "--format", "json"]);
    assert!(untagged.as_array().unwrap().iter().all(|i| i["themes"].as_array().unwrap().is_empty()));
    let m = w.json(&["item", "list", "--module", "MED1002", "--format", "json"]);
    assert_eq!(m.as_array().unwrap().len(), 8);
    let err = w.fails(&["item", "list", "--theme", "nope"]);
    assert!(err.contains("unknown theme \"nope\""), "{err}");
    // CSV and JSON carry every record whatever the table limit.
    let all = w.ok(&["item", "list", "--format", "csv", "--limit", "5"]);
    assert_eq!(csv::Reader::from_reader(all.as_bytes()).records().count(), 284);
}

#[test]
fn tag_untag_and_link_go_through_the_history() {
    let w = imported();
    let item = "MED2002/Pulmonary function tests and spirometry";
    let items = w.json(&["item", "list", "--module", "MED2002", "--format", "json"]);
    let spiro = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"].as_str().unwrap().to_lowercase().contains("spirometry"))
        .expect("a spirometry session");
    let id = spiro["id"].as_i64().unwrap().to_string();
    let _ = item;
    let out = w.ok_stderr(&[
        "tag",
        &id,
        "epistemic-bias",
        "historical-awareness",
        "--by",
        "Amina",
        "--note",
        "race correction",
    ]);
    assert!(out.contains("tagged"), "{out}");
    let again = w.ok_stderr(&["tag", &id, "epistemic-bias", "--by", "Amina"]);
    assert!(again.contains("already"), "{again}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {id}")), 2);
    w.ok(&["untag", &id, "historical-awareness", "--by", "student-7"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {id}")), 1);
    assert_eq!(
        w.count(
            "SELECT count(*) FROM history WHERE entity = 'item_tag' AND action = 'delete' AND before LIKE '%manual%'"
        ),
        1
    );
    w.ok(&["link", "10.1056/NEJMms2004740", &id, "--by", "Amina"]);
    w.ok(&["link", "10.1056/NEJMms2004740", "MED2003", "--by", "Amina"]);
    let show = w.ok(&["reading", "show", "10.1056/nejmms2004740"]);
    assert!(show.contains("linked to"), "{show}");
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name IN ('Amina', 'student-7')"), 2);
    let err = w.fails(&["tag", "999", "epistemic-bias"]);
    assert!(err.contains("nothing called \"999\""), "{err}");
}

#[test]
fn reading_add_validates_and_deduplicates_by_doi() {
    let w = imported();
    let n = w.count("SELECT count(*) FROM reading");
    let err = w.fails(&["reading", "add", "--title", "X", "--doi", "nonsense"]);
    assert!(err.contains("is not a DOI"), "{err}");
    let err = w.fails(&["reading", "add", "--title", "X", "--theme", "nope"]);
    assert!(err.contains("unknown theme"), "{err}");
    // The same DOI in another form merges into the existing entry.
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Hidden in Plain Sight",
        "--doi",
        "https://doi.org/10.1056/NEJMMS2004740",
        "--by",
        "amina",
    ]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), n);
    let id = w.ok(&[
        "reading",
        "add",
        "--title",
        "Ṣàngó and the clinic: a new reading",
        "--author",
        "Ọládèjọ, Adébáyọ̀",
        "--year",
        "2024",
        "--by",
        "amina",
    ]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), n + 1);
    let r = w.json(&["reading", "show", id.trim(), "--format", "json"]);
    assert_eq!(r["status"], "suggested");
    assert_eq!(r["authors"][0], "Ọládèjọ, Adébáyọ̀");
}

#[test]
fn names_in_every_script_survive_listings() {
    let w = imported();
    let json = w.ok(&["reading", "list", "--format", "json"]);
    for name in ["Ngũgĩ wa Thiong'o", "Vergès", "鲁迅", "إدوارد سعيد", "गांधी"] {
        assert!(json.contains(name), "{name} missing from the JSON listing");
    }
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    assert!(csv.contains("鲁迅") && csv.contains("Ngũgĩ"));
    let table = w.ok(&["reading", "list", "--limit", "0"]);
    assert!(table.contains("إدوارد سعيد"));
}

#[test]
fn csv_exports_are_safe_in_a_spreadsheet() {
    let w = imported();
    w.ok(&["reading", "add", "--title", "=HYPERLINK(\"http://evil\",\"click\")", "--author", "+Mallory", "--by", "x"]);
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains("'+Mallory"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(!c.starts_with('=') && !c.starts_with('+') && !c.starts_with('@'), "{line}");
        }
    }
}

#[test]
fn report_pdf_and_csv() {
    let w = imported();
    w.ok(&["report", "r.csv"]);
    let csv = std::fs::read_to_string(w.path("r.csv")).unwrap();
    assert!(csv.starts_with("section,scope,theme,measure,value,detail"));
    assert!(csv.contains("coverage,") && csv.contains("gap,") && csv.contains("reading,"));
    w.ok(&["report", "r.pdf"]);
    let pages = pdf_text(&w.path("r.pdf"));
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("Page {} of {n}", i + 1)), "page {} lacks its number", i + 1);
    }
    let all = pages.join("\n");
    for s in ["Summary", "Coverage", "Gaps", "Reading list", "Methods", "MBChB Medicine", "Ngũgĩ", "Vergès", "鲁迅"]
    {
        assert!(all.contains(s), "{s} missing from the PDF");
    }
    // Deterministic: the same database gives the same bytes.
    w.ok(&["report", "again.pdf"]);
    assert_eq!(std::fs::read(w.path("r.pdf")).unwrap(), std::fs::read(w.path("again.pdf")).unwrap());
    let err = w.fails(&["report", "r.txt"]);
    assert!(err.contains("expected OUT.pdf, OUT.csv"), "{err}");
}

#[test]
fn report_refuses_to_overwrite_the_database() {
    let w = imported();
    let db = w.db();
    let before = std::fs::read(&db).unwrap();
    let err = w.fails(&["report", db.to_str().unwrap(), "--format", "pdf"]);
    assert!(err.contains("refusing to write the report over the database"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Without --format too: the database is named before the format is guessed.
    let err = w.fails(&["report", db.to_str().unwrap()]);
    assert!(err.contains("refusing to write the report over the database"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn audit_does_the_whole_job_and_is_idempotent() {
    let w = Workdir::new();
    let args = ["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "report.pdf"];
    let first = w.ok_stderr(&args);
    assert!(first.contains("sessions: 284 new"), "{first}");
    let a = std::fs::read(w.path("report.pdf")).unwrap();
    assert!(a.starts_with(b"%PDF"));
    let second = w.ok_stderr(&args);
    assert!(second.contains("nothing changed"), "{second}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 70);
    assert_eq!(std::fs::read(w.path("report.pdf")).unwrap(), a, "re-running the audit changed the report");
    // The database stays explorable.
    let gaps = w.json(&["gaps", "--format", "json"]);
    assert!(!gaps.as_array().unwrap().is_empty());
}

#[test]
fn read_commands_need_a_database() {
    let w = Workdir::new();
    let err = w.fails(&["gaps"]);
    assert!(err.contains("run `canon init` first"), "{err}");
    assert!(!w.db().exists());
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let w = Workdir::new();
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    drop(c);
    let err = w.fails(&["init"]);
    assert!(err.contains("not a canon database"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM t"), 1);
}
