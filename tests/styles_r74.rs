//! Citation styles, testers r74 and r70: the words canon adds to a
//! reference itself in the style's language (r74 F3: "Ahead of print." in a
//! German style), seasons as each manual and locale writes them (r70 F15:
//! "2018 Autumn" in Vancouver), a table's label of an undated work in its
//! reference's words, the order of a book's elements (r74 F4: Chicago's
//! roles after the title; r70 F3: Vancouver's volume after the edition in
//! a chapter as in its book), and the warning for "2017 Sep-Oct 1".

mod common;

use common::{Workdir, reference, sample};

/// A work ahead of print, two seasons, a range of months ending on a day
/// and a range of days (PubMed MEDLINE, as tester r74's and r70's files).
const NBIB: &str = "PMID- 38012345\nDP  - 2023 Nov 4\nTI  - Decolonising anatomy teaching.\nFAU - Berg, Pieter\n\
AU  - Berg P\nTA  - Med Educ\nJT  - Medical education\nAID - 10.1111/medu.15234 [doi]\nPST - aheadofprint\n\n\
PMID- 50000004\nDP  - 2018 Fall\nTI  - Seasonal issue.\nFAU - Osei, Jane\nAU  - Osei J\nTA  - BMJ\nJT  - BMJ\nVI  - 5\n\n\
PMID- 50000001\nDP  - 2020 Spring-Summer\nTI  - Two seasons.\nFAU - Osei, Jane\nAU  - Osei J\nTA  - BMJ\nJT  - BMJ\n\
VI  - 2\n\n\
PMID- 50000005\nDP  - 2017 Sep-Oct 1\nTI  - Month range ending on a day.\nFAU - Osei, Jane\nAU  - Osei J\nTA  - BMJ\n\
JT  - BMJ\nVI  - 6\n\n\
PMID- 50000002\nDP  - 2021 Jan 1-15\nTI  - Day range.\nFAU - Osei, Jane\nAU  - Osei J\nTA  - BMJ\nJT  - BMJ\nVI  - 3\n";

/// Works canon dates or places itself: in press, undated, a translation
/// with its first year, a book with no place, a report of an autumn.
const CSV: &str = "title,authors,year,type,container,publisher,place,original_year,season\n\
Alpha pressed,\"Eze, Ada\",in press,article,BMJ,,,,\n\
Beta pressed,\"Eze, Ada\",in press,article,BMJ,,,,\n\
Undated book,\"Eze, Ada\",,book,,Heinemann,,,\n\
The wretched of the earth,\"Fanon, Frantz\",2004,book,,Grove Press,,1961,\n\
Placeless book,\"Mensah, Kofi\",2014,book,,Heinemann,,,\n\
Autumn report,\"Osei, Jane\",2019,report,,WHO,Geneva,,autumn\n";

fn workspace() -> Workdir {
    let w = Workdir::new();
    w.import_reading("m.nbib", NBIB);
    w.import_reading("l.csv", CSV);
    w
}

