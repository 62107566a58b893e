//! A paper or presentation given at a conference and not published in
//! proceedings (schema 0040; tester r98 F2): cited by its event, its name,
//! place and date, as each bundled style's manual gives it. The processor
//! cites such a paper as a book without a publisher ("[place unknown]:
//! [publisher unknown]; 2020."); the text after its title is put back here.
//!
//! - Citing Medicine ch. 3 (Vancouver): "Title [genre]. Paper presented at:
//!   Event; 2020 Nov 8; Place."
//! - APA 7 §10.5: "(2020, November 8). *Title* [Genre]. Event, Place."
//! - Chicago 17 §14.217, §15.47: "“Title.” Paper presented at the Event,
//!   Place, November 8, 2020."
//! - Cite Them Right (Harvard), conference papers: "‘Title’, *Event*. Place,
//!   8 November 2020."
//! - MLA 9 §5.x (a presentation): "“Title.” Event, 8 Nov. 2020, Place.
//!   Genre."
//! - AMA 11 §3.13.2: "Title. Presented at: Event; November 8, 2020; Place."
//! - IEEE (Reference Guide, "Conference or presented paper, unpublished"):
//!   "“title,” presented at the Event, Place, Nov. 8, 2020."
//!
//! A paper in proceedings (a container) keeps its chapter's form.

use super::{Reading, Rich, Words, find_case_insensitive};
use crate::import::dates::MONTHS;
use crate::report::pdf::Emphasis;

/// The paper's event when it is cited by it: a conference paper (or a
/// talk with an event and no other kind) given at an event and not
/// published in proceedings. That is one with an event and no container; one
/// whose container is its event named again (BibTeX's `booktitle` and
/// `eventtitle` alike: tester r109, B1); or one whose genre names a
/// presentation ("Poster", "Keynote address") and whose container is no
/// proceedings, which is then its event (a `@inproceedings` with
/// `booktitle = {Ghana Nursing Summit}`, `type = {Poster}`). A paper with
/// pages, a publisher, a DOI or an ISBN is published: it keeps its
/// chapter's form.
fn unpublished_event(r: &Reading) -> Option<&str> {
    fn text(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(|e| e.trim().trim_end_matches('.')).filter(|e| !e.is_empty())
    }
    let talk = r.kind == "conference-paper" || (r.kind == "other" && text(&r.event).is_some());
    if !talk {
        return None;
    }
    let published = [&r.pages, &r.publisher, &r.doi, &r.isbn].iter().any(|f| text(f).is_some());
    match (text(&r.container), text(&r.event)) {
        (None, event) => event,
        (Some(c), Some(e)) if !published && crate::import::title_key(c) == crate::import::title_key(e) => Some(e),
        (Some(c), None) if !published && presentation_genre(r) && !proceedings_like(c) => Some(c),
        _ => None,
    }
}

/// Whether the reading's genre names a thing presented at an event: a
/// poster, a paper, a keynote, a talk, a lecture, an address, a
/// presentation.
fn presentation_genre(r: &Reading) -> bool {
    let g = r.genre.as_deref().unwrap_or_default().to_lowercase();
    ["poster", "paper", "keynote", "talk", "lecture", "address", "presentation", "plenary", "oral"]
        .iter()
        .any(|w| g.split(|c: char| !c.is_alphabetic()).any(|x| x == *w))
}

/// Whether a container's name is a published book of a meeting's papers
/// or abstracts ("Proceedings of …", "Proc. …", "Abstracts of …",
/// "Transactions …", a journal's supplement), not the meeting itself.
fn proceedings_like(c: &str) -> bool {
    let c = c.to_lowercase();
    ["proceeding", "proc.", "abstracts", "transactions", "book of", "supplement", "journal", "digest", "record"]
        .iter()
        .any(|w| c.contains(w))
}

/// The words before "presented at" in Chicago's form of a presentation
/// (Chicago 17th ed. §14.217–14.218: "Paper presented at", "Poster
/// presented at"; a keynote or a lecture by its own name, "Keynote
/// address presented at"): the genre's, "Paper" without one.
fn chicago_lead(genre: Option<&str>) -> String {
    let Some(g) = genre.map(str::trim).filter(|g| !g.is_empty()) else { return "Paper".to_string() };
    let lower = g.to_lowercase();
    if lower.contains("poster") {
        return "Poster".to_string();
    }
    if matches!(
        lower.as_str(),
        "paper" | "paper presentation" | "oral presentation" | "presentation" | "oral" | "conference paper" | "talk"
    ) {
        return "Paper".to_string();
    }
    super::capitalised(g)
}

