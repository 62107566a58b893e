//! The committee report: the same computed structs laid out as a PDF
//! document or as flat CSV rows.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::pdf::{Align, Block, Column, Document, HeatMap, Style, Table};
use super::year;
use crate::analysis::coverage::{CellEvidence, Coverage};
use crate::analysis::findings::{Finding, id_ranges};
use crate::analysis::gaps::{Gap, GapKind, Severity, keywords_sentence};
use crate::analysis::glossary::{Term, count, list};
use crate::analysis::plan::ModuleReading;
use crate::store::readings::Reading;

/// Everything the report shows, computed before any layout.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    pub title: String,
    pub programmes: Vec<String>,
    pub scope: String,
    pub date: String,
    pub contributors: Vec<String>,
    /// (slug, name) of the themes in scope, in column order.
    pub themes: Vec<(String, String)>,
    /// (slug, name) of every theme of the database, in curriculum order, so
    /// that a theme outside a `--theme` scope (a session "tagged with
    /// Historical awareness") is still named, never shown by its slug.
    #[serde(skip)]
    pub all_themes: Vec<(String, String)>,
    pub coverage: Coverage,
    pub gaps: Vec<Gap>,
    /// How many readings are proposed per gap, and per module for the themes it teaches.
    pub candidates: usize,
    /// The gaps rolled up, most important first (by severity within the scope).
    pub findings: Vec<Finding>,
    /// Whether the report is on part of the curriculum (a programme, year,
    /// module or theme): its findings keep the whole report's numbers, and
    /// the summary says so.
    #[serde(skip)]
    pub scoped: bool,
    /// Per programme, where a scope on part of it applies, as the gaps'
    /// sentences say it ("MED2002 Respiratory System", "year 3 of MBChB
    /// Medicine"; [`crate::analysis::scope::Within::place`]); empty for a
    /// report on whole programmes. A programme-wide gap's "Theme and where"
    /// names this place, as its text does.
    #[serde(skip)]
    pub places: std::collections::HashMap<String, String>,
    /// The gap kinds' names, definitions and severity rules.
    pub glossary: Vec<Term>,
    /// What each module should read: linked and proposed readings.
    pub plan: Vec<ModuleReading>,
    /// The sessions behind each cell of the coverage, and who tagged them.
    pub evidence: Vec<CellEvidence>,
    /// Readings in scope (all statuses), in list order.
    pub readings: Vec<Reading>,
    /// The rejected readings in scope that the report does not list (without
    /// `--include-rejected`): counted in the table of review statuses, so its
    /// "Rejected" column is never a false 0 (tester r22, F2).
    #[serde(skip)]
    pub rejected_unlisted: Vec<Reading>,
    pub min_readings: usize,
    /// How references are formatted (a CSL style).
    pub style: super::cite::Style,
    /// What changed since an earlier audit round, if there is one.
    pub comparison: Option<crate::analysis::snapshot::Comparison>,
    /// Facets recorded about the readings' authors; `None` when the report
    /// leaves them out (`--no-author-facets`).
    #[serde(skip)]
    pub people: Option<Vec<super::facets::PersonFacet>>,
    /// The approved readings of the whole list, whatever the filter: author facets are counted
    /// over these only (issue 16b).
    #[serde(skip)]
    pub author_readings: Vec<Reading>,
    /// The report's filters as the facets section states them.
    #[serde(skip)]
    pub facet_scope: super::facets::FacetScope,
    /// How each approved or rejected reading came to its status (by reading
    /// ID): a review, or the status it was imported or added with, which no
    /// one has reviewed since (see [`crate::store::readings::decision`]).
    #[serde(skip)]
    pub decisions: std::collections::HashMap<i64, crate::store::readings::Decision>,
    /// Every reading's reference, made once for the whole document when
    /// first asked for ([`ReportData::references`]); start it empty.
    #[serde(skip)]
    pub references: std::sync::OnceLock<super::cite::References>,
    /// Each reading's year with its letter, by ID, made from the references
    /// when first asked for ([`ReportData::year_labels`]); start it empty.
    #[serde(skip)]
    pub year_labels: std::sync::OnceLock<std::collections::HashMap<i64, String>>,
}

/// The year-suffix letter after `year` in the reference `text` ("… (1998b).
/// …" → 'b', "[950a?]" → 'a'): the year's digits standing alone (no digit on
/// either side), then one small letter that no other letter follows. `None`
/// when the reference prints the year without a letter.
fn year_letter_in(text: &str, year: i64) -> Option<char> {
    let y = year.to_string();
    let b = text.as_bytes();
    text.match_indices(&y).find_map(|(at, _)| {
        let before_ok = at == 0 || !b[at - 1].is_ascii_digit();
        let mut after = text[at + y.len()..].chars();
        let letter = after.next().filter(char::is_ascii_lowercase)?;
        let alone = !after.next().is_some_and(char::is_alphanumeric);
        (before_ok && alone).then_some(letter)
    })
}

/// Counts of people under this are suppressed in every output (see [`super::facets`]).
pub use super::facets::SUPPRESS_BELOW;

impl ReportData {
    /// Whether reading `r` is approved without a review: approved on import
    /// (or when added), or by a way no review records (a merge, an undo).
    pub fn approved_unreviewed(&self, r: &Reading) -> bool {
        r.status == "approved" && self.decisions.get(&r.id).is_none_or(|d| d.how != "review")
    }

    /// How reading `r` came to its status, for JSON: by, when, how
    /// ("review" | "import" | "added"); `null` while suggested or when no
    /// record says.
    pub fn review_json(&self, r: &Reading) -> serde_json::Value {
        match self.decisions.get(&r.id) {
            Some(d) => serde_json::json!({"by": d.by, "when": d.at, "how": d.how, "note": d.note}),
            None => serde_json::Value::Null,
        }
    }

    /// The CSV `review` cell: "review", "import", "added" or empty.
    pub fn review_cell(&self, r: &Reading) -> String {
        self.decisions.get(&r.id).map(|d| d.how.to_string()).unwrap_or_default()
    }

    /// A theme's name from its slug: the themes in scope, then every theme
    /// of the database; the slug only for a theme the database does not hold.
    pub fn theme_name(&self, slug: &str) -> String {
        self.themes
            .iter()
            .chain(&self.all_themes)
            .find(|(s, _)| s == slug)
            .map_or_else(|| slug.to_string(), |(_, n)| n.clone())
    }

    /// The facets section over the approved readings, as every output shows it.
    pub fn facet_section(&self) -> super::facets::FacetSection {
        super::facets::section(
            &self.approved().collect::<Vec<_>>(),
            &self.author_readings.iter().collect::<Vec<_>>(),
            self.people.as_deref(),
            self.facet_scope.clone(),
        )
    }

    fn approved(&self) -> impl Iterator<Item = &Reading> {
        self.readings.iter().filter(|r| r.status == "approved")
    }

    /// The references of the whole report ([`super::cite::References`]):
    /// every reading in scope (approved on any theme or none, awaiting
    /// review, rejected when listed) rendered once in the report's style,
    /// so each work has one reference and one year letter ("1998a") in every
    /// list and every format. Made on first use and kept.
    ///
    /// The readings are given to the style in the order the PDF's reading
    /// list first prints them ([`document_references`]), so a numbered style
    /// (Vancouver) numbers each work once, in the order a reader meets it:
    /// the same number in every list and format (tester r114 F3).
    pub fn references(&self) -> &super::cite::References {
        self.references.get_or_init(|| document_references(&self.style, &self.themes, &self.readings))
    }

    /// Each reading's year as the report's references label it, by reading
    /// ID: the year with the year-suffix letter its reference carries
    /// ("1998b" where the reading list prints "Galen (1998b)"), so a table
    /// that names a reading by title and year names it as the reading list
    /// does; "ca. 1998" for an approximate year; for a reading without a
    /// year its status ("in press") or "n.d." (a table showed "()").
    pub fn year_labels(&self) -> &std::collections::HashMap<i64, String> {
        self.year_labels.get_or_init(|| {
            let refs = self.references();
            let terms = self.style.undated_terms();
            self.readings
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let label = match r.year {
                        // A work in press with its year: both, with the
                        // letter its reference gives the state ("2025, in
                        // press-a"; tester r62 F1).
                        Some(y) if crate::import::is_not_yet_published(r.year_note.as_deref()) => {
                            let note = r.year_note.as_deref().unwrap_or_default().trim();
                            let undated = Reading { year: None, ..r.clone() };
                            let label = refs
                                .text(i)
                                .and_then(|t| super::cite::undated_label_in(&t.text, &undated, &terms))
                                .unwrap_or_else(|| note.to_string());
                            format!("{y}, {label}")
                        }
                        Some(y) => {
                            let letter = refs.text(i).and_then(|t| year_letter_in(&t.text, y));
                            let circa = if r.date_approximate { "ca. " } else { "" };
                            format!("{circa}{y}{}", letter.map(String::from).unwrap_or_default())
                        }
                        // Undated: its status ("in press"), else "n.d.", in the
                        // words its reference prints them ("im Druck" in a
                        // German style, Harvard's "no date"), with the letter
                        // it carries ("n.d.-a").
                        None => {
                            let note = r.year_note.as_deref().map(str::trim).filter(|n| !n.is_empty());
                            refs.text(i)
                                .and_then(|t| super::cite::undated_label_in(&t.text, r, &terms))
                                .unwrap_or_else(|| note.unwrap_or("n.d.").to_string())
                        }
                    };
                    (r.id, label)
                })
                .collect()
        })
    }

    /// The year of reading `id` (`year`) as the report's references label it
    /// ([`ReportData::year_labels`]): "1998b", else the year, else "".
    pub fn year_label(&self, id: Option<i64>, year: Option<i64>) -> String {
        id.and_then(|id| self.year_labels().get(&id).cloned()).unwrap_or_else(|| super::year(year))
    }

    /// The readings at `positions` in [`ReportData::readings`].
    fn at(&self, positions: &[usize]) -> Vec<&Reading> {
        positions.iter().filter_map(|&i| self.readings.get(i)).collect()
    }

    /// The positions in [`ReportData::readings`] of the readings `keep` holds, in list order.
    fn positions(&self, keep: impl Fn(&Reading) -> bool) -> Vec<usize> {
        self.readings.iter().enumerate().filter(|(_, r)| keep(r)).map(|(i, _)| i).collect()
    }
}

fn pct(n: i64, of: i64) -> String {
    if of == 0 { "–".into() } else { format!("{:.0}%", 100.0 * n as f64 / of as f64) }
}

/// Annotations longer than this are cut in the PDF (the CSV and JSON keep them whole).
const ANNOTATION_MAX: usize = 1_500;

/// How a warning about a reading's reference names it: its ID and title.
fn reading_name(r: &Reading) -> String {
    let whole = plain(&r.title);
    let title: String = whole.chars().take(60).collect();
    let more = if title.len() < whole.len() { "…" } else { "" };
    format!("reading {} (\"{title}{more}\")", r.id)
}

