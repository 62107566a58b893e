-- canon schema: the year a reprinted or translated work first appeared
-- (issue 12; CSL `original-date`, biblatex `origdate`, EndNote's "Original
-- Publication", RIS `OP`). APA 7 §9.41 and §10.2 cite it "(Original work
-- published 1961)"; CMOS 17 §15.38 puts it before the edition's year,
-- "(1961) 2004". The year as digits ("1961"), or the source's text when it
-- is no plain year ("ca. 375 BCE"); NULL when the source gives none.
-- Imports named it as not stored before.
ALTER TABLE reading ADD COLUMN original_year TEXT;
