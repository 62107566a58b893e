//! A compound file ([MS-CFB], "OLE2": an `.xls`, or a password-protected
//! `.xlsx`) checked before calamine reads it.
//!
//! calamine 0.38 follows a compound file's sector chains as the file writes
//! them: a chain that loops (sector 1 → 2 → 1) is read for ever, its bytes
//! appended until memory runs out, and a stream whose declared size is
//! gigabytes is read to that size round a loop. So every chain calamine
//! walks when it opens a workbook (the allocation table's index, the
//! directory, the mini stream and its table, the `Workbook` or `Book`
//! stream) is walked here first, as calamine will walk it: each must stay
//! inside the file, and none may come back to a sector it has passed. The
//! walk is linear in the file's size (each chain visits each sector at most
//! once) and reads only the bytes given.
//!
//! Faults calamine reports by itself (a directory with no root entry, a
//! stream missing) are left to it: this check is for what it cannot stop.
//!
//! [MS-CFB]: https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-cfb/

use std::fmt;

/// The eight bytes a compound file starts with.
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Sector numbers from here up are markers, not sectors.
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
/// An index entry for a sector of the index itself (read as calamine does: no FAT sector).
const DIFSECT: u32 = 0xFFFF_FFFC;
/// Where a chain ends.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// The size of a directory entry.
const ENTRY: usize = 128;
/// Streams shorter than this live in the mini stream (calamine's rule).
const MINI_CUTOFF: u64 = 4096;
/// The size of a mini-stream sector.
const MINI_SECTOR: usize = 64;

/// Why a compound file cannot be read safely, in words for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// The file is shorter than a header, or its header does not start with the signature.
    NotCompound,
    /// The header's sector size is neither 512 nor 4096 bytes (its shift, as written).
    SectorSize(u16),
    /// A sector of the allocation table (or of its index) lies past the end of the file.
    TablePastEnd(u32),
    /// The allocation table's index names more sectors than the file holds.
    TableTooLong { listed: usize, sectors: usize },
    /// The chain of `what` comes back to a sector it passed (`mini`: a mini-stream sector).
    Loop { what: Chain, sector: u32, mini: bool },
    /// The chain of `what` goes on to a sector past the end of the file (or of the mini stream).
    PastEnd { what: Chain, sector: u32, mini: bool },
    /// The chain of `what` goes on to a free or reserved sector number, not a sector.
    Broken { what: Chain, marker: u32, mini: bool },
    /// The chain of `what` reaches a sector the allocation table has no entry for.
    NoEntry { what: Chain, sector: u32, mini: bool },
}

/// The chains calamine walks, named for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chain {
    /// The allocation table's index (DIFAT) beyond the header.
    TableIndex,
    /// The directory of streams.
    Directory,
    /// The mini stream (small streams, held in the root entry's chain).
    MiniStream,
    /// The mini stream's allocation table.
    MiniTable,
    /// A named stream (`Workbook`, `Book`).
    Stream(&'static str),
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chain::TableIndex => f.write_str("the allocation table's index"),
            Chain::Directory => f.write_str("the directory"),
            Chain::MiniStream => f.write_str("the mini stream"),
            Chain::MiniTable => f.write_str("the mini stream's allocation table"),
            Chain::Stream(name) => write!(f, "the {name} stream"),
        }
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = |mini: bool| if mini { "mini-sector" } else { "sector" };
        match self {
            Damage::NotCompound => f.write_str("it does not start with a compound file's header"),
            Damage::SectorSize(shift) => {
                write!(f, "its header gives a sector size of 2^{shift} bytes; expected 512 or 4096")
            }
            Damage::TablePastEnd(s) => write!(f, "its allocation table names sector {s}, past the end of the file"),
            Damage::TableTooLong { listed, sectors } => write!(
                f,
                "its allocation table's index lists {listed} table sectors, more than the {sectors} sectors the file holds"
            ),
            Damage::Loop { what, sector, mini } => {
                write!(f, "sector chain loops at {} {sector}, in {what}", unit(*mini))
            }
            Damage::PastEnd { what, sector, mini } => {
                write!(f, "sector chain runs past the end of the file at {} {sector}, in {what}", unit(*mini))
            }
            Damage::Broken { what, marker, mini } => {
                write!(f, "sector chain breaks off at a free {} (0x{marker:08X}), in {what}", unit(*mini))
            }
            Damage::NoEntry { what, sector, mini } => {
                write!(
                    f,
                    "sector chain reaches {} {sector}, which the allocation table has no entry for, in {what}",
                    unit(*mini)
                )
            }
        }
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// A run of sectors of one size: the file's (after its header), or the mini stream's.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    mini: bool,
}

