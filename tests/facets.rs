//! Issue 16: content facets anyone can set, author facets only as
//! self-identified or published, and reports that protect people. Every
//! test runs the real binary.

mod common;

use common::{Workdir, pdf_text, sample};

const DOI: &str = "10.1056/NEJMms2004740";

/// A database with the sample reading list (no modules needed for most tests).
fn readings() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.ok(&["import", "reading", &sample("reading.csv")]);
    w
}

fn show(w: &Workdir, r: &str) -> serde_json::Value {
    w.json(&["reading", "show", r, "--format", "json"])
}

#[test]
fn reading_edit_sets_content_facets_through_the_history() {
    let w = readings();
    let out = w.ok(&[
        "reading",
        "edit",
        DOI,
        "--global-south",
        "yes",
        "--open-access",
        "yes",
        "--language",
        "fr",
        "--original-language",
        "English",
        "--perspective",
        "patients of colour, told by clinicians",
        "--by",
        "amina",
    ]);
    let change = out.trim().to_string();
    let r = show(&w, DOI);
    assert_eq!(r["global_south"], true);
    assert_eq!(r["open_access"], true);
    assert_eq!(r["language"], "fr");
    assert_eq!(r["original_language"], "en");
    assert_eq!(r["translated"], true, "an original language makes a translation");
    assert_eq!(r["perspective"], "patients of colour, told by clinicians");
    // Bad values are refused with what was expected, and nothing changes.
    let e = w.fails(&["reading", "edit", DOI, "--open-access", "maybe", "--by", "amina"]);
    assert!(e.contains("expected yes, no"), "{e}");
    let e = w.fails(&["reading", "edit", DOI, "--language", "Englsh", "--by", "amina"]);
    assert!(e.contains("expected an ISO 639 code"), "{e}");
    let e = w.fails(&["reading", "edit", DOI, "--translated", "no", "--by", "amina"]);
    assert!(e.contains("original language"), "{e}");
    w.ok(&["undo", &change, "--by", "amina"]);
    let r = show(&w, DOI);
    assert_eq!(r["global_south"], serde_json::Value::Null);
    assert_eq!(r["language"], "en");
}

#[test]
fn reading_add_takes_the_facet_flags() {
    let w = readings();
    let id = w.ok(&[
        "reading",
        "add",
        "--title",
        "Decolonising the Mind",
        "--author",
        "Ngũgĩ wa Thiong'o",
        "--year",
        "1986",
        "--type",
        "book",
        "--language",
        "en",
        "--original-language",
        "Gikuyu",
        "--global-south",
        "yes",
        "--source-kind",
        "book",
        "--by",
        "amina",
    ]);
    let r = show(&w, id.trim());
    assert_eq!((r["language"].as_str(), r["original_language"].as_str()), (Some("en"), Some("ki")));
    assert_eq!(r["translated"], true);
    assert_eq!(r["global_south"], true);
}

