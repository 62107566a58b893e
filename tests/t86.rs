//! Tester 86: another language's "and" between names in a CSV authors cell
//! (F4), italics after a script without an italic face in the PDF (F5),
//! and `canon merge` listing values only our copy has, or set by hand, as
//! undecided (F6).

mod common;
use common::*;

/// Each author of a reading as (family, given, suffix, literal).
fn people(r: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    r["author_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (s(&a["family"]), s(&a["given"]), s(&a["suffix"]), s(&a["literal"])))
        .collect()
}

fn p(family: &str, given: &str) -> (String, String, String, String) {
    (family.to_string(), given.to_string(), String::new(), String::new())
}

/// "и", "und", "et", "y", "e", "en", "i" between two names "Family, Given"
/// separate them as "and" does, after `;` or in a cell without one (tester
/// 86 F4: Sidorov was stored inside Petrov's given name, unsaid, and
/// Ivanova's initials were given to Petrov).
#[test]
fn another_languages_and_between_two_names_separates_them() {
    let w = workdir();
    let said = w.import_reading(
        "and.csv",
        "title,authors,year,type\n\
         T9,\"Иванова, А. П.; Петров, И. И. и Сидоров, С. С.\",2009,article\n\
         U4,\"Иванова, А. П. и Петров, И. И.\",2004,article\n\
         U5,\"Иванова, А. П., Петров, И. И. и Сидоров, С. С.\",2005,article\n\
         D1,\"Müller, Hans; Schmidt, Anna und Weber, Karl\",2001,article\n\
         D2,\"Müller, H. S. und Schmidt, Anna\",2002,article\n\
         F1,\"Dupont, Jean et Martin, Claire\",2003,article\n\
         S1,\"García, José y López, María\",2005,article\n\
         P1,\"Silva, João e Santos, Maria\",2006,article\n\
         N1,\"Jansen, Piet en Bakker, Anna\",2007,article\n\
         K1,\"Kowalski, Jan i Nowak, Anna\",2016,article\n\
         M1,\"Eça e Silva, Maria; Dupont, J. et Martin, C. et Durand, P.\",2013,article\n\
         J1,\"King, Martin L., Jr. und Weber, Karl\",2015,article\n\
         O1,\"Ortega y Gasset, José\",2008,article\n\
         E1,\"Dupont, J. et al.\",2014,article\n",
    );
    assert!(!said.contains("warning"), "{said}");
    let list = w.reading_list();
    let of = |t: &str| people(reading(&list, t));
    assert_eq!(of("T9"), vec![p("Иванова", "А. П."), p("Петров", "И. И."), p("Сидоров", "С. С.")]);
    assert_eq!(of("U4"), vec![p("Иванова", "А. П."), p("Петров", "И. И.")]);
    assert_eq!(of("U5"), vec![p("Иванова", "А. П."), p("Петров", "И. И."), p("Сидоров", "С. С.")]);
    assert_eq!(of("D1"), vec![p("Müller", "Hans"), p("Schmidt", "Anna"), p("Weber", "Karl")]);
    assert_eq!(of("D2"), vec![p("Müller", "H. S."), p("Schmidt", "Anna")]);
    assert_eq!(of("F1"), vec![p("Dupont", "Jean"), p("Martin", "Claire")]);
    assert_eq!(of("S1"), vec![p("García", "José"), p("López", "María")]);
    assert_eq!(of("P1"), vec![p("Silva", "João"), p("Santos", "Maria")]);
    assert_eq!(of("N1"), vec![p("Jansen", "Piet"), p("Bakker", "Anna")]);
    assert_eq!(of("K1"), vec![p("Kowalski", "Jan"), p("Nowak", "Anna")]);
    // A word of a family name stays in it ("Eça e Silva", "Ortega y Gasset").
    assert_eq!(of("M1"), vec![p("Eça e Silva", "Maria"), p("Dupont", "J."), p("Martin", "C."), p("Durand", "P.")]);
    assert_eq!(of("J1"), vec![("King".into(), "Martin L.".into(), "Jr.".into(), String::new()), p("Weber", "Karl")]);
    assert_eq!(of("O1"), vec![p("Ortega y Gasset", "José")]);
    assert_eq!(of("E1"), vec![p("Dupont", "J.")]);
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "T9"), "Иванова, А. П., Петров, И. И., & Сидоров, С. С. (2009). T9.");
    assert_eq!(reference(&refs, "U4"), "Иванова, А. П., & Петров, И. И. (2004). U4.");
    assert_eq!(reference(&refs, "D1"), "Müller, H., Schmidt, A., & Weber, K. (2001). D1.");
    assert_eq!(reference(&refs, "F1"), "Dupont, J., & Martin, C. (2003). F1.");
    assert_eq!(reference(&refs, "J1"), "King, M. L., Jr., & Weber, K. (2015). J1.");
    assert_eq!(reference(&refs, "O1"), "Ortega y Gasset, J. (2008). O1.");
}

