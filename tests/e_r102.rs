//! Values a real export carries that canon dropped or misfiled (issue 12's
//! "every column read into a field or named as ignored"): Scopus's and Web
//! of Science's conference fields, call numbers beside an archive, CSL's
//! `regulation`, an event-only paper under a `.csl` style, a book's `A2`
//! naming its series, and a library catalogue's " : " title (tester r101 F4).

mod common;
use common::*;

fn s<'a>(r: &'a serde_json::Value, k: &str) -> Option<&'a str> {
    r[k].as_str()
}

fn event(r: &serde_json::Value) -> [Option<&str>; 3] {
    [s(r, "event"), s(r, "event_place"), s(r, "event_date")]
}

const SYMPOSIUM: &str = "6th Global Symposium on Health Systems Research";
const DUBAI: &str = "Dubai, United Arab Emirates";
const DATES: &str = "8 November 2020 through 12 November 2020";

/// Scopus CSV's "Conference name", "Conference date" and "Conference
/// location" are the paper's event, read as such (they were named as having
/// no field); "Conference code" stays named.
#[test]
fn scopus_csv_conference_columns_are_the_event() {
    let w = workdir();
    let said = w.import_reading(
        "scopus.csv",
        "Authors,Author full names,Title,Year,Source title,Page start,Page end,Conference name,Conference date,\
         Conference location,Conference code,Document Type,Source,EID\n\
         Tanaka Y.,\"Tanaka, Yuki (57212345678)\",Health financing at the edge,2020,\
         Proceedings of the 6th Global Symposium,12,20,\"6th Global Symposium on Health Systems Research\",\
         8 November 2020 through 12 November 2020,\"Dubai, United Arab Emirates\",165432,Conference paper,Scopus,2-s2.0-1\n\
         Osei A.,\"Osei, Ama (57000000001)\",An article,2021,Lancet,1,9,,,,,Article,Scopus,2-s2.0-2\n",
    );
    assert!(
        said.contains(
            "\"Conference name\" → event, \"Conference date\" → event_date, \"Conference location\" → event_place"
        ),
        "{said}"
    );
    assert!(said.contains("column 11 \"Conference code\" is not read: Scopus's code for the conference"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "Health financing");
    assert_eq!(event(r), [Some(SYMPOSIUM), Some(DUBAI), Some(DATES)], "{r:#}");
    assert_eq!(s(r, "container"), Some("Proceedings of the 6th Global Symposium"));
    assert_eq!(s(r, "type"), Some("conference-paper"));
    assert_eq!(event(reading(&list, "An article")), [None, None, None]);
}

/// Scopus's RIS and BibTeX write the same conference as note lines
/// ("Conference name: …; Conference date: …; Conference location: …"): the
/// event, as from its CSV; its code and export date stay named.
#[test]
fn scopus_note_conference_lines_are_the_event() {
    let ris = "TY  - CONF\nAU  - Tanaka, Y.\nTI  - Health financing at the edge\n\
               T2  - Proceedings of the 6th Global Symposium\nPY  - 2020\nSP  - 12\nEP  - 20\nDB  - Scopus\n\
               N1  - Conference code: 165432; Export Date: 5 May 2021; Conference name: 6th Global Symposium on \
               Health Systems Research; Conference date: 8 November 2020 through 12 November 2020; Conference \
               location: Dubai, United Arab Emirates\nER  - \n";
    let bib = "@CONFERENCE{Tanaka2020,\n author={Tanaka, Y.},\n title={Financing at the edge, in BibTeX},\n\
               journal={Proceedings of the 6th Global Symposium},\n year={2020},\n pages={12-20},\n\
               note={cited By 0; Conference name: 6th Global Symposium on Health Systems Research; Conference \
               date: 8 November 2020 through 12 November 2020; Conference location: Dubai, United Arab Emirates; \
               Conference code: 165432},\n source={Scopus},\n}\n";
    let w = workdir();
    let said = w.import_reading("scopus.ris", ris);
    assert!(
        said.contains(
            "RIS DB (1 record), note lines \"Conference code: …\" (export data a database writes in the note, not \
             a note) (1), note lines \"Export Date: …\""
        ),
        "{said}"
    );
    assert!(!said.contains("Conference name: …") && !said.contains("Conference date: …"), "{said}");
    let said = w.import_reading("scopus.bib", bib);
    assert!(said.contains("note lines \"Conference code: …\""), "{said}");
    let list = w.reading_list();
    for title in ["Health financing at the edge", "Financing at the edge, in BibTeX"] {
        let r = reading(&list, title);
        assert_eq!(event(r), [Some(SYMPOSIUM), Some(DUBAI), Some(DATES)], "{r:#}");
        assert_eq!(s(r, "container"), Some("Proceedings of the 6th Global Symposium"), "{r:#}");
        assert_eq!(s(r, "annotation"), None, "{r:#}");
    }
}

/// Web of Science's `CT`, `CY` and `CL` (conference title, dates, place)
/// are the event; a `CY` without a `CT` names no event and stays named.
#[test]
fn web_of_science_conference_tags_are_the_event() {
    let w = workdir();
    let said = w.import_reading(
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT C\nAU Tanaka, Y\nAF Tanaka, Yuki\n\
         TI Health financing at the edge\nSO PROCEEDINGS OF THE 6TH GLOBAL SYMPOSIUM\n\
         CT 6th Global Symposium on Health Systems Research\nCY NOV 08-12, 2020\nCL Dubai, U ARAB EMIRATES\n\
         PY 2020\nBP 12\nEP 20\nER\n\nPT C\nAU Osei, A\nTI Dates alone\nSO PROCEEDINGS OF X\nCY JUN 01-02, 2019\n\
         PY 2019\nER\n\nEF\n",
    );
    assert!(said.contains("Web of Science CY (the conference's dates or place, without its title)"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "Health financing");
    assert_eq!(event(r), [Some(SYMPOSIUM), Some("Dubai, U ARAB EMIRATES"), Some("NOV 08-12, 2020")], "{r:#}");
    assert_eq!(s(r, "container"), Some("Proceedings of the 6th Global Symposium"), "{r:#}");
    assert_eq!(event(reading(&list, "Dates alone")), [None, None, None]);
}

/// Zotero's "Call Number" beside an "Archive" with no "Loc. in Archive" is
/// the archive's shelf mark, read as the archive location; elsewhere a
/// library's shelf mark, said at its row (never dropped unsaid).
#[test]
fn zotero_call_number_beside_an_archive_is_its_location() {
    let w = workdir();
    let said = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Archive\",\"Loc. in Archive\",\"Call Number\"\n\
         \"K1\",\"document\",\"1843\",\"Grey, George\",\"Despatch on the Maori\",\"The National Archives\",\"\",\"CO 209/16\"\n\
         \"K2\",\"book\",\"2006\",\"Washington, Harriet A.\",\"Medical apartheid\",\"\",\"\",\"R852 .W37 2006\"\n\
         \"K3\",\"document\",\"1901\",\"Lugard, F.\",\"Report on Lagos\",\"LSHTM Archives\",\"Ross/01\",\"Ross/01/02\"\n",
    );
    assert!(said.contains("\"Call Number\" → archive_location (also)"), "{said}");
    assert!(
        said.contains(
            "z.csv:3:8: warning: Call Number \"R852 .W37 2006\" not stored: a library's shelf mark (read as the \
             archive location only beside an Archive)"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "z.csv:4:8: warning: Call Number \"Ross/01/02\" not stored: the item has a Loc. in Archive, and canon \
             keeps one place in the archive"
        ),
        "{said}"
    );
    let list = w.reading_list();
    let archive = |t: &str| {
        let r = reading(&list, t);
        [s(r, "archive").map(str::to_string), s(r, "archive_location").map(str::to_string)]
    };
    assert_eq!(archive("Despatch"), [Some("The National Archives".into()), Some("CO 209/16".into())]);
    assert_eq!(archive("Medical apartheid"), [None, None]);
    assert_eq!(archive("Report on Lagos"), [Some("LSHTM Archives".into()), Some("Ross/01".into())]);
}

/// A Zotero export with no row that has an archive keeps naming "Call
/// Number" once for the column, as before (no warning at every row).
#[test]
fn zotero_call_numbers_without_archives_are_named_once() {
    let w = workdir();
    let said = w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Call Number\"\n\
         \"K2\",\"book\",\"2006\",\"Washington, Harriet A.\",\"Medical apartheid\",\"R852 .W37 2006\"\n",
    );
    assert!(
        said.contains("column 6 \"Call Number\" is not read: a library's shelf mark, not part of the reference"),
        "{said}"
    );
    assert!(!said.contains("z.csv:2:"), "{said}");
}

