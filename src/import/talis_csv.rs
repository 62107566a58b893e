//! Reading-list exports from library systems: Talis Aspire ("Item Link",
//! "Title", "Authors", "Date", "Resource Type", "Journal Title", "ISBN13",
//! "Online Resource Web Address", "Importance", "Student Note", "Section")
//! and Ex Libris Leganto ("Title", "Author", "Publication Date", "Citation
//! Type", "ISBN", "ISSN", "DOI", "Source", "Section Name", "Public Note").
//! Column names vary between versions and institutions, so each field
//! accepts several names (case, spaces and punctuation ignored).
//!
//! On a chapter's row both keep the book in "Title" and the chapter apart:
//! Leganto in "Chapter Title" and "Chapter Author", Talis Aspire in "Part
//! Title" (its authors in "Authors", the book's editors in "Secondary
//! Authors"). The chapter is the reading, its book the container
//! ([`FIELDS`]). A start page and an end page are one
//! range, as in every CSV ([`crate::import::pages_of_cells`]).

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::header::Field;
use super::zotero_csv::{cell_names, get, read_table, row_spans};
use super::{PageCell, Parsed, RowError, pages_of_cells, reading_type};
use crate::store::themes::split_cell;

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const CONTAINER: usize = 4;
const DOI: usize = 5;
const ISBN: usize = 6;
const URL: usize = 7;
const NOTE: usize = 8;
const THEMES: usize = 9;
const LANGUAGE: usize = 10;
const KEYWORDS: usize = 11;
const VOLUME: usize = 12;
const ISSUE: usize = 13;
const PAGES: usize = 14;
const PUBLISHER: usize = 15;
const PLACE: usize = 16;
const EDITION: usize = 17;
const EDITORS: usize = 18;
const PMID: usize = 19;
const ACCESSED: usize = 20;

/// The ISBN columns, best first: a book's ISBN-13 before its ISBN-10
/// (tester r77 F14: with both, the ISBN-10 was stored).
const ISBNS: &[&str] =
    &["ISBN13", "ISBN 13", "ISBN10", "ISBN 10", "ISBN", "ISBNs", "eISBN", "Print ISBN", "Citation ISBN"];
const URLS: &[&str] = &[
    "Online Resource Web Address",
    "Web Address",
    "URL",
    "Link",
    "Online Resource",
    "Source",
    "Web Link",
    "Citation Source",
];
/// Further columns of the first page, beside the pages column the header
/// matched: read with the last page as one range (tester58 F5: with
/// "Pages" empty, the "End Page" alone was stored).
const PAGE_STARTS: &[&str] =
    &["Start Page", "Page Start", "First Page", "Pages", "Page Range", "Page", "Citation Pages", "Citation Start Page"];
/// The columns of the last page.
const PAGE_ENDS: &[&str] = &["End Page", "Page End", "Last Page", "Citation End Page"];
/// A chapter's own title on its row, beside the book's in "Title":
/// Leganto's "Chapter Title", Talis Aspire's "Part Title" (tester r77 F13:
/// the chapter was stored under its book's title).
const CHAPTER_TITLES: &[&str] = &["Chapter Title", "Part Title", "Citation Chapter Title"];
/// A chapter's own authors, when the row names them apart from "Authors".
const CHAPTER_AUTHORS: &[&str] =
    &["Chapter Author", "Chapter Authors", "Part Author", "Part Authors", "Citation Chapter Author"];

