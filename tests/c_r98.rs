//! Printed references left wrong by tester r97: an archive's call number
//! (and any identifier) re-cased after a publisher's own case (F8); IEEE's
//! book series and a chapter's volume printed twice (F9); IEEE leaving out
//! a translator and an archive (F10); MLA's and IEEE's statutes, Chicago's
//! and MLA's data sets; one table of edition words for import and print.

mod common;
use common::*;

/// Asserts each `(title, reference)` of `want` in `style`.
fn assert_refs(w: &Workdir, style: &str, want: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, expected) in want {
        assert_eq!(reference(&refs, title), *expected, "{style}: {title}");
    }
}

fn workdir() -> Workdir {
    let w = Workdir::new();
    w.ok(&["init", "-q"]);
    w
}

/// Tester r97's `arch.csv` and more of its kind: a report number, a DOI
/// and a call number beside a publisher "MoH", and a series "MoH Series".
const ARCHIVES: &str = "title,authors,year,type,publisher,archive,archive_location,series,issue,doi\n\
Kenya policy,\"Ministry of Health, Kenya\",2019,report,MoH,Kenya National Archives,MOH/1/23,,,\n\
Kenya policy two,\"Ministry of Health, Kenya\",2018,report,Government Printer,Kenya National Archives,MOH/1/24,,,\n\
Kenya strategy,\"Ministry of Health, Kenya\",2020,report,MoH,,,MoH Series,MOH/HIS/2020.1,\n\
Letter on sleeping sickness,Colonial Office,1905,other,,The National Archives,CO 536/1,,,\n\
Ghana health report,\"Ministry of Health, Ghana\",2017,report,MoH,Public Records and Archives,moh/12/7,,moh-rep-7,10.1000/MOH.2017\n";

