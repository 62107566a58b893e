//! Tester r64 (styles): a `.csl` style's `text-case` on a macro call, a
//! date, a `<name>` (F1); the status canon adds in the style's language
//! (F10); catalogue titles and editions as APA, Vancouver and Harvard print
//! them (F3, F4); a work type that only repeats the reference type is no
//! genre (F11); Chicago's translated title (Chicago 18 §14.98).

mod common;

use common::{Workdir, reference};

const ONE_BIB: &str = "@article{a, author={Mensah, Jr., Kofi A. and Lind, T. R.}, title={Race correction \
    in clinical algorithms}, journal={J Neph}, year={2020}, month={mar}, volume={33}, pages={701--709}}\n";

/// A style whose bibliography is `layout` (inside `<group delimiter=" | ">`),
/// with an "author" macro of names and a "title" macro.
fn style(locale: &str, layout: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info><title>Case test</title><id>http://example.org/case</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", " delimiter-precedes-last="always"/>
      <substitute><names variable="editor"/></substitute>
    </names>
  </macro>
  <macro name="title"><text variable="title"/></macro>
  <macro name="both"><group delimiter=" / "><text macro="author"/><text macro="title"/></group></macro>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=" | ">{layout}</group>
    </layout>
  </bibliography>
</style>
"#
    )
}

/// The one reading's reference in a style of `layout`.
fn cased(w: &Workdir, name: &str, layout: &str) -> String {
    let path = w.write(name, style("en-GB", layout));
    let refs = w.references(path.to_str().expect("utf-8 path"));
    reference(&refs, "Race correction").to_string()
}

