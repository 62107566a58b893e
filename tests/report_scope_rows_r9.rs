//! A report on one theme lists only that theme's readings: its "Readings by
//! theme and review status" table has no "No theme yet" row of 0 (such
//! readings are outside it), while the whole report counts them.

mod common;

use common::{Workdir, pdf_text, sample};

#[test]
fn a_theme_report_has_no_row_for_readings_outside_it() {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let untagged = w.count(
        "SELECT count(*) FROM reading r WHERE NOT EXISTS (SELECT 1 FROM reading_tag t WHERE t.reading_id = r.id)",
    );
    assert!(untagged > 0, "the samples hold readings with no theme");
    let whole = w.path("whole.pdf");
    w.ok(&["report", whole.to_str().unwrap()]);
    let text = pdf_text(&whole).join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("No theme yet"), "the whole report counts readings with no theme");
    // The facets page says which tables its ordering rule is about.
    assert!(text.contains("Their values are listed alphabetically, never by size"), "facets order sentence");
    let one = w.path("one.pdf");
    w.ok(&["report", one.to_str().unwrap(), "--theme", "epistemic-bias"]);
    let text = pdf_text(&one).join("\n");
    assert!(text.contains("Readings by theme and review status"));
    assert!(!text.contains("No theme yet"), "a theme report shows a row for readings outside it");
}
