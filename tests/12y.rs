//! Issue 12 (12y), through the binary: references printed as the manuals
//! print them. AMA by name; year letters one per work, in title order, in
//! every author-date style; editions in every written form; a copyright
//! year ("c1998") apart from an approximate one ("circa 1998"); Citing
//! Medicine's "[date unknown]", "p." and colon; books cited with the year
//! alone; Chicago's "forthcoming"; a year written with its letter warned.

mod common;

use std::collections::HashMap;

use common::{Workdir, reading, reference};

fn import(w: &Workdir, name: &str, text: &str) -> String {
    w.ok(&["init", "-q"]);
    w.import_reading(name, text)
}

/// The references of the report's reading list in the order the style
/// gives them (readings_by_theme.csv of the CSV folder).
fn listed(w: &Workdir, style: &str) -> Vec<String> {
    let dir = w.path(&format!("rep-{style}"));
    w.ok(&["report", &format!("{}/", dir.display()), "--style", style, "-q"]);
    let mut rd = csv::Reader::from_path(dir.join("readings_by_theme.csv")).unwrap();
    let headers = rd.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "reference").unwrap();
    rd.records().map(|r| r.unwrap()[at].to_string()).collect()
}

/// Where the reference holding `needle` (in any case) stands in `list`.
fn place(list: &[String], needle: &str) -> usize {
    let needle = needle.to_lowercase();
    list.iter()
        .position(|r| r.to_lowercase().contains(&needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {list:#?}"))
}

const LETTERS: &str = "title,authors,year,type,container,volume,pages\n\
Gamma work,\"Adeyemi, T.\",2013,article,J One,1,1-9\n\
Alpha work,\"Adeyemi, Tunde\",2013,article,J One,2,1-9\n\
Forthcoming thoughts two,\"Okafor, Ngozi\",in press,article,Soc Sci Med,,\n\
Forthcoming thoughts,\"Okafor, Ngozi\",in press,article,Soc Sci Med,,\n\
The zebra study,\"Bello, Ada\",2010,article,J Two,3,1-2\n\
A mango study,\"Bello, Ada\",2010,article,J Two,4,3-4\n";

#[test]
fn ama_is_a_style_by_its_short_name_and_its_bundled_name() {
    let w = Workdir::new();
    import(&w, "l.csv", LETTERS);
    for style in ["ama", "american-medical-association"] {
        let m = w.references(style);
        assert_eq!(reference(&m, "Alpha work"), "Adeyemi T. Alpha work. J One. 2013;2:1-9.", "{style}");
        assert_eq!(
            reference(&m, "Forthcoming thoughts two"),
            "Okafor N. Forthcoming thoughts two. Soc Sci Med. In press."
        );
    }
    // The other bundled medical and science styles still load.
    for (style, alpha) in [
        ("nature", "Adeyemi, T. Alpha work. J One 2, 1–9 (2013)."),
        ("ieee", "T. Adeyemi, “Alpha work,” J One, vol. 2, pp. 1–9, 2013."),
        ("the-lancet", "Adeyemi T. Alpha work. J One 2013; 2: 1–9."),
        ("bmj", "Adeyemi T. Alpha work. J One. 2013;2:1–9."),
    ] {
        assert_eq!(reference(&w.references(style), "Alpha work"), alpha, "{style}");
    }
    // Every name an unknown style's message suggests is accepted.
    let csv = w.path("r.csv");
    let err = w.fails(&["report", csv.to_str().unwrap(), "--style", "nonsense"]);
    assert!(err.contains("expected vancouver, apa, harvard, chicago, ama"), "{err}");
    let suggested: Vec<String> = err.split('"').skip(3).step_by(2).map(String::from).collect();
    assert!(suggested.contains(&"nature".to_string()) && suggested.contains(&"ieee".to_string()), "{err}");
    for name in ["vancouver", "apa", "harvard", "chicago", "ama"].iter().map(|s| s.to_string()).chain(suggested) {
        w.ok(&["report", w.path(&format!("s-{name}.csv")).to_str().unwrap(), "--style", &name, "-q"]);
    }
}

#[test]
fn year_letters_go_by_title_one_per_work_in_every_style() {
    let w = Workdir::new();
    import(&w, "l.csv", LETTERS);
    let apa = w.references("apa");
    // "Adeyemi, T." and "Adeyemi, Tunde" print alike in APA: one author, by title (APA 7 §9.47).
    assert_eq!(reference(&apa, "Alpha work"), "Adeyemi, T. (2013a). Alpha work. J One, 2, 1–9.");
    assert_eq!(reference(&apa, "Gamma work"), "Adeyemi, T. (2013b). Gamma work. J One, 1, 1–9.");
    // Word by word: "Thoughts" before "Thoughts Two"; an initial article passed over.
    assert_eq!(reference(&apa, "Forthcoming thoughts"), "Okafor, N. (in press-a). Forthcoming thoughts. Soc Sci Med.");
    assert!(reference(&apa, "Forthcoming thoughts two").contains("(in press-b)"));
    assert!(reference(&apa, "A mango study").contains("(2010a)"));
    assert!(reference(&apa, "The zebra study").contains("(2010b)"));
    let harvard = w.references("harvard");
    assert!(reference(&harvard, "Alpha work").starts_with("Adeyemi, T. (2013a) "));
    assert!(reference(&harvard, "Gamma work").starts_with("Adeyemi, T. (2013b) "));
    assert!(reference(&harvard, "Forthcoming thoughts").contains("(in press a)"));
    assert!(reference(&harvard, "Forthcoming thoughts two").contains("(in press b)"));
    assert!(reference(&harvard, "A mango study").contains("(2010a)"));
    let chicago = w.references("chicago");
    assert_eq!(
        reference(&chicago, "Forthcoming thoughts"),
        "Okafor, Ngozi. Forthcoming-a. “Forthcoming Thoughts.” Soc Sci Med."
    );
    assert!(reference(&chicago, "Forthcoming thoughts two").contains("Forthcoming-b."));
    assert!(reference(&chicago, "A mango study").contains("2010a."));
    assert!(reference(&chicago, "The zebra study").contains("2010b."));
    // Chicago prints the given names, which differ: no letters there.
    assert!(reference(&chicago, "Alpha work").starts_with("Adeyemi, Tunde. 2013. "));
    // And the lettered works stand in their letters' order.
    for style in ["apa", "harvard", "chicago"] {
        let list = listed(&w, style);
        assert!(place(&list, "ango") < place(&list, "ebra"), "{style}: {list:#?}");
        let thoughts = list
            .iter()
            .position(|r| r.to_lowercase().contains("forthcoming thoughts") && !r.to_lowercase().contains("two"))
            .unwrap();
        assert!(thoughts < place(&list, "forthcoming thoughts two"), "{style}: {list:#?}");
    }
    let apa_list = listed(&w, "apa");
    assert!(place(&apa_list, "Alpha work") < place(&apa_list, "Gamma work"), "{apa_list:#?}");
}

const EDITIONS: &str = "\
@book{e1, author = {Osei, Kwame}, title = {Edition word}, edition = {Second}, publisher = {Zed}, address = {London}, year = {2001}}
@book{e2, author = {Osei, Kwame}, title = {Edition one}, edition = {1st}, publisher = {Zed}, address = {London}, year = {2002}}
@book{e3, author = {Osei, Kwame}, title = {Edition edn}, edition = {2nd edn}, publisher = {Zed}, address = {London}, year = {2003}}
@book{e4, author = {Osei, Kwame}, title = {Edition words}, edition = {second edition}, publisher = {Zed}, address = {London}, year = {2004}}
@book{e5, author = {Osei, Kwame}, title = {Edition digit}, edition = {2}, publisher = {Zed}, address = {London}, year = {2005}}
@book{e6, author = {Osei, Kwame}, title = {Edition revised}, edition = {Revised}, publisher = {Zed}, address = {London}, year = {2006}}
@book{e7, author = {Osei, Kwame}, title = {Edition uno}, edition = {First}, publisher = {Zed}, address = {London}, year = {2007}}
@book{e8, author = {Osei, Kwame}, title = {Edition third}, edition = {3rd ed.}, publisher = {Zed}, address = {London}, year = {2008}}
";

#[test]
fn an_edition_in_any_written_form_prints_as_the_manuals_print_it() {
    let w = Workdir::new();
    import(&w, "e.bib", EDITIONS);
    // Stored as written.
    let list = w.reading_list();
    assert_eq!(reading(&list, "Edition word")["edition"], "Second");
    assert_eq!(reading(&list, "Edition edn")["edition"], "2nd edn");
    let (v, a, h, c) =
        (w.references("vancouver"), w.references("apa"), w.references("harvard"), w.references("chicago"));
    for (title, year) in
        [("Edition word", 2001), ("Edition edn", 2003), ("Edition words", 2004), ("Edition digit", 2005)]
    {
        assert_eq!(reference(&v, title), format!("Osei K. {title}. 2nd ed. London: Zed; {year}."));
        assert_eq!(reference(&a, title), format!("Osei, K. ({year}). {title} (2nd ed.). Zed."));
        assert_eq!(reference(&h, title), format!("Osei, K. ({year}) {title}. 2nd edn. London: Zed."));
        assert!(reference(&c, title).ends_with(". 2nd ed. Zed."), "{}", reference(&c, title));
    }
    assert_eq!(reference(&v, "Edition third"), "Osei K. Edition third. 3rd ed. London: Zed; 2008.");
    // A first edition is never printed.
    for title in ["Edition one", "Edition uno"] {
        for (style, m) in [("vancouver", &v), ("apa", &a), ("harvard", &h), ("chicago", &c)] {
            let r = reference(m, title);
            assert!(
                !r.contains("1st") && !r.contains("First.") && !r.contains(" ed.") && !r.contains("edn"),
                "{style}: {r}"
            );
        }
    }
    // Words that are no number are printed with the word for edition,
    // "Revised" as the manuals abbreviate it (Citing Medicine ch. 2 "Rev.
    // ed."; tester r27 F9: "Revised." alone did not say it was an edition).
    assert_eq!(reference(&v, "Edition revised"), "Osei K. Edition revised. Rev. ed. London: Zed; 2006.");
    assert_eq!(reference(&h, "Edition revised"), "Osei, K. (2006) Edition revised. Revised edn. London: Zed.");
}

const YEARS: &str = "title,authors,year,type,publisher,place\n\
Copyright glued,\"Mensah, Kofi\",c1998,book,Longman,London\n\
Copyright sign,\"Mensah, Kofi\",©1999,book,Longman,London\n\
Copyright word,\"Mensah, Kofi\",copyright 2000,book,Longman,London\n\
Circa word,\"Lind, Tove\",circa 1998,book,Longman,London\n\
Circa ca,\"Lind, Tove\",ca. 1999,book,Longman,London\n\
Circa c dot,\"Lind, Tove\",c. 2000,book,Longman,London\n";

#[test]
fn a_copyright_year_is_exact_and_a_circa_year_approximate() {
    let w = Workdir::new();
    import(&w, "y.csv", YEARS);
    let flags = |t: &str| {
        (
            w.count(&format!("SELECT year FROM reading WHERE title = '{t}'")),
            w.count(&format!("SELECT date_approximate FROM reading WHERE title = '{t}'")),
            w.count(&format!("SELECT date_copyright FROM reading WHERE title = '{t}'")),
        )
    };
    let list = w.reading_list();
    let (v, a, h, c) =
        (w.references("vancouver"), w.references("apa"), w.references("harvard"), w.references("chicago"));
    for (title, year) in [("Copyright glued", 1998), ("Copyright sign", 1999), ("Copyright word", 2000)] {
        assert_eq!(flags(title), (year, 0, 1), "{title}");
        assert_eq!(reading(&list, title)["date_copyright"], true);
        assert_eq!(reference(&v, title), format!("Mensah K. {title}. London: Longman; c{year}."));
        assert_eq!(reference(&a, title), format!("Mensah, K. ({year}). {title}. Longman."));
        assert!(reference(&h, title).starts_with(&format!("Mensah, K. ({year}) ")), "{}", reference(&h, title));
        assert!(reference(&c, title).starts_with(&format!("Mensah, Kofi. {year}. ")), "{}", reference(&c, title));
    }
    for (title, year) in [("Circa word", 1998), ("Circa ca", 1999), ("Circa c dot", 2000)] {
        assert_eq!(flags(title), (year, 1, 0), "{title}");
        assert_eq!(reference(&v, title), format!("Lind T. {title}. London: Longman; [{year}?]."));
        assert_eq!(reference(&a, title), format!("Lind, T. (ca. {year}). {title}. Longman."));
        assert!(reference(&h, title).starts_with(&format!("Lind, T. (c. {year}) ")), "{}", reference(&h, title));
        assert!(!reference(&v, title).contains(&format!("c{year}")));
    }
    // Shown, exported and read back as each is.
    let show = w.ok(&["reading", "show", &reading(&list, "Copyright glued")["id"].to_string()]);
    assert!(show.contains("copyright year") && !show.contains("approximate year"), "{show}");
    let text = w.ok(&["export", "reading", "--format", "csv"]);
    assert!(text.contains(",c1998,") && text.contains(",ca. 1998,"), "{text}");
    let other = Workdir::new();
    other.ok(&["init", "-q"]);
    other.ok(&["import", "reading", other.write("x.csv", &text).to_str().unwrap(), "-q"]);
    let again = other.reading_list();
    assert_eq!(reading(&again, "Copyright glued")["date_copyright"], true);
    assert_eq!(reading(&again, "Copyright glued")["date_approximate"], false);
    assert_eq!(reading(&again, "Circa word")["date_approximate"], true);
    // Typed years follow the same rule; a plain year clears the mark.
    let id = reading(&list, "Circa word")["id"].to_string();
    w.ok(&["reading", "edit", &id, "--year", "c1998", "--by", "t"]);
    assert_eq!(flags("Circa word"), (1998, 0, 1));
    w.ok(&["reading", "edit", &id, "--year", "1998", "--by", "t"]);
    assert_eq!(flags("Circa word"), (1998, 0, 0));
    w.ok(&["reading", "add", "--title", "Added copyright", "--year", "©2004", "--type", "book", "--by", "t"]);
    assert_eq!(flags("Added copyright"), (2004, 0, 1));
}

#[test]
fn a_bibtex_and_medline_copyright_year_is_one_too() {
    let w = Workdir::new();
    import(
        &w,
        "c.bib",
        "@book{c, author = {Osei, Ama}, title = {Bib copyright}, year = {c2001}, publisher = {Heinemann}}\n\
         @book{d, author = {Osei, Ama}, title = {Bib circa}, year = {circa 1850}, publisher = {Heinemann}}\n",
    );
    let v = w.references("vancouver");
    assert!(reference(&v, "Bib copyright").ends_with("Heinemann; c2001."), "{v:#?}");
    assert!(reference(&v, "Bib circa").ends_with("Heinemann; [1850?]."), "{v:#?}");
    assert!(reference(&w.references("apa"), "Bib copyright").starts_with("Osei, A. (2001)."));
    assert!(reference(&w.references("apa"), "Bib circa").starts_with("Osei, A. (ca. 1850)."));
}

const VANC: &str = "title,authors,year,type,container,volume,issue,pages,publisher,place,season\n\
Undated leaflet,\"Adeyemi, Tunde\",n.d.,report,,,,,Ministry of Health,Accra,\n\
Undated article,\"Adeyemi, Tunde\",n.d.,article,Soc Sci Med,26,3,301-309,,,\n\
In press piece,\"Adeyemi, Tunde\",in press,article,Soc Sci Med,,,,,,\n\
Seasonal piece,\"Osei, Kwame\",1998,article,New Scientist,,,30-32,,,autumn\n\
Seasonal volume,\"Osei, Kwame\",1998,article,New Scientist,12,,30-32,,,autumn\n\
Seasonal book,\"Osei, Kwame\",2015,book,,,,,Zed,London,spring\n";

#[test]
fn citing_medicine_forms_for_no_date_pages_and_a_journal_without_volume() {
    let w = Workdir::new();
    import(&w, "v.csv", VANC);
    let v = w.references("vancouver");
    assert_eq!(
        reference(&v, "Undated leaflet"),
        "Adeyemi T. Undated leaflet. Accra: Ministry of Health; [date unknown]."
    );
    assert_eq!(
        reference(&v, "Undated article"),
        "Adeyemi T. Undated article. Soc Sci Med. [date unknown];26(3):301-9."
    );
    // A status is said, not "[date unknown]".
    assert_eq!(reference(&v, "In press piece"), "Adeyemi T. In press piece. Soc Sci Med. Forthcoming.");
    assert_eq!(reference(&v, "Seasonal piece"), "Osei K. Seasonal piece. New Scientist. 1998 Fall:30-2.");
    assert_eq!(reference(&v, "Seasonal volume"), "Osei K. Seasonal volume. New Scientist. 1998 Fall;12:30-2.");
    // The other styles keep their own "no date".
    assert!(reference(&w.references("apa"), "Undated leaflet").contains("(n.d.-"));
    // A part of a book: "p." (BibTeX @inbook), and Chicago gives its pages.
    let w = Workdir::new();
    import(
        &w,
        "ib.bib",
        "@inbook{ib, author = {Osei, Kwame}, title = {Whole book title}, chapter = {7}, pages = {100--120}, \
         publisher = {P}, address = {Accra}, year = {1999}}\n",
    );
    let v = w.references("vancouver");
    assert_eq!(reference(&v, "Whole book title"), "Osei K. Whole book title. Accra: P; 1999. p. 100-20.");
    let c = w.references("chicago");
    assert_eq!(reference(&c, "Whole book title"), "Osei, Kwame. 1999. Whole Book Title, 100–120. P.");
    assert!(reference(&w.references("apa"), "Whole book title").contains("(pp. 100–120)"));
}

#[test]
fn books_are_cited_with_the_year_alone_and_chicago_says_forthcoming() {
    let w = Workdir::new();
    import(&w, "v.csv", VANC);
    let edited = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Edited Book\">28</ref-type>\
<contributors><authors><author>Farmer, Paul</author><author>Kim, Jim Yong</author></authors></contributors>\
<titles><title>Reimagining Global Health</title></titles><edition>1st</edition><dates><year>2013</year>\
<pub-dates><date>Summer 2013</date></pub-dates></dates><pub-location>Berkeley</pub-location>\
<publisher>University of California Press</publisher></record></records></xml>";
    w.import_reading("e.xml", edited);
    // The season is stored…
    let list = w.reading_list();
    assert_eq!(reading(&list, "Reimagining")["season"], "summer");
    assert_eq!(reading(&list, "Seasonal book")["season"], "spring");
    // …and not printed for a book, in any style; nor the first edition.
    let styles: HashMap<&str, HashMap<String, String>> =
        ["vancouver", "apa", "harvard", "chicago"].into_iter().map(|s| (s, w.references(s))).collect();
    for (style, m) in &styles {
        for title in ["Reimagining", "Seasonal book"] {
            let r = reference(m, title);
            assert!(!r.contains("Summer") && !r.contains("Spring") && !r.contains("1st"), "{style}: {r}");
        }
    }
    assert_eq!(
        reference(&styles["apa"], "Reimagining"),
        "Farmer, P., & Kim, J. Y. (Eds.). (2013). Reimagining Global Health. University of California Press."
    );
    assert_eq!(reference(&styles["chicago"], "Seasonal book"), "Osei, Kwame. 2015. Seasonal Book. Zed.");
    assert_eq!(reference(&styles["vancouver"], "Seasonal book"), "Osei K. Seasonal book. London: Zed; 2015.");
    // A journal article is cited with its year alone in APA (7th ed. §10.1),
    // as its month is: the season is stored, printed by Vancouver and Chicago.
    let apa = reference(&styles["apa"], "Seasonal piece");
    assert!(apa.contains("(1998a).") && !apa.contains("Autumn") && !apa.contains("Fall"), "{apa}");
    // (Citing Medicine and CMOS write "Fall": tester r70 F15.)
    assert!(reference(&styles["vancouver"], "Seasonal piece").contains("Fall"));
    // Chicago: the year alone after the author, the season where the issue goes.
    assert_eq!(
        reference(&styles["chicago"], "Seasonal piece"),
        "Osei, Kwame. 1998a. “Seasonal Piece.” New Scientist, Fall, 30–32."
    );
    assert_eq!(
        reference(&styles["chicago"], "Seasonal volume"),
        "Osei, Kwame. 1998b. “Seasonal Volume.” New Scientist 12 (Fall): 30–32."
    );
    // CMOS 17 §15.44: "forthcoming", not "In press".
    assert_eq!(
        reference(&styles["chicago"], "In press piece"),
        "Adeyemi, Tunde. Forthcoming. “In Press Piece.” Soc Sci Med."
    );
    assert!(reference(&styles["apa"], "In press piece").contains("(in press)"));
}

#[test]
fn a_year_written_with_its_letter_is_read_with_a_warning() {
    let w = Workdir::new();
    let err = import(
        &w,
        "a.csv",
        "title,authors,year,type,container\nLettered,\"Lind, Tove\",1998a,article,Lancet\nPlain,\"Lind, Tove\",1998,article,Lancet\n",
    );
    assert!(
        err.contains(
            "a.csv:2:3: warning: the date \"1998a\" has the letter 'a' after its year; canon keeps the year 1998"
        ),
        "{err}"
    );
    assert_eq!(w.count("SELECT year FROM reading WHERE title = 'Lettered'"), 1998);
    // canon gives the letters itself, by title.
    let apa = w.references("apa");
    assert!(reference(&apa, "Lettered").contains("(1998a)"), "{apa:#?}");
    assert!(reference(&apa, "Plain").contains("(1998b)"), "{apa:#?}");
    let b =
        w.write("b.bib", "@article{x, author = {Eze, Ada}, title = {Bib lettered}, journal = {BMJ}, year = {2001b}}\n");
    let err = w.ok_stderr(&["import", "reading", b.to_str().unwrap()]);
    assert!(err.contains("\"2001b\" has the letter 'b'"), "{err}");
    // Typed: the same warning, naming the option.
    let err = w.ok_stderr(&["reading", "add", "--title", "Typed lettered", "--year", "1998a", "--by", "t"]);
    assert!(err.contains("--year \"1998a\" has the letter 'a' after its year"), "{err}");
    assert_eq!(w.count("SELECT year FROM reading WHERE title = 'Typed lettered'"), 1998);
}
