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
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year = 1986 AND doi = '10.1056/NEJMms2004740'"), 1);
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
    assert!(
        err.contains("not stored (") && err.contains("  - 1 event that no sequence block references (E109)"),
        "{err}"
    );
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
    let col = head.iter().position(|h| h == "Epistemic bias").unwrap();
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
/// The file (735 bytes: a header and part of one sector) names sector 12 as
/// its directory's start: said since d_r95 checks the compound file first.
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
            "canon: {f}: not a readable workbook: its compound-file structure is damaged (sector chain runs past \
             the end of the file at sector 12, in the directory); expected an Excel 97-2003 workbook (or a \
             password-protected .xlsx) as a spreadsheet program saves it: open it there and save it again"
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
         'Room=FIELD' with FIELD one of lead, keywords, programme\n",
        "not read   column H   \"Notes\": no field has that name; 0 rows hold text there",
        "absent     no column for programme: every row goes to programme \"Curriculum\" (a new programme: the \
         database holds none yet; name it with --programme)\n",
        "absent     no column for themes, kind, lead, keywords (left as stored)\n",
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
             E \"Lecture Title\" → session_title, F \"Intended Learning Outcomes (ILOs)\" → learning_outcomes; \
             above the header, not read: A1 \"Module list 2025-26 (draft)\"\n"
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
    assert!(stdout.contains("absent     no column for year, learning_outcomes"), "{stdout}");
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

// ---------------------------------------------------------------------------
// Issue 14b: what a new user's files showed (damaged sheets, formulas without
// results, values as shown, hidden things, Curriculum Inventory levels and
// namespaces, list markers, the gaps sheet's columns).
// ---------------------------------------------------------------------------

const HEAD: &[&str] = &["Programme", "Year", "Module Code", "Module Title", "Session", "Learning Outcomes", "Themes"];

/// A workbook of three sheets as a faculty office keeps it: a cover sheet,
/// this year's list and a second list, with `hidden` the names of sheets to hide.
fn three_sheets(path: &Path, hidden: &[&str]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let cover = wb.add_worksheet();
    cover.set_name("Cover").unwrap();
    cover.write_string(0, 0, "St Elsewhere Medical School: curriculum map").unwrap();
    for (name, code, session) in [("Y1 Modules", "MED101", "Cell biology"), ("Y3 Modules", "MED301", "Ward work")] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (c, h) in HEAD.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in ["MBBS", "1", code, "Module", session, "Describe", ""].iter().enumerate() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        if hidden.contains(&name) {
            ws.set_hidden(true);
        }
    }
    wb.save(path).unwrap();
}

/// Copies a workbook, changing its zip entries: `edit` gets each entry's
/// name and bytes and returns the bytes to store (or `None` to leave the
/// entry out). Entries are stored uncompressed.
fn rezip(from: &Path, to: &Path, edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if let Some(b) = edit(&name, bytes) {
            zout.start_file(name, opts).unwrap();
            zout.write_all(&b).unwrap();
        }
    }
    zout.finish().unwrap();
}

#[test]
fn a_sheet_that_cannot_be_read_is_an_error_naming_it_never_skipped() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let good = w.path("good.xlsx");
    three_sheets(&good, &[]);
    // The list "Y1 Modules" is the workbook's second sheet part.
    let part = "xl/worksheets/sheet2.xml";
    let cut = w.path("cut.xlsx");
    // Cut inside a tag.
    rezip(&good, &cut, |n, b| {
        Some(if n == part { b[..String::from_utf8_lossy(&b).find("<c r=\"E2\"").unwrap() + 3].to_vec() } else { b })
    });
    // Cut right after a row: calamine reads the rows before the cut as the whole sheet.
    let after_row = w.path("after-row.xlsx");
    rezip(&good, &after_row, |n, b| {
        Some(if n == part {
            let end = String::from_utf8_lossy(&b).find("</row>").unwrap() + "</row>".len();
            b[..end].to_vec()
        } else {
            b
        })
    });
    let missing = w.path("missing.xlsx");
    rezip(&good, &missing, |n, b| (n != part).then_some(b));
    // A changed byte inside the stored part: its checksum no longer matches.
    let crc = w.path("crc.xlsx");
    rezip(&good, &crc, |_, b| Some(b));
    let mut bytes = std::fs::read(&crc).unwrap();
    let start = {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&crc).unwrap()).unwrap();
        z.by_name(part).unwrap().data_start().unwrap() as usize
    };
    let at = start + bytes[start..].windows(6).position(|x| x == b"r=\"A2\"").unwrap();
    bytes[at + 3] = b'B';
    std::fs::write(&crc, bytes).unwrap();
    for (file, why) in [
        (&cut, "its XML (xl/worksheets/sheet2.xml) is cut short or malformed at byte "),
        (&after_row, "its XML (xl/worksheets/sheet2.xml) ends before its last 2 elements close (cut short)"),
        (&missing, "the part that holds it (xl/worksheets/sheet2.xml) is missing from the file"),
        (&crc, "the part that holds it (xl/worksheets/sheet2.xml) cannot be unpacked"),
    ] {
        let f = file.to_str().unwrap();
        let err = w.fails(&["import", "modules", f]);
        assert!(err.contains(&format!("canon: {f}: sheet \"Y1 Modules\" cannot be read: {why}")), "{err}");
        assert!(err.contains("open it in a spreadsheet program and save it again"), "{err}");
        assert_eq!(w.count("SELECT count(*) FROM module"), 0, "{f}: another sheet was imported instead");
        // Naming the other sheet reads it, and says the damaged one was not checked.
        let err = w.ok_stderr(&["import", "modules", f, "--sheet", "Y3 Modules", "--dry-run"]);
        assert!(err.contains("warning: ") && err.contains("sheet \"Y1 Modules\" cannot be read"), "{err}");
        assert!(err.contains("not checked for a module-list header"), "{err}");
    }
    // A cell naming a shared string the workbook does not have is named.
    let bad = w.path("badindex.xlsx");
    rezip(&good, &bad, |n, b| {
        Some(if n == part {
            String::from_utf8(b)
                .unwrap()
                .replacen("<c r=\"E2\" t=\"s\"><v>", "<c r=\"E2\" t=\"s\"><v>99", 1)
                .into_bytes()
        } else {
            b
        })
    });
    let f = bad.to_str().unwrap();
    let err = w.fails(&["import", "modules", f]);
    assert!(err.contains(&format!("{f}:'Y1 Modules'!E2: the cell names shared string 99")), "{err}");
    assert!(!err.contains("no header row"), "{err}");
}

