-- canon schema: the PubMed identifier as a field (issue 12l).
--
-- A PMID (MEDLINE `PMID`, BibTeX `pmid`, CSL-JSON `PMID`, RIS/EndNote
-- accession number of a PubMed record, CSV `pmid`): digits only, no leading
-- zeros. One PMID names one work, as a DOI does: imports match duplicates by
-- it. The index is not unique: two entries an older canon kept apart may
-- share one, and are reported, never merged silently.
ALTER TABLE reading ADD COLUMN pmid TEXT CHECK (pmid IS NULL OR (pmid <> '' AND pmid NOT GLOB '*[^0-9]*'));
CREATE INDEX reading_pmid ON reading (pmid) WHERE pmid IS NOT NULL;

-- Existing entries are filled in Rust, after this file, in the same
-- transaction (`store::readings::fill_pmids`): from a stored PubMed URL
-- (https://pubmed.ncbi.nlm.nih.gov/N, www.ncbi.nlm.nih.gov/pubmed/N), which
-- canon before issue 12j made of a MEDLINE record's PMID, else from a notes
-- line "PMID: N", which canon's MEDLINE import from 12j wrote. Both are kept
-- as they are: a URL may have been chosen by a person, and a notes line
-- cannot be told apart from one a person typed (a note that was only
-- canon's "PMID: N" stays, and a person may remove it with `reading edit`).
-- Nothing a user stored is rewritten; the PMID is only added.
