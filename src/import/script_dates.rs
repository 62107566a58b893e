//! Dates written in the scripts of South Asia, Thailand and Ethiopia, as
//! the shared reader ([`super::builder`]) reads dates: the Gregorian month
//! names of Bengali ("১৫ মার্চ ২০১৯"), Hindi, Marathi and Nepali in
//! Devanagari ("१५ मार्च २०१९"), Tamil ("15 மார்ச் 2019") and Thai ("15
//! มีนาคม 2562") read as the months they are (tester r111 F1: only the
//! year was kept), their digits as ASCII digits; Thai Buddhist Era years
//! converted to the common era; and Ethiopian calendar dates with a month
//! in Ge'ez script ("መስከረም 1 2012") converted exactly. Urdu's month names
//! are Arabic script and read with Arabic's and Persian's
//! ([`super::dates::month_word`]).
//!
//! Sources: the month names are those of the Unicode CLDR locales bn,
//! hi, mr, ne, ta, th and am (`gregorian` and `ethiopic` calendars,
//! format and stand-alone forms, wide and abbreviated), with the spellings
//! publishers print beside them. The Thai rule: Thailand's Buddhist Era
//! year is the Gregorian year plus 543 since 1 January 1941 (B.E. 2484);
//! from 1889 (B.E. 2432) to 1940 its year began on 1 April, so January to
//! March of B.E. 2432–2483 are the Gregorian year plus 542 (Royal Thai
//! Government Gazette, 1940 Calendar Act). The Ethiopian rule: twelve
//! months of 30 days and Pagume of 5, 6 in the year before a Gregorian
//! leap year (E.C. year ≡ 3 mod 4); 1 Meskerem 1 E.C. is Julian day
//! 1 724 221 (Dershowitz and Reingold, *Calendrical Calculations*, 4th
//! ed., §4.4).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::dates::MONTHS;

/// The Gregorian months in Bengali, Devanagari (Hindi, Marathi, Nepali)
/// and Tamil script, January first, in the spellings of CLDR and of
/// publishers (with or without nukta: normalised by [`folded`]).
const INDIC_MONTHS: [&[&str]; 12] = [
    &["জানুয়ারি", "জানুয়ারী", "জানুআরি", "জানু", "जनवरी", "जानेवारी", "जन", "ஜனவரி", "சனவரி", "ஜன"],
    &[
        "ফেব্রুয়ারি",
        "ফেব্রুয়ারী",
        "ফেব্রুআরি",
        "ফেব",
        "ফেব্রু",
        "फरवरी",
        "फ़रवरी",
        "फेब्रुवारी",
        "फेब्रुअरी",
        "फर",
        "பிப்ரவரி",
        "பெப்ரவரி",
        "பிப்",
    ],
    &["মার্চ", "मार्च", "மார்ச்", "மார்ச"],
    &["এপ্রিল", "এপ্রি", "अप्रैल", "अप्रेल", "एप्रिल", "अप्रिल", "ஏப்ரல்", "ஏப்"],
    &["মে", "मई", "मे", "மே"],
    &["জুন", "जून", "जुन", "ஜூன்"],
    &["জুলাই", "जुलाई", "जुलै", "ஜூலை"],
    &["আগস্ট", "আগষ্ট", "অগাস্ট", "আগ", "अगस्त", "ऑगस्ट", "अगस्ट", "ஆகஸ்ட்", "ஆகஸ்டு", "ஆக"],
    &["সেপ্টেম্বর", "সেপ্টে", "सितंबर", "सितम्बर", "सप्टेंबर", "सेप्टेम्बर", "செப்டம்பர்", "செப்டெம்பர்", "செப்"],
    &["অক্টোবর", "অক্টো", "अक्टूबर", "अक्तूबर", "ऑक्टोबर", "अक्टोबर", "அக்டோபர்", "ஒக்டோபர்", "அக்"],
    &["নভেম্বর", "নভে", "नवंबर", "नवम्बर", "नोव्हेंबर", "नोभेम्बर", "நவம்பர்", "நவெம்பர்", "நவ"],
    &["ডিসেম্বর", "ডিসে", "दिसंबर", "दिसम्बर", "डिसेंबर", "डिसेम्बर", "டிசம்பர்", "டிசெம்பர்", "டிச"],
];

