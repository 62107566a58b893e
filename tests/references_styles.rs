//! References as published, the remaining defects of issue 12 (12i): each
//! kind of work in each bundled style, through the binary, from the formats
//! that carry it. Conference papers and chapters (container once, pages,
//! publisher), Citing Medicine's "p." for book parts, an in-press article,
//! a journal entry with neither volume nor pages, a PubMed record without a
//! DOI, and a name with a lower-case particle in a title.

mod common;

use std::collections::HashMap;

use common::Workdir;

/// The title as listed: BibTeX's braces around "von Neumann" keep its case,
/// stored as CSL-JSON's `<span class="nocase">` and written as the braces
/// again in the report's JSON (tester r73 F4).
const VON_NEUMANN: &str = "Race correction in {von Neumann} machines and al-Razi's hospital";

fn get<'a>(m: &'a HashMap<String, String>, title: &str) -> &'a str {
    m.get(title).unwrap_or_else(|| panic!("{title:?} missing: {m:#?}"))
}

const BIB: &str = r#"
@inproceedings{conf,
  author = {Achebe, Ngozi and Byrne, Siobhan},
  title = {Decolonising the anatomy lab},
  booktitle = {Proceedings of the Medical Education Conference},
  year = {2020},
  pages = {112--118},
  publisher = {ACM},
  address = {New York},
}
@incollection{chap,
  author = {Okoro, Chidi},
  title = {Race and the clinic},
  booktitle = {Medicine and Empire},
  editor = {Smith, Jane},
  year = {2019},
  pages = {45--67},
  publisher = {Zed Books},
  address = {London},
}
@article{jv,
  author = {Mensah, Kofi},
  title = {Race correction in {von Neumann} machines and al-Razi's hospital},
  journal = {BMJ Global Health},
  year = {2019},
  volume = {4}, number = {2}, pages = {e001234},
}
@article{inpress,
  author = {Zulu, Jabu},
  title = {Skin in the game},
  journal = {Lancet},
  year = {In press},
}
"#;

const RIS: &str = "TY  - CONF\nAU  - Dlamini, Thabo\nTI  - Decolonising the dissection room\nT2  - Proceedings of the Anatomy Education Meeting\nPY  - 2021\nSP  - 10\nEP  - 14\nPB  - Springer\nCY  - Cham\nER  - \n";

const CSL: &str = r#"[{"id":"x","type":"paper-conference","title":"Global surgery syllabi","author":[{"family":"Castillo","given":"Luis"}],"container-title":"Proceedings of the Surgical Teaching Summit","page":"201-209","publisher":"IEEE","publisher-place":"Piscataway","issued":{"date-parts":[[2022]]}},
{"id":"y","type":"paper-conference","title":"Proceedings as a journal issue","author":[{"family":"Byrne","given":"Siobhan"}],"container-title":"Journal of Physics: Conference Series","volume":"1234","page":"012001","issued":{"date-parts":[[2019]]}}]"#;

