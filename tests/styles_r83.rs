//! Tester r82 F2 and r81 F7, F9, F10, F14: worded editions in every style,
//! a report's series number in Harvard, words with their own capitals under
//! title case, editions in German, French and Spanish, and titles in another
//! language left out of English title case.

mod common;
use common::*;

/// Books with worded editions, as CSL-JSON.
const EDITIONS: &str = r#"[
{"id":"e1","type":"book","title":"Edition rev","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2008]]},"edition":"Rev."},
{"id":"e2","type":"book","title":"Edition reprint","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2004]]},"edition":"Reprint"},
{"id":"e3","type":"book","title":"Edition revised","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2005]]},"edition":"Revised"},
{"id":"e4","type":"book","title":"Edition facsimile","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2006]]},"edition":"Facsimile"},
{"id":"e5","type":"book","title":"Edition updated","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2007]]},"edition":"Updated"},
{"id":"e6","type":"book","title":"Edition second revised","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2009]]},"edition":"2nd rev."},
{"id":"e7","type":"book","title":"Edition anniversary","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2010]]},"edition":"Special anniversary"},
{"id":"e8","type":"book","title":"Edition second","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2011]]},"edition":"2"}
]"#;

fn editions() -> Workdir {
    let w = Workdir::new();
    w.import_reading("ed.json", EDITIONS);
    w
}

#[test]
fn elsevier_harvard_prints_a_worded_edition_without_a_stop_before_ed() {
    let w = editions();
    let dep = w.dependent_style("nurse-education-today", "elsevier-harvard", "en-GB");
    for style in ["elsevier-harvard", dep.as_str()] {
        let refs = w.references(style);
        let r = |t: &str| reference(&refs, t).to_string();
        assert_eq!(r("Edition rev"), "Fanon, F., 2008. Edition rev, Rev. ed. Grove Press, New York.", "{style}");
        assert_eq!(r("Edition revised"), "Fanon, F., 2005. Edition revised, Rev. ed. Grove Press, New York.");
        assert_eq!(r("Edition reprint"), "Fanon, F., 2004. Edition reprint, Reprint ed. Grove Press, New York.");
        assert_eq!(r("Edition facsimile"), "Fanon, F., 2006. Edition facsimile, Facsimile ed. Grove Press, New York.");
        assert_eq!(r("Edition updated"), "Fanon, F., 2007. Edition updated, Updated ed. Grove Press, New York.");
        assert_eq!(
            r("Edition second revised"),
            "Fanon, F., 2009. Edition second revised, 2nd rev. ed. Grove Press, New York."
        );
        assert_eq!(
            r("Edition anniversary"),
            "Fanon, F., 2010. Edition anniversary, Special anniversary ed. Grove Press, New York."
        );
        assert_eq!(r("Edition second"), "Fanon, F., 2011. Edition second, 2nd ed. Grove Press, New York.");
    }
}

#[test]
fn an_abbreviated_worded_edition_keeps_its_stop_in_the_named_styles() {
    let w = editions();
    let van = w.references("vancouver");
    assert_eq!(
        reference(&van, "Edition second revised"),
        "Fanon F. Edition second revised. 2nd rev. ed. New York: Grove Press; 2009."
    );
    assert_eq!(
        reference(&van, "Edition reprint"),
        "Fanon F. Edition reprint. Reprint ed. New York: Grove Press; 2004."
    );
    assert_eq!(reference(&van, "Edition rev"), "Fanon F. Edition rev. Rev. ed. New York: Grove Press; 2008.");
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Edition second revised"),
        "Fanon, F. (2009). Edition second revised (2nd rev. ed.). Grove Press."
    );
    assert_eq!(
        reference(&apa, "Edition facsimile"),
        "Fanon, F. (2006). Edition facsimile (Facsimile ed.). Grove Press."
    );
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "Edition second revised"),
        "Fanon, F. (2009) Edition second revised. 2nd rev. edn. New York: Grove Press."
    );
    assert_eq!(
        reference(&harvard, "Edition reprint"),
        "Fanon, F. (2004) Edition reprint. Reprint edn. New York: Grove Press."
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Edition second revised"),
        "Fanon, Frantz. 2009. Edition Second Revised. 2nd rev. ed. Grove Press."
    );
    let ama = w.references("ama");
    assert_eq!(reference(&ama, "Edition updated"), "Fanon F. Edition Updated. Updated ed. Grove Press; 2007.");
}

#[test]
fn no_bundled_style_prints_a_stop_between_a_worded_edition_and_its_word() {
    let w = editions();
    for style in [
        "vancouver",
        "apa",
        "harvard",
        "chicago",
        "ama",
        "elsevier-harvard",
        "ieee",
        "annual-reviews",
        "association-for-computing-machinery",
        "associacao-brasileira-de-normas-tecnicas",
    ] {
        for (title, text) in w.references(style) {
            for bad in
                ["Revised. ed", "Reprint. ed", "Facsimile. ed", "Updated. ed", "anniversary. ed", "rev ed", "ed. ed"]
            {
                assert!(!text.contains(bad), "{style}: {title}: {text}");
            }
        }
    }
}

/// Other bundled styles: a worded edition glued to the title gets the
/// separator the style gives a numbered one; a stop before the style's own
/// comma goes; and the word the style prints after a numbered edition
/// follows a worded one too (lead s86: "Facsimile, Grove Press" had none).
#[test]
fn other_bundled_styles_print_a_worded_edition_apart_and_without_a_stray_stop() {
    let w = editions();
    let asm = w.references("american-society-for-microbiology");
    assert_eq!(
        reference(&asm, "Edition reprint"),
        "Fanon F. 2004. Edition reprint, Reprint ed. Grove Press, New York."
    );
    assert_eq!(reference(&asm, "Edition second"), "Fanon F. 2011. Edition second, 2nd ed. Grove Press, New York.");
    let bristol = w.references("bristol-university-press");
    assert_eq!(
        reference(&bristol, "Edition facsimile"),
        "Fanon, F. (2006) Edition facsimile. Facsimile edn, Grove Press."
    );
    assert_eq!(
        reference(&bristol, "Edition second revised"),
        "Fanon, F. (2009) Edition second revised. 2nd rev. edn, Grove Press."
    );
    let copernicus = w.references("copernicus");
    assert_eq!(
        reference(&copernicus, "Edition updated"),
        "Fanon, F.: Edition updated, Updated ed., Grove Press, New York, 2007."
    );
    let rsc = w.references("royal-society-of-chemistry");
    assert_eq!(
        reference(&rsc, "Edition revised"),
        "F. Fanon, Edition revised, Grove Press, New York, Rev. edn., 2005."
    );
}

#[test]
fn harvard_prints_a_reports_number_in_its_series() {
    let w = Workdir::new();
    w.import_reading(
        "r.json",
        r#"[
{"id":"r1","type":"report","title":"Spirometry in Ghana","author":[{"family":"Osei","given":"Jane"}],"publisher":"University of Ghana","publisher-place":"Accra","issued":{"date-parts":[[2019]]},"collection-title":"Working Papers in Global Health","collection-number":"5","number":"WP-19-5"},
{"id":"r2","type":"report","title":"Malaria in Togo","author":[{"family":"Osei","given":"Jane"}],"publisher":"University of Ghana","publisher-place":"Accra","issued":{"date-parts":[[2015]]},"collection-title":"Working Papers in Global Health","collection-number":"15","number":"WP-15"},
{"id":"r3","type":"report","title":"Cholera in Accra","author":[{"family":"Osei","given":"Jane"}],"publisher":"University of Ghana","publisher-place":"Accra","issued":{"date-parts":[[2018]]},"collection-title":"Working Papers in Global Health","collection-number":"7"}
]"#,
    );
    let h = w.references("harvard");
    assert_eq!(
        reference(&h, "Spirometry"),
        "Osei, J. (2019) Spirometry in Ghana. Report No. WP-19-5. Accra: University of Ghana (Working Papers in Global Health, 5)."
    );
    assert_eq!(
        reference(&h, "Cholera"),
        "Osei, J. (2018) Cholera in Accra. Accra: University of Ghana (Working Papers in Global Health, 7)."
    );
    // A series number that is also in the year and the report's number.
    assert_eq!(
        reference(&h, "Malaria"),
        "Osei, J. (2015) Malaria in Togo. Report No. WP-15. Accra: University of Ghana (Working Papers in Global Health, 15)."
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Spirometry"),
        "Osei J. Spirometry in Ghana. Accra: University of Ghana; 2019. (Working Papers in Global Health; no. 5). Report No.: WP-19-5."
    );
}

/// Works whose titles, books and series have words with their own case, and
/// titles in other languages (some with a language, most without).
const CAPS: &str = r#"[
{"id":"c1","type":"chapter","title":"Sickle Cell Disease","author":[{"family":"Bender","given":"M. A."}],"editor":[{"family":"Adam","given":"Margaret P."}],"container-title":"GeneReviews(R)","collection-title":"GeneReviews(R)","publisher":"University of Washington","publisher-place":"Seattle","issued":{"date-parts":[[1993]]},"language":"en"},
{"id":"t1","type":"book","title":"Using the iPhone and mRNA vaccines at McGill: COVID-19, HbA1c, DNA and eLife in GeneReviews","author":[{"family":"Ba","given":"Amadou"}],"publisher":"Karthala","publisher-place":"Paris","issued":{"date-parts":[[2020]]},"language":"en"},
{"id":"t2","type":"chapter","title":"Reading eLife","author":[{"family":"Mensah","given":"Kofi"}],"container-title":"The iPhone Reader at McGill","publisher":"MIT Press","publisher-place":"Cambridge","issued":{"date-parts":[[2021]]},"collection-title":"mRNA Studies in HbA1c","language":"en"},
{"id":"f1","type":"book","title":"La nouvelle histoire","author":[{"family":"Le Goff","given":"Jacques"}],"publisher":"Retz","publisher-place":"Paris","issued":{"date-parts":[[1978]]}},
{"id":"f2","type":"book","title":"Pathologie générale","author":[{"family":"Bichat","given":"Xavier"}],"publisher":"Gabon","publisher-place":"Paris","issued":{"date-parts":[[1801]]}},
{"id":"f3","type":"book","title":"Les lieux de mémoire","author":[{"family":"Nora","given":"Pierre"}],"publisher":"Gallimard","publisher-place":"Paris","issued":{"date-parts":[[1984]]}},
{"id":"f4","type":"book","title":"Medizin im Wandel","author":[{"family":"Berg","given":"Pieter"}],"publisher":"Springer","publisher-place":"Berlin","issued":{"date-parts":[[1992]]}},
{"id":"f5","type":"book","title":"Santé publique","author":[{"family":"Berg","given":"Pieter"}],"publisher":"Seuil","publisher-place":"Paris","issued":{"date-parts":[[1995]]},"language":"fr"},
{"id":"g1","type":"book","title":"La Leche League guide","author":[{"family":"Berg","given":"Pieter"}],"publisher":"Penguin","publisher-place":"London","issued":{"date-parts":[[1996]]}},
{"id":"g2","type":"book","title":"Café culture in public health","author":[{"family":"Berg","given":"Pieter"}],"publisher":"Penguin","publisher-place":"London","issued":{"date-parts":[[1997]]}},
{"id":"g3","type":"book","title":"DAS28 scores","author":[{"family":"Berg","given":"Pieter"}],"publisher":"Penguin","publisher-place":"London","issued":{"date-parts":[[1998]]}}
]"#;

#[test]
fn title_case_never_lowers_a_capital_inside_a_word() {
    let w = Workdir::new();
    w.import_reading("caps.json", CAPS);
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Sickle"),
        "Bender, M. A. 1993. “Sickle Cell Disease.” In GeneReviews(R), edited by Margaret P. Adam. GeneReviews(R). \
         University of Washington."
    );
    assert_eq!(
        reference(&chicago, "Using"),
        "Ba, Amadou. 2020. Using the iPhone and mRNA Vaccines at McGill: COVID-19, HbA1c, DNA and eLife in GeneReviews. \
         Karthala."
    );
    assert_eq!(
        reference(&chicago, "Reading eLife"),
        "Mensah, Kofi. 2021. “Reading eLife.” In The iPhone Reader at McGill. mRNA Studies in HbA1c. MIT Press."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Sickle"),
        "Bender MA. Sickle Cell Disease. In: Adam MP, ed. GeneReviews(R). GeneReviews(R). University of Washington; 1993."
    );
    assert_eq!(
        reference(&ama, "Using"),
        "Ba A. Using the iPhone and mRNA Vaccines at McGill: COVID-19, HbA1c, DNA and eLife in GeneReviews. Karthala; 2020."
    );
    // Sentence case (APA) keeps them too.
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Using"),
        "Ba, A. (2020). Using the iPhone and mRNA vaccines at McGill: COVID-19, HbA1c, DNA and eLife in GeneReviews. \
         Karthala."
    );
    assert_eq!(
        reference(&apa, "Reading eLife"),
        "Mensah, K. (2021). Reading eLife. In The iPhone Reader at McGill. MIT Press."
    );
}

