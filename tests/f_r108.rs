//! Issue 12, "References as published" (F, older notes): Vancouver's and
//! AMA's "et al." after an organisation that ends a cut list of authors;
//! AMA's season before the year; IEEE's broadcast, statute date, book
//! titles and a book's editors beside its authors; readings with no author
//! or an organisation and an editor. Readings from CSL-JSON, RIS and
//! BibTeX, printed by `canon report … --style vancouver|ama|ieee`.

mod common;
use common::*;

const SEVEN_CSL: &str = r#"[
 {"id":"sixth","type":"article-journal","title":"Seven authors with a body sixth","author":[{"family":"Rahman","given":"Mohammad"},{"family":"Osei","given":"Akua"},{"family":"Mensah","given":"Kofi"},{"family":"Boateng","given":"Yaa"},{"family":"Ramsaran","given":"Devika"},{"literal":"World Health Organization"},{"family":"Otieno","given":"Peter"}],"container-title":"Lancet","volume":"390","page":"1-10","issued":{"date-parts":[[2019]]}},
 {"id":"third","type":"article-journal","title":"Seven authors with a body third","author":[{"family":"Rahman","given":"Mohammad"},{"family":"Osei","given":"Akua"},{"literal":"World Health Organization"},{"family":"Boateng","given":"Yaa"},{"family":"Ramsaran","given":"Devika"},{"family":"Mensah","given":"Kofi"},{"family":"Otieno","given":"Peter"}],"container-title":"BMJ","volume":"391","page":"11-20","issued":{"date-parts":[[2018]]}},
 {"id":"body","type":"article-journal","title":"Seven authors after a body","author":[{"literal":"World Health Organization"},{"family":"Rahman","given":"Mohammad"},{"family":"Osei","given":"Akua"},{"family":"Mensah","given":"Kofi"},{"family":"Boateng","given":"Yaa"},{"family":"Ramsaran","given":"Devika"},{"family":"Otieno","given":"Peter"}],"container-title":"BMJ","volume":"392","page":"21-30","issued":{"date-parts":[[2017]]}}
]"#;

const SEVEN_RIS: &str = "TY  - JOUR\nAU  - Rahman, Mohammad\nAU  - Osei, Akua\nAU  - Mensah, Kofi\nAU  - Boateng, Yaa\n\
AU  - Ramsaran, Devika\nAU  - World Health Organization\nAU  - Otieno, Peter\nTI  - Maternal deaths in seven districts\n\
JO  - Lancet\nVL  - 391\nSP  - 11\nEP  - 20\nPY  - 2018\nER  - \n";

const SEVEN_BIB: &str = "@article{third,\n  author = {Rahman, Mohammad and Osei, Akua and {Ministry of Health} and Boateng, \
Yaa and Ramsaran, Devika and Mensah, Kofi and Otieno, Peter},\n  title = {Malaria in the north},\n  journal = {Lancet},\n  \
volume = {392},\n  pages = {21--30},\n  year = {2017}\n}\n@article{sixth,\n  author = {Rahman, Mohammad and Osei, Akua and \
Mensah, Kofi and Boateng, Yaa and Ramsaran, Devika and {Ministry of Health} and Otieno, Peter},\n  title = {Cholera in the \
south},\n  journal = {Lancet},\n  volume = {393},\n  pages = {31--40},\n  year = {2017}\n}\n";

