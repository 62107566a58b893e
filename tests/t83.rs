//! Tester83: a more specific type of one work replaces a generic one in
//! either order of imports (F1); a chapter's book of the chapter's own title
//! is kept (F2); a crossref child inherits its book's number in its series
//! as that number (F3); an unsigned newspaper or magazine article in
//! Chicago has its title in quotation marks (F4); a thesis or report is
//! dated by its year alone in APA, Harvard and AMA (F5).

mod common;
use common::*;

/// Imports `first` then `second` into a fresh database; the second import's stderr.
fn both(first: (&str, &str), second: (&str, &str)) -> (Workdir, String) {
    let w = Workdir::new();
    w.import_reading(first.0, first.1);
    let err = w.import_reading(second.0, second.1);
    (w, err)
}

/// The stored record without its ID, for comparing two databases.
fn record(w: &Workdir, title: &str) -> serde_json::Value {
    let mut r = reading(&w.reading_list(), title).clone();
    r.as_object_mut().unwrap().remove("id");
    r
}

const NEWS_BIB: &str = "@article{al-razi_2019,\n\ttitle = {الطب والاستعمار في مصر},\n\tjournal = {Al-Ahram},\n\t\
                        author = {الرازي, محمد},\n\tmonth = apr,\n\tyear = {2019},\n\tpages = {12},\n}\n";
const NEWS_RIS: &str = "TY  - NEWS\nAU  - الرازي, محمد\nTI  - الطب والاستعمار في مصر\nT2  - Al-Ahram\nPY  - 2019\n\
                        DA  - 2019/04/02\nSP  - 12\nID  - Razi2019\nER  - \n";

/// F1: Zotero's `@article` for a newspaper article, then Mendeley's `NEWS`,
/// and the other way round: one record, a newspaper article, said.
#[test]
fn a_newspaper_article_is_one_in_either_order() {
    let (a, err) = both(("news.bib", NEWS_BIB), ("news.ris", NEWS_RIS));
    assert!(
        err.contains(
            "(same title and year): the file's value replaces the stored one: type \"newspaper-article\" (was \
             \"article\")"
        ),
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
    let (b, err) = both(("news.ris", NEWS_RIS), ("news.bib", NEWS_BIB));
    assert!(
        err.contains(
            "(same title and year): type: kept \"newspaper-article\" (the file's \"article\" is a generic type of it)"
        ),
        "{err}"
    );
    let r = record(&a, "الطب");
    assert_eq!(r, record(&b, "الطب"));
    assert_eq!(r["type"], "newspaper-article");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2019), Some(4), Some(2)));
    assert_eq!((r["container"].as_str(), r["pages"].as_str()), (Some("Al-Ahram"), Some("12")));
    for w in [&a, &b] {
        assert_eq!(
            reference(&w.references("harvard"), "الطب"),
            "الرازي محمد (2019) ‘الطب والاستعمار في مصر’, Al-Ahram, 2 April, p. 12."
        );
    }
}

