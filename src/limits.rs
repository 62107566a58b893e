//! How long a piece of text may be, for every kind of text canon stores.
//!
//! A title of 130,000 characters or a keyword of 100,000 is never what a
//! person meant: it is a pasted file, a broken export or an attack, and it
//! makes every later analysis and report slow. So each kind of text has a
//! maximum, checked at every door by the functions here, with one message
//! for the same fault wherever it comes in:
//!
//! | door | where the check sits |
//! |---|---|
//! | module lists (every format) | `cmd::import::modules_in`, [`module_row`] on each parsed row, before the writer (with the column); `ModuleWriter::write` checks again for any other caller |
//! | reading lists (every format), `reading add` | `store::readings::ReadingWriter::write_row`, [`reading`] on each record: a row problem with its field, so the import names the column |
//! | themes, contributors, `--by NAME` | `store::themes::add`, `store::contributors::add`, `store::history::contributor` |
//! | tags, links, reviews (notes), snapshot names | the store function that writes them |
//! | `module`/`item`/`reading`/`theme`/`contributor`/`snapshot`/`link` add and edit | the `add`/`edit` functions of `store::edit::*`, with [`check_all`] |
//! | `report --title` | `cmd::report` |
//! | bundles and merged databases | `store::untrusted`, through [`column`] for every column of every table |
//! | the files an import reads (CSV, workbooks, XML, BibTeX, RIS…) | [`input_file`] in `cmd::import`, before anything opens them: regular files, at most [`MAX_INPUT_FILE`] (streamed) or [`MAX_WHOLE_FILE`] (read whole) bytes |
//!
//! The same check refuses **control characters** (NUL, ESC and the rest of
//! C0, DEL, the C1 range U+0080–U+009F) in every text, at every one of
//! those doors: they have no place in a title or a note, and in a terminal
//! an escape sequence can rewrite what the user sees. Tab, line feed and
//! carriage return are allowed where a text may run over lines (titles,
//! names, notes, records, search queries) and refused in codes, slugs,
//! keywords and identifiers. What reaches a terminal anyway (from a
//! database older than this rule) is shown escaped by
//! `crate::output::terminal`.
//!
//! When you add a field or a door, check it here (add the column to
//! [`column`], the field to [`module_row`] or [`reading`]) rather than writing
//! a new rule beside it. Lengths count Unicode scalar values (what people
//! call characters), not bytes, so every script has the same allowance.

use std::fmt;

/// A kind of text, each with its maximum length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Titles of modules, sessions and readings, the report title, and other
    /// one-line statements (a reading's credit, licence, perspective): 2,000.
    Title,
    /// Names of people, programmes, themes, journals and publishers, snapshot
    /// names, affiliations: 500.
    Name,
    /// Theme slugs: 64.
    Slug,
    /// Module codes: 64.
    Code,
    /// Lexicon keywords and phrases: 200.
    Keyword,
    /// Notes, annotations, learning outcomes, descriptions: 1 MiB of characters (1,048,576).
    Note,
    /// DOIs, ISBNs, URLs, languages, types, statuses, timestamps and other
    /// short codes: 2,048 (the longest URL browsers handle).
    Identifier,
    /// A whole record as JSON text (a history entry's before and after, a
    /// conflict's two versions): 16 MiB of characters.
    Record,
    /// A search query as typed (`canon search`): 1,000. Far longer than any
    /// query a person writes, and a bound on the full-text engine's work.
    Query,
}

impl Kind {
    /// The most characters a text of this kind may have.
    pub const fn max(self) -> usize {
        match self {
            Kind::Title => 2_000,
            Kind::Name => 500,
            Kind::Slug => 64,
            Kind::Code => 64,
            Kind::Keyword => 200,
            Kind::Note => 1 << 20,
            Kind::Identifier => 2_048,
            Kind::Record => 16 << 20,
            Kind::Query => 1_000,
        }
    }

