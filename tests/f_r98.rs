//! Testers r98 (F1, F4) and r99 (F2): printed references. Words in italics
//! in a title are title-cased (a species' epithet kept in small letters);
//! a work forthcoming or in press is one consistent statement in each
//! style; a reprint's original year is printed once in every bundled style.

mod common;
use common::*;

/// r98 F1: italics are a font, not a mark of case. A style that
/// title-cases titles (Chicago, MLA, turabian-author-date) cases the words
/// in `<i>` (CSL-JSON), `<style face="italic">` (EndNote XML) and
/// `\textit{}`/`\emph{}` (BibTeX) as the others; a species' name keeps its
/// epithet in small letters (CMOS 18 §8.119); braces and `<span
/// class="nocase">` still keep a word as written. Styles that do not
/// title-case print the title as stored, as before.
#[test]
fn words_in_italics_are_title_cased_and_a_species_keeps_its_epithet() {
    let w = workdir();
    w.import_reading(
        "italic.json",
        r#"[
 {"id":"i1","type":"article-journal","title":"Resistance of <i>plasmodium falciparum</i> to artemisinin in western Kenya","author":[{"family":"Otieno","given":"Grace"}],"container-title":"Malaria Journal","volume":"20","page":"1-9","issued":{"date-parts":[[2021]]}},
 {"id":"i2","type":"article-journal","title":"Task sharing for <i>hypertension</i> in rural India","author":[{"family":"Joshi","given":"Rohina"}],"container-title":"Global Heart","volume":"9","page":"10-19","issued":{"date-parts":[[2014]]}},
 {"id":"i3","type":"article-journal","title":"Outbreaks of <i>Escherichia coli</i> in the <i>vibrio cholerae</i> era and <span class=\"nocase\">mRNA</span> vaccines","author":[{"family":"Banda","given":"Ada"}],"container-title":"Lancet","volume":"3","page":"1-2","issued":{"date-parts":[[2019]]}},
 {"id":"i4","type":"book","title":"On the <i>origin of species</i>","author":[{"family":"Darwin","given":"Charles"}],"publisher":"Murray","issued":{"date-parts":[[1859]]}}
]"#,
    );
    w.import_reading(
        "it.bib",
        "@article{b1, author={Mensah, Kofi}, title={\\textit{escherichia coli} in colonial hospitals}, journal={J Hist Med}, year={2010}, volume={5}, pages={1--5}}\n\
         @article{b3, author={Mensah, Kofi}, title={Sharing \\emph{hypertension care} and {eGFR} in {de novo} clinics}, journal={J Hist Med}, year={2012}, volume={5}, pages={1--5}}\n\
         @article{b4, author={Mensah, Kofi}, title={Control of \\textit{Aedes aegypti} and \\textit{E. coli} with \\textit{homo sapiens sapiens} at home}, journal={J Hist Med}, year={2013}, volume={5}, pages={1--5}}\n",
    );
    w.import_reading(
        "e.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><xml><records><record><rec-number>3</rec-number><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author><style face="normal" font="default" size="100%">Achieng, Mary</style></author></authors></contributors>
<titles><title><style face="normal" font="default" size="100%">Task shifting for </style><style face="italic" font="default" size="100%">diabetes</style><style face="normal" font="default" size="100%"> in Kenya</style></title><secondary-title><style face="normal" font="default" size="100%">East African Medical Journal</style></secondary-title></titles>
<volume><style face="normal" font="default" size="100%">7</style></volume><pages><style face="normal" font="default" size="100%">22-30</style></pages>
<dates><year><style face="normal" font="default" size="100%">2022</style></year></dates></record></records></xml>"#,
    );
    let chicago = w.references("chicago");
    let want = [
        (
            "Resistance of",
            "Otieno, Grace. 2021. “Resistance of Plasmodium falciparum to Artemisinin in Western Kenya.” Malaria Journal 20: 1–9.",
        ),
        ("Task sharing", "Joshi, Rohina. 2014. “Task Sharing for Hypertension in Rural India.” Global Heart 9: 10–19."),
        (
            "Outbreaks",
            "Banda, Ada. 2019. “Outbreaks of Escherichia coli in the Vibrio cholerae Era and mRNA Vaccines.” Lancet 3: 1–2.",
        ),
        ("On the", "Darwin, Charles. 1859. On the Origin of Species. Murray."),
        ("\\textit{escherichia", "Mensah, Kofi. 2010. “Escherichia coli in Colonial Hospitals.” J Hist Med 5: 1–5."),
        ("Sharing", "Mensah, Kofi. 2012. “Sharing Hypertension Care and eGFR in de novo Clinics.” J Hist Med 5: 1–5."),
        (
            "Control of",
            "Mensah, Kofi. 2013. “Control of Aedes aegypti and E. coli with Homo sapiens sapiens at Home.” J Hist Med 5: 1–5.",
        ),
        (
            "Task shifting",
            "Achieng, Mary. 2022. “Task Shifting for Diabetes in Kenya.” East African Medical Journal 7: 22–30.",
        ),
    ];
    for (title, r) in want {
        assert_eq!(reference(&chicago, title), r, "chicago");
    }
    let mla = w.references("mla");
    assert_eq!(
        reference(&mla, "Resistance of"),
        "Otieno, Grace. “Resistance of Plasmodium falciparum to Artemisinin in Western Kenya.” Malaria Journal, vol. 20, 2021, pp. 1–9."
    );
    assert_eq!(
        reference(&mla, "Task sharing"),
        "Joshi, Rohina. “Task Sharing for Hypertension in Rural India.” Global Heart, vol. 9, 2014, pp. 10–19."
    );
    assert_eq!(
        reference(&mla, "Task shifting"),
        "Achieng, Mary. “Task Shifting for Diabetes in Kenya.” East African Medical Journal, vol. 7, 2022, pp. 22–30."
    );
    let turabian = w.references("turabian-author-date");
    assert_eq!(
        reference(&turabian, "Task sharing"),
        "Joshi, Rohina. 2014. “Task Sharing for Hypertension in Rural India.” Global Heart 9 (2014): 10–19."
    );
    assert_eq!(
        reference(&turabian, "Outbreaks"),
        "Banda, Ada. 2019. “Outbreaks of Escherichia coli in the Vibrio cholerae Era and mRNA Vaccines.” Lancet 3 (2019): 1–2."
    );
    // Styles that print the title as stored keep the italic words as stored.
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Resistance of"),
        "Otieno, G. (2021). Resistance of plasmodium falciparum to artemisinin in western Kenya. Malaria Journal, 20, 1–9."
    );
    assert_eq!(
        reference(&apa, "Outbreaks"),
        "Banda, A. (2019). Outbreaks of Escherichia coli in the vibrio cholerae era and mRNA vaccines. Lancet, 3, 1–2."
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Task sharing"),
        "Joshi R. Task sharing for hypertension in rural India. Global Heart. 2014;9:10-9."
    );
}

