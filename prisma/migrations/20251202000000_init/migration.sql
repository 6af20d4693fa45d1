-- CreateTable
CREATE TABLE "Negotiation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "scaleNote" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "isCore" BOOLEAN NOT NULL,
    "lowLabel" TEXT NOT NULL,
    "highLabel" TEXT NOT NULL,
    CONSTRAINT "Issue_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Party" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Party_kind_check" CHECK ("kind" IN ('actor', 'document')),
    CONSTRAINT "Party_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Position" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "score" INTEGER,
    "status" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "asOf" TEXT,
    "quote" TEXT,
    "notes" TEXT,
    -- Hand-added: the database refuses a score off the scale, an unknown status or confidence, and a
    -- score on a position that is undisclosed or has no position (never a neutral 0).
    CONSTRAINT "Position_score_check" CHECK ("score" IS NULL OR "score" BETWEEN -2 AND 2),
    CONSTRAINT "Position_status_check" CHECK ("status" IN ('stated', 'reported', 'undisclosed', 'no_position')),
    CONSTRAINT "Position_confidence_check" CHECK ("confidence" IN ('high', 'medium', 'low')),
    CONSTRAINT "Position_unknown_unscored_check" CHECK ("status" NOT IN ('undisclosed', 'no_position') OR "score" IS NULL),
    CONSTRAINT "Position_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Position_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "publishedAt" TEXT,
    "isDateApproximate" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    -- Hand-added: a source link is only ever http(s).
    CONSTRAINT "Source_url_check" CHECK ("url" IS NULL OR "url" LIKE 'http://%' OR "url" LIKE 'https://%'),
    CONSTRAINT "Source_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionSource" (
    "positionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("positionId", "sourceId"),
    CONSTRAINT "PositionSource_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Negotiation_slug_key" ON "Negotiation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_negotiationId_slug_key" ON "Issue"("negotiationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Party_negotiationId_slug_key" ON "Party"("negotiationId", "slug");

-- CreateIndex
CREATE INDEX "Position_partyId_idx" ON "Position"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_issueId_partyId_key" ON "Position"("issueId", "partyId");

-- CreateIndex
CREATE INDEX "Source_negotiationId_idx" ON "Source"("negotiationId");

-- CreateIndex
CREATE INDEX "PositionSource_sourceId_idx" ON "PositionSource"("sourceId");
