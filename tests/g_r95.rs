//! Tester r96 (issue 12, references as published), through the binary:
//! archival documents keep their archive and shelfmark (schema 0039, F3),
//! a statute's page in its gazette is its page there (F1), a statute in a
//! gazette is cited with the gazette, its number, date and page (F2), and
//! Harvard cites a data set as one (F4).

mod common;

use common::{Workdir, reading, reference};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// Tester r96's `bbt.json`, the items of F1–F4 (as Zotero and Better
/// BibTeX write them).
const BBT: &str = r#"[
{"id":"goldcoast1925","type":"report","title":"Report on the Medical and Sanitary Department for the year 1924-25","author":[{"literal":"Gold Coast Colony. Medical and Sanitary Department"}],"issued":{"date-parts":[[1925]]},"publisher":"Government Printer","publisher-place":"Accra","archive":"The National Archives","archive_location":"CO 98/45"},
{"id":"gazette","type":"legislation","title":"Infectious Diseases Ordinance","container-title":"Gold Coast Gazette","issued":{"date-parts":[[1908,3,14]]},"page":"412","number":"No. 12"},
{"id":"ms","type":"manuscript","title":"Letter from Ronald Ross to Patrick Manson","author":[{"family":"Ross","given":"Ronald"}],"issued":{"date-parts":[[1897,8,21]]},"archive":"London School of Hygiene & Tropical Medicine Archives","archive_location":"Ross/02/01/12"},
{"id":"ds","type":"dataset","title":"Historical malaria mortality in British India, 1868-1947","author":[{"family":"Singh","given":"Priya"}],"issued":{"date-parts":[[2021]]},"publisher":"Zenodo","DOI":"10.5281/zenodo.1234567","version":"1.2"}
]"#;

fn archive_of(list: &serde_json::Value, title: &str) -> (serde_json::Value, serde_json::Value) {
    let r = reading(list, title);
    (r["archive"].clone(), r["archive_location"].clone())
}

fn pair(a: &str, l: &str) -> (serde_json::Value, serde_json::Value) {
    (serde_json::json!(a), serde_json::json!(l))
}

/// The change a command's message says `canon undo N` reverts.
fn undo_of(said: &str) -> String {
    said.split("`canon undo ")
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("no undo hint: {said}"))
        .to_string()
}

fn id_of(w: &Workdir, title: &str) -> String {
    reading(&w.reading_list(), title)["id"].as_i64().expect("an id").to_string()
}

