//! What a workbook says about a sheet that calamine does not pass on, read
//! from the workbook's own XML parts: hidden rows and columns (`.xlsx`,
//! `.ods`); for OpenDocument, merged blocks, error cells (LibreOffice saves
//! `#DIV/0!` as a string with `calcext:value-type="error"`) and the text a
//! number is shown as (`50%`, `007`); and, when calamine cannot read a
//! sheet, where the damage is (a missing part, a cell naming a shared string
//! the workbook does not have).
//!
//! Everything here is best effort: a part that cannot be read gives no
//! facts, and calamine's own error still refuses a damaged sheet.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};

/// The most cells whose shown text or error is kept (a row repeated a
/// million times must not fill memory).
const MAX_CELLS: usize = 1_000_000;

/// Facts about one sheet; positions are 0-based (row, column), as calamine's.
#[derive(Debug, Default)]
pub struct SheetFacts {
    /// Hidden rows, as inclusive ranges.
    pub hidden_rows: Vec<(u32, u32)>,
    /// Hidden columns, as inclusive ranges.
    pub hidden_columns: Vec<(u32, u32)>,
    /// Merged blocks (OpenDocument only: calamine reads covered cells as empty).
    pub merged: Vec<Dimensions>,
    /// Cells that hold a spreadsheet error, with its text (`#DIV/0!`).
    pub errors: HashMap<(u32, u32), String>,
    /// Number cells with the text they are shown as.
    pub shown: HashMap<(u32, u32), String>,
    /// Formula cells saved without a result (`.ods`: no `office:value-type`;
    /// `.xlsx`: no `<v>`).
    pub unsaved: HashSet<(u32, u32)>,
    /// The formulas of those cells (`.xlsx`), as written (no `=`).
    pub formulas: HashMap<(u32, u32), String>,
    /// Why the part is not a whole document, if it is not.
    pub damage: Option<String>,
    /// Text cells whose text calamine reads otherwise than the spreadsheet
    /// shows it, with the text shown: `.xlsx` rich-text runs whose edge
    /// spaces calamine trims ("Genetics " + "and race"), `.ods` paragraphs
    /// whose white space the OpenDocument rules collapse.
    pub texts: HashMap<(u32, u32), String>,
}

impl SheetFacts {
    /// Whether row `r` is hidden.
    pub fn row_hidden(&self, r: u32) -> bool {
        self.hidden_rows.iter().any(|&(a, b)| (a..=b).contains(&r))
    }

    /// Whether column `c` is hidden.
    pub fn column_hidden(&self, c: u32) -> bool {
        self.hidden_columns.iter().any(|&(a, b)| (a..=b).contains(&c))
    }
}

