//! PubMed's "Save → Format: CSV": a header of "PMID", "Title", "Authors",
//! "Citation", "First Author", "Journal/Book", "Publication Year", "Create
//! Date", "PMCID", "NIHMS ID", "DOI" (NLM, *PubMed User Guide*, "Saving
//! results": CSV). UTF-8.
//!
//! The authors are MEDLINE's ("Vyas DA, Eisenstein LG, Jones DS."), the
//! journal its NLM abbreviation, and the volume, issue, pages and date are
//! only in "Citation", as PubMed's summary line writes them: "N Engl J Med.
//! 2020 Aug 27;383(9):874-882. doi: 10.1056/NEJMms2004740. Epub 2020 Jun
//! 17." (tester r52 F8: read as a plain list, the journal, volume, issue,
//! pages and month were lost, and "First Author" offered as the pages).

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::header::Field;
use super::zotero_csv::{cell_names, get, read_table, row_spans};
use super::{Parsed, RowError};

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const CITATION: usize = 3;
const CONTAINER_SHORT: usize = 4;
const DOI: usize = 5;
const PMID: usize = 6;
const THEMES: usize = 7;
const PMCID: usize = 8;

/// The columns canon reads from PubMed's CSV, by canon's field names.
pub const FIELDS: &[Field] = &[
    Field { name: "title", aliases: &["Title"], required: false },
    Field { name: "authors", aliases: &["Authors"], required: false },
    Field { name: "year", aliases: &["Publication Year"], required: false },
    Field { name: "citation", aliases: &["Citation"], required: false },
    Field { name: "container_short", aliases: &["Journal/Book"], required: false },
    Field { name: "doi", aliases: &["DOI"], required: false },
    Field { name: "pmid", aliases: &["PMID"], required: false },
    Field { name: "themes", aliases: &[], required: false },
    // The PubMed Central ID (schema 0041; tester r100 F5).
    Field { name: "pmcid", aliases: &["PMCID"], required: false },
];

/// PubMed's columns that canon has no field for, each with what it holds.
const UNREAD: [(&str, &str); 3] = [
    ("First Author", "the first of the Authors again (the Authors column is read)"),
    ("Create Date", "the day PubMed created the record, not the work's date (the Citation's date is read)"),
    ("NIHMS ID", "the NIH manuscript submission ID, which canon has no field for"),
];

/// Whether a header row is PubMed's CSV export's: "PMID", "Citation" and
/// "Journal/Book".
pub fn looks_like(cells: &[String]) -> bool {
    let has = |n: &str| cells.iter().any(|c| c.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(n));
    has("PMID") && has("Citation") && has("Journal/Book")
}

/// Reads and validates PubMed's CSV export with `--map` options (see
/// [`read_with`] and [`builder::build`]).
pub fn parse_with(path_display: &str, text: &str, themes: &dyn Themes, maps: &[String]) -> Parsed {
    let _ = path_display;
    builder::build_all(read_with(text, maps), themes)
}

