//! Issue 12 (lead, r24), through the binary: a first and a last page in two
//! columns, a Scopus export with columns deleted, and an import summary
//! that says why nothing changed when the file's title was not applied.

mod common;

use common::Workdir;

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// A spreadsheet (Web of Science's Excel export, a library system's) with
/// the first and last page in two columns: both were "not read", and the
/// hint mapped each to `pages` on its own. Now they are one range.
#[test]
fn a_first_and_a_last_page_column_are_one_range() {
    let w = workdir();
    let said = w.import_reading(
        "p.csv",
        "Title,Authors,Year,Journal Title,Start Page,End Page\n\
         Hidden in plain sight,\"Vyas, Darshali A.\",2020,N Engl J Med,874,882\n\
         One page,\"Osei, Ama\",2021,Lancet,12,12\n\
         Range already,\"Roberts, Dorothy\",2011,Fatal invention,3-12,\n\
         No pages,\"Bright, Tom\",2019,BMJ,,\n",
    );
    assert!(said.contains("\"Start Page\" → pages") && said.contains("\"End Page\" → pages"), "{said}");
    assert!(!said.contains("--map"), "{said}");
    let list = w.reading_list();
    let pages = |t: &str| common::reading(&list, t)["pages"].clone();
    assert_eq!(pages("Hidden"), "874-882");
    assert_eq!(pages("One page"), "12");
    assert_eq!(pages("Range already"), "3-12");
    assert!(pages("No pages").is_null());
    assert_eq!(common::reading(&list, "Hidden")["container"], "N Engl J Med");
    let vancouver = w.references("vancouver");
    assert!(common::reference(&vancouver, "Hidden").contains("N Engl J Med. 2020:874-82."), "{vancouver:?}");

    // Re-importing a sheet without the page columns keeps the pages.
    let again = w.import_reading("q.csv", "Title,Authors,Year\nHidden in plain sight,\"Vyas, Darshali A.\",2020\n");
    assert!(again.contains("0 changed"), "{again}");
    assert_eq!(common::reading(&w.reading_list(), "Hidden")["pages"], "874-882");

    // A last page with no first page column is not taken for the pages.
    let w = workdir();
    let said = w.import_reading("e.csv", "Title,Year,Last Page\nAlone,2020,99\n");
    assert!(said.contains("\"Last Page\" is not read"), "{said}");
    assert!(common::reading(&w.reading_list(), "Alone")["pages"].is_null());
}

/// A Scopus CSV export with columns deleted (no "EID", no "Document
/// Type") was read as a plain spreadsheet: the journal ("Source title") and
/// the pages ("Page start", "Page end") were not read, and "Author full
/// names" was offered as notes. Scopus's own columns still name it.
#[test]
fn a_scopus_export_with_columns_deleted_is_read_as_scopus() {
    let w = workdir();
    let said = w.import_reading(
        "scopus.csv",
        "\u{feff}\"Authors\",\"Author full names\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Issue\",\"Page start\",\"Page end\"\n\
         \"Silva J.; Costa A.\",\"Silva, João (57201234567); Costa, Ana (6701234567)\",\"Colonial medicine in Mozambique\",\"2004\",\"Revista de Historia\",\"12\",\"3\",\"45\",\"60\"\n",
    );
    assert!(said.contains("1 new") && !said.contains("is not read"), "{said}");
    let list = w.reading_list();
    let r = common::reading(&list, "Colonial medicine");
    assert_eq!(r["container"], "Revista de Historia", "{r}");
    assert_eq!(r["pages"], "45-60", "{r}");
    assert_eq!(r["author_names"][0]["given"], "João", "{r}");
    assert_eq!(r["author_names"][1]["family"], "Costa", "{r}");
}

/// An import that found a work by its original title (a translated title
/// in the file), and kept the stored title against the file's, said "nothing changed: the
/// database already holds this file", which is not so: the file's title
/// differs. Now the summary counts the kept titles and says why.
#[test]
fn a_kept_title_is_counted_and_the_summary_says_why_nothing_changed() {
    let w = workdir();
    w.import_reading(
        "a.csv",
        "title,authors,year,type,container,doi\n\
         \"Medicina colonial em Moçambique\",\"Silva, João\",2004,article,Rev Hist,\n\
         \"Hidden in plain sight: reconsidering the use of race correction\",\"Vyas, Darshali A.\",2020,article,N Engl J Med,10.1056/NEJMms2004740\n",
    );
    let ris = w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Colonial medicine in Mozambique [Medicina colonial em Moçambique]\nAU  - Silva, João\nPY  - 2004\nJO  - Rev Hist\nER  - \n\
         TY  - JOUR\nTI  - Hidden in plain sight\nAU  - Vyas, Darshali A.\nPY  - 2020\nJO  - N Engl J Med\nDO  - 10.1056/NEJMms2004740\nER  - \n",
    );
    assert!(ris.contains("0 new, 0 changed, 2 unchanged"), "{ris}");
    assert!(ris.contains("1 entry keeps its stored title against the file's (warned above)"), "{ris}");
    assert!(ris.contains("nothing changed: the file's other values are already stored"), "{ris}");
    assert!(!ris.contains("already holds this file"), "{ris}");
    // The same file once more says the same: it is still not what is stored.
    let again = w.import_reading("b.ris", &std::fs::read_to_string(w.path("b.ris")).unwrap());
    assert!(!again.contains("already holds this file"), "{again}");
    // And a file that is what is stored says so.
    let same = w.import_reading(
        "c.csv",
        "title,authors,year,type,container\nMedicina colonial em Moçambique,\"Silva, João\",2004,article,Rev Hist\n",
    );
    assert!(same.contains("already holds this file"), "{same}");
}
