//! Issue 12, r109 (helper B): citation-style corner cases of presentations,
//! venues, seasons, authorless titles and broadcasts, each checked in APA 7,
//! Vancouver, Harvard, Chicago, MLA, IEEE and AMA with the real binary.

mod common;
use common::*;

use std::collections::HashMap;

const STYLES: [&str; 7] = ["apa", "vancouver", "harvard", "chicago", "mla", "ieee", "ama"];

/// Every style's references of the readings of `name` (imported), by style.
fn cited(name: &str, text: &str) -> (Workdir, String, HashMap<&'static str, HashMap<String, String>>) {
    let w = workdir();
    let stderr = w.import_reading(name, text);
    let refs = STYLES.iter().map(|s| (*s, w.references(s))).collect();
    (w, stderr, refs)
}

/// Asserts that `style`'s reference of `title` contains `want`.
fn has(refs: &HashMap<&'static str, HashMap<String, String>>, style: &str, title: &str, want: &str) {
    let r = refs[style].get(title).unwrap_or_else(|| panic!("{style}: no reading {title:?} in {:?}", refs[style]));
    assert!(r.contains(want), "{style}: {title:?}\n  got:  {r}\n  want: …{want}…");
}

/// Asserts that `style`'s reference of `title` does not contain `bad`.
fn lacks(refs: &HashMap<&'static str, HashMap<String, String>>, style: &str, title: &str, bad: &str) {
    let r = &refs[style][title];
    assert!(!r.contains(bad), "{style}: {title:?}\n  got:  {r}\n  not:  …{bad}…");
}

/// B1: posters, papers and keynotes given at a conference whose BibTeX
/// `booktitle` is the conference itself (no proceedings), with `type` or a
/// `note`.
const PRESENTED: &str = r#"
@inproceedings{p1,
  author = {Mensah, Ama},
  title = {Hand hygiene in rural clinics},
  booktitle = {Ghana Nursing Summit},
  eventtitle = {Ghana Nursing Summit},
  venue = {Accra, Ghana},
  eventdate = {2019-03},
  year = {2019},
  type = {Poster},
}
@inproceedings{p2,
  author = {Mensah, Ama},
  title = {Poster by its note},
  booktitle = {Ghana Nursing Summit},
  address = {Accra},
  year = {2019},
  note = {Poster},
}
@inproceedings{p3,
  author = {Mensah, Ama},
  title = {Keynote by its type},
  booktitle = {Ghana Nursing Summit},
  address = {Accra},
  year = {2019},
  type = {Keynote address},
}
@inproceedings{p4,
  author = {Mensah, Ama},
  title = {Poster presentation by its type},
  booktitle = {Ghana Nursing Summit},
  year = {2019},
  month = mar,
  type = {Poster presentation},
}
@inproceedings{p5,
  author = {Mensah, Ama},
  title = {Paper in real proceedings},
  booktitle = {Proceedings of the Ghana Nursing Summit},
  pages = {1--9},
  year = {2019},
  type = {Paper},
}
@unpublished{p6,
  author = {Mensah, Ama},
  title = {Talk given},
  eventtitle = {Ghana Nursing Summit},
  venue = {Accra, Ghana},
  year = {2019},
}
"#;

#[test]
fn chicago_says_poster_presented_at_the_event() {
    let (_w, stderr, refs) = cited("b1.bib", PRESENTED);
    has(
        &refs,
        "chicago",
        "Hand hygiene in rural clinics",
        "Poster presented at the Ghana Nursing Summit, Accra, Ghana, March 2019.",
    );
    has(&refs, "chicago", "Poster by its note", "Poster presented at the Ghana Nursing Summit, Accra, 2019.");
    has(&refs, "chicago", "Keynote by its type", "Keynote address presented at the Ghana Nursing Summit, Accra, 2019.");
    has(
        &refs,
        "chicago",
        "Poster presentation by its type",
        "Poster presented at the Ghana Nursing Summit, March 2019.",
    );
    has(&refs, "chicago", "Talk given", "Paper presented at the Ghana Nursing Summit, Accra, Ghana, 2019.");
    for title in ["Hand hygiene in rural clinics", "Poster by its note", "Keynote by its type"] {
        lacks(&refs, "chicago", title, " to Ghana");
    }
    // Published proceedings keep their chapter form.
    has(
        &refs,
        "chicago",
        "Paper in real proceedings",
        "“Paper in Real Proceedings.” In Proceedings of the Ghana Nursing Summit",
    );
    lacks(&refs, "chicago", "Paper in real proceedings", "Paper to");
    // The note read as the genre is said.
    assert!(stderr.contains("note \"Poster\" read as the genre"), "{stderr}");
}

