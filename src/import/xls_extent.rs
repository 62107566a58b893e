//! How far each sheet of an Excel 97-2003 workbook spreads, read from the
//! records of its `Workbook` stream before calamine reads them.
//!
//! calamine 0.38 reads every sheet of an `.xls` when it opens the file, and
//! lays each out as the whole rectangle from its first cell to its last (32
//! bytes a cell), after reserving room for the rectangle the sheet's
//! DIMENSIONS record declares: a damaged record (rows 0 to 4,000,000,000), or
//! one cell at row 65,536 and column 65,535, asks for terabytes and the
//! process is killed. The records are walked here as calamine walks them
//! (the sheets at the offsets their BoundSheet records give, nested
//! substreams such as embedded charts skipped), so such a sheet is refused
//! first. Linear in the stream's length.

/// A sheet that spreads over more cells than allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extent {
    /// Its cell records spread from `first` to `last` (0-based row and
    /// column), `cells` cells; `at` is the record's cell that passed the limit.
    Cells { sheet: String, first: (u32, u32), last: (u32, u32), at: (u32, u32), cells: u64 },
    /// It has more cell records than allowed (the same cells again and again).
    Records { sheet: String, at: (u32, u32) },
    /// Its DIMENSIONS record declares `rows` × `columns`.
    Declared { sheet: String, rows: u64, columns: u64 },
}

/// The records of a BIFF stream: type and data, as far as they are whole.
fn records(mut s: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if s.len() < 4 {
            return None;
        }
        let typ = u16::from_le_bytes([s[0], s[1]]);
        let len = usize::from(u16::from_le_bytes([s[2], s[3]]));
        let data = s.get(4..4 + len)?;
        s = &s[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A BoundSheet record's sheet name (BIFF8: UTF-16 or Latin-1 by its flag;
/// BIFF5: bytes, read as Latin-1), for messages.
fn sheet_name(data: &[u8], biff8: bool) -> String {
    let Some(&cch) = data.get(6) else { return String::new() };
    let cch = usize::from(cch);
    let name: String = if biff8 {
        let wide = data.get(7).is_some_and(|f| f & 1 == 1);
        let chars = data.get(8..).unwrap_or_default();
        if wide {
            let units: Vec<u16> = chars.chunks_exact(2).take(cch).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        } else {
            chars.iter().take(cch).map(|&b| char::from(b)).collect()
        }
    } else {
        data.get(7..).unwrap_or_default().iter().take(cch).map(|&b| char::from(b)).collect()
    };
    name.replace('\0', "")
}

/// The first sheet of `stream` (a `Workbook` stream) that spreads over more
/// than `limit` cells, declared or given; `None` when every sheet is within it.
pub fn too_large(stream: &[u8], limit: u64) -> Option<Extent> {
    let mut sheets = Vec::new();
    let mut biff8 = true;
    for (typ, data) in records(stream) {
        match typ {
            // BOF: the version (BIFF8 is 0x0600).
            0x0809 => biff8 = u16_at(data, 0).is_none_or(|v| v == 0x0600),
            // FilePass: calamine stops (a password-protected file).
            0x002F if u16_at(data, 0).is_some_and(|v| v != 0) => return None,
            0x0085 if data.len() >= 6 => {
                if let Some(pos) = u32_at(data, 0) {
                    sheets.push((pos as usize, sheet_name(data, biff8)));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    sheets.into_iter().find_map(|(pos, name)| sheet(stream.get(pos..)?, name, limit))
}

/// One sheet's substream, from its BOF to its EOF.
fn sheet(stream: &[u8], name: String, limit: u64) -> Option<Extent> {
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0u32, 0u32));
    let mut count = 0u64;
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(stream) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at: Vec<(u32, u32)> = match typ {
            0x0809 if seen_bof => {
                depth += 1;
                continue;
            }
            0x0809 => {
                seen_bof = true;
                continue;
            }
            0x000A => break,
            0x0200 => {
                let (rows, columns) = declared(data)?;
                if rows.saturating_mul(columns) > limit {
                    return Some(Extent::Declared { sheet: name, rows, columns });
                }
                continue;
            }
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: one cell.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) else { continue };
                vec![(u32::from(r), u32::from(c))]
            }
            // MulRk: one row, a run of columns.
            0x00BD if data.len() >= 6 => {
                let (Some(r), Some(c0), Some(c1)) = (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))
                else {
                    continue;
                };
                if c1 < c0 || data.len() != 6 + 6 * usize::from(c1 - c0 + 1) {
                    continue;
                }
                vec![(u32::from(r), u32::from(c0)), (u32::from(r), u32::from(c1))]
            }
            _ => continue,
        };
        let here = at[at.len() - 1];
        for cell in at {
            first = (first.0.min(cell.0), first.1.min(cell.1));
            last = (last.0.max(cell.0), last.1.max(cell.1));
            let cells = (u64::from(last.0 - first.0) + 1) * (u64::from(last.1 - first.1) + 1);
            if cells > limit {
                return Some(Extent::Cells { sheet: name, first, last, at: cell, cells });
            }
        }
        count += 1;
        if count > limit {
            return Some(Extent::Records { sheet: name, at: here });
        }
    }
    None
}

