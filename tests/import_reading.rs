//! Reading lists from every common format, through the real binary.

mod common;

use common::{Workdir, corpus, sample};

fn import(w: &Workdir, path: &str, extra: &[&str]) -> String {
    let mut args = vec!["import", "reading", path];
    args.extend_from_slice(extra);
    w.ok_stderr(&args)
}

#[test]
fn the_same_records_from_bibtex_ris_and_zotero_merge_into_one_list() {
    let w = Workdir::new();
    let (Some(bib), Some(ris), Some(zot)) = (
        corpus("bib/slr-deepfake-detection_zotero-export_first150.bib"),
        corpus("ris/slr-deepfake-detection_zotero-export_first150.ris"),
        corpus("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv"),
    ) else {
        return;
    };
    let out = import(&w, &bib, &[]);
    assert!(out.contains("readings: 150 new"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE name = 'Krajčík, Martin'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE name LIKE '%{%' OR name LIKE '%\\%'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE '%{%'"), 0);
    let out = import(&w, &ris, &[]);
    assert!(out.contains("readings: 0 new"), "{out}");
    let out = import(&w, &zot, &[]);
    assert!(out.contains("readings: 0 new"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 150);
    // RIS and Zotero name the journals in full where Zotero's BibTeX abbreviates: the merge keeps the change in the history.
    assert!(w.count("SELECT count(*) FROM history WHERE entity = 'reading' AND action = 'update'") > 0);
}

#[test]
fn zotero_csv_with_a_duplicate_record_and_portuguese_titles() {
    let w = Workdir::new();
    let Some(f) = corpus("zotero-csv/green-criminology-south-america_zotero-export.csv") else { return };
    let out = import(&w, &f, &[]);
    assert!(out.contains("readings: 97 new, 0 changed, 0 unchanged, 1 duplicate, 0 rejected"), "{out}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title LIKE '%Amazônia brasileira%'"), 2);
    let again = import(&w, &f, &[]);
    assert!(again.contains("nothing changed"), "{again}");
}

#[test]
fn a_google_scholar_digest_in_the_canonical_csv() {
    let w = Workdir::new();
    let Some(f) = corpus("reading-list/diversifydigest_2021-08_race-ethnicity-and-health_reading-list.csv") else {
        return;
    };
    let out = import(&w, &f, &[]);
    assert!(out.contains("readings: 139 new, 0 changed, 0 unchanged, 15 duplicate, 0 rejected"), "{out}");
    // "CE Chandler, CR Williams, …" is four authors, not one.
    let r = w.json(&["reading", "show", "10.1177/00333549211015665", "--format", "json"]);
    assert_eq!(r["authors"].as_array().unwrap().len(), 4, "{r}");
    assert_eq!(r["authors"][3], "ME Shanahan");
    let again = import(&w, &f, &[]);
    assert!(again.contains("nothing changed"), "{again}");
}

#[test]
fn bibtex_with_latex_accents_and_strings() {
    let w = Workdir::new();
    let bib = w.write(
        "list.bib",
        r#"@string{duke = "Duke University Press"}
@book{verges2020,
  author = {Verg{\`e}s, Fran{\c{c}}oise},
  title = {The Wombs of Women: Race, Capital, Feminism},
  publisher = duke,
  year = 2020,
  isbn = {978-1-4780-1084-9}
}
@book{ngugi1986,
  author = {Ng{\~u}g{\~\i} wa Thiong'o},
  title = {Decolonising the Mind},
  year = {1986},
  keywords = {historical-awareness, decolonisation}
}
@article{hoffman2016,
  author = {Hoffman, Kelly M. and Trawalter, Sophie and Axt, Jordan R. and Oliver, M. Norman},
  title = {Racial bias in pain assessment},
  journal = {Proceedings of the National Academy of Sciences},
  year = {2016},
  doi = {https://doi.org/10.1073/pnas.1516047113}
}
"#,
    );
    let out = import(&w, bib.to_str().unwrap(), &[]);
    assert!(out.contains("readings: 3 new"), "{out}");
    let list = w.json(&["reading", "list", "--format", "json"]);
    let text = list.to_string();
    assert!(text.contains("Vergès, Françoise"), "{text}");
    assert!(text.contains("Ngũgĩ wa Thiong'o"), "{text}");
    assert!(text.contains("Duke University Press"), "{text}");
    assert!(text.contains("10.1073/pnas.1516047113"), "{text}");
    let ngugi = list.as_array().unwrap().iter().find(|r| r["title"] == "Decolonising the Mind").unwrap();
    assert_eq!(ngugi["themes"][0], "historical-awareness");
    // The same DOI in the sample (another form of it) merges, never a second row.
    let before = w.count("SELECT count(*) FROM reading");
    import(&w, &sample("reading.csv"), &[]);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE doi = '10.1073/pnas.1516047113'"), 1);
    assert!(w.count("SELECT count(*) FROM reading") < before + 70);
}

/// A value never closed is refused where the value opens, with its field
/// (tester r31, D15: it was said at the entry's `@`, lines above).
#[test]
fn broken_bibtex_is_refused_where_the_value_opens() {
    let w = Workdir::new();
    let bib = w.write(
        "broken.bib",
        "@article{ok, title = {Fine}, year = 2020}\n\n@article{broken,\n  title = {Never closed,\n  year = 2021\n",
    );
    let err = w.fails(&["import", "reading", bib.to_str().unwrap()]);
    assert!(err.contains("broken.bib:4:11: entry `broken`: the value of `title` opened here is never closed"), "{err}");
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
}

#[test]
fn ris_csl_json_and_talis_exports() {
    let w = Workdir::new();
    let ris = w.write(
        "list.ris",
        "TY  - JOUR\r\nAU  - Sjoding, Michael W.\r\nAU  - Dickson, Robert P.\r\nTI  - Racial Bias in Pulse Oximetry Measurement\r\nT2  - New England Journal of Medicine\r\nPY  - 2020\r\nDO  - 10.1056/NEJMc2029240\r\nER  - \r\n",
    );
    assert!(import(&w, ris.to_str().unwrap(), &[]).contains("readings: 1 new"));
    let json = w.write(
        "list.json",
        r#"[{"type": "book", "title": "呐喊", "author": [{"literal": "鲁迅"}], "issued": {"date-parts": [[1923]]}},
            {"type": "article-journal", "title": "The foreign gaze", "author": [{"family": "Abimbola", "given": "Seye"}],
             "issued": {"date-parts": [[2019]]}, "DOI": "10.1136/bmjgh-2019-002068", "container-title": "BMJ Global Health"}]"#,
    );
    assert!(import(&w, json.to_str().unwrap(), &[]).contains("readings: 2 new"));
    let talis = w.write(
        "talis.csv",
        "Item Link,Title,Authors,Date,Resource Type,Publisher,ISBN13,Student Note\nhttps://example.org/items/1,Medical Apartheid,\"Washington, Harriet A.\",2006,Book,Doubleday,978-0-385-50993-0,Start with chapter 1\n",
    );
    assert!(import(&w, talis.to_str().unwrap(), &[]).contains("readings: 1 new"));
    let r = w.json(&["reading", "list", "--format", "json"]);
    let s = r.to_string();
    for needle in ["鲁迅", "呐喊", "Abimbola, Seye", "Sjoding, Michael W.", "9780385509930", "Start with chapter 1"]
    {
        assert!(s.contains(needle), "{needle} missing: {s}");
    }
    // --format forces a reading: CSL-JSON read as BibTeX has no records, and says so.
    let err = w.fails(&["import", "reading", json.to_str().unwrap(), "--format", "bibtex"]);
    assert!(err.contains("no bibtex records found; is the file in another format?"), "{err}");
}

#[test]
fn dry_run_shows_new_changed_duplicate_and_rejected_and_writes_nothing() {
    let w = Workdir::new();
    w.ok(&["import", "reading", &sample("reading.csv")]);
    let n = w.count("SELECT count(*) FROM reading");
    let h = w.count("SELECT count(*) FROM history");
    let sugg = w.write(
        "new-suggestions.csv",
        "title,authors,year,type,doi,url,themes,notes\n\
         Racial Bias in Pulse Oximetry Measurement,\"Sjoding, Michael W.\",2020,article,https://doi.org/10.1056/NEJMC2029240,,epistemic-bias,Read with the respiratory module\n\
         Skin Deep: a new handbook,\"Okafor, Adaeze\",2024,book,,,epistemic-bias,\n\
         Skin Deep: A New Handbook!,\"Okafor, Adaeze\",2024,book,,,,\n\
         Broken row,\"X, Y\",twenty,article,,,,\n\
         Another,\"X, Y\",2020,article,not-a-doi,,,\n",
    );
    let out = w.cmd(&["import", "reading", sugg.to_str().unwrap(), "--dry-run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the real import would be refused");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains("changed    line 2") && stdout.contains("same DOI"), "{stdout}");
    assert!(stdout.contains("annotation:"), "{stdout}");
    assert!(stdout.contains("new        line 3      \"Skin Deep: a new handbook\" (2024)"), "{stdout}");
    assert!(stdout.contains("duplicate  line 4") && stdout.contains("same title and year"), "{stdout}");
    assert!(stdout.contains("new-suggestions.csv:5:3: year \"twenty\" is not a year"), "{stdout}");
    assert!(stdout.contains("new-suggestions.csv:6:5: doi \"not-a-doi\" is not a DOI"), "{stdout}");
    assert!(stderr.contains("dry run, nothing written"), "{stderr}");
    assert!(stderr.contains("readings: 1 new, 1 changed, 0 unchanged, 1 duplicate, 2 rejected"), "{stderr}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), n);
    assert_eq!(w.count("SELECT count(*) FROM history"), h);
}
