//! Task q2: the other-versions check (a preprint and its article) and the
//! "same first author, year, volume and first page" check read the stored
//! entries they can say from per-import indexes (by main title and first
//! author; by year and first page), kept in step with what the import adds
//! and changes, instead of a scan of the main title, or of the whole year,
//! for every row. What is said must be exactly what was said before: the
//! expected lines below are the previous version's output on the same
//! files (entry IDs, new each run, replaced by "[first author | year]").

mod common;
use common::*;

/// The notes of an import's stderr that name another entry, each entry ID
/// replaced by "[first author | year]" of that entry, in the order said.
fn notes(w: &Workdir, stderr: &str) -> Vec<String> {
    let labels: std::collections::HashMap<String, String> = w
        .reading_list()
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            let first = r["authors"].as_array().and_then(|a| a.first()).and_then(|a| a.as_str()).unwrap_or("-");
            let year = r["year"].as_i64().map_or("-".to_string(), |y| y.to_string());
            (format!("R{}", r["id"]), format!("[{first} | {year}]"))
        })
        .collect();
    let dir = format!("{}/", w.dir.path().display());
    stderr
        .lines()
        .filter(|l| l.starts_with("note: ") && l.contains(" entry R"))
        .map(|l| {
            let (head, rest) = l.split_once(" entry ").expect("an entry");
            let (id, tail) = rest.split_once(' ').expect("an ID");
            let label = labels.get(id).unwrap_or_else(|| panic!("no entry {id}: {stderr}"));
            format!("{head} entry {label} {tail}").replace(&dir, "")
        })
        .collect()
}

/// The count of possible duplicates an import's summary gives.
fn flagged(stderr: &str) -> String {
    let summary = stderr.lines().find(|l| l.contains("readings: ")).expect("a summary");
    summary.split("; ").nth(1).unwrap_or_default().split(" flagged").next().unwrap_or_default().to_string()
}

const VERSIONS_HEAD: &str = "title,authors,year,type,container,doi\n";

fn version(line: &str, title: &str, year: u32, entry: &str, other: &str, pre: &str, published: &str) -> String {
    format!(
        "note: {line}: \"{title}\" ({year}): looks like another version of entry {entry} \"{other}\" (same first \
         author and main title): a preprint (DOI {pre}) and its published version (DOI {published}), versions of \
         one work; kept as two records because the DOIs differ"
    )
}