/// F3: CSL-JSON `archive` and `archive_location` are stored, no longer
/// named as not stored, shown by `reading show`, and printed by every
/// bundled style.
#[test]
fn csl_json_archive_and_shelfmark_are_stored_shown_and_cited() {
    let w = workdir();
    let err = w.import_reading("bbt.json", BBT);
    assert!(!err.contains("archive"), "{err}");
    let list = w.reading_list();
    assert_eq!(
        archive_of(&list, "Letter from Ronald Ross"),
        pair("London School of Hygiene & Tropical Medicine Archives", "Ross/02/01/12")
    );
    assert_eq!(archive_of(&list, "Report on the Medical"), pair("The National Archives", "CO 98/45"));
    let show = w.ok(&["reading", "show", &id_of(&w, "Letter from Ronald Ross")]);
    assert!(
        show.contains(
            "archive          London School of Hygiene & Tropical Medicine Archives\n\
             archive location Ross/02/01/12\n"
        ),
        "{show}"
    );

    let letter = "Letter from Ronald Ross to Patrick Manson";
    let report = "Report on the Medical and Sanitary Department for the year 1924-25";
    let expected = [
        (
            "vancouver",
            "Ross R. Letter from Ronald Ross to Patrick Manson [manuscript]. 1897. Located at: London School of \
             Hygiene & Tropical Medicine Archives; Ross/02/01/12",
            "Gold Coast Colony. Medical and Sanitary Department. Report on the Medical and Sanitary Department for \
             the year 1924-25. Accra: Government Printer; 1925. Located at: The National Archives; CO 98/45",
        ),
        (
            "apa",
            "Ross, R. (1897, August 21). Letter from Ronald Ross to Patrick Manson [Manuscript]. London School of \
             Hygiene & Tropical Medicine Archives (Ross/02/01/12).",
            "Gold Coast Colony. Medical and Sanitary Department. (1925). Report on the Medical and Sanitary \
             Department for the year 1924-25. Government Printer. The National Archives (CO 98/45).",
        ),
        (
            "harvard",
            "Ross, R. (1897) ‘Letter from Ronald Ross to Patrick Manson’. London School of Hygiene & Tropical \
             Medicine Archives, Ross/02/01/12.",
            "Gold Coast Colony. Medical and Sanitary Department (1925) Report on the Medical and Sanitary \
             Department for the year 1924-25. Accra: Government Printer. The National Archives, CO 98/45.",
        ),
        (
            "chicago",
            "Ross, Ronald. 1897. “Letter from Ronald Ross to Patrick Manson.” Manuscript. August 21. \
             Ross/02/01/12. London School of Hygiene & Tropical Medicine Archives.",
            "Gold Coast Colony. Medical and Sanitary Department. 1925. Report on the Medical and Sanitary \
             Department for the Year 1924-25. Government Printer. CO 98/45. The National Archives.",
        ),
        (
            "ama",
            "Ross R. Letter from Ronald Ross to Patrick Manson. August 21, 1897. London School of Hygiene & \
             Tropical Medicine Archives, Ross/02/01/12.",
            "Gold Coast Colony. Medical and Sanitary Department. Report on the Medical and Sanitary Department for \
             the Year 1924-25. Government Printer; 1925. The National Archives, CO 98/45.",
        ),
    ];
    for (style, l, r) in expected {
        let refs = w.references(style);
        assert_eq!(reference(&refs, letter), l, "{style}");
        assert_eq!(reference(&refs, report), r, "{style}");
    }
}

/// A `.csl` file that prints `archive` and `archive_location` gets them,
/// and a status or a volume's own title never stands in their place
/// (those were carried in these variables before schema 0039).
#[test]
fn a_csl_file_prints_the_archive_and_still_places_a_status() {
    let w = workdir();
    w.import_reading(
        "a.json",
        r#"[{"id":"ms","type":"manuscript","title":"Casebook","author":[{"family":"Manson","given":"Patrick"}],"issued":{"date-parts":[[1880]]},"archive":"Wellcome Collection","archive_location":"MS.5678"},
            {"id":"ip","type":"article-journal","title":"Skin in the game","author":[{"family":"Ade","given":"Bola"}],"container-title":"Lancet","status":"in press"}]"#,
    );
    let style = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Archive test</title><id>http://example.org/archive-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". "><text variable="title"/><text variable="status"/><text variable="archive" prefix="Held by: "/><text variable="archive_location" prefix="Shelfmark: "/></group></layout></bibliography>
</style>"#;
    let csl = w.write("a.csl", style);
    let refs = w.references(csl.to_str().unwrap());
    assert_eq!(reference(&refs, "Casebook"), "Casebook. Held by: Wellcome Collection. Shelfmark: MS.5678");
    assert_eq!(reference(&refs, "Skin in the game"), "Skin in the game. in press");
}