/// A title, a file with the generic type, one with the specific, the
/// specific type and the generic.
type Case = (&'static str, (&'static str, &'static str), (&'static str, &'static str), &'static str, &'static str);

/// F1, the same kind: a magazine's article, a thesis against BibTeX's
/// `@misc`, a report against a journal article, a chapter against a
/// sheet's "article", a newspaper article against a saved web page: the
/// specific type in either order, the generic one never replacing it.
#[test]
fn a_specific_type_replaces_a_generic_one_and_never_the_reverse() {
    let cases: [Case; 5] = [
        (
            "The clinic and the colony",
            (
                "mg.bib",
                "@article{mag, title = {The clinic and the colony}, journal = {The Atlantic}, author = {Bello, Ada}, \
                 month = mar, year = {2021}, pages = {40--45}}\n",
            ),
            (
                "mg.ris",
                "TY  - MGZN\nAU  - Bello, Ada\nTI  - The clinic and the colony\nT2  - The Atlantic\nPY  - 2021\n\
                 DA  - 2021/03//\nSP  - 40\nEP  - 45\nER  - \n",
            ),
            "magazine-article",
            "article",
        ),
        (
            "Yoruba healing traditions",
            ("th.bib", "@misc{th, title = {Yoruba healing traditions}, author = {Okoro, Ada}, year = {2020}}\n"),
            (
                "th2.bib",
                "@mastersthesis{th2, title = {Yoruba healing traditions}, author = {Okoro, Ada}, year = {2020}, \
                 school = {Obafemi Awolowo University}}\n",
            ),
            "thesis",
            "other",
        ),
        (
            "Malaria in the Sahel",
            (
                "rp.ris",
                "TY  - JOUR\nAU  - Cole, Ada\nTI  - Malaria in the Sahel\nT2  - Sahel Health\nPY  - 2018\nSP  - 1\n\
                 EP  - 40\nER  - \n",
            ),
            (
                "rp2.ris",
                "TY  - RPRT\nAU  - Cole, Ada\nTI  - Malaria in the Sahel\nPB  - WHO\nCY  - Geneva\nPY  - 2018\nER  - \n",
            ),
            "report",
            "article",
        ),
        (
            "An edited volume chapter",
            ("c2.csv", "title,authors,year,type\nAn edited volume chapter,\"Ra, A\",2012,article\n"),
            (
                "c1.csv",
                "title,authors,year,type,container,publisher\nAn edited volume chapter,\"Ra, A\",2012,chapter,\
                 Global health,Zed\n",
            ),
            "chapter",
            "article",
        ),
        (
            "Triage at the Charité",
            (
                "web.ris",
                "TY  - ELEC\nAU  - Schäfer, Jürgen\nTI  - Triage at the Charité\nT2  - Der Tagesspiegel\nPY  - 2022\n\
                 UR  - https://tagesspiegel.de/x\nER  - \n",
            ),
            (
                "np.ris",
                "TY  - NEWS\nAU  - Schäfer, Jürgen\nTI  - Triage at the Charité\nT2  - Der Tagesspiegel\nPY  - 2022\n\
                 DA  - 2022/05/03\nSP  - 7\nER  - \n",
            ),
            "newspaper-article",
            "web",
        ),
    ];
    for (title, generic, specific, kind, was) in cases {
        let (a, err) = both(generic, specific);
        assert!(
            err.contains(&format!(
                "the file's value replaces the stored one: type \"{kind}\" (was \"{was}\") (`canon undo` restores it)"
            )),
            "{title}: {err}"
        );
        let (b, err) = both(specific, generic);
        assert!(
            err.contains(&format!("type: kept \"{kind}\" (the file's \"{was}\" is a generic type of it)")),
            "{title}: {err}"
        );
        assert_eq!(record(&a, title)["type"], kind, "{title}");
        assert_eq!(record(&a, title), record(&b, title), "{title}");
    }
}

const CRENSHAW: &str = "TY  - CHAP\nTI  - The public nature of private violence\nAU  - Crenshaw, Kimberlé\n\
                        T2  - The public nature of private violence\nA2  - Fineman, Martha Albertson\n\
                        A2  - Mykitiuk, Roxanne\nCY  - New York\nPB  - Routledge\nPY  - 1994\nSP  - 93\nEP  - 118\nER  - \n";

/// F2: a chapter in the book of its own name keeps the book (RIS `T2`).
#[test]
fn a_title_chapter_keeps_its_book_from_ris() {
    let w = Workdir::new();
    let err = w.import_reading("chap.ris", CRENSHAW);
    assert!(!err.contains("warning"), "{err}");
    let r = reading(&w.reading_list(), "The public nature").clone();
    assert_eq!(r["type"], "chapter");
    assert_eq!(r["container"], "The public nature of private violence");
    let refs = |s: &str| reference(&w.references(s), "The public nature").to_string();
    assert_eq!(
        refs("vancouver"),
        "Crenshaw K. The public nature of private violence. In: Fineman MA, Mykitiuk R, editors. The public nature \
         of private violence. New York: Routledge; 1994. p. 93-118."
    );
    assert_eq!(
        refs("apa"),
        "Crenshaw, K. (1994). The public nature of private violence. In M. A. Fineman & R. Mykitiuk (Eds.), The \
         public nature of private violence (pp. 93–118). Routledge."
    );
    assert_eq!(
        refs("chicago"),
        "Crenshaw, Kimberlé. 1994. “The Public Nature of Private Violence.” In The Public Nature of Private \
         Violence, edited by Martha Albertson Fineman and Roxanne Mykitiuk, 93–118. Routledge."
    );
    assert_eq!(
        refs("harvard"),
        "Crenshaw, K. (1994) ‘The public nature of private violence’, in Fineman, M.A. and Mykitiuk, R. (eds) The \
         public nature of private violence. New York: Routledge, pp. 93–118."
    );
}

/// F2, the same kind in every format with a book title: RIS `BT`, EndNote
/// XML `secondary-title`, MEDLINE `BTI`, a sheet's container column.
#[test]
fn a_container_of_the_records_own_title_is_kept_in_every_format() {
    let files = [
        ("bt.ris", "TY  - CHAP\nTI  - Introduction\nAU  - Okoro, Chidi\nBT  - Introduction\nPY  - 2001\nER  - \n"),
        (
            "en.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>2</rec-number>\
             <ref-type name=\"Book Section\">5</ref-type><contributors><authors><author>Duarte, Ines</author>\
             </authors><secondary-authors><author>Okoro, Chidi</author></secondary-authors></contributors><titles>\
             <title>Same title</title><secondary-title>Same title</secondary-title></titles><dates><year>2010</year>\
             </dates><pub-location>Accra</pub-location><publisher>Sub-Saharan Publishers</publisher></record>\
             </records></xml>\n",
        ),
        (
            "m.nbib",
            "PMID- 11111111\nTI  - Genetic disorders.\nBTI - Genetic disorders\nFAU - Doe, Jane\nAU  - Doe J\n\
             DP  - 2015\nPT  - Book Chapter\nPB  - NCBI\n",
        ),
        ("ct.csv", "title,authors,year,type,container\nA title chapter,\"Ra, A\",2012,chapter,A title chapter\n"),
    ];
    for (name, text) in files {
        let w = Workdir::new();
        w.import_reading(name, text);
        let list = w.reading_list();
        let r = &list[0];
        assert_eq!(r["type"], "chapter", "{name}: {r:#}");
        assert_eq!(r["container"], r["title"], "{name}: {r:#}");
        assert!(r["container"].is_string(), "{name}: {r:#}");
    }
}

const XREF: &str = "@incollection{ch1,\n  author = {Ọlọ́runfẹ́mi, Àdùnní},\n  title = {Ìṣègùn ìbílẹ̀ and colonial medicine},\n  \
                    pages = {11--30},\n  crossref = {book1}\n}\n@incollection{ch2,\n  author = {al-Rāzī, Muḥammad},\n  \
                    title = {Hospitals in Baghdad},\n  crossref = {book1}\n}\n@book{book1,\n  \
                    editor = {Falola, Toyin and Heaton, Matthew M.},\n  title = {Traditional and Modern Health Systems in Nigeria},\n  \
                    subtitle = {A History},\n  publisher = {Africa World Press},\n  address = {Trenton, NJ},\n  year = {2006},\n  \
                    edition = {2},\n  series = {Studies in African History},\n  volume = {4}\n}\n";

/// F3: the chapters inherit the book's number in its series as that number,
/// as the book stores it, never as a volume.
#[test]
fn a_crossref_child_inherits_the_number_in_the_series() {
    let w = Workdir::new();
    w.import_reading("xref.bib", XREF);
    let list = w.reading_list();
    for t in ["Ìṣègùn", "Hospitals in Baghdad", "Traditional and Modern"] {
        let r = reading(&list, t);
        assert_eq!(
            (r["volume"].as_str(), r["issue"].as_str(), r["series"].as_str()),
            (None, Some("4"), Some("Studies in African History")),
            "{t}: {r:#}"
        );
    }
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Ìṣègùn"),
        "Ọlọ́runfẹ́mi À. Ìṣègùn ìbílẹ̀ and colonial medicine. In: Falola T, Heaton MM, eds. Traditional and Modern \
         Health Systems in Nigeria: A History. 2nd ed. Studies in African History; vol 4. Africa World Press; \
         2006:11-30."
    );
    assert_eq!(
        reference(&ama, "Traditional and Modern"),
        "Falola T, Heaton MM, eds. Traditional and Modern Health Systems in Nigeria: A History. 2nd ed. Africa \
         World Press; 2006. Studies in African History; vol 4."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Hospitals in Baghdad"),
        "al-Rāzī M. Hospitals in Baghdad. In: Falola T, Heaton MM, editors. Traditional and Modern Health Systems \
         in Nigeria: A History. 2nd ed. Trenton (NJ): Africa World Press; 2006. (Studies in African History; no. 4)."
    );
}

