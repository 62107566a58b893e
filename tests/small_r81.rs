//! Tester r81: a catalogue's "[et al.]", "2025 (i. E.)", "Bd. 3", "300 S.",
//! a series whose name ends in ")".
mod common;
use common::*;

#[test]
fn a_catalogues_bracketed_et_al_cuts_the_list_short() {
    let w = Workdir::new();
    w.import_reading(
        "e.csv",
        "title,authors,year,type,container,volume,pages\n\
         \"Et al two\",\"Farmer, Paul, et al.\",2011,article,\"J Two\",1,\"1-2\"\n\
         \"Et al five\",\"Farmer, Paul [et al.]\",2014,article,\"J Five\",1,\"1-2\"\n\
         \"Et al six\",\"Farmer, Paul; Kim, Jim Yong [et al]\",2015,article,\"J Six\",1,\"1-2\"\n\
         \"Et al seven\",\"Farmer, Paul [u. a.]\",2016,article,\"J Seven\",1,\"1-2\"\n",
    );
    let list = w.reading_list();
    for t in ["Et al two", "Et al five", "Et al six", "Et al seven"] {
        let r = reading(&list, t);
        assert_eq!(r["authors_truncated"], true, "{t}: {r:#}");
    }
    let r = reading(&list, "Et al five");
    assert_eq!(r["authors"].as_array().unwrap().len(), 1, "{r:#}");
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Et al five"), "Farmer P, et al. Et al five. J Five. 2014;1:1-2.");
    assert_eq!(reference(&refs, "Et al six"), "Farmer P, Kim JY, et al. Et al six. J Six. 2015;1:1-2.");
    assert_eq!(reference(&refs, "Et al seven"), "Farmer P, et al. Et al seven. J Seven. 2016;1:1-2.");
}

#[test]
fn german_i_e_beside_a_year_is_the_year_forthcoming() {
    let w = Workdir::new();
    let err = w.import_reading(
        "ip.csv",
        "title,authors,year,type,container\n\
         \"In press C2\",\"Ba, Amadou\",2025 (im Erscheinen),article,\"J C2\"\n\
         \"In press C4\",\"Ba, Amadou\",2025 (i. E.),article,\"J C4\"\n\
         \"In press C6\",\"Ba, Amadou\",i. E. 2025,article,\"J C6\"\n\
         \"In press C7\",\"Ba, Amadou\",\"2025, i. E.\",article,\"J C7\"\n\
         \"In press C8\",\"Ba, Amadou\",2025 [i.E.],article,\"J C8\"\n\
",
    );
    assert!(err.contains("5 new, 0 changed, 0 unchanged, 0 duplicate, 0 rejected"), "{err}");
    // Said, as "im Erscheinen" is.
    assert!(err.contains("ip.csv:3:3: warning: date \"2025 (i. E.)\": read as not yet published"), "{err}");
    let list = w.reading_list();
    let c2 = reading(&list, "In press C2");
    for t in ["In press C4", "In press C6", "In press C7", "In press C8"] {
        let r = reading(&list, t);
        assert_eq!(r["year"], 2025, "{t}: {r:#}");
        assert_eq!(r["year_note"], c2["year_note"], "{t}: {r:#}");
    }
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year = 2025 AND year_note = 'forthcoming'"), 5);
}

#[test]
fn a_bibtex_year_with_i_e_is_read() {
    let w = Workdir::new();
    let p =
        w.write("ie.bib", "@article{a, title={I E bib}, author={Ba, Amadou}, journal={J}, year = {2025 (i. E.)}}\n");
    w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    let r = reading(&w.reading_list(), "I E bib").clone();
    assert_eq!(r["year"], 2025, "{r:#}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE year = 2025 AND year_note = 'forthcoming'"), 1);
}

