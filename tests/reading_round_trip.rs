//! Readings are never made poorer (issue 10): duplicates fill blanks and
//! keep the fuller title and author list, possible duplicates are flagged,
//! the spreadsheet round trip applies emptied cells, removed themes and
//! status changes (through the review rules), the formula guard comes off
//! again, and an approval on import is told apart from a review.

mod common;

use common::Workdir;

fn run(w: &Workdir, args: &[&str]) -> (i32, String, String) {
    let out = w.cmd(args).output().expect("run canon");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

const BRAUN_FULL: &str =
    "Breathing Race into the Machine: The Surprising Career of the Spirometer from Plantation to Genetics";

#[test]
fn the_subtitle_duplicate_is_flagged() {
    let w = Workdir::new();
    let f = w.write(
        "list.csv",
        format!(
            "title,authors,year,type\n\
             \"{BRAUN_FULL}\",\"Braun, Lundy\",2014,book\n\
             Breathing Race into the Machine,Lundy Braun,2014,book\n\
             \"Breathing Race into the Machine: A Reply\",\"Okafor, Adaeze\",2014,article\n\
             Breathing Race into the Machine,\"Braun, Lundy\",2015,book\n"
        ),
    );
    let (code, stdout, stderr) = run(&w, &["import", "reading", f.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("new        line 3      \"Breathing Race into the Machine\" (2014)"), "{stdout}");
    assert!(
        stdout.contains("possible duplicate of entry") && stdout.contains("(same first author, year and main title)"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("possible duplicate").count(), 1, "another author or year is another work: {stdout}");
    assert!(
        stderr.contains("4 new") && stderr.contains("; 1 possible duplicate flagged above, each with its reason"),
        "{stderr}"
    );
    let stderr = w.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
    assert!(
        stderr.contains("note: ")
            && stderr.contains(":3: \"Breathing Race into the Machine\" (2014): possible duplicate"),
        "{stderr}"
    );
    // Later, from another list: flagged against what is stored.
    let later = w.write("later.bib", "@book{b, author = {Braun, L.}, title = {Breathing race into the machine: the surprising career}, year = 2014}\n");
    let (_, stdout, _) = run(&w, &["import", "reading", later.to_str().unwrap(), "--dry-run"]);
    assert_eq!(stdout.matches("possible duplicate of entry").count(), 2, "{stdout}");
}

#[test]
fn a_duplicate_fills_blanks_and_never_makes_a_record_poorer() {
    let w = Workdir::new();
    let first = w.write(
        "first.csv",
        format!(
            "title,authors,year,type,doi,notes\n\
             \"{BRAUN_FULL}\",\"Braun, Lundy; Roe, Jane; Okafor, Adaeze\",2014,book,10.5749/j.ctt9qh2hf,Read chapter 1\n"
        ),
    );
    w.ok(&["import", "reading", first.to_str().unwrap()]);
    let other = w.write(
        "other.csv",
        "title,authors,year,type,doi,url,notes,container\n\
         Breathing Race into the Machine,\"Braun, L.\",2014,book,https://doi.org/10.5749/J.CTT9QH2HF,https://example.org/braun,,University of Minnesota Press\n",
    );
    let (code, stdout, stderr) = run(&w, &["import", "reading", other.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("changed    line 2") && stdout.contains("same DOI"), "{stdout}");
    assert!(stdout.contains("url: (empty) → \"https://example.org/braun\""), "blanks are filled: {stdout}");
    assert!(stdout.contains("container: (empty) → \"University of Minnesota Press\""), "{stdout}");
    assert!(stdout.contains("title: kept \"Breathing Race into the Machine: The Surprising"), "{stdout}");
    assert!(stdout.contains("authors: kept the fuller list (3 names; the file has 1)"), "{stdout}");
    assert!(!stdout.contains("annotation:"), "an empty cell erases nothing: {stdout}");
    w.ok(&["import", "reading", other.to_str().unwrap()]);
    let r = w.json(&["reading", "show", "10.5749/j.ctt9qh2hf", "--format", "json"]);
    assert_eq!(r["title"], BRAUN_FULL);
    assert_eq!(r["authors"].as_array().unwrap().len(), 3);
    assert_eq!(r["annotation"], "Read chapter 1");
    assert_eq!(r["url"], "https://example.org/braun");
    // A longer list of the same work is taken, and says so.
    let more = w.write(
        "more.csv",
        "title,authors,year,doi\nBreathing Race into the Machine,\"Braun, Lundy; Roe, Jane; Okafor, Adaeze; Sjoding, Michael\",2014,10.5749/j.ctt9qh2hf\n",
    );
    let (_, stdout, _) = run(&w, &["import", "reading", more.to_str().unwrap(), "--dry-run"]);
    assert!(
        stdout.contains("authors: [\"Braun, Lundy\",\"Roe, Jane\",\"Okafor, Adaeze\"] → [\"Braun, Lundy\""),
        "{stdout}"
    );
}

/// Exports the reading list as CSV and returns the header and rows.
fn export(w: &Workdir, extra: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut args = vec!["export", "reading", "--format", "csv"];
    args.extend_from_slice(extra);
    let csv = w.ok(&args);
    let mut r = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect();
    (headers, rows)
}

fn write_csv(w: &Workdir, name: &str, headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(headers).unwrap();
    for r in rows {
        out.write_record(r).unwrap();
    }
    w.write(name, out.into_inner().unwrap()).to_str().unwrap().to_string()
}

fn col(headers: &[String], name: &str) -> usize {
    headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} column in {headers:?}"))
}

#[test]
fn a_round_trip_that_empties_a_cell_and_removes_a_theme() {
    let w = Workdir::new();
    let list = w.write(
        "list.csv",
        "title,authors,year,type,doi,url,themes,notes,isbn\n\
         Racial Bias in Pulse Oximetry Measurement,\"Sjoding, Michael W.\",2020,article,10.1056/NEJMc2029240,https://nejm.org/x,epistemic-bias;historical-awareness,Read with the respiratory module,\n\
         =HYPERLINK(\"evil\"),\"-Someone\",2021,web,,,,,978-0-385-50993-0\n",
    );
    w.ok(&["import", "reading", list.to_str().unwrap(), "--by", "amina"]);
    let (headers, mut rows) = export(&w, &["--bom"]);
    // The export carries every column the import reads.
    // (A sheet's full `date` column is read into the year, month and day
    // the export writes, each its own column: tester r77 F2.)
    let mut read: Vec<&str> =
        canon::import::reading_csv::FIELDS.iter().map(|f| f.name).filter(|n| *n != "date").collect();
    let mut written: Vec<&str> = headers.iter().map(String::as_str).collect();
    read.sort_unstable();
    written.sort_unstable();
    assert_eq!(read, written);
    for part in ["year", "month", "day"] {
        assert!(written.contains(&part), "{written:?}");
    }
    let (title, notes, themes, url) =
        (col(&headers, "title"), col(&headers, "notes"), col(&headers, "themes"), col(&headers, "url"));
    let oxi = rows.iter().position(|r| r[title].starts_with("Racial Bias")).unwrap();
    let evil = 1 - oxi;
    assert_eq!(rows[evil][title], "'=HYPERLINK(\"evil\")", "the export guards formula-like cells");
    assert_eq!(rows[evil][col(&headers, "isbn")], "9780385509930");
    // The spreadsheet user empties the notes cell and drops a theme.
    rows[oxi][notes] = String::new();
    rows[oxi][themes] = "epistemic-bias".into();
    let path = write_csv(&w, "edited.csv", &headers, &rows);
    let (code, stdout, stderr) = run(&w, &["import", "reading", &path, "--dry-run", "--by", "amina"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("annotation: \"Read with the respiratory module\" → (empty)"), "{stdout}");
    assert!(stdout.contains("themes: − historical-awareness"), "{stdout}");
    assert!(
        stdout.contains("unchanged  line 3      \"=HYPERLINK(\\\"evil\\\")\" (2021)"),
        "the guard comes off again: the row is unchanged: {stdout}"
    );
    assert!(stderr.contains("0 new, 1 changed, 1 unchanged"), "{stderr}");
    w.ok(&["import", "reading", &path, "--by", "amina"]);
    let r = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert!(r["annotation"].is_null(), "{r}");
    assert_eq!(r["themes"], serde_json::json!(["epistemic-bias"]));
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = '=HYPERLINK(\"evil\")'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE name = '-Someone'"), 1);
    // Both are in the history, and undo brings the theme back.
    assert_eq!(
        w.count("SELECT count(*) FROM history WHERE entity = 'reading' AND action = 'update' AND before LIKE '%respiratory module%'"),
        1
    );
    let untag = w.json(&["log", "--entity", "reading_tag", "--format", "json"]);
    let untag = untag.as_array().unwrap().iter().find(|e| e["action"] == "delete").unwrap();
    w.ok(&["undo", &untag["id"].as_i64().unwrap().to_string(), "--by", "amina"]);
    let r = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert_eq!(r["themes"], serde_json::json!(["epistemic-bias", "historical-awareness"]));

    // A column deleted from the sheet leaves that field as it is; an emptied themes cell is no theme.
    // The sheet exported before the undo is stale: the theme the undo brought back stays (10c).
    let no_url = |rows: &[Vec<String>], headers: &[String], name: &str| {
        let url = col(headers, "url");
        let keep: Vec<usize> = (0..headers.len()).filter(|&i| i != url).collect();
        let h2: Vec<String> = keep.iter().map(|&i| headers[i].clone()).collect();
        let mut rows2: Vec<Vec<String>> = rows.iter().map(|r| keep.iter().map(|&i| r[i].clone()).collect()).collect();
        let oxi = rows2.iter().position(|r| r[col(&h2, "title")].starts_with("Racial Bias")).unwrap();
        rows2[oxi][col(&h2, "themes")] = String::new();
        write_csv(&w, name, &h2, &rows2)
    };
    let _ = url;
    let stale = no_url(&rows, &headers, "no-url-stale.csv");
    let err = w.ok_stderr(&["import", "reading", &stale, "--by", "amina"]);
    assert!(err.contains("was changed after this file was exported") && err.contains("its themes is kept"), "{err}");
    let r = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert_eq!(r["themes"], serde_json::json!(["historical-awareness"]), "the undone untag stands; the other goes");
    let (headers, rows) = export(&w, &[]);
    let path = no_url(&rows, &headers, "no-url.csv");
    w.ok(&["import", "reading", &path, "--by", "amina"]);
    let r = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert_eq!(r["url"], "https://nejm.org/x");
    assert_eq!(r["themes"], serde_json::json!([]));
}

#[test]
fn export_bom_is_for_excel_and_reimports() {
    let w = Workdir::new();
    w.ok(&["reading", "add", "--title", "Ngũgĩ: Decolonising the Mind", "--by", "amina"]);
    let out = w.cmd(&["export", "reading", "--format", "csv", "--bom", "-o", "r.csv"]).output().unwrap();
    assert!(out.status.success());
    let bytes = std::fs::read(w.path("r.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,changed,title,"), "{:?}", &bytes[..12]);
    let again = w.ok_stderr(&["import", "reading", w.path("r.csv").to_str().unwrap(), "--by", "amina"]);
    assert!(again.contains("nothing changed"), "{again}");
    let err = w.fails(&["export", "reading", "--format", "json", "--bom"]);
    assert!(err.contains("--bom applies to --format csv"), "{err}");
}

#[test]
fn a_status_in_the_sheet_goes_through_the_review_rules() {
    let w = Workdir::new();
    let id = w.ok(&["reading", "add", "--title", "Medical Apartheid", "--year", "2006", "--by", "student-7"]);
    let id = id.trim().to_string();
    let (headers, mut rows) = export(&w, &[]);
    let status = col(&headers, "status");
    rows[0][status] = "approved".into();
    let path = write_csv(&w, "approve.csv", &headers, &rows);
    let err = w.fails(&["import", "reading", &path]);
    assert!(
        err.contains("approve.csv:2:14: status of entry")
            && err.contains("that is a review; name the reviewer with --by"),
        "{err}"
    );
    let err = w.fails(&["import", "reading", &path, "--by", "student-7"]);
    assert!(err.contains("approve.csv:2:14: you suggested \"Medical Apartheid\" yourself"), "{err}");
    let (code, stdout, _) = run(&w, &["import", "reading", &path, "--by", "maintainer", "--dry-run"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("status: suggested → approved (a review by maintainer)"), "{stdout}");
    w.ok(&["import", "reading", &path, "--by", "maintainer"]);
    assert_eq!(w.count(&format!("SELECT count(*) FROM review WHERE reading_id = {id} AND status = 'approved'")), 1);
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains("approved by maintainer in a review"), "{show}");
    // A decision is not taken back to "suggested" by a sheet: not by the sheet exported
    // before it (its status is kept as stored, with a warning: 10c), nor by a fresh one.
    rows[0][status] = "suggested".into();
    let path = write_csv(&w, "stale.csv", &headers, &rows);
    let err = w.ok_stderr(&["import", "reading", &path, "--by", "maintainer"]);
    assert!(err.contains("was changed after this file was exported") && err.contains("its status is kept"), "{err}");
    let (headers, mut rows) = export(&w, &[]);
    rows[0][col(&headers, "status")] = "suggested".into();
    let path = write_csv(&w, "back.csv", &headers, &rows);
    let err = w.fails(&["import", "reading", &path, "--by", "maintainer"]);
    assert!(err.contains("cannot take a review decision back to suggested"), "{err}");
}

#[test]
fn an_approval_on_import_is_told_apart_from_a_review() {
    let w = Workdir::new();
    let list = w.write(
        "list.csv",
        "title,authors,year,doi\nRacial Bias in Pulse Oximetry Measurement,\"Sjoding, Michael W.\",2020,10.1056/NEJMc2029240\n",
    );
    w.ok(&["import", "reading", list.to_str().unwrap(), "--by", "amina"]);
    let show = w.ok(&["reading", "show", "10.1056/NEJMc2029240"]);
    assert!(
        show.contains("status       approved on import by amina (")
            && show.contains("from ")
            && show.contains("not reviewed)"),
        "{show}"
    );
    assert!(show.contains("insert by amina — approved on import by amina"), "{show}");
    let json = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert_eq!(json["decision"]["how"], "import");
    assert_eq!(json["decision"]["by"], "amina");
    w.ok(&["review", "10.1056/NEJMc2029240", "--approve", "--by", "maintainer", "--note", "checked"]);
    let json = w.json(&["reading", "show", "10.1056/NEJMc2029240", "--format", "json"]);
    assert_eq!(json["decision"]["how"], "review");
    assert!(w.ok(&["reading", "show", "10.1056/NEJMc2029240"]).contains("approved by maintainer in a review ("));
    // Suggested on import: no decision yet.
    let s = w.write("s.csv", "title,year\nA suggestion,2024\n");
    w.ok(&["import", "reading", s.to_str().unwrap(), "--status", "suggested"]);
    let list = w.json(&["reading", "list", "--status", "suggested", "--format", "json"]);
    let id = list[0]["id"].as_i64().unwrap().to_string();
    assert!(w.json(&["reading", "show", &id, "--format", "json"])["decision"].is_null());
}

#[test]
fn a_merge_keeps_the_richer_copy_of_a_reading() {
    let w = Workdir::new();
    let b = w.path("b.db");
    let ours = w.write(
        "ours.csv",
        "title,authors,year,doi\nBreathing Race into the Machine,\"Braun, L.\",2014,10.5749/j.ctt9qh2hf\n",
    );
    let theirs = w.write(
        "theirs.csv",
        format!("title,authors,year,doi,notes\n\"{BRAUN_FULL}\",\"Braun, Lundy; Roe, Jane\",2014,10.5749/j.ctt9qh2hf,Read chapter 1\n"),
    );
    w.ok(&["import", "reading", ours.to_str().unwrap()]);
    w.ok_at(&b, &["import", "reading", theirs.to_str().unwrap()]);
    let out = w.ok_stderr(&["merge", b.to_str().unwrap(), "--by", "amina"]);
    assert!(out.contains("0 conflicts"), "blanks and fuller values are no conflict: {out}");
    let r = w.json(&["reading", "show", "10.5749/j.ctt9qh2hf", "--format", "json"]);
    assert_eq!(r["title"], BRAUN_FULL);
    assert_eq!(r["annotation"], "Read chapter 1");
    assert_eq!(r["authors"], serde_json::json!(["Braun, Lundy", "Roe, Jane"]));
    // The other way round, the richer copy stays richer.
    w.ok_at(&b, &["merge", w.db().to_str().unwrap(), "--by", "amina"]);
    let conn = rusqlite::Connection::open(&b).unwrap();
    let t: String = conn.query_row("SELECT title FROM reading", [], |r| r.get(0)).unwrap();
    assert_eq!(t, BRAUN_FULL);
}
