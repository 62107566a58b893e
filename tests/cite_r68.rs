//! Tester r68: a CSL-JSON, biblatex or CSV original title cited as PubMed's
//! record of the same work is (F3); a journal's name that begins with an
//! acronym title-cased (F10); an unknown CSL-JSON season said (F6); BibTeX
//! math sub- and superscripts kept (F8).

mod common;

use common::{Workdir, reading, reference};

const NBIB: &str = "PMID- 31234567
OWN - NLM
STAT- In-Data-Review
VI  - 46
IP  - 3
DP  - 2019 Mar
TI  - [Racism in medical education: a qualitative study among students].
PG  - 201-9
FAU - Müller, Anna-Lena
AU  - Müller AL
FAU - Al-Khatib, Hamza
AU  - Al-Khatib H
LA  - ger
PT  - Journal Article
TT  - Rassismus in der medizinischen Ausbildung: eine qualitative Studie unter
      Studierenden.
TA  - GMS J Med Educ
JT  - GMS journal for medical education
SO  - GMS J Med Educ. 2019 Mar;46(3):201-9.
";

const JSON: &str = r#"[{"id":"M1","type":"article-journal",
 "title":"Racism in medical education: a qualitative study among students",
 "original-title":"Rassismus in der medizinischen Ausbildung: eine qualitative Studie unter Studierenden",
 "container-title":"GMS journal for medical education","language":"de",
 "author":[{"family":"Müller","given":"Anna-Lena"},{"family":"Al-Khatib","given":"Hamza"}],
 "issued":{"date-parts":[[2019,3]]},"volume":"46","issue":"3","page":"201-209"}]"#;

const TRANSLATION: &str = "[Racism in medical education: a qualitative study among students]";
const ORIGINAL: &str = "Rassismus in der medizinischen Ausbildung: eine qualitative Studie unter Studierenden";

/// F3: a CSL-JSON item in German under its English title, with its German
/// `original-title`, is stored as PubMed stores the work (the translation in
/// brackets, the original beside it) and cited the same in every style.
#[test]
fn csl_json_translated_title_is_stored_and_cited_as_medline_does() {
    let json = Workdir::new();
    json.import_reading("a.json", JSON);
    let nbib = Workdir::new();
    nbib.import_reading("a.nbib", NBIB);
    for w in [&json, &nbib] {
        let list = w.reading_list();
        let r = reading(&list, "[Racism");
        assert_eq!(r["title"], TRANSLATION, "{r:#}");
        assert_eq!(r["original_title"], ORIGINAL, "{r:#}");
    }
    // (r95: AMA too, which gives "both … the non-English-language title
    // first, followed by the English translation, in brackets" (AMA 11
    // §3.9.2); its translation alone would need "[in German]", which it
    // lacked. Vancouver keeps Citing Medicine's translation alone with the
    // language after it.)
    for style in ["apa", "chicago", "harvard", "ama"] {
        let r = json.references(style);
        let cited = reference(&r, "[Racism");
        assert!(cited.contains("Rassismus in der medizinischen"), "{style}: {cited}");
        assert!(cited.contains("[Racism in medical education"), "{style}: {cited}");
    }
    let r = json.references("vancouver");
    let cited = reference(&r, "[Racism");
    assert!(cited.contains("[Racism in medical education: a qualitative study among students]."), "vancouver: {cited}");
    assert!(!cited.contains("Rassismus"), "vancouver: {cited}");
}

