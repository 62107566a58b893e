//! The canonical reading-list CSV:
//! `title,authors,year,type,doi,url,themes,notes` (any order, aliases accepted;
//! also `isbn`, `container`, `source_kind`, `status`, `language`, `volume`,
//! `issue`, `pages`, `publisher`, `place`, `edition`, and the content facets
//! `global_south`, `open_access`, `original_language`, `translated`,
//! `perspective`, and `editors`, `container_short` (the journal's
//! abbreviation), `season` and `pmid` (the PubMed ID)).

use anyhow::Result;

use super::builder::{self, Draft, KindSrc, Pos, Themes, Val};
use super::facets::{WorkFacets, yes_no};
use super::header::{self, Field, HeaderReport, Mapping};
use super::modules::Tally;
use super::names;
use super::records::Records;
use super::source::Source;
use super::{Present, ReadingRecord, RowError, cell, language};
use crate::store::themes::split_cell;

const TITLE: usize = 0;
const AUTHORS: usize = 1;
const YEAR: usize = 2;
const TYPE: usize = 3;
const DOI: usize = 4;
const URL: usize = 5;
const THEMES: usize = 6;
const NOTES: usize = 7;
const ISBN: usize = 8;
const CONTAINER: usize = 9;
const SOURCE_KIND: usize = 10;
const STATUS: usize = 11;
const LANGUAGE: usize = 12;
const ID: usize = 13;
const VOLUME: usize = 14;
const ISSUE: usize = 15;
const PAGES: usize = 16;
const PUBLISHER: usize = 17;
const PLACE: usize = 18;
const EDITION: usize = 19;
const GLOBAL_SOUTH: usize = 20;
const OPEN_ACCESS: usize = 21;
const ORIGINAL_LANGUAGE: usize = 22;
const TRANSLATED: usize = 23;
const PERSPECTIVE: usize = 24;
const CHANGED: usize = 25;
const EDITORS: usize = 26;
const CONTAINER_SHORT: usize = 27;
const SEASON: usize = 28;
const MONTH: usize = 29;
const DAY: usize = 30;
const PMID: usize = 31;
const MONTH_END: usize = 32;
const SERIES: usize = 33;
const GENRE: usize = 34;
const DAY_END: usize = 35;
const SEASON_END: usize = 36;
const PAGE_COUNT: usize = 37;
const CREDIT: usize = 38;
const LICENCE: usize = 39;
const YEAR_NOTE: usize = 40;
const SERIES_NUMBER: usize = 41;
const REPORT_NUMBER: usize = 42;
const ACCESSED: usize = 43;
const ORIGINAL_YEAR: usize = 44;
const TRANSLATORS: usize = 45;
const ORIGINAL_TITLE: usize = 46;
const VOLUME_TITLE: usize = 47;
const NUMBER_OF_VOLUMES: usize = 48;
const TYPE_INFERRED: usize = 49;
const DATE: usize = 50;
const YEAR_END: usize = 51;
const OTHER_ISBNS: usize = 52;
const ARCHIVE: usize = 53;
const ARCHIVE_LOCATION: usize = 54;
const EVENT: usize = 55;
const EVENT_PLACE: usize = 56;
const EVENT_DATE: usize = 57;
const PMCID: usize = 58;
const EPRINT: usize = 59;