/// The value of the attribute whose local name is `key` (any prefix).
fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The value of the attribute named exactly `key` (with its prefix).
fn attr_q(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn truthy(v: Option<String>) -> bool {
    v.is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// Appends the character an entity or character reference stands for.
fn push_ref(out: &mut String, r: &quick_xml::events::BytesRef) {
    match r.resolve_char_ref() {
        Ok(Some(c)) => out.push(c),
        _ => out.push_str(match &**r {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => "",
        }),
    }
}

/// Office Open XML's escapes undone: `_x000D_` is the character U+000D
/// (ECMA-376 Part 1, §22.9.2.19 `ST_Xstring`), a character outside the
/// Basic Multilingual Plane is two escapes (a UTF-16 surrogate pair), and
/// `_x005F_` is the underscore that keeps a literal `_x000D_` from being read
/// as one. An unpaired surrogate is U+FFFD, as Excel shows it.
fn ooxml_unescape(s: &str) -> String {
    fn unit(s: &str, i: usize) -> Option<u16> {
        let e = s.get(i..i + 7)?;
        (e.starts_with("_x") && e.ends_with('_')).then(|| u16::from_str_radix(&e[2..6], 16).ok()).flatten()
    }
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let Some(u) = unit(s, i) else {
            let Some(c) = s[i..].chars().next() else { break };
            out.push(c);
            i += c.len_utf8();
            continue;
        };
        i += 7;
        match u {
            0xD800..=0xDBFF => match unit(s, i) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
                    i += 7;
                }
                _ => out.push(char::REPLACEMENT_CHARACTER),
            },
            u => out.push(char::from_u32(u.into()).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }
    out
}

/// A string item of an `.xlsx` file being read (a shared string's `<si>`, or
/// an inline string's `<is>`), kept two ways: as the spreadsheet shows it
/// (every `<t>` whole: the space that ends "Genetics " in one rich-text run
/// is shown before "and race" in the next), and as calamine 0.38 reads it
/// (a `<t>` without `xml:space="preserve"` trimmed of ASCII white space,
/// which runs "Geneticsand race" together). Phonetic guides (`<rPh>`) are
/// not part of the text.
#[derive(Default)]
struct StringItem {
    shown: String,
    calamine: String,
    run: String,
    preserve: bool,
    in_t: bool,
    phonetic: usize,
}

impl StringItem {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "rPh" if !empty => self.phonetic += 1,
            "t" if !empty && self.phonetic == 0 => {
                self.in_t = true;
                self.preserve = attr_q(e, "xml:space").as_deref() == Some("preserve");
                self.run.clear();
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "rPh" => self.phonetic = self.phonetic.saturating_sub(1),
            "t" if self.in_t => {
                self.in_t = false;
                self.shown.push_str(&ooxml_unescape(&self.run));
                let trimmed =
                    if self.preserve { self.run.as_str() } else { self.run.trim_matches([' ', '\t', '\r', '\n']) };
                self.calamine.push_str(&ooxml_unescape(trimmed));
            }
            _ => {}
        }
    }

    /// The text shown, when calamine reads it otherwise.
    fn differs(self) -> Option<String> {
        (self.shown != self.calamine).then_some(self.shown)
    }
}

