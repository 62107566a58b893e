//! BibTeX (and the BibTeX subset of BibLaTeX): `@type{key, field = value}`
//! entries with braced, quoted, numeric or macro values joined by `#`,
//! `@string` macros, and LaTeX accents turned into Unicode.
//!
//! A small parser of its own rather than the `biblatex` crate: that crate
//! stops at the first syntax error in the file (one error, at the end of the
//! file for an unclosed brace, and no entries), while an import must list
//! every broken entry at the line where it starts. Everything here is
//! iterative, so deeply nested braces cannot overflow the stack.

use std::collections::HashMap;

use super::builder::{self, Draft, IsbnRule, KindSrc, Pos, Read, Themes, Val};
use super::names::{self, Name};
use super::{Parsed, RowError, reading_type};
use crate::store::themes::split_cell;

/// Byte offsets to 1-based line and character column.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    pub(crate) fn pos(&self, at: usize) -> (u64, u64) {
        let l = self.starts.partition_point(|s| *s <= at);
        let start = self.starts[l - 1];
        let at = at.min(self.text.len());
        let col = self.text.get(start..at).map_or(at - start, |s| s.chars().count());
        (l as u64, col as u64 + 1)
    }
}

/// One field as written: its raw (LaTeX) value and where its name starts.
#[derive(Clone)]
struct Field {
    raw: String,
    at: usize,
    /// Taken from a crossref parent (or a parent's parent), not written in the entry.
    inherited: bool,
}

struct Entry {
    kind: String,
    key: String,
    at: usize,
    fields: HashMap<String, Field>,
    /// What reading the entry passed over, for warnings: (offset, message).
    notes: Vec<(usize, String)>,
}

/// The longest value a BibTeX field or `@string` may reach through macros.
const MAX_VALUE_BYTES: usize = 1 << 20;

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    macros: HashMap<String, String>,
    /// Macro names a value used that no `@string` defines, with where.
    undefined: Vec<(usize, String)>,
    /// Offsets of `\"` in the value last read that stood in a quoted part
    /// before no letter a diaeresis marks: read as a quotation mark, said.
    quote_marks: Vec<usize>,
    /// Of each `@string` whose value used such a name (defined later, or
    /// never): those names, said at each entry that uses the macro (tester
    /// r59 F1: "Journal of jn2" was printed without a word).
    undefined_in: HashMap<String, Vec<(usize, String)>>,
}

/// Why an entry could not be read: the error and where to look for the next entry.
struct Broken {
    at: usize,
    message: String,
    resume: usize,
}

/// Reads and validates a BibTeX file (see [`read`] and [`builder::build`]).
pub fn parse(path_display: &str, text: &str, themes: &dyn Themes) -> Parsed {
    let _ = path_display;
    builder::build_all(read(text), themes)
}

/// The entries of a BibTeX text (without its byte-order mark), each with its
/// bytes, and the broken ones: (where the entry's `@` is, why, where it ends).
type Scanned = (Vec<(Entry, std::ops::Range<usize>)>, Vec<(usize, Broken)>);

/// Reads every entry of `text` (without its byte-order mark), going on
/// after a broken one at the next line that starts with `@`.
fn scan(text: &str) -> Scanned {
    let mut entries = Vec::new();
    let mut broken = Vec::new();
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        macros: month_macros(),
        undefined: Vec::new(),
        quote_marks: Vec::new(),
        undefined_in: HashMap::new(),
    };
    while let Some(at) = p.next_at() {
        p.i = at + 1;
        match p.entry(at) {
            Ok(None) => {}
            Ok(Some(e)) => entries.push((e, at..p.i)),
            Err(b) => {
                p.i = b.resume;
                broken.push((at, b));
            }
        }
    }
    (entries, broken)
}

/// Whether the `@` at `at` is on a line whose first character (after
/// spaces) is `%`: a line commented out for LaTeX and biber, which classic
/// BibTeX still reads.
fn on_comment_line(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..at].trim_start().starts_with('%')
}

/// What an entry on a `%` line is told: canon reads it as BibTeX does.
const COMMENT_LINE: &str = "the entry is on a line starting with `%` and may be commented out: BibTeX (and canon) \
                            read it, biber skips it; delete it, or the `@` before its type, to leave it out";

/// Reads a BibTeX file into drafts, pure: every entry with its bytes, every
/// broken entry at the line where it starts. A child entry inherits what its
/// `crossref` parent has and it lacks (the parent's title as its
/// `booktitle`), as BibTeX does (Patashnik, *BibTeXing*, 1988, §4); the
/// parent's own crossref parent is followed first, as biber does (a child
/// inherits from its parent's resolved fields), and a loop stops the chain
/// where it comes back.
pub fn read(text: &str) -> Read {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let text = &text[bom..];
    let lines = Lines::new(text);
    let mut out = Read::default();
    let (entries, broken) = scan(text);
    for (at, b) in broken {
        let (line, col) = lines.pos(b.at);
        // An entry commented out over several `%` lines is never closed:
        // the error says why it may be.
        let message = if on_comment_line(text, at) { format!("{}; {COMMENT_LINE}", b.message) } else { b.message };
        out.broken(RowError::new(line, col, message), Some(bom + at..bom + b.resume.max(at + 1)));
    }
    let (entries, sets) = with_xdata_and_sets(entries, &lines);
    let mendeley = mendeley_export(text, &entries);
    let keys = keys_of(&entries);
    let chains: Vec<Chain> = (0..entries.len()).map(|i| chain(&entries, &keys, i)).collect();
    // A key given to two entries (BibTeX warns "Repeated entry"): said at
    // the later one, naming the first's line (tester r35 F15: both were
    // imported without a word).
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    let repeated: Vec<Option<usize>> = entries
        .iter()
        .map(|(e, _)| {
            let key = e.key.trim().to_lowercase();
            if key.is_empty() {
                return None;
            }
            match first_with_key.get(&key) {
                Some(&at) => Some(at),
                None => {
                    first_with_key.insert(key, e.at);
                    None
                }
            }
        })
        .collect();
    for (((mut e, span), ch), repeat) in entries.into_iter().zip(chains).zip(repeated) {
        for (k, f) in ch.inherited {
            e.fields.entry(k).or_insert(f);
        }
        if on_comment_line(text, e.at) {
            e.notes.push((e.at, COMMENT_LINE.to_string()));
        }
        let mut d = draft(&e, &lines, mendeley);
        for (at, message) in sets.get(&e.key.to_lowercase()).into_iter().flatten() {
            d.warnings.push(RowError::new(at.0, at.1, format!("in entry `{}`: {message}", e.key)));
        }
        if let Some(first) = repeat {
            let (l, c) = lines.pos(e.at);
            let (first_line, first_column) = lines.pos(first);
            d.warnings.push(RowError::new(
                l,
                c,
                format!(
                    "in entry `{}`: the key is also the key of the entry at line {first_line}, column \
                     {first_column} (BibTeX's \"Repeated entry\"); both are imported, and a crossref to it takes \
                     the last",
                    e.key
                ),
            ));
        }
        let key = |i: usize| ch.keys[i].as_str();
        let said = match ch.end {
            ChainEnd::Root => None,
            ChainEnd::Missing(ref missing) if ch.keys.len() == 1 => {
                Some(format!("crossref `{missing}` names no entry in this file; nothing inherited"))
            }
            // A parent's missing parent is said at the parent.
            ChainEnd::Missing(_) => None,
            ChainEnd::Loop(0) if ch.keys.len() == 1 => {
                Some("crossref names this entry itself (a loop); nothing inherited".to_string())
            }
            // A parent whose own crossref names its child back (A → B → A):
            // each takes the other's fields, once; said, as a loop is more
            // likely a slip than meant (tester r16, S11).
            ChainEnd::Loop(0) if ch.keys.len() == 2 => Some(format!(
                "crossref `{}` names this entry back in its own crossref (a loop); each inherits the other's \
                 fields once",
                key(1)
            )),
            ChainEnd::Loop(0) => Some(format!(
                "the crossref chain {} → {} comes back to this entry (a loop); inherited from {} once, nothing \
                 beyond",
                ch.keys.join(" → "),
                key(0),
                ch.keys[1..].iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            )),
            // A chain that runs into a loop further up: said at the loop's entries.
            ChainEnd::Loop(_) => None,
            ChainEnd::TooDeep => Some(format!(
                "the crossref chain {} goes on beyond {MAX_CROSSREF_DEPTH} parents; nothing inherited beyond `{}`",
                ch.keys.join(" → "),
                ch.keys[ch.keys.len() - 1]
            )),
        };
        if let Some(message) = said {
            let (l, c) = lines.pos(e.fields["crossref"].at);
            d.warnings.push(RowError::new(l, c, format!("in entry `{}`: {message}", e.key)));
        }
        out.items.push(builder::Item { draft: Ok(d), span: Some(bom + span.start..bom + span.end) });
    }
    out.items.sort_by_key(|i| i.span.as_ref().map_or(0, |s| s.start));
    out
}

/// The line and column of a message said at an entry.
type Said = ((u64, u64), String);

/// Entries with their bytes in the file.
type Spanned = Vec<(Entry, std::ops::Range<usize>)>;

/// biblatex's entries that are not works (biblatex manual §2.1.3, §3.13.5,
/// §3.14.1; tester r56 F5: each refused the whole file, "has no title"):
/// an `@xdata` entry holds fields other entries take with `xdata = {key,
/// …}` (each field the entry lacks, from the first `@xdata` named that has
/// it, an `@xdata`'s own `xdata` followed first); an `@set` groups entries
/// that are works of their own. Both are taken out of the entries; what
/// each member of a set, or an entry naming an unknown `@xdata`, is told is
/// returned by the entry's lower-case key. An `@xdata` no entry names is
/// said at the first entry.
fn with_xdata_and_sets(entries: Spanned, lines: &Lines) -> (Spanned, HashMap<String, Vec<Said>>) {
    let is = |e: &Entry, k: &str| e.kind.eq_ignore_ascii_case(k);
    let mut said: HashMap<String, Vec<Said>> = HashMap::new();
    if !entries.iter().any(|(e, _)| is(e, "xdata") || is(e, "set")) {
        return (entries, said);
    }
    let xdata: HashMap<String, HashMap<String, Field>> =
        entries.iter().filter(|(e, _)| is(e, "xdata")).map(|(e, _)| (e.key.to_lowercase(), e.fields.clone())).collect();
    let xdata_at: Vec<(String, usize)> =
        entries.iter().filter(|(e, _)| is(e, "xdata")).map(|(e, _)| (e.key.to_lowercase(), e.at)).collect();
    let list = |f: &Field| -> Vec<String> {
        verbatim(&f.raw).split(',').map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty()).collect()
    };
    // The fields `keys` give, an `@xdata`'s own `xdata` first, each key once.
    fn gather(
        xdata: &HashMap<String, HashMap<String, Field>>,
        keys: &[String],
        seen: &mut Vec<String>,
        list: &dyn Fn(&Field) -> Vec<String>,
        out: &mut HashMap<String, Field>,
        missing: &mut Vec<String>,
    ) {
        for k in keys {
            if seen.contains(k) {
                continue;
            }
            seen.push(k.clone());
            let Some(fields) = xdata.get(k) else {
                missing.push(k.clone());
                continue;
            };
            for (name, f) in fields {
                if name != "xdata" {
                    out.entry(name.clone()).or_insert_with(|| Field { inherited: true, ..f.clone() });
                }
            }
            if let Some(more) = fields.get("xdata") {
                gather(xdata, &list(more), seen, list, out, missing);
            }
        }
    }
    let mut used: Vec<String> = Vec::new();
    let mut kept = Vec::new();
    let mut sets = Vec::new();
    for (mut e, span) in entries {
        if is(&e, "xdata") {
            continue;
        }
        if is(&e, "set") {
            sets.push(e);
            continue;
        }
        if let Some(f) = e.fields.remove("xdata") {
            let (mut got, mut missing, mut seen) = (HashMap::new(), Vec::new(), Vec::new());
            gather(&xdata, &list(&f), &mut seen, &list, &mut got, &mut missing);
            used.extend(seen);
            for (name, field) in got {
                e.fields.entry(name).or_insert(field);
            }
            if !missing.is_empty() {
                said.entry(e.key.to_lowercase()).or_default().push((
                    lines.pos(f.at),
                    format!(
                        "xdata {} names no @xdata entry in this file; nothing inherited from {}",
                        missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "),
                        if missing.len() == 1 { "it" } else { "them" }
                    ),
                ));
            }
        }
        kept.push((e, span));
    }
    for set in &sets {
        let members = set.fields.get("entryset").map(&list).unwrap_or_default();
        for m in &members {
            said.entry(m.clone()).or_default().push((
                lines.pos(set.at),
                format!(
                    "a member of the biblatex @set `{}`: the set groups works and is not one; its members are \
                     imported one by one",
                    set.key
                ),
            ));
        }
    }
    // An `@xdata` or a `@set` that nothing above reached is said at its
    // own line, with the first entry.
    let mut unused: Vec<(usize, String)> = xdata_at
        .iter()
        .filter(|(k, _)| !used.contains(k))
        .map(|(k, at)| (*at, format!("@xdata `{k}`")))
        .chain(
            sets.iter()
                .filter(|s| {
                    !s.fields.get("entryset").is_some_and(|f| {
                        list(f).iter().any(|m| kept.iter().any(|(e, _)| e.key.eq_ignore_ascii_case(m)))
                    })
                })
                .map(|s| (s.at, format!("@set `{}`", s.key))),
        )
        .collect();
    unused.sort();
    if let Some((first, _)) = kept.first() {
        for (at, what) in unused {
            said.entry(first.key.to_lowercase()).or_default().push((
                lines.pos(at),
                format!("{what} is named by no entry in this file: not a work, and its fields not stored"),
            ));
        }
    }
    (kept, said)
}

/// Entries by their key, lower case (BibTeX's keys are case-insensitive);
/// of two entries with one key, the last.
fn keys_of(entries: &[(Entry, std::ops::Range<usize>)]) -> HashMap<String, usize> {
    entries.iter().enumerate().map(|(i, (e, _))| (e.key.to_lowercase(), i)).collect()
}

/// How many parents a crossref chain is followed through: far beyond any
/// real file (a volume in a multi-volume work in a series is three), and
/// bounding the work a crafted file makes.
const MAX_CROSSREF_DEPTH: usize = 32;

/// Where an entry's crossref chain stopped.
enum ChainEnd {
    /// At an entry without a crossref.
    Root,
    /// At a crossref naming no entry in the file (the key as written).
    Missing(String),
    /// At a crossref naming an entry already in the chain (its place in it).
    Loop(usize),
    /// After [`MAX_CROSSREF_DEPTH`] parents.
    TooDeep,
}

/// An entry's crossref chain followed: what it inherits, the keys along it
/// (the entry's first), and where it stopped.
struct Chain {
    inherited: HashMap<String, Field>,
    keys: Vec<String>,
    end: ChainEnd,
}

/// The parents of entry `i`, nearest first, up to where the chain stops.
fn parents(
    entries: &[(Entry, std::ops::Range<usize>)],
    keys: &HashMap<String, usize>,
    i: usize,
) -> (Vec<usize>, ChainEnd) {
    let mut path = vec![i];
    let mut cur = i;
    let end = loop {
        let Some(f) = entries[cur].0.fields.get("crossref") else { break ChainEnd::Root };
        let key = verbatim(&f.raw);
        let Some(&p) = keys.get(&key.to_lowercase()) else { break ChainEnd::Missing(key) };
        if let Some(at) = path.iter().position(|&q| q == p) {
            break ChainEnd::Loop(at);
        }
        if path.len() > MAX_CROSSREF_DEPTH {
            break ChainEnd::TooDeep;
        }
        path.push(p);
        cur = p;
    };
    (path, end)
}

/// Follows entry `i`'s crossref chain: each parent takes what it inherits
/// from its own parent first, farthest first, so the entry inherits its
/// parent's resolved fields (biber's rule).
fn chain(entries: &[(Entry, std::ops::Range<usize>)], keys: &HashMap<String, usize>, i: usize) -> Chain {
    let (path, end) = parents(entries, keys, i);
    // The resolved fields of the parent after the one being resolved.
    let mut resolved: HashMap<String, Field> = HashMap::new();
    // The type of the parent `resolved` came from.
    let mut resolved_kind = String::new();
    for &p in path[1..].iter().rev() {
        let mut own = entries[p].0.fields.clone();
        let kind = entries[p].0.kind.to_lowercase();
        for (k, f) in inherit(&resolved, &resolved_kind, &kind, &own) {
            own.entry(k).or_insert(f);
        }
        resolved = own;
        resolved_kind = kind;
    }
    let child = &entries[i].0;
    let inherited = inherit(&resolved, &resolved_kind, &child.kind.to_lowercase(), &child.fields);
    Chain { inherited, keys: path.iter().map(|&p| entries[p].0.key.clone()).collect(), end }
}

/// biblatex's `maintitle` (with `mainsubtitle`): the title of the
/// multi-volume work a volume (`@book`), or a part of a volume, belongs to,
/// written or inherited from an `@mvbook` (see [`inherit`]). The set's
/// title is the volume's title (a part's container), the volume keeps its
/// number in `volume`, and the volume's own title (a whole work's `title`,
/// a part's `booktitle`) is its volume title, as CSL 1.0.2's
/// `volume-title` (tester r69 F6: the three were folded into one title,
/// "Oxford Textbook of Medicine. Vol. 1, Sections 1–12", and the volume
/// was no field). Each style prints them as its manual does. Returns
/// whether the `booktitle` went into the volume title (so it is read).
fn main_title(e: &Entry, d: &mut Draft, get: &dyn Fn(&str) -> Option<String>, booksubtitle_read: bool) -> bool {
    let Some(mut main) = get("maintitle") else { return false };
    if let Some(sub) = get("mainsubtitle") {
        let sep = if main.trim_end().ends_with(['?', '!', ':', '.']) { " " } else { ": " };
        main = format!("{}{sep}{}", main.trim_end(), sub.trim());
    }
    let whole = WHOLE_WORKS.contains(&e.kind.to_lowercase().as_str());
    // The volume's own title: a whole work's title, a part's book.
    let from_book = d
        .container
        .as_ref()
        .is_some_and(|c| get("booktitle").is_some_and(|b| booksubtitle_read && c.starts_with(b.as_str()) || *c == b));
    if whole {
        let own = d.title.as_ref().map(|t| t.text.clone()).filter(|t| !t.trim().is_empty());
        d.volume_title = own;
        match d.title.as_mut() {
            Some(t) => t.text = main,
            None => d.title = Some(Val::new(main, d.at)),
        }
    } else if from_book {
        d.volume_title = d.container.replace(main);
    } else if d.container.is_none() {
        d.container = Some(main);
    } else {
        // A part with a container that is not its book (a journal): the
        // set's title is kept nowhere, and said.
        d.not_stored_as("BibTeX maintitle (beside a container that is not the volume's book)".to_string());
    }
    !whole && from_book
}

/// biblatex's multi-volume types: a child's parent of one of these is the
/// whole set, whose title is the child's `maintitle` (biblatex manual,
/// Appendix B, "Default Crossref Setup").
const MULTI_VOLUME: &[&str] = &["mvbook", "mvcollection", "mvproceedings", "mvreference"];

/// Entry types of a whole work (a book, a volume of a set, proceedings): a
/// child of one of these is another work, not a part of its parent, so it
/// takes none of the parent's identifiers.
const WHOLE_WORKS: &[&str] = &[
    "book",
    "mvbook",
    "booklet",
    "collection",
    "mvcollection",
    "proceedings",
    "mvproceedings",
    "reference",
    "mvreference",
    "periodical",
    "manual",
    "report",
    "techreport",
    "thesis",
    "phdthesis",
    "mastersthesis",
];

/// The crossref parents (and their parents) of the entries of a BibTeX
/// `text` whose bytes are among `rejected`, as byte ranges of `text` in
/// file order, the rejected entries themselves aside: a rejects file
/// carries them so that its entries, fixed, inherit what they did.
pub fn crossref_parents(text: &str, rejected: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let (entries, _) = scan(&text[bom..]);
    let keys = keys_of(&entries);
    let span = |i: usize| bom + entries[i].1.start..bom + entries[i].1.end;
    let is_rejected = |i: usize| rejected.iter().any(|r| r.start == span(i).start);
    let mut wanted = std::collections::BTreeSet::new();
    for i in (0..entries.len()).filter(|&i| is_rejected(i)) {
        let (path, _) = parents(&entries, &keys, i);
        wanted.extend(path[1..].iter().copied().filter(|&p| !is_rejected(p)));
    }
    wanted.into_iter().map(span).collect()
}

