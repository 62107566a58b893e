//! Issue 12 (12z), through the binary: a reading entered or corrected by
//! hand can be cited as published. `reading add` and `reading edit` set every
//! stored field of the reference (volume, issue or number, pages, publisher,
//! place, edition, editors, series, genre, journal abbreviation, month, day,
//! last month, season; `add` the PMID), read by the importers' rules, each
//! edit in the history and undone by `canon undo`; `reading show` shows them;
//! the web forms take the same fields with the same messages. The report's
//! readings table (CSV folder, workbook, JSON) writes the year as `export
//! reading` does ("ca. 1850"; since 12y "c1850" is a copyright year) and has a column for every stored field.

mod common;

use common::web::{Server, csrf, flash};
use common::{Workdir, reading, workdir};
use serde_json::Value;

/// The one reading of `reading show ID --format json`.
fn shown(w: &Workdir, id: &str) -> Value {
    w.json(&["reading", "show", id, "--format", "json"])
}

/// Adds a reading and returns its ID (printed on stdout).
fn add(w: &Workdir, args: &[&str]) -> String {
    let base = ["reading", "add", "--by", "amina"];
    w.ok(&[&base[..], args].concat()).trim().to_string()
}

/// Edits reading `id` and returns the change's number (printed on stdout).
fn edit(w: &Workdir, id: &str, args: &[&str]) -> String {
    let base = ["reading", "edit", id, "--by", "amina"];
    w.ok(&[&base[..], args].concat()).trim().to_string()
}

fn names(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key}: {v:#}"))
        .iter()
        .map(|n| {
            let s = |k: &str| n[k].as_str().unwrap_or_default().to_string();
            (s("family"), s("given"))
        })
        .collect()
}

/// Every field of the reference from `reading add`: stored as an import
/// stores it (pages with an en dash, spaces collapsed, editors in parts),
/// shown by `reading show`, written by `export reading`, cited.
#[test]
fn add_sets_every_field_of_the_reference() {
    let w = workdir();
    let id = add(
        &w,
        &[
            "--title",
            "Decolonising Global Health",
            "--type",
            "book",
            "--author",
            "Mensah, Kofi",
            "--year",
            "2019",
            "--editor",
            "Osei, Ama",
            "--editor",
            "Jane   Doe",
            "--volume",
            "3",
            "--series-number",
            "12",
            "--pages",
            "123--9",
            "--publisher",
            "Heinemann   Educational",
            "--place",
            "Nairobi",
            "--edition",
            "2nd",
            "--series",
            "African Writers Series",
            "--genre",
            "Monograph",
            "--journal-abbreviation",
            "Afr Writ Ser",
            "--month",
            "Apr",
            "--day",
            "2",
            "--pmid",
            "PMID: 31234567",
        ],
    );
    let v = shown(&w, &id);
    assert_eq!(v["volume"], "3");
    assert_eq!(v["issue"], "12");
    assert_eq!(v["pages"], "123-9");
    assert_eq!(v["publisher"], "Heinemann Educational");
    assert_eq!(v["place"], "Nairobi");
    assert_eq!(v["edition"], "2nd");
    assert_eq!(v["series"], "African Writers Series");
    assert_eq!(v["genre"], "Monograph");
    assert_eq!(v["container_short"], "Afr Writ Ser");
    assert_eq!((v["year"].as_i64(), v["month"].as_i64(), v["day"].as_i64()), (Some(2019), Some(4), Some(2)));
    assert_eq!(v["pmid"], "31234567");
    // In parts when written "Family, Given"; "Given Family" read as a file's
    // one-name field reads it, a person with the family name last (tester
    // r101 F8: it was kept whole as an institution's), as `--author` reads it.
    assert_eq!(names(&v, "editor_names")[0], ("Osei".to_string(), "Ama".to_string()));
    assert_eq!(names(&v, "editor_names")[1], ("Doe".to_string(), "Jane".to_string()));
    // `reading show` shows each, a book's number in its series named so.
    let card = w.ok(&["reading", "show", &id]);
    // Every value in one column, after the longest label ("journal
    // abbreviation"): tester r87 F12 ("number in series" and "report
    // number" were a column or more later than the others).
    for (label, value) in [
        ("volume", "3"),
        ("number in series", "12"),
        ("pages", "123-9"),
        ("publisher", "Heinemann Educational"),
        ("place", "Nairobi"),
        ("edition", "2nd"),
        ("series", "African Writers Series"),
        ("genre", "Monograph"),
        ("month", "4"),
        ("day", "2"),
        ("pmid", "31234567"),
        ("editors", "Osei, Ama; Jane Doe"),
        ("editor 1", "family Osei · given Ama"),
        ("journal abbreviation", "Afr Writ Ser"),
    ] {
        let line = format!("{label:<20} {value}");
        assert!(card.lines().any(|l| l.trim_end() == line), "no line {line:?} in\n{card}");
    }
    // Cited as published: the reference names the editors, the place and publisher, the series.
    let refs = w.references("apa");
    let r = common::reference(&refs, "Decolonising Global Health");
    for part in ["Osei", "Heinemann Educational", "2nd ed.", "Vol. 3", "123–129", "[Monograph]"] {
        assert!(r.contains(part), "{part:?} not in {r}");
    }
    // The export writes them, and they read back into a new database.
    let text = w.ok(&["export", "reading", "--format", "csv"]);
    let file = w.write("x.csv", &text);
    let other = Workdir::new();
    other.ok(&["import", "reading", file.to_str().unwrap()]);
    let back = &other.reading_list()[0];
    for k in ["volume", "issue", "pages", "publisher", "place", "edition", "series", "genre", "container_short", "pmid"]
    {
        assert_eq!(back[k], v[k], "{k} did not survive export and import");
    }
    assert_eq!((back["month"].as_i64(), back["day"].as_i64()), (Some(4), Some(2)));
}

