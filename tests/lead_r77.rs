//! Issue 12 (lead, r77), through the binary: a book's series and a
//! volume's own title are titles under Chicago's title case (a minor word
//! after a comma stays small, CMOS 17 §8.159; tester r76 F1), and a record
//! ahead of print is called so in what an import says (tester r76 F18).

mod common;

use common::{reference, workdir};

/// EndNote's series (secondary title of a Book), RIS `T2` of a `BOOK`,
/// biblatex `series`, and a volume's own title (biblatex `maintitle` with
/// `title`): Chicago capitalises their major words and leaves "and", "of",
/// "the" small after a comma, as in the work's own title.
#[test]
fn chicago_leaves_minor_words_small_after_a_comma_in_a_series_and_a_volume_title() {
    let w = workdir();
    w.import_reading(
        "endnote.xml",
        r#"<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><rec-number>6</rec-number><ref-type name="Book">6</ref-type><contributors><authors><author>Sigerist, Henry E.</author></authors></contributors><titles><title>A history of medicine</title><secondary-title>Early Greek, Hindu, and Persian medicine</secondary-title></titles><volume>2</volume><num-vols>2</num-vols><dates><year>1961</year></dates><pub-location>New York</pub-location><publisher>Oxford University Press</publisher></record></records></xml>"#,
    );
    w.import_reading(
        "series.ris",
        "TY  - BOOK\nAU  - Arnold, David\nTI  - Colonizing the body\nT2  - Science, medicine, and the state in \
         colonial India\nPY  - 1993\nPB  - University of California Press\nCY  - Berkeley\nER  - \n",
    );
    w.import_reading(
        "vol.bib",
        "@book{bynum,\n  editor = {Bynum, W. F. and Porter, Roy},\n  maintitle = {Companion encyclopedia of the history \
         of medicine},\n  title = {Hospitals, asylums, and the poor},\n  volume = {2},\n  publisher = {Routledge},\n  \
         address = {London},\n  year = {1993}\n}\n",
    );
    let refs = w.references("chicago");
    let sigerist = reference(&refs, "A history");
    assert!(sigerist.contains("Early Greek, Hindu, and Persian Medicine"), "{sigerist}");
    assert!(!sigerist.contains("And Persian"), "{sigerist}");
    let arnold = reference(&refs, "Colonizing");
    assert!(!arnold.contains(", And "), "{arnold}");
    assert!(arnold.contains("Science, Medicine, and the State in Colonial India"), "{arnold}");
    let bynum = reference(&refs, "Companion");
    assert!(!bynum.contains(", And "), "{bynum}");
    assert!(bynum.contains("Hospitals, Asylums, and the Poor"), "{bynum}");
}

/// PubMed's record ahead of print, met by the stored published record: the
/// warning says what the file says, "ahead of print", not "in press"; the
/// stored date, volume and pages stay.
#[test]
fn a_record_ahead_of_print_is_called_so_when_the_published_one_stays() {
    let w = workdir();
    w.import_reading(
        "published.csv",
        "title,authors,year,type,container,volume,issue,pages,doi\n\
         Decolonising global health curricula: a scoping review,\"Mensah, Kofi A.; Abimbola, Seye\",2024,article,\
         The Lancet,403,10425,501-510,10.1016/S0140-6736(23)02000-1\n",
    );
    let said = w.import_reading(
        "aop.nbib",
        "PMID- 37939999\nDP  - 2023 Nov 4\nTI  - Decolonising global health curricula: a scoping review.\n\
         FAU - Mensah, Kofi A\nFAU - Abimbola, Seye\nJT  - Lancet (London, England)\nPG  - S0140-6736(23)02000-1\n\
         AID - 10.1016/S0140-6736(23)02000-1 [doi]\nPST - aheadofprint\n",
    );
    assert!(said.contains("is of the version published online ahead of print"), "{said}");
    assert!(!said.contains("in press"), "{said}");
    let said = w.import_reading(
        "forthcoming.csv",
        "title,authors,year,type,container,doi\nDecolonising global health curricula: a scoping review,\
         \"Mensah, Kofi A.; Abimbola, Seye\",Forthcoming 2025,article,The Lancet,10.1016/S0140-6736(23)02000-1\n",
    );
    assert!(said.contains("is of the forthcoming work"), "{said}");
    let refs = w.references("vancouver");
    let r = reference(&refs, "Decolonising");
    assert!(r.contains("2024;403(10425):501-10"), "{r}");
}

/// A type canon guessed (a sheet without a type column) is shown as such by
/// `reading show`, with the command that states it; stating it is said in
/// words ("type: inferred → stated"), and undone.
#[test]
fn reading_show_says_a_type_was_inferred_and_an_edit_states_it() {
    let w = workdir();
    w.import_reading(
        "scopus.csv",
        "Title,Author,Year,Source title,Volume,DOI\nA study,\"Smith, J.\",2020,BMJ,3,10.1/a\n",
    );
    let list = w.reading_list();
    let id = list[0]["id"].to_string().trim_matches('"').to_string();
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.contains("article (inferred: no list stated it;"), "{shown}");
    assert!(shown.contains(&format!("canon reading edit {id} --type TYPE")), "{shown}");
    let said = w.ok_stderr(&["reading", "edit", &id, "--type", "article", "--by", "amina"]);
    assert!(said.contains("type: inferred → stated"), "{said}");
    let shown = w.ok(&["reading", "show", &id]);
    assert!(shown.lines().any(|l| l.trim_end() == "type         article"), "{shown}");
}

/// A CSL-JSON literal date canon cannot read is said once, as such, and
/// not again as "no date" (the two warnings contradicted each other).
#[test]
fn an_unreadable_literal_date_is_said_once() {
    let w = workdir();
    let said = w.import_reading(
        "d.json",
        r#"[{"id":"b","type":"article-journal","title":"Bad date","issued":{"literal":"sometime soon"}}]"#,
    );
    assert!(said.contains("the literal date \"sometime soon\""), "{said}");
    assert!(!said.contains("no date (issued)"), "{said}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year IS NULL"), 1);
}
