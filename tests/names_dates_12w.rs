//! Issue 12 (12w), through the binary: every importer keeps every part of
//! names and dates. Vancouver/PubMed "Family INITIALS" lists in a cell are
//! split into people; a range of days or seasons keeps its start and is
//! named; a typed year takes what a file's year takes; Zotero's "Journal
//! Abbreviation" and "Series Number" are read; CSL-JSON name particles and
//! `collection-number` keep their meaning.

mod common;

use common::{Workdir, reading};

/// (family, given, particle, suffix, literal) of each author of a reading in
/// `reading list --format json`.
type Parts = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

fn authors(list: &serde_json::Value, title: &str) -> Vec<Parts> {
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_string);
    reading(list, title)["author_names"]
        .as_array()
        .unwrap_or_else(|| panic!("{title}: no author_names"))
        .iter()
        .map(|n| (s(n, "family"), s(n, "given"), s(n, "particle"), s(n, "suffix"), s(n, "literal")))
        .collect()
}

fn person(family: &str, given: Option<&str>, particle: Option<&str>, suffix: Option<&str>) -> Parts {
    (Some(family.into()), given.map(Into::into), particle.map(Into::into), suffix.map(Into::into), None)
}

fn literal(s: &str) -> Parts {
    (None, None, None, None, Some(s.into()))
}

/// (year, month, day, season, year_note) of a reading.
fn date_of(list: &serde_json::Value, title: &str) -> (Option<i64>, Option<i64>, Option<i64>, Option<String>) {
    let r = reading(list, title);
    (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64(), r["season"].as_str().map(str::to_string))
}

/// The Vancouver and PubMed `AU` forms in a cell, in the canonical CSV and in
/// Zotero's Author column: one person per comma, suffixes, hyphenated
/// initials, particles, single-name and corporate authors; the other forms
/// read as before; a cell that cannot be split is named in a warning.
#[test]
fn vancouver_lists_in_a_cell_are_people() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let cells = [
        ("V suffix", "Mensah KA Jr, Osei JKA"),
        ("V hyphen", "Kim J-W, Park S"),
        ("V particle", "van der Berg P, Mensah KA"),
        ("V corporate", "Mensah KA, Osei JKA, WHO Ebola Response Team"),
        ("V single", "Mensah KA, Plato, Osei J"),
        ("V third", "Gates WH III, Osei J"),
        ("V dotted", "Mensah K.A. Jr, Osei J.K.A."),
        ("Inverted", "Achebe, Ngozi; Byrne, Siobhan"),
        ("Natural", "Kofi Mensah, Jane Osei and Lena Berg"),
        ("One inverted", "Cooper Owens, Deirdre"),
        ("One inverted suffix", "Mensah, Kofi A., Jr."),
    ];
    let csv: String = cells.iter().map(|(t, a)| format!("{t},\"{a}\",2019,article\n")).collect();
    let said = w.import_reading("v.csv", &format!("title,authors,year,type\n{csv}"));
    let zot: String =
        cells.iter().enumerate().map(|(i, (t, a))| format!("K{i},journalArticle,2019,\"{a}\",Zotero {t}\n")).collect();
    let said_z = w.import_reading("z.csv", &format!("Key,Item Type,Publication Year,Author,Title\n{zot}"));
    let list = w.reading_list();
    let want: Vec<(&str, Vec<Parts>)> = vec![
        (
            "V suffix",
            vec![person("Mensah", Some("K. A."), None, Some("Jr")), person("Osei", Some("J. K. A."), None, None)],
        ),
        ("V hyphen", vec![person("Kim", Some("J.-W."), None, None), person("Park", Some("S."), None, None)]),
        (
            "V particle",
            vec![person("Berg", Some("P."), Some("van der"), None), person("Mensah", Some("K. A."), None, None)],
        ),
        (
            "V corporate",
            vec![
                person("Mensah", Some("K. A."), None, None),
                person("Osei", Some("J. K. A."), None, None),
                literal("WHO Ebola Response Team"),
            ],
        ),
        (
            "V single",
            vec![
                person("Mensah", Some("K. A."), None, None),
                person("Plato", None, None, None),
                person("Osei", Some("J."), None, None),
            ],
        ),
        ("V third", vec![person("Gates", Some("W. H."), None, Some("III")), person("Osei", Some("J."), None, None)]),
        (
            "V dotted",
            vec![person("Mensah", Some("K. A."), None, Some("Jr")), person("Osei", Some("J. K. A."), None, None)],
        ),
        ("Inverted", vec![person("Achebe", Some("Ngozi"), None, None), person("Byrne", Some("Siobhan"), None, None)]),
        (
            "Natural",
            vec![
                person("Mensah", Some("Kofi"), None, None),
                person("Osei", Some("Jane"), None, None),
                person("Berg", Some("Lena"), None, None),
            ],
        ),
        ("One inverted", vec![person("Cooper Owens", Some("Deirdre"), None, None)]),
        ("One inverted suffix", vec![person("Mensah", Some("Kofi A."), None, Some("Jr."))]),
    ];
    for (title, parts) in &want {
        assert_eq!(&authors(&list, title), parts, "{title}");
        assert_eq!(&authors(&list, &format!("Zotero {title}")), parts, "Zotero {title}");
    }
    // No cell here is a guess but the "Given Family" one, whose family names are read last by a guess
    // (tester r66 F2), said once for each list.
    for s in [&said, &said_z] {
        let guesses: Vec<&str> = s.lines().filter(|l| l.contains("cell \"")).collect();
        assert_eq!(guesses.len(), 1, "{s}");
        assert!(
            guesses[0].contains("\"Kofi Mensah, Jane Osei and Lena Berg\" read as 3 names written \"Given Family\""),
            "{s}"
        );
    }
    // The name as written is kept.
    let r = reading(&list, "V suffix");
    assert_eq!(r["authors"][0].as_str(), Some("Mensah KA Jr"), "{r}");
    // A cell that truly cannot be split is still named in a warning.
    let said = w.import_reading("d.csv", "title,authors,year,type\nDoubt,\"Mensah, Kofi, Osei, Jane\",2019,article\n");
    assert!(said.contains("d.csv:2:2: warning: authors cell \"Mensah, Kofi, Osei, Jane\""), "{said}");
}

