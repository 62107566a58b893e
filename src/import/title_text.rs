//! A title's rich-text markup as a spreadsheet cell writes it, and back.
//!
//! canon stores a title's markup as CSL-JSON's rich text (`<i>`, `<b>`,
//! `<sup>`, `<sub>`, `<sc>`, `<span class="nocase">`): the form the
//! reference formatter reads. No user sees those tags (tester r73 F4, F22):
//! a cell of a CSV or JSON listing, an export, a report table or an import
//! note writes the title in its BibTeX-style text ([`sheet`]): case
//! protection as braces (`{eGFR}`), the other marks as the LaTeX commands
//! BibTeX itself writes (`\textit{E. coli}`, `NO\textsubscript{2}`), and a
//! literal brace or backslash escaped (`\{`). The reading CSV reads that
//! text back ([`from_sheet`]) into the same stored title, so `export
//! reading` → edit → `import reading` changes nothing that was not edited.

/// The LaTeX command that writes each mark, by the stored tag's name.
const COMMANDS: [(&str, &str); 5] =
    [("i", "textit"), ("b", "textbf"), ("sup", "textsuperscript"), ("sub", "textsubscript"), ("sc", "textsc")];

/// A stored title (or any stored rich text) as a cell writes it: case
/// protection (`<span class="nocase">…</span>`, or another span) as
/// `{…}`, italic (`<i>`, `<em>`) as `\textit{…}`, bold (`<b>`, `<strong>`)
/// as `\textbf{…}`, `<sup>`/`<sub>` as `\textsuperscript{…}` and
/// `\textsubscript{…}`, small capitals (`<sc>`, a small-caps span) as
/// `\textsc{…}`; a brace or a backslash of the title's own text is escaped
/// (`\{`, `\}`, `\\`). Any other "<" ("p < 0.05") is text.
pub fn sheet(stored: &str) -> String {
    if !stored.contains(['<', '{', '}', '\\']) {
        return stored.to_string();
    }
    let mut out = String::with_capacity(stored.len() + 8);
    // What each open tag wrote, so its end writes "}" (or nothing, for an
    // end tag that closes nothing).
    let mut open = 0usize;
    let mut rest = stored;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some((closing, tag, len)) = tag_at(rest)
        {
            match (closing, tag) {
                (true, _) if open > 0 => {
                    out.push('}');
                    open -= 1;
                }
                (true, _) => {}
                (false, Some(command)) => {
                    out.push('\\');
                    out.push_str(command);
                    out.push('{');
                    open += 1;
                }
                (false, None) => {
                    out.push('{');
                    open += 1;
                }
            }
            rest = &rest[len..];
            continue;
        }
        match c {
            '{' | '}' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(&"}".repeat(open));
    out
}

/// The markup tag `s` begins with, if it is one of a title's rich-text
/// tags: whether it closes, the command it is written as (`None`: case
/// protection, written as bare braces), and its length.
fn tag_at(s: &str) -> Option<(bool, Option<&'static str>, usize)> {
    let end = s.find('>')?;
    let body = &s[1..end];
    if body.contains('<') {
        return None;
    }
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name = body.split(char::is_whitespace).next().unwrap_or("").to_ascii_lowercase();
    let attributes = body[name.len()..].trim();
    if closing && !attributes.is_empty() || !closing && !attributes.is_empty() && name != "span" {
        return None;
    }
    let command = match name.as_str() {
        "i" | "em" => Some("textit"),
        "b" | "strong" => Some("textbf"),
        "sup" => Some("textsuperscript"),
        "sub" => Some("textsubscript"),
        "sc" => Some("textsc"),
        "span" if attributes.to_ascii_lowercase().contains("small-caps") => Some("textsc"),
        "span" | "u" | "nocase" => None,
        _ => return None,
    };
    Some((closing, command, end + 1))
}

/// A cell's title as canon stores it: the inverse of [`sheet`]. Balanced
/// braces are case protection (`<span class="nocase">…</span>`),
/// `\textit{…}`, `\textbf{…}`, `\textsuperscript{…}`, `\textsubscript{…}`
/// and `\textsc{…}` their marks, `\{`, `\}` and `\\` the characters; a
/// brace without its partner and any other backslash are text, as written.
pub fn from_sheet(cell: &str) -> String {
    if !cell.contains(['{', '\\']) {
        return cell.to_string();
    }
    let chars: Vec<char> = cell.chars().collect();
    let mut out = String::with_capacity(cell.len() + 16);
    read(&chars, 0, chars.len(), &mut out);
    out
}

/// Reads `chars[from..to]` into `out` ([`from_sheet`]).
fn read(chars: &[char], from: usize, to: usize, out: &mut String) {
    let mut i = from;
    while i < to {
        let c = chars[i];
        if c == '\\' && i + 1 < to && matches!(chars[i + 1], '{' | '}' | '\\') {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '\\' {
            let name: String = chars[i + 1..to].iter().take_while(|c| c.is_ascii_alphabetic()).collect();
            let open = i + 1 + name.chars().count();
            let tag = COMMANDS.iter().find(|(_, command)| *command == name).map(|(tag, _)| *tag);
            if let Some(tag) = tag
                && chars.get(open) == Some(&'{')
                && let Some(close) = partner(chars, open, to)
            {
                out.push_str(&format!("<{tag}>"));
                read(chars, open + 1, close, out);
                out.push_str(&format!("</{tag}>"));
                i = close + 1;
                continue;
            }
        }
        if c == '{'
            && let Some(close) = partner(chars, i, to)
        {
            out.push_str("<span class=\"nocase\">");
            read(chars, i + 1, close, out);
            out.push_str("</span>");
            i = close + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
}

/// A title from a format without BibTeX's braces (RIS, CSL-JSON) written
/// with them, as some reference managers copy a BibTeX title's case
/// protection ("{Malaria in the Gold Coast}", "{DNA} repair in {Ghana}"):
/// the title as BibTeX reads it, and whether the braces wrapped it whole.
/// Braces around the whole title are an exporter's habit (as Mendeley's in
/// BibTeX): read as an ordinary title. Braces around words keep their case,
/// stored as case protection (`<span class="nocase">`). `None` when the
/// text holds no braces, or braces that are no protection: unbalanced, or
/// beside TeX (a backslash, math `$`).
pub fn bibtex_braces(text: &str) -> Option<(String, bool)> {
    let t = text.trim();
    if !t.contains('{') || t.contains(['\\', '$']) {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    // Balanced: every "{" closed, no "}" unopened.
    let mut depth = 0i32;
    for c in &chars {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    if depth != 0 {
        return None;
    }
    // One pair (or a double pair, "{{…}}") around the whole title.
    let mut inner: &[char] = &chars;
    let mut whole = false;
    while inner.first() == Some(&'{') && partner(inner, 0, inner.len()) == Some(inner.len() - 1) {
        inner = &inner[1..inner.len() - 1];
        whole = true;
    }
    let mut out = String::with_capacity(t.len() + 16);
    read(inner, 0, inner.len(), &mut out);
    let out = out.trim().to_string();
    (!out.is_empty()).then_some((out, whole))
}

/// The titles of a draft from a format without BibTeX's braces read by
/// [`bibtex_braces`] (its title, container, series, volume title and
/// original title), each change said (tester r96 F6: RIS `TI  - {…}` was
/// stored and printed with its braces, unsaid).
pub(crate) fn read_bibtex_braces(d: &mut super::builder::Draft, format: &str) {
    let p = d.prefix();
    let at = d.title.as_ref().map_or(d.at, |v| v.at);
    let mut said: Vec<String> = Vec::new();
    // A container's or series' name is stored as BibTeX's importer stores
    // `journal` and `series`: plain text, the braced words as written (a
    // protection mark there was printed as markup: "<span Class=…>BMJ</span>
    // Global Health").
    let mut one = |what: &str, v: &mut String| {
        if let Some((mut read, whole)) = bibtex_braces(v) {
            if what != "title" {
                read = read.replace("<span class=\"nocase\">", "").replace("</span>", "");
            }
            said.push(if whole {
                format!(
                    "{what} {:?}: the braces around the whole {what} are a BibTeX habit, not {format}'s; read as an \
                     ordinary {what}",
                    v.trim()
                )
            } else {
                format!(
                    "{what} {:?}: braces around words are BibTeX's case protection, not {format}'s; read without \
                     them, the braced words' case kept as written",
                    v.trim()
                )
            });
            *v = read;
        }
    };
    if let Some(v) = d.title.as_mut() {
        one("title", &mut v.text);
    }
    for (what, v) in [
        ("container", d.container.as_mut()),
        ("series", d.series.as_mut()),
        ("volume title", d.volume_title.as_mut()),
        ("original title", d.original_title.as_mut()),
    ] {
        if let Some(v) = v {
            one(what, v);
        }
    }
    for s in said {
        d.warnings.push(super::RowError::new(at.line, at.column, format!("{p}{s}")));
    }
}

/// The index of the "}" that closes the "{" at `open`, before `to`.
fn partner(chars: &[char], open: usize, to: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < to {
        match chars[i] {
            '\\' if i + 1 < to && matches!(chars[i + 1], '{' | '}' | '\\') => i += 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether two titles are one text but for case protection: the same
/// [`sheet`] text once its bare braces are gone (`{Ahead of print article}`
/// is "Ahead of print article"; tester r73 F4), and the same marks written
/// by another tag (`<em>` for `<i>`). Case protection is canon's own mark,
/// which a source adds or leaves out by habit (Mendeley braces every
/// title): a title that differs only by it is no other title and no change.
pub fn same_but_case_marks(a: &str, b: &str) -> bool {
    let bare = |t: &str| {
        let t = crate::import::reading_csv::clean_title(t);
        let mut kept = String::with_capacity(t.len());
        let mut rest = t.as_str();
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some((_, None, len)) = tag_at(rest)
            {
                rest = &rest[len..];
                continue;
            }
            if !matches!(c, '{' | '}') {
                kept.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        sheet(&kept)
    };
    a == b || bare(a) == bare(b)
}

/// A stored title quoted for a message, in its [`sheet`] text: `{:?}`
/// writes `"Über LaTeX accents in {eGFR} studies"` (quotes inside escaped,
/// the sheet's backslashes as they are), never the stored tags.
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Debug for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        for c in sheet(self.0).chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\n' => f.write_str("\\n")?,
                _ => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOCASE: &str = "<span class=\"nocase\">";

    #[test]
    fn case_protection_is_written_as_braces() {
        assert_eq!(sheet(&format!("{NOCASE}Ahead of print article</span>")), "{Ahead of print article}");
        assert_eq!(
            sheet(&format!("Über LaTeX accents in {NOCASE}eGFR</span> studies")),
            "Über LaTeX accents in {eGFR} studies"
        );
        assert_eq!(sheet("Plain title"), "Plain title");
        assert_eq!(sheet("p < 0.05 in <b>bold</b>"), "p < 0.05 in \\textbf{bold}");
    }

    #[test]
    fn other_marks_are_written_as_latex_commands() {
        assert_eq!(sheet("Malaria in <i>Anopheles gambiae</i>"), "Malaria in \\textit{Anopheles gambiae}");
        assert_eq!(sheet("Nitrogen dioxide (NO<sub>2</sub>)"), "Nitrogen dioxide (NO\\textsubscript{2})");
        assert_eq!(
            sheet("<span style=\"font-variant:small-caps;\">nhs</span> <em>x</em>"),
            "\\textsc{nhs} \\textit{x}"
        );
        assert_eq!(sheet("unclosed <i>tag"), "unclosed \\textit{tag}");
        assert_eq!(sheet("stray </i>end"), "stray end");
    }

    #[test]
    fn literal_braces_and_backslashes_are_escaped() {
        assert_eq!(sheet("a {set} and a\\b"), "a \\{set\\} and a\\\\b");
        assert_eq!(from_sheet("a \\{set\\} and a\\\\b"), "a {set} and a\\b");
    }

    #[test]
    fn every_stored_form_reads_back_as_itself() {
        for stored in [
            format!("{NOCASE}Ahead of print article</span>"),
            format!("Über LaTeX accents in {NOCASE}eGFR</span> studies"),
            "Malaria in <i>Anopheles gambiae</i> and <i>Plasmodium</i>".to_string(),
            format!("{NOCASE}Nitrogen dioxide (NO<sub>2</sub>) exposure</span>"),
            "E = mc<sup>2</sup> and <b>bold</b> and <sc>nhs</sc>".to_string(),
            "a {set} \\ b } { unbalanced".to_string(),
            "p < 0.05 and x > y".to_string(),
            format!("{NOCASE}{NOCASE}nested</span> case</span>"),
        ] {
            assert_eq!(from_sheet(&sheet(&stored)), stored, "{stored}");
        }
    }

    #[test]
    fn a_cell_reads_braces_and_commands() {
        assert_eq!(from_sheet("HIV and {mRNA}"), format!("HIV and {NOCASE}mRNA</span>"));
        assert_eq!(from_sheet("In \\textit{E. coli}"), "In <i>E. coli</i>");
        // Unbalanced braces and unknown commands are text, as written.
        assert_eq!(from_sheet("a { b"), "a { b");
        assert_eq!(from_sheet("a } b"), "a } b");
        assert_eq!(from_sheet("\\foo x C:\\dir"), "\\foo x C:\\dir");
        assert_eq!(from_sheet("\\textit no brace"), "\\textit no brace");
    }

    #[test]
    fn a_quoted_title_is_its_sheet_text() {
        assert_eq!(format!("{:?}", Quoted(&format!("in {NOCASE}eGFR</span> \"x\""))), r#""in {eGFR} \"x\"""#);
        assert_eq!(format!("{:?}", Quoted("<i>E. coli</i>")), r#""\textit{E. coli}""#);
    }

    #[test]
    fn titles_alike_but_for_case_protection() {
        assert!(same_but_case_marks(&format!("{NOCASE}Ahead of print article</span>"), "Ahead of print article"));
        assert!(same_but_case_marks("{Ahead of print article}", "Ahead of print article"));
        assert!(same_but_case_marks(&format!("in {NOCASE}eGFR</span> studies"), "in eGFR studies"));
        assert!(same_but_case_marks("<em>E. coli</em>", "<i>E. coli</i>"));
        assert!(!same_but_case_marks("<i>E. coli</i>", "E. coli"));
        assert!(!same_but_case_marks("Ahead of print article", "Ahead of Print Article"));
        assert!(!same_but_case_marks("A {b} c", "A b c d"));
    }
}
