//! A small, generic, deterministic PDF document engine.
//!
//! Blocks (headings, paragraphs, tables, heat maps, ...) are laid out on A4 pages by
//! a flow engine ([`layout`]); text in any script is shaped with rustybuzz, ordered
//! with unicode-bidi and broken into lines at UAX #14 opportunities ([`shape`]);
//! fonts are the vendored Noto fonts ([`fonts`]), subset with allsorts; and the PDF
//! is written directly, page by page as the layout fills them ([`emit`]), so that
//! the same [`Document`] always gives the same bytes and a long report needs little
//! memory.

// A generic engine: not every caller uses every helper.
#![allow(dead_code)]

pub mod emit;
pub mod fonts;
pub mod layout;
pub mod shape;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_13d;
#[cfg(test)]
mod tests_13e;

/// A document to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// PDF metadata title and running header text.
    pub title: String,
    /// "YYYY-MM-DD": the metadata creation/modification dates (never the clock).
    pub date: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Big centred title, subtitle, then lines (programme, scope, date, contributors);
    /// ends with a page break. No running header on this page.
    TitlePage {
        title: String,
        subtitle: String,
        lines: Vec<String>,
    },
    /// 1 = section (new page unless at page top; becomes a PDF bookmark),
    /// 2 = subsection (3 and more: minor heading). Kept with the next 3 lines.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        style: Style,
    },
    Bullets(Vec<String>),
    /// (label, value): a grid of boxes with a large value and a small label.
    KeyFigures(Vec<(String, String)>),
    Table(Table),
    HeatMap(HeatMap),
    /// `label` is drawn in the hanging indent (e.g. "1."); when it is empty the
    /// engine numbers references itself ("1.", "2.", ...). `note` goes below in
    /// small grey.
    Reference {
        label: String,
        text: Rich,
        note: Option<String>,
    },
    /// Vertical space in points.
    Spacer(f32),
    PageBreak,
    /// A block named after where its text came from (e.g. `reading 42
    /// ("Title")`), so that a warning about it (a character no font has) says
    /// which record to fix. See [`Block::named`].
    Named {
        name: String,
        block: Box<Block>,
    },
}

impl Block {
    /// This block, named after the record its text came from (a reading, a
    /// session): a character of it that no font has is reported under this name.
    pub fn named(self, name: impl Into<String>) -> Block {
        Block::Named { name: name.into(), block: Box::new(self) }
    }
}

/// Text with runs set in italic, bold, small capitals, superscript or
/// subscript (a reference as a citation style formats it: the journal or book
/// title in italic, a volume in bold, authors' names in small capitals…, and
/// the rich-text markup of its title).
/// Outside its spans the text is in the face of the block holding it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rich {
    pub text: String,
    /// Byte ranges of `text` (on character boundaries, sorted, not
    /// overlapping) and how each is emphasised.
    pub spans: Vec<(std::ops::Range<usize>, Emphasis)>,
}

/// How a run of [`Rich`] text differs from the text around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Emphasis {
    pub italic: bool,
    pub bold: bool,
    /// Small capitals (CSL `font-variant="small-caps"`). The fonts have no
    /// `smcp` feature, so the engine synthesises them: a lower-case letter
    /// is drawn as its capital at [`shape::SMALL_CAPS`] of the size, while
    /// capitals, digits and punctuation keep the full size; the text
    /// (copy-paste, `pdftotext`) stays the letters as written.
    pub small_caps: bool,
    /// Every letter a small capital, capitals too (CSS `all-small-caps`):
    /// a title's small-caps markup (CSL-JSON `<span
    /// style="font-variant:small-caps;">`), whose letters the text gives as
    /// capitals ("NHS", "HIV"), drawn at [`shape::SMALL_CAPS`] of the size.
    pub all_small_caps: bool,
    /// Raised or lowered: a title's `<sup>`/`<sub>` markup ("Ca<sup>2+</sup>",
    /// "H<sub>2</sub>O") or a style's `vertical-align`.
    pub vertical: Vertical,
}

/// Where a run of text sits on the line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Vertical {
    /// On the baseline, at the line's size.
    #[default]
    Baseline,
    /// Superscript: at [`shape::SCRIPT_SIZE`] of the size, raised by
    /// [`shape::SUPERSCRIPT_RISE`] of it.
    Super,
    /// Subscript: at [`shape::SCRIPT_SIZE`] of the size, lowered by
    /// [`shape::SUBSCRIPT_DROP`] of it.
    Sub,
}

impl Rich {
    /// Text with no emphasis.
    pub fn plain(text: impl Into<String>) -> Rich {
        Rich { text: text.into(), spans: Vec::new() }
    }

    /// The runs of text in order, each with its emphasis (the default for text
    /// outside the spans).
    pub fn runs(&self) -> Vec<(&str, Emphasis)> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for (r, e) in &self.spans {
            let (start, end) = (r.start.min(self.text.len()), r.end.min(self.text.len()));
            if start > at
                && let Some(t) = self.text.get(at..start)
            {
                out.push((t, Emphasis::default()));
            }
            if end > start.max(at)
                && let Some(t) = self.text.get(start.max(at)..end)
            {
                out.push((t, *e));
            }
            at = at.max(end);
        }
        if at < self.text.len()
            && let Some(t) = self.text.get(at..)
        {
            out.push((t, Emphasis::default()));
        }
        out
    }
}

impl From<&str> for Rich {
    fn from(s: &str) -> Rich {
        Rich::plain(s)
    }
}

impl From<String> for Rich {
    fn from(s: String) -> Rich {
        Rich::plain(s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Style {
    Body,
    Small,
    Muted,
    Bold,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// A table column; its width is proportional to `weight`.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub weight: f32,
    pub align: Align,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeatMap {
    pub row_labels: Vec<String>,
    pub col_labels: Vec<String>,
    /// 0.0..=1.0 intensity per cell.
    pub values: Vec<Vec<f64>>,
    /// Text centred in each cell (e.g. a count).
    pub cell_text: Vec<Vec<String>>,
    /// Caption under the map (a colour-ramp legend is drawn next to it).
    pub legend: String,
}

/// Like [`render_with_warnings`], filling placeholder lines from the outline
/// (for a table of contents with real page numbers in a single layout).
pub fn render_filling(
    doc: &Document,
    placeholder: &str,
    fill: impl FnOnce(&[(String, usize)]) -> Vec<String>,
) -> anyhow::Result<(Vec<u8>, Vec<String>)> {
    emit::render_filling(doc, placeholder, fill)
}

/// Render `doc` to PDF bytes. Deterministic: same document, same bytes.
pub fn render(doc: &Document) -> anyhow::Result<Vec<u8>> {
    render_with_warnings(doc).map(|(bytes, _)| bytes)
}

/// Like [`render`], also returning warnings: characters found in no font (drawn
/// as empty boxes), each naming the block they came from.
pub fn render_with_warnings(doc: &Document) -> anyhow::Result<(Vec<u8>, Vec<String>)> {
    emit::render(doc)
}