#[test]
fn titles_in_another_language_are_not_title_cased() {
    let w = Workdir::new();
    w.import_reading("caps.json", CAPS);
    for (style, refs) in [("chicago", w.references("chicago")), ("ama", w.references("ama"))] {
        for title in [
            "La nouvelle histoire",
            "Pathologie générale",
            "Les lieux de mémoire",
            "Medizin im Wandel",
            "Santé publique",
        ] {
            assert!(reference(&refs, title).contains(&format!("{title}.")), "{style}: {}", reference(&refs, title));
        }
    }
    let chicago = w.references("chicago");
    assert_eq!(reference(&chicago, "La nouvelle"), "Le Goff, Jacques. 1978. La nouvelle histoire. Retz.");
    assert_eq!(reference(&chicago, "Pathologie"), "Bichat, Xavier. 1801. Pathologie générale. Gabon.");
    // English titles with a borrowed word, an accent or an acronym stay English.
    assert_eq!(reference(&chicago, "La Leche"), "Berg, Pieter. 1996. La Leche League Guide. Penguin.");
    assert_eq!(reference(&chicago, "Café"), "Berg, Pieter. 1997. Café Culture in Public Health. Penguin.");
    assert_eq!(reference(&chicago, "DAS28"), "Berg, Pieter. 1998. DAS28 Scores. Penguin.");
    let ama = w.references("ama");
    assert_eq!(reference(&ama, "Medizin"), "Berg P. Medizin im Wandel. Springer; 1992.");
}