#[test]
fn csv_facet_columns_are_read_and_bad_cells_refused() {
    let w = Workdir::new();
    w.ok(&["init"]);
    w.write(
        "list.csv",
        "title,authors,year,doi,global_south,open_access,language,original language,whose experience\n\
         Hidden in Plain Sight,\"Vyas, Darshali A.\",2020,10.1056/NEJMms2004740,yes,Y,English,,clinicians\n\
         Les damnés de la terre,\"Fanon, Frantz\",1961,,no,,French,,\n\
         The Wretched of the Earth,\"Fanon, Frantz\",1963,,yes,no,eng,fre,\n",
    );
    let err = w.ok_stderr(&["import", "reading", "list.csv"]);
    assert!(!err.contains("ignored"), "facet columns are read, not ignored: {err}");
    let all = w.json(&["reading", "list", "--format", "json"]);
    let by_title = |t: &str| all.as_array().unwrap().iter().find(|r| r["title"] == t).unwrap().clone();
    let h = by_title("Hidden in Plain Sight");
    assert_eq!((h["global_south"].clone(), h["open_access"].clone()), (true.into(), true.into()));
    assert_eq!(h["language"], "en");
    assert_eq!(h["perspective"], "clinicians");
    let wr = by_title("The Wretched of the Earth");
    assert_eq!((wr["original_language"].as_str(), wr["translated"].clone()), (Some("fr"), true.into()));
    // A cell that is not yes or no names file, line, column and what was expected; nothing is written.
    w.write("bad.csv", "title,global_south\nA work,perhaps\n");
    let e = w.fails(&["import", "reading", "bad.csv"]);
    assert!(e.contains("bad.csv:2:2: global_south \"perhaps\" is not yes or no"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'A work'"), 0);
}

#[test]
fn no_import_creates_a_facet_about_a_person() {
    let w = readings();
    w.write(
        "names.csv",
        "title,authors,year\nA,\"Adébáyọ̀, Ọlá; 鲁迅; Nguyễn, Thị\",2020\nB,\"Smith, Mary; Mohammed, Ali\",2021\n",
    );
    w.ok(&["import", "reading", "names.csv"]);
    assert_eq!(w.count("SELECT count(*) FROM person_facet"), 0);
}

#[test]
fn author_facets_need_a_basis_and_a_source_and_can_be_undone() {
    let w = readings();
    let e = w.fails(&["facet", "add", DOI, "--author", "1", "--facet", "gender", "--value", "woman", "--by", "amina"]);
    assert!(e.contains("--basis") && e.contains("--source") && e.contains("never"), "{e}");
    let e = w.fails(&[
        "facet",
        "add",
        DOI,
        "--author",
        "1",
        "--facet",
        "gender",
        "--value",
        "woman",
        "--basis",
        "inferred",
        "--source",
        "https://example.org/me",
        "--by",
        "amina",
    ]);
    assert!(e.contains("expected self-identified or published"), "{e}");
    let e = w.fails(&[
        "facet",
        "add",
        DOI,
        "--author",
        "9",
        "--facet",
        "gender",
        "--value",
        "woman",
        "--basis",
        "published",
        "--source",
        "https://example.org/me",
        "--by",
        "amina",
    ]);
    assert!(e.contains("has no author 9"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM person_facet"), 0);
    let id = w.ok(&[
        "facet",
        "add",
        DOI,
        "--author",
        "1",
        "--facet",
        "Gender",
        "--value",
        "woman",
        "--basis",
        "self-identified",
        "--source",
        "https://example.org/me",
        "--by",
        "amina",
    ]);
    let list = w.json(&["facet", "list", "--format", "json"]);
    assert_eq!(list[0]["facet"], "gender");
    assert_eq!(list[0]["recorded_by"], "amina");
    assert_eq!(list[0]["basis"], "self-identified");
    assert_eq!(list[0]["author"], "Vyas, Darshali A.");
    // The same facet for the same person again is refused: edit it instead.
    let e = w.fails(&[
        "facet",
        "add",
        DOI,
        "--author",
        "Vyas, Darshali A.",
        "--facet",
        "gender",
        "--value",
        "woman",
        "--basis",
        "published",
        "--source",
        "https://example.org/x",
        "--by",
        "amina",
    ]);
    assert!(e.contains("already recorded") && e.contains("canon facet edit"), "{e}");
    let change = w.ok(&["facet", "edit", id.trim(), "--value", "non-binary", "--by", "sam"]);
    let f = w.json(&["facet", "show", id.trim(), "--format", "json"]);
    assert_eq!((f["value"].as_str(), f["recorded_by"].as_str()), (Some("non-binary"), Some("sam")));
    w.ok(&["undo", change.trim(), "--by", "sam"]);
    let f = w.json(&["facet", "show", id.trim(), "--format", "json"]);
    assert_eq!((f["value"].as_str(), f["recorded_by"].as_str()), (Some("woman"), Some("amina")));
    let removed = w.ok(&["facet", "remove", id.trim(), "--by", "sam"]);
    assert_eq!(w.count("SELECT count(*) FROM person_facet"), 0);
    w.ok(&["undo", removed.trim(), "--by", "sam"]);
    assert_eq!(w.count("SELECT count(*) FROM person_facet"), 1);
    // A reading edit that would move the author the facet is about is refused.
    let e = w.fails(&["reading", "edit", DOI, "--author", "Jones, David S.", "--by", "sam"]);
    assert!(e.contains("recorded facets"), "{e}");
}

#[test]
fn bulk_facet_set_is_undone_as_a_range() {
    let w = readings();
    let range = w.ok(&[
        "reading",
        "facet",
        "set",
        "open-access",
        "yes",
        "--where",
        "theme=epistemic-bias",
        "--where",
        "type=article",
        "--by",
        "amina",
    ]);
    let n = w.count("SELECT count(*) FROM reading WHERE open_access = 1");
    assert!(n > 3, "{n}");
    let tagged_articles = w.count(
        "SELECT count(*) FROM reading r WHERE r.type = 'article' AND EXISTS (SELECT 1 FROM reading_tag t
           JOIN theme h ON h.id = t.theme_id WHERE t.reading_id = r.id AND h.slug = 'epistemic-bias')",
    );
    assert_eq!(n, tagged_articles);
    // Only readings with the facet not recorded yet, and a dry run writes nothing.
    let before = w.count("SELECT count(*) FROM history");
    w.ok(&["reading", "facet", "set", "open-access", "no", "--where", "open-access=", "--dry-run", "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM history"), before);
    let e = w.fails(&["reading", "facet", "set", "open-access", "yes", "--by", "amina"]);
    assert!(e.contains("--where") && e.contains("--all"), "{e}");
    w.ok(&["undo", range.trim(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE open_access IS NOT NULL"), 0);
}

/// The acceptance commands of issue 16, with a report that has enough recorded to show counts.
#[test]
fn reports_with_and_without_author_facets() {
    let w = Workdir::new();
    w.ok(&["audit", &sample("modules.csv"), &sample("reading.csv"), "--out", "first.pdf"]);
    w.ok(&[
        "reading",
        "edit",
        DOI,
        "--global-south",
        "yes",
        "--open-access",
        "yes",
        "--language",
        "fr",
        "--by",
        "amina",
    ]);
    let all = w.json(&["reading", "list", "--status", "approved", "--format", "json"]);
    let mut n = 0;
    for r in all.as_array().unwrap().iter().filter(|r| r["authors"].as_array().is_some_and(|a| !a.is_empty())) {
        let id = r["id"].to_string();
        let value = if n % 2 == 0 { "woman" } else { "man" };
        w.ok(&[
            "facet",
            "add",
            &id,
            "--author",
            "1",
            "--facet",
            "gender",
            "--value",
            value,
            "--basis",
            "self-identified",
            "--source",
            &format!("https://example.org/{n}"),
            "--by",
            "amina",
        ]);
        n += 1;
        if n == 23 {
            break;
        }
    }
    w.ok(&["report", "r.pdf"]);
    let text = pdf_text(&w.path("r.pdf")).join("\n");
    assert!(text.contains("Authors' gender") && text.contains("no quotas"), "facets page");
    assert!(text.contains("self-identified"), "the basis is stated");
    w.ok(&["report", "r.pdf", "--no-author-facets"]);
    let text = pdf_text(&w.path("r.pdf")).join("\n");
    assert!(!text.contains("Authors' gender") && text.contains("left out of this edition"), "no author facets");
    // CSV and JSON follow the same rules: the same cells, nothing under five shown.
    w.ok(&["report", "out/", "--format", "csv"]);
    let csv = std::fs::read_to_string(w.path("out/facets.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let mut people = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if rec[0] == *"gender"
            && matches!(&rec[1], "first authors" | "other authors")
            && !matches!(&rec[2], "total" | "not recorded")
        {
            people += 1;
            let v = &rec[3];
            assert!(v == "suppressed" || v == "0" || v.parse::<usize>().unwrap() >= 5, "a small count shown: {rec:?}");
        }
    }
    assert!(people >= 4, "{csv}");
    w.ok(&["report", "r.json"]);
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(w.path("r.json")).unwrap()).unwrap();
    let t = &j["facets"]["authors"][0];
    assert_eq!(t["facet"], "gender");
    assert_eq!(t["totals"][0], 70 - w.count("SELECT count(*) FROM reading r WHERE status = 'approved' AND NOT EXISTS (SELECT 1 FROM reading_author a WHERE a.reading_id = r.id)"));
    w.ok(&["report", "r2.json", "--no-author-facets"]);
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(w.path("r2.json")).unwrap()).unwrap();
    assert!(j["facets"]["authors"].is_null());
}

#[test]
fn bundles_carry_facets_with_their_provenance() {
    let w = readings();
    w.ok(&[
        "facet",
        "add",
        DOI,
        "--author",
        "2",
        "--facet",
        "region of affiliation",
        "--value",
        "North America",
        "--basis",
        "published",
        "--source",
        "Author information, NEJM 2020",
        "--by",
        "amina",
    ]);
    w.ok(&["export", "bundle", "b"]);
    let text = std::fs::read_to_string(w.path("b/person_facet.jsonl")).unwrap();
    assert!(
        text.contains("\"author_name\":\"Eisenstein, Leo G.\"") && text.contains("\"basis\":\"published\""),
        "{text}"
    );
    let other = Workdir::new();
    other.ok(&["init"]);
    other.ok(&["merge", &w.path("b").display().to_string(), "--by", "sam"]);
    let f = other.json(&["facet", "list", "--format", "json"]);
    assert_eq!(f[0]["recorded_by"], "amina", "who recorded it is kept across the merge");
    assert_eq!(f[0]["source"], "Author information, NEJM 2020");
}

#[test]
fn the_same_facet_recorded_on_both_sides_merges_as_one_record() {
    let a = readings();
    let b = Workdir::new();
    std::fs::copy(a.db(), b.db()).unwrap();
    let add = |w: &Workdir, value: &str, who: &str| {
        w.ok(&[
            "facet",
            "add",
            DOI,
            "--author",
            "1",
            "--facet",
            "gender",
            "--value",
            value,
            "--basis",
            "self-identified",
            "--source",
            "https://example.org/me",
            "--by",
            who,
        ]);
    };
    add(&a, "woman", "amina");
    add(&b, "woman", "sam");
    a.ok(&["merge", &b.db().display().to_string(), "--by", "amina"]);
    assert_eq!(a.count("SELECT count(*) FROM person_facet"), 1, "identical statements are one record");
    let c = Workdir::new();
    std::fs::copy(b.db(), c.db()).unwrap();
    c.ok(&[
        "facet",
        "edit",
        &c.json(&["facet", "list", "--format", "json"])[0]["id"].to_string(),
        "--value",
        "non-binary",
        "--by",
        "sam",
    ]);
    a.ok(&["merge", &c.db().display().to_string(), "--by", "amina"]);
    assert_eq!(a.count("SELECT count(*) FROM person_facet"), 1);
    // Their side moved the value (its history held ours before): taken, with who said it.
    let f = a.json(&["facet", "list", "--format", "json"]);
    assert_eq!((f[0]["value"].as_str(), f[0]["recorded_by"].as_str()), (Some("non-binary"), Some("sam")));
}

/// What a database holds of item keywords and facets, by names rather than
/// IDs (so two databases that numbered their records apart compare equal).
fn keywords_and_facets(db: &std::path::Path) -> (Vec<String>, Vec<String>) {
    let c = rusqlite::Connection::open(db).unwrap();
    let rows = |sql: &str| -> Vec<String> {
        let mut st = c.prepare(sql).unwrap();
        st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
    };
    let keywords = rows(
        "SELECT m.code || ' / ' || i.title || ' / ' || k.keyword FROM item_keyword k
           JOIN item i ON i.id = k.item_id JOIN module m ON m.id = i.module_id ORDER BY 1",
    );
    let mut facets = rows(
        "SELECT r.doi || ' / ' || ifnull(f.author_position, 0) || ' / ' || ifnull(f.author_name, '') || ' / ' ||
                f.facet || ' = ' || f.value || ' / ' || f.basis || ' / ' || f.source || ' / ' || c.name || ' / ' ||
                f.recorded_at
           FROM person_facet f JOIN reading r ON r.id = f.reading_id JOIN contributor c ON c.id = f.recorded_by
          ORDER BY 1",
    );
    facets.extend(rows(
        "SELECT ifnull(doi, title) || ': ' || ifnull(language, '-') || ' ' || ifnull(original_language, '-') || ' ' ||
                ifnull(global_south, '-') || ' ' || ifnull(open_access, '-') || ' ' || ifnull(source_kind, '-') || ' ' ||
                ifnull(perspective, '-')
           FROM reading ORDER BY 1",
    ));
    (keywords, facets)
}

fn bundle_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// Issue 14's item keywords travel beside the facets: a bundle round trip
/// and a merge (of a bundle, of a database) keep both with their
/// provenance, and a merge adds the keywords the other side gave a session
/// without dropping ours.
#[test]
fn bundles_and_merge_keep_item_keywords_and_facets() {
    let w = readings();
    let modules = |kw: &str| {
        format!(
            "module_code,module_title,year,session_title,keywords\n\
             MED1,Foundations,1,Race and genetics,{kw}\n\
             MED1,Foundations,1,Skin in the clinic,Skin Pigmentation; Dermatología; 皮膚\n"
        )
    };
    let m = w.write("m.csv", modules("Colonialism; Human Genetics"));
    w.ok(&["import", "modules", m.to_str().unwrap()]);
    w.ok(&[
        "reading",
        "edit",
        DOI,
        "--global-south",
        "yes",
        "--open-access",
        "yes",
        "--original-language",
        "fr",
        "--perspective",
        "patients, in their own words",
        "--by",
        "amina",
    ]);
    let add = |w: &Workdir, author: &str, value: &str, who: &str| {
        w.ok(&[
            "facet",
            "add",
            DOI,
            "--author",
            author,
            "--facet",
            "gender",
            "--value",
            value,
            "--basis",
            "self-identified",
            "--source",
            "https://example.org/me",
            "--by",
            who,
        ]);
    };
    add(&w, "1", "woman", "amina");
    let ours = keywords_and_facets(&w.db());
    assert_eq!(ours.0.len(), 5, "{:?}", ours.0);
    assert!(ours.0.contains(&"MED1 / Skin in the clinic / 皮膚".to_string()), "{:?}", ours.0);
    assert!(ours.1.iter().any(|f| f.contains("gender = woman / self-identified") && f.contains("/ amina /")));

    // Round trip: export, import into a new database, export again.
    w.ok(&["export", "bundle", "b"]);
    let kw = std::fs::read_to_string(w.path("b/item_keyword.jsonl")).unwrap();
    assert_eq!(kw.lines().count(), 5, "{kw}");
    assert!(kw.contains("\"keyword\":\"Dermatología\""), "{kw}");
    let c = Workdir::new();
    c.ok(&["import", "bundle", w.path("b").to_str().unwrap()]);
    assert_eq!(keywords_and_facets(&c.db()), ours, "the bundle round trip lost something");
    c.ok(&["export", "bundle", "again"]);
    assert_eq!(bundle_files(&w.path("b")), bundle_files(&c.path("again")), "a re-export differs");

    // A merge of the bundle into a database of its own: the same, recorder kept.
    let d = Workdir::new();
    d.ok(&["init"]);
    d.ok(&["merge", w.path("b").to_str().unwrap(), "--by", "sam"]);
    assert_eq!(keywords_and_facets(&d.db()), ours, "the merge of a bundle lost something");

    // Two copies go their ways: theirs gains a keyword and a facet about the
    // second author; ours keeps what it had. Merged, both are kept once.
    let e = Workdir::new();
    std::fs::copy(w.db(), e.db()).unwrap();
    let m2 = e.write("m.csv", modules("Colonialism; Eugenics"));
    e.ok(&["import", "modules", m2.to_str().unwrap()]);
    add(&e, "2", "man", "sam");
    let out = w.ok(&["merge", e.db().to_str().unwrap(), "--by", "amina"]);
    assert!(out.contains("keyword \"Eugenics\""), "{out}");
    let merged = keywords_and_facets(&w.db());
    assert_eq!(merged.0.len(), 6, "{:?}", merged.0);
    assert!(merged.0.contains(&"MED1 / Race and genetics / Human Genetics".to_string()), "ours kept");
    assert!(merged.0.contains(&"MED1 / Race and genetics / Eugenics".to_string()), "theirs added");
    assert!(merged.1.iter().any(|f| f.contains("gender = man / self-identified") && f.contains("/ sam /")));
    assert!(merged.1.iter().any(|f| f.contains("gender = woman / self-identified") && f.contains("/ amina /")));
    // Again: nothing new. And the other way round, both sides end equal.
    w.ok(&["merge", e.db().to_str().unwrap(), "--by", "amina"]);
    assert_eq!(keywords_and_facets(&w.db()), merged);
    e.ok(&["merge", w.db().to_str().unwrap(), "--by", "sam"]);
    assert_eq!(keywords_and_facets(&e.db()), merged);
}

/// Workbooks (issue 14) go through the same columns as CSV: the facet
/// columns are read, and a bad cell is named by sheet and cell.
#[test]
fn workbook_facet_columns_are_read_and_bad_cells_refused() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let sheet = |name: &str, rows: &[&[&str]]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Readings").unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        let path = w.path(name);
        wb.save(&path).unwrap();
        path.to_str().unwrap().to_string()
    };
    let good = sheet(
        "list.xlsx",
        &[
            &["Title", "Year", "Global South", "OA", "Language", "Translated from", "Whose experience"],
            &[
                "The Wretched of the Earth",
                "1963",
                "yes",
                "no",
                "English",
                "French",
                "the colonised, told by a psychiatrist",
            ],
            &["Ubuntu and health", "2019", "y", "yes", "isiZulu", "", ""],
        ],
    );
    let err = w.ok_stderr(&["import", "reading", &good]);
    assert!(!err.contains("is not read"), "facet columns are read, not ignored: {err}");
    let all = w.json(&["reading", "list", "--format", "json"]);
    let by_title = |t: &str| all.as_array().unwrap().iter().find(|r| r["title"] == t).unwrap().clone();
    let f = by_title("The Wretched of the Earth");
    assert_eq!((f["global_south"].clone(), f["open_access"].clone()), (true.into(), false.into()));
    assert_eq!((f["language"].as_str(), f["original_language"].as_str()), (Some("en"), Some("fr")));
    assert_eq!(f["perspective"], "the colonised, told by a psychiatrist");
    let u = by_title("Ubuntu and health");
    assert_eq!((u["global_south"].clone(), u["language"].as_str()), (true.into(), Some("zu")));
    let bad = sheet("bad.xlsx", &[&["Title", "Open access"], &["A work", "sometimes"]]);
    let e = w.fails(&["import", "reading", &bad]);
    assert!(e.contains("bad.xlsx:Readings!B2") && e.contains("not yes or no"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'A work'"), 0);
}

/// Records `gender` = `value` for author `pos` of reading `r`.
fn gender(w: &Workdir, r: &str, pos: &str, value: &str, n: usize, by: &str) {
    w.ok(&[
        "facet",
        "add",
        r,
        "--author",
        pos,
        "--facet",
        "gender",
        "--value",
        value,
        "--basis",
        "self-identified",
        "--source",
        &format!("https://example.org/s/{n}"),
        "--by",
        by,
    ]);
}

/// A reading list of `n` readings with two authors each, in two themes.
fn two_author_list(n: usize) -> Workdir {
    let w = Workdir::new();
    w.ok(&["init"]);
    let mut csv = String::from("title,authors,year,type,doi,themes\n");
    for k in 1..=n {
        let theme = if k <= n / 2 { "epistemic-bias" } else { "historical-awareness" };
        csv.push_str(&format!("T{k},\"Fa{k}, G; Sb{k}, H\",2000,article,10.6666/{k},{theme}\n"));
    }
    let f = w.write("list.csv", csv);
    w.ok(&["import", "reading", &f.display().to_string()]);
    w
}

/// Issue 16b: a theme filter cannot be used to difference author facets: the tables are the
/// whole list's, and the report says so; the first- and other-author columns never overlap.
#[test]
fn author_facets_are_counted_over_the_whole_list_whatever_the_filter() {
    let w = two_author_list(20);
    // 12 women and men among first authors, 2 in the first theme only.
    for k in 1..=12 {
        gender(&w, &format!("10.6666/{k}"), "1", if k % 6 < 3 { "woman" } else { "man" }, k, "amina");
    }
    // One woman among the second authors: all − first would have shown 1.
    gender(&w, "10.6666/1", "2", "woman", 100, "amina");
    w.ok(&["report", "whole.json"]);
    let themes = w.json(&["theme", "list", "--format", "json"]);
    let slug = themes.as_array().unwrap().iter().find(|t| t["slug"] == "epistemic-bias").map(|_| "epistemic-bias");
    let Some(slug) = slug else { panic!("the seeded themes have no epistemic-bias: {themes}") };
    w.ok(&["report", "part.json", "--theme", slug]);
    let read = |f: &str| -> serde_json::Value { serde_json::from_slice(&std::fs::read(w.path(f)).unwrap()).unwrap() };
    let (whole, part) = (read("whole.json"), read("part.json"));
    assert_eq!(whole["facets"]["authors"], part["facets"]["authors"], "the same tables under a filter");
    assert_ne!(whole["facets"]["readings"], part["facets"]["readings"], "content facets follow the scope");
    let t = &whole["facets"]["authors"][0];
    assert_eq!(t["columns"], serde_json::json!(["First authors", "Other authors"]));
    assert_eq!(t["totals"], serde_json::json!([20, 20]));
    // The single other author is hidden, and so is what would give it away.
    let other: Vec<&serde_json::Value> = t["rows"].as_array().unwrap().iter().map(|r| &r["cells"][1]).collect();
    assert!(other.iter().any(|c| *c == "suppressed"), "{t}");
    assert_eq!(t["not_recorded"][1], "suppressed", "{t}");
    // The report states the rule, and that the filtered report's author tables are not filtered.
    w.ok(&["report", "part.pdf", "--theme", slug]);
    let text = pdf_text(&w.path("part.pdf")).join(" ");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("never under a filter"), "{flat}");
    assert!(flat.contains("the author-facet tables below are not"), "{flat}");
    // Programme/year/module filters change no facet count, and the section says so.
    w.ok(&["report", "prog.json", "--year", "1"]);
    let prog = read("prog.json");
    assert_eq!(prog["facets"]["authors"], whole["facets"]["authors"]);
    assert_eq!(prog["facets"]["scope"]["other"], "year 1");
}

/// Issue 16b: a table with too few recorded says how many are recorded and why no value is
/// listed, in the PDF and the CSV alike, and no sentence claims what the table does not do.
#[test]
fn withheld_author_tables_say_why_in_every_format() {
    let w = two_author_list(10);
    gender(&w, "10.6666/1", "1", "woman", 1, "amina");
    gender(&w, "10.6666/2", "1", "man", 2, "amina");
    w.ok(&["report", "r.pdf"]);
    let text = pdf_text(&w.path("r.pdf")).join(" ");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("2 authorships recorded, fewer than 5"), "{flat}");
    assert!(!flat.contains("too few to hide"), "{flat}");
    assert!(flat.contains("A count of 1 to 4 people"), "{flat}");
    w.ok(&["report", "out/", "--format", "csv"]);
    let csv = std::fs::read_to_string(w.path("out/facets.csv")).unwrap();
    assert!(
        csv.contains("gender,first authors,recorded,2,\"values withheld: 2 authorships recorded, fewer than 5\""),
        "{csv}"
    );
    assert!(!csv.contains("gender,first authors,woman"), "no value listed: {csv}");
}

/// Issue 16b: bundles and merges refuse what `canon facet add` refuses, and `canon check`
/// names such rows.
#[test]
fn bundles_and_merges_refuse_facets_the_cli_refuses() {
    let w = readings();
    w.ok(&[
        "facet",
        "add",
        DOI,
        "--author",
        "1",
        "--facet",
        "gender",
        "--value",
        "woman",
        "--basis",
        "self-identified",
        "--source",
        "https://example.org/me",
        "--by",
        "amina",
    ]);
    w.ok(&["export", "bundle", "b"]);
    let good = std::fs::read_to_string(w.path("b/person_facet.jsonl")).unwrap();
    let rec: serde_json::Value = serde_json::from_str(good.lines().next().unwrap()).unwrap();
    type Damage = Box<dyn Fn(&mut serde_json::Map<String, serde_json::Value>)>;
    let cases: Vec<(&str, Damage, &str)> = vec![
        ("empty source", Box::new(|m| drop(m.insert("source".into(), "".into()))), "source"),
        ("blank source", Box::new(|m| drop(m.insert("source".into(), "   ".into()))), "source"),
        ("bad url", Box::new(|m| drop(m.insert("source".into(), "https://x".into()))), "source"),
        ("null recorder", Box::new(|m| drop(m.insert("recorded_by".into(), serde_json::Value::Null))), "recorded_by"),
        ("no recorder", Box::new(|m| drop(m.remove("recorded_by"))), "recorded_by"),
        ("empty value", Box::new(|m| drop(m.insert("value".into(), "".into()))), "value"),
        ("empty facet", Box::new(|m| drop(m.insert("facet".into(), " ".into()))), "facet"),
        ("position 0", Box::new(|m| drop(m.insert("author_position".into(), 0.into()))), "author_position"),
        ("position 99", Box::new(|m| drop(m.insert("author_position".into(), 99.into()))), "author_position"),
        ("not a time", Box::new(|m| drop(m.insert("recorded_at".into(), "yesterday".into()))), "recorded_at"),
        ("guessed", Box::new(|m| drop(m.insert("basis".into(), "guessed".into()))), "basis"),
    ];
    let target = Workdir::new();
    target.ok(&["init"]);
    for (name, change, field) in &cases {
        let mut m = rec.as_object().unwrap().clone();
        change(&mut m);
        let dir = format!("t-{}", name.replace(' ', "-"));
        copy_dir(&w.path("b"), &w.path(&dir));
        std::fs::write(w.path(&format!("{dir}/person_facet.jsonl")), format!("{}\n", serde_json::Value::Object(m)))
            .unwrap();
        let bundle = w.path(&dir).display().to_string();
        let e = target.fails(&["merge", &bundle, "--by", "sam"]);
        assert!(e.contains(field), "{name}: merge refused for another reason: {e}");
        let fresh = Workdir::new();
        let e = fresh.fails(&["import", "bundle", &bundle]);
        assert!(e.contains(field), "{name}: import bundle refused for another reason: {e}");
    }
    assert_eq!(target.count("SELECT count(*) FROM person_facet"), 0, "nothing written");
    // A facet name in another case is the same facet, written as the CLI writes it.
    let mut m = rec.as_object().unwrap().clone();
    m.insert("facet".into(), "GENDER".into());
    copy_dir(&w.path("b"), &w.path("upper"));
    std::fs::write(w.path("upper/person_facet.jsonl"), format!("{}\n", serde_json::Value::Object(m))).unwrap();
    target.ok(&["merge", &w.path("upper").display().to_string(), "--by", "sam"]);
    let f = target.json(&["facet", "list", "--format", "json"]);
    assert_eq!(f[0]["facet"], "gender");
    // `canon check` names a row an older canon (or a hand edit) let in.
    let db = rusqlite::Connection::open(w.db()).unwrap();
    db.execute("UPDATE person_facet SET source = '', facet = 'Gender'", []).unwrap();
    drop(db);
    let e = w.fails(&["check"]);
    let listing = w.cmd(&["check"]).output().unwrap();
    let all = format!("{e}{}", String::from_utf8_lossy(&listing.stdout));
    assert!(all.contains("author facets") && all.contains("source"), "{all}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// Issue 16b: taking their side of a facet conflict takes who said it and when with the value.
#[test]
fn resolving_a_facet_conflict_for_theirs_credits_their_recorder() {
    let a = readings();
    gender(&a, DOI, "1", "woman", 1, "amina");
    let b = Workdir::new();
    std::fs::copy(a.db(), b.db()).unwrap();
    let id = a.json(&["facet", "list", "--format", "json"])[0]["id"].to_string();
    a.ok(&["facet", "edit", &id, "--value", "agender", "--by", "amina"]);
    b.ok(&["facet", "edit", &id, "--value", "non-binary", "--by", "sam"]);
    a.ok(&["merge", &b.db().display().to_string(), "--by", "amina"]);
    let open = a.json(&["resolve", "--format", "json"]);
    let c = open.as_array().unwrap().iter().find(|c| c["entity"] == "person_facet").expect("a facet conflict");
    a.ok(&["resolve", &c["id"].to_string(), "--take", "theirs", "--by", "amina"]);
    let f = a.json(&["facet", "list", "--format", "json"]);
    assert_eq!((f[0]["value"].as_str(), f[0]["recorded_by"].as_str()), (Some("non-binary"), Some("sam")));
}

/// Issue 16b: a facet never moves to another person; history lists facets by their name.
#[test]
fn a_facet_cannot_be_moved_to_another_author_and_the_log_finds_facets() {
    let w = readings();
    gender(&w, DOI, "1", "woman", 1, "amina");
    let id = w.json(&["facet", "list", "--format", "json"])[0]["id"].to_string();
    // A facet without basis or source is a usage error (status 2, as README says).
    let out = w
        .cmd(&["facet", "add", DOI, "--author", "2", "--facet", "gender", "--value", "man", "--by", "amina"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let e = w.fails(&["facet", "edit", &id, "--author", "2", "--by", "amina"]);
    assert!(e.contains("about one person") && e.contains("record it again"), "{e}");
    let e = w.fails(&["facet", "edit", &id, "--creators", "--by", "amina"]);
    assert!(e.contains("about one person"), "{e}");
    assert_eq!(w.json(&["facet", "list", "--format", "json"])[0]["author_position"], 1);
    for entity in ["person_facet", "facet"] {
        let log = w.ok(&["log", "--entity", entity]);
        assert!(log.contains("person_facet"), "{entity}: {log}");
    }
}

/// Issue 16b: an import that set a yes/no facet can be undone (the history's true/false is the
/// database's 1/0).
#[test]
fn undo_of_an_import_that_set_yes_no_facets() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let a = w.write(
        "a.csv",
        "title,authors,year,type,themes,global_south,language\nU1,\"A, B\",2001,article,epistemic-bias,yes,fr\n",
    );
    let b = w.write("b.csv", "title,authors,year,type,themes,global_south,open_access,language\nU1,\"A, B\",2001,article,epistemic-bias,no,yes,es\n");
    w.ok(&["import", "reading", &a.display().to_string(), "--by", "amina"]);
    w.ok(&["import", "reading", &b.display().to_string(), "--by", "amina"]);
    let last = w.count("SELECT max(id) FROM history WHERE entity = 'reading'");
    w.ok(&["undo", &last.to_string(), "--by", "amina"]);
    assert_eq!(w.count("SELECT global_south FROM reading"), 1);
    let first = w.count("SELECT min(id) FROM history WHERE entity = 'reading'");
    w.ok(&["undo", &first.to_string(), "--by", "amina"]);
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
}

/// Issue 16b: every import format makes languages codes by the CLI's rule; one canon does not
/// know is not stored and a warning names the record's line and the value. A "Source" column
/// is not taken for the kind of source, and a header about authors is never suggested as a
/// content facet.
#[test]
fn imported_languages_follow_the_cli_rule_and_unknown_ones_are_named() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let csv = w.write(
        "l.csv",
        "title,authors,year,type,doi,themes,language,source\n\
         A,\"A, B\",2001,article,10.5555/1,epistemic-bias,Punjabi,https://example.org\n\
         B,\"C, D\",2002,article,10.5555/2,epistemic-bias,Englsh,PubMed\n",
    );
    let err = w.ok_stderr(&["import", "reading", &csv.display().to_string()]);
    assert!(err.contains("l.csv:3") && err.contains("Englsh"), "{err}");
    assert!(err.contains("source"), "the Source column is named as not read: {err}");
    assert_eq!(show(&w, "10.5555/1")["language"], "pa");
    assert_eq!(show(&w, "10.5555/2")["language"], serde_json::Value::Null);
    assert_eq!(show(&w, "10.5555/1")["source_kind"], serde_json::Value::Null);
    let ris = w.write(
        "l.ris",
        "TY  - JOUR\nTI  - C\nAU  - E, F\nPY  - 2003\nDO  - 10.5555/3\nLA  - Bangla\nER  - \n\
         TY  - JOUR\nTI  - D\nAU  - G, H\nPY  - 2004\nDO  - 10.5555/4\nLA  - x = 1 + 2\nER  - \n",
    );
    let err = w.ok_stderr(&["import", "reading", &ris.display().to_string()]);
    assert!(err.contains("x = 1 + 2"), "{err}");
    assert_eq!(show(&w, "10.5555/3")["language"], "bn");
    assert_eq!(show(&w, "10.5555/4")["language"], serde_json::Value::Null);
    // A header about authors is never suggested for a content facet.
    let af = w.write("af.csv", "title,author_gender,year\nE,woman,2001\n");
    let e = w.ok_stderr(&["import", "reading", &af.display().to_string()]);
    assert!(e.contains("\"author_gender\" is not read"), "the column is named as not read: {e}");
    assert!(!e.contains("author_gender=global_south"), "{e}");
    assert!(!e.contains("author_gender=authors"), "a gender column is no list of authors: {e}");
}

/// Issue 16c: a three-letter code that ISO 639-3 does not assign (xyz, zzz) is refused like any
/// other unknown language at every door — the CLI's flags, every import format, a bundle's import
/// and merge, `canon check` — and a valid ISO 639-3 code is named in reports (tpi: Tok Pisin).
#[test]
fn codes_outside_iso_639_3_are_refused_at_every_door_and_real_ones_are_named() {
    let w = readings();
    let expected = "expected an ISO 639 code";
    // Flags: reading edit, reading add, the bulk form.
    for (flag, code) in [("--language", "xyz"), ("--original-language", "zzz"), ("--language", "en; xyz")] {
        let e = w.fails(&["reading", "edit", DOI, flag, code, "--by", "amina"]);
        assert!(e.contains("is not a language canon knows") && e.contains(expected), "{flag} {code}: {e}");
    }
    let e = w.fails(&["reading", "add", "--title", "T", "--language", "zzz", "--by", "amina"]);
    assert!(e.contains("\"zzz\" is not a language canon knows") && e.contains(expected), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'T'"), 0);
    let e = w.fails(&["reading", "facet", "set", "language", "xyz", "--all", "--by", "amina"]);
    assert!(e.contains("\"xyz\" is not a language canon knows"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language = 'xyz'"), 0);
    // A real ISO 639-3 code, and its English name, are taken.
    w.ok(&["reading", "edit", DOI, "--language", "Tok Pisin", "--original-language", "hyw", "--by", "amina"]);
    let r = show(&w, DOI);
    assert_eq!((r["language"].as_str(), r["original_language"].as_str()), (Some("tpi"), Some("hyw")));
    w.ok(&["report", "out/", "--format", "csv"]);
    let csv = std::fs::read_to_string(w.path("out/facets.csv")).unwrap();
    assert!(csv.contains("Tok Pisin") && !csv.contains(",tpi,"), "reports name the language: {csv}");
    // The reading CSV: a language not stored, with a warning naming file, line and value (as
    // for any language canon does not know); an original language refused with line and column.
    let f = w.write(
        "l.csv",
        "title,authors,year,doi,language,original_language\n\
         Xa,\"A, B\",2001,10.5555/1,xyz,\n\
         Xb,\"C, D\",2002,10.5555/2,Englsh,\n",
    );
    let err = w.ok_stderr(&["import", "reading", &f.display().to_string()]);
    for (line, v) in [("l.csv:2:5:", "xyz"), ("l.csv:3:5:", "Englsh")] {
        let at = err.lines().find(|l| l.contains(line)).unwrap_or_else(|| panic!("no warning for {line}: {err}"));
        assert!(at.contains(&format!("{v:?} is not a language canon knows")) && at.contains(expected), "{at}");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IN ('xyz', 'Englsh')"), 0);
    let f = w.write("o.csv", "title,authors,year,original_language\nXc,\"E, F\",2003,zzz\n");
    let e = w.fails(&["import", "reading", &f.display().to_string()]);
    assert!(e.contains("o.csv:2:4: original_language: \"zzz\" is not a language canon knows"), "{e}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Xc'"), 0, "nothing written");
    // Bibliographic formats, as their language fields carry it.
    let ris = w.write("l.ris", "TY  - JOUR\nTI  - Xd\nAU  - G, H\nPY  - 2004\nLA  - xyz\nER  - \n");
    let err = w.ok_stderr(&["import", "reading", &ris.display().to_string()]);
    assert!(err.contains("l.ris:") && err.contains("\"xyz\" is not a language canon knows"), "{err}");
    let bib = w.write("l.bib", "@article{k, title={Xe}, author={I, J}, year={2005}, language={zzz}}\n");
    let err = w.ok_stderr(&["import", "reading", &bib.display().to_string()]);
    assert!(err.contains("l.bib:") && err.contains("\"zzz\" is not a language canon knows"), "{err}");
    let csl = w.write(
        "l.json",
        r#"[{"id":"x","type":"article-journal","title":"Xf","author":[{"family":"K","given":"L"}],"issued":{"date-parts":[[2006]]},"language":"xyz"}]"#,
    );
    let err = w.ok_stderr(&["import", "reading", &csl.display().to_string()]);
    assert!(err.contains("l.json") && err.contains("\"xyz\" is not a language canon knows"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IN ('xyz', 'zzz')"), 0);
    // A bundle carrying one is refused by import and merge, naming file, line, field and what
    // was expected; nothing is written.
    w.ok(&["export", "bundle", "b"]);
    let text = std::fs::read_to_string(w.path("b/reading.jsonl")).unwrap();
    let n = text.lines().position(|l| l.contains("\"language\":\"tpi\"")).expect("the edited reading") + 1;
    for (name, from, to) in [
        ("xyz", "\"language\":\"tpi\"", "\"language\":\"xyz\""),
        ("zzz", "\"original_language\":\"hyw\"", "\"original_language\":\"zzz\""),
    ] {
        let dir = format!("bad-{name}");
        copy_dir(&w.path("b"), &w.path(&dir));
        std::fs::write(w.path(&format!("{dir}/reading.jsonl")), text.replacen(from, to, 1)).unwrap();
        let bundle = w.path(&dir).display().to_string();
        let field = if name == "xyz" { "field \"language\"" } else { "field \"original_language\"" };
        let target = Workdir::new();
        target.ok(&["init"]);
        let e = target.fails(&["merge", &bundle, "--by", "sam"]);
        assert!(e.contains(&format!("reading.jsonl:{n}:")) && e.contains(field) && e.contains(expected), "{e}");
        assert_eq!(target.count("SELECT count(*) FROM reading"), 0, "nothing merged");
        let fresh = Workdir::new();
        let e = fresh.fails(&["import", "bundle", &bundle]);
        assert!(e.contains(&format!("reading.jsonl:{n}:")) && e.contains(field), "{e}");
    }
    // `canon check` names a reading an older canon let in with such a language.
    w.ok(&["check"]);
    let db = rusqlite::Connection::open(w.db()).unwrap();
    let id = show(&w, DOI)["id"].as_i64().unwrap();
    assert_eq!(db.execute("UPDATE reading SET language = 'xyz' WHERE id = ?1", [id]).unwrap(), 1);
    drop(db);
    w.fails(&["check"]);
    let listing = String::from_utf8(w.cmd(&["check", "--format", "csv"]).output().unwrap().stdout).unwrap();
    let row = listing.lines().find(|l| l.starts_with("languages,")).unwrap_or_else(|| panic!("{listing}"));
    assert!(row.contains("PROBLEM") && row.contains("\"\"xyz\"\" is not a language canon knows"), "{row}");
}

/// Issue 16c: a merged facet about a person goes to the same person, found by the name it was
/// recorded about, when the two copies list the authors in another order; one about a person
/// our copy does not list is not merged, and is counted and named — never put on someone else.
#[test]
fn merged_facets_follow_their_person_not_their_position() {
    let a = readings();
    let b = Workdir::new();
    std::fs::copy(a.db(), b.db()).unwrap();
    // Our copy (b) lists the authors in another order and has dropped Jones.
    b.ok(&["reading", "edit", DOI, "--author", "Eisenstein, Leo G.", "--author", "Vyas, Darshali A.", "--by", "sam"]);
    // Their copy (a) records facets about Vyas (their 1), Eisenstein (their 2) and Jones (their 3).
    gender(&a, DOI, "1", "woman", 1, "amina");
    gender(&a, DOI, "2", "man", 2, "amina");
    gender(&a, DOI, "3", "man", 3, "amina");
    let out = b.cmd(&["merge", &a.db().display().to_string(), "--by", "sam", "--format", "csv"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (steps, note) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert_eq!(show(&b, DOI)["authors"], serde_json::json!(["Eisenstein, Leo G.", "Vyas, Darshali A."]), "ours kept");
    assert_eq!(
        facets_by_person(&b),
        [
            ("Eisenstein, Leo G.".to_string(), 1, "man".to_string()),
            ("Vyas, Darshali A.".to_string(), 2, "woman".to_string())
        ],
        "each facet is about the same person as on their side"
    );
    assert!(steps.contains("placed,person_facet") && steps.contains("author 2 here (Vyas, Darshali A.)"), "{steps}");
    let row = steps.lines().find(|l| l.starts_with("not-placed,")).unwrap_or_else(|| panic!("{steps}"));
    assert!(row.contains("Jones, David S.") && row.contains("their author 3"), "the person is named: {row}");
    assert!(note.contains("1 of their author facets not placed"), "counted: {note}");
    assert_eq!(b.count("SELECT count(*) FROM person_facet"), 2);
    // Merging again changes nothing and still says what was not placed.
    let again = b.ok_stderr(&["merge", &a.db().display().to_string(), "--by", "sam"]);
    assert!(again.contains("0 added") && again.contains("1 of their author facets not placed"), "{again}");
    // The other way round: our author list (moved on our side) would move the authors a's
    // facets are about, so it is a conflict, not taken; b's new facet lands on Vyas in a's order.
    b.ok(&[
        "facet",
        "add",
        DOI,
        "--author",
        "2",
        "--facet",
        "region of affiliation",
        "--value",
        "North America",
        "--basis",
        "published",
        "--source",
        "Author information, NEJM 2020",
        "--by",
        "sam",
    ]);
    let steps = a.ok(&["merge", &b.db().display().to_string(), "--by", "amina", "--format", "csv"]);
    assert!(steps.contains("would move, rename or drop an author our facets are about"), "{steps}");
    assert_eq!(
        show(&a, DOI)["authors"],
        serde_json::json!(["Vyas, Darshali A.", "Eisenstein, Leo G.", "Jones, David S."]),
        "a's authors stay where its facets say"
    );
    let got = facets_by_person(&a);
    assert!(got.contains(&("Vyas, Darshali A.".to_string(), 1, "North America".to_string())), "{got:?}");
    assert!(got.contains(&("Vyas, Darshali A.".to_string(), 1, "woman".to_string())), "{got:?}");
    assert!(got.contains(&("Jones, David S.".to_string(), 3, "man".to_string())), "{got:?}");
    // Taking their author list when resolving is refused like `reading edit` (facet IDs named).
    let open = a.json(&["resolve", "--format", "json"]);
    let c = open.as_array().unwrap().iter().find(|c| c["entity"] == "reading").expect("the author-list conflict");
    let e = a.fails(&["resolve", &c["id"].to_string(), "--take", "theirs", "--by", "amina"]);
    assert!(e.contains("would move, rename or remove an author with recorded facets"), "{e}");
    assert_eq!(show(&a, DOI)["authors"][0], "Vyas, Darshali A.");
}

/// Every facet about a person: (the name it was recorded about, the position, the value), sorted.
fn facets_by_person(w: &Workdir) -> Vec<(String, i64, String)> {
    let c = rusqlite::Connection::open(w.db()).unwrap();
    let mut st = c
        .prepare(
            "SELECT a.name, p.author_position, p.value FROM person_facet p
               JOIN reading_author a ON a.reading_id = p.reading_id AND a.position = p.author_position
              WHERE a.name = p.author_name ORDER BY 1, 2, 3",
        )
        .unwrap();
    let rows: Vec<(String, i64, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
    let all =
        c.query_row("SELECT count(*) FROM person_facet WHERE author_position IS NOT NULL", [], |r| r.get::<_, i64>(0));
    assert_eq!(rows.len() as i64, all.unwrap(), "every facet's recorded name is the author at its position");
    rows
}

/// 10e: a language canon does not know is warned about at the line (and
/// column) of the language field itself, in every reference format, not at
/// the record's first line; the record is still imported.
#[test]
fn a_language_warning_points_at_the_language_field_in_every_format() {
    let w = Workdir::new();
    w.ok(&["init"]);
    let files = [
        ("l.ris", "TY  - JOUR\nTI  - In RIS\nAU  - Doe, J\nPY  - 2001\nLA  - Klingonese\nER  - \n".to_string(), "5:7"),
        ("l.bib", "@article{k1,\n  title = {In BibTeX},\n  year = {2001},\n  language = {Klingonese}\n}\n".into(), "4:3"),
        ("l2.bib", "@article{k2,\n  title = {In BibLaTeX},\n\n  langid = {Klingonese},\n}\n".into(), "4:3"),
        (
            "l.json",
            "[\n  {\n    \"id\": \"x\",\n    \"type\": \"article-journal\",\n    \"title\": \"In CSL-JSON\",\n    \"language\": \"Klingonese\"\n  }\n]\n"
                .into(),
            "6:5",
        ),
        ("l.nbib", "PMID- 1\nTI  - In MEDLINE\nDP  - 2001\nAU  - Doe J\nLA  - Klingonese\n\n".into(), "5:7"),
        (
            "l.xml",
            "<?xml version=\"1.0\"?>\n<xml><records>\n<record>\n<ref-type name=\"Journal Article\">17</ref-type>\n\
             <titles><title>In EndNote</title></titles>\n<dates><year>2001</year></dates>\n\
             <language>Klingonese</language>\n</record>\n</records></xml>\n"
                .into(),
            "7:1",
        ),
    ];
    for (name, text, at) in files {
        let f = w.write(name, text);
        let err = w.ok_stderr(&["import", "reading", f.to_str().unwrap()]);
        let want = format!("{name}:{at}: warning: language not stored: \"Klingonese\" is not a language canon knows");
        assert!(err.contains(&want), "{name}: expected {want:?} in:\n{err}");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IS NULL"), 6, "imported, without the language");
}
