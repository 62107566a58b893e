-- Issue 13 (round 6): the seeded theme lexicons were widened again from MeSH
-- entry terms (src/store/seed.rs, keywords_0017). No schema change: the Rust
-- step after this migration (store::themes::reseed_keywords) adds to each
-- seeded theme the seed keywords it lacks, never one the history shows a
-- user took out.
SELECT 1;