const PRESS: &str = "@incollection{sen2005,
  author = {Sen, Amartya},
  title = {Health achievement and equity},
  booktitle = {Public Health, Ethics, and Equity},
  editor = {Anand, Sudhir and Peter, Fabienne and Sen, Amartya},
  publisher = {Oxford University Press},
  address = {Oxford},
  year = {2004},
  pages = {21--34},
  pubstate = {forthcoming}
}
@incollection{nd2,
  author = {Mbeki, Thabo},
  title = {Undated chapter to come},
  booktitle = {Essays on Care},
  editor = {Kofi, Ama},
  publisher = {Oxford University Press},
  address = {Oxford},
  pages = {5--9},
  pubstate = {forthcoming}
}
@article{art1,
  author = {Osei, Kwame},
  title = {Malaria in the north},
  journal = {Malaria Journal},
  year = {2025},
  volume = {24},
  pages = {100--110},
  pubstate = {inpress}
}
@article{art2,
  author = {Addo, Kojo},
  title = {Fever without a year},
  journal = {Malaria Journal},
  pubstate = {inpress}
}
";

/// r98 F4: a chapter and an article forthcoming or in press, with and
/// without a year, in every style canon names: never a year stated as
/// published beside the state, never pages hanging off the state's word
/// (AMA's "Oxford University Press; forthcoming:21-34").
#[test]
fn a_work_not_yet_published_is_one_statement_in_each_style() {
    let w = workdir();
    w.import_reading("press.bib", PRESS);
    let titles = ["Health achievement", "Undated chapter", "Malaria in the north", "Fever without"];
    let want: [(&str, [&str; 4]); 7] = [
        (
            "vancouver",
            [
                "Sen A. Health achievement and equity. In: Anand S, Peter F, Sen A, editors. Public Health, Ethics, and Equity. Oxford: Oxford University Press; forthcoming 2004. p. 21-34.",
                "Mbeki T. Undated chapter to come. In: Kofi A, editor. Essays on Care. Oxford: Oxford University Press; forthcoming. p. 5-9.",
                "Osei K. Malaria in the north. Malaria Journal. Forthcoming 2025;24:100-10.",
                "Addo K. Fever without a year. Malaria Journal. Forthcoming.",
            ],
        ),
        (
            "apa",
            [
                "Sen, A. (in press). Health achievement and equity. In S. Anand, F. Peter, & A. Sen (Eds.), Public Health, Ethics, and Equity (pp. 21–34). Oxford University Press.",
                "Mbeki, T. (in press). Undated chapter to come. In A. Kofi (Ed.), Essays on Care (pp. 5–9). Oxford University Press.",
                "Osei, K. (in press). Malaria in the north. Malaria Journal, 24, 100–110.",
                "Addo, K. (in press). Fever without a year. Malaria Journal.",
            ],
        ),
        (
            "chicago",
            [
                "Sen, Amartya. Forthcoming. “Health Achievement and Equity.” In Public Health, Ethics, and Equity, edited by Sudhir Anand, Fabienne Peter, and Amartya Sen, 21–34. Oxford University Press.",
                "Mbeki, Thabo. Forthcoming. “Undated Chapter to Come.” In Essays on Care, edited by Ama Kofi, 5–9. Oxford University Press.",
                "Osei, Kwame. Forthcoming. “Malaria in the North.” Malaria Journal 24: 100–110.",
                "Addo, Kojo. Forthcoming. “Fever without a Year.” Malaria Journal.",
            ],
        ),
        (
            "harvard",
            [
                "Sen, A. (forthcoming) ‘Health achievement and equity’, in Anand, S., Peter, F. and Sen, A. (eds) Public Health, Ethics, and Equity. Oxford: Oxford University Press, pp. 21–34.",
                "Mbeki, T. (forthcoming) ‘Undated chapter to come’, in Kofi, A. (ed.) Essays on Care. Oxford: Oxford University Press, pp. 5–9.",
                "Osei, K. (in press) ‘Malaria in the north’, Malaria Journal, 24, pp. 100–110.",
                "Addo, K. (in press) ‘Fever without a year’, Malaria Journal.",
            ],
        ),
        (
            // MLA 9: "forthcoming" in the date's place.
            "mla",
            [
                "Sen, Amartya. “Health Achievement and Equity.” Public Health, Ethics, and Equity, edited by Sudhir Anand et al., Oxford University Press, forthcoming, pp. 21–34.",
                // Without a year too, in the date's place (tester r110 F6; MLA 9).
                "Mbeki, Thabo. “Undated Chapter to Come.” Essays on Care, edited by Ama Kofi, Oxford University Press, forthcoming, pp. 5–9.",
                "Osei, Kwame. “Malaria in the North.” Malaria Journal, vol. 24, forthcoming, pp. 100–10.",
                // Without a year too, in the date's place (tester r110 F6; MLA 9).
                // "without" small: MLA 9 §2.90 lowercases prepositions
                // whatever their length (r114 F6; was "Without").
                "Addo, Kojo. “Fever without a Year.” Malaria Journal, forthcoming.",
            ],
        ),
        (
            // AMA: the state in the year's place where nothing follows it;
            // with a year and pages or a volume, the year, then the state.
            "ama",
            [
                "Sen A. Health achievement and equity. In: Anand S, Peter F, Sen A, eds. Public Health, Ethics, and Equity. Oxford University Press; 2004:21-34. Forthcoming.",
                "Mbeki T. Undated chapter to come. In: Kofi A, ed. Essays on Care. Oxford University Press; forthcoming:5-9.",
                "Osei K. Malaria in the north. Malaria Journal. 2025;24:100-110. In press.",
                "Addo K. Fever without a year. Malaria Journal. In press.",
            ],
        ),
        (
            // IEEE: "to be published" in the date's place.
            "ieee",
            [
                "A. Sen, “Health achievement and equity,” in Public Health, Ethics, and Equity, S. Anand, F. Peter, and A. Sen, Eds., Oxford: Oxford University Press, to be published, pp. 21–34.",
                "T. Mbeki, “Undated chapter to come,” in Essays on Care, A. Kofi, Ed., Oxford: Oxford University Press, pp. 5–9. To be published.",
                "K. Osei, “Malaria in the north,” Malaria Journal, vol. 24, pp. 100–110, to be published.",
                "K. Addo, “Fever without a year,” Malaria Journal. To be published.",
            ],
        ),
    ];
    for (style, refs) in want {
        let got = w.references(style);
        for (t, r) in titles.iter().zip(refs) {
            assert_eq!(reference(&got, t), r, "{style}: {t}");
        }
    }
}

