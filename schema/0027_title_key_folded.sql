-- canon schema: the title key folds what sources spell their own way
-- (issue 12): diacritics ("São"/"Sao"), inline markup ("<i>…</i>"),
-- apostrophes and "&" for "and". One work without a DOI, imported from two
-- sources, was two records. The keys are recomputed in Rust after this
-- migration (store::readings::rekey_titles); nothing here changes the table.
SELECT 1;
