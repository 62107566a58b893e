//! Zotero's "Export Collection… → CSV": a fixed header ("Key", "Item Type",
//! "Publication Year", "Author", "Title", "Publication Title", "ISBN",
//! "DOI", "Url", "Manual Tags", …), UTF-8 with a BOM, authors as
//! "Family, Given; Family, Given", tags separated by "; ".

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::header::{self, Field, Mapping};
use super::names;
use super::rows::{TextLines, is_empty_row};
use super::{Parsed, RowError, cell, reading_type};

/// The CSV rows of `text` (already decoded; a BOM is dropped), with the
/// header's cells. The delimiter is sniffed as the canonical CSV's is
/// (`,` `;` tab `|`, or an Excel `sep=X` first line, which is passed over:
/// an export re-saved by Excel in a European locale has `;`; tester r17,
/// F13). Ragged rows and unreadable input become errors; blank lines and
/// rows with every cell empty are skipped and counted. Lines are the
/// text's physical lines, whatever its line ends.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(u64, csv::StringRecord)>,
    pub skipped: u64,
}

pub(crate) fn read_table(text: &str, errors: &mut Vec<RowError>) -> Option<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = TextLines::new(text);
    let line_of = |p: Option<&csv::Position>| p.map_or(0, |p| lines.line_of(p.byte()));
    let breaks = |r: &csv::StringRecord| r.as_slice().bytes().filter(|b| *b == b'\n').count() as u64;
    let delimiter = super::source::sniff_delimiter(text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    if super::source::sep_line(text).is_some() {
        records.next();
    }
    let (header, mut end) = match records.next() {
        None => {
            errors.push(RowError::new(1, 1, "the file is empty; expected a header row"));
            return None;
        }
        Some(Err(e)) => {
            errors.push(RowError::new(line_of(e.position()).max(1), 1, format!("cannot read the header row: {e}")));
            return None;
        }
        Some(Ok(h)) => {
            let end = line_of(h.position()) + breaks(&h);
            (h.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>(), end)
        }
    };
    let width = header.len();
    let mut rows = Vec::new();
    let mut skipped = 0;
    for r in records {
        match r {
            Ok(r) => {
                let line = line_of(r.position());
                // Blank lines since the last record (the reader passes over them).
                skipped += line.saturating_sub(end + 1);
                end = line + breaks(&r);
                if is_empty_row(&r) {
                    skipped += 1 + breaks(&r);
                    continue;
                }
                if r.len() != width && !super::rows::only_empty_beyond(&r, width) {
                    errors.push(RowError::new(
                        line,
                        r.len().min(width) as u64 + 1,
                        format!("row has {} fields; expected {width} like the header", r.len()),
                    ));
                    continue;
                }
                rows.push((line, r));
            }
            Err(e) => {
                errors.push(RowError::new(line_of(e.position()), 1, format!("cannot read this row: {e}")));
                break;
            }
        }
    }
    Some(Table { header, rows, skipped })
}

impl Table {
    /// Per column: the rows with text in it.
    pub(crate) fn filled(&self) -> Vec<u64> {
        let mut n = vec![0; self.header.len()];
        for (_, r) in &self.rows {
            for (c, v) in r.iter().enumerate() {
                if !v.trim().is_empty() {
                    n[c] += 1;
                }
            }
        }
        n
    }

    /// Matches the header to `fields` (with `--map`); a bad `--map` becomes an error at 1:1.
    pub(crate) fn map(&self, fields: &'static [Field], maps: &[String], errors: &mut Vec<RowError>) -> Option<Mapping> {
        let mapped =
            header::parse_maps(maps, fields).and_then(|maps| header::map_export("", &self.header, fields, &maps));
        match mapped {
            Ok(m) => Some(m),
            Err(e) => {
                let msg = e.to_string();
                errors.push(RowError::new(1, 1, msg.trim_start_matches(":1:1: ").to_string()));
                None
            }
        }
    }

    /// The header's cells, quoted, for messages.
    pub(crate) fn quoted(&self) -> String {
        self.header.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(",")
    }
}

/// A cell by optional column, trimmed, `None` when empty or absent.
pub(crate) fn get(r: &csv::StringRecord, c: Option<usize>) -> Option<&str> {
    c.and_then(|c| r.get(c)).and_then(cell)
}