/// The same archive and shelf mark from RIS (`DB`, Zotero's archive, and
/// `CN`), biblatex (`archive` and `library`) and EndNote XML
/// (`remote-database-name` and `call-num`); a call number beside no archive,
/// or beside a bibliographic database, is named as not stored.
#[test]
fn call_numbers_beside_an_archive_in_every_format() {
    let w = workdir();
    let ris = w.import_reading(
        "a.ris",
        "TY  - MANSCPT\nAU  - Grey, George\nTI  - Despatch RIS\nDB  - The National Archives\nCN  - CO 209/16\n\
         PY  - 1843\nER  - \n\nTY  - BOOK\nAU  - Washington, Harriet A.\nTI  - Medical apartheid RIS\n\
         CN  - R852 .W37 2006\nDB  - Scopus\nPY  - 2006\nER  - \n\nTY  - MANSCPT\nAU  - Grey, George\n\
         TI  - Despatch with AV\nDB  - The National Archives\nAV  - CO 209/17\nCN  - 325.342\nPY  - 1843\nER  - \n",
    );
    assert!(ris.contains("RIS CN (2 records), RIS DB (1)"), "{ris}");
    let bib = w.import_reading(
        "a.bib",
        "@unpublished{g, author = {Grey, George}, title = {Despatch BibTeX}, year = {1843},\n\
         archive = {The National Archives}, library = {CO 209/16}}\n\
         @book{w, author = {Washington, Harriet A.}, title = {Medical apartheid BibTeX}, year = {2006},\n\
         library = {R852 .W37 2006}}\n",
    );
    assert!(bib.contains("BibTeX library (1 record)"), "{bib}");
    let xml = w.import_reading(
        "a.xml",
        "<?xml version=\"1.0\"?><xml><records>\
         <record><ref-type name=\"Manuscript\">36</ref-type><contributors><authors><author>Grey, George</author>\
         </authors></contributors><titles><title>Despatch EndNote</title></titles><dates><year>1843</year></dates>\
         <remote-database-name>The National Archives</remote-database-name><call-num>CO 209/16</call-num></record>\
         <record><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Washington, Harriet A.</author>\
         </authors></contributors><titles><title>Medical apartheid EndNote</title></titles>\
         <dates><year>2006</year></dates><call-num>R852 .W37 2006</call-num></record></records></xml>",
    );
    assert!(xml.contains("EndNote XML call-num (1 record)"), "{xml}");
    let list = w.reading_list();
    let archive = |t: &str| {
        let r = reading(&list, t);
        [s(r, "archive").map(str::to_string), s(r, "archive_location").map(str::to_string)]
    };
    let tna = [Some("The National Archives".to_string()), Some("CO 209/16".to_string())];
    for t in ["Despatch RIS", "Despatch BibTeX", "Despatch EndNote"] {
        assert_eq!(archive(t), tna, "{t}");
    }
    assert_eq!(archive("Despatch with AV"), [Some("The National Archives".into()), Some("CO 209/17".into())]);
    for t in ["Medical apartheid RIS", "Medical apartheid BibTeX", "Medical apartheid EndNote"] {
        assert_eq!(archive(t), [None, None], "{t}");
    }
}