/// The rows and columns a DIMENSIONS record makes calamine reserve room for,
/// as calamine computes them (its u32 arithmetic wraps when the last row is
/// before the first); `None` for a record calamine refuses.
fn declared(r: &[u8]) -> Option<(u64, u64)> {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u32::from(u16_at(r, 0)?), u32::from(u16_at(r, 2)?), u32::from(u16_at(r, 4)?), u32::from(u16_at(r, 6)?)),
        14 | 16 => (u32_at(r, 0)?, u32_at(r, 4)?, u32::from(u16_at(r, 8)?), u32::from(u16_at(r, 10)?)),
        _ => return None,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1);
    let columns = end.1.wrapping_sub(start.1).wrapping_add(1);
    Some((u64::from(rows), u64::from(columns)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn cell(typ: u16, r: u16, c: u16, len: usize) -> Vec<u8> {
        let mut d = vec![0u8; len];
        d[..2].copy_from_slice(&r.to_le_bytes());
        d[2..4].copy_from_slice(&c.to_le_bytes());
        record(typ, &d)
    }

    /// A workbook stream: globals naming one sheet "Modules", then the sheet's `records`.
    fn stream(records: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        let name = b"Modules";
        let mut bound = vec![0u8; 8];
        bound[6] = name.len() as u8;
        bound.extend_from_slice(name);
        let globals_len = bof.len() + 4 + bound.len() + 4;
        bound[..4].copy_from_slice(&(globals_len as u32).to_le_bytes());
        let mut out = bof.clone();
        out.extend(record(0x0085, &bound));
        out.extend(record(0x000A, &[]));
        assert_eq!(out.len(), globals_len);
        out.extend(bof);
        for r in records {
            out.extend_from_slice(r);
        }
        out.extend(record(0x000A, &[]));
        out
    }

    fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut d = Vec::new();
        d.extend_from_slice(&rf.to_le_bytes());
        d.extend_from_slice(&rl.to_le_bytes());
        d.extend_from_slice(&cf.to_le_bytes());
        d.extend_from_slice(&cl.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        record(0x0200, &d)
    }

    #[test]
    fn a_sheet_within_the_limit_passes() {
        let s = stream(&[dims(0, 3, 0, 3), cell(0x0203, 0, 0, 14), cell(0x00FD, 2, 2, 10)]);
        assert_eq!(too_large(&s, 16), None);
        // The largest a BIFF8 sheet can be: 65,536 rows of 256 columns.
        let s = stream(&[dims(0, 65_536, 0, 256), cell(0x0203, 0, 0, 14), cell(0x0203, 65_535, 255, 14)]);
        assert_eq!(too_large(&s, 1 << 24), None);
    }

    #[test]
    fn cells_far_apart_are_refused() {
        let s = stream(&[cell(0x0203, 0, 0, 14), cell(0x0204, 65_535, 65_535, 10)]);
        assert_eq!(
            too_large(&s, 1 << 24),
            Some(Extent::Cells {
                sheet: "Modules".into(),
                first: (0, 0),
                last: (65_535, 65_535),
                at: (65_535, 65_535),
                cells: 1 << 32
            })
        );
        // A MulRk's run of columns (row 0, columns A to GJH) counts to its last.
        let mut mulrk = vec![0u8; 6 + 6 * 5002];
        let end = mulrk.len() - 2;
        mulrk[end..].copy_from_slice(&5001u16.to_le_bytes());
        let s = stream(&[cell(0x0203, 4000, 0, 14), record(0x00BD, &mulrk)]);
        assert!(matches!(too_large(&s, 1 << 24), Some(Extent::Cells { last: (4000, 5001), cells: 20_013_002, .. })));
    }

    #[test]
    fn a_declared_rectangle_too_large_is_refused() {
        let s = stream(&[dims(0, 4_000_000_000, 0, 200)]);
        let sheet = "Modules".to_string();
        assert_eq!(too_large(&s, 1 << 24), Some(Extent::Declared { sheet, rows: 4_000_000_000, columns: 200 }));
        // The last row before the first: calamine's arithmetic wraps round to some four billion rows.
        let s = stream(&[dims(100, 50, 0, 1)]);
        assert!(matches!(too_large(&s, 1 << 24), Some(Extent::Declared { rows: 4_294_967_246, columns: 1, .. })));
    }

    #[test]
    fn embedded_substreams_and_other_records_are_skipped() {
        // A chart's substream inside the sheet holds a far cell calamine skips.
        let s = stream(&[
            record(0x0809, &[0x00, 0x06, 0x20, 0x00]),
            cell(0x0203, 65_535, 65_535, 14),
            record(0x000A, &[]),
            cell(0x0203, 1, 1, 14),
        ]);
        assert_eq!(too_large(&s, 16), None);
        // A sheet offset past the stream, records cut short: nothing to lay out.
        assert_eq!(too_large(&stream(&[])[..30], 16), None);
    }

    #[test]
    fn the_same_cell_again_and_again_is_refused() {
        let again: Vec<Vec<u8>> = (0..20).map(|_| cell(0x0203, 3, 3, 14)).collect();
        assert_eq!(too_large(&stream(&again), 16), Some(Extent::Records { sheet: "Modules".into(), at: (3, 3) }));
    }
}