const FOREIGN_EDITIONS: &str = "title,authors,year,type,publisher,place,edition
\"Edn four\",\"Ba, Amadou\",2003,book,Karthala,Paris,\"3., vollst. überarb. u. erw. Aufl.\"
\"Edn five\",\"Ba, Amadou\",2004,book,Karthala,Paris,Neuausgabe
\"Edn seven\",\"Ba, Amadou\",2006,book,Karthala,Paris,\"Nouvelle éd. revue et augmentée\"
\"Edn nine\",\"Ba, Amadou\",2007,book,Karthala,Paris,\"3e éd. rev. et augm.\"
\"Edn ten\",\"Ba, Amadou\",2008,book,Karthala,Paris,\"nouvelle éd.\"
\"Edn eleven\",\"Ba, Amadou\",2009,book,Karthala,Paris,\"2.ª ed. corr. y aum.\"
\"Edn twelve\",\"Ba, Amadou\",2010,book,Karthala,Paris,\"2., überarb. Aufl.\"
\"Edn thirteen\",\"Ba, Amadou\",2011,book,Karthala,Paris,\"Nueva edición\"
\"Edn fifteen\",\"Ba, Amadou\",2013,book,Karthala,Paris,\"2., durchges. Aufl.\"
\"Edn sixteen\",\"Ba, Amadou\",2014,book,Karthala,Paris,Nachdruck
\"Edn eighteen\",\"Ba, Amadou\",2016,book,Karthala,Paris,Sonderausgabe
";