/// What a child entry inherits from its crossref parent (with what the
/// parent inherited from its own): every field but the parent's own keys,
/// titles and identifiers, and the parent's title as `booktitle` (before a
/// `booktitle` the parent inherited: its title is the child's book). A DOI,
/// PMID, eprint or web address names the parent work itself: a chapter
/// that took its book's DOI would be the book to canon's duplicate check (a
/// valid file was refused whole).
///
/// The titles follow biblatex's default crossref setup (manual, Appendix
/// B): a multi-volume work's (`@mvbook`, `@mvcollection`…) `title`,
/// `subtitle` and `titleaddon` are its child's `maintitle`, `mainsubtitle`
/// and `maintitleaddon`, whatever the child (a volume, or a chapter that
/// names the set directly); a book's are its part's `booktitle`… A `@book`
/// child of a `@book` that gives a `volume` is read as a volume of it, as of
/// an `@mvbook` (biblatex has no rule for the pair; JabRef users write a
/// set so). A whole work (`child_kind` in [`WHOLE_WORKS`]: a volume of a
/// set) takes no ISBN: the set's ISBN is not the volume's (tester r66 F4: the
/// volume was refused as another work with the set's ISBN); a part (a
/// chapter) takes its book's, which is the ISBN a chapter is cited with.
/// `child` is the child's own fields.
fn inherit(
    parent: &HashMap<String, Field>,
    parent_kind: &str,
    child_kind: &str,
    child: &HashMap<String, Field>,
) -> HashMap<String, Field> {
    let mut out = HashMap::new();
    let whole_child = WHOLE_WORKS.contains(&child_kind);
    let volume_of_set = MULTI_VOLUME.contains(&parent_kind) && !MULTI_VOLUME.contains(&child_kind)
        || (whole_child && WHOLE_WORKS.contains(&parent_kind) && child.contains_key("volume"));
    for (k, f) in parent {
        if k == "isbn" && whole_child {
            continue;
        }
        if matches!(
            k.as_str(),
            "crossref"
                | "xref"
                | "ids"
                | "key"
                | "label"
                | "title"
                | "shorttitle"
                | "subtitle"
                | "titleaddon"
                | "doi"
                | "pmid"
                | "pmcid"
                | "eprint"
                | "url"
                | "urldate"
        ) || (k == "booktitle" && f.inherited && parent.contains_key("title"))
        {
            continue;
        }
        out.insert(k.clone(), Field { inherited: true, ..f.clone() });
    }
    // The book's author is the child's `bookauthor` too (biblatex manual,
    // Appendix B: `author` → `bookauthor` for a part of a book), which
    // canon has no field for: named as not stored where the child has its
    // own author (tester r60 F5: the book's author went without a word).
    if let Some(a) = parent.get("author") {
        out.entry("bookauthor".to_string()).or_insert(Field { inherited: true, ..a.clone() });
    }
    if volume_of_set {
        for (from, to) in [("title", "maintitle"), ("subtitle", "mainsubtitle"), ("titleaddon", "maintitleaddon")] {
            if let Some(t) = parent.get(from) {
                out.entry(to.to_string()).or_insert(Field { inherited: true, ..t.clone() });
            }
        }
        // (A volume's `booktitle` from the set would be the set again.)
        out.remove("booktitle");
        out.remove("booksubtitle");
        return out;
    }
    // A whole book's `volume` beside its `series`, with no `number`, is its
    // number in the series, as the book's own record reads it ([`draft`]):
    // its part inherits it as that number, never as the volume of a set
    // (tester83 F3: a chapter was "Vol 4" of the book "Studies in African
    // History; vol 4").
    // A paper takes its proceedings' number in the series as its
    // proceedings' record keeps it (tester r85 F7: "vol. 7" for the paper,
    // "no. 7" for its proceedings).
    let blank = |k: &str| parent.get(k).is_none_or(|f| f.raw.trim().is_empty());
    if entry_kind(parent_kind, false) == "book"
        && !MULTI_VOLUME.contains(&parent_kind)
        && !blank("series")
        && ["number", "issue", "maintitle", "volumes"].iter().all(|k| blank(k))
        && !child.contains_key("number")
        && !child.contains_key("issue")
        && let Some(v) = out.remove("volume")
    {
        out.insert("number".to_string(), v);
    }
    if let Some(t) = parent.get("title") {
        out.entry("booktitle".to_string()).or_insert(Field { inherited: true, ..t.clone() });
        // The parent's subtitle is the child's `booksubtitle` (biblatex
        // manual, Appendix B; tester r31, D11: the book lost its subtitle).
        if let Some(sub) = parent.get("subtitle") {
            out.entry("booksubtitle".to_string()).or_insert(Field { inherited: true, ..sub.clone() });
        }
    }
    out
}

/// BibTeX's standard month macros (`jan` … `dec`) and the names they stand for.
fn month_macros() -> HashMap<String, String> {
    super::dates::MONTHS.iter().map(|n| (n[..3].to_lowercase(), n.to_string())).collect()
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'.' | b'+' | b'/' | b'\'' | b'!' | b'?' | b'*')
}

impl Parser<'_> {
    /// The next `@` outside an entry (text between entries is a comment).
    fn next_at(&self) -> Option<usize> {
        self.s[self.i..].iter().position(|b| *b == b'@').map(|p| self.i + p)
    }

    /// The start of the next line beginning with `@`, after `from`.
    fn next_line_at(&self, from: usize) -> usize {
        let mut j = from;
        while j < self.s.len() {
            match self.s[j..].iter().position(|b| *b == b'\n') {
                None => return self.s.len(),
                Some(p) => {
                    j += p + 1;
                    if self.s.get(j) == Some(&b'@') {
                        return j;
                    }
                }
            }
        }
        self.s.len()
    }

    /// Whether a line starting at `j` opens an entry: `@word{` or `@word(`.
    fn opens_entry(&self, j: usize) -> bool {
        if self.s.get(j) != Some(&b'@') {
            return false;
        }
        let mut k = j + 1;
        let start = k;
        while k < self.s.len() && self.s[k].is_ascii_alphabetic() {
            k += 1;
        }
        while k < self.s.len() && matches!(self.s[k], b' ' | b'\t') {
            k += 1;
        }
        k > start && matches!(self.s.get(k), Some(b'{' | b'('))
    }

    fn skip_ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
        // `%` comments are not BibTeX, but files edited by hand have them between fields.
        if self.s.get(self.i) == Some(&b'%') {
            while self.i < self.s.len() && self.s[self.i] != b'\n' {
                self.i += 1;
            }
            self.skip_ws();
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.i;
        while self.i < self.s.len() && is_ident(self.s[self.i]) {
            self.i += 1;
        }
        &self.text[start..self.i]
    }

    /// Reads the entry whose `@` is at `at`. `Ok(None)` for `@string`,
    /// `@comment`, `@preamble` and a stray `@`.
    fn entry(&mut self, at: usize) -> Result<Option<Entry>, Broken> {
        self.skip_ws();
        let kind = self.ident().to_ascii_lowercase();
        self.skip_ws();
        let close = match self.s.get(self.i) {
            Some(b'{') => b'}',
            Some(b'(') => b')',
            _ => {
                let line_start = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
                if kind.is_empty() || !self.text[line_start..at].trim().is_empty() {
                    // An `@` in running text between entries, such as an e-mail address.
                    self.i = at + 1;
                    return Ok(None);
                }
                return Err(Broken {
                    at,
                    message: format!(
                        "entry `@{kind}` has no opening {{; expected @{kind}{{key, field = {{value}}, …}}"
                    ),
                    resume: self.next_line_at(at),
                });
            }
        };
        let open_at = self.i;
        self.i += 1;
        if kind == "comment" || kind == "preamble" {
            match self.balanced(open_at, close) {
                Some(end) => self.i = end,
                None => {
                    // BibTeX ignores `@comment` to the end of its line when it is not braced.
                    self.i = self.next_line_at(at);
                }
            }
            return Ok(None);
        }
        let kind_name = format!("@{kind}");
        let never_closed = |p: &Parser, key: &str| Broken {
            at,
            message: format!(
                "entry `{}` is never closed; expected a closing {}",
                if key.is_empty() { kind_name.as_str() } else { key },
                close as char
            ),
            resume: p.next_line_at(at),
        };
        if kind == "string" {
            self.skip_ws();
            let name = self.ident().to_lowercase();
            self.skip_ws();
            if name.is_empty() || self.s.get(self.i) != Some(&b'=') {
                return Err(self.unexpected(at, &name, "a macro name and `=`"));
            }
            self.i += 1;
            let value = self.value(at, close).map_err(|e| e.unwrap_or_else(|| never_closed(self, &name)))?;
            self.skip_ws();
            if self.s.get(self.i) != Some(&close) {
                return Err(if self.i >= self.s.len() {
                    never_closed(self, &name)
                } else {
                    self.unexpected(at, &name, &format!("{} after the @string value", close as char))
                });
            }
            self.i += 1;
            let undefined = std::mem::take(&mut self.undefined);
            if undefined.is_empty() {
                self.undefined_in.remove(&name);
            } else {
                self.undefined_in.insert(name.clone(), undefined);
            }
            self.macros.insert(name, value);
            return Ok(None);
        }
        self.skip_ws();
        let key_start = self.i;
        while self.i < self.s.len()
            && !matches!(self.s[self.i], b',' | b'}' | b')')
            && !self.s[self.i].is_ascii_whitespace()
        {
            self.i += 1;
        }
        let key = self.text[key_start..self.i].to_string();
        let mut entry = Entry { kind, key, at, fields: HashMap::new(), notes: Vec::new() };
        self.undefined.clear();
        // (`\"` read in an @string's quoted value is the macro's, not this entry's.)
        self.quote_marks.clear();
        // The last value that ran over a line that looks like the next
        // field ("title = {Broken {record},⏎ year = {2021}"): where a brace
        // was left open, when the entry then never closes (tester r31, D15).
        let mut swallowed: Option<(usize, String, String)> = None;
        let unclosed = |p: &Parser, key: &str, swallowed: &Option<(usize, String, String)>| match swallowed {
            Some((value_at, field, next)) => Broken {
                at: *value_at,
                message: format!(
                    "entry `{}`: the value of `{field}` opened here runs on over `{next} = …`: a brace in it is \
                     never closed; expected a closing }} before `{next}`",
                    if key.is_empty() { kind_name.as_str() } else { key },
                ),
                resume: p.next_line_at(at),
            },
            None => never_closed(p, key),
        };
        loop {
            self.skip_ws();
            match self.s.get(self.i) {
                None => return Err(unclosed(self, &entry.key, &swallowed)),
                Some(&c) if c == close => {
                    self.i += 1;
                    return Ok(Some(entry));
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                Some(b'@') if self.opens_entry(self.i) && self.s.get(self.i.wrapping_sub(1)) == Some(&b'\n') => {
                    return Err(unclosed(self, &entry.key, &swallowed));
                }
                _ => {}
            }
            let name_at = self.i;
            let name = self.ident().to_lowercase();
            self.skip_ws();
            if name.is_empty() || self.s.get(self.i) != Some(&b'=') {
                if self.i >= self.s.len() {
                    return Err(unclosed(self, &entry.key, &swallowed));
                }
                let what = if name.is_empty() {
                    "a field name".to_string()
                } else {
                    format!("`=` after the field name `{name}`")
                };
                return Err(self.unexpected(at, &entry.key, &what));
            }
            self.i += 1;
            self.skip_ws();
            // A value whose brace or quote is never closed is said where it
            // opens, with its field (tester r31, D15: it was said at the
            // entry's `@`, lines above).
            let value_at = self.i;
            let raw = self.value(at, close).map_err(|e| {
                e.unwrap_or_else(|| {
                    let key = if entry.key.is_empty() { kind_name.as_str() } else { entry.key.as_str() };
                    Broken {
                        at: value_at,
                        message: format!(
                            "entry `{key}`: the value of `{name}` opened here is never closed; expected a closing {}",
                            if self.s.get(value_at) == Some(&b'"') { '"' } else { '}' }
                        ),
                        resume: self.next_line_at(at),
                    }
                })
            })?;
            if let Some(next) = raw.lines().skip(1).find_map(|l| {
                let (name, rest) = l.split_once('=')?;
                let name = name.trim();
                (!name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                    && rest.trim_start().starts_with(['{', '"']))
                .then(|| name.to_string())
            }) {
                swallowed = Some((value_at, name.clone(), next));
            }
            // A macro no `@string` defines: BibTeX warns and reads it as
            // empty; canon keeps its name as the text, and says so (tester
            // r17, F10: "lancet" was stored without a word).
            if let Some(off) = self.quote_marks.first().copied() {
                entry.notes.push((
                    off,
                    format!(
                        "{name}: `\\\"` in a value written in quotes ends the value in BibTeX (a quotation mark \
                         there is written {{\"}}, or the value in braces); read as a quotation mark{}, not as a \
                         diaeresis on the letter after it",
                        if self.quote_marks.len() > 1 {
                            format!(" ({} times)", self.quote_marks.len())
                        } else {
                            String::new()
                        }
                    ),
                ));
            }
            self.quote_marks.clear();
            for (off, m) in std::mem::take(&mut self.undefined) {
                entry.notes.push((
                    off,
                    format!(
                        "{name}: the macro `{m}` is not defined by an @string in the file; kept as the text {m:?} \
                         (write {{…}} around text, or add @string{{{m} = {{…}}}})"
                    ),
                ));
            }
            match entry.fields.get(&name) {
                // A field given twice: the first stands, as BibTeX reads it
                // ("repeated entry"), and the other is said.
                Some(first) => {
                    let shown = |r: &str| collapse(&latex_to_unicode(r));
                    entry.notes.push((
                        name_at,
                        format!(
                            "{name} is given twice; kept the first ({:?}), {:?} not stored",
                            shown(&first.raw),
                            shown(&raw)
                        ),
                    ));
                }
                None => {
                    entry.fields.insert(name, Field { raw, at: name_at, inherited: false });
                }
            }
            self.skip_ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(&c) if c == close => {}
                None => return Err(unclosed(self, &entry.key, &swallowed)),
                Some(_) if self.opens_entry(self.i) && self.s.get(self.i.wrapping_sub(1)) == Some(&b'\n') => {
                    return Err(unclosed(self, &entry.key, &swallowed));
                }
                Some(_) => return Err(self.unexpected(at, &entry.key, "`,` between fields")),
            }
        }
    }

    fn unexpected(&self, at: usize, key: &str, what: &str) -> Broken {
        let found: String = self.text[self.i.min(self.text.len())..].chars().take(1).collect();
        let found = if found.is_empty() { "the end of the file".to_string() } else { format!("{found:?}") };
        let _ = at;
        Broken {
            at: self.i,
            message: format!("in entry `{key}`: found {found}; expected {what}"),
            resume: self.next_line_at(self.i),
        }
    }

    /// The end (one past the closing delimiter) of the group opened at `open`
    /// (`{` or `(`), or `None` if it is never closed.
    fn balanced(&self, open: usize, close: u8) -> Option<usize> {
        let opener = self.s[open];
        let mut depth = 0usize;
        let mut j = open;
        while j < self.s.len() {
            let b = self.s[j];
            if b == b'\\' {
                j += 1;
            } else if b == opener {
                depth += 1;
            } else if b == close {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            j += 1;
        }
        None
    }

    /// A field value: parts joined by `#`. `Err(None)` when a brace or quote
    /// is never closed (the caller names the entry).
    fn value(&mut self, at: usize, close: u8) -> Result<String, Option<Broken>> {
        let mut out = String::new();
        loop {
            self.skip_ws();
            match self.s.get(self.i) {
                None => return Err(None),
                Some(b'{') => {
                    let start = self.i + 1;
                    let end = self.group_end(start, false)?;
                    out.push_str(&self.text[start..end]);
                    self.i = end + 1;
                }
                Some(b'"') => {
                    let start = self.i + 1;
                    let end = self.group_end(start, true)?;
                    let text = self.quoted_text(start, end);
                    out.push_str(&text);
                    self.i = end + 1;
                }
                Some(&c) if is_ident(c) => {
                    let word = self.ident().to_string();
                    if word.bytes().all(|b| b.is_ascii_digit()) {
                        out.push_str(&word);
                    } else {
                        match self.macros.get(&word.to_lowercase()) {
                            // A macro that grows by using itself ("@string{a = a #
                            // a}", again and again) would double with each use: a
                            // value past a million bytes is refused (found by fuzzing).
                            Some(v) if out.len() + v.len() > MAX_VALUE_BYTES => {
                                return Err(Some(Broken {
                                    at,
                                    message: format!(
                                        "the value using the macro `{word}` is longer than {MAX_VALUE_BYTES} bytes; \
                                         expected a macro that does not grow by using itself"
                                    ),
                                    resume: self.next_line_at(at),
                                }));
                            }
                            Some(v) => {
                                out.push_str(v);
                                // Each name once, and a few at most: a macro
                                // used in its own redefinition ("a = a # a")
                                // would double them each time.
                                if let Some(u) = self.undefined_in.get(&word.to_lowercase()) {
                                    for x in u {
                                        if self.undefined.len() < 16 && !self.undefined.contains(x) {
                                            self.undefined.push(x.clone());
                                        }
                                    }
                                }
                            }
                            None => {
                                self.undefined.push((self.i - word.len(), word.clone()));
                                out.push_str(&word);
                            }
                        }
                    }
                }
                Some(&c) if c == close || c == b',' => {
                    return Err(Some(self.unexpected(
                        at,
                        &self.key_of(at),
                        "a value: {text}, \"text\", a number or a macro name",
                    )));
                }
                Some(_) => {
                    return Err(Some(self.unexpected(
                        at,
                        &self.key_of(at),
                        "a value: {text}, \"text\", a number or a macro name",
                    )));
                }
            }
            self.skip_ws();
            if self.s.get(self.i) == Some(&b'#') {
                self.i += 1;
            } else {
                return Ok(out);
            }
        }
    }

    /// The key of the entry at `at`, for messages.
    fn key_of(&self, at: usize) -> String {
        let rest = &self.text[at..];
        let Some(open) = rest.find(['{', '(']) else { return String::new() };
        rest[open + 1..].chars().take_while(|c| !matches!(c, ',' | '}' | ')') && !c.is_whitespace()).collect()
    }

    /// The text of a quote-delimited part, `start..end`. BibTeX ends such a
    /// part at any `"` outside braces, `\"` included (btxdoc §2.1: a quote
    /// inside is written `{"}`); canon reads on, as `\"` was meant: a
    /// diaeresis before a letter that takes one ("G\"odel"), else a
    /// quotation mark (`\"title\"`: tester r62 F11, it made "ẗitleẅith"),
    /// whose offset is kept in `quote_marks` for the entry to say.
    fn quoted_text(&mut self, start: usize, end: usize) -> String {
        let t = &self.text[start..end];
        let b = t.as_bytes();
        let mut out = String::with_capacity(t.len());
        let (mut depth, mut from, mut j) = (0usize, 0, 0);
        while j < b.len() {
            match b[j] {
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                b'\\' if depth == 0 && b.get(j + 1) == Some(&b'"') => {
                    // "\"o", "\" o", "\"{o}", "\"\i", "\"{\i}": a letter a diaeresis marks.
                    let letter = |x: &str| {
                        x.starts_with(|c: char| "aeiouyAEIOUY".contains(c))
                            || x.starts_with("\\i")
                            || x.starts_with("\\j")
                    };
                    let after = &t[j + 2..];
                    let marks = letter(after.trim_start_matches([' ', '\t']))
                        || after.strip_prefix('{').is_some_and(|x| letter(x.trim_start()));
                    if !marks {
                        out.push_str(&t[from..j]);
                        out.push('"');
                        self.quote_marks.push(start + j);
                        from = j + 2;
                    }
                    j += 1;
                }
                b'\\' => j += 1,
                _ => {}
            }
            j += 1;
        }
        out.push_str(&t[from.min(t.len())..]);
        out
    }

    /// The offset of the brace or quote that closes a group whose content
    /// starts at `start`. A line that starts a new entry inside the group
    /// means the group was never closed.
    fn group_end(&self, start: usize, quoted: bool) -> Result<usize, Option<Broken>> {
        let mut depth = 0usize;
        let mut j = start;
        while j < self.s.len() {
            match self.s[j] {
                b'\\' => j += 1,
                b'{' => depth += 1,
                b'}' if depth == 0 => {
                    if quoted {
                        return Err(None);
                    }
                    return Ok(j);
                }
                b'}' => depth -= 1,
                b'"' if quoted && depth == 0 => return Ok(j),
                b'\n' if self.opens_entry(j + 1) => return Err(None),
                _ => {}
            }
            j += 1;
        }
        Err(None)
    }
}