/// r99 F2: `turabian-author-date` (the Zotero CMOS 17 author-date style)
/// printed a reprint's original year with the date and again before the
/// place ("(1903) 2007. The Souls of Black Folk. 1903; Oxford: …"). Once
/// there, as Chicago prints it; and no bundled style prints the original
/// year, the translator, the edition or the archive twice.
#[test]
fn a_reprints_original_year_is_printed_once_in_every_bundled_style() {
    let w = workdir();
    w.import_reading(
        "r.csv",
        "title,authors,year,type,publisher,place,original_year\nThe Souls of Black Folk,\"Du Bois, W. E. B.\",2007,book,Oxford University Press,Oxford,1903\n",
    );
    w.import_reading(
        "f.bib",
        "@book{fanon, author={Fanon, Frantz}, translator={Philcox, Richard}, title={The Wretched of the Earth}, edition={2}, publisher={Grove Press}, address={New York}, year={2004}, origdate={1961}}\n\
         @misc{arch, author={Nkrumah, Kwame}, title={Letter to the council}, year={1957}, howpublished={Letter}, archive={National Archives of Ghana}}\n",
    );
    let turabian = w.references("turabian-author-date");
    assert_eq!(
        reference(&turabian, "The Souls"),
        "Du Bois, W. E. B. (1903) 2007. The Souls of Black Folk. Oxford: Oxford University Press."
    );
    assert_eq!(
        reference(&turabian, "The Wretched"),
        "Fanon, Frantz. (1961) 2004. The Wretched of the Earth. Translated by Richard Philcox. 2nd ed. New York: Grove Press."
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "The Souls"),
        "Du Bois, W. E. B. (1903) 2007. The Souls of Black Folk. Oxford University Press."
    );
    for style in [
        "turabian-author-date",
        "chicago",
        "apa",
        "harvard",
        "vancouver",
        "ama",
        "mla",
        "ieee",
        "chicago-author-date",
        "elsevier-harvard",
        "springer-basic-author-date",
        "american-sociological-association",
        "american-anthropological-association",
        "nature",
    ] {
        for r in w.all_references(style) {
            for once in ["1903", "1961", "Philcox", "2nd", "National Archives of Ghana", "Grove Press"] {
                assert!(r.matches(once).count() <= 1, "{style}: {once} twice in {r}");
            }
        }
    }
}
