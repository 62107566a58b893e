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

/// F3: APA's capital after a colon (and a dash) in a sentence-case title
/// (APA 7 §6.17): a catalogue's " : " (which is printed ": ") and an em
/// dash with spaces, as Scopus writes it, were left in lower case.
#[test]
fn apa_capitalises_a_catalogue_subtitle_and_after_a_spaced_dash() {
    let w = Workdir::new();
    w.import_reading(
        "colon.csv",
        "title,authors,year,type,publisher,container,volume\n\
         Decolonizing methodologies : research and indigenous peoples,\"Smith, Linda Tuhiwai\",2021,book,Zed Books,,\n\
         Decolonizing medicine: research and practice,\"Smith, Linda Tuhiwai\",2020,book,Zed Books,,\n\
         Hidden in plain sight \u{2014} reconsidering race correction,\"Vyas, Darshali\",2020,article,,N Engl J Med,383\n\
         Race in medicine \u{2013} a history,\"Osei, Ama\",2019,article,,Lancet,12\n\
         Santé publique : enjeux et pratiques,\"Diallo, Awa\",2018,book,Karthala,,\n",
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Decolonizing methodologies"),
        "Smith, L. T. (2021). Decolonizing methodologies: Research and indigenous peoples. Zed Books."
    );
    assert_eq!(
        reference(&apa, "Decolonizing medicine"),
        "Smith, L. T. (2020). Decolonizing medicine: Research and practice. Zed Books."
    );
    assert!(
        reference(&apa, "Hidden").contains("Hidden in plain sight \u{2014} Reconsidering race correction."),
        "{apa:?}"
    );
    assert!(reference(&apa, "Race in").contains("Race in medicine \u{2013} A history."), "{apa:?}");
    assert!(reference(&apa, "Santé").contains("Santé publique: Enjeux et pratiques."), "{apa:?}");
    // Stored with the title's colon: the catalogue's ISBD " : " is its
    // mark for the colon (tester r101 F4; a French title keeps its space).
    assert_eq!(
        w.count(
            "SELECT count(*) FROM reading WHERE title = 'Decolonizing methodologies: research and indigenous peoples'"
        ),
        1
    );
}

const EDITIONS: &str = "title,authors,year,type,publisher,place,edition\n\
    Book A,\"Smith, A\",2001,book,Pub,London,First Anchor Books edition.\n\
    Book C,\"Smith, C\",2003,book,Pub,London,\"2nd ed., rev. and expanded\"\n\
    Book E,\"Smith, E\",2005,book,Pub,London,Nouvelle édition\n\
    Book G,\"Smith, G\",2007,book,Pub,London,Revised and updated edition\n\
    Book H,\"Smith, H\",2008,book,Pub,London,6. Auflage\n\
    Book I,\"Smith, I\",2009,book,Pub,London,Segunda edición revisada\n\
    Book J,\"Smith, J\",2010,book,Pub,London,Rev. edn\n\
    Book K,\"Smith, K\",2011,book,Pub,London,Anniversary edition.\n";

/// F4: an edition that says "edition" in any language gets no second
/// label, a catalogue's full stop is not printed inside APA's parentheses,
/// and each style's abbreviation is used throughout: "ed." in APA,
/// Vancouver, Chicago and AMA, "edn" in Cite Them Right's Harvard.
#[test]
fn editions_as_catalogues_write_them_are_printed_in_each_styles_words() {
    let w = Workdir::new();
    w.import_reading("ed.csv", EDITIONS);
    let apa = w.references("apa");
    let cases = [
        ("Book A", "Smith, A. (2001). Book A (1st Anchor Books ed.). Pub."),
        ("Book C", "Smith, C. (2003). Book C (2nd ed., rev. and expanded). Pub."),
        // (French "Nouvelle édition" in English words since tester r81 F10,
        // as "Segunda edición revisada" below.)
        ("Book E", "Smith, E. (2005). Book E (New ed.). Pub."),
        ("Book G", "Smith, G. (2007). Book G (Rev. and updated ed.). Pub."),
        // (A numbered edition's words in another language in APA's, as
        // "Segunda edición" was already "2nd ed."; lead r79 item 4.)
        ("Book I", "Smith, I. (2009). Book I (2nd rev. ed.). Pub."),
        ("Book J", "Smith, J. (2010). Book J (Rev. ed.). Pub."),
        ("Book K", "Smith, K. (2011). Book K (Anniversary ed.). Pub."),
    ];
    for (title, want) in cases {
        assert_eq!(reference(&apa, title), want);
    }
    // "6. Auflage" is the 6th edition, printed as an ordinal in every
    // style (tester r78 F12; it was printed as written before).
    assert_eq!(reference(&apa, "Book H"), "Smith, H. (2008). Book H (6th ed.). Pub.");
    let vancouver = w.references("vancouver");
    assert_eq!(reference(&vancouver, "Book E"), "Smith E. Book E. New ed. London: Pub; 2005.");
    assert_eq!(reference(&vancouver, "Book A"), "Smith A. Book A. 1st Anchor Books ed. London: Pub; 2001.");
    assert_eq!(reference(&vancouver, "Book G"), "Smith G. Book G. Rev. and updated ed. London: Pub; 2007.");
    let harvard = w.references("harvard");
    assert_eq!(reference(&harvard, "Book E"), "Smith, E. (2005) Book E. New edn. London: Pub.");
    assert_eq!(reference(&harvard, "Book C"), "Smith, C. (2003) Book C. 2nd edn, rev. and expanded. London: Pub.");
    assert_eq!(reference(&harvard, "Book A"), "Smith, A. (2001) Book A. 1st Anchor Books edn. London: Pub.");
    assert_eq!(reference(&harvard, "Book G"), "Smith, G. (2007) Book G. Revised and updated edn. London: Pub.");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Book A").contains("Book A. 1st Anchor Books ed."), "{chicago:?}");
    for style in ["vancouver", "harvard", "chicago", "ama"] {
        let refs = w.references(style);
        for (title, r) in &refs {
            for doubled in ["édition ed", "édition edn", "edition ed", "edición ed", "Auflage ed", "ed. ed", "edn ed"]
            {
                assert!(!r.contains(doubled), "{style} {title}: {r}");
            }
            assert!(!r.contains("edition."), "{style} {title}: {r}");
        }
    }
    // Stored as written.
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE edition = 'First Anchor Books edition.'"), 1);
}