/// F3, the same kind: a paper keeps its proceedings' volume; a book
/// with a `number` passes its volume on as a volume; a child's own number
/// stands.
#[test]
fn crossref_numbers_keep_their_meaning() {
    let w = Workdir::new();
    w.import_reading(
        "p.bib",
        "@inproceedings{p1, author = {Osei, Ama}, title = {Triage and race}, pages = {1--9}, crossref = {procs}}\n\
         @proceedings{procs, title = {Proceedings of the Accra Health Meeting}, year = {2019}, \
         publisher = {Springer}, series = {Lecture Notes in Health}, volume = {12}}\n\
         @incollection{v1, author = {Lind, Tove}, title = {A chapter of a volume}, crossref = {set2}}\n\
         @book{set2, title = {Health in Africa}, year = {2010}, publisher = {Zed}, series = {Africa Now}, \
         number = {7}, volume = {2}}\n\
         @incollection{own, author = {Ra, Ama}, title = {A numbered chapter}, number = {3}, crossref = {procs2}}\n\
         @book{procs2, title = {Numbered book}, year = {2011}, publisher = {Zed}, series = {Africa Then}, volume = {9}}\n",
    );
    let list = w.reading_list();
    let nums = |t: &str| {
        let r = reading(&list, t);
        (r["volume"].as_str().map(str::to_string), r["issue"].as_str().map(str::to_string))
    };
    // r85 (tester F7): a paper takes its proceedings' number in the series
    // as the proceedings' record keeps it (lead_r15 follows).
    assert_eq!(nums("Triage and race"), (None, Some("12".into())));
    assert_eq!(nums("Proceedings of the Accra"), (None, Some("12".into())));
    assert_eq!(nums("A chapter of a volume"), (Some("2".into()), Some("7".into())));
    assert_eq!(nums("A numbered chapter"), (Some("9".into()), Some("3".into())));
}

