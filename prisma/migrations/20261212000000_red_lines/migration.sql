-- Red lines: per party and issue, the span of steps it has said it can accept, versioned (a line
-- that moves is a new row), with its sources in the negotiation's one bibliography.
CREATE TABLE "RedLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "validFrom" TEXT,
    "isApproximate" BOOLEAN NOT NULL DEFAULT false,
    "quote" TEXT,
    "notes" TEXT,
    "recordedAt" TEXT NOT NULL,
    "authorId" TEXT,
    "reason" TEXT,
    CONSTRAINT "RedLine_span_check" CHECK ("min" BETWEEN -2 AND 2 AND "max" BETWEEN -2 AND 2 AND "min" <= "max"),
    CONSTRAINT "RedLine_basis_check" CHECK ("basis" IN ('stated', 'reported', 'estimated')),
    CONSTRAINT "RedLine_validFrom_check" CHECK ("validFrom" IS NULL OR "validFrom" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CONSTRAINT "RedLine_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RedLine_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RedLine_issueId_partyId_validFrom_idx" ON "RedLine"("issueId", "partyId", "validFrom");
CREATE INDEX "RedLine_partyId_idx" ON "RedLine"("partyId");

CREATE TABLE "RedLineSource" (
    "redLineId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    PRIMARY KEY ("redLineId", "sourceId"),
    CONSTRAINT "RedLineSource_redLineId_fkey" FOREIGN KEY ("redLineId") REFERENCES "RedLine" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RedLineSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RedLineSource_sourceId_idx" ON "RedLineSource"("sourceId");

-- A line is never changed: a new version is written instead.
CREATE TRIGGER "RedLine_immutable" BEFORE UPDATE ON "RedLine"
BEGIN
    SELECT RAISE(ABORT, 'a red line version is never changed; write a new version');
END;