/// What was presented and "presented at" in the style's language, for a
/// style that names the kind in English (Chicago 17 §14.217 "Poster
/// presented at the", AMA 11 §3.13.2 "Poster presented at:", Citing
/// Medicine's "Paper presented at:"): canon's whole phrase for a poster, a
/// paper or a keynote ([`super::phrases`]: "Affiche présentée à", "Póster
/// presentado en", with the agreement the language needs), else the
/// locale's `presented at` term alone (a lecture's). No genre is a paper
/// in Citing Medicine and Chicago; in AMA (`ama`), which then says only
/// "Presented at", a paper is one whose genre says so. Tester r111 F1: the poster was lost ("Présenté à").
fn foreign_lead(genre: Option<&str>, words: &Words, ama: bool) -> String {
    let g = genre.unwrap_or_default().to_lowercase();
    let english = if g.contains("poster") {
        Some("Poster presented at")
    } else if g.contains("keynote") {
        Some("Keynote presented at")
    } else if (g.trim().is_empty() && !ama) || ["paper", "oral", "talk", "presentation"].iter().any(|w| g.contains(w)) {
        Some("Paper presented at")
    } else {
        None
    };
    english
        .map(|e| words.say(e))
        .filter(|said| english.is_some_and(|e| said != e))
        .unwrap_or_else(|| words.say("Presented at"))
}

/// The event's date: its own (ISO, "2020-11-08" or a range
/// "2020-11-08/2020-11-11") or, without one, the paper's date.
#[derive(Debug, Clone, PartialEq)]
enum When {
    Parts { year: i32, month: Option<u32>, day: Option<u32>, end: Option<(Option<u32>, u32)> },
    Written(String),
}

fn when(r: &Reading) -> Option<When> {
    if let Some(w) = event_when(r) {
        return Some(w);
    }
    let year = i32::try_from(r.year?).ok()?;
    let small = |v: Option<i64>| v.and_then(|v| u32::try_from(v).ok());
    let (month, day) = (small(r.month).filter(|m| (1..=12).contains(m)), small(r.day));
    // A range of days in the paper's date ("2020 Nov 8-11"), in one year.
    let end = small(r.day_end)
        .filter(|_| day.is_some() && r.year_end.is_none())
        .map(|e| (small(r.month_end).filter(|m| Some(*m) != month && (1..=12).contains(m)), e));
    Some(When::Parts { year, month, day, end })
}

/// The event's own date: ISO ([`iso`]), a date written in words that reads
/// as one day or a range of days ("12–14 May 2019", "May 12-14, 2019", "30
/// Oct–2 Nov 2019": [`written`]), else as written.
fn event_when(r: &Reading) -> Option<When> {
    let t = r.event_date.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    // (A range with spaces round its dash, "29 November – 2 December 2019", read as one without.)
    let tight = crate::import::builder::tight_dashes(t);
    let read = iso(t).or_else(|| across_months(&tight)).or_else(|| written(t)).or_else(|| written(&tight));
    Some(read.unwrap_or_else(|| When::Written(t.to_string())))
}

/// A range of days across two months of one year written in words, the
/// year once at its end ("29 November–2 December 2019", "November 29–December
/// 2, 2019"): each end read as a date ([`written`]), the first with the
/// last's year. `None` for anything else (a range within a month is
/// [`written`]'s).
fn across_months(t: &str) -> Option<When> {
    let (a, b) = t.split_once('–').or_else(|| t.split_once(" - "))?;
    let When::Parts { year, month: Some(m2), day: Some(d2), end: None } = written(b.trim())? else { return None };
    let When::Parts { month: Some(m1), day: Some(d1), end: None, .. } =
        written(&format!("{} {year}", a.trim().trim_end_matches(',')))?
    else {
        return None;
    };
    (m1 < m2).then_some(When::Parts { year, month: Some(m1), day: Some(d1), end: Some((Some(m2), d2)) })
}

/// A date written in words with a year, a month and a day, or a range of
/// days in one year, read as the import reads a work's date
/// ([`crate::import::dates::typed_year`]); `None` for anything it reads
/// with a doubt (a warning, an approximate or uncertain date, a season, a
/// range across years), which is printed as written (tester r102: "12–14
/// May 2019" was printed as written in APA's "(2019, May 12–14)" slot and
/// given to no `.csl` style).
fn written(t: &str) -> Option<When> {
    let d = crate::import::dates::typed_year(t).ok()?;
    // The date reader says of a range across months that a work's date
    // keeps its start only ("is a range of days ending …"); an event's
    // keeps both, so that is no doubt here.
    let plain = d.warnings.iter().all(|w| w.contains("is a range of days ending"))
        && d.note.is_none()
        && !d.approximate
        && !d.copyright
        && d.season.is_none()
        && d.year_end.is_none();
    let small = |v: Option<i64>| v.and_then(|v| u32::try_from(v).ok());
    let (month, day) = (small(d.month).filter(|m| (1..=12).contains(m))?, small(d.day)?);
    let end = small(d.day_end).map(|e| (small(d.month_end).filter(|m| *m != month && (1..=12).contains(m)), e));
    (plain && d.month_end.is_none_or(|_| end.is_some())).then_some(When::Parts {
        year: i32::try_from(d.year?).ok()?,
        month: Some(month),
        day: Some(day),
        end,
    })
}