/// A range of days keeps its start and is named, in every format that can
/// write one; a range of seasons keeps its first season and is named.
#[test]
fn ranges_of_days_and_seasons_keep_their_start_and_are_said() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let nbib = w.import_reading(
        "p.nbib",
        "PMID- 11111111\nTI  - Nbib days.\nAU  - Mensah KA\nDP  - 1998 May 5-11\nJT  - Lancet\n\n\
         PMID- 11111112\nTI  - Nbib seasons.\nAU  - Mensah KA\nDP  - 1998 Summer-Fall\nJT  - Lancet\n\n\
         PMID- 11111113\nTI  - Nbib across months.\nAU  - Mensah KA\nDP  - 1998 May 30-Jun 2\nJT  - Lancet\n",
    );
    let record = |title: &str, date: &str| {
        format!(
            "<record><ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Galen, C</author>\
             </authors></contributors><titles><title>{title}</title></titles><dates><year>1998</year><pub-dates>\
             <date>{date}</date></pub-dates></dates></record>"
        )
    };
    let endnote = w.import_reading(
        "e.xml",
        &format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>{}{}</records></xml>",
            record("Endnote days", "3-5 May 1998"),
            record("Endnote seasons", "Summer-Fall 1998"),
        ),
    );
    let ris = w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - Galen, C\nTI  - RIS days\nPY  - 1998\nDA  - May 5-11, 1998\nER  - \n\
         TY  - JOUR\nAU  - Galen, C\nTI  - RIS seasons\nPY  - 1998///Summer-Fall\nER  - \n",
    );
    let bib = w.import_reading(
        "b.bib",
        "@article{a, title={Bib days}, author={Galen, C}, date={1998-05-03/1998-05-05}}\n\
         @article{b, title={Bib seasons}, author={Galen, C}, year={1998}, month={summer--fall}}\n",
    );
    let json = w.import_reading(
        "c.json",
        r#"[{"id":"a","type":"article-journal","title":"Json days","author":[{"family":"Galen","given":"C"}],
  "issued":{"date-parts":[[1998,5,3],[1998,5,5]]}},
 {"id":"b","type":"article-journal","title":"Json across months","author":[{"family":"Galen","given":"C"}],
  "issued":{"date-parts":[[1998,5,30],[1998,6,2]]}},
 {"id":"c","type":"article-journal","title":"Json seasons","author":[{"family":"Galen","given":"C"}],
  "issued":{"date-parts":[[1998]],"season":"Summer-Fall"}}]"#,
    );
    let csv = w.import_reading(
        "d.csv",
        "title,authors,year,type\nCsv days,\"Galen, C\",1998 May 5-11,article\n\
         Csv seasons,\"Galen, C\",Summer-Fall 1998,article\n",
    );
    let list = w.reading_list();
    let day = |m: i64, d: i64| (Some(1998), Some(m), Some(d), None);
    let summer = (Some(1998), None, None, Some("summer".to_string()));
    // Branch 12d (schema 0022): a range of days in one month and a range of
    // seasons in one year are kept whole (`day_end`, `season_end`), not warned;
    // a range of days across months keeps its start and is said.
    let end = |t: &str| {
        let r = reading(&list, t);
        (r["day_end"].as_i64(), r["season_end"].as_str().map(str::to_string))
    };
    for (title, want, said, range, ends) in [
        ("Nbib days", day(5, 5), &nbib, "\"1998 May 5-11\" is a range of days", (Some(11), None)),
        ("Nbib across months", day(5, 30), &nbib, "\"1998 May 30-Jun 2\" is a range of days", (None, None)),
        ("Endnote days", day(5, 3), &endnote, "\"3-5 May 1998\" is a range of days", (Some(5), None)),
        ("RIS days", day(5, 5), &ris, "\"May 5-11, 1998\" is a range of days", (Some(11), None)),
        ("Bib days", day(5, 3), &bib, "\"1998-05-03/1998-05-05\" is a range of days", (Some(5), None)),
        ("Json days", day(5, 3), &json, "\"1998-05-03/1998-05-05\" is a range of days", (Some(5), None)),
        ("Json across months", day(5, 30), &json, "\"1998-05-30/1998-06-02\" is a range of days", (None, None)),
        ("Csv days", day(5, 5), &csv, "\"1998 May 5-11\" is a range of days", (Some(11), None)),
        ("Nbib seasons", summer.clone(), &nbib, "\"1998 Summer-Fall\" runs over seasons", (None, Some("autumn"))),
        ("Endnote seasons", summer.clone(), &endnote, "\"Summer-Fall 1998\" runs over seasons", (None, Some("autumn"))),
        ("RIS seasons", summer.clone(), &ris, "\"1998///Summer-Fall\" runs over seasons", (None, Some("autumn"))),
        ("Bib seasons", summer.clone(), &bib, "\"summer–fall\" runs over seasons", (None, Some("autumn"))),
        ("Json seasons", summer.clone(), &json, "\"Summer-Fall\" runs over seasons", (None, Some("autumn"))),
        ("Csv seasons", summer.clone(), &csv, "\"Summer-Fall 1998\" runs over seasons", (None, Some("autumn"))),
    ] {
        assert_eq!(date_of(&list, title), want, "{title}");
        let ends = (ends.0, ends.1.map(str::to_string));
        assert_eq!(end(title), ends, "{title}");
        let stored = ends != (None, None);
        assert_eq!(said.contains(range), !stored, "{title}: {range:?} said only when not kept whole:\n{said}");
    }
    assert!(nbib.contains("canon keeps one date, its start, 30 May 1998"), "{nbib}");
}

