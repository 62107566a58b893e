//! Themes and their keyword lexicons.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{IdGen, history, seed::SEED_THEMES};

/// A theme as listed and shown.
#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub parent: Option<String>,
    pub keywords: Vec<String>,
    pub items: i64,
    pub readings: i64,
}

/// Seeds the three themes with fixed IDs (1, 2, 3), so that two databases
/// created apart agree on them and merge cleanly.
pub fn seed(tx: &Transaction) -> Result<()> {
    let at = super::now();
    for (i, t) in SEED_THEMES.iter().enumerate() {
        let id = i as i64 + 1;
        tx.execute(
            "INSERT INTO theme (id, slug, name, description, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO NOTHING",
            params![id, t.slug, t.name, t.description, at],
        )?;
        let mut kw =
            tx.prepare_cached("INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING")?;
        for k in t.all_keywords() {
            kw.execute(params![id, k])?;
        }
    }
    Ok(())
}

/// Adds to each seeded theme still in the database (found by its seed slug)
/// the seed keywords it lacks, so an existing database gets the lexicons a
/// new one is seeded with (migration `0013_seed_lexicons`). A keyword the
/// history shows in an earlier state of the theme was taken out by someone
/// and stays out. Nothing is removed or changed; a theme whose slug was
/// changed is left alone. Returns how many keywords were added.
pub fn reseed_keywords(tx: &Transaction) -> Result<usize> {
    let mut added = 0;
    let mut kw =
        tx.prepare_cached("INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING")?;
    let mut taken_out = tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM history h, json_each(h.before, '$.keywords') k
                         WHERE h.entity = 'theme' AND h.entity_id = ?1 AND json_valid(h.before)
                           AND k.value = ?2)",
    )?;
    for t in SEED_THEMES {
        let id: Option<i64> =
            tx.query_row("SELECT id FROM theme WHERE slug = ?1", [t.slug], |r| r.get(0)).optional()?;
        let Some(id) = id else { continue };
        for k in t.all_keywords() {
            if !taken_out.query_row(params![id, k], |r| r.get::<_, bool>(0))? {
                added += kw.execute(params![id, k])?;
            }
        }
    }
    Ok(added)
}

/// The key a theme is matched by in a `themes` cell: lower case, runs of
/// anything but letters and digits made one hyphen. "Epistemic bias",
/// "epistemic_bias" and "epistemic-bias" all match.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `s` is a valid slug: lower-case letters and digits in words joined by hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// Every theme's slug and name key, for resolving `themes` cells.
pub struct ThemeIndex {
    by_key: HashMap<String, i64>,
    pub slugs: Vec<String>,
}

impl ThemeIndex {
    pub fn load(conn: &Connection) -> Result<ThemeIndex> {
        let mut by_key = HashMap::new();
        let mut slugs = Vec::new();
        let mut st = conn.prepare("SELECT id, slug, name FROM theme ORDER BY slug")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        for row in rows {
            let (id, slug, name) = row?;
            by_key.insert(key(&name), id);
            by_key.insert(slug.clone(), id);
            slugs.push(slug);
        }
        Ok(ThemeIndex { by_key, slugs })
    }

    /// The theme a slug or name refers to.
    pub fn resolve(&self, s: &str) -> Option<i64> {
        self.by_key.get(&key(s)).copied()
    }

    /// The known slugs, for "expected one of …" messages.
    pub fn expected(&self) -> String {
        self.slugs.join(", ")
    }
}

/// Splits a `themes` cell on `;` (or `,` and `|`, which spreadsheets also use).
pub fn split_cell(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '|']).map(str::trim).filter(|s| !s.is_empty())
}

/// Every theme, with how many items and approved readings carry it.
pub fn list(conn: &Connection) -> Result<Vec<Theme>> {
    list_in(conn, None)
}

