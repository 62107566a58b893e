-- canon schema: the translators of a reading (issue 12; BibTeX/biblatex
-- `translator`, CSL-JSON `translator`, RIS `A4` of a book and the `TA`
-- tag some exporters write, EndNote XML `translated-author`, Zotero's
-- "Translator" column, a reading list's "translator" column), in order,
-- with the same parts as an author. APA 7 §9.39 cites them "(R. Philcox,
-- Trans.)", Citing Medicine ch. 2 "Philcox R, translator.", CMOS 17
-- §14.103 "Translated by Richard Philcox." Imports named them as not
-- stored before.
CREATE TABLE reading_translator (
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
