//! A mutation fuzzer for every parser a user's file reaches: the module CSV
//! and reading CSV readers (through encoding and delimiter detection), BibTeX,
//! RIS, CSL-JSON, Zotero CSV, Talis/Leganto CSV, MEDLINE (.nbib) and EndNote
//! XML, and the rejects writer for each; Curriculum Inventory XML and
//! workbooks (.xlsx, .xls, .ods). Seeded from `samples/`
//! and, when present, `../shared/corpus/`.
//!
//! Each target runs in a child process (this test binary again, running that
//! one test) under a memory limit (`ulimit -v`, [`MEMORY_LIMIT_KB`]), so an
//! input that makes a parser allocate without bound fails that target with a
//! message instead of taking the machine down. Before each case the child
//! writes the input and the case's seed and number where the parent finds
//! them. A panic, a crash (the memory limit, a signal), one input taking more
//! than [`SLOW`], or one hanging for [`HANG`], fails the test and leaves the
//! input under `target/fuzz-failures/` (named by target, seed and case) to
//! become a regression test; the message says how to run the same cases again.
//!
//! `cargo test --test fuzz` runs each target briefly with a random seed;
//! `CANON_FUZZ_SEED=7 cargo test --test fuzz` runs the same cases every time;
//! `tests/fuzz.sh 60` runs each for 60 seconds in a release build.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use canon::import::builder::Themes;
use canon::import::modules::ModuleReader;
use canon::import::reading_csv::ReadingReader;
use canon::import::source::{self, SourceOptions};
use canon::import::{
    bibtex, csl_json, curriculum_inventory, detect, endnote_xml, nbib, rejects, ris, scopus_csv, talis_csv, workbook,
    zotero_csv,
};
use canon::store::themes::ThemeIndex;

/// A small, fast, seeded random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

const TOKENS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"{",
    b"}",
    b"\\",
    b"@",
    b"@string{",
    b"#",
    b"=",
    b"TY  - ",
    b"ER  - ",
    b"AU  - ",
    b"[",
    b"]",
    b":",
    b"{\\\"u}",
    b"\\'{e}",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\xE2\x80",
    b"2025",
    b"0",
    b"-1",
    b"99999999999999999999",
    b"10.1000/x",
    b"\xD8\xA7",
    b"\xE9\xB2\x81",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&seeds[rng.below(seeds.len())]);
    for _ in 0..1 + rng.below(8) {
        let len = out.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                out.splice(i..i, t.iter().copied());
            }
            2 if len > 1 => {
                let a = rng.below(len);
                let b = (a + rng.below(64)).min(len);
                out.drain(a..b);
            }
            3 if len > 1 => {
                let a = rng.below(len);
                let b = (a + rng.below(256)).min(len);
                let chunk = out[a..b].to_vec();
                let i = rng.below(out.len() + 1);
                out.splice(i..i, chunk);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let cut = rng.below(out.len() + 1);
                let from = rng.below(other.len() + 1);
                out.truncate(cut);
                out.extend_from_slice(&other[from..]);
            }
            5 if len > 0 => out.truncate(rng.below(len)),
            _ => {
                let i = rng.below(len + 1);
                out.insert(i, rng.next() as u8);
            }
        }
    }
    out.truncate(256 * 1024);
}

fn seeds(exts: &[&str], literal: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("samples")];
    let corpus = root.join("../shared/corpus");
    if corpus.exists() {
        for e in std::fs::read_dir(&corpus).unwrap().flatten() {
            dirs.push(e.path());
        }
    }
    let mut out: Vec<Vec<u8>> = literal.iter().map(|s| s.as_bytes().to_vec()).collect();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            if exts.iter().any(|x| f.extension().is_some_and(|e| e == *x)) {
                let mut bytes = std::fs::read(&f).unwrap();
                bytes.truncate(32 * 1024);
                out.push(bytes);
            }
        }
    }
    out
}

