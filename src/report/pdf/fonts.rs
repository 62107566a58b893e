//! Vendored fonts (SIL OFL 1.1, see `../fonts/README.md`) and the per-character
//! fallback chain.

use std::collections::HashMap;

use anyhow::{Result, anyhow};

/// Index of a font in [`FONT_FILES`]; also its fixed PDF resource name `F<index>`.
pub type FontIdx = u8;

pub const REGULAR: FontIdx = 0;
pub const BOLD: FontIdx = 1;
pub const ARABIC: FontIdx = 2;
pub const DEVANAGARI: FontIdx = 3;
pub const CJK: FontIdx = 4;
pub const HEBREW: FontIdx = 5;
pub const BENGALI: FontIdx = 6;
pub const TAMIL: FontIdx = 7;
pub const ETHIOPIC: FontIdx = 8;
pub const THAI: FontIdx = 9;
pub const ITALIC: FontIdx = 10;
pub const BOLD_ITALIC: FontIdx = 11;
pub const ARMENIAN: FontIdx = 12;
pub const GEORGIAN: FontIdx = 13;
/// Unified Canadian Aboriginal Syllabics (Inuktitut, Cree, Ojibwe…; tester r111 F7).
pub const SYLLABICS: FontIdx = 14;

/// (file name, bytes). Order = [`FontIdx`].
pub const FONT_FILES: [(&str, &[u8]); 15] = [
    ("NotoSans-Regular.ttf", include_bytes!("../fonts/NotoSans-Regular.ttf")),
    ("NotoSans-Bold.ttf", include_bytes!("../fonts/NotoSans-Bold.ttf")),
    ("NotoSansArabic-Regular.ttf", include_bytes!("../fonts/NotoSansArabic-Regular.ttf")),
    ("NotoSansDevanagari-Regular.ttf", include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf")),
    ("NotoSansCJK-Subset.otf", include_bytes!("../fonts/NotoSansCJK-Subset.otf")),
    ("NotoSansHebrew-Regular.ttf", include_bytes!("../fonts/NotoSansHebrew-Regular.ttf")),
    ("NotoSansBengali-Regular.ttf", include_bytes!("../fonts/NotoSansBengali-Regular.ttf")),
    ("NotoSansTamil-Regular.ttf", include_bytes!("../fonts/NotoSansTamil-Regular.ttf")),
    ("NotoSansEthiopic-Regular.ttf", include_bytes!("../fonts/NotoSansEthiopic-Regular.ttf")),
    ("NotoSansThai-Regular.ttf", include_bytes!("../fonts/NotoSansThai-Regular.ttf")),
    ("NotoSans-Italic.ttf", include_bytes!("../fonts/NotoSans-Italic.ttf")),
    ("NotoSans-BoldItalic.ttf", include_bytes!("../fonts/NotoSans-BoldItalic.ttf")),
    ("NotoSansArmenian-Regular.ttf", include_bytes!("../fonts/NotoSansArmenian-Regular.ttf")),
    ("NotoSansGeorgian-Regular.ttf", include_bytes!("../fonts/NotoSansGeorgian-Regular.ttf")),
    ("NotoSansCanadianAboriginal-Regular.ttf", include_bytes!("../fonts/NotoSansCanadianAboriginal-Regular.ttf")),
];

/// The face of the primary Latin/Greek/Cyrillic font: its weight and, for the
/// formatted runs of a reference (a CSL style's `font-style="italic"`,
/// `font-weight="bold"`), its style. The other scripts have one face: text in
/// them is drawn upright and regular whatever the face asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Weight {
    /// The face with `bold` and `italic` added to this one.
    pub fn with(self, bold: bool, italic: bool) -> Weight {
        let bold = bold || matches!(self, Weight::Bold | Weight::BoldItalic);
        let italic = italic || matches!(self, Weight::Italic | Weight::BoldItalic);
        match (bold, italic) {
            (false, false) => Weight::Regular,
            (true, false) => Weight::Bold,
            (false, true) => Weight::Italic,
            (true, true) => Weight::BoldItalic,
        }
    }

    fn index(self) -> usize {
        match self {
            Weight::Regular => 0,
            Weight::Bold => 1,
            Weight::Italic => 2,
            Weight::BoldItalic => 3,
        }
    }
}

