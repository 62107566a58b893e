//! What a `.csl` style is given for a reading, tester r76: the year of a
//! forthcoming work beside its status (F9), the status in the style's
//! locale (F10), a season at the full date and not in a year-only date
//! (F11), a volume's own title as CSL `volume-title` (F15); and a CSL-JSON
//! item with no date said (r75 F10).

mod common;

use common::{Workdir, reference};

/// A journal's style in `locale` as the tester wrote it (t/de-style.csl):
/// a year-only date after the authors, `status` where there is no year
/// (when `status`), the full date in the container's group, and the
/// volume and its own title after the title (when `volume_title`).
fn style(w: &Workdir, name: &str, locale: &str, status: bool, volume_title: bool) -> String {
    let status = if status { r#"<else-if variable="status"><text variable="status"/></else-if>"# } else { "" };
    let volume = if volume_title {
        r#"<text variable="volume" prefix=". Bd. "/><text variable="volume-title" prefix=": "/>
      <text variable="number-of-volumes" prefix=". " suffix=" Bde."/>
      <text variable="publisher-place" prefix=". "/><text variable="publisher" prefix=": "/>"#
    } else {
        ""
    };
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}" demote-non-dropping-particle="never">
  <info>
    <title>Test {name}</title>
    <id>http://example.org/styles/{name}</id>
    <author><name>Tester</name></author>
    <category citation-format="author-date"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=", " delimiter="; " initialize-with=". " et-al-min="4" et-al-use-first="1"/>
      <label form="short" prefix=" (" suffix=")"/>
      <substitute><names variable="editor"/></substitute>
    </names>
  </macro>
  <macro name="issued">
    <choose>
      <if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
      {status}
      <else><text term="no date" form="short"/></else>
    </choose>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" "><names variable="author"><name form="short"/></names><text macro="issued"/></group>
    </layout>
  </citation>
  <bibliography>
    <sort><key macro="author"/><key macro="issued"/></sort>
    <layout suffix=".">
      <group delimiter=" ">
        <text macro="author"/>
        <text macro="issued" prefix="(" suffix="):"/>
        <text variable="title"/>
      </group>
      {volume}
      <group prefix=". " delimiter=", ">
        <text variable="container-title" font-style="italic"/>
        <text variable="volume"/>
        <text variable="issue" prefix="H. "/>
        <date variable="issued" form="text"/>
        <text variable="page" prefix="S. "/>
      </group>
      <text variable="DOI" prefix=". DOI: "/>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

/// The tester's t/states.csv, with a chapter forthcoming with its year.
const STATES: &str = "title,authors,year,type,container,volume,issue,pages,season,doi,publisher,place
Racism in medical education: a qualitative study,\"Müller, Anna; Schmidt, Lena; Weber, Paul; Koch, Jonas\",in press,article,Medical Education,,,,,,,
Kolonialismus und Medizin,\"Eckart, Wolfgang U.\",Forthcoming 2025,book,,,,,,,Campus,Frankfurt
Anti-racism in nursing curricula,\"Dubois, Claire\",2019,article,Nurse Education Today,39,1,12-19,winter,,,
Médecine coloniale au Sénégal,\"Ndiaye, Awa\",In press 2024,article,Revue d'histoire,,,,,,,
Spring issue essay,\"Okafor, Chidi\",2021,article,Global Health Journal,7,2,3-9,spring,,,
Angenommene Arbeit,\"Berger, Tom\",to appear,article,Medical Education,,,,,,,
";

#[test]
fn a_forthcoming_work_with_a_year_keeps_its_year_in_a_csl_style() {
    let w = Workdir::new();
    w.import_reading("states.csv", STATES);
    for (name, locale, term) in [("de", "de-DE", "i. E."), ("fr", "fr-FR", "à paraître")] {
        for status in [true, false] {
            let path = style(&w, &format!("{name}-{status}"), locale, status, false);
            let refs = w.references(&path);
            let eckart = reference(&refs, "Kolonialismus");
            assert!(eckart.starts_with("Eckart, W. U. (2025):"), "{path}: the year is the style's `issued`: {eckart}");
            assert!(
                eckart.replace(['\u{a0}', '\u{202f}'], " ").to_lowercase().contains(&term.to_lowercase()),
                "{path}: the state is said, in {locale}: {eckart}"
            );
            assert!(!eckart.to_lowercase().contains("forthcoming"), "{path}: no English state: {eckart}");
            // In press with its year: the same (r76 F9, the kind).
            let ndiaye = reference(&refs, "Médecine coloniale");
            assert!(ndiaye.starts_with("Ndiaye, A. (2024):"), "{path}: {ndiaye}");
            assert!(!ndiaye.contains("in press"), "{path}: {ndiaye}");
        }
    }
}

#[test]
fn a_status_reaches_a_csl_style_in_its_locale() {
    let w = Workdir::new();
    w.import_reading("states.csv", STATES);
    for (name, locale, in_press) in [("de", "de-DE", "(im Druck):"), ("fr", "fr-FR", "(sous presse):")] {
        // A style that prints `status` itself, and one that does not (canon
        // puts the state where its "no date" term stands): the same words.
        for status in [true, false] {
            let path = style(&w, &format!("{name}-{status}"), locale, status, false);
            let refs = w.references(&path);
            let muller = reference(&refs, "Racism in medical education");
            assert!(muller.contains(in_press), "{path}: the locale's term for in press: {muller}");
            assert!(!muller.contains("in press"), "{path}: no English status: {muller}");
            // "To appear" is what "forthcoming" says: the locale's term for it.
            let berger = reference(&refs, "Angenommene Arbeit").replace(['\u{a0}', '\u{202f}'], " ");
            let forthcoming = if name == "de" { "(i. E.):" } else { "(à paraître):" };
            assert!(berger.contains(forthcoming), "{path}: {berger}");
        }
    }
    // An English style keeps the English words.
    let path = style(&w, "en", "en-US", true, false);
    let refs = w.references(&path);
    assert!(reference(&refs, "Racism in medical education").contains("(in press):"), "{refs:#?}");
    // (As stored in English: the style's own word, tester r16 T2.)
    assert!(reference(&refs, "Angenommene Arbeit").contains("(to appear):"), "{refs:#?}");
}

#[test]
fn a_season_is_printed_with_the_full_date_and_not_with_the_year_alone() {
    let w = Workdir::new();
    w.import_reading("states.csv", STATES);
    for (name, locale, winter, spring) in [("de", "de-DE", "Winter", "Frühjahr"), ("fr", "fr-FR", "hiver", "printemps")]
    {
        let path = style(&w, name, locale, true, false);
        let refs = w.references(&path);
        let dubois = reference(&refs, "Anti-racism");
        assert!(dubois.starts_with("Dubois, C. (2019):"), "{path}: the year-only date prints the year: {dubois}");
        assert!(dubois.contains(&format!(", {winter} 2019, S. 12")), "{path}: the full date has the season: {dubois}");
        assert_eq!(dubois.matches(winter).count(), 1, "{path}: once: {dubois}");
        let okafor = reference(&refs, "Spring issue essay");
        assert!(okafor.starts_with("Okafor, C. (2021):"), "{path}: {okafor}");
        assert!(okafor.contains(&format!("{spring} 2021, S. 3")), "{path}: {okafor}");
    }
}

/// A volume with its own title, from BibTeX (`maintitle`), CSL-JSON
/// (`volume-title`) and a reading CSV (`volume_title`); a volume without one.
const BIB: &str = "@book{bynum2006v2,
  editor = {Bynum, W. F. and Porter, Roy},
  maintitle = {Companion encyclopedia of the history of medicine},
  title = {Clinical specialties},
  volume = {2},
  publisher = {Routledge},
  address = {London},
  year = {1993}
}
";

