//! Shaping (rustybuzz), bidi ordering (unicode-bidi, paragraph level forced LTR),
//! per-character font fallback, and greedy line wrapping on shaped widths.

use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::{BidiInfo, Level};

use super::fonts::{FontIdx, Fonts, Weight, is_devanagari, is_neutral};

/// One positioned glyph of a shaped line. Positions are in points at the line's size,
/// relative to the line's origin (left end of the baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub font: FontIdx,
    pub gid: u16,
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
    /// Glyph ranges of Devanagari runs, with their logical text (for /ActualText).
    pub actual_text: Vec<(Range<usize>, Range<u32>)>,
}

impl ShapedLine {
    pub fn glyph_text(&self, g: &Glyph) -> &str {
        self.text.get(g.text.start as usize..g.text.end as usize).unwrap_or("")
    }
}

/// More characters than any line of a page can hold (an A4 line holds a few
/// hundred glyphs at the smallest size used).
const LINE_SPAN: usize = 400;

pub struct Shaper {
    pub fonts: Fonts,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    width_cache: HashMap<(Weight, u32, String), f32>,
    /// Characters found in no font of the chain.
    pub missing: Vec<char>,
}

impl Shaper {
    pub fn new(fonts: Fonts) -> Self {
        Self { fonts, buffer: Some(rustybuzz::UnicodeBuffer::new()), width_cache: HashMap::new(), missing: Vec::new() }
    }

