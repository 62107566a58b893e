//! The report's facets section: who and what the reading list includes.
//!
//! Two kinds of count, kept apart:
//!
//! - **Content facets** count *works*: the approved readings by language,
//!   translation, source kind, Global South content and open access. They
//!   describe the works, not people, so they are shown in full, with "not
//!   recorded" as a plain count and shares taken over the recorded values
//!   only.
//! - **Author facets** count *people*: the values authors gave for a facet
//!   (self-identified or published, each with a source), over first authors
//!   and, apart from them, over the other authors (each authorship once: a
//!   person who wrote three of the readings counts three times), and over
//!   works whose creators as a whole gave one. The columns never overlap, so
//!   no column can be subtracted from another. Any count of 1 to
//!   [`SUPPRESS_BELOW`] − 1 people is suppressed, and so is every other cell
//!   from which a suppressed one could be worked out (complementary
//!   suppression, see [`protect`]). "Not recorded" is a plain count unless it
//!   must hide a cell, and the totals are plain. Values are listed in
//!   alphabetical order, never by size, so a suppressed cell's place gives
//!   nothing away.
//! - Author facets are always counted over the **whole reading list**, never
//!   under a report's filter: a count over part of the list could be
//!   subtracted from the count over the whole (or over another part) and
//!   single someone out.
//!
//! The rule follows the common practice of official statistics for small
//! counts (primary suppression of cells under a threshold, then secondary
//! suppression so that no suppressed cell can be recovered from the
//! margins; e.g. the UK Office for National Statistics' guidance on
//! disclosure control of tables, and Hundepool et al., *Statistical
//! Disclosure Control*, Wiley 2012, ch. 4). Everything here is computed
//! before layout; the PDF, the CSV files, the JSON and the workbook all show
//! the same [`FacetSection`].

use std::collections::BTreeMap;

use serde::Serialize;

use super::pdf::{Align, Block, Column, Style, Table};
use crate::import::language;
use crate::store::readings::Reading;

/// Counts of people under this are suppressed.
pub const SUPPRESS_BELOW: usize = 5;

/// What the report shows in place of a suppressed count.
pub const SUPPRESSED: &str = "suppressed";

/// A facet recorded about a person, as the report needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacet {
    pub reading_id: i64,
    /// 1-based author position; `None` for the creators as a whole.
    pub author_position: Option<i64>,
    pub facet: String,
    pub value: String,
    /// `self-identified` or `published`.
    pub basis: String,
}

/// A count as the report shows it: a number, or suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(usize),
    Suppressed,
}

impl Shown {
    /// The cell as text: the number, or [`SUPPRESSED`].
    pub fn text(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::Suppressed => SUPPRESSED.into(),
        }
    }
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Count(n) => s.serialize_u64(*n as u64),
            Shown::Suppressed => s.serialize_str(SUPPRESSED),
        }
    }
}

/// One content facet of the approved readings.
#[derive(Debug, Clone, Serialize)]
pub struct ContentTable {
    /// "Language", "Source kind", …
    pub name: String,
    /// Recorded values with the number of readings and their share of the recorded ones.
    pub rows: Vec<ContentRow>,
    /// Readings with nothing recorded for this facet.
    pub not_recorded: usize,
    /// The approved readings counted.
    pub readings: usize,
    /// A sentence on how to read the table, when it needs one.
    pub note: Option<String>,
}

/// One value of a content facet.
#[derive(Debug, Clone, Serialize)]
pub struct ContentRow {
    pub value: String,
    pub readings: usize,
    /// Percent of the readings with the facet recorded (rounded).
    pub share: String,
}

