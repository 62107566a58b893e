//! Numbers, dates and times of workbook cells as the spreadsheet shows them.
//!
//! A cell stores a number and a number format; a person reads what the
//! format makes of it: a module code `7` formatted `000` is `007`, `0.5`
//! formatted `0%` is `50%`, `0.395833` formatted `h:mm` is `09:30`. The
//! rules follow the number-format grammar of ECMA-376 Part 1, §18.8.31
//! (sections split by `;`, digit placeholders `0 # ?`, `,` grouping and
//! scaling, `%`, quoted and escaped literals, `[colour]` and `[$€-407]`
//! currency brackets). Formats this module does not render (scientific,
//! fractions, conditions) fall back to the General format, never to a wrong
//! value.

/// A number in Excel's General format, as its formula bar shows it: whole
/// numbers below 10^15 as written, others with up to 15 significant digits,
/// very large or small ones in scientific notation (`1.23456789012346E+19`).
pub fn general(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    if value == 0.0 {
        return "0".into();
    }
    // 15 significant digits, then the shorter of plain and scientific.
    let sci = format!("{value:.14e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-5..15).contains(&exp) {
        let decimals = (14 - exp).max(0) as usize;
        let plain = format!("{value:.decimals$}");
        trim_fraction(&plain)
    } else {
        let m = trim_fraction(mantissa);
        format!("{m}E{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// `1.500` → `1.5`, `2.000` → `2`.
fn trim_fraction(s: &str) -> String {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s.to_string() }
}

/// One piece of a format section.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Text shown as it is.
    Lit(String),
    /// A digit placeholder: `0` (always a digit), `#` (a digit if any), `?` (a digit or a space).
    Digit(char),
    Point,
    Comma,
    Percent,
    /// The word `General` inside a format (`"Year "General`).
    General,
}

/// Splits a format code into its sections (`positive;negative;zero;text`).
fn sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = code.chars();
    let (mut quoted, mut bracket) = (false, false);
    while let Some(c) = chars.next() {
        let cur = out.last_mut().expect("never empty");
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            '\\' if !quoted => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '[' if !quoted => {
                bracket = true;
                cur.push(c);
            }
            ']' if !quoted => {
                bracket = false;
                cur.push(c);
            }
            ';' if !quoted && !bracket => out.push(String::new()),
            _ => cur.push(c),
        }
    }
    out
}

/// The tokens of one section; `None` for what this module does not render
/// (dates and times, scientific notation, fractions, conditions, text).
fn tokens(section: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let chars: Vec<char> = section.chars().collect();
    let mut i = 0;
    let lit = |out: &mut Vec<Tok>, s: &str| match out.last_mut() {
        Some(Tok::Lit(l)) => l.push_str(s),
        _ => out.push(Tok::Lit(s.to_string())),
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                let end = chars[i + 1..].iter().position(|&x| x == '"').map_or(chars.len(), |p| i + 1 + p);
                let s: String = chars[i + 1..end.min(chars.len())].iter().collect();
                lit(&mut out, &s);
                i = end + 1;
                continue;
            }
            '\\' => {
                if let Some(n) = chars.get(i + 1) {
                    lit(&mut out, &n.to_string());
                }
                i += 2;
                continue;
            }
            '_' => {
                lit(&mut out, " ");
                i += 2;
                continue;
            }
            '*' => {
                i += 2;
                continue;
            }
            '[' => {
                let end = chars[i..].iter().position(|&x| x == ']').map(|p| i + p)?;
                let inner: String = chars[i + 1..end].iter().collect();
                if let Some(cur) = inner.strip_prefix('$') {
                    let symbol = cur.split('-').next().unwrap_or("");
                    lit(&mut out, symbol);
                } else if inner.starts_with(['<', '>', '=']) || inner.eq_ignore_ascii_case("h") || inner.len() <= 2 {
                    // A condition, or an elapsed-time field ([h], [mm], [ss]).
                    return None;
                }
                // Otherwise a colour ([Red], [Color10]): not shown.
                i = end + 1;
                continue;
            }
            '0' | '#' | '?' => out.push(Tok::Digit(c)),
            '.' => out.push(Tok::Point),
            ',' => out.push(Tok::Comma),
            '%' => out.push(Tok::Percent),
            'E' | 'e' | '/' | '@' => return None,
            'G' | 'g'
                if section[section.char_indices().nth(i).map_or(0, |(b, _)| b)..]
                    .get(..7)
                    .is_some_and(|w| w.eq_ignore_ascii_case("general")) =>
            {
                out.push(Tok::General);
                i += 7;
                continue;
            }
            c if c.is_ascii_alphabetic() => return None,
            c => lit(&mut out, &c.to_string()),
        }
        i += 1;
    }
    Some(out)
}

