//! Tester r111 and the last session's leftovers: canon's own words,
//! quotes and dates in a dependent style's locale, and French no-break
//! spaces stored and printed as written.

mod common;
use common::*;

/// A paper, a poster and a keynote at an event, and a titled article.
const READINGS: &str = r#"[
{"id":"c1","type":"paper-conference","title":"Paper one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Paper"},
{"id":"c2","type":"speech","title":"Poster one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Poster"},
{"id":"c3","type":"speech","title":"Keynote one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,11,5]]},"event-title":"Congrès de santé","event-place":"Dakar","event-date":{"date-parts":[[2019,11,5]]},"genre":"Keynote address"},
{"id":"w1","type":"webpage","title":"Web page one","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"},
{"id":"a1","type":"article-journal","title":"Le rapport « santé » : \"soins\" chez les Métis","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,3,2]]},"container-title":"Revue","volume":"3","page":"1-9"}
]"#;

fn cited() -> Workdir {
    let w = workdir();
    w.import_reading("r111.json", READINGS);
    w
}

#[test]
fn probe_print_everything() {
    let w = cited();
    let mut out = String::new();
    for parent in [
        "apa",
        "chicago-author-date",
        "american-medical-association",
        "ieee",
        "harvard-cite-them-right",
        "vancouver",
        "modern-language-association",
    ] {
        for locale in ["en-US", "fr-FR", "fr-CA", "es-ES", "de-DE", "nb-NO"] {
            let name = format!("p-{parent}-{}", locale.to_lowercase());
            let style = w.dependent_style(&name, parent, locale);
            let refs = w.all_references(&style);
            for r in refs {
                out.push_str(&format!("{parent} {locale}: {r}\n"));
            }
        }
    }
    std::fs::write("/tmp/a_r111_probe.txt", out).unwrap();
}