/// A regulation is no report: type "other", genre "Regulation", as a
/// statute or bill is, from CSL-JSON, EndNote XML and a reading list's type.
#[test]
fn a_regulation_is_other_with_its_genre_in_every_format() {
    let w = workdir();
    w.import_reading(
        "r.json",
        r#"[{"id":"r1","type":"regulation","title":"General Data Protection Regulation","issued":{"date-parts":[[2016]]},"authority":"European Parliament"}]"#,
    );
    w.import_reading(
        "r.xml",
        "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Legal Rule or Regulation\">50</ref-type>\
         <titles><title>Medical Devices Regulations 2002</title></titles><dates><year>2002</year></dates>\
         </record></records></xml>",
    );
    w.import_reading("r.csv", "title,year,type\nHealth Protection (Notification) Regulations 2010,2010,regulation\n");
    let list = w.reading_list();
    for t in ["General Data Protection", "Medical Devices Regulations", "Health Protection"] {
        let r = reading(&list, t);
        assert_eq!([s(r, "type"), s(r, "genre")], [Some("other"), Some("Regulation")], "{r:#}");
    }
    assert_eq!(s(reading(&list, "General Data Protection"), "publisher"), Some("European Parliament"));
}

const PROBE_CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Probe</title><id>probe</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <choose><if type="paper-conference"><text value="PC"/></if><else-if type="article"><text value="ART"/></else-if><else><text value="OTHER"/></else></choose>
    <text variable="title" prefix=" | "/>
    <text variable="container-title" prefix=" | C="/>
    <text variable="event-title" prefix=" | E="/>
    <text variable="event-place" prefix=" | P="/>
    <date variable="event-date" prefix=" | D="><date-part name="year"/><date-part name="month" prefix="-" form="numeric"/><date-part name="day" prefix="-"/></date>
  </layout></bibliography>
