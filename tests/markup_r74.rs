//! Helper markup (r74), through the binary: a title's case protection and
//! rich-text marks are never shown as HTML (tester r73 F4, F22); a person
//! a file gives a second role is said (F2); a chapter with neither its book
//! nor a year is an invalid record in every format (tester r72 F6).

mod common;

use common::{reading, workdir};

/// Mendeley braces every title (`title = {{…}}`).
const MENDELEY: &str = "@article{Muller2024,\nauthor = {M{\\\"{u}}ller, J{\\\"{u}}rgen},\n\
    doi = {10.1136/BMJGH-2024-000001},\njournal = {BMJ Global Health},\nnumber = {2},\npages = {e000001},\n\
    title = {{Ahead of print article}},\nvolume = {9},\nyear = {2024}\n}\n";

/// The same work as RIS writes it, without braces.
const SAME_RIS: &str = "TY  - JOUR\nAU  - Müller, Jürgen\nTI  - Ahead of print article\nT2  - BMJ Global Health\n\
    PY  - 2024\nVL  - 9\nIS  - 2\nSP  - e000001\nDO  - 10.1136/BMJGH-2024-000001\nER  - \n";

const LATEX: &str = "@article{l1, author = {{\\\"O}zt{\\\"u}rk, Ay{\\c{s}}e}, \
    title = {{\\\"U}ber {LaTeX} accents in {eGFR} studies}, journal = {J}, year = {2019}}\n";

/// Zotero's CSL-JSON rich text: italics, subscript, small capitals, a span.
const RICH: &str = r#"[{"id":"a","type":"article-journal","title":"<i>Escherichia coli</i> and NO<sub>2</sub> in <span style=\"font-variant:small-caps;\">nhs</span> wards: <span class=\"nocase\">mRNA</span> {braces} and a\\b","author":[{"family":"Adu","given":"Kofi"}],"container-title":"Lancet","volume":"1","page":"1","issued":{"date-parts":[[2001]]}}]"#;

fn no_html(what: &str, text: &str) {
    for tag in ["<span", "nocase", "</", "<i>", "<sub>", "<sc>"] {
        assert!(!text.contains(tag), "{what} shows {tag}:\n{text}");
    }
}

/// F4: a title that differs from the stored one only by the protection of
/// the whole title (Mendeley's habit) is settled by one rule in either
/// order (tester r75 F3: the first file's form stayed, so the order of
/// imports decided whether a style could set the title in sentence case):
/// the unprotected form, and no message shows the markup.
#[test]
fn braces_alone_are_no_change_in_either_order() {
    for (first, second) in [("a.ris", "b.bib"), ("b.bib", "a.ris")] {
        let w = workdir();
        w.write("a.ris", SAME_RIS);
        w.write("b.bib", MENDELEY);
        w.ok_stderr(&["import", "reading", first]);
        let said = w.ok_stderr(&["import", "reading", second]);
        no_html(second, &said);
        if first == "a.ris" {
            assert!(!said.contains("title \""), "{first} then {second}: the title is no change: {said}");
            assert!(said.contains("0 changed"), "{first} then {second}: {said}");
        } else {
            assert!(
                said.contains("title \"Ahead of print article\" (was \"{Ahead of print article}\")"),
                "{first} then {second}: {said}"
            );
        }
        // One form in either order.
        assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
        let stored = w.count("SELECT count(*) FROM reading WHERE title = 'Ahead of print article'");
        assert_eq!(stored, 1, "{first} then {second}");
    }
}

/// F4, F22: CSV and JSON listings, `reading show`, the spreadsheet export
/// and the report's tables write BibTeX-style text, never HTML.
#[test]
fn listings_exports_and_report_tables_have_no_html() {
    let w = workdir();
    w.import_reading("latex.bib", LATEX);
    w.import_reading("rich.json", RICH);
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    no_html("reading list --format csv", &csv);
    assert!(csv.contains("Über LaTeX accents in {eGFR} studies"), "{csv}");
    assert!(csv.contains("\\textit{Escherichia coli} and NO\\textsubscript{2} in \\textsc{nhs} wards"), "{csv}");
    assert!(csv.contains("{mRNA} \\{braces\\} and a\\\\b"), "{csv}");
    let list = w.reading_list();
    no_html("reading list --format json", &list.to_string());
    assert_eq!(reading(&list, "Über")["title"], "Über LaTeX accents in {eGFR} studies");
    // On screen, the words alone.
    let table = w.ok(&["reading", "list"]);
    assert!(table.contains("Über LaTeX accents in eGFR studies"), "{table}");
    let id = reading(&list, "Über")["id"].to_string();
    let shown = w.ok(&["reading", "show", &id, "--format", "json"]);
    no_html("reading show --format json", &shown);
    let card = w.ok(&["reading", "show", &id]);
    assert!(card.contains("Über LaTeX accents in eGFR studies"), "{card}");
    for format in ["csv", "json"] {
        let out = w.ok(&["export", "reading", "--format", format]);
        no_html(&format!("export reading --format {format}"), &out);
        assert!(out.contains("{eGFR}"), "{out}");
    }
    let found = w.ok(&["search", "eGFR", "--format", "csv"]);
    no_html("search --format csv", &found);
    assert!(found.contains("{eGFR}"), "{found}");
    let dir = w.path("rep");
    w.ok(&["report", &format!("{}/", dir.display()), "-q"]);
    for table in ["readings.csv", "readings_by_theme.csv"] {
        let text = std::fs::read_to_string(dir.join(table)).expect(table);
        no_html(table, &text);
    }
    let readings = std::fs::read_to_string(dir.join("readings.csv")).unwrap();
    assert!(readings.contains("Über LaTeX accents in {eGFR} studies"), "{readings}");
    let json = w.path("r.json");
    w.ok(&["report", json.to_str().unwrap(), "-q"]);
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    for r in doc["readings"].as_array().unwrap() {
        no_html("the JSON report's readings", &r["title"].to_string());
    }
    // The references still print the words, case kept.
    let refs = w.references("apa");
    assert!(common::reference(&refs, "Über").contains("Über LaTeX accents in eGFR studies"), "{refs:?}");
}

