//! A `.csl` style's `<sort>` keys rewritten so that the processor keeps CSL
//! 1.0.2's sorting rules, which hayagriva 0.10 does not (its `csl/sort.rs`):
//!
//! - "Items with an empty sort key value are placed at the end of the sort,
//!   both for ascending and descending sorts" (CSL 1.0.2, "Sorting"): a work
//!   with no author (or only editors) was sorted FIRST under `<key
//!   variable="author"/>` and under a macro key whose names rendered
//!   nothing (tester r111, item 1);
//! - a name variable key sorts by the names "with the cs:name attributes
//!   form set to long, and name-as-sort-order set to all" ("Sorting",
//!   "Sort using a variable"), descending when `sort="descending"`: the
//!   processor compared the names and ignored `sort="descending"`;
//! - a variable key of `author` does not substitute editors (only a macro
//!   key's `cs:names` uses its `cs:substitute`).
//!
//! Each name variable key becomes a macro key of canon's own (its names in
//! their sort form, all of them); each ascending key whose names may render
//! nothing gets [`LAST`] as the last thing its names substitute, a text that
//! collates after every name. A descending key needs none: the processor
//! reverses its order, and an empty value (the empty text) then comes last.
//! Date keys are left as they are: the processor sorts an empty date last
//! and a date with missing parts before one with them (CSL 1.0.2: "dates
//! with fewer parts sort first").

use std::collections::HashMap;

/// CSL 1.0.2's name variables (Appendix IV, "Name Variables"), sorted for a
/// binary search.
const NAME_VARIABLES: &[&str] = &[
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
];

/// What an ascending key's empty names render instead of nothing: private
/// use characters, which the Unicode Collation Algorithm weighs after every
/// assigned character (implicit weights of unassigned and private use code
/// points), and which a plain comparison also puts after every name.
const LAST: &str = "\u{10FFFD}\u{10FFFD}\u{10FFFD}";

/// The prefix of the macros canon adds ("canon-sort-author",
/// "canon-sort-m-author"), which no layout calls.
const PREFIX: &str = "canon-sort-";

/// `xml` with every `<sort>`'s keys rewritten as the module says, and the
/// macros they call added before the style's first macro (or its citation).
/// A style without a `<sort>`, or whose keys need nothing, is returned as
/// it is.
pub(super) fn with_empty_sort_keys_last(xml: &str) -> String {
    if !xml.contains("<sort") {
        return xml.to_string();
    }
    let mut added: HashMap<String, String> = HashMap::new();
    let mut out = String::with_capacity(xml.len() + 512);
    let mut rest = xml;
    while let Some(s) = rest.find("<sort>") {
        let Some(len) = rest[s..].find("</sort>") else { break };
        let end = s + len;
        out.push_str(&rest[..s]);
        out.push_str(&keys_rewritten(&rest[s..end], xml, &mut added));
        rest = &rest[end..];
    }
    out.push_str(rest);
    if added.is_empty() {
        return out;
    }
    let Some(at) = out.find("<macro").or_else(|| out.find("<citation")) else { return xml.to_string() };
    let mut names: Vec<&String> = added.keys().collect();
    names.sort();
    let macros: String = names.iter().map(|n| added[*n].as_str()).collect();
    out.insert_str(at, &macros);
    out
}

/// The value of attribute `name` in the start tag `tag` (either quote).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    for q in ['"', '\''] {
        let key = format!(" {name}={q}");
        if let Some(i) = tag.find(&key) {
            let from = i + key.len();
            let len = tag[from..].find(q)?;
            return Some(&tag[from..from + len]);
        }
    }
    None
}

