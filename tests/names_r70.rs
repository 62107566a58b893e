//! Tester r70: particles inside a given name give no initial of their own
//! in any style that initialises (F9); a cell "Da Silva, Joao Carlos" is one
//! name "Family, Given" (F6); a BibTeX institution with a comma read by
//! BibTeX's rule as a person is said, as every format's is (F1).

mod common;

use common::{Workdir, reference};

/// The tester's cell, one reading per group of names so that no style cuts
/// the list with "et al." (Cite Them Right from four authors, AMA from seven).
const PARTICLES_CSV: &str = "title,authors,year,type
Arabic given names,\"al-Razi, Abu Bakr Muhammad ibn Zakariya; Ibn al-Nafis, Ala al-Din; Ali, Mohamed bin Ahmad\",2020,article
Latin given names,\"Sartre, Jean-Paul; dos Santos, Maria da Graça; Tran, Thi Mai\",2020,article
More given names,\"Uwimana, Jean de Dieu; Cruz, Maria de la Paz; Haq, Zia ul-Haq\",2021,article
Apostrophe given name,\"Costa, Maria d'Ávila\",2021,article
";

fn particles() -> Workdir {
    let w = Workdir::new();
    w.import_reading("r.csv", PARTICLES_CSV);
    w
}

/// F9: Citing Medicine (ch. 1, "Author") and AMA give the initials of the
/// given names run together, with no particle and no space: "dos Santos
/// MG"; "Ala al-Din" is "AD", as "Jean-Paul" is "JP" (each capitalised name
/// has its initial, the article "al-" none).
#[test]
fn vancouver_and_ama_initials_pass_over_particles_in_given_names() {
    let w = particles();
    for style in ["vancouver", "ama"] {
        let r = w.references(style);
        let arabic = reference(&r, "Arabic given names");
        assert!(arabic.starts_with("al-Razi ABMZ, Ibn al-Nafis AD, Ali MA."), "{style}: {arabic}");
        let latin = reference(&r, "Latin given names");
        assert!(latin.starts_with("Sartre JP, dos Santos MG, Tran TM."), "{style}: {latin}");
        let more = reference(&r, "More given names");
        assert!(more.starts_with("Uwimana JD, Cruz MP, Haq ZH."), "{style}: {more}");
        let apostrophe = reference(&r, "Apostrophe given name");
        assert!(apostrophe.starts_with("Costa MÁ."), "{style}: {apostrophe}");
    }
}

/// F9: APA 7 (§9.8) and Cite Them Right's Harvard give the initials of the
/// given names; a particle is not one ("dos Santos, M. G."), and a hyphen
/// joins only the parts of a compound given name ("Sartre, J.-P." in APA).
#[test]
fn apa_and_harvard_initials_pass_over_particles_in_given_names() {
    let w = particles();
    let apa = w.references("apa");
    let arabic = reference(&apa, "Arabic given names");
    assert!(arabic.starts_with("al-Razi, A. B. M. Z., Ibn al-Nafis, A. D., & Ali, M. A. (2020)."), "{arabic}");
    let latin = reference(&apa, "Latin given names");
    assert!(latin.starts_with("Sartre, J.-P., dos Santos, M. G., & Tran, T. M. (2020)."), "{latin}");
    let more = reference(&apa, "More given names");
    assert!(more.starts_with("Uwimana, J. D., Cruz, M. P., & Haq, Z. H. (2021)."), "{more}");
    let harvard = w.references("harvard");
    let arabic = reference(&harvard, "Arabic given names");
    assert!(arabic.starts_with("al-Razi, A.B.M.Z., Ibn al-Nafis, A.D. and Ali, M.A. (2020)"), "{arabic}");
    let latin = reference(&harvard, "Latin given names");
    assert!(latin.starts_with("Sartre, J.-P., dos Santos, M.G. and Tran, T.M. (2020)"), "{latin}");
}

/// F9: a style that prints given names in full keeps each particle where its
/// bearer writes it, with its hyphen or apostrophe and no space added.
#[test]
fn chicago_prints_particles_in_given_names_as_written() {
    let w = particles();
    let r = w.references("chicago");
    let arabic = reference(&r, "Arabic given names");
    assert!(
        arabic.starts_with(
            "al-Razi, Abu Bakr Muhammad ibn Zakariya, Ala al-Din Ibn al-Nafis, and Mohamed bin Ahmad Ali. 2020."
        ),
        "{arabic}"
    );
    let latin = reference(&r, "Latin given names");
    assert!(latin.contains("Maria da Graça dos Santos"), "{latin}");
    let more = reference(&r, "More given names");
    assert!(more.starts_with("Uwimana, Jean de Dieu, Maria de la Paz Cruz, and Zia ul-Haq Haq."), "{more}");
    let apostrophe = reference(&r, "Apostrophe given name");
    assert!(apostrophe.starts_with("Costa, Maria d'Ávila."), "{apostrophe}");
}

