//! Printed references left open by earlier testers (lead round 79): a
//! `.csl` macro call with attributes whose macro prints nothing leaves no
//! delimiter or affix (1); a `.csl` file's locale's volume word as the
//! locale writes it (2); one page label, the style's, whatever label the
//! source wrote before the pages (3); a numbered edition with words in
//! another language in an English style's words (4).

mod common;

use common::{Workdir, reference};

/// A style file `name.csl` in `locale` whose bibliography is `layout`, with
/// the macros `macros` beside an "author" macro.
fn csl(w: &Workdir, name: &str, locale: &str, macros: &str, layout: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info><title>{name}</title><id>http://example.org/styles/{name}</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="all"/></names></macro>
  {macros}
  <citation><layout><text macro="author"/></layout></citation>
  <bibliography><layout suffix=".">{layout}</layout></bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

/// Works with a part missing: no date, no authors, no publisher, a year
/// without a month, and one with everything.
const GAPS: &str = "title,authors,year,type,publisher,place,language,volume,container,pages,issue,date
Nothing dated,\"Smith, Jane\",,book,Acme,London,en,,,,,
No authors here,,2001,book,Acme,London,en,,,,,
No publisher here,\"Brown, Ann\",2002,book,,,en,,,,,
Everything here,\"Green, Bob\",2003,book,Acme,London,en,,,,,
Year only article,\"Smith, Jane\",2017,article,,,en,58,Der Internist,1-5,3,
Month article,\"Brown, Ann\",2018,article,,,en,59,Der Internist,6-9,4,2018-05
";

fn assert_refs(w: &Workdir, style: &str, want: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, r) in want {
        assert_eq!(reference(&refs, title), *r, "{style}: {title}");
    }
}

/// 1: a macro called with affixes (`prefix=" (" suffix=")"`) in a group
/// with a delimiter, for works without a date, authors or publisher.
#[test]
fn a_macro_call_with_affixes_that_prints_nothing_leaves_no_delimiter() {
    let w = Workdir::new();
    w.import_reading("gaps.csv", GAPS);
    let style = csl(
        &w,
        "affixed",
        "en-GB",
        r#"<macro name="issued"><date variable="issued"><date-part name="year"/></date></macro>
  <macro name="publisher"><group delimiter=": "><text variable="publisher-place"/><text variable="publisher"/></group></macro>"#,
        r#"<group delimiter=", ">
      <text macro="author"/>
      <text macro="issued" prefix=" (" suffix=")"/>
      <text variable="title" font-style="italic"/>
      <text macro="publisher" prefix="[" suffix="]"/>
    </group>"#,
    );
    assert_refs(
        &w,
        &style,
        &[
            ("Nothing dated", "Smith, Jane, Nothing dated, [London: Acme]."),
            ("No authors here", "(2001), No authors here, [London: Acme]."),
            ("No publisher here", "Brown, Ann, (2002), No publisher here."),
            ("Everything here", "Green, Bob, (2003), Everything here, [London: Acme]."),
        ],
    );
}

/// 1: a macro called with formatting (`font-style="normal"`,
/// `text-case="uppercase"`) in a group delimited by ". ".
#[test]
fn a_macro_call_with_formatting_that_prints_nothing_leaves_no_delimiter() {
    let w = Workdir::new();
    w.import_reading("gaps.csv", GAPS);
    let style = csl(
        &w,
        "formatted",
        "en-GB",
        r#"<macro name="year-date"><date variable="issued"><date-part name="year"/></date></macro>
  <macro name="publisher"><text variable="publisher"/></macro>"#,
        r#"<group delimiter=". ">
      <text macro="author"/>
      <text macro="year-date" font-style="normal"/>
      <text variable="title"/>
      <text macro="publisher" text-case="uppercase"/>
    </group>"#,
    );
    assert_refs(
        &w,
        &style,
        &[
            ("Nothing dated", "Smith, Jane. Nothing dated. ACME."),
            ("No authors here", "2001. No authors here. ACME."),
            ("No publisher here", "Brown, Ann. 2002. No publisher here."),
            ("Everything here", "Green, Bob. 2003. Everything here. ACME."),
        ],
    );
}

