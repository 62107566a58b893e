-- canon schema: module titles are searched.
--
-- `canon search anaesthesia` found nothing in a module called "Critical Care
-- and Anaesthesia": only session titles, outcomes and readings were indexed.
-- The module index reads its text from the module table (external content,
-- the same porter stemming over unicode61 as the other indexes) and is kept
-- in step by triggers, so every writer of modules (import, edit, merge,
-- bundle, undo) keeps it current without knowing it exists.

CREATE VIRTUAL TABLE module_fts USING fts5 (
    code, title,
    content = 'module', content_rowid = 'id', columnsize = 0,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO module_fts (module_fts) VALUES ('rebuild');

CREATE TRIGGER module_fts_insert AFTER INSERT ON module BEGIN
    INSERT INTO module_fts (rowid, code, title) VALUES (new.id, new.code, new.title);
END;
CREATE TRIGGER module_fts_delete AFTER DELETE ON module BEGIN
    INSERT INTO module_fts (module_fts, rowid, code, title) VALUES ('delete', old.id, old.code, old.title);
END;
CREATE TRIGGER module_fts_update AFTER UPDATE OF code, title ON module BEGIN
    INSERT INTO module_fts (module_fts, rowid, code, title) VALUES ('delete', old.id, old.code, old.title);
    INSERT INTO module_fts (rowid, code, title) VALUES (new.id, new.code, new.title);
END;
