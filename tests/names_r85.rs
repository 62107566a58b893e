//! Tester r85 F1, F8: names.
mod common;
use common::*;

fn authors_of(list: &serde_json::Value, title: &str) -> Vec<String> {
    reading(list, title)["authors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

/// F1: a family name in capitals of short words beside stopped initials
/// ("DU BOIS, W. E. B.", "VAN DER BERG, P. J.") in a `;` list is one person.
#[test]
fn f1_capitals_family_beside_initials_in_a_list_is_one_person() {
    let w = Workdir::new();
    let err = w.import_reading(
        "caps.csv",
        "title,authors,year,type\n\
         T one,\"DU BOIS, W. E. B.; Osei, Kwame\",2001,article\n\
         T two,\"VAN DER BERG, P. J.; DE LA CRUZ, M. E.; Osei, Kwame\",2002,article\n\
         T three,\"DU BOIS, W E B; KING, M. L., Jr.\",2003,article\n\
         T four,\"Smith JA, O'Brien S; Osei, Kwame\",2004,article\n",
    );
    assert!(!err.contains("kept whole"), "{err}");
    let list = w.reading_list();
    assert_eq!(authors_of(&list, "T one"), ["DU BOIS, W. E. B.", "Osei, Kwame"]);
    assert_eq!(authors_of(&list, "T two"), ["VAN DER BERG, P. J.", "DE LA CRUZ, M. E.", "Osei, Kwame"]);
    assert_eq!(authors_of(&list, "T three"), ["DU BOIS, W E B", "KING, M. L., Jr."]);
    // A Vancouver list inside a `;` part is still split.
    assert_eq!(authors_of(&list, "T four"), ["Smith JA", "O'Brien S", "Osei, Kwame"]);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE family = 'Du Bois'"), 2);
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "T one"), "Du Bois WEB, Osei K. T one. 2001.");
}

/// F1: canon's own export reads back to the same names, parts and all
/// (capitals, suffixes, particles, CJK, institutions).
#[test]
fn f1_export_then_import_gives_the_same_names() {
    let w = Workdir::new();
    w.import_reading(
        "n.bib",
        "@article{a2,\n  author = {OSEI, KWAME A. and DU BOIS, W. E. B. and KING, MARTIN L., JR. and Ludwig van Beethoven \
         and Jean de La Fontaine and VAN DER BERG, P. J. and 张伟 and {M{\\'e}decins Sans Fronti{\\`e}res}},\n  \
         title = {Test two},\n  journal = {Global Health Action},\n  year = {2016}\n}\n",
    );
    let parts = |db: &std::path::Path| {
        let c = rusqlite::Connection::open(db).unwrap();
        let mut s = c
            .prepare(
                "SELECT coalesce(family,''), coalesce(given,''), coalesce(particle,''), coalesce(suffix,''), \
                 coalesce(literal,'') FROM reading_author ORDER BY position",
            )
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<(String, String, String, String, String)>>()
    };
    let before = parts(&w.db());
    assert_eq!(before.len(), 8, "{before:?}");
    let out = w.path("out.csv");
    w.ok(&["export", "reading", "--format", "csv", "-o", out.to_str().unwrap()]);
    let db2 = w.path("two.db");
    w.ok_at(&db2, &["import", "reading", out.to_str().unwrap()]);
    assert_eq!(parts(&db2), before);
}

/// F8: an unbraced institution in BibTeX is kept whole, said once, with
/// the braces as the fix; a person stays a person.
#[test]
fn f8_an_unbraced_institution_in_bibtex_is_kept_whole_and_said_once() {
    let w = Workdir::new();
    let err = w.import_reading(
        "n2.bib",
        "@article{a4,\n  author = {Ministry of Health of Ghana and {Ministry of Health, Ghana}},\n  title = {Test four},\n  \
         journal = {Ghana Medical Journal},\n  year = {2017}\n}\n\
         @article{a5,\n  author = {Ghana Health Service Research Council and Ludwig van Beethoven},\n  title = {Test five},\n  \
         journal = {Ghana Medical Journal},\n  year = {2018}\n}\n",
    );
    assert!(
        err.contains(
            "n2.bib:2:13: warning: in entry `a4`: author \"Ministry of Health of Ghana\" looks like an institution's \
             name: kept whole, as written (BibTeX's rule would read it as a person's); to be sure, write it in \
             braces, {Ministry of Health of Ghana}"
        ),
        "{err}"
    );
    assert_eq!(err.matches("\"Ministry of Health of Ghana\"").count(), 1, "{err}");
    assert!(!err.contains("of Ghana, Ministry of Health"), "{err}");
    assert!(err.contains("author \"Ghana Health Service Research Council\" looks like an institution's"), "{err}");
    let list = w.reading_list();
    assert_eq!(authors_of(&list, "Test four"), ["Ministry of Health of Ghana", "Ministry of Health, Ghana"]);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE literal = 'Ministry of Health of Ghana'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE family = 'Beethoven' AND particle = 'van'"), 1);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Test four"),
        "Ministry of Health of Ghana; Ministry of Health, Ghana. Test four. Ghana Medical Journal. 2017."
    );
}