/// A `.csl` file in English that prints a worded edition as written.
const ENGLISH_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>My Journal with editions</title><id>my-journal-editions</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <names variable="author" suffix=". "><name initialize-with="" name-as-sort-order="all" sort-separator=" " delimiter=", "/></names>
      <text variable="title" suffix=". "/>
      <choose><if is-numeric="edition"><group delimiter=" " suffix=". "><number variable="edition" form="ordinal"/><text term="edition" form="short"/></group></if><else><text variable="edition" suffix=". "/></else></choose>
      <text variable="publisher-place" suffix=": "/><text variable="publisher" suffix="; "/><date variable="issued"><date-part name="year"/></date><text value="."/>
    </layout>
  </bibliography>
</style>
"#;

#[test]
fn german_french_and_spanish_editions_are_english_in_english_styles() {
    let w = Workdir::new();
    w.import_reading("edn.csv", FOREIGN_EDITIONS);
    // Stored as written.
    let list = w.reading_list();
    assert_eq!(reading(&list, "Edn four")["edition"], "3., vollst. überarb. u. erw. Aufl.");
    assert_eq!(reading(&list, "Edn five")["edition"], "Neuausgabe");
    let expected = [
        ("Edn four", "3rd completely rev. and enl."),
        ("Edn five", "New"),
        ("Edn seven", "New rev. and enl."),
        ("Edn nine", "3rd rev. and enl."),
        ("Edn ten", "New"),
        ("Edn eleven", "2nd corr. and enl."),
        ("Edn twelve", "2nd rev."),
        ("Edn thirteen", "New"),
        ("Edn fifteen", "2nd rev."),
        ("Edn sixteen", "Reprint"),
    ];
    let csl = w.write("ed.csl", ENGLISH_CSL);
    let csl = csl.to_str().expect("utf-8 path");
    for style in ["vancouver", "elsevier-harvard", "ieee", csl] {
        let refs = w.references(style);
        for (title, ed) in expected {
            assert!(reference(&refs, title).contains(&format!(" {ed} ed. ")), "{style}: {}", reference(&refs, title));
        }
    }
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Edn four"), "Ba A. Edn four. 3rd completely rev. and enl. ed. Paris: Karthala; 2003.");
    assert_eq!(reference(&v, "Edn five"), "Ba A. Edn five. New ed. Paris: Karthala; 2004.");
    let h = w.references("harvard");
    assert_eq!(reference(&h, "Edn five"), "Ba, A. (2004) Edn five. New edn. Paris: Karthala.");
    assert_eq!(reference(&h, "Edn seven"), "Ba, A. (2006) Edn seven. New rev. and enl. edn. Paris: Karthala.");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Edn four"), "Ba, A. (2003). Edn four (3rd completely rev. and enl. ed.). Karthala.");
    let e = w.references(csl);
    assert_eq!(reference(&e, "Edn four"), "Ba A. Edn four. 3rd completely rev. and enl. ed. Paris: Karthala; 2003.");
    assert_eq!(reference(&e, "Edn sixteen"), "Ba A. Edn sixteen. Reprint ed. Paris: Karthala; 2014.");
    // A German edition canon has no English for is printed as written,
    // without an English "ed." after it.
    assert_eq!(reference(&v, "Edn eighteen"), "Ba A. Edn eighteen. Sonderausgabe. Paris: Karthala; 2016.");
    assert_eq!(reference(&h, "Edn eighteen"), "Ba, A. (2016) Edn eighteen. Sonderausgabe. Paris: Karthala.");
    // In a German style, and in an English one's German dependent, as written.
    let de = w.references("deutsche-sprache");
    assert_eq!(
        reference(&de, "Edn four"),
        "Ba, Amadou (2003): Edn four. 3., vollst. überarb. u. erw. Aufl. Paris: Karthala."
    );
    assert_eq!(reference(&de, "Edn five"), "Ba, Amadou (2004): Edn five. Neuausgabe. Paris: Karthala.");
    let dep = w.dependent_style("deutsche-zeitschrift", "elsevier-harvard", "de-DE");
    let d = w.references(&dep);
    assert!(reference(&d, "Edn four").contains("3., vollst. überarb. u. erw. Aufl."), "{}", reference(&d, "Edn four"));
}
