//! r114 (helper d): a film in IEEE as the IEEE Reference Guide writes one
//! (item 1), every RIS and EndNote XML reference type kept or said
//! (item 2), a proceedings paper's conference place and date in Harvard
//! (item 3), and a tab or line break inside a field said once per import
//! (item 4).

mod common;
use common::*;

const FILM: &str = r#"[{"id":"atanarjuat","type":"motion_picture","title":"Atanarjuat: The Fast Runner","author":[{"family":"Kunuk","given":"Zacharias"}],"publisher":"Igloolik Isuma Productions","publisher-place":"Igloolik","issued":{"date-parts":[[2001]]}}]"#;

/// Item 1: IEEE Reference Guide 2023, "Videos" (films): "Z. Kunuk, Dir.,
/// *Atanarjuat: The Fast Runner*. Igloolik, NU, Canada: Igloolik Isuma
/// Productions, 2001." (canon stores the place as given: "Igloolik"). The
/// other styles print the film's title and its publisher.
#[test]
fn a_film_in_ieee_is_the_guides_form() {
    let w = workdir();
    w.import_reading("film.json", FILM);
    let t = "Atanarjuat: The Fast Runner";
    assert_eq!(
        w.references("ieee")[t],
        "Z. Kunuk, Dir., Atanarjuat: The Fast Runner. Igloolik: Igloolik Isuma Productions, 2001."
    );
    let expected = [
        (
            "vancouver",
            "Kunuk Z. Atanarjuat: The Fast Runner [motion picture]. Igloolik: Igloolik Isuma Productions; 2001.",
        ),
        ("ama", "Kunuk Z. Atanarjuat: The Fast Runner. Igloolik Isuma Productions; 2001."),
        ("harvard", "Kunuk, Z. (2001) Atanarjuat: The Fast Runner [Film]. Igloolik: Igloolik Isuma Productions."),
        ("chicago", "Kunuk, Zacharias. 2001. Atanarjuat: The Fast Runner. Film. Igloolik Isuma Productions."),
        ("mla", "Kunuk, Zacharias. Atanarjuat: The Fast Runner. Film. Igloolik Isuma Productions, 2001."),
        ("apa", "Kunuk, Z. (2001). Atanarjuat: The Fast Runner [Film]. Igloolik Isuma Productions."),
    ];
    for (style, r) in expected {
        assert_eq!(w.references(style)[t], r, "{style}");
    }
}

/// Item 1: a film with no place, and one with no director, in IEEE.
#[test]
fn an_ieee_film_without_place_or_director() {
    let w = workdir();
    w.import_reading(
        "films.json",
        r#"[{"id":"a","type":"motion_picture","title":"Ousmane's film","author":[{"family":"Sembène","given":"Ousmane"}],"publisher":"Filmi Domirev","issued":{"date-parts":[[1975]]}},
{"id":"b","type":"motion_picture","title":"Nobody's film","publisher":"Isuma","publisher-place":"Igloolik","issued":{"date-parts":[[2006]]}}]"#,
    );
    let refs = w.references("ieee");
    assert_eq!(refs["Ousmane's film"], "O. Sembène, Dir., Ousmane's Film. Filmi Domirev, 1975.");
    assert_eq!(refs["Nobody's film"], "Nobody's Film. Igloolik: Isuma, 2006.");
}

/// Item 1: a CSL-JSON film's `director` (as Zotero exports a film) with no
/// `author` is read as its author, and said; IEEE prints "Dir.".
#[test]
fn a_csl_json_director_is_the_films_author_and_said() {
    let w = workdir();
    let err = w.import_reading("film.json", &FILM.replace("\"author\"", "\"director\""));
    let said: Vec<&str> = err.lines().filter(|l| l.contains("director")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].contains("in item `atanarjuat`: CSL-JSON director \"Kunuk, Zacharias\" read as the author"),
        "{err}"
    );
    assert_eq!(
        w.references("ieee")["Atanarjuat: The Fast Runner"],
        "Z. Kunuk, Dir., Atanarjuat: The Fast Runner. Igloolik: Igloolik Isuma Productions, 2001."
    );
}

