//! d_r95: a compound file (.xls, or an .xlsx that is one: what a
//! password-protected workbook is) whose sector chains loop made calamine read
//! for ever, growing memory until the process was killed (found by the fuzz
//! test, about one run in 18). canon now walks every chain calamine will walk
//! before calamine opens the file, and refuses a looping or runaway one with
//! one message, nothing written, whichever command opens the workbook.
//!
//! Each run here has a memory limit (`ulimit -v`), so a regression fails the
//! case instead of taking the machine down.

mod common;
use common::*;

use std::path::Path;

const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const FATSECT: u32 = 0xFFFF_FFFD;

/// A version-3 compound file (512-byte sectors): sector 0 the allocation
/// table, 1 the directory (root entry, then a `Workbook` stream), 2–9 a
/// 4096-byte `Workbook` stream of zeros, then `extra` sectors.
struct Cfb {
    table: Vec<u32>,
    dir_start: u32,
    difat_start: u32,
    mini_table: (u32, u32),
    root: (u32, u32),
    stream: (&'static str, u32, u32),
    sectors: Vec<[u8; 512]>,
}

/// A compound file whose 4096-byte `Workbook` stream holds `biff` (then zeros).
fn xls_with(biff: &[u8]) -> Vec<u8> {
    let mut c = Cfb::good();
    let mut padded = biff.to_vec();
    assert!(padded.len() <= 4096);
    padded.resize(4096, 0);
    for (i, chunk) in padded.chunks(512).enumerate() {
        c.sectors[1 + i].copy_from_slice(chunk);
    }
    c.bytes()
}

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
    out
}

/// A BIFF8 Number record: `value` at (row, col), 0-based.
fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend_from_slice(&col.to_le_bytes());
    d.extend_from_slice(&[15, 0]);
    d.extend_from_slice(&value.to_le_bytes());
    record(0x0203, &d)
}

/// A BIFF8 workbook stream: one worksheet "Modules" holding `cells`.
fn biff(cells: &[Vec<u8>]) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = vec![0x00, 0x06];
        d.extend_from_slice(&dt.to_le_bytes());
        d.extend_from_slice(&[0; 12]);
        record(0x0809, &d)
    };
    let name = b"Modules";
    let mut bound = vec![0u8; 6];
    bound.push(name.len() as u8);
    bound.push(0);
    bound.extend_from_slice(name);
    let globals = bof(5).len() + 4 + bound.len() + 4;
    bound[..4].copy_from_slice(&(globals as u32).to_le_bytes());
    let mut out = bof(5);
    out.extend(record(0x0085, &bound));
    out.extend(record(0x000A, &[]));
    out.extend(bof(0x10));
    for c in cells {
        out.extend_from_slice(c);
    }
    out.extend(record(0x000A, &[]));
    out
}

impl Cfb {
    fn good() -> Cfb {
        let mut table = vec![FATSECT, END];
        table.extend(3..10);
        table.push(END);
        Cfb {
            table,
            dir_start: 1,
            difat_start: END,
            mini_table: (END, 0),
            root: (END, 0),
            stream: ("Workbook", 2, 4096),
            sectors: vec![[0; 512]; 9],
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; 512];
        out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        for (at, v) in [(24usize, 0x3Eu16), (26, 3), (28, 0xFFFE), (30, 9), (32, 6)] {
            out[at..at + 2].copy_from_slice(&v.to_le_bytes());
        }
        let mut put = |at: usize, v: u32| out[at..at + 4].copy_from_slice(&v.to_le_bytes());
        for (at, v) in [(44, 1), (48, self.dir_start), (56, 4096), (60, self.mini_table.0), (64, self.mini_table.1)] {
            put(at, v);
        }
        put(68, self.difat_start);
        put(76, 0);
        for i in 1..109 {
            put(76 + 4 * i, FREE);
        }
        let mut fat = [0xFFu8; 512];
        for (i, v) in self.table.iter().enumerate() {
            fat[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&fat);
        let mut sectors = self.sectors.clone();
        let mut dir = [0u8; 512];
        let entries = [("Root Entry", 5u8, self.root.0, self.root.1), (self.stream.0, 2, self.stream.1, self.stream.2)];
        for (i, (name, kind, start, len)) in entries.into_iter().enumerate() {
            let e = &mut dir[i * 128..(i + 1) * 128];
            for (j, u) in name.encode_utf16().enumerate() {
                e[2 * j..2 * j + 2].copy_from_slice(&u.to_le_bytes());
            }
            e[64..66].copy_from_slice(&(2 * name.len() as u16 + 2).to_le_bytes());
            e[66] = kind;
            e[68..80].copy_from_slice(&[0xFF; 12]);
            if i == 0 {
                e[76..80].copy_from_slice(&1u32.to_le_bytes());
            }
            e[116..120].copy_from_slice(&start.to_le_bytes());
            e[120..124].copy_from_slice(&len.to_le_bytes());
        }
        sectors[0] = dir;
        for s in sectors {
            out.extend_from_slice(&s);
        }
        out
    }
}

/// The looping files, each with what the message says of it.
fn looping() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut cases = Vec::new();

