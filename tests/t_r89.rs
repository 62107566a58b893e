//! Tester 89, through the binary: the Vietnamese letters of LaTeX's T5
//! encoding and other text commands in BibTeX (F1), a season in MLA's
//! thesis date (F2), a report's number labelled once (F3), and the word
//! after a title's italic or protected span title-cased (F5).

mod common;

use common::{Workdir, reading, reference};

/// The names of a reading's authors as stored, each "family, given".
fn authors(r: &serde_json::Value) -> Vec<String> {
    r["author_names"]
        .as_array()
        .expect("author_names")
        .iter()
        .map(|a| format!("{}, {}", a["family"].as_str().unwrap_or_default(), a["given"].as_str().unwrap_or_default()))
        .collect()
}

/// Whether `s` is in Unicode's composed form (NFC) for the letters used
/// here: no combining mark is left loose.
fn composed(s: &str) -> bool {
    !s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c))
}

/// F1: `\uhorn`, `\ohorn` (and their capitals, `{\uhorn}`, `\horn{u}`,
/// `\horn u`) are the horn letters, under tone marks composed (NFC):
/// "H{\uhorn}{\ohorn}ng" was stored "Hng", the letters dropped.
#[test]
fn vietnamese_horn_letters_are_read_and_composed() {
    let w = Workdir::new();
    let said = w.import_reading(
        "uhorn.bib",
        r"@article{v1,
 author = {Tr{\`{\^{a}}}n, Th{\d{i}} H{\uhorn}{\ohorn}ng and Ph{\d{a}}m, {\DJ}{\'{\uhorn}}c and Nguy{\~{\^e}}n, Th{\h{\ohorn}}},
 title = {T{\~{\uhorn}}ng {\'{\ohorn}}t {\d{\ohorn}}p {\`{\Ohorn}}i {\h{a}} \horn{u} \horn u {\'{\horn{o}}} {\UHORN}{\Uhorn}{\OHORN}{\Ohorn} \uhorn{}a {\DD}{\dd}},
 journal = {J},
 publisher = {Nh{\`a} xu{\'{\^a}}t b{\h{a}}n},
 year = {2017}
}
",
    );
    assert!(!said.contains("warning"), "every command is known: {said}");
    let list = w.reading_list();
    let r = reading(&list, "T");
    assert_eq!(authors(r), ["Trần, Thị Hương", "Phạm, Đức", "Nguyễn, Thở"]);
    assert_eq!(r["author_names"][0]["original"], "Trần, Thị Hương");
    assert_eq!(r["title"], "Tững ớt ợp Ời ả ư ư ớ ƯƯƠƠ ưa Đđ");
    assert_eq!(r["publisher"], "Nhà xuất bản");
    for s in authors(r).iter().chain([r["title"].as_str().unwrap_or_default().to_string()].iter()) {
        assert!(composed(s), "composed: {s:?}");
    }
    // Every style prints the names as stored.
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "T"), "Trần TH, Phạm Đ, Nguyễn T. Tững ớt ợp Ời ả ư ư ớ ƯƯƠƠ ưa Đđ. J. 2017.");
    let refs = w.references("chicago");
    assert!(reference(&refs, "T").starts_with("Trần, Thị Hương, Đức Phạm, and Thở Nguyễn. 2017."), "{refs:?}");
}

/// F1, the kind: the other accents and letters of LaTeX's text encodings
/// (T1, T5, textcomp), each as its letter.
#[test]
fn latex_text_accents_and_letters_are_read() {
    let w = Workdir::new();
    let said = w.import_reading(
        "letters.bib",
        r"@book{l1, year = 2021, title = {\textcommabelow{s}i \textcommabelow{T} \k{e} \v{s} \H{o} \c{s} \b{k} \r{u} \u{g} \={a} \.{z} \d{o} \guillemotleft x\guillemotright{} \l{} \L{} \o{} \O{} \ss{} \ae{} \oe{} \aa{} \i{} \j{} \th{} \TH{} \dh{} \DH{} \ng{} \NG{} \dj{} \DJ{} \ij{} \quotedblbase{}a \textdoublegrave{a} \'{\i}}}
",
    );
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    assert_eq!(
        reading(&list, "ș")["title"],
        "și Ț ę š ő ş ḵ ů ğ ā ż ọ «x» ł Ł ø Ø ß æ œ å ı ȷ þ Þ ð Ð ŋ Ŋ đ Đ ĳ „a ȁ í"
    );
}

/// F1: a command canon does not know is never dropped silently: without
/// an argument it is kept as written (it may be a letter) and said; with
/// one its argument is kept, as before, and said.
#[test]
fn an_unknown_command_is_kept_as_written_and_said() {
    let w = Workdir::new();
    let said = w.import_reading(
        "u.bib",
        "@misc{u, year = 2022,\n  title = {A H\\weird ng, {\\weirdest}x, \\weirder{} and \\mystery{arg} end},\n  \
         author = {Tr\\'{\\^a}n, H\\uhornx{}ng}}\n",
    );
    for (col, name, kept) in [
        (15, "weird", "kept it as written".to_string()),
        (27, "weirdest", "kept it as written".to_string()),
        (40, "weirder", "kept it as written".to_string()),
        (55, "mystery", "kept its argument \"arg\"".to_string()),
    ] {
        let line =
            format!("u.bib:2:{col}: warning: in entry `u`: title: \\{name} is not a LaTeX command canon knows; {kept}");
        assert!(said.contains(&line), "{line}\n{said}");
    }
    assert!(said.contains("author: \\uhornx is not a LaTeX command canon knows; kept it as written"), "{said}");
    let list = w.reading_list();
    let r = reading(&list, "A H");
    // (A listing writes the title's own backslash escaped, `\\`, as it
    // writes a brace: the cell reads back as the same title.)
    assert_eq!(r["title"], r"A H\\weird ng, \\weirdestx, \\weirder and arg end");
    assert_eq!(authors(r), [r"Trấn, H\uhornxng"]);
    let refs = w.references("chicago");
    assert_eq!(reference(&refs, "A H"), r"Trấn, H\uhornxng. 2022. “A H\weird ng, \weirdestx, \weirder and Arg End.”");
}

/// F2: MLA dates a thesis by its year alone (its date has no month): a
/// stored season is not printed there as a numeric month ("Summer/2016.");
/// an article's and a report's season stay where MLA prints a month.
#[test]
fn mla_prints_no_season_slash_in_a_thesis_date() {
    let w = Workdir::new();
    w.import_reading(
        "zotero.json",
        r#"[{"id":"a4","type":"thesis","title":"Yorùbá concepts of illness and healing","publisher":"Obafemi Awolowo University","publisher-place":"Ile-Ife","genre":"PhD thesis",
  "author":[{"family":"Ọládàpọ̀","given":"Olúwaseun Adéwálé"}],
  "issued":{"season":"2","date-parts":[[2016]]}}]"#,
    );
    w.import_reading(
        "season.csv",
        "title,authors,year,type,container,volume,season,publisher\n\
         Season article,\"Okoro, Chidi\",2019,article,Afr J Prim Health Care,11,winter,\n\
         Season thesis,\"Okoro, Chidi\",2018,thesis,,,spring,University of Lagos\n\
         Season report,\"Okoro, Chidi\",2017,report,,,autumn,Ministry of Health\n",
    );
    let list = w.reading_list();
    assert_eq!(
        (reading(&list, "Yorùbá")["year"].as_i64(), reading(&list, "Yorùbá")["season"].as_str()),
        (Some(2016), Some("summer"))
    );
    for style in ["mla", "modern-language-association"] {
        let refs = w.references(style);
        assert_eq!(
            reference(&refs, "Yorùbá"),
            "Ọládàpọ̀, Olúwaseun Adéwálé. Yorùbá Concepts of Illness and Healing. 2016. Obafemi Awolowo University, PhD thesis."
        );
        assert_eq!(reference(&refs, "Season thesis"), "Okoro, Chidi. Season Thesis. 2018. University of Lagos.");
        assert_eq!(
            reference(&refs, "Season article"),
            "Okoro, Chidi. “Season Article.” Afr J Prim Health Care, vol. 11, Winter 2019."
        );
        assert_eq!(reference(&refs, "Season report"), "Okoro, Chidi. Season Report. Ministry of Health, Fall 2017.");
    }
    // No bundled style prints a season with a numeric date's slash.
    for style in ["vancouver", "apa", "harvard", "chicago", "ama", "modern-humanities-research-association", "ieee"] {
        for (title, r) in w.references(style) {
            for season in ["Spring", "Summer", "Fall", "Autumn", "Winter"] {
                assert!(
                    !r.contains(&format!("{season}/")) && !r.contains(&format!("/{season}")),
                    "{style}: {title}: {r}"
                );
            }
        }
    }
}

/// F3: a report's number is labelled once in MLA by any of its names
/// ("Technical report No. no. 42" with `--style mla`), and in every
/// bundled style whatever form the number is stored in: "42", "No. 42",
/// "Report 42", "WHO/HIS/2019.1".
#[test]
fn a_reports_number_is_labelled_once_in_every_style() {
    let w = Workdir::new();
    w.import_reading(
        "kinds.bib",
        r"@report{moh2020,
  author = {{Ministério da Saúde, Brasil}},
  title = {Saúde indígena: relatório anual},
  institution = {Ministério da Saúde},
  location = {Brasília},
  series = {Série B. Textos Básicos de Saúde},
  number = {42},
  type = {techreport},
  date = {2020-03}
}
",
    );
    w.import_reading(
        "rn.csv",
        "title,authors,year,type,publisher,place,issue,genre\n\
         Num only,\"Beta, B.\",2002,report,Pub,London,42,Technical report\n\
         Num No,\"Beta, B.\",2003,report,Pub,London,No. 42,Technical report\n\
         Num Report,\"Beta, B.\",2004,report,Pub,London,Report 42,\n\
         Num WHO,\"Beta, B.\",2005,report,Pub,London,WHO/HIS/2019.1,Technical report\n",
    );
    let list = w.reading_list();
    let moh = reading(&list, "Saúde");
    assert_eq!((moh["genre"].as_str(), moh["issue"].as_str()), (Some("Technical report"), Some("42")));
    assert_eq!(reading(&list, "Num No")["issue"], "42");
    assert_eq!(reading(&list, "Num Report")["issue"], "Report 42");
    let mla = "Ministério da Saúde, Brasil. Saúde indígena: relatório anual. Technical report no. 42, Ministério da Saúde, Mar. 2020. Série B. Textos Básicos de Saúde.";
    for style in ["mla", "modern-language-association"] {
        let refs = w.references(style);
        assert_eq!(reference(&refs, "Saúde"), mla);
        assert_eq!(reference(&refs, "Num only"), "Beta, B. Num Only. Technical report no. 42, Pub, 2002.");
        assert_eq!(reference(&refs, "Num No"), "Beta, B. Num No. Technical report no. 42, Pub, 2003.");
        assert_eq!(reference(&refs, "Num Report"), "Beta, B. Num Report. Report no. 42, Pub, 2004.");
        assert_eq!(reference(&refs, "Num WHO"), "Beta, B. Num WHO. Technical report WHO/HIS/2019.1, Pub, 2005.");
    }
    let expected: &[(&str, [&str; 4])] = &[
        (
            "vancouver",
            [
                "Beta B. Num only. London: Pub; 2002. Technical report No.: 42.",
                "Beta B. Num No. London: Pub; 2003. Technical report No.: 42.",
                "Beta B. Num Report. London: Pub; 2004. Report No.: 42.",
                "Beta B. Num WHO. London: Pub; 2005. Technical report No.: WHO/HIS/2019.1.",
            ],
        ),
        (
            "apa",
            [
                "Beta, B. (2002). Num only (Technical Report No. 42). Pub.",
                "Beta, B. (2003). Num No (Technical Report No. 42). Pub.",
                "Beta, B. (2004). Num Report (Report No. 42). Pub.",
                "Beta, B. (2005). Num WHO (Technical Report No. WHO/HIS/2019.1). Pub.",
            ],
        ),
        (
            "harvard",
            [
                "Beta, B. (2002) Num only. Technical report No. 42. London: Pub.",
                "Beta, B. (2003) Num No. Technical report No. 42. London: Pub.",
                "Beta, B. (2004) Num Report. Report No. 42. London: Pub.",
                "Beta, B. (2005) Num WHO. Technical report No. WHO/HIS/2019.1. London: Pub.",
            ],
        ),
        (
            "chicago",
            [
                "Beta, B. 2002. Num Only. Technical Report No. 42. Pub.",
                "Beta, B. 2003. Num No. Technical Report No. 42. Pub.",
                "Beta, B. 2004. Num Report. Report No. 42. Pub.",
                "Beta, B. 2005. Num WHO. Technical Report No. WHO/HIS/2019.1. Pub.",
            ],
        ),
        (
            "ama",
            [
                "Beta B. Num Only. Pub; 2002. Technical report 42.",
                "Beta B. Num No. Pub; 2003. Technical report 42.",
                "Beta B. Num Report. Pub; 2004. Report No. 42.",
                "Beta B. Num WHO. Pub; 2005. Technical report WHO/HIS/2019.1.",
            ],
        ),
        (
            "modern-humanities-research-association",
            [
                "Beta, B., Num Only, Technical report no. 42 (Pub, 2002)",
                "Beta, B., Num No, Technical report no. 42 (Pub, 2003)",
                "Beta, B., Num Report, Report no. 42 (Pub, 2004)",
                "Beta, B., Num WHO, Technical report No. WHO/HIS/2019.1 (Pub, 2005)",
            ],
        ),
    ];
    for (style, want) in expected {
        let refs = w.references(style);
        for (title, want) in ["Num only", "Num No", "Num Report", "Num WHO"].iter().zip(want) {
            assert_eq!(reference(&refs, title), *want, "{style}");
        }
    }
    // No bundled style labels a number twice.
    for style in ["nlm-citation-sequence", "chicago-author-date", "american-psychological-association", "ieee"] {
        for (title, r) in w.references(style) {
            let lower = r.to_lowercase();
            assert!(!lower.contains("no. no.") && !lower.contains("no. report 42"), "{style}: {title}: {r}");
        }
    }
}

/// F5: in the title-case styles the word after an italic species name (or
/// any span kept as written) that begins the title is title-cased; the
/// span keeps its own case ("Plasmodium falciparum resistance in Rural
/// Clinics"). Zotero's `<i>…</i>` and BibTeX's markup alike.
#[test]
fn the_word_after_a_leading_kept_span_is_title_cased() {
    let w = Workdir::new();
    w.import_reading(
        "ital.json",
        r#"[{"id":"i1","type":"article-journal","title":"<i>Plasmodium falciparum</i> resistance in rural clinics","container-title":"Malaria Journal","author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2021]]}},
{"id":"i2","type":"article-journal","title":"Malaria and <i>Anopheles</i> mosquitoes in rural areas of the north","container-title":"Malaria Journal","author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2022]]}},
{"id":"i3","type":"article-journal","title":"<sc>nhs</sc> services in rural england","container-title":"J","author":[{"family":"Mensah","given":"Kofi"}],"issued":{"date-parts":[[2014]]}}]"#,
    );
    w.import_reading(
        "ital.bib",
        r"@article{t1, author = {Osei, Ama}, title = {\textit{Plasmodium vivax} relapse in Ghana {\&} Vietnam: a comparative study}, journal = {Malaria Journal}, year = 2020}
@article{t2, author = {Osei, Ama}, title = {\emph{Escherichia coli} in colonial hospitals}, journal = {J}, year = 2019}
@article{t3, author = {Osei, Ama}, title = {{\it Homo sapiens} genomes from west africa}, journal = {J}, year = 2018}
@article{t4, author = {Osei, Ama}, title = {{mRNA} vaccines for older adults}, journal = {J}, year = 2017}
@article{t5, author = {Osei, Ama}, title = {\textbf{Bold} claims about malaria}, journal = {J}, year = 2015}
",
    );
    let list = w.reading_list();
    assert_eq!(
        reading(&list, r"\textit{Plasmodium falciparum}")["title"],
        r"\textit{Plasmodium falciparum} resistance in rural clinics"
    );
    assert_eq!(
        reading(&list, r"\textit{Plasmodium vivax}")["title"],
        r"\textit{Plasmodium vivax} relapse in Ghana & Vietnam: a comparative study"
    );
    let chicago = [
        (
            r"\textit{Plasmodium falciparum}",
            "Mensah, Kofi. 2021. “Plasmodium falciparum Resistance in Rural Clinics.” Malaria Journal.",
        ),
        (
            "Malaria and",
            "Mensah, Kofi. 2022. “Malaria and Anopheles Mosquitoes in Rural Areas of the North.” Malaria Journal.",
        ),
        (r"\textsc{nhs}", "Mensah, Kofi. 2014. “NHS Services in Rural England.” J."),
        (
            r"\textit{Plasmodium vivax}",
            "Osei, Ama. 2020. “Plasmodium vivax Relapse in Ghana & Vietnam: A Comparative Study.” Malaria Journal.",
        ),
        (r"\textit{Escherichia", "Osei, Ama. 2019. “Escherichia coli in Colonial Hospitals.” J."),
        (r"\textit{Homo", "Osei, Ama. 2018. “Homo sapiens Genomes from West Africa.” J."),
        ("{mRNA}", "Osei, Ama. 2017. “mRNA Vaccines for Older Adults.” J."),
        (r"\textbf{Bold}", "Osei, Ama. 2015. “Bold Claims About Malaria.” J."),
    ];
    let refs = w.references("chicago");
    for (title, want) in chicago {
        assert_eq!(reference(&refs, title), want);
    }
    let refs = w.references("mla");
    assert_eq!(
        reference(&refs, r"\textit{Plasmodium falciparum}"),
        "Mensah, Kofi. “Plasmodium falciparum Resistance in Rural Clinics.” Malaria Journal, 2021."
    );
    assert_eq!(
        reference(&refs, r"\textit{Escherichia"),
        "Osei, Ama. “Escherichia coli in Colonial Hospitals.” J, 2019."
    );
    // A sentence-case style leaves the words as written, the space kept.
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, r"\textit{Plasmodium falciparum}"),
        "Mensah, K. (2021). Plasmodium falciparum resistance in rural clinics. Malaria Journal."
    );
    assert_eq!(reference(&refs, r"\textit{Escherichia"), "Osei, A. (2019). Escherichia coli in colonial hospitals. J.");
}