/// The canonical reading type for a Zotero item type; `None` for a word
/// that names none (typed by [`builder::untyped_kind`], said).
fn zotero_kind(t: &str) -> Option<&'static str> {
    Some(match t {
        "newspaperArticle" => "newspaper-article",
        "magazineArticle" => "magazine-article",
        "journalArticle" | "preprint" => "article",
        "book" => "book",
        "bookSection" | "encyclopediaArticle" | "dictionaryEntry" => "chapter",
        "report" | "standard" => "report",
        // A statute, bill, case or hearing is no report: typed "other" as in
        // every format, its genre saying what it is (tester r97 F2).
        "statute" | "bill" | "case" | "hearing" | "regulation" => "other",
        "webpage" | "blogPost" => "web",
        "forumPost" => "thread",
        "conferencePaper" | "presentation" => "conference-paper",
        "thesis" => "thesis",
        "videoRecording" | "film" | "tvBroadcast" => "video",
        "podcast" | "audioRecording" | "radioBroadcast" | "interview" => "podcast",
        "document" | "manuscript" | "note" | "attachment" => "other",
        // A data set or a program: "other", its genre ("Data set") said by
        // the item type, as CSL-JSON `dataset` and RIS `DATA` are stored
        // (tester r101 F2: read as a book, "not one canon knows").
        "dataset" | "computerProgram" => "other",
        other => return reading_type(other).or_else(|| super::type_with_genre(other).map(|(k, _)| k)),
    })
}

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const CONTAINER: usize = 4;
const DOI: usize = 5;
const ISBN: usize = 6;
const URL: usize = 7;
const THEMES: usize = 8;
const LANGUAGE: usize = 9;
const VOLUME: usize = 10;
const ISSUE: usize = 11;
const PAGES: usize = 12;
const PUBLISHER: usize = 13;
const PLACE: usize = 14;
const EDITION: usize = 15;
const KEYWORDS: usize = 16;
const ANNOTATION: usize = 17;
const SERIES: usize = 18;
const CONTAINER_SHORT: usize = 19;
const GENRE: usize = 20;
const PAGE_COUNT: usize = 21;
const ACCESSED: usize = 22;
const LICENCE: usize = 23;
const NUMBER_OF_VOLUMES: usize = 24;
const ORIGINAL_YEAR: usize = 25;
const ORIGINAL_TITLE: usize = 26;
const ARCHIVE: usize = 27;
const ARCHIVE_LOCATION: usize = 28;
const EVENT: usize = 29;
const EVENT_PLACE: usize = 30;
const EVENT_DATE: usize = 31;
const MEETING_NAME: usize = 32;

/// The Zotero columns canon reads, by canon's field names. Zotero's notes,
/// abstracts and automatic tags are not read by default (the header report
/// names them, with a row count); `--map 'Notes=annotation'` (or `Abstract
/// Note`) reads one as the group's annotation.
/// Manual tags are keywords: a tag that names a theme tags it (see
/// [`builder`]); `themes` is for a column the user maps (`--map`), whose
/// every value must be a theme.
pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["Title"], required: false },
    Field { name: "authors", aliases: &["Author"], required: false },
    Field { name: "year", aliases: &["Publication Year"], required: false },
    Field { name: "type", aliases: &["Item Type"], required: false },
    Field { name: "container", aliases: &["Publication Title"], required: false },
    Field { name: "doi", aliases: &["DOI"], required: false },
    Field { name: "isbn", aliases: &["ISBN"], required: false },
    Field { name: "url", aliases: &["Url"], required: false },
    Field { name: "themes", aliases: &[], required: false },
    Field { name: "language", aliases: &["Language"], required: false },
    Field { name: "volume", aliases: &["Volume"], required: false },
    Field { name: "issue", aliases: &["Issue"], required: false },
    Field { name: "pages", aliases: &["Pages"], required: false },
    Field { name: "publisher", aliases: &["Publisher"], required: false },
    Field { name: "place", aliases: &["Place"], required: false },
    Field { name: "edition", aliases: &["Edition"], required: false },
    Field { name: "keywords", aliases: &["Manual Tags"], required: false },
    Field { name: "annotation", aliases: &[], required: false },
    // Zotero's "Series" (a book's series; "Series Title" for a journal
    // article's): the series, never the container (issue 12o's field).
    Field { name: "series", aliases: &["Series"], required: false },
    // Zotero's "Journal Abbreviation" (CSL `container-title-short`): the
    // journal's abbreviation, which Vancouver cites (issue 12w).
    Field { name: "container_short", aliases: &["Journal Abbreviation"], required: false },
    // Zotero's "Type" (a report's, thesis's or letter's type: `reportType`,
    // `thesisType`…, CSL `genre`): the genre ("Technical report").
    Field { name: "genre", aliases: &["Type"], required: false },
    // Zotero's "Num Pages" (a book's `numPages`, CSL `number-of-pages`): the
    // number of pages of the whole work (branch 12e).
    Field { name: "page_count", aliases: &["Num Pages"], required: false },
    // Zotero's "Access Date" ("2024-03-05 10:11:12", CSL `accessed`): the
    // date the work was consulted (schema 0026).
    Field { name: "accessed", aliases: &["Access Date"], required: false },
    // Zotero's "Rights" (CSL `license`): the work's licence or rights
    // statement, canon's `licence` (tester r24: it was named as having no field).
    Field { name: "licence", aliases: &["Rights"], required: false },
    // Zotero's "Number Of Volumes" (`numberOfVolumes`, CSL
    // `number-of-volumes`): schema 0033 (tester r71 F12: named as not read).
    Field { name: "number_of_volumes", aliases: &["Number Of Volumes"], required: false },
    // Zotero's "Original Date" (`originalDate`, CSL `original-date`, also
    // read from Extra): the year the work first appeared (schema 0028), as a
    // canonical CSV's column is (tester r80 F8: named as not read, and no
    // `--map` could read it).
    Field { name: "original_year", aliases: &["Original Date", "Original Publication Year"], required: false },
    // No Zotero column holds it; for a `--map` of a column added by hand.
    Field { name: "original_title", aliases: &["Original Title"], required: false },
    // Zotero's "Archive" and "Archive Location" (`archive`, `archiveLocation`;
    // CSL `archive`, `archive_location`): where an archival document is kept
    // (schema 0039; tester r96 F3: named as not read).
    Field { name: "archive", aliases: &["Archive"], required: false },
    Field { name: "archive_location", aliases: &["Archive Location", "Loc. in Archive"], required: false },
    // A conference paper's "Conference Name" and a presentation's "Meeting
    // Name" (CSL `event-title`): the event (schema 0040; tester r98 F2:
    // named as not read). Its place is Zotero's one "Place" (CSL
    // `event-place` and `publisher-place` both); no Zotero column holds a
    // separate place or date, for a `--map` of a column added by hand.
    Field { name: "event", aliases: &["Conference Name"], required: false },
    Field { name: "event_place", aliases: &[], required: false },
    Field { name: "event_date", aliases: &[], required: false },
    // Zotero writes both columns, each item type filling its own.
    Field { name: "meeting_name", aliases: &["Meeting Name"], required: false },
];

