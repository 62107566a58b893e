//! The part of the curriculum a command looks at (`--programme`, `--year`,
//! `--module`, `--theme`).
//!
//! The gap analysis always runs over the whole database, so that a gap or a
//! finding has the same number in every run on the same data (G5 in the
//! report is G5 in `canon gaps --theme …`); a scope only *selects* which
//! gaps and findings are shown, and says where a finding's sentence applies
//! ("in year 5 of …", "in MED1006 …"). A gap is selected when the place it
//! is about overlaps the scope: a module gap when its module is in scope, a
//! year's gap when that year is, a programme's gap when one of its modules
//! is, a shallow theme or sessions without a reading when one of their
//! sessions is, thin reading always; and, under `--theme`, only gaps on that
//! theme (and modules with no theme at all, which miss it too).

use std::collections::{HashMap, HashSet};

use super::gaps::{Gap, GapKind};
use crate::store::audit::{AuditData, ModuleInfo, Scope};

/// A module in scope, as stored.
#[derive(Debug, Clone)]
pub struct ModuleRef {
    pub id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub code: String,
    pub title: String,
}

/// A scope, resolved against the whole database.
#[derive(Debug, Clone, Default)]
pub struct Within {
    pub programme: Option<String>,
    pub year: Option<i64>,
    /// The modules `--module` names (one, or one per programme that has the code).
    pub modules_named: Vec<ModuleRef>,
    /// The theme in scope (slug).
    pub theme: Option<String>,
    theme_id: Option<i64>,
    /// Whether the scope narrows the curriculum (programme, year or module).
    narrows: bool,
    /// The modules in scope, by ID and by (programme, code).
    modules: HashSet<i64>,
    keys: HashSet<(String, String)>,
    /// (programme, year) pairs and programmes that have a module in scope.
    years: HashSet<(String, i64)>,
    programmes: HashSet<String>,
    /// The items of the modules in scope.
    items: HashSet<i64>,
}

impl Within {
    /// Everything: every gap is selected.
    pub fn everything() -> Within {
        Within::default()
    }

    /// The scope of a command, resolved against `full` (the whole database,
    /// as `store::audit::load` gives it with the default scope). Codes and
    /// programme names compare as SQLite's NOCASE does (ASCII case ignored).
    pub fn new(scope: &Scope, full: &AuditData) -> Within {
        let narrows = scope.programme.is_some() || scope.year.is_some() || scope.module.is_some();
        let mut w = Within {
            programme: scope.programme.clone(),
            year: scope.year,
            theme: scope.theme.and_then(|id| full.themes.iter().find(|t| t.id == id)).map(|t| t.slug.clone()),
            theme_id: scope.theme,
            narrows,
            ..Within::default()
        };
        for m in full.modules.iter().filter(|m| in_scope(scope, m)) {
            w.modules.insert(m.id);
            w.keys.insert((m.programme.clone(), m.code.clone()));
            w.programmes.insert(m.programme.clone());
            if let Some(y) = m.year {
                w.years.insert((m.programme.clone(), y));
            }
            if scope.module.is_some() {
                w.modules_named.push(ModuleRef {
                    id: m.id,
                    programme: m.programme.clone(),
                    year: m.year,
                    code: m.code.clone(),
                    title: m.title.clone(),
                });
            }
        }
        w.items = full.items.iter().filter(|i| w.modules.contains(&i.module_id)).map(|i| i.id).collect();
        w
    }

    /// Whether nothing is left out.
    pub fn is_everything(&self) -> bool {
        !self.narrows && self.theme_id.is_none()
    }

    /// Whether the scope is a year or a module: finding sentences are then
    /// phrased for that year or module, not for the whole programme.
    pub fn is_narrow(&self) -> bool {
        self.year.is_some() || !self.modules_named.is_empty()
    }

    /// Whether the scope leaves part of the curriculum out (programme, year or module).
    pub fn narrows_curriculum(&self) -> bool {
        self.narrows
    }

