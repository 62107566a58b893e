//! Issue 12 (branch 12x): nothing an importer reads is lost. Each kind of
//! defect a fresh tester found, in every format that can hold it:
//!
//! 1. silent drops: CSL-JSON `number` and season ranges, MEDLINE `DEP` and
//!    `PL`, and a walk over each format's full list of tags (RIS, MEDLINE,
//!    CSL-JSON, BibTeX/biblatex, EndNote XML, Zotero CSV): every one is read
//!    or named, alone and beside the tags that stand in for it;
//! 2. article numbers (RIS `C7`, CSL `number`, BibTeX `eid`/`articleno`,
//!    EndNote `custom7`, MEDLINE `LID [pii]`) kept as the locator;
//! 3. Zotero's book `SP` (number of pages) and CSV "Number"/"Type";
//! 4. unbraced corporate authors warned about;
//! 5. an in-press reading and its published version flagged;
//! 6. one structure for a name's particle and initials.

mod common;

use canon::import::{self, Parsed, builder::Themes};
use common::Workdir;

/// No themes: every keyword is "not a theme".
struct NoThemes;

impl Themes for NoThemes {
    fn resolve(&self, _: &str) -> Option<i64> {
        None
    }
    fn expected(&self) -> String {
        String::new()
    }
}

/// Whether the tag `tag` of format `fmt` with value `want` is read (the
/// value, as stored, is somewhere in the records or the messages) or named
/// (as not stored, or in a warning or error).
fn accounted(p: &Parsed, fmt: &str, tag: &str, want: &str) -> bool {
    let all = format!("{:?} {:?}", p.records, p.errors).to_lowercase();
    let named =
        p.records.iter().flat_map(|r| &r.unstored).any(|u| {
            u.strip_prefix(&format!("{fmt} {tag}")).is_some_and(|rest| rest.is_empty() || rest.starts_with(" ("))
        });
    // `want` may name several forms, `|` between them (stored, or as written in a warning).
    named || want.split('|').any(|w| all.contains(&w.to_lowercase()))
}

/// Checks every `(tag, line or fragment, stored form)` alone in a record
/// (`wrap` makes the file from the fragments) and then all together.
fn walk(fmt: &str, tags: &[(&str, String, String)], wrap: impl Fn(&[&str]) -> String, parse: impl Fn(&str) -> Parsed) {
    let mut lost = Vec::new();
    for (tag, line, want) in tags {
        let p = parse(&wrap(&[line.as_str()]));
        if !accounted(&p, fmt, tag, want) {
            lost.push(format!("{tag} alone"));
        }
    }
    let lines: Vec<&str> = tags.iter().map(|(_, l, _)| l.as_str()).collect();
    let p = parse(&wrap(&lines));
    for (tag, _, want) in tags {
        if !accounted(&p, fmt, tag, want) {
            lost.push(format!("{tag} with the others"));
        }
    }
    assert!(lost.is_empty(), "{fmt}: read nowhere and named nowhere: {lost:?}");
}

/// A tag's value: a word made of the tag, so each is told apart.
fn word(tag: &str) -> String {
    format!("v{}q", tag.to_lowercase().replace(['-', '/', ' '], ""))
}

/// The RIS specification's tags (Research Information Systems, 2011) and
/// those exporters add, each with a value it may hold.
#[test]
fn every_ris_tag_is_read_or_named() {
    const TAGS: &[&str] = &[
        "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8",
        "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET", "IS", "J1", "J2", "JA", "JF", "JO",
        "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1", "M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY",
        "RI", "RN", "RP", "SE", "SN", "SP", "ST", "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5",
        "UR", "VL", "VO", "Y1", "Y2",
    ];
    let tags: Vec<(&str, String, String)> = TAGS
        .iter()
        .map(|t| {
            let (value, want) = match *t {
                "A1" | "A2" | "A3" | "A4" | "AU" | "ED" | "TA" => (format!("Fam{t}, Given"), format!("Fam{t}")),
                "PY" => ("1987".into(), "1987".into()),
                "Y1" => ("1988".into(), "1988".into()),
                "DA" => ("1989/05/06/".into(), "1989".into()),
                "Y2" => ("1990/01/02/".into(), "1990".into()),
                "DO" => ("10.1234/vdoq".into(), "10.1234/vdoq".into()),
                "SN" => ("978-0-385-50993-0".into(), "9780385509930".into()),
                "UR" | "L1" | "L2" | "L3" | "L4" | "LK" => {
                    (format!("https://example.org/{}", word(t)), format!("https://example.org/{}", word(t)))
                }
                "LA" => ("Klingonesque".into(), "klingonesque".into()),
                _ => (word(t), word(t)),
            };
            (*t, format!("{t}  - {value}"), want)
        })
        .collect();
    for ty in ["JOUR", "BOOK", "CHAP", "RPRT"] {
        walk(
            "RIS",
            &tags,
            // (A chapter names its book: one with neither book nor year is invalid, r74.)
            |lines| {
                let book = if ty == "CHAP" { "T2  - The book\n" } else { "" };
                format!("TY  - {ty}\nTI  - A title\n{book}{}\nER  - \n", lines.join("\n"))
            },
            |t| import::ris::parse("t.ris", t, &NoThemes),
        );
    }
}

