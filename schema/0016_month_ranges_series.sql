-- canon schema: a date that is a range of months, and a series (issue 12o).
--
-- The last month (1–12) of a range of months in one year, after `month`:
-- MEDLINE `DP  - 2019 Apr-May`, RIS `DA  - 2019/04-05/`, BibTeX `month =
-- {apr--may}`, CSL-JSON `date-parts` with two parts ([[2019, 4], [2019, 5]]).
-- `month` keeps the first month as before; a range has no day. NULL for a
-- single month and for every entry stored before this schema (canon kept
-- only the first month then; the source must be imported again to add the
-- second).
ALTER TABLE reading ADD COLUMN month_end INTEGER CHECK (month_end IS NULL OR (month_end BETWEEN 1 AND 12 AND month IS NOT NULL AND month_end > month));

-- The series a book, or the book a chapter or paper is in, belongs to (RIS
-- and EndNote `T3`/tertiary-title, a book's `T2`/secondary-title, BibTeX
-- `series`, CSL-JSON `collection-title`). canon stored an EndNote Edited
-- Book's series as its container before: such entries keep what they have
-- (nothing tells a series from a container once stored); importing the file
-- again fills the series.
ALTER TABLE reading ADD COLUMN series TEXT;