    /// Whether a module (by ID) is in scope.
    pub fn has_module(&self, id: i64) -> bool {
        !self.narrows || self.modules.contains(&id)
    }

    /// Whether an item (by ID) is in a module in scope.
    pub fn has_item(&self, id: i64) -> bool {
        !self.narrows || self.items.contains(&id)
    }

    /// Whether a theme (by slug) is in scope.
    pub fn has_theme(&self, slug: &str) -> bool {
        self.theme.as_deref().is_none_or(|t| t == slug)
    }

    /// Whether gap `g` lies in the scope (see the module documentation).
    pub fn selects(&self, g: &Gap) -> bool {
        if let (Some(t), Some(gt)) = (&self.theme, &g.theme)
            && t != gt
        {
            return false;
        }
        if !self.narrows {
            return true;
        }
        let prog = g.programme.clone().unwrap_or_default();
        match g.kind {
            GapKind::ThinReading => true,
            GapKind::ModuleGap | GapKind::UntaggedModule => {
                g.module_code.as_ref().is_some_and(|c| self.keys.contains(&(prog, c.clone())))
            }
            GapKind::UncoveredTheme if g.year.is_some() => g.year.is_some_and(|y| self.years.contains(&(prog, y))),
            GapKind::UncoveredTheme | GapKind::NotRevisited => self.programmes.contains(&prog),
            GapKind::ShallowTheme | GapKind::UnsupportedItem => g.about.iter().any(|i| self.items.contains(i)),
        }
    }

    /// Where a finding about programme `prog` applies, in words:
    /// "MBChB Medicine", "year 5 of MBChB Medicine", "MED1006 Professionalism, Ethics and Law I".
    pub fn place(&self, prog: &str) -> String {
        let named: Vec<&ModuleRef> = self.modules_named.iter().filter(|m| m.programme == prog).collect();
        match (named.as_slice(), self.year) {
            ([m], _) => format!("{} {}", m.code, m.title),
            (_, Some(y)) => format!("year {y} of {prog}"),
            _ => prog.to_string(),
        }
    }

    /// The module `--module` names in programme `prog`, if any.
    pub fn module_in(&self, prog: &str) -> Option<&ModuleRef> {
        self.modules_named.iter().find(|m| m.programme == prog)
    }

    /// The data of the scope: the modules, items and themes in it; readings,
    /// links and contributors whole (as `store::audit::load` gives them).
    pub fn restrict(&self, full: &AuditData) -> AuditData {
        AuditData {
            themes: full.themes.iter().filter(|t| self.theme_id.is_none_or(|id| id == t.id)).cloned().collect(),
            modules: full.modules.iter().filter(|m| self.has_module(m.id)).cloned().collect(),
            items: full.items.iter().filter(|i| self.has_module(i.module_id)).cloned().collect(),
            readings: full.readings.clone(),
            links: full.links.clone(),
            contributors: full.contributors.clone(),
        }
    }

    /// Readings linked to a module in scope or to one of its sessions.
    pub fn linked_readings(&self, data: &AuditData) -> HashSet<i64> {
        let item_module: HashMap<i64, i64> = data.items.iter().map(|i| (i.id, i.module_id)).collect();
        data.links
            .iter()
            .filter(|l| {
                l.module_id.is_some_and(|m| self.has_module(m))
                    || l.item_id.and_then(|i| item_module.get(&i)).is_some_and(|m| self.has_module(*m))
            })
            .map(|l| l.reading_id)
            .collect()
    }
}

/// Whether module `m` is in `scope` (the same test as `store::audit::load`'s SQL).
fn in_scope(scope: &Scope, m: &ModuleInfo) -> bool {
    scope.year.is_none_or(|y| m.year == Some(y))
        && scope.module.as_deref().is_none_or(|c| c.eq_ignore_ascii_case(&m.code))
        && scope.programme.as_deref().is_none_or(|p| p.eq_ignore_ascii_case(&m.programme))
}
