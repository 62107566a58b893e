//! Tester r102 F5 and F7, and phrases of the same kind: what canon adds to
//! a reference (the work's language, a thesis's degree, an unknown place
//! or publisher, "Located at:", "Available at:") is said in the style's
//! locale where canon has the words, and kept in English where it has none;
//! a French title keeps its space before ":" and ";" in every style.

mod common;
use common::*;

/// Tester r102 F5's records, with a French title stored with its space
/// before the colon (F7) and theses of both degrees.
const RIS: &str = "TY  - BOOK
TI  - O nascimento da clínica
AU  - Foucault, Michel
A4  - Machado, Roberto
CY  - Rio de Janeiro
PB  - Forense Universitária
PY  - 2011
ET  - 7ª
LA  - Português
ER  - 

TY  - CHAP
TI  - Santé et colonisation
AU  - Mbembe, Achille
A2  - Diouf, Mamadou
T2  - L'Afrique et la médecine
CY  - Dakar
PB  - CODESRIA
PY  - 2005
SP  - 23
EP  - 41
LA  - français
ER  - 

TY  - JOUR
TI  - Drépanocytose chez l'enfant au Sénégal : étude rétrospective
AU  - N'Diaye, Awa
JO  - Arch Pediatr
PY  - 2019
VL  - 26
IS  - 3
SP  - 145
EP  - 150
LA  - fr
ER  - 

TY  - THES
TI  - Saúde indígena no Brasil
AU  - Silva, Ana
PB  - Universidade de São Paulo
PY  - 2019
M3  - Master's thesis
LA  - pt
ER  - 

TY  - THES
TI  - Paludisme et grossesse
AU  - Diallo, Fatou
PB  - Université de Dakar
PY  - 2015
M3  - PhD thesis
LA  - fr
ER  - 
";

const TITLES: [&str; 5] = ["O nascimento", "Santé et", "Drépanocytose", "Saúde", "Paludisme"];

fn zotero_fr() -> Workdir {
    let w = workdir();
    w.import_reading("zotero-fr.ris", RIS);
    w
}

fn printed(w: &Workdir, style: &str) -> Vec<String> {
    let refs = w.references(style);
    TITLES.iter().map(|t| reference(&refs, t).to_string()).collect()
}

#[test]
fn the_records_are_stored_as_given() {
    let w = zotero_fr();
    let list = w.reading_list();
    assert_eq!(
        reading(&list, "Drépanocytose")["title"],
        "Drépanocytose chez l'enfant au Sénégal : étude rétrospective"
    );
    assert_eq!(reading(&list, "O nascimento")["language"], "pt");
    assert_eq!(reading(&list, "Santé et")["language"], "fr");
}

/// Tester r102 F5: "… 2011. Portuguese." in a French journal's Vancouver.
#[test]
fn a_french_vancouver_names_the_language_and_degree_in_french() {
    let w = zotero_fr();
    let style = w.dependent_style("my-journal", "vancouver", "fr-FR");
    assert_eq!(
        printed(&w, &style),
        [
            "Foucault M. O nascimento da clínica. 7ᵉ éd. Machado R, traducteur. Rio de Janeiro: Forense \
             Universitária; 2011. Portugais.",
            "Mbembe A. Santé et colonisation. In: Diouf M, éditeur. L'Afrique et la médecine. Dakar: CODESRIA; \
             2005. p. 23‑41. Français.",
            "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
             2019;26(3):145‑50. Français.",
            "Silva A. Saúde indígena no Brasil [mémoire de master]. [sans lieu]: Universidade de São Paulo; 2019. \
             Portugais.",
            "Diallo F. Paludisme et grossesse [thèse de doctorat]. [sans lieu]: Université de Dakar; 2015. Français.",
        ]
    );
}