#[test]
fn a_poster_at_a_conference_is_its_events_in_every_style() {
    let (_w, _e, refs) = cited("b1.bib", PRESENTED);
    let t = "Hand hygiene in rural clinics";
    has(&refs, "apa", t, "March). Hand hygiene in rural clinics [Poster]. Ghana Nursing Summit, Accra, Ghana.");
    has(&refs, "vancouver", t, "Poster session presented at: Ghana Nursing Summit; 2019 Mar; Accra, Ghana.");
    has(&refs, "harvard", t, "Ghana Nursing Summit. Accra, Ghana, March 2019.");
    has(&refs, "mla", t, "“Hand Hygiene in Rural Clinics.” Ghana Nursing Summit, Mar. 2019, Accra, Ghana. Poster.");
    has(&refs, "ieee", t, "presented at the Ghana Nursing Summit, Accra, Ghana, Mar. 2019.");
    has(&refs, "ama", t, "Poster presented at: Ghana Nursing Summit; March 2019; Accra, Ghana.");
    for s in STYLES {
        lacks(&refs, s, t, "In Ghana");
        lacks(&refs, s, t, "In: Ghana");
        lacks(&refs, s, t, "in Ghana");
        lacks(&refs, s, "Poster by its note", "In: Ghana");
        lacks(&refs, s, "Talk given", "Talk given. 2019.");
    }
}

/// B2: biblatex's `venue` is the conference's place, kept apart from the
/// publisher's `address`, printed where Vancouver and IEEE print it, and
/// never named as a field not read.
const VENUES: &str = r#"
@inproceedings{v1,
  author = {Mensah, Ama},
  title = {Both places},
  booktitle = {Proceedings of the Ghana Nursing Summit},
  address = {Kumasi},
  publisher = {GNS Press},
  venue = {Accra, Ghana},
  pages = {10--19},
  year = {2019},
}
@inproceedings{v2,
  author = {Mensah, Ama},
  title = {Venue only},
  booktitle = {Proceedings of the Ghana Nursing Summit},
  venue = {Tamale, Ghana},
  pages = {20--29},
  year = {2019},
}
@inproceedings{v3,
  author = {Mensah, Ama},
  title = {Venue and event date},
  booktitle = {Proceedings of the Ghana Nursing Summit},
  venue = {Tamale, Ghana},
  eventdate = {2019-03-05/2019-03-07},
  publisher = {GNS Press},
  address = {Kumasi},
  pages = {30--39},
  year = {2020},
}
"#;

