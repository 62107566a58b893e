-- canon schema: a reading's genre (issue 12w).
--
-- What kind of piece a reading is within its type, as CSL's `genre`
-- variable holds it (CSL 1.0.2, Appendix IV "Variables": "type, class, or
-- subtype of the item"): a journal's letter, editorial, comment, review or
-- published erratum, as MEDLINE's publication type (`PT`) says (NLM,
-- *MEDLINE/PubMed Data Element Descriptions*, PT). canon stored such a
-- record as a plain article before: those readings have no genre (nothing
-- stored tells it); importing the file again fills it.
ALTER TABLE reading ADD COLUMN genre TEXT;