/// NLM's "MEDLINE/PubMed Data Element (Field) Descriptions": every element
/// a PubMed export writes.
#[test]
fn every_medline_tag_is_read_or_named() {
    const TAGS: &[&str] = &[
        "AB", "CI", "AD", "IRAD", "AID", "AU", "AUID", "FAU", "BTI", "CTI", "CN", "CRDT", "DCOM", "DA", "LR", "DEP",
        "DP", "EN", "ED", "FED", "EDAT", "GS", "GN", "GR", "IR", "FIR", "ISBN", "IS", "IP", "TA", "JT", "LA", "LID",
        "MID", "MHDA", "MH", "JID", "RF", "OAB", "OABL", "OCI", "OID", "OT", "OTO", "OWN", "PG", "PS", "FPS", "PL",
        "PHST", "PST", "PT", "PUBM", "PMC", "PMCR", "RN", "NM", "SI", "SO", "SFM", "STAT", "SB", "TI", "TT", "VI",
        "VTI", "CIN", "CON", "EIN", "EFR", "ECI", "ECF", "RIN", "ROF", "RPI", "RPF", "UIN", "UOF", "SPIN", "ORI", "PB",
        "COIS", "PRIN", "PROF",
    ];
    let tags: Vec<(&str, String, String)> = TAGS
        .iter()
        .map(|t| {
            let (value, want) = match *t {
                // The short form of the full name (`FAU`/`FED`), as PubMed writes both.
                "AU" | "ED" => (format!("Famf{} K", t.to_lowercase()), format!("Famf{}", t.to_lowercase())),
                "FAU" | "FED" => (format!("Fam{}, Kofi", t.to_lowercase()), format!("Fam{}", t.to_lowercase())),
                "DP" => ("1987 May".into(), "1987".into()),
                "DEP" => ("19880102".into(), "1988".into()),
                "AID" => ("10.1234/vaidq [doi]".into(), "10.1234/vaidq".into()),
                "LID" => ("e112873 [pii]".into(), "e112873".into()),
                "ISBN" => ("978-0-385-50993-0".into(), "9780385509930".into()),
                "LA" => ("klq".into(), "klq".into()),
                // A PubMed Central ID, validated as the PMID is (schema 0041).
                "PMC" => ("PMC1234567".into(), "PMC1234567".into()),
                _ => (word(t), word(t)),
            };
            (*t, format!("{t:<4}- {value}"), want)
        })
        .collect();
    walk(
        "MEDLINE",
        &tags,
        |lines| format!("PMID- 31234567\nTI  - A title.\n{}\n", lines.join("\n")),
        |t| import::nbib::parse("t.nbib", t, &NoThemes),
    );
}

/// CSL 1.0.2 Appendix IV: every variable (standard, number, date, name).
#[test]
fn every_csl_variable_is_read_or_named() {
    const TEXT: &[&str] = &[
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "chapter-number",
        "citation-key",
        "citation-label",
        "collection-number",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "edition",
        "event",
        "event-title",
        "event-place",
        "genre",
        "ISBN",
        "ISSN",
        "issue",
        "jurisdiction",
        "keyword",
        "language",
        "license",
        "medium",
        "note",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "page",
        "page-first",
        "part-number",
        "part-title",
        "PMCID",
        "PMID",
        "printing-number",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "section",
        "source",
        "status",
        "supplement-number",
        "title-short",
        "URL",
        "version",
        "volume",
        "volume-title",
        "volume-title-short",
        "year-suffix",
        "journalAbbreviation",
    ];
    const NAMES: &[&str] = &[
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "interviewer",
        "illustrator",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ];
    const DATES: &[(&str, i64)] = &[
        ("issued", 1987),
        ("original-date", 1950),
        ("available-date", 1986),
        ("accessed", 2020),
        ("event-date", 1985),
        ("submitted", 1984),
    ];
    let mut tags: Vec<(&str, String, String)> = Vec::new();
    for t in TEXT {
        let (value, want) = match *t {
            "DOI" => ("10.1234/vdoiq".to_string(), "10.1234/vdoiq".to_string()),
            "ISBN" => ("978-0-385-50993-0".into(), "9780385509930".into()),
            "PMID" => ("31234567".into(), "31234567".into()),
            // A PubMed Central ID, validated as the PMID is (schema 0041).
            "PMCID" => ("PMC1234567".into(), "PMC1234567".into()),
            "language" => ("klq".into(), "klq".into()),
            "status" => ("in press".into(), "in press".into()),
            _ => (word(t), word(t)),
        };
        tags.push((t, format!("{t:?}: {value:?}"), want));
    }
    for t in NAMES {
        let fam = format!("Fam{}", t.replace('-', ""));
        tags.push((t, format!("{t:?}: [{{\"family\": {fam:?}, \"given\": \"Kofi\"}}]"), fam));
    }
    for (t, y) in DATES {
        tags.push((t, format!("{t:?}: {{\"date-parts\": [[{y}]]}}"), y.to_string()));
    }
    for ty in ["article-journal", "book", "chapter", "report"] {
        walk(
            "CSL-JSON",
            &tags,
            // (A chapter names its book: one with neither book nor year is invalid, r74.)
            |lines| {
                let book = if ty == "chapter" { "\"container-title\": \"The book\", " } else { "" };
                format!("[{{\"type\": {ty:?}, \"title\": \"A title\", {book}{}}}]", lines.join(", "))
            },
            |t| import::csl_json::parse("t.json", t, &NoThemes),
        );
    }
}

