//! Text to positioned glyphs: per-character font fallback, bidi levels
//! (unicode-bidi; the paragraph direction comes from its first strong character,
//! UAX #9 rules P2–P3, and each line's runs are reordered by rule L2), shaping
//! (rustybuzz, one cached plan per font, direction, script and language) and
//! line breaking at UAX #14 opportunities (unicode-linebreak) on shaped widths.
//!
//! A paragraph is shaped once; its lines are cut from that shaping, and every
//! step is a single pass or a binary search, so layout costs time in proportion
//! to the length of the text (a 1 MB reference, a 130 KB title).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::ParagraphBidiInfo;

use super::Vertical;
use super::fonts::{self, CJK, FontIdx, Fonts, Weight};

/// One positioned glyph of a shaped line. Positions are in points, relative
/// to the line's origin (left end of the baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub font: FontIdx,
    pub gid: u16,
    /// The size it is set at, in points: the line's, or [`SMALL_CAPS`] of it
    /// for a lower-case letter drawn as a small capital, [`SCRIPT_SIZE`] of
    /// that for a superscript or subscript.
    pub size: f32,
    pub x: f32,
    pub y: f32,
    /// Byte range of `ShapedLine::text` this glyph stands for (for /ToUnicode);
    /// empty for the second and later glyphs of a cluster.
    pub text: Range<u32>,
    /// Set in right-to-left runs.
    pub rtl: bool,
}

/// A shaped single line of text in visual order.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapedLine {
    pub text: String,
    pub size: f32,
    pub width: f32,
    pub glyphs: Vec<Glyph>,
    /// Glyph ranges of runs in scripts whose glyphs do not map one to one onto
    /// characters (Indic, Thai) and of a small capital drawn as two ("ß" as
    /// "SS"), with their logical text (for /ActualText).
    pub actual_text: Vec<(Range<usize>, Range<u32>)>,
    /// The paragraph is right to left: the line is aligned to the right.
    pub rtl: bool,
}

impl ShapedLine {
    pub fn glyph_text(&self, g: &Glyph) -> &str {
        self.text.get(g.text.start as usize..g.text.end as usize).unwrap_or("")
    }

    fn empty(size: f32, rtl: bool) -> Self {
        ShapedLine { text: String::new(), size, width: 0.0, glyphs: Vec::new(), actual_text: Vec::new(), rtl }
    }
}

/// The size of a synthesised small capital, as a fraction of the text's
/// size. A font without small capitals (an OpenType `smcp` feature) has them
/// made from its capitals scaled down; 0.8 is the usual ratio (LaTeX's
/// `\textsc` fallback and word processors' "small caps" use 0.7–0.8), close
/// to the height of the lower-case letters beside them without looking thin.
pub const SMALL_CAPS: f32 = 0.8;

/// The size of a superscript or subscript, as a share of the line's size
/// (the 58–70 % of common fonts' own `sups`/`subs` figures, kept legible at
/// the reference's 10 pt).
pub const SCRIPT_SIZE: f32 = 0.7;

/// How far a superscript's baseline is raised, as a share of the line's size
/// (the OpenType OS/2 table's usual superscript offset).
pub const SUPERSCRIPT_RISE: f32 = 0.33;

/// How far a subscript's baseline is lowered, as a share of the line's size.
pub const SUBSCRIPT_DROP: f32 = 0.14;

/// Runs are cut at a space after this many bytes, so that a megabyte of text is
/// not one shaping buffer.
const MAX_RUN: usize = 4096;

type PlanKey = (FontIdx, bool, rustybuzz::Script, Option<&'static str>);

pub struct Shaper {
    pub fonts: Fonts,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    plans: HashMap<PlanKey, rustybuzz::ShapePlan>,
    /// Shaped words of the Latin faces, per font.
    words: Vec<HashMap<Box<str>, Vec<Unscaled>>>,
    /// Widths of short texts, per weight and size (bits of the `f32`): looked
    /// up by `&str`, so a hit allocates nothing.
    width_cache: HashMap<(Weight, u32), HashMap<Box<str>, f32>>,
    /// Characters found in no font since the caller last took them.
    pub missing: Vec<char>,
    /// Bytes of text shaped so far: the work of a layout, which tests check is
    /// in proportion to the text laid out.
    pub shaped_bytes: usize,
}

/// A shaped glyph in font units, its cluster relative to the text shaped.
#[derive(Clone, Copy, Debug)]
struct Unscaled {
    gid: u16,
    cluster: u32,
    adv: i32,
    dx: i32,
    dy: i32,
}

/// A glyph of a shaped paragraph, in its run's visual order.
#[derive(Clone, Copy, Debug)]
struct PGlyph {
    gid: u16,
    /// Byte offset in the paragraph of the cluster's first character.
    cluster: u32,
    adv: f32,
    dx: f32,
    dy: f32,
}

/// A run of one font, one bidi level and one script, in logical order.
#[derive(Clone, Debug)]
struct Run {
    range: Range<usize>,
    font: FontIdx,
    level: u8,
    glyphs: Range<usize>,
    /// Lower-case letters set as small capitals: shaped as their capitals
    /// and drawn at [`SMALL_CAPS`] of the size.
    small: bool,
    /// Superscript or subscript.
    vertical: Vertical,
}

impl Run {
    fn rtl(&self) -> bool {
        self.level % 2 == 1
    }

    /// The run's size for a line at `size`: smaller for small capitals and
    /// for a superscript or subscript (both for a small capital raised).
    fn size(&self, size: f32) -> f32 {
        let size = if self.small { size * SMALL_CAPS } else { size };
        if self.vertical == Vertical::Baseline { size } else { size * SCRIPT_SIZE }
    }

    /// How far the run's baseline is moved up from the line's at `size`.
    fn rise(&self, size: f32) -> f32 {
        match self.vertical {
            Vertical::Baseline => 0.0,
            Vertical::Super => size * SUPERSCRIPT_RISE,
            Vertical::Sub => -size * SUBSCRIPT_DROP,
        }
    }
}

/// One paragraph (no line breaks inside), shaped.
struct Para<'t> {
    text: &'t str,
    size: f32,
    rtl: bool,
    runs: Vec<Run>,
    glyphs: Vec<PGlyph>,
    /// Cluster starts in logical order, then `text.len()`.
    starts: Vec<u32>,
    /// `cum[i]`: width of the clusters before `starts[i]`.
    cum: Vec<f32>,
}

/// A line to make: byte range, and whether it was cut inside a word.
struct LineSpan {
    start: usize,
    end: usize,
    cut_in_word: bool,
}

