//! CSL-JSON: an array of items (`type`, `title`, `author`, `issued`,
//! `container-title`, `publisher`, `DOI`, `ISBN`, `URL`, `note`,
//! `language`), as Zotero, Mendeley, pandoc and citation.js export it. A
//! single item object is read too.
//!
//! serde_json does not report where a value starts, so a small scan over the
//! text (aware of strings and escapes) finds each item's opening `{` and the
//! position of each of its keys, for errors that name a line and column.

use std::collections::HashMap;

use serde_json::Value;

use super::bibtex::{Lines, first_isbn};
use super::reading_csv::{clean_title, parse_year};
use super::{Parsed, ReadingRecord, RowError, normalise_doi, reading_type};
use crate::store::themes::{ThemeIndex, split_cell};

/// Where an item starts and where each of its keys is, as byte offsets.
#[derive(Debug, Default)]
struct Spans {
    start: usize,
    keys: HashMap<String, usize>,
}

/// The items' spans, in order: the objects directly inside the top-level
/// array, or the top-level object itself. Iterative; the text is valid JSON.
fn scan(text: &str) -> Vec<Spans> {
    let b = text.as_bytes();
    let mut out: Vec<Spans> = Vec::new();
    let top = b.iter().position(|c| !c.is_ascii_whitespace());
    let base = match top.map(|i| b[i]) {
        Some(b'[') => 1,
        _ => 0,
    };
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if expect_key && depth == base + 1 {
                    if let Some(item) = out.last_mut() {
                        item.keys.entry(text[start + 1..i.min(b.len())].to_string()).or_insert(start);
                    }
                    expect_key = false;
                }
            }
            b'{' | b'[' => {
                if b[i] == b'{' && depth == base {
                    out.push(Spans { start: i, keys: HashMap::new() });
                }
                depth += 1;
                expect_key = b[i] == b'{' && depth == base + 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' => expect_key = depth == base + 1,
            _ => {}
        }
        i += 1;
    }
    out
}

pub fn parse(path_display: &str, text: &str, themes: &ThemeIndex) -> Parsed {
    let _ = path_display;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Parsed::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            out.errors.push(RowError::new(
                e.line() as u64,
                e.column() as u64,
                format!("not valid JSON: {msg}; expected a CSL-JSON array of items"),
            ));
            return out;
        }
    };
    let lines = Lines::new(text);
    let items: Vec<&Value> = match &value {
        Value::Array(a) => a.iter().collect(),
        Value::Object(_) => vec![&value],
        _ => {
            out.errors.push(RowError::new(1, 1, "not a CSL-JSON array; expected [ {\"type\": …, \"title\": …}, … ]"));
            return out;
        }
    };
    let spans = scan(text);
    let mut next_span = spans.iter();
    for (n, item) in items.into_iter().enumerate() {
        let Value::Object(obj) = item else {
            // Non-object elements have no span; report at the array's start.
            out.errors.push(RowError::new(1, 1, format!("item {} is not an object; expected {{\"title\": …}}", n + 1)));
            continue;
        };
        let empty = Spans::default();
        let span = next_span.next().unwrap_or(&empty);
        match record(obj, span, &lines, themes) {
            Ok(r) => out.records.push(r),
            Err(mut e) => out.errors.append(&mut e),
        }
    }
    out
}

/// A scalar as text: strings as they are, numbers written out; `None` for
/// empty strings, null, arrays and objects.
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(|x| text_of(Some(x))),
        _ => None,
    }
}

/// The canonical reading type for a CSL type.
fn csl_kind(t: &str) -> &'static str {
    match t {
        "article" | "article-journal" | "article-magazine" | "article-newspaper" | "review" | "review-book" => {
            "article"
        }
        "book" | "classic" | "periodical" => "book",
        "chapter" | "entry" | "entry-dictionary" | "entry-encyclopedia" => "chapter",
        "report" | "standard" | "legislation" | "regulation" => "report",
        "webpage" | "post-weblog" => "web",
        "post" => "thread",
        "paper-conference" | "speech" | "presentation" => "conference-paper",
        "thesis" => "thesis",
        "motion_picture" | "broadcast" => "video",
        "song" | "interview" => "podcast",
        other => reading_type(other).unwrap_or("other"),
    }
}

