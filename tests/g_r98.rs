//! Tester r98 (issue 12, references as published), through the binary: a
//! conference paper's conference (its event, place and date) is stored
//! from every format that carries it and printed by every bundled style
//! for a paper with no proceedings (schema 0040, F2); the NLM catalogue's
//! section form of a journal title ("The Lancet. Global health") is read
//! as the journal's name, and gives way to the journal's own form (F5).

mod common;

use common::{Workdir, reading, reference};

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// The stored event, event place, event date, container and place of the
/// reading whose title begins `title`.
fn event_of(w: &Workdir, title: &str) -> [Option<String>; 5] {
    let list = w.reading_list();
    let r = reading(&list, title);
    let s = |k: &str| r[k].as_str().map(str::to_string);
    [s("event"), s("event_place"), s("event_date"), s("container"), s("place")]
}

fn some(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// Tester r98's `talk.json` (Zotero's CSL-JSON for a presentation).
const TALK_JSON: &str = r#"[
 {"id":"t1","type":"paper-conference","title":"Decolonising global health curricula: a student-led audit","author":[{"family":"Wambui","given":"Faith"},{"family":"Iyer","given":"Ananya"}],"event-title":"6th Global Symposium on Health Systems Research","event-place":"Dubai, United Arab Emirates","issued":{"date-parts":[[2020,11,8]]},"genre":"Oral presentation"}
]"#;

/// The same paper as RIS, tester r98's `talk.ris`.
const TALK_RIS: &str = "TY  - CPAPER\nAU  - Wambui, Faith\nAU  - Iyer, Ananya\n\
TI  - Decolonising global health curricula: a student-led audit\n\
T2  - 6th Global Symposium on Health Systems Research\nCY  - Dubai, United Arab Emirates\n\
DA  - 2020/11/08\nPY  - 2020\nM3  - Oral presentation\nER  - \n";

const TALK: &str = "Decolonising global health curricula";
const SYMPOSIUM: &str = "6th Global Symposium on Health Systems Research";
const DUBAI: &str = "Dubai, United Arab Emirates";

/// The presentation in every bundled style, as each manual cites a paper
/// presented at a conference and not published.
const TALK_REFERENCES: &[(&str, &str)] = &[
    (
        "vancouver",
        "Wambui F, Iyer A. Decolonising global health curricula: a student-led audit [oral presentation]. Paper \
         presented at: 6th Global Symposium on Health Systems Research; 2020 Nov 8; Dubai, United Arab Emirates.",
    ),
    (
        "apa",
        "Wambui, F., & Iyer, A. (2020, November 8). Decolonising global health curricula: A student-led audit [Oral \
         presentation]. 6th Global Symposium on Health Systems Research, Dubai, United Arab Emirates.",
    ),
    (
        "chicago",
        "Wambui, Faith, and Ananya Iyer. 2020. “Decolonising Global Health Curricula: A Student-Led Audit.” Paper \
         presented at the 6th Global Symposium on Health Systems Research, Dubai, United Arab Emirates, November 8, \
         2020.",
    ),
    (
        "harvard",
        "Wambui, F. and Iyer, A. (2020) ‘Decolonising global health curricula: a student-led audit’, 6th Global \
         Symposium on Health Systems Research. Dubai, United Arab Emirates, 8 November 2020.",
    ),
    (
        "mla",
        "Wambui, Faith, and Ananya Iyer. “Decolonising Global Health Curricula: A Student-Led Audit.” 6th Global \
         Symposium on Health Systems Research, 8 Nov. 2020, Dubai, United Arab Emirates. Oral presentation.",
    ),
    (
        "ama",
        "Wambui F, Iyer A. Decolonising global health curricula: a student-led audit. Presented at: 6th Global \
         Symposium on Health Systems Research; November 8, 2020; Dubai, United Arab Emirates.",
    ),
    (
        "ieee",
        "F. Wambui and A. Iyer, “Decolonising global health curricula: a student-led audit,” presented at the 6th \
         Global Symposium on Health Systems Research, Dubai, United Arab Emirates, Nov. 8, 2020.",
    ),
];

fn assert_talk_references(w: &Workdir) {
    for (style, want) in TALK_REFERENCES {
        let refs = w.references(style);
        assert_eq!(reference(&refs, TALK), *want, "{style}");
    }
}

