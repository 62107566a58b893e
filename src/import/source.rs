//! Opening a delimited text file as people actually have it: any common
//! encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252),
//! `,` `;` or tab delimiters, LF, CRLF or old-Mac CR line ends.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;
use indicatif::ProgressBar;

/// What the user may force.
#[derive(Clone, Debug, Default)]
pub struct SourceOptions {
    /// An encoding label (`windows-1252`, `latin1`, `utf-16le`, …).
    pub encoding: Option<String>,
    /// Show a progress bar on stderr (when it is a terminal).
    pub progress: bool,
}

/// A file opened for streaming, with what was detected about it.
pub struct Source {
    pub path: PathBuf,
    pub encoding: &'static Encoding,
    /// Set when the encoding was guessed rather than certain: shown to the user.
    pub note: Option<String>,
    /// Set when lines of the file are in two encodings (UTF-8, and another
    /// on the lines it names), each line read in its own: shown to the
    /// user as a warning.
    pub mixed: Option<String>,
    pub delimiter: u8,
    pub reader: Box<dyn Read + Send>,
    pub progress: Option<ProgressBar>,
    /// The decoded start of the file (up to 64 KiB), for format detection.
    pub head: String,
    /// Whether the last non-blank character of the file is a `"`: a file whose
    /// last record holds a line break and does not end so has an unclosed quote.
    pub ends_with_quote: bool,
}

/// Where the first invalid UTF-8 byte is, for the error message.
struct Invalid {
    byte: u8,
    line: u64,
    column: u64,
}

/// What one pass over the raw bytes tells.
struct Scan {
    invalid: Option<Invalid>,
    /// Lines (1-based, the physical line rule) that are valid UTF-8 and
    /// hold a character beyond ASCII: up to [`SHOWN_LINES`], and how many.
    utf8_lines: (Vec<u64>, usize),
    /// Lines that are not valid UTF-8: up to [`SHOWN_LINES`], and how many.
    other_lines: (Vec<u64>, usize),
    lone_cr: bool,
    lf: bool,
    head: Vec<u8>,
}

const HEAD: usize = 64 * 1024;

/// How many line numbers a message about mixed encodings names.
const SHOWN_LINES: usize = 8;

/// UTF-8 validity of the line being read, checked piece by piece in
/// constant memory (a one-line CSL-JSON file is not held whole).
#[derive(Default)]
struct LineCheck {
    /// The start of a sequence cut at a piece's end (at most 3 bytes).
    pending: Vec<u8>,
    invalid: bool,
    beyond_ascii: bool,
}

impl LineCheck {
    fn feed(&mut self, piece: &[u8]) {
        if self.invalid {
            return;
        }
        self.pending.extend_from_slice(piece);
        match std::str::from_utf8(&self.pending) {
            Ok(_) => {
                self.beyond_ascii |= !self.pending.is_ascii();
                self.pending.clear();
            }
            Err(e) if e.error_len().is_none() => {
                let good = e.valid_up_to();
                self.beyond_ascii |= !self.pending[..good].is_ascii();
                self.pending.drain(..good);
            }
            Err(_) => {
                self.invalid = true;
                self.pending.clear();
            }
        }
    }

    /// Ends the line: sorts it into [`Scan::utf8_lines`] or
    /// [`Scan::other_lines`] (an all-ASCII line into neither).
    fn end(&mut self, s: &mut Scan, number: u64) {
        let list = if self.invalid || !self.pending.is_empty() {
            &mut s.other_lines
        } else if self.beyond_ascii {
            &mut s.utf8_lines
        } else {
            *self = LineCheck::default();
            return;
        };
        if list.0.len() < SHOWN_LINES {
            list.0.push(number);
        }
        list.1 += 1;
        *self = LineCheck::default();
    }
}

/// Counts lines by the physical line rule (CRLF, CR alone and LF alone each
/// end one; see [`super::rows`]) over bytes fed in order, in pieces.
#[derive(Clone, Copy, Default)]
struct LineCount {
    /// Line breaks seen so far (a CR at the very end is not counted yet).
    breaks: u64,
    /// Whether the last byte fed was a CR.
    cr: bool,
}

