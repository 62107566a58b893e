-- canon schema: the date a work (a web page, most often) was consulted,
-- CSL `accessed` (issue 12). RIS `Y2`, CSL-JSON `accessed`, biblatex
-- `urldate`, Zotero's "Access Date", EndNote XML `access-date`. Citing
-- Medicine cites it for an Internet item ("[cited 2024 Mar 5]", 2nd ed.,
-- ch. 22 and 25); Cite Them Right "(Accessed: 5 March 2024)". An ISO date,
-- "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when that is all the source gives;
-- NULL when it gives none. Imports named it as not stored before.
ALTER TABLE reading ADD COLUMN accessed TEXT
    CHECK (accessed IS NULL OR accessed GLOB '[0-9][0-9][0-9][0-9]'
           OR accessed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
           OR accessed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