/// The biblatex manual's data fields (§2.2.2, §2.2.3) and BibTeX's, with
/// the ones exporters add (Zotero, JabRef, ACM).
#[test]
fn every_bibtex_field_is_read_or_named() {
    const FIELDS: &[&str] = &[
        "abstract",
        "addendum",
        "address",
        "afterword",
        "annotation",
        "annote",
        "annotator",
        "articleno",
        "author",
        "bookauthor",
        "booksubtitle",
        "booktitle",
        "chapter",
        "commentator",
        "date",
        "doi",
        "edition",
        "editor",
        "editora",
        "eid",
        "entrysubtype",
        "eprint",
        "eprintclass",
        "eprinttype",
        "eventdate",
        "eventtitle",
        "extra",
        "file",
        "foreword",
        "holder",
        "howpublished",
        "institution",
        "introduction",
        "isbn",
        "issn",
        "issue",
        "issuetitle",
        "journal",
        "journalsubtitle",
        "journaltitle",
        "key",
        "keywords",
        "language",
        "langid",
        "library",
        "location",
        "maintitle",
        "month",
        "note",
        "number",
        "organization",
        "origdate",
        "origlanguage",
        "origpublisher",
        "origtitle",
        "pages",
        "pagetotal",
        "part",
        "pmid",
        "publisher",
        "pubstate",
        "school",
        "series",
        "shortjournal",
        "shorttitle",
        "subtitle",
        "timestamp",
        "titleaddon",
        "translator",
        "type",
        "url",
        "urldate",
        "venue",
        "version",
        "volume",
        "volumes",
        "year",
    ];
    let tags: Vec<(&str, String, String)> = FIELDS
        .iter()
        .map(|f| {
            let (value, want) = match *f {
                "author" | "editor" | "editora" | "bookauthor" | "translator" | "annotator" | "commentator"
                | "holder" => (format!("Fam{f}, Kofi"), format!("Fam{f}")),
                "year" => ("1987".into(), "1987".into()),
                "date" => ("1988-03-04".into(), "1988".into()),
                "origdate" | "eventdate" | "urldate" => ("1980".into(), "1980".into()),
                "month" => ("August".into(), "month: Some(8)|\\\"August\\\"".into()),
                "doi" => ("10.1234/vdoiq".into(), "10.1234/vdoiq".into()),
                "isbn" => ("978-0-385-50993-0".into(), "9780385509930".into()),
                "pmid" => ("31234567".into(), "31234567".into()),
                "language" | "langid" => (format!("kl{f}q"), format!("kl{f}q")),
                "pubstate" => ("inpress".into(), "press".into()),
                _ => (word(f), word(f)),
            };
            (*f, format!("{f} = {{{value}}}"), want)
        })
        .collect();
    for kind in ["article", "book", "incollection", "techreport"] {
        walk(
            "BibTeX",
            &tags,
            // (A chapter names its book: one with neither book nor year is invalid, r74.)
            |lines| {
                let book = if kind == "incollection" { " booktitle = {The book},\n" } else { "" };
                format!("@{kind}{{k,\n title = {{A title}},\n{book} {}\n}}\n", lines.join(",\n "))
            },
            |t| import::bibtex::parse("t.bib", t, &NoThemes),
        );
    }
}