/// A number as a cell formatted with `code` shows it; `None` when the format
/// is one this module does not render (the caller shows General).
pub fn format(value: f64, code: &str) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let code = code.trim();
    if code.is_empty() || code.eq_ignore_ascii_case("general") {
        return Some(general(value));
    }
    let secs = sections(code);
    let (section, mut v, sign) = match secs.len() {
        _ if value > 0.0 || secs.len() == 1 => (&secs[0], value.abs(), value < 0.0),
        _ if value < 0.0 => (&secs[1], value.abs(), false),
        n if n >= 3 => (&secs[2], 0.0, false),
        _ => (&secs[0], 0.0, false),
    };
    let toks = tokens(section)?;
    if toks.contains(&Tok::General) {
        let text: String = toks
            .iter()
            .map(|t| match t {
                Tok::Lit(l) => l.clone(),
                Tok::General => general(v),
                _ => String::new(),
            })
            .collect();
        return Some(if sign { format!("-{text}") } else { text });
    }
    let is_digit = |t: &Tok| matches!(t, Tok::Digit(_));
    if !toks.iter().any(is_digit) {
        // Only text: the number is not shown.
        let text: String =
            toks.iter().filter_map(|t| if let Tok::Lit(l) = t { Some(l.as_str()) } else { None }).collect();
        return Some(if sign { format!("-{text}") } else { text });
    }
    for t in &toks {
        if *t == Tok::Percent {
            v *= 100.0;
        }
    }
    let point = toks.iter().position(|t| *t == Tok::Point);
    let int_end = point.unwrap_or(toks.len());
    let int_digits: Vec<usize> = (0..int_end).filter(|&i| is_digit(&toks[i])).collect();
    // Commas right after the last integer placeholder scale by 1,000 each;
    // a comma between integer placeholders groups thousands.
    if let Some(&last) = int_digits.last() {
        let scale = toks[last + 1..int_end].iter().take_while(|t| **t == Tok::Comma).count();
        v /= 1000f64.powi(scale as i32);
    }
    let group = match (int_digits.first(), int_digits.last()) {
        (Some(&a), Some(&b)) => toks[a..b].contains(&Tok::Comma),
        _ => false,
    };
    let frac: Vec<char> = match point {
        Some(p) => toks[p + 1..].iter().filter_map(|t| if let Tok::Digit(c) = t { Some(*c) } else { None }).collect(),
        None => Vec::new(),
    };
    // Half away from zero, as spreadsheets round (a hair above the binary
    // value so that 1.005 shows 1.01, as typed).
    let scale = 10f64.powi(frac.len() as i32);
    let v = (v * scale * (1.0 + 4.0 * f64::EPSILON)).round() / scale;
    let rounded = format!("{v:.*}", frac.len());
    let (int_part, frac_part) = rounded.split_once('.').unwrap_or((&rounded, ""));
    // The fraction: `0` keeps its digit, `#` drops a trailing zero, `?` makes it a space.
    let mut frac_text: Vec<Option<char>> = frac_part.chars().map(Some).collect();
    for (k, ph) in frac.iter().enumerate().rev() {
        if frac_text.get(k) != Some(&Some('0')) || *ph == '0' {
            break;
        }
        frac_text[k] = if *ph == '?' { Some(' ') } else { None };
    }
    let mut int_text: String = if int_part == "0" && !int_digits.iter().any(|&d| toks[d] == Tok::Digit('0')) {
        String::new()
    } else {
        int_part.to_string()
    };
    if group {
        int_text = grouped(&int_text);
    }
    // The integer part: placeholders filled from the right, literals in
    // place; digits left over go before the leftmost placeholder.
    let mut pending: Vec<char> = int_text.chars().collect();
    let mut pieces: Vec<String> = Vec::new();
    for (i, t) in toks[..int_end].iter().enumerate().rev() {
        match t {
            Tok::Digit(c) => {
                let mut piece = match (pending.pop(), c) {
                    (Some(d), _) => d.to_string(),
                    (None, '0') => "0".into(),
                    (None, '?') => " ".into(),
                    _ => String::new(),
                };
                // A grouping comma goes with the digit after it.
                while pending.last() == Some(&',') {
                    pending.pop();
                    piece.insert(0, ',');
                }
                if int_digits.first() == Some(&i) {
                    let rest: String = pending.drain(..).collect();
                    piece.insert_str(0, &rest);
                }
                pieces.push(piece);
            }
            Tok::Lit(l) => pieces.push(l.clone()),
            Tok::Percent => pieces.push("%".into()),
            _ => {}
        }
    }
    pieces.reverse();
    let mut out = pieces.concat();
    if int_digits.is_empty() {
        out.push_str(&int_text);
    }
    if let Some(p) = point {
        out.push('.');
        let mut fchars = frac_text.into_iter();
        for t in &toks[p + 1..] {
            match t {
                Tok::Digit(_) => {
                    if let Some(Some(c)) = fchars.next() {
                        out.push(c);
                    }
                }
                Tok::Lit(l) => out.push_str(l),
                Tok::Percent => out.push('%'),
                _ => {}
            }
        }
    }
    Some(if sign && out.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("-{out}") } else { out })
}

