//! Tester r100 F5, through the binary: a PubMed Central ID (PMCID) and an
//! arXiv ID (e-print) are stored from every format that carries them
//! (schema 0041), shown, exported and read back, typed with `reading
//! add/edit`, matched as one work, merged without loss, and printed as the
//! styles cite them ("PubMed Central PMCID: …" in Vancouver; the arXiv
//! address of an e-print with no DOI or address, APA 7 §10.8).

mod common;

use common::*;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// The stored PMCID and arXiv ID of the reading whose title begins `title`.
fn ids_of(w: &Workdir, title: &str) -> [Option<String>; 2] {
    let list = w.reading_list();
    let r = reading(&list, title);
    [r["pmcid"].as_str().map(str::to_string), r["eprint"].as_str().map(str::to_string)]
}

fn some(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// Tester r100's `ids.csv`.
const IDS_CSV: &str = "title,authors,year,type,doi,PMCID,arXiv ID,PMID\n\
Ethical machine learning in health care,\"Chen, Irene Y.\",2021,article,,,arXiv:2009.10576v2,\n\
Hidden in plain sight,\"Vyas, Darshali A.\",2020,article,10.1056/NEJMms2004740,PMC7000001,,32853499\n";

#[test]
fn a_sheets_pmcid_and_arxiv_columns_are_read_and_printed() {
    let w = workdir();
    let err = w.import_reading("ids.csv", IDS_CSV);
    assert!(err.contains("\"PMCID\" → pmcid") && err.contains("\"arXiv ID\" → eprint"), "{err}");
    assert!(!err.contains("not read"), "{err}");
    assert_eq!(ids_of(&w, "Ethical"), [None, some("2009.10576v2")]);
    assert_eq!(ids_of(&w, "Hidden"), [some("PMC7000001"), None]);
    // Nothing else made of them: no address, no note.
    let list = w.reading_list();
    assert_eq!(reading(&list, "Ethical")["url"], serde_json::Value::Null);
    assert_eq!(reading(&list, "Ethical")["annotation"], serde_json::Value::Null);

    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Ethical"),
        "Chen, I. Y. (2021). Ethical machine learning in health care [Preprint]. arXiv. \
         https://arxiv.org/abs/2009.10576v2"
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Hidden"),
        "Vyas DA. Hidden in plain sight. 2020. doi:10.1056/NEJMms2004740. PubMed PMID: 32853499; \
         PubMed Central PMCID: PMC7000001."
    );
    assert_eq!(
        reference(&vancouver, "Ethical"),
        "Chen IY. Ethical machine learning in health care [preprint]. arXiv [Internet]. 2021. \
         Available from: https://arxiv.org/abs/2009.10576v2"
    );
    let ieee = w.references("ieee");
    assert_eq!(
        reference(&ieee, "Ethical"),
        // IEEE marks a preprint after its repository, "arXiv, preprint" (tester r111 F9, r111).
        "I. Y. Chen, “Ethical machine learning in health care,” 2021, arXiv, preprint. [Online]. \
         Available: https://arxiv.org/abs/2009.10576v2"
    );
    // APA cites the DOI, not the PMCID.
    assert_eq!(
        reference(&apa, "Hidden"),
        "Vyas, D. A. (2020). Hidden in plain sight. https://doi.org/10.1056/NEJMms2004740"
    );
}

#[test]
fn a_medline_pmc_line_is_the_pmcid() {
    let w = workdir();
    let nbib = "PMID- 32853499\nOWN - NLM\nTI  - Hidden in plain sight - reconsidering the use of race correction in\n      \
                clinical algorithms.\nDP  - 2020 Aug 27\nVI  - 383\nIP  - 9\nPG  - 874-882\n\
                LID - 10.1056/NEJMms2004740 [doi]\nFAU - Vyas, Darshali A\nAU  - Vyas DA\nPT  - Journal Article\n\
                TA  - N Engl J Med\nJT  - The New England journal of medicine\nPMC - PMC7000001\n\n";
    let err = w.import_reading("pubmed.nbib", nbib);
    assert!(!err.contains("MEDLINE PMC"), "{err}");
    assert_eq!(ids_of(&w, "Hidden"), [some("PMC7000001"), None]);
    assert_eq!(
        reference(&w.references("vancouver"), "Hidden"),
        "Vyas DA. Hidden in plain sight - reconsidering the use of race correction in clinical algorithms. \
         N Engl J Med. 2020 Aug 27;383(9):874-82. doi:10.1056/NEJMms2004740. PubMed PMID: 32853499; \
         PubMed Central PMCID: PMC7000001."
    );
}