/// Reads PubMed's CSV export into drafts, pure.
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
                "no \"Title\" column; expected PubMed's CSV export header (\"PMID\",\"Title\",…), found {}",
                t.quoted()
            ),
        ));
        return out;
    }
    let c = Columns {
        title: m.columns[TITLE],
        authors: m.columns[AUTHORS],
        year: m.columns[YEAR],
        citation: m.columns[CITATION],
        short: m.columns[CONTAINER_SHORT],
        doi: m.columns[DOI],
        pmid: m.columns[PMID],
        themes: m.columns[THEMES],
        pmcid: m.columns[PMCID],
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

/// The columns of PubMed's CSV that canon reads.
struct Columns {
    title: Option<usize>,
    authors: Option<usize>,
    year: Option<usize>,
    citation: Option<usize>,
    short: Option<usize>,
    doi: Option<usize>,
    pmid: Option<usize>,
    themes: Option<usize>,
    pmcid: Option<usize>,
}

/// What PubMed's "Citation" says of a journal article: its journal's
/// abbreviation, date ("2020 Aug 27"), volume, issue and pages, and whether
/// it is ahead of print ("… doi: …. Online ahead of print."). `None` for
/// a book's ("In: …") or a line of another shape.
#[derive(Debug, Default, PartialEq)]
pub struct Citation {
    pub journal: String,
    pub date: String,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub ahead_of_print: bool,
}

/// Reads PubMed's "Citation" ([`Citation`]): "Journal. Date;Volume(Issue):
/// Pages. doi: …", with a date that may stand alone before a colon and the
/// locator ("Lancet. 2023 Nov 20:S0140-6736(23)01234-5. … Online ahead of
/// print.").
pub fn citation(text: &str) -> Option<Citation> {
    let t = text.trim();
    if t.starts_with("In:") {
        return None;
    }
    // The journal ends at the ". " before the year.
    let at = t.match_indices(". ").find(|(i, _)| {
        let rest = &t[i + 2..];
        rest.len() >= 4 && rest[..4].chars().all(|c| c.is_ascii_digit())
    })?;
    let journal = t[..at.0].trim().to_string();
    let rest = &t[at.0 + 2..];
    // The source part ends at the first ". " (or the end).
    let source = rest.split(". ").next().unwrap_or(rest).trim_end_matches('.');
    let ahead_of_print = t.to_lowercase().contains("online ahead of print");
    let (date, locator) = match source.split_once(';') {
        Some((d, l)) => (d.trim().to_string(), Some(l.trim())),
        None => match source.split_once(':') {
            Some((d, l)) => (d.trim().to_string(), Some(l.trim())),
            None => (source.trim().to_string(), None),
        },
    };
    let mut out = Citation { journal, date, ahead_of_print, ..Citation::default() };
    let Some(loc) = locator.filter(|l| !l.is_empty()) else { return Some(out) };
    // "383(9):874-882", "9(10):e1465-e1470", "396(10263):1627-1628",
    // "12:45-52", "383(9)" (no pages yet), or the date's own locator
    // ("S0140-6736(23)01234-5") for an article ahead of print.
    if source.contains(';') {
        let (vi, pages) = match loc.split_once(':') {
            Some((vi, p)) => (vi, Some(p.trim())),
            None => (loc, None),
        };
        match vi.split_once('(') {
            Some((v, i)) => {
                out.volume = Some(v.trim().to_string()).filter(|v| !v.is_empty());
                out.issue = Some(i.trim_end_matches(')').trim().to_string()).filter(|i| !i.is_empty());
            }
            None => out.volume = Some(vi.trim().to_string()).filter(|v| !v.is_empty()),
        }
        out.pages = pages.map(str::to_string).filter(|p| !p.is_empty());
    }
    Some(out)
}

/// What PubMed's "Citation" says of a chapter of a book on its Bookshelf
/// (StatPearls, GeneReviews and other NCBI books) or of an edited book, in
/// Citing Medicine's form: "2003 Sep 15 [updated 2022 Jan 27]. In: Adam MP,
/// Feldman J, editors. GeneReviews® [Internet]. Seattle (WA): University of
/// Washington, Seattle; 1993–2025." — the chapter's own date (before "In:")
/// and its update, the editors, the book, its edition, place, publisher, the
/// book's date and what follows it ("Chapter 4"). `None` for a line of
/// another shape.
#[derive(Debug, Default, PartialEq)]
pub struct BookCitation {
    pub own_date: Option<String>,
    pub updated: Option<String>,
    pub editors: Option<String>,
    pub book: String,
    pub edition: Option<String>,
    pub place: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub rest: Option<String>,
}

/// Reads a chapter's or edited book's "Citation" ([`BookCitation`]).
pub fn book_citation(text: &str) -> Option<BookCitation> {
    let t = text.trim();
    let (before, after) = match t.strip_prefix("In: ") {
        Some(rest) => ("", rest),
        None => t.split_once(". In: ")?,
    };
    let mut out = BookCitation::default();
    // "2003 Sep 15 [updated 2022 Jan 27]": the chapter's date and its update.
    let before = before.trim().trim_end_matches('.');
    match before.split_once(" [updated ").or_else(|| before.split_once(" [Updated ")) {
        Some((d, u)) => {
            out.own_date = Some(d.trim().to_string()).filter(|d| !d.is_empty());
            out.updated = Some(u.trim_end_matches(']').trim().to_string());
        }
        None => out.own_date = Some(before.to_string()).filter(|d| !d.is_empty()),
    }
    let mut rest = after;
    let next = |rest: &mut &str| -> String {
        let (head, tail) = rest.split_once(". ").unwrap_or((rest, ""));
        *rest = tail;
        head.trim().to_string()
    };
    let first = next(&mut rest);
    let editors = ["editors", "editor", "eds", "ed"]
        .iter()
        .find_map(|e| first.strip_suffix(e).and_then(|x| x.trim_end().strip_suffix(',')).map(str::trim));
    out.book = match editors {
        Some(e) => {
            out.editors = Some(e.to_string());
            next(&mut rest)
        }
        None => first,
    };
    // "2nd ed." before the place.
    if rest.split_once(". ").map_or(rest, |(h, _)| h).trim().ends_with(" ed") {
        out.edition = Some(format!("{}.", next(&mut rest)));
    }
    let (imprint, dated) = rest.split_once("; ").unwrap_or((rest, ""));
    let imprint = imprint.trim().trim_end_matches('.');
    match imprint.split_once(": ") {
        Some((p, pb)) => {
            out.place = Some(p.trim().to_string()).filter(|p| !p.is_empty());
            out.publisher = Some(pb.trim().to_string()).filter(|p| !p.is_empty());
        }
        None => out.publisher = Some(imprint.to_string()).filter(|p| !p.is_empty()),
    }
    let (date, tail) = dated.split_once(". ").unwrap_or((dated, ""));
    out.date = Some(date.trim().trim_end_matches('.').trim().to_string()).filter(|d| !d.is_empty());
    out.rest = Some(tail.trim().trim_end_matches('.').to_string()).filter(|r| !r.is_empty());
    Some(out)
}

fn row(line: u64, r: &csv::StringRecord, c: &Columns) -> Draft {
    let n = |c: Option<usize>| c.map_or(0, |c| c as u64 + 1);
    let at = |c: Option<usize>| super::rows::cell_pos(r, line, n(c));
    let mut d = Draft::new(Pos::new(line, n(c.title)), None);
    // (A cell keeps its text as written: a tab or line break in it is said.)
    d.breaks_said = true;
    // MEDLINE ends every title with a period of its own: not the title's.
    let title = get(r, c.title).map(|t| super::nbib::without_medline_period(t).to_string()).unwrap_or_default();
    let title_text = title.clone();
    d.title = Some(Val::new(title, at(c.title)));
    // "Vyas DA, Eisenstein LG, Jones DS." (the list's closing stop is none of the names').
    d.authors = cell_names(r, c.authors, (line, n(c.authors)), &mut d.warnings, &mut d.guessed.authors);
    // MEDLINE writes a suffix without a full stop ("Mensah KA Jr"): one after
    // the last name's suffix ("King ML Jr.") is the list's closing stop
    // (tester r77 F18; a numeral's is dropped for every format by
    // [`super::names::suffix_as_kept`]).
    for a in &mut d.authors {
        if let Some(x) = a.suffix.as_mut().filter(|x| x.ends_with('.')) {
            *x = x.trim_end_matches('.').to_string();
        }
    }
    d.authors_truncated = super::names::ends_with_et_al(get(r, c.authors).unwrap_or(""));
    d.kind = KindSrc::Mapped("article");
    d.container_short = get(r, c.short).map(str::to_string);
    match get(r, c.citation).and_then(citation) {
        Some(cit) => {
            d.date = Some(Val::new(cit.date.clone(), at(c.citation)));
            d.volume = cit.volume;
            d.issue = cit.issue;
            // An article ahead of print may have its PII where the pages go
            // ("S0140-6736(23)01234-5"): no page; its pages in a volume
            // ("73(9):101-9") are its pages (tester r58 F2: dropped).
            d.pages = cit.pages.filter(|p| !(cit.ahead_of_print && p.contains('(')));
            if cit.ahead_of_print {
                d.pub_state = Some(Val::new(super::AHEAD_OF_PRINT, at(c.citation)));
            }
            if d.container_short.is_none() && !cit.journal.is_empty() {
                d.container_short = Some(cit.journal);
            }
        }
        None => d.date = get(r, c.year).map(|y| Val::new(y, at(c.year))),
    }
    // A chapter of a Bookshelf book, or an edited book: a chapter in it
    // (or the book itself), with its editors, edition, place and publisher
    // (testers r62 F6, r64 F5, F6: a journal article, or the editors stored
    // as the book, the book as the place, the series' first year as the
    // chapter's).
    if let Some(book) = get(r, c.citation).and_then(book_citation).filter(|b| !b.book.is_empty()) {
        let at_c = at(c.citation);
        let whole_book = crate::import::title_key(&book.book) == crate::import::title_key(&title_text);
        d.kind = KindSrc::Mapped(if whole_book { "book" } else { "chapter" });
        d.place = book.place;
        d.publisher = book.publisher;
        d.edition = book.edition;
        if let Some(e) = &book.editors
            && !whole_book
        {
            d.editors = super::names::split_cell(e).names;
        }
        let open = |d: &str| d.trim_end_matches(['–', '-', '—']).trim().to_string();
        let mut unread = Vec::new();
        // The chapter's own date, else the book's (its first year when it runs on).
        let date = match (&book.own_date, &book.date) {
            (Some(own), Some(b)) => {
                unread.push(format!("the book's date {b:?} not stored (the chapter's own, {own:?}, is)"));
                own.clone()
            }
            (Some(own), None) => own.clone(),
            (None, Some(b)) => {
                let o = open(b);
                if o.len() < b.len() {
                    unread.push(format!("the book's date is open-ended ({b:?}): kept {o:?}"));
                }
                o
            }
            (None, None) => String::new(),
        };
        if !date.is_empty() {
            d.date = Some(Val::new(date, at_c));
        }
        if let Some(u) = &book.updated {
            unread.push(format!("updated {u:?} not stored"));
        }
        if let Some(x) = &book.rest {
            unread.push(format!("{x:?} not stored"));
        }
        if !unread.is_empty() {
            d.warnings.push(super::RowError::new(line, n(c.citation), format!("Citation: {}", unread.join("; "))));
        }
        d.container_short = None;
        d.container = (!whole_book).then_some(book.book);
    }
    if d.date.as_ref().is_none_or(|v| v.text.trim().is_empty()) {
        d.date = get(r, c.year).map(|y| Val::new(y, at(c.year)));
    }
    // The journal's full name is not in the export: its abbreviation is
    // what the references print (Citing Medicine cites it), and stands for
    // the journal until another list gives the full name.
    if d.container.is_none() {
        d.container = d.container_short.clone();
    }
    d.doi = get(r, c.doi).map(|v| Val::new(v, at(c.doi)));
    d.pmid = get(r, c.pmid).map(|v| Val::new(v, at(c.pmid)));
    d.pmcid = get(r, c.pmcid).map(|v| Val::new(v, at(c.pmcid)));
    d.isbn_rule = IsbnRule::FirstValid;
    d.themes =
        crate::store::themes::split_cell(get(r, c.themes).unwrap_or("")).map(|t| Val::new(t, at(c.themes))).collect();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bookshelf_chapters_citation_is_read() {
        let b = book_citation(
            "2023 Jul 24. In: StatPearls [Internet]. Treasure Island (FL): StatPearls Publishing; 2025 Jan–.",
        )
        .expect("a chapter");
        assert_eq!(b.own_date.as_deref(), Some("2023 Jul 24"));
        assert_eq!(b.book, "StatPearls [Internet]");
        assert_eq!(b.place.as_deref(), Some("Treasure Island (FL)"));
        assert_eq!(b.publisher.as_deref(), Some("StatPearls Publishing"));
        assert_eq!(b.date.as_deref(), Some("2025 Jan–"));
        let g = book_citation(
            "2003 Sep 15 [updated 2022 Jan 27]. In: Adam MP, Feldman J, Mirzaa GM, editors. GeneReviews® \
             [Internet]. Seattle (WA): University of Washington, Seattle; 1993–2025.",
        )
        .expect("a chapter");
        assert_eq!((g.own_date.as_deref(), g.updated.as_deref()), (Some("2003 Sep 15"), Some("2022 Jan 27")));
        assert_eq!(g.editors.as_deref(), Some("Adam MP, Feldman J, Mirzaa GM"));
        assert_eq!(g.book, "GeneReviews® [Internet]");
        assert_eq!(g.place.as_deref(), Some("Seattle (WA)"));
        assert_eq!(g.publisher.as_deref(), Some("University of Washington, Seattle"));
        let e = book_citation(
            "In: Farmer P, Kim JY, editors. Health equity: a textbook. 2nd ed. Boston (MA): Partners In Health; \
             2013. Chapter 4.",
        )
        .expect("an edited book");
        assert_eq!(e.book, "Health equity: a textbook");
        assert_eq!(e.edition.as_deref(), Some("2nd ed."));
        assert_eq!(
            (e.place.as_deref(), e.date.as_deref(), e.rest.as_deref()),
            (Some("Boston (MA)"), Some("2013"), Some("Chapter 4"))
        );
        assert_eq!(book_citation("N Engl J Med. 2020;383(9):874-882."), None);
    }

    #[test]
    fn pubmeds_citation_line_is_read() {
        let c = citation("N Engl J Med. 2020 Aug 27;383(9):874-882. doi: 10.1056/NEJMms2004740. Epub 2020 Jun 17.")
            .expect("a citation");
        assert_eq!(c.journal, "N Engl J Med");
        assert_eq!(c.date, "2020 Aug 27");
        assert_eq!(
            (c.volume.as_deref(), c.issue.as_deref(), c.pages.as_deref()),
            (Some("383"), Some("9"), Some("874-882"))
        );
        assert!(!c.ahead_of_print);
        let c =
            citation("Lancet Glob Health. 2021 Oct;9(10):e1465-e1470. doi: 10.1016/S2214-109X(21)00301-6.").unwrap();
        assert_eq!((c.date.as_str(), c.pages.as_deref()), ("2021 Oct", Some("e1465-e1470")));
        let c = citation("Tap Chi Y Hoc. 2017;12:45-52.").unwrap();
        assert_eq!((c.volume.as_deref(), c.issue, c.pages.as_deref()), (Some("12"), None, Some("45-52")));
        let c = citation("Lancet. 2023 Nov 20:S0140-6736(23)01234-5. doi: 10.1016/x. Online ahead of print.").unwrap();
        assert_eq!((c.date.as_str(), c.volume, c.pages), ("2023 Nov 20", None, None));
        assert!(c.ahead_of_print);
        assert_eq!(citation("In: Adam MP, editors. GeneReviews. Seattle (WA): 1993."), None);
    }
}