/// Every RIS type of the specification (RIS Format Specifications, 2011):
/// the reading type and genre canon stores, and what the import says
/// (`None`: the type is canon's, or a CSL type's, own; nothing to say).
const RIS_EXPECTED: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    (
        "ABST",
        "article",
        None,
        Some("RIS type \"ABST\" (abstract) has no reading type in canon: stored as type article"),
    ),
    (
        "ADVS",
        "video",
        None,
        Some("RIS type \"ADVS\" (audiovisual material) has no reading type in canon: stored as type video"),
    ),
    ("AGGR", "other", Some("Data set"), None),
    (
        "ANCIENT",
        "book",
        None,
        Some("RIS type \"ANCIENT\" (ancient text) has no reading type in canon: stored as type book"),
    ),
    (
        "ART",
        "other",
        Some("Artwork"),
        Some("RIS type \"ART\" (artwork) has no reading type in canon: stored as type other with genre \"Artwork\""),
    ),
    ("BILL", "other", Some("Bill"), None),
    ("BLOG", "web", None, None),
    ("BOOK", "book", None, None),
    ("CASE", "other", Some("Legal case"), None),
    ("CHAP", "chapter", None, None),
    (
        "CHART",
        "other",
        Some("Chart"),
        Some("RIS type \"CHART\" (chart) has no reading type in canon: stored as type other with genre \"Chart\""),
    ),
    (
        "CLSWK",
        "book",
        None,
        Some("RIS type \"CLSWK\" (classical work) has no reading type in canon: stored as type book"),
    ),
    ("COMP", "other", Some("Computer software"), None),
    ("CONF", "conference-paper", None, None),
    ("CPAPER", "conference-paper", None, None),
    ("CTLG", "book", None, Some("RIS type \"CTLG\" (catalogue) has no reading type in canon: stored as type book")),
    ("DATA", "other", Some("Data set"), None),
    ("DBASE", "other", Some("Data set"), None),
    (
        "DICT",
        "chapter",
        None,
        Some("RIS type \"DICT\" (dictionary entry) has no reading type in canon: stored as type chapter"),
    ),
    ("EBOOK", "book", None, None),
    ("ECHAP", "chapter", None, None),
    ("EDBOOK", "book", None, None),
    ("EJOUR", "article", None, None),
    ("ELEC", "web", None, None),
    (
        "ENCYC",
        "chapter",
        None,
        Some("RIS type \"ENCYC\" (encyclopedia entry) has no reading type in canon: stored as type chapter"),
    ),
    (
        "EQUA",
        "other",
        Some("Equation"),
        Some("RIS type \"EQUA\" (equation) has no reading type in canon: stored as type other with genre \"Equation\""),
    ),
    (
        "FIGURE",
        "other",
        Some("Figure"),
        Some("RIS type \"FIGURE\" (figure) has no reading type in canon: stored as type other with genre \"Figure\""),
    ),
    ("GEN", "other", None, None),
    ("GOVDOC", "report", None, None),
    (
        "GRANT",
        "other",
        Some("Grant"),
        Some("RIS type \"GRANT\" (grant) has no reading type in canon: stored as type other with genre \"Grant\""),
    ),
    ("HEAR", "other", Some("Hearing"), None),
    (
        "ICOMM",
        "web",
        None,
        Some("RIS type \"ICOMM\" (Internet communication) has no reading type in canon: stored as type web"),
    ),
    ("INPR", "article", None, None),
    (
        "JFULL",
        "book",
        None,
        Some("RIS type \"JFULL\" (whole journal) has no reading type in canon: stored as type book"),
    ),
    ("JOUR", "article", None, None),
    ("LEGAL", "other", Some("Regulation"), None),
    ("MANSCPT", "other", Some("Manuscript"), None),
    ("MAP", "other", Some("Map"), None),
    ("MGZN", "magazine-article", None, None),
    ("MPCT", "video", Some("Film"), None),
    (
        "MULTI",
        "other",
        Some("Multimedia"),
        Some(
            "RIS type \"MULTI\" (multimedia) has no reading type in canon: stored as type other with genre \"Multimedia\"",
        ),
    ),
    (
        "MUSIC",
        "other",
        Some("Musical score"),
        Some(
            "RIS type \"MUSIC\" (music score) has no reading type in canon: stored as type other with genre \"Musical score\"",
        ),
    ),
    ("NEWS", "newspaper-article", None, None),
    ("PAMP", "other", Some("Pamphlet"), None),
    ("PAT", "other", Some("Patent"), None),
    (
        "PCOMM",
        "other",
        Some("Personal communication"),
        Some(
            "RIS type \"PCOMM\" (personal communication) has no reading type in canon: stored as type other with genre \"Personal communication\"",
        ),
    ),
    ("RPRT", "report", None, None),
    (
        "SER",
        "book",
        None,
        Some("RIS type \"SER\" (serial publication) has no reading type in canon: stored as type book"),
    ),
    (
        "SLIDE",
        "other",
        Some("Slide"),
        Some("RIS type \"SLIDE\" (slide) has no reading type in canon: stored as type other with genre \"Slide\""),
    ),
    ("SOUND", "podcast", None, None),
    ("STAND", "report", None, None),
    ("STAT", "other", Some("Statute"), None),
    ("THES", "thesis", None, None),
    (
        "UNBILL",
        "other",
        Some("Bill"),
        Some(
            "RIS type \"UNBILL\" (unenacted bill) has no reading type in canon: stored as type other with genre \"Bill\"",
        ),
    ),
    ("UNPB", "other", Some("Unpublished work"), None),
    ("VIDEO", "video", None, None),
];

