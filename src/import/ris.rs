//! RIS: `TY  - ` … `ER  - ` records of `XX  - value` lines, LF or CRLF.
//! Repeated tags (`AU`, `KW`) add up; a line that is not a tag line
//! continues the field before it. Abstracts (`AB`) and notes (`N1`, where
//! Zotero puts its notes) are not imported. Zotero writes a conference
//! paper's proceedings title in `C3`.
//!
//! As exporters write it: EndNote and some databases put one space before
//! the hyphen (`TY - JOUR`); some put tag lines (or a `Provider:` header)
//! before a record's `TY`, and those lines belong to the record that follows.

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::names;
use super::{Parsed, RowError, reading_type};
use crate::store::themes::split_cell;

/// A conference paper's conference (schema 0040; tester r98 F2): `T2` is
/// the conference's name and `CY` where it was held (EndNote's Conference
/// Paper and Conference Proceedings: "Conference Name", "Conference
/// Location"; Zotero's RIS writes a paper's `conferenceName` in `T2` and
/// its proceedings' title in `C3`). Both are kept as the event. A paper
/// with no sign of publication (no `C3`, publisher, ISBN, volume, pages,
/// editor or series) was presented, not published: `T2` is then no proceedings and
/// `CY` no publisher's place, and it is cited by its event ("Paper
/// presented at: …"), as its CSL-JSON form is. With `C3` the proceedings
/// are `C3`; a published paper without `C3` keeps `T2` as its proceedings
/// alone (no event apart, as its CSL-JSON and BibTeX copies have none).
fn conference_event(d: &mut Draft, ty: Option<&str>, text: &dyn Fn(&[&str]) -> Option<String>) {
    if !matches!(ty, Some("CPAPER" | "CONF")) {
        return;
    }
    let Some(event) = text(&["T2"]) else { return };
    let proceedings = text(&["C3"]);
    // (A `T2` that names proceedings is proceedings.)
    let published = proceedings.is_some()
        || event.to_lowercase().contains("proceedings")
        || ["PB", "SN", "VL", "SP", "ED", "A2", "IS", "T3", "C7"]
            .iter()
            .any(|t| text(&[*t]).is_some_and(|v| !v.trim().is_empty()));
    // A published paper's `T2` without `C3` is its proceedings (the
    // container, as before), which names no event apart.
    if proceedings.is_none() && published {
        return;
    }
    d.event = Some(event);
    d.event_place = text(&["CY"]);
    if let Some(p) = proceedings {
        d.container = Some(p);
    } else {
        d.container = None;
        if d.place.is_some() && d.place == d.event_place {
            d.place = None;
        }
    }
}

/// A tag line's tag, value and the column where the value starts: two
/// capitals or digits (the first a capital), one or two spaces, a hyphen,
/// then an optional space and the value. As exporters and hands also write
/// it, a tag of [`RIS_TAGS`] may stand right before its hyphen (`TY- JOUR`),
/// with a tab before it (`TY\t- JOUR`), or with its value right after it
/// (`TY -JOUR`): tester r62 F15, such records were lost unsaid.
fn tag_line(line: &str) -> Option<(&str, &str, u64)> {
    let b = line.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_uppercase() || !(b[1].is_ascii_uppercase() || b[1].is_ascii_digit()) {
        return None;
    }
    let gap = b[2..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    let dash = 2 + gap;
    if b.get(dash) != Some(&b'-') || gap > 3 {
        return None;
    }
    let spaced = b.get(dash + 1).is_none_or(|c| matches!(c, b' ' | b'\t'));
    let standard = (1..=2).contains(&gap) && b[2..dash].iter().all(|c| *c == b' ') && spaced;
    let known = RIS_TAGS.contains(&&line[..2]);
    // Other spacings only for a tag RIS defines: "US- based" in a wrapped
    // abstract is no tag line; without a space after the hyphen ("TY -JOUR")
    // only with a space or tab before it ("ID-linked" is a word).
    if !standard && !(known && (spaced || gap > 0)) {
        return None;
    }
    let value_at = if spaced { (dash + 2).min(b.len()) } else { dash + 1 };
    Some((&line[..2], line.get(value_at..).unwrap_or("").trim(), value_at as u64 + 1))
}

/// The tags of the RIS specification (Research Information Systems, 2011),
/// with the older ones exporters still write: a tag line written in small
/// letters ("au  - Lower, Case") is read as one of these.
const RIS_TAGS: &[&str] = &[
    "TY", "ER", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5", "C6", "C7",
    "C8", "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET", "ID", "IS", "J1", "J2", "JA", "JF",
    "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1", "M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY",
    "RI", "RN", "RP", "SE", "SN", "SP", "ST", "SV", "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5",
    "UR", "VL", "VO", "Y1", "Y2",
];

/// A tag line with its tag in small letters ("au  - Lower, Case", "ty  -
/// JOUR"), as some hand-edited files have it: the tag in capitals when it is
/// one of [`RIS_TAGS`], with the value and its column. It was taken as a
/// continuation of the line before, and the author joined the title
/// (tester r28, F3).
fn small_tag_line(line: &str) -> Option<(&'static str, &str, u64)> {
    let head = line.get(..2)?;
    if !head.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let upper = head.to_ascii_uppercase();
    let tag = RIS_TAGS.iter().find(|t| **t == upper)?;
    let col = tag_line(&format!("{upper}{}", &line[2..]))?.2;
    Some((tag, line.get(col as usize - 1..).unwrap_or("").trim(), col))
}

/// One record as read: where it starts, its `TY` (if any) and its fields in
/// order, each with its line and value column.
struct Raw<'a> {
    line: u64,
    start: usize,
    ty: Option<&'a str>,
    fields: Vec<(&'a str, String, u64, u64)>,
    /// What was said while reading it (a tag written in small letters).
    warnings: Vec<RowError>,
}

/// Reads and validates a RIS file (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    let _ = path_display;
    builder::build_all(read(text), themes)
}