#[test]
fn other_sheets_are_named_and_a_second_list_or_a_hidden_one_is_said() {
    let w = Workdir::new();
    let f = w.path("map.xlsx");
    three_sheets(&f, &[]);
    let f = f.to_str().unwrap();
    let err = w.ok_stderr(&["import", "modules", f, "--dry-run"]);
    assert!(
        err.contains(&format!("note: reading sheet \"Y1 Modules\" of {f} (header on row 1; 2 other sheets not read)"))
    );
    assert!(err.contains("note: sheets not read: \"Cover\", \"Y3 Modules\""), "{err}");
    assert!(
        err.contains(
            "warning: sheet \"Y3 Modules\" also has a module-list header (row 1), and is not read: import it with \
             --sheet 'Y3 Modules'"
        ),
        "{err}"
    );
    // The only list on a hidden sheet: said, and not read silently.
    let h = w.path("hidden.xlsx");
    three_sheets(&h, &["Y1 Modules", "Y3 Modules"]);
    let err = w.fails(&["import", "modules", h.to_str().unwrap()]);
    assert!(
        err.contains(
            "no visible sheet has a header row naming module_code and module_title in its first 30 rows; \
                      the hidden sheet \"Y1 Modules\" has one (row 1): to import it, pass --sheet 'Y1 Modules'"
        ),
        "{err}"
    );
    let err = w.ok_stderr(&["import", "modules", h.to_str().unwrap(), "--sheet", "Y1 Modules"]);
    assert!(err.contains("\"Y3 Modules\" (hidden)"), "{err}");
    assert!(err.contains("note: the hidden sheet \"Y3 Modules\" also has a module-list header"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM module"), 1);
}

#[test]
fn audit_takes_the_import_options_its_lists_need() {
    let w = Workdir::new();
    let f = w.path("map.xlsx");
    three_sheets(&f, &[]);
    let help = w.ok(&["audit", "--help"]);
    assert!(help.contains("--sheet <NAME>") && help.contains("--reading-sheet <NAME>"), "{help}");
    assert!(help.contains("OUT.xlsx"), "{help}");
    w.ok(&["audit", f.to_str().unwrap(), &sample("reading.csv"), "--sheet", "Y3 Modules", "--out", "r.xlsx"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED301'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM module"), 1);
    assert!(w.path("r.xlsx").exists());
    let err = w.fails(&["audit", f.to_str().unwrap(), &sample("reading.csv"), "--reading-sheet", "List"]);
    assert!(err.contains("--reading-sheet applies to workbooks"), "{err}");
}

/// An Office Open XML workbook of one sheet "Modules", written part by part
/// as programs that do not calculate formulas write it (openpyxl): `rows`
/// is the sheet's `<sheetData>` content, `strings` the shared strings.
fn raw_xlsx(path: &Path, rows: &str, strings: &[&str]) {
    let sst: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    raw_xlsx_sst(path, rows, &sst);
}

/// [`raw_xlsx`] with the shared strings part's `<si>` items as written (`sst`).
fn raw_xlsx_sst(path: &Path, rows: &str, sst: &str) {
    use std::io::Write;
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, body) in [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Modules\" sheetId=\"1\" \
                 r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
                 <Relationship Id=\"rId2\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
            ),
        ),
        ("xl/worksheets/sheet1.xml", format!("<worksheet xmlns=\"{MAIN}\"><sheetData>{rows}</sheetData></worksheet>")),
        ("xl/sharedStrings.xml", format!("<sst xmlns=\"{MAIN}\">{sst}</sst>")),
    ] {
        z.start_file(name, opts).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

/// A row of inline strings (`""` leaves the cell out), from column A.
fn inline_row(r: u32, cells: &[&str]) -> String {
    let mut out = format!("<row r=\"{r}\">");
    for (c, v) in cells.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
        let col = (b'A' + c as u8) as char;
        if let Some(raw) = v.strip_prefix("RAW:") {
            out.push_str(&raw.replace("{}", &format!("{col}{r}")));
        } else {
            out.push_str(&format!("<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"));
        }
    }
    out + "</row>"
}

#[test]
fn a_formula_without_a_saved_result_is_an_error_at_its_cell() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let f = w.path("openpyxl.xlsx");
    let rows = [
        inline_row(1, HEAD),
        inline_row(
            2,
            &[
                "MBBS",
                "RAW:<c r=\"{}\"><f>1+1</f><v/></c>",
                "MED201",
                "Cardio",
                "ECG",
                "RAW:<c r=\"{}\"><f>\"Interpret \"&amp;E2</f><v/></c>",
            ],
        ),
        // A formula whose saved result is the empty string is read as empty.
        inline_row(
            3,
            &[
                "MBBS",
                "1",
                "MED201",
                "Cardio",
                "Pulse oximetry",
                "",
                "RAW:<c r=\"{}\" t=\"str\"><f>IF(1,\"\",\"\")</f><v></v></c>",
            ],
        ),
    ]
    .concat();
    raw_xlsx(&f, &rows, &[]);
    let f = f.to_str().unwrap();
    let err = w.fails(&["import", "modules", f]);
    for cell in ["B2: the formula =1+1 in Modules!B2", "F2: the formula =\"Interpret \"&E2 in Modules!F2"] {
        assert!(
            err.contains(&format!(
                "{f}:Modules!{cell} has no saved result (the program that wrote the file does not calculate \
                 formulas); open the file in a spreadsheet program and save it, then import it again"
            )),
            "{err}"
        );
    }
    assert!(err.contains("2 problems in"), "only the two formulas: {err}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 0);
    // xlwt writes every formula's result as an empty string: no result either.
    let x = data("uncalculated.xls");
    let err = w.fails(&["import", "modules", &x]);
    assert!(
        err.contains(&format!(
            "{x}:'Curriculum 25-26'!F7: the formula =\"Explain \"&E5 in 'Curriculum 25-26'!F7 has no saved result"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("{x}:'Curriculum 25-26'!F9: the formula =1/0")), "{err}");
}

/// An OpenDocument spreadsheet of one sheet "Teaching" whose `content.xml`
/// table holds `rows` (`table:table-row` elements); a hidden second sheet.
fn raw_ods(path: &Path, rows: &str) {
    use std::io::Write;
    let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
              xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
              xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
              xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" \
              office:version=\"1.2\"";
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {ns}><office:body><office:spreadsheet>\
         <table:table table:name=\"Teaching\"><table:table-column table:number-columns-repeated=\"7\"/>\
         <table:table-column table:visibility=\"collapse\"/>{rows}</table:table></office:spreadsheet></office:body>\
         </office:document-content>"
    );
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("META-INF/manifest.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
          xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
          <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
          <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>",
    )
    .unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
}

fn ods_row(cells: &[&str], attrs: &str) -> String {
    let mut out = format!("<table:table-row{attrs}>");
    for v in cells {
        if let Some(raw) = v.strip_prefix("RAW:") {
            out.push_str(raw);
        } else if v.is_empty() {
            out.push_str("<table:table-cell/>");
        } else {
            out.push_str(&format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
            ));
        }
    }
    out + "</table:table-row>"
}

#[test]
fn ods_cells_read_as_shown_and_error_cells_refused() {
    let w = Workdir::new();
    let mut head: Vec<&str> = HEAD.to_vec();
    head.push("Notes");
    let f = w.path("teaching.ods");
    let rows = [
        ods_row(&["MED101 module list 2025-26"], ""),
        ods_row(&head, ""),
        ods_row(
            &[
                "MBBS",
                "RAW:<table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>Year 1</text:p></table:table-cell>",
                "RAW:<table:table-cell office:value-type=\"float\" office:value=\"7\"><text:p>007</text:p></table:table-cell>",
                "Foundations",
                "RAW:<table:table-cell office:value-type=\"time\" office:time-value=\"PT09H30M00S\"><text:p>09:30</text:p></table:table-cell>",
                "RAW:<table:table-cell office:value-type=\"percentage\" office:value=\"0.5\"><text:p>50%</text:p></table:table-cell>",
            ],
            "",
        ),
        ods_row(
            &[
                "MBBS",
                "1",
                "007",
                "Foundations",
                "RAW:<table:table-cell office:value-type=\"date\" office:date-value=\"2025-09-01\"><text:p>01/09/2025</text:p></table:table-cell>",
                "Describe",
                "",
                "kept out of sight",
            ],
            " table:visibility=\"collapse\"",
        ),
    ];
    raw_ods(&f, &rows.concat());
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&w, &["import", "modules", f]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("note: {f}:Teaching!A4: row 4 is hidden in the sheet; it is read like any other row")),
        "{stderr}"
    );
    assert!(stderr.contains("column H (\"Notes\") of sheet \"Teaching\" is hidden in the sheet"), "{stderr}");
    assert!(stderr.contains("above the header, not read: A1 \"MED101 module list 2025-26\""), "{stderr}");
    let _ = stdout;
    let it = items(&w);
    assert_eq!(
        it.iter().map(|i| (i.0.as_str(), i.1, i.3.as_str(), i.4.as_str())).collect::<Vec<_>>(),
        [("007", Some(1), "09:30", "50%"), ("007", Some(1), "2025-09-01", "Describe")]
    );
    // An error saved as text (LibreOffice writes #DIV/0! with calcext:value-type="error") is refused.
    let e = w.path("errors.ods");
    let rows = [
        ods_row(&head, ""),
        ods_row(
            &[
                "MBBS",
                "1",
                "MED201",
                "Cardio",
                "ECG",
                "RAW:<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"string\" office:string-value=\"\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>",
            ],
            "",
        ),
    ];
    raw_ods(&e, &rows.concat());
    let e = e.to_str().unwrap();
    let err = w.fails(&["import", "modules", e]);
    assert!(err.contains(&format!("{e}:Teaching!F2: the cell holds the spreadsheet error #DIV/0!")), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED201'"), 0);
}

