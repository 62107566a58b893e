//! Fresh tester r114 (a public-health and medical-humanities society in West
//! and North Africa with partners in France and Lebanon: French, Arabic,
//! Wolof, Hausa and Yoruba names; Zotero, Mendeley, a French hand-kept
//! sheet): a numbered style's PDF numbered each theme's list from 1, so two
//! works were both "1." and a work's number in the PDF was not its number in
//! the CSV (F3).

mod common;
use common::*;

/// The reading list's numbered lines of `pdf` as `pdftotext -layout` reads
/// them: (the list's heading, the number, the line's first words), or
/// `None` with a note when poppler-utils is not installed.
fn numbered_lines(pdf: &std::path::Path) -> Option<Vec<(String, String, String)>> {
    let out = match std::process::Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output() {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).expect("utf-8"),
        _ => {
            eprintln!("skipping the PDF checks: pdftotext is not installed (apt-get install poppler-utils)");
            return None;
        }
    };
    let mut lines = Vec::new();
    let mut heading = String::new();
    let mut inside = false;
    for line in out.lines() {
        let t = line.trim();
        if t == "Reading list" {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        if t.starts_with("Who and what the list includes") {
            break;
        }
        if t.ends_with(')') && !t.contains(". ") {
            heading = t.to_string();
        } else if let Some((n, rest)) = t.split_once(". ")
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
        {
            let words: String = rest.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            lines.push((heading.clone(), n.to_string(), words));
        }
    }
    Some(lines)
}

const LIST: &str = "title,authors,year,type,container,volume,pages,themes\n\
    Colonial medicine in Dakar,\"Diouf, Mamadou\",2019,article,Santé publique,31,245-53,historical-awareness;epistemic-bias\n\
    Tradipraticiens et santé mentale,\"Fall, Ndeye Khady\",2020,article,Santé publique,32,10-19,epistemic-bias\n\
    Hygiène publique au Maroc,\"Bensaïd, Leila\",2018,article,Revue d'Épidémiologie,66,301-2,\n\
    Santé des femmes à Dakar,\"Sow, Fatou\",2021,article,Santé publique,33,1-9,historical-awareness\n";

/// F3: Vancouver numbers each work once in the whole report, in the order
/// the reading list first prints it (Citing Medicine's citation-sequence
/// system: a work cited again keeps its number): a work on two themes has
/// one number under both, and no two works share one.
#[test]
fn a_numbered_style_gives_each_work_one_number_in_the_report() {
    let w = workdir();
    w.import_reading("list.csv", LIST);
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "vancouver", "-q", "--date", "2026-01-01"]);
    let Some(lines) = numbered_lines(&pdf) else { return };
    let want: Vec<(String, String, String)> = [
        ("Historical awareness (2)", "1", "Diouf M."),
        ("Historical awareness (2)", "2", "Sow F."),
        ("Epistemic bias (2)", "1", "Diouf M."),
        ("Epistemic bias (2)", "3", "Fall NK."),
        ("Not yet tagged with a theme (1)", "4", "Bensaïd L."),
    ]
    .iter()
    .map(|(h, n, w)| (h.to_string(), n.to_string(), w.to_string()))
    .collect();
    assert_eq!(lines, want);
}

