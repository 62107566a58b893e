//! Tester r92 F8: a chapter's book printed in the chapter's case. The same
//! English book was title-cased under its English chapter and in its own
//! entry, and printed as written under its Polish chapter, in Chicago, MLA
//! and AMA. The book's title now follows the book's own language (its
//! stored language where the book is a stored reading, else its title's
//! words), the chapter's title the chapter's. The same kind for a journal's
//! name: Vancouver and AMA printed an English journal's name title-cased
//! under a Polish article and as written under an English one.

mod common;
use common::*;

/// The tester's file, /work/tester92/t/xref.bib, as given.
const XREF: &str = r"@incollection{okoro2019,
  author = {Okoro, Chidi},
  title = {Colonial legacies in Nigerian nursing},
  pages = {12--30},
  crossref = {globalbook}
}
@incollection{nowak2019,
  author = {Nowak, Agnieszka},
  title = {Pielęgniarki migrantki w Europie},
  pages = {31--50},
  langid = {polish},
  crossref = {globalbook}
}
@book{globalbook,
  editor = {Ferreira, João and Kaya, Mehmet},
  title = {Nursing, empire and the global south},
  booktitle = {Nursing, empire and the global south},
  publisher = {Routledge},
  address = {London},
  year = {2019},
  edition = {2},
  series = {Routledge Studies in Health},
  volume = {9}
}
@article{pending,
  author = {Hīroa, Te Rangi and Smith, Linda Tuhiwai},
  title = {Kaupapa {Māori} nursing},
  journal = {Nursing Praxis in Aotearoa New Zealand},
  year = {forthcoming}
}
";

const OKORO: &str = "Colonial legacies in Nigerian nursing";
const NOWAK: &str = "Pielęgniarki migrantki w Europie";
const BOOK: &str = "Nursing, empire and the global south";

fn xref() -> Workdir {
    let w = Workdir::new();
    w.import_reading("xref.bib", XREF);
    w
}

#[test]
fn the_tester_file_is_stored_as_written() {
    let w = xref();
    let list = w.reading_list();
    assert_eq!(reading_titled(&list, NOWAK)["language"], "pl");
    assert_eq!(reading_titled(&list, NOWAK)["container"], BOOK);
    assert_eq!(reading_titled(&list, OKORO)["language"], serde_json::Value::Null);
    assert_eq!(reading_titled(&list, OKORO)["container"], BOOK);
    assert_eq!(reading_titled(&list, BOOK)["language"], serde_json::Value::Null);
    // The container's language is read for the report, never stored or listed.
    assert!(reading_titled(&list, NOWAK).get("container_language").is_none());
}

#[test]
fn chicago_prints_the_english_book_alike_under_its_english_and_polish_chapters() {
    let refs = xref().references("chicago");
    assert_eq!(
        reference(&refs, OKORO),
        "Okoro, Chidi. 2019. “Colonial Legacies in Nigerian Nursing.” In Nursing, Empire and the Global South, 2nd \
         ed., edited by João Ferreira and Mehmet Kaya, 12–30. Routledge Studies in Health 9. Routledge."
    );
    assert_eq!(
        reference(&refs, NOWAK),
        "Nowak, Agnieszka. 2019. “Pielęgniarki migrantki w Europie.” In Nursing, Empire and the Global South, 2nd \
         ed., edited by João Ferreira and Mehmet Kaya, 31–50. Routledge Studies in Health 9. Routledge."
    );
    assert_eq!(
        reference(&refs, BOOK),
        "Ferreira, João, and Mehmet Kaya, eds. 2019. Nursing, Empire and the Global South. 2nd ed. Routledge \
         Studies in Health 9. Routledge."
    );
}