/// F3 in every format that carries an archive: Zotero's CSV columns (no
/// longer "not read"), RIS `AV` (kept as written), BibTeX `archive` /
/// `archive_location`, a Zotero "Extra" line, a spreadsheet's columns.
#[test]
fn every_format_reads_the_archive() {
    let w = workdir();
    let mut said = String::new();
    said += &w.import_reading(
        "zotero.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Date\",\"Type\",\"Archive\",\"Archive Location\",\"Recipient\"\n\
         \"EFGH5678\",\"manuscript\",\"1897\",\"Ross, Ronald\",\"Letter from Ronald Ross to Patrick Manson\",\"1897-08-21\",\"Letter\",\"LSHTM Archives\",\"Ross/02/01/12\",\"Manson, Patrick\"\n",
    );
    said += &w.import_reading(
        "m.ris",
        "TY  - MANSCPT\nAU  - Ross, Ronald\nTI  - Notebook on mosquito dissections\nPY  - 1897\nAV  - LSHTM Archives, Ross/01/02\nER  - \n",
    );
    said += &w.import_reading(
        "a.bib",
        "@unpublished{diary,\n  author = {Manson, Patrick},\n  title = {Diary for 1877},\n  year = {1877},\n  \
         archive = {Wellcome Collection},\n  archive_location = {MS.5730}\n}\n\
         @misc{notes,\n  author = {Ross, Ronald},\n  title = {Malaria notes},\n  year = {1898},\n  library = {Royal College of Physicians, MS 123}\n}\n",
    );
    said += &w.import_reading(
        "x.json",
        r#"[{"id":"x","type":"manuscript","title":"Laboratory register","author":[{"family":"Koch","given":"Robert"}],"issued":{"date-parts":[[1882]]},"note":"archive: Robert Koch-Institut\narchive-location: as/b1/001"}]"#,
    );
    said += &w.import_reading(
        "sheet.csv",
        "title,authors,year,type,archive,archive location\nHospital admissions book,\"Smith, Jane\",1901,other,London Metropolitan Archives,H01/ST/B/12/001\n",
    );
    assert!(!said.contains("not read: the archive") && !said.contains("not read: the item's place"), "{said}");
    // biblatex's `library` is a library's holding (a call number), named as
    // Zotero's "Call Number" is, never an archive.
    assert!(said.contains("not stored (canon has no field for them): BibTeX library (1 record)"), "{said}");
    assert!(!said.contains("CSL-JSON archive") && !said.contains("RIS AV"), "{said}");
    assert!(said.contains("\"Archive\" → archive, \"Archive Location\" → archive_location"), "{said}");
    // Zotero's Recipient column is still named, with why (canon keeps no recipient).
    assert!(said.contains("column 10 \"Recipient\" is not read: a letter's or e-mail's recipient"), "{said}");
    let list = w.reading_list();
    assert_eq!(archive_of(&list, "Letter from Ronald Ross"), pair("LSHTM Archives", "Ross/02/01/12"));
    assert_eq!(
        archive_of(&list, "Notebook on mosquito"),
        (serde_json::Value::Null, serde_json::json!("LSHTM Archives, Ross/01/02"))
    );
    assert_eq!(archive_of(&list, "Diary for 1877"), pair("Wellcome Collection", "MS.5730"));
    assert_eq!(archive_of(&list, "Malaria notes"), (serde_json::Value::Null, serde_json::Value::Null));
    assert_eq!(archive_of(&list, "Laboratory register"), pair("Robert Koch-Institut", "as/b1/001"));
    assert_eq!(archive_of(&list, "Hospital admissions book"), pair("London Metropolitan Archives", "H01/ST/B/12/001"));
    // Nothing of the Extra lines is left in the note.
    assert_eq!(reading(&list, "Laboratory register")["annotation"], serde_json::Value::Null);
    // Vancouver's "Located at:" for the RIS location as written.
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Notebook on mosquito dissections"),
        "Ross R. Notebook on mosquito dissections [manuscript]. 1897. Located at: LSHTM Archives, Ross/01/02"
    );
}

