-- canon schema: the title of a work in its own language when the stored
-- title is an English translation of it (tester r62 F3). MEDLINE writes a
-- non-English article's title translated, in brackets (`TI  - [Colonial
-- medicine in French West Africa].`), and the title as published in `TT`;
-- CSL-JSON `original-title`, biblatex `origtitle`, RIS and EndNote's
-- translated title give the pair too. APA 7 §9.38, Chicago and Cite Them
-- Right cite the original followed by the translation in brackets; Citing
-- Medicine the translation alone. NULL when the source gives none.
-- Imports named it as not stored before.
ALTER TABLE reading ADD COLUMN original_title TEXT;
