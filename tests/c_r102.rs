//! Printed references left wrong by tester101 in IEEE (and MLA's legal
//! cases): a chapter whose book title begins with its series' name (F3);
//! a web page or data set without its site and date (F5); a proceedings
//! paper without its volume (F11); a report's genre with canon's "No."
//! label; a legal case printed as a report in MLA, and its docket number
//! left out of the legal form.

mod common;
use common::*;

/// Asserts each `(title, reference)` of `want` in `style`.
fn assert_refs(w: &Workdir, style: &str, want: &[(&str, &str)]) {
    let refs = w.references(style);
    for (title, expected) in want {
        assert_eq!(reference(&refs, title), *expected, "{style}: {title}");
    }
}

/// F3: the book's title is printed whole, the series once, in parentheses
/// after the book and its editors, when the title begins with the series'
/// name or is the series' name; a series that is no prefix is unchanged.
#[test]
fn f3_a_book_title_that_begins_with_its_series_is_not_cut() {
    let w = workdir();
    w.import_reading(
        "series.csv",
        "title,authors,editors,year,type,container,series,publisher,place,pages\n\
         Traditional medicine and primary care,\"Mills, Anne\",\"Jamison, Dean T.\",2006,chapter,Disease Control \
         Priorities in Developing Countries,Disease Control Priorities,World Bank,Washington DC,1281-1292\n\
         Health in the colonies,\"Arnold, David\",,1988,chapter,Imperial Medicine and Indigenous Societies,Studies in \
         Imperialism,Manchester University Press,Manchester,1-26\n",
    );
    w.import_reading(
        "f3.bib",
        "@incollection{b, author={Arnold, David}, title={Smallpox and the state}, booktitle={Studies in Imperialism},\n\
         series={Studies in Imperialism}, publisher={Manchester University Press}, address={Manchester}, year={1988},\n\
         pages={1--26}}\n\
         @incollection{d, author={Vaughan, Megan}, title={Healing and curing}, booktitle={Medicine and Society in \
         Africa},\n editor={Feierman, Steven}, series={Medicine and Society}, number={2}, publisher={Heinemann},\n\
         address={London}, year={1991}, pages={10--20}}\n\
         @book{c, author={Lyons, Maryinez}, title={African Studies in Sleeping Sickness}, series={African Studies},\n\
         number={70}, publisher={Cambridge University Press}, address={Cambridge}, year={1992}}\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Traditional medicine",
                "A. Mills, “Traditional medicine and primary care,” in Disease Control Priorities in Developing \
                 Countries, D. T. Jamison, Ed. (Disease Control Priorities). Washington DC: World Bank, 2006, pp. \
                 1281–1292.",
            ),
            (
                "Health in the colonies",
                "D. Arnold, “Health in the colonies,” in Imperial Medicine and Indigenous Societies (Studies in \
                 Imperialism). Manchester: Manchester University Press, 1988, pp. 1–26.",
            ),
            (
                "Smallpox and the state",
                "D. Arnold, “Smallpox and the state,” in Studies in Imperialism (Studies in Imperialism). Manchester: \
                 Manchester University Press, 1988, pp. 1–26.",
            ),
            (
                "Healing and curing",
                "M. Vaughan, “Healing and curing,” in Medicine and Society in Africa, S. Feierman, Ed. (Medicine and \
                 Society, no. 2). London: Heinemann, 1991, pp. 10–20.",
            ),
            (
                "African Studies in Sleeping Sickness",
                "M. Lyons, African Studies in Sleeping Sickness (African Studies, no. 70). Cambridge: Cambridge \
                 University Press, 1992.",
            ),
        ],
    );
    // Chicago as before.
    assert_refs(
        &w,
        "chicago",
        &[(
            "Traditional medicine",
            "Mills, Anne. 2006. “Traditional Medicine and Primary Care.” In Disease Control Priorities in Developing \
             Countries, edited by Dean T. Jamison, 1281–92. Disease Control Priorities. World Bank.",
        )],
    );
}

