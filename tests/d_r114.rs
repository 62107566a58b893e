//! r114 (helper d): a film in IEEE as the IEEE Reference Guide writes one
//! (item 1), every RIS and EndNote XML reference type kept or said
//! (item 2), a proceedings paper's conference place and date in Harvard
//! (item 3), and a tab or line break inside a field said once per import
//! (item 4).

mod common;
use common::*;

const FILM: &str = r#"[{"id":"atanarjuat","type":"motion_picture","title":"Atanarjuat: The Fast Runner","author":[{"family":"Kunuk","given":"Zacharias"}],"publisher":"Igloolik Isuma Productions","publisher-place":"Igloolik","issued":{"date-parts":[[2001]]}}]"#;

/// Item 1: IEEE Reference Guide 2023, "Videos" (films): "Z. Kunuk, Dir.,
/// *Atanarjuat: The Fast Runner*. Igloolik, NU, Canada: Igloolik Isuma
/// Productions, 2001." (canon stores the place as given: "Igloolik"). The
/// other styles print the film's title and its publisher.
#[test]
fn a_film_in_ieee_is_the_guides_form() {
    let w = workdir();
    w.import_reading("film.json", FILM);
    let t = "Atanarjuat: The Fast Runner";
    assert_eq!(
        w.references("ieee")[t],
        "Z. Kunuk, Dir., Atanarjuat: The Fast Runner. Igloolik: Igloolik Isuma Productions, 2001."
    );
    let expected = [
        ("vancouver", "Kunuk Z. Atanarjuat: The Fast Runner [motion picture]. Igloolik: Igloolik Isuma Productions; 2001."),
        ("ama", "Kunuk Z. Atanarjuat: The Fast Runner. Igloolik Isuma Productions; 2001."),
        ("harvard", "Kunuk, Z. (2001) Atanarjuat: The Fast Runner [Film]. Igloolik: Igloolik Isuma Productions."),
        ("chicago", "Kunuk, Zacharias. 2001. Atanarjuat: The Fast Runner. Film. Igloolik Isuma Productions."),
        ("mla", "Kunuk, Zacharias. Atanarjuat: The Fast Runner. Film. Igloolik Isuma Productions, 2001."),
        ("apa", "Kunuk, Z. (2001). Atanarjuat: The Fast Runner [Film]. Igloolik Isuma Productions."),
    ];
    for (style, r) in expected {
        assert_eq!(w.references(style)[t], r, "{style}");
    }
}

/// Item 1: a film with no place, and one with no director, in IEEE.
#[test]
fn an_ieee_film_without_place_or_director() {
    let w = workdir();
    w.import_reading(
        "films.json",
        r#"[{"id":"a","type":"motion_picture","title":"Ousmane's film","author":[{"family":"Sembène","given":"Ousmane"}],"publisher":"Filmi Domirev","issued":{"date-parts":[[1975]]}},
{"id":"b","type":"motion_picture","title":"Nobody's film","publisher":"Isuma","publisher-place":"Igloolik","issued":{"date-parts":[[2006]]}}]"#,
    );
    let refs = w.references("ieee");
    assert_eq!(refs["Ousmane's film"], "O. Sembène, Dir., Ousmane's Film. Filmi Domirev, 1975.");
    assert_eq!(refs["Nobody's film"], "Nobody's Film. Igloolik: Isuma, 2006.");
}

/// Item 1: a CSL-JSON film's `director` (as Zotero exports a film) with no
/// `author` is read as its author, and said; IEEE prints "Dir.".
#[test]
fn a_csl_json_director_is_the_films_author_and_said() {
    let w = workdir();
    let err = w.import_reading("film.json", &FILM.replace("\"author\"", "\"director\""));
    let said: Vec<&str> = err.lines().filter(|l| l.contains("director")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].contains("in item `atanarjuat`: CSL-JSON director \"Kunuk, Zacharias\" read as the author"), "{err}");
    assert_eq!(
        w.references("ieee")["Atanarjuat: The Fast Runner"],
        "Z. Kunuk, Dir., Atanarjuat: The Fast Runner. Igloolik: Igloolik Isuma Productions, 2001."
    );
}
