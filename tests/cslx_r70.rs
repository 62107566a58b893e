//! Citation styles, testers r70 and r71: year letters whatever the
//! locale's editor label (r71 F3), Cite Them Right's chapter editors with a
//! suffix (r71 F4), APA's role terms for a work in another language (r71
//! F10), a status in a German or French list (r71 F17).

mod common;

use common::{Workdir, reference};

/// Two works of one group of editors and authors in one year: an edited
/// book and its introduction (tester r71, t/zotero.bib).
const FARMER: &str = r#"@book{farmer_reimagining_2013,
	address = {Berkeley},
	series = {California {Series} in {Public} {Anthropology}},
	title = {Reimagining {Global} {Health}: {An} {Introduction}},
	number = {26},
	publisher = {University of California Press},
	editor = {Farmer, Paul and Kim, Jim Yong and Kleinman, Arthur and Basilico, Matthew},
	year = {2013},
}

@incollection{farmer_reimagining_2013_ch1,
	crossref = {farmer_reimagining_2013},
	title = {Introduction: {A} {Biosocial} {Approach} to {Global} {Health}},
	author = {Farmer, Paul and Kim, Jim Yong and Kleinman, Arthur and Basilico, Matthew},
	pages = {1--14},
}
"#;

fn add(w: &Workdir, args: &[&str]) {
    let mut all = vec!["reading", "add", "--by", "tester", "-q"];
    all.extend_from_slice(args);
    w.ok(&all);
}

#[test]
fn an_edited_book_and_its_chapter_are_lettered_whatever_the_locales_editor_label() {
    let w = Workdir::new();
    w.import_reading("farmer.bib", FARMER);
    // en-GB's "(Eds)" (Social Science & Medicine, of elsevier-harvard),
    // German ", Hrsg." and French ", éd." (Chicago), German "(Hrsg.)" (APA).
    for (name, parent, locale) in [
        ("social-science-and-medicine", "elsevier-harvard", "en-GB"),
        ("ssm-us", "elsevier-harvard", "en-US"),
        ("medizinhistorisches-journal", "chicago-author-date", "de-DE"),
        ("revue-fr", "chicago-author-date", "fr-FR"),
        ("apa-de", "apa", "de-DE"),
    ] {
        let style = w.dependent_style(name, parent, locale);
        let refs = w.references(&style);
        let book = reference(&refs, "Reimagining Global Health");
        let chapter = reference(&refs, "Introduction: A Biosocial");
        assert!(book.contains("2013b"), "{name}: {book}");
        assert!(chapter.contains("2013a"), "{name}: {chapter}");
    }
    let book = reference(&w.references("elsevier-harvard"), "Reimagining Global Health").to_string();
    assert!(book.contains("(Eds.), 2013b."), "{book}");
}

#[test]
fn harvard_chapter_editors_are_family_name_first_with_or_without_a_suffix() {
    let w = Workdir::new();
    let chapter = |title: &str, year: &str, editors: &[&str]| {
        let mut args = vec![
            "--title",
            title,
            "--author",
            "Carel, Havi",
            "--type",
            "chapter",
            "--container",
            "The Routledge Handbook of Epistemic Injustice",
            "--year",
            year,
            "--publisher",
            "Routledge",
            "--place",
            "London",
        ];
        for e in editors {
            args.extend(["--editor", e]);
        }
        add(&w, &args);
    };
    chapter("Three editors", "2017", &["Kidd, Ian James", "Medina, José", "Pohlhaus, Gaile, Jr."]);
    chapter("Two editors", "2018", &["Kidd, Ian James", "Pohlhaus, Gaile, Jr."]);
    chapter("One editor", "2019", &["Pohlhaus, Gaile, Jr."]);
    chapter("Suffix first", "2020", &["Pohlhaus, Gaile, Jr.", "Kidd, Ian James"]);
    chapter("No suffix", "2021", &["Crichton, Paul", "Carel, Havi", "Kidd, Ian James"]);
    let refs = w.references("harvard");
    for (title, editors) in [
        ("Three editors", "in Kidd, I.J., Medina, J. and Pohlhaus, G., Jr. (eds) The Routledge"),
        ("Two editors", "in Kidd, I.J. and Pohlhaus, G., Jr. (eds) The Routledge"),
        ("One editor", "in Pohlhaus, G., Jr. (ed.) The Routledge"),
        ("Suffix first", "in Pohlhaus, G., Jr. and Kidd, I.J. (eds) The Routledge"),
        ("No suffix", "in Crichton, P., Carel, H. and Kidd, I.J. (eds) The Routledge"),
    ] {
        let r = reference(&refs, title);
        assert!(r.contains(editors), "{title}: {r}");
    }
}

