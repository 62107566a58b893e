//! The page shell and the pieces pages share. maud escapes every value
//! spliced into the markup, so user text can never become markup.

use maud::{DOCTYPE, Markup, html};

use super::forms::query;
use super::session::Visit;

/// Which section of the workspace a page belongs to (marked in the navigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Overview,
    Readings,
    Review,
    Gaps,
    Search,
    Import,
    History,
    Report,
    Who,
}

const SECTIONS: &[(Nav, &str, &str)] = &[
    (Nav::Overview, "/", "Overview"),
    (Nav::Readings, "/readings", "Readings"),
    (Nav::Review, "/review", "Review queue"),
    (Nav::Gaps, "/gaps", "Gaps"),
    (Nav::Search, "/search", "Search"),
    (Nav::Import, "/import", "Import"),
    (Nav::History, "/history", "History"),
    (Nav::Report, "/report", "Report"),
];

/// A whole page: navigation, the message the last action left, the title as
/// its heading, and `body`.
pub fn layout(visit: &Visit, title: &str, nav: Nav, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · canon" }
                link rel="stylesheet" href="/static/canon.css";
            }
            body {
                a.skip href="#main" { "Skip to the content" }
                header.top {
                    a.brand href="/" { "canon" }
                    nav aria-label="Sections" {
                        ul {
                            @for (n, href, label) in SECTIONS {
                                li {
                                    @if *n == nav {
                                        a href=(href) aria-current="page" { (label) }
                                    } @else {
                                        a href=(href) { (label) }
                                    }
                                }
                            }
                        }
                    }
                    @if let Some(name) = &visit.session.name {
                        p.who {
                            "Working as " strong { (name) } " · " a href="/who" { "change name" }
                        }
                    }
                }
                main id="main" tabindex="-1" {
                    @if let Some(f) = &visit.flash {
                        @if f.error {
                            div.flash.error role="alert" { strong { "Not done: " } (quotes_isolated(&f.message)) }
                        } @else {
                            div.flash role="status" { (quotes_isolated(&f.message)) }
                        }
                    }
                    h1 dir="auto" { (title) }
                    (body)
                }
                footer {
                    "canon " (env!("CARGO_PKG_VERSION")) " · every change is kept in the "
                    a href="/history" { "history" } " and can be undone."
                }
            }
        }
    }
}

/// The hidden CSRF field every form carries (first, so it is read first).
pub fn csrf(visit: &Visit) -> Markup {
    html! { input type="hidden" name="csrf" value=(visit.session.csrf); }
}

/// A page's slice of a list: which rows, and the links to the others.
pub struct Pager {
    pub page: usize,
    pub per: usize,
    pub total: usize,
}

impl Pager {
    /// Page `page` (1-based, clamped) of `total` rows, `per` a page.
    pub fn new(page: Option<usize>, per: usize, total: usize) -> Pager {
        let pages = total.div_ceil(per).max(1);
        Pager { page: page.unwrap_or(1).clamp(1, pages), per, total }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        let start = ((self.page - 1) * self.per).min(self.total);
        start..(start + self.per).min(self.total)
    }

    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.per).max(1)
    }

    /// "Showing 51–100 of 8,000" and previous/next links keeping `params`.
    /// The pager at the foot of a list: the same links as [`Pager::links`],
    /// and nothing for an empty list, whose head already says "No …" (issue
    /// 13: the empty review queue said "No suggested readings." twice).
    pub fn foot(&self, base: &str, params: &[(&str, &str)], noun: &str) -> Markup {
        if self.total == 0 {
            html! {}
        } else {
            self.links(base, params, noun)
        }
    }

    /// The pager: "Showing 1–20 of 35 readings" and the page links; `noun`
    /// is singular ("reading") and takes its plural from [`count`], so one
    /// rule decides "1 reading" / "2 readings".
    pub fn links(&self, base: &str, params: &[(&str, &str)], noun: &str) -> Markup {
        let r = self.range();
        let link = |p: usize| {
            let page = p.to_string();
            let mut all: Vec<(&str, &str)> = params.to_vec();
            all.push(("page", &page));
            format!("{base}{}", query(&all))
        };
        html! {
            nav.pager aria-label={ "Pages of " (noun) "s" } {
                @if self.total == 0 {
                    span { "No " (noun) "s." }
                } @else if self.total == 1 {
                    span { "Showing the only " (noun) }
                } @else {
                    span { "Showing " (r.start + 1) "–" (r.end) " of " (count(self.total, noun)) }
                }
                @if self.pages() > 1 {
                    " · "
                    @if self.page > 1 {
                        a href=(link(1)) { "First" } " "
                        a href=(link(self.page - 1)) rel="prev" { "Previous" }
                    }
                    " " span { "page " (self.page) " of " (thousands(self.pages())) } " "
                    @if self.page < self.pages() {
                        a href=(link(self.page + 1)) rel="next" { "Next" } " "
                        a href=(link(self.pages())) { "Last" }
                    }
                }
            }
        }
    }
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 session", "2 sessions".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{} {noun}s", thousands(n)) }
}