/// F3: a numeric `.csl` style whose number is part of the reference gives
/// each work the same number in the PDF and in the CSV and JSON reports.
#[test]
fn a_works_number_is_the_same_in_the_pdf_and_the_tables() {
    let w = workdir();
    w.import_reading("list.csv", LIST);
    let csl = w.write(
        "numeric.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="fr-FR">
  <info><title>Revue numérique</title><id>http://example.org/numeric</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]"><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <text variable="citation-number" suffix=". "/>
      <names variable="author" suffix=". "><name name-as-sort-order="all" sort-separator=" " initialize-with=""/></names>
      <text variable="title"/>
    </layout>
  </bibliography>
</style>
"#,
    );
    let refs = w.references(csl.to_str().unwrap());
    let number = |title: &str| reference(&refs, title).split_once(". ").map(|(n, _)| n.to_string()).unwrap();
    let numbers: Vec<String> =
        ["Colonial", "Santé des femmes", "Tradipraticiens", "Hygiène"].iter().map(|t| number(t)).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"], "{refs:#?}");
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", csl.to_str().unwrap(), "-q", "--date", "2026-01-01"]);
    let Some(lines) = numbered_lines(&pdf) else { return };
    let printed: Vec<(String, String)> = lines.iter().map(|(_, n, who)| (n.clone(), who.clone())).collect();
    assert_eq!(
        printed,
        [("1", "Diouf M."), ("2", "Sow F."), ("1", "Diouf M."), ("3", "Fall NK."), ("4", "Bensaïd L.")]
            .map(|(n, w)| (n.to_string(), w.to_string()))
    );
}

/// F1: a ministry's name with commas, its own "and" ("et", "y", "e") and
/// its country after it is one institution in every language, alone in a
/// cell or beside other names after `;` (it was split at "et" into a body
/// and a person "de la Réforme hospitalière, Algérie", unsaid).
#[test]
fn a_ministry_with_commas_and_its_country_is_one_institution() {
    let w = workdir();
    w.import_reading(
        "inst.csv",
        "title,authors,year,type\n\
         I1,\"Ministère de la Santé, de la Population et de la Réforme hospitalière, Algérie\",2019,report\n\
         I2,\"Ministère de la Santé et de la Protection sociale, Maroc; OMS\",2019,report\n\
         I3,\"Ministerio de Salud, Población y Reforma Hospitalaria, Argelia\",2019,report\n\
         I4,\"Ministério da Saúde, População e Reforma, Brasil\",2019,report\n\
         I5,\"Ministry of Health, Population and Hospital Reform, Algeria\",2019,report\n\
         I6,\"Diop, Awa and Ministère de la Santé, Sénégal\",2019,report\n",
    );
    let list = w.reading_list();
    let literals = |title: &str| -> Vec<String> {
        let r = reading_titled(&list, title);
        name_fields(r, "author_names", ["literal", "family"])
            .into_iter()
            .map(|[l, f]| l.map(|l| format!("literal {l}")).or(f.map(|f| format!("family {f}"))).unwrap_or_default())
            .collect()
    };
    assert_eq!(
        literals("I1"),
        ["literal Ministère de la Santé, de la Population et de la Réforme hospitalière, Algérie"]
    );
    assert_eq!(literals("I2"), ["literal Ministère de la Santé et de la Protection sociale, Maroc", "literal OMS"]);
    assert_eq!(literals("I3"), ["literal Ministerio de Salud, Población y Reforma Hospitalaria, Argelia"]);
    assert_eq!(literals("I4"), ["literal Ministério da Saúde, População e Reforma, Brasil"]);
    assert_eq!(literals("I5"), ["literal Ministry of Health, Population and Hospital Reform, Algeria"]);
    // A person before the ministry is still a person.
    assert_eq!(literals("I6"), ["family Diop", "literal Ministère de la Santé, Sénégal"]);
    let vancouver = w.references("vancouver");
    assert!(
        reference(&vancouver, "I1")
            .starts_with("Ministère de la Santé, de la Population et de la Réforme hospitalière, Algérie. I1."),
        "{vancouver:#?}"
    );
}

/// F2: a family name led by "Ould", "Ag", "Ait" or "Mint" (son of, people
/// of, daughter of) before the comma is one person's, in a CSV and a Zotero
/// CSV alike (it was read as two people "Cheikh, Ould" and "Wedoud, Abdel").
#[test]
fn a_family_name_led_by_ould_or_ag_is_one_persons() {
    let w = workdir();
    w.import_reading(
        "names.csv",
        "title,authors,year,type\n\
         N1,\"Ould Cheikh, Abdel Wedoud\",2020,article\n\
         N2,\"Ag Ahmed, Moussa\",2020,article\n\
         N3,\"Mint Abdallah, Mariem\",2020,article\n\
         N4,\"Ait Ouyahia, Karim\",2020,article\n",
    );
    let list = w.reading_list();
    for (title, family, given) in [
        ("N1", "Ould Cheikh", "Abdel Wedoud"),
        ("N2", "Ag Ahmed", "Moussa"),
        ("N3", "Mint Abdallah", "Mariem"),
        ("N4", "Ait Ouyahia", "Karim"),
    ] {
        let parts = name_fields(reading_titled(&list, title), "author_names", ["family", "given"]);
        assert_eq!(parts, [[Some(family.to_string()), Some(given.to_string())]], "{title}");
    }
    let z = w.path("z.db");
    w.write(
        "zotero.csv",
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\"\n\
         \"AB12CD34\",\"journalArticle\",\"2020\",\"Ould Cheikh, Abdel Wedoud\",\"Lecture coranique et santé mentale\",\"Revue des mondes musulmans\"\n",
    );
    w.ok_at(&z, &["init", "-q"]);
    w.ok_at(&z, &["import", "reading", w.path("zotero.csv").to_str().unwrap()]);
    let list = json_at(&w, &z, &["reading", "list", "--format", "json"]);
    let parts = name_fields(reading(&list, "Lecture coranique"), "author_names", ["family", "given"]);
    assert_eq!(parts, [[Some("Ould Cheikh".to_string()), Some("Abdel Wedoud".to_string())]]);
}

/// F5: a French title keeps the space French typography puts before a
/// colon whatever region its language names ("fr-FR", "fr_CA", as Zotero
/// writes it), as with "fr" (the space was taken for a catalogue's " : ").
#[test]
fn a_french_title_keeps_its_space_before_a_colon_in_any_region() {
    let w = workdir();
    w.write(
        "fr.json",
        r#"[{"id":"a","type":"article-journal","language":"fr-FR","title":"Accès aux soins : le cas de Kayes","issued":{"date-parts":[[2020]]}},
            {"id":"b","type":"article-journal","language":"fr_CA","title":"Santé autochtone : une revue","issued":{"date-parts":[[2021]]}},
            {"id":"c","type":"article-journal","language":"en-GB","title":"Medical apartheid : the dark history","issued":{"date-parts":[[2006]]}}]"#,
    );
    w.ok(&["import", "reading", w.path("fr.json").to_str().unwrap()]);
    let list = w.reading_list();
    let titles: Vec<&str> = list.as_array().unwrap().iter().filter_map(|r| r["title"].as_str()).collect();
    assert!(titles.contains(&"Accès aux soins : le cas de Kayes"), "{titles:?}");
    assert!(titles.contains(&"Santé autochtone : une revue"), "{titles:?}");
    // An English title's catalogue " : " is still the title's colon.
    assert!(titles.contains(&"Medical apartheid: the dark history"), "{titles:?}");
}

