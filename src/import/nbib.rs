//! PubMed's MEDLINE format (`.nbib`, "Save citations to file" → PubMed):
//! records separated by blank lines, each starting `PMID- `; a tag is up to
//! four capitals padded to four characters, then `- ` and the value; a value
//! goes on over lines indented by six spaces. Authors come twice, in full
//! (`FAU - Mensah, Kofi A`) and short (`AU  - Mensah KA`): the full form is
//! read, the short one only when a record has no full names. Collective
//! authors are `CN`. See NLM's "MEDLINE/PubMed Data Element (Field)
//! Descriptions".

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::names::{self, Name};
use super::{Parsed, RowError};

/// Where a value starts on a tag line (`XXXX- ` is six characters).
const VALUE_COLUMN: u64 = 7;

/// A MEDLINE tag line's tag and value: two to four capitals or digits,
/// padded with spaces to four, then `-` and a space (or the end of the line).
pub(crate) fn tag_line(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    if b.len() < 5 || b[4] != b'-' || !b[0].is_ascii_uppercase() {
        return None;
    }
    let tag = line[..4].trim_end();
    if tag.len() < 2 || !tag.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    if line[tag.len()..4].bytes().any(|c| c != b' ') || (b.len() > 5 && b[5] != b' ') {
        return None;
    }
    Some((tag, line.get(6..).unwrap_or("").trim()))
}

/// Whether text looks like MEDLINE: a `PMID- ` line among its first lines.
pub fn looks_like(head: &str) -> bool {
    head.lines().take(40).any(|l| l.starts_with("PMID-") && tag_line(l).is_some())
}

/// Reads and validates a MEDLINE file (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    let _ = path_display;
    builder::build_all(read(text), themes)
}

/// One record: its first line, its byte range, and its fields with their lines.
struct Raw {
    line: u64,
    start: usize,
    end: usize,
    fields: Vec<(String, String, u64)>,
    /// The file's last line, when the file ends in this record with no
    /// line end after it: the record may be cut off ([`cut_off`]).
    cut: Option<u64>,
}

/// Reads a MEDLINE file into drafts, pure.
pub fn read(text: &str) -> Read {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut out = Read::default();
    let mut records: Vec<Raw> = Vec::new();
    let mut current: Option<Raw> = None;
    let mut offset = bom;
    for (n, full) in text[bom..].split_inclusive('\n').enumerate() {
        let n = n as u64 + 1;
        let start = offset;
        offset += full.len();
        let line = full.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if let Some(r) = current.take() {
                records.push(r);
            }
            continue;
        }
        match tag_line(line) {
            Some((tag, value)) => {
                if tag == "PMID"
                    && let Some(r) = current.take()
                {
                    records.push(r);
                }
                let r =
                    current.get_or_insert_with(|| Raw { line: n, start, end: offset, fields: Vec::new(), cut: None });
                r.fields.push((tag.to_string(), value.to_string(), n));
                r.end = offset;
            }
            None if line.starts_with(' ') => match current.as_mut().and_then(|r| {
                r.end = offset;
                r.fields.last_mut()
            }) {
                Some((_, value, _)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                None => out.errors.push(RowError::new(n, 1, "a continued value outside a record; expected `PMID- `")),
            },
            // Comment lines (canon writes `# rejected: …` above a rejected record).
            None if line.starts_with('#') => {}
            None => {
                let r =
                    current.get_or_insert_with(|| Raw { line: n, start, end: offset, fields: Vec::new(), cut: None });
                r.end = offset;
                out.items.push(builder::Item {
                    draft: Err(vec![RowError::new(
                        n,
                        1,
                        format!(
                            "{:?} is not a MEDLINE line; expected a tag such as `TI  - ` or a value indented by six spaces",
                            line.chars().take(40).collect::<String>()
                        ),
                    )]),
                    span: None,
                });
            }
        }
    }
    // A PubMed file ends with a line end; one whose last line, in a
    // record, has none was cut (a download or copy stopped part way): said
    // at that line, as RIS says a record with no `ER` (tester r67 F1).
    if let Some(r) = current.as_mut().filter(|_| !text.ends_with(['\n', '\r'])) {
        r.cut = Some(text[bom..].split_inclusive('\n').count() as u64);
    }
    records.extend(current);
    for r in records {
        out.push(draft(&r), r.start..r.end);
    }
    out.items.sort_by_key(|i| i.span.as_ref().map_or(0, |s| s.start));
    out
}

/// MEDLINE publication types (`PT`) that say what kind of piece a journal
/// item is, kept as its genre (CSL `genre`) beside canon's type: NLM's
/// *Publication Types* list, the types a reference list tells apart
/// (Citing Medicine ch. 1, "Type of medium"/"Letters", "Editorials",
/// "Comments", "Reviews", "Errata"). Research support, "Journal Article"
/// and the like say nothing of the piece.
const GENRES: &[&str] = &[
    "Letter",
    "Editorial",
    "Comment",
    "Review",
    "Systematic Review",
    "Meta-Analysis",
    "Published Erratum",
    "Retraction of Publication",
    "Retracted Publication",
    "Expression of Concern",
    "Case Reports",
    "News",
    "Newspaper Article",
    "Interview",
    "Lecture",
    "Address",
    "Biography",
    "Autobiography",
    "Obituary",
    "Portrait",
    "Historical Article",
    "Personal Narrative",
    "Guideline",
    "Practice Guideline",
    "Consensus Development Conference",
    "Randomized Controlled Trial",
    "Clinical Trial",
    "Observational Study",
    "Preprint",
    "Patient Education Handout",
];

