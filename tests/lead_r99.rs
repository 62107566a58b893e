//! Fresh testers r98 and r99: a record whose DOI named one entry and whose
//! PMID another gave both entries the PMID, in import and merge, unsaid
//! (r99 F1); a MEDLINE author written only as `AU` in a record with `FAU`
//! lines was dropped (r98 F3).

mod common;
use common::*;

const GROUP_A: &str = "title,authors,year,type,doi,pmid,container,volume,pages\n\
    Hidden in plain sight,\"Vyas, Darshali A.\",2020,article,,32853499,N Engl J Med,383,874-882\n\
    Reconsidering race correction,\"Vyas, D.\",2020,article,10.1056/NEJMms2004740,,,,\n";

const GROUP_B: &str = "title,authors,year,type,doi,pmid,container,volume,pages\n\
    Hidden in Plain Sight — Reconsidering the Use of Race Correction in Clinical Algorithms,\
    \"Vyas, Darshali A.; Eisenstein, Leo G.; Jones, David S.\",2020,article,10.1056/NEJMms2004740,32853499,\
    The New England Journal of Medicine,383,874-882\n";

fn pmids(list: &serde_json::Value) -> Vec<(String, Option<String>)> {
    let mut v: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap().to_string(), r["pmid"].as_str().map(String::from)))
        .collect();
    v.sort();
    v
}

#[test]
fn an_import_never_gives_a_second_entry_a_pmid_another_holds() {
    let w = workdir();
    w.import_reading("1.csv", GROUP_A);
    let p = w.write("2.csv", GROUP_B);
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("2.csv:2:6: pmid 32853499 already belongs to entry R"), "{err}");
    assert!(err.contains("(\"Hidden in plain sight\"), and this record is entry R"), "{err}");
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(
        pmids(&w.reading_list()),
        [("Hidden in plain sight".into(), Some("32853499".into())), ("Reconsidering race correction".into(), None)]
    );
    // With --skip-invalid the record is rejected, counted, and nothing else moves.
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap(), "--skip-invalid"]);
    assert!(err.contains("1 rejected"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE pmid = '32853499'"), 1);
    assert_eq!(w.ok(&["check"]).matches("no two readings share a PMID").count(), 1);
}

#[test]
fn a_rows_pmid_may_move_to_another_entry_of_the_same_export() {
    // Canon's own export read back, the PMID moved from one row to the other:
    // the file is read as a whole, as for a DOI.
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,pmid,container\n\
         First,\"Osei, Ama\",2020,article,111,J\n\
         Second,\"Mensah, Kofi\",2021,article,222,J\n",
    );
    let out = w.ok(&["export", "reading", "--format", "csv"]);
    let swapped = out.replace(",111,", ",XXX,").replace(",222,", ",111,").replace(",XXX,", ",222,");
    assert_ne!(swapped, out, "{out}");
    let p = w.write("swapped.csv", &swapped);
    w.ok(&["import", "reading", p.to_str().unwrap(), "--by", "amina"]);
    assert_eq!(pmids(&w.reading_list()), [("First".into(), Some("222".into())), ("Second".into(), Some("111".into()))]);
}

#[test]
fn a_merge_never_gives_a_second_entry_a_pmid_another_holds() {
    let w = workdir();
    w.import_reading("1.csv", GROUP_A);
    let theirs = w.path("theirs.db");
    let p = w.write("2.csv", GROUP_B);
    w.ok_at(&theirs, &["init", "-q"]);
    w.ok_at(&theirs, &["import", "reading", p.to_str().unwrap()]);
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "x"]);
    assert!(
        out.contains("Reconsidering race correction: their PMID 32853499 not taken — it is our reading R"),
        "{out}"
    );
    assert_eq!(
        pmids(&w.reading_list()),
        [("Hidden in plain sight".into(), Some("32853499".into())), ("Reconsidering race correction".into(), None)]
    );
    // The rest of their fuller record is taken.
    let r = reading(&w.reading_list(), "Reconsidering").clone();
    assert_eq!(r["pages"], "874-882", "{r:#}");
    assert!(w.ok(&["check"]).contains("no two readings share a PMID"));
}

#[test]
fn check_names_readings_that_share_a_pmid() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,pmid,container\n\
         First,\"Osei, Ama\",2020,article,111,J\n\
         Second,\"Mensah, Kofi\",2021,article,,J\n",
    );
    // As an older canon could leave them.
    let c = rusqlite::Connection::open(w.db()).unwrap();
    c.execute("UPDATE reading SET pmid = '111' WHERE title = 'Second'", []).unwrap();
    drop(c);
    let out = w.run_at(&w.db(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("PMID 111 in readings R"), "{text}");
}