#[test]
fn a_presentations_event_is_stored_from_csl_json_and_printed_by_every_style() {
    let w = workdir();
    let said = w.import_reading("talk.json", TALK_JSON);
    assert!(!said.contains("event"), "nothing named as not stored: {said}");
    assert_eq!(event_of(&w, TALK), [some(SYMPOSIUM), some(DUBAI), None, None, None]);
    assert_talk_references(&w);
    // `reading show` says them.
    let id = reading(&w.reading_list(), TALK)["id"].to_string().trim_matches('"').to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.contains(&format!("event        {SYMPOSIUM}")), "{shown}");
    assert!(shown.contains(&format!("event place  {DUBAI}")), "{shown}");
}

#[test]
fn the_same_presentation_from_ris_is_cited_alike() {
    let w = workdir();
    let said = w.import_reading("talk.ris", TALK_RIS);
    assert!(!said.contains("not stored"), "{said}");
    // `T2` and `CY` of a paper with no sign of publication are its event,
    // no proceedings and no publisher's place.
    assert_eq!(event_of(&w, TALK), [some(SYMPOSIUM), some(DUBAI), None, None, None]);
    assert_talk_references(&w);
    // Both lists: one record.
    let said = w.import_reading("talk.json", TALK_JSON);
    assert!(said.contains("0 new"), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 1);
}

#[test]
fn a_ris_paper_in_proceedings_keeps_them_and_its_event() {
    let w = workdir();
    w.import_reading(
        "p.ris",
        "TY  - CPAPER\nAU  - Nakato, Sarah\nTI  - Mobile reminders in Kampala\nT2  - IAS 2019\n\
         C3  - Proceedings of the 10th IAS Conference on HIV Science\nCY  - Mexico City\n\
         PB  - International AIDS Society\nSP  - 45\nEP  - 46\nPY  - 2019\nER  - \n\
         TY  - CONF\nAU  - Otieno, Grace\nTI  - Malaria in pregnancy\nT2  - Kenya Health Summit\nCY  - Nairobi\n\
         PB  - Ministry of Health\nPY  - 2018\nER  - \n",
    );
    assert_eq!(
        event_of(&w, "Mobile reminders"),
        [
            some("IAS 2019"),
            some("Mexico City"),
            None,
            some("Proceedings of the 10th IAS Conference on HIV Science"),
            some("Mexico City")
        ]
    );
    // Published (a publisher) without `C3`: `T2` stays its proceedings.
    assert_eq!(event_of(&w, "Malaria in pregnancy"), [None, None, None, some("Kenya Health Summit"), some("Nairobi")]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Mobile reminders"),
        "Nakato S. Mobile reminders in Kampala. In: Proceedings of the 10th IAS Conference on HIV Science. Mexico \
         City: International AIDS Society; 2019. p. 45-6."
    );
}

/// CSL-JSON's other names and forms: 1.0.1's `event`, a range of days
/// across two months, a poster; a paper in proceedings keeps its form.
const PAPERS_JSON: &str = r#"[
{"id":"p1","type":"paper-conference","title":"Mobile reminders in Kampala","author":[{"family":"Nakato","given":"Sarah"}],"container-title":"Proceedings of the 10th IAS Conference on HIV Science","publisher":"International AIDS Society","publisher-place":"Geneva","event-title":"IAS 2019","event-place":"Mexico City","event-date":{"date-parts":[[2019,7,21],[2019,7,24]]},"page":"45-46","issued":{"date-parts":[[2019]]}},
{"id":"p2","type":"speech","title":"Poster on vaccine hesitancy","author":[{"family":"Okafor","given":"Chinwe"}],"event":"West African Public Health Congress","event-place":"Accra, Ghana","event-date":{"date-parts":[[2022,10,30],[2022,11,2]]},"genre":"Poster","issued":{"date-parts":[[2022]]}}
]"#;

