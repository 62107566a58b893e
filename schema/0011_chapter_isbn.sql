-- A book's ISBN is shared by its chapters (and a proceedings' by its papers):
-- the ISBN names one entry only among whole works. Chapters and conference
-- papers keep their book's ISBN and are told apart by title.
DROP INDEX IF EXISTS reading_isbn;
CREATE UNIQUE INDEX reading_isbn ON reading (isbn)
    WHERE isbn IS NOT NULL AND type NOT IN ('chapter', 'conference-paper');
CREATE INDEX reading_isbn_any ON reading (isbn) WHERE isbn IS NOT NULL;
