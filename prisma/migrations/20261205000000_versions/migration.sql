-- Positions over time. A cell's history is a sequence of immutable versions; the "Position" row
-- keeps the cell's current content (its latest valid version), which the current views read.
-- Views as of a date read the versions instead.
--
-- "validFrom" is the day (or month) a version's position was taken or became known and
-- "validTo" the end of that range when it is one; "asOf" keeps the date as written, with its
-- "c." marks, so nothing of a range is lost. "recordedAt" is when the version was entered.
-- A version that retracts an earlier one ("retractsId") records that the earlier report was
-- wrong: from then on no view shows the retracted version, and the retraction is never a cell's
-- content itself.
CREATE TABLE "PositionVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "positionId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "score" INTEGER,
    "status" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL CHECK ("validFrom" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'),
    "validTo" TEXT CHECK ("validTo" IS NULL OR "validTo" >= "validFrom"),
    "isApproximate" BOOLEAN NOT NULL DEFAULT false,
    "quote" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "recordedAt" TEXT NOT NULL,
    "eventId" INTEGER,
    "retractsId" INTEGER,
    CONSTRAINT "PositionVersion_score_check" CHECK ("score" IS NULL OR "score" BETWEEN -2 AND 2),
    CONSTRAINT "PositionVersion_status_check" CHECK ("status" IN ('stated', 'reported', 'undisclosed', 'no_position')),
    CONSTRAINT "PositionVersion_confidence_check" CHECK ("confidence" IN ('high', 'medium', 'low')),
    CONSTRAINT "PositionVersion_unknown_unscored_check" CHECK ("status" NOT IN ('undisclosed', 'no_position') OR "score" IS NULL),
    CONSTRAINT "PositionVersion_retraction_unscored_check" CHECK ("retractsId" IS NULL OR "score" IS NULL),
    CONSTRAINT "PositionVersion_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionVersion_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionVersion_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionVersion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PositionVersion_retractsId_fkey" FOREIGN KEY ("retractsId") REFERENCES "PositionVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PositionVersion_issueId_partyId_validFrom_idx" ON "PositionVersion"("issueId", "partyId", "validFrom");
CREATE INDEX "PositionVersion_positionId_idx" ON "PositionVersion"("positionId");
CREATE INDEX "PositionVersion_partyId_idx" ON "PositionVersion"("partyId");
CREATE INDEX "PositionVersion_retractsId_idx" ON "PositionVersion"("retractsId");
CREATE INDEX "PositionVersion_eventId_idx" ON "PositionVersion"("eventId");

CREATE TABLE "PositionVersionSource" (
    "versionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    PRIMARY KEY ("versionId", "sourceId"),
    CONSTRAINT "PositionVersionSource_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionVersionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PositionVersionSource_sourceId_idx" ON "PositionVersionSource"("sourceId");

-- A version's content and dates are never changed once written. (Its event link may still be
-- cleared when the event itself is deleted, and its derived search text refilled.)
CREATE TRIGGER "PositionVersion_immutable" BEFORE UPDATE OF "positionId", "issueId", "partyId", "label", "summary", "score", "status",
    "confidence", "asOf", "validFrom", "validTo", "isApproximate", "quote", "notes", "recordedAt", "retractsId" ON "PositionVersion"
BEGIN
    SELECT RAISE(ABORT, 'a position version is immutable: record a new version instead');
END;

-- An event may carry a slug, so that versions can name the event that occasioned them.
ALTER TABLE "Event" ADD COLUMN "slug" TEXT;
CREATE UNIQUE INDEX "Event_negotiationId_slug_key" ON "Event"("negotiationId", "slug");

-- Dated facts about the negotiation's context (territory held, battlefield claims), each with
-- its sources and a note on how far it is verified.
CREATE TABLE "Fact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "date" TEXT NOT NULL CHECK ("date" GLOB '[0-9][0-9][0-9][0-9]*'),
    "title" TEXT NOT NULL CHECK (length("title") > 0),
    "summary" TEXT NOT NULL,
    "verification" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Fact_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Fact_negotiationId_sortOrder_idx" ON "Fact"("negotiationId", "sortOrder");

CREATE TABLE "FactSource" (
    "factId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    PRIMARY KEY ("factId", "sourceId"),
    CONSTRAINT "FactSource_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FactSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "FactSource_sourceId_idx" ON "FactSource"("sourceId");

-- Every stored cell becomes its own first version, dated by its "asOf" (or its party's date).
INSERT INTO "PositionVersion" ("id", "positionId", "issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf",
    "validFrom", "validTo", "isApproximate", "quote", "notes", "searchText", "recordedAt")
SELECT p."id", p."id", p."issueId", p."partyId", p."label", p."summary", p."score", p."status", p."confidence", d."text",
    substr(replace(d."text", 'c. ', ''), 1, 10),
    CASE WHEN instr(d."text", '/') > 0 THEN trim(replace(substr(d."text", instr(d."text", '/') + 1), 'c. ', ''))
         WHEN instr(d."text", ' to ') > 0 THEN trim(replace(substr(d."text", instr(d."text", ' to ') + 4), 'c. ', '')) END,
    instr(d."text", 'c. ') > 0, p."quote", p."notes", p."searchText", strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM "Position" p
JOIN (SELECT p2."id", COALESCE(p2."asOf", y."date") AS "text" FROM "Position" p2 JOIN "Party" y ON y."id" = p2."partyId") d ON d."id" = p."id";
INSERT INTO "PositionVersionSource" ("versionId", "sourceId", "sortOrder") SELECT "positionId", "sourceId", "sortOrder" FROM "PositionSource";

-- The current content points at its version.
ALTER TABLE "Position" ADD COLUMN "versionId" INTEGER;
UPDATE "Position" SET "versionId" = "id";

-- An identifier of the negotiation's data that changes with every new version (exports cite it).
ALTER TABLE "Negotiation" ADD COLUMN "dataVersion" TEXT NOT NULL DEFAULT '';
UPDATE "Negotiation" SET "dataVersion" = "id" || '-' || COALESCE(
    (SELECT MAX(v."id") FROM "PositionVersion" v JOIN "Issue" i ON i."id" = v."issueId" WHERE i."negotiationId" = "Negotiation"."id"), 0);