/// Zotero's CSV columns (Zotero 6 and 7 export every field of every item
/// type) that canon has no field for, each with what it holds, so that the
/// header report names it rather than suggesting a `--map` to an unrelated
/// field ("Notes" is named above, with the `--map` that reads it).
const ZOTERO_UNREAD: [(&str, &str); 41] = [
    ("Date Added", "when the item was added to the Zotero library, not part of the reference"),
    ("Date Modified", "when the item was last changed in Zotero, not part of the reference"),
    ("Short Title", "the title's short form (CSL `title-short`); the full title is read"),
    ("Series Text", "Zotero's series text (a series' subtitle), which canon has no field for"),
    ("ISSN", "the journal's ISSN, which canon has no field for (the journal is read by its title)"),
    ("Library Catalog", "the catalogue Zotero took the record from, not part of the reference"),
    ("Call Number", "a library's shelf mark, not part of the reference"),
    ("File Attachments", "paths to files attached on the exporting computer, not part of the reference"),
    ("Link Attachments", "links attached in Zotero, not part of the reference"),
    ("Automatic Tags", "tags Zotero took from the source's subject headings; the Manual Tags are read as keywords"),
    ("Series Editor", "the series' editors, which canon does not store (it keeps authors, editors and translators)"),
    ("Contributor", "other contributors, which canon does not store (it keeps authors, editors and translators)"),
    ("Book Author", "a chapter's book's authors (CSL `container-author`), which canon does not store"),
    ("Reviewed Author", "the authors of a reviewed work, which canon does not store"),
    ("Attorney Agent", "a patent's attorney or agent, which canon does not store"),
    ("Cast Member", "a film's or broadcast's cast, which canon does not store"),
    ("Commenter", "a podcast's or post's commenter, which canon does not store"),
    ("Composer", "a recording's composer, which canon does not store"),
    ("Cosponsor", "a bill's cosponsors, which canon does not store"),
    ("Counsel", "a case's counsel, which canon does not store"),
    ("Interviewer", "an interview's interviewer, which canon does not store"),
    ("Producer", "a film's or broadcast's producer, which canon does not store"),
    ("Recipient", "a letter's or e-mail's recipient, which canon does not store"),
    ("Scriptwriter", "a film's or broadcast's scriptwriter, which canon does not store"),
    ("Words By", "a recording's lyricist, which canon does not store"),
    ("Guest", "a podcast's or broadcast's guest, which canon does not store"),
    ("Assignee", "a patent's assignee, which canon does not store"),
    ("Running Time", "a recording's running time, which canon has no field for"),
    ("Scale", "a map's scale, which canon has no field for"),
    ("Medium", "the medium of an artwork, recording or interview, which canon has no field for"),
    ("Artwork Size", "an artwork's size, which canon has no field for"),
    ("Filing Date", "a patent's filing date, which canon has no field for"),
    ("Application Number", "a patent's application number, which canon has no field for"),
    ("Issuing Authority", "a patent's issuing authority, which canon has no field for"),
    ("Priority Numbers", "a patent's priority numbers, which canon has no field for"),
    ("Legal Status", "a patent's legal status, which canon has no field for"),
    ("Country", "a patent's or statute's country, which canon has no field for"),
    ("Programming Language", "software's programming language, which canon has no field for"),
    ("Version", "software's or a dataset's version, which canon has no field for"),
    ("System", "software's operating system, which canon has no field for"),
    ("References", "a legal case's or statute's references, which canon has no field for"),
];

/// Zotero's legal columns (cases, statutes, bills, hearings), named alike
/// ("Section", a statute's or a newspaper article's, by [`section_reason`]).
const ZOTERO_LEGAL: [&str; 7] = ["Court", "Reporter", "Code", "Code Number", "Session", "Committee", "History"];

/// What Zotero's "Section" column holds in `t`, by the item types of the
/// rows with text there: a newspaper article's section ("Health", "A"), a
/// statute's section, or either.
fn section_reason(t: &Table, kind: Option<usize>) -> &'static str {
    let Some(at) = t.header.iter().position(|h| h.trim().eq_ignore_ascii_case("section")) else {
        return "";
    };
    let kinds = t.rows.iter().filter(|(_, r)| r.get(at).is_some_and(|v| !v.trim().is_empty()));
    let news: Vec<bool> =
        kinds.map(|(_, r)| kind.and_then(|k| r.get(k)).is_some_and(|k| k.trim() == "newspaperArticle")).collect();
    if !news.is_empty() && news.iter().all(|n| *n) {
        "a newspaper article's section (\"Health\", \"A\"), which canon has no field for"
    } else if news.iter().any(|n| *n) {
        "a newspaper article's section, or a statute's, which canon has no field for"
    } else {
        "a field of a legal case, statute, bill or hearing, which canon has no field for"
    }
}

