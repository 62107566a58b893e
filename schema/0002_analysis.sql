-- canon schema, version 2: audit rounds.
--
-- A snapshot freezes the coverage and the gaps of an audit round under a
-- name ("2025 review"), so a later round can be compared with it even after
-- modules, sessions and tags have changed. Rows hold the natural keys and
-- the words shown to people (module code and title, theme slug), not IDs,
-- because what is compared is what the committee saw.

CREATE TABLE snapshot (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    at      TEXT NOT NULL,
    by_id   INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    items   INTEGER NOT NULL,             -- items in the curriculum when frozen
    note    TEXT
) STRICT;

-- The module × theme matrix of the round: tagged items per module and theme.
CREATE TABLE snapshot_coverage (
    snapshot_id   INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    programme     TEXT NOT NULL,
    module_code   TEXT NOT NULL,
    module_title  TEXT NOT NULL,
    year          INTEGER,
    theme         TEXT NOT NULL,          -- slug
    items         INTEGER NOT NULL,       -- items in the module
    tagged        INTEGER NOT NULL,       -- of which tagged with the theme
    PRIMARY KEY (snapshot_id, programme, module_code, theme)
) STRICT, WITHOUT ROWID;

-- The gaps of the round, keyed by what they are about (kind, scope, theme).
CREATE TABLE snapshot_gap (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    scope        TEXT NOT NULL,
    theme        TEXT,
    module_code  TEXT,
    explanation  TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, key)
) STRICT, WITHOUT ROWID;