/// The event's date range for a `.csl` style, which is given its first day
/// ([`add_event_parent`]: hayagriva's date holds no range): the month, the
/// first day and the last, within one month, for the report to put the
/// last day after the first where the style printed it.
pub(super) fn event_day_range(r: &Reading) -> Option<(i64, i64, i64)> {
    match event_when(r)? {
        When::Parts { month: Some(m), day: Some(d), end: Some((None, e)), .. } if e > d => {
            Some((i64::from(m), i64::from(d), i64::from(e)))
        }
        _ => None,
    }
}

/// "2020-11-08", "2020-11", "2020", "2020-11-08/2020-11-11",
/// "2020-10-30/2020-11-02" (the same year only; else as written).
fn iso(t: &str) -> Option<When> {
    let one = |s: &str| -> Option<(i32, Option<u32>, Option<u32>)> {
        let mut p = s.trim().split('-');
        let y: i32 = p.next()?.parse().ok()?;
        let m: Option<u32> = p.next().map(str::parse).transpose().ok()?;
        let d: Option<u32> = p.next().map(str::parse).transpose().ok()?;
        (p.next().is_none() && m.is_none_or(|m| (1..=12).contains(&m)) && d.is_none_or(|d| (1..=31).contains(&d)))
            .then_some((y, m, d))
    };
    let (a, b) = match t.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (t, None),
    };
    let (year, month, day) = one(a)?;
    let end = match b.map(one) {
        None => None,
        Some(None) => return None,
        Some(Some((y2, m2, Some(d2)))) if y2 == year && day.is_some() => {
            Some(((m2 != month).then_some(m2).flatten(), d2))
        }
        Some(Some(_)) => return None,
    };
    Some(When::Parts { year, month, day, end })
}

/// The date in a style's form: `names` are its month names, `order` how
/// day, month and year stand.
#[derive(Clone, Copy)]
enum Order {
    /// "2020 Nov 8-11" (Citing Medicine).
    YearMonthDay,
    /// "November 8–11, 2020".
    MonthDayYear,
    /// "8–11 Nov. 2020".
    DayMonthYear,
    /// "2020, November 8–11" (APA).
    YearCommaMonthDay,
}

fn dated(w: &When, names: &[&str; 12], order: Order, dash: char) -> String {
    let (year, month, day, end) = match w {
        When::Written(t) => return t.clone(),
        When::Parts { year, month, day, end } => (*year, *month, *day, *end),
    };
    let name = |m: u32| names[(m - 1) as usize];
    let Some(m) = month else { return year.to_string() };
    let days = match (day, end) {
        (None, _) => None,
        (Some(d), None) => Some(d.to_string()),
        (Some(d), Some((None, e))) => Some(format!("{d}{dash}{e}")),
        (Some(d), Some((Some(m2), e))) => Some(match order {
            Order::DayMonthYear => format!("{d} {}{dash}{e} {}", name(m), name(m2)),
            _ => format!("{d}{dash}{} {e}", name(m2)),
        }),
    };
    match (order, days) {
        (Order::YearMonthDay, Some(d)) => format!("{year} {} {d}", name(m)),
        (Order::YearMonthDay, None) => format!("{year} {}", name(m)),
        (Order::MonthDayYear, Some(d)) => format!("{} {d}, {year}", name(m)),
        (Order::MonthDayYear, None) => format!("{} {year}", name(m)),
        (Order::DayMonthYear, Some(d)) if d.contains(' ') => format!("{d} {year}"),
        (Order::DayMonthYear, Some(d)) => format!("{d} {} {year}", name(m)),
        (Order::DayMonthYear, None) => format!("{} {year}", name(m)),
        (Order::YearCommaMonthDay, Some(d)) => format!("{year}, {} {d}", name(m)),
        (Order::YearCommaMonthDay, None) => format!("{year}, {}", name(m)),
    }
}

const NLM_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MLA_MONTHS: [&str; 12] =
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const IEEE_MONTHS: [&str; 12] =
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."];

/// Where the reference's text after the paper's title ends: at its address
/// (a DOI or URL, which stay), else at its end; with the label the style
/// wrote before the address, which stays with it (Cite Them Right's
/// "Available at:", a locale's "Disponible sur :"; tester r101 F6: Harvard
/// printed the address bare).
fn rest_start(text: &str, from: usize) -> usize {
    let at =
        [" https://", " http://", " doi:", " DOI:", " Available from:", " Available:", " [Online]", " Retrieved from"]
            .iter()
            .filter_map(|m| text[from..].find(m).map(|i| from + i))
            .min()
            .unwrap_or(text.len());
    let before = &text[from..at];
    if before.ends_with(':')
        && let Some(stop) = before.rfind(". ")
        && before[stop + 2..].split_whitespace().count() <= 4
        && !before[stop + 2..].contains(char::is_numeric)
    {
        return from + stop + 1;
    }
    at
}