/// The genre of a MEDLINE record: its publication types that say what kind
/// of piece it is ([`GENRES`]), in the record's order, joined by "; "
/// ("Review; Systematic Review"). `None` for a plain journal article.
fn genre(types: &[&str]) -> Option<String> {
    let kept: Vec<&str> =
        types.iter().filter_map(|t| GENRES.iter().find(|g| g.eq_ignore_ascii_case(t.trim())).copied()).collect();
    (!kept.is_empty()).then(|| kept.join("; "))
}

/// The reading type for a MEDLINE publication type (`PT`).
/// `part`: the record has a title and a different book title, so it is a
/// part of that book whatever its types say.
fn kind(types: &[&str], part: bool) -> &'static str {
    let has = |t: &str| types.iter().any(|x| x.eq_ignore_ascii_case(t));
    if has("Book Chapter") || part {
        "chapter"
    } else if has("Book") {
        "book"
    } else if has("Guideline") || has("Practice Guideline") || has("Technical Report") || has("Government Publication")
    {
        "report"
    } else if has("Video-Audio Media") || has("Webcast") {
        "video"
    } else if has("Congress") {
        "conference-paper"
    } else if has("Dataset") {
        "other"
    } else {
        "article"
    }
}

fn draft(r: &Raw) -> Draft {
    let pmid = r.fields.iter().find(|(t, _, _)| t == "PMID").map(|(_, v, _)| v.clone());
    let label = pmid.as_ref().map_or_else(|| "record".to_string(), |p| format!("record PMID {p}"));
    let mut d = Draft::new(Pos::new(r.line, 1), Some(label));
    d.date_name = Some("DP");
    let first = |tag: &str| r.fields.iter().find(|(t, v, _)| t == tag && !v.is_empty());
    let all = |tag: &'static str| r.fields.iter().filter(move |(t, v, _)| t == tag && !v.is_empty());
    let text = |tag: &str| first(tag).map(|(_, v, _)| v.clone());
    let val = |tag: &str| first(tag).map(|(_, v, n)| Val::new(v.clone(), Pos::new(*n, VALUE_COLUMN)));
    // MEDLINE ends every title with a period of its own: not the title's.
    let title = |tag: &str| {
        val(tag).map(|mut v| {
            v.text = medline_symbols(without_medline_period(&v.text));
            v
        })
    };
    let book_title = title("BTI").map(|v| v.text);
    d.title = title("TI").or_else(|| title("BTI")).or_else(|| Some(Val::new("", d.at)));
    if d.title.as_ref().is_some_and(|t| t.text.is_empty())
        && let Some(t) = title("TT")
    {
        // A title only in its original language (`TT`), as MEDLINE keeps some.
        d.title = Some(t);
    }
    // `DEP` (the electronic publication date) is written YYYYMMDD: as an
    // ISO date, the date when there is no `DP`.
    // (A date field: "2011-12" or "201112" there is December 2011, never
    // the years 2011 to 2012; tester87 F5.)
    d.date = val("DP");
    if d.date.is_none() {
        d.date = val("DEP").map(|mut v| {
            let t = v.text.trim();
            if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
                v.text = format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..]);
            } else if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
                v.text = format!("{}-{}", &t[..4], &t[4..]);
            }
            v
        });
        d.date_iso = d.date.is_some();
    }
    // `DP` is free text after the year (NLM's MedlineDate: "2019 Mid-Jun",
    // "2019 1st Quarter"): what canon cannot read is named, and the date
    // kept (tester r56 F7: the PubMed file was refused whole).
    if let Some(v) = d.date.as_mut()
        && let Some((kept, rest)) = builder::date_before_other_info(&v.text, false)
    {
        d.warnings.push(RowError::new(
            v.at.line,
            v.at.column,
            format!(
                "in {}: date {:?}: kept {kept:?}; {rest:?} is not a month, day, season or publication state canon \
                 reads, not stored",
                d.label.as_deref().unwrap_or("the record"),
                v.text.trim()
            ),
        ));
        v.text = kept;
    }
    // `PST  - aheadofprint`: published online before its issue (NLM,
    // "Publication Status"); `ppublish` and `epublish` are published.
    // Without a `PST`: a history date `[aheadofprint]` and none
    // `[ppublish]`, or a source line (`SO`) saying "Epub ahead of print".
    let phst = |mark: &str| all("PHST").any(|(_, v, _)| v.contains(mark));
    let so = first("SO").is_some_and(|(_, v, _)| v.to_ascii_lowercase().contains("epub ahead of print"));
    match val("PST") {
        Some(v) if v.text.trim().eq_ignore_ascii_case("aheadofprint") => {
            d.pub_state = Some(Val::new(super::AHEAD_OF_PRINT, v.at));
        }
        None if (phst("[aheadofprint]") && !phst("[ppublish]")) || so => {
            d.pub_state = Some(Val::new(super::AHEAD_OF_PRINT, d.at));
        }
        _ => {}
    }
    // The DOI is an `AID` (or `LID`) with a `[doi]` marker.
    d.doi = all("AID")
        .chain(all("LID"))
        .find_map(|(_, v, n)| v.strip_suffix("[doi]").map(|doi| Val::new(doi.trim(), Pos::new(*n, VALUE_COLUMN))));
    // A book's ISBN: `ISBN`, else an `IS` line that is a valid ISBN ("IS  -
    // 0-8213-6179-1 (Print)"; a journal's `IS` is its ISSN, eight
    // characters, never a valid ISBN), its medium in brackets left out.
    // An `IS` shaped as an ISBN (ten or thirteen digits, not an ISSN's
    // eight) with a bad check digit is read too, so the builder says so at
    // its line (tester r66 F7: it was named only as "MEDLINE IS").
    d.isbn = val("ISBN").or_else(|| {
        let is_isbn = |v: &String| {
            let bare = v.split(" (").next().unwrap_or(v).trim().to_string();
            crate::import::normalise_isbn(&bare).map(|_| bare)
        };
        let shaped = |v: &String| {
            let bare = v.split(" (").next().unwrap_or(v).trim().to_string();
            isbn_shaped(&bare).then_some(bare)
        };
        all("IS")
            .find_map(|(_, v, n)| is_isbn(v).map(|b| Val::new(b, Pos::new(*n, VALUE_COLUMN))))
            .or_else(|| all("IS").find_map(|(_, v, n)| shaped(v).map(|b| Val::new(b, Pos::new(*n, VALUE_COLUMN)))))
    });
    d.isbn_rule = IsbnRule::FirstValid;
    d.isbn_field = Some("MEDLINE ISBN");
    // The byline in its order: a collective author (`CN`) stands where its
    // line stands among the persons' (NLM's element descriptions: "CN …
    // corporate author or group"; PubMed writes the authors in byline
    // order). A person is written twice, `FAU` (full) then `AU` (short),
    // and counts once ([`byline`]); an `AU` with no `FAU` is a person too.
    let authors = byline(&r.fields, "FAU", "AU", true);
    let author_lines: Vec<u64> = authors.iter().map(|(_, n)| *n).collect();
    d.authors = authors.into_iter().map(|(name, _)| name).collect();
    // A full name read as a person that looks like an institution's (a
    // collective author belongs in `CN`): said.
    let written: Vec<(String, String, u64)> =
        all("FAU").chain(all("FED")).map(|(t, v, n)| (t.to_string(), v.clone(), *n)).collect();
    for (t, v, n) in written {
        builder::degree_doubts(&mut d, &t, &v, Pos::new(n, VALUE_COLUMN));
    }
    if let Some(v) = val("FAU") {
        let people = d.authors.clone();
        builder::institution_doubts(&mut d, "FAU", &people, v.at, |_| "write it as a collective author, `CN`".into());
    }
    // Editors (`FED` full, `ED` short: one editor written two ways) are editors,
    // never authors; a book with only editors is cited by them (CSL substitution).
    let editors = byline(&r.fields, "FED", "ED", false);
    let editor_lines: Vec<u64> = editors.iter().map(|(_, n)| *n).collect();
    d.editors = editors.into_iter().map(|(name, _)| name).collect();
    let types: Vec<&str> = all("PT").map(|(_, v, _)| v.as_str()).collect();
    // A record with a title (`TI`) and a different book title (`BTI`) is a
    // part of that book (PubMed Bookshelf: `BTI` is the book's title, `TI`
    // the chapter's or section's), whatever its `PT` says: read as a
    // chapter in the book, never the book's title lost (tester r66 F7).
    let own_title = title("TI").map(|v| v.text).filter(|t| !t.trim().is_empty());
    let part = book_title.as_ref().is_some_and(|b| {
        own_title.as_ref().is_some_and(|t| crate::import::title_key(t) != crate::import::title_key(b))
    });
    let kind = kind(&types, part);
    let has_pt = |t: &str| types.iter().any(|x| x.trim().eq_ignore_ascii_case(t));
    if part && has_pt("Book") && !has_pt("Book Chapter") {
        let at = val("BTI").map_or(d.at, |v| v.at);
        d.warnings.push(RowError::new(
            at.line,
            at.column,
            format!(
                "in {}: PT \"Book\" with a title (TI {:?}) and a book title (BTI {:?}): read as a chapter or \
                 section (TI) in the book (BTI), as PubMed Bookshelf writes a part of a book",
                d.label.as_deref().unwrap_or("the record"),
                own_title.as_deref().unwrap_or_default(),
                book_title.as_deref().unwrap_or_default()
            ),
        ));
    }
    d.kind = KindSrc::Mapped(kind);
    // "Letter", "Editorial", "Review"…: kept as the genre (the type stays
    // "article"). Other types (funding, "Journal Article") are named as not
    // stored in the import's summary, never dropped in silence.
    d.genre = genre(&types);
    for t in &types {
        let t = t.trim();
        // The types canon's type stands for (see [`kind`]).
        let typed = [
            "Journal Article",
            "Book",
            "Book Chapter",
            "Technical Report",
            "Government Publication",
            "Video-Audio Media",
            "Webcast",
            "Congress",
            "Dataset",
        ];
        if !GENRES.iter().chain(typed.iter()).any(|g| g.eq_ignore_ascii_case(t)) {
            let label = format!("MEDLINE PT {t:?}");
            if !d.unstored.contains(&label) {
                d.unstored.push(label);
            }
        }
    }
    // NLM's `JT` is the catalogue's title: after its title proper may come
    // other title information (" : ") and a parallel title (" = "), the
    // ISBD's marks ("Euro surveillance : bulletin Europeen sur les maladies
    // transmissibles = European communicable disease bulletin"; tester
    // r36, F12, printed it whole). The title proper is the journal's name;
    // the rest is named as not stored.
    let journal = text("JT").map(|v| match title_proper(&v) {
        Some(head) => {
            d.not_stored_as(
                "MEDLINE JT (the catalogue's subtitle, parallel title or responsible body after \" : \", \" = \" or \" / \")"
                    .into(),
            );
            head
        }
        None => v,
    })
    .map(|jt| without_section_stop(&jt, text("TA").as_deref()).unwrap_or(jt));
    // `CTI` is the collection (series) title of a Bookshelf book or report
    // ("The National Academies Collection: Reports funded by National
    // Institutes of Health"): the series (tester r79 F2: it was named as a
    // field canon has not).
    d.series = text("CTI").map(|t| medline_symbols(&t));
    // A technical report's "journal" is the series it is numbered in (PubMed
    // writes the WHO Technical Report Series so: `PT - Technical Report`,
    // `JT - World Health Organization technical report series`, `VI - 10`):
    // the series, and `VI` its number in it, as EndNote's secondary title
    // and number are read (tester r79 F1: the series was printed as the
    // publisher, the number as "Vol. 10"). A journal that publishes a
    // guideline stays the container.
    let report_series = kind == "report"
        && d.series.is_none()
        && (has_pt("Technical Report") && !has_pt("Journal Article")
            || journal.as_deref().or(first("TA").map(|f| f.1.as_str())).is_some_and(is_series_name));
    if report_series {
        d.series = journal.or_else(|| text("TA"));
        d.series_number = text("VI");
        if let Some(ta) = text("TA").filter(|ta| d.series.as_deref() != Some(ta.as_str())) {
            d.not_stored_as(format!(
                "MEDLINE TA (the series' abbreviation, {ta:?}; canon keeps the series' full name)"
            ));
        }
    } else {
        d.container = journal.or_else(|| text("TA")).or_else(|| if kind == "chapter" { book_title } else { None });
        // `TA` is the NLM title abbreviation, which Vancouver cites (Citing
        // Medicine ch. 1, "Journal Title"); the full `JT` stays the container.
        d.container_short = text("TA");
        d.volume = text("VI");
    }
    // `DP  - 2019 Winter`: the season is kept with the year.
    d.season = d.date.clone().filter(|v| builder::season_of(&v.text).is_some());
    d.issue = text("IP");
    d.pages = text("PG");
    // Each said at its own line, as the year and DOI are (tester r63 F8).
    (d.volume_at, d.issue_at, d.pages_at) = (val("VI").map(|v| v.at), val("IP").map(|v| v.at), val("PG").map(|v| v.at));
    d.publisher = text("PB");
    // `CY` is a book's place of publication as PubMed writes its Bookshelf
    // records (StatPearls: "Treasure Island (FL)"; tester r62 F5: dropped,
    // "[place unknown]"); `PL` beside `PB` is one too.
    d.place = text("CY").or_else(|| text("PL").filter(|_| first("PB").is_some()));
    // `EN` is NLM's tag for a book's edition; `EDN` is read as it too.
    d.edition = text("EN").or_else(|| text("EDN"));
    // Each `LA` is a language of the article (MEDLINE lists every one it
    // was published in): all are kept, as a list (tester r24, F2).
    d.language = Some(all("LA").map(|(_, l, _)| l.trim()).collect::<Vec<_>>().join("; ")).filter(|l| !l.is_empty());
    // A language canon does not know is warned about at its own line.
    d.language_at = val("LA").map(|v| v.at);
    // The PMID is the record's identifier in PubMed, not where the work is
    // published: stored as the `pmid` field, never made a URL (a style prints
    // a URL as an online source, "[Internet] … Available from").
    d.pmid = val("PMID");
    // `PMC` is the PubMed Central ID ("PMC7000001"; schema 0041).
    d.pmcid = val("PMC");
    for tag in ["OT", "MH"] {
        for (_, v, n) in all(tag) {
            // MeSH headings carry qualifiers and a star: "Racism/*statistics & numerical data".
            let heading = v.split('/').next().unwrap_or(v).trim_start_matches('*').trim();
            d.keywords.push(Val::new(heading, Pos::new(*n, VALUE_COLUMN)));
        }
    }
    // `LID` with `[pii]` is an online-only article's electronic location
    // (MEDLINE's ELocationID: "e0230225"): its article number, when the
    // record has no pages (`PG`).
    // An Elsevier-style Publisher Item Identifier ("S0140-6736(23)02222-2")
    // is no page or article number (tester r36, F15: APA printed "Article
    // S0140-…"): named, with the other identifiers, below.
    let pii_locator = all("LID")
        .find_map(|(_, v, n)| v.strip_suffix("[pii]").map(|pii| Val::new(pii.trim(), Pos::new(*n, VALUE_COLUMN))))
        .filter(|v| !is_publisher_item_identifier(&v.text));
    if d.pages.is_none() {
        d.article_number("LID", pii_locator);
    }
    // Tags read only in some records (NLM's "MEDLINE/PubMed Data Element
    // (Field) Descriptions"), named as not stored when this one does not use
    // them: `DEP` (the electronic publication date) beside a `DP`; `PL` (the
    // place of publication: a journal's country) without a publisher (`PB`);
    // `AID`/`LID`
    // values that are neither the DOI nor the article number.
    let mut unread: Vec<(&str, &str)> = Vec::new();
    if first("DP").is_some() && first("DEP").is_some() {
        unread.push(("DEP", "electronic publication date"));
    }
    // `PST`: "aheadofprint" is kept (above); "ppublish" and "epublish" say
    // the work is published, as canon takes it; another status is named.
    if let Some((_, v, _)) = first("PST")
        && !["aheadofprint", "ppublish", "epublish"].iter().any(|s| v.trim().eq_ignore_ascii_case(s))
    {
        unread.push(("PST", "publication status"));
    }
    // `AD` is an author's affiliation (NLM: "Institutional affiliation and
    // address of the first author"…): canon keeps no affiliation for a
    // reading's authors (a contributor's affiliation is another thing).
    if first("AD").is_some() {
        unread.push(("AD", "author affiliation, which canon keeps for no reading's author"));
    }
    if first("PL").is_some() && first("PB").is_none() {
        unread.push(("PL", "the journal's place of publication"));
    }
    // `TT` beside the bracketed English `TI`: the title as published,
    // stored apart (schema 0030), which APA, Chicago and Harvard cite
    // before the translation (tester r62 F3: it was named as not stored).
    let tt = title("TT").map(|v| v.text);
    if tt.is_some() && d.title.as_ref().map(|t| &t.text) != tt.as_ref() {
        d.original_title = tt;
    }
    // A book's title (`BTI`) is the title or a chapter's container; beside
    // an article's own title it is kept nowhere.
    let bti = title("BTI").map(|v| v.text);
    if bti.is_some() && bti.as_ref() != d.title.as_ref().map(|t| &t.text) && bti != d.container {
        unread.push(("BTI", "book title"));
    }
    // A tag that holds one value, given twice with another value: the
    // first is read, the other named.
    for tag in ["TI", "BTI", "DP", "JT", "TA", "VI", "IP", "PG", "PB", "PL", "EN", "CTI"] {
        if all(tag).any(|(_, v, _)| Some(v) != first(tag).map(|(_, f, _)| f)) {
            unread.push((tag, "a second value"));
        }
    }
    let doi_text = d.doi.as_ref().map(|v| v.text.clone());
    let pages = d.pages.clone();
    let other_ids = |tag: &'static str| {
        all(tag).any(|(_, v, _)| {
            let id = v.rsplit_once('[').map_or(v.as_str(), |(id, _)| id).trim();
            let is_doi = v.ends_with("[doi]") && Some(id) == doi_text.as_deref();
            let is_locator = tag == "LID"
                && v.ends_with("[pii]")
                && pages.as_deref() == Some(format!("{}{id}", builder::ARTICLE).as_str());
            !is_doi && !is_locator
        })
    };
    if other_ids("AID") {
        unread.push(("AID", "identifier other than the DOI"));
    }
    if other_ids("LID") {
        unread.push(("LID", "location other than the DOI or article number"));
    }
    // Named with why (and so not again, bare, below).
    for (tag, why) in unread {
        d.not_stored_as(format!("MEDLINE {tag} ({why})"));
    }
    // `IS` lines are read when one of them gave the ISBN (a book's, with its
    // other form beside it); a journal's ISSN is named as not stored.
    // A second, different ISBN (a book's electronic edition has its own) is
    // named as what it is: canon keeps one ISBN per work.
    let key = |v: &str| {
        let bare = v.split(" (").next().unwrap_or(v).trim();
        crate::import::normalise_isbn(bare).or_else(|| isbn_shaped(bare).then(|| isbn_digits(bare)))
    };
    let isbn_key = d.isbn.as_ref().and_then(|isbn| key(&isbn.text));
    let mut is_unread = false;
    for (_, v, n) in all("IS") {
        match key(v) {
            Some(k) if Some(&k) == isbn_key.as_ref() => {}
            // A second valid ISBN (the electronic edition's): kept to find
            // the book by, and said (tester r79 F3).
            Some(k) if isbn_key.is_some() && crate::import::normalise_isbn(&k).is_some() => {
                if !d.other_isbns.contains(&k) {
                    d.warnings.push(crate::import::RowError::new(
                        *n,
                        VALUE_COLUMN,
                        format!(
                            "MEDLINE IS {:?}: another valid ISBN of the same book, kept to find the book by (canon \
                             prints one ISBN)",
                            v.trim()
                        ),
                    ));
                    d.other_isbns.push(k);
                }
            }
            Some(_) if isbn_key.is_some() => {
                d.not_stored_as("MEDLINE IS (a second ISBN; canon keeps one ISBN per work)".to_string())
            }
            _ => is_unread = true,
        }
    }
    d.not_stored(
        "MEDLINE",
        r.fields.iter().filter(|f| !(f.1.is_empty() || (!is_unread && f.0 == "IS"))).map(|f| f.0.as_str()),
        MEDLINE_READ,
    );
    if let Some(last) = r.cut {
        cut_off(&mut d, r, last, &author_lines, &editor_lines);
    }
    d
}

