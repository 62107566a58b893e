//! Tester r88 F7, F8 and the lead's notes: one work is stored alike
//! whatever its format and whether it came by `canon import` or `canon
//! merge`. A note's "Epub ahead of print" is the state in every format
//! (F7); a merge applies the import's rules for lists of people (a body's
//! initials and its name, F8; names in the work's own script and
//! romanised) and for the date of an article online before its issue.

mod common;
use common::*;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn db(w: &Workdir, name: &str) -> PathBuf {
    w.path(name)
}

fn import_at(w: &Workdir, db: &Path, name: &str) -> String {
    stderr_at(w, db, &["import", "reading", w.path(name).to_str().unwrap()])
}

/// The fields `keys` of the one reading in `db`.
fn fields_at(w: &Workdir, db: &Path, keys: &[&str]) -> Value {
    let list = json_at(w, db, &["reading", "list", "--format", "json"]);
    assert_eq!(list.as_array().expect("a list").len(), 1, "{list:#}");
    let r = &list[0];
    keys.iter().map(|k| (k.to_string(), r[*k].clone())).collect::<serde_json::Map<_, _>>().into()
}

/// Every reading's reference in `style` from `db`'s JSON report, sorted.
fn references_at(w: &Workdir, db: &Path, style: &str) -> Vec<String> {
    let mut refs = w.all_references_at(db, style);
    refs.sort();
    refs
}

/// The four ways one group gets the two files `a` and `b`: each imported
/// into its own database and each copy merged into the other (both
/// directions), and both imported into one database in either order. All
/// four hold `want` (the fields it names), the merges list no conflict,
/// `canon resolve` shows none open, and all print `refs` in Vancouver and
/// APA. Returns the two merges' listings (into a, into b).
fn converge(
    w: &Workdir,
    (na, a): (&str, &str),
    (nb, b): (&str, &str),
    want: Value,
    refs: (&str, &str),
) -> (String, String) {
    w.write(na, a);
    w.write(nb, b);
    let (da, db_) = (db(w, "a.db"), db(w, "b.db"));
    import_at(w, &da, na);
    import_at(w, &db_, nb);
    std::fs::copy(&da, db(w, "a0.db")).unwrap();
    std::fs::copy(&db_, db(w, "b0.db")).unwrap();
    let into_a = w.ok_at(&da, &["merge", db(w, "b0.db").to_str().unwrap(), "--by", "t"]);
    let into_b = w.ok_at(&db_, &["merge", db(w, "a0.db").to_str().unwrap(), "--by", "t"]);
    let (i1, i2) = (db(w, "i1.db"), db(w, "i2.db"));
    import_at(w, &i1, na);
    import_at(w, &i1, nb);
    import_at(w, &i2, nb);
    import_at(w, &i2, na);
    let keys: Vec<&str> = want.as_object().unwrap().keys().map(String::as_str).collect();
    for (d, what) in
        [(&da, "theirs merged into a"), (&db_, "theirs merged into b"), (&i1, "a then b"), (&i2, "b then a")]
    {
        assert_eq!(fields_at(w, d, &keys), want, "{what}\n{into_a}\n{into_b}");
        assert_eq!(w.ok_at(d, &["resolve"]).trim(), "", "{what}: conflicts open");
        assert_eq!(references_at(w, d, "vancouver"), vec![refs.0.to_string()], "{what}");
        assert_eq!(references_at(w, d, "apa"), vec![refs.1.to_string()], "{what}");
    }
    for out in [&into_a, &into_b] {
        assert!(!out.contains("conflict"), "{out}");
    }
    (into_a, into_b)
}

// ---- F8: a body's initials and its name ------------------------------------

const WHO_CSV: &str = "title,authors,year,type,publisher,place,edition,isbn\n\
    \"Closing the gap in a generation: health equity through action on the social determinants of health\",\
    \"WHO\",2008,report,WHO,Geneva,2nd,978-92-4-156370-3\n";

const WHO_RIS: &str = "TY  - RPRT\nAU  - World Health Organization\nTI  - Closing the gap in a generation\n\
    PY  - 2008\nPB  - World Health Organization\nCY  - Geneva\nSN  - 9789241563703\nET  - Second\nER  - \n";

