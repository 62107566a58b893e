//! Issue 12 (lead, r17), through the binary: Scopus's CSV export, a name
//! with its native-script form or an author ID in brackets, a re-import
//! from another format that only writes the names another way, doubtful
//! access dates, a rejects file from an earlier run, DOI links with a query.

mod common;

use common::{Workdir, reading, reference, workdir};

const SCOPUS_HEADER: &str = "\u{feff}\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Issue\",\"Art. No.\",\"Page start\",\"Page end\",\"Page count\",\"Cited by\",\"DOI\",\"Link\",\"Affiliations\",\"Abstract\",\"Author Keywords\",\"Index Keywords\",\"Publisher\",\"ISSN\",\"PubMed ID\",\"Language of Original Document\",\"Abbreviated Source Title\",\"Document Type\",\"Publication Stage\",\"Open Access\",\"Source\",\"EID\"\r\n";

/// Scopus's "Export → CSV" (tester r16, S1): it was read as canon's own CSV
/// and refused whole ("open_access \"All Open Access; Gold Open Access\" is
/// not yes or no"), with --map hints to the wrong fields. Now it is told
/// apart, and every column is read or named: the full names without their
/// Scopus IDs, the first and last page as one range, the article number
/// where there are no pages, the journal's abbreviation, the PubMed ID,
/// keywords that tag a theme; Scopus's own record link, ID and counts are
/// named as not read.
#[test]
fn a_scopus_csv_export_is_read_and_every_column_accounted_for() {
    let w = workdir();
    let text = format!(
        "{SCOPUS_HEADER}\"Tanaka Y.; Mensah K.A., Jr.; van der Berg P.\",\"Tanaka, Yuki (57212345678); Mensah, Kofi A., Jr. (57000000001); van der Berg, Pieter (57000000002)\",\"57212345678; 57000000001; 57000000002\",\"Racism and the medical curriculum\",\"2021\",\"The Lancet\",\"397\",\"10281\",\"\",\"1234\",\"1240\",\"7\",\"3\",\"10.1016/S0140-6736(21)00001-1\",\"https://www.scopus.com/inward/record.uri?eid=2-s2.0-1\",\"University of Ghana\",\"An abstract.\",\"epistemic bias; curriculum\",\"Human; Education\",\"Elsevier\",\"01406736\",\"33000001\",\"English\",\"Lancet\",\"Review\",\"Final\",\"All Open Access; Gold Open Access\",\"Scopus\",\"2-s2.0-1\"\r\n\
         \"Osei J.\",\"Osei, Jane (57000000003)\",\"57000000003\",\"Colonial medicine online first\",\"2024\",\"BMJ Global Health\",\"9\",\"\",\"e012345\",\"\",\"\",\"\",\"0\",\"10.1136/bmjgh-2024-012345\",\"https://www.scopus.com/y\",\"\",\"\",\"\",\"\",\"BMJ\",\"\",\"\",\"English\",\"BMJ Glob. Health\",\"Article\",\"Article in press\",\"\",\"Scopus\",\"2-s2.0-2\"\r\n"
    );
    let p = w.write("scopus.csv", &text);
    let dry = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("2 new"), "{dry}");
    assert!(!dry.contains("is not yes or no"), "{dry}");
    let out = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(out.contains("2 new, 0 changed"), "{out}");
    for column in ["Author(s) ID", "Cited by", "Link", "Affiliations", "Abstract", "Index Keywords", "ISSN", "EID"] {
        let line = out
            .lines()
            .find(|l| l.contains(&format!("\"{column}\" is not read")))
            .unwrap_or_else(|| panic!("{column} is named: {out}"));
        assert!(!line.contains("--map") || column == "Link", "no --map into an unrelated field: {line}");
    }
    assert!(!out.contains("container_short'"), "no wrong --map hint: {out}");
    // The state beside a year is said, not dropped in silence (an Article
    // in Press is ahead of print since tester r43 F6; this one already has
    // its volume, so it is kept as published, and said).
    assert!(out.contains(":3:") && out.contains("ahead of print, but in volume 9"), "{out}");

    let list = w.reading_list();
    let r = reading(&list, "Racism and the medical");
    let names: Vec<(String, String)> = r["author_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["family"].as_str().unwrap().to_string(), n["given"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        names,
        [("Tanaka".into(), "Yuki".into()), ("Mensah".into(), "Kofi A.".into()), ("Berg".into(), "Pieter".into())]
    );
    assert_eq!(r["authors"][0], "Tanaka, Yuki", "the Scopus ID is no part of the name: {r:#}");
    assert_eq!(r["author_names"][1]["suffix"], "Jr.");
    assert_eq!(r["author_names"][2]["particle"], "van der");
    assert_eq!((r["pages"].as_str(), r["container"].as_str()), (Some("1234-1240"), Some("The Lancet")), "{r:#}");
    assert_eq!((r["publisher"].as_str(), r["type"].as_str()), (Some("Elsevier"), Some("article")), "{r:#}");
    assert_eq!(r["open_access"], true, "{r:#}");
    assert_eq!(r["pmid"], "33000001", "{r:#}");
    assert!(r["url"].is_null(), "Scopus's record page is not the work's: {r:#}");
    assert!(r["themes"].to_string().contains("epistemic-bias"), "a keyword that names a theme tags it: {r:#}");
    let b = reading(&list, "Colonial medicine");
    assert_eq!(b["pages"], "Article e012345", "{b:#}");
    assert!(b["open_access"].is_null(), "an empty Open Access cell is not \"closed\": {b:#}");

    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Racism and the medical"),
        "Tanaka Y, Mensah KA Jr, van der Berg P. Racism and the medical curriculum. Lancet. 2021;397(10281):1234-40. doi:10.1016/S0140-6736(21)00001-1. PubMed PMID: 33000001."
    );
    let apa = w.references("apa");
    assert!(reference(&apa, "Racism and the medical").contains("The Lancet, 397(10281), 1234–1240."), "{apa:?}");

    // Imported again: nothing changes.
    let again = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
}

/// An export from before 2021 has no "Author full names": the "Authors"
/// column ("Tanaka Y., Mensah K.A., Jr.") gives the names, split at its
/// commas with the suffix kept. `--format scopus-csv` reads a file whose
/// header canon would not tell apart.
#[test]
fn an_older_scopus_export_reads_its_short_author_names() {
    let w = workdir();
    let p = w.write(
        "old.csv",
        "Authors,Title,Year,Source title,Page start,Page end,Document Type,Source\n\
         \"Tanaka Y., Mensah K.A., Jr., van der Berg P.\",An older export,2018,Medical Education,12,19,Article,Scopus\n\
         [No author name available],Anonymous editorial,2017,Medical Education,1,,Editorial,Scopus\n",
    );
    let out = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(out.contains("2 new"), "{out}");
    let list = w.reading_list();
    let r = reading(&list, "An older export");
    let fam: Vec<&str> = r["author_names"].as_array().unwrap().iter().map(|n| n["family"].as_str().unwrap()).collect();
    assert_eq!(fam, ["Tanaka", "Mensah", "Berg"], "{r:#}");
    assert_eq!(r["author_names"][1]["given"], "K. A.");
    assert_eq!(r["author_names"][1]["suffix"], "Jr.");
    assert_eq!(r["pages"], "12-19");
    let a = reading(&list, "Anonymous editorial");
    assert_eq!(a["authors"].as_array().map(Vec::len), Some(0), "Scopus's placeholder is no author: {a:#}");
    assert_eq!(a["pages"], "1");

    let p = w.write("forced.txt", "Title,Year,Source title\nForced,2019,Medical Teacher\n");
    let out = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--format", "scopus-csv"]);
    assert!(out.contains("1 new"), "{out}");
    assert_eq!(reading(&w.reading_list(), "Forced")["container"], "Medical Teacher");
}