#[test]
fn mla_prints_the_english_book_alike_under_its_english_and_polish_chapters() {
    let refs = xref().references("modern-language-association");
    assert_eq!(
        reference(&refs, OKORO),
        "Okoro, Chidi. “Colonial Legacies in Nigerian Nursing.” Nursing, Empire and the Global South, edited by \
         João Ferreira and Mehmet Kaya, 2nd ed., Routledge, 2019, pp. 12–30. Routledge Studies in Health 9."
    );
    assert_eq!(
        reference(&refs, NOWAK),
        "Nowak, Agnieszka. “Pielęgniarki migrantki w Europie.” Nursing, Empire and the Global South, edited by \
         João Ferreira and Mehmet Kaya, 2nd ed., Routledge, 2019, pp. 31–50. Routledge Studies in Health 9."
    );
    assert_eq!(
        reference(&refs, BOOK),
        "Ferreira, João, and Mehmet Kaya, editors. Nursing, Empire and the Global South. 2nd ed., Routledge, 2019. \
         Routledge Studies in Health 9."
    );
}

#[test]
fn apa_and_ama_print_the_book_alike_under_both_chapters() {
    let w = xref();
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, OKORO),
        "Okoro, C. (2019). Colonial legacies in Nigerian nursing. In J. Ferreira & M. Kaya (Eds.), Nursing, empire \
         and the global south (2nd ed., pp. 12–30). Routledge."
    );
    assert_eq!(
        reference(&apa, NOWAK),
        "Nowak, A. (2019). Pielęgniarki migrantki w Europie. In J. Ferreira & M. Kaya (Eds.), Nursing, empire and \
         the global south (2nd ed., pp. 31–50). Routledge."
    );
    assert_eq!(
        reference(&apa, BOOK),
        "Ferreira, J., & Kaya, M. (Eds.). (2019). Nursing, empire and the global south (2nd ed.). Routledge."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, OKORO),
        "Okoro C. Colonial legacies in Nigerian nursing. In: Ferreira J, Kaya M, eds. Nursing, Empire and the \
         Global South. 2nd ed. Routledge Studies in Health; vol 9. Routledge; 2019:12-30."
    );
    assert_eq!(
        reference(&ama, NOWAK),
        "Nowak A. Pielęgniarki migrantki w Europie. In: Ferreira J, Kaya M, eds. Nursing, Empire and the Global \
         South. 2nd ed. Routledge Studies in Health; vol 9. Routledge; 2019:31-50."
    );
    // Vancouver still names the chapter's language, the chapter's own.
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, NOWAK),
        "Nowak A. Pielęgniarki migrantki w Europie. In: Ferreira J, Kaya M, editors. Nursing, empire and the global \
         south. 2nd ed. London: Routledge; 2019. p. 31-50. (Routledge Studies in Health; no. 9). Polish."
    );
}

/// CSL-JSON chapters with their book named only by `container-title`: a
/// Polish and a Portuguese chapter in English books, an English chapter
/// in a Portuguese book in a Portuguese series, and a Polish chapter in an
/// English book with a subtitle.
const CHAPTERS: &str = r#"[
 {"id":"a","type":"chapter","title":"Pielęgniarki migrantki w Europie","container-title":"Nursing, empire and the global south","language":"pl","author":[{"family":"Nowak","given":"Agnieszka"}],"editor":[{"family":"Ferreira","given":"João"}],"publisher":"Routledge","issued":{"date-parts":[[2019]]},"page":"31-50"},
 {"id":"b","type":"chapter","title":"Saúde indígena e colonialismo no Brasil","container-title":"Global health and the colonial archive","language":"pt-BR","author":[{"family":"Silva","given":"Ana"}],"publisher":"Palgrave","issued":{"date-parts":[[2020]]},"page":"1-20"},
 {"id":"c","type":"chapter","title":"Colonial medicine in Angola","container-title":"Saúde e colonialismo na África lusófona","author":[{"family":"Costa","given":"Rui"}],"publisher":"Fiocruz","issued":{"date-parts":[[2018]]},"page":"5-25","collection-title":"Coleção história e saúde"},
 {"id":"h","type":"chapter","title":"Pielęgniarki w imperium","language":"pl","container-title":"Nursing and empire: a global history","author":[{"family":"Zieliński","given":"Piotr"}],"publisher":"Routledge","issued":{"date-parts":[[2021]]},"page":"3-20"}
]"#;

