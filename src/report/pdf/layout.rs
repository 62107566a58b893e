//! The flow engine: turns blocks into pages of positioned items (top-down
//! coordinates, points). No PDF here, so it can be unit-tested directly.
//!
//! Pages are handed to a sink as soon as they are full, so a long report is
//! never held in memory whole. Breaks follow the usual rules of book setting:
//! a heading stays with what follows it (and moves to the next page with it),
//! a paragraph leaves no single line at the foot or head of a page (orphans
//! and widows), and a table or heat map leaves no stub of fewer than three
//! rows on either side of a page break.
//!
//! # How a page is used (issue 13, 13d)
//!
//! Moving something to the next page whole leaves white space behind; cutting
//! it leaves parts a reader must join. The rule that weighs the two:
//!
//! 1. **Rows split rather than leave a page emptier than [`SPLIT_ROOM`].** A
//!    table row that does not fit the room left (the first row of a table
//!    included, under its heading and header) starts on this page and goes on
//!    over it when at least [`SPLIT_ROOM`] (a sixth of the page's content
//!    height) is left and each part keeps at least [`MIN_SPLIT_LINES`] lines;
//!    otherwise it moves whole, leaving less than a sixth of the page empty.
//!    The room is counted from the heading and lead-in kept with the table
//!    when they are on the page, since they would move with the row.
//! 2. **A table's part is no stub when it holds [`MIN_ROWS`] rows or
//!    [`MIN_SPLIT_LINES`] lines.** A page break between whole rows may leave
//!    one tall row on either side (a finding of four lines under its heading
//!    is a start, not a stub); it never leaves one or two one-line rows.
//! 3. **A section starts on the current page when its start fits.** A
//!    subsection (level 2) starts under the previous content when its heading,
//!    lead-in, the table's header and first part (rule 2) fit; a section
//!    (level 1) does so when it also has a quarter of the page ([`TAIL_PAGE`])
//!    to start in, or when it is a few lines of text that fit whole
//!    ([`SHORT_SECTION`]). A heading with a lead-in of some seven lines or
//!    more ([`KEPT_STANDS_ALONE`]) stays at a page's foot when what follows
//!    moves on.
//! 4. **A reference keeps its note.** The break never falls between a
//!    reference's text and the first lines of its note; a note is split only
//!    with [`MIN_LINES`] lines on each side.
//! 5. **A table keeps its closing note.** A muted or small paragraph right
//!    after a table (its closing note: "No linked reading … (2): TM301;
//!    TM401") never starts a page alone: the table's last row counts the
//!    note's first lines in its height, so the break falls before that row
//!    (and, by rule 2, before the rows it must keep with it), and the row
//!    goes on with the note (issue 13, 13e).
//!
//! Every decision looks at the rows or lines in front of the break only (a
//! bounded look-ahead), so pagination stays linear in the document's length.

use std::collections::VecDeque;

use super::fonts::Weight;
use super::shape::{BaseDirection, Face, ShapedLine, Shaper};
use super::{Align, Block, Document, HeatMap, Rich, Style, Table};

pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.69; // 20 mm
pub const TOP: f32 = 68.0; // content top (below the running header)
pub const BOTTOM: f32 = PAGE_H - 62.0; // content bottom (above the footer)
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const HEADER_BASELINE: f32 = 40.0;
const HEADER_RULE: f32 = 47.0;
const FOOTER_BASELINE: f32 = PAGE_H - 32.0;

/// Fewest table or heat-map rows left on a page on either side of a break.
pub const MIN_ROWS: usize = 3;
/// A table row split over pages keeps at least this many lines of its
/// tallest cell in each part: a continued stub of two or three lines under a
/// repeated header is harder to read than white space left at the foot of a
/// page (issue 13, 13q). A row taller than a page is split wherever both
/// parts keep this many; a row that fits on a page is split only when at
/// least [`SPLIT_ROOM`] is left, else it moves on whole: long rows that
/// each moved whole left pages half empty (issue 13, 13b), and a page a
/// fifth or a third empty (13d).
pub const MIN_SPLIT_LINES: usize = 4;
/// Fewest lines of a paragraph left on a page on either side of a break.
pub const MIN_LINES: usize = 2;
/// A sixth of the page's content height (about nine lines of body text, 119
/// pt): a table row that does not fit the room left is split over the page
/// rather than moved whole when at least this much is left (and both parts
/// keep [`MIN_SPLIT_LINES`] lines). Moving it would leave the page a sixth
/// empty or more: the tester's pages with 20 % and 30 % left empty under a
/// row of 13 or 30 lines that moved whole (issue 13, 13d).
pub const SPLIT_ROOM: f32 = (BOTTOM - TOP) / 6.0;
/// A section whose content is at most this tall (about six lines of text,
/// and nothing but text) follows the previous section on its page instead
/// of starting one.
pub const SHORT_SECTION: f32 = 90.0;
/// A heading and its lead-in at least this tall (the heading and some seven
/// lines of text) stay at the foot of a page when the table or text after
/// them moves on: they are a start, not a stub (rule 3).
const KEPT_STANDS_ALONE: f32 = 120.0;
/// A quarter of the page's content height: with at least this much room
/// left, the next section starts on the page when its start fits, rather
/// than leave the page that empty.
const TAIL_PAGE: f32 = (BOTTOM - TOP) * 0.25;
/// Space above a section heading that does not start its page.
const SECTION_GAP: f32 = 22.0;

pub type Rgb = (f32, f32, f32);
pub const TEXT: Rgb = (0.12, 0.14, 0.18);
pub const MUTED: Rgb = (0.40, 0.43, 0.48);
pub const NAVY: Rgb = (0.06, 0.19, 0.36);
pub const TEAL: Rgb = (0.0, 0.46, 0.50);
pub const RULE_LIGHT: Rgb = (0.80, 0.83, 0.87);
pub const RULE_DARK: Rgb = (0.30, 0.34, 0.40);
pub const HEADER_FILL: Rgb = (0.89, 0.92, 0.95);
pub const STRIPE: Rgb = (0.962, 0.970, 0.978);
pub const BOX_FILL: Rgb = (0.94, 0.96, 0.975);
pub const WHITE: Rgb = (1.0, 1.0, 1.0);

#[derive(Clone, Debug)]
pub enum Item {
    /// `y` is the baseline, measured from the top of the page.
    Text {
        x: f32,
        y: f32,
        line: ShapedLine,
        color: Rgb,
    },
    /// `y` is the top edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
}

