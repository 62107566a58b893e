//! Issue 12 (12f): names, types and identifiers as a new-user tester wrote
//! them (tester 12e, P3-P12), through the binary in every format that
//! carries them.

mod common;

use common::{name_fields, reading, reference, workdir};
use serde_json::Value;

/// The (particle, family, given, suffix, literal) of each author of `r`.
fn parts(r: &Value) -> Vec<[Option<String>; 5]> {
    name_fields(r, "author_names", ["particle", "family", "given", "suffix", "literal"])
}

fn person(particle: Option<&str>, family: &str, given: &str, suffix: Option<&str>) -> [Option<String>; 5] {
    [particle.map(str::to_string), Some(family.into()), Some(given.into()), suffix.map(str::to_string), None]
}

/// P3: a Vancouver/MEDLINE name that starts with a particle ("van Gogh V",
/// "de la Cruz MA") or ends with it ("Gogh V van") is particle + family +
/// initials in MEDLINE `AU`, a CSV cell and RIS, and prints so; an
/// institution stays whole.
#[test]
fn vancouver_names_with_a_particle_are_split() {
    let w = workdir();
    w.import_reading(
        "m.nbib",
        "PMID- 103\nTI  - Medline particles.\nDP  - 2017\nAU  - van Gogh V\nAU  - Mensah KA Jr\n\
         AU  - de la Cruz MA\nTA  - Some J\n",
    );
    w.import_reading(
        "c.csv",
        "title,authors,year,type\nCsv particles,\"van Gogh V; Gogh V van; World Health Organization\",2019,report\n",
    );
    w.import_reading("r.ris", "TY  - JOUR\nTI  - Ris particles\nPY  - 2018\nAU  - van Gogh V\nER  - \n");
    let list = w.reading_list();
    let gogh = person(Some("van"), "Gogh", "V.", None);
    assert_eq!(
        parts(reading(&list, "Medline particles")),
        [gogh.clone(), person(None, "Mensah", "K. A.", Some("Jr")), person(Some("de la"), "Cruz", "M. A.", None)]
    );
    let csv = parts(reading(&list, "Csv particles"));
    assert_eq!(csv[..2], [gogh.clone(), gogh.clone()]);
    assert_eq!(csv[2][4].as_deref(), Some("World Health Organization"), "{csv:?}");
    assert_eq!(parts(reading(&list, "Ris particles")), [gogh]);
    let apa = w.references("apa");
    assert!(reference(&apa, "Medline particles").starts_with("van Gogh, V., Mensah, K. A., Jr., & de la Cruz, M. A."));
    let v = w.references("vancouver");
    assert!(reference(&v, "Medline particles").starts_with("van Gogh V, Mensah KA Jr, de la Cruz MA."), "{v:?}");
}

/// P4: a suffix written inside the given name (CSL-JSON `"given": "Kofi
/// A., Jr."`, as citeproc-js reads it; a CSV cell "Osei, K. A. (Jr)"; RIS
/// likewise) is the suffix, and no initial is made of it.
#[test]
fn a_suffix_inside_the_given_name_is_the_suffix() {
    let w = workdir();
    w.import_reading(
        "n.json",
        r#"[{"id": "n1", "type": "article-journal", "title": "Json suffix", "container-title": "J",
            "author": [{"family": "Mensah", "given": "Kofi A., Jr."}], "issued": {"date-parts": [[2019]]}}]"#,
    );
    w.import_reading("c.csv", "title,authors,year,type\nCsv suffix,\"Osei, K. A. (Jr)\",2019,article\n");
    w.import_reading("r.ris", "TY  - JOUR\nTI  - Ris suffix\nPY  - 2018\nAU  - Adjei, Kwame, III\nER  - \n");
    let list = w.reading_list();
    assert_eq!(parts(reading(&list, "Json suffix")), [person(None, "Mensah", "Kofi A.", Some("Jr."))]);
    assert_eq!(parts(reading(&list, "Csv suffix")), [person(None, "Osei", "K. A.", Some("Jr"))]);
    assert_eq!(parts(reading(&list, "Ris suffix")), [person(None, "Adjei", "Kwame", Some("III"))]);
    let v = w.references("vancouver");
    assert!(reference(&v, "Json suffix").starts_with("Mensah KA Jr."), "{v:?}");
    assert!(reference(&v, "Csv suffix").starts_with("Osei KA Jr."), "{v:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Json suffix").starts_with("Mensah, K. A., Jr. (2019)"), "{apa:?}");
}