/// EndNote's XML elements (EndNote X9–21 export, RSXML).
#[test]
fn every_endnote_element_is_read_or_named() {
    const PLAIN: &[&str] = &[
        "pages",
        "volume",
        "number",
        "issue",
        "secondary-volume",
        "secondary-issue",
        "num-vols",
        "edition",
        "section",
        "reprint-edition",
        "pub-location",
        "publisher",
        "orig-pub",
        "isbn",
        "accession-num",
        "call-num",
        "report-id",
        "coden",
        "electronic-resource-num",
        "abstract",
        "label",
        "caption",
        "notes",
        "research-notes",
        "work-type",
        "availability",
        "remote-source",
        "meeting-place",
        "work-location",
        "work-extent",
        "pack-method",
        "size",
        "repro-ratio",
        "remote-database-name",
        "remote-database-provider",
        "language",
        "access-date",
        "modified-date",
        "custom1",
        "custom2",
        "custom3",
        "custom4",
        "custom5",
        "custom6",
        "custom7",
        "misc1",
        "misc2",
        "misc3",
    ];
    let mut tags: Vec<(&str, String, String)> = PLAIN
        .iter()
        .map(|e| {
            let (value, want) = match *e {
                "isbn" => ("978-0-385-50993-0".to_string(), "9780385509930".to_string()),
                "electronic-resource-num" => ("10.1234/verq".into(), "10.1234/verq".into()),
                "language" => ("klq".into(), "klq".into()),
                // Read as a date (schema 0026): a date, as an export writes it.
                "access-date" => ("2024/03/05".into(), "2024-03-05".into()),
                _ => (word(e), word(e)),
            };
            (*e, format!("<{e}>{value}</{e}>"), want)
        })
        .collect();
    for (path, xml) in [
        (
            "contributors/authors/author",
            "<contributors><authors><author>Famauthor, Kofi</author></authors></contributors>",
        ),
        (
            "contributors/secondary-authors/author",
            "<contributors><secondary-authors><author>Famsecondary, Kofi</author></secondary-authors></contributors>",
        ),
        (
            "contributors/tertiary-authors/author",
            "<contributors><tertiary-authors><author>Famtertiary, Kofi</author></tertiary-authors></contributors>",
        ),
        (
            "contributors/subsidiary-authors/author",
            "<contributors><subsidiary-authors><author>Famsubsidiary, Kofi</author></subsidiary-authors></contributors>",
        ),
        (
            "contributors/translated-authors/author",
            "<contributors><translated-authors><author>Famtranslated, Kofi</author></translated-authors></contributors>",
        ),
        ("titles/secondary-title", "<titles><secondary-title>vsecondaryq</secondary-title></titles>"),
        ("titles/tertiary-title", "<titles><tertiary-title>vtertiaryq</tertiary-title></titles>"),
        ("titles/alt-title", "<titles><alt-title>valtq</alt-title></titles>"),
        ("titles/short-title", "<titles><short-title>vshortq</short-title></titles>"),
        ("titles/translated-title", "<titles><translated-title>vtranslatedq</translated-title></titles>"),
        ("periodical/full-title", "<periodical><full-title>vfullq</full-title></periodical>"),
        ("periodical/abbr-1", "<periodical><abbr-1>vabbr1q</abbr-1></periodical>"),
        ("periodical/abbr-2", "<periodical><abbr-2>vabbr2q</abbr-2></periodical>"),
        ("keywords/keyword", "<keywords><keyword>vkeywordq</keyword></keywords>"),
        ("dates/year", "<dates><year>1987</year></dates>"),
        ("dates/pub-dates/date", "<dates><pub-dates><date>1988 May</date></pub-dates></dates>"),
        ("urls/related-urls/url", "<urls><related-urls><url>https://example.org/vrelatedq</url></related-urls></urls>"),
        ("urls/web-urls/url", "<urls><web-urls><url>https://example.org/vwebq</url></web-urls></urls>"),
        ("urls/pdf-urls/url", "<urls><pdf-urls><url>https://example.org/vpdfq</url></pdf-urls></urls>"),
    ] {
        let want = xml.split('>').find_map(|s| {
            let v = s.split('<').next().unwrap_or("");
            (!v.is_empty())
                .then(|| v.split(',').next().unwrap_or(v).trim_start_matches("https://example.org/").to_string())
        });
        let want = want.unwrap_or_default();
        let want = if want == "1988 May" { "1988".to_string() } else { want };
        tags.push((path, xml.to_string(), want));
    }
    for ty in ["Journal Article", "Book", "Book Section", "Report"] {
        walk(
            "EndNote XML",
            &tags,
            |parts| {
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number>\
                     <ref-type name={ty:?}>17</ref-type><titles><title>A title</title>{}</titles>{}</record></records></xml>",
                    // (A chapter names its book: one with neither book nor year is invalid, r74.)
                    if ty == "Book Section" { "<secondary-title>The book</secondary-title>" } else { "" },
                    parts.join("")
                )
            },
            |t| import::endnote_xml::parse("t.xml", t, &NoThemes),
        );
    }
}

/// Zotero's whole CSV header: each column with text is read, or named.
#[test]
fn every_zotero_csv_column_is_read_or_named() {
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/12x/zotero-header.csv"))
        .expect("the header fixture");
    let columns: Vec<&str> = header.trim().split(',').map(|c| c.trim_matches('"')).collect();
    let cells: Vec<String> = columns
        .iter()
        .map(|c| match *c {
            "Item Type" => "report".to_string(),
            "Publication Year" => "1987".into(),
            "Title" => "A title".into(),
            "Author" => "Famauthor, Kofi".into(),
            "Editor" => "Fameditor, Kofi".into(),
            "ISBN" => "978-0-385-50993-0".into(),
            "DOI" => "10.1234/vdoiq".into(),
            "Date" => "1987-05-06".into(),
            "Language" => "fr".into(),
            "Url" => "https://example.org/vurlq".into(),
            // Read as a date (schema 0026): a date, as Zotero writes it.
            "Access Date" => "2024-03-05 10:11:12".into(),
            c => word(c),
        })
        .collect();
    let row: Vec<String> = cells.iter().map(|c| format!("{c:?}")).collect();
    let w = Workdir::new();
    let said = w.import_reading("z.csv", &format!("{}\n{}\n", header.trim(), row.join(",")));
    let list = w.reading_list();
    let stored = list.to_string().to_lowercase();
    let mut lost = Vec::new();
    for (c, v) in columns.iter().zip(&cells) {
        let want = match *c {
            "ISBN" => "9780385509930".to_string(),
            "Date" | "Publication Year" => "1987".into(),
            "Access Date" => "2024-03-05".into(),
            "Author" | "Editor" => v.split(',').next().unwrap_or("").to_lowercase(),
            _ => v.to_lowercase(),
        };
        if !stored.contains(&want) && !said.contains(&format!("{c:?}")) {
            lost.push(*c);
        }
    }
    assert!(lost.is_empty(), "Zotero CSV columns read nowhere and named nowhere: {lost:?}\n{said}");
    // The report's number and type are read (issue 12, defect 3).
    let r = common::reading(&list, "A title");
    // Beside an issue, the number is named (canon keeps one number).
    assert_eq!(r["issue"], "vissueq", "{r}");
    assert!(said.contains("Number \"vnumberq\" not stored: the row has an issue (\"vissueq\")"), "{said}");
    assert_eq!(r["genre"], "vtypeq", "{r}");
}

