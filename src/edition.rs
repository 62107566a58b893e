//! The words an edition statement qualifies its edition with ("revised",
//! "überarb.", "augmentée", "испр."), in one table for the importer, which
//! compares editions by them ([`crate::import::builder::same_edition`]),
//! and the reference printer, which puts them in an English style's words
//! ("2., überarb. u. erw. Aufl." as "2nd rev. and enl. ed."). Two copies of
//! the list had come to disagree (the printer knew "durchges." and
//! "révisée", the importer "revision" and "augmented").

/// One qualifier of an edition and the ways it is written.
pub(crate) struct Qualifier {
    /// Its one name, by which editions are compared: "2., überarb. Aufl."
    /// and "2nd rev. ed." are both the second "revised" edition.
    pub key: &'static str,
    /// Its word in an English style's reference (CMOS 18 §10.43 and
    /// §14.113, "rev.", "enl."; Citing Medicine ch. 2, "2nd rev. ed."), or
    /// `None` where canon prints the edition as written.
    pub english: Option<&'static str>,
    /// Its forms, lower case and without a final stop, in the languages
    /// canon reads editions in.
    pub forms: &'static [&'static str],
}

/// Every qualifier canon reads in an edition.
pub(crate) const QUALIFIERS: &[Qualifier] = &[
    Qualifier {
        key: "revised",
        english: Some("rev."),
        forms: &[
            "rev",
            "revised",
            "revision",
            "revd",
            "überarb",
            "überarbeitet",
            "überarbeitete",
            "überarbeiteten",
            "neubearb",
            "neubearbeitete",
            "bearb",
            "bearbeitete",
            // German "durchgesehene" (looked over): revised.
            "durchges",
            "durchgesehene",
            "durchgesehen",
            "revue",
            "révisée",
            "revisee",
            "revisada",
            "revisado",
            // Italian, Portuguese, Polish, Turkish, Dutch, Nordic, Czech,
            // Russian (tester93 F2: "terza edizione riveduta" printed as written).
            "riveduta",
            "riv",
            "rivista",
            "revista",
            "poprawione",
            "poprawiona",
            "popr",
            "zmienione",
            "geçirilmiş",
            "herziene",
            "reviderade",
            "omarbetade",
            "reviderede",
            "reviderte",
            "přepracované",
            "přeprac",
            "переработанное",
            "перераб",
        ],
    },
    Qualifier { key: "new", english: None, forms: &["new", "nouvelle", "neue", "nueva", "nuova", "nova"] },
    Qualifier {
        key: "enlarged",
        english: Some("enl."),
        forms: &[
            "enl",
            "enlarged",
            "augm",
            "augmented",
            "augmentée",
            "augmentee",
            "erw",
            "erweitert",
            "erweiterte",
            "erweiterten",
            "aum",
            "aumentada",
            "ampl",
            "ampliada",
            "ampliata",
            "accresciuta",
            "uzupełnione",
            "uzup",
            "rozszerzone",
            "rozsz",
            "poszerzone",
            "genişletilmiş",
            "uitgebreide",
            "utökade",
            "udvidede",
            "utvidede",
            "rozšířené",
            "doplněné",
            "дополненное",
            "доп",
        ],
    },
    Qualifier { key: "expanded", english: None, forms: &["exp", "expanded"] },
    Qualifier { key: "abridged", english: None, forms: &["abr", "abridged", "abrégée", "gekürzte"] },
    Qualifier { key: "facsimile", english: None, forms: &["facs", "facsim", "facsimile", "fac-simile", "faksimile"] },
    Qualifier {
        key: "updated",
        english: Some("updated"),
        forms: &[
            "upd",
            "updated",
            "aktual",
            "aktualisierte",
            "act",
            "actualizada",
            "actualisée",
            "aggiornata",
            "atualizada",
            "bijgewerkte",
        ],
    },
    Qualifier {
        key: "corrected",
        english: Some("corr."),
        forms: &[
            "corr",
            "corrected",
            "korr",
            "korrigierte",
            "corrigée",
            "corrigee",
            "corregida",
            "corretta",
            "corrigida",
            "исправленное",
            "испр",
        ],
    },
    Qualifier { key: "unaltered", english: Some("unaltered"), forms: &["unveränd", "unveränderte", "unverändert"] },
];

/// Words between an edition's qualifiers that add nothing of their own
/// ("rev. and enl.", "überarb. u. erw."), said by the English "and"; Turkish
/// "gözden geçirilmiş" (revised) is said by its second word.
pub(crate) const AND_WORDS: &[&str] =
    &["and", "&", "und", "u", "et", "y", "e", "i", "ve", "en", "och", "og", "a", "и", "gözden"];

/// The qualifier `word` (lower case, without its stop) is a form of.
pub(crate) fn qualifier(word: &str) -> Option<&'static Qualifier> {
    QUALIFIERS.iter().find(|q| q.forms.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_names_one_qualifier() {
        for q in QUALIFIERS {
            for f in q.forms {
                assert_eq!(qualifier(f).map(|q| q.key), Some(q.key), "{f}");
                assert!(!AND_WORDS.contains(f), "{f}");
            }
        }
    }
}