pub const FIELDS: &[Field] = &[
    // The headers of a sheet kept in French, Spanish, Portuguese or German
    // ("Titre", "Auteurs", "Année", "Revue"…; tester r114 F8: eleven `--map`s
    // were needed) are read as the English ones.
    Field {
        name: "title",
        aliases: &["reading title", "work", "item title", "titre", "título", "titulo", "titel"],
        required: true,
    },
    // "Written by", "Who wrote it": how a hand-made sheet heads its authors
    // (tester r74 F2: the hint offered `notes`).
    Field {
        name: "authors",
        aliases: &[
            "author",
            "creators",
            "creator",
            "by",
            "written by",
            "writers",
            "writer",
            "who wrote it",
            "auteurs",
            "auteur",
            "autores",
            "autor",
            "autoren",
        ],
        required: false,
    },
    // How spreadsheets head the year (tester r70 F18: "Year of publication",
    // "Pub Year" and "Date published" were not read, every year left empty).
    Field {
        name: "year",
        aliases: &[
            "publication year",
            "date",
            "published",
            "year of publication",
            "year published",
            "pub year",
            "publ year",
            "publication date",
            "date published",
            "date of publication",
            "pub date",
            "yr",
            "année",
            "annee",
            "año",
            "ano",
            "jahr",
        ],
        required: false,
    },
    Field {
        name: "type",
        aliases: &["item type", "reading type", "format", "kind", "type de document", "tipo", "typ"],
        required: false,
    },
    Field { name: "doi", aliases: &[], required: false },
    Field { name: "url", aliases: &["link", "web address"], required: false },
    Field { name: "themes", aliases: &["theme", "tags", "thèmes", "themes", "temas", "themen"], required: false },
    Field {
        name: "notes",
        aliases: &[
            "annotation",
            "note",
            "why read it",
            "comment",
            "remarques",
            "remarque",
            "commentaire",
            "notas",
            "anmerkungen",
        ],
        required: false,
    },
    Field { name: "isbn", aliases: &[], required: false },
    Field {
        name: "container",
        aliases: &[
            "journal",
            "publication",
            "venue",
            "publication title",
            "journal title",
            "journal name",
            "source title",
            "container title",
            "secondary title",
            "revue",
            "revista",
            "zeitschrift",
            "périodique",
        ],
        required: false,
    },
    Field { name: "source_kind", aliases: &["source kind", "kind of source"], required: false },
    Field { name: "status", aliases: &["review status"], required: false },
    Field {
        name: "language",
        aliases: &["lang", "language of publication", "langue", "idioma", "língua", "lingua", "sprache"],
        required: false,
    },
    // The stable ID `canon export reading` writes: a row with one updates that entry.
    Field { name: "id", aliases: &["canon id", "reading id"], required: false },
    Field { name: "volume", aliases: &["vol", "tome", "band"], required: false },
    Field { name: "issue", aliases: &["number", "no", "numéro", "numero", "número", "heft"], required: false },
    Field {
        name: "pages",
        // "pp", "pgs": the abbreviations a hand-made sheet heads its page
        // ranges with (tester r74 F2: not read, and the hint left pages out).
        aliases: &[
            "page",
            "page range",
            "start page",
            "first page",
            "page start",
            "beginning page",
            "spage",
            "pp",
            "pgs",
            "pg",
            "pagination",
            "páginas",
            "paginas",
            "seiten",
        ],
        required: false,
    },
    Field {
        name: "publisher",
        aliases: &["publisher name", "éditeur", "editeur", "maison d'édition", "editorial", "editora", "verlag"],
        required: false,
    },
    Field {
        name: "place",
        aliases: &[
            "place of publication",
            "publication place",
            "city",
            "lieu",
            "lieu de publication",
            "ville",
            "lugar",
            "ciudad",
            "ort",
            "verlagsort",
        ],
        required: false,
    },
    Field { name: "edition", aliases: &["ed", "édition", "edición", "edição", "auflage"], required: false },
    // Content facets (issue 16): about the work, never about a person.
    Field {
        name: "global_south",
        // No alias mentions authors: a header about authors (author_gender) is about people and
        // must never be suggested as this content facet (issue 16b).
        aliases: &["global south", "global south content"],
        required: false,
    },
    Field { name: "open_access", aliases: &["open access", "oa", "free to read"], required: false },
    Field {
        name: "original_language",
        aliases: &["original language", "translated from", "source language", "language of original"],
        required: false,
    },
    Field { name: "translated", aliases: &["translation", "is translation"], required: false },
    Field {
        name: "perspective",
        aliases: &["whose experience", "whose experience told by whom", "told by", "voice"],
        required: false,
    },
    // The entry's latest change number when `canon export reading` wrote the
    // row: what others changed after it is not reverted by the row.
    Field { name: "changed", aliases: &["last change", "change number"], required: false },
    // Issue 12f: what 12e stores from the other formats, so that an export carries it.
    Field { name: "editors", aliases: &["editor", "eds", "edited by", "book editors"], required: false },
    Field {
        name: "container_short",
        aliases: &[
            "journal abbreviation",
            "journal abbr",
            "abbreviated journal",
            "abbreviated source title",
            "container title short",
            "journal short",
        ],
        required: false,
    },
    Field { name: "season", aliases: &["publication season"], required: false },
    Field { name: "month", aliases: &["publication month"], required: false },
    Field { name: "day", aliases: &["publication day"], required: false },
    // Issue 12l: the PubMed identifier (digits only).
    Field { name: "pmid", aliases: &["pubmed id", "pubmed", "pubmed identifier"], required: false },
    // Issue 12o: the last month of a range ("2019 Apr-May": month 4, month_end 5).
    Field { name: "month_end", aliases: &["end month", "last month"], required: false },
    // Issue 12o: a book's series (never its container).
    Field { name: "series", aliases: &["series title", "book series"], required: false },
    // Issue 12w: what kind of piece it is (CSL `genre`: "Letter", "Editorial").
    Field { name: "genre", aliases: &[], required: false },
    // Branch 12d: the ends of a range of days ("1998 May 3-5": day 3, day_end
    // 5) and of seasons ("1998 Summer-Fall": season summer, season_end autumn).
    Field { name: "day_end", aliases: &["end day", "last day"], required: false },
    Field { name: "season_end", aliases: &["end season", "last season"], required: false },
    // Branch 12e: the number of pages of a whole work ("120", cited "120 p.").
    Field {
        name: "page_count",
        aliases: &["number of pages", "num pages", "pagetotal", "page total", "total pages", "extent"],
        required: false,
    },
    // Branch 12e: every column `canon report`'s readings table writes is read
    // back. The creator credit and licence (`reading edit --credit`, `--licence`).
    Field { name: "credit", aliases: &[], required: false },
    Field { name: "licence", aliases: &["license"], required: false },
    // The year's note ("in press"), which the year column holds too: read
    // when the year cell is empty.
    Field { name: "year_note", aliases: &["year note", "publication status"], required: false },
    // The stored number under the name the reference gives it (the issue
    // column holds it too): read when the issue cell is empty.
    Field { name: "series_number", aliases: &["series number", "number in series"], required: false },
    Field { name: "report_number", aliases: &["report number", "report no"], required: false },
    // Schema 0026: the date the work was consulted (CSL `accessed`, Zotero's "Access Date").
    Field {
        name: "accessed",
        aliases: &["access date", "accessed on", "date accessed", "date of access", "retrieved", "urldate", "cited"],
        required: false,
    },
    // Schema 0028: the year a reprint or translation first appeared (CSL `original-date`).
    Field {
        name: "original_year",
        aliases: &["original year", "original date", "first published", "original publication", "year first published"],
        required: false,
    },
    // Schema 0029: the translators, a name list as `authors` and `editors` are.
    Field {
        name: "translators",
        aliases: &["translator", "translated by", "trans", "translation by"],
        required: false,
    },
    // Schema 0030: the title in the work's own language when `title`
    // translates it (MEDLINE `TT`, CSL `original-title`).
    Field {
        name: "original_title",
        aliases: &["original title", "title in original language", "vernacular title", "origtitle"],
        required: false,
    },
    // Schema 0032: the own title of the volume of a multi-volume work whose
    // title is `title` (a chapter's: `container`), CSL `volume-title`.
    Field { name: "volume_title", aliases: &["volume title", "volume-title", "title of volume"], required: false },
    // Schema 0033: the number of volumes of a multi-volume work, CSL
    // `number-of-volumes` (tester r71 F12).
    Field {
        name: "number_of_volumes",
        aliases: &[
            "number of volumes",
            "number-of-volumes",
            "volumes",
            "no. of volumes",
            "num volumes",
            "num vols",
            "num-vols",
            "# of volumes",
        ],
        required: false,
    },
    // Schema 0034: "yes" where canon inferred the type, as `export reading`
    // writes it (tester r76 F3).
    Field { name: "type_inferred", aliases: &["type inferred"], required: false },
    // A fuller date beside the year column ("Year" and "Date published",
    // as Zotero's "Date" beside its "Publication Year"): its month and day,
    // and the year of a row whose year cell is empty (tester r77 F2: the
    // column was not read, a dated row printed "[date unknown]"). Matched
    // after `year`, so a sheet's only date column is still the year's.
    Field {
        name: "date",
        aliases: &[
            "publication date",
            "date published",
            "date of publication",
            "pub date",
            "published",
            "full date",
            "issued",
            "date de publication",
            "date de parution",
            "fecha de publicación",
            "fecha de publicacion",
            "data de publicação",
            "data de publicacao",
            "erscheinungsdatum",
        ],
        required: false,
    },
    // Schema 0036: the last year of a range of months across a year end
    // ("2021 Dec-2022 Jan": month 12, month_end 1, year_end 2022), as
    // `export reading` writes it.
    Field { name: "year_end", aliases: &["end year", "last year"], required: false },
    // Schema 0037: the book's other valid ISBNs, as `export reading` writes them.
    Field { name: "other_isbns", aliases: &["other isbns", "other isbn", "other-isbns"], required: false },
    // Schema 0039: where an archival document is kept, CSL `archive` and
    // `archive_location`, as `export reading` writes them (tester r96 F3).
    // A library's "Shelf mark" column is no archive's and stays named as not
    // read, as Zotero's "Call Number" is.
    Field { name: "archive", aliases: &[], required: false },
    Field {
        name: "archive_location",
        aliases: &["archive location", "archive-location", "loc. in archive"],
        required: false,
    },
    // Schema 0040: the conference a paper was given at, where and when (CSL
    // `event-title`, `event-place`, `event-date`), as `export reading`
    // writes them (tester r98 F2).
    Field {
        name: "event",
        aliases: &["event title", "event-title", "conference name", "meeting name", "conference"],
        required: false,
    },
    Field {
        name: "event_place",
        aliases: &["event place", "event-place", "conference location", "conference place"],
        required: false,
    },
    Field { name: "event_date", aliases: &["event date", "event-date", "conference date"], required: false },
    // Schema 0041: the PubMed Central ID and the arXiv identifier, as
    // `export reading` writes them and as sheets head them (tester r100 F5).
    Field {
        name: "pmcid",
        aliases: &["pmc id", "pmc", "pubmed central id", "pubmed central", "pmc identifier", "pmcid number"],
        required: false,
    },
    Field {
        name: "eprint",
        aliases: &["arxiv id", "arxiv", "arxiv identifier", "arxiv number", "e-print", "eprint id", "e-print id"],
        required: false,
    },
];

