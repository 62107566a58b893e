//! A reference as the CSL processor formats it, with its runs: the italic
//! (a journal's or book's title in APA, Harvard, Chicago…), bold (a volume
//! or year in Nature, ACS…) and small capitals (authors' names in some
//! journals' and humanities styles) that the style asks for (CSL 1.0.2,
//! "Formatting": `font-style`, `font-weight`, `font-variant`), kept through
//! the tidying that makes the plain text, so that the PDF sets each run in
//! its face and the plain text (CSV, JSON, tables) is the same string without
//! them: small capitals are a way of drawing letters, so the plain text keeps
//! the letters as written ("Smith", not "SMITH").
//!
//! Superscript and subscript (`vertical-align`) are kept as runs too: the
//! PDF sets them smaller, raised or lowered, and the plain text is their
//! letters. Underlining is not kept: its text is set like the text around it.

use hayagriva::citationberg::{Display, FontStyle, FontVariant, FontWeight, VerticalAlign};
use hayagriva::{Elem, ElemChild, ElemChildren, Formatting};

use super::pdf::{Emphasis, Rich, Vertical};

/// One rendered bibliography entry (`BibliographyItem::content`) as rich text:
/// `glue` (the private-use character that held a family name's words
/// together) made a space, whitespace runs made one space, no space before
/// `;`, `,`, `:` or `.` but a field's own ([`KEPT_SPACE`]), and `note` (CSL's `status`: "in press") put in place
/// of "n.d." (or another of `no_date`, the style's locale's "no date"
/// terms: German "o. J.") or at the end. The text the style set in a case the processor
/// loses ([`super::text_case`]) is set in it; title and sentence case only
/// when `english` (the work is in English). `None` when the entry has no text.
pub fn entry(
    content: &ElemChildren,
    glue: char,
    note: Option<&str>,
    no_date: &[String],
    english: bool,
) -> Option<Rich> {
    let mut chars = Vec::new();
    children(&content.0, &mut chars);
    for (c, _) in &mut chars {
        if *c == glue {
            *c = ' ';
        }
    }
    let mut chars = tidy(super::text_case::applied(chars, english));
    for (c, _) in &mut chars {
        if *c == KEPT_SPACE {
            *c = ' ';
        }
    }
    if chars.is_empty() {
        return None;
    }
    Some(collect(&with_status(chars, note, no_date)))
}

/// As [`entry`], with the entry's `first` field (what a style that aligns
/// its second field puts in the label's column) before it and a space.
pub fn entry_after(
    first: Option<&ElemChild>,
    content: &ElemChildren,
    glue: char,
    note: Option<&str>,
    no_date: &[String],
    english: bool,
) -> Option<Rich> {
    let Some(first) = first else { return entry(content, glue, note, no_date, english) };
    let mut all = vec![first.clone(), ElemChild::Markup(" ".into())];
    all.extend(content.0.iter().cloned());
    entry(&ElemChildren(all), glue, note, no_date, english)
}

/// A character of the output and the emphasis it is set in.
type Styled = (char, Emphasis);

/// A text node's emphasis. The processor has already applied CSL's
/// flip-flop rule (italic inside italic is upright) and the formatting of
/// the groups around it: each text node carries its final formatting.
fn emphasis(f: &Formatting) -> Emphasis {
    Emphasis {
        italic: f.font_style == FontStyle::Italic,
        bold: f.font_weight == FontWeight::Bold,
        small_caps: f.font_variant == FontVariant::SmallCaps,
        all_small_caps: false,
        vertical: match f.vertical_align {
            VerticalAlign::Sup => Vertical::Super,
            VerticalAlign::Sub => Vertical::Sub,
            VerticalAlign::None | VerticalAlign::Baseline => Vertical::Baseline,
        },
    }
}