/// A `.csl` style whose names are initialised (`initialize-with`), and one
/// that prints them whole (`initialize="false"`), read given names alike.
#[test]
fn csl_files_with_initialize_with_pass_over_particles() {
    let w = particles();
    let style = |name: &str, hyphen: &str, attrs: &str| {
        let csl = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" initialize-with-hyphen="{hyphen}">
  <info><title>Names {name}</title><id>names-{name}</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <names variable="author"><name name-as-sort-order="all" sort-separator=" " delimiter=", " {attrs}/></names>
    <text variable="title" prefix=". "/>
  </layout></bibliography>
</style>"#
        );
        w.write(&format!("{name}.csl"), csl).display().to_string()
    };
    let run = style("run", "false", r#"initialize-with="""#);
    let r = w.references(&run);
    let latin = reference(&r, "Latin given names");
    assert!(latin.starts_with("Sartre JP, dos Santos MG, Tran TM."), "{latin}");
    let arabic = reference(&r, "Arabic given names");
    assert!(arabic.starts_with("al-Razi ABMZ, Ibn al-Nafis AD, Ali MA."), "{arabic}");
    let dotted = style("dotted", "true", r#"initialize-with=". ""#);
    let r = w.references(&dotted);
    let latin = reference(&r, "Latin given names");
    assert!(latin.starts_with("Sartre J.-P., dos Santos M. G., Tran T. M."), "{latin}");
    let whole = style("whole", "true", r#"initialize-with=". " initialize="false""#);
    let r = w.references(&whole);
    let arabic = reference(&r, "Arabic given names");
    assert!(
        arabic.starts_with("al-Razi Abu Bakr Muhammad ibn Zakariya, Ibn al-Nafis Ala al-Din, Ali Mohamed bin Ahmad."),
        "{arabic}"
    );
}

/// F9 in every format: a particle in a given name read from RIS, BibTeX or
/// CSL-JSON gives no initial either.
#[test]
fn particles_in_given_names_from_ris_bibtex_and_csl_json() {
    let w = Workdir::new();
    w.import_reading(
        "a.ris",
        "TY  - JOUR\nAU  - dos Santos, Maria da Graça\nAU  - Ibn al-Nafis, Ala al-Din\nTI  - From RIS\nPY  - 2019\nER  - \n",
    );
    w.import_reading(
        "b.bib",
        "@article{b, author = {dos Santos, Maria da Gra{\\c{c}}a and Ali, Mohamed bin Ahmad}, title = {From BibTeX}, year = {2019}}\n",
    );
    w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"article-journal","title":"From CSL-JSON","issued":{"date-parts":[[2019]]},
            "author":[{"family":"Uwimana","given":"Jean de Dieu"},{"family":"Haq","given":"Zia ul-Haq"}]}]"#,
    );
    let r = w.references("vancouver");
    assert!(reference(&r, "From RIS").starts_with("dos Santos MG, Ibn al-Nafis AD."), "{r:#?}");
    assert!(reference(&r, "From BibTeX").starts_with("dos Santos MG, Ali MA."), "{r:#?}");
    assert!(reference(&r, "From CSL-JSON").starts_with("Uwimana JD, Haq ZH."), "{r:#?}");
}

/// A particle at the end of a given name, with no name after it, is CSL's
/// dropping particle and is still printed; a given name in small letters
/// throughout keeps its own initial ("hooks, b.").
#[test]
fn particles_without_a_name_after_them_are_unchanged() {
    let w = Workdir::new();
    w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"book","title":"Small letters","issued":{"date-parts":[[1994]]},
            "author":[{"family":"hooks","given":"bell"}]}]"#,
    );
    let apa = w.references("apa");
    assert!(reference(&apa, "Small letters").starts_with("hooks, b. (1994)."), "{apa:#?}");
}

fn authors(w: &Workdir, sql_where: &str) -> i64 {
    w.count(&format!("SELECT count(*) FROM reading_author WHERE {sql_where}"))
}

