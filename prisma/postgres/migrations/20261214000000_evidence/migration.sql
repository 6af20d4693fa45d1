-- The evidence behind a version (its independent originals and the agreement of its readings), from
-- which the stated rule computes a confidence, and the editor's reason where their confidence differs.
-- Columns added to a table whose rows are never changed: earlier versions stay "not assessed".
ALTER TABLE "PositionVersion" ADD COLUMN "originals" TEXT;
ALTER TABLE "PositionVersion" ADD COLUMN "agreement" TEXT;
ALTER TABLE "PositionVersion" ADD COLUMN "confidenceReason" TEXT;
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_originals_check" CHECK ("originals" IS NULL OR "originals"::jsonb IS NOT NULL);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_agreement_check" CHECK ("agreement" IS NULL OR "agreement" IN ('high', 'medium', 'low'));