impl LineCount {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' || self.cr {
                self.breaks += 1;
            }
            self.cr = b == b'\r';
        }
    }

    /// The 1-based line the next byte is on, if it is not an LF.
    fn line(&self) -> u64 {
        self.breaks + 1 + u64::from(self.cr)
    }
}

/// Reads the whole file once, in chunks, checking UTF-8 validity and line
/// ends; keeps the first 64 KiB for sniffing. Constant memory.
fn scan(file: &mut File) -> io::Result<Scan> {
    let mut buf = vec![0u8; 1 << 20];
    // Bytes carried over from the last chunk: a UTF-8 sequence cut in two,
    // and the text of the current line (for the column of a bad byte).
    let mut carry: Vec<u8> = Vec::new();
    let mut s = Scan {
        invalid: None,
        utf8_lines: (Vec::new(), 0),
        other_lines: (Vec::new(), 0),
        lone_cr: false,
        lf: false,
        head: Vec::new(),
    };
    let mut lines = LineCount::default();
    let mut prev_cr = false;
    // The line being read (split at LF), and the line it starts on.
    let mut line = LineCheck::default();
    let mut line_count = LineCount::default();
    let mut line_start = 1;
    let mut line_open = false;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        if s.head.len() < HEAD {
            let take = (HEAD - s.head.len()).min(n);
            s.head.extend_from_slice(&chunk[..take]);
        }
        s.lf |= chunk.contains(&b'\n');
        if prev_cr || chunk.contains(&b'\r') {
            let mut p = prev_cr;
            for &b in chunk {
                s.lone_cr |= p && b != b'\n';
                p = b == b'\r';
            }
        }
        prev_cr = chunk.last() == Some(&b'\r');
        for piece in chunk.split_inclusive(|&b| b == b'\n') {
            line.feed(piece);
            line_count.feed(piece);
            line_open = true;
            if piece.last() == Some(&b'\n') {
                line.end(&mut s, line_start);
                line_start = line_count.line();
                line_open = false;
            }
        }
        if s.invalid.is_some() {
            continue;
        }
        carry.extend_from_slice(chunk);
        match std::str::from_utf8(&carry) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => {
                // A sequence cut at the chunk's end: keep the tail for the next.
                let good = e.valid_up_to();
                lines.feed(&carry[..good]);
                carry.drain(..good);
                continue;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let before = &carry[..good];
                let line_start = before.iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
                let column = std::str::from_utf8(&before[line_start..]).map_or(1, |t| t.chars().count() as u64 + 1);
                let mut at = lines;
                at.feed(before);
                s.invalid = Some(Invalid { byte: carry[good], line: at.line(), column });
                continue;
            }
        }
        lines.feed(&carry);
        carry.clear();
    }
    s.lone_cr |= prev_cr;
    if line_open {
        line.end(&mut s, line_start);
    }
    if s.invalid.is_none() && !carry.is_empty() {
        let line_start = carry.iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
        let mut at = lines;
        at.feed(&carry[..line_start]);
        s.invalid = Some(Invalid { byte: carry[line_start], line: at.line(), column: 1 });
    }
    Ok(s)
}

