//! Faculty files as they come (issue 14): workbooks (.xlsx, .xls, .ods) told
//! by content, MedBiquitous Curriculum Inventory XML, outcome-only lists,
//! and the committee's workbook report read back with calamine.

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use common::{Workdir, sample};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

/// (module code, year, kind, title, outcomes) of every item, in a stable order.
fn items(w: &Workdir) -> Vec<(String, Option<i64>, String, String, String)> {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let mut st = c
        .prepare(
            "SELECT m.code, m.year, i.kind, i.title, i.outcomes FROM item i JOIN module m ON m.id = i.module_id
              ORDER BY m.code, i.title",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn sample_workbook_dry_run_names_the_sheet_and_its_columns_and_writes_nothing() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let out = w.cmd(&["import", "modules", &sample("modules.xlsx"), "--dry-run"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("reading sheet \"Modules 2025-26\""), "{err}");
    assert!(err.contains("header on row 4"), "{err}");
    assert!(err.contains("284 new") && err.contains("4 empty rows and blank lines skipped"), "{err}");
    // The dry run's account of the header names the sheet's columns by their letters.
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("column     column C   \"Module Code\" → module_code\n"), "{diff}");
    assert!(diff.contains("column     column B   \"Year of Study\" → year\n"), "{diff}");
    assert!(diff.contains("new        row  5      MED1001 · Cell structure and organelles"), "{diff}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 0);
}

#[test]
fn sample_workbook_imports_as_its_csv_does() {
    let x = Workdir::new();
    x.ok(&["import", "modules", &sample("modules.xlsx")]);
    let c = Workdir::new();
    c.ok(&["import", "modules", &sample("modules.csv")]);
    let (xi, ci) = (items(&x), items(&c));
    assert_eq!(xi.len(), 284);
    assert_eq!(xi.len(), ci.len());
    for (a, b) in xi.iter().zip(&ci) {
        // The workbook holds one outcome per line where the CSV separates them with "; ".
        assert_eq!((&a.0, a.1, &a.2, &a.3), (&b.0, b.1, &b.2, &b.3));
        assert_eq!(a.4.replace('\n', "; "), b.4.replace('\n', "; "));
    }
    assert_eq!(x.count("SELECT count(*) FROM item_tag"), c.count("SELECT count(*) FROM item_tag"));
    // Re-importing the workbook changes nothing.
    let err = x.ok_stderr(&["import", "modules", &sample("modules.xlsx")]);
    assert!(err.contains("nothing changed"), "{err}");
}

#[test]
fn audit_takes_the_sample_workbook() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.xlsx"), &sample("reading.csv"), "--out", "r.pdf"]);
    assert!(std::fs::metadata(w.path("r.pdf")).unwrap().len() > 10_000);
    assert_eq!(w.count("SELECT count(*) FROM module"), 37);
}

