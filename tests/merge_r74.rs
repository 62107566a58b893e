//! Tester r72 F17, F20 and the lead's note: two copies merged both ways end
//! alike. Lists of people both copies changed, each to a fuller form of some
//! names (diacritics on one side, particle order or a written-out given name
//! on the other), are combined by the import's own rule in both directions;
//! and later work on a reading we removed (an edit, a tag, a link) brings it
//! back whichever kind it is, and keeps it in the copy that did the work.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, json_at, stderr_at};
use serde_json::{Value, json};

const BASE: &str = "\
title,authors,year,type,container
\"Colonial legacies in tropical medicine curricula\",\"Duarte, Ines; Berg, Pieter; Okoro, Chidi\",2021,article,Medical Education
\"Pathologies of power\",\"Farmer, P.\",2005,book,
\"Saude e raca no Brasil\",\"Silva, Joao\",2019,article,Cadernos
";

/// One copy of the base list, made by amina, and kofi's copy of it.
fn base(w: &Workdir) -> (PathBuf, PathBuf) {
    let a = w.path("amina.db");
    let csv = w.write("base.csv", BASE);
    w.ok_at(&a, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "amina"]);
    let k = w.path("kofi.db");
    std::fs::copy(&a, &k).expect("copy");
    (a, k)
}

/// The ID of the reading whose title starts with `prefix`.
fn id_of(w: &Workdir, db: &Path, prefix: &str) -> String {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    common::reading(&list, prefix)["id"].as_i64().expect("id").to_string()
}

/// Every reading of a copy as the comparison needs it: title, names (as
/// written and in parts, editors and translators too) and themes, by title.
fn state(w: &Workdir, db: &Path) -> Vec<Value> {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    let mut out: Vec<Value> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            let mut themes: Vec<String> = r["themes"]
                .as_array()
                .map(|a| a.iter().map(|t| t.as_str().map_or_else(|| t.to_string(), String::from)).collect())
                .unwrap_or_default();
            themes.sort();
            json!({
                "title": r["title"],
                "authors": r["authors"],
                "author_names": r["author_names"],
                "editor_names": r["editor_names"],
                "translator_names": r["translator_names"],
                "themes": themes,
            })
        })
        .collect();
    out.sort_by_key(|r| r["title"].to_string());
    out
}

/// Merges the two copies both ways, each from the copies as they are now:
/// amina ← kofi and kofi ← amina. Returns (amina's result, kofi's result,
/// amina's merge summary and steps, kofi's).
fn both_ways(w: &Workdir, a: &Path, k: &Path) -> (PathBuf, PathBuf, String, String) {
    let (ax, kx) = (w.path("amina-x.db"), w.path("kofi-x.db"));
    std::fs::copy(a, &ax).expect("copy");
    std::fs::copy(k, &kx).expect("copy");
    let out = |db: &Path, other: &Path, by: &str| {
        let o = w.run_at(db, &["merge", other.to_str().unwrap(), "--by", by]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
    };
    let sa = out(&ax, k, "amina");
    let sk = out(&kx, a, "kofi");
    (ax, kx, sa, sk)
}

fn authors(w: &Workdir, db: &Path, prefix: &str) -> Vec<String> {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    common::reading(&list, prefix)["authors"]
        .as_array()
        .expect("authors")
        .iter()
        .map(|a| a.as_str().expect("a name").to_string())
        .collect()
}

fn edit_authors(w: &Workdir, db: &Path, id: &str, names: &[&str], by: &str) {
    let mut args = vec!["-q", "reading", "edit", id];
    for n in names {
        args.extend(["--author", n]);
    }
    args.extend(["--by", by]);
    w.ok_at(db, &args);
}

fn open_conflicts(w: &Workdir, db: &Path) -> usize {
    json_at(w, db, &["resolve", "--format", "json"]).as_array().map_or(0, Vec::len)
}

#[test]
fn diacritics_on_one_side_and_particle_order_on_the_other_converge() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let id = id_of(&w, &a, "Colonial legacies");
    edit_authors(&w, &a, &id, &["Duarte, Ines", "van der Berg, Pieter", "Okoro, Chidi"], "amina");
    edit_authors(&w, &k, &id, &["Duarte, Inês", "Berg, Pieter van der", "Okoro, Chidi"], "kofi");
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    for (db, said) in [(&ax, &sa), (&kx, &sk)] {
        assert_eq!(open_conflicts(&w, db), 0, "{said}");
        assert!(!said.contains("kept-ours"), "{said}");
        assert!(said.contains("combined as an import combines them"), "{said}");
        // Each rule alone: "Inês" with its diacritic, and the order rule's "van der Berg, Pieter".
        assert_eq!(
            authors(&w, db, "Colonial legacies"),
            ["Duarte, Inês", "van der Berg, Pieter", "Okoro, Chidi"],
            "{said}"
        );
    }
    assert_eq!(state(&w, &ax), state(&w, &kx));
}