/// 1: "et al." follows the last kept author after a comma, an organisation
/// as a person (Citing Medicine ch. 1: "Follow the last named author by a
/// comma and \"et al.\""; AMA 11: first 3, then "et al."), in every format.
#[test]
fn et_al_after_an_organisation_follows_a_comma() {
    let w = workdir();
    w.import_reading("seven.json", SEVEN_CSL);
    w.import_reading("seven.ris", SEVEN_RIS);
    w.import_reading("seven.bib", SEVEN_BIB);
    let v = w.references("vancouver");
    assert_eq!(
        v["Seven authors with a body sixth"],
        "Rahman M, Osei A, Mensah K, Boateng Y, Ramsaran D; World Health Organization, et al. Seven authors with a \
         body sixth. Lancet. 2019;390:1-10."
    );
    assert_eq!(
        v["Seven authors with a body third"],
        "Rahman M, Osei A; World Health Organization; Boateng Y, Ramsaran D, Mensah K, et al. Seven authors with a \
         body third. BMJ. 2018;391:11-20."
    );
    assert!(
        v["Seven authors after a body"]
            .starts_with("World Health Organization; Rahman M, Osei A, Mensah K, Boateng Y, Ramsaran D, et al. Seven"),
        "{}",
        v["Seven authors after a body"]
    );
    assert!(
        v["Maternal deaths in seven districts"].starts_with(
            "Rahman M, Osei A, Mensah K, Boateng Y, Ramsaran D; World Health Organization, et al. Maternal"
        ),
        "RIS: {}",
        v["Maternal deaths in seven districts"]
    );
    assert!(
        v["Cholera in the south"]
            .starts_with("Rahman M, Osei A, Mensah K, Boateng Y, Ramsaran D; Ministry of Health, et al. Cholera"),
        "BibTeX: {}",
        v["Cholera in the south"]
    );
    for refs in [&v, &w.references("ama")] {
        for r in refs.values() {
            assert!(!r.contains("; et al."), "{r}");
        }
    }
    let a = w.references("ama");
    assert_eq!(
        a["Seven authors with a body third"],
        "Rahman M, Osei A; World Health Organization, et al. Seven authors with a body third. BMJ. 2018;391:11-20."
    );
    assert!(
        a["Malaria in the north"].starts_with("Rahman M, Osei A; Ministry of Health, et al. Malaria"),
        "{}",
        a["Malaria in the north"]
    );
    assert!(
        a["Seven authors with a body sixth"].starts_with("Rahman M, Osei A, Mensah K, et al. Seven"),
        "{}",
        a["Seven authors with a body sixth"]
    );
    assert!(
        a["Seven authors after a body"].starts_with("World Health Organization; Rahman M, Osei A, et al. Seven"),
        "{}",
        a["Seven authors after a body"]
    );
}

/// 2: AMA writes a season before the year, as a month ("Published Summer
/// 2019."), from CSL-JSON's `season` and RIS's `DA` alike; its other date
/// forms are unchanged.
#[test]
fn ama_season_before_the_year() {
    let w = workdir();
    w.import_reading(
        "dates.json",
        r#"[
 {"id":"w1","type":"webpage","title":"A summer page","author":[{"family":"Osei","given":"Akua"}],"container-title":"Health Site","URL":"https://example.org/a","issued":{"season":"Summer","date-parts":[[2019]]},"accessed":{"date-parts":[[2020,5,1]]}},
 {"id":"w2","type":"webpage","title":"A winter page","author":[{"family":"Osei","given":"Akua"}],"container-title":"Health Site","URL":"https://example.org/w","issued":{"season":"4","date-parts":[[2018]]},"accessed":{"date-parts":[[2020,5,1]]}},
 {"id":"b2","type":"book","title":"A circa book","author":[{"family":"Osei","given":"Akua"}],"publisher":"Pluto Press","publisher-place":"London","issued":{"date-parts":[[1850]],"circa":true}},
 {"id":"b3","type":"book","title":"A range book","author":[{"family":"Osei","given":"Akua"}],"publisher":"Pluto Press","publisher-place":"London","issued":{"date-parts":[[1998],[2001]]}},
 {"id":"b4","type":"book","title":"An ancient book","author":[{"family":"Osei","given":"Akua"}],"publisher":"Pluto Press","publisher-place":"London","issued":{"date-parts":[[-350]]}},
 {"id":"s1","type":"article-journal","title":"A season article","author":[{"family":"Osei","given":"Akua"}],"container-title":"Journal of Health","volume":"3","issue":"2","page":"1-10","issued":{"season":"Summer","date-parts":[[2019]]}}
]"#,
    );
    w.import_reading(
        "fall.ris",
        "TY  - ELEC\nAU  - Osei, Akua\nTI  - Autumn clinics\nT2  - Health Site\nUR  - https://example.org/c\nDA  - 2019///Fall\nY2  - 2020/05/01\nER  - \n",
    );
    let a = w.references("ama");
    assert_eq!(
        a["A summer page"],
        "Osei A. A summer page. Health Site. Published Summer 2019. Accessed May 1, 2020. https://example.org/a"
    );
    assert!(a["A winter page"].contains("Published Winter 2018."), "{}", a["A winter page"]);
    assert!(a["Autumn clinics"].contains("Published Fall 2019."), "RIS: {}", a["Autumn clinics"]);
    for r in a.values() {
        assert!(!r.contains(" Summer.") && !r.contains("2019 Summer") && !r.contains("2019 Fall"), "{r}");
    }
    assert_eq!(a["A circa book"], "Osei A. A Circa Book. Pluto Press; ca 1850.");
    assert_eq!(a["A range book"], "Osei A. A Range Book. Pluto Press; 1998–2001.");
    assert_eq!(a["An ancient book"], "Osei A. An Ancient Book. Pluto Press; 350 BC.");
    // A journal article with a volume: its year alone (AMA 11 §3.11).
    assert_eq!(a["A season article"], "Osei A. A season article. Journal of Health. 2019;3(2):1-10.");
}

