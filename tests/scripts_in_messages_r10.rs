//! Issue 13, "every script readable": a title quoted in a message (the
//! import's dry run, its notes and warnings, an error) reads as written in
//! Devanagari, Bengali and Tamil, whose vowel signs and viramas Rust's
//! `{:?}` writes as `\u{…}` escapes (tester r10: "आय\u{941}र\u{94d}वेद").

mod common;

use common::Workdir;

const TITLES: [&str; 3] = ["आयुर्वेद का इतिहास", "বাংলার চিকিৎসা ইতিহাস", "சித்த மருத்துவ வரலாறு"];

#[test]
fn a_dry_run_and_its_notes_quote_indic_titles_as_written() {
    let w = Workdir::new();
    let mut csv = String::from("title,authors,year\n");
    for t in TITLES {
        csv.push_str(&format!("{t},\"Rao, Asha\",2001\n"));
    }
    let f = w.write("r.csv", &csv);
    let out = w.ok(&["import", "reading", f.to_str().unwrap(), "--dry-run"]);
    for t in TITLES {
        assert!(out.contains(&format!("\"{t}\"")), "{t} as written: {out}");
    }
    assert!(!out.contains("\\u{"), "{out}");
    // A possible duplicate's note quotes both titles.
    w.ok(&["import", "reading", f.to_str().unwrap()]);
    let again = w.write("s.csv", format!("title,authors,year\n{}: a history,\"Rao, Asha\",2001\n", TITLES[2]));
    let said = w.ok(&["import", "reading", again.to_str().unwrap(), "--dry-run"]);
    assert!(!said.contains("\\u{"), "{said}");
    // An error names the title as written too.
    let bad = w.write("t.csv", format!("title,authors,year,themes\n{},\"Rao, Asha\",2001,no-such-theme\n", TITLES[0]));
    let err = w.fails(&["import", "reading", bad.to_str().unwrap()]);
    assert!(!err.contains("\\u{"), "{err}");
}

/// The web reading page isolates a right-to-left author from the year
/// beside it (`<bdi>`), so "ابن سينا · 1025" is not shown as "1025 · ابن سينا".
#[test]
fn the_web_reading_page_isolates_a_right_to_left_author() {
    let w = Workdir::new();
    w.import_reading("r.csv", "title,authors,year,type\nالقانون في الطب,ابن سينا,1025,book\n");
    let id = w.count("SELECT id FROM reading");
    let s = common::web::Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let page = c.get(&format!("/readings/{id}")).text();
    assert!(page.contains("<bdi>ابن سينا</bdi> · <bdi>1025</bdi>"), "{page}");
}
