-- canon schema: conflict numbers are never reused, and legal material an
-- older canon stored as a report is type `other` (issue 12).
--
-- A conflict's number is what a user notes and types to `canon resolve`
-- ("conflict 3"). The table had a plain INTEGER PRIMARY KEY, so undoing a
-- merge freed its conflicts' numbers and the next merge gave them to other
-- conflicts. Rebuilt with AUTOINCREMENT, every row kept with its number;
-- numbers freed before this migration (by an undone merge whose conflicts
-- were the highest) cannot be known and may be given once more.
CREATE TABLE conflict_autoincrement (
    id           INTEGER PRIMARY KEY AUTOINCREMENT, -- local, small, never reused: what users type to `resolve`
    entity       TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    fields       TEXT NOT NULL,
    ours         TEXT NOT NULL,
    theirs       TEXT NOT NULL,
    source       TEXT NOT NULL,
    found_at     TEXT NOT NULL,
    found_by     INTEGER REFERENCES contributor (id) ON DELETE RESTRICT,
    resolution   TEXT CHECK (resolution IN ('ours', 'theirs')),
    resolved_at  TEXT,
    resolved_by  INTEGER REFERENCES contributor (id) ON DELETE RESTRICT
) STRICT;
INSERT INTO conflict_autoincrement
    (id, entity, entity_id, fields, ours, theirs, source, found_at, found_by, resolution, resolved_at, resolved_by)
SELECT id, entity, entity_id, fields, ours, theirs, source, found_at, found_by, resolution, resolved_at, resolved_by
  FROM conflict ORDER BY id;
DROP TABLE conflict;
ALTER TABLE conflict_autoincrement RENAME TO conflict;
CREATE INDEX conflict_entity ON conflict (entity, entity_id);

-- A statute, act, bill, legal case or hearing: canon's importers store it
-- as type `other` with that genre (cited as legal material); an older
-- canon stored it as a `report`. Migrations run without history, so this
-- change has no history entry and `canon undo` does not revert it; the
-- genre, which says what the work is, is kept. (The same rule, by
-- `legal_genre` in src/store/readings.rs, makes a re-import or a merge
-- take `other` over such a stored `report`.)
UPDATE reading SET type = 'other'
 WHERE type = 'report'
   AND lower(trim(genre)) IN
       ('statute', 'act', 'legislation', 'ordinance', 'regulation', 'bill', 'legal case', 'case', 'hearing');