fn budget() -> Duration {
    let secs: f64 = std::env::var("CANON_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(0.6);
    Duration::from_secs_f64(secs)
}

fn themes() -> (tempfile::TempDir, ThemeIndex) {
    let dir = tempfile::tempdir().unwrap();
    let store = canon::store::open(&dir.path().join("t.db"), canon::store::Mode::Create).unwrap();
    let idx = ThemeIndex::load(&store.conn).unwrap();
    (dir, idx)
}

/// The address space each target's child process may use, in KiB (2 GB):
/// ample for every parser on inputs of at most 256 KiB.
const MEMORY_LIMIT_KB: u64 = 2_000_000;

/// A case that runs this long without finishing is a hang: the child is killed.
/// One case slower than this fails its target: a parser gone quadratic on a
/// mutated input takes far longer, and a busy 2-core CI machine running
/// other tests beside this one has run an ordinary case over 2 s (d95).
const SLOW: Duration = Duration::from_secs(6);
const HANG: Duration = Duration::from_secs(30);

/// Set in a child process: the test it runs, and where it writes each case.
const CHILD: &str = "CANON_FUZZ_CHILD";
const CASE_DIR: &str = "CANON_FUZZ_CASE_DIR";

/// The run's seed: `CANON_FUZZ_SEED`, else new each run (the clock and pid).
fn run_seed() -> u64 {
    if let Ok(s) = std::env::var("CANON_FUZZ_SEED") {
        return s.trim().parse().unwrap_or_else(|_| panic!("CANON_FUZZ_SEED={s:?} is not a number"));
    }
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    (now ^ (u64::from(std::process::id()) << 32)) % 1_000_000_007
}

/// A target's own generator from the run's seed (splitmix64 of the seed and its name).
fn target_rng(seed: u64, name: &str) -> Rng {
    let mut z =
        name.bytes().fold(seed ^ 0x9e37_79b9_7f4a_7c15, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    Rng((z ^ (z >> 31)) | 1)
}

fn failures_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the test `test` in a child process under the memory limit, or,
/// in that child, runs `body`. The parent watches the case the child is on
/// and, when the child dies or hangs, keeps that case's input and says how to
/// run it again.
fn isolated(test: &str, body: impl FnOnce()) {
    if std::env::var(CHILD).is_ok_and(|t| t == test) {
        return body();
    }
    let seed = run_seed();
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KB} && exec \"$0\" \"$@\""))
        .arg(&exe)
        .args([test, "--exact", "--test-threads=1", "--nocapture"])
        .env(CHILD, test)
        .env(CASE_DIR, dir.path())
        .env("CANON_FUZZ_SEED", seed.to_string())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let case_file = dir.path().join("case.txt");
    let (mut on, mut since) = (String::new(), Instant::now());
    let (status, hung) = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break (status, false);
        }
        let now_on = std::fs::read_to_string(&case_file).unwrap_or_default();
        if now_on != on {
            (on, since) = (now_on, Instant::now());
        } else if since.elapsed() > HANG {
            let _ = child.kill();
            break (child.wait().unwrap(), true);
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    if status.success() && !hung {
        eprint!(
            "{}",
            stderr.lines().filter(|l| l.starts_with("fuzz target")).map(|l| format!("{l}\n")).collect::<String>()
        );
        return;
    }
    let on = std::fs::read_to_string(&case_file).unwrap_or_default();
    let kept = match on.split_whitespace().collect::<Vec<_>>()[..] {
        [name, _, case] => {
            let kept = failures_dir().join(format!("{name}-seed{seed}-case{case}.bin"));
            std::fs::copy(dir.path().join("case.bin"), &kept).unwrap();
            format!("; its input (target {name}, case {case}) is saved to {}", kept.display())
        }
        _ => String::new(),
    };
    let what = if hung {
        format!("hung (one case ran over {} s; killed)", HANG.as_secs())
    } else if status.code() == Some(101) {
        format!("failed (a case panicked or took over {} s: see the child's message below)", SLOW.as_secs())
    } else {
        format!(
            "failed ({status}; a case over the memory limit of {MEMORY_LIMIT_KB} KiB ends in SIGABRT after \
             \"memory allocation of N bytes failed\")"
        )
    };
    // The child's own verdict first (a backtrace can push it out of the last lines).
    let verdict = stderr.lines().filter(|l| l.starts_with("fuzz target") || l.contains("panicked at"));
    let last = stderr.lines().rev().take(15).collect::<Vec<_>>().into_iter().rev();
    let tail: Vec<&str> = verdict.chain(last).collect();
    panic!(
        "fuzz test {test} with seed {seed} {what}{kept}; run the same cases again with \
         CANON_FUZZ_SEED={seed} cargo test --test fuzz {test}\n--- its stderr (last lines) ---\n{}",
        tail.join("\n")
    );
}

