//! A reprint's year written with the year its work first appeared, as
//! historians and library catalogues write the date of a reprint (Chicago
//! 17 §14.114, "(1923) 1988"; a catalogue's "1988, c1923"): the year the
//! reprint was published, which a reference dates it by, and the original
//! year, which styles print apart ("(Original work published 1923)").
//!
//! Forms read (tester r96 F5): "1988 [1923]", "1988 (1923)", "[1923] 1988",
//! "(1923) 1988", "1923 [reprinted 1988]", "1923, repr. 1988", "1988 (orig.
//! 1923)", "1988 [first published 1923]", "1988, c1923" (a copyright year
//! three or more years before the publication year; "2004, c2003" is one
//! edition's two years, read by [`super::dates::year_and_copyright`]), and
//! a reprint's year alone, "repr. 1988". Two bare years ("1923 1988",
//! "1923/1988", "1923-1988") stay a range of years: the Standard Edition
//! of Freud is dated "1953-1974".

/// The record's date (or the date given beside its year) read when it is
/// a reprint's ([`read`]): the date becomes the reprint's year and the
/// original year is stored as the record's original year (biblatex
/// `origdate`, CSL `original-date`), unless the record gives another, and
/// what was read is said (tester r96 F5: stored silently as the range
/// 1923–1988, or the whole file refused).
pub(crate) fn take(d: &mut super::builder::Draft) {
    let p = d.prefix();
    for which in [0, 1] {
        let v = if which == 0 { d.date.as_mut() } else { d.month.as_mut() };
        let Some(v) = v else { continue };
        let Some(rp) = read(&v.text) else {
            // A reprint's date in other words ("1988 [facsimile of the 1923
            // printing]"): never refused whole; its latest year kept, said.
            if let Some(y) = unread(&v.text) {
                let message = format!(
                    "{p}the date {:?} names a reprint, not read whole: canon keeps the year {y} (its latest), and \
                     not the rest (the year the work first appeared goes in the original year: biblatex origdate, \
                     CSL original-date)",
                    v.text.trim()
                );
                d.warnings.push(super::RowError::new(v.at.line, v.at.column, message));
                v.text = y.to_string();
            }
            continue;
        };
        let written = v.text.trim().to_string();
        let at = v.at;
        v.text = rp.year.to_string();
        let given = d.original_year.as_ref().filter(|o| !o.text.trim().is_empty());
        let message = match (rp.original, given) {
            (None, _) => format!(
                "{p}the date {written:?} is a reprint's: canon keeps its year, {}, as the year (the year the work first appeared, if known, goes in the original year: biblatex origdate, CSL original-date)",
                rp.year
            ),
            (Some(o), None) => {
                d.original_year = Some(super::builder::Val::new(o.to_string(), at));
                format!(
                    "{p}the date {written:?} is a reprint of {o}: canon keeps the reprint's year, {}, as the year and {o} as the original year",
                    rp.year
                )
            }
            (Some(o), Some(g)) if super::builder::original_year(&g.text).as_deref() == Some(o.to_string().as_str()) => {
                format!(
                    "{p}the date {written:?} is a reprint of {o}: canon keeps the reprint's year, {}, as the year",
                    rp.year
                )
            }
            (Some(o), Some(g)) => format!(
                "{p}the date {written:?} is a reprint of {o}: canon keeps the reprint's year, {}, as the year, and the record's original year {:?}, not {o}",
                rp.year,
                g.text.trim()
            ),
        };
        d.warnings.push(super::RowError::new(at.line, at.column, message));
    }
}

/// What a reprint's date gives: the reprint's year, and the year the work
/// first appeared when the date names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reprint {
    /// The year of the reprint: the record's year.
    pub year: i64,
    /// The year the work first appeared.
    pub original: Option<i64>,
}

/// How a year in the date is marked by the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Plain,
    Reprint,
    Original,
    Copyright,
}

/// Words that say the year after them is a reprint's.
const REPRINT_WORDS: &[&str] =
    &["repr", "reprint", "reprinted", "rpt", "rep", "reissued", "reissue", "nachdruck", "réimpr", "réimpression"];

/// Words that say the year after them is the original's.
const ORIGINAL_WORDS: &[&str] = &["orig", "original", "originally", "first", "1st", "org", "erstausgabe"];

/// Words that may stand beside either ("first published", "reprinted in",
/// "original edition"), saying nothing of which year is which.
const FILLER_WORDS: &[&str] =
    &["published", "publ", "pub", "publication", "in", "ed", "edn", "edition", "work", "of", "from", "the", "a", "an"];

/// The years of a reprint's date, or `None` when the date is no reprint's
/// (a year, a range, a date in words, a corrected year…).
pub fn read(text: &str) -> Option<Reprint> {
    let t = text.trim().trim_end_matches(['.', ';', ',']).trim();
    let years = marked_years(t)?;
    let in_years = |y: i64| super::builder::YEARS.contains(&y);
    match years.as_slice() {
        [(y, Mark::Reprint, _)] if in_years(*y) => Some(Reprint { year: *y, original: None }),
        [a, b] => {
            let (reprint, original) = roles(*a, *b)?;
            (in_years(reprint) && in_years(original) && original < reprint)
                .then_some(Reprint { year: reprint, original: Some(original) })
        }
        _ => None,
    }
}

