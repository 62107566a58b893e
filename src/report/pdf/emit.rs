//! From laid-out pages to PDF bytes, written directly (ISO 32000-1): each
//! page's content stream is encoded and compressed as soon as the flow hands
//! the page over, so a long report is never held whole in memory; fonts are
//! subset with allsorts and embedded at the end as Type 0 fonts (Identity-H,
//! a /ToUnicode map and, for Indic and Thai runs, /ActualText so that the text
//! can be copied and searched); the trailer /ID is a hash of the content. The
//! same document always gives the same bytes.

use std::collections::HashMap;
use std::io::Write;

use anyhow::{Context, Result, anyhow, bail};

use super::Document;
use super::fonts::{FONT_FILES, FontIdx, Fonts, Weight};
use super::layout::{Bookmark, Flow, Item, PAGE_H, PAGE_W, Page, PreparedRef, Rgb, footer, shape_references, unnamed};
use super::shape::{ShapedLine, Shaper};
use rustybuzz::ttf_parser;

pub fn render(doc: &Document) -> Result<(Vec<u8>, Vec<String>)> {
    render_filling(doc, "", |_| Vec::new())
}

/// Renders `doc`, first replacing the text lines that read exactly
/// `placeholder`, in document order, with what `fill` makes of the outline
/// ((level-1 heading, page) pairs): a table of contents in one layout. A
/// replacement keeps its right edge, so right-aligned numbers stay aligned,
/// and must be no taller than the placeholder (a page number is not). Pages
/// holding a placeholder wait until the outline is known; all others are
/// written as soon as they are laid out.
pub fn render_filling(
    doc: &Document,
    placeholder: &str,
    fill: impl FnOnce(&[(String, usize)]) -> Vec<String>,
) -> Result<(Vec<u8>, Vec<String>)> {
    let date = pdf_date(&doc.date)?;
    let fonts = Fonts::load()?;
    let mut shaper = Shaper::new(fonts);
    let mut w = Writer::new()?;
    // Page streams are deflated on a second thread while the layout goes on;
    // they come back in the order sent, so the bytes do not depend on timing.
    std::thread::scope(|scope| {
        let (raw_tx, raw_rx) = std::sync::mpsc::sync_channel::<(u32, Vec<u8>)>(32);
        let (packed_tx, packed_rx) = std::sync::mpsc::channel::<(u32, Packed)>();
        let worker = std::thread::Builder::new().name("deflate".into()).spawn_scoped(scope, move || {
            let mut packer = Packer::default();
            for (obj, raw) in raw_rx {
                if packed_tx.send((obj, packer.pack(raw))).is_err() {
                    break;
                }
            }
        });
        if worker.is_ok() {
            w.deflater = Some((raw_tx, packed_rx));
        }
        // The references (most of a reading list's pages) are shaped on a third
        // thread with its own shaper, a bounded batch ahead of the layout, which
        // only places them; they come in document order, so the pages are the
        // same as when the layout shapes them itself.
        let has_references = doc.blocks.iter().any(|b| matches!(unnamed(b), super::Block::Reference { .. }));
        let (ref_tx, ref_rx) = std::sync::mpsc::sync_channel::<PreparedRef>(REFERENCES_AHEAD);
        let shaping = has_references
            .then(|| {
                std::thread::Builder::new().name("shape".into()).spawn_scoped(scope, move || {
                    let Ok(fonts) = Fonts::load() else { return };
                    let mut sh = Shaper::new(fonts);
                    shape_references(&doc.blocks, &mut sh, &mut |r| ref_tx.send(r).is_ok());
                })
            })
            .and_then(|spawned| spawned.ok());
        let mut deferred: Vec<(usize, Page)> = Vec::new();
        let outline = {
            let mut index = 0usize;
            let mut sink = |page: Page| {
                if !placeholder.is_empty() && holds(&page, placeholder) {
                    deferred.push((index, page));
                } else {
                    w.page(index, &page);
                }
                index += 1;
            };
            let flow = Flow::new(&mut shaper, &mut sink, &doc.title);
            let flow = if shaping.is_some() { flow.with_prepared(ref_rx) } else { flow };
            flow.run(doc)
        };
        if !placeholder.is_empty() {
            let pairs: Vec<(String, usize)> = outline.bookmarks.iter().map(|b| (b.title.clone(), b.page)).collect();
            let mut values = fill(&pairs).into_iter();
            'pages: for (_, page) in &mut deferred {
                for item in &mut page.items {
                    if let Item::Text { x, line, .. } = item
                        && line.text == placeholder
                    {
                        let Some(v) = values.next() else { break 'pages };
                        let bold = line.glyphs.first().is_some_and(|g| g.font == super::fonts::BOLD);
                        let new = shaper.shape(&v, if bold { Weight::Bold } else { Weight::Regular }, line.size);
                        *x += line.width - new.width;
                        *line = new;
                    }
                }
            }
        }
        for (index, page) in &deferred {
            w.page(*index, page);
        }
        for i in 0..outline.pages {
            let f = footer(&mut shaper, i + 1, outline.pages);
            w.footer(i, &f);
        }
        w.drain_all();
        let mut warnings = outline.warnings.clone();
        let bytes = w.finish(doc, &date, &outline.bookmarks, &mut warnings)?;
        Ok((bytes, warnings))
    })
}