#[test]
fn vancouver_in_portuguese_spanish_german_italian_and_dutch_too() {
    let w = zotero_fr();
    for locale in ["pt-BR", "es-ES", "de-DE", "it-IT", "nl-NL"] {
        let style = w.dependent_style(&format!("v-{locale}"), "vancouver", locale);
        let want: [&str; 5] = match locale {
            "pt-BR" => [
                // "edição" is feminine: "7ª" (CSL 1.0.2 gender-specific ordinals; r112 F4).
                "Foucault M. O nascimento da clínica. 7ª ed. Machado R, tradutor. Rio de Janeiro: Forense \
                 Universitária; 2011. Português.",
                "Mbembe A. Santé et colonisation. Em: Diouf M, organizador. L'Afrique et la médecine. Dakar: \
                 CODESRIA; 2005. p. 23-41. Francês.",
                "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
                 2019;26(3):145-50. Francês.",
                "Silva A. Saúde indígena no Brasil [dissertação de mestrado]. [sem local]: Universidade de São \
                 Paulo; 2019. Português.",
                "Diallo F. Paludisme et grossesse [tese de doutorado]. [sem local]: Université de Dakar; 2015. \
                 Francês.",
            ],
            // es-ES's locale file has no "no-place" of its own ("no
            // place"): canon's "sin lugar".
            "es-ES" => [
                "Foucault M. O nascimento da clínica. 7.ª ed. Machado R, traductor. Rio de Janeiro: Forense \
                 Universitária; 2011. Portugués.",
                "Mbembe A. Santé et colonisation. En: Diouf M, editor. L'Afrique et la médecine. Dakar: CODESRIA; \
                 2005. p. 23-41. Francés.",
                "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
                 2019;26(3):145-50. Francés.",
                "Silva A. Saúde indígena no Brasil [tesis de maestría]. [sin lugar]: Universidade de São Paulo; \
                 2019. Portugués.",
                "Diallo F. Paludisme et grossesse [tesis doctoral]. [sin lugar]: Université de Dakar; 2015. Francés.",
            ],
            // German writes its words with a capital: "[Masterarbeit]".
            "de-DE" => [
                "Foucault M. O nascimento da clínica. 7. Aufl. Machado R, Übersetzer. Rio de Janeiro: Forense \
                 Universitária; 2011. Portugiesisch.",
                "Mbembe A. Santé et colonisation. In: Diouf M, Herausgeber. L'Afrique et la médecine. Dakar: \
                 CODESRIA; 2005. S. 23-41. Französisch.",
                "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
                 2019;26(3):145-50. Französisch.",
                "Silva A. Saúde indígena no Brasil [Masterarbeit]. [ohne Ort]: Universidade de São Paulo; 2019. \
                 Portugiesisch.",
                "Diallo F. Paludisme et grossesse [Dissertation]. [ohne Ort]: Université de Dakar; 2015. \
                 Französisch.",
            ],
            "it-IT" => [
                // "edizione" is feminine: "7ª" (CSL 1.0.2 gender-specific ordinals; r112 F4).
                "Foucault M. O nascimento da clínica. 7ª ed. Machado R, traduttore. Rio de Janeiro: Forense \
                 Universitária; 2011. Portoghese.",
                "Mbembe A. Santé et colonisation. In: Diouf M, curatore. L'Afrique et la médecine. Dakar: \
                 CODESRIA; 2005. p. 23-41. Francese.",
                "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
                 2019;26(3):145-50. Francese.",
                "Silva A. Saúde indígena no Brasil [tesi di laurea magistrale]. [sine loco]: Universidade de São \
                 Paulo; 2019. Portoghese.",
                "Diallo F. Paludisme et grossesse [tesi di dottorato]. [sine loco]: Université de Dakar; 2015. \
                 Francese.",
            ],
            _ => [
                "Foucault M. O nascimento da clínica. 7de dr. Machado R, vertaler. Rio de Janeiro: Forense \
                 Universitária; 2011. Portugees.",
                "Mbembe A. Santé et colonisation. In: Diouf M, redacteur. L'Afrique et la médecine. Dakar: \
                 CODESRIA; 2005. p. 23-41. Frans.",
                "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
                 2019;26(3):145-50. Frans.",
                "Silva A. Saúde indígena no Brasil [masterscriptie]. [plaats onbekend]: Universidade de São \
                 Paulo; 2019. Portugees.",
                "Diallo F. Paludisme et grossesse [proefschrift]. [plaats onbekend]: Université de Dakar; 2015. \
                 Frans.",
            ],
        };
        assert_eq!(printed(&w, &style), want, "{locale}");
    }
}