/// F22: the export reads back as the same stored titles: into the same
/// database "0 changed", into a new one the same stored text.
#[test]
fn the_export_round_trip_keeps_every_mark() {
    let w = workdir();
    w.import_reading("latex.bib", LATEX);
    w.import_reading("rich.json", RICH);
    w.import_reading("b.bib", MENDELEY);
    let titles = |db: &std::path::Path| -> Vec<String> {
        w.ok_at(db, &["export", "bundle", w.path("bundle-tmp").to_str().unwrap(), "-q"]);
        let text = std::fs::read_to_string(w.path("bundle-tmp").join("reading.jsonl")).unwrap_or_default();
        let mut t: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| v["title"].as_str().unwrap_or_default().to_string())
            .collect();
        t.sort();
        t
    };
    let before = titles(&w.db());
    assert!(before.iter().any(|t| t.contains("<span class=\"nocase\">eGFR</span>")), "{before:?}");
    {
        let out = w.path("export.csv");
        w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
        let said = w.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
        assert!(said.contains("0 new, 0 changed, 3 unchanged"), "{said}");
        no_html("the re-import", &said);
        // Into a new database: the same stored titles.
        let fresh = w.path("fresh.db");
        w.ok_at(&fresh, &["init", "-q"]);
        w.ok_at(&fresh, &["import", "reading", out.to_str().unwrap(), "-q"]);
        // The same marks; small capitals in the tag BibTeX's `\textsc` gives.
        let same: Vec<String> = before
            .iter()
            .map(|t| t.replace("<span style=\"font-variant:small-caps;\">nhs</span>", "<sc>nhs</sc>"))
            .collect();
        assert_eq!(titles(&fresh), same);
    }
    // The report's readings table reads back too.
    let dir = w.path("rep");
    w.ok(&["report", &format!("{}/", dir.display()), "-q"]);
    let said = w.ok_stderr(&["import", "reading", dir.join("readings.csv").to_str().unwrap()]);
    assert!(said.contains("0 changed"), "{said}");
    assert_eq!(titles(&w.db()), before);
}

/// Import notes quote a title in its sheet text: a fuller title that
/// replaces the stored one, a duplicate warning.
#[test]
fn import_notes_quote_titles_without_html() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Osei, Ama\nTI  - Race correction in eGFR\nT2  - Kidney Int\nPY  - 2020\n\
         DO  - 10.1/abc\nER  - \n",
    );
    let said = w.import_reading(
        "b.bib",
        "@article{x, author = {Osei, Ama}, title = {Race correction in {eGFR}: a cohort of \\emph{many}}, \
         journal = {Kidney Int}, year = 2020, doi = {10.1/abc}}\n",
    );
    no_html("the import's note", &said);
    assert!(said.contains("{eGFR}: a cohort of \\textit{many}"), "{said}");
}

/// F2: a person the file gives another role than the stored one is kept in
/// both, and said with both roles, the file and its line; two people of one
/// family name are not one.
#[test]
fn a_person_in_a_second_role_is_said() {
    let ris = "TY  - BOOK\nAU  - Fanon, Frantz\nA2  - Philcox, Richard\nTI  - Black skin, white masks\n\
               PB  - Grove Press\nPY  - 2008\nER  - \n";
    let json = r#"[
{"id":"fanon","type":"book","title":"Black skin, white masks","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Philcox","given":"Richard"}],"issued":{"date-parts":[[2008]]},"publisher":"Grove Press"}
]"#;
    let w = workdir();
    w.import_reading("a.ris", ris);
    let said = w.import_reading("b.json", json);
    assert!(
        said.contains("b.json:2: entry R")
            && said.contains("\"Philcox, Richard\" is now both editor (as stored) and translator (as the file gives)"),
        "{said}"
    );
    let r = reading(&w.reading_list(), "Black skin").clone();
    assert_eq!(r["editor_names"].as_array().map(Vec::len), Some(1), "{r}");
    assert_eq!(r["translator_names"].as_array().map(Vec::len), Some(1), "{r}");
    // Said once: a second import of the same file has nothing to add.
    let again = w.import_reading("b.json", json);
    assert!(!again.contains("is now both"), "{again}");

    // The other order: the translator stored, the file's editor.
    let w = workdir();
    w.import_reading("b.json", json);
    let said = w.import_reading("a.ris", ris);
    assert!(said.contains("\"Philcox, Richard\" is now both translator (as stored) and editor"), "{said}");

    // Another person of the same family name is no second role.
    let w = workdir();
    w.import_reading("a.ris", ris);
    let other = json.replace(r#""given":"Richard""#, r#""given":"Anne""#);
    let said = w.import_reading("b.json", &other);
    assert!(!said.contains("is now both"), "{said}");
}