/// How many references the shaping thread may have ready before the layout
/// takes them: enough to keep both threads busy, few enough that memory does
/// not grow with the reading list.
const REFERENCES_AHEAD: usize = 64;

/// The channels to the deflate thread (raw streams) and back (packed ones).
type Deflater = (std::sync::mpsc::SyncSender<(u32, Vec<u8>)>, std::sync::mpsc::Receiver<(u32, Packed)>);

/// A stream's data deflated, or as it was when that failed or did not pay.
enum Packed {
    Deflated(Vec<u8>),
    Plain(Vec<u8>),
}

/// A deflater for many streams: one compressor (its window and hash tables,
/// some 300 KB to allocate and clear) reset between streams rather than made
/// for each page. A stream comes out byte for byte as from a new compressor.
#[derive(Default)]
struct Packer {
    enc: Option<flate2::write::ZlibEncoder<Vec<u8>>>,
}

impl Packer {
    fn pack(&mut self, raw: Vec<u8>) -> Packed {
        // Short streams (a page footer) are smaller as they are.
        if raw.len() < 160 {
            return Packed::Plain(raw);
        }
        let out = Vec::with_capacity(raw.len() / 3 + 64);
        let enc = match &mut self.enc {
            Some(enc) => {
                *enc.get_mut() = out;
                enc
            }
            None => self.enc.insert(flate2::write::ZlibEncoder::new(out, flate2::Compression::new(DEFLATE_LEVEL))),
        };
        // `reset` ends the stream (its checksum) and readies the compressor for the next.
        match enc.write_all(&raw).and_then(|_| enc.reset(Vec::new())) {
            Ok(p) => Packed::Deflated(p),
            Err(_) => {
                self.enc = None;
                Packed::Plain(raw)
            }
        }
    }
}

/// zlib's compression level for the PDF's streams (1 fastest, 9 smallest).
const DEFLATE_LEVEL: u32 = 6;

fn holds(page: &Page, placeholder: &str) -> bool {
    page.items.iter().any(|i| matches!(i, Item::Text { line, .. } if line.text == placeholder))
}

/// Seconds since 1970 of a "YYYY-MM-DD" date (time of day ignored).
pub(crate) fn parse_date(s: &str) -> Result<i64> {
    let (y, m, d) = ymd(s)?;
    Ok(crate::calendar::days_from_civil(y, m, d) * 86_400)
}

fn ymd(s: &str) -> Result<(i64, i64, i64)> {
    let s = s.trim();
    let parts: Vec<&str> = s.get(..10).unwrap_or(s).split('-').collect();
    if parts.len() != 3 {
        bail!("document date {s:?} is not YYYY-MM-DD");
    }
    let y: i64 = parts[0].parse().with_context(|| format!("year in date {s:?}"))?;
    let m: i64 = parts[1].parse().with_context(|| format!("month in date {s:?}"))?;
    let d: i64 = parts[2].parse().with_context(|| format!("day in date {s:?}"))?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(0..=9999).contains(&y) {
        bail!("document date {s:?} is out of range");
    }
    Ok((y, m, d))
}

/// The PDF date string (ISO 32000-1, 7.9.4) of a "YYYY-MM-DD" date, at midnight UTC.
fn pdf_date(s: &str) -> Result<String> {
    let (y, m, d) = ymd(s)?;
    Ok(format!("D:{y:04}{m:02}{d:02}000000Z"))
}