/// P5: degrees and post-nominals after a name ("PhD", "MD", "MBChB, FRCP")
/// are neither authors nor part of the name, and each is named in a
/// warning with its line and column, in CSV, RIS, BibTeX, MEDLINE and
/// EndNote XML. Initials that look like a degree ("Osei, MD") stay the
/// given name.
#[test]
fn degrees_after_a_name_are_dropped_and_named() {
    let w = workdir();
    let err = w.import_reading(
        "c.csv",
        "title,authors,year,type\n\
         Csv one,\"Osei, K.A., PhD\",2019,article\n\
         Csv two,\"Osei, Kwame, MD; Mensah, Kofi, MBChB, FRCP\",2019,article\n\
         Csv three,\"Osei, MD\",2019,article\n\
         Csv four,\"Rifat Hossen, Md.; Hosain, Md. Sarwar\",2019,article\n",
    );
    assert!(
        err.contains("c.csv:2:2: warning") && err.contains("\"PhD\" dropped from the name \"Osei, K.A., PhD\""),
        "{err}"
    );
    assert!(err.contains("c.csv:3:2: warning") && err.contains("\"MBChB\", \"FRCP\" dropped"), "{err}");
    assert!(err.contains("\"MD\" dropped from the name \"Osei, Kwame, MD\""), "{err}");
    let ris = w.import_reading("r.ris", "TY  - JOUR\nTI  - Ris one\nPY  - 2018\nAU  - Adjei, Ama, MPH\nER  - \n");
    assert!(ris.contains("r.ris:4:") && ris.contains("\"MPH\" dropped"), "{ris}");
    let bib = w.import_reading(
        "b.bib",
        "@article{a, author = {Boateng, Yaw, PhD and Mensah, Kofi}, title = {Bib one}, journal = {J}, year = {2019}}\n",
    );
    assert!(bib.contains("b.bib:1:") && bib.contains("\"PhD\" dropped"), "{bib}");
    let nbib = w.import_reading(
        "m.nbib",
        "PMID- 104\nTI  - Medline one.\nDP  - 2017\nFAU - Owusu, Ama, RN\nAU  - Owusu A\nTA  - Some J\n",
    );
    assert!(nbib.contains("m.nbib:4:") && nbib.contains("\"RN\" dropped"), "{nbib}");
    let xml = w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <contributors><authors><author>Darko, Efua, DPhil</author></authors></contributors>\
         <titles><title>Xml one</title></titles><dates><year>2016</year></dates></record></records></xml>",
    );
    assert!(xml.contains("\"DPhil\" dropped"), "{xml}");
    let list = w.reading_list();
    assert_eq!(parts(reading(&list, "Csv one")), [person(None, "Osei", "K. A.", None)]);
    assert_eq!(
        parts(reading(&list, "Csv two")),
        [person(None, "Osei", "Kwame", None), person(None, "Mensah", "Kofi", None)]
    );
    assert_eq!(parts(reading(&list, "Csv three")), [person(None, "Osei", "M. D.", None)]);
    // "Md." is Mohammad as Bangladeshi names write it, not a degree.
    assert_eq!(
        parts(reading(&list, "Csv four")),
        [person(None, "Rifat Hossen", "Md.", None), person(None, "Hosain", "Md. Sarwar", None)]
    );
    assert!(!err.contains("c.csv:5:"), "{err}");
    assert_eq!(parts(reading(&list, "Ris one")), [person(None, "Adjei", "Ama", None)]);
    assert_eq!(
        parts(reading(&list, "Bib one")),
        [person(None, "Boateng", "Yaw", None), person(None, "Mensah", "Kofi", None)]
    );
    assert_eq!(parts(reading(&list, "Medline one")), [person(None, "Owusu", "Ama", None)]);
    assert_eq!(parts(reading(&list, "Xml one")), [person(None, "Darko", "Efua", None)]);
    let v = w.references("vancouver");
    assert!(reference(&v, "Csv one").starts_with("Osei KA. Csv one."), "{v:?}");
}