/// The columns canon reads from Talis Aspire and Leganto exports, by canon's
/// field names; each takes the first of its names the file has. Talis's
/// own "Item Link" (its page for the item, not the resource) is not read.
/// A "Themes" column must name known themes; "Tags" and "Keywords" are
/// keywords, which tag a theme when they name one (see [`builder`]).
/// Leganto's "Chapter Title" and "Chapter Author", and Talis Aspire's "Part
/// Title", are read on a chapter's row (as its title and authors, "Title"
/// then its book); on another row their text is said, not stored. Talis's
/// "Secondary Authors" are the editors (of a chapter's book). Leganto's
/// Reading List Loader names each column "citation_…" (`citation_title`,
/// `citation_chapter_title`): those names are read too.
pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["Title", "Item Title", "Resource Title", "Citation Title"], required: false },
    Field {
        name: "authors",
        aliases: &["Authors", "Author", "Author(s)", "Creator", "Creators", "Primary Author", "Citation Author"],
        required: false,
    },
    Field {
        name: "year",
        aliases: &[
            "Year",
            "Publication Year",
            "Date",
            "Publication Date",
            "Date of Publication",
            "Published",
            "Citation Publication Date",
        ],
        required: false,
    },
    Field {
        name: "type",
        // (Talis's reporting names it "type"; "Type of Item" and "Material
        // Type", as other library systems head it: tester r65 F13.)
        aliases: &[
            "Resource Type",
            "Type",
            "Citation Type",
            "Item Type",
            "Format",
            "Type of Item",
            "Type of Resource",
            "Material Type",
            "Citation Secondary Type",
        ],
        required: false,
    },
    Field {
        name: "container",
        aliases: &[
            "Journal Title",
            "Journal",
            "Part Of",
            "Container Title",
            "Publication Title",
            "Source Title",
            "Book Title",
            // As RIS and EndNote name the journal (T2): tester r65 F13.
            "Secondary Title",
            "Citation Journal Title",
        ],
        required: false,
    },
    Field { name: "doi", aliases: &["DOI", "Citation DOI"], required: false },
    Field { name: "isbn", aliases: ISBNS, required: false },
    Field { name: "url", aliases: URLS, required: false },
    Field {
        name: "notes",
        aliases: &[
            "Student Note",
            "Note for Students",
            "Note for Student",
            "Public Note",
            "Notes for Students",
            "Note",
            "Notes",
            "Citation Public Note",
        ],
        required: false,
    },
    Field { name: "themes", aliases: &["Themes", "Theme"], required: false },
    Field { name: "language", aliases: &["Language"], required: false },
    Field { name: "keywords", aliases: &["Tags", "Keywords"], required: false },
    Field { name: "volume", aliases: &["Volume", "Citation Volume"], required: false },
    Field { name: "issue", aliases: &["Issue", "Number", "Citation Issue"], required: false },
    // (Talis Aspire writes "Page Start" and "Page End": tester r51 F2, the
    // end page alone was stored as the range.)
    Field {
        name: "pages",
        aliases: &["Pages", "Page Range", "Page", "Start Page", "Page Start", "First Page", "Citation Pages"],
        required: false,
    },
    Field { name: "publisher", aliases: &["Publisher", "Publisher Name", "Citation Publisher"], required: false },
    Field {
        name: "place",
        aliases: &["Place of Publication", "Publication Place", "Place", "Citation Place of Publication"],
        required: false,
    },
    Field { name: "edition", aliases: &["Edition", "Citation Edition"], required: false },
    // (Talis Aspire's "Secondary Authors": a chapter's book's editors;
    // tester r77 F13, they were not read.)
    Field {
        name: "editors",
        aliases: &["Editors", "Editor", "Secondary Authors", "Secondary Author", "Citation Editor"],
        required: false,
    },
    // (Leganto has "PMID": tester58 F10, "no field has that name".)
    Field { name: "pmid", aliases: &["PMID", "PubMed ID", "PubMed", "PubMed Identifier"], required: false },
    // Talis Aspire's "Date Accessed" of a web resource (tester r100 F1: it
    // was not read, and `--map` could not name the field).
    Field {
        name: "accessed",
        aliases: &[
            "Date Accessed",
            "Accessed",
            "Access Date",
            "Last Accessed",
            "Date Viewed",
            "Citation Date Accessed",
        ],
        required: false,
    },
];

/// The canonical reading type for a Talis or Leganto resource type; `None`
/// for a word that names none (typed by [`builder::untyped_kind`], said).
fn talis_kind(t: &str) -> Option<&'static str> {
    if let Some(k) = reading_type(t).or_else(|| super::type_with_genre(t).map(|(k, _)| k)) {
        return Some(k);
    }
    let k = t.to_lowercase();
    let has = |w: &str| k.contains(w);
    Some(if has("chapter") || has("extract") || has("section") {
        "chapter"
    } else if has("article") || has("journal") || has("newspaper") || has("magazine") {
        "article"
    } else if has("book") {
        "book"
    } else if has("web") || has("online resource") || has("blog") {
        "web"
    } else if has("video") || has("film") || has("audio-visual") || has("audiovisual") || has("dvd") || has("broadcast")
    {
        "video"
    } else if has("audio") || has("podcast") || has("sound") {
        "podcast"
    } else if has("report") || has("government") || has("legal") {
        "report"
    } else if has("thesis") || has("dissertation") {
        "thesis"
    } else if has("conference") || has("proceedings") {
        "conference-paper"
    } else {
        return None;
    })
}