/// The event's date in the locale's text date form, for a style that
/// prints its dates so (Vancouver's `<date form="text">`): "3 nov 2022"
/// in French ([`Words::date`]); `None` in English, or for a range across
/// months.
fn local_text_date(w: &When, words: &Words, dash: char) -> Option<String> {
    let When::Parts { year, month, day, end } = w else { return None };
    let days = match (day, end) {
        (Some(d), None) => Some(d.to_string()),
        (Some(d), Some((None, e))) => Some(format!("{d}{dash}{e}")),
        (None, _) => None,
        (Some(_), Some((Some(_), _))) => return None,
    };
    words.date(i64::from(*year), month.map(i64::from), days.as_deref())
}

/// The reference of an unpublished conference paper in a bundled style,
/// cited by its event (see the module's text); any other reading, or a
/// reference whose title cannot be found, as it was.
pub(super) fn with_event(t: Rich, r: &Reading, style: &str, words: &Words) -> Rich {
    let Some(event) = unpublished_event(r) else { return t };
    let title = r.title.trim().trim_end_matches('.');
    let Some(found) = find_case_insensitive(&t.text, title) else { return t };
    // The title as the style cased it, and what stood before it (the
    // authors, the date) without the quotation mark that opened it.
    let cased = t.text[found.clone()].to_string();
    let mut start = found.start;
    // (The locale's marks too, and the no-break space inside French ones:
    // tester r111 F2, IEEE's French "« “Paper one,” présenté à".)
    let q = &words.quotes;
    while let Some(c) =
        t.text[..start].chars().next_back().filter(|&c| q.is_mark(c) || c == '\u{a0}' || c == '\u{202f}')
    {
        start -= c.len_utf8();
    }
    let mut after = found.end;
    // The genre in brackets after the title, as the processor printed it
    // ("[oral presentation]"), kept where the style prints it.
    let rest = &t.text[after..];
    let skip_close = rest.len()
        - rest.trim_start_matches(|c: char| q.is_mark(c) || matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}')).len();
    after += skip_close;
    // (Only the genre's: "[place unknown]" is the processor's, of a book.)
    let genre_said = r.genre.as_deref().map(|g| g.trim().to_lowercase());
    let bracket = t.text[after..]
        .strip_prefix(" [")
        .and_then(|b| b.find(']').map(|i| t.text[after + 1..after + 2 + i + 1].to_string()))
        // (Or in the style's language: Citing Medicine's "[affiche]" for a
        // poster in French; tester r109, it was dropped.)
        .filter(|b| {
            let inner = b[1..b.len() - 1].to_lowercase();
            genre_said.as_deref().is_some_and(|g| inner == g || inner == words.say(g).to_lowercase())
        });
    let end = rest_start(&t.text, after);
    let address = t.text[end..].trim().to_string();
    // The date the address was consulted, as the style printed it in the
    // text the event's form replaces (tester r104: "[cited 2020 May 1]",
    // "Accessed May 1, 2020." were lost with it).
    let consulted = (!address.is_empty()).then(|| printed_access(&t.text[after..end], r, style, words)).flatten();
    let mut prefix = Rich {
        text: t.text[..start].to_string(),
        spans: t.spans.iter().filter(|(s, _)| s.end <= start).cloned().collect(),
    };
    let place = r
        .event_place
        .as_deref()
        .or(r.place.as_deref().filter(|_| r.publisher.as_deref().is_none_or(|p| p.trim().is_empty())))
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let genre = r.genre.as_deref().map(str::trim).filter(|g| !g.is_empty());
    let poster = genre.is_some_and(|g| g.to_lowercase().contains("poster"));
    let w = when(r);
    // In another language, its month names and, where the style prints a
    // localized date, its date form (tester r101 F9: "2022 Nov 3" beside
    // the style's own "5 janv 2023").
    let date = |english: &[&str; 12], order: Order, dash: char| {
        let w = w.as_ref()?;
        // (Every style but APA, whose date in parentheses keeps the
        // style's own order: tester r106 F10, AMA's "noviembre 5, 2019".)
        if (style == "vancouver" || (words.foreign && style != "apa"))
            && let Some(d) = local_text_date(w, words, dash)
        {
            return Some(d);
        }
        let local = words.month_names(english[0].len() == 3 || english[0].ends_with('.'));
        let names: [&str; 12] = match &local {
            Some(l) => std::array::from_fn(|i| l[i].as_str()),
            None => *english,
        };
        Some(dated(w, &names, order, dash))
    };
    // "Presented at" in the locale's words ("présenté à"), where canon
    // writes it: the English "Paper"/"Poster" is the manual's, not the
    // locale's.
    let presented = |english: &'static str, ama: bool| -> String {
        if words.foreign { foreign_lead(genre, words, ama) } else { english.to_string() }
    };
    let join = |parts: &[Option<String>], sep: &str| parts.iter().flatten().cloned().collect::<Vec<_>>().join(sep);
    let place = place.map(str::to_string);
    let italic = Emphasis { italic: true, ..Emphasis::default() };
    let mut title_italic = false;
    // A title's own "?" or "!" ends it: no stop or comma after it (tester
    // r101 F1: "“Whose Knowledge Counts?.”").
    let own_mark = cased.ends_with(['?', '!', '.']);
    let mark = |m: &'static str| if own_mark { "" } else { m };
    let (body, tail) = match style {
        "vancouver" => {
            let lead = presented(if poster { "Poster session presented at" } else { "Paper presented at" }, false);
            let b = match bracket.as_deref() {
                Some(b) => format!("{cased} {b}."),
                None => format!("{cased}{}", mark(".")),
            };
            let parts = [Some(event.to_string()), date(&NLM_MONTHS, Order::YearMonthDay, '-'), place];
            (b, format!(" {lead}: {}.", join(&parts, "; ")))
        }
        "apa" => {
            // "(2020)" becomes the event's date, "(2020, November 8)".
            if let (Some(d), Some(y)) = (date(&MONTHS, Order::YearCommaMonthDay, '\u{2013}'), r.year)
                && let Some(at) = prefix.text.find(&format!("({y})"))
            {
                super::splice(&mut prefix, at + 1..at + 1 + y.to_string().len(), &d);
            }
            title_italic = true;
            // APA 7 §10.5 describes the work in brackets after its title,
            // "[Paper presentation]" when no genre says otherwise (tester
            // r107 F3: none was printed); the stored genre where the
            // processor left it out. (In another language only the genre.)
            let described = match (genre, words.foreign) {
                (Some(g), _) => Some(format!("[{}{}]", g[..1].to_uppercase(), &g[1..])),
                (None, false) => Some("[Paper presentation]".to_string()),
                // The locale's words where canon has them (tester r109:
                // "[Ponencia]"), else none rather than English.
                (None, true) => Some(words.say("Paper presentation"))
                    .filter(|s| s != "Paper presentation")
                    .map(|s| format!("[{}]", super::capitalised(&s))),
            };
            let b = match bracket.as_deref().map(str::to_string).or(described) {
                Some(b) => format!("{cased} {b}."),
                None => format!("{cased}{}", mark(".")),
            };
            (b, format!(" {}.", join(&[Some(event.to_string()), place], ", ")))
        }
        "chicago" => {
            let lead = if words.foreign {
                foreign_lead(genre, words, false)
            } else {
                format!("{} presented at the", chicago_lead(genre))
            };
            let parts = [Some(event.to_string()), place, date(&MONTHS, Order::MonthDayYear, '\u{2013}')];
            (q.quoted(&cased, mark(".")), format!(" {lead} {}.", join(&parts, ", ")))
        }
        "harvard" => {
            // The year alone is the one in parentheses after the authors:
            // not printed twice (tester r109 B3, "(2019) … Summit. 2019.").
            let year_only =
                matches!(w, Some(When::Parts { month: None, day: None, year, .. }) if Some(i64::from(year)) == r.year);
            let day = if year_only { None } else { date(&MONTHS, Order::DayMonthYear, '\u{2013}') };
            let parts = [place, day];
            let after_event = join(&parts, ", ");
            let tail =
                if after_event.is_empty() { format!(", {event}.") } else { format!(", {event}. {after_event}.") };
            (format!("‘{cased}’"), tail)
        }
        "mla" => {
            let parts = [Some(event.to_string()), date(&MLA_MONTHS, Order::DayMonthYear, '\u{2013}'), place];
            // MLA 9 describes a presentation after its place, "Poster.",
            // "Keynote address.", and "Presentation." when no genre says
            // which (MLA Handbook 9th ed., "Presentations"; tester r109 B4:
            // nothing was printed). (In another language only the genre.)
            let g = match (genre, words.foreign) {
                (Some(g), _) => format!(" {}.", super::capitalised(g)),
                (None, false) => " Presentation.".to_string(),
                (None, true) => String::new(),
            };
            (q.quoted(&cased, mark(".")), format!(" {}.{g}", join(&parts, ", ")))
        }
        "ama" => {
            let lead = presented(if poster { "Poster presented at" } else { "Presented at" }, true);
            let parts = [Some(event.to_string()), date(&MONTHS, Order::MonthDayYear, '-'), place];
            (format!("{cased}{}", mark(".")), format!(" {lead}: {}.", join(&parts, "; ")))
        }
        "ieee" => {
            let parts = [Some(event.to_string()), place, date(&IEEE_MONTHS, Order::MonthDayYear, '\u{2013}')];
            let lead = if words.foreign { words.say("presented at") } else { "presented at the".to_string() };
            (q.quoted(&cased, mark(",")), format!(" {lead} {}.", join(&parts, ", ")))
        }
        _ => return t,
    };
    // Citing Medicine's date of citation in brackets before the stop that
    // ends the event's part; any other style's statement after it.
    let tail = match consulted {
        Some(c) if style == "vancouver" && tail.ends_with('.') => format!("{} {c}.", &tail[..tail.len() - 1]),
        Some(c) => format!("{tail} {c}"),
        None => tail,
    };
    let mut out = prefix;
    let at = out.text.len();
    out.text.push_str(&body);
    if title_italic {
        out.spans.push((at..at + cased.len(), italic));
    }
    // Cite Them Right sets the conference's name in italics.
    if style == "harvard" {
        let e = out.text.len() + tail.find(event).unwrap_or(0);
        out.text.push_str(&tail);
        out.spans.push((e..e + event.len(), italic));
    } else {
        out.text.push_str(&tail);
    }
    if !address.is_empty() {
        out.text.push(' ');
        // Cite Them Right's label of every address, "Available at: URL
        // (Accessed: date)" (tester r101 F6: the paper's was printed bare).
        // (In the locale's words in another language: "Disponible sur :".)
        if style == "harvard" && address.starts_with("http") {
            out.text.push_str(&format!("{}: ", super::capitalised(&words.say("Available at"))));
        }
        out.text.push_str(&address);
    }
    out
}