/// 1: a month that prints nothing for a work with a year alone, called as
/// a macro with affixes and with formatting (the empty-date delimiter
/// removal knew only calls without attributes): no "( )", no "; " before
/// the pages, no ",[2003]".
#[test]
fn a_month_macro_with_attributes_that_prints_nothing_leaves_no_delimiter() {
    let w = Workdir::new();
    w.import_reading("gaps.csv", GAPS);
    let style = csl(
        &w,
        "month",
        "en-GB",
        r#"<macro name="month"><date variable="issued"><date-part name="month" form="short"/></date></macro>
  <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>"#,
        r#"<group delimiter=", ">
      <text macro="author"/>
      <text variable="title"/>
      <group delimiter=" ">
        <text variable="container-title" font-style="italic"/>
        <text variable="volume"/>
        <text macro="month" prefix="(" suffix=")"/>
        <text macro="year" prefix="[" suffix="]"/>
      </group>
      <group delimiter="; "><text macro="month" font-style="italic"/><text variable="page"/></group>
    </group>"#,
    );
    assert_refs(
        &w,
        &style,
        &[
            ("Year only article", "Smith, Jane, Year only article, Der Internist 58 [2017], 1–5."),
            ("Month article", "Brown, Ann, Month article, Der Internist 59 (May) [2018], May; 6–9."),
            ("Everything here", "Green, Bob, Everything here, [2003]."),
            ("Nothing dated", "Smith, Jane, Nothing dated."),
            ("No authors here", "No authors here, [2001]."),
        ],
    );
    // The same month in a group of its own, and in a macro of a group, with
    // a text case on the call.
    let style = csl(
        &w,
        "month-group",
        "en-US",
        r#"<macro name="month-group"><group prefix="(" suffix=")"><date variable="issued"><date-part name="month"/></date></group></macro>"#,
        r#"<group delimiter=". ">
      <text macro="author"/>
      <text variable="title"/>
      <group delimiter=", ">
        <text variable="container-title"/>
        <group prefix="[" suffix="]"><date variable="issued"><date-part name="month" form="short"/></date></group>
        <text macro="month-group" text-case="uppercase"/>
        <text variable="volume"/>
      </group>
      <text variable="page"/>
    </group>"#,
    );
    assert_refs(
        &w,
        &style,
        &[
            ("Year only article", "Smith, Jane. Year only article. Der Internist, 58. 1–5."),
            ("Month article", "Brown, Ann. Month article. Der Internist, [May], (MAY), 59. 6–9."),
            ("Everything here", "Green, Bob. Everything here."),
        ],
    );
}

/// Volumes with titles of their own, in French and German.
const VOLUMES: &str = "title,authors,year,type,publisher,place,language,volume,volume_title
Les Misérables,\"Hugo, Victor\",1862,book,Lacroix,Paris,fr,2,Cosette
Gesammelte Werke,\"Mann, Thomas\",1960,book,Fischer,Frankfurt,de,3,Der Zauberberg
";