/// A season is printed whatever the title says: a title with the year or
/// the season word in it does not take the date's place.
#[test]
fn a_season_survives_a_title_that_names_it() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w.import_reading(
        "p.nbib",
        "PMID- 22222221\nTI  - Winter 2019 outbreaks of influenza.\nAU  - Mensah KA\nDP  - 2019 Winter\n\
         JT  - Lancet\nTA  - Lancet\nVI  - 4\n\n\
         PMID- 22222222\nTI  - Heat in the summer of 2019.\nAU  - Mensah KA\nDP  - 2019 Summer\nJT  - Lancet\n\
         TA  - Lancet\nVI  - 4\n",
    );
    // APA 7 (§10.1) cites a journal article by its year alone: only the
    // title names the season there.
    let apa = w.references("apa");
    for title in ["Winter 2019 outbreaks of influenza", "Heat in the summer of 2019"] {
        let r = common::reference(&apa, title);
        let outside = r.replacen(title, "", 1);
        assert!(r.contains(title) && !outside.contains("Winter") && !outside.contains("Summer"), "apa: {r}");
    }
    for style in ["vancouver"] {
        let refs = w.references(style);
        for (title, season) in
            [("Winter 2019 outbreaks of influenza", "Winter"), ("Heat in the summer of 2019", "Summer")]
        {
            let r = common::reference(&refs, title);
            assert!(r.contains(title), "{style}: the title as written: {r}");
            // Outside the title, the date has its season, once.
            let outside = r.replacen(title, "", 1);
            assert_eq!(outside.matches(season).count(), 1, "{style}: {r}");
            let at = outside.find(season).unwrap();
            assert!(
                outside[..at].trim_end_matches([' ', ',']).trim_end_matches(['a', 'b']).ends_with("2019"),
                "{style}: {r}"
            );
        }
    }
}