/// The other kinds of date part and number: a report's number, a range of
/// months, a season, a month by its number.
#[test]
fn add_takes_a_report_number_a_range_of_months_and_a_season() {
    let w = workdir();
    let report = add(
        &w,
        &[
            "--title",
            "Health Workforce Report",
            "--type",
            "report",
            "--year",
            "2021",
            "--report-number",
            "WHO/HWF/2021.1",
            "--publisher",
            "World Health Organization",
            "--place",
            "Geneva",
            "--month",
            "4",
            "--month-end",
            "May",
        ],
    );
    let v = shown(&w, &report);
    assert_eq!(v["issue"], "WHO/HWF/2021.1");
    assert_eq!((v["month"].as_i64(), v["month_end"].as_i64(), v["day"].as_i64()), (Some(4), Some(5), None));
    let card = w.ok(&["reading", "show", &report]);
    assert!(card.lines().any(|l| l.trim_end() == "report number WHO/HWF/2021.1"), "{card}");
    let season = add(&w, &["--title", "Winter Notes", "--year", "2018", "--season", "Fall", "--issue", "4"]);
    let v = shown(&w, &season);
    assert_eq!(v["season"], "autumn");
    assert_eq!(v["issue"], "4");
    assert!(w.ok(&["reading", "show", &season]).lines().any(|l| l.trim_end() == "issue        4"));
    // "et al." typed as the last author cuts the list short, as an import reads it; it is no person.
    let cut = add(&w, &["--title", "Cut Short", "--author", "Mensah, Kofi", "--author", "et al."]);
    let v = shown(&w, &cut);
    assert_eq!((v["authors"].as_array().map(Vec::len), v["authors_truncated"].as_bool()), (Some(1), Some(true)));
    edit(&w, &cut, &["--author", "Mensah, Kofi", "--author", "Osei, Ama"]);
    let v = shown(&w, &cut);
    assert_eq!((v["authors"].as_array().map(Vec::len), v["authors_truncated"].as_bool()), (Some(2), Some(false)));
    edit(&w, &cut, &["--author", "Osei, Ama", "--author", "others"]);
    let v = shown(&w, &cut);
    assert_eq!((v["authors"].as_array().map(Vec::len), v["authors_truncated"].as_bool()), (Some(1), Some(true)));
    // A month typed as a number or as its name is the same month.
    let named = add(&w, &["--title", "Named Month", "--year", "2020", "--month", "September"]);
    assert_eq!(shown(&w, &named)["month"], 9);
}