/// F8: a call number, a report number and a DOI are printed exactly as
/// stored in every bundled style, whatever case the publisher writes the
/// same letters in ("MoH" beside "MOH/1/23", "moh/12/7", "MOH.2017").
#[test]
fn f8_identifiers_are_printed_as_stored() {
    let w = workdir();
    w.import_reading("arch.csv", ARCHIVES);
    let list = w.json(&["reading", "list", "--format", "json"]);
    assert_eq!(reading(&list, "Kenya policy two")["archive_location"], "MOH/1/24");
    assert_eq!(reading_titled(&list, "Kenya policy")["archive_location"], "MOH/1/23");
    assert_eq!(reading(&list, "Kenya strategy")["issue"], "MOH/HIS/2020.1");
    assert_refs(
        &w,
        "vancouver",
        &[
            (
                "Kenya policy",
                "Ministry of Health, Kenya. Kenya policy. [place unknown]: MoH; 2019. Located at: Kenya National \
                 Archives; MOH/1/23",
            ),
            (
                "Kenya strategy",
                "Ministry of Health, Kenya. Kenya strategy. [place unknown]: MoH; 2020. (MoH Series). Report \
                 MOH/HIS/2020.1.",
            ),
            (
                "Ghana health report",
                "Ministry of Health, Ghana. Ghana health report. [place unknown]: MoH; 2017. Report moh-rep-7. Located \
                 at: Public Records and Archives; moh/12/7. doi:10.1000/MOH.2017",
            ),
        ],
    );
    assert_refs(
        &w,
        "apa",
        &[
            (
                "Kenya policy",
                "Ministry of Health, Kenya. (2019). Kenya policy. MoH. Kenya National Archives (MOH/1/23).",
            ),
            (
                "Kenya strategy",
                "Ministry of Health, Kenya. (2020). Kenya strategy (Report No. MOH/HIS/2020.1; MoH Series). MoH.",
            ),
            (
                "Ghana health report",
                "Ministry of Health, Ghana. (2017). Ghana health report (Report No. moh-rep-7). MoH. Public Records and \
                 Archives (moh/12/7). https://doi.org/10.1000/MOH.2017",
            ),
        ],
    );
    assert_refs(
        &w,
        "chicago",
        &[
            ("Kenya policy", "Ministry of Health, Kenya. 2019. Kenya Policy. MoH. MOH/1/23. Kenya National Archives."),
            (
                "Kenya strategy",
                "Ministry of Health, Kenya. 2020. Kenya Strategy. Report No. MOH/HIS/2020.1. MoH Series. MoH.",
            ),
            (
                "Ghana health report",
                "Ministry of Health, Ghana. 2017. Ghana Health Report. Report No. moh-rep-7. MoH. moh/12/7. Public \
                 Records and Archives. https://doi.org/10.1000/MOH.2017.",
            ),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[
            ("Kenya policy", "Ministry of Health, Kenya. Kenya Policy. MoH, 2019, Kenya National Archives, MOH/1/23."),
            ("Kenya strategy", "Ministry of Health, Kenya. Kenya Strategy. MOH/HIS/2020.1, MoH, 2020. MoH Series."),
            (
                "Ghana health report",
                "Ministry of Health, Ghana. Ghana Health Report. moh-rep-7, MoH, 2017, Public Records and Archives, \
                 moh/12/7, https://doi.org/10.1000/MOH.2017.",
            ),
        ],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            ("Kenya policy", "Ministry of Health, Kenya (2019) Kenya policy. MoH. Kenya National Archives, MOH/1/23."),
            (
                "Kenya strategy",
                "Ministry of Health, Kenya (2020) Kenya strategy. Report No. MOH/HIS/2020.1. MoH (MoH Series).",
            ),
        ],
    );
    assert_refs(
        &w,
        "ama",
        &[
            ("Kenya policy", "Ministry of Health, Kenya. Kenya Policy. MoH; 2019. Kenya National Archives, MOH/1/23."),
            (
                "Kenya strategy",
                "Ministry of Health, Kenya. Kenya Strategy. MoH Series. MoH; 2020. Report No. MOH/HIS/2020.1.",
            ),
        ],
    );
    // The same location beside another publisher was always right.
    assert_eq!(
        reference(&w.references("vancouver"), "Kenya policy two"),
        "Ministry of Health, Kenya. Kenya policy two. [place unknown]: Government Printer; 2018. Located at: Kenya \
         National Archives; MOH/1/24"
    );
}

/// F10 (archives): IEEE closes the reference's facts with the archive and
/// the document's place in it, after the date and before the DOI.
#[test]
fn f10_ieee_prints_the_archive_and_call_number() {
    let w = workdir();
    w.import_reading("arch.csv", ARCHIVES);
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Kenya policy",
                "Ministry of Health, Kenya, “Kenya policy,” MoH, 2019, Kenya National Archives, MOH/1/23.",
            ),
            (
                "Letter on sleeping sickness",
                // IEEE: a quoted title is followed by a comma inside the quotes (r109).
                "Colonial Office, “Letter on sleeping sickness,” 1905, The National Archives, CO 536/1.",
            ),
            (
                "Ghana health report",
                "Ministry of Health, Ghana, “Ghana health report,” MoH, moh-rep-7, 2017, Public Records and Archives, \
                 moh/12/7. doi: 10.1000/MOH.2017.",
            ),
        ],
    );
    // Tester r97's BibTeX manuscript, and Zotero's report with an address.
    w.import_reading(
        "x1.bib",
        "@misc{arch,\n  author = {{Colonial Office}},\n  title = {Report on sleeping sickness in Uganda},\n  \
         year = {1905},\n  archive = {The National Archives},\n  archive_location = {CO 536/1},\n  \
         howpublished = {Manuscript}\n}\n",
    );
    w.import_reading(
        "web.csv",
        "title,authors,year,type,publisher,place,archive,archive_location,url\n\
         Kenya health policy 2014-2030,\"Ministry of Health, Kenya\",2014,report,MoH,Nairobi,Kenya National Archives,\
         MOH/1/25,https://www.health.go.ke/policy\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Report on sleeping sickness in Uganda",
                // IEEE: a quoted title is followed by a comma inside the quotes (r109).
                "Colonial Office, “Report on sleeping sickness in Uganda,” Manuscript, 1905, The National Archives, CO \
                 536/1.",
            ),
            (
                "Kenya health policy",
                "Ministry of Health, Kenya, “Kenya health policy 2014-2030,” MoH, Nairobi, 2014, Kenya National \
                 Archives, MOH/1/25. [Online]. Available: https://www.health.go.ke/policy",
            ),
        ],
    );
}

