//! Names in every script and form (tester r77): a numeral suffix keeps no
//! closing full stop of its list (F18); "bint", "binti", "binte", "bte"
//! are particles as "bin" and "ibn" are (F16); a hyphenated particle stays
//! joined in a `.csl` style and CSL-JSON "al-Farsi" is split as BibTeX's
//! is (F17); an Arabic or Hebrew name kept whole is said (F4); a CJK name
//! typed as printed is found (F3); vowel signs are folded in a query (F15);
//! a record in capitals is said and its particles found (F11).

mod common;

use common::{Workdir, author_parts, reading, reference};

/// The parts of the `i`th author of the reading whose title starts with
/// `title`: (family, given, particle, suffix, literal), "" for none.
fn parts(w: &Workdir, title: &str, i: usize) -> [String; 5] {
    author_parts(reading(&w.reading_list(), title), ["family", "given", "particle", "suffix", "literal"])
        .get(i)
        .cloned()
        .unwrap_or_default()
}

fn person(family: &str, given: &str, particle: &str, suffix: &str) -> [String; 5] {
    [family, given, particle, suffix, ""].map(str::to_string)
}

/// The tester's t/my-journal.csl: an independent style that demotes
/// particles, `demote` its `demote-non-dropping-particle`, and
/// `order` its `name-as-sort-order`.
fn journal_csl(demote: &str, order: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="{demote}" default-locale="en-GB">
  <info>
    <title>My Journal</title>
    <id>http://example.org/styles/my-journal</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="{order}" sort-separator=", " initialize-with="." delimiter="; "/>
      <substitute><names variable="editor"/></substitute>
    </names>
  </macro>
  <citation><layout><text macro="author"/></layout></citation>
  <bibliography>
    <sort><key macro="author"/></sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text variable="volume" font-weight="bold"/>
          <text variable="page"/>
        </group>
        <text variable="DOI" prefix="doi:"/>
      </group>
    </layout>
  </bibliography>
</style>
"#
    )
}

/// The style file `name` in the work directory, as a `--style` argument.
fn style_file(w: &Workdir, name: &str, demote: &str, order: &str) -> String {
    w.write(name, journal_csl(demote, order)).to_str().expect("utf-8 path").to_string()
}

/// The tester's t/csv-pubmed.csv (PubMed's "Save → CSV"), its Authors cell
/// ending with the list's full stop.
const PUBMED_CSV: &str = "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI
35000003,\"Winter issue article.\",\"Mensah KA Jr, King ML 3rd.\",\"Z Med Ausbild. 2023 Winter;30(1):101-8.\",\"Mensah KA Jr\",\"Z Med Ausbild\",2023,2023/01/01,,,
35000004,\"Junior at the end.\",\"Osei K, Mensah KA Jr.\",\"Z Med Ausbild. 2023 Winter;30(1):109-10.\",\"Osei K\",\"Z Med Ausbild\",2023,2023/01/01,,,
";

/// F18: PubMed's closing full stop is no part of the last name's suffix:
/// "3rd" (and "Jr", as MEDLINE writes it), and AMA and Harvard punctuate
/// it by their rules.
#[test]
fn the_closing_stop_of_a_pubmed_authors_cell_is_not_the_suffix() {
    let w = Workdir::new();
    w.import_reading("csv-pubmed.csv", PUBMED_CSV);
    assert_eq!(parts(&w, "Winter issue", 0), person("Mensah", "K. A.", "", "Jr"));
    assert_eq!(parts(&w, "Winter issue", 1), person("King", "M. L.", "", "3rd"));
    assert_eq!(parts(&w, "Junior at the end", 1), person("Mensah", "K. A.", "", "Jr"));
    let ama = w.references("ama");
    assert!(reference(&ama, "Winter issue").starts_with("Mensah KA Jr, King ML III. Winter issue article."), "{ama:?}");
    assert!(reference(&ama, "Junior at the end").starts_with("Osei K, Mensah KA Jr. Junior at the end."), "{ama:?}");
    let harvard = w.references("harvard");
    assert!(
        reference(&harvard, "Winter issue").starts_with("Mensah, K.A., Jr. and King, M.L., III (2023)"),
        "{harvard:?}"
    );
}