/// F3: in either order, PubMed's record and the CSL-JSON item of one work
/// (no DOI: matched by title) are one record with one title.
#[test]
fn nbib_and_csl_json_of_one_translated_work_are_one_record_in_either_order() {
    for order in [["a.nbib", "a.json"], ["a.json", "a.nbib"]] {
        let w = Workdir::new();
        for name in order {
            w.import_reading(name, if name.ends_with("nbib") { NBIB } else { JSON });
        }
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{order:?}: {list:#}");
        assert_eq!(list[0]["title"], TRANSLATION, "{order:?}: {list:#}");
        assert_eq!(list[0]["original_title"], ORIGINAL, "{order:?}: {list:#}");
        let apa = w.references("apa");
        let cited = reference(&apa, "[Racism");
        assert!(cited.contains("Rassismus in der medizinischen Ausbildung"), "{order:?}: {cited}");
    }
}

/// F3, the tester's Hebrew and French items: the original first in APA,
/// the bracketed translation with the language in Vancouver.
#[test]
fn hebrew_and_french_items_cite_their_original_titles() {
    let w = Workdir::new();
    w.import_reading(
        "h.json",
        r#"[{"id":"A4","type":"article-journal",
   "title":"Sickle cell disease care in Israel: a bilingual patient survey",
   "original-title":"טיפול באנמיה חרמשית בישראל: סקר מטופלים דו-לשוני",
   "container-title":"Harefuah","language":"he",
   "author":[{"family":"כהן","given":"שרה"},{"family":"Haddad","given":"Rami"}],
   "issued":[{"date-parts":[2017,6]}],"volume":"156","issue":"6","page":"370-374"},
 {"id":"F1","type":"article-journal",
   "title":"Colonial psychiatry in French West Africa",
   "original-title":"La psychiatrie coloniale en Afrique occidentale française",
   "container-title":"Revue d'histoire de la médecine","language":"fr",
   "author":[{"family":"Collignon","given":"René"}],
   "issued":{"date-parts":[[2004]]},"volume":"12","page":"45-60"}]"#,
    );
    let apa = w.references("apa");
    assert!(
        reference(&apa, "[Colonial").contains(
            "La psychiatrie coloniale en Afrique occidentale française [Colonial psychiatry in French West Africa]"
        ),
        "{apa:?}"
    );
    assert!(reference(&apa, "[Sickle").contains("טיפול באנמיה חרמשית בישראל"), "{apa:?}");
    let van = w.references("vancouver");
    let f = reference(&van, "[Colonial");
    assert!(f.contains("[Colonial psychiatry in French West Africa]. Revue") && f.contains("French."), "{f}");
    assert!(reference(&van, "[Sickle").contains("[Sickle cell disease care in Israel"), "{van:?}");
}