/// P6: an unknown record type in RIS, BibTeX, CSL-JSON or EndNote XML is
/// warned of, naming the line and the types expected; and a re-import of a
/// record as "other" never replaces the type it has.
#[test]
fn unknown_types_are_warned_of_and_never_make_a_record_poorer() {
    let w = workdir();
    w.import_reading(
        "good.ris",
        "TY  - JOUR\nTI  - Typed work\nPY  - 2019\nAU  - Osei, Kwame\nDO  - 10.1234/typed\nER  - \n",
    );
    let err = w.import_reading(
        "bad.ris",
        "TY  - XXXX\nTI  - Typed work\nPY  - 2019\nAU  - Osei, Kwame\nDO  - 10.1234/typed\nER  - \n",
    );
    assert!(err.contains("bad.ris:1:1: warning") && err.contains("unknown RIS type \"XXXX\""), "{err}");
    assert!(err.contains("expected one of ABST,") && err.contains("JOUR"), "{err}");
    let also = w.import_reading("gen.ris", "TY  - GEN\nTI  - Typed work\nPY  - 2019\nDO  - 10.1234/typed\nER  - \n");
    assert!(!also.contains("unknown RIS type"), "{also}");
    assert_eq!(reading(&w.reading_list(), "Typed work")["type"], "article");
    let bib = w.import_reading("u.bib", "@unknowntype{k, title = {Bib typed}, year = {2019}}\n");
    assert!(bib.contains("u.bib:1:1: warning") && bib.contains("unknown BibTeX entry type \"unknowntype\""), "{bib}");
    let json = w.import_reading(
        "u.json",
        r#"[{"id": "j", "type": "journal-paper", "title": "Json typed", "issued": {"date-parts": [[2019]]}}]"#,
    );
    assert!(json.contains("unknown CSL type \"journal-paper\"") && json.contains("article-journal"), "{json}");
    let xml = w.import_reading(
        "u.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Holograph\">99</ref-type>\
         <titles><title>Xml typed</title></titles><dates><year>2016</year></dates></record></records></xml>",
    );
    assert!(xml.contains("unknown EndNote ref-type \"Holograph\""), "{xml}");
    let list = w.reading_list();
    for t in ["Bib typed", "Json typed", "Xml typed"] {
        assert_eq!(reading(&list, t)["type"], "other", "{t}");
    }
}

/// P8: "to appear" (and "accepted") as the year is printed as the style's
/// term for a forthcoming work: APA "(in press)", Chicago, Harvard and
/// Vancouver "forthcoming"; the stored note stays as written.
#[test]
fn to_appear_prints_the_style_term() {
    let w = workdir();
    w.import_reading(
        "d.bib",
        "@article{p3, author = {Coker, Dayo}, title = {To appear paper}, journal = {Lagos Health}, year = {to appear}}\n\
         @article{p4, author = {Bello, Ife}, title = {Accepted paper}, journal = {Lagos Health}, year = {accepted}}\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "To appear")["year_note"], "to appear");
    let apa = w.references("apa");
    assert!(reference(&apa, "To appear").starts_with("Coker, D. (in press)."), "{apa:?}");
    assert!(reference(&apa, "Accepted").starts_with("Bello, I. (in press)."), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "To appear").starts_with("Coker, Dayo. Forthcoming."), "{chicago:?}");
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "To appear").starts_with("Coker, D. (forthcoming)"), "{harvard:?}");
    let v = w.references("vancouver");
    assert!(reference(&v, "To appear").ends_with("Forthcoming."), "{v:?}");
    for refs in [&apa, &chicago, &harvard, &v] {
        assert!(!reference(refs, "To appear").to_lowercase().contains("to appear."), "{refs:?}");
    }
}

