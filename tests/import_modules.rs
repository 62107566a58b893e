//! Module lists as faculty actually have them: the real files in
//! ../shared/corpus (skipped when absent) and the quirks of spreadsheet exports.

mod common;

use common::{Workdir, corpus};

/// Imports `rel` from the corpus with the given extra arguments; `None` when the corpus is absent.
fn import(w: &Workdir, rel: &str, extra: &[&str]) -> Option<(bool, String)> {
    let path = corpus(rel)?;
    let mut args = vec!["import", "modules", path.as_str()];
    args.extend_from_slice(extra);
    let out = w.cmd(&args).output().unwrap();
    Some((out.status.success(), String::from_utf8(out.stderr).unwrap()))
}

fn ok(w: &Workdir, rel: &str, extra: &[&str]) -> Option<String> {
    let (success, err) = import(w, rel, extra)?;
    assert!(success, "import of {rel} failed:\n{err}");
    Some(err)
}

fn refused(w: &Workdir, rel: &str, extra: &[&str]) -> Option<Vec<String>> {
    let (success, err) = import(w, rel, extra)?;
    assert!(!success, "import of {rel} should have failed:\n{err}");
    assert_eq!(w.count("SELECT count(*) FROM item") + w.count("SELECT count(*) FROM module"), 0, "{rel} wrote");
    let path = corpus(rel)?;
    // The problems, without the account of the header that comes first (tested on its own).
    Some(
        err.lines()
            .map(|l| l.replace(&path, "FILE"))
            .filter(|l| !l.starts_with("FILE: columns read:") && !l.starts_with("warning: FILE: "))
            .collect(),
    )
}

const ABC: &[&str] = &["--map", "a=module_code", "--map", "b=module_title", "--map", "c=session_title"];

#[test]
fn curriculum_tables_import_with_map() {
    let w = Workdir::new();
    let Some(out) = ok(
        &w,
        "curriculum/ilios_aamc_pcrs.csv",
        &["--map", "pcrs_id=module_code", "--map", "description=module_title", "--programme", "AAMC PCRS"],
    ) else {
        return;
    };
    assert!(out.contains("modules: 66 new"), "{out}");
    // Curly apostrophes kept, padding trimmed.
    assert_eq!(w.count("SELECT count(*) FROM module WHERE title LIKE '%one’s%'"), 2);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE title <> trim(title)"), 0);
    ok(
        &w,
        "curriculum/ilios_competency.csv",
        &["--map", "competency_id=module_code", "--map", "title=module_title", "--programme", "Ilios competencies"],
    );
    ok(
        &w,
        "curriculum/ilios_session_type.csv",
        &["--map", "session_type_id=module_code", "--map", "title=module_title", "--programme", "Ilios session types"],
    );
    ok(
        &w,
        "curriculum/ilios_aamc_method.csv",
        &["--map", "method_id=module_code", "--map", "description=module_title", "--programme", "AAMC methods"],
    );
    ok(
        &w,
        "curriculum/ilios_competency_x_aamc_pcrs.csv",
        &[
            "--map",
            "competency_id=module_code",
            "--map",
            "competency_id=module_title",
            "--map",
            "pcrs_id=session_title",
            "--programme",
            "Competency map",
        ],
    );
    assert_eq!(w.count("SELECT count(*) FROM programme"), 5);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE programme_id = (SELECT id FROM programme WHERE name = 'Ilios competencies')"), 35);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE programme_id = (SELECT id FROM programme WHERE name = 'Ilios session types')"), 131);
    assert_eq!(w.count("SELECT count(*) FROM item"), 35);
}

#[test]
fn a_missing_column_names_the_headers_and_the_map_fix() {
    let w = Workdir::new();
    let Some(err) = refused(&w, "curriculum/ilios_session_type.csv", &["--map", "session_type_id=module_code"]) else {
        return;
    };
    assert_eq!(
        err,
        [
            "canon: FILE:1:1: no column for module_title (required); headers found: \"`session_type_id`\", \"`title`\", \"`school_id`\", \"`calendar_color`\", \"`assessment`\", \"`assessment_option_id`\", \"`active`\"",
            "hint: name the column with --map, e.g. --map 'title=module_title'",
        ]
    );
}

