//! Content facets of a reading: what audits of reading lists ask about the
//! *work* (its language and the language it was first written in, Global
//! South content, open access, the kind of source, whose experience it
//! tells and who tells it). They are never facts about a person; facets
//! about authors are recorded only by `canon facet`, with a basis and a
//! source (see `store::facets`).
//!
//! One place reads every facet's value, for the `reading add`/`edit` flags,
//! the bulk `reading facet set`, and every import format alike, so the same
//! fault reads the same everywhere.

use serde::Serialize;

use super::language;

/// Source kinds a reading may have (the schema's CHECK list).
pub const SOURCE_KINDS: &[&str] =
    &["peer-reviewed", "grey-literature", "book", "lived-experience", "social-media", "media", "other"];

/// Other names people write for a source kind.
const SOURCE_KIND_ALIASES: &[(&str, &str)] = &[
    ("peer reviewed", "peer-reviewed"),
    ("peerreviewed", "peer-reviewed"),
    ("refereed", "peer-reviewed"),
    ("academic", "peer-reviewed"),
    ("scholarly", "peer-reviewed"),
    ("grey", "grey-literature"),
    ("gray", "grey-literature"),
    ("gray literature", "grey-literature"),
    ("grey literature", "grey-literature"),
    ("lived experience", "lived-experience"),
    ("testimony", "lived-experience"),
    ("first-person account", "lived-experience"),
    ("social media", "social-media"),
    ("news", "media"),
    ("journalism", "media"),
    ("press", "media"),
];

/// The facets of a work beyond its language, as one group: what an import
/// reads, the store keeps and a merge compares. `None` is "not recorded".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct WorkFacets {
    /// The language the work was first written in, when the listed edition
    /// is a translation (a canonical code, see [`language::normalise`]).
    pub original_language: Option<String>,
    /// Whether the listed edition is a translation.
    pub translated: Option<bool>,
    /// Whether the work carries Global South content (authorship,
    /// setting or perspective, as the group judges the work itself).
    pub global_south: Option<bool>,
    /// Whether the work is free to read (open access).
    pub open_access: Option<bool>,
    /// Whose experience the work tells, and who tells it (free text).
    pub perspective: Option<String>,
}

impl WorkFacets {
    /// Each facet from `self`, else from `other`: a record that leaves a
    /// facet out never erases it.
    pub fn or(&self, other: &WorkFacets) -> WorkFacets {
        WorkFacets {
            original_language: self.original_language.clone().or_else(|| other.original_language.clone()),
            translated: self.translated.or(other.translated),
            global_south: self.global_south.or(other.global_south),
            open_access: self.open_access.or(other.open_access),
            perspective: self.perspective.clone().or_else(|| other.perspective.clone()),
        }
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == WorkFacets::default()
    }

    /// A translation with a known original language is a translation: the
    /// two agree once this has run (an original language sets `translated`).
    pub fn settle(&mut self) {
        if self.original_language.is_some() && self.translated.is_none() {
            self.translated = Some(true);
        }
    }
}

/// `yes`/`no` as people write them in a cell or a flag: yes, y, true, t, 1,
/// x, ✓ and no, n, false, f, 0 (case ignored). `None` when it is neither.
pub fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "t" | "1" | "x" | "✓" | "✔" | "oui" | "sí" | "si" | "ja" => Some(true),
        "no" | "n" | "false" | "f" | "0" | "non" | "nein" => Some(false),
        _ => None,
    }
}

/// A source kind from its name or a common alias (case, spaces and
/// underscores ignored); `Err` names the expected values.
pub fn source_kind(s: &str) -> Result<&'static str, String> {
    let k = s.trim().to_lowercase().replace('_', " ");
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    let dashed = k.replace(' ', "-");
    if let Some(found) = SOURCE_KINDS.iter().find(|x| **x == dashed) {
        return Ok(found);
    }
    if let Some((_, to)) = SOURCE_KIND_ALIASES.iter().find(|(a, _)| *a == k) {
        return Ok(to);
    }
    Err(format!("unknown source kind {:?}; expected one of {}", s.trim(), SOURCE_KINDS.join(", ")))
}

/// A content facet, as the bulk `reading facet set` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFacet {
    Language,
    OriginalLanguage,
    Translated,
    GlobalSouth,
    OpenAccess,
    SourceKind,
    Perspective,
}

/// Each content facet: its name, the names it is also known by, and what it holds.
const CONTENT_FACETS: &[(ContentFacet, &str, &[&str], &str)] = &[
    (ContentFacet::Language, "language", &["lang"], "a language, e.g. fr, sw, French"),
    (
        ContentFacet::OriginalLanguage,
        "original-language",
        &["original language", "translated from", "source language"],
        "the language first written in",
    ),
    (ContentFacet::Translated, "translated", &["translation"], "yes or no"),
    (ContentFacet::GlobalSouth, "global-south", &["global south", "global south content"], "yes or no"),
    (ContentFacet::OpenAccess, "open-access", &["open access", "oa"], "yes or no"),
    (ContentFacet::SourceKind, "source-kind", &["source kind", "source"], "peer-reviewed, grey-literature, …"),
    (ContentFacet::Perspective, "perspective", &["whose experience", "told by"], "whose experience, told by whom"),
];

