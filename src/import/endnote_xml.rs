//! EndNote's XML export (File → Export → XML): `<xml><records><record>…`,
//! each record with a `<ref-type name="…">`, `<contributors>` (`authors`,
//! `secondary-authors` for editors), `<titles>` (`title`, `secondary-title`
//! for the journal or book), `<periodical><full-title>`, `<dates><year>`,
//! `<pages>`, `<volume>`, `<number>`, `<edition>`, `<publisher>`,
//! `<pub-location>`, `<isbn>`, `<electronic-resource-num>` (the DOI),
//! `<urls>`, `<keywords>`, `<language>`, `<research-notes>`. Text is often
//! wrapped in `<style>` elements, which carry only formatting. A corporate
//! author is written with a trailing comma ("World Health Organization,").

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::bibtex::Lines;
use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::names::{self, Name};
use super::{Parsed, RowError, reading_type};

/// Whether text looks like an EndNote XML export.
pub fn looks_like(head: &str) -> bool {
    let h = head.trim_start_matches('\u{feff}').trim_start();
    // (An export of no records, `<records></records>` or `<records/>`, is one too.)
    h.starts_with('<')
        && (h.contains("<records>") && (h.contains("<record>") || h.contains("<record ") || h.contains("</records>"))
            || h.contains("<records/>"))
}

/// Reads and validates an EndNote XML file (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    let _ = path_display;
    builder::build_all(read(text), themes)
}

/// A record's values by element path below `<record>` ("titles/title"),
/// each with the byte offset of its element.
#[derive(Default)]
struct Raw {
    start: usize,
    ref_type: Option<String>,
    values: HashMap<String, Vec<(String, usize)>>,
    /// What was said while reading it (an HTML entity read as its
    /// character), with the byte offset it is about.
    warnings: Vec<(usize, String)>,
}

/// Reads an EndNote XML file into drafts, pure. A record that is not
/// well-formed XML is a broken item spanning its text (what `--skip-invalid`
/// writes to the rejects file), and reading goes on at the next
/// `<record>`: the records after it are never lost (tester r22, F12). Text
/// outside a record that is not well-formed is the file's error.
pub fn read(text: &str) -> Read {
    let mut out = Read::default();
    let lines = Lines::new(text);
    let mut base = 0;
    while let Some(next) = read_from(text, base, &lines, &mut out) {
        base = next;
    }
    if out.items.is_empty() && out.errors.is_empty() && !text.trim().is_empty() && !looks_like(text) {
        out.errors.push(RowError::new(
            1,
            1,
            "no <record> elements; expected an EndNote XML export (<xml><records><record>…)",
        ));
    }
    out
}

/// Where the `<record>` after byte `from` of `text` starts, if one does.
fn next_record(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut at = 0;
    while let Some(i) = rest[at..].find("<record") {
        let after = rest[at + i + "<record".len()..].chars().next();
        if matches!(after, Some('>' | ' ' | '\t' | '\r' | '\n' | '/')) {
            return Some(from + at + i);
        }
        at += i + 1;
    }
    None
}