impl Item {
    fn shift(&mut self, dy: f32) {
        match self {
            Item::Text { y, .. } | Item::Rect { y, .. } => *y += dy,
            Item::Rule { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
    pub is_title: bool,
}

impl Page {
    /// All text of the page, one entry per placed line (for tests).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { line, .. } => Some(line.text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// A reference shaped, not yet placed: its label, its lines of text and
/// of note, and the hanging indent that holds the label. Nothing in it
/// depends on where it lands on a page, so it can be made ahead of the flow,
/// on another thread with its own [`Shaper`].
#[derive(Clone, Debug)]
pub struct PreparedRef {
    lab: ShapedLine,
    lines: Vec<ShapedLine>,
    notes: Vec<ShapedLine>,
    /// Points.
    hang: f32,
    /// The reference has no label (an author-date style: APA, Chicago,
    /// Harvard): its first line starts at the margin and the lines after it
    /// are indented by `hang`, the hanging indent of an author-date
    /// reference list (APA 7 §2.13 and §9.43: "a hanging indent … the first
    /// line flush left and subsequent lines indented"; CMOS 18 §13.66; Cite
    /// Them Right). A numbered style's entries keep their number column.
    hanging: bool,
    /// Characters no font has, in the order its shaper met them (made
    /// elsewhere; empty when shaped by the flow's own shaper, which keeps them).
    missing: Vec<char>,
    /// Bytes of text its shaper shaped (made elsewhere; else 0).
    shaped_bytes: usize,
}

/// The hanging indent of an author-date reference list (no labels): 0.5
/// in, 36 pt, as APA 7 gives it (§9.43, the reference list: each entry
/// with a hanging indent of 0.5 in.), which canon's Chicago and Harvard
/// lists share. At the report's 10 pt text it is 3.6 em:
/// the lines after the first stand clearly apart from the next entry's
/// first line (24 pt, 2.4 em, was narrower than the manual's 3 em at 12 pt),
/// and a line keeps some 446 pt, about 85 characters.
pub const HANGING_INDENT: f32 = 36.0;

/// The small grey style of a reference's note.
fn note_style() -> TextStyle {
    TextStyle { weight: Weight::Regular, size: 8.5, leading: 11.5, color: MUTED }
}

/// Shapes a reference with `sh`: the label (the style's "1.", "[1]"; none in
/// an author-date style such as APA or Harvard, and the list is not numbered
/// behind its back), the text at `CONTENT_W - hang` with the style's italic,
/// bold and small-caps runs in their faces, and the note below. Characters
/// found in no font stay in `sh.missing`.
fn prepare_reference(sh: &mut Shaper, label: &str, text: &Rich, note: Option<&str>) -> PreparedRef {
    let label = label.trim().to_string();
    let st = style_of(&Style::Body);
    let ns = note_style();
    let lab = sh.shape(&label, Weight::Regular, st.size);
    // The hanging indent holds the label: 24 pt, wider in steps of 6 pt
    // for long numbers ("1000."). Without a label (an author-date list) it
    // is the manual's half inch ([`HANGING_INDENT`]).
    let hang = if label.is_empty() { HANGING_INDENT } else { (24.0f32).max(((lab.width + 6.0) / 6.0).ceil() * 6.0) };
    // An entry of the report's list keeps the document's direction, left to
    // right, whatever its letters (tester r64 F9): its label stays at the
    // left margin with the others, and a Hebrew or Arabic reference's words
    // are set right to left inside it, its English words ("Hebrew.") and
    // full stops where the style put them.
    let spans: Vec<_> = text
        .spans
        .iter()
        .filter(|(_, e)| *e != super::Emphasis::default())
        .map(|(r, e)| {
            let face = Face {
                weight: st.weight.with(e.bold, e.italic),
                small_caps: e.small_caps,
                all_small_caps: e.all_small_caps,
                vertical: e.vertical,
            };
            (r.clone(), face)
        })
        .collect();
    let lines = sh.wrap_rich(&text.text, &spans, st.weight, st.size, CONTENT_W - hang, BaseDirection::Ltr);
    // Its note is a paragraph of its own: its direction comes from its own
    // first strong letter (UAX #9 P2-P3, the README's rule), never from the
    // reference above it. An English annotation under an Arabic reference
    // runs left to right and starts where the list's other English notes
    // start;
    // a Hebrew annotation followed by "article [not reviewed]" starts with
    // a Hebrew letter and runs right to left.
    let notes = match note.filter(|n| !n.trim().is_empty()) {
        Some(n) => sh.wrap_with(n, ns.weight, ns.size, CONTENT_W - hang, BaseDirection::FirstStrong),
        None => Vec::new(),
    };
    let hanging = label.is_empty();
    PreparedRef { lab, lines, notes, hang, hanging, missing: Vec::new(), shaped_bytes: 0 }
}

/// Shapes every `Block::Reference` of `blocks` (inside `Block::Named` too),
/// in the order the flow meets them, with `sh`, handing each to `send` with
/// the characters no font has and the bytes shaped; stops when `send`
/// returns false (the flow has gone).
pub fn shape_references(blocks: &[Block], sh: &mut Shaper, send: &mut dyn FnMut(PreparedRef) -> bool) {
    for b in blocks {
        if let Block::Reference { label, text, note } = unnamed(b) {
            sh.missing.clear();
            let before = sh.shaped_bytes;
            let mut r = prepare_reference(sh, label, text, note.as_deref());
            r.missing = std::mem::take(&mut sh.missing);
            r.shaped_bytes = sh.shaped_bytes - before;
            if !send(r) {
                return;
            }
        }
    }
}

/// A level-1 heading: its text, page (1-based) and top edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// A laid-out document held in memory (tests; the PDF writer streams instead).
#[derive(Debug, Default)]
pub struct Layout {
    pub pages: Vec<Page>,
    /// (title, 1-based page)
    pub bookmarks: Vec<(String, usize)>,
    pub warnings: Vec<String>,
}

/// What a flow leaves behind once its pages have gone to the sink.
#[derive(Debug, Default)]
pub struct Outline {
    pub pages: usize,
    pub bookmarks: Vec<Bookmark>,
    /// Characters no font has, by the block they came from.
    pub warnings: Vec<String>,
}

struct TextStyle {
    weight: Weight,
    size: f32,
    leading: f32,
    color: Rgb,
}

fn style_of(s: &Style) -> TextStyle {
    match s {
        Style::Body => TextStyle { weight: Weight::Regular, size: 10.0, leading: 14.5, color: TEXT },
        Style::Small => TextStyle { weight: Weight::Regular, size: 8.5, leading: 12.0, color: TEXT },
        Style::Muted => TextStyle { weight: Weight::Regular, size: 9.0, leading: 13.0, color: MUTED },
        Style::Bold => TextStyle { weight: Weight::Bold, size: 10.0, leading: 14.5, color: TEXT },
    }
}

/// The block inside any [`Block::Named`] wrappers.
pub fn unnamed(b: &Block) -> &Block {
    match b {
        Block::Named { block, .. } => unnamed(block),
        b => b,
    }
}

/// Baseline offset inside a line box of height `leading` for text of `size`.
fn baseline(top: f32, leading: f32, size: f32) -> f32 {
    top + leading * 0.5 + size * 0.36
}

/// Colour ramp white -> light teal -> teal -> deep blue.
pub fn ramp(v: f64) -> Rgb {
    let v = if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) } as f32;
    const STOPS: [(f32, Rgb); 4] =
        [(0.0, (1.0, 1.0, 1.0)), (0.33, (0.78, 0.91, 0.92)), (0.66, (0.18, 0.58, 0.64)), (1.0, (0.04, 0.19, 0.40))];
    for w in STOPS.windows(2) {
        let (a, ca) = w[0];
        let (b, cb) = w[1];
        if v <= b {
            let t = if b > a { (v - a) / (b - a) } else { 0.0 };
            return (ca.0 + (cb.0 - ca.0) * t, ca.1 + (cb.1 - ca.1) * t, ca.2 + (cb.2 - ca.2) * t);
        }
    }
    STOPS[3].1
}

fn is_dark(c: Rgb) -> bool {
    0.299 * c.0 + 0.587 * c.1 + 0.114 * c.2 < 0.55
}

/// How many of the units still to place (rows, lines) go on this page.
#[derive(Debug, PartialEq)]
pub enum Take {
    Units(usize),
    /// Start a new page first.
    NewPage,
    /// The first unit is taller than a whole page: split it.
    Split,
}

/// Page-break planning with orphan and widow control. `heights` are the next
/// units (at least those that fit `avail` and, when there are more, `min`
/// after them); `remaining` counts every unit still to place; `page_cap` is
/// the room on an empty page. A part of a table or paragraph on either side
/// of a break is a stub when it has fewer than `min` units and fills less
/// than a quarter of a page: the break moves so that neither side is one,
/// unless a whole page cannot do better.
pub fn plan(avail: f32, page_cap: f32, heights: &[f32], remaining: usize, min: usize, at_top: bool) -> Take {
    plan_with(avail, page_cap, heights, remaining, min, page_cap * 0.25, at_top)
}

/// [`plan`] where a part of fewer than `min` units is a stub only when it is
/// shorter than `stub_h` points (for a table: [`MIN_SPLIT_LINES`] lines of
/// a row, so one tall row is a part of its own; rule 2 of the module's
/// doc). Inputs as for [`plan`]; the answer is the same kind.
pub fn plan_with(
    avail: f32,
    page_cap: f32,
    heights: &[f32],
    remaining: usize,
    min: usize,
    stub_h: f32,
    at_top: bool,
) -> Take {
    let mut fit = 0usize;
    let mut used = 0.0f32;
    for h in heights {
        if used + h > avail + 0.01 {
            break;
        }
        used += h;
        fit += 1;
    }
    if fit >= remaining {
        return Take::Units(remaining);
    }
    if fit == 0 {
        let first = heights.first().copied().unwrap_or(0.0);
        return if first > page_cap + 0.01 || at_top { Take::Split } else { Take::NewPage };
    }
    let stub = |units: &[f32], count: usize| count < min && units.iter().sum::<f32>() < stub_h - 0.01;
    let mut k = fit;
    let rest = remaining - k;
    if rest < min && stub(heights.get(k..remaining).unwrap_or(&[]), rest) {
        k = remaining.saturating_sub(min);
    }
    if stub(&heights[..k], k) {
        if !at_top {
            return Take::NewPage;
        }
        k = fit;
    }
    Take::Units(k.max(1))
}

/// A heading just placed, to move along if what follows starts a new page.
struct Keep {
    page_no: usize,
    first_item: usize,
    top: f32,
    bookmark: Option<usize>,
}

/// Space between a heat map's last row and its legend, in points.
const LEGEND_GAP: f32 = 8.0;

/// Space under a table's closing rule, in points.
const TABLE_GAP_AFTER: f32 = 12.0;

/// Table text: size, line height and cell padding, in points.
const ROW_SIZE: f32 = 9.0;
const ROW_LEADING: f32 = 12.5;
const ROW_PAD_X: f32 = 4.5;
const ROW_PAD_Y: f32 = 3.5;
/// The height of a row of [`MIN_SPLIT_LINES`] lines: a table's part at least
/// this tall is no stub, however few its rows (rule 2 of the module's doc).
const TALL_ROW: f32 = MIN_SPLIT_LINES as f32 * ROW_LEADING + 2.0 * ROW_PAD_Y;

/// A table's columns and shaped header.
struct Grid<'t> {
    t: &'t Table,
    widths: Vec<f32>,
    xs: Vec<f32>,
    header: Vec<Vec<ShapedLine>>,
    header_lines: usize,
    header_h: f32,
    /// The room the closing note after the table needs under its last row
    /// ([`Flow::closing_note_height`]): counted in that row's height when
    /// the page break is planned, so the note never starts a page alone.
    tail: f32,
}

impl Grid<'_> {
    /// The most lines a row can have and still fit on a page of its own,
    /// under the repeated header: a taller row must be split.
    fn page_lines(&self) -> usize {
        ((BOTTOM - TOP - self.header_h - 2.0 * ROW_PAD_Y) / ROW_LEADING).floor().max(1.0) as usize
    }
}

