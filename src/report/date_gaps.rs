//! A date that prints nothing takes no delimiter (CSL 1.0.2, "Delimiter":
//! a delimiter goes between non-empty pieces of output). hayagriva 0.10
//! decides a group's delimiters by whether a child's variable is set, not
//! by what it printed: a `<date>` with only a month part, for a work with
//! no month, printed "Der Internist 58 ( 2017)" in a style whose group is
//! `<group prefix=" (" delimiter=" "><date…month/><date…year/></group>`
//! (tester r78 F1). Canon finds, in the style, the groups whose child is
//! such a date, and in the processor's output each date that printed
//! nothing, and takes out the delimiter written for it.

use hayagriva::citationberg::{CslMacro, DatePartName, IndependentStyle, LayoutRenderingElement};
use hayagriva::{ElemChild, ElemChildren, ElemMeta};

/// The delimiters of a style's groups that hold a date which can print
/// nothing (one without a year part, [`may_be_empty`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct DateGaps {
    /// Delimiters of groups where such a date comes first: the delimiter
    /// written for it is the one after it.
    lead: Vec<String>,
    /// Delimiters of groups where such a date comes after another child:
    /// the delimiter written for it is the one before it.
    trail: Vec<String>,
}

impl DateGaps {
    /// The groups of `csl`'s bibliography and citation layouts (and their
    /// macros) with a date that can print nothing.
    pub(crate) fn of(csl: &IndependentStyle) -> DateGaps {
        let mut gaps = DateGaps::default();
        let layouts = csl.bibliography.iter().map(|b| &b.layout).chain([&csl.citation.layout]);
        for layout in layouts {
            gaps.walk(&layout.elements, layout.delimiter.as_deref(), &csl.macros, 0);
        }
        for m in &csl.macros {
            gaps.walk(&m.children, None, &csl.macros, 0);
        }
        gaps
    }

    /// Whether the style has no such group: nothing to do.
    pub(crate) fn is_empty(&self) -> bool {
        self.lead.is_empty() && self.trail.is_empty()
    }