</style>
"#;

/// A conference paper with no proceedings, only its event, reaches a `.csl`
/// style as CSL `paper-conference` with its `event-title`, `event-place`
/// and `event-date` (it was `article`); one in proceedings stays so.
#[test]
fn an_event_only_paper_is_a_paper_conference_for_a_csl_style() {
    let w = workdir();
    w.import_reading(
        "ev.json",
        r#"[{"id":"p1","type":"paper-conference","title":"Paper at an event","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2020]]},"event-title":"6th Global Symposium on Health Systems Research","event-place":"Dubai, United Arab Emirates","event-date":{"date-parts":[[2020,11,8]]}},
{"id":"p2","type":"paper-conference","title":"Paper in proceedings","author":[{"family":"Osei","given":"Ama"}],"issued":{"date-parts":[[2020]]},"container-title":"Proceedings of the Symposium","event-title":"7th Symposium","event-place":"Accra","publisher":"IEEE"}]"#,
    );
    w.import_reading(
        "ev.csv",
        "Key,Item Type,Publication Year,Author,Title,Conference Name,Place\n\
         K1,conferencePaper,2019,\"Mensah, Kofi\",Presented in Zotero,Africa Health Forum,Kigali\n",
    );
    let style = w.write("probe.csl", PROBE_CSL);
    let refs = w.references(style.to_str().unwrap());
    assert_eq!(
        reference(&refs, "Paper at an event"),
        "PC | Paper at an event | E=6th Global Symposium on Health Systems Research | P=Dubai, United Arab \
         Emirates | D=2020-11-8"
    );
    assert_eq!(
        reference(&refs, "Paper in proceedings"),
        "PC | Paper in proceedings | C=Proceedings of the Symposium | E=7th Symposium | P=Accra"
    );
    assert_eq!(reference(&refs, "Presented in Zotero"), "PC | Presented in Zotero | E=Africa Health Forum | P=Kigali");
}

/// A book's `A2` with no series beside it: a person is the editor (as
/// before); a series' title ("Lecture Notes in Computer Science") is the
/// series, not an editor of that name.
#[test]
fn a_books_a2_naming_a_series_is_its_series() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - BOOK\nAU  - Smith, John\nTI  - A book with an editor\nA2  - Jones, Mary\nPY  - 2001\nPB  - Penguin\n\
         ER  - \n\nTY  - BOOK\nAU  - Smith, John\nTI  - A book in a series\nA2  - Lecture Notes in Computer Science\n\
         VL  - 1234\nPY  - 2002\nPB  - Springer\nER  - \n\nTY  - RPRT\nAU  - World Health Organization\n\
         TI  - A report in a series\nA2  - WHO Technical Report Series\nPY  - 2003\nER  - \n\n\
         TY  - BOOK\nAU  - Smith, John\nTI  - A book with a body as editor\nA2  - World Health Organization\n\
         PY  - 2004\nER  - \n",
    );
    let list = w.reading_list();
    let editors = |t: &str| name_fields(reading(&list, t), "editor_names", ["family", "literal"]);
    assert_eq!(editors("A book with an editor"), vec![[Some("Jones".to_string()), None]]);
    assert_eq!(s(reading(&list, "A book with an editor"), "series"), None);
    let series = reading(&list, "A book in a series");
    assert_eq!(s(series, "series"), Some("Lecture Notes in Computer Science"), "{series:#}");
    // Its number in the series, where a book's `T2` series keeps it.
    assert_eq!([s(series, "issue"), s(series, "volume")], [Some("1234"), None], "{series:#}");
    assert!(editors("A book in a series").is_empty());
    assert_eq!(s(reading(&list, "A report in a series"), "series"), Some("WHO Technical Report Series"));
    assert!(editors("A report in a series").is_empty());
    assert_eq!(editors("A book with a body as editor"), vec![[None, Some("World Health Organization".to_string())]]);
}

