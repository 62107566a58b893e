//! MedBiquitous Curriculum Inventory XML (ANSI/MEDBIQ CI.10, namespace
//! `http://ns.medbiq.org/curriculuminventory/v1/`, and `…/v10/` as Ilios and
//! the AAMC write it) as module rows.
//!
//! What is read, following the schema and Ilios's exporter
//! (`src/Service/CurriculumInventory/Export/XmlPrinter.php`):
//!
//! - the programme from `Program/ProgramName`;
//! - years from `AcademicLevels/Level[@number]`, referenced by each block's
//!   `SequenceBlockLevels/StartingAcademicLevel` (an XPath such as
//!   `/CurriculumInventory/AcademicLevels/Level[@number='2']`);
//! - modules from `Sequence//SequenceBlock`: blocks nested inside blocks (the
//!   1.0 layout) or listed flat and linked by `SequenceBlockReference` (Ilios)
//!   are flattened, and every block that holds events is a module, coded by
//!   its `id`;
//! - sessions from `Events/Event`, one item in each block whose
//!   `SequenceBlockEvent/EventReference` names it (an assessment when the event
//!   has an `AssessmentMethod`), with the titles of the `CompetencyObject`s the
//!   event references (`CompetencyObjectReference`, matched by the object's
//!   `lom:identifier/lom:entry`) as its learning outcomes, and its
//!   `Keyword/hx:string`s kept as evidence for `suggest`;
//! - a block's own competency objects (course objectives) as items of kind
//!   `outcome` in its module.
//!
//! Institution, report dates, the competency framework's relations, event
//! durations and methods and block timing are not stored; [`Document::report`]
//! names them, with counts.

use std::collections::{BTreeMap, HashMap, HashSet};

use quick_xml::events::Event as XmlEvent;

use super::RowError;
use super::modules::{Columns, ItemRow, ModuleRow, YEARS, one_line};

/// The namespace prefix every Curriculum Inventory version shares.
pub const NAMESPACE: &str = "http://ns.medbiq.org/curriculuminventory/";

/// An element of the document: local name (prefix dropped), attributes,
/// children, text, and the 1-based line and column of its `<`.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
    line: u64,
    column: u64,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all<'n>(&'n self, name: &'n str) -> impl Iterator<Item = &'n Node> + 'n {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the element at `path` below this one.
    fn text_at(&self, path: &[&str]) -> Option<String> {
        let mut n = self;
        for p in path {
            n = n.child(p)?;
        }
        let t = one_line(&n.text);
        (!t.is_empty()).then_some(t)
    }

    fn error(&self, message: impl Into<String>) -> RowError {
        RowError::new(self.line, self.column, message)
    }
}

/// Builds the element tree, with positions. A malformed document is an
/// error at its line and column.
fn tree(text: &str) -> Result<Node, RowError> {
    let lines = LineIndex::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let local = |q: &str| q.rsplit(':').next().unwrap_or_default().to_string();
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let (line, column) = lines.at(reader.error_position() as usize);
                let open = match stack.last() {
                    Some(n) if stack.len() > 1 => {
                        format!(" (the open element is <{}>, from line {}, column {})", n.name, n.line, n.column)
                    }
                    _ => String::new(),
                };
                return Err(RowError::new(
                    line,
                    column,
                    format!("the document is not well-formed XML: {e}{open}; expected well-formed XML"),
                ));
            }
        };
        let (start, empty) = match event {
            XmlEvent::Start(e) => (Some(e), false),
            XmlEvent::Empty(e) => (Some(e), true),
            other => {
                if !text_event(other, &mut stack, &lines, at)? {
                    break;
                }
                (None, false)
            }
        };
        if let Some(e) = start {
            {
                let (line, column) = lines.at(at);
                let mut node = Node { name: local(e.name().as_ref()), line, column, ..Node::default() };
                for a in e.attributes() {
                    let a = a.map_err(|err| {
                        RowError::new(line, column, format!("bad attribute: {err}; expected name=\"value\""))
                    })?;
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| RowError::new(line, column, format!("bad attribute value: {err}")))?;
                    let key: &str = a.key.as_ref();
                    let key = if key.starts_with("xmlns") { key.to_string() } else { local(key) };
                    node.attrs.push((key, v.into_owned()));
                }
                if empty {
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(node);
                    }
                } else {
                    stack.push(node);
                }
            }
        }
    }
    if stack.len() > 1 {
        let open = &stack[stack.len() - 1];
        return Err(open.error(format!(
            "element <{}> is never closed; expected </{}> before the end of the document",
            open.name, open.name
        )));
    }
    let mut root = stack.pop().unwrap_or_default();
    match root.children.len() {
        0 => Err(RowError::new(1, 1, "the document has no root element; expected <CurriculumInventory>")),
        _ => Ok(root.children.swap_remove(0)),
    }
}

