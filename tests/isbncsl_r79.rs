//! Tester r79 F3, F12: a book's other valid ISBNs (cloth and paperback in
//! one field) are kept to find the book by (schema 0036), in every format
//! that carries several, so a later record under another of them is the
//! same book and the stored ISBN never flips between files. F4: a `.csl`
//! style receives the stored original title as CSL `original-title`. F7:
//! Harvard and Chicago say "ahead of print" as the other styles do.

mod common;

use common::*;

const CLOTH: &str = "9780520271975";
const PBK: &str = "9780520273573";

fn endnote(title: &str, isbn_field: &str) -> String {
    let s = |v: &str| format!(r#"<style face="normal" font="default" size="100%">{v}</style>"#);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records>\n<record><rec-number>1</rec-number><ref-type \
         name=\"Edited Book\">28</ref-type><contributors><authors><author>{}</author><author>{}</author></authors>\
         </contributors><titles><title>{}</title></titles><dates><year>{}</year></dates><pub-location>{}\
         </pub-location><publisher>{}</publisher><isbn>{}</isbn></record>\n</records></xml>\n",
        s("Farmer, Paul"),
        s("Kim, Jim Yong"),
        s(title),
        s("2013"),
        s("Berkeley"),
        s("University of California Press"),
        s(isbn_field)
    )
}

fn ris(title: &str, sn: &str) -> String {
    format!(
        "TY  - BOOK\nAU  - Farmer, Paul\nAU  - Kim, Jim Yong\nTI  - {title}\nPY  - 2013\nCY  - Berkeley\nPB  - \
         University of California Press\nSN  - {sn}\nER  - \n"
    )
}

fn bibtex(title: &str, isbn: &str) -> String {
    format!(
        "@book{{farmer2013,\n  author = {{Farmer, Paul and Kim, Jim Yong}},\n  title = {{{title}}},\n  year = \
         {{2013}},\n  publisher = {{University of California Press}},\n  address = {{Berkeley}},\n  isbn = \
         {{{isbn}}}\n}}\n"
    )
}

fn csl_json(title: &str, isbn: &str) -> String {
    format!(
        r#"[{{"id":"farmer2013","type":"book","title":"{title}","author":[{{"family":"Farmer","given":"Paul"}},{{"family":"Kim","given":"Jim Yong"}}],"issued":{{"date-parts":[[2013]]}},"publisher":"University of California Press","publisher-place":"Berkeley","ISBN":"{isbn}"}}]"#
    )
}

/// (title, isbn) of every reading, by id.
fn books(w: &Workdir) -> Vec<(String, Option<String>)> {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.prepare("SELECT title, isbn FROM reading ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn one(title: &str, isbn: &str) -> Vec<(String, Option<String>)> {
    vec![(title.to_string(), Some(isbn.to_string()))]
}

const FULL: &str = "Reimagining global health: an introduction";
const SHORT: &str = "Reimagining global health";

/// F3 as the tester found it: the second ISBN is named as a valid one and
/// kept; the later export under it alone is the stored book, not a second.
#[test]
fn a_second_valid_isbn_finds_the_book_in_a_later_endnote_export() {
    let w = Workdir::new();
    let err = w.import_reading("isbn-a.xml", &endnote(FULL, &format!("{CLOTH} (cloth)&#xD;{PBK} (pbk.)")));
    assert!(
        err.contains(&format!(
            "the ISBN field \"{CLOTH} (cloth) {PBK} (pbk.)\": the ISBN {CLOTH} is kept; \"{PBK}\" is another valid \
             ISBN of the same book, kept to find the book by (canon prints one ISBN)"
        )),
        "{err}"
    );
    assert!(!err.contains("not a valid ISBN"), "{err}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading_other_isbn WHERE isbn = '{PBK}'")), 1);
    let err = w.import_reading("isbn-b.xml", &endnote(SHORT, &format!("{PBK} (pbk.)")));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged, 0 duplicate, 0 rejected"), "{err}");
    assert!(!err.contains("possible duplicate"), "{err}");
    assert_eq!(books(&w), one(FULL, CLOTH));
    // Its ISBN-10 form finds it too.
    let err = w.import_reading("isbn-c.xml", &endnote(SHORT, "0520273575"));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    assert_eq!(books(&w), one(FULL, CLOTH));
}

/// The same kind in RIS, BibTeX and CSL-JSON: the field with both ISBNs,
/// then a record under the other one alone, in each format after each.
#[test]
fn a_second_valid_isbn_finds_the_book_in_every_format() {
    type Make = fn(&str, &str) -> String;
    let formats: [(&str, Make, &str); 3] = [("ris", ris, "; "), ("bib", bibtex, ", "), ("json", csl_json, " ")];
    for (ext, make, sep) in formats {
        for (ext2, make2, _) in formats {
            let w = Workdir::new();
            let err = w.import_reading(&format!("a.{ext}"), &make(FULL, &format!("{CLOTH}{sep}{PBK}")));
            assert!(err.contains(&format!("\"{PBK}\" is another valid ISBN of the same book")), "{ext}: {err}");
            assert!(!err.contains("not a valid ISBN"), "{ext}: {err}");
            let err = w.import_reading(&format!("b.{ext2}"), &make2(SHORT, PBK));
            assert!(err.contains("readings: 0 new,"), "{ext} then {ext2}: {err}");
            assert!(err.contains("0 changed"), "{ext} then {ext2}: {err}");
            assert_eq!(books(&w), one(FULL, CLOTH), "{ext} then {ext2}");
        }
    }
}