/// 3: IEEE's broadcast: episode "Title," *Programme*, network, date
/// (IEEE Reference Guide 2023), from CSL `broadcast` and RIS `VIDEO` and
/// `SOUND`; never the programme inside the quotation marks.
#[test]
fn ieee_broadcast_programme_after_the_quoted_title() {
    let w = workdir();
    w.import_reading(
        "broadcast.json",
        r#"[{"id":"br","type":"broadcast","title":"The hidden history of medicine","author":[{"family":"Osei","given":"Akua"}],"container-title":"Health Matters","publisher":"BBC Radio 4","issued":{"date-parts":[[2019,3,4]]}}]"#,
    );
    w.import_reading(
        "broadcast.ris",
        "TY  - VIDEO\nAU  - Osei, Akua\nTI  - Colonial clinics\nT2  - Medicine and empire\nPB  - BBC Two\nDA  - 2020/05/12\nER  - \n\
         TY  - SOUND\nAU  - Mensah, Kofi\nTI  - Voices of the wards\nT2  - The health show\nPB  - Radio Ghana\nDA  - 2021/06/03\nER  - \n",
    );
    let i = w.references("ieee");
    assert_eq!(
        i["The hidden history of medicine"],
        "A. Osei, \u{201c}The hidden history of medicine,\u{201d} Health Matters, BBC Radio 4, Mar. 4, 2019."
    );
    assert_eq!(
        i["Colonial clinics"],
        "A. Osei, \u{201c}Colonial clinics,\u{201d} Medicine and empire, BBC Two, May 12, 2020."
    );
    assert_eq!(
        i["Voices of the wards"],
        "K. Mensah, \u{201c}Voices of the wards,\u{201d} The health show, Radio Ghana, Jun. 3, 2021."
    );
    let out = w.path("b.pdf");
    w.ok(&["report", out.to_str().expect("utf-8 path"), "--style", "ieee", "-q"]);
    if let Some(italics) = pdf_italics(&out) {
        let all = italics.join(" ");
        assert!(all.contains("Health Matters"), "the programme in italics: {italics:?}");
    }
}

