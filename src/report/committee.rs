//! The committee report: the same computed structs laid out as a PDF
//! document or as flat CSV rows.

use std::collections::BTreeMap;

use serde::Serialize;

use super::pdf::{Align, Block, Column, Document, HeatMap, Style, Table};
use super::year;
use crate::analysis::coverage::Coverage;
use crate::analysis::gaps::{Gap, GapKind, Severity};
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
    pub coverage: Coverage,
    pub gaps: Vec<Gap>,
    /// Readings in scope (all statuses), in list order.
    pub readings: Vec<Reading>,
    pub min_readings: usize,
    /// How references are formatted.
    pub style: RefStyle,
    /// What changed since an earlier audit round, if there is one.
    pub comparison: Option<crate::analysis::snapshot::Comparison>,
}

/// Reference styles: Vancouver (the common style in medicine) or APA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum RefStyle {
    Vancouver,
    Apa,
}

/// Aggregates over fewer entries than this are shown as "<5", never as a number.
pub const SUPPRESS_BELOW: usize = 5;

/// One facet's counts over the approved readings, small counts suppressed.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub name: String,
    /// (value, count as shown: a number, or "<5")
    pub counts: Vec<(String, String)>,
}

fn shown(n: usize) -> String {
    if n == 0 {
        "0".into()
    } else if n < SUPPRESS_BELOW {
        format!("<{SUPPRESS_BELOW}")
    } else {
        n.to_string()
    }
}

/// Content facets of the approved reading list (about the works, never
/// inferred about people): language, source kind, Global South content, open access.
pub fn facets(readings: &[&Reading]) -> Vec<Facet> {
    let count = |f: &dyn Fn(&Reading) -> String| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for r in readings {
            *m.entry(f(r)).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(k, n)| (k, shown(n))).collect()
    };
    let yes_no = |v: Option<bool>| match v {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => "not recorded".to_string(),
    };
    vec![
        Facet {
            name: "Language".into(),
            counts: count(&|r| r.language.clone().map_or("not recorded".into(), |l| language_name(&l))),
        },
        Facet {
            name: "Source kind".into(),
            counts: count(&|r| r.source_kind.clone().unwrap_or_else(|| "not recorded".into())),
        },
        Facet { name: "Global South content".into(), counts: count(&|r| yes_no(r.global_south)) },
        Facet { name: "Open access".into(), counts: count(&|r| yes_no(r.open_access)) },
    ]
}

fn language_name(code: &str) -> String {
    let name = match code.to_ascii_lowercase().as_str() {
        "en" | "eng" | "english" => "English",
        "fr" | "fre" | "fra" | "french" => "French",
        "es" | "spa" | "spanish" => "Spanish",
        "pt" | "por" | "portuguese" => "Portuguese",
        "ar" | "ara" | "arabic" => "Arabic",
        "zh" | "chi" | "zho" | "chinese" => "Chinese",
        "hi" | "hin" | "hindi" => "Hindi",
        "sw" | "swa" | "swahili" => "Swahili",
        "yo" | "yor" | "yoruba" => "Yoruba",
        "de" | "ger" | "deu" | "german" => "German",
        _ => return code.to_string(),
    };
    name.to_string()
}

impl ReportData {
    fn theme_name(&self, slug: &str) -> String {
        self.themes.iter().find(|(s, _)| s == slug).map_or_else(|| slug.to_string(), |(_, n)| n.clone())
    }

    fn approved(&self) -> impl Iterator<Item = &Reading> {
        self.readings.iter().filter(|r| r.status == "approved")
    }
}

fn pct(n: i64, of: i64) -> String {
    if of == 0 { "–".into() } else { format!("{:.0}%", 100.0 * n as f64 / of as f64) }
}

/// An author in Vancouver style: "Vyas, Darshali A." → "Vyas DA"; names
/// without a comma (one-part names, names in other scripts) stay as published.
pub fn vancouver_name(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given)) if !given.trim().is_empty() => {
            let initials: String = given
                .split([' ', '.'])
                .filter(|w| !w.is_empty())
                .flat_map(|w| {
                    w.split('-').filter_map(|p| p.chars().next()).flat_map(char::to_uppercase).collect::<Vec<_>>()
                })
                .collect();
            format!("{} {initials}", family.trim())
        }
        _ => name.trim().to_string(),
    }
}