/// A paper published in proceedings with the place of its conference
/// (BibTeX's `venue`, CSL's `event-place`), which Vancouver and IEEE print
/// after the proceedings' title: Citing Medicine ch. 3, "Proceedings title;
/// date; Place of conference. Place of publication: Publisher; year."; the
/// IEEE Reference Guide, "in *Proc. Conf.*, City, Country, Year, pp.". The
/// processor printed the publisher's place only, and the venue nowhere
/// (tester r109 B2). Any other reading or style, or a reference that
/// prints the place already, is returned as it is.
pub(super) fn with_proceedings_venue(mut t: Rich, r: &Reading, style: &str, words: &Words) -> Rich {
    if r.kind != "conference-paper" || unpublished_event(r).is_some() {
        return t;
    }
    if style == "harvard" {
        return with_harvard_proceedings_venue(t, r, words);
    }
    if !matches!(style, "vancouver" | "ieee") {
        return t;
    }
    let venue = r.event_place.as_deref().map(str::trim).filter(|p| !p.is_empty());
    // Citing Medicine dates the conference too, "2018 May 3-5" (its own
    // date, not the proceedings' year).
    let date = event_when(r).filter(|_| style == "vancouver").map(|w| {
        let local = if words.foreign { local_text_date(&w, words, '-') } else { None };
        local.unwrap_or_else(|| dated(&w, &NLM_MONTHS, Order::YearMonthDay, '-'))
    });
    let Some(container) = r.container.as_deref().map(str::trim).filter(|c| !c.is_empty()) else { return t };
    let Some(title) = find_case_insensitive(&t.text, r.title.trim().trim_end_matches('.')) else { return t };
    let printed = |p: &str| find_case_insensitive(&t.text[title.end..], p).is_some();
    // Citing Medicine names the conference after the proceedings' title,
    // before its date and place ("Title; Name of Conference; Date;
    // Place."; tester r111 F10: the event's name was left out), unless the
    // title is itself the conference's ("Proceedings of the 10th IAS
    // Conference on HIV Science; 2019 Jul 21-24; Mexico City": ch. 3's
    // examples give no second name). IEEE's proceedings title is the
    // conference's own.
    let name = r
        .event
        .as_deref()
        .map(|e| e.trim().trim_end_matches('.'))
        .filter(|e| !e.is_empty() && style == "vancouver")
        .filter(|e| crate::import::title_key(e) != crate::import::title_key(container))
        .filter(|_| !names_a_meeting(container))
        .map(str::to_string);
    let parts: Vec<String> =
        [name, date, venue.map(str::to_string)].into_iter().flatten().filter(|p| !printed(p)).collect();
    if parts.is_empty() {
        return t;
    }
    let Some(c) = find_case_insensitive(&t.text[title.end..], container.trim_end_matches('.')) else { return t };
    let at = title.end + c.end;
    let sep = if style == "vancouver" { "; " } else { ", " };
    super::splice(&mut t, at..at, &format!("{sep}{}", parts.join(sep)));
    t
}