/// Tester r97's `ieee.csv` and more books and chapters in a series, with a
/// volume, with a translator, without a number or a publisher.
const BOOKS: &str = "title,authors,year,type,container,editors,volume,series,series_number,pages,publisher,place,translators,edition\n\
On the postcolony,\"Mbembe, Achille\",2010,chapter,Africa and the Disciplines,\"Bates, Robert H.\",2,African Studies,12,45-67,University of Chicago Press,Chicago,,\n\
Colonial medicine in Africa,\"Packard, Randall M.\",2005,book,,,,Medicine and Society,2,,Johns Hopkins University Press,Baltimore,,\n\
Book with a volume,\"Packard, Randall M.\",2001,book,,,3,Medicine and Society,2,,Johns Hopkins University Press,Baltimore,,\n\
Book with no number,\"Packard, Randall M.\",2006,book,,,,Medicine and Society,,,Johns Hopkins University Press,Baltimore,,\n\
Book with no publisher,\"Packard, Randall M.\",2007,book,,,,Medicine and Society,4,,,,,\n\
Chapter with no editor,\"Mbembe, Achille\",2011,chapter,Africa and the Disciplines,,2,African Studies,12,45-67,University of Chicago Press,Chicago,,\n\
Chapter translated,\"Mbembe, Achille\",2012,chapter,Africa and the Disciplines,\"Bates, Robert H.\",,African Studies,12,45-67,University of Chicago Press,Chicago,\"Kamara, Ibrahim\",\n\
Book translated,\"Fanon, Frantz\",1994,book,,,,,,,Grove Press,New York,\"Chevalier, Haakon\",2\n\
Edited and translated,,1995,book,,\"Bates, Robert H.\",,,,,Grove Press,New York,\"Chevalier, Haakon; Dupont, Marie-Claire\",\n\
Translated in a series,\"Fanon, Frantz\",1996,book,,,,Medicine and Society,5,,Grove Press,New York,\"Chevalier, Haakon\",\n";

/// F9: IEEE prints a book's series in parentheses after the title (and a
/// chapter's after its book's editors), before the place, and a chapter's
/// volume once, with no ".,".
#[test]
fn f9_ieee_series_in_parentheses_and_the_volume_once() {
    let w = workdir();
    w.import_reading("ieee.csv", BOOKS);
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "On the postcolony",
                "A. Mbembe, “On the postcolony,” in Africa and the Disciplines, vol. 2, R. H. Bates, Ed. (African \
                 Studies, no. 12). Chicago: University of Chicago Press, 2010, pp. 45–67.",
            ),
            (
                "Colonial medicine in Africa",
                // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
                "R. M. Packard, Colonial Medicine in Africa (Medicine and Society, no. 2). Baltimore: Johns Hopkins \
                 University Press, 2005.",
            ),
            (
                "Book with a volume",
                // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
                "R. M. Packard, Book with a Volume, vol. 3 (Medicine and Society, no. 2). Baltimore: Johns Hopkins \
                 University Press, 2001.",
            ),
            (
                "Book with no number",
                "R. M. Packard, Book with No Number (Medicine and Society). Baltimore: Johns Hopkins University Press, \
                 2006.",
            ),
            ("Book with no publisher", "R. M. Packard, Book with No Publisher (Medicine and Society, no. 4). 2007."),
            (
                "Chapter with no editor",
                "A. Mbembe, “Chapter with no editor,” in Africa and the Disciplines, vol. 2 (African Studies, no. 12). \
                 Chicago: University of Chicago Press, 2011, pp. 45–67.",
            ),
        ],
    );
    // The other styles print the series too (unchanged).
    assert_refs(
        &w,
        "vancouver",
        &[(
            "On the postcolony",
            "Mbembe A. On the postcolony. In: Bates RH, editor. Africa and the Disciplines. Vol. 2. Chicago: University \
             of Chicago Press; 2010. p. 45-67. (African Studies; no. 12).",
        )],
    );
    // The book's title in italics in the PDF, the series not.
    let pdf = w.path("ieee.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "ieee", "-q"]);
    if let Some(italic) = pdf_italics(&pdf) {
        let all = italic.join(" ");
        // IEEE sets a book's (italic) title in title case (h-F, r108: IEEE Reference Guide, books).
        assert!(all.contains("Colonial Medicine in Africa"), "italic runs: {italic:?}");
        assert!(!all.contains("Medicine and Society"), "italic runs: {italic:?}");
    }
}