/// `reading add` and `reading edit` take --archive and --archive-location;
/// an edit is undone like any other; `export reading` writes both and a new
/// database reads them back; a bundle keeps them.
#[test]
fn add_edit_undo_export_and_bundle_keep_the_archive() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Letter to the Colonial Office",
        "--author",
        "Ross, Ronald",
        "--year",
        "1899",
        "--archive",
        "The National Archives",
        "--archive-location",
        "CO 96/345",
        "--by",
        "t",
    ]);
    let id = id_of(&w, "Letter to the Colonial Office");
    assert_eq!(archive_of(&w.reading_list(), "Letter to the"), pair("The National Archives", "CO 96/345"));
    let err = w.ok_stderr(&[
        "reading",
        "edit",
        &id,
        "--archive-location",
        "CO 96/346",
        "--archive",
        "The  National\nArchives, Kew",
        "--by",
        "t",
    ]);
    assert!(
        err.contains(
            "archive: \"The National Archives\" → \"The National Archives, Kew\"; archive_location: \"CO 96/345\" → \
             \"CO 96/346\""
        ),
        "{err}"
    );
    assert_eq!(archive_of(&w.reading_list(), "Letter to the"), pair("The National Archives, Kew", "CO 96/346"));
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains("archive          The National Archives, Kew\narchive location CO 96/346\n"), "{show}");
    w.ok(&["undo", &undo_of(&err), "--by", "t"]);
    assert_eq!(archive_of(&w.reading_list(), "Letter to the"), pair("The National Archives", "CO 96/345"));
    // "" clears each.
    w.ok(&["reading", "edit", &id, "--archive", "", "--archive-location", "", "--by", "t"]);
    assert_eq!(archive_of(&w.reading_list(), "Letter to the"), (serde_json::Value::Null, serde_json::Value::Null));
    w.ok(&[
        "reading",
        "edit",
        &id,
        "--archive",
        "The National Archives",
        "--archive-location",
        "CO 96/345",
        "--by",
        "t",
    ]);

    // Export, and read back into a new database.
    let out = w.path("readings.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",archive,archive_location,event,event_place,event_date,pmcid,eprint"), "{header}");
    assert!(csv.contains(",The National Archives,CO 96/345"), "{csv}");
    let other = w.path("other.db");
    w.ok_at(&other, &["init", "-q"]);
    w.ok_at(&other, &["import", "reading", out.to_str().unwrap()]);
    let list = common::json_at(&w, &other, &["reading", "list", "--format", "json"]);
    assert_eq!(archive_of(&list, "Letter to the"), pair("The National Archives", "CO 96/345"));
    let json = w.json(&["export", "reading", "--format", "json"]);
    let r = reading(&json, "Letter to the");
    assert_eq!((r["archive"].clone(), r["archive_location"].clone()), pair("The National Archives", "CO 96/345"));

    // A bundle keeps them.
    let bundle = w.path("bundle");
    w.ok(&["export", "bundle", bundle.to_str().unwrap()]);
    let third = w.path("third.db");
    w.ok_at(&third, &["init", "-q"]);
    w.ok_at(&third, &["import", "bundle", bundle.to_str().unwrap()]);
    let list = common::json_at(&w, &third, &["reading", "list", "--format", "json"]);
    assert_eq!(archive_of(&list, "Letter to the"), pair("The National Archives", "CO 96/345"));
}

/// A duplicate without an archive never takes it away; one with another
/// archive location is said, and an import is undone with its archive.
#[test]
fn a_duplicate_never_loses_the_archive_and_a_conflict_is_said() {
    let w = workdir();
    let with = r#"[{"id":"ms","type":"manuscript","title":"Letter from Ronald Ross to Patrick Manson","author":[{"family":"Ross","given":"Ronald"}],"issued":{"date-parts":[[1897]]},"archive":"LSHTM Archives","archive_location":"Ross/02/01/12"}]"#;
    w.import_reading("a.json", with);
    let bare = r#"[{"id":"ms","type":"manuscript","title":"Letter from Ronald Ross to Patrick Manson","author":[{"family":"Ross","given":"Ronald"}],"issued":{"date-parts":[[1897]]}}]"#;
    let err = w.import_reading("b.json", bare);
    assert!(err.contains("1 unchanged"), "{err}");
    assert_eq!(archive_of(&w.reading_list(), "Letter from"), pair("LSHTM Archives", "Ross/02/01/12"));
    // Another place in the archive: the file's is taken, and the one it
    // replaces is named.
    let other = with.replace("Ross/02/01/12", "Ross/02/01/13");
    let err = w.import_reading("c.json", &other);
    assert!(err.contains("1 changed"), "{err}");
    assert!(err.contains("Ross/02/01/12"), "{err}");
    assert_eq!(archive_of(&w.reading_list(), "Letter from"), pair("LSHTM Archives", "Ross/02/01/13"));
    w.ok(&["undo", &undo_of(&err), "--by", "t"]);
    assert_eq!(archive_of(&w.reading_list(), "Letter from"), pair("LSHTM Archives", "Ross/02/01/12"));
}

