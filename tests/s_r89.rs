//! Lead s89: worded editions in styles canon does not name. MLA (and any
//! English style, a user's `.csl` too) abbreviates a worded edition as it
//! does a numbered one (tester r88 F11); a style that labels every edition
//! adds no word after one that names itself ("Nouvelle édition ed." in
//! ABNT); a style of another language gets a worded edition as written,
//! not canon's English ("Revised" for "rev. ed." in gb-7714).

mod common;
use common::*;

/// Books with editions in English words, in other languages, numbered,
/// and abbreviated (tester r88 t/ed.ris, t/lib.ris).
const EDITIONS: &str = "TY  - BOOK
AU  - Krieger, Nancy
TI  - Epidemiology and the people's health
PY  - 2024
ET  - Second edition, revised and expanded
PB  - Oxford University Press
CY  - New York
ER  - 

TY  - BOOK
AU  - Said, Edward W.
TI  - Orientalism
PY  - 2003
ET  - 25th anniversary edition
PB  - Vintage
CY  - New York
ER  - 

TY  - BOOK
AU  - Farmer, Paul
TI  - Infections and inequalities: the modern plagues
PY  - 2001
ET  - Updated edition with a new preface
PB  - University of California Press
CY  - Berkeley
ER  - 

TY  - BOOK
AU  - Virchow, Rudolf
TI  - Die Cellularpathologie
PY  - 1859
ET  - 2. Auflage
PB  - Hirschwald
CY  - Berlin
ER  - 

TY  - BOOK
AU  - Fanon, Frantz
TI  - Edition nouvelle
PY  - 2008
ET  - Nouvelle édition
PB  - Grove Press
CY  - New York
ER  - 

TY  - BOOK
AU  - Fanon, Frantz
TI  - Edition rev
PY  - 2005
ET  - rev. ed.
PB  - Grove Press
CY  - New York
ER  - 

TY  - BOOK
AU  - Fanon, Frantz
TI  - Edition two
PY  - 2011
ET  - 2
PB  - Grove Press
CY  - New York
ER  - 

TY  - BOOK
AU  - Baldwin, James
TI  - Extra revised expanded
PY  - 1990
ET  - Revised and expanded edition
PB  - Beacon
CY  - Boston
ER  - 

TY  - BOOK
AU  - Baldwin, James
TI  - Extra anchor
PY  - 1991
ET  - First Anchor Books edition.
PB  - Anchor
CY  - New York
ER  - 

TY  - BOOK
AU  - Baldwin, James
TI  - Extra anniversary cap
PY  - 1992
ET  - Anniversary Edition
PB  - Beacon
CY  - Boston
ER  - 

TY  - CHAP
AU  - Baldwin, James
TI  - Extra chapter
T2  - The collected essays
A2  - Morrison, Toni
PY  - 1998
ET  - Second edition, revised
PB  - Library of America
CY  - New York
SP  - 10
EP  - 20
ER  - 
";

fn editions() -> Workdir {
    let w = Workdir::new();
    w.import_reading("ed.ris", EDITIONS);
    w
}

fn assert_refs(w: &Workdir, style: &str, cases: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, expected) in cases {
        // (A numbered style's list number is the reading's place in its list.)
        let got = reference(&refs, title).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        assert_eq!(got, *expected, "{style}: {title}");
    }
}

