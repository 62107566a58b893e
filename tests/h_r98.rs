//! tester100 F3, F4, F8, F9, F11: a newspaper's edition (Chicago,
//! Harvard), Zotero's "Section" of a newspaper article, BibTeX's braced
//! "{King, Jr.}", a catalogue's " : " before a subtitle in MLA, and MLA's
//! proceedings paper.

mod common;
use common::*;

const NEWS: &str = "title,authors,year,type,container,edition,pages,url,month,day
Pulse oximeters may mislead doctors about Black patients,\"Rabin, Roni Caryn\",2020,newspaper-article,The New York Times,Late edition,A1,https://www.nytimes.com/x,12,22
Hospital data show racial gaps,\"Smith, Ann\",2021,newspaper-article,The Guardian,2,14,,3,4
Alpha story,\"Rabin, Roni Caryn\",2019,newspaper-article,The New York Times,Late,A1,,12,22
Beta story,\"Rabin, Roni Caryn\",2018,newspaper-article,The New York Times,National edition,A1,,12,22
Gamma story,\"Rabin, Roni Caryn\",2017,newspaper-article,The New York Times,Midwest Edition,A1,,12,22
Delta story,\"Rabin, Roni Caryn\",2016,newspaper-article,The New York Times,Late ed.,A1,,12,22
Zeta book,\"Rabin, Roni Caryn\",2015,book,,Late edition,,,,
";

#[test]
fn a_newspapers_edition_is_printed_once_after_the_date_in_chicago() {
    let w = workdir();
    w.import_reading("np.csv", NEWS);
    let refs = w.references("chicago");
    assert_eq!(
        reference(&refs, "Pulse oximeters"),
        "Rabin, Roni Caryn. 2020. “Pulse Oximeters May Mislead Doctors About Black Patients.” New York Times, December 22, late edition. https://www.nytimes.com/x."
    );
    assert_eq!(
        reference(&refs, "Hospital data"),
        "Smith, Ann. 2021. “Hospital Data Show Racial Gaps.” Guardian, March 4, 2nd ed."
    );
    assert_eq!(
        reference(&refs, "Alpha story"),
        "Rabin, Roni Caryn. 2019. “Alpha Story.” New York Times, December 22, late edition."
    );
    assert_eq!(
        reference(&refs, "Beta story"),
        "Rabin, Roni Caryn. 2018. “Beta Story.” New York Times, December 22, national edition."
    );
    assert_eq!(
        reference(&refs, "Gamma story"),
        "Rabin, Roni Caryn. 2017. “Gamma Story.” New York Times, December 22, Midwest edition."
    );
    assert_eq!(
        reference(&refs, "Delta story"),
        "Rabin, Roni Caryn. 2016. “Delta Story.” New York Times, December 22, late edition."
    );
    // A book's worded edition is untouched.
    assert_eq!(reference(&refs, "Zeta book"), "Rabin, Roni Caryn. 2015. Zeta Book. Late ed.");
}

#[test]
fn a_newspapers_numbered_edition_is_edn_in_harvard() {
    let w = workdir();
    w.import_reading("np.csv", NEWS);
    let refs = w.references("harvard");
    assert_eq!(
        reference(&refs, "Hospital data"),
        "Smith, A. (2021) ‘Hospital data show racial gaps’, The Guardian. 2nd edn, 4 March, p. 14."
    );
    assert_eq!(
        reference(&refs, "Pulse oximeters"),
        "Rabin, R.C. (2020) ‘Pulse oximeters may mislead doctors about Black patients’, The New York Times. Late edn, 22 December, p. A1. Available at: https://www.nytimes.com/x."
    );
    assert_eq!(
        reference(&refs, "Beta story"),
        "Rabin, R.C. (2018) ‘Beta story’, The New York Times. National edn, 22 December, p. A1."
    );
}

#[test]
fn zoteros_section_of_a_newspaper_article_is_named_as_such() {
    let w = workdir();
    let err = w.import_reading(
        "znews.csv",
        "Key,Item Type,Publication Year,Author,Title,Publication Title,Date,Pages,Section,Place,Edition,Url
N1,newspaperArticle,2020,\"Rabin, Roni Caryn\",Pulse oximeters may mislead doctors about Black patients,The New York Times,2020-12-22,A1,Health,New York,Late edition,https://www.nytimes.com/x
",
    );
    assert!(
        err.contains(
            "znews.csv: column 9 \"Section\" is not read: a newspaper article's section (\"Health\", \"A\"), which canon has no field for; 1 row holds text there"
        ),
        "{err}"
    );
    assert!(!err.contains("legal case"), "{err}");
}