/// F3's PubMed Bookshelf record (`BTI` the book, `CTI` its series).
#[test]
fn f3_a_bookshelf_chapter_in_its_series() {
    let w = workdir();
    w.import_reading(
        "pm.nbib",
        "PMID- 21250309\nTI  - Traditional medicine and primary care.\nFAU - Mills, Anne\nAU  - Mills A\n\
         FED - Jamison, Dean T\nED  - Jamison DT\nDP  - 2006\nPG  - 1281-1292\nBTI - Disease Control Priorities in \
         Developing Countries\nCTI - Disease Control Priorities\nPB  - World Bank\nPL  - Washington (DC)\n\
         PT  - Review\nPT  - Book Chapter\n",
    );
    let refs = w.references("ieee");
    let printed = reference(&refs, "Traditional medicine");
    assert!(
        printed.contains(
            "in Disease Control Priorities in Developing Countries, D. T. Jamison, Ed. (Disease Control \
             Priorities). Washington (DC): World Bank, 2006"
        ),
        "{printed}"
    );
}

/// F5: a web page with its site and its date, a data set with its
/// publisher, date and version, in IEEE's forms; the other styles keep
/// theirs.
#[test]
fn f5_web_pages_and_data_sets_print_their_site_and_date_in_ieee() {
    let w = workdir();
    w.import_reading(
        "bl.bib",
        "@online{blog,\n  author = {Táíwò, Olúfẹ́mi O.},\n  title = {Being-in-the-room privilege},\n  \
         date = {2020-05-12},\n  url = {https://www.thephilosopher1923.org/essay-taiwo},\n  urldate = {2024-03-05},\n  \
         organization = {The Philosopher}\n}\n\
         @misc{data,\n  author = {{Demographic and Health Surveys Program}},\n  title = {Nigeria DHS 2018 dataset},\n  \
         year = {2019},\n  howpublished = {ICF},\n  url = {https://dhsprogram.com/data/},\n  note = {Data set}\n}\n\
         @dataset{dhs,\n  author = {{ICF International}},\n  title = {Kenya Demographic and Health Survey 2014},\n  \
         year = {2015},\n  version = {2.0},\n  publisher = {ICF},\n  doi = {10.1234/kdhs.2014}\n}\n",
    );
    w.import_reading(
        "ds.json",
        r#"[{"id":"d2","type":"dataset","title":"Household survey 2019","author":[{"literal":"Kenya National Bureau of Statistics"}],"publisher":"KNBS","URL":"https://example.org/hs","issued":{"date-parts":[[2020,3,4]]},"accessed":{"date-parts":[[2024,1,9]]}},
{"id":"w1","type":"webpage","title":"Decolonising global health","author":[{"family":"Abimbola","given":"Seye"}],"container-title":"Think Global Health","URL":"https://example.org/w1","issued":{"date-parts":[[2021,3,5]]},"accessed":{"date-parts":[[2024,2,1]]}},
{"id":"w2","type":"webpage","title":"Health topics","author":[{"literal":"World Health Organization"}],"URL":"https://example.org/w2","issued":{"date-parts":[[2022]]}},
{"id":"w3","type":"webpage","title":"Undated page","URL":"https://example.org/w3","container-title":"Site X"},
{"id":"w4","type":"post-weblog","title":"A blog post","author":[{"family":"Osei","given":"Ama"}],"container-title":"The Blog","URL":"https://example.org/w4","issued":{"date-parts":[[2023,11]]}},
{"id":"w5","type":"webpage","title":"Why decolonise?","container-title":"Site Y","URL":"https://example.org/w5","issued":{"date-parts":[[2019]]}}]"#,
    );
    w.import_reading(
        "en.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records><record><rec-number>6</rec-number>\
         <ref-type name=\"Dataset\">59</ref-type>\
         <contributors><authors><author>Statistics South Africa,</author></authors></contributors>\
         <titles><title>Census 2011</title></titles>\
         <dates><year>2012</year></dates><publisher>DataFirst</publisher><edition>1.2</edition>\
         <electronic-resource-num>https://doi.org/10.25828/ABCD-1234</electronic-resource-num>\
         </record></records></xml>",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Being-in-the-room privilege",
                "O. O. Táíwò, “Being-in-the-room privilege,” The Philosopher, May 12, 2020. Accessed: Mar. 5, 2024. \
                 [Online]. Available: https://www.thephilosopher1923.org/essay-taiwo",
            ),
            (
                "Nigeria DHS",
                "Demographic and Health Surveys Program, “Nigeria DHS 2018 dataset,” ICF, 2019. [Online]. Available: \
                 https://dhsprogram.com/data/",
            ),
            (
                "Kenya Demographic",
                "ICF International, “Kenya Demographic and Health Survey 2014,” Version 2.0, ICF, 2015. doi: \
                 10.1234/kdhs.2014.",
            ),
            (
                "Census 2011",
                "Statistics South Africa, “Census 2011,” Version 1.2, DataFirst, 2012. doi: 10.25828/ABCD-1234.",
            ),
            (
                "Household survey",
                "Kenya National Bureau of Statistics, “Household survey 2019,” KNBS, Mar. 4, 2020. Accessed: Jan. 9, \
                 2024. [Online]. Available: https://example.org/hs",
            ),
            (
                "Decolonising global health",
                "S. Abimbola, “Decolonising global health,” Think Global Health, Mar. 5, 2021. Accessed: Feb. 1, \
                 2024. [Online]. Available: https://example.org/w1",
            ),
            (
                "Health topics",
                "World Health Organization, “Health topics,” 2022. [Online]. Available: https://example.org/w2",
            ),
            ("Undated page", "“Undated page,” Site X. [Online]. Available: https://example.org/w3"),
            ("A blog post", "A. Osei, “A blog post,” The Blog, Nov. 2023. [Online]. Available: https://example.org/w4"),
            ("Why decolonise?", "“Why decolonise?” Site Y, 2019. [Online]. Available: https://example.org/w5"),
        ],
    );
    // The other styles as they were.
    assert_refs(
        &w,
        "vancouver",
        &[
            (
                "Being-in-the-room privilege",
                "Táíwò OO. Being-in-the-room privilege [Internet]. The Philosopher; 2020 May 12 [cited 2024 Mar 5]. \
                 Available from: https://www.thephilosopher1923.org/essay-taiwo",
            ),
            (
                "Kenya Demographic",
                "ICF International. Kenya Demographic and Health Survey 2014 [data set]. Version 2.0. ICF; 2015. \
                 doi:10.1234/kdhs.2014",
            ),
        ],
    );
    assert_refs(
        &w,
        "mla",
        &[(
            "Kenya Demographic",
            "ICF International. Kenya Demographic and Health Survey 2014. Data set. Version 2.0, ICF, 2015, \
             https://doi.org/10.1234/kdhs.2014.",
        )],
    );
    assert_refs(
        &w,
        "apa",
        &[(
            "Census 2011",
            "Statistics South Africa. (2012). Census 2011 (Version 1.2) [Data set]. DataFirst. \
             https://doi.org/10.25828/ABCD-1234",
        )],
    );
}