/// A CSL name as "Family, Given", or its literal form.
fn name(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        return Some(clean_title(s)).filter(|s| !s.is_empty());
    }
    let o = v.as_object()?;
    let part = |k: &str| o.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    if let Some(l) = part("literal") {
        return Some(clean_title(l));
    }
    let family = match (part("non-dropping-particle"), part("family")) {
        (Some(p), Some(f)) => Some(format!("{p} {f}")),
        (None, f) => f.map(str::to_string),
        (Some(p), None) => Some(p.to_string()),
    };
    let given = match (part("given"), part("dropping-particle")) {
        (Some(g), Some(p)) => Some(format!("{g} {p}")),
        (g, None) => g.map(str::to_string),
        (None, Some(p)) => Some(p.to_string()),
    };
    let n = match (family, given) {
        (Some(f), Some(g)) => format!("{f}, {g}"),
        (Some(f), None) => f,
        (None, Some(g)) => g,
        (None, None) => return None,
    };
    let n = match part("suffix") {
        Some(s) => format!("{n}, {s}"),
        None => n,
    };
    Some(clean_title(&n))
}

/// The year of a CSL date: `{"date-parts": [[2019, 5]]}`, `{"raw": "2019"}`,
/// `{"literal": "2019"}` or a plain string. `Err` holds the value as written.
fn year_of(v: &Value) -> Result<Option<i64>, String> {
    let text = match v {
        Value::Object(o) => {
            if let Some(first) = o.get("date-parts").and_then(|p| p.get(0)).and_then(|p| p.get(0)) {
                match first {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => return Ok(None),
                }
            } else if let Some(s) = text_of(o.get("raw")).or_else(|| text_of(o.get("literal"))) {
                s
            } else {
                return Ok(None);
            }
        }
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return Ok(None),
    };
    // date-parts years have no padding: a year such as 987 is not one canon takes.
    parse_year(&text).map(Some).ok_or(text)
}