/// Reads and validates a Zotero CSV export (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    parse_with(path_display, text, themes, &[])
}

/// [`parse`] with `--map 'Their Header=field'` options.
pub fn parse_with(path_display: &str, text: &str, themes: &dyn Themes, maps: &[String]) -> Parsed {
    let _ = path_display;
    builder::build_all(read_with(text, maps), themes)
}

/// The byte range of each row of a table read from `text`: from its start
/// to the start of the next row (or the end of the text).
pub(crate) fn row_spans(text: &str, t: &Table) -> Vec<std::ops::Range<usize>> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let starts: Vec<usize> = t.rows.iter().map(|(_, r)| r.position().map_or(0, |p| p.byte() as usize) + bom).collect();
    starts.iter().enumerate().map(|(i, s)| *s..starts.get(i + 1).copied().unwrap_or(text.len()).max(*s)).collect()
}

/// Reads a Zotero CSV export into drafts, pure.
pub fn read(text: &str) -> Read {
    read_with(text, &[])
}

/// [`read`] with `--map` options.
pub fn read_with(text: &str, maps: &[String]) -> Read {
    let mut out = Read::default();
    let Some(t) = read_table(text, &mut out.errors) else { return out };
    out.skipped = t.skipped;
    let Some(mut m) = t.map(FIELDS, maps, &mut out.errors) else { return out };
    if !m.has(TITLE) {
        out.errors.push(RowError::new(
            1,
            1,
            format!(
                "no \"Title\" column; expected a Zotero CSV export header (\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",…), found {}",
                t.quoted()
            ),
        ));
        return out;
    }
    // Zotero's "Call Number" is a library's shelf mark (named as not read),
    // except beside an "Archive" with no "Loc. in Archive": there it is the
    // archive's shelf mark, its place in the archive ("CO 209/16"), read as
    // the archive location. Read only when some row has it so.
    let column = |name: &str| t.header.iter().position(|h| super::header::norm(h) == super::header::norm(name));
    let shelf_mark = |r: &csv::StringRecord| {
        get(r, column("Call Number")).is_some()
            && get(r, m.columns[ARCHIVE]).is_some()
            && get(r, m.columns[ARCHIVE_LOCATION]).is_none()
    };
    let call_number = if t.rows.iter().any(|(_, r)| shelf_mark(r)) {
        m.fallbacks(ARCHIVE_LOCATION, &["Call Number"]).first().copied()
    } else {
        None
    };
    let c = Columns {
        call_number,
        title: m.columns[TITLE],
        kind: m.columns[TYPE],
        year: m.columns[YEAR],
        date: m.fallbacks(YEAR, &["Date"]).first().copied(),
        author: m.columns[AUTHORS],
        // Zotero's "Editor" column is read as the editors (and reported so).
        editor: m.read_as(&["Editor"], "editors").first().copied(),
        translator: m.read_as(&["Translator"], "translators").first().copied(),
        // A program's or data set's "Version": the edition, "Version 1.0".
        version: m.read_as(&["Version"], "edition (as \"Version …\")").first().copied(),
        container: m.columns[CONTAINER],
        series: m.columns[SERIES],
        series_title: m.fallbacks(SERIES, &["Series Title"]).first().copied(),
        volume: m.columns[VOLUME],
        issue: m.columns[ISSUE],
        // Zotero's "Series Number" (a book's number in its series, CSL
        // `collection-number`): kept where a BibTeX book's `number` is, the
        // issue, when the record has none; beside an issue it is said.
        series_number: m.fallbacks(ISSUE, &["Series Number"]).first().copied(),
        // Zotero's "Number" (a report's number, CSL `number`): the issue,
        // where a report's number is kept; an article's number is its
        // article number (see [`Draft::article_number`]).
        number: m.fallbacks(ISSUE, &["Number"]).first().copied(),
        container_short: m.columns[CONTAINER_SHORT],
        genre: m.columns[GENRE],
        pages: m.columns[PAGES],
        page_count: m.columns[PAGE_COUNT],
        accessed: m.columns[ACCESSED],
        licence: m.columns[LICENCE],
        number_of_volumes: m.columns[NUMBER_OF_VOLUMES],
        original_year: m.columns[ORIGINAL_YEAR],
        original_title: m.columns[ORIGINAL_TITLE],
        archive: m.columns[ARCHIVE],
        archive_location: m.columns[ARCHIVE_LOCATION],
        event: m.columns[EVENT],
        event_place: m.columns[EVENT_PLACE],
        event_date: m.columns[EVENT_DATE],
        meeting_name: m.columns[MEETING_NAME],
        publisher: m.columns[PUBLISHER],
        place: m.columns[PLACE],
        edition: m.columns[EDITION],
        isbn: m.columns[ISBN],
        doi: m.columns[DOI],
        url: m.columns[URL],
        // Zotero's "Extra": a note whose "PMID:", "DOI:", "Original Date:" and CSL variable
        // lines are those fields (`builder::read_extra`).
        extra: m
            .read_as(&["Extra"], "notes (with its PMID, DOI, original date and CSL variable lines)")
            .first()
            .copied(),
        themes: m.columns[THEMES],
        tags: m.columns[KEYWORDS],
        lang: m.columns[LANGUAGE],
        annotation: m.columns[ANNOTATION],
    };
    // Zotero's columns for what canon has no field for, named as what they hold.
    m.known_unread(&[
        ("Key", "Zotero's own key for the item, which names it in one Zotero library only"),
        (
            "Abstract Note",
            "the abstract, which canon does not keep (a reading list cites works; it does not hold their text)",
        ),
        ("Notes", "Zotero's notes on the item; to read them as the annotation, add --map 'Notes=annotation'"),
    ]);
    m.known_unread(&ZOTERO_UNREAD);
    // Zotero's "Section" is a newspaper article's section as well as a
    // statute's: named for the rows that hold it (tester100 F4).
    m.known_unread(&[("Section", section_reason(&t, c.kind))]);
    let legal: Vec<(&str, &str)> = ZOTERO_LEGAL
        .iter()
        .chain(["Legislative Body"].iter())
        .map(|h| (*h, "a field of a legal case, statute, bill or hearing, which canon has no field for"))
        .collect();
    m.known_unread(&legal);
    out.filled = t.filled();
    out.header = Some(m.report);
    let spans = row_spans(text, &t);
    for ((line, r), span) in t.rows.iter().zip(spans) {
        out.push(super::rows::draft_at_cell_lines(row(*line, r, &c), r), span);
    }
    out
}