#[test]
fn apa_role_terms_are_the_reference_lists_whatever_the_works_language() {
    let w = Workdir::new();
    let base = ["--type", "chapter", "--author", "Dupont, Marie-Claire", "--publisher", "Karthala"];
    let mut one = vec!["--title", "La médecine coloniale", "--year", "2018", "--language", "fr"];
    one.extend(["--container", "Histoire de la médecine coloniale", "--editor", "Dozon, Jean-Pierre"]);
    one.extend(["--pages", "45-80"]);
    one.extend(base);
    add(&w, &one);
    let mut two = vec!["--title", "Histoire globale", "--year", "2019", "--language", "fr"];
    two.extend(["--container", "Histoire", "--editor", "Dozon, Jean-Pierre", "--editor", "Fassin, Didier"]);
    two.extend(base);
    add(&w, &two);
    add(
        &w,
        &[
            "--title",
            "Die Geburt der Klinik",
            "--author",
            "Foucault, Michel",
            "--type",
            "book",
            "--translator",
            "Seitter, Walter",
            "--year",
            "1973",
            "--publisher",
            "Hanser",
            "--language",
            "de",
        ],
    );
    add(
        &w,
        &[
            "--title",
            "Peau noire, masques blancs",
            "--author",
            "Fanon, Frantz",
            "--type",
            "book",
            "--editor",
            "Jeanson, Francis",
            "--edition",
            "2",
            "--volume",
            "1",
            "--year",
            "1952",
            "--publisher",
            "Éditions du Seuil",
            "--language",
            "fr",
        ],
    );
    let refs = w.references("apa");
    let r = reference(&refs, "La médecine coloniale");
    assert!(r.contains("In J.-P. Dozon (Ed.), Histoire de la médecine coloniale"), "{r}");
    let r = reference(&refs, "Histoire globale");
    assert!(r.contains("In J.-P. Dozon & D. Fassin (Eds.), Histoire"), "{r}");
    let r = reference(&refs, "Die Geburt der Klinik");
    assert!(r.contains("Die Geburt der Klinik (W. Seitter, Trans.)."), "{r}");
    let r = reference(&refs, "Peau noire");
    assert!(r.contains("(F. Jeanson, Ed.; 2nd ed., Vol. 1)"), "{r}");
    // A style in German keeps its own terms as its locale writes them.
    let style = w.dependent_style("apa-de", "apa", "de-DE");
    let r = reference(&w.references(&style), "La médecine coloniale").to_string();
    assert!(r.contains("In J.-P. Dozon (Hrsg.)"), "{r}");
}

#[test]
fn a_status_in_another_language_takes_the_place_of_its_no_date_term() {
    let w = Workdir::new();
    // With its year, in press (t/zotero-biblatex.bib), and without a year.
    w.import_reading(
        "press.bib",
        r#"@article{mensah_2025,
	title = {Race-neutral {eGFR} equations in {West African} cohorts},
	journaltitle = {The Lancet Global Health},
	author = {Mensah, Jr., Kofi A. and Okoro, Chidi},
	date = {2025},
	pubstate = {inpress},
}
@article{okoro,
	title = {Epistemic injustice on the ward},
	journaltitle = {Medical Humanities},
	author = {Okoro, Chidi},
	pubstate = {forthcoming},
}
@book{undated,
	title = {Undated book},
	author = {Eze, Ada},
	publisher = {Zed},
}
"#,
    );
    for (name, locale, in_press, forthcoming, no_date) in [
        ("medizinhistorisches-journal", "de-DE", "Im Druck.", "I. E.", "o. J."),
        ("revue-fr", "fr-FR", "Sous presse.", "À paraître.", "s. d."),
    ] {
        let style = w.dependent_style(name, "chicago-author-date", locale);
        let refs = w.references(&style);
        let r = reference(&refs, "Race-neutral");
        assert!(r.contains(&format!("Okoro. {in_press} ")), "{name}: {r}");
        assert!(!r.contains(no_date) && !r.contains("2025") && !r.contains("orthcoming"), "{name}: {r}");
        // (The locale writes "i. E." with a no-break space.)
        let r = reference(&refs, "Epistemic injustice").replace('\u{a0}', " ");
        assert!(r.contains(&format!("Okoro, Chidi. {forthcoming} ")), "{name}: {r}");
        assert!(!r.contains(no_date) && !r.contains("orthcoming"), "{name}: {r}");
        // A work without a date or state keeps the locale's term.
        let r = reference(&refs, "Undated book");
        assert!(r.contains(no_date), "{name}: {r}");
    }
    // English: Chicago's own word in the date's place.
    let refs = w.references("chicago");
    let r = reference(&refs, "Race-neutral");
    assert!(r.contains("Okoro. Forthcoming. "), "{r}");
}