/// `1234567` → `1,234,567`.
fn grouped(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Which parts of a date a format shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateParts {
    /// Year, month or day.
    pub date: bool,
    /// Hours, minutes or seconds.
    pub time: bool,
    /// Seconds in particular.
    pub seconds: bool,
    /// The month (as a date's part) and the day shown: a format of the year
    /// alone (`yyyy`) or of the year and month (`mmm yyyy`) shows no day,
    /// and the date read is only what it shows.
    pub month: bool,
    pub day: bool,
}

/// The date and time parts a format code shows (its first section): `y`
/// and `d` are date parts, `h` and `s` time parts, and `m` is minutes next
/// to an hour or a second, else the month.
pub fn date_parts(code: &str) -> DateParts {
    let section = sections(code).into_iter().next().unwrap_or_default();
    let mut letters = Vec::new();
    let mut chars = section.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|&x| x != ']').collect();
                let l = inner.to_ascii_lowercase();
                if l.starts_with('h') || l.starts_with('m') || l.starts_with('s') {
                    letters.push(l.chars().next().unwrap_or('h'));
                }
            }
            c if "ymdhsYMDHS".contains(c) => letters.push(c.to_ascii_lowercase()),
            'A' | 'a' => {
                let rest: String = chars.clone().take(4).collect();
                if rest.eq_ignore_ascii_case("m/pm") || rest.starts_with(['M', 'm']) {
                    letters.push('h');
                }
            }
            _ => {}
        }
    }
    let mut p = DateParts::default();
    for (i, &l) in letters.iter().enumerate() {
        match l {
            'y' => p.date = true,
            'd' => {
                p.date = true;
                p.day = true;
            }
            'h' => p.time = true,
            's' => {
                p.time = true;
                p.seconds = true;
            }
            'm' => {
                let near_time =
                    letters[..i].iter().rev().find(|&&x| x != 'm') == Some(&'h') || letters.get(i + 1) == Some(&'s');
                if near_time {
                    p.time = true;
                } else {
                    p.date = true;
                    p.month = true;
                }
            }
            _ => {}
        }
    }
    p
}

/// A time of day or a duration: `09:30`, `14:05:30`, `25:30` (hours past a
/// day). Seconds are shown when there are some (a format's `:ss` showing
/// `:00` adds nothing to a session's time).
pub fn clock(hours: u64, minutes: u64, seconds: u64) -> String {
    if seconds != 0 { format!("{hours:02}:{minutes:02}:{seconds:02}") } else { format!("{hours:02}:{minutes:02}") }
}

/// An ISO 8601 duration (`PT09H30M00S`, as OpenDocument stores a time) as a
/// clock time; `None` if it is not one.
pub fn iso_duration(s: &str) -> Option<String> {
    let rest = s.trim().strip_prefix("PT").or_else(|| s.trim().strip_prefix("-PT"))?;
    let (mut h, mut m, mut sec, mut num) = (0u64, 0u64, 0f64, String::new());
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'H' => h = std::mem::take(&mut num).parse().ok()?,
            'M' => m = std::mem::take(&mut num).parse().ok()?,
            'S' => sec = std::mem::take(&mut num).parse().ok()?,
            _ => return None,
        }
    }
    if !num.is_empty() {
        return None;
    }
    let total = h * 3600 + m * 60 + sec.round() as u64;
    Some(clock(total / 3600, total / 60 % 60, total % 60))
}