/// The tags of names: a name cut part way is a wrong name, not a short one.
const NAME_TAGS: &[&str] = &["FAU", "AU", "CN", "FED", "ED"];

/// A byline's names in order, each person once, with the line each was
/// read from. A full name (`full`: `FAU`, `FED`) and the short one after it
/// (`short`: `AU`, `ED`) are one person, read from the full form (NLM's
/// MEDLINE/PubMed data element descriptions: "FAU … full author name",
/// written before its `AU`); a short name with no full form before it is a
/// person of its own (older records, and files edited by hand: tester r98
/// F3, two of three authors dropped), unless it is the short form of a full
/// name given elsewhere in the record. With `cn`, a collective author
/// (`CN`) stands where its line stands.
fn byline(fields: &[(String, String, u64)], full: &str, short: &str, cn: bool) -> Vec<(Name, u64)> {
    let key = |n: &Name| {
        let family = format!("{} {}", n.particle.as_deref().unwrap_or(""), n.family.as_deref().unwrap_or(""));
        let initial = n.given.as_deref().and_then(|g| g.chars().next()).map(|c| c.to_lowercase().to_string());
        (crate::import::title_key(&family), initial.unwrap_or_default())
    };
    let full_keys: Vec<_> = fields
        .iter()
        .filter(|(t, v, _)| t == full && !v.is_empty())
        .filter_map(|(_, v, _)| names::parse_field(v))
        .map(|n| key(&n))
        .collect();
    let mut out = Vec::new();
    let mut pending: Option<(&str, u64)> = None;
    let flush = |pending: &mut Option<(&str, u64)>, out: &mut Vec<(Name, u64)>| {
        if let Some((v, n)) = pending.take()
            && let Some(name) = names::parse_field(v)
        {
            out.push((name, n));
        }
    };
    for (t, v, n) in fields {
        if v.is_empty() {
            continue;
        }
        if t == full {
            flush(&mut pending, &mut out);
            pending = Some((v, *n));
        } else if t == short {
            if pending.is_some() {
                flush(&mut pending, &mut out);
            } else if let Some(name) = names::parse_medline(v)
                && !full_keys.contains(&key(&name))
            {
                out.push((name, *n));
            }
        } else if cn && t == "CN" {
            flush(&mut pending, &mut out);
            out.push((Name::literal(v), *n));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Says that the file ends in the middle of `r`'s last line, with no line
/// end (the record looks cut off). A name read from that line (an
/// author's or editor's: `author_lines` and `editor_lines` give the line
/// each name was read from) is left out, as a fragment of a name ("Ei" of
/// "Eisenstein, Leo G") would be printed as a person; the authors then end
/// with "et al.".
fn cut_off(d: &mut Draft, r: &Raw, last: u64, author_lines: &[u64], editor_lines: &[u64]) {
    let Some((tag, value, line)) = r.fields.last() else { return };
    let label = d.label.clone().unwrap_or_else(|| "the record".to_string());
    let mut message = format!(
        "in {label}: the file ends without a line end in the middle of its {tag} (line {line}: {value:?}): the \
         record looks cut off (check that the file is whole)"
    );
    let read_name = NAME_TAGS.contains(&tag.as_str())
        && !value.trim().is_empty()
        && (author_lines.last() == Some(line) || editor_lines.last() == Some(line));
    if read_name {
        if editor_lines.last() == Some(line) {
            d.editors.pop();
            message.push_str(&format!("; the editor {:?} is left out", value.trim()));
        } else {
            d.authors.pop();
            d.authors_truncated = true;
            message
                .push_str(&format!("; the author {:?} is left out and the authors end with \"et al.\"", value.trim()));
        }
    }
    d.warnings.push(RowError::new(last, 1, message));
}

/// Whether `v` is written as an ISBN, its check digit aside: ten
/// characters (the last may be "X") or thirteen digits starting 978 or
/// 979, hyphens and spaces apart. A journal's ISSN has eight.
fn isbn_shaped(v: &str) -> bool {
    let c: Vec<char> = isbn_digits(v).chars().collect();
    let digits = |s: &[char]| s.iter().all(char::is_ascii_digit);
    match c.len() {
        10 => digits(&c[..9]) && (c[9].is_ascii_digit() || c[9] == 'X'),
        13 => digits(&c) && (c.starts_with(&['9', '7', '8']) || c.starts_with(&['9', '7', '9'])),
        _ => false,
    }
}

/// `v` without its hyphens and spaces, a check "x" as "X".
fn isbn_digits(v: &str) -> String {
    v.chars().filter(|c| !matches!(c, '-' | ' ')).collect::<String>().to_uppercase()
}

/// A MEDLINE title without the period MEDLINE ends every title with (the
/// NLM's MEDLINE/PubMed data element descriptions: a title ends with a
/// period unless it ends with "?" or "!"). A period that ends an
/// abbreviation ("et al.", "U.S.", "Inc.") or an ellipsis is the title's
/// own and stays.
pub fn without_medline_period(title: &str) -> &str {
    let t = title.trim_end();
    let Some(head) = t.strip_suffix('.') else { return t };
    if head.ends_with('.') {
        return t;
    }
    let last = head.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[').next().unwrap_or("");
    const ABBREVIATIONS: &[&str] =
        &["al", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "st", "vs", "no", "vol", "ed", "eds"];
    if last.contains('.') || ABBREVIATIONS.contains(&last.to_lowercase().as_str()) {
        return t;
    }
    head
}

/// MEDLINE's ASCII for a trade-mark sign, as the sign ("GeneReviews((R))"
/// is "GeneReviews®", as Citing Medicine and NCBI cite it; tester r92 F9):
/// "((R))", "((TM))", "((SM))", and "(R)", "(TM)", "(SM)" right after a
/// word ("Tysabri(R)").
pub fn medline_symbols(text: &str) -> String {
    const SIGNS: &[(&str, &str)] = &[("R", "®"), ("TM", "™"), ("SM", "℠")];
    let mut t = text.to_string();
    for (code, sign) in SIGNS {
        t = t.replace(&format!("(({code}))"), sign);
        let single = format!("({code})");
        let mut from = 0;
        while let Some(i) = t[from..].find(&single).map(|i| i + from) {
            if t[..i].ends_with(char::is_alphanumeric) {
                t.replace_range(i..i + single.len(), sign);
                from = i + sign.len();
            } else {
                from = i + single.len();
            }
        }
    }
    t
}

/// The title proper of a catalogue title that has more after it: the text
/// before the first " : " (other title information), " = " (a parallel
/// title) or " / " (a statement of responsibility: "Cadernos de saude
/// publica / Ministerio da Saude, …"), ISBD's prescribed punctuation (ISBD consolidated ed., area 1),
/// which NLM's catalogue titles follow. `None` when there is no such mark,
/// or nothing before it. A title's own colon has no space before it.
fn title_proper(title: &str) -> Option<String> {
    // Not inside a qualifier: "Presse medicale (Paris, France : 1983)".
    let mut depth = 0i32;
    let cut = title.char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0 && [" : ", " = ", " / "].iter().any(|m| title[i..].starts_with(m))).then_some(i)
    })?;
    let head = title[..cut].trim();
    (!head.is_empty()).then(|| head.to_string())
}

/// A catalogue title of a journal's section without the full stop that
/// joins its common title and its section title ("The Lancet. Global
/// health" → "The Lancet Global health"; tester r98 F5). The NLM Catalog
/// records such a journal by the title of the journal it is a section of,
/// a full stop, and the section's title (ISBD 1.1.3.7 and AACR2 12.1B4,
/// "common title" and "section title", which NLM follows), but the journal
/// calls itself by the two run together, as its NLM abbreviation does
/// ("Lancet Glob Health"): the name the styles print. Only where that is
/// sure: one ". " in the title outside brackets, a common title that is
/// itself a journal's name (not a word such as "Proceedings" or "Journal"
/// alone, as in "Proceedings. Biological sciences", the Royal Society's
/// series B), and a `TA` without full stops that abbreviates the two
/// parts run together ([`crate::store::readings::abbreviation_of`]: "Acta
/// Paediatr Suppl" of "Acta Paediatrica. Supplement"; "MMWR Surveill Summ"
/// is no abbreviation of "Morbidity and mortality weekly report.
/// Surveillance summaries", which is left as it is). The title's case is
/// kept as the catalogue gives it. `None` when the title is left alone.
pub fn without_section_stop(jt: &str, ta: Option<&str>) -> Option<String> {
    let ta = ta.map(str::trim).filter(|t| !t.is_empty() && !t.contains('.'))?;
    let mut depth = 0i32;
    let stops: Vec<usize> = jt
        .char_indices()
        .filter_map(|(i, c)| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ => {}
            }
            (depth == 0 && jt[i..].starts_with(". ")).then_some(i)
        })
        .collect();
    let [at] = stops.as_slice() else { return None };
    let (common, section) = (jt[..*at].trim(), jt[*at + 2..].trim());
    let bare = common.strip_prefix("The ").unwrap_or(common);
    const GENERIC: &[&str] =
        &["proceedings", "journal", "bulletin", "transactions", "annals", "archives", "reports", "review", "series"];
    // A common title of one word that is no journal's name, or an initial
    // ("J. Smith"), or nothing after the stop.
    if section.is_empty()
        || bare.chars().filter(|c| c.is_alphabetic()).count() < 3
        || (!bare.contains(' ') && GENERIC.contains(&bare.to_lowercase().as_str()))
    {
        return None;
    }
    let joined = format!("{common} {section}");
    crate::store::readings::abbreviation_of(ta, &joined).then_some(joined)
}