fn note_line(r: &Reading) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(a) = &r.annotation {
        if a.chars().count() > ANNOTATION_MAX {
            parts.push(format!("{}…", a.chars().take(ANNOTATION_MAX).collect::<String>()));
        } else {
            parts.push(a.clone());
        }
    }
    let mut facts = vec![r.kind.clone()];
    if let Some(k) = r.source_kind.as_ref().filter(|k| **k != r.kind) {
        facts.push(k.clone());
    }
    if let Some(p) = &r.perspective {
        facts.push(format!("whose experience: {p}"));
    }
    if let Some(c) = &r.credit {
        facts.push(format!("credit: {c}"));
    }
    if let Some(l) = &r.licence {
        facts.push(l.clone());
    }
    parts.push(facts.join(" · "));
    Some(parts.join(" — "))
}

const CONTENTS: &str = "Contents";

/// The level-1 sections, in order, as the contents table lists them.
const SECTIONS: &[&str] = &[
    "Summary",
    "Since the last audit round",
    "Coverage",
    "Gaps",
    "What each module should read",
    "Reading list",
    "Who and what the list includes",
    "Methods and caveats",
    EVIDENCE,
];

/// The appendix with the sessions behind each cell of the heat-map.
const EVIDENCE: &str = "Appendix: the sessions behind the coverage";

/// How many findings the summary leads with.
pub const KEY_FINDINGS: usize = 5;

/// What the contents table shows until the layout knows the pages.
pub const PAGE_PLACEHOLDER: &str = "…";

/// The page of each section in the contents table, from the outline
/// ((level-1 heading, page) pairs) of the laid-out report.
pub fn contents_pages(outline: &[(String, usize)]) -> Vec<String> {
    SECTIONS
        .iter()
        .filter(|s| outline.iter().any(|(h, _)| h == *s))
        .map(|s| outline.iter().find(|(h, _)| h == s).map_or_else(|| "–".to_string(), |(_, p)| p.to_string()))
        .collect()
}

/// The key figures of the summary: (label, value), the same for PDF, CSV and JSON.
pub fn figures(d: &ReportData) -> Vec<(String, String)> {
    let cov = &d.coverage;
    let tagged: i64 = cov.rows.iter().map(|r| r.tagged_items).sum();
    let sev = |s: Severity| d.findings.iter().filter(|f| f.severity == s).count().to_string();
    vec![
        ("modules".into(), cov.rows.len().to_string()),
        ("sessions".into(), cov.items.to_string()),
        ("sessions tagged".into(), pct(tagged, cov.items)),
        ("approved readings".into(), d.approved().count().to_string()),
        ("findings: high".into(), sev(Severity::High)),
        ("findings: medium".into(), sev(Severity::Medium)),
        ("findings: low".into(), sev(Severity::Low)),
        ("readings awaiting review".into(), d.readings.iter().filter(|r| r.status == "suggested").count().to_string()),
    ]
}

/// A figure's label in the number of its value: "1 module", "2 modules"
/// (the CSV and JSON keep the label as a fixed measure name).
fn in_number(label: &str, value: &str) -> String {
    if value != "1" {
        return label.to_string();
    }
    let (first, rest) = label.split_once([' ', ':']).map_or((label, ""), |(f, _)| (f, &label[f.len()..]));
    let one = match first {
        "modules" => "module",
        "sessions" => "session",
        "findings" => "finding",
        "readings" => "reading",
        "approved" if rest.starts_with(" readings") => {
            return format!("approved reading{}", &rest[" readings".len()..]);
        }
        other => other,
    };
    format!("{one}{rest}")
}

/// In a report on part of the curriculum (`d.scoped`), the sentence that
/// says how its findings are numbered and ordered: findings and gaps keep the
/// numbers they have over the whole database, so that one number names one
/// finding in every report (the web pages, `canon gaps` and other scopes cite
/// them), while the order is by severity within the scope, so the numbers may
/// run F1, F2, F4, F3. `None` for the whole curriculum, whose findings are
/// F1, F2, … in order.
pub fn stable_numbers(d: &ReportData) -> Option<String> {
    let gapped = d.findings.iter().enumerate().any(|(i, f)| f.id != format!("F{}", i + 1));
    (d.scoped || gapped).then(|| {
        let ids: Vec<&str> = d.findings.iter().take(3).map(|f| f.id.as_str()).collect();
        let mut ascending: Vec<usize> =
            d.findings.iter().filter_map(|f| f.id.trim_start_matches('F').parse().ok()).collect();
        let sorted = ascending.windows(2).all(|w| w[0] < w[1]);
        ascending.sort_unstable();
        let complete = ascending.iter().enumerate().all(|(i, n)| *n == i + 1);
        format!(
            "Findings and gaps keep the numbers they have in the report on the whole curriculum (here {}{}), so \
             that a number names the same finding in every report{}{}",
            ids.join(", "),
            if d.findings.len() > 3 { ", \u{2026}" } else { "" },
            if complete { "" } else { "; the numbers not shown belong to findings outside this scope" },
            if sorted {
                ".".to_string()
            } else {
                "; they are ordered by their severity within this scope, so a finding that is only low here follows \
                 the medium ones whatever its number."
                    .to_string()
            }
        )
    })
}

/// One sentence per key finding: severity, the finding, where, what next, and the gaps behind it.
pub fn key_findings(d: &ReportData) -> Vec<String> {
    d.findings
        .iter()
        .take(KEY_FINDINGS)
        .map(|f| {
            format!(
                "{} \u{2014} {} severity. {} Next: {} (Behind it: {}.)",
                f.id,
                f.severity.word(),
                f.headline,
                f.next_step,
                short_ranges(&f.gaps)
            )
        })
        .collect()
}

/// Gap IDs for a sentence: at most four runs, then how many more.
fn short_ranges(ids: &[String]) -> String {
    let all = id_ranges(ids);
    let parts: Vec<&str> = all.split(", ").collect();
    if parts.len() <= 4 {
        return format!("{} {all}", if ids.len() == 1 { "gap" } else { "gaps" });
    }
    let count = |p: &str| {
        let mut n = p.split('\u{2013}').filter_map(|x| x.trim_start_matches('G').parse::<usize>().ok());
        match (n.next(), n.next()) {
            (Some(a), Some(b)) => b - a + 1,
            _ => 1,
        }
    };
    let shown: usize = parts[..4].iter().map(|p| count(p)).sum();
    format!("{} gaps, {} and {} more", ids.len(), parts[..4].join(", "), ids.len() - shown)
}

/// The report as a PDF document.
pub fn document(d: &ReportData) -> Document {
    let mut b = Vec::new();
    title_page(d, &mut b);
    summary(d, &mut b);
    since_last_round(d, &mut b);
    coverage_map(d, &mut b);
    gaps_section(d, &mut b);
    module_reading(d, &mut b);
    reading_list(d, &mut b);
    content_facets(d, &mut b);
    methods(d, &mut b);
    evidence_appendix(d, &mut b);
    Document { title: d.title.clone(), date: d.date.clone(), blocks: b }
}

fn title_page(d: &ReportData, b: &mut Vec<Block>) {
    let mut lines = vec![format!("Scope: {}", d.scope), format!("Date: {}", d.date)];
    if !d.contributors.is_empty() {
        lines.push(format!("Contributors: {}", d.contributors.join(", ")));
    }
    lines.push("Prepared with canon, an open tool for curriculum audits".into());
    b.push(Block::TitlePage {
        title: d.title.clone(),
        subtitle: if d.programmes.is_empty() { "Curriculum audit".into() } else { d.programmes.join(" · ") },
        lines,
    });
}

fn summary(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: "Summary".into() });
    b.push(Block::KeyFigures(
        figures(d).into_iter().map(|(label, value)| (in_number(&label, &value), value)).collect(),
    ));
    // The placeholders become real page numbers as the PDF is rendered.
    b.push(Block::Heading { level: 2, text: CONTENTS.into() });
    b.push(Block::Table(Table {
        columns: vec![
            Column { header: "Section".into(), weight: 6.0, align: Align::Left },
            Column { header: "Page".into(), weight: 1.0, align: Align::Right },
        ],
        rows: SECTIONS
            .iter()
            .filter(|s| d.comparison.is_some() || **s != "Since the last audit round")
            .map(|s| vec![s.to_string(), PAGE_PLACEHOLDER.into()])
            .collect(),
    }));
    b.push(Block::Heading { level: 2, text: "Key findings".into() });
    if d.findings.is_empty() {
        b.push(Block::Paragraph {
            text: format!(
                "No gaps in this scope: every theme is taught in every year and module, met beyond recall and \
                 understanding, has at least {} approved readings, and every tagged session has a linked reading.",
                d.min_readings
            ),
            style: Style::Body,
        });
    } else {
        b.push(Block::Paragraph {
            text: format!(
                "{} from {}, most important first (the rule is in Methods). The gaps behind each are listed by \
                 number in the Gaps section.{}",
                if d.findings.len() > KEY_FINDINGS {
                    format!("The first {KEY_FINDINGS} of {} findings", d.findings.len())
                } else {
                    format!("{} {}", d.findings.len(), if d.findings.len() == 1 { "finding" } else { "findings" })
                },
                if d.gaps.len() == 1 { "1 gap".to_string() } else { format!("{} gaps", d.gaps.len()) },
                stable_numbers(d).map(|s| format!(" {s}")).unwrap_or_default()
            ),
            style: Style::Muted,
        });
        b.push(Block::Bullets(key_findings(d)));
    }
    themes_at_a_glance(d, b);
    readings_by_status(d, b);
}

fn themes_at_a_glance(d: &ReportData, b: &mut Vec<Block>) {
    let cov = &d.coverage;
    b.push(Block::Heading { level: 2, text: "Themes at a glance".into() });
    let mut rows = Vec::new();
    for (i, (slug, name)) in d.themes.iter().enumerate() {
        let modules = cov.rows.iter().filter(|r| r.counts[i] > 0).count();
        let readings = d.approved().filter(|r| r.themes.contains(slug)).count();
        rows.push(vec![
            name.clone(),
            cov.totals[i].to_string(),
            pct(cov.totals[i], cov.items),
            format!("{modules} of {}", cov.rows.len()),
            readings.to_string(),
        ]);
    }
    b.push(Block::Table(Table {
        columns: vec![
            Column { header: "Theme".into(), weight: 3.0, align: Align::Left },
            Column { header: "Sessions tagged".into(), weight: 1.6, align: Align::Right },
            Column { header: "Share".into(), weight: 1.0, align: Align::Right },
            Column { header: "Modules".into(), weight: 1.4, align: Align::Right },
            Column { header: "Approved readings".into(), weight: 1.7, align: Align::Right },
        ],
        rows,
    }));
}

