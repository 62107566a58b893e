//! Direction of user text inside text canon composes: one rule for a
//! reference in the reading list (its paragraph direction) and for a title
//! quoted in a table cell or sentence (the direction of its isolate).

/// Whether most strong letters of `text` are right to left (bidi classes R
/// and AL against L; UAX #9 HL1, a higher-level protocol for text that strings
/// several fields together). Letters inside a directional isolate (LRI, RLI or
/// FSI … PDI) are not counted, as UAX #9 rule P2 skips them: a reference
/// whose Arabic title is isolated takes its direction from its names, year
/// and container. When every strong letter is inside isolates, all of them
/// count. `None` on a tie or when `text` has no right-to-left letter (it is
/// then left to right by any rule).
pub fn majority_rtl(text: &str) -> Option<bool> {
    use unicode_bidi::BidiClass::{AL, FSI, L, LRI, PDI, R, RLI};
    let (mut outside, mut inside) = ([0usize; 2], [0usize; 2]);
    let mut depth = 0usize;
    for c in text.chars() {
        let class = unicode_bidi::bidi_class(c);
        let count = if depth == 0 { &mut outside } else { &mut inside };
        match class {
            L => count[0] += 1,
            R | AL => count[1] += 1,
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let [ltr, rtl] = if outside == [0, 0] { inside } else { outside };
    if rtl == 0 && inside[1] == 0 {
        return None;
    }
    (ltr != rtl).then_some(rtl > ltr)
}

/// Whether `text` holds a right-to-left letter or a directional control:
/// text that could turn a line around if set inside another.
fn may_turn(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, FSI, LRE, LRI, LRO, PDF, PDI, R, RLE, RLI, RLO};
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI))
}

/// The isolate initiator for `text` set inside text of another direction:
/// LRI (U+2066) or RLI (U+2067) by the direction of most of its letters
/// ([`majority_rtl`]), FSI (U+2068, its first strong letter) on a tie. A
/// title "الطب الاستعماري: Colonial medicine in Egypt" is mostly English and
/// is set left to right with its Arabic words right to left, where FSI would
/// take the direction of its first letter and set the English words from the
/// right.
pub fn isolate_start(text: &str) -> char {
    match majority_rtl(text) {
        Some(true) => '\u{2067}',
        Some(false) => '\u{2066}',
        None => '\u{2068}',
    }
}

/// A user's text inside text canon composes, as a directional isolate
/// (UAX #9 LRI/RLI/FSI … PDI, chosen by [`isolate_start`]): it keeps its own
/// direction, and the text around it keeps its own order and punctuation.
/// Text with no right-to-left letter and no directional control cannot turn
/// the line around and is returned as it is (the controls would only be more
/// characters in the PDF's text).
pub fn isolated(text: &str) -> String {
    if may_turn(text) { format!("{}{text}\u{2069}", isolate_start(text)) } else { text.to_string() }
}

/// `text` with each span between curly double quotes ("\u{201c}…\u{201d}")
/// made a directional isolate ([`isolated`]): a sentence canon composes that
/// quotes a user's words ("shares “الطب”, “العصر” (title)") keeps its own
/// order and punctuation, each quoted word its own direction. Without it the
/// quotes and commas between two Arabic words take their direction and the
/// whole list is set right to left, its quote marks paired wrongly. A span
/// already isolated, or with nothing that can turn a line, is left as it is;
/// an opening quote without a closing one is copied as it stands.
///
/// The sentence is English, so it is set left to right: when its first
/// strong letter outside the isolates is right to left (a user's Arabic
/// theme name opening "الطب العربي has 0 approved readings…"), it is
/// preceded by a LEFT-TO-RIGHT MARK (U+200E, strong L, drawn as nothing),
/// which sets the paragraph's direction (UAX #9 P2–P3). Without it the
/// whole sentence was set from the right, its English words out of order.
pub fn isolate_quoted(text: &str) -> String {
    let out = isolated_quotes(text);
    if first_strong_outside_isolates_is_rtl(&out) { format!("\u{200e}{out}") } else { out }
}

