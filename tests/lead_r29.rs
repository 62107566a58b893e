//! Issue 12 (lead, r29), through the binary: roles, original dates,
//! e-prints, events and record types that were stored wrongly or not at all
//! (tester r27's findings F2, F7, F8, F10 and F11).

mod common;

use common::{reading, reference, workdir};

fn names(list: &serde_json::Value, title: &str, key: &str) -> Vec<String> {
    reading(list, title)[key]
        .as_array()
        .map(|a| a.iter().map(|n| n["original"].as_str().expect("a name as written").to_string()).collect())
        .unwrap_or_default()
}

/// biblatex `editortype` (biblatex manual §2.2.2) gives the role of the
/// `editor` list: a translator is a translator; a compiler or a foreword's
/// author is not an editor, so is never printed "(Ed.)", and is said.
#[test]
fn editortype_gives_the_editor_list_its_role() {
    let w = workdir();
    let err = w.import_reading(
        "t.bib",
        "@book{who, editor = {Marmot, Michael}, editortype = {compiler},\n\
         title = {Health equity in England: the Marmot review 10 years on},\n\
         publisher = {Institute of Health Equity}, location = {London}, date = {2020} }\n\
         @book{fanon, author = {Fanon, Frantz}, editor = {Philcox, Richard}, editortype = {Translator},\n\
         title = {The Wretched of the Earth}, publisher = {Grove Press}, year = {2004} }\n\
         @book{plain, author = {Kaur, Simran}, editor = {Osei, Ama}, editortype = {editor},\n\
         title = {Plainly edited}, publisher = {Pluto}, year = {2001} }\n",
    );
    assert!(
        err.contains("t.bib:1:40: warning: in entry `who`: editor \"Marmot, Michael\" has editortype \"compiler\""),
        "{err}"
    );
    assert!(err.contains("BibTeX editor (1 record), BibTeX editortype (1)"), "{err}");
    let list = w.reading_list();
    assert!(names(&list, "Health equity", "editor_names").is_empty());
    assert!(names(&list, "Health equity", "translator_names").is_empty());
    assert!(names(&list, "The Wretched", "editor_names").is_empty());
    assert_eq!(names(&list, "The Wretched", "translator_names"), ["Philcox, Richard"]);
    assert_eq!(names(&list, "Plainly edited", "editor_names"), ["Osei, Ama"]);
    let apa = w.references("apa");
    assert!(!reference(&apa, "Health equity").contains("Ed."), "{apa:?}");
    assert!(reference(&apa, "The Wretched").contains("(R. Philcox, Trans.)"), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "The Wretched").contains("Translated by Richard Philcox"), "{chicago:?}");
}

/// biblatex `origyear` (as older styles write `origdate`) and
/// `origlanguage`, and Zotero's "Original Date:" line in Extra (Zotero's
/// "Citing Fields from Extra"), give the original year and language.
#[test]
fn original_year_and_language_from_origyear_origlanguage_and_extra() {
    let w = workdir();
    let err = w.import_reading(
        "t.bib",
        "@book{fanon, author = {Fanon, Frantz}, title = {The Wretched of the Earth}, publisher = {Grove Press},\n\
         year = {2004}, origyear = {1961}, origlanguage = {french} }\n\
         @book{memmi, author = {Memmi, Albert}, title = {The Colonizer and the Colonized}, publisher = {Beacon},\n\
         year = {1991}, origlanguage = {Klingonese} }\n",
    );
    assert!(err.contains("t.bib:4:16: warning: in entry `memmi`: origlanguage \"Klingonese\" not stored"), "{err}");
    assert!(!err.contains("BibTeX origyear") && !err.contains("BibTeX origlanguage"), "{err}");
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publisher\",\"Extra\"\n\
         \"A1\",\"book\",\"2000\",\"Césaire, Aimé\",\"Discourse on Colonialism\",\"Monthly Review\",\"Original Date: 1955\nRead for week 3\"\n",
    );
    let list = w.reading_list();
    let fanon = reading(&list, "The Wretched");
    assert_eq!(fanon["original_year"], "1961");
    assert_eq!(fanon["original_language"], "fr");
    assert_eq!(fanon["translated"], true);
    assert!(reading(&list, "The Colonizer")["original_language"].is_null());
    let cesaire = reading(&list, "Discourse on Colonialism");
    assert_eq!(cesaire["original_year"], "1955");
    assert_eq!(cesaire["annotation"], "Read for week 3");
    let apa = w.references("apa");
    assert!(reference(&apa, "The Wretched").ends_with("(Original work published 1961)"), "{apa:?}");
    assert!(reference(&apa, "Discourse on").ends_with("(Original work published 1955)"), "{apa:?}");
}