/// Reads and validates a Talis Aspire or Leganto export (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    parse_with(path_display, text, themes, &[])
}

/// [`parse`] with `--map 'Their Header=field'` options.
pub fn parse_with(path_display: &str, text: &str, themes: &dyn Themes, maps: &[String]) -> Parsed {
    let _ = path_display;
    builder::build_all(read_with(text, maps), themes)
}

/// Reads a Talis Aspire or Leganto export into drafts, pure.
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
                "no \"Title\" column; expected a Talis Aspire or Leganto reading-list export, found {}",
                t.quoted()
            ),
        ));
        return out;
    }
    // A fuller date beside the year ("Year" and "Date"): the month and day
    // when it names the same year, and the year when the row's "Year" is
    // empty (tester r60 F3: "Date" was read as the year, and a row with only
    // a "Year" lost it).
    let dates = m.fallbacks(YEAR, &["Date", "Publication Date", "Date of Publication", "Published"]);
    let c = Columns {
        date: dates.first().copied(),
        title: m.columns[TITLE],
        authors: m.columns[AUTHORS],
        year: m.columns[YEAR],
        kind: m.columns[TYPE],
        container: m.columns[CONTAINER],
        publisher: m.columns[PUBLISHER],
        doi: m.columns[DOI],
        isbns: m.columns[ISBN].into_iter().chain(m.fallbacks(ISBN, ISBNS)).collect(),
        urls: m.columns[URL].into_iter().chain(m.fallbacks(URL, URLS)).collect(),
        note: m.columns[NOTE],
        themes: m.columns[THEMES],
        keywords: m.columns[KEYWORDS],
        lang: m.columns[LANGUAGE],
        volume: m.columns[VOLUME],
        issue: m.columns[ISSUE],
        // "End Page" beside "Start Page": one range (tester r17, F23),
        // whichever column gives the start (tester58 F5).
        page_starts: m.columns[PAGES].into_iter().chain(m.fallbacks(PAGES, PAGE_STARTS)).collect(),
        page_ends: m.fallbacks(PAGES, PAGE_ENDS),
        place: m.columns[PLACE],
        edition: m.columns[EDITION],
        editors: m.columns[EDITORS],
        pmid: m.columns[PMID],
        accessed: m.columns[ACCESSED],
        // (tester58 F6: a chapter was stored under its book's title, by nobody.)
        chapter_title: m.read_as(CHAPTER_TITLES, "title (a chapter's)").first().copied(),
        chapter_authors: m.read_as(CHAPTER_AUTHORS, "authors (a chapter's)").first().copied(),
        headers: t.header.clone(),
    };
    m.known_unread(&[
        ("Item Link", "the reading list's page for the item, not the work (its DOI, ISBN or URL is read)"),
        ("Importance", "the list's importance (\"Essential\", \"Recommended\"), which canon has no field for"),
        ("Section", "the list's section heading (canon's themes come from a \"Themes\" column, or `canon tag` after the import)"),
        ("ISSN", "the journal's ISSN, which canon has no field for (the journal is read by its title)"),
        ("eISSN", "the journal's online ISSN, which canon has no field for (the journal is read by its title)"),
        ("Citation ISSN", "the journal's ISSN, which canon has no field for (the journal is read by its title)"),
        ("Section Description", "the list's description of a section, not of the work"),
        ("Section Name", "the list's section heading (canon's themes come from a \"Themes\" column, or `canon tag` after the import)"),
        ("Note for Library", "the list's note for library staff, not about the work for its readers"),
        ("Library Note", "the list's note for library staff, not about the work for its readers"),
    ]);
    out.filled = t.filled();
    out.header = Some(m.report);
    let spans = row_spans(text, &t);
    for ((line, r), span) in t.rows.iter().zip(spans) {
        out.push(super::rows::draft_at_cell_lines(row(*line, r, &c), r), span);
    }
    out
}