/// The entry types of BibTeX (btxdoc §3) and biblatex (manual §2.1), with
/// the aliases tools write (`@electronic`, `@www`, `@webpage`). Another
/// type is warned of.
const ENTRY_TYPES: &[&str] = &[
    "article",
    "book",
    "booklet",
    "conference",
    "inbook",
    "incollection",
    "inproceedings",
    "manual",
    "mastersthesis",
    "misc",
    "phdthesis",
    "proceedings",
    "techreport",
    "unpublished",
    "mvbook",
    "bookinbook",
    "suppbook",
    "collection",
    "mvcollection",
    "suppcollection",
    "dataset",
    "online",
    "patent",
    "periodical",
    "suppperiodical",
    "mvproceedings",
    "reference",
    "mvreference",
    "inreference",
    "report",
    "set",
    "software",
    "thesis",
    "xdata",
    "artwork",
    "audio",
    "bibnote",
    "commentary",
    "image",
    "jurisdiction",
    "legislation",
    "legal",
    "letter",
    "movie",
    "music",
    "performance",
    "review",
    "standard",
    "video",
    "electronic",
    "www",
    "webpage",
    "customa",
    "customb",
    "customc",
    "customd",
    "custome",
    "customf",
];

/// The canonical reading type for a BibTeX entry type.
fn entry_kind(kind: &str, has_url: bool) -> &'static str {
    match kind {
        "article" | "periodical" | "suppperiodical" => "article",
        "book" | "mvbook" | "booklet" | "proceedings" | "mvproceedings" | "collection" | "mvcollection" => "book",
        "incollection" | "inbook" | "suppbook" | "suppcollection" | "inreference" => "chapter",
        "inproceedings" | "conference" => "conference-paper",
        "techreport" | "report" | "manual" => "report",
        "online" | "electronic" | "www" | "webpage" => "web",
        "misc" if has_url => "web",
        "phdthesis" | "mastersthesis" | "thesis" => "thesis",
        "video" | "movie" => "video",
        "audio" => "podcast",
        other => reading_type(other).unwrap_or("other"),
    }
}

/// The text inside braces that wrap a whole field value ("{Structural
/// racism …}" of `title = {{Structural racism …}}`), or `None` when the
/// value is not one brace group.
fn wrapped_whole(raw: &str) -> Option<&str> {
    let t = raw.trim();
    let inner = t.strip_prefix('{')?.strip_suffix('}')?;
    // The first brace must close at the end: "{A} and {B}" is two groups.
    let mut depth = 0i64;
    let mut escaped = false;
    for ch in inner.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    (depth == 0).then_some(inner)
}

/// Whether a file is Mendeley Desktop's BibTeX export, which wraps every
/// title whole in braces (`title = {{…}}`) whatever its case: its header
/// says so, or every one of three or more titles is so wrapped. Such braces
/// are the exporter's habit, not the person's wish to keep a title's case
/// (tester r71 F13: a sentence-case title so wrapped was printed in
/// sentence case by Chicago, and replaced the stored one in title case).
fn mendeley_export(text: &str, entries: &[(Entry, std::ops::Range<usize>)]) -> bool {
    let head: String = text.chars().take(600).collect::<String>().to_lowercase();
    if head.contains("generated by mendeley desktop") {
        return true;
    }
    let titles: Vec<&Field> = entries.iter().filter_map(|(e, _)| e.fields.get("title")).collect();
    titles.len() >= 3 && titles.iter().all(|f| wrapped_whole(&f.raw).is_some())
}

