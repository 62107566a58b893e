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
            && matches!(&rec[1], "first authors" | "all authors")
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