fn readings_by_status(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 2, text: "Readings by theme and review status".into() });
    let mut rows = Vec::new();
    let status_row = |label: String, f: &dyn Fn(&Reading) -> bool| {
        let n = |st: &str| {
            d.readings.iter().chain(&d.rejected_unlisted).filter(|r| r.status == st && f(r)).count().to_string()
        };
        let approved = |unreviewed: bool| {
            d.readings
                .iter()
                .filter(|r| r.status == "approved" && f(r) && d.approved_unreviewed(r) == unreviewed)
                .count()
                .to_string()
        };
        vec![label, approved(false), approved(true), n("suggested"), n("rejected")]
    };
    for (slug, name) in &d.themes {
        rows.push(status_row(name.clone(), &|r: &Reading| r.themes.contains(slug)));
    }
    // A report on some themes lists only their readings: a reading with no
    // theme is outside it, not a count of 0.
    if d.facet_scope.theme.is_none() {
        rows.push(status_row("No theme yet".into(), &|r: &Reading| r.themes.is_empty()));
    }
    b.push(Block::Table(Table {
        columns: vec![
            Column { header: "Theme".into(), weight: 3.0, align: Align::Left },
            Column { header: "Approved, reviewed".into(), weight: 1.4, align: Align::Right },
            Column { header: "Approved on import, not reviewed".into(), weight: 1.8, align: Align::Right },
            Column { header: "Awaiting review".into(), weight: 1.3, align: Align::Right },
            Column { header: "Rejected".into(), weight: 1.1, align: Align::Right },
        ],
        rows,
    }));
    let unlisted = if d.rejected_unlisted.is_empty() {
        String::new()
    } else {
        format!(
            " Rejected readings are counted here, and the reading list leaves out {} rejected reading{} (a report \
             made with --include-rejected lists them).",
            d.rejected_unlisted.len(),
            if d.rejected_unlisted.len() == 1 { "" } else { "s" }
        )
    };
    b.push(Block::Paragraph {
        text: format!(
            "Approved on import, not reviewed: readings that came in already approved (from an import, or added \
             with a status) and that no reviewer has looked at since; {UNREVIEWED_MARK} marks them in the reading \
             list.{unlisted}"
        ),
        style: Style::Muted,
    });
}

fn since_last_round(d: &ReportData, b: &mut Vec<Block>) {
    if let Some(c) = &d.comparison {
        b.push(Block::Heading { level: 1, text: "Since the last audit round".into() });
        b.push(Block::Paragraph {
            text: format!(
                "Compared with the audit round \"{}\": {} gap{} closed and {} opened. Coverage is the number of \
                 sessions tagged with each theme.",
                c.from,
                c.gaps_closed.len(),
                if c.gaps_closed.len() == 1 { "" } else { "s" },
                c.gaps_opened.len()
            ),
            style: Style::Body,
        });
        let signed = |n: i64| if n > 0 { format!("+{n}") } else { n.to_string() };
        b.push(Block::Table(Table {
            columns: vec![
                Column { header: "Theme".into(), weight: 3.0, align: Align::Left },
                Column { header: format!("Sessions ({})", c.from), weight: 1.6, align: Align::Right },
                Column { header: "Sessions now".into(), weight: 1.4, align: Align::Right },
                Column { header: "Change".into(), weight: 1.0, align: Align::Right },
                Column { header: format!("Modules ({})", c.from), weight: 1.6, align: Align::Right },
                Column { header: "Modules now".into(), weight: 1.4, align: Align::Right },
            ],
            rows: c
                .themes
                .iter()
                .map(|t| {
                    vec![
                        d.theme_name(&t.theme),
                        t.before.to_string(),
                        t.after.to_string(),
                        signed(t.change),
                        t.modules_before.to_string(),
                        t.modules_after.to_string(),
                    ]
                })
                .collect(),
        }));
        for (title, list) in [("Gaps closed", &c.gaps_closed), ("Gaps opened", &c.gaps_opened)] {
            if list.is_empty() {
                continue;
            }
            b.push(Block::Heading { level: 2, text: format!("{title} ({})", list.len()) });
            b.push(Block::Table(Table {
                columns: vec![
                    Column { header: "Kind".into(), weight: 2.0, align: Align::Left },
                    Column { header: "Where".into(), weight: 2.4, align: Align::Left },
                    Column { header: "What".into(), weight: 5.6, align: Align::Left },
                ],
                rows: list
                    .iter()
                    .map(|g| {
                        vec![g.kind.clone(), g.scope.trim_start_matches("module ").to_string(), g.explanation.clone()]
                    })
                    .collect(),
            }));
        }
    }
}

fn coverage_map(d: &ReportData, b: &mut Vec<Block>) {
    let cov = &d.coverage;
    b.push(Block::Heading { level: 1, text: "Coverage".into() });
    if cov.rows.is_empty() {
        // One plain line, not an empty heat-map on a page of its own.
        b.push(Block::Paragraph { text: NO_SESSIONS.into(), style: Style::Muted });
        return;
    }
    b.push(Block::Paragraph {
        text:
            "Each row is a module, each column a theme. A cell shows how many of the module's sessions are tagged with \
               the theme; its colour shows that number as a share of the module's sessions. Empty cells are gaps; the appendix lists the sessions behind every number and who tagged them."
                .into(),
        style: Style::Body,
    });
    let mut values = Vec::new();
    let mut texts = Vec::new();
    for r in &cov.rows {
        values.push(
            r.counts
                .iter()
                .map(|&n| if r.items == 0 { 0.0 } else { (n as f64 / r.items as f64 * 3.0).min(1.0) })
                .collect(),
        );
        texts.push(r.counts.iter().map(|n| if *n == 0 { String::new() } else { n.to_string() }).collect());
    }
    b.push(Block::HeatMap(HeatMap {
        row_labels: cov
            .rows
            .iter()
            .map(|r| format!("{} (Y{})", module_name(d, &r.programme, &r.module_code, &r.module_title), year(r.year)))
            .collect(),
        col_labels: d.themes.iter().map(|(_, n)| n.clone()).collect(),
        values,
        cell_text: texts,
        legend: "Colour: share of the module's sessions tagged with the theme (full colour at one in three or more)."
            .into(),
    }));
}

/// A module as the report names it: "M101 Foundations", or, when the
/// report's data holds more than one programme, "M101 Foundations (Nursing
/// BSc)", the words of its gap scope ([`crate::analysis::gaps::module_scope`],
/// the same rule as the gap tables), so that two programmes' modules of one
/// code (and even one title) are told apart in every section.
fn module_name(d: &ReportData, programme: &str, code: &str, title: &str) -> String {
    let several = d.programmes.iter().any(|p| p != programme);
    let scope = crate::analysis::gaps::module_scope(code, title, several.then_some(programme));
    scope.strip_prefix("module ").map_or_else(|| scope.clone(), String::from)
}

/// "Historical awareness, year 2" for a gap's place.
fn place(d: &ReportData, g: &Gap) -> String {
    // A module as its gap's scope names it: with its programme when the
    // database has several (two programmes may share a module code).
    let where_ = match (&g.module_code, &g.module_title, &g.programme) {
        (Some(c), Some(t), _) => g.scope.strip_prefix("module ").map_or_else(|| format!("{c} {t}"), String::from),
        // A programme-wide gap in a report on a module or a year: where its
        // sentence says it applies (issue 13: the column said "programme
        // MBChB Medicine" beside "the sessions … in MED2002").
        (_, _, Some(p)) if g.scope == format!("programme {p}") && d.places.contains_key(p) => d.places[p].clone(),
        _ => g.scope.clone(),
    };
    match g.theme.as_deref() {
        Some(t) if g.kind != GapKind::UntaggedModule => format!("{}, {where_}", d.theme_name(t)),
        _ => where_,
    }
}

/// Proposed readings of a gap, one per line: "Title (year), relevance 3.2: shared words".
/// The year is labelled as in the reading list ([`ReportData::year_label`]).
fn readings_cell(d: &ReportData, g: &Gap) -> String {
    let items = g
        .candidates
        .iter()
        .map(|c| {
            // The reason quotes the reading's and the session's words: each
            // quote keeps its own direction ([`super::bidi::isolate_quoted`]).
            let why = super::bidi::isolate_quoted(&c.why_brief());
            let y = d.year_label(Some(c.reading_id), c.year);
            if c.score > 0.0 {
                format!("{} ({y}); shares {why}", isolated(&plain(&c.title)))
            } else {
                format!("{} ({y}); {why}", isolated(&plain(&c.title)))
            }
        })
        .collect::<Vec<_>>();
    listed(&items)
}

/// The readings of a table cell, one a line, each opening with a bullet
/// ([`super::pdf::layout::CELL_BULLET`], which the PDF draws with the
/// reading's lines hanging right of it): in a narrow column a reading's
/// wrapped lines ran straight into the next reading's, with nothing to show
/// where one ended (issue 13, 13d). A cell of one reading has no bullet.
fn listed(items: &[String]) -> String {
    if items.len() < 2 {
        return items.join("\n");
    }
    items.iter().map(|i| format!("{}{i}", super::pdf::layout::CELL_BULLET)).collect::<Vec<_>>().join("\n")
}

/// Sessions a gap names: evidence first, then other sessions that could carry the theme.
fn sessions_text(d: &ReportData, g: &Gap) -> String {
    if !g.evidence.is_empty() && g.kind != GapKind::ModuleGap {
        return if g.kind == GapKind::UntaggedModule {
            // One entry per session: a session that uses the keywords of
            // two themes is named once, with each theme's words (issue 13,
            // 13e: G10 named "Gender bias in clinical trials" twice).
            let mut sessions: Vec<(i64, &str, Vec<&crate::analysis::gaps::Evidence>)> = Vec::new();
            for e in &g.evidence {
                match sessions.iter_mut().find(|s| s.0 == e.item_id) {
                    Some(s) => s.2.push(e),
                    None => sessions.push((e.item_id, &e.title, vec![e])),
                }
            }
            let of = |e: &crate::analysis::gaps::Evidence| {
                format!("{} of {}", if e.words.len() == 1 { "a keyword" } else { "keywords" }, d.theme_name(&e.theme))
            };
            let mut uses: Vec<String> = sessions
                .iter()
                .take(3)
                .map(|(_, title, evs)| {
                    let mut s = format!(
                        "{}, {}",
                        crate::analysis::glossary::keyword_use(title, "", &[], &evs[0].words),
                        of(evs[0])
                    );
                    for e in &evs[1..] {
                        s.push_str(&format!(", and {}, {}", crate::analysis::glossary::quoted_words(&e.words), of(e)));
                    }
                    s
                })
                .collect();
            if sessions.len() > 3 {
                uses.push(format!("and {} more", sessions.len() - 3));
            }
            format!(" Sessions that already use a theme's keywords: {}.", uses.join("; "))
        } else {
            let name = g.theme.as_deref().map(|t| d.theme_name(t)).unwrap_or_default();
            format!(" {}", keywords_sentence(&name, &g.evidence, &|t| d.theme_name(t), true))
        };
    }
    if g.kind == GapKind::ShallowTheme && !g.items.is_empty() {
        let shown: Vec<String> = g
            .items
            .iter()
            .map(|i| {
                format!("{} ({}, {})", quoted(&i.title), i.module_code, i.level.map_or("no level", |l| l.as_str()))
            })
            .collect();
        return format!(" Where a higher-level outcome could go: {}.", shown.join(", "));
    }
    String::new()
}

fn gap_columns(first: &str, readings: bool) -> Vec<Column> {
    let mut c = vec![
        Column { header: "Gap".into(), weight: 1.3, align: Align::Left },
        Column { header: "Severity".into(), weight: 1.3, align: Align::Left },
        Column { header: first.into(), weight: 2.2, align: Align::Left },
        Column { header: "What is missing, and what next".into(), weight: 5.0, align: Align::Left },
    ];
    if readings {
        c.push(Column { header: "Readings proposed".into(), weight: 3.4, align: Align::Left });
    }
    c
}