/// Bad values are refused with what was expected, and nothing is written.
#[test]
fn add_refuses_what_an_import_refuses() {
    let w = workdir();
    let cases: &[(&[&str], &str)] = &[
        (&["--year", "2019", "--month", "13"], "month \"13\" is not a month; expected 1 to 12"),
        (&["--year", "2019", "--month", "Smarch"], "month \"Smarch\" is not a month"),
        (&["--year", "2019", "--month", "4", "--day", "32"], "day \"32\" is not a day; expected 1 to 31"),
        (&["--year", "2019", "--month", "4", "--day", "31"], "day 31 is not a day of month 4; expected 1 to 30"),
        (&["--year", "2019", "--day", "3"], "day 3 has no month"),
        (&["--month", "4"], "month 4 has no year"),
        (&["--year", "in press", "--month", "4"], "month 4 has no year"),
        (&["--year", "2019", "--month", "5", "--month-end", "4"], "does not end a range after the month (5)"),
        (&["--year", "2019", "--month-end", "4"], "month_end 4 has no month"),
        (&["--year", "2019", "--month", "4", "--month-end", "6", "--day", "2"], "a day belongs to one month"),
        (&["--year", "2019", "--season", "monsoon"], "season \"monsoon\" is not a season"),
        (&["--year", "2019 Apr", "--month", "5"], "give the date in one place"),
        (&["--year", "Spring 2019", "--season", "winter"], "give the date in one place"),
        (&["--pmid", "abc"], "--pmid \"abc\" is not a PubMed ID"),
    ];
    for (args, expected) in cases {
        let err = w.fails(&[&["reading", "add", "--title", "Refused", "--by", "amina"][..], args].concat());
        assert!(err.contains(expected), "{args:?}: expected {expected:?} in\n{err}");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
    // An editor who may be an institution is named in a warning, as an import names one.
    let err = w.ok_stderr(&["reading", "add", "--title", "Edited", "--editor", "Council, Ama", "--by", "amina"]);
    assert!(err.contains("warning: editor \"Council, Ama\" was read as a person"), "{err}");
}

/// `reading edit` sets, corrects and clears each kind of field (a name
/// list, a date part, a number, a text), each edit one change in the
/// history that `canon undo` reverts.
#[test]
fn edit_sets_clears_and_undoes_every_kind_of_field() {
    let w = workdir();
    let id = add(&w, &["--title", "The Wretched of the Earth", "--type", "book", "--year", "1961"]);
    // A number and texts.
    let c1 = edit(&w, &id, &["--volume", "2", "--pages", "1--20", "--publisher", "Présence  Africaine"]);
    let v = shown(&w, &id);
    assert_eq!((v["volume"].as_str(), v["pages"].as_str()), (Some("2"), Some("1-20")));
    assert_eq!(v["publisher"], "Présence Africaine");
    // A name list.
    let out = w.cmd(&["reading", "edit", &id, "--editor", "Sartre, Jean-Paul", "--by", "amina"]).output().unwrap();
    let (c2, err) = (String::from_utf8_lossy(&out.stdout).trim().to_string(), String::from_utf8_lossy(&out.stderr));
    assert!(err.contains("editor_names: +\"Sartre, Jean-Paul\""), "the change names the editor as written: {err}");
    let v = shown(&w, &id);
    assert_eq!(names(&v, "editor_names"), vec![("Sartre".to_string(), "Jean-Paul".to_string())]);
    // Date parts: a month and day, then the month cleared takes its day with it.
    // (A season beside the month is refused since r11: a date names one or the other.)
    let c3 = edit(&w, &id, &["--month", "Dec", "--day", "1"]);
    let v = shown(&w, &id);
    assert_eq!((v["month"].as_i64(), v["day"].as_i64(), v["season"].as_str()), (Some(12), Some(1), None));
    let c4 = edit(&w, &id, &["--month", ""]);
    let v = shown(&w, &id);
    assert_eq!((v["month"].as_i64(), v["day"].as_i64()), (None, None));
    // Texts cleared with "".
    let c5 = edit(&w, &id, &["--pages", "", "--editor", ""]);
    let v = shown(&w, &id);
    assert!(v["pages"].is_null(), "{v:#}");
    assert!(names(&v, "editor_names").is_empty());
    // Each change is in the history of `reading show`.
    let card = w.ok(&["reading", "show", &id]);
    assert_eq!(card.lines().filter(|l| l.starts_with("history") && l.contains("update")).count(), 5, "{card}");
    // Undo brings the values back, change by change.
    w.ok(&["undo", &c5, "--by", "amina"]);
    let v = shown(&w, &id);
    assert_eq!(v["pages"], "1-20");
    assert_eq!(names(&v, "editor_names"), vec![("Sartre".to_string(), "Jean-Paul".to_string())]);
    w.ok(&["undo", &c4, "--by", "amina"]);
    assert_eq!((shown(&w, &id)["month"].as_i64(), shown(&w, &id)["day"].as_i64()), (Some(12), Some(1)));
    w.ok(&["undo", &c3, "--by", "amina"]);
    let v = shown(&w, &id);
    assert_eq!((v["month"].as_i64(), v["day"].as_i64(), v["season"].as_str()), (None, None, None));
    w.ok(&["undo", &c2, "--by", "amina"]);
    assert!(names(&shown(&w, &id), "editor_names").is_empty());
    w.ok(&["undo", &c1, "--by", "amina"]);
    let v = shown(&w, &id);
    assert!(v["volume"].is_null() && v["pages"].is_null() && v["publisher"].is_null(), "{v:#}");
    assert_eq!(v["title"], "The Wretched of the Earth");
}

/// An edit is checked against what is stored: a month needs the stored
/// year, a day a month; the year cleared takes its month; bad values name
/// the field; nothing is written when refused.
#[test]
fn edit_checks_the_date_against_the_stored_one() {
    let w = workdir();
    let undated = add(&w, &["--title", "Undated", "--year", "n.d."]);
    let err = w.fails(&["reading", "edit", &undated, "--month", "4", "--by", "amina"]);
    assert!(err.contains("month 4 has no year"), "{err}");
    // With the year in the same edit, it is taken.
    edit(&w, &undated, &["--year", "2019", "--month", "4"]);
    assert_eq!(shown(&w, &undated)["month"], 4);
    let err = w.fails(&["reading", "edit", &undated, "--day", "31", "--by", "amina"]);
    assert!(err.contains("day 31 is not a day of month 4"), "{err}");
    let err = w.fails(&["reading", "edit", &undated, "--month-end", "3", "--by", "amina"]);
    assert!(err.contains("month_end 3 does not end a range after the month (4)"), "{err}");
    let err = w.fails(&["reading", "edit", &undated, "--year", "2019 May", "--day", "3", "--by", "amina"]);
    assert!(err.contains("give the date in one place"), "{err}");
    let err = w.fails(&["reading", "edit", &undated, "--season", "rainy", "--by", "amina"]);
    assert!(err.contains("season \"rainy\" is not a season"), "{err}");
    // The year cleared: the month goes with it (said among the changes).
    let err = w.ok_stderr(&["reading", "edit", &undated, "--year", "", "--by", "amina"]);
    assert!(err.contains("month: 4 → (empty)"), "{err}");
    // A field typed with only spaces clears, as the other fields do.
    edit(&w, &undated, &["--volume", "7"]);
    edit(&w, &undated, &["--volume", "  "]);
    assert!(shown(&w, &undated)["volume"].is_null());
    // Nothing given: said, with the new fields among the examples.
    let err = w.fails(&["reading", "edit", &undated, "--by", "amina"]);
    assert!(err.contains("--volume"), "{err}");
}

/// `--help` names every new option with what it takes.
#[test]
fn help_names_every_field() {
    let w = workdir();
    for verb in ["add", "edit"] {
        let help = w.ok(&["reading", verb, "--help"]);
        for flag in [
            "--editor <NAME>",
            "--translator <NAME>",
            "--volume",
            "--issue",
            "report-number",
            "series-number",
            "--pages",
            "--publisher",
            "--place",
            "--edition",
            "--series",
            "--genre",
            "--journal-abbreviation",
            "--month ",
            "--day",
            "--month-end",
            "--season",
            "--pmid",
        ] {
            assert!(help.contains(flag), "reading {verb} --help lacks {flag}:\n{help}");
        }
    }
}

/// The fields of a reading (as the JSON report writes each) that the
/// readings table writes in a column of another name, or in another
/// column's cell.
fn column_of(field: &str) -> &str {
    match field {
        // Names in parts: the cell of names as written reads back with its parts.
        "author_names" | "authors_truncated" => "authors",
        "editor_names" => "editors",
        "translator_names" => "translators",
        // "ca. 1850" (approximate), "c1998" (copyright, 12y): the year's cell says which.
        "date_approximate" | "date_copyright" => "year",
        other => other,
    }
}

/// A reading with every stored field set, circa year.
fn full_reading(w: &Workdir) -> String {
    let id = add(
        w,
        &[
            "--title",
            "Every Field",
            "--type",
            "book",
            "--author",
            "Mensah, Kofi",
            "--year",
            "c. 1850",
            "--editor",
            "Osei, Ama",
            // Schema 0029: a translator.
            "--translator",
            "Philcox, Richard",
            // Schema 0039: the archive holding it and its reference there.
            "--archive",
            "The National Archives",
            "--archive-location",
            "CO 98/45",
            // Schema 0040: the conference it was given at, where and when.
            "--event",
            "Pan-African Congress",
            "--event-place",
            "Accra",
            "--event-date",
            "1958-12-05",
            // Schema 0041: its PubMed Central ID and arXiv ID.
            "--pmcid",
            "PMC1234567",
            "--eprint",
            "2101.01234",
            "--container",
            "Collected Works",
            "--volume",
            "3",
            "--series-number",
            "12",
            // Branch 12e (schema 0024): a whole work's number of pages.
            "--page-count",
            "240",
            // Schema 0026: the date it was consulted.
            "--accessed",
            "2024-03-05",
            // Schema 0028: the year a reprint first appeared.
            "--original-year",
            "1961",
            // Schema 0030: the title in its own language.
            "--original-title",
            "Kila Kitu",
            // Schema 0032: a volume's own title.
            "--volume-title",
            "The Early Essays",
            "--pages",
            "1-9",
            "--publisher",
            "Heinemann",
            "--place",
            "Nairobi",
            "--edition",
            "2nd",
            "--series",
            "African Writers Series",
            "--genre",
            "Monograph",
            "--journal-abbreviation",
            "Coll Works",
            "--month",
            "4",
            "--month-end",
            "6",
            "--doi",
            "10.1234/every",
            "--pmid",
            "31234567",
            "--isbn",
            "978-0-435-90581-1",
            "--url",
            "https://example.org/every",
            "--note",
            "Read the preface.",
            "--source-kind",
            "book",
            "--language",
            "fr",
            "--original-language",
            "sw",
            "--global-south",
            "yes",
            "--open-access",
            "no",
            "--perspective",
            "Told by those who lived it",
            "--theme",
            "historical-awareness",
            "--status",
            "approved",
        ],
    );
    edit(
        w,
        &id,
        &["--credit", "Kofi Mensah", "--licence", "CC BY 4.0", "--author", "Mensah, Kofi", "--author", "et al."],
    );
    id
}

/// The readings table of the report, in each output, has a column for every
/// field the JSON report's reading carries (walked, so that a field added to
/// the reading cannot be forgotten), holding its value; the year is written
/// as `export reading` writes it.
#[test]
fn the_report_readings_table_has_every_field_in_every_output() {
    let w = workdir();
    let id = full_reading(&w);
    add(&w, &["--title", "Circa Only", "--year", "circa 1850", "--status", "approved"]);
    // A day belongs to one month, not to a range: a second reading has one.
    add(&w, &["--title", "Every Day", "--year", "2019", "--month", "4", "--day", "2", "--status", "approved"]);
    // A year's note goes with no year: a third.
    add(&w, &["--title", "In Press", "--year", "in press", "--status", "approved"]);
    // A season goes with no month (since r11): a fourth.
    // (And a number of volumes, schema 0033: "Every Field" is one volume of its set.)
    add(
        &w,
        &["--title", "Every Season", "--year", "2019", "--season", "spring", "--volumes", "3", "--status", "approved"],
    );
    // Ranges of days and of seasons (branch 12d, schema 0022): a fifth and a sixth.
    w.import_reading(
        "ranges.nbib",
        "PMID- 30000101\nTI  - Every Range.\nDP  - 1998 May 3-5\nJT  - J\n\n\
         PMID- 30000102\nTI  - Every Season Range.\nDP  - 1998 Summer-Fall\nJT  - J\n\n\
         PMID- 30000103\nTI  - Every Year End.\nDP  - 2021 Dec-2022 Jan\nJT  - J\n\n",
    );
    // A book's other ISBNs beside its ISBN (schema 0037): an eighth.
    w.import_reading(
        "other-isbns.csv",
        "title,authors,year,type,isbn,status\n\
         Every Other ISBN,\"Roe, Ann\",2002,book,9780802142009; 9780802142016,approved\n",
    );
    // A report's number in its series beside its own number (branch 12e, schema 0024): a seventh.
    add(
        &w,
        &[
            "--title",
            "Every Series Number",
            "--type",
            "report",
            "--year",
            "2019",
            "--series",
            "WHO Technical Report Series",
            "--report-number",
            "WHO/HIS/2019.1",
            "--series-number",
            "1019",
            "--status",
            "approved",
        ],
    );
    // JSON: the fields, walked.
    let json = w.path("r.json");
    w.ok(&["report", json.to_str().unwrap(), "-q"]);
    let doc: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let full = reading(&doc["readings"], "Every Field").clone();
    let fields: Vec<String> = full.as_object().unwrap().keys().cloned().collect();
    let empty = |v: &Value| v.is_null() || v.as_str() == Some("") || v.as_array().is_some_and(Vec::is_empty);
    // Every field is set on one of the three (so that each column is checked with a value).
    let holder = |f: &str| -> (&str, Value) {
        [
            "Every Field",
            "Every Day",
            "In Press",
            "Every Season",
            "Every Range",
            "Every Season Range",
            "Every Series Number",
            // A range of months across a year end (schema 0036): its year_end.
            "Every Year End",
            // A book's other ISBNs (schema 0037).
            "Every Other ISBN",
        ]
        .into_iter()
        .map(|t| (t, reading(&doc["readings"], t)[f].clone()))
        .find(|(_, v)| !empty(v))
        .unwrap_or_else(|| {
            panic!("the test readings have no {f}: set it in full_reading, and give it a column: {full:#}")
        })
    };
    // CSV folder.
    let dir = w.path("rep");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "-q"]);
    let mut rd = csv::Reader::from_path(dir.join("readings.csv")).unwrap();
    let headers: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = rd.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let row_of = |rows: &[Vec<String>], title: &str| -> Vec<String> {
        rows.iter().find(|r| r.contains(&title.to_string())).unwrap_or_else(|| panic!("no row {title}")).clone()
    };
    let csv_row = row_of(&rows, "Every Field");
    let circa_row = row_of(&rows, "Circa Only");
    // Workbook.
    let xlsx = w.path("r.xlsx");
    w.ok(&["report", xlsx.to_str().unwrap(), "-q"]);
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("readings").unwrap();
    let cells: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(cells[0], headers, "the workbook's readings sheet has the CSV's columns");
    let xlsx_row = row_of(&cells, "Every Field");
    for f in &fields {
        let col = column_of(f);
        let i = headers.iter().position(|h| h == col).unwrap_or_else(|| {
            panic!("the readings table has no column for the reading's field {f} (expected {col:?}): {headers:?}")
        });
        let (title, value) = holder(f);
        assert!(!row_of(&rows, title)[i].is_empty(), "readings.csv: {col} is empty for {f} = {value}");
        assert!(!row_of(&cells, title)[i].is_empty(), "workbook: {col} is empty for {f} = {value}");
    }
    assert_eq!(row_of(&rows, "Every Day")[headers.iter().position(|h| h == "day").unwrap()], "2");
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    // The values, as `export reading` writes them.
    let expect = [
        ("year", "ca. 1850"),
        ("authors", "Mensah, Kofi; et al."),
        ("editors", "Osei, Ama"),
        ("translators", "Philcox, Richard"),
        ("month", "4"),
        ("month_end", "6"),
        ("series", "African Writers Series"),
        ("series_number", "12"),
        ("report_number", ""),
        ("genre", "Monograph"),
        ("original_language", "sw"),
        ("translated", "yes"),
        ("global_south", "yes"),
        ("open_access", "no"),
        ("credit", "Kofi Mensah"),
        ("licence", "CC BY 4.0"),
        ("pmid", "31234567"),
        ("archive", "The National Archives"),
        ("archive_location", "CO 98/45"),
        ("event", "Pan-African Congress"),
        ("event_place", "Accra"),
        ("event_date", "1958-12-05"),
        ("pmcid", "PMC1234567"),
        ("eprint", "2101.01234"),
    ];
    for (col, value) in expect {
        assert_eq!(csv_row[at(col)], value, "readings.csv {col}");
        assert_eq!(xlsx_row[at(col)], value, "workbook {col}");
    }
    assert_eq!(row_of(&rows, "Every Season")[at("season")], "spring", "readings.csv season");
    assert_eq!(row_of(&rows, "Every Range")[at("day_end")], "5", "readings.csv day_end");
    assert_eq!(row_of(&cells, "Every Season Range")[at("season_end")], "autumn", "workbook season_end");
    assert_eq!(row_of(&cells, "Every Season")[at("season")], "spring", "workbook season");
    assert_eq!(circa_row[at("year")], "ca. 1850", "a circa year as export writes it");
    let export = w.ok(&["export", "reading", "--format", "csv"]);
    assert!(export.contains(",ca. 1850,"), "{export}");
    // The year column keeps its place (columns appended after `review`).
    assert_eq!(&headers[..8], &["id", "status", "themes", "reference", "title", "authors", "year", "type"]);
    assert_eq!(headers[at("review") + 1], "month");
    // The readings-by-theme table writes the year the same way.
    let by_theme = std::fs::read_to_string(dir.join("readings_by_theme.csv")).unwrap();
    assert!(by_theme.contains(",ca. 1850,"), "{by_theme}");
    // `reading list` too (its ID written R…, as the export writes it: tester r65 F9).
    let list = w.ok(&["reading", "list", "--format", "csv"]);
    assert!(list.lines().any(|l| l.starts_with(&format!("R{id},ca. 1850,"))), "{list}");
}