/// An arXiv export's `eprint` with `archivePrefix` (and biblatex's
/// `eprinttype`, manual §3.13.7) gives the preprint's address and its
/// repository (APA 7 §10.8), and a `@misc` with an e-print is a preprint
/// (an article in its repository, as CSL-JSON's are), not a web page.
#[test]
fn an_eprint_gives_the_address_and_the_repository() {
    let w = workdir();
    let err = w.import_reading(
        "t.bib",
        "@misc{arxiv, author = {Zhang, Haoran and Lu, Amy X.},\n\
         title = {Hurtful words: quantifying biases in clinical contextual word embeddings}, year = {2020},\n\
         eprint = {2003.11515}, archiveprefix = {arXiv}, primaryclass = {cs.CL} }\n\
         @online{jstor, author = {Osei, Ama}, title = {A stable article}, year = {1999},\n\
         eprint = {2345678}, eprinttype = {jstor} }\n\
         @misc{own, author = {Osei, Ama}, title = {Its own address}, year = {2001}, url = {https://example.org/a},\n\
         eprint = {arXiv:2101.00001}, eprinttype = {arxiv} }\n",
    );
    // The entry with an address of its own keeps it; its e-print is stored
    // as the arXiv ID (b102: named as not stored before schema 0041).
    assert!(err.contains("BibTeX primaryclass (1 record)") && !err.contains("BibTeX eprint"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Its own address")["eprint"], "2101.00001");
    let list = w.reading_list();
    let z = reading(&list, "Hurtful words");
    assert_eq!(z["url"], "https://arxiv.org/abs/2003.11515");
    assert_eq!(z["publisher"], "arXiv");
    assert_eq!(z["type"], "article");
    assert_eq!(reading(&list, "A stable article")["url"], "https://www.jstor.org/stable/2345678");
    assert_eq!(reading(&list, "Its own address")["url"], "https://example.org/a");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Hurtful").ends_with("embeddings [Preprint]. arXiv. https://arxiv.org/abs/2003.11515"),
        "{apa:?}"
    );
}

/// CSL `event-place` is where an event was held, not the publisher's
/// place: never printed as the publisher's, and named when not kept.
#[test]
fn an_event_place_is_not_the_publisher_place() {
    let w = workdir();
    let err = w.import_reading(
        "t.json",
        r#"[{"id":"c1","type":"paper-conference","title":"Fairness in pulse oximetry",
  "author":[{"family":"Sjoding","given":"Michael W."}],"container-title":"Proceedings of CHIL",
  "event-title":"CHIL 2022","event-place":"Toronto","publisher":"PMLR","issued":{"date-parts":[[2022]]},"page":"1-10"},
 {"id":"c2","type":"paper-conference","title":"Same place twice","author":[{"family":"Osei","given":"Ama"}],
  "container-title":"Proceedings","publisher":"ACM","publisher-place":"New York","event-place":"New York",
  "issued":{"date-parts":[[2021]]}}]"#,
    );
    // Stored as the event's place since schema 0040 (tester r98 F2), never
    // as the publisher's.
    assert!(!err.contains("event-place"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Fairness in pulse")["event_place"], "Toronto");
    assert!(reading(&list, "Fairness in pulse")["place"].is_null());
    assert_eq!(reading(&list, "Same place twice")["place"], "New York");
    let vancouver = w.references("vancouver");
    // Citing Medicine ch. 3 prints the conference's place after the proceedings' title, never as the
    // publisher's place (r109).
    assert!(!reference(&vancouver, "Fairness").contains("Toronto:"), "{vancouver:?}");
    assert!(
        reference(&vancouver, "Fairness").contains("Proceedings of CHIL; Toronto. [place unknown]: PMLR"),
        "{vancouver:?}"
    );
}

/// A data set, software, a legal case or a statute says what it is from
/// every format alike (the genre, printed "[Data set]" by APA 7 §10.9):
/// RIS did, CSL-JSON, BibTeX, EndNote XML and Zotero's CSV did not.
#[test]
fn record_types_without_a_canon_type_keep_their_genre_in_every_format() {
    let w = workdir();
    w.import_reading(
        "t.json",
        r#"[{"id":"g","type":"dataset","title":"Survey data from JSON","author":[{"literal":"IHME"}],"publisher":"IHME","issued":{"date-parts":[[2020]]}},
 {"id":"s","type":"legislation","title":"Equality Act 2010","issued":{"date-parts":[[2010]]}}]"#,
    );
    w.import_reading(
        "t.bib",
        "@dataset{d, author = {{Office for National Statistics}}, title = {Survey data from BibTeX}, year = {2021}}\n\
         @software{s, author = {{R Core Team}}, title = {R: a language for statistics}, year = {2021}}\n\
         @misc{m, author = {Osei, Ama}, title = {A plain misc}, year = {2021}, type = {Poster}}\n",
    );
    w.import_reading(
        "t.xml",
        "<xml><records><record><ref-type name=\"Dataset\">59</ref-type><contributors><authors><author>Osei, Ama</author></authors></contributors>\
         <titles><title>Survey data from EndNote</title></titles><dates><year>2019</year></dates></record></records></xml>",
    );
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\"\n\
         \"K1\",\"dataset\",\"2018\",\"Osei, Ama\",\"Survey data from Zotero\"\n\
         \"K2\",\"computerProgram\",\"2018\",\"Osei, Ama\",\"A program from Zotero\"\n",
    );
    let list = w.reading_list();
    for t in ["Survey data from JSON", "Survey data from BibTeX", "Survey data from EndNote", "Survey data from Zotero"]
    {
        assert_eq!(reading(&list, t)["genre"], "Data set", "{t}");
    }
    assert_eq!(reading(&list, "Equality Act")["genre"], "Statute");
    assert_eq!(reading(&list, "R: a language")["genre"], "Computer software");
    assert_eq!(reading(&list, "A program from Zotero")["genre"], "Computer software");
    // A genre the file gives is its own.
    assert_eq!(reading(&list, "A plain misc")["genre"], "Poster");
    let apa = w.references("apa");
    for t in ["Survey data from JSON", "Survey data from BibTeX", "Survey data from EndNote", "Survey data from Zotero"]
    {
        assert!(reference(&apa, t).contains(&format!("{t} [Data set].")), "{apa:?}");
    }
}

