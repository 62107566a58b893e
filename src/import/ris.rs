//! RIS: `TY  - ` … `ER  - ` records of `XX  - value` lines, LF or CRLF.
//! Repeated tags (`AU`, `KW`) add up; a line that is not a tag line
//! continues the field before it. Abstracts (`AB`) and notes (`N1`, where
//! Zotero puts its notes) are not imported. Zotero writes a conference
//! paper's proceedings title in `C3`.

use super::bibtex::first_isbn;
use super::reading_csv::{clean_title, parse_year};
use super::{Parsed, ReadingRecord, RowError, normalise_doi, reading_type};
use crate::store::themes::{ThemeIndex, split_cell};

/// Where a value starts on a tag line (`XX  - ` is six characters).
const VALUE_COLUMN: u64 = 7;

/// A tag line's tag and value: two capitals or digits (the first a capital),
/// two spaces, a hyphen, then an optional space and the value.
fn tag_line(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    if b.len() >= 5
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && &b[2..5] == b"  -"
        && (b.len() == 5 || b[5] == b' ')
    {
        Some((&line[..2], line.get(6..).unwrap_or("").trim()))
    } else {
        None
    }
}

/// One record as read: its `TY` line and its fields in order, each with its line.
struct Raw<'a> {
    line: u64,
    ty: &'a str,
    fields: Vec<(&'a str, String, u64)>,
}

pub fn parse(path_display: &str, text: &str, themes: &ThemeIndex) -> Parsed {
    let _ = path_display;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Parsed::default();
    let mut current: Option<Raw> = None;
    let mut stray_reported = false;
    for (n, line) in text.split('\n').enumerate() {
        let n = n as u64 + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        match tag_line(line) {
            Some(("TY", ty)) => {
                if let Some(open) = current.take() {
                    out.errors.push(RowError::new(
                        open.line,
                        1,
                        format!(
                            "record starting here has no `ER  - ` line before the next `TY  - ` on line {n}; expected `ER  - ` to end it"
                        ),
                    ));
                }
                current = Some(Raw { line: n, ty, fields: Vec::new() });
                stray_reported = false;
            }
            Some(("ER", _)) => match current.take() {
                Some(raw) => match record(&raw, themes) {
                    Ok(r) => out.records.push(r),
                    Err(mut e) => out.errors.append(&mut e),
                },
                None => {
                    out.errors.push(RowError::new(n, 1, "`ER  - ` without a record; expected `TY  - ` first"));
                }
            },
            Some((tag, value)) => match current.as_mut() {
                Some(raw) => raw.fields.push((tag, value.to_string(), n)),
                None => {
                    if !stray_reported {
                        out.errors.push(RowError::new(
                            n,
                            1,
                            format!("`{tag}  - ` outside a record; expected `TY  - ` to start one first"),
                        ));
                        stray_reported = true;
                    }
                }
            },
            None => {
                let cont = line.trim();
                if let Some(raw) = current.as_mut()
                    && !cont.is_empty()
                    && let Some((_, value, _)) = raw.fields.last_mut()
                {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(cont);
                }
            }
        }
    }
    if let Some(open) = current {
        out.errors.push(RowError::new(
            open.line,
            1,
            "record starting here has no `ER  - ` line before the end of the file; expected `ER  - ` to end it",
        ));
    }
    out
}

/// The canonical reading type for a RIS `TY`.
fn ris_kind(ty: &str) -> &'static str {
    match ty.trim().to_ascii_uppercase().as_str() {
        "JOUR" | "JFULL" | "MGZN" | "NEWS" | "EJOUR" | "INPR" | "ABST" => "article",
        "BOOK" | "EBOOK" | "EDBOOK" | "CTLG" => "book",
        "CHAP" | "ECHAP" => "chapter",
        "RPRT" | "GOVDOC" | "STAND" => "report",
        "ELEC" | "WEB" | "BLOG" | "ICOMM" => "web",
        "CONF" | "CPAPER" => "conference-paper",
        "THES" => "thesis",
        "GEN" => "other",
        "VIDEO" | "MPCT" | "ADVS" => "video",
        "SOUND" | "MUSIC" => "podcast",
        other => reading_type(other).unwrap_or("other"),
    }
}