/// The Gregorian months in Thai, January first, written out and as the
/// abbreviations with stops Thai dates print ("มี.ค.").
const THAI_MONTHS: [&[&str]; 12] = [
    &["มกราคม", "ม.ค."],
    &["กุมภาพันธ์", "ก.พ."],
    &["มีนาคม", "มี.ค."],
    &["เมษายน", "เม.ย."],
    &["พฤษภาคม", "พ.ค."],
    &["มิถุนายน", "มิ.ย."],
    &["กรกฎาคม", "ก.ค."],
    &["สิงหาคม", "ส.ค."],
    &["กันยายน", "ก.ย."],
    &["ตุลาคม", "ต.ค."],
    &["พฤศจิกายน", "พ.ย."],
    &["ธันวาคม", "ธ.ค."],
];

/// The thirteen months of the Ethiopian calendar in Ge'ez script (Amharic
/// and Tigrinya spellings, ሀ/ሐ/ኀ and ሰ/ሠ written either way), Meskerem
/// first, and their romanised names for a message.
const ETHIOPIAN_MONTHS: [(&[&str], &str); 13] = [
    (&["መስከረም"], "Meskerem"),
    (&["ጥቅምት"], "Tikimt"),
    (&["ኅዳር", "ህዳር", "ሕዳር"], "Hidar"),
    (&["ታኅሣሥ", "ታህሳስ", "ታኅሳስ", "ታሕሳስ"], "Tahsas"),
    (&["ጥር"], "Tir"),
    (&["የካቲት", "ለካቲት"], "Yekatit"),
    (&["መጋቢት"], "Megabit"),
    (&["ሚያዝያ", "ሚያዚያ"], "Miyazya"),
    (&["ግንቦት"], "Ginbot"),
    (&["ሰኔ"], "Sene"),
    (&["ሐምሌ", "ሀምሌ", "ሃምሌ"], "Hamle"),
    (&["ነሐሴ", "ነሀሴ", "ነሃሴ"], "Nehase"),
    (&["ጳጉሜ", "ጳጉሜን"], "Pagume"),
];

/// Words of these scripts that name the common era ("খ্রিস্টাব্দ",
/// "ईस्वी", "கி.பி.", Thai "ค.ศ.") or a day's or year's place ("সাল",
/// "तारीख"): passed over.
const COMMON_ERA_WORDS: &[&str] = &[
    "খ্রিস্টাব্দ",
    "খ্রিষ্টাব্দ",
    "খ্রি",
    "খ্রিঃ",
    "সাল",
    "সালের",
    "ঈসায়ী",
    "ईस्वी",
    "ई",
    "ई.",
    "ईसवी",
    "सन्",
    "सन",
    "तारीख",
    "கி.பி.",
    "கி.பி",
    "ஆம்",
    "ஆண்டு",
    "คศ",
    "วันที่",
    "ที่",
];

/// A month word, folded, with its month (1–12, or 1–13 for Ethiopian).
#[derive(Clone, Copy)]
enum Month {
    Gregorian(usize),
    Thai(usize),
    Ethiopian(usize),
}

/// Every month word of [`INDIC_MONTHS`], [`THAI_MONTHS`] and
/// [`ETHIOPIAN_MONTHS`], folded ([`folded`]), built once.
static MONTH_INDEX: LazyLock<HashMap<String, Month>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, names) in INDIC_MONTHS.iter().enumerate() {
        for n in *names {
            m.insert(folded(n), Month::Gregorian(i + 1));
        }
    }
    for (i, names) in THAI_MONTHS.iter().enumerate() {
        for n in *names {
            m.insert(folded(n), Month::Thai(i + 1));
            m.insert(folded(n.trim_end_matches('.')), Month::Thai(i + 1));
        }
    }
    for (i, (names, _)) in ETHIOPIAN_MONTHS.iter().enumerate() {
        for n in *names {
            m.insert(folded(n), Month::Ethiopian(i + 1));
        }
    }
    m
});

/// [`COMMON_ERA_WORDS`], folded, built once.
static ERA_WORDS: LazyLock<std::collections::HashSet<String>> =
    LazyLock::new(|| COMMON_ERA_WORDS.iter().map(|w| folded(w)).collect());