/// P9: a DOI given only as a resolver link in the URL (doi.org, dx.doi.org,
/// percent-encoded) is the record's DOI, in CSV, BibTeX, RIS and CSL-JSON,
/// so the same work with its DOI written out is found, not added again.
#[test]
fn a_doi_in_the_url_is_the_doi() {
    let w = workdir();
    w.import_reading(
        "u1.csv",
        "title,authors,year,type,doi,url\nDOI in url only,\"Tutu, Desmond\",2019,article,,https://doi.org/10.1234/abcd.efg\n",
    );
    w.import_reading(
        "u2.csv",
        "title,authors,year,type,doi,url\nDOI in url only,\"Tutu, Desmond\",2019,article,10.1234/ABCD.EFG,\n",
    );
    w.import_reading(
        "b.bib",
        "@article{u, author = {Ama, Osei}, title = {Bib url doi}, journal = {J}, year = {2019}, \
         url = {https://doi.org/10.1234/abcd%2Fefg}}\n",
    );
    w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - Ris url doi\nPY  - 2018\nUR  - http://dx.doi.org/10.5555/ris.1\nER  - \n",
    );
    w.import_reading(
        "j.json",
        r#"[{"id": "j", "type": "article-journal", "title": "Json url doi", "URL": "https://doi.org/10.5555/json.2",
            "issued": {"date-parts": [[2019]]}}]"#,
    );
    w.import_reading(
        "o.csv",
        "title,authors,year,type,url\nPlain url,\"Tutu, Desmond\",2019,web,https://example.org/10.1/x\n",
    );
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 5, "{list:#}");
    let r = reading(&list, "DOI in url only");
    // One record: the DOI (case-insensitive, DOI Handbook §2.4) and the URL kept.
    assert!(r["doi"].as_str().is_some_and(|d| d.eq_ignore_ascii_case("10.1234/abcd.efg")), "{r}");
    assert_eq!(r["url"], "https://doi.org/10.1234/abcd.efg");
    assert_eq!(reading(&list, "Bib url doi")["doi"], "10.1234/abcd/efg");
    assert_eq!(reading(&list, "Ris url doi")["doi"], "10.5555/ris.1");
    assert_eq!(reading(&list, "Json url doi")["doi"], "10.5555/json.2");
    assert!(reading(&list, "Plain url")["doi"].is_null());
}

/// P11: every format refuses a DOI whose prefix is not "10." and digits
/// ("10.abc/def"), with the message CSV and CSL-JSON give.
#[test]
fn a_doi_needs_a_numeric_prefix_in_every_format() {
    let w = workdir();
    let bib =
        w.write("d.bib", "@article{d, author = {Smith, John}, title = {Bad doi}, year = {2019}, doi = {10.abc/def}}\n");
    let err = w.fails(&["import", "reading", bib.to_str().unwrap()]);
    assert!(err.contains("doi \"10.abc/def\" is not a DOI; expected the form 10.1234/abc"), "{err}");
    let ris = w.write("d.ris", "TY  - JOUR\nTI  - Bad doi\nPY  - 2019\nDO  - 10.12a4/x\nER  - \n");
    let err = w.fails(&["import", "reading", ris.to_str().unwrap()]);
    assert!(err.contains("doi \"10.12a4/x\" is not a DOI"), "{err}");
    // A registrant code with a subdivision is a DOI.
    w.import_reading("ok.csv", "title,authors,year,doi\nGood doi,\"Smith, John\",2019,10.1000.10/abc\n");
    assert_eq!(reading(&w.reading_list(), "Good doi")["doi"], "10.1000.10/abc");
}

