//! Tester r93 F7: a journal's own name with "&" ("Epidemiologia &
//! Prevenzione") and the NLM catalogue's form with its language's "and"
//! ("Epidemiologia e prevenzione") are one name: the journal's own form is
//! kept in either order of import and by a merge, without a conflict.
//! Tester r93 F3: titles in Tagalog, Yoruba (without tone marks) and other
//! languages stored without a language keep their case as written.

mod common;
use common::*;

/// (journal's own form in a list, the catalogue's form in a PubMed record,
/// the title in the list, the title PubMed translates it to, the language).
type Journal = (&'static str, &'static str, &'static str, &'static str, &'static str);

const JOURNALS: [Journal; 4] = [
    (
        "Epidemiologia & Prevenzione",
        "Epidemiologia e prevenzione",
        "Antropologia medica e migrazione in Italia",
        "Medical anthropology and migration in Italy",
        "ita",
    ),
    ("Salud & Sociedad", "Salud y sociedad", "La salud de los migrantes en Chile", "Migrant health in Chile", "spa"),
    ("Ethik & Medizin", "Ethik und medizin", "Rassismus in der Medizin", "Racism in medicine", "ger"),
    ("Santé & Société", "Santé et société", "La santé des migrants en France", "Migrant health in France", "fre"),
];

fn csv(j: &Journal) -> String {
    format!("title,authors,year,type,container,volume,pages\n{},\"Rossi, Giulia\",2018,article,{},12,33-41\n", j.2, j.0)
}

fn nbib(j: &Journal) -> String {
    format!(
        "PMID- 30000002\nDP  - 2018 Winter\nTI  - [{}].\nVI  - 12\nPG  - 33-41\nFAU - Rossi, Giulia\nAU  - Rossi G\n\
         LA  - {}\nPT  - Journal Article\nTT  - {}.\nTA  - X\nJT  - {}\n",
        j.3, j.4, j.2, j.1
    )
}

fn containers(w: &Workdir) -> Vec<String> {
    w.reading_list()
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["container"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn f7_the_journals_own_form_stays_in_either_order() {
    for j in &JOURNALS {
        for csv_first in [true, false] {
            let w = Workdir::new();
            let (a, b) = if csv_first {
                (("l.csv", csv(j)), ("p.nbib", nbib(j)))
            } else {
                (("p.nbib", nbib(j)), ("l.csv", csv(j)))
            };
            w.import_reading(a.0, &a.1);
            let err = w.import_reading(b.0, &b.1);
            assert_eq!(w.count("SELECT count(*) FROM reading"), 1, "{}: {err}", j.0);
            assert_eq!(containers(&w), [j.0], "{} (csv first: {csv_first}): {err}", j.0);
            // The catalogue's form is never said to replace the journal's.
            let catalogue = format!("container {:?} (was", j.1);
            assert!(!err.lines().any(|l| l.contains("replace") && l.contains(&catalogue)), "{err}");
            // Importing either again changes nothing and warns of nothing.
            for again in [&a, &b] {
                let err = w.import_reading(again.0, &again.1);
                assert!(!err.contains("warning"), "{err}");
                assert_eq!(containers(&w), [j.0]);
            }
        }
    }
}

const PT_CSV: &str = r#"title,authors,year,type,container,volume,issue,pages,doi,language
Saúde indígena e racismo institucional no Brasil,"da Silva, João Carlos; dos Santos, Maria; Oliveira Neto, Pedro",2019,article,Cadernos de Saúde Pública,35,4,e00012319,10.1590/0102-311X00012319,pt
Antropologia medica e migrazione in Italia,"Rossi, Giulia",2018,article,Epidemiologia & Prevenzione,12,,33-41,,it
"#;

const PM2_NBIB: &str = r#"PMID- 30000001
VI  - 35
IP  - 4
DP  - 2019 Jan-Feb
TI  - [Indigenous health and institutional racism in Brazil].
PG  - e00012319
FAU - da Silva, João Carlos
AU  - da Silva JC
FAU - dos Santos, Maria
AU  - Dos Santos M
FAU - Oliveira Neto, Pedro
AU  - Oliveira Neto P
CN  - Grupo de Estudos em Saúde Indígena
LA  - por
PT  - Journal Article
TT  - Saúde indígena e racismo institucional no Brasil.
TA  - Cad Saude Publica
JT  - Cadernos de saude publica
AID - 10.1590/0102-311X00012319 [doi]

PMID- 30000002
DP  - 2018 Winter
TI  - [Medical anthropology and migration in Italy].
VI  - 12
PG  - 33-41
FAU - Rossi, Giulia
AU  - Rossi G
LA  - ita
PT  - Journal Article
TT  - Antropologia medica e migrazione in Italia.
TA  - Epidemiol Prev
JT  - Epidemiologia e prevenzione

PMID- 30000003
DP  - 2017
TI  - Traditional healers in Nigeria: a survey.
PG  - 100-10
FAU - Adeyemi, Oluwaseun A
AU  - Adeyemi OA
FAU - Okonkwo, Chinedu E Jr
AU  - Okonkwo CE Jr
LA  - eng
PT  - Journal Article
TA  - Afr J Med Med Sci
JT  - African journal of medicine and medical sciences
VI  - 46
IP  - 2
"#;

#[test]
fn f7_the_testers_files_both_orders() {
    // Fresh tester r93's two files, as the tester wrote them.
    let pt = PT_CSV.to_string();
    let pm = PM2_NBIB.to_string();
    let mut got = Vec::new();
    for order in [[("pt.csv", &pt), ("pm2.nbib", &pm)], [("pm2.nbib", &pm), ("pt.csv", &pt)]] {
        let w = Workdir::new();
        for (name, text) in order {
            w.import_reading(name, text);
        }
        let mut c = containers(&w);
        c.sort();
        got.push(c);
    }
    assert_eq!(got[0], got[1]);
    assert!(got[0].iter().any(|c| c == "Epidemiologia & Prevenzione"), "{:?}", got[0]);
    assert!(got[0].iter().any(|c| c == "Cadernos de Saúde Pública"), "{:?}", got[0]);
    assert!(!got[0].iter().any(|c| c == "Epidemiologia e prevenzione"), "{:?}", got[0]);
}

#[test]
fn f7_a_merge_settles_it_by_the_same_rule() {
    for j in &JOURNALS {
        for csv_ours in [true, false] {
            let w = Workdir::new();
            let (ours, theirs) = if csv_ours {
                (("l.csv", csv(j)), ("p.nbib", nbib(j)))
            } else {
                (("p.nbib", nbib(j)), ("l.csv", csv(j)))
            };
            w.import_reading(ours.0, &ours.1);
            let other = w.path("theirs.db");
            let f = w.write(theirs.0, &theirs.1);
            w.ok_at(&other, &["import", "reading", f.to_str().unwrap(), "-q"]);
            let out = w.cmd(&["merge", other.to_str().unwrap(), "--by", "t"]).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            assert!(out.status.success(), "{err}");
            assert!(err.contains(", 0 conflicts,"), "{}: {err}", j.0);
            assert_eq!(containers(&w), [j.0], "{} (csv ours: {csv_ours}): {err}", j.0);
        }
        // Two copies that each imported both, in the other order (the
        // tester's o1 and o2), merge without a conflict.
        let w = Workdir::new();
        let (l, p) = (w.write("l.csv", csv(j)), w.write("p.nbib", nbib(j)));
        let other = w.path("theirs.db");
        for f in [&l, &p] {
            w.ok(&["import", "reading", f.to_str().unwrap(), "-q"]);
        }
        for f in [&p, &l] {
            w.ok_at(&other, &["import", "reading", f.to_str().unwrap(), "-q"]);
        }
        let out = w.cmd(&["merge", other.to_str().unwrap(), "--by", "t"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{err}");
        assert!(err.contains(", 0 conflicts,"), "{}: {err}", j.0);
        assert_eq!(containers(&w), [j.0]);
    }
}

#[test]
fn f7_the_catalogues_lower_case_with_and_never_replaces_a_name_in_its_own_case() {
    // "&" against "and", and a list's title case of the "and" word: the
    // journal's own "&" form stays, in either order.
    for (own, other) in [
        ("Journal of Law & Medicine", "Journal of law and medicine"),
        ("Epidemiologia & Prevenzione", "Epidemiologia E Prevenzione"),
        ("Revista Ciência & Saúde Coletiva", "Revista ciencia e saude coletiva"),
    ] {
        for own_first in [true, false] {
            let w = Workdir::new();
            let row = |c: &str| {
                format!(
                    "title,authors,year,type,container,volume,pages\nA study,\"Rossi, Giulia\",2018,article,{c},12,33-41\n"
                )
            };
            let (a, b) = if own_first { (row(own), row(other)) } else { (row(other), row(own)) };
            w.import_reading("a.csv", &a);
            w.import_reading("b.csv", &b);
            assert_eq!(containers(&w), [own], "{own} / {other} (own first: {own_first})");
        }
    }
}

#[test]
fn f3_titles_in_tagalog_yoruba_and_other_languages_keep_their_case() {
    let titles = [
        ("Ilera ati asa Yoruba ni ilu Ibadan", "Adeyemi, Oluwaseun", "UPL"),
        ("Kalusugan ng mga katutubo sa Mindanao", "Cruz, Juan", "UP Press"),
        ("Ang kalusugan at ang kultura ng mga katutubo", "Reyes, Maria", "UP Press"),
        ("Saude indigena e racismo no Brasil", "Silva, Joao", "Fiocruz"),
        ("Afya ya jamii na ukoloni barani Afrika", "Mwangi, Wanjiru", "UDSM"),
        ("Lafiya a cikin al'umma daga Kano zuwa Zaria", "Bello, Musa", "ABU Press"),
        ("Ahụike nke ndị obodo Igbo", "Okafor, Ngozi", "UNN Press"),
        ("Impilo kanye namasiko phakathi kwabantu", "Dlamini, Thandi", "UKZN Press"),
        ("Utano hwevanhu kuti vararame pamwe", "Moyo, Tendai", "UZ Press"),
    ];
    let mut csv = String::from("title,authors,year,type,publisher\n");
    for (t, a, p) in titles {
        csv.push_str(&format!("{t},\"{a}\",2017,book,{p}\n"));
    }
    let w = Workdir::new();
    w.import_reading("tc2.csv", &csv);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE language IS NULL"), titles.len() as i64);
    let chicago = w.all_references("chicago");
    let mla = w.all_references("mla");
    for (t, a, p) in titles {
        let want = format!("{a}. 2017. {t}. {p}.");
        assert!(chicago.contains(&want), "chicago: {want}\nnot among:\n{}", chicago.join("\n"));
        let want = format!("{a}. {t}. {p}, 2017.");
        assert!(mla.contains(&want), "mla: {want}\nnot among:\n{}", mla.join("\n"));
    }
}

#[test]
fn f3_english_titles_with_the_same_small_words_are_still_title_cased() {
    let csv = "title,authors,year,type,publisher\n\
               Having fun at work: play in the clinic,\"Smith, Ann\",2017,book,Routledge\n\
               Video game design for nurses,\"Smith, Ann\",2018,book,Routledge\n\
               Ni hao: Mandarin for clinicians,\"Smith, Ann\",2019,book,Routledge\n\
               Kung fu and back pain,\"Smith, Ann\",2020,book,Routledge\n";
    let w = Workdir::new();
    w.import_reading("en.csv", csv);
    let chicago = w.all_references("chicago");
    for want in [
        "Smith, Ann. 2017. Having Fun at Work: Play in the Clinic. Routledge.",
        "Smith, Ann. 2018. Video Game Design for Nurses. Routledge.",
        "Smith, Ann. 2019. Ni Hao: Mandarin for Clinicians. Routledge.",
        "Smith, Ann. 2020. Kung Fu and Back Pain. Routledge.",
    ] {
        assert!(chicago.iter().any(|r| r == want), "chicago: {want}\nnot among:\n{}", chicago.join("\n"));
    }
}