fn gaps_section(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: "Gaps".into() });
    let sev = |s: Severity| d.gaps.iter().filter(|g| g.severity == s).count();
    b.push(Block::Paragraph {
        text: format!(
            "{} ({} high, {} medium, {} low), rolled up into {}. A finding states one fact once, with the gaps \
             behind it; the tables after it list every gap by number{}.",
            count(d.gaps.len(), "gap", "gaps"),
            sev(Severity::High),
            sev(Severity::Medium),
            sev(Severity::Low),
            count(d.findings.len(), "finding", "findings"),
            if d.scope == "whole curriculum" {
                String::new()
            } else {
                ", numbered as in the report on the whole curriculum, so a number can be looked up in any report or \
                 the command canon gaps run on the same database"
                    .to_string()
            }
        ),
        style: Style::Body,
    });
    if !d.findings.is_empty() {
        b.push(Block::Heading { level: 2, text: format!("Findings ({})", d.findings.len()) });
        b.push(Block::Table(Table {
            columns: vec![
                Column { header: "No.".into(), weight: 0.9, align: Align::Left },
                Column { header: "Severity".into(), weight: 1.3, align: Align::Left },
                Column { header: "What, and what next".into(), weight: 7.4, align: Align::Left },
                Column { header: "Gaps".into(), weight: 2.4, align: Align::Left },
            ],
            rows: d
                .findings
                .iter()
                .map(|f| {
                    vec![
                        f.id.clone(),
                        f.severity.word().into(),
                        super::bidi::isolate_quoted(&format!("{} Next: {}", f.headline, f.next_step)),
                        gaps_cell(d, &f.gaps),
                    ]
                })
                .collect(),
        }));
    }
    for term in &d.glossary {
        let gs: Vec<&Gap> = d.gaps.iter().filter(|g| g.kind == term.kind).collect();
        if gs.is_empty() {
            continue;
        }
        b.push(Block::Heading { level: 2, text: format!("{} ({})", term.heading, gs.len()) });
        b.push(Block::Paragraph {
            text: format!("{} Severity: {}", term.definition, term.severity),
            style: Style::Muted,
        });
        if term.kind == GapKind::ModuleGap {
            module_gap_table(d, &gs, b);
            continue;
        }
        let with_readings = gs.iter().any(|g| !g.candidates.is_empty());
        // The next step most rows share is said once, before the table.
        let common = recurring(gs.iter().map(|g| g.suggestion.as_str())).into_iter().next();
        if let Some((text, n)) = &common {
            b.push(Block::Paragraph {
                // At least RECURRING rows share it, so "gaps" is plural.
                text: format!(
                    "Next step for {n} of these {} gaps (the rows that give no next step of their own): {text}",
                    gs.len()
                ),
                style: Style::Body,
            });
        }
        let rows = gs
            .iter()
            .map(|g| {
                let next = match &common {
                    Some((text, _)) if *text == g.suggestion => String::new(),
                    _ => format!(" {}", g.suggestion),
                };
                let mut row = vec![
                    g.id.clone(),
                    g.severity.word().into(),
                    super::bidi::isolate_quoted(&place(d, g)),
                    super::bidi::isolate_quoted(&format!("{}{}{next}", g.explanation, sessions_text(d, g))),
                ];
                if with_readings {
                    row.push(readings_cell(d, g));
                }
                row
            })
            .collect();
        let first = if term.kind == GapKind::UntaggedModule { "Module" } else { "Theme and where" };
        b.push(Block::Table(Table { columns: gap_columns(first, with_readings), rows }));
    }
}

/// Most runs of gap numbers a cell lists before it summarises.
const CELL_RUNS: usize = 4;

/// The gaps behind a finding, for its narrow table cell: the numbers when
/// they make at most [`CELL_RUNS`] runs ("G5–G18"); otherwise how many, then
/// per gap table (in report order) its numbers, or when they are many how
/// many and among which: "35 gaps: Themes not taught: G1–G4; Themes not
/// returned to: G22; Modules missing a theme: 30 of G23–G102".
/// Every number is counted from the gaps themselves.
pub fn gaps_cell(d: &ReportData, ids: &[String]) -> String {
    let runs = id_ranges(ids);
    if runs.split(", ").count() <= CELL_RUNS {
        return runs;
    }
    let kind_of: HashMap<&str, GapKind> = d.gaps.iter().map(|g| (g.id.as_str(), g.kind)).collect();
    let mut parts = Vec::new();
    let mut placed = 0;
    for term in &d.glossary {
        let of: Vec<String> = ids.iter().filter(|i| kind_of.get(i.as_str()) == Some(&term.kind)).cloned().collect();
        if of.is_empty() {
            continue;
        }
        placed += of.len();
        parts.push(format!("{}: {}", term.heading, few_or_between(&of)));
    }
    // Gaps outside this report's tables (none today) are still counted and shown.
    let other: Vec<String> = ids.iter().filter(|i| !kind_of.contains_key(i.as_str())).cloned().collect();
    if placed < ids.len() && !other.is_empty() {
        parts.push(few_or_between(&other));
    }
    format!("{}: {}", count(ids.len(), "gap", "gaps"), parts.join("; "))
}

/// "G1, G3, G5, G10" for up to six runs, else "30 of G23–G102": how many,
/// and the numbers they lie among (a count "between G1 and G10" read as a
/// range of ten gaps: tester r13, P8).
fn few_or_between(ids: &[String]) -> String {
    let runs = id_ranges(ids);
    if runs.split(", ").count() <= 6 {
        return runs;
    }
    let nums: Vec<u64> = ids.iter().filter_map(|i| i.trim_start_matches('G').parse().ok()).collect();
    let (lo, hi) = (nums.iter().min().copied().unwrap_or(0), nums.iter().max().copied().unwrap_or(0));
    format!("{} of G{lo}\u{2013}G{hi}", ids.len())
}

/// Module gaps, one row per module, so a committee reads them in minutes;
/// the readings proposed for each module are in "What each module should read".
fn module_gap_table(d: &ReportData, gs: &[&Gap], b: &mut Vec<Block>) {
    let name = |g: &Gap| g.theme.as_deref().map(|t| d.theme_name(t)).unwrap_or_default();
    // Each gap's next step: the sessions that already use the theme's keywords, then the step.
    let step = |g: &Gap| {
        let mut line = String::new();
        if !g.evidence.is_empty() {
            line.push_str(&keywords_sentence(&name(g), &g.evidence, &|t| d.theme_name(t), false));
            line.push(' ');
        }
        line.push_str(&super::bidi::isolate_quoted(&g.suggestion));
        let n = g.candidates.len();
        if n > 0 && g.action == crate::analysis::gaps::Action::AddSession {
            line.push_str(&format!(" (What each module should read lists {}.)", if n == 1 { "it" } else { "them" }));
        } else if n > 0 {
            line.push_str(&format!(
                " What each module should read lists the {} proposed for it.",
                count(n, "reading", "readings")
            ));
        }
        line
    };
    let steps: Vec<String> = gs.iter().map(|g| step(g)).collect();
    let generic: Vec<String> = gs.iter().zip(&steps).map(|(g, s)| s.replace(&name(g), "the theme")).collect();
    let common = recurring(generic.iter().map(String::as_str));
    if !common.is_empty() {
        b.push(Block::Paragraph {
            text: "Next steps that recur are said once here; each row names the themes they apply to.".into(),
            style: Style::Body,
        });
        for (i, (text, n)) in common.iter().enumerate() {
            b.push(Block::Paragraph {
                text: format!("Step {} ({}): {text}", letter(i), count(*n, "gap", "gaps")),
                style: Style::Body,
            });
        }
    }
    // One row per module of one programme: the gap's scope names the module as
    // `canon gaps`, the JSON and the CSV do, with its programme when two
    // programmes use one code ("MED2002 Respiratory (BSc Nursing)").
    // (year, module as named, programme)
    type ModuleKey<'g> = (Option<i64>, String, Option<&'g str>);
    let mut by_module: BTreeMap<ModuleKey, Vec<usize>> = BTreeMap::new();
    for (i, g) in gs.iter().enumerate() {
        let m = g.scope.strip_prefix("module ").unwrap_or(&g.scope).to_string();
        by_module.entry((g.year, m, g.programme.as_deref())).or_default().push(i);
    }
    let themes = d.themes.len();
    let rows = by_module
        .into_iter()
        .map(|((_, module, _), at)| {
            let mine: Vec<&Gap> = at.iter().map(|&i| gs[i]).collect();
            let missing: Vec<String> = mine.iter().map(|g| name(g)).collect();
            let none = if themes >= 2 && missing.len() == themes {
                format!("all {themes} themes")
            } else {
                list(&missing, "or")
            };
            // The steps in the order of the row's gaps (themes in curriculum
            // order), a recurring step where its first theme comes.
            let mut what: Vec<String> = Vec::new();
            let mut named: Vec<Vec<String>> = vec![Vec::new(); common.len()];
            let mut at_step: Vec<Option<usize>> = vec![None; common.len()];
            for &i in &at {
                match common.iter().position(|(text, _)| *text == generic[i]) {
                    Some(k) => {
                        if at_step[k].is_none() {
                            at_step[k] = Some(what.len());
                            what.push(String::new());
                        }
                        named[k].push(name(gs[i]));
                    }
                    None => what.push(steps[i].clone()),
                }
            }
            for (k, themes) in named.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                if let Some(p) = at_step[k] {
                    what[p] = format!("Step {} for {}.", letter(k), list(themes, "and"));
                }
            }
            // A module with no theme is first reviewed as its own gap says:
            // the row points there rather than give a second, other first
            // step (tester r13, P12).
            if let Some(u) = mine.first().and_then(|g| {
                d.gaps
                    .iter()
                    .find(|u| u.kind == GapKind::UntaggedModule && u.programme == g.programme && u.scope == g.scope)
            }) {
                what.insert(0, format!("First {} (the module has no theme: review and tag its sessions); then:", u.id));
            }
            let ids: Vec<String> = mine.iter().map(|g| g.id.clone()).collect();
            vec![id_ranges(&ids), severities(&mine), module, none, what.join("\n")]
        })
        .collect();
    let columns = vec![
        Column { header: "Gap".into(), weight: 1.3, align: Align::Left },
        Column { header: "Severity".into(), weight: 1.3, align: Align::Left },
        Column { header: "Module".into(), weight: 2.2, align: Align::Left },
        Column { header: "No session on".into(), weight: 1.9, align: Align::Left },
        Column { header: "Next step".into(), weight: 4.6, align: Align::Left },
    ];
    b.push(Block::Table(Table { columns, rows }));
}

/// A step said in at least this many rows of a table is said once before it.
const RECURRING: usize = 3;