/// An entry as a draft: fields by their BibTeX (and BibLaTeX) names. In a
/// Mendeley export ([`mendeley_export`]) a title wrapped whole in braces is
/// read without them, said where that changes what a style may do.
fn draft(e: &Entry, lines: &Lines, mendeley: bool) -> Draft {
    let (line, col) = lines.pos(e.at);
    let name = if e.key.is_empty() { format!("@{}", e.kind) } else { e.key.clone() };
    let mut d = Draft::new(Pos::new(line, col), Some(format!("entry `{name}`")));
    d.date_name = Some("year");
    for (off, message) in &e.notes {
        let (l, c) = lines.pos(*off);
        d.warnings.push(RowError::new(l, c, format!("in entry `{name}`: {message}")));
    }
    // A LaTeX command canon does not know is dropped and its argument kept
    // ("A \unknownmacro{arg} title" is "A arg title"); one without an
    // argument is kept as written ("\uhorn", which may be a letter): said, at the
    // command, in the entry's own fields (an inherited one is said at its
    // parent).
    let mut decoded: Vec<(&String, &Field)> = e
        .fields
        .iter()
        .filter(|(k, f)| !f.inherited && BIBTEX_READ.contains(&k.as_str()) && !VERBATIM.contains(&k.as_str()))
        .collect();
    decoded.sort_by_key(|(_, f)| f.at);
    for (field, f) in decoded {
        let value_at = lines.text.get(f.at..).and_then(|t| t.find(f.raw.as_str())).map(|o| f.at + o);
        for u in unknown_commands(&f.raw) {
            let (l, c) = lines.pos(value_at.map_or(f.at, |v| v + u.at));
            let kept = match &u.arg {
                Some(a) => format!("kept its argument {a:?}"),
                None => "kept it as written".to_string(),
            };
            let message =
                format!("in entry `{name}`: {field}: \\{} is not a LaTeX command canon knows; {kept}", u.name);
            d.warnings.push(RowError::new(l, c, message));
        }
    }
    let at = |f: &Field| {
        let (l, c) = lines.pos(f.at);
        Pos::new(l, c)
    };
    let get = |n: &str| e.fields.get(n).map(|f| collapse(&latex_to_unicode(&f.raw))).filter(|s| !s.is_empty());
    // Web of Science's BibTeX export wraps every value in a second pair of
    // braces (`Title = {{…}}`, `Year = {{2021}}`): an export habit, as
    // Mendeley's braces round every title are, not a protection of the
    // title's case (its title was stored and printed "{Racism and health: A
    // review}").
    let wos_braces = e.key.get(..4).is_some_and(|k| k.eq_ignore_ascii_case("WOS:"))
        || get("unique-id").is_some_and(|u| u.trim().get(..4).is_some_and(|k| k.eq_ignore_ascii_case("WOS:")));
    let whole_habit = mendeley || wos_braces;
    let text_val = |n: &str| e.fields.get(n).map(|f| Val::new(collapse(&latex_to_unicode(&f.raw)), at(f)));
    // biblatex's `date` is an EDTF date (biblatex manual §2.3.8), not TeX
    // text: its `~` is "approximate" ("950~"), not a tie.
    let val = |n: &str| match n {
        "date" => e.fields.get(n).map(|f| Val::new(collapse(&verbatim(&f.raw)), at(f))),
        // A title's italics are kept as markup ([`latex_to_rich`]).
        "title" => e.fields.get(n).map(|f| {
            let raw = match wrapped_whole(&f.raw) {
                Some(inner) if whole_habit && latex_to_rich(inner) != latex_to_rich(&f.raw) => inner,
                _ => f.raw.as_str(),
            };
            Val::new(super::without_whole_italics(&collapse(&latex_to_rich(raw))), at(f))
        }),
        _ => text_val(n),
    };
    // biblatex's `urldate`, "the access date of the address specified in
    // the url field" (biblatex manual §2.2.2), an ISO date.
    d.accessed = e.fields.get("urldate").map(|f| Val::new(collapse(&verbatim(&f.raw)), at(f)));
    // biblatex's `volumes`, "the total number of volumes of a multi-volume
    // work" (biblatex manual §2.2.2; schema 0033, tester r71 F12).
    d.number_of_volumes = e.fields.get("volumes").map(|f| Val::new(collapse(&latex_to_rich(&f.raw)), at(f)));
    // biblatex's `origdate`, "the publication date of the original edition"
    // (biblatex manual §2.2.2), of a reprint or translation (schema 0028).
    // Older biblatex and BibTeX styles write `origyear` (tester r27 F11).
    d.original_year = e
        .fields
        .get("origdate")
        .or_else(|| e.fields.get("origyear"))
        .map(|f| Val::new(collapse(&verbatim(&f.raw)), at(f)))
        .filter(|v| !v.text.is_empty());
    // biblatex's `origlanguage`, "the language of the original work" of a
    // translation (biblatex manual §2.2.2): the original-language facet,
    // which makes the reading a translation. A language canon does not know
    // is said and not stored.
    // biblatex's `origtitle`, "the title of the original work" of a
    // translation (biblatex manual §2.2.2): stored (schema 0030).
    d.original_title = get("origtitle");
    // Where an archival document is kept (schema 0039; tester r96 F3): the
    // `archive` and `archive_location` fields that exporters write from
    // Zotero's and CSL's fields. biblatex's `library`, "a library name and a
    // call number" (biblatex manual §2.2.2), is a library's holding, which
    // canon keeps no more than Zotero's "Call Number": named as not stored,
    // except beside an archive (below).
    d.archive = get("archive");
    d.archive_location = get("archive_location").or_else(|| get("archivelocation"));
    // (Beside an `archive` with no place in it, `library` is that archive's
    // shelf mark, "CO 209/16", read as the archive location.)
    let library_read = d.archive.is_some() && d.archive_location.is_none() && get("library").is_some();
    if library_read {
        d.archive_location = get("library");
    }
    // The conference a paper was given at: biblatex's `eventtitle`, `venue`
    // ("the location of a conference") and `eventdate` (biblatex manual
    // §2.2.2), inherited from a crossref'd `@proceedings` as biber does
    // (schema 0040; tester r98 F2: named as not stored). The date as
    // written, ISO ("2020-11-08/2020-11-11") in biblatex.
    d.event = get("eventtitle");
    d.event_place = get("venue");
    d.event_date = get("eventdate");
    if let Some(f) = e.fields.get("origlanguage") {
        let t = collapse(&latex_to_unicode(&f.raw));
        if !t.is_empty() {
            match super::language::normalise_list(&t) {
                Ok(code) => d.facets.original_language = Some(code),
                Err(why) => d.warnings.push(RowError::new(
                    at(f).line,
                    at(f).column,
                    format!("{}origlanguage {t:?} not stored: {why}", d.prefix()),
                )),
            }
        }
    }
    d.title = val("title").filter(|v| !v.text.is_empty());
    if let Some(f) = e.fields.get("title").filter(|f| whole_habit && !f.inherited)
        && let Some(inner) = wrapped_whole(&f.raw)
        && latex_to_rich(inner) != latex_to_rich(&f.raw)
    {
        let (l, c) = lines.pos(f.at);
        let whose = if mendeley {
            "Mendeley Desktop's, which wraps every title so"
        } else {
            "Web of Science's, which wraps every field so"
        };
        d.warnings.push(RowError::new(
            l,
            c,
            format!(
                "in entry `{name}`: title: the braces around the whole title are {whose}: read as an ordinary \
                 title, whose case a style changes as it does any title's; to keep a word's case, brace that word \
                 alone (\"{{eGFR}}\")"
            ),
        ));
    }
    // biblatex's `subtitle` is part of the title (biblatex manual §2.2.2):
    // "Title: Subtitle", as the other formats give it (tester r24, F8: it
    // was named as not stored and the reference lost it).
    if let (Some(t), Some(sub)) = (d.title.as_mut(), val("subtitle").filter(|v| !v.text.is_empty())) {
        let sep = if t.text.trim_end().ends_with(['?', '!', ':', '.']) { " " } else { ": " };
        t.text = format!("{}{sep}{}", t.text.trim_end(), sub.text.trim());
    }
    if d.title.is_none() {
        d.title = Some(Val::new("", Pos::new(line, col)));
    }
    // biblatex's pubstate ("inpress", "forthcoming") stands in for a missing year.
    // biblatex's `pubstate = {prepublished}` marks a preprint (its
    // localisation key, biblatex manual §4.9.2.11): no state of the date, the
    // genre "Preprint" (below).
    let prepublished = val("pubstate").is_some_and(|v| v.text.trim().eq_ignore_ascii_case("prepublished"));
    d.date = ["year", "date", "pubstate"]
        .iter()
        .filter(|f| !(prepublished && **f == "pubstate"))
        .find_map(|f| val(f).filter(|v| !v.text.is_empty()));
    // With a year, the pubstate goes to the builder, which names it (never dropped silently).
    if ["year", "date"].iter().any(|f| val(f).is_some_and(|v| !v.text.is_empty())) && !prepublished {
        d.pub_state = val("pubstate").filter(|v| !v.text.is_empty());
    }
    d.doi = e.fields.get("doi").map(|f| Val::new(verbatim(&f.raw), at(f)));
    // The PMID: `pmid` (JabRef, Zotero, PubMed2BibTeX), or BibLaTeX's `eprint`
    // with `eprinttype = {pubmed}` (biblatex manual §3.13.7), or `{pmid}`
    // as some exporters write it (tester r71 F15: named as not stored).
    let pubmed_eprint = e.fields.get("eprinttype").is_some_and(|f| {
        let t = verbatim(&f.raw);
        ["pubmed", "pmid"].iter().any(|k| t.trim().eq_ignore_ascii_case(k))
    });
    d.pmid = e
        .fields
        .get("pmid")
        .or_else(|| e.fields.get("eprint").filter(|_| pubmed_eprint))
        .map(|f| Val::new(verbatim(&f.raw), at(f)));
    // The PubMed Central ID (`pmcid`, as JabRef and PubMed2BibTeX write it)
    // and the arXiv ID (`eprint` with `eprinttype = {arxiv}` or arXiv's
    // `archivePrefix = {arXiv}`; Google Scholar's "arXiv preprint
    // arXiv:…" journal): stored (schema 0041; tester r100 F5).
    d.pmcid = e.fields.get("pmcid").map(|f| Val::new(verbatim(&f.raw), at(f)));
    let arxiv_eprint = e
        .fields
        .get("eprinttype")
        .or_else(|| e.fields.get("archiveprefix"))
        .is_some_and(|f| verbatim(&f.raw).trim().eq_ignore_ascii_case("arxiv"));
    d.eprint =
        e.fields.get("eprint").filter(|_| arxiv_eprint).map(|f| Val::new(verbatim(&f.raw), at(f))).or_else(|| {
            scholar_arxiv(e).map(|id| Val::new(id, e.fields.get("journal").map_or(Pos::new(line, col), at)))
        });
    d.isbn = e.fields.get("isbn").map(|f| Val::new(verbatim(&f.raw), at(f)));
    d.isbn_rule = IsbnRule::FirstValid;
    d.isbn_field = Some("BibTeX isbn");
    d.url = e.fields.get("url").map(|f| verbatim(&f.raw)).filter(|s| !s.is_empty());
    d.url_at = e.fields.get("url").map(at);
    // Plain BibTeX has no `url`: a web page's address goes in
    // `howpublished = {\url{…}}` (natbib, Google Scholar; tester r17, F9).
    let howpublished_url = e
        .fields
        .get("howpublished")
        .map(|f| verbatim(&f.raw))
        .filter(|u| (u.starts_with("http://") || u.starts_with("https://")) && !u.contains(' '));
    if d.url.is_none() {
        d.url = howpublished_url.clone();
        d.url_at = e.fields.get("howpublished").map(at);
    }
    // An e-print in a repository (biblatex manual §3.13.7: `eprint` with
    // `eprinttype`, or arXiv's own export's `archivePrefix`): its address,
    // when the entry has none, and an arXiv preprint's repository as its
    // publisher when it names none (APA 7 §10.8; tester r27 F7: the
    // reference named neither).
    let eprint_url =
        eprint_address(e).or_else(|| scholar_arxiv(e).map(|id| (format!("https://arxiv.org/abs/{id}"), Some("arXiv"))));
    // A *Rxiv e-print that is the entry's DOI adds no address.
    let eprint_is_doi = eprint_url.as_ref().and_then(|(u, _)| u.strip_prefix("https://doi.org/")).is_some_and(|x| {
        d.doi
            .as_ref()
            .is_some_and(|v| crate::import::same_doi(&crate::import::normalise_doi(&v.text).unwrap_or_default(), x))
    });
    // (A `@misc` with an address is a web page; one with an e-print is not.)
    let from_eprint = d.url.is_none() && eprint_url.is_some();
    if d.url.is_none() && !eprint_is_doi {
        d.url = eprint_url.as_ref().map(|(u, _)| u.clone());
    }
    // An editor is an editor: a book with only editors is cited by them through
    // the style's substitution rule (CSL `<substitute>`), never as their author.
    // `and others` ends a truncated list: the builder keeps it as the "et al." flag.
    d.authors = e.fields.get("author").map_or_else(Vec::new, |f| authors(&f.raw));
    d.editors = e.fields.get("editor").map_or_else(Vec::new, |f| authors(&f.raw));
    // biblatex `translator` (biblatex manual §2.2.2), a name list as `editor` is.
    d.translators = e.fields.get("translator").map_or_else(Vec::new, |f| authors(&f.raw));
    // "and others" ending an editor or translator list: canon keeps an "et
    // al." for authors only, so the names given are kept and the cut said
    // (tester r59 F2: the list was cut in silence, printed "(Ed.)" as if
    // whole).
    // (An editor list's "and others" is the builder's "et al." flag, schema
    // 0038, as an author list's is.)
    {
        let (field, list) = ("translator", &mut d.translators);
        let before = list.len();
        list.retain(|n| !builder::is_et_al(n));
        if list.len() < before
            && let Some(f) = e.fields.get(field)
        {
            let (l, c) = lines.pos(f.at);
            d.warnings.push(RowError::new(
                l,
                c,
                format!(
                    "in entry `{}`: the {field} list ends \"and others\": the {} named {} kept, and the styles \
                     print {} as the whole list (canon keeps \"et al.\" for authors and editors only); add the other \
                     names to cite them",
                    e.key,
                    if list.len() == 1 { field.to_string() } else { format!("{} {field}s", list.len()) },
                    if list.len() == 1 { "is" } else { "are" },
                    if list.len() == 1 { "it" } else { "them" }
                ),
            ));
        }
    }
    // biblatex's `editortype` gives the role of the `editor` list ("editor"
    // when absent; "compiler", "founder", "continuator", "redactor",
    // "reviser", "collaborator", "organizer", "translator"…, biblatex
    // manual §2.2.2 and §4.9.2.13). A translator joins the translators; any
    // other role is not an editor's, so the names are not printed as
    // editors: said, and named as not stored (tester r27 F2: a compiler was
    // printed "(Ed.)").
    let role = role_of_editors(e);
    let editors_read = match role.as_deref() {
        None | Some("editor") => true,
        Some("translator") => {
            for n in std::mem::take(&mut d.editors) {
                if !d.translators.iter().any(|t| t.original == n.original) {
                    d.translators.push(n);
                }
            }
            true
        }
        Some(other) => {
            let f = &e.fields["editortype"];
            let names: Vec<String> = d.editors.drain(..).map(|n| n.original).collect();
            d.warnings.push(RowError::new(
                at(f).line,
                at(f).column,
                format!(
                    "in {}: editor {:?} has editortype {other:?}, a role canon has no field for; the names are \
                     not stored (canon keeps editors and translators)",
                    d.label.as_deref().unwrap_or("entry"),
                    names.join(" and ")
                ),
            ));
            false
        }
    };
    // An unbraced institution (`author = {World Health Organization}`) is a
    // person by BibTeX's rules ("Organization, W. H."): said, with the braces
    // that keep it whole (btxdoc §4, "{Barnes and Noble, Inc.}").
    // (An `editor` list with editortype "translator" is among the translators now.)
    let editor_names: Vec<Name> = d.editors.iter().chain(&d.translators).cloned().collect();
    let lists = [("author", d.authors.clone()), ("editor", editor_names), ("translator", d.translators.clone())];
    for (field, names) in lists {
        if let Some(f) = e.fields.get(field) {
            // Each name is warned of at its own line and column: a list
            // written over several lines names the line the name is on.
            let value_at = lines.text.get(f.at..).and_then(|t| t.find(f.raw.as_str())).map(|o| f.at + o);
            let parts = name_parts(&f.raw);
            // Pieces before `covered` were named in an institution's warning.
            let mut covered = 0;
            for (i, p) in parts.iter().copied().enumerate() {
                let here = match value_at {
                    Some(v) => {
                        let lead = p.len() - p.trim_start().len();
                        let (l, c) = lines.pos(v + (p.as_ptr() as usize - f.raw.as_ptr() as usize) + lead);
                        Pos::new(l, c)
                    }
                    None => at(f),
                };
                if p.trim().is_empty() {
                    let message = format!(
                        "{}{field} has an empty name (\"and\" twice, or at an end); read as one separator",
                        d.prefix()
                    );
                    d.warnings.push(RowError::new(here.line, here.column, message));
                    continue;
                }
                if i < covered {
                    continue;
                }
                // An institution's name, split at its "and"s or not: kept
                // whole ([`institution_run`]), said once with the braces
                // that hold all of it.
                if let Some(k) = institution_run(&parts, i) {
                    covered = i + 1 + k;
                    let l = institution_text(&parts[i..=i + k]);
                    if names.iter().any(|n| n.literal.as_deref() == Some(l.as_str())) {
                        d.warnings.push(RowError::new(here.line, here.column, institution_kept(&d, field, &l, k)));
                    }
                    builder::degree_doubts(&mut d, field, &l, here);
                    continue;
                }
                let one: Vec<Name> = author(p).into_iter().filter(|n| names.contains(n)).collect();
                // A name read as a person that may be an institution's, with
                // pieces after an "and" that may be the rest of it: the
                // braces that keep it whole hold them all, and each is named
                // (tester r33 F7). (A person's name with an initial is
                // continued by no piece.)
                let next = continuation(&parts, i);
                if one.iter().any(names::looks_institutional) {
                    covered = i + 1 + next.len();
                }
                // (A role written before the names is the builder's to read and say.)
                let lower = p.trim().to_lowercase();
                let role_led =
                    builder::EDITOR_BEFORE.iter().chain(builder::TRANSLATOR_BEFORE).any(|w| lower.starts_with(w));
                let one = if role_led { Vec::new() } else { one };
                builder::institution_doubts(&mut d, field, &one, here, |n| match next.as_slice() {
                    [] => format!("write it in braces, {{{n}}}"),
                    [q] => {
                        format!("write the whole name in braces, {{{n} and {q}}} ({q:?} was read as another author)")
                    }
                    qs => format!(
                        "write the whole name in braces, {{{n} and {}}} ({} were read as other authors)",
                        qs.join(" and "),
                        qs.iter().map(|q| format!("{q:?}")).collect::<Vec<_>>().join(", ")
                    ),
                });
                if names::ends_with_braced_suffix(p) {
                    builder::name_doubts(&mut d, field, &one, here, names::bibtex_braced_suffix_doubt);
                } else {
                    builder::name_doubts(&mut d, field, &one, here, names::bibtex_suffix_doubt);
                }
                if !p.contains('{') {
                    builder::name_doubts(&mut d, field, &one, here, names::bibtex_compound_doubt);
                }
                if !p.trim().starts_with('{') {
                    builder::name_doubts(&mut d, field, &one, here, names::cjk_whole_doubt);
                    builder::name_doubts(&mut d, field, &one, here, names::given_first_script_doubt);
                }
                builder::degree_doubts(&mut d, field, &collapse(&latex_to_unicode(p)), here);
            }
        }
    }
    // `month = apr` (the standard macro), `{April}` or `4`: the month; a season
    // is kept apart (below). biblatex's `date = 2019-04-02` gives it in the date.
    // A month that is none (`{Smarch}`, `{13}`) goes too, for the builder's
    // warning naming it (tester r33 F2: it was dropped unsaid).
    let no_month = |v: &Val| {
        crate::import::dates::month_day(&v.text).0.is_none()
            && (v.text.trim().is_empty() || builder::season_of(&v.text).is_some())
    };
    d.month = val("month").filter(|v| !no_month(v));
    // Web of Science's `EarlyAccessDate` ("JAN 2021", its plain text's
    // `EA`): a record with no year yet is dated by it and ahead of print,
    // as its plain text's is; beside a year it is named with what it is
    // (it was named as a bare field).
    let early_access = val("earlyaccessdate").filter(|v| !v.text.trim().is_empty());
    if let Some(ea) = &early_access {
        let year = ea.text.split_whitespace().find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
        match year {
            Some(y) if d.date.is_none() => {
                d.date = Some(Val::new(y, ea.at));
                let month = ea.text.split_whitespace().find(|w| crate::import::dates::month_day(w).0.is_some());
                if d.month.is_none() {
                    d.month = month.map(|m| Val::new(m, ea.at));
                }
                if e.kind.eq_ignore_ascii_case("article") {
                    d.pub_state = Some(Val::new(super::AHEAD_OF_PRINT, ea.at));
                }
            }
            _ => d.not_stored_as(format!(
                "BibTeX earlyaccessdate (Web of Science's early access date, {:?}: when the work was published \
                 online before its issue; canon keeps no online date)",
                ea.text.trim()
            )),
        }
    }
    // biblatex `date` beside a `year` (Zotero's Better BibTeX writes both):
    // the month and day when no `month` gives them; the builder checks the
    // two name one year.
    if d.month.is_none() && val("year").is_some_and(|v| !v.text.is_empty()) {
        // An approximate date (`950~`, `c. 950`) goes too: its marker is kept
        // when it names the year; and an uncertain one (`1998?`) or a range
        // (`1998/2000`), which the builder names (12t).
        // A date of another year goes too, for the builder's warning naming both.
        let year = val("year").and_then(|v| builder::read_date(&v.text));
        d.month = val("date").filter(|v| {
            use crate::import::dates;
            dates::month_day(&v.text).0.is_some()
                || dates::approximate(&v.text)
                || dates::uncertain(&v.text)
                || dates::year_range(&v.text).is_some()
                || matches!(builder::read_date(&v.text), Some(builder::Dated::Year(_)) if builder::read_date(&v.text) != year)
        });
    }
    // `day = {3}` (biblatex's legacy field; BibTeX styles ignore it) beside
    // a `month`: the day. Without a month it has no date to belong to: named.
    if let Some(v) = val("day").filter(|v| !v.text.trim().is_empty()) {
        let (month, day) = d.month.as_ref().map(|m| crate::import::dates::month_day(&m.text)).unwrap_or_default();
        if month.is_some() && day.is_none() {
            d.day = Some(v);
        } else if month.is_none() {
            let why =
                if d.month.is_some() { "its month is none" } else { "the entry gives no month for it to belong to" };
            d.warnings.push(RowError::new(
                v.at.line,
                v.at.column,
                format!("{}day {:?} not stored: {why}", d.prefix(), v.text.trim()),
            ));
        }
    }
    // `month = {winter}` (or biblatex's season code in `date`: 2019-24).
    d.season = val("month").filter(|v| builder::season_of(&v.text).is_some());
    // biblatex's `date` is EDTF (biblatex manual §2.3.8): "2019-22" is a
    // season there; a `year` is not ("2020-21" is an academic year).
    let from_date = |v: &Option<Val>| v.as_ref().is_some_and(|v| val("date").is_some_and(|x| x.at == v.at));
    d.date_edtf = from_date(&d.date) || from_date(&d.month);
    // biblatex marks an `@article` in a newspaper or a magazine with
    // `entrysubtype` (biblatex manual §2.1.1, article): its type is kept.
    let subtype = get("entrysubtype").map(|s| s.trim().to_lowercase());
    builder::unknown_type(&mut d, Pos::new(line, col), "BibTeX entry type", &e.kind, ENTRY_TYPES);
    // A work posted on a preprint server (biblatex `pubstate =
    // {prepublished}`, an e-print of arXiv or a *Rxiv, or Zotero's export of
    // a Preprint: `@misc` with `publisher = {medRxiv}`) is an article, as
    // CSL-JSON's preprints are, not a web page: the styles cite it as a
    // preprint in its repository (APA 7 §10.8; tester r30, F8).
    let posted = prepublished
        || eprint_url.as_ref().is_some_and(|(_, repo)| repo.is_some())
        || get("publisher").is_some_and(|p| builder::is_preprint_server(&p));
    // A DOI's resolver link as the only address makes no web page (tester
    // r55 F4: a `@misc` with `url = {https://doi.org/…}` was cited
    // "[Internet]" with the link percent-encoded, never as its DOI).
    let web_address = d.url.as_deref().is_some_and(|u| crate::import::doi_of_url(u).is_none()) && !from_eprint;
    d.kind = KindSrc::Mapped(match (entry_kind(&e.kind, web_address), subtype.as_deref()) {
        ("article", Some("newspaper")) => "newspaper-article",
        ("article", Some("magazine")) => "magazine-article",
        ("web" | "other", _)
            if posted && matches!(e.kind.as_str(), "misc" | "online" | "unpublished" | "electronic" | "www") =>
        {
            "article"
        }
        (k, _) => k,
    });
    // `series` is the series (a book's, or the proceedings'); a book's is never
    // its container. Other entries without a journal or booktitle keep the
    // series as their container as before, and as the series too.
    d.series = get("series");
    // A @techreport's series is its series too (printed as one: "(Technical
    // Report Series)", Citing Medicine ch. 15), never its container.
    let series_apart = matches!(entry_kind(&e.kind, web_address), "book" | "report");
    // Google Scholar's "arXiv preprint arXiv:2107.10356" is no journal: the
    // e-print's repository is cited (above).
    let scholar = scholar_arxiv(e).is_some();
    d.container = ["journal", "journaltitle", "booktitle"]
        .iter()
        .filter(|f| !(scholar && **f == "journal"))
        .find_map(|f| get(f))
        .or_else(|| if series_apart { None } else { get("series") });
    // A whole book's `booktitle` that is its own title (a `@proceedings`
    // written with both, for its papers to inherit) is no container: the
    // book is not in itself (tester r80 F4).
    if series_apart
        && let (Some(c), Some(t)) = (d.container.as_deref(), d.title.as_ref())
        && crate::import::title_key(c) == crate::import::title_key(&t.text)
    {
        d.container = None;
    }
    // biblatex's `booksubtitle` joins the book's title, as `subtitle` joins
    // the title: "Reimagining Global Health: An Introduction".
    let booksubtitle_read = get("booksubtitle").is_some_and(|sub| {
        let Some(c) = d.container.as_mut().filter(|c| get("booktitle").as_deref() == Some(c.as_str())) else {
            return false;
        };
        let sep = if c.trim_end().ends_with(['?', '!', ':', '.']) { " " } else { ": " };
        *c = format!("{}{sep}{}", c.trim_end(), sub.trim());
        true
    });
    d.volume = get("volume");
    let book_in_main = main_title(e, &mut d, &get, booksubtitle_read);
    d.issue = get("number").or_else(|| get("issue"));
    // Each said at its own field, as the year and DOI are (tester r63 F8).
    let field_at = |n: &str| e.fields.get(n).filter(|f| !f.raw.trim().is_empty()).map(at);
    d.volume_at = field_at("volume");
    d.issue_at = field_at("number").or_else(|| field_at("issue"));
    // A whole book's (or proceedings') `volume` beside its `series`, with no
    // `number`, is its number in the series (btxdoc §2.2: "volume … of a
    // multi-volume book" is given with `series` as "volume 7 of Lecture
    // Notes…"): kept where Zotero's "Series Number" and CSL's
    // `collection-number` are, so the two copies of one book merge into one
    // number and no style cites it as "Vol. 7" of a multi-volume work
    // (tester r80 F4, F7). A volume of a set (`maintitle`, `volumes`, an
    // `@mv…` entry) keeps its volume.
    // The rule is [`Draft::volume_numbers_series`], shared with RIS and
    // EndNote XML.
    // A paper's or chapter's `volume` beside its book's `series` is the
    // book's number in the series too (btxdoc §2.2 gives `volume` or
    // `number` with `series` for `@inproceedings` and `@incollection`
    // alike): one meaning for the proceedings and each of its papers,
    // whether written in the paper or inherited by crossref, and for the
    // paper's `number` beside `series` (tester r85 F5, F7).
    let kind = entry_kind(&e.kind, web_address);
    let whole_book = kind == "book" && !MULTI_VOLUME.contains(&e.kind.as_str());
    let part = matches!(kind, "chapter" | "conference-paper");
    if (whole_book || part) && !book_in_main && get("maintitle").is_none() && get("volumes").is_none() {
        d.volume_numbers_series(kind);
    }
    d.pages_at = field_at("pages");
    // `type` is the kind of work within the entry type ("Policy Brief" on a
    // `@techreport`, "PhD thesis"; btxdoc §2.2 "type: the type of a
    // technical report"), CSL's `genre`. biblatex's localisation keys
    // (`phdthesis`, `techreport`…, biblatex manual §4.9.2.13) are written out.
    // `@phdthesis` and `@mastersthesis` say the degree by their entry type
    // ("similar to @thesis except that the type field is optional and
    // defaults to the localised term 'PhD thesis'", biblatex manual §2.1.2, type aliases),
    // so a style prints "[dissertation]" or "PhD diss." for them as for
    // `@thesis` with `type = {phdthesis}`.
    // A `type` that names no degree ("Dissertation") on a `@mastersthesis`
    // or `@phdthesis` takes the entry type's ("Master's dissertation"): the
    // degree is never lost nor guessed (tester r22, F6).
    let degree_word = match e.kind.as_str() {
        "phdthesis" => Some("PhD"),
        "mastersthesis" => Some("Master's"),
        _ => None,
    };
    let stated_genre =
        get("type").filter(|t| !t.trim().is_empty()).map(|t| genre_of_type(&t)).map(|g| match degree_word {
            Some(w) if builder::thesis_degree(&g).is_none() && !g.contains(' ') => format!("{w} {}", g.to_lowercase()),
            _ => g,
        });
    // Without `type`, the genre is only what the entry type implies: a
    // default, never another list's stated genre's replacement (tester r92 F1).
    d.genre_implied = stated_genre.is_none();
    d.genre = stated_genre
        .or_else(|| {
            match e.kind.as_str() {
                "phdthesis" => Some("phdthesis"),
                "mastersthesis" => Some("mathesis"),
                _ => None,
            }
            .map(genre_of_type)
        })
        .or_else(|| builder::genre_of_type_name(&e.kind).or_else(|| builder::film_of_type(&e.kind)).map(str::to_string))
        .or_else(|| prepublished.then(|| "Preprint".to_string()));
    // A paper's `note` that only says what was presented ("Poster",
    // "Keynote address"), with no `type`: the genre, said (tester r109 B1:
    // Chicago cited a poster as a paper in proceedings). The note is kept.
    if d.genre_implied
        && matches!(e.kind.as_str(), "inproceedings" | "conference")
        && let Some(f) = e.fields.get("note")
    {
        let note = collapse(&latex_to_unicode(&f.raw));
        let note = note.trim().trim_end_matches('.');
        if is_presentation_note(note) {
            d.genre = Some(note.to_string());
            d.genre_implied = false;
            d.warnings.push(RowError::new(
                at(f).line,
                at(f).column,
                format!("{}note {note:?} read as the genre (what was presented), as `type` would give it", d.prefix()),
            ));
        }
    }
    d.pages = get("pages");
    // biblatex's `pagetotal`: "the total number of pages of the work"
    // (biblatex manual §2.2.2), a book's extent, never its page range.
    d.page_count = get("pagetotal");
    // biblatex's `eid` ("electronic identifier of an @article", biblatex
    // manual §2.2.2) and ACM's `articleno`: the article number, kept as the
    // locator of an article without pages.
    if matches!(d.kind, KindSrc::Mapped("article" | "newspaper-article" | "magazine-article")) {
        let number = ["eid", "articleno"].iter().find_map(|f| text_val(f).filter(|v| !v.text.is_empty()));
        let field = if get("eid").is_some() { "eid" } else { "articleno" };
        d.article_number(field, number);
    }
    d.publisher = ["publisher", "institution", "school", "organization"].iter().find_map(|f| get(f));
    // (Mendeley Reference Manager writes the place as `city`: tester r107
    // F1, named as "no field" and lost.)
    d.place = get("address").or_else(|| get("location")).or_else(|| get("city"));
    // Web of Science's BibTeX export (keys and `unique-id` "WOS:…") writes
    // journals and publishers in capitals, as its plain text does ("NEW
    // ENGLAND JOURNAL OF MEDICINE"), its `journal-iso` the abbreviation and
    // its `address` the publisher's street address, no place of
    // publication (tester r44: "LANCET" and "860 WINTER ST, WALTHAM, MA
    // 02451-1413 USA" were stored as written).
    let wos = e.key.get(..4).is_some_and(|k| k.eq_ignore_ascii_case("WOS:"))
        || get("unique-id").is_some_and(|u| u.trim().get(..4).is_some_and(|k| k.eq_ignore_ascii_case("WOS:")));
    if wos {
        let iso = get("journal-iso");
        d.container = d.container.take().map(|c| super::wos::source_case(&c, iso.as_deref()));
        d.publisher = d.publisher.take().map(|p| super::wos::source_case(&p, None));
        if get("location").is_none() && d.place.take().is_some() {
            d.not_stored_as("BibTeX address (Web of Science's street address of the publisher, no place)".into());
        }
        // Its `type` is the Web of Science document type ("Editorial
        // Material", "Article; Early Access"), read as its `DT` is (tester
        // r103 F5: printed "[editorial material]", "[Early Access]").
        if let (Some(t), Some(at)) = (get("type"), field_at("type")) {
            d.genre = builder::genre_of_type_name(&e.kind).map(str::to_string);
            d.genre_implied = true;
            super::wos::document_type(&t).apply(&mut d, at);
        }
    }
    // biblatex's `version` ("the revision number of a piece of software, a
    // manual, etc.", biblatex manual §2.2.2): the edition when there is none.
    d.edition = get("edition").or_else(|| get("version").map(|v| builder::version_as_edition(&v)));
    // `note` and `extra` carry Zotero's Extra field ("PMID: …", "DOI: …"
    // lines, then free text): the builder takes the identifiers from them
    // and keeps the rest as the note, after `annotation`/`annote`.
    d.annotation = ["annotation", "annote"].iter().find_map(|f| get(f));
    let extra: Vec<Val> = ["extra", "note"]
        .iter()
        .filter_map(|n| e.fields.get(*n))
        .map(|f| Val::new(extra_lines(&f.raw), at(f)))
        .filter(|v| !v.text.is_empty())
        .collect();
    if let Some(first) = extra.first() {
        let text = extra.iter().map(|v| v.text.as_str()).collect::<Vec<_>>().join("\n");
        d.extra = Some(Val::new(text, first.at));
    }
    // biblatex takes babel's and polyglossia's names there ("american",
    // "ngerman"; several joined by "and"): each read as its language tag.
    d.language = get("language").or_else(|| get("langid")).map(|l| {
        let parts: Vec<String> = l
            .split(" and ")
            .map(|p| super::language::babel(p).map_or_else(|| p.trim().to_string(), str::to_string))
            .collect();
        parts.join("; ")
    });
    // A language canon does not know is warned about at its own field.
    d.language_at = e.fields.get(if get("language").is_some() { "language" } else { "langid" }).map(at);
    // Scopus's BibTeX writes the authors' keywords as `author_keywords`
    // (its CSV as "Author Keywords"): keywords as well (tester r17, F28).
    for k in ["keywords", "author_keywords"] {
        if let Some(f) = e.fields.get(k) {
            let text = latex_to_unicode(&f.raw);
            d.keywords.extend(split_cell(&text).map(|k| Val::new(k, at(f))));
        }
    }
    // The journal's abbreviation: biblatex's `shortjournal`, Scopus's
    // `abbrev_source_title` (its CSV's "Abbreviated Source Title").
    d.container_short = get("shortjournal").or_else(|| get("abbrev_source_title")).or_else(|| get("journal-iso"));
    if let Some(f) = e.fields.get("themes") {
        let text = latex_to_unicode(&f.raw);
        d.themes = split_cell(&text).map(|k| Val::new(k, at(f))).collect();
    }
    let eprint_read = (pubmed_eprint && !e.fields.contains_key("pmid"))
        || (arxiv_eprint && e.fields.contains_key("eprint"))
        || eprint_is_doi
        || eprint_url.as_ref().is_some_and(|(u, _)| d.url.as_deref() == Some(u.as_str()));
    if let Some((_, repository)) = eprint_url.as_ref().filter(|_| eprint_read)
        && d.publisher.is_none()
        && d.container.is_none()
        && let Some(name) = repository
    {
        d.publisher = Some(name.to_string());
    }
    // `howpublished` that is no address ("medRxiv", "World Health
    // Organization"): "how something strange has been published" (btxdoc
    // §2.2), where a `@misc` appeared; kept as its publisher when the entry
    // names none (tester r41 B3: a medRxiv preprint lost its repository).
    let howpublished_text = get("howpublished").filter(|h| {
        let h = h.trim();
        !h.is_empty()
            && h.chars().count() <= 120
            && !h.contains("://")
            && !h.to_lowercase().starts_with("www.")
            && !h.contains('\\')
            // "Online", "[Internet]": the medium (biblatex and JabRef
            // templates write it for every web source), never a publisher
            // (tester r57 F2: "Online; 2022 Feb" in Vancouver); named as not stored.
            && !is_medium(h)
    });
    let howpublished_publisher = d.publisher.is_none() && d.container.is_none() && howpublished_text.is_some();
    if howpublished_publisher {
        d.publisher = howpublished_text.map(|h| h.trim().to_string());
    }
    // Fields of which one is read in turn (`journal` or `journaltitle`,
    // `publisher` or `institution`, `address` or `location`, `number` or
    // `issue`…): a value the entry does not keep anywhere is named as not
    // stored, never dropped because its neighbour was read.
    let mut kept: Vec<String> = [
        d.title.as_ref().map(|v| v.text.clone()),
        d.container.clone(),
        d.series.clone(),
        d.issue.clone(),
        d.publisher.clone(),
        d.place.clone(),
        d.annotation.clone(),
        d.language.clone(),
        // (The book's title, joined by its subtitle in the container.)
        get("booktitle").filter(|_| booksubtitle_read || book_in_main),
    ]
    .into_iter()
    .flatten()
    .collect();
    // (Google Scholar's arXiv "journal", read as the e-print.)
    if scholar {
        kept.extend(get("journal"));
    }
    // (Web of Science's capitals kept in title case, its street address
    // named above.)
    if wos {
        kept.extend(["journal", "publisher", "address"].iter().filter_map(|f| get(f)));
    }
    let article_read = d.pages.as_deref().is_some_and(|p| p.starts_with(builder::ARTICLE));
    // `entrysubtype` is read when it makes an article a newspaper's or a
    // magazine's; `date` beside a `year` when it gave the month (or names the
    // same year), else it is named.
    let subtype_read = matches!(d.kind, KindSrc::Mapped("newspaper-article" | "magazine-article"));
    let date_read = match (val("date"), val("year")) {
        (Some(date), Some(year)) => {
            d.month.as_ref().is_some_and(|m| m.text == date.text)
                || (crate::import::dates::month_day(&date.text).0.is_none()
                    && builder::read_date(&date.text) == builder::read_date(&year.text))
        }
        _ => true,
    };
    // `origyear` beside an `origdate` of another year is named.
    let origyear_read = match (e.fields.get("origdate"), e.fields.get("origyear")) {
        (Some(a), Some(b)) => builder::read_date(&verbatim(&a.raw)) == builder::read_date(&verbatim(&b.raw)),
        _ => true,
    };
    let read: Vec<&str> = BIBTEX_READ
        .iter()
        .copied()
        .filter(|f| !BIBTEX_ALTERNATIVES.contains(f) || get(f).is_none_or(|v| kept.contains(&v)))
        .filter(|f| (*f != "entrysubtype" || subtype_read) && (*f != "date" || date_read))
        .filter(|f| editors_read || !matches!(*f, "editor" | "editortype"))
        .filter(|f| *f != "origyear" || origyear_read)
        .filter(|f| *f != "version" || !e.fields.contains_key("edition"))
        .filter(|f| *f != "booksubtitle" || booksubtitle_read)
        .chain(if article_read { vec!["eid", "articleno"] } else { Vec::new() })
        .chain(howpublished_url.filter(|u| d.url.as_deref() == Some(u.as_str())).map(|_| "howpublished"))
        .chain(howpublished_publisher.then_some("howpublished"))
        .chain(library_read.then_some("library"))
        .chain(early_access.is_some().then_some("earlyaccessdate"))
        // (A book's author who is the part's author too: read as the author.)
        .chain(get("bookauthor").filter(|b| get("author").as_ref() == Some(b)).map(|_| "bookauthor"))
        .collect();
    d.not_stored(
        "BibTeX",
        e.fields
            .keys()
            .map(String::as_str)
            .filter(|k| !(eprint_read && matches!(*k, "eprint" | "eprinttype" | "archiveprefix"))),
        &read,
    );
    d
}

