//! Tester r111 and the last session's leftovers: canon's own words,
//! quotation marks and dates in a dependent style's locale (a `.csl` file
//! with `default-locale="fr-FR"`, "fr-CA", "es-ES", "de-DE", "nb-NO"…),
//! and French no-break spaces stored and printed as written.

mod common;
use common::*;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// A paper, a poster and a keynote given at an event, a dated web page and
/// an article whose title holds quotation marks of its own.
const READINGS: &str = r#"[
{"id":"c1","type":"paper-conference","title":"Paper one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Paper"},
{"id":"c2","type":"speech","title":"Poster one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Poster"},
{"id":"c3","type":"speech","title":"Keynote one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Keynote address"},
{"id":"w1","type":"webpage","title":"Web page one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"},
{"id":"d1","type":"dataset","title":"Data set one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"publisher":"Dryad","URL":"https://example.org/d1"},
{"id":"a1","type":"article-journal","title":"Le rapport « santé » et \"soins\" chez les Métis","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"container-title":"Revue","volume":"3","page":"1-9"}
]"#;

fn cited() -> Workdir {
    let w = workdir();
    w.import_reading("r111.json", READINGS);
    w
}

/// The references of a dependent style of `parent` in `locale`.
fn in_locale(w: &Workdir, parent: &str, locale: &str) -> std::collections::HashMap<String, String> {
    let name = format!("r111-{parent}-{}", locale.to_lowercase());
    let style = w.dependent_style(&name, parent, locale);
    w.references(&style)
}

/// F1: Chicago's, AMA's and Citing Medicine's "Poster presented at" keeps
/// its poster (and a keynote its keynote) in every locale, with the
/// agreement the language needs.
#[test]
fn a_poster_and_a_keynote_are_named_in_the_locales_words() {
    let w = cited();
    let cases = [
        ("fr-FR", "Affiche présentée à", "Conférence plénière présentée à"),
        ("fr-CA", "Affiche présentée à", "Conférence plénière présentée à"),
        ("es-ES", "Póster presentado en", "Conferencia magistral presentada en"),
        ("pt-BR", "Pôster apresentado em", "Conferência de abertura apresentada em"),
        ("de-DE", "Poster, vorgestellt bei", "Keynote, gehalten bei"),
        ("it-IT", "Poster presentato a", "Relazione plenaria presentata a"),
        ("nl-NL", "Poster gepresenteerd op", "Keynote gepresenteerd op"),
        ("nb-NO", "Poster presentert på", "Hovedinnlegg holdt på"),
        ("sv-SE", "Poster presenterad vid", "Huvudtal hållet vid"),
        ("da-DK", "Poster præsenteret ved", "Hovedtale holdt ved"),
    ];
    for (locale, poster, keynote) in cases {
        for parent in ["chicago-author-date", "american-medical-association", "nlm-citation-sequence"] {
            let refs = in_locale(&w, parent, locale);
            let (p, k) = (&refs["Poster one"], &refs["Keynote one"]);
            assert!(
                p.contains(&format!("{poster} Congrès")) || p.contains(&format!("{poster}: Congrès")),
                "{parent} {locale}: {p}"
            );
            if parent != "nlm-citation-sequence" {
                assert!(k.contains(keynote), "{parent} {locale}: {k}");
            }
        }
    }
    // English is the manuals'.
    let en = w.references("chicago");
    assert!(
        en["Poster one"].contains("“Poster One.” Poster presented at the Congrès de santé"),
        "{}",
        en["Poster one"]
    );
    let en = w.references("ama");
    assert!(en["Poster one"].contains("Poster one. Poster presented at: Congrès de santé"), "{}", en["Poster one"]);
}

/// F2: IEEE's quoted title takes the locale's marks once, with its comma
/// where the locale puts punctuation (after the marks but in en-US); so do
/// Chicago's and MLA's.
#[test]
fn ieee_chicago_and_mla_quote_with_the_locales_marks_once() {
    let w = cited();
    for (locale, open, close) in [
        ("fr-FR", format!("«{NBSP}"), format!("{NBSP}»")),
        ("es-ES", "«".to_string(), "»".to_string()),
        ("de-DE", "„".to_string(), "“".to_string()),
        ("nb-NO", "«".to_string(), "»".to_string()),
    ] {
        let ieee = in_locale(&w, "ieee", locale);
        let p = &ieee["Paper one"];
        assert!(p.contains(&format!("A. Ba, {open}Paper one{close}, ")), "ieee {locale}: {p:?}");
        assert!(
            !p.contains('\u{201c}') || locale == "de-DE" && p.matches('\u{201c}').count() == 1,
            "ieee {locale}: {p}"
        );
        let chicago = in_locale(&w, "chicago-author-date", locale);
        let p = &chicago["Poster one"];
        assert!(p.contains(&format!("{open}Poster one{close}. ")), "chicago {locale}: {p:?}");
        let mla = in_locale(&w, "modern-language-association", locale);
        let p = &mla["Paper one"];
        assert!(!p.contains("\u{201c}Paper"), "mla {locale}: {p}");
    }
    // A data set's title is in italics, not quoted, in Chicago and MLA whatever the locale.
    for parent in ["chicago-author-date", "modern-language-association"] {
        let fr = in_locale(&w, parent, "fr-FR");
        assert!(!fr["Data set one"].contains('«'), "{parent}: {}", fr["Data set one"]);
    }
    let en = w.references("ieee");
    assert!(en["Paper one"].contains("A. Ba, “Paper one,” presented at the Congrès de santé"), "{}", en["Paper one"]);
}

/// F3: APA's full date in parentheses, and every date canon or a named
/// style writes in the manual's English order, is in the locale's order.
#[test]
fn apa_and_harvard_dates_are_in_the_locales_order() {
    let w = cited();
    for (locale, web, event) in [
        ("es-ES", "(2020, 2 de marzo)", "(2019, 5 de noviembre)"),
        ("fr-FR", "(2020, 2 mars)", "(2019, 5 novembre)"),
        ("de-DE", "(2020, 2. März)", "(2019, 5. November)"),
        ("pt-BR", "(2020, 2 de março)", "(2019, 5 de novembro)"),
        ("it-IT", "(2020, 2 marzo)", "(2019, 5 novembre)"),
    ] {
        let apa = in_locale(&w, "apa", locale);
        let all = apa.values().cloned().collect::<Vec<_>>().join("\n");
        assert!(all.contains(&web.replace("(2020,", "(2020b,")) || all.contains(web), "{locale}: {all}");
        assert!(all.contains(&event.replace("(2019,", "(2019a,")) || all.contains(event), "{locale}: {all}");
    }
    let de = in_locale(&w, "harvard-cite-them-right", "de-DE");
    assert!(de["Web page one"].contains("(Zugegriffen: 1. Mai 2023)"), "{}", de["Web page one"]);
    let es = in_locale(&w, "chicago-author-date", "es-ES");
    assert!(!es["Web page one"].contains("marzo 2"), "{}", es["Web page one"]);
    // English keeps APA's own order.
    let en = w.all_references("apa").join("\n");
    assert!(en.contains("(2020b, March 2)") || en.contains("(2020, March 2)"), "{en}");
}

/// Item 4: the Nordic locales' type labels and canon's own words.
#[test]
fn nordic_locales_have_canons_words() {
    let w = cited();
    let nb = in_locale(&w, "american-medical-association", "nb-NO");
    assert!(nb["Web page one"].contains("Publisert 2. mars 2020"), "{}", nb["Web page one"]);
    let apa = in_locale(&w, "apa", "sv-SE");
    assert!(apa["Keynote one"].contains("[Huvudtal]"), "{}", apa["Keynote one"]);
    let apa = in_locale(&w, "apa", "da-DK");
    assert!(apa["Keynote one"].contains("[Hovedtale]"), "{}", apa["Keynote one"]);
}

/// F6: a title's own quotation marks inside a quoted title take the
/// locale's inner marks, in a bundled style used with a locale and in an
/// independent `.csl` file's `quotes="true"`.
#[test]
fn quotes_inside_a_quoted_title_take_the_locales_inner_marks() {
    let w = cited();
    let fr = in_locale(&w, "chicago-author-date", "fr-CA");
    let t = &fr["Le rapport « santé » et \"soins\" chez les Métis"];
    assert!(t.contains(&format!("«{NBSP}Le rapport “santé” et “soins” chez les Métis{NBSP}»")), "{t:?}");
    let de = in_locale(&w, "chicago-author-date", "de-DE");
    let t = &de["Le rapport « santé » et \"soins\" chez les Métis"];
    assert!(t.contains("„Le rapport ‚santé‘ et ‚soins‘ chez les Métis“"), "{t:?}");
    // An independent style of its own in fr-CA.
    let w = workdir();
    w.import_reading(
        "metis.json",
        r#"[{"id":"m1","type":"article-journal","title":"« Les soins de santé » chez les Métis du Manitoba","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2021]]},"container-title":"Revue"}]"#,
    );
    let csl = w.write(
        "own-fr-ca.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="fr-CA">
  <info><title>Own fr-CA</title><id>own-fr-ca</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" quotes="true"/></layout></bibliography>
</style>
"#,
    );
    let refs = w.all_references(csl.to_str().unwrap());
    let plain = refs[0].replace([NBSP, NNBSP], " ");
    assert!(plain.contains("« “Les soins de santé” chez les Métis du Manitoba »"), "{:?}", refs[0]);
    // nb-NO's inner marks.
    let csl = w.write(
        "own-nb.csl",
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="nb-NO">
  <info><title>Own nb</title><id>own-nb</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" quotes="true"/></layout></bibliography>
</style>
"#,
    );
    let refs = w.all_references(csl.to_str().unwrap());
    assert!(refs[0].starts_with('«') && !refs[0][2..].contains('«'), "{:?}", refs[0]);
}

/// F5: a no-break space inside French quotation marks and before a colon
/// or a question mark is stored as written in every format and printed.
#[test]
fn french_no_break_spaces_are_stored_and_printed_as_written() {
    let title = format!("Le rapport «{NBSP}santé{NBSP}»{NBSP}: quoi{NNBSP}?");
    let files: Vec<(&str, String)> = vec![
        ("nb.csv", format!("title,authors,year,type\n\"{title}\",\"Ba, Amadou\",2020,book\n")),
        (
            "nb.json",
            format!(
                r#"[{{"id":"x","type":"book","title":"{title}","author":[{{"family":"Ba","given":"Amadou"}}],"issued":{{"date-parts":[[2020]]}}}}]"#
            ),
        ),
        ("nb.ris", format!("TY  - BOOK\nTI  - {title}\nAU  - Ba, Amadou\nPY  - 2020\nER  - \n")),
        ("nb.bib", format!("@book{{x, title = {{{title}}}, author = {{Ba, Amadou}}, year = {{2020}}}}\n")),
        (
            "nb.xml",
            format!(
                "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Book\">6</ref-type>\
                 <contributors><authors><author>Ba, Amadou</author></authors></contributors>\
                 <titles><title>{title}</title></titles><dates><year>2020</year></dates></record></records></xml>"
            ),
        ),
    ];
    for (name, text) in files {
        let w = workdir();
        w.import_reading(name, &text);
        let list = w.reading_list();
        let stored = list[0]["title"].as_str().unwrap_or_default().to_string();
        assert_eq!(stored, title, "{name}: {stored:?}");
        let refs = w.all_references("apa");
        // (APA capitalises the word after the colon: "Quoi".)
        assert!(refs[0].to_lowercase().contains(&title.to_lowercase()), "{name}: {:?}", refs[0]);
    }
    // BibTeX's tie where French typography puts one is a no-break space.
    let w = workdir();
    w.import_reading(
        "tie.bib",
        "@book{t, title = {Le rapport «~santé~»~: soins}, author = {Ba, Amadou}, year = {2020}}\n",
    );
    let stored = w.reading_list()[0]["title"].as_str().unwrap_or_default().to_string();
    assert_eq!(stored, format!("Le rapport «{NBSP}santé{NBSP}»{NBSP}: soins"));
    // Other white space (a tab, a line break) is still one plain space.
    let w = workdir();
    w.import_reading("tab.csv", "title,authors,year,type\n\"Tabbed\tand\nwrapped\",\"Ba, Amadou\",2020,book\n");
    assert_eq!(w.reading_list()[0]["title"], "Tabbed and wrapped");
}