impl ContentFacet {
    /// The facet a name refers to (`global-south`, `global_south`, `Global South`, `oa`…).
    pub fn parse(s: &str) -> Result<ContentFacet, String> {
        let k = s.trim().to_lowercase().replace(['_', '-'], " ");
        let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
        CONTENT_FACETS
            .iter()
            .find(|(_, name, aliases, _)| name.replace('-', " ") == k || aliases.contains(&k.as_str()))
            .map(|(f, ..)| *f)
            .ok_or_else(|| {
                format!(
                    "unknown content facet {:?}; expected one of {}",
                    s.trim(),
                    CONTENT_FACETS.iter().map(|(_, n, ..)| *n).collect::<Vec<_>>().join(", ")
                )
            })
    }

    /// The facet's name on the command line.
    pub fn name(self) -> &'static str {
        CONTENT_FACETS.iter().find(|(f, ..)| *f == self).map_or("", |(_, n, ..)| n)
    }

    /// The reading column it is stored in.
    pub fn column(self) -> &'static str {
        match self {
            ContentFacet::Language => "language",
            ContentFacet::OriginalLanguage => "original_language",
            ContentFacet::Translated => "translated",
            ContentFacet::GlobalSouth => "global_south",
            ContentFacet::OpenAccess => "open_access",
            ContentFacet::SourceKind => "source_kind",
            ContentFacet::Perspective => "perspective",
        }
    }

    /// A value for this facet as stored (JSON: text, 0/1, or null when the
    /// value is empty, which clears it); `Err` says what was expected.
    pub fn value(self, v: &str) -> Result<serde_json::Value, String> {
        use serde_json::Value;
        let v = v.trim();
        if v.is_empty() {
            return Ok(Value::Null);
        }
        Ok(match self {
            ContentFacet::Language | ContentFacet::OriginalLanguage => Value::from(language::normalise_list(v)?),
            ContentFacet::Translated | ContentFacet::GlobalSouth | ContentFacet::OpenAccess => match yes_no(v) {
                Some(b) => Value::from(i64::from(b)),
                None => return Err(format!("{v:?} is not yes or no; expected yes, no, or \"\" to clear it")),
            },
            ContentFacet::SourceKind => Value::from(source_kind(v)?),
            ContentFacet::Perspective => Value::from(v.split_whitespace().collect::<Vec<_>>().join(" ")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_as_written() {
        for y in ["yes", "Y", "TRUE", "1", "x", "✓", "Oui"] {
            assert_eq!(yes_no(y), Some(true), "{y}");
        }
        for n in ["no", "N", "false", "0", "Nein"] {
            assert_eq!(yes_no(n), Some(false), "{n}");
        }
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(yes_no(""), None);
    }

    #[test]
    fn source_kinds_and_aliases() {
        assert_eq!(source_kind("Peer reviewed"), Ok("peer-reviewed"));
        assert_eq!(source_kind("grey_literature"), Ok("grey-literature"));
        assert_eq!(source_kind("Gray literature"), Ok("grey-literature"));
        assert_eq!(source_kind("lived experience"), Ok("lived-experience"));
        assert!(source_kind("blog").unwrap_err().contains("expected one of peer-reviewed"));
    }

    #[test]
    fn facet_names_and_values() {
        assert_eq!(ContentFacet::parse("global_south"), Ok(ContentFacet::GlobalSouth));
        assert_eq!(ContentFacet::parse("Open Access"), Ok(ContentFacet::OpenAccess));
        assert_eq!(ContentFacet::parse("oa"), Ok(ContentFacet::OpenAccess));
        assert!(ContentFacet::parse("gender").unwrap_err().contains("expected one of language"));
        assert_eq!(ContentFacet::GlobalSouth.value("yes"), Ok(serde_json::json!(1)));
        assert_eq!(ContentFacet::Language.value("French; eng"), Ok(serde_json::json!("fr; en")));
        assert_eq!(ContentFacet::OpenAccess.value(""), Ok(serde_json::Value::Null));
        assert!(ContentFacet::OpenAccess.value("perhaps").is_err());
        assert_eq!(ContentFacet::SourceKind.value("social media"), Ok(serde_json::json!("social-media")));
    }

    #[test]
    fn an_original_language_makes_a_translation_and_blanks_erase_nothing() {
        let mut f = WorkFacets { original_language: Some("fr".into()), ..Default::default() };
        f.settle();
        assert_eq!(f.translated, Some(true));
        let old = WorkFacets { open_access: Some(true), perspective: Some("patients".into()), ..Default::default() };
        let new = WorkFacets { open_access: Some(false), ..Default::default() };
        let m = new.or(&old);
        assert_eq!(m.open_access, Some(false));
        assert_eq!(m.perspective.as_deref(), Some("patients"));
    }
}
