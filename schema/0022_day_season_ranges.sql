-- canon schema: a date that is a range of days or of seasons (issue 12, branch 12d).
--
-- The last day of a range of days in one month, after `day`: MEDLINE
-- `DP  - 1998 May 3-5` (NLM, MEDLINE Element Descriptions, DP: the date
-- "may include a range"), biblatex/EDTF `date = {1998-05-03/1998-05-05}`,
-- EndNote's "May 5-11", Zotero's "May 5-11, 2019", CSL-JSON `date-parts`
-- with two days. Citing Medicine cites it whole ("1998 May 3-5", ch. 1,
-- "Date of publication"). A range across months keeps its start, as before.
ALTER TABLE reading ADD COLUMN day_end INTEGER CHECK (day_end IS NULL OR (day IS NOT NULL AND day_end BETWEEN 2 AND 31 AND day_end > day AND month_end IS NULL));

-- The last season of a range of seasons, after `season`: MEDLINE `DP  -
-- 1998 Summer-Fall`, BibTeX `month = {summer--fall}`, EDTF
-- `1998-22/1998-23`, CSL `raw "Summer-Fall 1998"` (Citing Medicine: "1998
-- Summer-Fall"). NULL for one season and for every entry stored before
-- this schema (importing the file again fills it).
ALTER TABLE reading ADD COLUMN season_end TEXT CHECK (season_end IS NULL OR (season IS NOT NULL AND season_end IN ('spring', 'summer', 'autumn', 'winter') AND season_end <> season));