fn fnv1a64(data: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A PDF text string: UTF-16BE with a byte-order mark, as a hex string.
fn text_string(s: &str) -> String {
    let mut out = String::with_capacity(6 + s.len() * 4);
    out.push_str("<FEFF");
    for u in s.encode_utf16() {
        out.push_str(&format!("{u:04X}"));
    }
    out.push('>');
    out
}

/// Appends `v` with at most `decimals` decimals and no trailing zeros (no
/// float formatting machinery: this runs for every glyph and rule).
fn num(out: &mut Vec<u8>, v: f32, decimals: u32) {
    let scale = 10i64.pow(decimals);
    let mut n = (v as f64 * scale as f64).round() as i64;
    if n < 0 {
        out.push(b'-');
        n = -n;
    }
    let int = n / scale;
    let mut frac = n % scale;
    out.extend_from_slice(itoa(int).as_bytes());
    if frac != 0 {
        out.push(b'.');
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let s = itoa(frac);
        for _ in s.len() as u32..digits {
            out.push(b'0');
        }
        out.extend_from_slice(s.as_bytes());
    }
}

fn itoa(n: i64) -> String {
    n.to_string()
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex4(out: &mut Vec<u8>, v: u16) {
    out.push(HEX[(v >> 12) as usize]);
    out.push(HEX[((v >> 8) & 15) as usize]);
    out.push(HEX[((v >> 4) & 15) as usize]);
    out.push(HEX[(v & 15) as usize]);
}

/// A glyph as used in the document: its code in the content streams, its
/// width in thousandths of an em (as written in /W) and the text it stands for.
struct Used {
    gid: u16,
    code: u16,
    width: i32,
    text: String,
}

/// What one font contributes: the glyphs used and their codes.
#[derive(Default)]
struct FontUse {
    /// (gid, text) -> index in `glyphs`.
    index: HashMap<(u16, String), usize>,
    /// The first use of each glyph, by glyph id (the fast path: most glyphs
    /// stand for one text): an index into `glyphs`, [`NOT_USED`] for a glyph
    /// not used yet. A table rather than a hash map: it is looked up once
    /// for every glyph of the document.
    by_gid: Vec<u32>,
    glyphs: Vec<Used>,
    /// CID of each glyph of a CID-keyed CFF font, whose codes must be CIDs.
    cids: Option<Vec<u16>>,
}

/// A glyph of [`FontUse::by_gid`] not used yet.
const NOT_USED: u32 = u32::MAX;

/// Graphics state of the content stream being written.
#[derive(Default)]
struct Pen {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
}

struct Writer {
    out: Vec<u8>,
    /// Byte offset of each object (index = object number; 0 unused).
    offsets: Vec<usize>,
    fonts: Vec<FontUse>,
    /// Glyph metrics (hmtx) of each font, for /W.
    faces: Vec<ttf_parser::Face<'static>>,
    /// Per page: content stream and footer stream objects.
    pages: Vec<(u32, u32)>,
    /// The longest content stream so far (to size the next one's buffer).
    content_hint: usize,
    /// Channels to and from the deflate thread, and streams sent and not yet written.
    deflater: Option<Deflater>,
    in_flight: usize,
    /// Deflates the streams written here (fonts; pages without the thread).
    packer: Packer,
    error: Option<anyhow::Error>,
}

const CATALOG: u32 = 1;
const PAGES: u32 = 2;
const RESOURCES: u32 = 3;
const INFO: u32 = 4;

/// The text a glyph of a zero-length share of its cluster maps to (a
/// /ToUnicode entry may not be empty).
const NO_TEXT: &str = "\u{200B}";

/// Whether `text` is only explicit directional formatting characters (UAX #9:
/// LRM, RLM, LRE…RLO and PDF, LRI…PDI), which the bidi algorithm consumes and
/// a PDF need not draw. Empty text is not.
fn is_bidi_control_only(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
}

impl Writer {
    fn new() -> Result<Self> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        let faces = FONT_FILES
            .iter()
            .map(|(name, bytes)| {
                ttf_parser::Face::parse(bytes, 0).map_err(|e| anyhow!("cannot parse vendored font {name}: {e}"))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Writer {
            out,
            offsets: vec![0; 5],
            fonts: (0..FONT_FILES.len()).map(|_| FontUse::default()).collect(),
            faces,
            pages: Vec::new(),
            content_hint: 4096,
            deflater: None,
            in_flight: 0,
            packer: Packer::default(),
            error: None,
        })
    }

    fn alloc(&mut self) -> u32 {
        self.offsets.push(0);
        (self.offsets.len() - 1) as u32
    }

    fn begin(&mut self, obj: u32) {
        self.offsets[obj as usize] = self.out.len();
        self.out.extend_from_slice(format!("{obj} 0 obj\n").as_bytes());
    }

    fn object(&mut self, obj: u32, body: &str) {
        self.begin(obj);
        self.out.extend_from_slice(body.as_bytes());
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// A stream object, deflated; `dict` holds extra entries.
    fn stream(&mut self, obj: u32, dict: &str, data: &[u8]) {
        let packed = self.packer.pack(data.to_vec());
        self.packed_stream(obj, dict, packed);
    }

    fn packed_stream(&mut self, obj: u32, dict: &str, packed: Packed) {
        self.begin(obj);
        let (data, filter) = match &packed {
            Packed::Deflated(p) => (p, " /Filter /FlateDecode"),
            Packed::Plain(p) => (p, ""),
        };
        self.out.extend_from_slice(format!("<</Length {}{filter}{dict}>>\nstream\n", data.len()).as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// A page's content stream: to the deflate thread when there is one.
    fn content_stream(&mut self, obj: u32, raw: Vec<u8>) {
        let raw = match &self.deflater {
            Some((tx, _)) => match tx.send((obj, raw)) {
                Ok(()) => {
                    self.in_flight += 1;
                    self.drain(false);
                    return;
                }
                Err(std::sync::mpsc::SendError((_, raw))) => raw,
            },
            None => raw,
        };
        let packed = self.packer.pack(raw);
        self.packed_stream(obj, "", packed);
    }

    /// Writes the streams the deflate thread has finished (all of them, waiting, with `wait`).
    fn drain(&mut self, wait: bool) {
        while self.in_flight > 0 {
            let got = match &self.deflater {
                Some((_, rx)) if wait => rx.recv().ok(),
                Some((_, rx)) => rx.try_recv().ok(),
                None => None,
            };
            let Some((obj, packed)) = got else { break };
            self.in_flight -= 1;
            self.packed_stream(obj, "", packed);
        }
    }

    /// Waits for the deflate thread and stops it.
    fn drain_all(&mut self) {
        self.drain(true);
        if self.in_flight > 0 {
            self.error.get_or_insert(anyhow!("the deflate thread stopped early"));
        }
        self.deflater = None;
    }

    fn slot(&mut self, index: usize) -> &mut (u32, u32) {
        if self.pages.len() <= index {
            self.pages.resize(index + 1, (0, 0));
        }
        &mut self.pages[index]
    }

    /// Encodes and writes the content of page `index` (0-based).
    fn page(&mut self, index: usize, page: &Page) {
        let mut buf = Vec::with_capacity(self.content_hint);
        let mut pen = Pen::default();
        for item in &page.items {
            self.item(&mut buf, &mut pen, item);
        }
        self.content_hint = self.content_hint.max(buf.len());
        let obj = self.alloc();
        self.content_stream(obj, buf);
        self.slot(index).0 = obj;
    }

    /// The footer of page `index`: a second content stream, written once the
    /// number of pages is known.
    fn footer(&mut self, index: usize, item: &Item) {
        let mut buf = Vec::with_capacity(256);
        let mut pen = Pen::default();
        self.item(&mut buf, &mut pen, item);
        let obj = self.alloc();
        self.content_stream(obj, buf);
        self.slot(index).1 = obj;
    }

    fn item(&mut self, buf: &mut Vec<u8>, pen: &mut Pen, item: &Item) {
        match item {
            Item::Rect { x, y, w, h, color } => {
                fill(buf, pen, *color);
                num(buf, *x, 2);
                buf.push(b' ');
                num(buf, PAGE_H - y - h, 2);
                buf.push(b' ');
                num(buf, *w, 2);
                buf.push(b' ');
                num(buf, *h, 2);
                buf.extend_from_slice(b" re f\n");
            }
            Item::Rule { x1, y1, x2, y2, width, color } => {
                if pen.stroke != Some(*color) {
                    rgb(buf, *color);
                    buf.extend_from_slice(b" RG\n");
                    pen.stroke = Some(*color);
                }
                if pen.width != Some(*width) {
                    num(buf, *width, 2);
                    buf.extend_from_slice(b" w\n");
                    pen.width = Some(*width);
                }
                num(buf, *x1, 2);
                buf.push(b' ');
                num(buf, PAGE_H - y1, 2);
                buf.extend_from_slice(b" m ");
                num(buf, *x2, 2);
                buf.push(b' ');
                num(buf, PAGE_H - y2, 2);
                buf.extend_from_slice(b" l S\n");
            }
            Item::Text { x, y, line, color } => {
                fill(buf, pen, *color);
                self.text(buf, *x, PAGE_H - y, line);
            }
        }
    }

    /// The code of glyph `gid` of `font` standing for `text`, allocated on
    /// first use, and its width in thousandths of an em.
    fn code(&mut self, font: FontIdx, gid: u16, text: &str) -> (u16, i32) {
        let fi = font as usize;
        {
            let f = &self.fonts[fi];
            if let Some(&i) = f.by_gid.get(gid as usize)
                && i != NOT_USED
            {
                let u = &f.glyphs[i as usize];
                // A CID-keyed font has one code per glyph: its first text stands.
                if u.text == text || f.cids.is_some() {
                    return (u.code, u.width);
                }
            }
            if let Some(&i) = f.index.get(&(gid, text.to_string())) {
                let u = &f.glyphs[i];
                return (u.code, u.width);
            }
        }
        if font == super::fonts::CJK && self.fonts[fi].cids.is_none() {
            match cff_cids(FONT_FILES[fi].1) {
                Ok(cids) => self.fonts[fi].cids = Some(cids),
                Err(e) => {
                    self.error.get_or_insert(e);
                }
            }
        }
        let face = &self.faces[fi];
        let upem = face.units_per_em().max(1) as f32;
        let adv = face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0) as f32;
        let width = (adv * 1000.0 / upem).round() as i32;
        let f = &mut self.fonts[fi];
        let i = f.glyphs.len();
        let code = match &f.cids {
            Some(cids) => cids.get(gid as usize).copied().unwrap_or(0),
            None => {
                if i + 1 > u16::MAX as usize {
                    self.error.get_or_insert(anyhow!("more than 65,535 glyph forms in one font"));
                }
                (i + 1).min(u16::MAX as usize) as u16
            }
        };
        f.glyphs.push(Used { gid, code, width, text: text.to_string() });
        f.index.insert((gid, text.to_string()), i);
        if f.by_gid.len() <= gid as usize {
            f.by_gid.resize(gid as usize + 1, NOT_USED);
        }
        if f.by_gid[gid as usize] == NOT_USED {
            f.by_gid[gid as usize] = i as u32;
        }
        (code, width)
    }

    /// One line of text: a text object positioned at its baseline origin
    /// (`x`, `y` in PDF coordinates), glyphs in TJ arrays with adjustments where
    /// shaping moved them from their advance widths, a new `Tf` where the font
    /// or the size changes (a small capital is smaller than the line).
    fn text(&mut self, buf: &mut Vec<u8>, x: f32, y: f32, line: &ShapedLine) {
        if line.glyphs.is_empty() {
            return;
        }
        let mut size = line.size;
        buf.extend_from_slice(b"BT\n1 0 0 1 ");
        num(buf, x, 2);
        buf.push(b' ');
        num(buf, y, 2);
        buf.extend_from_slice(b" Tm\n");
        let mut font: Option<FontIdx> = None;
        let (mut in_array, mut in_hex) = (false, false);
        let close = |buf: &mut Vec<u8>, in_array: &mut bool, in_hex: &mut bool| {
            if *in_hex {
                buf.push(b'>');
                *in_hex = false;
            }
            if *in_array {
                buf.extend_from_slice(b"]TJ\n");
                *in_array = false;
            }
        };
        let mut pen = 0.0f32;
        let mut rise = 0.0f32;
        let mut spans = line.actual_text.iter().peekable();
        let mut span_end: Option<usize> = None;
        let mut reversed = String::new();
        for (gi, g) in line.glyphs.iter().enumerate() {
            if span_end == Some(gi) {
                close(buf, &mut in_array, &mut in_hex);
                buf.extend_from_slice(b"EMC\n");
                span_end = None;
            }
            if span_end.is_none()
                && let Some((r, tr)) = spans.peek()
                && r.start == gi
            {
                close(buf, &mut in_array, &mut in_hex);
                let s = line.text.get(tr.start as usize..tr.end as usize).unwrap_or("");
                buf.extend_from_slice(b"/Span<</ActualText ");
                buf.extend_from_slice(text_string(s).as_bytes());
                buf.extend_from_slice(b">>BDC\n");
                span_end = Some(r.end);
                spans.next();
            }
            // A directional control (an isolate canon puts round a title, a
            // user's mark) has done its work in the line's order: it draws
            // nothing, and a glyph for it would put an invisible character
            // into copied and extracted text.
            if is_bidi_control_only(line.glyph_text(g)) {
                continue;
            }
            if font != Some(g.font) || g.size != size {
                close(buf, &mut in_array, &mut in_hex);
                buf.extend_from_slice(format!("/F{} ", g.font).as_bytes());
                num(buf, g.size, 2);
                buf.extend_from_slice(b" Tf\n");
                font = Some(g.font);
                size = g.size;
            }
            if (g.y - rise).abs() > 0.005 {
                close(buf, &mut in_array, &mut in_hex);
                num(buf, g.y, 2);
                buf.extend_from_slice(b" Ts\n");
                rise = g.y;
            }
            // poppler and other extractors reverse right-to-left text glyph
            // by glyph: a glyph standing for several characters (lam-alef)
            // maps to them reversed, so that they come out in logical order.
            let t = line.glyph_text(g);
            let t = if t.is_empty() {
                NO_TEXT
            } else if g.rtl && t.chars().nth(1).is_some() {
                reversed.clear();
                reversed.extend(t.chars().rev());
                reversed.as_str()
            } else {
                t
            };
            let (code, width) = self.code(g.font, g.gid, t);
            let adj = ((pen - g.x) * 1000.0 / size).round();
            if adj != 0.0 {
                if !in_array {
                    buf.push(b'[');
                    in_array = true;
                }
                if in_hex {
                    buf.push(b'>');
                    in_hex = false;
                }
                num(buf, adj, 0);
                pen -= adj * size / 1000.0;
            }
            if !in_array {
                buf.push(b'[');
                in_array = true;
            }
            if !in_hex {
                buf.push(b'<');
                in_hex = true;
            }
            hex4(buf, code);
            pen += width as f32 * size / 1000.0;
        }
        close(buf, &mut in_array, &mut in_hex);
        if span_end.is_some() {
            buf.extend_from_slice(b"EMC\n");
        }
        if rise != 0.0 {
            buf.extend_from_slice(b"0 Ts\n");
        }
        buf.extend_from_slice(b"ET\n");
    }

    /// Fonts, page tree, outline, metadata, cross-reference table and trailer.
    fn finish(
        mut self,
        doc: &Document,
        date: &str,
        bookmarks: &[Bookmark],
        warnings: &mut Vec<String>,
    ) -> Result<Vec<u8>> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        // Fonts.
        let mut font_refs = String::new();
        let used: Vec<usize> = (0..self.fonts.len()).filter(|&fi| !self.fonts[fi].glyphs.is_empty()).collect();
        for fi in used {
            let obj = self.embed_font(fi, warnings).with_context(|| format!("embedding {}", FONT_FILES[fi].0))?;
            font_refs.push_str(&format!("/F{fi} {obj} 0 R "));
        }
        self.object(RESOURCES, &format!("<</Font <<{font_refs}>> >>"));

        // Pages.
        let n = self.pages.len();
        let first_page_obj = self.offsets.len() as u32;
        for _ in 0..n {
            self.alloc();
        }
        let mut kids = String::with_capacity(n * 8);
        for i in 0..n {
            let (content, foot) = self.pages[i];
            if content == 0 || foot == 0 {
                bail!("page {} was never written", i + 1);
            }
            let obj = first_page_obj + i as u32;
            kids.push_str(&format!("{obj} 0 R "));
            self.object(obj, &format!("<</Type /Page /Parent {PAGES} 0 R /Contents [{content} 0 R {foot} 0 R]>>"));
        }
        self.object(
            PAGES,
            &format!(
                "<</Type /Pages /Count {n} /Kids [{kids}] /Resources {RESOURCES} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]>>"
            ),
        );

        // Outline: one entry per level-1 heading, opening at the heading.
        let mut outline_ref = String::new();
        let marks: Vec<&Bookmark> = bookmarks.iter().filter(|b| b.page >= 1 && b.page <= n).collect();
        if !marks.is_empty() {
            let root = self.alloc();
            let first = self.offsets.len() as u32;
            for _ in &marks {
                self.alloc();
            }
            for (i, b) in marks.iter().enumerate() {
                let obj = first + i as u32;
                let mut body = format!(
                    "<</Title {} /Parent {root} 0 R /Dest [{} 0 R /XYZ null {} null]",
                    text_string(&b.title),
                    first_page_obj + b.page as u32 - 1,
                    (PAGE_H - b.y + 12.0).round()
                );
                if i > 0 {
                    body.push_str(&format!(" /Prev {} 0 R", obj - 1));
                }
                if i + 1 < marks.len() {
                    body.push_str(&format!(" /Next {} 0 R", obj + 1));
                }
                body.push_str(">>");
                self.object(obj, &body);
            }
            let last = first + marks.len() as u32 - 1;
            self.object(
                root,
                &format!("<</Type /Outlines /First {first} 0 R /Last {last} 0 R /Count {}>>", marks.len()),
            );
            outline_ref = format!(" /Outlines {root} 0 R /PageMode /UseOutlines");
        }

        // Metadata: the document's date, never the clock.
        self.object(
            INFO,
            &format!(
                "<</Title {} /Creator (canon) /Producer (canon) /CreationDate ({date}) /ModDate ({date})>>",
                text_string(&doc.title)
            ),
        );
        self.object(CATALOG, &format!("<</Type /Catalog /Pages {PAGES} 0 R{outline_ref}>>"));

        // Cross-reference table and trailer, with an /ID hashed from the content.
        let xref = self.out.len();
        let count = self.offsets.len();
        let mut table = String::with_capacity(count * 20 + 32);
        table.push_str(&format!("xref\n0 {count}\n0000000000 65535 f \n"));
        for off in &self.offsets[1..] {
            table.push_str(&format!("{off:010} 00000 n \n"));
        }
        self.out.extend_from_slice(table.as_bytes());
        let id = format!("{:016X}{:016X}", fnv1a64(&self.out, 0), fnv1a64(&self.out, 0x9e37_79b9_7f4a_7c15));
        self.out.extend_from_slice(
            format!("trailer\n<</Size {count} /Root {CATALOG} 0 R /Info {INFO} 0 R /ID [<{id}> <{id}>]>>\nstartxref\n{xref}\n%%EOF\n")
                .as_bytes(),
        );
        Ok(self.out)
    }

    /// Subsets font `fi` to the glyphs used and writes its objects; returns
    /// the Type 0 font's object number.
    fn embed_font(&mut self, fi: usize, warnings: &mut Vec<String>) -> Result<u32> {
        let (file, bytes) = FONT_FILES[fi];
        let mut used: Vec<(u16, u16, i32, String)> =
            self.fonts[fi].glyphs.iter().map(|u| (u.code, u.gid, u.width, u.text.clone())).collect();
        used.sort_by_key(|u| u.0);
        used.dedup_by_key(|u| u.0);
        // The glyphs to keep, .notdef first, then in order of first use.
        let mut ids: Vec<u16> = vec![0];
        let mut new_gid: HashMap<u16, u16> = HashMap::new();
        new_gid.insert(0, 0);
        for u in &self.fonts[fi].glyphs {
            if let std::collections::hash_map::Entry::Vacant(e) = new_gid.entry(u.gid) {
                e.insert(ids.len() as u16);
                ids.push(u.gid);
            }
        }
        let cff = self.fonts[fi].cids.is_some();
        let program = subset(bytes, &ids)?;
        let face = &self.faces[fi];
        let upem = face.units_per_em().max(1) as f32;
        let scale = |v: f32| (v * 1000.0 / upem).round() as i64;
        let ps_name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| file.trim_end_matches(".ttf").trim_end_matches(".otf").to_string());
        let ps_name: String = ps_name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        // The subset tag (ISO 32000-1, 9.6.4): six capitals, from the glyphs kept.
        let mut h = fnv1a64(&ids.iter().flat_map(|g| g.to_be_bytes()).collect::<Vec<u8>>(), fi as u64);
        let mut tag = String::new();
        for _ in 0..6 {
            tag.push((b'A' + (h % 26) as u8) as char);
            h /= 26;
        }
        let base = format!("{tag}+{ps_name}");
        let bbox = face.global_bounding_box();
        let ascent = scale(face.ascender() as f32);
        let descent = scale(face.descender() as f32);
        let cap = face.capital_height().map_or(ascent, |c| scale(c as f32));
        let weight = face.weight().to_number();
        let stem_v = 50 + ((weight as f32 / 65.0).powi(2)).round() as i64;
        // ISO 32000-1, 9.8.2: bit 7 (64) marks an italic face, whose angle the
        // `post` table gives (degrees counter-clockwise from the vertical).
        let italic = super::fonts::is_italic(fi as FontIdx);
        let flags = if italic { 4 | 64 } else { 4 };
        let italic_angle = if italic { face.italic_angle() } else { 0.0 };
        let mut angle = Vec::new();
        num(&mut angle, italic_angle, 2);
        let angle = String::from_utf8_lossy(&angle).into_owned();

        let program_obj = self.alloc();
        let (subtype, file_key) = if cff {
            let table = cff_table(&program)?;
            // The codes written are the vendored font's CIDs; the subset must keep them.
            let kept = cff_cids(&program)?;
            for (i, &gid) in ids.iter().enumerate() {
                let want = self.fonts[fi].cids.as_ref().and_then(|c| c.get(gid as usize)).copied().unwrap_or(0);
                if kept.get(i).copied().unwrap_or(u16::MAX) != want {
                    bail!("the subset changed the CID of glyph {gid}");
                }
            }
            self.stream(program_obj, " /Subtype /CIDFontType0C", &table);
            ("CIDFontType0", "FontFile3")
        } else {
            self.stream(program_obj, &format!(" /Length1 {}", program.len()), &program);
            ("CIDFontType2", "FontFile2")
        };
        let descriptor = self.alloc();
        self.object(
            descriptor,
            &format!(
                "<</Type /FontDescriptor /FontName /{base} /Flags {flags} /FontBBox [{} {} {} {}] /ItalicAngle {angle} /Ascent {ascent} /Descent {descent} /CapHeight {cap} /StemV {stem_v} /{file_key} {program_obj} 0 R>>",
                scale(bbox.x_min as f32),
                scale(bbox.y_min as f32),
                scale(bbox.x_max as f32),
                scale(bbox.y_max as f32)
            ),
        );
        // Widths, in runs of consecutive codes.
        let mut w = String::new();
        let mut i = 0;
        while i < used.len() {
            let start = used[i].0;
            w.push_str(&format!("{start} ["));
            let mut j = i;
            while j < used.len() && used[j].0 as usize == start as usize + (j - i) {
                w.push_str(&format!("{} ", used[j].2));
                j += 1;
            }
            w.push_str("] ");
            i = j;
        }
        let mut cid_map = String::new();
        if !cff {
            // Several codes may share a glyph (one per text it stands for).
            let max = used.last().map_or(0, |u| u.0) as usize;
            let mut map = vec![0u8; 2 * (max + 1)];
            for u in &used {
                let g = new_gid.get(&u.1).copied().unwrap_or(0);
                map[2 * u.0 as usize..2 * u.0 as usize + 2].copy_from_slice(&g.to_be_bytes());
            }
            let map_obj = self.alloc();
            self.stream(map_obj, "", &map);
            cid_map = format!(" /CIDToGIDMap {map_obj} 0 R");
        }
        let cid_font = self.alloc();
        self.object(
            cid_font,
            &format!(
                "<</Type /Font /Subtype /{subtype} /BaseFont /{base} /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor {descriptor} 0 R /DW 1000 /W [{w}]{cid_map}>>"
            ),
        );
        let to_unicode = self.alloc();
        let cmap = to_unicode_cmap(&used);
        self.stream(to_unicode, "", cmap.as_bytes());
        let font = self.alloc();
        self.object(
            font,
            &format!(
                "<</Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R>>"
            ),
        );
        let _ = warnings;
        Ok(font)
    }
}

/// The /ToUnicode CMap (Adobe technical note 5411) of the codes used.
fn to_unicode_cmap(used: &[(u16, u16, i32, String)]) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<&(u16, u16, i32, String)> = used.iter().filter(|u| !u.3.is_empty()).collect();
    for chunk in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, _, _, text) in chunk.iter().map(|u| (&u.0, &u.1, &u.2, &u.3)) {
            s.push_str(&format!("<{code:04X}> <"));
            for unit in text.encode_utf16() {
                s.push_str(&format!("{unit:04X}"));
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// Subsets a font to `ids` (glyph 0 first): glyph `ids[i]` becomes glyph `i`.
fn subset(bytes: &[u8], ids: &[u16]) -> Result<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let font_file = ReadScope::new(bytes).read::<FontData<'_>>().map_err(|e| anyhow!("parse font: {e:?}"))?;
    let provider = font_file.table_provider(0).map_err(|e| anyhow!("font tables: {e:?}"))?;
    subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| anyhow!("subset: {e:?}"))
}

/// The bare `CFF ` table of an OpenType font (embedded as /CIDFontType0C).
fn cff_table(otf: &[u8]) -> Result<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::tables::FontTableProvider;
    let font_file = ReadScope::new(otf).read::<FontData<'_>>().map_err(|e| anyhow!("parse font: {e:?}"))?;
    let provider = font_file.table_provider(0).map_err(|e| anyhow!("font tables: {e:?}"))?;
    let table = provider.read_table_data(allsorts::tag::CFF).map_err(|e| anyhow!("CFF table: {e:?}"))?;
    Ok(table.into_owned())
}