/// "Nakamura, Hiroshi (中村博)" (J-STAGE and CNKI exports write the name in
/// its own script after it; tester r16, S2) printed "NakamuraHiroshi
/// (中村博)": the rule for a name in Chinese or Japanese script, without a
/// space, fired on the given name. The bracket is no part of the given
/// name; the name as written keeps it.
#[test]
fn a_name_with_its_native_script_in_brackets_is_cited_by_its_latin_parts() {
    let w = workdir();
    w.import_reading(
        "cjk.ris",
        "TY  - JOUR\nAU  - Nakamura, Hiroshi (中村博)\nAU  - 中村, 博\nTI  - Name forms\nPY  - 2019\nJO  - Igaku Kyoiku\nER  - \n",
    );
    let r = reading(&w.reading_list(), "Name forms").clone();
    assert_eq!(r["author_names"][0]["given"], "Hiroshi", "{r:#}");
    assert_eq!(r["authors"][0], "Nakamura, Hiroshi (中村博)", "{r:#}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Name forms").starts_with("Nakamura H, 中村博. Name forms."), "{v:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Name forms").starts_with("Nakamura, H., & 中村博. (2019)."), "{apa:?}");
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Name forms").starts_with("Nakamura, Hiroshi, and 中村博. 2019."), "{chicago:?}");
}

/// One work from RIS ("Osei, Jane") and from BibTeX ("Jane Osei"): the
/// same names written another way. Each import from the other file said "1
/// changed" and flipped the stored forms back and forth (tester r16, T4).
/// The stored forms stay; the second file changes nothing.
#[test]
fn the_same_names_written_another_way_are_no_change() {
    let w = workdir();
    let ris = w.write(
        "a.ris",
        "TY  - JOUR\nAU  - Osei, Jane\nAU  - Mensah, K. A.\nTI  - Flip flop\nPY  - 2020\nJO  - BMJ\nDO  - 10.1136/bmj.abc\nER  - \n",
    );
    let bib = w.write(
        "b.bib",
        "@article{x, author={Jane Osei and Mensah, K.A.}, title={Flip flop}, year={2020}, journal={BMJ}, doi={10.1136/bmj.abc}}\n",
    );
    w.ok(&["import", "reading", ris.to_str().unwrap()]);
    for f in [&bib, &ris, &bib] {
        let out = w.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
        assert!(out.contains("0 new, 0 changed, 1 unchanged"), "{out}");
        assert!(!out.contains("fuller forms"), "nothing was kept over anything: {out}");
    }
    assert_eq!(reading(&w.reading_list(), "Flip flop")["authors"][0], "Osei, Jane");
    // A real difference in a name is still a change.
    let fuller = w.write(
        "c.bib",
        "@article{x, author={Jane Osei and Mensah, Kofi A.}, title={Flip flop}, year={2020}, journal={BMJ}, doi={10.1136/bmj.abc}}\n",
    );
    let out = w.ok_stderr(&["import", "reading", fuller.to_str().unwrap()]);
    assert!(out.contains("1 changed"), "{out}");
}

/// An access date after today cannot be: said with the file's line and
/// column and not stored, as `--accessed` refuses it. One before 1991, or
/// before the work's year, is likely the publication date in the wrong
/// field (helper r16, tester r17): said, and stored as written.
#[test]
fn a_doubtful_access_date_is_said_and_a_future_one_typed_is_refused() {
    let w = workdir();
    let out = w.import_reading(
        "y2.ris",
        "TY  - ELEC\nTI  - Future page\nPY  - 2020\nUR  - https://example.org/f\nY2  - 2099/01/02/\nER  - \n\
         TY  - ELEC\nTI  - Old page\nPY  - 1980\nUR  - https://example.org/o\nY2  - 1980/05/06/\nER  - \n\
         TY  - ELEC\nTI  - Fine page\nPY  - 2020\nUR  - https://example.org/g\nY2  - 2024/05/06/\nER  - \n",
    );
    assert!(out.contains("y2.ris:5:") && out.contains("access date 2099-01-02 is after today"), "{out}");
    assert!(out.contains("y2.ris:11:") && out.contains("access date 1980-05-06 is before 1991"), "{out}");
    assert!(!out.contains("2024-05-06 is"), "{out}");
    let list = w.reading_list();
    assert!(reading(&list, "Future page")["accessed"].is_null(), "not stored");
    assert_eq!(reading(&list, "Old page")["accessed"], "1980-05-06", "stored as written");
    let out =
        w.import_reading("early.csv", "title,year,url,accessed\nEarly page,2020,https://example.org/e,2019-06-01\n");
    assert!(out.contains("early.csv:2:4:") && out.contains("before the work's year (2020)"), "{out}");
    let id = reading(&list, "Fine page")["id"].to_string().trim_matches('"').to_string();
    let err = w.fails(&["reading", "edit", &id, "--accessed", "2099-01-02", "--by", "amina"]);
    assert!(err.contains("after today"), "{err}");
    let out = w.ok_stderr(&["reading", "edit", &id, "--accessed", "1985-01-01", "--by", "amina"]);
    assert!(out.contains("before 1991"), "the same rule as an import's: {out}");
    w.ok(&["reading", "edit", &id, "--accessed", "2024-05-06", "--by", "amina"]);
    assert_eq!(reading(&w.reading_list(), "Fine page")["accessed"], "2024-05-06", "nothing written");
}