/// 3: IEEE gives a statute's whole date where it is stored; a year alone
/// stays a year.
#[test]
fn ieee_statute_full_date() {
    let w = workdir();
    w.import_reading(
        "laws.json",
        r#"[
 {"id":"st","type":"legislation","title":"Mental Health Act","container-title":"Laws of Kenya","issued":{"date-parts":[[2019,3,4]]}},
 {"id":"sm","type":"legislation","title":"Public Health Act","container-title":"Laws of Kenya","issued":{"date-parts":[[2012,7]]}},
 {"id":"sy","type":"legislation","title":"Nurses Act","container-title":"Laws of Kenya","issued":{"date-parts":[[1983]]}}
]"#,
    );
    let i = w.references("ieee");
    assert_eq!(i["Mental Health Act"], "Mental Health Act (Mar. 4, 2019).");
    assert_eq!(i["Public Health Act"], "Public Health Act (Jul. 2012).");
    assert_eq!(i["Nurses Act"], "Nurses Act (1983).");
    // Vancouver keeps its own form.
    assert_eq!(w.references("vancouver")["Mental Health Act"], "Mental Health Act (2019).");
}

/// 3: IEEE's book titles and a chapter's book in title case, as published
/// (italic); an article's, a report's and a thesis's title quoted as
/// stored. CSL-JSON and BibTeX.
#[test]
fn ieee_book_titles_in_title_case() {
    let w = workdir();
    w.import_reading(
        "books.json",
        r#"[
 {"id":"bk","type":"book","title":"Black skin, white masks: the experiences of a black man","author":[{"family":"Fanon","given":"Frantz"}],"publisher":"Pluto Press","publisher-place":"London","issued":{"date-parts":[[2008]]}},
 {"id":"ch","type":"chapter","title":"The African slave trade","author":[{"family":"Rodney","given":"Walter"}],"editor":[{"family":"Shepherd","given":"Verene"}],"container-title":"Caribbean slavery in the Atlantic world","publisher":"Ian Randle","publisher-place":"Kingston","page":"119-129","issued":{"date-parts":[[2011]]}},
 {"id":"rp","type":"report","title":"World report on the health of refugees and migrants","author":[{"literal":"World Health Organization"}],"publisher":"World Health Organization","publisher-place":"Geneva","number":"WHO-1","issued":{"date-parts":[[2022]]}}
]"#,
    );
    w.import_reading(
        "books.bib",
        "@book{fanon,\n  author = {Fanon, Frantz},\n  title = {The wretched of the earth},\n  publisher = {Grove Press},\n  \
         address = {New York},\n  year = {1963}\n}\n@incollection{ch,\n  author = {Rodney, Walter},\n  title = {Education in \
         Africa},\n  booktitle = {How europe underdeveloped africa},\n  editor = {Shepherd, Verene},\n  publisher = \
         {Bogle-L'Ouverture},\n  address = {London},\n  pages = {238--261},\n  year = {1972}\n}\n@phdthesis{th,\n  author = \
         {Boateng, Yaa},\n  title = {Nursing in colonial Accra},\n  school = {University of Ghana},\n  address = {Accra},\n  \
         year = {2015}\n}\n",
    );
    let i = w.references("ieee");
    assert_eq!(
        i["Black skin, white masks: the experiences of a black man"],
        "F. Fanon, Black Skin, White Masks: The Experiences of a Black Man. London: Pluto Press, 2008."
    );
    assert_eq!(i["The wretched of the earth"], "F. Fanon, The Wretched of the Earth. New York: Grove Press, 1963.");
    assert_eq!(
        i["The African slave trade"],
        "W. Rodney, \u{201c}The African slave trade,\u{201d} in Caribbean Slavery in the Atlantic World, V. Shepherd, Ed., \
         Kingston: Ian Randle, 2011, pp. 119\u{2013}129."
    );
    assert!(
        i["Education in Africa"].contains("in How Europe Underdeveloped Africa, V. Shepherd, Ed.,"),
        "{}",
        i["Education in Africa"]
    );
    assert!(
        i["World report on the health of refugees and migrants"]
            .contains("\u{201c}World report on the health of refugees and migrants,\u{201d}"),
        "{}",
        i["World report on the health of refugees and migrants"]
    );
    assert!(
        i["Nursing in colonial Accra"].contains("\u{201c}Nursing in colonial Accra,\u{201d} PhD"),
        "{}",
        i["Nursing in colonial Accra"]
    );
}

