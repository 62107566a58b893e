//! Vendored fonts (SIL OFL 1.1, see `../fonts/README.md`) and the per-character
//! fallback chain.

use anyhow::{Result, anyhow};

/// Index of a font in [`FONT_FILES`]; also its fixed PDF resource name `F<index>`.
pub type FontIdx = u8;

pub const REGULAR: FontIdx = 0;
pub const BOLD: FontIdx = 1;
pub const ARABIC: FontIdx = 2;
pub const DEVANAGARI: FontIdx = 3;
pub const CJK: FontIdx = 4;

/// (file name, bytes). Order = [`FontIdx`].
pub const FONT_FILES: [(&str, &[u8]); 5] = [
    ("NotoSans-Regular.ttf", include_bytes!("../fonts/NotoSans-Regular.ttf")),
    ("NotoSans-Bold.ttf", include_bytes!("../fonts/NotoSans-Bold.ttf")),
    ("NotoSansArabic-Regular.ttf", include_bytes!("../fonts/NotoSansArabic-Regular.ttf")),
    ("NotoSansDevanagari-Regular.ttf", include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf")),
    ("NotoSansSC-GB2312-Subset.otf", include_bytes!("../fonts/NotoSansSC-GB2312-Subset.otf")),
];

/// Regular or bold weight of the primary Latin face. Other scripts have one weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

pub const CHAIN_REGULAR: [FontIdx; 4] = [REGULAR, ARABIC, DEVANAGARI, CJK];
pub const CHAIN_BOLD: [FontIdx; 5] = [BOLD, REGULAR, ARABIC, DEVANAGARI, CJK];

pub fn chain(w: Weight) -> &'static [FontIdx] {
    match w {
        Weight::Regular => &CHAIN_REGULAR,
        Weight::Bold => &CHAIN_BOLD,
    }
}

/// The parsed shaping faces of all vendored fonts.
pub struct Fonts {
    pub faces: Vec<rustybuzz::Face<'static>>,
    pub upem: Vec<f32>,
}

impl Fonts {
    pub fn load() -> Result<Self> {
        let mut faces = Vec::with_capacity(FONT_FILES.len());
        let mut upem = Vec::with_capacity(FONT_FILES.len());
        for (name, bytes) in FONT_FILES.iter() {
            let face =
                rustybuzz::Face::from_slice(bytes, 0).ok_or_else(|| anyhow!("cannot parse vendored font {name}"))?;
            upem.push(face.units_per_em() as f32);
            faces.push(face);
        }
        Ok(Self { faces, upem })
    }

    pub fn has_glyph(&self, font: FontIdx, c: char) -> bool {
        self.faces[font as usize].glyph_index(c).is_some()
    }

    /// First font of the chain that has `c`, or `None` (tofu).
    pub fn pick(&self, w: Weight, c: char) -> Option<FontIdx> {
        chain(w).iter().copied().find(|&f| self.has_glyph(f, c))
    }
}

pub fn is_devanagari(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x097F | 0xA8E0..=0xA8FF | 0x1CD0..=0x1CFF)
}

/// Characters that should stay in the font of the text around them when that font
/// has them (spaces, punctuation, digits, combining marks, joiners).
pub fn is_neutral(c: char) -> bool {
    if c.is_alphabetic() {
        // Combining marks of the Latin block are not alphabetic; Indic vowel signs are,
        // but those are only in their script's font anyway.
        return false;
    }
    true
}
