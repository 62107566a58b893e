//! Audit rounds: the coverage and gaps of a round frozen as plain rows, and
//! what changed between two rounds.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::coverage::Coverage;
use super::gaps::{Gap, module_scope};

/// Tagged items of one module on one theme, as a round saw them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageCell {
    pub programme: String,
    pub module_code: String,
    pub module_title: String,
    pub year: Option<i64>,
    pub theme: String,
    pub items: i64,
    pub tagged: i64,
}

/// A gap as a round saw it; `key` says what it is about, across rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRef {
    pub key: String,
    pub kind: String,
    pub severity: String,
    pub scope: String,
    pub theme: Option<String>,
    pub module_code: Option<String>,
    pub explanation: String,
}

/// One round, frozen.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Frozen {
    pub coverage: Vec<CoverageCell>,
    pub gaps: Vec<GapRef>,
}

/// What a gap is about: its kind, scope and theme (not its wording or severity).
///
/// A module's gap always has its programme in the key ("module MED2002
/// Respiratory (BSc Nursing)"), whether or not its scope text names it, so
/// that two programmes' modules of the same code have different keys and a
/// round's keys do not change when a second programme is imported.
pub fn gap_key(g: &Gap) -> String {
    match (&g.module_code, &g.module_title, &g.programme) {
        (Some(code), Some(title), Some(p)) => {
            key(g.kind.as_str(), &super::gaps::module_scope(code, title, Some(p)), g.theme.as_deref())
        }
        _ => key(g.kind.as_str(), &g.scope, g.theme.as_deref()),
    }
}

/// The key of a gap of `kind` at `scope` on `theme` (see [`gap_key`]).
fn key(kind: &str, scope: &str, theme: Option<&str>) -> String {
    format!("{kind}|{scope}|{}", theme.unwrap_or(""))
}

pub fn freeze(cov: &Coverage, gaps: &[Gap]) -> Frozen {
    let mut coverage = Vec::with_capacity(cov.rows.len() * cov.themes.len());
    for r in &cov.rows {
        for (t, n) in cov.themes.iter().zip(&r.counts) {
            coverage.push(CoverageCell {
                programme: r.programme.clone(),
                module_code: r.module_code.clone(),
                module_title: r.module_title.clone(),
                year: r.year,
                theme: t.clone(),
                items: r.items,
                tagged: *n,
            });
        }
    }
    let mut seen = BTreeSet::new();
    let gaps = gaps
        .iter()
        .filter_map(|g| {
            let key = gap_key(g);
            seen.insert(key.clone()).then(|| GapRef {
                key,
                kind: g.kind.as_str().into(),
                severity: g.severity.as_str().into(),
                scope: g.scope.clone(),
                theme: g.theme.clone(),
                module_code: g.module_code.clone(),
                explanation: g.explanation.clone(),
            })
        })
        .collect();
    Frozen { coverage, gaps }
}

/// The part of the curriculum a comparison looks at (`--programme`,
/// `--year`, `--module`, `--theme`), applied to each round alike so that a
/// scoped comparison compares that scope in both rounds.
///
/// Programme names and module codes compare as SQLite's NOCASE does (ASCII
/// case ignored), as [`super::scope::Within`] does for the live data.
#[derive(Debug, Clone, Default)]
pub struct RoundScope {
    pub programme: Option<String>,
    pub year: Option<i64>,
    pub module: Option<String>,
    /// A theme slug.
    pub theme: Option<String>,
}

impl RoundScope {
    /// Whether the scope leaves part of the curriculum out (programme, year or module).
    fn narrows(&self) -> bool {
        self.programme.is_some() || self.year.is_some() || self.module.is_some()
    }

    /// Whether nothing is left out.
    pub fn is_everything(&self) -> bool {
        !self.narrows() && self.theme.is_none()
    }