#[test]
fn xlsx_values_read_as_the_spreadsheet_shows_them() {
    let w = Workdir::new();
    let f = w.path("formats.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Modules").unwrap();
    ws.write_string(0, 0, "Curriculum map").unwrap();
    ws.write_string(1, 0, "Updated").unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    ws.write_number_with_format(1, 1, 45838.0, &date).unwrap();
    for (c, h) in HEAD.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let fmt = |code: &str| rust_xlsxwriter::Format::new().set_num_format(code);
    let rows: [(f64, &str, f64, &str); 4] = [
        (7.0, "000", 0.5, "0%"),
        (7.0, "000", 0.395833333333, "h:mm"),
        (7.0, "000", 45901.0, "yyyy-mm-dd"),
        (7.0, "000", 1234.5, "#,##0.00 \"hrs\""),
    ];
    for (i, (code, code_fmt, session, session_fmt)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, "MBBS").unwrap();
        ws.write_number(r, 1, 1.0).unwrap();
        ws.write_number_with_format(r, 2, *code, &fmt(code_fmt)).unwrap();
        ws.write_string(r, 3, "Foundations").unwrap();
        ws.write_number_with_format(r, 4, *session, &fmt(session_fmt)).unwrap();
    }
    ws.write_string(7, 0, "MBBS").unwrap();
    ws.write_number(7, 1, 1.0).unwrap();
    ws.write_number_with_format(7, 2, 7.0, &fmt("000")).unwrap();
    ws.write_string(7, 3, "Foundations").unwrap();
    ws.write_number(7, 4, 0.1 + 0.2).unwrap();
    ws.set_row_hidden(5).unwrap();
    wb.save(&f).unwrap();
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    for line in [
        "new        row  4      module 007 Foundations",
        "new        row  4      007 · 50%",
        "new        row  5      007 · 09:30",
        "new        row  6      007 · 2025-09-01",
        "new        row  7      007 · 1,234.50 hrs",
        "new        row  8      007 · 0.3",
        "above      A1 \"Curriculum map\" (above the header: a title, not read)",
        "above      B2 \"2025-06-30\" (above the header: a title, not read)",
    ] {
        assert!(stdout.contains(line), "{line:?} in\n{stdout}");
    }
    assert!(stderr.contains(&format!("note: {f}:Modules!A6: row 6 is hidden in the sheet")), "{stderr}");
    // A `t="d"` cell (an ISO date) and a time of day stored as a number without a format.
    let d = w.path("isodate.xlsx");
    let rows = [
        inline_row(1, HEAD),
        inline_row(2, &["MBBS", "1", "MED101", "F", "RAW:<c r=\"{}\" t=\"d\"><v>2025-09-01T00:00:00</v></c>"]),
        inline_row(3, &["MBBS", "1", "MED101", "F", "RAW:<c r=\"{}\" t=\"d\"><v>2025-09-01T14:30:00</v></c>"]),
    ]
    .concat();
    raw_xlsx(&d, &rows, &[]);
    let (code, stdout, stderr) = run(&w, &["import", "modules", d.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("MED101 · 2025-09-01\n") && stdout.contains("MED101 · 2025-09-01 14:30\n"), "{stdout}");
}

