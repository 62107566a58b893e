-- Issue 13 (round 5): the seeded theme lexicons were widened (src/store/seed.rs).
-- No schema change: the Rust step after this migration
-- (store::themes::reseed_keywords) adds to each seeded theme the seed keywords
-- it lacks, so an existing database matches what a new one is seeded with.
SELECT 1;