#[test]
fn csl_json_pmcid_and_a_preprints_arxiv_number_are_stored() {
    let w = workdir();
    let json = r#"[
 {"id":"a","type":"article-journal","title":"Machine learning in medicine","author":[{"family":"Rajkomar","given":"Alvin"}],"issued":{"date-parts":[[2019]]},"container-title":"N Engl J Med","PMID":"30943338","PMCID":"PMC6400000"},
 {"id":"b","type":"article","title":"Attention is all you need","author":[{"family":"Vaswani","given":"Ashish"}],"issued":{"date-parts":[[2017]]},"publisher":"arXiv","number":"arXiv:1706.03762"},
 {"id":"c","type":"article","title":"A medRxiv preprint","issued":{"date-parts":[[2021]]},"publisher":"medRxiv","number":"2021.01.01.21249123"}
]"#;
    let err = w.import_reading("items.json", json);
    assert!(!err.contains("CSL-JSON PMCID"), "{err}");
    // Another repository's ID is still no arXiv ID, and still said.
    assert!(err.contains("CSL-JSON number (a preprint's ID in its repository) (1 record)"), "{err}");
    assert_eq!(ids_of(&w, "Machine"), [some("PMC6400000"), None]);
    assert_eq!(ids_of(&w, "Attention"), [None, some("1706.03762")]);
    assert_eq!(ids_of(&w, "A medRxiv"), [None, None]);
    assert_eq!(
        reference(&w.references("apa"), "Attention"),
        "Vaswani, A. (2017). Attention is all you need [Preprint]. arXiv. https://arxiv.org/abs/1706.03762"
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Machine"),
        "Rajkomar A. Machine learning in medicine. N Engl J Med. 2019. PubMed PMID: 30943338; \
         PubMed Central PMCID: PMC6400000."
    );
}

#[test]
fn bibtex_pmcid_and_arxiv_eprints_are_stored() {
    let w = workdir();
    let bib = "@article{x,\n  author = {Obermeyer, Ziad},\n  title = {Dissecting racial bias},\n  journal = {Science},\n  \
               year = {2019},\n  pmcid = {PMC6500000}\n}\n\
               @online{y,\n  author = {Ghassemi, Marzyeh},\n  title = {A review of challenges},\n  year = {2020},\n  \
               eprint = {1806.00388v2},\n  eprinttype = {arxiv},\n  url = {https://example.org/paper}\n}\n\
               @article{old,\n  author = {Maldacena, Juan},\n  title = {The large N limit of superconformal field theories},\n  \
               year = {1997},\n  eprint = {hep-th/9711200},\n  archivePrefix = {arXiv}\n}\n\
               @article{scholar,\n  title = {Language models are few-shot learners},\n  author = {Brown, Tom},\n  \
               journal = {arXiv preprint arXiv:2005.14165},\n  year = {2020}\n}\n";
    let err = w.import_reading("refs.bib", bib);
    assert!(!err.contains("BibTeX pmcid") && !err.contains("BibTeX eprint"), "{err}");
    assert_eq!(ids_of(&w, "Dissecting"), [some("PMC6500000"), None]);
    // The e-print is stored beside the entry's own address, which stays.
    assert_eq!(ids_of(&w, "A review"), [None, some("1806.00388v2")]);
    assert_eq!(ids_of(&w, "The large N"), [None, some("hep-th/9711200")]);
    assert_eq!(ids_of(&w, "Language models"), [None, some("2005.14165")]);
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, "A review"),
        "Ghassemi, M. (2020). A review of challenges [Preprint]. arXiv. https://example.org/paper"
    );
    assert_eq!(
        reference(&refs, "The large N"),
        "Maldacena, J. (1997). The large N limit of superconformal field theories [Preprint]. arXiv. \
         https://arxiv.org/abs/hep-th/9711200"
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Dissecting"),
        "Obermeyer Z. Dissecting racial bias. Science. 2019. PubMed Central PMCID: PMC6500000."
    );
}

