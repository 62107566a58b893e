-- canon schema: the number of pages of a whole work (issue 12, branch 12e).
--
-- A book's, report's or thesis's extent, as the formats give it apart from
-- a part's page range: BibTeX/biblatex `pagetotal`, CSL-JSON
-- `number-of-pages`, Zotero `numPages` ("Num Pages" in its CSV, `SP` alone
-- in its RIS of a book), EndNote's "Number of Pages" (RIS `SP`, XML
-- `pages` of a whole-work type). Citing Medicine cites it "120 p." (2nd
-- ed., ch. 2 and 15, "Pagination"). Text as written ("120", "xii, 340");
-- NULL when the source gives none.
ALTER TABLE reading ADD COLUMN page_count TEXT CHECK (page_count IS NULL OR trim(page_count) <> '');

-- A number in the series beside another number of the work: a report's
-- number in its series ("WHO Technical Report Series; no. 1019", CSL
-- `collection-number`) when the report's own number ("WHO/HIS/2019.1", CSL
-- `number`) is the issue, where canon keeps a report's number. A book's
-- number in its series stays the issue, as before; NULL otherwise.
ALTER TABLE reading ADD COLUMN series_number TEXT CHECK (series_number IS NULL OR trim(series_number) <> '');