fn chapters() -> Workdir {
    let w = Workdir::new();
    w.import_reading("chapters.json", CHAPTERS);
    w
}

#[test]
fn csl_json_chapters_in_books_of_another_language_chicago() {
    let refs = chapters().references("chicago");
    assert_eq!(
        reference(&refs, "Pielęgniarki migrantki"),
        "Nowak, Agnieszka. 2019. “Pielęgniarki migrantki w Europie.” In Nursing, Empire and the Global South, \
         edited by João Ferreira, 31–50. Routledge."
    );
    assert_eq!(
        reference(&refs, "Saúde indígena"),
        "Silva, Ana. 2020. “Saúde indígena e colonialismo no Brasil.” In Global Health and the Colonial Archive, \
         1–20. Palgrave."
    );
    // An English chapter in a Portuguese book: the book and its series as
    // written, the chapter title-cased.
    assert_eq!(
        reference(&refs, "Colonial medicine"),
        "Costa, Rui. 2018. “Colonial Medicine in Angola.” In Saúde e colonialismo na África lusófona, 5–25. \
         Coleção história e saúde. Fiocruz."
    );
    // The English book's subtitle with its capital (CMOS §8.159) under a
    // Polish chapter too.
    assert_eq!(
        reference(&refs, "Pielęgniarki w imperium"),
        "Zieliński, Piotr. 2021. “Pielęgniarki w imperium.” In Nursing and Empire: A Global History, 3–20. \
         Routledge."
    );
}

#[test]
fn csl_json_chapters_in_books_of_another_language_mla_apa_ama() {
    let w = chapters();
    let mla = w.references("modern-language-association");
    assert_eq!(
        reference(&mla, "Pielęgniarki migrantki"),
        "Nowak, Agnieszka. “Pielęgniarki migrantki w Europie.” Nursing, Empire and the Global South, edited by João \
         Ferreira, Routledge, 2019, pp. 31–50."
    );
    assert_eq!(
        reference(&mla, "Saúde indígena"),
        "Silva, Ana. “Saúde indígena e colonialismo no Brasil.” Global Health and the Colonial Archive, Palgrave, \
         2020, pp. 1–20."
    );
    assert_eq!(
        reference(&mla, "Colonial medicine"),
        "Costa, Rui. “Colonial Medicine in Angola.” Saúde e colonialismo na África lusófona, Fiocruz, 2018, pp. \
         5–25. Coleção história e saúde."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Pielęgniarki migrantki"),
        "Nowak, A. (2019). Pielęgniarki migrantki w Europie. In J. Ferreira (Ed.), Nursing, empire and the global \
         south (pp. 31–50). Routledge."
    );
    assert_eq!(
        reference(&apa, "Colonial medicine"),
        "Costa, R. (2018). Colonial medicine in Angola. In Saúde e colonialismo na África lusófona (pp. 5–25). \
         Fiocruz."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Colonial medicine"),
        "Costa R. Colonial medicine in Angola. In: Saúde e colonialismo na África lusófona. Coleção história e \
         saúde. Fiocruz; 2018:5-25."
    );
    assert_eq!(
        reference(&ama, "Pielęgniarki w imperium"),
        "Zieliński P. Pielęgniarki w imperium. In: Nursing and Empire: A Global History. Routledge; 2021:3-20."
    );
}

/// A Portuguese book stored with its language, whose title's words alone
/// would not tell it ("Medicina tradicional indígena"), with an English
/// and a Portuguese chapter by crossref.
const STORED_PT: &str = r"@incollection{costa2018,
  author = {Costa, Rui},
  title = {Traditional healers in colonial Angola},
  langid = {english},
  pages = {5--25},
  crossref = {medbook}
}
@incollection{lima2018,
  author = {Lima, Paula},
  title = {Parteiras e saberes tradicionais no Brasil},
  pages = {26--40},
  langid = {portuguese},
  crossref = {medbook}
}
@book{medbook,
  editor = {Souza, Maria},
  title = {Medicina tradicional indígena},
  publisher = {Fiocruz},
  address = {Rio de Janeiro},
  year = {2018},
  langid = {portuguese},
  series = {Coleção saúde},
  volume = {3}
}
";

