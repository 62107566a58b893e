//! A style in another locale: the set-up of the locale tests (c_r108,
//! c_r109, j_r109).

use std::collections::HashMap;

use super::Workdir;

/// The references of `w`'s readings in a dependent style of `parent` (a
/// bundled or Zotero style ID) whose default locale is `locale` ("fr-FR"),
/// as the Zotero repository serves a journal's style: title → reference.
/// The style is written to the work directory as
/// `in-locale-PARENT-LOCALE.csl` ([`Workdir::dependent_style`]). Panics,
/// naming the command, when canon refuses the style.
pub fn in_locale(w: &Workdir, parent: &str, locale: &str) -> HashMap<String, String> {
    let name = format!("in-locale-{parent}-{}", locale.to_lowercase());
    let style = w.dependent_style(&name, parent, locale);
    w.references(&style)
}
