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
use hayagriva::{ElemChild, ElemChildren, ElemMeta, Formatted};

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
    /// The style has groups of such dates marked ([`with_date_groups_marked`]).
    marked: bool,
    /// Delimiters of groups where a marked group comes first, and where it
    /// comes after another child ([`unmark_in`]).
    marked_lead: Vec<String>,
    marked_trail: Vec<String>,
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
        self.lead.is_empty() && self.trail.is_empty() && !self.marked
    }

    fn walk(&mut self, children: &[LayoutRenderingElement], delimiter: Option<&str>, macros: &[CslMacro], depth: u8) {
        if depth > 16 {
            return;
        }
        for (i, child) in children.iter().enumerate() {
            if matches!(child, LayoutRenderingElement::Group(g) if marked_group(g)) {
                self.marked = true;
                if let Some(d) = delimiter.filter(|d| !d.is_empty()) {
                    let list = if i == 0 { &mut self.marked_lead } else { &mut self.marked_trail };
                    if !list.iter().any(|l| l == d) {
                        list.push(d.to_string());
                    }
                }
            }
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
        if self.marked {
            unmark_in(&mut children.0, self);
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
        // The delimiter after the date, where the text before lost its
        // space to it ("Lancet." + date + ", Mar."): its space is the
        // outer delimiter's now, and stays ("Lancet. Mar.", r83).
        let gone = found(true).or(partial).map(|(j, len)| {
            let d = text(Some(j)).filter(|_| j > i && before_lost_space).and_then(|t| t.get(..len)).unwrap_or("");
            let space = d.len() - d.trim_end().len();
            if space < d.len() { (j, len - space) } else { (j, len) }
        });
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

/// The marks around a group of dates that can print nothing
/// ([`with_date_groups_marked`]): private-use characters, never in a reference.
const OPEN_MARK: &str = "\u{E0D0}";
const CLOSE_MARK: &str = "\u{E0D1}";

/// Whether `g` is a group [`with_date_groups_marked`] put around one.
fn marked_group(g: &hayagriva::citationberg::Group) -> bool {
    let mark = |e: Option<&LayoutRenderingElement>, m: &str| {
        matches!(e, Some(LayoutRenderingElement::Text(t))
            if matches!(&t.target, hayagriva::citationberg::TextTarget::Value { val } if val == m))
    };
    g.children.len() == 3 && mark(g.children.first(), OPEN_MARK) && mark(g.children.last(), CLOSE_MARK)
}

/// Whether `c` is a mark alone.
fn is_mark(c: &ElemChild, mark: &str) -> bool {
    matches!(c, ElemChild::Text(t) if t.text == mark)
}

/// `list` with each text that holds a mark split at it, the mark a text
/// of its own (the processor joins literal text to the text beside it:
/// ". \u{E0D0}").
fn marks_apart(list: &mut Vec<ElemChild>) {
    let mut out = Vec::with_capacity(list.len());
    for c in list.drain(..) {
        match c {
            ElemChild::Text(t) if t.text.contains(['\u{E0D0}', '\u{E0D1}']) && t.text.chars().count() > 1 => {
                let mut piece = String::new();
                for ch in t.text.chars() {
                    if matches!(ch, '\u{E0D0}' | '\u{E0D1}') {
                        if !piece.is_empty() {
                            out.push(ElemChild::Text(Formatted {
                                text: std::mem::take(&mut piece),
                                formatting: t.formatting,
                            }));
                        }
                        out.push(ElemChild::Text(Formatted { text: ch.to_string(), formatting: t.formatting }));
                    } else {
                        piece.push(ch);
                    }
                }
                if !piece.is_empty() {
                    out.push(ElemChild::Text(Formatted { text: piece, formatting: t.formatting }));
                }
            }
            c => out.push(c),
        }
    }
    *list = out;
}

/// `list` without the marks of [`with_date_groups_marked`]. Where the
/// group between them printed nothing (the processor drops a group whose
/// dates print nothing, or prints its empty dates, but wrote the delimiter
/// before it, "Lancet. ;398"), that delimiter goes with it (r83).
fn unmark_in(list: &mut Vec<ElemChild>, gaps: &DateGaps) {
    marks_apart(list);
    let mut i = 0;
    while i < list.len() {
        if is_mark(&list[i], OPEN_MARK)
            && let Some(end) = (i + 1..list.len()).find(|&j| is_mark(&list[j], CLOSE_MARK))
        {
            let printed = has_text(&list[i + 1..end]);
            if printed {
                list.remove(end);
                list.remove(i);
                continue;
            }
            list.drain(i..=end);
            let before = i.checked_sub(1).and_then(|j| match &list[j] {
                ElemChild::Text(t) => {
                    gaps.marked_trail.iter().find(|d| t.text.ends_with(d.as_str())).map(|d| (j, d.len()))
                }
                _ => None,
            });
            if let Some((j, len)) = before {
                if let ElemChild::Text(t) = &mut list[j] {
                    t.text.truncate(t.text.len() - len);
                }
            } else if let Some(ElemChild::Text(t)) = list.get_mut(i)
                && let Some(d) = gaps.marked_lead.iter().find(|d| t.text.starts_with(d.as_str()))
            {
                t.text.replace_range(..d.len(), "");
            }
            continue;
        }
        if let ElemChild::Elem(e) = &mut list[i] {
            unmark_in(&mut e.children.0, gaps);
        }
        i += 1;
    }
    // A mark left alone (its pair elsewhere) is no text of the reference.
    for c in list.iter_mut() {
        if let ElemChild::Text(t) = c
            && t.text.contains(['\u{E0D0}', '\u{E0D1}'])
        {
            t.text = t.text.replace(['\u{E0D0}', '\u{E0D1}'], "");
        }
    }
    list.retain(|c| !matches!(c, ElemChild::Text(t) if t.text.is_empty()));
}

/// Whether `body` (a group's or a macro's content) is only dates without
/// a year (and no localized form, which prints one), in groups or not.
fn only_yearless_dates(body: &str) -> bool {
    let body = body.trim();
    let bare = body.replace("</group>", "");
    let bare = bare
        .split("<group")
        .enumerate()
        .map(|(k, part)| if k == 0 { part } else { part.split_once('>').map_or("", |(_, rest)| rest) })
        .collect::<String>();
    let bare = bare.trim();
    bare.starts_with("<date")
        && !bare.contains("\"year\"")
        && !bare.contains("'year'")
        && !["<text", "<names", "<choose", "<number", "<label", "<macro"].iter().any(|e| bare.contains(e))
        && bare.match_indices("<date ").all(|(i, _)| bare[i..].split('>').next().is_some_and(|t| !t.contains("form=")))
}

/// The end (after its `</group>`) of the group opened at the start of `xml`.
fn group_end(xml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let open = xml[at..].find("<group").map(|o| at + o);
        let close = xml[at..].find("</group>").map(|c| at + c);
        match (open, close) {
            (Some(o), Some(c)) if o < c => {
                let tag_end = o + xml[o..].find('>')?;
                if !xml[..tag_end].ends_with('/') {
                    depth += 1;
                }
                at = tag_end + 1;
            }
            (_, Some(c)) => {
                depth = depth.checked_sub(1)?;
                at = c + "</group>".len();
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => return None,
        }
    }
}

/// `xml` with each group of dates without a year (`<group delimiter=",
/// "><date variable="issued"><date-part name="month"/></date><date
/// variable="accessed">…</date></group>`), and each call of a macro of
/// such dates, put between two marks in a group of its own. The processor
/// drops such a group when its dates print nothing, with nothing left to
/// find the delimiter it wrote before it by ("Lancet. ;398", r83); the
/// marks stand where it was ([`unmark_in`]).
pub(crate) fn with_date_groups_marked(xml: &str) -> String {
    let mark =
        |inner: &str| format!("<group><text value=\"{OPEN_MARK}\"/>{inner}<text value=\"{CLOSE_MARK}\"/></group>");
    // The macros of such dates, by name.
    let mut macros = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<macro ") {
        let after = &rest[at..];
        let (Some(open_end), Some(close)) = (after.find('>'), after.find("</macro>")) else { break };
        let tag = &after[..open_end];
        if let Some(name) = ["name=\"", "name='"].iter().find_map(|p| {
            let i = tag.find(p)? + p.len();
            Some(&tag[i..i + tag[i..].find(['"', '\''])?])
        }) && only_yearless_dates(&after[open_end + 1..close])
        {
            macros.push(name.to_string());
        }
        rest = &after[close..];
    }
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    // The opening tags of the groups the text so far is in: a group or call
    // is marked only where its parent group has a delimiter and no affixes
    // (the marks are text: a parent's affixes would print around them).
    let mut parents: Vec<&str> = Vec::new();
    let delimited = |parents: &[&str]| {
        parents.last().is_some_and(|tag| {
            let tag = tag.replace('\'', "\"");
            tag.contains("delimiter=\"")
                && !tag.contains("delimiter=\"\"")
                && !tag.contains("prefix=")
                && !tag.contains("suffix=")
        })
    };
    loop {
        let found = ["<group", "</group>", "<text macro=", "<macro "]
            .iter()
            .filter_map(|t| rest.find(t).map(|at| (at, *t)))
            .min_by_key(|&(at, _)| at);
        let Some((at, token)) = found else { break };
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let tag_end = after.find('>').map_or(after.len(), |e| e + 1);
        match token {
            "</group>" => {
                parents.pop();
                out.push_str(token);
                rest = &after[token.len()..];
            }
            // A marked macro's own groups are not marked again: its calls are.
            "<macro " => {
                let marked_macro = macros.iter().any(|m| {
                    after[..tag_end].contains(&format!("name=\"{m}\""))
                        || after[..tag_end].contains(&format!("name='{m}'"))
                });
                let end = if marked_macro {
                    after.find("</macro>").map_or(tag_end, |e| e + "</macro>".len())
                } else {
                    tag_end
                };
                parents.clear();
                out.push_str(&after[..end]);
                rest = &after[end..];
            }
            "<text macro=" => {
                let end = after.find("/>").map(|e| e + 2);
                let name = after[token.len()..].trim_start_matches(['"', '\'']).split(['"', '\'']).next();
                match end.filter(|_| delimited(&parents) && name.is_some_and(|n| macros.iter().any(|m| m == n))) {
                    Some(end) => {
                        out.push_str(&mark(&after[..end]));
                        rest = &after[end..];
                    }
                    None => {
                        out.push_str(token);
                        rest = &after[token.len()..];
                    }
                }
            }
            _ => {
                let self_closed = after[..tag_end].ends_with("/>");
                let end = group_end(after).filter(|&e| {
                    !self_closed && delimited(&parents) && only_yearless_dates(&after[tag_end..e - "</group>".len()])
                });
                match end {
                    Some(end) => {
                        out.push_str(&mark(&after[..end]));
                        rest = &after[end..];
                    }
                    None => {
                        if !self_closed {
                            parents.push(&after[..tag_end]);
                        }
                        out.push_str(&after[..tag_end]);
                        rest = &after[tag_end..];
                    }
                }
            }
        }
    }
    out.push_str(rest);
    out
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