const ANON: &str = r#"[
{"id":"n1","type":"article-newspaper","title":"Hospital apologises for race-based triage","container-title":"Le Monde","page":"A4","issued":{"date-parts":[[2023,6,14]]},"URL":"https://lemonde.fr/x","accessed":{"date-parts":[[2024,1,9]]}},
{"id":"n2","type":"webpage","title":"Decolonising medical education: a toolkit","container-title":"Medical Schools Council","URL":"https://msc.ac.uk/toolkit","accessed":{"date-parts":[[2024,2,1]]}},
{"id":"n4","type":"article-magazine","title":"The clinic and the colony","container-title":"The Atlantic","issued":{"date-parts":[[2021,3]]},"page":"40-45"},
{"id":"n5","type":"chapter","title":"An unsigned chapter","container-title":"Handbook of global health","editor":[{"family":"Farmer","given":"Paul"}],"publisher":"Routledge","publisher-place":"London","issued":{"date-parts":[[2015]]},"page":"1-10"},
{"id":"n10","type":"article-newspaper","title":"Signed news","container-title":"Guardian","author":[{"family":"Eze","given":"Ada"}],"issued":{"date-parts":[[2019,4,2]]}}
]"#;

/// F4: Chicago's unsigned newspaper and magazine articles keep their titles
/// in quotation marks, the periodical in the author's place; an unsigned
/// web page names its site once. The other styles as they were.
#[test]
fn chicago_unsigned_periodical_articles_are_quoted() {
    let w = Workdir::new();
    w.import_reading("anon.json", ANON);
    let ch = w.references("chicago");
    let expect = [
        ("Hospital", "Le Monde. 2023. “Hospital Apologises for Race-Based Triage.” June 14. https://lemonde.fr/x."),
        ("The clinic", "The Atlantic. 2021. “The Clinic and the Colony.” March."),
        (
            "Decolonising",
            "Medical Schools Council. n.d. “Decolonising Medical Education: A Toolkit.” Accessed February 1, 2024. \
             https://msc.ac.uk/toolkit.",
        ),
        (
            "An unsigned chapter",
            "Farmer, Paul, ed. 2015. “An Unsigned Chapter.” In Handbook of Global Health, 1–10. Routledge.",
        ),
        ("Signed news", "Eze, Ada. 2019. “Signed News.” Guardian, April 2."),
    ];
    for (t, want) in expect {
        assert_eq!(reference(&ch, t), want, "{t}");
    }
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Hospital"),
        "Hospital apologises for race-based triage. (2023, June 14). Le Monde, A4. https://lemonde.fr/x"
    );
    assert_eq!(reference(&apa, "The clinic"), "The clinic and the colony. (2021, March). The Atlantic, 40–45.");
    assert_eq!(
        reference(&w.references("harvard"), "Hospital"),
        "Le Monde (2023) ‘Hospital apologises for race-based triage’, 14 June, p. A4. Available at: \
         https://lemonde.fr/x (Accessed: 9 January 2024)."
    );
    assert_eq!(
        reference(&w.references("ama"), "Hospital"),
        "Hospital apologises for race-based triage. Le Monde. June 14, 2023:A4. Accessed January 9, 2024. \
         https://lemonde.fr/x"
    );
    // In the PDF the newspaper's name is in italics, the title not.
    let pdf = w.path("ch.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "chicago", "-q"]);
    if let Some(italics) = pdf_italics(&pdf) {
        assert!(italics.iter().any(|i| i.trim() == "Le Monde"), "{italics:?}");
        assert!(!italics.iter().any(|i| i.contains("Hospital")), "{italics:?}");
        assert!(!italics.iter().any(|i| i.contains("Clinic")), "{italics:?}");
    }
}