/// `--rejects FILE` on a run that leaves nothing out used to leave FILE as
/// an earlier run wrote it, still listing records as rejected (tester r16,
/// S3). It is written with none, and the run says so.
#[test]
fn a_rejects_file_from_an_earlier_run_is_rewritten_with_none() {
    let w = workdir();
    let bad = w
        .write("bad.ris", "TY  - JOUR\nTI  - Bad\nPY  - someday\nER  - \nTY  - JOUR\nTI  - Good\nPY  - 2020\nER  - \n");
    let rej = w.path("rejected.ris");
    let out = w.ok_stderr(&[
        "import",
        "reading",
        bad.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rej.to_str().unwrap(),
    ]);
    assert!(out.contains("1 invalid record(s) left out"), "{out}");
    assert!(std::fs::read_to_string(&rej).unwrap().contains("TI  - Bad"));
    let good = w.write("good.ris", "TY  - JOUR\nTI  - Good\nPY  - 2020\nER  - \n");
    let dry = w.ok_stderr(&[
        "import",
        "reading",
        good.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rej.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(dry.contains("no record left out"), "{dry}");
    assert!(std::fs::read_to_string(&rej).unwrap().contains("TI  - Bad"), "a dry run writes nothing");
    let out = w.ok_stderr(&[
        "import",
        "reading",
        good.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rej.to_str().unwrap(),
    ]);
    assert!(out.contains("no record left out") && out.contains("written with none"), "{out}");
    assert!(!std::fs::read_to_string(&rej).unwrap().contains("Bad"));
    // A CSV's rejects file keeps its header, with the reason column.
    let csv = w.write("g.csv", "title,authors,year\nGood CSV,\"Osei, J\",2020\n");
    let rej = w.path("rej.csv");
    std::fs::write(&rej, "old rejects\n").unwrap();
    w.ok(&["import", "reading", csv.to_str().unwrap(), "--skip-invalid", "--rejects", rej.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&rej).unwrap(), "title,authors,year,canon rejected because\n");
}

/// A DOI link with a query string or fragment ("?utm_source=…"), encoded
/// twice (`%252F`) or with HTML's entities (`&lt;`) is the DOI without them
/// (tester r16, S6): it used to be stored with them, a second record beside
/// the same work.
#[test]
fn a_doi_link_with_a_query_or_encoded_twice_is_the_same_doi() {
    let w = workdir();
    w.import_reading("a.csv", "title,year,doi\nOne work,2020,10.1234/abc/def\n");
    let out = w.import_reading(
        "b.csv",
        "title,year,doi\nOne work,2020,https://doi.org/10.1234/abc%2fdef?utm_source=x\nOne work,2020,https://doi.org/10.1234/abc%252Fdef#top\n",
    );
    assert!(out.contains("0 new"), "{out}");
    assert_eq!(w.reading_list().as_array().unwrap().len(), 1);
    let json = w.write(
        "c.json",
        r#"[{"id":"s","type":"article-journal","title":"SICI work","issued":{"date-parts":[[1999]]},"DOI":"10.1002/(SICI)1097-4679(199911)55:11&lt;1423::AID-JCLP12&gt;3.0.CO;2-2"}]"#,
    );
    w.ok(&["import", "reading", json.to_str().unwrap()]);
    assert_eq!(
        reading(&w.reading_list(), "SICI work")["doi"],
        "10.1002/(SICI)1097-4679(199911)55:11<1423::AID-JCLP12>3.0.CO;2-2"
    );
}

/// A work in press is cited with its status where the date goes (Citing
/// Medicine ch. 1 "BMJ. Forthcoming.", ch. 2 a book's "Pluto; forthcoming";
/// AMA 11th ed. §3.13.3 "JAMA. In press."): Vancouver and AMA put it after
/// the DOI, or after a chapter's pages (tester r16, S9 and T9).
#[test]
fn in_press_stands_where_the_date_goes_in_vancouver_and_ama() {
    let w = workdir();
    w.import_reading(
        "p.bib",
        "@article{a, author={Osei, Jane}, title={In press with DOI}, year={In press}, journal={BMJ}, volume={380}, doi={10.1136/bmj-2023-000001}}\n\
         @incollection{c, author={Osei, Jane}, title={A chapter in press}, year={forthcoming}, booktitle={Decolonising Medicine}, editor={Lind, T.}, publisher={Pluto}, address={London}, pages={12--30}}\n\
         @book{d, author={Osei, Jane}, title={A book in press}, year={in press}, publisher={Pluto}, address={London}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "In press with"),
        "Osei J. In press with DOI. BMJ. Forthcoming;380. doi:10.1136/bmj-2023-000001"
    );
    assert_eq!(
        reference(&v, "A chapter"),
        "Osei J. A chapter in press. In: Lind T, editor. Decolonising Medicine. London: Pluto; forthcoming. p. 12-30."
    );
    assert_eq!(reference(&v, "A book"), "Osei J. A book in press. London: Pluto; forthcoming.");
    let ama = w.references("ama");
    assert!(reference(&ama, "In press with").contains("BMJ. In press;380. doi:"), "{ama:?}");
    // APA's "(in press)" stays where it was.
    let apa = w.references("apa");
    assert!(reference(&apa, "In press with").starts_with("Osei, J. (in press-"), "{apa:?}");
}

/// An aside after a person's name (the name in its own script, a nickname,
/// an ORCID iD) in any format: not part of the parts a reference prints,
/// kept in the name as written, and said (tester r17, F4–F6). It printed
/// "NakamuraHiroshi (中村博)", "Okafor C (C", "Smith J (0 02 1825 097)".
#[test]
fn an_aside_after_a_name_is_said_and_not_printed_in_every_format() {
    let w = workdir();
    let bib = w.import_reading(
        "a.bib",
        "@article{a, author={Nakamura, Hiroshi (中村博) and Hiroshi Tanaka (田中博) and Okafor, Chinwe (Chi)}, title={Asides in BibTeX}, year={2020}, journal={J}}\n",
    );
    let json = w.import_reading(
        "a.json",
        r#"[{"id":"x","type":"article-journal","title":"Asides in CSL-JSON","issued":{"date-parts":[[2020]]},"container-title":"J","author":[{"family":"Nakamura","given":"Hiroshi (中村博)"},{"family":"Smith","given":"John (0000-0002-1825-0097)"},{"name":"World Health Organization"}]}]"#,
    );
    let ris = w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Williams, Robert \"Bob\"\nAU  - Smith, John (0000-0002-1825-0097)\nTI  - Asides in RIS\nPY  - 2020\nJO  - J\nER  - \n",
    );
    for (out, name) in [(&bib, "(Chi)"), (&json, "(中村博)"), (&ris, "\"Bob\"")] {
        assert!(out.contains(&format!("{name} is not part of the name")), "{out}");
    }
    assert!(json.contains("(0000-0002-1825-0097) is an identifier"), "{json}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Asides in BibTeX").starts_with("Nakamura H, Tanaka H, Okafor C."), "{v:?}");
    assert!(
        // Citing Medicine ch. 1: an organisation after personal authors follows a semicolon (since r33).
        reference(&v, "Asides in CSL-JSON").starts_with("Nakamura H, Smith J; World Health Organization."),
        "{v:?}"
    );
    assert!(reference(&v, "Asides in RIS").starts_with("Williams R, Smith J."), "{v:?}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Asides in CSL-JSON")["authors"][0], "Nakamura, Hiroshi (中村博)", "kept as written");
}