#[test]
fn conference_papers_and_chapters_in_every_style() {
    let w = Workdir::new();
    for (name, text) in [("k.bib", BIB), ("c.ris", RIS), ("c.json", CSL)] {
        let f = w.write(name, text);
        w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    }
    let conference = [
        ("Decolonising the anatomy lab", "Proceedings of the Medical Education Conference", "ACM"),
        ("Decolonising the dissection room", "Proceedings of the Anatomy Education Meeting", "Springer"),
        ("Global surgery syllabi", "Proceedings of the Surgical Teaching Summit", "IEEE"),
    ];
    let styles: HashMap<&str, HashMap<String, String>> =
        ["vancouver", "apa", "harvard", "chicago"].into_iter().map(|s| (s, w.references(s))).collect();
    for (style, m) in &styles {
        for (title, container, publisher) in conference {
            let r = get(m, title);
            // The proceedings' title once (Chicago printed it twice, as a
            // "special issue"), the publisher always (APA dropped it).
            assert_eq!(r.matches(container).count(), 1, "{style}: {r}");
            assert!(r.contains(publisher), "{style}: publisher missing: {r}");
            assert!(!r.contains("Special issue"), "{style}: {r}");
        }
    }
    // The forms each style's manual gives for a paper in published proceedings.
    let apa = &styles["apa"];
    assert_eq!(
        get(apa, "Decolonising the anatomy lab"),
        "Achebe, N., & Byrne, S. (2020). Decolonising the anatomy lab. In Proceedings of the Medical Education \
         Conference (pp. 112–118). ACM."
    );
    assert!(
        get(apa, "Global surgery syllabi")
            .contains("In Proceedings of the Surgical Teaching Summit (pp. 201–209). IEEE.")
    );
    assert!(
        get(apa, "Decolonising the dissection room")
            .contains("In Proceedings of the Anatomy Education Meeting (pp. 10–14). Springer.")
    );
    // Chicago: the pages after the proceedings' title (CMOS 18th ed.; 12n).
    assert_eq!(
        get(&styles["chicago"], "Decolonising the anatomy lab"),
        "Achebe, Ngozi, and Siobhan Byrne. 2020. “Decolonising the Anatomy Lab.” In Proceedings of the Medical \
         Education Conference, 112–18. ACM."
    );
    assert!(
        get(&styles["harvard"], "Decolonising the anatomy lab")
            .contains("in Proceedings of the Medical Education Conference. New York: ACM, pp. 112–118.")
    );
    // Citing Medicine: "p." for the pages of a part of a book, single or ranged.
    let v = &styles["vancouver"];
    assert_eq!(
        get(v, "Decolonising the anatomy lab"),
        "Achebe N, Byrne S. Decolonising the anatomy lab. In: Proceedings of the Medical Education Conference. New \
         York: ACM; 2020. p. 112-8."
    );
    assert_eq!(
        get(v, "Race and the clinic"),
        "Okoro C. Race and the clinic. In: Smith J, editor. Medicine and Empire. London: Zed Books; 2019. p. 45-67."
    );
    assert!(v.values().all(|r| !r.contains("pp.")), "{v:#?}");
    // Proceedings published as a journal volume: cited as a journal article.
    assert!(
        get(apa, "Proceedings as a journal issue").contains("Journal of Physics: Conference Series, 1234, 012001."),
        "{}",
        get(apa, "Proceedings as a journal issue")
    );
    assert!(
        get(v, "Proceedings as a journal issue").contains("2019;1234:012001."),
        "{}",
        get(v, "Proceedings as a journal issue")
    );
    // Chapters keep their editors and pages where the style prints them.
    assert!(get(apa, "Race and the clinic").contains("In J. Smith (Ed.), Medicine and Empire (pp. 45–67). Zed Books."));
}

#[test]
fn an_in_press_article_and_a_journal_without_volume() {
    let w = Workdir::new();
    let f = w.write("k.bib", BIB);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    let csv = w.write(
        "r.csv",
        "title,authors,year,type,container\nOne,\"Z, J\",2019,article,Lancet\nTwo,\"Zulu, J.; Okoro, C\",2019,article,BMJ\nFuture,\"Eze, Ada\",forthcoming,article,Lancet\n",
    );
    w.ok(&["import", "reading", csv.to_str().unwrap(), "-q"]);
    let harvard = w.references("harvard");
    // Not "[Preprint]": an in-press article has been accepted; its status is said.
    assert_eq!(get(&harvard, "Skin in the game"), "Zulu, J. (in press) ‘Skin in the game’, Lancet.");
    assert_eq!(get(&harvard, "Future"), "Eze, A. (forthcoming) ‘Future’, Lancet.");
    // An article with a year but neither volume nor pages is not a preprint:
    // canon has no record that says so (issue 12).
    assert_eq!(get(&harvard, "One"), "Z, J. (2019) ‘One’, Lancet.");
    let chicago = w.references("chicago");
    // No delimiter left before the full stop where volume and pages are empty.
    assert_eq!(get(&chicago, "One"), "Z, J. 2019. “One.” Lancet.");
    assert_eq!(get(&chicago, "Two"), "Zulu, J., and C. Okoro. 2019. “Two.” BMJ.");
    // CMOS 17 §15.44: Chicago's word for a work in press is "forthcoming" (12y).
    assert_eq!(get(&chicago, "Skin in the game"), "Zulu, Jabu. Forthcoming. “Skin in the Game.” Lancet.");
    for (style, m) in [("harvard", &harvard), ("chicago", &chicago), ("apa", &w.references("apa"))] {
        assert!(m.values().all(|r| !r.contains(",.") && !r.contains(";.")), "{style}: {m:#?}");
    }
}