    /// What the kind is called in a message.
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Title => "a title",
            Kind::Name => "a name",
            Kind::Slug => "a theme slug",
            Kind::Code => "a module code",
            Kind::Keyword => "a keyword",
            Kind::Note => "a note",
            Kind::Identifier => "an identifier",
            Kind::Record => "a record",
            Kind::Query => "a search query",
        }
    }

    /// Whether a text of this kind may hold tabs and line breaks (the only
    /// control characters any text may hold).
    pub const fn multiline(self) -> bool {
        matches!(self, Kind::Title | Kind::Name | Kind::Note | Kind::Record | Kind::Query)
    }
}

/// Whether `c` is a control character canon refuses in a text of `kind`:
/// C0 (U+0000–U+001F) but for tab, line feed and carriage return where
/// the kind allows them, DEL (U+007F) and C1 (U+0080–U+009F).
pub fn is_refused_control(c: char, kind: Kind) -> bool {
    match c {
        '\t' | '\n' | '\r' => !kind.multiline(),
        _ => c.is_control(),
    }
}

/// A control character's name, for messages: "U+001B (escape)".
pub fn control_name(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{80}'..='\u{9f}' => "C1 control",
        _ => "control",
    };
    format!("U+{:04X} ({name})", c as u32)
}

/// `text` cut to its first `max` characters, followed by "…(N
/// characters)" when it was longer: for a message that shows what was
/// given without echoing all of a pasted file.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((at, _)) => format!("{}…({} characters)", &text[..at], thousands(text.chars().count())),
    }
}

/// A user's text quoted for a message (control characters escaped, as
/// Rust's `{:?}` does), cut after 80 characters as [`cut`] does.
/// `text` with the `\u{…}` escapes that Rust's `{:?}` writes for
/// characters that are printable but combining (Devanagari, Bengali and
/// Tamil vowel signs and viramas, Arabic marks: Unicode's Grapheme_Extend)
/// turned back into the characters, so that a quoted title reads as written
/// ("आयुर्वेद", not "आय\u{941}र\u{94d}वेद"). An escape of a control
/// character, a quote or a backslash stays escaped; a backslash the text
/// itself holds (escaped as `\\`) is never read as the start of one.
/// Borrowed when there is nothing to turn back.
pub fn readable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\u{") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // `\\` is an escaped backslash: kept whole, never the start of `\u{`.
        if rest.starts_with("\\\\") {
            out.push_str("\\\\");
            rest = &rest[2..];
            continue;
        }
        let unescaped = rest.strip_prefix("\\u{").and_then(|r| {
            let end = r.find('}')?;
            let c = char::from_u32(u32::from_str_radix(&r[..end], 16).ok()?)?;
            readable_char(c).then_some((c, end + 4))
        });
        match unescaped {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('\\');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether an escaped character may be shown as itself: a combining mark
/// or a letter-like character (Unicode bidirectional class NSM, L, R or AL:
/// the vowel signs and viramas `{:?}` escapes). Never a control, a format
/// character (the bidirectional embeddings, overrides and isolates that can
/// reorder what a terminal shows, zero-width characters: classes LRE…PDI,
/// BN), a separator, a quote or a backslash.
fn readable_char(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, L, NSM, R};
    !c.is_control() && matches!(unicode_bidi::bidi_class(c), NSM | L | R | AL)
}

pub fn shown(text: &str) -> String {
    match text.char_indices().nth(80) {
        None => format!("{text:?}"),
        Some((at, _)) => format!("{:?}…({} characters)", &text[..at], thousands(text.chars().count())),
    }
}

/// The most authors one reading may list (the largest author lists in
/// physics run to about 5,000).
pub const MAX_AUTHORS: usize = 10_000;

/// The most keywords one theme's lexicon may hold.
pub const MAX_KEYWORDS: usize = 1_000;

/// The most words, phrases and substrings one search query may hold: each
/// is a pass of the full-text engine (and, in scripts without spaces, a
/// scan of every text), and no query a person writes needs more.
pub const MAX_QUERY_TERMS: usize = 64;

/// What is wrong with a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Longer than its kind allows: its length in characters.
    Long { chars: usize },
    /// A control character (see [`is_refused_control`]) at this character
    /// position (1-based).
    Control { ch: char, at: usize },
}