/// Scopus's "Editors" column is written as "Authors" is ("Smith J., Osei
/// A."), and "[No author name available]" is no author in any column or
/// format (tester r17, F1 and F2): one editor "Smith J., Osei A." and an
/// author "[No author name available]" were printed.
#[test]
fn scopus_editors_and_the_no_author_mark() {
    let w = workdir();
    let p = w.write(
        "s.csv",
        "\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Page start\",\"Page end\",\"Editors\",\"Publisher\",\"Document Type\",\"EID\"\n\
         \"Osei J.\",\"Osei, Jane (57000000003)\",\"57000000003\",\"A chapter\",\"2020\",\"Decolonising Medicine\",\"12\",\"30\",\"Smith J., Osei A.\",\"Pluto\",\"Book chapter\",\"2-s2.0-1\"\n\
         \"[No author name available]\",\"[No author name available]\",\"[No author name available]\",\"Global health statistics\",\"2020\",\"Wkly Epidemiol Rec\",\"\",\"\",\"\",\"\",\"Article\",\"2-s2.0-2\"\n",
    );
    w.ok(&["import", "reading", p.to_str().unwrap()]);
    w.import_reading(
        "n.bib",
        "@article{n, author={[No author name available]}, title={Anonymous BibTeX}, year={2020}, journal={J}}\n",
    );
    let list = w.reading_list();
    let eds: Vec<&str> = reading(&list, "A chapter")["editor_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["family"].as_str().unwrap())
        .collect();
    assert_eq!(eds, ["Smith", "Osei"]);
    for t in ["Global health", "Anonymous BibTeX"] {
        assert_eq!(reading(&list, t)["authors"].as_array().map(Vec::len), Some(0), "{t}");
    }
    let v = w.references("vancouver");
    assert!(reference(&v, "A chapter").contains("In: Smith J, Osei A, editors."), "{v:?}");
    assert!(reference(&v, "Global health").starts_with("Global health statistics."), "{v:?}");
}

/// BibTeX `author = {Centers for Disease Control and Prevention}` unbraced
/// is two names by BibTeX's rule: the warning names the braces that keep
/// the whole name (it named `{Centers for Disease Control}`, which left
/// "Prevention" an author). "and and" is an empty name, said; it made the
/// next author's particle "and" (tester r16, S7).
#[test]
fn bibtex_and_inside_an_institution_and_a_doubled_and() {
    let w = workdir();
    let out = w.import_reading(
        "c.bib",
        "@misc{c, author={Centers for Disease Control and Prevention}, title={CDC page}, year={2020}}\n\
         @article{d, author={Mensah, K. A. and and Lind, T. R.}, title={Doubled and}, year={2020}, journal={J}}\n",
    );
    assert!(out.contains("{Centers for Disease Control and Prevention}"), "{out}");
    // Kept whole, the advice naming the pieces BibTeX's rule reads (tester r87 F3).
    assert!(
        out.contains("BibTeX's rule would read it as two names, \"Centers for Disease Control\", \"Prevention\""),
        "{out}"
    );
    assert_eq!(
        w.count("SELECT count(*) FROM reading_author WHERE literal = 'Centers for Disease Control and Prevention'"),
        1
    );
    assert!(out.contains("c.bib:2:") && out.contains("empty name"), "{out}");
    let list = w.reading_list();
    let lind = &reading(&list, "Doubled and")["author_names"][1];
    assert!(lind["particle"].is_null(), "{lind:#}");
    assert_eq!(lind["family"], "Lind");
}

/// A name typed with `reading add --author` gets the warning the same name
/// in a file gets (tester r16, S8): "Pieter van der Berg" was stored whole
/// without a word. Now read as a file's one-name field reads it, a person
/// with the family name last, said (tester r101 F8); a name kept whole
/// that could be a person's is said still.
#[test]
fn a_typed_name_kept_whole_is_said() {
    let w = workdir();
    let out = w.ok_stderr(&["reading", "add", "--title", "Typed", "--author", "Pieter van der Berg", "--by", "amina"]);
    assert!(out.contains("author \"Pieter van der Berg\" read as a name written \"Given Family\""), "{out}");
    let out =
        w.ok_stderr(&["reading", "add", "--title", "Typed body", "--author", "Amnesty International", "--by", "amina"]);
    assert!(out.contains("author \"Amnesty International\" was kept whole"), "{out}");
    let out =
        w.ok_stderr(&["reading", "add", "--title", "Typed two", "--author", "van der Berg, Pieter", "--by", "amina"]);
    assert!(!out.contains("kept whole"), "{out}");
}

/// APA cites an article number "Article 9876543" (§9.25); in a chapter or
/// proceedings paper the page label went before it: "(p. Article
/// 9876543)" (tester r17, F3).
#[test]
fn apa_prints_no_page_label_before_an_article_number() {
    let w = workdir();
    w.import_reading(
        "p.ris",
        "TY  - CPAPER\nAU  - Osei, Jane\nTI  - A paper numbered\nPY  - 2022\nT2  - Proceedings of the 2022 IEEE Conference on Health\nC7  - 9876543\nER  - \n",
    );
    let apa = w.references("apa");
    let r = reference(&apa, "A paper numbered");
    assert!(r.contains("(Article 9876543)"), "{r}");
    assert!(!r.contains("p. Article"), "{r}");
}

/// A style file saved as .xml (as some repositories name them) is a style
/// file (tester r15, T9); a broken one names what is wrong: a variable that
/// is none, an <info> without <id> or <updated> (tester r16, S4).
#[test]
fn a_style_file_as_xml_and_broken_styles_named_precisely() {
    let w = workdir();
    w.import_reading("a.csv", "title,authors,year\nStyled,\"Osei, Jane\",2020\n");
    let good = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n<info><title>Mine</title><id>http://example.org/mine</id><updated>2024-01-01T00:00:00+00:00</updated></info>\n<citation><layout><text variable=\"title\"/></layout></citation>\n<bibliography><layout><text variable=\"title\"/></layout></bibliography>\n</style>\n";
    let xml = w.write("mine.xml", good);
    let out = w.path("r.json");
    w.ok(&["report", out.to_str().unwrap(), "--style", xml.to_str().unwrap(), "-q"]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"reference\": \"Styled\""));
    let bad = w.write(
        "bad.csl",
        good.replace("variable=\"title\"/></layout></bibliography>", "variable=\"titel\"/></layout></bibliography>"),
    );
    let err = w.fails(&["report", out.to_str().unwrap(), "--style", bad.to_str().unwrap()]);
    assert!(err.contains("bad.csl:5:") && err.contains("variable \"titel\" is not a CSL variable"), "{err}");
    let bad = w.write("noid.csl", good.replace("<id>http://example.org/mine</id>", ""));
    let err = w.fails(&["report", out.to_str().unwrap(), "--style", bad.to_str().unwrap()]);
    assert!(err.contains("noid.csl:3:") && err.contains("<info> has no <id>"), "{err}");
}

/// A re-import whose author list is longer than the one set by hand said
/// "authors is kept as stored" and replaced them anyway: the names as
/// written stood and their parts were the file's (tester r17, F27). Both
/// stand now, and nothing is recorded as changed.
#[test]
fn a_hand_set_author_list_stands_against_a_longer_file_list() {
    let w = workdir();
    let csv = w.write(
        "hand.csv",
        "title,authors,year,type,doi\nHand edit test,\"Mensah K.A.; Lind T.\",2021,article,10.1000/hand\n",
    );
    w.ok(&["import", "reading", csv.to_str().unwrap()]);
    w.ok(&["reading", "edit", "10.1000/hand", "--author", "Mensah, Kofi Asante", "--by", "amina"]);
    let out = w.ok_stderr(&["import", "reading", csv.to_str().unwrap()]);
    // (A plural field takes a plural verb: tester r87 F12.)
    assert!(out.contains("authors are kept as stored") && out.contains("0 changed"), "{out}");
    let list = w.reading_list();
    let r = reading(&list, "Hand edit test");
    assert_eq!(r["authors"].as_array().unwrap().len(), 1, "{r:#}");
    assert_eq!(r["author_names"][0]["given"], "Kofi Asante", "{r:#}");
}

