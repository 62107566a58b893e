//! Personal names (testers r73 and r70): a suffix or a title of nobility
//! after the comma is never a given name, nor initials invented from a
//! numeral (r73 F1); a person's name written whole in a script without
//! letter case is a person in Vancouver and AMA, only an organisation is
//! set off by semicolons (r70 F17); BibTeX names of people who write their
//! family name first are said (r70 F12).

mod common;

use common::{Workdir, author_parts, reading, reference};

/// The parts of the `i`th author of the reading whose title starts with
/// `title`: (family, given, particle, suffix, literal), "" for none.
fn parts(w: &Workdir, title: &str, i: usize) -> [String; 5] {
    author_parts(reading(&w.reading_list(), title), ["family", "given", "particle", "suffix", "literal"])
        .get(i)
        .cloned()
        .unwrap_or_default()
}

fn person(family: &str, given: &str, particle: &str, suffix: &str) -> [String; 5] {
    [family, given, particle, suffix, ""].map(str::to_string)
}

/// The tester's entry (t/names.bib, `lancet`).
const LANCET: &str = "@book{lancet,
  author = {{World Health Organization} and Dr. Amina Yusuf and Martin Luther King, III},
  title = {Health equity report},
  publisher = {WHO Press},
  address = {Geneva},
  year = {2021}
}
";

/// F1: "Martin Luther King, III" is Martin Luther King III, as a CSV cell
/// reads it; BibTeX's own reading (family "Martin Luther King", given
/// "III") is said with the form every BibTeX tool reads the same way. No
/// style prints "I. I. I.".
#[test]
fn a_suffix_after_the_comma_in_bibtex_is_the_suffix_in_every_style() {
    let w = Workdir::new();
    let err = w.import_reading("names.bib", LANCET);
    assert!(
        err.contains(
            "names.bib:2:65: warning: in entry `lancet`: author \"Martin Luther King, III\" was read as given name \
             \"Martin Luther\", family name \"King\", suffix \"III\"; BibTeX itself reads it as family name \"Martin \
             Luther King\", given name \"III\": write it \"King, III, Martin Luther\" to be sure"
        ),
        "{err}"
    );
    assert_eq!(parts(&w, "Health equity", 2), person("King", "Martin Luther", "", "III"));
    let expect = [
        ("apa", "World Health Organization, Yusuf, A., & King, M. L., III. (2021)."),
        ("chicago", "World Health Organization, Amina Yusuf, and Martin Luther King III. 2021."),
        ("vancouver", "World Health Organization; Yusuf A, King ML 3rd. Health equity report."),
        ("ama", "World Health Organization; Yusuf A, King ML III. Health Equity Report."),
        ("harvard", "World Health Organization, Yusuf, A. and King, M.L., III (2021)"),
    ];
    for (style, start) in expect {
        let refs = w.references(style);
        let r = reference(&refs, "Health equity report");
        assert!(r.starts_with(start), "{style}: {r}");
        assert!(!r.contains("I. I.") && !r.contains("KingIII"), "{style}: {r}");
    }
}