#[test]
fn venue_is_the_event_place_and_address_the_publishers() {
    let (w, stderr, refs) = cited("b2.bib", VENUES);
    assert!(!stderr.contains("venue"), "venue named as not read: {stderr}");
    let list = w.reading_list();
    let both = reading_titled(&list, "Both places");
    assert_eq!(both["event_place"], "Accra, Ghana", "{both}");
    assert_eq!(both["place"], "Kumasi", "{both}");
    assert_eq!(both["publisher"], "GNS Press", "{both}");
    let only = reading_titled(&list, "Venue only");
    assert_eq!(only["event_place"], "Tamale, Ghana", "{only}");
    assert!(only["place"].is_null(), "{only}");
    has(
        &refs,
        "vancouver",
        "Both places",
        "In: Proceedings of the Ghana Nursing Summit; Accra, Ghana. Kumasi: GNS Press; 2019.",
    );
    has(&refs, "ieee", "Both places", "in Proceedings of the Ghana Nursing Summit, Accra, Ghana,");
    has(&refs, "vancouver", "Venue only", "In: Proceedings of the Ghana Nursing Summit; Tamale, Ghana.");
    has(&refs, "ieee", "Venue only", "Summit, Tamale, Ghana,");
    // Citing Medicine ch. 3: "Proceedings; date; place. Pub place: Publisher; year."
    has(
        &refs,
        "vancouver",
        "Venue and event date",
        "In: Proceedings of the Ghana Nursing Summit; 2019 Mar 5-7; Tamale, Ghana. Kumasi: GNS Press; 2020.",
    );
    // The venue is never the publisher's place.
    for s in STYLES {
        lacks(&refs, s, "Venue only", "Tamale, Ghana:");
        lacks(&refs, s, "Both places", "Accra, Ghana:");
    }
}