/// Opens `path` for streaming, detecting encoding, delimiter and line ends.
pub fn open(path: &Path, opts: &SourceOptions) -> Result<Source> {
    let mut file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bom = [0u8; 3];
    let got = read_up_to(&mut file, &mut bom)?;
    let bom = &bom[..got];

    let forced = match &opts.encoding {
        None => None,
        Some(label) => Some(Encoding::for_label(label.trim().as_bytes()).with_context(|| {
            format!(
                "unknown encoding {label:?}; expected a label such as utf-8, windows-1252, \
                 latin1, utf-16le or utf-16be"
            )
        })?),
    };

    let mut mixed = None;
    let mut fallback = None;
    let (encoding, bom_len, note, scan) = if bom.starts_with(&[0xEF, 0xBB, 0xBF]) && forced.is_none_or(|e| e == UTF_8) {
        (UTF_8, 3, None, None)
    } else if bom.starts_with(&[0xFF, 0xFE]) && forced.is_none_or(|e| e == UTF_16LE) {
        (UTF_16LE, 2, None, None)
    } else if bom.starts_with(&[0xFE, 0xFF]) && forced.is_none_or(|e| e == UTF_16BE) {
        (UTF_16BE, 2, None, None)
    } else {
        file.seek(SeekFrom::Start(0))?;
        let scan = scan(&mut file).with_context(|| format!("reading {}", path.display()))?;
        match (forced, &scan.invalid) {
            (Some(e), Some(bad)) if e == UTF_8 && scan.utf8_lines.1 > 0 => {
                bail!(
                    "{}:{}:{}: byte 0x{:02X} is not valid UTF-8; expected UTF-8 text\n\
                     hint: the file mixes UTF-8 (line {}) with another encoding; without --encoding, canon reads \
                     each line in its own and names the lines it read as the other",
                    path.display(),
                    bad.line,
                    bad.column,
                    bad.byte,
                    scan.utf8_lines.0.first().copied().unwrap_or(1)
                );
            }
            (Some(e), Some(bad)) if e == UTF_8 => {
                let guess = guess(&scan.head);
                bail!(
                    "{}:{}:{}: byte 0x{:02X} is not valid UTF-8; expected UTF-8 text\n\
                     hint: the file looks like {}; try --encoding {}",
                    path.display(),
                    bad.line,
                    bad.column,
                    bad.byte,
                    guess.name(),
                    guess.name().to_lowercase()
                );
            }
            (Some(e), _) => (e, 0, None, Some(scan)),
            (None, None) => (UTF_8, 0, None, Some(scan)),
            (None, Some(bad)) if declared(&scan.head).is_some() => {
                let (e, line, label) = declared(&scan.head).unwrap_or((UTF_8, 0, String::new()));
                let note = format!(
                    "{} is not UTF-8 (byte 0x{:02X} at line {}, column {}); reading it as {} (the file declares \
                     {label:?} at line {line}). If names look wrong, pass --encoding with the right one",
                    path.display(),
                    bad.byte,
                    bad.line,
                    bad.column,
                    e.name()
                );
                (e, 0, Some(note), Some(scan))
            }
            // Lines of valid UTF-8 beyond ASCII beside lines that are not
            // UTF-8: a UTF-8 list with rows pasted from a legacy file (an
            // Excel "CSV" in Windows-1252). Read as one encoding, either
            // half would be garbled ("MÃ¼ller"; tester r67 F8): each line
            // is read in its own, and the lines read as the other named.
            (None, Some(_)) if scan.utf8_lines.1 > 0 => {
                let g = guess(&scan.head);
                let lines = |(shown, n): &(Vec<u64>, usize)| {
                    let list = shown.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
                    if *n > shown.len() { format!("{list} and {} more", n - shown.len()) } else { list }
                };
                let (other, n) = (&scan.other_lines, scan.other_lines.1);
                mixed = Some(format!(
                    "{file} mixes two encodings: line{s} {other} {is} not UTF-8 and {was} read as {enc}, while \
                     line{us} {utf8} {uis} UTF-8; check the names on the lines read as {enc}, and save the file as \
                     UTF-8 in one program to be sure",
                    file = path.display(),
                    s = if n == 1 { "" } else { "s" },
                    other = lines(other),
                    is = if n == 1 { "is" } else { "are" },
                    was = if n == 1 { "was" } else { "were" },
                    enc = g.name(),
                    us = if scan.utf8_lines.1 == 1 { "" } else { "s" },
                    utf8 = lines(&scan.utf8_lines),
                    uis = if scan.utf8_lines.1 == 1 { "is" } else { "are" },
                ));
                fallback = Some(g);
                (UTF_8, 0, None, Some(scan))
            }
            (None, Some(bad)) => {
                let g = guess(&scan.head);
                let note = format!(
                    "{} is not UTF-8 (byte 0x{:02X} at line {}, column {}); reading it as {} \
                     (detected). If names look wrong, pass --encoding with the right one",
                    path.display(),
                    bad.byte,
                    bad.line,
                    bad.column,
                    g.name()
                );
                (g, 0, Some(note), Some(scan))
            }
        }
    };

    // Sniff the delimiter on the decoded head of the file.
    file.seek(SeekFrom::Start(0))?;
    let mut head = vec![0u8; HEAD];
    let n = read_up_to(&mut file, &mut head)?;
    head.truncate(n);
    let text = match fallback {
        Some(other) => {
            let mut out = String::new();
            LineByLine { inner: BufReader::new(&head[..]), other, out: Vec::new(), at: 0 }.read_to_string(&mut out)?;
            std::borrow::Cow::Owned(out)
        }
        None => encoding.decode(&head).0,
    };
    let delimiter = sniff_delimiter(&text);
    let head = text.into_owned();

    let ends_with_quote = ends_with_quote(&mut file, size, encoding)?;
    file.seek(SeekFrom::Start(bom_len))?;
    let progress = if opts.progress && size > 4 << 20 && io::IsTerminal::is_terminal(&io::stderr()) {
        let bar = ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default());
        Some(bar)
    } else {
        None
    };
    let raw: Box<dyn Read + Send> = match &progress {
        Some(bar) => Box::new(bar.wrap_read(BufReader::with_capacity(1 << 16, file))),
        None => Box::new(BufReader::with_capacity(1 << 16, file)),
    };
    let decoded: Box<dyn Read + Send> = if let Some(other) = fallback {
        Box::new(LineByLine { inner: BufReader::new(raw), other, out: Vec::new(), at: 0 })
    } else if encoding == UTF_8 {
        raw
    } else {
        Box::new(
            DecodeReaderBytesBuilder::new().encoding(Some(encoding)).bom_override(false).strip_bom(true).build(raw),
        )
    };
    let old_mac = scan.as_ref().is_some_and(|s| s.lone_cr && !s.lf)
        || (scan.is_none() && head.contains('\r') && !head.contains('\n'));
    let reader: Box<dyn Read + Send> = if old_mac { Box::new(CrToLf(decoded)) } else { decoded };

    Ok(Source { path: path.to_path_buf(), encoding, note, mixed, delimiter, reader, progress, head, ends_with_quote })
}