#[test]
fn csl_json_event_date_and_old_event_name_are_read_and_a_poster_is_cited_as_one() {
    let w = workdir();
    let said = w.import_reading("papers.json", PAPERS_JSON);
    assert!(!said.contains("event"), "{said}");
    assert_eq!(
        event_of(&w, "Mobile reminders"),
        [
            some("IAS 2019"),
            some("Mexico City"),
            some("2019-07-21/2019-07-24"),
            some("Proceedings of the 10th IAS Conference on HIV Science"),
            some("Geneva")
        ]
    );
    assert_eq!(
        event_of(&w, "Poster on vaccine"),
        [some("West African Public Health Congress"), some("Accra, Ghana"), some("2022-10-30/2022-11-02"), None, None]
    );
    let want: &[(&str, &str, &str)] = &[
        (
            "vancouver",
            // Citing Medicine ch. 3: the conference's date and place after the proceedings' title (r109).
            "Nakato S. Mobile reminders in Kampala. In: Proceedings of the 10th IAS Conference on HIV Science; 2019 Jul \
             21-24; Mexico City. Geneva: International AIDS Society; 2019. p. 45-6.",
            "Okafor C. Poster on vaccine hesitancy [poster]. Poster session presented at: West African Public Health \
             Congress; 2022 Oct 30-Nov 2; Accra, Ghana.",
        ),
        (
            "apa",
            "Nakato, S. (2019). Mobile reminders in Kampala. In Proceedings of the 10th IAS Conference on HIV Science \
             (pp. 45–46). International AIDS Society.",
            "Okafor, C. (2022, October 30–November 2). Poster on vaccine hesitancy [Poster]. West African Public \
             Health Congress, Accra, Ghana.",
        ),
        (
            "chicago",
            "Nakato, Sarah. 2019. “Mobile Reminders in Kampala.” In Proceedings of the 10th IAS Conference on HIV \
             Science, 45–46. International AIDS Society.",
            "Okafor, Chinwe. 2022. “Poster on Vaccine Hesitancy.” Poster presented at the West African Public Health \
             Congress, Accra, Ghana, October 30–November 2, 2022.",
        ),
        (
            "harvard",
            // (r114 item 3: Cite Them Right 12th ed., "Conference papers", prints the
            // conference's place and date after the proceedings; this expectation had neither.)
            "Nakato, S. (2019) ‘Mobile reminders in Kampala’, in Proceedings of the 10th IAS Conference on HIV \
             Science. Mexico City, 21–24 July 2019. Geneva: International AIDS Society, pp. 45–46.",
            // Harvard brackets a stored poster genre (h-B, r108: Cite Them Right, "Poster presentations").
            "Okafor, C. (2022) ‘Poster on vaccine hesitancy’ [Poster], West African Public Health Congress. Accra, Ghana, 30 \
             October–2 November 2022.",
        ),
        (
            "mla",
            // (MLA cites a paper in proceedings as a work in a book, with
            // its publisher, never "[Geneva]": tester r100 F11. The event's
            // days, stored written in words, are read at report time and
            // printed in MLA's form as the poster's are: f105.)
            "Nakato, Sarah. “Mobile Reminders in Kampala.” Proceedings of the 10th IAS Conference on HIV Science, \
             International AIDS Society, 2019, IAS 2019, 21–24 July 2019, Mexico City, pp. 45–46.",
            "Okafor, Chinwe. “Poster on Vaccine Hesitancy.” West African Public Health Congress, 30 Oct.–2 Nov. \
             2022, Accra, Ghana. Poster.",
        ),
        (
            "ama",
            "Nakato S. Mobile reminders in Kampala. In: Proceedings of the 10th IAS Conference on HIV Science. \
             International AIDS Society; 2019:45-46.",
            "Okafor C. Poster on vaccine hesitancy. Poster presented at: West African Public Health Congress; \
             October 30-November 2, 2022; Accra, Ghana.",
        ),
        (
            "ieee",
            // IEEE: "in Proc. Conf., City, Country, Year, pp." — the conference's place after its name (r109).
            "S. Nakato, “Mobile reminders in Kampala,” in Proceedings of the 10th IAS Conference on HIV Science, \
             Mexico City, Geneva: International AIDS Society, 2019, pp. 45–46.",
            "C. Okafor, “Poster on vaccine hesitancy,” presented at the West African Public Health Congress, Accra, \
             Ghana, Oct. 30–Nov. 2, 2022.",
        ),
    ];
    for (style, paper, poster) in want {
        let refs = w.references(style);
        assert_eq!(reference(&refs, "Mobile reminders"), *paper, "{style}");
        assert_eq!(reference(&refs, "Poster on vaccine"), *poster, "{style}");
    }
}

