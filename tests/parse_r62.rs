//! Tester r62: what library catalogues and reference managers write beside
//! a value is read for what it is, in every format that can carry it, and
//! said: RDA life dates and relator terms after a name (F7), a suffix typed
//! into CSL-JSON's family name (F9), an ISBN's qualifier (F8), a printing
//! year with its copyright year (F13), a DOI URL's query or fragment (F12),
//! BibTeX's `\"` in a quoted field (F11).

mod common;

use common::{Workdir, reading, reference};

/// A reading's people of `key` ("author_names", "editor_names",
/// "translator_names") as "Family, Given" (a literal as it is).
fn people(list: &serde_json::Value, title: &str, key: &str) -> Vec<String> {
    reading(list, title)[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {list:#}"))
        .iter()
        .map(|n| match n["literal"].as_str() {
            Some(l) => l.to_string(),
            None => {
                let mut s = n["family"].as_str().unwrap_or_default().to_string();
                if let Some(g) = n["given"].as_str() {
                    s = format!("{s}, {g}");
                }
                if let Some(x) = n["suffix"].as_str() {
                    s = format!("{s}, {x}");
                }
                s
            }
        })
        .collect()
}

const RDA_CSV: &str = "title,authors,year,type\n\
    Medical apartheid,\"Washington, Harriet A., 1951- author.\",2006,book\n\
    Black and blue,\"Hoberman, John M. (John Milton), 1944- author.\",2012,book\n\
    Fatal invention,\"Roberts, Dorothy E., 1956-\",2011,book\n\
    Killing the black body,\"Roberts, Dorothy, 1956- author; Smith, J., editor.\",1997,book\n\
    The wretched,\"Fanon, Frantz, 1925-1961, author; Farrington, Constance, translator.\",1963,book\n\
    An edited book,\"Farmer, Paul, 1959-2022, editor; Kim, Jim Yong, 1959- editor.\",2013,book\n\
    Illustrated,\"Osei, Ama, author, illustrator.\",2020,book\n\
    Compiled,\"Mensah, Kofi, compiler.\",2019,book\n";

/// F7: the tester's catalogue names give no invented author, and an
/// editor's relator term makes an editor; every guess is said.
#[test]
fn rda_names_in_a_csv_cell_lose_dates_and_relators_said() {
    let w = Workdir::new();
    let said = w.import_reading("rda.csv", RDA_CSV);
    let l = w.reading_list();
    assert_eq!(people(&l, "Medical apartheid", "author_names"), ["Washington, Harriet A."], "{said}");
    assert_eq!(people(&l, "Black and blue", "author_names"), ["Hoberman, John M."], "{said}");
    assert_eq!(people(&l, "Fatal invention", "author_names"), ["Roberts, Dorothy E."], "{said}");
    assert_eq!(people(&l, "Killing", "author_names"), ["Roberts, Dorothy"], "{said}");
    assert_eq!(people(&l, "Killing", "editor_names"), ["Smith, J."], "{said}");
    assert_eq!(people(&l, "The wretched", "author_names"), ["Fanon, Frantz"], "{said}");
    assert_eq!(people(&l, "The wretched", "translator_names"), ["Farrington, Constance"], "{said}");
    assert_eq!(people(&l, "An edited", "editor_names"), ["Farmer, Paul", "Kim, Jim Yong"], "{said}");
    assert!(people(&l, "An edited", "author_names").is_empty(), "{said}");
    assert_eq!(people(&l, "Illustrated", "author_names"), ["Osei, Ama"], "{said}");
    assert_eq!(people(&l, "Compiled", "author_names"), ["Mensah, Kofi"], "{said}");
    for line in 2..=9 {
        assert!(said.contains(&format!("rda.csv:{line}:")), "line {line} unsaid:\n{said}");
    }
    assert!(
        said.contains(
            "\"1951- author.\" dropped from the name \"Washington, Harriet A., 1951- author.\": life dates and a \
             relator term (the person's role), as a library catalogue writes them, are not part of a name"
        ),
        "{said}"
    );
    assert!(said.contains("author \"Smith, J.\": the relator \"editor\" makes the person an editor"), "{said}");
    assert!(said.contains("the relator \"translator\" makes the person a translator"), "{said}");
    assert!(said.contains("the relator \"compiler\" is a role canon does not store"), "{said}");
    assert!(said.contains("(John Milton)"), "{said}");
    assert!(!said.contains("comma-separated parts"), "no guessed split of one name:\n{said}");

    let apa = w.references("apa");
    assert!(reference(&apa, "Medical apartheid").starts_with("Washington, H. A. (2006)."), "{apa:?}");
    assert!(reference(&apa, "Killing").contains("(J. Smith, Ed.)"), "{apa:?}");
    let van = w.references("vancouver");
    assert!(reference(&van, "Medical apartheid").starts_with("Washington HA. Medical apartheid."), "{van:?}");
    assert!(!reference(&van, "Killing").contains("1956"), "{van:?}");
}

/// F7: the same catalogue names in RIS, BibTeX, EndNote XML and Zotero's
/// CSV: one reading each way.
#[test]
fn rda_names_in_every_format_with_names() {
    let ris = "TY  - BOOK\nAU  - Washington, Harriet A., 1951- author.\nA2  - Smith, J., editor.\n\
               TI  - Medical apartheid\nPY  - 2006\nER  - \n\n\
               TY  - BOOK\nAU  - Roberts, Dorothy, 1956- author\nAU  - Smith, J., editor.\n\
               TI  - Killing the black body\nPY  - 1997\nER  - \n";
    let bib = "@book{w, author = {Washington, Harriet A., 1951- author.}, title = {Medical apartheid}, \
               year = {2006}}\n\
               @book{r, author = {Roberts, Dorothy, 1956- author and Smith, J., editor.}, \
               title = {Killing the black body}, year = {1997}}\n";
    let xml = "<?xml version=\"1.0\"?><xml><records>\
               <record><ref-type name=\"Book\">6</ref-type><contributors><authors>\
               <author>Washington, Harriet A., 1951- author.</author></authors></contributors>\
               <titles><title>Medical apartheid</title></titles><dates><year>2006</year></dates></record>\
               <record><ref-type name=\"Book\">6</ref-type><contributors><authors>\
               <author>Roberts, Dorothy, 1956- author</author><author>Smith, J., editor.</author></authors>\
               </contributors><titles><title>Killing the black body</title></titles>\
               <dates><year>1997</year></dates></record></records></xml>";
    let zotero = "Key,Item Type,Publication Year,Author,Title,Publication Title\n\
                  K1,book,2006,\"Washington, Harriet A., 1951- author.\",Medical apartheid,\n\
                  K2,book,1997,\"Roberts, Dorothy, 1956- author; Smith, J., editor.\",Killing the black body,\n";
    for (name, text) in [("r.ris", ris), ("r.bib", bib), ("r.xml", xml), ("z.csv", zotero)] {
        let w = Workdir::new();
        let said = w.import_reading(name, text);
        let l = w.reading_list();
        assert_eq!(people(&l, "Medical", "author_names"), ["Washington, Harriet A."], "{name}: {said}");
        assert_eq!(people(&l, "Killing", "author_names"), ["Roberts, Dorothy"], "{name}: {said}");
        assert!(people(&l, "Killing", "editor_names").contains(&"Smith, J.".to_string()), "{name}: {said}");
        assert!(said.contains("\"1951- author.\" dropped"), "{name}: {said}");
        assert!(said.contains("relator"), "{name}: {said}");
    }
}

/// F7: what is not a relator stays the name it was: a capitalised
/// "Editor" may be a given name, "Farmer P, Kim JY, editors" is still the
/// editors' list, and a plain "Family, Given" gets no relator note.
#[test]
fn only_catalogue_relators_are_taken_off_a_name() {
    let w = Workdir::new();
    let said = w.import_reading(
        "n.csv",
        "title,authors,year,type\n\
         Given editor,\"Smith, Editor\",2001,book\n\
         Listed editors,\"Farmer P, Kim JY, editors\",2002,book\n\
         Plain,\"Osei, Ama; Lind, Tove\",2003,article\n",
    );
    let l = w.reading_list();
    assert_eq!(people(&l, "Given editor", "author_names"), ["Smith, Editor"], "{said}");
    assert_eq!(people(&l, "Listed editors", "editor_names"), ["Farmer, P.", "Kim, J. Y."], "{said}");
    assert!(!said.contains("relator"), "{said}");
}

/// F9: a suffix typed into CSL-JSON's `family` ("Mensah, Jr.", "King
/// Jr.", "Gates III") is the suffix, said; "Mitidiero Junior" (a
/// Portuguese family name) and a `suffix` part given are left as written.
#[test]
fn a_suffix_in_csl_json_family_is_the_suffix_said() {
    let w = Workdir::new();
    let said = w.import_reading(
        "z.json",
        r#"[
{"id":"z2","type":"article-journal","title":"Suffix in family","author":[{"family":"King Jr.","given":"Martin Luther"},{"family":"Mensah, Jr.","given":"Kofi A."}],"editor":[{"family":"Gates III","given":"William"}],"issued":{"date-parts":[[2002]]},"container-title":"J P","volume":"1","page":"1-2"},
{"id":"z3","type":"article-journal","title":"No suffix here","author":[{"family":"Mitidiero Junior","given":"Marco"},{"family":"Lind","given":"Tove","suffix":"Jr."}],"issued":{"date-parts":[[2003]]},"container-title":"J P"}
]"#,
    );
    let l = w.reading_list();
    assert_eq!(
        people(&l, "Suffix in family", "author_names"),
        ["King, Martin Luther, Jr.", "Mensah, Kofi A., Jr."],
        "{said}"
    );
    assert_eq!(people(&l, "Suffix in family", "editor_names"), ["Gates, William, III"], "{said}");
    assert_eq!(people(&l, "No suffix", "author_names"), ["Mitidiero Junior, Marco", "Lind, Tove, Jr."], "{said}");
    assert!(said.contains("author family name \"Mensah, Jr.\" ends with the suffix \"Jr.\""), "{said}");
    assert!(said.contains("author family name \"King Jr.\" ends with the suffix \"Jr.\""), "{said}");
    assert!(said.contains("editor family name \"Gates III\""), "{said}");
    assert!(!said.contains("Mitidiero"), "{said}");
    let van = w.references("vancouver");
    assert!(reference(&van, "Suffix in family").starts_with("King ML Jr, Mensah KA Jr."), "{van:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Suffix in family").contains("Mensah, K. A., Jr."), "{apa:?}");
}