/// Reads `text` from byte `base` (0, or where a `<record>` starts after a
/// broken one) into `out`; returns where to go on after a record that is
/// not well-formed, or `None` at the end of the file or after the file's
/// own error.
fn read_from(text: &str, base: usize, lines: &Lines, out: &mut Read) -> Option<usize> {
    let mut reader = Reader::from_str(&text[base..]);
    // Read from a record onwards, the closing `</records></xml>` has no
    // opening tag in this reader.
    reader.config_mut().check_end_names = base == 0;
    // Whether a record left unclosed was named: the file's closing tags
    // then close one element too few, which is that record's fault.
    let mut unclosed = false;
    // The open elements, for a resumed reader to check end tags itself.
    let mut stack: Vec<String> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    // Open values: (path, text so far, offset).
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut record: Option<Raw> = None;
    // The markup each open `<style>` added, closed with it.
    let mut styles: Vec<Vec<&'static str>> = Vec::new();
    loop {
        let before = base + reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = (base + reader.error_position() as usize).min(text.len());
                let (l, c) = lines.pos(at);
                let error = RowError::new(l, c, format!("not well-formed XML: {e}; expected an EndNote XML export"));
                // Inside a record: that record is broken, the next one is read.
                if let Some(r) = record.take() {
                    let next = next_record(text, at);
                    let end = next.or_else(|| text[at..].find("</records>").map(|i| at + i)).unwrap_or(text.len());
                    out.broken(error, Some(r.start..end));
                    return next;
                }
                // A resumed reader meets the file's closing `</records>` and
                // `</xml>` without their opening tags: the end of the records.
                if base > 0
                    && matches!(&e, quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::UnmatchedEndTag(n))
                        if matches!(n.as_str(), "records" | "xml"))
                {
                    return None;
                }
                if unclosed
                    && matches!(&e, quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::MismatchedEndTag { expected, found })
                        if expected == "record" && matches!(found.as_str(), "records" | "xml"))
                {
                    return None;
                }
                out.errors.push(error);
                return None;
            }
        };
        match event {
            Event::Eof => {
                // The file ends inside a record (cut short): that record is
                // broken, never dropped without a word.
                if let Some(r) = record.take() {
                    let (l, c) = lines.pos(text.len());
                    out.broken(
                        RowError::new(
                            l,
                            c,
                            "not well-formed XML: the file ends inside this <record> (is it cut short?); expected \
                             </record>",
                        ),
                        Some(r.start..text.len()),
                    );
                }
                return None;
            }
            Event::Start(e) => {
                let name = AsRef::<str>::as_ref(&e.local_name()).to_string();
                stack.push(name.clone());
                if name == "record" {
                    // A record opened inside one never closed: that one is
                    // broken (its own text to the rejects file), never lost
                    // (tester r23, F1).
                    if let Some(r) = record.take() {
                        let (l, c) = lines.pos(r.start);
                        out.broken(
                            RowError::new(
                                l,
                                c,
                                "not well-formed XML: this <record> is not closed before the next <record> starts; \
                                 expected </record>",
                            ),
                            Some(r.start..before),
                        );
                        unclosed = true;
                    }
                    record = Some(Raw { start: before, ..Raw::default() });
                    path.clear();
                    open.clear();
                    continue;
                }
                let Some(r) = record.as_mut() else { continue };
                if name == "style" {
                    // A title's italics (a species name, a book's title in a
                    // chapter's) are kept as the markup canon keeps from
                    // CSL-JSON and Zotero (tester r21, F3): `face="italic"`,
                    // `"bold"`, `"superscript"`, `"subscript"`, or several.
                    let face = e
                        .try_get_attribute("face")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.to_string())
                        })
                        .unwrap_or_default();
                    let tags: Vec<&'static str> = if open.last().is_some_and(|(p, ..)| p == "titles/title") {
                        face.split_whitespace()
                            .filter_map(|f| match f {
                                "italic" => Some("i"),
                                "bold" => Some("b"),
                                "superscript" => Some("sup"),
                                "subscript" => Some("sub"),
                                _ => None,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    if let Some((_, v, _)) = open.last_mut() {
                        for t in &tags {
                            v.push_str(&format!("<{t}>"));
                        }
                    }
                    styles.push(tags);
                    continue;
                }
                if name == "ref-type"
                    && let Ok(Some(a)) = e.try_get_attribute("name")
                {
                    r.ref_type = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.to_string());
                }
                path.push(name);
                open.push((path.join("/"), String::new(), before));
            }
            Event::End(e) => {
                let name = AsRef::<str>::as_ref(&e.local_name()).to_string();
                // A resumed reader checks a record's tags itself: an end tag
                // that does not close the element open is a broken record.
                let closes = stack.last() == Some(&name);
                if closes {
                    stack.pop();
                }
                if base > 0 && !closes && record.is_some() {
                    let at = before;
                    let (l, c) = lines.pos(at);
                    let error = RowError::new(
                        l,
                        c,
                        format!(
                            "not well-formed XML: ill-formed document: expected `</{}>`, but `</{name}>` was found; \
                             expected an EndNote XML export",
                            stack.last().map_or("record", String::as_str)
                        ),
                    );
                    let r = record.take().expect("a record");
                    let next = next_record(text, at);
                    out.broken(error, Some(r.start..next.unwrap_or(text.len())));
                    return next;
                }
                if name == "record" {
                    if let Some(r) = record.take() {
                        let end = base + reader.buffer_position() as usize;
                        out.push(draft(&r, lines, text), r.start..end);
                    }
                    continue;
                }
                if name == "style" {
                    let tags = styles.pop().unwrap_or_default();
                    if let Some((_, v, _)) = open.last_mut() {
                        for t in tags.iter().rev() {
                            v.push_str(&format!("</{t}>"));
                        }
                    }
                    continue;
                }
                if record.is_none() {
                    continue;
                }
                path.pop();
                if let (Some((p, v, at)), Some(r)) = (open.pop(), record.as_mut()) {
                    let collapse = |v: &str| super::spaces_collapsed(v);
                    // "Type of Article" holds one publication type a line
                    // (PubMed's, as EndNote imports them): its lines are kept.
                    // Notes likewise: one line each of what a database wrote
                    // there ("Export Date: …", "Cited By: …"), see `builder::read_extra`;
                    // and keywords, one a line in EndNote's Keywords field.
                    let v = if p.ends_with("work-type") || p.ends_with("notes") || p == "keywords/keyword" {
                        v.split(['\r', '\n']).map(collapse).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
                    } else if p == "titles/title" {
                        super::without_whole_italics(&collapse(&v)).replace("<i></i>", "")
                    } else {
                        collapse(&v)
                    };
                    if !v.is_empty() {
                        r.values.entry(p).or_default().push((v, at));
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, v, _)) = open.last_mut() {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, v, _)) = open.last_mut() {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let name = r.to_string();
                // Each entity is said once a record, where it first stands.
                let said = |rec: &Option<Raw>| {
                    rec.as_ref().is_none_or(|x| x.warnings.iter().any(|(_, w)| w.starts_with(&format!("&{name};"))))
                };
                let said = said(&record);
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(c) => c.to_string(),
                        // An HTML entity ("&eacute;", "&nbsp;") is no XML, but a
                        // tool that wrote HTML into the export meant its
                        // character: read as it, and said (tester r28, F1: the
                        // letters were dropped, "Caf&eacute;" stored "Caf").
                        None => match quick_xml::escape::resolve_html5_entity(&name) {
                            Some(c) => {
                                if let Some(rec) = record.as_mut().filter(|_| !said) {
                                    let shown = if c.chars().all(|x| x.is_whitespace() || x.is_control()) {
                                        c.chars().map(|x| format!("U+{:04X}", x as u32)).collect::<Vec<_>>().join(" ")
                                    } else {
                                        c.to_string()
                                    };
                                    rec.warnings.push((
                                        before,
                                        format!(
                                            "&{name}; is an HTML entity, not XML; read as the character it names ({shown})"
                                        ),
                                    ));
                                }
                                c.to_string()
                            }
                            // A name no standard gives: kept as written, and said.
                            None => {
                                if let Some(rec) = record.as_mut().filter(|_| !said) {
                                    rec.warnings.push((
                                        before,
                                        format!(
                                            "&{name}; names no XML or HTML character; kept as written, \"&{name};\""
                                        ),
                                    ));
                                }
                                format!("&{name};")
                            }
                        },
                    },
                };
                if let Some((_, v, _)) = open.last_mut() {
                    v.push_str(&c);
                }
            }
            _ => {}
        }
    }
}