/// A word as the tables compare it: without zero-width joiners, nukta
/// (precomposed letters with a nukta as their base letters: "फ़" as "फ",
/// "য়" as "য") and a last stop or comma.
fn folded(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.trim_end_matches([',', '।']).chars() {
        let base = match c as u32 {
            0x200C | 0x200D | 0x093C | 0x09BC => continue,
            0x0958 => 'क',
            0x0959 => 'ख',
            0x095A => 'ग',
            0x095B => 'ज',
            0x095C => 'ड',
            0x095D => 'ढ',
            0x095E => 'फ',
            0x095F => 'य',
            0x09DC => 'ড',
            0x09DD => 'ঢ',
            0x09DF => 'য',
            _ => c,
        };
        out.push(base);
    }
    out
}

/// Whether `c` is a letter or digit of a script this module reads:
/// Devanagari, Bengali, Tamil, Thai, Ethiopic.
fn in_these_scripts(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x09FF | 0x0B80..=0x0BFF | 0x0E00..=0x0E7F | 0x1200..=0x139F)
}

/// The pieces of a date: runs of ASCII digits, and words between spaces,
/// commas, slashes, hyphens and digits (Thai writes "15มีนาคม2562").
fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut digit_run = false;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | '/' | '-' | '–' | '(' | ')');
        let digit = c.is_ascii_digit();
        match start {
            Some(st) if sep || digit != digit_run => {
                out.push(&s[st..i]);
                start = (!sep).then_some(i);
            }
            None if !sep => start = Some(i),
            _ => {}
        }
        digit_run = digit;
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// A date in Bengali, Devanagari, Tamil, Thai or Ge'ez script, as the
/// shared reader reads dates: the text to read in its place ("15 March
/// 2019", "15/03/2019", "2019-09-12", or "2012 E.C." for an Ethiopian date
/// canon keeps out), and what to say of it where a year was converted or
/// read as one calendar's rather than another's.
///
/// - A Gregorian month named in these scripts, with its day and year in
///   their digits or ASCII ones: the same date, said nowhere (nothing is
///   guessed).
/// - A numeric date in Bengali, Devanagari or Tamil digits
///   ("১৫/০৩/২০১৯"): the same date in ASCII digits; one in Devanagari is
///   said to be read as Gregorian (Nepal's Bikram Sambat dates are written
///   so too, marked "वि.सं.").
/// - Thai: a year marked "พ.ศ." (B.E.), or unmarked above 2400 in a date
///   with Thai letters or digits, converted to the common era
///   ([`thai_year`]), said.
/// - A month in Ge'ez script: an Ethiopian calendar date, converted
///   ([`ethiopian_date`]), said.
///
/// `None` for a date with none of these scripts, a bare year (read, and
/// doubted, elsewhere), or a word of these scripts canon does not read (a
/// Bengali or Bikram Sambat month: other readers').
pub fn script_date(s: &str) -> Option<(String, Option<String>)> {
    if !s.chars().any(in_these_scripts) {
        return None;
    }
    let thai = s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let marked_be = s.contains("พ.ศ") || s.contains("พศ");
    let marked_ce = s.contains("ค.ศ") || s.contains("คศ");
    let t = s.replace("พ.ศ.", " ").replace("พ.ศ", " ").replace("ค.ศ.", " ").replace("ค.ศ", " ");
    let t = super::dates::western_digits(&t);
    let mut out: Vec<String> = Vec::new();
    let (mut month, mut ethiopian, mut numbers) = (None, None, Vec::new());
    for p in pieces(&t) {
        if p.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(p.parse::<i64>().ok()?);
            out.push(p.to_string());
            continue;
        }
        let f = folded(p);
        match MONTH_INDEX.get(&f).or_else(|| MONTH_INDEX.get(f.trim_end_matches('.'))) {
            Some(Month::Gregorian(m) | Month::Thai(m)) if month.is_none() => {
                month = Some(*m);
                out.push(MONTHS[m - 1].to_string());
            }
            Some(Month::Ethiopian(m)) if ethiopian.is_none() => ethiopian = Some(*m),
            Some(_) => return None,
            None if ERA_WORDS.contains(&f) || ERA_WORDS.contains(f.trim_end_matches('.')) || p == "." => {}
            None if p.chars().all(|c| matches!(c, '.' | ':')) => {}
            None if p.contains("ዓ.ም") || p.contains("ዓም") || p.contains("ዓ/ም") => {}
            None => return None,
        }
    }
    if let Some(m) = ethiopian {
        return ethiopian_date(m, &numbers);
    }
    if numbers.is_empty() {
        // A month alone (BibTeX `month = {মার্চ}`).
        return month.filter(|_| out.len() == 1).map(|m| (MONTHS[m - 1].to_string(), None));
    }
    if numbers.len() > 3 {
        return None;
    }
    let year_at = numbers.iter().position(|n| *n >= 1000)?;
    let written_year = numbers[year_at];
    let mut note = None;
    let mut year = written_year;
    if thai && !marked_ce && (marked_be || written_year > 2400) {
        let (y, said) = thai_year(written_year, month)?;
        year = y;
        note = Some(said);
    }
    if month.is_none() {
        // A numeric date: "১৫/০৩/২০১৯", "๑๕/๐๓/๒๕๖๒" (its digits as ASCII,
        // its year converted); a year alone only where Thai converted it.
        let numeric = s.contains(['/', '-', '.']) && numbers.len() == 3;
        if !numeric && note.is_none() {
            return None;
        }
        let devanagari = s.chars().any(|c| ('\u{0966}'..='\u{096F}').contains(&c));
        if devanagari && numeric {
            note = Some(format!(
                "written in Devanagari digits, read as a Gregorian date (a Bikram Sambat date is marked \"वि.सं.\" \
                 or \"B.S.\"; {} is not)",
                written_year
            ));
        }
        let text = if numeric {
            let mut parts = out.clone();
            parts[year_at] = year.to_string();
            let sep = if t.contains('/') {
                "/"
            } else if t.contains('-') {
                "-"
            } else {
                "."
            };
            parts.join(sep)
        } else {
            year.to_string()
        };
        return Some((text, note));
    }
    if let Some(i) = out.iter().position(|w| *w == written_year.to_string()) {
        out[i] = year.to_string();
    }
    Some((out.join(" "), note))
}