    // The directory's chain: 1 → 2 → 1 (calamine reads a directory to its end).
    let mut c = Cfb::good();
    c.table[1] = 2;
    c.table[2] = 1;
    cases.push(("directory", c.bytes(), "sector chain loops at sector 1, in the directory"));

    // A directory sector that is its own next.
    let mut c = Cfb::good();
    c.table[1] = 1;
    cases.push(("self", c.bytes(), "sector chain loops at sector 1, in the directory"));

    // The Workbook stream declaring 4 GB round a loop of its eight sectors.
    let mut c = Cfb::good();
    c.table[9] = 2;
    c.stream.2 = 0xFFFF_FF00;
    cases.push(("stream", c.bytes(), "sector chain loops at sector 2, in the Workbook stream"));

    // The same as `Book` (the Excel 5 name calamine falls back on).
    let mut c = Cfb::good();
    c.table[9] = 5;
    c.stream = ("Book", 2, 0x7FFF_FFFF);
    cases.push(("book", c.bytes(), "sector chain loops at sector 5, in the Book stream"));

    // The mini stream (sector 10) declared 4 GB round a one-sector loop.
    let mut c = Cfb::good();
    c.sectors.extend([[0; 512], [0xFF; 512]]);
    c.table.extend([10, END]);
    c.root = (10, 0xFFFF_0000);
    c.mini_table = (11, 1);
    cases.push(("mini stream", c.bytes(), "sector chain loops at sector 10, in the mini stream"));

    // A small Workbook in the mini stream, its mini-sectors 0 → 1 → 0.
    let mut c = Cfb::good();
    let mut t = [0xFFu8; 512];
    t[..8].copy_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0]);
    c.sectors.extend([[0; 512], t]);
    c.table.extend([END, END]);
    c.root = (10, 512);
    c.mini_table = (11, 1);
    c.stream = ("Workbook", 0, 4000);
    cases.push(("mini-sectors", c.bytes(), "sector chain loops at mini-sector 0, in the Workbook stream"));

    // The allocation table's index: an index sector (2) naming itself next.
    let mut c = Cfb::good();
    c.difat_start = 2;
    let mut s = [0xFFu8; 512];
    s[508..].copy_from_slice(&2u32.to_le_bytes());
    c.sectors[1] = s;
    cases.push(("index", c.bytes(), "sector chain loops at sector 2, in the allocation table's index"));

    // A chain that leaves the file.
    let mut c = Cfb::good();
    c.table[1] = 4000;
    cases.push((
        "past the end",
        c.bytes(),
        "sector chain runs past the end of the file at sector 4000, in the directory",
    ));
    cases
}

