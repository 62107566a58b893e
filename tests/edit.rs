//! Correcting and removing what was entered (issue 10, the edit half):
//! add / edit / remove / list / show for modules, items, readings, themes,
//! contributors, links and snapshots; undo of every edit and removal; the
//! --force rule; the --programme filter and ambiguous references.

mod common;

use common::{Workdir, sample};

fn imported() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

/// Every row of the tables a removal touches, as text: equal before a
/// removal and after its undo when everything came back as it was.
fn dump(w: &Workdir) -> String {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let mut out = String::new();
    for (t, order) in [
        ("programme", "id"),
        ("module", "id"),
        ("item", "id"),
        ("item_tag", "item_id, theme_id"),
        ("link", "id"),
        ("reading", "id"),
        ("reading_author", "reading_id, position"),
        ("reading_tag", "reading_id, theme_id"),
        ("review", "id"),
        ("theme", "id"),
        ("theme_keyword", "theme_id, keyword"),
        ("contributor", "id"),
        ("snapshot", "id"),
        ("snapshot_coverage", "snapshot_id, programme, module_code, theme"),
        ("snapshot_gap", "snapshot_id, key"),
    ] {
        let mut st = c.prepare(&format!("SELECT * FROM {t} ORDER BY {order}")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let vals: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>();
            out.push_str(&format!("{t}: {}\n", vals.join(" | ")));
        }
    }
    // Who made each change is part of what a contributor's removal clears.
    let mut st = c.prepare("SELECT id, by_id FROM history ORDER BY id").unwrap();
    let mut rows = st.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        out.push_str(&format!("history {:?} by {:?}\n", r.get_ref(0).unwrap(), r.get_ref(1).unwrap()));
    }
    out
}

/// The part of [`dump`] before the history, for comparing across undo (which adds history rows).
fn records(w: &Workdir) -> String {
    dump(w).lines().filter(|l| !l.starts_with("history ")).collect::<Vec<_>>().join("\n")
}

fn item_id(w: &Workdir, module: &str, title: &str) -> String {
    let items = w.json(&["item", "list", "--module", module, "--format", "json"]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("no item {title:?} in {module}"))["id"]
        .as_i64()
        .unwrap()
        .to_string()
}

fn check(w: &Workdir) {
    let out = w.ok_stderr(&["check"]);
    assert!(out.contains("all checks passed"), "{out}");
}

const OXIMETRY: &str = "Pulse oximetry and skin tone";