/// F11: a proceedings paper's volume after the proceedings' title, with or
/// without editors; proceedings in a journal keep the journal's form.
#[test]
fn f11_ieee_prints_a_proceedings_volume() {
    let w = workdir();
    w.import_reading(
        "en2.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records><record><rec-number>2</rec-number>\
         <ref-type name=\"Conference Proceedings\">10</ref-type>\
         <contributors><authors><author>Okeke, Chinonso, Jr.</author><author>Bhattacharya, Sanjoy</author></authors>\
         <secondary-authors><author>Mehta, Priya</author></secondary-authors></contributors>\
         <titles><title>Smallpox eradication and the colonial state in India</title>\
         <secondary-title>Proceedings of the International Congress on the History of Medicine</secondary-title></titles>\
         <pages>210-225</pages><volume>2</volume>\
         <dates><year>2018</year></dates><pub-location>New Delhi</pub-location><publisher>ICHM</publisher>\
         </record></records></xml>",
    );
    w.import_reading(
        "f11.csv",
        "title,authors,year,type,container,volume,publisher,place,pages\n\
         Cholera in Bombay,\"Rao, Meera\",2019,conference-paper,Proceedings of the Asian Medical History Meeting,3,\
         AMHM,Mumbai,5-9\n\
         Plague and the port,\"Rao, Meera\",2020,conference-paper,European Respiratory Journal,56,,,A101\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            (
                "Smallpox eradication",
                "C. Okeke Jr. and S. Bhattacharya, “Smallpox eradication and the colonial state in India,” in \
                 Proceedings of the International Congress on the History of Medicine, vol. 2, P. Mehta, Ed., New \
                 Delhi: ICHM, 2018, pp. 210–225.",
            ),
            (
                "Cholera in Bombay",
                "M. Rao, “Cholera in Bombay,” in Proceedings of the Asian Medical History Meeting, vol. 3, Mumbai: \
                 AMHM, 2019, pp. 5–9.",
            ),
            (
                "Plague and the port",
                "M. Rao, “Plague and the port,” European Respiratory Journal, vol. 56, p. A101, 2020.",
            ),
        ],
    );
    assert_refs(
        &w,
        "vancouver",
        &[(
            "Cholera in Bombay",
            "Rao M. Cholera in Bombay. In: Proceedings of the Asian Medical History Meeting. Vol. 3. Mumbai: AMHM; \
             2019. p. 5-9.",
        )],
    );
}

