//! Scopus's "Export → CSV": a header of "Authors", "Author full names",
//! "Author(s) ID", "Title", "Year", "Source title", "Volume", "Issue", "Art.
//! No.", "Page start", "Page end", "Page count", "Cited by", "DOI", "Link",
//! …, "Document Type", "Publication Stage", "Open Access", "Source", "EID"
//! (Elsevier, *Scopus: export documents*; the columns depend on what the
//! user ticks, so each is optional and any order is read). UTF-8 with a BOM.
//!
//! Authors come from "Author full names" ("Tanaka, Yuki (57212345678);
//! Mensah, Kofi A., Jr. (57000000001)", the Scopus author ID in brackets,
//! which is not stored), else from "Authors" ("Tanaka Y.; Mensah K.A.,
//! Jr."). The first and last page make the pages; the article number ("Art.
//! No.") is the locator of a work without pages.

use super::builder::{self, Draft, IsbnRule, Pos, Read, Themes, Val};
use super::header::Field;
use super::names;
use super::zotero_csv::{get, read_table, row_spans};
use super::{Parsed, RowError, reading_type};
use crate::import::facets::WorkFacets;

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const CONTAINER: usize = 4;
const DOI: usize = 5;
const ISBN: usize = 6;
const LANGUAGE: usize = 7;
const VOLUME: usize = 8;
const ISSUE: usize = 9;
const PAGES: usize = 10;
const PUBLISHER: usize = 11;
const KEYWORDS: usize = 12;
const CONTAINER_SHORT: usize = 13;
const PAGE_COUNT: usize = 14;
const PMID: usize = 15;
const EDITORS: usize = 16;
const YEAR_NOTE: usize = 17;
const OPEN_ACCESS: usize = 18;
const THEMES: usize = 19;
const URL: usize = 20;
const EVENT: usize = 21;
const EVENT_DATE: usize = 22;
const EVENT_PLACE: usize = 23;

/// The columns canon reads from a Scopus CSV export, by canon's field names.
/// "Author Keywords" are keywords, which tag a theme when they name one (see
/// [`builder`]); `themes` and `url` are for columns the user maps (`--map`):
/// Scopus's "Link" is its own page for the record, not the work.
pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["Title"], required: false },
    Field { name: "authors", aliases: &["Author full names"], required: false },
    Field { name: "year", aliases: &["Year"], required: false },
    Field { name: "type", aliases: &["Document Type"], required: false },
    Field { name: "container", aliases: &["Source title"], required: false },
    Field { name: "doi", aliases: &["DOI"], required: false },
    Field { name: "isbn", aliases: &["ISBN"], required: false },
    Field { name: "language", aliases: &["Language of Original Document"], required: false },
    Field { name: "volume", aliases: &["Volume"], required: false },
    Field { name: "issue", aliases: &["Issue"], required: false },
    Field { name: "pages", aliases: &["Page start"], required: false },
    Field { name: "publisher", aliases: &["Publisher"], required: false },
    Field { name: "keywords", aliases: &["Author Keywords"], required: false },
    Field { name: "container_short", aliases: &["Abbreviated Source Title"], required: false },
    Field { name: "page_count", aliases: &["Page count"], required: false },
    Field { name: "pmid", aliases: &["PubMed ID"], required: false },
    Field { name: "editors", aliases: &["Editors"], required: false },
    // "Final" or "Article in press".
    Field { name: "year_note", aliases: &["Publication Stage"], required: false },
    // "All Open Access; Gold Open Access", or empty.
    Field { name: "open_access", aliases: &["Open Access"], required: false },
    Field { name: "themes", aliases: &[], required: false },
    Field { name: "url", aliases: &[], required: false },
    // A paper's conference, its dates as Scopus writes them ("8 November
    // 2020 through 12 November 2020") and its place (CSL `event-title`,
    // `event-date`, `event-place`; schema 0040): stored, as its Scopus RIS
    // and BibTeX copies' note lines are (they were named as not read).
    Field { name: "event", aliases: &["Conference name"], required: false },
    Field { name: "event_date", aliases: &["Conference date"], required: false },
    Field { name: "event_place", aliases: &["Conference location"], required: false },
];