/// A text canon refuses: too long for its kind, or holding a control character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadText {
    /// The field, as the user knows it ("session title", "keyword").
    pub field: String,
    pub kind: Kind,
    pub problem: Problem,
}

/// The name the length check's error had first; every text problem now.
pub type TooLong = BadText;

impl fmt::Display for BadText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem {
            Problem::Long { chars } => write!(
                f,
                "{} is {} characters long; expected at most {} for {}",
                self.field,
                thousands(chars),
                thousands(self.kind.max()),
                self.kind.label()
            ),
            Problem::Control { ch, at } => write!(
                f,
                "{} holds the control character {} at character {}; expected text without control characters{}",
                self.field,
                control_name(ch),
                thousands(at),
                if self.kind.multiline() { " (tabs and line breaks are fine)" } else { "" }
            ),
        }
    }
}

impl std::error::Error for BadText {}

/// Too many entries in a list (authors of a reading, keywords of a theme).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooMany {
    pub field: String,
    pub count: usize,
    pub max: usize,
}

impl fmt::Display for TooMany {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has {} entries; expected at most {}", self.field, thousands(self.count), thousands(self.max))
    }
}

impl std::error::Error for TooMany {}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Checks one text: its length against its kind's limit, and that it
/// holds no control character (see [`is_refused_control`]). `Err` names
/// the field and the problem. Linear in the text's length: one pass over
/// its bytes, and a count of characters only when the bytes alone exceed
/// the limit or a control character is found.
pub fn check(kind: Kind, field: &str, value: &str) -> Result<(), BadText> {
    let bad = |problem| Err(BadText { field: field.to_string(), kind, problem });
    if value.len() > kind.max() {
        let chars = value.chars().count();
        if chars > kind.max() {
            return bad(Problem::Long { chars });
        }
    }
    // C0 and DEL are single bytes; C1 is 0xC2 0x80–0x9F in UTF-8.
    let b = value.as_bytes();
    let suspect = |i: usize| b[i] < 0x20 || b[i] == 0x7f || (b[i] == 0xc2 && b.get(i + 1).is_some_and(|n| *n < 0xa0));
    if (0..b.len()).any(suspect)
        && let Some((at, ch)) = value.chars().enumerate().find(|(_, c)| is_refused_control(*c, kind))
    {
        return bad(Problem::Control { ch, at: at + 1 });
    }
    Ok(())
}

/// Checks an optional text.
pub fn check_opt(kind: Kind, field: &str, value: Option<&str>) -> Result<(), TooLong> {
    value.map_or(Ok(()), |v| check(kind, field, v))
}

/// Checks several texts at once: `(kind, field, value)`, `None` skipped.
/// For a door that takes a record's fields one by one (the editing verbs).
pub fn check_all(fields: &[(Kind, &str, Option<&str>)]) -> Result<(), TooLong> {
    fields.iter().try_for_each(|(kind, field, value)| check_opt(*kind, field, *value))
}

/// Checks a list's length.
pub fn check_count(field: &str, count: usize, max: usize) -> Result<(), TooMany> {
    if count > max { Err(TooMany { field: field.to_string(), count, max }) } else { Ok(()) }
}

/// The largest file an import reads as a stream, row by row (a module list
/// or reading list in CSV): 2 GiB, as for a bundle's table file.
pub const MAX_INPUT_FILE: u64 = 2 << 30;

/// The largest file an import reads whole into memory: a workbook (.xlsx,
/// .xlsm, .xls, .ods), a Curriculum Inventory or other XML document, and
/// the reading-list formats parsed in one go (BibTeX, RIS, CSL-JSON,
/// Zotero and Talis CSV): 256 MiB. (A workbook's unpacked size has its own
/// limit, `crate::import::detect::WORKBOOK_MAX_UNPACKED`.)
pub const MAX_WHOLE_FILE: u64 = 256 << 20;