/// A work in two languages ("en; fr", "English, French": Scopus gives a
/// bilingual article so) printed as a bare "Title. Year." in every style,
/// silently (tester r17, F15): the processor took one language tag and
/// refused the list. The first language is given; a reference the style
/// cannot format is said.
#[test]
fn a_work_in_two_languages_is_cited_in_full() {
    let w = workdir();
    w.import_reading(
        "l.csv",
        "title,authors,year,type,container,volume,pages,language\n\
         Two languages,\"Osei, J\",2021,article,Lancet,1,10-20,en; fr\n\
         Comma languages,\"Osei, J\",2021,article,Lancet,1,10-20,\"English, French\"\n",
    );
    for style in ["vancouver", "apa", "chicago"] {
        let refs = w.references(style);
        for t in ["Two languages", "Comma languages"] {
            let r = reference(&refs, t);
            assert!(r.contains("Lancet") && r.contains("Osei"), "{style}: {r}");
        }
    }
}

/// Scopus (and Zotero, Talis) exports re-saved by Excel in a European
/// locale are `;`-separated, some with Excel's `sep=;` line: they were read
/// with `,` and refused whole (tester r17, F13). The rejects file keeps the
/// delimiter, and its reason column is named as canon's own on re-import
/// (F12). A file whose problem is the file's (a JSON syntax error, no
/// Title column) is refused with --skip-invalid too, not "every record
/// rejected" and exit 0 (F14, F30).
#[test]
fn semicolon_exports_and_file_level_problems_with_skip_invalid() {
    let w = workdir();
    let semi = "\u{feff}\"Authors\";\"Author full names\";\"Title\";\"Year\";\"Source title\";\"Page start\";\"Page end\";\"DOI\";\"Document Type\";\"EID\"\r\n\
                \"Osei J.\";\"Osei, Jane (57000000003)\";\"Semicolon Scopus; one\";\"2020\";\"Lancet\";\"1\";\"9\";\"10.1/semi\";\"Article\";\"2-s2.0-1\"\r\n\
                \"Osei J.\";\"Osei, Jane (57000000003)\";\"Bad year\";\"someday\";\"Lancet\";\"1\";\"9\";\"\";\"Article\";\"2-s2.0-2\"\r\n";
    let p = w.write("semi.csv", semi);
    let rej = w.path("rej.csv");
    let out =
        w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--skip-invalid", "--rejects", rej.to_str().unwrap()]);
    assert!(out.contains("1 new") && out.contains("1 invalid record(s) left out"), "{out}");
    let r = reading(&w.reading_list(), "Semicolon Scopus").clone();
    assert_eq!((r["pages"].as_str(), r["container"].as_str()), (Some("1-9"), Some("Lancet")), "{r:#}");
    let text = std::fs::read_to_string(&rej).unwrap();
    // The input's byte-order mark is the rejects' too (tester r40, #8; lead_r37).
    assert!(text.starts_with("\u{feff}Authors;Author full names;Title;"), "{text}");
    assert!(text.contains("Bad year;someday") && text.contains("\r\n"), "{text:?}");
    let again = w.fails(&["import", "reading", rej.to_str().unwrap(), "--dry-run"]);
    assert!(again.contains("\"canon rejected because\" is not read: the reasons canon gave"), "{again}");
    assert!(!again.contains("canon rejected because=FIELD"), "{again}");
    // Excel's sep= line.
    let sep = w.write("sep.csv", format!("sep=;\r\n{}", semi.trim_start_matches('\u{feff}')));
    let out = w.ok_stderr(&["import", "reading", sep.to_str().unwrap(), "--skip-invalid"]);
    assert!(out.contains("0 new, 0 changed, 1 unchanged"), "{out}");

    let json = w.write("syn.json", r#"[{"id":"a","type":"book","title":"One"},{"id":"b","title":"Broken" "x":1}]"#);
    let rj = w.path("syn-rej.json");
    let err =
        w.fails(&["import", "reading", json.to_str().unwrap(), "--skip-invalid", "--rejects", rj.to_str().unwrap()]);
    assert!(err.contains("not valid JSON") && err.contains("the file's, not a record's"), "{err}");
    assert!(!rj.exists());
    let nohead = w.write("nohead.csv", "Foo,Bar\n1,2\n");
    let err = w.fails(&["import", "reading", nohead.to_str().unwrap(), "--format", "scopus-csv", "--skip-invalid"]);
    assert!(err.contains("no \"Title\" column"), "{err}");
}

/// More of tester r17's re-import findings: Scopus's two author columns
/// that disagree (F16), short author IDs the row's "Author(s) ID" lists,
/// a DOI link's trailing "/" and a plain DOI's "#page" (F21), a Scopus
/// record page in RIS `UR` (F24), "The" and case in a journal's name (F29)
/// and ISO 4 contractions ("Wkly", "Natl") that replaced the full name (F20).
#[test]
fn scopus_author_columns_dois_index_pages_and_journal_names_on_reimport() {
    let w = workdir();
    let p = w.write(
        "ids.csv",
        "\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"DOI\",\"EID\"\n\
         \"Mensah K.A.; Okoro C.; Lind T.\",\"Mensah, Kofi A. (1234); Okoro, Chidi (57400000001)\",\"1234;57400000001\",\"Mismatch count\",\"2020\",\"The New England journal of medicine\",\"10.1000/d2\",\"2-s2.0-1\"\n\
         \"Osei J.\",\"Osei, Jane (1)\",\"1\",\"Short ID\",\"2020\",\"Weekly Epidemiological Record\",\"10.1000/d18\",\"2-s2.0-2\"\n",
    );
    let out = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(out.contains("Author full names has 2 names and Authors 3; read the 3 of Authors"), "{out}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Mismatch count")["authors"].as_array().unwrap().len(), 3);
    assert_eq!(reading(&list, "Short ID")["author_names"][0]["given"], "Jane");
    assert_eq!(reading(&list, "Short ID")["authors"][0], "Osei, Jane");
    // The same works again: the DOI as a link with "/", the DOI with
    // "#page=3", the journal without "The", an ISO 4 contraction, a
    // Scopus record page as the URL.
    let out = w.import_reading(
        "again.ris",
        "TY  - JOUR\nAU  - Mensah, K.A.\nAU  - Okoro, C.\nAU  - Lind, T.\nTI  - Mismatch count\nPY  - 2020\nJO  - New England Journal of Medicine\nDO  - https://doi.org/10.1000/d2/\nUR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-1\nER  - \n\
         TY  - JOUR\nAU  - Osei, J.\nTI  - Short ID\nPY  - 2020\nJO  - Wkly Epidemiol Rec\nDO  - 10.1000/d18#page=3\nER  - \n",
    );
    assert!(out.contains("0 new"), "{out}");
    assert!(out.contains("it is Scopus's page for the record, not the work"), "{out}");
    let list = w.reading_list();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let m = reading(&list, "Mismatch count");
    // The journal's own case beats NLM's lower case, with or without "The" (tester r66 F1).
    assert_eq!(m["container"], "New England Journal of Medicine", "{m:#}");
    assert!(m["url"].is_null(), "{m:#}");
    let s = reading(&list, "Short ID");
    assert_eq!(
        (s["container"].as_str(), s["container_short"].as_str()),
        (Some("Weekly Epidemiological Record"), Some("Wkly Epidemiol Rec")),
        "{s:#}"
    );
    // Imported again, nothing changes.
    let again = w.ok_stderr(&["import", "reading", w.path("again.ris").to_str().unwrap()]);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
}

