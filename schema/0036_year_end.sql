-- canon schema: a range of months across a year end (tester r79).
--
-- MEDLINE `DP  - 2021 Dec-2022 Jan`, RIS `DA  - 2021/12/2022/01`, a sheet's
-- "Dec 2021 - Jan 2022", CSL-JSON `date-parts` [[2021, 12], [2022, 1]],
-- EDTF `2021-12/2022-01`: canon kept the first year and month and said the
-- end was not stored. `year_end` is the range's last year, after `year`;
-- `year_end_month` its last month. `month_end` (0016) cannot hold it: its
-- check wants an end month after the first month of one year, and a shipped
-- check is not changed. The store reads the two as one end month. NULL for
-- every date within one year and every entry stored before this schema
-- (importing the file again fills them).
ALTER TABLE reading ADD COLUMN year_end INTEGER CHECK (year_end IS NULL OR (year IS NOT NULL AND year_end > year));
ALTER TABLE reading ADD COLUMN year_end_month INTEGER CHECK (year_end_month IS NULL OR (year_end IS NOT NULL AND month IS NOT NULL AND month_end IS NULL AND year_end_month BETWEEN 1 AND 12));
