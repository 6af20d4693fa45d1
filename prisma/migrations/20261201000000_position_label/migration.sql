-- A short label per position (what the position is, in a few words), shown in the compact matrix.
-- Rows stored before this migration have an empty label until their dossier is imported again;
-- the matrix then shows the start of the summary instead.
ALTER TABLE "Position" ADD COLUMN "label" TEXT NOT NULL DEFAULT '';

-- Search now also covers labels, notes, source titles and publishers and the party's name:
-- empty the search text so the next start-up derives it again (lib/queries/setup-database.ts).
UPDATE "Position" SET "searchText" = '';
