//! Tester r69 F9–F11 and Zotero's `type:` line in Extra: a dependent
//! style's own title in the report, names kept as written in their script's
//! punctuation, EndNote's free-text "Original Publication" and RIS `OP`.

mod common;

use common::Workdir;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

const RIS: &str = "TY  - JOUR\nTI  - Racism in medicine\nAU  - Müller, Jörg\nPY  - 2023\n\
    JO  - Medical Teacher\nVL  - 45\nIS  - 2\nSP  - 101\nEP  - 108\nER  - \n";

/// A dependent CSL style (a journal's, as the Zotero repository serves it).
fn dependent(title: &str, parent: &str, locale: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" \
         default-locale=\"{locale}\">\n  <info>\n    <title>{title}</title>\n    \
         <id>http://www.zotero.org/styles/x</id>\n    <link href=\"http://www.zotero.org/styles/x\" rel=\"self\"/>\n    \
         <link href=\"http://www.zotero.org/styles/{parent}\" rel=\"independent-parent\"/>\n    \
         <category citation-format=\"numeric\"/>\n    <updated>2021-04-10T12:00:00+00:00</updated>\n  </info>\n</style>\n"
    )
}

/// F9: a report in a dependent style names the style the user gave (the
/// journal's), with the parent that formatted it, in the PDF, the CSV and
/// the JSON; a bundled style is named by its own title.
#[test]
fn a_dependent_style_is_named_by_its_own_title_in_every_report() {
    let w = workdir();
    w.import_reading("a.ris", RIS);
    for (title, parent, locale, parent_title) in [
        ("Medical Teacher", "taylor-and-francis-national-library-of-medicine", "en-GB", "Taylor & Francis - NLM"),
        (
            "Der Nervenarzt",
            "springer-fachzeitschriften-medizin-psychologie",
            "de-DE",
            "Springer - Fachzeitschriften Medizin Psychologie",
        ),
    ] {
        let csl = w.write("dep.csl", dependent(title, parent, locale));
        let csl = csl.to_str().expect("path");
        let heading = format!("{title} (formatted with its parent style {parent_title}");
        let pdf = w.path("r.pdf");
        w.ok(&["report", pdf.to_str().expect("path"), "--style", csl]);
        let text = common::pdf_text(&pdf).join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&format!("in the style {heading}")), "{title}: {text}");
        let csv = w.path("r.csv");
        w.ok(&["report", csv.to_str().expect("path"), "--style", csl]);
        let csv = std::fs::read_to_string(&csv).expect("csv");
        let row = csv.lines().find(|l| l.contains(",style,")).unwrap_or_else(|| panic!("{csv}"));
        assert!(row.contains(&heading), "{row}");
        assert!(row.contains("dep.csl"), "{row}");
        let json = w.path("r.json");
        w.ok(&["report", json.to_str().expect("path"), "--style", csl]);
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("json");
        let t = v["style"]["title"].as_str().unwrap_or_default();
        assert!(t.starts_with(&heading), "{v:#}");
    }
    // A bundled style: its own title, without a parent.
    let json = w.path("v.json");
    w.ok(&["report", json.to_str().expect("path"), "--style", "apa"]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("json");
    let t = v["style"]["title"].as_str().unwrap_or_default();
    assert!(t.starts_with("APA Style 7th edition"), "{v:#}");
    assert!(!t.contains("parent"), "{t}");
    assert_eq!(v["style"]["given_as"], "apa");
}