fn who() -> Value {
    json!({
        "authors": ["World Health Organization"],
        "author_names": [{"family": null, "given": null, "literal": "World Health Organization",
                          "original": "World Health Organization", "particle": null, "suffix": null}],
        "publisher": "World Health Organization",
    })
}

const WHO_VANCOUVER: &str = "World Health Organization. Closing the gap in a generation: health equity through \
    action on the social determinants of health. 2nd ed. Geneva: World Health Organization; 2008.";
const WHO_APA: &str = "World Health Organization. (2008). Closing the gap in a generation: Health equity through \
    action on the social determinants of health (2nd ed.).";

#[test]
fn f8_a_bodys_initials_merge_to_its_name_in_full_both_ways() {
    let w = Workdir::new();
    let (into_a, into_b) = converge(&w, ("soc.csv", WHO_CSV), ("lib.ris", WHO_RIS), who(), (WHO_VANCOUVER, WHO_APA));
    // Our "WHO" takes their full name: an update.
    assert!(into_a.contains("| update ") && into_a.contains("social determinants of health: author_names"), "{into_a}");
    // Our full name is kept against their "WHO", in the import's words.
    assert!(
        into_b.contains(
            "author_names \"World Health Organization\" (theirs \"WHO\": \"WHO\" is the initials of \"World Health \
             Organization\": the name kept in full, whole as an institution's)"
        ),
        "{into_b}"
    );
    assert!(into_b.contains("| kept-ours "), "{into_b}");
}

/// RIS's inverted "Organization, World Health" (read as a person's, a guess)
/// beside the initials: the name whole, in every order.
#[test]
fn f8_initials_beside_an_inverted_body_merge_to_the_name_whole() {
    let w = Workdir::new();
    let ris = WHO_RIS.replace("AU  - World Health Organization", "AU  - Organization, World Health");
    converge(&w, ("soc.csv", WHO_CSV), ("lib.ris", &ris), who(), (WHO_VANCOUVER, WHO_APA));
}

// ---- The other rules an import applies to lists of people -------------------

/// Initials and a first name in full, German's ASCII spelling of the
/// umlauts: one combined list, as an import combines them.
#[test]
fn initials_and_fuller_names_merge_as_an_import_combines_them() {
    let w = Workdir::new();
    let (into_a, _) = converge(
        &w,
        (
            "a.csv",
            "title,authors,year,type,container,doi\n\"Social suffering\",\"Farmer, P. E.; Müller, Jörg\",2004,article,\
             Daedalus,10.1234/d.2004.1\n",
        ),
        (
            "b.ris",
            "TY  - JOUR\nAU  - Farmer, Paul\nAU  - Mueller, Joerg\nTI  - Social suffering\nT2  - Daedalus\nPY  - 2004\n\
             DO  - 10.1234/d.2004.1\nER  - \n",
        ),
        json!({"authors": ["Farmer, Paul E.", "Müller, Jörg"]}),
        (
            "Farmer PE, Müller J. Social suffering. Daedalus. 2004. doi:10.1234/d.2004.1",
            "Farmer, P. E., & Müller, J. (2004). Social suffering. Daedalus. https://doi.org/10.1234/d.2004.1",
        ),
    );
    assert!(into_a.contains("combined as an import combines them"), "{into_a}");
}

/// A list in the work's own script and the same people romanised: the
/// own script, in every order (the merge left it a conflict).
#[test]
fn names_in_the_works_own_script_win_a_merge_as_an_import() {
    let w = Workdir::new();
    let (_, into_b) = converge(
        &w,
        (
            "ru.csv",
            "title,authors,year,type,container,doi,language\n\"Здоровье мигрантов в Москве\",\
             \"Иванова, Анна Сергеевна; Петров, Игорь\",2021,article,Вопросы здравоохранения,10.1234/vz.2021.7,ru\n",
        ),
        (
            "ru.ris",
            "TY  - JOUR\nAU  - Ivanova, Anna Sergeevna\nAU  - Petrov, Igor\nTI  - Здоровье мигрантов в Москве\n\
             T2  - Вопросы здравоохранения\nPY  - 2021\nDO  - 10.1234/vz.2021.7\nLA  - ru\nER  - \n",
        ),
        json!({"authors": ["Иванова, Анна Сергеевна", "Петров, Игорь"]}),
        (
            "Иванова АС, Петров И. Здоровье мигрантов в Москве. Вопросы здравоохранения. 2021. Russian. \
             doi:10.1234/vz.2021.7",
            "Иванова, А. С., & Петров, И. (2021). Здоровье мигрантов в Москве. Вопросы здравоохранения. \
             https://doi.org/10.1234/vz.2021.7",
        ),
    );
    assert!(into_b.contains("| update ") && into_b.contains("author_names, authors"), "{into_b}");
}