fn record(raw: &Raw, themes: &ThemeIndex) -> Result<ReadingRecord, Vec<RowError>> {
    let mut errs = Vec::new();
    let first =
        |tags: &[&str]| tags.iter().find_map(|t| raw.fields.iter().find(|(tag, v, _)| tag == t && !v.is_empty()));
    let title = first(&["TI", "T1", "CT", "BT"]).map(|(_, v, _)| clean_title(v));
    if title.is_none() {
        errs.push(RowError::new(raw.line, 1, "record has no title; expected a `TI  - ` line"));
    }
    let year = first(&["PY", "Y1", "DA"]).and_then(|(tag, v, n)| {
        let y = parse_year(v);
        if y.is_none() {
            errs.push(RowError::new(
                *n,
                VALUE_COLUMN,
                format!("{tag} {v:?} is not a year; expected four digits such as 2019 (or 2019/05/01/)"),
            ));
        }
        y
    });
    let doi = first(&["DO"]).and_then(|(_, v, n)| {
        let d = normalise_doi(v);
        if d.is_none() {
            errs.push(RowError::new(*n, VALUE_COLUMN, format!("DO {v:?} is not a DOI; expected the form 10.1234/abc")));
        }
        d
    });
    if !errs.is_empty() {
        return Err(errs);
    }
    let all = |tags: &[&str]| -> Vec<&str> {
        raw.fields.iter().filter(|(t, v, _)| tags.contains(t) && !v.is_empty()).map(|(_, v, _)| v.as_str()).collect()
    };
    let mut authors: Vec<String> = all(&["AU", "A1"]).iter().map(|a| clean_title(a)).collect();
    authors.dedup();
    let mut ids = Vec::new();
    for kw in all(&["KW"]) {
        for t in std::iter::once(kw).chain(split_cell(kw)) {
            if let Some(id) = themes.resolve(t)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
    }
    let text = |tags: &[&str]| first(tags).map(|(_, v, _)| clean_title(v));
    Ok(ReadingRecord {
        id: None,
        line: raw.line,
        title: title.unwrap_or_default(),
        authors,
        year,
        kind: ris_kind(raw.ty).to_string(),
        container: text(&["T2", "JF", "JO", "BT", "C3", "T3", "JA", "J2", "PB"]),
        doi,
        isbn: all(&["SN"]).into_iter().find_map(first_isbn),
        url: all(&["UR"]).first().and_then(|u| u.split_whitespace().next()).map(str::to_string),
        annotation: None,
        language: text(&["LA"]),
        themes: ids,
        ..ReadingRecord::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::detect::themes_for_tests;

    fn parse_str(s: &str) -> Parsed {
        let (_dir, themes) = themes_for_tests();
        parse("t.ris", s, &themes)
    }

    #[test]
    fn crlf_records_with_repeated_and_wrapped_fields() {
        let text = "TY  - JOUR\r\nTI  - Race, racism and\r\n   health: a review\r\nAU  - Williams, David R.\r\nA1  - Lawrence, Jourdyn A.\r\n\
                    T2  - Annual Review\r\nPY  - 2019///\r\nDO  - https://doi.org/10.1146/ANNUREV\r\nSN  - 0163-7525\r\nKW  - Epistemic bias\r\n\
                    KW  - racism\r\nN1  - a Zotero note\r\nAB  - an abstract\r\nUR  - https://example.org/a\r\nER  - \r\n\r\n\
                    TY  - BOOK\r\nTI  - Black Skin, White Masks\r\nSN  - 978-0-385-50993-0\r\nPB  - Pluto\r\nDA  - 1952/01/01/\r\nER  -\r\n";
        let p = parse_str(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 2);
        let a = &p.records[0];
        assert_eq!(a.line, 1);
        assert_eq!(a.title, "Race, racism and health: a review");
        assert_eq!(a.authors, ["Williams, David R.", "Lawrence, Jourdyn A."]);
        assert_eq!(a.container.as_deref(), Some("Annual Review"));
        assert_eq!(a.year, Some(2019));
        assert_eq!(a.doi.as_deref(), Some("10.1146/annurev"));
        assert_eq!(a.isbn, None);
        assert_eq!(a.annotation, None);
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.themes.len(), 1);
        assert_eq!(a.kind, "article");
        let b = &p.records[1];
        assert_eq!((b.line, b.kind.as_str(), b.year), (17, "book", Some(1952)));
        assert_eq!(b.isbn.as_deref(), Some("9780385509930"));
        assert_eq!(b.container.as_deref(), Some("Pluto"));
    }

    #[test]
    fn missing_er_is_reported_at_the_ty_line() {
        let p = parse_str("TY  - JOUR\nTI  - One\n\nTY  - CHAP\nTI  - Two\nER  - \nTY  - RPRT\nTI  - Three\n");
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].title, "Two");
        assert_eq!(p.records[0].kind, "chapter");
        assert_eq!(p.errors.len(), 2, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (1, 1));
        assert!(p.errors[0].message.contains("line 4"));
        assert_eq!(p.errors[1].line, 7);
        assert!(p.errors[1].message.contains("end of the file"));
    }

    #[test]
    fn bad_values_are_errors_at_their_line() {
        let p = parse_str("TY  - ELEC\nTI  - Site\nPY  - n.d.\nDO  - not-a-doi\nER  - \nTY  - GEN\nAU  - X\nER  - \n");
        assert!(p.records.is_empty());
        assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (3, 7));
        assert!(p.errors[0].message.contains("\"n.d.\""));
        assert_eq!(p.errors[1].line, 4);
        assert_eq!((p.errors[2].line, p.errors[2].column), (6, 1));
    }

    #[test]
    fn types_map() {
        let kinds: Vec<_> =
            ["JOUR", "BOOK", "CHAP", "RPRT", "ELEC", "WEB", "CONF", "CPAPER", "THES", "GEN", "VIDEO", "SOUND", "XYZ"]
                .iter()
                .map(|t| ris_kind(t))
                .collect();
        assert_eq!(
            kinds,
            [
                "article",
                "book",
                "chapter",
                "report",
                "web",
                "web",
                "conference-paper",
                "conference-paper",
                "thesis",
                "other",
                "video",
                "podcast",
                "other"
            ]
        );
    }

    #[test]
    fn real_zotero_ris_export() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/ris/slr-deepfake-detection_zotero-export_first150.ris"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} not found");
            return;
        };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 150);
        let first = &p.records[0];
        assert_eq!(first.line, 1);
        assert_eq!(first.authors.len(), 10);
        assert_eq!(first.container.as_deref(), Some("Plasmonics"));
        assert_eq!(first.language.as_deref(), Some("English"));
        assert!(p.records.iter().all(|r| r.isbn.is_none() && r.annotation.is_none()));
        assert_eq!(p.records.iter().filter(|r| r.doi.is_none()).count(), 2);
    }
}
