//! Loading what the analysis needs, in a few whole-table reads.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{Connection, params};

/// A theme with its lexicon.
#[derive(Debug, Clone)]
pub struct ThemeInfo {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ModuleInfo {
    pub id: i64,
    pub programme: String,
    pub year: Option<i64>,
    pub code: String,
    pub title: String,
    /// Whether another programme has a module with the same code (so a
    /// command naming the module needs `--programme`).
    pub code_shared: bool,
}

#[derive(Debug, Clone)]
pub struct ItemInfo {
    pub id: i64,
    pub module_id: i64,
    /// session, outcome, assessment or placement.
    pub kind: String,
    pub title: String,
    pub outcomes: String,
    /// Every theme the item is tagged with (also themes outside the scope).
    pub themes: Vec<i64>,
    /// Who tagged it with each theme, in the order of `themes`.
    pub tags: Vec<TagInfo>,
    /// The Bloom level a user set, overriding the one inferred from the outcomes.
    pub bloom_override: Option<String>,
    /// Subject keywords the source gave the item (evidence for `suggest`).
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ReadingInfo {
    pub id: i64,
    pub title: String,
    /// The authors as written.
    pub authors: Vec<String>,
    /// The same authors in parts (for a cell that reads back the same:
    /// [`crate::import::names::cell_text`]).
    pub author_names: Vec<crate::import::names::Name>,
    pub year: Option<i64>,
    pub annotation: Option<String>,
    pub status: String,
    pub themes: Vec<i64>,
}

/// Who tagged an item with a theme.
#[derive(Debug, Clone)]
pub struct TagInfo {
    pub theme_id: i64,
    /// The contributor's ID (`AuditData::contributors` has the name); none when not recorded.
    pub by: Option<i64>,
}

/// How and when an item was tagged with a theme: (source, ISO-8601 UTC time)
/// by (item ID, theme ID). Loaded only for the evidence trail, since the
/// analysis needs none of it.
pub fn tag_details(conn: &Connection) -> Result<HashMap<(i64, i64), (String, String)>> {
    let mut st = conn.prepare("SELECT item_id, theme_id, source, at FROM item_tag")?;
    let rows = st.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everything an audit looks at, within a scope.
#[derive(Debug, Clone, Default)]
pub struct AuditData {
    pub themes: Vec<ThemeInfo>,
    pub modules: Vec<ModuleInfo>,
    /// Items in module order.
    pub items: Vec<ItemInfo>,
    pub readings: Vec<ReadingInfo>,
    /// Every reading recommended for an item or a module.
    pub links: Vec<LinkInfo>,
    /// Contributor names by ID, for credits.
    pub contributors: HashMap<i64, String>,
}

/// What every output says for a tag or link whose contributor was not recorded.
pub const NO_NAME: &str = "no name recorded";

impl AuditData {
    /// The name of a contributor, or [`NO_NAME`] when none was recorded
    /// (the same words in the PDF, the CSV and the JSON).
    pub fn who(&self, id: Option<i64>) -> &str {
        id.and_then(|i| self.contributors.get(&i)).map_or(NO_NAME, String::as_str)
    }
}

/// A reading recommended for an item or for a whole module.
#[derive(Debug, Clone)]
pub struct LinkInfo {
    pub reading_id: i64,
    pub item_id: Option<i64>,
    pub module_id: Option<i64>,
    /// Who linked it (a contributor ID).
    pub by: Option<i64>,
    pub note: Option<String>,
}

/// Which part of the curriculum to look at.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// One programme, by name (case ignored); `None`: every programme.
    pub programme: Option<String>,
    pub year: Option<i64>,
    pub module: Option<String>,
    pub theme: Option<i64>,
}

pub fn load(conn: &Connection, scope: &Scope) -> Result<AuditData> {
    let mut themes: Vec<ThemeInfo> = conn
        .prepare("SELECT id, slug, name, description FROM theme WHERE (?1 IS NULL OR id = ?1) ORDER BY id")?
        .query_map([scope.theme], |r| {
            Ok(ThemeInfo { id: r.get(0)?, slug: r.get(1)?, name: r.get(2)?, description: r.get(3)?, keywords: vec![] })
        })?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut st = conn.prepare("SELECT keyword FROM theme_keyword WHERE theme_id = ?1 ORDER BY keyword")?;
        for t in &mut themes {
            t.keywords = st.query_map([t.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        }
    }
    let modules: Vec<ModuleInfo> = conn
        .prepare(
            "SELECT m.id, p.name, m.year, m.code, m.title,
                    EXISTS (SELECT 1 FROM module o WHERE o.code = m.code AND o.programme_id <> m.programme_id)
               FROM module m JOIN programme p ON p.id = m.programme_id
              WHERE (?1 IS NULL OR m.year = ?1) AND (?2 IS NULL OR m.code = ?2 COLLATE NOCASE)
                AND (?3 IS NULL OR p.name = ?3 COLLATE NOCASE)
              ORDER BY p.name, m.year, m.code",
        )?
        .query_map(params![scope.year, scope.module, scope.programme], |r| {
            Ok(ModuleInfo {
                id: r.get(0)?,
                programme: r.get(1)?,
                year: r.get(2)?,
                code: r.get(3)?,
                title: r.get(4)?,
                code_shared: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let wanted: HashMap<i64, usize> = modules.iter().enumerate().map(|(i, m)| (m.id, i)).collect();

    let mut tags: HashMap<i64, Vec<TagInfo>> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT item_id, theme_id, by_id FROM item_tag ORDER BY item_id, theme_id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            tags.entry(r.get(0)?).or_default().push(TagInfo { theme_id: r.get(1)?, by: r.get(2)? });
        }
    }
    let mut keywords: HashMap<i64, Vec<String>> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT item_id, keyword FROM item_keyword ORDER BY item_id, keyword")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            keywords.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
    }
    let mut items = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT id, module_id, title, outcomes, bloom_override, kind FROM item ORDER BY module_id, position, id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let module_id: i64 = r.get(1)?;
            if !wanted.contains_key(&module_id) {
                continue;
            }
            let id: i64 = r.get(0)?;
            let tags = tags.remove(&id).unwrap_or_default();
            items.push(ItemInfo {
                id,
                module_id,
                kind: r.get(5)?,
                title: r.get(2)?,
                outcomes: r.get(3)?,
                themes: tags.iter().map(|t| t.theme_id).collect(),
                tags,
                bloom_override: r.get(4)?,
                keywords: keywords.remove(&id).unwrap_or_default(),
            });
        }
    }
    items.sort_by_key(|i| wanted[&i.module_id]);

    let mut rtags: HashMap<i64, Vec<i64>> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT reading_id, theme_id FROM reading_tag ORDER BY reading_id, theme_id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            rtags.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
    }
    let mut authors: HashMap<i64, Vec<crate::import::names::Name>> = HashMap::new();
    {
        let mut st = conn.prepare(
            "SELECT reading_id, name, family, given, particle, suffix, literal FROM reading_author
              ORDER BY reading_id, position",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            authors.entry(r.get(0)?).or_default().push(crate::import::names::Name {
                original: r.get(1)?,
                family: r.get(2)?,
                given: r.get(3)?,
                particle: r.get(4)?,
                suffix: r.get(5)?,
                literal: r.get(6)?,
                role: None,
            });
        }
    }
    let readings = conn
        .prepare("SELECT id, title, year, annotation, status FROM reading ORDER BY title_key, year, id")?
        .query_map([], |r| {
            let id: i64 = r.get(0)?;
            let author_names = authors.remove(&id).unwrap_or_default();
            Ok(ReadingInfo {
                id,
                title: r.get(1)?,
                year: r.get(2)?,
                annotation: r.get(3)?,
                status: r.get(4)?,
                authors: author_names.iter().map(|n| n.original.clone()).collect(),
                author_names,
                themes: rtags.remove(&id).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let links = conn
        .prepare("SELECT reading_id, item_id, module_id, by_id, note FROM link ORDER BY id")?
        .query_map([], |r| {
            Ok(LinkInfo {
                reading_id: r.get(0)?,
                item_id: r.get(1)?,
                module_id: r.get(2)?,
                by: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let contributors = conn
        .prepare("SELECT id, name FROM contributor ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(AuditData { themes, modules, items, readings, links, contributors })
}
