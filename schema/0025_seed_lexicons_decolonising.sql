-- Issue 13 (13e): the seeded Historical awareness lexicon gained
-- "decolonising the curriculum" and its kin ("decolonising medicine",
-- "decolonisation of medical education"…; src/store/seed.rs, keywords_0025):
-- a session on decolonising the curriculum was not suggested for the theme.
-- Never "decolonisation" alone, a microbiology session's word for clearing
-- MRSA carriage. No schema change: the Rust step after this migration
-- (store::themes::reseed_keywords) adds to each seeded theme the seed
-- keywords it lacks, never one a user removed.
SELECT 1;
