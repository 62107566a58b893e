//! Issue 12 (tester 12b), through the binary: references as the style
//! manuals print them. A report's series is printed in every style, from
//! every format that carries one (M3); an author's works stand in one date
//! order in every author-date style, each date label's works together and
//! lettered in title order (M5, L5); APA leaves out a publisher that is the
//! author (M8); the NLM catalogue's qualifier of a journal's name is not
//! printed, and Harvard title-cases a journal's name (M9); a stored suffix
//! prints as stored where the style has no rule of its own (M11); every
//! range of a page field has the style's dash (L6). The PDF's hanging
//! indent (L11) is tested in `src/report/pdf/tests.rs`.

mod common;

use common::{Workdir, reference, workdir};

/// The named styles canon bundles.
const STYLES: &[&str] = &["vancouver", "apa", "chicago", "harvard", "ama"];

// ---------------------------------------------------------------- M3 ------

/// The same report, with its series, in RIS (Zotero's export: `T2` of a
/// `RPRT` is its series), CSL-JSON (`collection-title`), a Zotero CSV
/// (`Series`) and BibTeX (`series` of a @techreport).
fn reports() -> Workdir {
    let w = workdir();
    w.import_reading(
        "r.ris",
        "TY  - RPRT\nTI  - Ris report on ageing\nAU  - World Health Organization\nT2  - WHO Technical Report Series\n\
         CY  - Geneva\nPY  - 2015\nSN  - WHO/FWC/ALC/15.01\nPB  - World Health Organization\nER  - \n",
    );
    w.import_reading(
        "r.json",
        r#"[{"id":"C","type":"report","title":"Json report on care","publisher":"WHO","publisher-place":"Geneva",
             "number":"WHO/HIS/15.1","collection-title":"Technical Report Series","issued":{"date-parts":[[2016]]},
             "author":[{"literal":"World Health Organization"}]}]"#,
    );
    w.import_reading(
        "r.bib",
        "@techreport{t, author = {{Ministry of Health}}, title = {Bib report on nursing}, institution = {Ministry of Health}, \
         address = {Accra}, number = {MOH-7}, series = {Ghana Health Reports}, year = {2017}}\n",
    );
    w
}

#[test]
fn a_reports_series_is_stored_as_its_series_from_every_format() {
    let w = reports();
    let list = w.reading_list();
    for (title, series) in [
        ("Ris report", "WHO Technical Report Series"),
        ("Json report", "Technical Report Series"),
        ("Bib report", "Ghana Health Reports"),
    ] {
        let r = common::reading(&list, title);
        assert_eq!(r["series"], series, "{title}: {r:#}");
        // The series is not the report's container (nor then its publisher).
        assert!(r["container"].is_null(), "{title}: {r:#}");
    }
}

#[test]
fn a_reports_series_is_printed_in_every_named_style() {
    let w = reports();
    let want = |style: &str, series: &str| -> String {
        match style {
            // Citing Medicine ch. 15: the series in parentheses.
            "vancouver" => format!("({series})"),
            // Cite Them Right: in parentheses after the publisher.
            "harvard" => format!("({series})"),
            // AMA: after the title, before the publisher.
            "ama" => format!("{series}. "),
            _ => series.to_string(),
        }
    };
    for style in STYLES {
        let refs = w.references(style);
        for (title, series) in [
            ("Ris report", "WHO Technical Report Series"),
            ("Json report", "Technical Report Series"),
            ("Bib report", "Ghana Health Reports"),
        ] {
            let r = reference(&refs, title);
            assert!(r.contains(&want(style, series)), "{style}: {title}: {r}");
        }
    }
    let ris = |style: &str| reference(&w.references(style), "Ris report").to_string();
    assert_eq!(
        ris("vancouver"),
        "World Health Organization. Ris report on ageing. Geneva: World Health Organization; 2015. \
         (WHO Technical Report Series). Report No.: WHO/FWC/ALC/15.01."
    );
    assert_eq!(
        ris("harvard"),
        "World Health Organization (2015) Ris report on ageing. Report No. WHO/FWC/ALC/15.01. Geneva: \
         World Health Organization (WHO Technical Report Series)."
    );
    assert_eq!(
        ris("ama"),
        // (12c: AMA 11 gives a report's number after its year, "Report No. …".)
        "World Health Organization. Ris Report on Ageing. WHO Technical Report Series. World Health Organization; 2015. \
         Report No. WHO/FWC/ALC/15.01."
    );
}

