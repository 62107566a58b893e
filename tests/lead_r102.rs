//! Fresh tester r102 (a francophone West African and Brazilian group):
//! Portuguese "sem data" refused the whole file though canon's own
//! Portuguese styles print it (F3); French and Portuguese titles with no
//! small word were title-cased as English (F2); APA's capital after a
//! subtitle's colon in every language is APA 7's, now said (F6).

mod common;
use common::*;

/// F3: every "no date" a reference list writes, in full or abbreviated,
/// and every one canon prints, is an undated work, in every format and
/// typed.
#[test]
fn no_date_in_other_languages_is_an_undated_work() {
    let w = workdir();
    let err = w.import_reading(
        "sd.bib",
        "@book{ms,\n  author = {{Ministério da Saúde}},\n  title = {Guia de vigilância epidemiológica},\n  \
         publisher = {Ministério da Saúde},\n  address = {Brasília},\n  year = {sem data}\n}\n\
         @book{it, author = {Rossi, Marco}, title = {Libro}, year = {senza data}}\n\
         @book{sv, author = {Berg, Anna}, title = {Bok}, year = {[utan årtal]}}\n\
         @book{uk, author = {Шевченко, Олена}, title = {Книга}, year = {без дати}}\n\
         @book{ok, author = {Gonçalves, José}, title = {Outro livro}, year = {2010}}\n",
    );
    assert!(err.contains("5 new"), "{err}");
    let list = w.reading_list();
    for title in ["Guia de vigilância", "Libro", "Bok", "Книга"] {
        let r = reading(&list, title);
        assert!(r["year"].is_null(), "{title}: {r}");
    }
    assert_eq!(reading(&list, "Outro livro")["year"], 2010);
    // A CSV cell and a typed year alike.
    let err = w.import_reading("sd.csv", "title,authors,year,type\nGuia dois,\"Silva, Ana\",sem data,book\n");
    assert!(err.contains("1 new"), "{err}");
    w.ok(&["reading", "add", "--title", "Guia três", "--author", "Silva, Ana", "--year", "Sem data", "--by", "amina"]);
    let list = w.reading_list();
    assert!(reading(&list, "Guia dois")["year"].is_null());
    assert!(reading(&list, "Guia três")["year"].is_null());
    // Printed as undated, as any undated work (two by one author: "-a", "-b").
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "Guia dois"), "Silva, A. (n.d.-a). Guia dois.");
    // Nonsense is still refused, with its place.
    let bad = w.write("bad.csv", "title,authors,year,type\nX,\"Silva, Ana\",sem dados,book\n");
    let out = w.fails(&["import", "reading", bad.to_str().unwrap()]);
    assert!(out.contains("bad.csv:2") && out.contains("\"sem dados\""), "{out}");
}

/// F2: a title stored without a language is judged by its words' endings
/// too: "-ismo", "-cional", "-logia", "-nnelle" are no English word's.
#[test]
fn romance_titles_without_a_language_keep_their_case() {
    let w = workdir();
    w.import_reading(
        "tc.csv",
        "title,authors,year,type,container\n\
         Racismo institucional,\"Werneck, Jurema\",2016,article,Saúde e Sociedade\n\
         Médecine traditionnelle africaine,\"Sow, Ousmane\",1990,book,\n\
         Epidemiologia crítica,\"Breilh, Jaime\",2006,book,\n\
         Structural racism and health,\"Bailey, Zinzi\",2017,book,\n",
    );
    let refs = w.references("chicago");
    assert_eq!(reference(&refs, "Racismo"), "Werneck, Jurema. 2016. “Racismo institucional.” Saúde e Sociedade.");
    assert_eq!(reference(&refs, "Médecine"), "Sow, Ousmane. 1990. Médecine traditionnelle africaine.");
    assert_eq!(reference(&refs, "Epidemiologia"), "Breilh, Jaime. 2006. Epidemiologia crítica.");
    assert_eq!(reference(&refs, "Structural"), "Bailey, Zinzi. 2017. Structural Racism and Health.");
    let refs = w.references("ama");
    assert_eq!(reference(&refs, "Médecine"), "Sow O. Médecine traditionnelle africaine. 1990.");
    assert_eq!(reference(&refs, "Structural"), "Bailey Z. Structural Racism and Health. 2017.");
}

/// F6: APA's capital at the start of a subtitle is APA 7's in every
/// language (§9.38: a title in another language in sentence case, §6.17's
/// capital after its colon with it; the README says so), while the other
/// styles print another language's subtitle as written.
#[test]
fn apa_capitalises_a_subtitle_in_every_language_and_the_others_keep_it() {
    let w = workdir();
    w.import_reading(
        "ap.csv",
        "title,authors,year,type,container,volume,pages,language\n\
         Saúde indígena: políticas comparadas na América Latina,\"Langdon, Esther Jean\",2004,book,,,,pt\n\
         Paludisme grave: prise en charge chez l'enfant,\"Diallo, Abdoulaye\",2011,article,Médecine Tropicale,71,45-50,fr\n\
         Race-based correction in spirometry: a critical review,\"Bhakta, Nirav\",2023,article,Chest,163,10-20,en\n",
    );
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, "Saúde indígena"),
        "Langdon, E. J. (2004). Saúde indígena: Políticas comparadas na América Latina."
    );
    assert_eq!(
        reference(&refs, "Paludisme"),
        "Diallo, A. (2011). Paludisme grave: Prise en charge chez l'enfant. Médecine Tropicale, 71, 45–50."
    );
    assert_eq!(
        reference(&refs, "Race-based"),
        "Bhakta, N. (2023). Race-based correction in spirometry: A critical review. Chest, 163, 10–20."
    );
    let refs = w.references("chicago");
    assert_eq!(
        reference(&refs, "Paludisme"),
        "Diallo, Abdoulaye. 2011. “Paludisme grave: prise en charge chez l'enfant.” Médecine Tropicale 71: 45–50."
    );
    assert_eq!(
        reference(&refs, "Saúde indígena"),
        "Langdon, Esther Jean. 2004. Saúde indígena: políticas comparadas na América Latina."
    );
}

/// F4: a French dependent style of Vancouver printed "janv 2020" for a
/// January–March issue (the short month's full stop stripped, the range's
/// end looked for with it and lost).
#[test]
fn a_french_vancouver_keeps_a_range_of_months() {
    let w = workdir();
    w.import_reading("dt.csv", "title,authors,year,type,container\nT20,\"Ba, A\",janv.-mars 2020,article,J\n");
    let csl = w.write(
        "fr.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="fr-FR">
  <info>
    <title>Revue Africaine de Santé</title>
    <id>http://www.zotero.org/styles/revue-africaine-de-sante</id>
    <link href="http://www.zotero.org/styles/revue-africaine-de-sante" rel="self"/>
    <link href="http://www.zotero.org/styles/vancouver" rel="independent-parent"/>
    <category citation-format="numeric"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>
"#,
    );
    assert_eq!(reference(&w.references(csl.to_str().unwrap()), "T20"), "Ba A. T20. J. janv–mars 2020.");
    assert_eq!(reference(&w.references("vancouver"), "T20"), "Ba A. T20. J. 2020 Jan-Mar.");
}