/// F18, the kind: a numeral suffix with a full stop after it, in a cell, a
/// RIS `AU` and a BibTeX name, is stored without it; "Jr." keeps its own.
#[test]
fn a_numeral_suffix_keeps_no_full_stop_in_any_format() {
    let w = Workdir::new();
    w.import_reading(
        "sfx.csv",
        "title,authors,year,type,container\n\"Sfx\",\"Mensah KA Jr., King ML III.\",2020,article,J\n",
    );
    w.import_reading(
        "sfx.ris",
        "TY  - JOUR\nAU  - King, Martin L., III.\nAU  - Gates, Henry Louis, 4th.\nTI  - Ris suffix\nPY  - 2019\nJO  - J\nER  - \n",
    );
    w.import_reading(
        "sfx.bib",
        "@article{k, author={King, III., Martin L. and Gates, Jr., Henry Louis}, title={Bib suffix}, journal={J}, year={2018}}\n",
    );
    assert_eq!(parts(&w, "Sfx", 0), person("Mensah", "K. A.", "", "Jr."));
    assert_eq!(parts(&w, "Sfx", 1), person("King", "M. L.", "", "III"));
    assert_eq!(parts(&w, "Ris suffix", 0), person("King", "Martin L.", "", "III"));
    assert_eq!(parts(&w, "Ris suffix", 1), person("Gates", "Henry Louis", "", "4th"));
    assert_eq!(parts(&w, "Bib suffix", 0), person("King", "Martin L.", "", "III"));
    assert_eq!(parts(&w, "Bib suffix", 1), person("Gates", "Henry Louis", "", "Jr."));
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "Sfx").starts_with("Mensah, K.A., Jr. and King, M.L., III (2020)"), "{harvard:?}");
    assert!(reference(&harvard, "Ris suffix").starts_with("King, M.L., III and Gates, H.L., IV (2019)"), "{harvard:?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Sfx").starts_with("Mensah, K. A., Jr., & King, M. L., III. (2020)."), "{apa:?}");
    let vancouver = w.references("vancouver");
    assert!(reference(&vancouver, "Bib suffix").starts_with("King ML 3rd, Gates HL Jr. Bib suffix."), "{vancouver:?}");
}

/// The tester's t/demoted2.csv.
const DEMOTED: &str = "title,authors,year,type,container
\"D3\",\"Rashid, Mariam bint; Saud, Faisal ibn; Aziz, Nur binti; Sina, Abu Ali ibn; Hassan, Ali bin Ahmad; Tan, Mei Ling bte\",2003,article,J
";

/// F16: "bint", "binti", "bte" after the given name are the particle, as
/// "ibn" is: never printed among the initials.
#[test]
fn bint_binti_and_bte_are_particles_as_bin_and_ibn_are() {
    let w = Workdir::new();
    w.import_reading("demoted2.csv", DEMOTED);
    assert_eq!(parts(&w, "D3", 0), person("Rashid", "Mariam", "bint", ""));
    assert_eq!(parts(&w, "D3", 1), person("Saud", "Faisal", "ibn", ""));
    assert_eq!(parts(&w, "D3", 2), person("Aziz", "Nur", "binti", ""));
    assert_eq!(parts(&w, "D3", 5), person("Tan", "Mei Ling", "bte", ""));
    let vancouver = w.references("vancouver");
    assert!(
        reference(&vancouver, "D3")
            .starts_with("bint Rashid M, ibn Saud F, binti Aziz N, ibn Sina AA, Hassan AA, bte Tan ML. D3."),
        "{vancouver:?}"
    );
    let apa = w.references("apa");
    assert!(reference(&apa, "D3").contains("binti Aziz, N., "), "{apa:?}");
    assert!(reference(&apa, "D3").contains("& bte Tan, M. L. (2003)"), "{apa:?}");
    // A style that demotes particles puts each after the initials, alike.
    let csl = style_file(&w, "my-journal.csl", "display-and-sort", "all");
    let mine = w.references(&csl);
    assert!(
        reference(&mine, "D3").starts_with(
            "Rashid, M. bint; Saud, F. ibn; Aziz, N. binti; Sina, A.A. ibn; Hassan, A.A.; Tan, M.L. bte. 2003."
        ),
        "{mine:?}"
    );
}