/// The latest four-digit year of a date that names a reprint or an
/// original in words [`read`] does not read; `None` for any other date.
fn unread(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if !words.iter().any(|w| REPRINT_WORDS.contains(w) || ORIGINAL_WORDS.contains(w)) {
        return None;
    }
    words
        .iter()
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse().ok())
        .filter(|y| super::builder::YEARS.contains(y))
        .max()
}

/// Which of two marked years is the reprint's and which the original's:
/// (reprint, original).
fn roles(a: (i64, Mark, bool), b: (i64, Mark, bool)) -> Option<(i64, i64)> {
    use Mark::*;
    let ((ya, ma, ba), (yb, mb, bb)) = (a, b);
    match (ma, mb) {
        (Reprint, Reprint) | (Original | Copyright, Original | Copyright) => None,
        (Reprint, _) => Some((ya, yb)),
        (_, Reprint) => Some((yb, ya)),
        // A copyright year near the publication year is one edition's
        // ("2004, c2003"); one three or more years before it, the original's.
        (Copyright, Plain) => (yb - ya >= 3).then_some((yb, ya)),
        (Plain, Copyright) => (ya - yb >= 3).then_some((ya, yb)),
        (Original, Plain) => Some((yb, ya)),
        (Plain, Original) => Some((ya, yb)),
        // Two bare years: a reprint only when one is in brackets and earlier
        // ("1988 [1923]", "(1923) 1988"); else a range of years.
        (Plain, Plain) => match (ba, bb) {
            (true, false) if ya < yb => Some((yb, ya)),
            (false, true) if yb < ya => Some((ya, yb)),
            _ => None,
        },
    }
}

/// The four-digit years of `t` with the mark each has and whether it is in
/// brackets or parentheses; `None` when `t` holds anything but years,
/// brackets, punctuation and the words of a reprint's date, or no
/// brackets or words at all (a plain range is another rule's).
fn marked_years(t: &str) -> Option<Vec<(i64, Mark, bool)>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut mark = Mark::Plain;
    let mut marked_any = false;
    let mut bracketed_any = false;
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '[' | '(' => {
                depth += 1;
                bracketed_any = true;
                mark = Mark::Plain;
                i += 1;
            }
            ']' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
                mark = Mark::Plain;
                i += 1;
            }
            ',' | ';' | ':' | '.' | ' ' | '\t' => i += 1,
            '©' => {
                mark = Mark::Copyright;
                marked_any = true;
                i += 1;
            }
            c if c.is_ascii_digit() => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i - start != 4 || chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
                    return None;
                }
                let y: i64 = chars[start..i].iter().collect::<String>().parse().ok()?;
                out.push((y, mark, depth > 0));
                mark = Mark::Plain;
            }
            c if c.is_alphabetic() => {
                let start = i;
                while i < chars.len() && chars[i].is_alphanumeric() {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
                // "c1923": a copyright year, the mark against it.
                if let Some(digits) =
                    word.strip_prefix('c').filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
                {
                    out.push((digits.parse().ok()?, Mark::Copyright, depth > 0));
                    marked_any = true;
                    mark = Mark::Plain;
                    continue;
                }
                // "reprint of the 1923 ed.", "reprinted from 1923": the
                // year after is the original's.
                if mark == Mark::Reprint && matches!(word.as_str(), "of" | "from") {
                    mark = Mark::Original;
                } else if REPRINT_WORDS.contains(&word.as_str()) {
                    mark = Mark::Reprint;
                } else if ORIGINAL_WORDS.contains(&word.as_str()) {
                    if mark != Mark::Reprint {
                        mark = Mark::Original;
                    }
                } else if word == "copyright" {
                    mark = Mark::Copyright;
                } else if !FILLER_WORDS.contains(&word.as_str()) {
                    return None;
                }
                marked_any = true;
            }
            _ => return None,
        }
    }
    (depth == 0 && (marked_any || bracketed_any)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(year: i64, original: i64) -> Option<Reprint> {
        Some(Reprint { year, original: Some(original) })
    }

    #[test]
    fn a_reprint_and_its_original_year_in_every_form() {
        for t in [
            "1988 [1923]",
            "[1923] 1988",
            "(1923) 1988",
            "1988 (1923)",
            "1923 [reprinted 1988]",
            "1923 (repr. 1988)",
            "1923; reprint, 1988",
            "1988 [reprint of 1923 ed.]",
            "1988 [repr. of the 1923 ed.]",
            "1988 [reprinted from the 1923 edition]",
            "1923, reprinted 1988",
            "1988 (orig. 1923)",
            "1988 [orig. 1923]",
            "1988 (first published 1923)",
            "1988 (originally published 1923)",
            "1988, c1923",
            "1988, ©1923",
            "1988 [c1923]",
        ] {
            assert_eq!(read(t), r(1988, 1923), "{t}");
        }
        assert_eq!(read("repr. 1988"), Some(Reprint { year: 1988, original: None }));
        assert_eq!(read("reprinted 1988"), Some(Reprint { year: 1988, original: None }));
    }

    #[test]
    fn ranges_dates_and_one_editions_years_are_not_reprints() {
        for t in [
            "1988",
            "1923 1988",
            "1923/1988",
            "1923-1988",
            "1923/24",
            "2004, c2003",
            "2004 [c2003]",
            "1971 [i.e. 1972]",
            "[1998]",
            "[1998?]",
            "May 1988",
            "1923 [1988]",
            "1988 [orig. 1993]",
            "Spring 1988 (1923)",
            "c1998",
        ] {
            assert_eq!(read(t), None, "{t}");
        }
    }
}