/// Scopus's columns that canon has no field for, each with what it holds.
const UNREAD: [(&str, &str); 21] = [
    ("Author(s) ID", "Scopus's author identifiers, which canon does not store (the names are read)"),
    ("Cited by", "the number of citing documents in Scopus on the day of export, not part of the reference"),
    ("Link", "Scopus's page for the record, not the work (the DOI is read)"),
    ("Affiliations", "the authors' affiliations, which canon does not store"),
    ("Authors with affiliations", "the authors' affiliations, which canon does not store"),
    ("Abstract", "the abstract, which canon does not keep (a reading list cites works; it does not hold their text)"),
    ("Index Keywords", "Scopus's indexing terms; the Author Keywords are read as keywords"),
    ("Molecular Sequence Numbers", "sequence database numbers, which canon has no field for"),
    ("Chemicals/CAS", "chemical names and CAS numbers, which canon has no field for"),
    ("Tradenames", "trade names, which canon has no field for"),
    ("Manufacturers", "manufacturers, which canon has no field for"),
    ("Funding Details", "funders and grant numbers, which canon has no field for"),
    ("Funding Texts", "the funding statement, which canon has no field for"),
    ("References", "the work's own reference list, which canon does not keep"),
    ("Correspondence Address", "the corresponding author's address, which canon does not store"),
    ("Sponsors", "a conference's sponsors, which canon has no field for"),
    ("Conference code", "Scopus's code for the conference, not part of the reference"),
    ("ISSN", "the journal's ISSN, which canon has no field for (the journal is read by its title)"),
    ("CODEN", "the journal's CODEN, which canon has no field for (the journal is read by its title)"),
    ("Source", "the database the record came from (\"Scopus\"), not part of the reference"),
    ("EID", "Scopus's identifier for the record, which names it in Scopus only"),
];

/// Whether a header row (its cells) is a Scopus export's, whole or with
/// columns deleted: "Title" with Scopus's own columns "EID", "Author(s) ID"
/// or "Author full names", or with "Source title" beside "Document Type",
/// "Page start", "Cited by" or "Abbreviated Source Title".
pub fn looks_like(cells: &[String]) -> bool {
    let has = |n: &str| cells.iter().any(|c| c.trim().eq_ignore_ascii_case(n));
    has("Title")
        && (has("EID")
            || has("Author(s) ID")
            || has("Author full names")
            || (has("Source title")
                && ["Document Type", "Page start", "Cited by", "Abbreviated Source Title"].iter().any(|n| has(n))))
}

/// The canonical reading type for a Scopus document type ("Article",
/// "Review", "Book chapter", "Conference paper", "Letter", "Editorial",
/// "Note", "Erratum", "Short survey", "Data paper", "Retracted"…).
/// `None` for a word that names none (typed by [`builder::untyped_kind`], said).
fn scopus_kind(t: &str) -> Option<&'static str> {
    let k = t.trim().to_lowercase();
    Some(match k.as_str() {
        "book chapter" | "chapter" => "chapter",
        "book" => "book",
        "conference paper" | "conference review" => "conference-paper",
        "report" => "report",
        "article" | "review" | "letter" | "editorial" | "note" | "erratum" | "short survey" | "data paper"
        | "retracted" | "article in press" => "article",
        _ => return reading_type(t),
    })
}

/// Reads and validates a Scopus CSV export (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    parse_with(path_display, text, themes, &[])
}

/// [`parse`] with `--map 'Their Header=field'` options.
pub fn parse_with(path_display: &str, text: &str, themes: &dyn Themes, maps: &[String]) -> Parsed {
    let _ = path_display;
    builder::build_all(read_with(text, maps), themes)
}

