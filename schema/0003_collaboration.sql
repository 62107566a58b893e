-- canon schema, version 3: collaboration.
--
-- Merging another contributor's database or bundle lists records changed
-- on both sides as conflicts, kept here until `canon resolve`: both
-- versions stay, so neither side's edit is lost.

CREATE TABLE conflict (
    id           INTEGER PRIMARY KEY,            -- local, small: what users type to `resolve`
    entity       TEXT NOT NULL,                  -- the table: reading, item, module, theme, contributor…
    entity_id    INTEGER NOT NULL,               -- our record's ID
    fields       TEXT NOT NULL,                  -- JSON array of the fields that differ
    ours         TEXT NOT NULL,                  -- our version, JSON
    theirs       TEXT NOT NULL,                  -- their version (IDs mapped to ours), JSON
    source       TEXT NOT NULL,                  -- the database or bundle merged
    found_at     TEXT NOT NULL,
    found_by     INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    resolution   TEXT CHECK (resolution IN ('ours', 'theirs')),
    resolved_at  TEXT,
    resolved_by  INTEGER REFERENCES contributor (id) ON DELETE RESTRICT
) STRICT;
CREATE INDEX conflict_entity ON conflict (entity, entity_id);

-- Why a change was made, when it was not typed directly: "undo of #12",
-- "merged from b.db", "resolve conflict #3 (theirs)".
ALTER TABLE history ADD COLUMN note TEXT;