#[test]
fn a_medline_author_with_no_full_form_is_an_author() {
    let w = workdir();
    let err = w.import_reading(
        "m.nbib",
        "PMID- 30000001\n\
         DP  - 2019 Nov-Dec\n\
         TI  - Community health volunteers and maternal outcomes in Kilifi, Kenya.\n\
         AU  - Mwangi EW\n\
         AU  - Kariuki JM Jr\n\
         FAU - Odhiambo, Frank O\n\
         AU  - Odhiambo FO\n\
         CN  - KEMRI-Wellcome Trust Research Programme\n\
         FED - Bejon, Philip\n\
         ED  - Bejon P\n\
         ED  - Marsh K\n\
         PT  - Journal Article\n\
         TA  - BMJ Glob Health\n\
         JT  - BMJ global health\n\
         \n\
         PMID- 30000002\n\
         DP  - 2019\n\
         TI  - Full names first.\n\
         FAU - Smith, John\n\
         FAU - Jones, Kate\n\
         AU  - Smith J\n\
         AU  - Jones K\n\
         PT  - Journal Article\n\
         JT  - J\n",
    );
    assert!(!err.contains("no full form"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Community");
    assert_eq!(
        r["authors"],
        serde_json::json!([
            "Mwangi EW",
            "Kariuki JM Jr",
            "Odhiambo, Frank O",
            "KEMRI-Wellcome Trust Research Programme"
        ])
    );
    let editors: Vec<&str> =
        r["editor_names"].as_array().unwrap().iter().map(|n| n["original"].as_str().unwrap()).collect();
    assert_eq!(editors, ["Bejon, Philip", "Marsh K"], "{r:#}");
    // Full names and then their short forms: each person once.
    assert_eq!(reading(&list, "Full names").clone()["authors"], serde_json::json!(["Smith, John", "Jones, Kate"]));
    let v = w.references("vancouver");
    assert!(
        reference(&v, "Community").starts_with(
            "Mwangi EW, Kariuki JM Jr, Odhiambo FO; KEMRI-Wellcome Trust Research Programme. Community health"
        ),
        "{v:?}"
    );
}

/// The web form: a range of whole years ("1998-2000") whose first year was
/// changed lost its end year in silence; a year typed as a range brings
/// its own end; an end no longer after the year is refused, saying so.
#[test]
fn the_web_form_keeps_a_ranges_end_when_its_first_year_changes() {
    use common::web::Server;
    let w = workdir();
    w.ok(&["reading", "add", "--by", "t", "--title", "Whole years", "--year", "1998", "--year-end", "2000"]);
    let id = reading(&w.reading_list(), "Whole years")["id"].as_i64().unwrap().to_string();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let from = format!("/readings/{id}/edit");
    let years = |w: &Workdir| {
        let r = reading(&w.reading_list(), "Whole years").clone();
        (r["year"].as_i64(), r["year_end"].as_i64())
    };
    let r = c.submit(
        &from,
        &from,
        &[("was_year", "1998"), ("year", "1997"), ("was_year_end", "2000"), ("year_end", "2000")],
    );
    c.follow(&r);
    assert_eq!(years(&w), (Some(1997), Some(2000)));
    let r = c.submit(
        &from,
        &from,
        &[("was_year", "1997"), ("year", "1996-2001"), ("was_year_end", "2000"), ("year_end", "2000")],
    );
    c.follow(&r);
    assert_eq!(years(&w), (Some(1996), Some(2001)));
    let r = c.submit(
        &from,
        &from,
        &[("was_year", "1996"), ("year", "2005"), ("was_year_end", "2001"), ("year_end", "2001")],
    );
    let text = if (300..400).contains(&r.status) { c.follow(&r) } else { r.text() };
    assert!(text.contains("year_end 2001 does not end a range after the year (2005)"), "{text}");
    assert_eq!(years(&w), (Some(1996), Some(2001)));
    // Emptying the end with the year is a single year.
    let r =
        c.submit(&from, &from, &[("was_year", "1996"), ("year", "2005"), ("was_year_end", "2001"), ("year_end", "")]);
    c.follow(&r);
    assert_eq!(years(&w), (Some(2005), None));
}