/// A report's genre and its number in IEEE as the guide writes "Tech. Memo.
/// NGL-006-69-3": the genre, then the number, without canon's "No."; a
/// last word "report" as "Rep."; a report without a genre "Rep. 42", a
/// technical report "Tech. Rep. 964", as before.
#[test]
fn an_ieee_reports_genre_labels_its_number_as_the_guide_does() {
    let w = workdir();
    w.import_reading(
        "reps.csv",
        "title,authors,year,type,genre,number,publisher,place\n\
         Policy one,\"Mensah, Kofi\",2019,report,Policy brief,12,IDS,Brighton\n\
         Working one,\"Mensah, Kofi\",2019,report,Working paper,WP-7,IDS,Brighton\n\
         Research one,\"Mensah, Kofi\",2019,report,Research report,3,IDS,Brighton\n\
         Technical one,\"Mensah, Kofi\",2019,report,Technical report,964,IDS,Brighton\n\
         Plain one,\"Mensah, Kofi\",2019,report,,42,IDS,Brighton\n",
    );
    w.import_reading(
        "reps.bib",
        "@report{a, author={Mensah, Kofi}, title={Bib working}, type={Working Paper}, number={7}, institution={IDS},\n\
         address={Brighton}, year={2019}}\n",
    );
    assert_refs(
        &w,
        "ieee",
        &[
            ("Policy one", "K. Mensah, “Policy one,” IDS, Brighton, Policy brief 12, 2019."),
            ("Working one", "K. Mensah, “Working one,” IDS, Brighton, Working paper WP-7, 2019."),
            ("Research one", "K. Mensah, “Research one,” IDS, Brighton, Research Rep. 3, 2019."),
            ("Technical one", "K. Mensah, “Technical one,” IDS, Brighton, Tech. Rep. 964, 2019."),
            ("Plain one", "K. Mensah, “Plain one,” IDS, Brighton, Rep. 42, 2019."),
            ("Bib working", "K. Mensah, “Bib working,” IDS, Brighton, Working Paper 7, 2019."),
        ],
    );
    // MLA labels the number itself, as before.
    assert_refs(&w, "mla", &[("Policy one", "Mensah, Kofi. Policy One. Policy brief no. 12, IDS, 2019.")]);
}

const CASES: &str = r#"[{"id":"c1","type":"legal_case","title":"Montgomery v Lanarkshire Health Board","authority":"UK Supreme Court","container-title":"AC","volume":"2015","page":"1430","number":"[2015] UKSC 11","issued":{"date-parts":[[2015]]}},
{"id":"c2","type":"legal_case","title":"Roe v. Wade","container-title":"U.S.","volume":"410","page":"113","issued":{"date-parts":[[1973]]}},
{"id":"c3","type":"legal_case","title":"Docket Only v State","number":"11","issued":{"date-parts":[[2019]]}},
{"id":"c4","type":"legal_case","title":"Court Number v Board","authority":"High Court of Kenya","number":"11","issued":{"date-parts":[[2019]]}},
{"id":"c5","type":"legal_case","title":"Court Only v Board","authority":"Supreme Court of India","issued":{"date-parts":[[2018]]},"URL":"https://example.org/c5"},
{"id":"c7","type":"legal_case","title":"Petition v Union","authority":"Supreme Court of India","number":"Writ Petition (Civil) No. 13029 of 1985","issued":{"date-parts":[[1986,12,20]]}}]"#;