impl Shaper {
    pub fn new(fonts: Fonts) -> Self {
        Self {
            fonts,
            buffer: Some(rustybuzz::UnicodeBuffer::new()),
            plans: HashMap::new(),
            words: (0..fonts::FONT_FILES.len()).map(|_| HashMap::new()).collect(),
            width_cache: HashMap::new(),
            missing: Vec::new(),
            shaped_bytes: 0,
        }
    }

    /// Shape `text` as one line (no wrapping; line breaks become spaces), in visual order.
    pub fn shape(&mut self, text: &str, weight: Weight, size: f32) -> ShapedLine {
        let text = clean(text, true);
        if text.is_empty() {
            return ShapedLine::empty(size, false);
        }
        let p = self.paragraph(&text, Faces { base: weight.into(), spans: &[], at: 0 }, size, None);
        p.line(0, text.len())
    }

    /// Width of `text` in points (cached for short texts).
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        if text.len() > 64 {
            return self.shape(text, weight, size).width;
        }
        let key = (weight, size.to_bits());
        if let Some(w) = self.width_cache.get(&key).and_then(|m| m.get(text)) {
            return *w;
        }
        let w = self.shape(text, weight, size).width;
        self.width_cache.entry(key).or_default().insert(text.into(), w);
        w
    }

    /// Wraps `text` to `max_w` points at UAX #14 break opportunities, honouring
    /// '\n' (and U+2028, U+2029) as hard breaks; a word wider than the line is
    /// broken between clusters. Always returns at least one line.
    pub fn wrap(&mut self, text: &str, weight: Weight, size: f32, max_w: f32) -> Vec<ShapedLine> {
        self.wrap_with(text, weight, size, max_w, BaseDirection::FirstStrong)
    }

    /// [`Shaper::wrap`] with the rule that sets each paragraph's direction.
    pub fn wrap_with(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        max_w: f32,
        dir: BaseDirection,
    ) -> Vec<ShapedLine> {
        self.wrap_faces(text, Faces { base: weight.into(), spans: &[], at: 0 }, size, max_w, dir)
    }

    /// [`Shaper::wrap_with`] for text whose byte ranges `spans` are set in
    /// other faces than `weight` (a reference's italic, bold and small-caps
    /// runs); the spans are sorted and do not overlap.
    pub fn wrap_rich(
        &mut self,
        text: &str,
        spans: &[(Range<usize>, Face)],
        weight: Weight,
        size: f32,
        max_w: f32,
        dir: BaseDirection,
    ) -> Vec<ShapedLine> {
        self.wrap_faces(text, Faces { base: weight.into(), spans, at: 0 }, size, max_w, dir)
    }

    fn wrap_faces(&mut self, text: &str, faces: Faces, size: f32, max_w: f32, dir: BaseDirection) -> Vec<ShapedLine> {
        let text = clean(text, false);
        let mut out = Vec::new();
        let mut at = 0usize;
        for hard in text.split(['\n', '\u{2028}', '\u{2029}']) {
            let here = faces.shifted(at);
            at += hard.len() + hard_break_len(&text[at + hard.len()..]);
            if hard.is_empty() {
                out.push(ShapedLine::empty(size, false));
                continue;
            }
            let forced = match dir {
                BaseDirection::FirstStrong => None,
                BaseDirection::Majority => crate::report::bidi::majority_rtl(hard),
                BaseDirection::Ltr => Some(false),
            };
            let p = self.paragraph(hard, here, size, forced);
            for span in p.breaks(max_w) {
                if span.cut_in_word {
                    // Shaped again on its own, so that joining scripts take their
                    // final and initial forms at the cut.
                    let piece = &hard[span.start..span.end];
                    let q = self.paragraph(piece, here.shifted(span.start), size, Some(p.rtl));
                    out.push(q.line(0, piece.len()));
                } else {
                    out.push(p.line(span.start, span.end));
                }
            }
        }
        if out.is_empty() {
            out.push(ShapedLine::empty(size, false));
        }
        out
    }

    /// The first line of `text` wrapped to `max_w`, with "…" when more follows.
    pub fn first_line(&mut self, text: &str, weight: Weight, size: f32, max_w: f32) -> ShapedLine {
        self.fit_lines(text, weight, size, max_w, 1).pop().unwrap_or_else(|| ShapedLine::empty(size, false))
    }

    /// At most `max_lines` lines of `text` wrapped to `max_w`; when the text
    /// needs more, the last line shown ends in "…".
    pub fn fit_lines(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        max_w: f32,
        max_lines: usize,
    ) -> Vec<ShapedLine> {
        let mut lines = self.wrap(text, weight, size, max_w);
        if lines.len() <= max_lines.max(1) {
            return lines;
        }
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.pop() {
            let ell = self.width("…", weight, size);
            let mut t = last.text.clone();
            loop {
                let w = self.width(&t, weight, size);
                if w + ell <= max_w || t.is_empty() {
                    break;
                }
                // Drop the last character, and more while the cut would split a cluster or syllable.
                let mut cut = t.char_indices().last().map_or(0, |(i, _)| i);
                while cut > 0 && cut_rank(&t, cut) == Cut::Never {
                    cut = t[..cut].char_indices().last().map_or(0, |(i, _)| i);
                }
                t.truncate(cut);
            }
            let t = format!("{}…", t.trim_end());
            lines.push(self.shape(&t, weight, size));
        }
        lines
    }

    /// Shapes one paragraph. `forced_rtl` fixes the direction (for a piece of a
    /// paragraph); otherwise it comes from the first strong character.
    fn paragraph<'t>(&mut self, text: &'t str, faces: Faces, size: f32, forced_rtl: Option<bool>) -> Para<'t> {
        self.shaped_bytes += text.len();
        let bidi_levels: Option<(Vec<unicode_bidi::Level>, bool)> = if text.chars().any(needs_bidi) {
            let level = forced_rtl.map(|r| if r { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() });
            let info = ParagraphBidiInfo::new(text, level);
            Some((info.levels, info.paragraph_level.is_rtl()))
        } else {
            None
        };
        let rtl = bidi_levels.as_ref().map_or(forced_rtl.unwrap_or(false), |(_, r)| *r);
        let lang = if text.chars().any(|c| c as u32 >= 0x2E80) { fonts::cjk_language(text) } else { None };

        // Itemise: runs of one level, one font and one script class.
        let mut runs: Vec<Run> = Vec::new();
        let mut cur: Option<(u8, FontIdx, u8)> = None;
        let mut span = 0usize;
        for (i, c) in text.char_indices() {
            let level = bidi_levels.as_ref().map_or(0, |(l, _)| l[i].number());
            let face = faces.at(i, &mut span);
            // A lower-case letter in small caps (and a combining mark on
            // one) is set as its capital, in the face that has the capital;
            // a letter whose capital no font has (Georgian's Mtavruli, say)
            // stays as written.
            let any_caps = face.small_caps || face.all_small_caps;
            let cap = if any_caps { small_capital(c) } else { None };
            let cap = cap.filter(|u| self.fonts.pick(face.weight, *u).is_some());
            // In all small capitals a capital is drawn small as it is.
            let capital = face.all_small_caps && c.is_uppercase();
            let small = cap.is_some() || capital || (any_caps && is_mark(c) && runs.last().is_some_and(|r| r.small));
            let font = self.font_for(cap.unwrap_or(c), face.weight, cur.map(|c| c.1));
            let class = if fonts::is_latin_face(font) { fonts::script_class(c) } else { 0 };
            let same = match (cur, runs.last()) {
                (Some((l, f, k)), Some(run)) => {
                    l == level
                        && f == font
                        && run.small == small
                        && run.vertical == face.vertical
                        && (class == 0 || k == 0 || k == class)
                        && !(run.range.len() >= MAX_RUN && c == ' ')
                }
                _ => false,
            };
            if same {
                if let Some(run) = runs.last_mut() {
                    run.range.end = i + c.len_utf8();
                }
                if let Some(cur) = cur.as_mut()
                    && cur.2 == 0
                {
                    cur.2 = class;
                }
            } else {
                runs.push(Run {
                    range: i..i + c.len_utf8(),
                    font,
                    level,
                    glyphs: 0..0,
                    small,
                    vertical: face.vertical,
                });
                cur = Some((level, font, class));
            }
        }

        // Shape each run.
        let mut glyphs: Vec<PGlyph> = Vec::with_capacity(text.len());
        let mut clusters: Vec<(u32, f32)> = Vec::with_capacity(text.len());
        for run in &mut runs {
            let start = glyphs.len();
            self.shape_run(text, run, if run.font == CJK { lang } else { None }, size, &mut glyphs);
            run.glyphs = start..glyphs.len();
            let first = clusters.len();
            for g in &glyphs[run.glyphs.clone()] {
                clusters.push((g.cluster, g.adv));
            }
            if run.rtl() {
                clusters[first..].reverse();
            }
        }
        clusters.sort_by_key(|c| c.0);
        let mut starts: Vec<u32> = Vec::with_capacity(clusters.len() + 1);
        let mut cum: Vec<f32> = Vec::with_capacity(clusters.len() + 1);
        let mut total = 0.0f32;
        for (c, adv) in clusters {
            if starts.last() != Some(&c) {
                starts.push(c);
                cum.push(total);
            }
            total += adv;
        }
        starts.push(text.len() as u32);
        cum.push(total);
        Para { text, size, rtl, runs, glyphs, starts, cum }
    }

    /// The font for `c`: the current font for punctuation and marks it has,
    /// else the first of the chain that has it. A character no font has is
    /// recorded in `missing` (and drawn as the current font's empty box).
    fn font_for(&mut self, c: char, weight: Weight, cur: Option<FontIdx>) -> FontIdx {
        let fallback = cur.unwrap_or(fonts::chain(weight)[0]);
        if fonts::is_default_ignorable(c) || c.is_control() {
            return fallback;
        }
        // A Latin face other than this character's own (the text around it
        // changed from italic to upright, say) does not keep it.
        // A digit or ASCII punctuation in an italic or bold run after a script
        // that has no such face ("भारतीय चिकित्सा पत्रिका, 7" in APA) keeps the
        // run's own face, which has it (tester 86 F5: the volume was upright
        // in the Devanagari font).
        let styled_latin = weight != Weight::Regular && c.is_ascii_graphic() && !c.is_ascii_alphabetic();
        if fonts::is_neutral(c)
            && let Some(f) = cur
            && !(fonts::is_latin_face(f) && f != fonts::chain(weight)[0])
            && !(styled_latin && !fonts::is_latin_face(f) && self.fonts.holds(fonts::chain(weight)[0], c))
            && self.fonts.holds(f, c)
        {
            return f;
        }
        match self.fonts.pick(weight, c) {
            Some(f) => f,
            None => {
                if !self.missing.contains(&c) {
                    self.missing.push(c);
                }
                fallback
            }
        }
    }

    fn shape_run(&mut self, text: &str, run: &Run, lang: Option<&'static str>, size: f32, out: &mut Vec<PGlyph>) {
        let Some(seg) = text.get(run.range.clone()) else { return };
        let rise = run.rise(size);
        let size = run.size(size);
        let scale = size / self.fonts.upem[run.font as usize];
        let push = |out: &mut Vec<PGlyph>, at: usize, glyphs: &[Unscaled]| {
            out.extend(glyphs.iter().map(|g| PGlyph {
                gid: g.gid,
                cluster: (at + g.cluster as usize) as u32,
                adv: g.adv as f32 * scale,
                dx: g.dx as f32 * scale,
                dy: g.dy as f32 * scale + rise,
            }));
        };
        // Small capitals: the letters' capitals are shaped, and each glyph's
        // cluster is moved back to the letter it stands for (a capital may
        // have another UTF-8 length, and "ß" has two: "SS").
        if run.small {
            let mut upper = String::with_capacity(seg.len());
            let mut from: Vec<u32> = Vec::with_capacity(seg.len() + 4);
            for (i, c) in seg.char_indices() {
                push_capitals(c, &mut upper);
                from.resize(upper.len(), i as u32);
            }
            let mut glyphs = self.shape_unscaled(&upper, run.font, run.rtl(), lang);
            for g in &mut glyphs {
                g.cluster = from.get(g.cluster as usize).copied().unwrap_or(seg.len() as u32);
            }
            push(out, run.range.start, &glyphs);
            return;
        }
        // Latin, Greek and Cyrillic words shape the same alone as in a run
        // (nothing joins or kerns across a space), so each is shaped once and
        // remembered: most of a reading list is words it has seen before.
        if !run.rtl() && lang.is_none() && fonts::is_latin_face(run.font) {
            let mut at = run.range.start;
            for word in seg.split_inclusive(' ') {
                let cache = &mut self.words[run.font as usize];
                if let Some(glyphs) = cache.get(word) {
                    push(out, at, glyphs);
                } else {
                    let glyphs = self.shape_unscaled(word, run.font, false, None);
                    push(out, at, &glyphs);
                    if word.len() <= 64 {
                        let cache = &mut self.words[run.font as usize];
                        if cache.len() > 100_000 {
                            cache.clear();
                        }
                        cache.insert(word.into(), glyphs);
                    }
                }
                at += word.len();
            }
            return;
        }
        let glyphs = self.shape_unscaled(seg, run.font, run.rtl(), lang);
        push(out, run.range.start, &glyphs);
    }

    /// Shapes `seg` with one font and direction; positions in font units.
    fn shape_unscaled(&mut self, seg: &str, font: FontIdx, rtl: bool, lang: Option<&'static str>) -> Vec<Unscaled> {
        let mut buf = self.buffer.take().unwrap_or_default();
        buf.push_str(seg);
        let direction = if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight };
        buf.set_direction(direction);
        let language = lang.and_then(|l| l.parse::<rustybuzz::Language>().ok());
        if let Some(l) = &language {
            buf.set_language(l.clone());
        }
        buf.guess_segment_properties();
        let script = buf.script();
        let face = &self.fonts.faces[font as usize];
        let plan = self
            .plans
            .entry((font, rtl, script, lang))
            .or_insert_with(|| rustybuzz::ShapePlan::new(face, direction, Some(script), language.as_ref(), &[]));
        let shaped = rustybuzz::shape_with_plan(face, plan, buf);
        let glyphs = shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| Unscaled {
                gid: info.glyph_id as u16,
                cluster: info.cluster,
                adv: pos.x_advance,
                dx: pos.x_offset,
                dy: pos.y_offset,
            })
            .collect();
        self.buffer = Some(shaped.clear());
        glyphs
    }
}

