//! Names task n86: a body's initials against its inverted name, family
//! names in capitals with particles, translators "et al.", unbraced
//! institutions in BibTeX, diacritic-blind matching.
mod common;
use common::*;

/// Each author's parts of the reading titled `title`, in order:
/// (family, given, particle, literal), "" for none.
fn parts(w: &Workdir, title: &str) -> Vec<(String, String, String, String)> {
    let parts = stored_author_parts(w, title, ["family", "given", "particle", "literal"]);
    parts.into_iter().map(|[f, g, p, l]| (f, g, p, l)).collect()
}

fn p(f: &str, g: &str, pa: &str, l: &str) -> (String, String, String, String) {
    (f.into(), g.into(), pa.into(), l.into())
}

const RIS_INVERTED: &str = "TY  - RPRT\nAU  - Organization, World Health\nTI  - Global tuberculosis report \
                            2019\nPY  - 2019\nER  - \n";

/// 1: a stored guess "Organization, World Health" (RIS) and a list's
/// "WHO" or "World Health Organization" (CSV, CSL-JSON literal, RIS,
/// BibTeX braces) are one work; the name is kept whole and in full, in
/// either order, and the initials said.
#[test]
fn n1_a_bodys_initials_or_name_replace_its_inverted_guess_in_either_order() {
    let csv_who = "title,authors,year,type\nGlobal tuberculosis report 2019,WHO,2019,report\n";
    let csv_full = "title,authors,year,type\nGlobal tuberculosis report 2019,World Health Organization,2019,report\n";
    let json = r#"[{"id":"w","type":"report","title":"Global tuberculosis report 2019","author":[{"literal":"WHO"}],"issued":{"date-parts":[[2019]]}}]"#;
    let bib = "@techreport{w, author = {{World Health Organization}}, title = {Global tuberculosis report 2019}, year = {2019}}\n";
    for other in [("w.csv", csv_who), ("f.csv", csv_full), ("w.json", json), ("w.bib", bib)] {
        for ris_first in [true, false] {
            let w = Workdir::new();
            let order = format!("{} {}", other.0, if ris_first { "after RIS" } else { "before RIS" });
            let err = if ris_first {
                w.import_reading("a.ris", RIS_INVERTED);
                w.import_reading(other.0, other.1)
            } else {
                w.import_reading(other.0, other.1);
                w.import_reading("a.ris", RIS_INVERTED)
            };
            assert!(!err.contains("possible duplicate"), "{order}: {err}");
            assert_eq!(w.count("SELECT count(*) FROM reading"), 1, "{order}: {err}");
            assert_eq!(
                parts(&w, "Global tuberculosis report 2019"),
                [p("", "", "", "World Health Organization")],
                "{order}: {err}"
            );
            if other.1.contains("WHO,") || other.1.contains("\"WHO\"") {
                assert!(err.contains("\"WHO\" is the initials of \"World Health Organization\""), "{order}: {err}");
            }
            let refs = w.references("vancouver");
            assert_eq!(
                reference(&refs, "Global tuberculosis"),
                "World Health Organization. Global tuberculosis report 2019. [place unknown]: [publisher unknown]; 2019.",
                "{order}"
            );
        }
    }
}

/// 1: the kind: other bodies' initials ("NHS", "UNHCR"), whichever list
/// has the name in full; a person's name is never a body's initials.
#[test]
fn n1_other_bodies_initials_and_a_person_is_never_replaced() {
    let w = Workdir::new();
    w.import_reading(
        "a.csv",
        "title,authors,year,type\nNHS staff survey,National Health Service,2020,report\n\
         Refugee report,UNHCR,2021,report\nPerson report,\"Ward, Helen O.\",2018,report\n",
    );
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type\nNHS staff survey,NHS,2020,report\n\
         Refugee report,United Nations High Commissioner for Refugees,2021,report\n\
         Person report,WHO,2018,report\n",
    );
    assert_eq!(parts(&w, "NHS staff survey"), [p("", "", "", "National Health Service")], "{err}");
    assert_eq!(parts(&w, "Refugee report"), [p("", "", "", "United Nations High Commissioner for Refugees")], "{err}");
    // A person's name is no body's: two works, said.
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Person report'"), 2, "{err}");
    assert_eq!(w.count("SELECT count(*) FROM reading_author WHERE family = 'Ward' AND given = 'Helen O.'"), 1);
    assert!(err.contains("\"NHS\" is the initials of \"National Health Service\""), "{err}");
}

