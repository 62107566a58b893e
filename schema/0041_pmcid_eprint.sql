-- canon schema: a work's PubMed Central and e-print identifiers (tester
-- r100 F5). `pmcid` is the PubMed Central ID in its normal form, "PMC" and
-- digits ("PMC7000001"); `eprint` an arXiv identifier as written, new style
-- ("2101.01234", "2101.01234v2") or old ("hep-th/9901001"). Read from
-- MEDLINE `PMC`, CSL-JSON `PMCID`/`arXiv`, biblatex `pmcid` and `eprint`
-- with `eprinttype = {arxiv}` (or `archivePrefix = {arXiv}`), Zotero's
-- Extra ("PMCID: …", "arXiv: …"), PubMed's CSV "PMCID" and the reading
-- sheet's "pmcid"/"eprint" columns. NULL when not given. Like a DOI or
-- PMID, either names one work: an import matching one is the same work.
-- Imports named them as not stored before.
ALTER TABLE reading ADD COLUMN pmcid TEXT
    CHECK (pmcid IS NULL OR (pmcid GLOB 'PMC[0-9]*' AND substr(pmcid, 4) NOT GLOB '*[^0-9]*'));
ALTER TABLE reading ADD COLUMN eprint TEXT CHECK (eprint IS NULL OR eprint <> '');
CREATE INDEX reading_pmcid ON reading(pmcid) WHERE pmcid IS NOT NULL;
CREATE INDEX reading_eprint ON reading(eprint) WHERE eprint IS NOT NULL;