#[test]
fn a_zotero_csv_reports_series_is_printed() {
    let w = workdir();
    w.import_reading(
        "z.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Series\",\"Publisher\",\"Place\"\n\
         \"K1\",\"report\",\"2015\",\"World Health Organization\",\"World report on ageing\",\"WHO Technical Report Series\",\"World Health Organization\",\"Geneva\"\n",
    );
    for style in STYLES {
        let refs = w.references(style);
        let r = reference(&refs, "World report on ageing");
        assert!(r.contains("WHO Technical Report Series"), "{style}: {r}");
    }
}

// ---------------------------------------------------------------- M8 ------

#[test]
fn apa_leaves_out_a_publisher_that_is_the_author() {
    let w = reports();
    // "World Health Organization" wrote and published it: named once (APA 7 §9.25).
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Ris report"),
        "World Health Organization. (2015). Ris report on ageing (Report No. WHO/FWC/ALC/15.01; WHO Technical Report Series)."
    );
    // "WHO" is not "World Health Organization": nothing guessed, it stays.
    assert!(reference(&apa, "Json report").ends_with(" WHO."), "{}", reference(&apa, "Json report"));
    // Written alike once case, "The" and stops are aside.
    w.import_reading(
        "same.csv",
        "title,authors,year,type,publisher,status\n\
         Guideline on malaria,{World Health Organization},2018,report,The World Health Organization.,approved\n\
         Guideline on cholera,{World Health Organization},2020,report,Lancet Publishing,approved\n",
    );
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Guideline on malaria"), "World Health Organization. (2018). Guideline on malaria.");
    assert_eq!(
        reference(&apa, "Guideline on cholera"),
        "World Health Organization. (2020). Guideline on cholera. Lancet Publishing."
    );
    // Other styles keep the publisher (their manuals name it).
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Ris report").ends_with("World Health Organization."), "{chicago:?}");
}

// ---------------------------------------------------------------- M5, L5 --

/// The PDF report's text in `style`, in the order printed, its spaces made
/// one (an italic run is a text object of its own, with spaces around it).
fn pdf_lines(w: &Workdir, style: &str) -> String {
    let out = w.path(&format!("{style}.pdf"));
    w.ok(&["report", out.to_str().unwrap(), "--style", style, "-q"]);
    let text = common::pdf_text(&out).join("\n");
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace(" .", ".").replace(" ,", ",")
}

/// Where each of `parts` first stands in `text`, in the order given;
/// panics with the text when one is missing or out of order.
fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for p in parts {
        match text[from..].find(p) {
            Some(i) => from += i + p.len(),
            None => panic!("{p:?} not found after byte {from} (or out of order) in:\n{text}"),
        }
    }
}

fn smith_and_osei() -> Workdir {
    let w = workdir();
    w.import_reading(
        "m.csv",
        "title,authors,year,type,container,publisher,status\n\
         Zulu undated,\"Smith, John\",,article,BMJ,,approved\n\
         Echo undated,\"Smith, John\",,article,BMJ,,approved\n\
         Forthcoming thing,\"Smith, John\",forthcoming,article,BMJ,,approved\n\
         Beta in press,\"Smith, John\",in press,article,BMJ,,approved\n\
         Alpha in press,\"Smith, John\",in press,article,BMJ,,approved\n\
         The gamma work,\"Smith, John\",2013,book,,OUP,approved\n\
         A delta work,\"Smith, John\",2013,article,Lancet,,approved\n\
         Aardvark circa,\"Osei, Jane\",ca. 1998,book,,OUP,approved\n\
         Copyright book,\"Osei, Jane\",1998,book,,OUP,approved\n\
         Ranged article,\"Osei, Jane\",1998,article,J X,,approved\n\
         Dated book,\"Osei, Jane\",2013,book,,OUP,approved\n",
    );
    w
}