/// Headline style (Chicago, AMA books) keeps a case name's "v.", a
/// statute's "c." and a version's "v2.1" as written (CMOS 17 §14.276), and
/// capitalises a title's last word even when it is a preposition (CMOS 17
/// §8.159: "10 Years On"); sentence-case styles are untouched.
#[test]
fn headline_style_keeps_abbreviations_small_and_capitalises_the_last_word() {
    let w = workdir();
    for args in [
        &[
            "--title",
            "Patients v. doctors: race vs. ethnicity in the clinic",
            "--type",
            "article",
            "--container",
            "BMJ",
        ][..],
        &["--title", "Montgomery v Lanarkshire Health Board", "--type", "other", "--container", "c. 15"],
        &["--title", "Risk scores", "--type", "other", "--edition", "v2.1"],
        &["--title", "Health equity in England: the Marmot review 10 years on", "--type", "book"],
        &["--title", "What the body is made of", "--type", "book"],
    ] {
        let mut all = vec!["reading", "add", "--year", "2020", "--status", "approved", "--by", "t"];
        all.extend_from_slice(args);
        w.ok(&all);
    }
    let chicago = w.references("chicago");
    assert!(
        reference(&chicago, "Patients").contains("“Patients v. Doctors: Race vs. Ethnicity in the Clinic.”"),
        "{chicago:?}"
    );
    assert!(reference(&chicago, "Montgomery").contains("Montgomery v Lanarkshire Health Board"), "{chicago:?}");
    assert!(reference(&chicago, "Montgomery").contains(" c. 15."), "{chicago:?}");
    assert!(reference(&chicago, "Risk scores").contains("v2.1"), "{chicago:?}");
    assert!(
        reference(&chicago, "Health equity").starts_with("Health Equity in England: The Marmot Review 10 Years On."),
        "{chicago:?}"
    );
    assert!(reference(&chicago, "What the body").starts_with("What the Body Is Made Of."), "{chicago:?}");
    let ama = w.references("ama");
    assert!(reference(&ama, "What the body").starts_with("What the Body Is Made Of."), "{ama:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "What the body").starts_with("What the body is made of."), "{apa:?}");
    assert!(
        reference(&apa, "Health equity").starts_with("Health equity in England: The Marmot review 10 years on."),
        "{apa:?}"
    );
}

/// An edition in words is printed with the style's word for edition
/// ("Revised ed.", Cite Them Right's "Revised edn"; Citing Medicine ch. 2,
/// APA 7 §9.23, CMOS 17 §14.113, AMA 11), and a version is no edition
/// (APA 7 §10.9, "(Version 1.0)"): the styles printed "Revised." and
/// "Version 1 ed.".
#[test]
fn editions_in_words_say_edition_and_versions_do_not() {
    let w = workdir();
    for (title, edition) in [
        ("Black skin, white masks", "Revised"),
        ("Orientalism", "25th anniversary"),
        ("Health survey data", "Version 1.0"),
        ("Already worded", "Expanded edition"),
        ("Numbered", "2"),
    ] {
        w.ok(&[
            "reading",
            "add",
            "--title",
            title,
            "--author",
            "Osei, Ama",
            "--year",
            "2008",
            "--type",
            "book",
            "--publisher",
            "Grove Press",
            "--place",
            "New York",
            "--edition",
            edition,
            "--status",
            "approved",
            "--by",
            "t",
        ]);
    }
    let apa = w.references("apa");
    assert!(reference(&apa, "Black skin").contains("(Rev. ed.)"), "{apa:?}");
    assert!(reference(&apa, "Orientalism").contains("(25th anniversary ed.)"), "{apa:?}");
    assert!(reference(&apa, "Health survey").contains("(Version 1.0)."), "{apa:?}");
    // Edition in APA's abbreviation, as any edition of words (tester r64 F4).
    assert!(reference(&apa, "Already worded").contains("(Expanded ed.)."), "{apa:?}");
    assert!(reference(&apa, "Numbered").contains("(2nd ed.)"), "{apa:?}");
    for style in ["vancouver", "chicago", "ama"] {
        let refs = w.references(style);
        assert!(reference(&refs, "Black skin").contains(" Rev. ed. "), "{style}: {refs:?}");
        assert!(reference(&refs, "Orientalism").contains(" 25th anniversary ed. "), "{style}: {refs:?}");
        assert!(reference(&refs, "Health survey").contains(" Version 1.0. "), "{style}: {refs:?}");
        assert!(!reference(&refs, "Already worded").contains("edition ed"), "{style}: {refs:?}");
    }
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "Black skin").contains(" Revised edn. "), "{harvard:?}");
    assert!(reference(&harvard, "Numbered").contains(" 2nd edn. "), "{harvard:?}");
    assert!(reference(&harvard, "Health survey").contains(" Version 1.0. "), "{harvard:?}");
}

/// A podcast episode is a podcast and names its podcast from every format:
/// CSL `broadcast` with the genre "Podcast" was stored as a video, and
/// Zotero's "Series Title" of a podcast item (its podcast) as a series no
/// style prints (APA 7 §10.13, "In *Podcast Name*").
#[test]
fn a_podcast_episode_names_its_podcast() {
    let w = workdir();
    w.import_reading(
        "p.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Url\",\"Date\",\"Series Title\"\n\
         \"P2\",\"podcast\",\"2021\",\"Thompson, Ayanna\",\"Colonial medicine\",\"https://example.org/pod/4\",\"2021-05-01\",\"Decolonising Health\"\n",
    );
    w.import_reading(
        "p.json",
        r#"[{"id":"pod","type":"broadcast","genre":"Podcast","title":"Race-based medicine","author":[{"family":"Roberts","given":"Dorothy"}],
 "container-title":"Code Switch","publisher":"NPR","URL":"https://www.npr.org/codeswitch","issued":{"date-parts":[[2020,6,3]]}},
 {"id":"tv","type":"broadcast","title":"A television programme","container-title":"Panorama","publisher":"BBC","issued":{"date-parts":[[2019]]}}]"#,
    );
    let list = w.reading_list();
    let zotero = reading(&list, "Colonial medicine");
    assert_eq!(zotero["type"], "podcast");
    assert_eq!(zotero["container"], "Decolonising Health");
    assert!(zotero["series"].is_null());
    assert_eq!(reading(&list, "Race-based medicine")["type"], "podcast");
    assert_eq!(reading(&list, "A television programme")["type"], "video");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Colonial medicine").contains("[Audio podcast episode]. In Decolonising Health."),
        "{apa:?}"
    );
    assert!(reference(&apa, "Race-based medicine").contains(". In Code Switch. NPR."), "{apa:?}");
}

/// A `.csl` file is given the original year as CSL `original-date` (CSL
/// 1.0.2 Appendix IV), for a book, a chapter (whose book is still its
/// container) and an article, so a journal's own style can print it.
#[test]
fn a_csl_file_is_given_the_original_date() {
    let w = workdir();
    let style = w.write(
        "probe.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Probe</title><id>probe</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=" | ">
    <text variable="title"/>
    <date variable="issued" prefix="issued="><date-part name="year"/></date>
    <date variable="original-date" prefix="orig="><date-part name="year"/></date>
    <text variable="container-title" prefix="in="/>
  </group></layout></bibliography>
</style>"#,
    );
    for (title, kind, container) in [
        ("A book", "book", None),
        ("A chapter", "chapter", Some("The book")),
        ("An article", "article", Some("The Lancet")),
    ] {
        let mut args = vec![
            "reading",
            "add",
            "--title",
            title,
            "--author",
            "Osei, Ama",
            "--year",
            "2004",
            "--original-year",
            "1961",
            "--type",
            kind,
            "--status",
            "approved",
            "--by",
            "t",
        ];
        if let Some(c) = container {
            args.extend(["--container", c]);
        }
        w.ok(&args);
    }
    let refs = w.references(style.to_str().expect("a UTF-8 path"));
    assert_eq!(reference(&refs, "A book"), "A book | issued=2004 | orig=1961.");
    assert_eq!(reference(&refs, "A chapter"), "A chapter | issued=2004 | orig=1961 | in=The book.");
    assert_eq!(reference(&refs, "An article"), "An article | issued=2004 | orig=1961 | in=The Lancet.");
}