/// A `<sort>` element's text (up to its end tag) with each key rewritten.
fn keys_rewritten(body: &str, xml: &str, added: &mut HashMap<String, String>) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    let mut rest = body;
    while let Some(s) = rest.find("<key") {
        let Some(len) = rest[s..].find('>') else { break };
        let end = s + len + 1;
        let tag = &rest[s..end];
        out.push_str(&rest[..s]);
        out.push_str(&key_rewritten(tag, xml, added).unwrap_or_else(|| tag.to_string()));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One `<key …/>` rewritten, or `None` when it stays as it is.
fn key_rewritten(tag: &str, xml: &str, added: &mut HashMap<String, String>) -> Option<String> {
    let descending = attr(tag, "sort") == Some("descending");
    let direction = if descending { r#" sort="descending""# } else { "" };
    if let Some(v) = attr(tag, "variable") {
        if NAME_VARIABLES.binary_search(&v).is_err() {
            return None;
        }
        let name = format!("{PREFIX}{v}{}", if descending { "-d" } else { "" });
        let last =
            if descending { String::new() } else { format!(r#"<substitute><text value="{LAST}"/></substitute>"#) };
        added.entry(name.clone()).or_insert_with(|| {
            format!(
                r#"<macro name="{name}"><names variable="{v}"><name name-as-sort-order="all" et-al-min="10000" et-al-use-first="10000"/>{last}</names></macro>"#
            )
        });
        // (A closed key: `<key …></key>` keeps its end tag, now empty.)
        let close = if tag.ends_with("/>") { "/>" } else { ">" };
        return Some(format!(r#"<key macro="{name}"{direction}{}{close}"#, names_attrs(tag)));
    }
    let m = attr(tag, "macro")?;
    if descending {
        return None;
    }
    let copy = macro_copy(m, xml, added, 0)?;
    Some(tag.replacen(&format!("\"{m}\""), &format!("\"{copy}\""), 1).replacen(
        &format!("'{m}'"),
        &format!("'{copy}'"),
        1,
    ))
}

/// A key's `names-min`, `names-use-first` and `names-use-last`, as written.
fn names_attrs(tag: &str) -> String {
    ["names-min", "names-use-first", "names-use-last"]
        .iter()
        .filter_map(|a| attr(tag, a).map(|v| format!(r#" {a}="{v}""#)))
        .collect()
}

/// The body of macro `name` in `xml`.
fn macro_body<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = [format!("<macro name=\"{name}\""), format!("<macro name='{name}'")];
    let s = open.iter().find_map(|o| xml.find(o.as_str()))?;
    let start = s + xml[s..].find('>')? + 1;
    if xml[..start].ends_with("/>") {
        return None;
    }
    let len = xml[start..].find("</macro>")?;
    Some(&xml[start..start + len])
}

/// The name of canon's copy of macro `name` whose top-level names render
/// [`LAST`] when empty (and whose called macros are such copies too), added
/// to `added`; `None` when the macro holds no names, directly or through the
/// macros it calls (to a depth of 8, so a loop of calls ends).
fn macro_copy(name: &str, xml: &str, added: &mut HashMap<String, String>, depth: usize) -> Option<String> {
    let copy = format!("{PREFIX}m-{name}");
    if added.contains_key(&copy) {
        return Some(copy);
    }
    if depth > 8 {
        return None;
    }
    let body = macro_body(xml, name)?;
    let mut changed = false;
    // Calls of other macros: of their copies, where they hold names.
    // (Not one called within a `<substitute>`: its names' [`LAST`] would be
    // taken before the substitutes after it.)
    let mut called = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(s) = rest.find("<text ") {
        let Some(len) = rest[s..].find('>') else { break };
        let end = s + len + 1;
        let tag = &rest[s..end];
        let before = &body[..body.len() - rest.len() + s];
        let in_substitute = before.matches("<substitute").count() > before.matches("</substitute>").count();
        called.push_str(&rest[..s]);
        let copied = attr(tag, "macro")
            .filter(|_| !in_substitute)
            .and_then(|m| macro_copy(m, xml, added, depth + 1).map(|c| (m, c)));
        match copied {
            Some((m, c)) => {
                changed = true;
                called.push_str(&tag.replacen(&format!("\"{m}\""), &format!("\"{c}\""), 1));
            }
            None => called.push_str(tag),
        }
        rest = &rest[end..];
    }
    called.push_str(rest);
    let (body, with_names) = with_last_substitutes(&called);
    if !(changed || with_names) {
        return None;
    }
    added.insert(copy.clone(), format!(r#"<macro name="{copy}">{body}</macro>"#));
    Some(copy)
}

/// `body` with each `<names>` not inside a `<substitute>` given [`LAST`] as
/// its last substitute, and whether it had any.
fn with_last_substitutes(body: &str) -> (String, bool) {
    let last = format!(r#"<text value="{LAST}"/>"#);
    let mut out = String::with_capacity(body.len() + 128);
    let mut rest = body;
    // Depth of `<substitute>` elements; whether a top-level `<names>` is
    // open, and whether it has its substitute.
    let (mut substitute, mut open, mut has_substitute, mut any) = (0usize, false, false, false);
    while let Some(s) = rest.find('<') {
        let Some(len) = rest[s..].find('>') else { break };
        let end = s + len + 1;
        let tag = &rest[s..end];
        out.push_str(&rest[..s]);
        let self_closing = tag.ends_with("/>");
        if tag.starts_with("<names") && (tag[6..].starts_with([' ', '>', '/'])) && substitute == 0 {
            any = true;
            if self_closing {
                out.push_str(tag.trim_end_matches("/>").trim_end());
                out.push_str(&format!("><substitute>{last}</substitute></names>"));
            } else {
                out.push_str(tag);
                open = true;
                has_substitute = false;
            }
        } else if tag == "</names>" && substitute == 0 && open {
            if !has_substitute {
                out.push_str(&format!("<substitute>{last}</substitute>"));
            }
            out.push_str(tag);
            open = false;
        } else if tag.starts_with("<substitute") && !self_closing {
            substitute += 1;
            out.push_str(tag);
        } else if tag == "</substitute>" {
            substitute = substitute.saturating_sub(1);
            if substitute == 0 && open {
                out.push_str(&last);
                has_substitute = true;
            }
            out.push_str(tag);
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, any)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_variables_are_sorted_for_the_search() {
        assert!(NAME_VARIABLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_variable_key_becomes_a_macro_key_with_empty_names_last() {
        let xml = r#"<style><macro name="x"><text value="x"/></macro><bibliography><sort><key variable="author"/><key variable="issued"/></sort></bibliography></style>"#;
        let out = with_empty_sort_keys_last(xml);
        assert!(out.contains(r#"<key macro="canon-sort-author"/><key variable="issued"/>"#), "{out}");
        assert!(out.contains(r#"<macro name="canon-sort-author"><names variable="author">"#), "{out}");
        assert!(out.contains(LAST), "{out}");
        // Descending: reversed by the processor, without the text.
        let xml = xml.replace(r#"<key variable="author"/>"#, r#"<key variable="editor" sort="descending"/>"#);
        let out = with_empty_sort_keys_last(&xml);
        assert!(out.contains(r#"<key macro="canon-sort-editor-d" sort="descending"/>"#), "{out}");
        assert!(!out.contains(LAST), "{out}");
    }

    #[test]
    fn a_macro_key_gets_a_copy_whose_names_sort_last_when_empty() {
        let xml = r#"<style><macro name="auth"><names variable="author"><name/><substitute><names variable="editor"/></substitute></names></macro><macro name="outer"><text macro="auth"/></macro><macro name="t"><text variable="title"/></macro><bibliography><sort><key macro="outer"/><key macro="t"/></sort></bibliography></style>"#;
        let out = with_empty_sort_keys_last(xml);
        assert!(out.contains(r#"<key macro="canon-sort-m-outer"/><key macro="t"/>"#), "{out}");
        assert!(out.contains(r#"<macro name="canon-sort-m-outer"><text macro="canon-sort-m-auth"/></macro>"#), "{out}");
        assert!(
            out.contains(&format!(
                r#"<macro name="canon-sort-m-auth"><names variable="author"><name/><substitute><names variable="editor"/><text value="{LAST}"/></substitute></names></macro>"#
            )),
            "{out}"
        );
        // The style's own macros are unchanged.
        assert!(out.contains(r#"<macro name="auth"><names variable="author"><name/><substitute><names variable="editor"/></substitute></names></macro>"#));
    }

    #[test]
    fn a_style_without_a_sort_is_unchanged() {
        let xml = r#"<style><bibliography><layout><text variable="title"/></layout></bibliography></style>"#;
        assert_eq!(with_empty_sort_keys_last(xml), xml);
    }
}