fn type_marker(kind: &str) -> &'static str {
    match kind {
        "podcast" => " [podcast]",
        "video" => " [video]",
        "web" => " [Internet]",
        "thread" => " [social media thread]",
        _ => "",
    }
}

/// A reference in Vancouver style.
pub fn vancouver(r: &Reading) -> String {
    let mut s = String::new();
    if !r.authors.is_empty() {
        let names: Vec<String> = r.authors.iter().take(6).map(|a| vancouver_name(a)).collect();
        s.push_str(&names.join(", "));
        if r.authors.len() > 6 {
            s.push_str(", et al");
        }
        s.push_str(". ");
    }
    s.push_str(r.title.trim_end_matches('.'));
    s.push_str(type_marker(&r.kind));
    s.push_str(". ");
    match (r.kind.as_str(), &r.container) {
        ("book", Some(c)) => s.push_str(&format!("{c}; {}.", year(r.year))),
        (_, Some(c)) => s.push_str(&format!("{c}. {}.", year(r.year))),
        (_, None) => {
            if r.year.is_some() {
                s.push_str(&format!("{}.", year(r.year)));
            }
        }
    }
    if let Some(d) = &r.doi {
        s.push_str(&format!(" doi:{d}"));
    } else if let Some(u) = &r.url {
        s.push_str(&format!(" Available from: {u}"));
    }
    s.trim().to_string()
}

/// An author in APA style: "Vyas, Darshali A." → "Vyas, D. A."; names
/// without a comma stay as published.
pub fn apa_name(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given)) if !given.trim().is_empty() => {
            let initials: Vec<String> = given
                .split([' ', '.'])
                .filter(|w| !w.is_empty())
                .map(|w| {
                    w.split('-')
                        .filter_map(|p| p.chars().next())
                        .map(|c| format!("{}.", c.to_uppercase()))
                        .collect::<Vec<_>>()
                        .join("-")
                })
                .collect();
            format!("{}, {}", family.trim(), initials.join(" "))
        }
        _ => name.trim().to_string(),
    }
}

/// A reference in APA (7th edition) style.
pub fn apa(r: &Reading) -> String {
    let mut s = String::new();
    let names: Vec<String> = r.authors.iter().map(|a| apa_name(a)).collect();
    match names.len() {
        0 => {}
        1 => s.push_str(&names[0]),
        n if n <= 20 => s.push_str(&format!("{}, & {}", names[..n - 1].join(", "), names[n - 1])),
        n => s.push_str(&format!("{}, … {}", names[..19].join(", "), names[n - 1])),
    }
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(&format!("({}). ", r.year.map_or("n.d.".to_string(), |y| y.to_string())));
    s.push_str(r.title.trim_end_matches('.'));
    s.push_str(type_marker(&r.kind));
    s.push('.');
    if let Some(c) = &r.container {
        s.push_str(&format!(" {c}."));
    }
    if let Some(d) = &r.doi {
        s.push_str(&format!(" https://doi.org/{d}"));
    } else if let Some(u) = &r.url {
        s.push_str(&format!(" {u}"));
    }
    s
}

/// A reference in the chosen style.
pub fn reference(r: &Reading, style: RefStyle) -> String {
    match style {
        RefStyle::Vancouver => vancouver(r),
        RefStyle::Apa => apa(r),
    }
}

/// Annotations longer than this are cut in the PDF (the CSV and JSON keep them whole).
const ANNOTATION_MAX: usize = 1_500;

/// How a warning about a reading's reference names it: its ID and title.
fn reading_name(r: &Reading) -> String {
    let title: String = r.title.chars().take(60).collect();
    let more = if title.len() < r.title.len() { "…" } else { "" };
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
    "Reading list",
    "Who and what the list includes",
    "Methods and caveats",
];

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