/// Arabic: canon has no words of its own there yet; its phrases stay in
/// Citing Medicine's English, never a wrong word (the locale's own terms,
/// "ترجمة", are the processor's).
#[test]
fn a_locale_canon_has_no_words_for_keeps_the_english() {
    let w = zotero_fr();
    let style = w.dependent_style("majalla", "vancouver", "ar");
    let refs = printed(&w, &style);
    assert_eq!(
        refs[3],
        "Silva A. Saúde indígena no Brasil [master's thesis]. [place unknown]: Universidade de São Paulo; 2019. \
         Portuguese."
    );
    assert_eq!(
        refs[4],
        "Diallo F. Paludisme et grossesse [dissertation]. [place unknown]: Université de Dakar; 2015. French."
    );
}

/// The English styles are as their manuals write them, the French title's
/// space kept (F7).
#[test]
fn english_styles_keep_the_manuals_words_and_the_french_space() {
    let w = zotero_fr();
    assert_eq!(
        printed(&w, "vancouver"),
        [
            "Foucault M. O nascimento da clínica. 7th ed. Machado R, translator. Rio de Janeiro: Forense \
             Universitária; 2011. Portuguese.",
            "Mbembe A. Santé et colonisation. In: Diouf M, editor. L'Afrique et la médecine. Dakar: CODESRIA; 2005. \
             p. 23-41. French.",
            "N'Diaye A. Drépanocytose chez l'enfant au Sénégal : étude rétrospective. Arch Pediatr. \
             2019;26(3):145-50. French.",
            "Silva A. Saúde indígena no Brasil [master's thesis]. [place unknown]: Universidade de São Paulo; 2019. \
             Portuguese.",
            "Diallo F. Paludisme et grossesse [dissertation]. [place unknown]: Université de Dakar; 2015. French.",
        ]
    );
    let refs = w.references("apa");
    assert_eq!(
        reference(&refs, "Saúde"),
        "Silva, A. (2019). Saúde indígena no Brasil [Master's thesis, Universidade de São Paulo]."
    );
    assert_eq!(
        reference(&refs, "Drépanocytose"),
        "N'Diaye, A. (2019). Drépanocytose chez l'enfant au Sénégal : Étude rétrospective. Arch Pediatr, 26(3), \
         145–150."
    );
    let refs = w.references("harvard");
    assert_eq!(
        reference(&refs, "Paludisme"),
        "Diallo, F. (2015) Paludisme et grossesse. PhD thesis. Université de Dakar."
    );
    assert_eq!(
        reference(&refs, "Drépanocytose"),
        "N'Diaye, A. (2019) ‘Drépanocytose chez l'enfant au Sénégal : étude rétrospective’, Arch Pediatr, 26(3), \
         pp. 145–150."
    );
}

/// APA and Harvard dependents in French and Portuguese: the degree in
/// the locale's words, APA's institution still inside the brackets.
#[test]
fn apa_and_harvard_dependents_name_the_degree_in_their_language() {
    let w = zotero_fr();
    let apa_fr = w.dependent_style("revue-apa", "apa", "fr-FR");
    let refs = w.references(&apa_fr);
    assert_eq!(
        reference(&refs, "Saúde"),
        "Silva, A. (2019). Saúde indígena no Brasil [Mémoire de master, Universidade de São Paulo]."
    );
    assert_eq!(
        reference(&refs, "Paludisme"),
        "Diallo, F. (2015). Paludisme et grossesse [Thèse de doctorat, Université de Dakar]."
    );
    let apa_pt = w.dependent_style("revista-apa", "apa", "pt-BR");
    assert_eq!(
        reference(&w.references(&apa_pt), "Saúde"),
        "Silva, A. (2019). Saúde indígena no Brasil [Dissertação de mestrado, Universidade de São Paulo]."
    );
    let harvard_fr = w.dependent_style("revue-harvard", "harvard-cite-them-right", "fr-FR");
    let refs = w.references(&harvard_fr);
    assert_eq!(
        reference(&refs, "Paludisme"),
        "Diallo, F. (2015) Paludisme et grossesse. Thèse de doctorat. Université de Dakar."
    );
    assert_eq!(
        reference(&refs, "Drépanocytose"),
        "N'Diaye, A. (2019) ‘Drépanocytose chez l'enfant au Sénégal : étude rétrospective’, Arch Pediatr, 26(3), \
         p. 145‑150."
    );
    let harvard_pt = w.dependent_style("revista-harvard", "harvard-cite-them-right", "pt-BR");
    assert_eq!(
        reference(&w.references(&harvard_pt), "Saúde"),
        "Silva, A. (2019) Saúde indígena no Brasil. Dissertação de mestrado. Universidade de São Paulo."
    );
}