/// F1, the kind: every suffix alone after the comma, in BibTeX and in a
/// CSV cell, is the suffix; with one word before the comma there is no
/// given name ("King, III"), never initials made of the numeral. Two
/// capitals ("IV") after a one-word family name may be initials ("Ivanov,
/// II"): kept as initials, and said.
#[test]
fn a_suffix_alone_after_a_family_name_is_no_given_name() {
    let w = Workdir::new();
    let bib = w.import_reading(
        "s.bib",
        "@book{s, author = {King, III and Smith, 2nd and {Martin Luther King}, III and van der Berg, Jr. and \
         Henry Ford, II and Ford, IV and Mensah, Jr., Kofi A.}, title = {Suffixes in BibTeX}, year = {2000}}\n",
    );
    let t = "Suffixes in BibTeX";
    assert_eq!(parts(&w, t, 0), person("King", "", "", "III"));
    assert_eq!(parts(&w, t, 1), person("Smith", "", "", "2nd"));
    assert_eq!(parts(&w, t, 2), person("Martin Luther King", "", "", "III"));
    assert_eq!(parts(&w, t, 3), person("Berg", "", "van der", "Jr."));
    assert_eq!(parts(&w, t, 4), person("Ford", "Henry", "", "II"));
    assert_eq!(parts(&w, t, 5), person("Ford", "I. V.", "", ""));
    assert_eq!(parts(&w, t, 6), person("Mensah", "Kofi A.", "", "Jr."));
    for said in [
        "author \"King, III\" was read as family name \"King\", suffix \"III\", with no given name (a suffix is no \
         given name; BibTeX itself reads it as the given name)",
        "author \"Smith, 2nd\" was read as family name \"Smith\", suffix \"2nd\", with no given name",
        "author \"van der Berg, Jr.\" was read as family name \"van der Berg\", suffix \"Jr.\", with no given name",
        "author \"Ford, IV\" was read as family name \"Ford\" with the initials \"IV\" as given name; if \"IV\" is a \
         suffix, write the name with its given name, \"Ford, IV, Given\"",
    ] {
        assert!(bib.contains(said), "{said}\n{bib}");
    }
    // The BibTeX form "von Last, Jr, First" is read as written, unsaid.
    assert!(!bib.contains("\"Mensah, Jr., Kofi A.\""), "{bib}");

    let csv = w.import_reading(
        "s.csv",
        "title,authors,year,type\nSuffixes in a cell,\"King, III; Da Silva, Jr.; Martin Luther King, III; Ford, IV\",\
         2001,book\n",
    );
    let t = "Suffixes in a cell";
    assert_eq!(parts(&w, t, 0), person("King", "", "", "III"));
    assert_eq!(parts(&w, t, 1), person("Da Silva", "", "", "Jr."));
    assert_eq!(parts(&w, t, 2), person("King", "Martin Luther", "", "III"));
    assert_eq!(parts(&w, t, 3), person("Ford", "I. V.", "", ""));
    assert!(
        csv.contains("\"King, III\" was read as family name \"King\", suffix \"III\", with no given name"),
        "{csv}"
    );
    assert!(csv.contains("\"Ford, IV\" was read as family name \"Ford\" with the initials \"IV\""), "{csv}");
    // CSL-JSON's parts: a given name that is only a suffix is the suffix.
    let json = w.import_reading(
        "s.json",
        r#"[{"id":"k","type":"book","title":"Suffixes in CSL-JSON","author":[{"family":"King","given":"III"},{"family":"Osei","given":"Jr."}],"issued":{"date-parts":[[2002]]}}]"#,
    );
    assert_eq!(parts(&w, "Suffixes in CSL-JSON", 0), person("King", "", "", "III"));
    assert_eq!(parts(&w, "Suffixes in CSL-JSON", 1), person("Osei", "", "", "Jr."));
    assert!(
        json.contains(
            "in item `k`: author given name \"III\" is a suffix: read as the suffix, with no given name (CSL-JSON gives a \
             suffix its own part, \"suffix\")"
        ) && json.contains("author given name \"Jr.\" is a suffix"),
        "{json}"
    );
    for style in ["apa", "chicago", "vancouver", "harvard", "ama"] {
        let refs = w.references(style);
        for title in ["Suffixes in BibTeX", "Suffixes in a cell", "Suffixes in CSL-JSON"] {
            let r = reference(&refs, title);
            assert!(!r.contains("I. I.") && !r.contains("2nd.,") && !r.contains("Jr. K"), "{style}: {r}");
        }
    }
}