/// How a run of rich text is set: its face, whether its lower-case
/// letters (or all its letters) are small capitals (see [`SMALL_CAPS`]), and
/// whether it is a superscript or subscript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Face {
    pub weight: Weight,
    pub small_caps: bool,
    /// Capitals drawn small too ([`super::Emphasis::all_small_caps`]).
    pub all_small_caps: bool,
    pub vertical: Vertical,
}

impl From<Weight> for Face {
    fn from(weight: Weight) -> Face {
        Face { weight, small_caps: false, all_small_caps: false, vertical: Vertical::Baseline }
    }
}

/// The capital a lower-case letter is drawn as in small capitals ("ß" gives
/// "S", drawn "SS"), or `None` for a character that is not a lower-case
/// letter with a capital (capitals, digits, punctuation, scripts without case
/// keep their size).
fn small_capital(c: char) -> Option<char> {
    if !c.is_lowercase() {
        return None;
    }
    let mut one = String::new();
    push_capitals(c, &mut one);
    one.chars().next().filter(|u| *u != c)
}

/// Appends the capitals `c` is drawn as in small capitals: its upper case
/// (Unicode's full mapping: "ß" gives "SS"), except that a Greek vowel loses
/// its tonos, as Greek capitals are written without accents (CLDR's Greek
/// upper-casing: "ά" gives "Α", "ΐ" gives "Ϊ").
fn push_capitals(c: char, out: &mut String) {
    let greek = match c {
        'ά' => 'Α',
        'έ' => 'Ε',
        'ή' => 'Η',
        'ί' => 'Ι',
        'ό' => 'Ο',
        'ύ' => 'Υ',
        'ώ' => 'Ω',
        'ΐ' => 'Ϊ',
        'ΰ' => 'Ϋ',
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push(greek);
}

/// Combining marks (an accent written after its letter): they go with the
/// letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The face of each byte of a paragraph: `base`, or that of the span of
/// `spans` holding it; `at` is the paragraph's offset in the text the spans
/// are counted in.
#[derive(Clone, Copy)]
struct Faces<'s> {
    base: Face,
    spans: &'s [(Range<usize>, Face)],
    at: usize,
}