/// 2: a family name in capitals with its particle beside a given name in
/// its own case is stored as the same name in its own case is: "DU BOIS"
/// as "Du Bois" (as beside initials), "DE LA CRUZ" as "de la" "Cruz".
#[test]
fn n2_capitals_with_particles_are_stored_as_the_mixed_case_name() {
    let w = Workdir::new();
    w.import_reading(
        "caps.csv",
        "title,authors,year,type\n\
         Caps,\"DU BOIS, William; DE LA CRUZ, Maria; DE LOS SANTOS, Ana; VAN DER BERG, Pieter; LE GOFF, Jacques; \
         DE BEAUVOIR, Simone\",2001,article\n\
         Mixed,\"Du Bois, William; de la Cruz, Maria; de los Santos, Ana; van der Berg, Pieter; Le Goff, Jacques; \
         de Beauvoir, Simone\",2002,article\n\
         Natural,Maria DE LA CRUZ,2003,article\n\
         Initials,\"DU BOIS, W. E. B.\",2004,article\n",
    );
    let want = [
        p("Du Bois", "William", "", ""),
        p("Cruz", "Maria", "de la", ""),
        p("Santos", "Ana", "de los", ""),
        p("Berg", "Pieter", "van der", ""),
        p("Le Goff", "Jacques", "", ""),
        p("Beauvoir", "Simone", "de", ""),
    ];
    assert_eq!(parts(&w, "Caps"), want);
    assert_eq!(parts(&w, "Mixed"), want);
    assert_eq!(parts(&w, "Natural"), [p("Cruz", "Maria", "de la", "")]);
    assert_eq!(parts(&w, "Initials"), [p("Du Bois", "W. E. B.", "", "")]);
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Caps"),
        "Du Bois W, de la Cruz M, de los Santos A, van der Berg P, Le Goff J, de Beauvoir S. Caps. 2001."
    );
    assert_eq!(
        reference(&refs, "Caps").replace("Caps. 2001", ""),
        reference(&refs, "Mixed").replace("Mixed. 2002", "")
    );
}

/// 2: the same in BibTeX and RIS.
#[test]
fn n2_capitals_with_particles_from_bibtex_and_ris() {
    let w = Workdir::new();
    w.import_reading(
        "c.bib",
        "@article{a, author = {DE LA CRUZ, Maria and DU BOIS, William}, title = {Bib caps}, journal = {J}, year = {2001}}\n",
    );
    w.import_reading(
        "c.ris",
        "TY  - JOUR\nAU  - DE LA CRUZ, Maria\nAU  - DU BOIS, William\nTI  - Ris caps\nPY  - 2002\nER  - \n",
    );
    for t in ["Bib caps", "Ris caps"] {
        assert_eq!(parts(&w, t), [p("Cruz", "Maria", "de la", ""), p("Du Bois", "William", "", "")], "{t}");
    }
}