/// One author facet (gender, ethnicity, …) over the authors of the approved readings.
#[derive(Debug, Clone, Serialize)]
pub struct AuthorTable {
    pub facet: String,
    /// Whom the columns count: "First authors", "All authors", and, when any
    /// such facet is recorded, "Works (creators as a whole)".
    pub columns: Vec<String>,
    /// Recorded values, alphabetically, with a count per column.
    pub rows: Vec<AuthorRow>,
    /// Per column: how many have nothing recorded for this facet (a plain count).
    pub not_recorded: Vec<Shown>,
    /// Per column: how many there are in all.
    pub totals: Vec<usize>,
    /// Authorships recorded by basis: (self-identified, published), protected like the rows.
    pub basis: Vec<(String, Shown)>,
    /// `true` when too few people are recorded for any count to be shown
    /// without singling someone out: the table then lists no values.
    pub withheld: bool,
    /// Why the values are withheld (a sentence), when they are.
    pub withheld_reason: Option<String>,
    /// Per column: how many have this facet recorded (shown when the values are withheld).
    pub recorded: Vec<usize>,
    /// `true` when facets about works' creators as a whole were recorded but
    /// are too few to show without singling a group out.
    pub works_left_out: bool,
}

/// One value of an author facet.
#[derive(Debug, Clone, Serialize)]
pub struct AuthorRow {
    pub value: String,
    pub cells: Vec<Shown>,
}

/// The report's filters as the facets section needs them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FacetScope {
    /// The theme filter as the report names it ("theme Racism"), when there is one: content
    /// facets count only the readings tagged with it.
    pub theme: Option<String>,
    /// Programme, year and module filters as the report names them: they do not narrow the
    /// reading list, so no facet count changes with them.
    pub other: Option<String>,
}

/// The whole section, as every output shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FacetSection {
    pub readings: usize,
    pub content: Vec<ContentTable>,
    /// `None` when the report leaves author facets out (`--no-author-facets`).
    pub authors: Option<Vec<AuthorTable>>,
    /// The approved readings of the whole list, over which author facets are counted.
    pub author_readings: usize,
    /// The report's filters, and what they do to this section.
    pub scope: FacetScope,
    /// Readings with a "whose experience, told by whom" note.
    pub perspectives: usize,
}

fn share(n: usize, of: usize) -> String {
    if of == 0 { "–".into() } else { format!("{:.0}%", 100.0 * n as f64 / of as f64) }
}

fn content_table(name: &str, readings: &[&Reading], values: &dyn Fn(&Reading) -> Vec<String>) -> ContentTable {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut not_recorded = 0;
    let mut recorded = 0;
    for r in readings {
        let vs = values(r);
        if vs.is_empty() {
            not_recorded += 1;
            continue;
        }
        recorded += 1;
        for v in vs {
            *counts.entry(v).or_default() += 1;
        }
    }
    let mut rows: Vec<ContentRow> =
        counts.into_iter().map(|(value, n)| ContentRow { share: share(n, recorded), value, readings: n }).collect();
    rows.sort_by(|a, b| b.readings.cmp(&a.readings).then_with(|| a.value.cmp(&b.value)));
    ContentTable { name: name.into(), rows, not_recorded, readings: readings.len(), note: None }
}

fn yes_no(b: Option<bool>) -> Vec<String> {
    b.map(|b| vec![if b { "yes" } else { "no" }.to_string()]).unwrap_or_default()
}

