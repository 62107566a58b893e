//! Tester r91 F1: a title in another language, stored without its language,
//! title-cased by Chicago and MLA ("Relatório Sobre a Saúde Da População
//! Negra No Brasil"). A title evidently not in English keeps its case as
//! written in every style, whatever the format it came in; an English title
//! that borrows a foreign word or name is still title-cased.

mod common;
use common::*;

/// (BibTeX entry, Chicago, MLA, APA): each reference exactly.
type Case = (&'static str, &'static str, &'static str, &'static str);

fn check(cases: &[Case]) {
    let w = Workdir::new();
    let bib: String = cases.iter().map(|c| format!("{}\n", c.0)).collect();
    w.import_reading("works.bib", &bib);
    for (style, column) in [("chicago", 1), ("mla", 2), ("apa", 3)] {
        let refs = w.all_references(style);
        for case in cases {
            let want = [case.1, case.2, case.3][column - 1];
            assert!(refs.iter().any(|r| r == want), "{style}: {want}\nnot among:\n{}", refs.join("\n"));
        }
    }
}

#[test]
fn the_testers_portuguese_article_and_report_keep_their_case() {
    let w = Workdir::new();
    w.import_reading(
        "lang2.bib",
        "@article{b, author = {Silva, João}, title = {Relatório sobre a saúde da população negra no Brasil},
  journal = {Cadernos de Saúde Pública}, year = {2022}, volume = {38}, number = {4}, pages = {1--10} }
@techreport{a, author = {{Fundação Oswaldo Cruz}}, title = {Relatório sobre a saúde da população negra no Brasil},
  institution = {Fiocruz}, address = {Rio de Janeiro}, year = {2023} }
",
    );
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IS NULL"), 2);
    assert_eq!(
        w.all_references("chicago"),
        [
            "Silva, João. 2022. “Relatório sobre a saúde da população negra no Brasil.” Cadernos de Saúde Pública 38 (4): 1–10.",
            "Fundação Oswaldo Cruz. 2023. Relatório sobre a saúde da população negra no Brasil. Fiocruz.",
        ]
    );
    assert_eq!(
        w.all_references("mla"),
        [
            "Silva, João. “Relatório sobre a saúde da população negra no Brasil.” Cadernos de Saúde Pública, vol. 38, no. 4, 2022, pp. 1–10.",
            "Fundação Oswaldo Cruz. Relatório sobre a saúde da população negra no Brasil. Fiocruz, 2023.",
        ]
    );
    assert_eq!(
        w.all_references("apa"),
        [
            "Silva, J. (2022). Relatório sobre a saúde da população negra no Brasil. Cadernos de Saúde Pública, 38(4), 1–10.",
            "Fundação Oswaldo Cruz. (2023). Relatório sobre a saúde da população negra no Brasil. Fiocruz.",
        ]
    );
}