/// Checks a file an import is about to read, before anything opens it: it
/// must be a regular file (a symbolic link to one is fine: the user named
/// it), not a FIFO, which would hang the import, a device such as
/// `/dev/zero`, which never ends, a socket or a folder; and at most `max`
/// bytes ([`MAX_INPUT_FILE`] or [`MAX_WHOLE_FILE`]). `what` names the
/// kind of file in the message ("a module list", "a workbook").
///
/// The same rule as a bundle's files (`crate::store::untrusted`), for the
/// files a user imports: every import door calls it (`cmd::import`, for
/// CSV, workbooks and XML alike).
pub fn input_file(path: &std::path::Path, max: u64, what: &str) -> anyhow::Result<()> {
    crate::output::too_long(path)?;
    let meta = std::fs::metadata(path).map_err(|e| anyhow::anyhow!("opening {}: {e}", path.display()))?;
    let ft = meta.file_type();
    if !ft.is_file() {
        let kind = if ft.is_dir() { "a folder" } else { "a FIFO, socket or device, not a regular file" };
        anyhow::bail!("{} is {kind}; expected {what} in an ordinary file", path.display());
    }
    if meta.len() > max {
        anyhow::bail!(
            "{} is {} bytes; {what} may be at most {} MiB, so it is refused",
            path.display(),
            thousands(meta.len() as usize),
            thousands((max >> 20) as usize)
        );
    }
    Ok(())
}

/// Checks every text of a module-list row. `Err` carries the row's field
/// (one of the `crate::import::modules` field constants, for the column)
/// and what was too long.
pub fn module_row(row: &crate::import::modules::ModuleRow) -> Result<(), (usize, TooLong)> {
    use crate::import::modules::{CODE, KEYWORDS, LEAD, OUTCOMES, PROGRAMME, SESSION, TITLE};
    let at = |field: usize| move |e: TooLong| (field, e);
    check(Kind::Name, "programme", &row.programme).map_err(at(PROGRAMME))?;
    check(Kind::Code, "module code", &row.code).map_err(at(CODE))?;
    check(Kind::Title, "module title", &row.title).map_err(at(TITLE))?;
    check_opt(Kind::Name, "module lead", row.lead.as_deref()).map_err(at(LEAD))?;
    if let Some(item) = &row.item {
        check(Kind::Title, "session title", &item.title).map_err(at(SESSION))?;
        check(Kind::Note, "learning outcomes", &item.outcomes).map_err(at(OUTCOMES))?;
        for k in &item.keywords {
            check(Kind::Keyword, "keyword", k).map_err(at(KEYWORDS))?;
        }
    }
    Ok(())
}