#[test]
fn a_stored_book_s_language_decides_its_case_under_every_chapter() {
    let w = Workdir::new();
    w.import_reading("pt.bib", STORED_PT);
    let list = w.reading_list();
    assert_eq!(reading_titled(&list, "Medicina tradicional indígena")["language"], "pt");
    assert_eq!(reading_titled(&list, "Traditional healers in colonial Angola")["language"], "en");
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Traditional healers"),
        "Costa, Rui. 2018. “Traditional Healers in Colonial Angola.” In Medicina tradicional indígena, edited by \
         Maria Souza, 5–25. Coleção saúde 3. Fiocruz."
    );
    assert_eq!(
        reference(&chicago, "Parteiras"),
        "Lima, Paula. 2018. “Parteiras e saberes tradicionais no Brasil.” In Medicina tradicional indígena, edited \
         by Maria Souza, 26–40. Coleção saúde 3. Fiocruz."
    );
    assert_eq!(
        reference(&chicago, "Medicina tradicional"),
        "Souza, Maria, ed. 2018. Medicina tradicional indígena. Coleção saúde 3. Fiocruz."
    );
    let mla = w.references("modern-language-association");
    assert_eq!(
        reference(&mla, "Traditional healers"),
        "Costa, Rui. “Traditional Healers in Colonial Angola.” Medicina tradicional indígena, edited by Maria Souza, \
         Fiocruz, 2018, pp. 5–25. Coleção saúde 3."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Traditional healers"),
        "Costa, R. (2018). Traditional healers in colonial Angola. In M. Souza (Ed.), Medicina tradicional indígena \
         (pp. 5–25). Fiocruz."
    );
}

#[test]
fn a_stored_book_is_found_by_its_isbn_too() {
    let w = Workdir::new();
    w.import_reading(
        "isbn.json",
        r#"[
 {"id":"bk","type":"book","title":"Cuidado tradicional, segunda edição","language":"pt","ISBN":"9780306406157","editor":[{"family":"Souza","given":"Maria"}],"publisher":"Fiocruz","issued":{"date-parts":[[2018]]}},
 {"id":"ch","type":"chapter","title":"Midwives and care in rural Brazil","container-title":"Cuidado tradicional","ISBN":"9780306406157","author":[{"family":"Lima","given":"Paula"}],"publisher":"Fiocruz","issued":{"date-parts":[[2018]]},"page":"1-20"},
 {"id":"ch2","type":"chapter","title":"Care of elders in Brazil","container-title":"Cuidado tradicional","author":[{"family":"Reis","given":"Ana"}],"publisher":"Fiocruz","issued":{"date-parts":[[2018]]},"page":"21-30"}
]"#,
    );
    let refs = w.references("chicago");
    // The book with the chapter's ISBN is Portuguese: as written.
    assert_eq!(
        reference(&refs, "Midwives"),
        "Lima, Paula. 2018. “Midwives and Care in Rural Brazil.” In Cuidado tradicional, 1–20. Fiocruz."
    );
    // No ISBN and no stored book of that title: the title's own words
    // tell Portuguese ("cuidado", no English word; f105, tester r102 F2:
    // a short title in another language keeps its case), so as written.
    assert_eq!(
        reference(&refs, "Care of elders"),
        "Reis, Ana. 2018. “Care of Elders in Brazil.” In Cuidado tradicional, 21–30. Fiocruz."
    );
}

const JOURNALS: &str = r#"[
 {"id":"d","type":"article-journal","title":"Zdrowie kobiet w Polsce","container-title":"Journal of clinical nursing","language":"pl","author":[{"family":"Kowalska","given":"Ewa"}],"issued":{"date-parts":[[2017]]},"volume":"26","page":"1-9"},
 {"id":"e","type":"article-journal","title":"Nurses and migration in Poland","container-title":"Journal of clinical nursing","author":[{"family":"Kowalski","given":"Jan"}],"issued":{"date-parts":[[2017]]},"volume":"26","page":"10-19"}
]"#;