/// The faces of the Latin font (the ones that have weights and styles).
pub fn is_latin_face(font: FontIdx) -> bool {
    matches!(font, REGULAR | BOLD | ITALIC | BOLD_ITALIC)
}

/// Whether `font` is an italic face (for the PDF font descriptor).
pub fn is_italic(font: FontIdx) -> bool {
    matches!(font, ITALIC | BOLD_ITALIC)
}

/// The script fonts, tried in this order after the Latin/Greek/Cyrillic face.
/// Their repertoires hardly overlap, so the order only matters for shared
/// punctuation, which [`is_neutral`] keeps in the font of the text around it.
pub const CHAIN_REGULAR: [FontIdx; 12] =
    [REGULAR, HEBREW, ARABIC, DEVANAGARI, BENGALI, TAMIL, THAI, ETHIOPIC, ARMENIAN, GEORGIAN, SYLLABICS, CJK];
pub const CHAIN_BOLD: [FontIdx; 13] =
    [BOLD, REGULAR, HEBREW, ARABIC, DEVANAGARI, BENGALI, TAMIL, THAI, ETHIOPIC, ARMENIAN, GEORGIAN, SYLLABICS, CJK];
/// An italic run: the italic face, then (for a character it lacks) the
/// upright one, then each script's regular face.
pub const CHAIN_ITALIC: [FontIdx; 13] =
    [ITALIC, REGULAR, HEBREW, ARABIC, DEVANAGARI, BENGALI, TAMIL, THAI, ETHIOPIC, ARMENIAN, GEORGIAN, SYLLABICS, CJK];
pub const CHAIN_BOLD_ITALIC: [FontIdx; 15] = [
    BOLD_ITALIC,
    BOLD,
    ITALIC,
    REGULAR,
    HEBREW,
    ARABIC,
    DEVANAGARI,
    BENGALI,
    TAMIL,
    THAI,
    ETHIOPIC,
    ARMENIAN,
    GEORGIAN,
    SYLLABICS,
    CJK,
];

pub fn chain(w: Weight) -> &'static [FontIdx] {
    match w {
        Weight::Regular => &CHAIN_REGULAR,
        Weight::Bold => &CHAIN_BOLD,
        Weight::Italic => &CHAIN_ITALIC,
        Weight::BoldItalic => &CHAIN_BOLD_ITALIC,
    }
}

/// The parsed shaping faces of all vendored fonts, with a cache of which font
/// draws each character.
pub struct Fonts {
    pub faces: Vec<rustybuzz::Face<'static>>,
    pub upem: Vec<f32>,
    /// Per face ([`Weight`]), per BMP code point: 0 = not looked up yet,
    /// 255 = no font, else font index + 1.
    bmp: Vec<u8>,
    astral: HashMap<(Weight, char), Option<FontIdx>>,
    /// Per font, per code point below [`HELD_BELOW`] (punctuation, digits,
    /// spaces: what [`Fonts::holds`] is asked about): 0 = not looked up yet,
    /// 1 = the font has it, 2 = it has not.
    held: Vec<u8>,
}

/// The code points whose presence in each font [`Fonts::holds`] remembers:
/// up to the CJK symbols, which covers Latin, Greek, Cyrillic and general
/// punctuation, the characters a paragraph's runs keep in their font.
const HELD_BELOW: usize = 0x3000;

const UNKNOWN: u8 = 0;
const NONE: u8 = 255;

