//! What a `.csl` style prints around a date and a status, tester r78: a
//! date that printed nothing takes no delimiter (F1), a season stands where
//! the month would and not beside a year printed alone (F2), a forthcoming
//! work's year in a dependent style's language (F8), and a status ending in
//! its own full stop takes no second one (F10).

mod common;

use common::{Workdir, reference};

/// The tester's t/intl.bib (the entries the findings name), with an
/// article with a month, one without, and a book stored with a season.
const BIB: &str = r#"@article{osei_forth2025,
  author = {Osei, Jane},
  title = {Rassismus in klinischen Algorithmen},
  journal = {Das Gesundheitswesen},
  year = {2025},
  pubstate = {forthcoming}
}
@book{fanon_forth,
  author = {Fanon, Frantz},
  title = {Écrits psychiatriques inédits},
  publisher = {La Découverte},
  address = {Paris},
  year = {forthcoming}
}
@article{season2019,
  author = {Müller, Anna and Schmidt, Lukas},
  title = {Hautfarbe und Pulsoxymetrie},
  journal = {Anästhesiologie \& Intensivmedizin},
  year = {2019},
  month = {winter},
  volume = {60},
  pages = {33--41}
}
@article{topara_inpress2024,
  author = {Dupont, Marie},
  title = {Santé et colonialisme en Afrique de l'Ouest},
  journal = {Revue d'histoire de la médecine},
  year = {2024},
  pubstate = {inpress}
}
@article{weber2018,
  author = {Weber, Karl},
  title = {Monatsartikel Test},
  journal = {Der Internist},
  year = {2018},
  month = {mar},
  volume = {59},
  pages = {100--110}
}
@article{weber2017,
  author = {Weber, Karl},
  title = {Ohne Monat Test},
  journal = {Der Internist},
  year = {2017},
  volume = {58},
  pages = {10--20}
}
@book{summerbook,
  author = {Ade, Ola},
  title = {Ein Sommerbuch},
  publisher = {Zed},
  address = {London},
  year = {2016},
  month = {summer}
}
"#;

/// A journal's author-date style in `locale`, as the tester's
/// t/de-autor-jahr.csl: the year alone after the authors, and `date` (the
/// container's date, a group of dates) after the volume.
fn style(w: &Workdir, name: &str, locale: &str, date: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info>
    <title>Test {name}</title>
    <id>http://example.org/styles/{name}</id>
    <category citation-format="author-date"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=", " initialize-with=". " delimiter="; " delimiter-precedes-last="always"/>
    </names>
  </macro>
  <macro name="issued">
    <choose>
      <if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
      <else-if variable="status"><text variable="status"/></else-if>
      <else><text term="no date" form="short"/></else>
    </choose>
  </macro>
  <macro name="month">
    <date variable="issued"><date-part name="month" form="long"/></date>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" "><names variable="author"><name form="short"/></names><text macro="issued"/></group>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=" ">
        <text macro="author"/>
        <text macro="issued" prefix="(" suffix="):"/>
      </group>
      <text variable="title" prefix=" "/>
      <choose>
        <if type="book">
          <text variable="publisher-place" prefix=". "/>
          <text variable="publisher" prefix=": "/>
        </if>
        <else>
          <text variable="container-title" prefix=". In: "/>
          <text variable="volume" prefix=" "/>
          {date}
          <text variable="page" prefix=", S. "/>
        </else>
      </choose>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

/// The tester's group: the month, then the year, each a date of its own.
const MONTH_YEAR: &str = r#"<group prefix=" (" suffix=")" delimiter=" ">
            <date variable="issued"><date-part name="month" form="long"/></date>
            <date variable="issued"><date-part name="year"/></date>
          </group>"#;

#[test]
fn a_date_that_prints_nothing_takes_no_delimiter() {
    let w = Workdir::new();
    w.import_reading("intl.bib", BIB);
    for (name, locale, march) in [("de", "de-DE", "März"), ("fr", "fr-FR", "mars")] {
        let path = style(&w, name, locale, MONTH_YEAR);
        let refs = w.references(&path);
        let without = reference(&refs, "Ohne Monat Test");
        assert!(without.contains("Der Internist 58 (2017), S. 10"), "{path}: {without}");
        assert!(!without.contains("( "), "{path}: {without}");
        let with = reference(&refs, "Monatsartikel Test");
        assert!(with.contains(&format!("Der Internist 59 ({march} 2018), S. 100")), "{path}: {with}");
        // A status with its year: the year alone in the group.
        let osei = reference(&refs, "Rassismus in klinischen Algorithmen");
        assert!(osei.contains("Das Gesundheitswesen (2025)."), "{path}: {osei}");
    }
    // The kind: a month after the year, with another delimiter; a month and
    // day before it; a month from a macro; a month between two fields.
    for (name, group, without, with) in [
        (
            "after",
            r#"<group prefix=" (" suffix=")" delimiter=" / "><date variable="issued"><date-part name="year"/></date><date variable="issued"><date-part name="month" form="long"/></date></group>"#,
            "Der Internist 58 (2017), S. 10",
            "Der Internist 59 (2018 / March), S. 100",
        ),
        (
            "month-day",
            r#"<group prefix=" (" suffix=")" delimiter=" - "><date variable="issued"><date-part name="month" form="short"/><date-part name="day" prefix=" "/></date><date variable="issued"><date-part name="year"/></date></group>"#,
            "Der Internist 58 (2017), S. 10",
            "Der Internist 59 (Mar. - 2018), S. 100",
        ),
        (
            "macro",
            r#"<group prefix=" (" suffix=")" delimiter=" "><text macro="month"/><date variable="issued"><date-part name="year"/></date></group>"#,
            "Der Internist 58 (2017), S. 10",
            "Der Internist 59 (March 2018), S. 100",
        ),
        (
            "between",
            r#"<group prefix=", " delimiter="; "><text variable="volume"/><date variable="issued"><date-part name="month" form="long"/></date><date variable="issued"><date-part name="year"/></date></group>"#,
            "Der Internist 58, 58; 2017, S. 10",
            "Der Internist 59, 59; March; 2018, S. 100",
        ),
    ] {
        let path = style(&w, name, "en-GB", group);
        let refs = w.references(&path);
        let r = reference(&refs, "Ohne Monat Test");
        assert!(r.contains(without), "{name}: {r}");
        let r = reference(&refs, "Monatsartikel Test");
        assert!(r.contains(with), "{name}: {r}");
    }
}

#[test]
fn a_season_stands_where_the_month_would_and_not_beside_the_year_alone() {
    let w = Workdir::new();
    w.import_reading("intl.bib", BIB);
    for (name, locale, winter) in
        [("de", "de-DE", "Winter 2019"), ("fr", "fr-FR", "hiver 2019"), ("us", "en-US", "Winter 2019")]
    {
        let path = style(&w, name, locale, MONTH_YEAR);
        let refs = w.references(&path);
        let r = reference(&refs, "Hautfarbe");
        assert!(r.starts_with("Müller, A.; Schmidt, L. (2019):"), "{path}: the year alone is the year: {r}");
        assert!(r.contains(&format!("Intensivmedizin 60 ({winter}), S. 33")), "{path}: in the month's place: {r}");
        assert_eq!(r.matches(winter.split(' ').next().unwrap_or_default()).count(), 1, "{path}: once: {r}");
        // A book is cited by its year (its season stays stored, unprinted).
        let book = reference(&refs, "Ein Sommerbuch");
        assert!(book.starts_with("Ade, O. (2016): Ein Sommerbuch. London: Zed."), "{path}: {book}");
    }
    // American English: the manuals' "Fall", in the month's place too.
    let id = common::reading(&w.reading_list(), "Hautfarbe")["id"].as_i64().expect("an id").to_string();
    w.ok(&["reading", "edit", &id, "--season", "autumn", "--by", "t"]);
    let path = style(&w, "us", "en-US", MONTH_YEAR);
    let r = w.references(&path);
    let r = reference(&r, "Hautfarbe");
    assert!(r.contains("Intensivmedizin 60 (Fall 2019), S. 33") && r.contains("(2019):"), "{r}");
    let path = style(&w, "gb", "en-GB", MONTH_YEAR);
    let r = w.references(&path);
    assert!(reference(&r, "Hautfarbe").contains("60 (Autumn 2019)"), "{r:#?}");
    // A range of seasons is kept whole.
    w.ok(&["reading", "edit", &id, "--season", "summer", "--season-end", "autumn", "--by", "t"]);
    let r = w.references(&style(&w, "de2", "de-DE", MONTH_YEAR));
    let r = reference(&r, "Hautfarbe");
    assert!(r.contains("Sommer") && r.contains("Herbst"), "{r}");
}

/// A journal's dependent style on Vancouver, in `locale` (the tester's
/// t/dae-dependent-de.csl and t/rms-dependent-fr.csl).
fn dependent(w: &Workdir, name: &str, locale: &str) -> String {
    w.dependent_style(name, "vancouver", locale)
}

#[test]
fn a_forthcoming_work_with_its_year_is_said_in_the_dependent_styles_language() {
    let w = Workdir::new();
    w.import_reading("intl.bib", BIB);
    for (name, locale, forthcoming, in_press, book) in [
        ("de", "de-DE", "Das Gesundheitswesen. I. E. 2025.", "médecine. Im Druck 2024.", "La Découverte; i. E."),
        (
            "fr",
            "fr-FR",
            "Das Gesundheitswesen. À paraître 2025.",
            "médecine. Sous presse 2024.",
            "La Découverte; à paraître.",
        ),
        (
            "en",
            "en-US",
            "Das Gesundheitswesen. Forthcoming 2025.",
            "médecine. Forthcoming 2024.",
            "La Découverte; forthcoming.",
        ),
    ] {
        let path = dependent(&w, name, locale);
        let refs = w.references(&path);
        let spaced = |t: &str| t.replace(['\u{a0}', '\u{202f}'], " ");
        let osei = spaced(reference(&refs, "Rassismus"));
        assert!(osei.ends_with(forthcoming), "{path}: {osei}");
        let dupont = spaced(reference(&refs, "Santé et colonialisme"));
        assert!(dupont.ends_with(in_press), "{path}: {dupont}");
        if name != "en" {
            assert!(!osei.contains("Forthcoming") && !dupont.contains("Forthcoming"), "{path}: {osei} / {dupont}");
        }
        // A term with its own full stop ends the reference once (F10).
        let fanon = spaced(reference(&refs, "Écrits"));
        assert!(fanon.ends_with(book), "{path}: {fanon}");
        assert!(!fanon.contains(".."), "{path}: {fanon}");
    }
}

#[test]
fn a_status_with_its_own_full_stop_takes_no_second_one() {
    let w = Workdir::new();
    w.import_reading("intl.bib", BIB);
    // A style whose "no date" term has no full stop, where canon writes the
    // status ("i. E."), before the style's full stop.
    let xml = std::fs::read_to_string(style(&w, "nd", "de-DE", MONTH_YEAR)).expect("style");
    let xml = xml
        .replace(r#"<else-if variable="status"><text variable="status"/></else-if>"#, "")
        .replace(r#"<text variable="publisher" prefix=": "/>"#, r#"<text variable="publisher" prefix=": "/><text macro="issued" prefix=", "/>"#)
        .replace(r#"<text macro="issued" prefix="(" suffix="):"/>"#, "")
        .replace("</info>", r#"</info><locale xml:lang="de"><terms><term name="no date" form="short">ohne Jahr</term></terms></locale>"#);
    let path = w.write("nd2.csl", xml).to_str().expect("utf-8 path").to_string();
    let refs = w.references(&path);
    let fanon = reference(&refs, "Écrits").replace('\u{a0}', " ");
    assert!(fanon.ends_with("Paris: La Découverte, i. E."), "{fanon}");
    assert!(!fanon.contains(".."), "{fanon}");
}