/// The kind, a title of nobility after the comma: "Charles-Louis de
/// Secondat, baron de Montesquieu" (BibTeX read given name "baron de
/// Montesquieu", family "Charles-Louis de Secondat") is the person Chicago
/// indexes as "Montesquieu, Charles-Louis de Secondat, baron de" (CMOS
/// 16.49), in every form the formats write it, and said where it is a
/// reading.
#[test]
fn a_title_of_nobility_after_the_comma_is_no_given_name() {
    let w = Workdir::new();
    let bib = w.import_reading(
        "m.bib",
        "@book{a, author = {Charles-Louis de Secondat, baron de Montesquieu}, title = {Natural order}, year = {1748}}\n\
         @book{b, author = {Montesquieu, Charles-Louis de Secondat, baron de}, title = {Catalogue order}, year = {1749}}\n\
         @book{c, author = {Montesquieu, baron de, Charles-Louis de Secondat}, title = {BibTeX order}, year = {1750}}\n\
         @book{d, author = {Thomas Babington Macaulay, Baron Macaulay}, title = {English peer}, year = {1848}}\n",
    );
    let montesquieu = person("Montesquieu", "Charles-Louis de Secondat", "", "baron de");
    for t in ["Natural order", "Catalogue order", "BibTeX order"] {
        assert_eq!(parts(&w, t, 0), montesquieu, "{t}");
    }
    assert_eq!(parts(&w, "English peer", 0), person("Macaulay", "Thomas Babington Macaulay", "", "Baron"));
    assert!(
        bib.contains(
            "m.bib:1:20: warning: in entry `a`: author \"Charles-Louis de Secondat, baron de Montesquieu\" was read as \
             family name \"Montesquieu\", given name \"Charles-Louis de Secondat\", title \"baron de\""
        ) && bib.contains(
            "BibTeX itself reads \"baron de Montesquieu\" as the given name: write it \"Montesquieu, baron de, \
             Charles-Louis de Secondat\" to be sure"
        ),
        "{bib}"
    );
    assert!(bib.contains("BibTeX itself reads \"baron de\" as the given name"), "{bib}");
    // BibTeX's own "von Last, Jr, First" needs no word.
    assert!(!bib.contains("entry `c`"), "{bib}");

    let csv = w.import_reading(
        "m.csv",
        "title,authors,year,type\nIn a cell,\"Charles-Louis de Secondat, baron de Montesquieu; Montesquieu, baron \
         de, Charles-Louis de Secondat\",1751,book\n",
    );
    assert_eq!(parts(&w, "In a cell", 0), montesquieu);
    assert_eq!(parts(&w, "In a cell", 1), montesquieu);
    assert!(csv.contains("\"Charles-Louis de Secondat, baron de Montesquieu\" was read as family name"), "{csv}");
    let chicago = w.references("chicago");
    let natural = reference(&chicago, "Natural order");
    assert!(natural.starts_with("Montesquieu, Charles-Louis de Secondat, baron de. 1748."), "{natural}");
}

/// The tester's cell (t/ar.csv).
const MIXED: &str = "title,authors,year,type,container
Mixed Arabic,\"Smith, John; محمد بن زكريا الرازي; Li, Hua; דוד כהן; सुनीता देवी; Иван Петров\",2016,article,BMJ
Organisations in other scripts,\"Smith, John; وزارة الصحة; Li, Hua; 世界卫生组织; Osei, Kofi; स्वास्थ्य और परिवार कल्याण मंत्रालय\",2017,article,BMJ
";

/// F17: a person's name written whole in a script without letter case is
/// a person in Vancouver and AMA, whatever its script and however many
/// words it has; an organisation in such a script (a ministry, an
/// organisation) is still set off by semicolons.
#[test]
fn names_written_whole_without_letter_case_are_persons_unless_organisations() {
    let w = Workdir::new();
    w.import_reading("ar.csv", MIXED);
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        let mixed = reference(&refs, "Mixed Arabic");
        assert!(
            mixed.starts_with("Smith J, محمد بن زكريا الرازي, Li H, דוד כהן, सुनीता देवी, Иван Петров."),
            "{style}: {mixed}"
        );
        let orgs = reference(&refs, "Organisations in other scripts");
        assert!(
            orgs.starts_with("Smith J; وزارة الصحة; Li H; 世界卫生组织; Osei K; स्वास्थ्य और परिवार कल्याण मंत्रालय."),
            "{style}: {orgs}"
        );
    }
}

/// F17 in the other formats: a CSL-JSON `literal` (t/zotero.json) and an
/// EndNote name without a comma (t/endnote2.xml, record 7); the structured
/// name before it took the semicolon too.
#[test]
fn a_literal_person_in_csl_json_and_endnote_is_a_person() {
    let w = Workdir::new();
    w.import_reading(
        "z.json",
        r#"[{"id":"c10","type":"article-journal","title":"Non Latin","author":[{"family":"الرازي","given":"محمد"},{"literal":"محمد بن زكريا الرازي"},{"family":"王","given":"小明"},{"family":"शर्मा","given":"राहुल"},{"family":"Петров","given":"Пётр"}],"container-title":"Journal","issued":{"date-parts":[[2020]]}}]"#,
    );
    w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records><record><rec-number>7</rec-number><ref-type \
         name=\"Journal Article\">17</ref-type><contributors><authors><author>محمد بن زكريا الرازي</author>\
         <author>王小明</author><author>Wang, Xiaoming</author></authors></contributors><titles><title>Scripts in \
         EndNote</title><secondary-title>Journal</secondary-title></titles><dates><year>2020</year></dates>\
         </record></records></xml>\n",
    );
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        let csl = reference(&refs, "Non Latin");
        assert!(csl.starts_with("الرازي محمد, محمد بن زكريا الرازي, 王小明, शर्मा राहुल, Петров П."), "{style}: {csl}");
        let en = reference(&refs, "Scripts in EndNote");
        assert!(en.starts_with("محمد بن زكريا الرازي, 王小明, Wang X."), "{style}: {en}");
        assert!(!csl.contains(';') || csl.find(';') > csl.find("Journal"), "{style}: {csl}");
    }
}