pub use super::builder::{SOURCE_KINDS, STATUSES, YEARS};

/// The record field each column-field fills, for [`Present`].
const PRESENT: &[(usize, &str)] = &[
    (TITLE, "title"),
    (AUTHORS, "authors"),
    (YEAR, "year"),
    (TYPE, "type"),
    (DOI, "doi"),
    (URL, "url"),
    (THEMES, "themes"),
    (NOTES, "annotation"),
    (ISBN, "isbn"),
    (CONTAINER, "container"),
    (SOURCE_KIND, "source_kind"),
    (STATUS, "status"),
    (LANGUAGE, "language"),
    (VOLUME, "volume"),
    (ISSUE, "issue"),
    (PAGES, "pages"),
    (PUBLISHER, "publisher"),
    (PLACE, "place"),
    (EDITION, "edition"),
    (GLOBAL_SOUTH, "global_south"),
    (OPEN_ACCESS, "open_access"),
    (ORIGINAL_LANGUAGE, "original_language"),
    (TRANSLATED, "translated"),
    (PERSPECTIVE, "perspective"),
    (EDITORS, "editors"),
    (CONTAINER_SHORT, "container_short"),
    (SEASON, "season"),
    (MONTH, "month"),
    (DAY, "day"),
    (PMID, "pmid"),
    (MONTH_END, "month_end"),
    (YEAR_END, "year_end"),
    (OTHER_ISBNS, "other_isbns"),
    (SERIES, "series"),
    (GENRE, "genre"),
    (DAY_END, "day_end"),
    (SEASON_END, "season_end"),
    (PAGE_COUNT, "page_count"),
    (CREDIT, "credit"),
    (LICENCE, "licence"),
    (SERIES_NUMBER, "series_number"),
    (ACCESSED, "accessed"),
    (ORIGINAL_YEAR, "original_year"),
    (TRANSLATORS, "translators"),
    (ORIGINAL_TITLE, "original_title"),
    (VOLUME_TITLE, "volume_title"),
    (NUMBER_OF_VOLUMES, "number_of_volumes"),
    (ARCHIVE, "archive"),
    (ARCHIVE_LOCATION, "archive_location"),
    (EVENT, "event"),
    (EVENT_PLACE, "event_place"),
    (EVENT_DATE, "event_date"),
    (PMCID, "pmcid"),
    (EPRINT, "eprint"),
    (DATE, "year"),
    (DATE, "month"),
    (DATE, "day"),
];