/// Several languages are joined by the locale's "and"; a language canon
/// cannot name there leaves the whole note in English, never half of it.
#[test]
fn several_languages_are_joined_in_the_locale_or_all_in_english() {
    let w = workdir();
    w.import_reading(
        "langs.csv",
        "title,authors,year,type,publisher,language\n\
         Saúde indígena: políticas,\"Langdon, Esther Jean\",2004,book,Fiocruz,pt;es\n\
         Medicina tradicional,\"Ramos, Ana\",2010,book,Abya-Yala,es;it\n\
         Chants de guérison,\"Ndiaye, Moussa\",2001,book,IFAN,fr;wo\n\
         Ntɔn ne aduro,\"Mensah, Kwame\",1999,book,Ghana Publishing,tw\n",
    );
    let fr = w.dependent_style("revue", "vancouver", "fr-FR");
    let es = w.dependent_style("revista", "vancouver", "es-ES");
    let refs = w.references(&fr);
    assert_eq!(
        reference(&refs, "Saúde"),
        "Langdon EJ. Saúde indígena: políticas. [sans lieu]: Fiocruz; 2004. Portugais et espagnol."
    );
    assert_eq!(reference(&refs, "Chants"), "Ndiaye M. Chants de guérison. [sans lieu]: IFAN; 2001. Français et wolof.");
    // Twi is not in canon's table: English, whole.
    assert_eq!(reference(&refs, "Ntɔn"), "Mensah K. Ntɔn ne aduro. [sans lieu]: Ghana Publishing; 1999. Twi.");
    let refs = w.references(&es);
    // Spanish "e" before an /i/: "español e italiano".
    assert_eq!(
        reference(&refs, "Medicina"),
        "Ramos A. Medicina tradicional. [sin lugar]: Abya-Yala; 2010. Español e italiano."
    );
    assert_eq!(
        reference(&refs, "Saúde"),
        "Langdon EJ. Saúde indígena: políticas. [sin lugar]: Fiocruz; 2004. Portugués y español."
    );
}

/// The other phrases canon adds: Vancouver's "Located at:" before an
/// archive and the language of an unpublished paper (which was lost in
/// English), Harvard's "Available at:" of a paper's address; a stored genre
/// of no known degree stays as stored.
#[test]
fn located_at_available_at_and_a_paper_s_language() {
    let w = workdir();
    w.import_reading(
        "more.json",
        r#"[
{"id":"b1","type":"paper-conference","title":"Santé mondiale et décolonisation","author":[{"family":"Sow","given":"Mamadou"}],"event-title":"Congrès de santé publique","event-place":"Dakar","issued":{"date-parts":[[2022,11,3]]},"URL":"https://example.org/talk","language":"fr"},
{"id":"b2","type":"manuscript","title":"Lettre sur la fièvre jaune","author":[{"family":"Ross","given":"Ronald"}],"issued":{"date-parts":[[1897]]},"archive":"Archives nationales du Sénégal","archive_location":"Fonds H 12","language":"fr"},
{"id":"b5","type":"thesis","title":"Eine Dissertation","author":[{"family":"Weber","given":"Anna"}],"publisher":"Universität Wien","genre":"Dissertation","issued":{"date-parts":[[2016]]},"language":"de"}
]"#,
    );
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Santé"),
        "Sow M. Santé mondiale et décolonisation. Paper presented at: Congrès de santé publique; 2022 Nov 3; Dakar. \
         French. Available from: https://example.org/talk"
    );
    assert_eq!(
        reference(&refs, "Lettre"),
        "Ross R. Lettre sur la fièvre jaune [manuscript]. 1897. Located at: Archives nationales du Sénégal; Fonds H \
         12. French."
    );
    let fr = w.dependent_style("revue", "vancouver", "fr-FR");
    let refs = w.references(&fr);
    assert_eq!(
        reference(&refs, "Santé"),
        // Citing Medicine's whole "Paper presented at:" in French, not "presented at" alone (ch. 3; r111 F1).
        "Sow M. Santé mondiale et décolonisation. Communication présentée à: Congrès de santé publique; 3 nov 2022; \
         Dakar. Français. Disponible sur: https://example.org/talk"
    );
    // (c_r108: the type in the locale's word, "[manuscrit]", tester r106 F10.)
    assert_eq!(
        reference(&refs, "Lettre"),
        "Ross R. Lettre sur la fièvre jaune [manuscrit]. 1897. Lieu de conservation: Archives nationales du \
         Sénégal; Fonds H 12. Français."
    );
    assert_eq!(
        reference(&refs, "Eine"),
        "Weber A. Eine Dissertation [Dissertation]. [sans lieu]: Universität Wien; 2016. Allemand."
    );
    let de = w.dependent_style("zeitschrift", "vancouver", "de-DE");
    // (c_r108: the type in the locale's word, "[Manuskript]", tester r106 F10.)
    assert_eq!(
        reference(&w.references(&de), "Lettre"),
        "Ross R. Lettre sur la fièvre jaune [Manuskript]. 1897. Standort: Archives nationales du Sénégal; Fonds H \
         12. Französisch."
    );
    let harvard_fr = w.dependent_style("revue-h", "harvard-cite-them-right", "fr-FR");
    assert_eq!(
        reference(&w.references(&harvard_fr), "Santé"),
        "Sow, M. (2022) ‘Santé mondiale et décolonisation’, Congrès de santé publique. Dakar, 3 novembre 2022. \
         Disponible sur: https://example.org/talk."
    );
    assert_eq!(
        reference(&w.references("harvard"), "Santé"),
        "Sow, M. (2022) ‘Santé mondiale et décolonisation’, Congrès de santé publique. Dakar, 3 November 2022. \
         Available at: https://example.org/talk."
    );
}