/// The shared strings of an `.xlsx` workbook that calamine reads otherwise
/// than the spreadsheet shows them (see [`StringItem`]), by index, with the
/// text shown. Empty when the workbook has none or its parts cannot be followed.
pub fn xlsx_shown_strings(path: &Path) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let Some(mut zip) = File::open(path).ok().and_then(|f| zip::ZipArchive::new(f).ok()) else { return out };
    let Some(part) = xlsx_parts(&mut zip, "").and_then(|p| p.strings) else { return out };
    let Ok(Some(xml)) = entry(&mut zip, &part) else { return out };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut index = 0usize;
    let mut item: Option<StringItem> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => item = Some(StringItem::default()),
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => index += 1,
            Ok(Event::Start(e)) => {
                if let Some(i) = item.as_mut() {
                    i.start(&e, false);
                }
            }
            Ok(Event::Empty(e)) => {
                if let Some(i) = item.as_mut() {
                    i.start(&e, true);
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(i) = item.as_mut().filter(|i| i.in_t) {
                    i.run.push_str(&t.xml10_content());
                }
            }
            Ok(Event::CData(t)) => {
                if let Some(i) = item.as_mut().filter(|i| i.in_t) {
                    i.run.push_str(t.as_ref());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(i) = item.as_mut().filter(|i| i.in_t) {
                    push_ref(&mut i.run, &r);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "si" => {
                if let Some(shown) = item.take().and_then(StringItem::differs) {
                    out.insert(index, shown);
                }
                index += 1;
            }
            Ok(Event::End(e)) => {
                if let Some(i) = item.as_mut() {
                    i.end(e.local_name().as_ref());
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// A zip entry as text, by its exact name or, failing that, ignoring case.
fn entry(zip: &mut zip::ZipArchive<File>, name: &str) -> Result<Option<String>, String> {
    let found = if zip.index_for_name(name).is_some() {
        Some(name.to_string())
    } else {
        zip.file_names().filter_map(Result::ok).find(|n| n.eq_ignore_ascii_case(name)).map(|n| n.into_owned())
    };
    let Some(found) = found else { return Ok(None) };
    let mut text = String::new();
    zip.by_name(&found)
        .map_err(|e| e.to_string())?
        .read_to_string(&mut text)
        .map_err(|e| format!("its data is damaged ({e})"))?;
    Ok(Some(text))
}

/// `xl/worksheets/../x.xml` → `xl/x.xml`; a leading `/` is the package root.
fn resolve(base: &str, target: &str) -> String {
    let joined = if let Some(abs) = target.strip_prefix('/') { abs.to_string() } else { format!("{base}{target}") };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Relationship id → (target, type) of a `.rels` part.
fn relationships(xml: &str) -> HashMap<String, (String, String)> {
    let mut out = HashMap::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    out.insert(id, (target, attr(&e, "Type").unwrap_or_default()));
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// Where an Office Open XML sheet's data is: the part of the sheet named
/// `sheet` and the shared-strings part, if any.
struct XlsxParts {
    sheet: Option<String>,
    strings: Option<String>,
}

fn xlsx_parts(zip: &mut zip::ZipArchive<File>, sheet: &str) -> Option<XlsxParts> {
    let root = entry(zip, "_rels/.rels").ok().flatten().unwrap_or_default();
    let workbook = relationships(&root)
        .into_values()
        .find(|(_, t)| t.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_string(), |(target, _)| resolve("", &target));
    let base = workbook.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let file = workbook.rsplit('/').next().unwrap_or("workbook.xml");
    let rels = relationships(&entry(zip, &format!("{base}_rels/{file}.rels")).ok()??);
    let xml = entry(zip, &workbook).ok()??;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut id = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == "sheet" && attr(&e, "name").as_deref() == Some(sheet) =>
            {
                id = attr(&e, "id");
                break;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let sheet = id.and_then(|id| rels.get(&id)).map(|(t, _)| resolve(&base, t));
    let strings = rels.values().find(|(_, t)| t.ends_with("/sharedStrings")).map(|(t, _)| resolve(&base, t));
    Some(XlsxParts { sheet, strings })
}

/// `E12` → (11, 4), 0-based.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &r[letters.len()..];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.chars().fold(0u32, |n, c| n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1));
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// A cell (0-based) naming a shared string the workbook does not have, and the string's index.
type BadString = ((u32, u32), usize);

/// One pass over an `.xlsx` sheet part: hidden rows and columns, merged
/// blocks, formulas saved without a result (`<f>` and no `<v>`: openpyxl
/// and other writers that do not calculate), whether the part is a whole
/// document, and the first cell that names a shared string beyond the
/// `strings` the workbook has.
/// `shown` are the shared strings calamine reads otherwise than shown
/// ([`xlsx_shown_strings`]): a cell naming one, or holding such an inline
/// string, gets its text shown in [`SheetFacts::texts`].
fn scan_xlsx_sheet(
    xml: &str,
    strings: Option<usize>,
    shown: &HashMap<usize, String>,
) -> (SheetFacts, Option<BadString>) {
    let mut facts = SheetFacts::default();
    // An inline string (`<is>`) being read.
    let mut inline: Option<StringItem> = None;
    let mut bad = None;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut row, mut col): (Option<u32>, Option<u32>) = (None, None);
    // The cell being read: where, whether its strings are shared, its formula and whether it has a value.
    let mut cell: Option<((u32, u32), bool)> = None;
    let (mut formula, mut value, mut in_v, mut in_f) = (None::<String>, false, false, false);
    let mut string_result = false;
    let (mut depth, mut root) = (0usize, false);
    loop {
        let event = reader.read_event();
        let (e, empty) = match event {
            Ok(Event::Start(e)) => {
                depth += 1;
                root = true;
                (e, false)
            }
            Ok(Event::Empty(e)) => {
                root = true;
                (e, true)
            }
            Ok(Event::Text(t)) if inline.as_ref().is_some_and(|i| i.in_t) => {
                if let Some(i) = inline.as_mut() {
                    i.run.push_str(&t.xml10_content());
                }
                continue;
            }
            Ok(Event::GeneralRef(r)) if inline.as_ref().is_some_and(|i| i.in_t) => {
                if let Some(i) = inline.as_mut() {
                    push_ref(&mut i.run, &r);
                }
                continue;
            }
            Ok(Event::Text(t)) => {
                if in_v {
                    value |= !t.as_ref().trim().is_empty();
                    if let Some((at, true)) = cell
                        && !shown.is_empty()
                        && let Ok(i) = t.xml10_content().trim().parse::<usize>()
                        && let Some(text) = shown.get(&i)
                        && facts.texts.len() < MAX_CELLS
                    {
                        facts.texts.insert(at, text.clone());
                    }
                    if let (Some((at, true)), Some(n)) = (cell, strings)
                        && let Ok(i) = t.xml10_content().trim().parse::<usize>()
                        && i >= n
                        && bad.is_none()
                    {
                        bad = Some((at, i));
                    }
                } else if in_f && let Some(f) = formula.as_mut() {
                    f.push_str(&t.xml10_content());
                }
                continue;
            }
            Ok(Event::GeneralRef(r)) => {
                if in_f && let Some(f) = formula.as_mut() {
                    f.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
                value |= in_v;
                continue;
            }
            Ok(Event::End(e)) => {
                depth = depth.saturating_sub(1);
                if let Some(i) = inline.as_mut() {
                    i.end(e.local_name().as_ref());
                }
                match e.local_name().as_ref() {
                    "is" => {
                        if let (Some(text), Some((at, _))) = (inline.take().and_then(StringItem::differs), cell)
                            && facts.texts.len() < MAX_CELLS
                        {
                            facts.texts.insert(at, text);
                        }
                    }
                    "v" => in_v = false,
                    "f" => in_f = false,
                    "c" => {
                        if let (Some((at, _)), Some(f)) = (cell.take(), formula.take())
                            && !value
                        {
                            facts.unsaved.insert(at);
                            facts.formulas.insert(at, f);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) => {
                if !root || depth > 0 {
                    facts.damage = Some(format!(
                        "ends before {} close{} (cut short)",
                        if depth == 1 { "its last element".to_string() } else { format!("its last {depth} elements") },
                        if depth == 1 { "s" } else { "" }
                    ));
                }
                break;
            }
            Err(e) => {
                facts.damage = Some(format!("is cut short or malformed at byte {}: {e}", reader.error_position()));
                break;
            }
            _ => continue,
        };
        match e.local_name().as_ref() {
            "row" => {
                let r = attr(&e, "r").and_then(|r| r.parse::<u32>().ok()).and_then(|r| r.checked_sub(1));
                let r = r.unwrap_or_else(|| row.map_or(0, |p| p + 1));
                row = Some(r);
                col = None;
                if truthy(attr(&e, "hidden")) {
                    facts.hidden_rows.push((r, r));
                }
            }
            "col" => {
                let n = |k| attr(&e, k).and_then(|v| v.parse::<u32>().ok()).and_then(|v| v.checked_sub(1));
                if let (Some(a), Some(b), true) = (n("min"), n("max"), truthy(attr(&e, "hidden"))) {
                    facts.hidden_columns.push((a, b.min(16_383)));
                }
            }
            "c" => {
                let at = attr(&e, "r").and_then(|r| cell_ref(&r));
                let c = at.map_or_else(|| col.map_or(0, |p| p + 1), |(_, c)| c);
                col = Some(c);
                let r = at.map_or_else(|| row.unwrap_or(0), |(r, _)| r);
                let t = attr(&e, "t");
                cell = (!empty).then_some(((r, c), t.as_deref() == Some("s")));
                formula = None;
                // An inline string's value is its <is>.
                value = t.as_deref() == Some("inlineStr");
                string_result = t.as_deref() == Some("str");
            }
            "f" if cell.is_some() => {
                formula = Some(String::new());
                in_f = !empty;
            }
            "v" => {
                in_v = !empty;
                // `<v></v>` of a formula of type "str" is its saved result, the empty string.
                value |= string_result;
            }
            "is" => {
                value = true;
                inline = (!empty).then(StringItem::default);
            }
            _ if inline.is_some() => {
                if let Some(i) = inline.as_mut() {
                    i.start(&e, empty);
                }
            }
            "mergeCell" => {
                if let Some((a, b)) =
                    attr(&e, "ref").and_then(|r| r.split_once(':').map(|(a, b)| (cell_ref(a), cell_ref(b))))
                    && let (Some(a), Some(b)) = (a, b)
                {
                    facts.merged.push(Dimensions::new(a, b));
                }
            }
            _ => {}
        }
    }
    (facts, bad)
}

/// What the `.xlsx` sheet `sheet`'s own part says (hidden rows and columns,
/// merged blocks, formulas without a saved result), or why the part is
/// damaged: missing, not unpacked in full (a checksum is checked only at
/// the end of a part, which calamine may never read), or not a whole
/// document (a part cut after a row reads as if the sheet ended there).
/// `Ok` with no facts when the workbook's parts cannot be followed.
/// `shown`: the workbook's shared strings calamine reads otherwise than
/// shown ([`xlsx_shown_strings`]).
pub fn xlsx_facts(path: &Path, sheet: &str, shown: &HashMap<usize, String>) -> Result<SheetFacts, String> {
    let Some(mut zip) = File::open(path).ok().and_then(|f| zip::ZipArchive::new(f).ok()) else {
        return Ok(SheetFacts::default());
    };
    let Some(part) = xlsx_parts(&mut zip, sheet).and_then(|p| p.sheet) else { return Ok(SheetFacts::default()) };
    let xml = match entry(&mut zip, &part) {
        Ok(Some(x)) => x,
        Ok(None) => return Err(format!("the part that holds it ({part}) is missing from the file")),
        Err(e) => return Err(format!("the part that holds it ({part}) cannot be unpacked: {e}")),
    };
    let (facts, _) = scan_xlsx_sheet(&xml, None, shown);
    match facts.damage {
        Some(why) => Err(format!("its XML ({part}) {why}")),
        None => Ok(facts),
    }
}

/// Why calamine cannot read the `.xlsx` sheet `sheet`, in plain words, when
/// the parts tell: its part is missing or damaged, or a cell names a shared
/// string the workbook does not have (with that cell, 0-based).
pub fn xlsx_damage(path: &Path, sheet: &str) -> Option<(String, Option<(u32, u32)>)> {
    let mut zip = zip::ZipArchive::new(File::open(path).ok()?).ok()?;
    let parts = xlsx_parts(&mut zip, sheet)?;
    let Some(part) = parts.sheet else {
        return Some(("the workbook lists it but names no part that holds it".into(), None));
    };
    let xml = match entry(&mut zip, &part) {
        Ok(Some(x)) => x,
        Ok(None) => return Some((format!("the part that holds it ({part}) is missing from the file"), None)),
        Err(e) => return Some((format!("the part that holds it ({part}) cannot be unpacked: {e}"), None)),
    };
    let strings = match parts.strings.map(|p| entry(&mut zip, &p)) {
        Some(Ok(Some(s))) => {
            let mut reader = quick_xml::Reader::from_str(&s);
            let mut n = 0;
            loop {
                match reader.read_event() {
                    Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "si" => n += 1,
                    Ok(Event::Eof) | Err(_) => break,
                    _ => {}
                }
            }
            n
        }
        _ => 0,
    };
    let (facts, bad) = scan_xlsx_sheet(&xml, Some(strings), &HashMap::new());
    if let Some((at, i)) = bad {
        return Some((
            format!(
                "the cell names shared string {i}, but the workbook's string table has {strings} entr{}",
                if strings == 1 { "y" } else { "ies" }
            ),
            Some(at),
        ));
    }
    facts.damage.map(|why| (format!("its XML ({part}) {why}"), None))
}

/// Why an XML part is not a whole document: malformed, or ending before
/// its root element closes; `None` when it is whole.
fn incomplete(xml: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut root) = (0usize, false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                depth += 1;
                root = true;
            }
            Ok(Event::Empty(_)) => root = true,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) if root && depth == 0 => return None,
            Ok(Event::Eof) => {
                return Some(format!(
                    "ends before {} close{} (cut short)",
                    if depth == 1 { "its last element".to_string() } else { format!("its last {depth} elements") },
                    if depth == 1 { "s" } else { "" }
                ));
            }
            Err(e) => return Some(format!("is cut short or malformed at byte {}: {e}", reader.error_position())),
            _ => {}
        }
    }
}

/// Why an OpenDocument spreadsheet's `content.xml` is damaged: it cannot be
/// unpacked in full, is not well-formed, or ends before its root element
/// does (calamine reads a document cut after a row as if it ended there).
pub fn ods_damage(path: &Path) -> Option<String> {
    let mut zip = zip::ZipArchive::new(File::open(path).ok()?).ok()?;
    let xml = match entry(&mut zip, "content.xml") {
        Ok(Some(x)) => x,
        Ok(None) => return Some("its content.xml is missing".into()),
        Err(e) => return Some(format!("its content.xml cannot be unpacked: {e}")),
    };
    incomplete(&xml).map(|why| format!("its content.xml {why}"))
}

/// A cell being read in `content.xml`.
struct OdsCell {
    row: u32,
    col: u32,
    rows: u32,
    cols: u32,
    value_type: String,
    error: bool,
    formula: bool,
    text: String,
    paragraphs: usize,
    /// A string cell whose text is its paragraphs (no `office:string-value`).
    string: bool,
    /// The text by the OpenDocument white-space rules (ODF 1.2 Part 1,
    /// §6.1.2): a run of spaces, tabs and line ends in the XML is one space,
    /// and none at the start of a paragraph; `<text:s/>`, `<text:tab/>` and
    /// `<text:line-break/>` are the characters they name. calamine keeps the
    /// XML's white space as it is (the `text` above).
    shown: String,
    /// Whether the last character of `shown` came from collapsible white space, or a paragraph just began.
    collapse: bool,
}

impl OdsCell {
    fn push_text(&mut self, t: &str) {
        self.text.push_str(t);
        for ch in t.chars() {
            if matches!(ch, ' ' | '\t' | '\r' | '\n') {
                if !self.collapse {
                    self.shown.push(' ');
                    self.collapse = true;
                }
            } else {
                self.shown.push(ch);
                self.collapse = false;
            }
        }
    }

    /// A character from an element (`text:s`, a paragraph's line end…), never collapsed.
    fn push_kept(&mut self, t: &str, collapse_after: bool) {
        self.text.push_str(t);
        self.shown.push_str(t);
        self.collapse = collapse_after;
    }
}

/// Facts about the `.ods` sheet `sheet`: hidden rows and columns, merged
/// blocks (`table:number-rows-spanned` / `number-columns-spanned`), error
/// cells and the text number cells are shown as, rows and cells counted
/// with their `number-rows-repeated` / `number-columns-repeated`.
pub fn ods_facts(path: &Path, sheet: &str) -> Option<SheetFacts> {
    let mut zip = zip::ZipArchive::new(File::open(path).ok()?).ok()?;
    let xml = entry(&mut zip, "content.xml").ok()??;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let num = |e: &BytesStart, key: &str| attr_q(e, key).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).max(1);
    let (mut inside, mut depth, mut row, mut col, mut row_repeat, mut column) = (false, 0usize, 0u32, 0u32, 1u32, 0u32);
    let mut facts = SheetFacts::default();
    let mut cell: Option<OdsCell> = None;
    let mut annotation = 0usize;
    let mut kept = 0usize;
    loop {
        let (e, empty) = match reader.read_event().ok()? {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Text(t) if cell.is_some() && annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.push_text(&t.xml10_content());
                }
                continue;
            }
            Event::GeneralRef(r) if cell.is_some() && annotation == 0 => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(c), Some(ch)) = (cell.as_mut(), ch) {
                    // A character reference is the character, never collapsed.
                    c.push_kept(ch.encode_utf8(&mut [0; 4]), false);
                }
                continue;
            }
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if inside => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(facts);
                        }
                    }
                    "table:table-row" if inside && depth == 1 => row = row.saturating_add(row_repeat),
                    "office:annotation" if annotation > 0 => annotation -= 1,
                    "table:table-cell" if inside && depth == 1 => {
                        if let Some(c) = cell.take() {
                            keep(&mut facts, c, &mut kept);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Some(facts),
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                if inside {
                    depth += usize::from(!empty);
                } else if attr_q(&e, "table:name").as_deref() == Some(sheet) && !empty {
                    inside = true;
                    depth = 1;
                }
            }
            "table:table-column" if inside && depth == 1 => {
                let n = num(&e, "table:number-columns-repeated");
                if matches!(attr_q(&e, "table:visibility").as_deref(), Some("collapse" | "filter")) {
                    facts.hidden_columns.push((column, column.saturating_add(n - 1)));
                }
                column = column.saturating_add(n);
            }
            "table:table-row" if inside && depth == 1 => {
                col = 0;
                row_repeat = num(&e, "table:number-rows-repeated");
                if matches!(attr_q(&e, "table:visibility").as_deref(), Some("collapse" | "filter")) {
                    facts.hidden_rows.push((row, row.saturating_add(row_repeat - 1)));
                }
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if inside && depth == 1 => {
                let rows = num(&e, "table:number-rows-spanned");
                let cols = num(&e, "table:number-columns-spanned");
                let repeat = num(&e, "table:number-columns-repeated");
                let covered = e.name().as_ref() == "table:covered-table-cell";
                if (rows > 1 || cols > 1) && !covered {
                    facts.merged.push(Dimensions::new((row, col), (row + rows - 1, col + cols - 1)));
                }
                let formula = attr_q(&e, "table:formula").is_some();
                if formula && !covered && attr_q(&e, "office:value-type").is_none() {
                    for r in row..row.saturating_add(row_repeat) {
                        for k in col..col.saturating_add(repeat) {
                            if kept < MAX_CELLS {
                                kept += 1;
                                facts.unsaved.insert((r, k));
                            }
                        }
                    }
                }
                if !empty && !covered {
                    cell = Some(OdsCell {
                        row,
                        col,
                        rows: row_repeat,
                        cols: repeat,
                        value_type: attr_q(&e, "office:value-type").unwrap_or_default(),
                        error: attr_q(&e, "calcext:value-type").as_deref() == Some("error"),
                        formula,
                        text: String::new(),
                        paragraphs: 0,
                        string: attr_q(&e, "office:value-type").as_deref() == Some("string")
                            && attr_q(&e, "office:string-value").is_none(),
                        shown: String::new(),
                        collapse: true,
                    });
                }
                col = col.saturating_add(repeat);
            }
            "office:annotation" if cell.is_some() => annotation += usize::from(!empty),
            "text:p" | "text:h" if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    if c.paragraphs > 0 {
                        c.push_kept("\n", true);
                    }
                    c.collapse = true;
                    c.paragraphs += 1;
                }
            }
            "text:s" if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    let n = num(&e, "text:c").min(1000) as usize;
                    c.push_kept(&" ".repeat(n), false);
                }
            }
            "text:tab" if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.push_kept("\t", false);
                }
            }
            "text:line-break" if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.push_kept("\n", false);
                }
            }
            _ => {}
        }
    }
}

