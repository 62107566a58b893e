//! Themes: edit the slug, name, description, parent and lexicon (keywords
//! added or removed); remove a theme with its tags. (`theme add` is
//! [`crate::store::themes::add`].)

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, Transaction};
use serde_json::Value;

use super::{Cascade, Edited, Removal, ids, int, item_ref, load, reading_title, rows, text, update};
use crate::store::themes::{ThemeIndex, is_slug, key};

/// The fields `theme edit` changes. `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ThemePatch {
    /// A new slug: lower-case words joined by hyphens.
    pub slug: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// A new parent theme (slug or name); `Some(None)` makes it a top-level theme.
    pub parent: Option<Option<String>>,
    /// Words or phrases to add to the lexicon (stored in lower case).
    pub add_keywords: Vec<String>,
    /// Words or phrases to take out of the lexicon; each must be in it.
    pub remove_keywords: Vec<String>,
}

fn keyword(k: &str) -> String {
    k.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Changes the fields of theme `id` that `p` sets, as one history entry.
/// Refuses a slug or name another theme has, a parent that would make a
/// cycle, and removing a keyword the lexicon does not hold.
pub fn edit(tx: &Transaction, by: i64, id: i64, p: &ThemePatch) -> Result<Edited> {
    crate::limits::check_all(&[
        (crate::limits::Kind::Slug, "theme slug", p.slug.as_deref().map(str::trim)),
        (crate::limits::Kind::Name, "theme name", p.name.as_deref()),
        (crate::limits::Kind::Note, "theme description", p.description.as_deref()),
    ])?;
    for k in &p.add_keywords {
        crate::limits::check(crate::limits::Kind::Keyword, "keyword", k.trim())?;
    }
    let old = load(tx, "theme", id)?;
    let mut new = old.clone();
    let index = ThemeIndex::load(tx)?;
    let taken = |s: &str| index.resolve(s).filter(|other| *other != id);
    if let Some(s) = &p.slug {
        let s = s.trim();
        if !is_slug(s) {
            bail!(
                "theme slug {s:?} is not valid; expected lower-case words joined by hyphens, like \"disability-health\""
            );
        }
        if let Some(o) = taken(s) {
            bail!("another theme (ID {o}) is already called {s:?}; see `canon theme list`");
        }
        new.insert("slug".into(), Value::from(s));
    }
    if let Some(n) = &p.name {
        let n = super::required_text("theme name", n)?;
        if let Some(o) = taken(&n) {
            bail!("another theme (ID {o}) already has the name or slug {:?}; see `canon theme list`", key(&n));
        }
        new.insert("name".into(), Value::from(n));
    }
    if let Some(d) = &p.description {
        new.insert("description".into(), Value::from(d.trim()));
    }
    if let Some(parent) = &p.parent {
        let pid = match parent.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(name) => {
                let pid = index
                    .resolve(name)
                    .with_context(|| format!("unknown parent theme {name:?}; expected one of {}", index.expected()))?;
                // Walk up from the new parent: meeting this theme would make a cycle.
                let slug = text(&old, "slug");
                if pid == id {
                    bail!("theme {slug} cannot be its own parent; expected another theme, or \"\" for none");
                }
                let slug_of = |t: i64| -> Result<String> {
                    Ok(tx.query_row("SELECT slug FROM theme WHERE id = ?1", [t], |r| r.get(0))?)
                };
                let parent_of = |t: i64| -> Result<Option<i64>> {
                    Ok(tx.query_row("SELECT parent_id FROM theme WHERE id = ?1", [t], |r| r.get(0))?)
                };
                let mut path = vec![slug_of(pid)?];
                let mut at = parent_of(pid)?;
                while let Some(t) = at {
                    if t == id {
                        path.push(slug.to_string());
                        path.reverse();
                        bail!(
                            "theme {} is a sub-theme of {slug} ({}), so it cannot be {slug}'s parent: {slug} would \
                             sit inside itself; expected a theme outside {slug}'s branch, or \"\" for none",
                            path[path.len() - 1],
                            path.join(" › ")
                        );
                    }
                    path.push(slug_of(t)?);
                    at = parent_of(t)?;
                    if path.len() > 10_000 {
                        bail!("the theme tree has a cycle already; fix the parents by hand");
                    }
                }
                Some(pid)
            }
        };
        new.insert("parent_id".into(), pid.map_or(Value::Null, Value::from));
    }
    if !p.add_keywords.is_empty() || !p.remove_keywords.is_empty() {
        let mut words: Vec<String> = old
            .get("keywords")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
            .unwrap_or_default();
        for k in &p.remove_keywords {
            let k = keyword(k);
            let Some(pos) = words.iter().position(|w| *w == k) else {
                bail!(
                    "theme {} has no keyword {k:?}; nothing removed (see `canon theme show {}`)",
                    text(&old, "slug"),
                    text(&old, "slug")
                );
            };
            words.remove(pos);
        }
        for k in &p.add_keywords {
            let k = keyword(k);
            if k.is_empty() {
                bail!("an empty keyword cannot be added; expected a word or phrase");
            }
            if !words.contains(&k) {
                words.push(k);
            }
        }
        // The same limit as `theme add`, bundles and merges (crate::limits).
        crate::limits::check_count(
            &format!("theme {}'s keyword list", text(&old, "slug")),
            words.len(),
            crate::limits::MAX_KEYWORDS,
        )?;
        // Stored and loaded in byte order, like the database's ORDER BY keyword.
        words.sort();
        new.insert("keywords".into(), Value::from(words));
    }
    let slug_of = |v: Option<i64>| -> Value {
        v.and_then(|i| tx.query_row("SELECT slug FROM theme WHERE id = ?1", [i], |r| r.get::<_, String>(0)).ok())
            .map_or(Value::Null, Value::from)
    };
    let extra = [("parent", slug_of(int(&old, "parent_id")), slug_of(int(&new, "parent_id")))];
    let label = text(&new, "slug").to_string();
    update(tx, by, "theme", &old, new, label, &extra)
}