#[test]
fn ris_zotero_and_pubmed_csv_pmcids_are_stored() {
    let w = workdir();
    let ris = "TY  - JOUR\nAU  - Chen, Irene Y.\nTI  - Can AI help reduce disparities?\nT2  - AMA J Ethics\nPY  - 2019\n\
               C2  - PMC6600000\nER  - \n";
    let err = w.import_reading("c2.ris", ris);
    assert!(!err.contains("RIS C2"), "{err}");
    assert_eq!(ids_of(&w, "Can AI"), [some("PMC6600000"), None]);

    // Zotero's Extra: "PMCID: …" and "arXiv: …" lines are the fields, not a note.
    let zotero = "Key,Item Type,Publication Year,Author,Title,Publication Title,Extra\n\
                  K1,journalArticle,2021,\"Sjoding, Michael\",Racial bias in pulse oximetry,N Engl J Med,\"PMID: 33326721\nPMCID: PMC7793440\"\n\
                  K2,preprint,2020,\"Chen, Irene Y.\",Ethical machine learning in health care,,\"arXiv: 2009.10576\"\n\
                  K3,preprint,2020,\"Ghassemi, Marzyeh\",A review of challenges,,\"Archive ID: arXiv:1806.00388\nRead in week 2\"\n";
    w.import_reading("zotero.csv", zotero);
    assert_eq!(ids_of(&w, "Racial bias"), [some("PMC7793440"), None]);
    assert_eq!(ids_of(&w, "Ethical"), [None, some("2009.10576")]);
    assert_eq!(ids_of(&w, "A review"), [None, some("1806.00388")]);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Racial bias")["annotation"], serde_json::Value::Null);
    assert_eq!(reading(&list, "Ethical")["annotation"], serde_json::Value::Null);
    assert_eq!(reading(&list, "A review")["annotation"], "Read in week 2");

    // PubMed's own CSV export: its "PMCID" column is read.
    let pubmed = "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n\
                  32853499,Hidden in plain sight,Vyas DA,N Engl J Med. 2020;383(9):874-882.,Vyas DA,N Engl J Med,2020,2020/08/27,PMC7000001,,10.1056/NEJMms2004740\n";
    let err = w.import_reading("pubmed.csv", pubmed);
    assert!(!err.contains("\"PMCID\" is not read"), "{err}");
    assert_eq!(ids_of(&w, "Hidden"), [some("PMC7000001"), None]);
}

