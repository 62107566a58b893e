//! Tester r65 F9 (18-digit IDs in every CSV written `R…`, as `export
//! reading` writes them, and read back by every command that takes an ID),
//! F10 (an "ahead of print" record given a volume, in every door) and F13
//! (a library list's rows typed by the one rule, its type column read, the
//! `--map` hint offering `type`).

mod common;

use common::{Workdir, sample};

/// The rows of a CSV text as maps from header to cell.
fn rows(csv_text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers: Vec<String> = r.headers().expect("a header").iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            let rec = rec.expect("a row");
            headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect()
        })
        .collect()
}

/// Whether `cell` is an ID as a spreadsheet keeps it: `R` and digits.
fn safe_id(cell: &str) -> bool {
    cell.len() > 10 && cell.starts_with('R') && cell[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Asserts that every non-empty cell of `column` in `csv_text` is an `R…` ID,
/// and that there is at least one; returns the cells.
fn ids_in(what: &str, csv_text: &str, column: &str) -> Vec<String> {
    let cells: Vec<String> =
        rows(csv_text).iter().map(|r| r.get(column).cloned().unwrap_or_default()).filter(|c| !c.is_empty()).collect();
    assert!(!cells.is_empty(), "{what}: no {column} cell in\n{csv_text}");
    for c in &cells {
        assert!(safe_id(c), "{what}: {column} cell {c:?} is no R… ID\n{csv_text}");
    }
    cells
}

fn setup() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.ok(&["import", "modules", &sample("modules.csv"), "-q"]);
    w.ok(&["import", "reading", &sample("reading.csv"), "-q", "--by", "amina"]);
    w
}

fn json_id(w: &Workdir, prefix: &str) -> i64 {
    common::reading(&w.reading_list(), prefix)["id"].as_i64().expect("an id")
}

#[test]
fn reading_list_csv_writes_r_ids_that_every_reading_command_takes_back() {
    let w = setup();
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    ids_in("reading list", &csv, "id");
    let row = rows(&csv).into_iter().find(|r| r["title"] == "The Wretched of the Earth").expect("the row");
    let rid = row["id"].clone();
    assert_eq!(rid, format!("R{}", json_id(&w, "The Wretched of the Earth")), "the same ID, as text");
    // The table and the JSON keep the number.
    let table = w.ok(&["reading", "list", "--format", "table"]);
    assert!(table.contains(&rid[1..]) && !table.contains(&rid), "{table}");
    // Every command that takes a reading takes the CSV's form back.
    assert!(w.ok(&["reading", "show", &rid]).contains("The Wretched of the Earth"));
    let card = w.ok(&["reading", "show", &rid, "--format", "csv"]);
    let id_row = rows(&card).into_iter().find(|r| r["field"] == "id").expect("an id row");
    assert_eq!(id_row["value"], rid, "{card}");
    w.ok(&["reading", "edit", &rid, "--note", "edited by its CSV ID", "--by", "amina"]);
    w.ok(&["tag", &rid, "intersectional-health", "--by", "amina"]);
    w.ok(&["review", &rid, "--approve", "--by", "bao", "--note", "ok"]);
    w.ok(&[
        "facet",
        "add",
        &rid,
        "--author",
        "1",
        "--facet",
        "region",
        "--value",
        "Caribbean",
        "--basis",
        "published",
        "--source",
        "https://example.org/p",
        "--by",
        "amina",
    ]);
    let log = w.ok(&["log", "--id", &rid, "--format", "csv"]);
    assert!(rows(&log).len() >= 3, "log --id R… finds the reading's changes\n{log}");
    w.ok(&["reading", "remove", &rid, "--by", "amina", "--force"]);
    assert!(w.ok(&["reading", "list", "--format", "csv"]).lines().all(|l| !l.contains("The Wretched of the Earth")));
}

#[test]
fn log_contributor_item_link_facet_search_suggest_csvs_write_r_ids() {
    let w = setup();
    let rid = format!("R{}", json_id(&w, "The Wretched of the Earth"));
    // Log: the record is an ID, the change number stays a number (what `undo` takes).
    let log = w.ok(&["log", "--format", "csv"]);
    ids_in("log", &log, "record");
    for r in rows(&log) {
        assert!(r["id"].parse::<i64>().is_ok(), "change number {:?} stays a number", r["id"]);
    }
    let contributors = w.ok(&["contributor", "list", "--format", "csv"]);
    let cid = ids_in("contributor list", &contributors, "id").remove(0);
    assert!(w.ok(&["contributor", "show", &cid]).contains("amina"));
    // Items: the list, the card, and every command that takes an item.
    let items = w.ok(&["item", "list", "--module", "MED1001", "--format", "csv"]);
    let iid = ids_in("item list", &items, "id").remove(0);
    assert!(w.ok(&["item", "show", &iid]).contains("MED1001"));
    let card = w.ok(&["item", "show", &iid, "--format", "csv"]);
    assert!(rows(&card).iter().any(|r| r["field"] == "id" && r["value"] == iid), "{card}");
    w.ok(&["tag", &iid, "historical-awareness", "--by", "amina"]);
    let evidence = w.ok(&["coverage", "--evidence", "--format", "csv"]);
    assert!(ids_in("coverage --evidence", &evidence, "item_id").contains(&iid), "{evidence}");
    // Links: their ID, and the reading column when the reading has no DOI.
    w.ok(&["link", &rid, &iid, "--by", "amina"]);
    let links = w.ok(&["link", "list", "--format", "csv"]);
    let lid = ids_in("link list", &links, "id").remove(0);
    assert_eq!(ids_in("link list", &links, "reading"), vec![rid.to_string()]);
    assert!(w.ok(&["link", "show", &lid]).contains("Wretched"));
    // Facets.
    w.ok(&[
        "facet",
        "add",
        &rid,
        "--author",
        "1",
        "--facet",
        "region",
        "--value",
        "Caribbean",
        "--basis",
        "published",
        "--source",
        "https://example.org/p",
        "--by",
        "amina",
    ]);
    let facets = w.ok(&["facet", "list", "--format", "csv"]);
    let fid = ids_in("facet list", &facets, "id").remove(0);
    assert!(w.ok(&["facet", "show", &fid]).contains("Caribbean"));
    w.ok(&["facet", "edit", &fid, "--value", "West Indies", "--by", "amina"]);
    // Search and suggestions.
    let hits = w.ok(&["search", "colonial", "--format", "csv"]);
    ids_in("search", &hits, "id");
    let suggested = w.ok(&["suggest", "--format", "csv"]);
    ids_in("suggest", &suggested, "id");
    w.ok(&["unlink", &lid, "--by", "amina"]);
}

#[test]
fn report_folder_merge_and_resolve_csvs_write_r_ids() {
    let w = setup();
    let rid = json_id(&w, "The Wretched of the Earth");
    let items = w.ok(&["item", "list", "--module", "MED1001", "--format", "csv"]);
    let iid = rows(&items)[0]["id"].clone();
    w.ok(&["tag", &iid, "historical-awareness", "--by", "amina"]);
    w.ok(&["link", &format!("R{rid}"), &iid, "--by", "amina"]);
    let out = w.path("o_dir");
    w.ok(&["report", out.to_str().unwrap(), "--format", "csv", "-q"]);
    let read = |n: &str| std::fs::read_to_string(out.join(n)).unwrap_or_else(|e| panic!("{n}: {e}"));
    assert!(ids_in("readings.csv", &read("readings.csv"), "id").contains(&format!("R{rid}")));
    ids_in("readings_by_theme.csv", &read("readings_by_theme.csv"), "id");
    assert!(ids_in("module_readings.csv", &read("module_readings.csv"), "reading_id").contains(&format!("R{rid}")));
    ids_in("evidence.csv", &read("evidence.csv"), "item_id");
    // Findings and gaps keep their own short IDs (F1, G1).
    assert!(rows(&read("findings.csv")).iter().all(|r| r["id"].starts_with('F')));

    // Two copies edit one title apart: the merge and the conflict list.
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    w.ok(&["reading", "edit", &rid.to_string(), "--title", "The Wretched of the Earth (ours)", "--by", "amina"]);
    w.ok_at(&b, &["reading", "edit", &rid.to_string(), "--title", "The Wretched of the Earth (theirs)", "--by", "bao"]);
    w.ok_at(&b, &["reading", "edit", &rid.to_string(), "--note", "their note", "--by", "bao"]);
    let merged = w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "--format", "csv"]);
    ids_in("merge", &merged, "id");
    let conflicts = w.ok(&["resolve", "--format", "csv"]);
    assert_eq!(ids_in("resolve", &conflicts, "record"), [format!("R{rid}")]);
    let conflict = rows(&conflicts)[0]["id"].clone();
    assert!(conflict.parse::<i64>().is_ok(), "the conflict's own number stays a number: {conflict}");
    w.ok(&["resolve", &conflict, "--take", "ours", "--by", "amina"]);
    // The log's record column, and `log --id` with the CSV's form.
    let log = w.ok(&["log", "--id", &format!("R{rid}"), "--format", "csv"]);
    assert!(rows(&log).iter().all(|r| r["record"] == format!("R{rid}")), "{log}");
}

