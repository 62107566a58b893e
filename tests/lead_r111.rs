//! Fresh tester r111 (an Indigenous health collective of First Nations,
//! Inuit and Métis students in Canada with Sámi and Greenlandic colleagues:
//! Zotero, Mendeley, RefWorks, a hand-kept sheet): title case lowered a
//! capital after a mark inside a word, "Poor/underserved", "O'brien" (F1);
//! an English title told foreign by a people's name, "Sámi health data
//! sovereignty" (F2); Inuktitut and Cree syllabics drawn as empty boxes in
//! the PDF (F7). Also the report's reading list: a chapter's book language
//! found for a whole list at once (the 5,000-reading report's fifth).

mod common;
use common::*;

/// F1: no style lowers a capital inside a word of a title or a journal's
/// name (CSL 1.0.2, "Text-case": a mixed-case string keeps its words'
/// case), whatever mark comes before it: "/", "'", ".".
#[test]
fn title_case_keeps_a_capital_after_a_mark_inside_a_word() {
    let w = workdir();
    w.import_reading(
        "f1.csv",
        "title,authors,year,type,container,language\n\
         Métis health determinants,\"Fiola, Chantal\",2020,article,Journal of Health Care for the Poor/Underserved,en\n\
         Care for O'Brien's patients at the U.S./Canada border,\"Fiola, Chantal\",2021,article,Journal of O'Neill Studies,en\n\
         Two-part given and no date,\"Ittusardjuat, Annie\",2019,article,Études/Inuit/Studies,\n",
    );
    for style in ["apa", "chicago", "mla", "harvard", "vancouver", "ieee", "ama"] {
        let refs = w.all_references(style);
        let all = refs.join("\n");
        for want in ["Poor/Underserved", "O'Neill", "Études/Inuit/Studies", "O'Brien's", "U.S./Canada"] {
            assert!(all.contains(want), "{style}: {want:?} in {refs:#?}");
        }
        for never in ["Poor/underserved", "O'neill", "O'brien", "/inuit", "/canada"] {
            assert!(!all.contains(never), "{style}: {never:?} in {refs:#?}");
        }
    }
    // Title case still capitalises the words it should.
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Care for").contains("“Care for O'Brien's Patients at the U.S./Canada Border.”"));
}

/// F2: a people's or place's name with a letter English lacks ("Sámi",
/// "Métis", "Québec") does not make an English title foreign: Chicago
/// title-cases it as it does "Saami Health Data Sovereignty"; a title in
/// Northern Sámi keeps its case.
#[test]
fn a_names_letter_does_not_make_an_english_title_foreign() {
    let w = workdir();
    w.import_reading(
        "f2.csv",
        "title,authors,year,type,container\n\
         Sámi health data sovereignty,\"Nystø, Sara\",2022,article,Arctic Review\n\
         Saami health data sovereignty,\"Nystø, Sara\",2021,article,Arctic Review\n\
         Métis women and land,\"Fiola, Chantal\",2020,article,Arctic Review\n\
         Sámi dearvvašvuohta,\"Nystø, Sara\",2019,article,Sámi dieđalaš áigečála\n",
    );
    let chicago = w.references("chicago");
    assert!(reference(&chicago, "Sámi health").contains("“Sámi Health Data Sovereignty.”"), "{chicago:#?}");
    assert!(reference(&chicago, "Saami health").contains("“Saami Health Data Sovereignty.”"), "{chicago:#?}");
    assert!(reference(&chicago, "Métis women").contains("“Métis Women and Land.”"), "{chicago:#?}");
    assert!(reference(&chicago, "Sámi dearvv").contains("“Sámi dearvvašvuohta.”"), "{chicago:#?}");
}

