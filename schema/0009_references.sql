-- canon schema: references as published.
--
-- An author is kept as structured parts beside the name as the source
-- wrote it (`name`, untouched): family, given, particle ("van der",
-- "al-") and suffix ("Jr.") for a person, or a literal for an
-- institution. Names stored before this version are split by canon
-- (store::readings::split_stored_names) in the same transaction as this
-- migration; their `name` is not changed.
ALTER TABLE reading_author ADD COLUMN family TEXT;
ALTER TABLE reading_author ADD COLUMN given TEXT;
ALTER TABLE reading_author ADD COLUMN particle TEXT;
ALTER TABLE reading_author ADD COLUMN suffix TEXT;
ALTER TABLE reading_author ADD COLUMN literal TEXT;

-- More of the record, as the formats give it.
ALTER TABLE reading ADD COLUMN year_note TEXT;   -- why there is no year: "in press", "forthcoming"…
ALTER TABLE reading ADD COLUMN volume TEXT;
ALTER TABLE reading ADD COLUMN issue TEXT;
ALTER TABLE reading ADD COLUMN pages TEXT;
ALTER TABLE reading ADD COLUMN publisher TEXT;
ALTER TABLE reading ADD COLUMN place TEXT;       -- place of publication
ALTER TABLE reading ADD COLUMN edition TEXT;
