//! The style sheet (served by canon itself: nothing is fetched from elsewhere).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("static/canon.css");

pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], CSS).into_response()
}

/// No icon: an empty answer, so the browser stops asking.
pub async fn favicon() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

pub async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "canon: no such page\n")
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::CSS;

    /// The colour a CSS custom property or literal names, as sRGB bytes.
    fn colour(name: &str) -> [u8; 3] {
        let hex = if let Some(var) = name.strip_prefix("--") {
            let at = CSS.find(&format!("--{var}:")).unwrap_or_else(|| panic!("no --{var} in the style sheet"));
            let rest = CSS[at..].split(':').nth(1).unwrap().trim_start();
            rest[..7].to_string()
        } else {
            name.to_string()
        };
        let h = hex.trim_start_matches('#');
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap();
        [byte(0), byte(2), byte(4)]
    }

    /// WCAG 2.1 relative luminance and contrast ratio.
    fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
        let lum = |c: [u8; 3]| {
            let ch = |v: u8| {
                let s = f64::from(v) / 255.0;
                if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_pass_wcag_aa() {
        // (text, background) pairs the style sheet puts together.
        let pairs = [
            ("--ink", "--paper"),
            ("--muted", "--paper"),
            ("--link", "--paper"),
            ("#ffffff", "--head"),
            ("#ffffff", "--link"),
            ("--bad", "--paper"),
            ("--ok", "--ok-bg"),
            ("--warn", "--warn-bg"),
            ("--bad", "--bad-bg"),
            ("--ink", "#e8f1fb"),
            ("--link", "#e8f1fb"),
            ("--ink", "--bad-bg"),
            ("--ink", "#f0f0f0"),
            ("--ink", "#ffe58a"),
            ("--muted", "--warn-bg"),
            ("--ink", "--warn-bg"),
            ("--ink", "#ffbf47"),
            // The heat-map's five shades with their text.
            ("--ink", "#ffffff"),
            ("--ink", "#deebf7"),
            ("--ink", "#9ecae1"),
            ("#000000", "#4292c6"),
            ("#ffffff", "#08519c"),
        ];
        for (fg, bg) in pairs {
            let c = contrast(colour(fg), colour(bg));
            assert!(c >= 4.5, "{fg} on {bg}: contrast {c:.2} is below 4.5");
        }
        for shade in ["#deebf7", "#9ecae1", "#4292c6", "#08519c"] {
            assert!(CSS.contains(shade), "the heat-map shade {shade} is in the style sheet");
        }
        // The focus ring shows against the page and the dark header (3:1 for non-text).
        assert!(contrast(colour("#ffbf47"), colour("--head")) >= 3.0);
        assert!(contrast(colour("--ink"), colour("--paper")) >= 3.0);
    }
}
