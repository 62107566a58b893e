//! Dates and identifiers as South and East Asian records write them, read
//! before the shared date reader sees them (tester r108): the Korean
//! written date "2019. 4. 2." and its dotted kin "2019.04.02"; a season in
//! Korean, Chinese or Japanese ("2019년 봄", "2019年春号"); a year of the
//! Korean Dangi era ("단기 4352년"); full-width forms ("DOI：10.…").

/// The seasons in Korean, Chinese and Japanese, as English words the date
/// reader knows ("Spring 2019" is read with its season).
const CJK_SEASONS: &[(&str, &str)] = &[
    ("봄", "Spring"),
    ("여름", "Summer"),
    ("가을", "Autumn"),
    ("겨울", "Winter"),
    ("春", "Spring"),
    ("夏", "Summer"),
    ("秋", "Autumn"),
    ("冬", "Winter"),
];

/// The Dangi era's markers ("단기 4352", "檀紀4352年", "Dangi 4352").
const DANGI: &[&str] = &["단기", "檀紀", "檀纪", "dangi"];

/// How many years the Korean Dangi era (단기, from Dangun's legendary
/// founding, 2333 BC) counts ahead of the Gregorian year: its year begins
/// on 1 January since Korea's 1962 law, so the offset is exact.
const DANGI_AHEAD: i64 = 2333;

/// Full-width digits ("２０１９") as ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

/// A date written year first with full stops between its parts, as Korean
/// (the National Institute of Korean Language's written form, "2019. 4.
/// 2."), Chinese and Japanese pages and KCI, CNKI and J-STAGE records
/// write it: "2019.04.02", "2019. 4. 2.", "2019.04", "2019. 4.". Returns
/// the date as ISO 8601 ("2019-04-02", "2019-04"). `None` unless the year
/// is 1000–2100, the month 1–12 and the day one the month has (tester r108
/// F2: month and day were lost unsaid, or "04 02" called no month in RIS).
pub fn dotted_date(s: &str) -> Option<String> {
    let t = ascii_digits(s.trim());
    let t = t.trim().trim_end_matches('.').trim_end();
    if !t.contains('.') || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ' ') {
        return None;
    }
    let parts: Vec<&str> = t.split('.').map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty() || p.contains(' ')) {
        return None;
    }
    let (y, rest) = parts.split_first()?;
    if y.len() != 4 || rest.is_empty() || rest.len() > 2 || rest.iter().any(|p| p.len() > 2) {
        return None;
    }
    let year: i64 = y.parse().ok()?;
    let month: i64 = rest[0].parse().ok()?;
    if !(1000..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    match rest.get(1) {
        None => Some(format!("{year:04}-{month:02}")),
        Some(d) => {
            let day: i64 = d.parse().ok()?;
            (1..=super::dates::days_in_month(month, Some(year)))
                .contains(&day)
                .then(|| format!("{year:04}-{month:02}-{day:02}"))
        }
    }
}

/// A year and a season written in Korean, Chinese or Japanese ("2019년
/// 봄", "2019年春", "2019年春号", "2019年春季", "2019 봄호"): the same as
/// the date reader reads it in English ("Spring 2019"). `None` for any
/// other text (tester r108 F3: the year was lost, or the file refused).
pub fn cjk_season(s: &str) -> Option<String> {
    let t = ascii_digits(s.trim());
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let year: i64 = t[..4].parse().ok()?;
    let rest = t[4..].trim_start();
    let rest = rest.strip_prefix(['年', '년']).unwrap_or(rest).trim();
    // "春号" (the spring issue), "春季" (the spring season), "봄호".
    let rest = rest.trim_end_matches(['号', '號', '호', '期']).trim_end();
    let rest = rest.strip_suffix(['季']).unwrap_or(rest).trim_end();
    let rest = rest.strip_suffix("철").unwrap_or(rest).trim_end();
    let season = CJK_SEASONS.iter().find(|(w, _)| *w == rest)?.1;
    (1000..=2100).contains(&year).then(|| format!("{season} {year}"))
}