impl Faces<'_> {
    fn shifted(self, by: usize) -> Self {
        Faces { at: self.at + by, ..self }
    }

    /// The face of byte `i` of the paragraph; `k` is a cursor into the spans
    /// for calls with rising `i`.
    fn at(&self, i: usize, k: &mut usize) -> Face {
        let p = self.at + i;
        while *k < self.spans.len() && self.spans[*k].0.end <= p {
            *k += 1;
        }
        match self.spans.get(*k) {
            Some((r, w)) if r.start <= p => *w,
            _ => self.base,
        }
    }
}

/// Whether a line is one word: no break opportunity inside it
/// (`opportunities` are the paragraph's allowed break positions, `start..end`
/// the line). A bracketed label kept whole ("[not reviewed]", see
/// [`inside_a_label`]) counts as one word.
fn lone_word(line: &str, start: usize, end: usize, opportunities: &[usize]) -> bool {
    !line.trim().is_empty() && !opportunities.iter().any(|&q| q > start && q < end)
}

/// The most characters of a bracketed label ("[not reviewed]", "[in press]",
/// "[Internet]") that is kept on one line: a longer bracketed text (a
/// translated title) breaks as any text.
const LABEL_CHARS: usize = 24;

/// Whether `p` falls inside a short bracketed label ("[not reviewed]"): a
/// line ending "[not" leaves "reviewed]" alone and reads as two labels.
/// The label opens with `[` after a space or at the start of the text and
/// closes with `]` at most [`LABEL_CHARS`] characters later, with no other
/// bracket between.
fn inside_a_label(text: &str, p: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..p), text.get(p..)) else { return false };
    // Only the label's length back and ahead is read: a break is checked in
    // constant time however long the paragraph.
    let from = before.char_indices().rev().nth(LABEL_CHARS).map_or(0, |(i, _)| i);
    let to = after.char_indices().nth(LABEL_CHARS).map_or(after.len(), |(i, _)| i);
    let (before, after) = (&before[from..], &after[..to]);
    let Some(open) = before.rfind(['[', ']']) else { return false };
    if !before[open..].starts_with('[') {
        return false;
    }
    if before[..open].chars().next_back().is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '\u{2014}')) {
        return false;
    }
    let Some(close) = after.find(['[', ']']) else { return false };
    if !after[close..].starts_with(']') {
        return false;
    }
    before[open..].chars().count() + after[..close].chars().count() < LABEL_CHARS
}

/// The length of the hard line break `rest` starts with (0 at the end).
fn hard_break_len(rest: &str) -> usize {
    rest.chars().next().map_or(0, char::len_utf8)
}

