//! Fresh tester r109 (a Māori, Pacific and Aboriginal health group in
//! Aotearoa New Zealand and Australia: Zotero, EndNote, Google Scholar):
//! a `.csl` style's sentence case lowered proper nouns (F2); a name's
//! particle capitalised by title case, "Te Tiriti O Waitangi" (F3); te reo
//! Māori titles without a stored language title-cased as English (F4);
//! "NZ Med J" replaced a stored "New Zealand Medical Journal" (F5); BibTeX
//! `\textasciigrave` not decoded (F7).

mod common;
use common::*;

/// A style that prints only each title, in sentence case (CSL 1.0.2,
/// "Text-case").
const SENTENCE_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-NZ">
  <info><title>Sentence test</title><id>x-sentence</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><text variable="title" text-case="sentence"/></layout></bibliography>
</style>
"#;

/// F2: sentence case leaves a mixed-case title's words as they are and
/// capitalises a first word in small letters. (A word in capitals is an
/// acronym to canon, kept as written: a title wholly in capitals keeps
/// them.)
#[test]
fn csl_sentence_case_keeps_proper_nouns() {
    let w = workdir();
    w.import_reading(
        "f2.csv",
        "title,authors,year,type,container\n\
         Talanoa with Tongan and Samoan families in Aotearoa: racism in health—The evidence,\"Faleolo, Ramona\",2021,article,Pacific Health Dialog\n\
         kaupapa Māori approaches to eGFR equations,\"Mensah, Kofi\",2020,article,New Zealand Medical Journal\n",
    );
    let style = w.write("sentence.csl", SENTENCE_CSL);
    let refs = w.all_references(style.to_str().unwrap());
    for want in [
        "Talanoa with Tongan and Samoan families in Aotearoa: racism in health—The evidence.",
        "Kaupapa Māori approaches to eGFR equations.",
    ] {
        assert!(refs.iter().any(|r| r == want), "{want:?} in {refs:#?}");
    }
}

/// F3: a proper name's particle in small letters stays so in a title-cased
/// title: "Te Tiriti o Waitangi", "Te Rūnanga o Ngāi Tahu", "Hospital de
/// la Raza"; an English word after a capital is still cased.
#[test]
fn title_case_keeps_a_names_particle() {
    let w = workdir();
    w.import_reading(
        "f3.csv",
        "title,authors,year,type,publisher\n\
         Te Tiriti o Waitangi and health,\"Jackson, Moana\",2015,book,Huia\n\
         Working with Te Rūnanga o Ngāi Tahu on rural health,\"Pitama, Suzanne\",2016,book,Huia\n\
         Birth at the Hospital de la Raza in Mexico City,\"Silva, Ana\",2017,book,Huia\n\
         What Kenya did about malaria,\"Otieno, Peter\",2018,book,Huia\n",
    );
    for style in ["chicago", "mla", "ama"] {
        let refs = w.all_references(style);
        let has = |s: &str| refs.iter().any(|r| r.contains(s));
        assert!(has("Te Tiriti o Waitangi and Health"), "{style}: {refs:#?}");
        assert!(has("Working with Te Rūnanga o Ngāi Tahu on Rural Health"), "{style}: {refs:#?}");
        assert!(has("Birth at the Hospital de la Raza in Mexico City"), "{style}: {refs:#?}");
        assert!(has("What Kenya Did about Malaria") || has("What Kenya Did About Malaria"), "{style}: {refs:#?}");
    }
}