/// Reads a Scopus CSV export into drafts, pure.
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
                "no \"Title\" column; expected a Scopus CSV export header (\"Authors\",\"Author full names\",\"Title\",\
                 \"Year\",\"Source title\",…), found {}",
                t.quoted()
            ),
        ));
        return out;
    }
    let ids = t.header.iter().position(|h| super::header::norm(h) == super::header::norm("Author(s) ID"));
    let c = Columns {
        ids,
        title: m.columns[TITLE],
        full_names: m.columns[AUTHORS],
        // "Authors" ("Tanaka Y."): the names when "Author full names" is
        // absent (exports before 2021) or empty.
        short_names: m.fallbacks(AUTHORS, &["Authors"]).first().copied(),
        year: m.columns[YEAR],
        kind: m.columns[TYPE],
        container: m.columns[CONTAINER],
        doi: m.columns[DOI],
        isbn: m.columns[ISBN],
        lang: m.columns[LANGUAGE],
        volume: m.columns[VOLUME],
        issue: m.columns[ISSUE],
        page_start: m.columns[PAGES],
        page_end: m.fallbacks(PAGES, &["Page end"]).first().copied(),
        article: m.fallbacks(PAGES, &["Art. No."]).first().copied(),
        publisher: m.columns[PUBLISHER],
        keywords: m.columns[KEYWORDS],
        container_short: m.columns[CONTAINER_SHORT],
        page_count: m.columns[PAGE_COUNT],
        pmid: m.columns[PMID],
        editors: m.columns[EDITORS],
        stage: m.columns[YEAR_NOTE],
        open_access: m.columns[OPEN_ACCESS],
        themes: m.columns[THEMES],
        url: m.columns[URL],
        event: m.columns[EVENT],
        event_date: m.columns[EVENT_DATE],
        event_place: m.columns[EVENT_PLACE],
    };
    m.known_unread(&UNREAD);
    out.filled = t.filled();
    out.header = Some(m.report);
    let spans = row_spans(text, &t);
    for ((line, r), span) in t.rows.iter().zip(spans) {
        out.push(super::rows::draft_at_cell_lines(row(*line, r, &c), r), span);
    }
    out
}

/// The columns of a Scopus export that canon reads.
struct Columns {
    ids: Option<usize>,
    title: Option<usize>,
    full_names: Option<usize>,
    short_names: Option<usize>,
    year: Option<usize>,
    kind: Option<usize>,
    container: Option<usize>,
    doi: Option<usize>,
    isbn: Option<usize>,
    lang: Option<usize>,
    volume: Option<usize>,
    issue: Option<usize>,
    page_start: Option<usize>,
    page_end: Option<usize>,
    article: Option<usize>,
    publisher: Option<usize>,
    keywords: Option<usize>,
    container_short: Option<usize>,
    page_count: Option<usize>,
    pmid: Option<usize>,
    editors: Option<usize>,
    stage: Option<usize>,
    open_access: Option<usize>,
    themes: Option<usize>,
    url: Option<usize>,
    event: Option<usize>,
    event_date: Option<usize>,
    event_place: Option<usize>,
}

/// The names of an "Author full names" cell ("Family, Given (ID); …"):
/// Scopus's author ID in brackets is no part of the name, nor of the name
/// as written ("Author(s) ID" is named as not read): one of five digits or
/// more, or any the row's "Author(s) ID" cell (`ids`) lists. Scopus's "[No
/// author name available]" is no author.
fn full_names(cell: &str, ids: &[&str]) -> Vec<names::Name> {
    if cell.trim().eq_ignore_ascii_case(NO_AUTHOR) {
        return Vec::new();
    }
    // HTML's character references decoded first: their `;` is no separator.
    let written = cell;
    let cell = &*names::with_list_punctuation(cell);
    let mut names: Vec<names::Name> = cell
        .split(';')
        .map(|p| match names::split_aside(p) {
            Some((base, _, names::Aside::Id)) => base,
            Some((base, aside, _)) if ids.contains(&aside.trim_matches(['(', ')']).trim()) => base,
            _ => p,
        })
        .filter_map(names::parse)
        .collect();
    names::keep_as_written(written, &mut names);
    names
}

/// Scopus's mark for a work without authors, in every author column.
const NO_AUTHOR: &str = "[No author name available]";

