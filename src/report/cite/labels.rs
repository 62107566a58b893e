//! The English labels canon's styles write after a title ("[Data set]",
//! "[Computer software]", "[Podcast episode]", "Preprint.", "PhD thesis,"),
//! a program's "Version 3" and a number's "No. 12", in the language of a
//! style used with another locale (a `.csl` dependent with
//! `default-locale="fr-FR"`): tester r109. A label is the CSL locale's own
//! term where it has one (fr-FR `dataset` "jeu de données", `software`
//! "logiciel", `podcast-episode` "épisode de podcast", `video` "vidéo",
//! `version`, the short `number` "nᵒ"), else canon's table
//! ([`super::phrases`]), else it stays in English, as the manual writes it.
//!
//! The APA, Harvard, Chicago and MLA labels are the manuals' own (APA 7
//! §9.21 and ch. 10: "[Data set]", "[Computer software]", "[Poster
//! presentation]", "[Paper presentation]", "[Video]", "[Audio podcast
//! episode]", "[Preprint]"; Cite Them Right's "[Computer program]"; CMOS
//! and MLA's unbracketed description); their translations are the
//! translated guides' where one exists (Spanish APA 7: "[Conjunto de
//! datos]", "[Software]", "[Presentación de póster]"; Portuguese
//! "[Conjunto de dados]").

use super::{Rich, Words, capitalised, printed_at, splice};
use crate::store::readings::Reading;

/// The labels canon and its styles write in English, longest first, so
/// that "Audio podcast episode" is one label and not "Audio" before a
/// translated "Podcast episode".
const LABELS: &[&str] = &[
    "Audio podcast episode",
    "Podcast episode",
    "Audio podcast",
    "Poster presentation",
    // (A keynote's own description: APA's "[Keynote address]", MLA's
    // "Keynote address."; tester r111.)
    "Keynote address",
    "Paper presentation",
    "Computer software",
    "Computer program",
    "Doctoral dissertation",
    "Ph.D. dissertation",
    "Master's thesis",
    "Master\u{2019}s thesis",
    "M.S. thesis",
    "PhD thesis",
    "PhD diss.",
    "Data set",
    "Dataset",
    "Manuscript",
    "Preprint",
    "Podcast",
    "Poster",
    "Video",
];

/// `t` with each of [`LABELS`] that stands as a label (after "[", ". ",
/// ", " or "; ", before "]", ".", ",", ";" or the end; never inside the
/// title, container, publisher, series or event's name as printed) in
/// the style's language; then "Report No.", "Version N" and "No. N" so.
/// A label starts with a capital where the English one did at the start
/// of a sentence or a bracket. In an English
/// locale `t` is returned as it is.
pub(super) fn with_labels_in(mut t: Rich, r: &Reading, words: &Words) -> Rich {
    if !words.foreign {
        return t;
    }
    let fields = [
        Some(r.title.as_str()),
        r.container.as_deref(),
        r.publisher.as_deref(),
        r.series.as_deref(),
        r.event.as_deref(),
        r.place.as_deref(),
        r.event_place.as_deref(),
        r.archive.as_deref(),
    ];
    for english in LABELS {
        // (The table's case: "thèse de doctorat", "Dissertation".)
        let local = words.say(&english.to_lowercase());
        if local.eq_ignore_ascii_case(english) && local.starts_with(char::is_uppercase) {
            continue;
        }
        // A label the style already wrote in the language, with the
        // English one's capital, is in the language's case after a comma
        // ("University of Ghana, thèse de doctorat").
        let capital = capitalised(&local);
        if capital != local {
            let mut from = 0;
            while let Some(found) = find_label(&t.text, &capital, from, &fields) {
                from = found.end;
                if t.text[..found.start].ends_with(", ") && t.text[found.clone()] == capital {
                    splice(&mut t, found, &local);
                }
            }
        }
        let mut from = 0;
        while let Some(found) = find_label(&t.text, english, from, &fields) {
            // A capital where the English had one at the start of a
            // sentence or a bracket; after a comma the language's own case
            // ("University of Ghana, thèse de doctorat", "…, Dissertation").
            let said = &t.text[found.clone()];
            let before = &t.text[..found.start];
            let starts = before.is_empty() || [".", "[", "("].iter().any(|o| before.trim_end().ends_with(o));
            let local =
                if said.starts_with(char::is_uppercase) && starts { capitalised(&local) } else { local.clone() };
            from = found.start + local.len();
            splice(&mut t, found, &local);
        }
    }
    let t = with_online_video_in(t, words);
    let t = with_in_before_container(t, r, words);
    with_numbers_in(t, &fields, words)
}

/// IEEE's "[Online Video]" as one label of the language ("[Vidéo en
/// ligne]", "[Vídeo en línea]"), not the two terms in English order
/// ("[En ligne Vidéo]").
fn with_online_video_in(mut t: Rich, words: &Words) -> Rich {
    let local = words.say("online video");
    if local == "online video" {
        return t;
    }
    // (The bundled IEEE style writes it with the locale's `online` and
    // `video` terms side by side.)
    let (online, video) = (words.say("online"), words.say("video"));
    for said in ["[Online Video]".to_string(), format!("[{online} Video]"), format!("[{online} {video}]")] {
        if let Some(found) = super::find_case_insensitive(&t.text, &said) {
            splice(&mut t, found, &format!("[{}]", capitalised(&local)));
        }
    }
    t
}