#[test]
fn zoteros_section_of_a_statute_or_of_both_kinds_is_named_so() {
    let w = workdir();
    let err = w.import_reading(
        "zlaw.csv",
        "Key,Item Type,Publication Year,Author,Title,Section
S1,statute,2010,,Equality Act 2010,149
",
    );
    assert!(
        err.contains(
            "column 6 \"Section\" is not read: a field of a legal case, statute, bill or hearing, which canon has no field for; 1 row holds text there"
        ),
        "{err}"
    );
    let w = workdir();
    let err = w.import_reading(
        "zboth.csv",
        "Key,Item Type,Publication Year,Author,Title,Publication Title,Section
S1,statute,2010,,Equality Act 2010,,149
N1,newspaperArticle,2020,\"Rabin, Roni Caryn\",Pulse oximeters,The New York Times,Health
",
    );
    assert!(
        err.contains(
            "column 7 \"Section\" is not read: a newspaper article's section, or a statute's, which canon has no field for; 2 rows hold text there"
        ),
        "{err}"
    );
}

const KING: &str = "@phdthesis{th,
  author = {Martin Luther {King, Jr.}},
  title = {A comparison of the conceptions of God},
  school = {Boston University},
  year = {1955}
}
@book{iii,
  author = {Martin Luther {King, III}},
  title = {Braced third},
  publisher = {Beacon},
  year = {2001}
}
@book{plain,
  author = {Jean {de La Fontaine}},
  title = {Fables},
  publisher = {Barbin},
  year = {1668}
}
";

#[test]
fn a_braced_family_and_suffix_is_read_as_both_and_said() {
    let w = workdir();
    let err = w.import_reading("edge.bib", KING);
    assert!(
        err.contains(
            "edge.bib:2:13: warning: in entry `th`: author \"Martin Luther King, Jr.\" was read as given name \"Martin Luther\", family name \"King\", suffix \"Jr.\"; BibTeX itself reads the braced \"King, Jr.\" as one family name: write it \"King, Jr., Martin Luther\" to be sure"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "author \"Martin Luther King, III\" was read as given name \"Martin Luther\", family name \"King\", suffix \"III\"; BibTeX itself reads the braced \"King, III\" as one family name: write it \"King, III, Martin Luther\" to be sure"
        ),
        "{err}"
    );
    assert!(!err.contains("Jr., Jr."), "{err}");
    let list = w.reading_list();
    let th = reading(&list, "A comparison");
    assert_eq!(
        author_parts(th, ["family", "given", "suffix"]),
        vec![["King", "Martin Luther", "Jr."].map(String::from)]
    );
    let iii = reading(&list, "Braced third");
    assert_eq!(
        author_parts(iii, ["family", "given", "suffix"]),
        vec![["King", "Martin Luther", "III"].map(String::from)]
    );
    // A braced family name without a suffix is BibTeX's as ever.
    let fables = reading(&list, "Fables");
    assert_eq!(
        author_parts(fables, ["family", "given", "suffix"]),
        vec![["de La Fontaine", "Jean", ""].map(String::from)]
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "A comparison"),
        "King ML Jr. A comparison of the conceptions of God [dissertation]. [place unknown]: Boston University; 1955."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "A comparison"),
        "King, M. L., Jr. (1955). A comparison of the conceptions of God [Doctoral dissertation, Boston University]."
    );
}

#[test]
fn a_braced_family_name_with_a_comma_inside_is_proposed_as_von_last_jr_first() {
    let w = workdir();
    let err = w.import_reading(
        "c.bib",
        "@book{c, author = {{King, Jr.}, Martin Luther}, title = {Braced first}, publisher = {Beacon}, year = {1958}}\n",
    );
    // Read since a102 (r100 F8's leftover) as family "King", suffix "Jr.",
    // as `Martin Luther {King, Jr.}` is, and said with BibTeX's own reading.
    assert!(
        err.contains("read as given name \"Martin Luther\", family name \"King\", suffix \"Jr.\"")
            && err.contains("write it \"King, Jr., Martin Luther\" to be sure"),
        "{err}"
    );
    assert!(!err.contains("King,,"), "{err}");
}

const CATALOGUE: &str = "title,authors,year,type,publisher,container,volume,pages
Medical apartheid: the dark history of medical experimentation,\"Washington, Harriet A.\",2006,book,Doubleday,,,
Medical apartheid : the dark history again,\"Washington, Harriet B.\",2007,book,Doubleday,,,
Pulse oximetry : a review of racial bias,\"Osei, Kwame\",2021,article,,Anaesthesia,76,1-9
";

