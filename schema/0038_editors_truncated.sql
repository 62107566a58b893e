-- canon schema: truncated editor lists (tester r82, names task 4).
--
-- The source lists only the first editors and then "et al." (BibTeX editor
-- `and others`, RIS `A2  - et al.`, CSL-JSON `{"literal": "others"}`, an
-- editors cell ending "; et al."): styles print "et al." after the stored
-- editors, as `authors_truncated` does for authors. 0 or 1; NULL, from a
-- bundle written before this schema, is 0.
ALTER TABLE reading ADD COLUMN editors_truncated INTEGER DEFAULT 0 CHECK (editors_truncated IN (0, 1));