/// The content facets of the approved readings.
pub fn content(readings: &[&Reading]) -> Vec<ContentTable> {
    // `und`, `zxx`, `mul` and `mis` name no language: never counted as one.
    let mut lang = content_table("Language", readings, &|r| {
        r.language
            .as_deref()
            .map(|l| language::split(l).filter(|c| language::is_language(c)).map(language::name).collect())
            .unwrap_or_default()
    });
    let mut notes = Vec::new();
    if lang.rows.iter().map(|r| r.readings).sum::<usize>() > readings.len() - lang.not_recorded {
        notes.push("A work in more than one language counts under each, so shares add up to more than 100%.");
    }
    let special = readings
        .iter()
        .filter(|r| r.language.as_deref().is_some_and(|l| language::split(l).all(|c| !language::is_language(c))))
        .count();
    let special_note = format!(
        "{special} {} a code that names no one language (und, zxx, mul or mis) and {} counted as not recorded.",
        if special == 1 { "reading has" } else { "readings have" },
        if special == 1 { "is" } else { "are" }
    );
    if special > 0 {
        notes.push(&special_note);
    }
    if !notes.is_empty() {
        lang.note = Some(notes.join(" "));
    }
    let translation = content_table("Translation", readings, &|r| match (r.translated, &r.original_language) {
        (_, Some(o)) if language::split(o).any(language::is_language) => vec![format!(
            "translated from {}",
            language::split(o)
                .filter(|c| language::is_language(c))
                .map(language::name)
                .collect::<Vec<_>>()
                .join(" and ")
        )],
        (Some(true), _) => vec!["translated (original language not recorded)".into()],
        (Some(false), _) => vec!["not a translation".into()],
        (None, _) => vec![],
    });
    vec![
        lang,
        translation,
        content_table("Source kind", readings, &|r| r.source_kind.clone().into_iter().collect()),
        content_table("Global South content", readings, &|r| yes_no(r.global_south)),
        content_table("Open access", readings, &|r| yes_no(r.open_access)),
    ]
}

/// A value as people write it, folded for counting: case and spacing ignored.
fn fold(v: &str) -> String {
    v.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The first author column's heading.
pub const FIRST: &str = "First authors";
/// The heading of the column of authors after the first (each authorship once).
pub const OTHER: &str = "Other authors";

/// The raw counts of one author facet, before protection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    pub facet: String,
    pub columns: Vec<String>,
    /// (value, count per column), alphabetically by value.
    pub rows: Vec<(String, Vec<usize>)>,
    pub not_recorded: Vec<usize>,
    pub totals: Vec<usize>,
    /// Authorships recorded, by basis: self-identified, published (their sum
    /// is the first and other authors' totals less their "not recorded").
    pub basis: [usize; 2],
}

