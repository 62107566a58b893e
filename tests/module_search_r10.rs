//! `canon search` finds modules by code and title as well as sessions and
//! readings (issue 13, "search that takes what people type": a module called
//! "Critical Care and Anaesthesia" was not found by `anaesthesia`), with the
//! same stems, spellings, filters and scripts, and the index follows every
//! change to a module: import, edit, remove, undo.

mod common;

use common::Workdir;
use common::web::Server;
use serde_json::Value;

fn db() -> Workdir {
    let w = Workdir::new();
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               MBBS,3,MED3010,Critical Care and Anaesthesia,Airway management,Secure an airway,\n\
               MBBS,3,MED3010,Critical Care and Anaesthesia,Sepsis bundles,Recognise sepsis,epistemic-bias\n\
               MBBS,1,MED1001,Foundations of Colonial Medicine,Cell biology,Describe the cell,\n\
               MBBS,2,MED2002,Paediatrics,Growth charts,Plot a growth chart,\n\
               MBBS,2,MED2003,中医与西医,Pulse diagnosis,Take a pulse,\n";
    let f = w.write("m.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    w
}

/// (kind, context, title) of each hit, in the order printed.
fn hits(w: &Workdir, args: &[&str]) -> Vec<(String, String, String)> {
    let mut a = vec!["search"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--format", "json"]);
    let v: Value = w.json(&a);
    v.as_array()
        .unwrap_or_else(|| panic!("{args:?}: not an array: {v}"))
        .iter()
        .map(|h| {
            let s = |k: &str| h[k].as_str().unwrap_or_default().to_string();
            (s("kind"), s("context"), s("title"))
        })
        .collect()
}

fn modules(w: &Workdir, args: &[&str]) -> Vec<String> {
    let mut m: Vec<String> = hits(w, args).into_iter().filter(|h| h.0 == "module").map(|h| h.2).collect();
    m.sort();
    m
}

#[test]
fn a_module_title_is_found_by_its_words_stems_and_spellings() {
    let w = db();
    let found = hits(&w, &["anaesthesia"]);
    assert_eq!(
        found,
        [("module".to_string(), "MED3010".to_string(), "Critical Care and Anaesthesia".to_string())],
        "a module title is searched; its sessions do not all match"
    );
    // American spelling, a stem, a phrase, a code, a prefix.
    assert_eq!(modules(&w, &["anesthesia"]), ["Critical Care and Anaesthesia"]);
    assert_eq!(modules(&w, &["colonialism"]), ["Foundations of Colonial Medicine"]);
    assert_eq!(modules(&w, &["\"critical care\""]), ["Critical Care and Anaesthesia"]);
    assert_eq!(modules(&w, &["MED2002"]), ["Paediatrics"]);
    assert_eq!(modules(&w, &["pediatrics"]), ["Paediatrics"]);
    assert_eq!(modules(&w, &["paed*"]), ["Paediatrics"]);
    // Boolean operators and -word apply to a module's code and title together.
    assert_eq!(modules(&w, &["care", "-anaesthesia"]), Vec::<String>::new());
    assert_eq!(modules(&w, &["paediatrics OR anaesthesia"]), ["Critical Care and Anaesthesia", "Paediatrics"]);
    // Chinese text is found inside the title by substring.
    assert_eq!(modules(&w, &["西医"]), ["中医与西医"]);
    // A session's own words still find the session, not its module.
    assert_eq!(hits(&w, &["airway"]), [("item".to_string(), "MED3010".to_string(), "Airway management".to_string())]);
}

#[test]
fn filters_scope_modules_as_they_scope_sessions() {
    let w = db();
    // A module is in a theme when one of its sessions is tagged with it.
    assert_eq!(modules(&w, &["care", "--theme", "epistemic-bias"]), ["Critical Care and Anaesthesia"]);
    assert_eq!(modules(&w, &["paediatrics", "--theme", "epistemic-bias"]), Vec::<String>::new());
    assert_eq!(modules(&w, &["anaesthesia", "--year", "3"]), ["Critical Care and Anaesthesia"]);
    assert_eq!(modules(&w, &["anaesthesia year:2"]), Vec::<String>::new());
    assert_eq!(modules(&w, &["西医", "--year", "2"]), ["中医与西医"]);
    assert_eq!(modules(&w, &["西医", "--year", "1"]), Vec::<String>::new());
}

#[test]
fn the_index_follows_edits_removals_undo_and_reimports() {
    let w = db();
    let last = |w: &Workdir| w.count("SELECT max(id) FROM history").to_string();
    let undo = |w: &Workdir, id: &str| w.ok(&["undo", id, "--by", "amina"]);
    w.ok(&["module", "edit", "MED2002", "--title", "Child Health", "--by", "amina"]);
    let retitled = last(&w);
    assert_eq!(modules(&w, &["paediatrics"]), Vec::<String>::new(), "the old title is gone from the index");
    assert_eq!(modules(&w, &["child"]), ["Child Health"]);
    w.ok(&["module", "edit", "MED2002", "--code", "PAED200", "--by", "amina"]);
    let recoded = last(&w);
    assert_eq!(hits(&w, &["PAED200"]).first().map(|h| h.1.clone()), Some("PAED200".into()));
    assert!(modules(&w, &["MED2002"]).is_empty());
    undo(&w, &recoded);
    undo(&w, &retitled);
    assert_eq!(modules(&w, &["paediatrics"]), ["Paediatrics"], "undo restores the indexed title");
    w.ok(&["module", "remove", "MED1001", "--force", "--by", "amina"]);
    assert!(modules(&w, &["colonial"]).is_empty());
    undo(&w, &last(&w));
    assert_eq!(modules(&w, &["colonial"]), ["Foundations of Colonial Medicine"]);
    // A re-import that renames a module renames it in the index.
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               MBBS,3,MED3010,Intensive Care Medicine,Airway management,Secure an airway,\n";
    let f = w.write("m2.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    assert!(modules(&w, &["anaesthesia"]).is_empty());
    assert_eq!(modules(&w, &["intensive"]), ["Intensive Care Medicine"]);
    // `check` verifies the module index with the others.
    let out = w.ok(&["check"]);
    assert!(out.contains("module_fts"), "{out}");
}

#[test]
fn the_web_search_page_lists_modules_and_links_them() {
    let w = db();
    let id = w.count("SELECT id FROM module WHERE code = 'MED3010'");
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let r = c.get("/search?q=anesthesia");
    assert_eq!(r.status, 200);
    let page = r.text();
    assert!(page.contains("1 module, 0 sessions and 0 readings match"), "{page}");
    assert!(page.contains("<h2>Modules</h2>"), "{page}");
    assert!(page.contains(&format!("href=\"/modules/{id}\"")), "{page}");
    assert!(page.contains("<mark>Anaesthesia</mark>"), "the module title is marked: {page}");
    // A title with markup in it is escaped.
    w.ok(&["module", "edit", "MED2002", "--title", "<b>Paediatrics</b>", "--by", "amina"]);
    let page = c.get("/search?q=paediatrics").text();
    assert!(page.contains("&lt;b&gt;") && !page.contains("<b><mark>"), "{page}");
}