/// A date in the Korean Dangi era ("단기 4352년", "단기 4352년 3월 1일",
/// "檀紀4352年", "Dangi 4352"): the same date with its Gregorian year
/// ("2019년", "2019년 3월 1일"), the year 2333 behind (exact: the era's
/// year begins on 1 January), and the words that say how it was read, for
/// a warning (tester r108 F1: the file was refused). `None` for any other
/// text, or a year that converts to none from 1000 to 2100.
pub fn dangi_date(s: &str) -> Option<(String, String)> {
    let t = ascii_digits(s.trim());
    let lower = t.to_lowercase();
    let marker = DANGI.iter().find(|m| lower.starts_with(*m))?;
    let rest = t[marker.len()..].trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let written: i64 = rest[..digits].parse().ok()?;
    let year = written - DANGI_AHEAD;
    if !(1000..=2100).contains(&year) {
        return None;
    }
    let after = &rest[digits..];
    let note = format!(
        "written in the Korean Dangi era (단기, its year {written}), read as the year {year} (a Dangi year is the \
         Gregorian year + 2333)"
    );
    Some((format!("{year}{after}"), note))
}

/// A magazine's issue of a month as Japanese, Chinese and Korean covers
/// and records name it, "2019年4月号" (the April 2019 issue), "2019年4月號",
/// "2019년 4월호": the year and month without the issue word (号, 號, 호:
/// "number, issue", never a day), for [`super::dates::cjk_date`] to read
/// ("2019年4月"). `None` for any other text ("2019年第4号", an issue
/// number and no month, is no date).
pub fn month_issue(s: &str) -> Option<String> {
    let t = ascii_digits(s.trim());
    let rest = t.strip_suffix(['号', '號', '호'])?.trim_end();
    (rest.ends_with(['月', '월']) && !rest.contains('第') && rest.chars().next()?.is_ascii_digit())
        .then(|| rest.to_string())
}

/// The Bengali years canon reads beside a Bengali month (1893–2093).
const BANGLA_YEARS: std::ops::RangeInclusive<i64> = 1300..=1500;

/// The Bengali months (বাংলা মাস), Boishakh first: their Bengali names
/// (spellings in use, compared without the virama and joiners) and their
/// romanisations.
const BANGLA_MONTHS: [&[&str]; 12] = [
    &["বৈশাখ", "boishakh", "baishakh", "boisakh", "baisakh", "vaisakh", "boishak", "baishak"],
    &["জ্যৈষ্ঠ", "জৈষ্ঠ", "joishtho", "jyoishtho", "jyaistha", "jaistha", "jyeshtha", "joishto", "jaishtha"],
    &["আষাঢ়", "আষাঢ়", "asharh", "asadh", "ashar", "asar", "ashadh"],
    &["শ্রাবণ", "srabon", "shraban", "sraban", "shrabon", "shravan", "srabon"],
    &["ভাদ্র", "bhadro", "bhadra", "vadro"],
    &["আশ্বিন", "ashwin", "ashshin", "ashvin", "aswin", "ashin"],
    &["কার্তিক", "কার্ত্তিক", "kartik", "kartick", "karthik", "kartika"],
    &["অগ্রহায়ণ", "অগ্রহায়ন", "অগ্রহায়ণ", "ogrohayon", "agrahayan", "ograhayon", "agrahayon", "aghrayan", "agrahayana"],
    &["পৌষ", "poush", "paush", "pous", "pausha"],
    &["মাঘ", "magh", "magha"],
    &["ফাল্গুন", "falgun", "phalgun", "phalguna", "falgoon"],
    &["চৈত্র", "choitro", "chaitra", "choitra", "chaitro"],
];

/// The Bengali month (1 = Boishakh) a word names, in Bengali script or
/// romanised ([`BANGLA_MONTHS`]).
fn bangla_month(word: &str) -> Option<usize> {
    let bare = |w: &str| w.replace(['\u{09CD}', '\u{200C}', '\u{200D}'], "").to_lowercase();
    let w = bare(word);
    BANGLA_MONTHS.iter().position(|names| names.iter().any(|n| bare(n) == w)).map(|i| i + 1)
}