fn children(list: &[ElemChild], out: &mut Vec<Styled>) {
    for child in list {
        match child {
            ElemChild::Text(t) => push(out, &t.text, emphasis(&t.formatting)),
            ElemChild::Link { text, .. } => push(out, &text.text, emphasis(&text.formatting)),
            ElemChild::Markup(m) => push(out, m, Emphasis::default()),
            ElemChild::Elem(e) => elem(e, out),
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn elem(e: &Elem, out: &mut Vec<Styled>) {
    // A block (a bibliography entry's second part in some styles) stands on
    // a line of its own in the processor's plain text; here it is one space.
    let block = e.display == Some(Display::Block);
    if block {
        push(out, "\n", Emphasis::default());
    }
    children(&e.children.0, out);
    if block {
        push(out, "\n", Emphasis::default());
    }
}

/// A full stop between two digits of a journal's name ("Health Equity
/// 2.0", "arXiv:2107.10356"), as canon gives it to the processor: CSL's
/// `strip-periods` (Vancouver's journal names) removes every "." and made
/// them "20" and "arXiv:210710356" (tester r57 F1), where Citing Medicine
/// drops the full stops of abbreviations only. Made a full stop again in
/// the reference.
pub const KEPT_STOP: char = '\u{2024}';

fn push(out: &mut Vec<Styled>, text: &str, e: Emphasis) {
    out.extend(text.chars().map(|c| (if c == KEPT_STOP { '.' } else { c }, e)));
}

/// Whether the white space `c` (between `before` and `after`, where known)
/// is kept as written in a reference: the narrow no-break space U+202F
/// always, a no-break space U+00A0 inside French quotation marks and before
/// `:`, `;`, `!`, `?` as French typography writes it, in a stored title or
/// in the CSL locale's own quote terms (fr-FR `open-quote` "«&#160;"; tester
/// r111 F5). Any other space is one plain space, as before.
fn kept_space(c: char, before: Option<char>, after: Option<char>) -> bool {
    match c {
        '\u{202f}' => true,
        '\u{a0}' => matches!(before, Some('«' | '‹')) || matches!(after, Some('»' | '›' | ':' | ';' | '!' | '?')),
        _ => false,
    }
}

/// A space the source wrote before a full stop, comma, colon or semicolon
/// inside a field, as canon gives it to the processor: the spaced ellipsis
/// of an abbreviated genre ("Дис. ... канд. мед. наук", GOST 7.1-2003's
/// form of a Russian thesis) and French typography's spaced colon ("Thèse
/// de doct. : Méd.") are the source's text, where [`entry`]'s tidying takes
/// out a space the processor left before such a mark (tester r114 F3: "Дис....
/// канд."). Made a plain space again after the tidying; a private-use
/// character (Unicode 15, §23.5), as [`STATUS_MARK`] is.
pub const KEPT_SPACE: char = '\u{E011}';

/// `text` with each space before `.`, `,`, `:` or `;` made [`KEPT_SPACE`].
pub fn with_kept_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let mark = chars.get(i + 1).is_some_and(|n| matches!(n, '.' | ',' | ':' | ';'));
            if c == ' ' && mark && i > 0 { KEPT_SPACE } else { c }
        })
        .collect()
}

/// `text` with each full stop between two digits made [`KEPT_STOP`].
pub fn with_kept_stops(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digit = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(char::is_ascii_digit);
            if c == '.' && digit(i.checked_sub(1)) && digit(Some(i + 1)) { KEPT_STOP } else { c }
        })
        .collect()
}