#[test]
fn a_bare_id_is_still_read_and_a_word_is_refused_with_the_form_expected() {
    let w = setup();
    let rid = json_id(&w, "The Wretched of the Earth");
    assert!(w.ok(&["reading", "show", &rid.to_string()]).contains("Wretched"));
    let err = w.fails(&["facet", "show", "Rxyz"]);
    assert!(err.contains("is not an ID; expected e.g. 915398667749232001 or R915398667749232001"), "{err}");
}

const P_NBIB: &str = "PMID- 37930000
OWN - NLM
STAT- Publisher
DP  - 2023 Nov 4
TI  - Skin tone and pulse oximetry bias in intensive care: a cohort study.
AU  - Osei J
TA  - Crit Care Med
JT  - Critical care medicine
PT  - Journal Article
AID - 10.1097/CCM.0000000000006000 [doi]
PST - aheadofprint
";

#[test]
fn an_ahead_of_print_record_given_a_volume_is_published_in_every_door_and_round_trips() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading("p.nbib", P_NBIB);
    let doi = "10.1097/CCM.0000000000006000";
    let r = common::reading(&w.reading_list(), "Skin tone").clone();
    assert_eq!(r["year_note"], "ahead of print", "{r}");
    let out = w
        .cmd(&["reading", "edit", doi, "--volume", "52", "--issue", "1", "--pages", "10-18", "--by", "amina"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("year_note: \"ahead of print\" → (empty)"), "the change lists the state: {said}");
    assert!(said.contains("no longer \"ahead of print\": a work in a volume is published"), "{said}");
    let before = common::reading(&w.reading_list(), "Skin tone").clone();
    assert_eq!((before["volume"].as_str(), before["year_note"].as_str()), (Some("52"), None), "{before}");
    // Export, then import into a fresh database: the same record, without a warning about it.
    let csv = w.path("rt.csv");
    w.ok(&["export", "reading", "-o", csv.to_str().unwrap()]);
    let fresh = w.path("fresh.db");
    w.ok_at(&fresh, &["init", "-q"]);
    let out = w.run_at(&fresh, &["import", "reading", csv.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("ahead of print"), "{err}");
    let list: serde_json::Value =
        serde_json::from_str(&w.ok_at(&fresh, &["reading", "list", "--format", "json"])).unwrap();
    let after = common::reading(&list, "Skin tone");
    for k in ["year", "year_note", "volume", "issue", "pages", "month", "day", "doi", "type"] {
        assert_eq!(after[k], before[k], "{k} after export → import");
    }
    // A later edit of another field says nothing of the state.
    let out = w.ok_stderr(&["reading", "edit", doi, "--note", "seen", "--by", "amina"]);
    assert!(!out.contains("ahead of print"), "{out}");
}

#[test]
fn a_volume_that_reaches_a_copy_by_merge_ends_the_state_there_too() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading("p.nbib", P_NBIB);
    let b = w.path("b.db");
    std::fs::copy(w.db(), &b).unwrap();
    w.ok_at(&b, &["reading", "edit", "10.1097/CCM.0000000000006000", "--volume", "52", "--by", "bao"]);
    w.ok(&["merge", b.to_str().unwrap(), "--by", "amina", "-q"]);
    let r = common::reading(&w.reading_list(), "Skin tone").clone();
    assert_eq!((r["volume"].as_str(), r["year_note"].as_str()), (Some("52"), None), "{r}");
}