/// Whether `s` is a Publisher Item Identifier as Elsevier writes one: "S",
/// the ISSN, the year in parentheses, five digits and a check character
/// ("S0140-6736(23)02222-2"), or the same run together
/// ("S0140673623022222"). Such an identifier names the item, not its place
/// in an issue, and is never its pages or article number.
fn is_publisher_item_identifier(s: &str) -> bool {
    let t: String = s.trim().chars().filter(|c| !matches!(c, '-' | '(' | ')')).collect();
    let b = t.as_bytes();
    let check = |c: u8| c.is_ascii_digit() || c == b'X' || c == b'x';
    // The ISSN's last character and the item's check character may be X.
    b.len() == 17
        && b[0] == b'S'
        && b[1..8].iter().all(u8::is_ascii_digit)
        && check(b[8])
        && b[9..16].iter().all(u8::is_ascii_digit)
        && check(b[16])
}

/// The MEDLINE tags [`draft`] reads (`TA` is the journal's abbreviation,
/// read when there is no full title `JT`; `FAU`/`AU` and `FED`/`ED` are one
/// author written two ways).
const MEDLINE_READ: &[&str] = &[
    "PMID", "TI", "BTI", "TT", "DP", "DEP", "AD", "AID", "LID", "ISBN", "FAU", "AU", "CN", "FED", "ED", "PT", "JT",
    "TA", "VI", "IP", "PG", "PB", "PL", "CY", "EN", "EDN", "LA", "OT", "MH", "PST", "CTI", "PMC",
];