#[test]
fn a_pubmed_record_without_a_doi_is_cited_in_print_form() {
    let w = Workdir::new();
    let f = w.write(
        "p.nbib",
        "PMID- 31234567\nTI  - Race in the clinic.\nFAU - Mensah, Kofi A\nAU  - Mensah KA\nDP  - 2019\nTA  - J Med \
         Ethics\nJT  - Journal of medical ethics\nVI  - 45\nIP  - 4\nPG  - 123-9\n\n",
    );
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    // A web page is still an Internet source.
    let csv = w.write("w.csv", "title,authors,year,type,container,url\nHealth equity,World Health Organization,2021,web,WHO,https://who.int/equity\nOnline only,\"Eze, Ada\",2020,article,J Online Med,https://example.org/a\n");
    w.ok(&["import", "reading", csv.to_str().unwrap(), "-q"]);
    let v = w.references("vancouver");
    assert_eq!(
        // The title as stored: MEDLINE's own closing period is not the title's (12j).
        get(&v, "Race in the clinic"),
        "Mensah KA. Race in the clinic. J Med Ethics. 2019;45(4):123-9. PubMed PMID: 31234567."
    );
    // A journal article known only by a web address (not a PubMed record) is cited as online.
    assert!(get(&v, "Online only").contains("J Online Med [Internet]"), "{}", get(&v, "Online only"));
    assert!(get(&v, "Online only").contains("Available from: https://example.org/a"), "{}", get(&v, "Online only"));
}

#[test]
fn a_name_with_a_lower_case_particle_keeps_it_in_title_case() {
    let w = Workdir::new();
    let f = w.write("k.bib", BIB);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    let csv = w.write(
        "r.csv",
        "title,authors,year,type,container\nThe legacy of van der Kroef in Java,\"Eze, Ada\",2018,article,Med Hist\nVon Trier and medicine,\"Von Trier, Lars\",2017,article,Med Hist\n",
    );
    w.ok(&["import", "reading", csv.to_str().unwrap(), "-q"]);
    let chicago = w.references("chicago");
    assert_eq!(
        get(&chicago, VON_NEUMANN),
        "Mensah, Kofi. 2019. “Race Correction in von Neumann Machines and al-Razi's Hospital.” BMJ Global Health 4 \
         (2): e001234."
    );
    assert!(get(&chicago, "The legacy of van der Kroef in Java").contains("“The Legacy of van der Kroef in Java.”"));
    // A capitalised "Von" in a title is the style's to case: not made lower.
    assert!(get(&chicago, "Von Trier and medicine").contains("“Von Trier and Medicine.”"));
    // Styles that print titles as written keep them so.
    for style in ["vancouver", "apa", "harvard"] {
        let m = w.references(style);
        assert!(get(&m, VON_NEUMANN).contains("von Neumann"), "{style}");
    }
}

#[test]
fn the_report_readings_table_has_the_export_column_order() {
    let w = Workdir::new();
    let f = w.write("k.bib", BIB);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    let export = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", export.to_str().unwrap(), "-q"]);
    let dir = w.path("report");
    w.ok(&["report", dir.to_str().unwrap(), "--format", "csv", "-q"]);
    let header = |p: &std::path::Path| -> Vec<String> {
        let text = std::fs::read_to_string(p).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        text.lines().next().unwrap().split(',').map(str::to_string).collect()
    };
    let exported = header(&export);
    let reported = header(&dir.join("readings.csv"));
    // The reference fields (container to season) in the same order in both.
    let block = [
        "container",
        "volume",
        "issue",
        "pages",
        "publisher",
        "place",
        "edition",
        "editors",
        "container_short",
        "season",
    ];
    let order = |h: &[String]| -> Vec<String> { h.iter().filter(|c| block.contains(&c.as_str())).cloned().collect() };
    assert_eq!(order(&exported), block, "{exported:?}");
    assert_eq!(order(&reported), block, "{reported:?}");
}