/// The Gregorian year of Thai Buddhist Era year `be` in `month` (1–12, if
/// known), and what to say of it (see the module's rule). `None` for a
/// year before B.E. 2300 (1757), no year of a work canon cites.
fn thai_year(be: i64, month: Option<usize>) -> Option<(i64, String)> {
    if be < 2300 {
        return None;
    }
    let head = format!("written in Thailand's Buddhist Era (พ.ศ., B.E.), its year {be}");
    Some(if be >= 2484 {
        (be - 543, format!("{head}: read as {} CE (B.E. is the Gregorian year plus 543 since 1941)", be - 543))
    } else if (2432..2484).contains(&be) {
        match month {
            Some(m) if m <= 3 => (
                be - 542,
                format!(
                    "{head}: read as {} CE (from 1889 to 1940 the Thai year began on 1 April, so January to March \
                     of B.E. {be} fell in {})",
                    be - 542,
                    be - 542
                ),
            ),
            Some(_) => {
                (be - 543, format!("{head}: read as {} CE (the Thai year began on 1 April until 1941)", be - 543))
            }
            None => (
                be - 543,
                format!(
                    "{head}: read as {} CE; until 1941 the Thai year began on 1 April, so its January to March fell \
                     in {} (give the month or the Gregorian year to be sure)",
                    be - 543,
                    be - 542
                ),
            ),
        }
    } else {
        (
            be - 543,
            format!(
                "{head}: read as {} CE; before 1889 the Thai year followed the lunar calendar, so it may be a year off \
                 (give the Gregorian year beside it)",
                be - 543
            ),
        )
    })
}

/// The day (counted from 1970-01-01, as [`crate::calendar`] counts) of
/// Ethiopian calendar date `day` `month` `year` E.C.
fn ethiopian_days(year: i64, month: i64, day: i64) -> i64 {
    // Julian day 1 724 220 is the day before 1 Meskerem 1 E.C.; Julian day
    // 2 440 588 is 1970-01-01.
    1_724_220 + 365 * (year - 1) + year.div_euclid(4) + 30 * (month - 1) + day - 2_440_588
}