/// [`list`], counting only the items of one programme (by name; `None`:
/// all) and the approved readings linked to its sessions or modules (the
/// rule `reading list --programme` follows).
pub fn list_in(conn: &Connection, programme: Option<&str>) -> Result<Vec<Theme>> {
    let mut st = conn.prepare(
        "SELECT t.id, t.slug, t.name, t.description, p.slug,
                CASE WHEN ?1 IS NULL THEN (SELECT count(*) FROM item_tag WHERE theme_id = t.id)
                     ELSE (SELECT count(*) FROM item_tag it JOIN item i ON i.id = it.item_id
                             JOIN module m ON m.id = i.module_id JOIN programme g ON g.id = m.programme_id
                            WHERE it.theme_id = t.id AND g.name = ?1 COLLATE NOCASE) END,
                (SELECT count(*) FROM reading_tag rt JOIN reading r ON r.id = rt.reading_id
                  WHERE rt.theme_id = t.id AND r.status = 'approved'
                    AND (?1 IS NULL OR EXISTS (SELECT 1 FROM link l LEFT JOIN item i ON i.id = l.item_id
                                                 JOIN module m ON m.id = coalesce(l.module_id, i.module_id)
                                                 JOIN programme g ON g.id = m.programme_id
                                                WHERE l.reading_id = r.id AND g.name = ?1 COLLATE NOCASE)))
           FROM theme t LEFT JOIN theme p ON p.id = t.parent_id
          ORDER BY t.slug",
    )?;
    let mut themes = st
        .query_map([programme], |r| {
            Ok(Theme {
                id: r.get(0)?,
                slug: r.get(1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                parent: r.get(4)?,
                keywords: Vec::new(),
                items: r.get(5)?,
                readings: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut kw = conn.prepare_cached("SELECT keyword FROM theme_keyword WHERE theme_id = ?1 ORDER BY keyword")?;
    for t in &mut themes {
        t.keywords = kw.query_map([t.id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    }
    Ok(themes)
}

/// The theme with this slug (or name), if any.
pub fn get(conn: &Connection, slug_or_name: &str) -> Result<Option<Theme>> {
    let k = key(slug_or_name);
    Ok(list(conn)?.into_iter().find(|t| t.slug == k || key(&t.name) == k))
}

/// What `theme add` takes.
pub struct NewTheme<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub parent: Option<&'a str>,
    pub keywords: &'a [String],
}

/// Adds a theme; refuses a slug or name that is taken.
pub fn add(tx: &Transaction, ids: &mut IdGen, by: Option<i64>, t: &NewTheme) -> Result<i64> {
    crate::limits::check(crate::limits::Kind::Slug, "theme slug", t.slug)?;
    crate::limits::check(crate::limits::Kind::Name, "theme name", t.name)?;
    crate::limits::check(crate::limits::Kind::Note, "theme description", t.description)?;
    crate::limits::check_count("the keyword list", t.keywords.len(), crate::limits::MAX_KEYWORDS)?;
    for k in t.keywords {
        crate::limits::check(crate::limits::Kind::Keyword, "keyword", k.trim())?;
    }
    if !is_slug(t.slug) {
        bail!(
            "theme slug {:?} is not valid; expected lower-case words joined by hyphens, like \"disability-health\"",
            t.slug
        );
    }
    let index = ThemeIndex::load(tx)?;
    if let Some(_id) = index.resolve(t.slug).or_else(|| index.resolve(t.name)) {
        bail!("a theme called {:?} already exists; see `canon theme list`", t.slug);
    }
    let parent_id = match t.parent {
        None => None,
        Some(p) => Some(
            index
                .resolve(p)
                .with_context(|| format!("unknown parent theme {p:?}; expected one of {}", index.expected()))?,
        ),
    };
    let id = ids.next_id();
    let at = super::now();
    tx.execute(
        "INSERT INTO theme (id, slug, name, description, parent_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, t.slug, t.name, t.description, parent_id, at],
    )?;
    for k in t.keywords {
        let k = k.trim().to_lowercase();
        if !k.is_empty() {
            tx.execute(
                "INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![id, k],
            )?;
        }
    }
    let after = serde_json::json!({
        "slug": t.slug, "name": t.name, "description": t.description,
        "parent": t.parent, "keywords": t.keywords,
    });
    history::record(tx, by, history::Action::Insert, "theme", Some(id), None, Some(&after), None)?;
    Ok(id)
}

/// The largest theme ID, the floor for new IDs.
pub fn max_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row("SELECT max(id) FROM theme", [], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten()
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(key("Epistemic bias"), "epistemic-bias");
        assert_eq!(key(" epistemic_bias "), "epistemic-bias");
        assert_eq!(key("LGBTQ+ health"), "lgbtq-health");
        assert!(is_slug("lgbtq-health"));
        assert!(!is_slug("LGBTQ health"));
        assert!(!is_slug("a--b"));
    }

    #[test]
    fn cells_split_on_semicolons() {
        let v: Vec<_> = split_cell("epistemic-bias; historical-awareness;;").collect();
        assert_eq!(v, ["epistemic-bias", "historical-awareness"]);
    }
}
