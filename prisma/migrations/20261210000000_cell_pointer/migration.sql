-- A cell keeps only a pointer to its current version: its content lives in its versions alone, so
-- "Position" loses the copy of the content and "PositionSource" the copy of the citations. The
-- table is redefined the way Prisma's CLI writes it; the start-up migrator turns foreign keys off
-- around the whole migration (they cannot be turned off inside its transaction), so dropping the
-- old table cascades to nothing, and checks every foreign key before it commits.
-- Also: the data version every write advances (one row), read by every app instance's response
-- cache, and Better Auth's rate-limit counts, kept in the database so that instances share them.
-- DropIndex
DROP INDEX "PositionSource_sourceId_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PositionSource";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Position" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "versionId" INTEGER,
    CONSTRAINT "Position_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Position_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Position_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Position" ("id", "issueId", "partyId", "versionId") SELECT "id", "issueId", "partyId", "versionId" FROM "Position";
DROP TABLE "Position";
ALTER TABLE "new_Position" RENAME TO "Position";
CREATE INDEX "Position_partyId_idx" ON "Position"("partyId");
CREATE UNIQUE INDEX "Position_issueId_partyId_key" ON "Position"("issueId", "partyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