/// F3, the other doors: biblatex `origtitle` with a `langid`, and the CSV
/// `original_title` column beside a `language` cell.
#[test]
fn biblatex_origtitle_and_csv_original_title_column_are_cited_too() {
    let w = Workdir::new();
    w.import_reading(
        "b.bib",
        "@article{col,\n  author = {Collignon, René},\n  title = {Colonial psychiatry in French West Africa},\n  \
         origtitle = {La psychiatrie coloniale en Afrique occidentale française},\n  langid = {french},\n  \
         journal = {Revue d'histoire de la médecine},\n  year = {2004},\n  volume = {12},\n  pages = {45--60}\n}\n",
    );
    w.import_reading(
        "c.csv",
        "title,authors,year,type,journal,language,original_title\n\
         Health of migrants in Brazil,\"Silva, Ana\",2018,article,Revista de Saúde Pública,Portuguese,Saúde de migrantes no Brasil\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "[Colonial")["title"], "[Colonial psychiatry in French West Africa]");
    assert_eq!(reading(&list, "[Health")["original_title"], "Saúde de migrantes no Brasil");
    let apa = w.references("apa");
    assert!(reference(&apa, "[Colonial").contains("La psychiatrie coloniale"), "{apa:?}");
    assert!(
        reference(&apa, "[Health").contains("Saúde de migrantes no Brasil [Health of migrants in Brazil]"),
        "{apa:?}"
    );
}

/// F3, decided with care: a translated edition (a translator, an original
/// date or language), an English work, or an item with no language keeps its
/// own title, cited without the original's.
#[test]
fn a_translated_edition_or_english_work_keeps_its_own_title() {
    let w = Workdir::new();
    w.import_reading(
        "t.json",
        r#"[{"id":"b1","type":"book","title":"The Wretched of the Earth","original-title":"Les Damnés de la Terre",
  "language":"en","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Philcox","given":"Richard"}],
  "publisher":"Grove Press","issued":{"date-parts":[[2004]]}},
 {"id":"b2","type":"book","title":"Black Skin, White Masks","original-title":"Peau noire, masques blancs",
  "language":"fr","original-date":{"date-parts":[[1952]]},"author":[{"family":"Fanon","given":"Frantz"}],
  "publisher":"Pluto Press","issued":{"date-parts":[[2008]]}},
 {"id":"a3","type":"article-journal","title":"An article with no language","original-title":"Un article",
  "container-title":"Journal","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2010]]}},
 {"id":"a4","type":"article-journal","title":"An English article","original-title":"Ein englischer Artikel",
  "language":"en-GB","container-title":"Journal","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2011]]}},
 {"id":"a5","type":"article-journal","title":"[Already bracketed]","original-title":"Schon geklammert",
  "language":"de","container-title":"Journal","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2012]]}}]"#,
    );
    let list = w.reading_list();
    for t in
        ["The Wretched of the Earth", "Black Skin, White Masks", "An article with no language", "An English article"]
    {
        let r = reading(&list, t);
        assert_eq!(r["title"], t, "{r:#}");
        assert!(r["original_title"].is_string(), "the original is kept: {r:#}");
    }
    assert_eq!(reading(&list, "[Already")["title"], "[Already bracketed]");
    let apa = w.references("apa");
    assert!(!reference(&apa, "The Wretched").contains("Damnés"), "{apa:?}");
    assert!(!reference(&apa, "Black Skin").contains("Peau noire"), "{apa:?}");
    assert!(reference(&apa, "[Already").contains("Schon geklammert [Already bracketed]"), "{apa:?}");
}

/// F10: a journal's name that begins with an acronym, in NLM's lower case,
/// is title-cased in APA, Chicago and Harvard, also beside a work in another
/// language (the German article of PubMed's record); a name in another
/// language is printed as written, even beside an English work.
#[test]
fn journal_names_with_a_leading_acronym_are_title_cased() {
    let w = Workdir::new();
    w.import_reading("a.nbib", NBIB);
    w.import_reading(
        "j.json",
        r#"[{"id":"F2","type":"article-journal","title":"Open access article","container-title":"BMJ open","language":"en",
  "author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2004]]},"volume":"12","page":"45-60"},
 {"id":"F3","type":"article-journal","title":"Ein Artikel","container-title":"JAMA network open","language":"de",
  "author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2005]]},"volume":"12","page":"45-60"},
 {"id":"F4","type":"article-journal","title":"Un article","container-title":"PloS one","language":"fr",
  "author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2006]]},"volume":"12","page":"45-60"},
 {"id":"F5","type":"article-journal","title":"Colonial psychiatry","container-title":"Revue d'histoire de la médecine",
  "language":"en","author":[{"family":"Collignon","given":"René"}],"issued":{"date-parts":[[2007]]},"volume":"12","page":"45-60"}]"#,
    );
    for style in ["apa", "chicago", "harvard"] {
        let r = w.references(style);
        let cited = |t: &str| reference(&r, t).to_string();
        assert!(cited("[Racism").contains("GMS Journal for Medical Education"), "{style}: {}", cited("[Racism"));
        assert!(cited("Open access").contains("BMJ Open"), "{style}: {}", cited("Open access"));
        assert!(cited("Ein Artikel").contains("JAMA Network Open"), "{style}: {}", cited("Ein Artikel"));
        assert!(cited("Un article").contains("PloS One"), "{style}: {}", cited("Un article"));
        assert!(cited("Colonial").contains("Revue d'histoire de la médecine"), "{style}: {}", cited("Colonial"));
    }
    // Vancouver cites the abbreviation, or the name as stored.
    let van = w.references("vancouver");
    assert!(reference(&van, "[Racism").contains("GMS J Med Educ"), "{van:?}");
}

/// F6: a CSL-JSON season that is no season is said, naming the item, the
/// date and the value; the year stands. A season that is one is read quietly.
#[test]
fn an_unknown_csl_json_season_is_warned() {
    let w = Workdir::new();
    let said = w.import_reading(
        "s.json",
        r#"[
  {"id":"bad2","type":"article-journal","title":"Bad season","issued":{"season":"monsoon","date-parts":[[2019]]}},
  {"id":"bad3","type":"article-journal","title":"Bad number","issued":{"season":7,"date-parts":[[2020]]}},
  {"id":"ok1","type":"article-journal","title":"Good season","issued":{"season":"Winter","date-parts":[[2021]]}},
  {"id":"ok2","type":"article-journal","title":"Good number","issued":{"season":2,"date-parts":[[2022]]}}
]"#,
    );
    assert!(said.contains("s.json:2:") && said.contains("item `bad2`: issued season \"monsoon\" not stored"), "{said}");
    assert!(said.contains("s.json:3:") && said.contains("item `bad3`: issued season \"7\" not stored"), "{said}");
    assert!(!said.contains("`ok1`") && !said.contains("`ok2`"), "{said}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Bad season")["year"], 2019);
    assert!(reading(&list, "Bad season")["season"].is_null());
    assert_eq!(reading(&list, "Good season")["season"], "winter");
    assert_eq!(reading(&list, "Good number")["season"], "summer");
}

/// F8: BibTeX math sub- and superscripts in a title are kept as the
/// `<sub>`/`<sup>` CSL-JSON gives, so the two files' records of one work are
/// one record, and the reference prints the same text.
#[test]
fn bibtex_math_scripts_are_kept_as_rich_text() {
    let w = Workdir::new();
    w.import_reading(
        "m.bib",
        "@article{Muller2019,\nauthor = {M{\\\"{u}}ller, Hans},\n\
         title = {{Nitrogen dioxide (NO$_2$) and H$_{2}$O exposure in informal settlements}},\n\
         journal = {Environmental Health Perspectives},\nyear = {2019}, volume = {127}, pages = {067001}\n}\n\
         @article{k2,\nauthor = {Osei, Ama},\ntitle = {CD4$^+$ counts and Ca$^{2+}$ at 37$^{\\circ}$C},\n\
         journal = {AIDS},\nyear = {2020}\n}\n",
    );
    let list = w.reading_list();
    // Stored as rich text; listed in its sheet text (tester r73 F22: never the tags).
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE title LIKE '%(NO<sub>2</sub>) and H<sub>2</sub>O exposure%'"),
        1
    );
    let t = reading(&list, "{Nitrogen")["title"].as_str().unwrap_or_default().to_string();
    assert!(t.contains("(NO\\textsubscript{2}) and H\\textsubscript{2}O exposure"), "{t}");
    let cd4 = reading(&list, "CD4")["title"].as_str().unwrap_or_default().to_string();
    assert_eq!(cd4, "CD4\\textsuperscript{+} counts and Ca\\textsuperscript{2+} at 37°C");
    assert_eq!(
        w.count("SELECT count(*) FROM reading WHERE title = 'CD4<sup>+</sup> counts and Ca<sup>2+</sup> at 37°C'"),
        1
    );
    let said = w.import_reading(
        "m.json",
        r#"[{"id":"m","type":"article-journal","title":"Nitrogen dioxide (NO<sub>2</sub>) and H<sub>2</sub>O exposure in informal settlements",
  "container-title":"Environmental Health Perspectives","author":[{"family":"Müller","given":"Hans"}],
  "issued":{"date-parts":[[2019]]},"volume":"127","page":"067001"}]"#,
    );
    assert!(said.contains("0 new"), "{said}");
    // (The CSL-JSON's title without the whole title's braces is the form
    // kept, in either order: tests/tform_r75.rs.)
    let apa = w.references("apa");
    assert!(reference(&apa, "Nitrogen").contains("Nitrogen dioxide (NO2) and H2O exposure"), "{apa:?}");
}