#[test]
fn the_warning_for_ahead_of_print_in_a_volume_names_the_volume_cell() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading(
        "h.csv",
        "title,authors,year,type,volume,year_note,doi\nA title,\"Doe, J\",2023,article,52,ahead of print,10.1/x\n",
    );
    assert!(
        err.contains("h.csv:2:5: warning: said to be published ahead of print, but in volume 52: kept as published"),
        "{err}"
    );
    // Without a volume column, the state's cell.
    let err = w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - Another title\nAU  - Doe, J\nPY  - 2023\nVL  - 7\nDO  - 10.1/y\nER  - \n",
    );
    assert!(!err.contains("ahead of print"), "no state, nothing said: {err}");
}

const TALIS: &str = "Item Link,Type of Item,Title,Authors,Secondary Title,Edition,Date of Publication,Publisher,Place of Publication,Volume,Issue,Start Page,End Page,DOI,ISBN13,ISBN10,Online Resource,Importance,Student Note,Section
http://lists.example.ac.uk/items/1,Book,Reimagining global health: an introduction,\"Farmer, Paul; Kim, Jim Yong\",,2nd ed.,2013,University of California Press,Berkeley,,,,,,9780520271999,0520271998,,Essential,Read ch. 1-3,Week 2
http://lists.example.ac.uk/items/2,Article,Race correction in eGFR: a review,\"Mensah, Kofi A., Jr.; van der Berg, Pieter; Núñez, José\",The Lancet,,\"March 14, 2020\",,,395,10,201,209,10.1016/S0140-6736(20)30001-1,,,,Recommended,,Week 3
";

