//! Every role in its place: a translated chapter's translator with the
//! chapter, not with its book's editors, and a conference paper's stored
//! genre ("Poster presentation") in the author-date styles that left it out
//! (tester r107 F5).

use super::{Reading, Rich, find_title, splice};

/// Whether `r` is a part of a larger work (a chapter, or a paper in a
/// conference's proceedings), whose translators are its own.
fn is_part(r: &Reading) -> bool {
    matches!(r.kind.as_str(), "chapter" | "conference-paper")
}

/// Cite Them Right's translated chapter: the chapter's translator after its
/// title, its book's editors after "in" (Cite Them Right 12th ed.,
/// "Chapters in edited books" and "Translated works"): "‘Women in the
/// plantation economy’, translated by Ọ. Adébáyọ̀, in Shepherd, V.A. (ed.)
/// *Women in Caribbean history*", as a translated article's translator
/// stands after its title. The bundled style printed the translator in the
/// book's editor group ("in Shepherd, V.A. (ed.), Ọ. Adébáyọ̀ (trans.)
/// Women in …"; tester r107 F5).
///
/// `t` is the reference as the processor printed it and `r` its reading;
/// returns `t` unchanged when `r` is no chapter or paper with translators,
/// or when the reference has no translator group after its "in".
pub(super) fn with_harvard_part_translators(mut t: Rich, r: &Reading) -> Rich {
    if !is_part(r) || r.translator_names.is_empty() {
        return t;
    }
    let Some(in_at) = t.text.find(", in ") else { return t };
    let after = in_at + ", in ".len();
    let Some((k, label)) = [" (trans.)", " (trans)", " (tr.)"]
        .iter()
        .filter_map(|l| t.text[after..].find(l).map(|i| (after + i, l.len())))
        .min_by_key(|&(i, _)| i)
    else {
        return t;
    };
    // After the editors' label ("(ed.), ") when the book has editors;
    // otherwise right after "in".
    let editors_end = ["(ed.), ", "(eds), ", "(eds.), "]
        .iter()
        .filter_map(|e| t.text[after..k].rfind(e).map(|i| after + i + e.len()))
        .max();
    let (names_start, gone) = match editors_end {
        Some(s) => (s, s - 2..k + label),
        None => {
            let end = if t.text[k + label..].starts_with(' ') { k + label + 1 } else { k + label };
            (after, after..end)
        }
    };
    let names = t.text[names_start..k].to_string();
    if names.is_empty() || names.contains(['(', ')']) {
        return t;
    }
    splice(&mut t, gone, "");
    splice(&mut t, in_at..in_at, &format!(", translated by {names}"));
    t
}

/// A translated chapter's translator after the chapter's title, before its
/// book, in Chicago author-date and MLA:
/// - Chicago (CMOS 18 §14.107, a translated contribution to an edited
///   book): "“Women in the Plantation Economy.” Translated by Ọlá Adébáyọ̀.
///   In *Women in Caribbean History*, edited by Verene A. Shepherd, 10–25."
///   The bundled style printed ", translated by …" among the book's editors.
/// - MLA (MLA Handbook 9th ed. §5.103–5.107: a contributor to the source
///   after its title, to the container after the container): "“Women in the
///   Plantation Economy.” Translated by Ọlá Adébáyọ̀. *Women in Caribbean
///   History*, edited by Verene A. Shepherd, …". MLA's roles after a
///   book's title are one list: "Edited by Jean-Paul Sartre, translated by
///   Richard Philcox" (the bundled style capitalised the second "Translated").
///
/// `style` is canon's name for the style ("chicago" or "mla"; any other is
/// returned as it is). Left as printed where the translators' names or the
/// title cannot be found in the reference.
pub(super) fn with_part_translators_after_title(mut t: Rich, r: &Reading, style: &str) -> Rich {
    if !matches!(style, "chicago" | "mla") {
        return t;
    }
    if style == "mla" {
        while let Some(at) = t.text.find(", Translated by ") {
            splice(&mut t, at + 2..at + 3, "t");
        }
    }
    if !is_part(r) || r.translator_names.is_empty() {
        return t;
    }
    const LEAD: &str = ", translated by ";
    let Some(s) = t.text.find(LEAD) else { return t };
    let from = s + LEAD.len();
    let Some(end) = names_end(&t.text[from..], r).map(|e| from + e) else { return t };
    let Some(title) = find_title(&t.text, r).filter(|g| g.end <= s) else { return t };
    let names = t.text[from..end].to_string();
    let close =
        t.text[title.end..s].len() - t.text[title.end..s].trim_start_matches(['.', '”', '"', '’', '?', '!']).len();
    let at = title.end + close;
    if !t.text[at..].starts_with(' ') {
        return t;
    }
    splice(&mut t, s..end, "");
    // ("et al." ends with its own stop.)
    let stop = if names.ends_with('.') { " " } else { ". " };
    splice(&mut t, at + 1..at + 1, &format!("Translated by {names}{stop}"));
    t
}