/// The texts that occur at least [`RECURRING`] times, with how often, most
/// frequent first (then alphabetically, so the order is stable).
fn recurring<'t>(texts: impl Iterator<Item = &'t str>) -> Vec<(String, usize)> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for t in texts.filter(|t| !t.is_empty()) {
        *n.entry(t).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> =
        n.into_iter().filter(|(_, k)| *k >= RECURRING).map(|(t, k)| (t.to_string(), k)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// "A", "B", … for the i-th recurring step.
fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

/// The severity of gaps shown in one row: "Medium" when they agree, else each
/// with its gaps, highest first: "Medium (G19), Low (G34–G35)".
fn severities(gs: &[&Gap]) -> String {
    let mut by: BTreeMap<Severity, Vec<String>> = BTreeMap::new();
    for g in gs {
        by.entry(g.severity).or_default().push(g.id.clone());
    }
    if by.len() == 1 {
        return by.keys().next().map_or("", |s| s.word()).to_string();
    }
    by.iter().map(|(s, ids)| format!("{} ({})", s.word(), id_ranges(ids))).collect::<Vec<_>>().join(", ")
}

/// A module's linked readings and proposed readings, as lines.
type LinkedAndProposed = (Vec<String>, Vec<String>);

fn module_reading(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: "What each module should read".into() });
    if d.plan.is_empty() {
        b.push(Block::Paragraph { text: NO_MODULES.into(), style: Style::Muted });
        return;
    }
    b.push(Block::Paragraph {
        text: format!(
            "Per module: the readings the group has linked to it or to one of its sessions, with who linked them; \
             then the readings proposed for it, with the words each shares with the module: for each theme it \
             misses, up to {} (the same as its gap in the Gaps section, whose number is given), and up to {} more for \
             the themes its sessions already carry. Proposals follow the rule in Methods.",
            d.candidates, d.candidates
        ),
        style: Style::Body,
    });
    // Keyed by module ID: two programmes may share a module code and title.
    let mut by_module: BTreeMap<(Option<i64>, String, i64), LinkedAndProposed> = BTreeMap::new();
    let mut without = Vec::new();
    for r in &d.plan {
        let name = module_name(d, &r.programme, &r.module_code, &r.module_title);
        if r.status == "none" {
            without.push(name);
            continue;
        }
        let e = by_module.entry((r.year, name, r.module_id)).or_default();
        if r.status == "linked" {
            let to = if r.session.is_empty() { "the module".to_string() } else { quoted(&r.session) };
            let note = if r.note.is_empty() { String::new() } else { format!(": {}", quoted(&r.note)) };
            e.0.push(format!(
                "{} ({}), linked to {to} by {}{note}",
                isolated(&plain(&r.title)),
                d.year_label(r.reading_id, r.reading_year),
                isolated(&r.linked_by)
            ));
        } else {
            let what = if r.gap.is_empty() {
                format!("for its sessions on {}", d.theme_name(&r.theme))
            } else {
                format!("for {}, which it misses ({})", d.theme_name(&r.theme), r.gap)
            };
            e.1.push(format!(
                "{} ({}) {what}; shares {}",
                isolated(&plain(&r.title)),
                d.year_label(r.reading_id, r.reading_year),
                super::bidi::isolate_quoted(&r.brief)
            ));
        }
    }
    if !by_module.is_empty() {
        b.push(Block::Table(Table {
            columns: vec![
                Column { header: "Module".into(), weight: 2.4, align: Align::Left },
                Column { header: "Linked readings".into(), weight: 4.0, align: Align::Left },
                Column { header: "Proposed readings".into(), weight: 5.0, align: Align::Left },
            ],
            rows: by_module
                .into_iter()
                .map(|((_, m, _), (l, p))| {
                    vec![
                        m,
                        if l.is_empty() { "None yet.".into() } else { listed(&l) },
                        if p.is_empty() { "No approved reading fits yet.".into() } else { listed(&p) },
                    ]
                })
                .collect(),
        }));
    }
    if !without.is_empty() {
        b.push(Block::Paragraph {
            text: format!(
                "No linked reading and no approved reading that fits yet ({}): {}.",
                without.len(),
                without.join("; ")
            ),
            style: Style::Muted,
        });
    }
}

fn reading_list(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: "Reading list".into() });
    b.push(Block::Paragraph {
        text: format!(
            "Approved readings, grouped by theme (a reading on several themes appears under each), in the style \
             {} (formatted by a CSL processor). Under each reference: the group's annotation, the type of source \
             and any credit or licence. {UNREVIEWED_MARK} after a note: approved on import (or when added) and \
             not reviewed since.",
            d.style.heading()
        ),
        style: Style::Body,
    });
    let lists = report_lists(d);
    let members: Vec<&[usize]> = lists.iter().map(|(_, m)| m.as_slice()).collect();
    let cited = bibliographies(d, &members);
    for ((before, m), cited) in lists.into_iter().zip(cited) {
        b.extend(before);
        references(d, &d.at(&m), cited, b);
    }
}

/// `r`'s reference in the report's flat tables: its text in [`list_references`]
/// (`refs`), else its reference alone.
fn reference_of(d: &ReportData, refs: &std::collections::HashMap<i64, String>, r: &Reading) -> String {
    refs.get(&r.id).cloned().unwrap_or_else(|| d.style.reference(r))
}

/// The references of a report on `themes` (slug, name) listing `readings`
/// ([`super::cite::References`], by position in `readings`), in `style`:
/// the readings given to the style in the order the PDF's reading list
/// first prints them ([`document_order`]), so a numbered style numbers each
/// work once, in the order a reader meets it (tester r114 F3).
pub fn document_references(
    style: &super::cite::Style,
    themes: &[(String, String)],
    readings: &[Reading],
) -> super::cite::References {
    let order = document_order(themes, readings);
    let in_order: Vec<&Reading> = order.iter().filter_map(|&i| readings.get(i)).collect();
    let refs = style.references(&in_order);
    // `order[k]` is the reading the style got at `k`: each goes back to its place.
    refs.clone().reindexed(&order).unwrap_or(refs)
}

/// The positions in `readings` of every reading, in the order the PDF's
/// reading list first prints them ([`report_lists`]: by theme, then
/// untagged, awaiting review, rejected), then any it does not list: each
/// position once.
fn document_order(themes: &[(String, String)], readings: &[Reading]) -> Vec<usize> {
    let mut seen = vec![false; readings.len()];
    let mut order = Vec::with_capacity(readings.len());
    let listed = theme_lists(themes, readings)
        .into_iter()
        .flatten()
        .chain(status_lists(readings).into_iter().flat_map(|(_, m)| m));
    for i in listed.chain(0..readings.len()) {
        if let Some(s) = seen.get_mut(i).filter(|s| !**s) {
            *s = true;
            order.push(i);
        }
    }
    order
}

/// The positions in `readings` of the readings `keep` holds, in list order.
fn positions_in(readings: &[Reading], keep: impl Fn(&Reading) -> bool) -> Vec<usize> {
    readings.iter().enumerate().filter(|(_, r)| keep(r)).map(|(i, _)| i).collect()
}

/// Each theme's approved readings (positions in `readings`), in the order of `themes`.
fn theme_lists(themes: &[(String, String)], readings: &[Reading]) -> Vec<Vec<usize>> {
    themes
        .iter()
        .map(|(slug, _)| positions_in(readings, |r| r.status == "approved" && r.themes.contains(slug)))
        .collect()
}

/// The reading list's lists after the themes': approved with no theme,
/// awaiting review, rejected (positions in `readings`), each with its status key.
fn status_lists(readings: &[Reading]) -> [(&'static str, Vec<usize>); 3] {
    [
        ("untagged", positions_in(readings, |r| r.status == "approved" && r.themes.is_empty())),
        ("suggested", positions_in(readings, |r| r.status == "suggested")),
        ("rejected", positions_in(readings, |r| r.status == "rejected")),
    ]
}

/// The reference lists of the PDF's reading list: what goes before each
/// (heading, lead-in), then its readings (their positions in
/// [`ReportData::readings`]). One theme's approved readings each, then those
/// with no theme, awaiting review and rejected.
fn report_lists(d: &ReportData) -> Vec<(Vec<Block>, Vec<usize>)> {
    let mut lists: Vec<(Vec<Block>, Vec<usize>)> = Vec::new();
    for ((_, name), rs) in d.themes.iter().zip(theme_lists(&d.themes, &d.readings)) {
        let mut before = vec![Block::Heading { level: 2, text: format!("{name} ({})", rs.len()) }];
        if rs.is_empty() {
            before.push(Block::Paragraph { text: "No approved reading yet.".into(), style: Style::Muted });
        }
        lists.push((before, rs));
    }
    for (kind, rs) in status_lists(&d.readings) {
        if rs.is_empty() {
            continue;
        }
        let before = match kind {
            "untagged" => {
                vec![Block::Heading { level: 2, text: format!("Not yet tagged with a theme ({})", rs.len()) }]
            }
            "suggested" => vec![
                Block::Heading { level: 2, text: format!("Awaiting review ({})", rs.len()) },
                Block::Paragraph {
                    text: "Suggested by contributors and not yet reviewed; they do not count towards the gaps above."
                        .into(),
                    style: Style::Muted,
                },
            ],
            _ => vec![Block::Heading { level: 2, text: format!("Rejected after review ({})", rs.len()) }],
        };
        lists.push((before, rs));
    }
    lists
}

/// Each reading's reference, by id, as every list of the PDF prints it
/// ([`ReportData::references`]): with its year-suffix letter ("2020a") over
/// the whole report, so the CSV, workbook and JSON reports carry the same
/// text as the PDF. A style that writes "———" for a repeated author (no text
/// of its own) gives each reading its reference alone
/// ([`super::cite::Style::reference`]).
pub fn list_references(d: &ReportData) -> std::collections::HashMap<i64, String> {
    if !d.style.entries_stand_apart() {
        return std::collections::HashMap::new();
    }
    let refs = d.references();
    d.readings.iter().enumerate().filter_map(|(i, r)| refs.text(i).map(|t| (r.id, t.text.clone()))).collect()
}

/// The mark after the note of a reading approved without a review, explained in the list's lead-in.
pub const UNREVIEWED_MARK: &str = "[not reviewed]";

/// The bibliography of each list in `lists` (positions in
/// [`ReportData::readings`]; see [`super::cite::References::list`]), in the
/// same order. Each reading is rendered once for the whole report
/// ([`ReportData::references`]); a list takes its readings' references and
/// labels from there.
fn bibliographies(d: &ReportData, lists: &[&[usize]]) -> Vec<Vec<super::cite::Cited>> {
    let refs = d.references();
    let all: Vec<&Reading> = d.readings.iter().collect();
    lists.iter().map(|members| refs.list(&d.style, &all, members)).collect()
}

/// One list of the reading list as one bibliography in the report's style:
/// sorted as the style sorts, numbered only when the style numbers (each work
/// its number in the report), each reference with its note. `cited` is the list's bibliography.
fn references(d: &ReportData, rs: &[&Reading], cited: Vec<super::cite::Cited>, b: &mut Vec<Block>) {
    for c in cited {
        let r = rs[c.index];
        let mut note = note_line(r);
        if d.approved_unreviewed(r) {
            note = Some(note.map_or_else(|| UNREVIEWED_MARK.to_string(), |n| format!("{n} {UNREVIEWED_MARK}")));
        }
        b.push(
            Block::Reference { label: c.label, text: title_isolated(c.text, &r.title), note }.named(reading_name(r)),
        );
    }
}

/// A reference with its title as a directional isolate ([`super::bidi::isolate_within`]):
/// the style composes names, year and container around the title, so an
/// Arabic title in a reference by "Salem, M." leaves the year and full stops
/// where the style put them. The reference is set left to right, the list's
/// direction ([`BaseDirection::Ltr`](super::pdf::shape::BaseDirection)), a
/// reference mostly in Arabic or Hebrew as a right-to-left isolate inside it
/// ([`super::bidi::isolate_rtl_stretch`]). The style runs move with
/// the text. A title the style
/// rewrote (sentence case) is looked for without its closing punctuation too;
/// one not found is left as it is.
fn title_isolated(mut rich: super::pdf::Rich, title: &str) -> super::pdf::Rich {
    let title = title.trim();
    let bare = title.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || c.is_whitespace());
    let shifted = match super::bidi::isolate_within(&mut rich.text, title) {
        Some(f) => Some(f),
        None if bare != title && !bare.is_empty() => super::bidi::isolate_within(&mut rich.text, bare),
        None => None,
    };
    if let Some(shift) = shifted {
        for (r, _) in &mut rich.spans {
            *r = shift(r.start)..shift(r.end);
        }
    }
    // The names (and any other words) in a right-to-left script of a
    // reference set left to right, each as its own run. A work whose title
    // is left to right is cited left to right, however long its authors'
    // names in Arabic or Hebrew are.
    let title_ltr = title.chars().any(|c| unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::L)
        && super::bidi::majority_rtl(title) != Some(true);
    if let Some(shift) = super::bidi::isolate_rtl_runs(&mut rich.text, title_ltr) {
        for (r, _) in &mut rich.spans {
            *r = shift(r.start)..shift(r.end);
        }
    }
    // The volume, issue and pages of a reference set right to left, in the
    // order the style wrote them.
    if let Some(shift) = super::bidi::isolate_number_groups(&mut rich.text) {
        for (r, _) in &mut rich.spans {
            *r = shift(r.start)..shift(r.end);
        }
    }
    // The list is left to right: a reference mostly in Arabic or Hebrew
    // reads right to left inside it, from its first such letter to its last.
    if let Some(shift) = super::bidi::isolate_rtl_stretch(&mut rich.text) {
        for (r, _) in &mut rich.spans {
            *r = shift(r.start)..shift(r.end);
        }
    }
    rich
}