#[test]
fn every_problem_of_a_row_is_reported_at_its_cell() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let f = w.path("notes.xlsx");
    let rows = [
        inline_row(1, HEAD),
        // Notes beside the table in I2 and K2, an error cell and a bad year in the same row.
        inline_row(
            2,
            &[
                "MBBS",
                "2025/26",
                "MED101",
                "F",
                "S1",
                "RAW:<c r=\"{}\" t=\"e\"><v>#N/A</v></c>",
                "",
                "",
                "note I2",
                "",
                "note K2",
            ],
        ),
        // A row with nothing but a note beside the table.
        inline_row(3, &["", "", "", "", "", "", "", "", "note I3"]),
    ]
    .concat();
    raw_xlsx(&f, &rows, &[]);
    let f = f.to_str().unwrap();
    let err = w.fails(&["import", "modules", f]);
    for want in [
        "Modules!B2: year \"2025/26\"",
        "Modules!F2: the cell holds the spreadsheet error #N/A",
        "Modules!I2: cell I2 holds \"note I2\" but its column has no header",
        "Modules!K2: cell K2 holds \"note K2\" but its column has no header",
        "Modules!I3: cell I3 holds \"note I3\" but its column has no header",
    ] {
        assert!(err.contains(&format!("{f}:{want}")), "{want:?} in\n{err}");
    }
    assert!(err.contains("5 problems in"), "a row of only a note is that problem alone: {err}");
    // A whole row is placed at its first cell, never `Modules!2:2`.
    let dup = w.path("dup.xlsx");
    let rows = [
        inline_row(1, HEAD),
        inline_row(2, &["MBBS", "1", "MED101", "Foundations", "S1"]),
        inline_row(3, &["MBBS", "1", "MED101", "Anatomy", "S2"]),
    ]
    .concat();
    raw_xlsx(&dup, &rows, &[]);
    let err = w.ok_stderr(&["import", "modules", dup.to_str().unwrap(), "--rename-duplicate-codes"]);
    assert!(err.contains(&format!("note: {}:Modules!A3: module code \"MED101\"", dup.display())), "{err}");
    assert!(!err.contains("!3:3"), "{err}");
}

#[test]
fn files_that_are_not_workbooks_or_are_locked_say_so_once() {
    let w = Workdir::new();
    // Random bytes named .xlsx are not decoded as text.
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let r = w.write("random.xlsx", &bytes);
    let err = w.fails(&["import", "modules", r.to_str().unwrap()]);
    assert!(err.contains("is not a workbook, though its name ends in .xlsx"), "{err}");
    assert!(!err.contains("windows-1252") && !err.contains("--map"), "{err}");
    // A password-protected workbook.
    let p = data("password.xlsx");
    let err = w.fails(&["import", "modules", &p]);
    assert_eq!(
        err.trim(),
        format!(
            "canon: {p} is password-protected (encrypted when it was saved), so canon cannot read it; expected an \
             unencrypted workbook: open it in a spreadsheet program, remove the password (in Excel: File ▸ Info ▸ \
             Protect Workbook ▸ Encrypt with Password, cleared) and save it, then import that file"
        )
    );
    // A damaged OpenDocument file: calamine's words once, not once per error source.
    let o = w.path("cut.ods");
    let row = ods_row(&["MBBS", "1", "MED101", "Foundations", "Cell biology"], "");
    raw_ods(&o, &[ods_row(HEAD, ""), row.clone(), row.replace("Cell biology", "Genetics")].concat());
    let cut = w.path("cut2.ods");
    rezip(&o, &cut, |n, b| Some(if n == "content.xml" { b[..b.len() - 300].to_vec() } else { b }));
    let err = w.fails(&["import", "modules", cut.to_str().unwrap()]);
    assert!(err.contains("cannot be read: its content.xml is cut short or malformed at byte "), "{err}");
    let words = err.split(" at byte ").nth(1).and_then(|s| s.split(';').next()).unwrap_or_default();
    assert!(!words.is_empty() && err.matches(words).count() == 1, "{words:?} said once: {err}");
    // Cut after a row (calamine would never finish reading it).
    let after_row = w.path("cut3.ods");
    rezip(&o, &after_row, |n, b| {
        Some(if n == "content.xml" {
            let end = String::from_utf8_lossy(&b).find("</table:table-row>").unwrap() + "</table:table-row>".len();
            b[..end].to_vec()
        } else {
            b
        })
    });
    let err = w.fails(&["import", "modules", after_row.to_str().unwrap()]);
    assert!(err.contains("its content.xml ends before its last 4 elements close (cut short)"), "{err}");
}