/// The reading type for an EndNote reference type name.
/// EndNote's reference type names (`<ref-type name="…">`, EndNote X9–21).
/// Another is warned of.
const ENDNOTE_TYPES: &[&str] = &[
    "Aggregated Database",
    "Ancient Text",
    "Artwork",
    "Audiovisual Material",
    "Bill",
    "Blog",
    "Book",
    "Book Section",
    "Case",
    "Catalog",
    "Chart or Table",
    "Classical Work",
    "Computer Program",
    "Conference Paper",
    "Conference Proceedings",
    "Dataset",
    "Dictionary",
    "Discussion Forum",
    "Edited Book",
    "Electronic Article",
    "Electronic Book",
    "Electronic Book Section",
    "Encyclopedia",
    "Equation",
    "Figure",
    "Film or Broadcast",
    "Generic",
    "Government Document",
    "Grant",
    "Hearing",
    "Interview",
    "Journal Article",
    "Legal Rule or Regulation",
    "Magazine Article",
    "Manuscript",
    "Map",
    "Multimedia Application",
    "Music",
    "Newspaper Article",
    "Online Database",
    "Online Multimedia",
    "Pamphlet",
    "Patent",
    "Personal Communication",
    "Podcast",
    "Press Release",
    "Report",
    "Serial",
    "Social Media",
    "Sound Recording",
    "Standard",
    "Statute",
    "Television Episode",
    "Thesis",
    "Unpublished Work",
    "Unused 1",
    "Unused 2",
    "Unused 3",
    "Web Page",
];

/// The EndNote reference types that have no reading type of canon's: the
/// reading type each is kept as and the genre that says what the work is
/// (where the type kept does not), said with the record (r114 item 2: an
/// artwork, a grant, an interview or a press release became type "other"
/// with nothing to say what it was). As the RIS types of the same works
/// ([`super::ris`]), and a CSL type's as the CSL-JSON reader keeps it.
const ENDNOTE_APPROXIMATED: &[(&str, &str, Option<&str>)] = &[
    ("Ancient Text", "book", None),
    ("Artwork", "other", Some("Artwork")),
    ("Catalog", "book", None),
    ("Chart or Table", "other", Some("Chart")),
    ("Classical Work", "book", None),
    ("Dictionary", "chapter", None),
    ("Discussion Forum", "thread", None),
    ("Encyclopedia", "chapter", None),
    ("Equation", "other", Some("Equation")),
    ("Figure", "other", Some("Figure")),
    ("Grant", "other", Some("Grant")),
    ("Interview", "other", Some("Interview")),
    ("Multimedia Application", "other", Some("Multimedia")),
    ("Personal Communication", "other", Some("Personal communication")),
    ("Press Release", "report", Some("Press release")),
    ("Serial", "book", None),
    ("Unused 1", "other", None),
    ("Unused 2", "other", None),
    ("Unused 3", "other", None),
];

/// The entry of [`ENDNOTE_APPROXIMATED`] for `name` (any case), if any.
fn endnote_approximated(name: &str) -> Option<&'static (&'static str, &'static str, Option<&'static str>)> {
    let name = name.trim();
    ENDNOTE_APPROXIMATED.iter().find(|(t, ..)| t.eq_ignore_ascii_case(name))
}

fn endnote_kind(name: &str) -> &'static str {
    if let Some((_, kind, _)) = endnote_approximated(name) {
        return kind;
    }
    match name.trim().to_lowercase().as_str() {
        "newspaper article" => "newspaper-article",
        "magazine article" => "magazine-article",
        "journal article" | "electronic article" => "article",
        "book" | "edited book" | "electronic book" | "classical work" => "book",
        "book section" | "electronic book section" | "encyclopedia" | "dictionary" => "chapter",
        "report" | "government document" | "standard" => "report",
        // A statute, bill, case or hearing is no report: typed "other" as in
        // every format, its genre saying what it is (tester r97 F2).
        "statute" | "bill" | "case" | "hearing" | "legal rule or regulation" => "other",
        "web page" | "blog" | "online database" | "online multimedia" => "web",
        "thesis" => "thesis",
        "conference paper" | "conference proceedings" => "conference-paper",
        "film or broadcast" | "audiovisual material" | "television episode" => "video",
        "podcast" | "music" | "sound recording" => "podcast",
        "generic" | "unpublished work" | "manuscript" => "other",
        other => reading_type(other).unwrap_or("other"),
    }
}

/// An EndNote name: "Family, Given" as usual; a trailing comma marks a corporate name.
fn name(s: &str) -> Option<Name> {
    let t = s.trim();
    match t.strip_suffix(',') {
        Some(corp) if !corp.contains(',') && !corp.trim().is_empty() => Some(Name::literal(corp)),
        _ => names::parse_field(t).map(|mut n| {
            names::without_institution_comma(&mut n);
            n
        }),
    }
}