/// Whether the first strong letter of `text` that is not inside a
/// directional isolate is right to left (UAX #9 P2, which skips isolates).
fn first_strong_outside_isolates_is_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, FSI, L, LRI, PDI, R, RLI};
    let mut depth = 0usize;
    for c in text.chars() {
        match unicode_bidi::bidi_class(c) {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            L if depth == 0 => return false,
            R | AL if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// [`isolate_quoted`] without the mark that sets the direction.
fn isolated_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(open) = rest.find('\u{201c}') {
        let after = open + '\u{201c}'.len_utf8();
        let Some(len) = rest[after..].find('\u{201d}') else { break };
        let inner = &rest[after..after + len];
        out.push_str(&rest[..after]);
        if inner.starts_with(['\u{2066}', '\u{2067}', '\u{2068}']) {
            out.push_str(inner);
        } else {
            out.push_str(&isolated(inner));
        }
        out.push('\u{201d}');
        rest = &rest[after + len + '\u{201d}'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Wraps the first occurrence of `part` in `text` in an isolate (see
/// [`isolated`]) and returns where it now lies; byte positions at or after
/// `part`'s start move by the opening control's length, those at or after
/// its end by both controls' (for a caller's style runs). `None` when `part`
/// is empty, absent, or cannot turn the line around.
pub fn isolate_within(text: &mut String, part: &str) -> Option<impl Fn(usize) -> usize + use<>> {
    if part.is_empty() || !may_turn(part) {
        return None;
    }
    let start = text.find(part)?;
    let end = start + part.len();
    let open = isolate_start(part);
    text.insert(end, '\u{2069}');
    text.insert(start, open);
    let (o, c) = (open.len_utf8(), '\u{2069}'.len_utf8());
    Some(move |p: usize| p + if p >= start { o } else { 0 } + if p >= end { c } else { 0 })
}

/// Each run of right-to-left words in a left-to-right `text` (outside the
/// isolates it has) as its own isolate (RLI … PDI): "כהן, דוד. (2019)." set
/// left to right took ". (2019" into the name's run, so the year stood
/// before the name (UAX #9 W2 and N1: digits after a right-to-left letter
/// are Arabic numbers, and the neutrals between join the run; tester r17,
/// F17). A run is from a right-to-left letter to the last one before a
/// left-to-right letter or a digit. Returns how byte positions move, or
/// `None` when nothing changed (the text is mostly right to left, or has
/// no such run). With `ltr`, the text is left to right whatever most of its
/// letters are: a reference to a work with an English title whose author's
/// name in Arabic has more letters than the rest (tester r56 F6: "محمد بن
/// زكريا الرازي. R5 single. 2013." was set right to left, its year drawn
/// ")2013(").
pub fn isolate_rtl_runs(text: &mut String, ltr: bool) -> Option<impl Fn(usize) -> usize + use<>> {
    use unicode_bidi::BidiClass::{AL, AN, EN, FSI, L, LRI, PDI, R, RLI};
    if !ltr && majority_rtl(&without_editorial_brackets(text)) != Some(false) {
        return None;
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match unicode_bidi::bidi_class(c) {
            LRI | RLI | FSI => {
                depth += 1;
                runs.extend(open.take());
            }
            PDI => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            R | AL => {
                let end = i + c.len_utf8();
                open = Some(open.map_or((i, end), |(s, _)| (s, end)));
            }
            L | EN | AN => runs.extend(open.take()),
            // ", " between two names ("محمد بن سلمان, כהן דוד"): each name its
            // own run, so the list keeps its order left to right (tester r43
            // F7: two names in one run were drawn in reverse order, as one).
            // A name without initials is printed with no comma inside it.
            _ if c == ',' && text[i + 1..].starts_with(' ') => runs.extend(open.take()),
            _ => {}
        }
    }
    runs.extend(open);
    if runs.is_empty() {
        return None;
    }
    for (s, e) in runs.iter().rev() {
        text.insert(*e, '\u{2069}');
        text.insert(*s, '\u{2067}');
    }
    let (o, c) = ('\u{2067}'.len_utf8(), '\u{2069}'.len_utf8());
    Some(move |p: usize| {
        p + runs.iter().map(|(s, e)| if p >= *s { o } else { 0 } + if p >= *e { c } else { 0 }).sum::<usize>()
    })
}

/// `text` without the style's editorial additions in square brackets that
/// are all ASCII ("[place unknown]", "[publisher unknown]", "[Internet]",
/// "[dissertation]": Citing Medicine's words about the work, not the
/// work's), which do not make a reference to an Arabic or Hebrew work left
/// to right (tester r74 F6 put them into references that had none).
fn without_editorial_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        if !rest[open..=close].is_ascii() {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A mostly right-to-left `text` (a reference to a work in Arabic or
/// Hebrew, [`majority_rtl`]; on a tie, one whose first strong letter is right
/// to left) with the stretch from its first right-to-left letter to its last
/// made one right-to-left isolate (RLI … PDI), for a list set left to right
/// (tester r64 F9): the reference's names, title and container read right to
/// left among themselves, as they did when the whole entry was a
/// right-to-left paragraph, while the words and numbers the style put after
/// them ("2017;5:1-9. Hebrew.") and any before them stay left to right, in
/// the order the style wrote them. Returns how byte positions move, or `None`
/// when nothing changed (the text is mostly left to right, or has no
/// right-to-left letter).
pub fn isolate_rtl_stretch(text: &mut String) -> Option<impl Fn(usize) -> usize + use<>> {
    use unicode_bidi::BidiClass::{AL, R};
    let rtl_letter = |c: char| matches!(unicode_bidi::bidi_class(c), R | AL);
    let own = without_editorial_brackets(text);
    let rtl = majority_rtl(&own).unwrap_or_else(|| own.chars().find(|&c| is_strong(c)).is_some_and(rtl_letter));
    if !rtl {
        return None;
    }
    let mut start = text.find(rtl_letter)?;
    // An isolate the stretch starts inside (a title's, first in its
    // reference) opens in it.
    let mut openers: Vec<usize> = Vec::new();
    for (i, c) in text[..start].char_indices() {
        match c {
            '\u{2066}'..='\u{2068}' => openers.push(i),
            '\u{2069}' => {
                openers.pop();
            }
            _ => {}
        }
    }
    if let Some(&outer) = openers.first() {
        start = outer;
    }
    let (last, c) = text.char_indices().rev().find(|&(_, c)| rtl_letter(c))?;
    let mut end = last + c.len_utf8();
    // An isolate the stretch ends inside (the title's) closes in it.
    let opened = text[start..end].chars().filter(|&c| matches!(c, '\u{2066}'..='\u{2068}')).count();
    let closed = text[start..end].chars().filter(|&c| c == '\u{2069}').count();
    for _ in closed..opened {
        match text[end..].find('\u{2069}') {
            Some(k) => end += k + '\u{2069}'.len_utf8(),
            None => break,
        }
    }
    text.insert(end, '\u{2069}');
    text.insert(start, '\u{2067}');
    let (o, c) = ('\u{2067}'.len_utf8(), '\u{2069}'.len_utf8());
    Some(move |p: usize| p + if p >= start { o } else { 0 } + if p >= end { c } else { 0 })
}

/// Whether `c` is a strong letter (bidi class L, R or AL).
fn is_strong(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    matches!(unicode_bidi::bidi_class(c), L | R | AL)
}

/// Each group of numbers with the punctuation between them ("2018;7:1-20",
/// "1–20") outside the isolates of a mostly right-to-left `text` as a
/// left-to-right isolate (LRI … PDI). In a right-to-left paragraph European
/// digits after an Arabic letter are Arabic numbers, and a hyphen between
/// two of them is not part of either (UAX #9 W2, W4), so "7:1-20" was drawn
/// "20-7:1" (tester r49 F2): the style's volume and pages read as the style
/// wrote them, while the paragraph stays right to left. A group is left
/// alone in a word with a Latin letter ("e1234", a DOI or URL), where the
/// letter keeps it in order already. Returns how byte positions move, or
/// `None` when nothing changed.
pub fn isolate_number_groups(text: &mut String) -> Option<impl Fn(usize) -> usize + use<>> {
    use unicode_bidi::BidiClass::{FSI, L, LRI, PDI, RLI};
    if majority_rtl(text) != Some(true) {
        return None;
    }
    let joiner = |c: char| matches!(c, ':' | ';' | '(' | ')' | '-' | '\u{2013}' | '\u{2014}' | '/' | '.' | ',');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < chars.len() {
        let (at, c) = chars[i];
        match unicode_bidi::bidi_class(c) {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].1.is_ascii_digit() || joiner(chars[j].1)) {
            j += 1;
        }
        // Trailing punctuation belongs to the sentence, and a closing
        // bracket only with its opening one.
        let mut k = j;
        loop {
            let last = chars[k - 1].1;
            let open = chars[i..k].iter().filter(|(_, c)| *c == '(').count();
            let close = chars[i..k].iter().filter(|(_, c)| *c == ')').count();
            if last.is_ascii_digit() || (last == ')' && close <= open) {
                break;
            }
            k -= 1;
        }
        let word_start = chars[..i].iter().rposition(|(_, c)| c.is_whitespace()).map_or(0, |p| p + 1);
        let word_end = chars[j..].iter().position(|(_, c)| c.is_whitespace()).map_or(chars.len(), |p| j + p);
        let latin = chars[word_start..word_end].iter().any(|(_, c)| unicode_bidi::bidi_class(*c) == L);
        let has_joiner = chars[i..k].iter().any(|(_, c)| !c.is_ascii_digit());
        if !latin && has_joiner {
            let end = chars.get(k).map_or(text.len(), |(p, _)| *p);
            groups.push((at, end));
        }
        i = j;
    }
    if groups.is_empty() {
        return None;
    }
    for (s, e) in groups.iter().rev() {
        text.insert(*e, '\u{2069}');
        text.insert(*s, '\u{2066}');
    }
    let (o, c) = ('\u{2066}'.len_utf8(), '\u{2069}'.len_utf8());
    Some(move |p: usize| {
        p + groups.iter().map(|(s, e)| if p >= *s { o } else { 0 } + if p >= *e { c } else { 0 }).sum::<usize>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtl_names_in_a_ltr_reference_are_isolated() {
        let (r, p) = ('\u{2067}', '\u{2069}');
        let mut t = String::from("כהן דוד. (2019). Hebrew author. Harefuah, 2, 3–4.");
        let shift = isolate_rtl_runs(&mut t, false).expect("isolated");
        assert_eq!(t, format!("{r}כהן דוד{p}. (2019). Hebrew author. Harefuah, 2, 3–4."));
        assert_eq!(&t[shift(13)..], ". (2019). Hebrew author. Harefuah, 2, 3–4.");
        // Two names in right-to-left scripts side by side: each its own run
        // (tester r43 F7: drawn as one, in reverse order).
        let mut t =
            String::from("محمد بن سلمان, כהן דוד, & Osei, A. (2020). Names in the scripts of the world. Journal.");
        let _ = isolate_rtl_runs(&mut t, false).expect("isolated");
        assert_eq!(
            t,
            format!(
                "{r}محمد بن سلمان{p}, {r}כהן דוד{p}, & Osei, A. (2020). Names in the scripts of the world. Journal."
            )
        );
        // Two names, and an isolated title left as it is.
        let mut t = format!("Salem M, כהן ד. {r}صحة{p}. 2021.");
        let _ = isolate_rtl_runs(&mut t, false).expect("isolated");
        assert_eq!(t, format!("Salem M, {r}כהן ד{p}. {r}صحة{p}. 2021."));
        // A reference mostly right to left is left to its own direction.
        let mut t = String::from("سالم م. صحة المرأة العربية. 2021.");
        assert!(isolate_rtl_runs(&mut t, false).is_none());
        let mut t = String::from("Plain English 2021.");
        assert!(isolate_rtl_runs(&mut t, false).is_none());
        // Forced left to right: the name is isolated, the rest counts.
        let mut t = String::from("محمد بن زكريا الرازي. R5 single. 2013.");
        let _ = isolate_rtl_runs(&mut t, true).expect("isolated");
        assert_eq!(t, format!("{r}محمد بن زكريا الرازي{p}. R5 single. 2013."));
        assert_eq!(majority_rtl(&t), Some(false));
    }

    #[test]
    fn number_groups_in_a_rtl_reference_read_left_to_right() {
        let (l, r, p) = ('\u{2066}', '\u{2067}', '\u{2069}');
        let mut t = format!("سالم م. {r}صحة الطفل 1882–1914{p}. مجلة. 2018;7(3):1-20.");
        let (before, stop) = (t.len(), t.find("2018").expect("year"));
        let shift = isolate_number_groups(&mut t).expect("isolated");
        assert_eq!(t, format!("سالم م. {r}صحة الطفل 1882–1914{p}. مجلة. {l}2018;7(3):1-20{p}."));
        assert_eq!(&t[shift(before - 1)..], ".");
        assert_eq!(&t[shift(stop)..shift(stop) + 4], "2018");
        // APA: the year alone, volume and pages each a group; "e1234" and a
        // DOI keep their order by their Latin letters.
        let mut t =
            String::from("سالم، منى. (2018). صحة الطفل العربي. مجلة الطب، 7، 1–20، e1234. https://doi.org/10.1/ab.");
        let _ = isolate_number_groups(&mut t).expect("isolated");
        assert_eq!(
            t,
            format!("سالم، منى. (2018). صحة الطفل العربي. مجلة الطب، 7، {l}1–20{p}، e1234. https://doi.org/10.1/ab.")
        );
        // A reference mostly left to right is left to its own direction.
        let mut t = String::from("Salem M. صحة. 2018;7:1-20.");
        assert!(isolate_number_groups(&mut t).is_none());
    }

    #[test]
    fn quoted_words_are_each_isolated() {
        let (l, r, p) = ('\u{2066}', '\u{2067}', '\u{2069}');
        assert_eq!(
            isolate_quoted("shares \u{201c}الطب\u{201d}, \u{201c}العصر\u{201d} (title), \u{201c}race\u{201d} (notes)"),
            format!(
                "shares \u{201c}{r}الطب{p}\u{201d}, \u{201c}{r}العصر{p}\u{201d} (title), \u{201c}race\u{201d} (notes)"
            )
        );
        // Already isolated, unmatched, mostly English and empty quotes.
        let done = format!("as in \u{201c}{r}الطب{p}\u{201d}");
        assert_eq!(isolate_quoted(&done), done);
        assert_eq!(isolate_quoted("a \u{201c}الطب and more"), "a \u{201c}الطب and more");
        assert_eq!(
            isolate_quoted("\u{201c}الطب: colonial medicine\u{201d}"),
            format!("\u{201c}{l}الطب: colonial medicine{p}\u{201d}")
        );
        assert_eq!(isolate_quoted("\u{201c}\u{201d} and \u{201c}x"), "\u{201c}\u{201d} and \u{201c}x");
    }

    #[test]
    fn the_majority_of_letters_outside_isolates_sets_the_direction() {
        assert_eq!(majority_rtl("الطب الاستعماري: Colonial medicine in Egypt, 1882–1914"), Some(false));
        assert_eq!(majority_rtl("صحة المرأة"), Some(true));
        assert_eq!(majority_rtl("Plain English"), None);
        // Isolated letters do not count while others do.
        assert_eq!(majority_rtl("Salem M. 2021. \u{2067}صحة المرأة العربية\u{2069}."), Some(false));
        assert_eq!(majority_rtl("سالم م. 2021. \u{2066}Women's health in Egypt\u{2069}."), Some(true));
        // All letters isolated: all count.
        assert_eq!(majority_rtl("\u{2067}صحة المرأة\u{2069}. 2021."), Some(true));
    }

    #[test]
    fn a_title_is_isolated_by_its_majority_direction() {
        assert_eq!(isolated("الطب الاستعماري: Colonial medicine"), "\u{2066}الطب الاستعماري: Colonial medicine\u{2069}");
        assert_eq!(isolated("صحة المرأة"), "\u{2067}صحة المرأة\u{2069}");
        assert_eq!(isolated("طب: ab"), "\u{2068}طب: ab\u{2069}");
        assert_eq!(isolated("Racism in medicine"), "Racism in medicine");
    }

    #[test]
    fn isolating_a_part_moves_the_positions_after_it() {
        let mut t = String::from("Salem M. صحة. 2021.");
        let shift = isolate_within(&mut t, "صحة").expect("isolated");
        assert_eq!(t, "Salem M. \u{2067}صحة\u{2069}. 2021.");
        assert_eq!(shift(0), 0);
        assert_eq!(shift(9), 12);
        assert_eq!(&t[shift(15)..], ". 2021.");
        assert!(isolate_within(&mut t, "Salem").is_none());
    }
}
