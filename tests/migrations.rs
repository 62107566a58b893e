//! A database made by the first released schema opens in this version with
//! all its data; one from a newer canon is refused and left untouched.

mod common;

use common::Workdir;

fn fixture(w: &Workdir) -> std::path::PathBuf {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    let dst = w.db();
    std::fs::copy(src, &dst).unwrap();
    dst
}

#[test]
fn a_schema_1_database_migrates_in_place_with_all_its_data() {
    let w = Workdir::new();
    fixture(&w);
    assert_eq!(w.count("PRAGMA user_version"), 1);
    let before = [
        w.count("SELECT count(*) FROM item"),
        w.count("SELECT count(*) FROM item_tag"),
        w.count("SELECT count(*) FROM reading"),
        w.count("SELECT count(*) FROM reading_author"),
        w.count("SELECT count(*) FROM link"),
        w.count("SELECT count(*) FROM history"),
    ];
    w.ok(&["check"]);
    assert!(w.count("PRAGMA user_version") > 1);
    let after = [
        w.count("SELECT count(*) FROM item"),
        w.count("SELECT count(*) FROM item_tag"),
        w.count("SELECT count(*) FROM reading"),
        w.count("SELECT count(*) FROM reading_author"),
        w.count("SELECT count(*) FROM link"),
        w.count("SELECT count(*) FROM history"),
    ];
    assert_eq!(before, after);
    // The data works with every command of this version.
    let items = w.json(&["item", "list", "--theme", "epistemic-bias", "--format", "json"]);
    assert!(
        items.as_array().unwrap().iter().any(|i| i["title"] == "Spirometry interpretation and reference equations")
    );
    let suggested = w.json(&["reading", "list", "--status", "suggested", "--format", "json"]);
    assert_eq!(suggested[0]["title"], "Decolonising Global Health");
    w.ok(&["gaps", "--format", "json"]);
    w.ok(&["report", "r.pdf"]);
    w.ok(&["log", "--by", "amina"]);
    w.ok(&["snapshot", "after-migration", "--by", "maintainer"]);
    w.ok(&["search", "oximetry"]);
}

