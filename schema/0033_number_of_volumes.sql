-- canon schema: the number of volumes of a multi-volume work (tester r71
-- F12): CSL 1.0.2 `number-of-volumes`, BibTeX/biblatex `volumes`, RIS `NV`,
-- EndNote `num-vols`, Zotero's "Number Of Volumes", a catalogue's "2 vols."
-- in a volume cell. Digits as text ("2"); NULL when not given. Each style
-- prints it as its manual does (Citing Medicine "2 vol.", CMOS 17 "2 vols.",
-- APA 7 "(Vols. 1–2)"). Imports named it as not stored before.
ALTER TABLE reading ADD COLUMN number_of_volumes TEXT;