impl Sectors<'_> {
    /// How many sectors hold at least one byte (the last may be cut short, as calamine allows).
    fn count(&self) -> usize {
        self.data.len().div_ceil(self.size)
    }

    fn get(&self, id: u32) -> &[u8] {
        let start = id as usize * self.size;
        &self.data[start..(start + self.size).min(self.data.len())]
    }

    /// Walks the chain from `start` through `table` as calamine's `get_chain`
    /// does, stopping once `len` bytes are read; returns the bytes read.
    fn walk(&self, what: Chain, table: &[u32], start: u32, len: u64) -> Result<Vec<u8>, Damage> {
        let mini = self.mini;
        let mut seen = vec![false; self.count()];
        let mut out = Vec::new();
        let mut id = start;
        while id != END_OF_CHAIN {
            if id >= MAX_REGULAR {
                return Err(Damage::Broken { what, marker: id, mini });
            }
            let Some(visited) = seen.get_mut(id as usize) else {
                return Err(Damage::PastEnd { what, sector: id, mini });
            };
            if *visited {
                return Err(Damage::Loop { what, sector: id, mini });
            }
            *visited = true;
            let sector = self.get(id);
            let want = usize::try_from(len - out.len() as u64).unwrap_or(usize::MAX);
            out.extend_from_slice(&sector[..sector.len().min(want)]);
            if out.len() as u64 >= len {
                break;
            }
            id = *table.get(id as usize).ok_or(Damage::NoEntry { what, sector: id, mini })?;
        }
        Ok(out)
    }
}

/// A directory entry as calamine reads it: its name, first sector and size.
struct Entry {
    name: String,
    start: u32,
    len: u64,
}

fn entry(b: &[u8], large: bool) -> Entry {
    let units: Vec<u16> = b[..64].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let mut name = String::from_utf16_lossy(&units);
    if let Some(nul) = name.find('\0') {
        name.truncate(nul);
    }
    let len =
        if large { u64::from_le_bytes(b[120..128].try_into().unwrap_or([0; 8])) } else { u64::from(u32_at(b, 120)) };
    Entry { name, start: u32_at(b, 116), len }
}