/// The columns of an export that canon reads.
struct Columns {
    title: Option<usize>,
    authors: Option<usize>,
    year: Option<usize>,
    /// A fuller date beside the year.
    date: Option<usize>,
    kind: Option<usize>,
    container: Option<usize>,
    publisher: Option<usize>,
    doi: Option<usize>,
    isbns: Vec<usize>,
    urls: Vec<usize>,
    note: Option<usize>,
    themes: Option<usize>,
    keywords: Option<usize>,
    lang: Option<usize>,
    volume: Option<usize>,
    issue: Option<usize>,
    /// The columns of the first page (the pages column first) and of the
    /// last page, best first.
    page_starts: Vec<usize>,
    page_ends: Vec<usize>,
    place: Option<usize>,
    edition: Option<usize>,
    editors: Option<usize>,
    pmid: Option<usize>,
    accessed: Option<usize>,
    chapter_title: Option<usize>,
    chapter_authors: Option<usize>,
    /// The header's cells, to name a column in a row's message.
    headers: Vec<String>,
}

fn row(line: u64, r: &csv::StringRecord, c: &Columns) -> Draft {
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    let at = |c: Option<usize>| super::rows::cell_pos(r, line, n(c));
    let text = |c: Option<usize>| get(r, c).map(str::to_string);
    let mut d = Draft::new(Pos::new(line, n(c.title)), None);
    // (A cell keeps its text as written: a tab or line break in it is said.)
    d.breaks_said = true;
    d.title = Some(Val::new(get(r, c.title).unwrap_or(""), at(c.title)));
    let fuller = get(r, c.date).map(|v| Val::new(v, at(c.date)));
    d.date = get(r, c.year).map(|y| Val::new(y, at(c.year)));
    match (&d.date, fuller) {
        (None, Some(f)) => d.date = Some(f),
        (Some(_), Some(f)) => d.month = Some(f),
        _ => {}
    }
    d.doi = get(r, c.doi).map(|v| Val::new(v, at(c.doi)));
    read_isbns(r, line, c, &mut d);
    d.names_at = [Some(at(c.authors)), Some(at(c.editors)), None];
    d.authors = cell_names(r, c.authors, (line, n(c.authors)), &mut d.warnings, &mut d.guessed.authors);
    d.authors_truncated = crate::import::names::ends_with_et_al(get(r, c.authors).unwrap_or(""));
    d.editors = cell_names(r, c.editors, (line, n(c.editors)), &mut d.warnings, &mut d.guessed.editors);
    d.pmid = get(r, c.pmid).map(|v| Val::new(v, at(c.pmid)));
    d.accessed = get(r, c.accessed).map(|v| Val::new(v, at(c.accessed)));
    d.kind = builder::kind_of_cell(get(r, c.kind), at(c.kind), talis_kind);
    // "Dataset", "Preprint": the type and genre such a word names (tester r100 F10).
    if let Some((_, Some(genre))) = get(r, c.kind).and_then(super::type_with_genre) {
        d.genre = Some(genre.to_string());
        d.genre_implied = true;
    }
    let kind = match &d.kind {
        KindSrc::Mapped(k) => k,
        _ => "",
    };
    d.container = text(c.container);
    d.publisher = text(c.publisher);
    d.volume = text(c.volume);
    d.issue = text(c.issue);
    d.volume_at = Some(at(c.volume));
    d.issue_at = Some(at(c.issue));
    d.pages_at = c.page_starts.first().or(c.page_ends.first()).map(|&i| super::rows::cell_pos(r, line, i as u64 + 1));
    let page_cells = |cols: &[usize]| -> Vec<PageCell> {
        cols.iter()
            .filter_map(|&i| {
                get(r, Some(i)).map(|v| PageCell { column: i as u64 + 1, header: c.header(i), text: v.to_string() })
            })
            .collect()
    };
    d.pages = pages_of_cells(line, &page_cells(&c.page_starts), &page_cells(&c.page_ends), &mut d.warnings);
    d.place = text(c.place);
    d.edition = text(c.edition);
    read_url(r, line, c, &mut d);
    d.annotation = text(c.note);
    d.language = text(c.lang);
    d.language_at = Some(at(c.lang));
    d.themes = split_cell(get(r, c.themes).unwrap_or("")).map(|t| Val::new(t, at(c.themes))).collect();
    d.keywords = split_cell(get(r, c.keywords).unwrap_or("")).map(|t| Val::new(t, at(c.keywords))).collect();
    if kind == "chapter" {
        read_chapter(r, line, c, &mut d);
    } else {
        chapter_cells_not_read(r, line, c, &mut d);
    }
    super::title_text::read_bibtex_braces(&mut d, "Talis CSV");
    d
}