/// An e-print's address from `eprint` and its type (`eprinttype`, or
/// `archiveprefix` as arXiv writes it), for the types biblatex resolves
/// (biblatex manual §3.13.7: arXiv, JSTOR, handles, Google Books), with the
/// repository's name where it is one a reference names (arXiv). `None` for
/// another type (`pubmed` is the PMID, read apart) or no `eprint`.
/// Whether `howpublished` names the medium of a work ("Online", "[Internet]",
/// "Web page", "Print") rather than who made it public.
fn is_medium(h: &str) -> bool {
    let h = h.trim().trim_start_matches('[').trim_end_matches([']', '.']).trim().to_lowercase();
    matches!(
        h.as_str(),
        "online"
            | "on-line"
            | "online only"
            | "online publication"
            | "online resource"
            | "internet"
            | "web"
            | "www"
            | "website"
            | "web site"
            | "webpage"
            | "web page"
            | "world wide web"
            | "electronic"
            | "electronic resource"
            | "print"
            | "digital"
            | "e-book"
            | "ebook"
    )
}

/// The arXiv identifier of an entry as Google Scholar exports every arXiv
/// paper: `@article` with `journal = {arXiv preprint arXiv:2107.10356}` and
/// no `eprint` (tester r57 F4: cited as an article in a journal called
/// "arXiv Preprint"). `None` for any other journal.
fn scholar_arxiv(e: &Entry) -> Option<String> {
    if e.fields.contains_key("eprint") {
        return None;
    }
    let journal = verbatim(&e.fields.get("journal")?.raw);
    let rest =
        journal.trim().strip_prefix("arXiv preprint").or_else(|| journal.trim().strip_prefix("ArXiv preprint"))?;
    let id = rest.trim().strip_prefix("arXiv:").or_else(|| rest.trim().strip_prefix("arxiv:")).unwrap_or(rest.trim());
    // A new-style identifier (2107.10356, with a version) or an old one
    // (math/0601001, hep-th/9901001).
    let new_style = id.split_once('.').is_some_and(|(a, b)| {
        a.len() == 4
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.trim_end_matches(|c: char| c.is_ascii_digit() || c == 'v').is_empty()
            && b.len() >= 4
    });
    let old_style = id.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'.')
            && b.len() >= 7
            && b.bytes().all(|c| c.is_ascii_digit())
    });
    (new_style || old_style).then(|| id.to_string())
}

fn eprint_address(e: &Entry) -> Option<(String, Option<&'static str>)> {
    let id = verbatim(&e.fields.get("eprint")?.raw).trim().to_string();
    let kind = e.fields.get("eprinttype").or_else(|| e.fields.get("archiveprefix"))?;
    let kind = verbatim(&kind.raw).trim().to_lowercase();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return None;
    }
    Some(match kind.as_str() {
        "arxiv" => {
            let id = id.strip_prefix("arXiv:").or_else(|| id.strip_prefix("arxiv:")).unwrap_or(&id);
            (format!("https://arxiv.org/abs/{id}"), Some("arXiv"))
        }
        "jstor" => (format!("https://www.jstor.org/stable/{id}"), None),
        "hdl" => (format!("https://hdl.handle.net/{id}"), None),
        "googlebooks" => (format!("https://books.google.com/books?id={id}"), None),
        // A *Rxiv's e-print is its DOI ("10.1101/2021.01.01.21249123"): the
        // address through doi.org, the server the repository.
        k if k.ends_with("rxiv") => {
            // medRxiv's and bioRxiv's DOIs are 10.1101/ and the e-print's ID.
            let doi = if id.starts_with("10.") {
                id.clone()
            } else if matches!(k, "medrxiv" | "biorxiv") && id.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                format!("10.1101/{id}")
            } else {
                return None;
            };
            let name = match k {
                "medrxiv" => "medRxiv",
                "biorxiv" => "bioRxiv",
                "psyarxiv" => "PsyArXiv",
                "socarxiv" => "SocArXiv",
                "chemrxiv" => "ChemRxiv",
                _ => return None,
            };
            (format!("https://doi.org/{doi}"), Some(name))
        }
        _ => return None,
    })
}

/// The role biblatex's `editortype` gives the entry's `editor` list, in
/// small letters (`None` when the field is absent or empty); biblatex's
/// "editor" is the default (biblatex manual §2.2.2).
fn role_of_editors(e: &Entry) -> Option<String> {
    let t = verbatim(&e.fields.get("editortype")?.raw).trim().to_lowercase();
    (!t.is_empty()).then_some(t)
}

/// A BibTeX/biblatex `type` field as the genre: biblatex's localisation keys
/// (biblatex manual §4.9.2.13: `mathesis`, `phdthesis`, `candthesis`,
/// `techreport`, `resreport`, `software`, `datacd`, `audiocd`) as the words
/// biblatex prints for them; any other value as written.
pub(crate) fn genre_of_type(t: &str) -> String {
    let t = t.trim();
    match t.to_ascii_lowercase().as_str() {
        "mathesis" => "Master's thesis",
        "phdthesis" => "PhD thesis",
        "candthesis" => "Candidate thesis",
        "techreport" => "Technical report",
        "resreport" => "Research report",
        "software" => "Computer software",
        "datacd" => "CD-ROM",
        "audiocd" => "Audio CD",
        _ => return t.to_string(),
    }
    .to_string()
}

/// Whether a `note` names only what a paper was at its conference: a
/// poster, a keynote, a talk, an oral presentation (the words of
/// conferences' programmes), which a style prints as the genre.
fn is_presentation_note(note: &str) -> bool {
    matches!(
        note.to_lowercase().as_str(),
        "poster"
            | "poster presentation"
            | "poster session"
            | "e-poster"
            | "keynote"
            | "keynote address"
            | "keynote lecture"
            | "keynote presentation"
            | "oral presentation"
            | "paper presentation"
            | "invited talk"
            | "invited paper"
            | "invited lecture"
            | "plenary lecture"
            | "plenary address"
            | "talk"
            | "presentation"
    )
}

/// The BibTeX fields of which one is read in turn: named when the entry
/// keeps their value nowhere.
const BIBTEX_ALTERNATIVES: &[&str] = &[
    "journal",
    "journaltitle",
    "booktitle",
    "number",
    "issue",
    "publisher",
    "institution",
    "school",
    "organization",
    "address",
    "location",
    "city",
    "annotation",
    "annote",
    "language",
    "langid",
];

/// The fields [`draft`] reads as written, without decoding LaTeX: dates,
/// identifiers and addresses.
const VERBATIM: &[&str] = &["urldate", "origdate", "origyear", "date", "pmid", "doi", "isbn", "url", "crossref"];

/// The BibTeX fields [`draft`] reads (`crossref` is resolved before; `month`
/// and `day` belong to the date, of which canon stores the year).
const BIBTEX_READ: &[&str] = &[
    "eventtitle",
    "venue",
    "eventdate",
    "archive",
    "archive_location",
    "archivelocation",
    "urldate",
    "origdate",
    "origyear",
    "origlanguage",
    "origtitle",
    "version",
    "booksubtitle",
    "maintitle",
    "mainsubtitle",
    "pmid",
    "pmcid",
    "title",
    "subtitle",
    "year",
    "date",
    "pubstate",
    "doi",
    "isbn",
    "url",
    "author",
    "editor",
    "editortype",
    "translator",
    "journal",
    "journaltitle",
    "booktitle",
    "series",
    "entrysubtype",
    "extra",
    "volume",
    "volumes",
    "number",
    "issue",
    "pages",
    "pagetotal",
    "publisher",
    "institution",
    "school",
    "organization",
    "address",
    "location",
    "city",
    "edition",
    "annotation",
    "annote",
    "note",
    "language",
    "langid",
    "keywords",
    "author_keywords",
    "shortjournal",
    "abbrev_source_title",
    "journal-iso",
    "themes",
    "crossref",
    "month",
    "day",
    "type",
];

/// A DOI, URL or ISBN as written: braces dropped and `\_`, `\%`, `\&`, `\#`,
/// `\~` unescaped, `\url{…}` unwrapped; no other LaTeX decoding (URLs may
/// hold `--` and `~`).
fn verbatim(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.strip_prefix("\\url").unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            // A control word for a sign ("{\textless}", Mendeley's way of
            // writing a SICI DOI's "<": tester r48, F19, stored as the word
            // "textless"); a backslash before any other sign escapes it.
            '\\' if chars.peek().is_some_and(char::is_ascii_alphabetic) => {
                let mut word = String::new();
                while let Some(&l) = chars.peek().filter(|l| l.is_ascii_alphabetic()) {
                    word.push(l);
                    chars.next();
                }
                match word.as_str() {
                    "textless" => out.push('<'),
                    "textgreater" => out.push('>'),
                    "textunderscore" => out.push('_'),
                    "textasciitilde" => out.push('~'),
                    "textasciicircum" => out.push('^'),
                    "textbar" => out.push('|'),
                    "textbackslash" => out.push('\\'),
                    "textdollar" => out.push('$'),
                    "textampersand" => out.push('&'),
                    _ => out.push_str(&word),
                }
            }
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    super::spaces_collapsed(&out)
}

/// Whitespace runs made single spaces, ends trimmed.
/// A `note`/`extra` field's text with the lines Zotero writes its Extra
/// field in kept apart ("Original Date: 1959", "original-title: …", "PMID:
/// …", then free text), so that each is read as CSL-JSON's `note` is; lines
/// of a note the file wrapped (none of them a "Label: value" line) are one
/// paragraph again. Tester r71 F1: every line was run into one, the
/// original title was lost and the original year with it.
fn extra_lines(raw: &str) -> String {
    const BREAK: char = '\u{E00A}';
    let text = latex_to_unicode(&raw.replace("\r\n", "\n").replace('\n', &BREAK.to_string()));
    let labelled = |l: &str| {
        l.split_once(':').is_some_and(|(label, value)| {
            let words: Vec<&str> = label.split_whitespace().collect();
            !value.trim().is_empty()
                && (1..=4).contains(&words.len())
                && label.len() <= 30
                && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '_')))
        })
    };
    let mut lines: Vec<String> = Vec::new();
    for line in text.split(BREAK).map(collapse).filter(|l| !l.is_empty()) {
        match lines.last_mut() {
            Some(prev) if !labelled(&line) && !labelled(prev) => {
                prev.push(' ');
                prev.push_str(&line);
            }
            _ => lines.push(line),
        }
    }
    lines.join("\n")
}

fn collapse(s: &str) -> String {
    // (A no-break space is kept as written: tester r111 F5.)
    super::spaces_collapsed(s)
}

/// Authors from a raw `author` value: split on ` and ` outside braces, each
/// read by BibTeX's name rules; "others" (et al.) kept as a literal
/// "others", which the builder turns into the truncated-list flag.
/// An unbraced institution's name split at an "and" is one name again
/// ([`institution_run`]: "Centers for Disease Control and Prevention").
fn authors(raw: &str) -> Vec<Name> {
    let parts = name_parts(raw);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        match institution_run(&parts, i) {
            Some(k) => {
                out.push(Name::literal(&institution_text(&parts[i..=i + k])));
                i += k + 1;
            }
            None => {
                out.extend(author(parts[i]));
                i += 1;
            }
        }
    }
    out
}

/// One name of a BibTeX list.
fn author(p: &str) -> Option<Name> {
    if p.trim().eq_ignore_ascii_case("others") {
        return Some(Name::literal("others"));
    }
    if plainly_institution(p) || (!user_braced(p) && names::lower_case_comma_body(&collapse(&latex_to_unicode(p)))) {
        return Some(Name::literal(&collapse(&latex_to_unicode(p))));
    }
    names::parse_bibtex(p, |x| collapse(&latex_to_unicode(x)))
}

/// The warning for an unbraced institution's name `l` kept whole, `k` the
/// number of "and"s BibTeX's rule would have split it at: the braces that
/// keep it whole hold all of it; of two words, the way to write a person's
/// ("Rose Society") is said too.
fn institution_kept(d: &Draft, field: &str, l: &str, k: usize) -> String {
    if k > 0 {
        let pieces = l.split(" and ").map(|q| format!("{q:?}")).collect::<Vec<_>>().join(", ");
        return format!(
            "{}{field} {l:?} looks like an institution's name: kept whole, as written (BibTeX's rule would read it \
             as {} names, {pieces}); to be sure, write the whole name in braces, {{{l}}}",
            d.prefix(),
            ["two", "three", "four", "five"].get(k - 1).map_or_else(|| (k + 1).to_string(), |w| (*w).to_string())
        );
    }
    let person = match l.split_once(' ') {
        Some((a, b))
            if !b.contains(' ')
                && !BODY_FIRST_WORDS.contains(&a.to_lowercase().as_str())
                && !names::led_by_acronym(l)
                && !names::two_words_headed(l) =>
        {
            format!("; if it is a person's, write it \"{b}, {a}\"")
        }
        _ => String::new(),
    };
    format!(
        "{}{field} {l:?} looks like an institution's name: kept whole, as written (BibTeX's rule would read it as \
         a person's); to be sure, write it in braces, {{{l}}}{person}",
        d.prefix()
    )
}

/// The pieces after `parts[i]` that read as the rest of its name, cut
/// from it by an "and" BibTeX takes for a separator ("Prevention", "Care
/// Excellence", "Human Services"): capitalised words that are no person's
/// name ([`names::continues_institution`]) and no body of their own
/// ([`own_institution`]). A name with an initial is continued by none.
fn continuation(parts: &[&str], i: usize) -> Vec<String> {
    // "Robert Service and Ana Escola": a person's two words "Given Family"
    // on either side is no institution's name cut by "and"
    // ([`names::given_name_pair`]): two people.
    if with_initial(parts[i]) || names::given_name_pair(&collapse(&latex_to_unicode(parts[i]))) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for raw in &parts[i + 1..] {
        let q = collapse(&latex_to_unicode(raw));
        // "Family Welfare, India" after "Ministry of Health": the end of the
        // body's name and its country, not a person whose given name is the
        // place (tester r94 F1); it ends the name.
        if let Some((end, place)) = q.rsplit_once(',')
            && !raw.contains('{')
            && !end.contains(',')
            && names::place_name(place)
            && names::continues_institution(end.trim())
            && !own_institution(end.trim())
        {
            out.push(q);
            break;
        }
        if raw.contains([',', '{'])
            || founders_at(parts, i + 1 + out.len())
            || !names::continues_institution(&q)
            || own_institution(&q)
            || names::given_name_pair(&q)
        {
            break;
        }
        out.push(q);
    }
    out
}

/// Whether the names of `parts` from `i` are one institution's unbraced
/// name: `Some(k)`, the number of pieces after `parts[i]` that belong to
/// it (0 for none), when `parts[i]` alone or with its continuation
/// ([`continuation`]) is plainly an institution's ([`plainly_institution`]).
/// One rule for every name list: a name canon takes for an institution's
/// is kept whole, "and" and all (tester r87 F3: "National Institute for
/// Health and Care Excellence" was an institution and a person "Care
/// Excellence").
fn institution_run(parts: &[&str], i: usize) -> Option<usize> {
    let p = parts[i];
    // "Bill and Melinda Gates Foundation": the body's word at the end makes
    // the names before the "and" its own ([`names::founders_body`]).
    if founders_at(parts, i) {
        return Some(1);
    }
    // "Ministry of Health, Government of India": a body on each side of
    // the comma is one body's name, not "Last, First".
    if !user_braced(p) && names::body_comma_body(&collapse(&latex_to_unicode(p))) {
        return Some(0);
    }
    // "icddr,b" unbraced: a body's name, as in every other format (tester
    // r106 F2: read by BibTeX's rule as the person "icddr, b", unsaid).
    if !user_braced(p) && names::lower_case_comma_body(&collapse(&latex_to_unicode(p))) {
        return Some(0);
    }
    let next = continuation(parts, i);
    if plainly_institution(p) {
        return Some(next.len());
    }
    let whole = institution_text(&parts[i..=i + next.len()]);
    (!next.is_empty() && !p.contains([',', '{']) && plainly_institution(&whole)).then_some(next.len())
}

/// Whether `parts[i]` and the piece after it are one body named after its
/// founders, cut by its "and" ([`names::founders_body`]), neither braced.
fn founders_at(parts: &[&str], i: usize) -> bool {
    match (parts.get(i), parts.get(i + 1)) {
        (Some(a), Some(b)) if !a.contains('{') && !b.contains('{') => {
            names::founders_body(&collapse(&latex_to_unicode(a)), &collapse(&latex_to_unicode(b)))
        }
        _ => false,
    }
}

