//! Issue 12 (lead, r37), through the binary: another list's record of a
//! work never makes the stored one poorer; the styles' forms testers r37–r39
//! found wrong.

mod common;

use common::{reading, workdir};

/// A bare year of another year replaced PubMed's full date and cleared its
/// month and day (tester r36, #4: Web of Science's `PY  - 2024` against
/// `DP  - 2023 Nov 4`, an issue year against an online date). The fuller
/// date stays, both are said, the summary counts it, and the dry run says
/// the same; a fuller date of another year still replaces it.
#[test]
fn a_bare_year_never_replaces_a_fuller_date_of_another_year() {
    let w = workdir();
    w.import_reading(
        "pubmed.nbib",
        "PMID- 37000001\nTI  - Racism and the long road.\nFAU - Osei, Ama\nAU  - Osei A\nDP  - 2023 Nov 4\n\
         JT  - The Lancet\nAID - 10.1000/yr1 [doi]\n",
    );
    let wos = "TY  - JOUR\nTI  - Racism and the long road\nAU  - Osei, A\nPY  - 2024\nT2  - LANCET\nDO  - 10.1000/yr1\nER  - \n";
    let file = w.write("wos.ris", wos);
    let dry = w.ok(&["import", "reading", file.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("year: kept 2023-11-04 (the file gives only the year 2024)"), "{dry}");
    let err = w.import_reading("wos.ris", wos);
    assert!(
        err.contains("wos.ris:")
            && err.contains("the file gives only the year 2024; the stored date 2023-11-04 is fuller and stays")
            && err.contains("--year 2024"),
        "{err}"
    );
    assert!(err.contains("1 entry keeps its stored date against the file's other date"), "{err}");
    assert!(!err.contains("the database already holds this file"), "{err}");
    let r = reading(&w.reading_list(), "Racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2023), Some(11), Some(4)), "{r:#}");
    // A date as full, of another year, from another list: the stored date
    // stays as well, said with the edit that takes the file's (tester r47,
    // F11: the year flipped at each import; changed on purpose in session
    // r48, where this date was taken whole).
    let err = w.import_reading(
        "c.ris",
        "TY  - JOUR\nTI  - Racism and the long road\nAU  - Osei, A\nPY  - 2024\nDA  - 2024/02/01\nDO  - 10.1000/yr1\nER  - \n",
    );
    assert!(err.contains("the file gives the date 2024-02-01; the stored date 2023-11-04 stays"), "{err}");
    assert!(err.contains("--year 2024 --month 2 --day 1"), "{err}");
    let r = reading(&w.reading_list(), "Racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2023), Some(11), Some(4)), "{r:#}");
}

/// JabRef's `% Encoding: ISO-8859-2` header and EndNote's XML declaration
/// name the file's encoding; canon guessed instead (tester r35, F14), and a
/// guess can take ISO-8859-2's "ř" (0xF8) for "ø". The declared one wins,
/// and is said.
#[test]
fn the_encoding_a_file_declares_is_the_one_read() {
    let w = workdir();
    // "Dvořák, Šárka" in ISO-8859-2: ř = F8, Š = A9, á = E1.
    let mut bib = b"% This file was created with JabRef 2.10.\n% Encoding: ISO-8859-2\n\n".to_vec();
    bib.extend_from_slice(b"@article{a, author = {Dvo\xf8\xe1k, \xa9\xe1rka}, title = {Roma health in Brno},\n");
    bib.extend_from_slice(b"  journal = {Cent Eur J Public Health}, year = {2019}}\n");
    let file = w.write("l2.bib", &bib);
    let err = w.ok_stderr(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("reading it as ISO-8859-2 (the file declares \"ISO-8859-2\" at line 2)"), "{err}");
    let r = reading(&w.reading_list(), "Roma health").clone();
    assert_eq!(r["authors"][0], "Dvořák, Šárka", "{r:#}");
    // An EndNote XML file in windows-1250 that says so.
    let mut xml = b"<?xml version=\"1.0\" encoding=\"windows-1250\"?><xml><records><record>\
<ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author>Nov\xe1kov\xe1, \x8aimona</author>\
</authors></contributors><titles><title>Health of the Roma in Slovakia</title></titles>\
<dates><year>2018</year></dates></record></records></xml>"
        .to_vec();
    xml.push(b'\n');
    let file = w.write("w.xml", &xml);
    let err = w.ok_stderr(&["import", "reading", file.to_str().unwrap()]);
    assert!(err.contains("(the file declares \"windows-1250\" at line 1)"), "{err}");
    let r = reading(&w.reading_list(), "Health of the Roma").clone();
    assert_eq!(r["authors"][0], "Nováková, Šimona", "{r:#}");
}

/// A RIS note's paragraphs (continuation lines after a blank line, as
/// EndNote writes a note of several paragraphs) were joined into one line
/// (tester r35, F12); lines wrapped without a blank line are still one text.
#[test]
fn a_ris_note_keeps_its_paragraphs() {
    let w = workdir();
    w.import_reading(
        "m.ris",
        "TY  - JOUR\r\nTI  - Notes test\r\nAU  - Osei, Ama\r\nPY  - 2020\r\nN1  - First paragraph of my note.\r\n\
         Second line continues.\r\n\r\nThird after blank.\r\nT2  - The\r\nLancet\r\nER  - \r\n",
    );
    let r = reading(&w.reading_list(), "Notes test").clone();
    assert_eq!(r["annotation"], "First paragraph of my note. Second line continues.\n\nThird after blank.", "{r:#}");
    assert_eq!(r["container"], "The Lancet", "{r:#}");
}

/// AMA writes a supplement in small letters, "21(suppl 2)" (AMA Manual of
/// Style 11th ed., ch. 3); it printed the stored "(Suppl 2)" (tester r36,
/// F9). Vancouver keeps Citing Medicine's "Suppl".
#[test]
fn ama_writes_a_supplement_in_small_letters() {
    let w = workdir();
    w.import_reading(
        "s.ris",
        "TY  - JOUR\nTI  - Teaching structural competency\nAU  - Osei, Ama\nPY  - 2021\nT2  - BMC Medical Education\n\
         VL  - 21\nIS  - Suppl 2\nSP  - S12\nEP  - S18\nER  - \nTY  - JOUR\nTI  - Race in the issue supplement\n\
         AU  - Byrne, Siobhan\nPY  - 2019\nT2  - Pediatrics\nVL  - 55\nIS  - 12 Suppl 1\nSP  - 40\nEP  - 45\nER  - \n",
    );
    let refs = w.references("ama");
    let a = common::reference(&refs, "Teaching structural");
    assert!(a.contains("2021;21(suppl 2):S12-S18"), "{a}");
    let b = common::reference(&refs, "Race in the issue");
    assert!(b.contains("2019;55(12 suppl 1):40-45"), "{b}");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Teaching structural").contains("21 Suppl 2:S12-8"), "{refs:?}");
}

/// NLM's abbreviation "PLoS One" of a journal stored as "PLOS ONE" was
/// printed "PLOS ONE" in Vancouver and AMA, which cite the abbreviation: the
/// journal's case was put back over it (tester r34, #9). APA cites the
/// journal's own name.
#[test]
fn an_abbreviation_that_differs_only_in_case_is_printed_as_written() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[{"id":"a","type":"article-journal","title":"Artno study","author":[{"family":"Osei","given":"Ama"}],
        "container-title":"PLOS ONE","container-title-short":"PLoS One","issued":{"date-parts":[[2020,4,10]]},
        "volume":"15","issue":"4","page":"e0231234"}]"#,
    );
    for (style, want) in
        [("vancouver", "Artno study. PLoS One. 2020 Apr 10;15(4):e0231234."), ("ama", "Artno study. PLoS One. 2020;")]
    {
        let refs = w.references(style);
        let r = common::reference(&refs, "Artno");
        assert!(r.contains(want), "{style}: {r}");
    }
    let refs = w.references("apa");
    assert!(common::reference(&refs, "Artno").contains("PLOS ONE, 15(4)"), "{refs:?}");
}

const AOP_NBIB: &str = "PMID- 37900001\nOWN - NLM\nSTAT- Publisher\nTI  - Structural racism and maternal health: a cohort \
                        study.\nFAU - Osei, Ama\nAU  - Osei A\nFAU - Byrne, Siobhan\nAU  - Byrne S\nLA  - eng\nPT  - \
                        Journal Article\nDEP - 20231104\nTA  - Lancet\nJT  - Lancet (London, England)\nPHST- 2023/11/04 \
                        00:00 [aheadofprint]\nAID - 10.1016/S0140-6736(23)02222-2 [doi]\nPST - aheadofprint\nSO  - \
                        Lancet. 2023 Nov 4:S0140-6736(23)02222-2.\n";

/// An article published online ahead of its issue (PubMed's `PST -
/// aheadofprint`) kept its date and lost the state: no style said so. The
/// state is kept beside the year now, and each named style prints it in
/// its own words (Citing Medicine / PubMed, APA 7 §10.1 example 7, AMA 11,
/// CMOS 17, Cite Them Right).
#[test]
fn an_article_ahead_of_print_is_cited_so_in_every_style() {
    let w = workdir();
    let err = w.import_reading("aop.nbib", AOP_NBIB);
    assert!(!err.contains("PST"), "{err}");
    let r = reading(&w.reading_list(), "Structural racism").clone();
    assert_eq!(r["year_note"], "ahead of print", "{r:#}");
    let card = w.ok(&["reading", "show", "10.1016/S0140-6736(23)02222-2"]);
    assert!(card.contains("2023 (ahead of print)"), "{card}");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2023), Some(11), Some(4)), "{r:#}");
    let want = [
        ("vancouver", "Lancet. 2023 Nov 4. [Epub ahead of print]. doi:10.1016/S0140-6736(23)02222-2."),
        (
            "apa",
            "(2023). Structural racism and maternal health: A cohort study. Lancet. Advance online publication. https://doi.org/10.1016/S0140-6736(23)02222-2",
        ),
        ("ama", "Lancet. Published online November 4, 2023. doi:10.1016/S0140-6736(23)02222-2"),
        ("chicago", "Lancet, advance online publication, November 4. https://doi.org/10.1016/S0140-6736(23)02222-2."),
        ("harvard", "Lancet, online ahead of print. Available at: https://doi.org/10.1016/S0140-6736(23)02222-2."),
    ];
    for (style, text) in want {
        let refs = w.references(style);
        let got = common::reference(&refs, "Structural racism");
        assert!(got.contains(text), "{style}: {got}");
        assert_eq!(
            got.to_lowercase().matches("ahead of print").count()
                + got.matches("dvance online").count()
                + got.matches("Published online").count(),
            1,
            "{style}: {got}"
        );
    }
}