/// A preprint and its article (same main title and first author, one DOI a
/// preprint server's, the other not) are said in any years, within one file
/// and against stored entries; not two preprints, not two articles, not
/// another first author, another main title, a row without a DOI, or a
/// notice.
#[test]
fn other_versions_said_as_before() {
    let w = Workdir::new();
    let one = format!(
        "{VERSIONS_HEAD}Learning in teams: a cohort study,\"Okafor, Chidi\",2019,article,medRxiv,10.1101/2019.05.01.19000001\n\
         Learning in teams,\"Okafor, C.\",2022,article,Medical Education,10.1111/medu.14001\n\
         Learning in teams: a cohort study,\"Mensah, Kofi\",2019,article,medRxiv,10.1101/2019.05.01.19000002\n\
         Learning in teams: a cohort study,\"Okafor, Chidi\",2023,article,Medical Teacher,10.1080/0142159X.2023.1\n\
         Learning in teams: a second look,\"Okafor, Chidi\",2024,article,Research Square,10.21203/rs.3.rs-111/v1\n\
         Learning in teams: without a DOI,\"Okafor, Chidi\",2025,article,Medical Education,\n\
         Learning in teamwork,\"Okafor, Chidi\",2021,article,bioRxiv,10.1101/2021.01.01.000003\n"
    );
    let err = w.import_reading("v1.csv", &one);
    let cohort = "Learning in teams: a cohort study";
    let (pre19, medu, teacher) = ("10.1101/2019.05.01.19000001", "10.1111/medu.14001", "10.1080/0142159X.2023.1");
    assert_eq!(
        notes(&w, &err),
        [
            version("v1.csv:3", "Learning in teams", 2022, "[Okafor, Chidi | 2019]", cohort, pre19, medu),
            format!(
                "note: v1.csv:4: \"{cohort}\" (2019): near-identical title to entry [Okafor, Chidi | 2019] \
                 \"{cohort}\" (same title and year, but other authors (Okafor / Mensah): added as another work), \
                 kept as a separate record because the DOIs differ (10.1101/2019.05.01.19000002 here, {pre19} there)"
            ),
            version("v1.csv:5", cohort, 2023, "[Okafor, Chidi | 2019]", cohort, pre19, teacher),
            version(
                "v1.csv:6",
                "Learning in teams: a second look",
                2024,
                "[Okafor, C. | 2022]",
                "Learning in teams",
                "10.21203/rs.3.rs-111/v1",
                medu
            ),
            version(
                "v1.csv:6",
                "Learning in teams: a second look",
                2024,
                "[Okafor, Chidi | 2023]",
                cohort,
                "10.21203/rs.3.rs-111/v1",
                teacher
            ),
        ],
        "{err}"
    );
    assert_eq!(flagged(&err), "5 possible duplicates", "{err}");

    let two = format!(
        "{VERSIONS_HEAD}Learning in teams. A preprint,\"Okafor, Chidi\",2018,article,SSRN,10.2139/ssrn.4000001\n\
         Learning in teams,\"Mensah, Kofi\",2024,article,Medical Education,10.1111/medu.14002\n\
         Erratum: Learning in teams,\"Okafor, Chidi\",2022,article,Medical Education,10.1111/medu.14003\n"
    );
    let err = w.import_reading("v2.csv", &two);
    let ssrn = "10.2139/ssrn.4000001";
    assert_eq!(
        notes(&w, &err),
        [
            version(
                "v2.csv:2",
                "Learning in teams. A preprint",
                2018,
                "[Okafor, C. | 2022]",
                "Learning in teams",
                ssrn,
                medu
            ),
            version("v2.csv:2", "Learning in teams. A preprint", 2018, "[Okafor, Chidi | 2023]", cohort, ssrn, teacher),
            version(
                "v2.csv:3",
                "Learning in teams",
                2024,
                "[Mensah, Kofi | 2019]",
                cohort,
                "10.1101/2019.05.01.19000002",
                "10.1111/medu.14002"
            ),
        ],
        "{err}"
    );
    assert_eq!(flagged(&err), "3 possible duplicates", "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 10);
}

/// An entry that gains its DOI from a later row of the same import is
/// compared with the DOI it gained (the index is kept in step).
#[test]
fn an_entry_given_its_doi_by_the_import_is_compared_with_it() {
    let w = Workdir::new();
    let err = w.import_reading(
        "v3.csv",
        &format!(
            "{VERSIONS_HEAD}Learning in groups,\"Okafor, Chidi\",2022,article,Medical Education,\n\
             Learning in groups,\"Okafor, Chidi\",2022,article,Medical Education,10.1111/medu.15001\n\
             Learning in groups: the preprint,\"Okafor, Chidi\",2020,article,medRxiv,10.1101/2020.02.02.20000001\n"
        ),
    );
    assert_eq!(
        notes(&w, &err),
        [version(
            "v3.csv:4",
            "Learning in groups: the preprint",
            2020,
            "[Okafor, Chidi | 2022]",
            "Learning in groups",
            "10.1101/2020.02.02.20000001",
            "10.1111/medu.15001"
        )],
        "{err}"
    );
    assert!(err.contains("2 new, 0 changed, 0 unchanged, 1 duplicate"), "{err}");
    let stored = reading_titled(&w.reading_list(), "Learning in groups").clone();
    assert_eq!(stored["doi"], "10.1111/medu.15001", "{stored:#}");
}

const PAGES_HEAD: &str = "title,authors,year,type,container,volume,issue,pages,doi\n";

fn same_page(line: &str, title: &str, entry: &str, other: &str) -> String {
    format!(
        "note: {line}: \"{title}\" (2017): possible duplicate of entry {entry} \"{other}\" (same first author, year, \
         volume and first page); if it is the same work, keep one"
    )
}

/// One article under two titles (its original and its translation): the
/// same first author, year, volume and first page is flagged; another first
/// page, first author, volume or year is not. Within one file, with an
/// entry that gains its volume and pages from a later row, and against the
/// stored entries of the year.
#[test]
fn same_first_author_year_volume_and_first_page_said_as_before() {
    let w = Workdir::new();
    let err = w.import_reading(
        "p1.csv",
        &format!(
            "{PAGES_HEAD}Colonial medicine and its legacy,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,12,1,45-52,\n\
             Y hoc thuoc dia va di san,\"Nguyen, T. L.\",2017,article,Tap chi Y hoc,12,1,45-60,\n\
             Another paper on page 46,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,12,1,46-52,\n\
             Another first author,\"Tran, Van An\",2017,article,Tap chi Y hoc,12,1,45-52,\n\
             Another volume,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,13,1,45-52,\n\
             Another year,\"Nguyen, Thi Lan\",2016,article,Tap chi Y hoc,12,1,45-52,\n\
             Volume written in words,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,Vol. 12,1,45,\n\
             Colonial medicine and its legacy: a reply,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,12,1,45-47,\n\
             Gains its pages later,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,,,,10.5555/gains.1\n\
             Gains its pages later,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,14,2,101-110,10.5555/gains.1\n\
             A translation of the later one,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,14,2,101-109,\n"
        ),
    );
    let (original, translation) = ("[Nguyen, Thi Lan | 2017]", "[Nguyen, T. L. | 2017]");
    let colonial = "Colonial medicine and its legacy";
    let reply = "Colonial medicine and its legacy: a reply";
    assert_eq!(
        notes(&w, &err),
        [
            same_page("p1.csv:3", "Y hoc thuoc dia va di san", original, colonial),
            same_page("p1.csv:8", "Volume written in words", original, colonial),
            same_page("p1.csv:8", "Volume written in words", translation, "Y hoc thuoc dia va di san"),
            same_page("p1.csv:9", reply, translation, "Y hoc thuoc dia va di san"),
            same_page("p1.csv:9", reply, original, "Volume written in words"),
            format!(
                "note: p1.csv:9: \"{reply}\" (2017): possible duplicate of entry {original} \"{colonial}\" (same \
                 first author, year and main title); if it is the same work, keep one"
            ),
            same_page("p1.csv:12", "A translation of the later one", original, "Gains its pages later"),
        ],
        "{err}"
    );
    assert!(err.contains("10 new, 0 changed, 0 unchanged, 1 duplicate"), "{err}");
    assert_eq!(flagged(&err), "7 possible duplicates", "{err}");
    let gains = reading_titled(&w.reading_list(), "Gains its pages later").clone();
    assert_eq!((&gains["volume"], &gains["pages"]), (&"14".into(), &"101-110".into()), "{gains:#}");

    let err = w.import_reading(
        "p2.csv",
        &format!(
            "{PAGES_HEAD}Legacy of colonial medicine (translated),\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,12,1,45-52,\n\
             Page 46 again,\"Nguyen, Lan\",2017,article,Tap chi Y hoc,12,1,46,\n\
             Nothing on this page,\"Nguyen, Thi Lan\",2017,article,Tap chi Y hoc,12,1,99-100,\n"
        ),
    );
    let legacy = "Legacy of colonial medicine (translated)";
    assert_eq!(
        notes(&w, &err),
        [
            same_page("p2.csv:2", legacy, original, colonial),
            same_page("p2.csv:2", legacy, translation, "Y hoc thuoc dia va di san"),
            same_page("p2.csv:2", legacy, original, "Volume written in words"),
            same_page("p2.csv:2", legacy, original, reply),
            same_page("p2.csv:3", "Page 46 again", original, "Another paper on page 46"),
        ],
        "{err}"
    );
    assert_eq!(flagged(&err), "5 possible duplicates", "{err}");
}

/// A row of canon's export that takes another entry's DOI (the entry's own
/// row, later in the file, gives it a new one) leaves that entry without a
/// DOI until then: a row between the two is compared with the entry as it
/// stands, without the DOI (the index is told), as before.
#[test]
fn a_doi_taken_by_an_earlier_row_of_an_export_is_not_compared() {
    let w = Workdir::new();
    w.import_reading(
        "e1.csv",
        &format!(
            "{VERSIONS_HEAD}Learning in pairs,\"Okafor, Chidi\",2022,article,Medical Education,10.1111/p.1\n\
             Learning in pairs: a study,\"Okafor, Chidi\",2021,article,Medical Teacher,10.1111/p.2\n"
        ),
    );
    let list = w.reading_list();
    let id = |title: &str| format!("R{}", reading_titled(&list, title)["id"]);
    let (pairs, study) = (id("Learning in pairs"), id("Learning in pairs: a study"));
    let p = w.write(
        "e2.csv",
        format!(
            "id,year,title,authors,type,doi\n\
             {study},2021,Learning in pairs: a study,\"Okafor, Chidi\",article,10.1111/p.1\n\
             ,2020,Learning in pairs: the preprint,\"Okafor, Chidi\",article,10.1101/2020.03.03.20000009\n\
             {pairs},2022,Learning in pairs,\"Okafor, Chidi\",article,10.1111/p.3\n"
        ),
    );
    let err = w.ok_stderr(&["import", "reading", p.to_str().expect("utf-8"), "--by", "Ada"]);
    assert_eq!(
        notes(&w, &err),
        [version(
            "e2.csv:3",
            "Learning in pairs: the preprint",
            2020,
            "[Okafor, Chidi | 2021]",
            "Learning in pairs: a study",
            "10.1101/2020.03.03.20000009",
            "10.1111/p.1"
        )],
        "{err}"
    );
    assert!(err.contains("1 new, 2 changed, 0 unchanged"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading_titled(&list, "Learning in pairs")["doi"], "10.1111/p.3");
    assert_eq!(reading_titled(&list, "Learning in pairs: a study")["doi"], "10.1111/p.1");
}