/// Decodes each line (split at LF) as UTF-8 when it is valid UTF-8, else
/// in `other`: a file whose lines are in two encodings ([`Source::mixed`]).
struct LineByLine<R> {
    inner: BufReader<R>,
    other: &'static Encoding,
    /// The decoded line being handed out, and how much of it was.
    out: Vec<u8>,
    at: usize,
}

impl<R: Read> Read for LineByLine<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use io::BufRead;
        if self.at == self.out.len() {
            let mut line = Vec::new();
            if self.inner.read_until(b'\n', &mut line)? == 0 {
                return Ok(0);
            }
            self.out = match String::from_utf8(line) {
                Ok(text) => text.into_bytes(),
                Err(e) => self.other.decode_without_bom_handling(e.as_bytes()).0.into_owned().into_bytes(),
            };
            self.at = 0;
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn ends_with_quote(file: &mut File, size: u64, encoding: &'static Encoding) -> io::Result<bool> {
    let tail_len = size.min(64);
    file.seek(SeekFrom::Start(size - tail_len))?;
    let mut tail = vec![0u8; tail_len as usize];
    let n = read_up_to(file, &mut tail)?;
    tail.truncate(n);
    let (text, _) = encoding.decode_without_bom_handling(&tail);
    Ok(text.trim_end().ends_with('"'))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The legacy encoding a file names for itself in its first lines, with
/// the line and the label as written: JabRef's header `% Encoding:
/// ISO-8859-1` (written by JabRef before 5.0), or an XML declaration
/// `<?xml version="1.0" encoding="windows-1252"?>` (XML 1.0 §4.3.3, as
/// EndNote writes it). `None` when there is none, when the label is
/// unknown, or when it names UTF-8 or UTF-16 (a file that is not UTF-8
/// despite saying so is guessed instead). The labels are the WHATWG
/// Encoding Standard's, as `encoding_rs` reads them ("ISO-8859-1" is
/// windows-1252).
fn declared(head: &[u8]) -> Option<(&'static Encoding, u64, String)> {
    for (i, raw) in head.split(|&b| b == b'\n').take(10).enumerate() {
        let text = String::from_utf8_lossy(raw);
        let t = text.trim().trim_start_matches('\u{feff}');
        let label = if let Some(rest) = t.strip_prefix('%') {
            let rest = rest.trim_start();
            rest.get(..9).filter(|h| h.eq_ignore_ascii_case("encoding:")).map(|_| rest[9..].trim().to_string())
        } else if t.starts_with("<?xml") {
            let at = t.find("encoding")?;
            let rest = t[at + 8..].trim_start().strip_prefix('=')?.trim_start();
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let rest = &rest[1..];
            Some(rest[..rest.find(quote)?].to_string())
        } else {
            None
        };
        let Some(label) = label.filter(|l| !l.is_empty()) else { continue };
        let e = Encoding::for_label(label.as_bytes())?;
        if e == UTF_8 || e == UTF_16LE || e == UTF_16BE {
            return None;
        }
        return Some((e, i as u64 + 1, label));
    }
    None
}

/// The most likely legacy encoding of bytes that are not UTF-8.
fn guess(head: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(head, true);
    let g = det.guess(None, chardetng::Utf8Detection::Deny);
    if g == UTF_8 { encoding_rs::WINDOWS_1252 } else { g }
}

/// The delimiter an Excel `sep=X` first line names (`sep=;`, `sep=,`,
/// `sep=|`, a tab): Excel writes it so that its own readers split the rows
/// right whatever the locale's list separator.
pub fn sep_line(text: &str) -> Option<u8> {
    let first = text.split(['\n', '\r']).next()?;
    let first = first.trim_start_matches('\u{feff}').trim_matches([' ', '"']);
    let rest = first.get(..4).filter(|p| p.eq_ignore_ascii_case("sep=")).map(|_| &first[4..])?;
    match rest.as_bytes() {
        [d] if d.is_ascii() && !d.is_ascii_alphanumeric() && *d != b'"' => Some(*d),
        _ => None,
    }
}

/// The delimiter of a CSV: the one an Excel `sep=X` first line names, else
/// whichever of `,` `;` tab `|` splits the first non-blank line (outside
/// quotes) into the most fields, `,` when none does. (A module or reading
/// list whose first line is a title is sniffed again where its header is
/// found: [`super::header::locate`].)
pub fn sniff_delimiter(text: &str) -> u8 {
    if let Some(d) = sep_line(text) {
        return d;
    }
    let header = text.split(['\n', '\r']).find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let mut inq = false;
        let mut n = 0;
        for b in header.bytes() {
            if b == b'"' {
                inq = !inq;
            } else if b == d && !inq {
                n += 1;
            }
        }
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// Turns old-Mac line ends (CR alone) into LF, so line numbers count right.
struct CrToLf<R>(R);

impl<R: Read> Read for CrToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        for b in &mut buf[..n] {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_delimiters() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("\n\na\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b\",c,d"), b',');
        assert_eq!(sniff_delimiter("single"), b',');
        assert_eq!(sniff_delimiter("sep=;\r\na,b;c\r\n"), b';');
        assert_eq!(sniff_delimiter("\"sep=|\"\na|b\n"), b'|');
        assert_eq!(sep_line("SEP=\t\na"), Some(b'\t'));
        assert_eq!(sep_line("sep=ab\n"), None);
        assert_eq!(sep_line("separator,x\n"), None);
    }

    /// Tester r35, F14: JabRef's `% Encoding:` header and an XML
    /// declaration name the file's encoding; a guess came first.
    #[test]
    fn reads_the_encoding_a_file_declares() {
        let jabref = b"% This file was created with JabRef 2.10.\n% Encoding: ISO-8859-2\n\n@article{a,";
        let (e, line, label) = declared(jabref).expect("declared");
        assert_eq!((e.name(), line, label.as_str()), ("ISO-8859-2", 2, "ISO-8859-2"));
        let xml = b"<?xml version=\"1.0\" encoding='windows-1250' ?>\r\n<xml>";
        assert_eq!(declared(xml).map(|d| d.0.name()), Some("windows-1250"));
        // UTF-8 said of a file that is not is no help; nor an unknown label,
        // nor a declaration further down than the head's first lines.
        assert!(declared(b"% Encoding: UTF-8\n").is_none());
        assert!(declared(b"% Encoding: klingon\n").is_none());
        assert!(declared(b"@article{a, note={% Encoding: latin2}}").is_none());
        let late = [&b"\n"[..]; 12].concat();
        assert!(declared(&[late.as_slice(), b"% Encoding: latin2"].concat()).is_none());
    }
}