/// 2: the volume word canon writes into the title for a `.csl` file that
/// prints no volume title: the locale's term as the locale writes it
/// ("vol." in French, "Bd." in German), capitalised only where the style
/// capitalises its own volume term; English keeps the manuals' "Vol.".
#[test]
fn a_csl_files_volume_word_is_its_locales() {
    let w = Workdir::new();
    w.import_reading("v.csv", VOLUMES);
    let layout = r#"<group delimiter=", ">
      <text macro="author"/>
      <text variable="title" font-style="italic"/>
      <group delimiter=" "><label variable="volume" form="short"/><text variable="volume"/></group>
      <text variable="publisher"/>
      <date variable="issued"><date-part name="year"/></date>
    </group>"#;
    for (locale, hugo, mann) in [
        (
            "fr-FR",
            "Hugo, Victor, Les Misérables. vol. 2, Cosette, Lacroix, 1862.",
            "Mann, Thomas, Gesammelte Werke. vol. 3, Der Zauberberg, Fischer, 1960.",
        ),
        (
            "de-DE",
            "Hugo, Victor, Les Misérables. Bd. 2, Cosette, Lacroix, 1862.",
            "Mann, Thomas, Gesammelte Werke. Bd. 3, Der Zauberberg, Fischer, 1960.",
        ),
        (
            "en-GB",
            "Hugo, Victor, Les Misérables. Vol. 2, Cosette, Lacroix, 1862.",
            "Mann, Thomas, Gesammelte Werke. Vol. 3, Der Zauberberg, Fischer, 1960.",
        ),
    ] {
        let style = csl(&w, &format!("vol-{locale}"), locale, "", layout);
        assert_refs(&w, &style, &[("Les Misérables", hugo), ("Gesammelte Werke", mann)]);
    }
    // A French style that capitalises its volume label asks for the capital.
    let capital = layout.replace(r#"form="short"/>"#, r#"form="short" text-case="capitalize-first"/>"#);
    let style = csl(&w, "vol-fr-capital", "fr-FR", "", &capital);
    assert_refs(&w, &style, &[("Les Misérables", "Hugo, Victor, Les Misérables. Vol. 2, Cosette, Lacroix, 1862.")]);
}

/// Chapters and articles whose pages the source wrote with a label, in
/// English, French, German and Spanish.
const PAGES: &str = "title,authors,year,type,publisher,place,language,container,editors,pages,volume,issue
Chapitre,\"Dupont, Jean\",2012,chapter,Gallimard,Paris,fr,Le Livre,\"Martin, Paul\",p. 1-5,,
Kapitel,\"Müller, Hans\",2013,chapter,Beck,München,de,Das Buch,\"Schulz, Eva\",S. 1-5,,
Capítulo,\"García, Ana\",2014,chapter,Alianza,Madrid,es,El Libro,\"López, Luis\",págs. 1-5,,
Artikel,\"Müller, Hans\",2016,article,,,de,Zeitschrift Y,,Seite 7,13,3
Artículo,\"García, Ana\",2017,article,,,es,Revista Z,,pág. 12–19,14,4
Article,\"Dupont, Jean\",2015,article,,,fr,Revue X,,1-5 p.,12,2
";

/// 3: one page label, the style's own in its locale's form, whatever
/// label the source wrote (Harvard printed "pp. S. 1–5"); the label is
/// not stored; a value stored with one by an older canon prints once too.
#[test]
fn pages_take_one_label_in_the_styles_locale() {
    let w = Workdir::new();
    w.import_reading("p.csv", PAGES);
    let stored: Vec<String> = {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        let mut s = c.prepare("SELECT pages FROM reading ORDER BY title").unwrap();
        s.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(stored, ["1-5", "7", "12-19", "1-5", "1-5", "1-5"]);
    assert_refs(
        &w,
        "harvard",
        &[
            ("Kapitel", "Müller, H. (2013) ‘Kapitel’, in Schulz, E. (ed.) Das Buch. München: Beck, pp. 1–5."),
            ("Capítulo", "García, A. (2014) ‘Capítulo’, in López, L. (ed.) El Libro. Madrid: Alianza, pp. 1–5."),
            ("Chapitre", "Dupont, J. (2012) ‘Chapitre’, in Martin, P. (ed.) Le Livre. Paris: Gallimard, pp. 1–5."),
            ("Artikel", "Müller, H. (2016) ‘Artikel’, Zeitschrift Y, 13(3), p. 7."),
            ("Artículo", "García, A. (2017) ‘Artículo’, Revista Z, 14(4), pp. 12–19."),
            ("Article", "Dupont, J. (2015) ‘Article’, Revue X, 12(2), pp. 1–5."),
        ],
    );
    let de = w.dependent_style("z-de", "harvard-cite-them-right", "de-DE");
    assert_refs(
        &w,
        &de,
        &[
            ("Kapitel", "Müller, H. (2013) ‘Kapitel’, in E. Schulz (Hrsg.) Das Buch. München: Beck, S. 1–5."),
            ("Artikel", "Müller, H. (2016) ‘Artikel’, Zeitschrift Y, 13(3), S. 7."),
        ],
    );
    // Every bundled style, in each locale: exactly one page label.
    let labels = ["pp.", "p.", "S.", "págs.", "pág.", "Seite", "P."];
    assert_eq!(page_labels("Madrid, pp. S. 1–5.", &labels), 2);
    assert_eq!(page_labels("in P. Martin (éd.), Le Livre (p.\u{a0}1‑5)", &labels), 1);
    for parent in [
        "harvard-cite-them-right",
        "apa",
        "chicago-author-date",
        "nlm-citation-sequence",
        "american-medical-association",
    ] {
        for locale in ["en-GB", "fr-FR", "de-DE", "es-ES"] {
            let refs = w.references(&w.dependent_style(&format!("{parent}-{locale}"), parent, locale));
            for (title, r) in &refs {
                let after_title = &r[r.find(title.as_str()).map_or(0, |i| i + title.len())..];
                assert!(page_labels(after_title, &labels) <= 1, "{parent} {locale}: {r}");
            }
        }
    }
    // A value an older canon stored with its label.
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.execute("UPDATE reading SET pages = 'S. 1-5' WHERE title = 'Kapitel'", []).unwrap();
    drop(c);
    assert_refs(
        &w,
        "harvard",
        &[("Kapitel", "Müller, H. (2013) ‘Kapitel’, in Schulz, E. (ed.) Das Buch. München: Beck, pp. 1–5.")],
    );
}

/// How many of `labels` stand in `text` as a word of their own before a
/// number or another label ("pp. 1", "S.\u{a0}7", both of "pp. S. 1"; not
/// the "p. " inside "pp. ").
fn page_labels(text: &str, labels: &[&str]) -> usize {
    labels
        .iter()
        .map(|l| {
            text.match_indices(l)
                .filter(|(i, _)| !text[..*i].ends_with(char::is_alphabetic))
                .filter(|(i, _)| {
                    let rest = text[i + l.len()..].trim_start_matches([' ', '\u{a0}']);
                    rest.len() < text.len() - i - l.len()
                        && (rest.starts_with(|c: char| c.is_ascii_digit())
                            || labels.iter().any(|m| rest.starts_with(m)))
                })
                .count()
        })
        .sum()
}

/// Numbered editions written in German, French and Spanish.
const EDITIONS: &str = "title,authors,year,type,publisher,place,language,edition
Überarbeitet,\"Müller, Hans\",2018,book,Beck,München,de,\"2., überarb. Aufl.\"
Erweitert,\"Müller, Hans\",2019,book,Beck,München,de,\"3., erw. Aufl.\"
Schlicht,\"Müller, Hans\",2020,book,Beck,München,de,2. Aufl.
Beides,\"Müller, Hans\",2021,book,Beck,München,de,\"4., überarb. und erw. Auflage\"
Revue,\"Dupont, Jean\",2021,book,Gallimard,Paris,fr,2e éd. rev. et augm.
Revisada,\"García, Ana\",2022,book,Alianza,Madrid,es,2ª ed. rev.
Vollständig,\"Müller, Hans\",2023,book,Beck,München,de,\"5., vollständig neu gestaltete Aufl.\"
";

/// 4: the ordinal and the words an English style has for them ("2nd rev.
/// ed."), as "2. Aufl." was already "2nd ed."; the stored value as
/// written; an edition with a word canon cannot carry stays as written,
/// whole; a German style prints it as written.
#[test]
fn a_numbered_edition_in_another_language_in_an_english_styles_words() {
    let w = Workdir::new();
    w.import_reading("e.csv", EDITIONS);
    let stored = w.count("SELECT count(*) FROM reading WHERE edition = '2., überarb. Aufl.'");
    assert_eq!(stored, 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE edition = '2e éd. rev. et augm.'"), 1);
    assert_refs(
        &w,
        "vancouver",
        &[
            ("Überarbeitet", "Müller H. Überarbeitet. 2nd rev. ed. München: Beck; 2018. German."),
            ("Erweitert", "Müller H. Erweitert. 3rd enl. ed. München: Beck; 2019. German."),
            ("Schlicht", "Müller H. Schlicht. 2nd ed. München: Beck; 2020. German."),
            ("Beides", "Müller H. Beides. 4th rev. and enl. ed. München: Beck; 2021. German."),
            ("Revue", "Dupont J. Revue. 2nd rev. and enl. ed. Paris: Gallimard; 2021. French."),
            ("Revisada", "García A. Revisada. 2nd rev. ed. Madrid: Alianza; 2022. Spanish."),
            ("Vollständig", "Müller H. Vollständig. 5., vollständig neu gestaltete Aufl. München: Beck; 2023. German."),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            ("Überarbeitet", "Müller, H. (2018) Überarbeitet. 2nd rev. edn. München: Beck."),
            ("Erweitert", "Müller, H. (2019) Erweitert. 3rd enl. edn. München: Beck."),
        ],
    );
    assert_refs(
        &w,
        "apa",
        &[
            ("Überarbeitet", "Müller, H. (2018). Überarbeitet (2nd rev. ed.). Beck."),
            ("Revisada", "García, A. (2022). Revisada (2nd rev. ed.). Alianza."),
        ],
    );
    assert_refs(&w, "chicago", &[("Erweitert", "Müller, Hans. 2019. Erweitert. 3rd enl. ed. Beck.")]);
    assert_refs(&w, "ama", &[("Überarbeitet", "Müller H. Überarbeitet. 2nd rev. ed. Beck; 2018.")]);
    // In German, as written.
    let de = w.dependent_style("apa-de", "apa", "de-DE");
    assert_refs(&w, &de, &[("Überarbeitet", "Müller, H. (2018). Überarbeitet (2., überarb. Aufl.). Beck.")]);
}