/// F6 (r72): a chapter with neither the book it is in nor a year is an
/// invalid record in BibTeX (a crossref naming no entry), RIS and CSV:
/// listed, nothing imported, left out with --skip-invalid; a chapter with a
/// year or a book imports.
#[test]
fn a_chapter_without_book_or_year_is_invalid_in_every_format() {
    let bib = "@incollection{farmer-chapter,\n  author = {Farmer, Paul},\n  title = {Structural violence},\n  \
               crossref = {Farmer2013Reimagining},\n  pages = {10--30}\n}\n\
               @incollection{missing-parent,\n  author = {Kim, Jim Yong},\n  title = {Global health delivery},\n  \
               crossref = {nosuchkey},\n  pages = {31--50}\n}\n\
               @book{farmer2013reimagining,\n  editor = {Farmer, Paul},\n  title = {Reimagining Global Health},\n  \
               publisher = {University of California Press},\n  year = {2013}\n}\n";
    let w = workdir();
    w.write("cr.bib", bib);
    let err = w.fails(&["import", "reading", "cr.bib"]);
    assert!(
        err.contains("cr.bib:9:3: in entry `missing-parent`: a chapter with neither the book it is in nor a year"),
        "{err}"
    );
    assert!(err.contains("crossref `nosuchkey` names no entry in this file"), "{err}");
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
    let said = w.ok_stderr(&["import", "reading", "cr.bib", "--skip-invalid"]);
    assert!(said.contains("2 new") && said.contains("1 rejected"), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Global health delivery'"), 0);
    // The case-folded crossref still resolves: the chapter has its book and year.
    let r = reading(&w.reading_list(), "Structural").clone();
    assert_eq!((r["container"].as_str(), r["year"].as_i64()), (Some("Reimagining Global Health"), Some(2013)));

    let w = workdir();
    w.write("ch.ris", "TY  - CHAP\nAU  - Kim, Jim Yong\nTI  - Global health delivery\nSP  - 31\nEP  - 50\nER  - \n");
    let err = w.fails(&["import", "reading", "ch.ris"]);
    assert!(err.contains("ch.ris:3:7: in the record starting at line 1: a chapter with neither"), "{err}");
    w.write(
        "ch.csv",
        "title,authors,year,type,container\nNo book nor year,\"Kim, Jim\",,chapter,\n\
         A year,\"Kim, Jim\",2010,chapter,\nA book,\"Kim, Jim\",,chapter,Reimagining\n",
    );
    let err = w.fails(&["import", "reading", "ch.csv"]);
    assert!(err.contains("ch.csv:2:1: a chapter with neither the book it is in nor a year"), "{err}");
    assert!(err.contains("1 problem"), "{err}");
    let said = w.ok_stderr(&["import", "reading", "ch.csv", "--skip-invalid"]);
    assert!(said.contains("2 new") && said.contains("1 rejected"), "{said}");
    let json =
        r#"[{"id":"c","type":"chapter","title":"CSL chapter","author":[{"family":"Kim","given":"Jim"}],"page":"1-9"}]"#;
    w.write("c.json", json);
    let err = w.fails(&["import", "reading", "c.json"]);
    assert!(err.contains("a chapter with neither the book it is in nor a year"), "{err}");
}

/// `merge` quotes a reading's title in its sheet text in its steps and
/// conflicts, never the stored tags.
#[test]
fn merge_steps_quote_titles_without_html() {
    let w = workdir();
    w.import_reading("latex.bib", LATEX);
    let theirs = w.path("theirs.db");
    for ext in ["", "-wal"] {
        let from = format!("{}{ext}", w.db().display());
        if std::path::Path::new(&from).exists() {
            std::fs::copy(&from, format!("{}{ext}", theirs.display())).expect("copy the database");
        }
    }
    let id = reading(&w.reading_list(), "Über")["id"].to_string();
    w.ok_at(&theirs, &["reading", "edit", &id, "--year", "2020", "--by", "ann", "-q"]);
    w.ok(&["reading", "edit", &id, "--year", "2021", "--by", "bob", "-q"]);
    let steps = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "bob"]);
    no_html("merge", &steps);
    assert!(steps.contains("Über LaTeX accents in {eGFR} studies — both sides changed year"), "{steps}");
    let log = w.ok(&["log", "--format", "csv"]);
    no_html("log", &log);
}