/// Applies an event other than a start tag; `false` at the end of the document.
fn text_event(event: XmlEvent, stack: &mut Vec<Node>, lines: &LineIndex, at: usize) -> Result<bool, RowError> {
    {
        match event {
            XmlEvent::End(_) => {
                let node = stack.pop().unwrap_or_default();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Err(RowError::new(1, 1, "unbalanced end tag; expected XML")),
                }
            }
            XmlEvent::Text(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            XmlEvent::CData(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            XmlEvent::GeneralRef(r) => {
                let (line, column) = lines.at(at);
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            return Err(RowError::new(
                                line,
                                column,
                                format!("unknown entity &{other};; expected &amp; &lt; &gt; &quot; &apos; or &#…;"),
                            ));
                        }
                    },
                    Err(e) => return Err(RowError::new(line, column, format!("bad character reference: {e}"))),
                };
                if let Some(n) = stack.last_mut() {
                    n.text.push(c);
                }
            }
            XmlEvent::Eof => return Ok(false),
            _ => {}
        }
    }
    Ok(true)
}

/// Byte offsets to 1-based line and column (in characters).
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    fn at(&self, offset: usize) -> (u64, u64) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line as u64, column as u64)
    }
}

/// A learning outcome the document states (a `CompetencyObject`).
#[derive(Debug, Clone)]
struct Competency {
    title: String,
}

/// A session of a module, from an `Event`.
#[derive(Debug, Clone)]
pub struct Session {
    /// The event's `Title` (with its id when a block has two events of one title).
    pub title: String,
    /// `session`, or `assessment` for an event with an `AssessmentMethod`.
    pub kind: &'static str,
    /// Titles of the competency objects the event references.
    pub outcomes: Vec<String>,
    /// The event's `Keyword` strings.
    pub keywords: Vec<String>,
    /// The line of the block's reference to the event.
    pub line: u64,
}

/// A sequence block that holds events: a module.
#[derive(Debug, Clone)]
pub struct Block {
    /// The block's `id` (or `SB` and its place in the document when it has none).
    pub code: String,
    /// The block's `Title`.
    pub title: String,
    /// The number of its starting academic level.
    pub year: Option<i64>,
    /// The line of its `<SequenceBlock>`.
    pub line: u64,
    /// The events it references, in its order.
    pub sessions: Vec<Session>,
    /// The block's own competency objects (course objectives), as outcome items.
    pub outcomes: Vec<String>,
}

/// What a document holds, as canon reads it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The root's namespace (`…/v1/` or `…/v10/`).
    pub namespace: String,
    /// `Program/ProgramName`, if given.
    pub programme: Option<String>,
    /// Academic level number → label.
    pub levels: BTreeMap<i64, String>,
    /// The blocks that hold events, in document order.
    pub modules: Vec<Block>,
    blocks: usize,
    events: usize,
    events_unreferenced: usize,
    events_shared: usize,
    competencies: BTreeMap<String, usize>,
    competencies_unreferenced: usize,
    keywords: usize,
    ignored: Vec<&'static str>,
}

/// Reads a Curriculum Inventory document. The first problem (malformed XML,
/// another root element, a reference to nothing) is an error at its line and column.
pub fn parse(text: &str) -> Result<Document, RowError> {
    let root = tree(text)?;
    let ns = root.attr("xmlns").unwrap_or_default().to_string();
    if root.name != "CurriculumInventory" || !ns.starts_with(NAMESPACE) {
        return Err(root.error(format!(
            "the document's root is <{}>{}; expected <CurriculumInventory> in the namespace {NAMESPACE}v1/ \
             (a MedBiquitous Curriculum Inventory document)",
            root.name,
            if ns.is_empty() { String::new() } else { format!(" in {ns}") }
        )));
    }
    let programme = root.text_at(&["Program", "ProgramName"]);
    let levels = levels(&root)?;
    let (competencies, categories) = competencies(&root);
    let events: HashMap<String, &Node> = root
        .child("Events")
        .map(|e| e.all("Event").filter_map(|n| Some((n.attr("id")?.to_string(), n))).collect())
        .unwrap_or_default();
    let mut blocks = Vec::new();
    if let Some(seq) = root.child("Sequence") {
        collect_blocks(seq, &mut blocks);
    }
    let mut doc = Document {
        namespace: ns,
        programme,
        levels,
        modules: Vec::new(),
        blocks: blocks.len(),
        events: events.len(),
        events_unreferenced: 0,
        events_shared: 0,
        competencies: categories,
        competencies_unreferenced: 0,
        keywords: 0,
        ignored: ignored(&root),
    };
    let mut event_uses: HashMap<&str, usize> = HashMap::new();
    let mut used_competencies: HashSet<&str> = HashSet::new();
    for (n, b) in blocks.iter().enumerate() {
        let block = block(b, n, &doc.levels, &events, &competencies, &mut event_uses, &mut used_competencies)?;
        if !block.sessions.is_empty() {
            doc.modules.push(block);
        }
    }
    doc.events_unreferenced = events.keys().filter(|id| !event_uses.contains_key(id.as_str())).count();
    doc.events_shared = event_uses.values().filter(|n| **n > 1).count();
    doc.competencies_unreferenced = competencies.keys().filter(|k| !used_competencies.contains(k.as_str())).count();
    doc.keywords = doc.modules.iter().flat_map(|m| &m.sessions).map(|s| s.keywords.len()).sum();
    Ok(doc)
}