/// The columns of a Zotero export that canon reads.
struct Columns {
    call_number: Option<usize>,
    title: Option<usize>,
    kind: Option<usize>,
    year: Option<usize>,
    date: Option<usize>,
    author: Option<usize>,
    editor: Option<usize>,
    translator: Option<usize>,
    version: Option<usize>,
    container: Option<usize>,
    series: Option<usize>,
    series_title: Option<usize>,
    volume: Option<usize>,
    issue: Option<usize>,
    series_number: Option<usize>,
    number: Option<usize>,
    container_short: Option<usize>,
    genre: Option<usize>,
    pages: Option<usize>,
    page_count: Option<usize>,
    accessed: Option<usize>,
    licence: Option<usize>,
    number_of_volumes: Option<usize>,
    original_year: Option<usize>,
    original_title: Option<usize>,
    archive: Option<usize>,
    archive_location: Option<usize>,
    event: Option<usize>,
    event_place: Option<usize>,
    event_date: Option<usize>,
    meeting_name: Option<usize>,
    publisher: Option<usize>,
    place: Option<usize>,
    edition: Option<usize>,
    isbn: Option<usize>,
    doi: Option<usize>,
    url: Option<usize>,
    extra: Option<usize>,
    themes: Option<usize>,
    tags: Option<usize>,
    lang: Option<usize>,
    annotation: Option<usize>,
}

/// Zotero's "Date" when it is an ISO 8601 date ("2011", "2011-12",
/// "2011-12-03", "2011-12-00", "2000-00-00"), without the parts Zotero
/// writes "00" for; `None` for any other text.
fn zotero_iso(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.trim().split('-').collect();
    let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|c| c.is_ascii_digit());
    let [y, ..] = parts.as_slice() else { return None };
    if parts.len() > 3 || !digits(y, 4) || !parts[1..].iter().all(|w| digits(w, 2)) {
        return None;
    }
    // A day without its month ("2011-00-05") is no date Zotero writes.
    let known: Vec<&str> = parts.iter().copied().take_while(|w| *w != "00").collect();
    parts[known.len()..].iter().all(|w| *w == "00").then(|| known.join("-"))
}