/// Reads a RIS file into drafts, pure.
pub fn read(text: &str) -> Read {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut out = Read::default();
    let mut current: Option<Raw> = None;
    let mut offset = bom;
    // A blank line since the last line with text (a paragraph break in a
    // note's continuation lines).
    let mut gap = false;
    // Lines of text outside any record, said on the next record read.
    let mut stray: Vec<RowError> = Vec::new();
    for (n, full) in text[bom..].split_inclusive('\n').enumerate() {
        let n = n as u64 + 1;
        let line_start = offset;
        offset += full.len();
        let line = full.strip_suffix('\n').unwrap_or(full);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let small = tag_line(line).is_none().then(|| small_tag_line(line)).flatten();
        let said = small.map(|(tag, _, _)| {
            let written = &line[..2];
            RowError::new(
                n,
                1,
                format!("tag \"{written}\" is written in small letters; read as {tag} (RIS tags are capitals)"),
            )
        });
        match tag_line(line).or(small) {
            Some(("TY", ty, _)) => {
                match current.take() {
                    // Tag lines before `TY` belong to this record.
                    Some(open) if open.ty.is_none() => {
                        current = Some(Raw { ty: Some(ty), ..open });
                    }
                    Some(open) => {
                        out.broken(
                            RowError::new(
                                open.line,
                                1,
                                format!(
                                    "record starting here has no `ER  - ` line before the next `TY  - ` on line {n}; expected `ER  - ` to end it"
                                ),
                            ),
                            Some(open.start..line_start),
                        );
                        current = Some(Raw {
                            line: n,
                            start: line_start,
                            ty: Some(ty),
                            fields: Vec::new(),
                            warnings: Vec::new(),
                        });
                    }
                    None => {
                        current = Some(Raw {
                            line: n,
                            start: line_start,
                            ty: Some(ty),
                            fields: Vec::new(),
                            warnings: Vec::new(),
                        })
                    }
                }
                if let Some(raw) = current.as_mut() {
                    raw.warnings.extend(said);
                }
            }
            Some(("ER", _, _)) => match current.take() {
                Some(mut raw) => {
                    raw.warnings.extend(said);
                    out.push(draft(&raw), raw.start..offset)
                }
                None => out.errors.push(RowError::new(n, 1, "`ER  - ` without a record; expected `TY  - ` first")),
            },
            Some((tag, value, col)) => {
                let raw = current.get_or_insert_with(|| Raw {
                    line: n,
                    start: line_start,
                    ty: None,
                    fields: Vec::new(),
                    warnings: Vec::new(),
                });
                raw.fields.push((tag, line_breaks(tag, value), n, col));
                raw.warnings.extend(said);
            }
            None => {
                let cont = line.trim();
                if cont.is_empty() {
                    gap = true;
                    continue;
                }
                // The reason lines canon writes above a record in its own
                // rejects file (`# rejected: …`): read past, as the MEDLINE
                // reader does, so a fixed rejects file imports unwarned
                // (tester r70 F11).
                if current.is_none()
                    && (cont.starts_with("# rejected:") || cont.starts_with("# also, not why it was rejected:"))
                {
                    continue;
                }
                if current.is_none() {
                    // Text outside any record (a header an exporter writes,
                    // a line a hand broke): said on the record that follows,
                    // never dropped unsaid (tester r62 F15).
                    stray.push(RowError::new(
                        n,
                        1,
                        format!(
                            "text outside any record not read: {}; expected a tag line `XX  - value` (a record \
                             starts with `TY  - `)",
                            crate::limits::shown(cont)
                        ),
                    ));
                }
                if let Some(raw) = current.as_mut()
                    && let Some((tag, value, _, _)) = raw.fields.last_mut()
                {
                    // A note or abstract keeps its paragraphs (a blank line
                    // between continuation lines; tester r35, F12); a line
                    // wrapped otherwise is one text, joined by a space.
                    if !value.is_empty() {
                        value.push_str(if gap && matches!(*tag, "N1" | "N2" | "AB") { "\n\n" } else { " " });
                    }
                    value.push_str(cont);
                }
            }
        }
        if let Some(raw) = current.as_mut() {
            raw.warnings.append(&mut stray);
        }
        gap = false;
    }
    // The last record without its `ER  - ` (a file cut or edited by hand):
    // the end of the file ends it, said, as Zotero and JabRef read it (tester
    // r55 F8: the whole file was refused). A record cut short is then
    // refused for what it lacks.
    if let Some(mut open) = current.take_if(|o| o.ty.is_some()) {
        open.warnings.push(RowError::new(
            open.line,
            1,
            "record starting here has no `ER  - ` line before the end of the file; read to the end of the file \
             (check that the file is whole)",
        ));
        out.push(draft(&open), open.start..offset);
    }
    if let Some(open) = current {
        let message = if open.ty.is_some() {
            "record starting here has no `ER  - ` line before the end of the file; expected `ER  - ` to end it"
                .to_string()
        } else {
            format!("`{}  - ` outside a record; expected `TY  - ` to start one first", open.fields[0].0)
        };
        out.broken(RowError::new(open.line, 1, message), Some(open.start..offset));
    }
    // Text after the last record: said on it; in a file with no record, an error.
    if !stray.is_empty() {
        match out.items.iter_mut().rev().find_map(|i| i.draft.as_mut().ok()) {
            Some(last) => last.warnings.append(&mut stray),
            None => out.errors.append(&mut stray),
        }
    }
    out
}