// ---- The date of an article online before its issue --------------------------

const EPUB_CSV: &str = "title,authors,year,type,container,doi,notes\n\
    \"Sleep and shift work in nurses\",\"Jara, Rosa\",2022,article,BMJ,10.1136/bmj-2022-0101,\"Epub ahead of print\"\n";

const PAGES_RIS: &str = "TY  - JOUR\nAU  - Jara, Rosa\nTI  - Sleep and shift work in nurses\nT2  - BMJ\nPY  - 2023\n\
    SP  - 101\nEP  - 109\nDO  - 10.1136/bmj-2022-0101\nER  - \n";

/// An "ahead of print" copy and the published one on pages, with no
/// volume: the published copy's date, whole, in every order (the merge
/// left a year conflict; an import kept "ahead of print" beside 2023).
#[test]
fn the_published_copy_on_pages_dates_the_work_in_every_order() {
    let w = Workdir::new();
    let (into_a, into_b) = converge(
        &w,
        ("a.csv", EPUB_CSV),
        ("b.ris", PAGES_RIS),
        json!({"year": 2023, "month": null, "day": null, "year_note": null, "volume": null, "pages": "101-109",
               "annotation": null}),
        (
            "Jara R. Sleep and shift work in nurses. BMJ. 2023:101-9. doi:10.1136/bmj-2022-0101",
            "Jara, R. (2023). Sleep and shift work in nurses. BMJ, 101–109. https://doi.org/10.1136/bmj-2022-0101",
        ),
    );
    assert!(
        into_a.contains(
            "date \"2023\" taken whole (ours was \"2022 (ahead of print)\"): the date of the published version"
        ),
        "{into_a}"
    );
    assert!(
        into_b.contains("| kept-ours ") && into_b.contains("date \"2023\" (theirs \"2022 (ahead of print)\""),
        "{into_b}"
    );
}

/// PubMed's record of the online version (no volume, issue or pages, no
/// state) beside the published one on pages: the same rule.
#[test]
fn an_articles_record_without_locators_yields_to_the_one_on_pages() {
    let w = Workdir::new();
    converge(
        &w,
        ("a.csv", &EPUB_CSV.replace("\"Epub ahead of print\"", "")),
        ("b.ris", PAGES_RIS),
        json!({"year": 2023, "year_note": null, "pages": "101-109"}),
        (
            "Jara R. Sleep and shift work in nurses. BMJ. 2023:101-9. doi:10.1136/bmj-2022-0101",
            "Jara, R. (2023). Sleep and shift work in nurses. BMJ, 101–109. https://doi.org/10.1136/bmj-2022-0101",
        ),
    );
}

// ---- F7: "Epub ahead of print" in a note, in every format --------------------

/// The year, state and note the one reading of `file` is stored with.
fn state_of(name: &str, text: &str) -> Value {
    let w = Workdir::new();
    w.import_reading(name, text);
    let r = reading(&w.reading_list(), "Epub note test").clone();
    json!([r["year"], r["year_note"], r["annotation"]])
}

#[test]
fn f7_epub_ahead_of_print_in_a_csv_notes_cell_is_the_state() {
    let w = Workdir::new();
    w.import_reading(
        "epub.csv",
        "title,authors,year,type,container,notes\n\"Epub note test\",\"Jara, Rosa\",2022,article,BMJ,\
         \"Epub 2022 Mar 3. Epub ahead of print\"\n",
    );
    let r = reading(&w.reading_list(), "Epub note test").clone();
    // The state, and the rest of the note kept as the note.
    assert_eq!(
        (r["year"].as_i64(), r["year_note"].as_str(), r["annotation"].as_str()),
        (Some(2022), Some("ahead of print"), Some("Epub 2022 Mar 3."))
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Epub note test"),
        "Jara R. Epub note test. BMJ. 2022. [Epub ahead of print]."
    );
    assert_eq!(
        reference(&w.references("apa"), "Epub note test"),
        "Jara, R. (2022). Epub note test. BMJ. Advance online publication."
    );
}