/// 3: translators cut short with "et al." (RIS `A4`, CSL-JSON's "others"
/// or "et al.", BibTeX "and others", a CSV cell): no translator "et al."
/// is stored or printed, and each format says so.
#[test]
fn n3_translators_et_al_are_said_and_never_a_translator() {
    let w = Workdir::new();
    let ris = w.import_reading(
        "t.ris",
        "TY  - BOOK\nAU  - Ngũgĩ, wa Thiong'o\nA4  - Smith, John\nA4  - et al.\nTI  - Ris translated\nPB  - James \
         Currey\nPY  - 1986\nER  - \n",
    );
    let json = w.import_reading(
        "t.json",
        r#"[{"id":"x","type":"book","title":"Json translated","author":[{"family":"Ngũgĩ","given":"wa Thiong'o"}],"translator":[{"family":"Smith","given":"John"},{"family":"Brown","given":"Anne"},{"literal":"others"}],"publisher":"Heinemann","issued":{"date-parts":[[1964]]}},
{"id":"y","type":"book","title":"Json only et al","author":[{"family":"Ngũgĩ","given":"wa Thiong'o"}],"translator":[{"literal":"et al."}],"publisher":"Heinemann","issued":{"date-parts":[[1965]]}}]"#,
    );
    let bib = w.import_reading(
        "t.bib",
        "@book{b, author = {Ngũgĩ wa Thiong'o}, translator = {Smith, John and others}, title = {Bib translated}, \
         publisher = {Heinemann}, year = {1977}}\n",
    );
    assert_eq!(w.count("SELECT count(*) FROM reading_translator WHERE name LIKE '%et al%' OR name = 'others'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM reading_translator"), 4);
    assert!(
        ris.contains(
            "the translators end \"et al.\": the translator named is kept, and the styles print it as the whole list \
             (canon keeps \"et al.\" for authors and editors only); add the other names to cite them"
        ),
        "{ris}"
    );
    assert!(json.contains("the translators end \"et al.\": the 2 translators named are kept"), "{json}");
    assert!(
        json.contains("the translators are only \"et al.\": no translator is stored; add their names to cite them"),
        "{json}"
    );
    assert!(bib.contains("the translator list ends \"and others\""), "{bib}");
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, "Ris translated"),
        "Ngũgĩ, wa T. (1986). Ris translated (J. Smith, Trans.). James Currey."
    );
    assert_eq!(
        reference(&refs, "Json translated"),
        "Ngũgĩ, wa T. (1964). Json translated (J. Smith & A. Brown, Trans.). Heinemann."
    );
}

/// 4: unbraced bodies' names in BibTeX that end in a body's word ("Health
/// Council", "National Health Service") are kept whole, each said once; an
/// "and" between two bodies is two authors; a person with an initial stays
/// a person.
#[test]
fn n4_unbraced_bodies_ending_in_a_bodys_word_are_kept_whole() {
    let w = Workdir::new();
    let err = w.import_reading(
        "b.bib",
        "@article{a, author = {Health Council of the Netherlands and National Health Service and Health Council \
         and Rose Society}, title = {Corp one}, journal = {J}, year = {2010}}\n\
         @article{b, author = {Robert W. Service and Wellcome Trust Sanger Institute and Medical Research Council}, \
         title = {Corp two}, journal = {J}, year = {2011}}\n",
    );
    assert_eq!(
        parts(&w, "Corp one"),
        [
            p("", "", "", "Health Council of the Netherlands"),
            p("", "", "", "National Health Service"),
            p("", "", "", "Health Council"),
            p("", "", "", "Rose Society"),
        ],
        "{err}"
    );
    assert_eq!(
        parts(&w, "Corp two"),
        [
            p("Service", "Robert W.", "", ""),
            p("", "", "", "Wellcome Trust Sanger Institute"),
            p("", "", "", "Medical Research Council"),
        ],
        "{err}"
    );
    assert!(
        err.contains(
            "b.bib:1:61: warning: in entry `a`: author \"National Health Service\" looks like an institution's name: \
             kept whole, as written (BibTeX's rule would read it as a person's); to be sure, write it in braces, \
             {National Health Service}"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "author \"Rose Society\" looks like an institution's name: kept whole, as written (BibTeX's rule would \
             read it as a person's); to be sure, write it in braces, {Rose Society}; if it is a person's, write it \
             \"Society, Rose\""
        ),
        "{err}"
    );
    assert_eq!(err.matches("\"Health Council of the Netherlands\"").count(), 1, "{err}");
    assert!(!err.contains("{Health Council of the Netherlands and"), "{err}");
    assert!(!err.contains("{Robert W. Service and"), "{err}");
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Corp one"),
        "Health Council of the Netherlands; National Health Service; Health Council; Rose Society. Corp one. J. 2010."
    );
}