fn content_facets(d: &ReportData, b: &mut Vec<Block>) {
    // Content and author facets (issue 16): see report::facets.
    b.push(Block::Heading { level: 1, text: "Who and what the list includes".into() });
    super::facets::blocks(&d.facet_section(), b);
}

fn methods(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: "Methods and caveats".into() });
    b.push(Block::Heading { level: 2, text: "Themes".into() });
    b.push(Block::Paragraph {
        text: "A theme is a lens for the audit, with a description and a keyword lexicon. Sessions and readings are tagged \
               with themes by people; keywords are used only as evidence for where a theme may already be taught \
               (matched as whole words and word stems, British and American spellings alike), never to tag anything \
               by themselves."
            .into(),
        style: Style::Body,
    });
    b.push(Block::Heading { level: 2, text: "Gaps and their severity".into() });
    b.push(Block::Bullets(
        d.glossary
            .iter()
            .map(|t| format!("{} ({}): {} Severity: {}", t.name, t.kind.as_str(), t.definition, t.severity))
            .collect(),
    ));
    b.push(Block::Paragraph { text: crate::analysis::glossary::numbering_rule(), style: Style::Body });
    b.push(Block::Heading { level: 2, text: "Findings".into() });
    b.push(Block::Paragraph { text: crate::analysis::glossary::FINDING_RULE.into(), style: Style::Body });
    b.push(Block::Heading { level: 2, text: "Advice".into() });
    b.push(Block::Paragraph {
        text: "The next step of each gap follows from where the theme is and is not taught: a year before the first \
               year that teaches it is advised to introduce it; a year after the last, to return to it above the \
               Bloom level its sessions already reach (or, where they already evaluate or create, to keep that \
               level in clinical settings); a year between, to keep it going; a theme met only at recall is advised to deepen; sessions \
               that already use a theme's keywords are advised to be checked and tagged."
            .into(),
        style: Style::Body,
    });
    b.push(Block::Paragraph { text: crate::analysis::glossary::PLACE_RULE.into(), style: Style::Body });
    b.push(Block::Heading { level: 2, text: "Proposed readings".into() });
    let (summary, rules) = crate::analysis::glossary::proposal_rule_parts(&crate::analysis::proposals::rule());
    b.push(Block::Paragraph { text: summary, style: Style::Body });
    b.push(Block::Bullets(rules));
    b.push(Block::Heading { level: 2, text: "Caveats".into() });
    b.push(Block::Bullets(vec![
        "Counts measure what is tagged, not the quality of teaching: a tag records that a session touches a theme.".into(),
        "canon never infers a person's identity from a name or a photograph; facets about authors are recorded only as self-identified or published, and counts under five are suppressed.".into(),
        "There are no quotas: the aim is that students meet each theme, in depth and more than once, not a target number of sessions.".into(),
        "Only approved readings count towards gaps and proposals; readings awaiting review are proposed only to close thin reading.".into(),
    ]));
}

/// A user's title quoted inside one of canon's sentences, as a directional
/// isolate (UAX #9 LRI/RLI/FSI … PDI): the title keeps its own direction, and the
/// sentence takes its base direction from canon's words, not from an Arabic
/// or Hebrew title that happens to open it (rules P2–P3 skip isolates).
fn quoted(title: &str) -> String {
    format!("\u{201c}{}\u{201d}", isolated(title))
}

/// A user's text inside a cell or sentence canon composes, as a directional
/// isolate in the direction of most of its letters ([`super::bidi::isolated`]):
/// a reading's title that opens "Title (2012); shares …" keeps its own
/// direction, and the line stays an English (left-to-right) paragraph with its
/// punctuation in place. A cell that is wholly a user's text is not composed
/// and keeps the direction of its first strong character.
fn isolated(text: &str) -> String {
    super::bidi::isolated(text)
}

/// A title as words for a sentence or a table cell, without its rich-text
/// tags (`H<sub>2</sub>O` is "H2O", `<span class="nocase">` goes): only a
/// reference draws them (tester r68 F4: the tags were printed in "What
/// each module should read").
fn plain(title: &str) -> String {
    super::cite::title_without_markup(title)
}

/// What the coverage and its evidence say when the scope holds no module.
const NO_SESSIONS: &str = "No sessions yet: no module is imported in this scope, so there is no coverage to show (canon import modules FILE).";

/// What "What each module should read" says when the scope holds no module.
const NO_MODULES: &str = "No modules yet: no module is imported in this scope, so no reading can be linked or proposed to one (canon \
     import modules FILE).";

fn evidence_appendix(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading { level: 1, text: EVIDENCE.into() });
    if d.coverage.rows.is_empty() {
        b.push(Block::Paragraph { text: NO_SESSIONS.into(), style: Style::Muted });
        return;
    }
    b.push(Block::Paragraph {
        text: "Every number in the heat-map, with the sessions it counts and who tagged each (and how: by hand, on \
               import, from a suggestion or a merge), so that a committee can check any cell. The same list comes \
               from the command \u{201c}canon coverage --evidence\u{201d}."
            .into(),
        style: Style::Body,
    });
    if d.evidence.is_empty() {
        b.push(Block::Paragraph {
            text: "No session in scope is tagged with a theme yet.".into(),
            style: Style::Muted,
        });
        return;
    }
    let mut cells: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    // The matrix row of each module, by module ID (codes are not unique across programmes).
    let module_row: std::collections::HashMap<i64, usize> =
        d.coverage.rows.iter().enumerate().map(|(i, r)| (r.module_id, i)).collect();
    let theme_col: std::collections::HashMap<&str, usize> =
        d.themes.iter().enumerate().map(|(i, (s, _))| (s.as_str(), i)).collect();
    for e in &d.evidence {
        let (Some(&r), Some(&c)) = (module_row.get(&e.module_id), theme_col.get(e.theme.as_str())) else {
            continue;
        };
        let how = match e.source.as_str() {
            "import" => "on import",
            "manual" => "by hand",
            "suggest" => "from a suggestion",
            "merge" => "in a merge",
            other => other,
        };
        let who = e.tagged_by.as_str();
        cells.entry((r, c)).or_default().push(format!("{}: {who}, {how}", quoted(&e.session)));
    }
    let rows = cells
        .into_iter()
        .map(|((r, c), sessions)| {
            let row = &d.coverage.rows[r];
            vec![
                module_name(d, &row.programme, &row.module_code, &row.module_title),
                d.themes[c].1.clone(),
                sessions.len().to_string(),
                sessions.join("\n"),
            ]
        })
        .collect();
    b.push(Block::Table(Table {
        columns: vec![
            Column { header: "Module".into(), weight: 2.6, align: Align::Left },
            Column { header: "Theme".into(), weight: 1.8, align: Align::Left },
            Column { header: "Count".into(), weight: 1.1, align: Align::Right },
            Column { header: "Sessions: who tagged them, how".into(), weight: 6.0, align: Align::Left },
        ],
        rows,
    }));
}

/// The findings as rows of the flat CSV.
fn finding_rows(d: &ReportData) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let row = |a: &str, b: &str, c: &str, m: &str, v: String, det: String| {
        vec![a.into(), b.into(), c.into(), m.into(), v, det]
    };
    for f in &d.findings {
        rows.push(row(
            "finding",
            &f.scope,
            f.theme.as_deref().unwrap_or(""),
            &f.id,
            f.severity.as_str().into(),
            format!("{} Next: {} Gaps: {}", f.headline, f.next_step, id_ranges(&f.gaps)),
        ));
    }
    rows
}

/// The rows of "what each module should read" and of the evidence trail, for the flat CSV.
fn plan_and_evidence_rows(d: &ReportData) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let row = |a: &str, b: &str, c: &str, m: &str, v: String, det: String| {
        vec![a.into(), b.into(), c.into(), m.into(), v, det]
    };
    for r in &d.plan {
        rows.push(row(
            &format!("module reading ({})", r.status),
            &module_name(d, &r.programme, &r.module_code, &r.module_title),
            &r.theme,
            &r.review,
            plain(&r.title),
            if r.status == "none" {
                "no linked reading and no approved reading that fits yet".into()
            } else if r.status == "linked" && !r.note.is_empty() {
                format!("linked by {}: {}", r.linked_by, r.note)
            } else if r.status == "linked" {
                format!("linked by {}", r.linked_by)
            } else {
                let gap = if r.gap.is_empty() { String::new() } else { format!("; for gap {}", r.gap) };
                format!("relevance {}; shares {}{gap}", r.score, r.reason)
            },
        ));
    }
    for e in &d.evidence {
        rows.push(row(
            "evidence",
            &module_name(d, &e.programme, &e.module_code, &e.module_title),
            &e.theme,
            &e.session,
            e.tagged_by.clone(),
            e.source.clone(),
        ));
    }
    rows
}

