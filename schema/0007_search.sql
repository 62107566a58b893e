-- canon schema: full-text indexes that match English word stems.
--
-- Both indexes are rebuilt with SQLite's porter tokenizer over unicode61, so
-- "colonial" finds "colonialism" and "equations" finds "equation". Their
-- columns and names are unchanged, so every writer keeps working; the item
-- index is rebuilt from its content table and the reading index is copied
-- row by row (it holds the joined author names the writers put in it).

DROP TABLE item_fts;
CREATE VIRTUAL TABLE item_fts USING fts5 (
    title, outcomes,
    content = 'item', content_rowid = 'id', columnsize = 0,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO item_fts (item_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE reading_fts_stemmed USING fts5 (
    title, authors, annotation,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO reading_fts_stemmed (rowid, title, authors, annotation)
    SELECT rowid, title, authors, annotation FROM reading_fts;
DROP TABLE reading_fts;
ALTER TABLE reading_fts_stemmed RENAME TO reading_fts;