/// F9 from BibTeX: a chapter that takes its book (and its series) by
/// crossref, and the book itself.
#[test]
fn f9_ieee_series_from_a_crossref() {
    let w = workdir();
    w.import_reading(
        "x1.bib",
        "@book{parent,\n  editor = {Packard, Randall M. and Brown, Peter J.},\n  title = {Colonial Medicine in Africa},\n  \
         booktitle = {Colonial Medicine in Africa},\n  publisher = {Johns Hopkins University Press},\n  address = \
         {Baltimore},\n  year = {2005},\n  series = {Medicine and Society},\n  volume = {2}\n}\n\
         @incollection{child1,\n  author = {Vaughan, Megan},\n  title = {Madness and colonialism},\n  pages = \
         {101--130},\n  crossref = {parent}\n}\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Colonial Medicine in Africa",
                "R. M. Packard and P. J. Brown, Eds., Colonial Medicine in Africa (Medicine and Society, no. 2). \
                 Baltimore: Johns Hopkins University Press, 2005.",
            ),
            (
                "Madness and colonialism",
                "M. Vaughan, “Madness and colonialism,” in Colonial Medicine in Africa, R. M. Packard and P. J. Brown, \
                 Eds. (Medicine and Society, no. 2). Baltimore: Johns Hopkins University Press, 2005, pp. 101–130.",
            ),
        ],
    );
}

/// F10 (translators): IEEE prints a translator as it prints an editor,
/// "H. Chevalier, Trans.", after the title, edition and editors and before
/// a series and the place.
#[test]
fn f10_ieee_prints_the_translator() {
    let w = workdir();
    w.import_reading("ieee.csv", BOOKS);
    w.import_reading(
        "x1.bib",
        "@book{reprint,\n  author = {Fanon, Frantz},\n  title = {A dying colonialism},\n  translator = {Chevalier, \
         Haakon},\n  publisher = {Grove Press},\n  address = {New York},\n  year = {1994},\n  origyear = {1959},\n  \
         note = {Originally published 1959}\n}\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
            ("A dying colonialism", "F. Fanon, A Dying Colonialism, H. Chevalier, Trans. New York: Grove Press, 1994."),
            (
                "Book translated",
                // IEEE sets a book's (italic) title in title case, as published (h-F, r108: IEEE Reference Guide, books).
                "F. Fanon, Book Translated, 2nd ed., H. Chevalier, Trans. New York: Grove Press, 1994.",
            ),
            (
                "Edited and translated",
                "R. H. Bates, Ed., Edited and Translated, H. Chevalier and M.-C. Dupont, Trans. New York: Grove Press, \
                 1995.",
            ),
            (
                "Chapter translated",
                "A. Mbembe, “Chapter translated,” in Africa and the Disciplines, R. H. Bates, Ed., I. Kamara, Trans. \
                 (African Studies, no. 12). Chicago: University of Chicago Press, 2012, pp. 45–67.",
            ),
            (
                "Translated in a series",
                "F. Fanon, Translated in a Series, H. Chevalier, Trans. (Medicine and Society, no. 5). New York: Grove \
                 Press, 1996.",
            ),
        ],
    );
}