/// F16, the kind: the same names in BibTeX, RIS and CSL-JSON, and "binte".
#[test]
fn the_daughter_particles_are_read_so_in_every_format() {
    let w = Workdir::new();
    w.import_reading(
        "b.bib",
        "@article{b, author={Aziz, Nur binti and Tan, Mei Ling binte}, title={Bib binti}, journal={J}, year={2001}}\n",
    );
    w.import_reading(
        "r.ris",
        "TY  - JOUR\nAU  - Aziz, Nur binti\nAU  - Tan, Mei Ling bte\nTI  - Ris binti\nPY  - 2002\nJO  - J\nER  - \n",
    );
    w.import_reading(
        "c.json",
        r#"[{"id":"c","type":"article-journal","title":"Csl binti","container-title":"J","issued":{"date-parts":[[2003]]},"author":[{"family":"Aziz","given":"Nur binti"},{"family":"Rashid","given":"Mariam bint"}]}]"#,
    );
    for title in ["Bib binti", "Ris binti", "Csl binti"] {
        assert_eq!(parts(&w, title, 0), person("Aziz", "Nur", "binti", ""), "{title}");
    }
    assert_eq!(parts(&w, "Bib binti", 1), person("Tan", "Mei Ling", "binte", ""));
    assert_eq!(parts(&w, "Ris binti", 1), person("Tan", "Mei Ling", "bte", ""));
    assert_eq!(parts(&w, "Csl binti", 1), person("Rashid", "Mariam", "bint", ""));
    let vancouver = w.references("vancouver");
    assert!(reference(&vancouver, "Csl binti").starts_with("binti Aziz N, bint Rashid M. Csl binti."), "{vancouver:?}");
}

/// F17: "al-Farsi" from CSL-JSON is stored as from BibTeX (particle "al-"),
/// and a `.csl` style prints the particle joined: demoted "Farsi, A.
/// al-", in display order "A. al-Farsi", in place "al-Farsi, A.".
#[test]
fn a_hyphenated_particle_is_one_form_and_joined_in_a_csl_style() {
    let w = Workdir::new();
    w.import_reading(
        "parsenames.json",
        r#"[{"id":"pn","type":"article-journal","title":"Parse names test","container-title":"J P","issued":{"date-parts":[[2020]]},"author":[{"family":"al-Farsi","given":"Ahmed"},{"family":"el-Sayed","given":"Omar"},{"family":"d'Alembert","given":"Jean"}]}]"#,
    );
    w.import_reading(
        "alfarsi.bib",
        "@article{af, author={al-Farsi, Ahmed and el-Sayed, Omar}, title={From BibTeX}, journal={J P}, year={2021}}\n",
    );
    for title in ["Parse names", "From BibTeX"] {
        assert_eq!(parts(&w, title, 0), person("Farsi", "Ahmed", "al-", ""), "{title}");
        assert_eq!(parts(&w, title, 1), person("Sayed", "Omar", "el-", ""), "{title}");
    }
    assert_eq!(parts(&w, "Parse names", 2), person("Alembert", "Jean", "d'", ""));
    let demoted = style_file(&w, "my-journal.csl", "display-and-sort", "all");
    let refs = w.references(&demoted);
    assert!(reference(&refs, "From BibTeX").starts_with("Farsi, A. al-; Sayed, O. el-. 2021."), "{refs:?}");
    assert!(
        reference(&refs, "Parse names").starts_with("Farsi, A. al-; Sayed, O. el-; Alembert, J. d'. 2020."),
        "{refs:?}"
    );
    let first = style_file(&w, "first.csl", "display-and-sort", "first");
    let refs = w.references(&first);
    assert!(reference(&refs, "From BibTeX").starts_with("Farsi, A. al-; O. el-Sayed. 2021."), "{refs:?}");
    let sort_only = style_file(&w, "sort-only.csl", "sort-only", "all");
    let refs = w.references(&sort_only);
    assert!(reference(&refs, "From BibTeX").starts_with("al-Farsi, A.; el-Sayed, O. 2021."), "{refs:?}");
    for refs in [w.references("apa"), w.references("vancouver")] {
        let r = reference(&refs, "From BibTeX");
        assert!(r.contains("al-Farsi") && r.contains("el-Sayed") && !r.contains("al- "), "{r}");
    }
}