/// A paper in a numbered volume of a book series (LNCS, MICCAI) is a chapter
/// of that edited book, with its volume; only proceedings published in a
/// journal are cited as a journal article (APA 7th §10.5).
#[test]
fn a_conference_paper_in_a_book_series_volume_is_a_chapter() {
    let w = Workdir::new();
    let ris = "TY  - CPAPER\nAU  - Okafor, Ngozi\nTI  - Skin tone and segmentation\nT2  - Medical Image Computing – MICCAI 2021\nA2  - de Bruijne, Marleen\nVL  - 12903\nSP  - 50\nEP  - 60\nPB  - Springer\nCY  - Cham\nPY  - 2021\nER  - \n\
TY  - CONF\nAU  - Lee, Min\nTI  - Abstract in a supplement\nT2  - European Respiratory Journal\nVL  - 60\nIS  - suppl 66\nSP  - 1234\nPY  - 2022\nER  - \n";
    let bib = "@inproceedings{child1, author = {Tanaka, Hiro}, title = {Paper in proc}, crossref = {proc1}, pages = {5--9}}\n\
@proceedings{proc1, editor = {Chair, Pat}, title = {Proceedings of Fairness}, booktitle = {Proceedings of Fairness}, year = {2020}, publisher = {ACM}, address = {New York}, volume = {3}}\n";
    for (name, text) in [("c.ris", ris), ("c.bib", bib)] {
        let f = w.write(name, text);
        w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    }
    let apa = w.references("apa");
    assert_eq!(
        get(&apa, "Skin tone and segmentation"),
        "Okafor, N. (2021). Skin tone and segmentation. In M. de Bruijne (Ed.), Medical Image Computing – MICCAI 2021 \
         (Vol. 12903, pp. 50–60). Springer."
    );
    assert_eq!(
        get(&apa, "Paper in proc"),
        "Tanaka, H. (2020). Paper in proc. In P. Chair (Ed.), Proceedings of Fairness (Vol. 3, pp. 5–9). ACM."
    );
    assert!(get(&apa, "Abstract in a supplement").contains("European Respiratory Journal, 60(suppl 66), 1234."));
    let v = w.references("vancouver");
    assert_eq!(
        get(&v, "Skin tone and segmentation"),
        "Okafor N. Skin tone and segmentation. In: de Bruijne M, editor. Medical Image Computing – MICCAI 2021. \
         Vol. 12903. Cham: Springer; 2021. p. 50-60."
    );
    // Citing Medicine ch. 1, "Volume with supplement": "42 Suppl 2", not in parentheses (since r33).
    assert!(get(&v, "Abstract in a supplement").contains("2022;60 suppl 66:1234."));
    for style in ["harvard", "chicago"] {
        let m = w.references(style);
        let r = get(&m, "Skin tone and segmentation");
        assert!(r.contains("Springer") && !r.contains("12903: 50") && !r.contains(", 12903,"), "{style}: {r}");
    }
}

/// Harvard's "[Preprint]" and Chicago's "ahead of print" / "Preprint" are
/// never printed for a published or accepted work: an old article without
/// pages, a new one with a DOI, an in-press one, one without a journal.
#[test]
fn no_work_is_called_a_preprint_unless_it_is_one() {
    let w = Workdir::new();
    let bib = "@article{a, author = {Ade, Bola}, title = {Circa}, journal = {BMJ}, year = {c1998}}\n\
@article{b, author = {Early, View}, title = {Online first}, journal = {Medical Education}, year = {2024}, doi = {10.1111/medu.00001}}\n\
@article{c, author = {Zulu, Jabu}, title = {Accepted}, journal = {Lancet}, year = {in press}}\n\
@article{d, author = {Eze, Ada}, title = {No journal}, year = {2020}}\n";
    let f = w.write("p.bib", bib);
    w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
    for style in ["harvard", "chicago", "apa", "vancouver"] {
        let m = w.references(style);
        assert_eq!(m.len(), 4, "{style}: {m:#?}");
        for r in m.values() {
            let lower = r.to_lowercase();
            assert!(!lower.contains("preprint") && !lower.contains("ahead of print"), "{style}: {r}");
        }
    }
}

/// A CSV authors cell of comma-separated "Initials Family" names is read as
/// those people, each with all their initials, and prints so.
#[test]
fn a_cell_of_initials_and_family_names_is_those_people() {
    let w = Workdir::new();
    let csv = w.write(
        "n.csv",
        "title,authors,year,type,container\nName test,\"A. B. Smith, C. D. Jones, E. F. Brown\",2020,article,BMJ\n",
    );
    let err = w.ok_stderr(&["import", "reading", csv.to_str().unwrap()]);
    assert!(!err.contains("guess") && !err.contains("to be sure"), "{err}");
    assert!(get(&w.references("apa"), "Name test").starts_with("Smith, A. B., Jones, C. D., & Brown, E. F. (2020)."));
    assert!(get(&w.references("vancouver"), "Name test").starts_with("Smith AB, Jones CD, Brown EF."));
}