/// Whitespace runs made one space (in the emphasis of the run's first
/// character), none at the ends, and none before `;`, `,`, `:` or `.` (the
/// processor leaves one where an empty date part had its prefix). A
/// no-break space of French typography is kept as written ([`kept_space`]).
fn tidy(chars: Vec<Styled>) -> Vec<Styled> {
    let mut one: Vec<Styled> = Vec::with_capacity(chars.len());
    for (i, &(c, e)) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = one.last().map(|(p, _)| *p);
            let after = chars[i + 1..].iter().map(|(n, _)| *n).find(|n| !n.is_whitespace());
            let kept = kept_space(c, before, after);
            match one.last_mut() {
                // (A kept space wins over the plain one before it in a run.)
                Some((p, pe)) if *p == ' ' && kept => (*p, *pe) = (c, e),
                Some((p, _)) if p.is_whitespace() => {}
                Some(_) => one.push((if kept { c } else { ' ' }, e)),
                None => {}
            }
        } else {
            one.push((c, e));
        }
    }
    if one.last().is_some_and(|(c, _)| c.is_whitespace()) {
        one.pop();
    }
    let mut out: Vec<Styled> = Vec::with_capacity(one.len());
    for (i, &(c, e)) in one.iter().enumerate() {
        let next = one.get(i + 1).map(|(n, _)| *n);
        if c == ' ' && next.is_some_and(|n| matches!(n, ';' | ',' | ':' | '.')) {
            continue;
        }
        // A delimiter whose field was empty before the full stop that ends a
        // sentence: "Lancet." not "Lancet,." (Chicago's journal entry with
        // neither volume nor pages).
        if matches!(c, ',' | ';' | ':') && next == Some('.') && one.get(i + 2).is_none_or(|(n, _)| n.is_whitespace()) {
            continue;
        }
        // A field's own end stands for the style's delimiter: "when?" not
        // "when?." (a title that asks a question), "(2017)" not "(2017,)"
        // (a date whose month is empty), one full stop not two.
        if matches!(c, ',' | ';' | ':') && matches!(next, Some(')' | ']')) {
            continue;
        }
        if c == '.' && next != Some('.') {
            let before = out.iter().rev().map(|(p, _)| *p).take(2).collect::<Vec<_>>();
            // A quoted title that ends in a question, or in the full stop the
            // style put inside the quotation marks ("“Guidance Web Page.”" in
            // Chicago's web page entry), takes no full stop after them.
            let quoted_question =
                // (Or a locale's closing mark: "»", German "“"; tester r111.)
                matches!(before.first(), Some('”' | '’' | '"' | '»' | '›' | '“' | '‘'))
                    && matches!(before.get(1), Some('?' | '!' | '.'));
            if matches!(before.first(), Some('?' | '!'))
                || quoted_question
                || (before.first() == Some(&'.') && before.get(1) != Some(&'.'))
            {
                continue;
            }
        }
        out.push((c, e));
    }
    out
}

/// "in press", "forthcoming"…: CSL's `status` variable, which the processor
/// does not print, so the reference says it in place of "n.d." (in that
/// date's emphasis) or at the end, whatever the title's words.
/// What a style prints where a work's status goes, for [`entry`] to write
/// the status there: a character of Unicode's private use area, with no
/// meaning outside an agreement (Unicode 15, §23.5); [`entry`] takes every
/// one out of a reference.
pub const STATUS_MARK: char = '\u{E010}';