/// F4: an Arabic and a Hebrew name written "Given Family" in a cell, kept
/// whole, are said as a Latin one is; an institution's name is not.
#[test]
fn a_caseless_name_kept_whole_is_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "authors.csv",
        "title,authors,year,type,container\n\"N10\",\"محمد الخطيب; שרה כהן; Иванова А.С.; 王小明\",2010,article,J\n\"N11\",\"منظمة الصحة العالمية\",2011,report,\n",
    );
    let line: Vec<&str> = err.lines().filter(|l| l.contains("authors.csv:2:2: warning: authors cell")).collect();
    assert_eq!(line.len(), 1, "{err}");
    for name in ["محمد الخطيب", "שרה כהן"] {
        assert!(
            line[0].contains(&format!("\"{name}\" was kept whole as written, as an institution's name is")),
            "{err}"
        );
    }
    assert!(line[0].contains("if it is a person, write it \"Family, Given\""), "{err}");
    assert!(!err.contains("authors.csv:3:"), "{err}");
    // In RIS too.
    let err =
        w.import_reading("ar.ris", "TY  - JOUR\nAU  - ليلى حداد\nTI  - Ris arabic\nPY  - 2012\nJO  - J\nER  - \n");
    assert!(err.contains("AU \"ليلى حداد\" was kept whole as written"), "{err}");
    // Written "Family, Given" it is a person, family name first in print, unsaid.
    let err =
        w.import_reading("fam.csv", "title,authors,year,type,container\n\"N12\",\"الخطيب, محمد\",2013,article,J\n");
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(parts(&w, "N12", 0), person("الخطيب", "محمد", "", ""));
}

/// The tester's t/zotero-scripts.json, in part.
const SCRIPTS: &str = r#"[
 {"id":"a1","type":"article-journal","title":"العنصرية في التعليم الطبي","container-title":"المجلة الطبية العربية","author":[{"family":"الخطيب","given":"محمد"}],"issued":{"date-parts":[[2019]]}},
 {"id":"a2","type":"article-journal","title":"גזענות ברפואה","container-title":"הרפואה","author":[{"family":"כהן","given":"שרה"}],"issued":{"date-parts":[[1999]]}},
 {"id":"a3","type":"article-journal","title":"殖民医学与中国近代医学教育","container-title":"中华医史杂志","author":[{"family":"王","given":"小明"},{"literal":"李华"}],"issued":{"date-parts":[[2018]]}},
 {"id":"a4","type":"article-journal","title":"明治期の医学教育と植民地主義","container-title":"日本医史学雑誌","author":[{"family":"田中","given":"健一"},{"family":"Suzuki","given":"Hanako"}],"issued":{"date-parts":[[2018]]}},
 {"id":"a5","type":"article-journal","title":"한국 의학교육에서의 인종 편견","container-title":"대한의학회지","author":[{"family":"김","given":"지원"}],"issued":{"date-parts":[[2020]]}}
]"#;

