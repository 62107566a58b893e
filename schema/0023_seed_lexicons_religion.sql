-- Issue 13 (13c): the seeded Intersectional health lexicon gained
-- "weathering" (Geronimus's term, matched as itself only, never "weather")
-- and "anti-muslim" (src/store/seed.rs, keywords_0023), for sessions a
-- tester wrote that `suggest` missed. No schema change: the Rust step after
-- this migration (store::themes::reseed_keywords) adds to each seeded theme
-- the seed keywords it lacks, never one a user removed.
SELECT 1;