fn row(line: u64, r: &csv::StringRecord, c: &Columns) -> Draft {
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    let at = |c: Option<usize>| super::rows::cell_pos(r, line, n(c));
    let text = |c: Option<usize>| get(r, c).map(str::to_string);
    let mut d = Draft::new(Pos::new(line, n(c.title)), None);
    // (A cell keeps its text as written: a tab or line break in it is said.)
    d.breaks_said = true;
    d.title = Some(Val::new(get(r, c.title).unwrap_or(""), at(c.title)));
    // Zotero writes its "Date" as ISO 8601 where it parsed one ("2011-12",
    // "2011-12-03", with "00" for an unknown month or day as it stores them:
    // "2011-12-00", "2000-00-00"): there "2011-12" is December 2011, not the
    // years 2011 to 2012 (d86). An unknown part says nothing and is dropped.
    let date = get(r, c.date).map(|v| zotero_iso(v).unwrap_or_else(|| v.to_string()));
    d.date_iso = get(r, c.date).and_then(zotero_iso).is_some();
    d.date = match get(r, c.year) {
        Some(y) => Some(Val::new(y, at(c.year))),
        None => date.as_deref().map(|y| Val::new(y, at(c.date))),
    };
    // Zotero's "Date" as written ("2020-05-06", "March 7, 2021"): its month
    // and day, beside the year "Publication Year" gives (as RIS `DA`).
    d.month = date.as_deref().map(|v| Val::new(v, at(c.date)));
    d.doi = get(r, c.doi).map(|v| Val::new(v, at(c.doi)));
    // Zotero keeps a DOI and a PMID in Extra ("DOI: 10.…", "PMID: …") for item
    // types without those fields: the builder fills them from it and keeps
    // the rest of Extra as the note.
    d.extra = get(r, c.extra).map(|x| Val::new(x, at(c.extra)));
    d.isbn = get(r, c.isbn).map(|v| Val::new(v, at(c.isbn)));
    d.isbn_rule = IsbnRule::FirstValid;
    d.names_at = [Some(at(c.author)), Some(at(c.editor)), Some(at(c.translator))];
    d.authors = cell_names(r, c.author, (line, n(c.author)), &mut d.warnings, &mut d.guessed.authors);
    d.authors_truncated = names::ends_with_et_al(get(r, c.author).unwrap_or(""));
    // Zotero's Editor column holds editors: an edited book is cited by them.
    d.editors = cell_names(r, c.editor, (line, n(c.editor)), &mut d.warnings, &mut d.guessed.editors);
    d.translators = cell_names(r, c.translator, (line, n(c.translator)), &mut d.warnings, &mut d.guessed.translators);
    // (HTML's character references decoded first: their `;` is no separator.)
    let tags = super::html_entities(get(r, c.tags).unwrap_or(""));
    for tag in tags.split(';').map(str::trim).filter(|t| !t.is_empty()) {
        d.keywords.push(Val::new(tag, at(c.tags)));
    }
    d.themes =
        crate::store::themes::split_cell(get(r, c.themes).unwrap_or("")).map(|t| Val::new(t, at(c.themes))).collect();
    d.kind = builder::kind_of_cell(get(r, c.kind), at(c.kind), zotero_kind);
    d.container = text(c.container);
    // A podcast episode's "Series Title" is its podcast (Zotero's
    // `seriesTitle` of a podcast item): the container a reference names
    // ("In *Podcast Name*", APA 7 §10.13), never a series no style prints
    // (tester r27 F6).
    if matches!(d.kind, KindSrc::Mapped("podcast")) && d.container.is_none() {
        d.container = text(c.series_title);
        d.series = text(c.series);
    } else {
        d.series = text(c.series).or_else(|| text(c.series_title));
    }
    d.volume = text(c.volume);
    d.issue = text(c.issue);
    d.volume_at = Some(at(c.volume));
    d.issue_at = Some(at(c.issue));
    d.pages_at = Some(at(c.pages));
    d.container_short = text(c.container_short);
    d.pages = text(c.pages);
    d.page_count = text(c.page_count);
    d.accessed = get(r, c.accessed).map(|v| Val::new(v, at(c.accessed)));
    d.licence = get(r, c.licence).map(str::to_string);
    d.number_of_volumes = get(r, c.number_of_volumes).map(|v| Val::new(v, at(c.number_of_volumes)));
    d.original_year = get(r, c.original_year).map(|v| Val::new(v, at(c.original_year)));
    d.original_title = text(c.original_title).map(|t| super::title_text::from_sheet(&t));
    d.archive = text(c.archive);
    d.archive_location = text(c.archive_location);
    if let Some(call) = text(c.call_number) {
        if d.archive.is_some() && d.archive_location.is_none() {
            d.archive_location = Some(call);
        } else if d.archive_location.as_deref().is_none_or(|l| l.trim() != call.trim()) {
            let why = if d.archive.is_some() {
                "the item has a Loc. in Archive, and canon keeps one place in the archive"
            } else {
                "a library's shelf mark (read as the archive location only beside an Archive)"
            };
            d.warnings.push(RowError::new(
                line,
                n(c.call_number),
                format!("Call Number {:?} not stored: {why}", call.trim()),
            ));
        }
    }
    d.genre = text(c.genre);
    // The genre an item type implies ("Computer software") is a default (tester r92 F1).
    d.genre_implied = d.genre.is_none();
    d.genre = d.genre.take().or_else(|| get(r, c.kind).and_then(builder::genre_of_type_name).map(str::to_string));
    let kind = match d.kind {
        KindSrc::Mapped(k) => k,
        KindSrc::Named(_) | KindSrc::Inferred(_) | KindSrc::Generic { .. } | KindSrc::Absent(_) => "other",
    };
    // A preprint's "Number" is its archive ID (Zotero's "Archive ID",
    // "arXiv:2009.10576"), no article number (tester r59 F7: stored as the
    // pages "Article arXiv:2009.10576"): the arXiv address when the row has
    // none, else named as not stored.
    let preprint = get(r, c.kind).is_some_and(|k| k.trim().eq_ignore_ascii_case("preprint"));
    let number = get(r, c.number).map(|v| Val::new(v, at(c.number)));
    let mut arxiv_url = None;
    let number = match number {
        Some(v) if preprint => {
            let id = v.text.trim();
            let arxiv = id.strip_prefix("arXiv:").or_else(|| id.strip_prefix("arxiv:"));
            match arxiv {
                Some(a) if get(r, c.url).is_none() && !a.contains(char::is_whitespace) => {
                    arxiv_url = Some(format!("https://arxiv.org/abs/{a}"));
                }
                _ => d.not_stored_as("Zotero CSV Number (a preprint's archive ID; its DOI or address is kept)".into()),
            }
            None
        }
        other => other,
    };
    if let Some(v) = number {
        let number = v.text.trim().to_string();
        match d.issue.as_deref().map(str::trim) {
            _ if matches!(kind, "article" | "newspaper-article" | "magazine-article") => {
                d.article_number("Number", Some(v));
            }
            None => d.issue = Some(number),
            Some(i) if i == number => {}
            Some(i) => d.warnings.push(RowError::new(
                v.at.line,
                v.at.column,
                format!(
                    "Number {number:?} not stored: the row has an issue ({i:?}) and canon keeps one number, the issue"
                ),
            )),
        }
    }
    // The item's own number first (a report's number), then its number in a
    // series: a report's "Number" is what it is cited by (APA 7 §10.4),
    // so a "Series Number" beside it is the one named as not stored.
    if let Some(n) = text(c.series_number) {
        match d.issue.as_deref() {
            // Alone: the builder keeps it as a book's issue, and as a
            // report's number in its series (tester r34 #1).
            None => d.series_number = Some(n),
            Some(i) if i.trim() == n.trim() => {}
            // Beside the item's own number, with the series it numbers:
            // kept apart, the number in the series (schema 0024).
            Some(_) if d.series.is_some() => d.series_number = Some(n),
            Some(i) => {
                let p = at(c.series_number);
                d.warnings.push(RowError::new(
                    p.line,
                    p.column,
                    format!(
                        "Series Number {:?} not stored: the row has an issue ({:?}) and canon keeps one number, the \
                         issue",
                        n.trim(),
                        i.trim()
                    ),
                ));
            }
        }
    }
    // A conference paper's "Volume" beside its "Series" is its proceedings'
    // number in the series (Zotero's conferencePaper has no "Series
    // Number": the LNCS number is written in Volume), stored as the same
    // paper's BibTeX and RIS copies store it ([`Draft::volume_numbers_series`];
    // tester r86 F2: it stayed the volume until another list was merged). A
    // book's or chapter's Volume is its volume: Zotero gives those types a
    // "Series Number" of their own.
    if kind == "conference-paper" {
        d.volume_numbers_series(kind);
    }
    d.publisher = text(c.publisher);
    d.place = text(c.place);
    // A conference's place is Zotero's "Place" (schema 0040).
    d.event = text(c.event).or_else(|| text(c.meeting_name));
    if let (Some(e), Some(m)) = (text(c.event), text(c.meeting_name))
        && e.trim() != m.trim()
    {
        d.warnings.push(RowError::new(
            line,
            n(c.meeting_name),
            format!(
                "Meeting Name {:?} not stored: the item has a Conference Name, and canon keeps one event",
                m.trim()
            ),
        ));
    }
    d.event_place = text(c.event_place).or_else(|| text(c.place).filter(|_| d.event.is_some()));
    d.event_date = text(c.event_date);
    d.edition = text(c.edition).or_else(|| text(c.version).map(|v| builder::version_as_edition(&v)));
    if let (Some(_), Some(v)) = (text(c.edition), text(c.version)) {
        d.warnings.push(RowError::new(
            line,
            n(c.version),
            format!("Version {:?} not stored: the item has an edition, and canon keeps one", v.trim()),
        ));
    }
    d.url = text(c.url).or(arxiv_url);
    d.url_at = Some(at(c.url));
    d.language = text(c.lang);
    d.language_at = Some(at(c.lang));
    d.annotation = text(c.annotation);
    super::title_text::read_bibtex_braces(&mut d, "Zotero CSV");
    d
}