    fn walk(&mut self, children: &[LayoutRenderingElement], delimiter: Option<&str>, macros: &[CslMacro], depth: u8) {
        if depth > 16 {
            return;
        }
        for (i, child) in children.iter().enumerate() {
            if let Some(d) = delimiter.filter(|d| !d.is_empty())
                && may_be_empty(child, macros, depth)
            {
                let list = if i == 0 { &mut self.lead } else { &mut self.trail };
                if !list.iter().any(|l| l == d) {
                    list.push(d.to_string());
                }
            }
            match child {
                LayoutRenderingElement::Group(g) => self.walk(&g.children, g.delimiter.as_deref(), macros, depth + 1),
                // A choice's branches stand in its place in the group.
                LayoutRenderingElement::Choose(c) => {
                    for b in c.branches() {
                        self.walk(&b.children, delimiter, macros, depth + 1);
                    }
                    if let Some(o) = &c.otherwise {
                        self.walk(&o.children, delimiter, macros, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// `children` (one rendered entry) without the delimiter written for
    /// each date that printed nothing.
    pub(crate) fn close(&self, children: &mut ElemChildren) {
        if self.is_empty() {
            return;
        }
        close_in(&mut children.0, self);
    }
}

/// Whether `e` is a date that prints nothing for a work with a year (a
/// `<date>` of month or day parts only, or a macro of such dates): its
/// variable is set, so the processor writes a delimiter for it.
fn may_be_empty(e: &LayoutRenderingElement, macros: &[CslMacro], depth: u8) -> bool {
    match e {
        LayoutRenderingElement::Date(d) => {
            d.form.is_none() && !d.date_part.is_empty() && d.date_part.iter().all(|p| p.name != DatePartName::Year)
        }
        LayoutRenderingElement::Text(t) if depth < 16 => match &t.target {
            hayagriva::citationberg::TextTarget::Macro { name } => {
                macros.iter().find(|m| &m.name == name).is_some_and(|m| {
                    !m.children.is_empty() && m.children.iter().all(|c| may_be_empty(c, macros, depth + 1))
                })
            }
            _ => false,
        },
        _ => false,
    }
}

fn close_in(list: &mut Vec<ElemChild>, gaps: &DateGaps) {
    let mut i = 0;
    while i < list.len() {
        // (A date in a macro is inside the macro's text element.)
        let empty_date = matches!(&list[i], ElemChild::Elem(e) if !has_text(&e.children.0) && holds_date(e));
        if !empty_date {
            if let ElemChild::Elem(e) = &mut list[i] {
                close_in(&mut e.children.0, gaps);
            }
            i += 1;
            continue;
        }
        let text = |j: Option<usize>| match j.and_then(|j| list.get(j)) {
            Some(ElemChild::Text(t)) => Some(t.text.as_str()),
            _ => None,
        };
        let (before, after) = (i.checked_sub(1), Some(i + 1));
        let all: Vec<String> = gaps.lead.iter().chain(&gaps.trail).cloned().collect();
        // The delimiter as a text of its own, else at the end of the text
        // before (or the start of the text after) that it was joined to.
        let found = |whole: bool| {
            let at = |j: Option<usize>, of: &[String]| {
                let (j, t) = (j?, text(j)?);
                let fits = |d: &&String| match (whole, j < i) {
                    (true, _) => t == d.as_str(),
                    (false, true) => t.ends_with(d.as_str()),
                    (false, false) => t.starts_with(d.as_str()),
                };
                of.iter().find(fits).map(|d| (j, d.len()))
            };
            at(before, &gaps.trail)
                .or_else(|| at(after, &gaps.lead))
                .or_else(|| at(before, &all))
                .or_else(|| at(after, &all))
        };
        // The processor writes one space where two would meet: an outer
        // group's ", " before the date lost its space to this group's " "
        // after it ("here," + date + " [2003]"). That space is the outer
        // delimiter's now, and stays (", [2003]", not ",[2003]").
        let before_lost_space = text(before).is_some_and(|t| t.ends_with([',', ';', ':', '.']));
        let partial = match found(false) {
            Some((j, len)) if j > i && before_lost_space => {
                let d = &text(Some(j)).unwrap_or_default()[..len];
                (!d.trim().is_empty()).then_some((j, len))
            }
            other => other,
        };
        let gone = found(true).or(partial);
        list.remove(i);
        let Some((j, len)) = gone else { continue };
        let j = if j > i { j - 1 } else { j };
        if let Some(ElemChild::Text(t)) = list.get_mut(j) {
            if t.text.len() == len {
                list.remove(j);
                if j < i {
                    i -= 1;
                }
            } else if j < i {
                t.text.truncate(t.text.len() - len);
            } else {
                t.text.replace_range(..len, "");
            }
        }
    }
}

/// Whether `e` is, or holds, a date's element.
fn holds_date(e: &hayagriva::Elem) -> bool {
    matches!(e.meta, Some(ElemMeta::Date))
        || e.children.0.iter().any(|c| matches!(c, ElemChild::Elem(inner) if holds_date(inner)))
}

/// Whether `list` prints any text but whitespace.
fn has_text(list: &[ElemChild]) -> bool {
    list.iter().any(|c| match c {
        ElemChild::Text(t) => t.text.chars().any(|c| !c.is_whitespace()),
        ElemChild::Markup(m) => m.chars().any(|c| !c.is_whitespace()),
        ElemChild::Elem(e) => has_text(&e.children.0),
        ElemChild::Link { .. } | ElemChild::Transparent { .. } => true,
    })
}

/// `xml` with each call of a macro that holds only dates without a year
/// (`<text macro="season"/>` of `<macro name="season"><date …><date-part
/// name="month"/></date></macro>`) made the macro's dates: the processor
/// drops an empty macro's output whole, with nothing left to find its
/// delimiter by ([`DateGaps::close`]). A call with attributes of its own
/// (`<text macro="month" prefix=" (" suffix=")"/>`, `font-style="normal"`)
/// gives them to the macro's one date ([`with_call_attributes`]), which
/// takes affixes, formatting, `display` and `text-case` as the call does
/// (CSL 1.0.2, "Date"); a call whose attributes a date cannot take
/// (`quotes`, `strip-periods`), or of a macro of several dates, is kept as
/// it is.
pub(crate) fn with_date_macros_inlined(xml: &str) -> String {
    let mut out = xml.to_string();
    let mut rest = xml;
    while let Some(at) = rest.find("<macro ") {
        let after = &rest[at..];
        let Some(open_end) = after.find('>') else { break };
        let Some(close) = after.find("</macro>") else { break };
        let tag = &after[..open_end];
        let body = after[open_end + 1..close].trim();
        rest = &after[close..];
        let name = ["name=\"", "name='"].iter().find_map(|p| {
            let i = tag.find(p)? + p.len();
            Some(&tag[i..i + tag[i..].find(['"', '\''])?])
        });
        let Some(name) = name else { continue };
        let only_dates = body.starts_with("<date ")
            && !body.contains("\"year\"")
            && !body.contains("'year'")
            && !["<text", "<names", "<group", "<choose", "<number", "<label"].iter().any(|e| body.contains(e))
            // (A localized date, `form="text"`, prints its year.)
            && body.match_indices("<date ").all(|(i, _)| body[i..].split('>').next().is_some_and(|t| !t.contains("form=")));
        if !only_dates {
            continue;
        }
        for quote in ['"', '\''] {
            let call = format!("<text macro={quote}{name}{quote}");
            while let Some(i) = out.find(&call) {
                let Some(end) = out[i..].find("/>").map(|e| i + e) else { break };
                let attrs = out[i + call.len()..end].to_string();
                let with =
                    if attrs.trim().is_empty() { Some(body.to_string()) } else { with_call_attributes(body, &attrs) };
                // One that cannot be given is left as it is, and the calls
                // after it too (they are not looked at again).
                let Some(with) = with else { break };
                out.replace_range(i..end + 2, &with);
            }
        }
    }
    out
}

/// The attributes a `<date>` takes from a macro call that stands for it.
const DATE_ATTRIBUTES: &[&str] = &[
    "prefix",
    "suffix",
    "display",
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
    "text-case",
];

/// `body`, a macro's one `<date>` (with its date parts), with the
/// attributes `attrs` of the call that stands for it: the call's prefix
/// before the date's own and its suffix after, its formatting where the
/// date sets none (the inner element's own formatting wins, as it would
/// inside the call). `None` when the body is not one date, or the call has
/// an attribute a date cannot take.
fn with_call_attributes(body: &str, attrs: &str) -> Option<String> {
    if body.match_indices("<date ").count() != 1 {
        return None;
    }
    let call = attributes(attrs)?;
    if call.iter().any(|(k, _)| !DATE_ATTRIBUTES.contains(&k.as_str())) {
        return None;
    }
    let tag_end = body.find('>')?;
    let closed = body[..tag_end].ends_with('/');
    let inner_end = if closed { tag_end - 1 } else { tag_end };
    let own = attributes(&body["<date".len()..inner_end])?;
    let mut merged = own.clone();
    for (k, v) in &call {
        let at = merged.iter().position(|(m, _)| m == k);
        match (k.as_str(), at) {
            ("prefix", Some(j)) => merged[j].1 = format!("{v}{}", merged[j].1),
            ("suffix", Some(j)) => merged[j].1 = format!("{}{v}", merged[j].1),
            (_, Some(_)) => {}
            (_, None) => merged.push((k.clone(), v.clone())),
        }
    }
    let mut tag = String::from("<date");
    for (k, v) in &merged {
        tag.push_str(&format!(" {k}=\"{}\"", escaped(v)));
    }
    tag.push_str(if closed { "/>" } else { ">" });
    Some(format!("{tag}{}", &body[tag_end + 1..]))
}

/// The `name="value"` pairs of a tag's attribute text, values unescaped;
/// `None` when it is not only such pairs.
fn attributes(text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return None;
        }
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let close = after[1..].find(quote)? + 1;
        out.push((name.to_string(), unescaped(&after[1..close])));
        rest = after[close + 1..].trim_start();
    }
    Some(out)
}

fn unescaped(v: &str) -> String {
    v.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn escaped(v: &str) -> String {
    v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_gives_its_attributes_to_the_macros_date() {
        let xml = r#"<macro name="m"><date variable="issued" prefix="["><date-part name="month"/></date></macro><group delimiter=" "><text macro="m" prefix=" (" suffix=")" font-style="italic"/></group>"#;
        let out = with_date_macros_inlined(xml);
        assert!(
            out.ends_with(r#"<group delimiter=" "><date variable="issued" prefix=" ([" suffix=")" font-style="italic"><date-part name="month"/></date></group>"#),
            "{out}"
        );
        // `quotes` is not a date's: the call is kept.
        let xml = r#"<macro name="m"><date variable="issued"><date-part name="month"/></date></macro><text macro="m" quotes="true"/>"#;
        assert_eq!(with_date_macros_inlined(xml), xml);
    }
}
