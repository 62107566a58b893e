//! Tester r69 F9–F11 and Zotero's `type:` line in Extra: a dependent
//! style's own title in the report, names kept as written in their script's
//! punctuation, EndNote's free-text "Original Publication" and RIS `OP`.

mod common;

use common::workdir;

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

/// The names of the reading titled `title`, as written.
fn written(list: &serde_json::Value, title: &str) -> Vec<String> {
    common::reading(list, title)["authors"]
        .as_array()
        .unwrap_or_else(|| panic!("{list}"))
        .iter()
        .map(|a| a.as_str().unwrap_or_default().to_string())
        .collect()
}

/// F10: a name typed with its script's comma ("،", "，") or between names
/// with "؛" or "、" is read as with "," and ";", and kept as written, in a
/// CSV cell, BibTeX, RIS and EndNote XML; references print the parts.
#[test]
fn a_name_is_kept_as_written_in_its_scripts_punctuation() {
    let w = workdir();
    w.import_reading(
        "n.csv",
        "title,authors,year,type\n\
         Cell one,\"الخوارزمي، محمد بن موسى; 王, 小明\",2001,book\n\
         Cell two,\"حسن، أحمد؛ الرازي،محمد\",2002,book\n\
         Cell three,\"王，小明、李，华\",2003,book\n",
    );
    w.import_reading("n.bib", "@book{a, title={Bib one}, author={الخوارزمي، محمد بن موسى and 王，小明}, year=2005}\n");
    w.import_reading(
        "n.ris",
        "TY  - BOOK\nTI  - Ris one\nAU  - الخوارزمي، محمد بن موسى\nAU  - 王，小明\nPY  - 2006\nER  - \n",
    );
    w.import_reading(
        "n.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\n\
         <contributors><authors><author>الخوارزمي، محمد بن موسى</author><author>王，小明</author></authors></contributors>\n\
         <titles><title>Xml one</title></titles><dates><year>2007</year></dates></record></records></xml>\n",
    );
    let list = w.reading_list();
    assert_eq!(written(&list, "Cell one"), ["الخوارزمي، محمد بن موسى", "王, 小明"]);
    assert_eq!(written(&list, "Cell two"), ["حسن، أحمد", "الرازي،محمد"]);
    assert_eq!(written(&list, "Cell three"), ["王，小明", "李，华"]);
    for t in ["Bib one", "Ris one", "Xml one"] {
        assert_eq!(written(&list, t), ["الخوارزمي، محمد بن موسى", "王，小明"], "{t}");
    }
    // The parts, as read with ",".
    for t in ["Cell one", "Bib one", "Ris one", "Xml one"] {
        let id = common::reading(&list, t)["id"].to_string();
        let r = w.json(&["reading", "show", &id, "--format", "json"]);
        let n = &r["author_names"][0];
        assert_eq!((n["family"].as_str(), n["given"].as_str()), (Some("الخوارزمي"), Some("محمد بن موسى")), "{t}: {r}");
    }
    // References print the parts, without the script's comma or a stray ",".
    for style in ["vancouver", "apa"] {
        let refs = w.references(style);
        for t in ["Cell one", "Bib one", "Ris one", "Xml one"] {
            let r = common::reference(&refs, t);
            assert!(r.contains("الخوارزمي محمد بن موسى") && r.contains("王小明"), "{style} {t}: {r}");
            assert!(!r.contains('،') && !r.contains('，'), "{style} {t}: {r}");
        }
    }
    // Exported and read back: the same names as written.
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "-o", out.to_str().expect("path")]);
    let w2 = workdir();
    w2.ok_stderr(&["import", "reading", out.to_str().expect("path")]);
    let again = w2.reading_list();
    for t in ["Cell one", "Cell two", "Cell three", "Bib one"] {
        assert_eq!(written(&again, t), written(&list, t), "{t}");
    }
}

fn endnote(orig_pub: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book Section\">5</ref-type>\n\
         <contributors><authors><author>Fanon, Frantz</author></authors></contributors>\n\
         <titles><title>Medicine and colonialism</title><secondary-title>A dying colonialism</secondary-title></titles>\n\
         <dates><year>1965</year></dates><orig-pub><style face=\"normal\" font=\"default\" size=\"100%\">{orig_pub}</style></orig-pub>\n\
         </record></records></xml>\n"
    )
}