fn row(line: u64, r: &csv::StringRecord, c: &Columns) -> Draft {
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    let at = |c: Option<usize>| super::rows::cell_pos(r, line, n(c));
    let text = |c: Option<usize>| get(r, c).map(str::to_string);
    let mut d = Draft::new(Pos::new(line, n(c.title)), None);
    // (A cell keeps its text as written: a tab or line break in it is said.)
    d.breaks_said = true;
    d.title = Some(Val::new(get(r, c.title).unwrap_or(""), at(c.title)));
    d.date = get(r, c.year).map(|y| Val::new(y, at(c.year)));
    let ids: Vec<&str> = get(r, c.ids).unwrap_or("").split(';').map(str::trim).filter(|i| !i.is_empty()).collect();
    let short = names::split_scopus(get(r, c.short_names).unwrap_or(""));
    d.authors = match get(r, c.full_names).map(|cell| full_names(cell, &ids)) {
        // The two columns name a different number of people (an edited
        // export): the longer list is read, and the difference said
        // (tester r17, F16: an author was dropped without a word).
        Some(full) if short.len() > full.len() => {
            let p = at(c.full_names);
            d.warnings.push(RowError::new(
                p.line,
                p.column,
                format!(
                    "Author full names has {} names and Authors {}; read the {} of Authors",
                    full.len(),
                    short.len(),
                    short.len()
                ),
            ));
            short
        }
        Some(full) => full,
        None => short,
    };
    d.authors_truncated = names::ends_with_et_al(get(r, c.full_names).or(get(r, c.short_names)).unwrap_or(""));
    // A name Scopus gives in one part ("Ngũgĩ wa Thiong'o", "bell hooks")
    // is kept whole by a guess, said as in every format (tester r62 F1).
    let (field, col) =
        if get(r, c.full_names).is_some() { ("Author full names", c.full_names) } else { ("Authors", c.short_names) };
    let authors = d.authors.clone();
    builder::name_doubts(&mut d, field, &authors, at(col), names::name_doubt);
    // "Editors" is written as "Authors" is: "Smith J., Osei A." (tester r16).
    d.editors = names::split_scopus(get(r, c.editors).unwrap_or(""));
    d.kind = builder::kind_of_cell(get(r, c.kind), at(c.kind), scopus_kind);
    // A document type that says more than the reading type ("Letter",
    // "Editorial", "Erratum", "Retracted", "Review") is its genre, as
    // Scopus's BibTeX `type` gives it (tester r17, F19: a retracted paper
    // became a plain article).
    d.genre = get(r, c.kind)
        .filter(|t| !matches!(t.to_lowercase().as_str(), "article" | "book" | "book chapter" | "conference paper"))
        .map(str::to_string);
    d.container = text(c.container);
    d.container_short = text(c.container_short);
    d.volume = text(c.volume);
    d.issue = text(c.issue);
    d.volume_at = Some(at(c.volume));
    d.issue_at = Some(at(c.issue));
    d.pages_at = Some(at(c.page_start));
    // "1234" and "1240" are "1234-1240"; a first page alone is the page.
    d.pages = crate::import::pages_from_ends(get(r, c.page_start), get(r, c.page_end));
    d.article_number("Art. No.", get(r, c.article).map(|v| Val::new(v, at(c.article))));
    d.page_count = text(c.page_count);
    d.event = text(c.event);
    d.event_date = text(c.event_date);
    d.event_place = text(c.event_place);
    // A whole book: Scopus gives its own title as the "Source title" and its
    // extent as the pages ("1", "480"); neither is a part's (tester r17,
    // F18: APA printed the book "in" itself, "(pp. 1–480)").
    if get(r, c.kind).is_some_and(|k| k.eq_ignore_ascii_case("book")) {
        let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        if d.container.as_deref().zip(get(r, c.title)).is_some_and(|(a, b)| key(a) == key(b)) {
            d.container = None;
        } else if let Some(series) = d.container.take() {
            // Another "Source title" is the book's series ("WHO Technical
            // Report Series"), and its "Volume" the number in it (tester r55
            // F2: cited "Vol. 1040" with the series lost, or the series in
            // the publisher's place).
            d.series = Some(series);
            if let Some(v) = d.volume.take() {
                d.series_number = Some(v);
            }
        }
        if let (Some("1"), Some(end)) = (get(r, c.page_start), get(r, c.page_end)) {
            d.page_count = d.page_count.take().or_else(|| Some(end.to_string()));
            d.pages = None;
        }
    }
    d.doi = get(r, c.doi).map(|v| Val::new(v, at(c.doi)));
    d.pmid = get(r, c.pmid).map(|v| Val::new(v, at(c.pmid)));
    d.isbn = get(r, c.isbn).map(|v| Val::new(v, at(c.isbn)));
    d.isbn_rule = IsbnRule::FirstValid;
    d.publisher = text(c.publisher);
    d.url = text(c.url);
    d.url_at = Some(at(c.url));
    d.language = text(c.lang);
    d.language_at = Some(at(c.lang));
    // "Article in press": the work's state; "Final" says nothing more.
    // Scopus's Articles in Press are published online ahead of their issue
    // (accepted, with a year and a DOI, no volume yet): ahead of print
    // beside a year, as PubMed's online-first records are, cited so in each
    // style (tester r43 F6: read as "in press", then dropped with a
    // warning, and the article cited as if published).
    let dated = get(r, c.year).is_some_and(|y| !y.trim().is_empty());
    d.pub_state = get(r, c.stage).filter(|s| !s.eq_ignore_ascii_case("final")).map(|s| {
        let state = match s.eq_ignore_ascii_case("article in press") {
            true if dated => super::AHEAD_OF_PRINT,
            true => "in press",
            false => s,
        };
        Val::new(state, at(c.stage))
    });
    // Scopus names the kinds of open access a work has, and leaves the cell
    // empty when it has none it knows of: empty is not "closed".
    if get(r, c.open_access).is_some() {
        d.facets = WorkFacets { open_access: Some(true), ..WorkFacets::default() };
    }
    // (HTML's character references decoded first: their `;` is no separator.)
    let keywords = super::html_entities(get(r, c.keywords).unwrap_or(""));
    for k in keywords.split(';').map(str::trim).filter(|k| !k.is_empty()) {
        d.keywords.push(Val::new(k, at(c.keywords)));
    }
    d.themes =
        crate::store::themes::split_cell(get(r, c.themes).unwrap_or("")).map(|t| Val::new(t, at(c.themes))).collect();
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builder::tests::TestThemes;

    const HEADER: &str = "\u{feff}\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Issue\",\"Art. No.\",\"Page start\",\"Page end\",\"Page count\",\"Cited by\",\"DOI\",\"Link\",\"Abbreviated Source Title\",\"Document Type\",\"Publication Stage\",\"Open Access\",\"Source\",\"EID\"\n";

    #[test]
    fn a_scopus_export_is_read_whole() {
        let text = format!(
            "{HEADER}\"Tanaka Y.; Mensah K.A., Jr.\",\"Tanaka, Yuki (57212345678); Mensah, Kofi A., Jr. (57000000001)\",\"57212345678; 57000000001\",\"Racism in medicine\",\"2021\",\"The Lancet\",\"397\",\"10281\",\"\",\"1234\",\"1240\",\"7\",\"3\",\"10.1016/S0140-6736(21)00001-1\",\"https://www.scopus.com/x\",\"Lancet\",\"Review\",\"Final\",\"All Open Access; Gold Open Access\",\"Scopus\",\"2-s2.0-1\"\n\
             \"Osei J.\",\"\",\"1\",\"In press\",\"2024\",\"BMJ\",\"\",\"\",\"e1\",\"\",\"\",\"\",\"0\",\"10.1136/bmj-2024-1\",\"https://www.scopus.com/y\",\"BMJ\",\"Book chapter\",\"Article in press\",\"\",\"Scopus\",\"2-s2.0-2\"\n"
        );
        let p = parse("s.csv", &text, &TestThemes);
        let a = &p.records[0];
        let names: Vec<_> = a.authors.iter().map(|n| (n.family.as_deref(), n.given.as_deref())).collect();
        assert_eq!(names, [(Some("Tanaka"), Some("Yuki")), (Some("Mensah"), Some("Kofi A."))]);
        assert_eq!(a.authors[1].suffix.as_deref(), Some("Jr."));
        assert_eq!((a.kind.as_str(), a.year, a.pages.as_deref()), ("article", Some(2021), Some("1234-1240")));
        assert_eq!((a.container.as_deref(), a.container_short.as_deref()), (Some("The Lancet"), Some("Lancet")));
        assert_eq!((a.volume.as_deref(), a.issue.as_deref()), (Some("397"), Some("10281")));
        assert_eq!(a.url, None, "Scopus's own page is not the work's");
        assert_eq!(a.facets.open_access, Some(true));
        let b = &p.records[1];
        assert_eq!(b.authors[0].family.as_deref(), Some("Osei"), "from Authors when the full names are empty");
        assert_eq!((b.kind.as_str(), b.pages.as_deref()), ("chapter", Some("Article e1")));
        assert_eq!(b.facets.open_access, None, "an empty cell is not \"closed\"");
        // An Article in Press with a year is ahead of print (tester r43 F6).
        assert_eq!(b.year_note.as_deref(), Some(crate::import::AHEAD_OF_PRINT), "{:?}", b.warnings);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
    }
}