/// An institution's name from the pieces an "and" cut it into, as written.
fn institution_text(parts: &[&str]) -> String {
    parts.iter().map(|q| collapse(&latex_to_unicode(q))).collect::<Vec<_>>().join(" and ")
}

/// Words that name a body, never a person's name, in an unbraced name of
/// three words or more ("Ministry of Health of Ghana", "World Health
/// Organization").
const BODY_WORDS: &[&str] = &[
    "ministry",
    "organization",
    "organisation",
    "association",
    "council",
    "society",
    "institute",
    "university",
    "department",
    "committee",
    "commission",
    "foundation",
    "agency",
    "federation",
    "academy",
    "consortium",
    "government",
    "bureau",
    "authority",
];

/// Whether an unbraced name without a comma is plainly an institution's:
/// three words or more, one of them a body's ([`BODY_WORDS`]), and not cut
/// by an "and" from words that continue it ("Council on Ethical and
/// Judicial Affairs", advised whole instead). Kept whole as the RIS,
/// EndNote and CSV importers keep such a name, and said (tester r85 F8:
/// "Ministry of Health of Ghana" printed "of Health of Ghana M").
fn plainly_institution(p: &str) -> bool {
    if user_braced(p) || p.contains(',') {
        return false;
    }
    let t = collapse(&latex_to_unicode(p));
    let words: Vec<String> =
        t.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    // An initial ("Robert W. Service") or a small word first says person;
    // so does a known given name before one other word ("Anne Bureau",
    // "Robert Service": [`names::given_name_pair`]).
    if with_initial(&t) || !t.starts_with(char::is_uppercase) || names::given_name_pair(&t) {
        return false;
    }
    // One word: an acronym with small letters or a Russian body's short
    // name ("BfArM", "Росстат": [`names::one_word_body`]); "Aristotle"
    // stays a person of one name.
    if words.len() == 1 && names::one_word_body(&t) {
        return true;
    }
    // One word in capitals throughout, an acronym ("INSERM", "UNICEF",
    // "BRAC"), as a CSV cell and RIS read it (tester r106 F3: a person's
    // family name, with advice to write it in its own case).
    if acronym_word(&t) {
        return true;
    }
    // A body's word, or its plural ("Centers for Disease Control").
    let one_body = |w: &str| BODY_WORDS.contains(&w) || TAIL_BODY_WORDS.contains(&w);
    let body = |w: &String| one_body(w) || w.strip_suffix('s').is_some_and(one_body);
    // Three words or more with a body's word among them; two words or
    // more ending in one ("Health Council", "National Health Service":
    // tester n86, read as "Council, Health").
    // Of two words, only a word that is no one's family name ("Council",
    // not "Service", "Board", "Trust": Robert Service, John Board), unless
    // the first is no one's given name ("World Bank", "National Trust").
    let last = words.last().map(String::as_str).unwrap_or_default();
    let first = words.first().map(String::as_str).unwrap_or_default();
    (words.len() >= 3 && words.iter().any(body))
        || (words.len() == 2
            && TAIL_BODY_WORDS.contains(&last)
            && (!SURNAME_BODY_WORDS.contains(&last) || BODY_FIRST_WORDS.contains(&first)))
        // A country's or a body's acronym first ("NHS England", "UK Biobank").
        || names::led_by_acronym(&t)
        // "Médecins Sans Frontières", "Reporters Without Borders".
        || names::has_body_phrase(&t)
        || head_worded(&t, words.len())
}

/// Whether an unbraced name is an institution's by a head word of any
/// language canon reads, the one table a cell's reader uses
/// ([`names::has_head_word`]: "Bundesministerium für Gesundheit",
/// "Instituto de Salud Carlos III", "Robert Koch-Institut", "Ministère de
/// la Santé"; tester r90 F1: read as the persons "für Gesundheit B" and
/// "de Salud Carlos I 3rd" while "World Health Organization" was kept
/// whole). Of one word, not by a word that is a family name too
/// ("Service", "Bureau", "College": [`SURNAME_BODY_WORDS`]); of two, as
/// [`names::two_words_headed`] reads them.
fn head_worded(t: &str, words: usize) -> bool {
    const SURNAMES_TOO: &[&str] = &["school", "office", "bureau", "college", "trust", "centre", "center", "verein"];
    match words {
        0 => false,
        1 => names::has_head_word(t, &[SURNAME_BODY_WORDS, SURNAMES_TOO].concat()),
        2 => names::two_words_headed(t),
        _ => names::has_head_word(t, &[]),
    }
}

/// Whether a name of a list is written in braces by its user, whole or in
/// part ("{World Health Organization}", "{Barnes and Noble}, Inc."): a
/// group with a space in it, or one that begins the name. An accent's
/// braces ("M{\'e}decins", "{\"U}ber") are no such group.
fn user_braced(p: &str) -> bool {
    let t = p.trim();
    if t.starts_with('{') && !t.starts_with("{\\") {
        return true;
    }
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && depth > 0 => return true,
            _ => {}
        }
    }
    false
}

/// First words of bodies' names that are no one's given name ("Health
/// Council", "Medical Research Council").
const BODY_FIRST_WORDS: &[&str] = &[
    "health",
    "national",
    "medical",
    "research",
    "public",
    "royal",
    "global",
    "international",
    "federal",
    "state",
    "european",
    "world",
    "science",
    "education",
];

/// Words of [`TAIL_BODY_WORDS`] that are family names too.
const SURNAME_BODY_WORDS: &[&str] =
    &["service", "board", "trust", "group", "center", "centre", "college", "network", "bank", "union", "fund"];

/// Whether a name written in natural order has an initial ("Robert W.
/// Service"), as a person's name has and a body's does not.
fn with_initial(p: &str) -> bool {
    p.split_whitespace().any(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters == 1 || (w.ends_with('.') && letters <= 2)
    })
}

/// Words that end a body's name ("Health Council", "National Health
/// Service", "Wellcome Trust"), singular: an unbraced name of two words or
/// more that ends in one is an institution's, and a piece after an "and"
/// that ends in one is another institution, not the rest of the one
/// before ("Health Council of the Netherlands and National Health
/// Service"; "Department of Health and Human Services" is one name).
const TAIL_BODY_WORDS: &[&str] = &[
    "council",
    "service",
    "ministry",
    "department",
    "organization",
    "organisation",
    "institute",
    "agency",
    "commission",
    "association",
    "society",
    "board",
    "committee",
    "foundation",
    "university",
    "trust",
    "network",
    "group",
    "centre",
    "center",
    "college",
    "consortium",
    "federation",
    "academy",
    "bureau",
    "authority",
    "alliance",
    // "United Nations Children's Fund" (tester r87 F3: read as "Fund, U. N. C.").
    "fund",
    "programme",
    "office",
    "secretariat",
    "partnership",
    "collaboration",
    "coalition",
    "initiative",
    "observatory",
    "hospital",
    "clinic",
    "bank",
    "union",
];

/// Whether a piece after an "and" in an unbraced name list is an
/// institution's name of its own ([`TAIL_BODY_WORDS`]), not the rest of
/// the name before it.
fn own_institution(q: &str) -> bool {
    // "BRAC and UNICEF": an acronym is a body of its own.
    if acronym_word(q) {
        return true;
    }
    let words: Vec<&str> = q.split_whitespace().collect();
    // A head word of any language ("Paul-Ehrlich-Institut", "Instituto de
    // Salud Carlos III"): a body of its own, as [`plainly_institution`] reads it.
    if head_worded(q, words.len()) {
        return true;
    }
    // A body's phrase ("Reporters Without Borders") names a body of its own.
    if names::has_body_phrase(q) {
        return true;
    }
    words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "for" | "the" | "on" | "in"))
        && words.last().is_some_and(|w| {
            TAIL_BODY_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
        })
}

/// Whether `t` is one word in capitals throughout, an acronym ("INSERM",
/// "UNICEF", "BRAC"): a body's name, as a CSV cell and RIS read it (tester
/// r106 F3: a person's family name, with advice to write it in its own case).
fn acronym_word(t: &str) -> bool {
    let t = t.trim();
    !t.contains(char::is_whitespace)
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.chars().any(char::is_lowercase)
        && t.chars().all(|c| c.is_alphanumeric() || "-&.".contains(c))
}

/// The names of a BibTeX name list as written, split at each top-level "and".
fn name_parts(raw: &str) -> Vec<&str> {
    let b = raw.as_bytes();
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut j = 0;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 1,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            c if depth == 0
                && c.is_ascii_whitespace()
                && b.len() > j + 4
                && b[j + 1..j + 4].eq_ignore_ascii_case(b"and")
                && b[j + 4].is_ascii_whitespace() =>
            {
                parts.push(if start <= j { &raw[start..j] } else { &raw[j..j] });
                // The space after "and" may start the next one: "A and and
                // B" has an empty name between them, said by the caller.
                j += 4;
                start = j + 1;
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    parts.push(&raw[start.min(raw.len())..]);
    parts
}

/// Commands whose argument is the text, by design (the command goes, its
/// argument stays): fonts and boxes that carry no meaning canon keeps, and
/// `\url`; with `\href` (its address kept too) and `\noopsort`, `\noop`
/// (their argument dropped), which `command` reads.
const PASS_THROUGH: &[&str] = &[
    "url",
    "path",
    "href",
    "noopsort",
    "noop",
    "textup",
    "textrm",
    "textsf",
    "texttt",
    "textmd",
    "textnormal",
    "upshape",
    "rmfamily",
    "sffamily",
    "ttfamily",
    "mdseries",
    "normalfont",
    "mbox",
    "hbox",
    "text",
    "mathrm",
    "mathit",
    "mathbf",
    "mathsf",
    "mathtt",
    "ensuremath",
    "enquote",
    "mkbibquote",
    "protect",
    "relax",
];

/// Whether canon's LaTeX decoding knows the command `\name`: an accent, a
/// letter or symbol, a font or markup command, or one whose argument is
/// the text ([`PASS_THROUGH`]).
fn known_command(name: &str) -> bool {
    let mut one = name.chars();
    let single_accent = matches!((one.next(), one.next()), (Some(a), None) if is_letter_accent(a));
    single_accent
        || named_accent(name).is_some()
        || symbol(name).is_some()
        || rich_tag(name).is_some()
        || PASS_THROUGH.contains(&name)
}

/// A LaTeX command canon does not know, as [`unknown_commands`] finds it.
#[derive(Debug, PartialEq)]
struct Unknown {
    /// Byte offset of its backslash in the value.
    at: usize,
    name: String,
    /// The text of the braced argument after it, which the decoding keeps.
    arg: Option<String>,
}

/// The commands in a raw LaTeX value that the decoding drops without
/// knowing them (`\unknownmacro{arg}` is read as "arg"), for a warning:
/// the text kept may not be the text meant.
fn unknown_commands(raw: &str) -> Vec<Unknown> {
    let c: Vec<(usize, char)> = raw.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].1 != '\\' {
            i += 1;
            continue;
        }
        if !c.get(i + 1).is_some_and(|(_, ch)| ch.is_ascii_alphabetic()) {
            // `\\`, `\&`, `\'`: skip the escaped character too.
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j < c.len() && c[j].1.is_ascii_alphabetic() {
            j += 1;
        }
        let end = c.get(j).map_or(raw.len(), |(o, _)| *o);
        let name = &raw[c[i + 1].0..end];
        if !known_command(name) {
            let mut k = j;
            while c.get(k).is_some_and(|(_, ch)| *ch == ' ') {
                k += 1;
            }
            let arg = (c.get(k).map(|(_, ch)| *ch) == Some('{')).then(|| {
                let mut depth = 0usize;
                let mut m = k;
                while m < c.len() {
                    match c[m].1 {
                        '\\' => m += 1,
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    m += 1;
                }
                let to = c.get(m).map_or(raw.len(), |(o, _)| *o);
                collapse(&latex_to_unicode(raw.get(c[k].0 + 1..to).unwrap_or_default()))
            });
            // An empty argument (`\foo{}`) is none: the command is kept.
            let arg = arg.filter(|a| !a.is_empty());
            out.push(Unknown { at: c[i].0, name: name.to_string(), arg });
        }
        i = j;
    }
    out
}

/// Letter-like commands without arguments.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "ss" => "ß",
        "SS" => "SS",
        "o" => "ø",
        "O" => "Ø",
        "aa" => "å",
        "AA" => "Å",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "l" => "ł",
        "L" => "Ł",
        "i" => "ı",
        "j" => "ȷ",
        "dh" => "ð",
        "DH" => "Ð",
        "th" => "þ",
        "TH" => "Þ",
        "ng" => "ŋ",
        "NG" => "Ŋ",
        "dj" => "đ",
        "DJ" => "Đ",
        // The Vietnamese letters of the T5 encoding (vntex; biber's recode
        // table): the horn letters and vntex's other name for đ (tester89
        // F1: "H{\uhorn}{\ohorn}ng" was stored "Hng").
        "uhorn" => "ư",
        "Uhorn" | "UHORN" => "Ư",
        "ohorn" => "ơ",
        "Ohorn" | "OHORN" => "Ơ",
        "dd" => "đ",
        "DD" => "Đ",
        "ij" => "ĳ",
        "IJ" => "Ĳ",
        "quotedblbase" => "„",
        "quotesinglbase" => "‚",
        "guilsinglleft" => "‹",
        "guilsinglright" => "›",
        "textcent" => "¢",
        "textyen" => "¥",
        "textordfeminine" => "ª",
        "textordmasculine" => "º",
        "textdong" => "₫",
        "textendash" => "–",
        "textemdash" => "—",
        "textquoteright" => "’",
        "textquoteleft" => "‘",
        "textquotedblleft" => "“",
        "textquotedblright" => "”",
        "textregistered" => "®",
        "texttrademark" => "™",
        "textcopyright" | "copyright" => "©",
        "textdegree" => "°",
        "textellipsis" | "ldots" | "dots" => "…",
        "guillemotleft" | "guillemetleft" => "«",
        "guillemotright" | "guillemetright" => "»",
        "S" => "§",
        "P" => "¶",
        "pounds" => "£",
        "euro" => "€",
        "textbackslash" => "\\",
        // LaTeX2e's text symbols (Mendeley writes a title's HTML tags as
        // `{\textless}i{\textgreater}`: tester r35 F1).
        "textless" => "<",
        "textgreater" => ">",
        "textbar" => "|",
        "textasciitilde" => "~",
        "textasciicircum" => "^",
        // (textcomp; tester r109 F7: exports write the ʻokina of Tongan,
        // Samoan and Hawaiian names as a backtick, `Tu{\textasciigrave}itahi`.)
        "textasciigrave" => "`",
        "textasciiacute" => "´",
        "textasciidieresis" => "¨",
        "textasciimacron" => "¯",
        "textasciicaron" => "ˇ",
        "textasciibreve" => "˘",
        "textunderscore" => "_",
        "textquotedbl" => "\"",
        "textquotesingle" => "'",
        "textbraceleft" => "{",
        "textbraceright" => "}",
        "textdollar" => "$",
        "textsterling" => "£",
        "textbullet" => "•",
        "textperiodcentered" => "·",
        "textdaggerdbl" | "ddag" => "‡",
        "textdagger" | "dag" => "†",
        "textsection" => "§",
        "textparagraph" => "¶",
        "textonehalf" => "½",
        "textonequarter" => "¼",
        "textthreequarters" => "¾",
        "textmu" => "µ",
        "texttimes" => "×",
        "textdiv" => "÷",
        "textpm" => "±",
        "textminus" => "−",
        "textpertenthousand" => "‱",
        "textperthousand" => "‰",
        "textexclamdown" => "¡",
        "textquestiondown" => "¿",
        "textnumero" => "№",
        "textcelsius" => "℃",
        "textohm" => "Ω",
        "textvisiblespace" => "␣",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        // The Greek alphabet of LaTeX's math mode, `\var` forms included
        // (medical titles: Cohen's κ, ω-3, χ², ΔF508; tester r56 F3: all but
        // seven were dropped).
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ϵ",
        "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "vartheta" => "ϑ",
        "iota" => "ι",
        "kappa" => "κ",
        "varkappa" => "ϰ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "omicron" => "ο",
        "pi" => "π",
        "varpi" => "ϖ",
        "rho" => "ρ",
        "varrho" => "ϱ",
        "sigma" => "σ",
        "varsigma" => "ς",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" => "ϕ",
        "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Upsilon" => "Υ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        // (`textcomp`'s and math mode's degree: "37$^{\circ}$C" is 37°C.)
        "circ" | "degree" => "°",
        "times" => "×",
        "cdot" => "·",
        "pm" => "±",
        "mp" => "∓",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "infty" => "∞",
        "rightarrow" | "to" => "→",
        "leftarrow" => "←",
        "uparrow" => "↑",
        "downarrow" => "↓",
        "ll" => "≪",
        "gg" => "≫",
        "prime" => "′",
        "partial" => "∂",
        "newline" | "par" | "quad" | "qquad" | "space" | "\\" => " ",
        _ => return None,
    })
}

/// LaTeX text made Unicode: accents composed, `{}` dropped, `--` and `---`
/// made dashes, `~` a space, quotes made typographic, unknown commands
/// dropped with their argument kept. In math mode (`$…$`) a subscript or
/// superscript is written inline ("HbA$_{1c}$" is "HbA1c", "CD4$^+$"
/// "CD4+": tester r19, F6), as the same title's `<sub>`/`<sup>` from other
/// formats reads without its tags.
pub fn latex_to_unicode(s: &str) -> String {
    latex_text(s, false)
}

/// A title's LaTeX made Unicode as [`latex_to_unicode`] does, with its
/// italics, bold, small capitals and super- and subscripts kept as the
/// rich-text markup canon keeps from CSL-JSON and Zotero (`<i>…</i>`,
/// `<b>`, `<sc>`, `<sup>`, `<sub>`): `\emph{…}`, `\textit{…}`,
/// `\mkbibemph{…}`, `{\em …}`, `{\itshape …}`, `\textbf{…}`,
/// `\textsc{…}`, `\textsuperscript{…}`, `\textsubscript{…}`. A species
/// name in italics is then printed in italics and never title-cased (tester
/// r21, F3: "Homo Sapiens").
pub fn latex_to_rich(s: &str) -> String {
    let mut out = latex_text(s, true);
    for t in ["i", "b", "sc", "sup", "sub"] {
        out = out.replace(&format!("<{t}></{t}>"), "");
    }
    out
}

/// The markup tag a LaTeX font command stands for: `(tag, takes an
/// argument)`; `\em` and `\itshape` switch the rest of their group.
fn rich_tag(name: &str) -> Option<(&'static str, bool)> {
    Some(match name {
        "emph" | "textit" | "textsl" | "mkbibemph" | "mkbibitalic" => ("i", true),
        "em" | "itshape" | "it" | "slshape" | "sl" => ("i", false),
        "textbf" | "mkbibbold" => ("b", true),
        "bfseries" | "bf" => ("b", false),
        "textsc" => ("sc", true),
        "scshape" | "sc" => ("sc", false),
        "textsuperscript" | "mkbibsuperscript" => ("sup", true),
        "textsubscript" => ("sub", true),
        _ => return None,
    })
}

/// For each brace group a style must not recase, where it opens: BibTeX's
/// brace protection ("{de novo}", "{eGFR}", "{{A whole title}}") of a group
/// holding a word that starts with a lower-case letter (title case would
/// change it). A group that starts with a command (`{\\"u}`, `{\\em …}`,
/// `{\\noopsort{a}}`) is an accent or a font switch, and a group right
/// after a command's name its argument: neither is a protection. Linear in
/// the text (a deeply nested field is not scanned once per group).
fn protected_groups(c: &[char]) -> Vec<bool> {
    // Lower-case word starts before each position (prefix sums).
    let mut starts = vec![0u32; c.len() + 1];
    let mut start = true;
    for (k, &ch) in c.iter().enumerate() {
        let lower_start = match ch {
            '{' | '}' => false,
            '\\' => {
                start = false;
                false
            }
            x if x.is_whitespace() || x == '-' || x == '/' => {
                start = true;
                false
            }
            x if start && x.is_alphabetic() => {
                start = false;
                x.is_lowercase()
            }
            _ => {
                start = false;
                false
            }
        };
        starts[k + 1] = starts[k] + u32::from(lower_start);
    }
    let mut out = vec![false; c.len()];
    let mut open: Vec<usize> = Vec::new();
    let close = |o: usize, end: usize, out: &mut Vec<bool>| {
        out[o] = c.get(o + 1).is_some_and(|n| *n != '\\') && !follows_command(&c[..o]) && starts[end] > starts[o + 1];
    };
    for (k, &ch) in c.iter().enumerate() {
        match ch {
            '\\' if matches!(c.get(k + 1), Some('{' | '}')) => {}
            '{' if k == 0 || c[k - 1] != '\\' => open.push(k),
            '}' if k == 0 || c[k - 1] != '\\' => {
                if let Some(o) = open.pop() {
                    close(o, k, &mut out);
                }
            }
            _ => {}
        }
    }
    while let Some(o) = open.pop() {
        close(o, c.len(), &mut out);
    }
    out
}