#[test]
fn an_initial_and_a_written_out_given_name_combine_word_by_word_both_ways() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let id = id_of(&w, &a, "Pathologies");
    edit_authors(&w, &a, &id, &["Farmer, P. E."], "amina");
    edit_authors(&w, &k, &id, &["Farmer, Paul"], "kofi");
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    for (db, said) in [(&ax, &sa), (&kx, &sk)] {
        assert_eq!(open_conflicts(&w, db), 0, "{said}");
        assert_eq!(authors(&w, db, "Pathologies"), ["Farmer, Paul E."], "{said}");
    }
    assert_eq!(state(&w, &ax), state(&w, &kx));

    // The import's rule, the same function: the two lists imported one after the other.
    let one = w.path("one.db");
    for (n, who) in [("Farmer, Paul", "p.csv"), ("Farmer, P. E.", "pe.csv")] {
        let csv = w.write(who, format!("title,authors,year,type\n\"Pathologies of power\",\"{n}\",2005,book\n"));
        w.ok_at(&one, &["-q", "import", "reading", csv.to_str().unwrap(), "--by", "kofi"]);
    }
    assert_eq!(authors(&w, &one, "Pathologies"), ["Farmer, Paul E."]);
}

#[test]
fn merging_back_after_a_combination_changes_nothing() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let id = id_of(&w, &a, "Colonial legacies");
    edit_authors(&w, &a, &id, &["Duarte, Ines", "van der Berg, P.", "Okoro, Chidi"], "amina");
    edit_authors(&w, &k, &id, &["Duarte, Inês", "Berg, Pieter", "Okoro, C."], "kofi");
    // amina takes kofi's copy, then kofi takes amina's merged copy.
    let s1 = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    let combined = authors(&w, &a, "Colonial legacies");
    assert_eq!(combined, ["Duarte, Inês", "van der Berg, Pieter", "Okoro, Chidi"], "{s1}");
    let s2 = stderr_at(&w, &k, &["merge", a.to_str().unwrap(), "--by", "kofi"]);
    assert_eq!(authors(&w, &k, "Colonial legacies"), combined, "{s2}");
    assert_eq!(open_conflicts(&w, &k), 0, "{s2}");
    // And amina merging kofi's again finds nothing to change.
    let s3 = stderr_at(&w, &a, &["merge", k.to_str().unwrap(), "--by", "amina"]);
    assert!(s3.contains("0 updated") && s3.contains("0 conflicts"), "{s3}");
    assert_eq!(state(&w, &a), state(&w, &k));
}

#[test]
fn other_people_in_one_place_stay_a_conflict_both_ways() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let id = id_of(&w, &a, "Saude e raca");
    edit_authors(&w, &a, &id, &["Kim, Jae"], "amina");
    edit_authors(&w, &k, &id, &["Kim, Soo"], "kofi");
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    assert_eq!(open_conflicts(&w, &ax), 1, "{sa}");
    assert_eq!(open_conflicts(&w, &kx), 1, "{sk}");
    assert_eq!(authors(&w, &ax, "Saude e raca"), ["Kim, Jae"]);
    assert_eq!(authors(&w, &kx, "Saude e raca"), ["Kim, Soo"]);
}