/// How a paragraph's base direction is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseDirection {
    /// From its first strong character (UAX #9 rules P2-P3): the default.
    FirstStrong,
    /// From the script most of its letters are in (a higher-level protocol,
    /// UAX #9 HL1), for text that strings several fields together: a
    /// reference to an English work whose first author is written in Arabic
    /// stays left to right, an Arabic one is right to left. A tie falls back
    /// to the first strong character.
    Majority,
    /// Left to right whatever its letters (UAX #9 HL1: an explicit paragraph
    /// level, as a word processor gives each paragraph of an English
    /// document): an entry of the report's numbered list, whose label stays
    /// at the left margin with the others, its Hebrew or Arabic words set
    /// right to left inside it.
    Ltr,
}

/// Control characters other than line breaks become spaces (a tab has no
/// glyph); with `one_line`, line breaks too. A two-byte control (C1) becomes
/// two spaces, so that byte offsets into the text (a reference's italic
/// spans) still hold.
fn clean(text: &str, one_line: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && (one_line || c != '\n');
    if text.chars().any(bad) {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if bad(c) {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Characters that make the bidi algorithm worth running: right-to-left
/// letters and digits, and explicit directional controls.
fn needs_bidi(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// How good a place inside a word is to cut a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Never: inside a syllable of Thai or Lao, or between a Khmer or Myanmar
    /// consonant and the subscript joined to it.
    Never,
    /// Allowed, but not known to be the start of a syllable.
    Allowed,
    /// The start of a Thai or Lao syllable: a leading vowel, or a consonant
    /// followed by its vowel sign or tone mark.
    Syllable,
}

/// Thai and Lao letters, vowel signs and tone marks (not digits or symbols).
fn is_sa(c: char) -> bool {
    matches!(c as u32, 0x0E01..=0x0E3A | 0x0E40..=0x0E4E | 0x0E81..=0x0EBD | 0x0EC0..=0x0ECE)
}

/// Vowels written before the consonant they are pronounced after
/// (Thai เ แ โ ใ ไ, Lao ເ ແ ໂ ໃ ໄ): they belong to the consonant after them.
fn is_leading_vowel(c: char) -> bool {
    matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4)
}

/// Consonants (Thai ก–ฮ, Lao ກ–ຮ and its other consonants).
fn is_consonant(c: char) -> bool {
    matches!(c as u32, 0x0E01..=0x0E2E | 0x0E81..=0x0EAE | 0x0EDC..=0x0EDF)
}

/// Vowel signs and marks written on or after a consonant, which never start
/// a line: sara a, aa, am, lakkhangyao, mai yamok, paiyannoi, the vowels
/// above and below, tone marks and thanthakhat (and their Lao counterparts).
fn attaches_before(c: char) -> bool {
    matches!(
        c as u32,
        0x0E2F..=0x0E3A | 0x0E45..=0x0E4E | 0x0EAF..=0x0EBC | 0x0EC6 | 0x0EC8..=0x0ECE
    )
}

/// Vowel signs after which a syllable must go on to its final consonant:
/// mai han-akat (ั), sara ue (ื), maitaikhu (็), Lao mai kan (ັ).
fn needs_final(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E37}' | '\u{0E47}' | '\u{0EB1}')
}

/// Thai consonants that begin a two-consonant initial with ร, ล or ว (ปร, กล, คว …).
fn cluster_initial(c: char) -> bool {
    matches!(c, 'ก' | 'ข' | 'ค' | 'ต' | 'ป' | 'ผ' | 'พ')
}

/// Whether a line may be cut at byte `pos` of `text`, and how well. Thai and
/// Lao are written without spaces between words and UAX #14 leaves their
/// breaks to a dictionary; without one, these rules keep each syllable whole
/// in the way Thai Character Clusters do (Theeramunkong et al., "Character
/// cluster based Thai information retrieval", IRAL 2000): never after a
/// leading vowel, never before a vowel sign, tone mark or ๆ, never before a
/// consonant silenced by thanthakhat (์) nor after a vowel that needs a final
/// consonant (ั ื ็, เ-ิ), never before the ย or อ that ends เ-ีย, เ-ือ,
/// เ-อ; and they prefer cutting before a leading vowel or a consonant that
/// carries a vowel sign, where a new syllable begins. Khmer and Myanmar
/// subscript consonants stay with their base. Elsewhere any cluster boundary
/// is allowed.
fn cut_rank(text: &str, pos: usize) -> Cut {
    let (Some(prev), Some(next)) = (text[..pos].chars().next_back(), text[pos..].chars().next()) else {
        return Cut::Allowed;
    };
    if matches!(prev, '\u{17D2}' | '\u{1039}') || matches!(next, '\u{17D2}' | '\u{1039}' | '\u{103A}') {
        return Cut::Never;
    }
    // A combining mark or a joiner never starts a line (a shaped cluster keeps
    // them; this guards text cut by characters, as `fit_lines` does).
    if matches!(next as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(next, '\u{200C}' | '\u{200D}')
        || prev == '\u{200D}'
    {
        return Cut::Never;
    }
    if !(is_sa(prev) && is_sa(next)) {
        return Cut::Allowed;
    }
    if is_leading_vowel(prev) || attaches_before(next) {
        return Cut::Never;
    }
    // The syllable before the cut: its consonant, the marks on it and a leading vowel.
    let before: Vec<char> = {
        let mut v: Vec<char> = Vec::new();
        for c in text[..pos].chars().rev() {
            v.push(c);
            if is_consonant(c) || v.len() > 6 {
                break;
            }
        }
        if let Some(c) = text[..pos - v.iter().map(|c| c.len_utf8()).sum::<usize>()].chars().next_back()
            && is_leading_vowel(c)
        {
            v.push(c);
        }
        v
    };
    let led = before.last().is_some_and(|c| is_leading_vowel(*c));
    // ก็ ("also") is a whole word although it carries maitaikhu.
    let ko = before == ['\u{0E47}', 'ก'];
    if (!ko && before.iter().any(|c| needs_final(*c))) || (led && before.contains(&'\u{0E34}')) {
        return Cut::Never;
    }
    if led && matches!(next, 'ย' | 'อ') {
        return Cut::Never;
    }
    let mut after = text[pos..].chars();
    let (first, second) = (after.next(), after.next());
    let third = after.next();
    // A consonant with thanthakhat is silent and ends the syllable before it.
    let silenced = |c: Option<char>| matches!(c, Some('\u{0E4C}' | '\u{0ECC}'));
    if silenced(second) || (second.is_some_and(attaches_before) && silenced(third)) {
        return Cut::Never;
    }
    if is_leading_vowel(next) {
        return Cut::Syllable;
    }
    let two_initial = before.len() == 1 && cluster_initial(prev) && matches!(first, Some('ร' | 'ล' | 'ว'));
    if is_consonant(next) && second.is_some_and(attaches_before) && !two_initial {
        return Cut::Syllable;
    }
    Cut::Allowed
}

/// Trailing spaces are not part of a line's width (a no-break space is).
fn is_trailing_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

impl Para<'_> {
    /// Index of `pos` in `starts`, if it is a cluster boundary.
    fn boundary(&self, pos: usize) -> Option<usize> {
        self.starts.binary_search(&(pos as u32)).ok()
    }

    fn width_between(&self, a: usize, b: usize) -> f32 {
        self.cum[b] - self.cum[a]
    }

    /// End of the text before `end` without trailing spaces (not before `start`).
    fn trim_end(&self, start: usize, end: usize) -> usize {
        let s = &self.text[start..end];
        start + s.trim_end_matches(is_trailing_space).len()
    }

    /// Cluster index at or before byte `pos`.
    fn index_at_or_before(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= pos).saturating_sub(1)
    }

    /// The cluster index at which to cut a word that overflows the line:
    /// the last one up to `j` (clusters `si..j` fit) that starts a syllable,
    /// else the last where a cut is allowed at all, else `j` itself (a single
    /// unit wider than the line). Looks back over one line's clusters only.
    fn best_cut(&self, si: usize, j: usize) -> usize {
        let at = self.starts[j] as usize;
        if cut_rank(self.text, at) == Cut::Allowed && !self.text[..at].chars().next_back().is_some_and(is_sa) {
            return j; // not inside Thai or Lao: the last cluster that fits
        }
        let mut allowed = None;
        for k in (si + 1..=j).rev() {
            match cut_rank(self.text, self.starts[k] as usize) {
                Cut::Syllable => return k,
                Cut::Allowed if allowed.is_none() => allowed = Some(k),
                _ => {}
            }
        }
        allowed.unwrap_or(j)
    }

    /// Greedy line breaking. Lines exclude their trailing spaces.
    fn breaks(&self, max_w: f32) -> Vec<LineSpan> {
        let len = self.text.len();
        let full_end = self.trim_end(0, len);
        let n = self.starts.len() - 1;
        let width_to = |i: usize, end: usize| -> f32 {
            let j = self.index_at_or_before(end);
            self.width_between(i, j)
        };
        if self.width_between(0, self.index_at_or_before(full_end)) <= max_w + 0.01 {
            return vec![LineSpan { start: 0, end: full_end, cut_in_word: false }];
        }
        let mut out = Vec::new();
        let mut start = 0usize; // byte offset, a cluster boundary
        let mut si = 0usize; // its cluster index
        let mut last_fit: Option<usize> = None;
        let opportunities: Vec<usize> = unicode_linebreak::linebreaks(self.text)
            .map(|(p, _)| p)
            .filter(|&p| p == len || self.boundary(p).is_some())
            .filter(|&p| {
                !after_word_initial_hyphen(self.text, p)
                    && !inside_a_range(self.text, p)
                    && !inside_a_label(self.text, p)
            })
            .collect();
        for &p in &opportunities {
            if p <= start {
                continue;
            }
            loop {
                let end = self.trim_end(start, p);
                if width_to(si, end) <= max_w + 0.01 {
                    last_fit = Some(p);
                    break;
                }
                if let Some(q) = last_fit.take() {
                    out.push(LineSpan { start, end: self.trim_end(start, q), cut_in_word: false });
                    start = q;
                    si = self.index_at_or_before(q);
                    continue;
                }
                // One word wider than the line (or a run of Thai, which has no
                // spaces between words): cut it between clusters, where a cut
                // is allowed, preferring the start of a syllable (see `cut_rank`).
                let end_i = self.index_at_or_before(end);
                let mut j = si + 1;
                while j < end_i && self.width_between(si, j + 1) <= max_w + 0.01 {
                    j += 1;
                }
                let j = self.best_cut(si, j.min(n));
                let cut = (self.starts[j] as usize).min(end);
                out.push(LineSpan { start, end: cut, cut_in_word: true });
                start = cut;
                si = self.index_at_or_before(cut);
                if start >= end {
                    last_fit = Some(p);
                    break;
                }
            }
        }
        if start < full_end || out.is_empty() {
            let end = full_end.max(start);
            out.push(LineSpan { start, end, cut_in_word: false });
        } else if let Some(q) = last_fit
            && q > start
        {
            out.push(LineSpan { start, end: self.trim_end(start, q), cut_in_word: false });
        }
        self.no_lone_last_word(&mut out, &opportunities, max_w);
        out
    }

    /// The widow rule for a paragraph or table cell: a last line holding one
    /// word, whatever its length ("yet.", "chooses.", "[not reviewed]"),
    /// takes the last word of the line before when that line keeps at least
    /// two words and the new last line still fits `max_w`; the paragraph
    /// keeps its number of lines. (The Chicago Manual of Style, 2.116, calls
    /// such a line a runt and lets the lines above be reset to avoid it.)
    /// `opportunities` are the allowed break positions.
    fn no_lone_last_word(&self, out: &mut [LineSpan], opportunities: &[usize], max_w: f32) {
        let n = out.len();
        if n < 2 {
            return;
        }
        let (prev, last) = (&out[n - 2], &out[n - 1]);
        if prev.cut_in_word
            || last.cut_in_word
            || !lone_word(&self.text[last.start..last.end], last.start, last.end, opportunities)
        {
            return;
        }
        // Break positions inside the line before: each starts one of its words after the first.
        let inside: Vec<usize> = opportunities.iter().copied().filter(|&q| q > prev.start && q < last.start).collect();
        let Some(&q) = inside.last() else { return };
        if inside.len() < 2 {
            return;
        }
        let (qi, end_i) = (self.index_at_or_before(q), self.index_at_or_before(last.end));
        if self.width_between(qi, end_i) > max_w + 0.01 {
            return;
        }
        let prev_end = self.trim_end(prev.start, q);
        out[n - 2].end = prev_end;
        out[n - 1].start = q;
    }

    /// The line of bytes `a..b`, its runs reordered for display (UAX #9 L2).
    fn line(&self, a: usize, b: usize) -> ShapedLine {
        let mut out = ShapedLine {
            text: self.text[a..b].to_string(),
            size: self.size,
            width: 0.0,
            glyphs: Vec::new(),
            actual_text: Vec::new(),
            rtl: self.rtl,
        };
        if a >= b {
            return out;
        }
        // The pieces of runs on this line, in logical order.
        let first = self.runs.partition_point(|r| r.range.end <= a);
        let mut pieces: Vec<(usize, Range<usize>, u8)> = Vec::new();
        for (ri, run) in self.runs.iter().enumerate().skip(first) {
            if run.range.start >= b {
                break;
            }
            let s = run.range.start.max(a);
            let e = run.range.end.min(b);
            if s < e {
                pieces.push((ri, s..e, run.level));
            }
        }
        reorder(&mut pieces);
        let mut pen = 0.0f32;
        for (ri, r, _) in pieces {
            let run = &self.runs[ri];
            let gl = &self.glyphs[run.glyphs.clone()];
            let (lo, hi) = if run.rtl() {
                (
                    gl.partition_point(|g| g.cluster as usize >= r.end),
                    gl.partition_point(|g| g.cluster as usize >= r.start),
                )
            } else {
                (
                    gl.partition_point(|g| (g.cluster as usize) < r.start),
                    gl.partition_point(|g| (g.cluster as usize) < r.end),
                )
            };
            let first_glyph = out.glyphs.len();
            let mut k = lo;
            while k < hi {
                // One cluster: its glyphs share out its characters (see `share`).
                let c = gl[k].cluster;
                let mut m = k + 1;
                while m < hi && gl[m].cluster == c {
                    m += 1;
                }
                let next = self.starts.partition_point(|&s| s <= c);
                let end = (self.starts.get(next).copied().unwrap_or(self.text.len() as u32) as usize).min(r.end);
                let chars = &self.text[c as usize..end];
                for (n, g) in gl[k..m].iter().enumerate() {
                    let (s, e) = share(chars, n, m - k, run.rtl());
                    let text = (c as usize + s - a) as u32..(c as usize + e - a) as u32;
                    let size = run.size(self.size);
                    out.glyphs.push(Glyph {
                        font: run.font,
                        gid: g.gid,
                        size,
                        x: pen + g.dx,
                        y: g.dy,
                        text,
                        rtl: run.rtl(),
                    });
                    pen += g.adv;
                }
                // A small capital drawn as two ("ß" as "SS") reads as its letter.
                if run.small && m - k > 1 {
                    let n = out.glyphs.len();
                    out.actual_text.push((n - (m - k)..n, (c as usize - a) as u32..(end - a) as u32));
                }
                k = m;
            }
            if fonts::needs_actual_text(run.font) && out.glyphs.len() > first_glyph {
                out.actual_text.push((first_glyph..out.glyphs.len(), (r.start - a) as u32..(r.end - a) as u32));
            }
        }
        out.width = pen;
        out
    }
}