/// The report as flat rows for one CSV: section, scope, theme, measure,
/// value, detail, review (how an approved or rejected reading came to its
/// status: "review", "import", "added"; empty on other rows), theme_name
/// (the names of the `theme` column's slugs, for a person). The
/// comparison with an earlier round is in rows of its own (see
/// [`comparison_rows`]).
pub fn csv_rows(d: &ReportData) -> (Vec<String>, Vec<Vec<String>>) {
    let refs = list_references(d);
    let (headers, mut rows) = csv_rows_six(d, &refs);
    let mut headers = headers;
    headers.push("review".into());
    for r in rows.iter_mut().filter(|r| r.len() < headers.len()) {
        r.push(String::new());
    }
    // The theme's name for a person, after the columns scripts read by
    // position (issue 13): the `theme` column keeps the slug, the machine key.
    headers.push("theme_name".into());
    for r in &mut rows {
        let name = super::theme_names(&r[2], &|s| d.theme_name(s));
        r.push(name);
    }
    (headers, rows)
}

/// The rows of the approved readings' review split, and of the comparison,
/// for the flat CSV (section "summary" and "comparison").
fn review_split(d: &ReportData) -> Vec<(String, usize)> {
    let approved: Vec<&Reading> = d.approved().collect();
    let how = |h: &str| approved.iter().filter(|r| d.review_cell(r) == h).count();
    let mut v = vec![
        ("approved readings: reviewed".to_string(), how("review")),
        ("approved readings: approved on import".to_string(), how("import")),
    ];
    let added = how("added");
    if added > 0 {
        v.push(("approved readings: approved when added".into(), added));
    }
    let unknown = how("");
    if unknown > 0 {
        v.push(("approved readings: not recorded how".into(), unknown));
    }
    v
}

/// The comparison with an earlier round as flat rows (section "comparison"):
/// the counts, each gap closed or opened, each change of coverage.
fn comparison_rows(d: &ReportData) -> Vec<Vec<String>> {
    let Some(c) = &d.comparison else { return Vec::new() };
    let since = format!("{} → {}", c.from, c.to);
    let row = |a: &str, b: &str, c: &str, m: &str, v: String, det: String| {
        vec![a.into(), b.into(), c.into(), m.into(), v, det]
    };
    let mut rows = vec![
        row("comparison", &d.scope, "", "rounds", since.clone(), String::new()),
        row("comparison", &d.scope, "", "gaps closed", c.gaps_closed.len().to_string(), since.clone()),
        row("comparison", &d.scope, "", "gaps opened", c.gaps_opened.len().to_string(), since.clone()),
    ];
    for (label, gs) in [("gap closed", &c.gaps_closed), ("gap opened", &c.gaps_opened)] {
        for g in gs {
            rows.push(row(
                "comparison",
                &g.scope,
                g.theme.as_deref().unwrap_or(""),
                &format!("{label}: {}", g.kind),
                g.severity.clone(),
                g.explanation.clone(),
            ));
        }
    }
    for t in &c.themes {
        rows.push(row(
            "comparison",
            &d.scope,
            &t.theme,
            "theme coverage: tagged sessions",
            t.after.to_string(),
            format!(
                "{} in {}; change {:+}; modules {} → {}",
                t.before, c.from, t.change, t.modules_before, t.modules_after
            ),
        ));
    }
    for m in &c.modules {
        rows.push(row(
            "comparison",
            &c.module_place(m),
            &m.theme,
            "module coverage: tagged sessions",
            m.after.to_string(),
            format!("{} in {}; change {:+}", m.before, c.from, m.change),
        ));
    }
    rows
}

/// The six-column rows of [`csv_rows`].
fn csv_rows_six(d: &ReportData, refs: &std::collections::HashMap<i64, String>) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = ["section", "scope", "theme", "measure", "value", "detail"].map(String::from).to_vec();
    let mut rows = Vec::new();
    let cov = &d.coverage;
    let tagged: i64 = cov.rows.iter().map(|r| r.tagged_items).sum();
    let row = |a: &str, b: &str, c: &str, m: &str, v: String, det: String| {
        vec![a.into(), b.into(), c.into(), m.into(), v, det]
    };
    rows.push(row("summary", &d.scope, "", "title", d.title.clone(), String::new()));
    rows.push(row("summary", &d.scope, "", "date", d.date.clone(), String::new()));
    // The style the references are in, as the PDF names it (a dependent
    // style's own title first), with the name or file it was given as.
    rows.push(row("summary", &d.scope, "", "style", d.style.heading(), d.style.given_as().to_string()));
    for (label, value) in figures(d) {
        let detail = if label == "sessions tagged" { format!("{tagged} of {}", cov.items) } else { String::new() };
        rows.push(row("summary", &d.scope, "", &label, value, detail));
    }
    for (label, n) in review_split(d) {
        rows.push(row("summary", &d.scope, "", &label, n.to_string(), String::new()));
    }
    let mut by_sev: BTreeMap<Severity, usize> = BTreeMap::new();
    for g in &d.gaps {
        *by_sev.entry(g.severity).or_default() += 1;
    }
    for (s, n) in by_sev {
        rows.push(row("summary", &d.scope, "", &format!("gaps ({})", s.as_str()), n.to_string(), String::new()));
    }
    rows.extend(comparison_rows(d));
    rows.extend(finding_rows(d));
    for (i, (slug, _)) in d.themes.iter().enumerate() {
        rows.push(row(
            "summary",
            &d.scope,
            slug,
            "sessions tagged",
            cov.totals[i].to_string(),
            pct(cov.totals[i], cov.items),
        ));
    }
    for r in &cov.rows {
        let scope = module_name(d, &r.programme, &r.module_code, &r.module_title);
        for (i, (slug, _)) in d.themes.iter().enumerate() {
            rows.push(row(
                "coverage",
                &scope,
                slug,
                "sessions tagged",
                r.counts[i].to_string(),
                format!("of {} sessions", r.items),
            ));
        }
    }
    for g in &d.gaps {
        let cands = g
            .candidates
            .iter()
            .map(|c| format!("{} ({})", plain(&c.title), d.year_label(Some(c.reading_id), c.year)))
            .collect::<Vec<_>>()
            .join(" | ");
        rows.push(row(
            "gap",
            &g.scope,
            g.theme.as_deref().unwrap_or(""),
            g.kind.as_str(),
            g.severity.as_str().into(),
            format!(
                "{} ({}, {}) {} {} Readings proposed: {}",
                g.id,
                g.finding,
                crate::analysis::glossary::term(g.kind, d.min_readings).name,
                g.explanation,
                g.suggestion,
                if cands.is_empty() { "none".into() } else { cands }
            ),
        ));
    }
    rows.extend(plan_and_evidence_rows(d));
    for r in d.approved() {
        let themes = if r.themes.is_empty() { vec![String::new()] } else { r.themes.clone() };
        // One reference per reading, on each of its themes' rows.
        let reference = reference_of(d, refs, r);
        for t in themes {
            let mut cells =
                row("reading", "", &t, &r.kind, reference.clone(), r.annotation.clone().unwrap_or_default());
            cells.push(d.review_cell(r));
            rows.push(cells);
        }
    }
    // Rejected readings are in the report only with --include-rejected, as in the PDF's own section.
    for r in d.readings.iter().filter(|r| r.status == "rejected") {
        let mut cells = row(
            "reading rejected",
            "",
            &r.themes.join(";"),
            &r.kind,
            reference_of(d, refs, r),
            r.annotation.clone().unwrap_or_default(),
        );
        cells.push(d.review_cell(r));
        rows.push(cells);
    }
    for [facet, over, value, count, share] in d.facet_section().rows() {
        rows.push(row(
            "facet",
            &d.scope,
            "",
            &format!("{facet} ({over})"),
            count,
            format!("{value} {share}").trim().to_string(),
        ));
    }
    for r in d.readings.iter().filter(|r| r.status == "suggested") {
        rows.push(row(
            "reading awaiting review",
            "",
            &r.themes.join(";"),
            &r.kind,
            reference_of(d, refs, r),
            r.annotation.clone().unwrap_or_default(),
        ));
    }
    (headers, rows)
}