/// Cite Them Right's published conference paper (12th ed., "Conference
/// papers"): the conference's place and date after the proceedings' title,
/// before the facts of publication: "Mensah, A. (2019) ‘Title’, in
/// *Proceedings of the African Health Sciences Congress*. Accra, Ghana, 2–4
/// April 2019. Kampala: AHS Press, pp. 12–19." (r114 item 3: the bundled
/// style printed neither). The date as an unpublished paper's
/// ([`with_event`]): day, month, year, in the locale's words in another
/// language, and not a year alone that is the reference's own. `t` is
/// returned as it is when `r` has no container, neither place nor date is
/// stored, either is printed already, or the container is not found after
/// the title.
fn with_harvard_proceedings_venue(mut t: Rich, r: &Reading, words: &Words) -> Rich {
    let place = r.event_place.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string);
    let date = event_when(r)
        .filter(|w| !matches!(w, When::Parts { month: None, day: None, year, .. } if Some(i64::from(*year)) == r.year))
        .map(|w| {
            let local = if words.foreign { local_text_date(&w, words, '\u{2013}') } else { None };
            local.unwrap_or_else(|| {
                let names = words.month_names(false);
                let names: [&str; 12] = match &names {
                    Some(l) => std::array::from_fn(|i| l[i].as_str()),
                    None => MONTHS,
                };
                dated(&w, &names, Order::DayMonthYear, '\u{2013}')
            })
        });
    let Some(container) = r.container.as_deref().map(str::trim).filter(|c| !c.is_empty()) else { return t };
    let Some(title) = find_case_insensitive(&t.text, r.title.trim().trim_end_matches('.')) else { return t };
    let printed = |p: &str| find_case_insensitive(&t.text[title.end..], p).is_some();
    let parts: Vec<String> = [place, date].into_iter().flatten().filter(|p| !printed(p)).collect();
    if parts.is_empty() {
        return t;
    }
    let Some(c) = find_case_insensitive(&t.text[title.end..], container.trim_end_matches('.')) else { return t };
    let at = title.end + c.end;
    // (A container's own "?" or "!" ends its sentence.)
    let lead = if t.text[..at].ends_with(['?', '!']) { " " } else { ". " };
    // (The stop or comma the style printed after the container follows it.)
    super::splice(&mut t, at..at, &format!("{lead}{}", parts.join(", ")));
    t
}