#[test]
fn a_module_list_reusing_codes_is_refused_or_kept_with_renamed_codes() {
    let w = Workdir::new();
    let Some(err) = refused(&w, "curriculum/mti-medicine_module-list_raw.csv", &[]) else { return };
    assert_eq!(
        err[0],
        // The file's real (CRLF) lines: ECE III is on line 22, ECE I on line 13.
        "FILE:22:4: module code \"ECE1\" already names \"ECE I\" (line 13); expected one title per module code (fix the code, or pass --rename-duplicate-codes to keep both)"
    );
    assert_eq!(err.last().unwrap(), "5 problems in FILE; nothing imported");
    let out = ok(&w, "curriculum/mti-medicine_module-list_raw.csv", &["--rename-duplicate-codes"]).unwrap();
    assert!(out.contains("stored as \"MED7~3\""), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM module"), 49);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'MED7~3' AND title = 'Medicine IV'"), 1);
    // The same file again: the same codes, nothing changes.
    let again = ok(&w, "curriculum/mti-medicine_module-list_raw.csv", &["--rename-duplicate-codes"]).unwrap();
    assert!(again.contains("nothing changed"), "{again}");
    // The tool-header conversion of the same list lands on the same modules.
    let same = ok(&w, "curriculum/mti-medicine_module-list_tool-header.csv", &["--rename-duplicate-codes"]).unwrap();
    assert!(same.contains("nothing changed"), "{same}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE title = 'Genatics Module'"), 1, "typos are kept as given");
}