/// An ISO 8601 date-time (`2025-09-01T00:00:00`, as a `t="d"` cell or an
/// OpenDocument date stores it) as shown: the date alone at midnight, else
/// `2025-09-01 09:30`.
pub fn iso_datetime(s: &str) -> String {
    let s = s.trim();
    let Some((date, time)) = s.split_once('T') else { return s.to_string() };
    let time = time.trim_end_matches('Z');
    let time = time.split(['+', '.']).next().unwrap_or(time);
    let mut parts = time.split(':').map(|p| p.parse::<u64>().ok());
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten().unwrap_or(0)) {
        (Some(0), Some(0), 0) => date.to_string(),
        (Some(h), Some(m), sec) => format!("{date} {}", clock(h, m, sec)),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_show_numbers_as_the_spreadsheet_does() {
        let f = |v: f64, code: &str| format(v, code).unwrap_or_else(|| format!("(none for {code})"));
        assert_eq!(f(7.0, "000"), "007");
        assert_eq!(f(1234.0, "00000"), "01234");
        assert_eq!(f(0.5, "0%"), "50%");
        assert_eq!(f(0.125, "0.00%"), "12.50%");
        assert_eq!(f(1234.5, "#,##0.00 \"hrs\""), "1,234.50 hrs");
        assert_eq!(f(1234567.0, "#,##0"), "1,234,567");
        assert_eq!(f(12.0, "#,##0"), "12");
        assert_eq!(f(2.5, "0.0"), "2.5");
        assert_eq!(f(2.0, "0.0"), "2.0");
        assert_eq!(f(2.5, "0"), "3", "rounded half away from zero, as Excel");
        assert_eq!(f(1.0, "\"Year \"0"), "Year 1");
        assert_eq!(f(3.0, "\"Y\"0"), "Y3");
        assert_eq!(f(12.5, "£#,##0.00"), "£12.50");
        assert_eq!(f(12.5, "[$€-407] #,##0.00"), "€ 12.50");
        assert_eq!(f(-3.0, "0.00;[Red]-0.00"), "-3.00");
        assert_eq!(f(-3.0, "0.00;(0.00)"), "(3.00)");
        assert_eq!(f(-3.0, "0"), "-3");
        assert_eq!(f(0.0, "0;-0;\"zero\""), "zero");
        assert_eq!(f(5551234.0, "000-0000"), "555-1234");
        assert_eq!(f(0.5, "#.00"), ".50");
        assert_eq!(f(1.005, "0.00"), "1.01");
        assert_eq!(f(1.5, "0.0#"), "1.5");
        assert_eq!(f(1.0, "General"), "1");
        assert_eq!(f(1500000.0, "#,##0,\"k\""), "1,500k");
        assert_eq!(f(2.0, "0_);(0)"), "2 ");
        for code in ["0.00E+00", "# ?/?", "[>=100]0;0", "@", "yyyy-mm-dd", "[h]:mm"] {
            assert_eq!(format(1.0, code), None, "{code}");
        }
    }

    #[test]
    fn general_shows_fifteen_digits() {
        assert_eq!(general(1.0), "1");
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(2.5), "2.5");
        assert_eq!(general(9780385509930.0), "9780385509930");
        assert_eq!(general(12345678901234567890.0), "1.23456789012346E+19");
        assert_eq!(general(0.000001), "1E-06");
        assert_eq!(general(-3.25), "-3.25");
    }

    #[test]
    fn date_and_time_parts() {
        let d = date_parts("yyyy-mm-dd");
        assert!(d.date && !d.time);
        let t = date_parts("h:mm");
        assert!(t.time && !t.date && !t.seconds);
        let t = date_parts("hh:mm:ss AM/PM");
        assert!(t.time && t.seconds && !t.date);
        let dt = date_parts("m/d/yy h:mm");
        assert!(dt.date && dt.time);
        assert!(date_parts("mm:ss").time);
        assert!(date_parts("[h]:mm").time);
        assert!(date_parts("mmm-yy").date);
        assert!(!date_parts("\"day\" 0").date);
    }

    #[test]
    fn iso_values() {
        assert_eq!(iso_duration("PT09H30M00S").as_deref(), Some("09:30"));
        assert_eq!(iso_duration("PT14H05M30S").as_deref(), Some("14:05:30"));
        assert_eq!(iso_duration("PT25H30M00S").as_deref(), Some("25:30"));
        assert_eq!(iso_duration("P1D"), None);
        assert_eq!(iso_datetime("2025-09-01T00:00:00"), "2025-09-01");
        assert_eq!(iso_datetime("2025-09-01T09:30:00"), "2025-09-01 09:30");
        assert_eq!(iso_datetime("2025-09-01"), "2025-09-01");
    }
}