/// Whether a Gregorian year is a leap year.
fn gregorian_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The days of each month of Bengali year `year` in Bangladesh's revised
/// calendar, Boishakh first; `None` before the revision (1395, 1987). The
/// Bangla Academy's 2019 revision (in use from 1426, 14 April 2019):
/// Boishakh to Ashwin 31 days, Kartik to Magh and Choitro 30, Falgun 29,
/// 30 where its February is a Gregorian leap year's. Its 1987 revision
/// (1395–1425): Boishakh to Srabon 31, the others 30, Falgun 31 in a
/// Gregorian leap year. Either way 1 Boishakh is 14 April (Wikipedia,
/// "Bengali calendars", "Revised Bengali calendar"; Bangla Academy,
/// 2019).
fn bangla_month_days(year: i64) -> Option<[i64; 12]> {
    let leap = gregorian_leap(year + 594);
    if year >= 1426 {
        Some([31, 31, 31, 31, 31, 31, 30, 30, 30, 30, if leap { 30 } else { 29 }, 30])
    } else if year >= 1395 {
        Some([31, 31, 31, 31, 31, 30, 30, 30, 30, 30, if leap { 31 } else { 30 }, 30])
    } else {
        None
    }
}

/// A date in the Bengali calendar (বঙ্গাব্দ) with its month, "১ বৈশাখ
/// ১৪২৬", "বৈশাখ ১৪২৬", "Boishakh 1426" (Bengali or ASCII digits, a
/// marker "বঙ্গাব্দ" or "সন" allowed): with its day, the Gregorian date
/// (ISO 8601, "2019-04-14") by Bangladesh's revised calendar
/// ([`bangla_month_days`]); with the month alone, the Gregorian year it
/// falls in (a Bengali month spans two Gregorian months, so none is
/// stored), and for Poush, which spans two years, the Bengali year alone
/// for the shared reader to keep out and say. Each with the words that
/// say how it was read, for a warning. `None` for text with no Bengali
/// month.
pub fn bangla_date(s: &str) -> Option<(String, String)> {
    bangla_date_in(s, false)
}

