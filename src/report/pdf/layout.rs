//! The flow engine: turns blocks into pages of positioned items (top-down
//! coordinates, points). No PDF here, so it can be unit-tested directly.

use super::fonts::Weight;
use super::shape::{ShapedLine, Shaper};
use super::{Align, Block, Document, HeatMap, Style, Table};

pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.69; // 20 mm
pub const TOP: f32 = 68.0; // content top (below the running header)
pub const BOTTOM: f32 = PAGE_H - 62.0; // content bottom (above the footer)
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const HEADER_BASELINE: f32 = 40.0;
const HEADER_RULE: f32 = 47.0;
const FOOTER_BASELINE: f32 = PAGE_H - 32.0;

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

#[derive(Debug, Default)]
pub struct Layout {
    pub pages: Vec<Page>,
    /// (title, 1-based page)
    pub bookmarks: Vec<(String, usize)>,
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

pub struct Flow<'a> {
    sh: &'a mut Shaper,
    pages: Vec<Page>,
    y: f32,
    bookmarks: Vec<(String, usize)>,
    ref_counter: usize,
}

impl<'a> Flow<'a> {
    pub fn new(sh: &'a mut Shaper) -> Self {
        Self { sh, pages: vec![Page::default()], y: TOP, bookmarks: Vec::new(), ref_counter: 0 }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let n = self.pages.len() - 1;
        &mut self.pages[n]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Start a new page unless `h` more points fit (or we are already at the top).
    fn need(&mut self, h: f32) {
        if self.y + h > BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    fn text_at(&mut self, x: f32, y: f32, line: ShapedLine, color: Rgb) {
        if !line.glyphs.is_empty() {
            self.push(Item::Text { x, y, line, color });
        }
    }

    fn text_aligned(&mut self, x: f32, w: f32, y: f32, line: ShapedLine, align: &Align, color: Rgb) {
        let dx = match align {
            Align::Left => 0.0,
            Align::Right => (w - line.width).max(0.0),
            Align::Center => ((w - line.width) / 2.0).max(0.0),
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

    pub fn run(mut self, doc: &Document) -> Layout {
        for b in &doc.blocks {
            self.block(b);
        }
        // Drop a trailing empty page (e.g. after a final page break).
        while self.pages.len() > 1 && self.pages.last().map(|p| p.items.is_empty()).unwrap_or(false) {
            self.pages.pop();
        }
        let mut layout = Layout { pages: self.pages, bookmarks: self.bookmarks };
        decorate(&mut layout, &doc.title, self.sh);
        layout
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::TitlePage { title, subtitle, lines } => self.title_page(title, subtitle, lines),
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph { text, style } => {
                let st = style_of(style);
                self.paragraph(text, &st, MARGIN_X, CONTENT_W);
                self.y += if st.size < 10.0 { 4.0 } else { 6.0 };
            }
            Block::Bullets(items) => self.bullets(items),
            Block::KeyFigures(figs) => self.key_figures(figs),
            Block::Table(t) => self.table(t),
            Block::HeatMap(h) => self.heat_map(h),
            Block::Reference { label, text, note } => self.reference(label, text, note.as_deref()),
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

    fn paragraph(&mut self, text: &str, st: &TextStyle, x: f32, w: f32) {
        let lines = self.sh.wrap(text, st.weight, st.size, w);
        for l in lines {
            self.need(st.leading);
            let by = baseline(self.y, st.leading, st.size);
            self.text_at(x, by, l, st.color);
            self.y += st.leading;
        }
    }

    fn title_page(&mut self, title: &str, subtitle: &str, lines: &[String]) {
        if !self.page().items.is_empty() || !self.at_top() {
            self.new_page();
        }
        self.page().is_title = true;
        // Colour band at the top and a thin one at the bottom.
        self.rect(0.0, 0.0, PAGE_W, 14.0, NAVY);
        self.rect(0.0, 14.0, PAGE_W, 3.0, TEAL);
        self.rect(0.0, PAGE_H - 8.0, PAGE_W, 8.0, NAVY);
        let cx = MARGIN_X;
        let w = CONTENT_W;
        self.y = 250.0;
        for l in self.sh.wrap(title, Weight::Bold, 28.0, w - 40.0) {
            let by = baseline(self.y, 36.0, 28.0);
            self.text_aligned(cx, w, by, l, &Align::Center, NAVY);
            self.y += 36.0;
        }
        if !subtitle.is_empty() {
            self.y += 8.0;
            for l in self.sh.wrap(subtitle, Weight::Regular, 14.0, w - 60.0) {
                let by = baseline(self.y, 20.0, 14.0);
                self.text_aligned(cx, w, by, l, &Align::Center, MUTED);
                self.y += 20.0;
            }
        }
        self.y += 22.0;
        self.rect(PAGE_W / 2.0 - 36.0, self.y, 72.0, 2.5, TEAL);
        self.y += 30.0;
        for s in lines {
            for l in self.sh.wrap(s, Weight::Regular, 11.0, w - 60.0) {
                if self.y + 16.0 > BOTTOM {
                    break;
                }
                let by = baseline(self.y, 16.5, 11.0);
                self.text_aligned(cx, w, by, l, &Align::Center, TEXT);
                self.y += 16.5;
            }
            self.y += 4.0;
        }
        self.new_page();
    }

    fn heading(&mut self, level: u8, text: &str) {
        let body_leading = 14.5;
        if level <= 1 {
            if !self.at_top() {
                self.new_page();
            }
            let lines = self.sh.wrap(text, Weight::Bold, 18.0, CONTENT_W);
            let page_no = self.pages.len();
            self.bookmarks.push((text.to_string(), page_no));
            for l in lines {
                let by = baseline(self.y, 24.0, 18.0);
                self.text_at(MARGIN_X, by, l, NAVY);
                self.y += 24.0;
            }
            self.y += 4.0;
            self.rect(MARGIN_X, self.y, 40.0, 2.0, TEAL);
            self.hrule(MARGIN_X + 40.0, MARGIN_X + CONTENT_W, self.y + 1.0, 0.4, RULE_LIGHT);
            self.y += 14.0;
        } else {
            let (size, leading) = if level == 2 { (12.5, 17.0) } else { (10.5, 15.0) };
            let lines = self.sh.wrap(text, Weight::Bold, size, CONTENT_W);
            self.space(12.0);
            let h = lines.len() as f32 * leading + 4.0 + 3.0 * body_leading;
            self.need(h);
            for l in lines {
                let by = baseline(self.y, leading, size);
                self.text_at(MARGIN_X, by, l, NAVY);
                self.y += leading;
            }
            self.y += 4.0;
        }
    }

    fn bullets(&mut self, items: &[String]) {
        let st = style_of(&Style::Body);
        let indent = 16.0;
        for it in items {
            let lines = self.sh.wrap(it, st.weight, st.size, CONTENT_W - indent);
            for (i, l) in lines.into_iter().enumerate() {
                self.need(st.leading);
                let by = baseline(self.y, st.leading, st.size);
                if i == 0 {
                    // Bullet: a small filled square in the accent colour.
                    self.rect(MARGIN_X + 4.0, by - 5.2, 3.6, 3.6, TEAL);
                }
                self.text_at(MARGIN_X + indent, by, l, st.color);
                self.y += st.leading;
            }
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
                values.push(self.sh.wrap(value, Weight::Bold, size, inner));
                labels.push(self.sh.wrap(label, Weight::Regular, 8.5, inner));
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
                    self.text_at(x + 13.0, by, l, NAVY);
                    y += 26.0;
                }
                y += 2.0;
                for l in labs {
                    let by = baseline(y, 11.0, 8.5);
                    self.text_at(x + 13.0, by, l, MUTED);
                    y += 11.0;
                }
            }
            self.y = top + bh + gap;
        }
        self.y += 2.0;
    }

    fn reference(&mut self, label: &str, text: &str, note: Option<&str>) {
        self.ref_counter += 1;
        let label = if label.trim().is_empty() { format!("{}.", self.ref_counter) } else { label.to_string() };
        let hang = 24.0;
        let st = style_of(&Style::Body);
        let lines = self.sh.wrap(text, st.weight, st.size, CONTENT_W - hang);
        let lab = self.sh.shape(&label, Weight::Regular, st.size);
        for (i, l) in lines.into_iter().enumerate() {
            self.need(st.leading);
            let by = baseline(self.y, st.leading, st.size);
            if i == 0 {
                self.text_aligned(MARGIN_X, hang - 6.0, by, lab.clone(), &Align::Right, MUTED);
            }
            self.text_at(MARGIN_X + hang, by, l, st.color);
            self.y += st.leading;
        }
        if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
            let ns = TextStyle { weight: Weight::Regular, size: 8.5, leading: 11.5, color: MUTED };
            self.y += 1.0;
            self.paragraph(note, &ns, MARGIN_X + hang, CONTENT_W - hang);
        }
        self.y += 5.0;
    }

    fn table(&mut self, t: &Table) {
        let ncols = t.columns.len();
        if ncols == 0 {
            return;
        }
        let size = 9.0;
        let leading = 12.5;
        let pad_x = 4.5;
        let pad_y = 3.5;
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
            .map(|(c, w)| self.sh.wrap(&c.header, Weight::Bold, size, (w - 2.0 * pad_x).max(4.0)))
            .collect();
        let header_lines = header.iter().map(|c| c.len()).max().unwrap_or(1).min(6);
        let header_h = header_lines as f32 * leading + 2.0 * pad_y;

        self.space(4.0);
        // Keep the header with at least two lines of the first row.
        self.need(header_h + 2.0 * leading + 2.0 * pad_y);
        let draw_header = |f: &mut Self| {
            let top = f.y;
            f.rect(MARGIN_X, top, CONTENT_W, header_h, HEADER_FILL);
            f.hrule(MARGIN_X, MARGIN_X + CONTENT_W, top, 0.8, RULE_DARK);
            for (ci, cell) in header.iter().enumerate() {
                // Bottom-align header labels.
                let pad = (header_lines - cell.len().min(header_lines)) as f32 * leading;
                for (li, l) in cell.iter().take(header_lines).enumerate() {
                    let by = baseline(top + pad_y + pad + li as f32 * leading, leading, size);
                    f.text_aligned(xs[ci] + pad_x, widths[ci] - 2.0 * pad_x, by, l.clone(), &t.columns[ci].align, NAVY);
                }
            }
            f.y = top + header_h;
            f.hrule(MARGIN_X, MARGIN_X + CONTENT_W, f.y, 0.6, RULE_DARK);
        };
        draw_header(self);
        let mut rows_on_page = 0usize;
        for (ri, row) in t.rows.iter().enumerate() {
            let cells: Vec<Vec<ShapedLine>> = (0..ncols)
                .map(|ci| {
                    let s = row.get(ci).map(|s| s.as_str()).unwrap_or("");
                    self.sh.wrap(s, Weight::Regular, size, (widths[ci] - 2.0 * pad_x).max(4.0))
                })
                .collect();
            let nlines = cells.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
            let mut off = 0usize;
            while off < nlines {
                let remaining = nlines - off;
                let h = remaining as f32 * leading + 2.0 * pad_y;
                let fits_lines = ((BOTTOM - self.y - 2.0 * pad_y) / leading).floor().max(0.0) as usize;
                let taller_than_page = h > BOTTOM - TOP - header_h;
                let take = if self.y + h <= BOTTOM {
                    remaining
                } else if taller_than_page && fits_lines >= 3 {
                    // Would not fit on a fresh page either: start splitting here.
                    fits_lines.min(remaining)
                } else if rows_on_page > 0 {
                    self.new_page();
                    draw_header(self);
                    rows_on_page = 0;
                    continue;
                } else {
                    // A row taller than the page: split it between lines.
                    (((BOTTOM - self.y - 2.0 * pad_y) / leading).floor().max(1.0) as usize).min(remaining)
                };
                let top = self.y;
                let rh = take as f32 * leading + 2.0 * pad_y;
                if ri % 2 == 1 {
                    self.rect(MARGIN_X, top, CONTENT_W, rh, STRIPE);
                }
                for (ci, cell) in cells.iter().enumerate() {
                    for (li, l) in cell.iter().enumerate().skip(off).take(take) {
                        let by = baseline(top + pad_y + (li - off) as f32 * leading, leading, size);
                        self.text_aligned(
                            xs[ci] + pad_x,
                            widths[ci] - 2.0 * pad_x,
                            by,
                            l.clone(),
                            &t.columns[ci].align,
                            TEXT,
                        );
                    }
                }
                self.y = top + rh;
                self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.3, RULE_LIGHT);
                rows_on_page += 1;
                off += take;
                if off < nlines {
                    self.new_page();
                    draw_header(self);
                    rows_on_page = 0;
                }
            }
        }
        self.hrule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.8, RULE_DARK);
        self.y += 12.0;
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
            hm.col_labels.iter().map(|c| self.sh.wrap(c, Weight::Bold, head_size, cell_w - 4.0)).collect();
        let head_lines = heads.iter().map(|h| h.len()).max().unwrap_or(1).min(5);
        let head_h = head_lines as f32 * head_lead + 8.0;
        let min_row_h = 18.0;

        self.space(4.0);
        self.need(head_h + 3.0 * min_row_h);
        let draw_header = |f: &mut Self| {
            let top = f.y;
            for (ci, h) in heads.iter().enumerate() {
                let x = MARGIN_X + label_w + ci as f32 * cell_w;
                // Bottom-align the header labels.
                let pad = (head_lines - h.len().min(head_lines)) as f32 * head_lead;
                for (li, l) in h.iter().take(head_lines).enumerate() {
                    let by = baseline(top + 3.0 + pad + li as f32 * head_lead, head_lead, head_size);
                    f.text_aligned(x + 2.0, cell_w - 4.0, by, l.clone(), &Align::Center, NAVY);
                }
            }
            f.y = top + head_h;
            f.hrule(MARGIN_X, MARGIN_X + CONTENT_W, f.y - 1.0, 0.6, RULE_DARK);
        };
        draw_header(self);
        for (ri, label) in hm.row_labels.iter().enumerate() {
            let mut lines = self.sh.wrap(label, Weight::Regular, lab_size, label_w - 8.0);
            lines.truncate(3);
            let rh = (lines.len() as f32 * lab_lead + 6.0).max(min_row_h);
            if self.y + rh > BOTTOM {
                self.new_page();
                draw_header(self);
            }
            let top = self.y;
            let ly = top + (rh - lines.len() as f32 * lab_lead) / 2.0;
            for (li, l) in lines.into_iter().enumerate() {
                let by = baseline(ly + li as f32 * lab_lead, lab_lead, lab_size);
                self.text_at(MARGIN_X + 2.0, by, l, TEXT);
            }
            // Light backing so that white (zero) cells still read as cells.
            self.rect(MARGIN_X + label_w, top, cell_w * ncols as f32, rh, (0.90, 0.92, 0.94));
            for ci in 0..ncols {
                let v = hm.values.get(ri).and_then(|r| r.get(ci)).copied().unwrap_or(0.0);
                let c = ramp(v);
                let x = MARGIN_X + label_w + ci as f32 * cell_w;
                self.rect(x + 0.75, top + 0.75, cell_w - 1.5, rh - 1.5, c);
                if let Some(s) = hm.cell_text.get(ri).and_then(|r| r.get(ci)).filter(|s| !s.is_empty()) {
                    let l = self.sh.shape(s, Weight::Regular, 8.0);
                    let by = baseline(top, rh, 8.0);
                    let col = if is_dark(c) { WHITE } else { TEXT };
                    self.text_aligned(x, cell_w, by, l, &Align::Center, col);
                }
            }
            self.y = top + rh;
        }
        // Legend: a ramp with its ends labelled, then the caption.
        self.y += 8.0;
        let cap = self.sh.wrap(&hm.legend, Weight::Regular, 8.5, CONTENT_W - 200.0);
        let legend_h = (cap.len() as f32 * 11.5).max(22.0);
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
            self.text_at(cx, by, l, MUTED);
            y += 11.5;
        }
        self.y = top + legend_h + 10.0;
    }
}

/// Running header (not on title pages) and "Page N of M" footer on every page.
fn decorate(layout: &mut Layout, title: &str, sh: &mut Shaper) {
    let m = layout.pages.len();
    for (i, page) in layout.pages.iter_mut().enumerate() {
        if !page.is_title {
            let mut lines = sh.wrap(title, Weight::Regular, 8.0, CONTENT_W * 0.8);
            if !lines.is_empty() {
                let l = lines.remove(0);
                page.items.push(Item::Text { x: MARGIN_X, y: HEADER_BASELINE, line: l, color: MUTED });
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
        let footer = sh.shape(&format!("Page {} of {}", i + 1, m), Weight::Regular, 8.0);
        let x = MARGIN_X + CONTENT_W - footer.width;
        page.items.push(Item::Text { x, y: FOOTER_BASELINE, line: footer, color: MUTED });
    }
}

pub fn layout(doc: &Document, sh: &mut Shaper) -> Layout {
    Flow::new(sh).run(doc)
}