#[test]
fn a_database_from_a_newer_canon_is_refused_and_untouched() {
    let w = Workdir::new();
    let db = fixture(&w);
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    for args in [&["gaps"][..], &["init"][..], &["import", "modules", "x.csv"][..]] {
        let err = w.fails(args);
        assert!(err.contains("made by a newer canon") && err.contains("Upgrade canon"), "{err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert!(!w.path("canon.db-wal").exists() || std::fs::metadata(w.path("canon.db-wal")).unwrap().len() == 0);
}

/// Every row of every table (virtual full-text tables read through their
/// content, not their shadow tables), in the columns `db` had before a
/// migration: a migration that only adds may not change one of them.
fn contents(db: &std::path::Path, columns_of: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    for (table, cols) in columns_of {
        let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let order = (1..=cols.len()).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let mut st = c.prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY {order}")).unwrap();
        let rows = st
            .query_map([], |r| {
                (0..cols.len()).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push(format!("{table}: {:?}", row.unwrap()));
        }
    }
    out
}

/// The tables of `db` and their columns, shadow tables of full-text indexes left out.
fn tables(db: &std::path::Path) -> std::collections::BTreeMap<String, Vec<String>> {
    let c = rusqlite::Connection::open(db).unwrap();
    let names: Vec<(String, String)> = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let virtual_tables: Vec<&String> =
        names.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL")).map(|(n, _)| n).collect();
    let mut out = std::collections::BTreeMap::new();
    for (name, _) in &names {
        if virtual_tables.iter().any(|v| name.starts_with(&format!("{v}_"))) {
            continue;
        }
        let cols: Vec<String> = c
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.insert(name.clone(), cols);
    }
    out
}

/// Copies `tests/fixtures/NAME` (a database at `version`) into a work
/// directory, opens it with this canon, and checks that it reached this
/// version with every row and column it held before unchanged.
fn migrated_without_loss(name: &str, version: i64) -> Workdir {
    let w = Workdir::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::copy(src, w.db()).unwrap();
    assert_eq!(w.count("PRAGMA user_version"), version);
    let mut before_tables = tables(&w.db());
    // The title key is derived from the title, and migration 0027 recomputes
    // it by today's rule (checked below); every other column is compared.
    if let Some(cols) = before_tables.get_mut("reading") {
        cols.retain(|c| c != "title_key");
    }
    let before = contents(&w.db(), &before_tables);
    assert!(before.iter().any(|r| r.starts_with("reading_author:")), "the fixture holds authors");
    let check = w.ok(&["check"]);
    // Schema 0018 (issue 12w) made it 15, 0019 (12y, the copyright year) 16,
    // 0020 (module titles searched) 17, 0021 (13b's seed keywords) 18,
    // 0022 (12d: ranges of days and seasons) 19, 0023 (13c's seed keywords:
    // weathering, anti-muslim) 20, 0024 (12e: the number of pages) 21, 0025
    // (13e's seed keywords: decolonising the curriculum) 22, 0026 (the access
    // date) 23, 0027 (the folded title key) 24, 0028 (the original year) 25,
    // 0029 (the translators) 26, 0030 (the original title) 27, 0031 (the
    // original title searched) 28, 0032 (the volume's own title) 29, 0033 (the number of volumes) 30,
    // 0034 (a type stated or inferred) 31, 0035 (an ISBN per volume of a set) 32, 0036 (the end
    // year of a range of months across a year end) 33, 0037 (a book's other ISBNs) 34, 0038 (editors et al.) 35, 0039 (archives) 36,
    // 0040 (a paper's event) 37, 0041 (PMCID and e-print) 38, 0042 (conflict numbers never reused; legal material as
    // other) 39.
    assert!(check.contains("version 39 (this canon writes 39)"), "{check}");
    assert_eq!(w.count("PRAGMA user_version"), 39);
    // Schema 0020: every module is in the module index, found by its code.
    assert!(check.contains("full-text index module_fts  | ok"), "{check}");
    assert!(w.count("SELECT count(*) FROM module") > 0, "the fixture holds modules");
    assert_eq!(
        w.count(
            "SELECT count(*) FROM module m WHERE NOT EXISTS (SELECT 1 FROM module_fts
              WHERE module_fts MATCH 'code:\"' || replace(m.code, '\"', '\"\"') || '\"' AND rowid = m.id)"
        ),
        0
    );
    // Schema 0019: no year made a copyright year (nothing stored tells one).
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE date_copyright = 1"), 0);
    // Schema 0018: no genre invented (nothing stored tells a letter from an article).
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE genre IS NOT NULL"), 0);
    // Schema 0016: no month range or series invented.
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE month_end IS NOT NULL OR series IS NOT NULL"), 0);
    // Schema 0014: no month or day invented, no year made approximate, no list truncated.
    assert_eq!(
        w.count(
            "SELECT count(*) FROM reading WHERE month IS NOT NULL OR day IS NOT NULL OR date_approximate <> 0 \
             OR authors_truncated <> 0"
        ),
        0
    );
    // Every row and column held before is unchanged; the only rows added
    // are the seed keywords of 0013_seed_lexicons and 0017_seed_lexicons_mesh.
    let after: Vec<String> = contents(&w.db(), &before_tables)
        .into_iter()
        .filter(|r| before.contains(r) || !r.starts_with("theme_keyword:"))
        .collect();
    assert_eq!(after, before, "every row and column held before is unchanged");
    // Schema 0027: every title key is today's, from the title as stored.
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let keys: Vec<(String, String)> = c
        .prepare("SELECT title, title_key FROM reading")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!keys.is_empty());
    for (title, key) in keys {
        assert_eq!(key, canon::import::title_key(&title), "{title}");
    }
    // Every name has parts or is kept whole; none is left unread.
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE family IS NULL AND literal IS NULL"), 0);
    w
}

/// An author's (family, given, particle, suffix, literal).
type Parts = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

/// A database made by the main branch before issue 12 (schema version 5:
/// migrations 0001, 0002, 0003, 0007, 0008) gains the references migration
/// without losing or changing anything it held, and its author names are
/// split into parts with the names as written untouched.
///
/// `tests/fixtures/schema-v5.db` was made with that release's binary:
/// `canon init`, `import modules samples/modules.csv --by amina`, `import
/// modules samples/curriculum-inventory.xml` (item keywords), `import reading
/// samples/reading.csv --by amina`, `import reading
/// tests/fixtures/schema-v5-extra.bib --by amina` (a suffix, "First von Last"
/// names, an institution), a link and `snapshot round-one`.
#[test]
fn a_schema_5_database_from_main_gains_structured_names_without_loss() {
    let w = migrated_without_loss("schema-v5.db", 5);
    assert!(w.count("SELECT count(*) FROM item_keyword") > 0, "the fixture holds item keywords");
    assert!(w.count("SELECT count(*) FROM link") > 0, "the fixture holds a link");
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let parts = |name: &str| -> Parts {
        c.query_row(
            "SELECT family, given, particle, suffix, literal FROM reading_author WHERE name = ?1 LIMIT 1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let s = |v: &str| Some(v.to_string());
    assert_eq!(parts("Mensah, Jr., Kofi A."), (s("Mensah"), s("Kofi A."), None, s("Jr."), None));
    assert_eq!(parts("de la Cruz, María"), (s("Cruz"), s("María"), s("de la"), None, None));
    assert_eq!(parts("Adébáyọ̀, Ayọ̀bámi"), (s("Adébáyọ̀"), s("Ayọ̀bámi"), None, None, None));
    assert_eq!(parts("World Health Organization"), (None, None, None, None, s("World Health Organization")));
    for whole in ["إدوارد سعيد", "मोहनदास करमचंद गांधी", "Ngũgĩ wa Thiong'o"]
    {
        assert_eq!(parts(whole).4.as_deref(), Some(whole), "kept whole as written");
    }

    // The data works with this version's commands, new fields included.
    let list = w.json(&["reading", "list", "--format", "json"]);
    let mensah = list.as_array().unwrap().iter().find(|r| r["title"] == "Suffixes in the reference list").unwrap();
    assert_eq!(mensah["authors"][0], "Mensah, Jr., Kofi A.");
    assert_eq!(mensah["author_names"][0]["suffix"], "Jr.");
    w.ok(&["report", "r.csv", "--style", "vancouver"]);
    let csv = std::fs::read_to_string(w.path("r.csv")).unwrap();
    assert!(csv.contains("Mensah KA Jr"), "{csv}");
    w.ok(&["search", "oximetry"]);
    w.ok(&["log", "--by", "amina"]);
    w.ok(&["compare", "round-one"]);
}

/// canon built between issue 16 and issue 12 landing wrote its sixth
/// migration as `0010_facets` (0009 was not listed yet). Such a database
/// gains `0009_references` alone, keeps its facets, and is then at this
/// version.
///
/// `tests/fixtures/schema-v6-facets.db` was made with that build: `canon
/// init`, `import modules samples/modules.csv`, `import reading
/// samples/reading.csv`, `import reading tests/fixtures/schema-v5-extra.bib`,
/// `reading facet set global-south yes --where theme=historical-awareness`,
/// `facet add 10.1111/medu.99999 --author 1 --facet gender --value man
/// --basis self-identified --source …`, `reading edit … --original-language
/// fr --perspective …` and `snapshot round-one` (all `--by amina`).
#[test]
fn a_database_with_facets_before_references_gains_references_alone() {
    let w = migrated_without_loss("schema-v6-facets.db", 6);
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let (family, suffix): (String, String) = c
        .query_row("SELECT family, suffix FROM reading_author WHERE name = 'Mensah, Jr., Kofi A.'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((family.as_str(), suffix.as_str()), ("Mensah", "Jr."));
    let list = w.json(&["reading", "list", "--format", "json"]);
    let fr = list.as_array().unwrap().iter().find(|r| r["title"] == "Particles and institutions").unwrap();
    assert_eq!((fr["original_language"].as_str(), fr["translated"].as_bool()), (Some("fr"), Some(true)));
    let facets = w.ok(&["facet", "list", "--format", "json"]);
    assert!(facets.contains("self-identified") && facets.contains("Mensah, Jr., Kofi A."), "{facets}");
    w.ok(&["report", "r.csv", "--style", "apa"]);
    assert!(std::fs::read_to_string(w.path("r.csv")).unwrap().contains("Mensah, K. A., Jr."));
    w.ok(&["compare", "round-one"]);
    // Opening it again changes nothing more.
    w.ok(&["check"]);
    assert_eq!(w.count("PRAGMA user_version"), 39);
}

/// Issue 13 (round 5): an existing database gets the widened seed lexicons
/// (migration 0013_seed_lexicons), keeping every keyword it had.
#[test]
fn an_existing_database_gets_the_widened_seed_lexicons() {
    let w = Workdir::new();
    fixture(&w);
    let kw = |k: &str| w.count(&format!("SELECT count(*) FROM theme_keyword WHERE keyword = '{k}'"));
    let before = w.count("SELECT count(*) FROM theme_keyword");
    assert_eq!(kw("health equity"), 0, "the fixture predates the keyword");
    w.ok(&["check"]);
    for k in ["health equity", "indigenous health", "colonisation", "gypsy"] {
        assert_eq!(kw(k), 1, "{k}");
    }
    let after = w.count("SELECT count(*) FROM theme_keyword");
    assert!(after > before + 20, "{before} -> {after}");
    // A new database is seeded with no seed keyword the migrated one lacks.
    let fresh = Workdir::new();
    fresh.ok(&["init"]);
    let per_theme = |w: &Workdir, slug: &str| {
        w.count(&format!(
            "SELECT count(*) FROM theme_keyword k JOIN theme t ON t.id = k.theme_id WHERE t.slug = '{slug}'"
        ))
    };
    for slug in ["historical-awareness", "epistemic-bias", "intersectional-health"] {
        assert!(per_theme(&fresh, slug) <= per_theme(&w, slug), "{slug}");
    }
}

/// Migration 0013_seed_lexicons brings an existing database the seed
/// keywords it lacks, but not one the history shows someone took out.
#[test]
fn the_widened_seed_lexicons_bring_back_no_keyword_the_user_removed() {
    let w = Workdir::new();
    fixture(&w);
    let conn = rusqlite::Connection::open(w.db()).unwrap();
    let theme: i64 =
        conn.query_row("SELECT id FROM theme WHERE slug = 'historical-awareness'", [], |r| r.get(0)).unwrap();
    let removed =
        conn.execute("DELETE FROM theme_keyword WHERE keyword = 'colonialism' AND theme_id = ?1", [theme]).unwrap();
    assert_eq!(removed, 1, "the fixture is seeded with the keyword");
    // What `theme edit --remove-keyword colonialism` records.
    conn.execute(
        "INSERT INTO history (at, action, entity, entity_id, before, after)
         VALUES ('2025-01-01T00:00:00Z', 'update', 'theme', ?1,
                 '{\"keywords\": [\"colonialism\", \"history of medicine\"]}', '{\"keywords\": [\"history of medicine\"]}')",
        [theme],
    )
    .unwrap();
    // A keyword dropped without history (as in a database edited by hand) is
    // a seed keyword the database lacks, and comes back.
    conn.execute("DELETE FROM theme_keyword WHERE keyword = 'eugenics' AND theme_id = ?1", [theme]).unwrap();
    drop(conn);
    w.ok(&["check"]);
    let kw = |k: &str| {
        w.count(&format!(
            "SELECT count(*) FROM theme_keyword k JOIN theme t ON t.id = k.theme_id
              WHERE t.slug = 'historical-awareness' AND k.keyword = '{k}'"
        ))
    };
    assert_eq!(kw("colonialism"), 0, "a keyword the user removed is not brought back");
    assert_eq!(kw("colonisation"), 1, "a keyword new in round 5 is added");
    assert_eq!(kw("eugenics"), 1, "a seed keyword missing with no history of its removal is added");
}