/// F3, the typed door: `reading add --original-title` beside an English
/// --title stores the title in brackets and is cited as the imports' record
/// is; a translated edition (a translator) keeps its own title.
#[test]
fn reading_add_with_an_original_title_is_cited_with_it() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let add = |extra: &[&str]| {
        let mut args = vec!["reading", "add", "--by", "ana", "-q"];
        args.extend_from_slice(extra);
        w.ok(&args);
    };
    add(&[
        "--title",
        "Colonial psychiatry in French West Africa",
        "--original-title",
        "La psychiatrie coloniale en Afrique occidentale française",
        "--type",
        "article",
        "--author",
        "Collignon, René",
        "--year",
        "2004",
        "--container",
        "Revue d'histoire de la médecine",
    ]);
    add(&[
        "--title",
        "The Wretched of the Earth",
        "--original-title",
        "Les Damnés de la Terre",
        "--translator",
        "Philcox, Richard",
        "--type",
        "book",
        "--author",
        "Fanon, Frantz",
        "--year",
        "2004",
    ]);
    let list = w.reading_list();
    assert_eq!(reading(&list, "[Colonial")["title"], "[Colonial psychiatry in French West Africa]");
    assert_eq!(reading(&list, "The Wretched")["title"], "The Wretched of the Earth");
    let apa = w.references("apa");
    assert!(
        reference(&apa, "[Colonial").contains("La psychiatrie coloniale en Afrique occidentale française [Colonial"),
        "{apa:?}"
    );
    assert!(!reference(&apa, "The Wretched").contains("Damnés"), "{apa:?}");
}