#[test]
fn a_csl_number_is_stored_or_named_and_a_season_range_keeps_its_start() {
    let w = Workdir::new();
    let said = w.import_reading(
        "items.json",
        r#"[
 {"id": "r1", "type": "report", "title": "A report numbered", "author": [{"family": "Osei", "given": "Kwame"}],
  "issued": {"date-parts": [[2017]]}, "publisher": "MOH", "number": "R-12"},
 {"id": "r2", "type": "report", "title": "A report with an issue too", "issued": {"date-parts": [[2017]]},
  "issue": "4", "number": "R-13"},
 {"id": "a4", "type": "article-journal", "title": "CSL season range", "author": [{"family": "Osei", "given": "Kwame"}],
  "issued": {"date-parts": [[1998, 13], [1998, 15]]}, "container-title": "J X"},
 {"id": "a5", "type": "article-magazine", "title": "CSL one season as a month", "issued": {"date-parts": [[1998, 16]]},
  "container-title": "New Scientist"},
 {"id": "a6", "type": "article-journal", "title": "CSL season range over two years",
  "issued": {"date-parts": [[1998, 16], [1999, 13]]}, "container-title": "J X"},
 {"id": "a7", "type": "book", "title": "CSL dates side by side", "issued": {"date-parts": [[2001]]},
  "original-date": {"date-parts": [[1961]]}}
]"#,
    );
    let list = w.reading_list();
    let r = common::reading(&list, "A report numbered");
    assert_eq!(r["issue"], "R-12", "{r}");
    let r2 = common::reading(&list, "A report with an issue");
    assert_eq!(r2["issue"], "4", "{r2}");
    assert!(said.contains("number \"R-13\" not stored: the item has an issue (\"4\")"), "{said}");
    let a4 = common::reading(&list, "CSL season range");
    assert_eq!((a4["year"].as_i64(), a4["season"].as_str(), a4["month"].as_i64()), (Some(1998), Some("spring"), None));
    // Branch 12d (schema 0022): a range of seasons in one year is kept whole, not warned.
    assert_eq!(a4["season_end"], "autumn", "{a4}");
    assert!(!said.contains("runs over seasons from spring to autumn"), "{said}");
    let a5 = common::reading(&list, "CSL one season");
    assert_eq!((a5["season"].as_str(), a5["month"].as_i64()), (Some("winter"), None), "{a5}");
    let a6 = common::reading(&list, "CSL season range over two");
    assert_eq!(a6["season"], "winter", "{a6}");
    assert!(said.contains("from winter to spring"), "{said}");
    // `original-date` beside `issued`: stored as the original year (schema
    // 0028; it was named as not stored before there was a field).
    assert!(!said.contains("CSL-JSON original-date"), "{said}");
    assert_eq!(common::reading(&list, "CSL dates side by side")["original_year"], "1961");
    // The report number prints as one (APA 7 §10.4).
    let refs = w.references("apa");
    assert!(common::reference(&refs, "A report numbered").contains("R-12"), "{refs:?}");
}

#[test]
fn medline_dep_pl_tt_and_other_ids_are_named_when_not_stored() {
    let w = Workdir::new();
    let said = w.import_reading(
        "p.nbib",
        "PMID- 32000001\nOWN - NLM\nTI  - An electronic date and a place.\nDEP - 20200617\nDP  - 2020 Jul\n\
         PL  - United States\nTA  - J X\nJT  - Journal of X\nPG  - 10-20\nAID - S0140-6736(20)30001-1 [pii]\n\
         AID - 10.1000/abc [doi]\nTT  - Une date électronique.\n\n\
         PMID- 32000002\nTI  - Only an electronic date.\nDEP - 20200618\nPL  - England\nPB  - Lancet Press\n\n",
    );
    assert!(said.contains("MEDLINE DEP (electronic publication date)"), "{said}");
    assert!(said.contains("MEDLINE PL (the journal's place of publication)"), "{said}");
    // (`TT` is stored since schema 0030, tester r62 F3: no longer named.)
    assert!(!said.contains("MEDLINE TT"), "{said}");
    assert!(said.contains("MEDLINE AID (identifier other than the DOI)"), "{said}");
    let list = w.reading_list();
    let a = common::reading(&list, "An electronic date");
    assert_eq!((a["year"].as_i64(), a["month"].as_i64(), a["pages"].as_str()), (Some(2020), Some(7), Some("10-20")));
    assert_eq!(a["doi"], "10.1000/abc");
    // Without DP, DEP is the date; with PB, PL is the publisher's place.
    let b = common::reading(&list, "Only an electronic");
    assert_eq!((b["year"].as_i64(), b["place"].as_str()), (Some(2020), Some("England")), "{b}");
}