/// F8: an ISBN with a catalogue's qualifier, "(pbk. : alk. paper)" (MARC
/// 020 $q) or "(v. 2)", is read in a CSV and in RIS, and the qualifier
/// named as not stored; a bad check digit is still refused as one.
#[test]
fn an_isbn_qualifier_with_a_colon_is_read_and_named() {
    let w = Workdir::new();
    let said = w.import_reading(
        "i.csv",
        "title,authors,year,type,isbn\n\
         Paperback,\"Doe, J\",2002,book,0520229134 (pbk. : alk. paper)\n\
         Second volume,\"Roe, K\",2003,book,9780802141323 (v. 2)\n",
    );
    let l = w.reading_list();
    assert_eq!(reading(&l, "Paperback")["isbn"], "0520229134", "{said}");
    assert_eq!(reading(&l, "Second volume")["isbn"], "9780802141323", "{said}");
    assert!(
        said.contains(
            "i.csv:2:5: warning: isbn \"0520229134 (pbk. : alk. paper)\": read as the ISBN 0520229134; the \
             qualifier \"(pbk. : alk. paper)\" after it"
        ),
        "{said}"
    );
    // "(v. 2)" names the volume, the record's when it gives none (tester
    // r72 F18: it was named as not stored).
    assert!(said.contains("read as the ISBN 9780802141323 of volume 2"), "{said}");
    assert_eq!(reading(&l, "Second volume")["volume"], "2", "{said}");

    let r = Workdir::new();
    let said = r.import_reading(
        "i.ris",
        "TY  - BOOK\nAU  - Doe, J\nTI  - Paperback\nPY  - 2002\nSN  - 0520229134 (pbk. : alk. paper)\nER  - \n",
    );
    assert_eq!(reading(&r.reading_list(), "Paperback")["isbn"], "0520229134", "{said}");
    assert!(said.contains("the qualifier \"(pbk. : alk. paper)\""), "{said}");

    let bad = Workdir::new();
    let f =
        bad.write("b.csv", "title,authors,year,type,isbn\nBad,\"Doe, J\",2002,book,0520229135 (pbk. : alk. paper)\n");
    let err = bad.fails(&["import", "reading", f.to_str().unwrap()]);
    assert!(err.contains("b.csv:2:5:") && err.contains("check digit"), "{err}");
}