/// An Ethiopian calendar date with its month in Ge'ez script: with its
/// day, the Gregorian date (ISO 8601) converted exactly; with the month
/// alone, the Gregorian year its days fall in (an Ethiopian month spans
/// two Gregorian months, so none is stored), or "YEAR E.C." for the
/// shared reader to keep out and say where the month spans two Gregorian
/// years (Tahsas) or the day is no day of it. Each with what to say.
fn ethiopian_date(month: usize, numbers: &[i64]) -> Option<(String, Option<String>)> {
    let (day, year) = match numbers {
        [y] if *y >= 1000 => (None, *y),
        [d, y] | [y, d] if *y >= 1000 && (1..=30).contains(d) => (Some(*d), *y),
        _ => return None,
    };
    let m = month as i64;
    let name = ETHIOPIAN_MONTHS[month - 1].1;
    let days_in = if month == 13 { if year.rem_euclid(4) == 3 { 6 } else { 5 } } else { 30 };
    let rule = "by the Ethiopian calendar's rule (twelve months of 30 days and Pagume of 5 or 6; 1 Meskerem falls on \
                11 or 12 September)";
    let kept_out =
        |why: String| (format!("{year} E.C."), Some(format!("an Ethiopian calendar date ({name} {year} E.C.); {why}")));
    match day {
        Some(d) if d > days_in => {
            Some(kept_out(format!("{name} {year} has {days_in} days, so {d} is no day of it; not converted")))
        }
        Some(d) => {
            let (gy, gm, gd) = crate::calendar::civil_from_days(ethiopian_days(year, m, d));
            let iso = format!("{gy:04}-{gm:02}-{gd:02}");
            Some((
                iso.clone(),
                Some(format!(
                    "an Ethiopian calendar date (its month in Ge'ez script: {d} {name} {year} E.C.), read as {iso} \
                     {rule}"
                )),
            ))
        }
        None => {
            let first = ethiopian_days(year, m, 1);
            let (y0, m0, _) = crate::calendar::civil_from_days(first);
            let (y1, m1, _) = crate::calendar::civil_from_days(first + days_in - 1);
            if y0 != y1 {
                return Some(kept_out(format!(
                    "its month spans the Gregorian years {y0} and {y1}, so canon reads no year in it (give the day, \
                     or the Gregorian date beside it)"
                )));
            }
            let months = if m0 == m1 {
                MONTHS[m0 as usize - 1].to_string()
            } else {
                format!("{} and {}", MONTHS[m0 as usize - 1], MONTHS[m1 as usize - 1])
            };
            Some((
                y0.to_string(),
                Some(format!(
                    "an Ethiopian calendar date (its month in Ge'ez script: {name} {year} E.C.), read as the year {y0} \
                     {rule}; its month spans {months} {y0}, so no month is stored (give the day to have the date)"
                )),
            ))
        }
    }
}