/// A field's value with the line breaks EndNote writes inside it as XML
/// character references ("&#xD;", "&#xA;", "&#13;", "&#10;": its RIS export
/// of a note with several lines, tester r45 F5) read as line breaks in a
/// note or abstract (`N1`, `N2`, `AB`) and as a space elsewhere; any other
/// text unchanged.
fn line_breaks(tag: &str, value: &str) -> String {
    if !value.contains("&#") {
        return value.to_string();
    }
    let brk = if matches!(tag, "N1" | "N2" | "AB") { "\n" } else { " " };
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (hex, digits) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let end = digits.find(';').filter(|&e| e > 0 && e <= 4);
        let code = end.and_then(|e| u32::from_str_radix(&digits[..e], if hex { 16 } else { 10 }).ok());
        match (code, end) {
            (Some(c @ (13 | 10)), Some(e)) => {
                out.push(if c == 13 { '\r' } else { '\n' });
                rest = &digits[e + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // A carriage return alone or before a line feed is one line break.
    let out = out.replace("\r\n", "\n").replace('\r', "\n");
    if brk == " " { out.replace('\n', " ") } else { out }
}

/// A record another tagged format's reader ([`super::wos`]) has put in RIS
/// tags (`fields`: tag, value, line, value column), built by this reader's
/// rules: one work, one stored form, whichever export it came from.
pub(crate) fn draft_of(line: u64, ty: Option<&str>, fields: Vec<(&str, String, u64, u64)>) -> Draft {
    draft(&Raw { line, start: 0, ty, fields, warnings: Vec::new() })
}

/// The reference types of the RIS specification (Research Information
/// Systems, 2011), with the older ones exporters still write (`INPR`,
/// `JFULL`, `ICOMM`…). A `TY` outside them is warned of.
const RIS_TYPES: &[&str] = &[
    "ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART", "CLSWK", "COMP", "CONF",
    "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK", "EJOUR", "ELEC", "ENCYC", "EQUA", "FIGURE",
    "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR", "JFULL", "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT",
    "MULTI", "MUSIC", "NEWS", "PAMP", "PAT", "PCOMM", "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES",
    "UNBILL", "UNPB", "VIDEO", "WEB",
];

/// The RIS types that have no reading type of canon's (RIS Format
/// Specifications, 2011, the type names in brackets): the reading type each
/// is kept as, the genre that says what the work is (where the type kept
/// does not), and the type's name, which the import says with the record
/// (r114 item 2: a dictionary entry, a chart or a grant became type
/// "other", a whole journal an article, unsaid). A CSL type of the same
/// work is kept as the CSL-JSON reader keeps it ([`super::csl_json`]:
/// `entry-dictionary` a chapter, `classic` and `periodical` a book,
/// `musical_score` type "other" with its genre).
const RIS_APPROXIMATED: &[(&str, &str, Option<&str>, &str)] = &[
    ("ABST", "article", None, "abstract"),
    ("ADVS", "video", None, "audiovisual material"),
    ("ANCIENT", "book", None, "ancient text"),
    ("ART", "other", Some("Artwork"), "artwork"),
    ("CHART", "other", Some("Chart"), "chart"),
    ("CLSWK", "book", None, "classical work"),
    ("CTLG", "book", None, "catalogue"),
    ("DICT", "chapter", None, "dictionary entry"),
    ("ENCYC", "chapter", None, "encyclopedia entry"),
    ("EQUA", "other", Some("Equation"), "equation"),
    ("FIGURE", "other", Some("Figure"), "figure"),
    ("GRANT", "other", Some("Grant"), "grant"),
    ("ICOMM", "web", None, "Internet communication"),
    ("JFULL", "book", None, "whole journal"),
    ("MULTI", "other", Some("Multimedia"), "multimedia"),
    ("MUSIC", "other", Some("Musical score"), "music score"),
    ("PCOMM", "other", Some("Personal communication"), "personal communication"),
    ("SER", "book", None, "serial publication"),
    ("SLIDE", "other", Some("Slide"), "slide"),
    ("UNBILL", "other", Some("Bill"), "unenacted bill"),
];

/// The entry of [`RIS_APPROXIMATED`] for `ty` (any case), if it has one.
fn ris_approximated(ty: &str) -> Option<&'static (&'static str, &'static str, Option<&'static str>, &'static str)> {
    let ty = ty.trim();
    RIS_APPROXIMATED.iter().find(|(t, ..)| t.eq_ignore_ascii_case(ty))
}

/// The canonical reading type for a RIS `TY`.
fn ris_kind(ty: &str) -> &'static str {
    if let Some((_, kind, ..)) = ris_approximated(ty) {
        return kind;
    }
    match ty.trim().to_ascii_uppercase().as_str() {
        "NEWS" => "newspaper-article",
        "MGZN" => "magazine-article",
        "JOUR" | "JFULL" | "EJOUR" | "INPR" | "ABST" => "article",
        "BOOK" | "EBOOK" | "EDBOOK" | "CTLG" => "book",
        "CHAP" | "ECHAP" => "chapter",
        "RPRT" | "GOVDOC" | "STAND" => "report",
        "ELEC" | "WEB" | "BLOG" | "ICOMM" => "web",
        "CONF" | "CPAPER" => "conference-paper",
        "THES" => "thesis",
        "GEN" => "other",
        // RIS "Legal Rule or Regulation": CSL `regulation`, kept as the
        // CSL-JSON reader keeps one.
        "LEGAL" => "other",
        "VIDEO" | "MPCT" | "ADVS" => "video",
        "SOUND" | "MUSIC" => "podcast",
        other => reading_type(other).unwrap_or("other"),
    }
}

/// A record as a draft: tags as the RIS specification and its exporters use them.
fn draft(raw: &Raw) -> Draft {
    // Named by its own ID (`ID  - Smith2019`) where it has one, else by the
    // line it starts on ("in record:" named nothing).
    let id = raw.fields.iter().find(|(tag, v, _, _)| *tag == "ID" && !v.trim().is_empty()).map(|f| f.1.trim());
    let label = match id {
        Some(id) => format!("record {}", crate::limits::shown(id)),
        None => format!("the record starting at line {}", raw.line),
    };
    let mut d = Draft::new(Pos::new(raw.line, 1), Some(label));
    d.date_name = Some("PY");
    d.warnings.extend(raw.warnings.iter().cloned());
    let first =
        |tags: &[&str]| tags.iter().find_map(|t| raw.fields.iter().find(|(tag, v, _, _)| tag == t && !v.is_empty()));
    let val = |tags: &[&str]| first(tags).map(|(_, v, n, c)| Val::new(v.clone(), Pos::new(*n, *c)));
    let text = |tags: &[&str]| first(tags).map(|(_, v, _, _)| v.clone());
    let all = |tags: &[&str]| -> Vec<(&str, u64, u64)> {
        raw.fields
            .iter()
            .filter(|(t, v, _, _)| tags.contains(t) && !v.is_empty())
            .map(|(_, v, n, c)| (v.as_str(), *n, *c))
            .collect()
    };
    d.title = val(&["TI", "T1", "CT", "BT"]).or_else(|| Some(Val::new("", d.at)));
    // A year before the common era: the RIS specification (Research
    // Information Systems, "RIS Format Specifications": `PY` "YYYY", `DA`
    // "YYYY/MM/DD/other info") has none, so a signed year is read by
    // the form it is written in, as in every format ([`super::builder::bce_year`]):
    // "-400" or "400 BC" is 400 BC; "-0400", a signed year of four digits
    // with a leading zero, is ISO 8601's expanded year representation (and
    // EDTF's, ISO 8601-2), which counts a year 0 (1 BC), so 401 BC, said. One
    // text, one year, whichever file holds it (biblatex `date = {-0400}`
    // reads the same; tester r97 asked; lead_r15 fixes it).
    d.date = val(&["PY", "Y1", "DA"]);
    // The fourth part of a RIS date is free "other information"
    // ("2019/04/02/Epub"): what canon cannot read there is named, and the
    // date kept (tester r56 F4: the whole file was refused).
    let mut date_as_written = None;
    let mut no_season_at = Vec::new();
    if let Some(mut v) = d.date.take() {
        if let Some(written) = other_info(&mut d, &mut v, &mut no_season_at) {
            date_as_written = Some(written);
        }
        d.date = Some(v);
    }
    // `TY  - INPR`, the RIS type of a work in press: without a date it is
    // stored as one, with no year and the note "in press" (tester r16).
    if d.date.is_none() && raw.ty == Some("INPR") {
        d.date = Some(Val::new("in press", d.at));
    }
    // `Y1` (RIS's primary date) beside a `PY` of another year: the two
    // disagree on when the work appeared; `PY` is kept, and both said, as a
    // `DA` of another year is (tester r24, F12).
    if let (Some(py), Some(y1)) = (val(&["PY"]), val(&["Y1"])) {
        let year = |v: &str| v.trim().get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).map(str::to_string);
        if let (Some(a), Some(b)) = (year(&py.text), year(&y1.text))
            && a != b
        {
            d.warnings.push(RowError::new(
                y1.at.line,
                y1.at.column,
                format!(
                    "in {}: Y1 {:?} is in another year than PY {:?}; kept the year {a} (PY)",
                    d.label.as_deref().unwrap_or("the record"),
                    y1.text.trim(),
                    py.text.trim()
                ),
            ));
        }
    }
    // `DA` is the full date ("2019/04/02/"): the month and day when `PY` gives the year.
    // So is a `Y1` of `PY`'s year ("2013/08/01", Mendeley's), with no `DA`
    // (tester r43 F7: its month and day were named as not stored).
    d.month = val(&["DA"]).or_else(|| {
        let (py, y1) = (val(&["PY"])?, val(&["Y1"])?);
        let year = |v: &str| v.trim().get(..4).map(str::to_string);
        (year(&py.text) == year(&y1.text) && y1.text.trim().len() > 4).then_some(y1)
    });
    // `DA` is a date field (`YYYY/MM/DD`, or ISO `YYYY-MM` as many tools
    // write it): "2011-12" there is December 2011 (tester87 F5).
    d.month_iso = first(&["DA"]).is_some();
    // The full date's other information too (`DA  - 2019/04/02/Spring issue`).
    if let Some(mut v) = d.month.take() {
        other_info(&mut d, &mut v, &mut no_season_at);
        d.month = Some(v);
    }
    // `Y2` is the access date in the RIS of Zotero and EndNote ("2024/03/05/").
    d.accessed = val(&["Y2"]);
    // `OP`, EndNote's "Original Publication" in its RIS, free text: the
    // original's title, year or publication (read by the builder).
    d.original_pub = val(&["OP"]);
    d.doi = val(&["DO"]);
    // The PMID: EndNote and PubMed-sourced RIS put it in `AN` (accession
    // number) with `DB`/`DP` naming PubMed, MEDLINE or the NLM; an `AN` of
    // another database is its own number, not a PMID, and is not read.
    let from_pubmed = first(&["DB", "DP"]).is_some_and(|(_, v, _, _)| {
        let v = v.to_ascii_lowercase();
        v.contains("pubmed") || v.contains("medline") || v.contains("nlm")
    });
    d.pmid = val(&["AN"]).filter(|v| from_pubmed || v.text.trim().to_ascii_lowercase().starts_with("pmid"));
    // Scopus writes the PubMed ID in `C2` (the RIS spec's "PMCID" slot for
    // JOUR): digits alone are a PMID (MEDLINE Element Descriptions, PMID:
    // "a 1- to 8-digit accession number"); a "PMC…" there is a PMCID.
    let c2_pmid = val(&["C2"]).filter(|v| {
        let t = v.text.trim();
        (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    });
    if d.pmid.is_none() {
        d.pmid = c2_pmid.clone();
    }
    // A "PMC…" in `C2` is the PMCID (the RIS spec's and EndNote's "PMCID"
    // slot of a journal article; schema 0041).
    let c2_pmcid = val(&["C2"]).filter(|v| {
        let t = v.text.trim();
        t.len() > 3 && t[..3].eq_ignore_ascii_case("pmc") && crate::import::normalise_pmcid(t).is_some()
    });
    d.pmcid = c2_pmcid.clone();
    let labelled_read = labelled_pmids(&mut d, &all(&["U1", "U2", "U3", "U4", "U5", "M2"]), raw);
    // Every `SN` line (ISBNs, ISSNs, a report number as Zotero writes it):
    // the builder keeps the first valid ISBN and names the rest. A report's
    // `SN` that is neither an ISBN nor an ISSN is its number, as Zotero
    // writes a report's `reportNumber`: kept where a report's number is, the
    // issue, when the record has no `IS`.
    let mut sn = all(&["SN"]);
    let report = matches!(raw.ty.map_or("other", ris_kind), "report");
    if report
        && first(&["IS", "CP"]).is_none()
        && let Some(i) = sn.iter().position(|(v, _, _)| super::normalise_isbn(v).is_none() && !super::issn_like(v))
    {
        let (v, n, c) = sn.remove(i);
        // An ISBN mistyped (its check digit wrong) reads as no ISBN: kept
        // as the number, as any report's `SN`, but said with both readings
        // (tester r95: stored silently as the report's number).
        if super::isbn_shaped(v) {
            d.warnings.push(RowError::new(
                n,
                c,
                format!(
                    "in {}: SN {:?} kept as the report's number; it is written as an ISBN but its check digit is \
                     wrong, so it is not stored as the ISBN (if it is one, correct it)",
                    d.label.as_deref().unwrap_or("the record"),
                    v.trim()
                ),
            ));
        }
        d.issue = Some(v.trim().to_string());
        d.issue_at = Some(Pos::new(n, c));
    }
    // A report's `M1` ("Number" in the RIS specification 2011's generic
    // fields; EndNote and WHO's IRIS write a report's number there): its
    // number when neither `IS` nor `SN` gave one (tester r41 B4:
    // "WHO/HTI/2021.1" was named as not stored, printed in no style).
    let m1_number = report && d.issue.is_none() && first(&["IS", "CP"]).is_none() && {
        let m1 = val(&["M1"]).filter(|v| !v.text.trim().is_empty());
        if let Some(v) = &m1 {
            d.issue = Some(v.text.trim().to_string());
            d.issue_at = Some(v.at);
        }
        m1.is_some()
    };
    d.isbn = sn.first().map(|(_, n, c)| {
        let joined: Vec<&str> = sn.iter().map(|(v, _, _)| &**v).collect();
        Val::new(joined.join("; "), Pos::new(*n, *c))
    });
    d.isbn_rule = IsbnRule::FirstValid;
    d.isbn_field = Some("RIS SN");
    // `M3` is the "Type of Work" (RIS specification 2011; Zotero's RIS
    // translator writes a report's `reportType`, a thesis's `thesisType`,
    // a letter's `letterType`… there): the genre. Some exporters (Wiley,
    // Taylor & Francis, EBSCO) write the DOI in `M3`: a DOI is read as the
    // DOI when the record has no `DO`, is the same DOI when it is `DO`'s,
    // and is never a genre.
    let m3 = val(&["M3"]).filter(|v| !v.text.trim().is_empty());
    let m3_doi = m3.as_ref().and_then(|v| super::normalise_doi(&v.text));
    match (&m3, &m3_doi) {
        (Some(v), Some(doi)) => {
            let same =
                d.doi.as_ref().and_then(|o| super::normalise_doi(&o.text)).is_some_and(|o| o.eq_ignore_ascii_case(doi));
            if d.doi.is_none() {
                d.doi = Some(v.clone());
            } else if !same {
                d.not_stored_as("RIS M3 (a second DOI, not the record's `DO`)".to_string());
            }
        }
        // A database's record type ("Article", "Book Chapter": Scopus writes
        // one on every record) is named, not stored as the genre.
        // Web of Science's (`AN  - WOS:…`) is its document type, read as
        // its `DT` is (tester r103 F5).
        (Some(v), None) if first(&["AN"]).is_some_and(|(_, a, _, _)| a.trim().starts_with("WOS:")) => {
            super::wos::document_type(&v.text).apply(&mut d, v.at);
        }
        (Some(v), None) => match super::builder::genre_of_work_type(&v.text) {
            Some(g) => d.genre = Some(g),
            None => d.not_stored_as(format!(
                "RIS M3 {:?} (the database's record type, which TY gives; not a genre to cite)",
                v.text.trim()
            )),
        },
        _ => {}
    }
    // A RIS type canon keeps no type for (a data set, software, a legal
    // case, a statute…) is kept as the genre when the record gives none, so
    // that what the work is is not lost (tester r24, F16: it became `other`
    // with nothing to say so).
    if d.genre.is_none()
        && let Some(g) = raw.ty.and_then(|t| {
            builder::genre_of_type_name(t)
                .or_else(|| builder::film_of_type(t))
                .or_else(|| t.trim().eq_ignore_ascii_case("LEGAL").then_some("Regulation"))
        })
    {
        d.genre = Some(g.to_string());
        d.genre_implied = true;
    }
    // A type canon has none for: kept as the nearest, with a genre that
    // says what the work is, and said (r114 item 2).
    if let Some((ty, kind, genre, what)) = raw.ty.and_then(ris_approximated) {
        builder::say_approximated_type(&mut d, Pos::new(raw.line, 1), "RIS type", ty, Some(what), kind, *genre);
    }
    // One name a line; a line that lists several with `;` ("AU  - Deloitte;
    // Smith & Partners", as some exporters write a whole list) is split as a
    // cell is, so a firm after the `;` stays one institution.
    let people = |written: &str| -> Vec<names::Name> {
        let a = &*names::with_list_punctuation(written);
        let mut v: Vec<names::Name> =
            if a.contains(';') { names::split_cell(a).names } else { names::parse_field(a).into_iter().collect() };
        names::keep_as_written(written, &mut v);
        // EndNote's trailing comma that marks an institution ("World Health
        // Organization,") is no part of its name, as EndNote XML reads it:
        // kept in the name as written, it came back from canon's own export
        // without it as a change nobody made (tester r103 F6).
        if let [n] = v.as_mut_slice() {
            names::without_institution_comma(n);
        }
        v
    };
    for (t, a, n, c) in &raw.fields {
        if ["AU", "AF", "A1", "ED", "A2", "A4"].contains(t) && !a.contains(';') {
            builder::degree_doubts(&mut d, t, a, Pos::new(*n, *c));
        }
    }
    let names_of = |tags: &[&str]| -> Vec<names::Name> { all(tags).iter().flat_map(|(a, _, _)| people(a)).collect() };
    // `AU` and `A1` are both "author" (and `ED` and `A2` both "editor") in
    // RIS; some exporters write one list under both tags. The same names in
    // the same order under both are one list; otherwise every line is a
    // name, a name repeated included: two co-authors called "Li, Ying" are
    // two people (tester r41 A4: adjacent repeats were merged into one).
    let listed = |a: &str, b: &str| -> Vec<names::Name> {
        let (x, y) = (names_of(&[a]), names_of(&[b]));
        if !x.is_empty() && x == y { x } else { names_of(&[a, b]) }
    };
    let mut authors = listed("AU", "A1");
    // Web of Science writes each author twice: `AU` with initials ("Vyas,
    // DA") and `AF`, "Author Full Name" ("Vyas, Darshali A.") in its field
    // tags. The full name is read where `AF`'s n-th name has `AU`'s n-th
    // family name; `AU` is the fallback (tester r35 F5: `AF` was named as
    // not stored and the initials kept).
    let full = names_of(&["AF"]);
    let mut full_used = 0;
    if authors.is_empty() {
        full_used = full.len();
        authors.clone_from(&full);
    } else {
        for (a, f) in authors.iter_mut().zip(&full) {
            if same_family(a, f) {
                *a = f.clone();
                full_used += 1;
            }
        }
    }
    let full_read = full_used == full.len();
    if !full_read {
        d.not_stored_as(format!(
            "RIS AF (Web of Science's full author names: {} of {} match AU's names in order)",
            full_used,
            full.len()
        ));
    }
    d.authors = authors;
    // `ED` is the editor; `A2` (secondary author) is the editor of a book, a
    // chapter's book or a proceedings (RIS specification, Research
    // Information Systems 2011; EndNote writes editors there). Never authors.
    // A legal case has no editor: its `A2` is the court that decided it
    // (as EndNote and Zotero write a case's court there or in `PB`), kept as
    // the case's publisher when `PB` gives none (tester r41 B5: "Supreme
    // Court of the United States (Ed.)").
    let case = raw.ty == Some("CASE");
    let court = text(&["A2"]).filter(|_| case);
    // A book's or report's `A2` beside its series (`T2`/`T3`) is the
    // series editor (Zotero's RIS map: `A2` of a book is its seriesEditor,
    // `A3` its editor; EndNote writes its Series Editor there): canon has no
    // series editor, so it is named as not stored, never printed as the
    // work's editor (tester87 F6).
    let series_a2 =
        matches!(raw.ty, Some("BOOK" | "RPRT")) && first(&["A2"]).is_some() && first(&["T2", "T3"]).is_some();
    // A thesis has no editor: its `A2` is named as not stored, as EndNote
    // XML's secondary authors of a Thesis are (it printed "Mensah K,
    // editor." after the thesis's title).
    let thesis_a2 = raw.ty.map_or("other", ris_kind) == "thesis" && first(&["A2"]).is_some();
    // A book's or report's `A2` with no series beside it: an editor, as the
    // RIS specification's table has it (Mendeley and others write a book's
    // editors there), unless it names a series ("Lecture Notes in Computer
    // Science", "WHO Technical Report Series"), as some exporters write a
    // book's series there: then it is the series (it was stored as an
    // editor named "Lecture Notes in Computer Science").
    let a2_series_title = (matches!(raw.ty, Some("BOOK" | "EBOOK" | "EDBOOK" | "RPRT")) && !series_a2)
        .then(|| all(&["A2"]))
        .filter(|v| v.len() == 1 && first(&["T2", "T3"]).is_none())
        .and_then(|v| v.first().map(|(a, _, _)| a.trim().to_string()))
        .filter(|a| names_a_series(a));
    let a2_series = a2_series_title.is_some();
    if thesis_a2 {
        d.not_stored_as("RIS A2 (of a thesis, which has no editor)".to_string());
    }
    let mut editors = if case || series_a2 || thesis_a2 || a2_series { names_of(&["ED"]) } else { listed("ED", "A2") };
    let a3_editors = series_a2 && raw.ty == Some("BOOK") && editors.is_empty() && first(&["A3"]).is_some();
    if series_a2 {
        d.not_stored_as("RIS A2 (the series editor of a book or report)".to_string());
    }
    if a3_editors {
        editors = names_of(&["A3"]);
    }
    // An edited book's `AU` are its editors (the RIS specification's type
    // table, "EDBOOK": Author is "Editor"), as EndNote's "Edited Book"
    // is read (tester r33 #9: they were stored as authors).
    if raw.ty == Some("EDBOOK") && editors.is_empty() {
        editors = std::mem::take(&mut d.authors);
    }
    d.editors = editors;
    // `A4` (subsidiary author) is the translator (RIS specification 2011:
    // "Translator" for a book and most types; Zotero's RIS translator reads
    // it so) except of a legal case (counsel), a conference paper or a film
    // (contributors), where it is named as not stored.
    let a4_translators = !matches!(raw.ty, Some("CASE" | "CONF" | "CPAPER" | "MPCT" | "VIDEO"));
    if a4_translators {
        d.translators = names_of(&["A4"]);
    }
    // A name read as a person that looks like an institution's
    // ("Organization, World Health"): said (see [`builder::institution_doubts`]).
    // Each at its own line (the first name line was named for all of them).
    for (t, a, n, c) in &raw.fields {
        if ["AU", "AF", "A1", "ED", "A2", "A4"].contains(t) {
            let names = people(a);
            let at = Pos::new(*n, *c);
            builder::institution_doubts(&mut d, t, &names, at, uninverted);
            builder::name_doubts(&mut d, t, &names, at, names::field_name_doubt);
        }
    }
    // A season in a date tag (`DA  - 2019///Winter`, `PY  - 2019///Spring`).
    d.season = all(&["DA", "PY", "Y1"])
        .into_iter()
        .filter(|(_, n, c)| !no_season_at.contains(&Pos::new(*n, *c)))
        .find(|(v, _, _)| builder::season_of(v).is_some())
        .map(|(v, n, c)| Val::new(v, Pos::new(n, c)));
    // The journal's abbreviation (`J2`, older `JA`), which Vancouver cites.
    // Web of Science's `JI` is the ISO source abbreviation, as `J2` is.
    d.container_short = text(&["J2", "JA", "JI"]);
    // `GEN` (generic) or no `TY` line states no type: typed by what the
    // record holds, and said (tester r73 F3).
    let at_ty = Pos::new(raw.line, 1);
    d.kind = match raw.ty.map(|t| t.trim().to_ascii_uppercase()) {
        None => KindSrc::Generic { said: "record has no `TY  - ` line", at: at_ty, say_other: true },
        Some(t) if t == "GEN" => KindSrc::Generic { said: "RIS type \"GEN\" (generic)", at: at_ty, say_other: false },
        Some(_) => KindSrc::Mapped(raw.ty.map_or("other", ris_kind)),
    };
    if let Some(ty) = raw.ty {
        builder::unknown_type(&mut d, at_ty, "RIS type", ty, RIS_TYPES);
    }
    // A book's `T2` is its series (EndNote writes a Book's and an Edited
    // Book's Series Title there), and so is a report's (Zotero's RIS
    // translator: `T2` is a report's `seriesTitle`, as a book's `series`);
    // `T3` is the series of every type (a chapter's book's, a
    // proceedings'): never the container.
    let book = matches!(raw.ty.map_or("other", ris_kind), "book");
    let series_in_t2 = book || matches!(raw.ty.map_or("other", ris_kind), "report");
    d.series = if series_in_t2 { text(&["T3", "T2"]) } else { text(&["T3"]) };
    if d.series.is_none() {
        d.series = a2_series_title;
    }
    // A thesis's `T2` is its academic department (the RIS specification's
    // THES; EndNote writes its Thesis's "Academic Department" there): no
    // container, for a thesis is part of none; named as not stored (tester
    // r97 F3: stored as the container, and `SP` then read as a page range).
    let thesis = raw.ty.map_or("other", ris_kind) == "thesis";
    d.container = if series_in_t2 || thesis {
        text(&["JF", "JO", "C3", "JA", "J2"])
    } else {
        text(&["T2", "JF", "JO", "BT", "C3", "JA", "J2"])
    };
    // (A container of the record's own title is kept: a title chapter is in
    // the book of its name, tester83 F2: the book was dropped unsaid.)
    // `JO` beside another journal name (EndNote and Mendeley write the
    // abbreviation there, "N Engl J Med" beside `T2`): the abbreviation when
    // no other tag gives one (tester r43 F7: named as not stored).
    if d.container_short.is_none()
        && let (Some(jo), Some(c)) = (text(&["JO"]), d.container.clone())
        && jo.trim() != c.trim()
        && jo.trim().chars().count() < c.trim().chars().count()
    {
        d.container_short = Some(jo);
    }
    if let Some(v) = val(&["J2", "JA", "JI"]) {
        builder::container_names_swapped(&mut d, v.at);
    }
    // Each number said at its own tag's line (tester r63 F8: at the record's).
    d.volume = text(&["VL"]);
    d.volume_at = val(&["VL"]).map(|v| v.at);
    if d.issue.is_none() {
        d.issue = text(&["IS", "CP"]);
        d.issue_at = val(&["IS", "CP"]).map(|v| v.at);
    }
    // Zotero writes a book's number of pages (`numPages`) in `SP`, and
    // EndNote its "Number of Pages" of a book, report or thesis ("SP  -
    // 120"): a plain count alone in a whole work's `SP`, with no `EP`, is
    // that, not a locator (branch 12e: the work's number of pages).
    // A statute's or a gazette's report's `SP` is its page there (tester r96 F1).
    let whole_work = matches!(raw.ty.map_or("other", ris_kind), "book" | "report" | "thesis")
        && !builder::pages_within(
            raw.ty.map_or("other", ris_kind),
            raw.ty.and_then(builder::genre_of_type_name).or(d.genre.as_deref()),
            d.container.as_deref(),
        );
    let page_count =
        whole_work && text(&["EP"]).is_none() && text(&["SP"]).is_some_and(|sp| builder::is_page_count(&sp));
    if page_count {
        d.page_count = text(&["SP"]);
    }
    // An `EP` may be the whole range ("874-882" beside `SP  - 874`).
    d.pages =
        crate::import::pages_from_ends(text(&["SP"]).filter(|_| !page_count).as_deref(), text(&["EP"]).as_deref());
    d.pages_at = val(&["SP"]).filter(|_| !page_count).or_else(|| val(&["EP"])).map(|v| v.at);
    // `C7` of a journal article or a conference paper is its article number
    // (the RIS specification's "Article Number" for JOUR, CONF and CPAPER;
    // Scopus and EndNote write it there, IEEE's papers have one): kept as
    // the work's locator when it has no pages (tester r17, F25).
    let article = matches!(raw.ty.map_or("other", ris_kind), "article" | "conference-paper");
    if article {
        d.article_number("C7", val(&["C7"]));
    }
    d.publisher = text(&["PB"]);
    if let Some(c) = court.filter(|c| !c.trim().is_empty()) {
        match d.publisher.as_deref() {
            None => d.publisher = Some(c),
            Some(p) if p.trim() == c.trim() => {}
            Some(_) => d.not_stored_as("RIS A2 (a legal case's court; its PB is kept as the publisher)".into()),
        }
    }
    // MEDLINE's RIS (Ovid's, PubMed's through EndNote) writes a journal
    // article's `CY` from MEDLINE `PL`, the journal's country ("England",
    // "United States"): no place of the article's publication, named as not
    // stored as the PubMed import names `PL` (tester r103 F4: stored as the
    // place and merged into the same article from other sources).
    let medline = all(&["DB", "DP"]).iter().any(|(v, _, _)| {
        let v = v.to_ascii_lowercase();
        v.contains("pubmed") || v.contains("medline") || v.contains("ovid") || v.contains("nlm")
    });
    let journal_country = medline
        && matches!(raw.ty.map_or("other", ris_kind), "article" | "newspaper-article" | "magazine-article")
        && text(&["CY"]).is_some();
    if journal_country {
        d.not_stored_as("RIS CY (MEDLINE PL, the journal's country: an article has no place of publication)".into());
    }
    d.place = if journal_country { text(&["PP"]) } else { text(&["CY", "PP"]) };
    conference_event(&mut d, raw.ty, &text);
    // A journal article has no edition: EndNote's RIS writes its "Epub
    // Date" in `ET` ("2020/06/18", as its XML's `edition` of a Journal
    // Article): named, never printed as an edition (tester r30, F2).
    let periodical = matches!(raw.ty.map_or("other", ris_kind), "article" | "newspaper-article" | "magazine-article");
    d.edition = text(&["ET"]).filter(|_| !periodical);
    // EndNote's "Epub Date" holding "Epub ahead of print" (as it copies
    // PubMed's source line) says the article is ahead of print.
    let ahead =
        |e: &String| matches!(builder::read_date(e), Some(builder::Dated::NotYet(n)) if n == super::AHEAD_OF_PRINT);
    if periodical && let Some(v) = val(&["ET"]).filter(|v| ahead(&v.text)) {
        d.pub_state.get_or_insert(v);
    } else if periodical && text(&["ET"]).is_some() {
        d.not_stored_as(
            "RIS ET (a journal article's Epub Date, as EndNote writes it; an article has no edition)".into(),
        );
    }
    // Several addresses on one line are each an address; a value with a
    // space that is not a list of addresses ("…/my file.pdf") is kept whole
    // (tester r24, F3: it was cut at the space, silently). A value that is
    // no address at all (an `L2` file name) is not taken for one.
    // A `UR` host and path without its scheme ("nhsrho.org/research/…") is
    // an address, which the builder stores with "https://" and says so, as
    // a CSV's (tester r51 F3: dropped, "no field for them"); an `L2` file
    // name ("report.pdf") is none.
    let url = all(&["UR", "L2"])
        .iter()
        .flat_map(|(u, n, c)| line_urls(u).into_iter().map(move |x| (x, Pos::new(*n, *c))))
        .find(|(u, at)| {
            looks_like_address(u)
                || (raw.fields.iter().any(|(tag, _, n, _)| *tag == "UR" && *n == at.line)
                    && u.contains('/')
                    && builder::looks_like_host_path(u.trim()))
        });
    d.url_at = url.map(|(_, at)| at);
    d.url = url.map(|(u, _)| u.to_string());
    // Each `LA` is a language of the work (an article published in two):
    // all are kept, as a list (tester r24, F2: the second was dropped).
    d.language =
        Some(all(&["LA"]).iter().map(|(l, _, _)| l.trim()).collect::<Vec<_>>().join("; ")).filter(|l| !l.is_empty());
    // A language canon does not know is warned about at its own line.
    d.language_at = val(&["LA"]).map(|v| v.at);
    for (kw, n, c) in all(&["KW"]) {
        // One KW line may hold several keywords separated by `;` or `,`
        // (HTML's character references decoded first: their `;` is none).
        let kw = super::html_entities(kw);
        d.keywords.extend(split_cell(&kw).map(|k| Val::new(k, Pos::new(n, c))));
    }
    // `N1` is the record's note (RIS spec: "Notes"), read as every format's
    // note field is (BibTeX `note`, CSL `note`, EndNote `notes`): Zotero's
    // Extra lines ("PMID: …", "DOI: …") go to their fields, the lines
    // Scopus and Web of Science write there ("Export Date: …", "Cited By:
    // …") are named as not stored, and the rest is the annotation (a
    // Zotero note's HTML as text).
    // `RN` is EndNote's Research Notes (its RIS export writes them there):
    // the annotation, as EndNote XML's `research-notes` is (tester r67 F4),
    // the general note (`N1`) read beside it.
    let research: Vec<(&str, u64, u64)> = all(&["RN"]);
    if !research.is_empty() {
        let text = research.iter().map(|(v, _, _)| builder::html_note_text(v)).collect::<Vec<_>>().join("\n");
        d.annotation = Some(text).filter(|t| !t.trim().is_empty());
    }
    let notes: Vec<(&str, u64, u64)> = all(&["N1"]);
    if let Some((_, n, c)) = notes.first() {
        let text = notes.iter().map(|(v, _, _)| builder::html_note_text(v)).collect::<Vec<_>>().join("\n");
        d.extra = Some(Val::new(text, Pos::new(*n, *c)));
    }
    // Tags of which one is read in turn (`TI` or `T1`, `IS` or `CP`, the
    // container's five names, every `UR` line…): a value of one that the
    // record does not keep anywhere (another title, a second URL) is named as
    // not stored, never dropped because its neighbour was read.
    let kept: Vec<String> = [
        d.title.as_ref().map(|v| v.text.clone()),
        d.date.as_ref().map(|v| v.text.clone()),
        date_as_written,
        d.month.as_ref().map(|v| v.text.clone()),
        d.container.clone(),
        d.container_short.clone(),
        d.series.clone(),
        d.volume.clone(),
        d.issue.clone(),
        d.publisher.clone(),
        d.place.clone(),
        d.edition.clone(),
        d.url.clone(),
        d.event.clone(),
        d.event_place.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|v| v.trim().to_string())
    .collect();
    let unread: Vec<String> = ALTERNATIVES
        .iter()
        // (A journal's country is named above with what it is.)
        .filter(|t| !(journal_country && **t == "CY"))
        .filter(|t| {
            raw.fields.iter().any(|(tag, v, _, _)| {
                tag == *t && !v.trim().is_empty() && {
                    if *tag == "UR" || *tag == "L2" {
                        line_urls(v).iter().any(|u| !kept.iter().any(|k| k == u))
                    } else {
                        !kept.iter().any(|k| k == v.trim())
                    }
                }
            })
        })
        .map(|t| t.to_string())
        .collect();
    // A tag that holds one value, given twice with another value: the
    // first is read, the other named (tester r24, F2: a second DOI, volume,
    // page or publisher was dropped silently; MEDLINE and EndNote XML named
    // theirs).
    // Likewise every other tag read as one value (tester r86 F1: a second
    // `SV`, `DA`, `Y2`, `NV`… was dropped unsaid).
    for tag in ["VL", "SP", "EP", "PB", "ET", "DO", "SV", "M1", "M3", "DA", "Y2", "NV", "C7", "OP", "TT"] {
        let values = all(&[tag]);
        let Some((first_value, _, _)) = values.first() else { continue };
        let same = |v: &str| {
            if tag == "DO" { crate::import::same_doi(v, first_value) } else { v.trim() == first_value.trim() }
        };
        if values.iter().any(|(v, _, _)| !same(v)) {
            d.not_stored_as(format!("RIS {tag} (a second value)"));
        }
    }
    // `NV` is the number of volumes of a multivolume work (RIS
    // specification, 2011; Zotero's `numberOfVolumes`): schema 0033 (tester
    // r71 F12: named as not stored).
    d.number_of_volumes = val(&["NV"]);
    // `AV` is the item's place in an archive ("Location in Archives", RIS
    // specification, 2011; Mendeley and EndNote write it): the archive
    // location as written, "LSHTM Archives, Ross/01/02" too, as no exporter
    // marks where an archive's name ends and its shelfmark begins (schema
    // 0039; tester r96 F3: named as not stored).
    d.archive_location = val(&["AV"]).map(|v| v.text);
    // `DB`, "Name of Database", is where Zotero's RIS writes an item's
    // archive (and Scopus, PubMed… their own names): the archive when the
    // record gives a place in it (`AV`, or a `CN` below). `CN`, the call
    // number, is a library's shelf mark (named as not stored) except beside
    // such an archive with no `AV`: there it is the archive's shelf mark
    // ("CO 209/16"), the archive location.
    let archive = text(&["DB"]).filter(|db| !is_bibliographic_database(db));
    let call_number = text(&["CN"]);
    let cn_read = archive.is_some() && d.archive_location.is_none() && call_number.is_some();
    if cn_read {
        d.archive_location = call_number;
    }
    let db_read = archive.is_some() && d.archive_location.is_some();
    if db_read {
        d.archive = archive;
    }
    // A book's or report's `VL` beside its series (`T3`, a book's `T2`) is
    // its number in the series, as BibTeX's `volume` beside `series` is
    // ([`Draft::volume_numbers_series`]; r83): a catalogue's "WHO technical
    // report series; 1045", "California series in public anthropology; 26".
    // A chapter's or a conference paper's `VL` beside `T3` is its book's
    // number in the series, kept as the book's own record keeps it (r85
    // F5, F7: the paper and its proceedings gave the number two meanings).
    let sv_read = numbers_in_series(&mut d, raw, case);
    d.volume_numbers_series(raw.ty.map_or("other", ris_kind));
    // `TT`, the title in translation (RIS specification, 2011): kept as
    // MEDLINE's translated titles are ([`Draft::take_translated_title`]);
    // one that repeats `TI` loses nothing (it was named as not stored).
    let tt_read = val(&["TT"]).is_some_and(|tt| {
        d.take_translated_title(&tt) || d.title.as_ref().is_some_and(|t| t.text.trim() == tt.text.trim())
    });
    // `AN` is read when it is the PMID (else named as not stored).
    let read: Vec<&str> = RIS_READ
        .iter()
        .copied()
        .filter(|t| !unread.iter().any(|u| u == t))
        .chain(d.pmid.as_ref().filter(|p| !c2_pmid.as_ref().is_some_and(|c| c.at == p.at)).map(|_| "AN"))
        // `C2`: read when it is the record's PMID (a PMCID, or a PMID other
        // than `AN`'s, is named as not stored).
        .chain(
            c2_pmid.as_ref().filter(|c| d.pmid.as_ref().is_some_and(|p| p.text.trim() == c.text.trim())).map(|_| "C2"),
        )
        .chain(c2_pmcid.as_ref().map(|_| "C2"))
        // `N1`: read as the note; `RN`: the annotation; `NV`: the number of
        // volumes; `AV`: the archive location.
        .chain(["N1", "RN", "NV", "AV"])
        .chain(cn_read.then_some("CN"))
        .chain(db_read.then_some("DB"))
        .chain(a2_series.then_some("A2"))
        // (`AF` not read is named above with why.)
        .chain(["AF"])
        .chain(tt_read.then_some("TT"))
        .chain(a4_translators.then_some("A4"))
        .chain(a3_editors.then_some("A3"))
        .chain(article.then_some("C7"))
        .chain(m3.is_some().then_some("M3"))
        .chain(labelled_read)
        .chain(m1_number.then_some("M1"))
        .chain(sv_read)
        .collect();
    let department = thesis && first(&["T2"]).is_some();
    if department {
        d.not_stored_as("RIS T2 (a thesis's academic department)".to_string());
    }
    let read: Vec<&str> = read.into_iter().chain(department.then_some("T2")).collect();
    d.not_stored("RIS", raw.fields.iter().filter(|f| !f.1.is_empty()).map(|f| f.0), &read);
    super::title_text::read_bibtex_braces(&mut d, "RIS");
    d
}

/// The PMID EBSCO and Ovid write as "PMID: 33387821." in a user field
/// (`U1`–`U5`: EBSCO's `U2`) or `M2` (tester r103 F3: dropped, only named as
/// not stored): the record's PMID when it has none, the same PMID read
/// again, or one that differs said and named as not stored, as is a
/// "PMID:" that holds no PubMed ID. Returns the tags read.
fn labelled_pmids(d: &mut Draft, fields: &[(&str, u64, u64)], raw: &Raw) -> Vec<&'static str> {
    let mut read = Vec::new();
    let p = d.prefix();
    for (v, n, c) in fields {
        let t = v.trim();
        if !t.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("pmid")) {
            continue;
        }
        let Some(tag) = raw
            .fields
            .iter()
            .find(|f| f.2 == *n && f.3 == *c)
            .and_then(|f| ["U1", "U2", "U3", "U4", "U5", "M2"].into_iter().find(|t| *t == f.0))
        else {
            continue;
        };
        let Some(id) = super::normalise_pmid(t) else {
            d.warnings.push(RowError::new(
                *n,
                *c,
                format!("{p}{tag} {t:?} is not a PubMed ID (digits only, as 31234567); not read as the PMID"),
            ));
            continue;
        };
        match d.pmid.as_ref().filter(|o| !o.text.trim().is_empty()) {
            None => {
                d.pmid = Some(Val::new(id, Pos::new(*n, *c)));
                read.push(tag);
            }
            Some(o) if super::normalise_pmid(&o.text).as_deref() == Some(id.as_str()) => read.push(tag),
            Some(o) => d.warnings.push(RowError::new(
                *n,
                *c,
                format!(
                    "{p}{tag} has PMID {id} and the record's PMID is {:?}; kept the record's, {tag} not stored",
                    o.text.trim()
                ),
            )),
        }
    }
    read
}

