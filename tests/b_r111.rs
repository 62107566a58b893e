//! Issue 12, r111: a film printed as each manual writes one (F3), a treaty
//! kept as a legal work and printed in the legal form (F6), every CSL type
//! kept or said (F6), MLA's "circa" in lower case (F8), and a proceedings
//! paper's publisher's place where the style prints a book's (item 3).

mod common;
use common::*;

/// The styles canon names, and IEEE.
const STYLES: &[&str] = &["apa", "vancouver", "harvard", "chicago", "mla", "ieee", "ama"];

const FILMS: &str = r#"[
{"id":"f1","type":"motion_picture","title":"Film one","author":[{"family":"Kunuk","given":"Zacharias"}],"issued":{"date-parts":[[2001]]},"publisher":"Isuma","publisher-place":"Igloolik"},
{"id":"f2","type":"motion_picture","title":"DVD one","author":[{"family":"Kunuk","given":"Zacharias"}],"issued":{"date-parts":[[2002]]},"publisher":"Isuma","publisher-place":"Igloolik","medium":"DVD"},
{"id":"f3","type":"motion_picture","title":"Online video","author":[{"family":"Kunuk","given":"Zacharias"}],"issued":{"date-parts":[[2003]]},"container-title":"YouTube","URL":"https://youtube.com/x"}
]"#;

/// F3: a CSL-JSON `motion_picture` is a film: APA "[Film]", Vancouver
/// "[motion picture]", Harvard "[Film]"; its `medium` is kept as the genre
/// ("[DVD]"), and an online video stays APA's "[Video]".
#[test]
fn a_film_prints_each_manuals_medium() {
    let w = workdir();
    let err = w.import_reading("films.json", FILMS);
    assert!(!err.contains("CSL-JSON medium"), "{err}");
    let apa = w.references("apa");
    assert!(apa["Film one"].contains("Film one [Film]. Isuma."), "{}", apa["Film one"]);
    assert!(apa["DVD one"].contains("DVD one [DVD]."), "{}", apa["DVD one"]);
    assert!(apa["Online video"].contains("[Video]"), "{}", apa["Online video"]);
    let v = w.references("vancouver");
    assert!(v["Film one"].contains("Film one [motion picture]. Igloolik: Isuma; 2001."), "{}", v["Film one"]);
    assert!(v["DVD one"].contains("DVD one [DVD]. Igloolik: Isuma; 2002."), "{}", v["DVD one"]);
    let h = w.references("harvard");
    assert!(h["Film one"].contains("Film one [Film]. Igloolik: Isuma."), "{}", h["Film one"]);
    assert!(h["DVD one"].contains("[DVD]"), "{}", h["DVD one"]);
    assert!(!h["Online video"].contains("[Film]"), "{}", h["Online video"]);
    let c = w.references("chicago");
    assert!(c["Film one"].contains("Film"), "{}", c["Film one"]);
    for s in STYLES {
        let refs = w.references(s);
        assert!(!refs["Film one"].contains("[Video]"), "{s}: {}", refs["Film one"]);
    }
}

/// F3: RIS `MPCT`, BibTeX `@movie` and EndNote's "Film or Broadcast" are
/// films too; RIS `VIDEO` is not.
#[test]
fn a_film_from_ris_bibtex_and_endnote() {
    let w = workdir();
    w.import_reading(
        "films.ris",
        "TY  - MPCT\nTI  - Ris film\nAU  - Kunuk, Zacharias\nPY  - 2001\nPB  - Isuma\nCY  - Igloolik\nER  - \n\nTY  - VIDEO\nTI  - Ris video\nAU  - Kunuk, Zacharias\nPY  - 2004\nUR  - https://vimeo.com/1\nER  - \n",
    );
    w.import_reading(
        "films.bib",
        "@movie{m1, title = {Bib film}, author = {Kunuk, Zacharias}, year = {2005}, publisher = {Isuma}}\n",
    );
    w.import_reading(
        "films.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Film or Broadcast">21</ref-type><contributors><authors><author>Kunuk, Zacharias</author></authors></contributors><titles><title>Endnote film</title></titles><dates><year>2006</year></dates><publisher>Isuma</publisher></record></records></xml>"#,
    );
    let apa = w.references("apa");
    for t in ["Ris film", "Bib film", "Endnote film"] {
        assert!(apa[t].contains(&format!("{t} [Film]")), "{t}: {}", apa[t]);
    }
    assert!(apa["Ris video"].contains("[Video]"), "{}", apa["Ris video"]);
}