#[test]
fn a_malformed_pmcid_or_arxiv_id_is_refused_at_its_cell() {
    let w = workdir();
    let csv = w.write("bad.csv", "title,year,pmcid,eprint\nA,2020,PMCX12,\nB,2020,,2101.1\n");
    let err = w.fails(&["import", "reading", csv.to_str().unwrap()]);
    assert!(
        err.contains(
            "bad.csv:2:3: pmcid \"PMCX12\" is not a PubMed Central ID; expected PMC and digits, as PMC7000001"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "bad.csv:3:4: eprint \"2101.1\" is not an arXiv ID; expected the form 2101.01234 (with a version, \
             2101.01234v2) or hep-th/9901001"
        ),
        "{err}"
    );
    assert!(err.contains("2 problems in ") && err.contains("bad.csv; nothing imported"), "{err}");
    let bib =
        w.write("bad.bib", "@article{k,\n  title = {T},\n  year = {2020},\n  journal = {J},\n  pmcid = {12a}\n}\n");
    let err = w.fails(&["import", "reading", bib.to_str().unwrap()]);
    assert!(
        err.contains(
            "bad.bib:5:3: in entry `k`: pmcid \"12a\" is not a PubMed Central ID; expected PMC and digits, as PMC7000001"
        ),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM reading"), 0);
}

#[test]
fn the_map_hint_names_pmcid_and_eprint_never_editors_or_place() {
    let w = workdir();
    let csv = w.write("hint.csv", "title,year,Europe PMC ID,arXiv number,ISSN\nA,2020,PMC1,2101.01234,1234-5678\n");
    let err = w.ok_stderr(&["import", "reading", csv.to_str().unwrap(), "--dry-run"]);
    assert!(
        err.contains(
            "column 3 \"Europe PMC ID\" is not read: no field has that name; 1 row holds text there; to read it, \
             add --map 'Europe PMC ID=pmcid'"
        ),
        "{err}"
    );
    assert!(!err.contains("\"arXiv number\" is not read"), "{err}");
    // An identifier's column is offered the notes at most, never a name or place field.
    assert!(
        err.contains(
            "column 5 \"ISSN\" is not read: no field has that name; 1 row holds text there; to read it, add \
             --map 'ISSN=FIELD' with FIELD one of notes\n"
        ),
        "{err}"
    );
    // With the PMCID read from its own column, another one is offered no name field either.
    let csv = w.write("hint2.csv", "title,year,PubMed Central ID,Europe PMC ID\nA,2020,PMC2,PMC1\n");
    let err = w.ok_stderr(&["import", "reading", csv.to_str().unwrap(), "--dry-run"]);
    assert!(!err.contains("\"PubMed Central ID\" is not read"), "{err}");
    assert!(
        err.contains(
            "column 4 \"Europe PMC ID\" is not read: no field has that name; 1 row holds text there; to read it, \
             add --map 'Europe PMC ID=FIELD' with FIELD one of notes\n"
        ),
        "{err}"
    );
}

#[test]
fn typed_pmcid_and_eprint_are_normalised_shown_edited_and_undone() {
    let w = workdir();
    w.ok(&[
        "reading",
        "add",
        "--by",
        "ann",
        "--title",
        "Typed one",
        "--year",
        "2020",
        "--pmcid",
        "PMCID: pmc0123",
        "--eprint",
        "arXiv:2101.01234v2",
    ]);
    assert_eq!(ids_of(&w, "Typed one"), [some("PMC123"), some("2101.01234v2")]);
    let id = reading(&w.reading_list(), "Typed one")["id"].to_string();
    let show = w.ok(&["reading", "show", &id]);
    assert!(show.contains("pmcid        PMC123") && show.contains("eprint       2101.01234v2"), "{show}");
    let err = w.fails(&["reading", "add", "--by", "ann", "--title", "Bad", "--year", "2020", "--pmcid", "PMC-1"]);
    assert!(err.contains("\"PMC-1\" is not a PubMed Central ID; expected PMC and digits, as PMC7000001"), "{err}");
    let err = w.fails(&["reading", "add", "--by", "ann", "--title", "Bad", "--year", "2020", "--eprint", "1313.00001"]);
    assert!(err.contains("\"1313.00001\" is not an arXiv ID"), "{err}");
    // Another reading with the same PMCID is refused: one work, one entry.
    let err =
        w.fails(&["reading", "add", "--by", "ann", "--title", "Another work", "--year", "2021", "--pmcid", "PMC123"]);
    assert!(err.contains("PMCID PMC123 is already entry"), "{err}");

    let out = w.ok_stderr(&["reading", "edit", &id, "--by", "ann", "--pmcid", "PMC999", "--eprint", ""]);
    assert!(out.contains("eprint: \"2101.01234v2\" → (empty); pmcid: \"PMC123\" → \"PMC999\""), "{out}");
    assert_eq!(ids_of(&w, "Typed one"), [some("PMC999"), None]);
    let change = w.count("SELECT max(id) FROM history").to_string();
    w.ok(&["undo", "--by", "ann", &change]);
    assert_eq!(ids_of(&w, "Typed one"), [some("PMC123"), some("2101.01234v2")]);
}

#[test]
fn export_and_reimport_keep_both_identifiers() {
    let w = workdir();
    w.import_reading("ids.csv", IDS_CSV);
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.ends_with(",event,event_place,event_date,pmcid,eprint"), "{header}");
    // The same file again: nothing changes.
    let err = w.ok_stderr(&["import", "reading", out.to_str().unwrap()]);
    assert!(err.contains("0 new, 0 changed, 2 unchanged"), "{err}");
    // Another database reads the same values.
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    other.write("export.csv", &text);
    other.ok_stderr(&["import", "reading", other.path("export.csv").to_str().unwrap()]);
    assert_eq!(ids_of(&other, "Ethical"), [None, some("2009.10576v2")]);
    assert_eq!(ids_of(&other, "Hidden"), [some("PMC7000001"), None]);
}

