-- canon schema: item keywords.
--
-- Subject keywords a source gives a session (a Curriculum Inventory
-- `Keyword`, often a MeSH heading; a keywords column in a module list).
-- They are evidence for `canon suggest`, not learning outcomes, so they
-- live beside the item rather than in its outcomes. An import adds
-- keywords and never removes one; removing an item removes its keywords.

CREATE TABLE item_keyword (
    item_id  INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    keyword  TEXT NOT NULL,
    PRIMARY KEY (item_id, keyword)
) STRICT, WITHOUT ROWID;
