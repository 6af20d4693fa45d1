-- Text derived at write time, so that views search and exports format in SQL and read only what
-- they show: folded search text (lowercase, accents removed) and each source's citation line.
-- Hand-written as ADD COLUMN: Prisma's generated table rebuild would drop the first migration's
-- CHECK constraints. Rows stored before this migration get the values at the next start-up
-- (lib/queries/setup-database.ts fills the empty ones).
ALTER TABLE "Issue" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Position" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Source" ADD COLUMN "citation" TEXT NOT NULL DEFAULT '';

-- Rows of a negotiation in dossier order, for paging.
CREATE INDEX "Issue_negotiationId_sortOrder_idx" ON "Issue"("negotiationId", "sortOrder");
