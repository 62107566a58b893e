//! r114 (helper c): title case against the style guides.
//!
//! 1. F5: a title or journal in Uzbek, Kazakh (Latin), Turkmen,
//!    Azerbaijani or Turkish keeps its case as written in every style
//!    ("Tibbiyot jurnali", not "Tibbiyot Jurnali").
//! 2. F6: MLA (MLA Handbook 9 §2.90) and Chicago (CMOS 18 §8.159) lowercase
//!    every preposition whatever its length ("Health beyond Borders",
//!    "Medicine after Empire"), but first, last, after a colon and as a
//!    conjunction before a clause; APA and Harvard print such titles as
//!    before.
//! 3. r112 F2: an English journal's name is title-cased in a Spanish-locale
//!    APA list (APA 7 §9.25), as a Spanish one is.
//! 4. r112 F3: a `.csl` file that gives the container title no case prints
//!    the journal's name as stored.

mod common;
use common::*;

/// The reading references of `canon report r.csv --style STYLE`, in the
/// report's order: the `value` of each row whose section is `reading`.
fn csv_references(w: &Workdir, style: &str) -> Vec<String> {
    let name: String = style.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let out = w.path(&format!("r-{name}.csv"));
    w.ok(&["report", out.to_str().expect("utf-8 path"), "--style", style, "-q"]);
    let text = std::fs::read_to_string(&out).expect("the CSV report");
    let mut rd = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rd.headers().expect("headers").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap_or_else(|| panic!("no {n} column: {headers:?}"));
    let (section, value) = (col("section"), col("value"));
    rd.records()
        .map(|r| r.expect("a CSV row"))
        .filter(|r| &r[section] == "reading")
        .map(|r| r[value].to_string())
        .collect()
}

/// Asserts that each of `expected` is one of `style`'s references exactly.
fn assert_references(w: &Workdir, style: &str, expected: &[&str]) {
    let refs = csv_references(w, style);
    for e in expected {
        assert!(refs.iter().any(|r| r == e), "{style}: no reference\n  {e}\namong\n  {}", refs.join("\n  "));
    }
}

// ---------------------------------------------------------------- 1. F5

const TURKIC: &str = "title,authors,year,type,container,volume,pages,language\n\
Oʻzbekistonda sil kasalligining tarqalishi,\"Karimov, Aziz\",2020,article,Tibbiyot jurnali,3,10-15,\n\
Bolalar salomatligi uchun tavsiyalar,\"Karimov, Aziz\",2021,article,Oʻzbekiston tibbiyot jurnali,4,20-25,\n\
O'zbekistonda onalar salomatligi,\"Rahimova, Dilnoza\",2022,article,O'zbekiston tibbiyot jurnali,5,1-8,\n\
O‘zbekistonda sog‘liqni saqlash tizimi,\"Rahimova, Dilnoza\",2023,article,Tibbiyot jurnali,6,9-14,\n\
Qazaqstandağy densaulyq saqtau,\"Nurlan, Aliya\",2019,article,Densaulyq saqtau jurnaly,2,5-9,\n\
Azərbaycanda səhiyyə sistemi,\"Məmmədov, Elçin\",2018,article,Azərbaycan tibb jurnalı,7,11-19,\n\
Türkmenistanda saglygy goraýyş ulgamy,\"Atayew, Merdan\",2017,article,Saglyk jurnaly,1,2-6,\n\
Halk sagligi ve toplum,\"Yilmaz, Ayse\",2016,article,Saglik bilimleri dergisi,8,30-38,\n\
Sil kasalligi,\"Karimov, Aziz\",2015,article,Tibbiyot jurnali,9,1-4,uz\n";