impl Columns {
    /// The header of a 0-based column.
    fn header(&self, i: usize) -> String {
        self.headers.get(i).cloned().unwrap_or_default()
    }
}

/// The row's ISBN from its ISBN columns, best first ("ISBN13" before
/// "ISBN10"): the first holding a valid ISBN. Another column's number that
/// is not the ISBN in another form is said, never dropped silently: one
/// that is no valid ISBN (a bad check digit) is not stored; another valid
/// one is kept as another ISBN of the book. With none valid, the
/// first column's text goes to the builder, which says what it holds
/// (tester r77 F14: a bad ISBN-13 gave way to the ISBN-10 unsaid, and
/// alone it was dropped unsaid).
fn read_isbns(r: &csv::StringRecord, line: u64, c: &Columns, d: &mut Draft) {
    d.isbn_rule = IsbnRule::FirstValid;
    let cells: Vec<(usize, Val)> = c
        .isbns
        .iter()
        .filter_map(|&i| get(r, Some(i)).map(|v| (i, Val::new(v, super::rows::cell_pos(r, line, i as u64 + 1)))))
        .collect();
    let Some(k) = cells.iter().position(|(_, v)| builder::first_isbn(&v.text).is_some()) else {
        d.isbn = cells.into_iter().next().map(|(_, v)| v);
        return;
    };
    let (kept_column, kept) = &cells[k];
    let kept_isbn = builder::first_isbn(&kept.text).unwrap_or_default();
    let thirteen = super::normalise_isbn(&kept_isbn).unwrap_or_default();
    // Every valid ISBN the kept cell gives ("9780802143006; 9780802142009":
    // the builder keeps the others beside the first): an ISBN-10 column
    // giving one of them is the same book's, not another's.
    let in_kept: Vec<String> = std::iter::once(thirteen.clone())
        .chain(builder::not_kept_numbers(&kept.text, None).iter().filter_map(|t| super::normalise_isbn(t)))
        .collect();
    for (i, v) in cells.iter().filter(|(i, _)| i != kept_column) {
        let what = match builder::first_isbn(&v.text) {
            Some(o) if super::normalise_isbn(&o).is_some_and(|n| in_kept.contains(&n)) => continue,
            // A print or e-book ISBN column names the same work in another
            // format (its ISBN apart by design): kept beside the ISBN to find
            // the book by, and said.
            Some(o) if other_format_column(&c.header(*i)) || other_format_column(&c.header(*kept_column)) => {
                keep_other_isbn(&mut d.other_isbns, &o);
                d.warnings.push(RowError::new(
                    line,
                    *i as u64 + 1,
                    format!(
                        "column {:?}: ISBN {o} is the same work's in another format: kept to find the book by \
                         beside the ISBN {kept_isbn} (column {:?}), which is printed",
                        c.header(*i),
                        c.header(*kept_column)
                    ),
                ));
                continue;
            }
            // Another valid ISBN beside the ISBN-13 with the same group and
            // publisher's prefix: Talis rows give the ISBN-10 of one binding
            // beside the ISBN-13 of another, and the same two ISBNs in one
            // cell are kept as one book's: kept beside the ISBN, to find the
            // book by, and said (tester r84 F5: dropped as "another
            // book's"). Another publisher's is another book's (kept, it
            // would find this entry for that book).
            Some(o) if same_publisher(&o, &thirteen) => {
                keep_other_isbn(&mut d.other_isbns, &o);
                d.warnings.push(RowError::new(
                    line,
                    *i as u64 + 1,
                    format!(
                        "column {:?}: ISBN {o} is not the ISBN {kept_isbn} (column {:?}) in another form, and has \
                         its publisher's prefix: kept as another ISBN of the book (another binding's or format's) to find the book by; the ISBN \
                         {kept_isbn} is printed (if {o} is another book's, `canon reading edit` with \
                         --other-isbns takes it away)",
                        c.header(*i),
                        c.header(*kept_column)
                    ),
                ));
                continue;
            }
            Some(o) => format!("ISBN {o} is another book's than the ISBN {kept_isbn}"),
            None => {
                let digits: String = v.text.chars().filter(char::is_ascii_alphanumeric).collect();
                let near = digits.len() == 13 && thirteen.len() == 13 && digits[..12] == thirteen[..12];
                if near {
                    format!(
                        "{:?} is not a valid ISBN (its check digit is wrong: the ISBN-13 of {kept_isbn} is {thirteen})",
                        v.text.trim()
                    )
                } else {
                    format!("{:?} is not a valid ISBN (a bad check digit, or another number)", v.text.trim())
                }
            }
        };
        d.warnings.push(RowError::new(
            line,
            *i as u64 + 1,
            format!(
                "column {:?}: {what}, so not stored; the ISBN {kept_isbn} (column {:?}) is stored; expected one \
                 book's ISBN-13 and ISBN-10",
                c.header(*i),
                c.header(*kept_column)
            ),
        ));
    }
    d.isbn = Some(kept.clone());
}