/// What to say of a year written in ASCII digits on a record whose title
/// is in Ge'ez script (Amharic, Tigrinya): it may be an Ethiopian calendar
/// year, seven or eight years behind the Gregorian one, with its marker
/// ("E.C.", "ዓ.ም.") left off; stored as written. `None` for any other
/// year or title, or a date that names its calendar.
pub fn maybe_ethiopian_year(year: i64, date: &str, title: &str) -> Option<String> {
    let geez = |c: char| matches!(c as u32, 0x1200..=0x137F);
    if year < 1900 || !date.contains(&year.to_string()) || !title.chars().any(|c| c.is_alphabetic() && geez(c)) {
        return None;
    }
    if date.chars().any(geez)
        || super::dates::other_calendar_only(date).is_some()
        || super::dates::gregorian_of_two_calendars(date).is_some()
    {
        return None;
    }
    Some(format!(
        "year {year} on a title in Ge'ez script (Amharic) may be an Ethiopian calendar year, seven or eight years \
         behind the Gregorian (E.C. {year} runs from September {} to September {}); stored as written, as the \
         Gregorian year {year} (if it is an Ethiopian year, write \"{year} E.C.\" with the Gregorian year beside it, \
         such as \"2012 E.C. / 2019\")",
        year + 7,
        year + 8
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gregorian_months_in_indic_scripts() {
        assert_eq!(script_date("১৫ মার্চ ২০১৯"), Some(("15 March 2019".into(), None)));
        assert_eq!(script_date("মার্চ ২০১৯"), Some(("March 2019".into(), None)));
        assert_eq!(script_date("১৫/০৩/২০১৯"), Some(("15/03/2019".into(), None)));
        assert_eq!(script_date("১ জানুয়ারি, ২০২০").map(|r| r.0), Some("1 January 2020".into()));
        assert_eq!(script_date("१५ मार्च २०१९").map(|r| r.0), Some("15 March 2019".into()));
        assert_eq!(script_date("फ़रवरी 2019").map(|r| r.0), Some("February 2019".into()));
        assert_eq!(script_date("सितम्बर 2018").map(|r| r.0), Some("September 2018".into()));
        assert_eq!(script_date("15 மார்ச் 2019").map(|r| r.0), Some("15 March 2019".into()));
        assert_eq!(script_date("டிசம்பர் 2020").map(|r| r.0), Some("December 2020".into()));
        assert!(script_date("१५/०३/२०१९").and_then(|r| r.1).is_some_and(|n| n.contains("Bikram")));
        assert_eq!(script_date("২০১৯"), None);
        assert_eq!(script_date("15 March 2019"), None);
        assert_eq!(script_date("১ বৈশাখ ১৪২৬"), None);
    }

    #[test]
    fn thai_years_and_months() {
        let (t, n) = script_date("15 มีนาคม 2562").expect("thai");
        assert_eq!(t, "15 March 2019");
        assert!(n.is_some_and(|n| n.contains("2019 CE")));
        assert_eq!(script_date("๑๕ มี.ค. ๒๕๖๒").map(|r| r.0), Some("15 March 2019".into()));
        assert_eq!(script_date("๒๕๖๒").map(|r| r.0), Some("2019".into()));
        assert_eq!(script_date("พ.ศ. 2562").map(|r| r.0), Some("2019".into()));
        assert_eq!(script_date("มีนาคม ค.ศ. 2019").map(|r| r.0), Some("March 2019".into()));
        assert_eq!(script_date("15 มกราคม 2480").map(|r| r.0), Some("15 January 1938".into()));
        assert_eq!(script_date("15 พฤษภาคม 2480").map(|r| r.0), Some("15 May 1937".into()));
    }

    #[test]
    fn ethiopian_dates_convert_exactly() {
        assert_eq!(ethiopian_days(2012, 1, 1), crate::calendar::days_from_civil(2019, 9, 12));
        assert_eq!(ethiopian_days(2016, 1, 1), crate::calendar::days_from_civil(2023, 9, 12));
        assert_eq!(ethiopian_days(2017, 1, 1), crate::calendar::days_from_civil(2024, 9, 11));
        // Genna, 7 January 2020, was 28 Tahsas 2012 (2011 E.C. had a
        // Pagume of 6 days).
        assert_eq!(ethiopian_days(2012, 4, 28), crate::calendar::days_from_civil(2020, 1, 7));
        assert_eq!(script_date("መስከረም 1 2012").map(|r| r.0), Some("2019-09-12".into()));
        assert_eq!(script_date("1 መስከረም 2012 ዓ.ም.").map(|r| r.0), Some("2019-09-12".into()));
        assert_eq!(script_date("መጋቢት 2011").map(|r| r.0), Some("2019".into()));
        assert_eq!(script_date("ታኅሣሥ 2012").map(|r| r.0), Some("2012 E.C.".into()));
        assert_eq!(script_date("ጳጉሜ 7 2012").map(|r| r.0), Some("2012 E.C.".into()));
    }

    #[test]
    fn an_ascii_year_on_an_amharic_title() {
        assert!(maybe_ethiopian_year(2012, "2012", "የጤና ጥናት").is_some());
        assert!(maybe_ethiopian_year(2012, "2012", "Health study").is_none());
        assert!(maybe_ethiopian_year(2019, "2012 E.C. / 2019", "የጤና ጥናት").is_none());
    }
}
