//! Tester r96 F9, F5, F7, F6: a set's volume never becomes the set; a
//! reprint's year with its original year; a catalogue heading's title of
//! honour; BibTeX braces in RIS and CSL-JSON titles.

mod common;
use common::*;

const SET_BIB: &str = "@book{vols,
  editor = {Bynum, W. F. and Porter, Roy},
  title = {Companion Encyclopedia of the History of Medicine},
  volumes = {2},
  year = {1993},
  publisher = {Routledge},
  address = {London},
  isbn = {0415047714},
}
";

const VOLS_JSON: &str = r#"[
{"id":"v1","type":"book","title":"Companion encyclopedia of the history of medicine","volume":"1","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"issued":{"date-parts":[[1993]]},"publisher":"Routledge","ISBN":"0415047714"},
{"id":"v2","type":"book","title":"Companion encyclopedia of the history of medicine","volume":"2","editor":[{"family":"Bynum","given":"W. F."},{"family":"Porter","given":"Roy"}],"issued":{"date-parts":[[1993]]},"publisher":"Routledge","ISBN":"0415047714"}
]"#;

/// (title, volume, number of volumes) of every reading, by volume.
fn volumes(w: &Workdir) -> Vec<(String, String, String)> {
    let list = w.reading_list();
    let mut out: Vec<(String, String, String)> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("title"), s("volume"), s("number_of_volumes"))
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

fn set_and_two_volumes() -> Vec<(String, String, String)> {
    vec![
        ("Companion Encyclopedia of the History of Medicine".into(), "".into(), "2".into()),
        ("Companion encyclopedia of the history of medicine".into(), "1".into(), "".into()),
        ("Companion encyclopedia of the history of medicine".into(), "2".into(), "".into()),
    ]
}

/// The ID of the one reading without a volume (the set), as printed.
fn set_id(w: &Workdir) -> String {
    let list = w.reading_list();
    let set = list.as_array().unwrap().iter().find(|r| r["volume"].is_null()).expect("the set");
    format!("R{}", set["id"].as_str().map(str::to_string).unwrap_or_else(|| set["id"].to_string()))
}

#[test]
fn f9_volumes_under_the_sets_isbn_never_become_the_set() {
    let w = Workdir::new();
    w.import_reading("set.bib", SET_BIB);
    let set = set_id(&w);
    let err = w.import_reading("vols.json", VOLS_JSON);
    assert!(
        err.contains(&format!(
            "vols.json:2: volume 1 of the set stored as entry {set} (same ISBN): kept apart, added as its own entry"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("vols.json:3: volume 2 of the set stored as entry {set} (same ISBN)")), "{err}");
    assert!(err.contains("readings: 2 new, 0 changed"), "{err}");
    assert_eq!(volumes(&w), set_and_two_volumes());
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Companion Encyclopedia"),
        "Bynum WF, Porter R, editors. Companion Encyclopedia of the History of Medicine. London: Routledge; 1993. 2 vol."
    );
    // Again: nothing changes.
    let again = w.import_reading("vols.json", VOLS_JSON);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
    let again = w.import_reading("set.bib", SET_BIB);
    assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
    assert_eq!(volumes(&w), set_and_two_volumes());
}

#[test]
fn f9_a_set_after_its_volumes_is_its_own_record() {
    let w = Workdir::new();
    w.import_reading("vols.json", VOLS_JSON);
    let err = w.import_reading("set.bib", SET_BIB);
    assert!(err.contains("set.bib:1: the whole set, of which entry R"), "{err}");
    assert!(err.contains("is volume 1 (same ISBN): kept apart, added as its own entry"), "{err}");
    assert!(err.contains("readings: 1 new, 0 changed"), "{err}");
    assert_eq!(volumes(&w), set_and_two_volumes());
}