/// F6: a cell with one comma whose family part starts with a capitalised
/// particle is one "Family, Given" name; where the particle is also a given
/// name ("Van", "Al", "Ben"), the cell could be two people, and that is said.
#[test]
fn a_family_name_with_a_capitalised_particle_before_the_one_comma_is_one_name() {
    let w = Workdir::new();
    let err = w.import_reading(
        "r.csv",
        "title,authors,year,type
Da Silva one,\"Da Silva, Joao Carlos\",2020,article
Van Gogh one,\"Van Gogh, Vincent Willem\",2020,article
De la Cruz one,\"De la Cruz, Maria Elena\",2020,article
Dos Santos one,\"Dos Santos, Maria\",2020,article
Gaelic one,\"Ó Súilleabháin, Seán Pádraig\",2020,article
Von one,\"Von Humboldt, Alexander\",2020,article
Two people,\"Jane Osei, Kofi Mensah\",2020,article
One given name,\"Van Dyke, Anna\",2020,article
",
    );
    // With one given name the cell was always one name: nothing to say.
    assert_eq!(authors(&w, "family = 'Van Dyke' AND given = 'Anna'"), 1, "{err}");
    assert!(!err.contains("Van Dyke"), "{err}");
    assert_eq!(authors(&w, "family = 'Da Silva' AND given = 'Joao Carlos'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'Van Gogh' AND given = 'Vincent Willem'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'De la Cruz' AND given = 'Maria Elena'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'Dos Santos' AND given = 'Maria'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'Ó Súilleabháin' AND given = 'Seán Pádraig'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'Von Humboldt' AND given = 'Alexander'"), 1, "{err}");
    assert_eq!(authors(&w, "family IN ('Willem', 'Gogh', 'Silva', 'Carlos')"), 0, "{err}");
    // "Jane Osei, Kofi Mensah" is still two people "Given Family", said.
    assert_eq!(authors(&w, "family = 'Osei' AND given = 'Jane'"), 1, "{err}");
    assert_eq!(authors(&w, "family = 'Mensah' AND given = 'Kofi'"), 1, "{err}");
    assert!(err.contains("r.csv:8:2: warning: authors cell \"Jane Osei, Kofi Mensah\" read as 2 names"), "{err}");
    // "Van" is a given name too (Van Morrison): the other reading is said.
    assert!(
        err.contains(
            "r.csv:3:2: warning: authors cell \"Van Gogh, Vincent Willem\" read as 1 name \"Family, Given\" \
             (family name \"Van Gogh\", given name \"Vincent Willem\"); it could be 2 names"
        ),
        "{err}"
    );
    // "Da", "De", "Dos", "Ó", "Von" before a family name are no given names: nothing to say.
    for cell in ["Da Silva", "De la Cruz", "Dos Santos", "Súilleabháin", "Von Humboldt"] {
        assert!(!err.contains(cell), "{cell}: {err}");
    }
    // canon's own export reads back as the same names.
    let csv = w.path("export.csv");
    w.ok(&["export", "reading", "-o", csv.to_str().unwrap()]);
    let again = w.path("again.db");
    let said = w.run_at(&again, &["import", "reading", csv.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&said.stderr);
    assert!(!said.contains("authors cell"), "{said}");
    let names = |list: &serde_json::Value| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> =
            list.as_array().unwrap().iter().map(|r| (r["title"].to_string(), r["author_names"].to_string())).collect();
        v.sort();
        v
    };
    let back = w.ok_at(&again, &["reading", "list", "--format", "json"]);
    assert_eq!(names(&serde_json::from_str(&back).unwrap()), names(&w.reading_list()));
    let r = w.references("vancouver");
    assert!(reference(&r, "Da Silva one").starts_with("Da Silva JC."), "{r:#?}");
    assert!(reference(&r, "Van Gogh one").starts_with("Van Gogh VW."), "{r:#?}");
    assert!(reference(&r, "Two people").starts_with("Osei J, Mensah K."), "{r:#?}");
}

/// F6: "Al Gore, Bill Clinton" may be two people; read as one name (as
/// "Da Silva, Joao" is), with the other reading said, naming the line.
#[test]
fn a_particle_that_is_also_a_given_name_is_said() {
    let w = Workdir::new();
    let err = w.import_reading("r.csv", "title,authors,year\nPair,\"Al Gore, Bill Clinton\",2000\n");
    assert_eq!(authors(&w, "family = 'Al Gore' AND given = 'Bill Clinton'"), 1, "{err}");
    assert!(err.contains("r.csv:2:2: warning: authors cell \"Al Gore, Bill Clinton\" read as 1 name"), "{err}");
    assert!(err.contains("it could be 2 names written \"Given Family\" (Al Gore; Bill Clinton)"), "{err}");
}