/// `SV`, "Series Volume" (EndNote writes it; Zotero's RIS translator reads
/// it as a chapter's `seriesNumber` and a legal case's `docketNumber`), and
/// a book's `M1` (Zotero's RIS translator writes a book's `seriesNumber`
/// there): a work's number in its series, kept as every format keeps that
/// number ([`builder::numbers_kept`]: a book's, a chapter's or a paper's in
/// the issue, a report's or an article's apart), so that a `VL` beside it
/// stays the volume; a case's `SV` is its docket number, kept where a case's
/// number is (the issue, as CSL `number` of a `legal_case`). One with no
/// series to number, or beside another number in its place, is named (tester
/// r86 F1: `SV` was named as having no field). Returns the tags read.
fn numbers_in_series(d: &mut Draft, raw: &Raw, case: bool) -> Vec<&'static str> {
    let given = |tag: &str| {
        raw.fields
            .iter()
            .find(|(t, v, _, _)| *t == tag && !v.trim().is_empty())
            .map(|(_, v, n, c)| Val::new(v.trim(), Pos::new(*n, *c)))
    };
    let sv = given("SV");
    if case {
        let Some(v) = sv else { return Vec::new() };
        match d.issue.as_deref().map(str::trim) {
            None => {
                d.issue = Some(v.text.clone());
                d.issue_at = Some(v.at);
            }
            Some(i) if i == v.text => {}
            Some(i) => {
                d.not_stored_as(format!("RIS SV (a legal case's docket number; its number {i:?} is kept)"));
            }
        }
        return vec!["SV"];
    }
    let kind = raw.ty.map_or("other", ris_kind);
    // (A report's `M1` is its own number, read above.)
    let m1 = given("M1").filter(|_| kind == "book");
    let in_series = d.series.as_deref().is_some_and(|s| !s.trim().is_empty());
    let mut read = Vec::new();
    for (tag, v) in [("SV", sv), ("M1", m1)] {
        let Some(v) = v else { continue };
        // (A book's `M1` with no series is not known to be its number in one:
        // named with the tags canon has no field for.)
        if tag == "M1" && !in_series {
            continue;
        }
        let n = v.text.trim().to_string();
        match d.series_number.as_deref() {
            _ if !in_series => d.not_stored_as(format!("RIS {tag} (a number in a series; the record names no series)")),
            None => {
                if d.issue.is_none() {
                    d.issue_at = Some(v.at);
                }
                d.series_number = Some(n);
            }
            Some(s) if s == n => {}
            Some(s) => d.not_stored_as(format!("RIS {tag} (a second number in the series; {s:?} is kept)")),
        }
        read.push(tag);
    }
    read
}