/// Whether two valid ISBNs begin alike as far as a group and a
/// publisher's prefix mostly go (the first five digits of the ISBN-10
/// form: "0-8021" of 0802141323 and 0802150837): two bindings of one book
/// share it, two publishers' books do not. (The registrant ranges are not
/// kept here; the prefix is a sign, not a proof.)
fn same_publisher(a: &str, b: &str) -> bool {
    match (super::normalise_isbn(a), super::normalise_isbn(b)) {
        (Some(a), Some(b)) => a.get(..8).is_some() && a.get(..8) == b.get(..8),
        _ => false,
    }
}

/// Whether an ISBN column names the work's print or e-book edition apart
/// ("eISBN", "Print ISBN"), whose ISBN differs from the other columns' by
/// design, unlike an "ISBN13" beside an "ISBN10", which are one ISBN.
fn other_format_column(header: &str) -> bool {
    let h = header.to_ascii_lowercase();
    h.contains("eisbn") || h.contains("print") || h.contains("electronic")
}

/// The row's web address: the first address of the address columns, with
/// its scheme ("https://…") or without ("www.bma.org.uk/x", which the
/// builder keeps with "https://" and says: tester58 F1, it was dropped
/// silently). With no address, the first text there goes to the builder,
/// which says it is not one.
fn read_url(r: &csv::StringRecord, line: u64, c: &Columns, d: &mut Draft) {
    let cells: Vec<(&str, usize)> = c.urls.iter().filter_map(|&u| get(r, Some(u)).map(|v| (v, u))).collect();
    let first_word = |v: &str| v.split_whitespace().next().unwrap_or(v).to_string();
    let words = || cells.iter().map(|(v, i)| (first_word(v), *i));
    let url = words()
        .find(|(u, _)| u.starts_with("http://") || u.starts_with("https://"))
        .or_else(|| words().find(|(u, _)| builder::looks_like_host_path(u)))
        .or_else(|| cells.first().map(|(v, i)| (v.to_string(), *i)));
    if let Some((u, i)) = url {
        d.url = Some(u);
        d.url_at = Some(super::rows::cell_pos(r, line, i as u64 + 1));
    }
}