#[test]
fn chicago_groups_each_date_label_after_the_dated_works() {
    let w = smith_and_osei();
    let text = pdf_lines(&w, "chicago");
    // CMOS 18 §13.112: dated works by year, then n.d., then forthcoming
    // (a stored "in press" is Chicago's "Forthcoming"), each lettered in title order.
    in_order(
        &text,
        &[
            "Smith, John. 2013a. “A Delta Work.”",
            "Smith, John. 2013b. The Gamma Work.",
            "Smith, John. n.d.-a. “Echo Undated.”",
            "Smith, John. n.d.-b. “Zulu Undated.”",
            "Smith, John. Forthcoming-a. “Alpha in Press.”",
            "Smith, John. Forthcoming-b. “Beta in Press.”",
            "Smith, John. Forthcoming-c. “Forthcoming Thing.”",
        ],
    );
    // A circa year is a label of its own: after the year's lettered works, not between them.
    in_order(
        &text,
        &[
            "Osei, Jane. 1998a. Copyright Book.",
            "Osei, Jane. 1998b. “Ranged Article.”",
            "Osei, Jane. [1998?]. Aardvark Circa.",
            "Osei, Jane. 2013. Dated Book.",
        ],
    );
}

#[test]
fn apa_and_harvard_keep_their_order_and_apa_says_in_press_for_forthcoming() {
    let w = smith_and_osei();
    let text = pdf_lines(&w, "apa");
    // APA 7 §9.46: n.d. first, in press last; "forthcoming" is APA's "in press" (§8.19), lettered with them.
    // Harvard: by year, then n.d., then in press, then forthcoming (each label together).
    in_order(
        &text,
        &[
            "Smith, J. (n.d.-a). Echo undated.",
            "Smith, J. (n.d.-b). Zulu undated.",
            "Smith, J. (2013a). A delta work.",
            "Smith, J. (2013b). The gamma work.",
            "Smith, J. (in press-a). Alpha in press.",
            "Smith, J. (in press-b). Beta in press.",
            "Smith, J. (in press-c). Forthcoming thing.",
        ],
    );
    assert!(!text.contains("forthcoming)"), "{text}");
    in_order(
        &text,
        &["Osei, J. (1998a).", "Osei, J. (1998b).", "Osei, J. (ca. 1998). Aardvark circa.", "Osei, J. (2013)."],
    );
    // The same label in a table cell (the JSON report).
    let apa = w.references("apa");
    assert_eq!(reference(&apa, "Forthcoming thing"), "Smith, J. (in press-c). Forthcoming thing. BMJ.");
    let text = pdf_lines(&w, "harvard");
    in_order(
        &text,
        &[
            "Smith, J. (2013a)",
            "Smith, J. (2013b)",
            "Smith, J. (no date a)",
            "Smith, J. (no date b)",
            "Smith, J. (in press a)",
            "Smith, J. (in press b)",
            "Smith, J. (forthcoming)",
        ],
    );
}

// ---------------------------------------------------------------- M9 ------

const NBIB: &str = "PMID- 30000001\nDP  - 2019\nTI  - A paper in the Lancet.\nFAU - Osei, Jane\nAU  - Osei J\nVI  - 12\nIP  - 3\n\
PG  - 100-110\nTA  - Lancet\nJT  - Lancet (London, England)\n\n\
PMID- 30000002\nDP  - 2020\nTI  - A paper in the BMJ.\nFAU - Mensah, Kofi\nAU  - Mensah K\nVI  - 368\nPG  - m1\n\
TA  - BMJ\nJT  - BMJ (Clinical research ed.)\n\n\
PMID- 30000003\nDP  - 2020\nTI  - A paper in the NEJM.\nFAU - Vyas, Darshali A\nAU  - Vyas DA\nVI  - 383\nIP  - 9\n\
PG  - 874-882\nTA  - N Engl J Med\nJT  - The New England journal of medicine\n";

