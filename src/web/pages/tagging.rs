//! The pieces of a page that tag and untag, and that offer the lexicon's
//! suggestions with their evidence, for sessions and readings alike.

use maud::{Markup, html};

use crate::analysis::suggest::{self, Options, Suggestion, Targets};
use crate::store::audit::{AuditData, ItemInfo, ModuleInfo, ReadingInfo, ThemeInfo};
use crate::store::tags::Target;
use crate::store::themes::Theme;
use crate::store::workspace::Dismissed;
use crate::web::forms::target_value;
use crate::web::html::{chip, csrf};
use crate::web::session::Visit;

/// The themes as the analysis takes them (with their lexicons).
pub fn theme_infos(themes: &[Theme]) -> Vec<ThemeInfo> {
    let mut v: Vec<ThemeInfo> = themes
        .iter()
        .map(|t| ThemeInfo {
            id: t.id,
            slug: t.slug.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            keywords: t.keywords.clone(),
        })
        .collect();
    // The analysis sees themes in ID order (as `canon suggest` loads them).
    v.sort_by_key(|t| t.id);
    v
}

/// The lexicon's suggestions for these items (of `module`) or readings, as
/// `canon suggest` makes them, less the ones someone rejected.
pub fn suggestions(
    themes: &[Theme],
    module: Option<&ModuleInfo>,
    items: &[ItemInfo],
    readings: &[ReadingInfo],
    dismissed: &std::collections::HashSet<Dismissed>,
) -> Vec<Suggestion> {
    let data = AuditData {
        themes: theme_infos(themes),
        modules: module.cloned().into_iter().collect(),
        items: items.to_vec(),
        readings: readings.to_vec(),
        links: Vec::new(),
        contributors: Default::default(),
    };
    let targets = if readings.is_empty() { Targets::Items } else { Targets::All };
    let mut found = suggest::compute(&data, &Options { targets, min_score: suggest::MIN_SCORE });
    found.retain(|s| !dismissed.contains(&(s.target.as_str(), s.id, s.theme_id)));
    found
}

fn theme_name(themes: &[Theme], id: i64) -> String {
    themes.iter().find(|t| t.id == id).map_or_else(|| format!("theme {id}"), |t| t.name.clone())
}

/// A target's themes, each with a button that removes it, and a form that adds one.
pub fn themes_editor(v: &Visit, themes: &[Theme], target: Target, label: &str, on: &[i64], back: &str) -> Markup {
    let tv = target_value(target);
    let missing: Vec<&Theme> = themes.iter().filter(|t| !on.contains(&t.id)).collect();
    let select_id = format!("tag-{}", tv.replace(':', "-"));
    html! {
        div.themes {
            span.muted { "Themes: " }
            @if on.is_empty() { span.muted { "none yet. " } }
            @for id in on {
                @let name = theme_name(themes, *id);
                @let slug = themes.iter().find(|t| t.id == *id).map_or(name.as_str(), |t| t.slug.as_str());
                span.tagged {
                    (chip(themes, slug))
                    form.inline method="post" action="/untag" {
                        (csrf(v))
                        input type="hidden" name="target" value=(tv);
                        input type="hidden" name="theme" value=(id);
                        input type="hidden" name="back" value=(back);
                        button.small.danger type="submit" aria-label={ "Remove " (name) " from " (label) } { "Remove" }
                    }
                    " "
                }
            }
            @if !missing.is_empty() {
                form.inline method="post" action="/tag" {
                    (csrf(v))
                    input type="hidden" name="target" value=(tv);
                    input type="hidden" name="back" value=(back);
                    label.visually-hidden for=(select_id) { "Theme to add to " (label) }
                    select id=(select_id) name="theme" {
                        @for t in &missing { option value=(t.id) { (t.name) } }
                    }
                    " "
                    button.small.secondary type="submit" aria-label={ "Add the chosen theme to " (label) } { "Add theme" }
                }
            }
        }
    }
}

/// One suggestion with its evidence, and Accept / Reject in one click each.
///
/// The theme is named as every page names it (`themes` gives the names; the
/// slug only for a theme they do not hold).
pub fn suggestion(v: &Visit, themes: &[Theme], s: &Suggestion, label: &str, back: &str) -> Markup {
    let name = themes.iter().find(|t| t.slug == s.theme).map_or(s.theme.as_str(), |t| t.name.as_str());
    let tv = match s.target {
        suggest::TargetKind::Item => target_value(Target::Item(s.id)),
        suggest::TargetKind::Reading => target_value(Target::Reading(s.id)),
    };
    let evidence = s.evidence.join(", ");
    html! {
        div.suggestion {
            "Suggested theme " strong { (name) } " (score " (s.score) ") from the words "
            span.evidence { @for (i, e) in s.evidence.iter().enumerate() { @if i > 0 { ", " } "“" (e) "”" } }
            ". "
            form.inline method="post" action="/suggestions/accept" {
                (csrf(v))
                input type="hidden" name="target" value=(tv);
                input type="hidden" name="theme" value=(s.theme_id);
                input type="hidden" name="evidence" value=(evidence);
                input type="hidden" name="back" value=(back);
                button.small type="submit" aria-label={ "Accept " (name) " for " (label) } { "Accept" }
            }
            " "
            form.inline method="post" action="/suggestions/reject" {
                (csrf(v))
                input type="hidden" name="target" value=(tv);
                input type="hidden" name="theme" value=(s.theme_id);
                input type="hidden" name="evidence" value=(evidence);
                input type="hidden" name="back" value=(back);
                button.small.danger type="submit" aria-label={ "Reject " (name) " for " (label) } { "Reject" }
            }
        }
    }
}

/// A rejected suggestion with the button that brings it back.
pub fn restore_button(v: &Visit, target: Target, theme: i64, themes: &[Theme], label: &str, back: &str) -> Markup {
    let name = theme_name(themes, theme);
    html! {
        form.inline method="post" action="/suggestions/restore" {
            (csrf(v))
            input type="hidden" name="target" value=(target_value(target));
            input type="hidden" name="theme" value=(theme);
            input type="hidden" name="back" value=(back);
            (name) " for " (label) " "
            button.small.secondary type="submit" aria-label={ "Suggest " (name) " for " (label) " again" } { "Suggest again" }
        }
    }
}