/// Where the word does not stand between two whole names, the cell is
/// read as before, and a given name holding the word (a second person,
/// perhaps) or a comma is said, naming the cell: never stored unsaid.
#[test]
fn a_given_name_holding_an_and_or_a_comma_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "doubt.csv",
        "title,authors,year,type\n\
         X1,\"Smith, John и Mary\",2010,article\n\
         X2,\"Иванова, А. П. и Петров\",2017,article\n\
         X3,\"Müller, Hans; Schmidt, Anna, Weber\",2001,article\n",
    );
    let list = w.reading_list();
    assert_eq!(people(reading(&list, "X1")), vec![p("Smith", "John и Mary")]);
    assert_eq!(people(reading(&list, "X2")), vec![p("Иванова", "А. П. и Петров")]);
    assert_eq!(people(reading(&list, "X3")), vec![p("Müller", "Hans"), p("Schmidt", "Anna, Weber")]);
    for line in [
        "doubt.csv:2:2: warning: authors cell \"Smith, John и Mary\" was read as one name, family name \"Smith\" \
         with given name \"John и Mary\", which holds the word \"и\" (\"and\"?); if it is two people, separate names \
         with `;` (\"Family, Given; Family, Given\")",
        "doubt.csv:3:2: warning: authors cell \"Иванова, А. П. и Петров\" was read as one name, family name \
         \"Иванова\" with given name \"А. П. и Петров\", which holds the word \"и\" (\"and\"?); if it is two people, \
         separate names with `;` (\"Family, Given; Family, Given\")",
        "doubt.csv:4:2: warning: authors cell \"Müller, Hans; Schmidt, Anna, Weber\": \"Schmidt, Anna, Weber\" was \
         read as one name, family name \"Schmidt\" with given name \"Anna, Weber\", which holds a comma; if it is two \
         people, separate names with `;` (\"Family, Given; Family, Given\")",
    ] {
        assert!(said.lines().any(|l| l.ends_with(&format!("/{line}"))), "missing {line}\nin:\n{said}");
    }
}

/// APA's italic volume after a journal's name in Devanagari or Arabic is
/// italic, as after one in Cyrillic (tester 86 F5: "7" and "12" upright).
#[test]
fn the_pdf_keeps_the_volumes_italics_after_a_journal_in_any_script() {
    let w = workdir();
    w.import_reading(
        "ar.csv",
        "title,authors,year,type,container,volume,issue,pages,language\n\
         الطب الاستعماري في مصر,\"الرازي، محمد؛ سينا، ابن\",2016,article,المجلة الطبية المصرية,12,3,45-60,ar\n\
         औपनिवेशिक चिकित्सा और जाति,\"शर्मा, राजेश; वर्मा, सुनीता\",2018,article,भारतीय चिकित्सा पत्रिका,7,2,11-19,hi\n\
         Колониальная медицина,\"Иванова, Анна Петровна; Петров, Иван\",2015,article,Вопросы истории,3,1,5-9,ru\n",
    );
    let pdf = w.path("r.pdf");
    w.ok(&["report", pdf.to_str().unwrap(), "--style", "apa", "-q"]);
    let Some(italics) = pdf_italics(&pdf) else { return };
    let italics: Vec<&str> = italics.iter().map(|s| s.trim()).collect();
    for v in ["Вопросы истории", "3", "12", "7"] {
        assert!(italics.contains(&v), "{v:?} not italic: {italics:?}");
    }
    // The issue and pages stay upright.
    assert!(!italics.iter().any(|t| t.contains("(2)") || t.contains("11–19")), "{italics:?}");
}

fn nbib(w: &Workdir) -> std::path::PathBuf {
    w.write(
        "pm.nbib",
        "PMID- 33000001\nVI  - 15\nIP  - 2\nDP  - 2021 Mar\nTI  - Teaching the history of colonial medicine to \
         medical students: a mixed-methods evaluation.\nPG  - 210-8\nFAU - Mensah, Kofi A\nAU  - Mensah KA\n\
         FAU - Nguyen, Van An\nAU  - Nguyen VA\nTA  - Med Educ Online\nJT  - Medical education online\n\
         AID - 10.1080/10872981.2021.1234567 [doi]\n",
    )
}

fn zotero(w: &Workdir) -> std::path::PathBuf {
    w.write(
        "zot.csv",
        "\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"DOI\",\"Date\",\"Pages\",\
         \"Issue\",\"Volume\"\n\
         \"journalArticle\",\"2021\",\"Mensah, Kofi Asante; Nguyen, Van An\",\"Teaching the history of colonial \
         medicine to medical students: a mixed-methods evaluation\",\"Medical Education Online\",\
         \"10.1080/10872981.2021.1234567\",\"2021-03-15\",\"210-218\",\"2\",\"15\"\n",
    )
}