fn with_status(chars: Vec<Styled>, note: Option<&str>, no_date: &[String]) -> Vec<Styled> {
    let mark = chars.iter().position(|(c, _)| *c == STATUS_MARK);
    let Some(note) = note else {
        return chars.into_iter().filter(|(c, _)| *c != STATUS_MARK).collect();
    };
    let chars = without_preprint(chars);
    // Where the style put the date (Vancouver and AMA, see
    // `cite::with_date_unknown`): the status there, a capital after a full
    // stop ("BMJ. In press."), none after a semicolon ("Pluto; in press.").
    if let Some(at) = mark {
        let before = chars[..at].iter().rev().find(|(c, _)| !c.is_whitespace()).map(|(c, _)| *c);
        let word = if before.is_none_or(|c| c == '.') { capitalised(note) } else { note.to_string() };
        let e = chars[at].1;
        let mut out = chars[..at].to_vec();
        push(&mut out, &word, e);
        out.extend_from_slice(after_stop(&word, &chars[at + 1..]));
        if out.last().is_some_and(|(c, _)| !matches!(c, '.' | '!' | '?')) && at + 1 == chars.len() {
            push(&mut out, ".", Emphasis::default());
        }
        return out;
    }
    // Decided from the data (a reading with a status has no year, and the
    // processor never prints the status), never from the text: a title
    // such as "Racism in press coverage" must not hide it.
    let text: String = chars.iter().map(|(c, _)| c).collect();
    let terms = no_date.iter().map(String::as_str).filter(|t| !t.is_empty());
    for undated in ["n.d.", "no date"].into_iter().chain(terms) {
        // The term as a word of its own: "o. J." is not the end of "Pedro. J.".
        let alone = |&(at, _): &(usize, &str)| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        if let Some(at) = text.match_indices(undated).find(alone).map(|(at, _)| at) {
            let start = text[..at].chars().count();
            let len = undated.chars().count();
            let e = chars[start].1;
            let mut out = chars[..start].to_vec();
            // "n.d." standing as its own sentence (Chicago "Eze, Ada. n.d.
            // “Title.”") keeps its full stop: "Eze, Ada. In press. “Title.”".
            let word = if chars.get(start + len).is_none_or(|(c, _)| c.is_whitespace()) {
                stopped(&capitalised(note))
            } else {
                note.to_string()
            };
            push(&mut out, &word, e);
            out.extend_from_slice(after_stop(&word, &chars[start + len..]));
            return out;
        }
    }
    let cap = capitalised(note);
    let sep = if text.ends_with('.') { " " } else { ". " };
    let mut out = chars;
    push(&mut out, &format!("{sep}{}", stopped(&cap)), Emphasis::default());
    out
}

/// The entry without " [Preprint]": a style may call an article with neither
/// volume nor pages a preprint (Cite Them Right's Harvard does), but a work
/// with a status (in press, forthcoming) has been accepted by its journal,
/// and its status is printed in its place (Cite Them Right 12th ed.: "(in
/// press)"); used only for such works.
fn without_preprint(chars: Vec<Styled>) -> Vec<Styled> {
    let word: Vec<char> = " [Preprint]".chars().collect();
    let Some(at) = chars.windows(word.len()).position(|w| w.iter().map(|(c, _)| *c).eq(word.iter().copied())) else {
        return chars;
    };
    let mut out = chars[..at].to_vec();
    out.extend_from_slice(&chars[at + word.len()..]);
    out
}

/// What follows a status `word` written into a reference: without the
/// style's full stop when the word ends in its own (German "i. E.", French
/// "s. d."; tester r78 F10: "La Découverte; i. E.."), as a sentence takes
/// one full stop.
fn after_stop<'a>(word: &str, rest: &'a [Styled]) -> &'a [Styled] {
    match rest.first() {
        Some(('.', _)) if word.ends_with('.') => &rest[1..],
        _ => rest,
    }
}

/// `word` ending with a full stop: one added, unless the word's own ends
/// it (German "i. E.", not "i. E..").
fn stopped(word: &str) -> String {
    if word.ends_with('.') { word.to_string() } else { format!("{word}.") }
}