const CI_V1: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CurriculumInventory xmlns="http://ns.medbiq.org/curriculuminventory/v1/" xmlns:hx="http://ns.medbiq.org/lom/extend/v1/">
  <Program><ProgramName>MBChB</ProgramName></Program>
  <Events>
    <Event id="E1"><Title>Colonial medicine</Title><EventDuration>PT60M</EventDuration>
      <Interprofessional>false</Interprofessional><ResourceType sourceID="RE004">Clinical Correlation</ResourceType></Event>
    <Event id="E2"><Title>Electives fair</Title></Event>
    <Event id="E9"><Title>Never scheduled</Title></Event>
  </Events>
  <AcademicLevels><LevelsInProgram>4</LevelsInProgram>
    <Level number="1"><Label>Phase 1</Label></Level><Level number="2"><Label>Phase 2</Label></Level>
    <Level number="3"><Label>Phase 3</Label></Level><Level number="4"><Label>Phase 4</Label></Level>
  </AcademicLevels>
  <Sequence>
    <SequenceBlock id="1" required="Required" track="false">
      <Title>Foundations</Title>
      <Level>/CurriculumInventory/AcademicLevels/Level[@number='1']</Level>
      <SequenceBlockEvent required="true"><EventReference>/CurriculumInventory/Events/Event[@id='E1']</EventReference><StartDate>2025-09-02</StartDate></SequenceBlockEvent>
    </SequenceBlock>
    <SequenceBlock id="3" required="Optional" track="true">
      <Title>Electives</Title>
      <Level>/CurriculumInventory/AcademicLevels/Level[@number='4']</Level>
      <SequenceBlockEvent required="false"><EventReference>/CurriculumInventory/Events/Event[@id='E2']</EventReference></SequenceBlockEvent>
    </SequenceBlock>
  </Sequence>
</CurriculumInventory>
"#;

#[test]
fn curriculum_inventory_levels_spans_and_namespaces() {
    let w = Workdir::new();
    let f = w.write("ci.xml", CI_V1);
    let err = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    let years = |w: &Workdir| {
        (w.count("SELECT year FROM module WHERE code = '1'"), w.count("SELECT year FROM module WHERE code = '3'"))
    };
    assert_eq!(years(&w), (1, 4), "v1 <Level> is read as the year");
    for want in [
        "note: not stored (canon has no field for these; [element] and how many):",
        "  - event durations [EventDuration]: 1 (PT60M)",
        "  - whether an event is interprofessional [Interprofessional]: 1 (false)",
        "  - event resource types [ResourceType]: 1 (Clinical Correlation)",
        "  - the number of levels in the programme [LevelsInProgram]: 1 (4)",
        "  - whether a block is required, optional or required in a track [SequenceBlock@required]: 2 (Required, Optional)",
        "  - whether a block is a track [SequenceBlock@track]: 2 (false, true)",
        "  - whether an event is required in its block [SequenceBlockEvent@required]: 2 (true, false)",
        "  - the dates of events in their blocks (start) [StartDate]: 1 (2025-09-02)",
        "  - 1 event that no sequence block references (E9)",
    ] {
        assert!(err.contains(want), "{want:?} in\n{err}");
    }
    // A block spanning levels: stored in its first year, and said so.
    let span = CI_V1.replace(
        "<Level>/CurriculumInventory/AcademicLevels/Level[@number='4']</Level>",
        "<SequenceBlockLevels><StartingAcademicLevel>/CurriculumInventory/AcademicLevels/Level[@number='2']</StartingAcademicLevel>\
         <EndingAcademicLevel>/CurriculumInventory/AcademicLevels/Level[@number='3']</EndingAcademicLevel></SequenceBlockLevels>",
    );
    let s = Workdir::new();
    let err = s.ok_stderr(&["import", "modules", s.write("span.xml", &span).to_str().unwrap()]);
    assert!(
        err.contains(
            "note: sequence block 3 \"Electives\" (line 20) spans academic levels 2 to 3 (Phase 2 to Phase 3); canon \
             keeps one year per module, so it is stored as year 2, its first"
        ),
        "{err}"
    );
    assert_eq!(years(&s), (1, 2));
    // A prefixed root is the same document.
    let prefixed = CI_V1
        .replace("<CurriculumInventory xmlns=", "<ci:CurriculumInventory xmlns:ci=")
        .replace("</CurriculumInventory>", "</ci:CurriculumInventory>")
        .replace(" xmlns:hx=", " xmlns=\"http://ns.medbiq.org/curriculuminventory/v1/\" xmlns:hx=");
    let p = Workdir::new();
    p.ok(&["import", "modules", p.write("prefixed.xml", &prefixed).to_str().unwrap()]);
    assert_eq!(items(&p), items(&w));
    let only_prefix = CI_V1
        .replace("<CurriculumInventory xmlns=", "<ci:CurriculumInventory xmlns:ci=")
        .replace("</CurriculumInventory>", "</ci:CurriculumInventory>");
    let q = Workdir::new();
    q.ok(&["import", "modules", q.write("prefixed-root.xml", &only_prefix).to_str().unwrap()]);
    assert_eq!(q.count("SELECT count(*) FROM module"), 2);
    // An unknown version is refused, saying what is expected.
    let v2 = CI_V1.replace("curriculuminventory/v1/", "curriculuminventory/v2/");
    let v = Workdir::new();
    v.ok(&["init"]);
    let f2 = v.write("v2.xml", &v2);
    let err = v.fails(&["import", "modules", f2.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{}:2:1: the root <CurriculumInventory> is in the namespace http://ns.medbiq.org/curriculuminventory/v2/, \
             which canon does not read; expected the namespace http://ns.medbiq.org/curriculuminventory/v1/",
            f2.display()
        )),
        "{err}"
    );
    assert_eq!(v.count("SELECT count(*) FROM module"), 0);
}