/// 4: a name of two words whose last is a family name too ("John Board",
/// "Mary Trust") stays a person's; "Department of Health and Human
/// Services" is still advised whole in braces.
#[test]
fn n4_two_words_ending_in_a_surname_stay_a_person() {
    let w = Workdir::new();
    let err = w.import_reading(
        "p.bib",
        "@article{a, author = {John Board and Mary Trust}, title = {People}, journal = {J}, year = {2010}}\n\
         @article{b, author = {Department of Health and Human Services}, title = {Dhhs}, journal = {J}, year = {2010}}\n",
    );
    assert_eq!(parts(&w, "People"), [p("Board", "John", "", ""), p("Trust", "Mary", "", "")], "{err}");
    assert!(err.contains("write the whole name in braces, {Department of Health and Human Services}"), "{err}");
}

/// 5: one work's records with a name with and without its diacritics
/// ("Ngugi"/"Ngũgĩ", "Muller"/"Müller", "Sen"/"Şen", "Lukasz"/"Łukasz")
/// are one work in either order, the diacritics kept.
#[test]
fn n5_names_with_and_without_diacritics_are_one_work_in_either_order() {
    let plain = "title,authors,year,type,publisher\nDecolonising the mind,\"Ngugi, W.\",1986,book,James Currey\n\
                 Decolonising the mind,\"Smith, J.\",1986,book,Other\nDevelopment as freedom,\"Sen, A.\",1999,book,Knopf\n\
                 Soziologie der Zeit,\"Muller, Hans\",1990,book,Beck\nHistoria,\"Kowalski, Lukasz\",2005,book,PWN\n";
    let marked = "TY  - BOOK\nAU  - Ngũgĩ, W.\nTI  - Decolonising the mind\nPB  - James Currey\nPY  - 1986\nER  - \n\
                  TY  - BOOK\nAU  - Şen, A.\nTI  - Development as freedom\nPB  - Knopf\nPY  - 1999\nER  - \n\
                  TY  - BOOK\nAU  - Müller, Hans\nTI  - Soziologie der Zeit\nPB  - Beck\nPY  - 1990\nER  - \n\
                  TY  - BOOK\nAU  - Kowalski, Łukasz\nTI  - Historia\nPB  - PWN\nPY  - 2005\nER  - \n";
    for plain_first in [true, false] {
        let w = Workdir::new();
        if plain_first {
            w.import_reading("p.csv", plain);
            w.import_reading("m.ris", marked);
        } else {
            w.import_reading("m.ris", marked);
            w.import_reading("p.csv", plain);
        }
        assert_eq!(w.count("SELECT count(*) FROM reading"), 5, "plain first: {plain_first}");
        assert_eq!(
            w.count(
                "SELECT count(*) FROM reading_author WHERE family IN ('Ngũgĩ', 'Şen', 'Müller') OR given = 'Łukasz'"
            ),
            4,
            "plain first: {plain_first}"
        );
        assert_eq!(
            w.count(
                "SELECT count(*) FROM reading_author WHERE family IN ('Ngugi', 'Sen', 'Muller') OR given = 'Lukasz'"
            ),
            0,
            "plain first: {plain_first}"
        );
        assert_eq!(parts(&w, "Decolonising the mind").len(), 2);
    }
}

/// 5: with another subtitle the two records are flagged as one work's
/// (same first author, year and main title) whatever the diacritics.
#[test]
fn n5_a_possible_duplicate_is_found_across_diacritics() {
    let w = Workdir::new();
    w.import_reading("a.csv", "title,authors,year,type,publisher\nPetals of blood,\"Ngugi, W.\",1977,book,Heinemann\n");
    let err = w.import_reading(
        "b.csv",
        "title,authors,year,type,publisher\nPetals of blood: a novel,\"Ngũgĩ, W.\",1977,book,Heinemann\n",
    );
    assert!(err.contains("possible duplicate of entry"), "{err}");
    assert!(err.contains("(same first author, year and main title)"), "{err}");
}