/// An e-only article's number, from each format that holds one.
#[test]
fn an_article_number_is_the_locator_in_every_format() {
    let w = Workdir::new();
    w.import_reading(
        "s.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Scopus article number\nT2  - Environmental Research\nPY  - 2022\nVL  - 210\nC7  - 112873\nDO  - 10.1016/j.envres.2022.112873\nER  - \n\n\
         TY  - JOUR\nAU  - Mensah, Kofi\nTI  - Scopus with pages too\nT2  - Environmental Research\nPY  - 2022\nVL  - 210\nSP  - 1\nEP  - 9\nC7  - 112874\nER  - \n\n\
         TY  - RPRT\nTI  - A report with a C7\nPY  - 2022\nC7  - custom\nER  - \n",
    );
    w.import_reading(
        "c.json",
        r#"[{"type": "article-journal", "title": "CSL article number", "author": [{"family": "Osei", "given": "Ama"}],
            "container-title": "PLOS ONE", "volume": "15", "issue": "3", "number": "e0230225", "issued": {"date-parts": [[2020]]}}]"#,
    );
    w.import_reading(
        "b.bib",
        "@article{a, author = {Adeyemi, Tunde}, title = {Biblatex eid}, journaltitle = {Sci Rep}, volume = {11}, eid = {4567}, year = {2021}}\n\
         @article{b, author = {Adeyemi, Tunde}, title = {ACM articleno}, journal = {ACM Comput Surv}, volume = {54}, number = {2}, articleno = {38}, year = {2021}}\n",
    );
    w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><rec-number>1</rec-number><ref-type name=\"Journal Article\">17</ref-type>\
         <contributors><authors><author>Okoro, Chidi</author></authors></contributors><titles><title>EndNote article number</title>\
         <secondary-title>BMJ Open</secondary-title></titles><periodical><full-title>BMJ Open</full-title></periodical><volume>9</volume>\
         <custom7>e028476</custom7><dates><year>2019</year></dates></record></records></xml>",
    );
    w.import_reading(
        "p.nbib",
        "PMID- 32000003\nTI  - MEDLINE location.\nFAU - Osei, Ama\nDP  - 2020\nTA  - PLoS One\nJT  - PloS one\nVI  - 15\nIP  - 3\nLID - e0230226 [pii]\nLID - 10.1371/journal.pone.0230226 [doi]\n\n",
    );
    let list = w.reading_list();
    for (title, pages) in [
        ("Scopus article number", "Article 112873"),
        ("Scopus with pages", "1-9"),
        ("CSL article number", "Article e0230225"),
        ("Biblatex eid", "Article 4567"),
        ("ACM articleno", "Article 38"),
        ("EndNote article number", "Article e028476"),
        ("MEDLINE location", "Article e0230226"),
    ] {
        assert_eq!(common::reading(&list, title)["pages"], pages, "{title}");
    }
    assert!(common::reading(&list, "A report with a C7")["pages"].is_null());
    let apa = w.references("apa");
    let r = common::reference(&apa, "Scopus article number");
    assert!(r.contains("210, Article 112873"), "{r}");
    let r = common::reference(&apa, "CSL article number");
    assert!(r.contains("15(3), Article e0230225"), "{r}");
    let v = w.references("vancouver");
    let r = common::reference(&v, "Scopus article number");
    assert!(r.contains("2022;210:112873"), "{r}");
    let r = common::reference(&v, "CSL article number");
    assert!(r.contains("2020;15(3):e0230225"), "{r}");
}

#[test]
fn an_article_number_beside_pages_is_named() {
    let w = Workdir::new();
    let said = w.import_reading(
        "s.ris",
        "TY  - JOUR\nTI  - Scopus with pages too\nT2  - J\nPY  - 2022\nSP  - 1\nEP  - 9\nC7  - 112874\nER  - \n",
    );
    assert!(said.contains("C7 \"112874\" (the article number) not stored: the record has pages (\"1-9\")"), "{said}");
}