/// The CID of every glyph of a CID-keyed CFF font (from its charset).
fn cff_cids(otf: &[u8]) -> Result<Vec<u16>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::cff::CFF;
    let table = cff_table(otf)?;
    let cff = ReadScope::new(&table).read::<CFF<'_>>().map_err(|e| anyhow!("parse CFF: {e:?}"))?;
    let font = cff.fonts.first().ok_or_else(|| anyhow!("CFF table without a font"))?;
    if !font.is_cid_keyed() {
        bail!("the CJK font is not CID-keyed");
    }
    let n = font.char_strings_index.len();
    Ok((0..n).map(|gid| font.charset.id_for_glyph(gid as u16).unwrap_or(0)).collect())
}

fn rgb(buf: &mut Vec<u8>, c: Rgb) {
    num(buf, c.0, 3);
    buf.push(b' ');
    num(buf, c.1, 3);
    buf.push(b' ');
    num(buf, c.2, 3);
}

fn fill(buf: &mut Vec<u8>, pen: &mut Pen, c: Rgb) {
    if pen.fill != Some(c) {
        rgb(buf, c);
        buf.extend_from_slice(b" rg\n");
        pen.fill = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::{DEFLATE_LEVEL, Packed, Packer};

    /// One compressor reset between streams ([`Packer`]) gives each stream
    /// the bytes a new compressor gives, and they inflate to the stream.
    #[test]
    fn a_reused_compressor_packs_each_stream_as_a_new_one() {
        let streams: Vec<Vec<u8>> = vec![
            b"BT /F1 10 Tf 72 720 Td <0001000200030004> Tj ET\n".repeat(40),
            b"short".to_vec(),
            (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect(),
            b"0.2 0.3 0.4 rg 72 700 451 12 re f\n".repeat(500),
            b"BT /F1 10 Tf 72 720 Td <0001000200030004> Tj ET\n".repeat(40),
        ];
        let mut packer = Packer::default();
        for raw in &streams {
            let fresh = {
                let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(DEFLATE_LEVEL));
                std::io::Write::write_all(&mut enc, raw).expect("in memory");
                enc.finish().expect("in memory")
            };
            match packer.pack(raw.clone()) {
                Packed::Deflated(p) => {
                    assert!(raw.len() >= 160);
                    assert_eq!(p, fresh, "stream of {} bytes", raw.len());
                    let mut back = Vec::new();
                    flate2::read::ZlibDecoder::new(p.as_slice()).read_to_end(&mut back).expect("inflates");
                    assert_eq!(&back, raw);
                }
                Packed::Plain(p) => {
                    assert!(raw.len() < 160);
                    assert_eq!(&p, raw);
                }
            }
        }
    }
}
