-- When independent sources disagree about one version of a cell: its competing readings, each with a
-- rank and the reason for it (the version's own content is the preferred reading). A version's
-- readings are written with it and never changed. The version carries what the views filter and the
-- long CSV reads without a join: how many readings it has, whether they make it contested, and the
-- lowest and highest score of those that stand (derived by the app's one rule when written).
ALTER TABLE "PositionVersion" ADD COLUMN "preferredReason" TEXT;
ALTER TABLE "PositionVersion" ADD COLUMN "readingCount" INTEGER NOT NULL DEFAULT 0 CHECK ("readingCount" >= 0);
ALTER TABLE "PositionVersion" ADD COLUMN "contested" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PositionVersion" ADD COLUMN "scoreMin" INTEGER CHECK ("scoreMin" IS NULL OR "scoreMin" BETWEEN -2 AND 2);
ALTER TABLE "PositionVersion" ADD COLUMN "scoreMax" INTEGER CHECK ("scoreMax" IS NULL OR ("scoreMax" BETWEEN -2 AND 2 AND "scoreMin" IS NOT NULL AND "scoreMin" <= "scoreMax"));

CREATE TABLE "PositionReading" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "score" INTEGER CHECK ("score" IS NULL OR "score" BETWEEN -2 AND 2),
    "status" TEXT NOT NULL CHECK ("status" IN ('stated', 'reported', 'undisclosed', 'no_position')),
    "summary" TEXT NOT NULL,
    "quote" TEXT,
    "rank" TEXT NOT NULL CHECK ("rank" IN ('normal', 'deprecated')),
    "reason" TEXT NOT NULL,
    CONSTRAINT "PositionReading_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("score" IS NULL OR "status" NOT IN ('undisclosed', 'no_position'))
);

CREATE TABLE "PositionReadingSource" (
    "readingId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("readingId", "sourceId"),
    CONSTRAINT "PositionReadingSource_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "PositionReading" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionReadingSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "PositionReading_versionId_sortOrder_key" ON "PositionReading"("versionId", "sortOrder");

CREATE INDEX "PositionReadingSource_sourceId_idx" ON "PositionReadingSource"("sourceId");

-- A reading is never changed: a new version of its cell carries the corrected or re-ranked readings.
CREATE TRIGGER "PositionReading_immutable" BEFORE UPDATE ON "PositionReading"
BEGIN
    SELECT RAISE(ABORT, 'a reading is never changed; record a new version of its cell');
END;