/// Runs `target` on mutated seeds until the time budget is spent. Each case's
/// input, seed and number are written before it runs (see [`isolated`]).
fn fuzz(name: &str, seeds: Vec<Vec<u8>>, mut target: impl FnMut(&[u8])) {
    assert!(!seeds.is_empty());
    let seed = run_seed();
    let case_dir = std::env::var_os(CASE_DIR).map(PathBuf::from);
    let mut rng = target_rng(seed, name);
    let deadline = Instant::now() + budget();
    let mut input = Vec::new();
    let mut cases = 0u64;
    // The seeds themselves first, then mutants.
    let mut pending: Vec<Vec<u8>> = seeds.clone();
    while Instant::now() < deadline || !pending.is_empty() {
        match pending.pop() {
            Some(s) => input = s,
            None => mutate(&mut rng, &seeds, &mut input),
        }
        if let Some(d) = &case_dir {
            // The input first, then the line the parent watches.
            std::fs::write(d.join("case.bin"), &input).unwrap();
            std::fs::write(d.join("case.txt"), format!("{name} {seed} {cases}")).unwrap();
        }
        let started = Instant::now();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target(&input)));
        let took = started.elapsed();
        if result.is_err() || took > SLOW {
            let file = failures_dir().join(format!("{name}-seed{seed}-case{cases}.bin"));
            std::fs::write(&file, &input).unwrap();
            panic!(
                "fuzz target {name} (seed {seed}): {} on case {cases}; input saved to {}; run the same cases \
                 again with CANON_FUZZ_SEED={seed}",
                if result.is_err() { "panic".to_string() } else { format!("took over {} s", SLOW.as_secs()) },
                file.display()
            );
        }
        cases += 1;
    }
    eprintln!("fuzz target {name} (seed {seed}): {cases} cases, no panic");
}

fn via_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn module_csv() {
    isolated("module_csv", || {
        let (dir, themes) = themes();
        let seeds = seeds(
            &["csv", "tsv"],
            &["module_code,module_title,session_title,year,themes\nM1,One,S,2,epistemic-bias\n"],
        );
        fuzz("module-csv", seeds, |bytes| {
            let path = via_file(dir.path(), "m.csv", bytes);
            let Ok(src) = source::open(&path, &SourceOptions::default()) else { return };
            let Ok(mut r) = ModuleReader::new(src, &[], &themes, Some("P")) else { return };
            while r.next_row().is_some() {}
        });
    });
}

#[test]
fn reading_csv() {
    isolated("reading_csv", || {
        let (dir, themes) = themes();
        let seeds =
            seeds(&["csv"], &["title,authors,year,type,doi,url,themes,notes\nT,\"A, B\",2020,book,10.1/x,,,\n"]);
        fuzz("reading-csv", seeds, |bytes| {
            let path = via_file(dir.path(), "r.csv", bytes);
            let Ok(src) = source::open(&path, &SourceOptions::default()) else { return };
            let Ok(mut r) = ReadingReader::new(src, &[], &themes) else { return };
            while r.next_row().is_some() {}
        });
    });
}

fn text_target(
    name: &str,
    exts: &[&str],
    literal: &[&str],
    parse: fn(&str, &str, &dyn Themes) -> canon::import::Parsed,
) {
    let (_dir, themes) = themes();
    let format = name;
    fuzz(name, seeds(exts, literal), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let p = parse("fuzz", &text, &themes);
        // Writing the rejected records back must not panic either (spans inside the text).
        let _ = rejects::render(format, "fuzz", &text, &p.rejected);
    });
}

#[test]
fn bibtex() {
    isolated("bibtex", || {
        let deep = format!("@article{{k, title = {}x{}}}", "{".repeat(10_000), "}".repeat(10_000));
        text_target(
            "bibtex",
            &["bib"],
            &[
                "@string{j = \"J\"}\n@article{k, author = {M{\\\"u}ller, J. and Ng{\\~u}g{\\~\\i}}, title = {T}, journal = j, year = 2020}",
                &deep,
            ],
            bibtex::parse,
        );
    });
}

#[test]
fn ris() {
    isolated("ris", || {
        text_target("ris", &["ris"], &["TY  - JOUR\r\nAU  - A, B\r\nTI  - T\r\nPY  - 2020\r\nER  - \r\n"], ris::parse);
    });
}

#[test]
fn csl_json() {
    isolated("csl_json", || {
        text_target(
            "csl-json",
            &["json"],
            &[
                r#"[{"type":"book","title":"T","author":[{"family":"F","given":"G"},{"literal":"鲁迅"}],"issued":{"date-parts":[[2020]]},"DOI":"10.1/x"}]"#,
            ],
            csl_json::parse,
        );
    });
}