/// Checks every text of a reading, whichever format it came from: each
/// field's first problem, named by the field (its canonical reading-list
/// column), every field's said at once (tester r67 F3: only a record's first
/// problem was said, one fix and re-run for each).
pub fn reading_problems(r: &crate::import::ReadingRecord) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let t = |field: &'static str| move |e: TooLong| (field, e.to_string());
    check(Kind::Title, "title", &r.title).map_err(t("title")).err().into_iter().for_each(|e| out.push(e));
    check_count("authors", r.authors.len(), MAX_AUTHORS)
        .map_err(|e| ("authors", e.to_string()))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    for a in &r.authors {
        check(Kind::Name, "an author's name", &a.original)
            .map_err(t("authors"))
            .err()
            .into_iter()
            .for_each(|e| out.push(e));
        // Issue 12's parts of the name (a CSL-JSON item gives them apart from any whole).
        for part in [&a.family, &a.given, &a.particle, &a.suffix, &a.literal] {
            check_opt(Kind::Name, "an author's name", part.as_deref())
                .map_err(t("authors"))
                .err()
                .into_iter()
                .for_each(|e| out.push(e));
        }
    }
    check_count("editors", r.editors.len(), MAX_AUTHORS)
        .map_err(|e| ("editors", e.to_string()))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    for a in &r.editors {
        check(Kind::Name, "an editor's name", &a.original)
            .map_err(t("editors"))
            .err()
            .into_iter()
            .for_each(|e| out.push(e));
        for part in [&a.family, &a.given, &a.particle, &a.suffix, &a.literal] {
            check_opt(Kind::Name, "an editor's name", part.as_deref())
                .map_err(t("editors"))
                .err()
                .into_iter()
                .for_each(|e| out.push(e));
        }
    }
    check_count("translators", r.translators.len(), MAX_AUTHORS)
        .map_err(|e| ("translators", e.to_string()))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    for a in &r.translators {
        check(Kind::Name, "a translator's name", &a.original)
            .map_err(t("translators"))
            .err()
            .into_iter()
            .for_each(|e| out.push(e));
        for part in [&a.family, &a.given, &a.particle, &a.suffix, &a.literal] {
            check_opt(Kind::Name, "a translator's name", part.as_deref())
                .map_err(t("translators"))
                .err()
                .into_iter()
                .for_each(|e| out.push(e));
        }
    }
    check(Kind::Identifier, "type", &r.kind).map_err(t("type")).err().into_iter().for_each(|e| out.push(e));
    check_opt(Kind::Name, "container (journal or publisher)", r.container.as_deref())
        .map_err(t("container"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Name, "journal abbreviation", r.container_short.as_deref())
        .map_err(t("container"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "season", r.season.as_deref())
        .map_err(t("year"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    // Issue 12's fields of a reference.
    check_opt(Kind::Name, "publisher", r.publisher.as_deref())
        .map_err(t("publisher"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Name, "place of publication", r.place.as_deref())
        .map_err(t("place"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "volume", r.volume.as_deref())
        .map_err(t("volume"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "issue", r.issue.as_deref())
        .map_err(t("issue"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "pages", r.pages.as_deref())
        .map_err(t("pages"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "edition", r.edition.as_deref())
        .map_err(t("edition"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "year note", r.year_note.as_deref())
        .map_err(t("year"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "DOI", r.doi.as_deref()).map_err(t("doi")).err().into_iter().for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "ISBN", r.isbn.as_deref())
        .map_err(t("isbn"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "URL", r.url.as_deref()).map_err(t("url")).err().into_iter().for_each(|e| out.push(e));
    check_opt(Kind::Note, "notes", r.annotation.as_deref())
        .map_err(t("notes"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "source kind", r.source_kind.as_deref())
        .map_err(t("source_kind"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "status", r.status.as_deref())
        .map_err(t("status"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Identifier, "language", r.language.as_deref())
        .map_err(t("language"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    // Issue 16's work facets.
    check_opt(Kind::Identifier, "original language", r.facets.original_language.as_deref())
        .map_err(t("original_language"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    check_opt(Kind::Title, "perspective", r.facets.perspective.as_deref())
        .map_err(t("perspective"))
        .err()
        .into_iter()
        .for_each(|e| out.push(e));
    let mut seen: Vec<&'static str> = Vec::new();
    out.retain(|(field, _)| {
        let first = !seen.contains(field);
        seen.push(field);
        first
    });
    out
}

/// The kind of text a table's column holds, for bundles and merged
/// databases. A text column not named here is an identifier (a code, a
/// timestamp, a status); a new free-text column needs its line here.
pub fn column(table: &str, col: &str) -> Kind {
    match (table, col) {
        (_, "slug") => Kind::Slug,
        ("module", "code") | ("snapshot_coverage" | "snapshot_gap", "module_code") => Kind::Code,
        ("theme_keyword" | "item_keyword", "keyword") => Kind::Keyword,
        ("contributor" | "programme" | "theme" | "snapshot", "name")
        | ("contributor", "affiliation")
        | ("module", "lead")
        | ("reading", "container" | "container_short" | "publisher" | "place")
        | (
            "reading_author" | "reading_editor" | "reading_translator",
            "name" | "family" | "given" | "particle" | "suffix" | "literal",
        )
        | ("person_facet", "author_name")
        | ("snapshot_coverage", "programme") => Kind::Name,
        (_, "title" | "module_title" | "credit" | "licence" | "perspective" | "scope" | "theme") => Kind::Title,
        (_, "outcomes" | "annotation" | "description" | "note" | "explanation") => Kind::Note,
        ("history", "before" | "after") | ("conflict", "ours" | "theirs" | "fields") => Kind::Record,
        ("import_run", "path") | ("snapshot_gap", "key") => Kind::Note,
        _ => Kind::Identifier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        // 64 Devanagari letters are 192 bytes: within a slug's 64 characters.
        let s = "क".repeat(64);
        assert!(check(Kind::Slug, "slug", &s).is_ok());
        let e = check(Kind::Slug, "theme slug", &"a".repeat(13_000)).unwrap_err();
        assert_eq!(e.to_string(), "theme slug is 13,000 characters long; expected at most 64 for a theme slug");
        assert_eq!(thousands(1_048_576), "1,048,576");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn every_column_has_a_kind() {
        assert_eq!(column("theme_keyword", "keyword"), Kind::Keyword);
        assert_eq!(column("reading", "annotation"), Kind::Note);
        assert_eq!(column("item", "title"), Kind::Title);
        assert_eq!(column("history", "after"), Kind::Record);
        assert_eq!(column("reading", "doi"), Kind::Identifier);
    }

    #[test]
    fn control_characters_are_refused_with_their_name_and_place() {
        let e = check(Kind::Title, "session title", "ab\u{1b}[31m").unwrap_err();
        assert_eq!(
            e.to_string(),
            "session title holds the control character U+001B (escape) at character 3; expected text without \
             control characters (tabs and line breaks are fine)"
        );
        assert!(check(Kind::Note, "notes", "one\ttwo\r\nthree").is_ok());
        assert!(check(Kind::Title, "title", "Tabs\tand\nlines").is_ok());
        let e = check(Kind::Keyword, "keyword", "tab\there").unwrap_err();
        assert!(
            e.to_string().contains("U+0009 (tab) at character 4; expected text without control characters;")
                || e.to_string().ends_with("U+0009 (tab) at character 4; expected text without control characters")
        );
        assert!(matches!(check(Kind::Name, "n", "x\u{0}").unwrap_err().problem, Problem::Control { ch: '\0', at: 2 }));
        assert!(matches!(
            check(Kind::Name, "n", "é\u{9b}").unwrap_err().problem,
            Problem::Control { ch: '\u{9b}', at: 2 }
        ));
        assert!(check(Kind::Name, "n", "\u{7f}").is_err());
        // Not controls: letters of every script, U+00A0 (after the C1 range), format marks.
        assert!(check(Kind::Name, "n", "Ẓ ñ\u{a0}ب\u{200f}न 中").is_ok());
    }

    #[test]
    fn messages_show_a_cut_of_long_input() {
        assert_eq!(cut("short", 80), "short");
        assert_eq!(cut(&"é".repeat(100), 3), "ééé…(100 characters)");
        assert_eq!(shown("a\u{1b}b"), "\"a\\u{1b}b\"");
        assert_eq!(shown(&"x".repeat(10_000)), format!("{:?}…(10,000 characters)", "x".repeat(80)));
    }
}

#[cfg(test)]
mod readable_tests {
    use super::readable;

    #[test]
    fn combining_marks_read_as_written_and_real_escapes_stay() {
        let hindi = "आयुर्वेद का इतिहास";
        assert_eq!(readable(&format!("{hindi:?}")), format!("\"{hindi}\""));
        let tamil = "சித்த மருத்துவ வரலாறு";
        assert_eq!(readable(&format!("new line 9 {tamil:?} (2001)")), format!("new line 9 \"{tamil}\" (2001)"));
        // A control character stays escaped; a backslash in the text is no escape.
        assert_eq!(readable(&format!("{:?}", "a\u{7}b")), "\"a\\u{7}b\"");
        assert_eq!(readable(&format!("{:?}", "C:\\u{941}")), "\"C:\\\\u{941}\"");
        assert!(matches!(readable("plain"), std::borrow::Cow::Borrowed(_)));
        // A bidirectional override or isolate, a zero-width space and a line
        // separator stay escaped: they could reorder what a terminal shows.
        for c in ['\u{202e}', '\u{2066}', '\u{200b}', '\u{2028}', '\u{feff}'] {
            let q = format!("{:?}", format!("a{c}b"));
            assert_eq!(readable(&q), q, "{q}");
        }
        // Bengali and Tamil spacing vowel signs (Mc, Grapheme_Extend) are shown.
        assert_eq!(readable(&format!("{:?}", "বাংলা")), "\"বাংলা\"");
    }
}