/// Whether two names have the same family name, case, accents and
/// punctuation aside ("VYAS, DA" and "Vyas, Darshali A.").
fn same_family(a: &names::Name, b: &names::Name) -> bool {
    let key = |n: &names::Name| {
        let f = n.family.as_deref().or(n.literal.as_deref()).unwrap_or_default();
        crate::import::fold(f).chars().filter(|c| c.is_alphanumeric()).collect::<String>()
    };
    let k = key(a);
    !k.is_empty() && k == key(b)
}

/// How a format without braces writes an institution: whole, not
/// inverted ("Organization, World Health" as "World Health Organization"),
/// which canon reads as one name.
pub(crate) fn uninverted(n: &str) -> String {
    let whole = match n.split_once(',') {
        Some((family, given)) => format!("{} {}", given.trim(), family.trim()),
        None => n.to_string(),
    };
    format!("write it whole, {whole:?}, not inverted")
}

/// The addresses on one `UR` or `L2` line: several separated by spaces or
/// semicolons when every part is an address, else the line whole (a path with a
/// space, or no address at all).
fn line_urls(v: &str) -> Vec<&str> {
    // Separated by spaces, or by "; " (tester r26, F5: the `;` stayed on the first).
    let parts: Vec<&str> =
        v.split(|c: char| c.is_whitespace() || c == ';').map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().all(|p| looks_like_address(p)) { parts } else { vec![v.trim()] }
}