/// `reading add --year` and `reading edit --year` take what a file's year
/// takes, store the same and say the same.
#[test]
fn a_typed_year_takes_what_a_file_takes() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let typed = [
        "in press",
        "forthcoming",
        "n.d.",
        "circa 1998",
        "1998?",
        "c. 950?",
        "1998-2000",
        "1998 May 5-11",
        "Spring 2019",
    ];
    let csv: String = typed.iter().enumerate().map(|(i, y)| format!("File {i},\"Galen, C\",{y},book\n")).collect();
    let from_file = w.import_reading("y.csv", &format!("title,authors,year,type\n{csv}"));
    for (i, y) in typed.iter().enumerate() {
        let said = w.ok_stderr(&["reading", "add", "--title", &format!("Typed {i}"), "--year", y, "--by", "t"]);
        let list = w.reading_list();
        let (f, t) = (reading(&list, &format!("File {i}")), reading(&list, &format!("Typed {i}")));
        for k in ["year", "year_note", "month", "day", "season", "date_approximate", "year_end"] {
            assert_eq!(f[k], t[k], "--year {y:?}: {k}");
        }
        // The same warning, naming the field instead of "the date".
        let file_says = from_file.contains(&format!("the date {y:?}"));
        assert_eq!(said.contains(&format!("--year {y:?}")), file_says, "--year {y:?}: {said}\nfile: {from_file}");
    }
    let list = w.reading_list();
    assert_eq!(reading(&list, "Typed 0")["year_note"].as_str(), Some("in press"));
    assert_eq!(reading(&list, "Typed 3")["date_approximate"].as_bool(), Some(true));
    // Dates r83: "1998-2000" is stored whole (year_end 2000) and nothing is said, typed or in a file.
    assert_eq!(
        (reading(&list, "Typed 6")["year"].as_i64(), reading(&list, "Typed 6")["year_end"].as_i64()),
        (Some(1998), Some(2000))
    );
    assert!(!from_file.contains("1998-2000"), "{from_file}");
    // "c. 950?" is approximate, and its doubt is said.
    let said = w.ok_stderr(&["reading", "add", "--title", "Doubtful", "--year", "c. 950?", "--by", "t"]);
    assert!(said.contains("approximate and uncertain"), "{said}");
    // `reading edit` the same way, there and back.
    let id = reading(&w.reading_list(), "Typed 3")["id"].as_i64().unwrap().to_string();
    w.ok(&["reading", "edit", &id, "--year", "in press", "--by", "t"]);
    let r = reading(&w.reading_list(), "Typed 3").clone();
    assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (None, Some("in press")), "{r}");
    w.ok(&["reading", "edit", &id, "--year", "2001 Apr 3", "--by", "t"]);
    let r = reading(&w.reading_list(), "Typed 3").clone();
    assert_eq!(
        (r["year"].as_i64(), r["year_note"].as_str(), r["month"].as_i64(), r["day"].as_i64()),
        (Some(2001), None, Some(4), Some(3))
    );
    // A range of whole years has no month or day: the stored April 3 is not kept with it (dates r83).
    let e = w.fails(&["reading", "edit", &id, "--year", "1998-2000", "--by", "t"]);
    assert!(
        e.contains(
            "the year is a range of whole years, 1998 to 2000, which has no month, day or season, and the reading \
             would keep its month April and day 3; clear them in the same edit (--month \"\" --day \"\" --season \"\")"
        ),
        "{e}"
    );
    // "1998 Dec-2000 Jan" is no range of months across one year end: not
    // offered for years that are not consecutive (tester r87 F12).
    assert!(!e.contains("across the year end"), "{e}");
    let said = w.ok_stderr(&["reading", "edit", &id, "--year", "1998-2000", "--month", "", "--day", "", "--by", "t"]);
    assert!(!said.contains("warning"), "{said}");
    assert!(said.contains("year: 2001 → 1998; year_end: (empty) → 2000"), "{said}");
    let r = reading(&w.reading_list(), "Typed 3").clone();
    assert_eq!(
        (r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64(), r["year_end"].as_i64()),
        (Some(1998), None, None, Some(2000))
    );
    // Nor is a month given beside a typed range of years stored (or the end dropped).
    let e = w.fails(&["reading", "add", "--title", "Refused", "--year", "1998-2000", "--month", "5", "--by", "t"]);
    assert!(
        e.contains(
            "the year is a range of whole years, 1998 to 2000, which has no month, day or season; give --month, --day \
             or --season with one year, or a range of months across the year end as --year 1998 --month 12 \
             --month-end 1 --year-end 2000"
        ),
        "{e}"
    );
    // Still refused, with what was expected.
    for bad in ["soon", "79", "3000"] {
        let e = w.fails(&["reading", "add", "--title", "Refused", "--year", bad, "--by", "t"]);
        assert!(e.contains(&format!("--year {bad:?}")), "{bad}: {e}");
    }
}