#[test]
fn biblatex_eventtitle_venue_and_eventdate_are_stored_through_a_crossref() {
    let w = workdir();
    let said = w.import_reading(
        "conf.bib",
        "@inproceedings{nakato2019,\n  author = {Nakato, Sarah and Ssali, John},\n  title = {Mobile phone reminders for \
         {HIV} clinic attendance in {Kampala}},\n  crossref = {ias2019},\n  pages = {45--46}\n}\n\
         @proceedings{ias2019,\n  editor = {Kibuuka, Hannah},\n  title = {Proceedings of the 10th {IAS} Conference on \
         {HIV} Science},\n  booktitle = {Proceedings of the 10th {IAS} Conference on {HIV} Science},\n  eventtitle = \
         {IAS 2019},\n  venue = {Mexico City},\n  eventdate = {2019-07-21/2019-07-24},\n  publisher = {International \
         AIDS Society},\n  address = {Geneva},\n  year = {2019},\n  month = jul\n}\n\
         @inproceedings{talk,\n  author = {Wambui, Faith},\n  title = {A student-led audit},\n  eventtitle = {6th \
         Global Symposium on Health Systems Research},\n  venue = {Dubai, United Arab Emirates},\n  eventdate = \
         {2020-11-08},\n  year = {2020}\n}\n",
    );
    assert!(!said.contains("eventtitle") && !said.contains("venue"), "{said}");
    assert_eq!(
        event_of(&w, "Mobile phone reminders"),
        [
            some("IAS 2019"),
            some("Mexico City"),
            some("2019-07-21/2019-07-24"),
            some("Proceedings of the 10th IAS Conference on HIV Science"),
            some("Geneva")
        ]
    );
    assert_eq!(event_of(&w, "A student-led audit"), [some(SYMPOSIUM), some(DUBAI), some("2020-11-08"), None, None]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "A student-led audit"),
        "Wambui F. A student-led audit. Paper presented at: 6th Global Symposium on Health Systems Research; 2020 \
         Nov 8; Dubai, United Arab Emirates."
    );
}

#[test]
fn zotero_csv_conference_and_meeting_names_and_endnote_conference_papers_are_events() {
    let w = workdir();
    let said = w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title,Publication Title,Place,Date,Conference Name,Meeting Name\n\
         K1,presentation,2021,\"Otieno, Grace\",Community health workers and malaria,,Nairobi,2021-03-04,,East \
         African Health Scientific Conference\n\
         K2,conferencePaper,2019,\"Nakato, Sarah\",Mobile reminders in Kampala,Proceedings of IAS 2019,Mexico \
         City,2019,IAS 2019,\n",
    );
    assert!(
        !said.lines().any(|l| l.contains("not") && (l.contains("Meeting Name") || l.contains("Conference Name"))),
        "{said}"
    );
    assert_eq!(
        event_of(&w, "Community health workers"),
        [some("East African Health Scientific Conference"), some("Nairobi"), None, None, some("Nairobi")]
    );
    assert_eq!(
        event_of(&w, "Mobile reminders"),
        [some("IAS 2019"), some("Mexico City"), None, some("Proceedings of IAS 2019"), some("Mexico City")]
    );
    let refs = w.references("ama");
    assert_eq!(
        reference(&refs, "Community health workers"),
        "Otieno G. Community health workers and malaria. Presented at: East African Health Scientific Conference; \
         March 4, 2021; Nairobi."
    );

    let x = workdir();
    let said = x.import_reading(
        "e.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record><rec-number>1</rec-number><ref-type name="Conference Paper">47</ref-type><contributors><authors><author>Mwangi, Peter</author></authors></contributors><titles><title>Task shifting in rural clinics</title><secondary-title>Kenya Health Summit 2019</secondary-title></titles><dates><year>2019</year></dates><pub-location>Mombasa, Kenya</pub-location></record></records></xml>"#,
    );
    assert!(!said.contains("not stored"), "{said}");
    assert_eq!(
        event_of(&x, "Task shifting"),
        [some("Kenya Health Summit 2019"), some("Mombasa, Kenya"), None, None, None]
    );
    let refs = x.references("vancouver");
    assert_eq!(
        reference(&refs, "Task shifting"),
        "Mwangi P. Task shifting in rural clinics. Paper presented at: Kenya Health Summit 2019; 2019; Mombasa, Kenya."
    );
}