const TREATY: &str = r#"[
{"id":"t1","type":"treaty","title":"Treaty No. 6","author":[{"literal":"Canada"},{"literal":"Plains and Wood Cree"}],"issued":{"date-parts":[[1876,8,23]]}},
{"id":"t2","type":"treaty","title":"Treaty of Amity","author":[{"literal":"U.S."},{"literal":"Japan"}],"issued":{"date-parts":[[1953,4,2]]},"container-title":"U.S.T.","volume":"4","page":"2063"}
]"#;

/// F6: a treaty is kept as legal material (genre "Treaty") and printed in
/// the legal form: "Treaty No. 6, Canada–Plains and Wood Cree, Aug. 23,
/// 1876."
#[test]
fn a_treaty_is_a_legal_work_in_every_style() {
    let w = workdir();
    w.import_reading("treaty.json", TREATY);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE genre = 'Treaty'"), 2);
    for s in STYLES {
        let refs = w.references(s);
        let t6 = &refs["Treaty No. 6"];
        assert!(t6.contains("Treaty No. 6, Canada\u{2013}Plains and Wood Cree, Aug. 23, 1876"), "{s}: {t6}");
        let t2 = &refs["Treaty of Amity"];
        assert!(t2.contains("Treaty of Amity, U.S.\u{2013}Japan, Apr. 2, 1953, 4 U.S.T. 2063"), "{s}: {t2}");
    }
}

/// F6: every CSL type canon has no reading type for is kept with a genre
/// that says what it is, and said; none becomes "other" silently.
#[test]
fn every_csl_type_is_kept_or_said() {
    let types = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ];
    let items: Vec<String> = types
        .iter()
        .map(|t| {
            format!(r#"{{"id":"{t}","type":"{t}","title":"Work of type {t}","issued":{{"date-parts":[[2020]]}}}}"#)
        })
        .collect();
    let w = workdir();
    let err = w.import_reading("types.json", &format!("[\n{}\n]", items.join(",\n")));
    let list = w.reading_list();
    for t in types {
        let r = reading_titled(&list, &format!("Work of type {t}"));
        let kind = r["type"].as_str().or(r["kind"].as_str()).unwrap_or_default().to_string();
        if kind == "other" && t != "document" {
            assert!(r["genre"].as_str().is_some_and(|g| !g.is_empty()), "{t}: {r}");
        }
    }
    for t in ["figure", "graphic", "musical_score", "performance", "event", "personal_communication"] {
        assert!(err.contains(&format!("CSL type \"{t}\" has no reading type")), "{t}: {err}");
    }
    assert!(!err.contains("CSL type \"treaty\" has no"), "{err}");
}

/// F8: MLA's approximate year after a comma is "circa" in lower case.
#[test]
fn mla_circa_is_lower_case() {
    let w = workdir();
    w.import_reading(
        "circa.json",
        r#"[{"id":"c1","type":"webpage","title":"Circa page","container-title":"Naalakkersuisut","issued":{"date-parts":[[1998]],"circa":true},"URL":"https://naalakkersuisut.gl/x"},
{"id":"c2","type":"book","title":"Circa book","author":[{"literal":"Naalakkersuisut"}],"publisher":"Atuakkiorfik","publisher-place":"Nuuk","issued":{"date-parts":[[1998]],"circa":true}}]"#,
    );
    let mla = w.references("mla");
    for t in ["Circa page", "Circa book"] {
        assert!(!mla[t].contains(", Circa"), "{}", mla[t]);
        assert!(!mla[t].contains(", Ca."), "{}", mla[t]);
    }
    let apa = w.references("apa");
    assert!(apa["Circa book"].contains("(ca. 1998)"), "{}", apa["Circa book"]);
    let v = w.references("vancouver");
    assert!(v["Circa book"].contains("[1998?]"), "{}", v["Circa book"]);
    let h = w.references("harvard");
    assert!(h["Circa book"].contains("(c. 1998)"), "{}", h["Circa book"]);
}