#[test]
fn an_author_date_csl_style_cites_the_original_title_with_its_translation() {
    let w = Workdir::new();
    let mut args = vec!["--title", "[Colonial medicine in Nigeria and its consequences]"];
    args.extend(["--original-title", "Die koloniale Medizin in Nigeria und ihre Folgen", "--language", "de"]);
    args.extend(["--author", "Kalu, Ogbu", "--year", "2017", "--container", "Medizinhistorisches Journal"]);
    args.extend(["--volume", "52", "--pages", "45-68"]);
    add(&w, &args);
    let both = "Die koloniale Medizin in Nigeria und ihre Folgen [Colonial medicine in Nigeria and its consequences]";
    // A dependent of a bundled author-date style canon does not name, a
    // dependent of Chicago, and the bundled style itself.
    let ssm = w.dependent_style("social-science-and-medicine", "elsevier-harvard", "en-GB");
    let mhj = w.dependent_style("medizinhistorisches-journal", "chicago-author-date", "de-DE");
    for style in [ssm.as_str(), mhj.as_str(), "elsevier-harvard", "apa", "harvard"] {
        let refs = w.references(style);
        let r = refs.values().next().expect("one reference");
        // (Harvard quotes the title and puts the translation after the mark.)
        let quoted = both.replace(" [", "’ [");
        assert!(r.contains(both) || r.contains(&quoted), "{style}: {r}");
    }
    // A numbered style keeps MEDLINE's bracketed translation.
    let refs = w.references("vancouver");
    let r = refs.values().next().expect("one reference");
    assert!(r.starts_with("Kalu O. [Colonial medicine in Nigeria and its consequences]."), "{r}");
}

#[test]
fn chicago_puts_a_books_edition_before_its_volume_and_series() {
    let w = Workdir::new();
    let mut args = vec!["--title", "The Muqaddimah", "--author", "Ibn Khaldūn", "--type", "book", "--year", "1967"];
    args.extend(["--editor", "Dawood, N. J.", "--translator", "Rosenthal, Franz", "--edition", "2nd"]);
    args.extend(["--volume", "1", "--series", "Bollingen Series", "--series-number", "43"]);
    args.extend(["--publisher", "Princeton University Press"]);
    add(&w, &args);
    let mut args = vec!["--title", "Peau noire, masques blancs", "--author", "Fanon, Frantz", "--type", "book"];
    args.extend(["--year", "1952", "--editor", "Jeanson, Francis", "--edition", "2", "--volume", "1"]);
    args.extend(["--publisher", "Éditions du Seuil", "--language", "fr"]);
    add(&w, &args);
    let mut args = vec!["--title", "Series only", "--author", "Eze, Ada", "--type", "book", "--year", "2001"];
    args.extend(["--translator", "Okoro, Chidi", "--edition", "3", "--series", "African Writers Series"]);
    args.extend(["--publisher", "Heinemann"]);
    add(&w, &args);
    let refs = w.references("chicago");
    let r = reference(&refs, "The Muqaddimah");
    assert!(
        r.contains("Translated by Franz Rosenthal. 2nd ed. Vol. 1. Bollingen Series 43. Princeton University Press."),
        "{r}"
    );
    let r = reference(&refs, "Peau noire");
    assert!(r.contains("Edited by Francis Jeanson. 2nd ed. Vol. 1. Éditions du Seuil."), "{r}");
    let r = reference(&refs, "Series only");
    assert!(r.contains("Translated by Chidi Okoro. 3rd ed. African Writers Series. Heinemann."), "{r}");
}