/// AMA cites a web page's date as "Published December 16, 2022." (AMA 11
/// §3.15.1); an undated page has none.
#[test]
fn ama_says_when_a_web_page_was_published() {
    let w = workdir();
    w.import_reading(
        "w.json",
        r#"[{"id":"w","type":"webpage","title":"Health equity","author":[{"literal":"Centers for Disease Control and Prevention"}],"container-title":"CDC","URL":"https://www.cdc.gov/healthequity/","issued":{"date-parts":[[2022,12,16]]},"accessed":{"date-parts":[[2024,3,5]]}},
{"id":"w2","type":"webpage","title":"Year only page","author":[{"literal":"NHS"}],"container-title":"NHS","URL":"https://www.nhs.uk/x","issued":{"date-parts":[[2021]]},"accessed":{"date-parts":[[2024,3,5]]}},
{"id":"w3","type":"webpage","title":"Undated page","author":[{"literal":"NHS"}],"container-title":"NHS","URL":"https://www.nhs.uk/y","accessed":{"date-parts":[[2024,3,5]]}}]"#,
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Health equity"),
        "Centers for Disease Control and Prevention. Health equity. CDC. Published December 16, 2022. Accessed March 5, 2024. https://www.cdc.gov/healthequity/"
    );
    assert!(reference(&ama, "Year only").contains(" NHS. Published 2021. Accessed March 5, 2024."), "{ama:?}");
    assert!(!reference(&ama, "Undated").contains("Published"), "{ama:?}");
}

/// A legal case's page is the first page of its report ("347 U.S. 483"),
/// never read as a whole work's number of pages ("483 p.").
#[test]
fn a_legal_case_keeps_its_first_page() {
    let w = workdir();
    w.import_reading(
        "case.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Title\",\"Volume\",\"Pages\"\n\
         \"C1\",\"case\",\"1954\",\"Brown v. Board of Education\",\"347\",\"483\"\n",
    );
    let list = w.reading_list();
    let case = reading(&list, "Brown v. Board");
    assert_eq!(case["genre"], "Legal case");
    assert_eq!(case["pages"], "483");
    assert!(case["page_count"].is_null());
    let vancouver = w.references("vancouver");
    assert!(!reference(&vancouver, "Brown v. Board").contains("483 p."), "{vancouver:?}");
}

/// A journal written as its acronym ("NEJM") is the stored full name cut
/// short: it never replaces it (tester r29, D1), nor becomes the
/// abbreviation Vancouver cites (tester r31, D6).
#[test]
fn an_acronym_never_replaces_the_journal_name() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{v, author = {Vyas, Darshali A.}, title = {Hidden in plain sight}, journal = {The New England journal of medicine},\n\
         year = {2020}, volume = {383}, doi = {10.1056/NEJMms2004740}}\n",
    );
    let err = w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Hidden in plain sight\nAU  - Vyas, Darshali A.\nT2  - NEJM\nPY  - 2020\nDO  - 10.1056/NEJMms2004740\nER  - \n",
    );
    assert!(!err.contains("→ \"NEJM\""), "{err}");
    let list = w.reading_list();
    let v = reading(&list, "Hidden in plain sight");
    assert_eq!(v["container"], "The New England journal of medicine");
    // An acronym is no ISO 4 abbreviation for Vancouver to cite (tester r31,
    // D6): said, not kept as the abbreviation.
    assert!(v["container_short"].is_null());
    let vancouver = w.references("vancouver");
    assert!(!reference(&vancouver, "Hidden in plain sight").contains(". NEJM."), "{vancouver:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Hidden in plain sight").contains("The New England Journal of Medicine"), "{apa:?}");
}

/// A medium in the type-of-work field ("Print", MEDLINE's
/// "Print-Electronic") is not a genre: named, not stored, never printed
/// "[print on the Internet]" (tester r29, D2).
#[test]
fn a_medium_is_not_a_genre() {
    let w = workdir();
    let err = w.import_reading(
        "t.ris",
        "TY  - BOOK\nTI  - The wretched of the earth\nAU  - Fanon, Frantz\nPY  - 2004\nPB  - Grove Press\nM3  - Print\nER  - \n\
         TY  - RPRT\nTI  - A technical report\nAU  - Osei, Ama\nPY  - 2020\nM3  - Technical report\nER  - \n",
    );
    assert!(err.contains("genre \"Print\" (a medium, not a kind of work) (1 record)"), "{err}");
    let list = w.reading_list();
    assert!(reading(&list, "The wretched")["genre"].is_null());
    assert_eq!(reading(&list, "A technical report")["genre"], "Technical report");
    for style in ["vancouver", "apa", "chicago"] {
        let refs = w.references(style);
        assert!(!reference(&refs, "The wretched").to_lowercase().contains("print"), "{style}: {refs:?}");
    }
}

/// A CSL-JSON dropping particle is kept as canon's one particle, and said
/// (tester r29, D3).
#[test]
fn a_dropping_particle_is_said() {
    let w = workdir();
    let err = w.import_reading(
        "t.json",
        r#"[{"id":"p","type":"book","title":"Poussin's letters","author":[{"family":"Poussin","given":"Charles","dropping-particle":"de la"}],"issued":{"date-parts":[[1990]]}}]"#,
    );
    assert!(err.contains("has a dropping-particle, kept as a particle that stays with the family name"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Poussin")["author_names"][0]["particle"], "de la");
}

/// Vancouver gives a book's secondary authors after the edition, the
/// editors then the translators with "; " (Citing Medicine ch. 2; tester
/// r29, D5), and a chapter's own translators with the chapter; APA sets no full stop after a URL
/// before "(Original work published …)" (APA 7 §9.35, D6).
#[test]
fn vancouver_secondary_authors_follow_the_edition_and_apa_no_stop_after_a_url() {
    let w = workdir();
    w.import_reading(
        "t.bib",
        "@book{fanon, author = {Fanon, Frantz}, editor = {Philcox, Richard}, translator = {Sartre, Jean-Paul},\n\
         title = {The wretched of the earth}, edition = {3}, publisher = {Grove Press}, address = {New York}, year = {2004}}\n\
         @incollection{ch, author = {Césaire, Aimé}, translator = {Pinkham, Joan}, editor = {Kelley, Robin},\n\
         title = {Discourse on colonialism}, booktitle = {Collected}, publisher = {MR}, address = {New York}, year = {2000}, pages = {1--20}}\n\
         @article{web, author = {Owusu, Yaa}, title = {Accessed and original}, journal = {J A}, year = {2012},\n\
         origdate = {1961}, url = {https://e.org/x}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "The wretched"),
        "Fanon F. The wretched of the earth. 3rd ed. Philcox R, editor; Sartre JP, translator. New York: Grove Press; 2004."
    );
    assert!(
        reference(&v, "Discourse")
            .contains("Discourse on colonialism. Pinkham J, translator. In: Kelley R, editor. Collected."),
        "{v:?}"
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "Accessed and original").ends_with("https://e.org/x (Original work published 1961)"),
        "{apa:?}"
    );
}

/// Tester r30: a web address is printed as stored in every style, whatever
/// words of the reference it holds (AMA put a report's series before the
/// publisher's name inside the address: "https://www.NICE guideline.
/// nice.org.uk/…").
#[test]
fn an_address_is_never_written_into() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,url,publisher,place,series,issue,container\n\
         Chronic kidney disease,National Institute for Health and Care Excellence,2021,report,https://www.nice.org.uk/guidance/ng203,NICE,London,NICE guideline,NG203,\n\
         Test two,World Health Organization,2020,report,https://www.who.int/publications/i/item/123,WHO,Geneva,WHO guideline,X1,\n\
         Lancet page,\"Osei, Ama\",2020,article,https://www.thelancet.com/lancet/article,,,,2,Lancet\n",
    );
    for style in ["vancouver", "apa", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        for (title, url) in [
            ("Chronic kidney", "https://www.nice.org.uk/guidance/ng203"),
            ("Test two", "https://www.who.int/publications/i/item/123"),
            ("Lancet page", "https://www.thelancet.com/lancet/article"),
        ] {
            assert!(reference(&refs, title).contains(url), "{style}: {}", reference(&refs, title));
        }
    }
    let ama = w.references("ama");
    assert!(reference(&ama, "Chronic kidney").contains(". NICE guideline. NICE; 2021."), "{ama:?}");
}

