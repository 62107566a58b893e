-- canon schema: the conference at which a paper or presentation was given
-- (tester r98 F2). The event's name (CSL `event-title`, formerly `event`:
-- "6th Global Symposium on Health Systems Research"), where it was held
-- (CSL `event-place`: "Dubai, United Arab Emirates") and when, as written
-- or as an ISO date (CSL `event-date`: "2020-11-08"). Read from CSL-JSON
-- `event-title`/`event`/`event-place`/`event-date`, biblatex
-- `eventtitle`/`venue`/`eventdate`, Zotero's "Conference Name"/"Meeting
-- Name", RIS and EndNote conference papers with no publisher (T2, CY)...
-- as each carries them. NULL when not given. A paper with no proceedings
-- is cited by its event ("Paper presented at: …", Citing Medicine ch. 3;
-- APA 7 §10.5). Imports named them as not stored before.
ALTER TABLE reading ADD COLUMN event TEXT;
ALTER TABLE reading ADD COLUMN event_place TEXT;
ALTER TABLE reading ADD COLUMN event_date TEXT;
