//! Checking a database and copying it safely while others write.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

/// One check and what it found.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: String,
    pub ok: bool,
    pub detail: String,
}

/// Integrity, foreign keys, the full-text indexes and the schema version.
pub fn check(conn: &Connection) -> Result<Vec<Check>> {
    let mut out = Vec::new();
    let lines: Vec<String> =
        conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let ok = lines == ["ok"];
    out.push(Check {
        check: "integrity".into(),
        ok,
        detail: if ok { "every page and index is sound".into() } else { lines.join("; ") },
    });
    let problems: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            Ok(format!(
                "{} row {} → {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.push(Check {
        check: "references".into(),
        ok: problems.is_empty(),
        detail: if problems.is_empty() {
            "every reference points at a record".into()
        } else {
            format!("{} broken: {}", problems.len(), problems.into_iter().take(10).collect::<Vec<_>>().join("; "))
        },
    });
    for table in ["module_fts", "item_fts", "reading_fts"] {
        // Static SQL: the table names are ours, not the user's.
        let sql = match table {
            "module_fts" => "INSERT INTO module_fts (module_fts, rank) VALUES ('integrity-check', 1)",
            "item_fts" => "INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)",
            _ => "INSERT INTO reading_fts (reading_fts, rank) VALUES ('integrity-check', 1)",
        };
        let r = conn.execute(sql, []);
        out.push(Check {
            check: format!("full-text index {table}"),
            ok: r.is_ok(),
            detail: match r {
                Ok(_) => "matches its table".into(),
                Err(e) => format!("{e}; rebuild it with a re-import"),
            },
        });
    }
    out.push(text_limits(conn)?);
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    out.push(Check {
        check: "schema".into(),
        ok: version == super::SCHEMA_VERSION,
        detail: format!("version {version} (this canon writes {})", super::SCHEMA_VERSION),
    });
    let counts: (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM module), (SELECT count(*) FROM item), (SELECT count(*) FROM reading)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    // Facets about people by the rules `canon facet add` applies (issue 16b).
    let facets = super::edit::facet::invalid_rows(conn)?;
    out.push(Check {
        check: "author facets".into(),
        ok: facets.is_empty(),
        detail: if facets.is_empty() {
            "every facet has a facet name, a value, a basis, a source, who recorded it and when".into()
        } else {
            facets.iter().map(|(id, e)| format!("facet {id}: {e}")).collect::<Vec<_>>().join("; ")
        },
    });
    out.push(languages(conn)?);
    out.push(shared_pmids(conn)?);
    out.push(Check {
        check: "contents".into(),
        ok: true,
        detail: format!("{} modules, {} items, {} readings", counts.0, counts.1, counts.2),
    });
    Ok(out)
}