#[test]
fn a_volume_label_in_another_language_is_not_the_volume() {
    let w = Workdir::new();
    w.import_reading(
        "vol.csv",
        "title,authors,year,type,publisher,place,volume\n\
         \"Lehrbuch der Medizin\",\"Virchow, Rudolf\",1858,book,\"Hirschwald\",\"Berlin\",\"Bd. 3\"\n\
         \"Band four\",\"Virchow, Rudolf\",1859,book,\"Hirschwald\",\"Berlin\",\"Band 4\"\n\
         \"Tome two\",\"Ba, Amadou\",1990,book,Karthala,Paris,\"t. 2\"\n\
         \"Tomo five\",\"Ba, Amadou\",1991,book,Karthala,Paris,\"Tomo 5\"\n",
    );
    let list = w.reading_list();
    for (t, v) in [("Lehrbuch", "3"), ("Band four", "4"), ("Tome two", "2"), ("Tomo five", "5")] {
        assert_eq!(reading(&list, t)["volume"], v, "{t}");
    }
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Lehrbuch"), "Virchow R. Lehrbuch der Medizin. Vol. 3. Berlin: Hirschwald; 1858.");
    let refs = w.references("apa");
    assert_eq!(reference(&refs, "Lehrbuch"), "Virchow, R. (1858). Lehrbuch der Medizin (Vol. 3). Hirschwald.");
}

#[test]
fn a_page_count_label_in_another_language_is_not_the_count() {
    let w = Workdir::new();
    w.import_reading(
        "pc.csv",
        "title,authors,year,type,publisher,place,page_count\n\
         \"PC one\",\"Ba, Amadou\",1990,book,Karthala,Paris,300 S.\n\
         \"PC two\",\"Ba, Amadou\",1991,book,Karthala,Paris,300 p.\n\
         \"PC five\",\"Ba, Amadou\",1994,book,Karthala,Paris,\"XII, 300 Seiten\"\n\
         \"PC six\",\"Ba, Amadou\",1995,report,Karthala,Paris,45 S.\n\
         \"PC seven\",\"Ba, Amadou\",1996,book,Karthala,Paris,\"xii, 300 S.\"\n\
         \"PC eight\",\"Ba, Amadou\",1997,book,Karthala,Paris,\"250 págs.\"\n",
    );
    let list = w.reading_list();
    for (t, n) in [
        ("PC one", "300"),
        ("PC two", "300"),
        ("PC five", "XII, 300"),
        ("PC six", "45"),
        ("PC seven", "xii, 300"),
        ("PC eight", "250"),
    ] {
        assert_eq!(reading(&list, t)["page_count"], n, "{t}");
    }
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "PC one"), "Ba A. PC one. Paris: Karthala; 1990. 300 p.");
    assert_eq!(reference(&refs, "PC five"), "Ba A. PC five. Paris: Karthala; 1994. XII, 300 p.");
}

#[test]
fn a_series_ending_in_a_parenthesis_keeps_its_groups_close() {
    let w = Workdir::new();
    w.import_reading(
        "paren.csv",
        "title,authors,year,type,publisher,place,series,series_number\n\
         \"Paren one\",\"Ba, Amadou\",2000,book,Karthala,Paris,\"Cahiers (Nouvelle série)\",\n\
         \"Paren two\",\"Ba, Amadou\",2001,book,Karthala,Paris,\"Cahiers (Nouvelle série)\",4\n\
         \"Paren three\",\"Ba, Amadou\",2002,report,WHO,Geneva,\"Technical Report Series (WHO)\",\n\
         \"Paren four\",\"Ba, Amadou\",2003,book,\"University of Washington\",Seattle,\"GeneReviews(R)\",\n",
    );
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Paren one"), "Ba A. Paren one. Paris: Karthala; 2000. (Cahiers (Nouvelle série)).");
    assert_eq!(
        reference(&refs, "Paren two"),
        "Ba A. Paren two. Paris: Karthala; 2001. (Cahiers (Nouvelle série); no. 4)."
    );
    assert_eq!(
        reference(&refs, "Paren three"),
        "Ba A. Paren three. Geneva: WHO; 2002. (Technical Report Series (WHO))."
    );
    assert_eq!(
        reference(&refs, "Paren four"),
        "Ba A. Paren four. Seattle: University of Washington; 2003. (GeneReviews(R))."
    );
    let refs = w.references("harvard");
    assert_eq!(reference(&refs, "Paren one"), "Ba, A. (2000) Paren one. Paris: Karthala (Cahiers (Nouvelle série)).");
}