/// BibTeX as people write it (tester r17, F9–F11, F28): an undefined macro
/// and a field given twice are said; the rejects file carries the @string
/// definitions its entries use; `howpublished = {\url{…}}` is the URL;
/// Scopus's BibTeX `note` open-access labels, `author_keywords` and
/// `abbrev_source_title` are read as its CSV's columns are.
#[test]
fn bibtex_macros_repeats_strings_in_rejects_howpublished_and_scopus_fields() {
    let w = workdir();
    let bib = w.write(
        "m.bib",
        "@string{j = \"Journal of Health\"}\n\
         @article{a, author={Osei, J.}, title={Bad theme}, journal=j, year=2020, keywords={theme:nonexistent}}\n\
         @article{b, author={Osei, J.}, title={Macro missing}, journal=lancet, year=2020}\n\
         @article{c, author={Osei, J.}, title={Duplicate field}, title={Second title}, year=2020, journal={J}}\n\
         @misc{d, author={Osei, J.}, title={A web page}, howpublished={\\url{https://example.org/page}}, year=2021}\n\
         @article{e, author={Osei, J.}, title={Scopus BibTeX}, journal={Social Science and Medicine}, year=2021, abbrev_source_title={Soc. Sci. Med.}, author_keywords={epistemic bias; curriculum}, note={Cited by: 120; All Open Access, Green Open Access}}\n",
    );
    let rej = w.path("rej.bib");
    let out = w.ok_stderr(&[
        "import",
        "reading",
        bib.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rej.to_str().unwrap(),
    ]);
    assert!(out.contains("m.bib:3:") && out.contains("the macro `lancet` is not defined"), "{out}");
    assert!(
        out.contains("title is given twice; kept the first (\"Duplicate field\"), \"Second title\" not stored"),
        "{out}"
    );
    assert!(!out.contains("howpublished"), "read, not named: {out}");
    let text = std::fs::read_to_string(&rej).unwrap();
    assert!(text.starts_with("@string{j = \"Journal of Health\"}\n"), "{text}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "A web page")["url"], "https://example.org/page");
    let e = reading(&list, "Scopus BibTeX");
    assert_eq!(e["open_access"], true, "{e:#}");
    assert!(e["annotation"].is_null(), "the labels are no note: {e:#}");
    assert_eq!(e["container_short"], "Soc. Sci. Med.", "{e:#}");
    assert!(e["themes"].to_string().contains("epistemic-bias"), "{e:#}");
    // The rejects file, fixed, reads back with its journal.
    std::fs::write(&rej, text.replace("theme:nonexistent", "racism")).unwrap();
    w.ok(&["import", "reading", rej.to_str().unwrap()]);
    assert_eq!(reading(&w.reading_list(), "Bad theme")["container"], "Journal of Health");
}

/// A Scopus "Book" names itself as its source and its extent as pages
/// (tester r17, F18); a letter, an editorial, a retracted paper keep the
/// document type as their genre (F19); Scopus RIS's conference lines in
/// `N1` are named, and `C7` is a conference paper's article number (F25).
#[test]
fn scopus_books_document_types_and_conference_notes() {
    let w = workdir();
    let p = w.write(
        "b.csv",
        "\"Authors\",\"Title\",\"Year\",\"Source title\",\"Page start\",\"Page end\",\"Page count\",\"Publisher\",\"Document Type\",\"EID\"\n\
         \"Farmer P.\",\"Reimagining Global Health\",\"2013\",\"Reimagining Global Health\",\"1\",\"480\",\"\",\"University of California Press\",\"Book\",\"2-s2.0-1\"\n\
         \"Osei J.\",\"A letter on race\",\"2021\",\"Lancet\",\"12\",\"13\",\"\",\"\",\"Letter\",\"2-s2.0-2\"\n\
         \"Osei J.\",\"A retracted paper\",\"2020\",\"Lancet\",\"1\",\"9\",\"\",\"\",\"Retracted\",\"2-s2.0-3\"\n",
    );
    w.ok(&["import", "reading", p.to_str().unwrap()]);
    let list = w.reading_list();
    let b = reading(&list, "Reimagining");
    assert!(b["container"].is_null() && b["pages"].is_null(), "{b:#}");
    assert_eq!(b["page_count"], "480", "{b:#}");
    assert_eq!(reading(&list, "A letter")["genre"], "Letter");
    assert_eq!(reading(&list, "A retracted")["genre"], "Retracted");
    let apa = w.references("apa");
    assert!(!reference(&apa, "Reimagining").contains("pp."), "{apa:?}");
    let out = w.import_reading(
        "c.ris",
        "TY  - CONF\nAU  - Okoro, C.\nTI  - Pulse oximetry across skin tones\nPY  - 2022\nT2  - Proceedings of the 2022 IEEE Conference on Health\nC7  - 9876543\nN1  - Conference code: 178000; Export Date: 1 May 2024; Cited By: 5; Conference name: 2022 IEEE Conference on Health; Conference date: 14 March 2022 through 16 March 2022; Read for week 3\nER  - \n",
    );
    // The conference's name and date are stored as the paper's event since
    // e102 (schema 0040); its code is named as not stored.
    assert!(out.contains("Conference code"), "{out}");
    let c = reading(&w.reading_list(), "Pulse oximetry").clone();
    assert_eq!(c["event"], "2022 IEEE Conference on Health", "{c:#}");
    assert_eq!(c["event_date"], "14 March 2022 through 16 March 2022", "{c:#}");
    assert_eq!(c["pages"], "Article 9876543", "{c:#}");
    assert_eq!(c["annotation"], "Read for week 3", "{c:#}");
}

/// An access-date range (biblatex's ISO interval, CSL-JSON's two
/// date-parts) keeps its start and says so, in every format (tester r17,
/// F8: CSL-JSON kept the start silently, BibTeX dropped the date); Talis's
/// "End Page" joins "Start Page" (F23).
#[test]
fn an_access_date_range_and_talis_end_page() {
    let w = workdir();
    let bib = w.import_reading(
        "r.bib",
        "@online{o, title={Range page}, url={https://example.org/r}, year=2020, urldate={2024-03-05/2024-03-09}}\n",
    );
    assert!(bib.contains("access date 2024-03-05/2024-03-09 is a range; kept its start"), "{bib}");
    let json = w.import_reading(
        "r.json",
        r#"[{"id":"e","type":"webpage","title":"Range JSON","URL":"https://example.org/j","issued":{"date-parts":[[2020]]},"accessed":{"date-parts":[[2024,3,5],[2024,3,9]]}}]"#,
    );
    assert!(json.contains("is a range; kept its start, 2024-03-05"), "{json}");
    let list = w.reading_list();
    for t in ["Range page", "Range JSON"] {
        assert_eq!(reading(&list, t)["accessed"], "2024-03-05", "{t}");
    }
    w.import_reading(
        "t.csv",
        "Item Link,Title,Authors,Date,Resource Type,Start Page,End Page\nhttps://x/1,Talis chapter,\"Kim, Ji-won\",2019,Chapter,33,54\n",
    );
    assert_eq!(reading(&w.reading_list(), "Talis chapter")["pages"], "33-54");
}

/// A Hebrew author's name in a reference set left to right took ". (2019"
/// into its right-to-left run, and the PDF drew "(2019) .כהן, דוד. Hebrew
/// author." (tester r17, F17). The name is its own run now: on its line,
/// the year stands to the right of both its words.
#[test]
fn a_hebrew_name_in_an_english_reference_keeps_the_year_after_it_in_the_pdf() {
    let w = workdir();
    w.import_reading(
        "h.csv",
        "title,authors,year,type,container,volume,pages\nHebrew author,\"כהן, דוד\",2019,article,Harefuah,2,3-4\n",
    );
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let Some(words) = common::pdf_words(&pdf) else { return };
    let year = words.iter().find(|x| x.text.contains("(2019)")).expect("the year in the PDF");
    let line = common::line_of(&words, year);
    // pdftotext gives a right-to-left word's letters in drawing order.
    let name: Vec<_> = line.iter().filter(|x| x.text.chars().any(|c| ('\u{590}'..='\u{5ff}').contains(&c))).collect();
    assert_eq!(name.len(), 2, "{line:?}");
    assert!(name.iter().all(|n| n.x1 <= year.x0 + 0.5), "the year after the name: {line:?}");
    let title = line.iter().find(|x| x.text == "Hebrew").expect("the title on the line");
    assert!(year.x1 <= title.x0 + 0.5, "{line:?}");
}

/// CSL-JSON `date-parts` with the month as its name ([[2009, "Apr"]]) is
/// that month; one that is none is said (tester r16, S11: both were dropped
/// without a word).
#[test]
fn a_csl_json_month_written_as_its_name() {
    let w = workdir();
    let out = w.import_reading(
        "d.json",
        r#"[{"id":"a","type":"article-journal","title":"String month","container-title":"J","issued":{"date-parts":[[2009,"Apr"]]}},
            {"id":"c","type":"article-journal","title":"Bad month","container-title":"J","issued":{"date-parts":[[2009,"Aprl"]]}}]"#,
    );
    // The message reads as every format's for a month that is none (tester r33 F2).
    assert!(
        out.contains("in item `c`: the month in issued [2009, \"Aprl\"] not stored: \"Aprl\" is no month's name"),
        "{out}"
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "String month")["month"], 4);
    assert!(reading(&list, "Bad month")["month"].is_null());
}

