//! What a title or DOI says about which version of a work a record is:
//! a notice about another work (an erratum, a correction, a retraction, a
//! comment or a reply), or a preprint. Duplicate matching uses these, so
//! that an erratum is never taken for the paper it corrects, nor a
//! preprint for its journal article (tester r83).

/// Words a notice's title is, alone ("Erratum.", "Erratum, 2021",
/// "Authors' reply"), in [`crate::import::title_key`]'s form.
const WHOLE: &[&str] = &[
    "erratum",
    "errata",
    "corrigendum",
    "corrigenda",
    "correction",
    "corrections",
    "correction notice",
    "publisher correction",
    "author correction",
    "retraction",
    "retraction note",
    "retraction notice",
    "notice of retraction",
    "retracted",
    "retracted article",
    "expression of concern",
    "editorial expression of concern",
    "comment",
    "comments",
    "reply",
    "in reply",
    "response",
    "authors reply",
    "the authors reply",
    "author reply",
    "authors response",
];

/// What a notice's title begins with before the title of the work it is
/// about ("Correction to: …", "Retraction Note: …", "Comment on …"), in
/// lower case, followed in the title by ':' or a space.
const LEADING: &[&str] = &[
    "erratum to",
    "erratum in",
    "erratum for",
    "erratum:",
    "errata:",
    "corrigendum to",
    "corrigendum:",
    "correction to",
    "correction:",
    "corrections to",
    "publisher correction:",
    "author correction:",
    "retraction note to",
    "retraction note:",
    "retraction notice to",
    "retraction notice:",
    "retraction:",
    "retracted:",
    "notice of retraction",
    "expression of concern",
    "editorial expression of concern",
    "comment on",
    "comments on",
    "commentary on",
    "comment:",
    "reply to",
    "in reply to",
    "reply:",
    "response to",
    "response:",
    "authors' reply to",
    "re:",
];

/// Whether `title` is a notice about another work, or a comment on it or a
/// reply: an erratum, corrigendum, correction, retraction, expression of
/// concern, comment or reply ("Erratum.", "Erratum, 2021", "Correction to:
/// <title>", "Retraction Note: <title>", "Comment on …", "Reply to …",
/// "<title>: erratum", "<title> [Retracted]"). Such a record is never the
/// work it names, and two notices share their titles with many others; a
/// title is no evidence for one. ("Correction of hypokalaemia…" is an
/// article, not a notice.)
pub fn is_notice_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    let key = crate::import::title_key(title);
    // "Erratum, 2021", "Erratum (2021)": the year is the notice's.
    let words: Vec<&str> = key.split(' ').collect();
    let without_year = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit()) => {
            rest.join(" ")
        }
        _ => key.clone(),
    };
    if WHOLE.contains(&without_year.as_str()) {
        return true;
    }
    let plain = lower.trim_start_matches(['[', '(']).replace(['\u{2019}', '\u{2018}'], "'");
    if LEADING.iter().any(|p| {
        plain.strip_prefix(p).is_some_and(|rest| p.ends_with(':') || rest.starts_with([' ', ':', '"', '\u{201C}']))
    }) {
        return true;
    }
    // The marker after the title: "…: erratum", "… [Erratum]", "…
    // (Retracted article)", "…. Authors' reply".
    let tail = lower.trim_end_matches(['.', ' ', ']', ')']);
    let cut = tail.rfind([':', '[', '(', '.', ';']).map_or(0, |i| i + 1);
    cut > 0 && WHOLE.contains(&crate::import::title_key(&tail[cut..]).as_str())
}

/// Genres (MEDLINE publication types, Scopus document types) of a notice
/// about another work. ("Retracted Publication" is the retracted paper
/// itself, no notice.)
const NOTICE_GENRES: &[&str] = &[
    "published erratum",
    "erratum",
    "correction",
    "corrigendum",
    "retraction of publication",
    "retraction",
    "retraction notice",
    "expression of concern",
];

/// Whether a stored or read genre ("Published Erratum", "Letter; Published
/// Erratum") says the record is a notice about another work.
pub fn is_notice_genre(genre: Option<&str>) -> bool {
    genre.is_some_and(|g| g.split(';').any(|p| NOTICE_GENRES.contains(&p.trim().to_lowercase().as_str())))
}

/// DOI prefixes of preprint servers: bioRxiv and medRxiv (10.1101),
/// Research Square (10.21203), SSRN (10.2139), arXiv (10.48550), OSF and
/// its preprint servers (10.31219, 10.31234, 10.31235), Preprints.org
/// (10.20944), Authorea (10.22541), ChemRxiv (10.26434), SciELO Preprints
/// (10.1590/scielopreprints).
const PREPRINT_PREFIXES: &[&str] = &[
    "10.1101/",
    "10.21203/",
    "10.2139/",
    "10.48550/",
    "10.31219/",
    "10.31234/",
    "10.31235/",
    "10.20944/",
    "10.22541/",
    "10.26434/",
    "10.1590/scielopreprints",
];

/// Whether `doi` (as stored) is a preprint server's.
pub fn is_preprint_doi(doi: &str) -> bool {
    let d = crate::import::doi_key(doi.trim());
    PREPRINT_PREFIXES.iter().any(|p| d.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_told_by_their_titles() {
        for t in [
            "Erratum",
            "Erratum.",
            "Erratum, 2021",
            "ERRATUM (2021)",
            "Corrigendum",
            "Correction to: Structural racism and health inequities in the USA",
            "Correction: Structural racism",
            "Retraction Note: Hydroxychloroquine in COVID-19",
            "Retraction note to: Hydroxychloroquine",
            "Notice of Retraction: X",
            "Expression of concern: X",
            "Comment on \"Race correction in eGFR\"",
            "Comment on: race correction",
            "Reply to Smith et al.",
            "Reply to: Race correction",
            "In reply",
            "Authors' reply",
            "The authors reply.",
            "Re: Race and medicine",
            "Structural racism: erratum",
            "Structural racism [Erratum]",
            "Hydroxychloroquine in COVID-19 (Retracted article)",
            "Race correction in eGFR. Authors' reply",
        ] {
            assert!(is_notice_title(t), "{t}");
        }
        for t in [
            "Correction of hypokalaemia in the emergency department",
            "Corrections officers and health",
            "Comment and response in medical education",
            "Responses to racism in medicine",
            "Replying to patients",
            "Structural racism and health inequities in the USA",
            "Erratic dosing of insulin",
            "Retraction of the gums in periodontitis",
            "Race and the U.S. health system",
        ] {
            assert!(!is_notice_title(t), "{t}");
        }
    }

    #[test]
    fn notice_genres_are_told() {
        assert!(is_notice_genre(Some("Published Erratum")));
        assert!(is_notice_genre(Some("Letter; Retraction of Publication")));
        assert!(!is_notice_genre(Some("Retracted Publication")));
        assert!(!is_notice_genre(Some("Review")));
        assert!(!is_notice_genre(None));
    }

    #[test]
    fn preprint_dois_are_told_by_their_prefixes() {
        assert!(is_preprint_doi("10.1101/2020.06.15.20131896"));
        assert!(is_preprint_doi("10.21203/rs.3.rs-123/v1"));
        assert!(is_preprint_doi("10.2139/SSRN.3550000"));
        assert!(!is_preprint_doi("10.1056/NEJMms2004740"));
        assert!(!is_preprint_doi("10.11011/x"));
    }
}