/// F5: a thesis's or report's season (or month) is not printed in APA,
/// Harvard and AMA, which date them by the year; a newspaper's and a
/// magazine's dates keep their month and day.
#[test]
fn a_thesis_and_a_report_are_dated_by_their_year() {
    let w = Workdir::new();
    w.import_reading(
        "z.json",
        r#"[
{"id":"A8","type":"thesis","title":"Yoruba healing traditions","publisher":"Obafemi Awolowo University","genre":"MSc dissertation","author":[{"family":"Ọlọ́runfẹ́mi","given":"Àdùnní"}],"issued":{"season":2,"date-parts":[[2020]]}},
{"id":"A9","type":"thesis","title":"A monthly thesis","publisher":"University of Ghana","genre":"PhD thesis","author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2019,5]]}},
{"id":"R1","type":"report","title":"A seasonal report","publisher":"WHO","author":[{"family":"Cole","given":"Ada"}],"issued":{"season":"Winter","date-parts":[[2018]]}},
{"id":"N1","type":"article-newspaper","title":"Signed news","container-title":"Guardian","author":[{"family":"Eze","given":"Ada"}],"issued":{"date-parts":[[2019,4,2]]}}
]"#,
    );
    let r = reading(&w.reading_list(), "Yoruba").clone();
    assert_eq!((r["year"].as_i64(), r["season"].as_str()), (Some(2020), Some("summer")));
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Yoruba"),
        "Ọlọ́runfẹ́mi, À. (2020). Yoruba healing traditions [Master's thesis, Obafemi Awolowo University]."
    );
    assert_eq!(
        reference(&apa, "A monthly thesis"),
        "Mensah, K. (2019). A monthly thesis [Doctoral dissertation, University of Ghana]."
    );
    assert_eq!(reference(&apa, "A seasonal report"), "Cole, A. (2018). A seasonal report. WHO.");
    assert_eq!(reference(&apa, "Signed news"), "Eze, A. (2019, April 2). Signed news. Guardian.");
    let harvard = w.references("harvard");
    assert_eq!(
        reference(&harvard, "Yoruba"),
        "Ọlọ́runfẹ́mi, À. (2020) Yoruba healing traditions. MSc dissertation. Obafemi Awolowo University."
    );
    assert_eq!(reference(&harvard, "A seasonal report"), "Cole, A. (2018) A seasonal report. WHO.");
    assert_eq!(reference(&harvard, "Signed news"), "Eze, A. (2019) ‘Signed news’, Guardian, 2 April.");
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Yoruba"),
        "Ọlọ́runfẹ́mi À. Yoruba Healing Traditions. Master's thesis. Obafemi Awolowo University; 2020."
    );
    assert_eq!(reference(&ama, "Signed news"), "Eze A. Signed news. Guardian. April 2, 2019.");
}