/// Whether `v` is a web or file address: a scheme ("https://", "ftp://",
/// "file://", "doi:") or "www." at its start.
fn looks_like_address(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    l.starts_with("www.")
        || l.starts_with("doi:")
        || l.split_once("://").is_some_and(|(scheme, _)| {
            !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
}

/// Whether a `DB` ("Name of Database") names a bibliographic database or
/// catalogue (Scopus, PubMed, Web of Science…), not an archive. A list of
/// databases searched at once ("MEDLINE; CINAHL", "ERIC; Embase", as Ovid
/// and EBSCO write a multi-database search) is one when any of them is: a
/// search names no archive.
pub(crate) fn is_bibliographic_database(db: &str) -> bool {
    let parts: Vec<&str> = db.split([';', '|']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        return parts.iter().any(|p| one_bibliographic_database(p));
    }
    one_bibliographic_database(db)
}

fn one_bibliographic_database(db: &str) -> bool {
    let l = db.trim().to_lowercase();
    [
        "scopus",
        "pubmed",
        "medline",
        "web of science",
        "wos",
        "embase",
        "psycinfo",
        "cinahl",
        "jstor",
        "ebsco",
        "proquest",
        "google",
        "crossref",
        "europe pmc",
        "pmc",
        "nlm",
        "ovid",
        "datacite",
        "semantic scholar",
        "openalex",
        "dimensions",
        "worldcat",
        "library of congress",
        "catalog",
        "catalogue",
        "arxiv",
        "eric",
        "assia",
        "lilacs",
        "cab abstracts",
        "cochrane",
        "africa-wide",
    ]
    .iter()
    .any(|d| l == *d || l.starts_with(&format!("{d} ")) || l.contains(d) && d.len() > 5)
}

/// Whether a name given as a book's `A2` is a series' title, not a
/// person's or body's: "Lecture Notes in Computer Science", "WHO
/// technical report series", "Studies in Social Medicine".
fn names_a_series(a: &str) -> bool {
    let l = a.trim().trim_end_matches(['.', ';']).to_lowercase();
    !l.contains(',')
        && (l.ends_with(" series")
            || l.contains(" series ")
            || l.starts_with("lecture notes")
            || l.starts_with("studies in ")
            || l.starts_with("advances in ")
            || l.starts_with("progress in ")
            || l.starts_with("methods in ")
            || l.starts_with("topics in ")
            || l.starts_with("texts in ")
            || l.contains(" monographs")
            || l.starts_with("monographs "))
}

/// The RIS tags of which one is read in turn (a title, the year, the
/// container's names, the series, the issue, the place, the URL): a value
/// the record does not keep is named as not stored.
const ALTERNATIVES: &[&str] = &[
    "TI", "T1", "CT", "BT", "PY", "Y1", "T2", "JF", "JO", "C3", "JA", "J2", "JI", "T3", "IS", "CP", "CY", "PP", "UR",
    "L2",
];

/// The RIS tags [`draft`] reads (`TY` starts a record, `ER` ends it; `ID`
/// is the exporter's own record number).
const RIS_READ: &[&str] = &[
    "TY", "ER", "TI", "T1", "CT", "BT", "PY", "Y1", "DA", "DO", "SN", "AU", "A1", "A2", "ED", "T2", "JF", "JO", "C3",
    "T3", "JA", "J2", "JI", "VL", "IS", "CP", "SP", "EP", "PB", "CY", "PP", "ET", "UR", "L2", "LA", "KW", "Y2", "OP",
];

/// A RIS date's fourth part, free "other information" by the RIS
/// specification ("YYYY/MM/DD/other info": "2019/04/02/Epub", "2019///Spring
/// issue"), that canon cannot read: cut from `v` and named once in a warning
/// (tester r56 F4: the whole file was refused). A season in it is the date's
/// season, unless the date has a month: then no season is read from the tag
/// (its position is put in `no_season_at`; tester r77 F10: "the month is
/// kept" beside "the month ... not stored"). Returns the date as written
/// when it was cut.
fn other_info(d: &mut Draft, v: &mut Val, no_season_at: &mut Vec<Pos>) -> Option<String> {
    let (kept, rest) = builder::date_before_other_info(&v.text, true)?;
    let season = builder::season_of(&rest);
    let month = super::dates::month_day(&kept).0;
    let what = match (season, month) {
        (Some(s), None) => {
            let words: Vec<&str> = rest.split_whitespace().filter(|w| builder::season_of(w).is_none()).collect();
            format!(
                "kept {kept:?} and the season {s:?}; the rest of the other information, {:?}, is not a month, day, \
                 season or publication state canon reads, not stored",
                words.join(" ")
            )
        }
        (Some(_), Some(m)) => {
            no_season_at.push(v.at);
            format!(
                "kept {kept:?}; the other information {rest:?} is not stored (its season is not kept: the date has \
                 a month, {}, and a date has a month or a season)",
                super::dates::MONTHS[(m - 1).clamp(0, 11) as usize]
            )
        }
        (None, _) => format!(
            "kept {kept:?}; the other information {rest:?} is not a month, day, season or publication state canon \
             reads, not stored"
        ),
    };
    d.warnings.push(RowError::new(
        v.at.line,
        v.at.column,
        format!("in {}: date {:?}: {what}", d.label.as_deref().unwrap_or("the record"), v.text.trim()),
    ));
    Some(std::mem::replace(&mut v.text, kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builder::tests::TestThemes;

    fn parse_str(s: &str) -> Parsed {
        parse("t.ris", s, &TestThemes)
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
        assert_eq!(
            a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(),
            ["Williams, David R.", "Lawrence, Jourdyn A."]
        );
        assert_eq!(a.container.as_deref(), Some("Annual Review"));
        assert_eq!(a.year, Some(2019));
        assert_eq!(a.doi.as_deref(), Some("10.1146/ANNUREV"));
        assert_eq!(a.isbn, None);
        // N1 is the record's note, kept as the annotation (lead's decision, issue 12d).
        assert_eq!(a.annotation.as_deref(), Some("a Zotero note"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.themes.len(), 1);
        assert_eq!(a.kind, "article");
        let b = &p.records[1];
        assert_eq!((b.line, b.kind.as_str(), b.year), (17, "book", Some(1952)));
        assert_eq!(b.isbn.as_deref(), Some("9780385509930"));
        assert_eq!((b.container.as_deref(), b.publisher.as_deref()), (None, Some("Pluto")));
    }

    #[test]
    fn missing_er_is_reported_at_the_ty_line() {
        // (The chapter names its book: a chapter with neither book nor year is invalid.)
        let p =
            parse_str("TY  - JOUR\nTI  - One\n\nTY  - CHAP\nTI  - Two\nT2  - Book\nER  - \nTY  - RPRT\nTI  - Three\n");
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[0].title, "Two");
        assert_eq!(p.records[0].kind, "chapter");
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (1, 1));
        assert!(p.errors[0].message.contains("line 4"));
        // The last record without its `ER`: the end of the file ends it,
        // said (tester r55 F8: the whole file was refused).
        assert_eq!(p.records[1].title, "Three");
        let w = p.records[1].warnings.iter().find(|w| w.line == 8).expect("said at its TY line");
        assert!(w.message.contains("read to the end of the file"), "{w:?}");
    }

    #[test]
    fn bad_values_are_errors_at_their_line() {
        let p =
            parse_str("TY  - ELEC\nTI  - Site\nPY  - someday\nDO  - not-a-doi\nER  - \nTY  - GEN\nAU  - X\nER  - \n");
        assert!(p.records.is_empty());
        assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (3, 7));
        assert!(p.errors[0].message.contains("\"someday\""));
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
        assert_eq!(
            first.language.as_deref(),
            Some("en"),
            "LA English, as a code (issue 16's language rule, in the builder)"
        );
        assert!(p.records.iter().all(|r| r.isbn.is_none()));
        // Zotero's notes (N1, HTML) are the annotation, as text (issue 12d).
        let noted: Vec<&str> = p.records.iter().filter_map(|r| r.annotation.as_deref()).collect();
        assert!(
            noted.iter().any(|a| a.starts_with("2025 International Conference on Intelligent Computing")),
            "{noted:?}"
        );
        assert!(noted.iter().all(|a| !a.contains("<p>") && !a.contains("</p>")), "{noted:?}");
        assert_eq!(p.records.iter().filter(|r| r.doi.is_none()).count(), 2);
    }
}