#[test]
fn a_zotero_book_sp_is_its_number_of_pages_not_a_locator() {
    let w = Workdir::new();
    let said = w.import_reading(
        "z.ris",
        "TY  - BOOK\nAU  - Osei, Kwame\nTI  - A long book\nPY  - 2019\nPB  - Pluto\nSP  - 400\nER  - \n\n\
         TY  - BOOK\nTI  - A book with a page range\nPY  - 2019\nSP  - 10-20\nER  - \n\n\
         TY  - CHAP\nTI  - A chapter on one page\nPY  - 2019\nSP  - 400\nER  - \n\n\
         TY  - RPRT\nAU  - Osei, Kwame\nTI  - A Zotero report\nPY  - 2017\nPB  - Ministry of Health\nSN  - MOH/2017/4\nER  - \n\n\
         TY  - RPRT\nTI  - A report with an ISSN\nPY  - 2017\nSN  - 0025-7273\nER  - \n",
    );
    // Zotero writes a report's number in `SN`: the report's number.
    assert!(!said.contains("\"MOH/2017/4\" not stored"), "{said}");
    // An ISSN there is named once for the file (tester r35 F11: one warning a
    // record hid the data warnings under the cap), on purpose since r33.
    assert!(
        said.contains("RIS SN holding an ISSN (the journal's ISSN, which canon has no field for) (1 record)"),
        "{said}"
    );
    // Branch 12e: the book's number of pages is stored now (schema 0024), no longer named as lost.
    assert!(!said.contains("RIS SP (a book's number of pages)"), "{said}");
    let list = w.reading_list();
    assert!(common::reading(&list, "A long book")["pages"].is_null());
    assert_eq!(common::reading(&list, "A long book")["page_count"], "400");
    assert_eq!(common::reading(&list, "A book with a page range")["pages"], "10-20");
    assert_eq!(common::reading(&list, "A chapter on one page")["pages"], "400");
    assert_eq!(common::reading(&list, "A Zotero report")["issue"], "MOH/2017/4");
    assert!(common::reading(&list, "A report with an ISSN")["issue"].is_null());
    let apa = w.references("apa");
    assert!(!common::reference(&apa, "A long book").contains("400"));
    assert!(common::reference(&apa, "A Zotero report").contains("(Report No. MOH/2017/4)"), "{apa:?}");
}

#[test]
fn a_zotero_csv_report_number_and_type_are_read() {
    let w = Workdir::new();
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Issue\",\"Number\",\"Type\",\"Publisher\"\n\
         \"K1\",\"report\",\"2017\",\"Osei, Kwame\",\"Malaria report\",\"\",\"MOH/2017/4\",\"Technical report\",\"Ministry of Health\"\n\
         \"K2\",\"report\",\"2017\",\"Osei, Kwame\",\"Second report\",\"3\",\"MOH/2017/5\",\"\",\"\"\n",
    );
    let list = w.reading_list();
    let r = common::reading(&list, "Malaria report");
    assert_eq!((r["issue"].as_str(), r["genre"].as_str()), (Some("MOH/2017/4"), Some("Technical report")), "{r}");
    assert_eq!(common::reading(&list, "Second report")["issue"], "3");
}

#[test]
fn a_corporate_name_read_as_a_person_is_warned_about_in_each_format() {
    let w = Workdir::new();
    let said = w.import_reading(
        "i.bib",
        "@report{who, author = {World Health Organization}, title = {Unbraced}, year = {2010}, institution = {WHO}}\n\
         @report{moh, author = {Ministry of Health and Mensah, Kofi}, title = {Unbraced ministry}, year = {2011}}\n\
         @report{ok, author = {{World Health Organization}}, title = {Braced}, year = {2012}}\n\
         @book{beet, author = {Ludwig van Beethoven}, title = {A person with a particle}, year = {1810}}\n",
    );
    assert!(
        said.contains(
            "in entry `who`: author \"World Health Organization\" looks like an institution's name: kept whole, as \
             written (BibTeX's rule would read it as a person's); to be sure, write it in braces, {World Health \
             Organization}"
        ),
        "{said}"
    );
    assert!(said.contains("in entry `moh`: author \"Ministry of Health\""), "{said}");
    assert!(!said.contains("entry `ok`") && !said.contains("entry `beet`"), "{said}");

    let w = Workdir::new();
    let said = w.import_reading(
        "i.json",
        r#"[{"id": "c1", "type": "report", "title": "CSL corporate", "author": [{"family": "Council", "given": "Medical Research"}], "issued": {"date-parts": [[2010]]}}]"#,
    );
    assert!(said.contains("in item `c1`: author \"Council, Medical Research\" was read as a person"), "{said}");
    assert!(said.contains("{\"literal\": \"Council, Medical Research\"}"), "{said}");

    let w = Workdir::new();
    let said = w.import_reading(
        "i.ris",
        "TY  - RPRT\nAU  - Organization, World Health\nAU  - Osei, Kwame\nTI  - RIS inverted corporate\nPY  - 2010\nER  - \n",
    );
    assert!(said.contains("AU \"Organization, World Health\" was read as a person"), "{said}");
    assert!(said.contains("write it whole, \"World Health Organization\""), "{said}");

    let w = Workdir::new();
    let said =
        w.import_reading("i.nbib", "PMID- 32000009\nTI  - MEDLINE corporate.\nFAU - Group, Study\nDP  - 2010\n\n");
    assert!(said.contains("FAU \"Group, Study\" was read as a person"), "{said}");
}