/// The names in an author cell; a cell that splits only by guessing is a
/// warning naming it, and sets `guessed`.
pub(crate) fn cell_names(
    r: &csv::StringRecord,
    c: Option<usize>,
    (line, column): (u64, u64),
    warnings: &mut Vec<RowError>,
    guessed: &mut bool,
) -> Vec<names::Name> {
    let split = names::split_cell(get(r, c).unwrap_or(""));
    if let Some(doubt) = split.doubt {
        *guessed = true;
        warnings.push(RowError::new(line, column, format!("author cell {doubt}")));
    }
    split.names
}

#[cfg(test)]
mod tests {

    #[test]
    fn zoteros_iso_dates_without_their_unknown_parts() {
        for (v, want) in [
            ("2011-12", Some("2011-12")),
            ("2011-12-00", Some("2011-12")),
            ("2011-12-03", Some("2011-12-03")),
            ("2000-00-00", Some("2000")),
            ("2000", Some("2000")),
            ("2011-00-05", None),
            ("2000-2", None),
            ("2011-2012", None),
            ("March 7, 2021", None),
            ("2011-12-03-01", None),
        ] {
            assert_eq!(zotero_iso(v).as_deref(), want, "{v}");
        }
    }

    use super::*;
    use crate::import::ReadingRecord;
    use crate::import::builder::tests::TestThemes;

    const HEADER: &str = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"ISBN\",\"ISSN\",\"DOI\",\"Url\",\"Date\",\"Publisher\",\"Language\",\"Extra\",\"Notes\",\"Manual Tags\",\"Automatic Tags\"\n";

    fn parse_str(s: &str) -> Parsed {
        parse("t.csv", s, &TestThemes)
    }

