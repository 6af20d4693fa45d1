-- When independent sources disagree about one version of a cell: its competing readings, each with a
-- rank and the reason for it (the version's own content is the preferred reading). A version's
-- readings are written with it and never changed. The version carries what the views filter and the
-- long CSV reads without a join: how many readings it has, whether they make it contested, and the
-- lowest and highest score of those that stand (derived by the app's one rule when written).
ALTER TABLE "PositionVersion" ADD COLUMN "preferredReason" TEXT;
ALTER TABLE "PositionVersion" ADD COLUMN "readingCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "PositionVersion" ADD COLUMN "contested" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PositionVersion" ADD COLUMN "scoreMin" INTEGER;
ALTER TABLE "PositionVersion" ADD COLUMN "scoreMax" INTEGER;
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_readingCount_check" CHECK ("readingCount" >= 0);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_scoreMin_check" CHECK ("scoreMin" IS NULL OR "scoreMin" BETWEEN -2 AND 2);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_scoreMax_check" CHECK ("scoreMax" IS NULL OR ("scoreMax" BETWEEN -2 AND 2 AND "scoreMin" IS NOT NULL AND "scoreMin" <= "scoreMax"));

CREATE TABLE "PositionReading" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "score" INTEGER,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "quote" TEXT,
    "rank" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "PositionReading_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PositionReading_score_check" CHECK ("score" IS NULL OR "score" BETWEEN -2 AND 2),
    CONSTRAINT "PositionReading_status_check" CHECK ("status" IN ('stated', 'reported', 'undisclosed', 'no_position')),
    CONSTRAINT "PositionReading_rank_check" CHECK ("rank" IN ('normal', 'deprecated')),
    CONSTRAINT "PositionReading_check" CHECK ("score" IS NULL OR "status" NOT IN ('undisclosed', 'no_position'))
);

CREATE TABLE "PositionReadingSource" (
    "readingId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "PositionReadingSource_pkey" PRIMARY KEY ("readingId","sourceId")
);

CREATE UNIQUE INDEX "PositionReading_versionId_sortOrder_key" ON "PositionReading"("versionId", "sortOrder");
CREATE INDEX "PositionReadingSource_sourceId_idx" ON "PositionReadingSource"("sourceId");

ALTER TABLE "PositionReading" ADD CONSTRAINT "PositionReading_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PositionReadingSource" ADD CONSTRAINT "PositionReadingSource_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "PositionReading"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PositionReadingSource" ADD CONSTRAINT "PositionReadingSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A reading is never changed: a new version of its cell carries the corrected or re-ranked readings.
CREATE FUNCTION "PositionReading_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a reading is never changed; record a new version of its cell';
END;
$$;
CREATE TRIGGER "PositionReading_immutable" BEFORE UPDATE ON "PositionReading" FOR EACH ROW EXECUTE FUNCTION "PositionReading_immutable"();