/// The tester's Uzbek case and the other Turkic languages, with and without
/// their letters: title and journal as written in Chicago, MLA and APA
/// (APA's journal names are title case in English only: APA 7 §9.25).
#[test]
fn turkic_titles_and_journals_keep_their_case_in_every_style() {
    let w = workdir();
    w.import_reading("t.csv", TURKIC);
    assert_references(
        &w,
        "chicago",
        &[
            "Karimov, Aziz. 2020. “Oʻzbekistonda sil kasalligining tarqalishi.” Tibbiyot jurnali 3: 10–15.",
            "Karimov, Aziz. 2021. “Bolalar salomatligi uchun tavsiyalar.” Oʻzbekiston tibbiyot jurnali 4: 20–25.",
            "Rahimova, Dilnoza. 2022. “O'zbekistonda onalar salomatligi.” O'zbekiston tibbiyot jurnali 5: 1–8.",
            "Rahimova, Dilnoza. 2023. “O‘zbekistonda sog‘liqni saqlash tizimi.” Tibbiyot jurnali 6: 9–14.",
            "Nurlan, Aliya. 2019. “Qazaqstandağy densaulyq saqtau.” Densaulyq saqtau jurnaly 2: 5–9.",
            "Məmmədov, Elçin. 2018. “Azərbaycanda səhiyyə sistemi.” Azərbaycan tibb jurnalı 7: 11–19.",
            "Atayew, Merdan. 2017. “Türkmenistanda saglygy goraýyş ulgamy.” Saglyk jurnaly 1: 2–6.",
            "Yilmaz, Ayse. 2016. “Halk sagligi ve toplum.” Saglik bilimleri dergisi 8: 30–38.",
            "Karimov, Aziz. 2015. “Sil kasalligi.” Tibbiyot jurnali 9: 1–4.",
        ],
    );
    assert_references(
        &w,
        "mla",
        &[
            "Karimov, Aziz. “Oʻzbekistonda sil kasalligining tarqalishi.” Tibbiyot jurnali, vol. 3, 2020, pp. 10–15.",
            "Karimov, Aziz. “Bolalar salomatligi uchun tavsiyalar.” Oʻzbekiston tibbiyot jurnali, vol. 4, 2021, pp. 20–25.",
            "Rahimova, Dilnoza. “O'zbekistonda onalar salomatligi.” O'zbekiston tibbiyot jurnali, vol. 5, 2022, pp. 1–8.",
            "Nurlan, Aliya. “Qazaqstandağy densaulyq saqtau.” Densaulyq saqtau jurnaly, vol. 2, 2019, pp. 5–9.",
            "Məmmədov, Elçin. “Azərbaycanda səhiyyə sistemi.” Azərbaycan tibb jurnalı, vol. 7, 2018, pp. 11–19.",
            "Atayew, Merdan. “Türkmenistanda saglygy goraýyş ulgamy.” Saglyk jurnaly, vol. 1, 2017, pp. 2–6.",
            "Yilmaz, Ayse. “Halk sagligi ve toplum.” Saglik bilimleri dergisi, vol. 8, 2016, pp. 30–38.",
        ],
    );
    assert_references(
        &w,
        "apa",
        &[
            "Karimov, A. (2020). Oʻzbekistonda sil kasalligining tarqalishi. Tibbiyot jurnali, 3, 10–15.",
            "Nurlan, A. (2019). Qazaqstandağy densaulyq saqtau. Densaulyq saqtau jurnaly, 2, 5–9.",
            "Atayew, M. (2017). Türkmenistanda saglygy goraýyş ulgamy. Saglyk jurnaly, 1, 2–6.",
        ],
    );
    assert_references(
        &w,
        "harvard",
        &["Karimov, A. (2020) ‘Oʻzbekistonda sil kasalligining tarqalishi’, Tibbiyot jurnali, 3, pp. 10–15."],
    );
}

/// English titles with a Turkic name or an Irish one stay English:
/// title-cased in Chicago.
#[test]
fn english_titles_with_turkic_or_irish_names_are_still_title_cased() {
    let w = workdir();
    w.import_reading(
        "e.csv",
        "title,authors,year,type,container,volume,pages\n\
         Tuberculosis care in Uzbekistan,\"Karimov, Aziz\",2020,article,Journal of global health,3,1-9\n\
         O'Neill's report and the politics of antimicrobial resistance,\"Byrne, Sean\",2019,article,Journal of global health,2,1-9\n",
    );
    assert_references(
        &w,
        "chicago",
        &[
            "Karimov, Aziz. 2020. “Tuberculosis Care in Uzbekistan.” Journal of Global Health 3: 1–9.",
            "Byrne, Sean. 2019. “O'Neill's Report and the Politics of Antimicrobial Resistance.” Journal of Global Health 2: 1–9.",
        ],
    );
}

// ---------------------------------------------------------------- 2. F6