fn levels(root: &Node) -> Result<BTreeMap<i64, String>, RowError> {
    let mut out = BTreeMap::new();
    if let Some(levels) = root.child("AcademicLevels") {
        for l in levels.all("Level") {
            let n = l.attr("number").and_then(|n| n.trim().parse::<i64>().ok()).ok_or_else(|| {
                l.error("<Level> has no whole-number `number` attribute; expected e.g. <Level number=\"1\">")
            })?;
            out.insert(n, l.text_at(&["Label"]).unwrap_or_else(|| format!("Level {n}")));
        }
    }
    Ok(out)
}

/// Competency objects by their identifier (`lom:identifier/lom:entry`), and
/// how many there are of each category.
fn competencies(root: &Node) -> (HashMap<String, Competency>, BTreeMap<String, usize>) {
    let mut by_id = HashMap::new();
    let mut categories = BTreeMap::new();
    let Some(exp) = root.child("Expectations") else { return (by_id, categories) };
    for co in exp.all("CompetencyObject") {
        let general = co.child("lom").and_then(|l| l.child("general"));
        let Some(id) = general.and_then(|g| g.text_at(&["identifier", "entry"])) else { continue };
        let title = general.and_then(|g| g.text_at(&["title", "string"])).unwrap_or_else(|| id.clone());
        let category = co.child("Category").and_then(|c| c.attr("term")).unwrap_or("uncategorised").to_string();
        *categories.entry(category).or_default() += 1;
        by_id.insert(id, Competency { title });
    }
    (by_id, categories)
}

/// Every `SequenceBlock` under `node`, nested or flat, in document order.
fn collect_blocks<'n>(node: &'n Node, out: &mut Vec<&'n Node>) {
    for c in node.all("SequenceBlock") {
        out.push(c);
        collect_blocks(c, out);
    }
}

/// The quoted value in an XPath reference such as
/// `/CurriculumInventory/Events/Event[@id='E12']`: `E12`.
fn quoted(xpath: &str) -> Option<&str> {
    let t = xpath.trim();
    let end = t.rfind(['\'', '"'])?;
    let q = t.as_bytes()[end];
    let start = t[..end].rfind(q as char)?;
    Some(&t[start + 1..end])
}