#[test]
fn titles_in_other_languages_keep_their_case_in_every_style() {
    check(&[
        (
            "@article{it, author = {Rossi, Marco}, title = {La salute degli immigrati in Italia}, journal = {Epidemiologia}, year = {2020} }",
            "Rossi, Marco. 2020. “La salute degli immigrati in Italia.” Epidemiologia.",
            "Rossi, Marco. “La salute degli immigrati in Italia.” Epidemiologia, 2020.",
            "Rossi, M. (2020). La salute degli immigrati in Italia. Epidemiologia.",
        ),
        (
            "@article{pl, author = {Kowalska, Anna}, title = {Zdrowie kobiet w Polsce}, journal = {Medycyna}, year = {2020} }",
            "Kowalska, Anna. 2020. “Zdrowie kobiet w Polsce.” Medycyna.",
            "Kowalska, Anna. “Zdrowie kobiet w Polsce.” Medycyna, 2020.",
            "Kowalska, A. (2020). Zdrowie kobiet w Polsce. Medycyna.",
        ),
        (
            "@article{tr, author = {Yılmaz, Ayşe}, title = {Kadın sağlığı ve göç}, journal = {Toplum}, year = {2020} }",
            "Yılmaz, Ayşe. 2020. “Kadın sağlığı ve göç.” Toplum.",
            "Yılmaz, Ayşe. “Kadın sağlığı ve göç.” Toplum, 2020.",
            "Yılmaz, A. (2020). Kadın sağlığı ve göç. Toplum.",
        ),
        (
            "@article{sw, author = {Mwangi, Jane}, title = {Afya ya mama na mtoto}, journal = {Afya}, year = {2020} }",
            "Mwangi, Jane. 2020. “Afya ya mama na mtoto.” Afya.",
            "Mwangi, Jane. “Afya ya mama na mtoto.” Afya, 2020.",
            "Mwangi, J. (2020). Afya ya mama na mtoto. Afya.",
        ),
        (
            "@article{nl, author = {Jansen, Pieter}, title = {Gezondheid van migranten in Nederland}, journal = {Tijdschrift}, year = {2019} }",
            "Jansen, Pieter. 2019. “Gezondheid van migranten in Nederland.” Tijdschrift.",
            "Jansen, Pieter. “Gezondheid van migranten in Nederland.” Tijdschrift, 2019.",
            "Jansen, P. (2019). Gezondheid van migranten in Nederland. Tijdschrift.",
        ),
        (
            "@article{sv, author = {Andersson, Karin}, title = {Hälsa och vård för äldre}, journal = {Läkartidningen}, year = {2019} }",
            "Andersson, Karin. 2019. “Hälsa och vård för äldre.” Läkartidningen.",
            "Andersson, Karin. “Hälsa och vård för äldre.” Läkartidningen, 2019.",
            "Andersson, K. (2019). Hälsa och vård för äldre. Läkartidningen.",
        ),
        (
            "@article{no, author = {Hansen, Ole}, title = {Helse og omsorg i kommunene}, journal = {Tidsskrift}, year = {2019} }",
            "Hansen, Ole. 2019. “Helse og omsorg i kommunene.” Tidsskrift.",
            "Hansen, Ole. “Helse og omsorg i kommunene.” Tidsskrift, 2019.",
            "Hansen, O. (2019). Helse og omsorg i kommunene. Tidsskrift.",
        ),
        (
            "@article{id, author = {Santoso, Budi}, title = {Kesehatan ibu dan anak di Indonesia}, journal = {Jurnal}, year = {2019} }",
            "Santoso, Budi. 2019. “Kesehatan ibu dan anak di Indonesia.” Jurnal.",
            "Santoso, Budi. “Kesehatan ibu dan anak di Indonesia.” Jurnal, 2019.",
            "Santoso, B. (2019). Kesehatan ibu dan anak di Indonesia. Jurnal.",
        ),
        (
            "@article{ro, author = {Popescu, Ion}, title = {Sănătatea publică în România}, journal = {Revista}, year = {2019} }",
            "Popescu, Ion. 2019. “Sănătatea publică în România.” Revista.",
            "Popescu, Ion. “Sănătatea publică în România.” Revista, 2019.",
            "Popescu, I. (2019). Sănătatea publică în România. Revista.",
        ),
        (
            "@article{cs, author = {Novák, Jan}, title = {Zdraví dětí v České republice}, journal = {Časopis}, year = {2019} }",
            "Novák, Jan. 2019. “Zdraví dětí v České republice.” Časopis.",
            "Novák, Jan. “Zdraví dětí v České republice.” Časopis, 2019.",
            "Novák, J. (2019). Zdraví dětí v České republice. Časopis.",
        ),
        (
            "@article{vi, author = {Nguyễn, Văn An}, title = {Sức khỏe bà mẹ và trẻ em tại Việt Nam}, journal = {Tạp chí}, year = {2019} }",
            "Nguyễn, Văn An. 2019. “Sức khỏe bà mẹ và trẻ em tại Việt Nam.” Tạp chí.",
            "Nguyễn, Văn An. “Sức khỏe bà mẹ và trẻ em tại Việt Nam.” Tạp chí, 2019.",
            "Nguyễn, V. A. (2019). Sức khỏe bà mẹ và trẻ em tại Việt Nam. Tạp chí.",
        ),
        (
            "@book{pt, author = {Souza, Maria}, title = {A vida dos outros}, publisher = {Fiocruz}, year = {2018} }",
            "Souza, Maria. 2018. A vida dos outros. Fiocruz.",
            "Souza, Maria. A vida dos outros. Fiocruz, 2018.",
            "Souza, M. (2018). A vida dos outros. Fiocruz.",
        ),
        (
            "@article{de, author = {Weber, Max}, title = {Die Gesundheit der Migranten}, journal = {Gesundheitswesen}, year = {2018} }",
            "Weber, Max. 2018. “Die Gesundheit der Migranten.” Gesundheitswesen.",
            "Weber, Max. “Die Gesundheit der Migranten.” Gesundheitswesen, 2018.",
            "Weber, M. (2018). Die Gesundheit der Migranten. Gesundheitswesen.",
        ),
    ]);
}