/// Two copies that imported one book from two lists, with no history of
/// either changing it: the fuller forms of its authors and of its editors
/// are combined both ways, as an import combines them.
#[test]
fn editors_and_authors_of_copies_imported_apart_combine_both_ways() {
    let w = Workdir::new();
    let bib = |given: &str, ed: &str| {
        format!(
            "@incollection{{x,\n  title = {{Health and human rights}},\n  author = {{Farmer, {given}}},\n  \
             editor = {{{ed} and Mann, Jonathan}},\n  booktitle = {{Health and Human Rights: A Reader}},\n  \
             publisher = {{Routledge}},\n  year = {{1999}}\n}}\n"
        )
    };
    let a = w.path("amina.db");
    let k = w.path("kofi.db");
    let fa = w.write("a.bib", bib("P. E.", "Gruskin, S."));
    let fk = w.write("k.bib", bib("Paul", "Gruskin, Sofia"));
    w.ok_at(&a, &["-q", "import", "reading", fa.to_str().unwrap(), "--by", "amina"]);
    w.ok_at(&k, &["-q", "import", "reading", fk.to_str().unwrap(), "--by", "kofi"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    for (db, said) in [(&ax, &sa), (&kx, &sk)] {
        assert_eq!(open_conflicts(&w, db), 0, "{said}");
        assert_eq!(authors(&w, db, "Health and human rights"), ["Farmer, Paul E."], "{said}");
        let list = json_at(&w, db, &["reading", "list", "--format", "json"]);
        let eds: Vec<&str> = common::reading(&list, "Health and human rights")["editor_names"]
            .as_array()
            .expect("editors")
            .iter()
            .filter_map(|e| e["original"].as_str())
            .collect();
        assert_eq!(eds, ["Gruskin, Sofia", "Mann, Jonathan"], "{said}");
    }
    assert_eq!(state(&w, &ax), state(&w, &kx));
}

/// The base list and the sample modules in amina's copy, and kofi's copy of it.
fn base_with_modules(w: &Workdir) -> (PathBuf, PathBuf) {
    let (a, k) = base(w);
    let csv = common::sample("modules.csv");
    w.ok_at(&a, &["-q", "import", "modules", &csv, "--by", "amina"]);
    std::fs::copy(&a, &k).expect("copy");
    (a, k)
}

fn titles(w: &Workdir, db: &Path) -> Vec<String> {
    let mut t: Vec<String> = state(w, db).iter().map(|r| r["title"].as_str().unwrap_or_default().to_string()).collect();
    t.sort();
    t
}

/// Tester r72 F20: after amina removed two readings, kofi edited one and
/// tagged the other. Both are later work of the group: both come back in
/// amina's copy (the tag with its reading, said), both stay in kofi's, and
/// the two copies end alike.
#[test]
fn an_edit_and_a_tag_after_our_removal_both_bring_the_reading_back_both_ways() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let (saude, colonial) = (id_of(&w, &a, "Saude e raca"), id_of(&w, &a, "Colonial legacies"));
    for id in [&saude, &colonial] {
        w.ok_at(&a, &["-q", "reading", "remove", id, "--by", "amina"]);
    }
    w.ok_at(&k, &["-q", "reading", "edit", &saude, "--edition", "3", "--by", "kofi"]);
    w.ok_at(&k, &["-q", "tag", &colonial, "historical-awareness", "--by", "kofi"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    assert!(!sa.contains("kept-removed"), "{sa}");
    assert!(
        sa.lines().any(|l| l.contains("add") && l.contains("Colonial legacies") && l.contains("a tag added by kofi")),
        "{sa}"
    );
    assert!(sa.lines().any(|l| l.contains("add") && l.contains("Saude e raca") && l.contains("it comes back")), "{sa}");
    // kofi's copy keeps both, each said with the work that keeps it.
    assert!(!sk.lines().any(|l| l.starts_with("| remove")), "{sk}");
    assert!(
        sk.contains(
            "Colonial legacies in tropical medicine curricula: removed on their side, changed here after that (a tag \
         added by kofi"
        ),
        "{sk}"
    );
    assert!(
        sk.contains(
            "Saude e raca no Brasil: removed on their side, changed here after that (the reading changed by kofi"
        ),
        "{sk}"
    );
    let (sa_state, sk_state) = (state(&w, &ax), state(&w, &kx));
    assert_eq!(sa_state, sk_state);
    let colonial_now = sa_state.iter().find(|r| r["title"] == "Colonial legacies in tropical medicine curricula");
    assert_eq!(colonial_now.map(|r| r["themes"].clone()), Some(json!(["historical-awareness"])), "{sa_state:#?}");
}

/// A link kofi made to a reading after amina removed it is later work too.
#[test]
fn a_link_after_our_removal_brings_the_reading_back_both_ways() {
    let w = Workdir::new();
    let (a, k) = base_with_modules(&w);
    let id = id_of(&w, &a, "Pathologies");
    w.ok_at(&a, &["-q", "reading", "remove", &id, "--by", "amina"]);
    w.ok_at(&k, &["-q", "link", &id, "MED1001", "--by", "kofi"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    assert!(sa.lines().any(|l| l.contains("Pathologies") && l.contains("a link added by kofi")), "{sa}");
    assert!(sk.contains("Pathologies of power: removed on their side, changed here after that (a link added"), "{sk}");
    assert!(titles(&w, &ax).iter().any(|t| t.starts_with("Pathologies")), "{sa}");
    assert_eq!(state(&w, &ax), state(&w, &kx));
    let links = |db: &Path| json_at(&w, db, &["link", "list", "--format", "json"]).as_array().map_or(0, Vec::len);
    assert_eq!((links(&ax), links(&kx)), (1, 1), "{sa}\n{sk}");
}

/// A tag on a session of a module amina removed, added by kofi after that,
/// is work on the module: it comes back with its sessions, as an edit of it would.
#[test]
fn a_tag_on_a_session_after_our_removal_of_its_module_brings_the_module_back() {
    let w = Workdir::new();
    let (a, k) = base_with_modules(&w);
    w.ok_at(&a, &["-q", "module", "remove", "MED1001", "--force", "--by", "amina"]);
    w.ok_at(&k, &["-q", "tag", "MED1001/Cell structure and organelles", "epistemic-bias", "--by", "kofi"]);
    let (ax, kx, sa, _sk) = both_ways(&w, &a, &k);
    assert!(!sa.contains("kept-removed"), "{sa}");
    assert!(sa.lines().any(|l| l.contains("MED1001") && l.contains("a tag added by kofi")), "{sa}");
    let items = |db: &Path| json_at(&w, db, &["item", "list", "--format", "json"]);
    assert_eq!(items(&ax), items(&kx));
}

/// Work done before our removal (a tag, an edit) does not undo it: the
/// reading stays removed in amina's copy and is removed from kofi's, so the
/// copies still end alike (kofi's copy kept an edited reading before,
/// whenever he had changed it since the copy, while amina's kept it removed).
#[test]
fn a_tag_before_our_removal_leaves_the_reading_removed_both_ways() {
    let w = Workdir::new();
    let (a, k) = base(&w);
    let (id, saude) = (id_of(&w, &a, "Colonial legacies"), id_of(&w, &a, "Saude e raca"));
    w.ok_at(&k, &["-q", "tag", &id, "historical-awareness", "--by", "kofi"]);
    w.ok_at(&k, &["-q", "reading", "edit", &saude, "--edition", "3", "--by", "kofi"]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    w.ok_at(&a, &["-q", "reading", "remove", &id, "--by", "amina"]);
    w.ok_at(&a, &["-q", "reading", "remove", &saude, "--by", "amina"]);
    let (ax, kx, sa, sk) = both_ways(&w, &a, &k);
    assert!(sa.contains("kept-removed"), "{sa}");
    for title in ["Colonial legacies", "Saude e raca"] {
        assert!(
            sk.lines().any(|l| l.contains("remove") && l.contains(title) && l.contains("(removed on their side)")),
            "{sk}"
        );
        assert!(!titles(&w, &ax).iter().any(|t| t.starts_with(title)), "{sa}");
    }
    assert_eq!(state(&w, &ax), state(&w, &kx));
}