/// F13: "2004, c2003" is a publication year with its copyright year, not a
/// range from 2004 to 2003, in every format with a date.
#[test]
fn a_year_with_its_copyright_year_is_named_as_such() {
    let csv =
        "title,authors,year,type\nPrinted,\"Doe, J\",\"2004, c2003\",book\nBracketed,\"Doe, J\",2004 [c2003],book\n";
    let ris = "TY  - BOOK\nAU  - Doe, J\nTI  - Printed\nPY  - 2004, c2003\nER  - \n";
    let bib = "@book{a, author = {Doe, J}, title = {Printed}, year = {2004, c2003}}\n";
    for (name, text) in [("y.csv", csv), ("y.ris", ris), ("y.bib", bib)] {
        let w = Workdir::new();
        let said = w.import_reading(name, text);
        let r = reading(&w.reading_list(), "Printed").clone();
        assert_eq!(r["year"], 2004, "{name}: {said}");
        assert!(
            said.contains(
                "the date \"2004, c2003\" is the publication year 2004 with the copyright year 2003, as a library \
                 catalogue writes it"
            ),
            "{name}: {said}"
        );
        assert!(!said.contains("runs from"), "{name}: {said}");
    }
}

/// F12: a DOI link's query or fragment, and a fragment after a DOI written
/// plain, are cut off and said (a DOI may hold "#" itself), in a CSV, RIS
/// and CSL-JSON; a SICI DOI's own "#" is kept unsaid.
#[test]
fn what_a_doi_link_loses_is_said() {
    let w = Workdir::new();
    let said = w.import_reading(
        "d.csv",
        "title,authors,year,type,doi\n\
         T14,\"A, B\",2014,article,https://doi.org/10.1000/xyz14?utm_source=x\n\
         T15,\"A, B\",2015,article,10.1000/xyz15#section\n\
         T16,\"A, B\",2016,article,https://doi.org/10.1000/xyz16#sec2\n\
         T17,\"A, B\",1996,article,10.1002/(SICI)1097-0142(19960101)77:1<1::AID-CNCR1>3.0.CO;2-#\n",
    );
    let l = w.reading_list();
    assert_eq!(reading(&l, "T14")["doi"], "10.1000/xyz14");
    assert_eq!(reading(&l, "T15")["doi"], "10.1000/xyz15");
    assert_eq!(reading(&l, "T16")["doi"], "10.1000/xyz16");
    assert!(
        said.contains(
            "d.csv:2:5: warning: doi \"https://doi.org/10.1000/xyz14?utm_source=x\": stored as \"10.1000/xyz14\"; \
             \"?utm_source=x\" is read as the link's query, not part of the DOI (if it is the DOI's own, write \"?\" \
             as %3F)"
        ),
        "{said}"
    );
    assert!(said.contains("d.csv:3:5: warning: doi \"10.1000/xyz15#section\": stored as \"10.1000/xyz15\""), "{said}");
    assert!(said.contains("\"#sec2\" is read as the link's fragment"), "{said}");
    assert!(!said.contains("d.csv:5:"), "a SICI DOI's own # is no fragment: {said}");

    let ris =
        "TY  - JOUR\nAU  - A, B\nTI  - T14\nPY  - 2014\nDO  - https://doi.org/10.1000/xyz14?utm_source=x\nER  - \n";
    let json = r#"[{"id":"a","type":"article-journal","title":"T14","issued":{"date-parts":[[2014]]},"DOI":"10.1000/xyz14#top"}]"#;
    for (name, text) in [("d.ris", ris), ("d.json", json)] {
        let w = Workdir::new();
        let said = w.import_reading(name, text);
        assert_eq!(reading(&w.reading_list(), "T14")["doi"], "10.1000/xyz14", "{name}: {said}");
        assert!(said.contains("stored as \"10.1000/xyz14\""), "{name}: {said}");
    }
}