#[test]
fn an_nlm_qualifier_is_stored_and_not_printed() {
    let w = workdir();
    w.import_reading("p.nbib", NBIB);
    let list = w.reading_list();
    // Nothing lost: the catalogue's title is stored whole.
    assert_eq!(common::reading(&list, "A paper in the Lancet")["container"], "Lancet (London, England)");
    assert_eq!(common::reading(&list, "A paper in the BMJ")["container"], "BMJ (Clinical research ed.)");
    for style in ["apa", "chicago", "harvard", "ama"] {
        let refs = w.references(style);
        for t in ["A paper in the Lancet", "A paper in the BMJ"] {
            let r = reference(&refs, t);
            assert!(!r.contains("London, England") && !r.to_lowercase().contains("clinical research"), "{style}: {r}");
        }
    }
    assert_eq!(
        reference(&w.references("apa"), "A paper in the Lancet"),
        "Osei, J. (2019). A paper in the Lancet. Lancet, 12(3), 100–110."
    );
    assert_eq!(
        reference(&w.references("chicago"), "A paper in the BMJ"),
        "Mensah, Kofi. 2020. “A Paper in the BMJ.” BMJ 368: m1."
    );
    // Vancouver cites the abbreviation, as before.
    assert!(reference(&w.references("vancouver"), "A paper in the Lancet").contains(" Lancet. 2019;12(3):100-10."));
}

#[test]
fn harvard_title_cases_a_journals_name_as_apa_and_chicago_do() {
    let w = workdir();
    w.import_reading("p.nbib", NBIB);
    for style in ["apa", "chicago", "harvard"] {
        let r = reference(&w.references(style), "A paper in the NEJM").to_string();
        assert!(r.contains("The New England Journal of Medicine"), "{style}: {r}");
    }
    assert_eq!(
        reference(&w.references("harvard"), "A paper in the NEJM"),
        "Vyas, D.A. (2020) ‘A paper in the NEJM’, The New England Journal of Medicine, 383(9), pp. 874–882."
    );
}

// ---------------------------------------------------------------- M11 -----

/// A user's CSL that prints names with their suffix and nothing else of its own.
const CSL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>My Journal</title><id>http://example.org/my-journal</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", "/></names></macro>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <text variable="citation-number" suffix=". "/>
      <text macro="author" suffix=". "/>
      <text variable="title"/>
    </layout>
  </bibliography>
</style>
"#;