/// F7: Unified Canadian Aboriginal Syllabics are drawn from a bundled font,
/// with no warning of characters in no font, and read back from the PDF.
#[test]
fn syllabics_are_drawn_in_the_pdf() {
    let w = workdir();
    w.import_reading(
        "f7.csv",
        "title,authors,year,type\n\
         ᐃᓄᒃᑎᑐᑦ oral history of healing,Elder Alec,2011,report\n\
         ᓀᐦᐃᔭᐍᐏᐣ and health,ᐊᓂᐢ ᑯᐱᐦᒋᐢ,2015,book\n",
    );
    let pdf = w.path("r.pdf");
    let out = w.cmd(&["report", pdf.to_str().unwrap(), "--style", "apa"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("in no font"), "{stderr}");
    let text = pdf_text(&pdf).join("\n");
    for want in ["ᐃᓄᒃᑎᑐᑦ", "ᓀᐦᐃᔭᐍᐏᐣ", "ᐊᓂᐢ"] {
        assert!(text.contains(want), "{want} in the PDF text");
    }
}

/// The reading list gives a chapter the language of its book (a stored
/// book with the container's title, in any ASCII case, or with the
/// chapter's ISBN), found for the whole list at once: Chicago prints a
/// German book's title as written under an English chapter, and title-cases
/// the same words where no book says they are German.
#[test]
fn a_chapters_book_language_is_found_for_the_whole_list() {
    let w = workdir();
    w.import_reading(
        "books.csv",
        "title,authors,year,type,language,isbn,container,publisher\n\
         Kolonialmedizin heute,\"Weber, Anna\",2020,book,de,,,Springer\n\
         A chapter on colonial medicine,\"Weber, Anna\",2020,chapter,,,Kolonialmedizin heute,Springer\n\
         Tropenmedizin heute,\"Braun, Karl\",2018,book,de,9783000000003,,Springer\n\
         Another chapter on tropical medicine,\"Braun, Karl\",2018,chapter,,9783000000003,Tropenmedizin heute,Springer\n\
         A third chapter on public health,\"Braun, Karl\",2018,chapter,,,Pflegemedizin heute,Springer\n",
    );
    let refs = w.references("chicago");
    assert!(reference(&refs, "A chapter on").contains("In Kolonialmedizin heute."), "{refs:#?}");
    assert!(reference(&refs, "Another chapter").contains("In Tropenmedizin heute."), "{refs:#?}");
    assert!(reference(&refs, "A third chapter").contains("In Pflegemedizin Heute."), "{refs:#?}");
}

/// Tester r112 F5: "2563 B.E. / 2020", the form canon's own message asks
/// for a year of another calendar, gives the Gregorian year in BibTeX, CSV
/// and CSL-JSON (it refused the BibTeX file, and CSL-JSON stored no year),
/// as "2076 B.S. / 2019" does; the Buddhist Era year is said.
#[test]
fn a_buddhist_era_year_with_its_gregorian_year_is_read() {
    let w = workdir();
    let out = w.import_reading(
        "be.bib",
        "@article{k, author={Somchai, J.}, title={Thai bib}, journal={JPH}, year={2563 B.E. / 2020}}\n\
         @article{k2, author={Thapa, R.}, title={Nepali bib}, journal={JNMA}, year={2076 B.S. / 2019}}\n",
    );
    w.import_reading(
        "be.csv",
        "title,authors,year,type,container\nThai csv,\"Somchai, J.\",2563 B.E. / 2020,article,JPH\n",
    );
    w.import_reading(
        "be.json",
        r#"[{"id":"t1","type":"article-journal","title":"Thai json","author":[{"family":"Somchai","given":"J."}],"issued":{"raw":"2563 B.E. / 2020"},"container-title":"JPH"}]"#,
    );
    let list = w.reading_list();
    for (title, year) in [("Thai bib", 2020), ("Nepali bib", 2019), ("Thai csv", 2020), ("Thai json", 2020)] {
        assert_eq!(reading(&list, title)["year"], year, "{title}: {out}");
    }
}

/// Tester r112 F4: a Portuguese edition is "2ª ed." ("edição" is
/// feminine; CSL 1.0.2, "Gender-specific Ordinals"), in APA and Vancouver
/// with a pt-BR locale; Spanish keeps its own "2.ª ed.".
#[test]
fn a_portuguese_edition_ordinal_is_feminine() {
    let w = workdir();
    w.import_reading(
        "ed.csv",
        "title,authors,year,type,publisher,edition\nHampi: saberes de salud quechua,\"Quispe, Rosa\",2018,book,Fiocruz,2\n",
    );
    for parent in ["apa", "vancouver"] {
        let style = w.dependent_style(&format!("{parent}-br"), parent, "pt-BR");
        let refs = w.all_references(&style);
        assert!(refs.iter().any(|r| r.contains("2ª ed")), "{parent}: {refs:#?}");
        assert!(!refs.iter().any(|r| r.contains("2º")), "{parent}: {refs:#?}");
    }
}

/// Tester r112 F1: Vancouver in another language writes dates in Citing
/// Medicine's order (2nd ed., ch. 1, "Date of Publication": year, month,
/// day) with the locale's month names, as in English: "2019 abr 2",
/// "[citado 2024 mar 5]", never the locale's "2 de abril de 2019".
#[test]
fn vancouver_dates_keep_citing_medicines_order_in_every_language() {
    let w = workdir();
    w.import_reading(
        "d.json",
        r#"[{"id":"a1","type":"article-journal","title":"Saúde indígena","author":[{"family":"Santos","given":"Ricardo"}],"issued":{"date-parts":[[2019,4,2]]},"container-title":"Cadernos de Saúde Pública","volume":"35","page":"1-8"},
        {"id":"w","type":"webpage","title":"OPS página","author":[{"literal":"Organización Panamericana de la Salud"}],"issued":{"date-parts":[[2023,8,9]]},"accessed":{"date-parts":[[2024,3,5]]},"URL":"https://paho.org/x"}]"#,
    );
    let english = w.all_references("vancouver").join("\n");
    assert!(english.contains("2019 Apr 2;35:1-8"), "{english}");
    for (locale, article, cited) in
        [("pt-BR", "2019 abr 2;35:1-8", "2024 mar 5"), ("es-ES", "2019 abr 2;35:1-8", "2024 mar 5")]
    {
        let style = w.dependent_style(&format!("vanc-{locale}"), "vancouver", locale);
        let refs = w.all_references(&style).join("\n");
        assert!(refs.contains(article), "{locale}: {refs}");
        assert!(refs.contains(cited), "{locale}: {refs}");
        assert!(!refs.contains(" de abril de "), "{locale}: {refs}");
    }
}