/// A legal case in MLA in the Bluebook's form, as the other styles cite it
/// (its bundled style printed "No. 11, Legal case no. 11"); an unreported
/// case's docket number and day in every style that takes the form.
#[test]
fn legal_cases_in_mla_and_ieee_are_cited_in_the_legal_form_with_their_number() {
    let w = workdir();
    w.import_reading("cases.json", CASES);
    let common = [
        ("Montgomery", "Montgomery v Lanarkshire Health Board, [2015] UKSC 11, [2015] AC 1430."),
        ("Roe v. Wade", "Roe v. Wade, 410 U.S. 113 (1973)."),
        ("Docket Only", "Docket Only v State, No. 11 (2019)."),
        ("Court Number", "Court Number v Board, No. 11 (High Court of Kenya 2019)."),
        (
            "Petition v Union",
            "Petition v Union, Writ Petition (Civil) No. 13029 of 1985 (Supreme Court of India Dec. 20, 1986).",
        ),
    ];
    for style in ["mla", "ieee", "vancouver", "apa", "chicago", "ama"] {
        assert_refs(&w, style, &common);
    }
    assert_refs(
        &w,
        "mla",
        &[("Court Only", "Court Only v Board (Supreme Court of India 2018), https://example.org/c5.")],
    );
    assert_refs(
        &w,
        "ieee",
        &[(
            "Court Only",
            "Court Only v Board (Supreme Court of India 2018). [Online]. Available: https://example.org/c5",
        )],
    );
    assert_refs(
        &w,
        "harvard",
        &[
            ("Court Number", "Court Number v Board (2019). High Court of Kenya, No. 11."),
            ("Roe v. Wade", "Roe v. Wade (1973) 410 U.S. 113."),
        ],
    );
}

/// MLA's statutes keep their form (only the dead IEEE arm went), the number
/// after the name and a comma as d102 made it (tester r101 F10, merged
/// beside this change).
#[test]
fn mla_statutes_are_unchanged() {
    let w = workdir();
    w.import_reading(
        "law.json",
        r#"[{"id":"stat2","type":"legislation","title":"Public Health Act","number":"Act 851","issued":{"date-parts":[[2012]]},"URL":"https://example.org/act851"}]"#,
    );
    assert_refs(&w, "mla", &[("Public Health Act", "Public Health Act, Act 851, 2012, https://example.org/act851.")]);
    assert_refs(
        &w,
        "ieee",
        &[("Public Health Act", "Public Health Act, Act 851 (2012). [Online]. Available: https://example.org/act851")],
    );
}

/// A quoted title's own "?" stands for IEEE's comma after it, in every type
/// ("“Why decolonise?,” BMJ" was printed).
#[test]
fn a_titles_question_mark_stands_for_ieees_comma() {
    let w = workdir();
    w.import_reading(
        "q.json",
        r#"[{"id":"a","type":"article-journal","title":"Why decolonise?","author":[{"family":"Osei","given":"Ama"}],"container-title":"BMJ","volume":"3","issued":{"date-parts":[[2019]]}},
{"id":"c","type":"chapter","title":"Whose health?","author":[{"family":"Osei","given":"Ama"}],"container-title":"Book","publisher":"P","issued":{"date-parts":[[2019]]}}]"#,
    );
    assert_refs(
        &w,
        "ieee",
        &[
            ("Why decolonise?", "A. Osei, “Why decolonise?” BMJ, vol. 3, 2019."),
            ("Whose health?", "A. Osei, “Whose health?” in Book, P, 2019."),
        ],
    );
}