    fn has_cell_module(&self, c: &CoverageCell) -> bool {
        self.programme.as_deref().is_none_or(|p| p.eq_ignore_ascii_case(&c.programme))
            && self.year.is_none_or(|y| c.year == Some(y))
            && self.module.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(&c.module_code))
    }

    /// The round `f` seen through this scope: the coverage cells of the
    /// modules and theme in scope, and the gaps whose place overlaps it.
    ///
    /// There is one rule for what a scope selects,
    /// [`super::scope::Within::selects`]; `decided` gives its answer for a
    /// gap (by key) that the curriculum has now, and that answer is used
    /// whenever there is one, so a gap in both rounds is in or out of the
    /// scope in both alike. Only a gap the curriculum no longer has is placed
    /// from the round's own words: "programme X", "year N of X" (or an old
    /// round's "year N", whose programme its explanation or the round's
    /// coverage names), "module CODE Title" (its programme read from the
    /// round's coverage); a shallow theme or sessions without a reading that
    /// are gone are placed by their programme, since a round does not keep
    /// their session IDs.
    pub fn restrict(&self, f: &Frozen, decided: &dyn Fn(&GapRef) -> Option<bool>) -> Frozen {
        if self.is_everything() {
            return f.clone();
        }
        let theme_ok = |t: &Option<String>| match (&self.theme, t) {
            (Some(want), Some(t)) => want == t,
            _ => true,
        };
        let coverage: Vec<CoverageCell> = f
            .coverage
            .iter()
            .filter(|c| self.has_cell_module(c) && theme_ok(&Some(c.theme.clone())))
            .cloned()
            .collect();
        // Places in scope, over every theme (a module's gaps are about it whatever the theme).
        let in_scope: Vec<&CoverageCell> = f.coverage.iter().filter(|c| self.has_cell_module(c)).collect();
        let programmes: BTreeSet<String> = f.coverage.iter().map(|c| c.programme.clone()).collect();
        let gaps = f
            .gaps
            .iter()
            .filter(|g| {
                if let Some(d) = decided(g) {
                    return d;
                }
                if !theme_ok(&g.theme) {
                    return false;
                }
                if !self.narrows() || g.kind == "thin-reading" || g.scope == "reading list" {
                    return true;
                }
                if let Some(p) = g.scope.strip_prefix("programme ") {
                    return in_scope.iter().any(|c| c.programme == p);
                }
                if let Some((y, p)) = year_place(&g.scope) {
                    let progs = match p {
                        Some(p) => vec![p],
                        None => named(&g.explanation, programmes.iter().map(String::as_str)),
                    };
                    return in_scope
                        .iter()
                        .any(|c| c.year == Some(y) && (progs.is_empty() || progs.contains(&c.programme.as_str())));
                }
                if let Some(code) = &g.module_code {
                    let cells: Vec<&&CoverageCell> = in_scope
                        .iter()
                        .filter(|c| {
                            &c.module_code == code
                                && (g.scope == module_scope(&c.module_code, &c.module_title, None)
                                    || g.scope == module_scope(&c.module_code, &c.module_title, Some(&c.programme)))
                        })
                        .collect();
                    let progs = named(&g.explanation, cells.iter().map(|c| c.programme.as_str()));
                    return cells.iter().any(|c| progs.is_empty() || progs.contains(&c.programme.as_str()));
                }
                false
            })
            .cloned()
            .collect();
        Frozen { coverage, gaps }
    }
}

/// A year's place in words: "year 2 of P" gives (2, Some("P")); an older
/// round's "year 2" gives (2, None).
fn year_place(scope: &str) -> Option<(i64, Option<&str>)> {
    let rest = scope.strip_prefix("year ")?;
    match rest.split_once(" of ") {
        Some((y, p)) => Some((y.trim().parse().ok()?, Some(p))),
        None => Some((rest.trim().parse().ok()?, None)),
    }
}