/// F11: `\"` in a quote-delimited BibTeX value before no letter a
/// diaeresis marks is a quotation mark, said at its line; "G\"odel" keeps
/// its umlaut, and nothing becomes "ẗ" or "ẅ".
#[test]
fn a_backslash_quote_in_a_quoted_bibtex_value_is_a_quotation_mark_said() {
    let w = Workdir::new();
    let said = w.import_reading(
        "l.bib",
        "@article{l2,\n  author = {Nguyen, Van An},\n  title = \"Quoted \\\"title\\\" with {braces}\",\n  \
         journal = {J V H},\n  year = {2017},\n}\n\
         @article{g, author = {Smith, J}, title = \"G\\\"odel and \\\"quoted\\\" {\\\"a}\", year = 2001}\n",
    );
    let l = w.reading_list();
    let t = reading(&l, "Quoted")["title"].as_str().unwrap().to_string();
    assert!(t.starts_with("Quoted \"title\" with "), "{t}\n{said}");
    let g = reading(&l, "G")["title"].as_str().unwrap().to_string();
    assert_eq!(g, "Gödel and \"quoted\" ä", "{said}");
    assert!(!t.contains(['ẗ', 'ẅ']) && !g.contains(['ẗ', 'ẅ']));
    assert!(
        said.contains(
            "l.bib:3:19: warning: in entry `l2`: title: `\\\"` in a value written in quotes ends the value in BibTeX"
        ),
        "{said}"
    );
    assert!(said.contains("read as a quotation mark (2 times)"), "{said}");
}