const JSON: &str = r#"[
 {"id":"b","type":"book","title":"Medicine and colonial identity","volume":"3","volume-title":"Indigenous healing","editor":[{"family":"Sivaramakrishnan","given":"Kavita"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[2003]]}}
]
"#;

const CSV: &str = "title,authors,year,type,volume,volume_title,publisher,place
Handbuch der Tropenmedizin,\"Mense, Carl\",1924,book,4,Tropische Hautkrankheiten,Barth,Leipzig
The Cambridge world history of human disease,\"Kiple, Kenneth F.\",1993,book,2,,Cambridge University Press,Cambridge
";

#[test]
fn a_volume_title_reaches_a_csl_style_as_its_own_variable() {
    let w = Workdir::new();
    w.import_reading("mv.bib", BIB);
    w.import_reading("mv.json", JSON);
    w.import_reading("mv.csv", CSV);
    let path = style(&w, "de-mv", "de-DE", true, true);
    let refs = w.references(&path);
    for (title, want) in [
        (
            "Companion encyclopedia",
            "Companion encyclopedia of the history of medicine. Bd. 2: Clinical specialties. London: Routledge.",
        ),
        (
            "Medicine and colonial identity",
            "Medicine and colonial identity. Bd. 3: Indigenous healing. London: Routledge.",
        ),
        ("Handbuch der Tropenmedizin", "Handbuch der Tropenmedizin. Bd. 4: Tropische Hautkrankheiten. Leipzig: Barth."),
        ("The Cambridge world history", "The Cambridge world history of human disease. Bd. 2. Cambridge:"),
    ] {
        let r = reference(&refs, title);
        assert!(r.contains(want), "{title}: {r}");
        assert!(!r.contains("Vol."), "no English word in a German list: {r}");
    }
    // Each variable the volume has reaches the style, the number of volumes
    // of its work too (CSL `number-of-volumes`).
    w.import_reading(
        "set.bib",
        "@book{s, author = {Ade, Ola}, maintitle = {Medicine in Africa}, title = {The north}, volume = {1}, \
         volumes = {3}, publisher = {Zed}, address = {London}, year = {2001}}\n",
    );
    let refs = w.references(&path);
    let r = reference(&refs, "Medicine in Africa");
    assert!(r.contains("Medicine in Africa. Bd. 1: The north. 3 Bde. London: Zed."), "{r}");
    // A style without `volume-title`: the volume's title in the title, with
    // the locale's word for a volume as the locale writes it ("vol." in
    // French; lead r79: "Vol." was capitalised where the style asks for no
    // capital), never lost.
    for (name, locale, word) in
        [("de", "de-DE", "Bd. 2, Clinical specialties"), ("fr", "fr-FR", "vol. 2, Clinical specialties")]
    {
        let path = style(&w, name, locale, true, false);
        let refs = w.references(&path);
        let r = reference(&refs, "Companion encyclopedia");
        assert!(r.contains(&format!("Companion encyclopedia of the history of medicine. {word}")), "{path}: {r}");
    }
    // The bundled styles as before.
    let refs = w.references("vancouver");
    let r = reference(&refs, "Companion encyclopedia");
    assert!(r.contains("Companion encyclopedia of the history of medicine. Vol. 2, Clinical specialties."), "{r}");
}

