//! Tester r92 (styles and messages): canon's style fixes keyed on the style
//! itself, not its short name (F1); MLA's report number labelled, its series
//! at the end (F2); a series number that is no whole number printed as a
//! whole one is, for books and chapters (F3); the capitals warning said only
//! of what the store kept (F5).

mod common;
use common::*;

const REPORT_AND_BOOK: &str = "@techreport{r1,
  author = {Smith, John},
  title = {Theta Report},
  institution = {National Institute of Health Research},
  number = {5.2},
  type = {Technical Report},
  year = {2020},
  address = {London}
}
@book{b1,
  author = {Jones, Mary},
  title = {Alpha Book},
  publisher = {Oxford University Press},
  address = {Oxford},
  year = {2019},
  edition = {2}
}
";

/// Writes the bundled style `name` as a `.csl` file, as a user's copy of
/// the same file from the Zotero repository, and returns its path.
fn copy_of(w: &Workdir, name: &str) -> String {
    let style = hayagriva::archive::ArchivedStyle::by_name(name).expect("a bundled style").get();
    let xml = style.to_xml().expect("the style as XML");
    w.write(&format!("copy-{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

fn two_refs(w: &Workdir, style: &str) -> [String; 2] {
    let refs = w.references(style);
    [reference(&refs, "Theta").to_string(), reference(&refs, "Alpha").to_string()]
}

#[test]
fn every_name_of_a_style_and_a_copy_of_its_file_print_alike() {
    let w = Workdir::new();
    w.import_reading("r.bib", REPORT_AND_BOOK);
    let expected = [
        (
            "vancouver",
            "nlm-citation-sequence",
            [
                "Smith J. Theta Report. London: National Institute of Health Research; 2020. Technical Report No.: 5.2.",
                "Jones M. Alpha Book. 2nd ed. Oxford: Oxford University Press; 2019.",
            ],
        ),
        (
            "apa",
            "apa",
            [
                "Smith, J. (2020). Theta Report (Technical Report No. 5.2). National Institute of Health Research.",
                "Jones, M. (2019). Alpha Book (2nd ed.). Oxford University Press.",
            ],
        ),
        (
            "harvard",
            "harvard-cite-them-right",
            [
                "Smith, J. (2020) Theta Report. Technical Report No. 5.2. London: National Institute of Health Research.",
                "Jones, M. (2019) Alpha Book. 2nd edn. Oxford: Oxford University Press.",
            ],
        ),
        (
            "chicago",
            "chicago-author-date",
            [
                "Smith, John. 2020. Theta Report. Technical Report No. 5.2. National Institute of Health Research.",
                "Jones, Mary. 2019. Alpha Book. 2nd ed. Oxford University Press.",
            ],
        ),
        (
            "ama",
            "american-medical-association",
            [
                "Smith J. Theta Report. National Institute of Health Research; 2020. Technical Report 5.2.",
                "Jones M. Alpha Book. 2nd ed. Oxford University Press; 2019.",
            ],
        ),
        (
            "mla",
            "modern-language-association",
            [
                "Smith, John. Theta Report. Technical Report no. 5.2, National Institute of Health Research, 2020.",
                "Jones, Mary. Alpha Book. 2nd ed., Oxford University Press, 2019.",
            ],
        ),
    ];
    for (short, csl, refs) in expected {
        let copy = copy_of(&w, csl);
        for style in [short, csl, copy.as_str()] {
            assert_eq!(two_refs(&w, style), refs, "--style {style} (canon's {short})");
        }
    }
    // APA's other bundled name too.
    assert_eq!(two_refs(&w, "american-psychological-association"), two_refs(&w, "apa"));
}

const REPORTS: &str = "title,authors,year,type,publisher,place,series,series_number,issue,genre
Theta report,\"Smith, John\",2020,report,Institute of Things,London,Technical Series,5,5.2,
Omicron report,\"Smith, John\",2020,report,Institute of Things,London,Technical Series,,5.2,
Pi report,\"Smith, John\",2020,report,Institute of Things,London,,,5.2,
Rho report,\"Smith, John\",2020,report,Institute of Things,London,,,WP-19-5,
Sigma report,\"Smith, John\",2020,report,Institute of Things,London,Technical Series,4,12,
Tau report,\"Smith, John\",2020,report,Institute of Things,London,,,12/2020,Working Paper
Upsilon report,\"Smith, John\",2020,report,Institute of Things,London,,,2019-05,
";

#[test]
fn mla_report_number_after_the_title_and_series_number_at_the_end() {
    let w = Workdir::new();
    w.import_reading("reports.csv", REPORTS);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Theta")["issue"], "5.2");
    assert_eq!(reading(&list, "Theta")["series_number"], "5");
    let p = "Institute of Things, 2020.";
    for style in ["mla", "modern-language-association"] {
        let refs = w.references(style);
        for (title, printed) in [
            ("Theta", format!("Smith, John. Theta Report. No. 5.2, {p} Technical Series 5.")),
            // (r95: a report's own number, its issue, beside a series with no
            // number is the report's, printed apart from the series as every
            // other style prints it; tester93 F9. It was "Technical Series 5.2".)
            ("Omicron", format!("Smith, John. Omicron Report. No. 5.2, {p} Technical Series.")),
            ("Pi", format!("Smith, John. Pi Report. No. 5.2, {p}")),
            // A number with its own letters is its own designation.
            ("Rho", format!("Smith, John. Rho Report. WP-19-5, {p}")),
            ("Sigma", format!("Smith, John. Sigma Report. No. 12, {p} Technical Series 4.")),
            ("Tau", format!("Smith, John. Tau Report. Working Paper no. 12/2020, {p}")),
            ("Upsilon", format!("Smith, John. Upsilon Report. No. 2019-05, {p}")),
        ] {
            assert_eq!(reference(&refs, title), printed, "--style {style}");
        }
    }
}

const BOOKS: &str = "title,authors,year,type,publisher,place,series,series_number
Kappa book,\"Green, Tom\",2018,book,Academic Press,New York,Methods in Things,23.1
Lambda book,\"Green, Tom\",2018,book,Academic Press,New York,Methods in Things,IV
Mu book,\"Green, Tom\",2018,book,Academic Press,New York,Methods in Things,2a
Nu book,\"Green, Tom\",2018,book,Academic Press,New York,Methods in Things,12
";

fn book_refs(w: &Workdir, style: &str) -> Vec<String> {
    let refs = w.references(style);
    ["Kappa", "Lambda", "Mu", "Nu"].iter().map(|t| reference(&refs, t).to_string()).collect()
}

#[test]
fn book_series_number_not_whole_printed_as_a_whole_one() {
    let w = Workdir::new();
    w.import_reading("books.csv", BOOKS);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Kappa")["issue"], "23.1");
    assert_eq!(reading(&list, "Lambda")["issue"], "IV");
    let each = |f: &dyn Fn(&str, &str) -> String| -> Vec<String> {
        [("Kappa", "23.1"), ("Lambda", "IV"), ("Mu", "2a"), ("Nu", "12")].iter().map(|(t, n)| f(t, n)).collect()
    };
    assert_eq!(
        book_refs(&w, "vancouver"),
        each(&|t, n| format!("Green T. {t} book. New York: Academic Press; 2018. (Methods in Things; no. {n}).")),
    );
    assert_eq!(
        book_refs(&w, "harvard"),
        each(&|t, n| format!(
            "Green, T. (2018{}) {t} book. New York: Academic Press (Methods in Things, {n}).",
            letter(t)
        )),
    );
    assert_eq!(
        book_refs(&w, "chicago"),
        each(&|t, n| format!("Green, Tom. 2018{}. {t} Book. Methods in Things {n}. Academic Press.", letter(t))),
    );
    assert_eq!(
        book_refs(&w, "ama"),
        each(&|t, n| format!("Green T. {t} Book. Academic Press; 2018. Methods in Things; vol {n}.")),
    );
    assert_eq!(
        book_refs(&w, "mla"),
        each(&|t, n| format!("Green, Tom. {t} Book. Academic Press, 2018. Methods in Things {n}.")),
    );
    // APA 7 prints no book series (§10.2); IEEE its own "no." for each.
    assert_eq!(book_refs(&w, "apa"), each(&|t, _| format!("Green, T. (2018{}). {t} book. Academic Press.", letter(t))));
    assert_eq!(
        book_refs(&w, "ieee"),
        // IEEE: a book's series in parentheses after its title (tester r97 F9).
        // IEEE sets a book's (italic) title in title case (h-F, r108: IEEE Reference Guide, books).
        each(&|t, n| format!("T. Green, {t} Book (Methods in Things, no. {n}). New York: Academic Press, 2018.")),
    );
}

/// The year's letter of each book in the author-date styles (by title).
fn letter(title: &str) -> char {
    match title {
        "Kappa" => 'a',
        "Lambda" => 'b',
        "Mu" => 'c',
        _ => 'd',
    }
}

#[test]
fn chapter_book_series_number_not_whole_printed_as_a_whole_one() {
    let w = Workdir::new();
    w.import_reading(
        "chapters.csv",
        "title,authors,year,type,publisher,place,series,issue,container,editors,pages
Phi chapter,\"Black, Sue\",2017,chapter,Wiley,Hoboken,Methods in Things,23.1,Edited Book,\"Gray, Ann\",10-20
",
    );
    let one = |style: &str| reference(&w.references(style), "Phi").to_string();
    assert_eq!(
        one("vancouver"),
        "Black S. Phi chapter. In: Gray A, editor. Edited Book. Hoboken: Wiley; 2017. p. 10-20. (Methods in Things; no. \
         23.1)."
    );
    assert_eq!(
        one("chicago"),
        "Black, Sue. 2017. “Phi Chapter.” In Edited Book, edited by Ann Gray, 10–20. Methods in Things 23.1. Wiley."
    );
    assert_eq!(
        one("mla"),
        "Black, Sue. “Phi Chapter.” Edited Book, edited by Ann Gray, Wiley, 2017, pp. 10–20. Methods in Things 23.1."
    );
    assert_eq!(
        one("ama"),
        "Black S. Phi chapter. In: Gray A, ed. Edited Book. Methods in Things; vol 23.1. Wiley; 2017:10-20."
    );
    assert_eq!(
        one("harvard"),
        "Black, S. (2017) ‘Phi chapter’, in Gray, A. (ed.) Edited Book. Hoboken: Wiley (Methods in Things, 23.1), pp. \
         10–20."
    );
}

const STORED: &str = r#"[{"id":"x1","type":"article-journal","title":"Les inégalités sociales de santé en France","container-title":"Revue d'Épidémiologie et de Santé Publique","author":[{"family":"Dupont","given":"Marie"}],"issued":{"date-parts":[[2019]]},"volume":"67","issue":"2","page":"101-110","DOI":"10.1016/j.respe.2019.01.001"}]"#;

const IN_CAPITALS: &str = "TY  - JOUR
AU  - DUPONT, MARIE
TI  - LES INEGALITES SOCIALES DE SANTE EN FRANCE
T2  - REVUE D EPIDEMIOLOGIE ET DE SANTE PUBLIQUE
PY  - 2019
VL  - 67
IS  - 2
SP  - 101
EP  - 110
DO  - 10.1016/j.respe.2019.01.001
ER  - 
";

#[test]
fn capitals_matching_a_stored_record_are_not_said_to_be_kept() {
    let w = Workdir::new();
    w.import_reading("a.json", STORED);
    let err = w.import_reading("b.ris", IN_CAPITALS);
    assert!(!err.contains("kept and printed so"), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(
        err.contains(
            "b.ris:3:7: in the record starting at line 1: the title \"LES INEGALITES SOCIALES DE SANTE EN \
             FRANCE\", the container \"REVUE D EPIDEMIOLOGIE ET DE SANTE PUBLIQUE\", the name \"DUPONT, MARIE\" \
             written in capitals throughout: not stored so, the stored entry keeps its own case\n"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let r = reading(&list, "Les");
    assert_eq!(r["title"], "Les inégalités sociales de santé en France");
    assert_eq!(r["container"], "Revue d'Épidémiologie et de Santé Publique");
    assert_eq!(r["authors"], serde_json::json!(["Dupont, Marie"]));
    assert_eq!(
        reference(&w.references("vancouver"), "Les"),
        "Dupont M. Les inégalités sociales de santé en France. Revue d'Épidémiologie et de Santé Publique. \
         2019;67(2):101-10. doi:10.1016/j.respe.2019.01.001"
    );
}

#[test]
fn capitals_warned_of_where_kept_and_noted_where_not() {
    // The stored entry has no journal: the file's, in capitals, fills it
    // (warned of); its title and name in capitals are not stored (noted).
    let w = Workdir::new();
    w.import_reading(
        "a.json",
        &STORED.replace(r#""container-title":"Revue d'Épidémiologie et de Santé Publique","#, ""),
    );
    let err = w.import_reading("b.ris", IN_CAPITALS);
    assert!(
        err.contains(
            "b.ris:3:7: warning: in the record starting at line 1: the container \"REVUE D EPIDEMIOLOGIE ET DE SANTE \
             PUBLIQUE\" written in capitals throughout (as an old export writes them): kept and printed so in every \
             style;"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "b.ris:3:7: in the record starting at line 1: the title \"LES INEGALITES SOCIALES DE SANTE EN \
             FRANCE\", the name \"DUPONT, MARIE\" written in capitals throughout: not stored so, the stored entry \
             keeps its own case\n"
        ),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Les")["container"], "REVUE D EPIDEMIOLOGIE ET DE SANTE PUBLIQUE");

    // A new record in capitals: all of it kept, and warned of as before.
    let w = Workdir::new();
    let err = w.import_reading("b.ris", IN_CAPITALS);
    assert!(
        err.contains(
            "the title \"LES INEGALITES SOCIALES DE SANTE EN FRANCE\", the container \"REVUE D EPIDEMIOLOGIE ET DE \
             SANTE PUBLIQUE\", the name \"DUPONT, MARIE\" written in capitals throughout (as an old export writes \
             them): kept and printed so in every style"
        ),
        "{err}"
    );
    assert!(!err.contains("not stored so"), "{err}");
}

#[test]
fn edition_given_to_abnt_and_acs_where_their_files_print_one() {
    // ABNT's file prints no edition for a report, ACS's none for a chapter
    // (their layouts have no edition there): the style's, left as it is.
    // Where the files print one, canon gives it.
    let w = Workdir::new();
    w.import_reading("r.bib", REPORT_AND_BOOK);
    assert_eq!(
        reference(&w.references("associacao-brasileira-de-normas-tecnicas"), "Alpha"),
        "JONES, Mary. Alpha Book. 2. ed. Oxford: Oxford University Press, 2019."
    );
    assert_eq!(
        reference(&w.references("american-chemical-society"), "Alpha"),
        "Jones, M. Alpha Book, 2nd ed.; Oxford University Press: Oxford, 2019."
    );
}