/// F9: a capitalised particle ("Van Der Berg, P.", as Scopus writes it)
/// stored first gives way to the file's own lower-case particle and fuller
/// given name; both orders, with BibTeX and RIS, store the same parts.
#[test]
fn f9_the_particle_in_its_own_case_wins_in_either_order() {
    let bib = "@article{v1,\n  author = {van der Berg, Pieter and de Beauvoir, Simone},\n  title = {Particles in global \
               health authorship},\n  journal = {Global Public Health},\n  year = {2021},\n  volume = {16},\n  pages = \
               {1--10},\n  doi = {10.1080/17441692.2021.2222222}\n}\n";
    let ris = "TY  - JOUR\nAU  - Berg, Pieter van der\nAU  - Beauvoir, Simone de\nTI  - Particles in global health \
               authorship\nJO  - Global Public Health\nPY  - 2021\nVL  - 16\nSP  - 1\nEP  - 10\nDO  - \
               10.1080/17441692.2021.2222222\nER  - \n";
    let csv = "title,authors,year,type,container,volume,pages,doi\nParticles in global health authorship,\"Van Der \
               Berg, P.; De Beauvoir, S.\",2021,article,Global Public Health,16,1-10,10.1080/17441692.2021.2222222\n";
    for (first, second) in [
        (("p.csv", csv), ("p.bib", bib)),
        (("p.bib", bib), ("p.csv", csv)),
        (("p.csv", csv), ("p.ris", ris)),
        (("p.ris", ris), ("p.csv", csv)),
    ] {
        let w = Workdir::new();
        w.import_reading(first.0, first.1);
        w.import_reading(second.0, second.1);
        let order = format!("{} then {}", first.0, second.0);
        assert_eq!(
            w.count("SELECT count(*) FROM reading_author WHERE family = 'Berg' AND particle = 'van der' AND given = 'Pieter'"),
            1,
            "{order}"
        );
        assert_eq!(
            w.count(
                "SELECT count(*) FROM reading_author WHERE family = 'Beauvoir' AND particle = 'de' AND given = 'Simone'"
            ),
            1,
            "{order}"
        );
        let refs = w.references("vancouver");
        assert_eq!(
            reference(&refs, "Particles"),
            "van der Berg P, de Beauvoir S. Particles in global health authorship. Global Public Health. \
             2021;16:1-10. doi:10.1080/17441692.2021.2222222",
            "{order}"
        );
    }
}

/// F6: a family-first name a cell kept whole ("Nguyễn Văn An", "Kim
/// Ji-won") and a source's parts of the same letters in the same order are
/// one name: the parts win in both orders, with CSL-JSON and RIS, and
/// nothing says "another name in its place".
#[test]
fn f6_a_name_kept_whole_gives_way_to_the_same_name_in_parts_in_either_order() {
    let csv = "title,authors,year,type,container,volume,pages\nTuberculosis in Guangzhou,\"张伟; Nguyễn Văn An; \
               Kim Ji-won; 山田 太郎\",2020,article,中华结核和呼吸杂志,43,1-5\n";
    let json = r#"[{"id":"k1","type":"article-journal","title":"Tuberculosis in Guangzhou","author":[{"family":"张","given":"伟"},{"family":"Nguyễn","given":"Văn An"},{"family":"Kim","given":"Ji-won"},{"family":"山田","given":"太郎"}],"container-title":"中华结核和呼吸杂志","issued":{"date-parts":[[2020]]},"volume":"43","page":"1-5"}]"#;
    let ris = "TY  - JOUR\nAU  - 张伟\nAU  - Nguyễn, Văn An\nAU  - Kim, Ji-won\nAU  - 山田太郎\nTI  - Tuberculosis in \
               Guangzhou\nJO  - 中华结核和呼吸杂志\nPY  - 2020\nVL  - 43\nSP  - 1\nEP  - 5\nER  - \n";
    for (first, second) in [
        (("k.csv", csv), ("k.json", json)),
        (("k.json", json), ("k.csv", csv)),
        (("k.csv", csv), ("k.ris", ris)),
        (("k.ris", ris), ("k.csv", csv)),
    ] {
        let w = Workdir::new();
        w.import_reading(first.0, first.1);
        let err = w.import_reading(second.0, second.1);
        let order = format!("{} then {}", first.0, second.0);
        assert!(!err.contains("another name in its place"), "{order}: {err}");
        assert_eq!(
            w.count(
                "SELECT count(*) FROM reading_author WHERE family = 'Nguyễn' AND given = 'Văn An' AND literal IS NULL"
            ),
            1,
            "{order}"
        );
        assert_eq!(
            w.count(
                "SELECT count(*) FROM reading_author WHERE family = 'Kim' AND given = 'Ji-won' AND literal IS NULL"
            ),
            1,
            "{order}"
        );
        let refs = w.references("vancouver");
        assert_eq!(
            reference(&refs, "Tuberculosis"),
            "张伟, Nguyễn VA, Kim JW, 山田太郎. Tuberculosis in Guangzhou. 中华结核和呼吸杂志. 2020;43:1-5.",
            "{order}"
        );
    }
}

/// F6's guard: an institution kept whole is never replaced by the same
/// letters read as a person ("Ministry of Health, Ghana").
#[test]
fn f6_an_institution_kept_whole_stays_against_a_person_of_its_letters() {
    let w = Workdir::new();
    w.import_reading("a.csv", "title,authors,year\nCSL report,\"Ministry of Health, Ghana\",2019\n");
    w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"report","title":"CSL report","issued":{"date-parts":[[2019]]},
"author":[{"family":"Ministry of Health","given":"Ghana"}]}]"#,
    );
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE literal = 'Ministry of Health, Ghana'"), 1);
}