const PREPOSITIONS: &str = "title,authors,year,type,container,volume,pages,publisher,place\n\
Health beyond borders,\"Smith, John\",2017,article,Global health review,1,1-9,,\n\
Medicine after empire,\"Bala, Poonam\",2016,book,,,,Routledge,London\n\
Nursing through the pandemic: lessons from Wuhan,\"Li, Wei\",2021,article,Global health review,5,10-20,,\n\
Life after we left,\"Osei, Kwame\",2019,book,,,,Zed Books,London\n\
What comes after,\"Osei, Kwame\",2020,book,,,,Zed Books,London\n\
Migration and health: after the border,\"Diaz, Ana\",2018,article,Global health review,3,5-9,,\n\
Care outside hospitals before and during the war,\"Diaz, Ana\",2015,article,Global health review,2,1-4,,\n";

/// MLA and Chicago: a long preposition written small stays small inside a
/// title; first, last, after a colon and before a clause it is capitalised.
#[test]
fn mla_and_chicago_lowercase_prepositions_of_any_length() {
    let w = workdir();
    w.import_reading("p.csv", PREPOSITIONS);
    assert_references(
        &w,
        "mla",
        &[
            "Smith, John. “Health beyond Borders.” Global Health Review, vol. 1, 2017, pp. 1–9.",
            "Bala, Poonam. Medicine after Empire. Routledge, 2016.",
            "Li, Wei. “Nursing through the Pandemic: Lessons from Wuhan.” Global Health Review, vol. 5, 2021, pp. 10–20.",
            "Osei, Kwame. Life After We Left. Zed Books, 2019.",
            "Osei, Kwame. What Comes After. Zed Books, 2020.",
            "Diaz, Ana. “Migration and Health: After the Border.” Global Health Review, vol. 3, 2018, pp. 5–9.",
            "Diaz, Ana. “Care outside Hospitals before and during the War.” Global Health Review, vol. 2, 2015, pp. 1–4.",
        ],
    );
    assert_references(
        &w,
        "chicago",
        &[
            "Smith, John. 2017. “Health beyond Borders.” Global Health Review 1: 1–9.",
            "Bala, Poonam. 2016. Medicine after Empire. Routledge.",
            "Osei, Kwame. 2019. Life After We Left. Zed Books.",
            "Osei, Kwame. 2020. What Comes After. Zed Books.",
            "Diaz, Ana. 2018. “Migration and Health: After the Border.” Global Health Review 3: 5–9.",
            "Diaz, Ana. 2015. “Care outside Hospitals before and during the War.” Global Health Review 2: 1–4.",
        ],
    );
    // APA 7 §6.17 and Harvard: titles in sentence case, as before.
    assert_references(
        &w,
        "apa",
        &[
            "Smith, J. (2017). Health beyond borders. Global Health Review, 1, 1–9.",
            "Bala, P. (2016). Medicine after empire. Routledge.",
        ],
    );
    assert_references(&w, "harvard", &["Smith, J. (2017) ‘Health beyond borders’, Global Health Review, 1, pp. 1–9."]);
}

// ---------------------------------------------------------------- 3. r112 F2

/// An English journal stored in the catalogue's lower case is title-cased
/// in a Spanish-locale APA list, for an English and a Spanish work alike,
/// as a Spanish journal is (APA 7 §9.25).
#[test]
fn an_english_journal_is_title_cased_in_a_spanish_apa_list() {
    let w = workdir();
    w.import_reading(
        "es.csv",
        "title,authors,year,type,container,volume,pages,language\n\
         Desigualdades en salud en América Latina,\"Pérez, Juan\",2020,article,International journal for equity in health,19,1-9,es\n\
         Health inequities in Latin America,\"Smith, John\",2019,article,International journal for equity in health,18,1-9,en\n\
         Health inequities in Peru,\"Smith, John\",2018,article,International journal for equity in health,17,1-9,\n\
         Salud rural en Chile,\"Pérez, Juan\",2018,article,Revista medica de Chile,12,1-9,es\n",
    );
    let style = w.dependent_style("apa-es", "apa", "es-ES");
    assert_references(
        &w,
        &style,
        &[
            "Pérez, J. (2020). Desigualdades en salud en América Latina. International Journal for Equity in Health, 19, 1–9.",
            "Smith, J. (2019). Health inequities in Latin America. International Journal for Equity in Health, 18, 1–9.",
            "Smith, J. (2018). Health inequities in Peru. International Journal for Equity in Health, 17, 1–9.",
            "Pérez, J. (2018). Salud rural en Chile. Revista Medica de Chile, 12, 1–9.",
        ],
    );
    assert_references(
        &w,
        "apa",
        &[
            "Smith, J. (2019). Health inequities in Latin America. International Journal for Equity in Health, 18, 1–9.",
            "Pérez, J. (2018). Salud rural en Chile. Revista Medica de Chile, 12, 1–9.",
        ],
    );
}