/// Item 3: a published proceedings paper's publisher's place is printed
/// where the style prints a book's (Vancouver, Harvard, IEEE); Chicago 18
/// (canon's), APA 7, MLA 9 and AMA 11 print no place for a book either.
#[test]
fn a_proceedings_place_is_printed_as_a_books() {
    let w = workdir();
    w.import_reading(
        "proc.json",
        r#"[{"id":"p1","type":"paper-conference","title":"Kumasi paper","author":[{"family":"Owusu","given":"Kofi"}],"container-title":"Proceedings of the Ghana Health Conference","publisher":"KNUST Press","publisher-place":"Kumasi","issued":{"date-parts":[[2019]]},"page":"5-9"},
{"id":"b1","type":"book","title":"Kumasi book","author":[{"family":"Owusu","given":"Kofi"}],"publisher":"KNUST Press","publisher-place":"Kumasi","issued":{"date-parts":[[2019]]}}]"#,
    );
    for s in STYLES {
        let refs = w.references(s);
        let book_place = refs["Kumasi book"].contains("Kumasi");
        assert_eq!(
            refs["Kumasi paper"].contains("Kumasi"),
            book_place,
            "{s}: {} / {}",
            refs["Kumasi paper"],
            refs["Kumasi book"]
        );
    }
}

/// A `.csl` style sorting by `author`, by a macro of the author's names, or
/// descending; its layout numbers the entries, so the order is seen.
fn sorting_style(w: &Workdir, name: &str, keys: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>{name}</title><id>{name}</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="auth"><names variable="author"><name name-as-sort-order="all"/></names></macro>
  <macro name="auth-sub"><names variable="author"><name name-as-sort-order="all"/><substitute><names variable="editor"/></substitute></names></macro>
  <macro name="outer"><text macro="auth"/></macro>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography><sort>{keys}</sort><layout><text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

const SORTED: &str = r#"[
{"id":"e1","type":"book","title":"Edited only","editor":[{"family":"Aardvark","given":"Ed"}],"issued":{"date-parts":[[2010]]}},
{"id":"n1","type":"book","title":"Nobody wrote","issued":{"date-parts":[[2011]]}},
{"id":"a1","type":"book","title":"By Zulu","author":[{"family":"Zulu","given":"Ann"}],"issued":{"date-parts":[[2012]]}},
{"id":"a2","type":"book","title":"By Banda B","author":[{"family":"Banda","given":"Bea"}],"issued":{"date-parts":[[2013]]}},
{"id":"a3","type":"book","title":"By Banda A","author":[{"family":"Banda","given":"Abe"}],"issued":{"date-parts":[[2014]]}}
]"#;

/// The titles in the order `style` numbers them.
fn numbered(w: &Workdir, style: &str) -> Vec<String> {
    let mut refs = w.all_references(style);
    refs.sort_by_key(|r| r.split('.').next().and_then(|n| n.trim().parse::<u32>().ok()).unwrap_or(u32::MAX));
    refs.iter().map(|r| r.split_once(". ").map_or(r.as_str(), |(_, t)| t).to_string()).collect()
}