/// F8: a sheet kept in French (`;`-separated, as French Excel saves it)
/// imports as exported: its headers and type words are read as the English
/// ones, and every column is named in the summary.
#[test]
fn a_french_sheet_imports_as_exported() {
    let w = workdir();
    let err = w.import_reading(
        "liste-fr.csv",
        "Titre;Auteurs;Année;Type;Revue;Volume;Numéro;Pages;Date de publication;Éditeur;Lieu;Langue;Thèmes;Remarques\n\
         Les tradipraticiens et la santé mentale;\"Diouf, Mamadou; Fall, Ndèye Khady\";2019;article;Revue de Médecine Africaine;12;3;45-52;12 mars 2019;;;français;historical-awareness;lu en séance\n\
         Rapport sur la situation sanitaire au Mali;Ministère de la Santé et de l'Hygiène publique, Mali;2018;rapport;;;;;;MSHP;Bamako;Français;;\n\
         Ibn Khaldoun et la médecine;\"Ben Achour, Yadh\";2015;livre;;;;;;Éditions Le Fennec;Casablanca;fr;;\n\
         Santé mentale à Pikine;\"Ndiaye, Awa\";2015;thèse;;;;;;Université Cheikh Anta Diop;Dakar;fr;;\n",
    );
    assert!(
        err.contains(
            "columns read: \"Titre\" → title, \"Auteurs\" → authors, \"Année\" → year, \"Type\" → type, \"Revue\" → \
             container, \"Volume\" → volume, \"Numéro\" → issue, \"Pages\" → pages, \"Date de publication\" → date, \
             \"Éditeur\" → publisher, \"Lieu\" → place, \"Langue\" → language, \"Thèmes\" → themes, \"Remarques\" → notes"
        ),
        "{err}"
    );
    let list = w.reading_list();
    let r = reading(&list, "Les tradipraticiens");
    assert_eq!((r["year"].as_i64(), r["month"].as_i64(), r["day"].as_i64()), (Some(2019), Some(3), Some(12)));
    assert_eq!(
        (r["volume"].as_str(), r["issue"].as_str(), r["pages"].as_str()),
        (Some("12"), Some("3"), Some("45-52"))
    );
    assert_eq!(r["annotation"].as_str(), Some("lu en séance"));
    for (title, kind, publisher, place) in [
        ("Rapport sur la situation", "report", "MSHP", "Bamako"),
        ("Ibn Khaldoun", "book", "Éditions Le Fennec", "Casablanca"),
        ("Santé mentale à Pikine", "thesis", "Université Cheikh Anta Diop", "Dakar"),
    ] {
        let r = reading(&list, title);
        assert_eq!(
            (r["type"].as_str(), r["publisher"].as_str(), r["place"].as_str(), r["language"].as_str()),
            (Some(kind), Some(publisher), Some(place), Some("fr")),
            "{title}"
        );
    }
}

/// F4: an institution's name printed in capitals by the style (ISO 690, a
/// `.csl` file's `text-case="uppercase"`) stays in capitals when the same
/// body is the publisher: its publisher's case is not put back inside the
/// author ("AGENCE NATIONALE de la Statistique ET de la Démographie").
#[test]
fn an_institution_in_capitals_keeps_them_beside_its_publisher() {
    let w = workdir();
    w.write(
        "ansd.json",
        r#"[{"id": "z2", "type": "report", "title": "Enquête démographique et de santé au Sénégal (EDS-Continue) 2019",
             "publisher": "Agence Nationale de la Statistique et de la Démographie (ANSD)", "publisher-place": "Dakar, Sénégal",
             "author": [{"literal": "Agence Nationale de la Statistique et de la Démographie (ANSD), Sénégal"}, {"literal": "ICF"}],
             "issued": {"raw": "mars 2020"}}]"#,
    );
    w.ok(&["import", "reading", w.path("ansd.json").to_str().unwrap()]);
    let iso = w.all_references("iso-690-author-date");
    assert!(
        iso[0].starts_with("AGENCE NATIONALE DE LA STATISTIQUE ET DE LA DÉMOGRAPHIE (ANSD), SÉNÉGAL and ICF, 2020."),
        "{iso:#?}"
    );
    // The publisher keeps its own case where it stands as the publisher.
    assert!(
        iso[0].contains("Dakar, Sénégal: Agence Nationale de la Statistique et de la Démographie (ANSD)"),
        "{iso:#?}"
    );
}