/// `note` with its first letter a capital ("in press" → "In press").
fn capitalised(note: &str) -> String {
    let mut c = note.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Characters and their emphasis as text and the spans of its emphasised runs.
fn collect(chars: &[Styled]) -> Rich {
    let mut rich = Rich::default();
    let mut open: Option<(usize, Emphasis)> = None;
    for &(c, e) in chars {
        let at = rich.text.len();
        match open {
            Some((_, o)) if o == e => {}
            _ => {
                if let Some((start, o)) = open.take()
                    && o != Emphasis::default()
                {
                    rich.spans.push((start..at, o));
                }
                open = Some((at, e));
            }
        }
        rich.text.push(c);
    }
    if let Some((start, o)) = open
        && o != Emphasis::default()
    {
        rich.spans.push((start..rich.text.len(), o));
    }
    rich
}

#[cfg(test)]
mod tests {
    use super::*;

    const I: Emphasis =
        Emphasis { italic: true, bold: false, small_caps: false, all_small_caps: false, vertical: Vertical::Baseline };
    const N: Emphasis = Emphasis { italic: false, ..I };

    fn styled(parts: &[(&str, Emphasis)]) -> Vec<Styled> {
        let mut v = Vec::new();
        for (t, e) in parts {
            push(&mut v, t, *e);
        }
        v
    }

    #[test]
    fn tidying_keeps_each_run_on_its_characters() {
        let chars = tidy(styled(&[("  Fanon F.  ", N), ("Black  skin", I), (" , white masks ", N), ("Grove", I)]));
        let rich = collect(&chars);
        assert_eq!(rich.text, "Fanon F. Black skin, white masks Grove");
        assert_eq!(rich.runs(), vec![("Fanon F. ", N), ("Black skin", I), (", white masks ", N), ("Grove", I)]);
        assert_eq!(collect(&tidy(styled(&[("2019 ;45 :1 .", N)]))).text, "2019;45:1.");
        for (raw, tidied) in [
            (
                "Decolonising global health: if not now, when?. 2020.",
                "Decolonising global health: if not now, when? 2020.",
            ),
            ("Kumanyika, C. (2017,). Seeing White", "Kumanyika, C. (2017). Seeing White"),
            ("Mensah K Jr.. Title.", "Mensah K Jr. Title."),
            (
                "(2020) “Global health: if not now, when?”. Available",
                "(2020) “Global health: if not now, when?” Available",
            ),
            ("Wait!. Really…. So on... .", "Wait! Really…. So on...."),
            ("“Guidance Web Page.”. https://e.org", "“Guidance Web Page.” https://e.org"),
        ] {
            assert_eq!(collect(&tidy(styled(&[(raw, N)]))).text, tidied);
        }
    }

    #[test]
    fn a_status_takes_the_place_of_no_date_in_its_emphasis() {
        let chars = styled(&[("Okoro C. ", N), ("n.d.", I), (" Lagos.", N)]);
        let rich = collect(&with_status(chars.clone(), Some("in press"), &[]));
        // "n.d." was a sentence of its own: the status keeps its full stop.
        assert_eq!(rich.text, "Okoro C. In press. Lagos.");
        assert_eq!(rich.runs()[1], ("In press.", I));
        let rich =
            collect(&with_status(styled(&[("Okoro, C. (", N), ("n.d.", N), ("). Lagos.", N)]), Some("in press"), &[]));
        assert_eq!(rich.text, "Okoro, C. (in press). Lagos.");
        // The title's own words are not the status.
        let rich =
            collect(&with_status(styled(&[("Eze A. Racism in press coverage. J Z.", N)]), Some("in press"), &[]));
        assert_eq!(rich.text, "Eze A. Racism in press coverage. J Z. In press.");
        let rich = collect(&with_status(styled(&[("Okoro C. ", N), ("Title", I)]), Some("forthcoming"), &[]));
        assert_eq!(rich.text, "Okoro C. Title. Forthcoming.");
        assert_eq!(rich.runs().last(), Some(&(". Forthcoming.", N)));
        // The locale's own term for no date (German "o. J."), as a word.
        let de = ["o. J.".to_string()];
        let rich = collect(&with_status(styled(&[("Pedro. J. Okoro. o. J. „Titel“.", N)]), Some("im Druck"), &de));
        assert_eq!(rich.text, "Pedro. J. Okoro. Im Druck. „Titel“.");
    }
}

#[cfg(test)]
mod style_tests {
    use super::*;
    use crate::import::names;
    use crate::report::cite::{Style, StyleArg};
    use crate::store::readings::Reading;

    fn reading(kind: &str, container: Option<&str>) -> Reading {
        Reading {
            id: 1,
            title: "Black skin, white masks".into(),
            authors: vec!["Fanon, Frantz".into()],
            author_names: vec![names::parse("Fanon, Frantz").unwrap()],
            year: Some(1952),
            year_note: None,
            kind: kind.into(),
            container: container.map(Into::into),
            volume: Some("45".into()),
            issue: Some("4".into()),
            pages: Some("123-9".into()),
            publisher: Some("Grove Press".into()),
            place: Some("New York".into()),
            edition: None,
            doi: None,
            isbn: None,
            url: None,
            annotation: None,
            source_kind: None,
            credit: None,
            licence: None,
            status: "approved".into(),
            language: None,
            global_south: None,
            open_access: None,
            original_language: None,
            translated: None,
            perspective: None,
            themes: vec![],
            ..Reading::default()
        }
    }

    fn italic_runs(rich: &Rich) -> Vec<&str> {
        rich.runs().into_iter().filter(|(_, e)| e.italic).map(|(t, _)| t).collect()
    }

    fn style(name: &str) -> Style {
        Style::load(&StyleArg::Named(name.into())).unwrap()
    }

    #[test]
    fn journal_and_book_titles_are_italic_as_each_style_sets_them() {
        let article = reading("article", Some("J Med Ethics"));
        let book = reading("book", None);
        // APA 7 (7.1): the periodical's title and volume in italic, not the article's title.
        let apa = style("apa").formatted(&article);
        assert_eq!(apa.text, style("apa").reference(&article));
        assert_eq!(italic_runs(&apa), vec!["J Med Ethics", "45"], "{apa:?}");
        // A book's own title is italic in APA, Harvard and Chicago.
        for s in ["apa", "harvard", "chicago"] {
            let f = style(s).formatted(&book);
            assert!(italic_runs(&f).iter().any(|t| t.to_lowercase() == "black skin, white masks"), "{s}: {f:?}");
        }
        // Citing Medicine (Vancouver) sets nothing in italic.
        let v = style("vancouver").formatted(&article);
        assert!(v.spans.is_empty(), "{v:?}");
        // Nature sets the volume in bold.
        let n = style("nature").formatted(&article);
        assert!(n.runs().iter().any(|(t, e)| e.bold && t.contains("45")), "{n:?}");
    }

    #[test]
    fn small_capitals_are_a_run_and_the_text_keeps_its_letters() {
        // A journal's own style, as many humanities styles write authors:
        // names in small capitals, the title in italic.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small-caps.csl");
        std::fs::write(
            &path,
            r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Small caps</title><id>x</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <names variable="author" suffix=". "><name font-variant="small-caps" initialize-with="" delimiter=", "/></names>
    <text variable="title" font-style="italic" font-variant="small-caps" suffix=". "/>
    <date variable="issued"><date-part name="year"/></date>
  </layout></bibliography>
</style>"#,
        )
        .unwrap();
        let s = Style::load(&StyleArg::File(path)).unwrap();
        let mut r = reading("book", None);
        r.author_names = vec![names::parse("Fanon, Frantz").unwrap(), names::parse("Straße, Jürgen").unwrap()];
        let rich = s.formatted(&r);
        assert_eq!(rich.text, "F Fanon, J Straße. Black skin, white masks. 1952.");
        assert_eq!(rich.text, s.reference(&r), "the plain text is the same letters");
        let sc = Emphasis { small_caps: true, ..Emphasis::default() };
        let runs = rich.runs();
        assert_eq!(runs[0], ("F Fanon, J Straße", sc), "{runs:?}");
        // (hayagriva sets a suffix in its element's formatting.)
        let title = Emphasis { italic: true, ..sc };
        assert!(runs.iter().any(|(t, e)| t.starts_with("Black skin, white masks") && *e == title), "{runs:?}");
        assert!(runs.iter().any(|(t, e)| t.contains("1952") && *e == Emphasis::default()), "{runs:?}");
    }
}