/// The published version (with its volume) ends the state and takes its
/// date, said, and `canon undo` brings the online-first record back; an
/// online-first record met after the published one changes nothing of its
/// date and sets no state.
#[test]
fn the_published_version_ends_ahead_of_print_and_not_the_other_way() {
    let w = workdir();
    w.import_reading("aop.nbib", AOP_NBIB);
    let published = "TY  - JOUR\nTI  - Structural racism and maternal health: a cohort study\nAU  - Osei, Ama\n\
                     AU  - Byrne, Siobhan\nPY  - 2024\nDA  - 2024/03/02\nT2  - The Lancet\nVL  - 403\nIS  - 10430\n\
                     SP  - 845\nEP  - 853\nDO  - 10.1016/S0140-6736(23)02222-2\nER  - \n";
    let err = w.import_reading("pub.ris", published);
    assert!(
        err.contains("year 2024 (was 2023)") && err.contains("publication state \"ahead of print\" ended"),
        "{err}"
    );
    let r = reading(&w.reading_list(), "Structural racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["volume"].as_str()), (Some(2024), Some(3), Some("403")));
    assert!(r["year_note"].is_null(), "{r:#}");
    let refs = w.references("apa");
    assert!(!common::reference(&refs, "Structural").contains("Advance online"), "{refs:?}");
    let log = w.json(&["log", "--format", "json"]);
    let last =
        log.as_array().unwrap().iter().filter(|e| e["action"] == "import").filter_map(|e| e["id"].as_i64()).max();
    w.ok(&["undo", &last.unwrap().to_string(), "--by", "tester"]);
    let r = reading(&w.reading_list(), "Structural racism").clone();
    assert_eq!(
        (r["year"].as_i64(), r["year_note"].as_str(), r["volume"].as_str()),
        (Some(2023), Some("ahead of print"), None)
    );

    // The other order: published first, then PubMed's online-first record.
    let w = workdir();
    w.import_reading("pub.ris", published);
    let err = w.import_reading("aop.nbib", AOP_NBIB);
    assert!(err.contains("of the work in press") || err.contains("stays"), "{err}");
    let r = reading(&w.reading_list(), "Structural racism").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64()), (Some(2024), Some(3)), "{r:#}");
    assert!(r["year_note"].is_null(), "{r:#}");
}