/// The author facets of `readings` (the approved readings of the whole list), counted: one table per
/// facet name, with columns first authors, other authors (disjoint) and, when any was recorded, works.
pub fn raw_author_tables(readings: &[&Reading], people: &[PersonFacet]) -> Vec<RawTable> {
    let ids: BTreeMap<i64, &Reading> = readings.iter().map(|r| (r.id, *r)).collect();
    let first_total = readings.iter().filter(|r| !r.authors.is_empty()).count();
    let all_total: usize = readings.iter().map(|r| r.authors.len()).sum();
    let mut names: Vec<String> = people.iter().map(|p| p.facet.clone()).collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        // Only facets about people the counted readings list (a stale position counts nowhere).
        let mine: Vec<&PersonFacet> = people
            .iter()
            .filter(|p| p.facet == name)
            .filter(|p| {
                ids.get(&p.reading_id).is_some_and(|r| match p.author_position {
                    Some(n) => n >= 1 && (n as usize) <= r.authors.len(),
                    None => true,
                })
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let works = mine.iter().any(|p| p.author_position.is_none());
        let mut columns = vec![FIRST.to_string(), OTHER.to_string()];
        let mut totals = vec![first_total, all_total - first_total];
        if works {
            columns.push("Works (creators as a whole)".into());
            totals.push(readings.len());
        }
        // Each value's written forms, to show the one most people used.
        let mut forms: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let mut counts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut basis = [0, 0];
        for p in &mine {
            let key = fold(&p.value);
            *forms.entry(key.clone()).or_default().entry(p.value.clone()).or_default() += 1;
            let c = counts.entry(key).or_insert_with(|| vec![0; columns.len()]);
            match p.author_position {
                Some(1) => c[0] += 1,
                Some(_) => c[1] += 1,
                None => c[2] += 1,
            }
            if p.author_position.is_some() {
                basis[usize::from(p.basis != "self-identified")] += 1;
            }
        }
        let mut recorded = vec![0; columns.len()];
        for c in counts.values() {
            for (i, n) in c.iter().enumerate() {
                recorded[i] += n;
            }
        }
        let mut rows: Vec<(String, Vec<usize>)> = counts
            .into_iter()
            .map(|(key, c)| {
                let label = forms[&key]
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map_or(key.clone(), |(f, _)| f.clone());
                (label, c)
            })
            .collect();
        rows.sort_by(|a, b| fold(&a.0).cmp(&fold(&b.0)).then_with(|| a.0.cmp(&b.0)));
        let not_recorded = totals.iter().zip(&recorded).map(|(t, r)| t.saturating_sub(*r)).collect();
        out.push(RawTable { facet: name, columns, rows, not_recorded, totals, basis });
    }
    out
}

/// Which cells of an author table to suppress. `cells[row][column]` are
/// counts of people; each column sums, with its `not_recorded` cell, to a
/// total the report shows. Columns 0 and 1, when `paired`, are first authors
/// and all authors: every first author is also counted among all authors.
/// Returns the suppressed value cells and, per column, whether its "not
/// recorded" cell is suppressed too.
///
/// What a reader can work out is what the rules must defeat: a column's
/// suppressed cells add up to its total less the cells shown; a listed value
/// was given by someone, so a suppressed cell in a row whose other cells
/// show 0 is at least 1; a first-author count is at most the all-author
/// count beside it. So, until nothing changes:
///
/// 1. every count from 1 to [`SUPPRESS_BELOW`] − 1 is suppressed (primary);
/// 2. in a column with suppressed cells, more are suppressed (the smallest
///    non-zero value cell first, then the column's "not recorded" if it is
///    not zero, then a zero cell) until there are at least two, they add up
///    to at least [`SUPPRESS_BELOW`], and they add up to at least one more
///    than the least a reader knows they hold; a column that cannot get
///    there is suppressed whole;
/// 3. a first-author cell and the all-author cell beside it are suppressed
///    together (unless the first-author count is 0), and so are the two
///    "not recorded" cells.
pub fn protect(
    cells: &[Vec<usize>],
    not_recorded: &[usize],
    columns: usize,
    paired: bool,
) -> (Vec<Vec<bool>>, Vec<bool>) {
    let rows = cells.len();
    let value = |r: usize, c: usize| cells[r].get(c).copied().unwrap_or(0);
    let mut mask: Vec<Vec<bool>> =
        (0..rows).map(|r| (0..columns).map(|c| (1..SUPPRESS_BELOW).contains(&value(r, c))).collect()).collect();
    let mut nr = vec![false; columns];
    loop {
        let before = (mask.clone(), nr.clone());
        for c in 0..columns {
            column_rule(cells, not_recorded, &mut mask, &mut nr, c, paired);
        }
        if paired && columns >= 2 {
            for (r, m) in mask.iter_mut().enumerate() {
                if m[0] || (m[1] && value(r, 0) > 0) {
                    m[0] = true;
                    m[1] = true;
                }
            }
            if nr[0] || (nr[1] && not_recorded.first().is_some_and(|n| *n > 0)) {
                nr[0] = true;
                nr[1] = true;
            }
        }
        if (mask.clone(), nr.clone()) == before {
            return (mask, nr);
        }
    }
}

/// The least a reader knows suppressed cell (`r`, `c`) holds: 1 when the
/// other cells of its row all show 0 (the value was given by someone); the
/// first-author count beside an all-author cell, when that one is shown.
fn lower_bound(cells: &[Vec<usize>], mask: &[Vec<bool>], r: usize, c: usize, paired: bool) -> usize {
    let shown_zero = |k: usize| !mask[r][k] && cells[r].get(k).copied().unwrap_or(0) == 0;
    let mut lb = usize::from((0..mask[r].len()).filter(|k| *k != c).all(shown_zero));
    if paired && c == 1 && !mask[r][0] {
        lb = lb.max(cells[r][0]);
    }
    lb
}

/// The least a reader knows the suppressed cells of column `c` hold
/// together: the value cells `s`, and its "not recorded" when `nr[c]`. For
/// all authors, the cells beside suppressed first-author cells (and the
/// "not recorded" beside a suppressed one) hold at least what those hold
/// together, since every first author is an author; that total is taken as
/// a reader might narrow it at best, and a shown first-author cell is a
/// floor for the cell beside it.
fn least(
    cells: &[Vec<usize>],
    not_recorded: &[usize],
    mask: &[Vec<bool>],
    nr: &[bool],
    s: &[usize],
    c: usize,
    paired: bool,
) -> usize {
    let lb = |r: &usize| lower_bound(cells, mask, *r, c, paired);
    if !(paired && c == 1) {
        return s.iter().map(lb).sum();
    }
    let (beside, alone): (Vec<usize>, Vec<usize>) = s.iter().partition(|r| mask[**r][0]);
    let nr_first = not_recorded.first().copied().unwrap_or(0);
    let (mut floor_alone, mut firsts) =
        (alone.iter().map(lb).sum::<usize>(), beside.iter().map(|r| cells[*r][0]).sum());
    if nr[1] {
        if nr[0] {
            firsts += nr_first;
        } else {
            floor_alone += nr_first;
        }
    }
    floor_alone + beside.iter().map(lb).sum::<usize>().max(firsts)
}

/// Rule 2 of [`protect`] for column `c`.
fn column_rule(
    cells: &[Vec<usize>],
    not_recorded: &[usize],
    mask: &mut [Vec<bool>],
    nr: &mut [bool],
    c: usize,
    paired: bool,
) {
    let rows = cells.len();
    let value = |r: usize| cells[r].get(c).copied().unwrap_or(0);
    let nr_value = not_recorded.get(c).copied().unwrap_or(0);
    loop {
        let s: Vec<usize> = (0..rows).filter(|r| mask[*r][c]).collect();
        if s.is_empty() && !nr[c] {
            return;
        }
        let k = s.len() + usize::from(nr[c]);
        let sum: usize = s.iter().map(|r| value(*r)).sum::<usize>() + if nr[c] { nr_value } else { 0 };
        let least = least(cells, not_recorded, mask, nr, &s, c, paired);
        if k >= 2 && sum >= SUPPRESS_BELOW && sum > least {
            return;
        }
        if let Some(r) = (0..rows).filter(|r| !mask[*r][c] && value(*r) > 0).min_by_key(|r| (value(*r), *r)) {
            mask[r][c] = true;
        } else if !nr[c] && nr_value > 0 {
            nr[c] = true;
        } else if let Some(r) = (0..rows).find(|r| !mask[*r][c]) {
            mask[r][c] = true;
        } else {
            // Everything in the column is suppressed already (it cannot do better).
            nr[c] = true;
            return;
        }
    }
}

/// One raw table made safe to show (see [`protect`]). When fewer than
/// [`SUPPRESS_BELOW`] authorships are recorded in it, or protection would
/// have to hide a whole author column, no value is listed at all: the
/// values' names, with the totals, would be enough to work the counts out.
/// A works column (creators as a whole) that cannot be protected is left
/// out, with the values only it had, and the table says so.
pub fn author_table(t: &RawTable) -> AuthorTable {
    let cells: Vec<Vec<usize>> = t.rows.iter().map(|(_, c)| c.clone()).collect();
    // The columns are disjoint (first authors, other authors, works): no pairing between them.
    let (mask, fallback) = protect(&cells, &t.not_recorded, t.columns.len(), false);
    let whole = |c: usize| fallback[c] && mask.iter().all(|m| m[c]);
    if t.columns.len() > 2 && whole(2) {
        let mut fewer = t.clone();
        fewer.columns.truncate(2);
        fewer.totals.truncate(2);
        fewer.not_recorded.truncate(2);
        fewer.rows =
            t.rows.iter().filter(|(_, c)| c[0] + c[1] > 0).map(|(v, c)| (v.clone(), c[..2].to_vec())).collect();
        let mut out = author_table(&fewer);
        out.works_left_out = true;
        return out;
    }
    let recorded: Vec<usize> = t.totals.iter().zip(&t.not_recorded).map(|(n, nr)| n.saturating_sub(*nr)).collect();
    let records: usize = t.rows.iter().map(|(_, c)| c[0] + c[1]).sum();
    // No author has the facet (only works' creators, left out above): nothing to hide.
    let nobody = records == 0;
    let withheld_reason = if nobody {
        None
    } else if records < SUPPRESS_BELOW {
        Some(format!(
            "values withheld: {records} {} recorded, fewer than {SUPPRESS_BELOW}",
            if records == 1 { "authorship" } else { "authorships" }
        ))
    } else if whole(0) || whole(1) {
        Some(format!(
            "values withheld: {records} authorships recorded, but a column's small counts could not be hidden \
             without hiding the whole column"
        ))
    } else {
        None
    };
    let withheld = withheld_reason.is_some();
    let shown = |n: usize, s: bool| if s || withheld { Shown::Suppressed } else { Shown::Count(n) };
    let rows = if withheld {
        Vec::new()
    } else {
        t.rows
            .iter()
            .zip(&mask)
            .map(|((value, c), m)| AuthorRow {
                value: value.clone(),
                cells: c.iter().zip(m).map(|(n, s)| shown(*n, *s)).collect(),
            })
            .collect()
    };
    // With no value listed, "not recorded" gives away no group: it stays a plain count.
    let not_recorded = t
        .not_recorded
        .iter()
        .zip(&fallback)
        .map(|(n, s)| if withheld || !*s { Shown::Count(*n) } else { Shown::Suppressed })
        .collect();
    // The records by basis: a line of two cells whose sum is known.
    let basis_cells = vec![vec![t.basis[0]], vec![t.basis[1]]];
    let (mut bmask, _) = protect(&basis_cells, &[0], 1, false);
    // Their sum is the first and other authors' recorded counts: were "not recorded" hidden in
    // either, the sum would give it away.
    if !withheld && fallback.iter().take(2).any(|f| *f) {
        bmask = vec![vec![true], vec![true]];
    }
    let basis = ["self-identified", "published"]
        .iter()
        .zip(t.basis.iter().zip(&bmask))
        .map(|(name, (n, m))| (name.to_string(), shown(*n, m[0])))
        .collect();
    AuthorTable {
        facet: t.facet.clone(),
        columns: t.columns.clone(),
        rows,
        not_recorded,
        totals: t.totals.clone(),
        basis,
        withheld,
        withheld_reason,
        recorded,
        works_left_out: false,
    }
}

/// The facets section of a report: content facets over the approved `readings` in the report's
/// scope, author facets over `whole` (the approved readings of the whole list, whatever the
/// filter; see the module notes); `people` is `None` when author facets are left out.
pub fn section(
    readings: &[&Reading],
    whole: &[&Reading],
    people: Option<&[PersonFacet]>,
    scope: FacetScope,
) -> FacetSection {
    FacetSection {
        readings: readings.len(),
        content: content(readings),
        authors: people.map(|p| raw_author_tables(whole, p).iter().map(author_table).collect()),
        author_readings: whole.len(),
        scope,
        perspectives: readings.iter().filter(|r| r.perspective.is_some()).count(),
    }
}

impl FacetSection {
    /// The section as flat rows for CSV and workbooks: facet, over, value,
    /// count (a number or "suppressed"), share or detail.
    pub fn rows(&self) -> Vec<[String; 5]> {
        let mut out = Vec::new();
        for t in &self.content {
            for r in &t.rows {
                out.push([
                    t.name.clone(),
                    "approved readings".into(),
                    r.value.clone(),
                    r.readings.to_string(),
                    r.share.clone(),
                ]);
            }
            out.push([
                t.name.clone(),
                "approved readings".into(),
                "not recorded".into(),
                t.not_recorded.to_string(),
                String::new(),
            ]);
        }
        for t in self.authors.iter().flatten() {
            for (i, col) in t.columns.iter().enumerate() {
                let over = col.to_lowercase();
                if let Some(why) = &t.withheld_reason {
                    out.push([
                        t.facet.clone(),
                        over.clone(),
                        "recorded".into(),
                        t.recorded[i].to_string(),
                        why.clone(),
                    ]);
                }
                for r in &t.rows {
                    out.push([t.facet.clone(), over.clone(), r.value.clone(), r.cells[i].text(), String::new()]);
                }
                out.push([
                    t.facet.clone(),
                    over.clone(),
                    "not recorded".into(),
                    t.not_recorded[i].text(),
                    String::new(),
                ]);
                out.push([t.facet.clone(), over.clone(), "total".into(), t.totals[i].to_string(), String::new()]);
            }
            for (b, n) in &t.basis {
                out.push([t.facet.clone(), "records by basis".into(), b.clone(), n.text(), String::new()]);
            }
            if t.works_left_out {
                out.push([
                    t.facet.clone(),
                    "works (creators as a whole)".into(),
                    "left out".into(),
                    String::new(),
                    WORKS_LEFT_OUT.into(),
                ]);
            }
        }
        out
    }
}

/// The section as one flat table (the `facets` file of a CSV folder, a
/// sheet of the workbook): facet, over, value, count (a number or
/// "suppressed"), share of recorded.
pub fn listing(f: &FacetSection) -> super::Listing {
    let mut l = super::Listing::new(&["facet", "over", "value", "count", "share"]);
    l.rows = f.rows().into_iter().map(|r| r.to_vec()).collect();
    l
}

/// Said when a table's works column is dropped.
const WORKS_LEFT_OUT: &str = "Facets given by works' creators as a whole are too few to show and are left out.";

/// The section's opening paragraph: what is counted, over whom, the basis,
/// the suppression rule and that there are no quotas.
pub fn preamble(f: &FacetSection) -> Vec<String> {
    let over = match &f.scope.theme {
        Some(t) => format!("the {} approved readings in this report's scope ({t})", f.readings),
        None => format!("the {} approved readings", f.readings),
    };
    let mut out = vec![format!(
        "Facets of {over}. Content facets describe the works (their language, whether they are translations, the \
         kind of source, Global South content, open access) and count works, shown in full; \"not recorded\" is \
         a plain count and shares are taken over the recorded values only."
    )];
    if let Some(o) = &f.scope.other {
        out.push(format!(
            "The reading list is not divided by programme, year or module, so this report's filter ({o}) does not \
             change any count in this section."
        ));
    }
    match &f.authors {
        Some(_) => {
            let mut text = format!(
                "Author facets are recorded only as the person gave them: self-identified, or published by them, \
                 each with its source and who recorded it. canon never infers a facet from a name, a photograph or \
                 a country. They are always counted over the whole reading list ({} approved readings), never \
                 under a filter, so that no count over part of the list can be subtracted from another. They are \
                 counted over first authors and, apart from them, over the other authors (each authorship once: a \
                 person who wrote three of the readings counts three times), and over works whose creators as a \
                 whole gave one; no person is in two columns, so no column can be subtracted from another. A count \
                 of 1 to {} people is shown as \"{SUPPRESSED}\" (a 0 singles no one out and is shown), and so is \
                 any other count from which a suppressed one could be worked out, \"not recorded\" included; when \
                 too few are recorded to hide anyone, a table lists no values and gives only how many are \
                 recorded. Their values are listed alphabetically, never by size, so that a hidden count's place \
                 gives nothing away (the facets of works above are listed by size).",
                f.author_readings,
                SUPPRESS_BELOW - 1
            );
            if f.scope.theme.is_some() || f.scope.other.is_some() {
                text.push_str(" This report is filtered, but the author-facet tables below are not.");
            }
            out.push(text);
        }
        None => out.push("Facets about authors are left out of this edition of the report.".into()),
    }
    out.push(
        "There are no quotas: these counts show who and what the list includes, so that a group can decide what \
         to look for next; they are not targets."
            .into(),
    );
    out
}

/// The section as report blocks (after its level-1 heading).
/// "Global South content" → "global South content"; "Open access" → "open access".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn blocks(f: &FacetSection, b: &mut Vec<Block>) {
    for p in preamble(f) {
        b.push(Block::Paragraph { text: p, style: Style::Body });
    }
    b.push(Block::Heading { level: 2, text: "Content facets (works)".into() });
    // A facet recorded for no reading is said in one sentence, not drawn as a
    // table holding only its "not recorded" row.
    let (empty, recorded): (Vec<&ContentTable>, Vec<&ContentTable>) =
        f.content.iter().partition(|t| t.rows.is_empty() && t.note.is_none());
    if !empty.is_empty() {
        let names: Vec<String> = empty.iter().map(|t| lower_first(&t.name)).collect();
        b.push(Block::Paragraph {
            text: format!(
                "Not recorded for any of the {}: {}.",
                crate::analysis::glossary::count(f.readings, "approved reading", "approved readings"),
                crate::analysis::glossary::list(&names, "or")
            ),
            style: Style::Body,
        });
    }
    for t in recorded {
        b.push(Block::Heading { level: 3, text: t.name.clone() });
        let mut rows: Vec<Vec<String>> =
            t.rows.iter().map(|r| vec![r.value.clone(), r.readings.to_string(), r.share.clone()]).collect();
        rows.push(vec!["not recorded".into(), t.not_recorded.to_string(), String::new()]);
        b.push(Block::Table(Table {
            columns: vec![
                Column { header: t.name.clone(), weight: 4.0, align: Align::Left },
                Column { header: "Readings".into(), weight: 1.2, align: Align::Right },
                Column { header: "Share of recorded".into(), weight: 1.4, align: Align::Right },
            ],
            rows,
        }));
        if let Some(n) = &t.note {
            b.push(Block::Paragraph { text: n.clone(), style: Style::Muted });
        }
    }
    if f.perspectives > 0 {
        b.push(Block::Paragraph {
            text: format!(
                "Whose experience, told by whom: noted for {} of the {} readings, beside each reference in the \
                 reading list.",
                f.perspectives, f.readings
            ),
            style: Style::Body,
        });
    }
    let Some(authors) = &f.authors else { return };
    b.push(Block::Heading { level: 2, text: "Author facets (people)".into() });
    if authors.is_empty() {
        b.push(Block::Paragraph {
            text: "No facet about an author is recorded (the command canon facet add records one, with its basis and source)."
                .into(),
            style: Style::Muted,
        });
    }
    for t in authors {
        author_blocks(t, b);
    }
}

