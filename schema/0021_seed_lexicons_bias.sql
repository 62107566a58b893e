-- Issue 13 (13b): the seeded theme lexicons gained the words of sessions a
-- tester wrote that `suggest` missed (weathering and allostatic load,
-- Islamophobia and antisemitism, gender bias in trials, women's heart
-- attacks; src/store/seed.rs, keywords_0021). No schema change: the Rust
-- step after this migration (store::themes::reseed_keywords) adds to each
-- seeded theme the seed keywords it lacks.
SELECT 1;