fn record(
    o: &serde_json::Map<String, Value>,
    span: &Spans,
    lines: &Lines,
    themes: &ThemeIndex,
) -> Result<ReadingRecord, Vec<RowError>> {
    let (line, col) = lines.pos(span.start);
    let at = |k: &str| span.keys.get(k).map_or((line, col), |p| lines.pos(*p));
    let id = text_of(o.get("id")).map(|i| format!("item `{i}`")).unwrap_or_else(|| "item".to_string());
    let mut errs = Vec::new();
    let title = text_of(o.get("title")).map(|t| clean_title(&t));
    if title.is_none() {
        errs.push(RowError::new(line, col, format!("{id} has no title; expected a \"title\"")));
    }
    let year = match o.get("issued").map(year_of) {
        None | Some(Ok(None)) => None,
        Some(Ok(y)) => y,
        Some(Err(v)) => {
            let (l, c) = at("issued");
            errs.push(RowError::new(
                l,
                c,
                format!("{id}: issued {v:?} is not a year; expected {{\"date-parts\": [[2019]]}} or a four-digit year"),
            ));
            None
        }
    };
    let doi = text_of(o.get("DOI")).and_then(|d| {
        let n = normalise_doi(&d);
        if n.is_none() {
            let (l, c) = at("DOI");
            errs.push(RowError::new(l, c, format!("{id}: DOI {d:?} is not a DOI; expected the form 10.1234/abc")));
        }
        n
    });
    if !errs.is_empty() {
        return Err(errs);
    }
    let people = |k: &str| -> Vec<String> {
        o.get(k).and_then(Value::as_array).map_or_else(Vec::new, |a| a.iter().filter_map(name).collect())
    };
    let mut authors = people("author");
    if authors.is_empty() {
        authors = people("editor");
    }
    let mut ids = Vec::new();
    for k in ["keyword", "categories"] {
        let words: Vec<String> = match o.get(k) {
            Some(Value::String(s)) => split_cell(s).map(str::to_string).collect(),
            Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        };
        for w in words {
            if let Some(id) = themes.resolve(&w)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
    }
    let kind = text_of(o.get("type")).map_or("other", |t| csl_kind(&t));
    Ok(ReadingRecord {
        id: None,
        line,
        title: title.unwrap_or_default(),
        authors,
        year,
        kind: kind.to_string(),
        container: text_of(o.get("container-title"))
            .or_else(|| text_of(o.get("collection-title")))
            .or_else(|| text_of(o.get("publisher")))
            .map(|c| clean_title(&c)),
        doi,
        isbn: text_of(o.get("ISBN")).and_then(|i| first_isbn(&i)),
        url: text_of(o.get("URL")),
        annotation: text_of(o.get("annote")).or_else(|| text_of(o.get("note"))),
        language: text_of(o.get("language")),
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
        parse("t.json", s, &themes)
    }

    #[test]
    fn items_with_literal_and_structured_authors() {
        let p = parse_str(
            r#"[
  {
    "id": "who2008",
    "type": "report",
    "title": "Closing the gap in a generation",
    "author": [{"literal": "World Health Organization"}],
    "issued": {"date-parts": [[2008, 8]]},
    "publisher": "WHO",
    "URL": "https://www.who.int/x",
    "keyword": "Intersectional health, equity"
  },
  {"id": "v", "type": "book", "title": "Une {écologie} \"décoloniale\"",
   "author": [{"family": "Ferdinand", "given": "Malcom"}, {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}],
   "issued": {"raw": "2019-10"}, "ISBN": "978-0-385-50993-0", "DOI": "10.1000/XYZ", "note": "Read the introduction.", "language": "fr"},
  {"type": "article-journal", "title": "Undated", "issued": {"date-parts": [["2021"]]}, "container-title": "The Lancet"}
]"#,
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 3);
        let a = &p.records[0];
        assert_eq!((a.line, a.kind.as_str(), a.year), (2, "report", Some(2008)));
        assert_eq!(a.authors, ["World Health Organization"]);
        assert_eq!(a.container.as_deref(), Some("WHO"));
        assert_eq!(a.themes.len(), 1);
        let b = &p.records[1];
        assert_eq!(b.line, 12);
        assert_eq!(b.authors, ["Ferdinand, Malcom", "van Gogh, Vincent"]);
        assert_eq!(b.title, "Une {écologie} \"décoloniale\"");
        assert_eq!(b.year, Some(2019));
        assert_eq!(b.isbn.as_deref(), Some("9780385509930"));
        assert_eq!(b.doi.as_deref(), Some("10.1000/xyz"));
        assert_eq!(b.annotation.as_deref(), Some("Read the introduction."));
        assert_eq!(b.language.as_deref(), Some("fr"));
        let c = &p.records[2];
        assert_eq!((c.line, c.year, c.kind.as_str()), (15, Some(2021), "article"));
        assert_eq!(c.container.as_deref(), Some("The Lancet"));
    }

    #[test]
    fn errors_point_at_the_item_or_key() {
        let p = parse_str(
            "[{\"title\": \"ok\", \"note\": \"a } and a { and \\\" quote\"},\n {\"type\": \"book\"},\n {\"title\": \"T\",\n  \"issued\": {\"raw\": \"someday\"}, \"DOI\": \"nope\"}]",
        );
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (2, 2));
        assert!(p.errors[0].message.contains("no title"));
        assert_eq!((p.errors[1].line, p.errors[1].column), (4, 3));
        assert!(p.errors[1].message.contains("\"someday\""));
        assert_eq!((p.errors[2].line, p.errors[2].column), (4, 33));
    }

    #[test]
    fn invalid_json_is_one_error_with_its_position() {
        let p = parse_str("[\n {\"title\": \"x\",}\n]");
        assert!(p.records.is_empty());
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 2);
        assert!(p.errors[0].message.starts_with("not valid JSON"), "{}", p.errors[0].message);
    }

    #[test]
    fn a_single_object_is_one_item() {
        let p = parse_str("{\"title\": \"Solo\", \"type\": \"webpage\", \"issued\": \"2020\"}");
        assert_eq!(p.records.len(), 1);
        assert_eq!((p.records[0].kind.as_str(), p.records[0].year, p.records[0].line), ("web", Some(2020), 1));
    }
}