/// F12: a BibTeX name "First Last" whose first word is a family name its
/// bearers write first is read by BibTeX's rule, and said with the form
/// that reads it as meant; names in the usual order, or written with a
/// comma, are not.
#[test]
fn family_first_names_in_bibtex_are_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "n3.bib",
        "@article{n5, author = {Sun Yat-sen and Mao Zedong and Tu, Youyou and Aung San Suu Kyi and Sukarno}, \
         title = {Asian names}, journal = {J}, year = {2005}}\n\
         @article{n6, author = {Nguyen Van An and Park Chung-hee and Jim Yong Kim and Paul Farmer and Mao, Zedong and \
         {Sun Yat-sen}}, title = {More names}, journal = {J}, year = {2006}}\n",
    );
    for (name, read, form) in [
        ("Sun Yat-sen", "family name \"Yat-sen\", given name \"Sun\"", "Sun, Yat-sen"),
        ("Mao Zedong", "family name \"Zedong\", given name \"Mao\"", "Mao, Zedong"),
        ("Nguyen Van An", "family name \"An\", given name \"Nguyen Van\"", "Nguyen, Van An"),
        ("Park Chung-hee", "family name \"Chung-hee\", given name \"Park\"", "Park, Chung-hee"),
    ] {
        let first = name.split(' ').next().unwrap();
        let said = format!(
            "author \"{name}\" was read by BibTeX's rule as {read}; if \"{first}\" is the family name (written first, \
             as Chinese, Korean and Vietnamese names are), write it \"{form}\""
        );
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert_eq!(err.matches("written first, as Chinese").count(), 4, "{err}");
    for quiet in ["Jim Yong Kim", "Paul Farmer", "Mao, Zedong", "Tu, Youyou", "Sukarno"] {
        assert!(!err.contains(&format!("\"{quiet}\" was read")), "{quiet}\n{err}");
    }
    // BibTeX's rule is followed: the warning changes nothing.
    assert_eq!(parts(&w, "Asian names", 1), person("Zedong", "Mao", "", ""));
    assert_eq!(parts(&w, "More names", 4), person("Mao", "Zedong", "", ""));
}

/// The names read so survive the spreadsheet round trip: the export writes
/// a family name with a suffix and no given name braced ("{King}, III"),
/// which reads back the same, without a warning.
#[test]
fn suffixes_and_titles_survive_export_and_import() {
    let w = Workdir::new();
    w.import_reading(
        "s.bib",
        "@book{s, author = {King, III and {Martin Luther King}, III and Henry Ford, II and van der Berg, Jr. and \
         Charles-Louis de Secondat, baron de Montesquieu and Ford, IV}, title = {Round trip}, year = {2000}}\n",
    );
    let out = w.path("out.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let db2 = w.path("two.db");
    let err = String::from_utf8(w.run_at(&db2, &["import", "reading", out.to_str().unwrap()]).stderr).unwrap();
    assert!(!err.contains("with no given name") && !err.contains("title \"baron de\""), "{err}");
    let names = |db: &std::path::Path| {
        let list: serde_json::Value =
            serde_json::from_str(&w.ok_at(db, &["reading", "list", "--format", "json"])).unwrap();
        reading(&list, "Round trip")["author_names"].clone()
    };
    let (before, after) = (names(&w.db()), names(&db2));
    for (a, b) in before.as_array().unwrap().iter().zip(after.as_array().unwrap()) {
        for k in ["family", "given", "particle", "suffix", "literal"] {
            assert_eq!(a[k], b[k], "{k}: {a} / {b}");
        }
    }
    assert_eq!(before.as_array().unwrap().len(), 6);
}