/// `canon ARGS…` in `w` under a 2 GB address-space limit; returns (exit code, stderr).
fn limited(w: &Workdir, args: &[&str]) -> (Option<i32>, String) {
    let bin = env!("CARGO_BIN_EXE_canon");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
        .arg(bin)
        .arg("--db")
        .arg(w.db())
        .args(args)
        .current_dir(w.dir.path())
        .env_remove("CANON_DB")
        .env_remove("CANON_USER")
        .env("NO_COLOR", "1")
        .output()
        .expect("run canon");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn damaged(file: &Path, why: &str) -> String {
    format!(
        "canon: {}: not a readable workbook: its compound-file structure is damaged ({why}); expected an Excel \
         97-2003 workbook (or a password-protected .xlsx) as a spreadsheet program saves it: open it there and \
         save it again",
        file.display()
    )
}

#[test]
fn import_modules_refuses_a_looping_compound_file_as_xls_and_xlsx() {
    for (name, bytes, why) in looping() {
        for ext in ["xls", "xlsx"] {
            let w = Workdir::new();
            let f = w.write(&format!("modules.{ext}"), &bytes);
            let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
            assert_eq!((code, err.trim()), (Some(1), damaged(&f, why).as_str()), "{name} .{ext}");
            assert!(!w.db().exists(), "{name} .{ext}: a refused import into a new database leaves none");
        }
    }
}

#[test]
fn import_reading_refuses_a_looping_compound_file_as_xls_and_xlsx() {
    for (name, bytes, why) in looping() {
        for ext in ["xls", "xlsx"] {
            let w = Workdir::new();
            w.ok(&["init"]);
            let f = w.write(&format!("reading.{ext}"), &bytes);
            let (code, err) = limited(&w, &["import", "reading", f.to_str().unwrap()]);
            assert_eq!((code, err.trim()), (Some(1), damaged(&f, why).as_str()), "{name} .{ext}");
            assert_eq!(w.count("SELECT count(*) FROM reading"), 0, "{name} .{ext}");
            assert_eq!(w.count("SELECT count(*) FROM history"), 0, "{name} .{ext}");
        }
    }
}

#[test]
fn audit_refuses_a_looping_compound_file_in_either_list() {
    let modules_csv = "module_code,module_title,session_title,year\nM1,One,S,1\n";
    let reading_csv = "title,authors,year,type\nA title,\"Osei, Jane\",2020,book\n";
    let (name, bytes, why) = looping().swap_remove(0);
    for ext in ["xls", "xlsx"] {
        for modules_damaged in [true, false] {
            let w = Workdir::new();
            let bad = w.write(&format!("bad.{ext}"), &bytes);
            let m = if modules_damaged { bad.clone() } else { w.write("m.csv", modules_csv) };
            let r = if modules_damaged { w.write("r.csv", reading_csv) } else { bad.clone() };
            let (code, err) =
                limited(&w, &["audit", m.to_str().unwrap(), r.to_str().unwrap(), "--out", "out.json", "--by", "amina"]);
            let want = damaged(&bad, why);
            let want = want.strip_prefix("canon: ").unwrap();
            assert_eq!(code, Some(1), "{name} .{ext}: {err}");
            assert!(err.lines().any(|l| l.ends_with(want)), "{name} .{ext} (modules: {modules_damaged}): {err}");
            assert!(!w.db().exists(), "{name} .{ext}: {err}");
            assert!(!w.path("out.json").exists(), "{name} .{ext}: {err}");
        }
    }
}

/// The same file whole (its chains ending where they should) is not refused
/// for its structure: calamine reads it, and says its Workbook stream holds no sheet.
#[test]
fn a_sound_compound_file_passes_the_check() {
    let w = Workdir::new();
    for (name, bytes) in [
        ("plain", Cfb::good().bytes()),
        ("loop past its size", {
            // A chain that goes on past the stream's 4096 bytes is never followed there.
            let mut c = Cfb::good();
            c.table[9] = 2;
            c.bytes()
        }),
    ] {
        let f = w.write("m.xls", bytes);
        let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(!err.contains("compound-file"), "{name}: {err}");
        assert!(err.contains("no sheet"), "{name}: {err}");
    }
}

/// One stray value far from a list made calamine lay the sheet out as the
/// whole rectangle up to it (a six-cell .xlsx at XFD1048576: 512 GiB asked
/// for, the process killed). A sheet spread over more than 2^24 cells is
/// refused with the cell that passed the limit; one within it is read.
#[test]
fn an_xlsx_sheet_spread_past_the_limit_is_refused_and_one_within_it_read() {
    let xlsx = |far: Option<(u32, u16)>| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Modules").unwrap();
        for (c, h) in ["module_code", "module_title", "session_title"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in ["M1", "One", "Cells"].iter().enumerate() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        if let Some((r, c)) = far {
            ws.write_string(r, c, "x").unwrap();
        }
        wb.save_to_buffer().unwrap()
    };
    for (far, cell, spread) in [
        ((1_048_575, 16_383), "XFD1048576", "from A1 to XFD1048576 (17179869184 cells)"),
        ((1_024, 16_383), "XFD1025", "from A1 to XFD1025 (16793600 cells)"),
        ((1_048_575, 16), "Q1048576", "from A1 to Q1048576 (17825792 cells)"),
    ] {
        let w = Workdir::new();
        let f = w.write("m.xlsx", xlsx(Some(far)));
        for command in ["modules", "reading"] {
            let (code, err) = limited(&w, &["import", command, f.to_str().unwrap()]);
            let option = "--sheet";
            assert_eq!(
                (code, err.trim()),
                (
                    Some(1),
                    format!(
                        "canon: {}:Modules!{cell}: sheet \"Modules\" cannot be read: its cells spread {spread}, more \
                         than canon reads in one sheet (16777216); expected a list: clear what lies far from it \
                         (this cell is the first found past the limit) and save the workbook again, or read another \
                         sheet with {option} NAME",
                        f.display()
                    )
                    .as_str()
                ),
                "{command} {cell}"
            );
            assert!(!w.db().exists(), "{command} {cell}");
        }
    }
    // Within the limit (1,024 rows of 16,384 columns: 2^24 exactly), the far value is read, and said.
    let w = Workdir::new();
    let f = w.write("m.xlsx", xlsx(Some((1_023, 16_383))));
    let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}:Modules!XFD1024: cell XFD1024 holds \"x\" but its column has no header; expected a header above it, \
             or the cell cleared",
            f.display()
        )),
        "{err}"
    );
    // And without it, the list imports.
    let f = w.write("ok.xlsx", xlsx(None));
    let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM module"), 1);
}

