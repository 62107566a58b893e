//! From laid-out pages to deterministic PDF bytes: font subsetting (allsorts),
//! printpdf ops, fixed font ids, and a content-hash trailer /ID (lopdf).

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result, anyhow, bail};
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};

use super::Document;
use super::fonts::{FONT_FILES, Fonts};
use super::layout::{self, Item, Layout, PAGE_H, PAGE_W, Rgb as Col};
use super::shape::Shaper;

pub fn render(doc: &Document) -> Result<(Vec<u8>, Vec<String>)> {
    render_filling(doc, "", |_| Vec::new())
}

/// Renders `doc`, first replacing the text lines that read exactly
/// `placeholder`, in document order, with what `fill` makes of the outline
/// ((level-1 heading, page) pairs): a table of contents in one layout. A
/// replacement keeps its right edge, so right-aligned numbers stay aligned,
/// and must be no taller than the placeholder (a page number is not).
pub fn render_filling(
    doc: &Document,
    placeholder: &str,
    fill: impl FnOnce(&[(String, usize)]) -> Vec<String>,
) -> Result<(Vec<u8>, Vec<String>)> {
    let fonts = Fonts::load()?;
    let mut shaper = Shaper::new(fonts);
    let mut lay = layout::layout(doc, &mut shaper);
    if !placeholder.is_empty() {
        let mut values = fill(&lay.bookmarks).into_iter();
        'pages: for page in &mut lay.pages {
            for item in &mut page.items {
                if let Item::Text { x, line, .. } = item
                    && line.text == placeholder
                {
                    let Some(v) = values.next() else { break 'pages };
                    let weight = if line.glyphs.first().is_some_and(|g| g.font == super::fonts::BOLD) {
                        super::fonts::Weight::Bold
                    } else {
                        super::fonts::Weight::Regular
                    };
                    let new = shaper.shape(&v, weight, line.size);
                    *x += line.width - new.width;
                    *line = new;
                }
            }
        }
    }
    let mut warnings: Vec<String> = shaper
        .missing
        .iter()
        .map(|c| format!("character U+{:04X} ({c}) is in no font; drawn as an empty box", *c as u32))
        .collect();
    let bytes = write_pdf(doc, &lay, &mut warnings)?;
    Ok((bytes, warnings))
}

fn font_id(i: usize) -> FontId {
    FontId(format!("F{i}"))
}

fn rgb(c: Col) -> Color {
    Color::Rgb(Rgb { r: c.0, g: c.1, b: c.2, icc_profile: None })
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub(crate) fn parse_date(s: &str) -> Result<i64> {
    let s = s.trim();
    let parts: Vec<&str> = s.get(..10).unwrap_or(s).split('-').collect();
    if parts.len() != 3 {
        bail!("document date {s:?} is not YYYY-MM-DD");
    }
    let y: i64 = parts[0].parse().with_context(|| format!("year in date {s:?}"))?;
    let m: i64 = parts[1].parse().with_context(|| format!("month in date {s:?}"))?;
    let d: i64 = parts[2].parse().with_context(|| format!("day in date {s:?}"))?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        bail!("document date {s:?} is out of range");
    }
    Ok(days_from_civil(y, m, d) * 86_400)
}

/// Subset one font to `used` glyph ids. Returns the subset bytes and the map
/// original gid -> subset gid.
fn subset_font(bytes: &[u8], used: &[u16]) -> Result<(Vec<u8>, HashMap<u16, u16>)> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let mut ids: Vec<u16> = Vec::with_capacity(used.len() + 1);
    ids.push(0);
    ids.extend(used.iter().copied().filter(|&g| g != 0));
    let font_file = ReadScope::new(bytes).read::<FontData<'_>>().map_err(|e| anyhow!("parse font: {e:?}"))?;
    let provider = font_file.table_provider(0).map_err(|e| anyhow!("font tables: {e:?}"))?;
    let out =
        subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| anyhow!("subset: {e:?}"))?;
    let map = ids.iter().enumerate().map(|(i, &g)| (g, i as u16)).collect();
    Ok((out, map))
}

