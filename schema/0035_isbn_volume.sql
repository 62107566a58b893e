-- canon schema: one ISBN for the volumes of a set (tester r76 F16). A
-- library catalogue gives a multi-volume work one ISBN for the set and
-- names the volume in a qualifier ("0415047722 (v. 1)", "(v. 2)"); canon
-- reads the volume from it. Two whole works with one ISBN and two volume
-- numbers are two volumes of one set, and both are kept: the ISBN is
-- unique per volume among whole works. The rule the importers, `reading
-- edit`, `merge` and `undo` follow is stricter (one ISBN with one volume
-- and the other none is one work; volumes compared without case or outer
-- spaces): see `store::readings::isbn_holder`. Chapters and conference
-- papers keep their book's ISBN (0011).
DROP INDEX IF EXISTS reading_isbn;
CREATE UNIQUE INDEX reading_isbn ON reading (isbn, lower(trim(coalesce(volume, ''))))
    WHERE isbn IS NOT NULL AND type NOT IN ('chapter', 'conference-paper');