#[test]
fn the_event_goes_round_export_and_import_and_add_edit_and_undo() {
    let w = workdir();
    w.import_reading("papers.json", PAPERS_JSON);
    let out = w.path("ex.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.lines().next().unwrap().ends_with(",archive,archive_location,event,event_place,event_date,pmcid,eprint"),
        "{csv}"
    );
    let v = workdir();
    let said = v.import_reading("ex.csv", &csv);
    assert!(said.contains("2 new"), "{said}");
    assert_eq!(
        event_of(&v, "Poster on vaccine"),
        [some("West African Public Health Congress"), some("Accra, Ghana"), some("2022-10-30/2022-11-02"), None, None]
    );
    assert_eq!(
        event_of(&v, "Mobile reminders"),
        [
            some("IAS 2019"),
            some("Mexico City"),
            some("2019-07-21/2019-07-24"),
            some("Proceedings of the 10th IAS Conference on HIV Science"),
            some("Geneva")
        ]
    );
    // Read back into the same database: unchanged.
    let said = w.import_reading("ex.csv", &csv);
    assert!(said.contains("2 unchanged"), "{said}");

    // `reading add` and `edit` flags; `undo` puts the old value back.
    let a = workdir();
    a.ok(&[
        "reading",
        "add",
        "--title",
        "Decolonising global health curricula: a student-led audit",
        "--author",
        "Wambui, Faith",
        "--author",
        "Iyer, Ananya",
        "--type",
        "conference-paper",
        "--year",
        "2020",
        "--event",
        SYMPOSIUM,
        "--event-place",
        DUBAI,
        "--event-date",
        "2020-11-08",
        "--genre",
        "Oral presentation",
        "--by",
        "tester",
    ]);
    assert_eq!(event_of(&a, TALK), [some(SYMPOSIUM), some(DUBAI), some("2020-11-08"), None, None]);
    assert_talk_references(&a);
    let id = reading(&a.reading_list(), TALK)["id"].to_string().trim_matches('"').to_string();
    let out = a.ok_stderr(&["reading", "edit", &id, "--event-place", "Dubai", "--event-date", "", "--by", "tester"]);
    assert_eq!(event_of(&a, TALK), [some(SYMPOSIUM), some("Dubai"), None, None, None]);
    let change =
        out.split("canon undo ").nth(1).and_then(|s| s.split('`').next()).expect("a change number").to_string();
    a.ok(&["undo", &change, "--by", "tester"]);
    assert_eq!(event_of(&a, TALK), [some(SYMPOSIUM), some(DUBAI), some("2020-11-08"), None, None]);
}

#[test]
fn a_csl_file_gets_event_title_and_event_place() {
    let w = workdir();
    w.import_reading("talk.json", TALK_JSON);
    let csl = w.write(
        "ev.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". "><text variable="title"/><text variable="event-title" prefix="Presented at "/><text variable="event-place"/></group></layout></bibliography>
</style>"#,
    );
    let refs = w.references(csl.to_str().unwrap());
    assert_eq!(
        reference(&refs, TALK),
        "Decolonising global health curricula: a student-led audit. Presented at 6th Global Symposium on Health \
         Systems Research. Dubai, United Arab Emirates"
    );
}

/// Tester r98's `lgh.nbib` (PubMed's record of an article in The Lancet
/// Global Health); `TA`/`JT` are replaced for the other journals.
const LGH: &str = "PMID- 33333334\nVI  - 21\nIP  - 1\nDP  - 2021 Jan\n\
TI  - Sickle cell disease in sub-Saharan Africa: a review.\nPG  - 10-20\nFAU - Makani, Julie\nAU  - Makani J\n\
LA  - eng\nPT  - Journal Article\nPT  - Review\nTA  - Lancet Glob Health\nJT  - The Lancet. Global health\n";