fn fnv1a64(data: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn utf16be_with_bom(s: &str) -> Vec<u8> {
    let mut v = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_be_bytes());
    }
    v
}

fn write_pdf(doc: &Document, lay: &Layout, warnings: &mut Vec<String>) -> Result<Vec<u8>> {
    // 1. Glyphs used per font, with the text each glyph stands for (first seen wins,
    //    so every occurrence carries the same /ToUnicode text).
    let nf = FONT_FILES.len();
    let mut used: Vec<BTreeMap<u16, String>> = vec![BTreeMap::new(); nf];
    for page in &lay.pages {
        for item in &page.items {
            if let Item::Text { line, .. } = item {
                for g in &line.glyphs {
                    let t = line.glyph_text(g);
                    let e = used[g.font as usize].entry(g.gid).or_default();
                    if e.is_empty() && !t.is_empty() {
                        // poppler & co. reverse right-to-left text character by
                        // character; store ligatures (lam-alef) reversed so they
                        // come out in logical order.
                        *e = if g.rtl { t.chars().rev().collect() } else { t.to_string() };
                    }
                }
            }
        }
    }

    // 2. Subset and register the fonts under fixed ids.
    let mut pdf = PdfDocument::new(&doc.title);
    let mut remap: Vec<HashMap<u16, u16>> = vec![HashMap::new(); nf];
    for (i, (name, bytes)) in FONT_FILES.iter().enumerate() {
        if used[i].is_empty() {
            continue;
        }
        let gids: Vec<u16> = used[i].keys().copied().collect();
        let (program, map) = match subset_font(bytes, &gids) {
            Ok(x) => x,
            Err(e) => {
                warnings.push(format!("could not subset {name} ({e}); embedding it whole"));
                (bytes.to_vec(), gids.iter().map(|&g| (g, g)).collect())
            }
        };
        let mut fw = Vec::new();
        let parsed = ParsedFont::from_bytes(&program, 0, &mut fw)
            .ok_or_else(|| anyhow!("printpdf cannot read the subset of {name}"))?;
        pdf.resources.fonts.map.insert(font_id(i), PdfFont::new(parsed));
        remap[i] = map;
    }

    // 3. Pages.
    let mut pages = Vec::with_capacity(lay.pages.len());
    for page in &lay.pages {
        let mut ops: Vec<Op> = Vec::with_capacity(page.items.len() * 8);
        for item in &page.items {
            match item {
                Item::Rect { x, y, w, h, color } => {
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(PAGE_H - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(PaintMode::Fill),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                }
                Item::Rule { x1, y1, x2, y2, width, color } => {
                    ops.push(Op::SetOutlineColor { col: rgb(*color) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint { p: Point { x: Pt(*x1), y: Pt(PAGE_H - y1) }, bezier: false },
                                LinePoint { p: Point { x: Pt(*x2), y: Pt(PAGE_H - y2) }, bezier: false },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Text { x, y, line, color } => {
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    ops.push(Op::StartTextSection);
                    let base_y = PAGE_H - y;
                    let mut cur_font: Option<u8> = None;
                    let mut span_iter = line.actual_text.iter().peekable();
                    let mut open_span_end: Option<usize> = None;
                    for (gi, g) in line.glyphs.iter().enumerate() {
                        if open_span_end == Some(gi) {
                            ops.push(Op::EndMarkedContent);
                            open_span_end = None;
                        }
                        if let Some((r, tr)) = span_iter.peek()
                            && r.start == gi
                            && open_span_end.is_none()
                        {
                            let s = line.text.get(tr.start as usize..tr.end as usize).unwrap_or("");
                            let mut map = BTreeMap::new();
                            map.insert(
                                "ActualText".to_string(),
                                DictItem::String { data: utf16be_with_bom(s), literal: false },
                            );
                            ops.push(Op::BeginMarkedContentWithProperties {
                                tag: "Span".to_string(),
                                properties: DictItem::Dict { map },
                            });
                            open_span_end = Some(r.end);
                            span_iter.next();
                        }
                        if cur_font != Some(g.font) {
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(font_id(g.font as usize)),
                                size: Pt(line.size),
                            });
                            cur_font = Some(g.font);
                        }
                        let gid = remap[g.font as usize].get(&g.gid).copied().unwrap_or(0);
                        let cid = used[g.font as usize].get(&g.gid).cloned().unwrap_or_default();
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Raw([1.0, 0.0, 0.0, 1.0, x + g.x, base_y + g.y]),
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::GlyphIds(vec![Codepoint { gid, offset: 0.0, cid: Some(cid) }])],
                        });
                    }
                    if open_span_end.is_some() {
                        ops.push(Op::EndMarkedContent);
                    }
                    ops.push(Op::EndTextSection);
                }
            }
        }
        pages.push(PdfPage::new(Mm(PAGE_W * 25.4 / 72.0), Mm(PAGE_H * 25.4 / 72.0), ops));
    }
    pdf.with_pages(pages);
    for (name, page) in &lay.bookmarks {
        pdf.add_bookmark(name, *page);
    }

    // 4. Metadata: dates from the document, never the clock.
    let ts = parse_date(&doc.date)?;
    let date = OffsetDateTime::from_unix_timestamp(ts).map_err(|e| anyhow!("date {}: {e}", doc.date))?;
    pdf.metadata.info.document_title = doc.title.clone();
    pdf.metadata.info.creation_date = date;
    pdf.metadata.info.modification_date = date;
    pdf.metadata.info.metadata_date = date;
    pdf.metadata.info.creator = "canon".to_string();
    pdf.metadata.info.producer = "canon (printpdf)".to_string();

    // 5. Deterministic save: the trailer /ID is a hash of the content.
    let opts = PdfSaveOptions { optimize: true, subset_fonts: false, secure: true, image_optimization: None };
    let mut pw = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut pw);
    compress(&mut lo)?;
    let set_id = |lo: &mut lopdf::Document, id: Vec<u8>| {
        lo.trailer.set(
            "ID",
            lopdf::Object::Array(vec![
                lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
                lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
            ]),
        );
    };
    set_id(&mut lo, vec![0u8; 16]);
    let mut out = Vec::new();
    lo.save_to(&mut out).context("writing the PDF")?;
    let mut id = fnv1a64(&out, 0).to_be_bytes().to_vec();
    id.extend_from_slice(&fnv1a64(&out, 0x9e37_79b9_7f4a_7c15).to_be_bytes());
    set_id(&mut lo, id);
    out.clear();
    lo.save_to(&mut out).context("writing the PDF")?;
    Ok(out)
}

/// Deflates every stream that may be compressed, at a moderate level and on
/// two threads: lopdf's own `compress` uses the slowest level on one thread,
/// most of the time of a long report for a few percent of size.
fn compress(lo: &mut lopdf::Document) -> Result<()> {
    use std::io::Write;

    let mut streams: Vec<&mut lopdf::Stream> = lo
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
        .filter(|s| s.allows_compression && s.dict.get(b"Filter").is_err())
        .collect();
    let deflate = |part: &mut [&mut lopdf::Stream]| -> std::io::Result<()> {
        for s in part {
            let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
            enc.write_all(&s.content)?;
            let packed = enc.finish()?;
            if packed.len() + 19 < s.content.len() {
                s.dict.set("Filter", "FlateDecode");
                s.set_content(packed);
            }
        }
        Ok(())
    };
    let mid = streams.len() / 2;
    let (a, b) = streams.split_at_mut(mid);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| deflate(a));
        let mine = deflate(b);
        other.join().map_err(|_| anyhow!("compressing the PDF: a worker panicked"))??;
        mine.context("compressing the PDF")
    })
}