/// Zotero's "Journal Abbreviation" is the container's abbreviation and its
/// "Series Number" the number in the series; beside an issue it is kept apart (12e).
#[test]
fn zotero_journal_abbreviation_and_series_number_are_read() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let said = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Publication Title,Journal Abbreviation,Series,Series Number,Issue\n\
         K1,journalArticle,2019,\"Mensah, Kofi\",Abbreviated,Journal of Medical Ethics,J Med Ethics,,,\n\
         K2,book,2019,\"Mensah, Kofi\",Numbered,,,Methods in Medicine,12,\n\
         K3,journalArticle,2019,\"Mensah, Kofi\",Both numbers,Lancet,,Lancet Series,7,4\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Abbreviated")["container_short"].as_str(), Some("J Med Ethics"));
    let n = reading(&list, "Numbered");
    assert_eq!((n["series"].as_str(), n["issue"].as_str()), (Some("Methods in Medicine"), Some("12")), "{n}");
    assert_eq!(reading(&list, "Both numbers")["issue"].as_str(), Some("4"));
    // Branch 12e (schema 0024): beside an issue, with its series, the number in the series is
    // kept apart (it was named as not stored).
    assert_eq!(reading(&list, "Both numbers")["series_number"].as_str(), Some("7"));
    assert!(!said.contains("Series Number \"7\" not stored"), "{said}");
    assert!(
        !said.contains("\"Journal Abbreviation\" is not read") && !said.contains("\"Series Number\" is not read"),
        "{said}"
    );
}

/// CSL-JSON: a `dropping-particle` goes with the given name (CSL 1.0.2,
/// name particles), a `non-dropping-particle` with the family name; a
/// `collection-number` beside an `issue` is kept, never dropped silently.
#[test]
fn csl_particles_and_collection_numbers() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let said = w.import_reading(
        "c.json",
        r#"[{"id":"a","type":"book","title":"Dropping","author":[{"family":"Beethoven","given":"Ludwig","dropping-particle":"van"}],"issued":{"date-parts":[[1998]]}},
 {"id":"b","type":"book","title":"Non-dropping","author":[{"family":"Berg","given":"Pieter","non-dropping-particle":"van der"}],"issued":{"date-parts":[[1998]]}},
 {"id":"c","type":"article-journal","title":"Numbered","author":[{"family":"Galen","given":"C"}],"issued":{"date-parts":[[1998]]},
  "collection-title":"Lancet Series","collection-number":"7","issue":"4"}]"#,
    );
    let list = w.reading_list();
    // One structure with BibTeX's "Ludwig van Beethoven" (12x): the particle field.
    assert_eq!(authors(&list, "Dropping"), vec![person("Beethoven", Some("Ludwig"), Some("van"), None)]);
    assert_eq!(reading(&list, "Dropping")["authors"][0].as_str(), Some("Ludwig van Beethoven"));
    assert_eq!(authors(&list, "Non-dropping"), vec![person("Berg", Some("Pieter"), Some("van der"), None)]);
    assert_eq!(reading(&list, "Numbered")["issue"].as_str(), Some("4"));
    // r86 F3: an article's collection-number beside its issue is its number
    // in the series, stored apart (as Zotero CSV's Series Number above), no
    // longer named as not stored.
    assert_eq!(reading(&list, "Numbered")["series_number"].as_str(), Some("7"));
    assert!(!said.contains("collection-number"), "{said}");
    let apa = w.references("apa");
    // (12x: printed as BibTeX's "Ludwig van Beethoven" is, the particle before
    // the family name; canon keeps no flag for a particle that drops.)
    assert!(common::reference(&apa, "Dropping").starts_with("van Beethoven, L."), "{apa:?}");
}