const WEB_PAGE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><ref-type name="Web Page">12</ref-type><contributors><authors><author>Médecins Sans Frontières,</author></authors></contributors><titles><title>Neglected tropical diseases</title><secondary-title>MSF Access Campaign</secondary-title></titles><dates><year>2021</year><pub-dates><date>June 3</date></pub-dates></dates><urls><related-urls><url>https://msfaccess.org/ntd</url></related-urls></urls><access-date>2024/03/05</access-date><work-type>Web Page</work-type></record>
<record><ref-type name="Report">27</ref-type><contributors><authors><author>World Health Organization,</author></authors></contributors><titles><title>Global tuberculosis report</title></titles><dates><year>2022</year></dates><publisher>WHO</publisher><work-type>Report</work-type></record>
<record><ref-type name="Report">27</ref-type><contributors><authors><author>Ude, Ada</author></authors></contributors><titles><title>Policy options for malaria</title></titles><dates><year>2020</year></dates><publisher>MoH</publisher><work-type>Policy brief</work-type></record>
</records></xml>"#;

/// F11: EndNote's Type of Work that only repeats the reference type ("Web
/// Page" on a Web Page, "Report" on a Report) is no genre: not stored (a
/// note says so) and not printed; a real one ("Policy brief") is kept.
#[test]
fn a_work_type_that_repeats_the_reference_type_is_no_genre() {
    let w = Workdir::new();
    let said = w.import_reading("en.xml", WEB_PAGE_XML);
    assert!(said.contains(r#"EndNote XML work-type "Web Page" (it only repeats the reference type"#), "{said}");
    assert!(said.contains(r#"EndNote XML work-type "Report" (it only repeats the reference type"#), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE genre IS NOT NULL"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE genre = 'Policy brief'"), 1);
    for style in ["apa", "chicago", "vancouver", "harvard", "ama"] {
        let refs = w.references(style);
        let web = reference(&refs, "Neglected");
        assert!(!web.to_lowercase().contains("web page"), "{style}: {web}");
        assert!(!reference(&refs, "Global tuberculosis").contains("[Report]"), "{style}: {refs:?}");
    }
    assert!(reference(&w.references("apa"), "Policy options").contains("Policy brief"));
    // A genre an older canon stored so is not printed either.
    let db = rusqlite::Connection::open(w.db()).unwrap();
    db.execute("UPDATE reading SET genre = 'Web Page' WHERE title = 'Neglected tropical diseases'", []).unwrap();
    drop(db);
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Neglected"),
        "Médecins Sans Frontières. (2021, June 3). Neglected tropical diseases. MSF Access Campaign. https://msfaccess.org/ntd"
    );
    let chicago = w.references("chicago");
    assert!(!reference(&chicago, "Neglected").contains("Web Page"), "{chicago:?}");
}

const TRANSLATED: &str = "title,authors,year,type,container,publisher,original_title,volume,pages,language\n\
    \"[Colonial medicine in West Africa]\",\"Diallo, Awa\",2019,article,Revue Africaine,,\
    La médecine coloniale en Afrique de l'Ouest,12,1-9,fr\n\
    \"[The hidden God]\",\"Goldmann, Lucien\",1955,book,,Gallimard,Le Dieu caché,,,fr\n";

/// Chicago 18 §14.98: a title's bracketed English translation follows the
/// title, outside its quotation marks and in roman type: “…” [Colonial
/// medicine…]. It was printed inside the quotation marks. Harvard's
/// single quotation marks likewise; APA's italic book title ends before it.
#[test]
fn a_bracketed_translation_follows_the_quoted_or_italic_title() {
    let w = Workdir::new();
    w.import_reading("t.csv", TRANSLATED);
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "[Colonial"),
        "Diallo, Awa. 2019. “La médecine coloniale en Afrique de l'Ouest” [Colonial medicine in West Africa]. \
         Revue Africaine 12: 1–9."
    );
    assert_eq!(
        reference(&chicago, "[The hidden"),
        "Goldmann, Lucien. 1955. Le Dieu caché [The hidden God]. Gallimard."
    );
    let harvard = w.references("harvard");
    assert!(
        reference(&harvard, "[Colonial")
            .contains("‘La médecine coloniale en Afrique de l'Ouest’ [Colonial medicine in West Africa], Revue"),
        "{harvard:?}"
    );
    for style in ["chicago", "apa", "harvard"] {
        let pdf = w.path(&format!("{style}.pdf"));
        w.ok(&["report", pdf.to_str().unwrap(), "--style", style, "-q"]);
        if let Some(italic) = common::pdf_italics(&pdf) {
            let italic = italic.join(" ");
            assert!(italic.contains("Dieu"), "{style}: {italic}");
            assert!(!italic.contains("hidden"), "{style}: the translation in italics: {italic}");
        }
    }
}