#[test]
fn a_journal_name_prints_alike_under_articles_in_any_language() {
    let w = Workdir::new();
    w.import_reading("journals.json", JOURNALS);
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Zdrowie"),
        "Kowalska E. Zdrowie kobiet w Polsce. Journal of clinical nursing. 2017;26:1-9. Polish."
    );
    assert_eq!(
        reference(&vancouver, "Nurses and migration"),
        "Kowalski J. Nurses and migration in Poland. Journal of clinical nursing. 2017;26:10-9."
    );
    let ama = w.references("ama");
    assert_eq!(
        reference(&ama, "Zdrowie"),
        "Kowalska E. Zdrowie kobiet w Polsce. Journal of clinical nursing. 2017;26:1-9."
    );
    assert_eq!(
        reference(&ama, "Nurses and migration"),
        "Kowalski J. Nurses and migration in Poland. Journal of clinical nursing. 2017;26:10-19."
    );
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Zdrowie"),
        "Kowalska, Ewa. 2017. “Zdrowie kobiet w Polsce.” Journal of Clinical Nursing 26: 1–9."
    );
    assert_eq!(
        reference(&chicago, "Nurses and migration"),
        "Kowalski, Jan. 2017. “Nurses and Migration in Poland.” Journal of Clinical Nursing 26: 10–19."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Zdrowie"),
        "Kowalska, E. (2017). Zdrowie kobiet w Polsce. Journal of Clinical Nursing, 26, 1–9."
    );
    assert_eq!(
        reference(&apa, "Nurses and migration"),
        "Kowalski, J. (2017). Nurses and migration in Poland. Journal of Clinical Nursing, 26, 10–19."
    );
}

/// The translated-title brackets of Vancouver (Citing Medicine, chapter 1;
/// AMA's original-and-translation since r95) stay decided by a stored language, or without one by the original
/// title's script: a translated book stored with its original title and
/// no language ("Pedagogy of the oppressed", "Pedagogia do oprimido") is
/// read in English and never bracketed, which a guess by the original
/// title's words would do.
#[test]
fn a_translated_title_is_bracketed_by_a_stored_language_not_by_the_original_s_words() {
    let w = Workdir::new();
    w.import_reading(
        "translated.json",
        r#"[
 {"id":"f","type":"book","title":"Pedagogy of the oppressed","original-title":"Pedagogia do oprimido","author":[{"family":"Freire","given":"Paulo"}],"publisher":"Continuum","issued":{"date-parts":[[2000]]}},
 {"id":"g","type":"article-journal","title":"Health of migrant women in Poland","original-title":"Zdrowie kobiet migrantek w Polsce","language":"pl","container-title":"Pielęgniarstwo Polskie","author":[{"family":"Nowak","given":"Ewa"}],"issued":{"date-parts":[[2016]]},"volume":"3","page":"1-9"}
]"#,
    );
    let vancouver = w.references("vancouver");
    assert_eq!(
        reference(&vancouver, "Pedagogy"),
        "Freire P. Pedagogy of the oppressed. [place unknown]: Continuum; 2000."
    );
    assert_eq!(
        reference(&vancouver, "[Health of migrant"),
        "Nowak E. [Health of migrant women in Poland]. Pielęgniarstwo Polskie. 2016;3:1-9. Polish."
    );
    let ama = w.references("ama");
    assert_eq!(reference(&ama, "Pedagogy"), "Freire P. Pedagogy of the Oppressed. Continuum; 2000.");
    // (r95: AMA gives the original title in Latin letters first, the
    // translation in brackets after it, AMA 11 §3.9.2; Vancouver keeps
    // Citing Medicine's translation alone.)
    assert_eq!(
        reference(&ama, "[Health of migrant"),
        "Nowak E. Zdrowie kobiet migrantek w Polsce [Health of migrant women in Poland]. Pielęgniarstwo Polskie. \
         2016;3:1-9."
    );
}