#[test]
fn the_testers_library_list_is_typed_and_its_journal_read() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading("talis.csv", TALIS);
    assert!(err.contains("\"Type of Item\" → type") && err.contains("\"Secondary Title\" → container"), "{err}");
    assert!(!err.contains("\"Type of Item\" is not read") && !err.contains("\"Secondary Title\" is not read"), "{err}");
    let list = w.reading_list();
    let book = common::reading(&list, "Reimagining global health");
    assert_eq!((book["type"].as_str(), book["isbn"].as_str()), (Some("book"), Some("9780520271999")), "{book}");
    let article = common::reading(&list, "Race correction");
    assert_eq!((article["type"].as_str(), article["container"].as_str()), (Some("article"), Some("The Lancet")));
}

#[test]
fn a_library_row_without_a_type_is_typed_by_the_one_rule_and_said() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading(
        "l.csv",
        "Item Link,Title,Authors,ISBN13,Journal Title,DOI,Publisher\n\
         http://x/1,A book,\"Doe, Jo\",9780520271999,,,\n\
         http://x/2,A press book,\"Ko, Bo\",,,,Zed Books\n\
         http://x/3,An article,\"Roe, Al\",,The Lancet,,\n\
         http://x/4,Only a DOI,\"Poe, Ed\",,,10.1000/abc,\n\
         http://x/5,Nothing known,\"Moe, Li\",,,,\n",
    );
    for line in [
        "l.csv:2: warning: no type given: read as a book (an ISBN or a publisher, and no journal)",
        "l.csv:3: warning: no type given: read as a book (an ISBN or a publisher, and no journal)",
        "l.csv:4: warning: no type given: read as an article (a journal)",
        "l.csv:5: warning: no type given: read as an article (a DOI, and no ISBN or publisher)",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    // Nothing given and nothing to type it by: type other, canon's "not known", not said per row.
    assert!(!err.contains("l.csv:6:"), "{err}");
    let list = w.reading_list();
    let kind = |p: &str| common::reading(&list, p)["type"].as_str().unwrap().to_string();
    assert_eq!(
        [kind("A book"), kind("A press book"), kind("An article"), kind("Only a DOI"), kind("Nothing known")],
        ["book", "book", "article", "article", "other"]
    );
}

#[test]
fn an_unknown_type_word_is_said_at_its_cell_with_what_canon_did() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading(
        "u.csv",
        "Item Link,Title,Resource Type,ISBN13,Journal Title\n\
         http://x/1,A kit,Kit,9780520271999,\n\
         http://x/2,A zine,Zine,,Zine Quarterly\n\
         http://x/3,A thing,Realia,,\n\
         http://x/4,A blank,,,\n",
    );
    for line in [
        "u.csv:2:3: warning: type \"Kit\" is not one canon knows: read as a book (an ISBN or a publisher, and no journal); expected one of article,",
        "u.csv:3:3: warning: type \"Zine\" is not one canon knows: read as an article (a journal)",
        "u.csv:4:3: warning: type \"Realia\" is not one canon knows: read as type other (nothing in the record says what it is)",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    assert!(!err.contains("u.csv:5:"), "an empty cell, nothing to type it by: {err}");
}