fn author_blocks(t: &AuthorTable, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 3, text: format!("Authors' {}", t.facet) });
    let mut columns = vec![Column { header: "Value as given".into(), weight: 3.0, align: Align::Left }];
    columns.extend(t.columns.iter().map(|c| Column { header: c.clone(), weight: 1.5, align: Align::Right }));
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let Some(why) = &t.withheld_reason {
        let mut row = vec![format!("recorded ({why})")];
        row.extend(t.recorded.iter().map(|n| n.to_string()));
        rows.push(row);
    }
    for r in &t.rows {
        let mut row = vec![r.value.clone()];
        row.extend(r.cells.iter().map(|c| c.text()));
        rows.push(row);
    }
    let mut nr = vec!["not recorded".to_string()];
    nr.extend(t.not_recorded.iter().map(|c| c.text()));
    rows.push(nr);
    let mut total = vec!["total".to_string()];
    total.extend(t.totals.iter().map(|n| n.to_string()));
    rows.push(total);
    b.push(Block::Table(Table { columns, rows }));
    let basis: Vec<String> = t.basis.iter().map(|(k, n)| format!("{k} {}", n.text())).collect();
    let mut text = format!("Authorships recorded, by basis: {}.", basis.join(", "));
    if t.works_left_out {
        text.push(' ');
        text.push_str(WORKS_LEFT_OUT);
    }
    b.push(Block::Paragraph { text, style: Style::Muted });
}

#[cfg(test)]
mod tests;