#[test]
fn a_suffix_prints_as_stored_in_ama_and_in_a_users_csl() {
    let w = workdir();
    w.import_reading(
        "n.bib",
        "@article{a, author = {Mensah, Jr, Kofi A.}, title = {Plain suffix}, journal = {BMJ}, year = {2019}, volume = {1}, pages = {1-2}}\n\
         @article{b, author = {Hurst, Jr., J. Willis}, title = {Stopped suffix}, journal = {BMJ}, year = {2019}, volume = {1}, pages = {3-4}}\n\
         @article{c, author = {King, III, Martin Luther}, title = {Numeral suffix}, journal = {BMJ}, year = {2019}, volume = {1}, pages = {5-6}}\n",
    );
    let csl = w.write("my.csl", CSL);
    let mine = w.references(csl.to_str().unwrap());
    // (Each numbered in its list: the number aside.)
    let mine = |t: &str| reference(&mine, t).split_once(". ").map(|(_, r)| r.to_string()).unwrap();
    assert_eq!(mine("Plain suffix"), "Mensah KA Jr. Plain suffix.");
    // (The processor does not double the stop before the title's.)
    assert_eq!(mine("Stopped suffix"), "Hurst JW Jr. Stopped suffix.");
    assert_eq!(mine("Numeral suffix"), "King ML III. Numeral suffix.");
    // AMA 11 §3.6.1: "Hurst JW Jr", whichever way the source wrote it; a numeral as written.
    let ama = w.references("ama");
    assert!(reference(&ama, "Plain suffix").starts_with("Mensah KA Jr. Plain suffix."), "{ama:?}");
    assert!(reference(&ama, "Stopped suffix").starts_with("Hurst JW Jr. Stopped suffix."), "{ama:?}");
    assert!(reference(&ama, "Numeral suffix").starts_with("King ML III. Numeral suffix."), "{ama:?}");
    // APA and Chicago write "Jr." (APA 7 §9.8), Vancouver "Jr" and "3rd" (Citing Medicine ch. 1): unchanged.
    assert!(reference(&w.references("apa"), "Plain suffix").starts_with("Mensah, K. A., Jr. (2019)."));
    assert!(reference(&w.references("vancouver"), "Numeral suffix").starts_with("King ML 3rd."));
}

// ---------------------------------------------------------------- L6 ------

#[test]
fn every_range_of_a_page_field_has_the_styles_dash() {
    let w = workdir();
    w.import_reading(
        "p.csv",
        "title,authors,year,type,container,volume,pages,status\n\
         Two ranges,\"Osei, Jane\",2019,article,J X,3,\"123-9, 140–5\",approved\n\
         Roman pages,\"Osei, Jane\",2018,article,J Y,4,xi–xv,approved\n\
         Supplement pages,\"Osei, Jane\",2017,article,J Z,5,S1-S5,approved\n",
    );
    // Citing Medicine (ch. 1) and AMA 11 (§3.13.1): hyphens, in every range.
    // (Citing Medicine also drops the repeated digits: "123-9", "S1-5".)
    for (style, two, supplement) in
        [("vancouver", ":123-9, 140-5.", ":S1-5."), ("ama", ":123-129, 140-145.", ":S1-S5.")]
    {
        let refs = w.references(style);
        assert!(reference(&refs, "Two ranges").ends_with(two), "{style}: {refs:?}");
        assert!(reference(&refs, "Roman pages").ends_with(":xi-xv."), "{style}: {refs:?}");
        assert!(reference(&refs, "Supplement pages").ends_with(supplement), "{style}: {refs:?}");
    }
    for style in ["apa", "chicago", "harvard"] {
        let refs = w.references(style);
        let r = reference(&refs, "Two ranges");
        assert!(!r.contains('-'), "{style}: {r}");
        assert!(r.contains("140–"), "{style}: {r}");
        // (Chicago drops the repeated letter: "S1–5", CMOS 18 §9.63.)
        let r = reference(&refs, "Supplement pages");
        assert!(r.contains("S1–S5") || (style == "chicago" && r.contains("S1–5")), "{style}: {r}");
        assert!(!r.contains('-'), "{style}: {r}");
    }
}

/// A BibTeX @inbook (a part of a book, its title the book's: btxdoc §4) with
/// its pages: Harvard gives them as Cite Them Right gives a chapter's
/// ("pp. 148–205"), as Chicago and APA already did.
#[test]
fn harvard_prints_the_pages_of_an_inbook() {
    let w = workdir();
    w.import_reading(
        "ib.bib",
        "@inbook{ib, author = {Fanon, Frantz}, title = {The wretched of the earth}, chapter = {3}, pages = {148--205}, \
         publisher = {Grove Press}, address = {New York}, year = {1963}}\n",
    );
    let h = w.references("harvard");
    assert!(reference(&h, "The wretched").ends_with("New York: Grove Press, pp. 148–205."), "{h:?}");
    let c = w.references("chicago");
    assert!(reference(&c, "The wretched").contains("148–205"), "{c:?}");
}