#[test]
fn outcome_lists_lose_their_list_markers_and_say_so_once() {
    let w = Workdir::new();
    let f = w.write(
        "ilos.csv",
        "Module Code,Module Name,Intended Learning Outcomes\n\
         MED2007,EBM,\"• Critique race as a variable\n• Appraise an RCT for bias\"\n\
         MED2007,EBM,\"1. Evaluate representativeness; 2. Describe consent\"\n\
         MED2008,Ethics,\"a) Discuss Tuskegee\nb) Explain trust\"\n\
         MED2008,Ethics,Reflect on practice\n",
    );
    let err = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    assert_eq!(err.matches("list marker").count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "note: {}:2: the list marker (\"• \", \"- \", \"1. \", \"a) \"…) at the start of 6 learning outcomes is \
             left out of its item's title and outcome (the first here)",
            f.display()
        )),
        "{err}"
    );
    let titles: Vec<String> = items(&w).into_iter().map(|i| i.3).collect();
    assert_eq!(
        titles,
        [
            "Appraise an RCT for bias",
            "Critique race as a variable",
            "Describe consent",
            "Evaluate representativeness",
            "Discuss Tuskegee",
            "Explain trust",
            "Reflect on practice"
        ]
    );
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes LIKE '•%' OR outcomes LIKE '1.%'"), 0);
}

