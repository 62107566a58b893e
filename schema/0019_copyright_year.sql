-- canon schema: a copyright year apart from an approximate one (issue 12y).
--
-- "c1998" is a copyright year as MEDLINE and Citing Medicine write it
-- (Citing Medicine 2nd ed., ch. 2, "Date of publication": "c2005"): an exact
-- year, cited "c1998" in Vancouver and as the year in APA 7 (§9.14) and
-- Chicago. "circa 1998" and "c. 1998" are approximate (`date_approximate`),
-- cited "[1998?]" in Vancouver and "ca. 1998" in APA. canon stored both as
-- approximate before: those readings stay approximate (nothing stored tells
-- which they were); importing the file again sets the mark.
ALTER TABLE reading ADD COLUMN date_copyright INTEGER DEFAULT 0 CHECK (date_copyright IN (0, 1));