    #[test]
    fn rows_tags_and_types() {
        let text = format!(
            "{HEADER}\"K1\",\"journalArticle\",\"2019\",\"Williams, David R.; Lawrence, Jourdyn A.\",\"Racism and health:\n evidence\",\"Annual Review\",\"\",\"0163-7525\",\"10.1146/ABC\",\"https://x.org\",\"2019-04\",\"\",\"en\",\"\",\"<p>note</p>\",\"Epistemic bias; racism; historical-awareness\",\"Intersectional health\"\n\
             \"K2\",\"book\",\"\",\"Fanon, Frantz\",\"Black Skin, White Masks\",\"\",\"ISSN 978-0-8223-9420-4 978-0-385-50993-0\",\"\",\"\",\"\",\"1952\",\"Pluto\",\"\",\"DOI: 10.2307/J.CTV\",\"\",\"\",\"\"\n\
             \"K3\",\"podcast\",\"\",\"\",\"Episode\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        );
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 3);
        let a = &p.records[0];
        assert_eq!(a.line, 2);
        assert_eq!(a.title, "Racism and health: evidence");
        assert_eq!(
            a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(),
            ["Williams, David R.", "Lawrence, Jourdyn A."]
        );
        assert_eq!((a.year, a.kind.as_str()), (Some(2019), "article"));
        assert_eq!(a.doi.as_deref(), Some("10.1146/ABC"));
        assert_eq!(a.themes.len(), 2, "manual tags that name themes, not automatic ones");
        assert_eq!(a.annotation, None);
        let b = &p.records[1];
        assert_eq!(b.line, 4);
        assert_eq!((b.year, b.kind.as_str()), (Some(1952), "book"));
        assert_eq!(b.isbn.as_deref(), Some("9780822394204"), "the first of several");
        assert_eq!((b.container.as_deref(), b.publisher.as_deref()), (None, Some("Pluto")));
        assert_eq!(b.doi.as_deref(), Some("10.2307/J.CTV"));
        assert_eq!(p.records[2].kind, "podcast");
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = format!(
            "{HEADER}\"K1\",\"journalArticle\",\"twenty\",\"\",\"T\",\"\",\"\",\"\",\"doi?\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\"K2\",\"book\"\n\"K3\",\"book\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        );
        let p = parse_str(&text);
        assert!(p.records.is_empty());
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(2, 3), (2, 9), (3, 3), (4, 5)], "{:?}", p.errors);
        assert!(p.errors[0].message.contains("\"twenty\""));
    }

    #[test]
    fn a_csv_without_title_is_refused() {
        let p = parse_str("a,b\n1,2\n");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 1);
    }

    fn corpus(name: &str) -> Option<String> {
        let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let t = std::fs::read_to_string(&path).ok();
        if t.is_none() {
            eprintln!("skipping: {path} not found");
        }
        t
    }

    #[test]
    fn real_zotero_csv_exports() {
        let Some(text) = corpus("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv") else { return };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 150);
        assert_eq!(p.records[0].authors.len(), 10);
        assert_eq!(p.records[0].container.as_deref(), Some("Plasmonics"));
        let Some(text) = corpus("zotero-csv/green-criminology-south-america_zotero-export.csv") else { return };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 98);
        let book = p.records.iter().find(|r| r.kind == "book").unwrap();
        assert_eq!(book.isbn.as_deref(), Some("9780822394204"));
        assert_eq!(book.doi.as_deref(), Some("10.2307/j.ctv11g98cb"));
    }

    /// The same 150 records exported from one Zotero library as BibTeX, RIS
    /// and CSV agree on title, year and DOI.
    #[test]
    fn bibtex_ris_and_zotero_csv_agree() {
        let (Some(bib), Some(ris), Some(csv)) = (
            corpus("bib/slr-deepfake-detection_zotero-export_first150.bib"),
            corpus("ris/slr-deepfake-detection_zotero-export_first150.ris"),
            corpus("zotero-csv/slr-deepfake-detection_zotero-export_first150.csv"),
        ) else {
            return;
        };
        let themes = TestThemes;
        let b = super::super::bibtex::parse("b", &bib, &themes).records;
        let r = super::super::ris::parse("r", &ris, &themes).records;
        let c = parse("c", &csv, &themes).records;
        assert_eq!((b.len(), r.len(), c.len()), (150, 150, 150));
        let key = |x: &ReadingRecord| (x.title.clone(), x.year, x.doi.clone());
        for i in 0..10 {
            assert_eq!(key(&b[i]), key(&c[i]), "record {i}: BibTeX vs Zotero CSV");
            assert_eq!(key(&r[i]), key(&c[i]), "record {i}: RIS vs Zotero CSV");
        }
        // All 150 agree too, up to case (BibTeX and Zotero keep the same capitals).
        let keyed = |v: &[ReadingRecord]| {
            v.iter().map(|x| (super::super::title_key(&x.title), x.year, x.doi.clone())).collect::<Vec<_>>()
        };
        assert_eq!(keyed(&b), keyed(&c));
        assert_eq!(keyed(&r), keyed(&c));
        // Containers may differ: Zotero's BibTeX export writes the journal's
        // abbreviation ("Signal Image Video Process.") where it has one.
        for (x, y) in b.iter().zip(&c) {
            assert_eq!((&x.authors, &x.kind), (&y.authors, &y.kind), "{}", x.title);
        }
        for (x, y) in r.iter().zip(&c) {
            assert_eq!((&x.authors, &x.kind, &x.container), (&y.authors, &y.kind, &y.container), "{}", x.title);
        }
    }
}