/// Tester r102 F7 and its kind: French puts a space before ":", ";", "?"
/// and "!"; a French title (by its stored language, or its words when none
/// is stored) keeps each in every style.
#[test]
fn a_french_title_keeps_its_spaces_before_marks_in_every_style() {
    let w = workdir();
    w.import_reading(
        "fr.csv",
        "title,authors,year,type,container,volume,pages,language,publisher,place\n\
         Médecine et colonie ; une histoire ? Pourquoi pas !,\"Diallo, Abdoulaye\",2011,article,Médecine Tropicale,71,45-50,fr,,\n\
         La santé des femmes au Mali : enjeux et perspectives,\"Traoré, Aminata\",2018,book,,,,,Karthala,Paris\n\
         Le paludisme\u{a0}: une maladie,\"Sy, Ousmane\",2015,book,,,,fr,Karthala,Paris\n",
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "La santé")["title"], "La santé des femmes au Mali : enjeux et perspectives");
    // The no-break space is stored as written (tester r111 F5: it was made a plain space, silently; r111).
    assert_eq!(reading(&list, "Le paludisme")["title"], "Le paludisme\u{a0}: une maladie");
    let fr = w.dependent_style("revue", "vancouver", "fr-FR");
    for style in ["vancouver", "apa", "harvard", "chicago", "mla", "ama", "ieee", fr.as_str()] {
        let refs = w.references(style);
        for (title, want) in [
            ("Médecine", "Médecine et colonie ; une histoire ? Pourquoi pas !"),
            ("La santé", "Mali : "),
            ("Le paludisme", "Le paludisme\u{a0}: "), // printed as stored, its no-break space kept (r111 F5)
        ] {
            assert!(reference(&refs, title).contains(want), "{style}: {}", reference(&refs, title));
        }
    }
    assert_eq!(
        reference(&w.references("vancouver"), "Médecine"),
        "Diallo A. Médecine et colonie ; une histoire ? Pourquoi pas ! Médecine Tropicale. 2011;71:45-50. French."
    );
    assert_eq!(
        reference(&w.references("chicago"), "La santé"),
        "Traoré, Aminata. 2018. La santé des femmes au Mali : enjeux et perspectives. Karthala."
    );
}

/// An English title is printed as the English manuals write it: a
/// catalogue's " : " stays ": " (tester r64 F3).
#[test]
fn an_english_title_has_no_space_before_its_colon() {
    let w = workdir();
    w.import_reading(
        "en.csv",
        "title,authors,year,type,publisher,place,language\n\
         Medical apartheid : the dark history,\"Washington, Harriet A\",2006,book,Doubleday,New York,en\n",
    );
    assert_eq!(
        reference(&w.references("vancouver"), "Medical"),
        "Washington HA. Medical apartheid: the dark history. New York: Doubleday; 2006."
    );
}
