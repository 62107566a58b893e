-- canon schema: references as published (issue 12e).
--
-- A DOI is stored as published (its letters' case kept) and compared
-- case-insensitively (DOI Handbook §2.4: DOI names are case insensitive,
-- ASCII case folding; SQLite's NOCASE folds the same letters). Earlier
-- versions stored DOIs lower-cased; they keep matching the published form.
DROP INDEX IF EXISTS reading_doi;
CREATE UNIQUE INDEX reading_doi ON reading (doi COLLATE NOCASE) WHERE doi IS NOT NULL;

-- The season of a date ("Winter 2019", RIS `2019///Winter`, CSL `season`),
-- as the source names it: spring, summer, autumn or winter.
ALTER TABLE reading ADD COLUMN season TEXT;

-- Editors of a reading (BibTeX `editor`, RIS `ED`/`A2` of a book, MEDLINE
-- `ED`/`FED`, CSL-JSON `editor`, EndNote `secondary-authors` of a book
-- section), in order, with the same parts as an author. An edited book with
-- no authors is cited by its editors through the style's substitution rule.
CREATE TABLE reading_editor (
    reading_id  INTEGER NOT NULL REFERENCES reading (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,           -- as published, any script
    family      TEXT,
    given       TEXT,
    particle    TEXT,
    suffix      TEXT,
    literal     TEXT,
    PRIMARY KEY (reading_id, position)
) STRICT, WITHOUT ROWID;

-- A journal's abbreviation (MEDLINE `TA`, RIS `J2`, CSL `container-title-short`),
-- which styles that cite the short form (Vancouver) print; the full title
-- stays in `container`.
ALTER TABLE reading ADD COLUMN container_short TEXT;