/// The report as a PDF document.
pub fn document(d: &ReportData) -> Document {
    let mut b = Vec::new();
    let cov = &d.coverage;
    let tagged: i64 = cov.rows.iter().map(|r| r.tagged_items).sum();
    let sev = |s: Severity| d.gaps.iter().filter(|g| g.severity == s).count();

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

    // Summary.
    b.push(Block::Heading { level: 1, text: "Summary".into() });
    b.push(Block::KeyFigures(vec![
        ("modules".into(), cov.rows.len().to_string()),
        ("sessions".into(), cov.items.to_string()),
        ("sessions tagged".into(), pct(tagged, cov.items)),
        ("approved readings".into(), d.approved().count().to_string()),
        ("gaps: high".into(), sev(Severity::High).to_string()),
        ("gaps: medium".into(), sev(Severity::Medium).to_string()),
        ("gaps: low".into(), sev(Severity::Low).to_string()),
        ("readings awaiting review".into(), d.readings.iter().filter(|r| r.status == "suggested").count().to_string()),
    ]));
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
    let high: Vec<String> =
        d.gaps.iter().filter(|g| g.severity == Severity::High).map(|g| g.explanation.clone()).collect();
    b.push(Block::Heading { level: 2, text: "Key findings".into() });
    if high.is_empty() {
        b.push(Block::Paragraph {
            text: "No high-severity gaps: every theme is taught somewhere and has enough approved reading.".into(),
            style: Style::Body,
        });
    } else {
        b.push(Block::Bullets(high));
    }
    let medium_modules =
        d.gaps.iter().filter(|g| g.kind == GapKind::ModuleGap && g.severity == Severity::Medium).count();
    if medium_modules > 0 {
        b.push(Block::Paragraph {
            text: format!(
                "{medium_modules} module gaps have untagged sessions whose own words match the theme's keywords: \
                 these are the quickest wins, since the theme may already be taught there."
            ),
            style: Style::Body,
        });
    }
    // Readings by theme and status.
    b.push(Block::Heading { level: 2, text: "Readings by theme and review status".into() });
    let mut rows = Vec::new();
    let status_row = |label: String, f: &dyn Fn(&Reading) -> bool| {
        let n = |st: &str| d.readings.iter().filter(|r| r.status == st && f(r)).count().to_string();
        vec![label, n("approved"), n("suggested"), n("rejected")]
    };
    for (slug, name) in &d.themes {
        rows.push(status_row(name.clone(), &|r: &Reading| r.themes.contains(slug)));
    }
    rows.push(status_row("No theme yet".into(), &|r: &Reading| r.themes.is_empty()));
    b.push(Block::Table(Table {
        columns: vec![
            Column { header: "Theme".into(), weight: 3.0, align: Align::Left },
            Column { header: "Approved".into(), weight: 1.2, align: Align::Right },
            Column { header: "Awaiting review".into(), weight: 1.5, align: Align::Right },
            Column { header: "Rejected".into(), weight: 1.2, align: Align::Right },
        ],
        rows,
    }));

    // Since the last audit round.
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
                    Column { header: "Kind".into(), weight: 1.6, align: Align::Left },
                    Column { header: "Where".into(), weight: 2.4, align: Align::Left },
                    Column { header: "What".into(), weight: 6.0, align: Align::Left },
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

    // Coverage heat-map.
    b.push(Block::Heading { level: 1, text: "Coverage".into() });
    b.push(Block::Paragraph {
        text:
            "Each row is a module, each column a theme. A cell shows how many of the module's sessions are tagged with \
               the theme; its colour shows that number as a share of the module's sessions. Empty cells are gaps."
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
            .map(|r| format!("{} {} (Y{})", r.module_code, r.module_title, year(r.year)))
            .collect(),
        col_labels: d.themes.iter().map(|(_, n)| n.clone()).collect(),
        values,
        cell_text: texts,
        legend: "Colour: share of the module's sessions tagged with the theme (full colour at one in three or more)."
            .into(),
    }));

    // Gaps.
    b.push(Block::Heading { level: 1, text: "Gaps".into() });
    b.push(Block::Paragraph {
        text: format!(
            "{} gaps: {} high, {} medium, {} low. Each comes with an explanation and, where possible, approved readings \
             on the missing theme, ranked by full-text relevance to the module's own sessions and outcomes.",
            d.gaps.len(),
            sev(Severity::High),
            sev(Severity::Medium),
            sev(Severity::Low)
        ),
        style: Style::Body,
    });
    let sev_word = |s: Severity| match s {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    };
    let cols = |first: &str, readings: bool| {
        let mut c = vec![
            Column { header: "Severity".into(), weight: 1.3, align: Align::Left },
            Column { header: first.into(), weight: 2.2, align: Align::Left },
            Column { header: "What is missing, and what next".into(), weight: 5.0, align: Align::Left },
        ];
        if readings {
            c.push(Column { header: "Suggested readings".into(), weight: 3.4, align: Align::Left });
        }
        c
    };
    let readings_cell =
        |g: &Gap| g.candidates.iter().map(|c| format!("{} ({})", c.title, year(c.year))).collect::<Vec<_>>().join("\n");
    for (kind, title) in [
        (GapKind::UncoveredTheme, "Themes not covered"),
        (GapKind::NotRevisited, "Themes not returned to"),
        (GapKind::ShallowTheme, "Themes taught only at the lower levels"),
        (GapKind::ThinReading, "Themes with thin reading"),
        (GapKind::UntaggedModule, "Modules with no theme"),
        (GapKind::UnsupportedItem, "Tagged sessions without a reading"),
    ] {
        let gs: Vec<&Gap> = d.gaps.iter().filter(|g| g.kind == kind).collect();
        if gs.is_empty() {
            continue;
        }
        b.push(Block::Heading { level: 2, text: format!("{title} ({})", gs.len()) });
        let with_readings = gs.iter().any(|g| !g.candidates.is_empty());
        let rows = gs
            .iter()
            .map(|g| {
                let theme = g.theme.as_deref().map(|t| d.theme_name(t));
                let place = g.scope.trim_start_matches("module ").to_string();
                let place = match theme {
                    Some(t) if kind != GapKind::UntaggedModule => format!("{t}, {place}"),
                    _ => place,
                };
                let mut row = vec![sev_word(g.severity).into(), place, format!("{} {}", g.explanation, g.suggestion)];
                if with_readings {
                    row.push(readings_cell(g));
                }
                row
            })
            .collect();
        let first = if kind == GapKind::UntaggedModule { "Module" } else { "Theme and where" };
        b.push(Block::Table(Table { columns: cols(first, with_readings), rows }));
    }
    // Module gaps, one row per module, so a committee reads them in minutes.
    let module_gaps: Vec<&Gap> = d.gaps.iter().filter(|g| g.kind == GapKind::ModuleGap).collect();
    if !module_gaps.is_empty() {
        let mut by_module: BTreeMap<(Option<i64>, String), Vec<&Gap>> = BTreeMap::new();
        for g in &module_gaps {
            by_module.entry((g.year, g.scope.trim_start_matches("module ").to_string())).or_default().push(g);
        }
        b.push(Block::Heading {
            level: 2,
            text: format!("Module gaps ({} in {} modules)", module_gaps.len(), by_module.len()),
        });
        b.push(Block::Paragraph {
            text: "A module with no session on a theme. Medium when an untagged session's own words match the theme's \
                   keywords (the theme may already be taught there); low otherwise. Readings are the approved readings \
                   on the missing theme that share most words with the module."
                .into(),
            style: Style::Muted,
        });
        let rows = by_module
            .into_iter()
            .map(|((_, module), gs)| {
                let worst = gs.iter().map(|g| g.severity).min().unwrap_or(Severity::Low);
                let missing = gs
                    .iter()
                    .map(|g| g.theme.as_deref().map(|t| d.theme_name(t)).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(", ");
                let evidence: Vec<String> = gs
                    .iter()
                    .filter(|g| g.severity == Severity::Medium)
                    .filter_map(|g| {
                        g.explanation.split_once(" Untagged session ").map(|(_, e)| format!("Untagged session {e}"))
                    })
                    .collect();
                let what = if evidence.is_empty() {
                    format!("Missing: {missing}.")
                } else {
                    format!("Missing: {missing}. {}", evidence.join(" "))
                };
                let reads = gs
                    .iter()
                    .filter_map(|g| {
                        g.candidates.first().map(|c| {
                            format!(
                                "{}: {} ({})",
                                g.theme.as_deref().map(|t| d.theme_name(t)).unwrap_or_default(),
                                c.title,
                                year(c.year)
                            )
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                vec![sev_word(worst).into(), module, what, reads]
            })
            .collect();
        b.push(Block::Table(Table { columns: cols("Module", true), rows }));
    }

    // Reading list.
    b.push(Block::Heading { level: 1, text: "Reading list".into() });
    b.push(Block::Paragraph {
        text:
            "Approved readings, grouped by theme (a reading on several themes appears under each), in Vancouver style. \
               Under each reference: the group's annotation, the type of source and any credit or licence."
                .into(),
        style: Style::Body,
    });
    let mut n = 0;
    for (slug, name) in &d.themes {
        let rs: Vec<&Reading> = d.approved().filter(|r| r.themes.contains(slug)).collect();
        b.push(Block::Heading { level: 2, text: format!("{name} ({})", rs.len()) });
        if rs.is_empty() {
            b.push(Block::Paragraph { text: "No approved reading yet.".into(), style: Style::Muted });
        }
        for r in rs {
            n += 1;
            b.push(
                Block::Reference { label: format!("{n}."), text: reference(r, d.style), note: note_line(r) }
                    .named(reading_name(r)),
            );
        }
    }
    let untagged: Vec<&Reading> = d.approved().filter(|r| r.themes.is_empty()).collect();
    if !untagged.is_empty() {
        b.push(Block::Heading { level: 2, text: format!("Not yet tagged with a theme ({})", untagged.len()) });
        for r in untagged {
            n += 1;
            b.push(
                Block::Reference { label: format!("{n}."), text: reference(r, d.style), note: note_line(r) }
                    .named(reading_name(r)),
            );
        }
    }
    let suggested: Vec<&Reading> = d.readings.iter().filter(|r| r.status == "suggested").collect();
    if !suggested.is_empty() {
        b.push(Block::Heading { level: 2, text: format!("Awaiting review ({})", suggested.len()) });
        b.push(Block::Paragraph {
            text: "Suggested by contributors and not yet reviewed; they do not count towards the gaps above.".into(),
            style: Style::Muted,
        });
        for r in suggested {
            n += 1;
            b.push(
                Block::Reference { label: format!("{n}."), text: reference(r, d.style), note: note_line(r) }
                    .named(reading_name(r)),
            );
        }
    }

    let rejected: Vec<&Reading> = d.readings.iter().filter(|r| r.status == "rejected").collect();
    if !rejected.is_empty() {
        b.push(Block::Heading { level: 2, text: format!("Rejected after review ({})", rejected.len()) });
        for r in rejected {
            n += 1;
            b.push(
                Block::Reference { label: format!("{n}."), text: reference(r, d.style), note: note_line(r) }
                    .named(reading_name(r)),
            );
        }
    }

    // Content facets.
    b.push(Block::Heading { level: 1, text: "Who and what the list includes".into() });
    b.push(Block::Paragraph {
        text: format!(
            "Facets of the approved readings as works: their language, the kind of source, whether they carry \
             Global South content and whether they are open access. Counts under {SUPPRESS_BELOW} are shown as \
             \"<{SUPPRESS_BELOW}\" so that no small group can be singled out. Nothing here is inferred about a \
             person: facets about authors are recorded only as self-identified or published."
        ),
        style: Style::Body,
    });
    let approved: Vec<&Reading> = d.approved().collect();
    for f in facets(&approved) {
        b.push(Block::Heading { level: 2, text: f.name.clone() });
        b.push(Block::Table(Table {
            columns: vec![
                Column { header: f.name.clone(), weight: 4.0, align: Align::Left },
                Column { header: "Readings".into(), weight: 1.2, align: Align::Right },
            ],
            rows: f.counts.iter().map(|(k, v)| vec![k.clone(), v.clone()]).collect(),
        }));
    }

    // Methods.
    b.push(Block::Heading { level: 1, text: "Methods and caveats".into() });
    b.push(Block::Heading { level: 2, text: "Themes".into() });
    b.push(Block::Paragraph {
        text: "A theme is a lens for the audit, with a description and a keyword lexicon. Sessions and readings are tagged \
               with themes by people; keywords are used only as evidence for where a theme may already be taught, \
               never to tag anything by themselves."
            .into(),
        style: Style::Body,
    });
    b.push(Block::Heading { level: 2, text: "Gaps".into() });
    b.push(Block::Bullets(vec![
        "Uncovered theme: no session in the programme (high) or in a year of study (medium) is tagged with the theme.".into(),
        "Not revisited: a theme taught in one year of study only, never returned to.".into(),
        "Shallow theme: a theme met only at Bloom's remember and understand levels (levels inferred from the verbs of the learning outcomes, Anderson and Krathwohl 2001; faculty can override them).".into(),
        "Unsupported session: a session tagged with a theme but with no reading on that theme linked to it or its module.".into(),
        format!("Thin reading: fewer than {} approved readings on a theme (high when there are none).", d.min_readings),
        "Untagged module: no session of the module is tagged with any theme.".into(),
        "Module gap: a module with no session on a theme; medium when an untagged session's own words match the theme's keywords, low otherwise.".into(),
    ]));
    b.push(Block::Heading { level: 2, text: "Caveats".into() });
    b.push(Block::Bullets(vec![
        "Counts measure what is tagged, not the quality of teaching: a tag records that a session touches a theme.".into(),
        "canon never infers a person's identity from a name or a photograph; facets about authors are recorded only as self-identified or published, and counts under five are suppressed.".into(),
        "There are no quotas: the aim is that students meet each theme, in depth and more than once, not a target number of sessions.".into(),
        "Only approved readings count towards gaps; suggestions awaiting review are listed separately.".into(),
    ]));
    Document { title: d.title.clone(), date: d.date.clone(), blocks: b }
}

/// The report as flat rows for one CSV: section, scope, theme, measure, value, detail.
pub fn csv_rows(d: &ReportData) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = ["section", "scope", "theme", "measure", "value", "detail"].map(String::from).to_vec();
    let mut rows = Vec::new();
    let cov = &d.coverage;
    let tagged: i64 = cov.rows.iter().map(|r| r.tagged_items).sum();
    let row = |a: &str, b: &str, c: &str, m: &str, v: String, det: String| {
        vec![a.into(), b.into(), c.into(), m.into(), v, det]
    };
    rows.push(row("summary", &d.scope, "", "title", d.title.clone(), String::new()));
    rows.push(row("summary", &d.scope, "", "date", d.date.clone(), String::new()));
    rows.push(row("summary", &d.scope, "", "modules", cov.rows.len().to_string(), String::new()));
    rows.push(row("summary", &d.scope, "", "sessions", cov.items.to_string(), String::new()));
    rows.push(row("summary", &d.scope, "", "sessions tagged", tagged.to_string(), pct(tagged, cov.items)));
    rows.push(row("summary", &d.scope, "", "approved readings", d.approved().count().to_string(), String::new()));
    let mut by_sev: BTreeMap<Severity, usize> = BTreeMap::new();
    for g in &d.gaps {
        *by_sev.entry(g.severity).or_default() += 1;
    }
    for (s, n) in by_sev {
        rows.push(row("summary", &d.scope, "", &format!("gaps ({})", s.as_str()), n.to_string(), String::new()));
    }
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
        let scope = format!("{} {}", r.module_code, r.module_title);
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
        let cands =
            g.candidates.iter().map(|c| format!("{} ({})", c.title, year(c.year))).collect::<Vec<_>>().join(" | ");
        rows.push(row(
            "gap",
            &g.scope,
            g.theme.as_deref().unwrap_or(""),
            g.kind.as_str(),
            g.severity.as_str().into(),
            format!(
                "{} {} Suggested readings: {}",
                g.explanation,
                g.suggestion,
                if cands.is_empty() { "none".into() } else { cands }
            ),
        ));
    }
    for r in d.approved() {
        let themes = if r.themes.is_empty() { vec![String::new()] } else { r.themes.clone() };
        for t in themes {
            rows.push(row("reading", "", &t, &r.kind, reference(r, d.style), r.annotation.clone().unwrap_or_default()));
        }
    }
    for r in d.readings.iter().filter(|r| r.status == "suggested") {
        rows.push(row(
            "reading awaiting review",
            "",
            &r.themes.join(";"),
            &r.kind,
            reference(r, d.style),
            r.annotation.clone().unwrap_or_default(),
        ));
    }
    (headers, rows)
}

/// The report as four flat tables (summary, coverage, gaps, readings), one
/// CSV file each.
pub fn csv_tables(d: &ReportData) -> Vec<(&'static str, super::Listing)> {
    let (_, rows) = csv_rows(d);
    let mut summary = super::Listing::new(&["scope", "theme", "measure", "value", "detail"]);
    summary.rows = rows.iter().filter(|r| r[0] == "summary").map(|r| r[1..].to_vec()).collect();
    for f in facets(&d.approved().collect::<Vec<_>>()) {
        for (k, v) in f.counts {
            summary.rows.push(vec![
                d.scope.clone(),
                String::new(),
                format!("readings by {}", f.name.to_lowercase()),
                v,
                k,
            ]);
        }
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
        "doi",
        "url",
        "source_kind",
        "language",
        "annotation",
    ]);
    for r in &d.readings {
        readings.rows.push(vec![
            r.id.to_string(),
            r.status.clone(),
            r.themes.join(";"),
            reference(r, d.style),
            r.title.clone(),
            r.authors.join("; "),
            year(r.year),
            r.kind.clone(),
            r.container.clone().unwrap_or_default(),
            r.doi.clone().unwrap_or_default(),
            r.url.clone().unwrap_or_default(),
            r.source_kind.clone().unwrap_or_default(),
            r.language.clone().unwrap_or_default(),
            r.annotation.clone().unwrap_or_default(),
        ]);
    }
    vec![
        ("summary", summary),
        ("coverage", super::coverage_listing(&d.coverage)),
        ("gaps", super::gaps_listing(&d.gaps)),
        ("readings", readings),
    ]
}

/// The report as one JSON document.
pub fn json(d: &ReportData) -> serde_json::Value {
    let approved: Vec<&Reading> = d.approved().collect();
    serde_json::json!({
        "title": d.title,
        "programmes": d.programmes,
        "scope": d.scope,
        "date": d.date,
        "contributors": d.contributors,
        "themes": d.themes.iter().map(|(s, n)| serde_json::json!({"slug": s, "name": n})).collect::<Vec<_>>(),
        "coverage": super::coverage_records(&d.coverage),
        "gaps": d.gaps,
        "facets": facets(&approved),
        "readings": d.readings.iter().map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            v["reference"] = serde_json::Value::String(reference(r, d.style));
            v
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apa_names_and_small_counts() {
        assert_eq!(apa_name("Vyas, Darshali A."), "Vyas, D. A.");
        assert_eq!(apa_name("Ladson-Billings, Gloria-Jean"), "Ladson-Billings, G.-J.");
        assert_eq!(apa_name("Ngũgĩ wa Thiong'o"), "Ngũgĩ wa Thiong'o");
        assert_eq!(shown(0), "0");
        assert_eq!(shown(3), "<5");
        assert_eq!(shown(5), "5");
    }

    #[test]
    fn vancouver_names() {
        assert_eq!(vancouver_name("Vyas, Darshali A."), "Vyas DA");
        assert_eq!(vancouver_name("Vergès, Françoise"), "Vergès F");
        assert_eq!(vancouver_name("Ngũgĩ wa Thiong'o"), "Ngũgĩ wa Thiong'o");
        assert_eq!(vancouver_name("Cooper Owens, Deirdre"), "Cooper Owens D");
        assert_eq!(vancouver_name("Ladson-Billings, Gloria-Jean"), "Ladson-Billings GJ");
        assert_eq!(vancouver_name("鲁迅"), "鲁迅");
    }
}