/// F1: an institution with a comma that BibTeX's rule reads as a person
/// ("Ministry of Health, Ghana": family "Ministry of Health", given "Ghana")
/// is said at its own line and column, as the unbraced "World Health
/// Organization" is; braced, it is kept whole and nothing is said.
#[test]
fn a_bibtex_institution_with_a_comma_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "a.bib",
        "@report{who,
  author = {World Health Organization and Ministry of Health, Ghana},
  title = {Joint report},
  year = {2019}
}
@report{dept,
  author = {Mensah, Kofi and School of Medicine, University of Ghana},
  title = {Second report},
  year = {2019}
}
@report{braced,
  author = {{Ministry of Health, Ghana}},
  title = {Third report},
  year = {2019}
}
",
    );
    assert!(
        err.contains(
            "a.bib:2:43: warning: in entry `who`: author \"Ministry of Health, Ghana\" was read as a person (family \
             name \"Ministry of Health\", given name \"Ghana\"); it looks like an institution: if it is one, write it \
             in braces, {Ministry of Health, Ghana}"
        ),
        "{err}"
    );
    assert!(err.contains("a.bib:2:13: warning: in entry `who`: author \"World Health Organization\""), "{err}");
    assert!(
        err.contains("a.bib:7:30: warning: in entry `dept`: author \"School of Medicine, University of Ghana\""),
        "{err}"
    );
    assert!(!err.contains("Mensah, Kofi\" was read"), "{err}");
    assert!(!err.contains("`braced`"), "{err}");
    assert_eq!(authors(&w, "literal = 'Ministry of Health, Ghana'"), 1, "{err}");
}

/// F1 in the other formats: RIS and a CSV cell keep "Ministry of Health,
/// Ghana" whole as an institution; CSL-JSON's family/given parts say it.
#[test]
fn an_institution_with_a_comma_in_ris_csv_and_csl_json() {
    let w = Workdir::new();
    let ris = w
        .import_reading("a.ris", "TY  - RPRT\nAU  - Ministry of Health, Ghana\nTI  - RIS report\nPY  - 2019\nER  - \n");
    assert!(!ris.contains("warning"), "{ris}");
    let csv = w.import_reading("b.csv", "title,authors,year\nCSV report,\"Ministry of Health, Ghana\",2019\n");
    assert!(!csv.contains("warning"), "{csv}");
    assert_eq!(authors(&w, "literal = 'Ministry of Health, Ghana'"), 2);
    let json = w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"report","title":"CSL report","issued":{"date-parts":[[2019]]},
"author":[{"family":"Ministry of Health","given":"Ghana"}]}]"#,
    );
    assert!(
        json.contains(
            "c.json:2:1: warning: in item `c`: author \"Ministry of Health, Ghana\" was read as a person (family \
             name \"Ministry of Health\", given name \"Ghana\"); it looks like an institution: if it is one, write it \
             as {\"literal\": \"Ministry of Health, Ghana\"}"
        ),
        "{json}"
    );
}

/// F6: "Da Silva, Joao Carlos" read as one name is the stored "da Silva,
/// João" written more fully: its given name comes in, the stored spelling
/// with its diacritics stays (it was two guessed people, kept out).
#[test]
fn a_particle_family_cell_brings_its_fuller_given_name_to_a_stored_author() {
    let w = Workdir::new();
    w.import_reading("s1.csv", "title,authors,year,doi\nT2,\"da Silva, João\",2020,10.1/t2\n");
    let err = w.import_reading("s2.csv", "title,authors,year,doi\nT2,\"Da Silva, Joao Carlos\",2020,10.1/t2\n");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "T2")["authors"], serde_json::json!(["da Silva, João Carlos"]), "{err}");
}

/// F9: APA's full given name in brackets tells apart two first authors it
/// prints alike, a particle in a given name aside: "dos Santos, M. G.
/// [Maria da Graça]" and "dos Santos, M. G. [Maria Gomes]" (APA 7 §9.47).
#[test]
fn apa_tells_apart_first_authors_whose_initials_differ_only_by_a_particle() {
    let w = Workdir::new();
    w.import_reading(
        "r.csv",
        "title,authors,year,type\nFirst work,\"dos Santos, Maria da Graça\",2020,article\n\
         Second work,\"dos Santos, Maria Gomes\",2021,article\n",
    );
    let apa = w.references("apa");
    assert!(reference(&apa, "First work").starts_with("dos Santos, M. G. [Maria da Graça]. (2020)."), "{apa:#?}");
    assert!(reference(&apa, "Second work").starts_with("dos Santos, M. G. [Maria Gomes]. (2021)."), "{apa:#?}");
}