#[test]
fn english_titles_that_borrow_a_foreign_word_or_name_are_still_title_cased() {
    check(&[
        (
            "@article{a, author = {Smith, Jane}, title = {Simone de Beauvoir and the politics of care}, journal = {Ethics}, year = {2011} }",
            "Smith, Jane. 2011. “Simone de Beauvoir and the Politics of Care.” Ethics.",
            "Smith, Jane. “Simone de Beauvoir and the Politics of Care.” Ethics, 2011.",
            "Smith, J. (2011). Simone de Beauvoir and the politics of care. Ethics.",
        ),
        (
            "@article{b, author = {Smith, Jane}, title = {La Niña and malaria in Peru}, journal = {Ethics}, year = {2012} }",
            "Smith, Jane. 2012. “La Niña and Malaria in Peru.” Ethics.",
            "Smith, Jane. “La Niña and Malaria in Peru.” Ethics, 2012.",
            "Smith, J. (2012). La Niña and malaria in Peru. Ethics.",
        ),
        (
            "@article{c, author = {Smith, Jane}, title = {Da Vinci's anatomy}, journal = {Ethics}, year = {2013} }",
            "Smith, Jane. 2013. “Da Vinci's Anatomy.” Ethics.",
            "Smith, Jane. “Da Vinci's Anatomy.” Ethics, 2013.",
            "Smith, J. (2013). Da Vinci's anatomy. Ethics.",
        ),
        (
            "@article{d, author = {Smith, Jane}, title = {No time to lose: HIV in Brazil}, journal = {Ethics}, year = {2014} }",
            "Smith, Jane. 2014. “No Time to Lose: HIV in Brazil.” Ethics.",
            "Smith, Jane. “No Time to Lose: HIV in Brazil.” Ethics, 2014.",
            "Smith, J. (2014). No time to lose: HIV in Brazil. Ethics.",
        ),
        (
            "@article{e, author = {Smith, Jane}, title = {São Paulo's favelas and health}, journal = {Ethics}, year = {2015} }",
            "Smith, Jane. 2015. “São Paulo's Favelas and Health.” Ethics.",
            "Smith, Jane. “São Paulo's Favelas and Health.” Ethics, 2015.",
            "Smith, J. (2015). São Paulo's favelas and health. Ethics.",
        ),
        (
            "@article{f, author = {Smith, Jane}, title = {El Niño: malaria in Peru}, journal = {Ethics}, year = {2016} }",
            "Smith, Jane. 2016. “El Niño: Malaria in Peru.” Ethics.",
            "Smith, Jane. “El Niño: Malaria in Peru.” Ethics, 2016.",
            "Smith, J. (2016). El Niño: Malaria in Peru. Ethics.",
        ),
        (
            "@article{g, author = {Smith, Jane}, title = {Roe v. Wade and abortion care in the United States}, journal = {Ethics}, year = {2017} }",
            "Smith, Jane. 2017. “Roe v. Wade and Abortion Care in the United States.” Ethics.",
            "Smith, Jane. “Roe v. Wade and Abortion Care in the United States.” Ethics, 2017.",
            "Smith, J. (2017). Roe v. Wade and abortion care in the United States. Ethics.",
        ),
        (
            "@article{h, author = {Smith, Jane}, title = {Médecins Sans Frontières: a history}, journal = {Ethics}, year = {2018} }",
            "Smith, Jane. 2018. “Médecins Sans Frontières: A History.” Ethics.",
            "Smith, Jane. “Médecins Sans Frontières: A History.” Ethics, 2018.",
            "Smith, J. (2018). Médecins Sans Frontières: A history. Ethics.",
        ),
        (
            "@article{i, author = {Smith, Jane}, title = {Os trigonum syndrome in dancers}, journal = {Ethics}, year = {2019} }",
            "Smith, Jane. 2019. “Os Trigonum Syndrome in Dancers.” Ethics.",
            "Smith, Jane. “Os Trigonum Syndrome in Dancers.” Ethics, 2019.",
            "Smith, J. (2019). Os trigonum syndrome in dancers. Ethics.",
        ),
    ]);
}

/// The rule is the work's, not the format's: RIS and the reading-list CSV
/// without a language are read alike.
#[test]
fn a_title_without_a_language_is_read_alike_from_ris_and_csv() {
    let w = Workdir::new();
    w.import_reading(
        "w.ris",
        "TY  - JOUR\nAU  - Rossi, Marco\nTI  - Salute e migrazione in Italia: una revisione\nJO  - Epidemiologia\nPY  - 2020\nER  - \n",
    );
    w.import_reading("w.csv", "title,authors,year,type\nZdrowie kobiet w Polsce,\"Kowalska, Anna\",2020,book\n");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IS NULL"), 2);
    let refs = w.all_references("chicago");
    assert_eq!(
        refs,
        [
            "Rossi, Marco. 2020. “Salute e migrazione in Italia: una revisione.” Epidemiologia.",
            "Kowalska, Anna. 2020. Zdrowie kobiet w Polsce.",
        ]
    );
}