/// A paper in published proceedings with a genre in Chicago: "In
/// *Proceedings*", as Chicago 17th ed. §14.218 cites a paper published in
/// proceedings (a chapter), where the processor wrote the genre as a
/// presentation to it ("Paper to Proceedings of …", "Poster to …": tester
/// r109 B1). Any other reading or text is returned as it is.
pub(super) fn with_chicago_proceedings(mut t: Rich, r: &Reading) -> Rich {
    if r.kind != "conference-paper" || unpublished_event(r).is_some() {
        return t;
    }
    let Some(genre) = r.genre.as_deref().map(str::trim).filter(|g| !g.is_empty()) else { return t };
    let Some(container) = r.container.as_deref().map(str::trim).filter(|c| !c.is_empty()) else { return t };
    let Some(title) = find_case_insensitive(&t.text, r.title.trim().trim_end_matches('.')) else { return t };
    let to = format!("{genre} to ");
    let Some(g) = find_case_insensitive(&t.text[title.end..], &to).map(|g| title.end + g.start..title.end + g.end)
    else {
        return t;
    };
    if find_case_insensitive(&t.text[g.end..], container).is_none_or(|c| c.start != 0) {
        return t;
    }
    super::splice(&mut t, g, "In ");
    t
}

/// The statement of the date the address was consulted that the processor
/// printed in `dropped` (the text after the title that the event's form
/// replaces), for a reading with an access date: Citing Medicine's bracket
/// ("[cited 2020 May 1]") in Vancouver, the sentence that begins with the
/// style's word for it in the others ("Accessed May 1, 2020.", "Accessed:
/// May 01, 2020.", APA's "Retrieved May 1, 2020, from"), to the end of
/// `dropped`. `None` when the style printed none there.
fn printed_access(dropped: &str, r: &Reading, style: &str, words: &Words) -> Option<String> {
    let year = r.accessed.as_deref()?.get(..4)?;
    let at = dropped.rfind(year)?;
    if style == "vancouver" {
        let close = at + dropped[at..].find(']')?;
        let open = dropped[..at].rfind('[')?;
        return Some(dropped[open..=close].to_string());
    }
    let local = words.say("accessed").to_lowercase();
    let starts = (0..at).filter(|&i| dropped.is_char_boundary(i) && (i == 0 || dropped[..i].ends_with(' ')));
    let start = starts.filter(|&i| i == 0 || dropped[..i].trim_end().ends_with(['.', ','])).rev().find(|&i| {
        let word: String = dropped[i..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        let word = word.to_lowercase();
        matches!(word.as_str(), "accessed" | "retrieved" | "cited") || local.split_whitespace().next() == Some(&word)
    })?;
    Some(dropped[start..].trim().to_string())
}

/// A conference paper's event as hayagriva's `conference` parent of its
/// entry, which it gives a `.csl` style as CSL `event-title`, `event-place`
/// and `event-date` (hayagriva 0.10, `csl::taxonomy`: the title, location
/// and date of a `Conference` parent). Only a paper has one.
pub(super) fn add_event_parent(e: &mut serde_json::Map<String, serde_json::Value>, r: &Reading) {
    use serde_json::{Value, json};
    let Some(event) = r.event.as_deref().map(str::trim).filter(|t| !t.is_empty() && r.kind == "conference-paper")
    else {
        return;
    };
    let mut conference = json!({ "type": "conference", "title": super::processor_title_cased(event, false) });
    if let Some(p) = r.event_place.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        conference["location"] = json!(p);
    }
    // Its day, month or year; of a range in one month, the first day
    // (hayagriva reads no range: the report puts the last day after it,
    // [`event_day_range`]). A range across months is given its first day
    // too, and its end put after it ([`with_event_month_range`]).
    if let Some(When::Parts { year, month, day, end }) = event_when(r)
        && (end.is_none_or(|(m, _)| m.is_none()) || event_month_range(r).is_some())
    {
        conference["date"] = json!(match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        });
    }
    let parents = match e.remove("parent") {
        Some(Value::Array(mut a)) => {
            a.push(conference);
            a
        }
        Some(p) => vec![p, conference],
        None => vec![conference],
    };
    e.insert("parent".into(), Value::Array(parents));
}

