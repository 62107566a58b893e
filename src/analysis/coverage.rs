//! The module × theme matrix: how many items of each module carry each theme.

use std::collections::HashMap;

use serde::Serialize;

use crate::store::audit::AuditData;

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Theme slugs, the matrix's columns.
    pub themes: Vec<String>,
    pub rows: Vec<CoverageRow>,
    /// Per theme: tagged items over all items in scope.
    pub totals: Vec<i64>,
    pub items: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    /// The module's ID: two programmes' modules may share a code and title.
    pub module_id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub module_code: String,
    pub module_title: String,
    pub items: i64,
    /// Items tagged with each theme, in the order of `Coverage::themes`.
    pub counts: Vec<i64>,
    /// Items tagged with at least one theme.
    pub tagged_items: i64,
}

pub fn compute(data: &AuditData) -> Coverage {
    let col: HashMap<i64, usize> = data.themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let row_of: HashMap<i64, usize> = data.modules.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let mut rows: Vec<CoverageRow> = data
        .modules
        .iter()
        .map(|m| CoverageRow {
            module_id: m.id,
            programme: m.programme.clone(),
            year: m.year,
            module_code: m.code.clone(),
            module_title: m.title.clone(),
            items: 0,
            counts: vec![0; data.themes.len()],
            tagged_items: 0,
        })
        .collect();
    let mut totals = vec![0; data.themes.len()];
    for item in &data.items {
        let Some(&r) = row_of.get(&item.module_id) else { continue };
        let row = &mut rows[r];
        row.items += 1;
        let mut any = false;
        for t in &item.themes {
            if let Some(&c) = col.get(t) {
                row.counts[c] += 1;
                totals[c] += 1;
                any = true;
            }
        }
        row.tagged_items += i64::from(any);
    }
    Coverage {
        themes: data.themes.iter().map(|t| t.slug.clone()).collect(),
        items: rows.iter().map(|r| r.items).sum(),
        rows,
        totals,
    }
}

/// One session behind a coloured cell of the module × theme matrix, and who tagged it.
#[derive(Debug, Clone, Serialize)]
pub struct CellEvidence {
    /// The module's ID (the row of the matrix; codes are not unique across programmes).
    pub module_id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub module_code: String,
    pub module_title: String,
    /// The theme's slug.
    pub theme: String,
    pub item_id: i64,
    pub session: String,
    /// Who tagged it ("no name recorded" when the tag has no contributor).
    pub tagged_by: String,
    /// How the tag was made: import, manual, suggest or merge.
    pub source: String,
    /// When (ISO-8601 UTC).
    pub tagged_at: String,
}

/// The evidence trail of the matrix: per module and theme (in the matrix's
/// order), the sessions counted in the cell, in session order. `details`
/// gives each tag's (source, time) by (item ID, theme ID).
pub fn evidence(
    data: &AuditData,
    details: &std::collections::HashMap<(i64, i64), (String, String)>,
) -> Vec<CellEvidence> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in &data.modules {
        let n = data.items[start..].iter().take_while(|i| i.module_id == m.id).count();
        let items = &data.items[start..start + n];
        start += n;
        for t in &data.themes {
            for it in items {
                for tag in it.tags.iter().filter(|g| g.theme_id == t.id) {
                    let (source, at) = details.get(&(it.id, t.id)).cloned().unwrap_or_default();
                    out.push(CellEvidence {
                        module_id: m.id,
                        programme: m.programme.clone(),
                        year: m.year,
                        module_code: m.code.clone(),
                        module_title: m.title.clone(),
                        theme: t.slug.clone(),
                        item_id: it.id,
                        session: it.title.clone(),
                        tagged_by: data.who(tag.by).to_string(),
                        source,
                        tagged_at: at,
                    });
                }
            }
        }
    }
    out
}