// ---------------------------------------------------------------- 4. r112 F3

/// A small independent style: author, year, title, container title with
/// `container_case` (`""` for none), volume.
fn plain_style(w: &Workdir, name: &str, container_case: &str) -> String {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>Test {name}</title>
    <id>http://example.org/styles/{name}</id>
    <category citation-format="author-date"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <names variable="author"><name form="short"/></names>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name name-as-sort-order="all" sort-separator=", " initialize-with=". "/></names>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"{container_case}/>
          <text variable="volume"/>
        </group>
      </group>
    </layout>
  </bibliography>
</style>
"#
    );
    w.write(&format!("{name}.csl"), xml).to_str().expect("utf-8 path").to_string()
}

const JOURNALS: &str = "title,authors,year,type,container,volume,pages,language\n\
Salud rural en Chile,\"Pérez, Juan\",2018,article,Revista panamericana de salud publica,12,1-9,es\n\
Health inequities in Latin America,\"Smith, John\",2019,article,International journal for equity in health,18,1-9,en\n";

/// A `.csl` that gives the container title no case prints the journal as
/// stored, a Spanish and an English one; one with `text-case="title"` has
/// the English one title-cased.
#[test]
fn a_csl_file_without_a_case_prints_the_journal_as_stored() {
    let w = workdir();
    w.import_reading("j.csv", JOURNALS);
    let plain = plain_style(&w, "plain", "");
    assert_references(
        &w,
        &plain,
        &[
            "Pérez, J. 2018. Salud rural en Chile. Revista panamericana de salud publica, 12.",
            "Smith, J. 2019. Health inequities in Latin America. International journal for equity in health, 18.",
        ],
    );
    let titled = plain_style(&w, "titled", r#" text-case="title""#);
    assert_references(
        &w,
        &titled,
        &["Smith, J. 2019. Health inequities in Latin America. International Journal for Equity in Health, 18."],
    );
}

/// A `.csl` file's title case leaves only CSL 1.0.2's stop words small
/// ("Between", "Against", "Across" capitalised; "and", "of" small); APA's
/// journal names capitalise words of four letters or more (APA 7 §6.17),
/// while MLA and Chicago keep every preposition small, and APA's titles
/// stay in sentence case.
#[test]
fn a_csl_title_case_leaves_only_its_stop_words_small() {
    let w = workdir();
    w.import_reading(
        "s.csv",
        "title,authors,year,type,container,volume,pages\n\
         Medicine between wars and against empire,\"Smith, John\",2017,article,Journal of health across borders,1,1-9\n\
         Why care? a review of living with dignity,\"Smith, John\",2018,article,Journal of health across borders,2,1-9\n",
    );
    let titled = w.write(
        "t.csl",
        std::fs::read_to_string(plain_style(&w, "titled-both", r#" text-case="title""#))
            .expect("the style")
            .replace(r#"<text variable="title"/>"#, r#"<text variable="title" text-case="title"/>"#),
    );
    assert_references(
        &w,
        titled.to_str().expect("utf-8 path"),
        &["Smith, J. 2017. Medicine Between Wars and Against Empire. Journal of Health Across Borders, 1."],
    );
    assert_references(
        &w,
        "apa",
        &[
            "Smith, J. (2017). Medicine between wars and against empire. Journal of Health Across Borders, 1, 1–9.",
            "Smith, J. (2018). Why care? A review of living with dignity. Journal of Health Across Borders, 2, 1–9.",
        ],
    );
    assert_references(
        &w,
        "mla",
        &[
            "Smith, John. “Medicine between Wars and against Empire.” Journal of Health across Borders, vol. 1, 2017, pp. 1–9.",
        ],
    );
    assert_references(
        &w,
        "chicago",
        &["Smith, John. 2017. “Medicine between Wars and against Empire.” Journal of Health across Borders 1: 1–9."],
    );
}
