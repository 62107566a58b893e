-- canon schema, version 1.
--
-- Every record has a stable 64-bit ID: time-ordered (milliseconds since
-- 2020-01-01, a random per-process node and a sequence, like a Snowflake ID)
-- and used as the INTEGER PRIMARY KEY itself, so it costs no extra index and
-- survives export, re-import and merging with another contributor's database.
-- Natural keys (UNIQUE) make re-import an idempotent upsert.
-- Timestamps are ISO-8601 UTC text. PRAGMAs live in store::open, not here.

CREATE TABLE contributor (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,          -- the name or pseudonym they chose to be credited by
    role          TEXT NOT NULL DEFAULT 'student'
                  CHECK (role IN ('student', 'faculty', 'librarian', 'patient-partner', 'maintainer', 'other')),
    affiliation   TEXT,
    is_pseudonym  INTEGER NOT NULL DEFAULT 0 CHECK (is_pseudonym IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE programme (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE module (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    code          TEXT NOT NULL,
    title         TEXT NOT NULL,
    year          INTEGER CHECK (year BETWEEN 1 AND 10),   -- year of study or phase
    lead          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (programme_id, code)
) STRICT;

-- A teaching session, learning outcome, assessment or placement in a module.
CREATE TABLE item (
    id              INTEGER PRIMARY KEY,
    module_id       INTEGER NOT NULL REFERENCES module (id) ON DELETE RESTRICT,
    kind            TEXT NOT NULL DEFAULT 'session'
                    CHECK (kind IN ('session', 'outcome', 'assessment', 'placement')),
    title           TEXT NOT NULL,
    title_hash      INTEGER NOT NULL,           -- FNV-1a 64 of title: the natural key, in a small index
    outcomes        TEXT NOT NULL DEFAULT '',   -- learning outcomes, one per line
    bloom_override  TEXT CHECK (bloom_override IN ('remember', 'understand', 'apply', 'analyse', 'evaluate', 'create')),
    position        INTEGER NOT NULL,           -- order within the source file
    updated_at      TEXT,                       -- NULL until changed; creation time is in the ID
    UNIQUE (module_id, title_hash)
) STRICT;

CREATE TABLE theme (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    parent_id    INTEGER REFERENCES theme (id) ON DELETE RESTRICT,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE theme_keyword (
    theme_id  INTEGER NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
    keyword   TEXT NOT NULL,
    PRIMARY KEY (theme_id, keyword)
) STRICT, WITHOUT ROWID;

CREATE TABLE reading (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    title_key      TEXT NOT NULL,        -- normalised title, for de-duplication
    year           INTEGER,
    type           TEXT NOT NULL DEFAULT 'article',
    container      TEXT,                 -- journal, publisher, podcast series
    doi            TEXT,                 -- lower case, without https://doi.org/ or doi:
    isbn           TEXT,                 -- ISBN-13, digits only
    url            TEXT,
    annotation     TEXT,
    source_kind    TEXT CHECK (source_kind IN ('peer-reviewed', 'grey-literature', 'book', 'lived-experience', 'social-media', 'media', 'other')),
    credit         TEXT,                 -- creator credit as they ask to be credited
    licence        TEXT,                 -- licence or ownership statement
    status         TEXT NOT NULL DEFAULT 'approved' CHECK (status IN ('suggested', 'approved', 'rejected')),
    -- content facets (about the work, never inferred about a person)
    language       TEXT,
    translated     INTEGER CHECK (translated IN (0, 1)),
    global_south   INTEGER CHECK (global_south IN (0, 1)),
    open_access    INTEGER CHECK (open_access IN (0, 1)),
    perspective    TEXT,                 -- whose experience, told by whom
    added_by       INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reading_doi ON reading (doi) WHERE doi IS NOT NULL;
CREATE UNIQUE INDEX reading_isbn ON reading (isbn) WHERE isbn IS NOT NULL;
CREATE INDEX reading_title_key ON reading (title_key, year);

CREATE TABLE reading_author (
    reading_id  INTEGER NOT NULL REFERENCES reading (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,           -- as published, any script
    PRIMARY KEY (reading_id, position)
) STRICT, WITHOUT ROWID;

-- Facets about people are stored only as self-identified or published, with
-- their source and who recorded them. canon never infers them.
CREATE TABLE person_facet (
    id           INTEGER PRIMARY KEY,
    reading_id   INTEGER NOT NULL REFERENCES reading (id) ON DELETE RESTRICT,
    author_position INTEGER,             -- NULL: about the work's creators as a whole
    facet        TEXT NOT NULL,
    value        TEXT NOT NULL,
    basis        TEXT NOT NULL CHECK (basis IN ('self-identified', 'published')),
    source       TEXT NOT NULL,
    recorded_by  INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    recorded_at  TEXT NOT NULL
) STRICT;

CREATE TABLE review (
    id          INTEGER PRIMARY KEY,
    reading_id  INTEGER NOT NULL REFERENCES reading (id) ON DELETE RESTRICT,
    status      TEXT NOT NULL CHECK (status IN ('suggested', 'approved', 'rejected')),
    by_id       INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    at          TEXT NOT NULL,
    note        TEXT
) STRICT;

-- A tag is identified by what it joins: (item, theme) and (reading, theme)
-- are stable across databases, so they need no ID of their own, and
-- WITHOUT ROWID keeps them to one B-tree (an import writes many).
CREATE TABLE item_tag (
    item_id   INTEGER NOT NULL REFERENCES item (id) ON DELETE RESTRICT,
    theme_id  INTEGER NOT NULL REFERENCES theme (id) ON DELETE RESTRICT,
    by_id     INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    at        TEXT NOT NULL,
    source    TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('import', 'manual', 'suggest', 'merge')),
    note      TEXT,
    PRIMARY KEY (item_id, theme_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE reading_tag (
    reading_id  INTEGER NOT NULL REFERENCES reading (id) ON DELETE RESTRICT,
    theme_id    INTEGER NOT NULL REFERENCES theme (id) ON DELETE RESTRICT,
    by_id       INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('import', 'manual', 'suggest', 'merge')),
    note        TEXT,
    PRIMARY KEY (reading_id, theme_id)
) STRICT, WITHOUT ROWID;

-- A reading recommended for an item, or for a whole module.
CREATE TABLE link (
    id          INTEGER PRIMARY KEY,
    reading_id  INTEGER NOT NULL REFERENCES reading (id) ON DELETE RESTRICT,
    item_id     INTEGER REFERENCES item (id) ON DELETE RESTRICT,
    module_id   INTEGER REFERENCES module (id) ON DELETE RESTRICT,
    by_id       INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    at          TEXT NOT NULL,
    note        TEXT,
    CHECK ((item_id IS NULL) <> (module_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX link_item ON link (reading_id, item_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX link_module ON link (reading_id, module_id) WHERE module_id IS NOT NULL;

-- One row per import run: what was read and what it did.
CREATE TABLE import_run (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('modules', 'reading')),
    path       TEXT NOT NULL,
    by_id      INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    at         TEXT NOT NULL,
    added      INTEGER NOT NULL,
    changed    INTEGER NOT NULL,
    unchanged  INTEGER NOT NULL,
    duplicate  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every change. Records added by an import are traced to their import_run
-- (one row for the run); every other insert, and every update and delete,
-- has its own row with the fields before and after, as JSON.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    by_id       INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import')),
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    before      TEXT,
    after       TEXT,
    import_id   INTEGER REFERENCES import_run (id) ON DELETE RESTRICT
) STRICT;
CREATE INDEX history_entity ON history (entity, entity_id);

-- Full-text indexes, kept up to date by the store (in bulk after an import).
CREATE VIRTUAL TABLE item_fts USING fts5 (
    title, outcomes,
    content = 'item', content_rowid = 'id', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE reading_fts USING fts5 (
    title, authors, annotation,
    tokenize = 'unicode61 remove_diacritics 2'
);