/// A journal title that names a series of reports ("World Health
/// Organization technical report series", "World Health Organ Tech Rep Ser").
fn is_series_name(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.').to_lowercase();
    t.ends_with(" series") || t.ends_with(" ser") || t.contains("report series")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builder::tests::TestThemes;

    const SAMPLE: &str = "\nPMID- 31234567\nOWN - NLM\nSTAT- MEDLINE\nTI  - Race correction in pulmonary function testing: a\n      review of the evidence.\nPG  - 123-9\nLID - 10.1136/medethics-2019-105432 [doi]\nAB  - An abstract that\n      goes on.\nFAU - Mensah, Kofi A, Jr\nAU  - Mensah KA Jr\nFAU - van der Berg, Pieter\nAU  - van der Berg P\nCN  - Global Health Equity Collaborative\nLA  - eng\nPT  - Journal Article\nPT  - Review\nDEP - 20190402\nDP  - 2019 Apr 2\nTA  - J Med Ethics\nJT  - Journal of medical ethics\nVI  - 45\nIP  - 4\nAID - S0140-6736(19)30001-1 [pii]\nAID - 10.1136/medethics-2019-105432 [doi]\nMH  - Humans\nMH  - Racism/*statistics & numerical data\nOT  - epistemic bias\nSO  - J Med Ethics. 2019 Apr 2;45(4):123-9.\n\nPMID- 30000001\nTI  - [Decolonising global health: a view from Accra].\nTT  - Décoloniser la santé mondiale.\nAU  - Osei J\nDP  - 2020 Spring\nPT  - Journal Article\nJT  - Santé publique\nLA  - fre\n";

    #[test]
    fn a_catalogue_title_proper_is_before_its_subtitle_or_parallel_title() {
        assert_eq!(
            title_proper("Euro surveillance : bulletin = European bulletin").as_deref(),
            Some("Euro surveillance")
        );
        assert_eq!(
            title_proper("Revista panamericana de salud publica = Pan American journal").as_deref(),
            Some("Revista panamericana de salud publica")
        );
        assert_eq!(title_proper("Presse medicale (Paris, France : 1983)"), None);
        assert_eq!(title_proper("Nursing: research and reviews"), None);
        assert_eq!(
            title_proper("Cadernos de saude publica / Ministerio da Saude, Fundacao Oswaldo Cruz").as_deref(),
            Some("Cadernos de saude publica")
        );
    }

    #[test]
    fn publisher_item_identifiers_are_told_from_article_numbers() {
        assert!(is_publisher_item_identifier("S0140-6736(23)02222-2"));
        assert!(is_publisher_item_identifier("S0140673623022222"));
        assert!(is_publisher_item_identifier("S2214-109X(20)30001-X"));
        assert!(!is_publisher_item_identifier("e0231234"));
        assert!(!is_publisher_item_identifier("S12"));
    }

    #[test]
    fn pubmed_records() {
        let p = parse("t.nbib", SAMPLE, &TestThemes);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 2);
        let a = &p.records[0];
        assert_eq!(a.line, 2);
        assert_eq!(a.title, "Race correction in pulmonary function testing: a review of the evidence");
        assert_eq!(a.year, Some(2019));
        assert_eq!(a.doi.as_deref(), Some("10.1136/medethics-2019-105432"));
        assert_eq!(a.authors.len(), 3);
        assert_eq!(a.authors[0].family.as_deref(), Some("Mensah"));
        assert_eq!(a.authors[0].given.as_deref(), Some("Kofi A"));
        assert_eq!(a.authors[0].suffix.as_deref(), Some("Jr"));
        assert_eq!(a.authors[1].particle.as_deref(), Some("van der"));
        assert_eq!(a.authors[2].literal.as_deref(), Some("Global Health Equity Collaborative"));
        assert_eq!(a.container.as_deref(), Some("Journal of medical ethics"));
        assert_eq!(
            (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
            (Some("45"), Some("4"), Some("123-9"))
        );
        assert_eq!(a.language.as_deref(), Some("en"), "LA eng, as a code (issue 16's language rule, in the builder)");
        assert_eq!(a.url, None, "a PMID is not where the work is published");
        assert_eq!(a.pmid.as_deref(), Some("31234567"));
        assert_eq!(a.annotation, None, "the PMID is a field, not a note");
        assert_eq!(a.themes, [2]);
        assert_eq!(a.keywords_not_themes, ["Humans", "Racism"]);
        let b = &p.records[1];
        assert_eq!((b.line, b.year), (32, Some(2020)));
        assert_eq!(b.authors[0].given.as_deref(), Some("J."), "one initial as two are, with its period (12x)");
    }

    #[test]
    fn medlines_own_final_period_is_not_the_titles() {
        assert_eq!(without_medline_period("Clinical Algorithms."), "Clinical Algorithms");
        assert_eq!(without_medline_period("[Decolonising global health]."), "[Decolonising global health]");
        assert_eq!(without_medline_period("Is race a risk factor?"), "Is race a risk factor?");
        assert_eq!(without_medline_period("Health in the U.S."), "Health in the U.S.");
        assert_eq!(without_medline_period("A reply to Smith et al."), "A reply to Smith et al.");
        assert_eq!(without_medline_period("And so on..."), "And so on...");
    }

    #[test]
    fn a_record_without_title_or_date_is_an_error_at_its_line() {
        let p = parse("t.nbib", "PMID- 1\nDP  - someday\n\nPMID- 2\nTI  - Fine\n", &TestThemes);
        assert_eq!(p.records.len(), 1);
        let got: Vec<_> = p.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(1, 1), (2, 7)], "{:?}", p.errors);
        assert!(p.errors[0].message.starts_with("record PMID 1 has no title"), "{}", p.errors[0].message);
        assert!(p.errors[1].message.starts_with("in record PMID 1: year \"someday\""), "{}", p.errors[1].message);
    }

    #[test]
    fn detection() {
        assert!(looks_like("PMID- 31234567\nOWN - NLM\n"));
        assert!(looks_like("\r\nPMID- 1\r\n"));
        assert!(!looks_like("TY  - JOUR\n"));
    }
}