/// Whether a fuller date column's cell gives a year, as the builder reads
/// a year cell: a date, a year with its state ("2020, in press"), or a
/// state alone ("in press", "n.d.").
fn fuller_date_reads(t: &str) -> bool {
    builder::read_date(t).is_some() || builder::year_and_state(t).is_some()
}

/// What a date cell holding a whole number where a spreadsheet's date
/// serial would be (20000 to 80000: 1954 to 2119) stands for, as a hint
/// ("43831 is the number a spreadsheet stores for 2020-01-01"): a date
/// cell formatted as a number. `None` for any other text.
fn date_serial(t: &str) -> Option<String> {
    t.trim().parse::<i64>().ok().filter(|n| (20_000..=80_000).contains(n)).map(|n| {
        // Days since 1899-12-30 (the spreadsheets' epoch, after their
        // false 29 February 1900), 25 569 days before 1970-01-01.
        let (year, month, day) = crate::calendar::civil_from_days(n - 25_569);
        format!(
            "; {n} is the number a spreadsheet stores for the date {year:04}-{month:02}-{day:02}: if that is the \
             date, format the cell as a date"
        )
    })
}

/// A cell without the `'` that `canon export` puts before a cell a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first).
/// A value of its own that starts "'=" was written with one more `'`
/// ([`crate::report::csv::safe`]), which comes off.
pub fn unguard(cell: &str) -> &str {
    const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA) => rest,
        Some(rest) if rest.strip_prefix('\'').is_some_and(|r| r.starts_with(FORMULA)) => rest,
        _ => cell,
    }
}

/// Reads reading-list rows from a source (a CSV file or a workbook sheet), validating each.
pub struct ReadingReader<'a> {
    file: String,
    rows: Box<dyn Records>,
    mapping: Mapping,
    width: usize,
    themes: &'a dyn Themes,
    /// The fields the file has columns for.
    present: Present,
    /// Canon's own export (it has the `id` column): the `'` that export put
    /// before formula-like cells is taken off again.
    unguard: bool,
    ignored: Vec<usize>,
    /// Further columns for the first page ("Start Page" beside "Pages", a
    /// second set of page columns) and the columns for the last page ("End
    /// Page"), 0-based: read with the pages column as one range, and any
    /// value they give that the range does not hold said.
    page_starts: Vec<usize>,
    page_ends: Vec<usize>,
    filled: Vec<u64>,
    /// The header row as the file has it, and its delimiter (for `--rejects`).
    raw_header: csv::StringRecord,
    delimiter: u8,
    /// The date columns (0-based) whose yes/no value was said already: a
    /// "Published" column of yes/no is named once a file, not at each row.
    said_yes_no: std::cell::RefCell<Vec<usize>>,
}

/// Whether a cell is a yes/no value ("yes", "no", "TRUE", "FALSE", "Y",
/// "N"), which no date column holds: a sheet's "Published" column of
/// yes/no beside its year (tester r79).
fn yes_no_word(t: &str) -> bool {
    matches!(t.trim().to_lowercase().as_str(), "yes" | "no" | "y" | "n" | "true" | "false")
}