#[test]
fn an_undated_work_ahead_of_print_has_no_state_for_its_date_in_author_date_styles() {
    let w = Workdir::new();
    // t/aop.csv (tester r70): the state in the year's cell.
    w.import_reading(
        "aop.csv",
        "title,authors,year,type,container\nAhead no year,\"Osei, Jane\",ahead of print,article,BMJ\n",
    );
    for (style, expected) in [
        ("apa", "Osei, J. (n.d.). Ahead no year. BMJ. Advance online publication."),
        ("harvard", "Osei, J. (no date) ‘Ahead no year’, BMJ, online ahead of print."),
        ("chicago", "Osei, Jane. n.d. “Ahead No Year.” BMJ, advance online publication."),
    ] {
        let refs = w.references(style);
        assert_eq!(reference(&refs, "Ahead no year"), expected, "{style}");
    }
    // Vancouver and AMA put the state where their date goes.
    let refs = w.references("vancouver");
    assert_eq!(reference(&refs, "Ahead no year"), "Osei J. Ahead no year. BMJ. Ahead of print.");
}

#[test]
fn a_title_or_journal_evidently_not_english_keeps_its_case_without_a_language() {
    let w = Workdir::new();
    // t/dates.bib `d9` (r70 F2) and t/sheet.csv's Cyrillic cell (r70 F7).
    w.import_reading(
        "list.csv",
        "title,authors,year,type,container\n\
         Cyrillic cell,\"Ivanov, Ivan\",2019,article,Проблемы социальной гигиены\n\
         Les damnés de la terre,\"Fanon, Frantz\",1961,book,\n\
         Simone de Beauvoir and the politics of care,\"Eze, Ada\",2020,book,\n",
    );
    for style in ["apa", "chicago", "harvard"] {
        let refs = w.references(style);
        let r = reference(&refs, "Cyrillic cell");
        assert!(r.contains("Проблемы социальной гигиены"), "{style}: {r}");
        let r = reference(&refs, "Les damnés");
        assert!(r.contains("Les damnés de la terre"), "{style}: {r}");
    }
    // An English title with a French name in it is still title-cased in Chicago.
    let r = reference(&w.references("chicago"), "Simone de Beauvoir").to_string();
    assert!(r.contains("Simone de Beauvoir and the Politics of Care"), "{r}");
}

#[test]
fn undated_works_are_lettered_in_the_locales_own_words() {
    let w = Workdir::new();
    w.import_reading(
        "l.csv",
        "title,authors,year,type,container\nAlpha,\"Eze, Ada\",in press,article,BMJ\n\
         Beta,\"Eze, Ada\",in press,article,BMJ\nGamma,\"Eze, Ada\",,book,\nDelta,\"Eze, Ada\",,book,\n",
    );
    for (name, parent, locale, expected) in [
        (
            "medizinhistorisches-journal",
            "chicago-author-date",
            "de-DE",
            [
                "Eze, Ada. Im Druck-a. „Alpha“",
                "Eze, Ada. Im Druck-b. „Beta“",
                "Eze, Ada. o. J.-a. Delta",
                "Eze, Ada. o. J.-b. Gamma",
            ],
        ),
        (
            "revue-fr",
            "chicago-author-date",
            "fr-FR",
            [
                "Eze, Ada. Sous presse-a.",
                "Eze, Ada. Sous presse-b.",
                "Eze, Ada. s. d.-a. Delta",
                "Eze, Ada. s. d.-b. Gamma",
            ],
        ),
        (
            "apa-de",
            "apa",
            "de-DE",
            ["Eze, A. (im Druck-a)", "Eze, A. (im Druck-b)", "Eze, A. (o. J.-a)", "Eze, A. (o. J.-b)"],
        ),
    ] {
        let style = w.dependent_style(name, parent, locale);
        let refs = w.references(&style);
        for (title, start) in ["Alpha", "Beta", "Delta", "Gamma"].iter().zip(expected) {
            let r = reference(&refs, title);
            assert!(r.starts_with(start), "{name}: {r}");
        }
    }
}
