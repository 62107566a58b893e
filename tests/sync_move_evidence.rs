//! Issue 10 (10i): `import modules --sync` moves a session to another
//! module only on the evidence a rename needs (the same non-empty learning
//! outcomes, one candidate each side). A title alone, or several
//! candidates, is named as a possible move in the dry run and the history,
//! and the session is retired with its tags kept in the history.

mod common;

use common::Workdir;

const HEAD: &str = "programme,year,module_code,module_title,session_title,learning_outcomes,themes";

fn import(w: &Workdir, name: &str, body: &str, extra: &[&str]) -> (i32, String) {
    let f = w.write(name, format!("{HEAD}\n{body}"));
    let mut args = vec!["import", "modules", f.to_str().unwrap(), "--by", "t"];
    args.extend_from_slice(extra);
    let out = w.cmd(&args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

fn tags_of(w: &Workdir, code: &str, title: &str) -> i64 {
    w.count(&format!(
        "SELECT count(*) FROM item_tag t JOIN item i ON i.id = t.item_id JOIN module m ON m.id = i.module_id
         WHERE m.code = '{code}' AND i.title = '{title}'"
    ))
}

#[test]
fn a_title_alone_is_a_possible_move_not_a_move() {
    let w = Workdir::new();
    import(
        &w,
        "a.csv",
        "P,1,M1,One,Welcome,,epistemic-bias\nP,1,M1,One,Core,Describe core,\nP,1,M2,Two,Core2,Describe core2,\n",
        &[],
    );
    let next = "P,1,M1,One,Core,Describe core,\nP,1,M1,One,Orientation,,\nP,1,M2,Two,Core2,Describe core2,\nP,1,M2,Two,Welcome,,\n";
    let (_, dry) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert!(!dry.lines().any(|l| l.starts_with("moved")), "{dry}");
    assert!(dry.contains("removed    (not in file) M1 · Welcome"), "{dry}");
    assert!(
        dry.contains(
            "possible move to M2 · Welcome (not applied: no outcomes to confirm); its tags stay in the history"
        ),
        "{dry}"
    );
    let (code, _) = import(&w, "b.csv", next, &["--sync"]);
    assert_eq!(code, 0);
    // The new "Welcome" does not inherit the old one's tag; the tag is in the history.
    assert_eq!(tags_of(&w, "M2", "Welcome"), 0);
    let log = w.ok(&["log"]);
    assert!(log.contains("possible move to M2 · Welcome"), "{log}");
    // A move on the same evidence as a rename still happens, with its tag.
    let (code, _) =
        import(&w, "c.csv", "P,1,M1,One,Core,Describe core,epistemic-bias\nP,1,M2,Two,Core2,Describe core2,\n", &[]);
    assert_eq!(code, 0);
    let (_, dry) = import(
        &w,
        "d.csv",
        "P,1,M1,One,Orientation,,\nP,1,M2,Two,Core2,Describe core2,\nP,1,M2,Two,Core,Describe core,\n",
        &["--sync", "--dry-run"],
    );
    assert!(dry.lines().any(|l| l.starts_with("moved")), "{dry}");
    assert!(dry.contains("M1 → M2"), "{dry}");
}

#[test]
fn an_ambiguous_move_names_its_candidates() {
    let w = Workdir::new();
    import(
        &w,
        "a.csv",
        "P,1,M2,Two,Case study,Apply reasoning,epistemic-bias\nP,1,M2,Two,Keep,k,\n\
         P,1,M4,Four,Case study,Apply reasoning,historical-awareness\nP,1,M4,Four,Other,o,\n",
        &[],
    );
    let next = "P,1,M2,Two,Keep,k,\nP,1,M3,Three,Case study,Apply reasoning,\nP,1,M4,Four,Other,o,\n";
    let (_, dry) = import(&w, "b.csv", next, &["--sync", "--dry-run"]);
    assert!(!dry.lines().any(|l| l.starts_with("moved")), "{dry}");
    for from in ["M2", "M4"] {
        assert!(dry.contains(&format!("removed    (not in file) {from} · Case study")), "{dry}");
    }
    let hint = "possible move to M3 · Case study (not applied: ambiguous; the stored M2 · Case study, \
                M4 · Case study and the new M3 · Case study share this title and these learning outcomes)";
    assert_eq!(dry.matches(hint).count(), 2, "{dry}");
    import(&w, "b.csv", next, &["--sync"]);
    assert_eq!(tags_of(&w, "M3", "Case study"), 0);
    let log = w.ok(&["log"]);
    assert_eq!(log.matches("possible move to M3 · Case study").count(), 2, "{log}");
}