#[test]
fn a_volume_title_of_a_workbook_reaches_a_csl_style() {
    let w = Workdir::new();
    let path = w.path("list.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [&[&str]; 2] = [
        &["Title", "Authors", "Year", "Type", "Volume", "Volume title", "Publisher", "Place"],
        &[
            "Handbuch der Tropenmedizin",
            "Mense, Carl",
            "1924",
            "book",
            "4",
            "Tropische Hautkrankheiten",
            "Barth",
            "Leipzig",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    wb.save(&path).expect("workbook");
    w.ok_stderr(&["import", "reading", path.to_str().expect("utf-8 path")]);
    let style = style(&w, "de-mv", "de-DE", true, true);
    let refs = w.references(&style);
    let r = reference(&refs, "Handbuch");
    assert!(r.contains("Handbuch der Tropenmedizin. Bd. 4: Tropische Hautkrankheiten. Leipzig: Barth."), "{r}");
}

#[test]
fn a_csl_json_item_without_a_date_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "nodate.json",
        "[\n {\"id\":\"a\",\"type\":\"book\",\"title\":\"Dated\",\"issued\":{\"date-parts\":[[2001]]}},\n \
         {\"id\":\"b\",\"type\":\"webpage\",\"title\":\"Undated page\"},\n \
         {\"id\":\"c\",\"type\":\"book\",\"title\":\"Soon\",\"status\":\"forthcoming\"}\n]\n",
    );
    assert!(err.contains("nodate.json:3:2: warning: in item `b`: no date (issued); read without a year"), "{err}");
    assert_eq!(err.matches("no date (issued)").count(), 1, "only the item with neither date nor status: {err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Undated page' AND year IS NULL"), 1);
}