/// F1: `text-case` on a macro call applies to all the macro renders, names
/// included (CSL 1.0.2, "Text-case"); the processor upper-cased only the
/// suffix ("Mensah KA JR., Lind TR").
#[test]
fn a_macro_calls_case_covers_its_names() {
    let w = Workdir::new();
    w.import_reading("one.bib", ONE_BIB);
    let r = cased(&w, "upper.csl", r#"<text macro="author" text-case="uppercase"/><text variable="title"/>"#);
    assert_eq!(r, "MENSAH KA JR., LIND TR | Race correction in clinical algorithms.");
    let r = cased(&w, "lower.csl", r#"<text macro="author" text-case="lowercase"/>"#);
    assert_eq!(r, "mensah ka jr., lind tr.");
}

/// F1, the kind: every case, on a macro of text, of macros, and of names
/// and text together; the affixes of the call stay outside its case.
#[test]
fn every_case_on_a_macro_call_covers_the_whole_output() {
    let w = Workdir::new();
    w.import_reading("one.bib", ONE_BIB);
    let cases = [
        ("uppercase", "RACE CORRECTION IN CLINICAL ALGORITHMS"),
        ("lowercase", "race correction in clinical algorithms"),
        ("title", "Race Correction in Clinical Algorithms"),
        ("capitalize-all", "Race Correction In Clinical Algorithms"),
    ];
    for (case, want) in cases {
        let r = cased(&w, &format!("{case}.csl"), &format!(r#"<text macro="title" text-case="{case}" prefix="t: "/>"#));
        assert_eq!(r, format!("t: {want}."), "{case}");
    }
    let r = cased(&w, "both.csl", r#"<text macro="both" text-case="uppercase"/>"#);
    assert_eq!(r, "MENSAH KA JR., LIND TR / RACE CORRECTION IN CLINICAL ALGORITHMS.");
    // capitalize-first: the first word of the whole output, not of each part.
    let r = cased(&w, "first.csl", r#"<text macro="both" text-case="capitalize-first"/>"#);
    assert_eq!(r, "Mensah KA Jr., Lind TR / Race correction in clinical algorithms.");
}

/// F1: a date's case covers its date parts (it printed "March 2018").
#[test]
fn a_dates_case_covers_its_parts() {
    let w = Workdir::new();
    w.import_reading("one.bib", ONE_BIB);
    let r = cased(
        &w,
        "date.csl",
        r#"<date variable="issued" text-case="uppercase"><date-part name="month"/><date-part name="year" prefix=" "/></date>
           <date variable="issued" form="text" date-parts="year-month" text-case="lowercase"/>"#,
    );
    assert_eq!(r, "MARCH 2020 | march 2020.");
}

/// F1: `text-case` on `<name>` (not CSL 1.0.2, which puts it on
/// `<name-part>`) is honoured for the family and given names, not ignored;
/// a name part's own case stays its own.
#[test]
fn a_names_case_is_given_to_its_parts() {
    let w = Workdir::new();
    w.import_reading("one.bib", ONE_BIB);
    let r =
        cased(&w, "name.csl", r#"<names variable="author"><name text-case="uppercase" initialize-with=". "/></names>"#);
    assert_eq!(r, "K. A. MENSAH Jr., T. R. LIND.");
    let r = cased(
        &w,
        "parts.csl",
        r#"<names variable="author"><name text-case="uppercase" initialize-with=". "><name-part name="given" text-case="lowercase"/></name></names>"#,
    );
    assert_eq!(r, "k. a. MENSAH Jr., t. r. LIND.");
}

/// F1: title case is an English rule: a French work keeps its words.
#[test]
fn title_case_on_a_macro_leaves_a_french_work_alone() {
    let w = Workdir::new();
    w.import_reading(
        "fr.bib",
        "@article{f, author={Diallo, Awa}, title={Santé des femmes en milieu rural}, journal={Santé}, \
         year={2019}, langid={french}}\n",
    );
    let path = w.write("t.csl", style("en-GB", r#"<text macro="title" text-case="title"/>"#));
    let refs = w.references(path.to_str().expect("utf-8 path"));
    assert_eq!(reference(&refs, "Santé des"), "Santé des femmes en milieu rural.");
    w.import_reading(
        "en.bib",
        "@article{e, author={Diallo, Awa}, title={Health of women in rural areas}, journal={H}, year={2019}}\n",
    );
    let refs = w.references(path.to_str().expect("utf-8 path"));
    assert_eq!(reference(&refs, "Health of"), "Health of Women in Rural Areas.");
}

/// F10: the status canon adds for a `.csl` style is the style's locale's
/// term: "sous presse" in French, as its "et al." is.
#[test]
fn the_added_status_is_in_the_styles_language() {
    let w = Workdir::new();
    w.import_reading(
        "p.bib",
        "@article{p, author={Osei, Jane}, title={Epistemic injustice in clinical teaching}, journal={Med Educ}, \
         year={In press}}\n@article{q, author={Ude, Ada}, title={Forthcoming work on bias}, journal={Med Educ}, \
         year={Forthcoming}}\n",
    );
    let layout = r#"<names variable="author"><name name-as-sort-order="all" initialize-with="."/></names><text variable="title"/>"#;
    let fr = w.write("fr.csl", style("fr-FR", layout));
    let refs = w.references(fr.to_str().expect("utf-8 path"));
    assert_eq!(reference(&refs, "Epistemic"), "Osei, J. | Epistemic injustice in clinical teaching. Sous presse.");
    assert_eq!(reference(&refs, "Forthcoming work"), "Ude, A. | Forthcoming work on bias. À paraître.");
    let de = w.write("de.csl", style("de-DE", layout));
    let refs = w.references(de.to_str().expect("utf-8 path"));
    assert_eq!(reference(&refs, "Epistemic"), "Osei, J. | Epistemic injustice in clinical teaching. Im Druck.");
    // An English style and the bundled ones keep their words.
    let en = w.write("en.csl", style("en-US", layout));
    let refs = w.references(en.to_str().expect("utf-8 path"));
    assert_eq!(reference(&refs, "Epistemic"), "Osei, J. | Epistemic injustice in clinical teaching. In press.");
    assert!(reference(&w.references("apa"), "Epistemic").contains("(in press)"));
}