const CATALOGUE: &str = "TY  - BOOK\nAU  - Washington, Harriet A.\nTI  - Medical apartheid : the dark history of \
    medical experimentation on Black Americans from colonial times to the present\nCY  - New York\nPB  - Doubleday\n\
    PY  - 2006\nSN  - 0385509936\nER  - \n";
const PUBLISHER: &str = "@book{w, author = {Washington, Harriet A.}, title = {Medical apartheid: the dark history \
    of medical experimentation on Black Americans from colonial times to the present}, publisher = {Doubleday}, \
    address = {New York}, year = {2006}, isbn = {9780385509930}}\n";
const STORED: &str = "Medical apartheid: the dark history of medical experimentation on Black Americans from colonial \
    times to the present";

/// Tester r101 F4: a library catalogue's " : " title is stored with the
/// title's colon, unsaid (only the space goes); the publisher's form of the
/// same title is then the same, in either order, and nothing is "kept".
#[test]
fn a_catalogue_colon_is_stored_as_the_titles_colon_in_any_order() {
    for order in [[("cat.ris", CATALOGUE), ("pub.bib", PUBLISHER)], [("pub.bib", PUBLISHER), ("cat.ris", CATALOGUE)]] {
        let w = workdir();
        let first = w.import_reading(order[0].0, order[0].1);
        assert!(!first.contains("title"), "{first}");
        let second = w.import_reading(order[1].0, order[1].1);
        assert!(!second.contains("title:") && !second.contains("title \""), "{second}");
        let list = w.reading_list();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list:#}");
        assert_eq!(s(&list[0], "title"), Some(STORED));
        let refs = w.references("mla");
        assert_eq!(
            reference(&refs, "Medical apartheid: the"),
            "Washington, Harriet A. Medical Apartheid: The Dark History of Medical Experimentation on Black \
             Americans from Colonial Times to the Present. Doubleday, 2006."
        );
    }
}

/// The same in every format that carries a catalogue's title (CSV, Zotero
/// CSV, CSL-JSON), a chapter's book from a catalogue too; a French title
/// keeps its space before the colon, its own typography.
#[test]
fn a_catalogue_colon_in_every_format_and_a_chapters_book() {
    let w = workdir();
    w.import_reading(
        "l.csv",
        "title,authors,year,type,container,language\n\
         \"Decolonizing methodologies : research and indigenous peoples\",\"Smith, Linda Tuhiwai\",1999,book,,en\n\
         \"Peau noire, masques blancs : essai\",\"Fanon, Frantz\",1952,book,,fr\n\
         \"Race and health\",\"Osei, Ama\",2010,chapter,\"Handbook of health equity : a guide\",\n\
         \"La médecine coloniale en Afrique de l'Ouest : héritages et ruptures\",\"Dozon, Jean-Pierre\",2019,book,,\n",
    );
    w.import_reading(
        "z.csv",
        "Key,Item Type,Publication Year,Author,Title\n\
         K1,book,1997,\"Roberts, Dorothy\",\"Killing the black body : race, reproduction, and the meaning of liberty\"\n",
    );
    w.import_reading(
        "c.json",
        r#"[{"id":"b","type":"book","title":"Breathing race into the machine : the surprising career of the spirometer","author":[{"family":"Braun","given":"Lundy"}],"issued":{"date-parts":[[2014]]}}]"#,
    );
    let list = w.reading_list();
    let title = |p: &str| s(reading(&list, p), "title").map(str::to_string);
    assert_eq!(title("Decolonizing"), Some("Decolonizing methodologies: research and indigenous peoples".into()));
    assert_eq!(title("Peau noire"), Some("Peau noire, masques blancs : essai".into()));
    // (French by its words when no language is given.)
    assert_eq!(
        title("La médecine"),
        Some("La médecine coloniale en Afrique de l'Ouest : héritages et ruptures".into())
    );
    assert_eq!(title("Killing"), Some("Killing the black body: race, reproduction, and the meaning of liberty".into()));
    assert_eq!(
        title("Breathing"),
        Some("Breathing race into the machine: the surprising career of the spirometer".into())
    );
    assert_eq!(s(reading(&list, "Race and health"), "container"), Some("Handbook of health equity: a guide"));
}