/// Tester r74's German style (t/lib/uni-heidelberg-medizin.csl, its
/// bibliography for articles and books), in `locale`.
fn heidelberg(w: &Workdir, locale: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info><title>Heidelberg {locale}</title><id>heidelberg-{locale}</id><updated>2025-01-10T10:00:00+00:00</updated></info>
  <macro name="year">
    <choose>
      <if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
      <else><text term="no date" form="short"/></else>
    </choose>
  </macro>
  <citation disambiguate-add-year-suffix="true"><layout><text macro="year"/></layout></citation>
  <bibliography>
    <sort><key variable="author"/><key macro="year"/><key variable="title"/></sort>
    <layout suffix=".">
      <group delimiter=" ">
        <names variable="author"><name name-as-sort-order="all" sort-separator=", " initialize-with=". "/></names>
        <text macro="year" prefix="(" suffix="):"/>
      </group>
      <text variable="title" prefix=" "/>
      <group prefix=". " delimiter=" "><text variable="container-title" form="short"/><text variable="volume"/></group>
      <text variable="DOI" prefix=". DOI: "/>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("heidelberg-{locale}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

/// A style in `locale` that prints the day and month of a date, as a
/// German or French style does ("1 janvier 2021").
fn dated(w: &Workdir, locale: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info><title>Dated {locale}</title><id>dated-{locale}</id><updated>2025-01-10T10:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text variable="title"/>
        <date variable="issued"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>
      </group>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("dated-{locale}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

/// A dependent style of the bundled `parent` in `locale`.
fn dependent(w: &Workdir, parent: &str, locale: &str) -> String {
    w.dependent_style(&format!("dep-{parent}-{locale}"), parent, locale)
}

#[test]
fn ahead_of_print_is_said_in_the_styles_language() {
    let w = workspace();
    // Tester r74 F3: "… DOI: 10.1111/medu.15234. Ahead of print." in German.
    for (locale, state) in [
        ("de-DE", "Online-Vorab-Publikation"),
        ("fr-FR", "Publication en ligne anticipée"),
        ("en-US", "Ahead of print"),
    ] {
        let refs = w.references(&heidelberg(&w, locale));
        assert_eq!(
            reference(&refs, "Decolonising"),
            format!("Berg, P. (2023): Decolonising anatomy teaching. Med Educ. DOI: 10.1111/medu.15234. {state}."),
            "{locale}"
        );
    }
    // The bundled styles in another language (a journal's dependent style):
    // each manual's phrase, put where it puts it, in the locale's words.
    let apa = w.references(&dependent(&w, "apa", "de-DE"));
    // (An English journal's name in title case in a list in any language:
    // APA 7 §9.25, r112 F2; was "Medical education".)
    assert!(reference(&apa, "Decolonising").contains("Medical Education. Online-Vorab-Publikation. https://doi.org"));
    let v = w.references(&dependent(&w, "nlm-citation-sequence", "fr-FR"));
    assert!(reference(&v, "Decolonising").contains(" [Publication en ligne anticipée]. doi:10.1111/medu.15234."));
    let c = w.references(&dependent(&w, "chicago-author-date", "de-DE"));
    // (Chicago gives a periodical's name headline-style capitals in any
    // language's list: CMOS 18 §8.159, §14.170, r112 F2; was "Medical education".)
    assert!(reference(&c, "Decolonising").contains("Medical Education, Online-Vorab-Publikation,"));
    let h = w.references(&dependent(&w, "harvard-cite-them-right", "fr-FR"));
    assert!(reference(&h, "Decolonising").contains("Medical Education, publication en ligne anticipée."));
    // AMA's "Published online" (no CSL term: English) before the whole
    // date, a German day's stop included.
    let ama = w.references(&dependent(&w, "american-medical-association", "de-DE"));
    assert!(reference(&ama, "Decolonising").contains("Med Educ. Published online 4. November 2023."));
    // In English, each manual's own words, as before.
    assert!(reference(&w.references("vancouver"), "Decolonising").contains("[Epub ahead of print]."));
    assert!(reference(&w.references("apa"), "Decolonising").contains("Advance online publication."));
    assert!(reference(&w.references("ama"), "Decolonising").contains("Published online November 4, 2023."));
}

#[test]
fn every_phrase_canon_adds_is_in_the_styles_language() {
    let w = workspace();
    // APA's first year, Citing Medicine's unknown place and date.
    let apa = w.references(&dependent(&w, "apa", "de-DE"));
    assert!(reference(&apa, "The wretched").ends_with("Grove Press. (Ursprünglich erschienen 1961)"));
    assert!(reference(&w.references("apa"), "The wretched").ends_with("(Original work published 1961)"));
    let v = w.references(&dependent(&w, "nlm-citation-sequence", "fr-FR"));
    assert_eq!(reference(&v, "Placeless"), "Mensah K. Placeless book. [sans lieu]: Heinemann; 2014.");
    assert_eq!(reference(&v, "Undated book"), "Eze A. Undated book. Heinemann; [sans date].");
    let v = w.references(&dependent(&w, "nlm-citation-sequence", "de-DE"));
    assert_eq!(reference(&v, "Placeless"), "Mensah K. Placeless book. [ohne Ort]: Heinemann; 2014.");
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Placeless"), "Mensah K. Placeless book. [place unknown]: Heinemann; 2014.");
    assert_eq!(reference(&v, "Undated book"), "Eze A. Undated book. Heinemann; [date unknown].");
    // The states in press, lettered in the locale's words.
    let refs = w.references(&heidelberg(&w, "fr-FR"));
    assert!(reference(&refs, "Alpha").starts_with("Eze, A. (sous presse-a):"));
    assert!(reference(&refs, "Undated book").starts_with("Eze, A. (s. d.):"));
}

#[test]
fn seasons_are_written_as_each_manual_and_locale_writes_them() {
    let w = workspace();
    // Tester r70 F15: Citing Medicine (and PubMed) write "Fall".
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Seasonal issue"), "Osei J. Seasonal issue. BMJ. 2018 Fall;5. PubMed PMID: 50000004.");
    assert!(reference(&v, "Autumn report").contains("Geneva: WHO; 2019 Fall."), "{}", reference(&v, "Autumn report"));
    assert!(reference(&v, "Two seasons").contains("BMJ. 2020 Spring-Summer;2."));
    // Chicago (CMOS) and APA are American too; Cite Them Right is British.
    assert!(reference(&w.references("chicago"), "Seasonal issue").contains("BMJ 5 (Fall)."));
    // A report is dated by its year alone in APA 7 (§10.4) and Cite Them
    // Right (tester83 F5): its season is not printed there.
    assert!(reference(&w.references("apa"), "Autumn report").starts_with("Osei, J. (2019)."));
    assert!(reference(&w.references("harvard"), "Autumn report").starts_with("Osei, J. (2019) "));
    // A style in another language: its locale's seasons (CSL season-01..04).
    for (locale, autumn) in [("de-DE", "Herbst 2018"), ("fr-FR", "automne 2018"), ("en-GB", "Autumn 2018")] {
        let refs = w.references(&dated(&w, locale));
        assert_eq!(reference(&refs, "Seasonal issue"), format!("Seasonal issue. {autumn}."), "{locale}");
    }
    let refs = w.references(&dated(&w, "en-US"));
    assert_eq!(reference(&refs, "Seasonal issue"), "Seasonal issue. Fall 2018.");
    let apa = w.references(&dependent(&w, "apa", "de-DE"));
    // (A report is dated by its year alone in APA, in every locale: tester83
    // F5; the German season word is asserted above.)
    assert!(reference(&apa, "Autumn report").starts_with("Osei, J. (2019)."));
}

#[test]
fn a_range_of_months_or_days_is_kept_whole_in_another_language() {
    let w = workspace();
    // The end month and day were looked for by their English names: lost
    // in French ("septembre 2017"), English in German ("September–October").
    for (locale, months, days) in [
        ("fr-FR", "septembre–octobre 2017", "1–15 janvier 2021"),
        ("de-DE", "September–Oktober 2017", "1–15 Januar 2021"),
        ("en-US", "September–October 2017", "1–15 January 2021"),
    ] {
        let refs = w.references(&dated(&w, locale));
        assert_eq!(reference(&refs, "Month range"), format!("Month range ending on a day. {months}."), "{locale}");
        assert_eq!(reference(&refs, "Day range"), format!("Day range. {days}."), "{locale}");
    }
}

#[test]
fn a_range_of_days_across_months_is_warned_as_stored() {
    let w = Workdir::new();
    let err = w.import_reading("m.nbib", NBIB);
    // Tester r70 F15: it said "keeps one date, its start, September 2017"
    // of a range stored September to October.
    assert!(
        err.contains(
            "m.nbib:30:7: warning: in record PMID 50000005: the date \"2017 Sep-Oct 1\" is a range of days ending \
             \"oct 1\"; canon keeps the months, September to October 2017, and not the day they end on"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Month range");
    assert_eq!((r["month"].as_i64(), r["month_end"].as_i64()), (Some(9), Some(10)), "{r}");
    assert!(reference(&w.references("vancouver"), "Month range").contains("BMJ. 2017 Sep-Oct;6."));
}

#[test]
fn a_table_labels_an_undated_work_in_its_references_words() {
    let w = workspace();
    w.ok(&["import", "modules", &sample("modules.csv"), "-q"]);
    for r in w.reading_list().as_array().expect("a list") {
        let title = r["title"].as_str().unwrap_or_default();
        if ["Alpha", "Beta", "Undated"].iter().any(|t| title.starts_with(t)) {
            w.ok(&["link", &r["id"].as_i64().expect("an id").to_string(), "MED1001", "--by", "amina"]);
        }
    }
    // German: the references print "Im Druck-a" (Chicago's parent) or "im
    // Druck-a"; the table said "in press-a". Harvard's "no date", not "n.d.".
    for (style, want) in [
        (dependent(&w, "chicago-author-date", "de-DE"), ["im Druck-a", "im Druck-b", "o. J."]),
        (heidelberg(&w, "fr-FR"), ["sous presse-a", "sous presse-b", "s. d."]),
        ("chicago".to_string(), ["forthcoming-a", "forthcoming-b", "n.d."]),
        ("harvard".to_string(), ["in press a", "in press b", "no date"]),
    ] {
        let folder = w.path(&format!("f-{}", style.len()));
        w.ok(&["report", folder.to_str().expect("utf-8"), "--format", "csv", "--style", &style, "-q"]);
        let mut rd = csv::Reader::from_path(folder.join("module_readings.csv")).expect("module_readings.csv");
        let h = rd.headers().expect("headers").clone();
        let col = |k: &str| h.iter().position(|x| x == k).unwrap_or_else(|| panic!("no {k} in {h:?}"));
        let (title, label) = (col("title"), col("reading_label"));
        let mut got: Vec<(String, String)> = rd
            .records()
            .map(|row| row.expect("a row"))
            .map(|row| (row[title].to_string(), row[label].to_string()))
            .filter(|(t, _)| !t.is_empty())
            .collect();
        got.sort();
        got.dedup();
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, want, "{style}: {got:?}");
    }
}

#[test]
fn chicago_puts_the_roles_after_the_title_then_the_edition() {
    let w = Workdir::new();
    // Tester r74 F4 (t/lib/zotero-export.json).
    w.import_reading(
        "z.json",
        r#"[{"id":"fanon","type":"book","title":"The wretched of the earth","author":[{"family":"Fanon","given":"Frantz"}],
  "translator":[{"family":"Philcox","given":"Richard"}],"edition":"1st Grove Press ed.","publisher":"Grove Press",
  "publisher-place":"New York","issued":{"date-parts":[[2004]]},"original-date":{"date-parts":[[1961]]},"language":"en"},
 {"id":"who","type":"report","title":"Social determinants of health: the solid facts",
  "author":[{"literal":"World Health Organization"}],
  "editor":[{"family":"Wilkinson","given":"Richard G."},{"family":"Marmot","given":"Michael"}],
  "genre":"Technical report","number":"987","collection-title":"WHO Technical Report Series","edition":"2",
  "publisher":"WHO Regional Office for Europe","publisher-place":"Copenhagen","issued":{"date-parts":[[2003]]}}]"#,
    );
    let c = w.references("chicago");
    assert_eq!(
        reference(&c, "The wretched"),
        "Fanon, Frantz. (1961) 2004. The Wretched of the Earth. Translated by Richard Philcox. 1st Grove Press ed. \
         Grove Press."
    );
    let who = reference(&c, "Social determinants");
    assert!(
        who.contains(
            "The Solid Facts. Edited by Richard G. Wilkinson and Michael Marmot. 2nd ed. Technical Report No. 987. \
             WHO Technical Report Series."
        ),
        "{who}"
    );
}

#[test]
fn vancouver_prints_a_books_volume_after_its_edition_in_a_chapter_too() {
    let w = Workdir::new();
    // Tester r70 F3 (t/xref.bib).
    w.import_reading(
        "x.bib",
        "@incollection{fanon-chap, author = {Fanon, Frantz}, title = {Medicine and colonialism}, pages = {121--145}, \
         crossref = {reimagining}}\n\
         @book{reimagining, editor = {Farmer, Paul and Kim, Jim Yong}, title = {Reimagining Global Health: An \
         Introduction}, publisher = {University of California Press}, address = {Berkeley}, year = {2013}, \
         edition = {Second}, series = {California Series in Public Anthropology}, volume = {26}}\n",
    );
    // Tester r80 F4/F7: a BibTeX `volume` beside `series` is the book's
    // number in the series, not "Vol. 26" of a multi-volume work (this test
    // asserted that "Vol. 26" before); the book and its chapter cite it alike.
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Reimagining"),
        "Farmer P, Kim JY, editors. Reimagining Global Health: An Introduction. 2nd ed. Berkeley: University of \
         California Press; 2013. (California Series in Public Anthropology; no. 26)."
    );
    assert_eq!(
        reference(&v, "Medicine and colonialism"),
        "Fanon F. Medicine and colonialism. In: Farmer P, Kim JY, editors. Reimagining Global Health: An \
         Introduction. 2nd ed. Berkeley: University of California Press; 2013. p. 121-45. (California \
         Series in Public Anthropology; no. 26)."
    );
    let h = w.references("harvard");
    for title in ["Reimagining", "Medicine and colonialism"] {
        let r = reference(&h, title);
        assert!(
            r.contains(
                "2nd edn. Berkeley: University of California Press (California Series in Public Anthropology, 26)"
            ),
            "{r}"
        );
        assert!(!r.contains("Vol."), "{r}");
    }
    // AMA prints the number once in each, the edition still after the title.
    let a = w.references("ama");
    for title in ["Reimagining", "Medicine and colonialism"] {
        let r = reference(&a, title);
        assert_eq!(r.matches("26").count(), 1, "{r}");
        assert!(r.contains("Introduction."), "{r}");
    }
    // APA 7 (§10.2) prints no series, so no number in one, for the book and
    // its chapter alike: never "Vol. 26" of a set that does not exist.
    let apa = w.references("apa");
    for title in ["Reimagining", "Medicine and colonialism"] {
        let r = reference(&apa, title);
        assert!(!r.contains("26") && !r.contains("Vol."), "{r}");
    }
}