/// The web forms take the same fields, with the same messages, escaped.
#[test]
fn the_web_forms_take_every_field() {
    let w = workdir();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    // Add: every field of the form.
    let form = c.page("/readings/new");
    for name in [
        "editors",
        "translators",
        "volume",
        "issue",
        "pages",
        "publisher",
        "month",
        "day",
        "month_end",
        "season",
        "pmid",
    ] {
        assert!(form.contains(&format!("name=\"{name}\"")), "the add form has no {name}");
    }
    let r = c.submit(
        "/readings/new",
        "/readings",
        &[
            ("title", "Web Book"),
            ("type", "book"),
            ("year", "2019"),
            ("editors", "Osei, Ama\n<b>Doe</b>, Jane"),
            ("translators", "Philcox, <i>Richard</i>"),
            ("volume", "4"),
            ("pages", "10--12"),
            ("publisher", "<script>alert(1)</script>"),
            ("month", "Apr"),
            ("pmid", "31234567"),
        ],
    );
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.starts_with("Added")), "{page}");
    let id = w.count("SELECT id FROM reading WHERE title = 'Web Book'").to_string();
    let v = shown(&w, &id);
    assert_eq!((v["volume"].as_str(), v["pages"].as_str(), v["month"].as_i64()), (Some("4"), Some("10-12"), Some(4)));
    assert_eq!(v["pmid"], "31234567");
    assert_eq!(names(&v, "editor_names").len(), 2);
    assert_eq!(names(&v, "translator_names"), vec![("Philcox".to_string(), "<i>Richard</i>".to_string())]);
    // Shown escaped, every field named.
    let show = c.page(&format!("/readings/{id}"));
    assert!(!show.contains("<script>alert(1)</script>") && show.contains("&lt;script&gt;"), "{show}");
    for (k, v) in [
        ("Editors", "Osei, Ama; &lt;b&gt;Doe&lt;/b&gt;, Jane"),
        ("Translators", "Philcox, &lt;i&gt;Richard&lt;/i&gt;"),
        ("Month", "4"),
        ("Volume", "4"),
        ("PMID", "31234567"),
    ] {
        assert!(show.contains(&format!("<dt>{k}</dt><dd>{v}</dd>")), "no {k} {v} in {show}");
    }
    // A report's number is named so; a circa year as the export writes it.
    let r = c.submit(
        "/readings/new",
        "/readings",
        &[("title", "Web Report"), ("type", "report"), ("year", "c. 1850"), ("issue", "WHO/1"), ("season", "winter")],
    );
    c.follow(&r);
    let report = w.count("SELECT id FROM reading WHERE title = 'Web Report'");
    let show = c.page(&format!("/readings/{report}"));
    for want in ["<dt>Report number</dt><dd>WHO/1</dd>", "<dt>Season</dt><dd>winter</dd>", "ca. 1850"] {
        assert!(show.contains(want), "no {want} in {show}");
    }
    // A bad month: the CLI's message, nothing written.
    let r = c.submit("/readings/new", "/readings", &[("title", "Bad Month"), ("year", "2019"), ("month", "13")]);
    let text = r.text();
    assert!(
        text.contains("month &quot;13&quot; is not a month") || text.contains("month \"13\" is not a month"),
        "{text}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Bad Month'"), 0);
    // Edit: the stored values shown (editors as written), a change saved and in the history.
    let edit_page = c.page(&format!("/readings/{id}/edit"));
    assert!(edit_page.contains("Osei, Ama\n&lt;b&gt;Doe&lt;/b&gt;, Jane"), "{edit_page}");
    let token = csrf(&edit_page);
    let r = c.post_form(
        &format!("/readings/{id}/edit"),
        &[
            ("csrf", &token),
            ("was_volume", "4"),
            ("volume", "5"),
            ("was_day", ""),
            ("day", "2"),
            ("was_editors", "Osei, Ama\n<b>Doe</b>, Jane"),
            ("editors", "Osei, Ama"),
            ("was_translators", "Philcox, <i>Richard</i>"),
            ("translators", ""),
        ],
    );
    let after = c.follow(&r);
    let f = flash(&after).unwrap_or_default();
    assert!(f.contains("volume: &quot;4&quot; → &quot;5&quot;") || f.contains("volume: \"4\" → \"5\""), "{after}");
    let v = shown(&w, &id);
    assert_eq!((v["volume"].as_str(), v["day"].as_i64()), (Some("5"), Some(2)));
    assert_eq!(names(&v, "editor_names"), vec![("Osei".to_string(), "Ama".to_string())]);
    assert!(names(&v, "translator_names").is_empty());
    // A bad day: the same message as `reading edit --day 32`.
    let edit_page = c.page(&format!("/readings/{id}/edit"));
    let token = csrf(&edit_page);
    let r = c.post_form(&format!("/readings/{id}/edit"), &[("csrf", &token), ("was_day", "2"), ("day", "32")]);
    let after = c.follow(&r);
    let f = flash(&after).unwrap_or_default();
    let cli = w.fails(&["reading", "edit", &id, "--day", "32", "--by", "amina"]);
    assert!(cli.contains("day \"32\" is not a day; expected 1 to 31"), "{cli}");
    assert!(f.contains("is not a day; expected 1 to 31"), "{after}");
    assert_eq!(shown(&w, &id)["day"], 2);
}
