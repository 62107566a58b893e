-- canon schema: audit facets (issue 16).
--
-- A translated work keeps the language it was first written in beside the
-- language of the edition on the list (both ISO 639 codes as canon
-- normalises them, e.g. "fr", "sw", or a BCP 47 tag such as "pt-BR").
ALTER TABLE reading ADD COLUMN original_language TEXT;

-- A facet about an author is recorded against an author position of a
-- reading; the name at that position when it was recorded is kept beside
-- it, so the facet follows its person when an author list is reordered or
-- merged with another contributor's copy (NULL for a facet about the
-- work's creators as a whole).
ALTER TABLE person_facet ADD COLUMN author_name TEXT;

-- One value per facet per author of a reading (or per reading, for the
-- creators as a whole): a second record of the same facet is an edit.
-- Nothing wrote to person_facet before this version, so no database holds
-- two such rows.
CREATE UNIQUE INDEX person_facet_key ON person_facet (reading_id, ifnull(author_position, 0), facet);
