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

/// A date as South and East Asian records write it, as the shared reader
/// reads dates: the text to read in its place, and what to say of it
/// (only for a date whose year was converted). `None` when the text is
/// none of [`dangi_date`], [`dotted_date`], [`cjk_season`].
pub fn east_asian_date(s: &str) -> Option<(String, Option<String>)> {
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