/// Tester r30: what an exporter writes in a field of another meaning is
/// read for what it is: EndNote's RIS `ET` of a journal article is its Epub
/// date (named, never an edition); a CSL-JSON preprint's `number` is its ID
/// in the repository (named, never an article number in the date); an
/// EndNote thesis's `volume` is its degree; EndNote's "Translated Author"
/// is no translator.
#[test]
fn fields_that_mean_something_else_in_their_type() {
    let w = workdir();
    let err = w.import_reading(
        "e.ris",
        "TY  - JOUR\nTI  - Hidden in plain sight\nAU  - Vyas, Darshali A.\nT2  - N Engl J Med\nPY  - 2020\nET  - 2020/06/18\nVL  - 383\nER  - \n\
         TY  - BOOK\nTI  - A book with an edition\nAU  - Osei, Ama\nPY  - 2020\nET  - 2\nER  - \n",
    );
    assert!(err.contains("RIS ET (a journal article's Epub Date"), "{err}");
    let err = w.import_reading(
        "p.json",
        r#"[{"id":"A1","type":"article","title":"Racial disparities in COVID-19 outcomes","publisher":"medRxiv","number":"2021.01.01.21249123",
  "DOI":"10.1101/2021.01.01.21249123","author":[{"family":"Chen","given":"Wei"}],"issued":{"date-parts":[[2021,1,3]]},"genre":"Preprint"}]"#,
    );
    assert!(err.contains("CSL-JSON number (a preprint's ID in its repository)"), "{err}");
    let err = w.import_reading(
        "t.xml",
        "<xml><records><record><ref-type name=\"Thesis\">32</ref-type><contributors><authors><author>Osei, Jane</author></authors></contributors>\
         <titles><title>Race and the spirometer</title></titles><dates><year>2019</year></dates><volume>PhD</volume>\
         <publisher>LSHTM</publisher></record>\
         <record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Fanon, Frantz</author></authors>\
         <translated-authors><author>Фанон, Франц</author></translated-authors></contributors>\
         <titles><title>The wretched of the earth</title></titles><dates><year>2004</year></dates></record></records></xml>",
    );
    assert!(err.contains("translated-authors/author (the authors' names in translation, not the translator)"), "{err}");
    let list = w.reading_list();
    assert!(reading(&list, "Hidden in plain sight")["edition"].is_null());
    assert_eq!(reading(&list, "A book with an edition")["edition"], "2");
    assert!(reading(&list, "Racial disparities")["pages"].is_null());
    let thesis = reading(&list, "Race and the spirometer");
    assert!(thesis["volume"].is_null());
    assert_eq!(thesis["genre"], "PhD thesis");
    let chicago = w.references("chicago");
    assert!(
        !reference(&chicago, "Racial disparities").replace("10.1101/2021.01.01.21249123", "").contains("21249123"),
        "{chicago:?}"
    );
    let apa = w.references("apa");
    assert!(!reference(&apa, "Race and the spirometer").contains(": PhD"), "{apa:?}");
}

/// Tester r30: an issue range has the style's dash, as the pages have it
/// (Citing Medicine ch. 1, AMA 11: "53(1-2):45-52"), and AMA gives a
/// prefixed page range in full ("A12-A14").
#[test]
fn issue_ranges_take_the_page_dash_and_ama_pages_are_inclusive() {
    let w = workdir();
    for (title, issue, pages) in [("Double issue", "1-2", "45-52"), ("Supplement page", "Suppl 2", "A12-4")] {
        w.ok(&[
            "reading",
            "add",
            "--title",
            title,
            "--author",
            "Osei, Ama",
            "--year",
            "2019",
            "--type",
            "article",
            "--container",
            "Medical Education",
            "--volume",
            "53",
            "--issue",
            issue,
            "--pages",
            pages,
            "--status",
            "approved",
            "--by",
            "t",
        ]);
    }
    for style in ["vancouver", "ama"] {
        let refs = w.references(style);
        assert!(reference(&refs, "Double issue").contains("2019;53(1-2):45-52."), "{style}: {refs:?}");
    }
    assert!(reference(&w.references("apa"), "Double issue").contains("53(1–2), 45–52."));
    assert!(reference(&w.references("ama"), "Supplement page").contains(":A12-A14."));
}