/// Whether text ends with a command's name (`\\mbox`, `\\foo `): a group
/// after it is the command's argument, not a protection.
fn follows_command(before: &[char]) -> bool {
    let mut t = before.iter().rev().skip_while(|c| **c == ' ');
    let mut letters = 0;
    for c in t.by_ref() {
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else {
            return letters > 0 && *c == '\\';
        }
    }
    false
}

fn latex_text(s: &str, rich: bool) -> String {
    let c: Vec<char> = s.chars().collect();
    let protected = if rich { protected_groups(&c) } else { Vec::new() };
    // Protected groups open around this point (an inner one is not marked again).
    let mut nocase_open = 0usize;
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut math = false;
    let mut single_open = false;
    // Per open brace group, the tags to close with it (rich text only).
    let mut groups: Vec<Vec<&'static str>> = Vec::new();
    while i < c.len() {
        match c[i] {
            '$' => {
                math = !math;
                i += 1;
            }
            // In a title, a subscript or superscript in math mode is kept
            // as the `<sub>`/`<sup>` canon keeps from CSL-JSON ("NO$_2$",
            // "H$_{2}$O", "CD4$^+$": tester r68 F8, flattened to "NO2"); a
            // symbol as the script ("37$^{\circ}$C") is the symbol inline.
            '_' | '^' if math && rich => {
                let tag = if c[i] == '_' { "sub" } else { "sup" };
                match c.get(i + 1) {
                    Some('{') if c.get(i + 2) != Some(&'\\') => {
                        out.push_str(&format!("<{tag}>"));
                        groups.push(vec![tag]);
                        i += 2;
                    }
                    Some(&n) if n.is_alphanumeric() || matches!(n, '+' | '-' | '*') => {
                        out.push_str(&format!("<{tag}>{n}</{tag}>"));
                        i += 2;
                    }
                    _ => i += 1,
                }
            }
            '_' | '^' if math => i += 1,
            // A group that keeps its words' case ("{de novo}", "{eGFR}",
            // "{{A whole title}}": BibTeX's brace protection) is kept as
            // CSL-JSON's `<span class="nocase">`, so that a style that
            // changes case leaves it as written (testers r55 F3, r59 F9:
            // Chicago printed "De Novo"). Only a group a style could change
            // is marked: one with a word that starts in lower case; "{HIV}"
            // and "{African}" are printed as written anyway.
            '{' if rich && protected[i] && nocase_open == 0 => {
                out.push_str("<span class=\"nocase\">");
                nocase_open += 1;
                groups.push(vec!["span"]);
                i += 1;
            }
            '{' => {
                groups.push(Vec::new());
                i += 1;
            }
            '}' => {
                let group = groups.pop().unwrap_or_default();
                if group.contains(&"span") {
                    nocase_open -= 1;
                }
                for t in group.iter().rev() {
                    out.push_str(&format!("</{t}>"));
                }
                i += 1;
            }
            '\\' if rich && c.get(i + 1).is_some_and(char::is_ascii_alphabetic) => {
                let start = i + 1;
                let mut j = start;
                while j < c.len() && c[j].is_ascii_alphabetic() {
                    j += 1;
                }
                let name: String = c[start..j].iter().collect();
                match rich_tag(&name) {
                    Some((tag, true)) => {
                        let mut k = j;
                        while c.get(k) == Some(&' ') {
                            k += 1;
                        }
                        if c.get(k) == Some(&'{') {
                            out.push_str(&format!("<{tag}>"));
                            groups.push(vec![tag]);
                            i = k + 1;
                        } else {
                            i = command(&c, i + 1, &mut out);
                        }
                    }
                    Some((tag, false)) => {
                        // Outside any group it switches the rest of the field.
                        out.push_str(&format!("<{tag}>"));
                        if groups.is_empty() {
                            groups.push(Vec::new());
                        }
                        if let Some(g) = groups.last_mut() {
                            g.push(tag);
                        }
                        i = if c.get(j) == Some(&' ') { j + 1 } else { j };
                    }
                    _ => i = command(&c, i + 1, &mut out),
                }
            }
            '~' => {
                // A tie is a no-break space: kept as one where French
                // typography writes it, after « and before », :, ;, ! and ?
                // (tester r111 F5: "«~santé~»" was stored with plain
                // spaces); elsewhere (between initials, "Fig.~1") a space.
                let next = c.get(i + 1).copied();
                let french = out.ends_with(['«', '‹']) || matches!(next, Some('»' | '›' | ':' | ';' | '!' | '?'));
                out.push(if french { '\u{a0}' } else { ' ' });
                i += 1;
            }
            '-' if c.get(i + 1) == Some(&'-') => {
                if c.get(i + 2) == Some(&'-') {
                    out.push('—');
                    i += 3;
                } else {
                    out.push('–');
                    i += 2;
                }
            }
            '`' if c.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if c.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            // TeX's single quotes, `ethnicity' (tester r56: the backtick
            // was kept); an apostrophe inside a word stays one.
            '`' => {
                out.push('‘');
                single_open = true;
                i += 1;
            }
            '\'' if single_open && !c.get(i + 1).is_some_and(|n| n.is_alphanumeric()) => {
                out.push('’');
                single_open = false;
                i += 1;
            }
            '\\' => i = command(&c, i + 1, &mut out),
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    // An unclosed group's tags are closed at the end.
    for t in groups.into_iter().flatten().collect::<Vec<_>>().iter().rev() {
        out.push_str(&format!("</{t}>"));
    }
    out
}

/// Decodes the command after a backslash at `i`; returns where to go on.
fn command(c: &[char], mut i: usize, out: &mut String) -> usize {
    let Some(&first) = c.get(i) else {
        return i;
    };
    if matches!(first, '\'' | '`' | '^' | '"' | '~' | '=' | '.') {
        let (base, next) = accent_arg(c, i + 1);
        match base {
            Some(b) => out.push_str(&accent(first, &b)),
            None => {
                if let Some(m) = combining(first) {
                    out.push(m);
                }
            }
        }
        return next;
    }
    if !first.is_ascii_alphabetic() {
        // `\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`, `\ `, `\-` (soft hyphen), `\,` and `\/` (spacing)
        match first {
            '-' | '/' => {}
            ',' | ';' | ' ' | '\\' => out.push(' '),
            other => out.push(other),
        }
        return i + 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_alphabetic() {
        i += 1;
    }
    let name: String = c[start..i].iter().collect();
    // `\c{c}`, `\c c`, `\horn{u}`, and `\d\^a` (an accent stacked on another).
    let mark = if name.len() == 1 && is_letter_accent(first) { Some(first) } else { named_accent(&name) };
    if let Some((text, next)) = mark.and_then(|m| accented_argument(c, i, m)) {
        out.push_str(&text);
        return next;
    }
    // `\noopsort{…}` and `\noop{…}` (btxdoc's idiom, defined in the file's
    // `@preamble` to print nothing) sort a value; their argument is no
    // text (tester r56 F8: "{\noopsort{a}}2019" was the year "a2019").
    if matches!(name.as_str(), "noopsort" | "noop") && c.get(i) == Some(&'{') {
        let mut depth = 0usize;
        for (k, ch) in c.iter().enumerate().skip(i) {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return k + 1;
                    }
                }
                _ => {}
            }
        }
        return c.len();
    }
    // `\url{…}` and `\path{…}` hold their text verbatim (hyperref: a `~`
    // there is a tilde, never a space; tester r59 F4: "example.org/ lee");
    // `\href{address}{text}` is the text and its address in brackets.
    if matches!(name.as_str(), "url" | "path" | "href") && c.get(i) == Some(&'{') {
        let group = |from: usize| -> Option<(String, usize)> {
            let mut depth = 0usize;
            for (k, ch) in c.iter().enumerate().skip(from) {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((c[from + 1..k].iter().collect(), k + 1));
                        }
                    }
                    _ => {}
                }
            }
            None
        };
        if let Some((address, next)) = group(i) {
            let address = address.replace("\\%", "%").replace("\\#", "#").replace("\\_", "_").replace("\\&", "&");
            if name != "href" {
                out.push_str(&address);
                return next;
            }
            if c.get(next) == Some(&'{')
                && let Some((text, end)) = group(next)
            {
                let text = collapse(&latex_text(&text, false));
                if text.trim().is_empty() || text.trim() == address {
                    out.push_str(&address);
                } else {
                    out.push_str(&format!("{} ({address})", text.trim()));
                }
                return end;
            }
            out.push_str(&address);
            return next;
        }
    }
    // A space after a command name ends the name and is not text.
    let after = if c.get(i) == Some(&' ') { i + 1 } else { i };
    match symbol(&name) {
        Some(s) => {
            out.push_str(s);
            // `{\ss}x` and `\ss{}x`: an empty group after a symbol is dropped by the caller.
            after
        }
        // `\emph{x}`, `\textit{x}`, `\url{x}` and the like: the argument stays, the braces go.
        None if known_command(&name) => after,
        // A command canon does not know, with an argument: the argument
        // stays ("A \unknownmacro{arg} title" is "A arg title"), said.
        None if has_argument(c, i) => after,
        // Without one (or with an empty one, `\foo{}`) it may be a letter
        // (tester89 F1: `\uhorn` was dropped, "Hương" stored "Hng"): kept
        // as written, never lost, and said ([`unknown_commands`]).
        None => {
            out.push('\\');
            out.push_str(&name);
            i
        }
    }
}

/// Whether the command whose name ends at `i` has a braced argument with
/// something in it (`\foo{bar}`, `\foo {bar}`; not `\foo{}` or `\foo bar`).
fn has_argument(c: &[char], i: usize) -> bool {
    let mut rest = c[i.min(c.len())..].iter().filter(|ch| **ch != ' ');
    rest.next() == Some(&'{') && rest.next().is_some_and(|ch| *ch != '}')
}

/// Whether `\x` (one letter) is an accent taking an argument: cedilla,
/// caron, breve, double acute, ogonek, ring, dot and bar below, tie, and
/// the T5 encoding's hook above (vntex's `\h{a}`, Vietnamese "ả").
fn is_letter_accent(x: char) -> bool {
    matches!(x, 'c' | 'v' | 'u' | 'H' | 'k' | 'r' | 'd' | 'b' | 't' | 'h')
}

/// The combining mark of an accent command with a name of more than one
/// letter that takes a letter as its argument: vntex's horn (`\horn{u}`,
/// `\horn u`: ư), `\textcommabelow{s}` (Romanian ș), and textcomp's and
/// TIPA's ogonek and double grave.
fn named_accent(name: &str) -> Option<char> {
    Some(match name {
        "horn" => '\u{31B}',
        "textcommabelow" => '\u{326}',
        "textogonekcentered" => '\u{328}',
        "textdoublegrave" => '\u{30F}',
        _ => return None,
    })
}

/// The named accent ([`named_accent`]) whose command starts at `i` (a
/// backslash): its combining mark and where its name ends.
fn named_accent_at(c: &[char], i: usize) -> Option<(char, usize)> {
    if c.get(i) != Some(&'\\') {
        return None;
    }
    let end = (i + 1..c.len()).find(|&k| !c[k].is_ascii_alphabetic()).unwrap_or(c.len());
    let name: String = c.get(i + 1..end)?.iter().collect();
    named_accent(&name).map(|m| (m, end))
}

/// The accent command at `i` (a backslash) that stacks on a letter: its
/// accent and where its argument starts. `\^`, `\'`…; `\d`, `\c`… when no
/// letter follows the name (`\d{`, `\d\^`, `\d a`).
fn stacked_accent(c: &[char], i: usize) -> Option<(char, usize)> {
    if c.get(i) != Some(&'\\') {
        return None;
    }
    let a = *c.get(i + 1)?;
    if matches!(a, '\'' | '`' | '^' | '"' | '~' | '=' | '.') {
        return Some((a, i + 2));
    }
    if is_letter_accent(a) && matches!(c.get(i + 2), Some('{' | '\\' | ' ')) {
        return Some((a, i + 2));
    }
    // `\horn{u}` under a tone mark: `\~{\horn{u}}` is ữ.
    named_accent_at(c, i).filter(|(_, end)| matches!(c.get(*end), Some('{' | '\\' | ' ')))
}

/// The argument of the accent command (one letter, [`is_letter_accent`],
/// or a name, [`named_accent`]) whose name ends at `i`, under its `mark`,
/// and where to go on: braced, after a space, or an accented letter of its
/// own; `None` when no letter follows (the command is read as another).
fn accented_argument(c: &[char], i: usize, mark: char) -> Option<(String, usize)> {
    let j = (i..c.len()).find(|&k| c[k] != ' ').unwrap_or(c.len());
    if j < c.len() && (c[j] == '{' || c[j] == '\\' || j > i) {
        let (base, next) = accent_arg(c, j);
        return base.map(|b| (accent(mark, &b), next));
    }
    None
}

/// The letter an accent applies to, and where to go on: `u`, `{u}`,
/// `{\i}`, ` u`, or a letter under accents of its own, braced or not
/// (`{\^e}`, `\^e`, `{\^{e}}`: Vietnamese "Nguy\~{\^e}n" is "Nguyễn", the
/// tilde on the ê). The inner accents are applied first (read iteratively,
/// however deep), so the outer one goes on the accented letter.
fn accent_arg(c: &[char], mut i: usize) -> (Option<String>, usize) {
    let mut inner: Vec<char> = Vec::new();
    let mut braces = 0usize;
    let base = loop {
        while c.get(i) == Some(&' ') {
            i += 1;
        }
        if c.get(i) == Some(&'{') {
            braces += 1;
            i += 1;
            while c.get(i) == Some(&' ') {
                i += 1;
            }
        }
        if let Some((a, next)) = stacked_accent(c, i) {
            inner.push(a);
            i = next;
            continue;
        }
        break match c.get(i) {
            // `\i` and `\j` (dotless, for an accent: the accent's letter is
            // i), `\o`, `\ae` (ǿ, ǣ).
            Some('\\') => {
                let end = (i + 1..c.len()).find(|&k| !c[k].is_ascii_alphabetic()).unwrap_or(c.len());
                let name: String = c[i + 1..end].iter().collect();
                let letter = match name.as_str() {
                    "i" | "j" => name.chars().next(),
                    _ => symbol(&name).filter(|s| s.chars().count() == 1).and_then(|s| s.chars().next()),
                };
                match letter.filter(|l| l.is_alphabetic()) {
                    Some(l) => {
                        i = end;
                        if c.get(i) == Some(&' ') && braces == 0 {
                            i += 1;
                        }
                        Some(l.to_string())
                    }
                    None if !inner.is_empty() => Some(String::new()),
                    None => None,
                }
            }
            Some(&ch) if ch != '}' && ch != '\\' => {
                i += 1;
                Some(ch.to_string())
            }
            // Inner accents with no letter: their marks alone.
            _ if !inner.is_empty() => Some(String::new()),
            _ => None,
        };
    };
    // The rest of each group (normally empty) stays as text; only its brace goes.
    for _ in 0..braces {
        if c.get(i) == Some(&'}') {
            i += 1;
        }
    }
    // The inner accents' marks, innermost first, composed once.
    let base = base.map(|b| {
        if inner.is_empty() {
            return b;
        }
        use unicode_normalization::UnicodeNormalization;
        b.chars().chain(inner.iter().rev().filter_map(|a| combining(*a))).nfc().collect()
    });
    (base, i)
}

/// Accented letters by accent: the bases and, in the same order, the results.
const COMPOSE: &[(char, &str, &str)] = &[
    ('\'', "aeiouyAEIOUYcCnNsSzZgGkKlLmMpPrRwW", "áéíóúýÁÉÍÓÚÝćĆńŃśŚźŹǵǴḱḰĺĹḿḾṕṔŕŔẃẂ"),
    ('`', "aeiouAEIOUnNwWyY", "àèìòùÀÈÌÒÙǹǸẁẀỳỲ"),
    ('^', "aeiouAEIOUcCgGhHjJsSwWyYzZ", "âêîôûÂÊÎÔÛĉĈĝĜĥĤĵĴŝŜŵŴŷŶẑẐ"),
    ('"', "aeiouyAEIOUYhHwWxXt", "äëïöüÿÄËÏÖÜŸḧḦẅẄẍẌẗ"),
    ('~', "anoANOiIuUeEyY", "ãñõÃÑÕĩĨũŨẽẼỹỸ"),
    ('c', "cCsStTgGkKlLnNrReE", "çÇşŞţŢģĢķĶļĻņŅŗŖȩȨ"),
    ('v', "cCsSzZrRnNeEdDtTlLgGkKaAiIoOuU", "čČšŠžŽřŘňŇěĚďĎťŤľĽǧǦǩǨǎǍǐǏǒǑǔǓ"),
    ('=', "aeiouAEIOUyY", "āēīōūĀĒĪŌŪȳȲ"),
    ('.', "zZcCeEgGIaAoO", "żŻċĊėĖġĠİȧȦȯȮ"),
    ('u', "gGaAeEiIoOuU", "ğĞăĂĕĔĭĬŏŎŭŬ"),
    ('H', "oOuU", "őŐűŰ"),
    ('k', "aAeEiIuUoO", "ąĄęĘįĮųŲǫǪ"),
    ('r', "aAuU", "åÅůŮ"),
    ('d', "aAeEiIoOuUsStThHzZ", "ạẠẹẸịỊọỌụỤṣṢṭṬḥḤẓẒ"),
];

/// The combining mark for an accent, when no precomposed letter exists (a
/// named accent, [`named_accent`], is its mark already).
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        m if ('\u{300}'..='\u{36F}').contains(&m) => m,
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '^' => '\u{302}',
        '"' => '\u{308}',
        '~' => '\u{303}',
        'c' => '\u{327}',
        'v' => '\u{30c}',
        '=' => '\u{304}',
        '.' => '\u{307}',
        'u' => '\u{306}',
        'H' => '\u{30b}',
        'k' => '\u{328}',
        'r' => '\u{30a}',
        'd' => '\u{323}',
        'h' => '\u{309}',
        'b' => '\u{331}',
        't' => '\u{361}',
        _ => return None,
    })
}