/// A chapter's row: "Chapter Title" is its title and "Title" its book (the
/// container), "Chapter Author" its authors; the editors stay the book's.
/// A value this puts aside (another container, the book's own authors) is
/// said, never dropped silently.
fn read_chapter(r: &csv::StringRecord, line: u64, c: &Columns, d: &mut Draft) {
    let col = |i: Option<usize>| i.map_or(0, |i| i as u64 + 1);
    let name = |i: Option<usize>| i.map(|i| c.header(i)).unwrap_or_default();
    if let Some(chapter) = get(r, c.chapter_title) {
        d.title = Some(Val::new(chapter, super::rows::cell_pos(r, line, col(c.chapter_title))));
        if let Some(book) = get(r, c.title) {
            match d.container.replace(book.to_string()) {
                Some(other) if other != book => d.warnings.push(RowError::new(
                    line,
                    col(c.container),
                    format!(
                        "container {other:?} (column {:?}) not stored: the row is a chapter, whose book is \
                         {book:?} (column {:?})",
                        name(c.container),
                        name(c.title)
                    ),
                )),
                _ => {}
            }
        }
    }
    let Some(chapter_authors) = get(r, c.chapter_authors) else { return };
    d.authors =
        cell_names(r, c.chapter_authors, (line, col(c.chapter_authors)), &mut d.warnings, &mut d.guessed.authors);
    d.authors_truncated = crate::import::names::ends_with_et_al(chapter_authors);
    if let Some(book_authors) = get(r, c.authors)
        && book_authors != chapter_authors
        && get(r, c.editors) != Some(book_authors)
    {
        d.warnings.push(RowError::new(
            line,
            col(c.authors),
            format!(
                "authors {book_authors:?} (column {:?}) not stored: on a chapter's row they are the book's \
                 authors, which canon has no field for; the chapter's authors are read from column {:?}",
                name(c.authors),
                name(c.chapter_authors)
            ),
        ));
    }
}

/// "Chapter Title" and "Chapter Author" on a row that is not a chapter's:
/// said, not stored (the row's title and authors are the work's own).
fn chapter_cells_not_read(r: &csv::StringRecord, line: u64, c: &Columns, d: &mut Draft) {
    let kind = get(r, c.kind).map_or_else(|| "has no type".to_string(), |k| format!("is a {k:?}"));
    for (i, what) in [(c.chapter_title, "chapter title"), (c.chapter_authors, "chapter authors")] {
        if let (Some(i), Some(v)) = (i, get(r, i)) {
            d.warnings.push(RowError::new(
                line,
                i as u64 + 1,
                format!(
                    "{what} {v:?} (column {:?}) not stored: the row {kind}, not a chapter; \
                     expected an empty cell, or a chapter type such as \"Book Chapter\"",
                    c.header(i)
                ),
            ));
        }
    }
}