/// F1: a statute's page in its gazette is its page there, from CSL-JSON,
/// RIS, EndNote XML and Zotero's CSV; a stand-alone report's plain count
/// is still its number of pages.
#[test]
fn a_statutes_page_in_its_gazette_is_its_page() {
    let w = workdir();
    let err = w.import_reading("bbt.json", BBT);
    assert!(!err.contains("number of pages"), "{err}");
    let list = w.reading_list();
    let ord = reading(&list, "Infectious Diseases Ordinance");
    assert_eq!(ord["pages"], "412");
    assert_eq!(ord["page_count"], serde_json::Value::Null);
    assert_eq!(ord["container"], "Gold Coast Gazette");
    assert_eq!(ord["issue"], "12");
    let err = w.import_reading(
        "st.ris",
        "TY  - STAT\nTI  - Public Health Ordinance\nT2  - Gold Coast Gazette\nPY  - 1908\nSP  - 412\nER  - \n\n\
\
         TY  - RPRT\nTI  - A stand-alone report\nPB  - WHO\nPY  - 2001\nSP  - 120\nER  - \n",
    );
    assert!(!err.contains("\"412\""), "{err}");
    // A report printed in a container (RIS `T2` of a report is its series).
    let err = w.import_reading(
        "r.json",
        r#"[{"id":"r","type":"report","title":"Annual report on yaws","container-title":"Sessional Papers of the Legislative Council","issued":{"date-parts":[[1910]]},"page":"77"}]"#,
    );
    assert!(!err.contains("number of pages"), "{err}");
    w.import_reading(
        "st.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Statute\">31</ref-type>\
         <titles><title>Quarantine Ordinance</title><secondary-title>Lagos Gazette</secondary-title></titles>\
         <dates><year>1910</year></dates><pages>215</pages></record></records></xml>",
    );
    w.import_reading(
        "st.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Title\",\"Publication Title\",\"Pages\",\"Code\"\n\
         \"K1\",\"statute\",\"1925\",\"Medical Practitioners Ordinance\",\"\",\"33\",\"Gazette of Kenya\"\n",
    );
    let list = w.reading_list();
    let pages = |t: &str| {
        let r = reading(&list, t);
        (r["pages"].clone(), r["page_count"].clone())
    };
    let p = |v: &str| (serde_json::json!(v), serde_json::Value::Null);
    assert_eq!(pages("Public Health Ordinance"), p("412"));
    assert_eq!(pages("Annual report on yaws"), p("77"));
    assert_eq!(pages("Quarantine Ordinance"), p("215"));
    assert_eq!(pages("Medical Practitioners Ordinance"), p("33"));
    assert_eq!(pages("A stand-alone report"), (serde_json::Value::Null, serde_json::json!("120")));
}

