//! Fresh tester r107 (a nursing and midwifery school in the Caribbean and
//! West Africa): Mendeley Reference Manager's BibTeX `city` named as "no
//! field" and the place lost (F1); nursing and midwifery degrees ("MScN",
//! "MMid", "BSN") not read as master's or bachelor's, printed "[mscn
//! thesis]" (F2).

mod common;
use common::*;

/// F1: `city` is the place, as `address` and `location` are; with both,
/// `address` is read and `city` named.
#[test]
fn bibtex_city_is_the_place() {
    let w = workdir();
    let err = w.import_reading(
        "mrm.bib",
        "@book{Fanon2008,\n   author = {Fanon, Frantz},\n   city = {London},\n   edition = {New},\n   publisher = \
         {Pluto Press},\n   title = {Black skin, white masks},\n   year = {2008},\n}\n\
         @inbook{Rodney2011,\n   author = {Rodney, Walter},\n   editor = {Shepherd, Verene and Beckles, Hilary McD.},\n   \
         city = {Kingston},\n   pages = {119-129},\n   publisher = {Ian Randle},\n   title = {The African slave trade},\n   \
         booktitle = {Caribbean Slavery in the Atlantic World},\n   year = {2011},\n}\n\
         @book{Both,\n   author = {Césaire, Aimé},\n   address = {Paris},\n   city = {Dakar},\n   publisher = {Présence \
         Africaine},\n   title = {Discours sur le colonialisme},\n   year = {1955},\n}\n",
    );
    assert!(!err.contains("BibTeX city (2"), "{err}");
    assert!(err.contains("BibTeX city"), "the city beside an address is named: {err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Black skin")["place"], "London");
    assert_eq!(reading(&list, "The African slave trade")["place"], "Kingston");
    assert_eq!(reading(&list, "Discours sur le colonialisme")["place"], "Paris");
    let refs = w.references("vancouver");
    assert_eq!(refs["Black skin, white masks"], "Fanon F. Black skin, white masks. New ed. London: Pluto Press; 2008.");
}

/// F2: a nursing or midwifery degree is a master's, a bachelor's or a
/// doctorate as any other degree is.
#[test]
fn nursing_and_midwifery_degrees_are_read() {
    let w = workdir();
    let record = |n: usize, title: &str, work: &str| {
        format!(
            "<record><rec-number>{n}</rec-number><ref-type name=\"Thesis\">32</ref-type><contributors><authors>\
             <author>Mensah, Kofi</author></authors></contributors><titles><title>{title}</title></titles><dates>\
             <year>2016</year></dates><pub-location>Kingston</pub-location><publisher>University of the West \
             Indies</publisher><work-type>{work}</work-type></record>"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>{}{}{}{}{}</records></xml>",
        record(1, "Thesis MN", "MN thesis"),
        record(2, "Thesis MScN", "MScN thesis"),
        record(3, "Thesis MMid", "MMid dissertation"),
        record(4, "Thesis BSN", "BSN thesis"),
        record(5, "Thesis MSN", "MSN thesis"),
    );
    w.import_reading("theses.xml", &xml);
    let refs = w.references("vancouver");
    for t in ["Thesis MN", "Thesis MScN", "Thesis MMid", "Thesis MSN"] {
        assert!(refs[t].contains(&format!("{t} [master's thesis]")), "{t}: {}", refs[t]);
    }
    assert!(refs["Thesis BSN"].contains("Thesis BSN [bachelor's thesis]"), "{}", refs["Thesis BSN"]);
    let apa = w.references("apa");
    assert!(apa["Thesis MScN"].contains("[Master's thesis, University of the West Indies]"), "{}", apa["Thesis MScN"]);
}

/// F3: APA 7 describes a paper cited by its conference, "[Paper
/// presentation]" (§10.5), or its stored genre; a paper in proceedings is
/// a chapter and has none.
#[test]
fn apa_describes_a_paper_cited_by_its_event() {
    let w = workdir();
    w.import_reading(
        "conf.json",
        r#"[
 {"id":"conf","type":"paper-conference","title":"Decolonising midwifery education in Ghana","author":[{"family":"Osei","given":"Akua"}],"event-title":"ICM Triennial Congress","event-place":"Bali, Indonesia","issued":{"date-parts":[[2023,6,11]]}},
 {"id":"post","type":"paper-conference","genre":"Poster presentation","title":"Respectful care in Trinidad","author":[{"family":"Ramsaran","given":"Devika"}],"event-title":"Caribbean Nursing Summit","event-place":"Port of Spain, Trinidad and Tobago","issued":{"date-parts":[[2022,3,4]]}},
 {"id":"proc","type":"paper-conference","title":"Midwives in Kumasi","author":[{"family":"Boateng","given":"Yaa"}],"container-title":"Proceedings of the West African Nursing Conference","issued":{"date-parts":[[2019]]}}
]"#,
    );
    let refs = w.references("apa");
    assert_eq!(
        refs["Decolonising midwifery education in Ghana"],
        "Osei, A. (2023, June 11). Decolonising midwifery education in Ghana [Paper presentation]. ICM Triennial \
         Congress, Bali, Indonesia."
    );
    assert_eq!(
        refs["Respectful care in Trinidad"],
        "Ramsaran, D. (2022, March 4). Respectful care in Trinidad [Poster presentation]. Caribbean Nursing Summit, \
         Port of Spain, Trinidad and Tobago."
    );
    assert!(!refs["Midwives in Kumasi"].contains("presentation"), "{}", refs["Midwives in Kumasi"]);
}
