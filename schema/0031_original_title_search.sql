-- canon schema: the full-text index holds a reading's title in the
-- original language (schema 0030) after its title, so that a search finds
-- a translated work by either (`store::search::fts_title`). Readings that
-- have one are indexed again.
DELETE FROM reading_fts WHERE rowid IN (SELECT id FROM reading WHERE original_title IS NOT NULL);
INSERT INTO reading_fts (rowid, title, authors, annotation)
     SELECT r.id, r.title || ' ' || r.original_title,
            coalesce((SELECT group_concat(name, '; ') FROM
                        (SELECT name FROM reading_author WHERE reading_id = r.id ORDER BY position)), ''),
            r.annotation
       FROM reading r
      WHERE r.original_title IS NOT NULL;