#[test]
fn messy_csv_quirks_are_read() {
    let w = Workdir::new();
    let Some(_) = ok(&w, "messy-csv/csvkit_mac_newlines.csv", ABC) else { return };
    // Old-Mac CR line ends, with a quoted line break inside a field.
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'Once upon a time'"), 1);
    let w = Workdir::new();
    ok(&w, "messy-csv/csvkit_test_utf16_big.csv", ABC);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'ʤ'"), 1);
    let w = Workdir::new();
    ok(&w, "messy-csv/csvkit_test_utf16_little.csv", ABC);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'ʤ'"), 1);
    let w = Workdir::new();
    ok(
        &w,
        "messy-csv/csvkit_test_utf8_bom.csv",
        &["--map", "foo=module_code", "--map", "bar=module_title", "--map", "baz=session_title"],
    );
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = 'ʤ'"), 1);
    let w = Workdir::new();
    let out = ok(&w, "messy-csv/csvkit_test_latin1.csv", ABC).unwrap();
    assert!(out.contains("reading it as windows-1252 (detected)"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title = '©'"), 1);
    let w = Workdir::new();
    ok(&w, "messy-csv/csvkit_test_skip_lines.csv", ABC);
    assert_eq!(w.count("SELECT count(*) FROM item"), 1);
    let w = Workdir::new();
    ok(&w, "messy-csv/csvkit_optional_quote_characters.csv", ABC);
    ok(&w, "messy-csv/csvkit_dummy_col_shuffled_ragged.csv", &["--map", "a=module_code", "--map", "b=module_title"]);
    ok(&w, "messy-csv/csvkit_test_locale.csv", &["--map", "a=module_code", "--map", "b=module_title"]);
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = '1,7' AND title = '200.000.000'"), 1);
    for f in ["messy-csv/sqlite-utils_sniff_example2.csv", "messy-csv/sqlite-utils_sniff_example4.csv"] {
        let w = Workdir::new();
        ok(&w, f, &["--map", "id=module_code", "--map", "name=module_title", "--map", "species=session_title"]);
        assert_eq!(w.count("SELECT count(*) FROM module"), 4, "{f}: ; and tab delimiters are detected");
    }
    let w = Workdir::new();
    let out = ok(
        &w,
        "messy-csv/rust-csv_uspop-latin1.csv",
        &["--map", "City=module_code", "--map", "State=module_title", "--rename-duplicate-codes"],
    )
    .unwrap();
    assert!(out.contains("windows-1252"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM module WHERE code = 'Õakman'"), 1);
}

#[test]
fn broken_files_are_refused_with_file_line_and_column() {
    let w = Workdir::new();
    let Some(err) =
        refused(&w, "messy-csv/csvkit_bad.csv", &["--map", "column_a=module_code", "--map", "column_b=module_title"])
    else {
        return;
    };
    assert_eq!(
        err,
        [
            "FILE:2:4: row has 4 fields; expected 3 like the header (a missing or extra delimiter, or an unquoted \",\"?)",
            "FILE:3:3: row has 2 fields; expected 3 like the header (a missing or extra delimiter, or an unquoted \",\"?)",
            "2 problems in FILE; nothing imported",
        ]
    );
    let err =
        refused(&w, "messy-csv/csvkit_null_byte.csv", &["--map", "a=module_code", "--map", "b=module_title"]).unwrap();
    assert!(err[0].starts_with("FILE:2:1: NUL byte in this field"), "{err:?}");
    let err =
        refused(&w, "messy-csv/csvkit_blanks.csv", &["--map", "a=module_code", "--map", "b=module_title"]).unwrap();
    assert_eq!(err[0], "FILE:2:1: module_code is empty; expected the module's code, e.g. MED1001");
    let err = refused(&w, "messy-csv/csvkit_test_extra_header.csv", ABC).unwrap();
    assert!(err[0].starts_with("FILE:2:") && err[0].contains("fields; expected"), "{err:?}");
    // A row of empty cells, however many, is skipped and counted, not refused.
    for f in ["messy-csv/csvkit_test_empty_columns_long_row.csv", "messy-csv/csvkit_test_empty_columns_short_row.csv"] {
        let out = ok(&w, f, ABC).unwrap();
        assert!(out.contains("0 new, 0 changed") && out.contains("; 1 empty row or blank line skipped"), "{f}: {out}");
    }
    let err = refused(&w, "messy-csv/csvkit_empty.csv", &[]).unwrap();
    assert!(err[0].contains("FILE:1:1: the file is empty"), "{err:?}");
    // Quotes escaped with a backslash (`"\"Hacksaw\" Jim"`), not doubled:
    // the header's quote is named where text follows it.
    let err = refused(&w, "messy-csv/rust-csv_strange.csv", &[]).unwrap();
    assert!(
        err[0].starts_with(
            "canon: FILE:1:4: text after the closing quote of the header's quoted field opened at column 1;"
        ),
        "{err:?}"
    );
    for f in ["messy-csv/csvkit_no_header_row.csv", "messy-csv/rust-csv_smallpop-colon.csv"] {
        let err = refused(&w, f, &[]).unwrap();
        assert!(
            err[0].contains("FILE:1:1: no column for module_code, module_title (required); headers found:"),
            "{f}: {err:?}"
        );
    }
    // Numbers where a year of study belongs: every bad row listed, up to a limit.
    let err = refused(
        &w,
        "messy-csv/rust-csv_uspop-null.csv",
        &[
            "--map",
            "City=module_code",
            "--map",
            "State=module_title",
            "--map",
            "Population=year",
            "--rename-duplicate-codes",
        ],
    )
    .unwrap();
    assert_eq!(err[0], "FILE:3:3: year 7610 is out of range; expected a year of study from 1 to 10");
    assert_eq!(err.iter().filter(|l| l.starts_with("FILE:")).count(), 50);
    assert!(err.iter().any(|l| l.starts_with("… and ") && l.ends_with(" more problems")), "{err:?}");
}

#[test]
fn header_aliases_and_delimiters_from_spreadsheets() {
    let w = Workdir::new();
    let f = w.write(
        "export.csv",
        "\u{feff}Programme;Year of Study;Module Code;Module Name;Session Title;Learning Outcomes;Themes\r\n\
         MBChB;2;MED2002;Respiratory;\"Spirometry; reference equations\";\"Explain GLI-2012\r\nCritique race correction\";Epistemic bias\r\n\
         MBChB;2;MED2002;Respiratory;Asthma;;\r\n",
    );
    let out = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    assert!(out.contains("sessions: 2 new"), "{out}");
    let items = w.json(&["item", "list", "--format", "json"]);
    assert_eq!(items[0]["title"], "Spirometry; reference equations");
    assert_eq!(items[0]["learning_outcomes"], "Explain GLI-2012\nCritique race correction");
    assert_eq!(items[0]["themes"][0], "epistemic-bias");
    assert_eq!(items[1]["learning_outcomes"], "");
    // Tab-separated, Windows-1252 with no BOM.
    let mut bytes = b"Code\tModule\tSession\tYear\n".to_vec();
    bytes.extend(b"MED3001\tDermatology\tErythema on darker skin: Fitzpatrick \xe9chelle\t3\n");
    let f = w.write("latin1.tsv", bytes);
    let out = w.ok_stderr(&["import", "modules", f.to_str().unwrap()]);
    assert!(out.contains("windows-1252"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM item WHERE title LIKE '%échelle'"), 1);
    // Forcing the wrong encoding gives a hint with the fix.
    let err = w.fails(&["import", "modules", f.to_str().unwrap(), "--encoding", "utf-8"]);
    assert!(err.contains("latin1.tsv:2:") && err.contains("is not valid UTF-8"), "{err}");
    assert!(err.contains("hint: the file looks like windows-1252; try --encoding windows-1252"), "{err}");
    let err = w.fails(&["import", "modules", f.to_str().unwrap(), "--encoding", "klingon"]);
    assert!(err.contains("unknown encoding \"klingon\""), "{err}");
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opens() {
    let w = Workdir::new();
    let f = w.write(
        "open.csv",
        "module_code,module_title,session_title\nMED1,Anatomy,Thorax\nMED1,Anatomy,\"Abdomen\nMED1,Anatomy,Pelvis\n",
    );
    let err = w.fails(&["import", "modules", f.to_str().unwrap()]);
    assert!(err.contains("open.csv:3:3: a quoted field opened here is never closed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 0);
}

#[test]
fn repeated_sessions_in_one_file() {
    let w = Workdir::new();
    let same = w.write(
        "same.csv",
        "module_code,module_title,session_title,learning_outcomes\nM1,One,S1,Describe x\nM1,One,S1,Describe x\n",
    );
    let out = w.ok_stderr(&["import", "modules", same.to_str().unwrap()]);
    assert!(out.contains("sessions: 1 new, 0 changed, 0 unchanged, 1 duplicate"), "{out}");
    let w = Workdir::new();
    let diff = w.write(
        "diff.csv",
        "module_code,module_title,session_title,learning_outcomes\nM1,One,S1,Describe x\nM1,One,S1,Analyse y\n",
    );
    let err = w.fails(&["import", "modules", diff.to_str().unwrap()]);
    // At the session column (issue 10c: it was the module code's).
    assert!(err.contains("diff.csv:3:3: session \"S1\" appears twice in module M1 with different content"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 0);
}

#[test]
fn dry_run_lists_new_changed_unchanged_and_rejected_rows() {
    let w = Workdir::new();
    let v1 = w.write(
        "v1.csv",
        "module_code,module_title,session_title,learning_outcomes,year\nM1,One,S1,Describe x,1\nM1,One,S2,List y,1\n",
    );
    w.ok(&["import", "modules", v1.to_str().unwrap()]);
    let v2 = w.write("v2.csv", "module_code,module_title,session_title,learning_outcomes,year\nM1,One,S1,Describe x,1\nM1,One,S2,Analyse y,1\nM1,One,S3,Evaluate z,1\nM2,Two,S1,,eleven\n");
    let out = w.cmd(&["import", "modules", v2.to_str().unwrap(), "--dry-run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the real import would be refused");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains("unchanged  line 2      M1 · S1"), "{stdout}");
    assert!(stdout.contains("changed    line 3      M1 · S2"), "{stdout}");
    assert!(stdout.contains("learning_outcomes: \"List y\" → \"Analyse y\""), "{stdout}");
    assert!(stdout.contains("new        line 4      M1 · S3"), "{stdout}");
    assert!(
        stdout.contains("rejected") && stdout.contains("v2.csv:5:5: year \"eleven\" is not a year of study"),
        "{stdout}"
    );
    assert!(stderr.contains("dry run, nothing written"), "{stderr}");
    assert!(stderr.contains("1 new, 1 changed, 1 unchanged, 0 duplicate, 1 rejected"), "{stderr}");
    assert!(stderr.contains("the import would be refused (1 problem listed above); nothing written"), "{stderr}");
    assert_eq!(w.count("SELECT count(*) FROM item"), 2);
    assert_eq!(w.count("SELECT count(*) FROM item WHERE outcomes = 'List y'"), 1);
}