#[test]
fn zotero_csv() {
    isolated("zotero_csv", || {
        text_target(
            "zotero-csv",
            &["csv"],
            &[
                "\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"DOI\"\n\"K\",\"book\",\"2020\",\"A, B\",\"T\",\"10.1/x\"\n",
            ],
            zotero_csv::parse,
        );
    });
}

#[test]
fn talis_csv() {
    isolated("talis_csv", || {
        text_target(
            "talis-csv",
            &["csv"],
            &[
                "Item Link,Title,Authors,Date,Resource Type,ISBN13,Student Note\nhttps://x,T,\"A, B\",2006,Book,978-0-385-50993-0,N\n",
            ],
            talis_csv::parse,
        );
    });
}

#[test]
fn scopus_csv() {
    isolated("scopus_csv", || {
        text_target(
            "scopus-csv",
            &["csv"],
            &[
                "\"Authors\",\"Author full names\",\"Title\",\"Year\",\"Source title\",\"Page start\",\"Page end\",\"Art. No.\",\"EID\"\n\"Osei J.\",\"Osei, Jane (57000000003)\",\"T\",\"2020\",\"BMJ\",\"1\",\"9\",\"\",\"2-s2.0-1\"\n",
            ],
            scopus_csv::parse,
        );
    });
}

#[test]
fn nbib() {
    isolated("nbib", || {
        text_target(
            "nbib",
            &["nbib"],
            &[
                "PMID- 1\nTI  - A title\n      goes on.\nFAU - Mensah, Kofi A, Jr\nAU  - Mensah KA Jr\nDP  - 2019 Apr\nAID - 10.1/x [doi]\n\nPMID- 2\nTI  - B\n",
            ],
            nbib::parse,
        );
    });
}

#[test]
fn endnote_xml() {
    isolated("endnote_xml", || {
        text_target(
            "endnote-xml",
            &["xml"],
            &[
                "<?xml version=\"1.0\"?><xml><records><record><ref-type name=\"Journal Article\">17</ref-type><contributors><authors><author><style>Mensah, Kofi A., Jr.</style></author></authors></contributors><titles><title>A &amp; B</title></titles><dates><year>2019</year></dates></record></records></xml>",
            ],
            endnote_xml::parse,
        );
    });
}

#[test]
fn curriculum_inventory_xml() {
    isolated("curriculum_inventory_xml", || {
        let doc = r#"<?xml version="1.0"?><CurriculumInventory xmlns="http://ns.medbiq.org/curriculuminventory/v10/"><Program><ProgramName>P</ProgramName></Program><Events><Event id="E1"><Title>T &amp; U</Title><Keyword><hx:string>K</hx:string></Keyword></Event></Events><AcademicLevels><Level number="1"/></AcademicLevels><Sequence><SequenceBlock id="B"><Title>B</Title><SequenceBlockLevels><StartingAcademicLevel>/CurriculumInventory/AcademicLevels/Level[@number='1']</StartingAcademicLevel></SequenceBlockLevels><SequenceBlockEvent><EventReference>/CurriculumInventory/Events/Event[@id='E1']</EventReference></SequenceBlockEvent></SequenceBlock></Sequence></CurriculumInventory>"#;
        fuzz("curriculum-inventory", seeds(&["xml"], &[doc]), |bytes| {
            let text = String::from_utf8_lossy(bytes);
            if let Ok(d) = curriculum_inventory::parse(&text) {
                let _ = (d.rows("P"), d.report());
            }
        });
    });
}

#[test]
fn workbooks() {
    isolated("workbooks", || {
        let (dir, themes) = themes();
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut seeds = seeds(&["xlsx", "xls", "ods"], &[]);
        for f in ["faculty.xlsx", "faculty.xls", "faculty.ods", "broken.xlsx"] {
            seeds.push(std::fs::read(data.join(f)).unwrap());
        }
        fuzz("workbook", seeds, |bytes| {
            let path = via_file(dir.path(), "w.bin", bytes);
            let Ok(detect::Container::Workbook(kind)) = detect::container(&path) else { return };
            let fields = canon::import::modules::FIELDS;
            let Ok(sheet) = workbook::open(&path, kind, None, fields, &[]) else { return };
            let Ok(mapping) = sheet.mapping("w", fields, &[]) else { return };
            let mut r =
                ModuleReader::from_records(Box::new(sheet.records), &sheet.headers, mapping, &themes, Some("P"));
            while r.next_row().is_some() {}
            let _ = (r.header().warnings(Some(&r.tally().filled)), r.header().read_line());
        });
    });
}