fn draft(r: &Raw, lines: &Lines, source: &str) -> Draft {
    let pos = |at: usize| {
        let (l, c) = lines.pos(at);
        Pos::new(l, c)
    };
    let first = |p: &str| r.values.get(p).and_then(|v| v.first());
    let text = |p: &str| first(p).map(|(v, _)| v.clone());
    let val = |p: &str| first(p).map(|(v, at)| Val::new(v.clone(), pos(*at)));
    let all = |p: &str| r.values.get(p).map_or(&[][..], Vec::as_slice);
    let number = text("rec-number");
    // Without EndNote's record number, the record by where it starts: with
    // its column where it shares its line with others (a whole export on
    // one line: tester r50 F4, every record was "the record starting at
    // line 1").
    let start = pos(r.start);
    let line_from = source.get(..r.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let line_to = source.get(r.start..).and_then(|t| t.find('\n')).map_or(source.len(), |i| r.start + i);
    let shared = source
        .get(line_from..line_to)
        .is_some_and(|l| l.matches("<record>").count() + l.matches("<record ").count() > 1);
    let label = number.map_or_else(
        || {
            if shared {
                format!("the record starting at line {}, column {}", start.line, start.column)
            } else {
                format!("the record starting at line {}", start.line)
            }
        },
        |n| format!("record {n}"),
    );
    let mut d = Draft::new(pos(r.start), Some(label));
    d.date_name = Some("year");
    for (at, said) in &r.warnings {
        let at = pos(*at);
        let message = format!("{}{said}", d.prefix());
        d.warnings.push(RowError::new(at.line, at.column, message));
    }
    d.title = val("titles/title").or_else(|| Some(Val::new("", d.at)));
    d.date = val("dates/year").or_else(|| val("dates/pub-dates/date"));
    // EndNote's "Access Date" (`access-date`, CSL `accessed`).
    d.accessed = val("access-date");
    // The number of volumes of a multi-volume work (schema 0033; tester r71
    // F12: named as not stored).
    d.number_of_volumes = val("num-vols");
    // EndNote's "Original Publication" (`orig-pub`), free text: the
    // original's title, year or publication (read by the builder).
    d.original_pub = val("orig-pub");
    d.doi = val("electronic-resource-num").filter(|v| v.text.contains("10."));
    // The PMID: EndNote keeps it in `accession-num` when the record came from
    // PubMed (`remote-database-name`/`-provider` naming PubMed, MEDLINE or
    // the NLM); another database's accession number is not a PMID.
    let from_pubmed = ["remote-database-name", "remote-database-provider"].iter().any(|p| {
        text(p).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("pubmed") || v.contains("medline") || v.contains("nlm")
        })
    });
    d.pmid = val("accession-num").filter(|v| from_pubmed || v.text.trim().to_ascii_lowercase().starts_with("pmid"));
    // EndNote's PubMed import writes the PMCID in Custom 2 (`custom2`,
    // "PMCID" in a Journal Article; its RIS export's `C2`, read so): a
    // "PMC…" in a custom field is the PMCID. Other custom values stay named.
    let pmcid_custom = CUSTOMS.iter().copied().find(|p| {
        text(p).is_some_and(|v| {
            let t = v.trim();
            t.len() > 3 && t[..3].eq_ignore_ascii_case("pmc") && crate::import::normalise_pmcid(t).is_some()
        })
    });
    d.pmcid = pmcid_custom.and_then(&val);
    d.isbn = val("isbn");
    d.isbn_rule = IsbnRule::FirstValid;
    d.isbn_field = Some("EndNote XML isbn");
    let names_at = |p: &str| all(p).iter().filter_map(|(v, _)| name(v)).collect::<Vec<_>>();
    d.authors = names_at("contributors/authors/author");
    let kind = r.ref_type.as_deref().map_or("other", endnote_kind);
    // EndNote's "Edited Book" (ref-type 28) labels its Author field "Editor":
    // the names in `<authors>` are the book's editors, and `secondary-authors`
    // there is the series editor (not stored, and named so). The other
    // reference types keep their authors in `<authors>`.
    let edited_book = r
        .ref_type
        .as_deref()
        .map_or(text("ref-type").as_deref() == Some("28"), |t| t.trim().eq_ignore_ascii_case("edited book"));
    // `secondary-authors` are the editors of a book section, a book or a
    // proceedings (EndNote's field names for those reference types); of
    // other types they are not editors and are named as not stored.
    // Of a Book (ref-type 6) and a Report (27) they are the series editor,
    // and a Book's editor is its `tertiary-authors` (EndNote's reference
    // type table; Zotero's EndNote XML import reads them so): canon has no
    // series editor, so they are named as not stored, never printed as the
    // work's editors (tester87 F6).
    let type_is = |name: &str, number: &str| {
        r.ref_type
            .as_deref()
            .map_or(text("ref-type").as_deref().map(str::trim) == Some(number), |t| t.trim().eq_ignore_ascii_case(name))
    };
    let plain_book = type_is("book", "6");
    // A Book whose series is its tertiary title (no secondary title): its
    // tertiary authors are that series' editors, as RIS `A3` beside `T3`
    // is (tester r88 F4: one record read as the book's editor from XML,
    // as not stored from RIS).
    let tertiary_series =
        plain_book && text("titles/tertiary-title").is_some() && text("titles/secondary-title").is_none();
    let series_editor = plain_book || type_is("report", "27");
    let edited = matches!(kind, "chapter" | "book" | "conference-paper" | "report")
        && !(edited_book && first("contributors/authors/author").is_some())
        && !series_editor;
    if edited_book && first("contributors/authors/author").is_some() {
        d.editors = std::mem::take(&mut d.authors);
    } else if edited {
        d.editors = names_at("contributors/secondary-authors/author");
    } else if plain_book && !tertiary_series {
        d.editors = names_at("contributors/tertiary-authors/author");
    }
    if tertiary_series && first("contributors/tertiary-authors/author").is_some() {
        d.not_stored_as(
            "EndNote XML contributors/tertiary-authors/author (the editor of the series named in the tertiary title)"
                .to_string(),
        );
    }
    if series_editor && first("contributors/secondary-authors/author").is_some() {
        d.not_stored_as(
            "EndNote XML contributors/secondary-authors/author (the series editor of a book or report)".to_string(),
        );
    }
    // `subsidiary-authors` is EndNote's "Translator" of a journal, magazine
    // or newspaper article, a book, a book section, a report or a thesis
    // (its reference type table); of a film they are performers, of a case
    // counsel: named as not stored there.
    let translated =
        matches!(kind, "article" | "magazine-article" | "newspaper-article" | "book" | "chapter" | "report" | "thesis");
    if translated {
        d.translators = names_at("contributors/subsidiary-authors/author");
    }
    let editors_path =
        if plain_book { "contributors/tertiary-authors/author" } else { "contributors/secondary-authors/author" };
    let name_paths = ["contributors/authors/author", editors_path];
    let name_paths = name_paths.into_iter().chain(translated.then_some("contributors/subsidiary-authors/author"));
    for path in name_paths {
        for (v, at) in all(path) {
            builder::degree_doubts(&mut d, path, v, pos(*at));
        }
    }
    // A name read as a person that looks like an institution's: said.
    for (path, names) in [
        ("contributors/authors/author", d.authors.clone()),
        (editors_path, d.editors.clone()),
        ("contributors/subsidiary-authors/author", d.translators.clone()),
    ] {
        if let Some(v) = val(path) {
            builder::institution_doubts(&mut d, path, &names, v.at, super::ris::uninverted);
            // A name written with EndNote's trailing comma is an institution
            // by its writer's word: no doubt to say (tester r36, F19: "no
            // comma says…" of a name that had one).
            let marked: Vec<String> = all(path)
                .iter()
                .filter_map(|(w, _)| w.trim().strip_suffix(',').map(|c| c.trim().to_string()))
                .collect();
            builder::name_doubts(&mut d, path, &names, v.at, |n| {
                if n.is_literal() && marked.contains(&n.original) { None } else { super::names::field_name_doubt(n) }
            });
        }
    }
    // The journal's abbreviation (`periodical/abbr-1`).
    d.container_short = text("periodical/abbr-1");
    // `<pub-dates><date>Apr 2</date>` (or a full date): the month and day.
    d.month = val("dates/pub-dates/date");
    d.season = val("dates/pub-dates/date").filter(|v| builder::season_of(&v.text).is_some());
    d.kind = KindSrc::Mapped(kind);
    if let Some(t) = r.ref_type.as_deref() {
        builder::unknown_type(&mut d, pos(r.start), "EndNote ref-type", t, ENDNOTE_TYPES);
    }
    // A book's (or edited book's) `secondary-title` is its series (EndNote's
    // "Series Title"); `tertiary-title` is the series of a book section or a
    // conference paper's proceedings. A series is never the container. A
    // Report's `secondary-title` is its series too (EndNote's RIS export
    // writes it as `T2`, which Zotero reads as a report's series title:
    // "WHO Technical Report Series").
    if kind == "book" || kind == "report" {
        d.series = text("titles/secondary-title").or_else(|| text("titles/tertiary-title"));
        d.container = text("periodical/full-title");
    } else if kind == "thesis" {
        // A Thesis's `secondary-title` is EndNote's "Academic Department"
        // ("Department of Sociology"): no container, for a thesis is part of
        // none, and canon has no field for it, so it is named as not stored
        // (tester r97 F3: stored as the container, and the thesis's number
        // of pages then read as a page range).
        d.series = text("titles/tertiary-title");
        d.container = text("periodical/full-title");
    } else {
        d.series = text("titles/tertiary-title");
        d.container = text("periodical/full-title").or_else(|| text("titles/secondary-title"));
        // A journal's `secondary-title` beside its `periodical/full-title`
        // is most often the journal's abbreviation as EndNote's "Journal"
        // field holds it ("Ghana Med J" of "Ghana Medical Journal"): kept as
        // the container's short title when no `abbr-1` gives one, as RIS
        // `J2` and MEDLINE `TA` are.
        if d.container_short.is_none()
            && let (Some(full), Some(short)) = (text("periodical/full-title"), text("titles/secondary-title"))
            && crate::store::readings::abbreviation_of(&short, &full)
        {
            d.container_short = Some(short);
        }
        // EndNote's "Alternate Journal" of a journal article (`alt-title`)
        // is the journal's abbreviation ("Malar J"), as RIS `J2` is
        // (tester r22, F13: it was named as not stored).
        if d.container_short.is_none()
            && matches!(kind, "article" | "newspaper-article" | "magazine-article")
            && let Some(alt) = text("titles/alt-title")
            && d.container.as_deref().is_none_or(|full| alt.chars().count() < full.chars().count())
        {
            d.container_short = Some(alt);
        }
    }
    if let Some(v) = val("periodical/full-title") {
        builder::container_names_swapped(&mut d, v.at);
    }
    // EndNote's fields are labelled by reference type: a Web Page's
    // "Number" is its Access Date and "Volume" its Access Year (EndNote's
    // reference-type table); read as the access date, not as an issue and a
    // volume (tester r24, F5).
    let ref_type = r.ref_type.as_deref().map(str::trim).unwrap_or_default().to_ascii_lowercase();
    let web_page = ref_type == "web page" || (ref_type.is_empty() && text("ref-type").as_deref() == Some("12"));
    let journal_article =
        ref_type == "journal article" || (ref_type.is_empty() && text("ref-type").as_deref() == Some("17"));
    if web_page {
        if d.accessed.is_none()
            && let Some(number) = val("number")
        {
            let year = text("volume").filter(|y| !number.text.contains(y.trim()));
            let when = match year {
                Some(y) => format!("{} {}", number.text.trim(), y.trim()),
                None => number.text.trim().to_string(),
            };
            d.accessed = Some(Val::new(when, number.at));
        }
    } else if kind == "thesis" {
        // A Thesis's `volume` is EndNote's "Degree" ("PhD", "MPH"): the
        // thesis's genre when the record gives none, never a volume
        // (tester r30, F6: "…equations: PhD [Doctoral dissertation…]").
        d.issue = text("number").or_else(|| text("issue"));
    } else {
        d.volume = text("volume");
        d.issue = text("number").or_else(|| text("issue"));
    }
    // Each said at its own element, as the year and DOI are (tester r63 F8).
    d.volume_at = d.volume.as_ref().and_then(|_| val("volume")).map(|v| v.at);
    d.issue_at = d.issue.as_ref().and_then(|_| val("number").or_else(|| val("issue"))).map(|v| v.at);
    // EndNote labels a Report's `isbn` element "Report Number": one that is
    // neither an ISBN nor an ISSN is the report's number, kept where a
    // report's number is (the issue) when the record has none, as RIS `SN`.
    if kind == "report"
        && d.issue.is_none()
        && let Some(v) =
            d.isbn.as_ref().filter(|v| super::normalise_isbn(&v.text).is_none() && !super::issn_like(&v.text))
    {
        d.issue = Some(v.text.trim().to_string());
        d.issue_at = Some(v.at);
        d.isbn = None;
    }
    // A Book's or Report's `volume` beside its series (`secondary-title`,
    // `tertiary-title`) with no `number` (a Book's "Series Volume") is its
    // number in the series, as BibTeX's `volume` beside `series` is
    // ([`Draft::volume_numbers_series`]; r83), and a paper's or chapter's
    // is its book's (r85). With a `number` or `num-vols` it is one volume
    // of a set, and stays the volume.
    d.volume_numbers_series(kind);
    d.pages = text("pages");
    d.pages_at = val("pages").map(|v| v.at);
    // EndNote labels a Book's and a Thesis's `pages` element "Number of
    // Pages" (a Report's "Pages" holds its extent too, as its RIS export's
    // `SP` does): a plain count there is the whole work's number of pages,
    // not a range (branch 12e).
    // A Statute's or Bill's "Pages" is its page in the code or gazette, and
    // a report's in a container its pages there (tester r96 F1).
    let within = super::builder::pages_within(
        kind,
        r.ref_type.as_deref().and_then(super::builder::genre_of_type_name),
        d.container.as_deref(),
    );
    if matches!(kind, "book" | "report" | "thesis")
        && !within
        && d.pages.as_deref().is_some_and(super::builder::is_page_count)
    {
        d.page_count = d.pages.take();
    }
    // A Journal Article's "Article Number" is EndNote's Custom 7 (`custom7`;
    // its RIS export writes `C7`): the locator of an article without pages.
    if kind == "article" {
        d.article_number("custom7", val("custom7"));
    }
    d.publisher = text("publisher");
    d.place = text("pub-location");
    // A Conference Paper's or Conference Proceedings' "Conference Name"
    // (`secondary-title`) and "Conference Location" (`pub-location`):
    // its event (schema 0040; tester r98 F2). Without a publisher, ISBN,
    // volume, pages or editor the paper was presented, not published: the
    // conference is then no proceedings and its place no publisher's, and
    // it is cited by its event, as its CSL-JSON form is. A series
    // (`tertiary-title`, Lecture Notes in Computer Science) is publication.
    let conference = matches!(ref_type.as_str(), "conference paper" | "conference proceedings")
        || (ref_type.is_empty() && matches!(text("ref-type").as_deref(), Some("47" | "10")));
    if conference && let Some(event) = text("titles/secondary-title") {
        let published =
            ["publisher", "isbn", "volume", "pages", "contributors/secondary-authors/author", "titles/tertiary-title"]
                .iter()
                .any(|p| text(p).is_some_and(|v| !v.trim().is_empty()));
        d.event = Some(event);
        d.event_place = text("pub-location");
        if !published && text("periodical/full-title").is_none() {
            d.container = None;
            d.place = None;
        }
    }
    // A Journal Article's "Edition" field is EndNote's "Epub Date": no
    // edition (it printed "Kidney Int. 2020/06/01."); named as not stored.
    if journal_article {
        // "Epub ahead of print" there says the article is ahead of print.
        let ahead =
            |e: &String| matches!(builder::read_date(e), Some(builder::Dated::NotYet(n)) if n == super::AHEAD_OF_PRINT);
        if let Some(v) = val("edition").filter(|v| ahead(&v.text)) {
            d.pub_state.get_or_insert(v);
        } else if first("edition").is_some() {
            d.not_stored_as("EndNote XML edition (a Journal Article's Epub Date)".to_string());
        }
    } else {
        d.edition = text("edition");
    }
    // `work-type` is EndNote's "Type of Work" (a Report's "Type", a
    // Thesis's "Thesis Type", a Journal Article's "Type of Article"):
    // the genre (its RIS export writes it as `M3`).
    // PubMed's publication types there ("Journal Article", "Research
    // Support, …") are record and study types, named, not the genre.
    let work_type = text("work-type").filter(|g| !g.trim().is_empty());
    // The reference type's own name in its Type of Work ("Web Page" on a
    // Web Page, "Blog" on a Blog): no genre (tester r64 F11).
    let work_type = match work_type {
        Some(w) if !ref_type.is_empty() && w.trim().trim_end_matches('.').eq_ignore_ascii_case(&ref_type) => {
            d.not_stored_as(format!(
                "EndNote XML work-type {:?} (it only repeats the reference type; not a genre to cite)",
                w.trim()
            ));
            None
        }
        w => w,
    };
    d.genre = work_type.as_deref().and_then(super::builder::genre_of_work_type);
    // The genre a ref-type implies ("Data set") is a default (tester r92 F1).
    d.genre_implied = d.genre.is_none();
    d.genre = d.genre.take().or_else(|| {
        r.ref_type
            .as_deref()
            .and_then(|t| super::builder::genre_of_type_name(t).or_else(|| super::builder::film_of_type(t)))
            .map(str::to_string)
    });
    if let Some((ty, kind, genre)) = r.ref_type.as_deref().and_then(endnote_approximated) {
        super::builder::say_approximated_type(&mut d, pos(r.start), "EndNote ref-type", ty, None, kind, *genre);
    }
    if let Some(w) = work_type.filter(|w| super::builder::genre_of_work_type(w).as_deref() != Some(w.trim())) {
        let types: Vec<&str> =
            w.split(['\r', '\n', ';']).map(str::trim).filter(|p| super::builder::is_record_type(p)).collect();
        d.not_stored_as(format!(
            "EndNote XML work-type {:?} (record or study types, not a genre to cite)",
            types.join("; ")
        ));
    }
    let degree = text("volume").filter(|_| kind == "thesis");
    if let Some(g) = degree.as_deref() {
        match d.genre.as_deref() {
            None => {
                // The Degree is the record's own word: stated.
                d.genre = Some(format!("{} thesis", g.trim()));
                d.genre_implied = false;
            }
            Some(w) if w.to_lowercase().contains(&g.trim().to_lowercase()) => {}
            Some(_) => {
                d.not_stored_as(format!("EndNote XML volume (a Thesis's Degree, {:?}, beside its type)", g.trim()))
            }
        }
    }
    let url = val("urls/related-urls/url").or_else(|| val("urls/web-urls/url"));
    d.url_at = url.as_ref().map(|v| v.at);
    d.url = url.map(|v| v.text);
    d.language = text("language");
    // A language canon does not know is warned about at its own element.
    d.language_at = val("language").map(|v| v.at);
    // Research Notes are the annotation; Notes is the record's note field,
    // read as every format's is (see `builder::read_extra`): both kept.
    d.annotation = text("research-notes");
    d.extra = val("notes");
    // EndNote keeps its Keywords field one keyword per line; an export may
    // give them in one `<keyword>`, the lines apart (tester r24, F8).
    for (k, at) in all("keywords/keyword") {
        for k in k.split(['\r', '\n']).map(str::trim).filter(|k| !k.is_empty()) {
            d.keywords.push(Val::new(k.to_string(), pos(*at)));
        }
    }
    // Every element with a value that was not read into a field is named (a
    // fallback is read only when it was used: the book's editors when there
    // are no authors, the secondary title when there is no full title…).
    let mut read = vec![
        "rec-number",
        "ref-type",
        "titles/title",
        "contributors/authors/author",
        "periodical/full-title",
        "volume",
        "pages",
        "publisher",
        "pub-location",
        "edition",
        "work-type",
        "isbn",
        "language",
        "keywords/keyword",
        "access-date",
        "orig-pub",
        "num-vols",
    ];
    let used = |read: &mut Vec<&'static str>, options: &[&'static str]| {
        if let Some(p) = options.iter().find(|p| first(p).is_some()) {
            read.push(p);
        }
    };
    used(&mut read, &["dates/year", "dates/pub-dates/date"]);
    // The month (or range of months, "2015 Apr-May") is read from `pub-dates` beside the year.
    if first("dates/pub-dates/date").is_some() {
        read.push("dates/pub-dates/date");
    }
    used(&mut read, &["number", "issue"]);
    used(&mut read, &["urls/related-urls/url", "urls/web-urls/url"]);
    // Both are read (the annotation and the note field), so both are named read.
    for p in ["research-notes", "notes"] {
        if first(p).is_some() {
            read.push(p);
        }
    }
    // The journal's title is read from `periodical` and repeated in
    // `secondary-title`: read either way, never named as not stored.
    // (A secondary or tertiary title kept nowhere, beside the periodical's
    // title, is named; "Lancet" beside "The Lancet" is the same journal.)
    let key = |s: &str| {
        let k = crate::import::title_key(s);
        k.strip_prefix("the ").map_or(k.clone(), str::to_string)
    };
    for p in ["titles/secondary-title", "titles/tertiary-title", "titles/alt-title"] {
        if let Some(v) = text(p)
            && [&d.container, &d.series, &d.container_short, &d.event]
                .iter()
                .any(|k| k.as_deref().map(key) == Some(key(&v)))
        {
            read.push(p);
        }
    }
    if edited || series_editor {
        read.push("contributors/secondary-authors/author");
    }
    if plain_book {
        read.push("contributors/tertiary-authors/author");
    }
    if translated {
        read.push("contributors/subsidiary-authors/author");
    }
    // EndNote's "Translated Author" and "Translated Title" are the record's
    // authors and title in another language or script, not its translator
    // (who is a Subsidiary Author): named for what they are.
    // The translated title is kept as MEDLINE's is
    // ([`Draft::take_translated_title`]); one that repeats the title loses
    // nothing.
    if let Some(tt) = val("titles/translated-title")
        && (d.take_translated_title(&tt) || d.title.as_ref().is_some_and(|t| t.text.trim() == tt.text.trim()))
    {
        read.push("titles/translated-title");
    }
    for (p, what) in [
        ("contributors/translated-authors/author", "the authors' names in translation, not the translator"),
        ("titles/translated-title", "the title in translation"),
        ("titles/secondary-title", "a thesis's academic department"),
    ] {
        if p == "titles/secondary-title" && kind != "thesis" {
            continue;
        }
        if read.contains(&p) {
            continue;
        }
        if first(p).is_some() {
            d.not_stored_as(format!("EndNote XML {p} ({what})"));
            read.push(p);
        }
    }
    read.push("periodical/abbr-1");
    if let Some(p) = pmcid_custom {
        read.push(p);
    }
    if kind == "article" {
        read.push("custom7");
    }
    if d.doi.is_some() {
        read.push("electronic-resource-num");
    }
    if d.pmid.is_some() {
        read.push("accession-num");
    }
    // `remote-database-name` ("Name of Database") beside a call number is
    // an archive and its shelf mark ("The National Archives", "CO 209/16";
    // Zotero writes an item's archive and call number there): the archive
    // and its location. A call number alone, or beside a bibliographic
    // database (PubMed, Scopus), is a library's shelf mark, named as not
    // stored.
    if let (Some(archive), Some(call)) = (text("remote-database-name"), text("call-num"))
        && !super::ris::is_bibliographic_database(&archive)
        && d.archive.is_none()
        && d.archive_location.is_none()
    {
        d.archive = Some(archive);
        d.archive_location = Some(call);
        read.extend(["remote-database-name", "call-num"]);
    }
    // An element that holds one value, given twice with another value (a
    // second URL, a second volume): the first is read, the other named, as
    // RIS and MEDLINE name a second value of a one-value tag.
    // (Authors, editors and keywords are lists and read whole.)
    for p in &read {
        let lists = [
            "contributors/authors/author",
            "contributors/secondary-authors/author",
            "contributors/tertiary-authors/author",
            "keywords/keyword",
        ];
        if lists.contains(p) || *p == "contributors/subsidiary-authors/author" {
            continue;
        }
        let values = all(p);
        if values.iter().skip(1).any(|(v, _)| Some(v) != values.first().map(|f| &f.0)) {
            d.not_stored_as(format!("EndNote XML {p} (a second value)"));
        }
    }
    let mut present: Vec<&str> = r.values.keys().map(String::as_str).collect();
    present.sort_unstable();
    d.not_stored("EndNote XML", present, &read);
    super::title_text::read_bibtex_braces(&mut d, "EndNote XML");
    d
}