/// A number beside the ISBN that is no valid ISBN is still said as such,
/// without calling it a second ISBN; a valid one beside it is kept.
#[test]
fn an_invalid_number_beside_the_isbn_is_named_apart_from_a_valid_one() {
    let w = Workdir::new();
    let err = w.import_reading("x.ris", &ris(FULL, &format!("{CLOTH}; {PBK}; 9780520273574")));
    assert!(err.contains(&format!("\"{PBK}\" is another valid ISBN of the same book")), "{err}");
    assert!(
        err.contains(&format!(
            "the ISBN {CLOTH} is kept; \"9780520273574\" not stored (not a valid ISBN: an ISSN, a report number or a \
             bad check digit)"
        )),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading_other_isbn"), 1);
}

/// F12 as the tester found it: two exports with both ISBNs in either order
/// keep the first import's ISBN; re-running them changes nothing.
#[test]
fn two_exports_with_both_isbns_in_either_order_never_flip_the_isbn() {
    let w = Workdir::new();
    let a = endnote(
        FULL,
        &format!("{CLOTH} (cloth : alk. paper)&#xD;0520271971 (cloth : alk. paper)&#xD;{PBK} (pbk. : alk. paper)"),
    );
    let b = endnote(FULL, &format!("{PBK} (pbk.)&#xD;{CLOTH} (cloth)"));
    let err = w.import_reading("endnote.xml", &a);
    assert!(err.contains("readings: 1 new"), "{err}");
    for round in 0..2 {
        for (name, text) in [("endnote2.xml", &b), ("endnote.xml", &a)] {
            let err = w.import_reading(name, text);
            assert!(!err.contains("replaces the stored one"), "{round} {name}: {err}");
            assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{round} {name}: {err}");
            assert_eq!(books(&w), one(FULL, CLOTH), "{round} {name}");
        }
    }
    // The other order first: the paperback's stays.
    let w = Workdir::new();
    for _ in 0..2 {
        for (name, text) in [("endnote2.xml", &b), ("endnote.xml", &a)] {
            let err = w.import_reading(name, text);
            assert!(!err.contains("replaces the stored one"), "{name}: {err}");
            assert_eq!(books(&w), one(FULL, PBK), "{name}");
        }
    }
}

/// The same in RIS and BibTeX, and a file with one ISBN that the stored
/// book keeps beside its own (or one listing the stored ISBN among
/// others) leaves the stored ISBN alone.
#[test]
fn a_file_listing_the_stored_isbn_among_others_leaves_it() {
    let w = Workdir::new();
    w.import_reading("one.bib", &bibtex(FULL, PBK));
    // (Adding the cloth ISBN beside the stored one is a change, in the
    // history: tester r84 F2; it was counted unchanged.)
    let err = w.import_reading("both.ris", &ris(FULL, &format!("{CLOTH}; {PBK}")));
    assert!(err.contains("readings: 0 new, 1 changed, 0 unchanged"), "{err}");
    assert_eq!(books(&w), one(FULL, PBK));
    // The cloth ISBN, now known beside the paperback's, finds the book and
    // does not replace its ISBN.
    let err = w.import_reading("cloth.json", &csl_json(FULL, CLOTH));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
    assert_eq!(books(&w), one(FULL, PBK));
    let err = w.import_reading("both.ris", &ris(FULL, &format!("{CLOTH}; {PBK}")));
    assert!(err.contains("readings: 0 new, 0 changed, 1 unchanged"), "{err}");
}

/// MEDLINE gives a book's second ISBN on a second `IS` line: kept and said.
#[test]
fn a_medline_books_second_is_line_finds_the_book() {
    let w = Workdir::new();
    let nbib = format!(
        "PMID- 24830066\nOWN - NLM\nSTAT- Publisher\nDP  - 2013\nTI  - {FULL}.\nPB  - University of California \
         Press\nPL  - Berkeley\nFED - Farmer, Paul\nED  - Farmer P\nIS  - {CLOTH} (cloth)\nIS  - {PBK} (pbk.)\nLA  - \
         eng\nPT  - Book\n\n"
    );
    let err = w.import_reading("book.nbib", &nbib);
    assert!(
        err.contains(&format!(
            "MEDLINE IS \"{PBK} (pbk.)\": another valid ISBN of the same book, kept to find the book by (canon \
             prints one ISBN)"
        )),
        "{err}"
    );
    assert!(!err.contains("a second ISBN; canon keeps one ISBN"), "{err}");
    let err = w.import_reading("b.ris", &ris(SHORT, PBK));
    assert!(err.contains("readings: 0 new,"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
}

const SPANISH: &str = "PMID- 11111111\nOWN - NLM\nDP  - 2005 Spring\nTI  - [Racial disparities in maternal \
mortality in Latin America].\nFAU - Garcia-Marquez, Ana Lucia\nAU  - Garcia-Marquez AL\nLA  - spa\nPT  - Journal \
Article\nTT  - Disparidades raciales en la mortalidad materna en America Latina.\nTA  - Rev Esp Salud \
Publica\nJT  - Revista espanola de salud publica\nVI  - 20\nIP  - 3\nPG  - 45-52\n\n";

const ORIG_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Original title test</title><id>http://example.org/orig</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography><layout suffix=".">
    <group delimiter=". ">
      <names variable="author"><name name-as-sort-order="all" initialize-with="" sort-separator=" " delimiter=", "/></names>
      <choose><if variable="original-title"><text variable="original-title"/></if><else><text value="(no original-title)"/></else></choose>
      <text variable="title"/>
      <text variable="container-title"/>
    </group>
  </layout></bibliography>
</style>
"#;

/// F4: a `.csl` style's `original-title` is the stored original title,
/// from MEDLINE's `TT` and from a list's `original_title` column; the
/// title is not also given as "Original [Translation]" to a style that
/// places the original itself.
#[test]
fn a_csl_style_receives_the_original_title() {
    let csl_path = |w: &Workdir| w.write("orig.csl", ORIG_CSL).to_str().unwrap().to_string();
    let w = Workdir::new();
    w.import_reading("pubmed.nbib", SPANISH);
    let refs = w.references(&csl_path(&w));
    assert_eq!(
        reference(&refs, "[Racial"),
        "Garcia-Marquez AL. Disparidades raciales en la mortalidad materna en America Latina. [Racial disparities \
         in maternal mortality in Latin America]. Revista espanola de salud publica."
    );
    // (MEDLINE's `JT` is the NLM catalogue's lower-case form, not the
    // journal's own: cased by the name's own language for every bundled
    // style, whatever the article's language (tester r97 F4); this `.csl`
    // gives the container title no case, so it prints it as stored (r112
    // F3, r114; was "Revista Espanola de Salud Publica").)
    let w = Workdir::new();
    w.import_reading(
        "ot.csv",
        "title,authors,year,type,container,original_title\nRacism in medicine,\"Dupont, Marie\",2020,article,\
         Revue medicale,Le racisme en medecine\n",
    );
    let refs = w.references(&csl_path(&w));
    assert_eq!(
        reference(&refs, "Racism in medicine"),
        "Dupont M. Le racisme en medecine. Racism in medicine. Revue medicale."
    );
    // A work with no original title: the style's own "else".
    let w = Workdir::new();
    w.import_reading(
        "plain.csv",
        "title,authors,year,type,container\nHealth equity,\"Dupont, Marie\",2020,article,BMJ\n",
    );
    let refs = w.references(&csl_path(&w));
    assert_eq!(reference(&refs, "Health equity"), "Dupont M. (no original-title). Health equity. BMJ.");
}

const AHEAD: &str = "PMID- 22222222\nOWN - NLM\nSTAT- Publisher\nDP  - 2023 Nov 4\nTI  - Structural racism and \
kidney function estimation: a cohort study.\nLID - 10.1000/kidney.2023.001 [doi]\nFAU - Osei, Kwame\nAU  - Osei \
K\nFAU - Smith, John, Jr\nAU  - Smith J Jr\nLA  - eng\nPT  - Journal Article\nDEP - 20231104\nTA  - Kidney \
Int\nJT  - Kidney international\nAID - 10.1000/kidney.2023.001 [doi]\nPST - aheadofprint\n\n";

/// F7: Harvard and Chicago say an article is ahead of print, when the
/// journal's abbreviation is the start of its name as printed, and when
/// the stored name has the NLM catalogue's qualifier.
#[test]
fn harvard_and_chicago_say_ahead_of_print() {
    let w = Workdir::new();
    w.import_reading("pubmed.nbib", AHEAD);
    let refs = w.references("harvard");
    assert_eq!(
        reference(&refs, "Structural racism"),
        "Osei, K. and Smith, J., Jr. (2023) ‘Structural racism and kidney function estimation: a cohort study’, \
         Kidney International, online ahead of print. Available at: https://doi.org/10.1000/kidney.2023.001."
    );
    let refs = w.references("chicago");
    assert_eq!(
        reference(&refs, "Structural racism"),
        "Osei, Kwame, and John Smith Jr. 2023. “Structural Racism and Kidney Function Estimation: A Cohort Study.” \
         Kidney International, advance online publication, November 4. https://doi.org/10.1000/kidney.2023.001."
    );
    let w = Workdir::new();
    w.import_reading(
        "lancet.nbib",
        &AHEAD
            .replace("TA  - Kidney Int", "TA  - Lancet")
            .replace("JT  - Kidney international", "JT  - Lancet (London, England)"),
    );
    for (style, words) in
        [("harvard", "Lancet, online ahead of print."), ("chicago", "Lancet, advance online publication,")]
    {
        let refs = w.references(style);
        let r = reference(&refs, "Structural racism");
        assert!(r.contains(words), "{style}: {r}");
    }
}