#[test]
fn mla_abbreviates_a_worded_edition_as_a_numbered_one() {
    let w = editions();
    assert_refs(
        &w,
        "modern-language-association",
        &[
            (
                "Epidemiology",
                "Krieger, Nancy. Epidemiology and the People's Health. 2nd ed., revised and expanded, Oxford University Press, 2024.",
            ),
            ("Orientalism", "Said, Edward W. Orientalism. 25th anniversary ed., Vintage, 2003."),
            (
                "Infections",
                "Farmer, Paul. Infections and Inequalities: The Modern Plagues. Updated ed. with a new preface, University of California Press, 2001.",
            ),
            ("Die Cellularpathologie", "Virchow, Rudolf. Die Cellularpathologie. 2nd ed., Hirschwald, 1859."),
            ("Edition two", "Fanon, Frantz. Edition Two. 2nd ed., Grove Press, 2011."),
            ("Edition rev", "Fanon, Frantz. Edition Rev. Rev. ed., Grove Press, 2005."),
            ("Edition nouvelle", "Fanon, Frantz. Edition nouvelle. New ed., Grove Press, 2008."),
        ],
    );
    // More of the kind: a whole word before "edition", a capital, a
    // publisher's name in it, a chapter's book; "revised" is not MLA's to
    // abbreviate either after the ordinal.
    assert_refs(
        &w,
        "modern-language-association",
        &[
            (
                "Extra revised expanded",
                "Baldwin, James. Extra Revised Expanded. Revised and expanded ed., Beacon, 1990.",
            ),
            ("Extra anchor", "Baldwin, James. Extra Anchor. 1st Anchor Books ed., Anchor, 1991."),
            ("Extra anniversary cap", "Baldwin, James. Extra Anniversary Cap. Anniversary ed., Beacon, 1992."),
            (
                "Extra chapter",
                "Baldwin, James. “Extra Chapter.” The Collected Essays, edited by Toni Morrison, 2nd ed., revised, Library of America, 1998, pp. 10–20.",
            ),
        ],
    );
    // MLA 8 the same; the stored editions stay as written.
    assert_refs(
        &w,
        "modern-language-association-8",
        &[("Orientalism", "Said, Edward W. Orientalism. 25th anniversary ed., Vintage, 2003.")],
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Epidemiology")["edition"], "Second edition, revised and expanded");
    assert_eq!(reading(&list, "Orientalism")["edition"], "25th anniversary edition");
    assert_eq!(reading(&list, "Infections")["edition"], "Updated edition with a new preface");
}

#[test]
fn other_english_styles_use_their_own_word_after_a_worded_edition() {
    let w = editions();
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Epidemiology",
                // IEEE sets a book's (italic) title in title case (h-F, r108: IEEE Reference Guide, books).
                "N. Krieger, Epidemiology and the People's Health, 2nd ed., revised and expanded. New York: Oxford University Press, 2024.",
            ),
            ("Orientalism", "E. W. Said, Orientalism, 25th anniversary ed. New York: Vintage, 2003."),
        ],
    );
    // A style whose word is "edn": no stop inside the edition's words
    // where the style's stop is its element's ("2nd edn. Berlin")…
    assert_refs(
        &w,
        "british-medical-journal",
        &[
            (
                "Infections",
                "Farmer P. Infections and inequalities: the modern plagues. Updated edn with a new preface. Berkeley: University of California Press 2001.",
            ),
            (
                "Extra revised expanded",
                "Baldwin J. Extra revised expanded. Revised and expanded edn. Boston: Beacon 1990.",
            ),
            ("Die Cellularpathologie", "Virchow R. Die Cellularpathologie. 2nd edn. Berlin: Hirschwald 1859."),
        ],
    );
    // …and with it where the style writes "2nd edn., 1859".
    assert_refs(
        &w,
        "royal-society-of-chemistry",
        &[(
            "Epidemiology",
            "N. Krieger, Epidemiology and the people's health, Oxford University Press, New York, 2nd edn., revised and expanded, 2024.",
        )],
    );
    // A style that prints a number alone keeps the edition as written.
    assert_refs(
        &w,
        "iso-690-numeric",
        &[("Extra anchor", "BALDWIN, James. Extra anchor. First Anchor Books edition. New York: Anchor, 1991.")],
    );
    // A style that prints "2nd edition" keeps the word whole.
    assert_refs(
        &w,
        "biomed-central",
        &[
            (
                "Epidemiology",
                "Krieger N. Epidemiology and the people's health. 2nd edition, revised and expanded. New York: Oxford University Press; 2024.",
            ),
            ("Orientalism", "Said EW. Orientalism. 25th anniversary edition. New York: Vintage; 2003."),
        ],
    );
    // Canon's named styles as before.
    assert_refs(
        &w,
        "vancouver",
        &[
            (
                "Epidemiology",
                "Krieger N. Epidemiology and the people's health. 2nd ed., rev. and expanded. New York: Oxford University Press; 2024.",
            ),
            ("Orientalism", "Said EW. Orientalism. 25th anniversary ed. New York: Vintage; 2003."),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[(
            "Infections",
            "Farmer, P. (2001) Infections and inequalities: the modern plagues. Updated edn with a new preface. Berkeley: University of California Press.",
        )],
    );
}

/// A user's `.csl` file in the manner of MLA: "2nd ed." for a numbered
/// edition (its locale's short term), any other as written.
const MLA_LIKE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>My MLA-like</title><id>my-mla-like</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=", ">
        <names variable="author"><name name-as-sort-order="first" and="text" delimiter=", "/></names>
        <text variable="title" font-style="italic"/>
        <choose><if is-numeric="edition"><group delimiter=" "><number variable="edition" form="ordinal"/><text term="edition" form="short"/></group></if><else><text variable="edition"/></else></choose>
        <text variable="publisher"/>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </bibliography>