/// The event's range across two months ("29 November – 2 December 2019",
/// "2019-11-29/2019-12-02") for a `.csl` style, which is given its first
/// day ([`add_event_parent`]): (first month, first day, last month, last
/// day). `None` for any other event date.
fn event_month_range(r: &Reading) -> Option<(u32, u32, u32, u32)> {
    match event_when(r)? {
        When::Parts { month: Some(m), day: Some(d), end: Some((Some(m2), e)), .. } if m2 > m => Some((m, d, m2, e)),
        _ => None,
    }
}

/// A `.csl` style's event date across two months: the last month and day
/// put after the first day where the style printed it, in the form it used
/// for the first (hayagriva's date holds no range): "November 29–December
/// 2, 2019", "2019 Nov 29–Dec 2", "29 November–2 December 2019". Where the
/// first day is not found (a style that prints the year alone), the text
/// is left as it is.
pub(super) fn with_event_month_range(mut t: Rich, r: &Reading, dash: char, words: &Words) -> Rich {
    let Some((m, d, m2, e)) = event_month_range(r) else { return t };
    let (i, i2) = ((m - 1) as usize, (m2 - 1) as usize);
    let (Some(first), Some(last)) = (MONTHS.get(i), MONTHS.get(i2)) else { return t };
    // Each form of the first month with the same form of the last: the
    // locale's, long and short, then English's.
    let mut forms: Vec<(String, String)> = Vec::new();
    if let (Some((l1, s1)), Some((l2, s2))) = (words.months.get(i), words.months.get(i2)) {
        if let (Some(s1), Some(s2)) = (s1, s2.as_ref().or(Some(l2))) {
            forms.push((s1.clone(), s2.clone()));
        }
        forms.push((l1.clone(), l2.clone()));
    }
    forms.push((first.to_string(), last.to_string()));
    forms.push((super::short_month(first), super::short_month(last)));
    forms.push((first[..3].to_string(), last[..3].to_string()));
    let taken = super::printed_at(&t.text, &[Some(r.title.as_str()), r.event.as_deref(), r.container.as_deref()]);
    let day = d.to_string();
    let digit = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    for (form, end_form) in forms {
        for (at, _) in t.text.match_indices(form.as_str()) {
            let after = at + form.len();
            if taken.iter().any(|w| w.contains(&at))
                || t.text[..at].ends_with(char::is_alphabetic)
                || t.text[after..].starts_with(char::is_alphabetic)
            {
                continue;
            }
            // "November 29" (month first): the end after the day.
            let rest = &t.text[after..];
            if let Some(tail) = rest.strip_prefix(' ').and_then(|s| s.strip_prefix(day.as_str()))
                && !digit(tail)
            {
                let end = after + 1 + day.len();
                super::splice(&mut t, end..end, &format!("{dash}{end_form} {e}"));
                return t;
            }
            // "29 November" (day first): the end after the month.
            let before = t.text[..at].strip_suffix(' ').and_then(|s| s.strip_suffix(day.as_str()));
            if before.is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_digit())) {
                super::splice(&mut t, after..after, &format!("{dash}{e} {end_form}"));
                return t;
            }
        }
    }
    t
}

/// Whether a proceedings volume's title names the meeting itself
/// ("Proceedings of …", "… Conference", "Anais do Congresso …"): Citing
/// Medicine (ch. 3, "Conference Name") then prints no separate conference
/// name after it.
fn names_a_meeting(title: &str) -> bool {
    const WORDS: &[&str] = &[
        "proceedings",
        "conference",
        "congress",
        "symposium",
        "meeting",
        "summit",
        "workshop",
        "colloquium",
        "assembly",
        "convention",
        "forum",
        "actas",
        "anais",
        "anales",
        "atti",
        "actes",
        "congreso",
        "congresso",
        "congrès",
        "conférence",
        "colloque",
        "jornadas",
        "simposio",
        "simpósio",
        "encontro",
        "encuentro",
        "tagung",
        "kongress",
        "konferenz",
        "symposium",
        "seminar",
        "seminário",
        "seminario",
    ];
    title.split(|c: char| !c.is_alphanumeric()).any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}
