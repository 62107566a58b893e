-- canon schema: a book's other valid ISBNs (tester r79 F3, F12). A
-- catalogue or EndNote gives one book's cloth and paperback ISBNs in one
-- field; the reading keeps one (`reading.isbn`, as published) and its
-- others here, as ISBN-13, so a later record that gives only another of
-- them is the same book, and a file listing the stored ISBN among its
-- ISBNs never replaces it. Gone with its reading.
CREATE TABLE reading_other_isbn (
    reading_id INTEGER NOT NULL REFERENCES reading (id) ON DELETE CASCADE,
    isbn       TEXT NOT NULL,
    PRIMARY KEY (reading_id, isbn)
) STRICT;
CREATE INDEX reading_other_isbn_by_isbn ON reading_other_isbn (isbn);