/// `text` with each span between curly double quotes ("\u{201c}…\u{201d}")
/// in a `<bdi>` (HTML's directional isolate), escaped: a reason canon
/// composes that quotes a user's words ("“الطب”, “العصر” in its title")
/// keeps its order and punctuation, each quoted word its own direction (the
/// page's counterpart of the PDF's `report::bidi::isolate_quoted`). A span
/// between the marks FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
/// (U+2068, U+2069: [`isolate`] puts them round a name a message shows
/// unquoted, a theme's) is a `<bdi>` too, the marks dropped.
pub fn quotes_isolated(text: &str) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find(['\u{201c}', '\u{2068}']);
        let Some(open) = open else { break };
        let quote = rest[open..].starts_with('\u{201c}');
        let (mark, close) = if quote { ('\u{201c}', '\u{201d}') } else { ('\u{2068}', '\u{2069}') };
        let after = open + mark.len_utf8();
        let Some(len) = rest[after..].find(close) else { break };
        // A quote keeps its marks; an isolate's marks become the element.
        parts.push((false, if quote { &rest[..after] } else { &rest[..open] }));
        parts.push((true, &rest[after..after + len]));
        rest = if quote { &rest[after + len..] } else { &rest[after + len + close.len_utf8()..] };
    }
    parts.push((false, rest));
    html! {
        @for (quoted, part) in parts {
            @if quoted { bdi { (part) } } @else { (part) }
        }
    }
}