/// Where a table's layout is: rows shaped ahead and not yet placed, rows
/// shaped and placed, lines of the front row already placed (a split row),
/// and whether this page has the header yet.
struct Cursor {
    queue: VecDeque<Row>,
    shaped: usize,
    placed: usize,
    off: usize,
    header_here: bool,
}

/// One table row, shaped.
struct Row {
    index: usize,
    cells: Vec<Vec<CellLine>>,
    lines: usize,
}

/// A line of a table cell: its text, set `indent` points in from the cell's
/// start, and the marker drawn in that indent on a list item's first line.
struct CellLine {
    line: ShapedLine,
    indent: f32,
    mark: Option<ShapedLine>,
}

/// What opens an item of a list set in a table cell, one item a line (a
/// bullet and a no-break space): the item's wrapped lines hang under its
/// text, right of the bullet, so that the eye finds where each item starts.
pub const CELL_BULLET: &str = "\u{2022}\u{a0}";

pub struct Flow<'a> {
    sh: &'a mut Shaper,
    sink: &'a mut dyn FnMut(Page),
    page: Page,
    /// Number of the current page, 1-based.
    page_no: usize,
    /// Finished pages still empty: held back, since trailing empty pages are dropped.
    empty_pending: usize,
    /// Pages handed to the sink.
    sent: usize,
    y: f32,
    bookmarks: Vec<Bookmark>,
    header: Option<ShapedLine>,
    keep: Option<Keep>,
    /// The name of the block being laid out (from `Block::Named`).
    source: Option<String>,
    /// The current level-1 and level-2 headings.
    section: [String; 2],
    warnings: Vec<(String, Vec<char>)>,
    /// The document's references shaped ahead, in order (see [`Flow::with_prepared`]).
    prepared: Option<std::sync::mpsc::Receiver<PreparedRef>>,
}

impl<'a> Flow<'a> {
    /// A flow that hands each finished page to `sink`, with the running header
    /// made from `title`.
    pub fn new(sh: &'a mut Shaper, sink: &'a mut dyn FnMut(Page), title: &str) -> Self {
        let header = sh.first_line(title, Weight::Regular, 8.0, CONTENT_W * 0.8);
        let mut flow = Self {
            sh,
            sink,
            page: Page::default(),
            page_no: 1,
            empty_pending: 0,
            sent: 0,
            y: TOP,
            bookmarks: Vec::new(),
            header: (!header.glyphs.is_empty()).then_some(header),
            keep: None,
            source: None,
            section: [String::new(), String::new()],
            warnings: Vec::new(),
            prepared: None,
        };
        flow.note_missing(|| "the report title".to_string());
        flow
    }

    /// This flow, taking its references already shaped from `prepared`: one
    /// [`PreparedRef`] for each `Block::Reference` of the document, in the
    /// order [`shape_references`] visits them (another thread makes them
    /// while this one lays out, so it only places them). When the channel
    /// closes early, the rest are shaped here: the pages are the same.
    pub fn with_prepared(mut self, prepared: std::sync::mpsc::Receiver<PreparedRef>) -> Self {
        self.prepared = Some(prepared);
        self
    }

    fn new_page(&mut self) {
        self.finish_page();
        self.page_no += 1;
        self.y = TOP;
    }

    /// Hands the current page to the sink (empty ones wait: see `empty_pending`).
    fn finish_page(&mut self) {
        let mut page = std::mem::take(&mut self.page);
        if page.items.is_empty() {
            self.empty_pending += 1;
            return;
        }
        for _ in 0..self.empty_pending {
            let mut empty = Page::default();
            self.decorate(&mut empty);
            (self.sink)(empty);
            self.sent += 1;
        }
        self.empty_pending = 0;
        self.decorate(&mut page);
        (self.sink)(page);
        self.sent += 1;
    }

    /// The running header (not on title pages).
    fn decorate(&self, page: &mut Page) {
        if page.is_title {
            return;
        }
        if let Some(h) = &self.header {
            let x = if h.rtl { MARGIN_X + CONTENT_W - h.width } else { MARGIN_X };
            page.items.push(Item::Text { x, y: HEADER_BASELINE, line: h.clone(), color: MUTED });
        }
        page.items.push(Item::Rule {
            x1: MARGIN_X,
            y1: HEADER_RULE,
            x2: MARGIN_X + CONTENT_W,
            y2: HEADER_RULE,
            width: 0.5,
            color: RULE_LIGHT,
        });
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Start a new page unless `h` more points fit (or we are already at the top);
    /// a heading just placed goes along.
    fn need(&mut self, h: f32) {
        if self.y + h > BOTTOM && !self.at_top() {
            self.break_keeping();
        }
    }

    /// A new page, taking along the heading just placed (if nothing followed it
    /// yet and it does not already start its page).
    /// A page break before a table that does not start here: a heading with
    /// a lead-in at least [`KEPT_STANDS_ALONE`] tall already stands on its
    /// own, so it stays and the table starts the next page (moving them
    /// along left the sample report's page 9 29 % empty above "Modules
    /// missing a theme", whose lead-in is nine lines); a shorter one goes
    /// with the table ([`Flow::break_keeping`]).
    fn break_before_table(&mut self) {
        if self.keep.as_ref().is_some_and(|k| k.page_no == self.page_no && self.y - k.top >= KEPT_STANDS_ALONE) {
            self.keep = None;
            self.new_page();
        } else {
            self.break_keeping();
        }
    }

    fn break_keeping(&mut self) {
        let Some(k) = self.keep.take() else {
            self.new_page();
            return;
        };
        if k.page_no != self.page_no || k.top <= TOP + 0.5 || k.first_item > self.page.items.len() {
            self.new_page();
            return;
        }
        let moved: Vec<Item> = self.page.items.drain(k.first_item..).collect();
        let height = self.y - k.top;
        self.new_page();
        let dy = TOP - k.top;
        for mut it in moved {
            it.shift(dy);
            self.page.items.push(it);
        }
        if let Some(b) = k.bookmark.and_then(|i| self.bookmarks.get_mut(i)) {
            b.page = self.page_no;
            b.y = TOP;
        }
        self.y = TOP + height;
    }

    fn push(&mut self, item: Item) {
        self.keep = None;
        self.page.items.push(item);
    }

    fn text_at(&mut self, x: f32, y: f32, line: ShapedLine, color: Rgb) {
        if !line.glyphs.is_empty() {
            self.push(Item::Text { x, y, line, color });
        }
    }

    /// Places a line in a box of width `w`; a right-to-left line asked to align
    /// left aligns right (to its start).
    fn text_aligned(&mut self, x: f32, w: f32, y: f32, line: ShapedLine, align: &Align, color: Rgb) {
        let dx = match (align, line.rtl) {
            (Align::Left, false) => 0.0,
            (Align::Right, _) | (Align::Left, true) => (w - line.width).max(0.0),
            (Align::Center, _) => ((w - line.width) / 2.0).max(0.0),
        };
        self.text_at(x + dx, y, line, color);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Item::Rect { x, y, w, h, color });
    }

    fn hrule(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.push(Item::Rule { x1, y1: y, x2, y2: y, width, color });
    }

    fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    /// Moves the characters the shaper found in no font into the warnings,
    /// under the name of where they came from.
    fn note_missing(&mut self, what: impl FnOnce() -> String) {
        if self.sh.missing.is_empty() {
            return;
        }
        let chars = std::mem::take(&mut self.sh.missing);
        let place = match &self.source {
            Some(s) => s.clone(),
            None => {
                let what = what();
                let section = self.section.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" › ");
                if section.is_empty() { what } else { format!("{what} in section \"{section}\"") }
            }
        };
        match self.warnings.iter_mut().find(|(p, _)| *p == place) {
            Some((_, cs)) => {
                for c in chars {
                    if !cs.contains(&c) {
                        cs.push(c);
                    }
                }
            }
            None => self.warnings.push((place, chars)),
        }
    }

    /// Lays out every block, hands the last page to the sink and returns what
    /// the writer needs besides the pages.
    pub fn run(mut self, doc: &Document) -> Outline {
        for (i, b) in doc.blocks.iter().enumerate() {
            self.block(b, &doc.blocks[i + 1..]);
        }
        self.finish_page();
        if self.sent == 0 {
            // An empty document still has one page.
            let mut empty = Page::default();
            self.decorate(&mut empty);
            (self.sink)(empty);
            self.sent = 1;
        }
        let warnings = self
            .warnings
            .iter()
            .map(|(place, chars)| {
                let list = chars.iter().map(|c| format!("U+{:04X} ({c})", *c as u32)).collect::<Vec<_>>().join(", ");
                if chars.len() == 1 {
                    format!("{place}: a character is in no font and is drawn as an empty box: {list}")
                } else {
                    format!("{place}: {} characters are in no font and are drawn as empty boxes: {list}", chars.len())
                }
            })
            .collect();
        Outline { pages: self.sent, bookmarks: self.bookmarks, warnings }
    }

    /// Lays out `b`; `rest` (the blocks after it) is read, never drawn, so a
    /// heading knows what it must keep with it.
    fn block(&mut self, b: &Block, rest: &[Block]) {
        match b {
            Block::Named { name, block } => {
                let outer = self.source.replace(name.clone());
                self.block(block, rest);
                self.source = outer;
            }
            Block::TitlePage { title, subtitle, lines } => {
                self.title_page(title, subtitle, lines);
                self.note_missing(|| "the title page".to_string());
            }
            Block::Heading { level, text } => {
                self.heading(*level, text, rest);
                self.note_missing(|| format!("the heading \"{}\"", short(text)));
            }
            Block::Paragraph { text, style } => {
                let st = style_of(style);
                let lines = self.sh.wrap(text, st.weight, st.size, CONTENT_W);
                self.note_missing(|| format!("the paragraph \"{}\"", short(text)));
                // A short lead-in under a heading goes with the heading to
                // whatever follows (a table that starts on the next page).
                let mut keep = self.keep.take();
                let fits = |f: &Self| f.y + lines.len() as f32 * st.leading <= BOTTOM;
                if keep.is_some() && lines.len() <= 6 && !fits(self) {
                    // A short lead-in that does not fit under its heading
                    // takes the heading (and the lead-ins before it) along.
                    self.keep = keep.take();
                    self.break_keeping();
                }
                let lead_in = keep.is_some() && lines.len() <= 6 && fits(self);
                self.lines(lines, &st, MARGIN_X, CONTENT_W);
                self.y += if st.size < 10.0 { 4.0 } else { 6.0 };
                if lead_in {
                    self.keep = keep;
                }
            }
            Block::Bullets(items) => self.bullets(items),
            Block::KeyFigures(figs) => {
                self.key_figures(figs);
                self.note_missing(|| "the key figures".to_string());
            }
            Block::Table(t) => self.table(t, rest),
            Block::HeatMap(h) => self.heat_map(h),
            Block::Reference { label, text, note } => {
                self.reference(label, text, note.as_deref());
                self.note_missing(|| format!("the reference \"{}\"", short(&text.text)));
            }
            Block::Spacer(h) => {
                if !self.at_top() {
                    self.y += h.max(0.0);
                    if self.y > BOTTOM {
                        self.new_page();
                    }
                }
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    /// Places `heights.len()` units with orphan and widow control; `draw` puts
    /// unit `i` with its top at the flow's `y`.
    fn place_units(&mut self, heights: &[f32], min: usize, draw: impl FnMut(&mut Self, usize)) {
        self.place_units_except(heights, min, &|_| false, draw);
    }

    /// [`Flow::place_units`], never breaking the page just before a unit `j`
    /// for which `no_break_before(j)` holds (a reference's note and the
    /// lines around it): the break moves up to an allowed place that keeps
    /// `min` units on this page, or the units move to the next page, unless
    /// they are at the top of one already (nothing better can be done).
    fn place_units_except(
        &mut self,
        heights: &[f32],
        min: usize,
        no_break_before: &dyn Fn(usize) -> bool,
        mut draw: impl FnMut(&mut Self, usize),
    ) {
        let mut i = 0;
        while i < heights.len() {
            let at_top = self.at_top();
            let take = plan(BOTTOM - self.y, BOTTOM - TOP, &heights[i..], heights.len() - i, min, at_top);
            let k = match take {
                Take::Units(k) if i + k < heights.len() && no_break_before(i + k) => {
                    let mut j = k;
                    while j > 0 && no_break_before(i + j) {
                        j -= 1;
                    }
                    if j >= min.min(heights.len() - i) {
                        j
                    } else if !at_top {
                        self.break_keeping();
                        continue;
                    } else {
                        k
                    }
                }
                Take::Units(k) => k,
                Take::NewPage => {
                    self.break_keeping();
                    continue;
                }
                Take::Split => 1,
            };
            for (j, h) in heights.iter().enumerate().skip(i).take(k) {
                draw(self, j);
                self.y += h;
            }
            i += k;
            if i < heights.len() {
                self.new_page();
            }
        }
    }

    /// Lines of one paragraph, at `x` in a box `w` wide.
    fn lines(&mut self, lines: Vec<ShapedLine>, st: &TextStyle, x: f32, w: f32) {
        let heights = vec![st.leading; lines.len()];
        let mut lines = lines.into_iter();
        self.place_units(&heights, MIN_LINES, |f, _| {
            if let Some(l) = lines.next() {
                let by = baseline(f.y, st.leading, st.size);
                f.text_aligned(x, w, by, l, &Align::Left, st.color);
            }
        });
    }

    fn title_page(&mut self, title: &str, subtitle: &str, lines: &[String]) {
        if !self.page.items.is_empty() || !self.at_top() {
            self.new_page();
        }
        self.page.is_title = true;
        // Colour band at the top and a thin one at the bottom.
        self.rect(0.0, 0.0, PAGE_W, 14.0, NAVY);
        self.rect(0.0, 14.0, PAGE_W, 3.0, TEAL);
        self.rect(0.0, PAGE_H - 8.0, PAGE_W, 8.0, NAVY);
        let cx = MARGIN_X;
        let w = CONTENT_W;
        // The title page holds a long title's first lines, ending in "…"
        // (the whole title is in the document's metadata).
        self.y = 250.0;
        for l in self.sh.fit_lines(title, Weight::Bold, 28.0, w - 40.0, 8) {
            let by = baseline(self.y, 36.0, 28.0);
            self.text_aligned(cx, w, by, l, &Align::Center, NAVY);
            self.y += 36.0;
        }
        self.note_missing(|| "the report title".to_string());
        if !subtitle.is_empty() {
            self.y += 8.0;
            for l in self.sh.fit_lines(subtitle, Weight::Regular, 14.0, w - 60.0, 4) {
                let by = baseline(self.y, 20.0, 14.0);
                self.text_aligned(cx, w, by, l, &Align::Center, MUTED);
                self.y += 20.0;
            }
        }
        self.y += 22.0;
        self.rect(PAGE_W / 2.0 - 36.0, self.y, 72.0, 2.5, TEAL);
        self.y += 30.0;
        for s in lines {
            // As many lines as the page holds; the last one shown ends in "…".
            let room = ((BOTTOM - self.y) / 16.5).floor().max(0.0) as usize;
            if room == 0 {
                break;
            }
            for l in self.sh.fit_lines(s, Weight::Regular, 11.0, w - 60.0, room) {
                let by = baseline(self.y, 16.5, 11.0);
                self.text_aligned(cx, w, by, l, &Align::Center, TEXT);
                self.y += 16.5;
            }
            self.y += 4.0;
        }
        self.new_page();
    }

    /// The height of what follows a heading that must go on its page with
    /// it: up to three lines of the paragraph or list item after it (all of
    /// it when shorter: a one-sentence section needs one line, not three),
    /// else three body lines (a table or heat map keeps its own first rows
    /// with the heading through `keep`).
    fn follow_height(&mut self, rest: &[Block]) -> f32 {
        const KEPT: usize = 3;
        let body = style_of(&Style::Body);
        let before = self.sh.missing.len();
        let h = match rest.first().map(unnamed) {
            Some(Block::Paragraph { text, style }) => {
                let st = style_of(style);
                self.sh.wrap(text, st.weight, st.size, CONTENT_W).len().clamp(1, KEPT) as f32 * st.leading
            }
            Some(Block::Bullets(items)) if !items.is_empty() => {
                self.sh.wrap(&items[0], body.weight, body.size, CONTENT_W - 16.0).len().clamp(1, KEPT) as f32
                    * body.leading
            }
            _ => KEPT as f32 * body.leading,
        };
        // Measuring is not drawing: a missing glyph is reported where it is drawn.
        self.sh.missing.truncate(before);
        h
    }

    /// The height a level-1 section needs on a page to start there: its
    /// lead-in paragraphs and minor headings up to six lines of text, then
    /// the first [`MIN_ROWS`] rows of a table (or three lines of anything
    /// else).
    fn start_height(&mut self, rest: &[Block]) -> f32 {
        const LEAD_LINES: usize = 6;
        let before = self.sh.missing.len();
        let body = style_of(&Style::Body);
        let few = MIN_ROWS as f32 * (ROW_LEADING + 2.0 * ROW_PAD_Y);
        let (mut h, mut lines) = (0.0, 0usize);
        for b in rest {
            match unnamed(b) {
                Block::Heading { level, .. } if *level <= 1 => break,
                Block::PageBreak | Block::TitlePage { .. } => break,
                Block::Paragraph { text, style } => {
                    let st = style_of(style);
                    let n = self.sh.wrap(text, st.weight, st.size, CONTENT_W).len();
                    let take = n.min(LEAD_LINES - lines);
                    h += take as f32 * st.leading + if take == n { 6.0 } else { 0.0 };
                    lines += take;
                    if lines >= LEAD_LINES {
                        break;
                    }
                }
                Block::Heading { level, text } if *level > 1 => {
                    h += self.sh.wrap(text, Weight::Bold, 12.5, CONTENT_W).len() as f32 * 17.0 + 16.0;
                }
                Block::Table(_) => {
                    h += 2.0 * ROW_LEADING + few;
                    break;
                }
                _ => {
                    h += 3.0 * body.leading;
                    break;
                }
            }
        }
        self.sh.missing.truncate(before);
        h
    }

    /// The height of a section made only of a few lines of text (paragraphs,
    /// list items, minor headings: at most [`SHORT_SECTION`] points) up to the
    /// next section, or `None` when it holds more or holds a table, figure or
    /// reference. Such a section follows the previous one on its page.
    fn short_section(&mut self, rest: &[Block]) -> Option<f32> {
        let before = self.sh.missing.len();
        let mut h = 0.0;
        for b in rest {
            h += match unnamed(b) {
                Block::Heading { level, .. } if *level <= 1 => break,
                Block::PageBreak | Block::TitlePage { .. } => break,
                Block::Heading { text, .. } => {
                    self.sh.wrap(text, Weight::Bold, 12.5, CONTENT_W).len() as f32 * 17.0 + 16.0
                }
                Block::Paragraph { text, style } => {
                    let st = style_of(style);
                    self.sh.wrap(text, st.weight, st.size, CONTENT_W).len() as f32 * st.leading + 6.0
                }
                Block::Bullets(items) => {
                    let body = style_of(&Style::Body);
                    items
                        .iter()
                        .map(|it| {
                            self.sh.wrap(it, body.weight, body.size, CONTENT_W - 16.0).len() as f32 * body.leading + 2.5
                        })
                        .sum::<f32>()
                        + 4.0
                }
                Block::Spacer(s) => s.max(0.0),
                _ => f32::INFINITY,
            };
            if h > SHORT_SECTION {
                break;
            }
        }
        self.sh.missing.truncate(before);
        (h <= SHORT_SECTION).then_some(h)
    }

    fn heading(&mut self, level: u8, text: &str, rest: &[Block]) {
        let (size, leading) = match level {
            0 | 1 => (18.0, 24.0),
            2 => (12.5, 17.0),
            _ => (10.5, 15.0),
        };
        let lines = self.sh.wrap(text, Weight::Bold, size, CONTENT_W);
        let mut bookmark = None;
        if level <= 1 {
            if !self.at_top() {
                // A section of a few lines goes under the previous content
                // when it fits there whole; any other section starts there
                // too when at least a quarter of the page is left and its
                // heading, its lead-in and the first rows or lines of what
                // follows fit (so no page is left mostly empty); else it
                // starts a page.
                let own = SECTION_GAP + lines.len() as f32 * leading + 18.0;
                let roomy = BOTTOM - self.y >= TAIL_PAGE;
                let fits = match self.short_section(rest) {
                    Some(h) => self.y + own + h <= BOTTOM,
                    None => roomy && self.y + own + self.start_height(rest) <= BOTTOM,
                };
                if fits {
                    self.y += SECTION_GAP;
                } else {
                    self.new_page();
                }
            }
            self.section = [short(text), String::new()];
            bookmark = Some(self.bookmarks.len());
            self.bookmarks.push(Bookmark { title: text.to_string(), page: self.page_no, y: self.y });
        } else {
            if level == 2 {
                self.section[1] = short(text);
            }
            self.space(12.0);
            let follow = self.follow_height(rest);
            self.need(lines.len() as f32 * leading + 4.0 + follow);
        }
        let first_item = self.page.items.len();
        let top = self.y;
        for l in lines {
            if self.y + leading > BOTTOM && !self.at_top() {
                // A heading taller than a page (a pathological title) flows on.
                self.new_page();
            }
            let by = baseline(self.y, leading, size);
            self.text_aligned(MARGIN_X, CONTENT_W, by, l, &Align::Left, NAVY);
            self.y += leading;
        }
        self.y += 4.0;
        if level <= 1 {
            self.rect(MARGIN_X, self.y, 40.0, 2.0, TEAL);
            self.hrule(MARGIN_X + 40.0, MARGIN_X + CONTENT_W, self.y + 1.0, 0.4, RULE_LIGHT);
            self.y += 14.0;
        }
        self.keep =
            Some(Keep { page_no: self.page_no, first_item: first_item.min(self.page.items.len()), top, bookmark });
    }

    fn bullets(&mut self, items: &[String]) {
        let st = style_of(&Style::Body);
        let indent = 16.0;
        for it in items {
            let lines = self.sh.wrap(it, st.weight, st.size, CONTENT_W - indent);
            self.note_missing(|| format!("the list item \"{}\"", short(it)));
            let rtl = lines.first().is_some_and(|l| l.rtl);
            let heights = vec![st.leading; lines.len()];
            let mut lines = lines.into_iter().enumerate();
            self.place_units(&heights, MIN_LINES, |f, _| {
                let Some((i, l)) = lines.next() else { return };
                let by = baseline(f.y, st.leading, st.size);
                let text_x = if rtl { MARGIN_X } else { MARGIN_X + indent };
                if i == 0 {
                    // Bullet: a small filled square in the accent colour, on the side the text starts.
                    let bx = if rtl { MARGIN_X + CONTENT_W - 7.6 } else { MARGIN_X + 4.0 };
                    f.rect(bx, by - 5.2, 3.6, 3.6, TEAL);
                }
                f.text_aligned(text_x, CONTENT_W - indent, by, l, &Align::Left, st.color);
            });
            self.y += 2.5;
        }
        self.y += 4.0;
    }

    fn key_figures(&mut self, figs: &[(String, String)]) {
        if figs.is_empty() {
            return;
        }
        let n = figs.len();
        let cols = match n {
            1..=4 => n,
            5 | 6 | 9 => 3,
            _ => 4,
        };
        let gap = 10.0;
        let bw = (CONTENT_W - gap * (cols as f32 - 1.0)) / cols as f32;
        self.space(4.0);
        for row in figs.chunks(cols) {
            let mut labels = Vec::new();
            let mut values = Vec::new();
            for (label, value) in row {
                let inner = bw - 22.0;
                let mut size = 20.0f32;
                let w = self.sh.width(value, Weight::Bold, size);
                if w > inner && w > 0.0 {
                    size = (size * inner / w).max(9.0);
                }
                values.push(self.sh.fit_lines(value, Weight::Bold, size, inner, 3));
                labels.push(self.sh.fit_lines(label, Weight::Regular, 8.5, inner, 4));
            }
            let vlines = values.iter().map(|v| v.len()).max().unwrap_or(1) as f32;
            let llines = labels.iter().map(|v| v.len()).max().unwrap_or(1) as f32;
            let bh = 12.0 + vlines * 26.0 + llines * 11.0 + 10.0;
            self.need(bh);
            let top = self.y;
            for (i, (vals, labs)) in values.into_iter().zip(labels).enumerate() {
                let x = MARGIN_X + i as f32 * (bw + gap);
                self.rect(x, top, bw, bh, BOX_FILL);
                self.rect(x, top, 3.0, bh, TEAL);
                let mut y = top + 10.0;
                for l in vals {
                    let size = l.size;
                    let by = y + size * 0.95;
                    self.text_aligned(x + 13.0, bw - 22.0, by, l, &Align::Left, NAVY);
                    y += 26.0;
                }
                y += 2.0;
                for l in labs {
                    let by = baseline(y, 11.0, 8.5);
                    self.text_aligned(x + 13.0, bw - 22.0, by, l, &Align::Left, MUTED);
                    y += 11.0;
                }
            }
            self.y = top + bh + gap;
        }
        self.y += 2.0;
    }

    /// Places a reference: the next one shaped ahead of the flow when there
    /// is one (see [`Flow::with_prepared`]), else shaped here.
    fn reference(&mut self, label: &str, text: &Rich, note: Option<&str>) {
        let ahead = self.prepared.as_ref().and_then(|rx| rx.recv().ok());
        let r = match ahead {
            Some(r) => {
                // As if shaped here: its missing characters join any not yet
                // reported, in the order the shaper met them.
                for c in r.missing.iter() {
                    if !self.sh.missing.contains(c) {
                        self.sh.missing.push(*c);
                    }
                }
                self.sh.shaped_bytes += r.shaped_bytes;
                r
            }
            None => {
                // The shaping thread is gone (or never was): shape here.
                self.prepared = None;
                prepare_reference(self.sh, label, text, note)
            }
        };
        self.place_reference(r);
    }

    fn place_reference(&mut self, r: PreparedRef) {
        let PreparedRef { lab, lines, notes, hang, hanging, .. } = r;
        let st = style_of(&Style::Body);
        let ns = note_style();
        // Every entry is left to right ([`prepare_reference`]).
        let text_x = MARGIN_X + hang;
        let n_text = lines.len();
        let mut heights = vec![st.leading; n_text];
        if !notes.is_empty() {
            heights.push(ns.leading + 1.0);
            heights.extend(std::iter::repeat_n(ns.leading, notes.len() - 1));
        }
        // Rule 4 of the module's doc: no break between the reference's text
        // and its note's first MIN_LINES lines, nor one leaving a single
        // line of the text with the note (the tester's Sjoding, reference 24
        // at the foot of a page and its annotation alone on the next).
        let n_notes = notes.len();
        let no_break_before = move |j: usize| n_notes > 0 && j + 1 >= n_text && j < n_text + MIN_LINES.min(n_notes);
        let mut all = lines.into_iter().chain(notes);
        self.place_units_except(&heights, MIN_LINES, &no_break_before, |f, i| {
            let Some(l) = all.next() else { return };
            if i < n_text {
                let by = baseline(f.y, st.leading, st.size);
                if i == 0 {
                    f.text_aligned(MARGIN_X, hang - 6.0, by, lab.clone(), &Align::Right, MUTED);
                }
                // Unlabelled: the first line out at the margin, the others
                // hanging. Every line was wrapped to the same width.
                let x = if i == 0 && hanging { MARGIN_X } else { text_x };
                f.text_aligned(x, CONTENT_W - hang, by, l, &Align::Left, st.color);
            } else {
                let top = if i == n_text { f.y + 1.0 } else { f.y };
                let by = baseline(top, ns.leading, ns.size);
                // A note sits in its reference's column, right of the
                // label, and aligns to its own start: an English note starts
                // where every reference starts, a Hebrew one ends at the
                // right margin.
                f.text_aligned(text_x, CONTENT_W - hang, by, l, &Align::Left, ns.color);
            }
        });
        self.y += 5.0;
    }

    fn table(&mut self, t: &Table, rest: &[Block]) {
        if t.columns.is_empty() {
            return;
        }
        let mut g = self.grid(t);
        g.tail = self.closing_note_height(rest);
        self.space(4.0);
        let n = t.rows.len();
        let mut c = Cursor { queue: VecDeque::new(), shaped: 0, placed: 0, off: 0, header_here: false };
        if n == 0 {
            self.need(g.header_h + 2.0 * ROW_LEADING);
            self.table_header(&g);
        }
        while c.placed < n {
            let avail = BOTTOM - self.y - if c.header_here { 0.0 } else { g.header_h };
            let heights = self.look_ahead(&g, &mut c, avail);
            let at_top = self.at_top() || (c.header_here && c.off > 0);
            let take = plan_with(avail, BOTTOM - TOP - g.header_h, &heights, n - c.placed, MIN_ROWS, TALL_ROW, at_top);
            let mut fill = false;
            let k = match take {
                Take::NewPage => {
                    let mut rows = 0;
                    if self.split_front(&g, &mut c, SPLIT_ROOM) {
                        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.8, RULE_DARK);
                        self.new_page();
                    } else if let Some(k) = self.rows_then_split(&heights, avail, n - c.placed) {
                        fill = true;
                        rows = k;
                    } else if let Some(k) = self.rows_with_their_heading(&heights, avail, n - c.placed, g.header_h) {
                        fill = true;
                        rows = k;
                    } else {
                        self.break_before_table();
                    }
                    if !fill {
                        c.header_here = false;
                        continue;
                    }
                    rows
                }
                Take::Split => {
                    // A row taller than a page: as many of its lines as fit here
                    // (at least MIN_SPLIT_LINES, or start it on a fresh page),
                    // leaving at least MIN_SPLIT_LINES for the next part.
                    let fits = ((avail - 2.0 * ROW_PAD_Y) / ROW_LEADING).floor().max(0.0) as usize;
                    if fits < MIN_SPLIT_LINES && !self.at_top() {
                        self.break_keeping();
                        c.header_here = false;
                        continue;
                    }
                    self.ensure_header(&g, &mut c);
                    let Some(front) = c.queue.front() else { break };
                    let left = front.lines - c.off;
                    let lines = if fits >= left { left } else { fits.min(left.saturating_sub(MIN_SPLIT_LINES)).max(1) };
                    self.draw_row(&g, front, c.off, lines);
                    c.off += lines;
                    if c.off >= front.lines {
                        c.queue.pop_front();
                        c.placed += 1;
                        c.off = 0;
                    }
                    0
                }
                Take::Units(k) => k,
            };
            if k > 0 {
                self.ensure_header(&g, &mut c);
            }
            for _ in 0..k {
                let Some(front) = c.queue.pop_front() else { break };
                self.draw_row(&g, &front, c.off, front.lines - c.off);
                c.off = 0;
                c.placed += 1;
            }
            if c.placed < n {
                // A tall next row starts here rather than leave the room empty.
                self.split_front(&g, &mut c, if fill { 0.0 } else { SPLIT_ROOM });
                // The closing rule of the table's part on this page.
                self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.8, RULE_DARK);
                self.new_page();
                c.header_here = false;
            }
        }
        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.8, RULE_DARK);
        self.y += TABLE_GAP_AFTER;
    }

    /// Starts the next row here and lets it go on over the page when it does
    /// not fit the room left and moving it would leave at least `min_room`
    /// empty, as long as each part keeps [`MIN_SPLIT_LINES`] lines (rule 1
    /// of the module's doc). A row that fits on a page of its own is split
    /// only with at least [`SPLIT_ROOM`] of room (a page left less than a
    /// sixth empty is better than a row cut); a taller one (a module with
    /// forty linked readings) wherever its parts are long enough. Returns
    /// whether it placed any of the row.
    fn split_front(&mut self, g: &Grid, c: &mut Cursor, min_room: f32) -> bool {
        let avail = BOTTOM - self.y - if c.header_here { 0.0 } else { g.header_h };
        // What moving the row would leave empty: from the heading and lead-in
        // kept with the table when they are on this page (they move with it),
        // else from here. A subsection's first row measured from under its
        // heading left pages 28 % empty (r13: the small report's pages 6, 7).
        let kept = self.keep.as_ref().filter(|k| k.page_no == self.page_no && c.placed == 0).map(|k| k.top);
        let empty = kept.map_or(avail, |top| BOTTOM - top);
        if empty < min_room {
            return false;
        }
        if c.queue.is_empty() && c.shaped < g.t.rows.len() {
            let r = self.shape_row(g, c.shaped);
            c.shaped += 1;
            c.queue.push_back(r);
        }
        let Some(left) = c.queue.front().map(|r| r.lines - c.off) else { return false };
        let fits = ((avail - 2.0 * ROW_PAD_Y) / ROW_LEADING).floor().max(0.0) as usize;
        if fits >= left || (left <= g.page_lines() && empty < SPLIT_ROOM) {
            return false;
        }
        let take = fits.min(left.saturating_sub(MIN_SPLIT_LINES));
        if take < MIN_SPLIT_LINES {
            return false;
        }
        self.ensure_header(g, c);
        let Some(front) = c.queue.pop_front() else { return false };
        self.draw_row(g, &front, c.off, take);
        c.queue.push_front(front);
        c.off += take;
        true
    }

    /// On a page that would be left more than half empty by moving the
    /// table on (its next rows are too few or too short to stand alone,
    /// and the row after them is long): how many whole rows go here before
    /// the start of that long row, which then goes on over the page with at
    /// least [`MIN_SPLIT_LINES`] lines on each side (issue 13, 13k: a page of
    /// the sample report was left a third empty so). `None` when the page
    /// is fuller, or the next row cannot be split so (a part would be
    /// shorter).
    fn rows_then_split(&self, heights: &[f32], avail: f32, remaining: usize) -> Option<usize> {
        // The page as moving on would leave it: without the heading and
        // lead-in kept with the table.
        let y = self.keep.as_ref().filter(|k| k.page_no == self.page_no).map_or(self.y, |k| k.top);
        if self.at_top() || y - TOP >= (BOTTOM - TOP) * 0.5 {
            return None;
        }
        let mut used = 0.0;
        let mut k = 0;
        while k < heights.len().min(remaining) && used + heights[k] <= avail + 0.01 {
            used += heights[k];
            k += 1;
        }
        let next = *heights.get(k)?;
        let lines = ((next - 2.0 * ROW_PAD_Y) / ROW_LEADING).round() as usize;
        let fits = ((avail - used - 2.0 * ROW_PAD_Y) / ROW_LEADING).floor().max(0.0) as usize;
        (k < remaining && fits.min(lines.saturating_sub(MIN_SPLIT_LINES)) >= MIN_SPLIT_LINES).then_some(k)
    }

    /// The whole rows that fit here when [`plan`] would move the table on
    /// because they are fewer than [`MIN_ROWS`] and shorter than a quarter
    /// of a page, but the part of the table on this page, as the reader sees
    /// it, is no stub: with its header and the heading and lead-in kept with
    /// it ([`Keep`]), it fills at least a quarter of a page ([`TAIL_PAGE`]),
    /// and the rows left for the next page are no stub either. A finding of
    /// fourteen lines under its section's heading is a table's start, not a
    /// stub (issue 13, 13o: moving it left a third of the sample report's
    /// page 5 empty). `None` at the top of a page, when no row fits, or when
    /// every row does.
    fn rows_with_their_heading(&self, heights: &[f32], avail: f32, remaining: usize, header_h: f32) -> Option<usize> {
        if self.at_top() {
            return None;
        }
        let top = self.keep.as_ref().filter(|k| k.page_no == self.page_no).map_or(self.y, |k| k.top);
        let mut used = 0.0;
        let mut k = 0;
        while k < heights.len().min(remaining) && used + heights[k] <= avail + 0.01 {
            used += heights[k];
            k += 1;
        }
        if k == 0 || k >= remaining {
            return None;
        }
        let part = (self.y - top) + header_h + used;
        let rest = remaining - k;
        // The rows after them: `heights` holds at least MIN_ROWS past those that fit.
        let rest_h: f32 = heights.get(k..remaining).map_or(f32::INFINITY, |h| h.iter().sum());
        let rest_stub = rest < MIN_ROWS && rest_h < TALL_ROW - 0.01;
        (part >= TAIL_PAGE && !rest_stub).then_some(k)
    }

    /// The room a table's closing note needs under its last row (rule 5 of
    /// the module's doc): the gap under the table and the note's lines that
    /// must go with the row (all of a note of three lines or fewer, else
    /// the [`MIN_LINES`] a paragraph keeps on either side of a break). Zero
    /// when no note follows: a closing note is a muted or small paragraph
    /// right after the table ("No linked reading … (2): TM301; TM401").
    fn closing_note_height(&mut self, rest: &[Block]) -> f32 {
        let Some(Block::Paragraph { text, style: style @ (Style::Muted | Style::Small) }) = rest.first().map(unnamed)
        else {
            return 0.0;
        };
        let st = style_of(style);
        let before = self.sh.missing.len();
        let lines = self.sh.wrap(text, st.weight, st.size, CONTENT_W).len();
        // Measuring is not drawing: a missing glyph is reported where it is drawn.
        self.sh.missing.truncate(before);
        let kept = if lines < 2 * MIN_LINES { lines } else { MIN_LINES };
        TABLE_GAP_AFTER + kept as f32 * st.leading
    }

    /// Column widths and positions, and the header shaped.
    fn grid<'t>(&mut self, t: &'t Table) -> Grid<'t> {
        let total: f32 = t.columns.iter().map(|c| c.weight.max(0.01)).sum();
        let widths: Vec<f32> = t.columns.iter().map(|c| CONTENT_W * c.weight.max(0.01) / total).collect();
        let xs: Vec<f32> = widths
            .iter()
            .scan(MARGIN_X, |x, w| {
                let cur = *x;
                *x += w;
                Some(cur)
            })
            .collect();
        let header: Vec<Vec<ShapedLine>> = t
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.sh.fit_lines(&c.header, Weight::Bold, ROW_SIZE, (w - 2.0 * ROW_PAD_X).max(4.0), 6))
            .collect();
        self.note_missing(|| "a table header".to_string());
        let header_lines = header.iter().map(|c| c.len()).max().unwrap_or(1);
        let header_h = header_lines as f32 * ROW_LEADING + 2.0 * ROW_PAD_Y;
        Grid { t, widths, xs, header, header_lines, header_h, tail: 0.0 }
    }

    fn ensure_header(&mut self, g: &Grid, c: &mut Cursor) {
        if !c.header_here {
            self.table_header(g);
            c.header_here = true;
        }
    }

    /// The header row, repeated on every page the table reaches.
    fn table_header(&mut self, g: &Grid) {
        let top = self.y;
        self.rect(MARGIN_X, top, CONTENT_W, g.header_h, HEADER_FILL);
        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, top, 0.8, RULE_DARK);
        for (ci, cell) in g.header.iter().enumerate() {
            // Bottom-align header labels.
            let pad = (g.header_lines - cell.len().min(g.header_lines)) as f32 * ROW_LEADING;
            for (li, l) in cell.iter().enumerate() {
                let by = baseline(top + ROW_PAD_Y + pad + li as f32 * ROW_LEADING, ROW_LEADING, ROW_SIZE);
                let (x, w) = (g.xs[ci] + ROW_PAD_X, g.widths[ci] - 2.0 * ROW_PAD_X);
                self.text_aligned(x, w, by, l.clone(), &g.t.columns[ci].align, NAVY);
            }
        }
        self.y = top + g.header_h;
        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.6, RULE_DARK);
    }

    fn shape_row(&mut self, g: &Grid, index: usize) -> Row {
        let row = &g.t.rows[index];
        let cells: Vec<Vec<CellLine>> = (0..g.widths.len())
            .map(|ci| {
                let s = row.get(ci).map(|s| s.as_str()).unwrap_or("");
                self.cell_lines(s, (g.widths[ci] - 2.0 * ROW_PAD_X).max(4.0))
            })
            .collect();
        self.note_missing(|| {
            let first = row.iter().find(|c| !c.trim().is_empty()).map(|c| short(c)).unwrap_or_default();
            format!("table row {} (\"{first}\")", index + 1)
        });
        let lines = cells.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
        Row { index, cells, lines }
    }

    /// The lines of a cell's text `s` wrapped to `w`. A line of `s` that
    /// opens with [`CELL_BULLET`] is a list item: the bullet is drawn at the
    /// cell's start and the item's text, wrapped to the width left, hangs
    /// right of it (when the column is wide enough for that: more than
    /// twice the bullet). Other text wraps to the whole width.
    fn cell_lines(&mut self, s: &str, w: f32) -> Vec<CellLine> {
        let plain = |lines: Vec<ShapedLine>| lines.into_iter().map(|line| CellLine { line, indent: 0.0, mark: None });
        let mark_w = self.sh.width(CELL_BULLET, Weight::Regular, ROW_SIZE);
        if !s.split('\n').any(|h| h.starts_with(CELL_BULLET)) || mark_w * 2.0 >= w {
            let lines = self.sh.wrap(s, Weight::Regular, ROW_SIZE, w);
            return plain(lines).collect();
        }
        let mut out = Vec::new();
        for h in s.split('\n') {
            match h.strip_prefix(CELL_BULLET) {
                Some(item) => {
                    let mark = self.sh.shape("\u{2022}", Weight::Regular, ROW_SIZE);
                    for (i, line) in self.sh.wrap(item, Weight::Regular, ROW_SIZE, w - mark_w).into_iter().enumerate() {
                        out.push(CellLine { line, indent: mark_w, mark: (i == 0).then(|| mark.clone()) });
                    }
                }
                None => {
                    let lines = self.sh.wrap(h, Weight::Regular, ROW_SIZE, w);
                    out.extend(plain(lines));
                }
            }
        }
        out
    }

    /// Heights of the rows still to place, shaping ahead until they overflow
    /// `avail` and a few more: the plan looks at what a break would leave for
    /// the next page. Each row is shaped once.
    fn look_ahead(&mut self, g: &Grid, c: &mut Cursor, avail: f32) -> Vec<f32> {
        let n = g.t.rows.len();
        let mut heights: Vec<f32> = Vec::new();
        let mut used = 0.0;
        let mut extra = 0;
        let mut qi = 0;
        loop {
            if qi == c.queue.len() {
                if c.shaped == n {
                    break;
                }
                let r = self.shape_row(g, c.shaped);
                c.shaped += 1;
                c.queue.push_back(r);
            }
            let lines = c.queue[qi].lines - if qi == 0 { c.off } else { 0 };
            let last = if c.queue[qi].index + 1 == n { g.tail } else { 0.0 };
            let h = lines as f32 * ROW_LEADING + 2.0 * ROW_PAD_Y + last;
            heights.push(h);
            used += h;
            qi += 1;
            if used > avail {
                extra += 1;
                if extra > MIN_ROWS {
                    break;
                }
            }
        }
        heights
    }

    /// Lines `off..off + take` of a row (all of them unless a tall row is
    /// split). A row's part after the first (`off > 0`) opens its first cell
    /// with that cell's text and "(continued)" ("MED1006 (continued)"; "(cont.)"
    /// in a column too narrow for the word, the text alone in one too narrow
    /// for that), so a reader need not look back a page to see whose row goes on.
    fn draw_row(&mut self, g: &Grid, row: &Row, off: usize, take: usize) {
        let top = self.y;
        let rh = take as f32 * ROW_LEADING + 2.0 * ROW_PAD_Y;
        if row.index % 2 == 1 {
            self.rect(MARGIN_X, top, CONTENT_W, rh, STRIPE);
        }
        let continued = (off > 0)
            .then(|| g.t.rows[row.index].first().map(|s| s.trim()).filter(|s| !s.is_empty()))
            .flatten()
            .map(|first| {
                let w = (g.widths[0] - 2.0 * ROW_PAD_X).max(4.0);
                // In a column too narrow for "(continued)" the word would be
                // cut, leaving ")" alone on a line: the short form then, and
                // in one too narrow for that the name alone.
                let label = match ["(continued)", "(cont.)"]
                    .into_iter()
                    .find(|m| self.sh.width(m, Weight::Regular, ROW_SIZE) <= w)
                {
                    Some(mark) => format!("{first} {mark}"),
                    None => first.to_string(),
                };
                self.sh.wrap(&label, Weight::Regular, ROW_SIZE, w)
            });
        for (ci, cell) in row.cells.iter().enumerate() {
            if let (0, Some(label)) = (ci, &continued) {
                for (li, l) in label.iter().take(take).enumerate() {
                    let by = baseline(top + ROW_PAD_Y + li as f32 * ROW_LEADING, ROW_LEADING, ROW_SIZE);
                    let (x, w) = (g.xs[0] + ROW_PAD_X, g.widths[0] - 2.0 * ROW_PAD_X);
                    self.text_aligned(x, w, by, l.clone(), &g.t.columns[0].align, MUTED);
                }
                continue;
            }
            for (li, l) in cell.iter().enumerate().skip(off).take(take) {
                let by = baseline(top + ROW_PAD_Y + (li - off) as f32 * ROW_LEADING, ROW_LEADING, ROW_SIZE);
                let (x, w) = (g.xs[ci] + ROW_PAD_X, g.widths[ci] - 2.0 * ROW_PAD_X);
                if let Some(mark) = &l.mark {
                    self.text_at(x, by, mark.clone(), TEXT);
                }
                self.text_aligned(x + l.indent, w - l.indent, by, l.line.clone(), &g.t.columns[ci].align, TEXT);
            }
        }
        self.y = top + rh;
        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.3, RULE_LIGHT);
    }

    fn heat_map(&mut self, hm: &HeatMap) {
        let ncols = hm.col_labels.len();
        if ncols == 0 {
            return;
        }
        let lab_size = 8.5;
        let lab_lead = 11.0;
        let max_label =
            hm.row_labels.iter().map(|l| self.sh.width(l, Weight::Regular, lab_size)).fold(0.0f32, f32::max);
        let label_w = (max_label + 12.0).clamp(CONTENT_W * 0.18, CONTENT_W * 0.36);
        let cell_w = (CONTENT_W - label_w) / ncols as f32;
        // Shrink the column labels until every word fits its column (no mid-word breaks).
        let mut head_size = 8.0f32;
        while head_size > 6.0 {
            let widest = hm
                .col_labels
                .iter()
                .flat_map(|c| c.split_whitespace())
                .map(|w| self.sh.width(w, Weight::Bold, head_size))
                .fold(0.0f32, f32::max);
            if widest <= cell_w - 4.0 {
                break;
            }
            head_size -= 0.5;
        }
        let head_lead = head_size * 1.3;
        let heads: Vec<Vec<ShapedLine>> =
            hm.col_labels.iter().map(|c| self.sh.fit_lines(c, Weight::Bold, head_size, cell_w - 4.0, 5)).collect();
        self.note_missing(|| "the heat map's column labels".to_string());
        let head_lines = heads.iter().map(|h| h.len()).max().unwrap_or(1);
        let head_h = head_lines as f32 * head_lead + 8.0;
        let min_row_h = 18.0;
        let draw_header = |f: &mut Self| {
            let top = f.y;
            for (ci, h) in heads.iter().enumerate() {
                let x = MARGIN_X + label_w + ci as f32 * cell_w;
                // Bottom-align the header labels.
                let pad = (head_lines - h.len().min(head_lines)) as f32 * head_lead;
                for (li, l) in h.iter().enumerate() {
                    let by = baseline(top + 3.0 + pad + li as f32 * head_lead, head_lead, head_size);
                    f.text_aligned(x + 2.0, cell_w - 4.0, by, l.clone(), &Align::Center, NAVY);
                }
            }
            f.y = top + head_h;
            f.hrule(MARGIN_X, MARGIN_X + CONTENT_W, f.y - 1.0, 0.6, RULE_DARK);
        };
        // Row labels are short (three lines at most): shape them all first.
        let labels: Vec<Vec<ShapedLine>> = hm
            .row_labels
            .iter()
            .map(|label| {
                let lines = self.sh.fit_lines(label, Weight::Regular, lab_size, label_w - 8.0, 3);
                self.note_missing(|| format!("the heat map row \"{}\"", short(label)));
                lines
            })
            .collect();
        let heights: Vec<f32> = labels.iter().map(|l| (l.len() as f32 * lab_lead + 6.0).max(min_row_h)).collect();
        // The legend says what the colours mean: it keeps with the heat map's
        // last row (keep-with-previous), so page breaks are planned as if that
        // row were as tall as itself and the legend together.
        let cap = self.sh.wrap(&hm.legend, Weight::Regular, 8.5, CONTENT_W - 200.0);
        self.note_missing(|| "the heat map's legend".to_string());
        let legend_h = (cap.len() as f32 * 11.5).max(22.0);
        let mut kept = heights.clone();
        if let Some(last) = kept.last_mut() {
            *last += LEGEND_GAP + legend_h;
        }
        self.space(4.0);
        let mut labels = labels.into_iter();
        let mut ri = 0usize;
        while ri < heights.len() {
            let avail = BOTTOM - self.y - head_h;
            let take = plan(avail, BOTTOM - TOP - head_h, &kept[ri..], heights.len() - ri, MIN_ROWS, self.at_top());
            let k = match take {
                Take::NewPage => {
                    self.break_keeping();
                    continue;
                }
                Take::Split => 1,
                Take::Units(k) => k,
            };
            draw_header(self);
            for _ in 0..k {
                let lines = labels.next().unwrap_or_default();
                self.heat_row(hm, ri, lines, heights[ri], label_w, cell_w, lab_lead, lab_size);
                ri += 1;
            }
            if ri < heights.len() {
                self.new_page();
            }
        }
        if hm.row_labels.is_empty() {
            self.need(head_h + LEGEND_GAP + legend_h);
            draw_header(self);
        }
        // Legend: a ramp with its ends labelled, then the caption.
        self.y += LEGEND_GAP;
        self.need(legend_h);
        let top = self.y;
        let steps = 24;
        let rw = 120.0;
        let low = self.sh.shape("Low", Weight::Regular, 7.5);
        let lw = low.width;
        self.text_at(MARGIN_X, top + 8.0, low, MUTED);
        let rx = MARGIN_X + lw + 5.0;
        for i in 0..steps {
            let v = i as f64 / (steps - 1) as f64;
            let sw = rw / steps as f32;
            self.rect(rx + i as f32 * sw, top, sw + 0.2, 10.0, ramp(v));
        }
        self.push(Item::Rule { x1: rx, y1: top, x2: rx + rw, y2: top, width: 0.3, color: RULE_LIGHT });
        self.push(Item::Rule { x1: rx, y1: top + 10.0, x2: rx + rw, y2: top + 10.0, width: 0.3, color: RULE_LIGHT });
        let high = self.sh.shape("High", Weight::Regular, 7.5);
        self.text_at(rx + rw + 5.0, top + 8.0, high, MUTED);
        let cx = MARGIN_X + 200.0;
        let mut y = top - 1.0;
        for l in cap {
            let by = baseline(y, 11.5, 8.5);
            self.text_aligned(cx, CONTENT_W - 200.0, by, l, &Align::Left, MUTED);
            y += 11.5;
        }
        self.y = top + legend_h + 10.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn heat_row(
        &mut self,
        hm: &HeatMap,
        ri: usize,
        lines: Vec<ShapedLine>,
        rh: f32,
        label_w: f32,
        cell_w: f32,
        lab_lead: f32,
        lab_size: f32,
    ) {
        let ncols = hm.col_labels.len();
        let top = self.y;
        let ly = top + (rh - lines.len() as f32 * lab_lead) / 2.0;
        for (li, l) in lines.into_iter().enumerate() {
            let by = baseline(ly + li as f32 * lab_lead, lab_lead, lab_size);
            self.text_aligned(MARGIN_X + 2.0, label_w - 8.0, by, l, &Align::Left, TEXT);
        }
        // Light backing so that white (zero) cells still read as cells.
        self.rect(MARGIN_X + label_w, top, cell_w * ncols as f32, rh, (0.90, 0.92, 0.94));
        for ci in 0..ncols {
            let v = hm.values.get(ri).and_then(|r| r.get(ci)).copied().unwrap_or(0.0);
            let c = ramp(v);
            let x = MARGIN_X + label_w + ci as f32 * cell_w;
            self.rect(x + 0.75, top + 0.75, cell_w - 1.5, rh - 1.5, c);
            if let Some(s) = hm.cell_text.get(ri).and_then(|r| r.get(ci)).filter(|s| !s.is_empty()) {
                let l = self.sh.first_line(s, Weight::Regular, 8.0, cell_w - 2.0);
                let by = baseline(top, rh, 8.0);
                let col = if is_dark(c) { WHITE } else { TEXT };
                self.text_aligned(x, cell_w, by, l, &Align::Center, col);
            }
        }
        self.note_missing(|| format!("the heat map row {}", ri + 1));
        self.y = top + rh;
    }
}

/// A short form of user text for a warning or a section name.
fn short(s: &str) -> String {
    let s = s.trim();
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// "Page N of M" at the foot of page `n`.
pub fn footer(sh: &mut Shaper, n: usize, m: usize) -> Item {
    let line = sh.shape(&format!("Page {n} of {m}"), Weight::Regular, 8.0);
    let x = MARGIN_X + CONTENT_W - line.width;
    Item::Text { x, y: FOOTER_BASELINE, line, color: MUTED }
}

/// Lays out `doc` in memory (the PDF writer streams pages instead), with
/// running headers and footers.
pub fn layout(doc: &Document, sh: &mut Shaper) -> Layout {
    let mut pages: Vec<Page> = Vec::new();
    let outline = {
        let mut sink = |p: Page| pages.push(p);
        Flow::new(sh, &mut sink, &doc.title).run(doc)
    };
    let m = pages.len();
    for (i, p) in pages.iter_mut().enumerate() {
        p.items.push(footer(sh, i + 1, m));
    }
    Layout {
        pages,
        bookmarks: outline.bookmarks.into_iter().map(|b| (b.title, b.page)).collect(),
        warnings: outline.warnings,
    }
}