/// Adds `isbn` (as written in its column) to `others`, a book's other
/// ISBNs in their normal ISBN-13 form, once; an invalid one is left out
/// (the caller says what it keeps).
fn keep_other_isbn(others: &mut Vec<String>, isbn: &str) {
    if let Some(n) = super::normalise_isbn(isbn)
        && !others.contains(&n)
    {
        others.push(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builder::tests::TestThemes;

    fn parse_str(s: &str) -> Parsed {
        parse("t.csv", s, &TestThemes)
    }

    #[test]
    fn talis_aspire_export() {
        let text = "Item Link,Title,Authors,Date,Resource Type,Journal Title,Publisher,DOI,ISBN13,ISBN10,Online Resource Web Address,Importance,Student Note,Section\n\
            https://rl.talis.com/items/1,Decolonising the Mind,Ngũgĩ wa Thiong'o,c1986,Book,,James Currey,,,0-385-50993-6,,Essential,Read chapters 1–2.,Week 1\n\
            https://rl.talis.com/items/2,\"Race, racism and health\",\"Williams, David R.; Lawrence, Jourdyn A.\",2019,Article,Annual Review of Public Health,,10.1146/X,,,https://doi.org/10.1146/x,Recommended,,Week 2\n\
            https://rl.talis.com/items/3,A web page,,01/05/2021,Webpage,,,,12345,,https://example.org,,,Week 3\n";
        let p = parse_str(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 3);
        let a = &p.records[0];
        assert_eq!((a.line, a.kind.as_str(), a.year), (2, "book", Some(1986)));
        assert_eq!(a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(), ["Ngũgĩ wa Thiong'o"]);
        assert_eq!((a.container.as_deref(), a.publisher.as_deref()), (None, Some("James Currey")));
        assert_eq!(a.isbn.as_deref(), Some("0385509936"), "the ISBN-10 column as published (12a, L7)");
        assert_eq!(a.annotation.as_deref(), Some("Read chapters 1–2."));
        assert_eq!(a.url, None, "the Item Link is Talis's own page, not the resource");
        let b = &p.records[1];
        assert_eq!(b.authors.len(), 2);
        assert_eq!((b.kind.as_str(), b.doi.as_deref()), ("article", Some("10.1146/X")));
        assert_eq!(b.container.as_deref(), Some("Annual Review of Public Health"));
        let c = &p.records[2];
        assert_eq!((c.kind.as_str(), c.year, c.isbn.as_deref()), ("web", Some(2021), None));
        assert_eq!(c.url.as_deref(), Some("https://example.org"));
    }

    #[test]
    fn leganto_export() {
        let text = "Section Name,Citation Type,Title,Author,Publication Date,ISBN,ISSN,DOI,Source,Public Note,Tags\n\
            Week 1,Book Chapter,The Coloniality of Power,\"Quijano, Aníbal\",[2000],,1234-5678,,https://example.org/q,Core reading,Epistemic bias\n\
            Week 2,Audio-Visual,Documentary,,2020,,,,,,\n\
            Week 3,Article,No year,,soon,,,bad,,,\n";
        let p = parse_str(text);
        assert_eq!(p.records.len(), 2);
        let a = &p.records[0];
        assert_eq!((a.kind.as_str(), a.year, a.isbn.as_deref()), ("chapter", Some(2000), None));
        assert_eq!(a.annotation.as_deref(), Some("Core reading"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/q"));
        assert_eq!(a.themes.len(), 1);
        assert_eq!(p.records[1].kind, "video");
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(4, 5), (4, 8)], "{:?}", p.errors);
    }

    #[test]
    fn leganto_chapter_pages_pmid_and_a_bare_address() {
        let text = "Citation Type,Title,Author,Chapter Title,Chapter Author,Editor,Pages,Start Page,End Page,PMID,Source\n\
            Book Chapter,The book,,The chapter,\"Ba, Amadou\",\"Ed, Ita\",,3,9,,\n\
            Article,An article,\"Ce, Di\",,,,,2477,2478,33326721,www.bma.org.uk/x\n\
            Book,A book,\"Do, Ra\",Not a chapter,,,,,,,\n";
        let p = parse_str(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let a = &p.records[0];
        assert_eq!((a.title.as_str(), a.container.as_deref()), ("The chapter", Some("The book")));
        assert_eq!(a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(), ["Ba, Amadou"]);
        assert_eq!((a.editors.len(), a.pages.as_deref()), (1, Some("3-9")));
        let b = &p.records[1];
        assert_eq!((b.pages.as_deref(), b.pmid.as_deref()), (Some("2477-2478"), Some("33326721")));
        assert_eq!(b.url.as_deref(), Some("https://www.bma.org.uk/x"));
        let c = &p.records[2];
        assert_eq!((c.title.as_str(), c.container.as_deref()), ("A book", None));
        let warned =
            |r: &crate::import::ReadingRecord| r.warnings.iter().map(|e| (e.line, e.column)).collect::<Vec<_>>();
        assert_eq!((warned(b), warned(c)), (vec![(3, 11)], vec![(4, 4)]), "{:?}", p.records);
    }

    #[test]
    fn ragged_rows_are_errors() {
        let p = parse_str("Title,Student Note\nA,b\nB\nC,d,e\n");
        assert_eq!(p.records.len(), 1);
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(3, 2), (4, 3)]);
    }

    #[test]
    fn years_in_the_shapes_these_exports_hold() {
        use crate::import::builder::{Dated, read_date};
        for (s, y) in [
            ("2019", Some(Dated::Year(2019))),
            ("c2019", Some(Dated::Year(2019))),
            ("©2019", Some(Dated::Year(2019))),
            ("[2019]", Some(Dated::Year(2019))),
            ("May 2019", Some(Dated::Year(2019))),
            ("01/05/2021", Some(Dated::Year(2021))),
            ("n.d.", Some(Dated::Undated)),
            ("soon", None),
        ] {
            assert_eq!(read_date(s), y, "{s}");
        }
    }
}