/// `name` between the isolate marks that [`quotes_isolated`] makes a
/// `<bdi>` of: a user's name (a theme's) that a message shows unquoted.
pub fn isolate(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// A reading's title with its CSL rich-text markup (`<i>`, `<b>`, `<sub>`,
/// `<sup>`, small capitals; [`crate::report::cite::title_runs`]) as the
/// elements that draw it: its text escaped, the elements made only from that
/// list, whatever other tags the stored title holds (they are text, shown
/// escaped). Small capitals are `all-small-caps`, as the PDF draws them.
pub fn rich_title(title: &str) -> Markup {
    use crate::report::pdf::Vertical;
    let runs = crate::report::cite::title_runs(title);
    let run = |text: &str, e: crate::report::pdf::Emphasis| {
        let mut m = html! { (text) };
        if e.all_small_caps {
            m = html! { span style="font-variant: all-small-caps" { (m) } };
        }
        m = match e.vertical {
            Vertical::Super => html! { sup { (m) } },
            Vertical::Sub => html! { sub { (m) } },
            Vertical::Baseline => m,
        };
        if e.bold {
            m = html! { b { (m) } };
        }
        if e.italic {
            m = html! { i { (m) } };
        }
        m
    };
    html! { @for (text, e) in &runs { (run(text, *e)) } }
}

/// A reading's title as plain text, without its markup: for an attribute or
/// a label ([`crate::report::cite::title_without_markup`]).
pub fn plain_title(title: &str) -> String {
    crate::report::cite::title_without_markup(title)
}

/// A year, or a dash.
pub fn year(y: Option<i64>) -> String {
    y.map_or_else(|| "–".into(), |y| y.to_string())
}

/// A search snippet whose matches are marked with `\u{2}…\u{3}`: the text is
/// escaped, and only the marks become `<mark>`.
pub fn snippet(s: &str) -> Markup {
    html! {
        @for (i, part) in s.split(['\u{2}', '\u{3}']).enumerate() {
            @if i % 2 == 1 { mark { (part) } } @else { (part) }
        }
    }
}

/// A review status as a badge with its word (never colour alone).
pub fn status(s: &str) -> Markup {
    html! { span class={ "badge status-" (s) } { (s) } }
}

/// A theme as a chip: its name, as every page and the report name themes,
/// with its slug (what commands and filters take) as the tooltip; the slug
/// itself only for a theme `themes` does not hold.
pub fn chip(themes: &[crate::store::themes::Theme], slug: &str) -> Markup {
    let name = themes.iter().find(|t| t.slug == slug).map_or(slug, |t| t.name.as_str());
    html! { span.chip title=(slug) { (name) } }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tester r64 F2: a title's rich text is drawn, its other text escaped.
    #[test]
    fn a_titles_rich_text_is_drawn_and_the_rest_escaped() {
        let t = "<i>E. coli</i> in H<sub>2</sub>O & Ca<sup>2+</sup>: <b>bold</b> \
                 <span style=\"font-variant:small-caps;\">nhs</span> <span class=\"nocase\">mRNA</span> <script>x</script>";
        assert_eq!(
            rich_title(t).into_string(),
            "<i>E. coli</i> in H<sub>2</sub>O &amp; Ca<sup>2+</sup>: <b>bold</b> \
             <span style=\"font-variant: all-small-caps\">NHS</span> mRNA &lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(plain_title(t), "E. coli in H2O & Ca2+: bold NHS mRNA <script>x</script>");
        assert_eq!(rich_title("p < 0.05").into_string(), "p &lt; 0.05");
    }

    #[test]
    fn quoted_words_are_isolated_and_escaped() {
        let m = quotes_isolated("\u{201c}الطب\u{201d}, \u{201c}<b>\u{201d} in its title; \u{201c}open").into_string();
        assert_eq!(
            m,
            "\u{201c}<bdi>الطب</bdi>\u{201d}, \u{201c}<bdi>&lt;b&gt;</bdi>\u{201d} in its title; \u{201c}open"
        );
    }

    #[test]
    fn an_isolated_name_is_a_bdi_without_its_marks() {
        let m = quotes_isolated(&format!("Tagged \u{201c}x\u{201d} with {}.", isolate("التاريخ <i>"))).into_string();
        assert_eq!(m, "Tagged \u{201c}<bdi>x</bdi>\u{201d} with <bdi>التاريخ &lt;i&gt;</bdi>.");
        // An unclosed mark is text, as an unclosed quote is.
        assert_eq!(quotes_isolated("a \u{2068}b").into_string(), "a \u{2068}b");
    }

    #[test]
    fn thousands_group() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(200000), "200,000");
    }

    #[test]
    fn pages_clamp() {
        let p = Pager::new(Some(9), 50, 120);
        assert_eq!(p.page, 3);
        assert_eq!(p.range(), 100..120);
        assert_eq!(Pager::new(None, 50, 0).range(), 0..0);
    }

    #[test]
    fn snippets_escape_all_but_their_marks() {
        let m = snippet("a <b> \u{2}race\u{3} & \u{2}<i>\u{3}").into_string();
        assert_eq!(m, "a &lt;b&gt; <mark>race</mark> &amp; <mark>&lt;i&gt;</mark>");
    }
}
