-- Clause lineage: drafts (a matrix column or not), their points (versioned: the latest holds; a
-- point nobody could see has no text) and links saying what became of a point in a later draft
-- (versioned per pair), each with sources in the negotiation's one bibliography.
CREATE TABLE "Draft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "partyId" INTEGER,
    "date" TEXT NOT NULL,
    "publishedOn" TEXT NOT NULL,
    "fullText" BOOLEAN NOT NULL,
    "reportedPoints" INTEGER,
    "notes" TEXT,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Draft_publishedOn_check" CHECK ("publishedOn" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CONSTRAINT "Draft_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Draft_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "DraftSource" (
    "draftId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("draftId", "sourceId"),
    CONSTRAINT "DraftSource_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DraftPoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "draftId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "DraftPoint_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DraftPointVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pointId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "isVerbatim" BOOLEAN NOT NULL,
    "language" TEXT,
    "textEn" TEXT,
    "isComplete" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL,
    "statusNote" TEXT,
    "statusDate" TEXT,
    "notes" TEXT,
    "recordedAt" TEXT NOT NULL,
    "authorId" TEXT,
    "reason" TEXT,
    CONSTRAINT "DraftPointVersion_status_check" CHECK ("status" IN ('agreed', 'open', 'disputed', 'unknown')),
    CONSTRAINT "DraftPointVersion_seen_check" CHECK ("text" IS NOT NULL OR (NOT "isVerbatim" AND "language" IS NULL AND "textEn" IS NULL)),
    CONSTRAINT "DraftPointVersion_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "DraftPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DraftPointIssue" (
    "versionId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "issueId"),
    CONSTRAINT "DraftPointIssue_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftPointVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftPointIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DraftPointSource" (
    "versionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "sourceId"),
    CONSTRAINT "DraftPointSource_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftPointVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftPointSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "PointLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromDraftId" INTEGER NOT NULL,
    "fromPointId" INTEGER,
    "toDraftId" INTEGER NOT NULL,
    "toPointId" INTEGER,
    "change" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "basisNote" TEXT,
    "confidence" TEXT NOT NULL,
    "notes" TEXT,
    "recordedAt" TEXT NOT NULL,
    "authorId" TEXT,
    "reason" TEXT,
    CONSTRAINT "PointLink_change_check" CHECK ("change" IN ('kept', 'modified', 'deleted', 'added', 'split', 'merged', 'renumbered')),
    CONSTRAINT "PointLink_basis_check" CHECK ("basis" IN ('press', 'comparison')),
    CONSTRAINT "PointLink_confidence_check" CHECK ("confidence" IN ('high', 'medium', 'low')),
    CONSTRAINT "PointLink_ends_check" CHECK (("change" = 'deleted' AND "fromPointId" IS NOT NULL AND "toPointId" IS NULL) OR ("change" = 'added' AND "fromPointId" IS NULL AND "toPointId" IS NOT NULL) OR ("change" NOT IN ('deleted', 'added') AND "fromPointId" IS NOT NULL AND "toPointId" IS NOT NULL)),
    CONSTRAINT "PointLink_drafts_check" CHECK ("fromDraftId" <> "toDraftId"),
    CONSTRAINT "PointLink_fromDraftId_fkey" FOREIGN KEY ("fromDraftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointLink_fromPointId_fkey" FOREIGN KEY ("fromPointId") REFERENCES "DraftPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointLink_toDraftId_fkey" FOREIGN KEY ("toDraftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointLink_toPointId_fkey" FOREIGN KEY ("toPointId") REFERENCES "DraftPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "PointLinkSource" (
    "linkId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("linkId", "sourceId"),
    CONSTRAINT "PointLinkSource_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PointLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointLinkSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "Draft_partyId_idx" ON "Draft"("partyId");

CREATE UNIQUE INDEX "Draft_negotiationId_slug_key" ON "Draft"("negotiationId", "slug");

CREATE INDEX "DraftSource_sourceId_idx" ON "DraftSource"("sourceId");

CREATE UNIQUE INDEX "DraftPoint_draftId_number_key" ON "DraftPoint"("draftId", "number");

CREATE INDEX "DraftPointVersion_pointId_idx" ON "DraftPointVersion"("pointId");

CREATE INDEX "DraftPointIssue_issueId_idx" ON "DraftPointIssue"("issueId");

CREATE INDEX "DraftPointSource_sourceId_idx" ON "DraftPointSource"("sourceId");

CREATE INDEX "PointLink_fromDraftId_idx" ON "PointLink"("fromDraftId");

CREATE INDEX "PointLink_toDraftId_idx" ON "PointLink"("toDraftId");

CREATE INDEX "PointLink_fromPointId_idx" ON "PointLink"("fromPointId");

CREATE INDEX "PointLink_toPointId_idx" ON "PointLink"("toPointId");

CREATE INDEX "PointLinkSource_sourceId_idx" ON "PointLinkSource"("sourceId");

-- A point's version and a link's version are never changed: a new version is written instead.
CREATE TRIGGER "DraftPointVersion_immutable" BEFORE UPDATE ON "DraftPointVersion"
BEGIN
    SELECT RAISE(ABORT, 'a point version is never changed; write a new version');
END;
CREATE TRIGGER "PointLink_immutable" BEFORE UPDATE ON "PointLink"
BEGIN
    SELECT RAISE(ABORT, 'a link version is never changed; write a new version');
END;