/// F2: a statute in a gazette is cited with the gazette, its number, its
/// date and its page in every bundled style, its number never as a chapter.
#[test]
fn a_statute_in_a_gazette_is_cited_with_the_gazette_and_date() {
    let w = workdir();
    w.import_reading("bbt.json", BBT);
    let title = "Infectious Diseases Ordinance";
    for (style, expected) in [
        ("vancouver", "Infectious Diseases Ordinance. Gold Coast Gazette. 1908 Mar 14;(12):412."),
        ("ama", "Infectious Diseases Ordinance. Gold Coast Gazette. March 14, 1908;(12):412."),
        ("apa", "Infectious Diseases Ordinance. (1908, March 14). Gold Coast Gazette, (12), 412."),
        ("chicago", "Infectious Diseases Ordinance. 1908. Gold Coast Gazette, no. 12 (March 14): 412."),
        ("harvard", "Infectious Diseases Ordinance (1908) Gold Coast Gazette, no. 12, 14 March, p. 412."),
    ] {
        assert_eq!(reference(&w.references(style), title), expected, "{style}");
    }
    // A statute with no gazette keeps the manuals' form.
    w.import_reading(
        "act.json",
        r#"[{"id":"stat","type":"legislation","title":"Mental Health Act 1983","number":"c. 20","issued":{"date-parts":[[1983]]}}]"#,
    );
    assert_eq!(reference(&w.references("vancouver"), "Mental Health Act 1983"), "Mental Health Act 1983, c. 20.");
    // A gazette's pages as a range, and a statute from RIS with no number.
    w.import_reading(
        "g.ris",
        "TY  - STAT\nTI  - Vaccination Ordinance\nT2  - Lagos Gazette\nPY  - 1917\nDA  - 1917/06/02\nSP  - 88\nEP  - 90\nER  - \n",
    );
    let refs = w.references("harvard");
    assert_eq!(
        reference(&refs, "Vaccination Ordinance"),
        "Vaccination Ordinance (1917) Lagos Gazette, 2 June, pp. 88–90."
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Vaccination Ordinance"),
        "Vaccination Ordinance. Lagos Gazette. 1917 Jun 2:88–90."
    );
    // Undated, as Citing Medicine writes it.
    w.import_reading(
        "u.json",
        r#"[{"id":"u","type":"legislation","title":"Leprosy Ordinance","container-title":"Gazette of Sierra Leone","page":"5"}]"#,
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Leprosy Ordinance"),
        "Leprosy Ordinance. Gazette of Sierra Leone. [date unknown]:5."
    );
}

/// F4: Harvard cites a data set (and a program) by its title in italics,
/// its version and "[Data set]"; APA, Vancouver, Chicago and AMA keep
/// their version and what it is.
#[test]
fn harvard_cites_a_data_set_as_one() {
    let w = workdir();
    w.import_reading("bbt.json", BBT);
    w.import_reading(
        "sw.json",
        r#"[{"id":"sw","type":"software","title":"MalariaSim","author":[{"family":"Okoro","given":"Chidi"}],"issued":{"date-parts":[[2022]]},"publisher":"GitHub","version":"2.0","URL":"https://github.com/example/malariasim"}]"#,
    );
    let title = "Historical malaria mortality in British India, 1868-1947";
    for (style, expected) in [
        (
            "harvard",
            "Singh, P. (2021) Historical malaria mortality in British India, 1868-1947 (Version 1.2) [Data set]. \
             Zenodo. Available at: https://doi.org/10.5281/zenodo.1234567.",
        ),
        (
            "apa",
            "Singh, P. (2021). Historical malaria mortality in British India, 1868-1947 (Version 1.2) [Data set]. \
             Zenodo. https://doi.org/10.5281/zenodo.1234567",
        ),
        (
            "vancouver",
            "Singh P. Historical malaria mortality in British India, 1868-1947 [data set]. Version 1.2. Zenodo; \
             2021. doi:10.5281/zenodo.1234567",
        ),
        (
            "chicago",
            "Singh, Priya. 2021. Historical Malaria Mortality in British India, 1868-1947. Data set. Version 1.2. \
             Zenodo. https://doi.org/10.5281/zenodo.1234567.",
        ),
    ] {
        assert_eq!(reference(&w.references(style), title), expected, "{style}");
    }
    assert_eq!(
        reference(&w.references("harvard"), "MalariaSim"),
        "Okoro, C. (2022) MalariaSim (Version 2.0) [Computer program]. GitHub. Available at: \
         https://github.com/example/malariasim."
    );
}
