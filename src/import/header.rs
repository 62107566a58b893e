//! Matching a file's header row to canon's fields: case, spaces and
//! punctuation ignored, common aliases accepted, `--map` for the rest.

use anyhow::{Result, bail};

/// A field canon reads, with the header names it is known by.
pub struct Field {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// The normalised form headers are compared in: letters and digits only, lower case.
pub fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Which column (0-based) holds each field, by field order; `None` if absent.
#[derive(Debug)]
pub struct Mapping {
    pub columns: Vec<Option<usize>>,
}

impl Mapping {
    pub fn get<'r>(&self, field: usize, record: &'r csv::StringRecord) -> &'r str {
        self.columns[field].and_then(|c| record.get(c)).unwrap_or("")
    }

    pub fn column(&self, field: usize) -> u64 {
        self.columns[field].map_or(0, |c| c as u64 + 1)
    }

    pub fn has(&self, field: usize) -> bool {
        self.columns[field].is_some()
    }
}

/// How each column was read: `Module Code → module_code`, and the columns
/// no field reads, named as ignored. `letters` writes columns as a
/// spreadsheet does (A, B…) when the file is a workbook, from `first` (0-based).
pub fn report(headers: &csv::StringRecord, fields: &[Field], m: &Mapping, letters: Option<u32>) -> String {
    let name = |c: usize| match letters {
        Some(first) => format!("{} {:?}", super::column_letters(u64::from(first) + c as u64), &headers[c]),
        None => format!("{:?}", &headers[c]),
    };
    let mut read: Vec<(usize, String)> = fields
        .iter()
        .zip(&m.columns)
        .filter_map(|(f, c)| c.map(|c| (c, format!("{} → {}", name(c), f.name))))
        .collect();
    read.sort();
    let ignored: Vec<String> = (0..headers.len())
        .filter(|c| !m.columns.contains(&Some(*c)) && !headers[*c].trim().is_empty())
        .map(name)
        .collect();
    let mut s = format!("columns read: {}", read.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(", "));
    if !ignored.is_empty() {
        s.push_str(&format!("; not read (no field of canon's): {}", ignored.join(", ")));
    }
    s
}

/// Parses `--map 'Their Header=field'` options.
pub fn parse_maps(maps: &[String], fields: &[Field]) -> Result<Vec<(String, usize)>> {
    let mut out = Vec::new();
    for m in maps {
        let Some((theirs, ours)) = m.rsplit_once('=') else {
            bail!("--map {m:?} is not of the form 'Their Header=field'");
        };
        let Some(i) = fields.iter().position(|f| norm(f.name) == norm(ours)) else {
            let names: Vec<_> = fields.iter().map(|f| f.name).collect();
            bail!("--map {m:?}: unknown field {ours:?}; expected one of {}", names.join(", "));
        };
        out.push((norm(theirs), i));
    }
    Ok(out)
}

/// Matches `headers` to `fields`. `--map` entries win over aliases. A missing
/// required field is an error listing the headers found, with a `--map` hint.
/// `at` is where the header row is, as messages start (`file.csv:1:1`,
/// `file.xlsx:Sheet1!A3`).
pub fn map(at: &str, headers: &csv::StringRecord, fields: &[Field], maps: &[(String, usize)]) -> Result<Mapping> {
    let mut columns = vec![None; fields.len()];
    let normed: Vec<String> = headers.iter().map(norm).collect();
    for (theirs, field) in maps {
        match normed.iter().position(|h| h == theirs) {
            Some(c) => columns[*field] = Some(c),
            None => bail!(
                "{at}: --map names a header {theirs:?} that is not in the file; headers found: {}",
                quoted(headers)
            ),
        }
    }
    for (i, f) in fields.iter().enumerate() {
        if columns[i].is_some() {
            continue;
        }
        let taken = |c: usize| columns.contains(&Some(c));
        let found = std::iter::once(f.name)
            .chain(f.aliases.iter().copied())
            .find_map(|a| normed.iter().enumerate().position(|(c, h)| *h == norm(a) && !taken(c)));
        columns[i] = found;
    }
    let missing: Vec<&Field> =
        fields.iter().zip(&columns).filter(|(f, c)| f.required && c.is_none()).map(|(f, _)| f).collect();
    if !missing.is_empty() {
        let names: Vec<_> = missing.iter().map(|f| f.name).collect();
        let example = suggest(headers, &columns, missing[0].name);
        bail!(
            "{at}: no column for {} (required); headers found: {}\n\
             hint: name the column with --map, e.g. --map '{}={}'",
            names.join(", "),
            quoted(headers),
            example,
            names[0]
        );
    }
    Ok(Mapping { columns })
}

/// The header most likely meant for `field`: an unused one sharing a word
/// with it ("title" for module_title, "…_id" or "code" for module_code).
fn suggest(headers: &csv::StringRecord, columns: &[Option<usize>], field: &str) -> String {
    let words: Vec<&str> = field.split('_').chain(if field.ends_with("code") { Some("id") } else { None }).collect();
    let unused = headers.iter().enumerate().filter(|(c, h)| !columns.contains(&Some(*c)) && !h.trim().is_empty());
    let clean = |h: &str| h.trim().trim_matches(['`', '"', '\'']).to_string();
    let mut first = None;
    for (_, h) in unused {
        let n = norm(h);
        if words.iter().any(|w| *w != "module" && n.contains(w)) {
            return clean(h);
        }
        first.get_or_insert_with(|| clean(h));
    }
    first.unwrap_or_else(|| "Their Header".into())
}

fn quoted(headers: &csv::StringRecord) -> String {
    headers.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: &[Field] = &[
        Field { name: "module_code", aliases: &["Module Code", "Code"], required: true },
        Field { name: "session_title", aliases: &["Session"], required: false },
    ];

    #[test]
    fn aliases_ignore_case_and_punctuation() {
        let h = csv::StringRecord::from(vec!["SESSION", " module-code "]);
        let m = map("f.csv", &h, F, &[]).unwrap();
        assert_eq!(m.columns, vec![Some(1), Some(0)]);
    }

    #[test]
    fn map_wins_and_missing_is_explained() {
        let h = csv::StringRecord::from(vec!["`competency_id`", "title"]);
        let err = map("f.csv", &h, F, &[]).unwrap_err().to_string();
        assert!(err.contains("no column for module_code"), "{err}");
        assert!(err.contains("--map"), "{err}");
        let maps = parse_maps(&["competency_id=module_code".into()], F).unwrap();
        let m = map("f.csv", &h, F, &maps).unwrap();
        assert_eq!(m.columns[0], Some(0));
    }
}