/// A .csl file that prints `status` for some types of work: where it
/// printed the status ("[to appear]"), canon added "Forthcoming." as well
/// (tester r16, T2); where it did not, canon still adds it.
#[test]
fn a_style_that_prints_the_status_gets_it_once() {
    let w = workdir();
    w.import_reading(
        "p.bib",
        "@article{a, author={Osei, Jane}, title={Article to appear}, year={to appear}, journal={BMJ}}\n\
         @book{b, author={Osei, Jane}, title={Book in press}, year={in press}, publisher={Pluto}}\n",
    );
    let csl = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n<info><title>Mine</title><id>http://example.org/mine</id><updated>2024-01-01T00:00:00+00:00</updated></info>\n<citation><layout><text variable=\"title\"/></layout></citation>\n<bibliography><layout suffix=\".\"><group delimiter=\". \"><text variable=\"title\"/><choose><if type=\"article-journal\"><text variable=\"status\" prefix=\"[\" suffix=\"]\"/></if></choose></group></layout></bibliography>\n</style>\n";
    let style = w.write("mine.csl", csl);
    let refs = w.references(style.to_str().unwrap());
    let a = reference(&refs, "Article to appear");
    assert_eq!(a.matches("appear").count(), 2, "the title's and the style's, no more: {a}");
    assert!(!a.contains("Forthcoming"), "{a}");
    let b = reference(&refs, "Book in press");
    assert!(b.to_lowercase().contains("in press."), "{b}");
}

/// Scopus RIS writes a work's stage as its note ("N1  - Article in Press"):
/// the publication state, as the CSV's "Publication Stage" is, not the
/// group's note (tester r17, F25).
#[test]
fn scopus_ris_article_in_press_is_the_state_not_a_note() {
    let w = workdir();
    let out = w.import_reading(
        "p.ris",
        "TY  - JOUR\nAU  - Osei, J.\nTI  - Press RIS\nPY  - 2025\nJO  - BMJ\nN1  - Article in Press\nER  - \n\
         TY  - JOUR\nAU  - Osei, J.\nTI  - Press undated\nJO  - BMJ\nN1  - Article in Press\nER  - \n",
    );
    // With a year, Scopus's Article in Press is ahead of print (tester r43
    // F6 changed this on purpose: it was "in press", then dropped).
    assert!(!out.contains("not stored: the record has a year"), "{out}");
    let list = w.reading_list();
    assert!(reading(&list, "Press RIS")["annotation"].is_null());
    assert_eq!(reading(&list, "Press RIS")["year_note"], "ahead of print");
    assert_eq!(reading(&list, "Press undated")["year_note"], "in press");
}