/// Statutes as tester r96's and r97's files hold them.
const STATUTES: &str = r#"[
{"id":"gazette","type":"legislation","title":"Infectious Diseases Ordinance","container-title":"Gold Coast Gazette","issued":{"date-parts":[[1908,3,14]]},"page":"412","number":"No. 12"},
{"id":"stat","type":"legislation","title":"Mental Health Act 1983","number":"c. 20","issued":{"date-parts":[[1983]]}},
{"id":"stat2","type":"legislation","title":"Public Health Act","number":"Act 851","issued":{"date-parts":[[2012]]},"URL":"https://example.org/act851"},
{"id":"g2","type":"legislation","title":"Vaccination Ordinance","container-title":"Lagos Gazette","issued":{"date-parts":[[1917,6,2]]},"page":"88-90","URL":"https://example.org/gazette"},
{"id":"g3","type":"legislation","title":"Leprosy Ordinance","container-title":"Gazette of Sierra Leone","page":"5"}
]"#;

/// MLA and IEEE print a statute's number as written ("c. 20", "Act 851"),
/// never after "Statute no.", and a gazette's number, day and page; Chicago
/// prints an undated one's "n.d." with one stop.
#[test]
fn statutes_in_mla_and_ieee() {
    let w = workdir();
    w.import_reading("law.json", STATUTES);
    assert_refs(
        &w,
        "mla",
        &[
            (
                "Infectious Diseases Ordinance",
                "Infectious Diseases Ordinance. Gold Coast Gazette, no. 12, 14 Mar. 1908, p. 412.",
            ),
            // The number with the name, as every other style prints it
            // (tester r101 F10: after a full stop it read as a page).
            ("Mental Health Act 1983", "Mental Health Act 1983, c. 20."),
            ("Public Health Act", "Public Health Act, Act 851, 2012, https://example.org/act851."),
            (
                "Vaccination Ordinance",
                "Vaccination Ordinance. Lagos Gazette, 2 June 1917, pp. 88–90, https://example.org/gazette.",
            ),
            ("Leprosy Ordinance", "Leprosy Ordinance. Gazette of Sierra Leone, p. 5."),
        ],
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Infectious Diseases Ordinance",
                "“Infectious Diseases Ordinance,” Gold Coast Gazette, no. 12, p. 412, Mar. 14, 1908.",
            ),
            // A statute in no gazette: the legal form every bundled style
            // takes from the Bluebook (IEEE has none of its own).
            ("Mental Health Act 1983", "Mental Health Act 1983, c. 20."),
            ("Public Health Act", "Public Health Act, Act 851 (2012). [Online]. Available: https://example.org/act851"),
            (
                "Vaccination Ordinance",
                "“Vaccination Ordinance,” Lagos Gazette, pp. 88–90, Jun. 2, 1917. [Online]. Available: \
                 https://example.org/gazette",
            ),
            ("Leprosy Ordinance", "“Leprosy Ordinance,” Gazette of Sierra Leone, p. 5."),
        ],
    );
    assert_refs(
        &w,
        "chicago",
        &[
            ("Leprosy Ordinance", "Leprosy Ordinance. n.d. Gazette of Sierra Leone: 5."),
            (
                "Infectious Diseases Ordinance",
                "Infectious Diseases Ordinance. 1908. Gold Coast Gazette, no. 12 (March 14): 412.",
            ),
        ],
    );
    // The gazette in italics in the PDF (MLA).
    let pdf = w.path("law.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "mla", "-q"]);
    if let Some(italic) = pdf_italics(&pdf) {
        let all = italic.join(" ");
        assert!(all.contains("Gold Coast Gazette"), "italic runs: {italic:?}");
    }
}