/// Readings that share one PMID. A PMID names one work, as a DOI does
/// (schema 0015); its index is not unique because an older canon could leave
/// two entries with one (tester r99 F1: an import whose DOI named one entry
/// and whose PMID another copied the PMID), so this check finds them.
fn shared_pmids(conn: &Connection) -> Result<Check> {
    let mut st = conn.prepare(
        "SELECT pmid, group_concat('R' || id, ', ') FROM (SELECT pmid, id FROM reading WHERE pmid IS NOT NULL ORDER BY id)
          GROUP BY pmid HAVING count(*) > 1 ORDER BY pmid",
    )?;
    let mut shared = st
        .query_map([], |r| Ok(format!("PMID {} in readings {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // A PubMed Central ID names one work too (schema 0041).
    let pmcids = conn
        .prepare(
            "SELECT pmcid, group_concat('R' || id, ', ') FROM (SELECT pmcid, id FROM reading WHERE pmcid IS NOT NULL ORDER BY id)
              GROUP BY pmcid HAVING count(*) > 1 ORDER BY pmcid",
        )?
        .query_map([], |r| Ok(format!("PMCID {} in readings {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let which = match (shared.is_empty(), pmcids.is_empty()) {
        (_, true) => "PMID",
        (true, false) => "PMCID",
        (false, false) => "PMID or PMCID",
    };
    shared.extend(pmcids);
    Ok(Check {
        check: "identifiers".into(),
        ok: shared.is_empty(),
        detail: if shared.is_empty() {
            "no two readings share a PMID".into()
        } else {
            format!(
                "{}; one work has one entry (remove one, or give it its own {which} with `canon reading edit`)",
                shared.join("; ")
            )
        },
    })
}

/// Readings whose language or original language canon does not know (issue 16c: a value an
/// older canon kept as written, such as `Englsh` or a code outside ISO 639-3 like `xyz`, or a
/// hand edit). Every door refuses such a value now, a bundle or merge among them.
fn languages(conn: &Connection) -> Result<Check> {
    let mut st = conn.prepare(
        "SELECT id, language, original_language FROM reading
          WHERE language IS NOT NULL OR original_language IS NOT NULL ORDER BY id",
    )?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?)))?;
    let mut bad = Vec::new();
    for row in rows {
        let (id, language, original) = row?;
        for (field, v) in [("language", language), ("original_language", original)] {
            let Some(v) = v.filter(|v| !v.trim().is_empty()) else { continue };
            if let Err(e) = crate::import::language::normalise_list(&v) {
                bad.push(format!("reading {id} {field}: {e}"));
            }
        }
    }
    Ok(Check {
        check: "languages".into(),
        ok: bad.is_empty(),
        detail: if bad.is_empty() {
            "every reading's language is one canon knows (ISO 639)".into()
        } else {
            let n = bad.len();
            let shown = bad.into_iter().take(10).collect::<Vec<_>>().join("; ");
            format!(
                "{n} unknown: {shown}{}; set each with `canon reading edit ID --language CODE` (or \"\" to clear)",
                if n > 10 { "; …" } else { "" }
            )
        },
    })
}

/// Texts longer than [`crate::limits`] allows, texts holding control
/// characters, themes with more keywords and readings with more authors
/// than allowed: only in a database from before the limits. canon reads
/// them (analysis stays linear in their length, terminals see control
/// characters escaped), but a bundle or merge carrying them is refused, so
/// they are a problem to fix.
fn text_limits(conn: &Connection) -> Result<Check> {
    let mut over = Vec::new();
    let tables = super::bundle::TABLES
        .iter()
        .map(|t| (t.name, t.cols))
        .chain([("reading_author", &["name"][..]), ("theme_keyword", &["keyword"][..])]);
    for (table, cols) in tables {
        // SQL from the constant table and column names only; limits and
        // patterns bound. ?N+1 matches a refused control character in a
        // one-line text, ?N+2 in a text that may hold tabs and line breaks.
        let n = cols.len();
        let sums: Vec<String> = (1..=n)
            .map(|i| {
                let c = cols[i - 1];
                let pattern = if crate::limits::column(table, c).multiline() { n + 2 } else { n + 1 };
                format!(
                    "coalesce(sum(length({c}) > ?{i}), 0), max(length({c})),
                     coalesce(sum(typeof({c}) = 'text' AND ({c} GLOB ?{pattern}
                                   OR instr(CAST({c} AS BLOB), x'00') > 0)), 0)"
                )
            })
            .collect();
        let sql = format!("SELECT {} FROM {table}", sums.join(", "));
        let limits: Vec<i64> = cols.iter().map(|c| crate::limits::column(table, c).max() as i64).collect();
        let mut params: Vec<rusqlite::types::Value> = limits.iter().map(|l| (*l).into()).collect();
        params.push("*[\u{1}-\u{1f}\u{7f}\u{80}-\u{9f}]*".to_string().into());
        // Bound only when a column uses it (SQLite counts parameters up to the highest used).
        if cols.iter().any(|c| crate::limits::column(table, c).multiline()) {
            params.push("*[\u{1}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{7f}\u{80}-\u{9f}]*".to_string().into());
        }
        let row: Vec<(i64, Option<i64>, i64)> = conn.query_row(&sql, rusqlite::params_from_iter(&params), |r| {
            (0..n).map(|i| Ok((r.get(3 * i)?, r.get(3 * i + 1)?, r.get(3 * i + 2)?))).collect()
        })?;
        for (i, (over_limit, longest, controls)) in row.into_iter().enumerate() {
            if over_limit > 0 {
                over.push(format!(
                    "{table}.{}: {over_limit} over {} characters (the longest {})",
                    cols[i],
                    crate::limits::thousands(limits[i] as usize),
                    crate::limits::thousands(longest.unwrap_or_default() as usize)
                ));
            }
            if controls > 0 {
                over.push(format!("{table}.{}: {controls} holding control characters (NUL, ESC…)", cols[i]));
            }
        }
    }
    for (what, sql, max) in [
        (
            "theme(s) with more than {max} keywords (the most {most})",
            "SELECT count(*), max(n) FROM (SELECT count(*) AS n FROM theme_keyword GROUP BY theme_id HAVING n > ?1)",
            crate::limits::MAX_KEYWORDS,
        ),
        (
            "reading(s) with more than {max} authors (the most {most})",
            "SELECT count(*), max(n) FROM (SELECT count(*) AS n FROM reading_author GROUP BY reading_id HAVING n > ?1)",
            crate::limits::MAX_AUTHORS,
        ),
    ] {
        let (count, most): (i64, Option<i64>) = conn.query_row(sql, [max as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if count > 0 {
            over.push(format!(
                "{count} {}",
                what.replace("{max}", &crate::limits::thousands(max))
                    .replace("{most}", &crate::limits::thousands(most.unwrap_or_default() as usize))
            ));
        }
    }
    Ok(Check {
        check: "text limits".into(),
        ok: over.is_empty(),
        detail: if over.is_empty() {
            "every text is within its limit, without control characters".into()
        } else {
            format!(
                "{}; canon reads them, but a bundle or merge carrying them is refused until they are shortened",
                over.join("; ")
            )
        },
    })
}

/// Copies the database to `dest` with SQLite's online backup, page by page,
/// letting other writers in between steps. Written through
/// [`crate::output::write_file_with`]: to a temporary file next to `dest`,
/// renamed when whole, and never over this database or its `-wal`, `-shm`
/// or `-journal` file (under any name).
pub fn backup(conn: &Connection, dest: &Path) -> Result<()> {
    crate::output::write_file_with(dest, |tmp| {
        let mut target =
            Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
                .with_context(|| format!("creating {}", tmp.display()))?;
        {
            let b = rusqlite::backup::Backup::new(conn, &mut target)?;
            b.run_to_completion(256, Duration::from_millis(5), None).context("copying pages")?;
        }
        // A backup is one self-contained file: no WAL beside it.
        target.pragma_update(None, "journal_mode", "DELETE")?;
        target.pragma_update(None, "synchronous", "FULL")?;
        drop(target);
        std::fs::File::open(tmp)?.sync_all()?;
        Ok(())
    })
    .with_context(|| format!("backing up to {}", dest.display()))
}