#[test]
fn the_gaps_sheet_has_the_columns_of_canon_gaps() {
    let w = Workdir::new();
    w.ok(&["import", "modules", &sample("modules.csv")]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let cli = w.ok(&["gaps", "--format", "csv"]);
    let cli_head = cli.lines().next().unwrap().to_string();
    w.ok(&["report", "committee.xlsx"]);
    w.ok(&["report", "folder", "--format", "csv"]);
    let folder = std::fs::read_to_string(w.path("folder/gaps.csv")).unwrap();
    assert_eq!(folder.lines().next().unwrap(), cli_head, "one vocabulary for the gaps table");
    assert!(cli_head.contains("candidate_readings") && cli_head.ends_with(",sessions"), "{cli_head}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(w.path("committee.xlsx")).unwrap();
    let gaps = wb.worksheet_range("gaps").unwrap();
    let head: Vec<String> = gaps.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(head.join(","), cli_head);
    // The same rows, cell for cell, as the CLI's table.
    let cli_rows: Vec<Vec<String>> = csv::Reader::from_reader(cli.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let sheet_rows: Vec<Vec<String>> =
        gaps.rows().skip(1).map(|r| r.iter().map(|c| c.to_string()).collect()).take(cli_rows.len()).collect();
    assert_eq!(sheet_rows, cli_rows);
}

/// Issue 14c: a cell's text is exactly what the spreadsheet shows. Rich-text
/// runs in shared and inline strings keep the spaces at their edges without
/// `xml:space="preserve"` ("Genetics " + "and race"); a phonetic guide is no
/// part of the text; an OpenDocument paragraph's white space follows the
/// OpenDocument rules (a run of spaces and line ends is one space, so a
/// pretty-printed outcome is not split into two), its spans and `text:s`
/// spaces kept.
#[test]
fn rich_text_runs_and_opendocument_spaces_read_as_shown() {
    let w = Workdir::new();
    let f = w.path("rich.xlsx");
    let sst = [
        "<si><r><rPr><b/></rPr><t>Genetics </t></r><r><t>and race</t></r></si>",
        "<si><r><t>Critique </t></r><r><rPr><i/></rPr><t>race-based</t></r><r><t> eGFR &amp; </t></r>\
         <r><t>spirometry</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>",
        "<si><t>Plain</t></si>",
        "<si><r><t xml:space=\"preserve\">Skin </t></r><r><t>tone_x0020_</t></r><r><t>and diagnosis</t></r></si>",
    ]
    .concat();
    let s = |col: &str, r: u32, i: u32| format!("RAW:<c r=\"{col}{r}\" t=\"s\"><v>{i}</v></c>");
    let rows = [
        inline_row(1, HEAD),
        inline_row(2, &["MBBS", "1", "MED201", "Cardio", &s("E", 2, 0), &s("F", 2, 1)]),
        inline_row(3, &["MBBS", "1", "MED201", "Cardio", &s("E", 3, 2), &s("F", 3, 3)]),
        inline_row(
            4,
            &[
                "MBBS",
                "1",
                "MED201",
                "Cardio",
                "RAW:<c r=\"{}\" t=\"inlineStr\"><is><r><t>Pulse </t></r><r><t>oximetry</t></r></is></c>",
                "RAW:<c r=\"{}\" t=\"inlineStr\"><is><r><t>Explain </t></r><r><t>bias</t></r></is></c>",
            ],
        ),
    ]
    .concat();
    raw_xlsx_sst(&f, &rows, &sst);
    w.ok(&["import", "modules", f.to_str().unwrap()]);
    let got: Vec<(String, String)> = items(&w).into_iter().map(|i| (i.3, i.4)).collect();
    assert_eq!(
        got,
        [
            ("Genetics and race".to_string(), "Critique race-based eGFR & spirometry".to_string()),
            ("Plain".into(), "Skin tone and diagnosis".into()),
            ("Pulse oximetry".into(), "Explain bias".into()),
        ]
    );

    let o = Workdir::new();
    let f = o.path("rich.ods");
    let cell = |p: &str| format!("RAW:<table:table-cell office:value-type=\"string\">{p}</table:table-cell>");
    let rows = [
        ods_row(HEAD, ""),
        ods_row(
            &[
                "MBBS",
                "1",
                "MED201",
                "Cardio",
                &cell("<text:p>Genetics <text:span text:style-name=\"T1\">and race</text:span></text:p>"),
                // Pretty-printed: one outcome, not two.
                &cell("<text:p>\n        Describe the social\n        model of disability\n      </text:p>"),
            ],
            "",
        ),
        ods_row(
            &[
                "MBBS",
                "1",
                "MED201",
                "Cardio",
                &cell("<text:p>  <text:span>Colonial</text:span><text:s/> history</text:p>"),
                &cell("<text:p>Explain consent</text:p><text:p>  Critique   trust</text:p>"),
            ],
            "",
        ),
    ];
    raw_ods(&f, &rows.concat());
    o.ok(&["import", "modules", f.to_str().unwrap()]);
    let got: Vec<(String, String)> = items(&o).into_iter().map(|i| (i.3, i.4)).collect();
    assert_eq!(
        got,
        [
            // A title is one line, single-spaced, as every import stores it.
            ("Colonial history".to_string(), "Explain consent\nCritique trust".to_string()),
            ("Genetics and race".into(), "Describe the social model of disability".into()),
        ]
    );
}

/// Issue 14c: a header of two rows, group labels merged across columns
/// over sub-headers, is one header: each column is read by its sub-header,
/// or by "Label Sub" where the sub-header alone names nothing or is
/// repeated; the dry run names both rows; every column is accounted for;
/// a title merged across the whole table stays a title row.
#[test]
fn a_two_row_header_is_read_as_one_in_xlsx_and_ods() {
    let w = Workdir::new();
    let f = w.path("map.xlsx");
    {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Map").unwrap();
        let plain = rust_xlsxwriter::Format::new();
        ws.merge_range(0, 0, 0, 6, "MBBS Curriculum Map 2025-26", &plain).unwrap();
        ws.merge_range(2, 0, 3, 0, "Module Code", &plain).unwrap();
        ws.merge_range(2, 1, 3, 1, "Module Title", &plain).unwrap();
        ws.merge_range(2, 2, 3, 2, "Year", &plain).unwrap();
        ws.merge_range(2, 3, 2, 4, "Session", &plain).unwrap();
        ws.merge_range(2, 5, 2, 6, "Reading", &plain).unwrap();
        for (c, h) in ["Title", "Outcomes", "Title", "Pages"].iter().enumerate() {
            ws.write_string(3, 3 + c as u16, *h).unwrap();
        }
        let rows = [
            [
                "MED101",
                "Foundations",
                "Year 1",
                "Race and genetics",
                "Critique race as biology",
                "Roberts 2011",
                "1-20",
            ],
            ["MED101", "Foundations", "Year 1", "Colonial medicine", "Explain colonial histories", "", ""],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                ws.write_string(4 + r as u32, c as u16, *v).unwrap();
            }
        }
        wb.save(&f).unwrap();
    }
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(&format!("note: reading sheet \"Map\" of {f} (header on rows 3–4)")), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "note: {f}:Map!A3: the header takes two rows (3 and 4): row 3's group labels \"Session\" (D3:E3), \
             \"Reading\" (F3:G3) over the sub-headers of row 4, read as D4 \"Title\" → \"Session Title\", E4 \
             \"Outcomes\", F4 \"Title\" → \"Reading Title\", G4 \"Pages\""
        )),
        "{stderr}"
    );
    for line in [
        "column D   \"Session Title\" → session_title",
        "column E   \"Outcomes\" → learning_outcomes",
        "column A   \"Module Code\" → module_code",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    // The columns canon has no field for are named, never dropped silently.
    assert!(stderr.contains("\"Reading Title\"") && stderr.contains("\"Pages\""), "{stderr}");
    assert!(stdout.contains("new        row  5      MED101 · Race and genetics"), "{stdout}");
    assert!(stdout.contains("A1 \"MBBS Curriculum Map 2025-26\" (above the header"), "{stdout}");
    w.ok(&["import", "modules", f]);
    let got: Vec<(String, Option<i64>, String, String)> = items(&w).into_iter().map(|i| (i.0, i.1, i.3, i.4)).collect();
    assert_eq!(
        got,
        [
            ("MED101".to_string(), Some(1), "Colonial medicine".to_string(), "Explain colonial histories".to_string()),
            ("MED101".into(), Some(1), "Race and genetics".into(), "Critique race as biology".into()),
        ]
    );

    // .ods, with no cell merged down: "Module" over "Code | Title" and
    // "Session" over "Title | Outcomes" ("Code" alone names the module code).
    let o = Workdir::new();
    let p = o.path("map.ods");
    let group = |label: &str| {
        format!(
            "RAW:<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>{label}\
             </text:p></table:table-cell><table:covered-table-cell/>"
        )
    };
    let rows = [
        ods_row(&[&group("Module"), &group("Session")], ""),
        ods_row(&["Code", "Title", "Title", "Outcomes"], ""),
        ods_row(&["MED201", "Cardio", "Pulse oximetry", "Critique device bias"], ""),
    ];
    raw_ods(&p, &rows.concat());
    let p = p.to_str().unwrap();
    let (code, stdout, stderr) = run(&o, &["import", "modules", p, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("(header on rows 1–2)"), "{stderr}");
    assert!(
        stderr.contains(
            "read as A2 \"Code\", B2 \"Title\" → \"Module Title\", C2 \"Title\" → \"Session Title\", D2 \"Outcomes\""
        ),
        "{stderr}"
    );
    assert!(stdout.contains("new        row  3      MED201 · Pulse oximetry"), "{stdout}");
    o.ok(&["import", "modules", p]);
    let got: Vec<(String, String, String)> = items(&o).into_iter().map(|i| (i.0, i.3, i.4)).collect();
    assert_eq!(got, [("MED201".to_string(), "Pulse oximetry".to_string(), "Critique device bias".to_string())]);
}

/// Issue 14c: outcomes stored with their list markers (imported before
/// markers were dropped) are the same outcomes when the list comes again
/// without them: renamed in place (their IDs and tags kept), never
/// duplicated, and the dry run says why. A workbook and a CSV alike.
#[test]
fn outcomes_stored_with_list_markers_are_matched_not_duplicated() {
    let w = Workdir::new();
    let f = w.write(
        "ilos.csv",
        "Module Code,Module Name,Intended Learning Outcomes\n\
         MED2007,EBM,\"• Critique race as a variable\n• Appraise an RCT for bias\"\n\
         MED2008,Ethics,\"a) Discuss Tuskegee\nb) Explain trust\"\n",
    );
    let f = f.to_str().unwrap();
    w.ok(&["import", "modules", f]);
    // As an import before markers were dropped stored them.
    for (item, old) in [
        ("MED2007/Critique race as a variable", "• Critique race as a variable"),
        ("MED2008/Discuss Tuskegee", "a) Discuss Tuskegee"),
    ] {
        w.ok(&["item", "edit", item, "--title", old, "--outcome", old, "--by", "amina"]);
    }
    w.ok(&["theme", "add", "race", "--name", "Race", "--by", "amina"]);
    w.ok(&["tag", "MED2007/• Critique race as a variable", "race", "--by", "amina"]);
    let ids = w.count("SELECT sum(id) FROM item");
    let (code, stdout, stderr) = run(&w, &["import", "modules", f, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "title: \"• Critique race as a variable\" → \"Critique race as a variable\" (the same outcome, its list \
             marker dropped)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("title: \"a) Discuss Tuskegee\" → \"Discuss Tuskegee\" (the same outcome"), "{stdout}");
    assert!(stderr.contains("0 new, 2 changed, 2 unchanged"), "{stderr}");
    w.ok(&["import", "modules", f]);
    assert_eq!(w.count("SELECT count(*) FROM item"), 4);
    assert_eq!(w.count("SELECT sum(id) FROM item"), ids, "the same items");
    let titles: Vec<String> = items(&w).into_iter().map(|i| i.3).collect();
    assert_eq!(
        titles,
        ["Appraise an RCT for bias", "Critique race as a variable", "Discuss Tuskegee", "Explain trust"]
    );
    assert_eq!(w.count("SELECT count(*) FROM item_tag"), 1, "the tag stays on the renamed outcome");

    // The same from a workbook: nothing new the second time.
    let x = w.path("ilos.xlsx");
    grid(
        &x,
        "ILOs",
        &[&["Module Code", "Module Name", "Intended Learning Outcomes"], &["MED2008", "Ethics", "1. Explain trust"]],
    );
    w.ok(&["item", "edit", "MED2008/Explain trust", "--title", "1. Explain trust", "--by", "amina"]);
    let err = w.ok_stderr(&["import", "modules", x.to_str().unwrap()]);
    assert!(err.contains("0 new, 1 changed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 4);
}

/// Issue 14c: what canon cannot see in an `.xls` sheet (calamine gives
/// neither number formats nor hidden rows) is said, naming the cells read
/// in the General format, never guessed silently.
#[test]
fn an_xls_sheet_says_what_its_formats_and_hidden_rows_hide() {
    let w = Workdir::new();
    let x = data("faculty.xls");
    let (code, _, stderr) = run(&w, &["import", "modules", &x, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    for note in [
        format!("note: {x}: canon cannot see which rows and columns of an .xls sheet are hidden"),
        format!(
            "note: {x}: an .xls file's number formats cannot be read (calamine gives only the value), so 1 number \
             cell (C4) is read in the General format (0.5, not 50%; 7, not 007; 2.50 as 2.5); check it"
        ),
        format!("note: {x}: 1 date or time cell of the .xls sheet is read by value"),
    ] {
        assert!(stderr.contains(&note), "{note}\n{stderr}");
    }
    // An .xlsx says none of this.
    let (_, _, stderr) = run(&w, &["import", "modules", &data("faculty.xlsx"), "--dry-run"]);
    assert!(!stderr.contains(".xls sheet") && !stderr.contains("number formats cannot"), "{stderr}");
}

/// A file named as a workbook that holds text (a CSV saved under the wrong
/// name, or "hello") is read as text, and the user is told so before any
/// message about its columns: whatever follows is about text, not a sheet.
#[test]
fn text_named_as_a_workbook_is_said_to_be_text() {
    let w = Workdir::new();
    let fake = w.write("fake.xlsx", "hello\n");
    let err = w.fails(&["import", "modules", &fake.display().to_string()]);
    assert!(err.contains("fake.xlsx is named .xlsx but holds text, not a workbook"), "{err}");
    assert!(!w.path("canon.db").exists(), "nothing written");
    let csv = w.write("list.xlsx", "programme,year,module_code,module_title,session_title\nMBBS,1,MED1,Cells,DNA\r\n");
    let out = w.ok_stderr(&["--quiet", "import", "modules", &csv.display().to_string()]);
    assert!(out.contains("list.xlsx is named .xlsx but holds text"), "said even when quiet: {out}");
    let reading = w.write("refs.ods", "title,year\nA book,2001\n");
    let out = w.ok_stderr(&["import", "reading", &reading.display().to_string()]);
    assert!(out.contains("refs.ods is named .ods but holds text"), "{out}");
}