#[test]
fn item_edit_remove_and_undo_that_change() {
    let w = imported();
    let id = item_id(&w, "MED2002", OXIMETRY);
    // The acceptance line: edit, remove, undo the removal.
    let edit = w.ok(&["item", "edit", &id, "--title", "Pulse oximetry across skin tones", "--by", "amina"]);
    let edit = edit.trim().to_string();
    let edited = records(&w);
    let err = w.cmd(&["item", "remove", &id, "--by", "amina"]).output().unwrap();
    assert!(err.status.success(), "{}", String::from_utf8_lossy(&err.stderr));
    let note = String::from_utf8(err.stderr).unwrap();
    assert!(
        note.contains("removed item MED2002/Pulse oximetry across skin tones with 1 theme tag (epistemic-bias)"),
        "{note}"
    );
    let removal = String::from_utf8(err.stdout).unwrap().trim().to_string();
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE id = {id}")), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {id}")), 0);
    let indexed = format!("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'oximetry' AND rowid = {id}");
    assert_eq!(w.count(&indexed), 0);
    check(&w);
    let out = w.ok_stderr(&["undo", &removal, "--by", "amina"]);
    assert!(out.contains("restored the item") && out.contains("1 item tag"), "{out}");
    assert!(!out.contains("1 item tags"), "one of a kind is singular: {out}");
    assert_eq!(records(&w), edited, "the item came back exactly as it was removed");
    assert_eq!(w.count(&indexed), 1);
    // The removal and its undo cancel out, so the edit can be undone next; twice is refused.
    w.ok(&["undo", &edit, "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE id = {id} AND title = '{OXIMETRY}'")), 1);
    let again = w.fails(&["undo", &edit, "--by", "amina"]);
    assert!(again.contains(&format!("change #{edit} was already undone by #")), "{again}");
    // A redo (the undo of that undo) brings the edit back.
    let undo_row = w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["undo", &undo_row, "--by", "amina"]);
    assert_eq!(
        w.count(&format!("SELECT count(*) FROM item WHERE id = {id} AND title = 'Pulse oximetry across skin tones'")),
        1
    );
    check(&w);

    // item show, by CODE/Session title, as a card and as JSON.
    let card = w.ok(&["item", "show", "MED2002/Pulse oximetry across skin tones"]);
    assert!(card.contains("epistemic-bias") && card.contains("MED2002 Respiratory System"), "{card}");
    assert!(card.contains("update by amina") && card.contains("delete by amina"), "{card}");
    let j = w.json(&["item", "show", &id, "--format", "json"]);
    assert_eq!(j["title"], "Pulse oximetry across skin tones");
    assert_eq!(j["tags"][0]["theme"], "epistemic-bias");

    // Every field: kind, outcomes, Bloom level, module; then back to the start by undoing each.
    let w2 = imported();
    let id = item_id(&w2, "MED2002", OXIMETRY);
    let mut changes = Vec::new();
    for args in [
        vec!["--title", "Pulse oximetry across skin tones"],
        vec!["--kind", "outcome"],
        vec!["--outcome", "Critique oximeter bias", "--outcome", "Design a fairer device"],
        vec!["--bloom", "create"],
        vec!["--move-to", "MED2003"],
    ] {
        let mut a = vec!["item", "edit", id.as_str()];
        a.extend(args);
        a.extend(["--by", "amina"]);
        changes.push(w2.ok(&a).trim().to_string());
    }
    let j = w2.json(&["item", "show", &id, "--format", "json"]);
    assert_eq!(j["kind"], "outcome");
    assert_eq!(j["learning_outcomes"], "Critique oximeter bias\nDesign a fairer device");
    assert_eq!(j["bloom_override"], "create");
    assert_eq!(j["module_code"], "MED2003");
    for c in changes.iter().rev() {
        w2.ok(&["undo", c, "--by", "amina"]);
    }
    let j = w2.json(&["item", "show", &id, "--format", "json"]);
    assert_eq!(
        (j["title"].as_str(), j["kind"].as_str(), j["module_code"].as_str()),
        (Some(OXIMETRY), Some("session"), Some("MED2002"))
    );
    assert!(j["bloom_override"].is_null());
    check(&w2);

    // Refusals: a title the module has, an unknown module, nothing to change; nothing written.
    let h = w2.count("SELECT count(*) FROM history");
    let err = w2.fails(&["item", "edit", &id, "--title", "COPD", "--by", "amina"]);
    assert!(err.contains("already has an item titled \"COPD\""), "{err}");
    let err = w2.fails(&["item", "edit", &id, "--move-to", "NOPE1", "--by", "amina"]);
    assert!(err.contains("no module \"NOPE1\""), "{err}");
    let err = w2.fails(&["item", "edit", &id, "--by", "amina"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = w2.fails(&["item", "edit", &id, "--title", "x"]);
    assert!(err.contains("who is making this change"), "{err}");
    assert_eq!(w2.count("SELECT count(*) FROM history"), h);
}

#[test]
fn item_add_and_undo_of_the_add() {
    let w = imported();
    let id = w.ok(&[
        "item",
        "add",
        "MED2002",
        "--title",
        "Race correction in spirometry",
        "--outcome",
        "Critique race-based reference equations",
        "--by",
        "amina",
    ]);
    let id = id.trim();
    let j = w.json(&["item", "show", "MED2002/race correction in spirometry", "--format", "json"]);
    assert_eq!(j["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(j["bloom"], "evaluate");
    assert_eq!(w.count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'spirometry AND race'"), 1);
    // A title the module has, in any case, is refused: `CODE/Session title` ignores case.
    let err = w.fails(&["item", "add", "MED2002", "--title", "race correction in spirometry ", "--by", "amina"]);
    assert!(err.contains("already has an item titled \"Race correction in spirometry\""), "{err}");
    let add =
        w.count(&format!("SELECT id FROM history WHERE entity = 'item' AND entity_id = {id} AND action = 'insert'"));
    // Once it is tagged and linked, undoing the add would take those too: refused.
    w.ok(&["link", "10.1056/NEJMms2004740", id, "--by", "amina"]);
    let err = w.fails(&["undo", &add.to_string(), "--by", "amina"]);
    assert!(err.contains("has gained 1 reading link") && err.contains("--force"), "{err}");
    w.ok(&["unlink", "10.1056/NEJMms2004740", id, "--by", "amina"]);
    let out = w.ok_stderr(&["undo", &add.to_string(), "--by", "amina"]);
    assert!(out.contains("removed the item that"), "{out}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE id = {id}")), 0);
    check(&w);
}

#[test]
fn module_verbs_force_rule_and_undo_bring_back_sessions_tags_and_links() {
    let w = imported();
    // add, show, edit every field, remove (no sessions: no --force needed), undo.
    let id = w.ok(&["module", "add", "MED9001", "--title", "Global Health", "--year", "3", "--by", "amina"]);
    let id = id.trim().to_string();
    let j = w.json(&["module", "show", "MED9001", "--format", "json"]);
    assert_eq!((j["programme"].as_str(), j["year"].as_i64()), (Some("MBChB Medicine"), Some(3)));
    let err = w.fails(&["module", "add", "MED9001", "--title", "Again", "--by", "amina"]);
    assert!(err.contains("already has a module MED9001"), "{err}");
    let err = w.fails(&["module", "add", "MED/9", "--title", "Slash", "--by", "amina"]);
    assert!(err.contains("contains '/'"), "{err}");
    let err = w.fails(&["module", "edit", "MED9001", "--year", "12", "--by", "amina"]);
    assert!(err.contains("from 1 to 10"), "{err}");
    let err = w.fails(&["module", "edit", "MED9001", "--code", "MED2002", "--by", "amina"]);
    assert!(err.contains("already has a module MED2002"), "{err}");
    w.ok(&[
        "module",
        "edit",
        "MED9001",
        "--code",
        "MED9002",
        "--title",
        "Planetary Health",
        "--lead",
        "Dr Okafor",
        "--by",
        "amina",
    ]);
    let lead = w.ok(&["module", "edit", "MED9002", "--lead", "", "--year", "", "--by", "amina"]);
    let j = w.json(&["module", "show", &id, "--format", "json"]);
    assert_eq!((j["code"].as_str(), j["title"].as_str()), (Some("MED9002"), Some("Planetary Health")));
    assert!(j["lead"].is_null() && j["year"].is_null(), "{j}");
    w.ok(&["undo", lead.trim(), "--by", "amina"]);
    let j = w.json(&["module", "show", &id, "--format", "json"]);
    assert_eq!((j["lead"].as_str(), j["year"].as_i64()), (Some("Dr Okafor"), Some(3)));
    let rm = w.ok(&["module", "remove", "MED9002", "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM module WHERE id = {id}")), 0);
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM module WHERE id = {id} AND code = 'MED9002'")), 1);

    // A module with sessions: listed, refused without --force, nothing written.
    w.ok(&["link", "10.1056/NEJMms2004740", "MED2002", "--by", "amina"]);
    w.ok(&["link", "10.1056/NEJMms2004740", &format!("MED2002/{OXIMETRY}"), "--by", "amina"]);
    let before = records(&w);
    let history = w.count("SELECT count(*) FROM history");
    let err = w.fails(&["module", "remove", "MED2002", "--by", "amina"]);
    assert!(err.contains("9 sessions (MED2002/Asthma"), "{err}");
    assert!(err.contains("2 reading links") && err.contains("--force"), "{err}");
    let dry = w.ok_stderr(&["module", "remove", "MED2002", "--dry-run"]);
    assert!(dry.contains("would remove module MED2002") && dry.contains("2 theme tags on them"), "{dry}");
    assert_eq!(records(&w), before);
    assert_eq!(w.count("SELECT count(*) FROM history"), history);
    let rm = w.ok(&["module", "remove", "MED2002", "--force", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2002'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE module_id NOT IN (SELECT id FROM module)"), 0);
    assert_eq!(w.count("SELECT count(*) FROM link"), 0);
    check(&w);
    let log = w.ok(&["log", "--entity", "module", "--format", "csv"]);
    assert!(log.contains("removed MED2002 \"\"Respiratory System\"\"; with 9 items, 2 item tags, 2 links"), "{log}");
    let out = w.ok_stderr(&["undo", rm.trim(), "--by", "amina"]);
    assert!(out.contains("9 items, 2 item tags, 2 links"), "{out}");
    assert_eq!(records(&w), before, "the module came back with its sessions, tags and links, same IDs");
    check(&w);
    // The gaps and coverage see it again.
    let cov = w.ok(&["coverage", "--module", "MED2002", "--format", "csv"]);
    assert!(cov.contains("MED2002,Respiratory System,9"), "{cov}");

    // Undoing the undo takes the same records away again (no --force asked twice).
    let restored = w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["undo", &restored, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED2002'"), 0);
    w.ok(&["undo", &w.count("SELECT max(id) FROM history").to_string(), "--by", "amina"]);
    assert_eq!(records(&w), before);

    // Moving a module to a programme that is new needs --new-programme (a typo must not make
    // one); undo moves it back and removes the programme it made, now empty.
    let err = w.fails(&["module", "edit", "MED2002", "--move-to", "BSc Physician Associate", "--by", "amina"]);
    assert!(
        err.contains("no programme is called \"BSc Physician Associate\"; the programmes are \"MBChB Medicine\""),
        "{err}"
    );
    let mv = w.ok(&[
        "module",
        "edit",
        "MED2002",
        "--move-to",
        "BSc Physician Associate",
        "--new-programme",
        "--by",
        "amina",
    ]);
    let m = w.json(&["module", "list", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert_eq!(m[0]["code"], "MED2002");
    w.ok(&["undo", mv.trim(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM programme WHERE name = 'BSc Physician Associate'"), 0);
    assert_eq!(w.json(&["module", "show", "MED2002", "--format", "json"])["programme"], "MBChB Medicine");

    // Re-imported since? Then the undo of a removal is refused, naming why.
    let rm = w.ok(&["module", "remove", "MED2002", "--force", "--by", "amina"]);
    w.ok(&["import", "modules", &sample("modules.csv")]);
    let err = w.fails(&["undo", rm.trim(), "--by", "amina"]);
    assert!(err.contains("has taken its place since (same programme and code)"), "{err}");
}

#[test]
fn reading_edit_remove_by_doi_and_undo() {
    let w = imported();
    let doi = "10.1056/NEJMms2004740";
    let id = w.json(&["reading", "show", doi, "--format", "json"])["id"].as_i64().unwrap().to_string();
    let e = w.ok(&[
        "reading",
        "edit",
        doi,
        "--title",
        "Hidden in plain sight",
        "--author",
        "Vyas, Darshali A.",
        "--author",
        "Eisenstein, Leo G.",
        "--year",
        "2021",
        "--url",
        "https://example.org/x",
        "--note",
        "Race correction in eGFR and spirometry",
        "--global-south",
        "no",
        "--by",
        "amina",
    ]);
    let j = w.json(&["reading", "show", &id, "--format", "json"]);
    assert_eq!(j["title"], "Hidden in plain sight");
    assert_eq!(j["authors"], serde_json::json!(["Vyas, Darshali A.", "Eisenstein, Leo G."]));
    assert_eq!((j["year"].as_i64(), j["global_south"].as_bool()), (Some(2021), Some(false)));
    assert_eq!(w.count("SELECT count(*) FROM reading_fts WHERE reading_fts MATCH 'eisenstein'"), 1);
    // The DOI in any form is normalised; a DOI another reading has is refused.
    let other = w.json(&["reading", "list", "--format", "json"]);
    let other_doi =
        other.as_array().unwrap().iter().find_map(|r| r["doi"].as_str().filter(|d| *d != doi)).unwrap().to_string();
    let err = w.fails(&[
        "reading",
        "edit",
        &id,
        "--doi",
        &format!("https://doi.org/{}", other_doi.to_uppercase()),
        "--by",
        "amina",
    ]);
    assert!(err.contains("already belongs to reading"), "{err}");
    let err = w.fails(&["reading", "edit", &id, "--type", "pamphlet", "--by", "amina"]);
    assert!(err.contains("unknown type \"pamphlet\""), "{err}");
    w.ok(&["reading", "edit", &id, "--url", "", "--by", "amina"]);
    assert!(w.json(&["reading", "show", &id, "--format", "json"])["url"].is_null());
    let err = w.fails(&["undo", e.trim(), "--by", "amina"]);
    assert!(err.contains("undo that one first"), "{err}");

    // Remove by DOI: its authors, tags and reviews go with it; undo brings all back.
    w.ok(&["review", doi, "--reject", "--by", "kofi", "--note", "dated"]);
    let before = records(&w);
    let rm = w.ok(&["reading", "remove", doi, "--by", "amina"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id}")), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM review WHERE reading_id = {id}")), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading_author WHERE reading_id = {id}")), 0);
    assert!(w.fails(&["reading", "show", doi]).contains("no reading"));
    check(&w);
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before, "the reading came back with authors, tags and reviews");
    check(&w);

    // Linked to a session: needs --force, and the link comes back on undo.
    w.ok(&["link", doi, &format!("MED2002/{OXIMETRY}"), "--by", "amina"]);
    let before = records(&w);
    let err = w.fails(&["reading", "remove", doi, "--by", "amina"]);
    assert!(err.contains("1 link to sessions or modules (MED2002/Pulse oximetry"), "{err}");
    let rm = w.ok(&["reading", "remove", doi, "--force", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM link"), 0);
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before);

    // Added again since (same title and year): the undo of its removal is refused, not a duplicate.
    let rm = w.ok(&["reading", "remove", doi, "--force", "--by", "amina"]);
    w.ok(&["reading", "add", "--title", "Hidden in plain sight", "--year", "2021", "--by", "amina"]);
    let err = w.fails(&["undo", rm.trim(), "--by", "amina"]);
    assert!(err.contains("has taken its place since (same DOI, ISBN, or title and year)"), "{err}");
}

#[test]
fn theme_edit_lexicon_parent_and_remove_with_force() {
    let w = imported();
    // The acceptance line.
    let out = w.ok_stderr(&["theme", "edit", "epistemic-bias", "--add-keyword", "colourism", "--by", "amina"]);
    assert!(out.contains("changed theme epistemic-bias: keywords:"), "{out}");
    let t = w.json(&["theme", "show", "epistemic-bias", "--format", "json"]);
    assert!(t["keywords"].as_array().unwrap().iter().any(|k| k == "colourism"), "{t}");
    let before = w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["keywords"].clone();
    // A lexicon edit is undone like any other.
    let e = w.ok(&["theme", "edit", "epistemic-bias", "--add-keyword", "melanin", "--by", "amina"]);
    w.ok(&["undo", e.trim(), "--by", "amina"]);
    assert_eq!(w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["keywords"], before);
    // Remove one, add two (case folded); a missing word is refused and nothing written.
    w.ok(&[
        "theme",
        "edit",
        "Epistemic bias",
        "--remove-keyword",
        "colourism",
        "--add-keyword",
        "Shadeism",
        "--add-keyword",
        "skin tone bias",
        "--by",
        "amina",
    ]);
    let kw = w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["keywords"].clone();
    assert!(
        kw.as_array().unwrap().iter().any(|k| k == "shadeism")
            && !kw.as_array().unwrap().iter().any(|k| k == "colourism")
    );
    let err = w.fails(&["theme", "edit", "epistemic-bias", "--remove-keyword", "no such word", "--by", "amina"]);
    assert!(err.contains("has no keyword \"no such word\""), "{err}");
    // Name, description, parent; a cycle is refused.
    w.ok(&["theme", "add", "skin-tone", "--parent", "epistemic-bias", "--by", "amina"]);
    w.ok(&[
        "theme",
        "edit",
        "skin-tone",
        "--name",
        "Skin tone and devices",
        "--description",
        "Devices calibrated on light skin",
        "--by",
        "amina",
    ]);
    let err = w.fails(&["theme", "edit", "epistemic-bias", "--parent", "skin-tone", "--by", "amina"]);
    assert!(
        err.contains(
            "theme skin-tone is a sub-theme of epistemic-bias (epistemic-bias › skin-tone), so it cannot be \
             epistemic-bias's parent"
        ),
        "{err}"
    );
    let err = w.fails(&["theme", "edit", "epistemic-bias", "--parent", "epistemic-bias", "--by", "amina"]);
    assert!(err.contains("theme epistemic-bias cannot be its own parent"), "{err}");
    let err = w.fails(&["theme", "edit", "skin-tone", "--name", "Epistemic bias", "--by", "amina"]);
    assert!(err.contains("already has the name or slug"), "{err}");
    let err = w.fails(&["theme", "edit", "skin-tone", "--slug", "Skin Tone", "--by", "amina"]);
    assert!(err.contains("is not valid"), "{err}");
    let t = w.json(&["theme", "show", "skin-tone", "--format", "json"]);
    assert_eq!((t["name"].as_str(), t["parent"].as_str()), (Some("Skin tone and devices"), Some("epistemic-bias")));
    // Rename the slug: tags follow (they hold the ID), and the old slug is gone.
    let rename = w.ok(&["theme", "edit", "epistemic-bias", "--slug", "whose-knowledge", "--by", "amina"]);
    assert!(w.ok(&["item", "list", "--theme", "whose-knowledge", "--format", "csv"]).contains(OXIMETRY));
    w.ok(&["undo", rename.trim(), "--by", "amina"]);

    // Remove: with tags and a sub-theme it needs --force; undo restores tags and the parent.
    let before_rm = records(&w);
    let err = w.fails(&["theme", "remove", "epistemic-bias", "--by", "amina"]);
    assert!(err.contains("session tags") && err.contains("reading tags") && err.contains("1 sub-theme"), "{err}");
    let rm = w.ok(&["theme", "remove", "epistemic-bias", "--force", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item_tag WHERE theme_id = 2"), 0);
    assert!(w.json(&["theme", "show", "skin-tone", "--format", "json"])["parent"].is_null());
    check(&w);
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before_rm);
    assert_eq!(
        w.json(&["theme", "show", "epistemic-bias", "--format", "json"])["keywords"].as_array().unwrap().len(),
        before.as_array().unwrap().len() + 1
    );
    // A theme nothing uses goes without --force.
    w.ok(&["theme", "add", "unused-lens", "--by", "amina"]);
    w.ok(&["theme", "remove", "unused-lens", "--by", "amina"]);
    assert!(w.fails(&["theme", "show", "unused-lens"]).contains("unknown theme"));
}

#[test]
fn contributor_show_edit_remove_with_credits_restored() {
    let w = imported();
    let item = item_id(&w, "MED2002", "COPD");
    w.ok(&["tag", &item, "intersectional-health", "--by", "amnia"]);
    w.ok(&["contributor", "add", "kofi", "--role", "faculty"]);
    w.ok(&[
        "contributor",
        "edit",
        "amnia",
        "--role",
        "librarian",
        "--affiliation",
        "Medical Library",
        "--pseudonym",
        "--by",
        "kofi",
    ]);
    let err = w.fails(&["contributor", "edit", "amnia", "--name", "kofi", "--by", "kofi"]);
    assert!(err.contains("already called \"kofi\""), "{err}");
    let show = w.json(&["contributor", "show", "amnia", "--format", "json"]);
    assert_eq!((show["role"].as_str(), show["pseudonym"].as_bool()), (Some("librarian"), Some(true)));
    assert!(show["latest_changes"].as_array().unwrap().len() >= 2, "{show}");
    let card = w.ok(&["contributor", "show", "amnia"]);
    assert!(card.contains("Medical Library") && card.contains("insert by amnia"), "{card}");

    // Remove: their credits are listed and need --force; nobody removes themselves.
    let before = dump(&w);
    let err = w.fails(&["contributor", "remove", "amnia", "--by", "kofi"]);
    assert!(
        err.contains("1 change in the history credited to them; 1 session tag they made. Removing it clears those"),
        "{err}"
    );
    let err = w.fails(&["contributor", "remove", "kofi", "--force", "--by", "kofi"]);
    assert!(err.contains("cannot remove yourself"), "{err}");
    let rm = w.ok(&["contributor", "remove", "amnia", "--force", "--by", "kofi"]);
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'amnia'"), 0);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND by_id IS NULL")), 1);
    check(&w);
    // Undone as themselves: the same contributor comes back (not a second "amnia"), credits and all.
    w.ok(&["undo", rm.trim(), "--by", "amnia"]);
    let after: String = dump(&w);
    assert_eq!(records(&w), before.lines().filter(|l| !l.starts_with("history ")).collect::<Vec<_>>().join("\n"));
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'amnia'"), 1);
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND by_id IS NULL")), 0);
    let hist_before: Vec<&str> = before.lines().filter(|l| l.starts_with("history ")).collect();
    let hist_after: Vec<&str> = after.lines().filter(|l| l.starts_with("history ")).collect();
    assert_eq!(&hist_after[..hist_before.len()], &hist_before[..], "every earlier change is credited as before");
    // Someone who only added themselves goes without --force; undoing an add removes them again.
    w.ok(&["contributor", "add", "typo-name"]);
    w.ok(&["contributor", "remove", "typo-name", "--by", "kofi"]);
    w.ok(&["contributor", "add", "night-owl", "--pseudonym"]);
    let add = w.count("SELECT max(id) FROM history WHERE entity = 'contributor' AND action = 'insert'");
    w.ok(&["undo", &add.to_string(), "--by", "kofi"]);
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name IN ('typo-name', 'night-owl')"), 0);
    // Rename, and undo of the rename.
    let e = w.ok(&["contributor", "edit", "amnia", "--name", "amina", "--by", "kofi"]);
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'amina'"), 1);
    w.ok(&["undo", e.trim(), "--by", "kofi"]);
    assert_eq!(w.count("SELECT count(*) FROM contributor WHERE name = 'amnia'"), 1);
    check(&w);
}

#[test]
fn links_list_edit_unlink_and_undo() {
    let w = imported();
    let doi = "10.1056/NEJMms2004740";
    w.ok(&["link", doi, &format!("MED2002/{OXIMETRY}"), "--by", "amina", "--note", "race correction"]);
    w.ok(&["link", "add", doi, "MED2003", "--by", "amina"]);
    let links = w.json(&["link", "list", "--format", "json"]);
    assert_eq!(links.as_array().unwrap().len(), 2, "{links}");
    let csv = w.ok(&["link", "list", "--module", "MED2002", "--format", "csv"]);
    assert!(csv.contains(OXIMETRY) && csv.contains("race correction") && !csv.contains("MED2003"), "{csv}");
    let e = w.ok(&["link", "edit", doi, "MED2003", "--note", "eGFR", "--by", "amina"]);
    let show = w.ok(&["link", "show", doi, "MED2003"]);
    assert!(show.contains("(whole module)") && show.contains("eGFR") && show.contains("update by amina"), "{show}");
    assert_eq!(w.count("SELECT count(*) FROM link WHERE note = 'eGFR'"), 1);
    w.ok(&["undo", e.trim(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM link WHERE note IS NULL"), 1);
    w.ok(&["link", "edit", doi, "MED2003", "--note", "eGFR", "--by", "amina"]);
    let before = records(&w);
    let un = w.ok(&["unlink", doi, "MED2003", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM link"), 1);
    let err = w.fails(&["unlink", doi, "MED2003", "--by", "amina"]);
    assert!(err.contains("is not linked to MED2003"), "{err}");
    w.ok(&["undo", un.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before);
    // By the link's ID too.
    let id = w.json(&["link", "list", "--format", "json"])[0]["id"].as_i64().unwrap().to_string();
    w.ok(&["link", "remove", &id, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM link"), 1);
    assert!(w.fails(&["link", "--by", "amina"]).contains("required"));
}

#[test]
fn snapshot_list_lists_and_never_makes_a_round_called_list() {
    let w = imported();
    let out = w.cmd(&["snapshot", "list"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no snapshots yet"));
    assert_eq!(w.count("SELECT count(*) FROM snapshot"), 0);
    w.ok(&["snapshot", "2025", "--by", "amina"]);
    w.ok(&["snapshot", "add", "list", "--note", "a round really called list", "--by", "amina"]);
    let all = w.json(&["snapshot", "list", "--format", "json"]);
    let names: Vec<&str> = all.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["2025", "list"]);
    assert_eq!(all[0]["by"], "amina");
    let show = w.ok(&["snapshot", "show", "2025"]);
    assert!(show.contains("gap ") && show.contains("amina"), "{show}");
    let before = records(&w);
    let e =
        w.ok(&["snapshot", "edit", "2025", "--name", "2025 review", "--note", "before the new list", "--by", "amina"]);
    assert!(w.ok(&["compare", "2025 review"]).len() > 10);
    w.ok(&["undo", e.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before);
    let rm = w.ok(&["snapshot", "remove", "2025", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM snapshot_gap WHERE snapshot_id NOT IN (SELECT id FROM snapshot)"), 0);
    assert!(w.fails(&["compare", "2025"]).contains("2025"));
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(records(&w), before, "the round came back with every frozen figure");
}

/// A second programme with the same module code and session title.
fn two_programmes() -> Workdir {
    let w = imported();
    let csv = w.write(
        "pa.csv",
        "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
         BSc Physician Associate,1,MED2002,Respiratory for PAs,Pulse oximetry and skin tone,Explain how oximeters work,\n\
         BSc Physician Associate,1,PA1001,Consultation skills,History taking,Take a history,\n",
    );
    w.ok(&["import", "modules", csv.to_str().unwrap()]);
    w
}

#[test]
fn a_reference_in_two_programmes_is_an_error_listing_both() {
    let w = two_programmes();
    let reference = format!("MED2002/{OXIMETRY}");
    for args in [
        vec!["item", "show", reference.as_str()],
        vec!["item", "edit", reference.as_str(), "--title", "x", "--by", "amina"],
        vec!["item", "remove", reference.as_str(), "--by", "amina"],
        vec!["tag", reference.as_str(), "historical-awareness", "--by", "amina"],
        vec!["link", "10.1056/NEJMms2004740", reference.as_str(), "--by", "amina"],
        vec!["module", "show", "MED2002"],
        vec!["item", "list", "--module", "MED2002"],
        vec!["gaps", "--module", "med2002"],
    ] {
        let err = w.fails(&args);
        assert!(
            err.contains("in programme \"BSc Physician Associate\"") && err.contains("in programme \"MBChB Medicine\""),
            "{args:?}: {err}"
        );
        assert!(err.contains("--programme"), "{args:?}: {err}");
    }
    assert_eq!(
        w.count(
            "SELECT count(*) FROM item_tag WHERE theme_id = 1 AND item_id IN (SELECT id FROM item WHERE title = 'x')"
        ),
        0
    );
    // --programme (any case) picks one; so does the item's ID.
    let j = w.json(&["item", "show", &reference, "--programme", "bsc physician associate", "--format", "json"]);
    assert_eq!(j["programme"], "BSc Physician Associate");
    w.ok(&["tag", &reference, "historical-awareness", "--programme", "MBChB Medicine", "--by", "amina"]);
    let err = w.fails(&["item", "show", &reference, "--programme", "Nursing"]);
    assert!(
        err.contains("no programme \"Nursing\"; expected one of \"BSc Physician Associate\", \"MBChB Medicine\""),
        "{err}"
    );
}

#[test]
fn the_programme_filter_on_listings_gaps_coverage_and_report() {
    let w = two_programmes();
    let gaps = w.json(&["gaps", "--programme", "MBChB Medicine", "--format", "json"]);
    let scopes: Vec<&str> = gaps.as_array().unwrap().iter().map(|g| g["scope"].as_str().unwrap()).collect();
    assert!(!scopes.is_empty());
    assert!(scopes.iter().all(|s| !s.contains("Physician Associate") && !s.contains("PA1001")), "{scopes:?}");
    let all = w.json(&["gaps", "--format", "json"]);
    assert!(all.as_array().unwrap().iter().any(|g| g["scope"].as_str().unwrap().contains("Physician Associate")));
    let pa = w.json(&["gaps", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert!(pa.as_array().unwrap().iter().all(|g| !g["scope"].as_str().unwrap().contains("MBChB")), "{pa}");

    let cov = w.ok(&["coverage", "--programme", "BSc Physician Associate", "--format", "csv"]);
    assert_eq!(cov.lines().count(), 3, "{cov}");
    let modules = w.json(&["module", "list", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert_eq!(modules.as_array().unwrap().len(), 2);
    let items = w.json(&["item", "list", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert_eq!(items.as_array().unwrap().len(), 2);
    let both = w.ok(&["item", "list", "--theme", "epistemic-bias", "--format", "csv"]);
    assert!(both.starts_with("id,year"), "one programme has epistemic-bias tags: {both}");
    let med = w.json(&["item", "list", "--module", "MED2002", "--programme", "MBChB Medicine", "--format", "json"]);
    assert_eq!(med.as_array().unwrap().len(), 9);
    let themes = w.json(&["theme", "list", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert!(themes.as_array().unwrap().iter().all(|t| t["items"] == 0), "{themes}");
    w.ok(&["link", "10.1056/NEJMms2004740", "PA1001", "--by", "amina"]);
    let rs = w.json(&["reading", "list", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert_eq!(rs.as_array().unwrap().len(), 1);
    let ls = w.json(&["link", "list", "--programme", "MBChB Medicine", "--format", "json"]);
    assert!(ls.as_array().unwrap().is_empty());

    w.ok(&["report", "pa.csv", "--programme", "BSc Physician Associate"]);
    let report = std::fs::read_to_string(w.path("pa.csv")).unwrap();
    assert!(
        report.contains("programme BSc Physician Associate") && !report.contains("MED1001"),
        "{}",
        &report[..report.len().min(2000)]
    );
    // The PA oximetry session would be suggested epistemic-bias; not within MBChB Medicine.
    let pa_ids: Vec<i64> = items.as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect();
    let ids_in = |args: &[&str]| -> Vec<i64> {
        let s = w.json(args);
        s.as_array().unwrap().iter().filter(|x| x["target"] == "item").map(|x| x["id"].as_i64().unwrap()).collect()
    };
    let pa = ids_in(&["suggest", "--programme", "BSc Physician Associate", "--format", "json"]);
    assert!(!pa.is_empty() && pa.iter().all(|i| pa_ids.contains(i)), "{pa:?}");
    let med = ids_in(&["suggest", "--programme", "MBChB Medicine", "--format", "json"]);
    assert!(!med.is_empty() && med.iter().all(|i| !pa_ids.contains(i)), "{med:?}");
    let err = w.fails(&["gaps", "--programme", "Dentistry"]);
    assert!(err.contains("no programme \"Dentistry\""), "{err}");
}

/// A table a later schema adds beside items (say, keywords) is found through
/// its foreign key: removed with the item and brought back by undo, not lost.
#[test]
fn rows_of_tables_added_later_go_and_come_back_with_their_record() {
    let w = imported();
    let id = item_id(&w, "MED2002", OXIMETRY);
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.execute_batch(
            "CREATE TABLE item_extra (item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
                                      word TEXT NOT NULL, PRIMARY KEY (item_id, word)) STRICT, WITHOUT ROWID;",
        )
        .unwrap();
        c.execute(&format!("INSERT INTO item_extra VALUES ({id}, 'pulse oximetry'), ({id}, 'melanin')"), []).unwrap();
    }
    let rm = w.ok(&["item", "remove", &id, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item_extra"), 0);
    let out = w.ok_stderr(&["undo", rm.trim(), "--by", "amina"]);
    assert!(out.contains("2 item extra"), "{out}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_extra WHERE item_id = {id}")), 2);
    // The same through a whole module.
    let rm = w.ok(&["module", "remove", "MED2002", "--force", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item_extra"), 0);
    w.ok(&["undo", rm.trim(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item_extra WHERE word = 'melanin'"), 1);
    check(&w);
}