    /// Shape `text` (one line, no newline handling) in visual order.
    pub fn shape(&mut self, text: &str, weight: Weight, size: f32) -> ShapedLine {
        let mut line =
            ShapedLine { text: text.to_string(), size, width: 0.0, glyphs: Vec::new(), actual_text: Vec::new() };
        if text.is_empty() {
            return line;
        }
        let has_rtl = text.chars().any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF));
        let mut pen = 0.0f32;
        if !has_rtl {
            self.shape_run(text, 0..text.len(), false, weight, size, &mut pen, &mut line);
        } else {
            let bidi = BidiInfo::new(text, Some(Level::ltr()));
            for para in &bidi.paragraphs {
                let (levels, runs) = bidi.visual_runs(para, para.range.clone());
                for run in runs {
                    let rtl = levels.get(run.start).map(|l| l.is_rtl()).unwrap_or(false);
                    self.shape_run(text, run, rtl, weight, size, &mut pen, &mut line);
                }
            }
        }
        line.width = pen;
        line
    }

    /// Split a directional run by font and shape each piece.
    #[allow(clippy::too_many_arguments)]
    fn shape_run(
        &mut self,
        text: &str,
        run: Range<usize>,
        rtl: bool,
        weight: Weight,
        size: f32,
        pen: &mut f32,
        line: &mut ShapedLine,
    ) {
        let Some(run_text) = text.get(run.clone()) else { return };
        // Font segments, in logical order.
        let mut segs: Vec<(Range<usize>, FontIdx)> = Vec::new();
        let mut cur: Option<FontIdx> = None;
        for (i, c) in run_text.char_indices() {
            let want = if is_neutral(c) {
                match cur {
                    Some(f) if self.fonts.has_glyph(f, c) => Some(f),
                    _ => self.fonts.pick(weight, c),
                }
            } else {
                self.fonts.pick(weight, c)
            };
            let f = match want {
                Some(f) => f,
                None => {
                    if !c.is_control() && !self.missing.contains(&c) {
                        self.missing.push(c);
                    }
                    cur.unwrap_or(super::fonts::chain(weight)[0])
                }
            };
            let start = run.start + i;
            match segs.last_mut() {
                Some((r, lf)) if *lf == f => r.end = start + c.len_utf8(),
                _ => segs.push((start..start + c.len_utf8(), f)),
            }
            cur = Some(f);
        }
        if rtl {
            segs.reverse();
        }
        for (r, f) in segs {
            self.shape_segment(text, r, f, rtl, size, pen, line);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn shape_segment(
        &mut self,
        text: &str,
        r: Range<usize>,
        font: FontIdx,
        rtl: bool,
        size: f32,
        pen: &mut f32,
        line: &mut ShapedLine,
    ) {
        let Some(seg) = text.get(r.clone()) else { return };
        let mut buf = self.buffer.take().unwrap_or_default();
        buf.push_str(seg);
        buf.set_direction(if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight });
        buf.guess_segment_properties();
        let face = &self.fonts.faces[font as usize];
        let scale = size / self.fonts.upem[font as usize];
        let out = rustybuzz::shape(face, &[], buf);
        let infos = out.glyph_infos();
        let pos = out.glyph_positions();
        // Cluster starts in logical order, to find each cluster's text end.
        let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        let cluster_end = |c: u32| -> u32 {
            match starts.binary_search(&c) {
                Ok(i) => starts.get(i + 1).copied().unwrap_or(seg.len() as u32),
                Err(_) => seg.len() as u32,
            }
        };
        let first_glyph = line.glyphs.len();
        let mut prev_cluster: Option<u32> = None;
        for (gi, gp) in infos.iter().zip(pos.iter()) {
            let tr = if prev_cluster == Some(gi.cluster) {
                0..0
            } else {
                let s = r.start as u32 + gi.cluster;
                s..r.start as u32 + cluster_end(gi.cluster)
            };
            prev_cluster = Some(gi.cluster);
            line.glyphs.push(Glyph {
                font,
                gid: gi.glyph_id as u16,
                x: *pen + gp.x_offset as f32 * scale,
                y: gp.y_offset as f32 * scale,
                text: tr,
                rtl,
            });
            *pen += gp.x_advance as f32 * scale;
        }
        if seg.chars().any(is_devanagari) {
            line.actual_text.push((first_glyph..line.glyphs.len(), r.start as u32..r.end as u32));
        }
        self.buffer = Some(out.clear());
    }

    /// Width of `text` in points (cached).
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        let key = (weight, size.to_bits(), text.to_string());
        if let Some(w) = self.width_cache.get(&key) {
            return *w;
        }
        let w = self.shape(text, weight, size).width;
        self.width_cache.insert(key, w);
        w
    }

    /// Greedy word wrap to `max_w`, honouring '\n' as a hard break. Over-long words
    /// are broken between clusters. Always returns at least one line.
    pub fn wrap(&mut self, text: &str, weight: Weight, size: f32, max_w: f32) -> Vec<ShapedLine> {
        let mut out = Vec::new();
        for hard in text.split('\n') {
            let hard = hard.trim_end_matches('\r');
            let full = self.shape(hard, weight, size);
            if full.width <= max_w + 0.01 {
                out.push(full);
                continue;
            }
            let space_w = self.width(" ", weight, size);
            let mut cur = String::new();
            let mut cur_w = 0.0f32;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                let w = self.width(word, weight, size);
                if !cur.is_empty() && cur_w + space_w + w <= max_w {
                    cur.push(' ');
                    cur.push_str(word);
                    cur_w += space_w + w;
                    continue;
                }
                if !cur.is_empty() {
                    out.push(self.shape(&cur, weight, size));
                    cur.clear();
                    cur_w = 0.0;
                }
                if w <= max_w {
                    cur.push_str(word);
                    cur_w = w;
                } else {
                    // Break the word by clusters.
                    let mut rest = word.to_string();
                    loop {
                        // Only a short rest can fit on one line: shaping a long one
                        // again for every line made a 1 MB word quadratic.
                        if rest.len() <= 4 * LINE_SPAN {
                            let shaped = self.shape(&rest, weight, size);
                            if shaped.width <= max_w {
                                cur_w = shaped.width;
                                cur = rest;
                                break;
                            }
                        }
                        let cut = self.break_point(&rest, weight, size, max_w);
                        let tail = rest.split_off(cut);
                        out.push(self.shape(&rest, weight, size));
                        rest = tail;
                        if rest.is_empty() {
                            break;
                        }
                    }
                }
            }
            if !cur.is_empty() || out.is_empty() {
                out.push(self.shape(&cur, weight, size));
            }
        }
        if out.is_empty() {
            out.push(self.shape("", weight, size));
        }
        out
    }

    /// Largest cluster boundary (byte offset, > 0) at which the prefix of `word` fits.
    fn break_point(&mut self, word: &str, weight: Weight, size: f32, max_w: f32) -> usize {
        // No line holds more than LINE_SPAN characters: look no further.
        let mut end = word.len().min(LINE_SPAN * 4);
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        let word = &word[..end];
        let shaped = self.shape(word, weight, size);
        // Cluster boundaries: starts of glyph text ranges.
        let mut bounds: Vec<u32> = shaped.glyphs.iter().filter(|g| !g.text.is_empty()).map(|g| g.text.start).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let first = word.chars().next().map(|c| c.len_utf8()).unwrap_or(word.len());
        let mut best = 0usize;
        for &b in bounds.iter().filter(|&&b| b > 0) {
            let prefix_w: f32 = {
                // Width of glyphs whose cluster starts before b, measured by advance:
                // approximate with a fresh shape of the prefix (exact for LTR text).
                let p = word.get(..b as usize).unwrap_or(word);
                self.shape(p, weight, size).width
            };
            if prefix_w <= max_w {
                best = b as usize;
            } else {
                break;
            }
        }
        if best == 0 {
            // Not even one cluster fits: take the first cluster anyway.
            best = bounds.iter().copied().find(|&b| b > 0).map(|b| b as usize).unwrap_or(first);
        }
        if !word.is_char_boundary(best) {
            best = first;
        }
        best
    }
}