#[test]
fn f7_every_formats_note_reads_epub_ahead_of_print_alike() {
    let state = json!([2022, "ahead of print", null]);
    let row = |column: &str, note: &str| {
        format!(
            "title,authors,year,type,container,{column}\n\"Epub note test\",\"Jara, Rosa\",2022,article,BMJ,\"{note}\"\n"
        )
    };
    for column in ["notes", "note", "annotation", "comment"] {
        assert_eq!(state_of("a.csv", &row(column, "Epub ahead of print")), state, "CSV column {column}");
        assert_eq!(state_of("a.csv", &row(column, "Epub ahead of print.")), state, "CSV column {column}");
    }
    let ris = |note: &str| {
        format!("TY  - JOUR\nAU  - Jara, Rosa\nTI  - Epub note test\nT2  - BMJ\nPY  - 2022\nN1  - {note}\nER  - \n")
    };
    assert_eq!(state_of("a.ris", &ris("Epub ahead of print")), state, "RIS N1");
    assert_eq!(
        state_of("a.ris", &ris("Epub 2022 Mar 3. Epub ahead of print")),
        json!([2022, "ahead of print", "Epub 2022 Mar 3."]),
        "RIS N1 after PubMed's online date"
    );
    for field in ["note", "annote"] {
        let bib = format!(
            "@article{{j1, author={{Jara, Rosa}}, title={{Epub note test}}, journal={{BMJ}}, year={{2022}}, \
             {field}={{Epub ahead of print}}}}\n"
        );
        assert_eq!(state_of("a.bib", &bib), state, "BibTeX {field}");
    }
    let csl = "[{\"id\":\"a\",\"type\":\"article-journal\",\"title\":\"Epub note test\",\"author\":[{\"family\":\"Jara\",\
               \"given\":\"Rosa\"}],\"container-title\":\"BMJ\",\"issued\":{\"date-parts\":[[2022]]},\
               \"note\":\"Epub ahead of print\"}]";
    assert_eq!(state_of("a.json", csl), state, "CSL-JSON note");
    let zotero = "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Extra\"\n\
                  \"K1\",\"journalArticle\",\"2022\",\"Jara, Rosa\",\"Epub note test\",\"BMJ\",\"Epub ahead of print\"\n";
    assert_eq!(state_of("z.csv", zotero), state, "Zotero Extra");
    // A note that says something else is the group's note, as before.
    assert_eq!(
        state_of("a.csv", &row("notes", "Read the ahead of print version first")),
        json!([2022, null, "Read the ahead of print version first"])
    );
}

/// The CSV's state makes it one work with the RIS record ahead of print,
/// both ways, and a merge agrees.
#[test]
fn f7_csv_and_ris_ahead_of_print_records_are_one_record() {
    let w = Workdir::new();
    converge(
        &w,
        (
            "a.csv",
            "title,authors,year,type,container,doi,notes\n\"Epub note test\",\"Jara, Rosa\",2022,article,BMJ,\
             10.1136/bmj-2022-0202,\"Epub 2022 Mar 3. Epub ahead of print\"\n",
        ),
        (
            "b.ris",
            "TY  - JOUR\nAU  - Jara, Rosa\nTI  - Epub note test\nT2  - BMJ\nPY  - 2022\nDO  - 10.1136/bmj-2022-0202\n\
             N1  - Epub ahead of print\nER  - \n",
        ),
        json!({"year": 2022, "year_note": "ahead of print"}),
        (
            "Jara R. Epub note test. BMJ. 2022. [Epub ahead of print]. doi:10.1136/bmj-2022-0202",
            "Jara, R. (2022). Epub note test. BMJ. Advance online publication. https://doi.org/10.1136/bmj-2022-0202",
        ),
    );
}