/// The spreadsheet errors a formula cell may show (Excel's and LibreOffice's `Err:NNN`).
pub fn is_error_text(s: &str) -> bool {
    const ERRORS: &[&str] = &["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"];
    let s = s.trim();
    ERRORS.iter().any(|e| s.eq_ignore_ascii_case(e))
        || s.strip_prefix("Err:").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Records a finished `.ods` cell: its error, or the text a number is shown as.
fn keep(facts: &mut SheetFacts, c: OdsCell, kept: &mut usize) {
    let error = c.error || (c.formula && is_error_text(&c.text));
    if !error && c.string && c.shown != c.text {
        for r in c.row..c.row.saturating_add(c.rows) {
            for k in c.col..c.col.saturating_add(c.cols) {
                if *kept >= MAX_CELLS {
                    return;
                }
                *kept += 1;
                facts.texts.insert((r, k), c.shown.clone());
            }
        }
        return;
    }
    let shown = matches!(c.value_type.as_str(), "float" | "percentage" | "currency") && !c.text.trim().is_empty();
    if !error && !shown {
        return;
    }
    for r in c.row..c.row.saturating_add(c.rows) {
        for k in c.col..c.col.saturating_add(c.cols) {
            if *kept >= MAX_CELLS {
                return;
            }
            *kept += 1;
            if error {
                facts.errors.insert((r, k), c.text.trim().to_string());
            } else {
                facts.shown.insert((r, k), c.text.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_cells() {
        assert_eq!(resolve("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/", "../xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("E12"), Some((11, 4)));
        assert_eq!(cell_ref("AA3"), Some((2, 26)));
        assert_eq!(cell_ref("3"), None);
    }

    #[test]
    fn hidden_rows_and_bad_string_indices() {
        let xml = r#"<worksheet xmlns="m"><cols><col min="8" max="8" hidden="1"/></cols><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="3" hidden="1"><c t="s"><v>0</v></c><c t="s"><v>7</v></c></row>
            <row><c r="C4"><v>1</v></c></row></sheetData></worksheet>"#;
        let (facts, bad) = scan_xlsx_sheet(xml, Some(1), &HashMap::new());
        assert_eq!(facts.hidden_rows, vec![(2, 2)]);
        assert!(facts.row_hidden(2) && !facts.row_hidden(3));
        assert!(facts.column_hidden(7));
        assert_eq!(bad, Some(((2, 1), 7)), "the second cell of row 3 (no r attributes) names string 7");
    }

    #[test]
    fn formulas_saved_without_a_result() {
        let xml = r#"<worksheet><sheetData><row r="2">
            <c r="A2"><f>1+1</f><v/></c>
            <c r="B2"><f>1+1</f><v>2</v></c>
            <c r="C2" t="str"><f>IF(1,"","")</f><v></v></c>
            <c r="D2" t="str"><f>A1</f></c>
            <c r="E2"><f t="shared" si="0"/></c>
            <c r="F2" t="b"><f>TRUE()</f><v>1</v></c>
            </row></sheetData><mergeCells><mergeCell ref="A5:B6"/></mergeCells></worksheet>"#;
        let (facts, _) = scan_xlsx_sheet(xml, None, &HashMap::new());
        let mut unsaved: Vec<_> = facts.unsaved.iter().copied().collect();
        unsaved.sort();
        assert_eq!(unsaved, [(1, 0), (1, 3), (1, 4)]);
        assert_eq!(facts.formulas[&(1, 0)], "1+1");
        assert_eq!(facts.formulas[&(1, 4)], "", "a shared formula's other cell");
        assert_eq!(facts.merged, vec![Dimensions::new((4, 0), (5, 1))]);
        assert_eq!(facts.damage, None);
        let (cut, _) = scan_xlsx_sheet("<worksheet><sheetData><row r=\"1\"></row>", None, &HashMap::new());
        assert_eq!(cut.damage.as_deref(), Some("ends before its last 2 elements close (cut short)"));
    }

    #[test]
    fn ooxml_escapes_and_rich_runs() {
        assert_eq!(ooxml_unescape("a_x000D_b"), "a\rb");
        assert_eq!(ooxml_unescape("_x005F_x000D_"), "_x000D_");
        assert_eq!(ooxml_unescape("_xD83D__xDCF7_"), "📷");
        assert_eq!(ooxml_unescape("_xD83D_ lone"), "\u{FFFD} lone");
        assert_eq!(ooxml_unescape("x_1 and _x00_"), "x_1 and _x00_");
        let xml = r#"<worksheet><sheetData><row r="2"><c r="E2" t="s"><v>0</v></c><c r="F2" t="s"><v>1</v></c>
            <c r="G2" t="inlineStr"><is><r><t>Pulse </t></r><r><t>ox</t></r><rPh><t>x</t></rPh></is></c>
            <c r="H2" t="inlineStr"><is><t>plain</t></is></c></row></sheetData></worksheet>"#;
        let shown = HashMap::from([(0, "Genetics and race".to_string())]);
        let (f, _) = scan_xlsx_sheet(xml, None, &shown);
        let mut texts: Vec<_> = f.texts.into_iter().collect();
        texts.sort();
        assert_eq!(texts, [((1, 4), "Genetics and race".to_string()), ((1, 6), "Pulse ox".to_string())]);
    }

    #[test]
    fn error_texts() {
        assert!(is_error_text("#DIV/0!"));
        assert!(is_error_text("Err:502"));
        assert!(!is_error_text("#1 priority"));
        assert!(!is_error_text("Err:"));
    }
}
