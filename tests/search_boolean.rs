//! Issue 13: AND / OR / NOT and parentheses mean the same for text in
//! unspaced scripts (Chinese, Japanese, Korean, Thai) as for words, mixed
//! queries run, and a dangling operator is dropped with a note. Every test
//! runs the real binary.

mod common;

use common::Workdir;

const READINGS: &str = "title,authors,year\n\
中国近代医学史与殖民主义,\"王, 芳\",2019\n\
臺灣醫療史與殖民統治,\"陳, 淑華\",2017\n\
한국 의료의 역사와 식민지 시대,\"김, 민수\",2021\n\
Über die Heilkunde: Ärzte und Kolonialismus in Łódź,\"Żółkiewski, Łukasz\",1999\n\
にほんのいりょうとしょくみんちしはい,\"さとう, はなこ\",2020\n\
Race and the clinic,\"Smith, John\",2022\n\
ประวัติการแพทย์แผนไทย,\"สมชาย, ใจดี\",2014\n";

fn db() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    let f = w.write("r.csv", READINGS);
    w.ok(&["import", "reading", f.to_str().expect("utf-8 path")]);
    w
}

fn has(t: &[String], start: &str) -> bool {
    t.iter().any(|x| x.starts_with(start))
}

#[test]
fn or_between_unspaced_terms_finds_either() {
    let w = db();
    let t = w.search_titles("醫療 OR 医学");
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(has(&t, "中国") && has(&t, "臺灣"));
    let t = w.search_titles("의료 OR 殖民");
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(has(&t, "한국") && has(&t, "中国") && has(&t, "臺灣"));
    let t = w.search_titles("殖民 OR 醫療");
    assert_eq!(t.len(), 2, "{t:?}");
    // AND and side by side still require both.
    assert_eq!(w.search_titles("殖民 AND 醫療").len(), 1);
    assert_eq!(w.search_titles("殖民 醫療").len(), 1);
    assert_eq!(w.search_titles("いりょう OR แพทย์").len(), 2);
}

#[test]
fn not_and_parentheses_work_for_unspaced_text() {
    let w = db();
    let t = w.search_titles("殖民 NOT 醫療");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(has(&t, "中国"));
    assert_eq!(w.search_titles("殖民 -医学").len(), 1);
    let t = w.search_titles("(醫療 OR 의료) AND (殖民 OR 식민)");
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(has(&t, "臺灣") && has(&t, "한국"));
    // NOT binds tighter than OR, as for words.
    assert_eq!(w.search_titles("의료 OR 殖民 NOT 医学").len(), 2);
    // Leading NOT is refused the same way for both kinds of term.
    assert!(w.fails(&["search", "NOT 殖民"]).contains("cannot start with NOT"));
}

#[test]
fn latin_and_unspaced_terms_mix() {
    let w = db();
    let t = w.search_titles("Kolonialismus OR 殖民");
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(has(&t, "Über") && has(&t, "中国") && has(&t, "臺灣"));
    assert_eq!(w.search_titles("Kolonialismus AND 殖民").len(), 0);
    assert_eq!(w.search_titles("(race OR Heilkunde) OR 의료").len(), 3);
    assert_eq!(w.search_titles("clinic NOT 殖民").len(), 1);
    // Marks cover words and substrings alike.
    let v = w.json(&["search", "race OR 殖民", "--format", "json"]);
    let snippets: Vec<&str> = v.as_array().into_iter().flatten().filter_map(|h| h["snippet"].as_str()).collect();
    assert!(snippets.iter().any(|s| s.contains("«殖民»")), "{snippets:?}");
    assert!(snippets.iter().any(|s| s.contains("«Race»")), "{snippets:?}");
}

#[test]
fn dangling_operators_are_dropped_with_a_note() {
    let w = db();
    let queries = [("race AND", 1), ("race OR", 1), ("OR race", 1), ("race AND OR", 1), ("(race OR)", 1)];
    for (q, n) in queries.into_iter().chain([("race NOT", 1), ("殖民 OR", 2), ("AND 殖民", 2)]) {
        let out = w.cmd(&["search", q, "--format", "json"]).output().expect("run canon");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{q}: {err}");
        assert!(!err.contains("fts5") && !err.contains("syntax error"), "{q}: {err}");
        assert!(err.contains("note:") && err.contains("left out of the query"), "{q}: {err}");
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(hits.as_array().map(Vec::len), Some(n), "{q}: {hits}");
    }
    // A query with nothing but operators has no words to look for.
    assert!(w.fails(&["search", "AND OR"]).contains("no words to look for"));
}