impl<'a> ReadingReader<'a> {
    pub fn new(source: Source, maps: &[String], themes: &'a dyn Themes) -> Result<ReadingReader<'a>> {
        let file = source.path.display().to_string();
        let maps = header::parse_maps(maps, FIELDS)?;
        let (rows, headers, mapping, delimiter) =
            super::rows::open_table(source, FIELDS, &maps, "title,authors,year,type,doi,url,themes,notes")?;
        let mut reader = ReadingReader::from_records(file, Box::new(rows), &headers, mapping, themes);
        reader.delimiter = delimiter;
        Ok(reader)
    }

    /// Reads rows from any record source (a workbook sheet's rows) whose
    /// header row `headers` was matched to [`FIELDS`] as `mapping`.
    pub fn from_records(
        file: String,
        rows: Box<dyn Records>,
        headers: &[String],
        mapping: Mapping,
        themes: &'a dyn Themes,
    ) -> ReadingReader<'a> {
        let mut mapping = mapping;
        // A first page and a last page in two columns (Web of Science's and
        // library systems' "Start Page", "End Page") are one range; a
        // further column of either is read too (tester r26, F1: a second set
        // of page columns was said to be read and stored nowhere).
        let (page_starts, page_ends) = if mapping.has(PAGES) {
            (
                mapping.fallbacks(
                    PAGES,
                    &[
                        "pages",
                        "page",
                        "page range",
                        "start page",
                        "first page",
                        "page start",
                        "beginning page",
                        "spage",
                    ],
                ),
                mapping.fallbacks(PAGES, &["end page", "last page", "page end", "ending page", "epage"]),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        // Columns `canon report` writes that other columns hold already.
        mapping.known_unread(&[
            ("reference", "the formatted reference, which canon writes from the other columns in the chosen style"),
            ("review", "the committee's decision on the reading, which `canon review` records, not an import"),
            ("theme_names", "the themes' names, which the themes column names by their slugs"),
        ]);
        let present =
            PRESENT.iter().filter(|(f, _)| mapping.has(*f)).fold(Present::default(), |p, (_, name)| p.with(name));
        ReadingReader {
            file,
            width: headers.len(),
            // (A rejects file's cells come unguarded already: `rows::Rows`.)
            unguard: mapping.has(ID)
                && !headers.iter().any(|h| h.trim().eq_ignore_ascii_case(super::rejects::REASON_COLUMN)),
            ignored: mapping.ignored(),
            page_starts,
            page_ends,
            filled: vec![0; headers.len()],
            raw_header: csv::StringRecord::from(headers.to_vec()),
            delimiter: b',',
            said_yes_no: std::cell::RefCell::new(Vec::new()),
            rows,
            mapping,
            themes,
            present,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// How the header was read.
    pub fn header(&self) -> &HeaderReport {
        &self.mapping.report
    }

    /// Which field is in which column.
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// Text in the columns not read, and rows skipped, so far.
    pub fn tally(&self) -> Tally {
        Tally { filled: self.filled.clone(), skipped: self.rows.skipped(), ..Tally::default() }
    }

    pub fn next_row(&mut self) -> Option<Result<ReadingRecord, Vec<RowError>>> {
        Some(match self.rows.next_record()? {
            Ok(line) => {
                for &c in &self.ignored {
                    if self.rows.current().get(c).is_some_and(|v| !v.trim().is_empty()) {
                        self.filled[c] += 1;
                    }
                }
                let cells = self.rows.cell_problems();
                let notes = self.rows.cell_warnings();
                super::records::with_cell_problems(cells, self.validate(line)).map(|mut r| {
                    r.warnings.extend(notes);
                    r
                })
            }
            Err(e) => Err(vec![e]),
        })
    }

    /// The cell of `field` in the current row (unguarded in canon's own export).
    fn get(&self, field: usize) -> &str {
        let v = self.mapping.get(field, self.rows.current());
        if self.unguard { unguard(v) } else { v }
    }

    fn validate(&self, line: u64) -> Result<ReadingRecord, Vec<RowError>> {
        let r = self.rows.current();
        let m = &self.mapping;
        let mut errs = Vec::new();
        if let Some((c, _)) = r.iter().enumerate().find(|(_, f)| f.contains('\0')) {
            errs.push(RowError::new(
                self.rows.cell_line(line, c as u64 + 1),
                c as u64 + 1,
                "NUL byte in this field; expected text",
            ));
        }
        // Empty fields after the header's last column (a trailing delimiter
        // on every row, as some exports write) hold nothing: no error
        // (tester r24: the whole file was refused).
        if r.len() != self.width && !super::rows::only_empty_beyond(r, self.width) {
            let column = r.len().min(self.width) as u64 + 1;
            errs.push(RowError::new(
                self.rows.cell_line(line, column),
                column,
                format!("row has {} fields; expected {} like the header", r.len(), self.width),
            ));
            return Err(errs);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let at = |f: usize| self.at(line, m.column(f));
        let val = |f: usize| Val::new(self.get(f).trim(), at(f));
        let opt = |f: usize| Some(val(f)).filter(|v| !v.text.is_empty());
        let text = |f: usize| opt(f).map(|v| v.text);
        let mut d = Draft::new(Pos::new(line, m.column(TITLE)), None);
        // (A cell keeps its text as written: a tab or line break in it is said.)
        d.breaks_said = true;
        d.date_name = Some("year");
        // A title's case protection and marks as `export reading` writes
        // them (`{eGFR}`, `\textit{…}`): read back into the stored form.
        let title_val = |f: usize| Val::new(super::title_text::from_sheet(self.get(f).trim()), at(f));
        d.title = Some(title_val(TITLE));
        d.id = opt(ID);
        // A yes/no in a date column ("Published": yes) is no date: not
        // read, and said once for the column, not at each row.
        let dated = |f: usize, d: &mut Draft| {
            let v = opt(f)?;
            if !yes_no_word(&v.text) {
                return Some(v);
            }
            let c = m.column(f) as usize;
            if !self.said_yes_no.borrow().contains(&c) {
                self.said_yes_no.borrow_mut().push(c);
                let name = self.raw_header.get(c.saturating_sub(1)).unwrap_or_default().trim().to_string();
                d.warnings.push(RowError::new(
                    v.at.line,
                    v.at.column,
                    format!(
                        "column {name:?} holds yes/no values ({:?}), not dates: they are not read as dates, in \
                         this row or a later one (said once for the file)",
                        v.text
                    ),
                ));
            }
            None
        };
        d.date = dated(YEAR, &mut d);
        // The fuller date column: the year where the year cell is empty.
        // A date that gives no year where the year cell is empty, or that
        // is a spreadsheet's date number shown as a number: said at its
        // cell, not read; the row kept.
        let mut full_date = dated(DATE, &mut d);
        if let Some(f) = full_date.as_ref() {
            let serial = date_serial(&f.text);
            if serial.is_some() || (d.date.is_none() && !fuller_date_reads(&f.text)) {
                let year = if d.date.is_none() { "the year cell is empty and " } else { "" };
                d.warnings.push(RowError::new(
                    f.at.line,
                    f.at.column,
                    format!(
                        "{year}the date {:?} is no date canon reads; not read{}",
                        f.text.trim(),
                        serial.unwrap_or_default()
                    ),
                ));
                full_date = None;
            } else if d.date.is_none() {
                d.date = Some(f.clone());
            }
        }
        // The year's note ("in press") given apart, as `canon report` writes it:
        // the note of a row without a year; beside a year it is said.
        d.pub_state = opt(YEAR_NOTE);
        // No type column: typed by what the row holds, said once for the file.
        d.kind = if m.has(TYPE) { KindSrc::Named(val(TYPE)) } else { KindSrc::Absent(at(TYPE)) };
        d.doi = opt(DOI);
        d.pmid = opt(PMID);
        d.pmcid = opt(PMCID);
        d.eprint = opt(EPRINT);
        d.isbn = opt(ISBN);
        if let Some(v) = opt(OTHER_ISBNS) {
            builder::read_other_isbns(&mut d, &v);
        }
        d.source_kind = opt(SOURCE_KIND);
        d.status = opt(STATUS);
        d.themes = split_cell(self.get(THEMES)).map(|t| Val::new(t, at(THEMES))).collect();
        d.names_at = [at(AUTHORS), at(EDITORS), at(TRANSLATORS)].map(Some);
        let split = split_names_cell(self.get(AUTHORS));
        d.broken_names.extend(builder::broken_names(self.get(AUTHORS), "an author"));
        if let Some(doubt) = split.doubt {
            d.guessed.authors = true;
            d.warnings.push(RowError::new(line, m.column(AUTHORS), format!("authors cell {doubt}")));
        }
        d.authors = split.names;
        d.authors_truncated = split.truncated;
        // Editors: the same name-list syntax as authors, `{…}` for a name kept whole.
        // (The role written around the names is no part of them.)
        for (col, editors) in [(EDITORS, true), (TRANSLATORS, false)] {
            let field = if editors { "editors" } else { "translators" };
            let (cell, role) = names::without_role_words(self.get(col), editors);
            if let Some(role) = role {
                d.warnings.push(RowError::new(
                    line,
                    m.column(col),
                    format!(
                        "{field} cell {:?}: {role:?} after the last name is the role, not part of a name; read as {cell:?}",
                        self.get(col).trim()
                    ),
                ));
            }
            let split = split_names_cell(&cell);
            d.broken_names.extend(builder::broken_names(&cell, if editors { "an editor" } else { "a translator" }));
            if let Some(doubt) = split.doubt {
                if editors {
                    d.guessed.editors = true
                } else {
                    d.guessed.translators = true
                }
                d.warnings.push(RowError::new(line, m.column(col), format!("{field} cell {doubt}")));
            }
            if editors {
                // "…; et al.": the editors stop there (schema 0038), as authors do.
                d.editors_truncated = split.truncated;
                d.editors = split.names
            } else {
                if split.truncated {
                    d.warnings.push(RowError::new(
                        line,
                        m.column(col),
                        format!(
                            "translators cell {:?} ends \"et al.\": the translators named are kept, and the styles \
                             print them as the whole list (canon keeps \"et al.\" for authors and editors only)",
                            self.get(col).trim()
                        ),
                    ));
                }
                d.translators = split.names
            }
        }
        d.container_short = text(CONTAINER_SHORT);
        d.season = opt(SEASON);
        // A month column (4, "Apr" or "April"); the day column with it.
        d.month = opt(MONTH);
        if let Some(v) = d.month.as_ref().filter(|v| super::dates::month_day(&v.text).0.is_none()) {
            d.errors.push(RowError::new(
                line,
                m.column(MONTH),
                format!("month {:?} is not a month; expected 1 to 12 or a month's name, or an empty cell", v.text),
            ));
        }
        // The fuller date column gives the month and day beside the year
        // (the builder names a date of another year, and takes nothing from
        // it); a month column beside it is the one read, the other said.
        d.month = match (d.month.take(), full_date) {
            (None, f) => f,
            (Some(mv), None) => Some(mv),
            (Some(mv), Some(f)) if super::dates::month_day(&f.text).0 == super::dates::month_day(&mv.text).0 => Some(f),
            (Some(mv), Some(f)) => {
                d.warnings.push(RowError::new(
                    f.at.line,
                    f.at.column,
                    format!(
                        "the month and day of the date {:?} not stored: the month column gives another month ({:?}), \
                         which is kept",
                        f.text, mv.text
                    ),
                ));
                Some(mv)
            }
        };
        d.day = opt(DAY);
        d.month_end = opt(MONTH_END);
        d.year_end = opt(YEAR_END);
        d.series = text(SERIES);
        d.genre = text(GENRE);
        // A type word that is a genre of a reading type ("dataset", "Letter"):
        // that type, and the genre when the row gives none (tester r100 F2).
        if let KindSrc::Named(v) = &d.kind
            && super::reading_type(&v.text).is_none()
            && let Some((kind, genre)) = super::type_with_genre(&v.text)
        {
            d.kind = KindSrc::Named(Val::new(kind, v.at));
            if d.genre.is_none() && genre.is_some() {
                d.genre = genre.map(str::to_string);
                d.genre_implied = true;
            }
        }
        d.day_end = opt(DAY_END);
        d.season_end = opt(SEASON_END);
        d.page_count = text(PAGE_COUNT);
        d.credit = text(CREDIT);
        d.licence = text(LICENCE);
        if let Some(v) = d.season.as_ref().filter(|v| builder::season_of(&v.text).is_none()) {
            d.errors.push(RowError::new(
                line,
                m.column(SEASON),
                format!(
                    "season {:?} is not a season; expected spring, summer, autumn (or fall), winter, or an empty cell",
                    v.text
                ),
            ));
        }
        d.container = text(CONTAINER);
        d.url = text(URL);
        d.url_at = Some(at(URL));
        d.annotation = text(NOTES);
        d.language = text(LANGUAGE);
        d.language_at = Some(at(LANGUAGE));
        d.volume = text(VOLUME);
        d.issue = text(ISSUE);
        d.volume_at = Some(at(VOLUME));
        d.issue_at = Some(at(ISSUE));
        // `canon report`'s readings table names the stored number again by
        // what the reference calls it (a book's number in its series, a
        // report's number): the issue when the issue cell is empty; the same
        // number is no loss, another one is said.
        // A series number beside another number is kept apart (a report's, schema 0024).
        d.series_number = text(SERIES_NUMBER);
        d.accessed = opt(ACCESSED);
        d.original_year = opt(ORIGINAL_YEAR);
        d.original_title = text(ORIGINAL_TITLE).map(|t| super::title_text::from_sheet(&t));
        d.volume_title = text(VOLUME_TITLE).map(|t| super::title_text::from_sheet(&t));
        d.number_of_volumes = opt(NUMBER_OF_VOLUMES);
        d.archive = text(ARCHIVE);
        d.archive_location = text(ARCHIVE_LOCATION);
        d.event = text(EVENT);
        d.event_place = text(EVENT_PLACE);
        d.event_date = text(EVENT_DATE);
        // canon's export says which types canon inferred: read as a guess,
        // which never replaces a stated type (tester r76 F3).
        d.type_guessed = matches!(self.get(TYPE_INFERRED).trim().to_lowercase().as_str(), "yes" | "true" | "1");
        if let Some(v) = opt(REPORT_NUMBER) {
            let (f, name) = (REPORT_NUMBER, "report_number");
            match d.issue.as_deref().map(str::trim) {
                None => d.issue = Some(v.text),
                Some(i) if i == v.text.trim() => {}
                Some(i) => d.warnings.push(RowError::new(
                    line,
                    m.column(f),
                    format!(
                        "{name} {:?} not stored: the row has an issue ({i:?}) and canon keeps one number, the issue; \
                         expected the same number or an empty cell",
                        v.text
                    ),
                )),
            }
        }
        self.read_pages(line, &mut d);
        d.publisher = text(PUBLISHER);
        d.place = text(PLACE);
        d.edition = text(EDITION);
        d.facets = self.facets(line, &mut d.errors);
        // An empty type cell leaves a stored entry's type as it is (a type
        // cannot be empty); the writer says so.
        let type_emptied = self.get(TYPE).trim().is_empty() && self.present.has("type");
        let present = if type_emptied { self.present.without("type") } else { self.present };
        let changed = self.changed(line, d.id.is_some(), &mut d.errors);
        // The problems found above are said at their cells' own lines.
        for p in d.errors.iter_mut().chain(d.warnings.iter_mut()) {
            if p.line == line && p.column > 0 && p.sheet_column.is_none() {
                p.line = self.rows.cell_line(line, p.column);
            }
        }
        let mut record = builder::build(d, self.themes)?;
        record.present = present;
        if type_emptied {
            record.emptied = record.emptied.with("type");
        }
        record.changed = changed;
        Ok(record)
    }

    /// Where the current row's cell in 1-based `column` is, the row
    /// starting on `line` (a quoted cell before it may hold line breaks).
    fn at(&self, line: u64, column: u64) -> Pos {
        Pos::new(self.rows.cell_line(line, column), column)
    }

    /// The pages of the current row from its pages column and any further
    /// first-page and last-page columns ([`crate::import::pages_of_cells`]).
    fn read_pages(&self, line: u64, d: &mut Draft) {
        let r = self.rows.current();
        let cell = |c: usize| -> Option<crate::import::PageCell> {
            let v = r.get(c)?;
            let v = if self.unguard { unguard(v) } else { v }.trim();
            (!v.is_empty()).then(|| crate::import::PageCell {
                column: c as u64 + 1,
                header: self.raw_header.get(c).unwrap_or("").to_string(),
                text: v.to_string(),
            })
        };
        let main = self.mapping.column(PAGES);
        let mut starts = Vec::new();
        if main > 0 {
            starts.extend(cell(main as usize - 1));
        }
        starts.extend(self.page_starts.iter().filter_map(|&c| cell(c)));
        let ends: Vec<_> = self.page_ends.iter().filter_map(|&c| cell(c)).collect();
        d.pages_at = starts.first().or(ends.first()).map(|c| self.at(line, c.column));
        d.pages = crate::import::pages_of_cells(line, &starts, &ends, &mut d.warnings);
    }

    /// With an `id`, the change number the export saw (its `changed`
    /// column; an empty cell: none, 0). `None` without the column or the ID.
    fn changed(&self, line: u64, has_id: bool, errs: &mut Vec<RowError>) -> Option<i64> {
        if !has_id || !self.mapping.has(CHANGED) {
            return None;
        }
        let Some(c) = cell(self.get(CHANGED)) else { return Some(0) };
        let n = c.parse::<i64>().ok().filter(|n| *n >= 0);
        if n.is_none() {
            errs.push(RowError::new(
                line,
                self.mapping.column(CHANGED),
                format!(
                    "changed {c:?} is not a change number; expected the number `canon export reading` wrote \
                     (leave the column as exported)"
                ),
            ));
        }
        n
    }

    /// The content facet columns of the current row: yes/no cells read as
    /// yes or no (an empty cell is "not recorded"), languages made codes.
    fn facets(&self, line: u64, errs: &mut Vec<RowError>) -> WorkFacets {
        let m = &self.mapping;
        let mut flag = |col: usize, name: &str| {
            cell(self.get(col)).and_then(|v| {
                let b = yes_no(v);
                if b.is_none() {
                    errs.push(RowError::new(
                        line,
                        m.column(col),
                        format!("{name} {v:?} is not yes or no; expected yes, no, or an empty cell"),
                    ));
                }
                b
            })
        };
        let mut f = WorkFacets {
            global_south: flag(GLOBAL_SOUTH, "global_south"),
            open_access: flag(OPEN_ACCESS, "open_access"),
            translated: flag(TRANSLATED, "translated"),
            ..WorkFacets::default()
        };
        f.original_language = cell(self.get(ORIGINAL_LANGUAGE)).and_then(|l| match language::normalise_list(l) {
            Ok(code) => Some(code),
            Err(e) => {
                errs.push(RowError::new(line, m.column(ORIGINAL_LANGUAGE), format!("original_language: {e}")));
                None
            }
        });
        f.perspective = cell(self.get(PERSPECTIVE)).map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
        if f.translated == Some(false) && f.original_language.is_some() {
            errs.push(RowError::new(
                line,
                m.column(TRANSLATED),
                "translated is no, but original_language names a language; expected yes, or an empty original_language",
            ));
        }
        f.settle();
        f
    }

    /// The fields of the row last read, as the file has them (for `--rejects`).
    pub fn current_row(&self) -> &csv::StringRecord {
        self.rows.current()
    }

    /// The header row and the delimiter, as the file has them (for `--rejects`).
    pub fn raw_header(&self) -> (&csv::StringRecord, u8) {
        (&self.raw_header, self.delimiter)
    }
}

/// A title with its whitespace (including line breaks) made single spaces.
/// A no-break space is kept as written ([`super::spaces_collapsed`]).
pub fn clean_title(s: &str) -> String {
    super::spaces_collapsed(s)
}

/// The names of a names cell; a cell that writes a role before its names
/// ("sous la dir. de Fassin, Didier et Memmi, Dominique", "edited by A.
/// Smith and B. Jones") keeps its first name (up to a `;`) whole, for the
/// shared builder to take the role off every name and say it (its commas
/// and conjunctions are read there, not split here around the role words).
fn split_names_cell(cell: &str) -> names::CellNames {
    let t = cell.trim().to_lowercase();
    let led = super::builder::EDITOR_BEFORE
        .iter()
        .chain(super::builder::TRANSLATOR_BEFORE)
        .any(|w| t.starts_with(w) && t.len() > w.len());
    if led {
        // (A `;` is no role's: the names after it are read as any are.)
        let (head, tail) = cell.trim().split_once(';').unwrap_or((cell.trim(), ""));
        let mut names = vec![names::Name::literal(head.trim())];
        let rest = names::split_cell(tail);
        names.extend(rest.names);
        return names::CellNames { names, doubt: rest.doubt, truncated: rest.truncated };
    }
    names::split_cell(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_tidied() {
        assert_eq!(clean_title(" A\n  title "), "A title");
    }

    #[test]
    fn export_formula_guards_come_off() {
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("'-5"), "-5");
        assert_eq!(unguard("'tis"), "'tis");
        assert_eq!(unguard("''=1+1"), "'=1+1");
        assert_eq!(unguard("plain"), "plain");
    }
}