#[test]
fn the_catalogues_section_form_of_a_journal_is_read_as_its_name() {
    let w = workdir();
    w.import_reading("lgh.nbib", LGH);
    let journals = [
        ("33333333", "Lancet Haematol", "The Lancet. Haematology", "The Lancet Haematology"),
        ("33333335", "Acta Paediatr Suppl", "Acta Paediatrica. Supplement", "Acta Paediatrica Supplement"),
        // Left alone: no journal's name before the stop ("Proceedings"), an
        // abbreviation that is not of the two parts, no stop at all.
        ("33333336", "Proc Biol Sci", "Proceedings. Biological sciences", "Proceedings. Biological sciences"),
        (
            "33333337",
            "MMWR Surveill Summ",
            "Morbidity and mortality weekly report. Surveillance summaries",
            "Morbidity and mortality weekly report. Surveillance summaries",
        ),
        (
            "33333338",
            "J Am Acad Child Adolesc Psychiatry",
            "Journal of the American Academy of Child and Adolescent Psychiatry",
            "Journal of the American Academy of Child and Adolescent Psychiatry",
        ),
    ];
    // (Each by another author, cited by its own year.)
    let authors = ["Okoro", "Mensah", "Diallo", "Banda", "Kariuki"];
    for (i, (pmid, ta, jt, _)) in journals.iter().enumerate() {
        let text = LGH
            .replace("33333334", pmid)
            .replace("Makani", authors[i])
            .replace("a review.", &format!("part {i}."))
            .replace("TA  - Lancet Glob Health", &format!("TA  - {ta}"))
            .replace("JT  - The Lancet. Global health", &format!("JT  - {jt}"));
        w.import_reading(&format!("j{i}.nbib"), &text);
    }
    let list = w.reading_list();
    assert_eq!(
        reading(&list, "Sickle cell disease in sub-Saharan Africa: a review")["container"],
        "The Lancet Global health"
    );
    for (i, (_, _, _, want)) in journals.iter().enumerate() {
        assert_eq!(reading(&list, &format!("Sickle cell disease in sub-Saharan Africa: part {i}"))["container"], *want);
    }
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, "Sickle cell disease in sub-Saharan Africa: a review"),
        "Makani, J. (2021). Sickle cell disease in sub-Saharan Africa: A review. The Lancet Global Health, 21(1), \
         10–20."
    );
    assert_eq!(
        reference(&refs, "Sickle cell disease in sub-Saharan Africa: part 0"),
        "Okoro, J. (2021). Sickle cell disease in sub-Saharan Africa: Part 0. The Lancet Haematology, 21(1), 10–20."
    );
    for (style, journal) in [
        ("chicago", "The Lancet Global Health 21 (1): 10–20."),
        ("harvard", "The Lancet Global Health, 21(1), pp. 10–20."),
        ("mla", "The Lancet Global Health, vol. 21, no. 1, Jan. 2021, pp. 10–20."),
    ] {
        let refs = w.references(style);
        let r = reference(&refs, "Sickle cell disease in sub-Saharan Africa: a review");
        assert!(r.ends_with(journal), "{style}: {r}");
    }
}

const LGH_CSV: &str = "title,authors,year,type,container,volume,issue,pages\n\
Sickle cell disease in sub-Saharan Africa: a review,\"Makani, Julie\",2021,article,The Lancet Global Health,21,1,10-20\n";

#[test]
fn the_journals_own_form_replaces_the_catalogues_at_import_and_merge() {
    // The MEDLINE record first: the list's own form is taken, and said.
    let w = workdir();
    w.import_reading("lgh.nbib", LGH);
    let said = w.import_reading("lgh.csv", LGH_CSV);
    assert!(said.contains("1 changed"), "{said}");
    assert_eq!(reading(&w.reading_list(), "Sickle cell")["container"], "The Lancet Global Health");
    // A database that holds the catalogue's form as an older canon stored it.
    let old = workdir();
    old.import_reading("lgh.nbib", LGH);
    let c = rusqlite::Connection::open(old.db()).unwrap();
    c.execute("UPDATE reading SET container = 'The Lancet. Global health'", []).unwrap();
    drop(c);
    let said = old.import_reading("lgh.csv", LGH_CSV);
    assert!(said.contains("container \"The Lancet Global Health\" (was \"The Lancet. Global health\")"), "{said}");
    assert_eq!(reading(&old.reading_list(), "Sickle cell")["container"], "The Lancet Global Health");
    // The list first: the MEDLINE record does not take it back.
    let v = workdir();
    v.import_reading("lgh.csv", LGH_CSV);
    v.import_reading("lgh.nbib", LGH);
    assert_eq!(reading(&v.reading_list(), "Sickle cell")["container"], "The Lancet Global Health");
}