#[test]
fn a_pmcid_or_arxiv_id_finds_the_same_work_and_a_clash_keeps_ours() {
    let w = workdir();
    w.import_reading("ids.csv", IDS_CSV);
    // The same PMCID (written as digits) or another version of the same
    // e-print: the same works, under another form of their titles.
    let again = "title,authors,year,type,pmcid,eprint\n\
                 Hidden in plain sight: reconsidering race correction,\"Vyas, Darshali A.\",2020,article,7000001,\n\
                 Ethical machine learning in health care: a review,\"Chen, Irene Y.\",2021,article,,2009.10576v3\n";
    let err = w.import_reading("again.csv", again);
    assert!(err.contains("0 new, 2 changed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading"), 2);
    assert_eq!(ids_of(&w, "Ethical"), [None, some("2009.10576v3")]);
    // Another PMCID for the entry its DOI names: ours kept, the file's said.
    let other = "title,authors,year,type,doi,pmcid\n\
                 Hidden in plain sight,\"Vyas, Darshali A.\",2020,article,10.1056/NEJMms2004740,PMC7000002\n";
    let err = w.import_reading("other.csv", other);
    assert!(
        err.contains("(same DOI) has PMCID PMC7000001, and this record PMCID PMC7000002; kept PMC7000001"),
        "{err}"
    );
    assert_eq!(ids_of(&w, "Hidden"), [some("PMC7000001"), None]);
    // A record with no PMCID takes nothing away.
    let bare =
        "title,authors,year,type,doi\nHidden in plain sight,\"Vyas, Darshali A.\",2020,article,10.1056/NEJMms2004740\n";
    w.import_reading("bare.csv", bare);
    assert_eq!(ids_of(&w, "Hidden"), [some("PMC7000001"), None]);
}

#[test]
fn a_merge_brings_their_identifiers_and_a_clash_is_a_conflict() {
    let ours = workdir();
    ours.import_reading(
        "m.csv",
        "title,authors,year,type,doi\nHidden in plain sight,\"Vyas, Darshali A.\",2020,article,10.1056/NEJMms2004740\n",
    );
    let id = reading(&ours.reading_list(), "Hidden")["id"].to_string();
    let theirs = Workdir::new();
    std::fs::copy(ours.db(), theirs.db()).unwrap();
    theirs.ok(&["reading", "edit", &id, "--by", "bob", "--pmcid", "PMC7000001", "--eprint", "2101.01234"]);
    ours.ok(&["merge", theirs.db().to_str().unwrap(), "--by", "ann"]);
    assert_eq!(ids_of(&ours, "Hidden"), [some("PMC7000001"), some("2101.01234")]);
    // Both sides give it another PMCID: a conflict, ours stands.
    theirs.ok(&["reading", "edit", &id, "--by", "bob", "--pmcid", "PMC7000003"]);
    ours.ok(&["reading", "edit", &id, "--by", "ann", "--pmcid", "PMC7000002"]);
    let out = ours.ok(&["merge", theirs.db().to_str().unwrap(), "--by", "ann"]);
    assert!(out.contains("both sides changed pmcid"), "{out}");
    assert_eq!(ids_of(&ours, "Hidden"), [some("PMC7000002"), some("2101.01234")]);
}

#[test]
fn check_names_readings_that_share_a_pmcid() {
    let w = workdir();
    w.import_reading("ids.csv", IDS_CSV);
    let out = w.ok(&["check"]);
    assert!(out.contains("no two readings share a PMID"), "{out}");
    // Two entries an older copy left with one PMCID (written by hand here).
    let conn = rusqlite::Connection::open(w.db()).unwrap();
    conn.execute("UPDATE reading SET pmcid = 'PMC7000001' WHERE pmcid IS NULL", []).unwrap();
    drop(conn);
    let out = w.cmd(&["check"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("PMCID PMC7000001 in readings R"), "{text}");
}