/// Item 1: CSL 1.0.2 "Sorting": an empty key sorts last, ascending and
/// descending; a variable key of `author` substitutes no editors; names
/// sort by their sort form (family, then given); `sort="descending"` is kept.
#[test]
fn a_csl_sort_puts_empty_keys_last() {
    let w = workdir();
    w.import_reading("sorted.json", SORTED);
    let by_author = sorting_style(&w, "by-author", r#"<key variable="author"/><key variable="issued"/>"#);
    assert_eq!(numbered(&w, &by_author), ["By Banda A", "By Banda B", "By Zulu", "Edited only", "Nobody wrote"]);
    let descending =
        sorting_style(&w, "by-author-d", r#"<key variable="author" sort="descending"/><key variable="issued"/>"#);
    assert_eq!(numbered(&w, &descending), ["By Zulu", "By Banda B", "By Banda A", "Edited only", "Nobody wrote"]);
    let by_macro = sorting_style(&w, "by-macro", r#"<key macro="auth"/><key variable="title"/>"#);
    assert_eq!(numbered(&w, &by_macro), ["By Banda A", "By Banda B", "By Zulu", "Edited only", "Nobody wrote"]);
    let nested = sorting_style(&w, "by-outer", r#"<key macro="outer"/><key variable="title" sort="descending"/>"#);
    assert_eq!(numbered(&w, &nested), ["By Banda A", "By Banda B", "By Zulu", "Nobody wrote", "Edited only"]);
    // A macro key substitutes the editor: "Aardvark" sorts first.
    let substituted = sorting_style(&w, "by-sub", r#"<key macro="auth-sub"/>"#);
    assert_eq!(numbered(&w, &substituted), ["Edited only", "By Banda A", "By Banda B", "By Zulu", "Nobody wrote"]);
    let by_date = sorting_style(&w, "by-date", r#"<key variable="issued" sort="descending"/>"#);
    assert_eq!(numbered(&w, &by_date), ["By Banda A", "By Banda B", "By Zulu", "Nobody wrote", "Edited only"]);
}

/// Item 2: AMA's undated book, chapter, report and article say "date
/// unknown" where the year would be; an undated web page keeps only its
/// access date.
#[test]
fn ama_undated_works_say_date_unknown() {
    let w = workdir();
    w.import_reading(
        "undated.json",
        r#"[{"id":"u1","type":"book","title":"Undated book","author":[{"family":"Ba","given":"Amadou"}],"publisher":"Pub","publisher-place":"Dakar"},
{"id":"u2","type":"article-journal","title":"Undated article","author":[{"family":"Ba","given":"Amadou"}],"container-title":"Journal of Things","volume":"3","page":"1-5"},
{"id":"u3","type":"report","title":"Undated report","author":[{"literal":"Ministry of Health"}],"publisher":"Ministry of Health"},
{"id":"u4","type":"chapter","title":"Undated chapter","author":[{"family":"Ba","given":"Amadou"}],"container-title":"Big book","publisher":"Pub","page":"3-9"},
{"id":"w1","type":"webpage","title":"Undated page","container-title":"WHO","URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]}}]"#,
    );
    let ama = w.references("ama");
    for t in ["Undated book", "Undated article", "Undated report", "Undated chapter"] {
        assert!(ama[t].to_lowercase().contains("date unknown"), "{t}: {}", ama[t]);
    }
    assert!(ama["Undated book"].contains("Pub; date unknown."), "{}", ama["Undated book"]);
    assert!(ama["Undated article"].contains("Journal of Things. Date unknown;3:1-5."), "{}", ama["Undated article"]);
    assert!(!ama["Undated page"].contains("date unknown"), "{}", ama["Undated page"]);
    assert!(ama["Undated page"].contains("Accessed May 1, 2023."), "{}", ama["Undated page"]);
}

/// F9: IEEE marks a preprint after its repository.
#[test]
fn ieee_marks_a_preprint() {
    let w = workdir();
    w.import_reading(
        "pre.json",
        r#"[{"id":"pp","type":"article","title":"Preprint on Inuit food security","author":[{"family":"Kenny","given":"Tiff-Annie"},{"family":"Chan","given":"Laurie"}],"container-title":"medRxiv","genre":"Preprint","DOI":"10.1101/2023.01.03.123","issued":{"date-parts":[[2023]]}}]"#,
    );
    let ieee = w.references("ieee");
    let r = &ieee["Preprint on Inuit food security"];
    assert!(r.contains("medRxiv, preprint"), "{r}");
    assert_eq!(r.matches("reprint").count(), 2, "{r}");
}

/// F10: Vancouver names the conference of a published proceedings paper
/// after the proceedings' title, before its place.
#[test]
fn vancouver_names_the_conference() {
    let w = workdir();
    w.import_reading(
        "conf.json",
        r#"[{"id":"p2","type":"paper-conference","title":"Arctic paper","author":[{"family":"Olsen","given":"Aka"}],"container-title":"Proceedings of the Arctic Health Conference","event-title":"Arctic Circle Assembly","event-place":"Reykjavík","issued":{"date-parts":[[2022,11]]},"page":"5-9"},
        {"id":"p3","type":"paper-conference","title":"Tumour paper","author":[{"family":"Harnden","given":"P"}],"container-title":"Germ cell tumours V","event-title":"5th Germ Cell Tumour Conference","event-place":"Leeds, UK","issued":{"date-parts":[[2002]]},"publisher":"Springer","publisher-place":"New York","page":"5-9"}]"#,
    );
    let v = w.references("vancouver");
    let r = &v["Arctic paper"];
    // A title that names the meeting is the conference's name (Citing
    // Medicine ch. 3 examples; g_r98, lead_r29, a_r105): no second name (r111).
    assert!(r.contains("In: Proceedings of the Arctic Health Conference; Reykjavík."), "{r}");
    // Citing Medicine ch. 3: a proceedings volume without a publisher says so.
    assert!(r.contains("[publisher unknown]"), "{r}");
    // A book title names no meeting: the conference follows it.
    let r = &v["Tumour paper"];
    assert!(r.contains("In: Germ cell tumours V; 5th Germ Cell Tumour Conference; Leeds, UK."), "{r}");
}

/// F8: an approximate year in every position: MLA's "circa" in lower case
/// after a comma, IEEE's "ca." on a web page's date too.
#[test]
fn an_approximate_year_in_every_position() {
    let w = workdir();
    w.import_reading(
        "circa2.json",
        r#"[{"id":"c1","type":"webpage","title":"Circa page","container-title":"Naalakkersuisut","issued":{"date-parts":[[1998]],"circa":true},"URL":"https://naalakkersuisut.gl/x"},
{"id":"c3","type":"report","title":"Circa report","publisher":"Naalakkersuisut","issued":{"date-parts":[[1998]],"circa":true}},
{"id":"c4","type":"article-journal","title":"Circa article","author":[{"family":"Ba","given":"A"}],"container-title":"Arctic","volume":"2","issued":{"date-parts":[[1998]],"circa":true}}]"#,
    );
    let mla = w.references("mla");
    assert!(mla["Circa report"].contains("Naalakkersuisut, circa 1998."), "{}", mla["Circa report"]);
    assert!(mla["Circa page"].contains("Naalakkersuisut, circa 1998,"), "{}", mla["Circa page"]);
    let ieee = w.references("ieee");
    for t in ["Circa page", "Circa report", "Circa article"] {
        assert!(ieee[t].contains("ca. 1998"), "{t}: {}", ieee[t]);
    }
    let ama = w.references("ama");
    for t in ["Circa page", "Circa report", "Circa article"] {
        assert!(ama[t].contains("ca 1998"), "{t}: {}", ama[t]);
    }
    let apa = w.references("apa");
    let harvard = w.references("harvard");
    let vancouver = w.references("vancouver");
    for t in ["Circa page", "Circa report", "Circa article"] {
        assert!(apa[t].contains("(ca. 1998)"), "{t}: {}", apa[t]);
        assert!(harvard[t].contains("(c. 1998)"), "{t}: {}", harvard[t]);
        assert!(vancouver[t].contains("[1998?]"), "{t}: {}", vancouver[t]);
    }
}