/// [`bangla_date`] of a record that says it is from India (`india`: its
/// place names India, West Bengal or Kolkata, or its language tag is
/// `bn-IN`; [`from_india`]). West Bengal keeps the traditional reckoning
/// (the Surya Siddhanta's: a month begins with the sun's entry into a
/// sign, so months are 29 to 32 days and 1 Boishakh is 14 or 15 April),
/// which can differ from Bangladesh's revised calendar by a day or more
/// and which canon cannot reckon exactly without an ephemeris. Such a date
/// keeps only the Gregorian year it falls in under either reckoning (its
/// day and month kept out, said), or is kept out whole where that year is
/// not sure (tester r111 F2: it was converted by Bangladesh's calendar in
/// silence).
pub fn bangla_date_in(s: &str, india: bool) -> Option<(String, String)> {
    let t: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '০'..='৯' => char::from(b'0' + (c as u32 - '০' as u32) as u8),
            ',' | '.' => ' ',
            c => c,
        })
        .collect();
    let mut month = None;
    let mut numbers = Vec::new();
    for w in t.split_whitespace() {
        if let Some(m) = bangla_month(w) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 4 {
            numbers.push(w.parse::<i64>().ok()?);
        } else if !super::dates::calendar_marker_is_bangabda(w) {
            return None;
        }
    }
    let month = month?;
    let (day, year) = match numbers.as_slice() {
        // A Bengali year of the last two centuries (1300 is 1893): "Magh
        // 2019" is no Bengali date.
        [y] if BANGLA_YEARS.contains(y) => (None, *y),
        [d, y] if BANGLA_YEARS.contains(y) && (1..=31).contains(d) => (Some(*d), *y),
        _ => return None,
    };
    let name = BANGLA_MONTHS[month - 1][0];
    let kept_out =
        |why: &str| (format!("{year} বঙ্গাব্দ"), format!("written in the Bengali calendar (বঙ্গাব্দ, {name} {year}); {why}"));
    let Some(days) = bangla_month_days(year) else {
        return Some(kept_out(
            "canon converts a Bengali date from 1395 (1987), when Bangladesh's revised calendar began, and not an \
             earlier one (give the Gregorian date beside it)",
        ));
    };
    let rule = "by Bangladesh's revised Bengali calendar (Bangla Academy, 2019 revision from 1426; 1987 before it): \
                1 Boishakh is 14 April; India's (West Bengal's) traditional reckoning can differ by a day or more, so \
                a record from India should give the Gregorian date beside it";
    let start = crate::calendar::days_from_civil(year + 593, 4, 14) + days[..month - 1].iter().sum::<i64>();
    if india {
        return Some(indian_reckoning(year, month, day, start, days[month - 1], &kept_out));
    }
    match day {
        Some(d) if d > days[month - 1] => Some(kept_out(&format!(
            "{name} {year} has {} days, so {d} is no day of it; not converted",
            days[month - 1]
        ))),
        Some(d) => {
            let (gy, gm, gd) = crate::calendar::civil_from_days(start + d - 1);
            let iso = format!("{gy:04}-{gm:02}-{gd:02}");
            Some((
                iso.clone(),
                format!("written in the Bengali calendar (বঙ্গাব্দ, {d} {name} {year}), read as {iso} {rule}"),
            ))
        }
        None => {
            let (y0, m0, _) = crate::calendar::civil_from_days(start);
            let (y1, m1, _) = crate::calendar::civil_from_days(start + days[month - 1] - 1);
            if y0 != y1 {
                return Some(kept_out(&format!(
                    "its month spans the Gregorian years {y0} and {y1}, so canon reads no year in it (give the day, \
                     or the Gregorian date beside it)"
                )));
            }
            use super::dates::MONTHS;
            Some((
                y0.to_string(),
                format!(
                    "written in the Bengali calendar (বঙ্গাব্দ, {name} {year}), read as the year {y0} {rule}; its month \
                     spans {} and {} {y0}, so no month is stored (give the day to have the date)",
                    MONTHS[m0 as usize - 1],
                    MONTHS[m1 as usize - 1]
                ),
            ))
        }
    }
}

/// How far (in days) the traditional Indian reckoning of a Bengali date
/// may stand from Bangladesh's revised one: its months begin up to a day
/// before or after, and its month lengths (29–32 days) drift against the
/// revised calendar's by a day or two within a year.
const INDIAN_DRIFT: i64 = 3;

/// A Bengali date of a record from India ([`bangla_date_in`]): the
/// Gregorian year its days fall in under either reckoning (the revised
/// calendar's days `start` to `start + len - 1`, or the one day, widened
/// by [`INDIAN_DRIFT`]), its day and month kept out, said; or the Bengali
/// year for the shared reader to keep out and say (`kept_out`) where that
/// year is not sure.
fn indian_reckoning(
    year: i64,
    month: usize,
    day: Option<i64>,
    start: i64,
    len: i64,
    kept_out: &dyn Fn(&str) -> (String, String),
) -> (String, String) {
    let name = BANGLA_MONTHS[month - 1][0];
    let (first, last) = match day {
        Some(d) => (start + d - 1, start + d - 1),
        None => (start, start + len - 1),
    };
    let (y0, ..) = crate::calendar::civil_from_days(first - INDIAN_DRIFT);
    let (y1, ..) = crate::calendar::civil_from_days(last + INDIAN_DRIFT);
    let why = "the record is from India (its place or language tag bn-IN), where West Bengal keeps the traditional \
               Bengali reckoning (months from the sun's entry into each sign, 29 to 32 days), which can differ by a \
               day or more from Bangladesh's revised calendar and which canon cannot reckon exactly";
    if y0 != y1 {
        return kept_out(&format!(
            "{why}; its Gregorian year may be {y0} or {y1}, so no date is stored (give the Gregorian date beside it)"
        ));
    }
    let written = day.map_or_else(|| format!("{name} {year}"), |d| format!("{d} {name} {year}"));
    (
        y0.to_string(),
        format!(
            "written in the Bengali calendar (বঙ্গাব্দ, {written}); {why}: only the Gregorian year {y0}, the same by \
             either reckoning, is kept, and its day and month left out (give the Gregorian date beside it)"
        ),
    )
}