/// The bytes of a cluster's text (`chars`, logical order) that glyph `n` of its
/// `count` glyphs stands for, so that text extraction gives each character
/// once: one character per glyph, the last glyph taking the rest. In a
/// right-to-left run the glyphs come in visual order, so they take the
/// characters from the end. A glyph left without a character gets an empty range.
fn share(chars: &str, n: usize, count: usize, rtl: bool) -> (usize, usize) {
    if count <= 1 {
        return (0, chars.len());
    }
    let bounds: Vec<usize> = chars.char_indices().map(|(i, _)| i).chain([chars.len()]).collect();
    let m = bounds.len() - 1;
    if !rtl {
        return if n + 1 == count {
            (bounds[n.min(m)], chars.len())
        } else if n < m {
            (bounds[n], bounds[n + 1])
        } else {
            (chars.len(), chars.len())
        };
    }
    // Visual glyph n stands for logical character m - 1 - n; the last takes the rest.
    if n + 1 == count {
        let end = m.saturating_sub(n);
        (0, bounds[end])
    } else if n < m {
        (bounds[m - 1 - n], bounds[m - n])
    } else {
        (0, 0)
    }
}

/// UAX #9 rule L2 on the pieces of a line: from the highest level down to the
/// lowest odd one, reverse every maximal sequence at that level or above.
fn reorder<T>(pieces: &mut [(usize, T, u8)]) {
    let Some(max) = pieces.iter().map(|p| p.2).max() else { return };
    let Some(min_odd) = pieces.iter().map(|p| p.2).filter(|l| l % 2 == 1).min() else { return };
    let mut level = max;
    while level >= min_odd {
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].2 >= level {
                let mut j = i;
                while j < pieces.len() && pieces[j].2 >= level {
                    j += 1;
                }
                pieces[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        if level == 0 {
            break;
        }
        level -= 1;
    }
}

/// Whether `p` (a byte offset) follows a hyphen that starts a word and is
/// followed by a letter ("-ism" in "endings (-ity, -ism)", "-race"): UAX #14
/// rule LB20a (Unicode 15.1) forbids a break there, which the
/// unicode-linebreak crate predates; a line must not end with a lone "-".
fn after_word_initial_hyphen(text: &str, p: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..p), text.get(p..)) else { return false };
    let mut back = before.chars().rev();
    if !matches!(back.next(), Some('-' | '\u{2010}')) {
        return false;
    }
    let initial =
        back.next().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}' | '\u{2018}'));
    initial && after.chars().next().is_some_and(char::is_alphabetic)
}