/// What removing theme `id` would take: the tags of sessions and readings
/// with it, and its sub-themes' link to it (they become top-level).
pub(super) fn cascade(conn: &Connection, id: i64) -> Result<Cascade> {
    let root = load(conn, "theme", id)?;
    let mut c = Cascade::new("theme", root.clone(), text(&root, "slug").to_string());
    c.with(
        "item_tag",
        rows(conn, "item_tag", "WHERE theme_id = ?1", id)?,
        "session tags",
        |r| item_ref(conn, int(r, "item_id")),
        true,
    );
    c.with(
        "reading_tag",
        rows(conn, "reading_tag", "WHERE theme_id = ?1", id)?,
        "reading tags",
        |r| reading_title(conn, int(r, "reading_id")),
        true,
    );
    c.clear(
        "theme.parent_id",
        ids(conn, "SELECT id FROM theme WHERE parent_id = ?1 ORDER BY id", id)?,
        "sub-themes (they would have no parent)",
        true,
    );
    c.others(conn, "theme", id)?;
    Ok(c)
}

/// What removing theme `id` would take, without removing it.
pub fn removal(conn: &Connection, id: i64) -> Result<Removal> {
    Ok(cascade(conn, id)?.removal(None))
}

/// Removes theme `id` with its lexicon (and, with `force`, every tag with
/// it; its sub-themes become top-level) as one history entry;
/// [`super::NeedsForce`] when anything carries it and `force` is false.
pub fn remove(tx: &Transaction, by: i64, id: i64, force: bool) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, force, None)
}

/// Removes theme `id` as [`remove`] does with `force` (its tags go with it,
/// as the other copy's removal took them), its history entry noted `note`:
/// a merge applying the other copy's removal.
pub fn remove_noted(tx: &Transaction, by: i64, id: i64, note: &str) -> Result<Removal> {
    cascade(tx, id)?.run(tx, by, true, Some(note))
}