/// 4: an organisation as author with an editor, and a work with no author
/// (title first), in the three styles, from CSL-JSON and BibTeX. IEEE
/// printed no editor beside an author.
#[test]
fn organisation_with_editor_and_no_author() {
    let w = workdir();
    w.import_reading(
        "org.json",
        r#"[
 {"id":"oe","type":"book","title":"Global health in the twenty-first century","author":[{"literal":"World Health Organization"}],"editor":[{"family":"Mensah","given":"Kofi"}],"publisher":"WHO Press","publisher-place":"Geneva","issued":{"date-parts":[[2015]]}},
 {"id":"oe2","type":"book","title":"District health in Ghana","author":[{"literal":"Ghana Health Service"}],"editor":[{"family":"Mensah","given":"Kofi"},{"family":"Boateng","given":"Yaa"}],"publisher":"GHS","publisher-place":"Accra","edition":"2","issued":{"date-parts":[[2018]]}},
 {"id":"na","type":"book","title":"An anonymous handbook of tropical medicine","publisher":"WHO Press","publisher-place":"Geneva","issued":{"date-parts":[[2015]]}},
 {"id":"nj","type":"article-journal","title":"An anonymous editorial on equity","container-title":"Lancet","volume":"390","page":"1-10","issued":{"date-parts":[[2019]]}}
]"#,
    );
    w.import_reading(
        "org.bib",
        "@book{edonly,\n  author = {{Ministry of Health}},\n  editor = {Boateng, Yaa},\n  title = {National health policy},\n  \
         publisher = {Ministry of Health},\n  address = {Accra},\n  year = {2020}\n}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(
        v["Global health in the twenty-first century"],
        "World Health Organization. Global health in the twenty-first century. Mensah K, editor. Geneva: WHO Press; 2015."
    );
    assert_eq!(
        v["National health policy"],
        "Ministry of Health. National health policy. Boateng Y, editor. Accra: Ministry of Health; 2020."
    );
    assert_eq!(
        v["An anonymous handbook of tropical medicine"],
        "An anonymous handbook of tropical medicine. Geneva: WHO Press; 2015."
    );
    assert_eq!(v["An anonymous editorial on equity"], "An anonymous editorial on equity. Lancet. 2019;390:1-10.");
    let a = w.references("ama");
    assert_eq!(
        a["Global health in the twenty-first century"],
        "World Health Organization. Global Health in the Twenty-First Century. Mensah K, ed. WHO Press; 2015."
    );
    assert_eq!(
        a["An anonymous handbook of tropical medicine"],
        "An Anonymous Handbook of Tropical Medicine. WHO Press; 2015."
    );
    assert_eq!(a["An anonymous editorial on equity"], "An anonymous editorial on equity. Lancet. 2019;390:1-10.");
    let i = w.references("ieee");
    assert_eq!(
        i["Global health in the twenty-first century"],
        "World Health Organization, Global Health in the Twenty-First Century, K. Mensah, Ed. Geneva: WHO Press, 2015."
    );
    assert_eq!(
        i["National health policy"],
        "Ministry of Health, National Health Policy, Y. Boateng, Ed. Accra: Ministry of Health, 2020."
    );
    assert!(
        i["District health in Ghana"].contains("2nd ed., K. Mensah and Y. Boateng, Eds. Accra: GHS, 2018."),
        "{}",
        i["District health in Ghana"]
    );
    assert_eq!(
        i["An anonymous handbook of tropical medicine"],
        "An Anonymous Handbook of Tropical Medicine. Geneva: WHO Press, 2015."
    );
    assert_eq!(
        i["An anonymous editorial on equity"],
        "\u{201c}An anonymous editorial on equity,\u{201d} Lancet, vol. 390, pp. 1\u{2013}10, 2019."
    );
}