/// A value only our copy has (their field empty: no PMID in a Zotero
/// export) is no decision: not listed as kept-ours with an edit "to take
/// theirs", counted in the summary instead (tester 86 F6).
#[test]
fn a_value_their_copy_lacks_is_not_listed_as_kept_ours() {
    let w = workdir();
    let theirs = w.path("theirs.db");
    w.ok_at(&theirs, &["import", "reading", zotero(&w).to_str().unwrap(), "-q"]);
    w.ok(&["import", "reading", nbib(&w).to_str().unwrap(), "-q"]);
    let merge = || {
        let out = w.cmd(&["merge", theirs.to_str().unwrap(), "--by", "amina"]).output().unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{stderr}");
        assert!(!stdout.contains("kept-ours") && !stdout.contains("theirs has none"), "{stdout}");
        assert_eq!(reading(&w.reading_list(), "Teaching")["pmid"].as_str(), Some("33000001"), "{stdout}");
        stderr.to_string()
    };
    // Their fuller pages and date are taken; our PMID stays, unlisted.
    merge();
    let r = reading(&w.reading_list(), "Teaching").clone();
    assert_eq!((r["pages"].as_str(), r["day"].as_i64()), (Some("210-218"), Some(15)));
    // Merged again, the PMID is all that differs: counted, not listed.
    let said = merge();
    assert!(
        said.contains(
            " 0 kept ours (1 more where only our copy has some values, theirs none: ours keeps them, not listed)"
        ),
        "{said}"
    );
    assert_eq!(reading(&w.reading_list(), "Teaching"), &r);
}

/// Our value set by hand is said to be so, with the change that set it,
/// not "no history says which side's value is newer" (tester 86 F6).
#[test]
fn a_kept_value_we_set_by_hand_is_said_to_be_a_hand_edit() {
    let w = workdir();
    w.ok(&["import", "reading", nbib(&w).to_str().unwrap(), "-q"]);
    let theirs = w.path("theirs.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    let id = reading(&w.reading_list(), "Teaching")["id"].to_string();
    let said = w.ok_stderr(&[
        "reading",
        "edit",
        &id,
        "--author",
        "Mensah, Kofi Asante",
        "--author",
        "Nguyễn, Văn An",
        "--by",
        "amina",
    ]);
    let change = said.split("(change #").nth(1).and_then(|s| s.split(';').next()).expect("a change").to_string();
    w.ok_at(&theirs, &["import", "reading", zotero(&w).to_str().unwrap(), "-q"]);
    let steps = w.json(&["merge", theirs.to_str().unwrap(), "--by", "chen", "--format", "json"]);
    let kept: Vec<&str> = steps
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"] == "kept-ours")
        .map(|s| s["what"].as_str().unwrap())
        .collect();
    assert_eq!(kept.len(), 1, "{steps}");
    assert!(kept[0].contains(&format!("), ours set by hand in change #{change} by amina on ")), "{}", kept[0]);
    assert!(kept[0].ends_with("— ours, set by hand, is kept (`canon reading edit` to take theirs)"), "{}", kept[0]);
    assert!(!kept[0].contains("no history says"), "{}", kept[0]);
    let r = reading(&w.reading_list(), "Teaching").clone();
    assert_eq!(r["authors"], serde_json::json!(["Mensah, Kofi Asante", "Nguyễn, Văn An"]));
}

/// Where a person set their value too, both hand edits are named and
/// neither is called newer.
#[test]
fn a_kept_value_both_sides_set_by_hand_names_both_edits() {
    let w = workdir();
    w.import_reading(
        "z.bib",
        "@article{v, author={Vyas, Darshali A.}, title={Hidden in plain sight}, journal={NEJM}, year={2020}, \
         volume={383}, pages={874--882}, doi={10.1056/NEJMms2004740}}\n",
    );
    let theirs = w.path("y.db");
    std::fs::copy(w.db(), &theirs).unwrap();
    let full = "New England Journal of Medicine";
    w.ok(&["reading", "edit", "10.1056/NEJMms2004740", "--container", full, "--by", "xavi"]);
    w.ok_at(&theirs, &["reading", "edit", "10.1056/NEJMms2004740", "--container", "N Engl J Med", "--by", "yuki"]);
    let out = w.ok(&["merge", theirs.to_str().unwrap(), "--by", "xavi"]);
    let line = out.lines().find(|l| l.contains("kept-ours")).unwrap_or_else(|| panic!("no kept-ours step: {out}"));
    assert!(
        line.contains(&format!(
            "container \"{full}\" (theirs \"N Engl J Med\": theirs is its abbreviation), ours set by hand in change #"
        )) && line.contains(" by xavi on ")
            && line.contains("(theirs in their change #")
            && line.contains(" by yuki on ")
            && line.contains(
                "— ours is kept: a person set it here (a person set theirs too where said; no rule says which is \
                 right) (`canon reading edit` to take theirs)"
            ),
        "{line}"
    );
    assert_eq!(reading(&w.reading_list(), "Hidden")["container"], full);
}