#[test]
fn the_map_hint_offers_type_for_a_column_that_names_the_type() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    for (header, file) in [("Kind of Work", "k.csv"), ("Type of Record", "t.csv")] {
        let err = w.import_reading(file, &format!("Item Link,Title,{header}\nhttp://x/1,A title {file},Book\n"));
        assert!(err.contains(&format!("to read it, add --map '{header}=type'")), "{header}: {err}");
    }
    // A canonical reading list too.
    let err = w.import_reading("c.csv", "title,authors,Type of Work\nA third title,\"Doe, J\",book\n");
    assert!(err.contains("to read it, add --map 'Type of Work=type'"), "{err}");
    // The hint read: the type is taken.
    // (With its year: a chapter with neither its book nor a year is invalid; r74.)
    let p = w.write("m.csv", "Item Link,Title,Kind of Work,Year\nhttp://x/9,A mapped title,Book Chapter,2010\n");
    w.ok(&["import", "reading", p.to_str().unwrap(), "--map", "Kind of Work=type", "-q"]);
    assert_eq!(common::reading(&w.reading_list(), "A mapped title")["type"], "chapter");
}

#[test]
fn library_system_column_names_each_read() {
    // (header, the field it fills, a cell, what is stored)
    for (header, cell, field, stored) in [
        ("Type of Item", "Book", "type", "book"),
        ("Type of Resource", "Book", "type", "book"),
        ("Material Type", "Book", "type", "book"),
        ("Citation Secondary Type", "Book", "type", "book"),
        ("Item Type", "Book", "type", "book"),
        ("Resource Type", "Book", "type", "book"),
        ("Citation Type", "Book", "type", "book"),
        ("Secondary Title", "The Lancet", "container", "The Lancet"),
        ("Citation Journal Title", "The Lancet", "container", "The Lancet"),
        ("Journal Title", "The Lancet", "container", "The Lancet"),
    ] {
        let w = Workdir::new();
        w.ok(&["init", "-q"]);
        let err = w.import_reading("x.csv", &format!("Item Link,Title,{header}\nhttp://x/1,The title,{cell}\n"));
        assert!(err.contains(&format!("\"{header}\" → {field}")), "{header}: {err}");
        let r = common::reading(&w.reading_list(), "The title").clone();
        assert_eq!(r[field].as_str(), Some(stored), "{header}: {r}");
    }
}

#[test]
fn zotero_and_scopus_rows_without_a_known_type_follow_the_same_rule() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let err = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Publication Title,ISBN,DOI,Publisher\n\
         K1,,2019,\"Doe, Jo\",A zotero book,,9780520271999,,Zed\n\
         K2,gizmo,2019,\"Roe, Al\",A zotero article,The Lancet,,,\n",
    );
    assert!(err.contains("z.csv:2:2: warning: no type given: read as a book"), "{err}");
    assert!(
        err.contains("z.csv:3:2: warning: type \"gizmo\" is not one canon knows: read as an article (a journal)"),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "A zotero book")["type"], "book");
    assert_eq!(common::reading(&list, "A zotero article")["type"], "article");
}

#[test]
fn reading_add_with_a_volume_and_ahead_of_print_keeps_the_one_rule() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let args = ["reading", "add", "--title", "Added ahead", "--author", "Doe, J", "--year", "2023 (ahead of print)"];
    let err = w.ok_stderr(&[&args[..], &["--volume", "5", "--type", "article", "--by", "amina"]].concat());
    assert!(
        err.contains(
            "warning: said to be published ahead of print, but in volume 5: kept as published, without the state"
        ),
        "{err}"
    );
    let r = common::reading(&w.reading_list(), "Added ahead").clone();
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str(), r["volume"].as_str()), (Some(2023), None, Some("5")));
    // Without a volume, the state is kept, and nothing said.
    let err =
        w.ok_stderr(&["reading", "add", "--title", "Still ahead", "--year", "2023 (ahead of print)", "--by", "amina"]);
    assert!(!err.contains("ahead of print"), "{err}");
    assert_eq!(common::reading(&w.reading_list(), "Still ahead")["year_note"], "ahead of print");
}