/// B3: Cite Them Right's paper with only a year prints it once, after the
/// authors, in every format that gives a paper an event.
#[test]
fn harvard_prints_a_papers_lone_year_once() {
    let bib = r#"
@inproceedings{h1, author = {Mensah, Ama}, title = {Year only poster}, eventtitle = {Ghana Nursing Summit},
  venue = {Accra}, year = {2019}, type = {Poster}}
@inproceedings{h2, author = {Mensah, Ama}, title = {Year only paper}, eventtitle = {Ghana Nursing Summit}, year = {2019}}
@inproceedings{h3, author = {Mensah, Ama}, title = {Event in another year}, eventtitle = {Ghana Nursing Summit},
  eventdate = {2018}, year = {2019}}
"#;
    let (_w, _e, refs) = cited("b3.bib", bib);
    has(&refs, "harvard", "Year only poster", "Ghana Nursing Summit. Accra.");
    lacks(&refs, "harvard", "Year only poster", "Accra, 2019");
    has(&refs, "harvard", "Year only paper", "‘Year only paper’, Ghana Nursing Summit.");
    lacks(&refs, "harvard", "Year only paper", "Summit. 2019");
    // An event in another year than the paper's keeps its own.
    has(&refs, "harvard", "Event in another year", "Ghana Nursing Summit. 2018.");
    let json = r#"[
{"id":"j1","type":"paper-conference","title":"Year only in CSL","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020]]},"event-title":"Congress of Health","event-place":"Dakar"},
{"id":"j2","type":"speech","title":"Speech year only","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020]]},"event-title":"Congress of Health"}
]"#;
    let (_w, _e, refs) = cited("b3.json", json);
    has(&refs, "harvard", "Year only in CSL", "Congress of Health. Dakar.");
    lacks(&refs, "harvard", "Year only in CSL", "Dakar, 2020");
    lacks(&refs, "harvard", "Speech year only", "Health. 2020");
}

/// B4: MLA 9 ends an unpublished presentation with its description,
/// "Presentation." when no genre names it.
#[test]
fn mla_describes_a_presentation_without_a_genre() {
    let json = r#"[
{"id":"m1","type":"paper-conference","title":"No genre paper","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,11,8]]},"event-title":"Congress of Health","event-place":"Dakar"},
{"id":"m2","type":"paper-conference","title":"Genre paper","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2020,11,8]]},"event-title":"Congress of Health","event-place":"Dakar","genre":"Keynote address"}
]"#;
    let (_w, _e, refs) = cited("b4.json", json);
    has(&refs, "mla", "No genre paper", "“No Genre Paper.” Congress of Health, 8 Nov. 2020, Dakar. Presentation.");
    has(&refs, "mla", "Genre paper", "Congress of Health, 8 Nov. 2020, Dakar. Keynote address.");
    lacks(&refs, "mla", "Genre paper", "Presentation.");
    let bib = r#"@inproceedings{m3, author = {Ba, Amadou}, title = {No genre in BibTeX}, eventtitle = {Congress of Health}, venue = {Dakar}, year = {2020}}"#;
    let (_w, _e, refs) = cited("b4.bib", bib);
    has(&refs, "mla", "No genre in BibTeX", "Congress of Health, 2020, Dakar. Presentation.");
}

/// B5: IEEE's seasons are capitalised and American; a quoted title is
/// followed by a comma inside the quotes, with or without an author.
#[test]
fn ieee_seasons_and_authorless_titles() {
    let json = r#"[
{"id":"s1","type":"webpage","title":"Summer page","author":[{"family":"Ba","given":"Amadou"}],"issued":{"season":2,"date-parts":[[2019]]},"URL":"https://example.org/s1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"},
{"id":"s2","type":"webpage","title":"Autumn page","issued":{"season":3,"date-parts":[[2019]]},"URL":"https://example.org/s2","container-title":"WHO"},
{"id":"n1","type":"document","title":"Anon document","issued":{"date-parts":[[2019]]},"publisher":"WHO"}
]"#;
    let (_w, _e, refs) = cited("b5.json", json);
    has(&refs, "ieee", "Summer page", "WHO, Summer 2019.");
    has(&refs, "ieee", "Autumn page", "Fall 2019");
    lacks(&refs, "ieee", "Autumn page", "utumn 2019");
    has(&refs, "ieee", "Anon document", "“Anon document,” WHO, 2019.");
    let bib = r#"
@misc{x1, title = {Anonymous misc bare}, year = {2019}}
@misc{x2, author = {Ba, Amadou}, title = {Authored misc bare}, year = {2019}}
@misc{x3, title = {Anonymous misc how}, howpublished = {Distributed at clinics}, year = {2019}}
@online{x4, author = {Ba, Amadou}, title = {Online summer}, month = {summer}, url = {https://example.org/x4}, year = {2019}}
@misc{x5, title = {Why decolonise?}, year = {2019}}
"#;
    let (_w, _e, refs) = cited("b5.bib", bib);
    has(&refs, "ieee", "Anonymous misc bare", "“Anonymous misc bare,” 2019.");
    has(&refs, "ieee", "Authored misc bare", "A. Ba, “Authored misc bare,” 2019.");
    has(&refs, "ieee", "Anonymous misc how", "“Anonymous misc how,”");
    has(&refs, "ieee", "Online summer", "Summer 2019");
    has(&refs, "ieee", "Why decolonise?", "“Why decolonise?”");
    for t in ["Anonymous misc bare", "Authored misc bare", "Anonymous misc how", "Online summer"] {
        lacks(&refs, "ieee", t, ".”");
    }
}

/// B6: AMA's radio and television broadcasts name their network before
/// the date; an undated web page keeps its access date.
#[test]
fn ama_broadcasts_name_their_network() {
    let json = r#"[
{"id":"t1","type":"broadcast","title":"Health hour","author":[{"family":"Ba","given":"Amadou"}],"issued":{"date-parts":[[2019,5,3]]},"publisher":"BBC World Service","container-title":"Focus on Africa"},
{"id":"t2","type":"broadcast","title":"TV health","issued":{"date-parts":[[2019,5,3]]},"publisher":"SABC","genre":"Television broadcast"},
{"id":"f1","type":"motion_picture","title":"A film","issued":{"date-parts":[[2019]]},"publisher":"Nollywood Studios"},
{"id":"w1","type":"webpage","title":"Undated page","author":[{"family":"Ba","given":"Amadou"}],"URL":"https://example.org/w1","accessed":{"date-parts":[[2023,5,1]]},"container-title":"WHO"}
]"#;
    let (_w, _e, refs) = cited("b6.json", json);
    has(&refs, "ama", "Health hour", "Ba A. Health hour. Focus on Africa. BBC World Service. May 3, 2019.");
    has(&refs, "ama", "TV health", "SABC. May 3, 2019.");
    lacks(&refs, "ama", "TV health", "SABC;");
    has(&refs, "ama", "A film", "Nollywood Studios");
    has(&refs, "ama", "Undated page", "WHO. Accessed May 1, 2023. https://example.org/w1");
}