#[test]
fn xlsx_xls_and_ods_read_alike_and_by_content() {
    let mut seen = Vec::new();
    for name in ["faculty.xlsx", "faculty.xls", "faculty.ods"] {
        let w = Workdir::new();
        // The content, not the name, says what the file is.
        let disguised = w.path(&format!("{name}.csv"));
        std::fs::copy(data(name), &disguised).unwrap();
        let err = w.ok_stderr(&["import", "modules", disguised.to_str().unwrap()]);
        assert!(err.contains("reading sheet \"List\""), "{name}: {err}");
        assert!(err.contains("; 1 empty row or blank line skipped"), "{name}: {err}");
        assert!(err.contains("B \"Module Title\" → module_title, C \"Year of Study\" → year"), "{name}: {err}");
        assert!(
            err.contains(&format!(
                "warning: {}: column G \"Date reviewed\" is not read: no field has that name; 1 row holds text there",
                disguised.display()
            )),
            "{name}: {err}"
        );
        let it = items(&w);
        assert_eq!(it.len(), 4, "{name}: {it:?}");
        // A merged block of three rows, and a year stored as the number 1.0.
        assert_eq!(it.iter().filter(|i| i.0 == "MED1001" && i.1 == Some(1)).count(), 3, "{name}: {it:?}");
        assert!(it.iter().any(|i| i.0 == "MED2002" && i.1 == Some(2)), "{name}: 'Year 2' {it:?}");
        assert!(it.iter().any(|i| i.3 == "الطب في العالم العربي 中医 history"), "{name}: {it:?}");
        assert!(
            it.iter().any(|i| i.4 == "Critique the use of race as a biological category\nExplain genetic ancestry")
        );
        assert_eq!(w.count("SELECT count(*) FROM item_keyword"), 3, "{name}");
        seen.push(it);
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn a_csv_named_xlsx_is_read_as_csv() {
    let w = Workdir::new();
    let p = w.path("modules.xlsx");
    std::fs::copy(sample("modules.csv"), &p).unwrap();
    w.ok(&["import", "modules", p.to_str().unwrap()]);
    assert_eq!(w.count("SELECT count(*) FROM item"), 284);
}

#[test]
fn sheet_option_picks_a_sheet_and_explains_a_wrong_one() {
    let w = Workdir::new();
    let f = data("faculty.xlsx");
    let err = w.fails(&["import", "modules", &f, "--sheet", "Timetable"]);
    assert!(err.contains("no sheet named \"Timetable\"; the workbook has \"Notes\", \"List\""), "{err}");
    let err = w.fails(&["import", "modules", &f, "--sheet", "notes"]);
    assert!(err.contains(&format!("{f}:Notes!A1: no column for module_code, module_title")), "{err}");
    assert!(err.contains("--map"), "{err}");
    w.ok(&["import", "modules", &f, "--sheet", "List"]);
    assert_eq!(w.count("SELECT count(*) FROM item"), 4);
    let err = w.fails(&["import", "modules", &sample("modules.csv"), "--sheet", "List"]);
    assert!(err.contains("--sheet applies to workbooks"), "{err}");
    let err = w.fails(&["import", "modules", &f, "--encoding", "latin1"]);
    assert!(err.contains("--encoding applies to text files"), "{err}");
}

#[test]
fn broken_workbook_names_each_cell_and_writes_nothing() {
    let w = Workdir::new();
    let f = data("broken.xlsx");
    let err = w.fails(&["import", "modules", &f]);
    let lines: Vec<&str> =
        err.lines().filter(|l| l.starts_with(&f) && !l.starts_with(&format!("{f}: columns read: "))).collect();
    assert_eq!(
        lines,
        [
            format!(
                "{f}:Modules!I5: cell I5 holds \"check with Dr Osei\" but its column has no header; expected a header \
                 above it, or the cell cleared"
            ),
            format!("{f}:Modules!B6: year 13 is out of range; expected a year of study from 1 to 10"),
            format!("{f}:Modules!C7: module_code is empty; expected the module's code, e.g. MED1001"),
            format!(
                "{f}:Modules!G7: unknown theme \"decolonial-stuff\"; expected one of epistemic-bias, \
                 historical-awareness, intersectional-health (add it first with `canon theme add`)"
            ),
            format!(
                "{f}:Modules!D8: the cell holds the spreadsheet error #N/A; expected a value (fix the formula or type \
                 the value)"
            ),
        ],
        "{err}"
    );
    assert!(err.contains("5 problems in"), "{err}");
    // Nothing written: a refused import into no database leaves none (issue 11).
    assert!(!w.db().exists(), "a refused import left a database");
    // The dry run lists the same problems as rejected rows, and fails as the import would.
    let out = w.cmd(&["import", "modules", &f, "--dry-run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(&format!("rejected   {f}:Modules!C7: module_code is empty")), "{stdout}");
}

/// A workbook written here, with a title row and the given header and rows (all text).
fn workbook(path: &Path, sheet: &str, header: &[&str], rows: &[Vec<&str>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    ws.write_string(0, 0, "Reading list, spring term").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if !v.is_empty() => ws.write_number(3 + r as u32, c as u16, n).unwrap(),
                _ => ws.write_string(3 + r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn reading_workbook_goes_through_the_reading_pipeline() {
    let w = Workdir::new();
    let p: PathBuf = w.path("reading list.xlsx");
    workbook(
        &p,
        "Spring list",
        &["Title", "Author", "Publication Year", "DOI", "Why read it", "Shelfmark"],
        &[
            vec!["Medical Apartheid", "Washington, Harriet A.", "2006", "", "History of experimentation", "R853"],
            vec!["=1+1 and other formulas", "Ngũgĩ wa Thiong'o", "1986", "10.1056/NEJMms2004740", "", ""],
            vec!["Hidden in Plain Sight", "Vyas, Darshali A.", "twenty", "", "", ""],
        ],
    );
    let f = p.to_str().unwrap();
    let err = w.fails(&["import", "reading", f]);
    assert!(err.contains(&format!("{f}:'Spring list'!C6: year \"twenty\" is not a year")), "{err}");
    assert!(!w.db().exists(), "a refused import left a database");
    // --map works as for CSV; fix the bad row by reading only the first two.
    workbook(
        &p,
        "Spring list",
        &["Title", "Author", "Published", "Identifier"],
        &[
            vec!["Medical Apartheid", "Washington, Harriet A.", "2006", ""],
            vec!["=1+1 and other formulas", "Ngũgĩ wa Thiong'o", "1986", "10.1056/NEJMms2004740"],
        ],
    );
    let err = w.ok_stderr(&["import", "reading", f, "--map", "Identifier=doi"]);
    assert!(err.contains("D \"Identifier\" → doi"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year = 1986 AND doi = '10.1056/nejmms2004740'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = '=1+1 and other formulas'"), 1);
}

#[test]
fn outcome_lists_import_as_outcome_items_with_bloom_levels() {
    let w = Workdir::new();
    let err = w.ok_stderr(&["import", "modules", &data("outcomes-only.csv")]);
    assert!(err.contains("each outcome is imported as an item of kind \"outcome\""), "{err}");
    let list = w.json(&["item", "list", "--format", "json"]);
    let list = list.as_array().unwrap();
    // Eight rows, one holding two outcomes on two lines.
    assert_eq!(list.len(), 9);
    assert!(list.iter().all(|i| i["kind"] == "outcome"), "{list:?}");
    let bloom = |title: &str| {
        list.iter().find(|i| i["title"] == title).map(|i| i["bloom"].as_str().unwrap_or("").to_string()).unwrap()
    };
    assert_eq!(bloom("Critique the use of race as a variable in clinical research"), "evaluate");
    assert_eq!(bloom("Design a community health intervention with the people it serves"), "create");
    assert_eq!(bloom("List the protected characteristics of the Equality Act 2010"), "remember");
    assert_eq!(bloom("Evaluate the representativeness of a trial population"), "evaluate");
    // A file with sessions still refuses a row with outcomes and no session, unless it says kind outcome.
    let f = w.write(
        "mixed.csv",
        "module_code,module_title,session_title,learning_outcomes,kind\n\
         M1,Module,Lecture,Describe x,\n\
         M1,Module,,Explain y,\n\
         M1,Module,,Analyse z,outcome\n",
    );
    let err = w.fails(&["import", "modules", f.to_str().unwrap()]);
    assert!(err.contains("mixed.csv:3:3: session_title is empty but the row has learning outcomes"), "{err}");
    assert!(!err.contains(":4:"), "{err}");
}

#[test]
fn curriculum_inventory_sample_imports_modules_sessions_outcomes_and_keywords() {
    let w = Workdir::new();
    let f = sample("curriculum-inventory.xml");
    let err = w.ok_stderr(&["import", "modules", &f]);
    assert!(
        err.contains("programme \"MD Program\"; 3 academic levels → years 1–3; 5 sequence blocks, 4 holding events")
    );
    assert!(err.contains("not stored:") && err.contains("1 event no sequence block references"), "{err}");
    let cov = w.json(&["coverage", "--format", "json"]);
    let rows: Vec<(String, i64, i64)> = cov
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["module_code"].as_str().unwrap().to_string(), r["year"].as_i64().unwrap(), r["items"].as_i64().unwrap())
        })
        .collect();
    // ORG only holds other blocks: not a module. E101 is in FND and CVR; E106 in FND and CLK.
    assert_eq!(rows, [("FND".into(), 1, 4), ("CVR".into(), 2, 5), ("REP".into(), 2, 1), ("CLK".into(), 3, 2)]);
    assert_eq!(w.count("SELECT count(*) FROM programme WHERE name = 'MD Program'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE kind = 'assessment'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE kind = 'outcome'"), 2);
    assert_eq!(
        w.count(
            "SELECT count(*) FROM item WHERE title = 'Race, ancestry and genetic variation' AND outcomes = \
             'Critique the use of race as a proxy for genetic ancestry\nProvide care that recognises structural racism as a determinant of health'"
        ),
        2
    );
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes LIKE '%research ethics & trust'"), 2);
    assert_eq!(w.count("SELECT count(*) FROM item_keyword WHERE keyword = 'Human Experimentation'"), 2);
    // The keywords are evidence for suggest.
    let s = w.json(&["suggest", "--format", "json"]);
    assert!(
        s.as_array().unwrap().iter().any(|x| x["title"] == "The Tuskegee study and research ethics"
            && x["evidence"].as_array().unwrap().iter().any(|e| e == "Human Experimentation")),
        "{s}"
    );
    let err = w.ok_stderr(&["import", "modules", &f]);
    assert!(err.contains("12 unchanged") && err.contains("nothing changed"), "{err}");
}

const NESTED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CurriculumInventory xmlns="http://ns.medbiq.org/curriculuminventory/v1/" xmlns:hx="http://ns.medbiq.org/lom/extend/v1/">
  <Events>
    <Event id="ev-1"><Title>Colonial origins of tropical medicine</Title>
      <Keyword hx:source="MeSH" hx:id="D003099"><hx:string>Colonialism</hx:string></Keyword>
    </Event>
    <Event id="ev-2"><Title>Small group</Title></Event>
    <Event id="ev-3"><Title>Small group</Title></Event>
  </Events>
  <AcademicLevels><LevelsInProgram>2</LevelsInProgram>
    <Level number="1"><Label>Phase 1</Label></Level><Level number="2"><Label>Phase 2</Label></Level>
  </AcademicLevels>
  <Sequence>
    <SequenceBlock id="P1" required="Required">
      <Title>Phase 1</Title>
      <SequenceBlockLevels><StartingAcademicLevel>/CurriculumInventory/AcademicLevels/Level[@number='1']</StartingAcademicLevel></SequenceBlockLevels>
      <SequenceBlock id="GH" required="Required">
        <Title>Global Health</Title>
        <SequenceBlockLevels><StartingAcademicLevel>/CurriculumInventory/AcademicLevels/Level[@number='2']</StartingAcademicLevel></SequenceBlockLevels>
        <SequenceBlockEvent required="true"><EventReference>/CurriculumInventory/Events/Event[@id='ev-1']</EventReference></SequenceBlockEvent>
        <SequenceBlockEvent required="true"><EventReference>/CurriculumInventory/Events/Event[@id="ev-2"]</EventReference></SequenceBlockEvent>
        <SequenceBlockEvent required="true"><EventReference>/CurriculumInventory/Events/Event[@id='ev-3']</EventReference></SequenceBlockEvent>
      </SequenceBlock>
    </SequenceBlock>
  </Sequence>
</CurriculumInventory>
"#;

#[test]
fn nested_blocks_in_the_v1_namespace_without_optional_parts() {
    let w = Workdir::new();
    let f = w.write("ci.xml", NESTED);
    let err = w.ok_stderr(&["import", "modules", f.to_str().unwrap(), "--programme", "Bachelor of Medicine"]);
    assert!(err.contains("(none: --programme)"), "{err}");
    let it = items(&w);
    assert_eq!(
        it.iter().map(|i| (i.0.as_str(), i.1, i.3.as_str())).collect::<Vec<_>>(),
        [
            ("GH", Some(2), "Colonial origins of tropical medicine"),
            ("GH", Some(2), "Small group (ev-2)"),
            ("GH", Some(2), "Small group (ev-3)"),
        ]
    );
    assert_eq!(w.count("SELECT count(*) FROM programme WHERE name = 'Bachelor of Medicine'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM item_keyword WHERE keyword = 'Colonialism'"), 1);
}

#[test]
fn malformed_and_inconsistent_documents_are_placed_and_write_nothing() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let cases = [
        (
            "unclosed.xml",
            NESTED.replace("<Title>Global Health</Title>", "<Title>Global Health"),
            "23:7: the document is not well-formed XML: ill-formed document: expected `</Title>`, but `</SequenceBlock>` \
             was found (the open element is <Title>, from line 18, column 9)",
        ),
        ("badref.xml", NESTED.replace("@id='ev-3'", "@id='ev-9'"), "22:45: EventReference points to event \"ev-9\""),
        (
            "level.xml",
            NESTED.replace("Level[@number='2']</Starting", "Level[@number='7']</Starting"),
            "19:30: StartingAcademicLevel names level 7, which AcademicLevels does not list; expected one of 1, 2",
        ),
        (
            "other.xml",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".to_string(),
            "2:1: the document's root is <html>",
        ),
        ("entity.xml", NESTED.replace("Colonial origins", "Colonial &bogus; origins"), "4:38: unknown entity &bogus;"),
    ];
    for (name, text, want) in cases {
        let f = w.write(name, text);
        let f = f.to_str().unwrap();
        let err = w.fails(&["import", "modules", f]);
        assert!(err.contains(&format!("{f}:{want}")), "{name}: want {want:?} in\n{err}");
        assert!(err.contains("nothing imported"), "{err}");
    }
    assert_eq!(w.count("SELECT count(*) FROM module"), 0);
    let err = w.fails(&["import", "modules", w.write("m.xml", NESTED).to_str().unwrap(), "--map", "a=module_code"]);
    assert!(err.contains("--map applies to CSV files and workbooks"), "{err}");
}

#[test]
fn committee_workbook_opens_holds_the_tables_and_no_formula() {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    // Hostile text must stay text.
    w.ok(&["reading", "add", "--title", "=1+1", "--by", "amina", "--status", "approved"]);
    w.ok(&["report", "committee.xlsx"]);
    w.ok(&["report", "again.xlsx"]);
    w.ok(&["report", "folder", "--format", "csv"]);
    let a = std::fs::read(w.path("committee.xlsx")).unwrap();
    assert_eq!(a, std::fs::read(w.path("again.xlsx")).unwrap(), "same database, same bytes");

    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(w.path("committee.xlsx")).unwrap();
    let names = wb.sheet_names();
    // One sheet per table of the CSV folder report, in its order.
    let mut csvs: Vec<String> = std::fs::read_dir(w.path("folder"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".csv").to_string())
        .collect();
    csvs.sort();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, csvs);
    assert_eq!(
        names,
        [
            "summary",
            "findings",
            "coverage",
            "gaps",
            "module_readings",
            "evidence",
            "readings",
            "readings_by_theme",
            "facets"
        ]
    );
    // Each module's readings (linked and proposed) are in the workbook (issue 13a's table).
    let plan = wb.worksheet_range("module_readings").unwrap();
    assert!(plan.rows().skip(1).any(|r| r.iter().any(|c| *c == Data::String("proposed".into()))), "no proposal");
    for n in &names {
        let f = wb.worksheet_formula(n).unwrap();
        assert!(f.used_cells().all(|(_, _, s)| s.is_empty()), "formula in sheet {n}");
        // The same rows as the CSV table (header included).
        let range = wb.worksheet_range(n).unwrap();
        let csv_rows = csv::Reader::from_path(w.path(&format!("folder/{n}.csv"))).unwrap().records().count();
        let data_rows = range.rows().skip(1).take_while(|r| r.iter().any(|c| *c != Data::Empty)).count();
        assert_eq!(data_rows, csv_rows, "sheet {n}");
    }
    let readings = wb.worksheet_range("readings").unwrap();
    let title_col = readings.rows().next().unwrap().iter().position(|c| *c == Data::String("title".into())).unwrap();
    assert!(readings.rows().any(|r| r[title_col] == Data::String("=1+1".into())), "=1+1 kept as text");
    // Coverage: counts as numbers, the heat-map as fills.
    let cov = wb.worksheet_range("coverage").unwrap();
    let head: Vec<String> = cov.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = head.iter().position(|h| h == "epistemic-bias").unwrap();
    let counts: Vec<&Data> = cov.rows().skip(1).take(37).map(|r| &r[col]).collect();
    assert!(counts.iter().all(|c| matches!(c, Data::Float(_))), "{counts:?}");
    let styles = wb.worksheet_style("coverage").unwrap();
    let filled = (1..=37u32)
        .filter(|r| styles.get((*r, col as u32)).and_then(|s| s.fill.as_ref()).and_then(|f| f.get_color()).is_some())
        .count();
    assert_eq!(filled, 37);
}

#[test]
fn every_column_of_a_csv_is_read_or_named() {
    let w = Workdir::new();
    let f = w.write("m.csv", "Code,Module,Semester,Session\nM1,Anatomy,1,Thorax\n");
    let err = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    let f = f.display();
    assert!(
        err.contains(&format!(
            "{f}: columns read: \"Code\" → module_code, \"Module\" → module_title, \"Session\" → session_title\n\
             warning: {f}: column 3 \"Semester\" is not read: no field has that name; 1 row holds text there"
        )),
        "{err}"
    );
}

/// A header error names the header's own line, after blank lines above it
/// (as a workbook's names its cell).
#[test]
fn a_header_error_names_the_line_the_header_is_on() {
    let w = Workdir::new();
    let f = w.write("m.csv", "\n\nTitle,Session\nAnatomy,Thorax\n");
    let err = w.fails(&["import", "modules", f.to_str().unwrap()]);
    assert!(err.contains(&format!("{}:3:1: no column for module_code, module_title (required)", f.display())), "{err}");
}

/// Regression (fuzzing): calamine asserted on this damaged .xls and canon crashed.
#[test]
fn a_damaged_workbook_is_an_error_not_a_crash() {
    let w = Workdir::new();
    let f = data("damaged.xls");
    let out = w.cmd(&["import", "modules", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        format!(
            "canon: {f}: the Excel 97-2003 workbook (.xls) is damaged and cannot be read; expected a workbook a \
             spreadsheet opens"
        )
    );
}

/// Keywords are part of their item: removing a module takes them, undo brings them back.
#[test]
fn keywords_go_and_come_back_with_their_items() {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("curriculum-inventory.xml")]);
    assert_eq!(w.count("SELECT count(*) FROM item_keyword"), 12);
    let err = w.ok_stderr(&["module", "remove", "FND", "--by", "amina", "--force"]);
    assert_eq!(w.count("SELECT count(*) FROM item_keyword"), 8, "{err}");
    let change = w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["undo", &change, "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM item_keyword"), 12);
}

/// A one-sheet workbook written cell by cell from row 1, column A: an empty
/// string leaves the cell out (so a row of them is an empty row); a number
/// is written as a number.
fn grid(path: &Path, sheet: &str, rows: &[&[&str]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => ws.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

/// Runs canon; returns (exit code, stdout, stderr).
fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// A faculty office's sheet: a title row, the header starting in column B
/// (its code column found as a CSV header's is, the bracketed aside dropped),
/// years written as people write them, a column canon has no field for, one
/// left empty, and empty rows between the modules.
const FACULTY_SHEET: &[&[&str]] = &[
    &["Module list 2025-26 (draft)"],
    &[],
    &[
        "",
        "Module Code (registry)",
        "Module Title",
        "Year",
        "Lecture Title",
        "Intended Learning Outcomes (ILOs)",
        "Room",
        "Notes",
    ],
    &["", "MED1001", "Foundations", "Year 1", "Social determinants", "Describe the social model", "LT1"],
    &[],
    &["", "MED1001", "Foundations", "Year One", "History of medicine", "Explain colonial medicine", "LT2"],
    &["", "MED2001", "Respiratory", "2nd year", "Spirometry", "Critique race correction in spirometry"],
    &["", "MED3001", "Clinical Skills", "Phase III", "Examining the skin", "Recognise erythema on dark skin"],
    &[],
    &[],
    &["", "MED4001", "Electives", "4", "Planning an elective", "Plan an ethical elective"],
];

/// Issue 10's accounting holds for a workbook as for a CSV file: the header
/// report (columns by their letters), warnings for what is not read, years as
/// faculty write them, empty rows counted, and a dry run that creates no database.
#[test]
fn a_workbook_gets_the_column_report_year_forms_and_empty_rows_of_a_csv() {
    let w = Workdir::new();
    let p = w.path("faculty list.xlsx");
    grid(&p, "Modules", FACULTY_SHEET);
    let f = p.to_str().unwrap();

    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!w.db().exists(), "a dry run of a workbook created the database");
    for line in [
        "column     column B   \"Module Code (registry)\" → module_code\n",
        "column     column D   \"Year\" → year\n",
        "column     column E   \"Lecture Title\" → session_title\n",
        "column     column F   \"Intended Learning Outcomes (ILOs)\" → learning_outcomes\n",
        "not read   column G   \"Room\": no field has that name; 2 rows hold text there; to read it, add --map \
         'Room=FIELD' with FIELD one of programme, themes, kind, lead, keywords\n",
        "not read   column H   \"Notes\": no field has that name; 0 rows hold text there",
        "absent     no column for programme, themes, kind, lead, keywords (left as stored)\n",
        "new        row  4      MED1001 · Social determinants\n",
        "new        row  11     MED4001 · Planning an elective\n",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert!(stderr.contains("note: reading sheet \"Modules\" of") && stderr.contains("(header on row 3)"), "{stderr}");
    assert!(stderr.contains(&format!("warning: {f}: column G \"Room\" is not read")), "{stderr}");
    assert!(
        stderr.contains(&format!("warning: {f}: 1 column is not read (empty in every row): \"Notes\"")),
        "{stderr}"
    );
    assert!(
        stderr.contains("sessions: 5 new") && stderr.contains("; 3 empty rows and blank lines skipped"),
        "{stderr}"
    );

    let (code, _, stderr) = run(&w, &["import", "modules", f]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{f}: columns read: B \"Module Code (registry)\" → module_code, C \"Module Title\" → module_title, D \"Year\" → year, \
             E \"Lecture Title\" → session_title, F \"Intended Learning Outcomes (ILOs)\" → learning_outcomes\n"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("3 empty rows and blank lines skipped"), "{stderr}");
    let years: Vec<(String, i64)> = {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        let mut st = c.prepare("SELECT code, year FROM module ORDER BY code").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let want = [("MED1001", 1), ("MED2001", 2), ("MED3001", 3), ("MED4001", 4)];
    assert_eq!(years, want.map(|(c, y)| (c.to_string(), y)), "Year 1, Year One, 2nd year, Phase III, 4");

    // A year no form reads is refused at its cell, with the forms that are read.
    let bad = w.path("bad.xlsx");
    grid(&bad, "Modules", &[&["Code", "Module", "Year", "Session"], &["M1", "One", "2025/26", "S"]]);
    let (code, _, stderr) = run(&w, &["import", "modules", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:Modules!C2: year \"2025/26\" is not a year of study; expected a number from 1 to 10 written as 3, \
             \"Year 3\"",
            bad.display()
        )),
        "{stderr}"
    );
}

/// A workbook refused in a dry run exits 1 and still creates no database.
#[test]
fn a_refused_workbook_dry_run_creates_no_database() {
    let w = Workdir::new();
    let f = data("broken.xlsx");
    let (code, stdout, stderr) = run(&w, &["import", "modules", &f, "--dry-run"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains(&format!("rejected   {f}:Modules!B6: year 13 is out of range")), "{stdout}");
    assert!(stderr.contains("the import would be refused (5 problems listed above); nothing written"), "{stderr}");
    assert!(!w.db().exists(), "a dry run created the database");
}

/// A column the workbook no longer has leaves its field as stored; an emptied
/// cell in a column it has clears it (as in a CSV file).
#[test]
fn a_workbook_without_a_column_leaves_that_field_as_stored() {
    let w = Workdir::new();
    let full = w.path("full.xlsx");
    grid(
        &full,
        "List",
        &[
            &["Module Code", "Module Title", "Year of Study", "Session", "Learning Outcomes", "Module Lead"],
            &["MED1001", "Foundations", "Year 1", "Cells", "Describe a cell", "Dr Osei"],
            &["MED1001", "Foundations", "Year 1", "Genes", "Explain inheritance", "Dr Osei"],
        ],
    );
    w.ok(&["import", "modules", full.to_str().unwrap()]);
    let stored = |w: &Workdir| -> Vec<(String, String, i64, String)> {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        let mut st = c
            .prepare(
                "SELECT i.title, i.outcomes, m.year, m.lead FROM item i JOIN module m ON m.id = i.module_id
                  ORDER BY i.title",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = stored(&w);
    assert_eq!(before[0], ("Cells".into(), "Describe a cell".into(), 1, "Dr Osei".into()));

    // The same sessions, without the outcomes, year and lead columns.
    let lean = w.path("lean.xlsx");
    grid(
        &lean,
        "List",
        &[
            &["Module Code", "Module Title", "Session"],
            &["MED1001", "Foundations", "Cells"],
            &["MED1001", "Foundations", "Genes"],
        ],
    );
    let (code, stdout, stderr) = run(&w, &["import", "modules", lean.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("absent     no column for programme, year, learning_outcomes"), "{stdout}");
    assert!(stdout.contains("unchanged  row  2      MED1001 · Cells"), "{stdout}");
    assert!(!stdout.lines().any(|l| l.starts_with("changed ")), "{stdout}");
    let err = w.ok_stderr(&["import", "modules", lean.to_str().unwrap()]);
    assert!(err.contains("nothing changed"), "{err}");
    assert_eq!(stored(&w), before, "a missing column cleared a stored value");

    // An emptied outcomes cell in a sheet that has the column clears them.
    let emptied = w.path("emptied.xlsx");
    grid(
        &emptied,
        "List",
        &[
            &["Module Code", "Module Title", "Session", "Learning Outcomes"],
            &["MED1001", "Foundations", "Cells", ""],
            &["MED1001", "Foundations", "Genes", "Explain inheritance"],
        ],
    );
    let (code, stdout, stderr) = run(&w, &["import", "modules", emptied.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("changed    row  2      MED1001 · Cells"), "{stdout}");
    assert!(stdout.contains("learning_outcomes: \"Describe a cell\" → (empty)"), "{stdout}");
    w.ok(&["import", "modules", emptied.to_str().unwrap()]);
    let after = stored(&w);
    assert_eq!(after[0].1, "", "{after:?}");
    assert_eq!((after[0].2, after[0].3.as_str()), (1, "Dr Osei"), "year and lead have no column: kept");
}

/// A Curriculum Inventory document goes through the same import: its dry run
/// creates no database, a re-import of a document whose blocks name no
/// academic level leaves the stored years as they are, and its lead (which
/// the document never gives) is never cleared.
#[test]
fn curriculum_inventory_rows_keep_what_the_document_does_not_give() {
    let w = Workdir::new();
    let f = w.write("ci.xml", NESTED);
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("new        line 20     GH · Colonial origins of tropical medicine\n"), "{stdout}");
    assert!(!w.db().exists(), "a dry run created the database");
    w.ok(&["import", "modules", f]);
    w.ok(&["module", "edit", "GH", "--lead", "Dr Mensah", "--by", "amina"]);
    // The same document without its academic levels.
    let without: Vec<&str> = NESTED.lines().filter(|l| !l.contains("Level")).collect();
    let no_levels = w.write("ci-no-levels.xml", without.join("\n"));
    let (code, stdout, stderr) = run(&w, &["import", "modules", no_levels.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.lines().any(|l| l.starts_with("changed ")), "{stdout}");
    w.ok(&["import", "modules", no_levels.to_str().unwrap()]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'GH' AND year = 2 AND lead = 'Dr Mensah'"), 1);
}