/// Whether `p` falls just after the en dash of a range of numbers or
/// numbered labels ("1998–2000", "pp. 12–15", "G101–G102"): such a range is
/// kept on one line, as typesetting keeps it (a line ending "G101–" reads as
/// an open range). Unicode's line breaking (UAX #14) allows a break there.
fn inside_a_range(text: &str, p: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..p), text.get(p..)) else { return false };
    let mut back = before.chars().rev();
    if back.next() != Some('\u{2013}') || !back.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut ahead = after.chars();
    match ahead.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c.is_ascii_uppercase() => ahead.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod range_tests {
    use super::inside_a_range;

    #[test]
    fn a_range_of_numbers_or_labels_is_not_broken_at_its_dash() {
        let t = "gaps G19, G101–G102 and 1998–2000, pp. 12–15; years 2–5 – and so on";
        let after = |s: &str| t.find(s).unwrap() + s.len();
        assert!(inside_a_range(t, after("G101–")));
        assert!(inside_a_range(t, after("1998–")));
        assert!(inside_a_range(t, after("12–")));
        assert!(inside_a_range(t, after("2–")));
        // A dash between words, or spaced, is a place to break.
        assert!(!inside_a_range(t, after("5 –")));
        assert!(!inside_a_range("medicine–society", "medicine–".len()));
        assert!(!inside_a_range(t, after("gaps ")));
    }
}