/// F4: a title in te reo Māori (or Samoan, Tongan) stored without a
/// language keeps its case as written, so does one with a Māori main title
/// before a subtitle without a word only English writes; an English title
/// with a Māori word is still English.
#[test]
fn maori_titles_without_a_language_keep_their_case() {
    let w = workdir();
    w.import_reading(
        "f4.csv",
        "title,authors,year,type,publisher\n\
         Pūrongo hauora 2022,\"Pihama, Leonie\",2022,book,Huia\n\
         Hauora tāne,\"Rata, Arama\",2012,book,Huia\n\
         Ngā whakaaro: Indigenous medical education in Aotearoa,\"Pitama, Suzanne\",2015,book,Huia\n\
         Whānau ora me te hauora,\"Cram, Fiona\",2014,book,Huia\n\
         Soifua mālōlōina o tagata Samoa,\"Tamasese, Kiwi\",2010,book,Huia\n\
         Kaupapa Māori approaches to health research,\"Walker, Ranginui\",2016,book,Huia\n",
    );
    for style in ["chicago", "mla", "ama"] {
        let refs = w.all_references(style);
        let has = |s: &str| refs.iter().any(|r| r.contains(s));
        assert!(has("Pūrongo hauora 2022"), "{style}: {refs:#?}");
        assert!(has("Hauora tāne"), "{style}: {refs:#?}");
        // (A Māori main title before a subtitle without a word only English
        // writes: the whole title as written, as "Salud para todos? primary
        // care in Latin America" is.)
        assert!(has("Ngā whakaaro: Indigenous medical education in Aotearoa"), "{style}: {refs:#?}");
        assert!(has("Whānau ora me te hauora"), "{style}: {refs:#?}");
        assert!(has("Soifua mālōlōina o tagata Samoa"), "{style}: {refs:#?}");
        assert!(has("Kaupapa Māori Approaches to Health Research"), "{style}: {refs:#?}");
    }
}

