-- canon schema: dates as published and truncated author lists (issue 12k).
--
-- The month (1–12) and day (1–31) of a reading's date, when the source gives
-- them (MEDLINE `DP  - 2019 Apr 2`, RIS `DA  - 2019/04/02/`, BibTeX `month`,
-- CSL-JSON date-parts, EndNote `pub-dates`). A day is kept only with a month,
-- and both only with a year. Older databases have neither (NULL).
ALTER TABLE reading ADD COLUMN month INTEGER CHECK (month BETWEEN 1 AND 12);
ALTER TABLE reading ADD COLUMN day INTEGER CHECK (day BETWEEN 1 AND 31);

-- Flags (0 or 1; NULL, from a bundle written before this schema, is 0).
-- The year is approximate: a copyright year ("c1998") or CSL `circa`.
ALTER TABLE reading ADD COLUMN date_approximate INTEGER DEFAULT 0 CHECK (date_approximate IN (0, 1));

-- The source lists only the first authors and then "et al." (BibTeX
-- `and others`, RIS `AU  - et al.`, CSL-JSON `{"literal": "others"}`, a cell
-- ending "; et al."): styles print "et al." after the stored names.
ALTER TABLE reading ADD COLUMN authors_truncated INTEGER DEFAULT 0 CHECK (authors_truncated IN (0, 1));