/// Where the list of `r`'s translators printed at the start of `text` ends
/// (a byte offset in `text`): after "et al." or after the last
/// translator's family name (an institution's whole name), whichever comes
/// first; `None` when neither is printed.
fn names_end(text: &str, r: &Reading) -> Option<usize> {
    let last = r.translator_names.last()?;
    let last = last.family_full().or_else(|| last.literal.clone()).unwrap_or_else(|| last.original.clone());
    let by_name = text.find(last.as_str()).map(|i| i + last.len());
    let et_al = text.find("et al.").map(|i| i + "et al.".len());
    // Within the names' own clause: before the clause or sentence after it.
    let clause = text.find(". ").map_or(text.len(), |i| i + 1);
    [by_name, et_al].into_iter().flatten().filter(|&e| e <= clause).min()
}

/// A conference paper's stored genre in brackets after its title in Cite
/// Them Right's Harvard: "‘Respectful care in Trinidad’ [Poster], *Caribbean
/// Nursing Summit*" (Cite Them Right 12th ed., "Poster presentations":
/// "[Poster]"); any other genre as stored, with its first capital
/// ("[Keynote address]"), but none for a paper given aloud ("Oral
/// presentation", "Paper"), which is what a conference paper is. The
/// bundled style printed no genre (tester r107
/// F5). In another language (`foreign`) the genre is printed as stored,
/// never the English "Poster".
///
/// Left as printed when `r` is no conference paper or has no genre, when
/// the reference already holds the bracket, or when the title in quotation
/// marks is not found.
pub(super) fn with_harvard_genre(mut t: Rich, r: &Reading, foreign: bool) -> Rich {
    if r.kind != "conference-paper" {
        return t;
    }
    let Some(genre) = r.genre.as_deref().map(str::trim).filter(|g| !g.is_empty()) else { return t };
    // A paper given aloud is what a conference paper is: Cite Them Right
    // brackets what differs from it (a poster, a keynote), not it.
    let plain =
        ["oral presentation", "oral", "paper", "conference paper", "paper presentation", "presentation", "talk"];
    if plain.contains(&genre.to_lowercase().trim_end_matches('.')) {
        return t;
    }
    let bracket = if !foreign && genre.to_lowercase().contains("poster") {
        "[Poster]".to_string()
    } else {
        format!("[{}]", super::capitalised(genre))
    };
    if t.text.to_lowercase().contains(&bracket.to_lowercase()) {
        return t;
    }
    let Some(open) = t.text.find('‘') else { return t };
    let Some(close) = t.text[open..].match_indices('’').map(|(i, _)| open + i).find(|&i| {
        let rest = &t.text[i + '’'.len_utf8()..];
        rest.is_empty() || rest.starts_with([',', '.'])
    }) else {
        return t;
    };
    let at = close + '’'.len_utf8();
    splice(&mut t, at..at, &format!(" {bracket}"));
    t
}