/// EndNote's custom fields, Custom 1 to 8.
const CUSTOMS: [&str; 8] = ["custom1", "custom2", "custom3", "custom4", "custom5", "custom6", "custom7", "custom8"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builder::tests::TestThemes;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><database name="Audit.enl" path="C:\Audit.enl">Audit.enl</database><source-app name="EndNote" version="20.0">EndNote</source-app><rec-number>1</rec-number><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author><style face="normal" font="default" size="100%">Mensah, Kofi A., Jr.</style></author><author><style face="normal" font="default" size="100%">World Health Organization,</style></author></authors></contributors>
<titles><title><style face="normal" font="default" size="100%">Race &amp; </style><style face="italic" font="default" size="100%">eGFR</style></title><secondary-title><style face="normal" font="default" size="100%">Lancet</style></secondary-title></titles>
<periodical><full-title><style face="normal" font="default" size="100%">The Lancet</style></full-title></periodical>
<pages>123-129</pages><volume>395</volume><number>10221</number>
<keywords><keyword>Epistemic bias</keyword><keyword>kidney</keyword></keywords>
<dates><year><style face="normal" font="default" size="100%">2020</style></year></dates>
<electronic-resource-num>10.1016/S0140-6736(20)30001-1</electronic-resource-num>
<urls><related-urls><url>https://example.org/a</url></related-urls></urls><language>eng</language></record>
<record><rec-number>2</rec-number><ref-type name="Book Section">5</ref-type><contributors><authors><author>Duarte, Ines</author></authors><secondary-authors><author>Okoro, Chidi</author></secondary-authors></contributors><titles><title>A chapter</title><secondary-title>The Book</secondary-title></titles><dates><year>In Press</year></dates><pub-location>Accra</pub-location><publisher>Sub-Saharan Publishers</publisher><edition>2nd</edition><isbn>978-0-385-50993-0</isbn></record>
<record><rec-number>3</rec-number><ref-type name="Journal Article">17</ref-type><dates><year>0000</year></dates></record>
</records></xml>"#;

    #[test]
    fn records_with_styles_entities_and_corporate_authors() {
        let p = parse("t.xml", SAMPLE, &TestThemes);
        assert_eq!(p.records.len(), 2, "{:?}", p.errors);
        let a = &p.records[0];
        assert_eq!(a.line, 2);
        // The italics are kept as markup (tester r21, F3).
        assert_eq!(a.title, "Race & <i>eGFR</i>");
        assert_eq!(a.authors[0].suffix.as_deref(), Some("Jr."));
        assert_eq!(a.authors[1].literal.as_deref(), Some("World Health Organization"));
        assert_eq!(a.container.as_deref(), Some("The Lancet"));
        assert_eq!(
            (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
            (Some("395"), Some("10221"), Some("123-129"))
        );
        assert_eq!(a.doi.as_deref(), Some("10.1016/S0140-6736(20)30001-1"));
        assert_eq!((a.year, a.kind.as_str()), (Some(2020), "article"));
        assert_eq!(a.themes, [2]);
        let b = &p.records[1];
        assert_eq!((b.kind.as_str(), b.year, b.year_note.as_deref()), ("chapter", None, Some("in press")));
        assert_eq!(b.container.as_deref(), Some("The Book"));
        assert_eq!(
            (b.publisher.as_deref(), b.place.as_deref(), b.edition.as_deref()),
            (Some("Sub-Saharan Publishers"), Some("Accra"), Some("2nd"))
        );
        assert_eq!(b.isbn.as_deref(), Some("9780385509930"));
        // What canon has no field for is named. The journal's `secondary-title`
        // repeats `periodical/full-title` and is read (issue 12o: it was named
        // "not stored" although the journal is stored).
        assert_eq!(a.unstored, ["EndNote XML database", "EndNote XML source-app"]);
        // A book section's secondary authors are its book's editors: read as editors, never authors.
        assert!(b.unstored.is_empty(), "{:?}", b.unstored);
        assert_eq!(b.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(), ["Duarte, Ines"]);
        assert_eq!(b.editors.iter().map(|n| n.family.as_deref()).collect::<Vec<_>>(), [Some("Okoro")]);
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.starts_with("record 3 has no title"), "{got:?}");
        assert!(got[1].1.starts_with("in record 3: year \"0000\" is not a year"), "{got:?}");
        assert_eq!(p.rejected.len(), 1);
        let span = p.rejected[0].span.clone().unwrap();
        assert!(SAMPLE[span].starts_with("<record><rec-number>3"));
    }

    #[test]
    fn a_second_value_of_a_one_value_element_is_named() {
        let xml = r#"<xml><records><record><rec-number>7</rec-number><ref-type name="Journal Article">17</ref-type>
<titles><title>One</title></titles><volume>4</volume><volume>5</volume>
<contributors><authors><author>Osei, K.</author><author>Ude, D.</author></authors></contributors>
<keywords><keyword>race</keyword><keyword>bias</keyword></keywords>
<urls><related-urls><url>https://example.org/a</url><url>https://example.org/b</url></related-urls></urls>
<pages>1-9</pages><pages>1-9</pages></record></records></xml>"#;
        let p = parse("t.xml", xml, &TestThemes);
        let d = &p.records[0];
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.volume.as_deref(), Some("4"));
        assert_eq!(
            d.unstored,
            ["EndNote XML volume (a second value)", "EndNote XML urls/related-urls/url (a second value)"],
            "a second URL and volume are named; the same pages twice, two authors and two keywords are no loss"
        );
    }

    #[test]
    fn an_edited_books_authors_are_its_editors() {
        let xml = r#"<xml><records><record><rec-number>1</rec-number><ref-type name="Edited Book">28</ref-type><contributors><authors><author>Farmer, Paul</author><author>Kim, Jim Yong</author></authors><secondary-authors><author>Series, Ed</author></secondary-authors></contributors><titles><title>Reimagining global health</title></titles><dates><year>2013</year></dates></record>
<record><rec-number>2</rec-number><ref-type>28</ref-type><contributors><authors><author>Farmer, Paul</author></authors></contributors><titles><title>By number</title></titles><dates><year>2013</year></dates></record>
<record><rec-number>3</rec-number><ref-type name="Book">6</ref-type><contributors><authors><author>Fanon, Frantz</author></authors><secondary-authors><author>Okoro, Chidi</author></secondary-authors></contributors><titles><title>A book</title></titles><dates><year>1961</year></dates></record></records></xml>"#;
        let p = parse("e.xml", xml, &TestThemes);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let fam = |v: &[Name]| v.iter().map(|n| n.family.clone().unwrap_or_default()).collect::<Vec<_>>();
        let (a, b, c) = (&p.records[0], &p.records[1], &p.records[2]);
        assert!(a.authors.is_empty());
        assert_eq!(fam(&a.editors), ["Farmer", "Kim"]);
        assert_eq!(a.kind, "book");
        assert!(b.authors.is_empty());
        assert_eq!(fam(&b.editors), ["Farmer"], "ref-type 28 without its name");
        assert_eq!(fam(&c.authors), ["Fanon"], "a Book keeps its authors");
        // A Book's secondary author is its series editor (tester87 F6).
        assert!(c.editors.is_empty());
    }

    #[test]
    fn broken_xml_is_one_error_with_its_position() {
        let p = parse("t.xml", "<xml><records><record><titles><title>T</titles></record></records></xml>", &TestThemes);
        assert!(p.records.is_empty());
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert!(p.errors[0].message.starts_with("not well-formed XML"), "{}", p.errors[0].message);
    }
}