#[test]
fn f9_a_set_and_its_volume_in_one_file_and_without_isbn() {
    // Without an ISBN the title and year find the set: kept apart as well, said.
    let w = Workdir::new();
    w.import_reading("set.bib", &SET_BIB.replace("  isbn = {0415047714},\n", ""));
    let err = w.import_reading("vols.json", &VOLS_JSON.replace(r#","ISBN":"0415047714""#, ""));
    assert!(err.contains("vols.json:2: volume 1 of the set stored as entry R"), "{err}");
    assert!(err.contains("(same title and year): kept apart, added as its own entry"), "{err}");
    assert_eq!(volumes(&w), set_and_two_volumes());
    // The set and its volume 1 in one file: two records.
    let w = Workdir::new();
    let one = format!(
        "{SET_BIB}\n@book{{v1, editor = {{Bynum, W. F. and Porter, Roy}}, title = {{Companion encyclopedia of the \
         history of medicine}}, volume = {{1}}, year = {{1993}}, publisher = {{Routledge}}, isbn = {{0415047714}}}}\n"
    );
    let err = w.import_reading("both.bib", &one);
    assert!(err.contains("readings: 2 new"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE volume IS NULL AND number_of_volumes = '2'"), 1);
}

#[test]
fn f9_merge_keeps_the_set_and_its_volumes_apart() {
    let w = Workdir::new();
    w.import_reading("set.bib", SET_BIB);
    let theirs = w.path("theirs.db");
    let p = w.write("vols.json", VOLS_JSON);
    w.ok_at(&theirs, &["import", "reading", p.to_str().unwrap()]);
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "lead"]);
    assert!(out.contains("of the same ISBN: ours is the whole set, theirs volume 1"), "{out}");
    assert!(out.contains("of the same ISBN: ours is the whole set, theirs volume 2"), "{out}");
    assert_eq!(volumes(&w), set_and_two_volumes());
    // The other way round: their set beside our volumes.
    let w2 = Workdir::new();
    w2.import_reading("vols.json", VOLS_JSON);
    let ours = w.db();
    let out = w2.ok(&["merge", ours.to_str().unwrap(), "--by", "lead"]);
    assert!(out.contains("of the same ISBN: ours is volume 1, theirs the whole set"), "{out}");
    assert_eq!(volumes(&w2), set_and_two_volumes());
}

/// (year, year_end, original_year) of the one reading.
fn years(w: &Workdir) -> (i64, Option<i64>, Option<String>) {
    let list = w.reading_list();
    let r = &list[0];
    let orig = match &r["original_year"] {
        serde_json::Value::Null => None,
        v => Some(v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())),
    };
    (r["year"].as_i64().expect("year"), r["year_end"].as_i64(), orig)
}

fn bib_with_year(year: &str) -> String {
    format!(
        "@book{{ross,\n  author = {{Ross, Ronald}},\n  title = {{Memoirs}},\n  year = {{{year}}},\n  publisher = {{John Murray}},\n}}\n"
    )
}

#[test]
fn f5_a_reprints_year_with_its_original_year_in_bibtex() {
    for y in [
        "(1923) 1988",
        "[1923] 1988",
        "1988 [1923]",
        "1988 (1923)",
        "1923 [reprinted 1988]",
        "1923, repr. 1988",
        "1988 (orig. 1923)",
        "1988 [first published 1923]",
        "1988 [reprint of the 1923 ed.]",
        "1988, c1923",
    ] {
        let w = Workdir::new();
        let err = w.import_reading("r.bib", &bib_with_year(y));
        assert!(
            err.contains(&format!(
                "r.bib:4:3: warning: in entry `ross`: the date {y:?} is a reprint of 1923: canon keeps the reprint's \
                 year, 1988, as the year and 1923 as the original year"
            )),
            "{y}: {err}"
        );
        assert_eq!(years(&w), (1988, None, Some("1923".into())), "{y}");
        let apa = w.references("apa");
        assert_eq!(reference(&apa, "Memoirs"), "Ross, R. (1988). Memoirs. John Murray. (Original work published 1923)");
        let chicago = w.references("chicago");
        assert_eq!(reference(&chicago, "Memoirs"), "Ross, Ronald. (1923) 1988. Memoirs. John Murray.");
    }
}

#[test]
fn f5_a_reprint_beside_origdate_and_alone() {
    // origdate given: kept, the date's other original year said.
    let w = Workdir::new();
    let bib = bib_with_year("1988 [1923]").replace("  publisher", "  origdate = {1922},\n  publisher");
    let err = w.import_reading("r.bib", &bib);
    assert!(
        err.contains(
            "the date \"1988 [1923]\" is a reprint of 1923: canon keeps the reprint's year, 1988, as the year, and \
             the record's original year \"1922\", not 1923"
        ),
        "{err}"
    );
    assert_eq!(years(&w), (1988, None, Some("1922".into())));
    // "repr. 1988": the year, said.
    let w = Workdir::new();
    let err = w.import_reading("r.bib", &bib_with_year("repr. 1988"));
    assert!(err.contains("the date \"repr. 1988\" is a reprint's: canon keeps its year, 1988, as the year"), "{err}");
    assert_eq!(years(&w), (1988, None, None));
    // A form not read whole keeps its latest year, said; never refused.
    let w = Workdir::new();
    let err = w.import_reading("r.bib", &bib_with_year("1988 [facsimile reprint, 1923 printing]"));
    assert!(err.contains("names a reprint, not read whole: canon keeps the year 1988 (its latest)"), "{err}");
    assert_eq!(years(&w).0, 1988);
}

#[test]
fn f5_ranges_and_one_editions_years_stay_as_they_were() {
    // Two bare years are a range (the Standard Edition of Freud is "1953-1974"),
    // with a word on the reprint form when only a space is between them.
    let w = Workdir::new();
    let err = w.import_reading("r.bib", &bib_with_year("1923 1988"));
    assert!(
        err.contains(
            "the date \"1923 1988\" is read as the years 1923 to 1988; if it is a reprint (1988) of a work first \
             published in 1923, write \"1988 [1923]\" (the original year in brackets)"
        ),
        "{err}"
    );
    assert_eq!(years(&w), (1923, Some(1988), None));
    for (y, want) in [("1953-1974", (1953, Some(1974), None)), ("2004, c2003", (2004, None, None))] {
        let w = Workdir::new();
        let err = w.import_reading("r.bib", &bib_with_year(y));
        assert!(!err.contains("reprint"), "{y}: {err}");
        assert_eq!(years(&w), want, "{y}");
    }
}

#[test]
fn f5_every_format_reads_a_reprints_date() {
    let cases: [(&str, String); 5] = [
        ("r.csv", "title,authors,year,type,publisher\nMemoirs,\"Ross, Ronald\",(1923) 1988,book,John Murray\n".into()),
        ("r.ris", "TY  - BOOK\nAU  - Ross, Ronald\nTI  - Memoirs\nPY  - 1988 [1923]\nPB  - John Murray\nER  - \n".into()),
        (
            "r2.ris",
            "TY  - BOOK\nAU  - Ross, Ronald\nTI  - Memoirs\nDA  - 1923 [reprinted 1988]\nPB  - John Murray\nER  - \n"
                .into(),
        ),
        (
            "r.json",
            r#"[{"id":"a","type":"book","title":"Memoirs","author":[{"family":"Ross","given":"Ronald"}],"issued":{"raw":"(1923) 1988"},"publisher":"John Murray"}]"#
                .into(),
        ),
        (
            "r2.json",
            r#"[{"id":"a","type":"book","title":"Memoirs","author":[{"family":"Ross","given":"Ronald"}],"issued":{"literal":"1988 [1923]"},"publisher":"John Murray"}]"#
                .into(),
        ),
    ];
    for (name, text) in cases {
        let w = Workdir::new();
        let err = w.import_reading(name, &text);
        assert!(err.contains("is a reprint of 1923: canon keeps the reprint's year, 1988"), "{name}: {err}");
        assert_eq!(years(&w), (1988, None, Some("1923".into())), "{name}");
    }
    let w = Workdir::new();
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\
        <contributors><authors><author><style>Ross, Ronald</style></author></authors></contributors>\
        <titles><title><style>Memoirs</style></title></titles><dates><year><style>1988 [1923]</style></year></dates>\
        </record></records></xml>";
    let err = w.import_reading("r.xml", xml);
    assert!(err.contains("is a reprint of 1923"), "{err}");
    assert_eq!(years(&w), (1988, None, Some("1923".into())));
}

#[test]
fn f7_a_catalogue_headings_title_of_honour_is_no_author() {
    let w = Workdir::new();
    let csv = "title,authors,year,type,publisher
Memoirs,\"Ross, Ronald, Sir, 1857-1932\",1923,book,John Murray
Tropical Diseases,\"Manson, Patrick, Sir, 1844-1922\",1898,book,Cassell
Notes on Nursing,\"Nightingale, Florence, 1820-1910\",1859,book,Harrison
The Wretched of the Earth,\"Fanon, Frantz, 1925-1961.\",1963,book,Grove
The Souls of Black Folk,\"Du Bois, W. E. B. (William Edward Burghardt), 1868-1963\",1903,book,McClurg
Wonderful Adventures,\"Seacole, Mary, 1805-1881, author.\",1857,book,Blackwood
Antiseptic Principle,\"Lister, Joseph Lister, Baron, 1827-1912\",1867,book,Lancet
Letters,\"Nightingale, Florence, Dame\",1860,book,Harrison
";
    let err = w.import_reading("names.csv", csv);
    assert!(
        err.contains(
            "names.csv:2:2: warning: authors cell \"Sir\", \"1857-1932\" dropped from the name \"Ross, Ronald, Sir, \
             1857-1932\": a title of honour and life dates, as a library catalogue writes them, are not part of a \
             name in a citation"
        ),
        "{err}"
    );
    assert!(err.contains("\"Dame\" dropped from the name \"Nightingale, Florence, Dame\": a title of honour, as a library catalogue writes it, is not part"), "{err}");
    assert!(!err.contains("comma-separated parts"), "{err}");
    let list = w.reading_list();
    for (title, family, given) in [
        ("Memoirs", "Ross", "Ronald"),
        ("Tropical Diseases", "Manson", "Patrick"),
        ("Notes on Nursing", "Nightingale", "Florence"),
        ("The Wretched", "Fanon", "Frantz"),
        ("The Souls", "Du Bois", "W. E. B."),
        ("Wonderful", "Seacole", "Mary"),
        ("Antiseptic", "Lister", "Joseph Lister"),
        ("Letters", "Nightingale", "Florence"),
    ] {
        assert_eq!(
            author_parts(reading(&list, title), ["family", "given"]),
            vec![[family.to_string(), given.to_string()]],
            "{title}"
        );
    }
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Memoirs"), "Ross, R. (1923). Memoirs. John Murray.");
    let vancouver = w.references("vancouver");
    assert_eq!(reference(&vancouver, "Tropical"), "Manson P. Tropical Diseases. [place unknown]: Cassell; 1898.");
}

#[test]
fn f7_every_format_reads_the_heading() {
    let ris = "TY  - BOOK\nAU  - Ross, Ronald, Sir, 1857-1932\nTI  - Memoirs\nPY  - 1923\nER  - \n";
    let bib = "@book{ross, author = {Ross, Ronald, Sir, 1857-1932 and Manson, Patrick, Sir, 1844-1922}, title = {Memoirs}, year = {1923}}\n";
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\
        <contributors><authors><author><style>Ross, Ronald, Sir, 1857-1932</style></author></authors></contributors>\
        <titles><title><style>Memoirs</style></title></titles><dates><year><style>1923</style></year></dates>\
        </record></records></xml>";
    for (name, text, people) in [
        ("n.ris", ris, vec![["Ross", "Ronald"]]),
        ("n.bib", bib, vec![["Ross", "Ronald"], ["Manson", "Patrick"]]),
        ("n.xml", xml, vec![["Ross", "Ronald"]]),
    ] {
        let w = Workdir::new();
        let err = w.import_reading(name, text);
        assert!(err.contains("\"Sir\", \"1857-1932\" dropped from the name \"Ross, Ronald, Sir, 1857-1932\": a title of honour and life dates"), "{name}: {err}");
        let list = w.reading_list();
        let want: Vec<[String; 2]> = people.iter().map(|p| p.map(str::to_string)).collect();
        assert_eq!(author_parts(reading(&list, "Memoirs"), ["family", "given"]), want, "{name}");
    }
}

const BRACED_RIS: &str = "TY  - MANSCPT
AU  - Ross, Ronald
TI  - {Notebook on mosquito dissections}
PY  - 1897
ER  - 

TY  - ELEC
AU  - {Wellcome Collection}
TI  - {Medicine and empire}
UR  - https://wellcomecollection.org/articles/medicine-empire
PY  - 2020
ER  - 

TY  - JOUR
AU  - Mensah, Kofi
T1  - {DNA} repair in {Ghana}: the {de novo} case
JO  - {Journal of Tropical Medicine}
PY  - 2019
VL  - 3
ER  - 

TY  - JOUR
AU  - Osei, Ama
TI  - Sets {x | x > 1} in $\\{a\\}$ notation
PY  - 2019
ER  - 
";

#[test]
fn f6_bibtex_braces_in_ris_titles_are_read_as_bibtex_reads_them() {
    let w = Workdir::new();
    let err = w.import_reading("m.ris", BRACED_RIS);
    assert!(
        err.contains(
            "m.ris:3:7: warning: in the record starting at line 1: title \"{Notebook on mosquito dissections}\": the \
             braces around the whole title are a BibTeX habit, not RIS's; read as an ordinary title"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "title \"{DNA} repair in {Ghana}: the {de novo} case\": braces around words are BibTeX's case \
             protection, not RIS's; read without them, the braced words' case kept as written"
        ),
        "{err}"
    );
    assert!(
        err.contains("container \"{Journal of Tropical Medicine}\": the braces around the whole container"),
        "{err}"
    );
    let stored = |like: &str| -> String {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.query_row("SELECT title || '|' || coalesce(container, '') FROM reading WHERE title LIKE ?1", [like], |r| {
            r.get(0)
        })
        .unwrap()
    };
    assert_eq!(stored("Notebook%"), "Notebook on mosquito dissections|");
    assert_eq!(stored("Medicine%"), "Medicine and empire|");
    assert_eq!(
        stored("%repair%"),
        "<span class=\"nocase\">DNA</span> repair in <span class=\"nocase\">Ghana</span>: the <span \
         class=\"nocase\">de novo</span> case|Journal of Tropical Medicine"
    );
    // Braces beside TeX math are no case protection: kept as written.
    assert_eq!(stored("Sets%"), "Sets {x | x > 1} in $\\{a\\}$ notation|");
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Notebook"), "Ross, R. (1897). Notebook on mosquito dissections [Manuscript].");
    assert_eq!(
        reference(&apa, "Medicine and empire"),
        "Wellcome Collection. (2020). Medicine and empire. https://wellcomecollection.org/articles/medicine-empire"
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "{DNA}"),
        "Mensah, Kofi. 2019. “DNA Repair in Ghana: The de novo Case.” Journal of Tropical Medicine 3."
    );
    // CSL-JSON titles so written: read alike.
    let w = Workdir::new();
    let err = w.import_reading(
        "m.json",
        r#"[{"id":"a","type":"book","title":"{Medicine and empire}","author":[{"family":"Ross","given":"Ronald"}],"issued":{"date-parts":[[2020]]}}]"#,
    );
    assert!(err.contains("the braces around the whole title are a BibTeX habit, not CSL-JSON's"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Medicine and empire'"), 1);
}