#[allow(clippy::too_many_arguments)]
fn block<'d>(
    b: &'d Node,
    n: usize,
    levels: &BTreeMap<i64, String>,
    events: &'d HashMap<String, &'d Node>,
    competencies: &'d HashMap<String, Competency>,
    event_uses: &mut HashMap<&'d str, usize>,
    used: &mut HashSet<&'d str>,
) -> Result<Block, RowError> {
    let code = b.attr("id").map(one_line).filter(|c| !c.is_empty()).unwrap_or_else(|| format!("SB{}", n + 1));
    let title =
        b.text_at(&["Title"]).ok_or_else(|| b.error("<SequenceBlock> has no <Title>; expected the block's title"))?;
    let year = match b.child("SequenceBlockLevels").and_then(|l| l.child("StartingAcademicLevel")) {
        None => None,
        Some(start) => {
            let number = quoted(&start.text).unwrap_or(start.text.trim()).trim();
            let n: i64 = number.parse().map_err(|_| {
                start.error(format!(
                    "StartingAcademicLevel {:?} names no level; expected /CurriculumInventory/AcademicLevels/Level[@number='N']",
                    start.text.trim()
                ))
            })?;
            if !levels.is_empty() && !levels.contains_key(&n) {
                return Err(start.error(format!(
                    "StartingAcademicLevel names level {n}, which AcademicLevels does not list; expected one of {}",
                    levels.keys().map(|k| k.to_string()).collect::<Vec<_>>().join(", ")
                )));
            }
            if !YEARS.contains(&n) {
                return Err(
                    start.error(format!("academic level {n} is out of range; expected a year of study from 1 to 10"))
                );
            }
            Some(n)
        }
    };
    let mut sessions: Vec<Session> = Vec::new();
    for sbe in b.all("SequenceBlockEvent") {
        let r = sbe.child("EventReference").ok_or_else(|| sbe.error("<SequenceBlockEvent> has no <EventReference>"))?;
        let id = quoted(&r.text).unwrap_or(r.text.trim());
        let Some((key, event)) = events.get_key_value(id) else {
            return Err(r.error(format!(
                "EventReference points to event {id:?}, which the document does not have; expected the id of an Event under Events"
            )));
        };
        *event_uses.entry(key.as_str()).or_default() += 1;
        let mut s = session(event, competencies, used)?;
        // Rows are placed where the block lists the event, so they follow the block.
        s.line = sbe.line;
        sessions.push(s);
    }
    // Two events with one title in a block stay two sessions.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in &sessions {
        *seen.entry(s.title.clone()).or_default() += 1;
    }
    let ids: Vec<String> = b
        .all("SequenceBlockEvent")
        .filter_map(|s| s.child("EventReference").map(|r| quoted(&r.text).unwrap_or(r.text.trim()).to_string()))
        .collect();
    for (s, id) in sessions.iter_mut().zip(ids) {
        if seen[&s.title] > 1 {
            s.title = format!("{} ({id})", s.title);
        }
    }
    let mut outcomes = Vec::new();
    for r in b.all("CompetencyObjectReference") {
        let id = quoted(&r.text).unwrap_or(r.text.trim());
        let Some((key, co)) = competencies.get_key_value(id) else {
            return Err(r.error(format!(
                "CompetencyObjectReference points to {id:?}, which no CompetencyObject under Expectations has; \
                 expected its lom:identifier/lom:entry"
            )));
        };
        used.insert(key.as_str());
        if !outcomes.contains(&co.title) {
            outcomes.push(co.title.clone());
        }
    }
    Ok(Block { code, title, year, line: b.line, sessions, outcomes })
}

fn session<'d>(
    e: &'d Node,
    competencies: &'d HashMap<String, Competency>,
    used: &mut HashSet<&'d str>,
) -> Result<Session, RowError> {
    let title = e.text_at(&["Title"]).ok_or_else(|| e.error("<Event> has no <Title>; expected the session's title"))?;
    let mut outcomes = Vec::new();
    for r in e.all("CompetencyObjectReference") {
        let id = quoted(&r.text).unwrap_or(r.text.trim());
        let Some((key, co)) = competencies.get_key_value(id) else {
            return Err(r.error(format!(
                "CompetencyObjectReference points to {id:?}, which no CompetencyObject under Expectations has; \
                 expected its lom:identifier/lom:entry"
            )));
        };
        used.insert(key.as_str());
        if !outcomes.contains(&co.title) {
            outcomes.push(co.title.clone());
        }
    }
    let mut keywords: Vec<String> = Vec::new();
    for k in e.all("Keyword") {
        let word = k.text_at(&["string"]).unwrap_or_else(|| one_line(&k.text));
        if !word.is_empty() && !keywords.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
            keywords.push(word);
        }
    }
    let kind = if e.child("AssessmentMethod").is_some() { "assessment" } else { "session" };
    Ok(Session { title, kind, outcomes, keywords, line: e.line })
}

/// The parts of the document canon does not store, by element name.
fn ignored(root: &Node) -> Vec<&'static str> {
    const PARTS: &[&str] = &[
        "ReportID",
        "Institution",
        "Title",
        "ReportDate",
        "ReportingStartDate",
        "ReportingEndDate",
        "Language",
        "Description",
        "SupportingLink",
        "Integration",
    ];
    let mut out: Vec<&'static str> = PARTS.iter().copied().filter(|p| root.child(p).is_some()).collect();
    if root.child("Expectations").and_then(|e| e.child("CompetencyFramework")).is_some() {
        out.push("Expectations/CompetencyFramework");
    }
    out
}

