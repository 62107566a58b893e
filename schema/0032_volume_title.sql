-- canon schema: the title of one volume of a multi-volume work (tester
-- r69 F6). A volume, or a chapter in one, keeps the whole work's title as
-- its title (a chapter: its container), its number in `volume`, and the
-- volume's own title here (biblatex `title` of a volume beside its
-- `maintitle`, CSL 1.0.2 `volume-title`): "Companion Encyclopedia of the
-- History of Medicine", volume 2, "Medicine in Society". Each style prints
-- the three as its manual does (Citing Medicine "Title. Vol. 2, Volume
-- title."; APA 7 "Title: Vol. 2. Volume title"). NULL when the volume has
-- no title of its own. Imports folded it into the title before.
ALTER TABLE reading ADD COLUMN volume_title TEXT;