/// A MEDLINE publication type that says what the piece is (Letter,
/// Editorial, Comment, Review, Published Erratum) is kept as the reading's
/// genre (CSL `genre`), shown, exported and read back, and printed where the
/// style prints a genre; other types are named as not stored.
#[test]
fn medline_publication_types_are_kept_as_the_genre() {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let rec = |pmid: u32, title: &str, types: &[&str]| {
        let pt: String = types.iter().map(|t| format!("PT  - {t}\n")).collect();
        format!(
            "PMID- {pmid}\nTI  - {title}.\nAU  - Mensah KA\nDP  - 2019\n{pt}JT  - Lancet\nTA  - Lancet\nVI  - 3\n\n"
        )
    };
    let text = [
        rec(1, "Pt letter", &["Letter", "Research Support, Non-U.S. Gov't"]),
        rec(2, "Pt editorial", &["Editorial", "Comment"]),
        rec(3, "Pt review", &["Journal Article", "Review"]),
        rec(4, "Pt erratum", &["Published Erratum"]),
        rec(5, "Pt plain", &["Journal Article"]),
    ]
    .concat();
    let said = w.import_reading("p.nbib", &text);
    assert!(said.contains("MEDLINE PT \"Research Support, Non-U.S. Gov't\""), "{said}");
    let list = w.reading_list();
    for (title, genre) in [
        ("Pt letter", Some("Letter")),
        ("Pt editorial", Some("Editorial; Comment")),
        ("Pt review", Some("Review")),
        ("Pt erratum", Some("Published Erratum")),
        ("Pt plain", None),
    ] {
        let r = reading(&list, title);
        assert_eq!((r["genre"].as_str(), r["type"].as_str()), (genre, Some("article")), "{title}: {r}");
    }
    let id = reading(&list, "Pt letter")["id"].as_i64().unwrap().to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.contains("genre") && shown.contains("Letter"), "{shown}");
    let v = w.references("vancouver");
    assert!(common::reference(&v, "Pt letter").contains("Pt letter [letter]."), "{v:?}"); // Citing Medicine's case (12c)
    assert!(!common::reference(&v, "Pt plain").contains('['), "{v:?}");
    // Exported and read back into another list: the genre goes with it.
    let out = w.path("all.csv");
    w.ok(&["export", "reading", "--format", "csv", "--output", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    // (Branch 12d appended day_end and season_end after genre; 12e page_count, credit,
    // licence, series_number, year_note and report_number after them; schema 0026 accessed,
    // 0028 original_year, 0029 translators, 0030 original_title, 0032 volume_title, 0033 number_of_volumes.)
    assert!(
        csv.lines().next().unwrap().ends_with(
            ",genre,day_end,season_end,page_count,credit,licence,series_number,year_note,report_number,accessed,\
             original_year,translators,original_title,volume_title,number_of_volumes,type_inferred,year_end,other_isbns,archive,archive_location,event,event_place,event_date,pmcid,eprint"
        ),
        "{csv}"
    );
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    other.ok(&["import", "reading", out.to_str().unwrap(), "-q"]);
    assert_eq!(reading(&other.reading_list(), "Pt editorial")["genre"].as_str(), Some("Editorial; Comment"));
}

/// The web forms read a typed year as `reading add/edit --year` does (one
/// function): "in press" is taken and kept as the note, a range of years
/// is stored whole (dates r83: year_end) and not said.
#[test]
fn the_web_forms_take_a_typed_year_as_a_file_does() {
    use common::web::{Server, flash};
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let r =
        c.submit("/readings/new", "/readings", &[("title", "Web in press"), ("year", "in press"), ("type", "article")]);
    assert_eq!(r.status, 303, "{}", r.text());
    let r = c.submit("/readings/new", "/readings", &[("title", "Web range"), ("year", "1998-2000"), ("type", "book")]);
    assert_eq!(r.status, 303, "{}", r.text());
    let page = c.follow(&r);
    assert_eq!(
        flash(&page).as_deref(),
        Some("Added; it waits in the review queue for another member to approve it."),
        "{page}"
    );
    let list = w.reading_list();
    let p = reading(&list, "Web in press");
    assert_eq!((p["year"].as_i64(), p["year_note"].as_str()), (None, Some("in press")), "{p}");
    assert_eq!(reading(&list, "Web range")["year"].as_i64(), Some(1998));
    assert_eq!(reading(&list, "Web range")["year_end"].as_i64(), Some(2000));
}
