-- A negotiation's own words for the ends of its scale, and a label for every step of an issue's
-- scale (JSON: five steps, −2 to +2, each with its label and whether it is interpolated).
ALTER TABLE "Issue" ADD COLUMN "steps" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Negotiation" ADD COLUMN "lowEnd" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Negotiation" ADD COLUMN "highEnd" TEXT NOT NULL DEFAULT '';