/// Whether a record says it is from India, for its Bengali calendar dates
/// ([`bangla_date_in`]): its language tag is `bn-IN` (BCP 47, any case,
/// "_" for "-"), or its place of publication names India, West Bengal, or
/// Kolkata (Calcutta), in English or Bengali.
pub fn from_india(place: Option<&str>, language: Option<&str>) -> bool {
    let tag = language.is_some_and(|l| l.trim().replace('_', "-").eq_ignore_ascii_case("bn-IN"));
    let place = place.is_some_and(|p| {
        let p = p.to_lowercase();
        ["india", "west bengal", "kolkata", "calcutta", "ভারত", "পশ্চিমবঙ্গ", "কলকাতা", "পশ্চিমবঙ্গ"]
            .iter()
            .any(|w| p.contains(w))
    });
    tag || place
}

/// What to say of a year written in Bengali digits alone ("১৪২৬") that
/// falls among the Bengali calendar's years of today ([`BANGLA_YEARS`]):
/// kept as the year it says, as any year is, but it may be a Bengali
/// calendar year with its marker left off, 593 or 594 years behind the
/// Gregorian one (it was stored unsaid). `None` for any other text.
pub fn bengali_digit_year_doubt(s: &str) -> Option<String> {
    let t = s.trim();
    if t.chars().count() != 4 || !t.chars().all(|c| ('০'..='৯').contains(&c)) {
        return None;
    }
    let year: i64 =
        t.chars().map(|c| char::from(b'0' + (c as u32 - '০' as u32) as u8)).collect::<String>().parse().ok()?;
    BANGLA_YEARS.contains(&year).then(|| {
        format!(
            "is written in Bengali digits and kept as the year {year}; it may be a Bengali calendar year \
             (বঙ্গাব্দ {year} runs from 14 April {} to 13 April {}): if so, write \"{t} বঙ্গাব্দ\" or the Gregorian \
             year",
            year + 593,
            year + 594
        )
    })
}

/// A date as South and East Asian records write it, as the shared reader
/// reads dates: the text to read in its place, and what to say of it
/// (only for a date whose year was converted). `None` when the text is
/// none of [`dangi_date`], [`dotted_date`], [`cjk_season`].
///
/// `india`: the record says it is from India, whose Bengali calendar
/// differs from Bangladesh's ([`bangla_date_in`]).
pub fn east_asian_date(s: &str, india: bool) -> Option<(String, Option<String>)> {
    if let Some((text, note)) = bangla_date_in(s, india) {
        return Some((text, Some(note)));
    }
    if let Some(text) = month_issue(s) {
        return Some((text, None));
    }
    if let Some((text, note)) = dangi_date(s) {
        let text = dotted_date(&text).or_else(|| cjk_season(&text)).unwrap_or(text);
        return Some((text, Some(note)));
    }
    dotted_date(s).or_else(|| cjk_season(s)).map(|t| (t, None))
}