impl Document {
    /// The rows the module writer takes: per module, one row per session and
    /// per block-level learning outcome. `default_programme` when the
    /// document names none.
    pub fn rows(&self, default_programme: &str) -> Vec<ModuleRow> {
        let programme = self.programme.clone().unwrap_or_else(|| default_programme.to_string());
        let mut rows = Vec::new();
        for m in &self.modules {
            let base = ModuleRow {
                line: m.line,
                programme: programme.clone(),
                year: m.year,
                code: m.code.clone(),
                title: m.title.clone(),
                lead: None,
                item: None,
            };
            for s in &m.sessions {
                rows.push(ModuleRow {
                    line: s.line,
                    item: Some(ItemRow {
                        title: s.title.clone(),
                        kind: Some(s.kind),
                        outcomes: s.outcomes.join("\n"),
                        themes: Vec::new(),
                        keywords: s.keywords.clone(),
                    }),
                    ..base.clone()
                });
            }
            for o in &m.outcomes {
                rows.push(ModuleRow {
                    item: Some(ItemRow {
                        title: o.clone(),
                        kind: Some("outcome"),
                        outcomes: o.clone(),
                        themes: Vec::new(),
                        keywords: Vec::new(),
                    }),
                    ..base.clone()
                });
            }
        }
        rows
    }

    /// The fields the document gives its rows, as a module list's columns
    /// (the others are left as stored on re-import): the kind and learning
    /// outcomes of every session (an event that references no competency
    /// object has none), no module lead; years when every block names its
    /// academic level (a block without one must not clear a stored year).
    pub fn columns(&self) -> Columns {
        Columns { year: self.modules.iter().all(|m| m.year.is_some()), lead: false, outcomes: true, kind: true }
    }

    /// What was read into what, and what was not stored: the document's
    /// counterpart of a CSV header report.
    pub fn report(&self) -> Vec<String> {
        let sessions: usize = self.modules.iter().map(|m| m.sessions.len()).sum();
        let assessments = self.modules.iter().flat_map(|m| &m.sessions).filter(|s| s.kind == "assessment").count();
        let block_outcomes: usize = self.modules.iter().map(|m| m.outcomes.len()).sum();
        let levels = match (self.levels.keys().next(), self.levels.keys().next_back()) {
            (Some(a), Some(b)) => format!("{} academic levels → years {a}–{b}", self.levels.len()),
            _ => "no academic levels".into(),
        };
        let cats = self.competencies.iter().map(|(c, n)| format!("{n} {c}")).collect::<Vec<_>>().join(", ");
        let mut lines = vec![
            format!(
                "note: read as a MedBiquitous Curriculum Inventory ({}): programme {:?}; {levels}; {}, \
                 {} holding events → modules",
                self.namespace,
                self.programme.as_deref().unwrap_or("(none: --programme)"),
                count(self.blocks, "sequence block"),
                self.modules.len()
            ),
            format!(
                "note: {} → {} in their blocks ({}; {} in more than one block); {} → outcome items; \
                 competency objects: {}; {} kept as evidence for `canon suggest`",
                count(self.events, "event"),
                count(sessions, "session"),
                count(assessments, "assessment"),
                count(self.events_shared, "event"),
                count(block_outcomes, "block-level competency object"),
                if cats.is_empty() { "none".into() } else { cats },
                count(self.keywords, "keyword")
            ),
        ];
        let mut not = self.ignored.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        not.push("event descriptions, durations and methods; block descriptions, timing and order".into());
        if self.events_unreferenced > 0 {
            not.push(format!("{} no sequence block references", count(self.events_unreferenced, "event")));
        }
        if self.competencies_unreferenced > 0 {
            not.push(format!(
                "{} no block or event references (program-level outcomes)",
                count(self.competencies_unreferenced, "competency object")
            ));
        }
        lines.push(format!("note: not stored: {}", not.join("; ")));
        lines
    }
}

/// `1 event`, `2 events`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xpath_references_give_their_value() {
        assert_eq!(quoted("/CurriculumInventory/Events/Event[@id='E12']"), Some("E12"));
        assert_eq!(
            quoted(
                "/CurriculumInventory/Expectations/CompetencyObject[lom:lom/lom:general/lom:identifier/lom:entry='http://x/co/1']"
            ),
            Some("http://x/co/1")
        );
        assert_eq!(quoted("E12"), None);
    }

    #[test]
    fn malformed_documents_are_placed() {
        let e = tree("<?xml version=\"1.0\"?>\n<a>\n  <b></c>\n</a>").unwrap_err();
        assert_eq!((e.line, e.column), (3, 6), "{e:?}");
        let e = tree("<a>\n <b>\n").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        let e = parse("<Other xmlns=\"urn:x\"/>").unwrap_err();
        assert!(e.message.contains("expected <CurriculumInventory>"), "{e:?}");
    }
}
