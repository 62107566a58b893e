//! Tester r78 F3, F4, F5, F11, F13, F15: role words in other languages
//! before an editor's name, "(dir.)"/"(Hrsg.)" authors as editors, states
//! of publication in other languages, a volume's ISBN qualifier in German
//! and French, several volumes' ISBNs in one field, and a catalogue's
//! "Set. 2, Volume title".

mod common;

use common::{Workdir, reading, reference};

/// The names of `role` ("editors", "authors") of a reading, as "Family, Given".
fn names(r: &serde_json::Value, role: &str) -> Vec<String> {
    r[role]
        .as_array()
        .unwrap_or_else(|| panic!("no {role} in {r:#}"))
        .iter()
        .map(|n| {
            format!(
                "{}{}, {}",
                n["particle"].as_str().map_or(String::new(), |p| format!("{p} ")),
                n["family"].as_str().unwrap_or_default(),
                n["given"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// F5: "hrsg. von", "Hrsg.", "sous la dir. de" and the like before an
/// editor's name are taken off, said, in a reading CSV and in other formats.
#[test]
fn role_words_before_an_editors_name_are_taken_off_and_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "ed.csv",
        "title,authors,editors,year,type,publisher,place,container,pages\n\
\"Die Klinik und der Rassismus\",\"Weber, Klaus\",\"hrsg. von Bergdolt, Klaus\",2020,chapter,Springer,Berlin,\"Handbuch Medizingeschichte\",112-130\n\
\"Kolonialmedizin\",\"Eckart, Wolfgang U.\",\"Hrsg. Bergdolt, Klaus\",2021,chapter,Springer,Berlin,\"Handbuch 2\",1-9\n\
\"Santé des migrants\",\"Diallo, Awa\",\"sous la dir. de Fassin, Didier\",2012,chapter,La Découverte,Paris,\"Les nouvelles frontières\",10-20\n\
\"Santé et colonies\",\"Sy, Aminata\",\"sous la direction de Didier Fassin\",2013,chapter,Karthala,Paris,\"Santé publique\",1-9\n\
\"Medicina e colonie\",\"Rossi, Anna\",\"a cura di Mario Bianchi; Verdi, Luca\",2014,chapter,Einaudi,Torino,\"Storia\",1-9\n\
\"Herausgegeben\",\"Roth, Karl\",\"Herausgegeben von Schmidt, Anna\",2015,chapter,Springer,Berlin,\"Band\",1-9\n",
    );
    for (line, written, role) in [
        (2, "hrsg. von Bergdolt, Klaus", "hrsg. von"),
        (3, "Hrsg. Bergdolt, Klaus", "Hrsg."),
        (4, "sous la dir. de Fassin, Didier", "sous la dir. de"),
        (5, "sous la direction de Didier Fassin", "sous la direction de"),
        (6, "a cura di Mario Bianchi", "a cura di"),
        (7, "Herausgegeben von Schmidt, Anna", "Herausgegeben von"),
    ] {
        let said = format!("ed.csv:{line}:3: warning: editors {written:?}: read as the editor");
        assert!(err.contains(&said), "{said}\n{err}");
        assert!(err.contains(&format!("{role:?} is the role written before the name")), "{role}\n{err}");
    }
    let list = w.reading_list();
    assert_eq!(names(reading(&list, "Die Klinik"), "editor_names"), ["Bergdolt, Klaus"]);
    assert_eq!(names(reading(&list, "Kolonialmedizin"), "editor_names"), ["Bergdolt, Klaus"]);
    assert_eq!(names(reading(&list, "Santé des migrants"), "editor_names"), ["Fassin, Didier"]);
    assert_eq!(names(reading(&list, "Santé et colonies"), "editor_names"), ["Fassin, Didier"]);
    assert_eq!(names(reading(&list, "Medicina"), "editor_names"), ["Bianchi, Mario", "Verdi, Luca"]);
    assert_eq!(names(reading(&list, "Herausgegeben"), "editor_names"), ["Schmidt, Anna"]);

    let v = w.references("vancouver");
    assert!(reference(&v, "Die Klinik").contains("In: Bergdolt K, editor. Handbuch"), "{v:#?}");
    assert!(reference(&v, "Kolonialmedizin").contains("In: Bergdolt K, editor."), "{v:#?}");
    assert!(reference(&v, "Santé des migrants").contains("In: Fassin D, editor."), "{v:#?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Die Klinik").contains("In K. Bergdolt (Ed.), Handbuch Medizingeschichte"), "{apa:#?}");
    assert!(!apa.values().any(|r| r.to_lowercase().contains("hrsg") || r.contains("dir.")), "{apa:#?}");

    // The same words in a RIS editor field and a translator's before the name.
    let w = Workdir::new();
    let err = w.import_reading(
        "e.ris",
        "TY  - CHAP\nTI  - Kolonialmedizin\nAU  - Eckart, Wolfgang U.\nED  - hrsg. von Bergdolt, Klaus\n\
         T2  - Handbuch\nPY  - 2021\nER  - \n\n\
         TY  - BOOK\nTI  - Les damnés\nAU  - Fanon, Frantz\nA4  - traduit par Richard Philcox\nPY  - 2002\nER  - \n",
    );
    assert!(err.contains("editors \"hrsg. von Bergdolt, Klaus\": read as the editor \"Bergdolt, Klaus\""), "{err}");
    let list = w.reading_list();
    assert_eq!(names(reading(&list, "Kolonialmedizin"), "editor_names"), ["Bergdolt, Klaus"]);
    let t = reading(&list, "Les damnés");
    assert_eq!(names(t, "translator_names"), ["Philcox, Richard"], "{err}");
    assert!(
        err.contains("translators \"traduit par Richard Philcox\": read as the translator \"Philcox, Richard\""),
        "{err}"
    );
}

/// F4: an authors cell whose names are marked "(dir.)", "(Hrsg.)",
/// "(Hg.)", "(éd.)" gives the editors, as "(eds.)" does; and a name so
/// marked beside the book's editors is an editor too.
#[test]
fn dir_and_hrsg_after_an_authors_name_make_them_editors() {
    let w = Workdir::new();
    let err = w.import_reading(
        "v.csv",
        "title,authors,editors,year,type,publisher,place\n\
\"Histoire de la pensée médicale\",\"Grmek, Mirko D. (dir.)\",,1995,book,Seuil,Paris\n\
\"Handbuch Medizingeschichte\",\"Bergdolt, Klaus (Hrsg.); Schmidt, Anna (Hrsg.)\",,2019,book,Springer,Berlin\n\
\"Geschichte der Pflege\",\"Roth, Karl (Hg.)\",,2010,book,Springer,Berlin\n\
\"Médecine et empire\",\"Dozon, Jean-Pierre (éd.); Fassin, Didier (éd.)\",,2011,book,Karthala,Paris\n\
\"Santé publique\",\"Sy, Aminata (dir.)\",\"Fassin, Didier\",2012,book,Karthala,Paris\n\
\"Édité par\",\"sous la direction de Didier Fassin\",,2013,book,Karthala,Paris\n",
    );
    for line in 2..=5 {
        assert!(err.contains(&format!("v.csv:{line}:2: warning: authors")), "{line}\n{err}");
    }
    assert!(!err.contains("is not part of the name"), "{err}");
    assert!(!err.contains("stored as an author"), "{err}");
    let list = w.reading_list();
    for (title, eds) in [
        ("Histoire", vec!["Grmek, Mirko D."]),
        ("Handbuch", vec!["Bergdolt, Klaus", "Schmidt, Anna"]),
        ("Geschichte", vec!["Roth, Karl"]),
        ("Médecine et empire", vec!["Dozon, Jean-Pierre", "Fassin, Didier"]),
        ("Santé publique", vec!["Fassin, Didier", "Sy, Aminata"]),
        ("Édité par", vec!["Fassin, Didier"]),
    ] {
        let r = reading(&list, title);
        let mut got = names(r, "editor_names");
        got.sort();
        assert_eq!(got, eds, "{title}: {err}\n{r:#}");
        assert!(r["author_names"].as_array().is_none_or(|a| a.is_empty()), "{title}: {r:#}");
    }
    let v = w.references("vancouver");
    assert!(reference(&v, "Histoire").starts_with("Grmek MD, editor. Histoire"), "{v:#?}");
    let apa = w.references("apa");
    assert!(reference(&apa, "Histoire").starts_with("Grmek, M. D. (Ed.). (1995)."), "{apa:#?}");
}

/// F11: a date written as not yet published in French, German, Spanish,
/// Portuguese or Italian is read as canon's state, said; never refused.
#[test]
fn not_yet_published_in_other_languages_is_read_and_said() {
    let w = Workdir::new();
    let err = w.import_reading(
        "s.csv",
        "title,year,type\n\
A,à paraître,book\n\
B,im Druck,book\n\
C,sous presse,book\n\
D,in Vorbereitung,book\n\
E,en prensa,book\n\
F,\"2025 (im Druck)\",book\n\
G,[À paraître],book\n",
    );
    let list = w.reading_list();
    for (t, year, note, line) in [
        ("A", None, "forthcoming", 2),
        ("B", None, "in press", 3),
        ("C", None, "in press", 4),
        ("D", None, "in preparation", 5),
        ("E", None, "in press", 6),
        ("F", Some(2025), "in press", 7),
        ("G", None, "forthcoming", 8),
    ] {
        let r = reading(&list, t);
        assert_eq!((r["year"].as_i64(), r["year_note"].as_str()), (year, Some(note)), "{t}: {r:#}");
        let said = format!("s.csv:{line}:2: warning: date");
        assert!(err.contains(&said) && err.contains(&format!("stored as {note:?}")), "{said}\n{err}");
    }

    // A Zotero export whose Date is "à paraître" (Extra "status: forthcoming").
    let w = Workdir::new();
    let header =
        "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\",\"Extra\"\n";
    let err = w.import_reading(
        "z.csv",
        &format!(
            "{header}\"A1\",\"bookSection\",\"\",\"Mbembe, Achille\",\"Nécropolitique\",\"Penser la santé\",\
             \"à paraître\",\"status: forthcoming\"\n\
             \"A2\",\"book\",\"\",\"Porter, Roy\",\"Geschichte\",\"\",\"im Druck\",\"\"\n"
        ),
    );
    assert!(err.contains("2 new"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "Nécropolitique")["year_note"], "forthcoming", "{err}");
    assert_eq!(reading(&list, "Geschichte")["year_note"], "in press", "{err}");
}

/// F13: "(Bd. 2)", "(t. 2)", "(vol. 2)" after an ISBN give volume 2 as
/// "(v. 2)" does, and beside a volume column that agrees, they are read so,
/// not called a note of the binding; one naming another volume is said.
#[test]
fn german_and_french_isbn_qualifiers_name_the_volume() {
    let w = Workdir::new();
    let err = w.import_reading(
        "q.csv",
        "title,year,type,isbn,volume\n\
Geschichte der Medizin,2003,book,\"3540000003 (Bd. 2)\",2\n\
Histoire de la médecine,2003,book,\"2020222809 (t. 3)\",\n\
Companion,1993,book,\"0415047730 (vol. 2)\",\n\
Handbuch,2003,book,\"0415047722 (Bd. 1)\",4\n",
    );
    assert!(!err.contains("is not stored"), "{err}");
    assert!(err.contains("q.csv:2:4: warning: isbn \"3540000003 (Bd. 2)\": read as the ISBN 3540000003 of volume 2, the volume the record gives"), "{err}");
    assert!(
        err.contains("q.csv:3:4: warning: isbn \"2020222809 (t. 3)\": read as the ISBN 2020222809 of volume 3"),
        "{err}"
    );
    assert!(
        err.contains("q.csv:5:4: warning: isbn \"0415047722 (Bd. 1)\"")
            && err.contains("names volume 1, the record's volume 4"),
        "{err}"
    );
    let list = w.reading_list();
    assert_eq!(reading(&list, "Geschichte")["volume"], "2");
    assert_eq!(reading(&list, "Histoire")["volume"], "3");
    assert_eq!(reading(&list, "Companion")["volume"], "2");
    assert_eq!(reading(&list, "Handbuch")["volume"], "4");
}

/// F15: an ISBN field holding each volume's ISBN with its qualifier is the
/// set's record: one ISBN kept, the other named as its volume's; the volume
/// numbers are never called ISBNs, and the set takes no volume.
#[test]
fn several_volumes_isbns_in_one_field_are_named_as_the_volumes() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records>\
<record><rec-number>11</rec-number><ref-type name=\"Edited Book\">28</ref-type>\
<contributors><authors><author>Bynum, W. F.</author><author>Porter, Roy</author></authors></contributors>\
<titles><title>Companion encyclopedia of the history of medicine</title></titles>\
<dates><year>1993</year></dates><num-vols>2</num-vols><publisher>Routledge</publisher>\
<isbn>0415047722 (v. 1); 0415047730 (v. 2)</isbn></record></records></xml>";
    let w = Workdir::new();
    let err = w.import_reading("e.xml", xml);
    assert!(
        err.contains(
            "the ISBN 0415047722, volume 1's, is kept for the set; 0415047730 (v. 2), the ISBN of volume 2, not stored \
             (canon keeps one ISBN)"
        ),
        "{err}"
    );
    assert!(!err.contains("\"1\"") && !err.contains("\"2\",") && !err.contains("not a valid ISBN"), "{err}");
    let list = w.reading_list();
    let r = reading(&list, "Companion");
    assert_eq!(r["isbn"], "0415047722", "{r:#}");
    assert!(r["volume"].is_null(), "{r:#}");

    // The same in a CSV cell and a RIS SN, with three volumes.
    let w = Workdir::new();
    let err = w.import_reading(
        "s.ris",
        "TY  - BOOK\nTI  - Companion encyclopedia\nAU  - Bynum, W. F.\nPY  - 1993\n\
         SN  - 0415047722 (v. 1); 0415047730 (v. 2); 2020222809 (vol. 3)\nER  - \n",
    );
    assert!(
        err.contains("0415047730 (v. 2), the ISBN of volume 2, 2020222809 (vol. 3), the ISBN of volume 3, not stored"),
        "{err}"
    );
    assert!(!err.contains("not a valid ISBN"), "{err}");
}

/// F3: a catalogue's title of one volume, "Set. 2, Volume title" (MARC 245
/// $a $n $p), is the set's title, the volume and its title: it matches the
/// stored volume and is never printed with the volume twice.
#[test]
fn a_catalogues_numbered_part_title_is_the_volume() {
    let w = Workdir::new();
    w.import_reading(
        "vols.csv",
        "title,authors,year,type,isbn,publisher,place,volume_title\n\
\"Histoire de la pensée médicale en Occident\",\"Grmek, Mirko D. (dir.)\",1995,book,\"2020222809 (v. 1)\",Seuil,Paris,Antiquité et Moyen Âge\n\
\"Histoire de la pensée médicale en Occident\",\"Grmek, Mirko D. (dir.)\",1997,book,\"2020222809 (v. 2)\",Seuil,Paris,De la Renaissance aux Lumières\n",
    );
    let err = w.import_reading(
        "v2.csv",
        "title,authors,year,type,isbn,publisher,place\n\
\"Histoire de la pensée médicale en Occident. 2, De la Renaissance aux Lumières\",\"Grmek, Mirko D.\",1997,book,\"2020222809 (v. 2)\",Seuil,Paris\n",
    );
    assert!(
        err.contains(
            "title \"Histoire de la pensée médicale en Occident. 2, De la Renaissance aux Lumières\": read as the set's \
             title \"Histoire de la pensée médicale en Occident\", volume 2, the volume's title \"De la Renaissance aux \
             Lumières\""
        ),
        "{err}"
    );
    assert!(err.contains("0 new, 0 changed, 1 unchanged"), "{err}");
    assert!(!err.contains("becomes the file's fuller"), "{err}");
    assert_eq!(w.count("SELECT count(DISTINCT title) FROM reading"), 1);
    let v = w.ok(&["reading", "list", "--format", "json"]);
    assert!(!v.contains("Occident. 2"), "{v}");
    let out = w.path("r.json");
    w.ok(&["report", out.to_str().unwrap(), "--style", "vancouver", "-q"]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("Histoire de la pensée médicale en Occident. Vol. 2, De la Renaissance aux Lumières."),
        "{text}"
    );
    assert!(!text.contains("Occident. 2,"), "{text}");

    // Other forms a catalogue writes: "Bd. 2: Title", "T. 3, Title".
    let w = Workdir::new();
    let err = w.import_reading(
        "o.csv",
        "title,year,type\n\
\"Geschichte der Medizin. Bd. 2, Von der Renaissance\",2003,book\n\
\"Histoire de la médecine. T. 3, Les Lumières\",2004,book\n\
\"Surgery. 2nd edition\",2005,book\n",
    );
    let list = w.reading_list();
    let g = reading(&list, "Geschichte");
    assert_eq!(
        (g["title"].as_str(), g["volume"].as_str(), g["volume_title"].as_str()),
        (Some("Geschichte der Medizin"), Some("2"), Some("Von der Renaissance")),
        "{err}"
    );
    let h = reading(&list, "Histoire");
    assert_eq!(
        (h["title"].as_str(), h["volume"].as_str(), h["volume_title"].as_str()),
        (Some("Histoire de la médecine"), Some("3"), Some("Les Lumières")),
        "{err}"
    );
    assert!(reading(&list, "Surgery")["volume"].is_null(), "{err}");
}