/// Tester r30: a preprint exported as BibTeX (Zotero's `@misc` with
/// `publisher = {medRxiv}`; biblatex's `@online` with `eprinttype =
/// {medRxiv}` and `pubstate = {prepublished}`) is cited as a preprint in
/// its repository, as the same work from CSL-JSON is (APA 7 §10.8, AMA 11).
#[test]
fn bibtex_preprints_are_preprints() {
    let w = workdir();
    let err = w.import_reading(
        "p.bib",
        "@misc{chen, title = {Racial disparities in {COVID}-19 outcomes}, doi = {10.1101/2021.01.01.21249123},\n\
         publisher = {medRxiv}, author = {Chen, Wei and Adeyemi, Tolu}, year = {2021}}\n\
         @online{kaur, author = {Kaur, Simran}, title = {Colonial epidemiology}, date = {2022-02-01},\n\
         eprint = {2022.02.01.22270000}, eprinttype = {medRxiv}, pubstate = {prepublished}}\n",
    );
    assert!(!err.contains("publication state") && !err.contains("BibTeX eprint"), "{err}");
    let list = w.reading_list();
    for t in ["Racial disparities", "Colonial epidemiology"] {
        assert_eq!(reading(&list, t)["type"], "article", "{t}");
        assert_eq!(reading(&list, t)["publisher"], "medRxiv", "{t}");
    }
    assert_eq!(reading(&list, "Colonial epidemiology")["genre"], "Preprint");
    assert_eq!(reading(&list, "Colonial epidemiology")["url"], "https://doi.org/10.1101/2022.02.01.22270000");
    let apa = w.references("apa");
    for t in ["Racial disparities", "Colonial epidemiology"] {
        assert!(reference(&apa, t).contains("[Preprint]. medRxiv."), "{apa:?}");
    }
    let ama = w.references("ama");
    assert!(reference(&ama, "Racial disparities").contains("medRxiv. Preprint posted online 2021."), "{ama:?}");
}

/// Tester r29, D9: a DOI that names another stored work is refused at the
/// DOI's line and column, not at the entry's "1:1".
#[test]
fn a_doi_of_another_work_is_refused_at_the_doi() {
    let w = workdir();
    w.import_reading(
        "d1.bib",
        "@article{a, author = {Vyas, D.}, title = {Hidden in plain sight reconsidering race}, journal = {NEJM}, year = {2020}, doi = {10.1056/nejmms2004740}}\n",
    );
    w.write(
        "d2.bib",
        "@article{b, author = {Kidney, K.}, title = {Completely unrelated paper about kidneys}, journal = {Kid}, year = {2011}, doi = {10.1056/nejmms2004740}}\n",
    );
    let err = w.fails(&["import", "reading", w.path("d2.bib").to_str().expect("a UTF-8 path")]);
    assert!(err.contains("d2.bib:1:120: DOI 10.1056/nejmms2004740 is already entry"), "{err}");
}

/// Tester r29, D7: AMA gives the season of an article it dates by month
/// ("J A. Summer 2004."), and a paper in published proceedings is dated by
/// its year alone, as a chapter is (no "Proceedings …, Winter" in Chicago,
/// no "2020 Winter:45-50" in AMA).
#[test]
fn seasons_where_the_manuals_print_them() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Date season",
        "--author",
        "Diallo, F",
        "--year",
        "2004",
        "--season",
        "Summer",
        "--type",
        "article",
        "--container",
        "J A",
        "--status",
        "approved",
        "--by",
        "t",
    ]);
    w.import_reading(
        "pr.bib",
        "@proceedings{conf, title = {Proceedings of the Decolonising Medicine Conference}, editor = {Ali, Zainab},\n\
         publisher = {Springer}, year = {2020}, month = {winter}}\n\
         @inproceedings{child2, author = {Baptiste, Rene}, title = {Decolonial pedagogy in anatomy}, crossref = {conf}, pages = {45--50}}\n",
    );
    let ama = w.references("ama");
    assert_eq!(reference(&ama, "Date season"), "Diallo F. Date season. J A. Summer 2004.");
    assert!(reference(&ama, "Decolonial pedagogy").ends_with("Springer; 2020:45-50."), "{ama:?}");
    let chicago = w.references("chicago");
    assert!(!reference(&chicago, "Decolonial pedagogy").contains("Winter"), "{chicago:?}");
}

/// Tester r31, D1 and D7: an edition written "21e", "Ed. 4" or
/// "Twenty-first" is its ordinal ("21st ed."), and the edition rule never
/// writes into a title that holds the same words ("…, 21e").
#[test]
fn editions_in_more_written_forms_and_titles_untouched() {
    let w = workdir();
    for (title, edition) in [
        ("Harrison's Principles of Internal Medicine, 21e", "21e"),
        ("Book four", "Ed. 4"),
        ("Book twenty-one", "Twenty-first"),
    ] {
        w.ok(&[
            "reading",
            "add",
            "--title",
            title,
            "--author",
            "Loscalzo, J",
            "--year",
            "2022",
            "--type",
            "book",
            "--publisher",
            "McGraw-Hill",
            "--edition",
            edition,
            "--status",
            "approved",
            "--by",
            "t",
        ]);
    }
    for style in ["vancouver", "chicago", "ama"] {
        let refs = w.references(style);
        let harrison = reference(&refs, "Harrison's");
        assert!(harrison.contains("Internal Medicine, 21e. 21st ed."), "{style}: {harrison}");
        assert!(reference(&refs, "Book four").contains(" 4th ed."), "{style}: {refs:?}");
        assert!(reference(&refs, "Book twenty-one").contains(" 21st ed."), "{style}: {refs:?}");
    }
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "Harrison's").contains("Internal Medicine, 21e. 21st edn."), "{harvard:?}");
}