/// Item 2: every RIS `TY` is kept as a reading type (and genre) that says
/// what the work is, or the import names the record and the type it used;
/// none becomes "other" or an article unsaid.
#[test]
fn every_ris_type_is_kept_or_said() {
    let w = workdir();
    let ris: String = RIS_EXPECTED
        .iter()
        .map(|(ty, ..)| format!("TY  - {ty}\nID  - r{ty}\nTI  - Work {ty}\nAU  - Osei, Ama\nPY  - 2019\nER  - \n\n"))
        .collect();
    let err = w.import_reading("all.ris", &ris);
    let list = w.reading_list();
    for (ty, kind, genre, said) in RIS_EXPECTED {
        let r = reading_titled(&list, &format!("Work {ty}"));
        assert_eq!(r["type"], *kind, "{ty}: {r}");
        assert_eq!(r["genre"].as_str(), *genre, "{ty}: {r}");
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(&format!("record \"r{ty}\":"))).collect();
        match said {
            Some(s) => {
                assert_eq!(lines.len(), 1, "{ty}: {err}");
                assert!(lines[0].ends_with(s), "{ty}: {}", lines[0]);
            }
            None => assert!(lines.is_empty(), "{ty}: {lines:?}"),
        }
    }
}

/// Every EndNote reference type name (EndNote X9–21): the reading type and
/// genre stored, and whether the import names the record's type.
const ENDNOTE_EXPECTED: &[(&str, &str, Option<&str>, bool)] = &[
    ("Aggregated Database", "other", Some("Data set"), false),
    ("Ancient Text", "book", None, true),
    ("Artwork", "other", Some("Artwork"), true),
    ("Audiovisual Material", "video", None, false),
    ("Bill", "other", Some("Bill"), false),
    ("Blog", "web", None, false),
    ("Book", "book", None, false),
    ("Book Section", "chapter", None, false),
    ("Case", "other", Some("Legal case"), false),
    ("Catalog", "book", None, true),
    ("Chart or Table", "other", Some("Chart"), true),
    ("Classical Work", "book", None, true),
    ("Computer Program", "other", Some("Computer software"), false),
    ("Conference Paper", "conference-paper", None, false),
    ("Conference Proceedings", "conference-paper", None, false),
    ("Dataset", "other", Some("Data set"), false),
    ("Dictionary", "chapter", None, true),
    ("Discussion Forum", "thread", None, true),
    ("Edited Book", "book", None, false),
    ("Electronic Article", "article", None, false),
    ("Electronic Book", "book", None, false),
    ("Electronic Book Section", "chapter", None, false),
    ("Encyclopedia", "chapter", None, true),
    ("Equation", "other", Some("Equation"), true),
    ("Figure", "other", Some("Figure"), true),
    ("Film or Broadcast", "video", Some("Film"), false),
    ("Generic", "other", None, false),
    ("Government Document", "report", None, false),
    ("Grant", "other", Some("Grant"), true),
    ("Hearing", "other", Some("Hearing"), false),
    ("Interview", "other", Some("Interview"), true),
    ("Journal Article", "article", None, false),
    ("Legal Rule or Regulation", "other", Some("Regulation"), false),
    ("Magazine Article", "magazine-article", None, false),
    ("Manuscript", "other", Some("Manuscript"), false),
    ("Map", "other", Some("Map"), false),
    ("Multimedia Application", "other", Some("Multimedia"), true),
    ("Music", "podcast", None, false),
    ("Newspaper Article", "newspaper-article", None, false),
    ("Online Database", "web", None, false),
    ("Online Multimedia", "web", None, false),
    ("Pamphlet", "other", Some("Pamphlet"), false),
    ("Patent", "other", Some("Patent"), false),
    ("Personal Communication", "other", Some("Personal communication"), true),
    ("Podcast", "podcast", None, false),
    ("Press Release", "report", Some("Press release"), true),
    ("Report", "report", None, false),
    ("Serial", "book", None, true),
    ("Social Media", "thread", None, false),
    ("Sound Recording", "podcast", None, false),
    ("Standard", "report", None, false),
    ("Statute", "other", Some("Statute"), false),
    ("Television Episode", "video", None, false),
    ("Thesis", "thesis", None, false),
    ("Unpublished Work", "other", Some("Unpublished work"), false),
    ("Unused 1", "other", None, true),
    ("Unused 2", "other", None, true),
    ("Unused 3", "other", None, true),
    ("Web Page", "web", None, false),
];