/// The state as other formats say it (a RIS note, CSL-JSON `status`,
/// biblatex `pubstate`, a CSV's publication status column, a typed
/// `--year`), kept through canon's own export and its re-import.
#[test]
fn ahead_of_print_is_read_from_every_format_and_kept_through_export() {
    let w = workdir();
    w.import_reading(
        "r.ris",
        "TY  - JOUR\nTI  - Ris aop\nAU  - Osei, Ama\nPY  - 2023\nDA  - 2023/11/04\nT2  - BMJ\nN1  - Epub ahead of print\n\
         ER  - \n",
    );
    w.import_reading(
        "c.json",
        r#"[{"id":"x","type":"article-journal","title":"Csl aop","author":[{"family":"Osei","given":"Ama"}],
        "container-title":"BMJ","status":"advance online publication","issued":{"date-parts":[[2023,11,4]]}}]"#,
    );
    w.import_reading(
        "b.bib",
        "@article{b, author={Osei, Ama}, title={Bib aop}, journal={BMJ}, year={2023}, pubstate={Online first}}\n",
    );
    w.import_reading(
        "s.csv",
        "title,authors,year,publication status\nCsv aop,\"Osei, Ama\",2023,Epub ahead of print\n",
    );
    // EndNote's Epub Date field saying so, in RIS and in its XML; PubMed's
    // history and source lines without a `PST`.
    w.import_reading(
        "et.ris",
        "TY  - JOUR\nTI  - Endnote ris aop\nAU  - Osei, Ama\nPY  - 2023\nT2  - BMJ\nET  - Epub ahead of print\nER  - \n",
    );
    w.import_reading(
        "e.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type>\
         <contributors><authors><author>Osei, Ama</author></authors></contributors><titles><title>Endnote xml aop</title>\
         <secondary-title>BMJ</secondary-title></titles><edition>Epub ahead of print</edition><dates><year>2023</year>\
         </dates></record></records></xml>\n",
    );
    let err = w.import_reading(
        "h.nbib",
        "PMID- 37900009\nTI  - Phst aop.\nAU  - Osei A\nDP  - 2023 Nov 4\nJT  - BMJ\nPHST- 2023/11/04 00:00 [aheadofprint]\n\
         SO  - BMJ. 2023 Nov 4. Epub ahead of print.\n",
    );
    assert!(!err.contains("warning"), "{err}");
    w.ok(&[
        "reading",
        "add",
        "--title",
        "Typed aop",
        "--author",
        "Osei, Ama",
        "--year",
        "2023 Nov 4 (ahead of print)",
        "--by",
        "t",
    ]);
    let list = w.reading_list();
    for t in ["Ris aop", "Csl aop", "Bib aop", "Csv aop", "Endnote ris aop", "Endnote xml aop", "Phst aop", "Typed aop"]
    {
        let r = reading(&list, t);
        assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (Some(2023), Some("ahead of print")), "{t}: {r:#}");
    }
    // A volume beside the state: the record is of the published version.
    let err = w.import_reading(
        "v.ris",
        "TY  - JOUR\nTI  - Volume aop\nAU  - Osei, Ama\nPY  - 2023\nVL  - 12\nT2  - BMJ\nN1  - Epub ahead of print\nER  - \n",
    );
    assert!(err.contains("but in volume 12: kept as published"), "{err}");
    assert!(reading(&w.reading_list(), "Volume aop")["year_note"].is_null());
    // Export and re-import: nothing changes.
    let out = w.path("export.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let err = w.ok_stderr(&["import", "reading", out.to_str().unwrap(), "--by", "t"]);
    assert!(err.contains("0 changed"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Csl aop")["year_note"], "ahead of print");
    // Typed away: a plain date ends it.
    w.ok(&[
        "reading",
        "edit",
        reading(&w.reading_list(), "Typed aop")["id"].as_i64().unwrap().to_string().as_str(),
        "--year",
        "2024 Jan 5",
        "--by",
        "t",
    ]);
    assert!(reading(&w.reading_list(), "Typed aop")["year_note"].is_null());
}

/// An article number met again as "Art. No." (RIS `C7`, Scopus) is the
/// stored pages "e0255555": nothing replaced, nothing said (tester r36,
/// F13: "pages \"Article e0255555\" (was \"e0255555\")"). And PubMed's
/// Elsevier PII (`LID - S0140-6736(23)02222-2 [pii]`) is no article number
/// (tester r36, F15: APA printed "Article S0140-…"): named as not stored.
#[test]
fn an_article_number_met_again_is_no_change_and_a_pii_is_no_article_number() {
    let w = workdir();
    w.import_reading(
        "s.bib",
        "@article{a, author={Osei, Ama}, title={Art no study}, journal={PLOS ONE}, year={2021}, volume={16},\n\
         pages={e0255555}, doi={10.1371/journal.pone.0255555}}\n",
    );
    let err = w.import_reading(
        "s.ris",
        "TY  - JOUR\nTI  - Art no study\nAU  - Osei, A.\nPY  - 2021\nT2  - PLoS ONE\nVL  - 16\nC7  - e0255555\n\
         DO  - 10.1371/journal.pone.0255555\nER  - \n",
    );
    assert!(!err.contains("pages"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Art no")["pages"], "e0255555");
    let err = w.import_reading(
        "pii.nbib",
        &AOP_NBIB.replace("AID - 10.1016", "LID - S0140-6736(23)02222-2 [pii]\nAID - 10.1016"),
    );
    assert!(err.contains("MEDLINE LID (location other than the DOI or article number)"), "{err}");
    let r = reading(&w.reading_list(), "Structural racism").clone();
    assert!(r["pages"].is_null(), "{r:#}");
    let refs = w.references("apa");
    assert!(!common::reference(&refs, "Structural racism").contains("S0140-6736(23)02222-2,"), "{refs:?}");
}

/// NLM's catalogue title of a journal with a subtitle and a parallel title
/// ("Euro surveillance : bulletin Europeen sur les maladies transmissibles =
/// European communicable disease bulletin") was printed whole, title-cased
/// ("Bulletin Europeen Sur Les…"; tester r36, F12): the title proper is
/// kept, the rest named.
#[test]
fn a_medline_catalogue_title_keeps_its_title_proper() {
    let w = workdir();
    let err = w.import_reading(
        "e.nbib",
        "PMID- 35000001\nTI  - Measles in Europe.\nFAU - Osei, Ama\nAU  - Osei A\nDP  - 2022 Mar\nTA  - Euro Surveill\n\
         JT  - Euro surveillance : bulletin Europeen sur les maladies transmissibles = European communicable disease \
         bulletin\nVI  - 27\nIP  - 12\nPG  - 2200045\n\nPMID- 35000002\nTI  - Nursing colon study.\nAU  - Osei A\n\
         DP  - 2022\nJT  - Nursing: research and reviews\nVI  - 3\n",
    );
    assert!(err.contains("MEDLINE JT (the catalogue's subtitle, parallel title or responsible body"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Measles")["container"], "Euro surveillance");
    // A title's own colon (no space before it) is the title's.
    assert_eq!(reading(&list, "Nursing colon")["container"], "Nursing: research and reviews");
    let refs = w.references("apa");
    assert!(common::reference(&refs, "Measles").contains("Euro Surveillance, 27(12)"), "{refs:?}");
}

/// Tester r40's merges that made a record poorer: PubMed's fuller title
/// without accents took them off the stored one, and its catalogue title
/// with a responsible body ("… / Ministerio da Saude, …") replaced the
/// journal (F0); a journal cut short ("Lancet" for "The Lancet Global
/// Health") and an http address replaced the stored ones (F2); a suffix
/// from another list took the written-out given name in one order of
/// import, and another suffix ("Sr." for "Jr.") replaced it in a note (F1b).
#[test]
fn another_lists_record_never_takes_accents_journals_addresses_or_names_away() {
    let w = workdir();
    w.import_reading(
        "a.json",
        r#"[{"id":"a","type":"article-journal","title":"Saúde indígena e colonialismo no Brasil",
        "author":[{"family":"Gonçalves","given":"João"}],"container-title":"Cadernos de Saúde Pública",
        "DOI":"10.1590/0102-311X00123419","issued":{"date-parts":[[2020]]}},
        {"id":"b","type":"article-journal","title":"Traditional healers and primary care",
        "author":[{"family":"Mensah","given":"Kofi"}],"container-title":"The Lancet Global Health",
        "URL":"https://www.thelancet.com/x","DOI":"10.1016/lgh.1","issued":{"date-parts":[[2020]]}}]"#,
    );
    let err = w.import_reading(
        "b.nbib",
        "PMID- 32000001\nTI  - Saude indigena e colonialismo no Brasil: uma revisao critica.\nFAU - Goncalves, Joao\n\
         AU  - Goncalves J\nDP  - 2020\nJT  - Cadernos de saude publica / Ministerio da Saude, Fundacao Oswaldo Cruz, \
         Escola\n      Nacional de Saude Publica\nTA  - Cad Saude Publica\nAID - 10.1590/0102-311X00123419 [doi]\n",
    );
    assert!(err.contains("(the stored diacritics kept)"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Saúde");
    assert_eq!(r["title"], "Saúde indígena e colonialismo no Brasil: uma revisao critica", "{r:#}");
    assert_eq!(r["container"], "Cadernos de Saúde Pública", "{r:#}");
    assert_eq!(r["authors"][0], "Gonçalves, João", "{r:#}");
    w.import_reading(
        "b.ris",
        "TY  - JOUR\nTI  - Traditional healers and primary care\nAU  - Mensah, Jr., K.\nPY  - 2020\nT2  - Lancet\n\
         UR  - http://www.thelancet.com/x\nDO  - 10.1016/LGH.1\nER  - \n",
    );
    let r = reading(&w.reading_list(), "Traditional").clone();
    assert_eq!(r["container"], "The Lancet Global Health", "{r:#}");
    assert_eq!(r["url"], "https://www.thelancet.com/x", "{r:#}");
    assert_eq!(r["authors"][0], "Mensah, Kofi, Jr.", "{r:#}");
    let err = w.import_reading(
        "c.ris",
        "TY  - JOUR\nTI  - Traditional healers and primary care\nAU  - Mensah, Kofi, Sr.\nPY  - 2020\n\
         DO  - 10.1016/lgh.1\nER  - \n",
    );
    assert!(err.contains("kept \"Mensah, Kofi, Jr.\" (the file's \"Mensah, Kofi, Sr.\" has another suffix"), "{err}");
    assert!(err.contains("1 entry keeps a stored name") && !err.contains("already holds this file"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Traditional")["authors"][0], "Mensah, Kofi, Jr.");
}

/// Tester r40, #6 and #4: PubMed's record of the online version (a date of
/// another year, no volume or pages) re-dated the published article stored
/// with its volume and pages ("2021 Dec 3;5:1-9", a date of neither); and a
/// list's `TY  - ELEC` made the stored journal article a web page. Both
/// keep the stored, said.
#[test]
fn a_record_without_volume_or_pages_never_re_dates_or_re_types_a_published_article() {
    let w = workdir();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - Osei, K.\nTI  - Year conflict\nT2  - J\nPY  - 2022\nVL  - 5\nSP  - 1\nEP  - 9\nDO  - 10.1000/yc\nER  - \n",
    );
    let err = w.import_reading(
        "b.nbib",
        "PMID- 39999999\nDP  - 2021 Dec 3\nTI  - Year conflict.\nFAU - Osei, Kwame\nAU  - Osei K\nJT  - J\n\
         AID - 10.1000/yc [doi]\n",
    );
    assert!(err.contains("the file's year 2021 is of a record without volume or pages"), "{err}");
    let r = reading(&w.reading_list(), "Year conflict").clone();
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2022), None, None), "{r:#}");
    assert_eq!(r["authors"][0], "Osei, Kwame", "{r:#}");
    let err = w.import_reading(
        "e.ris",
        "TY  - ELEC\nAU  - Osei, Kwame\nTI  - Year conflict\nPY  - 2022\nDO  - 10.1000/yc\nER  - \n",
    );
    assert!(err.contains("type: kept \"article\" (the file's \"web\""), "{err}");
    assert_eq!(reading(&w.reading_list(), "Year conflict")["type"], "article");
    let refs = w.references("vancouver");
    assert!(common::reference(&refs, "Year conflict").contains("J. 2022;5:1-9."), "{refs:?}");
}

/// A preprint recorded as a journal article with a volume and pages (as a
/// reference manager exports medRxiv) printed "Preprint posted online
/// 2022;1:1-2" in AMA (tester r40, #10): the posting date, whole.
#[test]
fn ama_gives_a_preprint_its_posting_date_whole() {
    let w = workdir();
    w.import_reading(
        "pre.json",
        r#"[{"id":"q","type":"article-journal","title":"Pulse oximetry in the ICU","author":[{"family":"Osei","given":"Kwame"}],
        "container-title":"medRxiv","volume":"1","page":"1-2","issued":{"date-parts":[[2022,2,1]]},
        "DOI":"10.1101/2022.02.01.22270000"}]"#,
    );
    let refs = w.references("ama");
    let r = common::reference(&refs, "Pulse oximetry");
    assert!(r.contains("medRxiv. Preprint posted online February 1, 2022. doi:10.1101/2022.02.01.22270000"), "{r}");
}

/// A manuscript "submitted" was cited in the journal it was sent to ("Osei
/// K. Submitted seven. The Lancet. Submitted."; tester r40, #11): no
/// style names the journal of a manuscript not yet accepted, and the import
/// says so.
#[test]
fn a_submitted_manuscript_is_cited_without_the_journal() {
    let w = workdir();
    let err = w.import_reading(
        "sub.bib",
        "@article{a7, author={Osei, Kwame}, title={Submitted seven}, journal={The Lancet}, year={submitted}}\n",
    );
    assert!(err.contains("a manuscript submitted, not yet accepted: \"The Lancet\" is kept"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Submitted seven")["container"], "The Lancet");
    for style in ["vancouver", "apa", "harvard", "chicago", "ama"] {
        let refs = w.references(style);
        let r = common::reference(&refs, "Submitted seven");
        assert!(!r.contains("Lancet") && r.to_lowercase().contains("submitted"), "{style}: {r}");
    }
}

/// Two institutions joined by "and" in a CSV authors cell were one author,
/// unsaid (tester r40, #7); one institution with "and" in its name is not
/// doubted.
#[test]
fn two_institutions_joined_by_and_are_said() {
    let w = workdir();
    let err = w.import_reading(
        "orgs.csv",
        "title,authors,year,type\nW2,\"World Health Organization and UNICEF\",2020,report\n\
         W3,\"Department of Health and Social Care\",2021,report\n",
    );
    assert!(
        err.contains("orgs.csv:2:2") && err.contains("\"World Health Organization and UNICEF\" was kept whole"),
        "{err}"
    );
    assert!(!err.contains("Department of Health and Social Care\" was kept"), "{err}");
}

/// A CSV from Excel (Windows-1252, or UTF-8 with a byte-order mark) had its
/// rejects written as UTF-8 without one, which Excel opens as Windows-1252
/// ("MÃ¼ller"; tester r40, #8): the rejects file starts with the mark.
#[test]
fn a_csv_rejects_file_from_excel_keeps_excel_reading_its_names() {
    let w = workdir();
    let cp =
        b"title,authors,year\r\nGood,\"M\xfcller, J\xfcrgen\",2020\r\nBad,\"M\xfcller, J\xfcrgen\",20x0\r\n".to_vec();
    let file = w.write("cp.csv", &cp);
    let rejects = w.path("rej.csv");
    w.ok_stderr(&[
        "import",
        "reading",
        file.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&rejects).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{bytes:?}");
    assert!(String::from_utf8_lossy(&bytes).contains("Müller, Jürgen"));
    // A plain UTF-8 file's rejects stay without one.
    let file = w.write("u.csv", "title,authors,year\nBad,\"Osei, Ama\",20x0\n");
    let rejects = w.path("rej2.csv");
    w.ok_stderr(&[
        "import",
        "reading",
        file.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert!(!std::fs::read(&rejects).unwrap().starts_with(&[0xEF, 0xBB, 0xBF]));
}

/// A later list's journal name with its diacritics ("Cadernos de Saúde
/// Pública" for a stored "Cadernos de Saude Publica") was not taken, and
/// nothing said so, while the title and names were (tester r40, #13).
#[test]
fn a_journal_name_with_its_diacritics_is_the_fuller() {
    let w = workdir();
    w.import_reading(
        "a.bib",
        "@article{s, author={Goncalves, Joao}, title={Saude indigena}, journal={Cadernos de Saude Publica},\n\
         year={2020}, doi={10.1590/x.1}}\n",
    );
    let err = w.import_reading(
        "b.json",
        r#"[{"id":"s","type":"article-journal","title":"Saúde indígena","author":[{"family":"Gonçalves","given":"João"}],
        "container-title":"Cadernos de Saúde Pública","DOI":"10.1590/x.1","issued":{"date-parts":[[2020]]}}]"#,
    );
    assert!(err.contains("container \"Cadernos de Saúde Pública\" (was \"Cadernos de Saude Publica\")"), "{err}");
    assert_eq!(reading(&w.reading_list(), "Saúde")["container"], "Cadernos de Saúde Pública");
    // And back: the plain spelling does not take them away.
    w.import_reading("a.bib", "@article{s, author={Goncalves, Joao}, title={Saude indigena}, journal={Cadernos de Saude Publica},\n year={2020}, doi={10.1590/x.1}}\n");
    assert_eq!(reading(&w.reading_list(), "Saúde")["container"], "Cadernos de Saúde Pública");
}