/// Tester r31, D2: a web address without its scheme ("www.who.int/…") is
/// stored with "https://" and said; text that is no address is said and
/// not stored; `reading add --url` does the same or refuses; no reference
/// falls back to its title and year for it.
#[test]
fn web_addresses_without_a_scheme() {
    let w = workdir();
    let err = w.import_reading(
        "u.csv",
        "title,authors,year,type,url,container,accessed\n\
         W1 Health topics,World Health Organization,2023,web,www.who.int/health-topics/health-equity,WHO,2024-03-05\n\
         U7,\"Osei, Ama\",2020,web,see library shelf,,\n",
    );
    assert!(err.contains("u.csv:2:5: warning: url \"www.who.int/health-topics/health-equity\" has no scheme; stored as \"https://www.who.int/health-topics/health-equity\""), "{err}");
    assert!(err.contains("u.csv:3:5: warning: url \"see library shelf\" is not a web address"), "{err}");
    let added = w.ok_stderr(&[
        "reading",
        "add",
        "--title",
        "W2",
        "--year",
        "2021",
        "--type",
        "web",
        "--url",
        "www.example.org/x",
        "--by",
        "t",
    ]);
    assert!(added.contains("has no scheme; stored as \"https://www.example.org/x\""), "{added}");
    let refused = w.fails(&[
        "reading", "add", "--title", "W3", "--year", "2021", "--type", "web", "--url", "shelf 3", "--by", "t",
    ]);
    assert!(refused.contains("--url \"shelf 3\" is not a web address"), "{refused}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "W1 Health")["url"], "https://www.who.int/health-topics/health-equity");
    assert!(reading(&list, "U7")["url"].is_null());
    assert_eq!(reading(&list, "W2")["url"], "https://www.example.org/x");
    let apa = w.references("apa");
    assert!(reference(&apa, "W1 Health").contains("https://www.who.int/health-topics/health-equity"), "{apa:?}");
}

/// Tester r31, D3: a `.enw` of Refer tags without EndNote's `%0` line is
/// named as the format canon does not read, never read as a CSV.
#[test]
fn refer_tags_are_named_not_read_as_csv() {
    let w = workdir();
    w.write("cite.enw", "%A Fanon, Frantz\n%T The wretched of the earth\n%D 2004\n");
    let err = w.fails(&["import", "reading", w.path("cite.enw").to_str().expect("a UTF-8 path")]);
    assert!(err.contains("is EndNote's tagged format (.enw), which canon does not read"), "{err}");
    assert!(!err.contains("--map"), "{err}");
}

/// Tester r31, D5: a program's or data set's version is kept as "Version
/// 1.0" from RIS `ET`, CSL-JSON `version`, biblatex `version` and Zotero's
/// "Version", and no style prints "1.0 ed.".
#[test]
fn software_versions_are_versions() {
    let w = workdir();
    w.import_reading(
        "k.ris",
        "TY  - COMP\nTI  - eGFR calculator\nAU  - Diao, James A.\nPY  - 2020\nET  - 1.0\nPB  - GitHub\nER  - \n",
    );
    w.import_reading(
        "k.json",
        r#"[{"id":"s","type":"software","title":"Raceless tool","author":[{"family":"Osei","given":"Ama"}],"version":"2.1","publisher":"Zenodo","issued":{"date-parts":[[2021]]}}]"#,
    );
    w.import_reading(
        "k.bib",
        "@software{r, author = {Kaur, Simran}, title = {Spirometry package}, version = {v3.0.1}, year = {2022}}\n",
    );
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Version\"\n\"K\",\"computerProgram\",\"2019\",\"Osei, Ama\",\"Zotero program\",\"4.2\"\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "eGFR calculator")["edition"], "Version 1.0");
    assert_eq!(reading(&list, "Raceless tool")["edition"], "Version 2.1");
    assert_eq!(reading(&list, "Spirometry package")["edition"], "Version 3.0.1");
    assert_eq!(reading(&list, "Zotero program")["edition"], "Version 4.2");
    for style in ["vancouver", "apa", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        for r in refs.values() {
            assert!(!r.contains(" ed.") && !r.contains(" edn"), "{style}: {r}");
        }
    }
    assert!(reference(&w.references("apa"), "eGFR calculator").contains("(Version 1.0) [Computer software]"));
}

/// Tester r31, D4: Chicago puts a web page's site after its title whatever
/// case the style gave it ("(Camara Jones Blog)" after the author for a
/// stored "Camara Jones blog"), and the author's works of one year get
/// their letters (CMOS 17 §15.19).
#[test]
fn chicago_site_names_after_the_title_and_lettered() {
    let w = workdir();
    for c in ["WHO", "WHO website", "Camara Jones blog"] {
        let url = format!("https://example.org/{}", c.len());
        w.ok(&[
            "reading",
            "add",
            "--title",
            &format!("Page about {c}"),
            "--author",
            "Smith, Anna",
            "--year",
            "2023",
            "--type",
            "web",
            "--container",
            c,
            "--url",
            &url,
            "--status",
            "approved",
            "--by",
            "t",
        ]);
    }
    let chicago = w.references("chicago");
    let blog = reference(&chicago, "Page about Camara");
    assert!(blog.starts_with("Smith, Anna. 2023a. “Page About Camara Jones Blog.” Camara Jones blog. "), "{blog}");
    assert!(reference(&chicago, "Page about WHO website").starts_with("Smith, Anna. 2023c."), "{chicago:?}");
}

/// Tester r31, D16: a DOI written as a web address has the characters a
/// URL cannot hold percent-encoded (DOI Handbook §2.5.2.4); written alone
/// it stays as published.
#[test]
fn a_doi_address_is_percent_encoded() {
    let w = workdir();
    w.import_reading(
        "dd.csv",
        "title,authors,year,type,container,doi\nSICI paper,\"Osei, Ama\",1999,article,J Clin Psychol,\"10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2\"\n",
    );
    let encoded = "https://doi.org/10.1002/(SICI)1097-4679(199911)55:11%3C1423::AID-JCLP12%3E3.0.CO;2-2";
    for style in ["apa", "chicago", "harvard"] {
        assert!(reference(&w.references(style), "SICI").contains(encoded), "{style}");
    }
    assert!(
        reference(&w.references("vancouver"), "SICI").contains("doi:10.1002/(SICI)1097-4679(199911)55:11<1423::AID")
    );
}

/// Tester r31, D15: a brace left open in a BibTeX value is said where the
/// value opens, with the field it ran over, not at the entry's `@`.
#[test]
fn an_unclosed_brace_is_said_at_its_value() {
    let w = workdir();
    w.write(
        "bad.bib",
        "@article{a, author = {Osei, A}, title = {Fine}, year = {2020}}\n\n@article{b,\n  author = {Mensah, K},\n  title = {Broken {record},\n  year = {2021}\n}\n",
    );
    let err = w.fails(&["import", "reading", w.path("bad.bib").to_str().expect("a UTF-8 path")]);
    assert!(err.contains("bad.bib:5:11: entry `b`: the value of `title` opened here runs on over `year = …`"), "{err}");
}

/// Tester r31, D13 and D17: a package's name in small letters keeps its
/// case in headline style ("raceless-egfr"), and a `.csl` file's own prefix
/// before an article number is printed.
#[test]
fn package_names_and_csl_prefixes_as_written() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "raceless-egfr",
        "--author",
        "Osei, Ama",
        "--year",
        "2022",
        "--type",
        "other",
        "--genre",
        "Computer software",
        "--status",
        "approved",
        "--by",
        "t",
    ]);
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Structural violence",
        "--author",
        "Farmer, Paul",
        "--year",
        "2006",
        "--type",
        "article",
        "--container",
        "PLoS Medicine",
        "--volume",
        "3",
        "--pages",
        "e449",
        "--status",
        "approved",
        "--by",
        "t",
    ]);
    assert!(reference(&w.references("chicago"), "raceless").contains("“raceless-egfr.”"));
    let style = w.write(
        "p.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>P</title><id>p</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><text variable="title"/><text variable="page" prefix=", pp. "/></layout></bibliography>
</style>"#,
    );
    let refs = w.references(style.to_str().expect("a UTF-8 path"));
    assert_eq!(reference(&refs, "Structural violence"), "Structural violence, pp. e449.");
}