/// Item 2: every EndNote XML `ref-type` name is kept as a reading type
/// (and genre) that says what the work is, or the import names the record
/// and the type it used: "in record 3: EndNote ref-type \"Artwork\" has no
/// reading type in canon: stored as type other with genre \"Artwork\"".
#[test]
fn every_endnote_type_is_kept_or_said() {
    let w = workdir();
    let records: String = ENDNOTE_EXPECTED
        .iter()
        .enumerate()
        .map(|(i, (name, ..))| {
            format!(
                "<record><rec-number>{}</rec-number><ref-type name=\"{name}\">1</ref-type><contributors><authors>\
                 <author>Osei, Ama</author></authors></contributors><titles><title>Work {name}</title></titles>\
                 <dates><year>2019</year></dates></record>\n",
                i + 1
            )
        })
        .collect();
    let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>\n{records}</records></xml>");
    let err = w.import_reading("all.xml", &xml);
    let list = w.reading_list();
    for (i, (name, kind, genre, said)) in ENDNOTE_EXPECTED.iter().enumerate() {
        let r = reading_titled(&list, &format!("Work {name}"));
        assert_eq!(r["type"], *kind, "{name}: {r}");
        assert_eq!(r["genre"].as_str(), *genre, "{name}: {r}");
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(&format!("in record {}:", i + 1))).collect();
        if *said {
            let mut expected = format!("EndNote ref-type {name:?} has no reading type in canon: stored as type {kind}");
            if let Some(g) = genre {
                expected.push_str(&format!(" with genre {g:?}"));
            }
            assert_eq!(lines.len(), 1, "{name}: {err}");
            assert!(lines[0].ends_with(&expected), "{name}: {}", lines[0]);
        } else {
            assert!(lines.is_empty(), "{name}: {lines:?}");
        }
    }
}