/// P12: the cosmetic messages the tester found. A rejects file in a missing
/// folder says "writing" once; Zotero's "Editor" column is reported as the
/// editors it is stored as; a long person's name with a particle is no
/// institution; BibTeX's `Martin Luther King, Jr.` is warned of with the
/// form that says it; APA prints a worded edition with "ed.".
#[test]
fn cosmetic_messages_and_terms() {
    let w = workdir();
    let ris = w.write("rj.ris", "TY  - JOUR\nTI  - Bad\nPY  - 2019\nDO  - nope\nER  - \n");
    let err =
        w.fails(&["import", "reading", ris.to_str().unwrap(), "--skip-invalid", "--rejects", "/nonexistent/dir/r.ris"]);
    assert!(err.contains("the folder /nonexistent/dir does not exist"), "{err}");
    assert_eq!(err.matches("writing").count(), 1, "{err}");
    let zot = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Editor\",\"Title\"\n\
         \"K1\",\"book\",\"2019\",\"Osei, Kwame\",\"Mensah, Kofi\",\"Zotero book\"\n",
    );
    assert!(zot.contains("\"Editor\" → editors") && !zot.contains("authors (also)"), "{zot}");
    let z = reading(&w.reading_list(), "Zotero book").clone();
    assert_eq!(z["editor_names"][0]["family"], "Mensah", "{z}");
    let bib = w.import_reading(
        "v.bib",
        "@book{v, author = {Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin and Martin Luther King, Jr.}, \
         title = {Vee book}, publisher = {Zed}, year = {1990}, edition = {Updated}}\n",
    );
    assert!(!bib.contains("looks like an institution"), "{bib}");
    assert!(
        // (Read as the suffix since tester r73 F1, BibTeX's reading said:
        // changed on purpose from "was read by BibTeX's rule".)
        bib.contains("\"Martin Luther King, Jr.\" was read as given name \"Martin Luther\", family name \"King\"")
            && bib.contains("write it \"King, Jr., Martin Luther\""),
        "{bib}"
    );
    let apa = w.references("apa");
    assert!(reference(&apa, "Vee book").contains("Vee book (Updated ed.). Zed."), "{apa:?}");
}

/// P7 (part): title case is applied to English items only (CSL 1.0.2,
/// "Text-case"): a French article's title and journal keep their case in
/// Chicago, APA and Harvard; an English one is title-cased as before.
#[test]
fn title_case_only_for_english_items() {
    let w = workdir();
    w.import_reading(
        "f.nbib",
        "PMID- 201\nTI  - La santé coloniale en Afrique.\nDP  - 2015\nLA  - fre\nJT  - Revue d'histoire\n\
         TA  - Rev Hist\nFAU - Durand, Marie\nAU  - Durand M\n\n\
         PMID- 202\nTI  - Colonial health in africa.\nDP  - 2015\nLA  - eng\nJT  - Journal of african history\n\
         TA  - J Afr Hist\nFAU - Smith, John\nAU  - Smith J\n",
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "La santé"),
        "Durand, Marie. 2015. “La santé coloniale en Afrique.” Revue d'histoire."
    );
    assert!(reference(&chicago, "Colonial").contains("“Colonial Health in Africa.” Journal of African History."));
    for style in ["apa", "harvard"] {
        let refs = w.references(style);
        assert!(reference(&refs, "La santé").contains("Revue d'histoire"), "{style}: {refs:?}");
        assert!(reference(&refs, "Colonial").contains("Journal of African History"), "{style}: {refs:?}");
    }
}

/// P7 (part): a lone Greek letter in a title is a symbol and keeps its case
/// under Chicago's title case ("a α study" printed "a Α Study").
#[test]
fn a_greek_letter_keeps_its_case_under_title_case() {
    let w = workdir();
    w.import_reading(
        "g.bib",
        "@article{g, author = {Osei, Kwame}, title = {The {$\\alpha$} and κ statistics of agreement}, \
         journal = {J}, year = {2019}}\n",
    );
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "The α").contains("“The α and κ Statistics of Agreement.”"), "{chicago:?}");
}

/// A one-letter title in capitals ("A") has its case put back where the
/// title stands, not inside the author's name (Chicago printed "Osei, KwAme").
#[test]
fn a_title_case_is_put_back_on_the_title_only() {
    let w = workdir();
    w.import_reading("k.ris", "TY  - JOUR\nTI  - A\nPY  - 2019\nAU  - Osei, Kwame\nER  - \n");
    let chicago = w.references("chicago");
    assert_eq!(reference(&chicago, "A"), "Osei, Kwame. 2019. A.");
}