</style>
"#;

#[test]
fn a_users_mla_like_csl_abbreviates_a_worded_edition_too() {
    let w = editions();
    let csl = w.write("my-mla.csl", MLA_LIKE);
    assert_refs(
        &w,
        csl.to_str().unwrap(),
        &[
            (
                "Epidemiology",
                "Krieger, Nancy, Epidemiology and the people's health, 2nd ed., revised and expanded, Oxford University Press, 2024.",
            ),
            ("Orientalism", "Said, Edward W., Orientalism, 25th anniversary ed., Vintage, 2003."),
            (
                "Infections",
                "Farmer, Paul, Infections and inequalities: the modern plagues, Updated ed. with a new preface, University of California Press, 2001.",
            ),
            ("Edition two", "Fanon, Frantz, Edition two, 2nd ed., Grove Press, 2011."),
        ],
    );
}

#[test]
fn abnt_adds_no_word_after_an_edition_that_names_itself() {
    let w = editions();
    assert_refs(
        &w,
        "associacao-brasileira-de-normas-tecnicas",
        &[
            ("Edition nouvelle", "FANON, Frantz. Edition nouvelle. Nouvelle édition. New York: Grove Press, 2008."),
            ("Orientalism", "SAID, Edward W. Orientalism. 25th anniversary edition. New York: Vintage, 2003."),
            (
                "Epidemiology",
                "KRIEGER, Nancy. Epidemiology and the people's health. Second edition, revised and expanded. New York: Oxford University Press, 2024.",
            ),
            ("Edition rev", "FANON, Frantz. Edition rev. rev. ed. New York: Grove Press, 2005."),
            // A numbered edition keeps the style's word.
            ("Edition two", "FANON, Frantz. Edition two. 2. ed. New York: Grove Press, 2011."),
            ("Die Cellularpathologie", "VIRCHOW, Rudolf. Die Cellularpathologie. 2. ed. Berlin: Hirschwald, 1859."),
        ],
    );
}

/// A user's German `.csl` file that puts its locale's word after every
/// edition, numbered or not.
const GERMAN_EVERY_EDITION: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="de-DE">
  <info><title>Mein Stil</title><id>mein-stil</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name name-as-sort-order="all" delimiter="; "/></names>
        <text variable="title"/>
        <group delimiter=" "><number variable="edition" form="ordinal"/><text term="edition" form="short"/></group>
        <group delimiter=": "><text variable="publisher-place"/><text variable="publisher"/></group>
      </group>
    </layout>
  </bibliography>
</style>
"#;

#[test]
fn a_style_of_another_language_prints_a_worded_edition_as_written() {
    let w = editions();
    for style in ["gb-7714-2015-numeric", "gb-7714-2005-numeric", "gb-7714-2015-author-date", "gb-7714-2015-note"] {
        let refs = w.references(style);
        let rev = reference(&refs, "Edition rev");
        assert!(rev.contains("[M]. rev. ed. New York"), "{style}: {rev}");
        assert!(!rev.contains("Revised"), "{style}: {rev}");
    }
    assert_refs(
        &w,
        "gb-7714-2015-numeric",
        &[("Edition rev", "FANON F. Edition rev[M]. rev. ed. New York: Grove Press, 2005.")],
    );
    assert_refs(
        &w,
        "deutsche-sprache",
        &[
            ("Edition rev", "Fanon, Frantz (2005): Edition rev. rev. ed. New York: Grove Press."),
            ("Edition two", "Fanon, Frantz (2011): Edition two. 2. Aufl. New York: Grove Press."),
        ],
    );
    let csl = w.write("mein.csl", GERMAN_EVERY_EDITION);
    assert_refs(
        &w,
        csl.to_str().unwrap(),
        &[
            ("Edition rev", "Fanon, Frantz. Edition rev. rev. ed. New York: Grove Press."),
            ("Edition nouvelle", "Fanon, Frantz. Edition nouvelle. Nouvelle édition. New York: Grove Press."),
            ("Orientalism", "Said, Edward W. Orientalism. 25th anniversary edition. New York: Vintage."),
            ("Edition two", "Fanon, Frantz. Edition two. 2. Aufl. New York: Grove Press."),
        ],
    );
    assert_eq!(reading(&w.reading_list(), "Edition rev")["edition"], "rev. ed.");
}