/// F11: EndNote's free-text "Original Publication" (`orig-pub`, RIS `OP`):
/// a title is the original title, a year the original year, both when
/// both are there, a publication statement kept whole in the note; each
/// said, nothing lost.
#[test]
fn an_original_publication_gives_its_title_its_year_or_a_note() {
    // (Original Publication, original year, original title, note.)
    type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[Case] = &[
        ("L'an V de la révolution algérienne", None, Some("L'an V de la révolution algérienne"), None),
        ("L'an V de la révolution algérienne (1959)", Some("1959"), Some("L'an V de la révolution algérienne"), None),
        ("1959", Some("1959"), None, None),
        ("May 1959", Some("1959"), None, None),
        ("Paris: Maspero, 1959", Some("1959"), None, Some("Original publication: Paris: Maspero, 1959")),
        ("Catch-22", None, Some("Catch-22"), None),
    ];
    for (text, year, title, note) in cases {
        for (name, file) in [
            ("e.xml", endnote(text)),
            (
                "o.ris",
                format!(
                    "TY  - CHAP\nAU  - Fanon, Frantz\nTI  - Medicine and colonialism\nPY  - 1965\nOP  - {text}\nER  - \n"
                ),
            ),
        ] {
            let w = workdir();
            let err = w.import_reading(name, &file);
            assert!(!err.contains("holds no year") && !err.contains("not stored"), "{name} {text}: {err}");
            if title.is_some() || note.is_some() {
                assert!(err.contains(&format!("original publication \"{text}\": read as")), "{name} {text}: {err}");
            }
            let list = w.reading_list();
            let r = common::reading(&list, "Medicine and colonialism");
            assert_eq!(r["original_year"].as_str(), *year, "{name} {text}: {r}");
            assert_eq!(r["original_title"].as_str(), *title, "{name} {text}: {r}");
            assert_eq!(r["annotation"].as_str(), *note, "{name} {text}: {r}");
        }
    }
    // A title beside the record's own original title: kept in the note, said.
    let w = workdir();
    let err = w.import_reading(
        "t.ris",
        "TY  - BOOK\nAU  - Fanon, Frantz\nTI  - [Black skin]\nTT  - Peau noire, masques blancs\nPY  - 1967\n\
         OP  - Les damnés de la terre\nER  - \n",
    );
    assert!(err.contains("kept in the note (the record has another original title)"), "{err}");
    let r = common::reading(&w.reading_list(), "[Black skin]").clone();
    assert_eq!(r["original_title"], "Peau noire, masques blancs");
    assert_eq!(r["annotation"], "Original publication: Les damnés de la terre");
}

/// Zotero's `type: …` line in Extra (a CSL item type, which Zotero cites in
/// place of the item's type): the reading's type where canon has one, said
/// when it changes the record's; a type canon lacks is the genre APA
/// brackets ("Data set") or stays in the note, said; a "Type:" that names
/// no type is the group's note. In a Zotero CSV's Extra, a BibTeX `note`
/// and a CSL-JSON `note` alike.
#[test]
fn a_type_line_in_extra_is_the_readings_type() {
    let w = workdir();
    let zotero = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Extra\"\n\
        \"Z1\",\"document\",\"2020\",\"Okoro, Chidi\",\"Zotero standard\",\"\",\"type: report\"\n\
        \"Z2\",\"report\",\"2020\",\"Okoro, Chidi\",\"Zotero dataset\",\"\",\"type: dataset\nRead for week 3\"\n\
        \"Z3\",\"journalArticle\",\"2020\",\"Okoro, Chidi\",\"Zotero same\",\"BMJ\",\"type: article-journal\"\n";
    let zsaid = w.import_reading("z.csv", zotero);
    let bsaid = w.import_reading(
        "x.bib",
        "@misc{a, title={Bib webpage}, author={Lind, T}, year=2020, note={type: webpage}}\n\
         @misc{b, title={Bib figure}, author={Lind, T}, year=2020, note={type: figure}}\n\
         @misc{c, title={Bib mine}, author={Lind, T}, year=2020, note={Type: read in week 3}}\n",
    );
    let jsaid = w.import_reading(
        "x.json",
        "[{\"id\":\"j1\",\"type\":\"book\",\"title\":\"Json thesis\",\"author\":[{\"family\":\"Lind\",\"given\":\"T\"}],\
         \"issued\":{\"date-parts\":[[2020]]},\"note\":\"type: thesis\\nPMID: 123\"}]",
    );
    let list = w.reading_list();
    let field = |t: &str, k: &str| common::reading(&list, t)[k].as_str().map(str::to_string);
    assert_eq!(field("Zotero standard", "type").as_deref(), Some("report"));
    assert!(
        zsaid.contains("Extra line \"type: report\": read as the type report (the record's type was other)"),
        "{zsaid}"
    );
    assert_eq!(field("Zotero dataset", "type").as_deref(), Some("report"));
    assert_eq!(field("Zotero dataset", "genre").as_deref(), Some("Data set"));
    assert_eq!(field("Zotero dataset", "annotation").as_deref(), Some("Read for week 3"));
    assert!(
        zsaid.contains("Extra line \"type: dataset\": canon has no such type; read as the genre \"Data set\""),
        "{zsaid}"
    );
    assert_eq!(field("Zotero same", "type").as_deref(), Some("article"));
    assert!(!zsaid.contains("type: article-journal"), "{zsaid}");
    assert!(field("Zotero same", "annotation").is_none());
    assert_eq!(field("Bib webpage", "type").as_deref(), Some("web"));
    assert!(field("Bib webpage", "annotation").is_none());
    assert!(bsaid.contains("Extra line \"type: webpage\": read as the type web"), "{bsaid}");
    assert_eq!(field("Bib figure", "annotation").as_deref(), Some("type: figure"));
    assert!(bsaid.contains("Extra line \"type: figure\": canon has no such type; kept in the note"), "{bsaid}");
    assert_eq!(field("Bib mine", "annotation").as_deref(), Some("Type: read in week 3"));
    assert!(!bsaid.contains("read in week 3"), "{bsaid}");
    assert_eq!(field("Json thesis", "type").as_deref(), Some("thesis"));
    assert_eq!(field("Json thesis", "pmid").as_deref(), Some("123"));
    assert!(jsaid.contains("read as the type thesis (the record's type was book)"), "{jsaid}");
}
