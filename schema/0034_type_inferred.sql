-- canon schema: whether a reading's type was stated by its source or
-- inferred by canon (tester r73 F3). A hand-made sheet without a type
-- column, a row whose type cell is empty, a CSL-JSON item without `type`,
-- a RIS record with no `TY` or the generic `TY  - GEN`: canon types such a
-- record from what it holds (a journal: an article; a publisher, place,
-- edition or ISBN and no journal: a book) and says so. An inferred type
-- yields to a type a later source states; it never replaces a stated one.
-- 1 when inferred; NULL when stated, as every reading stored before this
-- migration is taken to be (the behaviour it had).
ALTER TABLE reading ADD COLUMN type_inferred INTEGER CHECK (type_inferred IS NULL OR type_inferred IN (0, 1));