/// APA's "In" before the work that holds the one cited ("[Podcast
/// episode]. In *Health podcast*"), as the locale's `in` term ("En",
/// "Dans"); only there, right before the container as printed.
fn with_in_before_container(mut t: Rich, r: &Reading, words: &Words) -> Rich {
    let Some(container) = r.container.as_deref().map(str::trim).filter(|c| !c.is_empty()) else { return t };
    let local = capitalised(&words.say("in"));
    if local == "In" {
        return t;
    }
    let english = format!(". In {container}");
    if let Some(at) = t.text.find(&english) {
        splice(&mut t, at + 2..at + 4, &local);
    }
    t
}

/// The next place at or after `from` where `english` (any case) stands as
/// a label in `text` ([`with_labels_in`]), outside the printed `fields`.
fn find_label(text: &str, english: &str, from: usize, fields: &[Option<&str>]) -> Option<std::ops::Range<usize>> {
    let lower = text.to_lowercase();
    let want = english.to_lowercase();
    // (Lower-casing keeps the byte offsets of canon's labels, all ASCII
    // but the apostrophe, whose lower case is itself.)
    if lower.len() != text.len() {
        return None;
    }
    let taken = first_printed(text, fields);
    lower.match_indices(want.as_str()).map(|(i, _)| i..i + want.len()).filter(|g| g.start >= from).find(|g| {
        let before = &text[..g.start];
        let after = &text[g.end..];
        let opens = before.is_empty() || ["[", ". ", ", ", "; ", "("].iter().any(|o| before.ends_with(o));
        let closes = after.is_empty() || after.starts_with([']', '.', ',', ';', ')']);
        opens && closes && !taken.iter().any(|f| f.start < g.end && g.start < f.end)
    })
}

/// Where each of `fields` is printed in `text`: its first whole-word
/// occurrence only, so that a title that reads as a label ("Video") keeps
/// its own words and the label after it ("[Video]") is still found.
fn first_printed(text: &str, fields: &[Option<&str>]) -> Vec<std::ops::Range<usize>> {
    fields
        .iter()
        .filter_map(|f| {
            let f = f.map(str::trim).filter(|f| !f.is_empty())?;
            printed_at(text, &[Some(f)]).into_iter().min_by_key(|g| g.start)
        })
        .collect()
}

/// [`with_labels_in`]'s numbers: a report's "Report No." (AMA, Vancouver),
/// a program's "Version 3" and a number's "No. 12" (a statute's, a
/// case's), with the locale's `report`, `version` and short `number`
/// terms ("Rapport nᵒ", "Versión 3", "n.º 12").
fn with_numbers_in(mut t: Rich, fields: &[Option<&str>], words: &Words) -> Rich {
    let no = words.say("no.");
    let report = words.say("Report");
    if no != "no." && report != "Report" {
        for english in ["Report No.", "Report no."] {
            while let Some(at) = word_at(&t.text, english, fields) {
                splice(&mut t, at..at + english.len(), &format!("{report} {no}"));
            }
        }
    }
    for (english, local) in [("Version ", format!("{} ", words.say("Version"))), ("No. ", format!("{no} "))] {
        if local == english || local.trim() == "no." {
            continue;
        }
        let mut from = 0;
        while let Some(at) = word_at(&t.text[from..], english, fields).map(|a| a + from) {
            // Before a number only ("No. 12", "Version 2.1"), not a word.
            if !t.text[at + english.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                from = at + english.len();
                continue;
            }
            let capital = t.text[..at].is_empty()
                || t.text[..at].trim_end().ends_with(['.', '(', '['])
                || english.starts_with("Version");
            let local = if capital { capitalised(&local) } else { local.clone() };
            from = at + local.len();
            splice(&mut t, at..at + english.len(), &local);
        }
    }
    t
}

/// Where `english` first starts a word in `text` outside the printed
/// `fields`.
fn word_at(text: &str, english: &str, fields: &[Option<&str>]) -> Option<usize> {
    let taken = first_printed(text, fields);
    text.match_indices(english).map(|(i, _)| i).find(|&i| {
        !text[..i].ends_with(char::is_alphanumeric) && !taken.iter().any(|f| f.start < i + english.len() && i < f.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_stands_between_stops_and_brackets_outside_the_title() {
        let fields = [Some("Video diary.")];
        assert_eq!(find_label("Ba, A. (2020). Video one [Video]. YouTube.", "Video", 0, &fields), Some(26..31));
        assert_eq!(find_label("Ba A. Video diary. Video. 2020.", "Video", 0, &fields), Some(19..24));
        assert_eq!(find_label("Ba A. Video diary. YouTube.", "Video", 0, &fields), None);
        assert_eq!(find_label("Ba, A. Thesis, PhD thesis, Accra.", "PhD thesis", 0, &[]), Some(15..25));
    }
}