/// Checks the compound file `bytes` as calamine will read it when it opens
/// a workbook: `Ok` when every chain it walks ends inside the file without
/// coming back on itself, with the `Workbook` (else `Book`) stream as
/// calamine will read it, if the file has one.
pub fn check(bytes: &[u8]) -> Result<Option<Vec<u8>>, Damage> {
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Err(Damage::NotCompound);
    }
    let size = match u16_at(bytes, 30) {
        9 => 512,
        12 => 4096,
        shift => return Err(Damage::SectorSize(shift)),
    };
    let large = size == 4096;
    // The header fills the first sector; sector 0 follows it.
    let file = Sectors { data: bytes.get(size..).unwrap_or_default(), size, mini: false };
    let count = file.count();

    // The allocation table's index: 109 entries in the header, then a chain
    // of index sectors, each ending in the number of the next (as calamine reads it).
    let mut index: Vec<u32> = u32s(&bytes[76..512]).collect();
    let mut seen = vec![false; count];
    let mut next = u32_at(bytes, 68);
    while next < MAX_REGULAR {
        let what = Chain::TableIndex;
        let visited = seen.get_mut(next as usize).ok_or(Damage::PastEnd { what, sector: next, mini: false })?;
        if *visited {
            return Err(Damage::Loop { what, sector: next, mini: false });
        }
        *visited = true;
        index.extend(u32s(file.get(next)));
        next = index.pop().unwrap_or(END_OF_CHAIN);
    }
    // calamine reads every listed table sector, a sector repeated as often as
    // it is listed: bounded by the file's size (and the header's 109 entries).
    let listed: Vec<u32> = index.into_iter().filter(|&s| s < DIFSECT).collect();
    if listed.len() > count.max(109) {
        return Err(Damage::TableTooLong { listed: listed.len(), sectors: count });
    }
    let mut table = Vec::new();
    for s in listed {
        if s as usize >= count {
            return Err(Damage::TablePastEnd(s));
        }
        table.extend(u32s(file.get(s)));
    }

    let dir = file.walk(Chain::Directory, &table, u32_at(bytes, 48), u64::MAX)?;
    let entries: Vec<Entry> = dir.chunks_exact(ENTRY).map(|e| entry(e, large)).collect();
    let Some(root) = entries.first() else { return Ok(None) };

    let mini_table_sectors = u64::from(u32_at(bytes, 64));
    let (mini_table, mini_stream) = if mini_table_sectors > 0 {
        let stream = file.walk(Chain::MiniStream, &table, root.start, root.len)?;
        let mini_table = file.walk(Chain::MiniTable, &table, u32_at(bytes, 60), mini_table_sectors * size as u64)?;
        (u32s(&mini_table).collect(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini = Sectors { data: &mini_stream, size: MINI_SECTOR, mini: true };

    // The streams `Xls::new` reads: the first entry named `Workbook`, else `Book`.
    let mut workbook = None;
    for name in ["Workbook", "Book"] {
        if let Some(e) = entries.iter().find(|e| e.name.eq_ignore_ascii_case(name)) {
            let what = Chain::Stream(name);
            let stream = if e.len < MINI_CUTOFF {
                mini.walk(what, &mini_table, e.start, e.len)?
            } else {
                file.walk(what, &table, e.start, e.len)?
            };
            workbook = workbook.or(Some(stream));
        }
    }
    Ok(workbook)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FREE: u32 = 0xFFFF_FFFF;
    const FATSECT: u32 = 0xFFFF_FFFD;

    /// A version-3 compound file: `table` the allocation table (one sector),
    /// `dir_start` the directory's first sector, `entries` the directory's
    /// entries (name, first sector, size), `sectors` the sectors after the
    /// table (sector 1 on).
    struct Cfb {
        table: Vec<u32>,
        dir_start: u32,
        mini_table: (u32, u32),
        difat_start: u32,
        index: Vec<u32>,
        entries: Vec<(&'static str, u32, u32)>,
        sectors: Vec<[u8; 512]>,
    }

    impl Cfb {
        /// A good file: sector 0 the table, 1 the directory, 2–9 a 4096-byte `Workbook`.
        fn good() -> Cfb {
            let mut table = vec![FATSECT, END_OF_CHAIN];
            table.extend(3..10);
            table.push(END_OF_CHAIN);
            Cfb {
                table,
                dir_start: 1,
                mini_table: (END_OF_CHAIN, 0),
                difat_start: END_OF_CHAIN,
                index: vec![0],
                entries: vec![("Root Entry", END_OF_CHAIN, 0), ("Workbook", 2, 4096)],
                sectors: vec![[0; 512]; 9],
            }
        }

        fn bytes(&self) -> Vec<u8> {
            let mut h = vec![0u8; 512];
            h[..8].copy_from_slice(&SIGNATURE);
            for (at, v) in [(24, 0x3E), (26, 3), (28, 0xFFFE), (30, 9), (32, 6)] {
                h[at..at + 2].copy_from_slice(&u16::to_le_bytes(v));
            }
            let put = |h: &mut Vec<u8>, at: usize, v: u32| h[at..at + 4].copy_from_slice(&v.to_le_bytes());
            put(&mut h, 44, self.index.len() as u32);
            put(&mut h, 48, self.dir_start);
            put(&mut h, 56, 4096);
            put(&mut h, 60, self.mini_table.0);
            put(&mut h, 64, self.mini_table.1);
            put(&mut h, 68, self.difat_start);
            for i in 0..109 {
                put(&mut h, 76 + 4 * i, self.index.get(i).copied().unwrap_or(FREE));
            }
            let mut fat = [0xFFu8; 512];
            for (i, v) in self.table.iter().enumerate() {
                fat[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
            }
            let mut out = h;
            out.extend_from_slice(&fat);
            let mut sectors = self.sectors.clone();
            let mut dir = [0u8; 512];
            for (i, (name, start, len)) in self.entries.iter().enumerate() {
                let e = &mut dir[i * 128..(i + 1) * 128];
                for (j, u) in name.encode_utf16().enumerate() {
                    e[2 * j..2 * j + 2].copy_from_slice(&u.to_le_bytes());
                }
                e[66] = if i == 0 { 5 } else { 2 };
                e[116..120].copy_from_slice(&start.to_le_bytes());
                e[120..124].copy_from_slice(&len.to_le_bytes());
            }
            sectors[self.dir_start as usize - 1] = dir;
            for s in sectors {
                out.extend_from_slice(&s);
            }
            out
        }
    }

    #[test]
    fn a_good_file_passes() {
        assert_eq!(check(&Cfb::good().bytes()), Ok(Some(vec![0; 4096])));
    }

    #[test]
    fn a_looping_directory_is_refused() {
        let mut c = Cfb::good();
        c.table[1] = 2;
        c.table[2] = 1;
        let d = check(&c.bytes()).unwrap_err();
        assert_eq!(d, Damage::Loop { what: Chain::Directory, sector: 1, mini: false });
        assert_eq!(d.to_string(), "sector chain loops at sector 1, in the directory");
    }

    #[test]
    fn a_sector_pointing_at_itself_is_a_loop() {
        let mut c = Cfb::good();
        c.table[1] = 1;
        assert_eq!(check(&c.bytes()), Err(Damage::Loop { what: Chain::Directory, sector: 1, mini: false }));
    }

    #[test]
    fn a_stream_looping_within_its_declared_size_is_refused() {
        let mut c = Cfb::good();
        c.table[9] = 2;
        c.entries[1].2 = 0xFFFF_FF00;
        let d = check(&c.bytes()).unwrap_err();
        assert_eq!(d, Damage::Loop { what: Chain::Stream("Workbook"), sector: 2, mini: false });
        assert_eq!(d.to_string(), "sector chain loops at sector 2, in the Workbook stream");
    }

    #[test]
    fn a_loop_past_what_calamine_reads_is_harmless() {
        // calamine stops at the stream's declared 4096 bytes (sectors 2–9).
        let mut c = Cfb::good();
        c.table[9] = 2;
        assert_eq!(check(&c.bytes()).map(|s| s.map(|s| s.len())), Ok(Some(4096)));
    }

    #[test]
    fn the_book_stream_is_checked_too() {
        let mut c = Cfb::good();
        c.entries[1].0 = "BOOK";
        c.table[5] = 3;
        c.entries[1].2 = 100_000;
        assert_eq!(check(&c.bytes()), Err(Damage::Loop { what: Chain::Stream("Book"), sector: 3, mini: false }));
    }

    #[test]
    fn a_chain_past_the_end_of_the_file_is_refused() {
        let mut c = Cfb::good();
        c.table[1] = 500;
        let d = check(&c.bytes()).unwrap_err();
        assert_eq!(d, Damage::PastEnd { what: Chain::Directory, sector: 500, mini: false });
        assert_eq!(d.to_string(), "sector chain runs past the end of the file at sector 500, in the directory");
        let mut c = Cfb::good();
        c.dir_start = 1;
        c.table[1] = FREE;
        assert_eq!(
            check(&c.bytes()).unwrap_err().to_string(),
            "sector chain breaks off at a free sector (0xFFFFFFFF), in the directory"
        );
    }

    #[test]
    fn a_chain_beyond_the_table_is_refused() {
        // 200 sectors in the file, a table of 128 entries: sector 150 has none.
        let mut c = Cfb::good();
        c.sectors = vec![[0; 512]; 200];
        c.table[1] = 150;
        assert_eq!(check(&c.bytes()), Err(Damage::NoEntry { what: Chain::Directory, sector: 150, mini: false }));
    }

    #[test]
    fn mini_stream_chains_are_checked() {
        // The mini stream in sector 10 (eight 64-byte mini-sectors), its table in sector 11.
        let mut c = Cfb::good();
        c.sectors.extend([[0; 512], [0xFF; 512]]);
        c.table.extend([END_OF_CHAIN, END_OF_CHAIN]);
        c.entries[0] = ("Root Entry", 10, 512);
        c.entries[1] = ("Workbook", 0, 300);
        c.mini_table = (11, 1);
        let mut t = [0xFFu8; 512];
        for (i, v) in [1u32, 2, 3, 4, END_OF_CHAIN].iter().enumerate() {
            t[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
        }
        c.sectors[10] = t;
        assert_eq!(check(&c.bytes()), Ok(Some(vec![0; 300])));
        t[12..16].copy_from_slice(&1u32.to_le_bytes());
        c.sectors[10] = t;
        let d = check(&c.bytes()).unwrap_err();
        assert_eq!(d, Damage::Loop { what: Chain::Stream("Workbook"), sector: 1, mini: true });
        assert_eq!(d.to_string(), "sector chain loops at mini-sector 1, in the Workbook stream");
        // The mini stream's own chain, looping.
        c.table[10] = 10;
        c.entries[0].2 = 100_000;
        assert_eq!(check(&c.bytes()), Err(Damage::Loop { what: Chain::MiniStream, sector: 10, mini: false }));
    }

    #[test]
    fn the_table_index_is_checked() {
        // An index sector (sector 1) that names itself as the next.
        let mut c = Cfb::good();
        c.difat_start = 2;
        let mut s = [0xFFu8; 512];
        s[508..512].copy_from_slice(&2u32.to_le_bytes());
        c.sectors[1] = s;
        assert_eq!(check(&c.bytes()), Err(Damage::Loop { what: Chain::TableIndex, sector: 2, mini: false }));
        let mut c = Cfb::good();
        c.index = vec![0, 40];
        assert_eq!(check(&c.bytes()), Err(Damage::TablePastEnd(40)));
        // Every index entry naming sector 0: more table sectors than the file holds.
        let mut c = Cfb::good();
        c.difat_start = 2;
        c.sectors[1] = [0; 512];
        let d = check(&c.bytes()).unwrap_err();
        // The header's 0, the index sector's 127 zeros, the table's own 7 sectors of the Workbook.
        assert_eq!(d, Damage::TableTooLong { listed: 1 + 127 + 7, sectors: 10 });
    }

    #[test]
    fn headers_are_checked() {
        assert_eq!(check(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 short"), Err(Damage::NotCompound));
        let mut b = Cfb::good().bytes();
        b[30] = 10;
        assert_eq!(check(&b), Err(Damage::SectorSize(10)));
        let mut b = Cfb::good().bytes();
        // Cut inside sector 3: the Workbook's chain (2 → 3 → 4) runs past the end at 4.
        b.truncate(512 + 3 * 512 + 100);
        assert_eq!(check(&b), Err(Damage::PastEnd { what: Chain::Stream("Workbook"), sector: 4, mini: false }));
    }
}