/// Tester r31, D11: a crossref child's book keeps its subtitle (the
/// parent's `subtitle` is the child's `booksubtitle`, biblatex manual
/// Appendix B), as the parent's own reference prints it.
#[test]
fn a_crossref_child_inherits_the_book_subtitle() {
    let w = workdir();
    let err = w.import_reading(
        "cr.bib",
        "@book{parent, title = {Reimagining Global Health}, subtitle = {An Introduction}, editor = {Farmer, Paul and Kim, Jim Yong},\n\
         publisher = {University of California Press}, address = {Berkeley}, year = {2013}}\n\
         @incollection{child, author = {Basilico, Matthew}, title = {Health for all?}, crossref = {parent}, pages = {31--40}}\n\
         @incollection{own, author = {Osei, Ama}, title = {Another chapter}, booktitle = {A Book}, booksubtitle = {Its Subtitle},\n\
         publisher = {Pluto}, year = {2001}}\n",
    );
    assert!(!err.contains("booksubtitle") && !err.contains("booktitle"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Health for all")["container"], "Reimagining Global Health: An Introduction");
    assert_eq!(reading(&list, "Another chapter")["container"], "A Book: Its Subtitle");
}

/// Tester r31, D12: AMA names a data set's or program's publisher before
/// its year (AMA 11: "Title. Version. Publisher; year.").
#[test]
fn ama_names_the_publisher_of_a_data_set() {
    let w = workdir();
    w.import_reading(
        "d.json",
        r#"[{"id":"d","type":"dataset","title":"Kidney function by ancestry","author":[{"family":"Inker","given":"Lesley"}],"publisher":"Dryad","version":"2","issued":{"date-parts":[[2021]]},"DOI":"10.5061/dryad.abc123"}]"#,
    );
    let ama = w.references("ama");
    assert!(reference(&ama, "Kidney function").contains(" Dryad; 2021."), "{ama:?}");
}

/// Tester r32: `report --style harvard` exited 101 with a panic inside
/// hayagriva (given-name disambiguation "by cite") for two works of one
/// year whose author lists are one the other with more names; every style
/// now formats them, lettered.
#[test]
fn author_lists_one_longer_than_the_other_do_not_stop_a_report() {
    let w = workdir();
    w.import_reading(
        "min.bib",
        "@article{n4, author = {Abara, Ada and Bello, Bola and Chen, Cai and Diallo, Dia}, title = {Study with 4 authors}, journal = {Lancet}, year = {2020}}\n\
         @article{n5, author = {Abara, Ada and Bello, Bola and Chen, Cai and Diallo, Dia and Eze, Emeka}, title = {Study with 5 authors}, journal = {Lancet}, year = {2020}}\n\
         @article{n7, author = {Abara, Ada and Bello, Bola and Chen, Cai and Diallo, Dia and Eze, Emeka and Fofana, Fa and Gyan, Gi}, title = {Study with 7 authors}, journal = {BMJ}, year = {2021}}\n\
         @article{n8, author = {Abara, Ada and Bello, Bola and Chen, Cai and Diallo, Dia and Eze, Emeka and Fofana, Fa and Gyan, Gi and Hu, He}, title = {Study with 8 authors}, journal = {BMJ}, year = {2021}}\n",
    );
    for style in ["harvard", "apa", "chicago", "vancouver", "ama"] {
        let refs = w.references(style);
        assert_eq!(refs.len(), 4, "{style}: {refs:?}");
    }
    let harvard = w.references("harvard");
    assert_eq!(reference(&harvard, "Study with 4"), "Abara, A. et al. (2020a) ‘Study with 4 authors’, Lancet.");
    assert_eq!(reference(&harvard, "Study with 5"), "Abara, A. et al. (2020b) ‘Study with 5 authors’, Lancet.");
}

/// Tester r32: an "in press" entry and its published version (same first
/// author and title, the journal abbreviated) are one record (tester r68 F7;
/// they were flagged as a possible duplicate); a RIS date with a month and a season keeps the month and
/// says so (Vancouver printed "2020 Spring May"); "1-300" on a whole book
/// is its extent; a cell split at "and" and commas is warned about whole.
#[test]
fn r32_in_press_twins_dates_extents_and_cell_warnings() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{p1, author = {Achebe, Ngozi}, title = {Colonial archives and clinical knowledge},\n\
         journal = {Social Science \\& Medicine}, year = {in press}}\n",
    );
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,container,volume,pages\n\
         Colonial archives and clinical knowledge,\"Achebe, N.\",2022,article,Soc Sci Med,310,115001\n\
         A three author paper,\"Achebe, Ngozi, Byrne, Siobhan and Castillo, Luis\",2021,article,BMJ,1,1-2\n",
    );
    // One work before and after publication: the state ended, not a second record (tester r68 F7).
    assert!(err.contains("(same title, first author and journal, before and after publication)"), "{err}");
    assert!(err.contains("publication state \"in press\" ended"), "{err}");
    assert!(err.contains("read as 3 names \"Family, Given\" (Achebe, Ngozi; Byrne, Siobhan; Castillo, Luis)"), "{err}");
    let err = w.import_reading(
        "r.ris",
        "TY  - RPRT\nTI  - Social determinants report\nAU  - World Health Organization\nY1  - 2020/05/01/Spring\nPB  - WHO\nER  - \n",
    );
    assert!(err.contains("season \"spring\" not stored: the date has a month too (May)"), "{err}");
    w.import_reading(
        "m.nbib",
        "PMID- 55555555\nTI  - Cultural competence in clinical practice.\nPT  - Book\nFED - Smith, Anna\nPB  - StatPearls Publishing\nDP  - 2017\nPG  - 1-300\n",
    );
    let list = w.reading_list();
    let book = reading(&list, "Cultural competence");
    assert!(book["pages"].is_null());
    assert_eq!(book["page_count"], "300");
    assert!(!reference(&w.references("vancouver"), "Social determinants").contains("Spring May"));
    assert!(!reference(&w.references("apa"), "Cultural competence").contains("pp. 1"));
}