/// Full-width ASCII forms (U+FF01–U+FF5E: "：", "Ｄ", "１") and the
/// ideographic space as the ASCII characters they are, as CJK typography
/// writes them in identifiers ("DOI：10.3760/…", Unicode's Halfwidth and
/// Fullwidth Forms block; tester r108 F7: the file was refused). `None`
/// when the text has none.
pub fn halfwidth(s: &str) -> Option<String> {
    let wide = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}';
    s.contains(wide).then(|| {
        s.chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                c if wide(c) => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
                c => c,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_dates() {
        assert_eq!(dotted_date("2019.04.02").as_deref(), Some("2019-04-02"));
        assert_eq!(dotted_date("2019. 4. 2.").as_deref(), Some("2019-04-02"));
        assert_eq!(dotted_date("2019.04").as_deref(), Some("2019-04"));
        assert_eq!(dotted_date("2019. 4.").as_deref(), Some("2019-04"));
        for no in ["2019", "2019.", "02.04.2019", "2019.13", "2019.02.30", "v2.1", "2019 04 02"] {
            assert_eq!(dotted_date(no), None, "{no}");
        }
    }

    #[test]
    fn bangla_dates() {
        let iso = |s: &str| bangla_date(s).map(|d| d.0);
        assert_eq!(iso("১ বৈশাখ ১৪২৬").as_deref(), Some("2019-04-14"));
        assert_eq!(iso("Boishakh 1426").as_deref(), Some("2019"));
        assert_eq!(iso("বৈশাখ ১৪২৬").as_deref(), Some("2019"));
        // 2019 rule: Kartik 1 is 17 October, Falgun 1 is 14 February,
        // Choitro 1 is 15 March whether February has 29 days or not.
        assert_eq!(iso("1 Kartik 1426").as_deref(), Some("2019-10-17"));
        assert_eq!(iso("1 Falgun 1426").as_deref(), Some("2020-02-14"));
        assert_eq!(iso("30 Falgun 1426").as_deref(), Some("2020-03-14"));
        assert_eq!(iso("1 Choitro 1426").as_deref(), Some("2020-03-15"));
        assert_eq!(iso("1 Choitro 1427").as_deref(), Some("2021-03-15"));
        assert_eq!(iso("30 Choitro 1426").as_deref(), Some("2020-04-13"));
        assert_eq!(iso("30 Falgun 1427").as_deref(), Some("1427 বঙ্গাব্দ"));
        // 21 February 1952, the Language Movement's day, is 8 Falgun 1358
        // in the old reckoning: before the revision, not converted.
        assert_eq!(iso("৮ ফাল্গুন ১৩৫৮").as_deref(), Some("1358 বঙ্গাব্দ"));
        // 1987 rule: Bhadro 1 is 16 August (five months of 31 days).
        assert_eq!(iso("1 Bhadro 1400").as_deref(), Some("1993-08-16"));
        assert_eq!(iso("Poush 1426").as_deref(), Some("1426 বঙ্গাব্দ"));
        assert_eq!(iso("Magh 1426").as_deref(), Some("2020"));
        assert_eq!(iso("১ বৈশাখ ১৪২৬ বঙ্গাব্দ").as_deref(), Some("2019-04-14"));
        assert_eq!(iso("Spring 1426"), None);
        assert_eq!(iso("2019"), None);
        assert_eq!(iso("Magh 2019"), None);
    }

    #[test]
    fn bengali_digit_years() {
        assert!(bengali_digit_year_doubt("১৪২৬").is_some_and(|d| d.contains("14 April 2019")));
        assert_eq!(bengali_digit_year_doubt("২০১৯"), None);
        assert_eq!(bengali_digit_year_doubt("1426"), None);
    }

    #[test]
    fn month_issues() {
        assert_eq!(month_issue("2019年4月号").as_deref(), Some("2019年4月"));
        assert_eq!(month_issue("2019년 4월호").as_deref(), Some("2019년 4월"));
        assert_eq!(month_issue("２０１９年４月號").as_deref(), Some("2019年4月"));
        assert_eq!(month_issue("2019年第4号"), None);
        assert_eq!(month_issue("第4巻第2号"), None);
        assert_eq!(month_issue("2019年春号"), None);
    }

    #[test]
    fn seasons_and_dangi() {
        assert_eq!(cjk_season("2019년 봄").as_deref(), Some("Spring 2019"));
        assert_eq!(cjk_season("2019年春号").as_deref(), Some("Spring 2019"));
        assert_eq!(cjk_season("2020年秋季").as_deref(), Some("Autumn 2020"));
        assert_eq!(cjk_season("2019年4月"), None);
        assert_eq!(dangi_date("단기 4352년").map(|d| d.0).as_deref(), Some("2019년"));
        assert_eq!(dangi_date("檀紀4352年3月").map(|d| d.0).as_deref(), Some("2019年3月"));
        assert_eq!(halfwidth("DOI：10.1/x").as_deref(), Some("DOI:10.1/x"));
        assert_eq!(halfwidth("10.1/x"), None);
    }
}