/// F5: "NZ Med J" is the stored "New Zealand Medical Journal" abbreviated
/// (its place's initials): it fills the abbreviation, never the name.
#[test]
fn a_place_written_as_initials_abbreviates_the_journal() {
    let w = workdir();
    let bib = |journal: &str| {
        format!(
            "@article{{mensah2020,\n  author = {{Mensah, Kofi}},\n  title = {{Kaupapa Māori approaches to eGFR equations}},\n  \
             journal = {{{journal}}},\n  year = {{2020}},\n  doi = {{10.26635/6965.5001}}\n}}\n"
        )
    };
    w.import_reading("full.bib", &bib("New Zealand Medical Journal"));
    let err = w.import_reading("upd.bib", &bib("NZ Med J"));
    assert!(!err.contains("replaces the stored one"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Kaupapa");
    assert_eq!(r["container"], "New Zealand Medical Journal");
    assert_eq!(r["container_short"], "NZ Med J");
}

/// F7: `\textasciigrave` (textcomp) is the grave accent "`", which exports
/// write for the ʻokina: decoded as any other text command, not kept as
/// the command's name.
#[test]
fn bibtex_textasciigrave_is_decoded() {
    let w = workdir();
    let err = w.import_reading(
        "gs.bib",
        "@article{t,\n  author = {Tu{\\textasciigrave}itahi, Sione},\n  title = {Health of Tongan families},\n  \
         journal = {Pacific Health Dialog},\n  year = {2019}\n}\n",
    );
    assert!(!err.contains("textasciigrave"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Health of Tongan");
    assert_eq!(author_parts(r, ["family", "given"]), vec![["Tu`itahi".to_string(), "Sione".to_string()]]);
}

/// F6: MLA's podcast episode, its title in quotation marks and its podcast
/// the container in italics, followed by a comma.
#[test]
fn mla_podcast_episode_is_a_part_of_its_podcast() {
    let w = workdir();
    w.import_reading(
        "pod.csv",
        "title,authors,year,type,doi,url,themes,notes,container\n\
         Mana wahine podcast episode 3,\"Pihama, Leonie\",2022,podcast,,https://example.org/pod3,,,Te Ahi Kaa\n",
    );
    let refs = w.all_references("mla");
    // (Its title, with a Māori phrase and no English function word, is kept
    // as written: F4.)
    assert_eq!(
        refs,
        vec![
            "Pihama, Leonie. “Mana wahine podcast episode 3.” Te Ahi Kaa, 2022, https://example.org/pod3.".to_string()
        ]
    );
    let pdf = w.path("mla.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "mla", "-q"]);
    if let Some(italic) = pdf_italics(&pdf) {
        let all = italic.join(" ");
        assert!(all.contains("Te Ahi Kaa"), "italic runs: {italic:?}");
        assert!(!all.contains("Mana wahine"), "italic runs: {italic:?}");
    }
}

/// F1: braced proper nouns keep their capitals in every style, a `.csl`
/// style's sentence case included (the processor's sentence case lowered
/// them: "tongan", "aotearoa"). Braces around a word with a capital are an
/// export's habit (Zotero braces every capitalised word but the first) and
/// are not stored: no style of canon lowers such a word in a mixed-case
/// title.
#[test]
fn bibtex_braced_capitals_keep_their_case() {
    let w = workdir();
    w.import_reading(
        "f1.bib",
        "@article{f1,\n  author = {Faleolo, Ramona},\n  title = {Talanoa with {Tongan} and {Samoan} families in \
         {Aotearoa}: {eGFR} and racism in health—{The} evidence},\n  journal = {Pacific Health Dialog},\n  year = {2021}\n}\n",
    );
    for style in ["apa", "vancouver", "chicago", "mla", "harvard", "ama", "ieee"] {
        let refs = w.all_references(style);
        for word in ["Tongan", "Samoan", "Aotearoa", "eGFR"] {
            assert!(refs[0].contains(word), "{style}: {refs:?}");
        }
    }
    let style = w.write("sentence.csl", SENTENCE_CSL);
    let refs = w.all_references(style.to_str().unwrap());
    assert_eq!(
        refs,
        vec!["Talanoa with Tongan and Samoan families in Aotearoa: eGFR and racism in health—The evidence."]
    );
}

/// Fresh tester r110 F1, F3: Afrikaans, isiZulu and Shona names and titles
/// without an English reading keep their case; F4: IEEE's translator of a
/// chapter after the book's editors, with one stop.
#[test]
fn r110_afrikaans_nguni_shona_and_ieee_translators() {
    let w = workdir();
    w.import_reading(
        "j.csv",
        "title,authors,year,type,container,volume,pages\n\
         Gesondheid en armoede,\"Botha, A.\",2017,article,Tydskrif vir geesteswetenskappe,57,1-10\n\
         Ukugula nokuphila,\"Nkosi, Sipho\",2022,book,,,\n\
         Kurapa nevadzimu,\"Moyo, Tendai\",2018,book,,,\n",
    );
    for style in ["apa", "chicago", "mla"] {
        let refs = w.all_references(style);
        let has = |s: &str| refs.iter().any(|r| r.contains(s));
        assert!(has("Tydskrif vir"), "{style}: {refs:#?}");
        assert!(has("Ukugula nokuphila"), "{style}: {refs:#?}");
        assert!(has("Kurapa nevadzimu"), "{style}: {refs:#?}");
    }
    let w = workdir();
    w.import_reading(
        "t.json",
        r#"[{"id":"g","type":"chapter","title":"A chapter in a translated book","author":[{"family":"Fanon","given":"Frantz"}],
 "editor":[{"family":"Gibson","given":"Nigel C."}],"translator":[{"family":"Philcox","given":"Richard"}],
 "container-title":"The Wretched of the Earth","publisher":"Grove Press","publisher-place":"New York",
 "issued":{"date-parts":[[2004]]},"page":"1-62"}]"#,
    );
    let refs = w.all_references("ieee");
    assert!(!refs[0].contains(".."), "{refs:?}");
    assert!(refs[0].contains("N. C. Gibson, Ed., R. Philcox, Trans., New York"), "{refs:?}");
}

/// Fresh tester r110 F6: MLA's "forthcoming" of a work without a year in
/// the date's place, after a comma.
#[test]
fn r110_mla_forthcoming_in_the_dates_place() {
    let w = workdir();
    w.import_reading(
        "fc.bib",
        "@article{inpress, author = {Dube, Farai}, title = {Ubuntu and clinical ethics}, journal = {Developing World \
         Bioethics}, year = {In press}}\n\
         @book{bk, author = {Zulu, Fikile}, title = {Healing in Durban}, publisher = {UKZN Press}, address = {Durban}, \
         year = {In press}}\n",
    );
    let refs = w.references("mla");
    assert_eq!(
        refs["Ubuntu and clinical ethics"],
        "Dube, Farai. “Ubuntu and Clinical Ethics.” Developing World Bioethics, forthcoming."
    );
    assert_eq!(refs["Healing in Durban"], "Zulu, Fikile. Healing in Durban. UKZN Press, forthcoming.");
}