/// `base` (a letter, perhaps accented already) with the accent on it,
/// composed (NFC): ê with a tilde is ễ (U+1EC5), never ê and a loose mark.
fn accent(accent: char, base: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut one = base.chars();
    if let (Some(b), None) = (one.next(), one.next())
        && let Some((_, from, to)) = COMPOSE.iter().find(|(a, _, _)| *a == accent)
        && let Some(p) = from.chars().position(|c| c == b)
        && let Some(c) = to.chars().nth(p)
    {
        return c.to_string();
    }
    match combining(accent) {
        Some(m) => base.chars().chain([m]).nfc().collect(),
        None => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_titles_italics_are_kept_as_markup() {
        assert_eq!(
            latex_to_rich(r"Malaria in \emph{Anopheles gambiae} and {\textit{Plasmodium falciparum}} colonies"),
            "Malaria in <i>Anopheles gambiae</i> and <i>Plasmodium falciparum</i> colonies"
        );
        assert_eq!(latex_to_rich(r"The {\em Homo sapiens} case"), "The <i>Homo sapiens</i> case");
        assert_eq!(latex_to_rich(r"{\itshape E. coli}"), "<i>E. coli</i>");
        assert_eq!(latex_to_rich(r"On \em E. coli"), "On <i>E. coli</i>");
        assert_eq!(latex_to_rich(r"\textbf{Bold} and \textsc{nhs}"), "<b>Bold</b> and <sc>nhs</sc>");
        assert_eq!(latex_to_rich(r"Caf\'{e} \emph{cr\`{e}me}"), "Café <i>crème</i>");
        assert_eq!(latex_to_rich(r"\emph{unclosed"), "<i>unclosed</i>");
        // BibTeX's brace protection, where title case would change the words.
        let nocase = |s: &str| format!("<span class=\"nocase\">{s}</span>");
        assert_eq!(
            latex_to_rich(r"Risk in {von Willebrand} disease and {de novo} variants in {African} people"),
            format!(
                "Risk in {} disease and {} variants in African people",
                nocase("von Willebrand"),
                nocase("de novo")
            )
        );
        assert_eq!(latex_to_rich(r"{The case against race-based eGFR}"), nocase("The case against race-based eGFR"));
        assert_eq!(
            latex_to_rich(r#"{HIV} and {mRNA} in M{\"u}ller's {\"u}ber"#),
            format!("HIV and {} in Müller's über", nocase("mRNA"))
        );
        assert_eq!(latex_to_rich(r"{\noopsort{a}}Title"), "Title");
        assert_eq!(latex_to_rich(r"\emph{}empty"), "empty");
        // Elsewhere (names, journals) the markup goes, as before.
        assert_eq!(latex_to_unicode(r"\emph{Anopheles} gambiae"), "Anopheles gambiae");
    }

    #[test]
    fn vietnamese_t5_letters_and_named_accents_are_composed() {
        let cases = [
            (r"H{\uhorn}{\ohorn}ng", "Hương"),
            (r"{\DJ}{\'{\uhorn}}c", "Đức"),
            (r"\~{\uhorn} \d{\ohorn} \`{\Ohorn} \h{\ohorn} \h{a} \h a", "ữ ợ Ờ ở ả ả"),
            (r"\horn{u} \horn u \'{\horn{o}} {\UHORN}{\Uhorn}{\OHORN}{\Ohorn} {\DD}{\dd}", "ư ư ớ ƯƯƠƠ Đđ"),
            (r"\textcommabelow{s}i \textcommabelow T", "și Ț"),
        ];
        for (raw, want) in cases {
            assert_eq!(latex_to_unicode(raw), want, "{raw}");
        }
        // Unknown without an argument: kept as written; with one: its argument.
        assert_eq!(latex_to_unicode(r"H\weird ng {\odd}x \empty{} \macro{arg}"), r"H\weird ng \oddx \empty arg");
        let unknown: Vec<(String, Option<String>)> =
            unknown_commands(r"\weird \empty{} \macro{arg} \uhorn").into_iter().map(|u| (u.name, u.arg)).collect();
        assert_eq!(
            unknown,
            [("weird".into(), None), ("empty".into(), None), ("macro".into(), Some("arg".to_string()))]
        );
    }

    #[test]
    fn math_subscripts_and_superscripts_in_a_title_are_rich_text() {
        assert_eq!(latex_to_rich("NO$_2$ and H$_{2}$O"), "NO<sub>2</sub> and H<sub>2</sub>O");
        assert_eq!(latex_to_rich("CD4$^+$ and HbA$_{1c}$"), "CD4<sup>+</sup> and HbA<sub>1c</sub>");
        assert_eq!(latex_to_rich("Ca$^{2+}$ in $\\chi^2$"), "Ca<sup>2+</sup> in χ<sup>2</sup>");
        assert_eq!(latex_to_rich("37$^{\\circ}$C"), "37°C");
        assert_eq!(
            latex_to_rich("{Nitrogen dioxide (NO$_2$) exposure}"),
            "<span class=\"nocase\">Nitrogen dioxide (NO<sub>2</sub>) exposure</span>"
        );
    }

    #[test]
    fn math_subscripts_and_superscripts_are_written_inline() {
        assert_eq!(latex_to_unicode("the HbA$_{1c}$ gap"), "the HbA1c gap");
        assert_eq!(latex_to_unicode("CD4$^+$ counts and CO$_2$"), "CD4+ counts and CO2");
        assert_eq!(latex_to_unicode("$\\alpha$-thalassaemia"), "α-thalassaemia");
        // Outside math mode an underscore is text.
        assert_eq!(latex_to_unicode("file_name"), "file_name");
        // The Greek alphabet and the degree (tester r56 F3: dropped).
        assert_eq!(
            latex_to_unicode(r"Cohen's $\kappa$, $\omega$-3, $\chi^2$, $\Delta$F508, $\varepsilon$, 37$^{\circ}$C"),
            "Cohen's κ, ω-3, χ2, ΔF508, ε, 37°C"
        );
        // TeX's single quotes; an apostrophe stays one.
        assert_eq!(latex_to_unicode("`ethnicity' and patient's ``race''"), "‘ethnicity’ and patient's “race”");
    }
    use crate::import::builder::tests::TestThemes;

    fn parse_str(s: &str) -> Parsed {
        parse("t.bib", s, &TestThemes)
    }

    #[test]
    fn accents_become_unicode() {
        let cases = [
            (r#"{\"u}ber"#, "über"),
            (r#"\"{u}ber"#, "über"),
            (r"Caf\'{e}", "Café"),
            (r"Caf{\'e}", "Café"),
            (r"\`a la", "à la"),
            (r"C\^ote", "Côte"),
            (r"Espa\~na", "España"),
            (r"Fran\c{c}ois", "François"),
            (r"Fran\c cois", "François"),
            (r"\v{S}koda", "Škoda"),
            (r"\=a", "ā"),
            (r"\.Zagiel", "Żagiel"),
            (r"Do\u{g}an", "Doğan"),
            (r"Erd\H{o}s", "Erdős"),
            (r"Stra{\ss}e", "Straße"),
            (r"Str{\o}m", "Strøm"),
            (r"{\aa}r", "år"),
            (r"R\&D", "R&D"),
            (r"1990--2000", "1990–2000"),
            (r"a---b", "a—b"),
            (r"Fig.~1", "Fig. 1"),
            (r#"na{\"\i}ve"#, "naïve"),
            (r"{\'\i}ndice", "índice"),
            (r"\'{\i}ndice", "índice"),
            (r"{Plasmonic} {Resonance}", "Plasmonic Resonance"),
            (r"\emph{Very} good", "Very good"),
            (r"Ng\~{u}g\~{\i} wa Thiong'o", "Ngũgĩ wa Thiong'o"),
            (r"{\L}\'od\'z", "Łódź"),
            (r"100\%", "100%"),
        ];
        for (tex, want) in cases {
            assert_eq!(latex_to_unicode(tex), want, "{tex}");
        }
    }

    /// An accent on a letter under an accent of its own goes on the
    /// accented letter, composed, in every form it is written (tester r28,
    /// F1: "Nguy{\~{\^e}}n" was "Nguỹên").
    #[test]
    fn stacked_accents_go_on_the_accented_letter() {
        let cases = [
            (r"Nguy{\~{\^e}}n", "Nguyễn"),
            (r"Nguy\~{\^e}n", "Nguyễn"),
            (r"Nguy{\~\^e}n", "Nguyễn"),
            (r"Nguy\~{\^{e}}n", "Nguyễn"),
            (r"Nguy\~\^en", "Nguyễn"),
            (r"Tr{\`\^a}n", "Trần"),
            (r"Th{\d{i}}", "Thị"),
            (r"\^{\d{a}}", "ậ"),
            (r"\d{\^a}", "ậ"),
            (r"\d\^a", "ậ"),
            (r"{\'\^e}", "ế"),
            (r"\'{\u{a}}", "ắ"),
            (r"\u{\'a}", "á\u{306}"),
            (r#"\={\"u}"#, "ǖ"),
            (r#"\'{\"u}"#, "ǘ"),
            (r#"\v{\"u}"#, "ǚ"),
            (r"\={\.a}", "ǡ"),
            (r"\={\d{l}}", "ḹ"),
            (r"\'{\c{c}}", "ḉ"),
            (r"\c{\u{e}}", "ḝ"),
            (r"\H{\'o}", "ó\u{30b}"),
            (r"\'{\r{a}}", "ǻ"),
            (r"\k{\=o}", "ǭ"),
            (r"\b{\^e}", "ê\u{331}"),
            (r"\.{\'s}", "ṥ"),
            (r"\'{\~o}", "ṍ"),
            (r"\'{\o}", "ǿ"),
            (r"\={\ae}", "ǣ"),
            (r"\~{\'{\^e}}", "ế\u{303}"),
            // One accent, as before.
            (r"\~{u}", "ũ"),
            (r"\b{b}", "ḇ"),
            (r"{\'\i}", "í"),
        ];
        for (tex, want) in cases {
            let got = latex_to_unicode(tex);
            assert_eq!(
                got,
                want,
                "{tex}: {:?}",
                got.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>()
            );
        }
        // A stack as deep as a crafted file makes is read without recursion.
        let deep = format!("{}e", r"\^".repeat(50_000));
        assert!(latex_to_unicode(&deep).starts_with('ê'));
    }

    #[test]
    fn unknown_commands_are_found_known_ones_are_not() {
        let found = unknown_commands(r"A \unknownmacro{arg \emph{x}} title \foo bar");
        assert_eq!(
            found,
            [
                Unknown { at: 2, name: "unknownmacro".into(), arg: Some("arg x".into()) },
                Unknown { at: 36, name: "foo".into(), arg: None },
            ]
        );
        let known = r#"\textit{a} \emph{b} \textbf{c} \textsuperscript{th} \S 3 \textdegree C $\alpha$ \url{x} \'e \"{o} \c{c} \d{a} {\ss} \\ \& \% {\em y}"#;
        assert_eq!(unknown_commands(known), []);
    }

    fn warnings(p: &Parsed) -> Vec<String> {
        p.records
            .iter()
            .flat_map(|r| r.warnings.iter().map(|w| format!("{}:{}: {}", w.line, w.column, w.message)))
            .collect()
    }

    #[test]
    fn an_unknown_command_is_said_at_its_line() {
        let p = parse_str("@misc{a,\n  year = 2020,\n  title = {A \\unknownmacro{arg} title}}\n");
        assert_eq!(p.records[0].title, "A arg title");
        let w = warnings(&p);
        assert!(
            w.contains(&"3:14: in entry `a`: title: \\unknownmacro is not a LaTeX command canon knows; kept its argument \"arg\"".to_string()),
            "{w:?}"
        );
        let p =
            parse_str("@misc{b, year = 2020, title = {\\textit{On} \\S 3 at 5\\textdegree{} $\\alpha$ \\url{x}}}\n");
        assert!(!warnings(&p).iter().any(|w| w.contains("canon knows")), "{:?}", warnings(&p));
    }

    /// A child inherits its parent's resolved fields: what the parent took
    /// from its own parent too (tester r28, F2).
    #[test]
    fn a_crossref_chain_is_followed() {
        let p = parse_str(
            "@incollection{child, author={Osei, Ama}, title={Chapter}, pages={1--9}, crossref={midparent}}\n\
             @book{midparent, title={Volume two}, volume={2}, crossref={parent}}\n\
             @mvbook{parent, title={The whole work}, editor={Kaur, Simran}, year={2001}, publisher={Pluto}, \
             address={London}, series={Studies}}\n",
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let child = &p.records[0];
        // The set's title is the book, the volume's its volume title
        // (biblatex's `maintitle`; tester r66 F4: the set's title was lost;
        // r69 F6: the volume's number and title were folded into it).
        assert_eq!(child.container.as_deref(), Some("The whole work"), "the set");
        assert_eq!(child.volume_title.as_deref(), Some("Volume two"), "the volume's own title");
        assert_eq!(child.volume.as_deref(), Some("2"), "the volume's number, a field");
        assert_eq!(child.year, Some(2001));
        assert_eq!(child.publisher.as_deref(), Some("Pluto"));
        assert_eq!(child.place.as_deref(), Some("London"));
        assert_eq!(child.series.as_deref(), Some("Studies"));
        assert_eq!(child.editors.len(), 1);
        assert!(warnings(&p).iter().all(|w| !w.contains("crossref")), "{:?}", warnings(&p));
    }

    #[test]
    fn a_crossref_loop_is_said_and_stops_the_chain() {
        let p = parse_str(
            "@misc{a, title={A}, crossref={b}}\n@misc{b, title={B}, year={2001}, crossref={c}}\n\
             @misc{c, title={C}, publisher={P}, crossref={a}}\n@misc{s, title={S}, year={1999}, crossref={s}}\n\
             @misc{d, title={D}, crossref={a}}\n",
        );
        let w = warnings(&p);
        assert!(
            w.contains(&"1:21: in entry `a`: the crossref chain a → b → c → a comes back to this entry (a loop); inherited from `b`, `c` once, nothing beyond".to_string()),
            "{w:?}"
        );
        assert_eq!(w.iter().filter(|w| w.contains("(a loop)")).count(), 4, "a, b, c and s: {w:?}");
        let rec = |t: &str| p.records.iter().find(|r| r.title == t).unwrap();
        assert_eq!((rec("A").year, rec("A").publisher.as_deref()), (Some(2001), Some("P")));
        assert_eq!(rec("C").year, Some(2001), "c inherits from a, which inherits from b");
        assert_eq!(rec("D").publisher.as_deref(), Some("P"));
        assert_eq!(rec("S").container, None, "an entry is not its own book");
    }

    #[test]
    fn the_parents_of_rejected_entries_are_found() {
        let text = "\u{feff}@incollection{child, title={C}, year={soon}, crossref={mid}}\n\
                    @book{mid, title={M}, crossref={top}}\n@book{top, title={T}, year=2001}\n@book{other, title={O}}\n";
        let child = text.find("@incollection").unwrap();
        let rejected = std::slice::from_ref(&(child..text.find("\n@book{mid").unwrap())).to_vec();
        let spans = crossref_parents(text, &rejected);
        let got: Vec<&str> = spans.into_iter().map(|s| &text[s]).collect();
        assert_eq!(got, ["@book{mid, title={M}, crossref={top}}", "@book{top, title={T}, year=2001}"]);
    }

    #[test]
    fn an_entry_on_a_comment_line_is_read_and_said() {
        // (`real` has its year: a record without one is said for that, tester r79.)
        let p = parse_str("@misc{real, title={Real}, year=2020}\n  % old: @article{fake, title={Not a record}}\n");
        assert_eq!(p.records.len(), 2);
        let w = warnings(&p);
        assert!(
            w.iter().any(|w| w.starts_with("2:10: in entry `fake`: the entry is on a line starting with `%`")),
            "{w:?}"
        );
        assert!(!w.iter().any(|w| w.contains("`real`")), "{w:?}");
        let p = parse_str("% @article{gone,\n%   title = {Gone}}\n@misc{b, title={B}}\n");
        assert!(
            p.errors[0]
                .message
                .contains("never closed; expected a closing }; the entry is on a line starting with `%`"),
            "{:?}",
            p.errors
        );
    }

    #[test]
    fn entries_with_macros_and_concatenation() {
        let p = parse_str(
            r#"
@string{jh = "Journal of " # {Health}}
@STRING(pub = {Pluto Press})
% a comment line
@Article{fanon1961,
  author = {Fanon, Frantz and Jean-Paul Sartre and {World Health Organization}},
  title = "The {Wretched} of the Earth",
  journal = jh # " Equity",
  year = 1961,
  doi = {https://doi.org/10.1000/ABC},
  keywords = {epistemic bias, colonialism},
  abstract = {Not an annotation.},
  note = {Read chapter 1.},
}
@book{verges, title={A Decolonial Feminism}, publisher = pub, isbn = {ISSN 1234-5678, 978-0-385-50993-0}, year={2021}, date = {2021-03}}
"#,
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 2);
        let a = &p.records[0];
        assert_eq!(a.line, 5);
        assert_eq!(a.title, "The Wretched of the Earth");
        assert_eq!(
            a.authors.iter().map(|n| n.original.as_str()).collect::<Vec<_>>(),
            ["Fanon, Frantz", "Jean-Paul Sartre", "World Health Organization"]
        );
        assert_eq!(a.authors[1].family.as_deref(), Some("Sartre"));
        assert_eq!(a.authors[2].literal.as_deref(), Some("World Health Organization"));
        assert_eq!(a.container.as_deref(), Some("Journal of Health Equity"));
        assert_eq!(a.year, Some(1961));
        assert_eq!(a.kind, "article");
        assert_eq!(a.doi.as_deref(), Some("10.1000/ABC"), "a DOI as published, its case kept");
        assert_eq!(a.annotation.as_deref(), Some("Read chapter 1."));
        assert_eq!(a.themes.len(), 1);
        let b = &p.records[1];
        assert_eq!(b.kind, "book");
        assert_eq!((b.container.as_deref(), b.publisher.as_deref()), (None, Some("Pluto Press")));
        assert_eq!(b.isbn.as_deref(), Some("9780385509930"));
        assert_eq!(b.line, 15);
    }

    #[test]
    fn entry_types_map_to_reading_types() {
        let p = parse_str(
            "@incollection{a, title={A}, year={2001}}\n@inbook{b, title={B}, booktitle={Book}}\n@inproceedings{c, title={C}}\n@techreport{d, title={D}}\n\
             @misc{e, title={E}, url={https://x.org}}\n@misc{f, title={F}}\n@online{g, title={G}}\n@phdthesis{h, title={H}}\n@weird{i, title={I}}\n",
        );
        let kinds: Vec<_> = p.records.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["chapter", "chapter", "conference-paper", "report", "web", "other", "web", "thesis", "other"]
        );
    }

    #[test]
    fn unclosed_entry_is_reported_where_it_starts_and_parsing_goes_on() {
        let p = parse_str(
            "@article{ok1, title={One}}\n\n  @article{broken, title = {Open brace,\n  year = 2019}\n@article{ok2, title={Two}}\n@book{last, title={Three}",
        );
        let titles: Vec<_> = p.records.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(p.errors.len(), 2, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (3, 3));
        assert_eq!(p.errors[0].message, "entry `broken` is never closed; expected a closing }");
        assert_eq!((p.errors[1].line, p.errors[1].column), (6, 1));
        assert!(p.errors[1].message.contains("entry `last` is never closed"));
    }

    #[test]
    fn missing_title_bad_year_and_bad_doi_are_errors() {
        let p = parse_str("@article{a, author={X}}\n@article{b,\n title={T},\n  year={soon},\n doi={nope}}\n");
        assert!(p.records.is_empty());
        assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
        assert_eq!((p.errors[0].line, p.errors[0].column), (1, 1));
        assert!(p.errors[0].message.contains("no title"));
        assert_eq!((p.errors[1].line, p.errors[1].column), (4, 3));
        assert!(p.errors[1].message.contains("\"soon\""));
        assert_eq!((p.errors[2].line, p.errors[2].column), (5, 2));
    }

    #[test]
    fn deep_nesting_and_huge_fields_work() {
        let deep = format!("@article{{d, title = {{{}x{}}}}}", "{".repeat(10_000), "}".repeat(10_000));
        let p = parse_str(&deep);
        assert_eq!(p.records.len(), 1);
        // A braced lower-case title keeps its case (BibTeX's protection).
        assert_eq!(p.records[0].title, "<span class=\"nocase\">x</span>");
        let deep = format!("@article{{d, title = {{{}X{}}}}}", "{".repeat(10_000), "}".repeat(10_000));
        assert_eq!(parse_str(&deep).records[0].title, "X");
        let unclosed = format!("@article{{d, title = {{{}x}}", "{".repeat(10_000));
        let p = parse_str(&unclosed);
        assert_eq!(p.errors.len(), 1);
        let big = format!("@article{{b, title = {{Big}}, note = {{{}}}}}", "word ".repeat(200_000));
        let p = parse_str(&big);
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].annotation.as_ref().map(String::len), Some(1_000_000 - 1));
    }

    #[test]
    fn comments_preamble_and_stray_at_signs_are_skipped() {
        let p = parse_str(
            "Mail me at someone@example.org\n@comment{jabref-meta: x}\n@preamble{\"\\newcommand{\\x}{y}\"}\n@misc{a, title = {A}}\n",
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 1);
    }

    #[test]
    fn real_zotero_bibtex_export() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/bib/slr-deepfake-detection_zotero-export_first150.bib"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} not found");
            return;
        };
        let p = parse_str(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.records.len(), 150);
        let first = &p.records[0];
        assert_eq!(first.line, 2);
        assert_eq!(
            first.title,
            "Advanced Plasmonic Resonance-enhanced Biosensor for Comprehensive Real-time Detection and Analysis of Deepfake Content"
        );
        assert_eq!(first.authors[0].original, "Maheshwari, R. Uma");
        assert_eq!(first.container.as_deref(), Some("Plasmonics"));
        assert!(first.annotation.is_none());
        assert_eq!(p.records.iter().filter(|r| r.doi.is_none()).count(), 2);
        assert_eq!(p.records.iter().filter(|r| r.kind == "conference-paper").count(), 97);
        assert!(p.records.iter().all(|r| !r.title.contains(['{', '}', '\\'])));
    }
}