#[test]
fn a_catalogues_spaced_colon_starts_a_subtitle_in_every_style() {
    let w = workdir();
    w.import_reading("mla.csv", CATALOGUE);
    let expect = [
        (
            "mla",
            [
                "Washington, Harriet B. Medical Apartheid: The Dark History Again. Doubleday, 2007.",
                "Osei, Kwame. “Pulse Oximetry: A Review of Racial Bias.” Anaesthesia, vol. 76, 2021, pp. 1–9.",
            ],
        ),
        (
            "chicago",
            [
                "Washington, Harriet B. 2007. Medical Apartheid: The Dark History Again. Doubleday.",
                "Osei, Kwame. 2021. “Pulse Oximetry: A Review of Racial Bias.” Anaesthesia 76: 1–9.",
            ],
        ),
        (
            "apa",
            [
                "Washington, H. B. (2007). Medical apartheid: The dark history again. Doubleday.",
                "Osei, K. (2021). Pulse oximetry: A review of racial bias. Anaesthesia, 76, 1–9.",
            ],
        ),
        (
            "harvard",
            [
                "Washington, H.B. (2007) Medical apartheid: the dark history again. Doubleday.",
                "Osei, K. (2021) ‘Pulse oximetry: a review of racial bias’, Anaesthesia, 76, pp. 1–9.",
            ],
        ),
        (
            "ama",
            [
                "Washington HB. Medical Apartheid: The Dark History Again. Doubleday; 2007.",
                "Osei K. Pulse oximetry: a review of racial bias. Anaesthesia. 2021;76:1-9.",
            ],
        ),
        (
            "ieee",
            [
                // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
                "H. B. Washington, Medical Apartheid: The Dark History Again. Doubleday, 2007.",
                "K. Osei, “Pulse oximetry: a review of racial bias,” Anaesthesia, vol. 76, pp. 1–9, 2021.",
            ],
        ),
        (
            "vancouver",
            [
                "Washington HB. Medical apartheid: the dark history again. [place unknown]: Doubleday; 2007.",
                "Osei K. Pulse oximetry: a review of racial bias. Anaesthesia. 2021;76:1-9.",
            ],
        ),
    ];
    for (style, [book, article]) in expect {
        let refs = w.references(style);
        assert_eq!(reference(&refs, "Medical apartheid: the dark history again"), book, "{style}");
        assert_eq!(reference(&refs, "Pulse oximetry"), article, "{style}");
    }
    // The colon without a space before it is cased alike.
    let mla = w.references("mla");
    assert_eq!(
        reference(&mla, "Medical apartheid: the dark history of"),
        "Washington, Harriet A. Medical Apartheid: The Dark History of Medical Experimentation. Doubleday, 2006."
    );
}

#[test]
fn mla_cites_a_proceedings_paper_with_its_publisher_and_series() {
    let w = workdir();
    w.import_reading(
        "conf.bib",
        "@inproceedings{conf,
  author = {Buolamwini, Joy and Gebru, Timnit},
  title = {Gender shades: intersectional accuracy disparities in commercial gender classification},
  booktitle = {Proceedings of the 1st Conference on Fairness, Accountability and Transparency},
  series = {Proceedings of Machine Learning Research},
  volume = {81},
  pages = {77--91},
  year = {2018},
  publisher = {PMLR},
  address = {New York}
}
@inproceedings{plain,
  author = {Osei, Kwame},
  title = {Bias in triage},
  booktitle = {Proceedings of the Health Equity Conference},
  editor = {Mensah, Ama},
  pages = {5--9},
  year = {2019},
  publisher = {ACM},
  address = {London}
}
",
    );
    let refs = w.references("mla");
    assert_eq!(
        reference(&refs, "Gender shades"),
        "Buolamwini, Joy, and Timnit Gebru. “Gender Shades: Intersectional Accuracy Disparities in Commercial Gender Classification.” Proceedings of the 1st Conference on Fairness, Accountability and Transparency, PMLR, 2018, pp. 77–91. Proceedings of Machine Learning Research 81."
    );
    assert_eq!(
        reference(&refs, "Bias in triage"),
        "Osei, Kwame. “Bias in Triage.” Proceedings of the Health Equity Conference, edited by Ama Mensah, ACM, 2019, pp. 5–9."
    );
}