/// A round frozen before year and module gaps named their programme,
/// brought to today's words so that its gaps have the keys the same gaps
/// have now: "year 2" becomes "year 2 of BSc Nursing", and a module gap's
/// key "…|module MED2002 Respiratory|…" gets its programme ("module MED2002
/// Respiratory (BSc Nursing)"; its scope text too when the round had more
/// than one programme). The programme is the one the explanation names,
/// else the only programme of the round with that year or module; a gap
/// whose programme cannot be told stays as it was.
pub fn upgrade(mut f: Frozen) -> Frozen {
    let programmes: BTreeSet<String> = f.coverage.iter().map(|c| c.programme.clone()).collect();
    for g in &mut f.gaps {
        let Some(code) = g.module_code.clone() else { continue };
        // Programmes whose module of this code and title the old words name.
        let owners: BTreeSet<&str> = f
            .coverage
            .iter()
            .filter(|c| c.module_code == code && g.scope == module_scope(&c.module_code, &c.module_title, None))
            .map(|c| c.programme.as_str())
            .collect();
        if owners.is_empty() || g.key != key(&g.kind, &g.scope, g.theme.as_deref()) {
            continue;
        }
        let mut progs = named(&g.explanation, owners.iter().copied());
        if progs.is_empty() {
            progs = owners.into_iter().collect();
        }
        if let [p] = progs.as_slice() {
            let full = format!("{} ({p})", g.scope);
            g.key = key(&g.kind, &full, g.theme.as_deref());
            if programmes.len() > 1 {
                g.scope = full;
            }
        }
    }
    for g in &mut f.gaps {
        let Some((y, None)) = year_place(&g.scope) else { continue };
        let mut progs = named(&g.explanation, programmes.iter().map(String::as_str));
        if progs.is_empty() {
            let with_year: BTreeSet<&str> =
                f.coverage.iter().filter(|c| c.year == Some(y)).map(|c| c.programme.as_str()).collect();
            progs = with_year.into_iter().collect();
        }
        if let [p] = progs.as_slice() {
            g.scope = super::gaps::year_scope(y, p);
            g.key = key(&g.kind, &g.scope, g.theme.as_deref());
        }
    }
    f
}

/// The programmes among `candidates` that `text` names (the longest name
/// wins where one name contains another); empty when it names none.
fn named<'a>(text: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut hits: Vec<&str> = candidates.filter(|p| !p.is_empty() && text.contains(p)).collect();
    hits.sort_unstable();
    hits.dedup();
    let all = hits.clone();
    hits.retain(|p| !all.iter().any(|q| q != p && q.contains(p)));
    hits
}

/// Tagged items on a theme across the curriculum, before and after.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeChange {
    pub theme: String,
    pub before: i64,
    pub after: i64,
    pub change: i64,
    /// Modules with at least one item on the theme, before and after.
    pub modules_before: i64,
    pub modules_after: i64,
}

/// Tagged items of a module on a theme, before and after (changed cells only).
#[derive(Debug, Clone, Serialize)]
pub struct ModuleChange {
    pub programme: String,
    pub module_code: String,
    pub module_title: String,
    pub theme: String,
    pub before: i64,
    pub after: i64,
    pub change: i64,
}

/// What changed from round `from` to round `to`.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    pub gaps_closed: Vec<GapRef>,
    pub gaps_opened: Vec<GapRef>,
    pub themes: Vec<ThemeChange>,
    pub modules: Vec<ModuleChange>,
    /// Whether the two rounds hold more than one programme between them
    /// (module rows then name their programme, see [`Comparison::module_place`]).
    #[serde(skip)]
    pub several_programmes: bool,
}

impl Comparison {
    /// A module row's place in words: "MED2002 Respiratory", or "MED2002
    /// Respiratory (BSc Nursing)" when the rounds hold several programmes.
    pub fn module_place(&self, m: &ModuleChange) -> String {
        if self.several_programmes {
            format!("{} {} ({})", m.module_code, m.module_title, m.programme)
        } else {
            format!("{} {}", m.module_code, m.module_title)
        }
    }
}