impl Fonts {
    /// Parses the vendored fonts. Errors only if a vendored file is corrupt.
    pub fn load() -> Result<Self> {
        let mut faces = Vec::with_capacity(FONT_FILES.len());
        let mut upem = Vec::with_capacity(FONT_FILES.len());
        for (name, bytes) in FONT_FILES.iter() {
            let face =
                rustybuzz::Face::from_slice(bytes, 0).ok_or_else(|| anyhow!("cannot parse vendored font {name}"))?;
            upem.push(face.units_per_em() as f32);
            faces.push(face);
        }
        Ok(Self {
            faces,
            upem,
            bmp: vec![UNKNOWN; 4 * 0x1_0000],
            astral: HashMap::new(),
            held: vec![UNKNOWN; FONT_FILES.len() * HELD_BELOW],
        })
    }

    pub fn has_glyph(&self, font: FontIdx, c: char) -> bool {
        self.faces[font as usize].glyph_index(c).is_some()
    }

    /// [`Fonts::has_glyph`], remembered for the code points below
    /// [`HELD_BELOW`]: the shaper asks it of every space and punctuation
    /// mark of a paragraph, and a font's character map is a search.
    pub fn holds(&mut self, font: FontIdx, c: char) -> bool {
        let cp = c as usize;
        if cp >= HELD_BELOW {
            return self.has_glyph(font, c);
        }
        let slot = font as usize * HELD_BELOW + cp;
        match self.held.get(slot).copied() {
            Some(1) => true,
            Some(2) => false,
            Some(_) => {
                let has = self.has_glyph(font, c);
                self.held[slot] = if has { 1 } else { 2 };
                has
            }
            None => self.has_glyph(font, c),
        }
    }

    /// First font of the chain that has `c`, or `None` (no font draws it).
    pub fn pick(&mut self, w: Weight, c: char) -> Option<FontIdx> {
        let cp = c as usize;
        if cp < 0x1_0000 {
            let slot = w.index() * 0x1_0000 + cp;
            match self.bmp[slot] {
                UNKNOWN => {}
                NONE => return None,
                f => return Some(f - 1),
            }
            let found = self.search(w, c);
            self.bmp[slot] = found.map_or(NONE, |f| f + 1);
            return found;
        }
        if let Some(f) = self.astral.get(&(w, c)) {
            return *f;
        }
        let found = self.search(w, c);
        self.astral.insert((w, c), found);
        found
    }

    fn search(&self, w: Weight, c: char) -> Option<FontIdx> {
        chain(w).iter().copied().find(|&f| self.has_glyph(f, c))
    }
}

/// Scripts whose shaping reorders or merges characters so that a glyph-by-glyph
/// text map cannot give back the text: their runs carry /ActualText.
pub fn needs_actual_text(font: FontIdx) -> bool {
    matches!(font, DEVANAGARI | BENGALI | TAMIL | THAI)
}

pub fn is_devanagari(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x097F | 0xA8E0..=0xA8FF | 0x1CD0..=0x1CFF)
}

/// Characters that should stay in the font of the text around them when that font
/// has them (spaces, punctuation, digits, combining marks, joiners).
pub fn is_neutral(c: char) -> bool {
    // Combining marks of the Latin block are not alphabetic; Indic vowel signs are,
    // but those are only in their script's font anyway.
    !c.is_alphabetic()
}

/// Default-ignorable code points (Unicode `DerivedCoreProperties.txt`): joiners,
/// bidi controls, variation selectors, soft hyphen and the like. They are never
/// drawn, so no font needs them and none is reported missing.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Latin, Greek and Cyrillic share one face but are shaped as separate runs, so
/// that each gets its own script's features. 0 = no script of its own.
pub fn script_class(c: char) -> u8 {
    if is_neutral(c) {
        return 0;
    }
    match c as u32 {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => 2,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 3,
        _ => 1,
    }
}

/// The language a CJK paragraph is set in, for the font's regional glyph forms:
/// kana mean Japanese, hangul Korean; otherwise the face's default (Chinese).
pub fn cjk_language(text: &str) -> Option<&'static str> {
    let mut korean = false;
    for c in text.chars() {
        match c as u32 {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => return Some("ja"),
            0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F => korean = true,
            _ => {}
        }
    }
    korean.then_some("ko")
}