/// A data set is a standalone work: its title in italics without quotation
/// marks in Chicago, and in MLA whether or not it has a version.
#[test]
fn a_data_sets_title_is_not_quoted() {
    let w = workdir();
    w.import_reading(
        "ds.json",
        r#"[{"id":"ds","type":"dataset","title":"Historical malaria mortality in British India, 1868-1947","author":[{"family":"Singh","given":"Priya"}],"issued":{"date-parts":[[2021]]},"publisher":"Zenodo","DOI":"10.5281/zenodo.1234567","version":"1.2"},
{"id":"ds2","type":"dataset","title":"Malaria deaths","author":[{"family":"Singh","given":"Priya"}],"issued":{"date-parts":[[2020]]},"publisher":"Zenodo"}]"#,
    );
    assert_refs(
        &w,
        "chicago",
        &[
            (
                "Historical malaria",
                "Singh, Priya. 2021. Historical Malaria Mortality in British India, 1868-1947. Data set. Version 1.2. \
                 Zenodo. https://doi.org/10.5281/zenodo.1234567.",
            ),
            ("Malaria deaths", "Singh, Priya. 2020. Malaria Deaths. Data set. Zenodo."),
        ],
    );
    assert_refs(&w, "mla", &[("Malaria deaths", "Singh, Priya. Malaria Deaths. Data set. Zenodo, 2020.")]);
    let pdf = w.path("ds.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "chicago", "-q"]);
    if let Some(italic) = pdf_italics(&pdf) {
        let all = italic.join(" ");
        assert!(all.contains("Malaria Deaths"), "italic runs: {italic:?}");
    }
}

/// The words of an edition that only one of the two lists knew are read
/// by both: the import compares "2., durchges. Aufl." with "2nd rev. ed."
/// without a warning, and the styles print "revision", "augmented",
/// "upd." and "исправленное" in their English words.
#[test]
fn one_table_of_edition_words() {
    let w = workdir();
    let said = w.import_reading(
        "ed.csv",
        "title,authors,year,type,publisher,place,edition\n\
         Durchgesehen,\"Smith, Jane\",2000,book,Verlag,Berlin,\"2., durchges. Aufl.\"\n\
         Revision,\"Smith, Jane\",2001,book,Verlag,Berlin,\"2., revision. Aufl.\"\n\
         Augmented,\"Smith, Jane\",2002,book,Verlag,Berlin,\"3rd augmented. ed.\"\n\
         Updated,\"Smith, Jane\",2003,book,Verlag,Berlin,\"2e éd. upd\"\n\
         Corrected,\"Smith, Jane\",2004,book,Verlag,Berlin,\"2., исправленное. Aufl.\"\n\
         Bearbeitet,\"Smith, Jane\",2005,book,Verlag,Berlin,\"2., bearb. Aufl.\"\n",
    );
    assert!(!said.contains("is not an edition canon reads"), "{said}");
    let list = w.json(&["reading", "list", "--format", "json"]);
    assert_eq!(reading(&list, "Durchgesehen")["edition"], "2., durchges. Aufl.");
    assert_refs(
        &w,
        "vancouver",
        &[
            ("Durchgesehen", "Smith J. Durchgesehen. 2nd rev. ed. Berlin: Verlag; 2000."),
            ("Revision", "Smith J. Revision. 2nd rev. ed. Berlin: Verlag; 2001."),
            ("Augmented", "Smith J. Augmented. 3rd enl. ed. Berlin: Verlag; 2002."),
            ("Updated", "Smith J. Updated. 2nd updated ed. Berlin: Verlag; 2003."),
            ("Corrected", "Smith J. Corrected. 2nd corr. ed. Berlin: Verlag; 2004."),
            ("Bearbeitet", "Smith J. Bearbeitet. 2nd rev. ed. Berlin: Verlag; 2005."),
        ],
    );
    assert_refs(&w, "harvard", &[("Augmented", "Smith, J. (2002) Augmented. 3rd enl. edn. Berlin: Verlag.")]);
}