pub fn compare(from: &str, a: &Frozen, to: &str, b: &Frozen) -> Comparison {
    let keys = |f: &Frozen| f.gaps.iter().map(|g| g.key.clone()).collect::<BTreeSet<_>>();
    let (ka, kb) = (keys(a), keys(b));
    let gaps_closed = a.gaps.iter().filter(|g| !kb.contains(&g.key)).cloned().collect();
    let gaps_opened = b.gaps.iter().filter(|g| !ka.contains(&g.key)).cloned().collect();

    let cells = |f: &'_ Frozen| -> BTreeMap<(String, String, String), (String, i64)> {
        f.coverage
            .iter()
            .map(|c| {
                ((c.programme.clone(), c.module_code.clone(), c.theme.clone()), (c.module_title.clone(), c.tagged))
            })
            .collect()
    };
    let (ca, cb) = (cells(a), cells(b));
    let mut themes: BTreeMap<String, ThemeChange> = BTreeMap::new();
    let mut modules = Vec::new();
    let all: BTreeSet<&(String, String, String)> = ca.keys().chain(cb.keys()).collect();
    for k in all {
        let before = ca.get(k).map_or(0, |c| c.1);
        let after = cb.get(k).map_or(0, |c| c.1);
        let t = themes.entry(k.2.clone()).or_insert_with(|| ThemeChange {
            theme: k.2.clone(),
            before: 0,
            after: 0,
            change: 0,
            modules_before: 0,
            modules_after: 0,
        });
        t.before += before;
        t.after += after;
        t.change = t.after - t.before;
        t.modules_before += i64::from(before > 0);
        t.modules_after += i64::from(after > 0);
        if before != after {
            let title = cb.get(k).or(ca.get(k)).map(|c| c.0.clone()).unwrap_or_default();
            modules.push(ModuleChange {
                programme: k.0.clone(),
                module_code: k.1.clone(),
                module_title: title,
                theme: k.2.clone(),
                before,
                after,
                change: after - before,
            });
        }
    }
    Comparison {
        from: from.to_string(),
        to: to.to_string(),
        gaps_closed,
        gaps_opened,
        themes: themes.into_values().collect(),
        modules,
        several_programmes: a.coverage.iter().chain(&b.coverage).map(|c| &c.programme).collect::<BTreeSet<_>>().len()
            > 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(code: &str, theme: &str, tagged: i64) -> CoverageCell {
        CoverageCell {
            programme: "P".into(),
            module_code: code.into(),
            module_title: "T".into(),
            year: Some(1),
            theme: theme.into(),
            items: 5,
            tagged,
        }
    }

    fn gap(key: &str) -> GapRef {
        GapRef {
            key: key.into(),
            kind: "module-gap".into(),
            severity: "low".into(),
            scope: "s".into(),
            theme: None,
            module_code: None,
            explanation: String::new(),
        }
    }

    #[test]
    fn closed_opened_and_coverage_changes() {
        let a = Frozen { coverage: vec![cell("M1", "x", 0), cell("M2", "x", 2)], gaps: vec![gap("g1"), gap("g2")] };
        let b = Frozen { coverage: vec![cell("M1", "x", 1), cell("M2", "x", 2)], gaps: vec![gap("g2"), gap("g3")] };
        let c = compare("2025", &a, "now", &b);
        assert_eq!(c.gaps_closed.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["g1"]);
        assert_eq!(c.gaps_opened.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["g3"]);
        assert_eq!((c.themes[0].before, c.themes[0].after, c.themes[0].change), (2, 3, 1));
        assert_eq!((c.themes[0].modules_before, c.themes[0].modules_after), (1, 2));
        assert_eq!(c.modules.len(), 1);
        assert_eq!((c.modules[0].module_code.as_str(), c.modules[0].change), ("M1", 1));
    }

    fn module_gap(scope: &str, explanation: &str) -> GapRef {
        GapRef {
            key: key("module-gap", scope, Some("x")),
            kind: "module-gap".into(),
            severity: "low".into(),
            scope: scope.into(),
            theme: Some("x".into()),
            module_code: Some("M1".into()),
            explanation: explanation.into(),
        }
    }

    #[test]
    fn old_module_gaps_get_their_programme_in_key_and_words() {
        let q = CoverageCell { programme: "Q".into(), ..cell("M1", "x", 0) };
        let only_p = CoverageCell { programme: "P".into(), module_code: "M2".into(), ..cell("M2", "x", 0) };
        // One programme: the key names it, the words stay as they were.
        let one = upgrade(Frozen { coverage: vec![cell("M1", "x", 0)], gaps: vec![module_gap("module M1 T", "")] });
        assert_eq!(one.gaps[0].key, "module-gap|module M1 T (P)|x");
        assert_eq!(one.gaps[0].scope, "module M1 T");
        // Two programmes: the one the explanation names, else the only one with the module.
        let two = upgrade(Frozen {
            coverage: vec![cell("M1", "x", 0), q, only_p],
            gaps: vec![
                module_gap("module M1 T", "No session of M1 in Q carries x."),
                module_gap("module M1 T", "No session carries x."),
                GapRef { module_code: Some("M2".into()), ..module_gap("module M2 T", "") },
            ],
        });
        assert_eq!(two.gaps[0].key, "module-gap|module M1 T (Q)|x");
        assert_eq!(two.gaps[0].scope, "module M1 T (Q)");
        // Which of two programmes cannot be told: left as it was.
        assert_eq!(two.gaps[1].key, "module-gap|module M1 T|x");
        assert_eq!(two.gaps[2].key, "module-gap|module M2 T (P)|x");
        // A round frozen today is not touched again.
        let again = upgrade(two.clone());
        assert_eq!(again.gaps, two.gaps);
    }
}