#[test]
fn an_in_press_reading_and_its_published_version_are_flagged() {
    let w = Workdir::new();
    w.import_reading(
        "ip1.csv",
        "title,authors,year,type,container\nLater published,\"Mensah, Kofi\",in press,article,Global Health Action\n\
         Another in press,\"Osei, Ama\",forthcoming,article,BMJ\n",
    );
    let said = w.import_reading(
        "ip2.csv",
        "title,authors,year,type,container\nLater published,\"Mensah, Kofi\",2021,article,Global Health Action\n\
         Another in press: with a subtitle,\"Osei, Ama\",2022,article,BMJ\n\
         Later published,\"Mensah, Kofi\",2021,article,Another Journal\n",
    );
    // The same title, first author and journal, one in press and one
    // published: one work, the state ended (tester r68 F7; it was only
    // flagged, and the list held both).
    assert!(said.contains("(same title, first author and journal, before and after publication)"), "{said}");
    assert!(said.contains("publication state \"in press\" ended"), "{said}");
    // Only the main title alike: flagged, as before.
    assert!(said.contains("one forthcoming, one published in 2022"), "{said}");
    // Another journal: not the same work as the in-press one, nor (since
    // tester r20 F3) merged into line 2's record of that year: added, and
    // flagged against it.
    assert_eq!(said.matches("possible duplicate of entry").count(), 2, "{said}");
    assert!(said.contains(":4: \"Later published\" (2021): possible duplicate of entry"), "{said}");
    assert!(said.contains("(same first author, year and main title)"), "{said}");
    assert!(said.contains("2 new, 1 changed"), "{said}");

    // The other way round: published first, then an in-press record of it
    // (merged, the year kept), and one of another title (flagged).
    let w = Workdir::new();
    w.import_reading("a.csv", "title,authors,year,type,container\nBoth ways,\"Mensah, Kofi\",2021,article,J X\n");
    let said = w.import_reading(
        "b.csv",
        "title,authors,year,type,container\nBoth ways,\"Mensah, Kofi\",in press,article,J X\n\
         Both ways: a subtitle,\"Mensah, Kofi\",in press,article,J X\n",
    );
    assert!(said.contains("1 new, 0 changed, 1 unchanged"), "{said}");
    assert!(said.contains("one in press, one published in 2021"), "{said}");
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(2), "{list}");
    assert!(list.as_array().unwrap().iter().any(|r| r["title"] == "Both ways" && r["year"] == 2021), "{list}");

    // An in-press reading is never called n.d.
    let r = list.as_array().unwrap().iter().find(|r| r["title"] == "Both ways: a subtitle").unwrap();
    let id = r["id"].as_str().map_or_else(|| r["id"].to_string(), str::to_string);
    let out = w.cmd(&["reading", "edit", &id, "--year", "in press", "--by", "amina"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"Both ways: a subtitle\" (in press) already is so"), "{err}");
    assert!(!err.contains("n.d."), "{err}");
}

#[test]
fn a_particle_and_initials_have_one_structure_in_every_format() {
    let w = Workdir::new();
    w.import_reading(
        "p.json",
        r#"[{"type": "book", "title": "CSL dropping", "author": [{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}], "issued": {"date-parts": [[1810]]}},
            {"type": "book", "title": "CSL both particles", "author": [{"family": "Cruz", "given": "Maria", "dropping-particle": "de", "non-dropping-particle": "la"}], "issued": {"date-parts": [[1811]]}}]"#,
    );
    w.import_reading("p.bib", "@book{b, author = {Ludwig van Beethoven}, title = {BibTeX von}, year = {1810}}\n");
    w.import_reading(
        "v.csv",
        "title,authors,year,type\nVancouver cell,\"Mensah KA, Kim J-W, Osei K, Park J.-H.\",2020,article\n",
    );
    w.import_reading("r.ris", "TY  - JOUR\nAU  - Kim, J-W\nAU  - Osei, K\nTI  - RIS initials\nPY  - 2020\nER  - \n");
    let list = w.reading_list();
    let parts = |title: &str, i: usize| {
        let n = &common::reading(&list, title)["author_names"][i];
        (
            n["family"].as_str().map(str::to_string),
            n["given"].as_str().map(str::to_string),
            n["particle"].as_str().map(str::to_string),
        )
    };
    let beethoven = (Some("Beethoven".to_string()), Some("Ludwig".to_string()), Some("van".to_string()));
    assert_eq!(parts("CSL dropping", 0), beethoven);
    assert_eq!(parts("BibTeX von", 0), beethoven);
    assert_eq!(parts("CSL both particles", 0).2.as_deref(), Some("de la"));
    // Printed alike, whichever format the name came from.
    let apa = w.references("apa");
    let name_of = |t: &str| common::reference(&apa, t).split(" (").next().unwrap_or("").to_string();
    assert_eq!(name_of("CSL dropping"), name_of("BibTeX von"));
    let given = |title: &str, i: usize| parts(title, i).1.unwrap_or_default();
    assert_eq!((0..4).map(|i| given("Vancouver cell", i)).collect::<Vec<_>>(), ["K. A.", "J.-W.", "K.", "J.-H."]);
    assert_eq!((given("RIS initials", 0), given("RIS initials", 1)), ("J.-W.".to_string(), "K.".to_string()));
}