/// The titles a search finds, and the snippets.
fn found(w: &Workdir, q: &str) -> Vec<(String, String)> {
    let v = w.json(&["search", q, "--format", "json"]);
    v.as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (h["title"].as_str().unwrap_or_default().to_string(), h["snippet"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

/// F3: a Chinese, Japanese or Korean name typed as every style prints it,
/// family and given name run together, finds the reading, marked.
#[test]
fn a_cjk_name_typed_as_printed_is_found() {
    let w = Workdir::new();
    w.import_reading("scripts.json", SCRIPTS);
    for (q, title, marked) in [
        ("王小明", "殖民医学与中国近代医学教育", "王, 小明"),
        ("田中健一", "明治期の医学教育と植民地主義", "田中, 健一"),
        ("김지원", "한국 의학교육에서의 인종 편견", "김, 지원"),
    ] {
        let hits = found(&w, q);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0].0, title, "{q}");
        assert!(hits[0].1.contains(marked), "{q}: {hits:?}");
    }
    // As before: a part of the name, or the name with a space.
    assert_eq!(found(&w, "小明").len(), 1);
    assert_eq!(found(&w, "王 小明").len(), 1);
    // Two names are not run together across the list's `;`.
    assert!(found(&w, "小明李华").is_empty());
}

/// F15: a word copied with its vowel signs (Arabic harakat, tatweel,
/// Hebrew points) finds the word written without them.
#[test]
fn vowel_signs_are_folded_in_a_query() {
    let w = Workdir::new();
    w.import_reading("scripts.json", SCRIPTS);
    for q in ["مُحَمَّد", "مـحـمـد", "محمد", "الْخَطِيب"] {
        let hits = found(&w, q);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0].0, "العنصرية في التعليم الطبي", "{q}");
    }
    let hits = found(&w, "שָׂרָה");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].0, "גזענות ברפואה");
}

/// The tester's t/caps.ris.
const CAPS: &str = "TY  - JOUR
AU  - OSEI, JANE KWAKYE
AU  - MACDONALD, ANGUS
AU  - VAN DER BERG, PIETER
AU  - DE LA CRUZ, MARIA
AU  - McNEIL, Donald G., Jr
TI  - CAPITAL LETTERS FROM AN OLD LIBRARY EXPORT: RACE AND HIV IN THE 1990S
JO  - AIDS CARE
PY  - 1995
VL  - 7
SP  - 1
EP  - 12
ER  - 
";

/// F11: a record in capitals is named, with its fix; the particles of a
/// family name in capitals are found as in its own case.
#[test]
fn a_record_in_capitals_is_said_and_its_particles_found() {
    let w = Workdir::new();
    let err = w.import_reading("caps.ris", CAPS);
    assert!(
        err.contains(
            "caps.ris:7:7: warning: in the record starting at line 1: the title \"CAPITAL LETTERS FROM AN OLD \
             LIBRARY EXPORT: RACE AND HIV IN THE 1990S\", the names \"OSEI, JANE KWAKYE\", \"MACDONALD, ANGUS\", \
             \"VAN DER BERG, PIETER\", \"DE LA CRUZ, MARIA\" written in capitals throughout"
        ),
        "{err}"
    );
    assert!(err.contains("write them in their own case with `canon reading edit`"), "{err}");
    assert_eq!(parts(&w, "CAPITAL LETTERS", 2), person("BERG", "PIETER", "VAN DER", ""));
    assert_eq!(parts(&w, "CAPITAL LETTERS", 3), person("CRUZ", "MARIA", "DE LA", ""));
    assert_eq!(parts(&w, "CAPITAL LETTERS", 1), person("MACDONALD", "ANGUS", "", ""));
    // Vancouver prints them in place, as the name in its own case.
    let vancouver = w.references("vancouver");
    assert!(reference(&vancouver, "CAPITAL LETTERS").contains("VAN DER BERG P, DE LA CRUZ M,"), "{vancouver:?}");
    // A record in its own case is not said.
    let err = w.import_reading(
        "own.ris",
        "TY  - JOUR\nAU  - van der Berg, Pieter\nAU  - WHO\nTI  - Own case\nPY  - 1996\nJO  - AIDS Care\nER  - \n",
    );
    assert!(!err.contains("capitals"), "{err}");
}