/// Scopus's CSV opened and saved in Excel (tester r17, F22): read by
/// Scopus's columns as the CSV is (it was read as canon's own columns: its
/// record link as the URL, a hint to map "Cited by" into the access date),
/// with positions as the sheet's cells, rows left out written back as a
/// workbook, and `--format scopus-csv` accepted for a workbook.
#[test]
fn a_scopus_export_saved_as_a_workbook() {
    let w = workdir();
    let path = w.path("scopus.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("scopus").unwrap();
    ws.write_string(0, 0, "Scopus export, 1 May 2024").unwrap();
    let header = [
        "Authors",
        "Author full names",
        "Author(s) ID",
        "Title",
        "Year",
        "Source title",
        "Page start",
        "Page end",
        "Cited by",
        "DOI",
        "Link",
        "Document Type",
        "EID",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let rows = [
        [
            "Osei J.",
            "Osei, Jane (57000000003)",
            "57000000003",
            "Workbook good",
            "2020",
            "Lancet",
            "1",
            "9",
            "4",
            "10.1/wbgood",
            "https://www.scopus.com/x",
            "Article",
            "2-s2.0-1",
        ],
        [
            "Osei J.",
            "Osei, Jane (57000000003)",
            "57000000003",
            "Workbook bad",
            "someday",
            "Lancet",
            "1",
            "9",
            "0",
            "",
            "https://www.scopus.com/y",
            "Article",
            "2-s2.0-2",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let rej = w.path("rej.xlsx");
    let out = w.ok_stderr(&[
        "import",
        "reading",
        path.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rej.to_str().unwrap(),
    ]);
    assert!(out.contains("1 new") && out.contains("scopus!E5: year \"someday\""), "{out}");
    assert!(out.contains("column I \"Cited by\" is not read") && !out.contains("=accessed"), "{out}");
    assert!(rej.exists());
    let r = reading(&w.reading_list(), "Workbook good").clone();
    assert_eq!((r["pages"].as_str(), r["authors"][0].as_str()), (Some("1-9"), Some("Osei, Jane")), "{r:#}");
    assert!(r["url"].is_null(), "{r:#}");
    // The rows left out read back, fixed, as a workbook.
    let again = w.fails(&["import", "reading", rej.to_str().unwrap(), "--dry-run"]);
    assert!(again.contains("1 rejected") && again.contains("(header on row 1)"), "{again}");
    let forced = w.ok_stderr(&[
        "import",
        "reading",
        path.to_str().unwrap(),
        "--format",
        "scopus-csv",
        "--skip-invalid",
        "--dry-run",
    ]);
    assert!(forced.contains("0 new, 0 changed, 1 unchanged"), "{forced}");
}

/// `reading list --format csv` ends a list cut short with "et al." as
/// `export reading` does, and a BibTeX crossref loop is said (tester r16,
/// S11: the list left it out; the loop was accepted without a word).
#[test]
fn a_cut_short_list_in_csv_and_a_crossref_loop() {
    let w = workdir();
    w.import_reading("e.csv", "title,authors,year\nCut short,\"Osei, J; Mensah, K; et al.\",2020\n");
    let csv = w.ok(&["reading", "list", "--format", "csv"]);
    assert!(csv.contains("\"Osei, J; Mensah, K; et al.\""), "{csv}");
    let out = w.import_reading(
        "c.bib",
        "@inproceedings{a, title={Child}, author={Osei, J.}, year=2020, crossref={b}}\n@proceedings{b, title={Parent}, year=2020, crossref={a}}\n",
    );
    assert!(out.contains("c.bib:1:") && out.contains("names this entry back in its own crossref (a loop)"), "{out}");
}

/// A name that is a given name alone (CSL-JSON `{"given": "Plato"}`) is
/// exported as ", Plato" and read back as "Plato", the name as written
/// unchanged (tester r17, F26: it came back ", Plato").
#[test]
fn a_given_name_alone_survives_export_and_import() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[{"id":"p","type":"book","title":"The Republic","author":[{"given":"Plato"}],"issued":{"date-parts":[[1998]]}}]"#,
    );
    let csv = w.ok(&["export", "reading", "--format", "csv"]);
    assert!(csv.contains("\", Plato\""), "{csv}");
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    other.import_reading("p.csv", &csv);
    let r = reading(&other.reading_list(), "The Republic").clone();
    assert_eq!(
        (r["authors"][0].as_str(), r["author_names"][0]["given"].as_str()),
        (Some("Plato"), Some("Plato")),
        "{r:#}"
    );
}

/// Fields cleared by hand stay cleared, and a day set by hand stays set,
/// against a re-import that has them (tester r18, F8 and F9): the PMID and
/// the page count came back from the file, and the day went, while the
/// volume stood. The history check read a cleared field as absent.
#[test]
fn fields_cleared_or_set_by_hand_stand_against_a_reimport() {
    let w = workdir();
    let ris = "TY  - JOUR\nAU  - Osei, J.\nTI  - Hand cleared\nPY  - 2020\nDA  - 2020/04/\nJO  - BMJ\nVL  - 3\nAN  - 31234567\nER  - \n";
    w.import_reading("a.ris", &ris.replace("AN  - 31234567\n", "AN  - PMID: 31234567\n"));
    let id = reading(&w.reading_list(), "Hand cleared")["id"].to_string().trim_matches('"').to_string();
    let r = reading(&w.reading_list(), "Hand cleared").clone();
    assert_eq!(r["pmid"], "31234567", "{r:#}");
    w.ok(&["reading", "edit", &id, "--pmid", "", "--volume", "", "--day", "2", "--by", "amina"]);
    let out = w.import_reading("a.ris", &ris.replace("AN  - 31234567\n", "AN  - PMID: 31234567\n"));
    assert!(out.contains("kept as stored: set by hand"), "{out}");
    let r = reading(&w.reading_list(), "Hand cleared").clone();
    assert!(r["pmid"].is_null() && r["volume"].is_null(), "cleared by hand, cleared still: {r:#}");
    assert_eq!(r["day"], 2, "set by hand, set still: {r:#}");
}

/// One work from RIS and from PubMed, alternately (tester r18, F1): the
/// names written "Kofi A., Jr." and "Kofi A, Jr", the article number
/// "Article e100" and "e100", the abbreviation "Lancet Glob. Health" and
/// "Lancet Glob Health" flipped at each import ("1 changed" every time).
/// The second import settles it; after that, nothing changes. A name with
/// an aside in square brackets is read as one in round brackets (F2).
#[test]
fn ris_and_pubmed_of_one_work_settle() {
    let w = workdir();
    let ris = w.write(
        "a.ris",
        "TY  - JOUR\nAU  - Mensah, Kofi A., Jr.\nAU  - Brown, Anne [Annie]\nTI  - Settling down\nPY  - 2021\nJO  - Lancet Global Health\nJ2  - Lancet Glob. Health\nVL  - 9\nC7  - e100\nDO  - 10.1016/settle\nER  - \n",
    );
    let nbib = w.write(
        "a.nbib",
        "PMID- 33000002\nTI  - Settling down.\nFAU - Mensah, Kofi A, Jr\nAU  - Mensah KA Jr\nFAU - Brown, Anne [Annie]\nAU  - Brown A\nDP  - 2021\nJT  - Lancet Global Health\nTA  - Lancet Glob Health\nVI  - 9\nPG  - e100\nLID - 10.1016/settle [doi]\n",
    );
    w.ok(&["import", "reading", ris.to_str().unwrap()]);
    w.ok(&["import", "reading", nbib.to_str().unwrap()]);
    for f in [&ris, &nbib, &ris] {
        let out = w.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
        assert!(out.contains("0 new, 0 changed, 1 unchanged"), "{out}");
    }
    let r = reading(&w.reading_list(), "Settling down").clone();
    assert_eq!(r["pages"], "Article e100", "{r:#}");
    assert_eq!(r["author_names"][1]["given"], "Anne", "{r:#}");
    let v = w.references("vancouver");
    assert!(reference(&v, "Settling down").starts_with("Mensah KA Jr, Brown A."), "{v:?}");
}