/// The report as flat tables (summary, findings, coverage, gaps, module
/// readings, evidence, readings, readings by theme, facets, and the
/// comparison with an earlier round when there is one), one CSV file or
/// workbook sheet each.
pub fn csv_tables(d: &ReportData) -> Vec<(&'static str, super::Listing)> {
    let refs = list_references(d);
    let (_, rows) = csv_rows_six(d, &refs);
    let mut summary = super::Listing::new(&["scope", "theme", "measure", "value", "detail"]);
    summary.rows = rows.iter().filter(|r| r[0] == "summary").map(|r| r[1..6].to_vec()).collect();
    let facets = d.facet_section();
    for t in &facets.content {
        for r in &t.rows {
            summary.rows.push(vec![
                d.scope.clone(),
                String::new(),
                format!("readings by {}", t.name.to_lowercase()),
                r.readings.to_string(),
                r.value.clone(),
            ]);
        }
        summary.rows.push(vec![
            d.scope.clone(),
            String::new(),
            format!("readings by {}", t.name.to_lowercase()),
            t.not_recorded.to_string(),
            "not recorded".into(),
        ]);
    }
    let mut readings = super::Listing::new(&[
        "id",
        "status",
        "themes",
        "reference",
        "title",
        "authors",
        "year",
        "type",
        "container",
        "volume",
        "issue",
        "pages",
        "publisher",
        "place",
        "edition",
        "editors",
        // After editors, as `export readings` has it (the reference columns
        // the two share are in the same order).
        "container_short",
        "year_note",
        "season",
        "doi",
        "pmid",
        "isbn",
        "url",
        "source_kind",
        "language",
        "annotation",
        "review",
        // Issue 12z: every other stored field of the reading, appended (scripts that read
        // columns by position keep working). `issue` keeps the stored number; a report's
        // number and a book's number in its series are named apart, as the reference cites them.
        "month",
        "day",
        "month_end",
        "series",
        "series_number",
        "report_number",
        "genre",
        "original_language",
        "translated",
        "global_south",
        "open_access",
        "perspective",
        "credit",
        "licence",
        // Branch 12d: the ends of a range of days and of seasons, appended.
        "day_end",
        "season_end",
        // Branch 12e: the number of pages of a whole work, appended.
        "page_count",
        // Schema 0026: the date the work was consulted (CSL `accessed`), appended.
        "accessed",
        // Schema 0028: the year a reprint or translation first appeared, appended.
        "original_year",
        // Schema 0029: the translators, as `editors` is written, appended.
        "translators",
        // Schema 0030: the title in the work's own language, appended.
        "original_title",
        // Schema 0032: the own title of a volume of a multi-volume work, appended.
        "volume_title",
        // Schema 0033: the number of volumes of a multi-volume work, appended.
        "number_of_volumes",
        // Schema 0036: the end year of a range of months across a year end, appended.
        "year_end",
        // Schema 0037: the book's other valid ISBNs, as `export reading` writes them, appended.
        "other_isbns",
        // Schema 0039: the archive that holds an archival document and its place there, appended.
        "archive",
        "archive_location",
        // Schema 0040: the conference a paper was given at, where and when, appended.
        "event",
        "event_place",
        "event_date",
        // Schema 0041: the PubMed Central ID and the arXiv ID, appended.
        "pmcid",
        "eprint",
    ])
    .with_ids(&["id"]);
    for r in &d.readings {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        // A chapter in a book in a series has the book's number in the
        // series as its issue (BibTeX `number`, CSL `collection-number`),
        // as a book in a series has: the same column.
        let chapter_in_series = matches!(r.kind.as_str(), "chapter") && r.series.is_some();
        let number = |label: &str| {
            let of = if chapter_in_series { "number in series" } else { crate::report::cite::issue_label(r) };
            if of == label { o(&r.issue) } else { String::new() }
        };
        readings.rows.push(vec![
            r.id.to_string(),
            r.status.clone(),
            r.themes.join(";"),
            reference_of(d, &refs, r),
            // The sheet text (`{eGFR}`), which the reading import reads back as stored.
            crate::import::title_text::sheet(&r.title),
            // As `export reading` writes them: "; et al." for a list cut short, "c1850" for a circa year.
            super::reading_authors(r),
            super::reading_year(r),
            r.kind.clone(),
            r.container.clone().unwrap_or_default(),
            r.volume.clone().unwrap_or_default(),
            r.issue.clone().unwrap_or_default(),
            r.pages.clone().unwrap_or_default(),
            r.publisher.clone().unwrap_or_default(),
            r.place.clone().unwrap_or_default(),
            r.edition.clone().unwrap_or_default(),
            super::reading_editors(r),
            r.container_short.clone().unwrap_or_default(),
            r.year_note.clone().unwrap_or_default(),
            r.season.clone().unwrap_or_default(),
            r.doi.clone().unwrap_or_default(),
            r.pmid.clone().unwrap_or_default(),
            r.isbn.clone().unwrap_or_default(),
            r.url.clone().unwrap_or_default(),
            r.source_kind.clone().unwrap_or_default(),
            r.language.clone().unwrap_or_default(),
            r.annotation.clone().unwrap_or_default(),
            d.review_cell(r),
            n(r.month),
            n(r.day),
            n(r.month_end),
            o(&r.series),
            // A report's number in its series is stored apart, beside its number (schema 0024).
            r.series_number.clone().unwrap_or_else(|| number("number in series")),
            number("report number"),
            o(&r.genre),
            o(&r.original_language),
            super::yes_no(r.translated),
            super::yes_no(r.global_south),
            super::yes_no(r.open_access),
            o(&r.perspective),
            o(&r.credit),
            o(&r.licence),
            n(r.day_end),
            o(&r.season_end),
            o(&r.page_count),
            o(&r.accessed),
            o(&r.original_year),
            crate::import::names::cell_text(&r.translator_names),
            o(&r.original_title.as_deref().map(crate::import::title_text::sheet)),
            o(&r.volume_title.as_deref().map(crate::import::title_text::sheet)),
            o(&r.number_of_volumes),
            n(r.year_end),
            r.other_isbns.join("; "),
            o(&r.archive),
            o(&r.archive_location),
            o(&r.event),
            o(&r.event_place),
            o(&r.event_date),
            o(&r.pmcid),
            o(&r.eprint),
        ]);
    }
    // The theme names of every reading, after the columns scripts read by position.
    readings.headers.push("theme_names".into());
    for row in &mut readings.rows {
        let names = super::theme_names(&row[2], &|s| d.theme_name(s));
        row.push(names);
    }

    // Every `theme` column keeps the slug (the machine key) with the name
    // beside it; the coverage sheet's columns are headed by the names.
    let name = |s: &str| d.theme_name(s);
    let mut coverage = super::coverage_listing(&d.coverage);
    for h in coverage.headers.iter_mut().skip(5).take(d.coverage.themes.len()) {
        *h = d.theme_name(h);
    }
    let mut tables = vec![
        ("summary", summary.with_theme_names(name)),
        ("findings", findings_listing(&d.findings).with_theme_names(name)),
        ("coverage", coverage),
        ("gaps", super::gaps_listing_labelled(&d.gaps, |id, y| d.year_label(id, y)).with_theme_names(name)),
        ("module_readings", plan_listing(&d.plan, |id, y| d.year_label(id, y)).with_theme_names(name)),
        ("evidence", super::evidence_listing(&d.evidence).with_theme_names(name)),
        ("readings", readings),
        ("readings_by_theme", readings_by_theme(d)),
    ];
    tables.push(("facets", super::facets::listing(&facets)));
    // What changed since the round compared with (--compare, else the latest).
    if let Some(c) = &d.comparison {
        tables.push(("comparison", super::comparison_listing(c).with_theme_names(name)));
    }
    tables
}

/// The reading list as the PDF groups it: one row per theme and reading (a
/// reading on two themes is under each; one with none under "(no theme)"),
/// themes in report order, readings in the order the style sorts each
/// theme's list (list order when it does not sort), references as in that
/// list, with how each came to its status (the `review` column of readings.csv).
fn readings_by_theme(d: &ReportData) -> super::Listing {
    let mut l = super::Listing::new(&[
        "theme",
        "theme_name",
        "status",
        "reference",
        "year",
        "type",
        "annotation",
        "id",
        "review",
    ])
    .with_ids(&["id"]);
    let groups = d.themes.iter().map(|(s, n)| (s.as_str(), n.as_str())).chain([("", "(no theme)")]);
    // Each reading rendered once for the whole report, for every theme it is on.
    let refs = d.references();
    let all: Vec<&Reading> = d.readings.iter().collect();
    for (slug, name) in groups {
        let members =
            d.positions(|r| if slug.is_empty() { r.themes.is_empty() } else { r.themes.iter().any(|t| t == slug) });
        let rs = d.at(&members);
        for c in refs.list(&d.style, &all, &members) {
            let r = rs[c.index];
            l.rows.push(vec![
                slug.to_string(),
                name.to_string(),
                r.status.clone(),
                c.text.text,
                super::reading_year(r),
                r.kind.clone(),
                r.annotation.clone().unwrap_or_default(),
                r.id.to_string(),
                d.review_cell(r),
            ]);
        }
    }
    l
}

/// The findings as rows.
pub fn findings_listing(fs: &[Finding]) -> super::Listing {
    let mut l =
        super::Listing::new(&["id", "severity", "kind", "programme", "theme", "scope", "finding", "next_step", "gaps"]);
    for f in fs {
        l.rows.push(vec![
            f.id.clone(),
            f.severity.as_str().into(),
            serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            f.programme.clone().unwrap_or_default(),
            f.theme.clone().unwrap_or_default(),
            f.scope.clone(),
            f.headline.clone(),
            f.next_step.clone(),
            f.gaps.join(";"),
        ]);
    }
    l
}

/// What each module should read, as rows. `label` gives a reading's year
/// (reading ID, year) as the report's references label it
/// ([`ReportData::year_label`]), in the column `reading_label` beside the
/// plain `reading_year`.
pub fn plan_listing(plan: &[ModuleReading], label: impl Fn(Option<i64>, Option<i64>) -> String) -> super::Listing {
    let mut l = super::Listing::new(&[
        "programme",
        "year",
        "module_code",
        "module_title",
        "status",
        "reading_id",
        "title",
        "authors",
        "reading_year",
        "reading_label",
        "review",
        "session",
        "linked_by",
        "theme",
        "relevance",
        "shared_words",
        "gap",
        "note",
    ])
    .with_ids(&["reading_id"]);
    for r in plan {
        l.rows.push(vec![
            r.programme.clone(),
            year(r.year),
            r.module_code.clone(),
            r.module_title.clone(),
            r.status.into(),
            r.reading_id.map(|i| i.to_string()).unwrap_or_default(),
            plain(&r.title),
            // The export's writer: a comma'd institution in braces, so that it reads back whole.
            crate::import::names::cell_text(&r.author_names),
            year(r.reading_year),
            label(r.reading_id, r.reading_year),
            r.review.clone(),
            r.session.clone(),
            r.linked_by.clone(),
            r.theme.clone(),
            if r.status == "proposed" { r.score.to_string() } else { String::new() },
            r.reason.clone(),
            r.gap.clone(),
            r.note.clone(),
        ]);
    }
    l
}

/// The key figures as JSON numbers, under the labels of [`figures`]:
/// counts as whole numbers; the percentage of sessions tagged under
/// "sessions tagged (%)" (a number from 0 to 100, rounded as the PDF shows
/// it; null when there are no sessions), so that it does not read as a
/// count beside "sessions", with its count under "sessions tagged: count"; and the
/// approved readings split by how they were approved (as in the CSV summary).
pub fn json_summary(d: &ReportData) -> BTreeMap<String, serde_json::Value> {
    use serde_json::Value;
    let mut m: BTreeMap<String, Value> = figures(d)
        .into_iter()
        .map(|(label, value)| {
            let n = match value.strip_suffix('%') {
                Some(p) => p.parse::<i64>().ok(),
                None => value.parse::<i64>().ok(),
            };
            let label = if label == "sessions tagged" { "sessions tagged (%)".to_string() } else { label };
            (label, n.map_or(Value::Null, Value::from))
        })
        .collect();
    let tagged: i64 = d.coverage.rows.iter().map(|r| r.tagged_items).sum();
    m.insert("sessions tagged: count".into(), Value::from(tagged));
    for (label, n) in review_split(d) {
        m.insert(label, Value::from(n));
    }
    m
}

/// The report as one JSON document.
pub fn json(d: &ReportData) -> serde_json::Value {
    let refs = list_references(d);
    serde_json::json!({
        "title": d.title,
        "programmes": d.programmes,
        "scope": d.scope,
        "date": d.date,
        "style": {"title": d.style.heading(), "given_as": d.style.given_as()},
        "contributors": d.contributors,
        "themes": d.themes.iter().map(|(s, n)| serde_json::json!({"slug": s, "name": n})).collect::<Vec<_>>(),
        "summary": json_summary(d),
        "key_findings": d.findings.iter().take(KEY_FINDINGS).map(|f| f.id.clone()).collect::<Vec<_>>(),
        "findings": d.findings,
        "glossary": d.glossary,
        // The rules the methods page states, with the numbers the code applied.
        "methods": {
            "proposals": crate::analysis::proposals::rule(),
            "proposal_text": crate::analysis::glossary::proposal_rule(&crate::analysis::proposals::rule()),
            "gap_numbering": crate::analysis::glossary::numbering_rule(),
            "session_places": crate::analysis::glossary::PLACE_RULE,
            "findings": crate::analysis::glossary::FINDING_RULE,
        },
        "coverage": super::coverage_records(&d.coverage, |s| d.theme_name(s)),
        "gaps": d.gaps,
        "module_readings": d.plan.iter().map(|p| {
            let mut v = serde_json::to_value(p).unwrap_or_default();
            if p.reading_id.is_some() {
                v["reading_label"] = serde_json::Value::String(d.year_label(p.reading_id, p.reading_year));
            }
            v
        }).collect::<Vec<_>>(),
        "evidence": d.evidence,
        "facets": d.facet_section(),
        "comparison": d.comparison,
        "readings": d.readings.iter().map(|r| {
            let mut v = serde_json::to_value(r.for_output()).unwrap_or_default();
            v["reference"] = serde_json::Value::String(reference_of(d, &refs, r));
            v["review"] = d.review_json(r);
            v
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_labels_agree_with_their_value() {
        assert_eq!(in_number("modules", "1"), "module");
        assert_eq!(in_number("modules", "2"), "modules");
        assert_eq!(in_number("findings: high", "1"), "finding: high");
        assert_eq!(in_number("approved readings", "1"), "approved reading");
        assert_eq!(in_number("readings awaiting review", "1"), "reading awaiting review");
        assert_eq!(in_number("sessions tagged", "100%"), "sessions tagged");
    }
}