/// Item 3: Cite Them Right (12th ed., "Conference papers") prints a
/// published paper's conference place and date after the proceedings:
/// "Author (Year) 'Title', in *Proceedings*. Place, Date. Place: Publisher,
/// pages." A year alone that is the reference's is not printed twice; a
/// paper with neither stored is as it was.
#[test]
fn harvard_prints_a_proceedings_papers_conference_place_and_date() {
    let w = workdir();
    w.import_reading(
        "conf.json",
        r#"[{"id":"p1","type":"paper-conference","title":"Respectful maternity care in Accra","author":[{"family":"Mensah","given":"Ama"}],"container-title":"Proceedings of the African Health Sciences Congress","event-title":"African Health Sciences Congress","event-place":"Accra, Ghana","event-date":{"date-parts":[[2019,4,2],[2019,4,4]]},"publisher":"AHS Press","publisher-place":"Kampala","page":"12-19","issued":{"date-parts":[[2019]]}},
{"id":"p2","type":"paper-conference","title":"Triage in Kumasi","author":[{"family":"Owusu","given":"Kofi"}],"container-title":"Proceedings of the Ghana Nursing Conference","event-place":"Kumasi","event-date":{"date-parts":[[2020,11,12]]},"publisher":"GNC","page":"5-9","issued":{"date-parts":[[2020]]}},
{"id":"p3","type":"paper-conference","title":"Clinics in Tamale","author":[{"family":"Abu","given":"Sana"}],"container-title":"Proceedings of the Northern Health Forum","publisher":"NHF","publisher-place":"Tamale","page":"1-4","issued":{"date-parts":[[2021]]}},
{"id":"p4","type":"paper-conference","title":"Wards in Tema","author":[{"family":"Boateng","given":"Efua"}],"container-title":"Proceedings of the Coastal Health Meeting","event-date":{"date-parts":[[2022]]},"event-place":"Tema","publisher":"CHM","publisher-place":"Accra","page":"7-8","issued":{"date-parts":[[2022]]}}]"#,
    );
    let h = w.references("harvard");
    assert_eq!(
        h["Respectful maternity care in Accra"],
        "Mensah, A. (2019) ‘Respectful maternity care in Accra’, in Proceedings of the African Health Sciences \
         Congress. Accra, Ghana, 2–4 April 2019. Kampala: AHS Press, pp. 12–19."
    );
    assert_eq!(
        h["Triage in Kumasi"],
        "Owusu, K. (2020) ‘Triage in Kumasi’, in Proceedings of the Ghana Nursing Conference. Kumasi, 12 November \
         2020. GNC, pp. 5–9."
    );
    assert_eq!(
        h["Clinics in Tamale"],
        "Abu, S. (2021) ‘Clinics in Tamale’, in Proceedings of the Northern Health Forum. Tamale: NHF, pp. 1–4."
    );
    assert_eq!(
        h["Wards in Tema"],
        "Boateng, E. (2022) ‘Wards in Tema’, in Proceedings of the Coastal Health Meeting. Tema. Accra: CHM, pp. 7–8."
    );
}

/// Item 4: a tab or a line break inside a CSV cell or a CSL-JSON string
/// (a title, a name) is stored as one space, and said once for the file:
/// how many fields, and the first record's.
#[test]
fn a_tab_or_line_break_inside_a_field_is_said_once() {
    let w = workdir();
    let err = w.import_reading(
        "t.csv",
        "title,authors,year,type\n\"Plain title\",\"Abu, Sana\",2020,book\n\"Racism in\tmedicine\",\"Osei, Ama\tKwame\",2019,article\n\"Second\r\nbroken\",\"Boa, Efua\",2021,book\n",
    );
    let said: Vec<&str> = err.lines().filter(|l| l.contains("tab or line break")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].starts_with("note: ") && said[0].contains("t.csv: "), "{err}");
    assert!(
        said[0].ends_with(
            "t.csv: 3 fields held a tab or line break, each stored as one space (first: the title of the record at line 3)"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Racism")["title"], "Racism in medicine");
    assert_eq!(
        author_parts(reading(&list, "Racism"), ["family", "given"]),
        [["Osei".to_string(), "Ama Kwame".to_string()]]
    );
    assert_eq!(reading(&list, "Second")["title"], "Second broken");

    let err = w.import_reading(
        "t.json",
        r#"[{"id":"x1","type":"book","title":"Colonial medicine","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2019]]}},
{"id":"x2","type":"book","title":"Medicine\nin Kenya","author":[{"family":"Mensah","given":"Kofi\tB."}],"issued":{"date-parts":[[2019]]}}]"#,
    );
    let said: Vec<&str> = err.lines().filter(|l| l.contains("tab or line break")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].ends_with(
            "t.json: 2 fields held a tab or line break, each stored as one space (first: the title of item `x2`)"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Medicine in")["title"], "Medicine in Kenya");
    assert_eq!(author_parts(reading(&list, "Medicine in"), ["given"]), [["Kofi B.".to_string()]]);

    // A BibTeX title over two lines is BibTeX's whitespace: nothing said.
    let err =
        w.import_reading("t.bib", "@book{k, title = {Healing in\n  Lagos}, author = {Ade, Bola}, year = {2018}}\n");
    assert!(!err.contains("tab or line break"), "{err}");
}