#[cfg(test)]
mod thai_tests {
    use super::super::fonts::{Fonts, Weight};
    use super::*;

    const TITLE: &str = "การศึกษาประวัติศาสตร์การแพทย์แผนไทยและความสัมพันธ์กับการแพทย์ตะวันตกในยุคอาณานิคมของภูมิภาค\
                         เอเชียตะวันออกเฉียงใต้ตั้งแต่คริสต์ศตวรรษที่สิบเก้าจนถึงปัจจุบันและสมัยใหม่";

    fn cuts(text: &str, width: f32) -> Vec<String> {
        let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
        sh.wrap(text, Weight::Regular, 10.0, width).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn syllables_stay_whole() {
        assert_eq!(cut_rank("ใหม่", "ใ".len()), Cut::Never, "after a leading vowel");
        assert_eq!(cut_rank("การ", "ก".len()), Cut::Never, "before sara aa");
        assert_eq!(cut_rank("สัม", "สั".len()), Cut::Never, "after mai han-akat the final follows");
        assert_eq!(cut_rank("ศาสตร์", "ศาสต".len()), Cut::Never, "before a silenced consonant");
        assert_eq!(cut_rank("เสีย", "เสี".len()), Cut::Never, "the ย of เ-ีย");
        assert_eq!(cut_rank("เกิด", "เกิ".len()), Cut::Never, "เ-ิ needs its final");
        assert_eq!(cut_rank("ประ", "ป".len()), Cut::Allowed, "a two-consonant initial is no syllable start");
        assert_eq!(cut_rank("การศึกษา", "การ".len()), Cut::Syllable);
        assert_eq!(cut_rank("ตะวัน", "ตะ".len()), Cut::Syllable);
        assert_eq!(cut_rank("ไทยและ", "ไทย".len()), Cut::Syllable, "before a leading vowel");
        assert_eq!(cut_rank("ក្ម", "ក".len()), Cut::Never, "Khmer coeng joins the subscript");
        assert_eq!(cut_rank("abc", 1), Cut::Allowed);
        assert_eq!(cut_rank("e\u{301}", 1), Cut::Never, "a combining accent stays with its letter");
    }

    #[test]
    fn a_long_thai_title_breaks_between_syllables_and_loses_nothing() {
        for width in [60.0, 90.0, 140.0, 230.0] {
            let lines = cuts(TITLE, width);
            assert!(lines.len() > 1, "{width}: {lines:?}");
            assert_eq!(lines.concat(), TITLE, "{width}: text lost or doubled");
            for pair in lines.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let end = a.chars().next_back().unwrap();
                let start = b.chars().next().unwrap();
                assert!(!is_leading_vowel(end), "{width}: line ends with a leading vowel: {a:?} | {b:?}");
                assert!(!attaches_before(start), "{width}: line starts with a vowel sign or mark: {a:?} | {b:?}");
                let joined = format!("{a}{b}");
                assert_ne!(cut_rank(&joined, a.len()), Cut::Never, "{width}: cut inside a syllable: {a:?} | {b:?}");
            }
        }
    }

    #[test]
    fn a_space_is_preferred_to_a_cut_inside_thai() {
        // Each phrase fits on a line; the two do not: the break is the space.
        let text = "ภาษาไทยและการแพทย์ ประวัติศาสตร์การแพทย์";
        let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
        let (a, b) = ("ภาษาไทยและการแพทย์", "ประวัติศาสตร์การแพทย์");
        let width = sh.width(a, Weight::Regular, 10.0).max(sh.width(b, Weight::Regular, 10.0)) + 5.0;
        assert!(sh.width(text, Weight::Regular, 10.0) > width);
        let lines = cuts(text, width);
        assert_eq!(lines, ["ภาษาไทยและการแพทย์", "ประวัติศาสตร์การแพทย์"]);
    }
}

#[cfg(test)]
mod widow_tests {
    use super::super::fonts::{Fonts, Weight};
    use super::*;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
        sh.wrap(text, Weight::Regular, 9.0, width).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_short_bracketed_label_is_one_word() {
        let t = "Fanon's case notes. — book [not reviewed]";
        let at = |s: &str| t.find(s).unwrap() + s.len();
        assert!(inside_a_label(t, at("[not ")));
        assert!(!inside_a_label(t, at("book ")));
        assert!(!inside_a_label(t, at("case ")));
        // A long bracketed text (a translated title) breaks as any text.
        let long = "Ibn Sina [The Canon of Medicine, translated from the Arabic by many hands]";
        assert!(!inside_a_label(long, long.find("of ").unwrap() + 3));
        // Brackets inside a word are no label; nor is an unclosed one.
        assert!(!inside_a_label("a[b c]", 4));
        assert!(!inside_a_label("[not reviewed", 5));
    }

    #[test]
    fn no_width_leaves_one_word_alone_when_the_line_before_can_give_one() {
        // Issue 13 (13b): "chooses." and "keywords." (7-9 letters) and
        // "reviewed]" were left alone; the rule took only words of 6
        // letters or fewer. Now any last word, and "[not reviewed]" whole.
        let mut sh = Shaper::new(Fonts::load().expect("vendored fonts parse"));
        for text in [
            "Bring the theme into a session of the module that the group chooses.",
            "Sessions in year 3 not tagged with it already use its keywords.",
            "Recorded as missed by pulse oximetry in darker skin. — article [not reviewed]",
        ] {
            let full = sh.width(text, Weight::Regular, 9.0);
            let mut w = 80.0;
            while w < full {
                let ls = lines(text, w);
                if ls.len() >= 2 {
                    let last = &ls[ls.len() - 1];
                    let prev: Vec<&str> = ls[ls.len() - 2].split_whitespace().collect();
                    let alone = !last.contains(' ') || last == "[not reviewed]";
                    // The line before could give a word: it keeps two, and the last line fits.
                    let joined = format!("{} {last}", prev[prev.len() - 1]);
                    let could = prev.len() >= 3 && sh.width(&joined, Weight::Regular, 9.0) <= w;
                    assert!(!(alone && could), "at {w} pt: {ls:?}");
                    assert!(ls.iter().all(|l| !l.ends_with("[not")), "at {w} pt: {ls:?}");
                }
                w += 2.0;
            }
        }
    }
}
