-- canon schema: where an archival document is kept (tester r96 F3). The
-- archive or repository that holds the item (CSL `archive`: "The National
-- Archives", "LSHTM Archives") and its place in that archive, the shelfmark
-- or call number (CSL `archive_location`: "CO 98/45"). Read from CSL-JSON
-- `archive`/`archive_location`, Zotero's "Archive"/"Archive Location"
-- columns, RIS `AV`, biblatex `library` and the `archive`/
-- `archive_location` fields BibTeX exporters write, EndNote XML
-- `<archive-location>`... as each carries them. NULL when not given. Styles
-- that print an archive for unpublished material print them (Citing
-- Medicine "Located at: …"; APA, Chicago, Cite Them Right). Imports named
-- them as not stored before.
ALTER TABLE reading ADD COLUMN archive TEXT;
ALTER TABLE reading ADD COLUMN archive_location TEXT;