/// An .xls is laid out whole as calamine opens it: a sheet whose cells
/// spread too far, or whose DIMENSIONS record declares too many, is refused
/// before calamine reserves room for it; the message names the sheet and cell.
#[test]
fn an_xls_sheet_spread_or_declared_past_the_limit_is_refused() {
    let dims = |rf: u32, rl: u32, cf: u16, cl: u16| {
        let mut d = rf.to_le_bytes().to_vec();
        d.extend_from_slice(&rl.to_le_bytes());
        d.extend_from_slice(&cf.to_le_bytes());
        d.extend_from_slice(&cl.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        record(0x0200, &d)
    };
    let tail = " (an Excel 97-2003 workbook is read whole: no sheet of it can be read until then)";
    let cases: Vec<(Vec<u8>, String)> = vec![
        (
            biff(&[number(0, 0, 1.0), number(65_535, 65_535, 2.0)]),
            format!(
                "Modules!CRXP65536: sheet \"Modules\" cannot be read: its cells spread from A1 to CRXP65536 \
                 (4294967296 cells), more than canon reads in one sheet (16777216); expected a list: clear what lies \
                 far from it (this cell is the first found past the limit) and save the workbook again{tail}"
            ),
        ),
        (
            biff(&[dims(0, 4_000_000_000, 0, 200), number(0, 0, 1.0)]),
            "sheet \"Modules\" cannot be read: its dimensions record declares 4000000000 rows by 200 columns, more \
             cells than canon reads in one sheet (16777216) and more than an Excel 97-2003 sheet holds (65536 rows \
             by 256 columns); the workbook is damaged: open it in a spreadsheet program and save it again"
                .to_string(),
        ),
    ];
    for (stream, want) in cases {
        for ext in ["xls", "xlsx"] {
            let w = Workdir::new();
            let f = w.write(&format!("m.{ext}"), xls_with(&stream));
            let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
            let sep = if want.starts_with("Modules!") { ":" } else { ": " };
            assert_eq!((code, err.trim()), (Some(1), format!("canon: {}{sep}{want}", f.display()).as_str()), "{ext}");
            assert!(!w.db().exists());
        }
    }
    // The same sheet within the limit is read: calamine finds its two numbers.
    let w = Workdir::new();
    let f = w.write("m.xls", xls_with(&biff(&[number(0, 0, 1.0), number(300, 200, 2.0)])));
    let (code, err) = limited(&w, &["import", "modules", f.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("no sheet has a header row"), "{err}");
    assert!(!err.contains("cannot be read"), "{err}");
}
